#[casper_dsl::contract]
pub mod counter {
    #[entry_point(payable)]
    pub fn get() {}
}

fn main() {}
