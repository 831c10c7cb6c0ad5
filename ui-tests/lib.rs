//! Test-only crate: the cases live in `tests/`.
