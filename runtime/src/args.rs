//! Reading named runtime arguments in generated entry points.

use alloc::vec::Vec;

use casper_contract::ext_ffi;
use casper_types::ApiError;

use crate::{
    buffer::{self, HostError},
    errors::revert,
    signature::Argument,
};

/// The serialized bytes of the named runtime argument, or `None` when the caller omitted it.
pub fn raw_arg(name: &str) -> Option<Vec<u8>> {
    let mut size = 0usize;
    // SAFETY: the host reads `name` within its bounds and writes one `usize` to `size`.
    let status =
        unsafe { ext_ffi::casper_get_named_arg_size(name.as_ptr(), name.len(), &mut size) };
    match buffer::host_result(status) {
        Ok(()) => {}
        Err(HostError::MISSING_ARGUMENT) => return None,
        Err(error) => error.revert(),
    }
    let mut bytes = buffer::with_capacity(size);
    if size > 0 {
        // SAFETY: `bytes` has room for `size` bytes, which the host fills on success.
        let status = unsafe {
            ext_ffi::casper_get_named_arg(name.as_ptr(), name.len(), bytes.as_mut_ptr(), size)
        };
        buffer::expect_success(status);
        // SAFETY: the host wrote exactly `size` bytes.
        unsafe { bytes.set_len(size) };
    }
    Some(bytes)
}

/// A required argument: reverts with `ApiError::MissingArgument` when it is absent and with
/// `ApiError::InvalidArgument` when its bytes do not decode as `T`.
pub fn required_arg<T: Argument>(name: &str) -> T {
    match raw_arg(name) {
        Some(bytes) => decode(bytes),
        None => revert(ApiError::MissingArgument),
    }
}

/// The argument of an `Option<T>` parameter: `None` when it is absent; otherwise it must decode
/// as `Option<T>` (reverting with `ApiError::InvalidArgument` if not).
pub fn optional_arg<T>(name: &str) -> Option<T>
where
    Option<T>: Argument,
{
    raw_arg(name).and_then(decode::<Option<T>>)
}

/// An argument that may be absent (`None`) but, when present, must decode as a `T` itself
/// (reverting with `ApiError::InvalidArgument` if not), like a flag passed as `name:bool='true'`.
pub fn present_arg<T: Argument>(name: &str) -> Option<T> {
    raw_arg(name).map(decode)
}

fn decode<T: Argument>(bytes: Vec<u8>) -> T {
    T::from_argument_bytes(bytes).unwrap_or_else(|_| revert(ApiError::InvalidArgument))
}
