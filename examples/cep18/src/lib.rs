//! A CEP-18 fungible token written with casper-dsl, at parity with the reference contract
//! (casper-ecosystem/cep18): its install arguments, entry points, error codes, security
//! badges and named keys, so wallets and explorers that know CEP-18 find the token.
//!
//! Install arguments: `name`, `symbol`, `decimals`, `total_supply` (minted to the installer),
//! and, optional and bare as the reference takes them, `enable_mint_burn: u8` (0, the default,
//! turns mint, burn and `change_security` off), `admin_list: Vec<Key>` and
//! `minter_list: Vec<Key>`, and `events_mode: u8`, how events are recorded, numbered as the
//! reference numbers it: 0 (the default) none, 1 the Casper Event Standard (what indexers
//! read), 2 native messages, 3 both. The installer is an admin. Admins and minters `mint`; any holder
//! `burn`s its own tokens (nobody burns another holder's); admins grant and revoke badges with
//! `change_security`, never their own.
//!
//! Balances, allowances and badges are keyed by `Key`: an account (`Key::Account`) or a
//! contract package (`Key::Hash`), whichever is the immediate caller. Dictionary item keys
//! follow the reference implementation (see `casper_dsl::state`). The token takes, keeps and
//! records every holder as a [`KeyBytes`], a `Key` carried as its encoding: to Casper it is
//! a `Key`, and the token never decodes one into the `Key` enum, whose decoder for every kind
//! of key would add some 5 KB to the module it stores.
#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use casper_dsl::{
    casper_types::{
        bytesrepr::{self, FromBytes, ToBytes},
        CLType, CLTyped,
    },
    KeyBytes,
};

/// A holder's rights on the token, stored as the reference stores them (a `u8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum SecurityBadge {
    /// Mints, and grants and revokes badges.
    Admin = 0,
    /// Mints.
    Minter = 1,
    /// No rights: what `change_security`'s `none_list` sets.
    None = 2,
}

impl CLTyped for SecurityBadge {
    fn cl_type() -> CLType {
        CLType::U8
    }
}

impl ToBytes for SecurityBadge {
    fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> {
        (*self as u8).to_bytes()
    }

    fn serialized_length(&self) -> usize {
        1
    }

    fn write_bytes(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        writer.push(*self as u8);
        Ok(())
    }
}

impl FromBytes for SecurityBadge {
    fn from_bytes(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        let (byte, rest) = u8::from_bytes(bytes)?;
        let badge = match byte {
            0 => SecurityBadge::Admin,
            1 => SecurityBadge::Minter,
            2 => SecurityBadge::None,
            _ => return Err(bytesrepr::Error::Formatting),
        };
        Ok((badge, rest))
    }
}

impl casper_dsl::Value for SecurityBadge {}

/// The badges a `change_security` call set: encoded as the reference's
/// `BTreeMap<Key, SecurityBadge>` (a `Map` of `Key` to `u8`, in key order), built without a
/// `BTreeMap`, whose code would cost the token kilobytes of stored module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BadgeChanges(Vec<(KeyBytes, SecurityBadge)>);

impl BadgeChanges {
    /// Gives `key` the badge `badge`, replacing the one it had here. Keys are kept in the
    /// order of their encodings, which for the holders a token knows (accounts and contract
    /// packages) is `Key`'s own order, the map's.
    pub fn set(&mut self, key: KeyBytes, badge: SecurityBadge) {
        self.remove(&key);
        let at = self
            .0
            .iter()
            .position(|(listed, _)| *listed > key)
            .unwrap_or(self.0.len());
        // Pushed, then swapped down into place: `Vec::insert` shifts the tail with `memmove`,
        // which no other entry point links (1.8 KB to store).
        self.0.push((key, badge));
        for index in (at + 1..self.0.len()).rev() {
            self.0.swap(index, index - 1);
        }
    }

    /// Leaves `key` out.
    pub fn remove(&mut self, key: &KeyBytes) {
        self.0.retain(|(listed, _)| listed != key);
    }

    /// The changes, in the map's key order.
    pub fn iter(&self) -> impl Iterator<Item = &(KeyBytes, SecurityBadge)> {
        self.0.iter()
    }
}

impl CLTyped for BadgeChanges {
    fn cl_type() -> CLType {
        CLType::Map {
            key: alloc::boxed::Box::new(KeyBytes::cl_type()),
            value: alloc::boxed::Box::new(SecurityBadge::cl_type()),
        }
    }
}

impl ToBytes for BadgeChanges {
    fn to_bytes(&self) -> Result<Vec<u8>, bytesrepr::Error> {
        let mut bytes = Vec::with_capacity(self.serialized_length());
        self.write_bytes(&mut bytes)?;
        Ok(bytes)
    }

    fn serialized_length(&self) -> usize {
        4 + self
            .0
            .iter()
            .map(|(key, _)| key.serialized_length() + 1)
            .sum::<usize>()
    }

    fn write_bytes(&self, writer: &mut Vec<u8>) -> Result<(), bytesrepr::Error> {
        // Every part appended as a slice: `u32::write_bytes` and `Vec::push` would each link
        // another copy of the vector's growth code (0.4 KB to store each).
        writer.extend_from_slice(&(self.0.len() as u32).to_le_bytes());
        for (key, badge) in &self.0 {
            key.write_bytes(writer)?;
            writer.extend_from_slice(&[*badge as u8]);
        }
        Ok(())
    }
}

impl FromBytes for BadgeChanges {
    fn from_bytes(bytes: &[u8]) -> Result<(Self, &[u8]), bytesrepr::Error> {
        let (changes, rest) = Vec::<(KeyBytes, SecurityBadge)>::from_bytes(bytes)?;
        Ok((BadgeChanges(changes), rest))
    }
}

// Several tokens per account, each with the reference's account keys, named after the token:
// `cep18_contract_package_<name>`, `cep18_contract_hash_<name>`, ...
#[casper_dsl::contract(
    instance = "name",
    events = chosen_at_install,
    account_keys(
        package_hash = "cep18_contract_package_{instance}",
        access_uref = "cep18_contract_package_access_{instance}",
        contract_hash = "cep18_contract_hash_{instance}",
        contract_version = "cep18_contract_version_{instance}",
    )
)]
/// A CEP-18 fungible token: install it with `name`, `symbol`, `decimals` and `total_supply`
/// (minted to the installer); `enable_mint_burn`, `events_mode`, `admin_list` and
/// `minter_list` are optional.
pub mod cep18 {
    use casper_dsl::prelude::*;

    use super::{BadgeChanges, SecurityBadge};

    #[state]
    pub const NAME: Var<String> = Var::new("name");
    #[state]
    pub const SYMBOL: Var<String> = Var::new("symbol");
    #[state]
    pub const DECIMALS: Var<u8> = Var::new("decimals");
    #[state]
    pub const TOTAL_SUPPLY: Var<U256> = Var::new("total_supply");
    /// Non-zero: `mint`, `burn` and `change_security` are on.
    #[state]
    pub const ENABLE_MINT_BURN: Var<u8> = Var::new("enable_mint_burn");
    #[state]
    pub const BALANCES: Mapping<KeyBytes, U256> = Mapping::new("balances");
    /// Keyed by `(owner, spender)`.
    #[state]
    pub const ALLOWANCES: Mapping<(KeyBytes, KeyBytes), U256> = Mapping::new("allowances");
    /// Who may mint (admins and minters) and change badges (admins).
    #[state]
    pub const SECURITY_BADGES: Mapping<KeyBytes, SecurityBadge> = Mapping::new("security_badges");

    /// The contract named key holding the token's package (`Key::Hash`), as in the reference.
    pub const PACKAGE_HASH: &str = "package_hash";

    /// The reference implementation's error codes.
    #[casper_dsl::error]
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Cep18Error {
        /// The tokens moved or burnt exceed the holder's balance.
        InsufficientBalance = 60001,
        /// A `transfer_from` exceeds the caller's allowance.
        InsufficientAllowance = 60002,
        /// A mint would take the total supply past `U256::MAX`.
        Overflow = 60003,
        /// `mint` by a caller without an admin or minter badge, `change_security` by a
        /// non-admin.
        InsufficientRights = 60010,
        /// A second call of `init`.
        AlreadyInitialized = 60015,
        /// `mint`, `burn` or `change_security` on a token installed without them.
        MintBurnDisabled = 60016,
        /// A transfer to the sender itself, a `transfer_from` to the owner, or an allowance for
        /// the caller itself.
        CannotTargetSelfUser = 60017,
        /// `burn` of tokens the caller does not hold.
        InvalidBurnTarget = 60018,
    }

    #[event]
    pub struct Mint {
        pub recipient: KeyBytes,
        pub amount: U256,
    }

    #[event]
    pub struct Burn {
        pub owner: KeyBytes,
        pub amount: U256,
    }

    #[event]
    pub struct SetAllowance {
        pub owner: KeyBytes,
        pub spender: KeyBytes,
        pub allowance: U256,
    }

    #[event]
    pub struct IncreaseAllowance {
        pub owner: KeyBytes,
        pub spender: KeyBytes,
        /// The new allowance.
        pub allowance: U256,
        pub inc_by: U256,
    }

    #[event]
    pub struct DecreaseAllowance {
        pub owner: KeyBytes,
        pub spender: KeyBytes,
        /// The new allowance.
        pub allowance: U256,
        pub decr_by: U256,
    }

    #[event]
    pub struct Transfer {
        pub sender: KeyBytes,
        pub recipient: KeyBytes,
        pub amount: U256,
    }

    #[event]
    pub struct TransferFrom {
        pub spender: KeyBytes,
        pub owner: KeyBytes,
        pub recipient: KeyBytes,
        pub amount: U256,
    }

    #[event]
    pub struct ChangeSecurity {
        pub admin: KeyBytes,
        pub sec_change_map: BadgeChanges,
    }

    /// Stores the metadata, mints `total_supply` to the installer, makes it an admin, then
    /// badges `minter_list` as minters and `admin_list` as admins (a key in both is an admin).
    #[init(already_initialized = Cep18Error::AlreadyInitialized)]
    #[allow(clippy::too_many_arguments)]
    pub fn init(
        name: String,
        symbol: String,
        decimals: u8,
        total_supply: U256,
        enable_mint_burn: Omittable<u8>,
        admin_list: Omittable<Vec<KeyBytes>>,
        minter_list: Omittable<Vec<KeyBytes>>,
    ) {
        NAME.set(name);
        SYMBOL.set(symbol);
        DECIMALS.set(decimals);
        ENABLE_MINT_BURN.set(enable_mint_burn.unwrap_or(0));
        put_key(PACKAGE_HASH, Key::Hash(this_package().value()));
        let installer = KeyBytes::from(get_caller());
        TOTAL_SUPPLY.set(total_supply);
        BALANCES.set(&installer, total_supply);
        SECURITY_BADGES.set(&installer, SecurityBadge::Admin);
        let badged = [
            (minter_list, SecurityBadge::Minter),
            (admin_list, SecurityBadge::Admin),
        ];
        for (list, badge) in badged {
            for key in list.unwrap_or_default() {
                SECURITY_BADGES.set(&key, badge);
            }
        }
        emit(Mint {
            recipient: installer,
            amount: total_supply,
        });
    }

    /// The token's name.
    #[entry_point]
    pub fn name() -> String {
        NAME.get()
    }

    /// The token's symbol.
    #[entry_point]
    pub fn symbol() -> String {
        SYMBOL.get()
    }

    /// How many decimal places a display divides amounts by.
    #[entry_point]
    pub fn decimals() -> u8 {
        DECIMALS.get()
    }

    /// The tokens in existence.
    #[entry_point]
    pub fn total_supply() -> U256 {
        TOTAL_SUPPLY.get()
    }

    /// The tokens `address` (an account or a contract package) holds.
    #[entry_point]
    pub fn balance_of(address: KeyBytes) -> U256 {
        BALANCES.get_or_default(&address)
    }

    /// How many of `owner`'s tokens `spender` may still move.
    #[entry_point]
    pub fn allowance(owner: KeyBytes, spender: KeyBytes) -> U256 {
        ALLOWANCES.get_or_default(&(owner, spender))
    }

    /// Sets the caller's allowance for `spender` to `amount`.
    #[entry_point]
    pub fn approve(spender: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        let owner = own_allowance(spender)?;
        ALLOWANCES.set(&(owner, spender), amount);
        emit(SetAllowance {
            owner,
            spender,
            allowance: amount,
        });
        Ok(())
    }

    /// Raises the caller's allowance for `spender` by `amount`, up to `U256::MAX` at most.
    #[entry_point]
    pub fn increase_allowance(spender: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        let owner = own_allowance(spender)?;
        let allowance = ALLOWANCES
            .get_or_default(&(owner, spender))
            .saturating_add(amount);
        ALLOWANCES.set(&(owner, spender), allowance);
        emit(IncreaseAllowance {
            owner,
            spender,
            allowance,
            inc_by: amount,
        });
        Ok(())
    }

    /// Lowers the caller's allowance for `spender` by `amount`, down to zero at most.
    #[entry_point]
    pub fn decrease_allowance(spender: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        let owner = own_allowance(spender)?;
        let allowance = ALLOWANCES
            .get_or_default(&(owner, spender))
            .saturating_sub(amount);
        ALLOWANCES.set(&(owner, spender), allowance);
        emit(DecreaseAllowance {
            owner,
            spender,
            allowance,
            decr_by: amount,
        });
        Ok(())
    }

    /// Moves `amount` of the caller's tokens to `recipient`; a zero amount moves nothing but is
    /// recorded like any transfer.
    #[entry_point]
    pub fn transfer(recipient: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        let sender = immediate_caller_bytes();
        if sender == recipient {
            return Err(Cep18Error::CannotTargetSelfUser);
        }
        move_tokens(sender, recipient, amount)?;
        emit(Transfer {
            sender,
            recipient,
            amount,
        });
        Ok(())
    }

    /// Moves `amount` from `owner` to `recipient` within the caller's allowance, which it uses;
    /// a zero amount does nothing at all (no write, no event), as in the reference.
    #[entry_point]
    pub fn transfer_from(
        owner: KeyBytes,
        recipient: KeyBytes,
        amount: U256,
    ) -> Result<(), Cep18Error> {
        let spender = immediate_caller_bytes();
        if owner == recipient {
            return Err(Cep18Error::CannotTargetSelfUser);
        }
        if amount.is_zero() {
            return Ok(());
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

    /// Mints `amount` to `owner`: for admins and minters.
    #[entry_point]
    pub fn mint(owner: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        require_mint_and_burn()?;
        require_badge(&[SecurityBadge::Admin, SecurityBadge::Minter])?;
        let balance = BALANCES.get_or_default(&owner);
        let balance = balance.checked_add(amount).ok_or(Cep18Error::Overflow)?;
        let supply = TOTAL_SUPPLY.get();
        let supply = supply.checked_add(amount).ok_or(Cep18Error::Overflow)?;
        BALANCES.set(&owner, balance);
        TOTAL_SUPPLY.set(supply);
        emit(Mint {
            recipient: owner,
            amount,
        });
        Ok(())
    }

    /// Burns `amount` of the caller's own tokens: `owner` must be the immediate caller.
    #[entry_point]
    pub fn burn(owner: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        require_mint_and_burn()?;
        if owner != immediate_caller_bytes() {
            return Err(Cep18Error::InvalidBurnTarget);
        }
        let balance = BALANCES.get_or_default(&owner);
        let left = balance
            .checked_sub(amount)
            .ok_or(Cep18Error::InsufficientBalance)?;
        let supply = TOTAL_SUPPLY.get();
        let supply = supply.checked_sub(amount).ok_or(Cep18Error::Overflow)?;
        BALANCES.set(&owner, left);
        TOTAL_SUPPLY.set(supply);
        emit(Burn { owner, amount });
        Ok(())
    }

    /// Badges `minter_list` as minters, `admin_list` as admins and `none_list` as holders
    /// without rights, a later list winning for a key in several: for admins, and never for
    /// their own badge (the caller's key is left out, as in the reference).
    #[entry_point]
    pub fn change_security(
        admin_list: Omittable<Vec<KeyBytes>>,
        minter_list: Omittable<Vec<KeyBytes>>,
        none_list: Omittable<Vec<KeyBytes>>,
    ) -> Result<(), Cep18Error> {
        require_mint_and_burn()?;
        require_badge(&[SecurityBadge::Admin])?;
        let mut changes = BadgeChanges::default();
        let lists = [
            (minter_list, SecurityBadge::Minter),
            (admin_list, SecurityBadge::Admin),
            (none_list, SecurityBadge::None),
        ];
        for (list, badge) in lists {
            // By reference: moving each `KeyBytes` out of the list compiles to a `memmove`.
            for key in &list.unwrap_or_default() {
                changes.set(*key, badge);
            }
        }
        let admin = immediate_caller_bytes();
        changes.remove(&admin);
        for (key, badge) in changes.iter() {
            SECURITY_BADGES.set(key, *badge);
        }
        emit(ChangeSecurity {
            admin,
            sec_change_map: changes,
        });
        Ok(())
    }

    fn require_mint_and_burn() -> Result<(), Cep18Error> {
        if ENABLE_MINT_BURN.get() != 0 {
            Ok(())
        } else {
            Err(Cep18Error::MintBurnDisabled)
        }
    }

    /// `Ok` if the caller holds one of `allowed`.
    fn require_badge(allowed: &[SecurityBadge]) -> Result<(), Cep18Error> {
        match SECURITY_BADGES.get(&immediate_caller_bytes()) {
            Some(badge) if allowed.contains(&badge) => Ok(()),
            _ => Err(Cep18Error::InsufficientRights),
        }
    }

    /// The caller, if it is not `spender`: nobody holds an allowance of its own tokens.
    fn own_allowance(spender: KeyBytes) -> Result<KeyBytes, Cep18Error> {
        let owner = immediate_caller_bytes();
        if owner == spender {
            Err(Cep18Error::CannotTargetSelfUser)
        } else {
            Ok(owner)
        }
    }

    /// Moves `amount` from `sender` to `recipient`; a zero amount reads and writes nothing.
    fn move_tokens(sender: KeyBytes, recipient: KeyBytes, amount: U256) -> Result<(), Cep18Error> {
        if amount.is_zero() {
            return Ok(());
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

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;

    use casper_dsl::casper_types::{account::AccountHash, bytesrepr::ToBytes, Key};

    use super::{BadgeChanges, KeyBytes, SecurityBadge};

    #[test]
    fn badge_changes_encode_as_the_references_map() {
        let holders = [
            Key::Hash([2; 32]),
            Key::Account(AccountHash::new([9; 32])),
            Key::Hash([1; 32]),
            Key::Account(AccountHash::new([1; 32])),
        ];
        let mut changes = BadgeChanges::default();
        let mut reference = BTreeMap::new();
        for (index, holder) in holders.iter().enumerate() {
            let badge = [SecurityBadge::Admin, SecurityBadge::Minter][index % 2];
            changes.set(KeyBytes::of(holder), badge);
            reference.insert(*holder, badge as u8);
        }
        // A later badge replaces an earlier one; a removed key is left out.
        changes.set(KeyBytes::of(&holders[0]), SecurityBadge::None);
        reference.insert(holders[0], SecurityBadge::None as u8);
        changes.remove(&KeyBytes::of(&holders[1]));
        reference.remove(&holders[1]);
        assert_eq!(changes.to_bytes().unwrap(), reference.to_bytes().unwrap());
        assert_eq!(changes.serialized_length(), reference.serialized_length());
    }
}
