#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() where u64: Copy {}
}

fn main() {}
