#[casper_dsl::contract]
pub mod token {
    #[event(topic = "audit")]
    pub struct Audited {
        pub amount: u64,
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
