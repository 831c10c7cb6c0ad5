#[casper_dsl::contract]
pub mod counter {
    #[init]
    pub fn init() {}

    #[init]
    pub fn setup() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
