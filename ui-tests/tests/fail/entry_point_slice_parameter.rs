#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn store(bytes: &[u8]) {}
}

fn main() {}
