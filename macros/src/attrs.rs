//! Recognising attributes: the DSL's own (however their path is written), the ones that must
//! not sit on an exported function, and near misses; and parsing the arguments of the module
//! and entry-point attributes, reporting every bad argument.

use proc_macro2::{Span, TokenStream};
use syn::{
    ext::IdentExt, meta::ParseNestedMeta, parse::Parser, punctuated::Punctuated, spanned::Spanned,
    Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Path, Token,
};

use crate::{
    errors::Errors,
    model::{AccountKeyDecl, EventsDecl, Groups, Mode, Name, Role},
};

/// `#[state]`: a `Var` or `Mapping` const the installer creates.
pub const STATE_ATTR: &str = "state";
/// `#[event]`: a struct emitted as a contract message.
pub const EVENT_ATTR: &str = "event";
/// The crate users name the attributes through: `#[casper_dsl::entry_point]`.
const CRATE: &str = "casper_dsl";

impl Mode {
    /// The attribute as users write it.
    pub fn attribute(self) -> &'static str {
        match self {
            Mode::Session => "#[casper_dsl::session]",
            Mode::Contract => "#[casper_dsl::contract]",
        }
    }

    /// The attribute's name.
    fn ident(self) -> &'static str {
        match self {
            Mode::Session => "session",
            Mode::Contract => "contract",
        }
    }
}

/// The name a DSL attribute path ends in: `x` for `x`, `casper_dsl::x` and `::casper_dsl::x`.
fn dsl_name(path: &Path) -> Option<&Ident> {
    let segments: Vec<_> = path.segments.iter().collect();
    match segments.as_slice() {
        [only] if path.leading_colon.is_none() => Some(&only.ident),
        [krate, name] if krate.ident == CRATE => Some(&name.ident),
        _ => None,
    }
}

/// The role a DSL attribute names, if it is one (`#[entry_point]`, `#[casper_dsl::init]`...).
pub fn role_of(attr: &Attribute) -> Option<Role> {
    let ident = dsl_name(attr.path())?;
    Role::ALL.into_iter().find(|role| ident == role.ident())
}

/// The module attribute an attribute is (`#[casper_dsl::contract]`, `#[session]`...).
pub fn mode_of(attr: &Attribute) -> Option<Mode> {
    let ident = dsl_name(attr.path())?;
    [Mode::Contract, Mode::Session]
        .into_iter()
        .find(|mode| ident == mode.ident())
}

/// Whether `attr` is `#[name]` for one of the DSL's item attributes (`state`, `event`).
pub fn is_item_attr(attr: &Attribute, name: &str) -> bool {
    attr.path().is_ident(name)
}

/// Whether the attribute means anything to the DSL (a role, a module or an item attribute).
pub fn is_dsl_attr(attr: &Attribute) -> bool {
    role_of(attr).is_some()
        || mode_of(attr).is_some()
        || is_item_attr(attr, STATE_ATTR)
        || is_item_attr(attr, EVENT_ATTR)
}

/// The doc comment `attrs` hold (`/// ...` lines), one line per `#[doc]`, each trimmed.
pub fn doc_text(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(doc) => string_literal(&doc.value).map(|text| text.value()),
            _ => None,
        })
        .map(|line| line.trim().to_owned())
        .collect();
    lines.join("\n").trim().to_owned()
}

/// `#[cfg(...)]`.
pub fn is_cfg(attr: &Attribute) -> bool {
    attr.path().is_ident("cfg")
}

/// The `#[cfg(...)]` attributes among `attrs`, cloned.
pub fn cfgs(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs.iter().filter(|attr| is_cfg(attr)).cloned().collect()
}

/// `#[no_mangle]`, `#[export_name = "..."]`, also as `#[unsafe(...)]`: attributes that export a
/// function under a symbol of its own, beside the table the macro derives.
pub fn is_symbol_attr(attr: &Attribute) -> bool {
    let is_symbol = |path: &Path| path.is_ident("no_mangle") || path.is_ident("export_name");
    match &attr.meta {
        Meta::List(list) if list.path.is_ident("unsafe") => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .is_ok_and(|inner| inner.iter().any(|meta| is_symbol(meta.path()))),
        meta => is_symbol(meta.path()),
    }
}

/// `#[cfg_attr(predicate, ...)]` applying a DSL attribute: the macro cannot see it (cfg_attr is
/// resolved after the module's attribute runs). Returns the DSL attribute's name.
pub fn dsl_attr_in_cfg_attr(attr: &Attribute) -> Option<String> {
    if !attr.path().is_ident("cfg_attr") {
        return None;
    }
    let metas = attr
        .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
        .ok()?;
    metas.iter().skip(1).find_map(|meta| {
        let ident = dsl_name(meta.path())?;
        let name = ident.to_string();
        let known = Role::ALL.iter().any(|role| ident == role.ident())
            || [Mode::Contract.ident(), Mode::Session.ident()].contains(&name.as_str())
            || [STATE_ATTR, EVENT_ATTR].contains(&name.as_str());
        known.then_some(name)
    })
}

/// An attribute as written, for messages (`#[entry_point(name = "x")]`).
pub fn attr_text(attr: &Attribute) -> String {
    let tokens = quote::ToTokens::to_token_stream(&attr.meta).to_string();
    format!("#[{}]", tokens.replace(" :: ", "::").replace(" (", "("))
}

/// Removes attributes that look like a misspelled DSL attribute (`#[entrypoint]`, `#[Init]`),
/// reporting each with the attribute it was meant to be.
pub fn report_misspelled(attrs: &mut Vec<Attribute>, errors: &mut Errors) {
    attrs.retain(|attr| {
        let Some(ident) = attr.path().get_ident() else {
            return true;
        };
        let written = ident.to_string();
        let Some(role) = misspelled_role(&written) else {
            return true;
        };
        errors.add_spanned(
            attr.path(),
            format!(
                "unknown attribute `#[{written}]`: did you mean `{}`?",
                role.attribute()
            ),
        );
        false
    });
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
pub fn edit_distance(a: &str, b: &str) -> usize {
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

/// The string literal `expr` is, if it is one.
pub fn string_literal(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(literal),
            ..
        }) => Some(literal),
        _ => None,
    }
}

/// A name written as a string literal, blamed on the literal.
pub fn name_of(literal: &LitStr) -> Name {
    Name {
        value: literal.value(),
        span: literal.span(),
    }
}

/// The arguments of `#[casper_dsl::contract(...)]`.
#[derive(Default)]
pub struct ModuleArgs {
    pub name: Option<Name>,
    pub instance: Option<Name>,
    pub account_keys: AccountKeyDecl,
    pub locked: bool,
    pub keep_previous_versions: bool,
    pub events_mode: Option<EventsDecl>,
}

/// `name = "..."`, `instance = "..."`, `account_keys(...)`, `locked`,
/// `keep_previous_versions` and `events = ...` (contracts only); every bad argument is
/// reported.
pub fn parse_module_args(mode: Mode, args: TokenStream, errors: &mut Errors) -> ModuleArgs {
    let mut parsed = ModuleArgs::default();
    let parser = syn::meta::parser(|meta| {
        if mode == Mode::Session {
            errors.push(meta.error(format!("{} takes no arguments", mode.attribute())));
            return skip_value(&meta);
        }
        if meta.path.is_ident("name") {
            let name = parse_name(&meta, errors)?;
            set_once(&mut parsed.name, name, &meta, errors);
        } else if meta.path.is_ident("instance") {
            let instance = parse_name(&meta, errors)?;
            set_once(&mut parsed.instance, instance, &meta, errors);
        } else if meta.path.is_ident("account_keys") {
            parse_account_keys(&meta, &mut parsed.account_keys, errors)?;
        } else if meta.path.is_ident("locked") {
            parse_flag(&meta, &mut parsed.locked, errors)?;
        } else if meta.path.is_ident("keep_previous_versions") {
            parse_flag(&meta, &mut parsed.keep_previous_versions, errors)?;
        } else if meta.path.is_ident("events") {
            let mode = parse_events_mode(&meta, errors)?;
            set_once(&mut parsed.events_mode, mode, &meta, errors);
        } else {
            errors.push(meta.error(
                "unknown argument: the arguments are `name = \"...\"`, `instance = \"...\"`, \
                 `account_keys(...)`, `locked`, `keep_previous_versions` and `events = ...`",
            ));
            skip_value(&meta)?;
        }
        Ok(())
    });
    if let Err(error) = parser.parse2(args) {
        errors.push(error);
    }
    parsed
}

/// `events = ces` (or another word of [`EventsDecl::ALL`]); any other form is reported.
fn parse_events_mode(
    meta: &ParseNestedMeta,
    errors: &mut Errors,
) -> syn::Result<Option<EventsDecl>> {
    let words: Vec<_> = EventsDecl::ALL.iter().map(|(word, _)| *word).collect();
    let expected = format!("expected one of `{}`: `events = ces`", words.join("`, `"));
    let Some(value) = assigned_value(meta, &expected, errors)? else {
        return Ok(None);
    };
    let word = match &value {
        Expr::Path(path) => path.path.get_ident().map(Ident::to_string),
        _ => None,
    };
    let mode = EventsDecl::ALL
        .iter()
        .find(|(name, _)| Some(*name) == word.as_deref())
        .map(|(_, mode)| *mode);
    if mode.is_none() {
        errors.add_spanned(&value, expected);
    }
    Ok(mode)
}

/// `account_keys(package_hash = "...", access_uref = "...", contract_hash = "...",
/// contract_version = "...")`, any of them; every bad or repeated one is reported.
fn parse_account_keys(
    meta: &ParseNestedMeta,
    keys: &mut AccountKeyDecl,
    errors: &mut Errors,
) -> syn::Result<()> {
    if !meta.input.peek(syn::token::Paren) {
        errors.push(meta.error(
            "expected a list: `account_keys(package_hash = \"...\", contract_hash = \"...\")`",
        ));
        return skip_value(meta);
    }
    meta.parse_nested_meta(|handle| {
        let slot = handle
            .path
            .get_ident()
            .and_then(|ident| keys.slot(&ident.to_string()));
        match slot {
            Some(slot) => {
                let name = parse_name(&handle, errors)?;
                set_once(slot, name, &handle, errors);
            }
            None => {
                errors.push(handle.error(format!(
                    "unknown handle: `account_keys(...)` names `{}`",
                    casper_dsl_names::handle::ALL.join("`, `")
                )));
                skip_value(&handle)?;
            }
        }
        Ok(())
    })
}

/// A flag argument written alone (`locked`): sets `flag`, reporting a value or a repeat.
fn parse_flag(meta: &ParseNestedMeta, flag: &mut bool, errors: &mut Errors) -> syn::Result<()> {
    let name = meta
        .path
        .get_ident()
        .map(Ident::to_string)
        .unwrap_or_default();
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        errors.push(meta.error(format!("`{name}` takes no value: write `{name}` alone")));
        skip_value(meta)?;
    }
    if *flag {
        errors.push(meta.error(format!("duplicate `{name}` argument")));
    }
    *flag = true;
    Ok(())
}

/// The arguments of `#[entry_point(...)]`.
#[derive(Default)]
pub struct ExportArgs {
    pub name: Option<Name>,
    /// `None` when `groups` is absent (a public entry point).
    pub groups: Option<Groups>,
    /// `#[init(already_initialized = error)]`.
    pub already_initialized: Option<Expr>,
}

/// `#[entry_point(name = "...", groups = ["..."])]` and `#[init(already_initialized = ...)]`;
/// the other roles take no arguments. Every bad argument is reported.
pub fn parse_export_args(role: Role, attr: &Attribute, errors: &mut Errors) -> ExportArgs {
    let mut args = ExportArgs::default();
    if matches!(attr.meta, Meta::Path(_)) {
        return args;
    }
    if role == Role::Init {
        parse_init_args(attr, &mut args, errors);
        return args;
    }
    if role != Role::EntryPoint {
        errors.add(
            attr.meta.span(),
            format!(
                "{} takes no arguments: write `{}`",
                role.attribute(),
                role.attribute()
            ),
        );
        return args;
    }
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("name") {
            let name = parse_name(&meta, errors)?;
            set_once(&mut args.name, name, &meta, errors);
        } else if meta.path.is_ident("groups") {
            let groups = parse_groups(&meta, errors)?;
            set_once(&mut args.groups, groups, &meta, errors);
        } else {
            errors.push(meta.error(
                "unknown argument: #[entry_point] takes `name = \"...\"` and \
                 `groups = [\"...\", ...]`",
            ));
            skip_value(&meta)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        errors.push(error);
    }
    args
}

/// `#[init(already_initialized = error)]`: the error a second call of `#[init]` reverts with.
fn parse_init_args(attr: &Attribute, args: &mut ExportArgs, errors: &mut Errors) {
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("already_initialized") {
            let expected = "expected an error: `already_initialized = MyError::AlreadyInitialized`";
            let error = assigned_value(&meta, expected, errors)?;
            set_once(&mut args.already_initialized, error, &meta, errors);
        } else {
            errors.push(meta.error(
                "unknown argument: #[init] takes `already_initialized = <error>`, the error a \
                 second call reverts with",
            ));
            skip_value(&meta)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        errors.push(error);
    }
}

/// Where `#[state(initial = ...)]` takes the value from, as written.
pub enum InitialSource {
    /// `caller`.
    Caller(Span),
    /// `arg(name)`.
    Arg(Ident),
}

/// `#[state]` or `#[state(initial = caller)]` / `#[state(initial = arg(name))]`; every bad
/// argument is reported.
pub fn parse_state_args(attr: &Attribute, errors: &mut Errors) -> Option<InitialSource> {
    if matches!(attr.meta, Meta::Path(_)) {
        return None;
    }
    const EXPECTED: &str = "expected the value at install: `initial = caller` (the installing \
                            account) or `initial = arg(name)` (an install argument)";
    let mut initial = None;
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("initial") {
            let source = assigned_value(&meta, EXPECTED, errors)?.and_then(|value| {
                let source = initial_source(&value);
                if source.is_none() {
                    errors.add_spanned(&value, EXPECTED);
                }
                source
            });
            set_once(&mut initial, source, &meta, errors);
        } else {
            errors.push(meta.error(
                "unknown argument: #[state] takes `initial = caller` or `initial = arg(name)`, \
                 the value the installer gives the item",
            ));
            skip_value(&meta)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        // syn's own words ("expected ident") would not say what the attribute takes.
        errors.add(error.span(), EXPECTED);
    }
    initial
}

/// `caller` or `arg(name)`.
fn initial_source(value: &Expr) -> Option<InitialSource> {
    match value {
        Expr::Path(path) if path.qself.is_none() && path.path.is_ident("caller") => {
            Some(InitialSource::Caller(path.span()))
        }
        Expr::Call(call) if call.args.len() == 1 => {
            let Expr::Path(function) = &*call.func else {
                return None;
            };
            let Expr::Path(arg) = &call.args[0] else {
                return None;
            };
            if !function.path.is_ident("arg") || arg.qself.is_some() {
                return None;
            }
            // `self`, `crate`, ... parse as paths but cannot name a parameter of `installer`.
            let name = arg.path.get_ident()?;
            let is_path_keyword = ["self", "Self", "super", "crate"]
                .iter()
                .any(|keyword| name == keyword);
            (!is_path_keyword).then(|| InitialSource::Arg(name.clone()))
        }
        _ => None,
    }
}

/// Stores `value` in `slot`, reporting a repeated argument.
fn set_once<T>(
    slot: &mut Option<T>,
    value: Option<T>,
    meta: &ParseNestedMeta,
    errors: &mut Errors,
) {
    if slot.is_some() {
        let name = meta.path.get_ident().map(Ident::unraw);
        errors.push(meta.error(format!(
            "duplicate `{}` argument",
            name.map_or_else(String::new, |n| n.to_string())
        )));
    } else if value.is_some() {
        *slot = value;
    }
}

/// Skips the value of an argument the parser reports and does not use (`= expr` or `(...)`).
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren)
        || meta.input.peek(syn::token::Bracket)
        || meta.input.peek(syn::token::Brace)
    {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// The expression after `=` in `key = value`; any other form is reported with `expected`
/// (`None`).
fn assigned_value(
    meta: &ParseNestedMeta,
    expected: &str,
    errors: &mut Errors,
) -> syn::Result<Option<Expr>> {
    if !meta.input.peek(Token![=]) {
        errors.push(meta.error(expected));
        skip_value(meta)?;
        return Ok(None);
    }
    Ok(Some(meta.value()?.parse()?))
}

/// `key = "..."` (`name`, `instance`); any other form is reported (`None`).
fn parse_name(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Option<Name>> {
    let key = meta
        .path
        .get_ident()
        .map(Ident::to_string)
        .unwrap_or_default();
    let expected = format!("expected a string: `{key} = \"...\"`");
    let Some(value) = assigned_value(meta, &expected, errors)? else {
        return Ok(None);
    };
    match string_literal(&value) {
        Some(literal) => Ok(Some(name_of(literal))),
        None => {
            errors.add_spanned(&value, expected);
            Ok(None)
        }
    }
}

/// `groups = ["admin", "minter"]`; any other form is reported (`None`).
fn parse_groups(meta: &ParseNestedMeta, errors: &mut Errors) -> syn::Result<Option<Groups>> {
    let expected = "expected a list of group names: `groups = [\"admin\"]`";
    let Some(value) = assigned_value(meta, expected, errors)? else {
        return Ok(None);
    };
    let Expr::Array(list) = &value else {
        errors.add_spanned(&value, expected);
        return Ok(None);
    };
    let mut names = Vec::new();
    for element in &list.elems {
        match string_literal(element) {
            Some(literal) => names.push(name_of(literal)),
            None => errors.add_spanned(element, expected),
        }
    }
    Ok(Some(Groups {
        names,
        span: list.span(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("entry_point", "entry_point"), 0);
        assert_eq!(edit_distance("entrypoint", "entry_point"), 1);
        assert_eq!(edit_distance("enrty_point", "entry_point"), 2);
        assert_eq!(edit_distance("", "init"), 4);
    }

    #[test]
    fn dsl_attributes_are_recognised_by_any_path_to_them() {
        let roles: Vec<Attribute> = vec![
            syn::parse_quote!(#[entry_point]),
            syn::parse_quote!(#[casper_dsl::entry_point(name = "x")]),
            syn::parse_quote!(#[::casper_dsl::init]),
        ];
        let found: Vec<_> = roles.iter().map(role_of).collect();
        assert_eq!(
            found,
            [
                Some(Role::EntryPoint),
                Some(Role::EntryPoint),
                Some(Role::Init)
            ]
        );
        let other: Attribute = syn::parse_quote!(#[other::entry_point]);
        assert_eq!(role_of(&other), None);
        let module: Attribute = syn::parse_quote!(#[casper_dsl::session]);
        assert_eq!(mode_of(&module), Some(Mode::Session));
    }

    #[test]
    fn symbol_and_cfg_attr_attributes_are_recognised() {
        let symbols: Vec<Attribute> = vec![
            syn::parse_quote!(#[no_mangle]),
            syn::parse_quote!(#[unsafe(no_mangle)]),
            syn::parse_quote!(#[export_name = "x"]),
            syn::parse_quote!(#[unsafe(export_name = "x")]),
        ];
        assert!(symbols.iter().all(is_symbol_attr));
        let inline: Attribute = syn::parse_quote!(#[inline]);
        assert!(!is_symbol_attr(&inline));
        let cfg_attr: Attribute = syn::parse_quote!(#[cfg_attr(feature = "x", entry_point)]);
        assert_eq!(
            dsl_attr_in_cfg_attr(&cfg_attr).as_deref(),
            Some("entry_point")
        );
        let harmless: Attribute = syn::parse_quote!(#[cfg_attr(test, derive(Debug))]);
        assert_eq!(dsl_attr_in_cfg_attr(&harmless), None);
    }
}
