#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get<T>(value: T) {}
}

fn main() {}
