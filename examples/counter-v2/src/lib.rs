//! The second version of the `counter` contract: installed from the account that installed
//! the first, it is added to the same package. The count carries over, `decrement` is new, and
//! `#[upgrade]` runs once inside the new version.
#![no_std]

#[casper_dsl::contract]
pub mod counter {
    use casper_dsl::prelude::*;

    /// The count: the first version's named key, which the new version keeps.
    #[state]
    pub const COUNT: Var<u64> = Var::new("count");
    /// How many upgrades this package went through (0 for a fresh install of this version).
    #[state]
    pub const UPGRADES: Var<u32> = Var::new("upgrades");

    /// Named key whose value is the installing account's `Key`, as the first version set it.
    pub const OWNER: &str = "owner";

    #[casper_dsl::error]
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum CounterError {
        /// `reset` by an account other than the owner.
        NotOwner = 1,
        /// `decrement` below zero.
        Underflow = 2,
    }

    /// Runs when this version is installed into a new package.
    #[init]
    pub fn init(start: u64) {
        COUNT.set(start);
        put_key(OWNER, immediate_caller());
    }

    /// Runs once inside this version when it is added to an existing package.
    #[upgrade]
    pub fn upgrade() {
        UPGRADES.checked_add(1).unwrap_or_revert();
    }

    #[entry_point]
    pub fn increment(by: u64) -> u64 {
        COUNT.checked_add(by).unwrap_or_revert()
    }

    /// New in this version.
    #[entry_point]
    pub fn decrement(by: u64) -> Result<u64, CounterError> {
        COUNT.checked_sub(by).ok_or(CounterError::Underflow)
    }

    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }

    /// Sets the count back to zero; only the owner may.
    #[entry_point]
    pub fn reset() -> Result<(), CounterError> {
        require_caller(get_key(OWNER).unwrap_or_revert(), CounterError::NotOwner)?;
        COUNT.set(0);
        Ok(())
    }

    #[entry_point]
    pub fn upgrades() -> u32 {
        UPGRADES.get()
    }
}
