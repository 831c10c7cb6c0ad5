//! A stored contract: one export per entry point, and the installer `call`, which creates the
//! contract with the entry-point table derived from the same signatures and runs `#[init]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::export::{cl_type_of, export_fn, user_export};
use crate::{
    model::{DslModule, Export, Role},
    validate::CALL_EXPORT,
};

pub fn expand(module: &DslModule) -> TokenStream {
    let exports = module.exports.iter().map(|export| {
        let prelude = match export.role {
            Role::Init => quote! { ::casper_dsl::__private::begin_init(); },
            _ => TokenStream::new(),
        };
        user_export(export, &export.name.value, prelude)
    });
    let installer = export_fn(
        CALL_EXPORT,
        &format_ident!("__casper_dsl_install"),
        installer_body(module),
    );
    quote! { #(#exports)* #installer }
}

fn installer_body(module: &DslModule) -> TokenStream {
    let rows = module.exports.iter().map(table_row);
    let name = &module.name.value;
    let package_hash = format!("{name}_package_hash");
    let access_uref = format!("{name}_access_uref");
    let contract_hash = format!("{name}_contract_hash");
    let init = match module
        .exports
        .iter()
        .find(|export| export.role == Role::Init)
    {
        Some(init) => {
            let entry_point = &init.name.value;
            let forwards = init.params.iter().map(|param| {
                let arg = &param.name.value;
                let cl_type = cl_type_of(&param.ty);
                quote! { .forward_arg(#arg, #cl_type) }
            });
            quote! {
                ::casper_dsl::__private::Option::Some(
                    ::casper_dsl::__private::InitCall::new(#entry_point) #(#forwards)*
                )
            }
        }
        None => quote! { ::casper_dsl::__private::Option::None },
    };
    quote! {
        let mut entry_points = ::casper_dsl::__private::EntryPoints::new();
        #(entry_points.add_entry_point(#rows);)*
        ::casper_dsl::__private::install_contract(
            ::casper_dsl::__private::AccountKeys {
                package_hash: #package_hash,
                access_uref: #access_uref,
                contract_hash: #contract_hash,
            },
            entry_points,
            #init,
        );
    }
}

/// The entry-point table row of `export`: its name, parameters and result type.
fn table_row(export: &Export) -> TokenStream {
    let name = &export.name.value;
    let params = export.params.iter().map(|param| {
        let arg = &param.name.value;
        let cl_type = cl_type_of(&param.ty);
        quote! { ::casper_dsl::__private::Parameter::new(#arg, #cl_type) }
    });
    let ret = match export.output.returned_type() {
        Some(ty) => cl_type_of(ty),
        None => quote! { ::casper_dsl::__private::CLType::Unit },
    };
    quote! {
        ::casper_dsl::__private::entry_point(
            #name,
            ::casper_dsl::__private::Vec::from([#(#params),*]),
            #ret,
        )
    }
}
