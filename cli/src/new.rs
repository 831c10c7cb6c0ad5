//! `cargo casper-dsl new`: a contract or session crate ready to build and test.

use std::{
    fs,
    path::{Path, PathBuf},
};

/// Create a contract crate (or a session crate) that uses casper-dsl.
///
/// The code and its test (run on a local chain) are in `contract/` (or `session/`); the crate
/// at the top links them into the module to deploy, with the release profile for deployment,
/// a `rust-toolchain.toml` naming both wasm targets, and `.cargo/config.toml` naming
/// `casper-dsl-linker`, so that `cargo build --release --target wasm32-unknown-unknown` writes
/// a deployable module.
#[derive(clap::Args)]
pub struct NewArgs {
    /// The directory to create; its last component is the crate's name (e.g. `my-token`).
    path: PathBuf,
    /// Scaffold session code (one `call`, run in the signing account) instead of a contract.
    #[arg(long)]
    session: bool,
    /// The casper-dsl checkout the crate depends on (its `runtime/` and `testing/` crates).
    /// Default: the checkout this tool was installed from.
    #[arg(long, value_name = "DIR")]
    dsl_path: Option<PathBuf>,
}

/// A file of the scaffold: where it goes (`{{member}}` stands for `contract` or `session`) and
/// its template.
struct Template {
    path: &'static str,
    text: &'static str,
}

/// The files of every scaffold: the module to deploy (a `cdylib` linking the member crate), the
/// workspace, the toolchain and the linker configuration.
const COMMON: [Template; 6] = [
    Template {
        path: "Cargo.toml",
        text: include_str!("../template/Cargo.toml.tpl"),
    },
    Template {
        path: "src/lib.rs",
        text: include_str!("../template/lib.rs.tpl"),
    },
    Template {
        path: ".cargo/config.toml",
        text: include_str!("../template/cargo/config.toml.tpl"),
    },
    Template {
        path: "rust-toolchain.toml",
        text: include_str!("../template/rust-toolchain.toml.tpl"),
    },
    Template {
        path: ".gitignore",
        text: include_str!("../template/gitignore.tpl"),
    },
    Template {
        path: "{{member}}/Cargo.toml",
        text: include_str!("../template/member.Cargo.toml.tpl"),
    },
];

const CONTRACT: [Template; 2] = [
    Template {
        path: "{{member}}/src/lib.rs",
        text: include_str!("../template/contract/src/lib.rs.tpl"),
    },
    Template {
        path: "{{member}}/tests/chain.rs",
        text: include_str!("../template/contract/tests/chain.rs.tpl"),
    },
];

const SESSION: [Template; 2] = [
    Template {
        path: "{{member}}/src/lib.rs",
        text: include_str!("../template/session/src/lib.rs.tpl"),
    },
    Template {
        path: "{{member}}/tests/chain.rs",
        text: include_str!("../template/session/tests/chain.rs.tpl"),
    },
];

/// The workspace's `rust-toolchain.toml`: the scaffold pins the same toolchain.
const WORKSPACE_TOOLCHAIN: &str = include_str!("../../rust-toolchain.toml");

pub fn run(args: &NewArgs) -> Result<(), String> {
    let crate_name = crate_name(&args.path)?;
    if args.path.exists() {
        return Err(format!("`{}` already exists", args.path.display()));
    }
    let dsl = match &args.dsl_path {
        Some(dir) => dir.clone(),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
    };
    let dsl = fs::canonicalize(&dsl)
        .map_err(|error| format!("no casper-dsl checkout at `{}`: {error}", dsl.display()))?;
    let kind = if args.session { "session" } else { "contract" };
    let values = [
        ("{{member}}", kind.to_owned()),
        ("{{crate}}", crate_name.clone()),
        ("{{module}}", crate_name.replace('-', "_")),
        ("{{dsl}}", toml_string_body(&dsl.to_string_lossy())),
        ("{{toolchain}}", toolchain_channel()?),
    ];
    let specific = if args.session { &SESSION } else { &CONTRACT };
    for template in COMMON.iter().chain(specific) {
        let path = args.path.join(fill(template.path, &values));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|error| format!("cannot create `{}`: {error}", parent.display()))?;
        }
        fs::write(&path, fill(template.text, &values))
            .map_err(|error| format!("cannot write `{}`: {error}", path.display()))?;
    }
    println!(
        "Created the {kind} `{crate_name}` in {} ({kind}/src/lib.rs): `cargo test` runs it on a \
         local chain, `cargo build --release --target wasm32-unknown-unknown` writes the module \
         to deploy (with casper-dsl-linker, installed with `cargo casper-dsl`).",
        args.path.display()
    );
    Ok(())
}

/// The crate name `path` ends in, if cargo accepts it and it makes a Rust identifier.
fn crate_name(path: &Path) -> Result<String, String> {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| format!("`{}` does not end in a crate name", path.display()))?;
    let starts_well = name.starts_with(|c: char| c.is_ascii_alphabetic());
    let rest_ok = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if starts_well && rest_ok {
        Ok(name.to_owned())
    } else {
        Err(format!(
            "`{name}` cannot name a crate: use ASCII letters, digits, `-` and `_`, starting \
             with a letter"
        ))
    }
}

fn toolchain_channel() -> Result<String, String> {
    WORKSPACE_TOOLCHAIN
        .lines()
        .filter_map(|line| line.strip_prefix("channel"))
        .filter_map(|rest| rest.split('"').nth(1))
        .next()
        .map(str::to_owned)
        .ok_or_else(|| "casper-dsl's rust-toolchain.toml names no channel".to_owned())
}

/// `text` with each placeholder replaced by its value.
fn fill(text: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(text.to_owned(), |text, (placeholder, value)| {
            text.replace(placeholder, value)
        })
}

/// `value` escaped to sit between the quotes of a TOML basic string.
fn toml_string_body(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names_are_checked() {
        assert_eq!(crate_name(Path::new("a/my-token")).unwrap(), "my-token");
        assert_eq!(crate_name(Path::new("vault_2")).unwrap(), "vault_2");
        for bad in ["2fast", "my token", "-x", "é"] {
            let error = crate_name(Path::new(bad)).unwrap_err();
            assert!(error.contains("cannot name a crate"), "{error}");
        }
    }

    #[test]
    fn the_toolchain_is_the_workspace_one() {
        let channel = toolchain_channel().unwrap();
        assert!(WORKSPACE_TOOLCHAIN.contains(&format!("channel = \"{channel}\"")));
    }

    #[test]
    fn every_placeholder_of_every_template_is_filled() {
        let values = [
            ("{{member}}", "contract".to_owned()),
            ("{{crate}}", "c".to_owned()),
            ("{{module}}", "m".to_owned()),
            ("{{dsl}}", "d".to_owned()),
            ("{{toolchain}}", "t".to_owned()),
        ];
        for template in COMMON.iter().chain(&CONTRACT).chain(&SESSION) {
            let filled = fill(template.text, &values);
            assert!(!filled.contains("{{"), "{}: {filled}", template.path);
            assert!(!fill(template.path, &values).contains("{{"));
        }
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string_body(r#"C:\a "b""#), r#"C:\\a \"b\""#);
    }
}
