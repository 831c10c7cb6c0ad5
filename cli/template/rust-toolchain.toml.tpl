[toolchain]
# The toolchain casper-dsl is tested with. Both targets build deployable modules through
# `cargo casper-dsl build`; a plain `cargo build` is deployable only for wasm32v1-none.
channel = "{{toolchain}}"
targets = ["wasm32v1-none", "wasm32-unknown-unknown"]
