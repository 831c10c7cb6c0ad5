#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub async fn get() {}
}

fn main() {}
