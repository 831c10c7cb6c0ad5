//! The behaviours the CEP-18 reference contract's test suite checks (casper-ecosystem/cep18,
//! `tests/`: allowance, install, migration, mint_and_burn, transfer), checked on this token on
//! the real engine with the same figures. One test per reference test, named after it; where
//! this token deliberately differs (the upgrade switch), the test says so and checks both.
//! Contracts as senders and spenders go through `cep18-caller`, a stored contract that holds
//! and spends tokens (the reference suite's helper contract plays that part).

mod common;

use std::collections::BTreeMap;

use casper_dsl::{
    casper_types::{
        bytesrepr::{FromBytes, ToBytes},
        contract_messages::MessagePayload,
    },
    events::EventsMode,
    ApiError, Install, KeyBytes,
};
use casper_dsl_testing::{runtime_args, AccountHash, CallError, Chain, Deployed, Key, U256};
use cep18::cep18::{calls, installer, upgrader, Cep18Error};
use cep18_caller::cep18_caller::{calls as caller_calls, installer as caller_installer};

const TOKEN_NAME: &str = "CasperTest";
const TOKEN_SYMBOL: &str = "CSPRT";
const TOKEN_DECIMALS: u8 = 100;
const TOKEN_TOTAL_SUPPLY: u64 = 1_000_000_000;

const TRANSFER_AMOUNT_1: u64 = 200_001;
const TRANSFER_AMOUNT_2: u64 = 19_999;
const ALLOWANCE_AMOUNT_1: u64 = 456_789;
const ALLOWANCE_AMOUNT_2: u64 = 87_654;

/// Two holders that are not on chain: an account and a contract package with the same bytes.
const TOKEN_OWNER_ADDRESS_1: Key = Key::Account(AccountHash::new([42; 32]));
const TOKEN_OWNER_AMOUNT_1: u64 = 1_000_000;
const TOKEN_OWNER_ADDRESS_2: Key = Key::Hash([42; 32]);
const TOKEN_OWNER_AMOUNT_2: u64 = 2_000_000;

/// The reference suite's set-up: two funded accounts, the token installed by the default
/// account, and the contract that uses it as a contract.
struct Suite {
    chain: Chain,
    token: Deployed,
    caller: Deployed,
    default: AccountHash,
    account_1: AccountHash,
    account_2: AccountHash,
}

/// What the token is installed with, beyond the reference's four required arguments.
#[derive(Default)]
struct Options {
    enable_mint_burn: Option<u8>,
    admin_list: Option<Vec<KeyBytes>>,
    minter_list: Option<Vec<KeyBytes>>,
}

/// The install of "CasperTest" with `options`.
fn token_install(options: Options) -> Install {
    installer(
        TOKEN_NAME.into(),
        TOKEN_SYMBOL.into(),
        TOKEN_DECIMALS,
        U256::from(TOKEN_TOTAL_SUPPLY),
        options.enable_mint_burn.into(),
        options.admin_list.into(),
        options.minter_list.into(),
    )
    // Native messages, which the event checks read.
    .with_events_mode(EventsMode::Native)
}

impl Suite {
    fn new() -> Self {
        Self::with(|_| Options::default())
    }

    /// The set-up, with install options that may name the two accounts.
    fn with(options: impl FnOnce(&[AccountHash; 2]) -> Options) -> Self {
        let mut chain = Chain::new();
        let accounts = [chain.create_funded_account(), chain.create_funded_account()];
        let install = token_install(options(&accounts));
        Self::installing(chain, accounts, install)
    }

    fn installing(mut chain: Chain, accounts: [AccountHash; 2], install: Install) -> Self {
        let token = chain.install(install).expect("the token installs");
        let caller = chain
            .install(caller_installer())
            .expect("the caller installs");
        let default = chain.default_account();
        Suite {
            chain,
            token,
            caller,
            default,
            account_1: accounts[0],
            account_2: accounts[1],
        }
    }

    /// The caller contract as a holder: its package.
    fn caller_key(&self) -> Key {
        Key::Hash(self.caller.package_hash.value())
    }

    fn balance_of(&mut self, owner: Key) -> U256 {
        common::balance_of(&mut self.chain, &self.token, owner)
    }

    fn allowance(&mut self, owner: Key, spender: Key) -> U256 {
        common::allowance(&mut self.chain, &self.token, owner, spender)
    }

    fn total_supply(&mut self) -> U256 {
        common::total_supply(&mut self.chain, &self.token)
    }

    /// `sender` (an account, or the caller contract) transfers to `recipient`.
    fn transfer(&mut self, sender: Key, recipient: Key, amount: u64) -> Result<(), ApiError> {
        let amount = U256::from(amount);
        match sender {
            Key::Account(account) => outcome(self.chain.call_as(
                account,
                &self.token,
                calls::transfer(recipient.into(), amount),
            )),
            _ => {
                assert_eq!(sender, self.caller_key());
                let token = self.token.package_hash;
                outcome(self.chain.call(
                    &self.caller,
                    caller_calls::transfer_as_stored_contract(token, recipient.into(), amount),
                ))
            }
        }
    }

    /// `sender` (an account, or the caller contract) approves `spender`.
    fn approve(&mut self, sender: Key, spender: Key, amount: u64) -> Result<(), ApiError> {
        let amount = U256::from(amount);
        match sender {
            Key::Account(account) => outcome(self.chain.call_as(
                account,
                &self.token,
                calls::approve(spender.into(), amount),
            )),
            _ => {
                assert_eq!(sender, self.caller_key());
                let token = self.token.package_hash;
                outcome(self.chain.call(
                    &self.caller,
                    caller_calls::approve_as_stored_contract(token, spender.into(), amount),
                ))
            }
        }
    }

    /// The account `spender` moves `owner`'s tokens to `recipient`.
    fn transfer_from(
        &mut self,
        spender: AccountHash,
        owner: Key,
        recipient: Key,
        amount: u64,
    ) -> Result<(), ApiError> {
        outcome(self.chain.call_as(
            spender,
            &self.token,
            calls::transfer_from(owner.into(), recipient.into(), U256::from(amount)),
        ))
    }

    fn mint(&mut self, minter: AccountHash, owner: Key, amount: U256) -> Result<(), ApiError> {
        outcome(
            self.chain
                .call_as(minter, &self.token, calls::mint(owner.into(), amount)),
        )
    }

    fn burn(&mut self, holder: AccountHash, owner: Key, amount: u64) -> Result<(), ApiError> {
        outcome(self.chain.call_as(
            holder,
            &self.token,
            calls::burn(owner.into(), U256::from(amount)),
        ))
    }

    /// The reference's first mints: both token owners' amounts, by `admin`.
    fn mint_to_both_owners(&mut self, admin: AccountHash) {
        let mints = [
            (TOKEN_OWNER_ADDRESS_1, TOKEN_OWNER_AMOUNT_1),
            (TOKEN_OWNER_ADDRESS_2, TOKEN_OWNER_AMOUNT_2),
        ];
        for (owner, amount) in mints {
            self.mint(admin, owner, U256::from(amount)).unwrap();
        }
    }

    /// The reference's `test_approve_for`: `sender` approves `spender` for `owner`'s tokens
    /// (`owner` is `sender`), twice, the second amount replacing the first.
    fn approve_for(&mut self, sender: Key, owner: Key, spender: Key) {
        let supply = self.total_supply();
        assert_eq!(self.allowance(owner, spender), U256::zero());

        self.approve(sender, spender, ALLOWANCE_AMOUNT_1).unwrap();
        assert_eq!(
            self.allowance(owner, spender),
            U256::from(ALLOWANCE_AMOUNT_1)
        );
        assert_eq!(self.total_supply(), supply);

        self.approve(sender, spender, ALLOWANCE_AMOUNT_2).unwrap();
        assert_eq!(
            self.allowance(owner, spender),
            U256::from(ALLOWANCE_AMOUNT_2),
            "a second approval replaces the first"
        );
        // An account and a package with the same bytes are different spenders.
        assert_eq!(self.allowance(owner, inverted(spender)), U256::zero());
        assert_eq!(self.total_supply(), supply);
    }

    /// The reference's `test_cep18_transfer`: `sender_1` pays `recipient_1`, which then pays
    /// part of it on to `recipient_2`.
    fn transfer_on(&mut self, sender_1: Key, recipient_1: Key, recipient_2: Key) {
        let sender_1_balance = self.balance_of(sender_1);
        assert_ne!(sender_1_balance, U256::zero());
        assert_eq!(self.balance_of(recipient_1), U256::zero());

        self.transfer(sender_1, recipient_1, TRANSFER_AMOUNT_1)
            .unwrap();
        assert_eq!(self.balance_of(recipient_1), U256::from(TRANSFER_AMOUNT_1));
        let sender_1_left = sender_1_balance - TRANSFER_AMOUNT_1;
        assert_eq!(self.balance_of(sender_1), sender_1_left);

        self.transfer(recipient_1, recipient_2, TRANSFER_AMOUNT_2)
            .unwrap();
        assert_eq!(self.balance_of(sender_1), sender_1_left);
        assert_eq!(
            self.balance_of(recipient_1),
            U256::from(TRANSFER_AMOUNT_1 - TRANSFER_AMOUNT_2)
        );
        assert_eq!(self.balance_of(recipient_2), U256::from(TRANSFER_AMOUNT_2));
    }
}

/// `Ok` or the error the call reverted with.
#[track_caller]
fn outcome<E>(result: Result<(), CallError<E>>) -> Result<(), ApiError> {
    result.map_err(|error| {
        error
            .api_error()
            .unwrap_or_else(|| panic!("a revert with a code, not {error}"))
    })
}

fn account(hash: AccountHash) -> Key {
    Key::Account(hash)
}

/// The same 32 bytes as the other kind of holder: an account for a package, and back.
fn inverted(key: Key) -> Key {
    match key {
        Key::Account(account) => Key::Hash(account.value()),
        Key::Hash(hash) => Key::Account(AccountHash::new(hash)),
        other => panic!("not a holder: {other}"),
    }
}

fn error(code: Cep18Error) -> Result<(), ApiError> {
    Err(code.into())
}

// allowance.rs

#[test]
fn should_approve_funds_contract_to_account() {
    let mut suite = Suite::new();
    let contract = suite.caller_key();
    let spender = account(suite.default);
    suite.approve_for(contract, contract, spender);
}

#[test]
fn should_approve_funds_contract_to_contract() {
    let mut suite = Suite::new();
    let contract = suite.caller_key();
    suite.approve_for(contract, contract, TOKEN_OWNER_ADDRESS_2);
}

#[test]
fn should_approve_funds_account_to_account() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let spender = account(suite.account_1);
    suite.approve_for(owner, owner, spender);
}

#[test]
fn should_approve_funds_account_to_contract() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    suite.approve_for(owner, owner, TOKEN_OWNER_ADDRESS_2);
}

#[test]
fn should_not_transfer_from_without_enough_allowance() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let spender = account(suite.account_1);
    // An argument the entry point does not take is ignored, as in the reference.
    let args = runtime_args! {
        "spender" => spender,
        "amount" => U256::from(ALLOWANCE_AMOUNT_1),
        "owner" => owner,
    };
    let approval =
        suite
            .chain
            .call_contract_package(suite.default, suite.token.package_hash, "approve", args);
    approval.expect_success();
    assert_eq!(
        suite.allowance(owner, spender),
        U256::from(ALLOWANCE_AMOUNT_1)
    );

    // The owner itself is the spender here, and holds no allowance of its own tokens.
    let refused = suite.transfer_from(suite.default, owner, spender, ALLOWANCE_AMOUNT_1 + 1);
    assert_eq!(refused, error(Cep18Error::InsufficientAllowance));
}

#[test]
fn test_decrease_allowance() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let spender = TOKEN_OWNER_ADDRESS_2;
    suite.approve(owner, spender, ALLOWANCE_AMOUNT_1).unwrap();
    assert_eq!(
        suite.allowance(owner, spender),
        U256::from(ALLOWANCE_AMOUNT_1)
    );

    let decrease = calls::decrease_allowance(spender.into(), U256::from(ALLOWANCE_AMOUNT_2));
    suite.chain.call(&suite.token, decrease).unwrap();
    assert_eq!(
        suite.allowance(owner, spender),
        U256::from(ALLOWANCE_AMOUNT_1 - ALLOWANCE_AMOUNT_2)
    );

    let increase = calls::increase_allowance(spender.into(), U256::from(ALLOWANCE_AMOUNT_1));
    suite.chain.call(&suite.token, increase).unwrap();
    assert_eq!(
        suite.allowance(owner, spender),
        U256::from(2 * ALLOWANCE_AMOUNT_1 - ALLOWANCE_AMOUNT_2)
    );
}

// install.rs

#[test]
fn should_have_queryable_properties() {
    let mut suite = Suite::new();
    let contract_hash = suite
        .chain
        .contract_hash_under(suite.default, &format!("cep18_contract_hash_{TOKEN_NAME}"));
    assert_eq!(contract_hash, suite.token.contract_hash);
    let keys = suite.chain.contract_named_keys(contract_hash);
    let key = |name: &str| *keys.get(name).unwrap();
    assert_eq!(suite.chain.read_key::<String>(key("name")), TOKEN_NAME);
    assert_eq!(suite.chain.read_key::<String>(key("symbol")), TOKEN_SYMBOL);
    assert_eq!(suite.chain.read_key::<u8>(key("decimals")), TOKEN_DECIMALS);
    assert_eq!(
        suite.chain.read_key::<U256>(key("total_supply")),
        U256::from(TOKEN_TOTAL_SUPPLY)
    );

    let installer = account(suite.default);
    assert_eq!(suite.balance_of(installer), U256::from(TOKEN_TOTAL_SUPPLY));
    assert_eq!(
        suite.balance_of(Key::Hash(contract_hash.value())),
        U256::zero()
    );
    assert_eq!(suite.balance_of(inverted(installer)), U256::zero());
}

#[test]
fn should_not_store_balances_or_allowances_under_account_after_install() {
    let suite = Suite::new();
    let keys = suite.chain.account_named_keys(suite.default);
    assert!(!keys.contains("balances"));
    assert!(!keys.contains("allowances"));
}

// migration.rs

/// Deliberately different: running the installer again with the same arguments upgrades the
/// reference token; here it is refused (an install never silently turns into an upgrade) and
/// the upgrade is asked for explicitly, with `upgrader`. The version then grows the same way.
#[test]
fn should_upgrade_contract_version() {
    let mut suite = Suite::new();
    let version_key = format!("cep18_contract_version_{TOKEN_NAME}");
    let version = |suite: &Suite| {
        let keys = suite.chain.account_named_keys(suite.default);
        suite
            .chain
            .read_key::<u32>(*keys.get(&version_key).unwrap())
    };
    let version_0 = version(&suite);

    let again = suite.chain.install(token_install(Options::default()));
    assert_eq!(
        again.unwrap_err().api_error(),
        Some(casper_dsl::errors::ALREADY_INSTALLED)
    );
    assert_eq!(version(&suite), version_0);

    let upgraded = suite
        .chain
        .install(upgrader(TOKEN_NAME.into()))
        .expect("the upgrade installs");
    let version_1 = version(&suite);
    assert!(version_0 < version_1, "{version_0} < {version_1}");
    assert_eq!(upgraded.package_hash, suite.token.package_hash);
    // The state carries over; the replaced version is disabled.
    assert_eq!(
        suite.balance_of(account(suite.default)),
        U256::from(TOKEN_TOTAL_SUPPLY)
    );
    let pinned = suite.chain.call_pinned(&suite.token, calls::total_supply());
    assert!(pinned.is_err(), "the old version is disabled");
}

// mint_and_burn.rs

fn mint_and_burn_enabled() -> Suite {
    Suite::with(|_| Options {
        enable_mint_burn: Some(1),
        ..Options::default()
    })
}

#[test]
fn test_mint_and_burn_tokens() {
    // The reference suite passes `enable_mint_burn` as a `bool`; its single byte reads as the
    // `u8` the contract takes, here as there.
    let mut chain = Chain::new();
    let accounts = [chain.create_funded_account(), chain.create_funded_account()];
    let mut install = token_install(Options::default());
    install.args.insert("enable_mint_burn", true).unwrap();
    let mut suite = Suite::installing(chain, accounts, install);
    let admin = suite.default;

    suite.mint_to_both_owners(admin);
    assert_eq!(
        suite.balance_of(account(admin)),
        U256::from(TOKEN_TOTAL_SUPPLY)
    );
    assert_eq!(
        suite.balance_of(TOKEN_OWNER_ADDRESS_1),
        U256::from(TOKEN_OWNER_AMOUNT_1)
    );
    assert_eq!(
        suite.balance_of(TOKEN_OWNER_ADDRESS_2),
        U256::from(TOKEN_OWNER_AMOUNT_2)
    );
    let supply = suite.total_supply();

    suite
        .mint(admin, TOKEN_OWNER_ADDRESS_1, U256::one())
        .unwrap();
    assert_eq!(
        suite.balance_of(TOKEN_OWNER_ADDRESS_1),
        U256::from(TOKEN_OWNER_AMOUNT_1 + 1)
    );
    assert_eq!(suite.total_supply(), supply + 1);

    suite.burn(admin, account(admin), 1).unwrap();
    assert_eq!(
        suite.balance_of(account(admin)),
        U256::from(TOKEN_TOTAL_SUPPLY - 1)
    );
    assert_eq!(suite.total_supply(), supply);
    assert_eq!(
        suite.balance_of(TOKEN_OWNER_ADDRESS_2),
        U256::from(TOKEN_OWNER_AMOUNT_2)
    );
}

#[test]
fn test_should_not_mint_above_limits() {
    let mut suite = mint_and_burn_enabled();
    let admin = suite.default;
    suite.mint_to_both_owners(admin);
    let before = suite.chain.state_root();
    let refused = suite.mint(admin, TOKEN_OWNER_ADDRESS_1, U256::MAX);
    assert_eq!(refused, error(Cep18Error::Overflow));
    assert_eq!(suite.chain.state_root(), before);
}

#[test]
fn test_should_not_burn_above_balance() {
    let mut suite = mint_and_burn_enabled();
    let admin = suite.default;
    let refused = suite.burn(admin, account(admin), TOKEN_TOTAL_SUPPLY + 1);
    assert_eq!(refused, error(Cep18Error::InsufficientBalance));
}

#[test]
fn test_should_not_mint_or_burn_with_entrypoint_disabled() {
    let mut suite = Suite::with(|_| Options {
        enable_mint_burn: Some(0),
        ..Options::default()
    });
    let admin = suite.default;
    let refused = suite.mint(admin, TOKEN_OWNER_ADDRESS_1, U256::one());
    assert_eq!(refused, error(Cep18Error::MintBurnDisabled));
    // Checked before whose tokens they are.
    let refused = suite.burn(admin, TOKEN_OWNER_ADDRESS_1, 1);
    assert_eq!(refused, error(Cep18Error::MintBurnDisabled));
}

#[test]
fn test_security_no_rights() {
    let mut suite = mint_and_burn_enabled();
    let (admin, holder) = (suite.default, suite.account_1);
    let refused = suite.mint(holder, account(holder), U256::one());
    assert_eq!(refused, error(Cep18Error::InsufficientRights));

    suite.mint(admin, account(holder), U256::one()).unwrap();
    // Burning one's own tokens needs no badge.
    suite.burn(holder, account(holder), 1).unwrap();
    assert_eq!(suite.balance_of(account(holder)), U256::zero());
}

#[test]
fn test_security_minter_rights() {
    let mut suite = Suite::with(|accounts| Options {
        enable_mint_burn: Some(1),
        minter_list: Some(vec![account(accounts[0]).into()]),
        ..Options::default()
    });
    let minter = suite.account_1;
    suite
        .mint(minter, TOKEN_OWNER_ADDRESS_1, U256::one())
        .unwrap();
    assert_eq!(suite.balance_of(TOKEN_OWNER_ADDRESS_1), U256::one());
}

#[test]
fn test_security_burner_rights() {
    let mut suite = mint_and_burn_enabled();
    let (admin, holder) = (suite.default, suite.account_1);
    let refused = suite.mint(holder, account(holder), U256::one());
    assert_eq!(refused, error(Cep18Error::InsufficientRights));

    suite.mint(admin, account(admin), U256::one()).unwrap();
    suite.burn(admin, account(admin), 1).unwrap();
    assert_eq!(
        suite.balance_of(account(admin)),
        U256::from(TOKEN_TOTAL_SUPPLY)
    );
}

#[test]
fn test_change_security() {
    let mut suite = Suite::with(|accounts| Options {
        enable_mint_burn: Some(1),
        admin_list: Some(vec![account(accounts[0]).into()]),
        ..Options::default()
    });
    let (installer, admin) = (suite.default, suite.account_1);
    let revoke = calls::change_security(
        None.into(),
        None.into(),
        vec![account(installer).into()].into(),
    );
    suite.chain.call_as(admin, &suite.token, revoke).unwrap();

    let refused = suite.mint(installer, TOKEN_OWNER_ADDRESS_1, U256::one());
    assert_eq!(refused, error(Cep18Error::InsufficientRights));
}

// transfer.rs

#[test]
fn should_transfer_full_owned_amount() {
    let mut suite = Suite::new();
    let (owner, recipient) = (account(suite.default), account(suite.account_1));
    suite
        .transfer(owner, recipient, TOKEN_TOTAL_SUPPLY)
        .unwrap();
    assert_eq!(suite.balance_of(recipient), U256::from(TOKEN_TOTAL_SUPPLY));
    assert_eq!(suite.balance_of(owner), U256::zero());
    assert_eq!(suite.total_supply(), U256::from(TOKEN_TOTAL_SUPPLY));
}

#[test]
fn should_not_transfer_more_than_owned_balance() {
    let mut suite = Suite::new();
    let (owner, recipient) = (account(suite.default), account(suite.account_1));
    let before = suite.chain.state_root();
    let refused = suite.transfer(owner, recipient, TOKEN_TOTAL_SUPPLY + 1);
    assert_eq!(refused, error(Cep18Error::InsufficientBalance));
    assert_eq!(suite.chain.state_root(), before, "nothing changed");
    assert_eq!(suite.balance_of(recipient), U256::zero());
    assert_eq!(suite.balance_of(owner), U256::from(TOKEN_TOTAL_SUPPLY));
    assert_eq!(suite.total_supply(), U256::from(TOKEN_TOTAL_SUPPLY));
}

#[test]
fn should_transfer_from_from_account_to_account() {
    let mut suite = Suite::new();
    let (owner, spender) = (account(suite.default), account(suite.account_1));
    suite.approve(owner, spender, ALLOWANCE_AMOUNT_1).unwrap();
    suite
        .transfer_from(suite.account_1, owner, spender, ALLOWANCE_AMOUNT_1)
        .unwrap();
    assert_eq!(suite.allowance(owner, spender), U256::zero());
    assert_eq!(
        suite.balance_of(owner),
        U256::from(TOKEN_TOTAL_SUPPLY - ALLOWANCE_AMOUNT_1)
    );
    assert_eq!(suite.balance_of(spender), U256::from(ALLOWANCE_AMOUNT_1));
}

#[test]
fn should_transfer_from_account_by_contract() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let (spender, recipient) = (suite.caller_key(), account(suite.account_1));
    suite.approve(owner, spender, ALLOWANCE_AMOUNT_1).unwrap();
    let token = suite.token.package_hash;
    let spend = caller_calls::transfer_from_as_stored_contract(
        token,
        owner.into(),
        recipient.into(),
        U256::from(ALLOWANCE_AMOUNT_1),
    );
    suite.chain.call(&suite.caller, spend).unwrap();
    assert_eq!(suite.allowance(owner, spender), U256::zero());
    assert_eq!(
        suite.balance_of(owner),
        U256::from(TOKEN_TOTAL_SUPPLY - ALLOWANCE_AMOUNT_1)
    );
    assert_eq!(suite.balance_of(recipient), U256::from(ALLOWANCE_AMOUNT_1));
}

#[test]
fn should_not_be_able_to_own_transfer() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let refused = suite.transfer(owner, owner, TRANSFER_AMOUNT_1);
    assert_eq!(refused, error(Cep18Error::CannotTargetSelfUser));
}

#[test]
fn should_not_be_able_to_own_transfer_from() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let refused = suite.approve(owner, owner, TRANSFER_AMOUNT_1);
    assert_eq!(refused, error(Cep18Error::CannotTargetSelfUser));
    let refused = suite.transfer_from(suite.default, owner, owner, TRANSFER_AMOUNT_1);
    assert_eq!(refused, error(Cep18Error::CannotTargetSelfUser));
}

#[test]
fn should_verify_zero_amount_transfer_is_noop() {
    let mut suite = Suite::new();
    let (owner, recipient) = (account(suite.default), account(suite.account_1));
    suite.transfer(owner, recipient, 0).unwrap();
    assert_eq!(suite.balance_of(owner), U256::from(TOKEN_TOTAL_SUPPLY));
    assert_eq!(suite.balance_of(recipient), U256::zero());
}

#[test]
fn should_verify_zero_amount_transfer_from_is_noop() {
    let mut suite = Suite::new();
    let owner = account(suite.default);
    let (spender, recipient) = (account(suite.account_1), account(suite.account_2));
    suite.approve(owner, spender, 1).unwrap();
    suite
        .transfer_from(suite.default, owner, recipient, 0)
        .unwrap();
    assert_eq!(suite.balance_of(owner), U256::from(TOKEN_TOTAL_SUPPLY));
    assert_eq!(suite.balance_of(recipient), U256::zero());
    assert_eq!(suite.allowance(owner, spender), U256::one());
}

#[test]
fn should_transfer_contract_to_contract() {
    let mut suite = Suite::new();
    let (owner, contract) = (account(suite.default), suite.caller_key());
    suite.transfer_on(owner, contract, TOKEN_OWNER_ADDRESS_2);
}

#[test]
fn should_transfer_contract_to_account() {
    let mut suite = Suite::new();
    let (owner, contract) = (account(suite.default), suite.caller_key());
    let recipient = account(suite.account_1);
    suite.transfer_on(owner, contract, recipient);
}

#[test]
fn should_transfer_account_to_contract() {
    let mut suite = Suite::new();
    let (owner, holder) = (account(suite.default), account(suite.account_1));
    let contract = suite.caller_key();
    suite.transfer_on(owner, holder, contract);
}

#[test]
fn should_transfer_account_to_account() {
    let mut suite = Suite::new();
    let (owner, holder) = (account(suite.default), account(suite.account_1));
    let recipient = account(suite.account_2);
    suite.transfer_on(owner, holder, recipient);
}

// Beyond the reference suite: rules of the reference contract its suite leaves unchecked.

#[test]
fn an_admin_never_changes_its_own_badge() {
    let mut suite = Suite::with(|accounts| Options {
        enable_mint_burn: Some(1),
        admin_list: Some(vec![account(accounts[0]).into()]),
        ..Options::default()
    });
    let (installer, admin) = (suite.default, suite.account_1);
    let both = vec![account(installer).into(), account(admin).into()];
    let revoke = calls::change_security(None.into(), None.into(), both.into());
    suite.chain.call_as(admin, &suite.token, revoke).unwrap();
    let execution = suite.chain.last_execution();
    let changed = execution.events::<cep18::cep18::ChangeSecurity>();
    assert_eq!(changed[0].admin, account(admin).into());
    let changes: Vec<_> = changed[0].sec_change_map.iter().collect();
    assert_eq!(
        changes,
        [&(account(installer).into(), cep18::SecurityBadge::None)],
        "the caller's own key is left out"
    );
    // The payload is what the reference sends: the admin, then a `BTreeMap<Key, u8>`.
    let MessagePayload::Bytes(payload) = execution.messages[0].payload() else {
        panic!("a bytes payload");
    };
    let (reference, rest) = <(Key, BTreeMap<Key, u8>)>::from_bytes(payload).unwrap();
    assert!(rest.is_empty());
    assert_eq!(reference.1, BTreeMap::from([(account(installer), 2u8)]));

    suite
        .mint(admin, TOKEN_OWNER_ADDRESS_1, U256::one())
        .expect("still an admin");
    let refused = suite.mint(installer, TOKEN_OWNER_ADDRESS_1, U256::one());
    assert_eq!(refused, error(Cep18Error::InsufficientRights));
}

#[test]
fn only_admins_change_badges_and_only_with_mint_and_burn_on() {
    let mut suite = Suite::with(|accounts| Options {
        enable_mint_burn: Some(1),
        minter_list: Some(vec![account(accounts[0]).into()]),
        ..Options::default()
    });
    let minter = suite.account_1;
    let grab = calls::change_security(
        vec![account(minter).into()].into(),
        None.into(),
        None.into(),
    );
    let refused = outcome(suite.chain.call_as(minter, &suite.token, grab));
    assert_eq!(refused, error(Cep18Error::InsufficientRights));

    let mut off = Suite::new();
    let grant = calls::change_security(
        None.into(),
        vec![account(off.account_1).into()].into(),
        None.into(),
    );
    let refused = outcome(off.chain.call(&off.token, grant));
    assert_eq!(refused, error(Cep18Error::MintBurnDisabled));
}

#[test]
fn a_key_in_both_install_lists_is_an_admin() {
    let mut suite = Suite::with(|accounts| Options {
        enable_mint_burn: Some(1),
        admin_list: Some(vec![account(accounts[0]).into()]),
        minter_list: Some(vec![account(accounts[0]).into()]),
    });
    let both = suite.account_1;
    let grant = calls::change_security(
        None.into(),
        vec![account(suite.account_2).into()].into(),
        None.into(),
    );
    suite.chain.call_as(both, &suite.token, grant).unwrap();
    suite
        .mint(suite.account_2, TOKEN_OWNER_ADDRESS_1, U256::one())
        .expect("the new minter mints");
}

#[test]
fn badge_changes_are_sent_as_the_references_map_in_key_order() {
    let mut suite = mint_and_burn_enabled();
    let keys = [
        Key::Hash([9; 32]),
        Key::Account(AccountHash::new([200; 32])),
        Key::Hash([1; 32]),
        Key::Account(AccountHash::new([3; 32])),
    ];
    let keys = keys.map(KeyBytes::from);
    let grant =
        calls::change_security(keys.to_vec().into(), keys[..2].to_vec().into(), None.into());
    suite.chain.call(&suite.token, grant).unwrap();
    let execution = suite.chain.last_execution();
    let MessagePayload::Bytes(payload) = execution.messages[0].payload() else {
        panic!("a bytes payload");
    };
    let (sent, rest) = <(Key, BTreeMap<Key, u8>)>::from_bytes(payload).unwrap();
    assert!(rest.is_empty());
    // Admin (0) wins over minter (1) for a key in both lists.
    let expected: BTreeMap<Key, u8> = keys.iter().map(|key| (key.to_key(), 0)).collect();
    assert_eq!(sent.1, expected);
    // Byte for byte the encoding of that map, keys in `Key` order.
    assert_eq!(payload.as_slice(), (sent.0, expected).to_bytes().unwrap());
}
