//! The session on a local Casper chain (the real execution engine, in-process).

use casper_dsl_testing::{runtime_args, wasm, ApiError, Chain};

#[test]
fn the_key_lands_in_the_signing_account() {
    let mut chain = Chain::new();
    let signer = chain.create_funded_account();
    chain
        .run_session(signer, wasm!(), runtime_args! { "name" => "answer", "value" => 42u64 })
        .expect_success();
    let answer = *chain.account_named_keys(signer).get("answer").expect("stored");
    assert_eq!(chain.read_key::<u64>(answer), 42);
}

#[test]
fn a_missing_argument_reverts() {
    let mut chain = Chain::new();
    let signer = chain.default_account();
    let missing = chain.run_session(signer, wasm!(), runtime_args! { "name" => "answer" });
    assert_eq!(missing.expect_revert(), ApiError::MissingArgument);
    assert!(!chain.account_named_keys(signer).contains("answer"));
}
