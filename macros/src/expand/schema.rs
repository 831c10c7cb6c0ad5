//! The contract's description for its Casper Contract Schema, on the host only: a
//! `__casper_dsl_schema()` function in the module, built from the same model as the contract,
//! with every type's CL type and errors asked of the compiler (through
//! `casper_dsl::schema::Describe`, which stays silent about a type the interface already
//! reports). `cargo casper-dsl schema` calls it through the crate's module macro.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{DslModule, Export, Output, Param, Role};

pub fn expand(module: &DslModule) -> TokenStream {
    let schema = quote! { ::casper_dsl::schema };
    let (name, description) = (&module.name.value, &module.docs);
    let entry_points = module
        .exports
        .iter()
        .filter(|export| export.role == Role::EntryPoint)
        .map(entry_point);
    let init_params = module.init().into_iter().flat_map(|init| &init.params);
    let mut install_arguments: Vec<TokenStream> = init_params
        .chain(module.state_args())
        .map(argument)
        .collect();
    let chosen_at_install = module.reads_events_mode();
    if chosen_at_install {
        install_arguments.push(quote! { #schema::ArgumentDescription::events_mode() });
    }
    let declared_errors = module.exports.iter().filter_map(|export| {
        let Output::Type(ty) = &export.output else {
            return None;
        };
        if export.role != Role::EntryPoint {
            return None;
        }
        let cfgs = &export.cfgs;
        Some(quote_spanned! {ty.span()=>
            #(#cfgs)*
            __casper_dsl_errors
                .extend_from_slice((&&::casper_dsl::schema::Describe::<#ty>::new()).errors());
        })
    });
    let events_mode_error = chosen_at_install.then(|| {
        quote! { __casper_dsl_errors.push(#schema::INVALID_EVENTS_MODE); }
    });
    let events = module.events.iter().map(|event| {
        let (ident, docs) = (&event.ident, &event.docs);
        quote! { #schema::EventDescription::of::<#ident>(#docs) }
    });
    quote! {
        #[cfg(not(target_arch = "wasm32"))]
        #[doc(hidden)]
        pub fn __casper_dsl_schema() -> #schema::ContractDescription {
            use #schema::{
                DeclaresErrors as _, DescribesArgument as _, DescribesReturn as _,
                Undescribed as _,
            };
            let mut __casper_dsl_entry_points = ::casper_dsl::__private::Vec::new();
            #(#entry_points)*
            let mut __casper_dsl_errors = ::casper_dsl::__private::Vec::new();
            #(#declared_errors)*
            __casper_dsl_errors.extend_from_slice(&#schema::RUNTIME_ERRORS);
            #events_mode_error
            #schema::ContractDescription {
                name: #name,
                description: #description,
                package: #schema::PackageInfo {
                    version: ::core::env!("CARGO_PKG_VERSION"),
                    authors: ::core::env!("CARGO_PKG_AUTHORS"),
                    repository: ::core::env!("CARGO_PKG_REPOSITORY"),
                    homepage: ::core::env!("CARGO_PKG_HOMEPAGE"),
                    wasm_file: ::core::concat!(::core::env!("CARGO_CRATE_NAME"), ".wasm"),
                },
                entry_points: __casper_dsl_entry_points,
                install_arguments: ::casper_dsl::__private::Vec::from([#(#install_arguments),*]),
                errors: __casper_dsl_errors,
                events: ::casper_dsl::__private::Vec::from([#(#events),*]),
            }
        }
    }
}

/// Pushes the description of an entry point, under the function's own `#[cfg]`s.
fn entry_point(export: &Export) -> TokenStream {
    let (name, description) = (&export.name.value, &export.docs);
    let arguments = export.params.iter().map(argument);
    let returns = match &export.output {
        Output::Unit => quote! { ::casper_dsl::__private::CLType::Unit },
        Output::Type(ty) => quote_spanned! {ty.span()=>
            (&&::casper_dsl::schema::Describe::<#ty>::new()).returns()
        },
    };
    let groups = export.group_names().iter().map(|group| &group.value);
    let cfgs = &export.cfgs;
    quote! {
        #(#cfgs)*
        __casper_dsl_entry_points.push(::casper_dsl::schema::EntryPointDescription {
            name: #name,
            description: #description,
            arguments: ::casper_dsl::__private::Vec::from([#(#arguments),*]),
            returns: #returns,
            groups: &[#(#groups),*],
        });
    }
}

fn argument(param: &Param) -> TokenStream {
    let (name, ty) = (&param.name.value, &param.ty);
    quote_spanned! {ty.span()=>
        (&&::casper_dsl::schema::Describe::<#ty>::new()).argument(#name)
    }
}
