//! The whole way from a crate to the module to deploy: what `cargo casper-dsl build` and the
//! test kit both run, so tests execute exactly the bytes that would be deployed.

use std::path::PathBuf;

use crate::{deployable, BuildError, Built, CargoBuild, Deployable, Unsupported};

pub use casper_dsl_names::{BULK_MEMORY_WARNING_ITEM, CALL_EXPORT};

/// A crate built and made deployable.
#[derive(Debug)]
pub struct DeployableBuild {
    /// The build as cargo left it; its diagnostics without the bulk-memory warning.
    pub built: Built,
    /// The module to deploy.
    pub deployable: Deployable,
}

impl DeployableBuild {
    /// The module's file name, `<crate name>.wasm` as cargo names it.
    pub fn file_name(&self) -> PathBuf {
        self.built.path.file_name().unwrap_or_default().into()
    }
}

/// Why a crate could not be made into a deployable module.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The cargo build failed.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// The module holds what the engine refuses and lowering does not handle.
    #[error("`{}` cannot be deployed:\n{}", module.display(), list(problems))]
    Unsupported {
        /// The module as cargo left it.
        module: PathBuf,
        /// Each refused construct.
        problems: Vec<Unsupported>,
    },
    /// The module exports no `call`, so the engine has nothing to run.
    #[error(
        "`{}` exports no `call` function, so the engine has nothing to run: is the crate a \
         `#[casper_dsl::session]` or `#[casper_dsl::contract]` module, built without its \
         `as-dependency` feature?",
        module.display()
    )]
    NoCallExport {
        /// The module as cargo left it.
        module: PathBuf,
    },
}

fn list(problems: &[Unsupported]) -> String {
    problems
        .iter()
        .map(|problem| format!("  {problem}\n"))
        .collect()
}

/// Runs `build`, then makes its module deployable (see [`deployable`]) and checks that it
/// exports `call`.
///
/// # Errors
///
/// See [`PipelineError`].
pub fn build_deployable(build: &CargoBuild) -> Result<DeployableBuild, PipelineError> {
    let mut built = build.run()?;
    built
        .diagnostics
        .retain(|diagnostic| !diagnostic.contains(BULK_MEMORY_WARNING_ITEM));
    let deployable = deployable(&built.wasm).map_err(|problems| PipelineError::Unsupported {
        module: built.path.clone(),
        problems,
    })?;
    if !deployable.exports.iter().any(|name| name == CALL_EXPORT) {
        return Err(PipelineError::NoCallExport { module: built.path });
    }
    Ok(DeployableBuild { built, deployable })
}
