//! The test kit on the real engine, with hand-written session modules (no workspace wasm).

use casper_dsl_testing::{
    runtime_args, ApiError, Chain, RuntimeArgs, FUNDED_ACCOUNT_BALANCE, U512,
};

/// `call` reverts with `ApiError::User(7)` (user codes start at 65,536).
const REVERT_USER_7: &str = r#"(module
  (import "env" "casper_revert" (func $revert (param i32)))
  (memory 1)
  (func (export "call") (call $revert (i32.const 65543))))"#;

/// `call` returns the u64 42 (a serialised `CLValue`: length, value, `CLType::U64` tag).
const RETURN_42: &str = r#"(module
  (import "env" "casper_ret" (func $ret (param i32 i32)))
  (memory 1)
  (data (i32.const 0) "\08\00\00\00\2a\00\00\00\00\00\00\00\05")
  (func (export "call") (call $ret (i32.const 0) (i32.const 13))))"#;

/// `call` stores the u64 42 in a new URef and puts it under the named key `answer`.
const PUT_ANSWER: &str = r#"(module
  (import "env" "casper_new_uref" (func $new_uref (param i32 i32 i32)))
  (import "env" "casper_put_key" (func $put_key (param i32 i32 i32 i32)))
  (memory 1)
  (data (i32.const 0) "\08\00\00\00\2a\00\00\00\00\00\00\00\05")
  (data (i32.const 16) "\06\00\00\00answer")
  (func (export "call")
    ;; Key::URef at 32: tag 2, then the 33 bytes of the new URef
    (i32.store8 (i32.const 32) (i32.const 2))
    (call $new_uref (i32.const 33) (i32.const 0) (i32.const 13))
    (call $put_key (i32.const 16) (i32.const 10) (i32.const 32) (i32.const 34))))"#;

fn wasm(text: &str) -> Vec<u8> {
    wat::parse_str(text).expect("valid WAT")
}

#[test]
fn a_funded_account_holds_the_funded_balance() {
    let mut chain = Chain::new();
    let account = chain.create_funded_account();
    assert_ne!(account, chain.default_account());
    assert_eq!(chain.balance(account), U512::from(FUNDED_ACCOUNT_BALANCE));
}

#[test]
fn funded_accounts_are_distinct_and_the_same_on_every_chain() {
    let (mut first, mut second) = (Chain::new(), Chain::new());
    let (a, b) = (first.create_funded_account(), first.create_funded_account());
    assert_ne!(a, b);
    assert_eq!(second.create_funded_account(), a);
}

#[test]
fn a_native_transfer_moves_exactly_the_amount() {
    let mut chain = Chain::new();
    let (alice, bob) = (chain.create_funded_account(), chain.create_funded_account());
    let amount = U512::from(5_000_000_000u64);
    chain.transfer(alice, bob, amount).expect_success();
    assert_eq!(
        chain.balance(alice),
        U512::from(FUNDED_ACCOUNT_BALANCE) - amount
    );
    assert_eq!(
        chain.balance(bob),
        U512::from(FUNDED_ACCOUNT_BALANCE) + amount
    );
}

#[test]
fn an_overdrawn_transfer_is_an_error_and_moves_nothing() {
    let mut chain = Chain::new();
    let (alice, bob) = (chain.create_funded_account(), chain.create_funded_account());
    let root = chain.state_root();
    let transfer = chain.transfer(alice, bob, U512::from(FUNDED_ACCOUNT_BALANCE) * 2);
    assert!(!transfer.is_success());
    assert!(transfer.error().is_some());
    assert_eq!(transfer.api_error(), None);
    assert_eq!(chain.balance(alice), U512::from(FUNDED_ACCOUNT_BALANCE));
    assert_eq!(chain.state_root(), root);
}

#[test]
fn a_revert_shows_its_api_error() {
    let mut chain = Chain::new();
    let sender = chain.default_account();
    let execution = chain.run_session(sender, &wasm(REVERT_USER_7), RuntimeArgs::new());
    assert!(!execution.is_success());
    assert_eq!(execution.api_error(), Some(ApiError::User(7)));
    assert_eq!(execution.expect_revert(), ApiError::User(7));
    assert!(execution.gas > 0);
}

#[test]
fn a_returned_value_is_typed_and_its_gas_is_deterministic() {
    let run = || {
        let mut chain = Chain::new();
        let sender = chain.create_funded_account();
        chain.run_session(sender, &wasm(RETURN_42), runtime_args! { "ignored" => 1u8 })
    };
    let (first, second) = (run(), run());
    assert_eq!(first.ret::<u64>(), 42);
    assert!(first.gas > 0);
    assert_eq!(first.gas, second.gas);
}

#[test]
fn code_that_returns_nothing_returns_unit() {
    let mut chain = Chain::new();
    let sender = chain.default_account();
    let execution = chain.run_session(
        sender,
        &wasm(r#"(module (memory 1) (func (export "call")))"#),
        RuntimeArgs::new(),
    );
    execution.ret::<()>();
}

#[test]
#[should_panic(expected = "the return value is a U64, expected a String")]
fn reading_a_return_value_as_the_wrong_type_names_both_types() {
    let mut chain = Chain::new();
    let sender = chain.default_account();
    chain
        .run_session(sender, &wasm(RETURN_42), RuntimeArgs::new())
        .ret::<String>();
}

#[test]
#[should_panic(expected = "expected a revert, but the execution succeeded")]
fn expecting_a_revert_of_a_success_panics() {
    let mut chain = Chain::new();
    let sender = chain.default_account();
    chain
        .run_session(sender, &wasm(RETURN_42), RuntimeArgs::new())
        .expect_revert();
}

#[test]
fn session_keys_land_in_the_signers_account() {
    let mut chain = Chain::new();
    let sender = chain.create_funded_account();
    chain
        .run_session(sender, &wasm(PUT_ANSWER), RuntimeArgs::new())
        .expect_success();
    let answer = *chain
        .account_named_keys(sender)
        .get("answer")
        .expect("`answer` was put");
    assert_eq!(chain.read_key::<u64>(answer), 42);
    assert!(chain
        .account_named_keys(chain.default_account())
        .get("answer")
        .is_none());
}

#[test]
fn a_reverted_session_changes_no_state() {
    let mut chain = Chain::new();
    let sender = chain.default_account();
    let root = chain.state_root();
    chain
        .run_session(sender, &wasm(REVERT_USER_7), RuntimeArgs::new())
        .expect_revert();
    assert_eq!(chain.state_root(), root);
}

#[test]
#[should_panic(expected = "has no named key `counter_contract_hash`; it has [\"answer\"]")]
fn a_missing_contract_name_lists_the_names_there_are() {
    let mut chain = Chain::new();
    let sender = chain.create_funded_account();
    chain
        .run_session(sender, &wasm(PUT_ANSWER), RuntimeArgs::new())
        .expect_success();
    chain.contract_hash_under(sender, "counter_contract_hash");
}

#[test]
#[should_panic(expected = "is a Key::URef(")]
fn a_named_key_that_is_no_contract_hash_is_reported() {
    let mut chain = Chain::new();
    let sender = chain.create_funded_account();
    chain
        .run_session(sender, &wasm(PUT_ANSWER), RuntimeArgs::new())
        .expect_success();
    chain.contract_hash_under(sender, "answer");
}

#[test]
fn a_chain_with_strict_argument_checking_runs_sessions() {
    let mut chain = Chain::with_strict_argument_checking();
    let sender = chain.create_funded_account();
    let execution = chain.run_session(sender, &wasm(RETURN_42), RuntimeArgs::new());
    assert_eq!(execution.ret::<u64>(), 42);
}
