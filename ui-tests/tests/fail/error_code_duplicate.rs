#[casper_dsl::error]
pub enum TokenError {
    InsufficientBalance = 1,
    InsufficientAllowance = 1,
}

fn main() {}
