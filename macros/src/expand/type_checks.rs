//! Trait checks of the types in exported signatures, compiled on every target.
//!
//! The exports themselves exist only on wasm, so without these a host build (tests, docs,
//! `cargo check`) would accept a parameter type the wasm build then rejects. Each check is
//! spanned at the type the user wrote, so rustc points there.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{spanned::Spanned, Type};

use crate::model::{DslModule, Mode, Output};

/// A never-called function whose body requires the signature types to fit their roles.
pub fn expand(module: &DslModule) -> TokenStream {
    // A contract's parameter types are checked where its interface encodes them (one error per
    // type, not two); a session has no interface.
    let check_params = module.mode == Mode::Session;
    let checks = module.exports.iter().flat_map(|export| {
        let params = export
            .params
            .iter()
            .filter(|_| check_params)
            .map(|param| check("is_argument", &param.ty));
        let output = match &export.output {
            Output::Unit => Vec::new(),
            Output::Value(ty) => vec![check("is_returned", ty)],
            Output::Result { ok, err } => ok
                .iter()
                .map(|ok| check("is_returned", ok))
                .chain([check("is_error", err)])
                .collect(),
        };
        params.chain(output).collect::<Vec<_>>()
    });
    let state = module.state.iter().map(|item| check("is_state", &item.ty));
    quote! {
        const _: fn() = || { #(#checks)* #(#state)* };
    }
}

fn check(function: &str, ty: &Type) -> TokenStream {
    let function = syn::Ident::new(function, ty.span());
    quote_spanned! {ty.span()=> ::casper_dsl::__private::#function::<#ty>(); }
}
