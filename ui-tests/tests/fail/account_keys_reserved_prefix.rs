#[casper_dsl::contract(account_keys(package_hash = "__casper_dsl_token_package"))]
pub mod token {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
