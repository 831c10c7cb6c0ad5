//! The generated installer of a stored contract, and the once-only guard of its `#[init]`.

use alloc::{string::String, vec::Vec};
use casper_contract::contract_api::{runtime, storage};
use casper_types::{
    contracts::NamedKeys, CLType, CLValue, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Key, Parameter, RuntimeArgs,
};

use crate::{args::raw_arg, errors};

/// Contract named key present only between the creation of a contract and its `#[init]` call.
const INIT_PENDING: &str = "__casper_dsl_init_pending";

/// A public entry point of a stored contract, paid by its caller.
pub fn entry_point(name: &str, params: Vec<Parameter>, ret: CLType) -> EntityEntryPoint {
    EntityEntryPoint::new(
        name,
        params,
        ret,
        EntryPointAccess::Public,
        EntryPointType::Called,
        EntryPointPayment::Caller,
    )
}

/// The `#[init]` call the installer makes: the init entry point's name and its arguments.
pub struct InitCall {
    entry_point: &'static str,
    args: RuntimeArgs,
}

impl InitCall {
    /// A call to `entry_point` with no arguments yet.
    pub fn new(entry_point: &'static str) -> Self {
        InitCall {
            entry_point,
            args: RuntimeArgs::new(),
        }
    }

    /// Passes the install deploy's argument `name` on to the init call, unchanged, if the
    /// deploy has it. The init entry point decodes (and validates) it.
    pub fn forward_arg(mut self, name: &str, cl_type: CLType) -> Self {
        if let Some(bytes) = raw_arg(name) {
            self.args
                .insert_cl_value(name, CLValue::from_components(cl_type, bytes));
        }
        self
    }
}

/// The installing account's named keys for contract `<name>`, spelled out at compile time.
pub struct AccountKeys {
    /// `<name>_package_hash`: the contract package (`Key::Hash`).
    pub package_hash: &'static str,
    /// `<name>_access_uref`: the package's access URef, needed to upgrade it.
    pub access_uref: &'static str,
    /// `<name>_contract_hash`: the installed contract version (`Key::Hash`).
    pub contract_hash: &'static str,
}

/// Installs a contract: creates its package and first version with `entry_points`, puts the
/// three [`AccountKeys`] (and nothing else) into the installing account, then runs `init`
/// inside the new contract.
pub fn install_contract(keys: AccountKeys, entry_points: EntryPoints, init: Option<InitCall>) {
    let mut named_keys = NamedKeys::new();
    if init.is_some() {
        named_keys.insert(String::from(INIT_PENDING), Key::Hash([0; 32]));
    }
    let (contract_hash, _version) = storage::new_contract(
        entry_points,
        Some(named_keys),
        Some(String::from(keys.package_hash)),
        Some(String::from(keys.access_uref)),
        None,
    );
    runtime::put_key(keys.contract_hash, Key::Hash(contract_hash.value()));
    if let Some(init) = init {
        runtime::call_contract::<()>(contract_hash, init.entry_point, init.args);
    }
}

/// First statement of the generated `#[init]` entry point: lets exactly one call through (the
/// installer's) and reverts every later one with [`errors::ALREADY_INITIALIZED`].
pub fn begin_init() {
    if !runtime::has_key(INIT_PENDING) {
        runtime::revert(errors::ALREADY_INITIALIZED);
    }
    runtime::remove_key(INIT_PENDING);
}
