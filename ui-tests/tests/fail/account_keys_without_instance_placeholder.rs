// With instances, a handle named without `{instance}` would be shared by every instance.
#[casper_dsl::contract(instance = "name", account_keys(contract_hash = "token_contract"))]
pub mod token {
    #[init]
    pub fn init(name: String) {
        let _ = name;
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
