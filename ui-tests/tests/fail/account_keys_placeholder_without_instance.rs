#[casper_dsl::contract(account_keys(package_hash = "token_package_{instance}"))]
pub mod token {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
