//! The idioms of `examples/idioms` on the real Casper execution engine.

use casper_dsl_testing::{
    casper_types::{EntryPointAccess, Group},
    Chain, Deployed, ExecError, RuntimeArgs,
};
use idioms::idioms::{calls, installer, upgrader, Added, IdiomError, LIMIT, TOTAL};

fn install(start: u64) -> (Chain, Deployed) {
    let mut chain = Chain::new();
    let contract = chain.install(installer(start)).expect("installs");
    (chain, contract)
}

#[test]
fn an_err_through_a_result_alias_reverts_and_undoes_the_writes_before_it() {
    let (mut chain, contract) = install(10);
    assert_eq!(chain.call(&contract, calls::add(5, None)).unwrap(), 15);
    let before = chain.state_root();

    let refused = chain
        .call(&contract, calls::add(LIMIT, Some("too much".into())))
        .unwrap_err();

    assert!(refused.is(IdiomError::OverLimit), "{refused}");
    assert!(
        refused.execution.events::<Added>().is_empty() && refused.execution.ces_records.is_empty(),
        "the event is undone"
    );
    assert_eq!(chain.state_root(), before, "the total's write is undone");
    assert_eq!(chain.call(&contract, calls::total()).unwrap(), 15);
}

#[test]
fn an_option_parameter_behind_an_alias_may_be_left_out() {
    let (mut chain, contract) = install(0);
    let caller = chain.default_account();
    let args = RuntimeArgs::try_new(|args| args.insert("args", 7u64)).unwrap();
    let execution = chain.call_contract(caller, contract.contract_hash, "add", args);
    execution.expect_success();
    assert_eq!(execution.ret::<u64>(), 7);
    let added = execution.events::<Added>();
    assert!(added.len() == 1 && added[0].bytes.is_empty() && added[0].writer == 7);
}

#[test]
fn fields_and_parameters_keep_their_names() {
    let (mut chain, contract) = install(0);
    chain
        .call(&contract, calls::add(3, Some("memo".into())))
        .unwrap();
    let added = chain.last_execution().events::<Added>();
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].bytes.as_slice(), added[0].writer),
        (&b"memo"[..], 3)
    );
    let named_keys = chain.contract_named_keys(contract.contract_hash);
    assert!(named_keys.contains(TOTAL.name()));
}

#[test]
fn byte_vectors_go_through_the_typed_interface_in_debug_builds() {
    // This test is a debug build: casper-types' debug assertion against `Vec<u8>` is on.
    let (mut chain, contract) = install(0);
    let reversed = chain
        .call(&contract, calls::reverse(vec![1, 2, 3]))
        .unwrap();
    assert_eq!(reversed, vec![3, 2, 1]);
    assert_eq!(
        chain.call(&contract, calls::reverse(Vec::new())).unwrap(),
        Vec::<u8>::new()
    );
}

#[test]
fn an_entry_point_compiled_out_by_cfg_is_neither_in_the_table_nor_exported() {
    let (mut chain, contract) = install(0);
    let mut table: Vec<String> = chain
        .contract_entry_points(contract.contract_hash)
        .iter()
        .map(|entry_point| entry_point.name().to_string())
        .collect();
    table.sort();
    assert_eq!(table, ["add", "clear", "init", "reverse", "total"]);

    let mut exports = casper_dsl_testing::tooling::wasm_exports(casper_dsl_testing::build_wasm(
        env!("CARGO_MANIFEST_DIR"),
    ));
    exports.sort();
    assert_eq!(
        exports,
        ["add", "call", "clear", "init", "reverse", "total"]
    );

    let caller = chain.default_account();
    let execution =
        chain.call_contract(caller, contract.contract_hash, "audit", RuntimeArgs::new());
    assert!(
        matches!(execution.exec_error(), Some(ExecError::NoSuchMethod(name)) if name == "audit"),
        "{:?}",
        execution.error()
    );
}

#[test]
fn keep_previous_versions_leaves_the_replaced_version_callable() {
    let (mut chain, v1) = install(4);
    let v2 = chain.install(upgrader()).expect("upgrades");
    assert_eq!(v2.package_hash, v1.package_hash);
    assert_ne!(v2.contract_hash, v1.contract_hash);
    assert_eq!(chain.call_pinned(&v1, calls::add(1, None)).unwrap(), 5);
    assert_eq!(chain.call(&v2, calls::total()).unwrap(), 5, "one state");
}

#[test]
fn a_group_entry_point_admits_the_group_holder_and_refuses_everyone_else() {
    let (mut chain, contract) = install(10);
    let installer = chain.default_account();
    let group_uref = chain
        .account_named_keys(installer)
        .get("idioms_auditor_group")
        .copied();
    assert!(
        group_uref.is_some_and(|key| key.into_uref().is_some()),
        "the installer holds a URef of the group: {group_uref:?}"
    );
    let clear = chain
        .contract_entry_points(contract.contract_hash)
        .into_iter()
        .find(|entry_point| entry_point.name() == "clear")
        .expect("clear is in the table");
    assert_eq!(
        clear.access(),
        &EntryPointAccess::Groups(vec![Group::new("auditor")])
    );

    let stranger = chain.create_funded_account();
    let before = chain.state_root();
    let refused = chain.call_contract(
        stranger,
        contract.contract_hash,
        "clear",
        RuntimeArgs::new(),
    );
    assert!(
        matches!(refused.exec_error(), Some(ExecError::InvalidContext)),
        "{:?}",
        refused.error()
    );
    assert_eq!(chain.state_root(), before, "a refused call changes nothing");

    chain
        .call_contract(
            installer,
            contract.contract_hash,
            "clear",
            RuntimeArgs::new(),
        )
        .expect_success();
    assert_eq!(chain.call(&contract, calls::total()).unwrap(), 0);
}
