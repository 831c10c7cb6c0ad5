//! The kit's panics point at the test that misused it (`#[track_caller]`), not at the kit's
//! own source. One test, in a binary of its own: it replaces the process's panic hook.

use std::{
    panic::{self, AssertUnwindSafe},
    sync::{
        atomic::{AtomicBool, Ordering},
        Mutex,
    },
};

use casper_dsl::{AccountKeyNames, Install};
use casper_dsl_testing::{
    build_wasm, tooling::wasm_exports, wasm, AccountHash, Chain, ContractHash, Key, RuntimeArgs,
};

/// The location of the latest expected panic.
static LOCATION: Mutex<Option<(String, u32)>> = Mutex::new(None);
/// Whether a panic is expected (and then recorded, not shown).
static EXPECTED: AtomicBool = AtomicBool::new(false);

/// Where `code` panicked, as (file, line).
fn panic_location(code: impl FnOnce()) -> (String, u32) {
    *LOCATION.lock().unwrap() = None;
    EXPECTED.store(true, Ordering::SeqCst);
    let outcome = panic::catch_unwind(AssertUnwindSafe(code));
    EXPECTED.store(false, Ordering::SeqCst);
    assert!(outcome.is_err(), "expected a panic");
    LOCATION.lock().unwrap().take().expect("the hook saw it")
}

/// Asserts that `$code` panics, reported at the line of this macro's use.
macro_rules! assert_panics_here {
    ($code:expr) => {{
        let line = line!();
        let location = panic_location(|| {
            let _ = $code;
        });
        assert_eq!(
            location,
            (file!().to_owned(), line),
            "{}",
            stringify!($code)
        );
    }};
}

#[test]
fn panics_point_at_the_test() {
    let show = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !EXPECTED.load(Ordering::SeqCst) {
            return show(info);
        }
        let location = info.location().expect("panics have a location");
        *LOCATION.lock().unwrap() = Some((location.file().to_owned(), location.line()));
    }));

    let nowhere = AccountHash::new([7; 32]);
    let no_contract = ContractHash::new([7; 32]);
    let no_crate = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/no-such-crate");

    let mut chain = Chain::new();
    assert_panics_here!(chain.last_execution());
    assert_panics_here!(chain.account_named_keys(nowhere));
    assert_panics_here!(chain.balance(nowhere));
    assert_panics_here!(chain.contract_named_keys(no_contract));
    assert_panics_here!(chain.contract_entry_points(no_contract));
    assert_panics_here!(chain.read_key::<u64>(Key::Hash([7; 32])));
    let me = chain.default_account();
    assert_panics_here!(chain.contract_hash_under(me, "counter_contract_hash"));
    assert_panics_here!(chain.package_hash_under(me, "counter_package_hash"));

    let answer = wasm!("tests/fixtures/answer");
    let execution = chain.run_session(me, answer, RuntimeArgs::new());
    assert_panics_here!(execution.ret::<String>());
    assert_panics_here!(execution.expect_revert());
    let trap = chain.run_session(me, b"\0asm\x01\0\0\0", RuntimeArgs::new());
    assert_panics_here!(trap.expect_success());

    // A session installed as a contract: it runs, but leaves no handles.
    let not_a_contract = || Install {
        name: "answer",
        account_keys: AccountKeyNames {
            package_hash: "answer_package_hash",
            access_uref: "answer_access_uref",
            contract_hash: "answer_contract_hash",
            contract_version: None,
            group_prefix: "answer",
        },
        instance: None,
        crate_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/answer"),
        args: RuntimeArgs::new(),
    };
    assert_panics_here!(chain.install(not_a_contract()));
    assert_panics_here!(chain.install_as(me, not_a_contract()));

    let entities = Chain::with_addressable_entities();
    assert_panics_here!(entities.contract_named_keys(no_contract));
    assert_panics_here!(entities.contract_entry_points(no_contract));

    assert_panics_here!(build_wasm(no_crate));
    assert_panics_here!(wasm!("tests/fixtures/no-such-crate"));
    assert_panics_here!(wasm_exports(b"not wasm"));

    drop(panic::take_hook());
}
