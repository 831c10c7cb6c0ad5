//! Values as the host takes and gives them, encoded without linking what a value does not use.
//!
//! The host takes a stored or returned value as a serialized `CLValue` (a `u32` length, the
//! value's bytes, its serialized `CLType`) and gives back only the value's bytes.
//! `CLValue::from_t` builds the `CLType` at run time and serializes it through code for every
//! type there is (and a growing heap buffer), which an entry point pays to store even when it
//! only ever writes a `u64`. Here a type whose `CLType` is one of the simple ones (numbers,
//! `bool`, `String`, `Key`, `URef`, `PublicKey`, `Unit`, `Any`, byte arrays such as
//! `AccountHash`) is recognised from `T::cl_type()` itself: the match folds at compile time,
//! so such a value is encoded on the stack by a few instructions, and the general path is
//! linked only into contracts that store a compound type (`Option<T>`, `Vec<T>`, tuples,
//! maps). The value's own bytes come from `encode_fixed` for the numbers, `bool`, `URef` and
//! `AccountHash` (whose `to_bytes` would allocate, out of line), from [`KeyBytes`] for a `Key`,
//! from `to_bytes` for the other simple types.

use alloc::{string::String, vec::Vec};
use core::{
    any::{Any, TypeId},
    mem::{ManuallyDrop, MaybeUninit},
};

use casper_types::{
    account::AccountHash,
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contracts::{ContractHash, ContractPackageHash},
    AddressableEntityHash, CLType, CLTyped, CLValue, Key, PackageHash, URef, U128, U256, U512,
};

use crate::{
    buffer::{self, StackBuffer, STACK_BUFFER},
    errors::UnwrapOrRevert,
    key_bytes::{read_in_place, read_key, KeyBytes, LONGEST_KEY},
    named_keys::{uref_bytes, UREF_LENGTH},
    signature::Value,
};

/// The longest serialized simple `CLType`: `ByteArray`'s tag and its `u32` length.
const LONGEST_SIMPLE_TYPE: usize = 1 + 4;

/// A simple `CLType`, serialized.
#[derive(Clone, Copy, Debug, PartialEq)]
struct SimpleType {
    bytes: [u8; LONGEST_SIMPLE_TYPE],
    length: usize,
}

impl SimpleType {
    /// `T`'s serialized `CLType` if it is a simple one. Inlined so that the match folds to a
    /// constant for each `T`.
    #[inline(always)]
    fn of<T: CLTyped>() -> Option<Self> {
        // Dropped only where it may own boxes: for a simple type no drop code remains.
        let cl_type = ManuallyDrop::new(T::cl_type());
        let tag = tag_of(&cl_type);
        match &*cl_type {
            CLType::Option(_)
            | CLType::List(_)
            | CLType::Result { .. }
            | CLType::Map { .. }
            | CLType::Tuple1(_)
            | CLType::Tuple2(_)
            | CLType::Tuple3(_) => {
                drop(ManuallyDrop::into_inner(cl_type));
                None
            }
            &CLType::ByteArray(length) => {
                let [a, b, c, d] = length.to_le_bytes();
                Some(SimpleType {
                    bytes: [tag, a, b, c, d],
                    length: 5,
                })
            }
            _ => Some(SimpleType {
                bytes: [tag, 0, 0, 0, 0],
                length: 1,
            }),
        }
    }

    #[inline(always)]
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.length]
    }
}

/// Hands `value`, serialized as a `CLValue`, to `use_bytes`; reverts if it does not serialize.
#[inline(always)]
pub(crate) fn with_cl_value<T: CLTyped + ToBytes + 'static, R>(
    value: T,
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> R {
    let Some(cl_type) = SimpleType::of::<T>() else {
        return use_bytes(&compound_cl_value(value));
    };
    let mut fixed = [0u8; LONGEST_FIXED];
    if let Some(length) = encode_fixed(&value, &mut fixed) {
        return with_joined::<{ 4 + LONGEST_FIXED + LONGEST_SIMPLE_TYPE }, R>(
            &fixed[..length],
            cl_type,
            use_bytes,
        );
    }
    // A key apart from the numbers, so that their buffers stay the size of a `U512`.
    if let Some(key) = (&value as &dyn Any).downcast_ref::<Key>() {
        return with_joined::<{ 4 + LONGEST_KEY + LONGEST_SIMPLE_TYPE }, R>(
            KeyBytes::of(key).as_slice(),
            cl_type,
            use_bytes,
        );
    }
    if let Some(key) = (&value as &dyn Any).downcast_ref::<KeyBytes>() {
        return with_joined::<{ 4 + LONGEST_KEY + LONGEST_SIMPLE_TYPE }, R>(
            key.as_slice(),
            cl_type,
            use_bytes,
        );
    }
    let inner = value.into_bytes().unwrap_or_revert();
    // SAFETY: `join` initialises the `4 + inner.len() + cl_type.length` bytes it is given.
    unsafe {
        buffer::with_written::<STACK_BUFFER, R>(
            4 + inner.len() + cl_type.length,
            |out| join(out, &inner, cl_type.as_bytes()),
            use_bytes,
        )
    }
}

/// Hands `use_bytes` the `CLValue` of a value whose bytes are `inner` and whose type is
/// `cl_type`, built in a stack buffer of `N` bytes (at least `4 + inner.len() + 5`).
#[inline(always)]
fn with_joined<const N: usize, R>(
    inner: &[u8],
    cl_type: SimpleType,
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> R {
    // Not zeroed: the host is handed the initialised bytes only, and zeroing the rest cost
    // every store and return about sixty bytes of stored code.
    let mut encoded = StackBuffer::<N>::uninit();
    let start = encoded.as_mut_ptr().cast::<u8>();
    // SAFETY: the buffer has room for the value's length, its bytes and its type, which `join`
    // initialises; only those bytes are read.
    use_bytes(unsafe {
        join(start, inner, cl_type.as_bytes());
        core::slice::from_raw_parts(start, 4 + inner.len() + cl_type.length)
    })
}

/// The longest value [`encode_fixed`] writes: a `U512`'s length byte and 64 bytes.
pub(crate) const LONGEST_FIXED: usize = 1 + 64;

/// Writes `value`'s serialized bytes to `out` and returns their length, if its type is one of
/// the numbers, `bool`, `URef` or `AccountHash`: each is encoded here by a few instructions where
/// its `to_bytes` is an out-of-line call that allocates. `None` for every other type. The type
/// tests are `TypeId` comparisons, which fold at compile time.
#[inline(always)]
pub(crate) fn encode_fixed(value: &dyn Any, out: &mut [u8; LONGEST_FIXED]) -> Option<usize> {
    macro_rules! little_endian {
        ($($ty:ty),*) => {$(
            if let Some(value) = value.downcast_ref::<$ty>() {
                let bytes = value.to_le_bytes();
                out[..bytes.len()].copy_from_slice(&bytes);
                return Some(bytes.len());
            }
        )*};
    }
    macro_rules! big_numbers {
        ($($ty:ty),*) => {$(
            if let Some(value) = value.downcast_ref::<$ty>() {
                // A length byte, then the little-endian bytes without trailing zeros.
                // The length from the highest limb's leading zeros, and every byte copied at a
                // fixed width (the bytes past `length` are zeros nobody reads): a search for the
                // last non-zero byte unrolls into a branch per byte, each of which the engine's
                // instrumentation meters, some 600 stored bytes per use.
                const WIDTH: usize = <$ty>::MAX.0.len() * 8;
                let mut bytes = [0u8; WIDTH];
                value.to_little_endian(&mut bytes);
                let length = value.bits().div_ceil(8);
                out[0] = length as u8;
                out[1..=WIDTH].copy_from_slice(&bytes);
                return Some(1 + length);
            }
        )*};
    }
    little_endian!(u8, u32, u64, i32, i64);
    big_numbers!(U128, U256, U512);
    if let Some(value) = value.downcast_ref::<bool>() {
        out[0] = u8::from(*value);
        return Some(1);
    }
    if let Some(uref) = value.downcast_ref::<URef>() {
        out[..UREF_LENGTH].copy_from_slice(&uref_bytes(*uref));
        return Some(UREF_LENGTH);
    }
    if let Some(account) = value.downcast_ref::<AccountHash>() {
        out[..32].copy_from_slice(account.as_bytes());
        return Some(32);
    }
    None
}

/// The length of `value`'s serialized bytes, if its type is one whose encoding is short and
/// bounded ([`longest_encoding`]): computed without encoding, where casper-types'
/// `serialized_length` for the big numbers is out of line. `None` for every other type.
#[inline(always)]
pub(crate) fn fixed_length<T: 'static>(value: &T) -> Option<usize> {
    let value: &dyn Any = value;
    macro_rules! big_numbers {
        ($($ty:ty),*) => {$(
            if let Some(value) = value.downcast_ref::<$ty>() {
                // A length byte, then the bytes up to the highest non-zero one.
                return Some(1 + value.bits().div_ceil(8));
            }
        )*};
    }
    big_numbers!(U128, U256, U512);
    // Every other such type always serializes to its longest encoding.
    longest_encoding::<T>()
}

/// Writes `inner`'s length, `inner` and `cl_type` to `out`.
///
/// # Safety
///
/// `out` must be valid for `4 + inner.len() + cl_type.len()` bytes.
#[inline(always)]
unsafe fn join(out: *mut u8, inner: &[u8], cl_type: &[u8]) {
    buffer::write_prefixed(out, inner);
    out.add(4 + inner.len())
        .copy_from_nonoverlapping(cl_type.as_ptr(), cl_type.len());
}

/// A value of a compound type, the general way.
#[inline(never)]
fn compound_cl_value<T: CLTyped + ToBytes>(value: T) -> Vec<u8> {
    CLValue::from_t(value)
        .and_then(|value| value.into_bytes().map_err(Into::into))
        .unwrap_or_revert()
}

/// The tag a serialized `CLType` starts with. Inlined, so that for a constant type it folds.
#[inline(always)]
fn tag_of(cl_type: &CLType) -> u8 {
    match cl_type {
        CLType::Bool => 0,
        CLType::I32 => 1,
        CLType::I64 => 2,
        CLType::U8 => 3,
        CLType::U32 => 4,
        CLType::U64 => 5,
        CLType::U128 => 6,
        CLType::U256 => 7,
        CLType::U512 => 8,
        CLType::Unit => 9,
        CLType::String => 10,
        CLType::Key => 11,
        CLType::URef => 12,
        CLType::Option(_) => 13,
        CLType::List(_) => 14,
        CLType::ByteArray(_) => 15,
        CLType::Result { .. } => 16,
        CLType::Map { .. } => 17,
        CLType::Tuple1(_) => 18,
        CLType::Tuple2(_) => 19,
        CLType::Tuple3(_) => 20,
        CLType::Any => 21,
        CLType::PublicKey => 22,
    }
}

/// Appends `cl_type` serialized, as casper-types serializes it. casper-types' own serializer is
/// private to it, reached through `ToBytes` for a whole `CLValue` or `RuntimeArgs`, whose
/// general paths clone every type and link the code for every other value.
pub(crate) fn write_cl_type(cl_type: &CLType, out: &mut Vec<u8>) {
    out.push(tag_of(cl_type));
    match cl_type {
        CLType::Option(inner) | CLType::List(inner) => write_cl_type(inner, out),
        CLType::ByteArray(length) => out.extend_from_slice(&length.to_le_bytes()),
        CLType::Result {
            ok: first,
            err: second,
        }
        | CLType::Map {
            key: first,
            value: second,
        } => {
            write_cl_type(first, out);
            write_cl_type(second, out);
        }
        CLType::Tuple1(types) => types.iter().for_each(|inner| write_cl_type(inner, out)),
        CLType::Tuple2(types) => types.iter().for_each(|inner| write_cl_type(inner, out)),
        CLType::Tuple3(types) => types.iter().for_each(|inner| write_cl_type(inner, out)),
        _ => {}
    }
}

/// Reads the `size` bytes the host just left in its buffer and decodes them as exactly one
/// `T`, as `bytesrepr::deserialize` does. Reverts if the host reports an error.
#[inline(always)]
pub(crate) fn read_host_value<T: FromBytes + 'static>(size: usize) -> Result<T, bytesrepr::Error> {
    if let Some(longest) = longest_encoding::<T>() {
        if size > longest {
            return Err(bytesrepr::Error::LeftOverBytes);
        }
        let mut stack = StackBuffer::<LONGEST_FIXED>::uninit();
        let start = stack.as_mut_ptr().cast::<u8>();
        // SAFETY: the buffer has room for `size` (at most `longest`) bytes.
        let written = unsafe { buffer::read_host_buffer_to(start, size) };
        // SAFETY: the host initialised the first `written` bytes.
        return decode_exactly(unsafe { core::slice::from_raw_parts(start, written) });
    }
    let mut stack: StackBuffer = StackBuffer::uninit();
    let bytes = buffer::read_host_buffer_into(size, &mut stack);
    if TypeId::of::<T>() == TypeId::of::<String>() {
        // The lean decoder arguments use, rather than `String::from_bytes`, which links core's
        // UTF-8 validator and its table.
        let decoded = <String as Value>::from_value_bytes(&bytes);
        // SAFETY: `T` is `String`.
        return unsafe { same_type(decoded) };
    }
    decode_exactly(&bytes)
}

/// `value` as a `T`, which is `U` itself, for code that has just compared their `TypeId`s (a
/// comparison that folds at compile time). A checked downcast would return an `Option` whose
/// `None` the optimiser cannot rule out after an out-of-line decoder, and would keep the
/// general decoder linked beside the lean one: 0.6 KB of core's UTF-8 validation for a
/// `String`.
///
/// # Safety
///
/// `U` and `T` must be the same type.
#[inline(always)]
unsafe fn same_type<U: 'static, T: 'static>(value: U) -> T {
    debug_assert!(TypeId::of::<U>() == TypeId::of::<T>());
    // SAFETY: the same type, moved out once (`value` is not dropped).
    unsafe { core::mem::transmute_copy(&ManuallyDrop::new(value)) }
}

/// The most bytes a `T` serializes to, for the types whose encoding is short and bounded: the
/// numbers, `bool`, `URef` and the 32-byte hashes. Reading one of these from the host then needs
/// no heap path: a longer value cannot decode as a `T`. `None` for every other type. The type
/// tests are `TypeId` comparisons, which fold at compile time.
#[inline(always)]
pub(crate) fn longest_encoding<T: 'static>() -> Option<usize> {
    let id = TypeId::of::<T>();
    macro_rules! longest {
        ($($ty:ty => $length:expr),* $(,)?) => {$(
            if id == TypeId::of::<$ty>() {
                return Some($length);
            }
        )*};
    }
    longest!(
        bool => 1,
        u8 => 1,
        i32 => 4,
        u32 => 4,
        i64 => 8,
        u64 => 8,
        U128 => 1 + 16,
        U256 => 1 + 32,
        U512 => LONGEST_FIXED,
        URef => UREF_LENGTH,
        AccountHash => 32,
        ContractHash => 32,
        ContractPackageHash => 32,
        AddressableEntityHash => 32,
        PackageHash => 32,
    );
    None
}

/// `bytes` decoded as exactly one `T`, with `bytesrepr::deserialize`'s errors.
#[inline(always)]
pub(crate) fn decode_exactly<T: FromBytes + 'static>(bytes: &[u8]) -> Result<T, bytesrepr::Error> {
    match decode_prefix::<T>(bytes)? {
        (value, []) => Ok(value),
        _ => Err(bytesrepr::Error::LeftOverBytes),
    }
}

/// Decodes a `T` from the start of `bytes`, returning the rest, as `T::from_bytes` does: a
/// `Key` and a list of them without casper-types' codec for keys ([`read_key`]), a `Vec<u8>`
/// as `Bytes` (the same encoding, as casper-types' debug builds insist).
#[inline(always)]
pub(crate) fn decode_prefix<T: FromBytes + 'static>(
    bytes: &[u8],
) -> Result<(T, &[u8]), bytesrepr::Error> {
    if TypeId::of::<T>() == TypeId::of::<Vec<u8>>() {
        let decoded = Bytes::from_bytes(bytes).map(|(list, rest)| (Vec::from(list), rest));
        // SAFETY: `T` is `Vec<u8>`.
        return decoded.map(|(list, rest)| (unsafe { same_type(list) }, rest));
    }
    // A key is read in place, where the value is returned from: each move of one is a `memcpy`.
    let mut value = MaybeUninit::<T>::uninit();
    if let Some(read) = read_in_place(bytes, &mut value) {
        let rest = read?;
        // SAFETY: `read_in_place` wrote the key when it returned `Ok`.
        return Ok((unsafe { value.assume_init() }, rest));
    }
    if TypeId::of::<T>() == TypeId::of::<Vec<Key>>() {
        // SAFETY: `T` is `Vec<Key>`.
        return decode_key_list(bytes).map(|(keys, rest)| (unsafe { same_type(keys) }, rest));
    }
    T::from_bytes(bytes)
}

/// A `Vec<Key>` from the start of `bytes`, as casper-types decodes one: a `u32` count, then
/// the keys (each read in its place in the vector), in a vector first sized for at most 4 KB.
fn decode_key_list(bytes: &[u8]) -> Result<(Vec<Key>, &[u8]), bytesrepr::Error> {
    let (count, mut rest) = u32::from_bytes(bytes)?;
    let count = count as usize;
    let mut keys = Vec::with_capacity(count.min(4096 / core::mem::size_of::<Key>()));
    for _ in 0..count {
        keys.reserve(1);
        rest = read_key(rest, &mut keys.spare_capacity_mut()[0])?;
        // SAFETY: `read_key` wrote the key after the others.
        unsafe { keys.set_len(keys.len() + 1) };
    }
    Ok((keys, rest))
}

#[cfg(test)]
pub(crate) mod tests {
    use alloc::{boxed::Box, collections::BTreeMap, string::String, vec, vec::Vec};

    use casper_types::{bytesrepr::Bytes, contracts::ContractHash, AccessRights, Key, PublicKey};

    use super::*;

    /// What `with_cl_value` hands over, as a `Vec`.
    fn encoded<T: CLTyped + ToBytes + 'static>(value: T) -> Vec<u8> {
        with_cl_value(value, <[u8]>::to_vec)
    }

    fn casper_types_encoding<T: CLTyped + ToBytes>(value: T) -> Vec<u8> {
        CLValue::from_t(value).unwrap().into_bytes().unwrap()
    }

    macro_rules! assert_same_encoding {
        ($($value:expr),* $(,)?) => {$(
            assert_eq!(encoded($value), casper_types_encoding($value), "{}", stringify!($value));
        )*};
    }

    #[test]
    fn longest_encoding_is_the_length_of_each_types_longest_value() {
        fn longest<T: ToBytes + 'static>(value: T) {
            let name = core::any::type_name::<T>();
            assert_eq!(
                longest_encoding::<T>(),
                Some(value.serialized_length()),
                "{name}"
            );
        }
        longest(true);
        longest(u8::MAX);
        longest(i32::MIN);
        longest(u32::MAX);
        longest(i64::MIN);
        longest(u64::MAX);
        longest(U128::MAX);
        longest(U256::MAX);
        longest(U512::MAX);
        longest(URef::new(
            [0xFF; 32],
            casper_types::AccessRights::READ_ADD_WRITE,
        ));
        longest(AccountHash::new([0xFF; 32]));
        longest(ContractHash::new([0xFF; 32]));
        longest(ContractPackageHash::new([0xFF; 32]));
        longest(AddressableEntityHash::new([0xFF; 32]));
        longest(PackageHash::new([0xFF; 32]));
        // Unbounded, or bounded only loosely: read through the general path.
        assert_eq!(longest_encoding::<String>(), None);
        assert_eq!(longest_encoding::<Key>(), None);
        assert_eq!(longest_encoding::<Option<u64>>(), None);
        assert_eq!(longest_encoding::<[u8; 32]>(), None);
    }

    #[test]
    fn fixed_lengths_are_casper_types_serialized_lengths() {
        fn check<T: ToBytes + 'static>(value: T) {
            assert_eq!(fixed_length(&value), Some(value.serialized_length()));
        }
        check(true);
        check(0xABu8);
        check(u32::MAX);
        check(-7i32);
        check(i64::MIN);
        check(u64::MAX);
        for shift in 0..128 {
            check(U128::one() << shift);
        }
        for shift in 0..256 {
            check(U256::one() << shift);
            check((U256::one() << shift) - 1);
        }
        for shift in 0..512 {
            check(U512::one() << shift);
        }
        check(U128::zero());
        check(U512::zero());
        check(URef::new([9; 32], AccessRights::ADD));
        check(AccountHash::new([5; 32]));
        check(ContractHash::new([6; 32]));
        assert_eq!(fixed_length(&String::new()), None);
        assert_eq!(fixed_length(&Key::Hash([3; 32])), None);
    }

    #[test]
    fn every_simple_type_is_encoded_as_casper_types_encodes_it() {
        let long = String::from("x").repeat(STACK_BUFFER * 3);
        assert_same_encoding!(
            true,
            -7i32,
            i64::MIN,
            0xABu8,
            u32::MAX,
            u64::MAX,
            U128::MAX,
            U128::from(0x0100u32),
            U256::MAX,
            U256::zero(),
            U256::from(u64::MAX) + 1,
            U512::MAX,
            U512::from(1u8),
            false,
            0u8,
            i32::MIN,
            URef::new([9; 32], AccessRights::ADD),
            (),
            String::new(),
            String::from("count"),
            long.clone(),
            Key::Hash([3; 32]),
            URef::new([4; 32], AccessRights::READ_ADD_WRITE),
            AccountHash::new([5; 32]),
            ContractHash::new([6; 32]),
            [7u8; 0],
            [8u8; 200],
            PublicKey::System,
        );
    }

    #[test]
    fn every_kind_of_key_is_stored_and_read_as_casper_types_does() {
        let keys = crate::named_keys::tests::every_key();
        for key in &keys {
            assert_eq!(encoded(*key), casper_types_encoding(*key), "{key:?}");
            let bytes = key.to_bytes().unwrap();
            assert_eq!(decode_exactly::<Key>(&bytes), Ok(*key), "{key:?}");
            // A `KeyBytes` is stored and read as the key it encodes.
            assert_eq!(encoded(KeyBytes::of(key)), encoded(*key), "{key:?}");
            assert_eq!(decode_exactly::<KeyBytes>(&bytes), Ok(KeyBytes::of(key)));
        }
        // A list of them, and every prefix of its encoding, with casper-types' errors.
        let list = keys.to_bytes().unwrap();
        for end in 0..=list.len() {
            assert_eq!(
                decode_prefix::<Vec<Key>>(&list[..end]),
                Vec::<Key>::from_bytes(&list[..end]),
                "{end}"
            );
        }
    }

    #[test]
    fn compound_types_take_the_general_path_with_the_same_encoding() {
        assert_eq!(SimpleType::of::<Option<u64>>(), None);
        assert_eq!(SimpleType::of::<Bytes>(), None);
        assert_same_encoding!(
            Some(5u64),
            Option::<String>::None,
            vec![1u64, 2, 3],
            (1u8, String::from("a")),
            BTreeMap::from([(String::from("k"), 1u32)]),
            Bytes::from(vec![1, 2, 3]),
        );
    }

    #[test]
    fn a_simple_type_is_its_serialized_cl_type() {
        macro_rules! check {
            ($($ty:ty),*) => {$(
                let simple = SimpleType::of::<$ty>().expect(stringify!($ty));
                assert_eq!(simple.as_bytes(), serialized_cl_type(&<$ty>::cl_type()), stringify!($ty));
            )*};
        }
        check!(
            bool,
            i32,
            i64,
            u8,
            u32,
            u64,
            U128,
            U256,
            U512,
            (),
            String,
            Key,
            URef,
            PublicKey
        );
        check!(AccountHash, [u8; 0], [u8; 65_536]);
    }

    /// A `CLType` of every kind, simple and compound, including deep nesting.
    pub(crate) fn cl_types_of_every_kind() -> Vec<CLType> {
        let nested = |wrap: fn(Box<CLType>) -> CLType| {
            (0..40).fold(CLType::U8, |inner, _| wrap(Box::new(inner)))
        };
        vec![
            CLType::Bool,
            CLType::I32,
            CLType::I64,
            CLType::U8,
            CLType::U32,
            CLType::U64,
            CLType::U128,
            CLType::U256,
            CLType::U512,
            CLType::Unit,
            CLType::String,
            CLType::Key,
            CLType::URef,
            CLType::Any,
            CLType::PublicKey,
            CLType::ByteArray(32),
            CLType::ByteArray(u32::MAX),
            CLType::Option(Box::new(CLType::ByteArray(32))),
            CLType::List(Box::new(CLType::Key)),
            CLType::Result {
                ok: Box::new(CLType::U64),
                err: Box::new(CLType::String),
            },
            CLType::Map {
                key: Box::new(CLType::String),
                value: Box::new(CLType::U512),
            },
            CLType::Tuple1([Box::new(CLType::Unit)]),
            CLType::Tuple2([Box::new(CLType::I32), Box::new(CLType::I64)]),
            CLType::Tuple3([
                Box::new(CLType::U32),
                Box::new(CLType::U128),
                Box::new(CLType::List(Box::new(CLType::U256))),
            ]),
            nested(CLType::Option),
            nested(CLType::List),
        ]
    }

    /// `cl_type` serialized by casper-types: the tail of an empty `CLValue` of the type (no
    /// length, no bytes, then the type).
    pub(crate) fn serialized_cl_type(cl_type: &CLType) -> Vec<u8> {
        let empty = CLValue::from_components(cl_type.clone(), vec![]);
        empty.to_bytes().unwrap()[4..].to_vec()
    }

    #[test]
    fn write_cl_type_is_casper_types_serialization() {
        for cl_type in cl_types_of_every_kind() {
            let mut written = Vec::new();
            write_cl_type(&cl_type, &mut written);
            assert_eq!(written, serialized_cl_type(&cl_type), "{cl_type:?}");
        }
    }

    #[test]
    fn decode_exactly_is_bytesrepr_deserialize() {
        let inputs: [&[u8]; 5] = [
            &[5, 0, 0, 0, 0, 0, 0, 0],
            &[1, 2, 3],
            &[0; 9],
            &[1, 0, 0, 0, b'a'],
            &[],
        ];
        for bytes in inputs {
            assert_eq!(
                decode_exactly::<u64>(bytes),
                bytesrepr::deserialize::<u64>(bytes.to_vec())
            );
            assert_eq!(
                decode_exactly::<String>(bytes),
                bytesrepr::deserialize::<String>(bytes.to_vec())
            );
        }
    }
}
