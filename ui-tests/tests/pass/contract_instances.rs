//! `instance = "..."` names the #[init] parameter whose value names the instance: one account
//! can install several, each with handles named after it.
#[casper_dsl::contract(instance = "label")]
pub mod counter {
    use casper_dsl::prelude::*;

    #[init]
    pub fn init(label: String, start: u64) {
        let _ = (label, start);
    }

    #[upgrade]
    pub fn migrate(step: u64) {
        let _ = step;
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {
    let install = counter::installer("blue".into(), 1);
    assert_eq!(install.account_key("package_hash"), "counter_blue_package_hash");
    // An upgrade names the instance it upgrades.
    let upgrade = counter::upgrader("blue".into(), 2);
    assert_eq!(upgrade.account_key("contract_hash"), "counter_blue_contract_hash");
}
