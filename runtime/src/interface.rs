//! The typed interface generated for every contract module: what a caller needs to call an
//! entry point or install the contract, on the host (tests) and on wasm (sessions, contracts).

use alloc::{string::String, vec::Vec};
use core::{marker::PhantomData, mem::MaybeUninit};

use casper_contract::ext_ffi;
use casper_dsl_names::{handle, EVENTS_MODE};
use casper_types::{
    contracts::{ContractHash, ContractPackageHash},
    ApiError, RuntimeArgs,
};

use crate::{
    buffer::{self, StackBuffer},
    cl_value::write_cl_type,
    errors::UnwrapOrRevert,
    events::EventsMode,
    install::AccountKeyNames,
    signature::{Argument, Value},
};

/// One call of an entry point: its exported name, its runtime arguments, and, as types, what it
/// returns (`R`) and the error it declares (`E`: the `E` of an entry point returning
/// `Result<R, E>`, `ApiError` for the others). Built by the generated
/// `calls::<entry_point>(...)` functions.
///
/// ```
/// # #[casper_dsl::contract]
/// # pub mod counter {
/// #     #[entry_point]
/// #     pub fn increment(by: u64) -> u64 { by }
/// # }
/// let call = counter::calls::increment(5);
/// assert_eq!(call.entry_point(), "increment");
/// assert_eq!(call.args().get("by").unwrap().to_t::<u64>().unwrap(), 5);
/// ```
#[must_use = "a call does nothing until it is made, e.g. with `Call::call`"]
pub struct Call<R, E = ApiError> {
    entry_point: &'static str,
    args: RuntimeArgs,
    returns: PhantomData<fn() -> Result<R, E>>,
}

impl<R, E> Call<R, E> {
    /// A call of `entry_point` with `args`; generated code builds these.
    pub fn new(entry_point: &'static str, args: RuntimeArgs) -> Self {
        Call {
            entry_point,
            args,
            returns: PhantomData,
        }
    }

    /// The exported name of the entry point.
    pub fn entry_point(&self) -> &'static str {
        self.entry_point
    }

    /// The runtime arguments of the call.
    pub fn args(&self) -> &RuntimeArgs {
        &self.args
    }

    /// The entry point's name and arguments, for callers that make the call themselves.
    pub fn into_parts(self) -> (&'static str, RuntimeArgs) {
        (self.entry_point, self.args)
    }
}

impl<R: Value, E> Call<R, E> {
    /// Makes the call from session or contract code on the latest enabled version of the
    /// contract package `package`, so it keeps working across upgrades (which disable the
    /// version they replace), and returns the entry point's result. A revert in the callee
    /// reverts the caller with the same error.
    pub fn call(self, package: ContractPackageHash) -> R {
        let hash = package.value();
        // `Option::<ContractVersion>::None` serialized: the latest enabled version.
        let latest = [0u8];
        self.make(|entry_point, args, result_size| {
            // SAFETY: the host reads the four buffers within their lengths and writes one
            // `usize` to `result_size`.
            unsafe {
                ext_ffi::casper_call_versioned_contract(
                    hash.as_ptr(),
                    hash.len(),
                    latest.as_ptr(),
                    latest.len(),
                    entry_point.as_ptr(),
                    entry_point.len(),
                    args.as_ptr(),
                    args.len(),
                    result_size,
                )
            }
        })
    }

    /// Makes the call on the contract version `contract` itself: pinned, it fails once an
    /// upgrade has disabled that version. [`Call::call`] follows upgrades.
    ///
    /// Does what `runtime::call_contract` does, for less gas: the contract hash is passed as it
    /// is, without a serialized copy.
    pub fn call_pinned(self, contract: ContractHash) -> R {
        let hash = contract.value();
        self.make(|entry_point, args, result_size| {
            // SAFETY: the host reads the three buffers within their lengths and writes one
            // `usize` to `result_size`.
            unsafe {
                ext_ffi::casper_call_contract(
                    hash.as_ptr(),
                    hash.len(),
                    entry_point.as_ptr(),
                    entry_point.len(),
                    args.as_ptr(),
                    args.len(),
                    result_size,
                )
            }
        })
    }

    /// Makes the call through `host_call` (given the serialized entry-point name and arguments
    /// and where to write the result's size; returns the host's status) and decodes the result.
    #[inline(always)]
    fn make(self, host_call: impl FnOnce(&[u8], &[u8], *mut usize) -> i32) -> R {
        let args = serialize_args(&self.args);
        let mut result_size = MaybeUninit::<usize>::uninit();
        let status = buffer::with_serialized_str(self.entry_point, |entry_point| {
            host_call(entry_point, &args, result_size.as_mut_ptr())
        });
        buffer::expect_success(status);
        // SAFETY: on success the host wrote the result's size.
        let decoded = match unsafe { result_size.assume_init() } {
            // Nothing returned (a `()` entry point): the host buffer is not set.
            0 => R::from_value_bytes(&[]),
            size => {
                let mut stack: StackBuffer = StackBuffer::uninit();
                R::from_value_bytes(&buffer::read_host_buffer_into(size, &mut stack))
            }
        };
        decoded.unwrap_or_revert()
    }
}

/// What installing a contract takes: its name, where the installing account keeps its handles,
/// the directory of the crate that builds its wasm, and the `#[init]` arguments. Built by the
/// generated `installer(...)` function; the `casper-dsl-testing` kit installs it.
pub struct Install {
    /// The contract's name (`#[casper_dsl::contract(name = "...")]`, the module's by default).
    pub name: &'static str,
    /// The names of the installing account's handles (`<name>_contract_hash`, ... by default).
    pub account_keys: AccountKeyNames,
    /// The instance's name, for a contract declared with `instance = "..."`: it replaces
    /// `{instance}` in [`Install::account_keys`] (`<name>_<instance>_contract_hash`, ...).
    pub instance: Option<String>,
    /// `CARGO_MANIFEST_DIR` of the contract's crate.
    pub crate_dir: &'static str,
    /// The install deploy's arguments: those of `#[init]`.
    pub args: RuntimeArgs,
}

impl Install {
    /// The install with the `events_mode` argument set to `mode`, for a contract that lets its
    /// installer choose how events are recorded (`events = chosen_at_install`).
    ///
    /// ```
    /// # #[casper_dsl::contract(events = chosen_at_install)]
    /// # pub mod token {
    /// #     #[event] pub struct Burn { pub amount: u64 }
    /// #     #[entry_point] pub fn get() {}
    /// # }
    /// use casper_dsl::events::EventsMode;
    ///
    /// let install = token::installer().with_events_mode(EventsMode::Ces);
    /// assert_eq!(install.args.get("events_mode").unwrap().clone().into_t::<u8>(), Ok(1));
    /// ```
    pub fn with_events_mode(mut self, mode: EventsMode) -> Self {
        insert_arg(&mut self.args, EVENTS_MODE, mode as u8);
        self
    }

    /// The installing account's named key `kind` for this contract or instance:
    /// `"package_hash"`, `"access_uref"`, `"contract_hash"` and `"contract_version"` name the
    /// handles as declared (the version is kept only when `account_keys(contract_version = ...)`
    /// names it); any other kind, such as `"admin_group"`, is `<name>[_<instance>]_<kind>`.
    ///
    /// ```
    /// # #[casper_dsl::contract(instance = "symbol")]
    /// # pub mod token {
    /// #     #[init] pub fn init(symbol: String) {}
    /// #     #[entry_point] pub fn get() {}
    /// # }
    /// assert_eq!(token::installer("CDT".into()).account_key("contract_hash"), "token_CDT_contract_hash");
    /// ```
    pub fn account_key(&self, kind: &str) -> String {
        let keys = &self.account_keys;
        let declared = match kind {
            handle::PACKAGE_HASH => Some(keys.package_hash),
            handle::ACCESS_UREF => Some(keys.access_uref),
            handle::CONTRACT_HASH => Some(keys.contract_hash),
            handle::CONTRACT_VERSION => keys.contract_version,
            _ => None,
        };
        let instance = self.instance.as_deref();
        match declared {
            Some(name) => AccountKeyNames::fill(name, instance).into_owned(),
            None => [
                &*AccountKeyNames::fill(keys.group_prefix, instance),
                "_",
                kind,
            ]
            .concat(),
        }
    }
}

/// `args` serialized as the host takes them (a `u32` count, then each name and `CLValue`), as
/// `ToBytes` would, without its general path: it clones every argument's `CLType` and links the
/// code for every value, about 7 KB in a contract that calls another.
fn serialize_args(args: &RuntimeArgs) -> Vec<u8> {
    // Room for everything but types longer than a few bytes: one allocation, usually.
    let room = args.named_args().fold(4, |room, arg| {
        room + 4 + arg.name().len() + 4 + arg.cl_value().inner_bytes().len() + 8
    });
    let mut bytes = Vec::with_capacity(room);
    let prefixed = |bytes: &mut Vec<u8>, part: &[u8]| {
        bytes.extend_from_slice(&(part.len() as u32).to_le_bytes());
        bytes.extend_from_slice(part);
    };
    bytes.extend_from_slice(&(args.len() as u32).to_le_bytes());
    for arg in args.named_args() {
        prefixed(&mut bytes, arg.name().as_bytes());
        prefixed(&mut bytes, arg.cl_value().inner_bytes());
        write_cl_type(arg.cl_value().cl_type(), &mut bytes);
    }
    bytes
}

/// Adds the argument `name` to `args` (nothing for an empty
/// [`Omittable`](crate::Omittable)); generated call builders use it.
///
/// # Panics
///
/// On the host, if `value` cannot be serialized (on wasm, reverts with the error's code).
pub fn insert_arg<T: Argument>(args: &mut RuntimeArgs, name: &str, value: T) {
    if value.is_omitted() {
        return;
    }
    match value.into_cl_value() {
        Ok(value) => args.insert_cl_value(name, value),
        #[cfg(target_arch = "wasm32")]
        Err(error) => crate::errors::revert(error),
        #[cfg(not(target_arch = "wasm32"))]
        Err(error) => panic!("cannot serialize the argument `{name}`: {error:?}"),
    }
}

/// `args` plus [`UPGRADE_ARG`](crate::UPGRADE_ARG)` = true`: the arguments of an install that
/// adds a version to the installing account's package. Generated `upgrader(...)` functions use
/// it.
pub fn with_upgrade(mut args: RuntimeArgs) -> RuntimeArgs {
    insert_arg(&mut args, crate::UPGRADE_ARG, true);
    args
}

#[cfg(test)]
mod tests {
    use alloc::{
        string::{String, ToString},
        vec,
        vec::Vec,
    };

    use casper_types::{
        bytesrepr::{Bytes, ToBytes},
        contracts::ContractVersion,
        AccessRights, Key, RuntimeArgs, URef, U256, U512,
    };

    use super::*;
    use crate::Omittable;

    #[test]
    fn inserted_arguments_are_what_runtime_args_insert_makes() {
        let key = Key::Hash([1; 32]);
        let uref = URef::new([2; 32], AccessRights::READ_ADD_WRITE);
        let mut args = RuntimeArgs::new();
        insert_arg(&mut args, "amount", U256::MAX);
        insert_arg(&mut args, "fee", U512::zero());
        insert_arg(&mut args, "owner", key);
        insert_arg(&mut args, "purse", uref);
        insert_arg(&mut args, "name", String::new());
        insert_arg(&mut args, "memo", "m".repeat(500));
        insert_arg(&mut args, "spender", Option::<Key>::None);
        insert_arg(&mut args, "recipient", Some(key));
        insert_arg(&mut args, "owners", vec![key, key]);
        insert_arg(&mut args, "pair", (key, 5u64));

        let mut expected = RuntimeArgs::new();
        expected.insert("amount", U256::MAX).unwrap();
        expected.insert("fee", U512::zero()).unwrap();
        expected.insert("owner", key).unwrap();
        expected.insert("purse", uref).unwrap();
        expected.insert("name", String::new()).unwrap();
        expected.insert("memo", "m".repeat(500)).unwrap();
        expected.insert("spender", Option::<Key>::None).unwrap();
        expected.insert("recipient", Some(key)).unwrap();
        expected.insert("owners", vec![key, key]).unwrap();
        expected.insert("pair", (key, 5u64)).unwrap();

        assert_eq!(args, expected);
        // What a call sends the host.
        assert_eq!(serialize_args(&args), expected.to_bytes().unwrap());
        assert_eq!(
            serialize_args(&RuntimeArgs::new()),
            RuntimeArgs::new().to_bytes().unwrap()
        );
    }

    #[test]
    fn a_byte_vector_argument_is_inserted_as_bytes() {
        for bytes in [vec![], vec![1u8, 2, 3]] {
            let mut args = RuntimeArgs::new();
            insert_arg(&mut args, "data", bytes.clone());
            let mut expected = RuntimeArgs::new();
            expected.insert("data", Bytes::from(bytes)).unwrap();
            assert_eq!(args, expected);
        }
    }

    #[test]
    fn an_omittable_argument_is_inserted_bare_or_not_at_all() {
        let mut args = RuntimeArgs::new();
        insert_arg(&mut args, "enable_mint_burn", Omittable(Some(1u8)));
        insert_arg(&mut args, "minter_list", Omittable::<Vec<Key>>(None));
        let mut expected = RuntimeArgs::new();
        expected.insert("enable_mint_burn", 1u8).unwrap();
        assert_eq!(args, expected);
        assert!(args.get("minter_list").is_none());
    }

    #[test]
    fn an_upgrade_is_the_arguments_plus_upgrade_true() {
        let mut args = RuntimeArgs::new();
        args.insert("symbol", "CDT".to_string()).unwrap();
        let upgraded = with_upgrade(args.clone());
        let mut expected = args;
        expected.insert(crate::UPGRADE_ARG, true).unwrap();
        assert_eq!(upgraded, expected);
    }

    #[test]
    fn a_versioned_call_asks_for_the_latest_version_as_casper_types_encodes_it() {
        // `Call::call` passes `[0]` to the host for the latest enabled version.
        assert_eq!(Option::<ContractVersion>::None.to_bytes().unwrap(), [0u8]);
    }
}
