//! Both targets give deployable modules that do the same work: every example's scenario
//! succeeds on its `wasm32-unknown-unknown` (lowered) build, and each call costs within 2 % of
//! the `wasm32v1-none` build's gas (the byte loops that replace `memory.copy` / `memory.fill`
//! cost a little per call). Engine gas is deterministic, so the bound is exact.

use benchmark::{measure_targets, pairs};

#[test]
fn lowered_builds_cost_within_two_percent_per_call() {
    let mut worse = Vec::new();
    for pair in pairs() {
        let [mvp, lowered] = measure_targets(&pair);
        assert_eq!(mvp.gas.len(), lowered.gas.len());
        for (mvp, lowered) in mvp.gas.iter().zip(&lowered.gas) {
            assert_eq!(mvp.step, lowered.step);
            if mvp.step != "install" && lowered.gas * 100 > mvp.gas * 102 {
                worse.push(format!(
                    "{} {}: lowered {} > 1.02 x wasm32v1-none {}",
                    pair.name, mvp.step, lowered.gas, mvp.gas
                ));
            }
        }
    }
    assert!(worse.is_empty(), "{worse:#?}");
}
