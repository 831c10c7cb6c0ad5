#[casper_dsl::contract(instance = "name", account_keys(package_hash = "token_{name}_{instance}"))]
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
