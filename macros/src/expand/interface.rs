//! The typed interface of a contract, usable on the host and on wasm: a `calls` module with one
//! `Call` builder per entry point, and an `installer` function taking the install arguments
//! (the `#[init]` parameters, then those of `#[state(initial = arg(name))]` items).

use casper_dsl_names::{CALLS_MODULE, INSTALLER_FN, UPGRADER_FN};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{spanned::Spanned, visit_mut::VisitMut, Ident, PathSegment, Type};

use super::export::{declared_error, returned_type};
use crate::model::{DslModule, Export, Output, Param, Role};

pub fn expand(module: &DslModule) -> TokenStream {
    let calls_module = Ident::new(CALLS_MODULE, Span::call_site());
    let calls = module.exports.iter().map(call_builder);
    let name = &module.name.value;
    let installer = install_builder(
        module,
        Role::Init,
        INSTALLER_FN,
        &format!(
            "Installing the `{name}` contract with these `#[init]` arguments (for \
             `casper-dsl-testing`'s `Chain::install`). An account installs it once; see \
             [`{UPGRADER_FN}`] to add a version."
        ),
    );
    let upgrader = install_builder(
        module,
        Role::Upgrade,
        UPGRADER_FN,
        &format!(
            "Upgrading the `{name}` contract the installing account holds: the same install, \
             with the `upgrade` argument set, adds a version to its package (and disables the \
             one it replaces), running `#[upgrade]` with these arguments."
        ),
    );
    quote! {
        /// Typed calls of this contract's entry points, for tests, sessions and other contracts.
        #[allow(unused_imports, clippy::too_many_arguments, clippy::type_complexity)]
        pub mod #calls_module {
            use super::*;
            #(#calls)*
        }

        #installer
        #upgrader
    }
}

/// `installer(..)` (the `#[init]` arguments) or `upgrader(..)` (the `#[upgrade]` arguments,
/// plus the upgrade switch, and the instance's name for a contract with `instance = "..."`),
/// each followed by the `#[state(initial = arg(name))]` arguments, which both read: what
/// `Chain::install` needs.
fn install_builder(module: &DslModule, role: Role, function: &str, doc: &str) -> TokenStream {
    let function = Ident::new(function, Span::call_site());
    let lifecycle = module.exports.iter().find(|e| e.role == role);
    let mut params: Vec<&Param> = lifecycle.map_or_else(Vec::new, |e| e.params.iter().collect());
    params.extend(module.state_args());
    let instance = module.instance_param();
    if let Some(instance) = instance {
        if !params
            .iter()
            .any(|param| param.name.value == instance.name.value)
        {
            params.insert(0, instance);
        }
    }
    let signature = signature_params(&params, Scope::Module);
    let mut args = args_builder(&params, Scope::Module);
    if role == Role::Upgrade {
        args = quote! { ::casper_dsl::__private::with_upgrade(#args) };
    }
    let instance = match instance {
        Some(param) => {
            // Spanned at the parameter's type: a type that cannot name an instance is
            // reported there, once.
            let (ident, ty) = (&param.ident, &param.ty);
            quote_spanned! {ty.span()=>
                ::casper_dsl::__private::Option::Some(
                    ::casper_dsl::__private::instance_name::<#ty>(&#ident)
                )
            }
        }
        None => quote! { ::casper_dsl::__private::Option::None },
    };
    let name = &module.name.value;
    let account_keys = super::contract::account_key_names(module);
    quote! {
        #[doc = #doc]
        #[allow(clippy::too_many_arguments)]
        pub fn #function(#(#signature),*) -> ::casper_dsl::Install {
            let __casper_dsl_instance = #instance;
            ::casper_dsl::Install {
                name: #name,
                account_keys: #account_keys,
                instance: __casper_dsl_instance,
                crate_dir: ::casper_dsl::__private::env!("CARGO_MANIFEST_DIR"),
                args: #args,
            }
        }
    }
}

/// `pub fn increment(by: u64) -> Call<u64>`, in the `calls` module: the types are the user's,
/// with paths relative to the contract module (`self::`, `super::`) moved one level up.
fn call_builder(export: &Export) -> TokenStream {
    let ident = &export.ident;
    let params: Vec<&Param> = export.params.iter().collect();
    let signature = signature_params(&params, Scope::Calls);
    let args = args_builder(&params, Scope::Calls);
    let entry_point = &export.name.value;
    let call_type = match &export.output {
        Output::Unit => quote! { ::casper_dsl::Call<()> },
        Output::Type(ty) => {
            let ty = Scope::Calls.resolve(ty);
            let returned = returned_type(export.role, &ty);
            let error = declared_error(export.role, &ty);
            quote_spanned! {ty.span()=> ::casper_dsl::Call<#returned, #error> }
        }
    };
    let doc = format!("A call of the entry point `{entry_point}`.");
    let cfgs = &export.cfgs;
    quote! {
        #(#cfgs)*
        #[doc = #doc]
        pub fn #ident(#(#signature),*) -> #call_type {
            ::casper_dsl::Call::new(#entry_point, #args)
        }
    }
}

/// Where generated code that names the user's types sits.
#[derive(Clone, Copy)]
enum Scope {
    /// In the contract module, beside the user's items (`installer`).
    Module,
    /// In the `calls` module, one level below.
    Calls,
}

impl Scope {
    /// `ty`, written in the contract module, as it must be written here to name the same type:
    /// one level down, `self::X` becomes `super::X` and `super::X` becomes `super::super::X`.
    fn resolve(self, ty: &Type) -> Type {
        struct Rebase;
        impl VisitMut for Rebase {
            fn visit_path_mut(&mut self, path: &mut syn::Path) {
                if path.leading_colon.is_none() {
                    if let Some(first) = path.segments.first_mut() {
                        if first.ident == "self" {
                            first.ident = Ident::new("super", first.ident.span());
                        } else if first.ident == "super" {
                            let up = PathSegment::from(Ident::new("super", first.ident.span()));
                            path.segments.insert(0, up);
                        }
                    }
                }
                syn::visit_mut::visit_path_mut(self, path);
            }
        }
        let mut ty = ty.clone();
        if let Scope::Calls = self {
            Rebase.visit_type_mut(&mut ty);
        }
        ty
    }
}

/// The parameters `params`, their types as `scope` must name them.
fn signature_params(params: &[&Param], scope: Scope) -> Vec<TokenStream> {
    params
        .iter()
        .map(|param| {
            let ident = &param.ident;
            let ty = scope.resolve(&param.ty);
            quote! { #ident: #ty }
        })
        .collect()
}

/// A block evaluating to the `RuntimeArgs` of `params`. The local's name is
/// reserved, so it cannot capture a parameter's.
fn args_builder(params: &[&Param], scope: Scope) -> TokenStream {
    // Spanned and bounded like the type check of the parameter, so a type that is no argument
    // is reported once, at the type.
    let inserts = params.iter().map(|param| {
        let (ident, name, ty) = (&param.ident, &param.name.value, &param.ty);
        let ty = scope.resolve(ty);
        quote_spanned! {param.ty.span()=>
            ::casper_dsl::__private::insert_arg::<#ty>(&mut __casper_dsl_args, #name, #ident);
        }
    });
    quote! {{
        #[allow(unused_mut)]
        let mut __casper_dsl_args = ::casper_dsl::__private::RuntimeArgs::new();
        #(#inserts)*
        __casper_dsl_args
    }}
}
