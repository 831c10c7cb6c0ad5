#[casper_dsl::contract(label = "x", name = 5, locked, locked)]
pub mod greeter {
    #[entry_point]
    pub fn hello() {}
}

fn main() {}
