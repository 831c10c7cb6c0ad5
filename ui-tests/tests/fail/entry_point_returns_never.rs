#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn stop() -> ! {
        loop {}
    }
}

fn main() {}
