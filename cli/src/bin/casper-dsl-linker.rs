//! `casper-dsl-linker`: the linker `.cargo/config.toml` names for `wasm32-unknown-unknown`, so
//! that the habitual `cargo build --release --target wasm32-unknown-unknown` writes a module
//! the Casper 2.0 engine installs.
//!
//! rustc calls it as it would call the wasm linker; it runs the toolchain's own `rust-lld
//! -flavor wasm` with the same arguments, then rewrites the module it wrote, in place, through
//! the pipeline of `cargo casper-dsl build`: bulk-memory instructions lowered to MVP code, the
//! engine's checks, custom sections stripped. A module the engine would refuse fails the link,
//! with every refused construct named by function and instruction.
//!
//! ```toml
//! # .cargo/config.toml
//! [target.wasm32-unknown-unknown]
//! linker = "casper-dsl-linker"
//! ```
//!
//! Installed with `cargo casper-dsl` by `cargo install --path cli`. `CASPER_DSL_RUST_LLD` names
//! the wasm linker to run instead of the toolchain's `rust-lld`.

use std::{
    env,
    ffi::OsString,
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitCode},
};

use casper_dsl_build::deployable;
use casper_dsl_names::LINKER;

/// Overrides where the wasm linker is found.
const RUST_LLD_VARIABLE: &str = "CASPER_DSL_RUST_LLD";

/// The wasm linker's arguments that drop the name section (rustc passes one for `strip`).
const STRIP_ARGS: [&str; 4] = ["--strip-all", "--strip-debug", "-s", "-S"];

fn main() -> ExitCode {
    let args: Vec<OsString> = env::args_os().skip(1).collect();
    match link(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {LINKER}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Links with `rust-lld`, then makes the output deployable in place.
fn link(args: &[OsString]) -> Result<(), String> {
    let lld = rust_lld()?;
    let mut command = Command::new(&lld);
    if args.first().is_none_or(|first| first != "-flavor") {
        command.args(["-flavor", "wasm"]);
    }
    // The module keeps its names until the checks have named every refused function; making
    // it deployable strips them with every other custom section.
    let status = command
        .args(
            args.iter()
                .filter(|arg| !STRIP_ARGS.iter().any(|strip| arg == strip)),
        )
        .status()
        .map_err(|error| format!("cannot run `{}`: {error}", lld.display()))?;
    if !status.success() {
        return Err(format!("`{}` failed ({status})", lld.display()));
    }
    let output = output_path(args)
        .ok_or("no `-o <module>` among the linker's arguments: nothing to make deployable")?;
    make_deployable(&output)
}

/// Rewrites the linked module at `output` into one the engine accepts; a module it would refuse
/// is removed, so no stale file is left at cargo's usual path.
fn make_deployable(output: &Path) -> Result<(), String> {
    let wasm =
        fs::read(output).map_err(|error| format!("cannot read `{}`: {error}", output.display()))?;
    match deployable(&wasm) {
        Ok(module) => fs::write(output, module.wasm)
            .map_err(|error| format!("cannot write `{}`: {error}", output.display())),
        Err(problems) => {
            let _ = fs::remove_file(output);
            let list: String = problems
                .iter()
                .map(|problem| format!("\n  {problem}"))
                .collect();
            Err(format!(
                "`{}` cannot be deployed on Casper:{list}",
                output.display()
            ))
        }
    }
}

/// The file after `-o` (or `-o<file>`), also inside an `@file` of arguments, which rustc
/// writes for a long command line (one argument per line, possibly quoted).
fn output_path(args: &[OsString]) -> Option<PathBuf> {
    let mut expanded = Vec::new();
    for arg in args {
        match arg.to_str().and_then(|arg| arg.strip_prefix('@')) {
            Some(file) => {
                let contents = fs::read_to_string(file).unwrap_or_default();
                let lines = contents.lines().map(|line| line.trim().trim_matches('"'));
                expanded.extend(lines.map(OsString::from));
            }
            None => expanded.push(arg.clone()),
        }
    }
    let mut args = expanded.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-o" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|arg| arg.strip_prefix("-o")) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// `CASPER_DSL_RUST_LLD`, or `rust-lld` in the active toolchain (`rustc --print sysroot`, under
/// `lib/rustlib/<host>/bin`).
fn rust_lld() -> Result<PathBuf, String> {
    if let Some(path) = env::var_os(RUST_LLD_VARIABLE) {
        return Ok(PathBuf::from(path));
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|error| format!("cannot run rustc to find rust-lld: {error}"))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    let rustlib = sysroot.join("lib").join("rustlib");
    let lld_name = format!("rust-lld{}", env::consts::EXE_SUFFIX);
    let found = fs::read_dir(&rustlib)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path().join("bin").join(&lld_name))
        .find(|candidate| candidate.is_file());
    found.ok_or_else(|| {
        format!(
            "no rust-lld under `{}`: is this toolchain complete? (`{RUST_LLD_VARIABLE}` names \
             another wasm linker)",
            rustlib.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_output_is_found_in_every_form() {
        let expected = Some(PathBuf::from("out.wasm"));
        assert_eq!(
            output_path(&args(&["-flavor", "wasm", "-o", "out.wasm"])),
            expected
        );
        assert_eq!(
            output_path(&args(&["a.o", "-oout.wasm", "--gc-sections"])),
            expected
        );
        assert_eq!(output_path(&args(&["--no-entry"])), None);
    }

    #[test]
    fn the_output_is_found_in_a_file_of_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("linker-arguments");
        fs::write(&file, "\"--no-entry\"\n-o\n\"out.wasm\"\n").unwrap();
        let at_file = format!("@{}", file.display());
        assert_eq!(
            output_path(&args(&["-flavor", "wasm", &at_file])),
            Some(PathBuf::from("out.wasm"))
        );
    }
}
