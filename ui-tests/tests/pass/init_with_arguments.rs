#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[init]
    pub fn init(name: String, decimals: u8, supply: Option<U256>) -> Result<(), ApiError> {
        put_key("name", storage::new_uref(name).into());
        put_key("decimals", storage::new_uref(decimals).into());
        put_key("supply", storage::new_uref(supply.unwrap_or_default()).into());
        Ok(())
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        18
    }
}

fn main() {}
