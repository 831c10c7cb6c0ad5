#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    #[entry_point]
    pub fn add(by: Option<u64>, label: core::option::Option<String>) -> u64 {
        let _ = label;
        by.unwrap_or(1)
    }
}

fn main() {}
