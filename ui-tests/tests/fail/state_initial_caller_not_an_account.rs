#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    #[state(initial = caller)]
    pub const COUNT: Var<u64> = Var::new("count");

    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }
}

fn main() {}
