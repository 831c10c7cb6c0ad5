#[casper_dsl::contract(name("greeter"), locked)]
pub mod greeter {
    #[entry_point]
    pub fn hello() {}
}

fn main() {}
