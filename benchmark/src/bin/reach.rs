//! What an example's entry points make the engine store, by crate and by function.
//!
//! `cargo run -p benchmark --bin reach -- counter [top]` builds `examples/counter` as cargo
//! leaves it (`release-unstripped`, `wasm32v1-none`, with its name section), follows calls
//! from every export but the installer's `call` (install stores the module pruned to what the
//! entry points reach), and prints the bytes of code reached per crate and the `top` largest
//! functions (20 by default), after the size of the data segment, which the engine stores whole.
//! It stores the code after gas instrumentation, about a third more, at 1,117,587 gas per byte.

use std::collections::{BTreeMap, HashMap, HashSet};

use benchmark::example_dir;
use casper_dsl_testing::tooling::{build_wasm_as_cargo_leaves_it, WASM32V1_NONE};
use wasmparser::{KnownCustom, Name, Operator, Parser, Payload};

/// The installer's export: not stored.
const INSTALLER: &str = "call";

/// One function of the module.
#[derive(Default)]
struct Function {
    name: String,
    size: usize,
    calls: Vec<u32>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let example = args.next().unwrap_or_else(|| {
        eprintln!("usage: cargo run -p benchmark --bin reach -- <example> [top]");
        std::process::exit(2)
    });
    let top: usize = args.next().map_or(20, |top| top.parse().expect("a number"));
    let wasm =
        build_wasm_as_cargo_leaves_it(example_dir(&example), WASM32V1_NONE, "release-unstripped");
    let (functions, roots, data) = read_module(wasm).expect("a valid module");
    let reached = reachable(&functions, roots);

    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    for index in &reached {
        let function = &functions[index];
        *by_crate.entry(crate_of(&function.name)).or_default() += function.size;
    }
    let total: usize = by_crate.values().sum();
    println!("{example}: {total} bytes of code reached from the entry points");
    println!("and a data segment of {data} bytes, stored whole (the installer's strings too)\n");
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    for (name, size) in crates {
        println!("{size:>8}  {name}");
    }
    println!("\nlargest functions:");
    let mut largest: Vec<&Function> = reached.iter().map(|index| &functions[index]).collect();
    largest.sort_by_key(|function| std::cmp::Reverse(function.size));
    for function in largest.into_iter().take(top) {
        println!("{:>8}  {}", function.size, function.name);
    }
}

/// A module as this tool sees it: its defined functions by index (with their names, code sizes
/// and direct calls), the functions its entry points export, and the bytes of its data segments.
type Module = (HashMap<u32, Function>, Vec<u32>, usize);

/// Reads `wasm` into a [`Module`].
fn read_module(wasm: &[u8]) -> wasmparser::Result<Module> {
    let mut functions: HashMap<u32, Function> = HashMap::new();
    let mut imported = 0;
    let mut next = None;
    let mut roots = Vec::new();
    let mut data = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::ImportSection(imports) => {
                for import in imports.into_imports() {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::ExportSection(exports) => {
                for export in exports {
                    let export = export?;
                    if export.kind == wasmparser::ExternalKind::Func && export.name != INSTALLER {
                        roots.push(export.index);
                    }
                }
            }
            Payload::DataSection(segments) => {
                for segment in segments {
                    data += segment?.data.len();
                }
            }
            Payload::CodeSectionEntry(body) => {
                let index = *next.get_or_insert(imported);
                next = Some(index + 1);
                let function = functions.entry(index).or_default();
                function.size = body.range().len();
                for operator in body.get_operators_reader()? {
                    if let Operator::Call { function_index } = operator? {
                        function.calls.push(function_index);
                    }
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(names) = section.as_known() {
                    for name in names {
                        if let Name::Function(map) = name? {
                            for naming in map {
                                let naming = naming?;
                                functions.entry(naming.index).or_default().name =
                                    naming.name.to_owned();
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Imports have names but no code.
    functions.retain(|index, _| *index >= imported);
    Ok((functions, roots, data))
}

/// The defined functions reachable from `roots` through direct calls (the examples make no
/// indirect ones: their modules have no table).
fn reachable(functions: &HashMap<u32, Function>, roots: Vec<u32>) -> HashSet<u32> {
    let mut reached = HashSet::new();
    let mut pending = roots;
    while let Some(index) = pending.pop() {
        if let Some(function) = functions.get(&index) {
            if reached.insert(index) {
                pending.extend(&function.calls);
            }
        }
    }
    reached
}

/// The crate a (mangled) function name belongs to: the first identifier of a legacy `_ZN`
/// name (inside `<...>` for an impl), the crate of a v0 `_R` name; the name itself, marked,
/// for an export such as `increment` or a C symbol such as `memcpy`.
fn crate_of(name: &str) -> String {
    let identifiers = if let Some(legacy) = name.strip_prefix("_ZN") {
        length_prefixed(legacy)
    } else if let Some(v0) = name.strip_prefix("_R") {
        // A crate root is `C`, an optional `s<disambiguator>_`, then the identifier.
        let root = v0.find('C').map_or(v0, |at| &v0[at + 1..]);
        let root = match root.strip_prefix('s') {
            Some(rest) => rest.split_once('_').map_or(rest, |(_, rest)| rest),
            None => root,
        };
        length_prefixed(root)
    } else {
        return format!("{name} (not mangled: an export or a C symbol)");
    };
    let first = identifiers.first().map_or("?", String::as_str);
    let first = first.trim_start_matches("_$LT$");
    first.split("..").next().unwrap_or(first).to_owned()
}

/// The `<length><identifier>` runs at the front of `text`.
fn length_prefixed(mut text: &str) -> Vec<String> {
    let mut identifiers = Vec::new();
    loop {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(length) = text[..digits].parse::<usize>() else {
            break;
        };
        let Some(identifier) = text.get(digits..digits + length) else {
            break;
        };
        identifiers.push(identifier.to_owned());
        text = &text[digits + length..];
    }
    identifiers
}
