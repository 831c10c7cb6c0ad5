#[casper_dsl::contract]
pub mod counter {
    pub const COUNT: &str = "count";

    pub struct Limits {
        pub max: u64,
    }

    impl Limits {
        fn check(&self, value: u64) -> bool {
            value <= self.max
        }
    }

    pub mod nested {
        pub fn double(x: u64) -> u64 {
            x * 2
        }
    }

    #[entry_point]
    pub fn get() -> u64 {
        let limits = Limits { max: 10 };
        let value = nested::double(helper());
        if limits.check(value) { value } else { 0 }
    }

    fn helper() -> u64 {
        let _ = COUNT;
        3
    }
}

fn main() {}
