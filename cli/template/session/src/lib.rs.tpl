//! Session code written with casper-dsl: stores `value` under the named key `name` of the
//! account that signs the deploy.
//!
//! `cargo test` runs it on a local chain; `cargo casper-dsl build` writes the module to deploy
//! to `target/casper-dsl/{{module}}.wasm`.
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
