//! Handing an entry point's result back to the host.

use casper_contract::contract_api::runtime;
use casper_types::{bytesrepr::ToBytes, ApiError, CLTyped, CLValue};

/// Returns `value` to the caller (it becomes the result of `call_contract`, or the execution
/// result's return value on the host). Never returns.
pub fn ret_value<T: CLTyped + ToBytes>(value: T) -> ! {
    match CLValue::from_t(value) {
        Ok(cl_value) => runtime::ret(cl_value),
        Err(_) => runtime::revert(ApiError::ValueNotFound),
    }
}

/// Unwraps an entry point's `Result`, reverting with the error's code on `Err`.
pub fn revert_on_err<T, E: Into<ApiError>>(result: Result<T, E>) -> T {
    result.unwrap_or_else(|error| runtime::revert(error))
}
