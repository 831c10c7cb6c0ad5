//! `baseline/counter-floor` does what `examples/counter` does, so the benchmark's DSL-vs-floor
//! table compares like with like: the same entry-point table, named keys, results and revert
//! codes, on the real engine.

use benchmark::{baseline_dir, example_dir};
use casper_dsl_testing::{
    runtime_args, tooling::build_wasm_for, tooling::WASM32V1_NONE, ApiError, Chain, Key,
    RuntimeArgs,
};

/// Everything a caller can observe of one counter module, through the same steps.
#[derive(Debug, PartialEq)]
struct Observed {
    table: Vec<String>,
    account_keys: Vec<String>,
    contract_keys: Vec<String>,
    results: Vec<Result<Option<u64>, Option<ApiError>>>,
}

fn observe(wasm: &[u8]) -> Observed {
    let mut chain = Chain::new();
    let owner = chain.default_account();
    let stranger = chain.create_funded_account();
    chain
        .run_session(owner, wasm, runtime_args! { "start" => 10u64 })
        .expect_success();
    let contract = chain.contract_hash_under(owner, "counter_contract_hash");
    let mut table: Vec<String> = chain
        .contract_entry_points(contract)
        .iter()
        .map(|entry_point| format!("{entry_point:?}"))
        .collect();
    table.sort();

    let mut results = Vec::new();
    let mut run = |chain: &mut Chain, caller, entry_point: &str, args: RuntimeArgs| {
        let execution = chain.call_contract(caller, contract, entry_point, args);
        results.push(match execution.result {
            Ok(value) => Ok(value.and_then(|value| value.into_t::<u64>().ok())),
            Err(_) => Err(execution.api_error()),
        });
    };
    run(
        &mut chain,
        owner,
        "increment",
        runtime_args! { "by" => 5u64 },
    );
    run(
        &mut chain,
        owner,
        "increment",
        runtime_args! { "by" => u64::MAX },
    );
    run(&mut chain, owner, "increment", RuntimeArgs::new());
    run(&mut chain, owner, "get", RuntimeArgs::new());
    run(&mut chain, owner, "checkpoint", RuntimeArgs::new());
    let label = runtime_args! { "label" => Some(String::from("saved")) };
    run(&mut chain, owner, "checkpoint", label);
    run(&mut chain, stranger, "reset", RuntimeArgs::new());
    run(&mut chain, owner, "reset", RuntimeArgs::new());
    run(&mut chain, owner, "get", RuntimeArgs::new());
    // Neither has an `init` entry point: the engine refuses the call.
    run(&mut chain, owner, "init", runtime_args! { "start" => 1u64 });
    let again = chain.run_session(owner, wasm, runtime_args! { "start" => 1u64 });
    results.push(Err(again.api_error()));

    let keys = chain.contract_named_keys(contract);
    for (name, expected) in [("count", 0u64), ("checkpoint", 15), ("saved", 15)] {
        let key: Key = *keys
            .get(name)
            .unwrap_or_else(|| panic!("`{name}` is not in {keys:?} ({results:?})"));
        assert_eq!(chain.read_key::<u64>(key), expected, "{name}");
    }
    assert_eq!(keys.get("owner"), Some(&Key::Account(owner)));
    Observed {
        table,
        account_keys: chain
            .account_named_keys(owner)
            .names()
            .filter(|name| name.starts_with("counter"))
            .cloned()
            .collect(),
        contract_keys: keys.names().cloned().collect(),
        results,
    }
}

#[test]
fn the_floor_behaves_like_the_counter() {
    let dsl = observe(build_wasm_for(example_dir("counter"), WASM32V1_NONE));
    let floor = observe(build_wasm_for(baseline_dir("counter-floor"), WASM32V1_NONE));
    assert_eq!(floor, dsl);
    assert_eq!(
        dsl.results[..3],
        [
            Ok(Some(15)),
            Err(Some(ApiError::User(u16::MAX))),
            Err(Some(ApiError::MissingArgument))
        ]
    );
}
