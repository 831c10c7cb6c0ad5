#[casper_dsl::contract]
pub mod outer {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    #[casper_dsl::contract]
    pub mod inner {
        #[entry_point]
        pub fn get() -> u64 {
            2
        }
    }
}

fn main() {}
