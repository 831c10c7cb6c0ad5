//! From a module as the linker left it to one the engine accepts.

use std::{collections::HashMap, fmt};

use walrus::{FunctionId, Module, ModuleConfig};

use crate::{check, lower::lower_bulk_memory};

/// A module the engine accepts, and what it took.
#[derive(Debug)]
pub struct Deployable {
    /// The rewritten module, without custom sections.
    pub wasm: Vec<u8>,
    /// `memory.copy` instructions replaced.
    pub copies: usize,
    /// `memory.fill` instructions replaced.
    pub fills: usize,
    /// The names of the exported functions.
    pub exports: Vec<String>,
}

/// Something in the module the engine would refuse and that is not lowered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// The function it is in (its name from the name section, or `func[<index>]`), or the
    /// module part it concerns.
    pub location: String,
    /// What it is: the instruction or feature.
    pub what: String,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} is not supported by the Casper 2.0 engine",
            self.location, self.what
        )
    }
}

impl std::error::Error for Unsupported {}

/// Makes `wasm` deployable: lowers `memory.copy` / `memory.fill` to calls of MVP functions,
/// checks the result against what the engine's preprocessing accepts (see the limits in
/// [`check`](crate::check)), drops what nothing references, and strips custom sections
/// (install gas grows with every deployed byte).
///
/// A module that needs no lowering comes out re-encoded and stripped, with the same code.
///
/// # Errors
///
/// Every construct the engine would refuse, named by function and instruction, or a parse
/// error (as an [`Unsupported`] for the whole module).
///
/// # Example
///
/// ```
/// let module = wat::parse_str(
///     r#"(module (memory 1)
///          (func (export "call") (memory.fill (i32.const 0) (i32.const 7) (i32.const 16))))"#,
/// )
/// .unwrap();
/// let deployable = casper_dsl_build::deployable(&module).unwrap();
/// assert_eq!(deployable.fills, 1);
/// ```
pub fn deployable(wasm: &[u8]) -> Result<Deployable, Vec<Unsupported>> {
    let mut config = ModuleConfig::new();
    config
        .generate_name_section(false)
        .generate_producers_section(false);
    let mut module = config.parse(wasm).map_err(|error| {
        vec![Unsupported {
            location: "module".into(),
            what: format!("an unreadable module ({error})"),
        }]
    })?;
    let (copies, fills) = lower_bulk_memory(&mut module);
    let problems = check::unsupported(&module, &function_names(&module));
    if !problems.is_empty() {
        return Err(problems);
    }
    walrus::passes::gc::run(&mut module);
    strip_custom_sections(&mut module);
    let exports = module
        .exports
        .iter()
        .filter(|export| matches!(export.item, walrus::ExportItem::Function(_)))
        .map(|export| export.name.clone())
        .collect();
    Ok(Deployable {
        wasm: module.emit_wasm(),
        copies,
        fills,
        exports,
    })
}

fn function_names(module: &Module) -> HashMap<FunctionId, String> {
    module
        .funcs
        .iter()
        .enumerate()
        .map(|(index, function)| {
            let name = function
                .name
                .clone()
                .unwrap_or_else(|| format!("func[{index}]"));
            (function.id(), name)
        })
        .collect()
}

fn strip_custom_sections(module: &mut Module) {
    let ids: Vec<_> = module.customs.iter().map(|(id, _)| id).collect();
    for id in ids {
        module.customs.delete(id);
    }
    module.producers.clear();
    for function in module.funcs.iter_mut() {
        function.name = None;
    }
}
