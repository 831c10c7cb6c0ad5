//! The counter built the habitual way, `--target wasm32-unknown-unknown`: refused by the engine
//! as cargo leaves it, deployable once lowered, and then it behaves like the `wasm32v1-none`
//! build.

use casper_dsl_testing::{
    build_wasm_as_cargo_leaves_it, build_wasm_lowered, runtime_args, wasm, Chain, EngineError,
    RuntimeArgs,
};

const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Installs `wasm` and returns the gas of install, `increment(5)` and `get()`, checking results.
fn run(wasm: &[u8]) -> [u64; 3] {
    let mut chain = Chain::new();
    let owner = chain.default_account();
    let install = chain.run_session(owner, wasm, runtime_args! { "start" => 10u64 });
    install.expect_success();
    let counter = chain.contract_hash_under(owner, "counter_contract_hash");
    let increment =
        chain.call_contract(owner, counter, "increment", runtime_args! { "by" => 5u64 });
    assert_eq!(increment.ret::<u64>(), 15);
    let get = chain.call_contract(owner, counter, "get", RuntimeArgs::new());
    assert_eq!(get.ret::<u64>(), 15);
    [install.gas, increment.gas, get.gas]
}

#[test]
fn the_unlowered_build_is_refused_at_install() {
    let built = build_wasm_as_cargo_leaves_it(CRATE_DIR, "wasm32-unknown-unknown", "release");
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

#[test]
fn the_lowered_build_installs_and_runs_like_the_wasm32v1_none_build() {
    let lowered = run(build_wasm_lowered(CRATE_DIR));
    let mvp = run(wasm!());
    println!("install / increment / get gas: lowered {lowered:?}, wasm32v1-none {mvp:?}");
    // The byte loops that replace `memory.copy` / `memory.fill` cost a little per call; engine
    // gas is deterministic, so the bound is exact: within 2 % of the wasm32v1-none build.
    for (lowered, mvp) in lowered[1..].iter().zip(&mvp[1..]) {
        assert!(*lowered * 100 <= *mvp * 102, "{lowered} vs {mvp}");
    }
}
