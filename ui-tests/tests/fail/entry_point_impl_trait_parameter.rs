#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn add(by: impl Into<u64>) {}
}

fn main() {}
