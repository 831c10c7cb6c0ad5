#[casper_dsl::contract]
pub mod counter {
    pub struct Counter;

    impl Counter {
        #[casper_dsl::entry_point]
        pub fn get() -> u64 {
            1
        }
    }

    #[casper_dsl::entry_point]
    pub fn count() -> u64 {
        Counter::get()
    }
}

fn main() {}
