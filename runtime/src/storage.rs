//! `casper_contract::contract_api::storage`, with [`read`], [`read_or_revert`], [`write()`],
//! [`new_uref`], [`dictionary_get`] and [`dictionary_put`] done for less gas: keys, URefs and
//! small values are serialized and decoded on the stack instead of in heap buffers, and a
//! value's `CLType` is encoded without linking the code for every type. Everything else is
//! casper-contract's. The prelude's `storage` is this module.

use core::mem::MaybeUninit;

pub use casper_contract::contract_api::storage::*;
use casper_contract::ext_ffi;
use casper_types::{
    bytesrepr::{self, FromBytes, ToBytes},
    ApiError, CLTyped, URef, DICTIONARY_ITEM_KEY_MAX_LENGTH,
};

use crate::{
    buffer::{self, HostError},
    cl_value::{read_host_value, with_cl_value},
    errors::{revert, UnwrapOrRevert},
    named_keys::{uref_bytes, uref_from_parts, uref_key, UREF_LENGTH},
};

/// The value under `uref`, or `None` if there is none; an error if it does not decode as `T`.
/// Same as casper-contract's `storage::read`.
pub fn read<T: CLTyped + FromBytes + 'static>(uref: URef) -> Result<Option<T>, bytesrepr::Error> {
    let key = uref_key(uref);
    let mut size = MaybeUninit::<usize>::uninit();
    // SAFETY: the host reads `key` within its length and writes one `usize` to `size`.
    let status = unsafe { ext_ffi::casper_read_value(key.as_ptr(), key.len(), size.as_mut_ptr()) };
    found_value(status, size)
}

/// The value under `uref`; reverts with `ApiError::Read` if it does not decode as `T` and with
/// `ApiError::ValueNotFound` if there is none. Same as casper-contract's
/// `storage::read_or_revert`.
pub fn read_or_revert<T: CLTyped + FromBytes + 'static>(uref: URef) -> T {
    match read(uref) {
        Ok(Some(value)) => value,
        Ok(None) => revert(ApiError::ValueNotFound),
        Err(_) => revert(ApiError::Read),
    }
}

/// Writes `value` under `uref`. Same as casper-contract's `storage::write`.
pub fn write<T: CLTyped + ToBytes + 'static>(uref: URef, value: T) {
    let key = uref_key(uref);
    with_cl_value(value, |value| {
        // SAFETY: the host reads `key` and `value` within their lengths.
        unsafe { ext_ffi::casper_write(key.as_ptr(), key.len(), value.as_ptr(), value.len()) }
    })
}

/// A new URef holding `value` (with `READ_ADD_WRITE` access). Same as casper-contract's
/// `storage::new_uref`.
pub fn new_uref<T: CLTyped + ToBytes + 'static>(value: T) -> URef {
    let mut uref = MaybeUninit::<[u8; UREF_LENGTH]>::uninit();
    with_cl_value(value, |value| {
        // SAFETY: the host reads `value` within its length and writes a serialized URef
        // (address and access rights) to `uref`.
        unsafe { ext_ffi::casper_new_uref(uref.as_mut_ptr().cast(), value.as_ptr(), value.len()) }
    });
    // SAFETY: initialised by the host.
    let uref = unsafe { uref.assume_init() };
    uref_from_parts(&uref[..32], uref[32]).unwrap_or_revert_with(ApiError::Deserialize)
}

/// The value under `item_key` in the dictionary whose seed URef is `seed`, or `None` if there
/// is none; an error if it does not decode as `V`. Reverts with
/// `ApiError::DictionaryItemKeyExceedsLength` if `item_key` is longer than 128 bytes. Same as
/// casper-contract's `storage::dictionary_get`.
pub fn dictionary_get<V: CLTyped + FromBytes + 'static>(
    seed: URef,
    item_key: &str,
) -> Result<Option<V>, bytesrepr::Error> {
    let seed = uref_bytes(seed);
    let item_key = checked_item_key(item_key);
    let mut size = MaybeUninit::<usize>::uninit();
    // SAFETY: the host reads `seed` and `item_key` within their lengths and writes one `usize`
    // to `size`.
    let status = unsafe {
        ext_ffi::casper_dictionary_get(
            seed.as_ptr(),
            seed.len(),
            item_key.as_ptr(),
            item_key.len(),
            size.as_mut_ptr(),
        )
    };
    found_value(status, size)
}

/// What a host read (`read_value`, `dictionary_get`) found: `None` for `ValueNotFound`, else
/// the value it left in the host buffer, `size` bytes long, decoded as `T`. Reverts with any
/// other error the host reported.
#[inline(always)]
fn found_value<T: FromBytes + 'static>(
    status: i32,
    size: MaybeUninit<usize>,
) -> Result<Option<T>, bytesrepr::Error> {
    match buffer::host_result(status) {
        Ok(()) => {}
        Err(HostError::VALUE_NOT_FOUND) => return Ok(None),
        Err(error) => error.revert(),
    }
    // SAFETY: on success the host wrote the value's size.
    read_host_value(unsafe { size.assume_init() }).map(Some)
}

/// Writes `value` under `item_key` in the dictionary whose seed URef is `seed`. Reverts with
/// `ApiError::DictionaryItemKeyExceedsLength` if `item_key` is longer than 128 bytes. Same as
/// casper-contract's `storage::dictionary_put`.
pub fn dictionary_put<V: CLTyped + ToBytes + 'static>(seed: URef, item_key: &str, value: V) {
    with_cl_value(value, |value| {
        dictionary_put_cl_value(seed, item_key, value)
    });
}

/// Writes `cl_value`, a serialized `CLValue`, under `item_key` in the dictionary whose seed URef
/// is `seed`, as [`dictionary_put`] does.
#[inline(always)]
pub(crate) fn dictionary_put_cl_value(seed: URef, item_key: &str, cl_value: &[u8]) {
    let seed = uref_bytes(seed);
    let item_key = checked_item_key(item_key);
    // SAFETY: the host reads `seed`, `item_key` and `cl_value` within their lengths.
    let status = unsafe {
        ext_ffi::casper_dictionary_put(
            seed.as_ptr(),
            seed.len(),
            item_key.as_ptr(),
            item_key.len(),
            cl_value.as_ptr(),
            cl_value.len(),
        )
    };
    buffer::expect_success(status);
}

/// `item_key`'s bytes; reverts unless the host accepts their length.
#[inline(always)]
fn checked_item_key(item_key: &str) -> &[u8] {
    if item_key.len() > DICTIONARY_ITEM_KEY_MAX_LENGTH {
        HostError::DICTIONARY_ITEM_KEY_EXCEEDS_LENGTH.revert()
    }
    item_key.as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::named_keys::tests::every_access_rights;

    #[test]
    fn a_serialized_uref_is_uref_length_bytes() {
        for rights in every_access_rights() {
            let uref = URef::new([0xA5; 32], rights);
            assert_eq!(uref.serialized_length(), UREF_LENGTH);
            assert_eq!(uref.to_bytes().unwrap().len(), UREF_LENGTH);
            assert_eq!(uref_bytes(uref)[..], uref.to_bytes().unwrap()[..]);
        }
    }

    #[test]
    fn the_uref_the_host_writes_decodes_as_casper_types_decodes_it() {
        // What `casper_new_uref` writes: a serialized `URef`, as `new_uref` splits it.
        for rights in every_access_rights() {
            let written: [u8; UREF_LENGTH] = URef::new([0x3C; 32], rights)
                .to_bytes()
                .unwrap()
                .try_into()
                .unwrap();
            assert_eq!(
                uref_from_parts(&written[..32], written[32]),
                Some(bytesrepr::deserialize::<URef>(written.to_vec()).unwrap())
            );
        }
    }
}
