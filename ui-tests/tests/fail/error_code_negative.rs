#[casper_dsl::error]
pub enum TokenError {
    Underflow = -1,
}

fn main() {}
