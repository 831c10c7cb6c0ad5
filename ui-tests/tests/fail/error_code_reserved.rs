#[casper_dsl::error]
pub enum TokenError {
    Last = 64999,
    Panic = 65535,
}

fn main() {}
