//! `cargo casper-dsl new`: a freshly scaffolded contract or session crate builds, its own test
//! passes on the local chain, and the habitual `cargo build --release --target
//! wasm32-unknown-unknown` writes a module the engine installs, through `casper-dsl-linker`.
//!
//! The scaffold builds into this workspace's target directory with this workspace's lock file,
//! so the engine crates it depends on are not compiled a second time.

use std::{
    env,
    ffi::OsString,
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use casper_dsl_testing::{runtime_args, Chain};

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp is in the target directory")
        .to_owned()
}

/// Runs `command` and returns its standard output, which must report success.
fn succeed(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{command:?}\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn casper_dsl(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cargo-casper-dsl"));
    command.current_dir(dir).arg("casper-dsl");
    command
}

/// Scaffolds `name` in a temporary directory with `flags`, then runs its tests.
fn scaffold_and_test(name: &str, flags: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let (parent, crate_dir) = scaffold(name, flags);
    let member = if flags.contains(&"--session") {
        "session"
    } else {
        "contract"
    };
    for file in [
        "Cargo.toml",
        "rust-toolchain.toml",
        ".cargo/config.toml",
        "src/lib.rs",
        &format!("{member}/Cargo.toml"),
        &format!("{member}/src/lib.rs"),
        &format!("{member}/tests/chain.rs"),
    ] {
        assert!(crate_dir.join(file).is_file(), "{file} scaffolded");
    }
    let tests = succeed(&mut cargo_test(&crate_dir));
    let passed = if member == "session" {
        "2 passed"
    } else {
        "3 passed"
    };
    assert!(tests.contains(passed), "{tests}");
    (parent, crate_dir)
}

/// `cargo test --quiet` in the scaffolded crate `crate_dir`.
fn cargo_test(crate_dir: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(crate_dir)
        .args(["test", "--quiet"])
        .env("CARGO_TARGET_DIR", target_dir());
    command
}

#[test]
fn a_scaffolded_contract_builds_and_its_test_passes() {
    let (_parent, crate_dir) = scaffold_and_test("fresh-counter", &[]);
    let lib = fs::read_to_string(crate_dir.join("contract/src/lib.rs")).unwrap();
    assert!(lib.contains("#[casper_dsl::contract]") && lib.contains("pub mod fresh_counter"));
    for target in ["wasm32v1-none", "wasm32-unknown-unknown"] {
        // The scaffold links wasm32-unknown-unknown with casper-dsl-linker, installed with
        // `cargo casper-dsl`.
        let built = succeed(
            casper_dsl(&crate_dir)
                .args(["build", "--target", target])
                .env("CARGO_TARGET_DIR", target_dir())
                .env("PATH", path_with_linker()),
        );
        assert!(built.starts_with("fresh_counter.wasm: "), "{built}");
    }

    // The first run wrote the gas snapshot; a figure above it fails the test.
    let snapshot = crate_dir.join("contract/tests/gas.txt");
    let figures = fs::read_to_string(&snapshot).expect("the first run writes the snapshot");
    let install = figures
        .lines()
        .find(|line| line.starts_with("wasm32v1-none") && line.ends_with(" install"))
        .expect("the install's gas is kept");
    let gas: u64 = install.split_whitespace().nth(1).unwrap().parse().unwrap();
    let lowered = format!("wasm32v1-none {} install", gas - 1);
    fs::write(&snapshot, figures.replace(install, &lowered)).unwrap();
    let rose = cargo_test(&crate_dir)
        .arg("gas_does_not_rise")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&rose.stdout) + String::from_utf8_lossy(&rose.stderr);
    assert!(!rose.status.success(), "a rise fails the test");
    assert!(
        stderr.contains(&format!(
            "install (wasm32v1-none): {} -> {gas} gas (+1)",
            gas - 1
        )),
        "{stderr}"
    );
}

#[test]
fn a_scaffolded_session_builds_and_its_test_passes() {
    let (_parent, crate_dir) = scaffold_and_test("fresh-session", &["--session"]);
    let lib = fs::read_to_string(crate_dir.join("session/src/lib.rs")).unwrap();
    assert!(lib.contains("#[casper_dsl::session]"));
}

#[test]
fn an_existing_directory_is_not_overwritten() {
    let parent = tempfile::tempdir().unwrap();
    fs::create_dir(parent.path().join("taken")).unwrap();
    let output = casper_dsl(parent.path())
        .args(["new", "taken"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(
        fs::read_dir(parent.path().join("taken")).unwrap().count(),
        0
    );
}

/// `PATH` with the directory of the `casper-dsl-linker` this package builds in front, as
/// `cargo install --path cli` would put it on the path.
fn path_with_linker() -> OsString {
    path_with(
        Path::new(env!("CARGO_BIN_EXE_casper-dsl-linker"))
            .parent()
            .unwrap(),
    )
}

/// This process's `PATH` with `dir` in front.
fn path_with(dir: &Path) -> OsString {
    let path = env::var_os("PATH").unwrap_or_default();
    env::join_paths(std::iter::once(dir.to_owned()).chain(env::split_paths(&path))).unwrap()
}

/// `cargo build --release --target wasm32-unknown-unknown` in `crate_dir`, as every Casper
/// tutorial builds, into `target_dir`; `path` is the `PATH` it runs with.
fn plain_build_command(crate_dir: &Path, target_dir: &Path, path: &OsString) -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(crate_dir)
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .env("CARGO_TARGET_DIR", target_dir)
        .env("PATH", path);
    command
}

/// [`plain_build_command`], run.
fn plain_build(crate_dir: &Path, target_dir: &Path, path: &OsString) -> Output {
    plain_build_command(crate_dir, target_dir, path)
        .output()
        .unwrap()
}

/// Installs `wasm` as the scaffold's counter, starting at 1, and adds 2: the install's gas.
fn install_and_count(wasm: &[u8]) -> u64 {
    let mut chain = Chain::new();
    let account = chain.default_account();
    let installed = chain.run_session(account, wasm, runtime_args! { "start" => 1u64 });
    installed.expect_success();
    let contract = chain.contract_hash_under(account, "fresh_linked_contract_hash");
    let counted = chain.call_contract(
        account,
        contract,
        "increment",
        runtime_args! { "by" => 2u64 },
    );
    assert_eq!(counted.expect_success().ret::<u64>(), 3);
    installed.gas
}

#[test]
fn the_plain_cargo_build_writes_a_module_the_engine_installs() {
    let (_parent, crate_dir) = scaffold("fresh-linked", &[]);
    let target_dir = target_dir().join("plain-build");

    // The tool's module first: both builds write cargo's usual path.
    let tool = succeed(
        casper_dsl(&crate_dir)
            .args(["build", "--target", "wasm32-unknown-unknown"])
            .arg("--out-dir")
            .arg(target_dir.join("tool"))
            .env("CARGO_TARGET_DIR", &target_dir)
            .env("PATH", path_with_linker()),
    );
    assert!(tool.starts_with("fresh_linked.wasm: "), "{tool}");
    let tool_module = fs::read(target_dir.join("tool/fresh_linked.wasm")).unwrap();

    let built = plain_build(&crate_dir, &target_dir, &path_with_linker());
    let messages = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "{messages}");
    assert!(
        !messages.contains("deprecated"),
        "no bulk-memory warning: {messages}"
    );
    let plain_module =
        fs::read(target_dir.join("wasm32-unknown-unknown/release/fresh_linked.wasm")).unwrap();

    let plain_gas = install_and_count(&plain_module);
    let tool_gas = install_and_count(&tool_module);
    println!(
        "plain cargo build: {} B, install {plain_gas} gas; cargo casper-dsl build: {} B, \
         install {tool_gas} gas",
        plain_module.len(),
        tool_module.len()
    );
    assert!(plain_gas <= tool_gas, "{plain_gas} > {tool_gas}");
}

#[test]
fn a_float_fails_the_plain_build_with_the_engines_report() {
    let (_parent, crate_dir) = scaffold("fresh-float", &[]);
    let lib = crate_dir.join("contract/src/lib.rs");
    let source = fs::read_to_string(&lib).unwrap();
    let with_float = source.replacen(
        "    /// The current count.",
        "    #[entry_point]\n    pub fn half(n: u64) -> u64 {\n        \
         (core::hint::black_box(n) as f64 * 0.5) as u64\n    }\n\n    /// The current count.",
        1,
    );
    assert_ne!(with_float, source, "the template documents `get`");
    fs::write(&lib, with_float).unwrap();

    let target_dir = target_dir().join("plain-build");
    let built = plain_build(&crate_dir, &target_dir, &path_with_linker());
    let messages = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success(), "{messages}");
    assert!(
        messages.contains("cannot be deployed on Casper"),
        "{messages}"
    );
    assert!(messages.contains("half"), "names the function: {messages}");
    assert!(
        messages.contains("F64Mul"),
        "names the instruction: {messages}"
    );
    assert!(
        !target_dir
            .join("wasm32-unknown-unknown/release/fresh_float.wasm")
            .exists(),
        "no undeployable module left behind"
    );
}

#[test]
fn a_configured_linker_that_is_not_installed_says_how_to_install_it() {
    let (_parent, crate_dir) = scaffold("fresh-unlinked", &[]);
    let missing = tempfile::tempdir().unwrap();
    // The scaffold's `linker = "casper-dsl-linker"`, looked up on a `PATH` without it.
    let path = path_with(missing.path());
    let linker_on_path = env::split_paths(&path).any(|dir| dir.join("casper-dsl-linker").is_file());
    let mut build = plain_build_command(&crate_dir, &target_dir().join("plain-build"), &path);
    if linker_on_path {
        // An installed linker elsewhere on this machine's path: name one that is missing.
        build.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER",
            missing.path().join("casper-dsl-linker"),
        );
    }
    let built = build.output().unwrap();
    let messages = String::from_utf8_lossy(&built.stderr);
    assert!(!built.status.success(), "{messages}");
    assert!(
        messages.contains("names the linker `casper-dsl-linker`")
            && messages.contains("cargo install --path cli"),
        "{messages}"
    );
}

/// Scaffolds `name` with `flags` in a temporary directory, with this workspace's lock file.
fn scaffold(name: &str, flags: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    succeed(casper_dsl(parent.path()).args(["new", name]).args(flags));
    let crate_dir = parent.path().join(name);
    let workspace_lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(workspace_lock, crate_dir.join("Cargo.lock")).unwrap();
    (parent, crate_dir)
}
