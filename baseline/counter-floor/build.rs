//! Serializes the counter's entry-point table, the one `examples/counter` installs, into
//! `$OUT_DIR/entry_points.bin`: the module passes those bytes to the host as they are.

use std::{env, fs, path::Path};

use casper_types::{
    bytesrepr::ToBytes, CLType, CLTyped, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Parameter,
};

fn main() {
    let row = |name: &str, params: Vec<Parameter>, ret: CLType| {
        EntityEntryPoint::new(
            name,
            params,
            ret,
            EntryPointAccess::Public,
            EntryPointType::Called,
            EntryPointPayment::Caller,
        )
    };
    let mut table = EntryPoints::new();
    table.add_entry_point(row(
        "increment",
        vec![Parameter::new("by", CLType::U64)],
        CLType::U64,
    ));
    table.add_entry_point(row("get", vec![], CLType::U64));
    table.add_entry_point(row("reset", vec![], CLType::Unit));
    table.add_entry_point(row(
        "checkpoint",
        vec![Parameter::new("label", Option::<String>::cl_type())],
        CLType::Unit,
    ));
    let bytes = table.to_bytes().expect("the table serializes");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("entry_points.bin");
    fs::write(out, bytes).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
}
