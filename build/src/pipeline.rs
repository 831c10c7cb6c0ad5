//! The whole way from a crate to the module to deploy: what `cargo casper-dsl build` and the
//! test kit both run, so tests execute exactly the bytes that would be deployed.

use std::path::PathBuf;

use crate::{deployable, BuildError, Built, CargoBuild, Deployable, Unsupported};

/// The deprecated item a DSL module's expansion uses when it is compiled with bulk memory, to
/// warn that the engine would refuse the module as built. The pipeline lowers bulk memory, so it
/// drops that warning.
pub const BULK_MEMORY_WARNING_ITEM: &str = "BulkMemoryIsRefusedByCasper";

/// The export the engine runs: every session and every installer has one.
pub const CALL_EXPORT: &str = "call";

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
