#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

#[casper_dsl::contract]
pub mod other_counter {
    #[entry_point]
    pub fn get() -> u64 {
        2
    }
}

fn main() {}
