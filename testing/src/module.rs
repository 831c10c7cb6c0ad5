//! Reading a built wasm module.

use wasmparser::{Parser, Payload};

/// The names of the functions `wasm` exports, in the module's order.
///
/// # Panics
///
/// If `wasm` is not a valid module.
pub fn wasm_exports(wasm: &[u8]) -> Vec<String> {
    let mut names = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::ExportSection(exports) = payload.expect("a valid wasm module") {
            for export in exports {
                let export = export.expect("a valid export");
                if export.kind == wasmparser::ExternalKind::Func {
                    names.push(export.name.to_string());
                }
            }
        }
    }
    names
}
