//! Trait checks of the types in exported signatures, compiled on every target.
//!
//! The exports themselves exist only on wasm, so without these a host build (tests, docs,
//! `cargo check`) would accept a type the wasm build then rejects. Each check is spanned at the
//! type the user wrote, so rustc points there. A contract's entry-point types are already
//! bounded where its interface names them (`calls`), so only what the interface does not use
//! is checked here: one error per type, not two.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{spanned::Spanned, Type};

use crate::model::{DslModule, Initial, Mode, Output, Role};

/// A never-called function whose body requires the signature types to fit their roles.
pub fn expand(module: &DslModule) -> TokenStream {
    let session = module.mode == Mode::Session;
    let checks = module.exports.iter().map(|export| {
        let params = export
            .params
            .iter()
            .filter(|_| session)
            .map(|param| check("is_argument", &param.ty));
        let output = match &export.output {
            Output::Type(ty) if session && export.role == Role::Call => {
                Some(check("is_completion", ty))
            }
            _ => None,
        };
        let cfgs = &export.cfgs;
        quote! { #(#cfgs)* { #(#params)* #output } }
    });
    let state = module.state.iter().map(|item| match &item.initial {
        None => check("is_state", &item.ty),
        // The interface's `installer` takes the argument as `<T as InitialState>::Value`.
        Some(Initial::Arg(_)) => TokenStream::new(),
        Some(Initial::Caller(span)) => {
            let ty = &item.ty;
            quote_spanned! {*span=> ::casper_dsl::__private::is_initial_caller::<#ty>(); }
        }
    });
    quote! {
        const _: fn() = || { #(#checks)* #(#state)* };
    }
}

fn check(function: &str, ty: &Type) -> TokenStream {
    let function = syn::Ident::new(function, ty.span());
    quote_spanned! {ty.span()=> ::casper_dsl::__private::#function::<#ty>(); }
}
