//! The lowering is proven, not assumed: modules run before lowering (with bulk memory) and after
//! (on an engine with bulk memory turned off, which also proves the output is MVP) leave the
//! same memory behind.

use casper_dsl_build::deployable;
use proptest::prelude::*;
use wasmi::{Config, Engine, Instance, Linker, Memory, Module, Store};

/// `copy(dst, src, n)` and `fill(dst, value, n)` as single bulk-memory instructions.
const BULK: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "copy") (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill") (param i32 i32 i32)
    (memory.fill (local.get 0) (local.get 1) (local.get 2))))"#;

const MEMORY_SIZE: usize = 65_536;

#[derive(Clone, Copy, Debug)]
enum Op {
    Copy { dst: u32, src: u32, n: u32 },
    Fill { dst: u32, value: u32, n: u32 },
}

/// A module instance with bulk memory on or off.
struct Runner {
    store: Store<()>,
    instance: Instance,
    memory: Memory,
}

impl Runner {
    fn new(wasm: &[u8], bulk_memory: bool) -> Self {
        let mut config = Config::default();
        config.wasm_bulk_memory(bulk_memory);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, wasm).expect("the engine accepts the module");
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .and_then(|pre| pre.start(&mut store))
            .expect("instantiates");
        let memory = instance
            .get_memory(&store, "memory")
            .expect("exports its memory");
        Runner {
            store,
            instance,
            memory,
        }
    }

    fn run(&mut self, initial: &[u8], ops: &[Op]) -> Vec<u8> {
        self.memory.write(&mut self.store, 0, initial).unwrap();
        for op in ops {
            let (name, args) = match *op {
                Op::Copy { dst, src, n } => ("copy", (dst, src, n)),
                Op::Fill { dst, value, n } => ("fill", (dst, value, n)),
            };
            let func = self
                .instance
                .get_typed_func::<(u32, u32, u32), ()>(&self.store, name)
                .unwrap();
            func.call(&mut self.store, args)
                .expect("in-bounds ops do not trap");
        }
        self.memory.data(&self.store)[..MEMORY_SIZE].to_vec()
    }
}

fn bulk() -> Vec<u8> {
    wat::parse_str(BULK).unwrap()
}

/// The memory after `ops` on the original module and on the lowered one.
fn both(initial: &[u8], ops: &[Op]) -> (Vec<u8>, Vec<u8>) {
    let original = bulk();
    let lowered = deployable(&original).expect("lowers");
    assert_eq!((lowered.copies, lowered.fills), (1, 1));
    (
        Runner::new(&original, true).run(initial, ops),
        Runner::new(&lowered.wasm, false).run(initial, ops),
    )
}

fn pattern() -> Vec<u8> {
    (0..MEMORY_SIZE).map(|i| (i * 7 + 3) as u8).collect()
}

#[test]
fn lowered_code_needs_no_bulk_memory() {
    let lowered = deployable(&bulk()).unwrap();
    Runner::new(&lowered.wasm, false);
    assert!(Module::new(
        &Engine::new(Config::default().wasm_bulk_memory(false)),
        &bulk()[..]
    )
    .is_err());
}

#[test]
fn overlapping_copies_in_both_directions_match() {
    let cases = [
        Op::Copy {
            dst: 10,
            src: 13,
            n: 40,
        }, // dst before src, overlapping
        Op::Copy {
            dst: 13,
            src: 10,
            n: 40,
        }, // dst after src, overlapping
        Op::Copy {
            dst: 100,
            src: 100,
            n: 9,
        }, // same place
        Op::Copy {
            dst: 1,
            src: 2,
            n: 1,
        },
        Op::Copy {
            dst: 3,
            src: 1_000,
            n: 333,
        }, // disjoint, unaligned
    ];
    for op in cases {
        let (expected, actual) = both(&pattern(), &[op]);
        assert!(expected == actual, "{op:?}");
    }
}

/// The lowered copy moves 8-byte words, then single bytes: every distance between overlapping
/// ranges, both directions, around and across word boundaries, exhaustively.
#[test]
fn overlapping_copies_at_every_small_distance_match() {
    let base: u32 = 1_001; // unaligned
    for distance in -17i32..=17 {
        for n in 0..=40 {
            let op = Op::Copy {
                dst: base.checked_add_signed(distance).unwrap(),
                src: base,
                n,
            };
            let (expected, actual) = both(&pattern(), &[op]);
            assert!(expected == actual, "{op:?}");
        }
    }
}

#[test]
fn fills_of_every_small_length_match() {
    for dst in 0..8 {
        for n in 0..=40 {
            let op = Op::Fill {
                dst,
                value: 0x5A,
                n,
            };
            let (expected, actual) = both(&pattern(), &[op]);
            assert!(expected == actual, "{op:?}");
        }
    }
}

#[test]
fn zero_lengths_change_nothing() {
    let ops = [
        Op::Copy {
            dst: 5,
            src: 9,
            n: 0,
        },
        Op::Fill {
            dst: 5,
            value: 0xAB,
            n: 0,
        },
        Op::Copy {
            dst: MEMORY_SIZE as u32,
            src: 0,
            n: 0,
        },
    ];
    let (expected, actual) = both(&pattern(), &ops);
    assert!(expected == actual);
    assert!(actual == pattern());
}

#[test]
fn fills_use_the_low_byte_of_the_value() {
    let ops = [
        Op::Fill {
            dst: 7,
            value: 0x1234_56AB,
            n: 100,
        },
        Op::Fill {
            dst: MEMORY_SIZE as u32 - 3,
            value: 0xFF,
            n: 3,
        },
    ];
    let (expected, actual) = both(&pattern(), &ops);
    assert!(expected == actual);
    assert_eq!(actual[7], 0xAB);
}

fn op() -> impl Strategy<Value = Op> {
    let range = 0u32..4_096;
    prop_oneof![
        (range.clone(), range.clone(), 0u32..512).prop_map(|(dst, src, n)| Op::Copy {
            dst,
            src,
            n
        }),
        (range, any::<u32>(), 0u32..512).prop_map(|(dst, value, n)| Op::Fill { dst, value, n }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_sequences_of_copies_and_fills_match(
        seed in any::<u8>(),
        ops in prop::collection::vec(op(), 1..8),
    ) {
        let initial: Vec<u8> = pattern().iter().map(|b| b.wrapping_mul(seed | 1)).collect();
        let (expected, actual) = both(&initial, &ops);
        prop_assert!(expected == actual, "{:?}", ops);
    }
}

#[test]
fn a_module_without_bulk_memory_gains_no_helpers() {
    let mvp =
        wat::parse_str(r#"(module (memory 1) (func (export "f") (result i32) (i32.const 7)))"#)
            .unwrap();
    let lowered = deployable(&mvp).unwrap();
    assert_eq!((lowered.copies, lowered.fills), (0, 0));
    let functions = |wasm: &[u8]| {
        Module::new(&Engine::default(), wasm)
            .unwrap()
            .exports()
            .count()
    };
    assert_eq!(functions(&lowered.wasm), functions(&mvp));
    assert!(lowered.wasm.len() <= mvp.len());
}

#[test]
fn custom_sections_are_stripped() {
    let with_custom = wat::parse_str(
        r#"(module (@custom "notes" "a long note that costs install gas") (memory 1))"#,
    )
    .unwrap();
    let lowered = deployable(&with_custom).unwrap();
    assert!(!lowered.wasm.windows(5).any(|w| w == b"notes"));
    assert!(lowered.wasm.len() < with_custom.len());
}

#[test]
fn what_cannot_be_lowered_is_reported_by_function_and_instruction() {
    let wasm = wat::parse_str(
        r#"(module
          (memory 1)
          (func $to_int (param f32) (result i32) (i32.trunc_sat_f32_s (local.get 0)))
          (func $pair (result i32 i32) (i32.const 1) (i32.const 2)))"#,
    )
    .unwrap();
    let problems = deployable(&wasm).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("to_int: ") && m.contains("I32TruncSSatF32")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("2 results (multi-value)")),
        "{messages:?}"
    );
}
