//! Code generation: a pure function of the validated [model](crate::model).
//!
//! Generated items are appended to the user's module. Exports exist only when building for
//! `wasm32`, so the same crate compiles on the host; they call the user's functions by name
//! and refer to everything else through absolute `::casper_dsl::__private` paths.

mod contract;
mod export;
mod interface;
mod session;
mod type_checks;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Item;

use crate::model::{DslModule, Mode};

/// The module with its generated exports.
pub fn expand(module: &DslModule) -> TokenStream {
    let (exports, interface) = match module.mode {
        Mode::Session => (session::expand(module), TokenStream::new()),
        Mode::Contract => (contract::expand(module), interface::expand(module)),
    };
    let type_checks = type_checks::expand(module);
    // A crate that does not declare the `as-dependency` feature still builds, with its exports.
    let generated = quote::quote! {
        #type_checks
        #interface
        #[allow(unexpected_cfgs)]
        const _: () = { #exports };
    };
    let mut item = module.item.clone();
    if let Some((_, content)) = &mut item.content {
        content.push(Item::Verbatim(generated));
    }
    item.into_token_stream()
}
