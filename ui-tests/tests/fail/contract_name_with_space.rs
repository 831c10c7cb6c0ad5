#[casper_dsl::contract(name = "my counter")]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
