#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn set(_callback: fn(mut self)) {}
}

fn main() {}
