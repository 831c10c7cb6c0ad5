//! `cargo casper-dsl schema` on the CEP-18 example: the file parses back with the Casper
//! Contract Schema crate's own types, and its entry points, argument types and access are
//! those of the entry-point table the engine stored for the installed token.

use std::{
    collections::BTreeMap,
    path::Path,
    process::{Command, Output},
};

use casper_contract_schema::{Access, ContractSchema, NamedCLType};
use casper_dsl::{
    casper_types::{EntryPointAccess, Group},
    events::EventsMode,
    schema::named,
};
use casper_dsl_testing::{Chain, U256};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs `cargo casper-dsl schema -p <package>` into `out`.
fn schema_command(package: &str, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-casper-dsl"))
        .current_dir(WORKSPACE)
        .args(["casper-dsl", "schema", "-p", package, "--out-dir"])
        .arg(out)
        .output()
        .expect("runs")
}

/// Runs `cargo casper-dsl schema -p cep18` into a new directory and parses what it wrote.
fn cep18_schema() -> ContractSchema {
    let out = tempfile::tempdir().unwrap();
    let output = schema_command("cep18", out.path());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = out.path().join("cep18_schema.json");
    assert!(stdout.contains("cep18_schema.json"), "{stdout}");
    let json = std::fs::read_to_string(&path).expect("written");
    serde_json::from_str(&json).expect("parses as a ContractSchema")
}

/// One entry point as a comparable value: its arguments (name, type), result and access.
type Shape = (Vec<(String, NamedCLType)>, NamedCLType, Vec<String>);

#[test]
fn the_cep18_schema_matches_the_table_the_engine_stored() {
    let schema = cep18_schema();
    let mut chain = Chain::new();
    let install = cep18::cep18::installer(
        "Described".into(),
        "DSC".into(),
        9,
        U256::from(1_000u64),
        None.into(),
        None.into(),
        None.into(),
    )
    .with_events_mode(EventsMode::Ces);
    let token = chain.install(install).expect("installs");

    let stored: BTreeMap<String, Shape> = chain
        .contract_entry_points(token.contract_hash)
        .into_iter()
        .filter(|entry_point| entry_point.name() != "init")
        .map(|entry_point| {
            let args = entry_point
                .args()
                .iter()
                .map(|param| (param.name().to_string(), named(param.cl_type(), "")))
                .collect();
            let groups = match entry_point.access() {
                EntryPointAccess::Public => vec![],
                EntryPointAccess::Groups(groups) => {
                    groups.iter().map(Group::value).map(String::from).collect()
                }
                other => panic!("unexpected access {other:?}"),
            };
            let shape = (args, named(entry_point.ret(), ""), groups);
            (entry_point.name().to_string(), shape)
        })
        .collect();
    let described: BTreeMap<String, Shape> = schema
        .entry_points
        .iter()
        .map(|entry_point| {
            // An `Omittable` argument (optional, and not an `Option`) is one the table leaves
            // out, so that strict argument checking lets a call omit it.
            let args = entry_point
                .arguments
                .iter()
                .filter(|arg| !arg.optional || matches!(arg.ty.0, NamedCLType::Option(_)))
                .map(|arg| (arg.name.clone(), arg.ty.0.clone()))
                .collect();
            let groups = match &entry_point.access {
                Access::Public => vec![],
                Access::Groups(groups) => groups.clone(),
            };
            let shape = (args, entry_point.return_ty.0.clone(), groups);
            (entry_point.name.clone(), shape)
        })
        .collect();
    assert_eq!(described, stored);
    assert_eq!(
        described.len(),
        14,
        "the reference's entry points but `init`"
    );
    let change_security = schema
        .entry_points
        .iter()
        .find(|entry_point| entry_point.name == "change_security")
        .unwrap();
    let lists: Vec<_> = change_security
        .arguments
        .iter()
        .map(|arg| (arg.name.as_str(), arg.ty.0.clone(), arg.optional))
        .collect();
    let key_list = NamedCLType::List(Box::new(NamedCLType::Key));
    assert_eq!(
        lists,
        [
            ("admin_list", key_list.clone(), true),
            ("minter_list", key_list.clone(), true),
            ("none_list", key_list, true)
        ],
        "each list may be left out, and is a bare list when given"
    );
}

#[test]
fn the_cep18_schema_describes_the_install_errors_and_events() {
    let schema = cep18_schema();
    assert_eq!(
        (
            schema.contract_name.as_str(),
            schema.contract_version.as_str()
        ),
        ("cep18", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        schema.toolchain.starts_with("rustc "),
        "{}",
        schema.toolchain
    );

    let call = schema.call.expect("the install call");
    assert_eq!(call.wasm_file_name, "cep18.wasm");
    let install: Vec<_> = call
        .arguments
        .iter()
        .map(|arg| (arg.name.as_str(), arg.optional))
        .collect();
    assert_eq!(
        install,
        [
            ("name", false),
            ("symbol", false),
            ("decimals", false),
            ("total_supply", false),
            ("enable_mint_burn", true),
            ("admin_list", true),
            ("minter_list", true),
            ("events_mode", true),
            ("upgrade", true),
        ]
    );
    let events_mode = call
        .arguments
        .iter()
        .find(|arg| arg.name == "events_mode")
        .unwrap();
    assert_eq!(events_mode.ty.0, NamedCLType::U8);

    let burn_target = schema
        .errors
        .iter()
        .find(|error| error.discriminant == 60018)
        .expect("the token's own errors");
    assert_eq!(burn_target.name, "InvalidBurnTarget");
    assert_eq!(
        burn_target.description.as_deref(),
        Some("`burn` of tokens the caller does not hold.")
    );
    let codes: Vec<u16> = schema
        .errors
        .iter()
        .map(|error| error.discriminant)
        .collect();
    for code in [
        60001,
        60002,
        60003,
        60010,
        60015,
        60016,
        60017,
        u16::MAX,
        65531,
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }

    let events: Vec<&str> = schema
        .events
        .iter()
        .map(|event| event.name.as_str())
        .collect();
    assert_eq!(
        events,
        [
            "Mint",
            "Burn",
            "SetAllowance",
            "IncreaseAllowance",
            "DecreaseAllowance",
            "Transfer",
            "TransferFrom",
            "ChangeSecurity"
        ]
    );
    let transfer = schema
        .types
        .iter()
        .find(|ty| ty.name() == "Transfer")
        .expect("each event's fields are a type of the schema");
    let casper_contract_schema::CustomType::Struct { members, .. } = transfer else {
        panic!("an event is a struct");
    };
    let fields: Vec<_> = members
        .iter()
        .map(|member| (member.name.as_str(), member.ty.0.clone()))
        .collect();
    assert_eq!(
        fields,
        [
            ("sender", NamedCLType::Key),
            ("recipient", NamedCLType::Key),
            ("amount", NamedCLType::U256)
        ]
    );
}

#[test]
fn session_code_has_no_schema() {
    let out = tempfile::tempdir().unwrap();
    let output = schema_command("remember", out.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("`remember` has no #[casper_dsl::contract] module at its crate root"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
}
