#[casper_dsl::session]
pub mod remember {
    use casper_dsl::prelude::*;

    #[call]
    pub fn call(name: String, value: u64) {
        put_key(&name, storage::new_uref(value).into());
    }
}

fn main() {}
