#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> impl Into<u64> {
        1u64
    }
}

fn main() {}
