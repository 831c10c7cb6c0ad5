#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn set(_values: Vec<_>) {}
}

fn main() {}
