//! `cargo casper-dsl schema`: each selected contract's Casper Contract Schema, written as
//! `<contract>_schema.json`.
//!
//! The schema comes from the contract module itself: `#[casper_dsl::contract]` generates, on
//! the host, a description of the contract from the same model it generates the contract from,
//! reached through the crate-level [`MODULE_MACRO`]`!(schema)`. This command builds and runs a
//! small host program that links the crate and prints that description as JSON.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use cargo_metadata::{camino::Utf8Path, Metadata, Package};

use casper_dsl_names::{MODULE_MACRO, NO_SCHEMA};

use crate::workspace;

/// Write the Casper Contract Schema of contract crates.
///
/// Each contract's schema lists its entry points (arguments, optionality, result, access), its
/// install call and arguments, its errors with their codes and its events, with doc comments as
/// descriptions; it is written to `<out dir>/<contract>_schema.json`.
#[derive(clap::Args)]
pub struct SchemaArgs {
    /// A package to describe (repeatable). Default: the package in the current directory, or
    /// else every contract package of the workspace.
    #[arg(short, long = "package", value_name = "CRATE")]
    packages: Vec<String>,
    /// Where to write the schemas. Default: `casper-dsl/` in cargo's target directory, beside
    /// the modules `cargo casper-dsl build` writes.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// The `Cargo.toml` of the package or workspace. Default: found from the current directory.
    #[arg(long, value_name = "PATH")]
    manifest_path: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> Result<(), String> {
    let metadata = workspace::metadata(args.manifest_path.as_deref())?;
    let named = !args.packages.is_empty();
    let packages = workspace::selected(&metadata, &args.packages)?;
    let out_dir = workspace::out_dir(&metadata, args.out_dir.as_deref())?;
    let toolchain = rustc_version();
    let mut failed = Vec::new();
    let mut written = Vec::new();
    for package in packages {
        match describe(&metadata, package, &toolchain) {
            Ok(Some(json)) => match write(&json, &out_dir) {
                Ok(path) => {
                    println!("{}: schema written to {}", package.name, path.display());
                    if written.contains(&path) {
                        eprintln!(
                            "warning: `{}` describes a contract another package already \
                             described: it replaced that schema",
                            package.name
                        );
                    }
                    written.push(path);
                }
                Err(error) => failed.push(error),
            },
            Ok(None) if named => failed.push(format!(
                "`{}` has no #[casper_dsl::contract] module at its crate root (session code has \
                 no schema)",
                package.name
            )),
            Ok(None) => eprintln!("{}: not a contract, skipped", package.name),
            Err(error) => failed.push(error),
        }
    }
    workspace::outcome(failed)
}

/// The schema JSON of `package`'s contract, or `None` if the crate has no contract module at
/// its root (no DSL module, or session code): builds and runs a host program that calls the
/// crate's [`MODULE_MACRO`]`!(schema)`.
fn describe(
    metadata: &Metadata,
    package: &Package,
    toolchain: &str,
) -> Result<Option<String>, String> {
    let Some(library) = linkable_library(package) else {
        return Ok(None);
    };
    let tool_dir = metadata
        .target_directory
        .join("casper-dsl")
        .join("schema-tool");
    let dir = tool_dir.join(package.name.as_str());
    write_program(metadata, package, &library, &dir)?;
    // A target directory of its own: the program is another workspace, whose builds of the
    // same packages must not replace the user's workspace's artifacts in its target directory.
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--")
        .arg(toolchain)
        .env("CARGO_TARGET_DIR", tool_dir.join("target"))
        // The program is one line; rustc's incremental cache of it has been seen to crash
        // (an ICE decoding the old expansion) after the contract's macro expansion changed.
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        if stderr.contains(MODULE_MACRO) || stderr.contains(NO_SCHEMA) {
            return Ok(None);
        }
        return Err(format!(
            "cannot describe `{}`:\n{stderr}",
            package.name.as_str()
        ));
    }
    String::from_utf8(output.stdout)
        .map(Some)
        .map_err(|error| format!("`{}`: the schema is not UTF-8: {error}", package.name))
}

/// The name the crate's library is linked under, if another crate can link it (an `rlib`
/// or `lib`; a `cdylib`-only crate cannot be a dependency).
fn linkable_library(package: &Package) -> Option<String> {
    package.targets.iter().find_map(|target| {
        let linkable = target
            .crate_types
            .iter()
            .any(|kind| matches!(kind.to_string().as_str(), "lib" | "rlib"));
        linkable.then(|| target.name.replace('-', "_"))
    })
}

/// The host program: a crate of its own (its own workspace) depending on `package` by path,
/// with the workspace's lock file, so it links the versions the workspace builds with.
fn write_program(
    metadata: &Metadata,
    package: &Package,
    library: &str,
    dir: &Utf8Path,
) -> Result<(), String> {
    let crate_dir = package
        .manifest_path
        .parent()
        .ok_or("a manifest has a directory")?;
    let manifest = format!(
        "[package]\nname = \"casper-dsl-schema-of-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[dependencies]\n{name} = {{ path = {path:?} }}\n\n[workspace]\n",
        name = package.name,
        path = crate_dir.as_str(),
    );
    let main = format!(
        "// Generated by `cargo casper-dsl schema`.\n\
         fn main() {{\n    \
             let toolchain = std::env::args().nth(1).unwrap_or_default();\n    \
             print!(\"{{}}\", {library}::{MODULE_MACRO}!(schema).to_json(&toolchain));\n\
         }}\n"
    );
    let write = |path: &Utf8Path, text: &str| {
        fs::write(path, text).map_err(|error| format!("cannot write `{path}`: {error}"))
    };
    fs::create_dir_all(dir.join("src"))
        .map_err(|error| format!("cannot create `{dir}`: {error}"))?;
    write(&dir.join("Cargo.toml"), &manifest)?;
    write(&dir.join("src").join("main.rs"), &main)?;
    let lock = metadata.workspace_root.join("Cargo.lock");
    if lock.exists() {
        fs::copy(&lock, dir.join("Cargo.lock"))
            .map_err(|error| format!("cannot copy `{lock}`: {error}"))?;
    }
    Ok(())
}

/// Writes `json` to `<out_dir>/<contract>_schema.json`, named after its `contract_name`.
fn write(json: &str, out_dir: &Path) -> Result<PathBuf, String> {
    let schema: serde_json::Value =
        serde_json::from_str(json).map_err(|error| format!("not a schema: {error}"))?;
    let name = schema["contract_name"]
        .as_str()
        .ok_or("the schema names no contract")?;
    let path = out_dir.join(format!("{name}_schema.json"));
    fs::write(&path, json)
        .map_err(|error| format!("cannot write `{}`: {error}", path.display()))?;
    Ok(path)
}

/// `rustc --version`: the schema's `toolchain`.
fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|version| version.trim().to_string())
        .unwrap_or_default()
}
