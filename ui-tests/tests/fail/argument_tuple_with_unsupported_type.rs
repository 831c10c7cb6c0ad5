#[casper_dsl::contract]
pub mod counter {
    pub struct Point {
        pub x: u64,
    }

    #[entry_point]
    pub fn set(_pair: (u64, Point)) {}
}

fn main() {}
