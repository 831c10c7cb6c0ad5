#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    pub struct Memo;

    #[event]
    pub struct Transfer {
        pub amount: U256,
        pub memo: Memo,
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
