//! The `vault` contract written by hand against casper-contract: it keeps its total in an
//! installed counter, called on its package with `runtime::call_versioned_contract`.
#![no_std]

extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use casper_contract::{
    contract_api::{runtime, storage},
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{
    contracts::{ContractPackageHash, NamedKeys},
    ApiError, CLType, CLTyped, CLValue, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Key, Parameter, RuntimeArgs,
};
// The same panic handler and allocator as the DSL's contracts.
use casper_dsl as _;

const COUNTER: &str = "counter";

fn counter() -> ContractPackageHash {
    let hash = runtime::get_key(COUNTER).and_then(Key::into_hash_addr);
    ContractPackageHash::new(hash.unwrap_or_revert_with(ApiError::MissingKey))
}

#[no_mangle]
pub extern "C" fn deposit() {
    let amount: u64 = runtime::get_named_arg("amount");
    let mut args = RuntimeArgs::new();
    args.insert("by", amount).unwrap_or_revert();
    let total: u64 = runtime::call_versioned_contract(counter(), None, "increment", args);
    runtime::ret(CLValue::from_t(total).unwrap_or_revert());
}

#[no_mangle]
pub extern "C" fn total() {
    let total: u64 = runtime::call_versioned_contract(counter(), None, "get", RuntimeArgs::new());
    runtime::ret(CLValue::from_t(total).unwrap_or_revert());
}

#[no_mangle]
pub extern "C" fn reset() {
    runtime::call_versioned_contract::<()>(counter(), None, "reset", RuntimeArgs::new());
}

fn entry_point(name: &str, params: Vec<Parameter>, ret: CLType) -> EntityEntryPoint {
    EntityEntryPoint::new(
        name,
        params,
        ret,
        EntryPointAccess::Public,
        EntryPointType::Called,
        EntryPointPayment::Caller,
    )
}

/// The installer: remembers the counter in the new contract's named keys.
#[no_mangle]
pub extern "C" fn call() {
    let counter: ContractPackageHash = runtime::get_named_arg("counter");
    let mut entry_points = EntryPoints::new();
    entry_points.add_entry_point(entry_point(
        "deposit",
        vec![Parameter::new("amount", u64::cl_type())],
        CLType::U64,
    ));
    entry_points.add_entry_point(entry_point("total", vec![], CLType::U64));
    entry_points.add_entry_point(entry_point("reset", vec![], CLType::Unit));
    let mut named_keys = NamedKeys::new();
    named_keys.insert(String::from(COUNTER), Key::Hash(counter.value()));
    let (contract_hash, _version) = storage::new_contract(
        entry_points,
        Some(named_keys),
        Some(String::from("vault_package_hash")),
        Some(String::from("vault_access_uref")),
        None,
    );
    runtime::put_key("vault_contract_hash", Key::Hash(contract_hash.value()));
}
