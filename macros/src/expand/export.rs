//! The `extern "C"` wrapper the host calls for one exported function.

use casper_dsl_names::AS_DEPENDENCY_FEATURE;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{spanned::Spanned, Attribute};

use crate::model::{Export, Output, Param, Role};

/// A wasm-only `extern "C" fn #ident` exported to the host as `symbol`, absent when the crate is
/// built with the [`AS_DEPENDENCY_FEATURE`] or when one of `cfgs` is off.
pub fn export_fn(
    symbol: &str,
    ident: &syn::Ident,
    cfgs: &[Attribute],
    body: TokenStream,
) -> TokenStream {
    quote! {
        #(#cfgs)*
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
    let body = quote! {
        use ::casper_dsl::__private::{ReadOptionalArgument as _, ReadRequiredArgument as _};
        #prelude
        #body
    };
    export_fn(symbol, &ident, &export.cfgs, body)
}

/// Calls the user's function with its decoded arguments; what happens to its result is the
/// compiler's decision, through the traits its return type implements: an entry point's
/// `Outcome` returns a value or reverts on `Err`, a lifecycle function's `Completion` reverts
/// on `Err`.
fn call_and_return(export: &Export) -> TokenStream {
    let function = &export.ident;
    let args = export.params.iter().map(read_arg);
    let call = quote! { #function(#(#args),*) };
    match &export.output {
        Output::Unit => quote! { #call; },
        Output::Type(ty) if export.role == Role::EntryPoint => quote_spanned! {ty.span()=>
            <#ty as ::casper_dsl::__private::Outcome>::conclude(#call);
        },
        Output::Type(ty) => quote_spanned! {ty.span()=>
            <#ty as ::casper_dsl::__private::Completion>::complete(#call);
        },
    }
}

/// Decodes the named runtime argument of `param` (spanned at its type, so a type that cannot
/// be decoded is reported where the user wrote it). The reader is chosen by method resolution
/// on the real type: an `Option<T>` argument may be omitted, any other is required.
pub(super) fn read_arg(param: &Param) -> TokenStream {
    let (name, ty) = (&param.name.value, &param.ty);
    quote_spanned! {ty.span()=>
        (&&::casper_dsl::__private::ArgumentReader::<#ty>::new()).read(#name)
    }
}

/// The type the caller receives from `export`, as a `CLType`, spanned at the return type.
pub fn returned_cl_type(export: &Export) -> TokenStream {
    match &export.output {
        Output::Unit => quote! { ::casper_dsl::__private::CLType::Unit },
        Output::Type(ty) => {
            let returned = returned_type(export.role, ty);
            quote_spanned! {ty.span()=> <#returned as ::casper_dsl::__private::CLTyped>::cl_type() }
        }
    }
}

/// The type a caller receives from a function returning `ty`: `Outcome::Returned` for an entry
/// point, `()` for a lifecycle function.
pub fn returned_type(role: Role, ty: &syn::Type) -> TokenStream {
    if role == Role::EntryPoint {
        quote_spanned! {ty.span()=> <#ty as ::casper_dsl::__private::Outcome>::Returned }
    } else {
        quote! { () }
    }
}

/// The error a function returning `ty` declares: `Outcome::Error` or `Completion::Error`.
pub fn declared_error(role: Role, ty: &syn::Type) -> TokenStream {
    if role == Role::EntryPoint {
        quote_spanned! {ty.span()=> <#ty as ::casper_dsl::__private::Outcome>::Error }
    } else {
        quote_spanned! {ty.span()=> <#ty as ::casper_dsl::__private::Completion>::Error }
    }
}
