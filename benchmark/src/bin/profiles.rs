//! The release profile, chosen by measurement: every example built with each candidate setting
//! for both targets, then run through its benchmark scenario. Prints deployable size, install
//! gas and the gas of each call. Run with `cargo run -p benchmark --bin profiles` (about ten
//! minutes: each setting rebuilds the dependencies, in `target/profile-sweep`).

use benchmark::{example_dir, pairs, Measured};
use casper_dsl_build::{build_deployable, CargoBuild, WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN};
use casper_dsl_testing::Chain;

/// A candidate: its name and the `CARGO_PROFILE_RELEASE_*` settings that differ from the
/// workspace's release profile (opt-level 3, fat LTO, one codegen unit, stripped).
const CANDIDATES: [(&str, &[(&str, &str)]); 6] = [
    ("workspace (3)", &[]),
    ("opt-level 2", &[("OPT_LEVEL", "2")]),
    ("opt-level s", &[("OPT_LEVEL", "s")]),
    ("opt-level z", &[("OPT_LEVEL", "z")]),
    ("thin local LTO", &[("LTO", "false")]),
    ("16 codegen units", &[("CODEGEN_UNITS", "16")]),
];

fn main() {
    let sweep_dir = example_dir("..").join("target/profile-sweep");
    println!(
        "{:<17} {:<23} {:<13} {:>7} {:>15}  calls",
        "profile", "target", "example", "bytes", "install gas"
    );
    for (candidate, settings) in CANDIDATES {
        for target in [WASM32V1_NONE, WASM32_UNKNOWN_UNKNOWN] {
            for pair in pairs() {
                let mut build = CargoBuild::new(example_dir(pair.name).join("Cargo.toml"), target)
                    .env("CARGO_TARGET_DIR", sweep_dir.to_string_lossy());
                for (setting, value) in settings {
                    build = build.env(format!("CARGO_PROFILE_RELEASE_{setting}"), *value);
                }
                let wasm = match build_deployable(&build) {
                    Ok(module) => module.deployable.wasm,
                    Err(error) => panic!("{candidate}, {target}, {}: {error}", pair.name),
                };
                let gas = (pair.scenario)(&mut Chain::new(), &wasm);
                println!(
                    "{candidate:<17} {target:<23} {:<13} {:>7} {}",
                    pair.name,
                    wasm.len(),
                    steps(&gas)
                );
            }
        }
    }
}

/// `install` gas right-aligned, then `step gas` for each call.
fn steps(gas: &[Measured]) -> String {
    gas.iter()
        .map(|measured| match measured.step.as_str() {
            "install" => format!("{:>15} ", measured.gas),
            step => format!(" {step} {}", measured.gas),
        })
        .collect()
}
