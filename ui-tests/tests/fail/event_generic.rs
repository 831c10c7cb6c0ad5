// A const parameter with a default, used by no field: the module emitted beside the error still
// compiles. With `<T>`, its event impls (which name `Transfer` and the field types alone) would
// add rustc errors.
#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[event]
    pub struct Transfer<const DECIMALS: u8 = 9> {
        pub amount: U256,
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
