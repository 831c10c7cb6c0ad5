#[casper_dsl::session]
pub mod pay {
    use casper_dsl::prelude::*;

    #[event]
    pub struct Paid {
        pub amount: U512,
    }

    #[call]
    pub fn call(amount: U512) {
        emit(Paid { amount });
    }
}

fn main() {}
