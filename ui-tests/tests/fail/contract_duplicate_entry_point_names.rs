#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    #[entry_point(name = "get")]
    pub fn fetch() -> u64 {
        2
    }
}

fn main() {}
