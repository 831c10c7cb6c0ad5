//! The rules a [`DslModule`] must follow, checked on the model alone; every violation is
//! collected with the span of the offending token.

use std::collections::{HashMap, HashSet};

use crate::{
    errors::Errors,
    model::{DslModule, Export, Mode, Name, Role},
};

/// Export name of the generated installer (contracts) or session body.
pub const CALL_EXPORT: &str = "call";

/// Prefix of every identifier and named key the expansion generates.
pub const RESERVED_PREFIX: &str = "__casper_dsl";

/// Checks every rule, reporting all violations at once.
pub fn validate(module: &DslModule) -> syn::Result<()> {
    let mut errors = Errors::default();
    match module.mode {
        Mode::Session => validate_session(module, &mut errors),
        Mode::Contract => validate_contract(module, &mut errors),
    }
    for export in &module.exports {
        check_param_names(export, &mut errors);
    }
    errors.finish(())
}

/// Each parameter is the runtime argument of its name, so names are unique (`r#x` is `x`).
fn check_param_names(export: &Export, errors: &mut Errors) {
    let mut seen = HashSet::new();
    for param in &export.params {
        if !seen.insert(param.name.value.as_str()) {
            errors.add(
                param.name.span,
                format!(
                    "two parameters of `{}` are the runtime argument `{}`: rename one",
                    export.ident, param.name.value
                ),
            );
        }
    }
}

fn validate_session(module: &DslModule, errors: &mut Errors) {
    let mut calls = 0;
    for export in &module.exports {
        match export.role {
            Role::Call => {
                calls += 1;
                if calls > 1 {
                    errors.add(export.attr_span, "a session has exactly one #[call] function; remove this one or merge the two");
                }
                check_returns_nothing(export, errors);
            }
            role => errors.add(
                export.attr_span,
                format!(
                    "{} belongs in a #[casper_dsl::contract] module; a session has one #[call] function",
                    role.attribute()
                ),
            ),
        }
    }
    if calls == 0 {
        errors.add(
            module.item.ident.span(),
            "a session needs one function marked #[call]: it becomes the `call` export",
        );
    }
}

fn validate_contract(module: &DslModule, errors: &mut Errors) {
    check_contract_name(&module.name, errors);
    let mut inits = 0;
    let mut entry_points = 0;
    for export in &module.exports {
        match export.role {
            Role::Call => errors.add(
                export.attr_span,
                "#[call] belongs in a #[casper_dsl::session] module; a contract exports #[entry_point] functions",
            ),
            Role::Init => {
                inits += 1;
                if inits > 1 {
                    errors.add(export.attr_span, "a contract has at most one #[init] function");
                }
                check_returns_nothing(export, errors);
            }
            Role::EntryPoint => entry_points += 1,
        }
    }
    if entry_points == 0 {
        errors.add(
            module.item.ident.span(),
            "a contract needs at least one function marked #[entry_point]",
        );
    }
    check_export_names(module, errors);
}

/// `#[call]` and `#[init]` run for their effects: they return `()` or `Result<(), E>`.
fn check_returns_nothing(export: &Export, errors: &mut Errors) {
    if let Some(ty) = export.output.returned_type() {
        errors.add_spanned(
            ty,
            format!(
                "{} functions return `()` or `Result<(), E>`: nobody receives their value; \
                 store it under a named key, or return it from a contract #[entry_point]",
                export.role.attribute()
            ),
        );
    }
}

fn check_contract_name(name: &Name, errors: &mut Errors) {
    if !is_valid_name(&name.value) {
        errors.add(
            name.span,
            "a contract name is a non-empty string of ASCII letters, digits, `_` and `-` (it prefixes the named keys `<name>_contract_hash`, ...)",
        );
    }
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Entry-point names are unique, valid, and do not collide with the installer's `call`.
fn check_export_names(module: &DslModule, errors: &mut Errors) {
    let mut seen: HashMap<&str, &Export> = HashMap::new();
    // A `#[call]` in a contract is reported as such; its name is beside the point.
    let entry_points = module.exports.iter().filter(|e| e.role != Role::Call);
    for export in entry_points {
        let name = &export.name;
        if !is_valid_name(&name.value) {
            errors.add(
                name.span,
                "an entry point name is a non-empty string of ASCII letters, digits, `_` and `-`",
            );
        } else if name.value == CALL_EXPORT {
            errors.add(
                name.span,
                "`call` is the contract's installer: rename the entry point, e.g. #[entry_point(name = \"call_\")]",
            );
        } else if name.value.starts_with(RESERVED_PREFIX) {
            errors.add(
                name.span,
                format!("names starting with `{RESERVED_PREFIX}` are reserved"),
            );
        } else if let Some(first) = seen.insert(&name.value, export) {
            errors.add(
                name.span,
                format!(
                    "functions `{}` and `{}` are both exported as `{}`: rename one with #[entry_point(name = \"...\")]",
                    first.ident, export.ident, name.value
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::quote;

    use super::*;
    use crate::parse::parse_module;

    /// The messages of every rule `item` breaks.
    fn violations(mode: Mode, args: TokenStream, item: TokenStream) -> Vec<String> {
        let module = parse_module(mode, args, item).expect("the module parses");
        match validate(&module) {
            Ok(()) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    fn assert_violations(found: &[String], expected: &[&str]) {
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(
                found.contains(expected),
                "`{found}` should contain `{expected}`"
            );
        }
    }

    #[test]
    fn a_well_formed_session_and_contract_pass() {
        let session = quote!(
            mod s {
                #[call]
                pub fn call(x: u64) -> Result<(), E> {
                    Ok(())
                }
            }
        );
        assert_violations(&violations(Mode::Session, quote!(), session), &[]);
        let contract = quote! {
            mod c {
                #[init] pub fn init() {}
                #[entry_point] pub fn get() -> u64 { 1 }
                #[entry_point(name = "get_2")] pub fn get() -> u64 { 2 }
            }
        };
        assert_violations(&violations(Mode::Contract, quote!(), contract), &[]);
    }

    #[test]
    fn session_rules() {
        assert_violations(
            &violations(
                Mode::Session,
                quote!(),
                quote!(
                    mod s {
                        fn helper() {}
                    }
                ),
            ),
            &["a session needs one function marked #[call]"],
        );
        let found = violations(
            Mode::Session,
            quote!(),
            quote! {
                mod s {
                    #[call] pub fn call() -> u64 { 1 }
                    #[call] pub fn again() {}
                    #[entry_point] pub fn ep() {}
                    #[init] pub fn init() {}
                }
            },
        );
        assert_violations(
            &found,
            &[
                "#[call] functions return `()` or `Result<(), E>`",
                "exactly one #[call]",
                "#[entry_point] belongs in a #[casper_dsl::contract]",
                "#[init] belongs in a #[casper_dsl::contract]",
            ],
        );
    }

    #[test]
    fn contract_rules() {
        assert_violations(
            &violations(
                Mode::Contract,
                quote!(),
                quote!(
                    mod c {
                        #[init]
                        pub fn init() {}
                    }
                ),
            ),
            &["at least one function marked #[entry_point]"],
        );
        let found = violations(
            Mode::Contract,
            quote!(name = "bad name"),
            quote! {
                mod c {
                    #[call] pub fn body() {}
                    #[init] pub fn init() -> Result<u64, E> { Ok(1) }
                    #[init] pub fn init_again() {}
                    #[entry_point] pub fn call() {}
                    #[entry_point] pub fn get() {}
                    #[entry_point(name = "get")] pub fn get_too() {}
                    #[entry_point(name = "__casper_dsl_x")] pub fn hidden() {}
                    #[entry_point(name = "")] pub fn empty() {}
                }
            },
        );
        assert_violations(
            &found,
            &[
                "a contract name is a non-empty string",
                "#[call] belongs in a #[casper_dsl::session]",
                "#[init] functions return `()` or `Result<(), E>`",
                "at most one #[init]",
                "`call` is the contract's installer",
                "functions `get` and `get_too` are both exported as `get`",
                "names starting with `__casper_dsl` are reserved",
                "an entry point name is a non-empty string",
            ],
        );
    }

    #[test]
    fn parameter_names_are_unique_runtime_arguments() {
        let found = violations(
            Mode::Session,
            quote!(),
            quote!(
                mod s {
                    #[call]
                    pub fn call(by: u64, r#by: u64) {}
                }
            ),
        );
        assert_violations(
            &found,
            &["two parameters of `call` are the runtime argument `by`"],
        );
    }
}
