#[casper_dsl::contract]
pub mod counter {
    #[init]
    pub fn init() -> u64 {
        1
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
