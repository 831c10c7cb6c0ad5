#[casper_dsl::call]
pub fn call() {}

fn main() {}
