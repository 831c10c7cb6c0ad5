//! Reading named runtime arguments in generated entry points.

use casper_contract::ext_ffi;
use casper_types::ApiError;

use crate::{
    buffer::{self, HostBytes, HostError, StackBuffer},
    errors::revert,
    signature::Argument,
};

/// The serialized bytes of the named runtime argument, in `stack` when they fit, or `None`
/// when the caller omitted it.
pub fn read_arg<'a>(name: &str, stack: &'a mut StackBuffer) -> Option<HostBytes<'a>> {
    let mut size = 0usize;
    // SAFETY: the host reads `name` within its bounds and writes one `usize` to `size`.
    let status =
        unsafe { ext_ffi::casper_get_named_arg_size(name.as_ptr(), name.len(), &mut size) };
    match buffer::host_result(status) {
        Ok(()) => {}
        Err(HostError::MISSING_ARGUMENT) => return None,
        Err(error) => error.revert(),
    }
    Some(buffer::host_bytes(size, stack, |out| {
        if size > 0 {
            // SAFETY: `out` has room for `size` bytes, which the host fills on success.
            let status =
                unsafe { ext_ffi::casper_get_named_arg(name.as_ptr(), name.len(), out, size) };
            buffer::expect_success(status);
        }
        size
    }))
}

/// A required argument: reverts with `ApiError::MissingArgument` when it is absent and with
/// `ApiError::InvalidArgument` when its bytes do not decode as `T`.
pub fn required_arg<T: Argument>(name: &str) -> T {
    let mut stack: StackBuffer = StackBuffer::uninit();
    match read_arg(name, &mut stack) {
        Some(bytes) => decode(&bytes),
        None => revert(ApiError::MissingArgument),
    }
}

/// The argument of an `Option<T>` parameter: `None` when it is absent; otherwise it must decode
/// as `Option<T>` (reverting with `ApiError::InvalidArgument` if not).
pub fn optional_arg<T>(name: &str) -> Option<T>
where
    Option<T>: Argument,
{
    let mut stack: StackBuffer = StackBuffer::uninit();
    read_arg(name, &mut stack).and_then(|bytes| decode::<Option<T>>(&bytes))
}

/// An argument that may be absent (`None`) but, when present, must decode as a `T` itself
/// (reverting with `ApiError::InvalidArgument` if not), like a flag passed as `name:bool='true'`.
pub fn present_arg<T: Argument>(name: &str) -> Option<T> {
    let mut stack: StackBuffer = StackBuffer::uninit();
    read_arg(name, &mut stack).map(|bytes| decode(&bytes))
}

fn decode<T: Argument>(bytes: &[u8]) -> T {
    T::from_argument_bytes(bytes).unwrap_or_else(|_| revert(ApiError::InvalidArgument))
}
