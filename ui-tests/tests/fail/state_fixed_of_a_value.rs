#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    #[state(initial = arg(start))]
    pub const START: Fixed<u64> = Fixed::new("start");

    #[entry_point]
    pub fn start() -> u64 {
        START.get()
    }
}

fn main() {}
