#[casper_dsl::contract]
#[casper_dsl::contract(name = "other")]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
