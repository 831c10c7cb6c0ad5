#[casper_dsl::upgrade]
pub fn migrate() {}

fn main() {}
