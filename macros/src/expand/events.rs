//! An `#[event]` struct: its `bytesrepr` encoding (fields in declaration order), its name and
//! CES schema, and how the contract records it. The generated locals carry the reserved
//! prefix, so no field name can capture them.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Event, EventsDecl};

pub fn expand(event: &Event, mode: EventsDecl) -> TokenStream {
    let ident = &event.ident;
    let topic = &event.topic.value;
    let bytesrepr = quote! { ::casper_dsl::casper_types::bytesrepr };
    let fields: Vec<_> = event.fields.iter().map(|(field, _)| field).collect();
    // Each use of a field is spanned at its type, so a type that cannot be encoded is reported
    // where the user wrote it.
    let field_trait = quote! { ::casper_dsl::events::EventField };
    let lengths = event.fields.iter().map(|(field, ty)| {
        quote_spanned! {ty.span()=> <#ty as #field_trait>::encoded_length(&self.#field) }
    });
    let writes = event.fields.iter().map(|(field, ty)| {
        quote_spanned! {ty.span()=> <#ty as #field_trait>::encode(&self.#field, __casper_dsl_writer)?; }
    });
    let reads = event.fields.iter().map(|(field, ty)| {
        quote_spanned! {ty.span()=>
            let (#field, __casper_dsl_bytes) = <#ty as #field_trait>::decode(__casper_dsl_bytes)?;
        }
    });
    let schema_fields = event.fields.iter().map(|(field, ty)| {
        let name = field.to_string();
        quote_spanned! {ty.span()=>
            __casper_dsl_schema.with_elem(#name, <#ty as #field_trait>::cl_type());
        }
    });
    let ces = quote! { ::casper_dsl::events::ces };
    let mode = mode_tokens(mode);
    quote! {
        impl #bytesrepr::ToBytes for #ident {
            fn to_bytes(&self) -> ::core::result::Result<::casper_dsl::__private::Vec<u8>, #bytesrepr::Error> {
                let mut __casper_dsl_bytes =
                    ::casper_dsl::__private::Vec::with_capacity(self.serialized_length());
                self.write_bytes(&mut __casper_dsl_bytes)?;
                ::core::result::Result::Ok(__casper_dsl_bytes)
            }

            fn serialized_length(&self) -> usize {
                0 #(+ #lengths)*
            }

            fn write_bytes(&self, __casper_dsl_writer: &mut ::casper_dsl::__private::Vec<u8>) -> ::core::result::Result<(), #bytesrepr::Error> {
                #(#writes)*
                ::core::result::Result::Ok(())
            }
        }

        impl #bytesrepr::FromBytes for #ident {
            fn from_bytes(__casper_dsl_bytes: &[u8]) -> ::core::result::Result<(Self, &[u8]), #bytesrepr::Error> {
                #(#reads)*
                ::core::result::Result::Ok((#ident { #(#fields),* }, __casper_dsl_bytes))
            }
        }

        impl #ces::EventInstance for #ident {
            fn name() -> ::casper_dsl::__private::String {
                ::casper_dsl::__private::String::from(#topic)
            }

            fn schema() -> #ces::Schema {
                let mut __casper_dsl_schema = #ces::Schema::new();
                #(#schema_fields)*
                __casper_dsl_schema
            }
        }

        impl ::casper_dsl::events::Event for #ident {
            const TOPIC: &'static str = #topic;
            const MODE: ::casper_dsl::__private::Option<::casper_dsl::events::EventsMode> = #mode;
        }
    }
}

/// The `Event::MODE` of the module's events: a fixed mode, or `None` for one the installer is
/// told.
pub fn mode_tokens(mode: EventsDecl) -> TokenStream {
    let fixed = match mode {
        EventsDecl::Ces => quote! { Ces },
        EventsDecl::Native => quote! { Native },
        EventsDecl::CesAndNative => quote! { NativeAndCes },
        EventsDecl::None => quote! { None },
        EventsDecl::ChosenAtInstall => return quote! { ::casper_dsl::__private::Option::None },
    };
    quote! {
        ::casper_dsl::__private::Option::Some(::casper_dsl::events::EventsMode::#fixed)
    }
}
