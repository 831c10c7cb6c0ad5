#[casper_dsl::error]
pub enum TokenError {
    Overflow = 70000,
}

fn main() {}
