const BASE: isize = 100;

#[casper_dsl::error]
pub enum TokenError {
    Overflow = BASE + 1,
}

fn main() {}
