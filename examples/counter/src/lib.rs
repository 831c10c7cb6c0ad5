//! A counter stored on chain: `init(start)` at install, `increment`, `get`, an owner-only
//! `reset`, and `checkpoint`, which saves the current count under a new contract named key.
#![no_std]

#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    /// Named key of the count's URef (in the contract).
    pub const COUNT: &str = "count";
    /// Named key of the installing account (in the contract).
    pub const OWNER: &str = "owner";
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

    /// Runs once, inside the contract, during install.
    #[init]
    pub fn init(start: u64) {
        put_key(COUNT, storage::new_uref(start).into());
        put_key(OWNER, Key::Account(get_caller()));
    }

    /// Adds `by` and returns the new count; panics (reverting with the runtime's panic code)
    /// if the count would overflow.
    #[entry_point]
    pub fn increment(by: u64) -> u64 {
        let count = count_uref();
        let next = read(count).checked_add(by).expect("count overflows u64");
        storage::write(count, next);
        next
    }

    /// The current count.
    #[entry_point]
    pub fn get() -> u64 {
        read(count_uref())
    }

    /// Sets the count back to zero; only the installing account may.
    #[entry_point]
    pub fn reset() -> Result<(), CounterError> {
        if get_key_as::<AccountHash>(OWNER) != Some(get_caller()) {
            return Err(CounterError::NotOwner);
        }
        storage::write(count_uref(), 0u64);
        Ok(())
    }

    /// Saves the current count in a new URef under the contract named key `label`
    /// (default `checkpoint`).
    #[entry_point]
    pub fn checkpoint(label: Option<String>) {
        let saved = storage::new_uref(read(count_uref()));
        put_key(label.as_deref().unwrap_or(DEFAULT_CHECKPOINT), saved.into());
    }

    fn count_uref() -> URef {
        get_key_as::<URef>(COUNT).unwrap_or_revert()
    }

    fn read(count: URef) -> u64 {
        storage::read_or_revert(count)
    }
}
