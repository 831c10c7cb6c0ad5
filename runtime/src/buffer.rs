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
    serialized_str_into(text, with_capacity)
}

/// `text` serialized as [`serialized_str`] does, in a buffer `allocate` makes with room for
/// exactly the serialized length.
#[inline(always)]
fn serialized_str_into(text: &str, allocate: impl FnOnce(usize) -> Vec<u8>) -> Vec<u8> {
    let mut bytes = allocate(4 + text.len());
    bytes.extend_from_slice(&(text.len() as u32).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// The outcome a host function reported: `status` 0 is success, anything else an `ApiError`.
///
/// `casper_types::api_error::result_from` alone decodes every status through a long `match`,
/// tens of thousands of gas a call; success, by far the usual case, is checked first here.
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

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use core::cell::Cell;

    use casper_types::bytesrepr::ToBytes;

    use super::*;

    #[test]
    fn serialized_str_is_the_casper_types_string_encoding() {
        let long = "long ".repeat(20_000);
        for text in ["", "a", "count", "día ✓ 名前", "\0nul\0", &long] {
            let requested = Cell::new(None);
            let bytes = serialized_str_into(text, |capacity| {
                requested.set(Some(capacity));
                Vec::with_capacity(capacity)
            });
            let expected = String::from(text).to_bytes().unwrap();
            assert_eq!(bytes, expected, "{:?}", text.get(..20));
            // Room for exactly the encoding: the two copies never reallocate.
            assert_eq!(requested.get(), Some(expected.len()));
        }
    }

    #[test]
    fn host_result_decodes_every_status_as_casper_types_does() {
        assert_eq!(host_result(0), Ok(()));
        let statuses = (-1_000..=140_000).chain([i32::MIN, -1, i32::MAX, 1 << 16, (1 << 16) - 1]);
        let mut errors = 0;
        for status in statuses {
            let expected = api_error::result_from(status);
            assert_eq!(host_result(status), expected, "status {status}");
            errors += usize::from(expected.is_err());
        }
        assert!(errors > 100_000);
    }
}
