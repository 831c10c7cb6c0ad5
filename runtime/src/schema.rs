//! The Casper Contract Schema of a contract module, on the host: what front ends, CLIs and
//! agents read to discover a contract (entry points with their arguments and access, the
//! install call, errors with their codes, events with their fields).
//!
//! `#[casper_dsl::contract]` generates, from the same model it generates the contract from, a
//! [`ContractDescription`]; [`ContractDescription::to_schema`] turns it into the
//! `casper-contract-schema` crate's [`ContractSchema`], which `cargo casper-dsl schema` writes as
//! `<contract>_schema.json`.
//!
//! ```
//! #[casper_dsl::contract]
//! pub mod counter {
//!     use casper_dsl::prelude::*;
//!
//!     /// Adds `by` to the count and returns the new count.
//!     #[entry_point]
//!     pub fn increment(by: u64) -> u64 { by }
//! }
//!
//! let schema = counter::__casper_dsl_schema().to_schema("rustc 1.95.0");
//! assert_eq!(schema.contract_name, "counter");
//! let increment = &schema.entry_points[0];
//! assert_eq!(increment.description.as_deref(), Some("Adds `by` to the count and returns the new count."));
//! assert_eq!(increment.arguments[0].name, "by");
//! ```

use alloc::{
    boxed::Box,
    string::{String, ToString},
    vec::Vec,
};
use core::marker::PhantomData;

use casper_contract_schema::{
    Access, Argument as SchemaArgument, CallMethod, ContractSchema, CustomType, Entrypoint,
    Event as SchemaEvent, NamedCLType, StructMember, Type, TypeName, UserError,
};
use casper_types::{CLType, CLTyped};

use crate::{
    errors,
    events::Event,
    signature::{Argument, Outcome},
};

/// The version of the Casper Contract Schema format written.
const SCHEMA_FORMAT_VERSION: u8 = 1;

/// A contract module as the schema describes it. Generated; see [`ContractDescription::to_schema`].
#[derive(Clone, Debug)]
pub struct ContractDescription {
    /// The contract's name.
    pub name: &'static str,
    /// The module's doc comment.
    pub description: &'static str,
    /// The crate the contract is built from.
    pub package: PackageInfo,
    /// The entry points callers call (not `#[init]` or `#[upgrade]`, which only the installer
    /// calls), in source order.
    pub entry_points: Vec<EntryPointDescription>,
    /// The install deploy's arguments: `#[init]`'s, and `events_mode` when the installer
    /// chooses it.
    pub install_arguments: Vec<ArgumentDescription>,
    /// The user errors the entry points declare (`Result<_, E>` with a `#[casper_dsl::error]`
    /// `E`), then the codes the generated code itself reverts with; a code listed twice is
    /// written once.
    pub errors: Vec<ErrorDescription>,
    /// The `#[event]` structs.
    pub events: Vec<EventDescription>,
}

/// What the schema says about the crate a contract is built from (its `Cargo.toml`).
#[derive(Clone, Debug)]
pub struct PackageInfo {
    /// The package's version.
    pub version: &'static str,
    /// `authors`, separated by `:` as cargo gives them.
    pub authors: &'static str,
    /// `repository`, or empty.
    pub repository: &'static str,
    /// `homepage`, or empty.
    pub homepage: &'static str,
    /// The name of the module's file: `<crate name>.wasm`.
    pub wasm_file: &'static str,
}

/// An entry point: its name, doc comment, arguments, result and access.
#[derive(Clone, Debug)]
pub struct EntryPointDescription {
    /// The exported name.
    pub name: &'static str,
    /// The function's doc comment.
    pub description: &'static str,
    /// Its arguments, in order.
    pub arguments: Vec<ArgumentDescription>,
    /// The CL type it returns (`Unit` for none).
    pub returns: CLType,
    /// The user groups allowed to call it; empty for a public entry point.
    pub groups: &'static [&'static str],
}

/// A runtime argument: its name, CL type and whether a caller may leave it out.
#[derive(Clone, Debug)]
pub struct ArgumentDescription {
    /// The argument's name.
    pub name: &'static str,
    /// Its CL type.
    pub cl_type: CLType,
    /// The Rust type, to name a type Casper has no CL type for (`CLType::Any`).
    pub type_name: &'static str,
    /// Whether it may be left out: an `Option` (given as `None` or left out) or an
    /// [`Omittable`](crate::Omittable).
    pub optional: bool,
    /// What it is for; empty when nothing says.
    pub description: &'static str,
}

impl ArgumentDescription {
    /// The argument `name` of the parameter type `T`.
    pub fn of<T: Argument>(name: &'static str) -> Self {
        let cl_type = T::cl_type();
        ArgumentDescription {
            name,
            optional: !T::DECLARED || matches!(cl_type, CLType::Option(_)),
            cl_type,
            type_name: core::any::type_name::<T>(),
            description: "",
        }
    }

    /// The install argument that chooses how events are recorded (`events = chosen_at_install`).
    pub fn events_mode() -> Self {
        ArgumentDescription {
            description: "How events are recorded: 0 not at all (the default), 1 Casper Event \
                          Standard, 2 native messages, 3 both",
            optional: true,
            ..Self::of::<u8>(crate::events::EVENTS_MODE)
        }
    }

    /// The install argument that asks for an upgrade ([`crate::UPGRADE_ARG`]).
    pub fn upgrade() -> Self {
        ArgumentDescription {
            description: "true: add a version to the installing account's package instead of \
                          installing a new one",
            optional: true,
            ..Self::of::<bool>(crate::UPGRADE_ARG)
        }
    }
}

/// A user error: its name, code (`ApiError::User(code)`) and doc comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorDescription {
    /// The variant's name.
    pub name: &'static str,
    /// Its code.
    pub code: u16,
    /// Its doc comment.
    pub description: &'static str,
}

/// An `#[event]` struct: its name and doc comment; its fields come from its CES schema.
#[derive(Clone, Debug)]
pub struct EventDescription {
    /// The event's name.
    pub name: &'static str,
    /// The struct's doc comment.
    pub description: &'static str,
    /// Its fields and their CL types, in order.
    pub fields: Vec<(String, CLType)>,
}

impl EventDescription {
    /// The event `E`, documented by `description`.
    pub fn of<E: Event>(description: &'static str) -> Self {
        EventDescription {
            name: E::TOPIC,
            description,
            fields: E::schema()
                .to_vec()
                .into_iter()
                .map(|(name, cl_type)| (name, cl_type.downcast()))
                .collect(),
        }
    }
}

/// An enum declared with `#[casper_dsl::error]`: its variants, for the schema.
pub trait UserErrors {
    /// Every variant, in declaration order.
    const ERRORS: &'static [ErrorDescription];
}

/// What the schema says about a type of an exported signature, asked of the compiler:
/// generated code calls `(&&Describe::<T>::new()).argument(name)`, `.returns()` and
/// `.errors()`. A type that does not fit its place (not an [`Argument`], not an
/// [`Outcome`]) gets a placeholder here, since the interface already reports it, once, where
/// the user wrote it.
pub struct Describe<T>(PhantomData<fn() -> T>);

impl<T> Describe<T> {
    /// The description of `T`.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Describe(PhantomData)
    }
}

/// A parameter type: its argument.
pub trait DescribesArgument {
    /// The argument `name` of this parameter type.
    fn argument(&self, name: &'static str) -> ArgumentDescription;
}

impl<T: Argument> DescribesArgument for &Describe<T> {
    fn argument(&self, name: &'static str) -> ArgumentDescription {
        ArgumentDescription::of::<T>(name)
    }
}

/// An entry point's result type: the CL type it returns.
pub trait DescribesReturn {
    /// The CL type an entry point returning this type returns.
    fn returns(&self) -> CLType;
}

impl<T: Outcome> DescribesReturn for &Describe<T> {
    fn returns(&self) -> CLType {
        <T::Returned as CLTyped>::cl_type()
    }
}

/// An entry point's result type `Result<_, E>` with a `#[casper_dsl::error]` enum `E`: the
/// variants of `E`.
pub trait DeclaresErrors {
    /// The declared errors.
    fn errors(&self) -> &'static [ErrorDescription];
}

impl<T: Outcome<Error = E>, E: UserErrors> DeclaresErrors for &Describe<T> {
    fn errors(&self) -> &'static [ErrorDescription] {
        E::ERRORS
    }
}

/// Any other type: placeholders, and no user errors.
pub trait Undescribed {
    /// A placeholder argument `name` (`CLType::Any`).
    fn argument(&self, name: &'static str) -> ArgumentDescription;
    /// `CLType::Any`.
    fn returns(&self) -> CLType;
    /// None.
    fn errors(&self) -> &'static [ErrorDescription];
}

impl<T> Undescribed for Describe<T> {
    fn argument(&self, name: &'static str) -> ArgumentDescription {
        ArgumentDescription {
            name,
            cl_type: CLType::Any,
            type_name: core::any::type_name::<T>(),
            optional: false,
            description: "",
        }
    }

    fn returns(&self) -> CLType {
        CLType::Any
    }

    fn errors(&self) -> &'static [ErrorDescription] {
        &[]
    }
}

/// The codes the generated code reverts with on its own (see [`crate::errors`]).
pub const RUNTIME_ERRORS: [ErrorDescription; 4] = [
    runtime_error("Panic", errors::PANIC, "The contract code panicked."),
    runtime_error(
        "AlreadyInitialized",
        errors::ALREADY_INITIALIZED,
        "A call of the init or upgrade entry point other than the installer's.",
    ),
    runtime_error(
        "AlreadyInstalled",
        errors::ALREADY_INSTALLED,
        "An install from an account that already holds the contract, without `upgrade = true`.",
    ),
    runtime_error(
        "NotInstalled",
        errors::NOT_INSTALLED,
        "An upgrade from an account that holds no package of the contract.",
    ),
];

/// The code an install with an unknown `events_mode` reverts with.
pub const INVALID_EVENTS_MODE: ErrorDescription = runtime_error(
    "InvalidEventsMode",
    errors::INVALID_EVENTS_MODE,
    "The `events_mode` install argument names no mode (0 to 3).",
);

const fn runtime_error(
    name: &'static str,
    error: casper_types::ApiError,
    description: &'static str,
) -> ErrorDescription {
    let code = match error {
        casper_types::ApiError::User(code) => code,
        _ => panic!("runtime errors are user errors"),
    };
    ErrorDescription {
        name,
        code,
        description,
    }
}

impl ContractDescription {
    /// The contract's Casper Contract Schema; `toolchain` is the compiler it is built with
    /// (`rustc --version`).
    pub fn to_schema(&self, toolchain: &str) -> ContractSchema {
        let mut types = Vec::new();
        let events = self
            .events
            .iter()
            .map(|event| {
                types.push(CustomType::Struct {
                    name: TypeName::new(event.name),
                    description: text(event.description),
                    members: event
                        .fields
                        .iter()
                        .map(|(name, cl_type)| StructMember {
                            name: name.clone(),
                            description: None,
                            ty: Type(named(cl_type, "")),
                        })
                        .collect(),
                });
                SchemaEvent::new(event.name, event.name)
            })
            .collect();
        let mut errors: Vec<UserError> = Vec::new();
        for error in &self.errors {
            if errors.iter().all(|known| known.discriminant != error.code) {
                errors.push(UserError {
                    name: error.name.to_string(),
                    description: text(error.description),
                    discriminant: error.code,
                });
            }
        }
        let mut install_arguments: Vec<SchemaArgument> =
            self.install_arguments.iter().map(argument).collect();
        install_arguments.push(argument(&ArgumentDescription::upgrade()));
        ContractSchema {
            casper_contract_schema_version: SCHEMA_FORMAT_VERSION,
            toolchain: toolchain.to_string(),
            authors: self
                .package
                .authors
                .split(':')
                .filter(|author| !author.is_empty())
                .map(String::from)
                .collect(),
            repository: text(self.package.repository),
            homepage: text(self.package.homepage),
            contract_name: self.name.to_string(),
            contract_version: self.package.version.to_string(),
            types,
            errors,
            entry_points: self.entry_points.iter().map(entry_point).collect(),
            events,
            call: Some(CallMethod {
                wasm_file_name: self.package.wasm_file.to_string(),
                description: text(self.description),
                arguments: install_arguments,
            }),
        }
    }

    /// [`ContractDescription::to_schema`] as the JSON of a `<contract>_schema.json` file.
    ///
    /// # Panics
    ///
    /// Never for a schema this module builds (every part of it serializes).
    pub fn to_json(&self, toolchain: &str) -> String {
        self.to_schema(toolchain)
            .as_json()
            .expect("a contract schema serializes")
    }
}

fn entry_point(entry_point: &EntryPointDescription) -> Entrypoint {
    Entrypoint {
        name: entry_point.name.to_string(),
        description: text(entry_point.description),
        // The macro cannot tell an entry point that only reads from one that writes.
        is_mutable: true,
        arguments: entry_point.arguments.iter().map(argument).collect(),
        return_ty: Type(named(&entry_point.returns, "")),
        is_contract_context: true,
        access: match entry_point.groups {
            [] => Access::Public,
            groups => Access::Groups(groups.iter().map(|group| group.to_string()).collect()),
        },
    }
}

fn argument(argument: &ArgumentDescription) -> SchemaArgument {
    SchemaArgument {
        name: argument.name.to_string(),
        description: text(argument.description),
        ty: Type(named(&argument.cl_type, argument.type_name)),
        optional: argument.optional,
    }
}

/// `cl_type` in the schema's terms; `CLType::Any` is the custom type `type_name` (its last path
/// segment).
pub fn named(cl_type: &CLType, type_name: &str) -> NamedCLType {
    let inner = |cl_type: &CLType| Box::new(named(cl_type, type_name));
    match cl_type {
        CLType::Bool => NamedCLType::Bool,
        CLType::I32 => NamedCLType::I32,
        CLType::I64 => NamedCLType::I64,
        CLType::U8 => NamedCLType::U8,
        CLType::U32 => NamedCLType::U32,
        CLType::U64 => NamedCLType::U64,
        CLType::U128 => NamedCLType::U128,
        CLType::U256 => NamedCLType::U256,
        CLType::U512 => NamedCLType::U512,
        CLType::Unit => NamedCLType::Unit,
        CLType::String => NamedCLType::String,
        CLType::Key => NamedCLType::Key,
        CLType::URef => NamedCLType::URef,
        CLType::PublicKey => NamedCLType::PublicKey,
        CLType::Option(value) => NamedCLType::Option(inner(value)),
        CLType::List(value) => NamedCLType::List(inner(value)),
        CLType::ByteArray(length) => NamedCLType::ByteArray(*length),
        CLType::Result { ok, err } => NamedCLType::Result {
            ok: inner(ok),
            err: inner(err),
        },
        CLType::Map { key, value } => NamedCLType::Map {
            key: inner(key),
            value: inner(value),
        },
        CLType::Tuple1([a]) => NamedCLType::Tuple1([inner(a)]),
        CLType::Tuple2([a, b]) => NamedCLType::Tuple2([inner(a), inner(b)]),
        CLType::Tuple3([a, b, c]) => NamedCLType::Tuple3([inner(a), inner(b), inner(c)]),
        CLType::Any => NamedCLType::Custom(short_name(type_name).to_string()),
    }
}

/// `Celsius` for `my_crate::units::Celsius` (and for `Option<my_crate::Celsius>`, the innermost
/// type's).
fn short_name(type_name: &str) -> &str {
    let innermost = type_name
        .rsplit('<')
        .next()
        .unwrap_or(type_name)
        .trim_end_matches('>');
    innermost.rsplit("::").next().unwrap_or(innermost)
}

fn text(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn cl_types_map_to_the_schemas_named_types() {
        let nested = CLType::Map {
            key: Box::new(CLType::Key),
            value: Box::new(CLType::List(Box::new(CLType::Option(Box::new(CLType::U8))))),
        };
        assert_eq!(
            named(&nested, ""),
            NamedCLType::Map {
                key: Box::new(NamedCLType::Key),
                value: Box::new(NamedCLType::List(Box::new(NamedCLType::Option(Box::new(
                    NamedCLType::U8
                ))))),
            }
        );
        assert_eq!(
            named(&CLType::ByteArray(32), ""),
            NamedCLType::ByteArray(32)
        );
        assert_eq!(
            named(&CLType::Any, "my_crate::units::Celsius"),
            NamedCLType::Custom("Celsius".into())
        );
    }

    #[test]
    fn optional_arguments_are_options_and_omittables() {
        assert!(!ArgumentDescription::of::<u64>("by").optional);
        let option = ArgumentDescription::of::<Option<u64>>("memo");
        assert!(option.optional);
        assert_eq!(option.cl_type, CLType::Option(Box::new(CLType::U64)));
        let omittable = ArgumentDescription::of::<crate::Omittable<u8>>("flag");
        assert!(omittable.optional);
        assert_eq!(omittable.cl_type, CLType::U8);
    }

    #[test]
    fn an_error_code_shared_by_entry_points_is_listed_once() {
        let error = ErrorDescription {
            name: "Denied",
            code: 1,
            description: "",
        };
        let description = ContractDescription {
            name: "c",
            description: "",
            package: PackageInfo {
                version: "0.1.0",
                authors: "A <a@example.com>:B",
                repository: "",
                homepage: "",
                wasm_file: "c.wasm",
            },
            entry_points: vec![],
            install_arguments: vec![],
            errors: vec![error, error],
            events: vec![],
        };
        let schema = description.to_schema("rustc");
        assert_eq!(schema.errors.len(), 1);
        assert_eq!(schema.authors, ["A <a@example.com>", "B"]);
        assert_eq!(schema.repository, None);
        let install = schema.call.unwrap();
        assert_eq!(install.arguments.len(), 1, "`upgrade`");
        assert!(install.arguments[0].optional);
    }
}
