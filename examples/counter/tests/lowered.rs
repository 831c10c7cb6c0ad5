//! The counter built the habitual way, `--target wasm32-unknown-unknown`, is refused by the
//! engine as cargo leaves it. The lowered build of the same target runs every other test of
//! this crate under `CASPER_DSL_TARGET=wasm32-unknown-unknown` (the README's test command), and
//! `benchmark/tests/targets.rs` compares its gas with the wasm32v1-none build's.

use casper_dsl_testing::tooling::{build_wasm_as_cargo_leaves_it, WASM32_UNKNOWN_UNKNOWN};
use casper_dsl_testing::{runtime_args, Chain, EngineError};

const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_unlowered_build_is_refused_at_install() {
    let built = build_wasm_as_cargo_leaves_it(CRATE_DIR, WASM32_UNKNOWN_UNKNOWN, "release");
    let mut chain = Chain::new();
    let owner = chain.default_account();
    let install = chain.run_session(owner, built, runtime_args! { "start" => 1u64 });
    let error = install.error().expect("refused").to_string();
    assert!(
        matches!(install.error(), Some(EngineError::WasmPreprocessing(_))),
        "{error}"
    );
    assert!(
        error.contains("Bulk memory operations are not supported"),
        "{error}"
    );
}
