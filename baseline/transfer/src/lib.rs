//! The `transfer` session written by hand against casper-contract.
#![no_std]

use casper_contract::{
    contract_api::{account, runtime, system},
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{account::AccountHash, ApiError, U512};
// The same panic handler and allocator as the DSL's sessions.
use casper_dsl as _;

const INSUFFICIENT_BALANCE: ApiError = ApiError::User(1);

#[no_mangle]
pub extern "C" fn call() {
    let target: AccountHash = runtime::get_named_arg("target");
    let amount: U512 = runtime::get_named_arg("amount");
    let purse = account::get_main_purse();
    if system::get_purse_balance(purse).unwrap_or_default() < amount {
        runtime::revert(INSUFFICIENT_BALANCE);
    }
    system::transfer_to_account(target, amount, None).unwrap_or_revert();
}
