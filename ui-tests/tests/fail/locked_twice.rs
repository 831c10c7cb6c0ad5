#[casper_dsl::contract(locked, locked)]
pub mod token {
    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
