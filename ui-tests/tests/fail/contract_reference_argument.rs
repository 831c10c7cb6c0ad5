#[casper_dsl::contract]
pub mod greeter {
    #[entry_point]
    pub fn greet(name: &str) -> u64 {
        name.len() as u64
    }
}

fn main() {}
