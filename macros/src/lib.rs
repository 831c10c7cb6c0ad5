//! Attribute macros of casper-dsl. Use them through the `casper-dsl` crate, which documents
//! them and provides the runtime support the generated code calls.
//!
//! Pipeline: [`parse`] builds the [`model`] from syntax, [`validate`] checks it and collects
//! every error, [`expand`] generates code from the validated model.

mod attrs;
mod error_enum;
mod errors;
mod expand;
mod model;
mod parse;
#[cfg(test)]
mod robustness;
mod validate;

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};

use model::Mode;

/// Turns an inline module into Casper session code: its one `#[call]` function becomes the
/// `call` export, running in the context of the account that signed the deploy.
#[proc_macro_attribute]
pub fn session(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_module(Mode::Session, args.into(), item.into()).into()
}

/// Turns an inline module into a stored contract: every `#[entry_point]` function becomes an
/// export and a row of the entry-point table, `#[init]` runs once inside the contract at
/// install, and the generated `call` export installs it (or, with the install argument
/// `upgrade = true`, adds a version to the installing account's package and disables the one it
/// replaces). Arguments: `name = "..."` names the contract (default: the module's name);
/// `instance = "param"` names the `#[init]` parameter whose value names the instance, so one
/// account can install several (`<name>_<instance>_package_hash`, ...);
/// `account_keys(package_hash = "...", access_uref = "...", contract_hash = "...",
/// contract_version = "...")` names the installing account's handles (any of them; `{instance}`
/// stands for the instance's name); `locked` makes a package that takes no second version;
/// `keep_previous_versions` leaves a replaced version enabled.
#[proc_macro_attribute]
pub fn contract(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_module(Mode::Contract, args.into(), item.into()).into()
}

/// Marks the function run once inside each new version of a contract; only meaningful inside a
/// `#[casper_dsl::contract]` module.
#[proc_macro_attribute]
pub fn upgrade(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[upgrade]", "#[casper_dsl::contract]", item.into()).into()
}

/// Turns an enum with explicit codes into a contract's user errors: `Err(variant)` reverts
/// with `ApiError::User(code)`. Codes are unique and below 65000 (the runtime's own codes sit
/// above).
#[proc_macro_attribute]
pub fn error(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = TokenStream2::from(item);
    match error_enum::parse(args.into(), item.clone()) {
        Ok(error_enum) => error_enum::expand(&error_enum),
        Err(error) => {
            let error = error.to_compile_error();
            let item = error_enum::without_codes(item);
            quote::quote! { #error #item }
        }
    }
    .into()
}

/// Marks the body of a session; only meaningful inside a `#[casper_dsl::session]` module.
#[proc_macro_attribute]
pub fn call(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[call]", "#[casper_dsl::session]", item.into()).into()
}

/// Marks an entry point; only meaningful inside a `#[casper_dsl::contract]` module.
#[proc_macro_attribute]
pub fn entry_point(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[entry_point]", "#[casper_dsl::contract]", item.into()).into()
}

/// Marks a contract's initializer, run once by the installer; only meaningful inside a
/// `#[casper_dsl::contract]` module. `#[init(already_initialized = MyError::AlreadyInitialized)]`
/// names the error a later call reverts with (default `casper_dsl::errors::ALREADY_INITIALIZED`).
#[proc_macro_attribute]
pub fn init(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[init]", "#[casper_dsl::contract]", item.into()).into()
}

/// Parses, validates and expands a DSL module. Every problem becomes a spanned compile error,
/// and on error the module is still emitted, without its exports (see [`expand::fallback`]).
fn expand_module(mode: Mode, args: TokenStream2, item: TokenStream2) -> TokenStream2 {
    let (module, mut errors) = match parse::parse_module(mode, args, item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => {
            let error = error.to_compile_error();
            let item = unmodelled_fallback(item);
            return quote::quote! { #error #item };
        }
    };
    validate::validate(&module, &mut errors);
    match errors.finish(()) {
        Ok(()) => expand::expand(&module),
        Err(error) => {
            let error = error.to_compile_error();
            let module = expand::fallback(&module);
            quote::quote! { #error #module }
        }
    }
}

/// The item a module attribute was wrongly applied to, kept so its uses elsewhere still
/// resolve; nothing if it is not a Rust item, or is a module without a body (which would send
/// rustc looking for its file).
fn unmodelled_fallback(item: TokenStream2) -> TokenStream2 {
    match syn::parse2::<syn::Item>(item) {
        Ok(syn::Item::Mod(syn::ItemMod { content: None, .. })) | Err(_) => TokenStream2::new(),
        Ok(item) => quote::ToTokens::into_token_stream(item),
    }
}

/// An inner attribute used outside its module: the item is kept, with an error beside it.
fn misplaced(attribute: &str, module_attribute: &str, item: TokenStream2) -> TokenStream2 {
    let message = format!(
        "{attribute} only has a meaning on a function directly inside a {module_attribute} \
         module (not in a nested module or an impl block); move the function there or remove \
         the attribute"
    );
    let error = syn::Error::new(Span::call_site(), message).to_compile_error();
    quote::quote! { #error #item }
}
