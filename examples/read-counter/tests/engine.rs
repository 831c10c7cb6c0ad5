//! The `read-counter` session: a value returned by a stored contract, kept in the account.

use casper_dsl_testing::{runtime_args, wasm, ApiError, Chain, RuntimeArgs};
use read_counter::read_counter::COUNTER_VALUE;

#[test]
fn keeps_the_counters_returned_value_in_the_account() {
    let mut chain = Chain::new();
    let account = chain.default_account();
    chain
        .run_session(
            account,
            wasm!("../counter"),
            runtime_args! { "start" => 40u64 },
        )
        .expect_success();
    let counter = chain.contract_hash_under(account, "counter_contract_hash");
    chain
        .call_contract(
            account,
            counter,
            "increment",
            runtime_args! { "by" => 2u64 },
        )
        .expect_success();

    chain
        .run_session(account, wasm!(), RuntimeArgs::new())
        .expect_success();

    let value = *chain
        .account_named_keys(account)
        .get(COUNTER_VALUE)
        .expect("value kept in the account");
    assert_eq!(chain.read_key::<u64>(value), 42);
    assert!(!chain.contract_named_keys(counter).contains(COUNTER_VALUE));
}

#[test]
fn without_an_installed_counter_it_reverts_and_stores_nothing() {
    let mut chain = Chain::new();
    let account = chain.default_account();
    let attempt = chain.run_session(account, wasm!(), RuntimeArgs::new());
    assert_eq!(attempt.expect_revert(), ApiError::MissingKey);
    assert!(!chain.account_named_keys(account).contains(COUNTER_VALUE));
}

#[test]
fn depending_on_the_counter_brings_none_of_its_exports() {
    assert_eq!(casper_dsl_testing::tooling::wasm_exports(wasm!()), ["call"]);
    let mut counter_exports = casper_dsl_testing::tooling::wasm_exports(wasm!("../counter"));
    counter_exports.sort();
    assert_eq!(
        counter_exports,
        ["call", "checkpoint", "get", "increment", "reset"]
    );
}
