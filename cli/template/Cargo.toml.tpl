[package]
name = "{{crate}}"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
# cdylib: the module deployed on chain; rlib: lets tests and other crates use its interface.
crate-type = ["cdylib", "rlib"]

[features]
# Turned on by crates that depend on this one: drops this crate's wasm exports from theirs.
as-dependency = []

[dependencies]
casper-dsl = { path = "{{dsl}}/runtime" }

[dev-dependencies]
casper-dsl-testing = { path = "{{dsl}}/testing" }

# A workspace of its own, so the profiles below apply. Move them to the workspace root if this
# crate joins a workspace.
[workspace]

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
