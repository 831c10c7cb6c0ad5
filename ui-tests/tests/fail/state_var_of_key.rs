#[casper_dsl::contract]
pub mod registry {
    use casper_dsl::prelude::*;

    #[state]
    const OWNER: Var<Key> = Var::new("owner");

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
