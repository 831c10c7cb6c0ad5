#[casper_dsl::contract]
pub mod counter {
    #[init]
    pub fn init() {}

    fn helper() {}
}

fn main() {}
