//! Engine gas is deterministic, so this is exact: for every example with a hand-written
//! baseline, every step of the scenario costs the DSL no more gas than the baseline. Install gas
//! and sizes are reported by `cargo run -p benchmark`, not asserted.

use benchmark::{measure_gas, pairs};

#[test]
fn the_dsl_costs_no_more_gas_per_call_than_hand_written_code() {
    let mut worse = Vec::new();
    for pair in pairs() {
        let (dsl, hand) = measure_gas(&pair);
        assert_eq!(dsl.len(), hand.len());
        for (dsl, hand) in dsl.iter().zip(&hand) {
            assert_eq!(dsl.step, hand.step);
            if dsl.step != "install" && dsl.gas > hand.gas {
                worse.push(format!(
                    "{} {}: DSL {} > hand-written {}",
                    pair.name, dsl.step, dsl.gas, hand.gas
                ));
            }
        }
    }
    assert!(worse.is_empty(), "{worse:#?}");
}
