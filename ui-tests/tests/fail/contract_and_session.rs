#[casper_dsl::contract]
#[casper_dsl::session]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
