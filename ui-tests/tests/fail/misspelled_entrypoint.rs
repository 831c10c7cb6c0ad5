#[casper_dsl::contract]
pub mod counter {
    #[entrypoint]
    pub fn get_count() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
