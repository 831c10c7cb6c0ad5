//! Code generation: a pure function of the validated [model](crate::model).
//!
//! Generated items are appended to the user's module. Exports exist only when building for
//! `wasm32`, so the same crate compiles on the host; they call the user's functions by name
//! and refer to everything else through absolute `::casper_dsl::__private` paths.

mod contract;
mod export;
mod session;
mod type_checks;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Item;

use crate::model::{DslModule, Mode};

/// The module with its generated exports.
pub fn expand(module: &DslModule) -> TokenStream {
    let exports = match module.mode {
        Mode::Session => session::expand(module),
        Mode::Contract => contract::expand(module),
    };
    let type_checks = type_checks::expand(module);
    let generated = quote::quote! { #type_checks #exports };
    let mut item = module.item.clone();
    if let Some((_, content)) = &mut item.content {
        content.push(Item::Verbatim(generated));
    }
    item.into_token_stream()
}
