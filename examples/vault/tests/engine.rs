//! `vault` calling `counter` on the real engine, both through their generated interfaces.

use casper_dsl_testing::{ApiError, Chain, Deployed};
use counter::counter::{self as counter_contract, CounterError};
use vault::vault::{self as vault_contract, COUNTER};

fn install_both(chain: &mut Chain, start: u64) -> (Deployed, Deployed) {
    let counter = chain.install(counter_contract::installer(start)).unwrap();
    let vault = chain
        .install(vault_contract::installer(counter.package_hash))
        .unwrap();
    (counter, vault)
}

#[test]
fn a_contract_calls_another_and_uses_its_result() {
    let mut chain = Chain::new();
    let (counter, vault) = install_both(&mut chain, 10);

    let total: u64 = chain
        .call(&vault, vault_contract::calls::deposit(5))
        .unwrap();
    assert_eq!(total, 15);
    assert_eq!(
        chain.call(&vault, vault_contract::calls::total()).unwrap(),
        15
    );
    assert_eq!(
        chain
            .call(&counter, counter_contract::calls::get())
            .unwrap(),
        15
    );
    let vault_keys = chain.contract_named_keys(vault.contract_hash);
    assert_eq!(
        vault_keys.get(COUNTER),
        Some(&casper_dsl_testing::Key::Hash(counter.package_hash.value()))
    );
}

#[test]
fn the_callees_revert_reverts_the_caller_and_changes_nothing() {
    let mut chain = Chain::new();
    let (counter, vault) = install_both(&mut chain, 1);
    let overflow = chain
        .call(&vault, vault_contract::calls::deposit(u64::MAX))
        .unwrap_err();
    assert_eq!(overflow.api_error(), Some(casper_dsl::errors::PANIC));
    // `get_caller` is the account that signed the deploy, also two contracts down: a stranger
    // going through the vault is still refused by the counter.
    let stranger = chain.create_funded_account();
    let reset = chain
        .call_as(stranger, &vault, vault_contract::calls::reset())
        .unwrap_err();
    assert_eq!(
        reset.api_error(),
        Some(ApiError::from(CounterError::NotOwner))
    );
    assert_eq!(
        chain
            .call(&counter, counter_contract::calls::get())
            .unwrap(),
        1
    );
    // The installing account may, through the vault too.
    chain.call(&vault, vault_contract::calls::reset()).unwrap();
    assert_eq!(
        chain
            .call(&counter, counter_contract::calls::get())
            .unwrap(),
        0
    );
}

#[test]
fn the_vault_carries_none_of_the_counters_exports() {
    let mut exports = casper_dsl_testing::tooling::wasm_exports(casper_dsl_testing::wasm!());
    exports.sort();
    assert_eq!(exports, ["call", "deposit", "init", "reset", "total"]);
}

#[test]
fn the_vault_follows_the_counter_through_an_upgrade() {
    let mut chain = Chain::new();
    let (counter, vault) = install_both(&mut chain, 10);
    chain
        .call(&vault, vault_contract::calls::deposit(5))
        .unwrap();

    let upgraded = chain
        .install(counter_v2::counter::upgrader())
        .expect("the counter's installer upgrades it");
    assert_eq!(upgraded.package_hash, counter.package_hash);

    // The version the vault first called is disabled now: a pinned call would be refused.
    assert!(chain
        .call_pinned(&counter, counter_contract::calls::get())
        .is_err());
    let total: u64 = chain
        .call(&vault, vault_contract::calls::deposit(1))
        .expect("the vault reaches the new version");
    assert_eq!(total, 16, "the state carried over");
    assert_eq!(
        chain
            .call(&upgraded, counter_v2::counter::calls::upgrades())
            .unwrap(),
        1
    );
}
