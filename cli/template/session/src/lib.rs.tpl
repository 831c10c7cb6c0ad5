//! Session code written with casper-dsl: stores `value` under the named key `name` of the
//! account that signs the deploy.
//!
//! `cargo test` runs it on a local chain; `cargo build --release --target
//! wasm32-unknown-unknown` (or `cargo casper-dsl build`) writes the module to deploy, linked by
//! the crate in the directory above, to
//! `target/wasm32-unknown-unknown/release/{{module}}.wasm`.
#![no_std]

#[casper_dsl::session]
pub mod {{module}} {
    use casper_dsl::prelude::*;

    /// Runs in the signing account's context, so the key lands in the account.
    #[call]
    pub fn call(name: String, value: u64) {
        put_key(&name, storage::new_uref(value).into());
    }
}
