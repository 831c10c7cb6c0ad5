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
/// out of bounds: the instruction traps before writing anything, the loops trap at the first
/// word or byte out of bounds (a trap reverts the whole execution either way), and a zero-length access
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

/// Bytes moved per iteration of the word loops: on Casper every loop iteration costs a
/// `br_if` (510 gas) and a few local updates, so moving 8 bytes at a time makes long copies and
/// fills several times cheaper than byte loops.
const WORD: i32 = 8;

/// `copy(dst, src, n)`: copies `n` bytes like `memory.copy`, front to back when `dst <= src`,
/// back to front otherwise, so overlapping ranges copy as if through a buffer. Each direction
/// moves whole 8-byte words first (each loaded before it is stored, which keeps overlapping
/// copies exact), then the remaining bytes one by one.
fn add_copy(module: &mut Module, memory: MemoryId) -> FunctionId {
    let ([dst, src, n], mut builder) = helper(module, "__casper_dsl_memory_copy");
    let byte_load = LoadKind::I32_8 {
        kind: ir::ExtendedLoad::ZeroExtend,
    };
    let byte_store = StoreKind::I32_8 { atomic: false };
    let word_load = LoadKind::I64 { atomic: false };
    let word_store = StoreKind::I64 { atomic: false };
    builder
        .func_body()
        .local_get(dst)
        .local_get(src)
        .binop(BinaryOp::I32LeU)
        .if_else(
            None,
            |forward| {
                while_at_least(forward, n, WORD, |body| {
                    body.local_get(dst)
                        .local_get(src)
                        .load(memory, word_load, BYTE)
                        .store(memory, word_store, BYTE);
                    step(body, dst, WORD);
                    step(body, src, WORD);
                    step(body, n, -WORD);
                });
                while_at_least(forward, n, 1, |body| {
                    body.local_get(dst)
                        .local_get(src)
                        .load(memory, byte_load, BYTE)
                        .store(memory, byte_store, BYTE);
                    step(body, dst, 1);
                    step(body, src, 1);
                    step(body, n, -1);
                });
            },
            |backward| {
                let from_end = |body: &mut walrus::InstrSeqBuilder<'_>,
                                width: i32,
                                load: LoadKind,
                                store: StoreKind| {
                    step(body, n, -width);
                    body.local_get(dst)
                        .local_get(n)
                        .binop(BinaryOp::I32Add)
                        .local_get(src)
                        .local_get(n)
                        .binop(BinaryOp::I32Add)
                        .load(memory, load, BYTE)
                        .store(memory, store, BYTE);
                };
                while_at_least(backward, n, WORD, |body| {
                    from_end(body, WORD, word_load, word_store)
                });
                while_at_least(backward, n, 1, |body| {
                    from_end(body, 1, byte_load, byte_store)
                });
            },
        );
    builder.finish(vec![dst, src, n], &mut module.funcs)
}

/// `fill(dst, value, n)`: sets `n` bytes to the low byte of `value`, like `memory.fill`: whole
/// 8-byte words of that byte first, then the remaining bytes.
fn add_fill(module: &mut Module, memory: MemoryId) -> FunctionId {
    let ([dst, value, n], mut builder) = helper(module, "__casper_dsl_memory_fill");
    let word = module.locals.add(ValType::I64);
    let mut body = builder.func_body();
    // The low byte repeated in all eight bytes of a word.
    body.local_get(value)
        .i32_const(0xff)
        .binop(BinaryOp::I32And)
        .unop(UnaryOp::I64ExtendUI32)
        .i64_const(0x0101_0101_0101_0101)
        .binop(BinaryOp::I64Mul)
        .local_set(word);
    while_at_least(&mut body, n, WORD, |body| {
        body.local_get(dst)
            .local_get(word)
            .store(memory, StoreKind::I64 { atomic: false }, BYTE);
        step(body, dst, WORD);
        step(body, n, -WORD);
    });
    while_at_least(&mut body, n, 1, |body| {
        body.local_get(dst).local_get(value).store(
            memory,
            StoreKind::I32_8 { atomic: false },
            BYTE,
        );
        step(body, dst, 1);
        step(body, n, -1);
    });
    builder.finish(vec![dst, value, n], &mut module.funcs)
}

/// Runs `body` while the unsigned `n` is at least `least`, testing before the first run and
/// after each (one `br_if` per iteration, no `br`, which costs more than three times as much).
/// `body` must lower `n`.
fn while_at_least(
    seq: &mut walrus::InstrSeqBuilder<'_>,
    n: walrus::LocalId,
    least: i32,
    body: impl Fn(&mut walrus::InstrSeqBuilder<'_>),
) {
    seq.block(None, |skip| {
        let skip_id = skip.id();
        skip.local_get(n)
            .i32_const(least)
            .binop(BinaryOp::I32LtU)
            .br_if(skip_id);
        skip.loop_(None, |repeat| {
            let again = repeat.id();
            body(repeat);
            repeat
                .local_get(n)
                .i32_const(least)
                .binop(BinaryOp::I32GeU)
                .br_if(again);
        });
    });
}

/// `local += by`.
fn step(body: &mut walrus::InstrSeqBuilder<'_>, local: walrus::LocalId, by: i32) {
    body.local_get(local)
        .i32_const(by)
        .binop(BinaryOp::I32Add)
        .local_set(local);
}
