//! `#[casper_dsl::error]`: an enum of user errors with explicit `u16` codes, each reverting as
//! `ApiError::User(code)`.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{spanned::Spanned, Expr, ExprLit, ExprUnary, Fields, Ident, ItemEnum, Lit, UnOp};

use crate::errors::Errors;

/// The first `ApiError::User` code the runtime reserves for itself (its panic and second-init
/// codes sit at the top of the range); `ui-tests/tests/pass/error_codes.rs` and
/// `fail/error_code_reserved.rs` pin the boundary.
pub const FIRST_RESERVED_USER_CODE: u32 = casper_dsl_names::FIRST_RESERVED_USER_CODE as u32;

/// An error enum whose every variant has a valid, unique code.
pub struct ErrorEnum {
    pub item: ItemEnum,
    pub codes: Vec<(Ident, u16)>,
}

/// Parses and validates the enum, collecting every mistake.
pub fn parse(args: TokenStream, item: TokenStream) -> syn::Result<ErrorEnum> {
    let mut errors = Errors::default();
    if !args.is_empty() {
        errors.add_spanned(&args, "#[casper_dsl::error] takes no arguments");
    }
    let item: ItemEnum = syn::parse2(item).map_err(|error| {
        std::mem::take(&mut errors).with(syn::Error::new(
            error.span(),
            "#[casper_dsl::error] applies to an enum of error variants: \
             `enum MyError { NotOwner = 1, ... }`",
        ))
    })?;
    if !item.generics.params.is_empty() {
        errors.add_spanned(
            &item.generics,
            "an error enum cannot be generic: each variant is a fixed code",
        );
    }
    if item.variants.is_empty() {
        errors.add(
            item.ident.span(),
            "an error enum needs at least one variant: `NotOwner = 1`",
        );
    }
    let mut codes = Vec::new();
    let mut seen: HashMap<u16, Ident> = HashMap::new();
    for variant in &item.variants {
        if !matches!(variant.fields, Fields::Unit) {
            errors.add_spanned(
                &variant.fields,
                format!(
                    "error variants carry no data: write `{} = <code>`; a revert only carries \
                     the code",
                    variant.ident
                ),
            );
        }
        let Some(code) = variant_code(variant, &mut errors) else {
            continue;
        };
        if let Some(first) = seen.get(&code) {
            errors.add_spanned(
                variant.discriminant.as_ref().map(|(_, expr)| expr),
                format!("code {code} is already used by `{first}`: every variant needs its own"),
            );
        } else {
            seen.insert(code, variant.ident.clone());
        }
        codes.push((variant.ident.clone(), code));
    }
    errors.finish(ErrorEnum { item, codes })
}

/// The variant's code: an integer literal below [`FIRST_RESERVED_USER_CODE`].
fn variant_code(variant: &syn::Variant, errors: &mut Errors) -> Option<u16> {
    let Some((_, expr)) = &variant.discriminant else {
        errors.add(
            variant.ident.span(),
            format!(
                "give `{}` an explicit code: `{} = 1` (codes are part of the contract's \
                 interface and must not shift when variants are added)",
                variant.ident, variant.ident
            ),
        );
        return None;
    };
    let literal = match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(literal),
            ..
        }) => literal,
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr: operand,
            ..
        }) if matches!(
            &**operand,
            Expr::Lit(ExprLit {
                lit: Lit::Int(_),
                ..
            })
        ) =>
        {
            errors.add_spanned(
                expr,
                format!(
                    "an error code cannot be negative: it becomes `ApiError::User(code)`, a \
                     `u16`; use a code from 0 to {}",
                    FIRST_RESERVED_USER_CODE - 1
                ),
            );
            return None;
        }
        _ => {
            errors.add(
                expr.span(),
                "an error code is an integer literal, e.g. `= 1`",
            );
            return None;
        }
    };
    let usable = format!("use a code from 0 to {}", FIRST_RESERVED_USER_CODE - 1);
    match literal.base10_parse::<u64>() {
        Ok(code) if code < u64::from(FIRST_RESERVED_USER_CODE) => u16::try_from(code).ok(),
        Ok(code) if code <= u64::from(u16::MAX) => {
            errors.add(
                literal.span(),
                format!(
                    "codes from {FIRST_RESERVED_USER_CODE} to 65535 are reserved by casper-dsl \
                     (65535: panic, 65534: second init; see `casper_dsl::errors`); {usable}"
                ),
            );
            None
        }
        _ => {
            errors.add(
                literal.span(),
                format!(
                    "`{literal}` does not fit an error code: it becomes `ApiError::User(code)`, \
                     a `u16`; {usable}"
                ),
            );
            None
        }
    }
}

/// The item of a rejected `#[casper_dsl::error]`, kept so that its uses add no errors of their
/// own; an enum loses its codes, which rustc would otherwise report again (duplicates).
pub fn without_codes(item: TokenStream) -> TokenStream {
    match syn::parse2::<ItemEnum>(item.clone()) {
        Ok(mut item) => {
            for variant in &mut item.variants {
                variant.discriminant = None;
            }
            quote! { #item }
        }
        Err(_) => item,
    }
}

/// The enum as written, `From<Enum> for ApiError`, and (on the host) its variants for the
/// contract schema.
pub fn expand(error_enum: &ErrorEnum) -> TokenStream {
    let item = &error_enum.item;
    let ident = &item.ident;
    let arms = error_enum.codes.iter().map(|(variant, code)| {
        quote! { #ident::#variant => #code }
    });
    let descriptions = error_enum.codes.iter().map(|(variant, code)| {
        let docs = item
            .variants
            .iter()
            .find(|v| v.ident == *variant)
            .map(|v| crate::attrs::doc_text(&v.attrs))
            .unwrap_or_default();
        let name = variant.to_string();
        quote! {
            ::casper_dsl::schema::ErrorDescription { name: #name, code: #code, description: #docs }
        }
    });
    quote! {
        #item

        impl ::core::convert::From<#ident> for ::casper_dsl::ApiError {
            fn from(error: #ident) -> Self {
                ::casper_dsl::ApiError::User(match error { #(#arms,)* })
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl ::casper_dsl::schema::UserErrors for #ident {
            const ERRORS: &'static [::casper_dsl::schema::ErrorDescription] = &[#(#descriptions),*];
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn messages(item: TokenStream) -> Vec<String> {
        match parse(TokenStream::new(), item) {
            Ok(_) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn explicit_unique_codes_are_accepted() {
        let parsed = parse(
            TokenStream::new(),
            quote! { pub enum E { A = 1, B = 64999 } },
        )
        .unwrap_or_else(|error| panic!("{error}"));
        let codes: Vec<u16> = parsed.codes.iter().map(|(_, code)| *code).collect();
        assert_eq!(codes, [1, 64999]);
    }

    #[test]
    fn every_mistake_is_reported_at_once() {
        let found = messages(quote! {
            enum E { Missing, Tuple(u8) = 2, Dup = 3, Again = 3, Reserved = 65000, Expr = 1 + 1 }
        });
        let expected = [
            "give `Missing` an explicit code",
            "error variants carry no data",
            "code 3 is already used by `Dup`",
            "are reserved by casper-dsl",
            "an error code is an integer literal",
        ];
        for text in expected {
            assert!(found.iter().any(|m| m.contains(text)), "{text}: {found:#?}");
        }
        assert_eq!(found.len(), expected.len(), "{found:#?}");
    }

    #[test]
    fn other_items_and_arguments_are_refused() {
        assert!(messages(quote! { struct S; })[0].contains("applies to an enum"));
        assert!(messages(quote! { enum E<T> { A = 1 } })[0].contains("cannot be generic"));
        let with_args = parse(quote! { code = 1 }, quote! { enum E { A = 1 } });
        assert!(with_args.is_err());
    }
}
