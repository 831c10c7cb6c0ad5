# `cargo build --release --target wasm32-unknown-unknown`, the build every Casper tutorial
# teaches, writes a module the engine installs: `casper-dsl-linker` (installed with
# `cargo casper-dsl`) runs the toolchain's wasm linker, then lowers the bulk-memory
# instructions the engine refuses, runs the engine's checks and strips the module, in place.
# The cfg tells casper-dsl not to warn about bulk memory: the linker lowers it.
[target.wasm32-unknown-unknown]
linker = "casper-dsl-linker"
rustflags = ["--cfg", "casper_dsl_linker"]
