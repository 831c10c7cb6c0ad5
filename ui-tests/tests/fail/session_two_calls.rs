#[casper_dsl::session]
pub mod remember {
    #[call]
    pub fn call() {}

    #[call]
    pub fn again() {}
}

fn main() {}
