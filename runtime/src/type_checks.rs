//! The roles a type can play in an exported signature, as traits with messages that say what
//! is missing. Generated code calls the `is_*` functions with the types the user wrote, and
//! bounds its other uses of those types by the same traits, so rustc reports each problem once.

use casper_types::{
    bytesrepr::{FromBytes, ToBytes},
    ApiError, CLTyped, CLValue, CLValueError,
};

/// A type an entry point can take as a runtime argument: the entry point decodes it, its
/// callers (through the generated interface) encode it.
///
/// Implemented for every `CLTyped + FromBytes + ToBytes` type. It has no supertraits, so a type
/// that lacks several of them is reported once.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a runtime argument: it must implement `CLTyped`, `FromBytes` and `ToBytes`",
    label = "not a runtime argument type",
    note = "use a type Casper can encode and decode (integers, `U512`, `String`, `Vec<u8>`, `Key`, `AccountHash`, ...), or implement the three traits for it"
)]
pub trait Argument {
    /// The value as a `CLValue`, for the caller's runtime arguments.
    #[doc(hidden)]
    fn into_cl_value(self) -> Result<CLValue, CLValueError>;
}

impl<T: CLTyped + FromBytes + ToBytes> Argument for T {
    fn into_cl_value(self) -> Result<CLValue, CLValueError> {
        CLValue::from_t(self)
    }
}

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

/// Compiles only if `T` can be a `#[state]` item.
pub fn is_state<T: crate::state::State>() {}
