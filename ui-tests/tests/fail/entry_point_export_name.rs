#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    #[unsafe(export_name = "read")]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
