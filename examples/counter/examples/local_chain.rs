//! The main job: builds the `counter` contract to wasm, installs it on an in-process local
//! Casper chain (the real execution engine, no node needed), calls its entry points and shows
//! each result, the gas it cost, and where every named key landed.
//!
//! Run it with `cargo run -p counter --example local_chain`.

use casper_dsl_testing::{
    runtime_args, wasm, AccountHash, Chain, ContractHash, Execution, RuntimeArgs,
};

fn main() {
    let wasm = wasm!();
    println!(
        "built counter.wasm: {} bytes (wasm32v1-none, release, stripped)",
        wasm.len()
    );

    let mut chain = Chain::new();
    let installer = chain.default_account();
    let install = chain.run_session(installer, wasm, runtime_args! { "start" => 10u64 });
    report("install (init start = 10)", &install, "");
    let counter = chain.contract_hash_under(installer, "counter_contract_hash");

    let increment = chain.call_contract(
        installer,
        counter,
        "increment",
        runtime_args! { "by" => 5u64 },
    );
    report(
        "increment(by = 5)",
        &increment,
        &format!("-> {}", increment.ret::<u64>()),
    );
    let get = chain.call_contract(installer, counter, "get", RuntimeArgs::new());
    report("get()", &get, &format!("-> {}", get.ret::<u64>()));
    let checkpoint = chain.call_contract(
        installer,
        counter,
        "checkpoint",
        runtime_args! { "label" => Some(String::from("after_increment")) },
    );
    report("checkpoint(label = \"after_increment\")", &checkpoint, "");

    let stranger = chain.create_funded_account();
    let denied = chain.call_contract(stranger, counter, "reset", RuntimeArgs::new());
    report("reset() by another account", &denied, "");
    let reset = chain.call_contract(installer, counter, "reset", RuntimeArgs::new());
    report("reset() by the installer", &reset, "");
    let again = chain.call_contract(
        installer,
        counter,
        "init",
        runtime_args! { "start" => 99u64 },
    );
    report("init(start = 99) again", &again, "");
    let get = chain.call_contract(installer, counter, "get", RuntimeArgs::new());
    report("get()", &get, &format!("-> {}", get.ret::<u64>()));

    print_named_keys(&chain, installer, counter);
}

fn report(what: &str, execution: &Execution, value: &str) {
    let outcome = match execution.api_error() {
        Some(error) => format!("reverted: {error:?}"),
        None if execution.is_success() => format!("ok {value}"),
        None => format!("failed: {:?}", execution.error()),
    };
    println!("{what:<42} {outcome:<36} gas {}", execution.gas);
}

fn print_named_keys(chain: &Chain, installer: AccountHash, counter: ContractHash) {
    println!("\nnamed keys of the installing account:");
    for (name, key) in chain.account_named_keys(installer).iter() {
        println!("  {name:<24} {key}");
    }
    println!("named keys of the counter contract:");
    for (name, key) in chain.contract_named_keys(counter).iter() {
        println!("  {name:<24} {key}");
    }
}
