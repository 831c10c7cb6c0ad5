//! Contract events, recorded the way the contract's module says (`events = ...`, see
//! [`EventsMode`]): as the Casper Event Standard (CES) that indexers such as CSPR.cloud read, as
//! Casper 2.0 native messages, both, or not at all.
//!
//! Each `#[event]` struct of a contract module is one event type, named after the struct:
//!
//! - **CES** (the default): the installer creates the contract's `__events` dictionary,
//!   `__events_length`, `__events_schema` (every event's fields and their CL types) and
//!   `__events_ces_version` named keys, and [`emit`] appends the event to `__events` through
//!   the `casper-event-standard` crate, encoded as the standard asks (the string
//!   `event_<Name>`, then the fields in declaration order).
//! - **Native**: [`emit`] sends one message on the topic `<Name>`, registered when the package
//!   is created, whose payload is the fields' `bytesrepr` encoding (`MessagePayload::Bytes`).
//!   Native payloads stay in the execution result and the event stream, not in global state.
//!
//! ```
//! #[casper_dsl::contract] // or (events = native), (events = ces_and_native), (events = none)
//! pub mod token {
//!     use casper_dsl::prelude::*;
//!
//!     /// Recorded in the contract's `__events` (CES).
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
//!
//! With `events = chosen_at_install` the installer takes the mode as the optional `u8` install
//! argument `events_mode`, numbered as the CEP-18 reference numbers it ([`EventsMode`]; absent
//! means no events), and keeps it in the contract's `events_mode` named key.

use alloc::{string::String, vec::Vec};

use casper_contract::contract_api::runtime;
use casper_types::{
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contract_messages::{MessagePayload, MessageTopicOperation},
    ApiError, CLType, CLTyped,
};

use crate::errors::UnwrapOrRevert;

pub use casper_dsl_names::EVENTS_MODE;
/// The crate events are recorded with in CES mode, for its schema types and constants.
pub use casper_event_standard as ces;

/// How a contract records its events. The numbers are the CEP-18 reference's `events_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum EventsMode {
    /// Events are not recorded.
    None = 0,
    /// Casper Event Standard: appended to the contract's `__events` dictionary.
    Ces = 1,
    /// Casper 2.0 native messages, one topic per event type.
    Native = 2,
    /// Both: a native message and a CES record per event.
    NativeAndCes = 3,
}

impl EventsMode {
    /// The mode numbered `number` (the `events_mode` install argument), if there is one.
    pub const fn from_number(number: u8) -> Option<Self> {
        match number {
            0 => Some(EventsMode::None),
            1 => Some(EventsMode::Ces),
            2 => Some(EventsMode::Native),
            3 => Some(EventsMode::NativeAndCes),
            _ => None,
        }
    }

    /// The mode numbered `number`, reverting with [`INVALID_EVENTS_MODE`] if there is none.
    ///
    /// [`INVALID_EVENTS_MODE`]: crate::errors::INVALID_EVENTS_MODE
    pub(crate) fn from_number_or_revert(number: u8) -> Self {
        Self::from_number(number).unwrap_or_revert_with(crate::errors::INVALID_EVENTS_MODE)
    }

    /// Whether events are appended to the contract's CES keys.
    pub const fn records_ces(self) -> bool {
        matches!(self, EventsMode::Ces | EventsMode::NativeAndCes)
    }

    /// Whether events are sent as native messages.
    pub const fn records_native(self) -> bool {
        matches!(self, EventsMode::Native | EventsMode::NativeAndCes)
    }
}

/// A type declared with `#[event]` in a contract module: its name, its encoding, its CES schema
/// and how the contract records it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an event",
    label = "not declared with #[event]",
    note = "declare the struct with #[event] in the #[casper_dsl::contract] module: that gives it a name, a schema registered at install, and its encoding"
)]
pub trait Event: ToBytes + ces::EventInstance {
    /// The event's name (the struct's): its native topic and its CES name.
    const TOPIC: &'static str;
    /// How the contract records it; `None` when the installer was told (`chosen_at_install`).
    const MODE: Option<EventsMode>;
}

/// A type an `#[event]` field can have: one Casper encodes, decodes and gives a CL type. The
/// generated encoding and schema of an event go through this trait, so a field type that lacks
/// one of them is reported once, at the field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a field of an #[event]: it must implement `ToBytes`, `FromBytes` and `CLTyped`",
    label = "not encodable",
    note = "use a type Casper can encode and decode (integers, `U256`, `String`, `Key`, ...), or implement the three traits for it"
)]
pub trait EventField: Sized {
    #[doc(hidden)]
    fn encoded_length(&self) -> usize;
    #[doc(hidden)]
    fn encode(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error>;
    #[doc(hidden)]
    fn decode(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error>;
    #[doc(hidden)]
    fn cl_type() -> CLType;
}

impl<T: ToBytes + FromBytes + CLTyped + 'static> EventField for T {
    fn encoded_length(&self) -> usize {
        self.serialized_length()
    }

    fn encode(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        self.write_bytes(writer)
    }

    fn decode(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        crate::signature::decode_prefix(bytes)
    }

    fn cl_type() -> CLType {
        T::cl_type()
    }
}

/// Records `event` as the contract's events mode says: a native message on its topic, a CES
/// record in the contract's `__events`, both, or nothing. Reverts if the engine refuses it
/// (e.g. `ApiError::MessageTooLarge` above the chainspec's message size).
///
/// A topic the contract's package does not have yet (an event type added by an upgrade) is
/// registered on first use.
pub fn emit<E: Event>(event: E) {
    let mode = match E::MODE {
        Some(mode) => mode,
        None => installed_mode(),
    };
    if mode.records_native() {
        emit_message(&event);
    }
    if mode.records_ces() {
        ces::emit_bytes(Bytes::from(ces_record(&event)));
    }
}

/// The mode the installer kept in the contract's [`EVENTS_MODE`] named key.
fn installed_mode() -> EventsMode {
    let number: u8 = crate::storage::read_or_revert(crate::named_keys::named_uref(EVENTS_MODE));
    EventsMode::from_number_or_revert(number)
}

fn emit_message<E: Event>(event: &E) {
    let payload = MessagePayload::Bytes(Bytes::from(event.to_bytes().unwrap_or_revert()));
    match runtime::emit_message(E::TOPIC, &payload) {
        Err(ApiError::MessageTopicNotRegistered) => {
            runtime::manage_message_topic(E::TOPIC, MessageTopicOperation::Add).unwrap_or_revert();
            runtime::emit_message(E::TOPIC, &payload).unwrap_or_revert();
        }
        other => other.unwrap_or_revert(),
    }
}

/// `event` as a CES record: its name, `event_<Name>`, as a string, then its fields.
pub fn ces_record<E: Event>(event: &E) -> Vec<u8> {
    let name = ces_name::<E>();
    let mut record = Vec::with_capacity(name.serialized_length() + event.serialized_length());
    name.write_bytes(&mut record).unwrap_or_revert();
    event.write_bytes(&mut record).unwrap_or_revert();
    record
}

/// `event_<Name>`: what a CES record of `E` starts with.
pub fn ces_name<E: Event>() -> String {
    [CES_NAME_PREFIX, E::TOPIC].concat()
}

/// What the Casper Event Standard puts before an event's name in its records.
pub const CES_NAME_PREFIX: &str = "event_";

#[cfg(test)]
mod tests {
    use alloc::{collections::BTreeMap, string::String, vec};
    use core::fmt::Debug;

    use casper_types::{account::AccountHash, Key, U256, U512};

    use super::*;
    use crate::named_keys::tests::every_key;

    #[test]
    fn the_ces_keys_the_macro_reserves_are_the_standards() {
        assert_eq!(
            casper_dsl_names::CES_KEYS,
            [
                ces::EVENTS_DICT,
                ces::EVENTS_LENGTH,
                ces::EVENTS_SCHEMA,
                ces::CES_VERSION_KEY
            ]
        );
    }

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
