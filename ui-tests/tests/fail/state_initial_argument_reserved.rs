#[casper_dsl::contract(events = chosen_at_install)]
pub mod counter {
    use casper_dsl::prelude::*;

    #[state(initial = arg(upgrade))]
    pub const UPGRADED: Var<bool> = Var::new("upgraded");
    #[state(initial = arg(events_mode))]
    pub const MODE: Var<u8> = Var::new("mode");
    #[state(initial = arg(__casper_dsl_start))]
    pub const COUNT: Var<u64> = Var::new("count");

    #[event]
    pub struct Counted {
        pub count: u64,
    }

    #[entry_point]
    pub fn get() -> u64 {
        COUNT.get()
    }
}

fn main() {}
