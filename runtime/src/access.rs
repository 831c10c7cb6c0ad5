//! Who is calling: account-based access rules (group-based ones are declared with
//! `#[entry_point(groups = [...])]` and checked by the engine).

use core::mem::MaybeUninit;

use casper_contract::ext_ffi;
use casper_types::{account::AccountHash, contracts::ContractPackageHash, ApiError, Key, KeyTag};

use crate::{buffer, errors::revert, key_bytes::KeyBytes};

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
    // SAFETY: the host writes the size of the account hash it put in its buffer.
    let (status, size) = buffer::with_wide_size(|size| unsafe { ext_ffi::casper_get_caller(size) });
    buffer::expect_success(status);
    // Not zeroed first: it is read only once the host has written all 32 bytes.
    let mut account = MaybeUninit::<[u8; 32]>::uninit();
    let mut written = 0usize;
    // SAFETY: the host writes at most 32 bytes to `account` and one `usize` to `written`.
    let status =
        unsafe { ext_ffi::casper_read_host_buffer(account.as_mut_ptr().cast(), 32, &mut written) };
    buffer::expect_success(status);
    if size != 32 || written != 32 {
        revert(ApiError::Deserialize)
    }
    // SAFETY: the host wrote all 32 bytes.
    AccountHash::new(unsafe { account.assume_init() })
}

/// The immediate caller: `Key::Account` when an account's session code (or a deploy naming the
/// contract) calls, the calling contract's package as `Key::Hash` when a contract calls (the
/// identity CEP-18 tokens use for balances and allowances).
pub fn immediate_caller() -> Key {
    immediate_identity().key()
}

/// The immediate caller as [`immediate_caller`] gives it, as its encoding: for code that keeps
/// holders as [`KeyBytes`], which then never builds the `Key`.
///
/// ```no_run
/// use casper_dsl::{access::immediate_caller_bytes, prelude::*};
///
/// # const BALANCES: Mapping<KeyBytes, U256> = Mapping::new("balances");
/// fn my_balance() -> U256 {
///     BALANCES.get_or_default(&immediate_caller_bytes())
/// }
/// ```
pub fn immediate_caller_bytes() -> KeyBytes {
    immediate_identity().key_bytes()
}

/// The immediate caller's identity; reverts as [`immediate_caller`] documents.
fn immediate_identity() -> Identity {
    match read_call_stack(IMMEDIATE_CALLER) {
        Some((1, Some(identity))) => identity,
        Some((0, _)) | Some((1, None)) => revert(ApiError::InvalidCallerInfoRequest),
        Some(_) => revert(ApiError::Unhandled),
        None => revert(ApiError::Deserialize),
    }
}

/// The package of the contract running this code (`Key::Hash`), for an entry point or an
/// `#[init]` that records where it lives (the CEP-18 reference keeps it under
/// `package_hash`); reverts with `ApiError::InvalidCallerInfoRequest` in session code.
pub fn this_package() -> ContractPackageHash {
    match read_call_stack(FULL_CALL_STACK) {
        Some((_, Some(Identity::Package(package)))) => ContractPackageHash::new(package),
        Some(_) => revert(ApiError::InvalidCallerInfoRequest),
        None => revert(ApiError::Deserialize),
    }
}

/// Who an element of the call stack is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Identity {
    /// An account, by its hash.
    Account([u8; 32]),
    /// A contract, by its package's hash.
    Package([u8; 32]),
}

impl Identity {
    /// `Key::Account` or `Key::Hash`.
    fn key(self) -> Key {
        match self {
            Identity::Account(account) => Key::Account(AccountHash::new(account)),
            Identity::Package(package) => Key::Hash(package),
        }
    }

    /// The encoding of [`Identity::key`].
    fn key_bytes(self) -> KeyBytes {
        match self {
            Identity::Account(account) => KeyBytes::tagged(KeyTag::Account, &account),
            Identity::Package(package) => KeyBytes::tagged(KeyTag::Hash, &package),
        }
    }
}

/// `casper_load_caller_information`'s request for the immediate caller alone.
const IMMEDIATE_CALLER: u8 = 1;
/// `casper_load_caller_information`'s request for the whole call stack, innermost last.
const FULL_CALL_STACK: u8 = 2;

/// Asks the host for the call stack (or the part `request` names), and returns how many
/// elements it has and the identity of the last one; `None` if its bytes do not decode.
///
/// The host hands over a serialized `Vec<CallerInfo>`; decoding it with casper-types builds
/// maps of `CLValue`s and links the general `CLType` decoder and clones (about 15 KB in every
/// contract that asks who calls). Only the three address fields are read here.
fn read_call_stack(request: u8) -> Option<(u32, Option<Identity>)> {
    let mut length = 0usize;
    let mut size = 0usize;
    // SAFETY: the host writes one `usize` to each of `length` and `size`.
    let status =
        unsafe { ext_ffi::casper_load_caller_information(request, &mut length, &mut size) };
    buffer::expect_success(status);
    if length == 0 {
        return Some((0, None));
    }
    let mut stack = CallerBuffer::uninit();
    parse_call_stack(&buffer::read_host_buffer_into(size, &mut stack))
}

/// A serialized `Vec<CallerInfo>`'s length and the identity of its last element; `None` if the
/// bytes are not exactly one such vector.
fn parse_call_stack(bytes: &[u8]) -> Option<(u32, Option<Identity>)> {
    let (count, mut rest) = read_u32(bytes)?;
    let mut last = None;
    for _ in 0..count {
        let (identity, after) = read_caller(rest)?;
        last = identity;
        rest = after;
    }
    rest.is_empty().then_some((count, last))
}

/// Room on the stack for a call stack of a few elements (an account's caller info is ~100
/// bytes).
type CallerBuffer = buffer::StackBuffer<512>;

/// Reads one serialized `CallerInfo` (a kind, then a map from field index to `CLValue`) from
/// the front of `bytes`: its identity (its account, else its contract package, else its
/// package; `None` if it has none of them) and the bytes after it.
fn read_caller(bytes: &[u8]) -> Option<(Option<Identity>, &[u8])> {
    let (_kind, rest) = bytes.split_first()?;
    let (fields, mut rest) = read_u32(rest)?;
    let mut addresses = [None; 3];
    for _ in 0..fields {
        let (&index, after_index) = rest.split_first()?;
        let (length, after_length) = read_u32(after_index)?;
        let value = after_length.get(..length as usize)?;
        let after_value = &after_length[value.len()..];
        let cl_type = after_value.get(..cl_type_length(after_value)?)?;
        rest = &after_value[cl_type.len()..];
        let slot = match index {
            ACCOUNT_FIELD => 0,
            CONTRACT_PACKAGE_FIELD => 1,
            PACKAGE_FIELD => 2,
            _ => continue,
        };
        addresses[slot] = optional_address(value, cl_type);
    }
    let identity = match addresses {
        [Some(account), ..] => Some(Identity::Account(account)),
        [None, contract_package, package] => contract_package.or(package).map(Identity::Package),
    };
    Some((identity, rest))
}

/// The serialized `CLType` of the address fields: `Option<[u8; 32]>`.
const OPTIONAL_ADDRESS: [u8; 6] = [13, 15, 32, 0, 0, 0];

/// The address in a field's value, if the field is an `Option<[u8; 32]>` holding one.
fn optional_address(value: &[u8], cl_type: &[u8]) -> Option<[u8; 32]> {
    match value {
        [1, address @ ..] if cl_type == OPTIONAL_ADDRESS => address.try_into().ok(),
        _ => None,
    }
}

/// The length of the serialized `CLType` at the front of `bytes`, or `None` if there is none.
/// Read as a count of the types still to read, which each compound type raises by its inner
/// ones: a loop where a recursive reader was three times the code.
fn cl_type_length(bytes: &[u8]) -> Option<usize> {
    let mut pending = 1usize;
    let mut at = 0;
    while pending > 0 {
        let tag = *bytes.get(at)?;
        at += 1;
        pending -= 1;
        match tag {
            // The simple types, `Any` and `PublicKey`.
            0..=12 | 21 | 22 => {}
            // `Option`, `List`, `Tuple1`: one inner type.
            13 | 14 | 18 => pending += 1,
            // `ByteArray`: its length.
            15 => {
                bytes.get(at..at + 4)?;
                at += 4;
            }
            // `Result`, `Map`, `Tuple2`: two inner types.
            16 | 17 | 19 => pending += 2,
            // `Tuple3`.
            20 => pending += 3,
            _ => return None,
        }
    }
    Some(at)
}

/// A little-endian `u32` from the front of `bytes`, and the rest.
fn read_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (number, rest) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*number), rest))
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
    // A caller is an account or a package hash: comparing only those variants keeps `Key`'s
    // equality over every variant out of the contract.
    let allowed = match (immediate_caller(), allowed) {
        (Key::Account(caller), Key::Account(allowed)) => caller == allowed,
        (Key::Hash(caller), Key::Hash(allowed)) => caller == allowed,
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(error)
    }
}

#[cfg(test)]
mod tests {
    use alloc::{vec, vec::Vec};

    use casper_types::{
        addressable_entity::EntityAddr,
        bytesrepr::ToBytes,
        contracts::ContractHash,
        system::{Caller, CallerInfo},
        CLTyped, CLValue, PackageHash,
    };

    use super::*;
    use crate::cl_value::tests::{cl_types_of_every_kind, serialized_cl_type};

    /// A call stack as the host hands it over: a serialized `Vec<CallerInfo>`.
    fn from_host(stack: Vec<Caller>) -> Vec<u8> {
        let infos: Vec<CallerInfo> = stack
            .into_iter()
            .map(|caller| CallerInfo::try_from(caller).unwrap())
            .collect();
        infos.to_bytes().unwrap()
    }

    fn account() -> Caller {
        Caller::initiator(AccountHash::new([0x11; 32]))
    }

    fn contract() -> Caller {
        Caller::smart_contract(
            ContractPackageHash::new([0x22; 32]),
            ContractHash::new([0x33; 32]),
        )
    }

    fn entity() -> Caller {
        Caller::entity(
            PackageHash::new([0x44; 32]),
            EntityAddr::SmartContract([0x55; 32]),
        )
    }

    #[test]
    fn an_account_caller_is_its_account_hash() {
        let identity = Identity::Account([0x11; 32]);
        assert_eq!(
            parse_call_stack(&from_host(vec![account()])),
            Some((1, Some(identity)))
        );
        assert_eq!(identity.key(), Key::Account(AccountHash::new([0x11; 32])));
        assert_eq!(identity.key_bytes(), KeyBytes::of(&identity.key()));
    }

    #[test]
    fn a_contract_caller_is_its_contract_package_not_its_version() {
        assert_eq!(
            parse_call_stack(&from_host(vec![contract()])),
            Some((1, Some(Identity::Package([0x22; 32]))))
        );
        let identity = Identity::Package([0x22; 32]);
        assert_eq!(identity.key(), Key::Hash([0x22; 32]));
        assert_eq!(identity.key_bytes(), KeyBytes::of(&identity.key()));
    }

    #[test]
    fn an_addressable_entity_caller_is_its_package() {
        assert_eq!(
            parse_call_stack(&from_host(vec![entity()])),
            Some((1, Some(Identity::Package([0x44; 32]))))
        );
    }

    #[test]
    fn a_full_stack_gives_its_length_and_innermost_caller() {
        let stack = from_host(vec![account(), entity(), contract()]);
        assert_eq!(
            parse_call_stack(&stack),
            Some((3, Some(Identity::Package([0x22; 32]))))
        );
        assert_eq!(parse_call_stack(&from_host(vec![])), Some((0, None)));
    }

    #[test]
    fn a_caller_without_fields_has_no_identity() {
        // One element: kind 0, no fields.
        assert_eq!(
            parse_call_stack(&[1, 0, 0, 0, 0, 0, 0, 0, 0]),
            Some((1, None))
        );
    }

    #[test]
    fn bytes_that_are_not_a_call_stack_are_refused() {
        let stack = from_host(vec![account(), contract()]);
        for cut in 0..stack.len() {
            assert_eq!(parse_call_stack(&stack[..cut]), None, "cut at {cut}");
        }
        let mut longer = stack.clone();
        longer.push(0);
        assert_eq!(parse_call_stack(&longer), None);
    }

    #[test]
    fn cl_type_length_is_the_serialized_length_of_every_kind_of_type() {
        for cl_type in cl_types_of_every_kind() {
            let serialized = serialized_cl_type(&cl_type);
            assert_eq!(
                cl_type_length(&serialized),
                Some(serialized.len()),
                "{cl_type:?}"
            );
            for cut in 0..serialized.len() {
                assert_eq!(
                    cl_type_length(&serialized[..cut]),
                    None,
                    "{cl_type:?} cut at {cut}"
                );
            }
        }
        assert_eq!(cl_type_length(&[23]), None);
    }

    #[test]
    fn the_address_fields_have_the_type_they_are_read_as() {
        let field = CLValue::from_t(Some(AccountHash::new([7; 32]))).unwrap();
        assert_eq!(field.cl_type(), &Option::<[u8; 32]>::cl_type());
        let serialized = field.to_bytes().unwrap();
        assert_eq!(serialized[4 + 33..], OPTIONAL_ADDRESS);
    }
}
