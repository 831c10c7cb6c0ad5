//! Codes up to 64999 are the contract's; each variant reverts with its own.

#[casper_dsl::error]
pub enum Error {
    First = 0,
    Last = 64999,
}

fn main() {
    assert_eq!(casper_dsl::ApiError::from(Error::First), casper_dsl::ApiError::User(0));
    assert_eq!(casper_dsl::ApiError::from(Error::Last), casper_dsl::ApiError::User(64999));
    assert_eq!(casper_dsl::errors::FIRST_RESERVED_USER_CODE, 65000);
}
