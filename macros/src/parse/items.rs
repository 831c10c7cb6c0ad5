//! `#[state]` consts and `#[event]` structs, modelled.

use syn::{
    ext::IdentExt, parse_quote_spanned, spanned::Spanned, Attribute, Expr, Fields, ItemConst,
    ItemStruct,
};

use super::signature::{check_type, TypeUse};
use crate::{
    attrs::{self, InitialSource},
    errors::Errors,
    model::{Event, Initial, Name, Param, StateItem},
};

/// `const NAME: Var<T> = Var::new("key");`: the named key comes from the string literal; `attr`
/// (`#[state]` or `#[state(initial = ...)]`) gives the value at install, if any.
pub(super) fn parse_state_item(
    constant: &ItemConst,
    attr: &Attribute,
    errors: &mut Errors,
) -> Option<StateItem> {
    let initial = attrs::parse_state_args(attr, errors).map(|source| match source {
        InitialSource::Caller(span) => Initial::Caller(span),
        InitialSource::Arg(ident) => {
            let ty = &constant.ty;
            Initial::Arg(Param {
                name: Name {
                    value: ident.unraw().to_string(),
                    span: ident.span(),
                },
                ty: parse_quote_spanned! {ty.span()=>
                    <#ty as ::casper_dsl::__private::InitialState>::Value
                },
                ident,
            })
        }
    });
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
        initial,
    })
}

/// `struct Transfer { ... }`: named fields, no generics.
pub(super) fn parse_event(structure: &ItemStruct, errors: &mut Errors) -> Option<Event> {
    if !structure.generics.params.is_empty() {
        // Not modelled: no encoding is generated for it, so the error comes alone.
        errors.add_spanned(
            &structure.generics,
            "an #[event] cannot be generic: its topic and encoding are fixed",
        );
        return None;
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
        docs: attrs::doc_text(&structure.attrs),
    })
}
