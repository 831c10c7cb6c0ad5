//! Everything a token needs beyond entry points: state, typed errors, events, groups, an
//! upgrade hook.

#[casper_dsl::contract(name = "token")]
pub mod token {
    use casper_dsl::prelude::*;

    #[state]
    pub const TOTAL_SUPPLY: Var<U256> = Var::new("total_supply");
    #[state]
    pub const BALANCES: Mapping<Key, U256> = Mapping::new("balances");
    #[state]
    pub const ALLOWANCES: Mapping<(Key, Key), U256> = Mapping::new("allowances");

    #[casper_dsl::error]
    #[derive(Clone, Copy, Debug)]
    pub enum TokenError {
        InsufficientBalance = 1,
        Overflow = 2,
    }

    /// Emitted on every mint.
    #[event]
    pub struct Mint {
        pub recipient: Key,
        pub amount: U256,
    }

    #[init]
    pub fn init(supply: U256) {
        TOTAL_SUPPLY.set(supply);
    }

    #[upgrade]
    pub fn upgrade() {}

    #[entry_point(groups = ["admin", "minter"])]
    pub fn mint(recipient: Key, amount: U256) -> Result<(), TokenError> {
        TOTAL_SUPPLY.checked_add(amount).ok_or(TokenError::Overflow)?;
        let balance = BALANCES.get_or_default(&recipient);
        BALANCES.set(&recipient, balance + amount);
        emit(Mint { recipient, amount });
        Ok(())
    }

    #[entry_point]
    pub fn balance_of(owner: Key) -> U256 {
        BALANCES.get_or_default(&owner)
    }
}

fn main() {
    let _: casper_dsl::ApiError = token::TokenError::Overflow.into();
    let _ = token::calls::mint;
}
