//! The `counter` example written by hand against casper-contract, as the Casper docs teach:
//! one `#[no_mangle]` function per entry point, `get_named_arg` per argument, an entry-point
//! table built by hand, and an installer that creates the count in the installing session.
#![no_std]

extern crate alloc;

use alloc::{string::String, vec, vec::Vec};

use casper_contract::{
    contract_api::{runtime, storage},
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{
    contracts::NamedKeys, ApiError, CLType, CLTyped, CLValue, EntityEntryPoint, EntryPointAccess,
    EntryPointPayment, EntryPointType, EntryPoints, Key, Parameter, URef,
};
// The same panic handler and allocator as the DSL's contracts.
use casper_dsl as _;

const COUNT: &str = "count";
const OWNER: &str = "owner";
const NOT_OWNER: ApiError = ApiError::User(1);

fn count_uref() -> URef {
    runtime::get_key(COUNT)
        .unwrap_or_revert()
        .into_uref()
        .unwrap_or_revert()
}

fn read_count(uref: URef) -> u64 {
    storage::read(uref).unwrap_or_revert().unwrap_or_revert()
}

#[no_mangle]
pub extern "C" fn increment() {
    let by: u64 = runtime::get_named_arg("by");
    let uref = count_uref();
    let next = read_count(uref).checked_add(by).unwrap_or_revert();
    storage::write(uref, next);
    runtime::ret(CLValue::from_t(next).unwrap_or_revert());
}

#[no_mangle]
pub extern "C" fn get() {
    let count = read_count(count_uref());
    runtime::ret(CLValue::from_t(count).unwrap_or_revert());
}

#[no_mangle]
pub extern "C" fn reset() {
    if runtime::get_key(OWNER) != Some(Key::Account(runtime::get_caller())) {
        runtime::revert(NOT_OWNER);
    }
    storage::write(count_uref(), 0u64);
}

#[no_mangle]
pub extern "C" fn checkpoint() {
    let label: Option<String> = runtime::try_get_named_arg("label").unwrap_or_default();
    let saved = storage::new_uref(read_count(count_uref()));
    runtime::put_key(label.as_deref().unwrap_or("checkpoint"), saved.into());
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

/// The installer: `count` and `owner` are created here and handed to the new contract.
#[no_mangle]
pub extern "C" fn call() {
    let start: u64 = runtime::get_named_arg("start");
    let mut entry_points = EntryPoints::new();
    entry_points.add_entry_point(entry_point(
        "increment",
        vec![Parameter::new("by", CLType::U64)],
        CLType::U64,
    ));
    entry_points.add_entry_point(entry_point("get", vec![], CLType::U64));
    entry_points.add_entry_point(entry_point("reset", vec![], CLType::Unit));
    entry_points.add_entry_point(entry_point(
        "checkpoint",
        vec![Parameter::new("label", Option::<String>::cl_type())],
        CLType::Unit,
    ));
    let mut named_keys = NamedKeys::new();
    named_keys.insert(String::from(COUNT), storage::new_uref(start).into());
    named_keys.insert(String::from(OWNER), Key::Account(runtime::get_caller()));
    let (contract_hash, _version) = storage::new_contract(
        entry_points,
        Some(named_keys),
        Some(String::from("counter_package_hash")),
        Some(String::from("counter_access_uref")),
        None,
    );
    runtime::put_key("counter_contract_hash", Key::Hash(contract_hash.value()));
}
