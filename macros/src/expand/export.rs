//! The `extern "C"` wrapper the host calls for one exported function.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Export, Output, Param};

/// Cargo feature a crate turns on to use another contract crate as a dependency: it removes
/// that crate's exports, which would clash with the dependent's own (`call`, ...).
pub const AS_DEPENDENCY_FEATURE: &str = "as-dependency";

/// A wasm-only `extern "C" fn #ident` exported to the host as `symbol`, absent when the crate is
/// built with the [`AS_DEPENDENCY_FEATURE`].
pub fn export_fn(symbol: &str, ident: &syn::Ident, body: TokenStream) -> TokenStream {
    quote! {
        #[cfg(all(target_arch = "wasm32", not(feature = #AS_DEPENDENCY_FEATURE)))]
        #[doc(hidden)]
        #[unsafe(export_name = #symbol)]
        extern "C" fn #ident() {
            #body
        }
    }
}

/// The export `symbol` of a user function: runs `prelude`, then the function.
pub fn user_export(export: &Export, symbol: &str, prelude: TokenStream) -> TokenStream {
    let ident = format_ident!("__casper_dsl_export_{}", export.ident);
    let body = call_and_return(export);
    export_fn(symbol, &ident, quote! { #prelude #body })
}

/// Calls the user's function with its decoded arguments and returns or reverts per its output.
fn call_and_return(export: &Export) -> TokenStream {
    let function = &export.ident;
    let args = export.params.iter().map(read_arg);
    let call = quote! { #function(#(#args),*) };
    match &export.output {
        Output::Unit => quote! { #call; },
        Output::Value(ty) => ret_value(ty, call),
        Output::Result { ok: None, err } => {
            quote_spanned! {err.span()=> ::casper_dsl::__private::revert_on_err::<(), #err>(#call); }
        }
        Output::Result { ok: Some(ok), err } => ret_value(
            ok,
            quote_spanned! {err.span()=> ::casper_dsl::__private::revert_on_err::<#ok, #err>(#call) },
        ),
    }
}

fn ret_value(ty: &syn::Type, value: TokenStream) -> TokenStream {
    quote_spanned! {ty.span()=> ::casper_dsl::__private::ret_value::<#ty>(#value) }
}

/// Decodes the named runtime argument of `param` (spanned at its type, so a type that cannot
/// be decoded is reported where the user wrote it).
fn read_arg(param: &Param) -> TokenStream {
    let name = &param.name.value;
    match &param.optional {
        Some(inner) => quote_spanned! {inner.span()=>
            ::casper_dsl::__private::optional_arg::<#inner>(#name)
        },
        None => {
            let ty = &param.ty;
            quote_spanned! {ty.span()=> ::casper_dsl::__private::required_arg::<#ty>(#name) }
        }
    }
}

/// `<T as CLTyped>::cl_type()`, spanned at `T`.
pub fn cl_type_of(ty: &syn::Type) -> TokenStream {
    quote_spanned! {ty.span()=> <#ty as ::casper_dsl::__private::CLTyped>::cl_type() }
}
