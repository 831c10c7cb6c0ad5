#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    #[state(initial = arg(start))]
    pub const COUNT: Var<u64> = Var::new("count");
    #[state(initial = arg(start))]
    pub const FIRST: Var<u64> = Var::new("first");
    #[state(initial = arg(owner))]
    pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");

    #[init]
    pub fn init(owner: AccountHash) {}

    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }
}

fn main() {}
