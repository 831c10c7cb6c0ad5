//! `#[state(initial = ...)]`: values the installer stores, from install arguments or the
//! installing account, in `Var`s and `Fixed` keys; the typed installer takes the arguments.
#[casper_dsl::contract]
pub mod registry {
    use casper_dsl::prelude::*;

    #[state(initial = arg(start))]
    pub const COUNT: Var<u64> = Var::new("count");
    #[state(initial = arg(r#type))]
    pub const KIND: Var<String> = Var::new("kind");
    #[state(initial = arg(limit))]
    pub const LIMIT: Var<Option<u32>> = Var::new("limit");
    #[state(initial = caller)]
    pub const CREATOR: Var<Key> = Var::new("creator");
    #[state(initial = caller)]
    pub const OWNER: Fixed<AccountHash> = Fixed::new("owner");
    #[state(initial = arg(peer))]
    pub const PEER: Fixed<ContractHash> = Fixed::new("peer");
    #[state]
    pub const TOTAL: Var<U256> = Var::new("total");

    #[init]
    pub fn init(label: String) {
        put_key(&label, Key::Account(OWNER.get()));
    }

    #[entry_point]
    pub fn describe() -> (u64, String, Option<u32>) {
        (COUNT.get(), KIND.get(), LIMIT.get())
    }

    #[entry_point]
    pub fn peer() -> ContractHash {
        PEER.get()
    }

    #[entry_point]
    pub fn creator() -> Key {
        CREATOR.get()
    }
}

fn main() {
    let install = registry::installer(
        "main".into(),
        3,
        "kind".into(),
        None,
        casper_dsl::casper_types::contracts::ContractHash::new([1; 32]),
    );
    let names = install.args.named_args().map(|arg| arg.name());
    assert!(names.eq(["label", "start", "type", "limit", "peer"]));
}
