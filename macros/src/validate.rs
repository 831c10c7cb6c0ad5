//! The rules a [`DslModule`] must follow, checked on the model alone; every violation is
//! collected with the span of the offending token.

use std::collections::HashMap;

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
    errors.finish(())
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
    for export in &module.exports {
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
                    "two entry points are named `{}` (the other one is `{}`): rename one with #[entry_point(name = \"...\")]",
                    name.value, first.ident
                ),
            );
        }
    }
}
