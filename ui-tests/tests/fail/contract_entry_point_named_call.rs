#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn call() {}
}

fn main() {}
