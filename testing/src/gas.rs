//! Gas snapshots: the gas of a contract's scenarios, kept in a file in the repository, so that a
//! change that makes an install or a call cost more fails a test.

use std::{collections::BTreeMap, fmt::Write as _, fs, path::PathBuf, sync::Mutex};

use crate::{build::tested_target, chain::ADDRESSABLE_ENTITY_VARIABLE, Chain};

/// Set to `1` to write the current figures into every snapshot file instead of comparing.
pub const UPDATE_GAS_VARIABLE: &str = "CASPER_DSL_UPDATE_GAS";

/// Serialises the read-merge-write of snapshot files between the tests of one binary.
static FILES: Mutex<()> = Mutex::new(());

/// The gas figures a test records, checked against a file kept in the repository.
///
/// Engine gas is deterministic, so a figure is exact. [`GasSnapshot::check`] fails the test
/// when a recorded figure is higher than the file's; figures the file does not have yet are
/// added to it, and lower ones are reported and kept as they are until
/// `CASPER_DSL_UPDATE_GAS=1 cargo test` ([`UPDATE_GAS_VARIABLE`]) writes the current figures.
/// Figures are kept per build target and chain (`wasm32v1-none`,
/// `wasm32-unknown-unknown`, `+entities` with addressable entities on), since each has its own.
///
/// ```no_run
/// # #[casper_dsl::contract]
/// # pub mod counter {
/// #     #[init] pub fn init(start: u64) {}
/// #     #[entry_point] pub fn increment(by: u64) -> u64 { by }
/// # }
/// use casper_dsl_testing::{Chain, GasSnapshot};
/// use counter::{calls, installer};
///
/// let mut chain = Chain::new();
/// // Relative to the package directory, where cargo runs a package's tests.
/// let mut gas = GasSnapshot::new("tests/gas.txt");
/// let counter = chain.install(installer(10)).unwrap();
/// gas.record_last("install", &chain);
/// chain.call(&counter, calls::increment(5)).unwrap();
/// gas.record_last("increment(5)", &chain);
/// gas.check();
/// ```
pub struct GasSnapshot {
    path: PathBuf,
    recorded: Vec<(String, u64)>,
}

impl GasSnapshot {
    /// A snapshot kept in the file `path` (created by the first [`GasSnapshot::check`]).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        GasSnapshot {
            path: path.into(),
            recorded: Vec::new(),
        }
    }

    /// Records `gas` under `name` (one line of the file; names are unique per snapshot).
    ///
    /// # Panics
    ///
    /// If `name` was recorded already, or is empty, spans lines or starts or ends with
    /// whitespace (the file could not give it back as it is).
    #[track_caller]
    pub fn record(&mut self, name: &str, gas: u64) {
        assert!(
            !name.is_empty() && !name.contains('\n') && name.trim() == name,
            "a gas figure's name is one non-empty line without surrounding spaces: {name:?}"
        );
        assert!(
            self.recorded.iter().all(|(known, _)| known != name),
            "`{name}` is recorded twice"
        );
        self.recorded.push((name.to_owned(), gas));
    }

    /// Records the gas of `chain`'s latest execution under `name`.
    ///
    /// # Panics
    ///
    /// As [`GasSnapshot::record`].
    #[track_caller]
    pub fn record_last(&mut self, name: &str, chain: &Chain) {
        self.record(name, chain.last_execution().gas);
    }

    /// Compares the recorded figures with the file's, adds the new ones to it, and fails if
    /// any figure rose (with [`UPDATE_GAS_VARIABLE`] `=1`, writes them all instead).
    ///
    /// # Panics
    ///
    /// If a figure is higher than the file's (listing each, with the old and new gas), or if
    /// the file cannot be read or written.
    #[track_caller]
    pub fn check(self) {
        let update = std::env::var(UPDATE_GAS_VARIABLE).is_ok_and(|value| value == "1");
        let config = configuration();
        let _file = FILES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut figures = match fs::read_to_string(&self.path) {
            Ok(text) => parse(&text),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(error) => panic!("cannot read {}: {error}", self.path.display()),
        };
        let (rose, changed) = merge(&mut figures, &config, self.recorded, update);
        if changed {
            fs::write(&self.path, render(&figures))
                .unwrap_or_else(|error| panic!("cannot write {}: {error}", self.path.display()));
        }
        assert!(
            rose.is_empty(),
            "gas rose above {} (run with {UPDATE_GAS_VARIABLE}=1 if that is intended):\n{}",
            self.path.display(),
            rose.join("\n")
        );
    }
}

/// Merges the figures `recorded` under `config` into `figures`: new ones are added, and with
/// `update` every one replaces the file's. Returns the figures that rose (described), and
/// whether `figures` changed.
fn merge(
    figures: &mut Figures,
    config: &str,
    recorded: Vec<(String, u64)>,
    update: bool,
) -> (Vec<String>, bool) {
    let mut rose = Vec::new();
    let mut changed = false;
    for (name, gas) in recorded {
        let key = (config.to_owned(), name);
        match figures.get(&key) {
            Some(&kept) if gas == kept => {}
            Some(&kept) if !update && gas > kept => rose.push(format!(
                "{} ({config}): {kept} -> {gas} gas (+{})",
                key.1,
                gas - kept
            )),
            Some(&kept) if !update => println!(
                "{} ({config}): {kept} -> {gas} gas; run with {UPDATE_GAS_VARIABLE}=1 to keep it",
                key.1
            ),
            _ => {
                figures.insert(key, gas);
                changed = true;
            }
        }
    }
    (rose, changed)
}

/// The build target and chain the figures are for: `wasm32v1-none`,
/// `wasm32-unknown-unknown+entities`, ...
fn configuration() -> String {
    let entities = std::env::var(ADDRESSABLE_ENTITY_VARIABLE).is_ok_and(|value| value == "1");
    let suffix = if entities { "+entities" } else { "" };
    format!("{}{suffix}", tested_target())
}

const HEADER: &str =
    "# Gas of this crate's scenarios on the local chain, per build target and chain \
(casper-dsl-testing's GasSnapshot).\n# A test fails when a figure rises; \
CASPER_DSL_UPDATE_GAS=1 cargo test writes the current ones.\n";

type Figures = BTreeMap<(String, String), u64>;

/// The figures of a snapshot file: `<configuration> <gas> <name>` lines.
fn parse(text: &str) -> Figures {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (config, rest) = line.split_once(char::is_whitespace)?;
            let (gas, name) = rest.trim_start().split_once(char::is_whitespace)?;
            Some((
                (config.to_owned(), name.trim().to_owned()),
                gas.parse().ok()?,
            ))
        })
        .collect()
}

fn render(figures: &Figures) -> String {
    let mut text = String::from(HEADER);
    for ((config, name), gas) in figures {
        let _ = writeln!(text, "{config} {gas:>16} {name}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_file_parses_back() {
        let figures: Figures = [
            (("wasm32v1-none".into(), "install".into()), 44_599_159_373),
            (
                ("wasm32v1-none".into(), "increment(5) by the owner".into()),
                27_643_058,
            ),
            (
                ("wasm32-unknown-unknown+entities".into(), "get()".into()),
                9,
            ),
        ]
        .into();
        assert_eq!(parse(&render(&figures)), figures);
    }

    fn figures(entries: &[(&str, u64)]) -> Figures {
        entries
            .iter()
            .map(|(name, gas)| (("t".to_owned(), (*name).to_owned()), *gas))
            .collect()
    }

    fn recorded(entries: &[(&str, u64)]) -> Vec<(String, u64)> {
        entries
            .iter()
            .map(|(name, gas)| ((*name).to_owned(), *gas))
            .collect()
    }

    #[test]
    fn a_figure_that_rises_fails_and_is_not_written() {
        let mut kept = figures(&[("install", 100), ("get", 10)]);
        let (rose, changed) = merge(
            &mut kept,
            "t",
            recorded(&[("install", 101), ("get", 10)]),
            false,
        );
        assert_eq!(rose, ["install (t): 100 -> 101 gas (+1)"]);
        assert!(!changed);
        assert_eq!(kept, figures(&[("install", 100), ("get", 10)]));
    }

    #[test]
    fn new_figures_are_added_and_lower_ones_kept_until_an_update() {
        let mut kept = figures(&[("install", 100)]);
        let (rose, changed) = merge(
            &mut kept,
            "t",
            recorded(&[("install", 90), ("get", 10)]),
            false,
        );
        assert!(rose.is_empty());
        assert!(changed);
        assert_eq!(kept, figures(&[("install", 100), ("get", 10)]));

        let (rose, changed) = merge(
            &mut kept,
            "t",
            recorded(&[("install", 90), ("get", 12)]),
            true,
        );
        assert!(rose.is_empty() && changed);
        assert_eq!(kept, figures(&[("install", 90), ("get", 12)]));
    }

    #[test]
    fn each_configuration_keeps_its_own_figures() {
        let mut kept = figures(&[("install", 100)]);
        let (rose, _) = merge(&mut kept, "other", recorded(&[("install", 500)]), false);
        assert!(rose.is_empty(), "another target's figure is not compared");
        assert_eq!(kept.len(), 2);
    }
}
