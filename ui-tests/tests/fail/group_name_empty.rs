#[casper_dsl::contract]
pub mod vault {
    #[entry_point(groups = ["admin", ""])]
    pub fn drain() {}
}

fn main() {}
