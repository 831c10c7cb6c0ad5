#[casper_dsl::contract]
/// A counter.
pub mod counter {
    /// Returns the count.
    ///
    /// Documented like any function.
    #[entry_point]
    #[allow(clippy::let_and_return)]
    #[inline]
    pub fn get() -> u64 {
        #[allow(unused_variables)]
        let unused = 1;
        7
    }

    #[allow(dead_code)]
    /// Attributes before the DSL attribute are kept too.
    #[entry_point]
    pub fn set(value: u64) {
        let _ = value;
    }
}

fn main() {}
