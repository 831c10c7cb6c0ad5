//! A `Result` return reverts on `Err` and an `Option` parameter is optional whatever the types
//! are called: an alias, a re-export, a fully qualified path.
#[casper_dsl::contract]
pub mod token {
    use casper_dsl::prelude::*;

    #[casper_dsl::error]
    pub enum TokenError {
        Empty = 1,
    }

    pub type Result<T> = core::result::Result<T, TokenError>;
    pub type Maybe<T> = Option<T>;
    use core::result::Result as Outcome;

    #[entry_point]
    pub fn alias(amount: U256) -> Result<U256> {
        if amount.is_zero() { Err(TokenError::Empty) } else { Ok(amount) }
    }

    #[entry_point]
    pub fn reexport() -> Outcome<(), TokenError> {
        Ok(())
    }

    #[entry_point]
    pub fn qualified(memo: core::option::Option<String>, tag: Maybe<u8>) -> ::core::result::Result<u8, ApiError> {
        let _ = memo;
        Ok(tag.unwrap_or(0))
    }

    #[init]
    pub fn init() -> Result<()> {
        Ok(())
    }
}

fn main() {
    // The typed interface knows the error each entry point declares.
    let _: casper_dsl::Call<casper_dsl::casper_types::U256, token::TokenError> =
        token::calls::alias(1.into());
    let _: casper_dsl::Call<u8, casper_dsl::ApiError> = token::calls::qualified(None, Some(1));
}
