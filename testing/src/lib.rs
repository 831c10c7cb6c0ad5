//! Host-side test kit for casper-dsl contracts: a local Casper chain running in-process on the
//! real execution engine (casper-engine-test-support 8.1.1), and the wasm to run on it, built
//! through the same pipeline as `cargo casper-dsl build`, so tests run the bytes you would
//! deploy. `cargo test` alone is enough.
//!
//! # Testing a contract
//!
//! A contract is tested through the interface its module generates: `installer(..)` takes the
//! `#[init]` arguments and `calls::<entry_point>(..)` an entry point's.
//!
//! - [`Chain::install`] builds the contract crate's wasm (once per process) and installs it;
//!   it returns the [`Deployed`] contract's hashes.
//! - [`Chain::call`] calls an entry point and returns its result as the entry point's own type,
//!   or, when it fails, a [`CallError`] in the entry point's own error type.
//!   [`Chain::call_as`] calls on behalf of another account, [`Chain::call_pinned`] calls the
//!   installed version rather than the package's latest.
//! - [`Chain::last_execution`] is the [`Execution`] of the latest install or call: its gas, its
//!   [events](Execution::events), its error.
//! - [`Chain::contract_named_keys`], [`Chain::account_named_keys`], [`Chain::read_key`] and
//!   [`Chain::read_dictionary_item`] read what a contract stored; [`Chain::balance`] and
//!   [`Chain::state_root`] show what moved (or, after a failure, that nothing did).
//!
//! ```no_run
//! # #[casper_dsl::contract]
//! # pub mod counter {
//! #     use casper_dsl::prelude::*;
//! #     #[state]
//! #     pub const COUNT: Var<u64> = Var::new("count");
//! #     #[casper_dsl::error]
//! #     pub enum CounterError { Overflow = 1 }
//! #     #[event]
//! #     pub struct Incremented { pub by: u64 }
//! #     #[init]
//! #     pub fn init(start: u64) { COUNT.set(start); }
//! #     #[entry_point]
//! #     pub fn increment(by: u64) -> Result<u64, CounterError> {
//! #         let count = COUNT.checked_add(by).ok_or(CounterError::Overflow)?;
//! #         emit(Incremented { by });
//! #         Ok(count)
//! #     }
//! # }
//! use casper_dsl_testing::Chain;
//! use counter::{calls, installer, CounterError, Incremented, COUNT};
//!
//! let mut chain = Chain::new();
//! let counter = chain.install(installer(1)).expect("installs"); // `init(start = 1)`
//!
//! let count: u64 = chain.call(&counter, calls::increment(5)).unwrap();
//! assert_eq!(count, 6);
//! let increment = chain.last_execution();
//! println!("increment: {} gas", increment.gas);
//! assert_eq!(increment.events::<Incremented>().len(), 1);
//!
//! // A revert is an `Err` in the entry point's own error type; it changed nothing.
//! let overflow = chain.call(&counter, calls::increment(u64::MAX)).unwrap_err();
//! assert!(overflow.is(CounterError::Overflow), "{overflow}");
//!
//! let keys = chain.contract_named_keys(counter.contract_hash);
//! let count = *keys.get(COUNT.name()).expect("the installer created the count");
//! assert_eq!(chain.read_key::<u64>(count), 6);
//! ```
//!
//! # Gas snapshots
//!
//! A [`GasSnapshot`] keeps the gas of a scenario in a file in the repository: a test fails when
//! an install or a call costs more than the file says, and `CASPER_DSL_UPDATE_GAS=1 cargo test`
//! writes the new figures (see its example).
//!
//! # Testing a session
//!
//! Session code has no generated installer: [`Chain::run_session`] runs the module
//! [`wasm!`] builds (the crate under test's, or `wasm!("../other")`'s) in the context of the
//! signing account, with the deploy arguments of a [`runtime_args!`], and returns its
//! [`Execution`].
//!
//! ```no_run
//! use casper_dsl_testing::{runtime_args, wasm, ApiError, Chain};
//!
//! let mut chain = Chain::new();
//! let signer = chain.create_funded_account();
//! let args = runtime_args! { "name" => "answer", "value" => 42u64 };
//! chain.run_session(signer, wasm!(), args).expect_success();
//! let answer = *chain.account_named_keys(signer).get("answer").expect("stored");
//! assert_eq!(chain.read_key::<u64>(answer), 42);
//!
//! let missing = chain.run_session(signer, wasm!(), runtime_args! { "name" => "answer" });
//! assert_eq!(missing.expect_revert(), ApiError::MissingArgument);
//! ```
//!
//! # The raw API
//!
//! [`Chain::call_contract`] and [`Chain::call_contract_package`] call an entry point by name
//! with [`RuntimeArgs`]; [`Chain::contract_hash_under`] and [`Chain::package_hash_under`] read
//! the handles an installer left in an account. They are for what the typed API cannot
//! express (a call with missing, extra or mistyped arguments, to see the contract or the
//! engine refuse it) and for modules without a generated interface (hand-written, or another
//! project's, installed with [`Chain::run_session`]). [`Chain::builder`] is the
//! casper-engine-test-support builder underneath, for anything else.
//!
//! # Targets and networks
//!
//! Modules are built for `wasm32v1-none`; `CASPER_DSL_TARGET=wasm32-unknown-unknown cargo test`
//! ([`TARGET_VARIABLE`]) runs the same tests on the lowered `wasm32-unknown-unknown` build.
//! `CASPER_DSL_ADDRESSABLE_ENTITY=1 cargo test` ([`ADDRESSABLE_ENTITY_VARIABLE`]) runs them on
//! a chain with addressable entities on; [`Chain::with_strict_argument_checking`] makes the
//! engine check every call against the entry-point table.
//!
//! The types a test needs are re-exported, so a contract crate needs only this crate as a
//! dev-dependency.

#![warn(missing_docs)]

mod build;
mod chain;
mod execution;
mod gas;
mod interface;
#[doc(hidden)]
pub mod tooling;

pub use build::{build_wasm, TARGET_VARIABLE};
pub use chain::{Chain, ADDRESSABLE_ENTITY_VARIABLE, FUNDED_ACCOUNT_BALANCE};
pub use execution::Execution;
pub use gas::{GasSnapshot, UPDATE_GAS_VARIABLE};
pub use interface::{CallError, Deployed};

pub use casper_engine_test_support;
pub use casper_execution_engine::{self, engine_state::Error as EngineError, execution::ExecError};
pub use casper_types::{
    self,
    account::AccountHash,
    bytesrepr::{FromBytes, ToBytes},
    contracts::{ContractHash, ContractPackageHash, NamedKeys},
    runtime_args, ApiError, CLType, CLTyped, CLValue, Digest, EntityEntryPoint, Key, RuntimeArgs,
    URef, U256, U512,
};

/// The module to deploy for a crate, built in release mode for `wasm32v1-none` or the target
/// [`TARGET_VARIABLE`] names (at most once per process): for [`Chain::run_session`].
///
/// - `wasm!()` builds the crate whose tests are being compiled (its `CARGO_MANIFEST_DIR`).
/// - `wasm!("../counter")` builds the crate in a directory relative to that one, e.g. another
///   example a test needs alongside its own.
///
/// Expands to a call of [`build_wasm`]; evaluates to `&'static [u8]`. A contract is installed
/// with [`Chain::install`], which builds it itself.
///
/// # Panics
///
/// As [`build_wasm`]: if the crate does not build into a deployable module.
#[macro_export]
macro_rules! wasm {
    () => {
        $crate::build_wasm(env!("CARGO_MANIFEST_DIR"))
    };
    ($relative_dir:expr) => {
        $crate::build_wasm(::std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join($relative_dir))
    };
}
