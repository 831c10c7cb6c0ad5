//! The macros never panic, and whatever they emit is Rust: random and mutated inputs either
//! expand into code that parses, or into errors beside the module they were given.
//!
//! Mutations start from every module under `ui-tests/tests/pass`, so most inputs reach the
//! validator and the code generator, not just the parser.

use std::path::Path;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

use crate::{attrs, expand_module, model::Mode};

/// Inputs tried per run; the seed is fixed, so a failure reproduces.
const INPUTS: usize = 200_000;

/// The DSL modules of the ui pass cases: the module attribute's mode and arguments, and the
/// module without it.
fn seeds() -> Vec<(Mode, TokenStream, TokenStream)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui-tests/tests/pass");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the ui pass cases")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    let mut seeds = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).expect("a readable case");
        let file = syn::parse_file(&source).expect("a pass case parses");
        for item in file.items {
            let syn::Item::Mod(mut module) = item else {
                continue;
            };
            let Some(at) = module
                .attrs
                .iter()
                .position(|a| attrs::mode_of(a).is_some())
            else {
                continue;
            };
            let attr = module.attrs.remove(at);
            let mode = attrs::mode_of(&attr).expect("a module attribute");
            let args = match attr.meta {
                syn::Meta::List(list) => list.tokens,
                _ => TokenStream::new(),
            };
            seeds.push((mode, args, module.into_token_stream()));
        }
    }
    seeds
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
        "dyn",
        "Key",
        "Vec",
        "u8",
        "cfg",
        "state",
        "event",
        "groups",
        "casper_dsl",
    ];
    const PUNCT: &[char] = &[
        '#', '=', ':', ',', ';', '-', '>', '<', '&', '*', '!', '.', '\'', '+', '?',
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

/// A seed with one token (at any depth) deleted, replaced, inserted or duplicated. Two times
/// in three the edit goes into one of the stream's groups, so most edits land inside the
/// module, where signatures and attributes are, rather than breaking the module itself.
fn mutate(stream: TokenStream, rng: &mut fastrand::Rng) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    if trees.is_empty() {
        return random_stream(rng);
    }
    let groups: Vec<usize> = (0..trees.len())
        .filter(|&i| matches!(trees[i], TokenTree::Group(_)))
        .collect();
    if !groups.is_empty() && rng.usize(0..3) != 0 {
        let at = groups[rng.usize(..groups.len())];
        if let TokenTree::Group(group) = &trees[at] {
            let mut inner = Group::new(group.delimiter(), mutate(group.stream(), rng));
            inner.set_span(group.span());
            trees[at] = TokenTree::Group(inner);
        }
        return trees.into_iter().collect();
    }
    let at = rng.usize(..trees.len());
    match rng.usize(0..4) {
        0 => {
            trees.remove(at);
        }
        1 => trees[at] = random_tree(rng, 0),
        2 => trees.insert(at, random_tree(rng, 0)),
        _ => trees.insert(at, trees[at].clone()),
    }
    trees.into_iter().collect()
}

/// Attributes a structural mutation puts on an item.
const ATTRIBUTES: &[&str] = &[
    "#[entry_point]",
    "#[casper_dsl::entry_point]",
    "#[init]",
    "#[upgrade]",
    "#[call]",
    "#[state]",
    "#[event]",
    "#[entry_point(name = \"renamed\")]",
    "#[entry_point(groups = [\"admin\"])]",
    "#[entry_point(groups = [])]",
    "#[entry_point(name = \"call\", name = \"x\")]",
    "#[cfg(all())]",
    "#[cfg_attr(all(), entry_point)]",
    "#[no_mangle]",
    "#[casper_dsl::contract]",
    "#[doc = \"text\"]",
    "#[inline]",
];

/// Types a structural mutation gives a parameter or a return value.
const TYPES: &[&str] = &[
    "u64",
    "()",
    "Option<String>",
    "core::option::Option<u8>",
    "Result<u64, ApiError>",
    "Result<(), E>",
    "Vec<u8>",
    "(u64, Key)",
    "&str",
    "Option<&str>",
    "impl Into<u64>",
    "dyn Fn()",
    "Box<dyn Fn()>",
    "!",
    "_",
    "super::Amount",
    "self::Local",
    "<u64 as Trait>::Output",
    "[u8; 32]",
    "fn(u64) -> u64",
];

/// Names a structural mutation gives a function or a parameter.
const NAMES: &[&str] = &[
    "call",
    "init",
    "args",
    "bytes",
    "calls",
    "installer",
    "get",
    "r#type",
    "__casper_dsl_x",
    "self_",
];

fn pick<'a>(rng: &mut fastrand::Rng, choices: &[&'a str]) -> &'a str {
    choices[rng.usize(..choices.len())]
}

/// A seed with one grammar-aware edit of its items: an item removed or duplicated, an
/// attribute added, removed or swapped, a parameter or return type replaced, a function or
/// parameter renamed. The result is still Rust, so it reaches validation and expansion.
fn mutate_items(stream: TokenStream, rng: &mut fastrand::Rng) -> TokenStream {
    let Ok(mut module) = syn::parse2::<syn::ItemMod>(stream.clone()) else {
        return stream;
    };
    let Some((_, items)) = &mut module.content else {
        return stream;
    };
    if items.is_empty() {
        return stream;
    }
    let at = rng.usize(..items.len());
    match rng.usize(0..7) {
        0 => {
            items.remove(at);
        }
        1 => items.insert(at, items[at].clone()),
        2 | 3 => {
            let attr: syn::Attribute =
                syn::parse_str::<syn::ItemFn>(&format!("{} fn f() {{}}", pick(rng, ATTRIBUTES)))
                    .expect("a well-formed attribute")
                    .attrs
                    .remove(0);
            if let Some(attrs) = item_attrs(&mut items[at]) {
                if rng.bool() && !attrs.is_empty() {
                    let replaced = rng.usize(..attrs.len());
                    attrs[replaced] = attr;
                } else {
                    attrs.push(attr);
                }
            }
        }
        _ => {
            let syn::Item::Fn(function) = &mut items[at] else {
                return module.into_token_stream();
            };
            let ty: syn::Type = syn::parse_str(pick(rng, TYPES)).expect("a well-formed type");
            let name = syn::parse_str::<syn::Ident>(pick(rng, NAMES)).expect("an identifier");
            match (rng.usize(0..3), function.sig.inputs.first_mut()) {
                (0, _) => function.sig.output = syn::parse_quote!(-> #ty),
                (1, Some(syn::FnArg::Typed(param))) => *param.ty = ty,
                (_, Some(syn::FnArg::Typed(param))) => *param.pat = syn::parse_quote!(#name),
                _ => function.sig.ident = name,
            }
        }
    }
    module.into_token_stream()
}

/// The attributes of an item, for the kinds mutations touch.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    match item {
        syn::Item::Fn(item) => Some(&mut item.attrs),
        syn::Item::Const(item) => Some(&mut item.attrs),
        syn::Item::Struct(item) => Some(&mut item.attrs),
        syn::Item::Enum(item) => Some(&mut item.attrs),
        syn::Item::Mod(item) => Some(&mut item.attrs),
        syn::Item::Impl(item) => Some(&mut item.attrs),
        _ => None,
    }
}

/// Expands `count` inputs drawn with `seed`, panicking on a panic or an expansion that does not
/// parse; returns how many expanded and how many were rejected with errors.
fn run(seed: u64, count: usize, seeds: &[(Mode, TokenStream, TokenStream)]) -> (usize, usize) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let (mut expanded, mut rejected) = (0, 0);
    for i in 0..count {
        let (mode, args, item) = if i % 10 == 0 {
            let mode = if rng.bool() {
                Mode::Session
            } else {
                Mode::Contract
            };
            (mode, random_stream(&mut rng), random_stream(&mut rng))
        } else {
            let (mode, args, mut item) = seeds[rng.usize(..seeds.len())].clone();
            for _ in 0..rng.usize(1..4) {
                item = mutate_items(item, &mut rng);
            }
            if rng.usize(0..4) == 0 {
                item = mutate(item, &mut rng);
            }
            let args = if rng.usize(0..8) == 0 {
                mutate(args, &mut rng)
            } else {
                args
            };
            (mode, args, item)
        };
        let output = std::panic::catch_unwind(|| expand_module(mode, args.clone(), item.clone()))
            .unwrap_or_else(|_| panic!("panicked on {mode:?} args `{args}` item `{item}`"));
        if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
            panic!(
                "{mode:?} args `{args}` item `{item}` expanded into code that does not parse \
                 ({error}): {output}"
            );
        }
        if output.to_string().contains("compile_error") {
            rejected += 1;
        } else {
            expanded += 1;
        }
    }
    (expanded, rejected)
}

#[test]
fn random_and_mutated_inputs_expand_to_rust_or_fail_cleanly() {
    assert!(seeds().len() >= 10, "the pass cases are found");
    // Two workers with fixed seeds: reproducible, and both cores busy. Token streams stay on
    // the thread that made them, so each worker reads the seeds itself.
    let (expanded, rejected) = std::thread::scope(|scope| {
        let workers: Vec<_> = [0xCA5_7E12, 0xD51_0002]
            .map(|seed| scope.spawn(move || run(seed, INPUTS / 2, &seeds())))
            .into_iter()
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a worker finishes"))
            .fold((0, 0), |(e, r), (e2, r2)| (e + e2, r + r2))
    });
    println!("{INPUTS} inputs: {expanded} expanded, {rejected} rejected with errors");
    assert_eq!(expanded + rejected, INPUTS);
    assert!(
        expanded >= INPUTS / 10 && rejected >= INPUTS / 10,
        "both outcomes are exercised: {expanded} expanded, {rejected} rejected"
    );
}
