#[casper_dsl::init]
pub fn init() {}

fn main() {}
