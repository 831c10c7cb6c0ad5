#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = "__casper_dsl_install")]
    pub fn install() {}
}

fn main() {}
