#[casper_dsl::contract]
pub mod vault {
    use casper_dsl::prelude::*;

    pub enum VaultError {
        Empty = 1,
    }

    impl From<VaultError> for ApiError {
        fn from(error: VaultError) -> Self {
            ApiError::User(error as u16)
        }
    }

    #[entry_point]
    pub fn take(amount: U512) -> Result<U512, VaultError> {
        if amount.is_zero() { Err(VaultError::Empty) } else { Ok(amount) }
    }

    #[entry_point]
    pub fn check() -> Result<(), ApiError> {
        Ok(())
    }

    #[entry_point]
    pub fn check_core() -> core::result::Result<(), VaultError> {
        Ok(())
    }
}

fn main() {}
