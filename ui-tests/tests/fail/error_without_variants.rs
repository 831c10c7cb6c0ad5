#[casper_dsl::error]
pub enum TokenError {}

fn main() {}
