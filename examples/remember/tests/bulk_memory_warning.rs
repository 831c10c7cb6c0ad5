//! Building a DSL crate the habitual way, `--target wasm32-unknown-unknown` on a toolchain that
//! emits bulk memory, warns in the crate itself (cargo hides dependencies' build-script output);
//! a `wasm32v1-none` build does not.

use casper_dsl_testing::tooling::{build_messages, WASM_TARGET};

const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn a_bulk_memory_build_warns_and_names_both_fixes() {
    let messages = build_messages(CRATE_DIR, "wasm32-unknown-unknown");
    assert!(
        messages.contains("warning: use of deprecated"),
        "{messages}"
    );
    assert!(
        messages.contains("Bulk memory operations are not supported"),
        "{messages}"
    );
    assert!(messages.contains("--target wasm32v1-none"), "{messages}");
    assert!(
        messages.contains("cargo casper-dsl build --target wasm32-unknown-unknown"),
        "{messages}"
    );
    assert!(
        messages.contains("examples/remember/src/lib.rs"),
        "{messages}"
    );
}

#[test]
fn a_wasm32v1_none_build_does_not_warn() {
    let messages = build_messages(CRATE_DIR, WASM_TARGET);
    assert!(!messages.contains("bulk-memory"), "{messages}");
}
