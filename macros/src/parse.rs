//! From syntax to the [model](crate::model): reads the module, its items and the signatures of
//! its exported functions, removing the DSL's attributes as it goes. Shapes the model cannot
//! represent (a `self` parameter, a pattern parameter, a generic function, an attribute out of
//! place...) are reported here; rules about how the pieces fit together are in
//! [`crate::validate`].

use proc_macro2::TokenStream;
use syn::{
    ext::IdentExt, spanned::Spanned, visit::Visit, Attribute, Expr, Fields, FnArg, ImplItem, Item,
    ItemConst, ItemFn, ItemMod, ItemStruct, Pat, ReturnType, Signature, TraitItem, Type,
};

use crate::{
    attrs::{self, ModuleArgs, EVENT_ATTR, STATE_ATTR},
    errors::Errors,
    model::{DslModule, Event, Export, Mode, Name, Output, Param, Role, StateItem},
};

/// Parses the attribute's arguments and the module it is applied to. `Err` only when there is
/// no inline module to model; otherwise the module comes with every error found in it, and its
/// items have lost their DSL attributes either way.
pub fn parse_module(
    mode: Mode,
    args: TokenStream,
    item: TokenStream,
) -> syn::Result<(DslModule, Errors)> {
    let mut errors = Errors::default();
    let ModuleArgs {
        name: explicit_name,
        instance,
        account_keys,
        locked,
        keep_previous_versions,
    } = attrs::parse_module_args(mode, args, &mut errors);
    let looks_like_a_module = item
        .clone()
        .into_iter()
        .any(|token| matches!(&token, proc_macro2::TokenTree::Ident(ident) if ident == "mod"));
    let mut item: ItemMod = syn::parse2(item).map_err(|error| {
        // A module with a syntax error inside: rustc's parser error, at the bad token.
        let errors = std::mem::take(&mut errors);
        if looks_like_a_module {
            return errors.with(error);
        }
        errors.with(syn::Error::new(
            error.span(),
            format!(
                "{} applies to an inline module: `pub mod name {{ ... }}`",
                mode.attribute()
            ),
        ))
    })?;
    report_other_module_attrs(mode, &mut item.attrs, &mut errors);
    let Some((_, content)) = &mut item.content else {
        let message = format!(
            "{} needs the module's items inline: write `mod {} {{ ... }}` instead of `mod {};`",
            mode.attribute(),
            item.ident,
            item.ident
        );
        return Err(errors.with(syn::Error::new(item.semi.span(), message)));
    };
    let items = take_items(content, &mut errors);
    let name = explicit_name.unwrap_or_else(|| Name {
        value: item.ident.unraw().to_string(),
        span: item.ident.span(),
    });
    let module = DslModule {
        mode,
        name,
        item,
        exports: items.exports,
        state: items.state,
        events: items.events,
        instance,
        account_keys,
        locked,
        keep_previous_versions,
    };
    Ok((module, errors))
}

/// A second module attribute (`#[casper_dsl::session]` under `#[casper_dsl::contract]`, or the
/// same twice) is reported and removed, so it does not expand a second time.
fn report_other_module_attrs(mode: Mode, attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    report_cfg_attr_dsl(attrs, errors);
    attrs.retain(|attr| {
        let Some(other) = attrs::mode_of(attr) else {
            return true;
        };
        let message = if other == mode {
            format!(
                "{} is already applied to this module: remove this one",
                mode.attribute()
            )
        } else {
            format!(
                "a module is either {} or {}, not both: remove one",
                Mode::Contract.attribute(),
                Mode::Session.attribute()
            )
        };
        errors.add_spanned(attr, message);
        false
    });
}

/// The module's items that carry DSL attributes, modelled.
#[derive(Default)]
struct DslItems {
    exports: Vec<Export>,
    state: Vec<StateItem>,
    events: Vec<Event>,
}

/// Removes the DSL attributes from the module's items and models the items carrying them.
fn take_items(items: &mut [Item], errors: &mut Errors) -> DslItems {
    let mut found = DslItems::default();
    for item in items {
        if let Some(attrs) = item_attrs(item) {
            attrs::report_misspelled(attrs, errors);
            report_cfg_attr_dsl(attrs, errors);
        }
        match item {
            Item::Fn(function) => {
                report_symbol_attrs(&mut function.attrs, errors);
                report_attrs(&mut function.attrs, &[STATE_ATTR, EVENT_ATTR], errors);
                if let Some(export) = take_export(function, errors) {
                    found.exports.push(export);
                }
            }
            Item::Const(constant) => {
                report_role_attrs(&mut constant.attrs, errors);
                report_attrs(&mut constant.attrs, &[EVENT_ATTR], errors);
                if take_attr(&mut constant.attrs, STATE_ATTR, errors)
                    && !report_cfgs(&constant.attrs, "a #[state] item", errors)
                {
                    found.state.extend(parse_state_item(constant, errors));
                }
            }
            Item::Struct(structure) => {
                report_role_attrs(&mut structure.attrs, errors);
                report_attrs(&mut structure.attrs, &[STATE_ATTR], errors);
                if take_attr(&mut structure.attrs, EVENT_ATTR, errors)
                    && !report_cfgs(&structure.attrs, "an #[event]", errors)
                {
                    found.events.extend(parse_event(structure, errors));
                }
            }
            Item::Mod(nested) => {
                let place = format!("the nested module `{}`", nested.ident);
                let nested_module = nested
                    .attrs
                    .iter()
                    .any(|attr| attrs::mode_of(attr).is_some());
                report_nested_attrs(&mut nested.attrs, &place, errors);
                if let Some((_, items)) = &mut nested.content {
                    // A nested contract or session module is one mistake, reported above; the
                    // attributes inside it only lose their meaning with it.
                    let mut unreported = Errors::default();
                    let inner_errors = if nested_module {
                        &mut unreported
                    } else {
                        &mut *errors
                    };
                    report_nested_items(items, &place, inner_errors);
                }
            }
            Item::Impl(block) => {
                report_role_attrs(&mut block.attrs, errors);
                report_attrs(&mut block.attrs, &[STATE_ATTR, EVENT_ATTR], errors);
                report_impl_items(&mut block.items, errors);
            }
            other => {
                if let Some(attrs) = item_attrs(other) {
                    report_role_attrs(attrs, errors);
                    report_attrs(attrs, &[STATE_ATTR, EVENT_ATTR], errors);
                }
            }
        }
    }
    found
}

/// DSL attributes below a nested module (at any depth) are reported and removed: the module
/// attribute only sees the items directly in its module.
fn report_nested_items(items: &mut [Item], place: &str, errors: &mut Errors) {
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
fn report_impl_items(items: &mut [ImplItem], errors: &mut Errors) {
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
fn report_nested_attrs(attrs: &mut Vec<Attribute>, place: &str, errors: &mut Errors) {
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
fn report_cfg_attr_dsl(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
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
fn report_symbol_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
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
fn report_cfgs(attrs: &[Attribute], what: &str, errors: &mut Errors) -> bool {
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
fn applies_to(attr: &str) -> &'static str {
    match attr {
        STATE_ATTR => "a `const` of type `Var<T>` or `Mapping<K, V>`",
        EVENT_ATTR => "a struct with named fields",
        _ => "a function",
    }
}

/// Removes the function attributes of the DSL from an item that is not a function, reporting
/// each.
fn report_role_attrs(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    for attr in take_role_attrs(attrs) {
        errors.add_spanned(
            &attr,
            format!("`{}` applies to a function", attrs::attr_text(&attr)),
        );
    }
}

/// Removes the attributes named in `names` (which do not apply to this item), reporting each.
fn report_attrs(attrs: &mut Vec<Attribute>, names: &[&str], errors: &mut Errors) {
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
fn take_attr(attrs: &mut Vec<Attribute>, name: &str, errors: &mut Errors) -> bool {
    let mut found = false;
    attrs.retain(|attr| {
        if !attrs::is_item_attr(attr, name) {
            return true;
        }
        if !matches!(attr.meta, syn::Meta::Path(_)) {
            errors.add_spanned(
                &attr.meta,
                format!("#[{name}] takes no arguments: write `#[{name}]`"),
            );
        } else if found {
            errors.add_spanned(attr, format!("duplicate #[{name}]"));
        }
        found = true;
        false
    });
    found
}

/// `const NAME: Var<T> = Var::new("key");`: the named key comes from the string literal.
fn parse_state_item(constant: &ItemConst, errors: &mut Errors) -> Option<StateItem> {
    let key = match &*constant.expr {
        Expr::Call(call) if call.args.len() == 1 => {
            attrs::string_literal(&call.args[0]).map(attrs::name_of)
        }
        _ => None,
    };
    if key.is_none() {
        errors.add_spanned(
            &constant.expr,
            "a #[state] const is initialised with its named key: write `Var::new(\"key\")` or \
             `Mapping::new(\"key\")`",
        );
    }
    check_type(&constant.ty, TypeUse::State, errors);
    Some(StateItem {
        ident: constant.ident.clone(),
        ty: (*constant.ty).clone(),
        key: key?,
    })
}

/// `struct Transfer { ... }`: named fields, no generics.
fn parse_event(structure: &ItemStruct, errors: &mut Errors) -> Option<Event> {
    if !structure.generics.params.is_empty() {
        errors.add_spanned(
            &structure.generics,
            "an #[event] cannot be generic: its topic and encoding are fixed",
        );
    }
    let Fields::Named(fields) = &structure.fields else {
        errors.add(
            structure.ident.span(),
            format!(
                "an #[event] has named fields, which are serialized in order: \
                 `struct {} {{ amount: U256 }}`",
                structure.ident
            ),
        );
        return None;
    };
    for field in &fields.named {
        check_type(&field.ty, TypeUse::EventField, errors);
    }
    Some(Event {
        ident: structure.ident.clone(),
        fields: fields
            .named
            .iter()
            .filter_map(|field| Some((field.ident.clone()?, field.ty.clone())))
            .collect(),
        topic: Name {
            value: structure.ident.unraw().to_string(),
            span: structure.ident.span(),
        },
    })
}

/// The attributes of any item kind that has them.
fn item_attrs(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    Some(match item {
        Item::Const(i) => &mut i.attrs,
        Item::Enum(i) => &mut i.attrs,
        Item::ExternCrate(i) => &mut i.attrs,
        Item::Fn(i) => &mut i.attrs,
        Item::ForeignMod(i) => &mut i.attrs,
        Item::Impl(i) => &mut i.attrs,
        Item::Macro(i) => &mut i.attrs,
        Item::Mod(i) => &mut i.attrs,
        Item::Static(i) => &mut i.attrs,
        Item::Struct(i) => &mut i.attrs,
        Item::Trait(i) => &mut i.attrs,
        Item::TraitAlias(i) => &mut i.attrs,
        Item::Type(i) => &mut i.attrs,
        Item::Union(i) => &mut i.attrs,
        Item::Use(i) => &mut i.attrs,
        _ => return None,
    })
}

/// Removes and returns the DSL role attributes among `attrs`.
fn take_role_attrs(attrs: &mut Vec<Attribute>) -> Vec<Attribute> {
    let (dsl, other) = std::mem::take(attrs)
        .into_iter()
        .partition(|a| attrs::role_of(a).is_some());
    *attrs = other;
    dsl
}

/// Models `function` if it carries a DSL attribute (removing the attribute).
fn take_export(function: &mut ItemFn, errors: &mut Errors) -> Option<Export> {
    let mut roles = take_role_attrs(&mut function.attrs).into_iter();
    let attr = roles.next()?;
    for extra in roles {
        errors.add_spanned(
            &extra,
            format!(
                "a function takes one of #[call], #[entry_point], #[init] or #[upgrade]; remove `{}`",
                attrs::attr_text(&extra)
            ),
        );
    }
    let role = attrs::role_of(&attr)?;
    if role != Role::EntryPoint {
        report_cfgs(
            &function.attrs,
            &format!("a {} function", role.attribute()),
            errors,
        );
    }
    let args = attrs::parse_export_args(role, &attr, errors);
    check_signature_shape(&function.sig, role, errors);
    let params = take_params(&mut function.sig, errors);
    let sig = &function.sig;
    Some(Export {
        role,
        attr_span: attr
            .path()
            .segments
            .last()
            .map_or(attr.span(), |s| s.ident.span()),
        ident: sig.ident.clone(),
        cfgs: attrs::cfgs(&function.attrs),
        name: args.name.unwrap_or_else(|| Name {
            value: sig.ident.unraw().to_string(),
            span: sig.ident.span(),
        }),
        groups: args.groups,
        already_initialized: args.already_initialized,
        params,
        output: parse_output(&sig.output, errors),
    })
}

/// Rejects signatures that cannot be called from the host.
fn check_signature_shape(sig: &Signature, role: Role, errors: &mut Errors) {
    let what = role.attribute();
    if let Some(token) = &sig.constness {
        errors.add(
            token.span,
            format!("{what} functions cannot be `const`: remove `const`"),
        );
    }
    if let Some(token) = &sig.asyncness {
        errors.add(
            token.span,
            format!("{what} functions cannot be `async`: remove `async`"),
        );
    }
    if let Some(token) = &sig.unsafety {
        errors.add(
            token.span,
            format!("{what} functions cannot be `unsafe`: remove `unsafe`"),
        );
    }
    if let Some(abi) = &sig.abi {
        errors.add_spanned(
            abi,
            format!("{what} functions are plain Rust functions: remove the `extern` ABI; the macro generates the export"),
        );
    }
    if !sig.generics.params.is_empty() {
        errors.add_spanned(
            &sig.generics,
            format!(
                "{what} functions cannot be generic: the host needs one concrete type per argument"
            ),
        );
    } else if let Some(where_clause) = &sig.generics.where_clause {
        errors.add_spanned(
            where_clause,
            format!("{what} functions take no `where` clause: their types are concrete"),
        );
    }
}

/// Models the parameters. Those that are not Rust in a free function (`self`, `...`) or repeat
/// a name (`by` and `r#by` are one name) are reported and removed from the function, so that
/// rustc, which still compiles the module, does not report them a second time.
fn take_params(sig: &mut Signature, errors: &mut Errors) -> Vec<Param> {
    if let Some(variadic) = sig.variadic.take() {
        errors.add_spanned(
            &variadic,
            "exported functions cannot be variadic: declare each runtime argument as a named \
             parameter",
        );
    }
    let mut params: Vec<Param> = Vec::new();
    let inputs = std::mem::take(&mut sig.inputs);
    for input in inputs {
        if let FnArg::Receiver(receiver) = &input {
            errors.add_spanned(
                receiver,
                "exported functions are free functions: remove `self`",
            );
            continue;
        }
        let Some(param) = parse_param(&input, errors) else {
            sig.inputs.push(input);
            continue;
        };
        if params
            .iter()
            .any(|seen| seen.name.value == param.name.value)
        {
            errors.add(
                param.name.span,
                format!(
                    "two parameters of `{}` are the runtime argument `{}`: rename one",
                    sig.ident, param.name.value
                ),
            );
            continue;
        }
        params.push(param);
        sig.inputs.push(input);
    }
    params
}

/// A parameter `name: Type`; other shapes are reported and skipped.
fn parse_param(input: &FnArg, errors: &mut Errors) -> Option<Param> {
    let FnArg::Typed(typed) = input else {
        return None;
    };
    let ident = match &*typed.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => pat.ident.clone(),
        other => {
            errors.add_spanned(
                other,
                "each parameter is a named runtime argument: write `name: Type` instead of a pattern",
            );
            return None;
        }
    };
    if !check_type(&typed.ty, TypeUse::Argument, errors) {
        return None;
    }
    Some(Param {
        name: Name {
            value: ident.unraw().to_string(),
            span: ident.span(),
        },
        ident,
        ty: (*typed.ty).clone(),
    })
}

fn parse_output(output: &ReturnType, errors: &mut Errors) -> Output {
    let ty = match output {
        ReturnType::Default => return Output::Unit,
        ReturnType::Type(_, ty) => &**ty,
    };
    match ty {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Output::Unit,
        Type::Never(never) => {
            errors.add_spanned(
                never,
                "an exported function returns to its caller, and `!` never does: return `()` \
                 (or `Result<(), E>` to revert with an error)",
            );
            Output::Unit
        }
        _ if !check_type(ty, TypeUse::Returned, errors) => Output::Unit,
        _ => Output::Type(ty.clone()),
    }
}

/// Where a type of the user's appears, for the messages about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TypeUse {
    Argument,
    Returned,
    State,
    EventField,
}

/// Reports the parts of `ty` that cannot name a concrete value type (a reference in an argument,
/// `impl Trait`, a trait object, `_`, `!`); `false` if there is one.
fn check_type(ty: &Type, used_as: TypeUse, errors: &mut Errors) -> bool {
    struct Checker<'a> {
        used_as: TypeUse,
        errors: &'a mut Errors,
        clean: bool,
    }
    impl Checker<'_> {
        fn report(&mut self, tokens: &dyn quote::ToTokens, message: &str) {
            self.errors.add_spanned(tokens, message);
            self.clean = false;
        }
    }
    impl<'ast> Visit<'ast> for Checker<'_> {
        fn visit_type(&mut self, ty: &'ast Type) {
            match ty {
                Type::Reference(_) if self.used_as != TypeUse::Returned => self.report(
                    ty,
                    "this value is decoded from bytes, so it must be owned: use `String` \
                     instead of `&str`, `Vec<T>` or `Bytes` instead of `&[T]`",
                ),
                Type::ImplTrait(_) => self.report(
                    ty,
                    "the host needs a concrete type here: replace `impl Trait` with the type \
                     itself",
                ),
                Type::TraitObject(_) => self.report(
                    ty,
                    "the host needs a concrete type here, not a trait object: write the type \
                     itself",
                ),
                Type::Infer(_) => {
                    self.report(ty, "write the type out: `_` cannot be inferred here")
                }
                Type::Never(_) => self.report(ty, "`!` has no value to encode: use another type"),
                Type::Verbatim(_) => self.report(ty, "expected a type"),
                _ => syn::visit::visit_type(self, ty),
            }
        }
    }
    let mut checker = Checker {
        used_as,
        errors,
        clean: true,
    };
    checker.visit_type(ty);
    checker.clean
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn parse(mode: Mode, args: TokenStream, item: TokenStream) -> syn::Result<DslModule> {
        let (module, errors) = parse_module(mode, args, item)?;
        errors.finish(module)
    }

    fn messages(result: syn::Result<DslModule>) -> Vec<String> {
        match result {
            Ok(_) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn models_a_contract_and_removes_the_dsl_attributes() {
        let module = parse(
            Mode::Contract,
            quote!(),
            quote! {
                pub mod r#counter {
                    #[init] pub fn init(start: u64) {}
                    #[entry_point(name = "bump")] pub fn increment(by: u64, note: Option<String>) -> u64 { by }
                    #[entry_point] pub fn reset() -> Result<(), E> { Ok(()) }
                    #[entry_point] pub fn get() -> core::result::Result<u64, E> { Ok(1) }
                    fn helper() {}
                }
            },
        )
        .unwrap();
        assert_eq!(module.name.value, "counter");
        let names: Vec<_> = module
            .exports
            .iter()
            .map(|e| e.name.value.as_str())
            .collect();
        assert_eq!(names, ["init", "bump", "reset", "get"]);
        let roles: Vec<_> = module.exports.iter().map(|e| e.role).collect();
        assert_eq!(
            roles,
            [
                Role::Init,
                Role::EntryPoint,
                Role::EntryPoint,
                Role::EntryPoint
            ]
        );
        let bump = &module.exports[1];
        assert_eq!(bump.ident, "increment");
        assert_eq!(bump.params.len(), 2);
        assert!(matches!(bump.output, Output::Type(_)));
        assert!(matches!(module.exports[0].output, Output::Unit));
        let remaining = quote::ToTokens::to_token_stream(&module.item).to_string();
        assert!(!remaining.contains("entry_point") && !remaining.contains("# [init]"));
    }

    #[test]
    fn models_state_events_groups_and_locked() {
        let module = parse(
            Mode::Contract,
            quote!(locked),
            quote! {
                mod token {
                    #[state] pub const SUPPLY: Var<U256> = Var::new("total_supply");
                    #[state] const BALANCES: Mapping<Key, U256> = Mapping::new("balances");
                    #[event] pub struct Mint { pub owner: Key, pub amount: U256 }
                    #[entry_point(groups = ["admin", "minter"], name = "mint_")] pub fn mint() {}
                    #[upgrade] fn migrate() {}
                }
            },
        )
        .unwrap();
        assert!(module.locked);
        let keys: Vec<_> = module.state.iter().map(|s| s.key.value.as_str()).collect();
        assert_eq!(keys, ["total_supply", "balances"]);
        assert_eq!(module.events[0].topic.value, "Mint");
        assert_eq!(module.events[0].fields.len(), 2);
        let groups: Vec<_> = module.exports[0]
            .group_names()
            .iter()
            .map(|g| g.value.as_str())
            .collect();
        assert_eq!(groups, ["admin", "minter"]);
        assert_eq!(module.exports[1].role, Role::Upgrade);
        let remaining = quote::ToTokens::to_token_stream(&module.item).to_string();
        assert!(!remaining.contains("# [state]") && !remaining.contains("# [event]"));
    }

    #[test]
    fn models_account_keys_and_the_second_init_error() {
        let module = parse(
            Mode::Contract,
            quote!(
                instance = "name",
                account_keys(contract_hash = "token_hash_{instance}")
            ),
            quote! {
                mod token {
                    #[init(already_initialized = TokenError::AlreadyInitialized)]
                    pub fn init(name: String) {}
                    #[entry_point] pub fn get() {}
                }
            },
        )
        .unwrap();
        assert_eq!(module.account_key("contract_hash"), "token_hash_{instance}");
        assert_eq!(
            module.account_key("package_hash"),
            "token_{instance}_package_hash"
        );
        assert!(module.account_keys.contract_version.is_none());
        assert!(module.exports[0].already_initialized.is_some());

        let found = messages(parse(
            Mode::Contract,
            quote!(account_keys(
                hash = "x",
                package_hash = 1,
                package_hash = "a",
                package_hash = "b"
            )),
            quote! {
                mod token {
                    #[init(already_initialized = E::A, already_initialized = E::B)] pub fn init() {}
                }
            },
        ));
        let expected = [
            "unknown handle",
            "expected a string",
            "duplicate `package_hash`",
            "duplicate `already_initialized`",
        ];
        for expected in expected {
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{expected}: {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
    }

    #[test]
    fn misplaced_or_malformed_item_attributes_are_reported() {
        let found = messages(parse(
            Mode::Contract,
            quote!(),
            quote! {
                mod m {
                    #[state] fn not_a_const() {}
                    #[event] const NOT_A_STRUCT: u8 = 0;
                    #[state] const NO_KEY: Var<u8> = Var::new(KEY);
                    #[event] struct Tuple(u8);
                    #[state(key = "x")] const ARGS: Var<u8> = Var::new("x");
                    #[entry_point(groups = "admin")] fn e() {}
                }
            },
        ));
        let expected = [
            "`#[state]` applies to a `const`",
            "`#[event]` applies to a struct",
            "initialised with its named key",
            "an #[event] has named fields",
            "#[state] takes no arguments",
            "expected a list of group names",
        ];
        for text in expected {
            assert!(found.iter().any(|m| m.contains(text)), "{text}: {found:#?}");
        }
    }

    #[test]
    fn an_explicit_contract_name_wins() {
        let module = parse(
            Mode::Contract,
            quote!(name = "my-counter"),
            quote!(
                mod c {}
            ),
        )
        .unwrap();
        assert_eq!(module.name.value, "my-counter");
    }

    #[test]
    fn rejects_what_is_not_an_inline_module() {
        let not_a_module = messages(parse(
            Mode::Session,
            quote!(),
            quote!(
                fn call() {}
            ),
        ));
        assert!(
            not_a_module[0].contains("applies to an inline module"),
            "{not_a_module:?}"
        );
        let no_body = messages(parse(
            Mode::Contract,
            quote!(),
            quote!(
                mod counter;
            ),
        ));
        assert!(
            no_body[0].contains("write `mod counter { ... }`"),
            "{no_body:?}"
        );
    }

    #[test]
    fn rejects_bad_attribute_arguments() {
        let cases = [
            (Mode::Contract, quote!(name = 5), "expected a string"),
            (Mode::Contract, quote!(label = "x"), "unknown argument"),
            (
                Mode::Contract,
                quote!(name = "a", name = "b"),
                "duplicate `name`",
            ),
            (Mode::Session, quote!(name = "x"), "takes no arguments"),
        ];
        for (mode, args, expected) in cases {
            let found = messages(parse(
                mode,
                args,
                quote!(
                    mod m {}
                ),
            ));
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{expected}: {found:?}"
            );
        }
    }

    #[test]
    fn reports_every_unsupported_signature_at_once() {
        let found = messages(parse(
            Mode::Contract,
            quote!(),
            quote! {
                mod m {
                    #[entry_point] pub const async unsafe extern "C" fn a<T>(&self) {}
                    #[entry_point] pub fn b((x, y): (u64, u64), s: &str, i: impl Into<u64>) {}
                    #[entry_point] pub fn v(x: u64, ...) where u64: Copy {}
                    #[upgrade(name = "x")] pub fn c() {}
                    #[init(name = "x")] #[entry_point] pub fn d() {}
                    #[entry_point] pub struct NotAFunction;
                }
            },
        ));
        let expected = [
            "cannot be `const`",
            "cannot be `async`",
            "cannot be `unsafe`",
            "remove the `extern` ABI",
            "cannot be generic",
            "remove `self`",
            "instead of a pattern",
            "use `String` instead of `&str`",
            "replace `impl Trait`",
            "take no `where` clause",
            "cannot be variadic",
            "#[upgrade] takes no arguments",
            "unknown argument: #[init] takes `already_initialized = <error>`",
            "a function takes one of",
            "applies to a function",
        ];
        for expected in expected {
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{expected}: {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
    }

    #[test]
    fn invalid_parameters_are_reported_and_removed_from_the_function() {
        let (module, errors) = parse_module(
            Mode::Session,
            quote!(),
            quote! {
                mod s {
                    #[call] pub fn call(&self, by: u64, r#by: u64, to: Key, ...) {}
                }
            },
        )
        .unwrap();
        let found: Vec<String> = errors
            .finish(())
            .expect_err("the mistakes are reported")
            .into_iter()
            .map(|error| error.to_string())
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("cannot be variadic"), "{found:?}");
        assert!(found[1].contains("remove `self`"), "{found:?}");
        assert!(found[2].contains("two parameters of `call` are the runtime argument `by`"));
        let kept = quote::ToTokens::to_token_stream(&module.item).to_string();
        assert!(kept.contains("fn call (by : u64 , to : Key)"), "{kept}");
        let names: Vec<_> = module.exports[0]
            .params
            .iter()
            .map(|p| p.name.value.as_str())
            .collect();
        assert_eq!(names, ["by", "to"]);
    }

    #[test]
    fn suggests_the_dsl_attribute_a_misspelling_was_meant_to_be() {
        let found = messages(parse(
            Mode::Contract,
            quote!(),
            quote! {
                mod m {
                    #[entrypoint] pub fn a() {}
                    #[entry_points] pub fn b() {}
                    #[Init] pub fn c() {}
                    #[Call] pub fn d() {}
                    #[inline] #[cold] #[test] #[doc = "x"] #[allow(unused)] pub fn fine() {}
                    #[entry_point] pub fn ep() {}
                }
            },
        ));
        assert_eq!(
            found,
            [
                "unknown attribute `#[entrypoint]`: did you mean `#[entry_point]`?",
                "unknown attribute `#[entry_points]`: did you mean `#[entry_point]`?",
                "unknown attribute `#[Init]`: did you mean `#[init]`?",
                "unknown attribute `#[Call]`: did you mean `#[call]`?",
            ]
        );
    }
}
