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
use core::{cmp::Ordering, marker::PhantomData};

use casper_types::{
    account::AccountHash,
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contracts::{ContractHash, ContractPackageHash},
    AddressableEntityHash, ApiError, CLTyped, CLValue, EntityAddr, Key, PackageHash, PublicKey,
    URef, U128, U256, U512,
};

use crate::{
    args::{optional_arg, present_arg, required_arg},
    errors::revert,
    key_bytes::KeyBytes,
};

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
        crate::cl_value::with_cl_value(self, |value| {
            // SAFETY: the host reads `value` within its length.
            unsafe { casper_contract::ext_ffi::casper_ret(value.as_ptr(), value.len()) }
        })
    }

    /// Decodes a value from bytes that must hold exactly one.
    #[doc(hidden)]
    #[inline(always)]
    fn from_value_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
        crate::cl_value::decode_exactly(bytes)
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
    Bytes,
    Key,
    KeyBytes,
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

/// Decoded without `String::from_bytes`, which links core's UTF-8 validator (a kilobyte of code
/// and a table an entry point pays to store) and a growable copy.
impl Value for String {
    fn from_value_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
        let (length, text) = u32::from_bytes(bytes)?;
        match text.len().cmp(&(length as usize)) {
            Ordering::Less => return Err(bytesrepr::Error::EarlyEndOfStream),
            Ordering::Greater => return Err(bytesrepr::Error::LeftOverBytes),
            Ordering::Equal => {}
        }
        if !crate::utf8::is_utf8(text) {
            return Err(bytesrepr::Error::Formatting);
        }
        let mut owned = crate::buffer::with_capacity(text.len());
        // SAFETY: `owned` has room for `text`'s bytes, which are UTF-8.
        unsafe {
            crate::buffer::copy_bytes(owned.as_mut_ptr(), text);
            owned.set_len(text.len());
            Ok(String::from_utf8_unchecked(owned))
        }
    }
}

/// Decoded through `T`'s own [`Value::from_value_bytes`], so that an `Option<String>` argument
/// is decoded as lean as a `String`.
impl<T: Value> Value for Option<T> {
    #[inline(always)]
    fn from_value_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
        match bytes.split_first() {
            Some((0, [])) => Ok(None),
            Some((0, _)) => Err(bytesrepr::Error::LeftOverBytes),
            Some((1, value)) => T::from_value_bytes(value).map(Some),
            Some(_) => Err(bytesrepr::Error::Formatting),
            None => Err(bytesrepr::Error::EarlyEndOfStream),
        }
    }
}
impl<T: Value + Ord> Value for BTreeSet<T> {}
impl<K: Value + Ord, V: Value> Value for BTreeMap<K, V> {}
impl<A: Value> Value for (A,) {}
impl<A: Value, B: Value> Value for (A, B) {}
impl<A: Value, B: Value, C: Value> Value for (A, B, C) {}

/// Decoded by the runtime's own prefix decoder: a `Vec<u8>` as `Bytes` and a
/// `Vec<Key>` without casper-types' codec for keys.
impl<T: Value> Value for Vec<T> {}

/// A type an entry point can take as a runtime argument: the entry point decodes it, its
/// callers (through the generated interface) encode it. Every [`Value`], and `Result`s of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a runtime argument",
    label = "not a runtime argument type",
    note = "use a Casper value type (integers, `U512`, `String`, `Bytes`, `Key`, `AccountHash`, `Option<T>`, `Vec<T>`, tuples, ...) by value; for a type of your own that implements `CLTyped`, `ToBytes` and `FromBytes`, add `impl casper_dsl::Value for {Self} {{}}`"
)]
pub trait Argument: CLTyped + ToBytes + FromBytes + 'static {
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
    fn from_argument_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
        crate::cl_value::decode_exactly(bytes)
    }
}

impl<T: Value> Argument for T {
    #[inline(always)]
    fn from_argument_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
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
    fn from_argument_bytes(bytes: &[u8]) -> Result<Self, bytesrepr::Error> {
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
            Err(error) => revert(error),
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
            revert(error)
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

/// Compiles only if `T` can be a `#[state(initial = caller)]` item: its value is made from the
/// installing account's hash.
pub fn is_initial_caller<T: crate::state::InitialState>()
where
    T::Value: From<casper_types::account::AccountHash>,
{
}

#[cfg(test)]
mod tests {
    use alloc::{string::ToString, vec};
    use core::fmt::Debug;

    use casper_types::{AccessRights, CLType, SecretKey};

    use super::*;
    use crate::named_keys::tests::{every_access_rights, every_key};

    /// `value` encoded as an argument, decoded as an argument and a value, and decoded from the
    /// start of longer bytes: each the same as casper-types' own encoding and decoding.
    fn round_trip<T: Value + Clone + PartialEq + Debug>(value: T) {
        let expected = CLValue::from_t(value.clone()).unwrap();
        let encoded = value.clone().into_cl_value().unwrap();
        assert_eq!(encoded, expected, "{value:?}");
        let bytes: Vec<u8> = expected.inner_bytes().to_vec();
        assert_eq!(bytesrepr::deserialize::<T>(bytes.clone()).unwrap(), value);
        assert_eq!(T::from_value_bytes(&bytes).unwrap(), value);
        assert_eq!(T::from_argument_bytes(&bytes).unwrap(), value);

        let mut longer = bytes.clone();
        longer.extend_from_slice(&[0xA1, 0xB2]);
        let (decoded, rest) = crate::cl_value::decode_prefix::<T>(&longer).unwrap();
        assert_eq!((decoded, rest), (value, &[0xA1, 0xB2][..]));
        assert_eq!(
            T::from_value_bytes(&longer).unwrap_err(),
            bytesrepr::deserialize::<T>(longer).unwrap_err()
        );
        if !bytes.is_empty() {
            let short = bytes[..bytes.len() - 1].to_vec();
            assert_eq!(
                T::from_value_bytes(&short).unwrap_err(),
                bytesrepr::deserialize::<T>(short).unwrap_err()
            );
        }
    }

    fn public_keys() -> Vec<PublicKey> {
        vec![
            PublicKey::System,
            PublicKey::from(&SecretKey::ed25519_from_bytes([7; 32]).unwrap()),
            PublicKey::from(&SecretKey::secp256k1_from_bytes([9; 32]).unwrap()),
        ]
    }

    #[test]
    fn integers_and_bools_round_trip() {
        round_trip(());
        round_trip(true);
        round_trip(false);
        for value in [i32::MIN, -1, 0, 1, i32::MAX] {
            round_trip(value);
        }
        for value in [i64::MIN, -1, 0, i64::MAX] {
            round_trip(value);
        }
        for value in [0u8, 1, u8::MAX] {
            round_trip(value);
        }
        for value in [0u32, 1, u32::MAX] {
            round_trip(value);
        }
        for value in [0u64, 1, 1 << 32, u64::MAX] {
            round_trip(value);
        }
    }

    #[test]
    fn big_integers_round_trip_at_their_edges() {
        for value in [U128::zero(), U128::one(), U128::from(u64::MAX), U128::MAX] {
            round_trip(value);
        }
        let u256_edges = [
            U256::zero(),
            U256::one(),
            U256::from(255),
            U256::from(256),
            U256::from(u64::MAX),
            U256::from(u128::MAX),
            U256::from(u128::MAX) + 1,
            U256::one() << 255,
            U256::MAX - 1,
            U256::MAX,
        ];
        for value in u256_edges {
            round_trip(value);
        }
        for value in [U512::zero(), U512::from(1_000_000_000u64), U512::MAX] {
            round_trip(value);
        }
    }

    #[test]
    fn strings_and_bytes_round_trip() {
        for text in ["", "a", "día ✓", &"long ".repeat(10_000)] {
            round_trip(text.to_string());
        }
        for bytes in [vec![], vec![0u8], vec![0xFF; 1_000]] {
            round_trip(Bytes::from(bytes));
        }
        round_trip([0u8; 32]);
        round_trip([0xEEu8; 5]);
    }

    /// Bytes that are not a `String` (or an `Option` of one) are refused with the error
    /// casper-types' own decoding gives.
    #[test]
    fn malformed_strings_and_options_fail_as_casper_types_fails() {
        let text = |length: u32, bytes: &[u8]| [&length.to_le_bytes()[..], bytes].concat();
        let malformed = [
            vec![],
            vec![1, 0],
            text(2, b"a"),
            text(1, b"ab"),
            text(2, b"\xC0\x80"),
            text(3, b"\xED\xA0\x80"),
            text(1, b"\xFF"),
        ];
        for bytes in &malformed {
            let decoded = String::from_value_bytes(bytes);
            assert!(decoded.is_err(), "{bytes:x?}");
            assert_eq!(decoded, bytesrepr::deserialize(bytes.clone()), "{bytes:x?}");
            for tag in 0..=2u8 {
                let option = [&[tag][..], bytes].concat();
                // `[0]` alone is `None`; everything else here is malformed.
                assert_eq!(
                    Option::<String>::from_value_bytes(&option),
                    bytesrepr::deserialize(option.clone()),
                    "{option:x?}"
                );
            }
        }
    }

    #[test]
    fn keys_urefs_and_hashes_round_trip() {
        for key in every_key() {
            round_trip(key);
        }
        for rights in every_access_rights() {
            round_trip(URef::new([0x42; 32], rights));
        }
        for public_key in public_keys() {
            round_trip(public_key);
        }
        round_trip(AccountHash::new([1; 32]));
        round_trip(ContractHash::new([2; 32]));
        round_trip(ContractPackageHash::new([3; 32]));
        round_trip(AddressableEntityHash::new([4; 32]));
        round_trip(PackageHash::new([5; 32]));
        round_trip(EntityAddr::SmartContract([6; 32]));
        round_trip(EntityAddr::Account([7; 32]));
    }

    #[test]
    fn containers_round_trip() {
        round_trip(Option::<U256>::None);
        round_trip(Some(U256::MAX));
        round_trip(Some(Some(0u8)));
        round_trip(Some(String::new()));
        round_trip(Vec::<Key>::new());
        round_trip(every_key());
        round_trip(vec!["a".to_string(), String::new(), "c".repeat(300)]);
        round_trip(vec![Some(1u64), None]);
        round_trip(every_key().into_iter().collect::<BTreeSet<Key>>());
        round_trip(BTreeMap::from([
            ("alice".to_string(), U256::MAX),
            ("bob".to_string(), U256::zero()),
        ]));
        round_trip((7u8,));
        round_trip((Key::Hash([1; 32]), U256::from(10)));
        round_trip((
            "name".to_string(),
            Option::<u64>::None,
            Bytes::from(vec![1u8, 2]),
        ));
    }

    #[test]
    fn a_byte_vector_is_encoded_and_decoded_as_bytes() {
        let long: Vec<u8> = (0..=255).cycle().take(5_000).collect();
        for bytes in [vec![], vec![7u8], long] {
            let as_bytes = Bytes::from(bytes.clone());
            let encoded = as_bytes.to_bytes().unwrap();
            assert_eq!(
                bytes.clone().into_cl_value().unwrap(),
                CLValue::from_t(as_bytes.clone()).unwrap()
            );
            assert_eq!(Vec::<u8>::cl_type(), Bytes::cl_type());
            assert_eq!(Vec::<u8>::from_value_bytes(&encoded).unwrap(), bytes);
            assert_eq!(Vec::<u8>::from_argument_bytes(&encoded).unwrap(), bytes);

            let mut longer = encoded.clone();
            longer.push(9);
            assert_eq!(
                crate::cl_value::decode_prefix::<Vec<u8>>(&longer).unwrap(),
                (bytes.clone(), &[9u8][..])
            );
            assert_eq!(
                Vec::<u8>::from_value_bytes(&longer).unwrap_err(),
                bytesrepr::deserialize::<Bytes>(longer).unwrap_err()
            );
            let short = encoded[..encoded.len() - 1].to_vec();
            assert_eq!(
                crate::cl_value::decode_prefix::<Vec<u8>>(&short).unwrap_err(),
                Bytes::from_bytes(&short).unwrap_err()
            );
        }
    }

    #[test]
    fn results_are_encoded_as_casper_types_results() {
        for value in [Ok(5u64), Err("no".to_string())] {
            assert_eq!(
                value.clone().into_cl_value().unwrap(),
                CLValue::from_t(value.clone()).unwrap()
            );
            let bytes = value.to_bytes().unwrap();
            assert_eq!(
                Result::<u64, String>::from_argument_bytes(&bytes).unwrap(),
                value
            );
        }
    }

    #[test]
    fn a_given_omittable_is_its_bare_value() {
        let values = [U256::zero(), U256::from(77), U256::MAX];
        for value in values {
            let given = Omittable(Some(value));
            let bare = value.to_bytes().unwrap();
            assert_eq!(given.to_bytes().unwrap(), bare);
            assert_eq!(given.serialized_length(), bare.len());
            let mut writer = vec![0xEE];
            given.write_bytes(&mut writer).unwrap();
            assert_eq!(writer[1..], bare[..]);
            assert_eq!(Omittable::<U256>::cl_type(), CLType::U256);
            assert_eq!(
                given.into_cl_value().unwrap(),
                CLValue::from_t(value).unwrap()
            );
            assert!(!given.is_omitted());

            let mut longer = bare.clone();
            longer.push(3);
            assert_eq!(
                Omittable::<U256>::from_bytes(&longer).unwrap(),
                (given, &[3u8][..])
            );
            assert_eq!(
                Omittable::<U256>::from_argument_bytes(&bare).unwrap(),
                given
            );
        }
    }

    #[test]
    fn an_omitted_omittable_encodes_to_nothing() {
        let omitted = Omittable::<String>(None);
        assert!(omitted.is_omitted());
        assert_eq!(omitted.to_bytes().unwrap(), Vec::<u8>::new());
        assert_eq!(omitted.serialized_length(), 0);
        let mut writer = vec![1, 2];
        omitted.write_bytes(&mut writer).unwrap();
        assert_eq!(writer, [1, 2]);
    }

    #[test]
    fn an_omittable_decodes_a_bare_value_only() {
        // Given as `Option<u8>` (`opt_u8`) rather than a bare `u8`: refused as casper-types
        // refuses the bytes as a `u8`.
        let optional = Some(1u8).to_bytes().unwrap();
        assert_eq!(
            Omittable::<u8>::from_argument_bytes(&optional).unwrap_err(),
            bytesrepr::deserialize::<u8>(optional).unwrap_err()
        );
        assert_eq!(
            Omittable::<u8>::from_bytes(&[]).unwrap_err(),
            u8::from_bytes(&[]).unwrap_err()
        );
        let bytes = Bytes::from(vec![4u8, 5]).to_bytes().unwrap();
        assert_eq!(
            Omittable::<Vec<u8>>::from_argument_bytes(&bytes).unwrap(),
            Omittable(Some(vec![4u8, 5]))
        );
    }

    #[test]
    fn an_optional_argument_is_an_encoded_option() {
        for value in [None, Some(Key::Hash([8; 32]))] {
            let bytes = value.to_bytes().unwrap();
            assert_eq!(Option::<Key>::from_argument_bytes(&bytes).unwrap(), value);
        }
        let uref = URef::new([1; 32], AccessRights::READ);
        assert_eq!(
            Some(uref).into_cl_value().unwrap(),
            CLValue::from_t(Some(uref)).unwrap()
        );
    }
}
