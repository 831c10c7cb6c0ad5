//! Each rule of the engine's Wasm preprocessing that the check enforces: a module breaking it is
//! reported by location and reason instead of being written out.

use casper_dsl_build::deployable;

/// The messages for the module in `wat`, which must be refused.
fn refused(wat: &str) -> Vec<String> {
    let wasm = wat::parse_str(wat).expect("valid WAT");
    deployable(&wasm)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn assert_reported(messages: &[String], location: &str, reason: &str) {
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{location}: ")) && m.contains(reason)),
        "expected `{location}: …{reason}…` in {messages:#?}"
    );
}

#[test]
fn floating_point_arithmetic_is_refused_by_function() {
    let messages = refused(
        r#"(module (memory 1)
          (func $average (param f64 f64) (result f64)
            (f64.div (f64.add (local.get 0) (local.get 1)) (f64.const 2))))"#,
    );
    assert_reported(&messages, "average", "F64Add (floating point)");
    assert_reported(&messages, "average", "F64Div (floating point)");
    assert_reported(&messages, "average", "a floating-point constant");
}

#[test]
fn float_loads_and_stores_are_accepted() {
    let wasm = wat::parse_str(
        r#"(module (memory 1)
          (func (export "call") (f64.store (i32.const 8) (f64.load (i32.const 0)))))"#,
    )
    .unwrap();
    deployable(&wasm).expect("the engine prices float loads and stores");
}

#[test]
fn sign_extension_is_accepted() {
    let wasm = wat::parse_str(
        r#"(module (memory 1)
          (func (export "call") (param i32) (result i32) (i32.extend8_s (local.get 0))))"#,
    )
    .unwrap();
    deployable(&wasm).expect("the engine accepts sign extension");
}

#[test]
fn other_post_mvp_instructions_are_refused_by_name() {
    let messages = refused(
        r#"(module (memory 1 1 shared) (data $d "abc")
          (func $init (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3)))
          (func $atomic (result i32) (i32.atomic.load (i32.const 0))))"#,
    );
    assert_reported(&messages, "init", "MemoryInit (not wasm MVP)");
    assert_reported(&messages, "atomic", "(not wasm MVP)");
    assert_reported(&messages, "memory section", "shared");
}

#[test]
fn a_br_table_longer_than_256_targets_is_refused() {
    let targets = "0 ".repeat(257);
    let messages = refused(&format!(
        r#"(module (memory 1)
          (func $dispatch (param i32) (block (br_table {targets} 0 (local.get 0)))))"#
    ));
    assert_reported(
        &messages,
        "dispatch",
        "a br_table with 257 targets (at most 256)",
    );
}

#[test]
fn module_limits_are_enforced() {
    let globals = "(global i32 (i32.const 0))".repeat(257);
    let messages = refused(&format!(
        r#"(module (import "env" "gas" (func (param i32)))
          (memory 65) (table 5000 funcref) {globals})"#
    ));
    assert_reported(&messages, "memory section", "65 pages (at most 64)");
    assert_reported(&messages, "table section", "5000 entries (at most 4096)");
    assert_reported(&messages, "global section", "257 globals (at most 256)");
    assert_reported(&messages, "import section", "`env.gas`");
}

#[test]
fn a_module_needs_its_own_memory() {
    assert_reported(
        &refused("(module)"),
        "memory section",
        "a module without memory",
    );
    assert_reported(
        &refused(r#"(module (import "env" "memory" (memory 1)))"#),
        "memory section",
        "an imported memory",
    );
}

#[test]
fn too_many_parameters_are_refused() {
    let params = "i32 ".repeat(257);
    let messages = refused(&format!("(module (memory 1) (func (param {params})))"));
    assert_reported(&messages, "type section", "257 parameters (at most 256)");
}
