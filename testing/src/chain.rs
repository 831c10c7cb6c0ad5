//! A local Casper chain in-process, over casper-engine-test-support's `LmdbWasmTestBuilder`.

use std::fmt::Display;

use casper_engine_test_support::{
    ChainspecConfig, DeployItemBuilder, ExecuteRequestBuilder, LmdbWasmTestBuilder,
    TransferRequestBuilder, ARG_AMOUNT, CHAINSPEC_SYMLINK, DEFAULT_ACCOUNT_ADDR,
    DEFAULT_CHAINSPEC_REGISTRY, DEFAULT_GENESIS_CONFIG_HASH, DEFAULT_PAYMENT,
    DEFAULT_PROTOCOL_VERSION, LOCAL_GENESIS_REQUEST,
};
use casper_storage::data_access_layer::GenesisRequest;
use casper_types::{
    account::AccountHash,
    bytesrepr::FromBytes,
    contracts::{ContractHash, ContractPackageHash, NamedKeys},
    runtime_args, AddressableEntity, AddressableEntityHash, CLTyped, Contract, Digest, EntityAddr,
    EntityEntryPoint, GenesisConfig, Key, PublicKey, RuntimeArgs, SecretKey, StoredValue, URef,
    U512,
};

use crate::execution::{cl_value_to, Execution};

/// What [`Chain::create_funded_account`] gives a new account: 100,000 CSPR, in motes.
///
/// This engine charges gas without taking payment from the caller's purse (payment is handled
/// by the node, outside the execution engine), so balances move only with transfers.
pub const FUNDED_ACCOUNT_BALANCE: u64 = 100_000 * 1_000_000_000;

/// A local Casper chain running in-process on the real execution engine, after genesis.
///
/// A contract is installed with [`Chain::install`] and called with [`Chain::call`], through the
/// interface its module generates (see the [crate documentation](crate)); session code runs with
/// [`Chain::run_session`]. What that left behind is read with [`Chain::last_execution`] (gas,
/// return value, events), [`Chain::account_named_keys`], [`Chain::contract_named_keys`],
/// [`Chain::read_key`], [`Chain::read_dictionary_item`], [`Chain::balance`] and
/// [`Chain::state_root`].
///
/// Every execution is committed, successful or not, and returns an [`Execution`]. Contracts are
/// stored the way a Casper 2.0 network with addressable entities off stores them: as legacy
/// `Contract`s under `Key::Hash` (see [`Chain::with_addressable_entities`] for the other kind).
///
/// Execution hashes are derived from a counter, so contract hashes and URefs are the same on
/// every run of a test.
pub struct Chain {
    builder: LmdbWasmTestBuilder,
    accounts_created: u64,
    executions: u64,
    /// The chainspec's `enable_addressable_entity`: contracts are stored as entities.
    addressable_entities: bool,
}

/// The environment variable that switches every [`Chain::new`] to addressable entities
/// (`CASPER_DSL_ADDRESSABLE_ENTITY=1 cargo test`), so one test suite proves a contract on both
/// kinds of network.
pub const ADDRESSABLE_ENTITY_VARIABLE: &str = "CASPER_DSL_ADDRESSABLE_ENTITY";

impl Default for Chain {
    fn default() -> Self {
        Self::new()
    }
}

impl Chain {
    /// A fresh chain with casper-engine-test-support's local chainspec (as on public networks,
    /// strict argument checking is off: a contract's own argument parsing is the only guard;
    /// addressable entities are off unless [`ADDRESSABLE_ENTITY_VARIABLE`] is `1`).
    ///
    /// # Panics
    ///
    /// If casper-engine-test-support's chainspec cannot be loaded, or genesis fails.
    #[track_caller]
    pub fn new() -> Self {
        let entities = std::env::var(ADDRESSABLE_ENTITY_VARIABLE).is_ok_and(|value| value == "1");
        Self::from_chainspec(local_chainspec().with_enable_addressable_entity(entities))
    }

    /// A fresh chain whose engine checks each contract call against the entry-point table:
    /// a missing non-`Option` argument fails with `ExecError::MissingArgument`, a wrong
    /// `CLType` with `ExecError::TypeMismatch`, before the contract runs.
    ///
    /// # Panics
    ///
    /// As [`Chain::new`].
    #[track_caller]
    pub fn with_strict_argument_checking() -> Self {
        Self::from_chainspec(local_chainspec().with_strict_argument_checking(true))
    }

    /// A fresh chain with addressable entities switched on (`enable_addressable_entity` in the
    /// chainspec: a one-way switch Casper networks may make; off on mainnet and testnet today).
    ///
    /// # Panics
    ///
    /// As [`Chain::new`].
    #[track_caller]
    pub fn with_addressable_entities() -> Self {
        Self::from_chainspec(local_chainspec().with_enable_addressable_entity(true))
    }

    #[track_caller]
    fn from_chainspec(chainspec: ChainspecConfig) -> Self {
        let addressable_entities = chainspec.core_config.enable_addressable_entity;
        let genesis = if addressable_entities {
            let config = match GenesisConfig::try_from(chainspec.clone()) {
                Ok(config) => config,
                Err(error) => panic!("cannot derive a genesis config: {error:?}"),
            };
            GenesisRequest::new(
                DEFAULT_GENESIS_CONFIG_HASH,
                DEFAULT_PROTOCOL_VERSION,
                config,
                DEFAULT_CHAINSPEC_REGISTRY.clone(),
            )
        } else {
            LOCAL_GENESIS_REQUEST.clone()
        };
        let mut builder = LmdbWasmTestBuilder::new_temporary_with_config(chainspec);
        builder.run_genesis(genesis);
        Chain {
            builder,
            accounts_created: 0,
            executions: 0,
            addressable_entities,
        }
    }

    /// The genesis account, funded with plenty of motes.
    pub fn default_account(&self) -> AccountHash {
        *DEFAULT_ACCOUNT_ADDR
    }

    /// Creates a new account holding [`FUNDED_ACCOUNT_BALANCE`] motes, sent from the default
    /// account. Its keys are derived from a counter, so they are the same on every run.
    ///
    /// # Panics
    ///
    /// If the transfer fails (the default account has spent what genesis gave it).
    #[track_caller]
    pub fn create_funded_account(&mut self) -> AccountHash {
        self.accounts_created += 1;
        let account = derived_public_key(self.accounts_created).to_account_hash();
        self.transfer(
            self.default_account(),
            account,
            FUNDED_ACCOUNT_BALANCE.into(),
        )
        .expect_success();
        account
    }

    /// A native transfer of `amount` motes from `from`'s main purse to `to` (an account is
    /// created for `to` if it has none), authorised by `from`.
    pub fn transfer(&mut self, from: AccountHash, to: AccountHash, amount: U512) -> Execution {
        let request = TransferRequestBuilder::new(amount, to)
            .with_initiator(from)
            .with_authorization_keys([from])
            .build();
        self.builder.transfer_and_commit(request);
        self.last_execution()
    }

    /// Runs `wasm` as session code of `sender`'s account, with the deploy arguments `args`, and
    /// commits the outcome.
    ///
    /// This is how session code is tested, since a session has no generated installer:
    /// `chain.run_session(account, wasm!(), runtime_args! { .. })` builds the crate's module
    /// with [`wasm!`](crate::wasm) and runs it.
    ///
    /// A contract's installer is session code too, but a contract with a generated interface is
    /// installed with [`Chain::install`] (also with wrong `#[init]` arguments: change the
    /// `Install`'s `args`). Run an installer here when it has no such interface (a hand-written
    /// module, or another project's), then find what it installed with
    /// [`Chain::contract_hash_under`] and [`Chain::package_hash_under`].
    pub fn run_session(
        &mut self,
        sender: AccountHash,
        wasm: &[u8],
        args: RuntimeArgs,
    ) -> Execution {
        let deploy = self.deploy(sender).with_session_bytes(wasm.to_vec(), args);
        self.execute(deploy)
    }

    /// Calls `entry_point` of the stored contract version `contract` on behalf of `sender`, with
    /// the runtime arguments `args`, and commits the outcome; the entry point's `runtime::ret`
    /// value is in [`Execution::ret`].
    ///
    /// The raw form of [`Chain::call_pinned`]: by entry-point name and [`RuntimeArgs`], for
    /// what a generated `calls::x(..)` cannot express (missing, extra or mistyped arguments, an
    /// entry point that is not in the interface) and for contracts without a generated
    /// interface (hand-written, or another project's). A contract with one is called with
    /// [`Chain::call`], [`Chain::call_as`] or [`Chain::call_pinned`].
    pub fn call_contract(
        &mut self,
        sender: AccountHash,
        contract: ContractHash,
        entry_point: &str,
        args: RuntimeArgs,
    ) -> Execution {
        let hash = AddressableEntityHash::new(contract.value());
        let deploy = self
            .deploy(sender)
            .with_stored_session_hash(hash, entry_point, args);
        self.execute(deploy)
    }

    /// Calls `entry_point` of the latest enabled version of the contract package `package` on
    /// behalf of `sender`, with the runtime arguments `args`, and commits the outcome, as a
    /// caller that follows upgrades does.
    ///
    /// The raw form of [`Chain::call_as`], for the same cases as [`Chain::call_contract`].
    pub fn call_contract_package(
        &mut self,
        sender: AccountHash,
        package: ContractPackageHash,
        entry_point: &str,
        args: RuntimeArgs,
    ) -> Execution {
        let deploy = self.deploy(sender).with_stored_versioned_contract_by_hash(
            package.value(),
            None,
            entry_point,
            args,
        );
        self.execute(deploy)
    }

    /// A deploy from `sender`, authorised by `sender` alone, paid with the standard payment.
    fn deploy(&mut self, sender: AccountHash) -> DeployItemBuilder {
        self.executions += 1;
        let mut hash = [0xDE; 32];
        hash[..8].copy_from_slice(&self.executions.to_le_bytes());
        DeployItemBuilder::new()
            .with_address(sender)
            .with_authorization_keys(&[sender])
            .with_standard_payment(runtime_args! { ARG_AMOUNT => *DEFAULT_PAYMENT })
            .with_deploy_hash(hash)
    }

    fn execute(&mut self, deploy: DeployItemBuilder) -> Execution {
        let request = ExecuteRequestBuilder::from_deploy_item(&deploy.build()).build();
        self.builder.exec(request).commit();
        self.last_execution()
    }

    /// The outcome of the latest execution on this chain: its gas, its result or error, and
    /// the events it emitted ([`Execution::events`]). After [`Chain::install`] or
    /// [`Chain::call`], the install or call.
    ///
    /// # Panics
    ///
    /// If nothing has been executed on this chain yet.
    #[track_caller]
    pub fn last_execution(&self) -> Execution {
        match self.builder.get_last_exec_result() {
            Some(result) => Execution::from_engine(&result),
            None => panic!("nothing has been executed on this chain yet"),
        }
    }

    /// The named keys of `account` (what session code and installers `put_key`).
    ///
    /// # Panics
    ///
    /// If the chain has no such account.
    #[track_caller]
    pub fn account_named_keys(&self, account: AccountHash) -> NamedKeys {
        self.expect_account(account);
        self.builder.get_named_keys_by_account_hash(account)
    }

    /// The named keys of the stored contract `contract` (its state, and what its entry points
    /// `put_key`), e.g. of [`Deployed::contract_hash`](crate::Deployed::contract_hash).
    ///
    /// # Panics
    ///
    /// If `contract` is not a stored contract on this chain.
    #[track_caller]
    pub fn contract_named_keys(&self, contract: ContractHash) -> NamedKeys {
        if self.addressable_entities {
            self.expect_entity(contract);
            return self.builder.get_named_keys(entity_addr(contract));
        }
        self.contract(contract).named_keys().clone()
    }

    /// The entry-point table of the stored contract `contract`, sorted by name.
    ///
    /// The chain stores the legacy `casper_types::contracts::EntryPoint` rows, which have no
    /// payment field; they are returned as [`EntityEntryPoint`] (the row type contracts build
    /// their table from in casper-types 6) with `EntryPointPayment::Caller`, the only payment
    /// mode such a contract can have. With addressable entities, the entity's own rows.
    ///
    /// # Panics
    ///
    /// If `contract` is not a stored contract on this chain.
    #[track_caller]
    pub fn contract_entry_points(&self, contract: ContractHash) -> Vec<EntityEntryPoint> {
        if self.addressable_entities {
            self.expect_entity(contract);
            let rows = self.builder.get_entry_points(entity_addr(contract));
            return rows.take_entry_points();
        }
        let contract = self.contract(contract);
        let rows = contract.entry_points().clone().take_entry_points();
        rows.into_iter().map(EntityEntryPoint::from).collect()
    }

    /// The contract hash an account keeps under `named_key` (e.g. `counter_contract_hash`).
    ///
    /// For contracts installed with [`Chain::run_session`]; [`Chain::install`] returns the
    /// hashes of what it installed in [`Deployed`](crate::Deployed).
    ///
    /// # Panics
    ///
    /// If the chain has no such account, the account has no such named key (the message lists
    /// those it has), or the key does not lead to a stored contract (e.g. it names the
    /// contract's *package*).
    #[track_caller]
    pub fn contract_hash_under(&self, account: AccountHash, named_key: &str) -> ContractHash {
        let named_keys = self.account_named_keys(account);
        let key = find_named_key(&named_keys, named_key, format_args!("account {account}"));
        let Key::Hash(addr) = key else {
            panic!("named key `{named_key}` of account {account} is a {key}, not a contract hash");
        };
        let stored_under = if self.addressable_entities {
            Key::AddressableEntity(entity_addr(ContractHash::new(addr)))
        } else {
            key
        };
        match self.stored_value(stored_under) {
            StoredValue::Contract(_) | StoredValue::AddressableEntity(_) => ContractHash::new(addr),
            other => panic!(
                "named key `{named_key}` of account {account} leads to a {}, not a stored contract",
                other.type_name()
            ),
        }
    }

    /// The contract package hash an account keeps under `named_key` (e.g.
    /// `counter_package_hash`).
    ///
    /// For contracts installed with [`Chain::run_session`]; [`Chain::install`] returns the
    /// hashes of what it installed in [`Deployed`](crate::Deployed).
    ///
    /// # Panics
    ///
    /// If the chain has no such account, the account has no such named key (the message lists
    /// those it has), or the key is not a hash.
    #[track_caller]
    pub fn package_hash_under(&self, account: AccountHash, named_key: &str) -> ContractPackageHash {
        let named_keys = self.account_named_keys(account);
        let key = find_named_key(&named_keys, named_key, format_args!("account {account}"));
        match key {
            Key::Hash(addr) => ContractPackageHash::new(addr),
            other => {
                panic!("named key `{named_key}` of account {account} is a {other}, not a hash")
            }
        }
    }

    /// The value stored under `key` (e.g. a URef from a contract's named keys), as a `T`.
    ///
    /// # Panics
    ///
    /// If nothing is stored under `key`, or what is stored is not a `CLValue` of type `T`.
    #[track_caller]
    pub fn read_key<T: CLTyped + FromBytes>(&self, key: Key) -> T {
        match self.stored_value(key) {
            StoredValue::CLValue(value) => {
                cl_value_to(&value, format_args!("the value under {key}"))
            }
            other => panic!("{key} holds a {}, not a CLValue", other.type_name()),
        }
    }

    /// The value under `item_key` in the dictionary whose seed URef is `seed` (e.g. a
    /// `Mapping`'s named key), as an off-chain tool would read it, or `None` if there is none.
    ///
    /// # Panics
    ///
    /// If what is stored is not a `CLValue` of type `T`.
    #[track_caller]
    pub fn read_dictionary_item<T: CLTyped + FromBytes>(
        &self,
        seed: URef,
        item_key: &str,
    ) -> Option<T> {
        match self.builder.query_dictionary_item(None, seed, item_key) {
            Ok(StoredValue::CLValue(value)) => Some(cl_value_to(
                &value,
                format_args!("dictionary item `{item_key}`"),
            )),
            Ok(other) => panic!("item `{item_key}` holds a {}", other.type_name()),
            Err(_) => None,
        }
    }

    /// The balance of `account`'s main purse, in motes.
    ///
    /// # Panics
    ///
    /// If the chain has no such account.
    #[track_caller]
    pub fn balance(&self, account: AccountHash) -> U512 {
        self.builder.get_purse_balance(self.main_purse(account))
    }

    /// The current state root hash. It changes with every execution that wrote something, so
    /// comparing it before and after an execution shows whether that execution changed state.
    pub fn state_root(&self) -> Digest {
        self.builder.get_post_state_hash()
    }

    /// The underlying casper-engine-test-support builder, for anything this kit does not cover.
    pub fn builder(&mut self) -> &mut LmdbWasmTestBuilder {
        &mut self.builder
    }

    #[track_caller]
    fn main_purse(&self, account: AccountHash) -> URef {
        self.expect_account(account).main_purse()
    }

    #[track_caller]
    fn expect_account(&self, account: AccountHash) -> AddressableEntity {
        match self.builder.get_entity_by_account_hash(account) {
            Some(entity) => entity,
            None => panic!("there is no account {account} on this chain"),
        }
    }

    /// The legacy `Contract` stored for `contract` (addressable entities off).
    #[track_caller]
    fn contract(&self, contract: ContractHash) -> Contract {
        match self.stored_value(Key::Hash(contract.value())) {
            StoredValue::Contract(stored) => stored,
            other => panic!(
                "{contract} is a {}, not a stored contract",
                other.type_name()
            ),
        }
    }

    /// Panics unless `contract` is stored as an entity (addressable entities on).
    #[track_caller]
    fn expect_entity(&self, contract: ContractHash) {
        let key = Key::AddressableEntity(entity_addr(contract));
        match self.stored_value(key) {
            StoredValue::AddressableEntity(_) => {}
            other => panic!("{key} is a {}, not a stored contract", other.type_name()),
        }
    }

    #[track_caller]
    fn stored_value(&self, key: Key) -> StoredValue {
        match self.builder.query(None, key, &[]) {
            Ok(value) => value,
            Err(error) => panic!("nothing is stored under {key}: {error}"),
        }
    }
}

/// Where a contract version is stored as an entity, when addressable entities are on.
fn entity_addr(contract: ContractHash) -> EntityAddr {
    EntityAddr::SmartContract(contract.value())
}

#[track_caller]
fn local_chainspec() -> ChainspecConfig {
    match ChainspecConfig::from_chainspec_path(&*CHAINSPEC_SYMLINK) {
        Ok(chainspec) => chainspec,
        Err(error) => panic!("cannot load the test-support chainspec: {error:?}"),
    }
}

/// The `index`-th derived account key (ed25519; distinct from the genesis accounts' keys).
fn derived_public_key(index: u64) -> PublicKey {
    let mut seed = [0x5A; SecretKey::ED25519_LENGTH];
    seed[..8].copy_from_slice(&index.to_le_bytes());
    let secret = SecretKey::ed25519_from_bytes(seed).expect("any 32 bytes are an ed25519 key");
    PublicKey::from(&secret)
}

#[track_caller]
fn find_named_key(named_keys: &NamedKeys, name: &str, owner: impl Display) -> Key {
    if let Some(key) = named_keys.get(name) {
        return *key;
    }
    let names: Vec<&String> = named_keys.names().collect();
    panic!("{owner} has no named key `{name}`; it has {names:?}")
}
