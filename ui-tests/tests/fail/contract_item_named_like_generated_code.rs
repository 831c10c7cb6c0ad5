#[casper_dsl::contract]
pub mod vault {
    use casper_dsl::prelude::*;

    pub mod counter {
        pub mod calls {}
    }

    use counter::calls;

    #[entry_point]
    pub fn installer() {}
}

fn main() {}
