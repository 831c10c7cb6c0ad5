#[casper_dsl::contract]
pub mod token {
    #[entry_point(groups = "admin")]
    pub fn mint() {}
}

fn main() {}
