//! `cargo casper-dsl`: builds casper-dsl crates into modules the Casper 2.0 engine accepts, for
//! either wasm target, scaffolds new contract and session crates, and writes contracts' Casper
//! Contract Schemas.
//!
//! Install with `cargo install --path cli` from a casper-dsl checkout, then:
//!
//! ```text
//! cargo casper-dsl build [-p CRATE]... [--target wasm32v1-none|wasm32-unknown-unknown]
//! cargo casper-dsl new NAME [--session]
//! cargo casper-dsl schema [-p CRATE]... [--out-dir DIR]
//! ```

mod build;
mod new;
mod schema;
mod workspace;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Cargo runs `cargo-casper-dsl casper-dsl <args>` for `cargo casper-dsl <args>`.
#[derive(Parser)]
#[command(name = "cargo", bin_name = "cargo")]
enum Cargo {
    /// Build and scaffold casper-dsl crates.
    #[command(name = "casper-dsl", subcommand, version)]
    CasperDsl(Command),
}

#[derive(Subcommand)]
enum Command {
    Build(build::BuildArgs),
    New(new::NewArgs),
    Schema(schema::SchemaArgs),
}

fn main() -> ExitCode {
    let Cargo::CasperDsl(command) = Cargo::parse();
    let outcome = match command {
        Command::Build(args) => build::run(&args),
        Command::New(args) => new::run(&args),
        Command::Schema(args) => schema::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
