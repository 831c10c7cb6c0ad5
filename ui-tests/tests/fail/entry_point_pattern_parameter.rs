#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn add((a, b): (u64, u64)) {}
}

fn main() {}
