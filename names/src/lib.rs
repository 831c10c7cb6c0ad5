//! The names the casper-dsl crates must agree on, in one place: the macro generates code with
//! them, the runtime reads and writes them on chain, the build pipeline and the linker look
//! for them in modules and builds, the test kit finds installed contracts by them.
//!
//! Each is a string (or number) contract between two or more crates; ARCHITECTURE.md lists
//! which crate writes and which reads each one.
#![no_std]

/// The export the engine runs: a session's body, a contract's installer.
pub const CALL_EXPORT: &str = "call";

/// The module of typed entry-point calls generated in a contract module (`calls::increment(5)`).
pub const CALLS_MODULE: &str = "calls";

/// The install builder generated in a contract module (`installer(start)`).
pub const INSTALLER_FN: &str = "installer";

/// The upgrade builder generated in a contract module (`upgrader(..)`).
pub const UPGRADER_FN: &str = "upgrader";

/// Prefix of every identifier and named key the generated code uses for itself; users may not
/// take names starting with it.
pub const RESERVED_PREFIX: &str = "__casper_dsl";

/// The install argument that asks the installer to add a version to the installing account's
/// package (`true`) instead of creating one; no `#[init]` or `#[upgrade]` parameter may take it.
pub const UPGRADE_ARG: &str = "upgrade";

/// The install argument, and the contract named key, holding the events mode of a contract that
/// lets its installer choose it (`events = chosen_at_install`), as the CEP-18 reference names it.
pub const EVENTS_MODE: &str = "events_mode";

/// The contract named keys of the Casper Event Standard (casper-event-standard's `EVENTS_DICT`,
/// `EVENTS_LENGTH`, `EVENTS_SCHEMA`, `CES_VERSION_KEY`), which the installer of a contract that
/// records CES events creates; no `#[state]` item may take them.
pub const CES_KEYS: [&str; 4] = [
    "__events",
    "__events_length",
    "__events_schema",
    "__events_ces_version",
];

/// The crate-level macro every contract or session module defines (a second module in the
/// crate is then a compile error at its name); `MODULE_MACRO!(schema)` is a contract's schema
/// description, which `cargo casper-dsl schema` calls.
pub const MODULE_MACRO: &str = "__casper_dsl_only_one_contract_or_session_module_per_crate";

/// The compile error `MODULE_MACRO!(schema)` raises in a crate of session code.
pub const NO_SCHEMA: &str = "session code has no contract schema";

/// The cargo feature a contract crate declares and its dependents turn on: it removes the
/// crate's wasm exports, which would clash with the dependent's own.
pub const AS_DEPENDENCY_FEATURE: &str = "as-dependency";

/// The deprecated item a module's expansion uses to warn that it is compiled with bulk-memory
/// instructions; tools that lower bulk memory drop that warning.
pub const BULK_MEMORY_WARNING_ITEM: &str = "BulkMemoryIsRefusedByCasper";

/// The cfg (`--cfg casper_dsl_linker`) that says `casper-dsl-linker` links the build: the
/// bulk-memory warning is then not emitted.
pub const LINKER_CFG: &str = "casper_dsl_linker";

/// The linker `cargo casper-dsl` installs for `wasm32-unknown-unknown`.
pub const LINKER: &str = "casper-dsl-linker";

/// What stands for the instance's name in an instance contract's account keys.
pub const INSTANCE_PLACEHOLDER: &str = "{instance}";

/// The installing account's handles of a contract, `<prefix>_<handle>` by default, or as
/// `account_keys(<handle> = "...")` names them.
pub mod handle {
    /// The contract package (`Key::Hash`).
    pub const PACKAGE_HASH: &str = "package_hash";
    /// The package's access URef, needed to upgrade it.
    pub const ACCESS_UREF: &str = "access_uref";
    /// The latest installed contract version (`Key::Hash`).
    pub const CONTRACT_HASH: &str = "contract_hash";
    /// A URef holding the latest version's number (`u32`); kept only when named.
    pub const CONTRACT_VERSION: &str = "contract_version";
    /// Every handle, in the order messages list them.
    pub const ALL: [&str; 4] = [PACKAGE_HASH, ACCESS_UREF, CONTRACT_HASH, CONTRACT_VERSION];
}

/// Suffix of the installing account's key holding a user group's URef:
/// `<prefix>_<group><GROUP_KEY_SUFFIX>`.
pub const GROUP_KEY_SUFFIX: &str = "_group";

/// The first `ApiError::User` code the runtime keeps for itself; a `#[casper_dsl::error]` code
/// must be below it.
pub const FIRST_RESERVED_USER_CODE: u16 = 65_000;
