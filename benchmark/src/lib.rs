//! Each example next to its hand-written casper-contract equivalent (`baseline/`), run through
//! the same scenario on the local chain: install gas, gas of every entry point, wasm sizes.
//!
//! `cargo run -p benchmark` prints the table; `tests/gas_parity.rs` asserts the DSL side never
//! costs more gas per call. Both build the wasm the way `casper-dsl-testing` does (a `cdylib`
//! alone, release profile); "as built" sizes come from the `release-unstripped` profile.

use std::path::{Path, PathBuf};

use casper_dsl::events::EventsMode;
use casper_dsl_testing::tooling::{
    build_wasm_as_cargo_leaves_it, build_wasm_for, WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN,
};
use casper_dsl_testing::{
    runtime_args, AccountHash, Chain, ContractHash, ContractPackageHash, Execution, Key,
    RuntimeArgs, U256, U512,
};

/// An example and its baseline.
pub struct Pair {
    /// The example's name (`examples/<name>`, `baseline/<name>`).
    pub name: &'static str,
    /// Runs the scenario for one side's wasm and records what it cost.
    pub scenario: fn(&mut Chain, &[u8]) -> Vec<Measured>,
}

/// The gas of one step of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// What was run: `install`, an entry point call, or `session`.
    pub step: String,
    pub gas: u64,
}

/// The wasm sizes of one side of a pair, in bytes.
pub struct Sizes {
    /// Module size as cargo builds it, before stripping.
    pub as_built: usize,
    /// Stripped module size: what is deployed.
    pub stripped: usize,
}

/// Every example with a baseline.
pub fn pairs() -> Vec<Pair> {
    vec![
        Pair {
            name: "counter",
            scenario: counter,
        },
        Pair {
            name: "vault",
            scenario: vault,
        },
        Pair {
            name: "remember",
            scenario: remember,
        },
        Pair {
            name: "transfer",
            scenario: transfer,
        },
        Pair {
            name: "read-counter",
            scenario: read_counter,
        },
        Pair {
            name: "cep18",
            scenario: cep18,
        },
    ]
}

/// Runs `pair`'s scenario on a fresh chain for the example's wasm, then for the baseline's
/// (both built for `wasm32v1-none`).
pub fn measure_gas(pair: &Pair) -> (Vec<Measured>, Vec<Measured>) {
    let run = |dir: PathBuf| (pair.scenario)(&mut Chain::new(), build_wasm_for(dir, WASM32V1_NONE));
    (run(example_dir(pair.name)), run(baseline_dir(pair.name)))
}

/// The counter's scenario for `examples/counter` and for `baseline/counter-floor`, the same
/// counter written directly on the host functions (`wasm32v1-none`), with each module's
/// deployable size.
pub fn measure_floor() -> [(usize, Vec<Measured>); 2] {
    [example_dir("counter"), baseline_dir("counter-floor")].map(|dir| {
        let wasm = build_wasm_for(dir, WASM32V1_NONE);
        (wasm.len(), counter(&mut Chain::new(), wasm))
    })
}

/// The wasm sizes of the example and of the baseline (`wasm32v1-none`).
pub fn measure_sizes(pair: &Pair) -> (Sizes, Sizes) {
    let sizes = |dir: PathBuf| Sizes {
        as_built: build_wasm_as_cargo_leaves_it(&dir, WASM32V1_NONE, "release-unstripped").len(),
        stripped: build_wasm_for(&dir, WASM32V1_NONE).len(),
    };
    (
        sizes(example_dir(pair.name)),
        sizes(baseline_dir(pair.name)),
    )
}

/// The example of a pair built for one target and run through its scenario.
pub struct TargetRun {
    /// The target, e.g. `wasm32-unknown-unknown` (lowered).
    pub target: &'static str,
    /// The deployable module's size in bytes.
    pub size: usize,
    /// The gas of each step of the scenario.
    pub gas: Vec<Measured>,
}

/// `pair`'s example (not its baseline) built for `wasm32v1-none` and for
/// `wasm32-unknown-unknown` (lowered), each run through the scenario on a fresh chain. Contracts
/// the scenario needs besides the example (the counter `vault` calls) are `wasm32v1-none`.
pub fn measure_targets(pair: &Pair) -> [TargetRun; 2] {
    [WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN].map(|target| {
        let wasm = build_wasm_for(example_dir(pair.name), target);
        TargetRun {
            target,
            size: wasm.len(),
            gas: (pair.scenario)(&mut Chain::new(), wasm),
        }
    })
}

fn workspace_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `examples/<name>` in the workspace.
pub fn example_dir(name: &str) -> PathBuf {
    workspace_dir().join("examples").join(name)
}

/// `baseline/<name>` in the workspace.
pub fn baseline_dir(name: &str) -> PathBuf {
    workspace_dir().join("baseline").join(name)
}

fn step(name: &str, execution: Execution) -> Measured {
    execution.expect_success();
    Measured {
        step: name.to_owned(),
        gas: execution.gas,
    }
}

/// Installs `wasm` from the default account and returns the contract hash the installer left
/// under the account's named key `contract_hash_key`, with the install's gas.
fn install(
    chain: &mut Chain,
    wasm: &[u8],
    contract_hash_key: &str,
    args: RuntimeArgs,
) -> (ContractHash, Measured) {
    let account = chain.default_account();
    let installed = step("install", chain.run_session(account, wasm, args));
    (
        chain.contract_hash_under(account, contract_hash_key),
        installed,
    )
}

/// The DSL counter, installed as the contract `vault` and `read-counter` work with; its
/// package, which they call.
fn install_dsl_counter(chain: &mut Chain, start: u64) -> ContractPackageHash {
    let wasm = build_wasm_for(example_dir("counter"), WASM32V1_NONE);
    install(
        chain,
        wasm,
        "counter_contract_hash",
        runtime_args! { "start" => start },
    );
    let account = chain.default_account();
    chain.package_hash_under(account, "counter_package_hash")
}

/// Installs `wasm` with `install_args` (the installer leaving the contract hash under
/// `contract_hash_key`), then makes `calls` from the default account: the gas of the install
/// and of each call.
fn contract(
    chain: &mut Chain,
    wasm: &[u8],
    contract_hash_key: &str,
    install_args: RuntimeArgs,
    calls: Vec<(&str, RuntimeArgs)>,
) -> Vec<Measured> {
    let (contract, installed) = install(chain, wasm, contract_hash_key, install_args);
    let caller: AccountHash = chain.default_account();
    let calls = calls.into_iter().map(|(entry_point, args)| {
        step(
            entry_point,
            chain.call_contract(caller, contract, entry_point, args),
        )
    });
    [installed].into_iter().chain(calls).collect()
}

fn counter(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    let calls = vec![
        ("increment", runtime_args! { "by" => 5u64 }),
        ("get", RuntimeArgs::new()),
        ("checkpoint", RuntimeArgs::new()),
        ("reset", RuntimeArgs::new()),
    ];
    contract(
        chain,
        wasm,
        "counter_contract_hash",
        runtime_args! { "start" => 10u64 },
        calls,
    )
}

/// A token's life: install (mint and burn enabled), a transfer to a new holder, an approval, a
/// balance query, a mint by the admin, then a `transfer_from` by the approved spender.
fn cep18(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    let installer = chain.default_account();
    let owner = Key::Account(installer);
    let spender_account = chain.create_funded_account();
    let spender = Key::Account(spender_account);
    let recipient = Key::Account(chain.create_funded_account());
    let install_args = runtime_args! {
        "name" => "Token",
        "symbol" => "TKN",
        "decimals" => 9u8,
        "total_supply" => U256::from(1_000_000u64),
        // Bare, as the reference contract takes it.
        "enable_mint_burn" => 1u8,
        // Native messages, as the hand-written token always sends them.
        "events_mode" => EventsMode::Native as u8,
    };
    let calls = vec![
        (
            "transfer",
            runtime_args! { "recipient" => recipient, "amount" => U256::from(100u64) },
        ),
        (
            "approve",
            runtime_args! { "spender" => spender, "amount" => U256::from(500u64) },
        ),
        ("balance_of", runtime_args! { "address" => recipient }),
        (
            "mint",
            runtime_args! { "owner" => owner, "amount" => U256::from(10u64) },
        ),
    ];
    // Both tokens keep the reference's account keys, named after the token.
    let contract_hash_key = "cep18_contract_hash_Token";
    let mut measured = contract(chain, wasm, contract_hash_key, install_args, calls);
    let token = chain.contract_hash_under(installer, contract_hash_key);
    let args =
        runtime_args! { "owner" => owner, "recipient" => recipient, "amount" => U256::from(50u64) };
    let spent = chain.call_contract(spender_account, token, "transfer_from", args);
    measured.push(step("transfer_from", spent));
    measured
}

/// The cost of recording events in one mode: the CEP-18 example installed with `events_mode`
/// and one `transfer` (which records one `Transfer` event).
pub struct EventsRun {
    /// The mode.
    pub mode: EventsMode,
    /// The install's gas.
    pub install: u64,
    /// The transfer's gas.
    pub transfer: u64,
}

/// The CEP-18 example (`wasm32v1-none`) in each events mode, from none to native and CES.
pub fn measure_events() -> Vec<EventsRun> {
    let wasm = build_wasm_for(example_dir("cep18"), WASM32V1_NONE);
    let modes = [
        EventsMode::None,
        EventsMode::Ces,
        EventsMode::Native,
        EventsMode::NativeAndCes,
    ];
    modes
        .into_iter()
        .map(|mode| {
            let mut chain = Chain::new();
            let install_args = runtime_args! {
                "name" => "Token",
                "symbol" => "TKN",
                "decimals" => 9u8,
                "total_supply" => U256::from(1_000_000u64),
                "events_mode" => mode as u8,
            };
            let recipient = Key::Account(chain.create_funded_account());
            let transfer = runtime_args! { "recipient" => recipient, "amount" => U256::one() };
            let steps = contract(
                &mut chain,
                wasm,
                "cep18_contract_hash_Token",
                install_args,
                vec![("transfer", transfer)],
            );
            EventsRun {
                mode,
                install: steps[0].gas,
                transfer: steps[1].gas,
            }
        })
        .collect()
}

fn vault(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    let counter = install_dsl_counter(chain, 10);
    let calls = vec![
        ("deposit", runtime_args! { "amount" => 5u64 }),
        ("total", RuntimeArgs::new()),
        ("reset", RuntimeArgs::new()),
    ];
    contract(
        chain,
        wasm,
        "vault_contract_hash",
        runtime_args! { "counter" => counter },
        calls,
    )
}

fn session(chain: &mut Chain, wasm: &[u8], args: RuntimeArgs) -> Vec<Measured> {
    let account = chain.default_account();
    vec![step("session", chain.run_session(account, wasm, args))]
}

fn remember(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    session(
        chain,
        wasm,
        runtime_args! { "name" => "answer", "value" => 42u64 },
    )
}

fn transfer(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    let target = chain.create_funded_account();
    let amount = U512::from(2_500_000_000u64);
    session(
        chain,
        wasm,
        runtime_args! { "target" => target, "amount" => amount },
    )
}

fn read_counter(chain: &mut Chain, wasm: &[u8]) -> Vec<Measured> {
    install_dsl_counter(chain, 42);
    session(chain, wasm, RuntimeArgs::new())
}
