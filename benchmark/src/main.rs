//! Prints, per example, the DSL's wasm size, install gas and gas per call next to the
//! hand-written baseline's, with the ratio. Run with `cargo run -p benchmark`.

use benchmark::{measure_gas, measure_sizes, pairs};

fn main() {
    println!(
        "{:<13} {:<14} {:>16} {:>16} {:>7}",
        "example", "measure", "DSL", "hand-written", "ratio"
    );
    for pair in pairs() {
        let (dsl, hand) = measure_sizes(&pair);
        print_row(
            pair.name,
            "size as built",
            dsl.as_built as u64,
            hand.as_built as u64,
        );
        print_row(
            pair.name,
            "size stripped",
            dsl.stripped as u64,
            hand.stripped as u64,
        );
        let (dsl, hand) = measure_gas(&pair);
        for (dsl, hand) in dsl.iter().zip(&hand) {
            assert_eq!(dsl.step, hand.step, "both sides run the same scenario");
            print_row(pair.name, &format!("{} gas", dsl.step), dsl.gas, hand.gas);
        }
    }
    println!("\nsizes in bytes; ratio = DSL / hand-written (below 1: the DSL is cheaper)");
}

fn print_row(example: &str, measure: &str, dsl: u64, hand: u64) {
    let ratio = dsl as f64 / hand as f64;
    println!("{example:<13} {measure:<14} {dsl:>16} {hand:>16} {ratio:>7.3}");
}
