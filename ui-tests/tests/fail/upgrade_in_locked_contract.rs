#[casper_dsl::contract(locked)]
pub mod token {
    #[upgrade]
    pub fn migrate() {}

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
