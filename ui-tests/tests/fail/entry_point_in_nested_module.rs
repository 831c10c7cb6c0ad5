#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    pub mod admin {
        #[casper_dsl::entry_point]
        pub fn reset() {}
    }
}

fn main() {}
