#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn add(__casper_dsl_args: u64) -> u64 {
        __casper_dsl_args
    }
}

fn main() {}
