//! Revert codes raised by the code the macros generate, rather than by the contract's own logic.
//!
//! They sit at the top of the `ApiError::User` range, so a contract's own user errors can use
//! any code below [`FIRST_RESERVED_USER_CODE`]; `#[casper_dsl::error]` refuses the codes above.

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
