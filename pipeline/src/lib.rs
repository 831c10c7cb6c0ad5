//! Turns a contract or session crate into the module to deploy on the Casper 2.0 engine.
//!
//! - [`CargoBuild`] runs cargo for one crate's wasm module.
//! - [`deployable`] rewrites a built module into one the engine accepts: Rust ≥ 1.87 emits
//!   `memory.copy` and `memory.fill` (bulk memory) for `wasm32-unknown-unknown`, which the engine
//!   refuses at install ("Bulk memory operations are not supported"); each becomes a call of a
//!   small MVP function with the same effect. Custom sections are stripped (install gas grows
//!   with every deployed byte), and anything else the engine would refuse is reported by
//!   function and instruction.
//! - [`build_deployable`] does both; `cargo casper-dsl build` and `casper-dsl-testing` run it,
//!   so tests execute exactly the bytes that would be deployed.
//!
//! ```no_run
//! use casper_dsl_build::{build_deployable, CargoBuild, WASM32_UNKNOWN_UNKNOWN};
//!
//! let build = CargoBuild::new("examples/counter/Cargo.toml", WASM32_UNKNOWN_UNKNOWN);
//! let module = build_deployable(&build)?;
//! std::fs::write("counter.wasm", &module.deployable.wasm)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cargo;
pub mod check;
mod deployable;
mod lower;
mod pipeline;

pub use cargo::{BuildError, Built, CargoBuild, WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN};
pub use deployable::{deployable, Deployable, Unsupported};
pub use pipeline::{
    build_deployable, DeployableBuild, PipelineError, BULK_MEMORY_WARNING_ITEM, CALL_EXPORT,
};
