#[casper_dsl::session]
pub mod remember {
    pub fn helper() {}
}

fn main() {}
