#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[event]
    pub struct Transfer(Key, Key, U256);

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
