#[casper_dsl::contract]
pub mod counter {
    pub enum CounterError {
        Overflow,
    }

    #[entry_point]
    pub fn get() -> Result<u64, CounterError> {
        Err(CounterError::Overflow)
    }
}

fn main() {}
