//! Session code: the `#[call]` function becomes the module's `call` export.

use proc_macro2::TokenStream;

use casper_dsl_names::CALL_EXPORT;

use super::export::user_export;
use crate::model::{DslModule, Role};

pub fn expand(module: &DslModule) -> TokenStream {
    module
        .exports
        .iter()
        .filter(|export| export.role == Role::Call)
        .map(|export| user_export(export, CALL_EXPORT, TokenStream::new()))
        .collect()
}
