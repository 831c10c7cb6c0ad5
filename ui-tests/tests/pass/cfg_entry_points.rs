//! `#[cfg]` on an entry point applies to its export, its table row and its typed call alike.
#[casper_dsl::contract]
pub mod counter {
    #[entry_point]
    pub fn get() -> u64 {
        1
    }

    #[cfg(any())]
    #[entry_point]
    pub fn never_built(missing: NoSuchType) -> u64 {
        missing.0
    }

    #[cfg(all())]
    #[entry_point]
    pub fn always_built(by: u64) -> u64 {
        by
    }
}

fn main() {
    let _ = counter::calls::always_built(1);
}
