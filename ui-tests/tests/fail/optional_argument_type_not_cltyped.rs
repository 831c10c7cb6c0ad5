#[casper_dsl::contract]
pub mod counter {
    pub struct Point;

    #[entry_point]
    pub fn set(_point: Option<Point>) {}
}

fn main() {}
