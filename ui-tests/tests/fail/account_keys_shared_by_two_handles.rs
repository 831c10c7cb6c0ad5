// `token_contract_hash` is also the default name of the contract hash.
#[casper_dsl::contract(account_keys(contract_version = "token_contract_hash"))]
pub mod token {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
