//! The contract on a local Casper chain (the real execution engine, in-process).

use casper_dsl_testing::{Chain, GasSnapshot, Key};
use {{module}}_contract::{{module}}::{calls, installer, CounterError, COUNT};

#[test]
fn installs_and_counts() {
    let mut chain = Chain::new();
    let contract = chain.install(installer(1)).expect("installs");
    assert_eq!(chain.call(&contract, calls::increment(2)).unwrap(), 3);
    assert_eq!(chain.call(&contract, calls::get()).unwrap(), 3);
    let keys = chain.contract_named_keys(contract.contract_hash);
    let count: Key = *keys.get(COUNT.name()).expect("the count is in the contract");
    assert_eq!(chain.read_key::<u64>(count), 3);
}

#[test]
fn an_overflow_reverts_and_changes_nothing() {
    let mut chain = Chain::new();
    let contract = chain.install(installer(u64::MAX)).unwrap();
    let overflow = chain.call(&contract, calls::increment(1)).unwrap_err();
    assert!(overflow.is(CounterError::Overflow), "{overflow}");
    assert_eq!(chain.call(&contract, calls::get()).unwrap(), u64::MAX);
}

/// The gas of the install and of each call, kept in `tests/gas.txt` (commit it): this test
/// fails when a change makes one of them cost more; `CASPER_DSL_UPDATE_GAS=1 cargo test`
/// writes the new figures.
#[test]
fn gas_does_not_rise() {
    let mut chain = Chain::new();
    // Relative to the package directory, where cargo runs its tests.
    let mut gas = GasSnapshot::new("tests/gas.txt");
    let contract = chain.install(installer(1)).unwrap();
    gas.record_last("install", &chain);
    chain.call(&contract, calls::increment(2)).unwrap();
    gas.record_last("increment(2)", &chain);
    chain.call(&contract, calls::get()).unwrap();
    gas.record_last("get()", &chain);
    gas.check();
}
