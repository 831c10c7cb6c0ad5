//! From syntax to the [model](crate::model): reads the module, its attributes and the
//! signatures of its exported functions. Shapes the model cannot represent (a `self`
//! parameter, a pattern parameter, a generic function...) are reported here; rules about how
//! the pieces fit together are in [`crate::validate`].

use proc_macro2::TokenStream;
use syn::{
    ext::IdentExt, spanned::Spanned, Attribute, Expr, ExprLit, Fields, FnArg, GenericArgument,
    Item, ItemConst, ItemFn, ItemMod, ItemStruct, Lit, LitStr, Pat, PathArguments, ReturnType,
    Signature, Type,
};

use crate::{
    errors::Errors,
    model::{DslModule, Event, Export, Mode, Name, Output, Param, Role, StateItem},
};

/// `#[state]`: a `Var` or `Mapping` const the installer creates.
const STATE_ATTR: &str = "state";
/// `#[event]`: a struct emitted as a contract message.
const EVENT_ATTR: &str = "event";

impl Mode {
    /// The attribute as users write it.
    pub fn attribute(self) -> &'static str {
        match self {
            Mode::Session => "#[casper_dsl::session]",
            Mode::Contract => "#[casper_dsl::contract]",
        }
    }
}

/// Parses the attribute's arguments and the module it is applied to.
pub fn parse_module(mode: Mode, args: TokenStream, item: TokenStream) -> syn::Result<DslModule> {
    let mut errors = Errors::default();
    let ModuleArgs {
        name: explicit_name,
        locked,
    } = parse_module_args(mode, args).unwrap_or_else(|error| {
        errors.push(error);
        ModuleArgs::default()
    });
    let mut item: ItemMod = syn::parse2(item).map_err(|error| {
        syn::Error::new(
            error.span(),
            format!(
                "{} applies to an inline module: `pub mod name {{ ... }}`",
                mode.attribute()
            ),
        )
    })?;
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
    errors.finish(DslModule {
        mode,
        name,
        item,
        exports: items.exports,
        state: items.state,
        events: items.events,
        locked,
    })
}

/// The arguments of `#[casper_dsl::contract(...)]`.
#[derive(Default)]
struct ModuleArgs {
    name: Option<Name>,
    locked: bool,
}

/// `name = "..."` and `locked` (contracts only).
fn parse_module_args(mode: Mode, args: TokenStream) -> syn::Result<ModuleArgs> {
    let mut parsed = ModuleArgs::default();
    let parser = syn::meta::parser(|meta| {
        if mode == Mode::Session {
            Err(meta.error(format!("{} takes no arguments", mode.attribute())))
        } else if meta.path.is_ident("name") {
            if parsed.name.is_some() {
                return Err(meta.error("duplicate `name` argument"));
            }
            parsed.name = Some(parse_name_value(&meta)?);
            Ok(())
        } else if meta.path.is_ident("locked") {
            if parsed.locked {
                return Err(meta.error("duplicate `locked` argument"));
            }
            parsed.locked = true;
            Ok(())
        } else {
            Err(meta.error("unknown argument: the arguments are `name = \"...\"` and `locked`"))
        }
    });
    syn::parse::Parser::parse2(parser, args)?;
    Ok(parsed)
}

fn parse_name_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<Name> {
    let lit: LitStr = meta
        .value()?
        .parse()
        .map_err(|error| syn::Error::new(error.span(), "expected a string: `name = \"...\"`"))?;
    Ok(name_of(&lit))
}

/// The string literal `expr` is, if it is one.
fn string_literal(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(literal),
            ..
        }) => Some(literal),
        _ => None,
    }
}

/// A name written as a string literal, blamed on the literal.
fn name_of(literal: &LitStr) -> Name {
    Name {
        value: literal.value(),
        span: literal.span(),
    }
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
            report_misspelled_attrs(attrs, errors);
        }
        match item {
            Item::Fn(function) => {
                report_attrs(&mut function.attrs, &[STATE_ATTR, EVENT_ATTR], errors);
                if let Some(export) = take_export(function, errors) {
                    found.exports.push(export);
                }
            }
            Item::Const(constant) => {
                report_role_attrs(&mut constant.attrs, errors);
                report_attrs(&mut constant.attrs, &[EVENT_ATTR], errors);
                if take_attr(&mut constant.attrs, STATE_ATTR, errors) {
                    found.state.extend(parse_state_item(constant, errors));
                }
            }
            Item::Struct(structure) => {
                report_role_attrs(&mut structure.attrs, errors);
                report_attrs(&mut structure.attrs, &[STATE_ATTR], errors);
                if take_attr(&mut structure.attrs, EVENT_ATTR, errors) {
                    found.events.extend(parse_event(structure, errors));
                }
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
    for attr in take_dsl_attrs(attrs) {
        errors.add_spanned(
            &attr,
            format!("`{}` applies to a function", attr_text(&attr)),
        );
    }
}

/// Removes the attributes named in `names` (which do not apply to this item), reporting each.
fn report_attrs(attrs: &mut Vec<Attribute>, names: &[&str], errors: &mut Errors) {
    attrs.retain(|attr| {
        let misplaced = names.iter().find(|name| attr.path().is_ident(name));
        if let Some(name) = misplaced {
            errors.add_spanned(
                attr,
                format!("`{}` applies to {}", attr_text(attr), applies_to(name)),
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
        if !attr.path().is_ident(name) {
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
        Expr::Call(call) if call.args.len() == 1 => string_literal(&call.args[0]).map(name_of),
        _ => None,
    };
    if key.is_none() {
        errors.add_spanned(
            &constant.expr,
            "a #[state] const is initialised with its named key: write `Var::new(\"key\")` or \
             `Mapping::new(\"key\")`",
        );
    }
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

/// Reports attributes that look like a misspelled DSL attribute (`#[entrypoint]`, `#[Init]`).
fn report_misspelled_attrs(attrs: &[Attribute], errors: &mut Errors) {
    for attr in attrs {
        let Some(ident) = attr.path().get_ident() else {
            continue;
        };
        let written = ident.to_string();
        if let Some(role) = misspelled_role(&written) {
            errors.add_spanned(
                attr.path(),
                format!(
                    "unknown attribute `#[{written}]`: did you mean `{}`?",
                    role.attribute()
                ),
            );
        }
    }
}

/// The DSL attribute `written` is a near miss of: the same letters but for case and `_`, or
/// one edit away from `entry_point`.
fn misspelled_role(written: &str) -> Option<Role> {
    let normalize = |name: &str| name.to_ascii_lowercase().replace('_', "");
    Role::ALL
        .into_iter()
        .filter(|role| written != role.ident())
        .find(|role| {
            normalize(written) == normalize(role.ident())
                || (*role == Role::EntryPoint && edit_distance(written, role.ident()) <= 2)
        })
}

/// Levenshtein distance, for the short names of attributes.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The role a DSL attribute names, if it is one.
fn dsl_role(attr: &Attribute) -> Option<Role> {
    let ident = attr.path().get_ident()?;
    Role::ALL.into_iter().find(|role| ident == role.ident())
}

/// Removes and returns the DSL attributes among `attrs`.
fn take_dsl_attrs(attrs: &mut Vec<Attribute>) -> Vec<Attribute> {
    let (dsl, other) = std::mem::take(attrs)
        .into_iter()
        .partition(|a| dsl_role(a).is_some());
    *attrs = other;
    dsl
}

/// An attribute as written, for messages (`#[entry_point(name = "x")]`).
fn attr_text(attr: &Attribute) -> String {
    let tokens = quote::ToTokens::to_token_stream(&attr.meta).to_string();
    format!("#[{tokens}]")
}

/// Models `function` if it carries a DSL attribute (removing the attribute).
fn take_export(function: &mut ItemFn, errors: &mut Errors) -> Option<Export> {
    let mut attrs = take_dsl_attrs(&mut function.attrs).into_iter();
    let attr = attrs.next()?;
    for extra in attrs {
        errors.add_spanned(
            &extra,
            format!(
                "a function takes one of #[call], #[entry_point], #[init] or #[upgrade]; remove `{}`",
                attr_text(&extra)
            ),
        );
    }
    let role = dsl_role(&attr)?;
    let args = parse_export_args(role, &attr).unwrap_or_else(|error| {
        errors.push(error);
        ExportArgs::default()
    });
    check_signature_shape(&function.sig, role, errors);
    let sig = &function.sig;
    Some(Export {
        role,
        attr_span: attr.path().span(),
        ident: sig.ident.clone(),
        name: args.name.unwrap_or_else(|| Name {
            value: sig.ident.unraw().to_string(),
            span: sig.ident.span(),
        }),
        groups: args.groups,
        params: sig
            .inputs
            .iter()
            .filter_map(|input| parse_param(input, errors))
            .collect(),
        output: parse_output(&sig.output),
    })
}

/// The arguments of `#[entry_point(...)]`.
#[derive(Default)]
struct ExportArgs {
    name: Option<Name>,
    groups: Vec<Name>,
}

/// `#[entry_point(name = "...", groups = ["..."])]`; the other roles take no arguments.
fn parse_export_args(role: Role, attr: &Attribute) -> syn::Result<ExportArgs> {
    let mut args = ExportArgs::default();
    if matches!(attr.meta, syn::Meta::Path(_)) {
        return Ok(args);
    }
    if role != Role::EntryPoint {
        return Err(syn::Error::new(
            attr.meta.span(),
            format!(
                "{} takes no arguments: write `{}`",
                role.attribute(),
                role.attribute()
            ),
        ));
    }
    let mut groups_seen = false;
    attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("name") {
            if args.name.is_some() {
                return Err(meta.error("duplicate `name` argument"));
            }
            args.name = Some(parse_name_value(&meta)?);
        } else if meta.path.is_ident("groups") {
            if groups_seen {
                return Err(meta.error("duplicate `groups` argument"));
            }
            groups_seen = true;
            args.groups = parse_groups(&meta)?;
        } else {
            return Err(meta.error(
                "unknown argument: #[entry_point] takes `name = \"...\"` and \
                 `groups = [\"...\", ...]`",
            ));
        }
        Ok(())
    })?;
    Ok(args)
}

/// `groups = ["admin", "minter"]`.
fn parse_groups(meta: &syn::meta::ParseNestedMeta) -> syn::Result<Vec<Name>> {
    let expected = "expected a list of group names: `groups = [\"admin\"]`";
    let list: syn::ExprArray = meta
        .value()?
        .parse()
        .map_err(|error| syn::Error::new(error.span(), expected))?;
    list.elems
        .iter()
        .map(|element| {
            string_literal(element)
                .map(name_of)
                .ok_or_else(|| syn::Error::new(element.span(), expected))
        })
        .collect()
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
    if let Some(variadic) = &sig.variadic {
        errors.add_spanned(variadic, format!("{what} functions cannot be variadic: declare each runtime argument as a named parameter"));
    }
}

/// A parameter `name: Type`; other shapes are reported and skipped.
fn parse_param(input: &FnArg, errors: &mut Errors) -> Option<Param> {
    let typed = match input {
        FnArg::Typed(typed) => typed,
        FnArg::Receiver(receiver) => {
            errors.add_spanned(
                receiver,
                "exported functions are free functions: remove `self`",
            );
            return None;
        }
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
    if let Some(message) = unsupported_param_type(&typed.ty) {
        errors.add_spanned(&typed.ty, message);
        return None;
    }
    Some(Param {
        name: Name {
            value: ident.unraw().to_string(),
            span: ident.span(),
        },
        ident,
        ty: (*typed.ty).clone(),
        optional: option_inner(&typed.ty).cloned(),
    })
}

fn unsupported_param_type(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Reference(_) => Some(
            "arguments must be owned values: use `String` instead of `&str`, `Vec<T>` instead of `&[T]`",
        ),
        Type::ImplTrait(_) => {
            Some("arguments need a concrete type: replace `impl Trait` with the type itself")
        }
        _ => None,
    }
}

fn parse_output(output: &ReturnType) -> Output {
    let ty = match output {
        ReturnType::Default => return Output::Unit,
        ReturnType::Type(_, ty) => &**ty,
    };
    if is_unit(ty) {
        return Output::Unit;
    }
    match generic_args("Result", ty).as_deref() {
        Some([ok, err]) => Output::Result {
            ok: (!is_unit(ok)).then(|| (*ok).clone()),
            err: (*err).clone(),
        },
        _ => Output::Value(ty.clone()),
    }
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
}

/// `T` in `Option<T>` (by the last path segment, so `core::option::Option<T>` works too).
fn option_inner(ty: &Type) -> Option<&Type> {
    match generic_args("Option", ty)?.as_slice() {
        [inner] => Some(inner),
        _ => None,
    }
}

/// The type arguments of `ty` if its last path segment is `name<...>`.
fn generic_args<'a>(name: &str, ty: &'a Type) -> Option<Vec<&'a Type>> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if path.qself.is_some() || segment.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    args.args
        .iter()
        .map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn parse(mode: Mode, args: TokenStream, item: TokenStream) -> syn::Result<DslModule> {
        parse_module(mode, args, item)
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
        assert!(bump.params[0].optional.is_none());
        assert!(bump.params[1].optional.is_some());
        assert!(matches!(bump.output, Output::Value(_)));
        assert!(matches!(
            module.exports[2].output,
            Output::Result { ok: None, .. }
        ));
        assert!(matches!(
            module.exports[3].output,
            Output::Result { ok: Some(_), .. }
        ));
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
            .groups
            .iter()
            .map(|g| g.value.as_str())
            .collect();
        assert_eq!(groups, ["admin", "minter"]);
        assert_eq!(module.exports[1].role, Role::Upgrade);
        let remaining = quote::ToTokens::to_token_stream(&module.item).to_string();
        assert!(!remaining.contains("# [state]") && !remaining.contains("# [event]"));
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
                    #[init(name = "x")] pub fn c() {}
                    #[init] #[entry_point] pub fn d() {}
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
            "#[init] takes no arguments",
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

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("entry_point", "entry_point"), 0);
        assert_eq!(edit_distance("entrypoint", "entry_point"), 1);
        assert_eq!(edit_distance("enrty_point", "entry_point"), 2);
        assert_eq!(edit_distance("", "init"), 4);
    }
}
