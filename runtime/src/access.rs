//! Who is calling: account-based access rules (group-based ones are declared with
//! `#[entry_point(groups = [...])]` and checked by the engine).

use casper_contract::{contract_api::runtime, unwrap_or_revert::UnwrapOrRevert};
use casper_types::{
    account::AccountHash, contracts::ContractPackageHash, system::CallerInfo, ApiError, Key,
};

/// `CallerInfo` field indices (casper-types `system::caller`); each field is an `Option`.
const ACCOUNT_FIELD: u8 = 0;
const PACKAGE_FIELD: u8 = 1;
const CONTRACT_PACKAGE_FIELD: u8 = 2;

/// The immediate caller: `Key::Account` when an account's session code (or a deploy naming the
/// contract) calls, the calling contract's package as `Key::Hash` when a contract calls (the
/// identity CEP-18 tokens use for balances and allowances).
pub fn immediate_caller() -> Key {
    identity(runtime::get_immediate_caller().unwrap_or_revert())
}

/// The package of the contract running this code (`Key::Hash`), for an entry point or an
/// `#[init]` that records where it lives (the CEP-18 reference keeps it under
/// `package_hash`); reverts with `ApiError::InvalidCallerInfoRequest` in session code.
pub fn this_package() -> ContractPackageHash {
    let current = runtime::get_call_stack().pop();
    match current.map(identity) {
        Some(Key::Hash(package)) => ContractPackageHash::new(package),
        _ => runtime::revert(ApiError::InvalidCallerInfoRequest),
    }
}

/// The identity of one call-stack element: its account, or its contract's package.
fn identity(caller: CallerInfo) -> Key {
    let field = |index| {
        caller
            .get_field_by_index(index)
            .cloned()
            .and_then(|value| value.into_t::<Option<[u8; 32]>>().ok())
            .flatten()
    };
    if let Some(account) = field(ACCOUNT_FIELD) {
        return Key::Account(AccountHash::new(account));
    }
    let package = field(CONTRACT_PACKAGE_FIELD)
        .or_else(|| field(PACKAGE_FIELD))
        .unwrap_or_revert_with(ApiError::InvalidCallerInfoRequest);
    Key::Hash(package)
}

/// `Ok(())` if the immediate caller is `allowed`, else `Err(error)`: for rules such as "only
/// the owner may reset", where the owner was stored at install.
///
/// ```no_run
/// use casper_dsl::{access::require_caller, prelude::*};
///
/// # #[casper_dsl::error] enum CounterError { NotOwner = 1 }
/// # const OWNER: Var<Key> = Var::new("owner");
/// fn reset() -> Result<(), CounterError> {
///     require_caller(OWNER.get(), CounterError::NotOwner)?;
///     // ...
///     Ok(())
/// }
/// ```
pub fn require_caller<E>(allowed: Key, error: E) -> Result<(), E> {
    if immediate_caller() == allowed {
        Ok(())
    } else {
        Err(error)
    }
}
