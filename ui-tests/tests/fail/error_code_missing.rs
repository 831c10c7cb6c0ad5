#[casper_dsl::error]
pub enum TokenError {
    InsufficientBalance = 1,
    Overflow,
}

fn main() {}
