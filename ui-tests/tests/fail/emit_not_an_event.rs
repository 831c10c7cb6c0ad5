#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    pub struct Transfer {
        pub amount: U256,
    }

    #[entry_point]
    pub fn transfer(amount: U256) {
        emit(Transfer { amount });
    }
}

fn main() {}
