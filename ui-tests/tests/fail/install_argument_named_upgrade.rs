#[casper_dsl::contract]
pub mod counter {
    #[init]
    pub fn init(upgrade: bool) {
        let _ = upgrade;
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
