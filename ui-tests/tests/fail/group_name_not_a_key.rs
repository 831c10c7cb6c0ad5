#[casper_dsl::contract]
pub mod vault {
    #[entry_point(groups = ["vault admins"])]
    pub fn drain() {}
}

fn main() {}
