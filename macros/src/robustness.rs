//! The macros never panic: random and mutated inputs either expand or become compile errors.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;

use crate::{expand_module, model::Mode};

/// Inputs tried per run; the seed is fixed, so a failure reproduces.
const INPUTS: usize = 20_000;

/// Well-formed modules the mutations start from.
fn seeds() -> Vec<TokenStream> {
    vec![
        quote! { pub mod counter {
            use casper_dsl::prelude::*;
            #[init] pub fn init(start: u64) { put_key("count", storage::new_uref(start).into()); }
            #[entry_point] pub fn increment(by: u64) -> u64 { by }
            #[entry_point(name = "get")] pub fn get_count() -> Result<u64, ApiError> { Ok(1) }
            fn helper(x: Option<String>) {}
        } },
        quote! { pub mod remember {
            #[call] pub fn call(name: String, value: u64) -> Result<(), E> { Ok(()) }
        } },
    ]
}

/// Tokens random streams are built from: DSL words, Rust keywords and punctuation.
fn random_tree(rng: &mut fastrand::Rng, depth: usize) -> TokenTree {
    const WORDS: &[&str] = &[
        "mod",
        "fn",
        "pub",
        "call",
        "entry_point",
        "init",
        "name",
        "self",
        "Self",
        "async",
        "const",
        "unsafe",
        "extern",
        "impl",
        "where",
        "Option",
        "Result",
        "u64",
        "String",
        "type",
        "struct",
        "use",
        "crate",
    ];
    const PUNCT: &[char] = &[
        '#', '=', ':', ',', ';', '-', '>', '<', '&', '*', '!', '.', '\'',
    ];
    match rng.usize(0..10) {
        0..=3 => TokenTree::Ident(Ident::new(
            WORDS[rng.usize(..WORDS.len())],
            Span::call_site(),
        )),
        4..=5 => TokenTree::Punct(Punct::new(PUNCT[rng.usize(..PUNCT.len())], Spacing::Alone)),
        6 => TokenTree::Literal(match rng.usize(0..3) {
            0 => Literal::string(["", "x", "call", "a b", "__casper_dsl_x"][rng.usize(0..5)]),
            1 => Literal::u64_unsuffixed(rng.u64(..)),
            _ => Literal::character('c'),
        }),
        _ if depth > 3 => TokenTree::Ident(Ident::new("x", Span::call_site())),
        _ => {
            let delimiter =
                [Delimiter::Brace, Delimiter::Bracket, Delimiter::Parenthesis][rng.usize(0..3)];
            let inner = (0..rng.usize(0..6))
                .map(|_| random_tree(rng, depth + 1))
                .collect();
            TokenTree::Group(Group::new(delimiter, inner))
        }
    }
}

fn random_stream(rng: &mut fastrand::Rng) -> TokenStream {
    (0..rng.usize(0..12)).map(|_| random_tree(rng, 0)).collect()
}

/// A seed with one token (at any depth) deleted, replaced or duplicated.
fn mutate(stream: TokenStream, rng: &mut fastrand::Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    if trees.is_empty() {
        return random_stream(rng);
    }
    let at = rng.usize(..trees.len());
    match (&trees[at], rng.usize(0..4)) {
        (TokenTree::Group(group), 0 | 1) => {
            let mut inner = Group::new(group.delimiter(), mutate(group.stream(), rng));
            inner.set_span(group.span());
            trees[at] = TokenTree::Group(inner);
        }
        (_, 0) => {
            trees.remove(at);
        }
        (_, 1) => trees[at] = random_tree(rng, 0),
        (_, 2) => trees.insert(at, random_tree(rng, 0)),
        _ => trees.insert(at, trees[at].clone()),
    }
    trees.into_iter().collect()
}

#[test]
fn random_and_mutated_inputs_expand_or_fail_cleanly() {
    let mut rng = fastrand::Rng::with_seed(0xCA5_7E12);
    let seeds = seeds();
    let (mut expanded, mut rejected) = (0, 0);
    for i in 0..INPUTS {
        let mode = if rng.bool() {
            Mode::Session
        } else {
            Mode::Contract
        };
        let args = if rng.usize(0..4) == 0 {
            random_stream(&mut rng)
        } else {
            TokenStream::new()
        };
        let item = match i % 3 {
            0 => random_stream(&mut rng),
            _ => {
                let mut item = seeds[rng.usize(..seeds.len())].clone();
                for _ in 0..rng.usize(1..4) {
                    item = mutate(item, &mut rng);
                }
                item
            }
        };
        let output = std::panic::catch_unwind(|| expand_module(mode, args.clone(), item.clone()))
            .unwrap_or_else(|_| panic!("panicked on {mode:?} args `{args}` item `{item}`"));
        if output.to_string().contains("compile_error") {
            rejected += 1;
        } else {
            expanded += 1;
        }
    }
    println!("{INPUTS} inputs: {expanded} expanded, {rejected} rejected with errors");
    assert_eq!(expanded + rejected, INPUTS);
    assert!(expanded > 0 && rejected > 0, "both outcomes are exercised");
}
