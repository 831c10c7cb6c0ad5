#[casper_dsl::contract]
pub mod token {
    pub struct NotAnApiError;

    pub type Result<T> = core::result::Result<T, NotAnApiError>;

    #[entry_point]
    pub fn get() -> Result<u64> {
        Ok(1)
    }
}

fn main() {}
