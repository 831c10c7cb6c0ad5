#[casper_dsl::error]
pub struct TokenError(u16);

fn main() {}
