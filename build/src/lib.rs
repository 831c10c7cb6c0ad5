//! Post-link processing of contract modules for the Casper 2.0 engine.
//!
//! Rust ≥ 1.87 emits `memory.copy` and `memory.fill` (bulk memory) for `wasm32-unknown-unknown`,
//! and the engine refuses such a module at install ("Bulk memory operations are not
//! supported"). [`lower`] rewrites each of them into a call of a small MVP function with the same
//! effect, strips custom sections (install gas grows with every deployed byte), and reports, by
//! function and instruction, anything else the engine would refuse.

mod lower;

pub use lower::{lower, Lowered, Unsupported};
