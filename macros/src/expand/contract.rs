//! A stored contract: one export per entry point, and the installer `call`, which creates the
//! package (or a new version of it) with the entry-point table derived from the same
//! signatures, the `#[state]` items, the event topics and the user groups, then runs `#[init]`
//! or `#[upgrade]`.

use std::collections::BTreeSet;

use casper_dsl_names::{handle, CALL_EXPORT};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{spanned::Spanned, Ident, Type};

use super::export::{export_fn, read_arg, returned_cl_type, user_export};
use crate::model::{DslModule, Export, Initial, Role};

pub fn expand(module: &DslModule) -> TokenStream {
    let exports = module.exports.iter().map(|export| {
        let prelude = match export.role {
            Role::Init => quote! {
                ::casper_dsl::__private::begin_init(__casper_dsl_already_initialized());
            },
            Role::Upgrade => quote! { ::casper_dsl::__private::begin_upgrade(); },
            _ => TokenStream::new(),
        };
        user_export(export, &export.name.value, prelude)
    });
    let already_initialized = module.init().map(already_initialized);
    let installer = export_fn(
        CALL_EXPORT,
        &format_ident!("__casper_dsl_install"),
        &[],
        installer_body(module),
    );
    quote! { #(#exports)* #already_initialized #installer }
}

/// What a second call of `#[init]` reverts with: the error `already_initialized = ...` names, or
/// `ALREADY_INITIALIZED`. A function compiled on every target, so that a host build reports an
/// error type that does not convert to `ApiError`, once, at the expression.
fn already_initialized(init: &Export) -> TokenStream {
    let error = match &init.already_initialized {
        Some(error) => quote_spanned! {error.span()=>
            ::casper_dsl::__private::Into::<::casper_dsl::ApiError>::into(#error)
        },
        None => quote! { ::casper_dsl::errors::ALREADY_INITIALIZED },
    };
    quote! {
        #[allow(dead_code)]
        #[inline(always)]
        fn __casper_dsl_already_initialized() -> ::casper_dsl::ApiError {
            #error
        }
    }
}

/// The installer: only the steps this contract needs are generated, so a contract without
/// groups or events carries no code for them. Its locals carry the reserved prefix, so they
/// cannot shadow the user's `#[state]` consts.
fn installer_body(module: &DslModule) -> TokenStream {
    let rows = module.exports.iter().map(table_row);
    // The instance's name, read (and so checked) before anything is created.
    let instance = match module.instance_param() {
        Some(param) => {
            let value = read_arg(param);
            quote_spanned! {param.ty.span()=>
                ::casper_dsl::__private::Option::Some(
                    ::casper_dsl::__private::InstanceName::instance_name(&#value),
                )
            }
        }
        None => quote! { ::casper_dsl::__private::Option::None },
    };
    let names = account_key_names(module);
    let keys = quote! { ::casper_dsl::__private::AccountKeys::new(&#names, #instance) };
    let locked = module.locked;
    let initial_values = module.state.iter().enumerate().filter_map(|(index, item)| {
        let value = initial_value(item.initial.as_ref()?, &item.ty);
        let local = initial_local(index);
        Some(quote! { let #local = #value; })
    });
    let state = module.state.iter().enumerate().map(|(index, item)| {
        let (ident, ty) = (&item.ident, &item.ty);
        if item.initial.is_none() {
            return quote_spanned! {ty.span()=>
                <#ty as ::casper_dsl::__private::State>::create(
                    &#ident,
                    &mut __casper_dsl_named_keys,
                );
            };
        }
        let local = initial_local(index);
        quote_spanned! {ty.span()=>
            <#ty as ::casper_dsl::__private::InitialState>::create_with(
                &#ident,
                #local,
                &mut __casper_dsl_named_keys,
            );
        }
    });
    let groups = groups(module);
    let provision_groups = (!groups.is_empty()).then(|| {
        let groups = groups.iter();
        quote! {
            ::casper_dsl::__private::provision_groups(
                &__casper_dsl_package,
                &__casper_dsl_keys,
                &[#(#groups),*],
            );
        }
    });
    let (events_mode, events) = events_setup(module);
    let init = lifecycle_call(module, Role::Init);
    let upgrade = lifecycle_call(module, Role::Upgrade);
    let keep_previous = module.keep_previous_versions;
    quote! {
        use ::casper_dsl::__private::{ReadOptionalArgument as _, ReadRequiredArgument as _};
        let __casper_dsl_upgrade = ::casper_dsl::__private::upgrade_requested();
        // The arguments of the lifecycle call are decoded, and so checked, before anything is
        // created: a bad install fails at the cost of reading its arguments.
        let __casper_dsl_lifecycle = if __casper_dsl_upgrade { #upgrade } else { #init };
        #(#initial_values)*
        #events_mode
        let __casper_dsl_keys = #keys;
        let __casper_dsl_package = ::casper_dsl::__private::open_package(
            &__casper_dsl_keys,
            #locked,
            __casper_dsl_upgrade,
        );
        #provision_groups
        let mut __casper_dsl_entry_points = ::casper_dsl::__private::EntryPoints::new();
        #(#rows)*
        #[allow(unused_mut)]
        let mut __casper_dsl_named_keys = ::casper_dsl::__private::NamedKeys::new();
        #(#state)*
        let __casper_dsl_topics = #events;
        ::casper_dsl::__private::add_version(
            __casper_dsl_package,
            &__casper_dsl_keys,
            __casper_dsl_entry_points,
            __casper_dsl_named_keys,
            __casper_dsl_topics,
            __casper_dsl_lifecycle,
            #keep_previous,
        );
    }
}

/// The installer's local holding the initial value of the `index`th `#[state]` item.
fn initial_local(index: usize) -> Ident {
    format_ident!("__casper_dsl_initial_{index}")
}

/// The installer's expression for a `#[state(initial = ...)]` value of the item of type `ty`:
/// the installing account, or the install argument decoded as the item's value type.
fn initial_value(initial: &Initial, ty: &Type) -> TokenStream {
    match initial {
        Initial::Caller(span) => quote_spanned! {*span=>
            ::casper_dsl::__private::installing_account::<
                <#ty as ::casper_dsl::__private::InitialState>::Value,
            >()
        },
        Initial::Arg(param) => read_arg(param),
    }
}

/// The installer's statements for the events: the mode, read (and so checked) before anything
/// is created, and the named keys and topics of the version; nothing for a contract without
/// events.
fn events_setup(module: &DslModule) -> (TokenStream, TokenStream) {
    if module.events.is_empty() {
        let no_topics = quote! { ::casper_dsl::__private::BTreeMap::new() };
        return (TokenStream::new(), no_topics);
    }
    let fixed = super::events::mode_tokens(module.events_mode);
    let chosen_at_install = module.reads_events_mode();
    let topics = module.events.iter().map(|event| &event.topic.value);
    let types = module.events.iter().map(|event| &event.ident);
    let mode = quote! {
        let __casper_dsl_events_mode = ::casper_dsl::__private::events_mode(#fixed);
    };
    let setup = quote! {
        ::casper_dsl::__private::prepare_events(
            &__casper_dsl_package,
            __casper_dsl_events_mode,
            #chosen_at_install,
            &[#(#topics),*],
            || ::casper_dsl::events::ces::Schemas::new() #(.with::<#types>())*,
            &mut __casper_dsl_named_keys,
        )
    };
    (mode, setup)
}

/// The `casper_dsl::AccountKeyNames` of the contract: where the installer puts its handles in
/// the installing account, and where `Install::account_key` finds them.
pub(super) fn account_key_names(module: &DslModule) -> TokenStream {
    let (package_hash, access_uref, contract_hash) = (
        module.account_key(handle::PACKAGE_HASH),
        module.account_key(handle::ACCESS_UREF),
        module.account_key(handle::CONTRACT_HASH),
    );
    let contract_version = match &module.account_keys.contract_version {
        Some(name) => {
            let name = &name.value;
            quote! { ::casper_dsl::__private::Option::Some(#name) }
        }
        None => quote! { ::casper_dsl::__private::Option::None },
    };
    let group_prefix = module.account_key_prefix();
    quote! {
        ::casper_dsl::AccountKeyNames {
            package_hash: #package_hash,
            access_uref: #access_uref,
            contract_hash: #contract_hash,
            contract_version: #contract_version,
            group_prefix: #group_prefix,
        }
    }
}

/// Every group any entry point names, once each, sorted.
fn groups(module: &DslModule) -> BTreeSet<&str> {
    module
        .exports
        .iter()
        .flat_map(Export::group_names)
        .map(|group| group.value.as_str())
        .collect()
}

/// The installer's call of the `role` function (`#[init]` or `#[upgrade]`), with the install
/// deploy's arguments of the same names, each decoded as its parameter's type.
fn lifecycle_call(module: &DslModule, role: Role) -> TokenStream {
    let Some(export) = module.exports.iter().find(|export| export.role == role) else {
        return quote! { ::casper_dsl::__private::Option::None };
    };
    let entry_point = &export.name.value;
    let args = export.params.iter().map(|param| {
        let (name, value) = (&param.name.value, read_arg(param));
        quote_spanned! {param.ty.span()=> .arg(#name, #value) }
    });
    quote! {
        ::casper_dsl::__private::Option::Some(
            ::casper_dsl::__private::LifecycleCall::new(#entry_point) #(#args)*
        )
    }
}

/// Adds the entry-point table row of `export` (its name, parameters, result type and groups),
/// under the function's own `#[cfg]`s.
fn table_row(export: &Export) -> TokenStream {
    let name = &export.name.value;
    // Each parameter the table declares (all but an `Omittable`'s), pushed if its type says so:
    // a constant condition, so the row costs what a plain list would.
    let count = export.params.len();
    let params = export.params.iter().map(|param| {
        let (arg, ty) = (&param.name.value, &param.ty);
        quote_spanned! {ty.span()=>
            if <#ty as ::casper_dsl::__private::Argument>::DECLARED {
                __casper_dsl_params.push(::casper_dsl::__private::Parameter::new(
                    #arg,
                    <#ty as ::casper_dsl::__private::CLTyped>::cl_type(),
                ));
            }
        }
    });
    let ret = returned_cl_type(export);
    let params = quote! {
        {
            let mut __casper_dsl_params = ::casper_dsl::__private::Vec::with_capacity(#count);
            #(#params)*
            __casper_dsl_params
        }
    };
    let row = match &export.groups {
        None => quote! { ::casper_dsl::__private::entry_point(#name, #params, #ret) },
        Some(groups) => {
            let groups = groups.names.iter().map(|group| &group.value);
            quote! {
                ::casper_dsl::__private::group_entry_point(#name, #params, #ret, &[#(#groups),*])
            }
        }
    };
    let cfgs = &export.cfgs;
    quote! {
        #(#cfgs)*
        __casper_dsl_entry_points.add_entry_point(#row);
    }
}
