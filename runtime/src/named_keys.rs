//! Named-key access for less gas than `casper_contract`'s.
//!
//! On Casper every branch back to a loop head costs 1,665 gas, so each byte a contract copies or
//! zeroes in a loop costs about 2,000 gas. [`get_key`] reads the key into an uninitialised stack
//! buffer and decodes the usual variants in place, and [`put_key`] encodes them on the stack,
//! where `casper_contract::contract_api::runtime`'s versions go through heap buffers and copies.
//! The prelude exports these two.

use alloc::vec::Vec;
use core::{mem::MaybeUninit, slice};

use casper_contract::{contract_api::runtime::revert, ext_ffi, unwrap_or_revert::UnwrapOrRevert};
use casper_types::{
    account::AccountHash,
    bytesrepr::{FromBytes, ToBytes},
    AccessRights, ApiError, Key, KeyTag, URef,
};

use crate::buffer;

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
/// A drop-in replacement for `casper_contract::contract_api::runtime::get_key`.
#[inline]
pub fn get_key(name: &str) -> Option<Key> {
    let name = buffer::serialized_str(name);
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
        Err(ApiError::MissingKey) => return None,
        Err(error) => revert(error),
    }
    // SAFETY: on success the host initialised the first `written` bytes of `key`.
    let bytes =
        unsafe { slice::from_raw_parts(key.as_ptr().cast::<u8>(), written.min(KEY_BUFFER)) };
    Some(decode_key(bytes))
}

/// The URef under the named key `name`; reverts with `ApiError::MissingKey` if there is none
/// (or it is not a URef).
// Inlined into each caller, as the two copies it replaced were (measured: not inlining it cost
// CEP-18 calls 11,000-95,000 gas more).
#[inline(always)]
pub(crate) fn named_uref(name: &str) -> URef {
    get_key(name)
        .and_then(Key::into_uref)
        .unwrap_or_revert_with(ApiError::MissingKey)
}

/// Puts `key` under `name` in the current context's named keys (replacing what was there).
///
/// A drop-in replacement for `casper_contract::contract_api::runtime::put_key`.
#[inline]
pub fn put_key(name: &str, key: Key) {
    let name = buffer::serialized_str(name);
    let mut inline = [0u8; INLINE_KEY_LENGTH];
    let encoded = match encode_key_inline(key, &mut inline) {
        Some(length) => &inline[..length],
        None => &serialize_key(key)[..],
    };
    // SAFETY: the host reads `name` and `encoded` within their lengths.
    unsafe { ext_ffi::casper_put_key(name.as_ptr(), name.len(), encoded.as_ptr(), encoded.len()) }
}

/// Any key, the general (and larger) way; kept out of line so that inlined `put_key`s stay small.
#[cold]
#[inline(never)]
fn serialize_key(key: Key) -> Vec<u8> {
    key.to_bytes().unwrap_or_revert()
}

/// Writes the usual named-key variants (URef, contract hash, account) into `out`, returning the
/// length; `None` for the others.
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

/// Decodes a serialized `Key`, with the usual named-key variants (URef, contract hash, account)
/// decoded inline: `Key::from_bytes` handles all 20-odd variants and copies.
fn decode_key(bytes: &[u8]) -> Key {
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
    match Key::from_bytes(bytes) {
        Ok((key, [])) => key,
        Ok(_) => revert(ApiError::Deserialize),
        Err(error) => revert(ApiError::from(error)),
    }
}

fn to_addr(bytes: &[u8]) -> [u8; 32] {
    let mut addr = [0u8; 32];
    addr.copy_from_slice(bytes);
    addr
}
