//! A stored contract that holds and spends CEP-18 tokens as a contract does: the token sees
//! its package (`Key::Hash`) as the caller, so its balance and allowances are the package's.
//! The CEP-18 tests use it for every case where the sender or spender is a contract (the
//! reference suite's helper contract plays the same part).
#![no_std]

#[casper_dsl::contract]
pub mod cep18_caller {
    use casper_dsl::prelude::*;
    use cep18::cep18::calls as cep18_calls;

    /// `transfer` of this contract's tokens to `recipient`, on `token`'s latest version.
    #[entry_point]
    pub fn transfer_as_stored_contract(
        token: ContractPackageHash,
        recipient: KeyBytes,
        amount: U256,
    ) {
        cep18_calls::transfer(recipient, amount).call(token)
    }

    /// `approve` of `spender` for this contract's tokens.
    #[entry_point]
    pub fn approve_as_stored_contract(token: ContractPackageHash, spender: KeyBytes, amount: U256) {
        cep18_calls::approve(spender, amount).call(token)
    }

    /// `transfer_from` with this contract as the spender.
    #[entry_point]
    pub fn transfer_from_as_stored_contract(
        token: ContractPackageHash,
        owner: KeyBytes,
        recipient: KeyBytes,
        amount: U256,
    ) {
        cep18_calls::transfer_from(owner, recipient, amount).call(token)
    }
}
