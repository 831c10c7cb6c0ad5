#[casper_dsl::contract]
mod counter;

fn main() {}
