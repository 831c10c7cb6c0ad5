//! Building a contract or session crate into wasm, at most once per crate per process, through
//! the same pipeline as `cargo casper-dsl build` (`casper_dsl_build::build_deployable`).

use std::{
    collections::HashMap,
    fmt::Display,
    fs,
    path::{Path, PathBuf},
    sync::{Mutex, OnceLock, PoisonError},
};

use casper_dsl_build::{build_deployable, CargoBuild, WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN};

/// The target tests build for unless [`TARGET_VARIABLE`] names another: wasm MVP plus mutable
/// globals, which the Casper 2.0 engine accepts as rustc emits it.
pub const WASM_TARGET: &str = WASM32V1_NONE;

/// The environment variable that picks the target [`build_wasm`] (and so [`wasm!`](crate::wasm)
/// and `Chain::install`) builds for: `wasm32v1-none` (the default) or `wasm32-unknown-unknown`
/// (then lowered). It lets one test suite prove both builds of a crate:
///
/// ```text
/// CASPER_DSL_TARGET=wasm32-unknown-unknown cargo test
/// ```
pub const TARGET_VARIABLE: &str = "CASPER_DSL_TARGET";

/// The module to deploy for the crate in `crate_dir`, built in release mode for the target
/// [`TARGET_VARIABLE`] names ([`WASM_TARGET`] by default): exactly what `cargo casper-dsl build
/// --target <target> -p <crate>` writes. See [`build_wasm_for`].
///
/// Usually called through [`wasm!`](crate::wasm).
///
/// # Panics
///
/// As [`build_wasm_for`], or if [`TARGET_VARIABLE`] names an unknown target.
pub fn build_wasm(crate_dir: impl AsRef<Path>) -> &'static [u8] {
    build_wasm_for(crate_dir, tested_target())
}

/// The target [`build_wasm`] builds for.
///
/// # Panics
///
/// If [`TARGET_VARIABLE`] is set to something other than the two wasm targets.
pub fn tested_target() -> &'static str {
    match std::env::var(TARGET_VARIABLE).as_deref() {
        Err(_) | Ok("") => WASM_TARGET,
        Ok(WASM32V1_NONE) => WASM32V1_NONE,
        Ok(WASM32_UNKNOWN_UNKNOWN) => WASM32_UNKNOWN_UNKNOWN,
        Ok(other) => panic!(
            "{TARGET_VARIABLE}={other}: expected {WASM32V1_NONE} or {WASM32_UNKNOWN_UNKNOWN}"
        ),
    }
}

/// The module to deploy for the crate in `crate_dir`, built in release mode for `target`
/// through the same pipeline as `cargo casper-dsl build`: for `wasm32-unknown-unknown`, the way
/// most Casper tutorials build contracts, bulk-memory instructions are lowered to MVP code; for
/// both, custom sections are stripped and the module checked against what the engine accepts.
///
/// Each crate is built at most once per target per process, also when tests run on parallel
/// threads; parallel test processes are serialised by cargo's own lock on the target directory.
/// Cargo runs in `crate_dir` with the cargo that runs the tests (the `CARGO` variable), so the
/// crate's workspace profile, `.cargo/config.toml` and target directory apply.
///
/// # Panics
///
/// If `crate_dir` does not exist, if the build fails (the message holds cargo's diagnostics, and
/// a hint when the target is not installed), if the crate produced no `.wasm` (it is not a
/// `cdylib`), or if the module is not deployable (the message names what the engine refuses).
pub fn build_wasm_for(crate_dir: impl AsRef<Path>, target: &'static str) -> &'static [u8] {
    let crate_dir = canonical(crate_dir.as_ref());
    let build = CargoBuild::new(crate_dir.join("Cargo.toml"), target);
    cached((crate_dir, target, DEPLOYABLE.to_owned()), || {
        build_deployable(&build)
            .unwrap_or_else(|error| fail(error))
            .deployable
            .wasm
    })
}

/// The crate's module as cargo leaves it, built for `target` with `profile`, without the
/// pipeline's post-processing: e.g. a `wasm32-unknown-unknown` module the engine refuses, or
/// a profile that keeps custom sections, to measure what stripping saves. At most once per
/// crate, target and profile per process.
///
/// # Panics
///
/// As [`build_wasm_for`], but for deployability.
pub fn build_wasm_as_cargo_leaves_it(
    crate_dir: impl AsRef<Path>,
    target: &'static str,
    profile: &str,
) -> &'static [u8] {
    let crate_dir = canonical(crate_dir.as_ref());
    let build = CargoBuild::new(crate_dir.join("Cargo.toml"), target).profile(profile);
    cached((crate_dir, target, profile.to_owned()), || {
        build.run().unwrap_or_else(|error| fail(error)).wasm
    })
}

/// The cache key's profile slot for the deployable pipeline (cargo profiles cannot contain `:`).
const DEPLOYABLE: &str = "release:deployable";

/// A build: crate, target, profile.
type BuildKey = (PathBuf, &'static str, String);

/// The bytes of `key`, made by `make` the first time. A failed build panics while holding the
/// lock; nothing was inserted then, so the map is still sound and a poisoned lock can be used.
fn cached(key: BuildKey, make: impl FnOnce() -> Vec<u8>) -> &'static [u8] {
    static BUILT: OnceLock<Mutex<HashMap<BuildKey, &'static [u8]>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    built
        .entry(key)
        .or_insert_with(|| Box::leak(make().into_boxed_slice()))
}

fn canonical(dir: &Path) -> PathBuf {
    fs::canonicalize(dir)
        .unwrap_or_else(|error| panic!("cannot build wasm of `{}`: {error}", dir.display()))
}

fn fail(error: impl Display) -> ! {
    panic!("{error}")
}

/// The warnings rustc prints while building the crate in `crate_dir` for `target` in release
/// mode, as a plain `cargo build` shows them (cargo replays them when the build is fresh): for
/// tests of the diagnostics a build shows its user.
///
/// # Panics
///
/// As [`build_wasm_for`], but for deployability.
pub fn build_messages(crate_dir: impl AsRef<Path>, target: &str) -> String {
    let crate_dir = canonical(crate_dir.as_ref());
    CargoBuild::new(crate_dir.join("Cargo.toml"), target)
        .run()
        .unwrap_or_else(|error| fail(error))
        .diagnostics
        .concat()
}
