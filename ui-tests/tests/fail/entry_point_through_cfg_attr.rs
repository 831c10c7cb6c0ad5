#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    #[cfg_attr(feature = "admin", entry_point)]
    pub fn reset() {}
}

fn main() {}
