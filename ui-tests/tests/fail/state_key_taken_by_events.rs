#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[state]
    pub const LOG: Mapping<u32, Bytes> = Mapping::new("__events");

    #[event]
    pub struct Burn {
        pub amount: U256,
    }

    #[entry_point]
    pub fn burn(amount: U256) {
        emit(Burn { amount });
    }
}

fn main() {}
