//! The counter through its generated interface: typed install, typed calls, typed errors.

use casper_dsl::errors;
use casper_dsl_testing::{ApiError, Chain};
use counter::counter::{calls, installer, CounterError};

#[test]
fn install_returns_the_hashes_the_account_holds() {
    let mut chain = Chain::new();
    let counter = chain.install(installer(3)).expect("installs");
    let account = chain.default_account();
    assert_eq!(counter.name, "counter");
    assert_eq!(
        chain.contract_hash_under(account, "counter_contract_hash"),
        counter.contract_hash
    );
    let keys = chain.account_named_keys(account);
    assert_eq!(
        keys.get("counter_package_hash"),
        Some(&casper_dsl_testing::Key::Hash(counter.package_hash.value()))
    );
}

#[test]
fn calls_return_typed_values_and_their_gas() {
    let mut chain = Chain::new();
    let counter = chain.install(installer(10)).unwrap();
    let count: u64 = chain.call(&counter, calls::increment(5)).unwrap();
    assert_eq!(count, 15);
    assert!(chain.last_execution().gas > 0);
    assert_eq!(chain.call(&counter, calls::get()).unwrap(), 15);
    chain
        .call(&counter, calls::checkpoint(Some("noon".into())))
        .unwrap();
    chain.call(&counter, calls::checkpoint(None)).unwrap();
    let keys = chain.contract_named_keys(counter.contract_hash);
    assert!(keys.contains("noon") && keys.contains("checkpoint"));
}

#[test]
fn failed_calls_return_the_revert_code() {
    let mut chain = Chain::new();
    let counter = chain.install(installer(u64::MAX)).unwrap();
    let overflow = chain.call(&counter, calls::increment(1)).unwrap_err();
    assert_eq!(overflow.api_error(), Some(errors::PANIC));
    let stranger = chain.create_funded_account();
    let denied = chain
        .call_as(stranger, &counter, calls::reset())
        .unwrap_err();
    assert!(denied.is(CounterError::NotOwner), "{denied}");
    assert_eq!(chain.call(&counter, calls::get()).unwrap(), u64::MAX);
}

#[test]
fn a_bad_install_fails_before_creating_anything_and_costs_little() {
    let mut chain = Chain::new();
    let before = chain.state_root();

    let mut missing = installer(1);
    missing.args = casper_dsl_testing::RuntimeArgs::new();
    let missing = chain.install(missing).unwrap_err();
    assert_eq!(missing.api_error(), Some(ApiError::MissingArgument));

    // Five characters are 9 bytes: not a `u64`, whatever the installer is told the type is.
    let mut mistyped = installer(1);
    mistyped.args = casper_dsl_testing::runtime_args! { "start" => "seven" };
    let mistyped = chain.install(mistyped).unwrap_err();
    assert_eq!(mistyped.api_error(), Some(ApiError::InvalidArgument));

    assert_eq!(
        chain.state_root(),
        before,
        "no package, version or key was created"
    );
    chain
        .install(installer(1))
        .expect("the same chain installs it");
    let installed = chain.last_execution().gas;
    println!(
        "install gas: missing argument {}, mistyped argument {}, successful {installed}",
        missing.gas(),
        mistyped.gas()
    );
    for failed in [missing.gas(), mistyped.gas()] {
        assert!(
            failed * 20 < installed,
            "a failed install costs {failed}, a successful one {installed}"
        );
    }
}

#[test]
fn the_counter_works_on_a_network_with_addressable_entities() {
    // `enable_addressable_entity` is a one-way chainspec switch (off on mainnet and testnet
    // today). With it on, the installed version is stored as an entity, and the handles the
    // installer leaves in the account still reach it.
    let mut chain = Chain::with_addressable_entities();
    let counter = chain.install(installer(3)).expect("installs");
    assert_eq!(chain.call(&counter, calls::increment(4)).unwrap(), 7);
    assert_eq!(chain.call_pinned(&counter, calls::get()).unwrap(), 7);
    assert!(chain
        .contract_named_keys(counter.contract_hash)
        .contains("count"));
    let entity = casper_dsl_testing::Key::AddressableEntity(
        casper_dsl_testing::casper_types::EntityAddr::SmartContract(counter.contract_hash.value()),
    );
    assert!(matches!(
        chain.builder().query(None, entity, &[]),
        Ok(casper_dsl_testing::casper_types::StoredValue::AddressableEntity(_))
    ));
}

#[test]
fn the_schema_lists_the_state_argument_among_the_install_arguments() {
    let schema = counter::counter::__casper_dsl_schema();
    let arguments: Vec<_> = schema
        .install_arguments
        .iter()
        .map(|argument| (argument.name, argument.cl_type.clone(), argument.optional))
        .collect();
    assert_eq!(
        arguments,
        [("start", casper_dsl_testing::CLType::U64, false)]
    );
}
