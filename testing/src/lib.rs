//! Host-side test kit for casper-dsl contracts.
//!
//! - [`wasm!`] / [`build_wasm`] build a contract or session crate (once per process) through the
//!   same pipeline as `cargo casper-dsl build`, and hand back the bytes that would be deployed:
//!   for `wasm32v1-none`, or for `wasm32-unknown-unknown` (lowered) when
//!   `CASPER_DSL_TARGET=wasm32-unknown-unknown` ([`TARGET_VARIABLE`]).
//! - [`Chain`] is a local Casper chain running in-process on the real execution engine
//!   (casper-engine-test-support 8.1.1): run sessions, install contracts, call entry points,
//!   read accounts, contracts and global state.
//! - [`Execution`] is the outcome of one call: gas, typed return value, revert code.
//!
//! The types a test needs are re-exported, so an example crate needs only this crate as a
//! dev-dependency:
//!
//! ```no_run
//! use casper_dsl_testing::{runtime_args, wasm, Chain};
//!
//! let mut chain = Chain::new();
//! let installer = chain.default_account();
//! chain
//!     .run_session(installer, wasm!(), runtime_args! { "start" => 1u64 })
//!     .expect_success();
//! let counter = chain.contract_hash_under(installer, "counter_contract_hash");
//! let count: u64 = chain
//!     .call_contract(installer, counter, "increment", runtime_args! { "by" => 5u64 })
//!     .ret();
//! assert_eq!(count, 6);
//! ```

#![warn(missing_docs)]

mod build;
mod chain;
mod execution;
mod interface;
mod module;

pub use build::{
    build_messages, build_wasm, build_wasm_as_cargo_leaves_it, build_wasm_for, tested_target,
    TARGET_VARIABLE, WASM_TARGET,
};
pub use casper_dsl_build::{WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN};
pub use chain::{Chain, ADDRESSABLE_ENTITY_VARIABLE, FUNDED_ACCOUNT_BALANCE};
pub use execution::Execution;
pub use interface::{CallError, Deployed};
pub use module::wasm_exports;

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

/// The module to deploy for a crate, built in release mode for [`tested_target`] (at most once
/// per process).
///
/// - `wasm!()` builds the crate whose tests are being compiled (its `CARGO_MANIFEST_DIR`).
/// - `wasm!("../counter")` builds the crate in a directory relative to that one, e.g. another
///   example a test needs alongside its own.
///
/// Expands to a call of [`build_wasm`]; evaluates to `&'static [u8]`.
#[macro_export]
macro_rules! wasm {
    () => {
        $crate::build_wasm(env!("CARGO_MANIFEST_DIR"))
    };
    ($relative_dir:expr) => {
        $crate::build_wasm(::std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join($relative_dir))
    };
}
