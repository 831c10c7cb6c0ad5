//! Revert codes raised by the code the macros generate, rather than by the contract's own logic,
//! and the prelude's [`revert`] and [`UnwrapOrRevert`].
//!
//! The codes sit at the top of the `ApiError::User` range, so a contract's own user errors can
//! use any code below [`FIRST_RESERVED_USER_CODE`]; `#[casper_dsl::error]` refuses the codes
//! above.

use core::any::TypeId;

use casper_types::ApiError;

/// User codes from this one up to `u16::MAX` are reserved for the runtime.
pub const FIRST_RESERVED_USER_CODE: u16 = casper_dsl_names::FIRST_RESERVED_USER_CODE;

/// Raised when contract or session code panics (`ApiError::User(65535)`): a panic reverts the
/// deploy with this code instead of trapping.
pub const PANIC: ApiError = ApiError::User(u16::MAX);

/// Raised by any call to a contract's `#[init]` entry point after the one made by the installer,
/// and by any call to its `#[upgrade]` entry point but the one the installer makes when it adds
/// that version (`ApiError::User(65534)`); nothing is changed.
pub const ALREADY_INITIALIZED: ApiError = ApiError::User(u16::MAX - 1);

/// Raised by an install from an account that already holds this contract's package
/// (`<name>_package_hash`) when the deploy did not ask for an upgrade (`ApiError::User(65533)`):
/// installing never silently turns into an upgrade. Nothing is changed. Pass the install
/// argument [`UPGRADE_ARG`](crate::UPGRADE_ARG) `= true` to add a version instead.
pub const ALREADY_INSTALLED: ApiError = ApiError::User(u16::MAX - 2);

/// Raised by an install that asks for an upgrade (`upgrade = true`) from an account holding no
/// package of this contract (`ApiError::User(65532)`). Nothing is changed.
pub const NOT_INSTALLED: ApiError = ApiError::User(u16::MAX - 3);

/// Raised by an install of a contract whose events mode is chosen at install
/// (`events = chosen_at_install`) when the `events_mode` argument names no mode (the modes are
/// 0 to 3, see [`EventsMode`](crate::events::EventsMode)), and by an event emitted by a
/// contract whose kept mode is unknown (`ApiError::User(65531)`). Nothing is changed.
pub const INVALID_EVENTS_MODE: ApiError = ApiError::User(u16::MAX - 4);

/// Stops the contract or session code and reverts everything it did, with `error`.
///
/// `casper_contract::contract_api::runtime::revert`, inlined: a constant error compiles to its
/// number, where the out-of-line original links `ApiError`'s whole conversion to numbers into
/// every entry point that can revert. The prelude exports this one.
#[inline(always)]
pub fn revert(error: impl Into<ApiError>) -> ! {
    let code = code_of(error.into());
    // SAFETY: reverting takes any number.
    unsafe { casper_contract::ext_ffi::casper_revert(code) }
}

/// Reverts with an error only known at run time: one copy per error type `E`. An `ApiError`
/// of any kind is numbered by casper-types' conversion (half a kilobyte, which casper-contract
/// links into installers anyway); any other type converts to a few kinds, over which
/// [`code_of`] folds: six numbers for `bytesrepr::Error`, the error of every encoding, so an
/// entry point that encodes stores no conversion at all.
#[inline(never)]
fn revert_with_runtime_error<E: Into<ApiError> + 'static>(error: E) -> ! {
    let error = error.into();
    let code = if TypeId::of::<E>() == TypeId::of::<ApiError>() {
        u32::from(error)
    } else {
        code_of(error)
    };
    // SAFETY: reverting takes any number.
    unsafe { casper_contract::ext_ffi::casper_revert(code) }
}

/// The first number of the `ApiError::User` range.
const FIRST_USER_ERROR: u32 = 65_536;

macro_rules! numbered_errors {
    ($error:expr, $($variant:ident = $code:literal),* $(,)?) => {
        match $error {
            ApiError::User(code) => FIRST_USER_ERROR + u32::from(code),
            $(ApiError::$variant => $code,)*
            // The system contracts' ranges: not raised by contract code.
            other => u32::from(other),
        }
    };
}

/// `u32::from(error)`, as a `match` that folds to the number for a constant `error` (casper-types'
/// conversion is out of line, so every entry point that can revert would store it).
#[inline(always)]
fn code_of(error: ApiError) -> u32 {
    numbered_errors!(
        error,
        None = 1,
        MissingArgument = 2,
        InvalidArgument = 3,
        Deserialize = 4,
        Read = 5,
        ValueNotFound = 6,
        ContractNotFound = 7,
        GetKey = 8,
        UnexpectedKeyVariant = 9,
        UnexpectedContractRefVariant = 10,
        InvalidPurseName = 11,
        InvalidPurse = 12,
        UpgradeContractAtURef = 13,
        Transfer = 14,
        NoAccessRights = 15,
        CLTypeMismatch = 16,
        EarlyEndOfStream = 17,
        Formatting = 18,
        LeftOverBytes = 19,
        OutOfMemory = 20,
        MaxKeysLimit = 21,
        DuplicateKey = 22,
        PermissionDenied = 23,
        MissingKey = 24,
        ThresholdViolation = 25,
        KeyManagementThreshold = 26,
        DeploymentThreshold = 27,
        InsufficientTotalWeight = 28,
        InvalidSystemContract = 29,
        PurseNotCreated = 30,
        Unhandled = 31,
        BufferTooSmall = 32,
        HostBufferEmpty = 33,
        HostBufferFull = 34,
        AllocLayout = 35,
        DictionaryItemKeyExceedsLength = 36,
        InvalidDictionaryItemKey = 37,
        MissingSystemContractHash = 38,
        ExceededRecursionDepth = 39,
        NonRepresentableSerialization = 40,
        MessageTopicAlreadyRegistered = 41,
        MaxTopicsNumberExceeded = 42,
        MaxTopicNameSizeExceeded = 43,
        MessageTopicNotRegistered = 44,
        MessageTopicFull = 45,
        MessageTooLarge = 46,
        MaxMessagesPerBlockExceeded = 47,
        NotAllowedToAddContractVersion = 48,
        InvalidDelegationAmountLimits = 49,
        InvalidCallerInfoRequest = 50,
    )
}

/// `unwrap_or_revert` for `Option` and `Result`, reverting through [`revert`]: the same
/// methods as `casper_contract::unwrap_or_revert::UnwrapOrRevert`, for less to store. The
/// prelude exports this one.
///
/// ```no_run
/// use casper_dsl::prelude::*;
///
/// fn count(uref: Option<URef>) -> URef {
///     uref.unwrap_or_revert_with(ApiError::MissingKey)
/// }
/// ```
pub trait UnwrapOrRevert<T> {
    /// The value, or revert: with `ApiError::None` for `None`, with the error for `Err`.
    fn unwrap_or_revert(self) -> T;

    /// The value, or revert with `error`.
    fn unwrap_or_revert_with(self, error: impl Into<ApiError>) -> T;
}

// Matches rather than `unwrap_or_else`: a closure is a function of its own, which the optimiser
// may leave out of line, a call site the engine's instrumentation wraps.
impl<T> UnwrapOrRevert<T> for Option<T> {
    #[inline(always)]
    fn unwrap_or_revert(self) -> T {
        match self {
            Some(value) => value,
            None => revert(ApiError::None),
        }
    }

    #[inline(always)]
    fn unwrap_or_revert_with(self, error: impl Into<ApiError>) -> T {
        match self {
            Some(value) => value,
            None => revert(error),
        }
    }
}

impl<T, E: Into<ApiError> + 'static> UnwrapOrRevert<T> for Result<T, E> {
    #[inline(always)]
    fn unwrap_or_revert(self) -> T {
        match self {
            Ok(value) => value,
            Err(error) => revert_with_runtime_error(error),
        }
    }

    #[inline(always)]
    fn unwrap_or_revert_with(self, error: impl Into<ApiError>) -> T {
        match self {
            Ok(value) => value,
            Err(_) => revert(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_of_is_casper_types_numbering() {
        // Every number casper-types decodes to an error, and the errors it decodes others to.
        for number in 0..=FIRST_USER_ERROR + u32::from(u16::MAX) + 1 {
            let error = ApiError::from(number);
            assert_eq!(code_of(error), u32::from(error), "{error:?}");
        }
    }
}
