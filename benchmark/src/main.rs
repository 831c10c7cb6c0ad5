//! Prints, per example, the DSL's wasm size, install gas and gas per call next to the
//! hand-written baseline's, with the ratio; then each example built for both targets. Run with
//! `cargo run -p benchmark`.

use benchmark::{
    measure_events, measure_floor, measure_gas, measure_sizes, measure_targets, pairs,
};

fn main() {
    print_header("DSL", "hand-written");
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
    println!("both built for wasm32v1-none\n");

    print_header("wasm32v1-none", "unknown+lower");
    for pair in pairs() {
        let [mvp, lowered] = measure_targets(&pair);
        print_row(pair.name, "size", mvp.size as u64, lowered.size as u64);
        for (mvp, lowered) in mvp.gas.iter().zip(&lowered.gas) {
            print_row(
                pair.name,
                &format!("{} gas", mvp.step),
                mvp.gas,
                lowered.gas,
            );
        }
    }
    println!("\nthe DSL examples built for wasm32v1-none and for wasm32-unknown-unknown (lowered)");
    println!("by the pipeline of `cargo casper-dsl build`; ratio = wasm32v1-none / lowered");

    println!();
    print_header("DSL", "floor");
    let [(dsl_size, dsl), (floor_size, floor)] = measure_floor();
    print_row("counter", "size", dsl_size as u64, floor_size as u64);
    for (dsl, floor) in dsl.iter().zip(&floor) {
        print_row("counter", &format!("{} gas", dsl.step), dsl.gas, floor.gas);
    }
    println!(
        "\nthe counter against baseline/counter-floor, the same counter written directly on the"
    );
    println!("host functions (no allocator, the entry-point table serialized at build time);");
    println!("sizes in bytes (deployable); ratio = DSL / floor");

    println!(
        "\n{:<18} {:>16} {:>14} {:>14}",
        "events mode", "install gas", "transfer gas", "one event"
    );
    let runs = measure_events();
    let unrecorded = runs[0].transfer;
    for run in &runs {
        let mode = format!("{:?} ({})", run.mode, run.mode as u8);
        let event = run.transfer - unrecorded;
        println!(
            "{mode:<18} {:>16} {:>14} {event:>14}",
            run.install, run.transfer
        );
    }
    println!("\nthe CEP-18 example (wasm32v1-none) installed with each `events_mode`, then one");
    println!(
        "`transfer`, which records one `Transfer` event; one event = transfer - transfer in None"
    );
}

fn print_header(left: &str, right: &str) {
    println!(
        "{:<13} {:<14} {:>16} {:>16} {:>7}",
        "example", "measure", left, right, "ratio"
    );
}

fn print_row(example: &str, measure: &str, left: u64, right: u64) {
    let ratio = left as f64 / right as f64;
    println!("{example:<13} {measure:<14} {left:>16} {right:>16} {ratio:>7.3}");
}
