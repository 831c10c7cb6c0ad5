#[casper_dsl::contract]
pub mod counter {
    pub const START: u64 = 1;

    pub struct Snapshot {
        pub count: u64,
    }

    pub fn helper() -> u64 {
        START
    }

    #[entry_point(groups = [])]
    pub fn get() -> u64 {
        helper()
    }
}

fn main() {
    // The module's items are still there: only the DSL error above is reported.
    let snapshot = counter::Snapshot { count: counter::helper() };
    let _ = snapshot.count + counter::START + counter::get();
    // And rustc still type-checks the rest of the crate in the same build.
    let _not_a_number: u64 = "text";
}
