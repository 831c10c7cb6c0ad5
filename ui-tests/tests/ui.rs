//! Each file under `tests/fail` is one mistake, with the compiler output it must produce beside
//! it (`.stderr`); each file under `tests/pass` must compile. Regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p ui-tests` and review them like code.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/pass/*.rs");
    cases.compile_fail("tests/fail/*.rs");
}
