#[casper_dsl::contract]
pub mod types {
    use casper_dsl::prelude::*;
    use casper_dsl::casper_types::bytesrepr::Bytes;
    use alloc::collections::BTreeMap;

    extern crate alloc;

    #[entry_point]
    pub fn integers(a: u8, b: u32, c: u64, d: i32, e: i64, f: U128, g: U256, h: U512, i: bool) -> U512 {
        let _ = (a, b, c, d, e, f, g, i);
        h
    }

    #[entry_point]
    pub fn texts_and_bytes(s: String, v: Vec<u8>, b: Bytes, l: Vec<String>) -> Vec<u8> {
        let _ = (s, b, l);
        v
    }

    #[entry_point]
    pub fn keys(k: Key, a: AccountHash, u: URef, p: PublicKey) -> Key {
        let _ = (a, u, p);
        k
    }

    #[entry_point]
    pub fn tuples(pair: (u64, String), triple: (u8, bool, Key)) -> (u64, bool) {
        (pair.0, triple.1)
    }

    #[entry_point]
    pub fn maps(balances: BTreeMap<AccountHash, U256>) -> BTreeMap<String, u64> {
        let _ = balances;
        BTreeMap::new()
    }

    #[entry_point]
    pub fn results(r: Result<u64, String>) -> Option<u64> {
        r.ok()
    }
}

fn main() {}
