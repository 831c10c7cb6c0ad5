//! The `cep18` example written by hand against casper-contract, as the Casper docs teach: one
//! `#[no_mangle]` function per entry point, `get_named_arg` per argument, an entry-point table
//! built by hand, and an installer that creates the package and a version, puts the reference
//! contract's account keys (`cep18_contract_package_<name>`, `cep18_contract_hash_<name>`, ...)
//! into the installing account, then calls the contract's `init` once to create its
//! dictionaries, mint the supply and hand out the first security badges.
//!
//! Install arguments: `name`, `symbol`, `decimals`, `total_supply` (minted to the installer),
//! and, optional and bare as the reference takes them, `enable_mint_burn: u8` (0, the default,
//! turns `mint`, `burn` and `change_security` off), `events_mode: u8` (0 none, the default; 1
//! the Casper Event Standard; 2 native messages; 3 both), `admin_list: Vec<Key>` and
//! `minter_list: Vec<Key>`. Every entry point is public: who may `mint` (admins and minters)
//! and `change_security` (admins) is decided by the badges in the `security_badges`
//! dictionary, not by a user group; the installer is an admin.
//!
//! Balances, allowances and badges are keyed by `Key`: an account (`Key::Account`) or a
//! contract package (`Key::Hash`), whichever is the immediate caller. Events are recorded as
//! `events_mode` says, read on every event as the reference does: CES records through the
//! `casper-event-standard` crate, native messages (a topic per event) whose payload is the
//! `bytesrepr` encoding of their fields, one after the other.
#![no_std]

extern crate alloc;

use alloc::{collections::BTreeMap, string::String, vec, vec::Vec};

use base64::{engine::general_purpose::STANDARD, Engine};
use casper_contract::{
    contract_api::{runtime, storage},
    ext_ffi,
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{
    account::AccountHash,
    api_error,
    bytesrepr::{self, Bytes, FromBytes, ToBytes},
    contract_messages::{MessagePayload, MessageTopicOperation},
    contracts::{ContractPackageHash, NamedKeys},
    system::CallerInfo,
    ApiError, CLType, CLTyped, CLValue, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Key, PackageHash, Parameter, RuntimeArgs, URef, U256,
};
// The same panic handler and allocator as the DSL's contracts.
use casper_dsl as _;
use casper_event_standard::{try_full_name_from_bytes, Event, EventInstance, Schemas};

// Contract named keys.
const NAME: &str = "name";
const SYMBOL: &str = "symbol";
const DECIMALS: &str = "decimals";
const TOTAL_SUPPLY: &str = "total_supply";
const ENABLE_MINT_BURN: &str = "enable_mint_burn";
const BALANCES: &str = "balances";
const ALLOWANCES: &str = "allowances";
const SECURITY_BADGES: &str = "security_badges";
/// The token's package (`Key::Hash`), as the reference contract keeps it.
const PACKAGE_HASH: &str = "package_hash";

// Optional arguments, given bare (`Vec<Key>`) or left out.
const ADMIN_LIST: &str = "admin_list";
const MINTER_LIST: &str = "minter_list";
const NONE_LIST: &str = "none_list";

// Installing account's named keys.
/// The installing account's named key `kind` for the token `name`, named after the token as the
/// reference contract does: `cep18_<kind>_<name>`.
fn account_key(kind: &str, name: &str) -> String {
    ["cep18_", kind, "_", name].concat()
}

const INIT: &str = "init";

// Security badges, stored as `u8`s as the reference stores them.
/// Mints, and grants and revokes badges.
const ADMIN: u8 = 0;
/// Mints.
const MINTER: u8 = 1;
/// No rights: what `change_security`'s `none_list` sets.
const NO_RIGHTS: u8 = 2;

// Events, declared with the Casper Event Standard's derive as the reference declares them.
#[derive(Event)]
struct Mint {
    recipient: Key,
    amount: U256,
}

#[derive(Event)]
struct Burn {
    owner: Key,
    amount: U256,
}

#[derive(Event)]
struct SetAllowance {
    owner: Key,
    spender: Key,
    allowance: U256,
}

#[derive(Event)]
struct IncreaseAllowance {
    owner: Key,
    spender: Key,
    allowance: U256,
    inc_by: U256,
}

#[derive(Event)]
struct DecreaseAllowance {
    owner: Key,
    spender: Key,
    allowance: U256,
    decr_by: U256,
}

#[derive(Event)]
struct Transfer {
    sender: Key,
    recipient: Key,
    amount: U256,
}

#[derive(Event)]
struct TransferFrom {
    spender: Key,
    owner: Key,
    recipient: Key,
    amount: U256,
}

#[derive(Event)]
struct ChangeSecurity {
    admin: Key,
    sec_change_map: BTreeMap<Key, u8>,
}

/// The contract named key, and install argument, of the events mode.
const EVENTS_MODE: &str = "events_mode";
const EVENTS_CES: u8 = 1;
const EVENTS_NATIVE: u8 = 2;
const EVENTS_BOTH: u8 = 3;

/// `CallerInfo` field indices (casper-types `system::caller`); each field is an `Option`.
const CALLER_ACCOUNT: u8 = 0;
const CALLER_PACKAGE: u8 = 1;
const CALLER_CONTRACT_PACKAGE: u8 = 2;

/// What an install reverts with when the account already holds a token of that name: the code
/// casper-dsl uses for an install over an existing package, so that both sides of the benchmark
/// fail alike.
const ALREADY_INSTALLED: ApiError = ApiError::User(65_533);

/// What an install reverts with when `events_mode` names no mode: casper-dsl's code, again so
/// that both sides fail alike.
const INVALID_EVENTS_MODE: ApiError = ApiError::User(65_531);

/// The schemas of every event, as CES keeps them in `__events_schema`.
fn schemas() -> Schemas {
    Schemas::new()
        .with::<Mint>()
        .with::<Burn>()
        .with::<SetAllowance>()
        .with::<IncreaseAllowance>()
        .with::<DecreaseAllowance>()
        .with::<Transfer>()
        .with::<TransferFrom>()
        .with::<ChangeSecurity>()
}

/// The reference implementation's error codes.
#[repr(u16)]
#[derive(Clone, Copy)]
enum Cep18Error {
    InsufficientBalance = 60001,
    InsufficientAllowance = 60002,
    Overflow = 60003,
    /// `mint` by a caller without an admin or minter badge, `change_security` by a non-admin.
    InsufficientRights = 60010,
    /// A second call of `init`.
    AlreadyInitialized = 60015,
    MintBurnDisabled = 60016,
    CannotTargetSelfUser = 60017,
    /// `burn` of tokens the caller does not hold.
    InvalidBurnTarget = 60018,
}

impl From<Cep18Error> for ApiError {
    fn from(error: Cep18Error) -> Self {
        ApiError::User(error as u16)
    }
}

// ---- Arguments ----

/// The optional runtime argument `name`, given bare (a `u8`, not an `Option<u8>`) as the
/// reference's optional arguments are: `None` if the caller left it out. A value that does not
/// decode as a `T` reverts with `ApiError::InvalidArgument` (casper-contract's
/// `try_get_named_arg` would take it for a missing argument).
fn optional_named_arg<T: FromBytes>(name: &str) -> Option<T> {
    let mut size = 0usize;
    // SAFETY: the host reads `name` within its length and writes one `usize` to `size`.
    let status =
        unsafe { ext_ffi::casper_get_named_arg_size(name.as_ptr(), name.len(), &mut size) };
    match api_error::result_from(status) {
        Ok(()) => {}
        Err(ApiError::MissingArgument) => return None,
        Err(error) => runtime::revert(error),
    }
    let mut bytes = vec![0u8; size];
    if size > 0 {
        // SAFETY: `bytes` holds `size` bytes, which the host fills.
        let status = unsafe {
            ext_ffi::casper_get_named_arg(name.as_ptr(), name.len(), bytes.as_mut_ptr(), size)
        };
        api_error::result_from(status).unwrap_or_revert();
    }
    Some(bytesrepr::deserialize(bytes).unwrap_or_revert_with(ApiError::InvalidArgument))
}

// ---- Storage helpers ----

/// The URef under the contract's named key `name`.
fn uref_of(name: &str) -> URef {
    runtime::get_key(name)
        .unwrap_or_revert_with(ApiError::MissingKey)
        .into_uref()
        .unwrap_or_revert_with(ApiError::UnexpectedKeyVariant)
}

fn read_value<T: CLTyped + FromBytes>(name: &str) -> T {
    storage::read_or_revert(uref_of(name))
}

/// Dictionary item key of `holder`'s balance or badge: base64 of its bytes.
fn holder_item_key(holder: Key) -> String {
    STANDARD.encode(holder.to_bytes().unwrap_or_revert())
}

/// Dictionary item key of the allowance `owner` gave `spender`: hex of the BLAKE2b digest of
/// both keys' bytes.
fn allowance_item_key(owner: Key, spender: Key) -> String {
    let mut bytes = owner.to_bytes().unwrap_or_revert();
    bytes.append(&mut spender.to_bytes().unwrap_or_revert());
    base16::encode_lower(&runtime::blake2b(bytes))
}

/// The value under `item_key` in the dictionary `dictionary`, zero if there is none.
fn read_amount(dictionary: URef, item_key: &str) -> U256 {
    storage::dictionary_get(dictionary, item_key)
        .unwrap_or_revert()
        .unwrap_or_default()
}

fn read_balance(balances: URef, owner: Key) -> U256 {
    read_amount(balances, &holder_item_key(owner))
}

fn write_balance(balances: URef, owner: Key, amount: U256) {
    storage::dictionary_put(balances, &holder_item_key(owner), amount);
}

fn read_allowance(allowances: URef, owner: Key, spender: Key) -> U256 {
    read_amount(allowances, &allowance_item_key(owner, spender))
}

fn write_allowance(allowances: URef, owner: Key, spender: Key, amount: U256) {
    storage::dictionary_put(allowances, &allowance_item_key(owner, spender), amount);
}

/// `holder`'s badge, `None` if it was never given one.
fn read_badge(badges: URef, holder: Key) -> Option<u8> {
    storage::dictionary_get(badges, &holder_item_key(holder)).unwrap_or_revert()
}

fn write_badge(badges: URef, holder: Key, badge: u8) {
    storage::dictionary_put(badges, &holder_item_key(holder), badge);
}

// ---- Callers and events ----

/// An `Option<T>` field of `caller`, `None` if absent.
fn caller_field<T: CLTyped + FromBytes>(caller: &CallerInfo, index: u8) -> Option<T> {
    caller
        .get_field_by_index(index)?
        .to_t::<Option<T>>()
        .ok()
        .flatten()
}

/// The immediate caller: `Key::Account` for an account, `Key::Hash` of its package for a
/// contract.
fn immediate_caller() -> Key {
    let caller = runtime::get_immediate_caller().unwrap_or_revert();
    if let Some(account) = caller_field::<AccountHash>(&caller, CALLER_ACCOUNT) {
        return Key::Account(account);
    }
    let package = caller_field::<ContractPackageHash>(&caller, CALLER_CONTRACT_PACKAGE)
        .map(|hash| hash.value())
        .or_else(|| caller_field::<PackageHash>(&caller, CALLER_PACKAGE).map(|hash| hash.value()))
        .unwrap_or_revert_with(ApiError::InvalidCallerInfoRequest);
    Key::Hash(package)
}

/// Records `event` as the contract's events mode says: a CES record, a message on the topic
/// named after it whose payload is its fields (the record without its `event_<Name>` prefix),
/// both, or nothing.
fn record<E: ToBytes + EventInstance>(event: E) {
    let mode: u8 = read_value(EVENTS_MODE);
    if mode == 0 {
        return;
    }
    let bytes = event.to_bytes().unwrap_or_revert();
    if mode == EVENTS_NATIVE || mode == EVENTS_BOTH {
        let name_length = try_full_name_from_bytes(&bytes)
            .unwrap_or_revert()
            .serialized_length();
        let payload = MessagePayload::Bytes(Bytes::from(bytes[name_length..].to_vec()));
        runtime::emit_message(&E::name(), &payload).unwrap_or_revert();
    }
    if mode == EVENTS_CES || mode == EVENTS_BOTH {
        casper_event_standard::emit_bytes(Bytes::from(bytes));
    }
}

fn return_value<T: CLTyped + ToBytes>(value: T) -> ! {
    runtime::ret(CLValue::from_t(value).unwrap_or_revert())
}

// ---- Token logic ----

fn require_mint_and_burn() {
    let enabled: u8 = read_value(ENABLE_MINT_BURN);
    if enabled == 0 {
        runtime::revert(Cep18Error::MintBurnDisabled);
    }
}

/// Reverts unless `caller` holds one of the badges `allowed` in `badges`.
fn require_badge(badges: URef, caller: Key, allowed: &[u8]) {
    match read_badge(badges, caller) {
        Some(badge) if allowed.contains(&badge) => {}
        _ => runtime::revert(Cep18Error::InsufficientRights),
    }
}

/// The caller, who gives `spender` an allowance: never itself.
fn allowance_owner(spender: Key) -> Key {
    let owner = immediate_caller();
    if owner == spender {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
    }
    owner
}

/// Moves `amount` from `sender` to `recipient`; a zero amount reads and writes nothing.
fn move_tokens(sender: Key, recipient: Key, amount: U256) {
    if amount.is_zero() {
        return;
    }
    let balances = uref_of(BALANCES);
    let sender_left = read_balance(balances, sender)
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::InsufficientBalance);
    let recipient_total = read_balance(balances, recipient)
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    write_balance(balances, sender, sender_left);
    write_balance(balances, recipient, recipient_total);
}

// ---- Entry points ----

/// Runs once, called by the installer in the new contract's context: creates the dictionaries,
/// records the package, credits the total supply to the installing account and badges it as an
/// admin, then badges `minter_list` as minters and `admin_list` as admins (a key in both is an
/// admin).
#[no_mangle]
pub extern "C" fn init() {
    if runtime::has_key(BALANCES) {
        runtime::revert(Cep18Error::AlreadyInitialized);
    }
    let total_supply: U256 = runtime::get_named_arg(TOTAL_SUPPLY);
    let package_hash: Key = runtime::get_named_arg(PACKAGE_HASH);
    let admin_list: Option<Vec<Key>> = optional_named_arg(ADMIN_LIST);
    let minter_list: Option<Vec<Key>> = optional_named_arg(MINTER_LIST);
    let balances = storage::new_dictionary(BALANCES).unwrap_or_revert();
    storage::new_dictionary(ALLOWANCES).unwrap_or_revert();
    let badges = storage::new_dictionary(SECURITY_BADGES).unwrap_or_revert();
    let events_mode: u8 = read_value(EVENTS_MODE);
    if events_mode == EVENTS_CES || events_mode == EVENTS_BOTH {
        casper_event_standard::init(schemas());
    }
    runtime::put_key(PACKAGE_HASH, package_hash);
    let installer = Key::Account(runtime::get_caller());
    write_balance(balances, installer, total_supply);
    write_badge(badges, installer, ADMIN);
    for minter in minter_list.unwrap_or_default() {
        write_badge(badges, minter, MINTER);
    }
    for admin in admin_list.unwrap_or_default() {
        write_badge(badges, admin, ADMIN);
    }
    record(Mint {
        recipient: installer,
        amount: total_supply,
    });
}

#[no_mangle]
pub extern "C" fn name() {
    return_value::<String>(read_value(NAME));
}

#[no_mangle]
pub extern "C" fn symbol() {
    return_value::<String>(read_value(SYMBOL));
}

#[no_mangle]
pub extern "C" fn decimals() {
    return_value::<u8>(read_value(DECIMALS));
}

#[no_mangle]
pub extern "C" fn total_supply() {
    return_value::<U256>(read_value(TOTAL_SUPPLY));
}

#[no_mangle]
pub extern "C" fn balance_of() {
    let address: Key = runtime::get_named_arg("address");
    return_value(read_balance(uref_of(BALANCES), address));
}

#[no_mangle]
pub extern "C" fn allowance() {
    let owner: Key = runtime::get_named_arg("owner");
    let spender: Key = runtime::get_named_arg("spender");
    return_value(read_allowance(uref_of(ALLOWANCES), owner, spender));
}

/// Sets the caller's allowance for `spender` to `amount`.
#[no_mangle]
pub extern "C" fn approve() {
    let spender: Key = runtime::get_named_arg("spender");
    let amount: U256 = runtime::get_named_arg("amount");
    let owner = allowance_owner(spender);
    write_allowance(uref_of(ALLOWANCES), owner, spender, amount);
    record(SetAllowance {
        owner,
        spender,
        allowance: amount,
    });
}

/// Raises the caller's allowance for `spender` by `amount`, up to `U256::MAX` at most.
#[no_mangle]
pub extern "C" fn increase_allowance() {
    let spender: Key = runtime::get_named_arg("spender");
    let amount: U256 = runtime::get_named_arg("amount");
    let owner = allowance_owner(spender);
    let allowances = uref_of(ALLOWANCES);
    let raised = read_allowance(allowances, owner, spender).saturating_add(amount);
    write_allowance(allowances, owner, spender, raised);
    record(IncreaseAllowance {
        owner,
        spender,
        allowance: raised,
        inc_by: amount,
    });
}

/// Lowers the caller's allowance for `spender` by `amount`, down to zero at most.
#[no_mangle]
pub extern "C" fn decrease_allowance() {
    let spender: Key = runtime::get_named_arg("spender");
    let amount: U256 = runtime::get_named_arg("amount");
    let owner = allowance_owner(spender);
    let allowances = uref_of(ALLOWANCES);
    let lowered = read_allowance(allowances, owner, spender).saturating_sub(amount);
    write_allowance(allowances, owner, spender, lowered);
    record(DecreaseAllowance {
        owner,
        spender,
        allowance: lowered,
        decr_by: amount,
    });
}

/// Moves `amount` of the caller's tokens to `recipient`; a zero amount moves nothing but is
/// recorded like any transfer.
#[no_mangle]
pub extern "C" fn transfer() {
    let recipient: Key = runtime::get_named_arg("recipient");
    let amount: U256 = runtime::get_named_arg("amount");
    let sender = immediate_caller();
    if sender == recipient {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
    }
    move_tokens(sender, recipient, amount);
    record(Transfer {
        sender,
        recipient,
        amount,
    });
}

/// Moves `amount` from `owner` to `recipient` within the caller's allowance, which it uses; a
/// zero amount does nothing at all (no write, no event), as in the reference.
#[no_mangle]
pub extern "C" fn transfer_from() {
    let owner: Key = runtime::get_named_arg("owner");
    let recipient: Key = runtime::get_named_arg("recipient");
    let amount: U256 = runtime::get_named_arg("amount");
    let spender = immediate_caller();
    if owner == recipient {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
    }
    if amount.is_zero() {
        return;
    }
    let allowances = uref_of(ALLOWANCES);
    let left = read_allowance(allowances, owner, spender)
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::InsufficientAllowance);
    move_tokens(owner, recipient, amount);
    write_allowance(allowances, owner, spender, left);
    record(TransferFrom {
        spender,
        owner,
        recipient,
        amount,
    });
}

/// For admins and minters: creates `amount` tokens for `owner`.
#[no_mangle]
pub extern "C" fn mint() {
    let owner: Key = runtime::get_named_arg("owner");
    let amount: U256 = runtime::get_named_arg("amount");
    require_mint_and_burn();
    require_badge(
        uref_of(SECURITY_BADGES),
        immediate_caller(),
        &[ADMIN, MINTER],
    );
    let balances = uref_of(BALANCES);
    let balance = read_balance(balances, owner)
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    let supply_uref = uref_of(TOTAL_SUPPLY);
    let supply: U256 = storage::read_or_revert(supply_uref);
    let supply = supply
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    write_balance(balances, owner, balance);
    storage::write(supply_uref, supply);
    record(Mint {
        recipient: owner,
        amount,
    });
}

/// Destroys `amount` of the caller's own tokens: `owner` must be the immediate caller.
#[no_mangle]
pub extern "C" fn burn() {
    let owner: Key = runtime::get_named_arg("owner");
    let amount: U256 = runtime::get_named_arg("amount");
    require_mint_and_burn();
    if owner != immediate_caller() {
        runtime::revert(Cep18Error::InvalidBurnTarget);
    }
    let balances = uref_of(BALANCES);
    let left = read_balance(balances, owner)
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::InsufficientBalance);
    let supply_uref = uref_of(TOTAL_SUPPLY);
    let supply: U256 = storage::read_or_revert(supply_uref);
    let supply = supply
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    write_balance(balances, owner, left);
    storage::write(supply_uref, supply);
    record(Burn { owner, amount });
}

/// For admins: badges `minter_list` as minters, `admin_list` as admins and `none_list` as
/// holders without rights, a later list winning for a key in several; the caller's own key is
/// left out, as in the reference.
#[no_mangle]
pub extern "C" fn change_security() {
    let admin_list: Option<Vec<Key>> = optional_named_arg(ADMIN_LIST);
    let minter_list: Option<Vec<Key>> = optional_named_arg(MINTER_LIST);
    let none_list: Option<Vec<Key>> = optional_named_arg(NONE_LIST);
    require_mint_and_burn();
    let badges = uref_of(SECURITY_BADGES);
    let admin = immediate_caller();
    require_badge(badges, admin, &[ADMIN]);
    let mut changes: BTreeMap<Key, u8> = BTreeMap::new();
    for (list, badge) in [
        (minter_list, MINTER),
        (admin_list, ADMIN),
        (none_list, NO_RIGHTS),
    ] {
        for key in list.unwrap_or_default() {
            changes.insert(key, badge);
        }
    }
    changes.remove(&admin);
    for (key, badge) in &changes {
        write_badge(badges, *key, *badge);
    }
    record(ChangeSecurity {
        admin,
        sec_change_map: changes,
    });
}

// ---- Installer ----

fn entry_point(name: &str, params: Vec<Parameter>, ret: CLType) -> EntityEntryPoint {
    EntityEntryPoint::new(
        name,
        params,
        ret,
        EntryPointAccess::Public,
        EntryPointType::Called,
        EntryPointPayment::Caller,
    )
}

/// The entry-point table; optional arguments (`init`'s `admin_list`, `change_security`'s
/// lists, ...) are left out of it, as the reference leaves them out, so that the engine's
/// strict argument checking accepts them given bare or not at all.
fn entry_points() -> EntryPoints {
    let key = |name: &str| Parameter::new(name, CLType::Key);
    let amount = || Parameter::new("amount", CLType::U256);
    let mut entry_points = EntryPoints::new();
    for row in [
        entry_point(
            INIT,
            vec![
                Parameter::new(NAME, CLType::String),
                Parameter::new(SYMBOL, CLType::String),
                Parameter::new(DECIMALS, CLType::U8),
                Parameter::new(TOTAL_SUPPLY, CLType::U256),
            ],
            CLType::Unit,
        ),
        entry_point("name", vec![], CLType::String),
        entry_point("symbol", vec![], CLType::String),
        entry_point("decimals", vec![], CLType::U8),
        entry_point("total_supply", vec![], CLType::U256),
        entry_point("balance_of", vec![key("address")], CLType::U256),
        entry_point(
            "allowance",
            vec![key("owner"), key("spender")],
            CLType::U256,
        ),
        entry_point("approve", vec![key("spender"), amount()], CLType::Unit),
        entry_point(
            "increase_allowance",
            vec![key("spender"), amount()],
            CLType::Unit,
        ),
        entry_point(
            "decrease_allowance",
            vec![key("spender"), amount()],
            CLType::Unit,
        ),
        entry_point("transfer", vec![key("recipient"), amount()], CLType::Unit),
        entry_point(
            "transfer_from",
            vec![key("owner"), key("recipient"), amount()],
            CLType::Unit,
        ),
        entry_point("mint", vec![key("owner"), amount()], CLType::Unit),
        entry_point("burn", vec![key("owner"), amount()], CLType::Unit),
        entry_point("change_security", vec![], CLType::Unit),
    ] {
        entry_points.add_entry_point(row);
    }
    entry_points
}

/// The installer: reads and checks every argument, refuses a token name the account already
/// installed, creates the package and the contract holding the metadata, keeps their handles
/// in the installing account, then has the contract initialise itself.
#[no_mangle]
pub extern "C" fn call() {
    let name: String = runtime::get_named_arg(NAME);
    let symbol: String = runtime::get_named_arg(SYMBOL);
    let decimals: u8 = runtime::get_named_arg(DECIMALS);
    let total_supply: U256 = runtime::get_named_arg(TOTAL_SUPPLY);
    let enable_mint_burn: u8 = optional_named_arg(ENABLE_MINT_BURN).unwrap_or(0);
    let events_mode: u8 = optional_named_arg(EVENTS_MODE).unwrap_or(0);
    if events_mode > EVENTS_BOTH {
        runtime::revert(INVALID_EVENTS_MODE);
    }
    let admin_list: Option<Vec<Key>> = optional_named_arg(ADMIN_LIST);
    let minter_list: Option<Vec<Key>> = optional_named_arg(MINTER_LIST);

    let package_key = account_key("contract_package", &name);
    if runtime::has_key(&package_key) {
        runtime::revert(ALREADY_INSTALLED);
    }
    let (package_hash, access_uref) = storage::create_contract_package_at_hash();
    runtime::put_key(&package_key, Key::Hash(package_hash.value()));
    runtime::put_key(
        &account_key("contract_package_access", &name),
        Key::URef(access_uref),
    );

    let mut named_keys = NamedKeys::new();
    named_keys.insert(String::from(NAME), storage::new_uref(name.clone()).into());
    named_keys.insert(
        String::from(SYMBOL),
        storage::new_uref(symbol.clone()).into(),
    );
    named_keys.insert(String::from(DECIMALS), storage::new_uref(decimals).into());
    named_keys.insert(
        String::from(TOTAL_SUPPLY),
        storage::new_uref(total_supply).into(),
    );
    named_keys.insert(
        String::from(ENABLE_MINT_BURN),
        storage::new_uref(enable_mint_burn).into(),
    );
    named_keys.insert(
        String::from(EVENTS_MODE),
        storage::new_uref(events_mode).into(),
    );
    let mut topics: BTreeMap<String, MessageTopicOperation> = BTreeMap::new();
    if events_mode == EVENTS_NATIVE || events_mode == EVENTS_BOTH {
        for topic in schemas().0.into_keys() {
            topics.insert(topic, MessageTopicOperation::Add);
        }
    }
    let (contract_hash, version) =
        storage::add_contract_version(package_hash, entry_points(), named_keys, topics);
    runtime::put_key(
        &account_key("contract_hash", &name),
        Key::Hash(contract_hash.value()),
    );
    runtime::put_key(
        &account_key("contract_version", &name),
        storage::new_uref(version).into(),
    );

    // The four arguments `init`'s row declares, the package it records, and the optional lists
    // that were given.
    let mut init_args = RuntimeArgs::new();
    init_args.insert(NAME, name).unwrap_or_revert();
    init_args.insert(SYMBOL, symbol).unwrap_or_revert();
    init_args.insert(DECIMALS, decimals).unwrap_or_revert();
    init_args
        .insert(TOTAL_SUPPLY, total_supply)
        .unwrap_or_revert();
    init_args
        .insert(PACKAGE_HASH, Key::Hash(package_hash.value()))
        .unwrap_or_revert();
    if let Some(admin_list) = admin_list {
        init_args.insert(ADMIN_LIST, admin_list).unwrap_or_revert();
    }
    if let Some(minter_list) = minter_list {
        init_args
            .insert(MINTER_LIST, minter_list)
            .unwrap_or_revert();
    }
    runtime::call_contract::<()>(contract_hash, INIT, init_args);
}
