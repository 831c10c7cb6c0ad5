//! Reading named runtime arguments in generated entry points.

use core::{mem::MaybeUninit, slice};

use casper_contract::ext_ffi;
use casper_types::ApiError;

use crate::{
    buffer::{self, HostBytes, HostError, StackBuffer},
    cl_value::{longest_encoding, LONGEST_FIXED},
    errors::revert,
    key_bytes::read_in_place,
    signature::Argument,
};

/// The serialized bytes of the named runtime argument, in `stack` when they fit, or `None`
/// when the caller omitted it.
pub fn read_arg<'a>(name: &str, stack: &'a mut StackBuffer) -> Option<HostBytes<'a>> {
    let size = arg_size(name)?;
    Some(buffer::host_bytes(size, stack, |out| {
        // SAFETY: `out` has room for `size` bytes.
        unsafe { write_arg(name, out, size) };
        size
    }))
}

/// The length of the argument `name`'s bytes, or `None` if the caller omitted it.
fn arg_size(name: &str) -> Option<usize> {
    let mut size = 0usize;
    // SAFETY: the host reads `name` within its bounds and writes one `usize` to `size`.
    let status =
        unsafe { ext_ffi::casper_get_named_arg_size(name.as_ptr(), name.len(), &mut size) };
    match buffer::host_result(status) {
        Ok(()) => Some(size),
        Err(HostError::MISSING_ARGUMENT) => None,
        Err(error) => error.revert(),
    }
}

/// Has the host write the `size` bytes of the argument `name` (its [`arg_size`]) to `out`.
///
/// # Safety
///
/// `out` must be valid for writing `size` bytes.
#[inline(always)]
unsafe fn write_arg(name: &str, out: *mut u8, size: usize) {
    if size > 0 {
        buffer::expect_success(ext_ffi::casper_get_named_arg(
            name.as_ptr(),
            name.len(),
            out,
            size,
        ));
    }
}

/// The argument `name` decoded by `decode`, for a type whose values serialize to at most
/// `longest` bytes ([`longest_encoding`]): read onto the stack, with no heap path; a longer
/// argument reverts with `ApiError::InvalidArgument` without being read. `None` when the
/// caller omitted it.
#[inline(always)]
fn short_arg<R>(name: &str, longest: usize, decode: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let mut stack = StackBuffer::<{ 1 + LONGEST_FIXED }>::uninit();
    let start = stack.as_mut_ptr().cast::<u8>();
    let size = read_short_arg(name, start, longest)?;
    // SAFETY: the host initialised the first `size` bytes.
    Some(decode(unsafe { slice::from_raw_parts(start, size) }))
}

/// Has the host write the argument `name` to `out`, which has room for `capacity` bytes, and
/// returns its length; `None` if the caller omitted it. An argument longer than `capacity`
/// reverts with `ApiError::InvalidArgument`.
fn read_short_arg(name: &str, out: *mut u8, capacity: usize) -> Option<usize> {
    let size = arg_size(name)?;
    if size > capacity {
        revert(ApiError::InvalidArgument)
    }
    // SAFETY: `out` has room for `capacity` bytes, so for `size`.
    unsafe { write_arg(name, out, size) };
    Some(size)
}

/// A required argument: reverts with `ApiError::MissingArgument` when it is absent and with
/// `ApiError::InvalidArgument` when its bytes do not decode as `T`.
// Not inlined: one copy per argument type, shared by every entry point taking one.
#[inline(never)]
pub fn required_arg<T: Argument>(name: &str) -> T {
    if let Some(longest) = longest_encoding::<T>() {
        // Matched rather than `unwrap_or_else`, whose closure is left out of line.
        return match short_arg(name, longest, decode) {
            Some(value) => value,
            None => revert(ApiError::MissingArgument),
        };
    }
    // Matched rather than mapped: a large `T` (a `Key`) is then decoded straight into the
    // return slot instead of being moved through an `Option` (a `memcpy` each time).
    let mut stack: StackBuffer = StackBuffer::uninit();
    match read_arg(name, &mut stack) {
        Some(bytes) => decode(&bytes),
        None => revert(ApiError::MissingArgument),
    }
}

/// The argument of an `Option<T>` parameter: `None` when it is absent; otherwise it must decode
/// as `Option<T>` (reverting with `ApiError::InvalidArgument` if not).
pub fn optional_arg<T: 'static>(name: &str) -> Option<T>
where
    Option<T>: Argument,
{
    if let Some(longest) = longest_encoding::<T>() {
        // A tag byte, then the value if there is one.
        return short_arg(name, 1 + longest, decode::<Option<T>>).flatten();
    }
    let mut stack: StackBuffer = StackBuffer::uninit();
    read_arg(name, &mut stack).and_then(|bytes| decode::<Option<T>>(&bytes))
}

/// An argument that may be absent (`None`) but, when present, must decode as a `T` itself
/// (reverting with `ApiError::InvalidArgument` if not), like a flag passed as `name:bool='true'`.
pub fn present_arg<T: Argument>(name: &str) -> Option<T> {
    if let Some(longest) = longest_encoding::<T>() {
        return short_arg(name, longest, decode);
    }
    let mut stack: StackBuffer = StackBuffer::uninit();
    read_arg(name, &mut stack).map(|bytes| decode(&bytes))
}

fn decode<T: Argument>(bytes: &[u8]) -> T {
    // A key is read in place: moved out of the `Result`s of the general path, it is copied by a
    // `memcpy` at each level, from an unaligned offset.
    let mut value = MaybeUninit::<T>::uninit();
    if let Some(read) = read_in_place(bytes, &mut value) {
        return match read {
            // SAFETY: `read_in_place` wrote the key when it returned `Ok`.
            Ok([]) => unsafe { value.assume_init() },
            _ => revert(ApiError::InvalidArgument),
        };
    }
    T::from_argument_bytes(bytes).unwrap_or_else(|_| revert(ApiError::InvalidArgument))
}
