#[casper_dsl::session]
pub mod remember {
    use casper_dsl::prelude::*;

    #[call]
    pub fn call() -> Result<u64, ApiError> {
        Ok(1)
    }
}

fn main() {}
