#[casper_dsl::session]
pub struct Remember;

fn main() {}
