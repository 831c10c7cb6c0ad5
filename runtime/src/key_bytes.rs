//! `Key`s encoded and decoded without casper-types' codec for them.
//!
//! casper-types encodes a `Key` through a `Vec` that grows field by field in a match over every
//! kind of key and sub-address, and decodes one through a `Result` per field and an
//! out-of-line decoder per sub-address: about 12 KB of code for every contract whose entry
//! points take, store, compare or record a `Key`, which the engine stores and charges for at
//! install. Here a key is written to a stack buffer field by field (1.6 KB of code). A key read
//! is checked by one scanner of each kind's layout (0.9 KB), then copied as a [`KeyBytes`] or
//! built as a `Key` (most of the code a `Key` reader links). The unit tests compare both
//! directions with casper-types on keys of every kind and sub-kind, on bytes that are not a
//! key, and on every prefix of each.

use alloc::vec::Vec;
use core::{any::TypeId, cmp::Ordering, hash::Hasher, mem::MaybeUninit, ptr::addr_of_mut};

use casper_types::{
    account::AccountHash,
    addressable_entity::NamedKeyAddr,
    bytesrepr::{self, FromBytes, ToBytes},
    contract_messages::{MessageAddr, TopicNameHash},
    system::{auction::BidAddr, mint::BalanceHoldAddr},
    AccessRights, BlockGlobalAddr, BlockTime, ByteCodeAddr, CLType, CLTyped, DeployHash, Digest,
    EntityAddr, EntryPointAddr, EraId, Key, KeyTag, TransferAddr, URef,
};

use crate::buffer::StackBuffer;

/// The longest encoding of a `Key`: a message address (tag, entity address, topic hash and an
/// optional `u32` index).
pub(crate) const LONGEST_KEY: usize = 1 + ENTITY_LENGTH + HASH_LENGTH + 1 + 4;

/// The length of a hash, and of the padding after a system registry key's tag.
const HASH_LENGTH: usize = 32;

/// The length of an entity address: its kind, then its hash.
const ENTITY_LENGTH: usize = 1 + HASH_LENGTH;

/// The padding after a block-global address's tag.
const BLOCK_GLOBAL_PADDING: usize = 31;

/// The numbers casper-types gives the kinds of entity (`EntityKindTag`).
const SYSTEM_ENTITY: u8 = 0;
const ACCOUNT_ENTITY: u8 = 1;
const CONTRACT_ENTITY: u8 = 2;

/// The numbers casper-types gives the kinds of bid address (`BidAddrTag`).
mod bid {
    pub const UNIFIED: u8 = 0;
    pub const VALIDATOR: u8 = 1;
    pub const DELEGATED_ACCOUNT: u8 = 2;
    pub const DELEGATED_PURSE: u8 = 3;
    pub const CREDIT: u8 = 4;
    pub const RESERVED_ACCOUNT: u8 = 5;
    pub const RESERVED_PURSE: u8 = 6;
    pub const UNBOND_ACCOUNT: u8 = 7;
    pub const UNBOND_PURSE: u8 = 8;
    pub const VALIDATOR_REV: u8 = 9;
}

/// The numbers casper-types gives the kinds of byte code (`ByteCodeKind`), of balance hold
/// (`BalanceHoldAddrTag`), of block global (`BlockGlobalAddrTag`) and of entry point address.
const EMPTY_CODE: u8 = 0;
const V1_CODE: u8 = 1;
const V2_CODE: u8 = 2;
const GAS_HOLD: u8 = 0;
const PROCESSING_HOLD: u8 = 1;
const BLOCK_TIME: u8 = 0;
const MESSAGE_COUNT: u8 = 1;
const PROTOCOL_VERSION: u8 = 2;
const ADDRESSABLE_ENTITY: u8 = 3;
const V1_ENTRY_POINT: u8 = 0;

/// A `Key` carried as its encoding, the bytes casper-types' `to_bytes` gives, on the stack.
///
/// Two keys are equal exactly when their encodings are, and encodings order byte by byte (as a
/// CEP-18 token's map of badge changes orders its keys). As a value (an argument, a return,
/// a `Var` or `Mapping` value, an event field) a `KeyBytes` is a `Key` to Casper: its
/// `CLType` is `Key` and its bytes are the key's, checked as casper-types checks a `Key`'s.
/// As a `Mapping` key it gives the item key a `Key` gives. Code that only compares, stores
/// and records keys (a token's holders) takes `KeyBytes` and never builds the `Key` enum: the
/// decoder of every kind of key (about 5 KB of stored code) stays out of the contract.
///
/// ```no_run
/// use casper_dsl::prelude::*;
///
/// /// Whether `a` and `b` are the same holder.
/// fn same_holder(a: &Key, b: &Key) -> bool {
///     KeyBytes::of(a) == KeyBytes::of(b)
/// }
///
/// let holder = KeyBytes::from(Key::Hash([7; 32]));
/// assert_eq!(holder.to_key(), Key::Hash([7; 32]));
/// ```
#[derive(Clone, Copy)]
pub struct KeyBytes {
    length: usize,
    /// Initialised up to `length`: zeroing the rest would cost each encoding a `memset`.
    bytes: StackBuffer<LONGEST_KEY>,
}

impl KeyBytes {
    /// `key`'s encoding.
    #[inline(always)]
    pub fn of(key: &Key) -> Self {
        let mut bytes = StackBuffer::<LONGEST_KEY>::uninit();
        // SAFETY: the buffer has room for the longest encoding.
        let length = unsafe { write_key(key, bytes.as_mut_ptr().cast()) };
        KeyBytes { length, bytes }
    }

    /// The encoding of a key of kind `tag` that holds `hash` and nothing else (such as
    /// `Key::Account` or `Key::Hash`).
    #[inline(always)]
    pub(crate) fn tagged(tag: KeyTag, hash: &[u8; HASH_LENGTH]) -> Self {
        let mut bytes = StackBuffer::<LONGEST_KEY>::uninit();
        let mut out = Writer {
            start: bytes.as_mut_ptr().cast(),
            at: 0,
        };
        // SAFETY: the buffer has room for a tag and a hash.
        unsafe { out.tagged(tag as u8, hash) };
        KeyBytes {
            length: out.at,
            bytes,
        }
    }

    /// The key these bytes encode.
    pub fn to_key(&self) -> Key {
        // Built without checking again: every `KeyBytes` holds an encoding that was written
        // from a key or checked by [`Scanner`].
        Parts(self.as_slice()).key()
    }

    /// The encoding.
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `length` bytes are initialised.
        unsafe { core::slice::from_raw_parts(self.bytes.as_ptr().cast(), self.length) }
    }
}

/// `Key::Account(account)`'s encoding.
impl From<AccountHash> for KeyBytes {
    #[inline(always)]
    fn from(account: AccountHash) -> Self {
        KeyBytes::tagged(KeyTag::Account, &account.0)
    }
}

impl From<Key> for KeyBytes {
    #[inline(always)]
    fn from(key: Key) -> Self {
        KeyBytes::of(&key)
    }
}

impl From<KeyBytes> for Key {
    fn from(bytes: KeyBytes) -> Self {
        bytes.to_key()
    }
}

impl CLTyped for KeyBytes {
    fn cl_type() -> CLType {
        CLType::Key
    }
}

/// A key's bytes, as `Key`'s `ToBytes` gives them.
impl ToBytes for KeyBytes {
    fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> {
        Ok(self.as_slice().to_vec())
    }

    #[inline(always)]
    fn serialized_length(&self) -> usize {
        self.length
    }

    // One copy, shared by every event field and map encoding a key: inlined, each use would
    // carry the vector's growth check and a call to `memcpy`.
    #[inline(never)]
    fn write_bytes(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        writer.extend_from_slice(self.as_slice());
        Ok(())
    }
}

/// A key's bytes, with the results and errors of `Key`'s `FromBytes`: what casper-types
/// refuses is refused, and the padding it ignores (after a system registry's or a block
/// global's tag) is kept as zeros, the bytes the decoded key encodes to.
impl FromBytes for KeyBytes {
    #[inline(always)]
    fn from_bytes(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        let mut key = MaybeUninit::<KeyBytes>::uninit();
        let rest = read_key_bytes(bytes, &mut key)?;
        // SAFETY: `read_key_bytes` wrote the key when it returned `Ok`.
        Ok((unsafe { key.assume_init() }, rest))
    }
}

impl core::fmt::Debug for KeyBytes {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        formatter
            .debug_tuple("KeyBytes")
            .field(&self.as_slice())
            .finish()
    }
}

impl AsRef<[u8]> for KeyBytes {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl PartialEq for KeyBytes {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for KeyBytes {}

/// The order of the encodings, byte by byte.
impl Ord for KeyBytes {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl PartialOrd for KeyBytes {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl core::hash::Hash for KeyBytes {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

/// Writes `key`'s encoding (casper-types' `to_bytes`) at `out` and returns its length.
///
/// # Safety
///
/// `out` must be valid for [`LONGEST_KEY`] bytes.
// One copy, called from every place that encodes a key.
#[inline(never)]
pub(crate) unsafe fn write_key(key: &Key, out: *mut u8) -> usize {
    let mut out = Writer { start: out, at: 0 };
    // SAFETY (every write below): no encoding is longer than `LONGEST_KEY`.
    unsafe {
        out.byte(key_tag(key) as u8);
        match key {
            Key::Account(account)
            | Key::Bid(account)
            | Key::Withdraw(account)
            | Key::Unbond(account) => out.put(&account.0),
            Key::Hash(hash)
            | Key::Balance(hash)
            | Key::Dictionary(hash)
            | Key::SmartContract(hash) => out.put(hash),
            Key::URef(uref) => {
                out.put(&uref.addr());
                out.byte(uref.access_rights().bits());
            }
            Key::Transfer(transfer) => out.put(&transfer.value()),
            Key::DeployInfo(deploy) => out.put(&deploy.inner().value()),
            Key::EraInfo(era) => out.put(&era.value().to_le_bytes()),
            Key::SystemEntityRegistry
            | Key::EraSummary
            | Key::ChainspecRegistry
            | Key::ChecksumRegistry => out.put(&[0; HASH_LENGTH]),
            Key::BidAddr(bid) => out.bid(bid),
            Key::AddressableEntity(entity) | Key::State(entity) => out.entity(entity),
            Key::ByteCode(code) => match code {
                ByteCodeAddr::Empty => out.byte(EMPTY_CODE),
                ByteCodeAddr::V1CasperWasm(hash) => out.tagged(V1_CODE, hash),
                ByteCodeAddr::V2CasperWasm(hash) => out.tagged(V2_CODE, hash),
            },
            Key::Message(message) => {
                out.entity(&message.entity_addr());
                out.put(&message.topic_name_hash().value());
                match message.message_index() {
                    None => out.byte(0),
                    Some(index) => out.tagged(1, &index.to_le_bytes()),
                }
            }
            // Its name's hash has no getter: casper-types encodes it, which cannot fail for
            // 65 bytes (and a panic would revert the deploy).
            Key::NamedKey(named_key) => match named_key.to_bytes() {
                Ok(bytes) => out.put_slice(&bytes),
                Err(_) => unreachable!("a named-key address always encodes"),
            },
            Key::BlockGlobal(global) => {
                out.byte(match global {
                    BlockGlobalAddr::BlockTime => BLOCK_TIME,
                    BlockGlobalAddr::MessageCount => MESSAGE_COUNT,
                    BlockGlobalAddr::ProtocolVersion => PROTOCOL_VERSION,
                    BlockGlobalAddr::AddressableEntity => ADDRESSABLE_ENTITY,
                });
                out.put(&[0; BLOCK_GLOBAL_PADDING]);
            }
            Key::BalanceHold(hold) => {
                let (kind, purse, time) = match hold {
                    BalanceHoldAddr::Gas {
                        purse_addr,
                        block_time,
                    } => (GAS_HOLD, purse_addr, block_time),
                    BalanceHoldAddr::Processing {
                        purse_addr,
                        block_time,
                    } => (PROCESSING_HOLD, purse_addr, block_time),
                };
                out.tagged(kind, purse);
                out.put(&time.value().to_le_bytes());
            }
            Key::EntryPoint(EntryPointAddr::VmCasperV1 {
                entity_addr,
                name_bytes,
            }) => {
                out.byte(V1_ENTRY_POINT);
                out.entity(entity_addr);
                out.put(name_bytes);
            }
        }
    }
    out.at
}

/// Where [`write_key`] writes: each part is copied at its own fixed length (a few loads and
/// stores, where a copy of a run-time length is a `memcpy` call that copies byte by byte).
struct Writer {
    start: *mut u8,
    at: usize,
}

impl Writer {
    /// # Safety
    ///
    /// `start` must be valid for `at + N` bytes.
    unsafe fn put<const N: usize>(&mut self, part: &[u8; N]) {
        // SAFETY: as the caller promises.
        unsafe {
            self.start
                .add(self.at)
                .copy_from_nonoverlapping(part.as_ptr(), N)
        };
        self.at += N;
    }

    /// # Safety
    ///
    /// `start` must be valid for `at + part.len()` bytes.
    unsafe fn put_slice(&mut self, part: &[u8]) {
        // SAFETY: as the caller promises.
        unsafe {
            self.start
                .add(self.at)
                .copy_from_nonoverlapping(part.as_ptr(), part.len())
        };
        self.at += part.len();
    }

    /// # Safety
    ///
    /// `start` must be valid for `at + 1` bytes.
    unsafe fn byte(&mut self, byte: u8) {
        // SAFETY: as the caller promises.
        unsafe { self.put(&[byte]) }
    }

    /// # Safety
    ///
    /// `start` must be valid for `at + 1 + N` bytes.
    unsafe fn tagged<const N: usize>(&mut self, tag: u8, part: &[u8; N]) {
        // SAFETY: as the caller promises.
        unsafe {
            self.byte(tag);
            self.put(part);
        }
    }

    /// # Safety
    ///
    /// `start` must be valid for `at + ENTITY_LENGTH` bytes.
    unsafe fn entity(&mut self, entity: &EntityAddr) {
        let (kind, hash) = match entity {
            EntityAddr::System(hash) => (SYSTEM_ENTITY, hash),
            EntityAddr::Account(hash) => (ACCOUNT_ENTITY, hash),
            EntityAddr::SmartContract(hash) => (CONTRACT_ENTITY, hash),
        };
        // SAFETY: as the caller promises.
        unsafe { self.tagged(kind, hash) }
    }

    /// # Safety
    ///
    /// `start` must be valid for `at + 1 + 2 * HASH_LENGTH` bytes.
    unsafe fn bid(&mut self, address: &BidAddr) {
        // SAFETY (every write): as the caller promises.
        let (kind, validator, second): (u8, &AccountHash, &[u8; HASH_LENGTH]) = match address {
            BidAddr::Unified(validator) => {
                return unsafe { self.tagged(bid::UNIFIED, &validator.0) }
            }
            BidAddr::Validator(validator) => {
                return unsafe { self.tagged(bid::VALIDATOR, &validator.0) }
            }
            BidAddr::ValidatorRev(validator) => {
                return unsafe { self.tagged(bid::VALIDATOR_REV, &validator.0) }
            }
            BidAddr::Credit { validator, era_id } => {
                return unsafe {
                    self.tagged(bid::CREDIT, &validator.0);
                    self.put(&era_id.value().to_le_bytes());
                }
            }
            BidAddr::DelegatedAccount {
                validator,
                delegator,
            } => (bid::DELEGATED_ACCOUNT, validator, &delegator.0),
            BidAddr::ReservedDelegationAccount {
                validator,
                delegator,
            } => (bid::RESERVED_ACCOUNT, validator, &delegator.0),
            BidAddr::UnbondAccount {
                validator,
                unbonder,
            } => (bid::UNBOND_ACCOUNT, validator, &unbonder.0),
            BidAddr::DelegatedPurse {
                validator,
                delegator,
            } => (bid::DELEGATED_PURSE, validator, delegator),
            BidAddr::ReservedDelegationPurse {
                validator,
                delegator,
            } => (bid::RESERVED_PURSE, validator, delegator),
            BidAddr::UnbondPurse {
                validator,
                unbonder,
            } => (bid::UNBOND_PURSE, validator, unbonder),
        };
        unsafe {
            self.tagged(kind, &validator.0);
            self.put(second);
        }
    }
}

/// The length of `key`'s encoding (casper-types' `serialized_length`), without encoding it.
#[inline(never)]
pub(crate) fn encoded_length(key: &Key) -> usize {
    1 + match key {
        Key::URef(_) => HASH_LENGTH + 1,
        Key::EraInfo(_) => 8,
        Key::BidAddr(address) => {
            1 + HASH_LENGTH
                + match address {
                    BidAddr::Unified(_) | BidAddr::Validator(_) | BidAddr::ValidatorRev(_) => 0,
                    BidAddr::Credit { .. } => 8,
                    _ => HASH_LENGTH,
                }
        }
        Key::AddressableEntity(_) | Key::State(_) => ENTITY_LENGTH,
        Key::ByteCode(ByteCodeAddr::Empty) => 1,
        Key::ByteCode(_) => 1 + HASH_LENGTH,
        Key::Message(message) => match message.message_index() {
            None => ENTITY_LENGTH + HASH_LENGTH + 1,
            Some(_) => ENTITY_LENGTH + HASH_LENGTH + 1 + 4,
        },
        Key::NamedKey(_) => ENTITY_LENGTH + HASH_LENGTH,
        Key::EntryPoint(_) => 1 + ENTITY_LENGTH + HASH_LENGTH,
        Key::BlockGlobal(_) => 1 + BLOCK_GLOBAL_PADDING,
        Key::BalanceHold(_) => 1 + HASH_LENGTH + 8,
        // Every other kind: a hash, or a registry's 32 bytes of padding.
        _ => HASH_LENGTH,
    }
}

/// `key`'s kind.
fn key_tag(key: &Key) -> KeyTag {
    casper_types::Tagged::<KeyTag>::tag(key)
}

/// Decodes a `Key` from the start of `bytes` and returns the rest, with the results and
/// errors of casper-types' `Key::from_bytes`.
#[inline(always)]
pub(crate) fn decode_key(bytes: &[u8]) -> Result<(Key, &[u8]), bytesrepr::Error> {
    let mut key = MaybeUninit::<Key>::uninit();
    let rest = read_key(bytes, &mut key)?;
    // SAFETY: `read_key` wrote the key when it returned `Ok`.
    Ok((unsafe { key.assume_init() }, rest))
}

/// Decodes a `Key` from the start of `bytes` into `out` and returns the rest, as
/// [`decode_key`] does: checked by [`Scanner`], then built by [`Parts::key`]. Where the key is
/// kept (an argument, a list of keys) it is read in its place: moved out through `Result`s, a
/// `Key` is copied by a `memcpy` at each level.
// One copy, called from every place that decodes a key.
#[inline(never)]
pub(crate) fn read_key<'a>(
    bytes: &'a [u8],
    out: &mut MaybeUninit<Key>,
) -> Result<&'a [u8], bytesrepr::Error> {
    let mut input = Scanner { bytes, at: 0 };
    input.key()?;
    let (key, rest) = input.split();
    out.write(Parts(key).key());
    Ok(rest)
}

/// Reads a `T` that is a `Key` ([`read_key`]) or a [`KeyBytes`] ([`read_key_bytes`]) from the
/// start of `bytes` into `out`, and returns the rest; `None`, reading nothing, for any other
/// `T`. Generic code reads a key in the place it returns it from: moved out through `Result`s,
/// a key is copied by a `memcpy` at each level. The type tests are `TypeId` comparisons, which
/// fold at compile time.
#[inline(always)]
pub(crate) fn read_in_place<'a, T: 'static>(
    bytes: &'a [u8],
    out: &mut MaybeUninit<T>,
) -> Option<Result<&'a [u8], bytesrepr::Error>> {
    let slot = out.as_mut_ptr();
    // SAFETY (both casts): `T` is the type the slot is cast to.
    if TypeId::of::<T>() == TypeId::of::<Key>() {
        return Some(read_key(bytes, unsafe { &mut *slot.cast() }));
    }
    if TypeId::of::<T>() == TypeId::of::<KeyBytes>() {
        return Some(read_key_bytes(bytes, unsafe { &mut *slot.cast() }));
    }
    None
}

/// Reads a key's encoding from the start of `bytes` into `out` and returns the rest, checked by
/// [`Scanner`], with the padding casper-types ignores written as zeros. No `Key` is built, so
/// none of the code building each kind is linked.
// One copy, called from every place that decodes a `KeyBytes`.
#[inline(never)]
fn read_key_bytes<'a>(
    bytes: &'a [u8],
    out: &mut MaybeUninit<KeyBytes>,
) -> Result<&'a [u8], bytesrepr::Error> {
    let mut input = Scanner { bytes, at: 0 };
    let padding = input.key()?;
    let (key, rest) = input.split();
    let out = out.as_mut_ptr();
    // SAFETY: both fields are written, in place; a key's encoding fits the buffer, and
    // `padding` lies within it.
    unsafe {
        let start = addr_of_mut!((*out).bytes).cast::<u8>();
        start.copy_from_nonoverlapping(key.as_ptr(), key.len());
        if let Some(padding) = padding {
            start.add(padding).write_bytes(0, key.len() - padding);
        }
        addr_of_mut!((*out).length).write(key.len());
    }
    Ok(rest)
}

/// The kinds of key that hold a hash and nothing else.
const HASH_KINDS: [KeyTag; 10] = [
    KeyTag::Account,
    KeyTag::Hash,
    KeyTag::Transfer,
    KeyTag::DeployInfo,
    KeyTag::Balance,
    KeyTag::Bid,
    KeyTag::Withdraw,
    KeyTag::Dictionary,
    KeyTag::Unbond,
    KeyTag::Package,
];

/// The kinds of key that hold 32 bytes of padding, which casper-types does not read.
const REGISTRIES: [KeyTag; 4] = [
    KeyTag::SystemEntityRegistry,
    KeyTag::EraSummary,
    KeyTag::ChainspecRegistry,
    KeyTag::ChecksumRegistry,
];

/// Follows a key's encoding without decoding it: the one place that checks an encoding, as
/// casper-types' `Key::from_bytes` checks it (the same errors, at the same lengths), for both
/// [`read_key_bytes`] and [`read_key`].
struct Scanner<'a> {
    bytes: &'a [u8],
    /// How many bytes the key has so far.
    at: usize,
}

impl<'a> Scanner<'a> {
    /// Steps over a key and returns where its padding starts, if it ends with padding.
    // Inlined into each reader: called out of line, it would cost a contract that reads only
    // `KeyBytes` a call in its stored code for the sake of a `Key` reader only its installer has.
    #[inline(always)]
    fn key(&mut self) -> Result<Option<usize>, bytesrepr::Error> {
        let tag = self.byte()?;
        let is = |kinds: &[KeyTag]| kinds.iter().any(|kind| *kind as u8 == tag);
        let registry = is(&REGISTRIES);
        if registry || is(&HASH_KINDS) {
            self.skip(HASH_LENGTH)?;
            return Ok(registry.then_some(1));
        }
        match tag {
            tag if tag == KeyTag::URef as u8 => {
                self.skip(HASH_LENGTH)?;
                if AccessRights::from_bits(self.byte()?).is_none() {
                    return Err(bytesrepr::Error::Formatting);
                }
            }
            tag if tag == KeyTag::EraInfo as u8 => self.skip(8)?,
            tag if tag == KeyTag::BidAddr as u8 => {
                let kind = self.kind(bid::VALIDATOR_REV)?;
                self.skip(HASH_LENGTH)?;
                match kind {
                    bid::UNIFIED | bid::VALIDATOR | bid::VALIDATOR_REV => {}
                    bid::CREDIT => self.skip(8)?,
                    _ => self.skip(HASH_LENGTH)?,
                }
            }
            tag if tag == KeyTag::AddressableEntity as u8 || tag == KeyTag::State as u8 => {
                self.entity()?
            }
            tag if tag == KeyTag::ByteCode as u8 => {
                if self.kind(V2_CODE)? != EMPTY_CODE {
                    self.skip(HASH_LENGTH)?;
                }
            }
            tag if tag == KeyTag::Message as u8 => {
                self.entity()?;
                self.skip(HASH_LENGTH)?;
                if self.kind(1)? == 1 {
                    self.skip(4)?;
                }
            }
            tag if tag == KeyTag::NamedKey as u8 => {
                self.entity()?;
                self.skip(HASH_LENGTH)?;
            }
            tag if tag == KeyTag::BlockGlobal as u8 => {
                self.kind(ADDRESSABLE_ENTITY)?;
                self.skip(BLOCK_GLOBAL_PADDING)?;
                return Ok(Some(2));
            }
            tag if tag == KeyTag::BalanceHold as u8 => {
                self.kind(PROCESSING_HOLD)?;
                self.skip(HASH_LENGTH + 8)?;
            }
            tag if tag == KeyTag::EntryPoint as u8 => {
                self.kind(V1_ENTRY_POINT)?;
                self.entity()?;
                self.skip(HASH_LENGTH)?;
            }
            _ => return Err(bytesrepr::Error::Formatting),
        }
        Ok(None)
    }

    /// The key stepped over, and the bytes after it. Without `split_at`'s panic, whose message
    /// would link `core::fmt`.
    fn split(&self) -> (&'a [u8], &'a [u8]) {
        match self.bytes.split_at_checked(self.at) {
            Some(parts) => parts,
            None => (self.bytes, &[]),
        }
    }

    fn skip(&mut self, length: usize) -> Result<(), bytesrepr::Error> {
        if self.bytes.len() - self.at < length {
            return Err(bytesrepr::Error::EarlyEndOfStream);
        }
        self.at += length;
        Ok(())
    }

    fn byte(&mut self) -> Result<u8, bytesrepr::Error> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or(bytesrepr::Error::EarlyEndOfStream)?;
        self.at += 1;
        Ok(byte)
    }

    /// A sub-kind numbered from 0 to `last`.
    fn kind(&mut self, last: u8) -> Result<u8, bytesrepr::Error> {
        match self.byte()? {
            kind if kind <= last => Ok(kind),
            _ => Err(bytesrepr::Error::Formatting),
        }
    }

    /// An entity address: its kind (checked first, as casper-types does), then its hash.
    fn entity(&mut self) -> Result<(), bytesrepr::Error> {
        self.kind(CONTRACT_ENTITY)?;
        self.skip(HASH_LENGTH)
    }
}

/// The constructor of the kind of key tagged `tag`, if that kind holds a hash and nothing else
/// (or 32 bytes of padding).
fn hash_kind(tag: u8) -> Option<fn([u8; HASH_LENGTH]) -> Key> {
    let kind: fn([u8; HASH_LENGTH]) -> Key = match tag {
        tag if tag == KeyTag::Account as u8 => |hash| Key::Account(AccountHash::new(hash)),
        tag if tag == KeyTag::Hash as u8 => Key::Hash,
        tag if tag == KeyTag::Transfer as u8 => |hash| Key::Transfer(TransferAddr::new(hash)),
        tag if tag == KeyTag::DeployInfo as u8 => {
            |hash| Key::DeployInfo(DeployHash::new(Digest::from(hash)))
        }
        tag if tag == KeyTag::Balance as u8 => Key::Balance,
        tag if tag == KeyTag::Bid as u8 => |hash| Key::Bid(AccountHash::new(hash)),
        tag if tag == KeyTag::Withdraw as u8 => |hash| Key::Withdraw(AccountHash::new(hash)),
        tag if tag == KeyTag::Dictionary as u8 => Key::Dictionary,
        tag if tag == KeyTag::Unbond as u8 => |hash| Key::Unbond(AccountHash::new(hash)),
        tag if tag == KeyTag::Package as u8 => Key::SmartContract,
        tag if tag == KeyTag::SystemEntityRegistry as u8 => |_| Key::SystemEntityRegistry,
        tag if tag == KeyTag::EraSummary as u8 => |_| Key::EraSummary,
        tag if tag == KeyTag::ChainspecRegistry as u8 => |_| Key::ChainspecRegistry,
        tag if tag == KeyTag::ChecksumRegistry as u8 => |_| Key::ChecksumRegistry,
        _ => return None,
    };
    Some(kind)
}

/// The parts of a key's encoding that [`Scanner`] has checked, read in the order its kind lays
/// them out. No read can fail: a part past the end (which the check rules out) reads as zeros.
struct Parts<'a>(&'a [u8]);

impl<'a> Parts<'a> {
    /// The key. Each match takes the sub-kind the check left for its last arm.
    fn key(&mut self) -> Key {
        let tag = self.byte();
        // The kinds that hold a hash and nothing else (or padding): one read for all of them.
        if let Some(kind) = hash_kind(tag) {
            return kind(self.hash());
        }
        match tag {
            tag if tag == KeyTag::URef as u8 => {
                let address = self.hash();
                Key::URef(URef::new(
                    address,
                    AccessRights::from_bits_truncate(self.byte()),
                ))
            }
            tag if tag == KeyTag::EraInfo as u8 => Key::EraInfo(EraId::new(self.u64())),
            tag if tag == KeyTag::BidAddr as u8 => Key::BidAddr(self.bid()),
            tag if tag == KeyTag::AddressableEntity as u8 => Key::AddressableEntity(self.entity()),
            tag if tag == KeyTag::ByteCode as u8 => Key::ByteCode(match self.byte() {
                EMPTY_CODE => ByteCodeAddr::Empty,
                V1_CODE => ByteCodeAddr::V1CasperWasm(self.hash()),
                _ => ByteCodeAddr::V2CasperWasm(self.hash()),
            }),
            tag if tag == KeyTag::Message as u8 => {
                let entity = self.entity();
                let topic = TopicNameHash::new(self.hash());
                Key::Message(match self.byte() {
                    0 => MessageAddr::new_topic_addr(entity, topic),
                    _ => MessageAddr::new_message_addr(entity, topic, self.u32()),
                })
            }
            tag if tag == KeyTag::NamedKey as u8 => {
                let entity = self.entity();
                Key::NamedKey(NamedKeyAddr::new_named_key_entry(entity, self.hash()))
            }
            tag if tag == KeyTag::BlockGlobal as u8 => Key::BlockGlobal(match self.byte() {
                BLOCK_TIME => BlockGlobalAddr::BlockTime,
                MESSAGE_COUNT => BlockGlobalAddr::MessageCount,
                PROTOCOL_VERSION => BlockGlobalAddr::ProtocolVersion,
                _ => BlockGlobalAddr::AddressableEntity,
            }),
            tag if tag == KeyTag::BalanceHold as u8 => {
                let kind = self.byte();
                let purse_addr = self.hash();
                let block_time = BlockTime::new(self.u64());
                Key::BalanceHold(if kind == GAS_HOLD {
                    BalanceHoldAddr::Gas {
                        purse_addr,
                        block_time,
                    }
                } else {
                    BalanceHoldAddr::Processing {
                        purse_addr,
                        block_time,
                    }
                })
            }
            tag if tag == KeyTag::EntryPoint as u8 => {
                // The only kind of entry-point address.
                self.byte();
                let entity_addr = self.entity();
                Key::EntryPoint(EntryPointAddr::VmCasperV1 {
                    entity_addr,
                    name_bytes: self.hash(),
                })
            }
            _ => Key::State(self.entity()),
        }
    }

    fn array<const N: usize>(&mut self) -> &'a [u8; N] {
        match self.0.split_first_chunk::<N>() {
            Some((part, rest)) => {
                self.0 = rest;
                part
            }
            None => const { &[0; N] },
        }
    }

    fn byte(&mut self) -> u8 {
        self.array::<1>()[0]
    }

    fn hash(&mut self) -> [u8; HASH_LENGTH] {
        *self.array()
    }

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(*self.array())
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(*self.array())
    }

    /// An entity address: its kind, then its hash.
    fn entity(&mut self) -> EntityAddr {
        let kind: fn([u8; HASH_LENGTH]) -> EntityAddr = match self.byte() {
            SYSTEM_ENTITY => EntityAddr::System,
            ACCOUNT_ENTITY => EntityAddr::Account,
            _ => EntityAddr::SmartContract,
        };
        kind(self.hash())
    }

    /// A bid address: its kind, the validator, then what the kind adds.
    fn bid(&mut self) -> BidAddr {
        let kind = self.byte();
        let validator = AccountHash::new(self.hash());
        match kind {
            bid::UNIFIED => BidAddr::Unified(validator),
            bid::VALIDATOR => BidAddr::Validator(validator),
            bid::VALIDATOR_REV => BidAddr::ValidatorRev(validator),
            bid::CREDIT => BidAddr::Credit {
                validator,
                era_id: EraId::new(self.u64()),
            },
            bid::DELEGATED_ACCOUNT => BidAddr::DelegatedAccount {
                validator,
                delegator: AccountHash::new(self.hash()),
            },
            bid::RESERVED_ACCOUNT => BidAddr::ReservedDelegationAccount {
                validator,
                delegator: AccountHash::new(self.hash()),
            },
            bid::UNBOND_ACCOUNT => BidAddr::UnbondAccount {
                validator,
                unbonder: AccountHash::new(self.hash()),
            },
            bid::DELEGATED_PURSE => BidAddr::DelegatedPurse {
                validator,
                delegator: self.hash(),
            },
            bid::RESERVED_PURSE => BidAddr::ReservedDelegationPurse {
                validator,
                delegator: self.hash(),
            },
            _ => BidAddr::UnbondPurse {
                validator,
                unbonder: self.hash(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use casper_types::bytesrepr::FromBytes;

    use super::*;

    /// A small deterministic generator (xorshift64*), so failures reproduce.
    struct Bytes(u64);

    impl Bytes {
        fn next(&mut self) -> u8 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
        }
    }

    /// Byte strings made to look like keys: every tag (and a few that are none), then bytes of
    /// every length up to past the longest key, half of them small (so that sub-address tags
    /// and option tags are often valid).
    fn candidates() -> Vec<Vec<u8>> {
        let mut random = Bytes(0x9e37_79b9_7f4a_7c15);
        let mut candidates = Vec::new();
        for tag in 0..=27u8 {
            for _ in 0..1500 {
                // Half of them about as long as the longest key, so most kinds complete.
                let length = match random.next() % 2 {
                    0 => LONGEST_KEY - 8 + usize::from(random.next() % 16),
                    _ => usize::from(random.next()) % (LONGEST_KEY + 8),
                };
                let mut bytes = alloc::vec![tag];
                for _ in 0..length {
                    bytes.push(match random.next() % 4 {
                        0 => random.next() % 2,
                        1 => random.next() % 12,
                        _ => random.next(),
                    });
                }
                candidates.push(bytes);
            }
        }
        candidates
    }

    fn tag_of(key: &Key) -> u8 {
        key.to_bytes().unwrap()[0]
    }

    #[test]
    fn both_readers_decode_as_casper_types_does() {
        let mut kinds = alloc::collections::BTreeSet::new();
        for bytes in candidates() {
            // Every prefix too, for the errors at each length.
            for end in 0..=bytes.len() {
                let bytes = &bytes[..end];
                let theirs = Key::from_bytes(bytes);
                assert_eq!(decode_key(bytes), theirs, "{bytes:?}");
                // A `KeyBytes` holds what the key re-encodes to, and gives the key back.
                let ours = KeyBytes::from_bytes(bytes);
                assert_eq!(
                    ours.map(|(key, rest)| (
                        key.as_slice().to_vec(),
                        key.serialized_length(),
                        rest
                    )),
                    theirs.map(|(key, rest)| (
                        key.to_bytes().unwrap(),
                        key.serialized_length(),
                        rest
                    )),
                    "{bytes:?}"
                );
                if let (Ok((key, _)), Ok((encoded, _))) = (theirs, ours) {
                    assert_eq!(encoded.to_key(), key, "{bytes:?}");
                    kinds.insert(tag_of(&key));
                }
            }
        }
        // Every kind of key decoded at least once.
        assert_eq!(kinds.len(), 25, "{kinds:?}");
    }

    #[test]
    fn the_scanner_and_the_builder_agree_on_the_kinds_that_hold_a_hash() {
        for tag in 0..=u8::MAX {
            let listed = HASH_KINDS
                .iter()
                .chain(&REGISTRIES)
                .any(|kind| *kind as u8 == tag);
            assert_eq!(listed, hash_kind(tag).is_some(), "kind {tag}");
        }
    }

    #[test]
    fn ignored_padding_is_read_as_zeros() {
        for (tag, padding_start) in [
            (KeyTag::EraSummary as u8, 1),
            (KeyTag::BlockGlobal as u8, 2),
        ] {
            let mut bytes = alloc::vec![0xAB; 33];
            bytes[0] = tag;
            bytes[1] = if padding_start == 2 { 1 } else { 0xAB };
            let (key, rest) = KeyBytes::from_bytes(&bytes).unwrap();
            assert!(rest.is_empty());
            assert!(key.as_slice()[padding_start..]
                .iter()
                .all(|byte| *byte == 0));
            assert_eq!(key, KeyBytes::of(&Key::from_bytes(&bytes).unwrap().0));
        }
    }

    #[test]
    fn an_account_and_a_hash_are_tagged_as_keys() {
        let account = AccountHash::new([3; 32]);
        assert_eq!(
            KeyBytes::from(account),
            KeyBytes::of(&Key::Account(account))
        );
        assert_eq!(
            KeyBytes::tagged(KeyTag::Hash, &[4; 32]),
            KeyBytes::of(&Key::Hash([4; 32]))
        );
        assert_eq!(KeyBytes::cl_type(), Key::cl_type());
        assert_eq!(
            Key::from(KeyBytes::from(Key::Hash([4; 32]))),
            Key::Hash([4; 32])
        );
    }

    #[test]
    fn encodes_as_casper_types_does() {
        let mut kinds = alloc::collections::BTreeSet::new();
        for bytes in candidates() {
            if let Ok((key, _)) = Key::from_bytes(&bytes) {
                assert_eq!(
                    KeyBytes::of(&key).as_slice(),
                    key.to_bytes().unwrap(),
                    "{key:?}"
                );
                assert_eq!(encoded_length(&key), key.serialized_length(), "{key:?}");
                kinds.insert(tag_of(&key));
            }
        }
        assert_eq!(kinds.len(), 25, "{kinds:?}");
    }

    #[test]
    fn every_sub_kind_is_tested() {
        // The (kind, first byte) pairs casper-types decodes, its padding, entity kinds and
        // sub-address kinds among them...
        let mut decodable = alloc::collections::BTreeSet::new();
        for tag in 0..=u8::MAX {
            for second in 0..=u8::MAX {
                let mut bytes = alloc::vec![0u8; LONGEST_KEY];
                bytes[0] = tag;
                bytes[1] = second;
                if Key::from_bytes(&bytes).is_ok() {
                    decodable.insert((tag, second));
                }
            }
        }
        // ...are each among the keys the other tests decode and encode, where the first byte
        // names a sub-kind (a kind with a few valid first bytes).
        let tested: alloc::collections::BTreeSet<(u8, u8)> = candidates()
            .iter()
            .filter(|bytes| Key::from_bytes(bytes).is_ok())
            .map(|bytes| (bytes[0], bytes[1]))
            .collect();
        for tag in 0..=u8::MAX {
            let firsts: Vec<u8> = decodable
                .iter()
                .filter(|(kind, _)| *kind == tag)
                .map(|(_, first)| *first)
                .collect();
            if firsts.len() < 16 {
                for first in firsts {
                    assert!(
                        tested.contains(&(tag, first)),
                        "kind {tag}, sub-kind {first}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_longest_encoding_fits() {
        let longest = candidates()
            .iter()
            .filter_map(|bytes| Key::from_bytes(bytes).ok())
            .map(|(key, _)| key.serialized_length())
            .max();
        assert_eq!(longest, Some(LONGEST_KEY));
    }

    #[test]
    fn equal_keys_have_equal_encodings_and_no_others_do() {
        let keys: Vec<Key> = candidates()
            .iter()
            .filter_map(|bytes| Key::from_bytes(bytes).ok())
            .map(|(key, _)| key)
            .step_by(7)
            .collect();
        for a in &keys {
            for b in &keys {
                assert_eq!(KeyBytes::of(a) == KeyBytes::of(b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
