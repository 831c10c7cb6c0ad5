#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[state(initial = caller)]
    pub const BALANCES: Mapping<Key, U256> = Mapping::new("balances");

    #[entry_point]
    pub fn balance_of(owner: Key) -> U256 {
        BALANCES.get_or_default(&owner)
    }
}

fn main() {}
