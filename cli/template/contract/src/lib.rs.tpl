//! A stored contract written with casper-dsl: a counter that starts at the install argument
//! `start`.
//!
//! `cargo test` runs it on a local chain; `cargo build --release --target
//! wasm32-unknown-unknown` (or `cargo casper-dsl build`) writes the module to deploy, linked by
//! the crate in the directory above, to
//! `target/wasm32-unknown-unknown/release/{{module}}.wasm`.
#![no_std]

#[casper_dsl::contract]
pub mod {{module}} {
    use casper_dsl::prelude::*;

    /// The count, created by the installer under the contract named key `count`, holding the
    /// install argument `start` at first.
    #[state(initial = arg(start))]
    pub const COUNT: Var<u64> = Var::new("count");

    /// The contract's errors, each reverting with `ApiError::User(code)`.
    #[casper_dsl::error]
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum CounterError {
        /// The count would exceed `u64::MAX`.
        Overflow = 1,
    }

    /// Adds `by` to the count and returns the new count.
    #[entry_point]
    pub fn increment(by: u64) -> Result<u64, CounterError> {
        COUNT.checked_add(by).ok_or(CounterError::Overflow)
    }

    /// The current count.
    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }
}
