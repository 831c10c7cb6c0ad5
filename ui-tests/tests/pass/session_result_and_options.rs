#[casper_dsl::session]
pub mod pay {
    use casper_dsl::prelude::*;

    #[call]
    pub fn call(target: AccountHash, amount: U512, memo: Option<u64>) -> Result<(), ApiError> {
        let _ = (target, amount, memo);
        Ok(())
    }

    fn helper() {}
}

fn main() {}
