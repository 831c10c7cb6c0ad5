//! The typed model of a DSL module: what `parse` extracts and `expand` turns into code.
//!
//! Plain data, built from syntax by [`crate::parse`], checked by [`crate::validate`], so every
//! rule can be unit-tested from `syn::parse_quote!` without invoking the compiler.

use casper_dsl_names::{handle, CES_KEYS, EVENTS_MODE, INSTANCE_PLACEHOLDER};
use proc_macro2::Span;
use syn::{Attribute, Expr, Ident, ItemMod, Type};

/// Which attribute the module carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `#[casper_dsl::session]`: one `call` export running in the signer's account.
    Session,
    /// `#[casper_dsl::contract]`: a stored contract with an installer.
    Contract,
}

/// A module annotated with `#[casper_dsl::session]` or `#[casper_dsl::contract]`.
pub struct DslModule {
    pub mode: Mode,
    /// The contract's name (prefix of the installer's named keys); the module name by default.
    pub name: Name,
    /// The module as the user wrote it, minus the DSL's own attributes.
    pub item: ItemMod,
    /// The module's doc comment, for the contract schema.
    pub docs: String,
    /// The functions that carry a DSL attribute, in source order.
    pub exports: Vec<Export>,
    /// The `#[state]` consts, in source order.
    pub state: Vec<StateItem>,
    /// The `#[event]` structs, in source order.
    pub events: Vec<Event>,
    /// `#[casper_dsl::contract(instance = "param")]`: the `#[init]` parameter whose value names
    /// the instance, so one account can install several (`<name>_<instance>_package_hash`, ...).
    pub instance: Option<Name>,
    /// `#[casper_dsl::contract(account_keys(...))]`: the names of the installing account's
    /// handles the user chose, instead of the default ones.
    pub account_keys: AccountKeyDecl,
    /// `#[casper_dsl::contract(locked)]`: the package takes no version after the first.
    pub locked: bool,
    /// `#[casper_dsl::contract(keep_previous_versions)]`: an upgrade leaves the version it
    /// replaces enabled (by default it is disabled).
    pub keep_previous_versions: bool,
    /// `#[casper_dsl::contract(events = ...)]`: how the contract records its events.
    pub events_mode: EventsDecl,
}

/// How a contract records its `#[event]`s: `events = ces` (the default), `native`,
/// `ces_and_native`, `none`, or `chosen_at_install` (the installer's `events_mode` argument).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventsDecl {
    /// The Casper Event Standard, what indexers read.
    #[default]
    Ces,
    /// Casper 2.0 native messages.
    Native,
    /// Both.
    CesAndNative,
    /// Not recorded.
    None,
    /// As the install argument `events_mode` says.
    ChosenAtInstall,
}

impl EventsDecl {
    /// Every mode with the word that declares it, in the order messages list them.
    pub const ALL: [(&'static str, EventsDecl); 5] = [
        ("ces", EventsDecl::Ces),
        ("native", EventsDecl::Native),
        ("ces_and_native", EventsDecl::CesAndNative),
        ("none", EventsDecl::None),
        ("chosen_at_install", EventsDecl::ChosenAtInstall),
    ];
}

/// The installing account's named keys for the contract's handles, as declared in
/// `account_keys(...)`; `{instance}` in a name stands for the instance's name.
#[derive(Default)]
pub struct AccountKeyDecl {
    pub package_hash: Option<Name>,
    pub access_uref: Option<Name>,
    pub contract_hash: Option<Name>,
    /// Only kept (a URef holding the version's number) when declared.
    pub contract_version: Option<Name>,
}

impl AccountKeyDecl {
    /// The slot of the handle `name` (one of [`handle::ALL`]).
    pub fn slot(&mut self, name: &str) -> Option<&mut Option<Name>> {
        match name {
            handle::PACKAGE_HASH => Some(&mut self.package_hash),
            handle::ACCESS_UREF => Some(&mut self.access_uref),
            handle::CONTRACT_HASH => Some(&mut self.contract_hash),
            handle::CONTRACT_VERSION => Some(&mut self.contract_version),
            _ => None,
        }
    }

    /// Each declared name with its handle.
    pub fn declared(&self) -> impl Iterator<Item = (&'static str, &Name)> {
        let slots = [
            &self.package_hash,
            &self.access_uref,
            &self.contract_hash,
            &self.contract_version,
        ];
        handle::ALL
            .into_iter()
            .zip(slots)
            .filter_map(|(handle, name)| Some((handle, name.as_ref()?)))
    }
}

/// `#[state] const NAME: Var<T> = Var::new("key");` (or a `Mapping`, a `Fixed`): created by
/// the installer under the contract named key `key`.
pub struct StateItem {
    pub ident: Ident,
    pub ty: Type,
    /// The named key, from the string literal of the initializer.
    pub key: Name,
    /// `#[state(initial = ...)]`: the value the install gives, if any.
    pub initial: Option<Initial>,
}

/// Where the installer takes a `#[state(initial = ...)]` item's value from.
#[allow(clippy::large_enum_variant)] // a handful per module; boxing buys nothing
pub enum Initial {
    /// `initial = caller`: the installing account; the span is the word's.
    Caller(Span),
    /// `initial = arg(name)`: the install argument `name`, whose type is the item's value type
    /// (`<T as InitialState>::Value`).
    Arg(Param),
}

/// `#[event] struct Transfer { ... }`: a message type with its own topic.
pub struct Event {
    pub ident: Ident,
    /// The fields, serialized in this order.
    pub fields: Vec<(Ident, Type)>,
    /// The message topic: the struct's name.
    pub topic: Name,
    /// The struct's doc comment, for the contract schema.
    pub docs: String,
}

/// A name with the span to blame when it is wrong.
#[derive(Clone, Debug)]
pub struct Name {
    pub value: String,
    pub span: Span,
}

/// The role a DSL attribute gives a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `#[call]`: the body of a session.
    Call,
    /// `#[entry_point]`: an exported entry point of a contract.
    EntryPoint,
    /// `#[init]`: the contract's once-only initializer, run by the installer.
    Init,
    /// `#[upgrade]`: run once inside each new version the installer adds to the package.
    Upgrade,
}

impl Role {
    /// Every role, in the order messages list them.
    pub const ALL: [Role; 4] = [Role::Call, Role::EntryPoint, Role::Init, Role::Upgrade];

    /// The attribute's name.
    pub fn ident(self) -> &'static str {
        match self {
            Role::Call => "call",
            Role::EntryPoint => "entry_point",
            Role::Init => "init",
            Role::Upgrade => "upgrade",
        }
    }

    /// The attribute as written in source.
    pub fn attribute(self) -> &'static str {
        match self {
            Role::Call => "#[call]",
            Role::EntryPoint => "#[entry_point]",
            Role::Init => "#[init]",
            Role::Upgrade => "#[upgrade]",
        }
    }
}

/// A function exported to the host.
pub struct Export {
    pub role: Role,
    /// Span of the DSL attribute's name (`entry_point` in `#[entry_point(...)]`).
    pub attr_span: Span,
    /// The Rust function.
    pub ident: Ident,
    /// The function's `#[cfg(...)]` attributes, repeated on everything generated for it (export,
    /// table row, typed call), so the table and the exports agree on every target.
    pub cfgs: Vec<Attribute>,
    /// The exported symbol and entry-point name.
    pub name: Name,
    pub params: Vec<Param>,
    pub output: Output,
    /// `#[entry_point(groups = ["admin"])]`: the user groups allowed to call it; `None` for a
    /// public entry point.
    pub groups: Option<Groups>,
    /// `#[init(already_initialized = error)]`: what a second call of `#[init]` reverts with.
    pub already_initialized: Option<Expr>,
    /// The function's doc comment, for the contract schema.
    pub docs: String,
}

/// The `groups = [...]` list of an entry point.
pub struct Groups {
    pub names: Vec<Name>,
    /// The whole list, to blame when it is empty.
    pub span: Span,
}

impl DslModule {
    /// Whether the installer reads the events mode from its `events_mode` argument
    /// (`events = chosen_at_install`, in a module with events).
    pub fn reads_events_mode(&self) -> bool {
        !self.events.is_empty() && self.events_mode == EventsDecl::ChosenAtInstall
    }

    /// The contract named keys (and install argument) the installer uses for the events: the
    /// Casper Event Standard's when events may be recorded as CES, `events_mode` when the
    /// installer reads it; none for a module without events.
    pub fn events_keys(&self) -> Vec<&'static str> {
        if self.events.is_empty() {
            return Vec::new();
        }
        let mut keys = Vec::new();
        if self.events_mode != EventsDecl::Native && self.events_mode != EventsDecl::None {
            keys.extend(CES_KEYS);
        }
        if self.reads_events_mode() {
            keys.push(EVENTS_MODE);
        }
        keys
    }

    /// The install arguments of the `#[state(initial = arg(name))]` items, in source order:
    /// read by every install and upgrade, as the `#[init]` or `#[upgrade]` arguments are.
    pub fn state_args(&self) -> impl Iterator<Item = &Param> {
        self.state.iter().filter_map(|item| match &item.initial {
            Some(Initial::Arg(param)) => Some(param),
            _ => None,
        })
    }

    /// The `#[init]` function, if any.
    pub fn init(&self) -> Option<&Export> {
        self.exports.iter().find(|export| export.role == Role::Init)
    }

    /// The `#[init]` parameter `instance = "..."` names, if it exists.
    pub fn instance_param(&self) -> Option<&Param> {
        let instance = self.instance.as_ref()?;
        self.init()?
            .params
            .iter()
            .find(|param| param.name.value == instance.value)
    }

    /// `<name>`, or `<name>_{instance}` for a contract with instances: the start of the
    /// default names of the installing account's keys.
    pub fn account_key_prefix(&self) -> String {
        match self.instance {
            Some(_) => format!("{}_{INSTANCE_PLACEHOLDER}", self.name.value),
            None => self.name.value.clone(),
        }
    }

    /// The installing account's named key for `handle` (one of [`handle::ALL`]):
    /// declared, or `<prefix>_<handle>` (the contract version is kept only when declared).
    pub fn account_key(&self, handle: &str) -> String {
        match self.account_keys.declared().find(|(h, _)| *h == handle) {
            Some((_, name)) => name.value.clone(),
            None => format!("{}_{handle}", self.account_key_prefix()),
        }
    }
}

impl Export {
    /// The groups allowed to call the entry point (none: it is public).
    pub fn group_names(&self) -> &[Name] {
        self.groups.as_ref().map_or(&[], |groups| &groups.names)
    }
}

/// A parameter, read from the named runtime argument of the same name.
pub struct Param {
    /// The parameter as written (`r#type`); [`Param::name`] is the argument's name (`type`).
    pub ident: Ident,
    pub name: Name,
    pub ty: Type,
}

/// What a function returns. Its meaning (a value, or `Result` that reverts on `Err`) is not
/// decided here from how the type is spelled: the generated code asks the compiler, through the
/// runtime's `Outcome` and `Completion` traits.
#[allow(clippy::large_enum_variant)] // a handful per module; boxing buys nothing
pub enum Output {
    /// No return type, or `()`: nothing is returned.
    Unit,
    /// The return type as written.
    Type(Type),
}
