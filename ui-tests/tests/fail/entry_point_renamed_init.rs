#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = "init")]
    pub fn setup() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
