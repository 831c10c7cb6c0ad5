//! Session code: sends `amount` motes from the signer's main purse to `target`.
#![no_std]

#[casper_dsl::session]
pub mod transfer {
    use casper_dsl::prelude::*;

    /// Why a transfer was refused, reverted as `ApiError::User(code)`.
    #[repr(u16)]
    pub enum TransferError {
        /// The signer's main purse holds less than `amount`.
        InsufficientBalance = 1,
    }

    impl From<TransferError> for ApiError {
        fn from(error: TransferError) -> Self {
            ApiError::User(error as u16)
        }
    }

    /// Session code runs with the account's permissions: it can spend from its main purse.
    #[call]
    pub fn call(target: AccountHash, amount: U512) -> Result<(), ApiError> {
        let purse = casper_dsl::casper_contract::contract_api::account::get_main_purse();
        if system::get_purse_balance(purse).unwrap_or_default() < amount {
            return Err(TransferError::InsufficientBalance.into());
        }
        system::transfer_to_account(target, amount, None)?;
        Ok(())
    }
}
