//! A `locked` contract: an upgrade from the installing account is refused by the engine, and
//! the installed version stays the only one.

use casper_dsl::errors;
use casper_dsl_testing::{casper_execution_engine::execution::ExecError, Chain, EngineError};
use locked_greeter::greeter::{calls, installer, upgrader};

#[test]
fn a_locked_package_refuses_a_second_version() {
    let mut chain = Chain::new();
    let first = chain.install(installer()).unwrap();
    let reinstall = chain.install(installer()).unwrap_err();
    assert_eq!(reinstall.api_error(), Some(errors::ALREADY_INSTALLED));
    let again = chain.install(upgrader()).unwrap_err();
    assert!(
        matches!(
            again.engine_error(),
            EngineError::Exec(ExecError::LockedEntity(_))
        ),
        "{again}"
    );
    let account = chain.default_account();
    assert_eq!(
        chain.contract_hash_under(account, "greeter_contract_hash"),
        first.contract_hash
    );
    assert_eq!(chain.call(&first, calls::hello()).unwrap(), "hello");
}
