#[casper_dsl::contract]
pub mod counter {
    pub struct Point;

    #[entry_point]
    pub fn get() -> Point {
        Point
    }
}

fn main() {}
