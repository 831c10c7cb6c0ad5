//! casper-dsl's own tooling: what this repository's benchmark and its examples' and CLI's tests
//! use to look at builds (explicit targets and profiles, unprocessed modules, compiler
//! warnings, a module's exports). Not a stable API, and nothing a contract's tests need: they
//! use [`Chain`](crate::Chain), [`wasm!`](crate::wasm) and
//! [`TARGET_VARIABLE`](crate::TARGET_VARIABLE).

use std::path::Path;

use casper_dsl_build::CargoBuild;
use wasmparser::{ExternalKind, Parser, Payload};

pub use crate::build::{build_wasm_for, tested_target, WASM_TARGET};
use crate::build::{cached, canonical, unwrap_build};
pub use casper_dsl_build::{WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN};

/// The crate's module as cargo leaves it, built for `target` with `profile`, without the
/// pipeline's post-processing: e.g. a `wasm32-unknown-unknown` module the engine refuses, or
/// a profile that keeps custom sections, to measure what stripping saves. At most once per
/// crate, target and profile per process.
///
/// # Panics
///
/// As [`build_wasm_for`], except that the module is not checked.
#[track_caller]
pub fn build_wasm_as_cargo_leaves_it(
    crate_dir: impl AsRef<Path>,
    target: &'static str,
    profile: &str,
) -> &'static [u8] {
    let crate_dir = canonical(crate_dir.as_ref());
    let build = CargoBuild::new(crate_dir.join("Cargo.toml"), target).profile(profile);
    let built = cached((crate_dir, target, profile.to_owned()), || {
        build.run().map(|built| built.wasm)
    });
    unwrap_build(built)
}

/// The warnings rustc prints while building the crate in `crate_dir` for `target` in release
/// mode, as a plain `cargo build` shows them (cargo replays them when the build is fresh): for
/// tests of the diagnostics a build shows its user.
///
/// # Panics
///
/// As [`build_wasm_for`], except that no module is checked.
#[track_caller]
pub fn build_messages(crate_dir: impl AsRef<Path>, target: &str) -> String {
    let crate_dir = canonical(crate_dir.as_ref());
    let built = CargoBuild::new(crate_dir.join("Cargo.toml"), target).run();
    unwrap_build(built).diagnostics.concat()
}

/// The names of the functions `wasm` exports, in the module's order.
///
/// # Panics
///
/// If `wasm` is not a valid module.
#[track_caller]
pub fn wasm_exports(wasm: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::ExportSection(exports) = payload.expect("a valid wasm module") {
            for export in exports {
                let export = export.expect("a valid export");
                if export.kind == ExternalKind::Func {
                    names.push(export.name.to_string());
                }
            }
        }
    }
    names
}
