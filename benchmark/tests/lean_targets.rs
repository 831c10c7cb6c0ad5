//! The gas targets of the lean runtime (issue 12) that the code meets, asserted exactly: engine
//! gas is deterministic, so each bound is a comparison, not a timing.

use benchmark::{measure_floor, measure_gas, measure_targets, pairs, Measured};

/// Issue 12's counter targets: the install costs at most 7.1 G gas (twice the 3.5 G of the
/// issue's raw-FFI floor) and at most 1.3 times `baseline/counter-floor`'s (the counter written
/// directly on the host functions, which this repository keeps); every call at most 1 % more
/// than the floor's.
#[test]
fn the_counter_installs_under_7_1_g_and_calls_within_one_percent_of_the_floor() {
    /// Twice the floor install of issue 12 (3,544,615,881 gas).
    const INSTALL_TARGET: u64 = 7_100_000_000;
    let [(_, dsl), (_, floor)] = measure_floor();
    let install = |steps: &[Measured]| steps.iter().find(|m| m.step == "install").unwrap().gas;
    assert!(
        install(&dsl) <= INSTALL_TARGET,
        "counter install {} > {INSTALL_TARGET}",
        install(&dsl)
    );
    assert!(
        install(&dsl) * 100 <= install(&floor) * 130,
        "counter install {} > 1.3 x floor {}",
        install(&dsl),
        install(&floor)
    );
    let mut worse = Vec::new();
    for (dsl, floor) in calls(&dsl).zip(calls(&floor)) {
        assert_eq!(dsl.step, floor.step);
        if dsl.gas * 100 > floor.gas * 101 {
            worse.push(format!(
                "{}: DSL {} > 1.01 x floor {}",
                dsl.step, dsl.gas, floor.gas
            ));
        }
    }
    assert!(worse.is_empty(), "{worse:#?}");
}

/// Every contract example (each pair whose scenario installs) installs for at most half the
/// gas of its hand-written casper-contract equivalent.
#[test]
fn every_contract_example_installs_for_at_most_half_the_hand_written_gas() {
    let install = |steps: &[Measured]| steps.iter().find(|m| m.step == "install").map(|m| m.gas);
    let mut worse = Vec::new();
    let mut checked = Vec::new();
    for pair in pairs() {
        let (dsl, hand) = measure_gas(&pair);
        let (Some(dsl), Some(hand)) = (install(&dsl), install(&hand)) else {
            continue;
        };
        checked.push(pair.name);
        if dsl * 2 > hand {
            worse.push(format!(
                "{}: DSL {dsl} > 0.5 x hand-written {hand}",
                pair.name
            ));
        }
    }
    assert_eq!(
        checked,
        ["counter", "vault", "cep18"],
        "the contract examples"
    );
    assert!(worse.is_empty(), "{worse:#?}");
}

/// Call gas of `examples/cep18` (native events) at commit 8e5a456, before the lean runtime:
/// no call may cost more now.
const CEP18_CALLS_BEFORE: [(&str, u64); 5] = [
    ("transfer", 346_207_876),
    ("approve", 265_399_118),
    ("balance_of", 11_238_170),
    ("mint", 247_835_559),
    ("transfer_from", 508_257_650),
];

/// Issue 12's CEP-18 targets, in the benchmark's events mode (native messages): the token
/// installs for at most 60 G gas on both targets (137 G when the issue was filed), and no call
/// costs more than before the lean runtime.
#[test]
fn the_cep18_token_installs_under_60_g_and_no_call_costs_more_than_before() {
    const INSTALL_TARGET: u64 = 60_000_000_000;
    let cep18 = pairs().into_iter().find(|pair| pair.name == "cep18");
    let [mvp, lowered] = measure_targets(&cep18.expect("the cep18 pair"));
    for run in [&mvp, &lowered] {
        let install = run.gas.iter().find(|m| m.step == "install").unwrap().gas;
        assert!(
            install <= INSTALL_TARGET,
            "{}: cep18 install {install} > {INSTALL_TARGET}",
            run.target
        );
    }
    let measured: Vec<(&str, u64)> = calls(&mvp.gas).map(|m| (m.step.as_str(), m.gas)).collect();
    let names: Vec<&str> = measured.iter().map(|(name, _)| *name).collect();
    let before_names: Vec<&str> = CEP18_CALLS_BEFORE.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, before_names, "the scenario's calls changed");
    let worse: Vec<String> = measured
        .iter()
        .zip(CEP18_CALLS_BEFORE)
        .filter(|((_, now), (_, before))| now > before)
        .map(|((name, now), (_, before))| format!("{name}: {now} > {before} before"))
        .collect();
    assert!(worse.is_empty(), "{worse:#?}");
}

/// The calls of a scenario: every step but the install.
fn calls(steps: &[Measured]) -> impl Iterator<Item = &Measured> {
    steps.iter().filter(|m| m.step != "install")
}
