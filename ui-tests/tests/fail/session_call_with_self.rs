#[casper_dsl::session]
pub mod remember {
    #[call]
    pub fn call(self) {}
}

fn main() {}
