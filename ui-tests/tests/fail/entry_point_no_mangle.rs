#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    #[unsafe(no_mangle)]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
