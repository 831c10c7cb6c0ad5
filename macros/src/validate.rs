//! The rules a [`DslModule`] must follow, checked on the model alone; every violation is
//! collected with the span of the offending token.

use std::collections::{HashMap, HashSet};

use syn::{Ident, Item, UseTree};

use crate::{
    errors::Errors,
    model::{DslModule, Export, Mode, Name, Param, Role},
};
use casper_dsl_names::{
    handle, CALLS_MODULE, CALL_EXPORT, EVENTS_MODE, INSTALLER_FN, INSTANCE_PLACEHOLDER,
    RESERVED_PREFIX, UPGRADER_FN, UPGRADE_ARG,
};

/// The name an `#[entry_point]` may not take: it would look like the once-only `#[init]`.
const INIT_NAME: &str = "init";

/// Checks every rule, adding each violation to `errors`.
pub fn validate(module: &DslModule, errors: &mut Errors) {
    match module.mode {
        Mode::Session => validate_session(module, errors),
        Mode::Contract => validate_contract(module, errors),
    }
    for export in &module.exports {
        let install_argument = matches!(export.role, Role::Init | Role::Upgrade);
        for param in &export.params {
            check_param_name(module, param, install_argument, errors);
        }
    }
    check_state_args(module, errors);
}

/// Parameter names with the generated code's prefix are reserved, and so are the installer's
/// own install arguments (the upgrade switch, and the events mode when the installer reads it)
/// among the install arguments.
fn check_param_name(
    module: &DslModule,
    param: &Param,
    install_argument: bool,
    errors: &mut Errors,
) {
    if install_argument && module.reads_events_mode() && param.name.value == EVENTS_MODE {
        errors.add(
            param.name.span,
            format!(
                "`{EVENTS_MODE}` is the install argument the installer reads itself \
                 (`events = chosen_at_install`): rename the parameter"
            ),
        );
    } else if install_argument && param.name.value == UPGRADE_ARG {
        errors.add(
            param.name.span,
            format!(
                "`{UPGRADE_ARG}` is the install argument that asks the installer for an \
                 upgrade: rename the parameter"
            ),
        );
    } else if param.name.value.starts_with(RESERVED_PREFIX) {
        errors.add(
            param.name.span,
            format!("names starting with `{RESERVED_PREFIX}` are reserved: rename the parameter"),
        );
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
    for item in &module.state {
        errors.add(
            item.ident.span(),
            "#[state] belongs in a #[casper_dsl::contract] module: session code runs in the \
             signing account, which holds no contract state; use `put_key` for account keys",
        );
    }
    for event in &module.events {
        errors.add(
            event.ident.span(),
            "#[event] belongs in a #[casper_dsl::contract] module: only contracts emit messages",
        );
    }
}

fn validate_contract(module: &DslModule, errors: &mut Errors) {
    check_contract_name(&module.name, errors);
    let mut inits = 0;
    let mut upgrades = 0;
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
            }
            Role::Upgrade => {
                upgrades += 1;
                if upgrades > 1 {
                    errors.add(export.attr_span, "a contract has at most one #[upgrade] function");
                }
                if module.locked {
                    errors.add(
                        export.attr_span,
                        "a `locked` contract never gets a new version, so #[upgrade] would never \
                         run: remove #[upgrade] or `locked`",
                    );
                }
            }
            Role::EntryPoint => {
                entry_points += 1;
                check_groups(&module.name, export, errors);
                check_not_named_init(export, errors);
            }
        }
    }
    check_state_keys(module, errors);
    check_generated_names(module, errors);
    check_instance(module, errors);
    check_account_keys(module, errors);
    if entry_points == 0 {
        errors.add(
            module.item.ident.span(),
            "a contract needs at least one function marked #[entry_point]",
        );
    }
    check_export_names(module, errors);
}

/// `instance = "param"` names a parameter of `#[init]`, whose value names the instance.
fn check_instance(module: &DslModule, errors: &mut Errors) {
    let Some(instance) = &module.instance else {
        return;
    };
    if module.instance_param().is_none() {
        errors.add(
            instance.span,
            format!(
                "`instance = \"{}\"` names the #[init] parameter whose value names the instance: \
                 add `{}: String` to the #[init] function",
                instance.value, instance.value
            ),
        );
    }
}

/// Each name declared in `account_keys(...)` is a usable named key that is the instance's own
/// (it holds `{instance}` exactly when the contract has instances, and no other placeholder)
/// and differs from the other handles'.
fn check_account_keys(module: &DslModule, errors: &mut Errors) {
    let mut handles_by_key: HashMap<String, Vec<&str>> = HashMap::new();
    let kept = handle::ALL.into_iter().filter(|handle| {
        *handle != handle::CONTRACT_VERSION || module.account_keys.contract_version.is_some()
    });
    for handle in kept {
        handles_by_key
            .entry(module.account_key(handle))
            .or_default()
            .push(handle);
    }
    for (handle, name) in module.account_keys.declared() {
        let value = &name.value;
        let message = if value.is_empty() {
            "a named key cannot be empty".to_owned()
        } else if value.starts_with(RESERVED_PREFIX) {
            format!("named keys starting with `{RESERVED_PREFIX}` are reserved")
        } else if value.replace(INSTANCE_PLACEHOLDER, "").contains(['{', '}']) {
            format!("the only placeholder in an account key is `{INSTANCE_PLACEHOLDER}`")
        } else if module.instance.is_some() && !value.contains(INSTANCE_PLACEHOLDER) {
            format!(
                "with `instance = \"...\"`, each account key contains `{INSTANCE_PLACEHOLDER}`, \
                 replaced by the instance's name: otherwise every instance would use this one"
            )
        } else if module.instance.is_none() && value.contains(INSTANCE_PLACEHOLDER) {
            format!(
                "`{INSTANCE_PLACEHOLDER}` stands for the instance's name: add \
                 `instance = \"<#[init] parameter>\"` to the contract, or remove it"
            )
        } else if let Some(other) = handles_by_key[value].iter().find(|other| **other != handle) {
            format!(
                "`{handle}` and `{other}` would share the account key `{value}`: give each its own"
            )
        } else {
            continue;
        };
        errors.add(name.span, message);
    }
}

/// A contract module gets the generated `calls` module and `installer` function: nothing the
/// user declares or imports in it may take those names.
fn check_generated_names(module: &DslModule, errors: &mut Errors) {
    let Some((_, items)) = &module.item.content else {
        return;
    };
    for ident in items.iter().flat_map(item_names) {
        let what = if ident == CALLS_MODULE {
            "the module of typed entry-point calls"
        } else if ident == INSTALLER_FN {
            "the function that builds an install"
        } else if ident == UPGRADER_FN {
            "the function that builds an upgrade"
        } else {
            continue;
        };
        errors.add(
            ident.span(),
            format!(
                "`{ident}` is generated by #[casper_dsl::contract] ({what}): rename this item, \
                 e.g. `use other::{ident} as other_{ident};`"
            ),
        );
    }
}

/// The names an item brings into its module.
fn item_names(item: &Item) -> Vec<Ident> {
    match item {
        Item::Use(item) => {
            let mut names = Vec::new();
            use_names(&item.tree, &mut names);
            names
        }
        Item::Const(i) => vec![i.ident.clone()],
        Item::Enum(i) => vec![i.ident.clone()],
        Item::ExternCrate(i) => vec![i.rename.as_ref().map_or(&i.ident, |(_, r)| r).clone()],
        Item::Fn(i) => vec![i.sig.ident.clone()],
        Item::Mod(i) => vec![i.ident.clone()],
        Item::Static(i) => vec![i.ident.clone()],
        Item::Struct(i) => vec![i.ident.clone()],
        Item::Trait(i) => vec![i.ident.clone()],
        Item::Type(i) => vec![i.ident.clone()],
        Item::Union(i) => vec![i.ident.clone()],
        _ => Vec::new(),
    }
}

fn use_names(tree: &UseTree, names: &mut Vec<Ident>) {
    match tree {
        UseTree::Path(path) => use_names(&path.tree, names),
        UseTree::Name(name) => names.push(name.ident.clone()),
        UseTree::Rename(rename) => names.push(rename.rename.clone()),
        UseTree::Group(group) => group.items.iter().for_each(|tree| use_names(tree, names)),
        UseTree::Glob(_) => {}
    }
}

/// A group list names at least one group (an empty one would leave the entry point public),
/// each once, and each name can form the installer's account key `<contract>_<group>_group`.
fn check_groups(contract: &Name, export: &Export, errors: &mut Errors) {
    let Some(groups) = &export.groups else {
        return;
    };
    if groups.names.is_empty() {
        errors.add(
            groups.span,
            "an empty group list would leave this entry point callable by anyone: name at least \
             one group, or remove `groups` to make it public on purpose",
        );
    }
    let mut seen = HashSet::new();
    for group in &groups.names {
        if !is_valid_name(&group.value) {
            errors.add(
                group.span,
                format!(
                    "a group name is a non-empty string of ASCII letters, digits, `_` and `-`: \
                     the installer keeps the group's URef under the account key \
                     `{}_<group>_group`",
                    contract.value
                ),
            );
        } else if !seen.insert(group.value.as_str()) {
            errors.add(
                group.span,
                format!("group `{}` is listed twice", group.value),
            );
        }
    }
}

/// An entry point exported as `init` looks like an initializer but is callable by anyone at any
/// time: the once-only initializer is `#[init]`.
fn check_not_named_init(export: &Export, errors: &mut Errors) {
    if export.name.value == INIT_NAME {
        errors.add(
            export.name.span,
            "an #[entry_point] named `init` can be called by anyone, at any time: mark the \
             function #[init] to run it once, at install, or give the entry point another name",
        );
    }
}

/// A `#[state(initial = arg(name))]` argument is an install argument of its own: not one of the
/// installer's, nor an `#[init]` or `#[upgrade]` parameter, nor another item's.
fn check_state_args(module: &DslModule, errors: &mut Errors) {
    let mut seen: HashSet<&str> = module
        .exports
        .iter()
        .filter(|export| matches!(export.role, Role::Init | Role::Upgrade))
        .flat_map(|export| &export.params)
        .map(|param| param.name.value.as_str())
        .collect();
    for param in module.state_args() {
        check_param_name(module, param, true, errors);
        if !seen.insert(&param.name.value) {
            errors.add(
                param.name.span,
                format!(
                    "the install argument `{}` is already read (by #[init], #[upgrade] or \
                     another #[state] item): give each value its own argument",
                    param.name.value
                ),
            );
        }
    }
}

/// Each `#[state]` item has its own named key, which the generated names do not use.
fn check_state_keys(module: &DslModule, errors: &mut Errors) {
    let mut seen: HashMap<&str, &Ident> = HashMap::new();
    for item in &module.state {
        let key = &item.key;
        if key.value.is_empty() {
            errors.add(key.span, "a named key cannot be empty");
        } else if key.value.starts_with(RESERVED_PREFIX) {
            errors.add(
                key.span,
                format!("named keys starting with `{RESERVED_PREFIX}` are reserved"),
            );
        } else if module.events_keys().contains(&key.value.as_str()) {
            errors.add(
                key.span,
                format!(
                    "the installer keeps this contract's events under the named key `{}`: \
                     give the state another key",
                    key.value
                ),
            );
        } else if let Some(first) = seen.insert(&key.value, &item.ident) {
            errors.add(
                key.span,
                format!(
                    "`{}` and `{first}` both use the named key `{}`: give each its own",
                    item.ident, key.value
                ),
            );
        }
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
        let (module, parse_errors) = parse_module(mode, args, item).expect("the module parses");
        assert!(parse_errors.finish(()).is_ok(), "the module parses cleanly");
        let mut errors = Errors::default();
        validate(&module, &mut errors);
        match errors.finish(()) {
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
    fn account_keys_are_the_instances_own_and_distinct() {
        let init = quote! {
            mod token {
                #[init] pub fn init(name: String) {}
                #[entry_point] pub fn get() {}
            }
        };
        let found = violations(
            Mode::Contract,
            quote!(
                instance = "name",
                account_keys(
                    package_hash = "token_package",
                    access_uref = "a_{name}",
                    contract_hash = "{instance}_package_hash",
                    contract_version = "{instance}_package_hash",
                )
            ),
            init.clone(),
        );
        assert_violations(
            &found,
            &[
                "each account key contains `{instance}`",
                "the only placeholder",
                "`contract_hash` and `contract_version` would share",
                "`contract_version` and `contract_hash` would share",
            ],
        );
        let clean = violations(
            Mode::Contract,
            quote!(
                instance = "name",
                account_keys(
                    package_hash = "token_package_{instance}",
                    contract_version = "token_version_{instance}",
                )
            ),
            init,
        );
        assert_violations(&clean, &[]);
        let without_instance = violations(
            Mode::Contract,
            quote!(account_keys(
                contract_hash = "{instance}",
                access_uref = "token_package_hash"
            )),
            quote! { mod token { #[entry_point] pub fn get() {} } },
        );
        assert_violations(
            &without_instance,
            &[
                "would share the account key",
                "stands for the instance's name",
            ],
        );
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
    fn state_arguments_are_install_arguments_of_their_own() {
        let contract = quote! {
            mod c {
                #[state(initial = arg(start))] const A: Var<u8> = Var::new("a");
                #[state(initial = arg(start))] const B: Var<u8> = Var::new("b");
                #[state(initial = arg(label))] const C: Var<String> = Var::new("c");
                #[state(initial = arg(upgrade))] const D: Var<bool> = Var::new("d");
                #[state(initial = caller)] const E: Fixed<AccountHash> = Fixed::new("e");
                #[init] pub fn init(label: String) {}
                #[entry_point] pub fn get() {}
            }
        };
        assert_violations(
            &violations(Mode::Contract, quote!(), contract),
            &[
                "the install argument `start` is already read",
                "the install argument `label` is already read",
                "`upgrade` is the install argument that asks the installer for an upgrade",
            ],
        );
    }

    #[test]
    fn state_events_groups_and_upgrade_rules() {
        let contract = quote! {
            mod c {
                #[state] const A: Var<u8> = Var::new("a");
                #[state] const B: Var<u8> = Var::new("a");
                #[state] const C: Var<u8> = Var::new("__casper_dsl_x");
                #[state] const D: Var<u8> = Var::new("");
                #[entry_point(groups = ["admin", "admin", ""])] pub fn e() {}
                #[upgrade] fn first() {}
                #[upgrade] fn second() -> u8 { 1 }
            }
        };
        assert_violations(
            &violations(Mode::Contract, quote!(locked), contract),
            &[
                "group `admin` is listed twice",
                "a group name is a non-empty string",
                "a `locked` contract never gets a new version",
                "at most one #[upgrade] function",
                "a `locked` contract never gets a new version",
                "`B` and `A` both use the named key `a`",
                "named keys starting with `__casper_dsl` are reserved",
                "a named key cannot be empty",
            ],
        );
        let session = quote! {
            mod s {
                #[state] const A: Var<u8> = Var::new("a");
                #[event] struct Ev { x: u8 }
                #[call] fn call() {}
            }
        };
        assert_violations(
            &violations(Mode::Session, quote!(), session),
            &[
                "#[state] belongs in a #[casper_dsl::contract] module",
                "#[event] belongs in a #[casper_dsl::contract] module",
            ],
        );
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
                "at most one #[init]",
                "`call` is the contract's installer",
                "functions `get` and `get_too` are both exported as `get`",
                "names starting with `__casper_dsl` are reserved",
                "an entry point name is a non-empty string",
            ],
        );
    }

    #[test]
    fn access_control_never_weakens_silently() {
        let found = violations(
            Mode::Contract,
            quote!(),
            quote! {
                mod c {
                    #[entry_point(groups = [])] pub fn open() {}
                    #[entry_point(groups = ["a b", "ok", "ok"])] pub fn odd() {}
                    #[entry_point] pub fn init() {}
                    #[entry_point(name = "init")] pub fn setup() {}
                }
            },
        );
        assert_violations(
            &found,
            &[
                "an empty group list would leave this entry point callable by anyone",
                "a group name is a non-empty string",
                "group `ok` is listed twice",
                "an #[entry_point] named `init` can be called by anyone",
                "an #[entry_point] named `init` can be called by anyone",
                "functions `init` and `setup` are both exported as `init`",
            ],
        );
    }

    #[test]
    fn parameter_names_with_the_generated_prefix_are_reserved() {
        let found = violations(
            Mode::Session,
            quote!(),
            quote!(
                mod s {
                    #[call]
                    pub fn call(by: u64, __casper_dsl_args: u64) {}
                }
            ),
        );
        assert_violations(&found, &["names starting with `__casper_dsl` are reserved"]);
        let found = violations(
            Mode::Contract,
            quote!(),
            quote! {
                mod c {
                    #[init] pub fn init(upgrade: bool) {}
                    #[upgrade] pub fn migrate(upgrade: bool) {}
                    #[entry_point] pub fn get(upgrade: bool) {}
                }
            },
        );
        assert_violations(
            &found,
            &[
                "`upgrade` is the install argument that asks the installer for an upgrade",
                "`upgrade` is the install argument that asks the installer for an upgrade",
            ],
        );
    }

    #[test]
    fn generated_names_are_reserved_in_contracts() {
        let found = violations(
            Mode::Contract,
            quote!(),
            quote! {
                mod c {
                    use other::{calls, x::installer as fine, y as installer};
                    #[entry_point] pub fn get() {}
                }
            },
        );
        assert_violations(
            &found,
            &[
                "`calls` is generated by #[casper_dsl::contract]",
                "`installer` is generated by #[casper_dsl::contract]",
            ],
        );
        let session = quote!(
            mod s {
                use other::calls;
                #[call]
                pub fn call() {}
            }
        );
        assert_violations(&violations(Mode::Session, quote!(), session), &[]);
    }
}
