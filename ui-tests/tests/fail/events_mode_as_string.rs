#[casper_dsl::contract(events = "ces")]
pub mod token {
    use casper_dsl::prelude::*;

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
