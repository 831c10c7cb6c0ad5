#[casper_dsl::contract(name = "counter")]
pub mod my_counter {
    use casper_dsl::prelude::*;

    pub enum Error {
        Denied = 1,
    }

    impl From<Error> for ApiError {
        fn from(error: Error) -> Self {
            ApiError::User(error as u16)
        }
    }

    #[init]
    pub fn init(start: u64, label: Option<String>) {
        put_key(label.as_deref().unwrap_or("count"), storage::new_uref(start).into());
    }

    #[entry_point]
    pub fn get() -> u64 {
        helper()
    }

    #[entry_point(name = "try_get")]
    pub fn get_checked(fail: bool) -> Result<u64, Error> {
        if fail { Err(Error::Denied) } else { Ok(helper()) }
    }

    fn helper() -> u64 {
        7
    }
}

fn main() {}
