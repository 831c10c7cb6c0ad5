//! Attribute macros of casper-dsl. Use them through the `casper-dsl` crate, which documents
//! them and provides the runtime support the generated code calls.
//!
//! Pipeline: `parse` builds the `model` from syntax, `validate` checks it and collects every
//! error, `expand` generates code from the validated model (ARCHITECTURE.md maps each rule and
//! each generated symbol to its function).

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
/// `call` export, running in the context of the account that signed the deploy. Takes no
/// arguments.
///
/// ```
/// #[casper_dsl::session]
/// pub mod remember {
///     use casper_dsl::prelude::*;
///
///     /// Stores `value` under the signing account's named key `name`.
///     #[call]
///     pub fn call(name: String, value: u64) {
///         put_key(&name, storage::new_uref(value).into());
///     }
/// }
/// ```
#[proc_macro_attribute]
pub fn session(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_module(Mode::Session, args.into(), item.into()).into()
}

/// Turns an inline module into a stored contract: every `#[entry_point]` function becomes an
/// export and a row of the entry-point table, `#[init]` runs once inside the contract at
/// install, and the generated `call` export installs it (or, with the install argument
/// `upgrade = true`, adds a version to the installing account's package and disables the one it
/// replaces).
///
/// Arguments, all optional:
/// - `name = "..."` names the contract, the prefix of the installing account's keys
///   `<name>_package_hash`, `<name>_access_uref`, `<name>_contract_hash` (default: the
///   module's name);
/// - `instance = "param"` names the `#[init]` parameter (a `String`) whose value names the
///   instance, so one account can install several (`<name>_<instance>_package_hash`, ...);
/// - `account_keys(package_hash = "...", access_uref = "...", contract_hash = "...",
///   contract_version = "...")` names the installing account's handles (any of them;
///   `{instance}` stands for the instance's name; `contract_version` is kept only when named);
/// - `locked` makes a package that takes no second version;
/// - `keep_previous_versions` leaves the version an upgrade replaces enabled;
/// - `events = ces` (the default), `native`, `ces_and_native`, `none` or `chosen_at_install`
///   says how `#[event]`s are recorded: in the contract's Casper Event Standard keys, as
///   native messages, both, not at all, or as the optional `u8` install argument `events_mode`
///   says (0 none, 1 CES, 2 native, 3 both). See `casper_dsl::events`.
///
/// ```
/// #[casper_dsl::contract(
///     instance = "symbol",
///     account_keys(contract_hash = "token_hash_{instance}"),
///     keep_previous_versions,
/// )]
/// pub mod token {
///     use casper_dsl::prelude::*;
///
///     #[state]
///     pub const SUPPLY: Var<U256> = Var::new("supply");
///
///     #[init]
///     pub fn init(symbol: String, supply: U256) {
///         SUPPLY.set(supply);
///     }
///
///     #[entry_point]
///     pub fn supply() -> U256 {
///         SUPPLY.get()
///     }
/// }
///
/// let install = token::installer("CDT".into(), 1_000.into());
/// assert_eq!(install.account_key("contract_hash"), "token_hash_CDT");
/// assert_eq!(install.account_key("package_hash"), "token_CDT_package_hash");
/// ```
#[proc_macro_attribute]
pub fn contract(args: TokenStream, item: TokenStream) -> TokenStream {
    expand_module(Mode::Contract, args.into(), item.into()).into()
}

/// Marks the function run once inside each new version of a contract, by the install that adds
/// it (`upgrade = true`, built by the generated `upgrader(..)`); any other call reverts with
/// `casper_dsl::errors::ALREADY_INITIALIZED`. Only meaningful inside a
/// `#[casper_dsl::contract]` module; takes no arguments. Its parameters are install arguments.
///
/// ```
/// #[casper_dsl::contract]
/// pub mod counter {
///     use casper_dsl::prelude::*;
///
///     #[state]
///     pub const STEP: Var<u64> = Var::new("step");
///
///     #[upgrade]
///     pub fn migrate(step: u64) {
///         STEP.set(step);
///     }
///
///     #[entry_point]
///     pub fn step() -> u64 {
///         STEP.get()
///     }
/// }
///
/// let upgrade = counter::upgrader(2);
/// assert_eq!(upgrade.args.get("upgrade").unwrap().to_t::<bool>().unwrap(), true);
/// ```
#[proc_macro_attribute]
pub fn upgrade(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[upgrade]", "#[casper_dsl::contract]", item.into()).into()
}

/// Turns an enum with explicit codes into a contract's user errors: `Err(variant)` reverts
/// with `ApiError::User(code)`. Codes are unique and below 65000 (the runtime's own codes sit
/// above). Takes no arguments.
///
/// ```
/// #[casper_dsl::error]
/// #[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// pub enum TokenError {
///     InsufficientBalance = 60001,
///     Overflow = 60003,
/// }
///
/// let error: casper_dsl::ApiError = TokenError::Overflow.into();
/// assert_eq!(error, casper_dsl::ApiError::User(60003));
/// ```
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

/// Marks the body of a session: its parameters are the deploy's arguments, it returns `()` or
/// `Result<(), E>` (an `Err` reverts with `E`'s code). Only meaningful inside a
/// `#[casper_dsl::session]` module (see [`macro@session`]); takes no arguments.
#[proc_macro_attribute]
pub fn call(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[call]", "#[casper_dsl::session]", item.into()).into()
}

/// Marks an entry point: an export and a row of the entry-point table, with a typed call in the
/// generated `calls` module. Only meaningful inside a `#[casper_dsl::contract]` module.
///
/// Arguments, both optional: `name = "..."` exports it under another name; `groups = ["..."]`
/// lets only holders of a URef of one of those user groups call it (the installer creates each
/// group and gives its URef to the installing account under `<name>_<group>_group`).
///
/// ```
/// #[casper_dsl::contract]
/// pub mod counter {
///     use casper_dsl::prelude::*;
///
///     #[state]
///     pub const COUNT: Var<u64> = Var::new("count");
///
///     #[entry_point(name = "add")]
///     pub fn increment(by: u64) -> u64 {
///         COUNT.set(COUNT.get() + by);
///         COUNT.get()
///     }
///
///     #[entry_point(groups = ["admin"])]
///     pub fn reset() {
///         COUNT.set(0);
///     }
/// }
///
/// assert_eq!(counter::calls::increment(5).entry_point(), "add");
/// ```
#[proc_macro_attribute]
pub fn entry_point(_args: TokenStream, item: TokenStream) -> TokenStream {
    misplaced("#[entry_point]", "#[casper_dsl::contract]", item.into()).into()
}

/// Marks a contract's initializer, run once by the installer inside the new contract; its
/// parameters are install arguments. Only meaningful inside a `#[casper_dsl::contract]` module.
///
/// Argument, optional: `already_initialized = <error>` names the error (any `Into<ApiError>`) a
/// later call reverts with (default `casper_dsl::errors::ALREADY_INITIALIZED`).
///
/// ```
/// #[casper_dsl::contract]
/// pub mod counter {
///     use casper_dsl::prelude::*;
///
///     #[casper_dsl::error]
///     pub enum CounterError {
///         AlreadyInitialized = 15,
///     }
///
///     #[state]
///     pub const COUNT: Var<u64> = Var::new("count");
///
///     #[init(already_initialized = CounterError::AlreadyInitialized)]
///     pub fn init(start: u64) {
///         COUNT.set(start);
///     }
///
///     #[entry_point]
///     pub fn get() -> u64 {
///         COUNT.get()
///     }
/// }
///
/// let install = counter::installer(10);
/// assert_eq!(install.args.get("start").unwrap().to_t::<u64>().unwrap(), 10);
/// ```
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
