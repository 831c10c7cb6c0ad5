#[casper_dsl::contract]
pub fn get() -> u64 {
    1
}

fn main() {}
