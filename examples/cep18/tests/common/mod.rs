//! Queries of a token that both test files make.

use casper_dsl_testing::{Chain, Deployed, Key, U256};
use cep18::cep18::calls;

/// `balance_of(owner)`.
pub fn balance_of(chain: &mut Chain, token: &Deployed, owner: Key) -> U256 {
    chain.call(token, calls::balance_of(owner.into())).unwrap()
}

/// `allowance(owner, spender)`.
pub fn allowance(chain: &mut Chain, token: &Deployed, owner: Key, spender: Key) -> U256 {
    chain
        .call(token, calls::allowance(owner.into(), spender.into()))
        .unwrap()
}

/// `total_supply()`.
pub fn total_supply(chain: &mut Chain, token: &Deployed) -> U256 {
    chain.call(token, calls::total_supply()).unwrap()
}
