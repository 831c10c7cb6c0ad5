#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub struct Get;

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
