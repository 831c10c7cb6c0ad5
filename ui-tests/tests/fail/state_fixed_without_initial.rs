#[casper_dsl::contract]
pub mod vault {
    use casper_dsl::prelude::*;

    #[state]
    pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");

    #[entry_point]
    pub fn owner() -> AccountHash {
        OWNER.get()
    }
}

fn main() {}
