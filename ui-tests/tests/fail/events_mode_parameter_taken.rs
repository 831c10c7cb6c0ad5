#[casper_dsl::contract(events = chosen_at_install)]
pub mod token {
    use casper_dsl::prelude::*;

    #[event]
    pub struct Burn {
        pub amount: U256,
    }

    #[init]
    pub fn init(events_mode: u8) {
        let _ = events_mode;
    }

    #[entry_point]
    pub fn burn(amount: U256) {
        emit(Burn { amount });
    }
}

fn main() {}
