//! The CEP-18 token on the real Casper execution engine: install arguments, metadata,
//! transfers, allowances, mint/burn permissions, events, and where every named key lands.

mod common;

use casper_dsl::state::item_key;
use casper_dsl::{events::EventsMode, Install};
use casper_dsl_testing::{
    casper_types::AccessRights, AccountHash, CLType, CLValue, Chain, Deployed, ExecError, Key,
    RuntimeArgs, ToBytes, URef, U256,
};
use cep18::cep18::{
    calls, installer, Burn, Cep18Error, DecreaseAllowance, IncreaseAllowance, Mint, SetAllowance,
    Transfer, TransferFrom,
};

const SUPPLY: u64 = 1_000;

struct Token {
    chain: Chain,
    token: Deployed,
    installer: AccountHash,
}

fn account(hash: AccountHash) -> Key {
    Key::Account(hash)
}

/// Installs "Casper DSL Token", with mint and burn on if `enable_mint_burn` is non-zero.
fn install(enable_mint_burn: u8) -> Token {
    let mut chain = Chain::new();
    let token = chain
        .install(token_named("Casper DSL Token", SUPPLY, enable_mint_burn))
        .expect("installs");
    let installer = chain.default_account();
    Token {
        chain,
        token,
        installer,
    }
}

/// The install of a token `name` (symbol "CDT", 9 decimals) with no admin or minter list.
fn token_named(name: &str, supply: u64, enable_mint_burn: u8) -> Install {
    installer(
        name.into(),
        "CDT".into(),
        9,
        U256::from(supply),
        enable_mint_burn.into(),
        None.into(),
        None.into(),
    )
    // Native messages, which the event checks read.
    .with_events_mode(EventsMode::Native)
}

impl Token {
    fn balance(&mut self, owner: Key) -> U256 {
        common::balance_of(&mut self.chain, &self.token, owner)
    }

    fn allowance(&mut self, owner: Key, spender: Key) -> U256 {
        common::allowance(&mut self.chain, &self.token, owner, spender)
    }

    fn supply(&mut self) -> U256 {
        common::total_supply(&mut self.chain, &self.token)
    }
}

#[test]
fn install_stores_the_metadata_in_the_contract_and_mints_the_supply() {
    let mut t = install(0);
    let name: String = t.chain.call(&t.token, calls::name()).unwrap();
    let symbol: String = t.chain.call(&t.token, calls::symbol()).unwrap();
    let decimals: u8 = t.chain.call(&t.token, calls::decimals()).unwrap();
    assert_eq!(
        (name.as_str(), symbol.as_str(), decimals),
        ("Casper DSL Token", "CDT", 9)
    );
    assert_eq!(t.supply(), U256::from(SUPPLY));
    let owner = account(t.installer);
    assert_eq!(t.balance(owner), U256::from(SUPPLY));

    let contract_keys = t.chain.contract_named_keys(t.token.contract_hash);
    for key in [
        "name",
        "symbol",
        "decimals",
        "total_supply",
        "enable_mint_burn",
        "balances",
        "allowances",
        "security_badges",
    ] {
        assert!(contract_keys.contains(key), "`{key}` is in the contract");
    }
    // The reference keeps the package as a plain `Key::Hash`, not behind a URef.
    assert_eq!(
        contract_keys.get("package_hash"),
        Some(&Key::Hash(t.token.package_hash.value()))
    );
    // The installing account holds the reference's four keys, named after the token.
    let account_keys = t.chain.account_named_keys(t.installer);
    let mut names: Vec<&str> = account_keys.names().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "cep18_contract_hash_Casper DSL Token",
            "cep18_contract_package_Casper DSL Token",
            "cep18_contract_package_access_Casper DSL Token",
            "cep18_contract_version_Casper DSL Token",
        ]
    );
    let version_uref = account_keys
        .get("cep18_contract_version_Casper DSL Token")
        .unwrap();
    assert_eq!(t.chain.read_key::<u32>(*version_uref), 1);
}

#[test]
fn balances_are_found_off_chain_under_the_documented_item_key() {
    let mut t = install(0);
    let owner = account(t.installer);
    let balances = *t
        .chain
        .contract_named_keys(t.token.contract_hash)
        .get("balances")
        .unwrap();
    let seed = balances.into_uref().unwrap();
    let stored: Option<U256> = t
        .chain
        .read_dictionary_item(seed, &item_key(&owner).unwrap());
    assert_eq!(stored, Some(U256::from(SUPPLY)));
    let stranger = account(t.chain.create_funded_account());
    assert_eq!(
        t.chain
            .read_dictionary_item::<U256>(seed, &item_key(&stranger).unwrap()),
        None
    );
    assert_eq!(t.balance(stranger), U256::zero());
}

#[test]
fn one_account_installs_two_tokens_side_by_side() {
    let mut t = install(0);
    let other = token_named("OtherToken", 5, 0);

    let second = t.chain.install(other).expect("a second instance installs");

    assert_ne!(second.package_hash, t.token.package_hash);
    let keys = t.chain.account_named_keys(t.installer);
    for token in ["Casper DSL Token", "OtherToken"] {
        for kind in [
            "contract_package",
            "contract_package_access",
            "contract_hash",
            "contract_version",
        ] {
            assert!(
                keys.contains(&format!("cep18_{kind}_{token}")),
                "{token} {kind}"
            );
        }
    }
    let name: String = t.chain.call(&t.token, calls::name()).unwrap();
    assert_eq!(name, "Casper DSL Token");
    assert_eq!(t.supply(), U256::from(SUPPLY));
    let name: String = t.chain.call(&second, calls::name()).unwrap();
    assert_eq!(name, "OtherToken");
    let supply: U256 = t.chain.call(&second, calls::total_supply()).unwrap();
    assert_eq!(supply, U256::from(5));
}

#[test]
fn installing_a_token_of_the_same_name_again_never_upgrades_it() {
    let mut t = install(0);
    let before = t.chain.state_root();
    let again = token_named("Casper DSL Token", 5, 0);

    let refused = t.chain.install(again).unwrap_err();

    assert_eq!(
        refused.api_error(),
        Some(casper_dsl::errors::ALREADY_INSTALLED)
    );
    assert_eq!(t.chain.state_root(), before, "the first token is untouched");
    assert_eq!(t.supply(), U256::from(SUPPLY));
}

#[test]
fn the_install_emits_the_initial_mint() {
    let mut chain = Chain::new();
    chain.install(token_named("T", 7, 0)).unwrap();
    let minted = chain.last_execution().events::<Mint>();
    assert_eq!(minted.len(), 1);
    assert_eq!(minted[0].recipient, account(chain.default_account()).into());
    assert_eq!(minted[0].amount, U256::from(7));
}

#[test]
fn a_transfer_moves_the_amount_and_emits_an_event() {
    let mut t = install(0);
    let owner = account(t.installer);
    let recipient = account(t.chain.create_funded_account());
    t.chain
        .call(&t.token, calls::transfer(recipient.into(), U256::from(300)))
        .unwrap();
    let events = t.chain.last_execution().events::<Transfer>();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].sender, events[0].recipient, events[0].amount),
        (owner.into(), recipient.into(), U256::from(300))
    );
    assert_eq!(t.balance(owner), U256::from(SUPPLY - 300));
    assert_eq!(t.balance(recipient), U256::from(300));
    assert_eq!(t.supply(), U256::from(SUPPLY));
}

#[test]
fn a_zero_transfer_moves_nothing_and_is_recorded() {
    let mut t = install(0);
    let owner = account(t.installer);
    let recipient = account(t.chain.create_funded_account());
    t.chain
        .call(&t.token, calls::transfer(recipient.into(), U256::zero()))
        .unwrap();
    let recorded = t.chain.last_execution().events::<Transfer>();
    assert_eq!(recorded.len(), 1, "the reference records it too");
    assert_eq!(recorded[0].amount, U256::zero());
    assert_eq!(t.balance(owner), U256::from(SUPPLY));
    assert_eq!(t.balance(recipient), U256::zero());
}

#[test]
fn a_zero_transfer_from_does_nothing_at_all() {
    let mut t = install(0);
    let owner = account(t.installer);
    let spender_account = t.chain.create_funded_account();
    let recipient = account(t.chain.create_funded_account());
    // No allowance at all: a zero amount is not even checked against it.
    t.chain
        .call_as(
            spender_account,
            &t.token,
            calls::transfer_from(owner.into(), recipient.into(), U256::zero()),
        )
        .unwrap();
    assert!(t.chain.last_execution().messages.is_empty(), "no event");
    assert_eq!(t.balance(owner), U256::from(SUPPLY));
    assert_eq!(t.balance(recipient), U256::zero());
    assert_eq!(t.allowance(owner, account(spender_account)), U256::zero());
}

#[test]
fn init_runs_once_and_refuses_later_calls_with_the_references_code() {
    let mut t = install(1);
    let args = token_named("Casper DSL Token", 1_000_000, 1).args;
    let stranger = t.chain.create_funded_account();
    let before = t.chain.state_root();
    for caller in [t.installer, stranger] {
        let again =
            t.chain
                .call_contract_package(caller, t.token.package_hash, "init", args.clone());
        assert_eq!(
            again.api_error(),
            Some(Cep18Error::AlreadyInitialized.into())
        );
    }
    assert_eq!(t.chain.state_root(), before, "nothing changed");
    assert_eq!(t.supply(), U256::from(SUPPLY));
    assert_eq!(t.balance(account(stranger)), U256::zero());
}

/// `transfer`'s arguments with `recipient` given as the bytes of a `Key` argument.
fn transfer_to_bytes(recipient: Vec<u8>, amount: u64) -> RuntimeArgs {
    let mut args = RuntimeArgs::new();
    args.insert_cl_value(
        "recipient",
        CLValue::from_components(CLType::Key, recipient),
    );
    args.insert("amount", U256::from(amount)).unwrap();
    args
}

#[test]
fn a_holder_that_is_not_a_key_is_refused_and_changes_nothing() {
    let mut t = install(0);
    let valid = Key::Hash([5; 32]).to_bytes().unwrap();
    let mut bad_rights = Key::URef(URef::new([5; 32], AccessRights::READ))
        .to_bytes()
        .unwrap();
    *bad_rights.last_mut().unwrap() = 0xF0;
    let malformed = [
        valid[..20].to_vec(),              // cut short
        [valid.clone(), vec![0]].concat(), // a byte too many
        vec![99; 33],                      // no such kind of key
        bad_rights,                        // access rights that do not exist
    ];
    let before = t.chain.state_root();
    for recipient in malformed {
        let args = transfer_to_bytes(recipient.clone(), 1);
        let sent = t
            .chain
            .call_contract(t.installer, t.token.contract_hash, "transfer", args);
        // The engine checks a `Key` argument's bytes before the token runs; the token's own
        // reader refuses the same bytes (the runtime's `key_bytes` tests).
        assert!(
            matches!(sent.exec_error(), Some(ExecError::CLValue(_))),
            "{recipient:?}: {:?}",
            sent.error()
        );
    }
    assert_eq!(t.chain.state_root(), before, "nothing changed");
}

#[test]
fn a_key_with_stray_padding_is_the_key_it_decodes_to() {
    let mut t = install(0);
    // A registry key's 32 bytes after its tag are padding, which casper-types ignores.
    let mut stray = Key::EraSummary.to_bytes().unwrap();
    stray[1..].fill(0xEE);
    let args = transfer_to_bytes(stray, 9);
    t.chain
        .call_contract(t.installer, t.token.contract_hash, "transfer", args)
        .expect_success();
    assert_eq!(t.balance(Key::EraSummary), U256::from(9));
}

#[test]
fn bad_transfers_revert_with_their_code_and_change_nothing() {
    let mut t = install(0);
    let owner = account(t.installer);
    let recipient = account(t.chain.create_funded_account());
    let before = t.chain.state_root();

    let to_self = t
        .chain
        .call(&t.token, calls::transfer(owner.into(), U256::from(1)))
        .unwrap_err();
    assert!(to_self.is(Cep18Error::CannotTargetSelfUser), "{to_self}");
    let too_much = t
        .chain
        .call(
            &t.token,
            calls::transfer(recipient.into(), U256::from(SUPPLY + 1)),
        )
        .unwrap_err();
    assert!(too_much.is(Cep18Error::InsufficientBalance), "{too_much}");
    assert!(too_much.execution.messages.is_empty());

    assert_eq!(t.chain.state_root(), before, "global state is unchanged");
    assert_eq!(t.balance(owner), U256::from(SUPPLY));
    assert_eq!(t.balance(recipient), U256::zero());
}

#[test]
fn allowances_are_set_raised_lowered_and_never_for_oneself() {
    let mut t = install(0);
    let owner = account(t.installer);
    let spender = account(t.chain.create_funded_account());
    t.chain
        .call(&t.token, calls::approve(spender.into(), U256::from(50)))
        .unwrap();
    let set = t.chain.last_execution().events::<SetAllowance>();
    assert_eq!(
        (set[0].owner, set[0].spender, set[0].allowance),
        (owner.into(), spender.into(), U256::from(50))
    );
    assert_eq!(t.allowance(owner, spender), U256::from(50));
    t.chain
        .call(
            &t.token,
            calls::increase_allowance(spender.into(), U256::from(25)),
        )
        .unwrap();
    assert_eq!(t.allowance(owner, spender), U256::from(75));
    t.chain
        .call(
            &t.token,
            calls::decrease_allowance(spender.into(), U256::from(100)),
        )
        .unwrap();
    let lowered = t.chain.last_execution().events::<DecreaseAllowance>();
    assert_eq!(
        (lowered[0].allowance, lowered[0].decr_by),
        (U256::zero(), U256::from(100))
    );
    assert_eq!(
        t.allowance(owner, spender),
        U256::zero(),
        "saturates at zero"
    );
    // Raising saturates at the maximum, as in the reference.
    t.chain
        .call(&t.token, calls::approve(spender.into(), U256::MAX - 1))
        .unwrap();
    t.chain
        .call(
            &t.token,
            calls::increase_allowance(spender.into(), U256::from(5)),
        )
        .unwrap();
    let raised = t.chain.last_execution().events::<IncreaseAllowance>();
    assert_eq!(
        (raised[0].allowance, raised[0].inc_by),
        (U256::MAX, U256::from(5))
    );
    assert_eq!(t.allowance(owner, spender), U256::MAX);
    let own = t
        .chain
        .call(&t.token, calls::approve(owner.into(), U256::one()))
        .unwrap_err();
    assert!(own.is(Cep18Error::CannotTargetSelfUser), "{own}");
}

#[test]
fn transfer_from_spends_the_allowance_and_no_more() {
    let mut t = install(0);
    let owner = account(t.installer);
    let spender_account = t.chain.create_funded_account();
    let spender = account(spender_account);
    let recipient = account(t.chain.create_funded_account());
    t.chain
        .call(&t.token, calls::approve(spender.into(), U256::from(100)))
        .unwrap();

    t.chain
        .call_as(
            spender_account,
            &t.token,
            calls::transfer_from(owner.into(), recipient.into(), U256::from(60)),
        )
        .unwrap();
    let moved = t.chain.last_execution().events::<TransferFrom>();
    assert_eq!(
        (
            moved[0].spender,
            moved[0].owner,
            moved[0].recipient,
            moved[0].amount
        ),
        (
            spender.into(),
            owner.into(),
            recipient.into(),
            U256::from(60)
        )
    );
    assert_eq!(t.allowance(owner, spender), U256::from(40));
    assert_eq!(t.balance(recipient), U256::from(60));

    let beyond = t
        .chain
        .call_as(
            spender_account,
            &t.token,
            calls::transfer_from(owner.into(), recipient.into(), U256::from(41)),
        )
        .unwrap_err();
    assert!(beyond.is(Cep18Error::InsufficientAllowance), "{beyond}");
    assert_eq!(t.allowance(owner, spender), U256::from(40));
    assert_eq!(t.balance(recipient), U256::from(60));
    assert_eq!(t.balance(owner), U256::from(SUPPLY - 60));
}

#[test]
fn admins_mint_and_holders_burn_only_their_own_tokens() {
    let mut t = install(1);
    let holder_account = t.chain.create_funded_account();
    let holder = account(holder_account);
    t.chain
        .call(&t.token, calls::mint(holder.into(), U256::from(500)))
        .unwrap();
    let minted = t.chain.last_execution().events::<Mint>();
    assert_eq!(
        (minted[0].recipient, minted[0].amount),
        (holder.into(), U256::from(500))
    );
    assert_eq!(t.supply(), U256::from(SUPPLY + 500));

    // The admin cannot burn the holder's tokens.
    let before = t.chain.state_root();
    let not_theirs = t
        .chain
        .call(&t.token, calls::burn(holder.into(), U256::from(200)))
        .unwrap_err();
    assert!(not_theirs.is(Cep18Error::InvalidBurnTarget), "{not_theirs}");
    assert_eq!(t.chain.state_root(), before, "nothing burnt");

    // The holder burns their own.
    t.chain
        .call_as(
            holder_account,
            &t.token,
            calls::burn(holder.into(), U256::from(200)),
        )
        .unwrap();
    let burnt = t.chain.last_execution().events::<Burn>();
    assert_eq!(
        (burnt[0].owner, burnt[0].amount),
        (holder.into(), U256::from(200))
    );
    assert_eq!(t.balance(holder), U256::from(300));
    assert_eq!(t.supply(), U256::from(SUPPLY + 300));

    let over_burn = t
        .chain
        .call_as(
            holder_account,
            &t.token,
            calls::burn(holder.into(), U256::from(301)),
        )
        .unwrap_err();
    assert!(over_burn.is(Cep18Error::InsufficientBalance), "{over_burn}");
    let overflow = t
        .chain
        .call(&t.token, calls::mint(holder.into(), U256::MAX))
        .unwrap_err();
    assert!(overflow.is(Cep18Error::Overflow), "{overflow}");
    assert_eq!(t.supply(), U256::from(SUPPLY + 300));
}

#[test]
fn outsiders_cannot_mint_nor_burn_others_tokens() {
    let mut t = install(1);
    let outsider = t.chain.create_funded_account();
    let before = t.chain.state_root();
    let refused = t
        .chain
        .call_as(
            outsider,
            &t.token,
            calls::mint(account(outsider).into(), U256::one()),
        )
        .unwrap_err();
    assert!(refused.is(Cep18Error::InsufficientRights), "{refused}");
    assert_eq!(t.chain.state_root(), before, "nothing minted");
    let refused = t
        .chain
        .call_as(
            outsider,
            &t.token,
            calls::burn(account(t.installer).into(), U256::one()),
        )
        .unwrap_err();
    assert!(refused.is(Cep18Error::InvalidBurnTarget), "{refused}");
    assert_eq!(t.supply(), U256::from(SUPPLY));
}

#[test]
fn mint_and_burn_are_off_unless_enabled_at_install() {
    let mut t = install(0);
    let disabled = t
        .chain
        .call(
            &t.token,
            calls::mint(account(t.installer).into(), U256::one()),
        )
        .unwrap_err();
    assert!(disabled.is(Cep18Error::MintBurnDisabled), "{disabled}");
    assert_eq!(t.supply(), U256::from(SUPPLY));
}

#[test]
fn optional_arguments_pass_strict_argument_checking_given_bare_or_left_out() {
    let mut chain = Chain::with_strict_argument_checking();
    let admin = chain.create_funded_account();
    let install = installer(
        "Strict".into(),
        "STR".into(),
        9,
        U256::from(SUPPLY),
        1.into(),
        vec![account(admin).into()].into(),
        None.into(),
    );
    let token = chain
        .install(install)
        .expect("installs with a list left out");
    // As in the reference's table, the optional arguments are not declared.
    let table = chain.contract_entry_points(token.contract_hash);
    let change_security = table
        .iter()
        .find(|entry_point| entry_point.name() == "change_security")
        .unwrap();
    assert!(change_security.args().is_empty());

    let installer_key = account(chain.default_account());
    let revoke =
        calls::change_security(None.into(), None.into(), vec![installer_key.into()].into());
    chain.call_as(admin, &token, revoke).unwrap();
    let refused = chain
        .call(&token, calls::mint(installer_key.into(), U256::one()))
        .unwrap_err();
    assert!(refused.is(Cep18Error::InsufficientRights), "{refused}");
}
