#[casper_dsl::session(name = "remember")]
pub mod remember {
    #[call]
    pub fn call() {}
}

fn main() {}
