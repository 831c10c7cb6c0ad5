#[casper_dsl::contract(keep_previous_versions = false)]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
