//! The main job: builds the `counter` contract to wasm, installs it on an in-process local
//! Casper chain (the real execution engine, no node needed), calls its entry points through the
//! interface the contract generates, and shows each result, the gas it cost, and where every
//! named key landed.
//!
//! Run it with `cargo run -p counter --example local_chain`.

use std::fmt::Display;

use casper_dsl_testing::{wasm, AccountHash, CallError, Chain, Deployed};
use counter::counter::{calls, installer, CounterError};

fn main() {
    // What `chain.install` builds and deploys (once per process), shown for its size.
    let wasm = wasm!();
    println!(
        "built counter.wasm: {} bytes (wasm32v1-none, release, stripped)",
        wasm.len()
    );

    let mut chain = Chain::new();
    let installer_account = chain.default_account();
    let counter = chain.install(installer(10));
    report(&chain, "install (start = 10)", "");
    let counter = counter.expect("the counter installs");

    let count = chain.call(&counter, calls::increment(5));
    report(&chain, "increment(by = 5)", returned(&count));
    let count = chain.call(&counter, calls::get());
    report(&chain, "get()", returned(&count));
    let label = Some(String::from("after_increment"));
    let checkpoint = chain.call(&counter, calls::checkpoint(label));
    report(&chain, "checkpoint(label = \"after_increment\")", "");
    checkpoint.expect("anyone may checkpoint");

    // `reset` returns `Result<(), CounterError>`: its failure is checked in those terms.
    let stranger = chain.create_funded_account();
    let denied = chain.call_as(stranger, &counter, calls::reset());
    report(&chain, "reset() by another account", "");
    assert!(denied.is_err_and(|denied| denied.is(CounterError::NotOwner)));
    let reset = chain.call(&counter, calls::reset());
    report(&chain, "reset() by the installer", "");
    reset.expect("the installer may reset");
    let count = chain.call(&counter, calls::get());
    report(&chain, "get()", returned(&count));

    print_named_keys(&chain, installer_account, &counter);
}

/// `-> value` for a call that returned one.
fn returned<T: Display, E>(result: &Result<T, CallError<E>>) -> String {
    match result {
        Ok(value) => format!("-> {value}"),
        Err(_) => String::new(),
    }
}

/// One line for the latest execution: what was run, how it ended, and its gas.
fn report(chain: &Chain, what: &str, value: impl Display) {
    let execution = chain.last_execution();
    let outcome = match execution.api_error() {
        Some(error) => format!("reverted: {error:?}"),
        None if execution.is_success() => format!("ok {value}"),
        None => format!("failed: {:?}", execution.error()),
    };
    println!("{what:<42} {outcome:<36} gas {}", execution.gas);
}

fn print_named_keys(chain: &Chain, installer: AccountHash, counter: &Deployed) {
    println!("\nnamed keys of the installing account:");
    for (name, key) in chain.account_named_keys(installer).iter() {
        println!("  {name:<24} {key}");
    }
    println!("named keys of the counter contract:");
    for (name, key) in chain.contract_named_keys(counter.contract_hash).iter() {
        println!("  {name:<24} {key}");
    }
}
