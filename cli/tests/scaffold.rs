//! `cargo casper-dsl new`: a freshly scaffolded contract or session crate builds, and its own
//! test passes on the local chain.
//!
//! The scaffold builds into this workspace's target directory with this workspace's lock file,
//! so the engine crates it depends on are not compiled a second time.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

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
    let parent = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    succeed(casper_dsl(parent.path()).args(["new", name]).args(flags));
    let crate_dir = parent.path().join(name);
    for file in [
        "Cargo.toml",
        "rust-toolchain.toml",
        "src/lib.rs",
        "tests/chain.rs",
    ] {
        assert!(crate_dir.join(file).is_file(), "{file} scaffolded");
    }
    let workspace_lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(workspace_lock, crate_dir.join("Cargo.lock")).unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let tests = succeed(
        Command::new(cargo)
            .current_dir(&crate_dir)
            .args(["test", "--quiet"])
            .env("CARGO_TARGET_DIR", target_dir()),
    );
    assert!(tests.contains("2 passed"), "{tests}");
    (parent, crate_dir)
}

#[test]
fn a_scaffolded_contract_builds_and_its_test_passes() {
    let (_parent, crate_dir) = scaffold_and_test("fresh-counter", &[]);
    let lib = fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap();
    assert!(lib.contains("#[casper_dsl::contract]") && lib.contains("pub mod fresh_counter"));
    for target in ["wasm32v1-none", "wasm32-unknown-unknown"] {
        let built = succeed(
            casper_dsl(&crate_dir)
                .args(["build", "--target", target])
                .env("CARGO_TARGET_DIR", target_dir()),
        );
        assert!(built.starts_with("fresh_counter.wasm: "), "{built}");
    }
}

#[test]
fn a_scaffolded_session_builds_and_its_test_passes() {
    let (_parent, crate_dir) = scaffold_and_test("fresh-session", &["--session"]);
    let lib = fs::read_to_string(crate_dir.join("src/lib.rs")).unwrap();
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
