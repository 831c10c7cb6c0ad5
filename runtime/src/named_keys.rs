//! Named-key access for less gas than `casper_contract`'s, to call and to store.
//!
//! On Casper every branch back to a loop head costs 1,665 gas, so each byte a contract copies or
//! zeroes in a loop costs about 2,000 gas. [`get_key`] reads the key into an uninitialised stack
//! buffer and decodes the usual variants in place, [`get_key_as`] decodes only the kind asked
//! for (so the general `Key` decoder is not linked), and [`put_key`] encodes them on the stack,
//! where `casper_contract::contract_api::runtime`'s versions go through heap buffers and copies;
//! [`has_key`] and [`remove_key`] serialize the name on the stack. The prelude exports all five.

use alloc::vec::Vec;
use core::{mem::MaybeUninit, slice};

use casper_contract::ext_ffi;
use casper_types::{
    account::AccountHash,
    bytesrepr::ToBytes,
    contracts::{ContractHash, ContractPackageHash},
    AccessRights, ApiError, Key, KeyTag, URef,
};

use crate::{
    buffer::{self, HostError},
    errors::{revert, UnwrapOrRevert},
};

const KEY_BUFFER: usize = Key::max_serialized_length();
const ACCOUNT_TAG: u8 = KeyTag::Account as u8;
const HASH_TAG: u8 = KeyTag::Hash as u8;
const UREF_TAG: u8 = KeyTag::URef as u8;
/// Tag, address and access rights: the longest of the inline-encoded keys.
const INLINE_KEY_LENGTH: usize = 1 + 32 + 1;

/// The key under `name` in the current context's named keys — the signing account's in session
/// code, the contract's in an entry point — or `None` if there is none. Reverts if the host
/// reports another error.
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::get_key`. When only one
/// kind of key is expected, [`get_key_as`] costs less to store.
#[inline]
pub fn get_key(name: &str) -> Option<Key> {
    get_key_as(name)
}

/// The key under `name`, if there is one of the kind `T`: a [`URef`], an [`AccountHash`]
/// (`Key::Account`), a [`ContractHash`] or [`ContractPackageHash`] (`Key::Hash`), or any
/// [`Key`]. `get_key_as::<URef>(name)` is `get_key(name).and_then(Key::into_uref)`, but a
/// contract that reads no other kind never links the general `Key` decoder, which costs
/// several kilobytes to store.
///
/// ```no_run
/// use casper_dsl::named_keys::get_key_as;
/// use casper_dsl::prelude::*;
///
/// fn count_uref() -> URef {
///     get_key_as::<URef>("count").unwrap_or_revert()
/// }
/// ```
// Inlined, so that a constant name is serialized by a few stores; the read itself is shared.
#[inline(always)]
pub fn get_key_as<T: FromNamedKey>(name: &str) -> Option<T> {
    buffer::with_serialized_str(name, read_key_as)
}

/// [`get_key_as`] for a name serialized as the host reads it.
// One copy per kind of key, shared by every read of that kind: inlined at each call site, it
// was stored once per named key read (2.5 KB in the CEP-18 example).
#[inline(never)]
fn read_key_as<T: FromNamedKey>(name: &[u8]) -> Option<T> {
    let mut key = MaybeUninit::<[u8; KEY_BUFFER]>::uninit();
    let mut written = 0usize;
    // SAFETY: the host reads `name` within its length and writes at most `KEY_BUFFER` bytes to
    // `key` and one `usize` to `written`.
    let status = unsafe {
        ext_ffi::casper_get_key(
            name.as_ptr(),
            name.len(),
            key.as_mut_ptr().cast(),
            KEY_BUFFER,
            &mut written,
        )
    };
    match buffer::host_result(status) {
        Ok(()) => {}
        Err(HostError::MISSING_KEY) => return None,
        Err(error) => error.revert(),
    }
    // SAFETY: the host initialised the first `written` bytes of `key`.
    let bytes =
        unsafe { slice::from_raw_parts(key.as_ptr().cast::<u8>(), written.min(KEY_BUFFER)) };
    T::from_key_bytes(bytes)
}

/// A kind of key [`get_key_as`] (and a `Fixed<T>` state item) reads.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a kind of key a named key holds",
    label = "not a `Key`, `URef`, `AccountHash`, `ContractHash` or `ContractPackageHash`",
    note = "a named key holds a `Key` itself; for a value such as a number, use a `Var<T>`, which keeps it in a URef"
)]
pub trait FromNamedKey: Into<Key> {
    /// The key in `bytes` (a serialized `Key`) if it is of this kind; reverts if `bytes` are
    /// not a key at all.
    #[doc(hidden)]
    fn from_key_bytes(bytes: &[u8]) -> Option<Self>;
}

impl FromNamedKey for Key {
    fn from_key_bytes(bytes: &[u8]) -> Option<Self> {
        Some(decode_key(bytes))
    }
}

impl FromNamedKey for URef {
    #[inline(always)]
    fn from_key_bytes(bytes: &[u8]) -> Option<Self> {
        match bytes {
            [UREF_TAG, addr @ .., rights] if addr.len() == 32 => uref_from_parts(addr, *rights),
            _ => None,
        }
    }
}

/// The 32-byte address of a key with the tag `tag` (and no more bytes).
#[inline(always)]
fn address_of(tag: u8, bytes: &[u8]) -> Option<[u8; 32]> {
    match bytes {
        [first, addr @ ..] if *first == tag && addr.len() == 32 => Some(to_addr(addr)),
        _ => None,
    }
}

impl FromNamedKey for AccountHash {
    #[inline(always)]
    fn from_key_bytes(bytes: &[u8]) -> Option<Self> {
        address_of(ACCOUNT_TAG, bytes).map(AccountHash::new)
    }
}

impl FromNamedKey for ContractHash {
    #[inline(always)]
    fn from_key_bytes(bytes: &[u8]) -> Option<Self> {
        address_of(HASH_TAG, bytes).map(ContractHash::new)
    }
}

impl FromNamedKey for ContractPackageHash {
    #[inline(always)]
    fn from_key_bytes(bytes: &[u8]) -> Option<Self> {
        address_of(HASH_TAG, bytes).map(ContractPackageHash::new)
    }
}

/// The key of kind `T` (e.g. a [`URef`]) under the named key `name`; reverts with
/// `ApiError::MissingKey` if there is none (or it is of another kind).
// Inlined, as `get_key_as` is: the name is serialized at the call site, the read is shared.
#[inline(always)]
pub(crate) fn required_key_as<T: FromNamedKey>(name: &str) -> T {
    get_key_as(name).unwrap_or_else(|| HostError::MISSING_KEY.revert())
}

/// Puts `key` under `name` in the current context's named keys (replacing what was there).
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::put_key`.
// Inlined, so that where the key's variant is known (`Key::URef(..)`, `uref.into()`) only its
// few bytes of encoding remain, and the general `Key` encoder is not linked.
#[inline(always)]
pub fn put_key(name: &str, key: Key) {
    let mut inline = [0u8; INLINE_KEY_LENGTH];
    match encode_key_inline(key, &mut inline) {
        Some(length) => put_key_bytes(name, &inline[..length]),
        None => put_key_bytes(name, &serialize_key(key)),
    }
}

/// Puts the serialized key `key` under `name`.
fn put_key_bytes(name: &str, key: &[u8]) {
    buffer::with_serialized_runtime_str(name, |name| {
        // SAFETY: the host reads `name` and `key` within their lengths.
        unsafe { ext_ffi::casper_put_key(name.as_ptr(), name.len(), key.as_ptr(), key.len()) }
    })
}

/// Whether the current context's named keys have one called `name`.
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::has_key`, with the name
/// serialized on the stack.
#[inline]
pub fn has_key(name: &str) -> bool {
    // SAFETY: the host reads `name` within its length.
    let status = buffer::with_serialized_str(name, |name| unsafe {
        ext_ffi::casper_has_key(name.as_ptr(), name.len())
    });
    status == 0
}

/// Removes the named key `name` from the current context's named keys, if there is one.
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::remove_key`, with the
/// name serialized on the stack.
#[inline]
pub fn remove_key(name: &str) {
    // SAFETY: the host reads `name` within its length.
    buffer::with_serialized_str(name, |name| unsafe {
        ext_ffi::casper_remove_key(name.as_ptr(), name.len())
    })
}

/// Any key, the general (and larger) way.
#[cold]
#[inline(never)]
fn serialize_key(key: Key) -> Vec<u8> {
    key.to_bytes().unwrap_or_revert()
}

/// Writes the usual named-key variants (URef, contract hash, account) into `out`, returning the
/// length; `None` for the others.
#[inline(always)]
fn encode_key_inline(key: Key, out: &mut [u8; INLINE_KEY_LENGTH]) -> Option<usize> {
    let (tag, addr, rights) = match key {
        Key::URef(uref) => (UREF_TAG, uref.addr(), Some(uref.access_rights())),
        Key::Hash(addr) => (HASH_TAG, addr, None),
        Key::Account(account) => (ACCOUNT_TAG, account.value(), None),
        _ => return None,
    };
    out[0] = tag;
    out[1..33].copy_from_slice(&addr);
    Some(match rights {
        Some(rights) => {
            out[33] = rights.bits();
            34
        }
        None => 33,
    })
}

/// Length of a serialized `URef`: address, access rights.
pub(crate) const UREF_LENGTH: usize = 32 + 1;

/// `uref` serialized: its address and access rights.
#[inline(always)]
pub(crate) fn uref_bytes(uref: URef) -> [u8; UREF_LENGTH] {
    let mut bytes = [0u8; UREF_LENGTH];
    bytes[..32].copy_from_slice(&uref.addr());
    bytes[32] = uref.access_rights().bits();
    bytes
}

/// `Key::URef(uref)` serialized, on the stack.
pub(crate) fn uref_key(uref: URef) -> [u8; INLINE_KEY_LENGTH] {
    let mut key = [0u8; INLINE_KEY_LENGTH];
    encode_key_inline(Key::URef(uref), &mut key);
    key
}

/// A URef from its serialized address and access rights; `None` if `rights` are not valid.
pub(crate) fn uref_from_parts(addr: &[u8], rights: u8) -> Option<URef> {
    AccessRights::from_bits(rights).map(|rights| URef::new(to_addr(addr), rights))
}

/// Decodes a serialized `Key`, reverting if `bytes` are not exactly one.
fn decode_key(bytes: &[u8]) -> Key {
    parse_key(bytes, |error| revert(error))
}

/// `bytes` decoded as exactly one `Key`, or what `fail` makes of the error (`decode_key`
/// reverts with it); the usual named-key variants (URef, contract hash, account) are decoded
/// inline, the others by [`decode_key`](crate::key_bytes::decode_key).
// Inlined, and the error left to a closure rather than returned, so that `decode_key` compiles
// to what it did before the unit tests needed this part apart.
#[inline(always)]
fn parse_key(bytes: &[u8], fail: impl FnOnce(ApiError) -> Key) -> Key {
    match bytes {
        [UREF_TAG, addr @ .., rights] if addr.len() == 32 => {
            if let Some(uref) = uref_from_parts(addr, *rights) {
                return Key::URef(uref);
            }
        }
        [HASH_TAG, addr @ ..] if addr.len() == 32 => return Key::Hash(to_addr(addr)),
        [ACCOUNT_TAG, addr @ ..] if addr.len() == 32 => {
            return Key::Account(AccountHash::new(to_addr(addr)))
        }
        _ => {}
    }
    match crate::key_bytes::decode_key(bytes) {
        Ok((key, [])) => key,
        Ok(_) => fail(ApiError::Deserialize),
        Err(error) => fail(ApiError::from(error)),
    }
}

fn to_addr(bytes: &[u8]) -> [u8; 32] {
    let mut addr = [0u8; 32];
    addr.copy_from_slice(bytes);
    addr
}

#[cfg(test)]
pub(crate) mod tests {
    use alloc::{string::String, vec, vec::Vec};
    use core::cell::Cell;

    use casper_types::{
        addressable_entity::NamedKeyAddr,
        bytesrepr::{self, FromBytes},
        contract_messages::{MessageAddr, TopicNameHash},
        system::{auction::BidAddr, mint::BalanceHoldAddr},
        BlockGlobalAddr, BlockTime, ByteCodeAddr, DeployHash, Digest, EntityAddr, EntryPointAddr,
        EraId, TransferAddr,
    };

    use super::*;

    /// Every access right a URef can carry: each valid combination of READ, WRITE and ADD.
    pub(crate) fn every_access_rights() -> Vec<AccessRights> {
        (0..=7u8)
            .map(|bits| AccessRights::from_bits(bits).unwrap())
            .collect()
    }

    /// A key of every variant casper-types has, with addresses of distinct, non-zero bytes
    /// (and URefs with each access right).
    pub(crate) fn every_key() -> Vec<Key> {
        let addr = |seed: u8| -> [u8; 32] { core::array::from_fn(|i| seed.wrapping_add(i as u8)) };
        let account = AccountHash::new(addr(1));
        let entity = EntityAddr::SmartContract(addr(2));
        let mut keys = vec![
            Key::Account(account),
            Key::Account(AccountHash::new([0; 32])),
            Key::Account(AccountHash::new([0xFF; 32])),
            Key::Hash(addr(3)),
            Key::Hash([0xFF; 32]),
            Key::Transfer(TransferAddr::new(addr(4))),
            Key::DeployInfo(DeployHash::new(Digest::from(addr(5)))),
            Key::EraInfo(EraId::new(u64::MAX)),
            Key::Balance(addr(6)),
            Key::Bid(account),
            Key::Withdraw(account),
            Key::Dictionary(addr(7)),
            Key::SystemEntityRegistry,
            Key::EraSummary,
            Key::Unbond(account),
            Key::ChainspecRegistry,
            Key::ChecksumRegistry,
            Key::BidAddr(BidAddr::Unified(account)),
            Key::BidAddr(BidAddr::DelegatedAccount {
                validator: account,
                delegator: AccountHash::new(addr(8)),
            }),
            Key::SmartContract(addr(9)),
            Key::AddressableEntity(EntityAddr::Account(addr(10))),
            Key::AddressableEntity(EntityAddr::System(addr(11))),
            Key::AddressableEntity(entity),
            Key::ByteCode(ByteCodeAddr::V1CasperWasm(addr(12))),
            Key::ByteCode(ByteCodeAddr::Empty),
            Key::Message(MessageAddr::new_topic_addr(
                entity,
                TopicNameHash::new(addr(13)),
            )),
            Key::Message(MessageAddr::new_message_addr(
                entity,
                TopicNameHash::new(addr(13)),
                u32::MAX,
            )),
            Key::NamedKey(NamedKeyAddr::new_from_string(entity, String::from("name")).unwrap()),
            Key::BlockGlobal(BlockGlobalAddr::BlockTime),
            Key::BlockGlobal(BlockGlobalAddr::MessageCount),
            Key::BalanceHold(BalanceHoldAddr::Gas {
                purse_addr: addr(14),
                block_time: BlockTime::new(u64::MAX),
            }),
            Key::EntryPoint(EntryPointAddr::new_v1_entry_point_addr(entity, "call").unwrap()),
            Key::State(entity),
        ];
        keys.extend(
            every_access_rights()
                .into_iter()
                .map(|rights| Key::URef(URef::new(addr(15), rights))),
        );
        keys
    }

    /// `parse_key`, its error as an `Err`.
    fn parse(bytes: &[u8]) -> Result<Key, ApiError> {
        let error = Cell::new(None);
        let key = parse_key(bytes, |failure| {
            error.set(Some(failure));
            Key::EraSummary
        });
        error.get().map_or(Ok(key), Err)
    }

    #[test]
    fn every_key_variant_is_listed() {
        // A serialized key starts with its tag.
        let tags: Vec<u8> = every_key()
            .iter()
            .map(|key| key.to_bytes().unwrap()[0])
            .collect();
        for tag in 0..=KeyTag::State as u8 {
            assert!(tags.contains(&tag), "no key with tag {tag}");
        }
    }

    #[test]
    fn every_key_fits_the_get_key_buffer() {
        for key in every_key() {
            assert!(key.serialized_length() <= KEY_BUFFER, "{key:?}");
        }
    }

    #[test]
    fn inline_encoding_is_casper_types_encoding() {
        let mut inlined = 0;
        for key in every_key() {
            let mut out = [0xAAu8; INLINE_KEY_LENGTH];
            match encode_key_inline(key, &mut out) {
                Some(length) => {
                    assert_eq!(out[..length], key.to_bytes().unwrap()[..], "{key:?}");
                    inlined += 1;
                }
                None => assert!(
                    !matches!(key, Key::URef(_) | Key::Hash(_) | Key::Account(_)),
                    "{key:?} is not encoded inline"
                ),
            }
        }
        // Three accounts, two hashes, eight URefs.
        assert_eq!(inlined, 13);
    }

    #[test]
    fn uref_key_is_the_serialized_key_uref() {
        for rights in every_access_rights() {
            let uref = URef::new([0x5C; 32], rights);
            assert_eq!(
                uref_key(uref)[..],
                Key::URef(uref).to_bytes().unwrap()[..],
                "{rights:?}"
            );
        }
    }

    #[test]
    fn uref_from_parts_reads_what_casper_types_writes() {
        for rights in every_access_rights() {
            let uref = URef::new([0xC3; 32], rights);
            let bytes = uref.to_bytes().unwrap();
            assert_eq!(uref_from_parts(&bytes[..32], bytes[32]), Some(uref));
            assert_eq!(bytesrepr::deserialize::<URef>(bytes).unwrap(), uref);
        }
    }

    #[test]
    fn uref_from_parts_refuses_access_rights_casper_types_refuses() {
        for bits in 8..=u8::MAX {
            let mut bytes = [0x11u8; 33];
            bytes[32] = bits;
            assert_eq!(uref_from_parts(&bytes[..32], bits), None, "{bits:#010b}");
            assert!(URef::from_bytes(&bytes).is_err(), "{bits:#010b}");
        }
    }

    #[test]
    fn parse_key_decodes_every_variant_as_casper_types_does() {
        for key in every_key() {
            let bytes = key.to_bytes().unwrap();
            assert_eq!(parse(&bytes), Ok(key), "{key:?}");
            assert_eq!(bytesrepr::deserialize::<Key>(bytes).unwrap(), key);
        }
    }

    #[test]
    fn parse_key_refuses_trailing_bytes() {
        for key in every_key() {
            let mut bytes = key.to_bytes().unwrap();
            bytes.push(0);
            assert_eq!(parse(&bytes), Err(ApiError::Deserialize), "{key:?}");
        }
    }

    #[test]
    fn parse_key_fails_as_casper_types_does_on_bad_bytes() {
        let mut bad: Vec<Vec<u8>> = vec![
            vec![],
            vec![KeyTag::State as u8 + 1; 40],
            vec![u8::MAX],
            // A URef with access rights that do not exist.
            [&[UREF_TAG][..], &[7; 32], &[0x80]].concat(),
        ];
        // Every key cut short.
        bad.extend(every_key().iter().map(|key| {
            let mut bytes = key.to_bytes().unwrap();
            bytes.pop();
            bytes
        }));
        for bytes in bad {
            let expected = Key::from_bytes(&bytes).map(|(key, _)| key).unwrap_err();
            assert_eq!(parse(&bytes), Err(ApiError::from(expected)), "{bytes:?}");
        }
    }
}
