use casper_dsl::entry_point;

#[entry_point]
pub fn get() -> u64 {
    1
}

fn main() {}
