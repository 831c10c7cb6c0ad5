//! Stops a build early, saying how to fix it, when `.cargo/config.toml` names
//! `casper-dsl-linker` for the target being built but it is not installed: rustc would only
//! report "linker not found" after compiling everything.

use std::{env, path::Path, process};

use casper_dsl_names::LINKER;

fn main() {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    println!("cargo:rerun-if-env-changed=PATH");
    // The linker cargo resolved for the target being built, if one is configured.
    let Some(linker) = env::var_os("RUSTC_LINKER") else {
        return;
    };
    let linker = Path::new(&linker);
    if linker.file_stem().is_none_or(|stem| stem != LINKER) || is_installed(linker) {
        return;
    }
    eprintln!(
        "error: `.cargo/config.toml` names the linker `{LINKER}` for this target, and it is not \
         installed.\n\
         Install it, with `cargo casper-dsl`, from a casper-dsl checkout: `cargo install --path \
         cli`.\n\
         Or remove the `linker` line and build with `cargo casper-dsl build`."
    );
    process::exit(1);
}

/// Whether `linker` is a file, or a program name found on `PATH`.
fn is_installed(linker: &Path) -> bool {
    if linker.components().count() > 1 {
        return linker.is_file();
    }
    let executable = format!("{LINKER}{}", env::consts::EXE_SUFFIX);
    env::var_os("PATH")
        .is_some_and(|paths| env::split_paths(&paths).any(|dir| dir.join(&executable).is_file()))
}
