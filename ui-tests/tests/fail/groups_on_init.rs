#[casper_dsl::contract]
pub mod token {
    #[init(groups = ["admin"])]
    pub fn init() {}

    #[entry_point(groups = ["admin"])]
    pub fn mint() {}
}

fn main() {}
