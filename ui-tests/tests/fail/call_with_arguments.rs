#[casper_dsl::session]
pub mod remember {
    #[call(name = "run")]
    pub fn call() {}
}

fn main() {}
