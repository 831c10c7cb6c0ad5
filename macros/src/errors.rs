//! Collecting every error of a module, so the user sees them all in one build.

use std::fmt::Display;

use proc_macro2::Span;

/// An accumulator of spanned compile errors.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// Records `message` at `span`.
    pub fn add(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records `message` spanning all of `tokens` (a whole type, not just its first token).
    pub fn add_spanned(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an existing error (which may already hold several).
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(first) => first.combine(error),
            None => self.0 = Some(error),
        }
    }

    /// All recorded errors followed by `error`.
    pub fn with(self, error: syn::Error) -> syn::Error {
        match self.0 {
            Some(mut first) => {
                first.combine(error);
                first
            }
            None => error,
        }
    }

    /// `Ok(value)` if nothing was recorded, else all the errors.
    pub fn finish<T>(self, value: T) -> syn::Result<T> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}
