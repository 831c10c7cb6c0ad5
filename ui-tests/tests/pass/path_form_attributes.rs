//! The attributes inside a module may be named by their path, like the module's own.
#[casper_dsl::contract]
pub mod counter {
    #[casper_dsl::init]
    pub fn init() {}

    #[casper_dsl::entry_point]
    pub fn get() -> u64 {
        1
    }

    #[::casper_dsl::entry_point(name = "get_2")]
    pub fn get_again() -> u64 {
        2
    }
}

fn main() {}
