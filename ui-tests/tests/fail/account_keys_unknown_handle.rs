#[casper_dsl::contract(account_keys(package = "token_package", contract_hash = 7))]
pub mod token {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
