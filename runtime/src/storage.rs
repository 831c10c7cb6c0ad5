//! `casper_contract::contract_api::storage`, with [`read`], [`read_or_revert`], [`write()`] and
//! [`new_uref`] done for less gas: keys and URefs are serialized and decoded on the stack instead
//! of in heap buffers, and a read value is decoded straight from the host's buffer. Everything
//! else is casper-contract's. The prelude's `storage` is this module.

use alloc::vec::Vec;
use core::mem::MaybeUninit;

pub use casper_contract::contract_api::storage::*;
use casper_contract::{contract_api::runtime::revert, ext_ffi, unwrap_or_revert::UnwrapOrRevert};
use casper_types::{
    bytesrepr::{self, FromBytes, ToBytes},
    ApiError, CLTyped, CLValue, URef,
};

use crate::{
    buffer,
    named_keys::{uref_from_parts, uref_key},
};

/// Length of a serialized `URef`: address, access rights.
const UREF_LENGTH: usize = 32 + 1;

/// `value` serialized as a `CLValue`, as the host takes values to store.
fn cl_value_bytes<T: CLTyped + ToBytes>(value: T) -> Vec<u8> {
    CLValue::from_t(value)
        .and_then(|value| value.into_bytes().map_err(Into::into))
        .unwrap_or_revert()
}

/// The value under `uref`, or `None` if there is none; an error if it does not decode as `T`.
/// Same as casper-contract's `storage::read`.
pub fn read<T: CLTyped + FromBytes>(uref: URef) -> Result<Option<T>, bytesrepr::Error> {
    let key = uref_key(uref);
    let mut size = MaybeUninit::<usize>::uninit();
    // SAFETY: the host reads `key` within its length and writes one `usize` to `size`.
    let status = unsafe { ext_ffi::casper_read_value(key.as_ptr(), key.len(), size.as_mut_ptr()) };
    match buffer::host_result(status) {
        Ok(()) => {}
        Err(ApiError::ValueNotFound) => return Ok(None),
        Err(error) => revert(error),
    }
    // SAFETY: on success the host wrote the value's size.
    let size = unsafe { size.assume_init() };
    let bytes = buffer::read_host_buffer(size);
    bytesrepr::deserialize(bytes).map(Some)
}

/// The value under `uref`; reverts with `ApiError::Read` if it does not decode as `T` and with
/// `ApiError::ValueNotFound` if there is none. Same as casper-contract's
/// `storage::read_or_revert`.
pub fn read_or_revert<T: CLTyped + FromBytes>(uref: URef) -> T {
    read(uref)
        .unwrap_or_revert_with(ApiError::Read)
        .unwrap_or_revert_with(ApiError::ValueNotFound)
}

/// Writes `value` under `uref`. Same as casper-contract's `storage::write`.
pub fn write<T: CLTyped + ToBytes>(uref: URef, value: T) {
    let key = uref_key(uref);
    let value = cl_value_bytes(value);
    // SAFETY: the host reads `key` and `value` within their lengths.
    unsafe { ext_ffi::casper_write(key.as_ptr(), key.len(), value.as_ptr(), value.len()) }
}

/// A new URef holding `value` (with `READ_ADD_WRITE` access). Same as casper-contract's
/// `storage::new_uref`.
pub fn new_uref<T: CLTyped + ToBytes>(value: T) -> URef {
    let value = cl_value_bytes(value);
    let mut uref = MaybeUninit::<[u8; UREF_LENGTH]>::uninit();
    // SAFETY: the host reads `value` within its length and writes a serialized URef (address
    // and access rights) to `uref`.
    unsafe { ext_ffi::casper_new_uref(uref.as_mut_ptr().cast(), value.as_ptr(), value.len()) };
    // SAFETY: initialised by the host.
    let uref = unsafe { uref.assume_init() };
    uref_from_parts(&uref[..32], uref[32]).unwrap_or_revert_with(ApiError::Deserialize)
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
