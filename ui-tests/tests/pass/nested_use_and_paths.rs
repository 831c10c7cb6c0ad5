#[casper_dsl::contract]
pub mod registry {
    use casper_dsl::{
        casper_types::{account::AccountHash as Owner, Key as StateKey},
        prelude::{put_key, storage},
    };

    #[entry_point]
    pub fn register(owner: Owner, key: StateKey) {
        let _ = owner;
        put_key("entry", key);
        let _ = storage::new_uref(1u8);
    }

    #[entry_point]
    pub fn owner_of(key: casper_dsl::casper_types::Key) -> Option<Owner> {
        key.into_account()
    }
}

fn main() {}
