//! Byte buffers exchanged with the host, built without the standard library's allocation-failure
//! path (which links `core::fmt` into the contract): running out of memory reverts instead.

use alloc::vec::Vec;
use core::alloc::Layout;

use casper_contract::{contract_api::runtime::revert, ext_ffi};
use casper_types::{api_error, ApiError};

/// An empty buffer with room for `capacity` bytes; reverts with `ApiError::OutOfMemory` if the
/// memory cannot grow that far.
pub fn with_capacity(capacity: usize) -> Vec<u8> {
    if capacity == 0 {
        return Vec::new();
    }
    let Ok(layout) = Layout::array::<u8>(capacity) else {
        revert(ApiError::OutOfMemory)
    };
    // SAFETY: `layout` has a non-zero size.
    let ptr = unsafe { alloc::alloc::alloc(layout) };
    if ptr.is_null() {
        revert(ApiError::OutOfMemory)
    }
    // SAFETY: `ptr` was allocated by the global allocator with `layout`: `capacity` bytes of
    // `u8`; the vector starts empty.
    unsafe { Vec::from_raw_parts(ptr, 0, capacity) }
}

/// `text` serialized as the host reads strings: its length as a little-endian `u32`, then its
/// bytes. Inlined, so that a constant `text` is copied without a `memcpy` loop.
#[inline(always)]
pub fn serialized_str(text: &str) -> Vec<u8> {
    let mut bytes = with_capacity(4 + text.len());
    bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// The outcome a host function reported: `status` 0 is success, anything else an `ApiError`.
///
/// `casper_types::api_error::result_from` alone decodes every status through a long `match`,
/// measured at over 30,000 gas a call; success, by far the usual case, is checked first here.
#[inline(always)]
pub fn host_result(status: i32) -> Result<(), ApiError> {
    if status == 0 {
        Ok(())
    } else {
        api_error::result_from(status)
    }
}

/// The `size` bytes the host's last call left in its buffer (a read value, a call's result).
pub fn read_host_buffer(size: usize) -> Vec<u8> {
    let mut bytes = with_capacity(size);
    let mut written = 0usize;
    // SAFETY: `bytes` has room for `size` bytes; the host writes at most that many.
    let status =
        unsafe { ext_ffi::casper_read_host_buffer(bytes.as_mut_ptr(), size, &mut written) };
    if let Err(error) = host_result(status) {
        revert(error)
    }
    // SAFETY: the host initialised `written` (≤ `size`) bytes.
    unsafe { bytes.set_len(written.min(size)) };
    bytes
}
