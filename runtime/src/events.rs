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
