//! A contract whose package is locked: it never takes a second version.
#![no_std]

#[casper_dsl::contract(locked)]
pub mod greeter {
    use casper_dsl::prelude::*;

    #[entry_point]
    pub fn hello() -> String {
        String::from("hello")
    }
}
