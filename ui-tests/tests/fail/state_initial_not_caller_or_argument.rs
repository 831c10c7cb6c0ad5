#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    #[state(initial = 5)]
    pub const COUNT: Var<u64> = Var::new("count");
    #[state(initial = arg("start"))]
    pub const START: Var<u64> = Var::new("start");
    #[state(initial)]
    pub const LAST: Var<u64> = Var::new("last");
    #[state(owner = caller)]
    pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");
    #[state(initial = caller, initial = caller)]
    pub const ADMIN: Fixed<AccountHash> = Fixed::new("admin");
    #[state(initial = arg(self))]
    pub const SELF: Var<u64> = Var::new("self");

    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }
}

fn main() {}
