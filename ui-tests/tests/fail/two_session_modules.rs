#[casper_dsl::session]
pub mod first {
    #[call]
    pub fn call() {}
}

#[casper_dsl::session]
pub mod second {
    #[call]
    pub fn call() {}
}

fn main() {}
