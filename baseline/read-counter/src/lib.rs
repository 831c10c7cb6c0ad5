//! The `read-counter` session written by hand against casper-contract.
#![no_std]

use casper_contract::{
    contract_api::{runtime, storage},
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{contracts::ContractPackageHash, ApiError, Key, RuntimeArgs};
// The same panic handler and allocator as the DSL's sessions.
use casper_dsl as _;

#[no_mangle]
pub extern "C" fn call() {
    let hash = runtime::get_key("counter_package_hash")
        .and_then(Key::into_hash_addr)
        .unwrap_or_revert_with(ApiError::MissingKey);
    let package = ContractPackageHash::new(hash);
    let value: u64 = runtime::call_versioned_contract(package, None, "get", RuntimeArgs::new());
    runtime::put_key("counter_value", storage::new_uref(value).into());
}
