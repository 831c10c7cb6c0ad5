//! Host and wasm agree: every `tests/pass` case, which trybuild compiles on the host, is also
//! built into a wasm module for `wasm32v1-none`, as a contract crate would be. A shape that is
//! clean on the host but breaks the wasm build (an export the host never compiles, two `call`
//! symbols, a type only the wasm path requires) fails here.
//!
//! The cases are built as members of one scratch workspace under `target/`, so the runtime is
//! compiled for wasm once and each case adds one small crate.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

/// Where the scratch workspace lives: beside the workspace's own build output, so the wasm
/// dependencies stay cached between runs.
fn scratch_dir() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../target"));
    target.join("ui-wasm")
}

/// The pass cases, by file stem, sorted.
fn pass_cases() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pass");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/pass exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| {
            let stem = path
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .replace('-', "_");
            (stem, fs::read_to_string(&path).expect("a readable case"))
        })
        .collect();
    cases.sort();
    cases
}

/// Writes a crate per case (`#![no_std]` cdylib around the case's code, whose `fn main` is only
/// there for trybuild) and the workspace holding them.
fn write_workspace(root: &Path, cases: &[(String, String)]) {
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let members: Vec<String> = cases
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect();
    write_if_changed(
        &root.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n\
             [profile.dev]\npanic = \"abort\"\n\n\
             [profile.dev.package.\"*\"]\nopt-level = 1\n",
            members.join(", ")
        ),
    );
    for (name, source) in cases {
        let dir = root.join(name);
        write_if_changed(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
                 publish = false\n\n[lib]\npath = \"lib.rs\"\ncrate-type = [\"cdylib\"]\n\n\
                 [features]\nas-dependency = []\n\n\
                 [dependencies]\ncasper-dsl = {{ path = {:?} }}\n",
                runtime.display().to_string()
            ),
        );
        // The case's own crate docs (`//!`) cannot follow the header: keep them as comments.
        let source = source.replace("\n//!", "\n//").replacen("//!", "//", 1);
        write_if_changed(
            &dir.join("lib.rs"),
            &format!("#![no_std]\n#![allow(dead_code)]\nextern crate alloc;\n\n{source}"),
        );
    }
}

fn write_if_changed(path: &Path, contents: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(contents) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
}

#[test]
fn every_pass_case_also_builds_for_wasm() {
    let root = scratch_dir();
    let cases = pass_cases();
    assert!(cases.len() >= 10, "the pass cases are found: {cases:?}");
    write_workspace(&root, &cases);
    // The workspace's lock file pins the same dependency versions in the scratch workspace.
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(&lock, root.join("Cargo.lock")).expect("the workspace has a lock file");
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "--workspace",
            "--target",
            "wasm32v1-none",
            "--quiet",
        ])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "a pass case fails to build for wasm32v1-none:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let wasm_dir = root.join("target/wasm32v1-none/debug");
    for (name, source) in &cases {
        let wasm = fs::read(wasm_dir.join(format!("{name}.wasm")))
            .unwrap_or_else(|error| panic!("{name}.wasm was not written: {error}"));
        let exports = function_exports(&wasm);
        if source.contains("#[casper_dsl::session]") {
            assert_eq!(exports, ["call"], "{name}: a session exports `call` only");
        } else if source.contains("#[casper_dsl::contract") {
            assert!(
                exports.iter().any(|export| export == "call"),
                "{name}: a contract exports its installer `call`: {exports:?}"
            );
        }
    }
}

/// The names of the functions `wasm` exports.
fn function_exports(wasm: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::ExportSection(exports) = payload.expect("a valid module") {
            for export in exports {
                let export = export.expect("a valid export");
                if export.kind == wasmparser::ExternalKind::Func {
                    names.push(export.name.to_string());
                }
            }
        }
    }
    names
}
