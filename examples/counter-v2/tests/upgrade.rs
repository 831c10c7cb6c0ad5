//! Upgrading `counter` to `counter-v2` from the account that installed it adds a version to the
//! same package: state survives, the new entry point appears, `#[upgrade]` runs exactly once,
//! and the version it replaces is disabled. An install never silently turns into an upgrade.

use casper_dsl::errors;
use casper_dsl_testing::{Chain, Deployed, EngineError, ExecError};

fn upgraded(start: u64) -> (Chain, Deployed, Deployed) {
    let mut chain = Chain::new();
    let v1 = chain.install(counter::counter::installer(start)).unwrap();
    chain
        .call(&v1, counter::counter::calls::increment(5))
        .unwrap();
    let v2 = chain
        .install(counter_v2::counter::upgrader())
        .expect("the installer's account adds a version");
    (chain, v1, v2)
}

#[test]
fn the_new_version_joins_the_package_and_keeps_the_state() {
    let (mut chain, v1, v2) = upgraded(10);
    use counter_v2::counter::calls;
    assert_eq!(v2.package_hash, v1.package_hash);
    assert_ne!(v2.contract_hash, v1.contract_hash);
    let account = chain.default_account();
    assert_eq!(
        chain.contract_hash_under(account, "counter_contract_hash"),
        v2.contract_hash
    );
    assert_eq!(
        chain.call(&v2, calls::get()).unwrap(),
        15,
        "the count carried over"
    );
    assert_eq!(chain.call(&v2, calls::decrement(4)).unwrap(), 11);
    let v1_keys = chain.contract_named_keys(v1.contract_hash);
    let v2_keys = chain.contract_named_keys(v2.contract_hash);
    assert_eq!(v1_keys.get("count"), v2_keys.get("count"), "the same URef");
    assert!(
        v2_keys.contains("owner"),
        "the first version's keys are kept"
    );
}

#[test]
fn the_new_entry_point_is_only_in_the_new_version() {
    let (chain, v1, v2) = upgraded(1);
    let names = |deployed: &Deployed| -> Vec<String> {
        chain
            .contract_entry_points(deployed.contract_hash)
            .iter()
            .map(|entry_point| entry_point.name().to_owned())
            .collect()
    };
    assert!(!names(&v1).contains(&"decrement".to_owned()));
    assert!(names(&v2).contains(&"decrement".to_owned()));
}

#[test]
fn the_upgrade_hook_runs_once_per_version() {
    use counter_v2::counter::calls;
    let (mut chain, _, v2) = upgraded(1);
    assert_eq!(chain.call(&v2, calls::upgrades()).unwrap(), 1);
    let again = chain.call(&v2, calls::upgrade()).unwrap_err();
    assert_eq!(again.api_error(), Some(errors::ALREADY_INITIALIZED));
    let v3 = chain.install(counter_v2::counter::upgrader()).unwrap();
    assert_eq!(chain.call(&v3, calls::upgrades()).unwrap(), 2);
    assert_eq!(chain.call(&v3, calls::get()).unwrap(), 6);
}

#[test]
fn another_account_installs_its_own_package() {
    use counter_v2::counter::calls;
    let (mut chain, v1, _) = upgraded(1);
    let other = chain.create_funded_account();
    let own = chain
        .install_as(other, counter_v2::counter::installer(100))
        .unwrap();
    assert_ne!(own.package_hash, v1.package_hash);
    assert_eq!(chain.call(&own, calls::get()).unwrap(), 100);
    assert_eq!(chain.call(&own, calls::upgrades()).unwrap(), 0);
}

#[test]
fn only_the_owner_resets_checked_with_require_caller() {
    use counter_v2::counter::{calls, CounterError};
    let (mut chain, _, v2) = upgraded(1);
    let stranger = chain.create_funded_account();
    let denied = chain.call_as(stranger, &v2, calls::reset()).unwrap_err();
    assert!(denied.is(CounterError::NotOwner), "{denied}");
    assert_eq!(chain.call(&v2, calls::get()).unwrap(), 6);
    chain.call(&v2, calls::reset()).unwrap();
    assert_eq!(chain.call(&v2, calls::get()).unwrap(), 0);
}

#[test]
fn installing_again_without_asking_for_an_upgrade_changes_nothing() {
    let mut chain = Chain::new();
    let v1 = chain.install(counter::counter::installer(7)).unwrap();
    let before = chain.state_root();

    let again = chain
        .install(counter_v2::counter::installer(0))
        .unwrap_err();

    assert_eq!(
        again.api_error(),
        Some(errors::ALREADY_INSTALLED),
        "{again}"
    );
    assert_eq!(chain.state_root(), before, "nothing was created or changed");
    let account = chain.default_account();
    assert_eq!(
        chain.contract_hash_under(account, "counter_contract_hash"),
        v1.contract_hash
    );
}

#[test]
fn an_upgrade_needs_an_installed_package() {
    let mut chain = Chain::new();
    let before = chain.state_root();
    let refused = chain.install(counter_v2::counter::upgrader()).unwrap_err();
    assert_eq!(
        refused.api_error(),
        Some(errors::NOT_INSTALLED),
        "{refused}"
    );
    assert_eq!(chain.state_root(), before);
}

#[test]
fn the_replaced_version_is_disabled() {
    let (mut chain, v1, v2) = upgraded(1);
    let old = chain
        .call_pinned(&v1, counter::counter::calls::increment(1))
        .unwrap_err();
    assert!(
        matches!(
            old.engine_error(),
            EngineError::Exec(ExecError::DisabledEntity(_))
        ),
        "{old}"
    );
    assert_eq!(
        chain.call(&v2, counter_v2::counter::calls::get()).unwrap(),
        6,
        "the old version's refused call changed nothing"
    );
    // A call on the package reaches the new version, whichever handle the caller kept.
    assert_eq!(
        chain
            .call(&v1, counter::counter::calls::increment(1))
            .unwrap(),
        7
    );
}
