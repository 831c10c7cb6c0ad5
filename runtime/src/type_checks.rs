//! The roles a type can play in an exported signature, as traits with messages that say what
//! is missing. Generated code calls the `is_*` functions with the types the user wrote.

use casper_types::{
    bytesrepr::{FromBytes, ToBytes},
    ApiError, CLTyped,
};

/// A type an entry point can take as a runtime argument.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a runtime argument: it must implement `CLTyped` and `FromBytes`",
    label = "not a runtime argument type",
    note = "use a type Casper can decode (integers, `U512`, `String`, `Vec<u8>`, `Key`, `AccountHash`, ...), or implement both traits for it"
)]
pub trait Argument: CLTyped + FromBytes {}
impl<T: CLTyped + FromBytes> Argument for T {}

/// A type an entry point can return to its caller.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from an entry point: it must implement `CLTyped` and `ToBytes`",
    label = "not a returnable type",
    note = "return a type Casper can encode, or implement both traits for it"
)]
pub trait Returned: CLTyped + ToBytes {}
impl<T: CLTyped + ToBytes> Returned for T {}

/// An error type an entry point can revert with.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be reverted with: it must implement `Into<ApiError>`",
    label = "not convertible into `ApiError`",
    note = "implement `From<{Self}> for ApiError`, e.g. mapping each variant to `ApiError::User(code)`"
)]
pub trait Error: Into<ApiError> {}
impl<T: Into<ApiError>> Error for T {}

/// Compiles only if `T` can be a runtime argument.
pub fn is_argument<T: Argument>() {}

/// Compiles only if `T` can be returned to a caller.
pub fn is_returned<T: Returned>() {}

/// Compiles only if `T` can be reverted with.
pub fn is_error<T: Error>() {}
