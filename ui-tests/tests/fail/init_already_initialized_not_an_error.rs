#[casper_dsl::contract]
pub mod token {
    pub struct NotAnError;

    #[init(already_initialized = NotAnError)]
    pub fn init() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
