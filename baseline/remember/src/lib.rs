//! The `remember` session written by hand against casper-contract.
#![no_std]

extern crate alloc;

use alloc::string::String;

use casper_contract::contract_api::{runtime, storage};
// The same panic handler and allocator as the DSL's sessions.
use casper_dsl as _;

#[no_mangle]
pub extern "C" fn call() {
    let name: String = runtime::get_named_arg("name");
    let value: u64 = runtime::get_named_arg("value");
    runtime::put_key(&name, storage::new_uref(value).into());
}
