//! The `remember` session on the real Casper execution engine.

use casper_dsl_testing::{runtime_args, wasm, ApiError, Chain, RuntimeArgs};

#[test]
fn session_put_key_lands_in_the_signing_account() {
    let mut chain = Chain::new();
    let signer = chain.create_funded_account();
    let before = chain.account_named_keys(signer).len();

    chain
        .run_session(
            signer,
            wasm!(),
            runtime_args! { "name" => "answer", "value" => 42u64 },
        )
        .expect_success();

    let keys = chain.account_named_keys(signer);
    assert_eq!(keys.len(), before + 1);
    let answer = *keys
        .get("answer")
        .expect("the key lands in the signer's account");
    assert_eq!(chain.read_key::<u64>(answer), 42);
    let default_account = chain.default_account();
    assert!(!chain.account_named_keys(default_account).contains("answer"));
}

#[test]
fn missing_or_mistyped_arguments_revert_and_store_nothing() {
    let mut chain = Chain::new();
    let signer = chain.create_funded_account();
    let before = chain.account_named_keys(signer);

    let missing = chain.run_session(signer, wasm!(), runtime_args! { "name" => "answer" });
    assert_eq!(missing.expect_revert(), ApiError::MissingArgument);
    let mistyped = chain.run_session(
        signer,
        wasm!(),
        runtime_args! { "name" => "answer", "value" => 1u8 },
    );
    assert_eq!(mistyped.expect_revert(), ApiError::InvalidArgument);
    let none = chain.run_session(signer, wasm!(), RuntimeArgs::new());
    assert_eq!(none.expect_revert(), ApiError::MissingArgument);

    assert_eq!(chain.account_named_keys(signer), before);
}
