//! `cargo casper-dsl build`: each selected crate built, made deployable and written out.

use std::{
    fs,
    io::{stderr, IsTerminal},
    path::{Path, PathBuf},
};

use crate::workspace;
use cargo_metadata::Package;
use casper_dsl_build::{
    build_deployable, CargoBuild, DeployableBuild, WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN,
};

/// Build contract and session crates into the modules to deploy.
///
/// Cargo builds each crate's `cdylib`; then bulk-memory instructions are lowered to MVP code,
/// custom sections stripped, and the module checked against what the Casper 2.0 engine accepts.
/// Each module is written to `<target dir>/casper-dsl/<crate>.wasm`.
#[derive(clap::Args)]
pub struct BuildArgs {
    /// A package to build (repeatable). Default: the package in the current directory, or else
    /// every `cdylib` package of the workspace.
    #[arg(short, long = "package", value_name = "CRATE")]
    packages: Vec<String>,
    /// The wasm target to build for.
    #[arg(long, default_value = WASM32V1_NONE, value_parser = [WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN])]
    target: String,
    /// The cargo profile to build with.
    #[arg(long, default_value = "release")]
    profile: String,
    /// Where to write the modules. Default: `casper-dsl/` in cargo's target directory.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// The `Cargo.toml` of the package or workspace. Default: found from the current directory.
    #[arg(long, value_name = "PATH")]
    manifest_path: Option<PathBuf>,
}

pub fn run(args: &BuildArgs) -> Result<(), String> {
    let metadata = workspace::metadata(args.manifest_path.as_deref())?;
    let packages = workspace::selected(&metadata, &args.packages)?;
    let out_dir = workspace::out_dir(&metadata, args.out_dir.as_deref())?;
    let failed: Vec<String> = packages
        .iter()
        .filter_map(|package| build_one(package, args, &out_dir).err())
        .collect();
    workspace::outcome(failed)
}

/// Builds `package`, prints its diagnostics and sizes, and writes its module to `out_dir`.
fn build_one(package: &Package, args: &BuildArgs, out_dir: &Path) -> Result<(), String> {
    let build = CargoBuild::new(&package.manifest_path, &args.target)
        .profile(&args.profile)
        .show_progress(stderr().is_terminal());
    let module = build_deployable(&build).map_err(|error| error.to_string())?;
    for diagnostic in &module.built.diagnostics {
        eprint!("{diagnostic}");
    }
    let destination = out_dir.join(module.file_name());
    fs::write(&destination, &module.deployable.wasm)
        .map_err(|error| format!("cannot write `{}`: {error}", destination.display()))?;
    println!("{}", summary(&module, &destination));
    Ok(())
}

/// `counter.wasm: <size> B as built -> <size> B deployable (<n> memory.copy and <n> memory.fill
/// lowered), written to target/casper-dsl/counter.wasm`.
fn summary(module: &DeployableBuild, destination: &Path) -> String {
    let deployable = &module.deployable;
    let lowered = if deployable.copies + deployable.fills == 0 {
        String::new()
    } else {
        format!(
            " ({} memory.copy and {} memory.fill lowered)",
            deployable.copies, deployable.fills
        )
    };
    format!(
        "{}: {} B as built -> {} B deployable{lowered}, written to {}",
        module.file_name().display(),
        thousands(module.built.wasm.len()),
        thousands(deployable.wasm.len()),
        destination.display()
    )
}

/// `n` with a comma between each group of three digits.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(57_791), "57,791");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
