// A const parameter: an unused type or lifetime parameter would add rustc's E0392.
#[casper_dsl::error]
pub enum TokenError<const TOKEN: u8> {
    InsufficientBalance = 1,
}

fn main() {}
