//! Lowering bulk-memory instructions to MVP code.

use walrus::{
    ir::{self, BinaryOp, Instr, InstrLocId, LoadKind, MemArg, StoreKind, UnaryOp},
    FunctionBuilder, FunctionId, MemoryId, Module, ValType,
};

/// Replaces every `memory.copy` / `memory.fill` on the module's memory with a call of an MVP
/// function with the same effect, and returns how many of each it replaced.
///
/// The functions behave like the instructions for every in-bounds access, including
/// overlapping copies in both directions and zero lengths. They differ only when an access is
/// out of bounds: the instruction traps before writing anything, the loop traps at the first
/// byte out of bounds (a trap reverts the whole execution either way), and a zero-length access
/// past the end of memory does not trap. A helper nothing calls is left for
/// `walrus::passes::gc` to remove.
pub(crate) fn lower_bulk_memory(module: &mut Module) -> (usize, usize) {
    let helpers = Helpers::add_to(module);
    let (mut copies, mut fills) = (0, 0);
    for (id, function) in module.funcs.iter_local_mut() {
        if Some(id) == helpers.copy || Some(id) == helpers.fill {
            continue;
        }
        let entry = function.entry_block();
        let mut rewrite = Rewrite {
            helpers: &helpers,
            copies: 0,
            fills: 0,
        };
        ir::dfs_pre_order_mut(&mut rewrite, function, entry);
        copies += rewrite.copies;
        fills += rewrite.fills;
    }
    (copies, fills)
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
    copies: usize,
    fills: usize,
}

impl ir::VisitorMut for Rewrite<'_> {
    fn visit_instr_mut(&mut self, instr: &mut Instr, _: &mut InstrLocId) {
        match instr {
            Instr::MemoryCopy(copy)
                if copy.src == copy.dst && Some(copy.src) == self.helpers.memory =>
            {
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
            _ => {}
        }
    }
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
