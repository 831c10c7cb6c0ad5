//! Lowering bulk-memory instructions to MVP code.

use std::fmt;

use walrus::{
    ir::{self, BinaryOp, Instr, InstrLocId, LoadKind, MemArg, StoreKind, UnaryOp},
    FunctionBuilder, FunctionId, MemoryId, Module, ModuleConfig, ValType,
};

/// A module the engine accepts, and what it took.
#[derive(Debug)]
pub struct Lowered {
    /// The rewritten module, without custom sections.
    pub wasm: Vec<u8>,
    /// `memory.copy` instructions replaced.
    pub copies: usize,
    /// `memory.fill` instructions replaced.
    pub fills: usize,
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

/// Lowers `memory.copy` / `memory.fill` in `wasm` to calls of MVP functions, strips custom
/// sections, and checks for features the engine refuses (multi-value results, reference types,
/// non-trapping float-to-int conversions, other bulk-memory and table instructions, SIMD).
///
/// The lowered functions behave like the instructions for every in-bounds access, including
/// overlapping copies in both directions and zero lengths. They differ only when an access is
/// out of bounds: the instruction traps before writing anything, the loop traps at the first
/// byte out of bounds (a trap reverts the whole execution either way), and a zero-length access
/// past the end of memory does not trap.
///
/// # Errors
///
/// Every unsupported construct, or a parse error (as an [`Unsupported`] for the whole module).
pub fn lower(wasm: &[u8]) -> Result<Lowered, Vec<Unsupported>> {
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
    let mut problems = unsupported_types(&module);
    let helpers = Helpers::add_to(&mut module);
    let (mut copies, mut fills) = (0, 0);
    let names = function_names(&module);
    for (id, function) in module.funcs.iter_local_mut() {
        if Some(id) == helpers.copy || Some(id) == helpers.fill {
            continue;
        }
        let entry = function.entry_block();
        let mut rewrite = Rewrite {
            helpers: &helpers,
            types: &module.types,
            entry,
            copies: 0,
            fills: 0,
            unsupported: Vec::new(),
        };
        ir::dfs_pre_order_mut(&mut rewrite, function, entry);
        copies += rewrite.copies;
        fills += rewrite.fills;
        let location = names[&id].clone();
        problems.extend(rewrite.unsupported.into_iter().map(|what| Unsupported {
            location: location.clone(),
            what,
        }));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Drops what nothing references any more: an unused helper, and the types it added.
    walrus::passes::gc::run(&mut module);
    strip_custom_sections(&mut module);
    Ok(Lowered {
        wasm: module.emit_wasm(),
        copies,
        fills,
    })
}

fn function_names(module: &Module) -> std::collections::HashMap<FunctionId, String> {
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

/// Function types with more than one result (multi-value), which the engine refuses.
fn unsupported_types(module: &Module) -> Vec<Unsupported> {
    module
        .types
        .iter()
        .filter(|ty| ty.results().len() > 1)
        .map(|ty| Unsupported {
            location: "type section".into(),
            what: format!(
                "a function type with {} results (multi-value)",
                ty.results().len()
            ),
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

/// The MVP functions that replace `memory.copy` and `memory.fill` on the module's memory.
struct Helpers {
    memory: Option<MemoryId>,
    copy: Option<FunctionId>,
    fill: Option<FunctionId>,
}

impl Helpers {
    fn add_to(module: &mut Module) -> Self {
        let memory = module.memories.iter().next().map(|memory| memory.id());
        let (copy, fill) = match memory {
            Some(memory) => (
                Some(add_copy(module, memory)),
                Some(add_fill(module, memory)),
            ),
            None => (None, None),
        };
        Helpers { memory, copy, fill }
    }
}

struct Rewrite<'a> {
    helpers: &'a Helpers,
    types: &'a walrus::ModuleTypes,
    /// The function body, whose "block type" is the function's own type.
    entry: ir::InstrSeqId,
    copies: usize,
    fills: usize,
    unsupported: Vec<String>,
}

impl ir::VisitorMut for Rewrite<'_> {
    fn start_instr_seq_mut(&mut self, seq: &mut ir::InstrSeq) {
        if let (ir::InstrSeqType::MultiValue(ty), false) = (seq.ty, seq.id() == self.entry) {
            let ty = self.types.get(ty);
            if !ty.params().is_empty() || ty.results().len() > 1 {
                self.unsupported
                    .push("a block with parameters or several results (multi-value)".into());
            }
        }
    }

    fn visit_instr_mut(&mut self, instr: &mut Instr, _: &mut InstrLocId) {
        match instr {
            Instr::MemoryCopy(copy) if Some(copy.src) == self.helpers.memory => {
                if let Some(func) = self.helpers.copy {
                    *instr = Instr::Call(ir::Call { func });
                    self.copies += 1;
                }
            }
            Instr::MemoryFill(fill) if Some(fill.memory) == self.helpers.memory => {
                if let Some(func) = self.helpers.fill {
                    *instr = Instr::Call(ir::Call { func });
                    self.fills += 1;
                }
            }
            other => {
                if let Some(what) = unsupported_instr(other) {
                    self.unsupported.push(what);
                }
            }
        }
    }
}

/// What is wrong with `instr`, if the engine refuses it.
fn unsupported_instr(instr: &Instr) -> Option<String> {
    let name = match instr {
        Instr::MemoryInit(_) => "memory.init",
        Instr::DataDrop(_) => "data.drop",
        Instr::MemoryCopy(_) => "memory.copy between memories",
        Instr::MemoryFill(_) => "memory.fill",
        Instr::TableCopy(_) => "table.copy",
        Instr::TableInit(_) => "table.init",
        Instr::ElemDrop(_) => "elem.drop",
        Instr::TableGet(_) => "table.get",
        Instr::TableSet(_) => "table.set",
        Instr::TableGrow(_) => "table.grow",
        Instr::TableSize(_) => "table.size",
        Instr::TableFill(_) => "table.fill",
        Instr::RefNull(_) => "ref.null",
        Instr::RefIsNull(_) => "ref.is_null",
        Instr::RefFunc(_) => "ref.func",
        Instr::Unop(unop) if is_saturating(unop.op) => {
            return Some(format!("{:?} (non-trapping float-to-int)", unop.op))
        }
        Instr::V128Bitselect(_)
        | Instr::I8x16Swizzle(_)
        | Instr::I8x16Shuffle(_)
        | Instr::LoadSimd(_) => "a SIMD instruction",
        _ => return None,
    };
    Some(name.to_owned())
}

fn is_saturating(op: UnaryOp) -> bool {
    matches!(
        op,
        UnaryOp::I32TruncSSatF32
            | UnaryOp::I32TruncUSatF32
            | UnaryOp::I32TruncSSatF64
            | UnaryOp::I32TruncUSatF64
            | UnaryOp::I64TruncSSatF32
            | UnaryOp::I64TruncUSatF32
            | UnaryOp::I64TruncSSatF64
            | UnaryOp::I64TruncUSatF64
    )
}

const BYTE: MemArg = MemArg {
    align: 1,
    offset: 0,
};

/// A builder for the helper `name`, which takes three `i32`s (its locals) and returns nothing,
/// like the instruction it replaces.
fn helper(module: &mut Module, name: &str) -> ([walrus::LocalId; 3], FunctionBuilder) {
    let params = [(); 3].map(|()| module.locals.add(ValType::I32));
    let mut builder = FunctionBuilder::new(&mut module.types, &[ValType::I32; 3], &[]);
    builder.name(name.into());
    (params, builder)
}

/// `copy(dst, src, n)`: copies `n` bytes like `memory.copy`, front to back when `dst <= src`,
/// back to front otherwise, so overlapping ranges copy as if through a buffer.
fn add_copy(module: &mut Module, memory: MemoryId) -> FunctionId {
    let ([dst, src, n], mut builder) = helper(module, "__casper_dsl_memory_copy");
    let byte_load = LoadKind::I32_8 {
        kind: ir::ExtendedLoad::ZeroExtend,
    };
    let byte_store = StoreKind::I32_8 { atomic: false };
    builder.func_body().block(None, |done| {
        let done_id = done.id();
        done.local_get(n).unop(UnaryOp::I32Eqz).br_if(done_id);
        done.local_get(dst)
            .local_get(src)
            .binop(BinaryOp::I32LeU)
            .if_else(
                None,
                |forward| {
                    forward.loop_(None, |body| {
                        let again = body.id();
                        body.local_get(dst)
                            .local_get(src)
                            .load(memory, byte_load, BYTE)
                            .store(memory, byte_store, BYTE);
                        step(body, dst, 1);
                        step(body, src, 1);
                        step(body, n, -1);
                        body.local_get(n).br_if(again);
                    });
                },
                |backward| {
                    backward.loop_(None, |body| {
                        let again = body.id();
                        step(body, n, -1);
                        body.local_get(dst)
                            .local_get(n)
                            .binop(BinaryOp::I32Add)
                            .local_get(src)
                            .local_get(n)
                            .binop(BinaryOp::I32Add)
                            .load(memory, byte_load, BYTE)
                            .store(memory, byte_store, BYTE);
                        body.local_get(n).br_if(again);
                    });
                },
            );
    });
    builder.finish(vec![dst, src, n], &mut module.funcs)
}

/// `fill(dst, value, n)`: sets `n` bytes to the low byte of `value`, like `memory.fill`.
fn add_fill(module: &mut Module, memory: MemoryId) -> FunctionId {
    let ([dst, value, n], mut builder) = helper(module, "__casper_dsl_memory_fill");
    builder.func_body().block(None, |done| {
        let done_id = done.id();
        done.local_get(n).unop(UnaryOp::I32Eqz).br_if(done_id);
        done.loop_(None, |body| {
            let again = body.id();
            body.local_get(dst).local_get(value).store(
                memory,
                StoreKind::I32_8 { atomic: false },
                BYTE,
            );
            step(body, dst, 1);
            step(body, n, -1);
            body.local_get(n).br_if(again);
        });
    });
    builder.finish(vec![dst, value, n], &mut module.funcs)
}

/// `local += by`.
fn step(body: &mut walrus::InstrSeqBuilder<'_>, local: walrus::LocalId, by: i32) {
    body.local_get(local)
        .i32_const(by)
        .binop(BinaryOp::I32Add)
        .local_set(local);
}
