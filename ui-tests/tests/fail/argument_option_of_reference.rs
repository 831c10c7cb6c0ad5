#[casper_dsl::contract]
pub mod greeter {
    #[entry_point]
    pub fn hello(_name: Option<&'static str>) {}
}

fn main() {}
