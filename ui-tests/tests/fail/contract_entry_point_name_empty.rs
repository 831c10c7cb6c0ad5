#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = "")]
    pub fn get() {}
}

fn main() {}
