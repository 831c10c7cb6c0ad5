#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub extern "C" fn get() {}
}

fn main() {}
