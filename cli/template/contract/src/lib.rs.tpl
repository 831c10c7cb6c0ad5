//! A stored contract written with casper-dsl: a counter that starts at the install argument
//! `start`.
//!
//! `cargo test` runs it on a local chain; `cargo casper-dsl build` writes the module to deploy
//! to `target/casper-dsl/{{module}}.wasm`.
#![no_std]

#[casper_dsl::contract]
pub mod {{module}} {
    use casper_dsl::prelude::*;

    /// Named key of the count, in the contract's named keys.
    pub const COUNT: &str = "count";

    /// Runs once, inside the contract, when it is installed.
    #[init]
    pub fn init(start: u64) {
        put_key(COUNT, storage::new_uref(start).into());
    }

    /// Adds `by` to the count and returns the new count.
    #[entry_point]
    pub fn increment(by: u64) -> u64 {
        let count = count_uref();
        let next = read(count).checked_add(by).unwrap_or_revert();
        storage::write(count, next);
        next
    }

    /// The current count.
    #[entry_point]
    pub fn get() -> u64 {
        read(count_uref())
    }

    fn count_uref() -> URef {
        get_key(COUNT).and_then(Key::into_uref).unwrap_or_revert()
    }

    fn read(count: URef) -> u64 {
        storage::read_or_revert(count)
    }
}
