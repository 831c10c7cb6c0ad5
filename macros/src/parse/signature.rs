//! The exported functions: their attribute's arguments, parameters and return type, and the
//! shapes of signature the host cannot call (reported here, at the token).

use syn::{
    ext::IdentExt, spanned::Spanned, visit::Visit, FnArg, ItemFn, Pat, ReturnType, Signature, Type,
};

use super::placement::{report_cfgs, take_role_attrs};
use crate::{
    attrs::{self},
    errors::Errors,
    model::{Export, Name, Output, Param, Role},
};

/// Models `function` if it carries a DSL attribute (removing the attribute).
pub(super) fn take_export(function: &mut ItemFn, errors: &mut Errors) -> Option<Export> {
    let mut roles = take_role_attrs(&mut function.attrs).into_iter();
    let attr = roles.next()?;
    for extra in roles {
        errors.add_spanned(
            &extra,
            format!(
                "a function takes one of #[call], #[entry_point], #[init] or #[upgrade]; remove `{}`",
                attrs::attr_text(&extra)
            ),
        );
    }
    let role = attrs::role_of(&attr)?;
    if role != Role::EntryPoint {
        report_cfgs(
            &function.attrs,
            &format!("a {} function", role.attribute()),
            errors,
        );
    }
    let args = attrs::parse_export_args(role, &attr, errors);
    check_signature_shape(&function.sig, role, errors);
    let params = take_params(&mut function.sig, errors);
    let sig = &function.sig;
    Some(Export {
        role,
        attr_span: attr
            .path()
            .segments
            .last()
            .map_or(attr.span(), |s| s.ident.span()),
        ident: sig.ident.clone(),
        cfgs: attrs::cfgs(&function.attrs),
        name: args.name.unwrap_or_else(|| Name {
            value: sig.ident.unraw().to_string(),
            span: sig.ident.span(),
        }),
        groups: args.groups,
        already_initialized: args.already_initialized,
        params,
        output: parse_output(&sig.output, errors),
        docs: attrs::doc_text(&function.attrs),
    })
}

/// Rejects signatures that cannot be called from the host.
pub(super) fn check_signature_shape(sig: &Signature, role: Role, errors: &mut Errors) {
    let what = role.attribute();
    if let Some(token) = &sig.constness {
        errors.add(
            token.span,
            format!("{what} functions cannot be `const`: remove `const`"),
        );
    }
    if let Some(token) = &sig.asyncness {
        errors.add(
            token.span,
            format!("{what} functions cannot be `async`: remove `async`"),
        );
    }
    if let Some(token) = &sig.unsafety {
        errors.add(
            token.span,
            format!("{what} functions cannot be `unsafe`: remove `unsafe`"),
        );
    }
    if let Some(abi) = &sig.abi {
        errors.add_spanned(
            abi,
            format!("{what} functions are plain Rust functions: remove the `extern` ABI; the macro generates the export"),
        );
    }
    if !sig.generics.params.is_empty() {
        errors.add_spanned(
            &sig.generics,
            format!(
                "{what} functions cannot be generic: the host needs one concrete type per argument"
            ),
        );
    } else if let Some(where_clause) = &sig.generics.where_clause {
        errors.add_spanned(
            where_clause,
            format!("{what} functions take no `where` clause: their types are concrete"),
        );
    }
}

/// Models the parameters. Those that are not Rust in a free function (`self`, `...`) or repeat
/// a name (`by` and `r#by` are one name) are reported and removed from the function, so that
/// rustc, which still compiles the module, does not report them a second time.
pub(super) fn take_params(sig: &mut Signature, errors: &mut Errors) -> Vec<Param> {
    if let Some(variadic) = sig.variadic.take() {
        errors.add_spanned(
            &variadic,
            "exported functions cannot be variadic: declare each runtime argument as a named \
             parameter",
        );
    }
    let mut params: Vec<Param> = Vec::new();
    let inputs = std::mem::take(&mut sig.inputs);
    for input in inputs {
        if let FnArg::Receiver(receiver) = &input {
            errors.add_spanned(
                receiver,
                "exported functions are free functions: remove `self`",
            );
            continue;
        }
        let Some(param) = parse_param(&input, errors) else {
            sig.inputs.push(input);
            continue;
        };
        if params
            .iter()
            .any(|seen| seen.name.value == param.name.value)
        {
            errors.add(
                param.name.span,
                format!(
                    "two parameters of `{}` are the runtime argument `{}`: rename one",
                    sig.ident, param.name.value
                ),
            );
            continue;
        }
        params.push(param);
        sig.inputs.push(input);
    }
    params
}

/// A parameter `name: Type`; other shapes are reported and skipped.
pub(super) fn parse_param(input: &FnArg, errors: &mut Errors) -> Option<Param> {
    let FnArg::Typed(typed) = input else {
        return None;
    };
    let ident = match &*typed.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => pat.ident.clone(),
        other => {
            errors.add_spanned(
                other,
                "each parameter is a named runtime argument: write `name: Type` instead of a pattern",
            );
            return None;
        }
    };
    if !check_type(&typed.ty, TypeUse::Argument, errors) {
        return None;
    }
    Some(Param {
        name: Name {
            value: ident.unraw().to_string(),
            span: ident.span(),
        },
        ident,
        ty: (*typed.ty).clone(),
    })
}

pub(super) fn parse_output(output: &ReturnType, errors: &mut Errors) -> Output {
    let ty = match output {
        ReturnType::Default => return Output::Unit,
        ReturnType::Type(_, ty) => &**ty,
    };
    match ty {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Output::Unit,
        Type::Never(never) => {
            errors.add_spanned(
                never,
                "an exported function returns to its caller, and `!` never does: return `()` \
                 (or `Result<(), E>` to revert with an error)",
            );
            Output::Unit
        }
        _ if !check_type(ty, TypeUse::Returned, errors) => Output::Unit,
        _ => Output::Type(ty.clone()),
    }
}

/// Where a type of the user's appears, for the messages about it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TypeUse {
    Argument,
    Returned,
    State,
    EventField,
}

/// Reports the parts of `ty` that cannot name a concrete value type (a reference in an argument,
/// `impl Trait`, a trait object, `_`, `!`); `false` if there is one.
pub(super) fn check_type(ty: &Type, used_as: TypeUse, errors: &mut Errors) -> bool {
    struct Checker<'a> {
        used_as: TypeUse,
        errors: &'a mut Errors,
        clean: bool,
    }
    impl Checker<'_> {
        fn report(&mut self, tokens: &dyn quote::ToTokens, message: &str) {
            self.errors.add_spanned(tokens, message);
            self.clean = false;
        }
    }
    impl<'ast> Visit<'ast> for Checker<'_> {
        fn visit_type(&mut self, ty: &'ast Type) {
            match ty {
                Type::Reference(_) if self.used_as != TypeUse::Returned => self.report(
                    ty,
                    "this value is decoded from bytes, so it must be owned: use `String` \
                     instead of `&str`, `Vec<T>` or `Bytes` instead of `&[T]`",
                ),
                Type::ImplTrait(_) => self.report(
                    ty,
                    "the host needs a concrete type here: replace `impl Trait` with the type \
                     itself",
                ),
                Type::TraitObject(_) => self.report(
                    ty,
                    "the host needs a concrete type here, not a trait object: write the type \
                     itself",
                ),
                Type::Infer(_) => {
                    self.report(ty, "write the type out: `_` cannot be inferred here")
                }
                Type::Never(_) => self.report(ty, "`!` has no value to encode: use another type"),
                Type::Verbatim(_) => self.report(ty, "expected a type"),
                _ => syn::visit::visit_type(self, ty),
            }
        }
    }
    let mut checker = Checker {
        used_as,
        errors,
        clean: true,
    };
    checker.visit_type(ty);
    checker.clean
}
