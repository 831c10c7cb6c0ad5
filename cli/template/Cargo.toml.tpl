# The module deployed on chain: a `cdylib` of its own, linking the {{member}} crate's exports
# ({{member}}/src/lib.rs). A crate built as `cdylib` and `rlib` at once gets no LTO, so the
# code and its tests live in `{{member}}/` and this crate is what
# `cargo build --release --target wasm32-unknown-unknown` turns into
# target/wasm32-unknown-unknown/release/{{module}}.wasm (see .cargo/config.toml).
[package]
name = "{{crate}}"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
{{crate}}-{{member}} = { path = "{{member}}" }

[workspace]
members = ["{{member}}"]
# `cargo build` and `cargo test` here cover both crates.
default-members = [".", "{{member}}"]

# Chosen on casper-dsl's examples by install gas and call gas together (its README has the
# table): opt-level 3 beat "s" and "z" on both; LTO and one codegen unit let unused code go;
# stripping matters because install gas grows with every deployed byte.
[profile.release]
opt-level = 3
lto = true
codegen-units = 1
panic = "abort"
strip = true
debug = false

# Tests run the real execution engine, a large dependency: optimise dependencies a little and
# leave out their debug info (each test binary links the whole engine).
[profile.dev.package."*"]
opt-level = 1
debug = false

[profile.dev]
debug = "line-tables-only"
