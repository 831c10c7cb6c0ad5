[toolchain]
# The toolchain casper-dsl is tested with. Both targets build deployable modules: a plain
# `cargo build --release` for either (through casper-dsl-linker, see .cargo/config.toml, for
# wasm32-unknown-unknown), or `cargo casper-dsl build`.
channel = "{{toolchain}}"
targets = ["wasm32v1-none", "wasm32-unknown-unknown"]
