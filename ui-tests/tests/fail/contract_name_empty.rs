#[casper_dsl::contract(name = "")]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
