//! The counter contract on the real Casper execution engine.

use casper_dsl::errors;
use casper_dsl_testing::{
    runtime_args, wasm, AccountHash, ApiError, CLType, CLValue, Chain, ContractHash, ExecError,
    Execution, Key, RuntimeArgs,
};
use counter::counter::{CounterError, COUNT, DEFAULT_CHECKPOINT, OWNER};

const HANDLES: [&str; 3] = [
    "counter_access_uref",
    "counter_contract_hash",
    "counter_package_hash",
];

struct Installed {
    chain: Chain,
    owner: AccountHash,
    counter: ContractHash,
}

impl Installed {
    fn new(start: u64) -> Self {
        Self::on(Chain::new(), start)
    }

    /// Installs the counter on `chain` from the default account.
    fn on(mut chain: Chain, start: u64) -> Self {
        let owner = chain.default_account();
        chain
            .run_session(owner, wasm!(), runtime_args! { "start" => start })
            .expect_success();
        let counter = chain.contract_hash_under(owner, "counter_contract_hash");
        Installed {
            chain,
            owner,
            counter,
        }
    }

    fn call(&mut self, entry_point: &str, args: RuntimeArgs) -> Execution {
        self.chain
            .call_contract(self.owner, self.counter, entry_point, args)
    }

    fn count(&self) -> u64 {
        let key = self.contract_key(COUNT.name());
        self.chain.read_key(key)
    }

    fn contract_key(&self, name: &str) -> Key {
        *self
            .chain
            .contract_named_keys(self.counter)
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
    }

    fn contract_key_names(&self) -> Vec<String> {
        self.chain
            .contract_named_keys(self.counter)
            .names()
            .cloned()
            .collect()
    }

    fn account_key_names(&self, account: AccountHash) -> Vec<String> {
        self.chain
            .account_named_keys(account)
            .names()
            .cloned()
            .collect()
    }
}

#[test]
fn install_puts_exactly_three_handles_in_the_account_and_count_in_the_contract() {
    let mut chain = Chain::new();
    let installer = chain.default_account();
    let before: Vec<String> = chain
        .account_named_keys(installer)
        .names()
        .cloned()
        .collect();

    chain
        .run_session(installer, wasm!(), runtime_args! { "start" => 3u64 })
        .expect_success();

    let after = chain.account_named_keys(installer);
    let added: Vec<&String> = after
        .names()
        .filter(|name| !before.contains(name))
        .collect();
    assert_eq!(
        added,
        HANDLES.iter().collect::<Vec<_>>(),
        "only the handles are added"
    );
    assert!(matches!(
        after.get("counter_contract_hash"),
        Some(Key::Hash(_))
    ));
    assert!(matches!(
        after.get("counter_package_hash"),
        Some(Key::Hash(_))
    ));
    assert!(matches!(
        after.get("counter_access_uref"),
        Some(Key::URef(_))
    ));

    let counter = chain.contract_hash_under(installer, "counter_contract_hash");
    let contract_keys: Vec<String> = chain
        .contract_named_keys(counter)
        .names()
        .cloned()
        .collect();
    assert_eq!(
        contract_keys,
        [COUNT.name(), OWNER.name()],
        "the #[state] items land in the contract, nothing else"
    );
    let contract_keys = chain.contract_named_keys(counter);
    let count_key = *contract_keys.get(COUNT.name()).unwrap();
    assert!(matches!(count_key, Key::URef(_)), "{count_key}");
    assert_eq!(chain.read_key::<u64>(count_key), 3, "the `start` argument");
    assert_eq!(
        contract_keys.get(OWNER.name()),
        Some(&Key::Account(installer)),
        "the installing account, as the key itself"
    );
}

#[test]
fn increment_and_get_return_typed_values() {
    let mut installed = Installed::new(10);
    assert_eq!(
        installed
            .call("increment", runtime_args! { "by" => 5u64 })
            .ret::<u64>(),
        15
    );
    assert_eq!(
        installed
            .call("increment", runtime_args! { "by" => 1u64 })
            .ret::<u64>(),
        16
    );
    assert_eq!(installed.call("get", RuntimeArgs::new()).ret::<u64>(), 16);
    assert_eq!(installed.count(), 16);
}

/// An entry-point row as (name, [(parameter, CLType)], return CLType).
type TableRow = (String, Vec<(String, CLType)>, CLType);

#[test]
fn entry_point_table_is_derived_from_the_signatures() {
    let installed = Installed::new(0);
    let table: Vec<TableRow> = installed
        .chain
        .contract_entry_points(installed.counter)
        .into_iter()
        .map(|entry_point| {
            let params = entry_point
                .args()
                .iter()
                .map(|param| (param.name().to_string(), param.cl_type().clone()))
                .collect();
            (
                entry_point.name().to_string(),
                params,
                entry_point.ret().clone(),
            )
        })
        .collect();
    let param = |name: &str, cl_type: CLType| vec![(name.to_string(), cl_type)];
    assert_eq!(
        table,
        vec![
            (
                "checkpoint".into(),
                param("label", CLType::Option(Box::new(CLType::String))),
                CLType::Unit
            ),
            ("get".into(), vec![], CLType::U64),
            ("increment".into(), param("by", CLType::U64), CLType::U64),
            ("reset".into(), vec![], CLType::Unit),
        ]
    );
}

#[test]
fn entry_point_put_key_lands_in_the_contract_not_the_caller() {
    let mut installed = Installed::new(4);
    let caller_keys = installed.account_key_names(installed.owner);

    installed
        .call(
            "checkpoint",
            runtime_args! { "label" => Some("noon".to_string()) },
        )
        .expect_success();
    installed
        .call("increment", runtime_args! { "by" => 1u64 })
        .expect_success();
    installed
        .call("checkpoint", RuntimeArgs::new())
        .expect_success();

    assert_eq!(installed.account_key_names(installed.owner), caller_keys);
    assert_eq!(
        installed.contract_key_names(),
        [DEFAULT_CHECKPOINT, COUNT.name(), "noon", OWNER.name()]
    );
    assert_eq!(
        installed
            .chain
            .read_key::<u64>(installed.contract_key("noon")),
        4
    );
    assert_eq!(
        installed
            .chain
            .read_key::<u64>(installed.contract_key(DEFAULT_CHECKPOINT)),
        5
    );
}

#[test]
fn reset_by_the_owner_zeroes_the_count() {
    let mut installed = Installed::new(9);
    installed.call("reset", RuntimeArgs::new()).expect_success();
    assert_eq!(installed.count(), 0);
}

/// Runs `attempt`, asserts it reverted with `expected`, and that neither the count nor the
/// contract's or caller's named keys changed.
fn assert_rejected(
    installed: &mut Installed,
    expected: ApiError,
    attempt: impl FnOnce(&mut Installed) -> Execution,
) {
    let count = installed.count();
    let contract_keys = installed.contract_key_names();
    let owner_keys = installed.account_key_names(installed.owner);

    assert_eq!(attempt(installed).expect_revert(), expected);

    assert_eq!(installed.count(), count);
    assert_eq!(installed.contract_key_names(), contract_keys);
    assert_eq!(installed.account_key_names(installed.owner), owner_keys);
}

#[test]
fn missing_argument_reverts_with_missing_argument() {
    let mut installed = Installed::new(1);
    assert_rejected(&mut installed, ApiError::MissingArgument, |i| {
        i.call("increment", RuntimeArgs::new())
    });
}

/// The engine hands a contract only an argument's bytes, not its `CLType`: a wrongly typed
/// argument is caught when its bytes do not decode as the parameter's type (see
/// `strict_argument_checking_rejects_every_mistyped_argument` for the engine-side check).
#[test]
fn wrongly_typed_argument_reverts_with_invalid_argument() {
    let mut installed = Installed::new(1);
    assert_rejected(&mut installed, ApiError::InvalidArgument, |i| {
        i.call("increment", runtime_args! { "by" => 5u32 })
    });
    assert_rejected(&mut installed, ApiError::InvalidArgument, |i| {
        i.call("increment", runtime_args! { "by" => "five!" })
    });
    assert_rejected(&mut installed, ApiError::InvalidArgument, |i| {
        i.call("checkpoint", runtime_args! { "label" => 7u8 })
    });
    // Longer than any `u64`: refused before its bytes are read.
    assert_rejected(&mut installed, ApiError::InvalidArgument, |i| {
        i.call("increment", runtime_args! { "by" => [7u8; 1_000] })
    });
    // An `Option<String>` whose text is not UTF-8 (an overlong NUL).
    assert_rejected(&mut installed, ApiError::InvalidArgument, |i| {
        let label = CLValue::from_components(
            CLType::Option(Box::new(CLType::String)),
            vec![1, 2, 0, 0, 0, 0xC0, 0x80],
        );
        let mut args = RuntimeArgs::new();
        args.insert_cl_value("label", label);
        i.call("checkpoint", args)
    });
}

/// The count starts from the `start` install argument without an `#[init]` round trip: the
/// table has no `init`, so no call can set the count after install.
#[test]
fn no_entry_point_sets_the_count_after_install() {
    let mut installed = Installed::new(2);
    let exports: Vec<String> = installed
        .chain
        .contract_entry_points(installed.counter)
        .iter()
        .map(|entry_point| entry_point.name().to_string())
        .collect();
    assert_eq!(exports, ["checkpoint", "get", "increment", "reset"]);
    let before = installed.chain.state_root();
    let init = installed.call("init", runtime_args! { "start" => 100u64 });
    assert!(!init.is_success() && init.api_error().is_none(), "{init:?}");
    assert_eq!(installed.count(), 2);
    assert_eq!(installed.contract_key_names(), [COUNT.name(), OWNER.name()]);
    assert_eq!(installed.chain.state_root(), before, "nothing changed");
}

#[test]
fn reset_by_another_account_reverts_with_the_user_error() {
    let mut installed = Installed::new(8);
    let stranger = installed.chain.create_funded_account();
    assert_rejected(&mut installed, CounterError::NotOwner.into(), |i| {
        i.chain
            .call_contract(stranger, i.counter, "reset", RuntimeArgs::new())
    });
    assert_eq!(installed.count(), 8);
}

#[test]
fn panic_in_contract_code_reverts_with_the_panic_code() {
    let mut installed = Installed::new(u64::MAX - 1);
    assert_rejected(&mut installed, errors::PANIC, |i| {
        i.call("increment", runtime_args! { "by" => 2u64 })
    });
}

#[test]
fn strict_argument_checking_accepts_the_generated_table() {
    let mut installed = Installed::on(Chain::with_strict_argument_checking(), 1);
    let calls = [
        ("increment", runtime_args! { "by" => 2u64 }),
        ("get", RuntimeArgs::new()),
        ("checkpoint", RuntimeArgs::new()),
        (
            "checkpoint",
            runtime_args! { "label" => Some("x".to_string()) },
        ),
        ("reset", RuntimeArgs::new()),
    ];
    for (entry_point, args) in calls {
        installed.call(entry_point, args).expect_success();
    }
    // With strict checking the engine itself rejects a call that disagrees with the table.
    let missing = installed.call("increment", RuntimeArgs::new());
    assert!(
        matches!(missing.exec_error(), Some(ExecError::MissingArgument { name }) if name == "by"),
        "{missing:?}"
    );
}

/// `"five"` serialises to exactly 8 bytes, which also decode as a `u64`: only the engine, which
/// sees the argument's `CLType`, can tell. With strict checking it does.
#[test]
fn strict_argument_checking_rejects_every_mistyped_argument() {
    let mut installed = Installed::on(Chain::with_strict_argument_checking(), 1);
    assert!(matches!(
        installed
            .call("increment", runtime_args! { "by" => "five" })
            .exec_error(),
        Some(ExecError::TypeMismatch(_))
    ));
    assert_eq!(installed.count(), 1, "the rejected call changed nothing");
}
