#[casper_dsl::session]
pub mod remember {
    pub struct Refused;

    #[call]
    pub fn call() -> Result<(), Refused> {
        Err(Refused)
    }
}

fn main() {}
