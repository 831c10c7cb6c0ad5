#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn init() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
