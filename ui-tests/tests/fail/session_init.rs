#[casper_dsl::session]
pub mod remember {
    #[call]
    pub fn call() {}

    #[init]
    pub fn init() {}
}

fn main() {}
