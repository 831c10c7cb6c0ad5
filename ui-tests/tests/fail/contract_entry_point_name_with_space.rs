#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = "get count")]
    pub fn get() {}
}

fn main() {}
