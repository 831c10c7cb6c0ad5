#[casper_dsl::contract(instance = "id")]
pub mod counter {
    #[init]
    pub fn init(id: u64) {
        let _ = id;
    }

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
