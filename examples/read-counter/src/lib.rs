//! Session code: calls the installed counter's `get` through the counter's generated interface
//! and keeps the returned value in the signing account, under the named key `counter_value`.
#![no_std]

#[casper_dsl::session]
pub mod read_counter {
    use casper_dsl::prelude::*;
    use counter::counter::calls;

    /// Account named key the installer of `counter` writes its package hash under.
    pub const COUNTER_PACKAGE_HASH: &str = "counter_package_hash";
    /// Account named key the value lands under.
    pub const COUNTER_VALUE: &str = "counter_value";

    #[call]
    pub fn call() {
        let counter = get_key(COUNTER_PACKAGE_HASH)
            .and_then(Key::into_hash_addr)
            .unwrap_or_revert_with(ApiError::MissingKey);
        let value = calls::get().call(ContractPackageHash::new(counter));
        put_key(COUNTER_VALUE, storage::new_uref(value).into());
    }
}
