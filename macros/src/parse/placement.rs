//! DSL attributes where they cannot apply: inside nested modules and impl blocks, through
//! `cfg_attr`, beside `#[no_mangle]`, or on the wrong kind of item. Each is reported and removed,
//! so it does not expand a second time.

use syn::{Attribute, ImplItem, Item, TraitItem};

use super::item_attrs;
use crate::{
    attrs::{self, EVENT_ATTR, STATE_ATTR},
    errors::Errors,
};

/// DSL attributes below a nested module (at any depth) are reported and removed: the module
/// attribute only sees the items directly in its module.
pub(super) fn report_nested_items(items: &mut [Item], place: &str, errors: &mut Errors) {
    for item in items {
        if let Some(attrs) = item_attrs(item) {
            report_cfg_attr_dsl(attrs, errors);
            report_nested_attrs(attrs, place, errors);
        }
        match item {
            Item::Mod(nested) => {
                if let Some((_, items)) = &mut nested.content {
                    report_nested_items(items, place, errors);
                }
            }
            Item::Impl(block) => report_impl_items(&mut block.items, errors),
            Item::Trait(declaration) => {
                for item in &mut declaration.items {
                    if let TraitItem::Fn(function) = item {
                        report_nested_attrs(&mut function.attrs, "a trait", errors);
                    }
                }
            }
            _ => {}
        }
    }
}

/// DSL attributes on the functions and consts of an impl block are reported and removed.
pub(super) fn report_impl_items(items: &mut [ImplItem], errors: &mut Errors) {
    for item in items {
        let attrs = match item {
            ImplItem::Fn(function) => &mut function.attrs,
            ImplItem::Const(constant) => &mut constant.attrs,
            _ => continue,
        };
        report_nested_attrs(attrs, "an impl block", errors);
    }
}

/// Removes every DSL attribute from an item in `place`, reporting each.
pub(super) fn report_nested_attrs(attrs: &mut Vec<Attribute>, place: &str, errors: &mut Errors) {
    attrs.retain(|attr| {
        if attrs::mode_of(attr).is_some() {
            errors.add_spanned(
                attr,
                "contract and session modules cannot be nested: a crate builds one contract or \
                 session, so put this module in a crate of its own",
            );
        } else if attrs::is_dsl_attr(attr) {
            errors.add_spanned(
                attr,
                format!(
                    "`{}` only applies to items directly in the #[casper_dsl::contract] or \
                     #[casper_dsl::session] module, not in {place}: move the item up to the \
                     module",
                    attrs::attr_text(attr)
                ),
            );
        } else {
            return true;
        }
        false
    });
}

/// `#[cfg_attr(predicate, entry_point)]`: reported and removed, since the module attribute runs
/// before `cfg_attr` is resolved and would never see the DSL attribute.
pub(super) fn report_cfg_attr_dsl(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    attrs.retain(|attr| {
        let Some(name) = attrs::dsl_attr_in_cfg_attr(attr) else {
            return true;
        };
        errors.add_spanned(
            attr,
            format!(
                "#[{name}] cannot be applied through `cfg_attr`: the module attribute reads it \
                 before `cfg_attr` is resolved. Write `#[{name}]` directly; to make an entry \
                 point conditional, put `#[cfg(...)]` on the function"
            ),
        );
        false
    });
}

/// `#[no_mangle]` and `#[export_name]` on a function of a DSL module: its exports are derived
/// from the DSL attributes, and a symbol of its own would disagree with the entry-point table
/// (or clash with `call`) only when built for wasm.
pub(super) fn report_symbol_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    attrs.retain(|attr| {
        if !attrs::is_symbol_attr(attr) {
            return true;
        }
        errors.add_spanned(
            attr,
            format!(
                "`{}`: the functions of a DSL module are exported by its attributes only \
                 (#[entry_point], #[call]), so the exports and the entry-point table agree; \
                 remove it, and use #[entry_point(name = \"...\")] to choose an exported name",
                attrs::attr_text(attr)
            ),
        );
        false
    });
}

/// Reports `#[cfg]` on an item whose generated code cannot follow it; `true` if there was one.
pub(super) fn report_cfgs(attrs: &[Attribute], what: &str, errors: &mut Errors) -> bool {
    let mut found = false;
    for attr in attrs.iter().filter(|attr| attrs::is_cfg(attr)) {
        found = true;
        errors.add_spanned(
            attr,
            format!(
                "{what} cannot be conditional: the installer and the entry-point table are the \
                 same on every build. Remove the `#[cfg]` (only #[entry_point] functions may \
                 carry one)"
            ),
        );
    }
    found
}

/// What an item attribute of the DSL applies to, for messages.
pub(super) fn applies_to(attr: &str) -> &'static str {
    match attr {
        STATE_ATTR => "a `const` of type `Var<T>` or `Mapping<K, V>`",
        EVENT_ATTR => "a struct with named fields",
        _ => "a function",
    }
}

/// Removes the function attributes of the DSL from an item that is not a function, reporting
/// each.
pub(super) fn report_role_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    for attr in take_role_attrs(attrs) {
        errors.add_spanned(
            &attr,
            format!("`{}` applies to a function", attrs::attr_text(&attr)),
        );
    }
}

/// Removes the attributes named in `names` (which do not apply to this item), reporting each.
pub(super) fn report_attrs(attrs: &mut Vec<Attribute>, names: &[&str], errors: &mut Errors) {
    attrs.retain(|attr| {
        let misplaced = names.iter().find(|name| attrs::is_item_attr(attr, name));
        if let Some(name) = misplaced {
            errors.add_spanned(
                attr,
                format!(
                    "`{}` applies to {}",
                    attrs::attr_text(attr),
                    applies_to(name)
                ),
            );
        }
        misplaced.is_none()
    });
}

/// Removes `#[name]` from `attrs` and tells whether it was there; arguments, which these
/// attributes do not take, and repeats are reported.
pub(super) fn take_attr(attrs: &mut Vec<Attribute>, name: &str, errors: &mut Errors) -> bool {
    let Some(attr) = take_attr_with_args(attrs, name, errors) else {
        return false;
    };
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        errors.add_spanned(
            &attr.meta,
            format!("#[{name}] takes no arguments: write `#[{name}]`"),
        );
    }
    true
}

/// Removes the item attribute `#[name]` or `#[name(...)]` from `attrs` and returns it (the
/// first, if it is repeated: each repetition is reported).
pub(super) fn take_attr_with_args(
    attrs: &mut Vec<Attribute>,
    name: &str,
    errors: &mut Errors,
) -> Option<Attribute> {
    let mut found = None;
    attrs.retain(|attr| {
        if !attrs::is_item_attr(attr, name) {
            return true;
        }
        if found.is_some() {
            errors.add_spanned(attr, format!("duplicate #[{name}]"));
        } else {
            found = Some(attr.clone());
        }
        false
    });
    found
}

/// Removes and returns the DSL role attributes among `attrs`.
pub(super) fn take_role_attrs(attrs: &mut Vec<Attribute>) -> Vec<Attribute> {
    let (dsl, other) = std::mem::take(attrs)
        .into_iter()
        .partition(|a| attrs::role_of(a).is_some());
    *attrs = other;
    dsl
}
