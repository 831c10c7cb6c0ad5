#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub unsafe fn get() {}
}

fn main() {}
