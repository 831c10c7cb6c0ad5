#[casper_dsl::session]
pub mod pay {
    #[upgrade]
    pub fn migrate() {}

    #[call]
    pub fn call() {}
}

fn main() {}
