#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub const fn get() {}
}

fn main() {}
