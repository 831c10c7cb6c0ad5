#[casper_dsl::session]
pub mod remember {
    #[call]
    pub fn call() {}

    #[entry_point]
    pub fn get() -> u64 {
        1
    }
}

fn main() {}
