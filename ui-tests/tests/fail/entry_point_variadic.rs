#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn add(by: u64, _: ...) {}
}

fn main() {}
