//! The generated installer of a stored contract, and the once-only guards of its `#[init]` and
//! `#[upgrade]`.

use alloc::{borrow::Cow, collections::BTreeMap, collections::BTreeSet, string::String, vec::Vec};
use casper_contract::{
    contract_api::{runtime, storage},
    ext_ffi,
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{
    contract_messages::MessageTopicOperation,
    contracts::{ContractHash, ContractPackageHash, NamedKeys},
    AccessRights, CLType, EntityEntryPoint, EntryPointAccess, EntryPointPayment, EntryPointType,
    EntryPoints, Group, Key, Parameter, RuntimeArgs, URef,
};

use crate::{
    args::present_arg, errors, interface::insert_arg, named_keys::get_key, signature::Argument,
};

/// The install argument that asks the installer to add a version to the installing account's
/// existing package (`true`) instead of creating one. Without it, an install that finds the
/// package reverts with [`errors::ALREADY_INSTALLED`]. The generated `upgrader(...)` sets it.
pub const UPGRADE_ARG: &str = "upgrade";

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

// One shared body for every row of the table, rather than a copy inlined per entry point
// (measured: -442 B on the counter).
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

/// The installing account's named keys for contract `<name>`, or for its instance `<instance>`
/// (`<name>_<instance>_...`, the way the Casper reference contracts name an account's handles
/// after the instance). See [`crate::Install::account_key`], which names them the same way.
pub struct AccountKeys {
    /// `<name>` or `<name>_<instance>`.
    prefix: Cow<'static, str>,
    /// `<prefix>_package_hash`: the contract package (`Key::Hash`).
    package_hash: Cow<'static, str>,
    /// `<prefix>_access_uref`: the package's access URef, needed to upgrade it.
    access_uref: Cow<'static, str>,
    /// `<prefix>_contract_hash`: the latest installed contract version (`Key::Hash`).
    contract_hash: Cow<'static, str>,
}

impl AccountKeys {
    /// The keys of a contract installed once per account, spelled out at compile time:
    /// `<name>`, `<name>_package_hash`, `<name>_access_uref`, `<name>_contract_hash`.
    pub fn fixed(
        name: &'static str,
        package_hash: &'static str,
        access_uref: &'static str,
        contract_hash: &'static str,
    ) -> Self {
        AccountKeys {
            prefix: Cow::Borrowed(name),
            package_hash: Cow::Borrowed(package_hash),
            access_uref: Cow::Borrowed(access_uref),
            contract_hash: Cow::Borrowed(contract_hash),
        }
    }

    /// The keys of the instance `instance` of contract `name`: `<name>_<instance>_...`.
    pub fn for_instance(name: &str, instance: &str) -> Self {
        let prefix = [name, "_", instance].concat();
        AccountKeys {
            package_hash: Cow::Owned([prefix.as_str(), "_package_hash"].concat()),
            access_uref: Cow::Owned([prefix.as_str(), "_access_uref"].concat()),
            contract_hash: Cow::Owned([prefix.as_str(), "_contract_hash"].concat()),
            prefix: Cow::Owned(prefix),
        }
    }

    /// `<prefix>_<label>_group`: where the installing account keeps the URef of user group
    /// `label`.
    fn group(&self, label: &str) -> String {
        [&*self.prefix, "_", label, "_group"].concat()
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
    let existing = get_key(&keys.package_hash).and_then(|key| key.into_hash_addr());
    match (existing, upgrade) {
        (Some(address), true) => {
            return Package {
                hash: ContractPackageHash::new(address),
                is_new: false,
                previous: get_key(&keys.contract_hash)
                    .and_then(|key| key.into_hash_addr())
                    .map(ContractHash::new),
            }
        }
        (Some(_), false) => runtime::revert(errors::ALREADY_INSTALLED),
        (None, true) => runtime::revert(errors::NOT_INSTALLED),
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
    runtime::put_key(&keys.package_hash, Key::Hash(package));
    let access = URef::new(access, AccessRights::READ_ADD_WRITE);
    runtime::put_key(&keys.access_uref, Key::URef(access));
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
        if get_key(&account_key).is_none() {
            let urefs =
                storage::create_contract_user_group(package.hash, label, 1, BTreeSet::new())
                    .unwrap_or_revert();
            runtime::put_key(&account_key, Key::URef(urefs[0]));
        }
    }
}

/// The topics to register with the version: all of them for a new package; none for a new
/// version, which keeps the current one's (`emit` registers a topic the package lacks).
// Called once per module, from the installer: inlining costs no size and lets the
// optimizer drop what this contract does not use (topics, groups, an upgrade hook).
#[inline(always)]
pub fn message_topics(
    package: &Package,
    topics: &[&str],
) -> BTreeMap<String, MessageTopicOperation> {
    let topics = if package.is_new { topics } else { &[] };
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
    let (contract_hash, _version) =
        storage::add_contract_version(package.hash, entry_points, named_keys, topics);
    runtime::put_key(&keys.contract_hash, Key::Hash(contract_hash.value()));
    if let (Some(previous), false) = (package.previous, keep_previous) {
        storage::disable_contract_version(package.hash, previous).unwrap_or_revert();
    }
    if let Some(call) = lifecycle {
        runtime::call_contract::<()>(contract_hash, call.entry_point, call.args);
    }
}

/// First statement of the generated `#[init]` entry point: lets exactly one call through (the
/// installer's) and reverts every later one with [`errors::ALREADY_INITIALIZED`].
pub fn begin_init() {
    begin_once(INIT_PENDING);
}

/// First statement of the generated `#[upgrade]` entry point: lets exactly one call per new
/// version through (the installer's) and reverts every other with
/// [`errors::ALREADY_INITIALIZED`].
pub fn begin_upgrade() {
    begin_once(UPGRADE_PENDING);
}

fn begin_once(pending: &str) {
    if !runtime::has_key(pending) {
        runtime::revert(errors::ALREADY_INITIALIZED);
    }
    runtime::remove_key(pending);
}
