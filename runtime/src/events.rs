//! Contract events, recorded the way the contract's module says (`events = ...`, see
//! [`EventsMode`]): as the Casper Event Standard (CES) that indexers such as CSPR.cloud read, as
//! Casper 2.0 native messages, both, or not at all.
//!
//! Each `#[event]` struct of a contract module is one event type, named after the struct:
//!
//! - **CES** (the default): the installer creates the contract's `__events` dictionary,
//!   `__events_length`, `__events_schema` (every event's fields and their CL types) and
//!   `__events_ces_version` named keys (with the `casper-event-standard` crate's names and
//!   schema types), and [`emit`] appends the event to `__events` as the standard asks: under
//!   the next index, the string `event_<Name>`, then the fields in declaration order.
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
use core::any::Any;

use casper_contract::ext_ffi;
use casper_types::{
    bytesrepr::{self, FromBytes, ToBytes},
    CLType, CLTyped, Key, URef,
};

use crate::{
    buffer::{self, HostError},
    cl_value,
    errors::UnwrapOrRevert,
    key_bytes,
    named_keys::required_key_as,
    storage,
};

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

/// The numbers, `bool`, `URef` and `AccountHash` are measured and encoded on the stack, a `Key`
/// by [`KeyBytes`](crate::KeyBytes)' writer (chosen by `TypeId`, which folds at compile time):
/// casper-types' `to_bytes` for them allocates, out of line, and for a `Key` links its whole
/// codec.
impl<T: ToBytes + FromBytes + CLTyped + 'static> EventField for T {
    fn encoded_length(&self) -> usize {
        if let Some(key) = (self as &dyn Any).downcast_ref::<Key>() {
            return key_bytes::encoded_length(key);
        }
        cl_value::fixed_length(self).unwrap_or_else(|| self.serialized_length())
    }

    fn encode(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        if let Some(key) = (self as &dyn Any).downcast_ref::<Key>() {
            append_key(key, writer);
            return Ok(());
        }
        let mut fixed = [0u8; cl_value::LONGEST_FIXED];
        match cl_value::encode_fixed(self, &mut fixed) {
            Some(length) => {
                writer.extend_from_slice(&fixed[..length]);
                Ok(())
            }
            None => self.write_bytes(writer),
        }
    }

    fn decode(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        cl_value::decode_prefix(bytes)
    }

    fn cl_type() -> CLType {
        T::cl_type()
    }
}

/// Appends `key`'s encoding to `writer`: one copy for every `Key` field of every event.
#[inline(never)]
fn append_key(key: &Key, writer: &mut Vec<u8>) {
    writer.reserve(key_bytes::LONGEST_KEY);
    // SAFETY: `writer` has room for the longest key after its bytes, and `write_key`
    // initialises the bytes it counts.
    unsafe {
        let length = key_bytes::write_key(key, writer.as_mut_ptr().add(writer.len()));
        writer.set_len(writer.len() + length);
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
    if mode == EventsMode::None {
        return;
    }
    let mut encoded = EncodedEvent::new(E::TOPIC, &event);
    if mode.records_native() {
        send_message(&mut encoded);
    }
    if mode.records_ces() {
        append_ces_record(encoded);
    }
}

/// The mode the installer kept in the contract's [`EVENTS_MODE`] named key.
fn installed_mode() -> EventsMode {
    let number: u8 =
        crate::storage::read_or_revert(crate::named_keys::required_key_as::<URef>(EVENTS_MODE));
    EventsMode::from_number_or_revert(number)
}

/// An event's fields, encoded once, with room before them for the longest framing a record
/// needs (a CES record's, [`ces_framing_length`]): each mode writes its framing in place rather
/// than copying the fields.
struct EncodedEvent {
    topic: &'static str,
    bytes: Vec<u8>,
}

impl EncodedEvent {
    fn new<E: Event>(topic: &'static str, event: &E) -> Self {
        let mut bytes = framing_room(topic, event.serialized_length());
        event.write_bytes(&mut bytes).unwrap_or_revert();
        EncodedEvent { topic, bytes }
    }

    /// The event as a serialized `MessagePayload::Bytes` (a tag, the fields' length, the
    /// fields), framed in place before the fields.
    fn message_payload(&mut self) -> &[u8] {
        let start = ces_framing_length(self.topic);
        let fields = self.bytes.len() - start;
        let payload = &mut self.bytes[start - 5..];
        payload[0] = MESSAGE_PAYLOAD_BYTES_TAG;
        payload[1..5].copy_from_slice(&(fields as u32).to_le_bytes());
        payload
    }
}

/// A buffer holding the room [`EncodedEvent`] keeps before the fields of an event of type
/// `topic`, with room for `fields` bytes of them and a CES record's type after.
// One copy for every event type.
#[inline(never)]
fn framing_room(topic: &str, fields: usize) -> Vec<u8> {
    let start = ces_framing_length(topic);
    let mut bytes = buffer::with_capacity(start + fields + BYTES_CL_TYPE.len());
    bytes.resize(start, 0);
    bytes
}

/// What a CES record's `CLValue` holds before the event's fields: the value's length, the
/// record's (`Bytes`) length, and the event's name `event_<Name>` as a string.
fn ces_framing_length(topic: &str) -> usize {
    4 + 4 + 4 + CES_NAME_PREFIX.len() + topic.len()
}

/// Sends the event as a native message on its topic (`MessagePayload::Bytes`: a tag, the
/// fields' length, the fields), registering the topic first if the package lacks it. Sent
/// straight from the encoded event: casper-contract's `emit_message` serializes the payload
/// again and links `ApiError`'s decoding.
// One copy for every event type.
#[inline(never)]
fn send_message(encoded: &mut EncodedEvent) {
    let topic = encoded.topic.as_bytes();
    let payload = encoded.message_payload();
    let send = || {
        // SAFETY: the host reads the topic's name and the payload within their lengths.
        unsafe {
            ext_ffi::casper_emit_message(
                topic.as_ptr(),
                topic.len(),
                payload.as_ptr(),
                payload.len(),
            )
        }
    };
    match buffer::host_result(send()) {
        Ok(()) => {}
        Err(HostError::MESSAGE_TOPIC_NOT_REGISTERED) => {
            // SAFETY: the host reads the topic's name and the operation within their lengths.
            buffer::expect_success(unsafe {
                ext_ffi::casper_manage_message_topic(
                    topic.as_ptr(),
                    topic.len(),
                    ADD_TOPIC.as_ptr(),
                    ADD_TOPIC.len(),
                )
            });
            buffer::expect_success(send());
        }
        Err(error) => error.revert(),
    }
}

/// `MessagePayload::Bytes`'s tag.
const MESSAGE_PAYLOAD_BYTES_TAG: u8 = 1;
/// `MessageTopicOperation::Add`, serialized.
const ADD_TOPIC: [u8; 1] = [0];
/// `CLType::List(Box::new(CLType::U8))`, serialized: the type of a CES record (`Bytes`).
const BYTES_CL_TYPE: [u8; 2] = [14, 3];

/// Appends the event's CES record to the contract's `__events` dictionary under the next
/// index, and counts it in `__events_length`, as the Casper Event Standard does. The record
/// goes to the host as a `CLValue` framed in place: casper-event-standard's `emit_bytes` builds
/// it through `CLValue::from_t`, which links the serializer of every `CLType`.
// One copy for every event type.
#[inline(never)]
fn append_ces_record(encoded: EncodedEvent) {
    let cl_value = ces_cl_value(encoded);
    let length_uref = required_key_as::<URef>(ces::EVENTS_LENGTH);
    let index: u32 = storage::read_or_revert(length_uref);
    let mut digits = [0u8; 10];
    let item_key = decimal(index, &mut digits);
    storage::dictionary_put_cl_value(
        required_key_as::<URef>(ces::EVENTS_DICT),
        item_key,
        &cl_value,
    );
    storage::write(length_uref, index + 1);
}

/// The event's CES record as a serialized `CLValue` of `Bytes`.
fn ces_cl_value(encoded: EncodedEvent) -> Vec<u8> {
    let EncodedEvent { topic, mut bytes } = encoded;
    let record_length = bytes.len() - 8;
    let name_length = CES_NAME_PREFIX.len() + topic.len();
    let framing = [
        &((4 + record_length) as u32).to_le_bytes()[..],
        &(record_length as u32).to_le_bytes(),
        &(name_length as u32).to_le_bytes(),
        CES_NAME_PREFIX.as_bytes(),
        topic.as_bytes(),
    ];
    let mut at = 0;
    for part in framing {
        bytes[at..at + part.len()].copy_from_slice(part);
        at += part.len();
    }
    bytes.extend_from_slice(&BYTES_CL_TYPE);
    bytes
}

/// `event` as a CES record: its name, `event_<Name>`, as a string, then its fields.
pub fn ces_record<E: Event>(event: &E) -> Vec<u8> {
    let mut bytes = ces_cl_value(EncodedEvent::new(E::TOPIC, event));
    // Without the value's length and the record's, nor its type.
    bytes.truncate(bytes.len() - BYTES_CL_TYPE.len());
    bytes.split_off(8)
}

/// `number` in decimal (as `u32::to_string` writes it), in `digits`.
fn decimal(mut number: u32, digits: &mut [u8; 10]) -> &str {
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    // SAFETY: decimal digits are ASCII, so UTF-8.
    unsafe { core::str::from_utf8_unchecked(&digits[start..]) }
}

/// `event_<Name>`: what a CES record of `E` starts with.
pub fn ces_name<E: Event>() -> String {
    [CES_NAME_PREFIX, E::TOPIC].concat()
}

/// What the Casper Event Standard puts before an event's name in its records.
pub const CES_NAME_PREFIX: &str = "event_";

#[cfg(test)]
mod tests {
    use alloc::{
        collections::BTreeMap,
        string::{String, ToString},
        vec,
    };
    use core::fmt::Debug;

    use casper_types::{account::AccountHash, bytesrepr::Bytes, Key, U256, U512};

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

    /// An event with the encoding `#[event]` gives a struct: its fields in order.
    struct Minted {
        owner: Key,
        amount: U256,
    }

    impl ToBytes for Minted {
        fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> {
            (self.owner, self.amount).to_bytes()
        }

        fn serialized_length(&self) -> usize {
            (self.owner, self.amount).serialized_length()
        }
    }

    impl ces::EventInstance for Minted {
        fn name() -> String {
            String::from("Minted")
        }

        fn schema() -> ces::Schema {
            ces::Schema::new()
        }
    }

    impl Event for Minted {
        const TOPIC: &'static str = "Minted";
        const MODE: Option<EventsMode> = None;
    }

    fn minted() -> Minted {
        Minted {
            owner: Key::Account(AccountHash::new([7; 32])),
            amount: U256::from(1_000_000u64),
        }
    }

    #[test]
    fn a_message_payload_is_casper_types_bytes_payload() {
        use casper_types::contract_messages::{MessagePayload, MessageTopicOperation};
        let event = minted();
        let reference = MessagePayload::Bytes(Bytes::from(event.to_bytes().unwrap()));
        let mut encoded = EncodedEvent::new(Minted::TOPIC, &event);
        assert_eq!(encoded.message_payload(), reference.to_bytes().unwrap());
        assert_eq!(
            ADD_TOPIC.to_vec(),
            MessageTopicOperation::Add.to_bytes().unwrap()
        );
    }

    #[test]
    fn a_ces_record_is_stored_as_the_standard_stores_it() {
        let event = minted();
        let record = [
            String::from("event_Minted").to_bytes().unwrap(),
            event.to_bytes().unwrap(),
        ]
        .concat();
        assert_eq!(ces_record(&event), record);
        let cl_value = casper_types::CLValue::from_t(Bytes::from(record)).unwrap();
        let expected = cl_value.to_bytes().unwrap();
        assert_eq!(
            ces_cl_value(EncodedEvent::new(Minted::TOPIC, &event)),
            expected
        );
        // Both modes frame one buffer: the message first, then the record.
        let mut encoded = EncodedEvent::new(Minted::TOPIC, &event);
        encoded.message_payload();
        assert_eq!(ces_cl_value(encoded), expected);
    }

    #[test]
    fn event_indexes_are_written_as_to_string_writes_them() {
        for index in [0, 7, 10, 99, 100, 65_535, 1_000_000_007, u32::MAX] {
            let mut digits = [0u8; 10];
            assert_eq!(decimal(index, &mut digits), index.to_string());
        }
    }
}
