//! A CEP-18 fungible token written with casper-dsl.
//!
//! Install arguments: `name`, `symbol`, `decimals`, `total_supply` (minted to the installer)
//! and the optional `enable_mint_burn` (default `false`). `mint` is callable only by the `admin`
//! group, whose URef the installer receives under `cep18_<name>_admin_group`; `burn` by any holder, of
//! their own tokens only (as in the reference contract: nobody, an admin included, burns another
//! holder's tokens). Both only if the token was installed with `enable_mint_burn`.
//!
//! Balances and allowances are keyed by `Key`: an account (`Key::Account`) or a contract
//! package (`Key::Hash`), whichever is the immediate caller. Dictionary item keys follow the
//! reference implementation (see `casper_dsl::state`).
#![no_std]

// Several tokens per account, each with its own handles named after it (as the reference
// contract does): `cep18_<name>_package_hash`, `cep18_<name>_contract_hash`, ...
#[casper_dsl::contract(instance = "name")]
pub mod cep18 {
    use casper_dsl::prelude::*;

    #[state]
    pub const NAME: Var<String> = Var::new("name");
    #[state]
    pub const SYMBOL: Var<String> = Var::new("symbol");
    #[state]
    pub const DECIMALS: Var<u8> = Var::new("decimals");
    #[state]
    pub const TOTAL_SUPPLY: Var<U256> = Var::new("total_supply");
    #[state]
    pub const MINT_AND_BURN: Var<bool> = Var::new("enable_mint_burn");
    #[state]
    pub const BALANCES: Mapping<Key, U256> = Mapping::new("balances");
    /// Keyed by `(owner, spender)`.
    #[state]
    pub const ALLOWANCES: Mapping<(Key, Key), U256> = Mapping::new("allowances");

    /// The reference implementation's error codes.
    #[casper_dsl::error]
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Cep18Error {
        InsufficientBalance = 60001,
        InsufficientAllowance = 60002,
        Overflow = 60003,
        MintBurnDisabled = 60016,
        CannotTargetSelfUser = 60017,
        /// `burn` of tokens the caller does not hold.
        InvalidBurnTarget = 60018,
    }

    #[event]
    pub struct Mint {
        pub recipient: Key,
        pub amount: U256,
    }

    #[event]
    pub struct Burn {
        pub owner: Key,
        pub amount: U256,
    }

    #[event]
    pub struct SetAllowance {
        pub owner: Key,
        pub spender: Key,
        pub allowance: U256,
    }

    #[event]
    pub struct Transfer {
        pub sender: Key,
        pub recipient: Key,
        pub amount: U256,
    }

    #[event]
    pub struct TransferFrom {
        pub spender: Key,
        pub owner: Key,
        pub recipient: Key,
        pub amount: U256,
    }

    /// Stores the metadata and mints `total_supply` to the installer.
    #[init]
    pub fn init(
        name: String,
        symbol: String,
        decimals: u8,
        total_supply: U256,
        enable_mint_burn: Option<bool>,
    ) {
        NAME.set(name);
        SYMBOL.set(symbol);
        DECIMALS.set(decimals);
        MINT_AND_BURN.set(enable_mint_burn.unwrap_or(false));
        let installer = Key::Account(get_caller());
        TOTAL_SUPPLY.set(total_supply);
        BALANCES.set(&installer, total_supply);
        emit(Mint {
            recipient: installer,
            amount: total_supply,
        });
    }

    #[entry_point]
    pub fn name() -> String {
        NAME.get()
    }

    #[entry_point]
    pub fn symbol() -> String {
        SYMBOL.get()
    }

    #[entry_point]
    pub fn decimals() -> u8 {
        DECIMALS.get()
    }

    #[entry_point]
    pub fn total_supply() -> U256 {
        TOTAL_SUPPLY.get()
    }

    #[entry_point]
    pub fn balance_of(address: Key) -> U256 {
        BALANCES.get_or_default(&address)
    }

    #[entry_point]
    pub fn allowance(owner: Key, spender: Key) -> U256 {
        ALLOWANCES.get_or_default(&(owner, spender))
    }

    /// Sets the caller's allowance for `spender` to `amount`.
    #[entry_point]
    pub fn approve(spender: Key, amount: U256) -> Result<(), Cep18Error> {
        let owner = immediate_caller();
        set_allowance(owner, spender, amount)
    }

    #[entry_point]
    pub fn increase_allowance(spender: Key, amount: U256) -> Result<(), Cep18Error> {
        let owner = immediate_caller();
        let current = ALLOWANCES.get_or_default(&(owner, spender));
        let raised = current.checked_add(amount).ok_or(Cep18Error::Overflow)?;
        set_allowance(owner, spender, raised)
    }

    /// Lowers the caller's allowance for `spender` by `amount`, down to zero at most.
    #[entry_point]
    pub fn decrease_allowance(spender: Key, amount: U256) -> Result<(), Cep18Error> {
        let owner = immediate_caller();
        let current = ALLOWANCES.get_or_default(&(owner, spender));
        set_allowance(owner, spender, current.saturating_sub(amount))
    }

    #[entry_point]
    pub fn transfer(recipient: Key, amount: U256) -> Result<(), Cep18Error> {
        let sender = immediate_caller();
        move_tokens(sender, recipient, amount)?;
        emit(Transfer {
            sender,
            recipient,
            amount,
        });
        Ok(())
    }

    /// Moves `amount` from `owner` to `recipient` within the caller's allowance, which it uses.
    #[entry_point]
    pub fn transfer_from(owner: Key, recipient: Key, amount: U256) -> Result<(), Cep18Error> {
        let spender = immediate_caller();
        if owner == recipient {
            return Err(Cep18Error::CannotTargetSelfUser);
        }
        let allowance = ALLOWANCES.get_or_default(&(owner, spender));
        let left = allowance
            .checked_sub(amount)
            .ok_or(Cep18Error::InsufficientAllowance)?;
        move_tokens(owner, recipient, amount)?;
        ALLOWANCES.set(&(owner, spender), left);
        emit(TransferFrom {
            spender,
            owner,
            recipient,
            amount,
        });
        Ok(())
    }

    #[entry_point(groups = ["admin"])]
    pub fn mint(owner: Key, amount: U256) -> Result<(), Cep18Error> {
        require_mint_and_burn()?;
        let supply = TOTAL_SUPPLY.get();
        let supply = supply.checked_add(amount).ok_or(Cep18Error::Overflow)?;
        let balance = BALANCES.get_or_default(&owner);
        BALANCES.set(
            &owner,
            balance.checked_add(amount).ok_or(Cep18Error::Overflow)?,
        );
        TOTAL_SUPPLY.set(supply);
        emit(Mint {
            recipient: owner,
            amount,
        });
        Ok(())
    }

    /// Burns `amount` of the caller's own tokens: `owner` must be the immediate caller.
    #[entry_point]
    pub fn burn(owner: Key, amount: U256) -> Result<(), Cep18Error> {
        require_mint_and_burn()?;
        if owner != immediate_caller() {
            return Err(Cep18Error::InvalidBurnTarget);
        }
        let balance = BALANCES.get_or_default(&owner);
        let left = balance
            .checked_sub(amount)
            .ok_or(Cep18Error::InsufficientBalance)?;
        BALANCES.set(&owner, left);
        TOTAL_SUPPLY.set(TOTAL_SUPPLY.get() - amount);
        emit(Burn { owner, amount });
        Ok(())
    }

    fn require_mint_and_burn() -> Result<(), Cep18Error> {
        if MINT_AND_BURN.get() {
            Ok(())
        } else {
            Err(Cep18Error::MintBurnDisabled)
        }
    }

    fn set_allowance(owner: Key, spender: Key, allowance: U256) -> Result<(), Cep18Error> {
        if owner == spender {
            return Err(Cep18Error::CannotTargetSelfUser);
        }
        ALLOWANCES.set(&(owner, spender), allowance);
        emit(SetAllowance {
            owner,
            spender,
            allowance,
        });
        Ok(())
    }

    /// Moves `amount` from `sender` to `recipient`; a zero amount moves nothing but is allowed.
    fn move_tokens(sender: Key, recipient: Key, amount: U256) -> Result<(), Cep18Error> {
        if sender == recipient {
            return Err(Cep18Error::CannotTargetSelfUser);
        }
        let sender_balance = BALANCES.get_or_default(&sender);
        let sender_left = sender_balance
            .checked_sub(amount)
            .ok_or(Cep18Error::InsufficientBalance)?;
        let recipient_balance = BALANCES.get_or_default(&recipient);
        let recipient_total = recipient_balance
            .checked_add(amount)
            .ok_or(Cep18Error::Overflow)?;
        BALANCES.set(&sender, sender_left);
        BALANCES.set(&recipient, recipient_total);
        Ok(())
    }
}
