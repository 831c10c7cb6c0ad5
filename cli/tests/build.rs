//! `cargo casper-dsl build` on the workspace's examples: the module it writes for the habitual
//! `wasm32-unknown-unknown` target installs and runs on the local chain.

use std::{path::Path, process::Command};

use casper_dsl_testing::{runtime_args, Chain, RuntimeArgs};

const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Runs `cargo casper-dsl build` with `args` in the workspace and returns its standard output
/// and standard error, which must report success.
fn build(args: &[&str]) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-casper-dsl"))
        .current_dir(WORKSPACE)
        .args(["casper-dsl", "build"])
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stdout}\n{stderr}");
    (stdout, stderr)
}

#[test]
fn the_lowered_counter_installs_and_runs() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let (stdout, _) = build(&[
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "counter",
        "--out-dir",
        out_dir,
    ]);
    assert!(stdout.starts_with("counter.wasm: "), "{stdout}");
    assert!(stdout.contains("memory.copy"), "{stdout}");
    let wasm = std::fs::read(out.path().join("counter.wasm")).expect("written");
    assert_eq!(
        printed_size(&stdout, " B deployable"),
        wasm.len(),
        "{stdout}"
    );

    let mut chain = Chain::new();
    let owner = chain.default_account();
    chain
        .run_session(owner, &wasm, runtime_args! { "start" => 10u64 })
        .expect_success();
    let counter = chain.contract_hash_under(owner, "counter_contract_hash");
    let by_five = runtime_args! { "by" => 5u64 };
    let incremented = chain.call_contract(owner, counter, "increment", by_five);
    assert_eq!(incremented.ret::<u64>(), 15);
    let get = chain.call_contract(owner, counter, "get", RuntimeArgs::new());
    assert_eq!(get.ret::<u64>(), 15);
}

#[test]
fn the_build_tool_drops_the_bulk_memory_warning_it_makes_moot() {
    let out = tempfile::tempdir().unwrap();
    let (stdout, stderr) = build(&[
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "remember",
        "--out-dir",
        out.path().to_str().unwrap(),
    ]);
    assert!(stdout.starts_with("remember.wasm: "), "{stdout}");
    assert!(!stderr.contains("bulk-memory"), "{stderr}");
}

#[test]
fn every_selected_crate_is_written_to_the_out_dir() {
    let out = tempfile::tempdir().unwrap();
    let (stdout, _) = build(&[
        "-p",
        "remember",
        "-p",
        "transfer",
        "--out-dir",
        out.path().to_str().unwrap(),
    ]);
    for module in ["remember.wasm", "transfer.wasm"] {
        assert!(stdout.contains(&format!("{module}: ")), "{stdout}");
        assert!(out.path().join(module).is_file(), "{module}");
    }
    assert!(
        !stdout.contains("lowered"),
        "wasm32v1-none needs no lowering: {stdout}"
    );
}

#[test]
fn an_unknown_package_is_an_error_listing_the_known_ones() {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-casper-dsl"))
        .current_dir(Path::new(WORKSPACE))
        .args(["casper-dsl", "build", "-p", "no-such-crate"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("no package `no-such-crate` in the workspace")
            && stderr.contains("counter"),
        "{stderr}"
    );
}

/// The size printed just before `unit` in `line` (e.g. `57,791` before ` B deployable`).
fn printed_size(line: &str, unit: &str) -> usize {
    let before = &line[..line.find(unit).expect("the size is printed")];
    let digits = before
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .replace(',', "");
    digits.parse().expect("a number")
}
