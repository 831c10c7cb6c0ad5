//! Session code: stores `value` under the named key `name` of the signing account.
#![no_std]

#[casper_dsl::session]
pub mod remember {
    use casper_dsl::prelude::*;

    /// Runs in the account's context, so the key lands in the account.
    #[call]
    pub fn call(name: String, value: u64) {
        put_key(&name, storage::new_uref(value).into());
    }
}
