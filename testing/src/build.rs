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
/// and [`Chain::install`](crate::Chain::install)) builds for: `wasm32v1-none` (the default) or
/// `wasm32-unknown-unknown` (then lowered). It lets one test suite prove both builds of a crate:
///
/// ```text
/// CASPER_DSL_TARGET=wasm32-unknown-unknown cargo test
/// ```
pub const TARGET_VARIABLE: &str = "CASPER_DSL_TARGET";

/// The module to deploy for the crate in `crate_dir`, built in release mode for the target
/// [`TARGET_VARIABLE`] names (`wasm32v1-none` by default): exactly what `cargo casper-dsl build
/// --target <target> -p <crate>` writes. For `wasm32-unknown-unknown`, the way most Casper
/// tutorials build contracts, bulk-memory instructions are lowered to MVP code; for both
/// targets, custom sections are stripped and the module is checked against what the engine
/// accepts.
///
/// Usually called through [`wasm!`](crate::wasm) (for a session) or
/// [`Chain::install`](crate::Chain::install) (for a contract).
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
/// `cdylib`), if the module is not deployable (the message names what the engine refuses), or
/// if [`TARGET_VARIABLE`] names a target other than the two above.
#[track_caller]
pub fn build_wasm(crate_dir: impl AsRef<Path>) -> &'static [u8] {
    build_wasm_for(crate_dir, tested_target())
}

/// The target [`build_wasm`] builds for: what [`TARGET_VARIABLE`] names, `wasm32v1-none` by
/// default.
///
/// # Panics
///
/// If [`TARGET_VARIABLE`] is set to something other than the two wasm targets.
#[track_caller]
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

/// [`build_wasm`] for `target` rather than the one [`TARGET_VARIABLE`] names.
///
/// # Panics
///
/// As [`build_wasm`].
#[track_caller]
pub fn build_wasm_for(crate_dir: impl AsRef<Path>, target: &'static str) -> &'static [u8] {
    let crate_dir = canonical(crate_dir.as_ref());
    let build = CargoBuild::new(crate_dir.join("Cargo.toml"), target);
    let built = cached((crate_dir, target, DEPLOYABLE.to_owned()), || {
        build_deployable(&build).map(|built| built.deployable.wasm)
    });
    unwrap_build(built)
}

/// The cache key's profile slot for the deployable pipeline (cargo profiles cannot contain `:`).
pub(crate) const DEPLOYABLE: &str = "release:deployable";

/// A build: crate, target, profile.
pub(crate) type BuildKey = (PathBuf, &'static str, String);

/// The bytes of `key`, made by `make` the first time. A failed build inserts nothing, so it is
/// tried again (and fails again) the next time it is asked for.
pub(crate) fn cached<E>(
    key: BuildKey,
    make: impl FnOnce() -> Result<Vec<u8>, E>,
) -> Result<&'static [u8], E> {
    static BUILT: OnceLock<Mutex<HashMap<BuildKey, &'static [u8]>>> = OnceLock::new();
    // A build that panicked (a bug) inserted nothing: the map is sound, use it anyway.
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(bytes) = built.get(&key) {
        return Ok(bytes);
    }
    let bytes: &'static [u8] = Box::leak(make()?.into_boxed_slice());
    built.insert(key, bytes);
    Ok(bytes)
}

/// `dir` made absolute, so every spelling of a crate's directory builds it once.
///
/// # Panics
///
/// If `dir` does not exist.
#[track_caller]
pub(crate) fn canonical(dir: &Path) -> PathBuf {
    match fs::canonicalize(dir) {
        Ok(dir) => dir,
        Err(error) => panic!("cannot build wasm of `{}`: {error}", dir.display()),
    }
}

/// The built bytes, or a panic showing why the build failed.
#[track_caller]
pub(crate) fn unwrap_build<T>(built: Result<T, impl Display>) -> T {
    match built {
        Ok(built) => built,
        Err(error) => panic!("{error}"),
    }
}
