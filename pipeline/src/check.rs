//! What the Casper 2.0 engine's Wasm preprocessing accepts (casper-execution-engine 8.1.1,
//! `runtime::wasm_prep::preprocess`, with the chainspec of casper-engine-test-support 8.1.1),
//! checked before a module is deployed rather than at install.

use std::collections::HashMap;

use walrus::{
    ir::{self, Instr, InstrLocId, Value},
    FunctionId, Module,
};

use crate::Unsupported;

/// Most targets a `br_table` may list.
pub const MAX_BR_TABLE_TARGETS: usize = 256;
/// Most globals a module may declare.
pub const MAX_GLOBALS: usize = 256;
/// Most parameters a function type may have.
pub const MAX_PARAMETERS: usize = 256;
/// Largest initial and maximum size of the one table a module may have.
pub const MAX_TABLE_SIZE: u64 = 4096;
/// Largest initial memory, in 64 KiB pages (`[wasm.v1] max_memory` of the chainspec).
pub const MAX_MEMORY_PAGES: u64 = 64;

/// Everything in `module` the engine would refuse, by function (named through `names`) or
/// module part.
pub(crate) fn unsupported(
    module: &Module,
    names: &HashMap<FunctionId, String>,
) -> Vec<Unsupported> {
    let mut problems = module_level(module);
    for (id, function) in module.funcs.iter_local() {
        let mut visitor = Instructions::default();
        ir::dfs_in_order(&mut visitor, function, function.entry_block());
        problems.extend(visitor.found.into_iter().map(|what| Unsupported {
            location: names[&id].clone(),
            what,
        }));
    }
    problems
}

fn module_level(module: &Module) -> Vec<Unsupported> {
    let mut problems = Vec::new();
    let mut refuse = |location: &str, what: String| {
        problems.push(Unsupported {
            location: location.into(),
            what,
        });
    };
    for ty in module.types.iter() {
        if ty.results().len() > 1 {
            refuse(
                "type section",
                format!(
                    "a function type with {} results (multi-value)",
                    ty.results().len()
                ),
            );
        }
        if ty.params().len() > MAX_PARAMETERS {
            refuse(
                "type section",
                format!(
                    "a function type with {} parameters (at most {MAX_PARAMETERS})",
                    ty.params().len()
                ),
            );
        }
    }
    let globals = module.globals.iter().count();
    if globals > MAX_GLOBALS {
        refuse(
            "global section",
            format!("{globals} globals (at most {MAX_GLOBALS})"),
        );
    }
    let memories: Vec<_> = module.memories.iter().collect();
    match memories.as_slice() {
        [] => refuse("memory section", "a module without memory".into()),
        [memory] => {
            if memory.import.is_some() {
                refuse("memory section", "an imported memory".into());
            }
            if memory.shared || memory.memory64 {
                refuse(
                    "memory section",
                    "a shared or 64-bit memory (threads, memory64)".into(),
                );
            }
            if memory.initial > MAX_MEMORY_PAGES {
                refuse(
                    "memory section",
                    format!(
                        "an initial memory of {} pages (at most {MAX_MEMORY_PAGES}); \
                         lower the stack size given to the linker",
                        memory.initial
                    ),
                );
            }
        }
        _ => refuse(
            "memory section",
            format!("{} memories (multi-memory)", memories.len()),
        ),
    }
    let tables: Vec<_> = module.tables.iter().collect();
    if tables.len() > 1 {
        refuse(
            "table section",
            format!("{} tables (reference types)", tables.len()),
        );
    }
    for table in tables {
        let largest = table.maximum.unwrap_or(table.initial).max(table.initial);
        if largest > MAX_TABLE_SIZE {
            refuse(
                "table section",
                format!("a table of {largest} entries (at most {MAX_TABLE_SIZE})"),
            );
        }
    }
    for import in module.imports.iter() {
        if import.module == "env" && import.name == "gas" {
            refuse(
                "import section",
                "an import of `env.gas`, which the engine reserves for gas metering".into(),
            );
        }
    }
    problems
}

/// Collects the instructions of one function that the engine refuses: everything beyond
/// wasm MVP except sign extension, and every floating-point operation (the engine's gas rules
/// price none of them; float loads and stores are accepted).
#[derive(Default)]
struct Instructions {
    found: Vec<String>,
}

impl ir::Visitor<'_> for Instructions {
    fn visit_instr(&mut self, instr: &Instr, _: &InstrLocId) {
        if let Some(what) = refused(instr) {
            self.found.push(what);
        }
    }
}

/// Why the engine refuses `instr`, or `None` if it accepts it.
fn refused(instr: &Instr) -> Option<String> {
    let accepted = match instr {
        Instr::Block(_)
        | Instr::Loop(_)
        | Instr::Call(_)
        | Instr::CallIndirect(_)
        | Instr::LocalGet(_)
        | Instr::LocalSet(_)
        | Instr::LocalTee(_)
        | Instr::GlobalGet(_)
        | Instr::GlobalSet(_)
        | Instr::Unreachable(_)
        | Instr::Br(_)
        | Instr::BrIf(_)
        | Instr::IfElse(_)
        | Instr::Drop(_)
        | Instr::Return(_)
        | Instr::MemorySize(_)
        | Instr::MemoryGrow(_) => true,
        Instr::Select(select) => select.ty.is_none(),
        Instr::Load(load) => !load.kind.atomic() && !matches!(load.kind, ir::LoadKind::V128),
        Instr::Store(store) => !store.kind.atomic() && !matches!(store.kind, ir::StoreKind::V128),
        Instr::Const(constant) => {
            return match constant.value {
                Value::I32(_) | Value::I64(_) => None,
                Value::F32(_) | Value::F64(_) => Some("a floating-point constant".into()),
                Value::V128(_) => Some("a SIMD constant".into()),
            }
        }
        Instr::BrTable(table) => {
            return (table.blocks.len() > MAX_BR_TABLE_TARGETS).then(|| {
                format!(
                    "a br_table with {} targets (at most {MAX_BR_TABLE_TARGETS})",
                    table.blocks.len()
                )
            })
        }
        Instr::Binop(binop) => return refused_operator(&format!("{:?}", binop.op)),
        Instr::Unop(unop) => return refused_operator(&format!("{:?}", unop.op)),
        _ => false,
    };
    (!accepted).then(|| format!("{} (not wasm MVP)", instruction_name(instr)))
}

/// Why the engine refuses the numeric operator named `name` (walrus's `BinaryOp` / `UnaryOp`
/// variant name), or `None` for the integer operators it accepts: `I32…` / `I64…` followed by
/// a capital letter (`I32Add`, `I64Extend8S`), without `F32`/`F64` (conversions such as
/// `I32TruncSF32`) and without `Sat` (non-trapping conversions). SIMD names continue in lower
/// case (`I32x4Add`).
fn refused_operator(name: &str) -> Option<String> {
    let integer = (name.starts_with("I32") || name.starts_with("I64"))
        && name[3..].starts_with(|c: char| c.is_ascii_uppercase());
    let float = name.contains("F32") || name.contains("F64");
    if integer && !float {
        return None;
    }
    Some(if name.contains("Sat") {
        format!("{name} (non-trapping float-to-int)")
    } else if float {
        format!("{name} (floating point)")
    } else {
        format!("{name} (SIMD)")
    })
}

/// The instruction's kind, e.g. `MemoryInit` or `AtomicRmw`.
fn instruction_name(instr: &Instr) -> String {
    let debug = format!("{instr:?}");
    debug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_operators_are_accepted() {
        for name in [
            "I32Add",
            "I64Xor",
            "I32Eqz",
            "I64ExtendSI32",
            "I32Extend8S",
            "I32WrapI64",
        ] {
            assert_eq!(refused_operator(name), None, "{name}");
        }
    }

    #[test]
    fn float_simd_and_saturating_operators_are_refused_with_a_reason() {
        let cases = [
            ("F64Add", "floating point"),
            ("I32TruncSF32", "floating point"),
            ("I64ReinterpretF64", "floating point"),
            ("F32ConvertSI32", "floating point"),
            ("I32TruncSSatF32", "non-trapping float-to-int"),
            ("I32x4Add", "SIMD"),
            ("I8x16Swizzle", "SIMD"),
        ];
        for (name, reason) in cases {
            let refused = refused_operator(name).unwrap_or_default();
            assert!(
                refused.starts_with(name) && refused.contains(reason),
                "{refused}"
            );
        }
    }
}
