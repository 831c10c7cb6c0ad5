#[casper_dsl::session]
pub mod remember {
    #[call]
    pub fn call() -> u64 {
        5
    }
}

fn main() {}
