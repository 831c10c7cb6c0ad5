#[casper_dsl::contract]
pub mod counter {
    #[entry_point(name = get_count)]
    pub fn get() {}
}

fn main() {}
