//! Contract events as Casper 2.0 native messages: each `#[event]` struct of a contract module is
//! a message topic (named after the struct), registered when the package is created, and
//! [`emit`] sends one message on it whose payload is the struct's `bytesrepr` encoding
//! (`MessagePayload::Bytes`, fields in declaration order).
//!
//! ```
//! #[casper_dsl::contract]
//! pub mod token {
//!     use casper_dsl::prelude::*;
//!
//!     /// Sent on the topic `Burn`.
//!     #[event]
//!     pub struct Burn {
//!         pub owner: Key,
//!         pub amount: U256,
//!     }
//!
//!     #[entry_point]
//!     pub fn burn(amount: U256) {
//!         emit(Burn { owner: Key::Account(get_caller()), amount });
//!     }
//! }
//! ```

use alloc::vec::Vec;

use casper_contract::{contract_api::runtime, unwrap_or_revert::UnwrapOrRevert};
use casper_types::{
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contract_messages::{MessagePayload, MessageTopicOperation},
    ApiError,
};

/// A type declared with `#[event]` in a contract module: its topic, and its encoding.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an event",
    label = "not declared with #[event]",
    note = "declare the struct with #[event] in the #[casper_dsl::contract] module: that gives it a topic, registered at install, and its encoding"
)]
pub trait Event: ToBytes {
    /// The message topic: the struct's name.
    const TOPIC: &'static str;
}

/// A type an `#[event]` field can have: one Casper encodes and decodes. The generated
/// encoding of an event goes through this trait, so a field type that lacks either is reported
/// once, at the field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a field of an #[event]: it must implement `ToBytes` and `FromBytes`",
    label = "not encodable",
    note = "use a type Casper can encode and decode (integers, `U256`, `String`, `Key`, ...), or implement the two traits for it"
)]
pub trait EventField: Sized {
    #[doc(hidden)]
    fn encoded_length(&self) -> usize;
    #[doc(hidden)]
    fn encode(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error>;
    #[doc(hidden)]
    fn decode(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error>;
}

impl<T: ToBytes + FromBytes + 'static> EventField for T {
    fn encoded_length(&self) -> usize {
        self.serialized_length()
    }

    fn encode(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        self.write_bytes(writer)
    }

    fn decode(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        crate::signature::decode_prefix(bytes)
    }
}

/// Emits `event` as a message on its topic; reverts if the engine refuses it (e.g.
/// `ApiError::MessageTooLarge` above the chainspec's message size).
///
/// A topic the contract's package does not have yet (an event type added by an upgrade) is
/// registered on first use.
pub fn emit<E: Event>(event: E) {
    let bytes: Vec<u8> = event.to_bytes().unwrap_or_revert();
    let payload = MessagePayload::Bytes(Bytes::from(bytes));
    match runtime::emit_message(E::TOPIC, &payload) {
        Err(ApiError::MessageTopicNotRegistered) => {
            runtime::manage_message_topic(E::TOPIC, MessageTopicOperation::Add).unwrap_or_revert();
            runtime::emit_message(E::TOPIC, &payload).unwrap_or_revert();
        }
        other => other.unwrap_or_revert(),
    }
}

#[cfg(test)]
mod tests {
    use alloc::{collections::BTreeMap, string::String, vec};
    use core::fmt::Debug;

    use casper_types::{account::AccountHash, Key, U256, U512};

    use super::*;
    use crate::named_keys::tests::every_key;

    /// `value` as an event field: its length, its encoding appended to what the writer holds,
    /// and its decoding, against casper-types' for the same value (`reference`, which is the
    /// value itself but for `Vec<u8>`, encoded as `Bytes`).
    fn check_field<T: EventField + PartialEq + Debug>(value: T, reference: &impl ToBytes) {
        let expected = reference.to_bytes().unwrap();
        assert_eq!(value.encoded_length(), expected.len(), "{value:?}");
        let mut writer = vec![0xC0, 0xDE];
        value.encode(&mut writer).unwrap();
        assert_eq!(writer[..2], [0xC0, 0xDE]);
        assert_eq!(writer[2..], expected[..], "{value:?}");

        let mut bytes = expected.clone();
        bytes.push(0x77);
        let (decoded, rest) = T::decode(&bytes).unwrap();
        assert_eq!(decoded, value);
        assert_eq!(rest, [0x77]);
    }

    #[test]
    fn fields_encode_and_decode_as_casper_types_does() {
        for key in every_key() {
            check_field(key, &key);
        }
        for amount in [U256::zero(), U256::one(), U256::MAX] {
            check_field(amount, &amount);
        }
        check_field(U512::MAX, &U512::MAX);
        check_field(u64::MAX, &u64::MAX);
        check_field(true, &true);
        for text in [String::new(), String::from("Transfer"), "x".repeat(1_000)] {
            check_field(text.clone(), &text);
        }
        for owner in [None, Some(Key::Hash([2; 32]))] {
            check_field(owner, &owner);
        }
        check_field(every_key(), &every_key());
        let map = BTreeMap::from([(String::from("a"), 1u64)]);
        check_field(map.clone(), &map);
    }

    #[test]
    fn a_byte_vector_field_is_encoded_and_decoded_as_bytes() {
        for bytes in [vec![], vec![1u8, 2, 3], vec![0xAB; 300]] {
            check_field(bytes.clone(), &Bytes::from(bytes));
        }
    }

    #[test]
    fn fields_in_declaration_order_are_the_encoding_of_the_tuple() {
        // What an `#[event] struct Transfer { from: Key, to: Key, amount: U256, memo: Vec<u8> }`
        // writes, field after field, and reads back.
        let from = Key::Account(AccountHash::new([1; 32]));
        let to = Key::Hash([2; 32]);
        let amount = U256::MAX;
        let memo = vec![9u8, 8, 7];
        let mut encoded = Vec::new();
        from.encode(&mut encoded).unwrap();
        to.encode(&mut encoded).unwrap();
        amount.encode(&mut encoded).unwrap();
        memo.encode(&mut encoded).unwrap();
        let length = from.encoded_length()
            + to.encoded_length()
            + amount.encoded_length()
            + memo.encoded_length();
        let tuple = (from, to, amount, Bytes::from(memo.clone()));
        assert_eq!(encoded, tuple.to_bytes().unwrap());
        assert_eq!(length, tuple.serialized_length());

        let (read_from, rest) = Key::decode(&encoded).unwrap();
        let (read_to, rest) = Key::decode(rest).unwrap();
        let (read_amount, rest) = U256::decode(rest).unwrap();
        let (read_memo, rest) = Vec::<u8>::decode(rest).unwrap();
        assert_eq!((read_from, read_to, read_amount), (from, to, amount));
        assert_eq!(read_memo, memo);
        assert!(rest.is_empty());
    }

    #[test]
    fn a_truncated_field_fails_as_casper_types_does() {
        let encoded = U256::MAX.to_bytes().unwrap();
        let short = &encoded[..encoded.len() - 1];
        assert_eq!(
            U256::decode(short).unwrap_err(),
            U256::from_bytes(short).unwrap_err()
        );
        let encoded = Bytes::from(vec![1u8; 10]).to_bytes().unwrap();
        let short = &encoded[..encoded.len() - 1];
        assert_eq!(
            Vec::<u8>::decode(short).unwrap_err(),
            Bytes::from_bytes(short).unwrap_err()
        );
    }
}
