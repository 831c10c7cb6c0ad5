#[casper_dsl::contract]
pub mod token {
    #[event]
    pub struct Transfer<T> {
        pub amount: T,
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        9
    }
}

fn main() {}
