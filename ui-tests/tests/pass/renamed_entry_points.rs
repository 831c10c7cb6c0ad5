#[casper_dsl::contract(name = "counter_v2")]
pub mod counter {
    #[entry_point(name = "get")]
    pub fn get_count() -> u64 {
        1
    }

    #[entry_point(name = "get-legacy")]
    pub fn get() -> u64 {
        2
    }
}

fn main() {}
