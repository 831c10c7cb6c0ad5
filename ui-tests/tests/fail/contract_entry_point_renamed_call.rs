#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = "call")]
    pub fn install() {}
}

fn main() {}
