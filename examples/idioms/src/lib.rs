//! Everyday Rust idioms in a contract module, each meaning on chain exactly what it says:
//!
//! * a crate-local `Result` alias: `Err` reverts, undoing every write made before it;
//! * an `Option` parameter behind an alias: the argument may be left out;
//! * `#[cfg]` on an entry point: absent from the exports and the entry-point table alike;
//! * `Vec<u8>` arguments and results through the typed interface;
//! * names the generated code must not capture (a parameter `args`, an event field `bytes`)
//!   and types written relative to the module (`super::Amount`);
//! * the attributes named by their path (`#[casper_dsl::entry_point]`);
//! * `keep_previous_versions`: an upgrade leaves the version it replaces callable;
//! * `groups`: an entry point only holders of a user group's URef may call, the installing
//!   account being given one.
#![no_std]

/// Amounts, declared outside the contract module.
pub type Amount = u64;

#[casper_dsl::contract(keep_previous_versions)]
pub mod idioms {
    use casper_dsl::prelude::*;

    /// The largest total `add` accepts.
    pub const LIMIT: u64 = 100;

    #[casper_dsl::error]
    pub enum IdiomError {
        /// `add` would take the total above [`LIMIT`].
        OverLimit = 1,
    }

    /// The crate-local `Result` most Rust code declares.
    pub type Result<T> = core::result::Result<T, IdiomError>;
    /// An optional value under another name.
    pub type Maybe<T> = Option<T>;

    /// The running total.
    #[state]
    pub const TOTAL: Var<u64> = Var::new("total");

    /// Sent by every `add`; its fields are named like the generated code's locals.
    #[event]
    pub struct Added {
        pub bytes: Vec<u8>,
        pub writer: u64,
    }

    #[casper_dsl::init]
    pub fn init(start: super::Amount) {
        TOTAL.set(start);
    }

    /// Adds `args` to the total, sends [`Added`], then refuses a total above [`LIMIT`]: the
    /// write and the event before the `Err` are undone with the revert.
    #[casper_dsl::entry_point]
    pub fn add(args: super::Amount, memo: Maybe<String>) -> Result<super::Amount> {
        let total = TOTAL.get() + args;
        TOTAL.set(total);
        let bytes = memo.map(String::into_bytes).unwrap_or_default();
        emit(Added {
            bytes,
            writer: args,
        });
        if total > LIMIT {
            return Err(IdiomError::OverLimit);
        }
        Ok(total)
    }

    #[entry_point]
    pub fn total() -> self::super::Amount {
        TOTAL.get()
    }

    /// Returns its argument reversed.
    #[entry_point]
    pub fn reverse(data: Vec<u8>) -> Vec<u8> {
        data.into_iter().rev().collect()
    }

    /// Sets the total back to zero: only callers holding a URef of the `auditor` group may,
    /// and the installer gives the installing account one (`idioms_auditor_group`).
    #[entry_point(groups = ["auditor"])]
    pub fn clear() {
        TOTAL.set(0);
    }

    /// Only in builds with the `audit` feature.
    #[cfg(feature = "audit")]
    #[entry_point]
    pub fn audit() -> u64 {
        TOTAL.get()
    }
}
