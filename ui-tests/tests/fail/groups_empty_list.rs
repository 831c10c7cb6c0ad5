#[casper_dsl::contract]
pub mod vault {
    #[entry_point(groups = [])]
    pub fn drain() {}
}

fn main() {}
