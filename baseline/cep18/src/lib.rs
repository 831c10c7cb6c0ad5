//! The `cep18` example written by hand against casper-contract, as the Casper docs teach: one
//! `#[no_mangle]` function per entry point, `get_named_arg` per argument, an entry-point table
//! built by hand, and an installer that creates the package, its `admin` group and a version,
//! then calls the contract's `init` once to create its dictionaries and mint the supply.
//!
//! Balances and allowances are keyed by `Key`: an account (`Key::Account`) or a contract
//! package (`Key::Hash`), whichever is the immediate caller. Events are native messages whose
//! payload is the `bytesrepr` encoding of their fields, one after the other.
#![no_std]

extern crate alloc;

use alloc::{
    collections::{BTreeMap, BTreeSet},
    string::String,
    vec,
    vec::Vec,
};

use base64::{engine::general_purpose::STANDARD, Engine};
use casper_contract::{
    contract_api::{runtime, storage},
    unwrap_or_revert::UnwrapOrRevert,
};
use casper_types::{
    account::AccountHash,
    bytesrepr::{Bytes, FromBytes, ToBytes},
    contract_messages::{MessagePayload, MessageTopicOperation},
    contracts::{ContractPackageHash, NamedKeys},
    system::CallerInfo,
    ApiError, CLType, CLTyped, CLValue, EntityEntryPoint, EntryPointAccess, EntryPointPayment,
    EntryPointType, EntryPoints, Group, Key, PackageHash, Parameter, RuntimeArgs, URef, U256,
};
// The same panic handler and allocator as the DSL's contracts.
use casper_dsl as _;

// Contract named keys.
const NAME: &str = "name";
const SYMBOL: &str = "symbol";
const DECIMALS: &str = "decimals";
const TOTAL_SUPPLY: &str = "total_supply";
const ENABLE_MINT_BURN: &str = "enable_mint_burn";
const BALANCES: &str = "balances";
const ALLOWANCES: &str = "allowances";

// Installing account's named keys.
/// The installing account's named key `kind` for the token `name`, named after the token as the
/// reference contract does: `cep18_<name>_<kind>`.
fn account_key(name: &str, kind: &str) -> String {
    ["cep18_", name, "_", kind].concat()
}

const ADMIN_GROUP: &str = "admin";
const INIT: &str = "init";

// Event topics.
const MINT: &str = "Mint";
const BURN: &str = "Burn";
const SET_ALLOWANCE: &str = "SetAllowance";
const TRANSFER: &str = "Transfer";
const TRANSFER_FROM: &str = "TransferFrom";

/// `CallerInfo` field indices (casper-types `system::caller`); each field is an `Option`.
const CALLER_ACCOUNT: u8 = 0;
const CALLER_PACKAGE: u8 = 1;
const CALLER_CONTRACT_PACKAGE: u8 = 2;

/// What a second call of `init` reverts with: the code casper-dsl uses for a repeated
/// `#[init]`, so that both sides of the benchmark fail alike.
const ALREADY_INITIALIZED: ApiError = ApiError::User(65_534);

#[repr(u16)]
#[derive(Clone, Copy)]
enum Cep18Error {
    InsufficientBalance = 60001,
    InsufficientAllowance = 60002,
    Overflow = 60003,
    MintBurnDisabled = 60016,
    CannotTargetSelfUser = 60017,
}

impl From<Cep18Error> for ApiError {
    fn from(error: Cep18Error) -> Self {
        ApiError::User(error as u16)
    }
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

/// Dictionary item key of `owner`'s balance: base64 of its bytes.
fn balance_item_key(owner: Key) -> String {
    STANDARD.encode(owner.to_bytes().unwrap_or_revert())
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
    read_amount(balances, &balance_item_key(owner))
}

fn write_balance(balances: URef, owner: Key, amount: U256) {
    storage::dictionary_put(balances, &balance_item_key(owner), amount);
}

fn read_allowance(allowances: URef, owner: Key, spender: Key) -> U256 {
    read_amount(allowances, &allowance_item_key(owner, spender))
}

fn write_allowance(allowances: URef, owner: Key, spender: Key, amount: U256) {
    storage::dictionary_put(allowances, &allowance_item_key(owner, spender), amount);
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

/// Emits a message on `topic` whose payload is `fields` encoded one after the other.
fn emit<T: ToBytes>(topic: &str, fields: T) {
    let payload = MessagePayload::Bytes(Bytes::from(fields.to_bytes().unwrap_or_revert()));
    runtime::emit_message(topic, &payload).unwrap_or_revert();
}

fn return_value<T: CLTyped + ToBytes>(value: T) -> ! {
    runtime::ret(CLValue::from_t(value).unwrap_or_revert())
}

// ---- Token logic ----

fn require_mint_and_burn() {
    let enabled: bool = read_value(ENABLE_MINT_BURN);
    if !enabled {
        runtime::revert(Cep18Error::MintBurnDisabled);
    }
}

fn set_allowance(owner: Key, spender: Key, amount: U256) {
    if owner == spender {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
    }
    write_allowance(uref_of(ALLOWANCES), owner, spender, amount);
    emit(SET_ALLOWANCE, (owner, spender, amount));
}

/// Moves `amount` from `sender` to `recipient`; a zero amount moves nothing but is allowed.
fn move_tokens(sender: Key, recipient: Key, amount: U256) {
    if sender == recipient {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
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

/// Runs once, called by the installer in the new contract's context: creates the dictionaries
/// and credits the total supply to the installing account.
#[no_mangle]
pub extern "C" fn init() {
    if runtime::has_key(BALANCES) {
        runtime::revert(ALREADY_INITIALIZED);
    }
    let balances = storage::new_dictionary(BALANCES).unwrap_or_revert();
    storage::new_dictionary(ALLOWANCES).unwrap_or_revert();
    let total_supply: U256 = read_value(TOTAL_SUPPLY);
    let installer = Key::Account(runtime::get_caller());
    write_balance(balances, installer, total_supply);
    emit(MINT, (installer, total_supply));
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
    set_allowance(immediate_caller(), spender, amount);
}

#[no_mangle]
pub extern "C" fn increase_allowance() {
    let spender: Key = runtime::get_named_arg("spender");
    let amount: U256 = runtime::get_named_arg("amount");
    let owner = immediate_caller();
    let raised = read_allowance(uref_of(ALLOWANCES), owner, spender)
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    set_allowance(owner, spender, raised);
}

/// Lowers the caller's allowance for `spender` by `amount`, down to zero at most.
#[no_mangle]
pub extern "C" fn decrease_allowance() {
    let spender: Key = runtime::get_named_arg("spender");
    let amount: U256 = runtime::get_named_arg("amount");
    let owner = immediate_caller();
    let current = read_allowance(uref_of(ALLOWANCES), owner, spender);
    set_allowance(owner, spender, current.saturating_sub(amount));
}

#[no_mangle]
pub extern "C" fn transfer() {
    let recipient: Key = runtime::get_named_arg("recipient");
    let amount: U256 = runtime::get_named_arg("amount");
    let sender = immediate_caller();
    move_tokens(sender, recipient, amount);
    emit(TRANSFER, (sender, recipient, amount));
}

/// Moves `amount` from `owner` to `recipient` within the caller's allowance, which it uses.
#[no_mangle]
pub extern "C" fn transfer_from() {
    let owner: Key = runtime::get_named_arg("owner");
    let recipient: Key = runtime::get_named_arg("recipient");
    let amount: U256 = runtime::get_named_arg("amount");
    let spender = immediate_caller();
    if owner == recipient {
        runtime::revert(Cep18Error::CannotTargetSelfUser);
    }
    let allowances = uref_of(ALLOWANCES);
    let left = read_allowance(allowances, owner, spender)
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::InsufficientAllowance);
    move_tokens(owner, recipient, amount);
    write_allowance(allowances, owner, spender, left);
    emit(TRANSFER_FROM, (spender, owner, recipient, amount));
}

/// Admin only (checked by the engine): creates `amount` tokens for `owner`.
#[no_mangle]
pub extern "C" fn mint() {
    let owner: Key = runtime::get_named_arg("owner");
    let amount: U256 = runtime::get_named_arg("amount");
    require_mint_and_burn();
    let supply_uref = uref_of(TOTAL_SUPPLY);
    let supply: U256 = storage::read_or_revert(supply_uref);
    let supply = supply
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    let balances = uref_of(BALANCES);
    let balance = read_balance(balances, owner)
        .checked_add(amount)
        .unwrap_or_revert_with(Cep18Error::Overflow);
    write_balance(balances, owner, balance);
    storage::write(supply_uref, supply);
    emit(MINT, (owner, amount));
}

/// Admin only (checked by the engine): destroys `amount` of `owner`'s tokens.
#[no_mangle]
pub extern "C" fn burn() {
    let owner: Key = runtime::get_named_arg("owner");
    let amount: U256 = runtime::get_named_arg("amount");
    require_mint_and_burn();
    let balances = uref_of(BALANCES);
    let left = read_balance(balances, owner)
        .checked_sub(amount)
        .unwrap_or_revert_with(Cep18Error::InsufficientBalance);
    write_balance(balances, owner, left);
    let supply_uref = uref_of(TOTAL_SUPPLY);
    let supply: U256 = storage::read_or_revert(supply_uref);
    storage::write(supply_uref, supply - amount);
    emit(BURN, (owner, amount));
}

// ---- Installer ----

fn entry_point(
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

fn entry_points() -> EntryPoints {
    let public = || EntryPointAccess::Public;
    let admin = || EntryPointAccess::Groups(vec![Group::new(ADMIN_GROUP)]);
    let key = |name: &str| Parameter::new(name, CLType::Key);
    let amount = || Parameter::new("amount", CLType::U256);
    let mut entry_points = EntryPoints::new();
    for row in [
        entry_point(INIT, vec![], CLType::Unit, public()),
        entry_point("name", vec![], CLType::String, public()),
        entry_point("symbol", vec![], CLType::String, public()),
        entry_point("decimals", vec![], CLType::U8, public()),
        entry_point("total_supply", vec![], CLType::U256, public()),
        entry_point("balance_of", vec![key("address")], CLType::U256, public()),
        entry_point(
            "allowance",
            vec![key("owner"), key("spender")],
            CLType::U256,
            public(),
        ),
        entry_point(
            "approve",
            vec![key("spender"), amount()],
            CLType::Unit,
            public(),
        ),
        entry_point(
            "increase_allowance",
            vec![key("spender"), amount()],
            CLType::Unit,
            public(),
        ),
        entry_point(
            "decrease_allowance",
            vec![key("spender"), amount()],
            CLType::Unit,
            public(),
        ),
        entry_point(
            "transfer",
            vec![key("recipient"), amount()],
            CLType::Unit,
            public(),
        ),
        entry_point(
            "transfer_from",
            vec![key("owner"), key("recipient"), amount()],
            CLType::Unit,
            public(),
        ),
        entry_point("mint", vec![key("owner"), amount()], CLType::Unit, admin()),
        entry_point("burn", vec![key("owner"), amount()], CLType::Unit, admin()),
    ] {
        entry_points.add_entry_point(row);
    }
    entry_points
}

/// The installer: creates the package, its `admin` group (whose URef the installing account
/// keeps) and the contract holding the metadata, then has the contract initialise itself.
#[no_mangle]
pub extern "C" fn call() {
    let name: String = runtime::get_named_arg("name");
    let symbol: String = runtime::get_named_arg("symbol");
    let decimals: u8 = runtime::get_named_arg("decimals");
    let total_supply: U256 = runtime::get_named_arg("total_supply");
    // An `Option<bool>` argument, which may also be left out: either way `None` means false.
    let enable_mint_burn: Option<bool> =
        runtime::try_get_named_arg("enable_mint_burn").unwrap_or_default();

    let (package_hash, access_uref) = storage::create_contract_package_at_hash();
    runtime::put_key(
        &account_key(&name, "package_hash"),
        Key::Hash(package_hash.value()),
    );
    runtime::put_key(&account_key(&name, "access_uref"), Key::URef(access_uref));
    let admin = storage::create_contract_user_group(package_hash, ADMIN_GROUP, 1, BTreeSet::new())
        .unwrap_or_revert();
    runtime::put_key(&account_key(&name, "admin_group"), Key::URef(admin[0]));

    let contract_hash_key = account_key(&name, "contract_hash");
    let mut named_keys = NamedKeys::new();
    named_keys.insert(String::from(NAME), storage::new_uref(name).into());
    named_keys.insert(String::from(SYMBOL), storage::new_uref(symbol).into());
    named_keys.insert(String::from(DECIMALS), storage::new_uref(decimals).into());
    named_keys.insert(
        String::from(TOTAL_SUPPLY),
        storage::new_uref(total_supply).into(),
    );
    named_keys.insert(
        String::from(ENABLE_MINT_BURN),
        storage::new_uref(enable_mint_burn.unwrap_or(false)).into(),
    );
    let topics: BTreeMap<String, MessageTopicOperation> =
        [MINT, BURN, SET_ALLOWANCE, TRANSFER, TRANSFER_FROM]
            .into_iter()
            .map(|topic| (String::from(topic), MessageTopicOperation::Add))
            .collect();
    let (contract_hash, _version) =
        storage::add_contract_version(package_hash, entry_points(), named_keys, topics);
    runtime::put_key(&contract_hash_key, Key::Hash(contract_hash.value()));
    runtime::call_contract::<()>(contract_hash, INIT, RuntimeArgs::new());
}
