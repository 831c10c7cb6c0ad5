#[casper_dsl::contract]
pub mod token {
    #[upgrade]
    pub fn migrate() {}

    #[upgrade]
    pub fn migrate_again() {}

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
