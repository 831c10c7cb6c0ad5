//! A counter stored on chain, starting at the `start` install argument: `increment`, `get`, an
//! owner-only `reset`, and `checkpoint`, which saves the current count under a new contract
//! named key.
#![no_std]

#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    /// The count: a URef under the contract named key `count`, holding the `start` install
    /// argument at first.
    #[state(initial = arg(start))]
    pub const COUNT: Var<u64> = Var::new("count");
    /// The installing account: the contract named key `owner` (a `Key::Account`).
    #[state(initial = caller)]
    pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");
    /// Named key `checkpoint` uses when no label is given.
    pub const DEFAULT_CHECKPOINT: &str = "checkpoint";

    /// The counter's own errors, reverted as `ApiError::User(code)`.
    #[repr(u16)]
    pub enum CounterError {
        /// `reset` was called by an account other than the installer.
        NotOwner = 1,
    }

    impl From<CounterError> for ApiError {
        fn from(error: CounterError) -> Self {
            ApiError::User(error as u16)
        }
    }

    /// Adds `by` and returns the new count; panics (reverting with the runtime's panic code)
    /// if the count would overflow.
    #[entry_point]
    pub fn increment(by: u64) -> u64 {
        COUNT.checked_add(by).expect("count overflows u64")
    }

    /// The current count.
    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }

    /// Sets the count back to zero; only the installing account may.
    #[entry_point]
    pub fn reset() -> Result<(), CounterError> {
        if OWNER.get() != get_caller() {
            return Err(CounterError::NotOwner);
        }
        COUNT.set(0);
        Ok(())
    }

    /// Saves the current count in a new URef under the contract named key `label`
    /// (default `checkpoint`).
    #[entry_point]
    pub fn checkpoint(label: Option<String>) {
        let saved = storage::new_uref(COUNT.get());
        put_key(label.as_deref().unwrap_or(DEFAULT_CHECKPOINT), saved.into());
    }
}
