#[casper_dsl::contract(instance = "label")]
pub mod counter {
    #[init]
    pub fn init(start: u64) {
        let _ = start;
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
