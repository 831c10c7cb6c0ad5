//! The generated installer of a stored contract, and the once-only guards of its `#[init]` and
//! `#[upgrade]`.

use alloc::{borrow::Cow, collections::BTreeMap, string::String, vec::Vec};
use casper_contract::{
    contract_api::{runtime, storage},
    ext_ffi,
};
use casper_types::{
    contract_messages::MessageTopicOperation,
    contracts::{ContractHash, ContractPackageHash, NamedKeys},
    AccessRights, ApiError, CLType, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Group, Key, Parameter, RuntimeArgs, URef,
};

use casper_dsl_names::{GROUP_KEY_SUFFIX, INSTANCE_PLACEHOLDER, UPGRADE_ARG};

use crate::{
    args::present_arg,
    buffer,
    cl_value::read_host_value,
    errors::{self, revert, UnwrapOrRevert},
    events::{ces, EventsMode, EVENTS_MODE},
    interface::insert_arg,
    named_keys::{self, get_key_as, has_key, put_key},
    signature::Argument,
    state::new_dictionary_uref,
};

/// Contract named key present only between the creation of a contract and its `#[init]` call.
const INIT_PENDING: &str = "__casper_dsl_init_pending";
/// Contract named key present only between a new version and its `#[upgrade]` call.
const UPGRADE_PENDING: &str = "__casper_dsl_upgrade_pending";

/// A public entry point of a stored contract, paid by its caller.
pub fn entry_point(name: &str, params: Vec<Parameter>, ret: CLType) -> EntityEntryPoint {
    entry_point_with_access(name, params, ret, EntryPointAccess::Public)
}

/// An entry point callable only by holders of a URef of one of `groups`, paid by its caller.
pub fn group_entry_point(
    name: &str,
    params: Vec<Parameter>,
    ret: CLType,
    groups: &[&str],
) -> EntityEntryPoint {
    let groups = groups.iter().map(|group| Group::new(*group)).collect();
    entry_point_with_access(name, params, ret, EntryPointAccess::Groups(groups))
}

// One shared body for every row of the table, rather than a copy inlined per entry point: a
// smaller installer.
#[inline(never)]
fn entry_point_with_access(
    name: &str,
    params: Vec<Parameter>,
    ret: CLType,
    access: EntryPointAccess,
) -> EntityEntryPoint {
    EntityEntryPoint::new(
        name,
        params,
        ret,
        access,
        EntryPointType::Called,
        EntryPointPayment::Caller,
    )
}

/// The `#[init]` or `#[upgrade]` call the installer makes: the entry point's name and its
/// arguments, decoded from the install deploy's before anything is created.
pub struct LifecycleCall {
    entry_point: &'static str,
    args: RuntimeArgs,
}

impl LifecycleCall {
    /// A call to `entry_point` with no arguments yet.
    pub fn new(entry_point: &'static str) -> Self {
        LifecycleCall {
            entry_point,
            args: RuntimeArgs::new(),
        }
    }

    /// Adds the argument `name`, already decoded (and so checked) by the installer; encoded
    /// again from its type, so the call carries exactly what the entry point expects.
    pub fn arg<T: Argument>(mut self, name: &str, value: T) -> Self {
        insert_arg(&mut self.args, name, value);
        self
    }
}

/// Whether the install deploy asks for an upgrade ([`UPGRADE_ARG`]); a value that is not a
/// `bool` reverts with `ApiError::InvalidArgument`.
pub fn upgrade_requested() -> bool {
    present_arg::<bool>(UPGRADE_ARG).unwrap_or(false)
}

/// The names of the installing account's named keys for a contract's handles, as declared
/// (`#[casper_dsl::contract(account_keys(...))]`) or by default: `<name>_package_hash`,
/// `<name>_access_uref`, `<name>_contract_hash`, and for a contract with `instance = "..."`
/// `<name>_{instance}_package_hash`, ... ([`INSTANCE_PLACEHOLDER`] stands for the instance's
/// name). Generated code builds this; the installer and [`crate::Install::account_key`] read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountKeyNames {
    /// The contract package (`Key::Hash`).
    pub package_hash: &'static str,
    /// The package's access URef, needed to upgrade it.
    pub access_uref: &'static str,
    /// The latest installed contract version (`Key::Hash`).
    pub contract_hash: &'static str,
    /// A URef holding the latest version's number (`u32`), if the contract keeps one.
    pub contract_version: Option<&'static str>,
    /// `<name>` or `<name>_{instance}`: user group `label`'s URef is kept under
    /// `<group_prefix>_<label>_group`.
    pub group_prefix: &'static str,
}

impl AccountKeyNames {
    /// `name` with [`INSTANCE_PLACEHOLDER`] replaced by `instance` (unchanged for a contract
    /// installed once per account, whose names have no placeholder).
    // Inlined, so that a contract without instances carries no code to replace a placeholder.
    #[inline(always)]
    pub fn fill(name: &'static str, instance: Option<&str>) -> Cow<'static, str> {
        match instance {
            Some(instance) => Cow::Owned(name.replace(INSTANCE_PLACEHOLDER, instance)),
            None => Cow::Borrowed(name),
        }
    }
}

/// The installing account's named keys for this install: [`AccountKeyNames`] filled in with
/// the instance's name, if the contract has instances.
pub struct AccountKeys {
    package_hash: Cow<'static, str>,
    access_uref: Cow<'static, str>,
    contract_hash: Cow<'static, str>,
    contract_version: Option<Cow<'static, str>>,
    group_prefix: Cow<'static, str>,
}

impl AccountKeys {
    /// `names` for the instance `instance` (`None` for a contract installed once per account:
    /// the names are then used as they are, without a copy).
    // Inlined into the installer, where `instance` is a constant `None` for most contracts.
    #[inline(always)]
    pub fn new(names: &AccountKeyNames, instance: Option<&str>) -> Self {
        let fill = |name| AccountKeyNames::fill(name, instance);
        AccountKeys {
            package_hash: fill(names.package_hash),
            access_uref: fill(names.access_uref),
            contract_hash: fill(names.contract_hash),
            contract_version: names.contract_version.map(fill),
            group_prefix: fill(names.group_prefix),
        }
    }

    /// `<group_prefix>_<label>_group`: where the installing account keeps the URef of user
    /// group `label`.
    fn group(&self, label: &str) -> String {
        [&*self.group_prefix, "_", label, GROUP_KEY_SUFFIX].concat()
    }
}

/// The contract's package, as the installer found or created it.
pub struct Package {
    hash: ContractPackageHash,
    /// Created by this install: the version to add is the first.
    is_new: bool,
    /// The version the account's `<name>_contract_hash` named before this upgrade.
    previous: Option<ContractHash>,
}

/// For an upgrade, the package of the installing account's `<name>_package_hash` (reverting
/// with [`errors::NOT_INSTALLED`] if there is none); for an install, a new package (locked if
/// asked) whose hash and access URef go into the account as `<name>_package_hash` and
/// `<name>_access_uref`, reverting with [`errors::ALREADY_INSTALLED`] if the account already
/// holds one. Adding a version to an existing package needs its access URef, which the engine
/// checks, and is refused for a locked package.
// Called once per module, from the installer: inlining costs no size and lets the
// optimizer drop what this contract does not use (topics, groups, an upgrade hook).
#[inline(always)]
pub fn open_package(keys: &AccountKeys, locked: bool, upgrade: bool) -> Package {
    // Typed reads: the general `Key` decoder and its tables would sit in the data segment,
    // which is stored whole, though only the installer uses them.
    let existing = get_key_as::<ContractPackageHash>(&keys.package_hash);
    match (existing, upgrade) {
        (Some(hash), true) => {
            return Package {
                hash,
                is_new: false,
                previous: get_key_as::<ContractHash>(&keys.contract_hash),
            }
        }
        (Some(_), false) => revert(errors::ALREADY_INSTALLED),
        (None, true) => revert(errors::NOT_INSTALLED),
        (None, false) => {}
    }
    let mut package = [0u8; 32];
    let mut access = [0u8; 32];
    // SAFETY: the host writes a 32-byte hash and a 32-byte URef address.
    unsafe {
        ext_ffi::casper_create_contract_package_at_hash(
            package.as_mut_ptr(),
            access.as_mut_ptr(),
            locked,
        );
    }
    put_key(&keys.package_hash, Key::Hash(package));
    let access = URef::new(access, AccessRights::READ_ADD_WRITE);
    put_key(&keys.access_uref, Key::URef(access));
    Package {
        hash: ContractPackageHash::new(package),
        is_new: true,
        previous: None,
    }
}

/// Creates each of the user groups `labels` the installing account holds no URef of yet, with
/// one URef, put into the account under `<prefix>_<label>_group`.
// Called once per module, from the installer: inlining costs no size and lets the
// optimizer drop what this contract does not use (topics, groups, an upgrade hook).
#[inline(always)]
pub fn provision_groups(package: &Package, keys: &AccountKeys, labels: &[&str]) {
    for label in labels {
        let account_key = keys.group(label);
        if !has_key(&account_key) {
            let uref = create_group_with_one_uref(package.hash, label);
            put_key(&account_key, Key::URef(uref));
        }
    }
}

/// Creates the user group `label` of `package` with one new URef, and returns it.
///
/// casper-contract's `storage::create_contract_user_group` gives the host a four-byte slot for
/// the size of the URefs it returns, which casper-execution-engine 8.1.1 writes as eight bytes
/// (zeroing four bytes of the installer's stack); `buffer::with_wide_size` gives it eight.
fn create_group_with_one_uref(package: ContractPackageHash, label: &str) -> URef {
    // No existing URefs: an empty `BTreeSet<URef>`, serialized. The host reads the label
    // serialized too.
    const NO_UREFS: [u8; 4] = [0; 4];
    let (status, size) = buffer::with_serialized_str(label, |label| {
        // SAFETY: the host reads each buffer within its length and writes the size of the
        // list of new URefs it put in its buffer.
        buffer::with_wide_size(|size| unsafe {
            ext_ffi::casper_create_contract_user_group(
                package.as_bytes().as_ptr(),
                package.as_bytes().len(),
                label.as_ptr(),
                label.len(),
                1,
                NO_UREFS.as_ptr(),
                NO_UREFS.len(),
                size,
            )
        })
    });
    buffer::expect_success(status);
    let urefs: Vec<URef> = read_host_value(size).unwrap_or_revert();
    urefs.first().copied().unwrap_or_revert()
}

/// The events mode of this install: `fixed`, as the module's `events = ...` says, or for
/// `events = chosen_at_install` (`None`) the optional `u8` install argument [`EVENTS_MODE`]:
/// absent means [`EventsMode::None`], a number that names no mode reverts with
/// [`errors::INVALID_EVENTS_MODE`].
#[inline(always)]
pub fn events_mode(fixed: Option<EventsMode>) -> EventsMode {
    match fixed {
        Some(mode) => mode,
        None => present_arg::<u8>(EVENTS_MODE)
            .map_or(EventsMode::None, EventsMode::from_number_or_revert),
    }
}

/// Prepares the version to record its events in `mode`, and returns the message topics to
/// register with it. For CES, the contract's `__events` dictionary, `__events_length`,
/// `__events_schema` (`schemas()`) and `__events_ces_version` named keys; for native messages,
/// every topic of a new package (a new version keeps the current one's, and `emit` registers
/// a topic the package lacks); for a mode chosen at install, the contract's [`EVENTS_MODE`]
/// key. On an upgrade, named keys the current version already has win over these.
// Called once per module, from the installer: inlining costs no size and lets the
// optimizer drop what this contract does not use (topics, groups, an upgrade hook).
#[inline(always)]
pub fn prepare_events(
    package: &Package,
    mode: EventsMode,
    chosen_at_install: bool,
    topics: &[&str],
    schemas: impl FnOnce() -> ces::Schemas,
    named_keys: &mut NamedKeys,
) -> BTreeMap<String, MessageTopicOperation> {
    if chosen_at_install {
        let number = storage::new_uref(mode as u8);
        named_keys.insert(String::from(EVENTS_MODE), Key::URef(number));
    }
    if mode.records_ces() {
        let keys = [
            (ces::EVENTS_DICT, new_dictionary_uref()),
            (ces::EVENTS_LENGTH, storage::new_uref(0u32)),
            (ces::EVENTS_SCHEMA, storage::new_uref(schemas())),
            (ces::CES_VERSION_KEY, storage::new_uref(ces::CES_VERSION)),
        ];
        for (name, uref) in keys {
            named_keys.insert(String::from(name), Key::URef(uref));
        }
    }
    let topics = if package.is_new && mode.records_native() {
        topics
    } else {
        &[]
    };
    topics
        .iter()
        .map(|topic| (String::from(*topic), MessageTopicOperation::Add))
        .collect()
}

/// Adds a version to `package` with `entry_points`, `named_keys` (the `#[state]` items; named
/// keys the current version already has are carried forward by the engine and win) and
/// `topics`, puts its hash into the account under `<name>_contract_hash`, disables the version
/// it replaces (unless `keep_previous`), then makes `lifecycle`, the `#[init]` (new package) or
/// `#[upgrade]` (new version) call, inside it.
// Called once per module, from the installer: inlining costs no size and lets the
// optimizer drop what this contract does not use (topics, groups, an upgrade hook).
#[inline(always)]
pub fn add_version(
    package: Package,
    keys: &AccountKeys,
    entry_points: EntryPoints,
    mut named_keys: NamedKeys,
    topics: BTreeMap<String, MessageTopicOperation>,
    lifecycle: Option<LifecycleCall>,
    keep_previous: bool,
) {
    let pending = if package.is_new {
        INIT_PENDING
    } else {
        UPGRADE_PENDING
    };
    if lifecycle.is_some() {
        named_keys.insert(String::from(pending), Key::Hash([0; 32]));
    }
    let (contract_hash, version) =
        storage::add_contract_version(package.hash, entry_points, named_keys, topics);
    put_key(&keys.contract_hash, Key::Hash(contract_hash.value()));
    if let Some(version_key) = &keys.contract_version {
        put_key(version_key, Key::URef(storage::new_uref(version)));
    }
    if let (Some(previous), false) = (package.previous, keep_previous) {
        storage::disable_contract_version(package.hash, previous).unwrap_or_revert();
    }
    if let Some(call) = lifecycle {
        runtime::call_contract::<()>(contract_hash, call.entry_point, call.args);
    }
}

/// First statement of the generated `#[init]` entry point: lets exactly one call through (the
/// installer's) and reverts every later one with `error` ([`errors::ALREADY_INITIALIZED`]
/// unless `#[init(already_initialized = ...)]` names another).
// Inlined into the export, so that the error, a constant there, is folded into its code
// rather than converted at run time.
#[inline(always)]
pub fn begin_init(error: ApiError) {
    begin_once(INIT_PENDING, error);
}

/// First statement of the generated `#[upgrade]` entry point: lets exactly one call per new
/// version through (the installer's) and reverts every other with
/// [`errors::ALREADY_INITIALIZED`].
pub fn begin_upgrade() {
    begin_once(UPGRADE_PENDING, errors::ALREADY_INITIALIZED);
}

#[inline(always)]
fn begin_once(pending: &str, error: ApiError) {
    if !has_key(pending) {
        revert(error);
    }
    named_keys::remove_key(pending);
}
