//! `build_wasm` / `wasm!` on a real (dependency-free) crate, run on the engine.

use casper_dsl_testing::{build_wasm, wasm, Chain, RuntimeArgs};

#[test]
fn a_built_session_runs_on_the_engine() {
    let bytes = wasm!("tests/fixtures/answer");
    assert_eq!(&bytes[..4], b"\0asm");
    let mut chain = Chain::new();
    let sender = chain.default_account();
    assert_eq!(
        chain
            .run_session(sender, bytes, RuntimeArgs::new())
            .ret::<u64>(),
        42
    );
}

#[test]
fn a_crate_is_built_once_per_process() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/answer");
    let by_path = build_wasm(dir);
    let by_other_spelling = build_wasm(format!("{dir}/../answer/"));
    assert!(std::ptr::eq(by_path, by_other_spelling));
}

#[test]
#[should_panic(expected = "cannot build wasm of")]
fn a_missing_crate_is_reported() {
    build_wasm(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/no-such-crate"
    ));
}
