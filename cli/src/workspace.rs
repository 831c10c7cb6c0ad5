//! The workspace a command works on: its `cargo metadata`, and the packages it selects.

use std::{
    fs,
    path::{Path, PathBuf},
};

use cargo_metadata::{Metadata, MetadataCommand, Package};

/// The workspace's metadata (without dependencies), from `manifest` or the current directory.
pub fn metadata(manifest: Option<&Path>) -> Result<Metadata, String> {
    let mut metadata = MetadataCommand::new();
    metadata.no_deps();
    if let Some(manifest) = manifest {
        metadata.manifest_path(manifest);
    }
    metadata.exec().map_err(|error| error.to_string())
}

/// The packages named in `names`, or the default selection.
pub fn selected<'m>(metadata: &'m Metadata, names: &[String]) -> Result<Vec<&'m Package>, String> {
    let members = metadata.workspace_packages();
    if names.is_empty() {
        return Ok(match metadata.root_package() {
            Some(package) => vec![package],
            None => members.into_iter().filter(|p| is_cdylib(p)).collect(),
        });
    }
    names
        .iter()
        .map(|name| {
            members
                .iter()
                .copied()
                .find(|package| package.name.as_str() == name)
                .ok_or_else(|| {
                    let known: Vec<&str> = members
                        .iter()
                        .filter(|p| is_cdylib(p))
                        .map(|p| p.name.as_str())
                        .collect();
                    format!(
                        "no package `{name}` in the workspace; its cdylib packages are: {}",
                        known.join(", ")
                    )
                })
        })
        .collect()
}

/// Whether `package` builds a `cdylib` (a wasm module).
pub fn is_cdylib(package: &Package) -> bool {
    package.targets.iter().any(|target| {
        target
            .crate_types
            .iter()
            .any(|kind| kind.to_string() == "cdylib")
    })
}

/// Where a command writes its output: `chosen`, or `casper-dsl/` in cargo's target directory;
/// created if missing.
pub fn out_dir(metadata: &Metadata, chosen: Option<&Path>) -> Result<PathBuf, String> {
    let out_dir = chosen.map_or_else(
        || metadata.target_directory.join("casper-dsl").into(),
        Path::to_path_buf,
    );
    fs::create_dir_all(&out_dir)
        .map_err(|error| format!("cannot create `{}`: {error}", out_dir.display()))?;
    Ok(out_dir)
}

/// `Ok` if no selected package failed, else every failure, one `error:` line each.
pub fn outcome(failed: Vec<String>) -> Result<(), String> {
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\nerror: "))
    }
}
