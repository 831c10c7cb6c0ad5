#[casper_dsl::error]
pub enum TokenError {
    InsufficientBalance { missing: u64 } = 1,
}

fn main() {}
