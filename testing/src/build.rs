//! Building a contract or session crate into wasm, at most once per crate per process.

use std::{
    collections::HashMap,
    env,
    ffi::OsString,
    fmt::Display,
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
    sync::{Mutex, OnceLock, PoisonError},
};

use cargo_metadata::Message;

/// The target contracts are built for: wasm MVP plus mutable globals, which the Casper 2.0
/// engine accepts (`wasm32-unknown-unknown` on Rust ≥ 1.87 emits bulk-memory opcodes it rejects).
pub const WASM_TARGET: &str = "wasm32v1-none";

/// Builds the crate in `crate_dir` for [`WASM_TARGET`] in release mode and returns its wasm.
///
/// Runs `cargo rustc --lib --crate-type cdylib --release --target wasm32v1-none` (the wasm
/// alone, without the crate's `rlib`) on `<crate_dir>/Cargo.toml` with the cargo that runs the
/// tests (the `CARGO` variable), from `crate_dir`, so the crate's workspace profile,
/// `.cargo/config.toml` and target directory apply as in a hand-made build. Each crate
/// is built at most once per process, also when tests run on parallel threads; parallel test
/// processes are serialised by cargo's own lock on the target directory.
///
/// Usually called through [`wasm!`](crate::wasm).
///
/// # Panics
///
/// If `crate_dir` does not exist, if the build fails (the message holds cargo's diagnostics, and
/// a hint when the `wasm32v1-none` target is not installed), or if the crate produced no `.wasm`
/// (it is not a `cdylib`).
pub fn build_wasm(crate_dir: impl AsRef<Path>) -> &'static [u8] {
    build_wasm_with_profile(crate_dir, "release")
}

/// [`build_wasm`] with the cargo profile `profile` instead of `release` (e.g. a profile that
/// inherits `release` but keeps custom sections, to measure what stripping saves).
pub fn build_wasm_with_profile(crate_dir: impl AsRef<Path>, profile: &str) -> &'static [u8] {
    build(crate_dir.as_ref(), WASM_TARGET, profile)
}

/// The crate built in release mode for `target` (as a `cdylib`, like [`build_wasm`]), as cargo
/// leaves it: for `wasm32-unknown-unknown` on Rust ≥ 1.87 that is a module the engine refuses.
/// At most once per crate and target per process.
pub fn build_wasm_for_target(crate_dir: impl AsRef<Path>, target: &'static str) -> &'static [u8] {
    build(crate_dir.as_ref(), target, "release")
}

/// The wasm of the crate in `crate_dir` built for `target` with `profile`, once per process.
fn build(crate_dir: &Path, target: &'static str, profile: &str) -> &'static [u8] {
    let crate_dir = canonical(crate_dir);
    cached((crate_dir.clone(), target, profile.to_owned()), || {
        read(&cargo_build(&crate_dir, target, profile))
    })
}

/// The crate built the way most Casper tutorials build contracts — `--release --target
/// wasm32-unknown-unknown` — then made deployable by [`casper_dsl_build::lower`] (bulk-memory
/// instructions lowered to MVP code, custom sections stripped). At most once per crate per
/// process.
///
/// # Panics
///
/// As [`build_wasm`] (the hint then names `wasm32-unknown-unknown`), or if the module holds
/// something lowering does not handle (the message lists it by function and instruction).
pub fn build_wasm_lowered(crate_dir: impl AsRef<Path>) -> &'static [u8] {
    let crate_dir = canonical(crate_dir.as_ref());
    // Built before taking the cache's lock again (it is not re-entrant).
    let built = build_wasm_for_target(&crate_dir, "wasm32-unknown-unknown");
    cached(
        (crate_dir.clone(), "lowered", "release".to_owned()),
        || match casper_dsl_build::lower(built) {
            Ok(lowered) => lowered.wasm,
            Err(problems) => panic!("cannot lower `{}`: {problems:#?}", crate_dir.display()),
        },
    )
}

/// A build: crate, target (or pipeline), profile.
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

fn read(wasm: &Path) -> Vec<u8> {
    fs::read(wasm).unwrap_or_else(|error| panic!("cannot read `{}`: {error}", wasm.display()))
}

/// What cargo and rustc print while building the crate in `crate_dir` for `target` in release
/// mode, warnings included (cargo replays them when the build is fresh): for tests of the
/// diagnostics a build shows its user.
pub fn build_messages(crate_dir: impl AsRef<Path>, target: &str) -> String {
    let crate_dir = canonical(crate_dir.as_ref());
    let output = run_cargo(&crate_dir, target, "release");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn run_cargo(crate_dir: &Path, target: &str, profile: &str) -> Output {
    let manifest = crate_dir.join("Cargo.toml");
    cargo_command(crate_dir, &manifest, target, profile)
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "cannot run cargo to build `{}`: {error}",
                manifest.display()
            )
        })
}

/// Runs the build and returns the path of the package's `.wasm` artifact.
fn cargo_build(crate_dir: &Path, target: &str, profile: &str) -> PathBuf {
    let manifest = crate_dir.join("Cargo.toml");
    let output = run_cargo(crate_dir, target, profile);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        panic!(
            "{}",
            failure_report(&manifest, target, output.status, &stderr)
        );
    }
    wasm_artifact(&manifest, &output.stdout).unwrap_or_else(|| {
        panic!(
            "cargo built `{}` but reported no `.wasm` for it: is it a `cdylib` \
             (`[lib] crate-type = [\"cdylib\"]`)?",
            manifest.display()
        )
    })
}

fn cargo_command(crate_dir: &Path, manifest: &Path, target: &str, profile: &str) -> Command {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut command = Command::new(cargo);
    command
        .current_dir(crate_dir)
        // `cargo rustc --crate-type cdylib` builds only the wasm, also for a crate that is a
        // `cdylib` and an `rlib` (for host tests and dependents): emitting the rlib as well
        // keeps every public item linkable, which defeats inlining — measured: the `remember`
        // session is 19,113 B built both ways and 9,184 B built as a cdylib alone.
        .args(["rustc", "--lib", "--crate-type", "cdylib"])
        .args(["--profile", profile, "--target", target])
        .arg("--message-format=json-render-diagnostics")
        .arg("--manifest-path")
        .arg(manifest)
        // Set by tools that wrap the outer build (coverage, sanitizers) for the host; they
        // would take precedence over the wasm crate's own flags.
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET");
    command
}

/// Finds, in cargo's JSON message stream, the `.wasm` built for the package at `manifest`.
fn wasm_artifact(manifest: &Path, json_stream: &[u8]) -> Option<PathBuf> {
    Message::parse_stream(json_stream)
        .filter_map(Result::ok)
        .filter_map(|message| match message {
            Message::CompilerArtifact(artifact) => Some(artifact),
            _ => None,
        })
        .filter(|artifact| same_file(artifact.manifest_path.as_std_path(), manifest))
        .flat_map(|artifact| artifact.filenames)
        .filter(|file| file.extension() == Some("wasm"))
        .map(PathBuf::from)
        .last()
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || fs::canonicalize(a).is_ok_and(|a| a == b)
}

fn failure_report(manifest: &Path, target: &str, status: impl Display, stderr: &str) -> String {
    let mut report = format!(
        "building `{}` for {target} failed ({status}):\n{stderr}",
        manifest.display()
    );
    if stderr.contains("E0463") || stderr.contains("can't find crate for `core`") {
        report.push_str(&format!(
            "\nhint: the {target} target is not installed; run `rustup target add {target}`"
        ));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_target_gets_the_rustup_hint() {
        let stderr = "error[E0463]: can't find crate for `core`\n";
        let report = failure_report(
            Path::new("/x/Cargo.toml"),
            WASM_TARGET,
            "exit status: 101",
            stderr,
        );
        assert!(report.contains(stderr), "{report}");
        assert!(
            report.contains("rustup target add wasm32v1-none"),
            "{report}"
        );
    }

    #[test]
    fn other_failures_get_no_hint() {
        let report = failure_report(
            Path::new("/x/Cargo.toml"),
            WASM_TARGET,
            "exit status: 101",
            "error[E0308]",
        );
        assert!(!report.contains("rustup"), "{report}");
    }

    #[test]
    fn the_wasm_of_the_requested_package_is_found() {
        let stream = concat!(
            r#"{"reason":"compiler-artifact","package_id":"dep 0.1.0","manifest_path":"/ws/dep/Cargo.toml","target":{"kind":["cdylib"],"crate_types":["cdylib"],"name":"dep","src_path":"/ws/dep/src/lib.rs","edition":"2021","doc":true,"doctest":false,"test":true},"profile":{"opt_level":"z","debuginfo":0,"debug_assertions":false,"overflow_checks":false,"test":false},"features":[],"filenames":["/ws/target/wasm32v1-none/release/dep.wasm"],"executable":null,"fresh":true}"#,
            "\n",
            r#"{"reason":"compiler-artifact","package_id":"me 0.1.0","manifest_path":"/ws/me/Cargo.toml","target":{"kind":["cdylib"],"crate_types":["cdylib"],"name":"me","src_path":"/ws/me/src/lib.rs","edition":"2021","doc":true,"doctest":false,"test":true},"profile":{"opt_level":"z","debuginfo":0,"debug_assertions":false,"overflow_checks":false,"test":false},"features":[],"filenames":["/ws/target/wasm32v1-none/release/me.wasm"],"executable":null,"fresh":false}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
            "\n"
        );
        let found = wasm_artifact(Path::new("/ws/me/Cargo.toml"), stream.as_bytes());
        assert_eq!(
            found,
            Some(PathBuf::from("/ws/target/wasm32v1-none/release/me.wasm"))
        );
        assert_eq!(
            wasm_artifact(Path::new("/ws/other/Cargo.toml"), stream.as_bytes()),
            None
        );
    }
}
