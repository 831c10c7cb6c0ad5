//! How the token records its events in each `events_mode`, read back the way the tools around
//! Casper read them: CES as an indexer does (the contract's `__events_schema` and `__events`,
//! decoded with casper-event-standard's own derive), native messages from the execution result.

use std::collections::BTreeMap;

use casper_dsl::{errors, events::EventsMode, Install};
use casper_dsl_testing::{AccountHash, Chain, Deployed, Key, U256};
use casper_event_standard::{
    try_full_name_from_bytes, Schemas, CES_VERSION, CES_VERSION_KEY, EVENTS_DICT, EVENTS_LENGTH,
    EVENTS_SCHEMA,
};
use cep18::cep18::{calls, installer, Transfer};

/// The reference contract's events, declared with the standard's own derive: what an indexer
/// decodes the token's records with.
mod reference {
    use std::collections::BTreeMap;

    use casper_dsl_testing::{Key, U256};
    use casper_event_standard::Event;

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct Mint {
        pub recipient: Key,
        pub amount: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct Burn {
        pub owner: Key,
        pub amount: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct SetAllowance {
        pub owner: Key,
        pub spender: Key,
        pub allowance: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct IncreaseAllowance {
        pub owner: Key,
        pub spender: Key,
        pub allowance: U256,
        pub inc_by: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct DecreaseAllowance {
        pub owner: Key,
        pub spender: Key,
        pub allowance: U256,
        pub decr_by: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct Transfer {
        pub sender: Key,
        pub recipient: Key,
        pub amount: U256,
    }

    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct TransferFrom {
        pub spender: Key,
        pub owner: Key,
        pub recipient: Key,
        pub amount: U256,
    }

    /// The reference's `BTreeMap<Key, SecurityBadge>`, a badge being a `u8`.
    #[derive(Event, Debug, PartialEq, Eq)]
    pub struct ChangeSecurity {
        pub admin: Key,
        pub sec_change_map: BTreeMap<Key, u8>,
    }
}

/// One decoded record of the token's `__events`.
#[derive(Debug, PartialEq, Eq)]
enum Recorded {
    Mint(reference::Mint),
    Burn(reference::Burn),
    SetAllowance(reference::SetAllowance),
    IncreaseAllowance(reference::IncreaseAllowance),
    DecreaseAllowance(reference::DecreaseAllowance),
    Transfer(reference::Transfer),
    TransferFrom(reference::TransferFrom),
    ChangeSecurity(reference::ChangeSecurity),
}

const SUPPLY: u64 = 1_000;

/// A token with mint and burn on, installed in `mode` (`None`: the argument left out).
fn install(mode: Option<EventsMode>) -> (Chain, Deployed) {
    let mut chain = Chain::new();
    let install = token();
    let install = match mode {
        Some(mode) => install.with_events_mode(mode),
        None => install,
    };
    let token = chain.install(install).expect("installs");
    (chain, token)
}

fn token() -> Install {
    installer(
        "Indexed Token".into(),
        "IDX".into(),
        9,
        U256::from(SUPPLY),
        1.into(),
        None.into(),
        None.into(),
    )
}

fn account(hash: AccountHash) -> Key {
    Key::Account(hash)
}

/// Every record of the token's `__events`, read from its named keys and decoded as an indexer
/// does: by the name each record starts with, with the schema's event types.
fn indexed_events(chain: &Chain, token: &Deployed) -> Vec<Recorded> {
    let keys = chain.contract_named_keys(token.contract_hash);
    let length: u32 = chain.read_key(*keys.get(EVENTS_LENGTH).expect("`__events_length`"));
    let dictionary = keys
        .get(EVENTS_DICT)
        .and_then(|key| key.into_uref())
        .expect("`__events` is a dictionary");
    (0..length)
        .map(|index| {
            let record: casper_dsl::casper_types::bytesrepr::Bytes = chain
                .read_dictionary_item(dictionary, &index.to_string())
                .expect("every index below the length holds a record");
            decode(&record)
        })
        .collect()
}

fn decode(record: &[u8]) -> Recorded {
    use casper_dsl::casper_types::bytesrepr::deserialize_from_slice as parse;
    let name = try_full_name_from_bytes(record).expect("a record starts with its name");
    match name.as_str() {
        "event_Mint" => Recorded::Mint(parse(record).unwrap()),
        "event_Burn" => Recorded::Burn(parse(record).unwrap()),
        "event_SetAllowance" => Recorded::SetAllowance(parse(record).unwrap()),
        "event_IncreaseAllowance" => Recorded::IncreaseAllowance(parse(record).unwrap()),
        "event_DecreaseAllowance" => Recorded::DecreaseAllowance(parse(record).unwrap()),
        "event_Transfer" => Recorded::Transfer(parse(record).unwrap()),
        "event_TransferFrom" => Recorded::TransferFrom(parse(record).unwrap()),
        "event_ChangeSecurity" => Recorded::ChangeSecurity(parse(record).unwrap()),
        other => panic!("an event the token does not declare: {other}"),
    }
}

#[test]
fn ces_records_are_what_an_indexer_reads() {
    let (mut chain, token) = install(Some(EventsMode::Ces));
    let owner = account(chain.default_account());
    let spender_hash = chain.create_funded_account();
    let (spender, recipient) = (account(spender_hash), Key::Hash([7; 32]));
    let amount = U256::from;
    chain
        .call(&token, calls::transfer(recipient.into(), amount(10)))
        .unwrap();
    chain
        .call(&token, calls::approve(spender.into(), amount(50)))
        .unwrap();
    chain
        .call(&token, calls::increase_allowance(spender.into(), amount(5)))
        .unwrap();
    chain
        .call(
            &token,
            calls::decrease_allowance(spender.into(), amount(15)),
        )
        .unwrap();
    let spend = calls::transfer_from(owner.into(), recipient.into(), amount(20));
    chain.call_as(spender_hash, &token, spend).unwrap();
    chain
        .call(&token, calls::mint(spender.into(), amount(3)))
        .unwrap();
    chain
        .call(&token, calls::burn(owner.into(), amount(4)))
        .unwrap();
    let badge = calls::change_security(None.into(), vec![spender.into()].into(), None.into());
    chain.call(&token, badge).unwrap();
    assert!(chain.last_execution().messages.is_empty(), "CES only");

    let keys = chain.contract_named_keys(token.contract_hash);
    let schemas: Schemas = chain.read_key(*keys.get(EVENTS_SCHEMA).unwrap());
    let declared = Schemas::new()
        .with::<reference::Mint>()
        .with::<reference::Burn>()
        .with::<reference::SetAllowance>()
        .with::<reference::IncreaseAllowance>()
        .with::<reference::DecreaseAllowance>()
        .with::<reference::Transfer>()
        .with::<reference::TransferFrom>()
        .with::<reference::ChangeSecurity>();
    assert_eq!(
        schemas, declared,
        "the schema is the reference's, field for field"
    );
    let version: String = chain.read_key(*keys.get(CES_VERSION_KEY).unwrap());
    assert_eq!(version, CES_VERSION);

    let (supply, installer) = (amount(SUPPLY), owner);
    assert_eq!(
        indexed_events(&chain, &token),
        [
            Recorded::Mint(reference::Mint {
                recipient: installer,
                amount: supply
            }),
            Recorded::Transfer(reference::Transfer {
                sender: owner,
                recipient,
                amount: amount(10)
            }),
            Recorded::SetAllowance(reference::SetAllowance {
                owner,
                spender,
                allowance: amount(50)
            }),
            Recorded::IncreaseAllowance(reference::IncreaseAllowance {
                owner,
                spender,
                allowance: amount(55),
                inc_by: amount(5)
            }),
            Recorded::DecreaseAllowance(reference::DecreaseAllowance {
                owner,
                spender,
                allowance: amount(40),
                decr_by: amount(15)
            }),
            Recorded::TransferFrom(reference::TransferFrom {
                spender,
                owner,
                recipient,
                amount: amount(20)
            }),
            Recorded::Mint(reference::Mint {
                recipient: spender,
                amount: amount(3)
            }),
            Recorded::Burn(reference::Burn {
                owner,
                amount: amount(4)
            }),
            Recorded::ChangeSecurity(reference::ChangeSecurity {
                admin: owner,
                sec_change_map: BTreeMap::from([(spender, 1)]),
            }),
        ]
    );
}

#[test]
fn without_events_mode_nothing_is_recorded() {
    let (mut chain, token) = install(None);
    chain
        .call(
            &token,
            calls::transfer(Key::Hash([7; 32]).into(), U256::one()),
        )
        .unwrap();
    let execution = chain.last_execution();
    assert!(execution.messages.is_empty() && execution.ces_records.is_empty());
    assert!(execution.events::<Transfer>().is_empty());
    let keys = chain.contract_named_keys(token.contract_hash);
    for ces_key in [EVENTS_DICT, EVENTS_LENGTH, EVENTS_SCHEMA, CES_VERSION_KEY] {
        assert!(!keys.contains(ces_key), "no `{ces_key}` without CES");
    }
    let mode: u8 = chain.read_key(*keys.get("events_mode").unwrap());
    assert_eq!(mode, 0, "kept as the reference keeps it");
}

#[test]
fn native_mode_sends_messages_and_keeps_no_ces_keys() {
    let (mut chain, token) = install(Some(EventsMode::Native));
    chain
        .call(
            &token,
            calls::transfer(Key::Hash([7; 32]).into(), U256::one()),
        )
        .unwrap();
    let execution = chain.last_execution();
    assert_eq!(execution.messages.len(), 1);
    assert!(execution.ces_records.is_empty());
    let keys = chain.contract_named_keys(token.contract_hash);
    assert!(!keys.contains(EVENTS_SCHEMA));
}

#[test]
fn native_and_ces_mode_records_each_event_both_ways() {
    let (mut chain, token) = install(Some(EventsMode::NativeAndCes));
    let recipient = Key::Hash([7; 32]);
    chain
        .call(&token, calls::transfer(recipient.into(), U256::one()))
        .unwrap();
    let execution = chain.last_execution();
    assert_eq!(
        (execution.messages.len(), execution.ces_records.len()),
        (1, 1)
    );
    let expected = reference::Transfer {
        sender: account(chain.default_account()),
        recipient,
        amount: U256::one(),
    };
    assert_eq!(
        indexed_events(&chain, &token).last(),
        Some(&Recorded::Transfer(expected))
    );
}

#[test]
fn the_test_kit_reads_the_events_of_every_mode() {
    for mode in [
        EventsMode::Ces,
        EventsMode::Native,
        EventsMode::NativeAndCes,
    ] {
        let (mut chain, token) = install(Some(mode));
        let recipient = Key::Hash([7; 32]);
        chain
            .call(&token, calls::transfer(recipient.into(), U256::from(2)))
            .unwrap();
        let transfers = chain.last_execution().events::<Transfer>();
        let sender = account(chain.default_account());
        let seen: Vec<_> = transfers
            .iter()
            .map(|t| (t.sender, t.recipient, t.amount))
            .collect();
        assert_eq!(
            seen,
            [(sender.into(), recipient.into(), U256::from(2))],
            "{mode:?}"
        );
    }
}

#[test]
fn an_unknown_events_mode_is_refused_and_changes_nothing() {
    let mut chain = Chain::new();
    let before = chain.state_root();
    let mut install = token();
    casper_dsl::__private::insert_arg(&mut install.args, "events_mode", 4u8);
    let Err(refused) = chain.install(install) else {
        panic!("an unknown mode is refused");
    };
    assert_eq!(refused.api_error(), Some(errors::INVALID_EVENTS_MODE));
    assert_eq!(chain.state_root(), before, "nothing was created");
}
