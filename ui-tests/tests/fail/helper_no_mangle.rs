#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    #[no_mangle]
    pub extern "C" fn call() {}
}

fn main() {}
