#[casper_dsl::contract]
pub mod token {
    pub struct Supply(&'static str);

    impl Supply {
        pub const fn new(key: &'static str) -> Self {
            Supply(key)
        }
    }

    #[state]
    pub const TOTAL_SUPPLY: Supply = Supply::new("total_supply");

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
