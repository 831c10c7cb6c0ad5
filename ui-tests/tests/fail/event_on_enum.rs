#[casper_dsl::contract]
pub mod token {
    #[event]
    pub enum Transfer {
        Minted,
        Burned,
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
