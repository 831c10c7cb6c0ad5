//! Code generation: a pure function of the validated [model](crate::model).
//!
//! Generated items are appended to the user's module. Exports exist only when building for
//! `wasm32`, so the same crate compiles on the host; they call the user's functions by name
//! and refer to everything else through absolute `::casper_dsl::__private` paths.

mod contract;
mod events;
mod export;
mod interface;
mod schema;
mod session;
mod type_checks;

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Item;

use crate::model::{DslModule, Mode};

/// The module with its generated exports.
pub fn expand(module: &DslModule) -> TokenStream {
    let once_per_crate = one_module_per_crate(module);
    let (exports, interface) = match module.mode {
        Mode::Session => (session::expand(module), TokenStream::new()),
        Mode::Contract => {
            let interface = interface::expand(module);
            let schema = schema::expand(module);
            (
                contract::expand(module),
                quote::quote! { #interface #schema },
            )
        }
    };
    let type_checks = type_checks::expand(module);
    let events = module
        .events
        .iter()
        .map(|event| events::expand(event, module.events_mode));
    // A crate that does not declare the `as-dependency` feature still builds, with its exports.
    let bulk_memory_warning = bulk_memory_warning();
    let generated = quote::quote! {
        #once_per_crate
        #type_checks
        #(#events)*
        #bulk_memory_warning
        #interface
        #[allow(unexpected_cfgs)]
        const _: () = { #exports };
    };
    with_items(module, generated)
}

/// What a module with errors still expands to, beside the errors: the user's items without
/// the DSL attributes, and its events' encodings, so the rest of the crate compiles against
/// them (no follow-on errors) and rustc still checks the function bodies.
pub fn fallback(module: &DslModule) -> TokenStream {
    let events = module
        .events
        .iter()
        .map(|event| events::expand(event, module.events_mode));
    with_items(module, quote::quote! { #(#events)* })
}

/// The user's module with `generated` appended to its items.
fn with_items(module: &DslModule, generated: TokenStream) -> TokenStream {
    let mut item = module.item.clone();
    if let Some((_, content)) = &mut item.content {
        content.push(Item::Verbatim(generated));
    }
    item.into_token_stream()
}

/// A crate builds one module: two contract or session modules would both export `call`, which
/// only the wasm link would notice. Each module defines the same crate-level macro name, so
/// rustc reports a second module on every target, at its name.
///
/// The macro also leads tools to the module: `(schema)` is the contract's schema description
/// (`cargo casper-dsl schema`), found at the crate's root, or for session code an error saying
/// it has none.
fn one_module_per_crate(module: &DslModule) -> TokenStream {
    let ident = &module.item.ident;
    let macro_name = syn::Ident::new(casper_dsl_names::MODULE_MACRO, ident.span());
    let schema = match module.mode {
        Mode::Contract => quote::quote! { $crate::#ident::__casper_dsl_schema() },
        Mode::Session => {
            let message = casper_dsl_names::NO_SCHEMA;
            quote::quote! { ::core::compile_error!(#message) }
        }
    };
    quote::quote_spanned! {ident.span()=>
        #[doc(hidden)]
        #[macro_export]
        macro_rules! #macro_name {
            () => {};
            (schema) => { #schema };
        }
    }
}

/// A warning in the user's own crate when it is compiled with bulk-memory instructions
/// (`wasm32-unknown-unknown` on Rust ≥ 1.87): the engine would refuse the module at install.
/// Build-script output of dependencies is hidden by cargo; a deprecated item used in the
/// expansion is reported where the module is. Silent under `--cfg casper_dsl_linker`, which
/// the scaffold's `.cargo/config.toml` sets beside `casper-dsl-linker`, which lowers the
/// module as it links it.
fn bulk_memory_warning() -> TokenStream {
    let note = "this contract is being compiled with bulk-memory instructions \
        (wasm32-unknown-unknown on Rust >= 1.87), and the Casper 2.0 engine refuses such a module \
        at install: \"Bulk memory operations are not supported\". Build with \
        `--target wasm32v1-none`, or with `cargo casper-dsl build --target \
        wasm32-unknown-unknown`, which lowers bulk memory to MVP code, or name \
        `casper-dsl-linker` as this target's linker (see `cargo casper-dsl new`)";
    let linker_cfg = syn::Ident::new(casper_dsl_names::LINKER_CFG, proc_macro2::Span::call_site());
    let warning_item = syn::Ident::new(
        casper_dsl_names::BULK_MEMORY_WARNING_ITEM,
        proc_macro2::Span::call_site(),
    );
    quote::quote! {
        #[allow(unexpected_cfgs)]
        const _: () = {
            #[cfg(all(
                target_arch = "wasm32",
                target_feature = "bulk-memory",
                not(#linker_cfg)
            ))]
            const _: () = {
                #[deprecated(note = #note)]
                struct #warning_item;
                let _ = #warning_item;
            };
        };
    }
}
