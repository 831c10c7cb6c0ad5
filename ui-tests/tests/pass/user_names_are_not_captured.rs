//! Names the expansion introduces never capture or collide with the user's: a parameter named
//! `args`, event fields named `bytes` and `writer`, state consts named like installer locals,
//! and types written relative to the contract module (`super::`, `self::`).
pub type Amount = u64;

#[casper_dsl::contract]
pub mod ledger {
    use casper_dsl::prelude::*;

    pub type Label = String;

    #[state]
    pub const keys: Var<u64> = Var::new("keys");
    #[state]
    pub const package: Var<u64> = Var::new("package");

    #[event]
    pub struct Recorded {
        pub bytes: Vec<u8>,
        pub writer: u64,
    }

    #[entry_point]
    pub fn record(args: super::Amount, label: self::Label, named_keys: Option<u8>) -> super::Amount {
        let _ = (label, named_keys);
        emit(Recorded { bytes: Vec::new(), writer: args });
        args
    }

    #[entry_point]
    pub fn entry_points(bytes: Vec<u8>) -> Vec<u8> {
        bytes
    }
}

fn main() {
    let _ = ledger::calls::record(1, "x".into(), None);
}
