//! Byte buffers exchanged with the host, built without the standard library's allocation-failure
//! path (which links `core::fmt` into the contract): running out of memory reverts instead.

use alloc::vec::Vec;
use core::{alloc::Layout, marker::PhantomData, mem::MaybeUninit, slice};

use casper_contract::ext_ffi;
use casper_types::ApiError;

use crate::errors::revert;

/// An empty buffer with room for `capacity` bytes; reverts with `ApiError::OutOfMemory` if the
/// memory cannot grow that far. Off chain (tests, tools decoding values), `Vec::with_capacity`.
pub fn with_capacity(capacity: usize) -> Vec<u8> {
    if cfg!(not(target_arch = "wasm32")) {
        return Vec::with_capacity(capacity);
    }
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

/// Strings serialized to at most this many bytes are serialized on the stack.
const STACK_STRING: usize = 64;

/// Hands `text`, serialized as the host reads strings (its length as a little-endian `u32`,
/// then its bytes), to `use_bytes`. Inlined, so that for a constant `text` (a named key, an
/// argument name) the choice between the stack and the heap folds away and the bytes are
/// copied by a few stores.
#[inline(always)]
pub fn with_serialized_str<R>(text: &str, use_bytes: impl FnOnce(&[u8]) -> R) -> R {
    // SAFETY: `write_prefixed` initialises the `4 + text.len()` bytes it is given.
    unsafe { serialized_str(text, |out, bytes| write_prefixed(out, bytes), use_bytes) }
}

/// [`with_serialized_str`] for a `text` known only at run time (in a function that is not
/// inlined): its bytes are copied by [`copy_bytes`], not by a `memcpy` call.
#[inline(always)]
pub fn with_serialized_runtime_str<R>(text: &str, use_bytes: impl FnOnce(&[u8]) -> R) -> R {
    // SAFETY: the closure initialises the `4 + text.len()` bytes it is given.
    unsafe {
        serialized_str(
            text,
            |out, bytes| {
                write_length(out, bytes);
                copy_bytes(out.add(4), bytes)
            },
            use_bytes,
        )
    }
}

/// # Safety
///
/// `write` must initialise the `4 + bytes.len()` bytes at the pointer it is given.
#[inline(always)]
unsafe fn serialized_str<R>(
    text: &str,
    write: impl FnOnce(*mut u8, &[u8]),
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> R {
    with_written::<STACK_STRING, R>(4 + text.len(), |out| write(out, text.as_bytes()), use_bytes)
}

/// Hands the `length` bytes `write` writes (given where to write them) to `use_bytes`: they
/// are written on the stack when they fit `N` bytes, on the heap otherwise. Inlined, so that
/// for a constant `length` the choice folds away.
///
/// # Safety
///
/// `write` must initialise all `length` bytes at the pointer it is given.
#[inline(always)]
pub unsafe fn with_written<const N: usize, R>(
    length: usize,
    write: impl FnOnce(*mut u8),
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> R {
    if length <= N {
        let mut bytes = StackBuffer::<N>::uninit();
        let start = bytes.as_mut_ptr().cast::<u8>();
        write(start);
        // SAFETY: `write` initialised `length` (≤ `N`) bytes.
        use_bytes(slice::from_raw_parts(start, length))
    } else {
        let mut bytes = with_capacity(length);
        write(bytes.as_mut_ptr());
        // SAFETY: the buffer has room for `length` bytes, which `write` initialised.
        bytes.set_len(length);
        use_bytes(&bytes)
    }
}

/// Writes `bytes`' length, as a little-endian `u32`, then `bytes`, to `out`.
///
/// # Safety
///
/// `out` must be valid for `4 + bytes.len()` bytes.
#[inline(always)]
pub unsafe fn write_prefixed(out: *mut u8, bytes: &[u8]) {
    write_length(out, bytes);
    out.add(4)
        .copy_from_nonoverlapping(bytes.as_ptr(), bytes.len());
}

/// Writes `bytes`' length, as a little-endian `u32`, to `out`.
///
/// # Safety
///
/// `out` must be valid for 4 bytes.
#[inline(always)]
unsafe fn write_length(out: *mut u8, bytes: &[u8]) {
    let prefix = (bytes.len() as u32).to_le_bytes();
    out.copy_from_nonoverlapping(prefix.as_ptr(), 4);
}

/// Copies `bytes` to `out` a byte at a time, without calling `memcpy`.
///
/// A copy whose length is known only at run time (a named key's name, a string argument)
/// compiles to a call to `compiler_builtins`' `memcpy`: 940 bytes of code that every entry
/// point reaching such a copy pays to store, for copies that are a few dozen bytes long here.
/// The stores are volatile so that the optimizer cannot turn the loop back into a `memcpy`.
///
/// # Safety
///
/// `out` must be valid for writing `bytes.len()` bytes that do not overlap `bytes`.
#[inline(never)]
pub unsafe fn copy_bytes(out: *mut u8, bytes: &[u8]) {
    for (index, byte) in bytes.iter().enumerate() {
        out.add(index).write_volatile(*byte);
    }
}

/// An error a host function reported: the number of an `ApiError`.
///
/// Kept as the number, so that testing for the few errors a caller expects and reverting with
/// any other is a comparison and a host call; `ApiError`'s conversions from and to numbers are
/// long `match`es an entry point would pay to store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostError(u32);

impl HostError {
    /// `ApiError::MissingArgument`.
    pub const MISSING_ARGUMENT: Self = HostError(2);
    /// `ApiError::ValueNotFound`.
    pub const VALUE_NOT_FOUND: Self = HostError(6);
    /// `ApiError::MissingKey`.
    pub const MISSING_KEY: Self = HostError(24);
    /// `ApiError::DictionaryItemKeyExceedsLength`.
    pub const DICTIONARY_ITEM_KEY_EXCEEDS_LENGTH: Self = HostError(36);
    /// `ApiError::MessageTopicNotRegistered`.
    pub const MESSAGE_TOPIC_NOT_REGISTERED: Self = HostError(44);

    /// Reverts with this error.
    // Inlined: the engine's instrumentation wraps every call of a module function in a stack
    // check of about 20 bytes, where the host's `revert` called in place needs none.
    #[inline(always)]
    pub fn revert(self) -> ! {
        // SAFETY: reverting takes any number.
        unsafe { ext_ffi::casper_revert(self.0) }
    }
}

/// The outcome a host function reported: `status` 0 is success, anything else an error.
#[inline(always)]
pub fn host_result(status: i32) -> Result<(), HostError> {
    match status {
        0 => Ok(()),
        error => Err(HostError(error as u32)),
    }
}

/// Reverts with the error the host reported, if it reported one.
#[inline(always)]
pub fn expect_success(status: i32) {
    if let Err(error) = host_result(status) {
        error.revert()
    }
}

/// Makes the host call `call`, given where to write a size that casper-execution-engine 8.1.1
/// writes as its own `usize` (`get_caller`, `new_dictionary`, `create_contract_user_group`):
/// eight bytes, where the other host functions write four, Wasm's `usize`. Given a four-byte
/// slot, the host would zero the next four bytes of the caller's stack, whatever lives there.
/// Returns the call's status and the size.
#[inline(always)]
pub fn with_wide_size(call: impl FnOnce(*mut usize) -> i32) -> (i32, usize) {
    let mut size = 0u64;
    let status = call((&raw mut size).cast());
    (status, size as usize)
}

/// Values of at most this many bytes are exchanged with the host through the stack.
pub const STACK_BUFFER: usize = 72;

/// Room on the caller's stack for [`host_bytes`].
pub type StackBuffer<const N: usize = STACK_BUFFER> = MaybeUninit<[u8; N]>;

/// Bytes the host wrote: in the caller's [`StackBuffer`] or, when they did not fit, on the heap.
/// Reading them does not ask which (a `match` at every use would cost gas).
pub struct HostBytes<'a> {
    start: *const u8,
    length: usize,
    /// Owns the bytes when they are on the heap (moving a `Vec` does not move its buffer).
    _heap: Option<Vec<u8>>,
    _stack: PhantomData<&'a [u8]>,
}

impl core::ops::Deref for HostBytes<'_> {
    type Target = [u8];

    #[inline(always)]
    fn deref(&self) -> &[u8] {
        // SAFETY: `start` points to `length` initialised bytes, in the borrowed stack buffer or
        // in the heap buffer `_heap` owns.
        unsafe { slice::from_raw_parts(self.start, self.length) }
    }
}

/// Has the host write `size` bytes through `fill` (given where to write them; it returns how
/// many it wrote), into `stack` when they fit and onto the heap otherwise.
#[inline(always)]
pub fn host_bytes<const N: usize>(
    size: usize,
    stack: &mut StackBuffer<N>,
    fill: impl FnOnce(*mut u8) -> usize,
) -> HostBytes<'_> {
    if size <= N {
        let start = stack.as_mut_ptr().cast::<u8>();
        HostBytes {
            start,
            length: fill(start).min(size),
            _heap: None,
            _stack: PhantomData,
        }
    } else {
        let mut bytes = with_capacity(size);
        HostBytes {
            start: bytes.as_ptr(),
            length: fill(bytes.as_mut_ptr()).min(size),
            _heap: Some(bytes),
            _stack: PhantomData,
        }
    }
}

/// The `size` bytes the host's last call left in its buffer (a read value, a call's result),
/// in `stack` when they fit.
#[inline(always)]
pub fn read_host_buffer_into<const N: usize>(
    size: usize,
    stack: &mut StackBuffer<N>,
) -> HostBytes<'_> {
    // SAFETY: `out` has room for `size` bytes.
    host_bytes(size, stack, |out| unsafe { read_host_buffer_to(out, size) })
}

/// Has the host write the (at most) `size` bytes its last call left in its buffer to `out`,
/// and returns how many it wrote.
///
/// # Safety
///
/// `out` must be valid for writing `size` bytes.
#[inline(always)]
pub unsafe fn read_host_buffer_to(out: *mut u8, size: usize) -> usize {
    let mut written = 0usize;
    expect_success(ext_ffi::casper_read_host_buffer(out, size, &mut written));
    written.min(size)
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use casper_types::{api_error, bytesrepr::ToBytes};

    use super::*;

    #[test]
    fn both_serialized_strs_are_the_casper_types_string_encoding() {
        let long = "long ".repeat(20_000);
        // Serialized to one byte less than the stack buffer, exactly it, one byte more.
        let near_the_limit: Vec<String> = (STACK_STRING - 5..=STACK_STRING - 3)
            .map(|length| "x".repeat(length))
            .collect();
        let texts = ["", "a", "count", "día ✓ 名前", "\0nul\0", &long]
            .into_iter()
            .chain(near_the_limit.iter().map(String::as_str));
        for text in texts {
            let expected = String::from(text).to_bytes().unwrap();
            let bytes = with_serialized_str(text, <[u8]>::to_vec);
            assert_eq!(bytes, expected, "{:?}", text.get(..20));
            let bytes = with_serialized_runtime_str(text, <[u8]>::to_vec);
            assert_eq!(bytes, expected, "{:?}", text.get(..20));
        }
    }

    #[test]
    fn host_result_decodes_every_status_as_casper_types_does() {
        assert_eq!(host_result(0), Ok(()));
        let statuses = (-1_000..=140_000).chain([i32::MIN, -1, i32::MAX, 1 << 16, (1 << 16) - 1]);
        let mut errors = 0;
        for status in statuses {
            let expected = api_error::result_from(status);
            assert_eq!(
                host_result(status).map_err(|error| ApiError::from(error.0)),
                expected,
                "status {status}"
            );
            errors += usize::from(expected.is_err());
        }
        assert!(errors > 100_000);
    }

    /// The engine writes these sizes as eight little-endian bytes; the slot holds them all and
    /// the size is their value.
    #[test]
    fn a_wide_size_takes_the_eight_bytes_the_engine_writes() {
        let (status, size) = with_wide_size(|slot| {
            // SAFETY: the slot has room for eight bytes, as the engine writes them.
            unsafe { slot.cast::<[u8; 8]>().write_unaligned(33u64.to_le_bytes()) };
            7
        });
        assert_eq!((status, size), (7, 33));
    }

    #[test]
    fn the_named_host_errors_are_their_api_errors() {
        let named = [
            (HostError::MISSING_ARGUMENT, ApiError::MissingArgument),
            (HostError::VALUE_NOT_FOUND, ApiError::ValueNotFound),
            (HostError::MISSING_KEY, ApiError::MissingKey),
            (
                HostError::DICTIONARY_ITEM_KEY_EXCEEDS_LENGTH,
                ApiError::DictionaryItemKeyExceedsLength,
            ),
            (
                HostError::MESSAGE_TOPIC_NOT_REGISTERED,
                ApiError::MessageTopicNotRegistered,
            ),
        ];
        for (host, api) in named {
            assert_eq!(host.0, u32::from(api));
        }
    }
}
