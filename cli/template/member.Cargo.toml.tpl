# The {{member}}'s code and tests; the crate in the directory above links it into the module
# to deploy.
[package]
name = "{{crate}}-{{member}}"
version = "0.1.0"
edition = "2021"
publish = false

[features]
# Turned on by crates that depend on this one: drops this crate's wasm exports from theirs.
as-dependency = []

[dependencies]
casper-dsl = { path = "{{dsl}}/runtime" }

[dev-dependencies]
casper-dsl-testing = { path = "{{dsl}}/testing" }
