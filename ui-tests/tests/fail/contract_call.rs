#[casper_dsl::contract]
pub mod counter {
    #[call]
    pub fn call() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
