#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[state("total_supply")]
    pub const TOTAL_SUPPLY: Var<U256> = Var::new("total_supply");

    #[entry_point]
    pub fn total_supply() -> U256 {
        TOTAL_SUPPLY.get()
    }
}

fn main() {}
