//! Installing and calling contracts through the interface the DSL generates for them: the
//! kit's main API.

// A failed call carries its whole execution (gas, error, messages) for the test to inspect;
// tests are not a hot path, so the large `Err` is kept unboxed, and its fields stay plain.
#![allow(clippy::result_large_err)]

use std::{fmt, marker::PhantomData};

use casper_dsl::names::handle;
use casper_dsl::{Call, Install, Value};
use casper_execution_engine::engine_state::Error as EngineError;
use casper_types::{
    account::AccountHash,
    contracts::{ContractHash, ContractPackageHash},
    ApiError, CLValue,
};

use crate::{build_wasm, Chain, Execution};

/// A contract installed with [`Chain::install`]: its name and hashes, for [`Chain::call`] and
/// for reading its state ([`Chain::contract_named_keys`]`(deployed.contract_hash)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deployed {
    /// The contract's name, the prefix of its installer's named keys.
    pub name: &'static str,
    /// The installed contract version.
    pub contract_hash: ContractHash,
    /// The package holding its versions.
    pub package_hash: ContractPackageHash,
}

/// A failed install or call: the [`Execution`] that failed, with its error and gas. `E` is the
/// error type the entry point declares (`ApiError` unless it returns `Result<_, E>`), so
/// [`CallError::is`] checks a revert in the contract's own terms.
pub struct CallError<E = ApiError> {
    /// The failed execution.
    pub execution: Execution,
    declared: PhantomData<fn() -> E>,
}

impl<E> CallError<E> {
    fn new(execution: Execution) -> Self {
        CallError {
            execution,
            declared: PhantomData,
        }
    }

    /// The code the execution reverted with, if it reverted.
    pub fn api_error(&self) -> Option<ApiError> {
        self.execution.api_error()
    }

    /// Whether the execution reverted with `error`, the entry point's own error type:
    /// `chain.call_as(stranger, &counter, calls::reset()).unwrap_err().is(CounterError::NotOwner)`.
    pub fn is(&self, error: E) -> bool
    where
        E: Into<ApiError>,
    {
        self.api_error() == Some(error.into())
    }

    /// The engine's error.
    ///
    /// # Panics
    ///
    /// If [`CallError::execution`] was replaced by a successful one.
    #[track_caller]
    pub fn engine_error(&self) -> &EngineError {
        self.execution
            .error()
            .expect("a CallError holds a failed execution")
    }

    /// Gas the failed execution consumed.
    pub fn gas(&self) -> u64 {
        self.execution.gas
    }
}

// By hand, not derived: `E` is only a marker, so neither needs `E: Clone` or `E: Debug` (an
// error enum of the contract's usually has neither).
impl<E> Clone for CallError<E> {
    fn clone(&self) -> Self {
        CallError::new(self.execution.clone())
    }
}

impl<E> fmt::Debug for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallError")
            .field("execution", &self.execution)
            .finish()
    }
}

impl<E> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "execution failed: {}", self.engine_error())
    }
}

impl<E> std::error::Error for CallError<E> {}

impl Chain {
    /// Builds the contract's wasm (once per process, see [`build_wasm`]), installs it from the
    /// default account with the `#[init]` arguments in `install` (the contract module's
    /// generated `installer(..)`, or `upgrader(..)` for an upgrade), and returns its hashes, or
    /// the failed execution. [`Chain::last_execution`] has the gas either way.
    ///
    /// ```no_run
    /// # #[casper_dsl::contract] pub mod counter {
    /// #     #[init] pub fn init(start: u64) {}
    /// #     #[entry_point] pub fn increment(by: u64) -> u64 { by }
    /// # }
    /// use casper_dsl_testing::Chain;
    ///
    /// let mut chain = Chain::new();
    /// let counter = chain.install(counter::installer(1))?;
    /// let count: u64 = chain.call(&counter, counter::calls::increment(5))?;
    /// println!("{count}, for {} gas", chain.last_execution().gas);
    /// # Ok::<(), casper_dsl_testing::CallError>(())
    /// ```
    ///
    /// To install with missing, extra or mistyped `#[init]` arguments, change `install.args`
    /// first. A module without a generated interface (hand-written, or another project's) is
    /// installed with [`Chain::run_session`].
    ///
    /// # Panics
    ///
    /// If the crate's wasm cannot be built (see [`build_wasm`]), or the install succeeded but
    /// left no contract and package hash under the handles `install` names.
    #[track_caller]
    pub fn install(&mut self, install: Install) -> Result<Deployed, CallError> {
        let installer = self.default_account();
        self.install_as(installer, install)
    }

    /// [`Chain::install`] from the account `installer`.
    ///
    /// # Panics
    ///
    /// As [`Chain::install`].
    #[track_caller]
    pub fn install_as(
        &mut self,
        installer: AccountHash,
        install: Install,
    ) -> Result<Deployed, CallError> {
        let wasm = build_wasm(install.crate_dir);
        let contract_key = install.account_key(handle::CONTRACT_HASH);
        let package_key = install.account_key(handle::PACKAGE_HASH);
        let execution = self.run_session(installer, wasm, install.args);
        if !execution.is_success() {
            return Err(CallError::new(execution));
        }
        let package_hash = self.package_hash_under(installer, &package_key);
        Ok(Deployed {
            name: install.name,
            contract_hash: self.contract_hash_under(installer, &contract_key),
            package_hash,
        })
    }

    /// Makes `call` (the contract module's generated `calls::<entry_point>(..)`) from the
    /// default account on the contract's package (its latest enabled version, as callers that
    /// follow upgrades do) and returns the entry point's result, or the failed execution.
    /// [`Chain::last_execution`] has the gas and events either way.
    ///
    /// A call with missing, extra or mistyped arguments is made with the raw
    /// [`Chain::call_contract_package`].
    ///
    /// # Panics
    ///
    /// If the call succeeded but its result is not of the `CLType` the call expects (the
    /// installed contract's interface differs from `call`'s).
    #[track_caller]
    pub fn call<R: Value, E>(
        &mut self,
        contract: &Deployed,
        call: Call<R, E>,
    ) -> Result<R, CallError<E>> {
        let caller = self.default_account();
        self.call_as(caller, contract, call)
    }

    /// [`Chain::call`] on behalf of `caller`.
    ///
    /// # Panics
    ///
    /// As [`Chain::call`].
    #[track_caller]
    pub fn call_as<R: Value, E>(
        &mut self,
        caller: AccountHash,
        contract: &Deployed,
        call: Call<R, E>,
    ) -> Result<R, CallError<E>> {
        let (entry_point, args) = call.into_parts();
        let execution =
            self.call_contract_package(caller, contract.package_hash, entry_point, args);
        typed_result(execution, entry_point)
    }

    /// Makes `call` from the default account on the installed version `contract.contract_hash`
    /// itself (pinned: refused once an upgrade disabled it).
    ///
    /// # Panics
    ///
    /// As [`Chain::call`].
    #[track_caller]
    pub fn call_pinned<R: Value, E>(
        &mut self,
        contract: &Deployed,
        call: Call<R, E>,
    ) -> Result<R, CallError<E>> {
        let caller = self.default_account();
        let (entry_point, args) = call.into_parts();
        let execution = self.call_contract(caller, contract.contract_hash, entry_point, args);
        typed_result(execution, entry_point)
    }
}

/// The entry point's result in `execution`, or the failed execution.
#[track_caller]
fn typed_result<R: Value, E>(execution: Execution, entry_point: &str) -> Result<R, CallError<E>> {
    match &execution.result {
        Ok(Some(value)) => Ok(returned_value(value, entry_point)),
        Ok(None) => Ok(returned_value(&CLValue::unit(), entry_point)),
        Err(_) => Err(CallError::new(execution)),
    }
}

/// Decodes what `entry_point` returned as an `R`, the way a caller does (a `Vec<u8>` as the
/// `Bytes` it is encoded as, which casper-types' debug builds insist on).
#[track_caller]
fn returned_value<R: Value>(value: &CLValue, entry_point: &str) -> R {
    assert_eq!(
        *value.cl_type(),
        R::cl_type(),
        "the result of `{entry_point}` has another CLType than the call expects"
    );
    match R::from_value_bytes(value.inner_bytes()) {
        Ok(value) => value,
        Err(error) => {
            panic!("the result of `{entry_point}` does not decode as its CLType says: {error}")
        }
    }
}
