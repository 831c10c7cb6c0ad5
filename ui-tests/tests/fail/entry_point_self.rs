#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get(&self) {}
}

fn main() {}
