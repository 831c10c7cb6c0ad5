#[casper_dsl::contract]
pub mod token {
    #[entry_point(groups = ["admin", "minter", "admin"])]
    pub fn mint() {}
}

fn main() {}
