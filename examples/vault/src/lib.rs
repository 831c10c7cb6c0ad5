//! A contract that calls another: `vault` keeps its deposits' total in an installed `counter`,
//! through the counter's generated interface, on the counter's package (its latest version,
//! so the vault keeps working when the counter is upgraded).
#![no_std]

#[casper_dsl::contract]
pub mod vault {
    use casper_dsl::prelude::*;
    use counter::counter::calls as counter_calls;

    /// Contract named key holding the counter's package hash.
    pub const COUNTER: &str = "counter";

    /// Remembers which counter to use.
    #[init]
    pub fn init(counter: ContractPackageHash) {
        put_key(COUNTER, Key::Hash(counter.value()));
    }

    /// Adds `amount` to the counter and returns the new total the counter reports.
    #[entry_point]
    pub fn deposit(amount: u64) -> u64 {
        counter_calls::increment(amount).call(counter())
    }

    /// The total, as the counter reports it.
    #[entry_point]
    pub fn total() -> u64 {
        counter_calls::get().call(counter())
    }

    /// Asks the counter to reset; the counter only lets its installing account do that, so this
    /// reverts with the counter's own error.
    #[entry_point]
    pub fn reset() {
        counter_calls::reset().call(counter())
    }

    fn counter() -> ContractPackageHash {
        get_key_as::<ContractPackageHash>(COUNTER).unwrap_or_revert_with(ApiError::MissingKey)
    }
}
