#[casper_dsl::error(u16)]
pub enum TokenError {
    InsufficientBalance = 1,
}

fn main() {}
