//! Typed contract state: a single value under a named key ([`Var`]), a key-value map backed
//! by a Casper dictionary ([`Mapping`]), and a key fixed at install ([`Fixed`]).
//!
//! Declared as `#[state]` consts in a `#[casper_dsl::contract]` module, each is created by the
//! installer and handed to the new contract as one of its named keys: it lives in the contract's
//! context, never in the installing account's.
//!
//! ```
//! #[casper_dsl::contract]
//! pub mod token {
//!     use casper_dsl::prelude::*;
//!
//!     /// Named key `total_supply` of the contract.
//!     #[state]
//!     pub const TOTAL_SUPPLY: Var<U256> = Var::new("total_supply");
//!     /// Dictionary `balances` of the contract.
//!     #[state]
//!     pub const BALANCES: Mapping<Key, U256> = Mapping::new("balances");
//!
//!     #[entry_point]
//!     pub fn mint(owner: Key, amount: U256) {
//!         TOTAL_SUPPLY.checked_add(amount).unwrap_or_revert();
//!         BALANCES.set(&owner, BALANCES.get_or_default(&owner) + amount);
//!     }
//! }
//! ```
//!
//! # Dictionary item keys
//!
//! A dictionary item key is at most 64 bytes, so [`Mapping`] derives it from the key's
//! `bytesrepr` encoding (what [`item_key`] computes, also on the host for off-chain tools):
//!
//! - up to 48 bytes (e.g. a `Key::Account`, 33 bytes): the standard base64 encoding, padded;
//! - longer (e.g. a `(Key, Key)` pair): the lowercase hex of its 32-byte BLAKE2b digest.
//!
//! These are the encodings of the CEP-18 reference contract's `balances` (base64 of the
//! owner's `Key`) and `allowances` (hex of the BLAKE2b of owner and spender `Key`s).

use alloc::{
    collections::{BTreeMap, BTreeSet},
    string::String,
    vec::Vec,
};
use core::{any::Any, marker::PhantomData};

use casper_contract::ext_ffi;
use casper_types::{
    account::AccountHash,
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contracts::NamedKeys,
    ApiError, CLTyped, Key, URef, U128, U256, U512,
};
use num_traits::{CheckedAdd, CheckedSub};

use crate::{
    access::get_caller,
    blake2b,
    buffer::{self, StackBuffer},
    cl_value::read_host_value,
    errors::UnwrapOrRevert,
    key_bytes::{write_key, KeyBytes, LONGEST_KEY},
    named_keys::{required_key_as, FromNamedKey},
    storage, Value,
};

/// Longest key encoding that is base64-encoded; longer ones are hashed.
const LONGEST_BASE64_KEY: usize = 48;

/// A value of type `T` under the contract named key `name`.
pub struct Var<T> {
    name: &'static str,
    value: PhantomData<fn() -> T>,
}

impl<T> Var<T> {
    /// The value under the named key `name`.
    pub const fn new(name: &'static str) -> Self {
        Var {
            name,
            value: PhantomData,
        }
    }

    /// The named key.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T: CLTyped + ToBytes + FromBytes + 'static> Var<T> {
    /// The URef the value is stored under; reverts with `ApiError::MissingKey` if the contract
    /// has no such named key.
    pub fn uref(&self) -> URef {
        required_key_as::<URef>(self.name)
    }

    /// The current value.
    pub fn get(&self) -> T {
        storage::read_or_revert(self.uref())
    }

    /// Replaces the value.
    pub fn set(&self, value: T) {
        storage::write(self.uref(), value);
    }

    /// Adds `amount` and returns the new value, or `None` (changing nothing) on overflow.
    pub fn checked_add(&self, amount: T) -> Option<T>
    where
        T: CheckedAdd + Clone,
    {
        self.update(|value| value.checked_add(&amount))
    }

    /// Subtracts `amount` and returns the new value, or `None` (changing nothing) on underflow.
    pub fn checked_sub(&self, amount: T) -> Option<T>
    where
        T: CheckedSub + Clone,
    {
        self.update(|value| value.checked_sub(&amount))
    }

    fn update(&self, change: impl FnOnce(T) -> Option<T>) -> Option<T>
    where
        T: Clone,
    {
        let uref = self.uref();
        let next = change(storage::read_or_revert(uref))?;
        storage::write(uref, next.clone());
        Some(next)
    }
}

/// A key fixed at install under the contract named key `name`, stored as the key itself,
/// with no URef in between: the installing account (`AccountHash`, a `Key::Account`), a
/// contract or package hash (`Key::Hash`), a `URef`, or any `Key`. The install gives its value:
/// `#[state(initial = caller)]` or `#[state(initial = arg(name))]`. Reading it is one host call
/// and no storage read, so it suits what entry points check on every call, such as an owner.
///
/// ```
/// #[casper_dsl::contract]
/// pub mod vault {
///     use casper_dsl::prelude::*;
///     use casper_dsl::state::Fixed;
///
///     /// The installing account, under the contract named key `owner`.
///     #[state(initial = caller)]
///     pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");
///
///     #[entry_point]
///     pub fn only_owner() {
///         if OWNER.get() != get_caller() {
///             revert(ApiError::PermissionDenied);
///         }
///     }
/// }
/// ```
pub struct Fixed<T> {
    name: &'static str,
    key: PhantomData<fn() -> T>,
}

impl<T> Fixed<T> {
    /// The key under the named key `name`.
    pub const fn new(name: &'static str) -> Self {
        Fixed {
            name,
            key: PhantomData,
        }
    }

    /// The named key.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<T: FromNamedKey> Fixed<T> {
    /// The key; reverts with `ApiError::MissingKey` if the contract has no key of this kind
    /// under the name.
    pub fn get(&self) -> T {
        required_key_as(self.name)
    }
}

/// A map from `K` to `V` in the contract dictionary `name` (see the module docs for how keys
/// are encoded).
pub struct Mapping<K, V> {
    name: &'static str,
    entries: PhantomData<fn(K) -> V>,
}

impl<K, V> Mapping<K, V> {
    /// The dictionary under the named key `name`.
    pub const fn new(name: &'static str) -> Self {
        Mapping {
            name,
            entries: PhantomData,
        }
    }

    /// The named key of the dictionary.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl<K: ToBytes + 'static, V: CLTyped + ToBytes + FromBytes + 'static> Mapping<K, V> {
    /// The dictionary's seed URef; reverts with `ApiError::MissingKey` if the contract has no
    /// such named key.
    pub fn uref(&self) -> URef {
        required_key_as::<URef>(self.name)
    }

    /// The value under `key`, if any.
    pub fn get(&self, key: &K) -> Option<V> {
        let item_key = ItemKey::of(key);
        storage::dictionary_get(self.uref(), item_key.as_str())
            .unwrap_or_revert_with(ApiError::Read)
    }

    /// The value under `key`, or `V::default()` if there is none.
    pub fn get_or_default(&self, key: &K) -> V
    where
        V: Default,
    {
        self.get(key).unwrap_or_default()
    }

    /// Stores `value` under `key`.
    pub fn set(&self, key: &K, value: V) {
        let item_key = ItemKey::of(key);
        storage::dictionary_put(self.uref(), item_key.as_str(), value);
    }
}

/// The dictionary item key [`Mapping`] stores `key` under.
///
/// ```
/// use casper_dsl::{casper_types::{account::AccountHash, Key}, state::item_key};
///
/// let owner = Key::Account(AccountHash::new([7; 32]));
/// assert_eq!(item_key(&owner)?, "AAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH");
/// assert_eq!(item_key(&(owner, owner))?.len(), 64); // hex of a BLAKE2b digest
/// # Ok::<(), casper_dsl::casper_types::bytesrepr::Error>(())
/// ```
///
/// # Errors
///
/// If `key` does not serialize.
pub fn item_key<K: ToBytes>(key: &K) -> Result<String, bytesrepr::Error> {
    let bytes = key.to_bytes()?;
    let mut text = [0u8; ITEM_KEY_LENGTH];
    let length = write_item_key(&bytes, &mut text);
    Ok(String::from(as_ascii(&text[..length])))
}

/// The length of every item key: base64 of 48 bytes, or hex of a 32-byte digest.
const ITEM_KEY_LENGTH: usize = 64;

/// An [`item_key`] built on the stack, for [`Mapping`].
struct ItemKey {
    text: [u8; ITEM_KEY_LENGTH],
    length: usize,
}

impl ItemKey {
    /// `key`'s item key; reverts if `key` does not serialize.
    // One copy per key type, shared by every `Mapping` method.
    #[inline(never)]
    fn of<K: ToBytes + 'static>(key: &K) -> Self {
        let mut text = [0u8; ITEM_KEY_LENGTH];
        let length = with_key_encoding(key, |bytes| write_item_key(bytes, &mut text))
            .unwrap_or_else(|| write_item_key(&key.to_bytes().unwrap_or_revert(), &mut text));
        ItemKey { text, length }
    }

    fn as_str(&self) -> &str {
        as_ascii(&self.text[..self.length])
    }
}

/// Hands `use_bytes` the encoding of a `Key` or of a pair of them (a tuple encodes as its
/// fields one after the other), written by [`write_key`] on the stack; `None` for any other
/// type. The type tests are `TypeId` comparisons, which fold at compile time.
#[inline(always)]
fn with_key_encoding<K: 'static, R>(key: &K, use_bytes: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let key: &dyn Any = key;
    let mut encoded = StackBuffer::<{ 2 * LONGEST_KEY }>::uninit();
    let start = encoded.as_mut_ptr().cast::<u8>();
    // SAFETY: the buffer has room for two keys; only the bytes written are read.
    let length = unsafe {
        if let Some(key) = key.downcast_ref::<Key>() {
            write_key(key, start)
        } else if let Some((first, second)) = key.downcast_ref::<(Key, Key)>() {
            let length = write_key(first, start);
            length + write_key(second, start.add(length))
        } else if let Some(key) = key.downcast_ref::<KeyBytes>() {
            return Some(use_bytes(key.as_slice()));
        } else if let Some((first, second)) = key.downcast_ref::<(KeyBytes, KeyBytes)>() {
            let (first, second) = (first.as_slice(), second.as_slice());
            start.copy_from_nonoverlapping(first.as_ptr(), first.len());
            start
                .add(first.len())
                .copy_from_nonoverlapping(second.as_ptr(), second.len());
            first.len() + second.len()
        } else {
            return None;
        }
    };
    // SAFETY: `write_key` initialised the first `length` bytes.
    Some(use_bytes(unsafe {
        core::slice::from_raw_parts(start, length)
    }))
}

/// Writes the item key of a key serialized as `bytes` to `text` and returns its length. Built
/// in place, it needs none of the UTF-8 validation that base64's `String` output links.
// One copy for every key type.
#[inline(never)]
fn write_item_key(bytes: &[u8], text: &mut [u8; ITEM_KEY_LENGTH]) -> usize {
    if bytes.len() <= LONGEST_BASE64_KEY {
        write_base64(bytes, text)
    } else {
        let digest = blake2b::hash(bytes);
        base16::encode_config_slice(&digest, base16::EncodeLower, text)
    }
}

/// The digits of standard base64 (RFC 4648), by value.
const BASE64_DIGITS: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Writes `bytes` (at most [`LONGEST_BASE64_KEY`]) to `text` in standard, padded base64 and
/// returns the number of characters: four for every three bytes or part of them. A few lines
/// here where the `base64` crate's encoder is 1.6 KB, which every entry point using a `Mapping`
/// would store.
fn write_base64(bytes: &[u8], text: &mut [u8; ITEM_KEY_LENGTH]) -> usize {
    // The digit of the six bits of `group` from bit `shift` up.
    let digit = |group: u32, shift: u32| BASE64_DIGITS[(group >> shift) as usize & 63];
    let mut chunks = bytes.chunks_exact(3);
    let mut outs = text.chunks_exact_mut(4);
    for (chunk, out) in (&mut chunks).zip(&mut outs) {
        let group = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
        let digits = [
            digit(group, 18),
            digit(group, 12),
            digit(group, 6),
            digit(group, 0),
        ];
        out.copy_from_slice(&digits);
    }
    let written = bytes.len() / 3 * 4;
    let last = match *chunks.remainder() {
        [first] => {
            let group = u32::from(first) << 16;
            [digit(group, 18), digit(group, 12), b'=', b'=']
        }
        [first, second] => {
            let group = u32::from(first) << 16 | u32::from(second) << 8;
            [digit(group, 18), digit(group, 12), digit(group, 6), b'=']
        }
        _ => return written,
    };
    text[written..written + 4].copy_from_slice(&last);
    written + 4
}

/// `text`, which holds base64 or lowercase hex digits, as a `str`.
fn as_ascii(text: &[u8]) -> &str {
    // SAFETY: base64 and lowercase hex digits are ASCII, so UTF-8.
    unsafe { core::str::from_utf8_unchecked(text) }
}

/// A value a `#[state] Var<T>` can start with: its `Default`, stored by the installer.
///
/// Implemented for the Casper value types that have a `Default`; `Key`, `URef` and
/// `PublicKey` have none (use `Var<Option<Key>>`, which starts as `None`). For a
/// [`Value`] of your own with a `Default`: `impl InitialValue for MyType {}`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the value of a #[state] `Var`: it has no initial value",
    label = "no initial value for the installer to store",
    note = "the installer stores `T::default()` in a #[state] `Var<T>`; for a type without a `Default`, such as `Key`, use `Var<Option<Key>>` (which starts as `None`); for a value type of your own with a `Default`, add `impl casper_dsl::state::InitialValue for {Self} {{}}`"
)]
pub trait InitialValue: Value + Default {}

macro_rules! initial_values {
    ($($ty:ty),* $(,)?) => { $(impl InitialValue for $ty {})* };
}

initial_values!(
    (),
    bool,
    i32,
    i64,
    u8,
    u32,
    u64,
    U128,
    U256,
    U512,
    String,
    Bytes,
    AccountHash,
);

impl<T: Value> InitialValue for Option<T> {}
impl<T: Value> InitialValue for Vec<T> {}
impl<T: Value + Ord> InitialValue for BTreeSet<T> {}
impl<K: Value + Ord, V: Value> InitialValue for BTreeMap<K, V> {}
impl<A: InitialValue> InitialValue for (A,) {}
impl<A: InitialValue, B: InitialValue> InitialValue for (A, B) {}
impl<A: InitialValue, B: InitialValue, C: InitialValue> InitialValue for (A, B, C) {}

/// A `#[state]` item: what the installer creates for it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be #[state] without an initial value",
    label = "not a `Var<T>` with `T: Default`, nor a `Mapping<K, V>`",
    note = "a #[state] const is a `Mapping<K, V>`, or a `Var<T>` whose `T` is a Casper value with a `Default` (its value at install); for a type without one, such as `Key`, use `Var<Option<Key>>`, or give the value: `#[state(initial = arg(name))]` (an install argument) or `#[state(initial = caller)]` (the installing account), which a `Fixed<T>` always needs"
)]
pub trait State {
    /// Adds the item's named key, with a new URef holding its initial value, to `named_keys`.
    fn create(&self, named_keys: &mut NamedKeys);
}

impl<T: InitialValue> State for Var<T> {
    fn create(&self, named_keys: &mut NamedKeys) {
        let uref = storage::new_uref(T::default());
        named_keys.insert(self.name.into(), Key::URef(uref));
    }
}

impl<K, V> State for Mapping<K, V> {
    fn create(&self, named_keys: &mut NamedKeys) {
        named_keys.insert(self.name.into(), Key::URef(new_dictionary_uref()));
    }
}

/// A `#[state(initial = ...)]` item: what the installer creates for it from the value the
/// install gives.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot take an initial value",
    label = "not a `Var<T>` or a `Fixed<T>`",
    note = "`#[state(initial = ...)]` applies to a `Var<T>` (the value goes into a new URef) or a `Fixed<T>` (the key is the named key itself); a `Mapping` starts empty"
)]
pub trait InitialState {
    /// The type of the initial value: the install argument's, for `initial = arg(name)`.
    type Value;

    /// Adds the item's named key, holding `value`, to `named_keys`.
    fn create_with(&self, value: Self::Value, named_keys: &mut NamedKeys);
}

impl<T: Value> InitialState for Var<T> {
    type Value = T;

    fn create_with(&self, value: T, named_keys: &mut NamedKeys) {
        named_keys.insert(self.name.into(), Key::URef(storage::new_uref(value)));
    }
}

impl<T: FromNamedKey> InitialState for Fixed<T> {
    type Value = T;

    fn create_with(&self, value: T, named_keys: &mut NamedKeys) {
        named_keys.insert(self.name.into(), value.into());
    }
}

/// The value of `#[state(initial = caller)]`: the account running the installer, as the
/// item's value type.
// Inlined into the installer, the only caller.
#[inline(always)]
pub fn installing_account<T: From<AccountHash>>() -> T {
    T::from(get_caller())
}

/// A new dictionary's seed URef, not put under any named key of the caller (unlike
/// casper-contract's `new_dictionary`), so that it can go to the new contract only.
pub(crate) fn new_dictionary_uref() -> URef {
    // SAFETY: the host writes the size of the URef it put in its buffer.
    let (status, size) =
        buffer::with_wide_size(|size| unsafe { ext_ffi::casper_new_dictionary(size) });
    buffer::expect_success(status);
    read_host_value(size).unwrap_or_revert()
}

#[cfg(test)]
mod tests {
    use alloc::{string::ToString, vec};

    use base64::{engine::general_purpose::STANDARD, Engine};
    use casper_types::{AccessRights, Digest};

    use super::*;
    use crate::named_keys::tests::every_key;

    #[test]
    fn base64_is_the_standard_padded_encoding() {
        for length in 0..=LONGEST_BASE64_KEY {
            let bytes: Vec<u8> = (0..length).map(|index| (index * 89 + 251) as u8).collect();
            let mut text = [0u8; ITEM_KEY_LENGTH];
            let written = write_base64(&bytes, &mut text);
            assert_eq!(
                as_ascii(&text[..written]),
                STANDARD.encode(&bytes),
                "{bytes:?}"
            );
        }
    }

    /// The CEP-18 reference contract's `balances` item key: base64 of the owner's `Key`.
    fn reference_balance_key(owner: &Key) -> String {
        STANDARD.encode(owner.to_bytes().unwrap())
    }

    /// The CEP-18 reference contract's `allowances` item key: hex of the BLAKE2b digest of the
    /// owner's and spender's `Key`s, one after the other.
    fn reference_allowance_key(owner: &Key, spender: &Key) -> String {
        let mut preimage = owner.to_bytes().unwrap();
        preimage.extend(spender.to_bytes().unwrap());
        base16::encode_lower(&Digest::hash(preimage).value())
    }

    #[test]
    fn a_key_is_stored_under_the_cep18_balance_item_key() {
        for key in every_key() {
            if key.serialized_length() <= LONGEST_BASE64_KEY {
                assert_eq!(
                    item_key(&key).unwrap(),
                    reference_balance_key(&key),
                    "{key:?}"
                );
            }
        }
        let owner = Key::Account(AccountHash::new([7; 32]));
        assert_eq!(
            item_key(&owner).unwrap(),
            "AAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH"
        );
    }

    #[test]
    fn a_pair_of_keys_is_stored_under_the_cep18_allowance_item_key() {
        // The identities CEP-18 records allowances between: accounts and contract packages.
        let identities = [
            Key::Account(AccountHash::new([1; 32])),
            Key::Account(AccountHash::new([2; 32])),
            Key::Hash([3; 32]),
            Key::Hash([0; 32]),
        ];
        for owner in &identities {
            for spender in &identities {
                assert_eq!(
                    item_key(&(*owner, *spender)).unwrap(),
                    reference_allowance_key(owner, spender)
                );
            }
        }
    }

    #[test]
    fn a_mapping_gives_a_key_and_its_encoding_the_same_item_key() {
        let keys = every_key();
        for owner in &keys {
            let bytes = KeyBytes::of(owner);
            assert_eq!(ItemKey::of(owner).as_str(), item_key(owner).unwrap());
            assert_eq!(ItemKey::of(&bytes).as_str(), item_key(owner).unwrap());
            for spender in keys.iter().step_by(3) {
                let pair = item_key(&(*owner, *spender)).unwrap();
                assert_eq!(ItemKey::of(&(*owner, *spender)).as_str(), pair);
                let encodings = (bytes, KeyBytes::of(spender));
                assert_eq!(ItemKey::of(&encodings).as_str(), pair);
            }
        }
    }

    #[test]
    fn a_pair_of_keys_is_hashed_only_when_it_encodes_to_more_than_48_bytes() {
        let keys = every_key();
        let mut hashed = 0;
        for owner in &keys {
            for spender in &keys {
                let pair = (*owner, *spender);
                let item = item_key(&pair).unwrap();
                if pair.serialized_length() > 48 {
                    assert_eq!(item, reference_allowance_key(owner, spender));
                    hashed += 1;
                } else {
                    // Such as a `Key::EraSummary` (1 byte) with a `Key::Hash` (33).
                    assert_eq!(STANDARD.decode(&item).unwrap(), pair.to_bytes().unwrap());
                }
            }
        }
        assert!(hashed > keys.len() * keys.len() / 2);
    }

    #[test]
    fn item_keys_switch_from_base64_to_a_digest_after_48_bytes() {
        // A `String` of n bytes serializes to 4 + n.
        for length in 0..=100 {
            let key = "k".repeat(length);
            let bytes = key.to_bytes().unwrap();
            let item = item_key(&key).unwrap();
            if bytes.len() <= 48 {
                assert_eq!(STANDARD.decode(&item).unwrap(), bytes);
            } else {
                assert_eq!(item, base16::encode_lower(&Digest::hash(&bytes).value()));
                assert!(item.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')));
            }
            // Dictionary item keys are at most 64 bytes.
            let expected = if bytes.len() <= 48 {
                bytes.len().div_ceil(3) * 4
            } else {
                64
            };
            assert_eq!(item.len(), expected, "{length}");
        }
    }

    #[test]
    fn item_keys_of_other_key_types_are_their_encodings() {
        let uref = URef::new([9; 32], AccessRights::READ_ADD_WRITE);
        let cases: Vec<(String, Vec<u8>)> = vec![
            (item_key(&0u64).unwrap(), 0u64.to_bytes().unwrap()),
            (item_key(&u64::MAX).unwrap(), u64::MAX.to_bytes().unwrap()),
            (item_key(&U256::MAX).unwrap(), U256::MAX.to_bytes().unwrap()),
            (item_key(&uref).unwrap(), uref.to_bytes().unwrap()),
            (
                item_key(&Bytes::from(vec![1u8, 2, 3])).unwrap(),
                Bytes::from(vec![1u8, 2, 3]).to_bytes().unwrap(),
            ),
            (
                item_key(&Some("name".to_string())).unwrap(),
                Some("name".to_string()).to_bytes().unwrap(),
            ),
        ];
        for (item, bytes) in cases {
            assert_eq!(STANDARD.decode(&item).unwrap(), bytes, "{item}");
        }
    }

    #[test]
    fn distinct_keys_get_distinct_item_keys() {
        let mut items: Vec<String> = every_key()
            .iter()
            .map(|key| item_key(key).unwrap())
            .collect();
        let count = items.len();
        items.sort();
        items.dedup();
        assert_eq!(items.len(), count);
    }
}
