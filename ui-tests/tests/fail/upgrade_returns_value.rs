#[casper_dsl::contract]
pub mod token {
    #[upgrade]
    pub fn migrate() -> u32 {
        2
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
