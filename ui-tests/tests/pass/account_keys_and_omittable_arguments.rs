//! `account_keys(...)` names the installing account's handles (here the CEP-18 reference's
//! layout), `#[init(already_initialized = ...)]` chooses what a second `init` reverts with, and
//! `Omittable<T>` arguments are left out or given bare.
#[casper_dsl::contract(
    instance = "name",
    account_keys(
        package_hash = "token_package_{instance}",
        access_uref = "token_access_{instance}",
        contract_hash = "token_hash_{instance}",
        contract_version = "token_version_{instance}",
    )
)]
pub mod token {
    use casper_dsl::prelude::*;

    #[casper_dsl::error]
    pub enum TokenError {
        AlreadyInitialized = 15,
    }

    #[init(already_initialized = TokenError::AlreadyInitialized)]
    pub fn init(name: String, enable_mint_burn: Omittable<u8>, admins: Omittable<Vec<Key>>) {
        let _ = (name, enable_mint_burn.unwrap_or(0), admins.unwrap_or_default());
    }

    #[entry_point]
    pub fn change(admins: Omittable<Vec<Key>>) -> u64 {
        admins.unwrap_or_default().len() as u64
    }
}

fn main() {
    let install = token::installer("CDT".into(), 1.into(), None.into());
    assert_eq!(install.account_key("package_hash"), "token_package_CDT");
    assert_eq!(install.account_key("access_uref"), "token_access_CDT");
    assert_eq!(install.account_key("contract_hash"), "token_hash_CDT");
    assert_eq!(install.account_key("contract_version"), "token_version_CDT");
    // Groups keep the default prefix.
    assert_eq!(install.account_key("admin_group"), "token_CDT_admin_group");
    // A bare `u8`, and nothing at all for the list left out.
    let bare = install.args.get("enable_mint_burn").unwrap();
    assert_eq!(bare.to_t::<u8>().unwrap(), 1);
    assert!(install.args.get("admins").is_none());
    let call = token::calls::change(None.into());
    assert!(call.args().is_empty());
}
