#[casper_dsl::session]
pub mod remember {
    use casper_dsl::prelude::*;

    #[state]
    pub const LAST: Var<u64> = Var::new("last");

    #[call]
    pub fn call(value: u64) {
        LAST.set(value);
    }
}

fn main() {}
