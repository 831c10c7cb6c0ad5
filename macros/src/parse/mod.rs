//! From syntax to the [model](crate::model): reads the module, its items and the signatures of
//! its exported functions, removing the DSL's attributes as it goes. Shapes the model cannot
//! represent (a `self` parameter, a pattern parameter, a generic function, an attribute out of
//! place...) are reported here; rules about how the pieces fit together are in
//! [`crate::validate`].

use proc_macro2::TokenStream;
use syn::{ext::IdentExt, spanned::Spanned, Attribute, Item, ItemMod};

use crate::{
    attrs::{self, ModuleArgs, EVENT_ATTR, STATE_ATTR},
    errors::Errors,
    model::{DslModule, Event, Export, Mode, Name, StateItem},
};

mod items;
mod placement;
mod signature;

use items::{parse_event, parse_state_item};
use placement::{
    report_attrs, report_cfg_attr_dsl, report_cfgs, report_impl_items, report_nested_attrs,
    report_nested_items, report_role_attrs, report_symbol_attrs, take_attr, take_attr_with_args,
};
use signature::take_export;

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
        events_mode,
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
        docs: attrs::doc_text(&item.attrs),
        item,
        exports: items.exports,
        state: items.state,
        events: items.events,
        instance,
        account_keys,
        locked,
        keep_previous_versions,
        events_mode: events_mode.unwrap_or_default(),
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
                if let Some(attr) = take_attr_with_args(&mut constant.attrs, STATE_ATTR, errors) {
                    if !report_cfgs(&constant.attrs, "a #[state] item", errors) {
                        found
                            .state
                            .extend(parse_state_item(constant, &attr, errors));
                    }
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

#[cfg(test)]
mod tests {
    use quote::{quote, ToTokens};

    use super::*;
    use crate::model::{Initial, Output, Role};

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

    /// `found` holds one message containing each of `expected`, and no other.
    #[track_caller]
    fn assert_reported_exactly(found: &[String], expected: &[&str]) {
        for expected in expected {
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{expected}: {found:?}"
            );
        }
        assert_eq!(found.len(), expected.len(), "{found:?}");
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
        assert_reported_exactly(&found, &expected);
    }

    #[test]
    fn models_initial_state_values_as_install_arguments() {
        let module = parse(
            Mode::Contract,
            quote!(),
            quote! {
                mod counter {
                    #[state(initial = arg(r#type))] const KIND: Var<String> = Var::new("kind");
                    #[state(initial = caller)] const OWNER: Fixed<AccountHash> = Fixed::new("o");
                    #[state] const TOTAL: Var<u64> = Var::new("total");
                    #[entry_point] pub fn get() {}
                }
            },
        )
        .unwrap();
        let initial: Vec<_> = module
            .state
            .iter()
            .map(|item| match &item.initial {
                Some(Initial::Arg(param)) => format!("arg {}", param.name.value),
                Some(Initial::Caller(_)) => "caller".to_string(),
                None => "default".to_string(),
            })
            .collect();
        assert_eq!(initial, ["arg type", "caller", "default"]);
        let args: Vec<_> = module.state_args().collect();
        assert_eq!(args.len(), 1);
        assert_eq!(
            args[0].ty.to_token_stream().to_string(),
            "< Var < String > as :: casper_dsl :: __private :: InitialState > :: Value"
        );
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
            "unknown argument: #[state] takes `initial = caller`",
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
        assert_reported_exactly(&found, &expected);
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
