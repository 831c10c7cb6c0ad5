//! Running cargo to build one crate's wasm module.

use std::{
    env,
    ffi::OsString,
    fs, io,
    path::{Path, PathBuf},
    process::{Command, ExitStatus, Stdio},
};

use cargo_metadata::{diagnostic::DiagnosticLevel, Message};

/// The target the examples use: wasm MVP plus mutable globals and sign extension, which the
/// Casper 2.0 engine accepts as rustc emits it.
pub const WASM32V1_NONE: &str = "wasm32v1-none";
/// The target most Casper tutorials use; on Rust ≥ 1.87 its output holds bulk-memory
/// instructions, which [`deployable`](crate::deployable) lowers.
pub const WASM32_UNKNOWN_UNKNOWN: &str = "wasm32-unknown-unknown";

/// A cargo build of one crate's wasm module:
/// `cargo rustc --lib --crate-type cdylib --profile <profile> --target <target>`.
///
/// Building the `cdylib` alone (not the crate's `rlib` too, which host tests and dependents
/// use) lets cargo apply LTO, which it does not for a crate built as both (README, "Building a
/// contract for the chain", has the sizes).
///
/// Cargo runs in the crate's directory, so its workspace profile, `.cargo/config.toml` and
/// target directory apply as in a hand-made build.
#[derive(Clone, Debug)]
pub struct CargoBuild {
    manifest: PathBuf,
    target: String,
    profile: String,
    show_progress: bool,
    color: bool,
    env: Vec<(String, String)>,
}

/// What a successful build produced.
#[derive(Clone, Debug)]
pub struct Built {
    /// Where cargo wrote the module.
    pub path: PathBuf,
    /// The module, as cargo left it.
    pub wasm: Vec<u8>,
    /// Rendered warnings and notes of the build, in cargo's order.
    pub diagnostics: Vec<String>,
}

/// Why a build produced no module.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Cargo could not be started, or the module could not be read.
    #[error("cannot build `{}`: {source}", manifest.display())]
    Io {
        /// The crate's manifest.
        manifest: PathBuf,
        /// What failed.
        source: io::Error,
    },
    /// Cargo failed; the message holds its diagnostics, and a hint for a missing target.
    #[error("building `{}` for {target} failed ({status}):\n{output}{}", manifest.display(), missing_target_hint(target, output))]
    Failed {
        /// The crate's manifest.
        manifest: PathBuf,
        /// The target asked for.
        target: String,
        /// Cargo's exit status.
        status: ExitStatus,
        /// Cargo's rendered diagnostics and captured standard error.
        output: String,
    },
    /// Cargo succeeded but built no `.wasm` for the crate.
    #[error(
        "cargo built `{}` but reported no `.wasm` for it: is it a `cdylib` \
         (`[lib] crate-type = [\"cdylib\"]`)?",
        manifest.display()
    )]
    NoWasm {
        /// The crate's manifest.
        manifest: PathBuf,
    },
}

impl CargoBuild {
    /// A release build of the crate whose manifest is `manifest`, for `target`, with cargo's
    /// progress captured and diagnostics rendered without colour.
    pub fn new(manifest: impl Into<PathBuf>, target: impl Into<String>) -> Self {
        CargoBuild {
            manifest: manifest.into(),
            target: target.into(),
            profile: "release".into(),
            show_progress: false,
            color: false,
            env: Vec::new(),
        }
    }

    /// Sets an environment variable for cargo, e.g. `CARGO_PROFILE_RELEASE_OPT_LEVEL` to try
    /// another profile setting, or `CARGO_TARGET_DIR`.
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Builds with the cargo profile `profile` instead of `release`.
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.profile = profile.into();
        self
    }

    /// Lets cargo print its progress to this process's standard error, and renders
    /// diagnostics in colour when `color` is set.
    pub fn show_progress(mut self, color: bool) -> Self {
        self.show_progress = true;
        self.color = color;
        self
    }

    /// The crate's manifest.
    pub fn manifest(&self) -> &Path {
        &self.manifest
    }

    /// The target built for.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs cargo (the one in `CARGO` when set, as under `cargo test`, else `cargo` on the
    /// path) and reads the module it built.
    ///
    /// # Errors
    ///
    /// See [`BuildError`].
    pub fn run(&self) -> Result<Built, BuildError> {
        let io_error = |source| BuildError::Io {
            manifest: self.manifest.clone(),
            source,
        };
        let output = self.command().output().map_err(io_error)?;
        let messages: Vec<Message> = Message::parse_stream(&output.stdout[..])
            .filter_map(Result::ok)
            .collect();
        let diagnostics = rendered_diagnostics(&messages);
        if !output.status.success() {
            let mut rendered = diagnostics.concat();
            rendered.push_str(&String::from_utf8_lossy(&output.stderr));
            return Err(BuildError::Failed {
                manifest: self.manifest.clone(),
                target: self.target.clone(),
                status: output.status,
                output: rendered,
            });
        }
        let path = wasm_artifact(&self.manifest, &messages).ok_or_else(|| BuildError::NoWasm {
            manifest: self.manifest.clone(),
        })?;
        let wasm = fs::read(&path).map_err(io_error)?;
        Ok(Built {
            path,
            wasm,
            diagnostics,
        })
    }

    fn command(&self) -> Command {
        let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
        let crate_dir = self.manifest.parent().unwrap_or(Path::new("."));
        let message_format = if self.color {
            "--message-format=json-diagnostic-rendered-ansi"
        } else {
            "--message-format=json"
        };
        let mut command = Command::new(cargo);
        command
            .current_dir(crate_dir)
            .args(["rustc", "--lib", "--crate-type", "cdylib"])
            .args(["--profile", &self.profile, "--target", &self.target])
            .arg(message_format)
            .arg("--manifest-path")
            .arg(&self.manifest)
            // Set by tools that wrap an outer build (coverage, sanitizers) for the host; they
            // would take precedence over the wasm crate's own flags.
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .env_remove("CARGO_BUILD_TARGET")
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .stdout(Stdio::piped())
            .stderr(if self.show_progress {
                Stdio::inherit()
            } else {
                Stdio::piped()
            });
        command
    }
}

/// The rendered text of each warning, error and note, in order.
fn rendered_diagnostics(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .filter_map(|message| match message {
            Message::CompilerMessage(message) => Some(&message.message),
            _ => None,
        })
        .filter(|diagnostic| !matches!(diagnostic.level, DiagnosticLevel::FailureNote))
        .filter_map(|diagnostic| diagnostic.rendered.clone())
        .collect()
}

/// The `.wasm` cargo reported for the package at `manifest`.
fn wasm_artifact(manifest: &Path, messages: &[Message]) -> Option<PathBuf> {
    messages
        .iter()
        .filter_map(|message| match message {
            Message::CompilerArtifact(artifact) => Some(artifact),
            _ => None,
        })
        .filter(|artifact| same_file(artifact.manifest_path.as_std_path(), manifest))
        .flat_map(|artifact| &artifact.filenames)
        .filter(|file| file.extension() == Some("wasm"))
        .map(PathBuf::from)
        .next_back()
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// A hint to install `target` when cargo's output says its standard library is missing.
fn missing_target_hint(target: &str, output: &str) -> String {
    if output.contains("E0463") || output.contains("can't find crate for `core`") {
        format!("\nhint: the {target} target is not installed; run `rustup target add {target}`")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_target_gets_the_rustup_hint() {
        let hint = missing_target_hint(WASM32V1_NONE, "error[E0463]: can't find crate for `core`");
        assert!(hint.contains("rustup target add wasm32v1-none"), "{hint}");
        assert_eq!(missing_target_hint(WASM32V1_NONE, "error[E0308]"), "");
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
        let messages: Vec<Message> = Message::parse_stream(stream.as_bytes())
            .filter_map(Result::ok)
            .collect();
        assert_eq!(
            wasm_artifact(Path::new("/ws/me/Cargo.toml"), &messages),
            Some(PathBuf::from("/ws/target/wasm32v1-none/release/me.wasm"))
        );
        assert_eq!(
            wasm_artifact(Path::new("/ws/other/Cargo.toml"), &messages),
            None
        );
    }
}
