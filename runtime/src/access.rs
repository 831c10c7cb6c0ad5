//! Who is calling: account-based access rules (group-based ones are declared with
//! `#[entry_point(groups = [...])]` and checked by the engine).

use casper_contract::{contract_api::runtime, unwrap_or_revert::UnwrapOrRevert};
use casper_types::{account::AccountHash, ApiError, Key};

/// `CallerInfo` field indices (casper-types `system::caller`); each field is an `Option`.
const ACCOUNT_FIELD: u8 = 0;
const PACKAGE_FIELD: u8 = 1;
const CONTRACT_PACKAGE_FIELD: u8 = 2;

/// The immediate caller: `Key::Account` when an account's session code (or a deploy naming the
/// contract) calls, the calling contract's package as `Key::Hash` when a contract calls (the
/// identity CEP-18 tokens use for balances and allowances).
pub fn immediate_caller() -> Key {
    let caller = runtime::get_immediate_caller().unwrap_or_revert();
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
