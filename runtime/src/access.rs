//! Who is calling: account-based access rules (group-based ones are declared with
//! `#[entry_point(groups = [...])]` and checked by the engine).

use casper_contract::{contract_api::runtime, ext_ffi};
use casper_types::{
    account::AccountHash, contracts::ContractPackageHash, system::CallerInfo, ApiError, Key,
};

use crate::{
    buffer,
    errors::{revert, UnwrapOrRevert},
};

/// `CallerInfo` field indices (casper-types `system::caller`); each field is an `Option`.
const ACCOUNT_FIELD: u8 = 0;
const PACKAGE_FIELD: u8 = 1;
const CONTRACT_PACKAGE_FIELD: u8 = 2;

/// The account that signed the deploy or transaction.
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::get_caller` that reads
/// the 32 bytes into the stack rather than through a heap buffer and a decoder.
#[inline]
pub fn get_caller() -> AccountHash {
    let mut size = 0usize;
    // SAFETY: the host writes one `usize` to `size`.
    buffer::expect_success(unsafe { ext_ffi::casper_get_caller(&mut size) });
    let mut account = [0u8; 32];
    let mut written = 0usize;
    // SAFETY: the host writes at most 32 bytes to `account` and one `usize` to `written`.
    let status =
        unsafe { ext_ffi::casper_read_host_buffer(account.as_mut_ptr(), 32, &mut written) };
    buffer::expect_success(status);
    if size != 32 || written != 32 {
        revert(ApiError::Deserialize)
    }
    AccountHash::new(account)
}

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
        _ => revert(ApiError::InvalidCallerInfoRequest),
    }
}

/// The identity of one call-stack element: its account, or its contract's package.
fn identity(caller: CallerInfo) -> Key {
    let field = |index| caller_field(&caller, index);
    if let Some(account) = field(ACCOUNT_FIELD) {
        return Key::Account(AccountHash::new(account));
    }
    let package = field(CONTRACT_PACKAGE_FIELD)
        .or_else(|| field(PACKAGE_FIELD))
        .unwrap_or_revert_with(ApiError::InvalidCallerInfoRequest);
    Key::Hash(package)
}

/// The address in `caller`'s field `index`, if it has one.
fn caller_field(caller: &CallerInfo, index: u8) -> Option<[u8; 32]> {
    caller
        .get_field_by_index(index)
        .cloned()
        .and_then(|value| value.into_t::<Option<[u8; 32]>>().ok())
        .flatten()
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

#[cfg(test)]
mod tests {
    use alloc::vec;

    use casper_types::{
        addressable_entity::EntityAddr,
        bytesrepr::{self, ToBytes},
        contracts::ContractHash,
        system::Caller,
        PackageHash,
    };

    use super::*;

    /// `caller` as the host hands it over: a serialized `CallerInfo`.
    fn from_host(caller: Caller) -> CallerInfo {
        let info = CallerInfo::try_from(caller).unwrap();
        bytesrepr::deserialize(info.to_bytes().unwrap()).unwrap()
    }

    /// The account, contract package and package fields `identity` reads, in that order.
    fn fields(caller: &CallerInfo) -> [Option<[u8; 32]>; 3] {
        [ACCOUNT_FIELD, CONTRACT_PACKAGE_FIELD, PACKAGE_FIELD]
            .map(|index| caller_field(caller, index))
    }

    #[test]
    fn an_account_caller_has_only_its_account_hash() {
        let caller = from_host(Caller::initiator(AccountHash::new([0x11; 32])));
        assert_eq!(fields(&caller), [Some([0x11; 32]), None, None]);
    }

    #[test]
    fn a_contract_caller_has_its_contract_package_not_its_version() {
        let caller = from_host(Caller::smart_contract(
            ContractPackageHash::new([0x22; 32]),
            ContractHash::new([0x33; 32]),
        ));
        assert_eq!(fields(&caller), [None, Some([0x22; 32]), None]);
    }

    #[test]
    fn an_addressable_entity_caller_has_its_package() {
        let caller = from_host(Caller::entity(
            PackageHash::new([0x44; 32]),
            EntityAddr::SmartContract([0x55; 32]),
        ));
        assert_eq!(fields(&caller), [None, None, Some([0x44; 32])]);
    }

    #[test]
    fn a_caller_without_fields_has_no_address() {
        // Kind 0, no fields.
        let empty: CallerInfo = bytesrepr::deserialize(vec![0, 0, 0, 0, 0]).unwrap();
        assert_eq!(fields(&empty), [None, None, None]);
    }
}
