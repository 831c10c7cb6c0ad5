//! The outcome of one execution on the [`Chain`](crate::Chain).

use std::fmt::Display;

use casper_dsl::events::{ces, ces_name, Event};
use casper_execution_engine::{
    engine_state::{Error as EngineError, WasmV1Result},
    execution::ExecError,
};
use casper_types::{
    bytesrepr::{Bytes, FromBytes},
    contract_messages::{Message, MessagePayload},
    execution::TransformKindV2,
    handle_stored_dictionary_value, ApiError, CLType, CLTyped, CLValue, Key, StoredValue,
};

/// The outcome of one session, contract call or transfer, already committed to the chain:
/// what [`Chain::run_session`](crate::Chain::run_session) and the raw calls return, and what
/// [`Chain::last_execution`](crate::Chain::last_execution) shows after a typed install or call.
///
/// A failed execution is committed too (its effects are whatever the engine kept, usually
/// none), so a test can go on and check that the failure changed nothing.
#[derive(Clone, Debug)]
pub struct Execution {
    /// Gas the engine charged for the execution. Deterministic for the same wasm and inputs.
    pub gas: u64,
    /// `Ok` with the value passed to `runtime::ret` (the unit value `()` when the code returned
    /// without calling it; `None` for native transfers), or the engine's error.
    pub result: Result<Option<CLValue>, EngineError>,
    /// The messages the execution emitted (contract events), in order; none if it failed.
    pub messages: Vec<Message>,
    /// The Casper Event Standard records the execution appended to a contract's `__events`
    /// (each `event_<Name>` then the event's fields), in order; none if it failed.
    pub ces_records: Vec<Bytes>,
}

impl Execution {
    pub(crate) fn from_engine(result: &WasmV1Result) -> Self {
        let gas = result.consumed().value();
        Execution {
            gas: gas
                .try_into()
                .expect("gas is limited to a u64 by the request"),
            result: match result.error() {
                Some(error) => Err(error.clone()),
                None => Ok(result.ret().cloned()),
            },
            messages: result.messages().clone(),
            ces_records: match result.error() {
                Some(_) => Vec::new(),
                None => ces_records(result),
            },
        }
    }

    /// The events of type `E` (an `#[event]` struct of the contract) the execution recorded,
    /// decoded, in order, whatever the contract's events mode: its native messages on `E`'s
    /// topic, or if there are none its CES records of `E`:
    /// `chain.last_execution().events::<Transfer>()`.
    ///
    /// # Panics
    ///
    /// If a message on `E`'s topic or a CES record named for `E` does not decode as `E`.
    #[track_caller]
    pub fn events<E: Event + FromBytes>(&self) -> Vec<E> {
        let mut events = Vec::new();
        for message in &self.messages {
            if message.topic_name() != E::TOPIC {
                continue;
            }
            match message.payload() {
                MessagePayload::Bytes(bytes) => {
                    match casper_types::bytesrepr::deserialize_from_slice(bytes) {
                        Ok(event) => events.push(event),
                        Err(error) => panic!("a `{}` message does not decode: {error}", E::TOPIC),
                    }
                }
                MessagePayload::String(text) => {
                    panic!("a `{}` message is a string, not an event: {text}", E::TOPIC)
                }
            }
        }
        if !events.is_empty() {
            return events;
        }
        let name = ces_name::<E>();
        for record in &self.ces_records {
            let Ok((record_name, fields)) = String::from_bytes(record) else {
                continue;
            };
            if record_name != name {
                continue;
            }
            match casper_types::bytesrepr::deserialize_from_slice(fields) {
                Ok(event) => events.push(event),
                Err(error) => panic!("a CES `{name}` record does not decode: {error}"),
            }
        }
        events
    }

    /// Whether the execution succeeded.
    pub fn is_success(&self) -> bool {
        self.result.is_ok()
    }

    /// The engine's error, if the execution failed.
    pub fn error(&self) -> Option<&EngineError> {
        self.result.as_ref().err()
    }

    /// The error raised while running wasm (`EngineError::Exec`), if that is how it failed:
    /// a revert, a trap, `ExecError::MissingArgument` under strict argument checking, ...
    pub fn exec_error(&self) -> Option<&ExecError> {
        match self.error()? {
            EngineError::Exec(error) => Some(error),
            _ => None,
        }
    }

    /// The code the execution reverted with (`runtime::revert`, a failed `get_named_arg`, ...),
    /// or `None` if it succeeded or failed otherwise.
    pub fn api_error(&self) -> Option<ApiError> {
        match self.exec_error()? {
            ExecError::Revert(api_error) => Some(*api_error),
            _ => None,
        }
    }

    /// The execution, after checking that it succeeded.
    ///
    /// # Panics
    ///
    /// If the execution failed; the message shows the engine's error.
    #[track_caller]
    pub fn expect_success(&self) -> &Self {
        if let Some(error) = self.error() {
            panic!("expected the execution to succeed, but it failed: {error}\n({error:?})");
        }
        self
    }

    /// The code the execution reverted with.
    ///
    /// # Panics
    ///
    /// If the execution succeeded, or failed without reverting (e.g. a trap or a
    /// preprocessing error); the message shows what happened instead.
    #[track_caller]
    pub fn expect_revert(&self) -> ApiError {
        match (&self.result, self.api_error()) {
            (_, Some(api_error)) => api_error,
            (Ok(value), None) => {
                panic!("expected a revert, but the execution succeeded: {value:?}")
            }
            (Err(error), None) => panic!("expected a revert, but the execution failed: {error:?}"),
        }
    }

    /// The value the execution returned, as a `T`.
    ///
    /// # Panics
    ///
    /// If the execution failed, returned nothing, or returned a value of another `CLType`.
    #[track_caller]
    pub fn ret<T: CLTyped + FromBytes>(&self) -> T {
        match &self.result {
            Ok(Some(value)) => cl_value_to(value, "the return value"),
            Ok(None) => panic!("the execution returned no value (a native transfer?)"),
            Err(error) => panic!("expected a return value, but the execution failed: {error:?}"),
        }
    }
}

/// Converts `value` (described by `what`) to a `T`, panicking with both `CLType`s if it holds
/// something else.
#[track_caller]
pub(crate) fn cl_value_to<T: CLTyped + FromBytes>(value: &CLValue, what: impl Display) -> T {
    match value.to_t() {
        Ok(value) => value,
        Err(error) => panic!(
            "{what} is a {:?}, expected a {:?} ({error})",
            value.cl_type(),
            T::cl_type()
        ),
    }
}

/// The values an execution wrote to dictionaries that read as CES records: `Bytes` starting
/// with an event's name, `event_<Name>`.
fn ces_records(result: &WasmV1Result) -> Vec<Bytes> {
    result
        .effects()
        .transforms()
        .iter()
        .filter_map(|transform| {
            let (key @ Key::Dictionary(_), TransformKindV2::Write(value @ StoredValue::CLValue(_))) =
                (transform.key(), transform.kind())
            else {
                return None;
            };
            let item = handle_stored_dictionary_value(*key, value.clone()).ok()?;
            let cl_value = item.into_cl_value()?;
            if *cl_value.cl_type() != CLType::List(Box::new(CLType::U8)) {
                return None;
            }
            let record: Bytes = cl_value.into_t().ok()?;
            let name = ces::try_full_name_from_bytes(&record).ok()?;
            name.starts_with(casper_dsl::events::CES_NAME_PREFIX)
                .then_some(record)
        })
        .collect()
}
