//! The roles a type can play in an exported signature, as traits the compiler checks on the
//! real types. The macro never decides from how a type is spelled: `-> Result<T, E>`,
//! `-> core::result::Result<T, E>` and `-> MyResult<T>` (an alias) all mean the same because
//! the generated code goes through [`Outcome`], and an `Option<T>` parameter is optional
//! whatever it is called because [`ArgumentReader`] picks the optional reader for the type
//! `Option<T>`.
//!
//! Each trait carries a message saying what is missing, and generated code bounds every use of
//! a signature type by the same trait, so rustc reports each problem once, at the type.

use alloc::{
    collections::{BTreeMap, BTreeSet},
    string::String,
    vec::Vec,
};
use core::{any::Any, marker::PhantomData};

use casper_contract::contract_api::runtime;
use casper_types::{
    account::AccountHash,
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contracts::{ContractHash, ContractPackageHash},
    AddressableEntityHash, ApiError, CLTyped, CLValue, EntityAddr, Key, PackageHash, PublicKey,
    URef, U128, U256, U512,
};

use crate::args::{optional_arg, present_arg, required_arg};

/// A Casper value type: one with a `CLType` that encodes and decodes, usable as a runtime
/// argument, a return value, or inside `Option`, `Vec`, maps and tuples of either.
///
/// Implemented for the value types of casper-types and the standard containers of them. A
/// `Result` is deliberately not one: an entry point returning `Result<T, E>` returns `T` and
/// reverts with `E` (see [`Outcome`]). For a type of your own that implements `CLTyped`,
/// `ToBytes` and `FromBytes`, one line makes it a value:
///
/// ```
/// # use casper_dsl::casper_types::{bytesrepr::{self, FromBytes, ToBytes}, CLType, CLTyped};
/// pub struct Celsius(u64);
/// # impl CLTyped for Celsius { fn cl_type() -> CLType { CLType::U64 } }
/// # impl ToBytes for Celsius {
/// #     fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> { self.0.to_bytes() }
/// #     fn serialized_length(&self) -> usize { 8 }
/// # }
/// # impl FromBytes for Celsius {
/// #     fn from_bytes(b: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
/// #         u64::from_bytes(b).map(|(v, rest)| (Celsius(v), rest))
/// #     }
/// # }
/// impl casper_dsl::Value for Celsius {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Casper value type",
    label = "not a Casper value type",
    note = "use a type Casper can encode and decode (integers, `U512`, `String`, `Bytes`, `Key`, `AccountHash`, `Option<T>`, `Vec<T>`, tuples, ...) by value; for a type of your own that implements `CLTyped`, `ToBytes` and `FromBytes`, add `impl casper_dsl::Value for {Self} {{}}`"
)]
pub trait Value: CLTyped + ToBytes + FromBytes + 'static {
    /// Hands the value to the caller; never returns, except for `()`, which returns nothing.
    #[doc(hidden)]
    #[inline(always)]
    fn return_to_caller(self) {
        match CLValue::from_t(self) {
            Ok(value) => runtime::ret(value),
            Err(_) => runtime::revert(ApiError::ValueNotFound),
        }
    }

    /// Decodes a value from bytes that must hold exactly one.
    #[doc(hidden)]
    #[inline(always)]
    fn from_value_bytes(bytes: Vec<u8>) -> Result<Self, bytesrepr::Error> {
        bytesrepr::deserialize(bytes)
    }
}

impl Value for () {
    #[inline(always)]
    fn return_to_caller(self) {}
}

macro_rules! values {
    ($($ty:ty),* $(,)?) => { $(impl Value for $ty {})* };
}

values!(
    bool,
    i32,
    i64,
    u8,
    u32,
    u64,
    U128,
    U256,
    U512,
    String,
    Bytes,
    Key,
    URef,
    AccountHash,
    PublicKey,
    ContractHash,
    ContractPackageHash,
    AddressableEntityHash,
    PackageHash,
    EntityAddr,
);

impl<const N: usize> Value for [u8; N] {}
impl<T: Value> Value for Option<T> {}
impl<T: Value + Ord> Value for BTreeSet<T> {}
impl<K: Value + Ord, V: Value> Value for BTreeMap<K, V> {}
impl<A: Value> Value for (A,) {}
impl<A: Value, B: Value> Value for (A, B) {}
impl<A: Value, B: Value, C: Value> Value for (A, B, C) {}

impl<T: Value> Value for Vec<T> {
    fn from_value_bytes(bytes: Vec<u8>) -> Result<Self, bytesrepr::Error> {
        match decode_prefix::<Self>(&bytes)? {
            (value, []) => Ok(value),
            _ => Err(bytesrepr::Error::LeftOverBytes),
        }
    }
}

/// Decodes a `T` from the start of `bytes`, returning the rest. A `Vec<u8>` is decoded as
/// `Bytes` (the same encoding), as casper-types' debug builds insist; any other type as itself.
pub(crate) fn decode_prefix<T: FromBytes + 'static>(
    bytes: &[u8],
) -> Result<(T, &[u8]), bytesrepr::Error> {
    let mut value: Option<T> = None;
    let slot: &mut dyn Any = &mut value;
    if let Some(byte_list) = slot.downcast_mut::<Option<Vec<u8>>>() {
        let (decoded, rest) = Bytes::from_bytes(bytes)?;
        *byte_list = Some(decoded.into());
        return value
            .map(|value| (value, rest))
            .ok_or(bytesrepr::Error::Formatting);
    }
    T::from_bytes(bytes)
}

/// A type an entry point can take as a runtime argument: the entry point decodes it, its
/// callers (through the generated interface) encode it. Every [`Value`], and `Result`s of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a runtime argument",
    label = "not a runtime argument type",
    note = "use a Casper value type (integers, `U512`, `String`, `Bytes`, `Key`, `AccountHash`, `Option<T>`, `Vec<T>`, tuples, ...) by value; for a type of your own that implements `CLTyped`, `ToBytes` and `FromBytes`, add `impl casper_dsl::Value for {Self} {{}}`"
)]
pub trait Argument: CLTyped + ToBytes + FromBytes {
    /// The value as a `CLValue`, for the caller's runtime arguments.
    #[doc(hidden)]
    fn into_cl_value(self) -> Result<CLValue, bytesrepr::Error> {
        // `write_bytes`, unlike `to_bytes`, does not trip casper-types' debug assertion that
        // asks for `Bytes` instead of `Vec<u8>`; both encode the same bytes.
        let mut bytes = Vec::with_capacity(self.serialized_length());
        self.write_bytes(&mut bytes)?;
        Ok(CLValue::from_components(Self::cl_type(), bytes))
    }

    /// Whether the entry-point table declares a parameter of this type: not for an
    /// [`Omittable`] (the engine's strict argument checking would otherwise refuse a call that
    /// omits it, or that gives it bare).
    #[doc(hidden)]
    const DECLARED: bool = true;

    /// Whether the caller leaves the argument out altogether (an empty [`Omittable`]).
    #[doc(hidden)]
    #[inline(always)]
    fn is_omitted(&self) -> bool {
        false
    }

    /// Decodes the argument's bytes, which must hold exactly one value.
    #[doc(hidden)]
    #[inline(always)]
    fn from_argument_bytes(bytes: Vec<u8>) -> Result<Self, bytesrepr::Error> {
        bytesrepr::deserialize(bytes)
    }
}

impl<T: Value> Argument for T {
    #[inline(always)]
    fn from_argument_bytes(bytes: Vec<u8>) -> Result<Self, bytesrepr::Error> {
        T::from_value_bytes(bytes)
    }
}

impl<T: Value, E: Value> Argument for Result<T, E> {}

/// A runtime argument the caller may leave out, and passes as a bare `T` when it does not: the
/// convention of the Casper reference contracts' optional install arguments (CEP-18's
/// `enable_mint_burn: u8`, `minter_list: Vec<Key>`), which clients send as
/// `enable_mint_burn:u8='1'`. An `Option<T>` parameter is optional too, but its value, when
/// given, is an `Option<T>` (`opt_u8` in casper-client). A bare value that does not decode as
/// a `T` reverts with `ApiError::InvalidArgument`. Its `CLType` is `T`'s; an entry point's
/// table leaves it out, as the reference contracts' tables leave out their optional arguments,
/// so that the engine's strict argument checking accepts it given bare or omitted.
///
/// ```
/// #[casper_dsl::contract]
/// pub mod token {
///     use casper_dsl::prelude::*;
///
///     #[init]
///     pub fn init(enable_mint_burn: Omittable<u8>) {
///         let enabled = enable_mint_burn.unwrap_or(0) != 0;
///     }
///     # #[entry_point] pub fn get() {}
/// }
/// // The install builder takes one as well: `1.into()`, or `None.into()` to leave it out.
/// let install = token::installer(1.into());
/// assert_eq!(install.args.get("enable_mint_burn").unwrap().to_t::<u8>().unwrap(), 1);
/// assert!(token::installer(None.into()).args.get("enable_mint_burn").is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omittable<T>(pub Option<T>);

impl<T> Omittable<T> {
    /// The value, if the caller gave one.
    pub fn into_option(self) -> Option<T> {
        self.0
    }

    /// The value, or `default` if the caller left the argument out.
    pub fn unwrap_or(self, default: T) -> T {
        self.0.unwrap_or(default)
    }

    /// The value, or `T::default()` if the caller left the argument out.
    pub fn unwrap_or_default(self) -> T
    where
        T: Default,
    {
        self.0.unwrap_or_default()
    }
}

impl<T> From<T> for Omittable<T> {
    fn from(value: T) -> Self {
        Omittable(Some(value))
    }
}

impl<T> From<Option<T>> for Omittable<T> {
    fn from(value: Option<T>) -> Self {
        Omittable(value)
    }
}

impl<T: CLTyped> CLTyped for Omittable<T> {
    fn cl_type() -> casper_types::CLType {
        T::cl_type()
    }
}

/// The bare `T` (nothing when left out, and then not sent at all).
impl<T: ToBytes> ToBytes for Omittable<T> {
    fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> {
        self.0.as_ref().map_or(Ok(Vec::new()), ToBytes::to_bytes)
    }

    fn serialized_length(&self) -> usize {
        self.0.as_ref().map_or(0, ToBytes::serialized_length)
    }

    fn write_bytes(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        self.0
            .as_ref()
            .map_or(Ok(()), |value| value.write_bytes(writer))
    }
}

/// A bare `T`, given.
impl<T: FromBytes> FromBytes for Omittable<T> {
    fn from_bytes(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        let (value, rest) = T::from_bytes(bytes)?;
        Ok((Omittable(Some(value)), rest))
    }
}

impl<T: Value> Argument for Omittable<T> {
    const DECLARED: bool = false;

    #[inline(always)]
    fn is_omitted(&self) -> bool {
        self.0.is_none()
    }

    #[inline(always)]
    fn from_argument_bytes(bytes: Vec<u8>) -> Result<Self, bytesrepr::Error> {
        T::from_value_bytes(bytes).map(|value| Omittable(Some(value)))
    }
}

/// What an entry point's return type means to its caller: the value handed back
/// ([`Outcome::Returned`]) and the error it may revert with ([`Outcome::Error`]).
///
/// * a [`Value`] `T` is returned as it is (`()` returns nothing);
/// * `Result<T, E>` returns `T` on `Ok` and reverts with `E`'s [`ApiError`] on `Err`, undoing
///   every write the call made, whatever the type is called (`core::result::Result`, an alias
///   such as `type Result<T> = core::result::Result<T, MyError>`, a re-export).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from an entry point",
    label = "not a returnable type",
    note = "return a Casper value type (integers, `U512`, `String`, `Bytes`, `Key`, `Option<T>`, `Vec<T>`, tuples, ...), `()`, or `Result<T, E>` with such a `T` and `E: Into<ApiError>`"
)]
pub trait Outcome {
    /// The value the caller receives.
    type Returned: Value;
    /// The error the entry point declares (`ApiError` for a plain value).
    type Error;

    /// Returns the value to the caller or reverts with the error.
    #[doc(hidden)]
    fn conclude(self);
}

impl<T: Value> Outcome for T {
    type Returned = T;
    type Error = ApiError;

    #[inline(always)]
    fn conclude(self) {
        self.return_to_caller()
    }
}

impl<T: Value, E: RevertError> Outcome for Result<T, E> {
    type Returned = T;
    type Error = E;

    #[inline(always)]
    fn conclude(self) {
        match self {
            Ok(value) => value.return_to_caller(),
            Err(error) => runtime::revert(error),
        }
    }
}

/// What a `#[call]`, `#[init]` or `#[upgrade]` function may return: `()`, or `Result<(), E>`,
/// which reverts with `E` on `Err`. Nobody receives a value from them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned here: #[call], #[init] and #[upgrade] functions return `()` or `Result<(), E>`",
    label = "nobody receives this value",
    note = "store the value under a named key, or return it from a contract #[entry_point]"
)]
pub trait Completion {
    /// The error the function declares (`ApiError` for `()`).
    type Error;

    /// Does nothing, or reverts with the error.
    #[doc(hidden)]
    fn complete(self);
}

impl Completion for () {
    type Error = ApiError;

    #[inline(always)]
    fn complete(self) {}
}

impl<E: RevertError> Completion for Result<(), E> {
    type Error = E;

    #[inline(always)]
    fn complete(self) {
        if let Err(error) = self {
            runtime::revert(error)
        }
    }
}

/// An error type an entry point can revert with.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be reverted with: it must implement `Into<ApiError>`",
    label = "not convertible into `ApiError`",
    note = "declare it with #[casper_dsl::error], or implement `From<{Self}> for ApiError`"
)]
pub trait RevertError: Into<ApiError> {}
impl<T: Into<ApiError>> RevertError for T {}

/// Reads the runtime argument of a parameter of type `T`. Generated code calls
/// `(&&ArgumentReader::<T>::new()).read(name)`: method resolution picks
/// [`ReadOptionalArgument`] when `T` is an `Option` or an [`Omittable`] (an omitted argument is `None`) and
/// [`ReadRequiredArgument`] for every other type (an omitted argument reverts with
/// `ApiError::MissingArgument`).
#[doc(hidden)]
pub struct ArgumentReader<T>(PhantomData<fn() -> T>);

impl<T> ArgumentReader<T> {
    #[inline(always)]
    pub fn new() -> Self {
        ArgumentReader(PhantomData)
    }
}

impl<T> Default for ArgumentReader<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[doc(hidden)]
pub trait ReadOptionalArgument {
    type Value;
    fn read(&self, name: &str) -> Self::Value;
}

impl<T> ReadOptionalArgument for &ArgumentReader<Option<T>>
where
    Option<T>: Argument,
{
    type Value = Option<T>;
    #[inline(always)]
    fn read(&self, name: &str) -> Option<T> {
        optional_arg(name)
    }
}

impl<T: Value> ReadOptionalArgument for &ArgumentReader<Omittable<T>> {
    type Value = Omittable<T>;
    #[inline(always)]
    fn read(&self, name: &str) -> Omittable<T> {
        Omittable(present_arg(name))
    }
}

#[doc(hidden)]
pub trait ReadRequiredArgument {
    type Value;
    fn read(&self, name: &str) -> Self::Value;
}

impl<T: Argument> ReadRequiredArgument for ArgumentReader<T> {
    type Value = T;
    #[inline(always)]
    fn read(&self, name: &str) -> T {
        required_arg(name)
    }
}

/// A type whose value names a contract instance: the type of the `#[init]` parameter that
/// `#[casper_dsl::contract(instance = "...")]` names.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot name a contract instance",
    label = "not a `String`",
    note = "the #[init] parameter named by `instance = \"...\"` is a `String`: its value goes into the account's named keys"
)]
pub trait InstanceName {
    /// The instance's name.
    fn instance_name(&self) -> &str;
}

impl InstanceName for String {
    fn instance_name(&self) -> &str {
        self
    }
}

/// The instance name `value` gives, owned (for the generated `installer(..)`).
pub fn instance_name<T: InstanceName>(value: &T) -> String {
    String::from(value.instance_name())
}

/// Compiles only if `T` can be a runtime argument.
pub fn is_argument<T: Argument>() {}

/// Compiles only if `T` can be the return type of a `#[call]`, `#[init]` or `#[upgrade]`.
pub fn is_completion<T: Completion>() {}

/// Compiles only if `T` can be a `#[state]` item.
pub fn is_state<T: crate::state::State>() {}
