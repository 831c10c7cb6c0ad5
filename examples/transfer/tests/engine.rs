//! The `transfer` session on the real Casper execution engine.

use casper_dsl_testing::{runtime_args, wasm, ApiError, Chain, FUNDED_ACCOUNT_BALANCE, U512};
use transfer::transfer::TransferError;

#[test]
fn moves_exactly_amount_motes_from_the_signers_main_purse() {
    let mut chain = Chain::new();
    let sender = chain.create_funded_account();
    let recipient = chain.create_funded_account();
    let amount = U512::from(2_500_000_000u64);
    let recipient_before = chain.balance(recipient);
    let sender_before = chain.balance(sender);

    chain
        .run_session(
            sender,
            wasm!(),
            runtime_args! { "target" => recipient, "amount" => amount },
        )
        .expect_success();

    assert_eq!(chain.balance(recipient), recipient_before + amount);
    // The engine charges gas without taking payment from the purse (the node does that), so
    // the sender's balance moves by exactly the amount too.
    assert_eq!(chain.balance(sender), sender_before - amount);
}

#[test]
fn insufficient_balance_reverts_with_the_user_error_and_moves_nothing() {
    let mut chain = Chain::new();
    let sender = chain.create_funded_account();
    let recipient = chain.create_funded_account();
    let recipient_before = chain.balance(recipient);
    let too_much = U512::from(FUNDED_ACCOUNT_BALANCE) * 2;

    let attempt = chain.run_session(
        sender,
        wasm!(),
        runtime_args! { "target" => recipient, "amount" => too_much },
    );

    assert_eq!(
        attempt.expect_revert(),
        ApiError::from(TransferError::InsufficientBalance)
    );
    assert_eq!(chain.balance(recipient), recipient_before);
    assert_eq!(chain.balance(sender), U512::from(FUNDED_ACCOUNT_BALANCE));
}
