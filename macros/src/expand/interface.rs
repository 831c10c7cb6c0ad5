//! The typed interface of a contract, usable on the host and on wasm: a `calls` module with one
//! `Call` builder per entry point, and an `installer` function taking the `#[init]` arguments.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::{
    model::{DslModule, Export, Output, Role},
    validate::{CALLS_MODULE, INSTALLER_FN},
};

pub fn expand(module: &DslModule) -> TokenStream {
    let calls_module = syn::Ident::new(CALLS_MODULE, proc_macro2::Span::call_site());
    let installer_fn = syn::Ident::new(INSTALLER_FN, proc_macro2::Span::call_site());
    let calls = module.exports.iter().map(call_builder);
    let init = module.exports.iter().find(|e| e.role == Role::Init);
    let init_params = init.map(signature_params).unwrap_or_default();
    let init_args = init.map(args_builder).unwrap_or_else(empty_args);
    let name = &module.name.value;
    let installer_doc = format!(
        "Installing the `{name}` contract with these `#[init]` arguments \
         (for `casper-dsl-testing`'s `Chain::install`)."
    );
    quote! {
        /// Typed calls of this contract's entry points, for tests, sessions and other contracts.
        #[allow(unused_imports, clippy::too_many_arguments)]
        pub mod #calls_module {
            use super::*;
            #(#calls)*
        }

        #[doc = #installer_doc]
        #[allow(clippy::too_many_arguments)]
        pub fn #installer_fn(#(#init_params),*) -> ::casper_dsl::Install {
            ::casper_dsl::Install {
                name: #name,
                crate_dir: ::casper_dsl::__private::env!("CARGO_MANIFEST_DIR"),
                args: #init_args,
            }
        }
    }
}

/// `pub fn increment(by: u64) -> Call<u64>`.
fn call_builder(export: &Export) -> TokenStream {
    let ident = &export.ident;
    let params = signature_params(export);
    let args = args_builder(export);
    let entry_point = &export.name.value;
    let returned = match export.output.returned_type() {
        Some(ty) => quote! { #ty },
        None => quote! { () },
    };
    let call_type = match &export.output {
        Output::Result { err, .. } => quote! { ::casper_dsl::Call<#returned, #err> },
        _ => quote! { ::casper_dsl::Call<#returned> },
    };
    let doc = format!("A call of the entry point `{entry_point}`.");
    quote! {
        #[doc = #doc]
        pub fn #ident(#(#params),*) -> #call_type {
            ::casper_dsl::Call::new(#entry_point, #args)
        }
    }
}

fn signature_params(export: &Export) -> Vec<TokenStream> {
    export
        .params
        .iter()
        .map(|param| {
            let (ident, ty) = (&param.ident, &param.ty);
            quote! { #ident: #ty }
        })
        .collect()
}

/// A block evaluating to the `RuntimeArgs` of `export`'s parameters.
fn args_builder(export: &Export) -> TokenStream {
    // Spanned and bounded like the type check of the parameter, so a type that is no argument
    // is reported once, at the type.
    let inserts = export.params.iter().map(|param| {
        let (ident, name, ty) = (&param.ident, &param.name.value, &param.ty);
        quote_spanned! {ty.span()=>
            ::casper_dsl::__private::insert_arg::<#ty>(&mut args, #name, #ident);
        }
    });
    quote! {{
        #[allow(unused_mut)]
        let mut args = ::casper_dsl::__private::RuntimeArgs::new();
        #(#inserts)*
        args
    }}
}

fn empty_args() -> TokenStream {
    quote! { ::casper_dsl::__private::RuntimeArgs::new() }
}
