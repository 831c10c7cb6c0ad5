#[casper_dsl::contract]
pub mod counter {
    #[init]
    pub const START: u64 = 0;

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
