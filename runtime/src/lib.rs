//! Casper session code and stored contracts as annotated Rust modules.
//!
//! ```
//! #[casper_dsl::contract]
//! pub mod counter {
//!     use casper_dsl::prelude::*;
//!
//!     #[init]
//!     pub fn init(start: u64) {
//!         put_key("count", storage::new_uref(start).into());
//!     }
//!
//!     #[entry_point]
//!     pub fn get() -> u64 {
//!         let uref = get_key("count").and_then(Key::into_uref).unwrap_or_revert();
//!         storage::read_or_revert(uref)
//!     }
//! }
//! ```
//!
//! (A contract crate starts with `#![no_std]` and is built as a `cdylib`; see the README.)
//!
//! * [`session`] turns a module into session code: its one `#[call]` function becomes the
//!   `call` export and runs in the signing account's context.
//! * [`contract`] turns a module into a stored contract: every `#[entry_point]` becomes an
//!   export and a row of the entry-point table, the optional `#[init]` runs once inside the
//!   contract during install, and the generated `call` export is the installer.
//!
//! Parameters are named runtime arguments (`Option<T>` ones may be omitted); a `-> T` result is
//! returned to the caller and a `-> Result<T, E>` one reverts with `E`'s [`ApiError`] on `Err`,
//! whatever the types are called: the compiler decides through the traits in [`signature`].
//! Reverts raised by the runtime itself use the codes in [`errors`].
#![no_std]
#![warn(missing_docs)]

extern crate alloc;
// On the host (trybuild, docs, unit tests, the `rlib` of a contract crate) `std` supplies the
// panic handler and allocator, so that `#![no_std]` contract crates also link there.
#[cfg(not(target_arch = "wasm32"))]
extern crate std;

pub mod access;
mod allocator;
mod args;
mod blake2b;
mod buffer;
mod cl_value;
pub mod errors;
pub mod events;
mod install;
mod interface;
mod key_bytes;
pub mod named_keys;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod signature;
pub mod state;
pub mod storage;
mod utf8;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use casper_contract;
pub use casper_dsl_macros::{call, contract, entry_point, error, init, session, upgrade};
pub use casper_dsl_names::{self as names, INSTANCE_PLACEHOLDER, UPGRADE_ARG};
pub use casper_types;
pub use casper_types::ApiError;
pub use install::AccountKeyNames;
pub use interface::{Call, Install};
pub use key_bytes::KeyBytes;
pub use signature::{Omittable, Value};

/// Everything a contract module usually needs, for `use casper_dsl::prelude::*;`.
pub mod prelude {
    pub use crate::{
        access::{
            get_caller, immediate_caller, immediate_caller_bytes, require_caller, this_package,
        },
        errors::{revert, UnwrapOrRevert},
        events::emit,
        key_bytes::KeyBytes,
        named_keys::{get_key, get_key_as, has_key, put_key, remove_key},
        state::{Fixed, Mapping, Var},
        storage, Omittable,
    };
    pub use alloc::{boxed::Box, format, string::String, string::ToString, vec, vec::Vec};
    pub use casper_contract::contract_api::{runtime, system};
    pub use casper_types::{
        account::AccountHash,
        bytesrepr::Bytes,
        contracts::{ContractHash, ContractPackageHash},
        ApiError, CLType, CLTyped, CLValue, Key, PublicKey, RuntimeArgs, URef, U128, U256, U512,
    };
}

/// Support code for the expansion of the attribute macros. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::install::{
        add_version, begin_init, begin_upgrade, entry_point, events_mode, group_entry_point,
        open_package, prepare_events, provision_groups, upgrade_requested, AccountKeys,
        LifecycleCall,
    };
    pub use crate::interface::{insert_arg, with_upgrade};
    pub use crate::signature::{
        instance_name, is_argument, is_completion, is_initial_caller, is_state, Argument,
        ArgumentReader, Completion, InstanceName, Outcome, ReadOptionalArgument,
        ReadRequiredArgument,
    };
    pub use crate::state::{installing_account, InitialState, State};
    pub use alloc::collections::BTreeMap;
    pub use alloc::string::String;
    pub use alloc::vec::Vec;
    pub use casper_types::{
        contracts::NamedKeys, CLType, CLTyped, EntryPoints, Parameter, RuntimeArgs,
    };
    pub use core::convert::Into;
    pub use core::env;
    pub use core::option::Option;
}

/// The unit tests' stand-in for the host's revert, which code on their paths references: a
/// revert there is a bug in the test, and aborts it.
#[cfg(test)]
#[no_mangle]
extern "C" fn casper_revert(code: u32) -> ! {
    panic!("reverted with code {code}")
}
