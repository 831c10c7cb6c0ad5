#[casper_dsl::contract(locked = true)]
pub mod greeter {
    #[entry_point]
    pub fn hello() {}
}

fn main() {}
