//! BLAKE2b with a 32-byte digest and no key (RFC 7693): what casper-types' `Digest::hash`
//! computes, for the item keys of long `Mapping` keys (see `state`).
//!
//! Written for stored size rather than speed. The `blake2` crate that `Digest::hash` uses
//! unrolls its compression function into 5.9 KB of code, which every contract hashing an item
//! key stores (about 8.8 G gas of the CEP-18 example's install); here the twelve rounds are a
//! loop whose body mixes the state once per column and diagonal. The unit tests hold it to
//! `Digest::hash`.

/// The initial chaining value: the first 64 bits of the fractional parts of the square roots of
/// the first eight primes.
const IV: [u64; 8] = [
    0x6a09_e667_f3bc_c908,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
    0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1,
    0x9b05_688c_2b3e_6c1f,
    0x1f83_d9ab_fb41_bd6b,
    0x5be0_cd19_137e_2179,
];

/// The order in which each round feeds the sixteen message words to its eight mixes; rounds
/// 10 and 11 take rows 0 and 1 again.
const SIGMA: [[u8; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// Bytes per block.
const BLOCK: usize = 128;

/// Bytes of the digest.
pub const DIGEST_LENGTH: usize = 32;

/// The 32-byte BLAKE2b digest of `input`.
pub fn hash(input: &[u8]) -> [u8; DIGEST_LENGTH] {
    let mut state = IV;
    // The parameter block's first word: digest length, key length 0, fanout 1, depth 1.
    state[0] ^= 0x0101_0000 ^ DIGEST_LENGTH as u64;
    let mut block = [0u8; BLOCK];
    let mut rest = input;
    let mut hashed = 0u64;
    // Every block but the last, which is compressed as the last even when it is full.
    while rest.len() > BLOCK {
        let (full, tail) = rest.split_at(BLOCK);
        block.copy_from_slice(full);
        hashed += BLOCK as u64;
        compress(&mut state, &block, hashed, false);
        rest = tail;
    }
    block = [0; BLOCK];
    block[..rest.len()].copy_from_slice(rest);
    compress(&mut state, &block, input.len() as u64, true);
    let mut digest = [0u8; DIGEST_LENGTH];
    for (bytes, word) in digest.chunks_exact_mut(8).zip(state) {
        bytes.copy_from_slice(&word.to_le_bytes());
    }
    digest
}

/// Mixes `block` into `state`; `hashed` counts the input bytes up to the end of this block
/// (at most 2^64 - 1 here, so the counter's high word stays zero).
fn compress(state: &mut [u64; 8], block: &[u8; BLOCK], hashed: u64, last: bool) {
    let mut words = [0u64; 16];
    for (word, bytes) in words.iter_mut().zip(block.chunks_exact(8)) {
        let mut le = [0u8; 8];
        le.copy_from_slice(bytes);
        *word = u64::from_le_bytes(le);
    }
    let mut v = [0u64; 16];
    v[..8].copy_from_slice(state);
    v[8..].copy_from_slice(&IV);
    v[12] ^= hashed;
    if last {
        v[14] = !v[14];
    }
    for round in 0..12 {
        let order = &SIGMA[round % 10];
        let word = |index: usize| words[usize::from(order[index])];
        mix(&mut v, [0, 4, 8, 12], word(0), word(1));
        mix(&mut v, [1, 5, 9, 13], word(2), word(3));
        mix(&mut v, [2, 6, 10, 14], word(4), word(5));
        mix(&mut v, [3, 7, 11, 15], word(6), word(7));
        mix(&mut v, [0, 5, 10, 15], word(8), word(9));
        mix(&mut v, [1, 6, 11, 12], word(10), word(11));
        mix(&mut v, [2, 7, 8, 13], word(12), word(13));
        mix(&mut v, [3, 4, 9, 14], word(14), word(15));
    }
    for (index, word) in state.iter_mut().enumerate() {
        *word ^= v[index] ^ v[index + 8];
    }
}

/// The mixing function G on the words `a, b, c, d` of `v`, with message words `x` and `y`.
#[inline(always)]
fn mix(v: &mut [u64; 16], [a, b, c, d]: [usize; 4], x: u64, y: u64) {
    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
    v[d] = (v[d] ^ v[a]).rotate_right(32);
    v[c] = v[c].wrapping_add(v[d]);
    v[b] = (v[b] ^ v[c]).rotate_right(24);
    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
    v[d] = (v[d] ^ v[a]).rotate_right(16);
    v[c] = v[c].wrapping_add(v[d]);
    v[b] = (v[b] ^ v[c]).rotate_right(63);
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use casper_types::Digest;

    use super::*;

    #[test]
    fn hashes_as_casper_types_digest_does_at_every_length_around_the_blocks() {
        for length in 0..=3 * BLOCK + 1 {
            let input: Vec<u8> = (0..length).map(|i| (i * 7 + length) as u8).collect();
            assert_eq!(hash(&input), Digest::hash(&input).value(), "{length} bytes");
        }
    }

    #[test]
    fn hashes_the_rfc_7693_example_input() {
        // BLAKE2b-256("abc"), as published for the algorithm.
        assert_eq!(
            base16::encode_lower(&hash(b"abc")),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
        );
    }
}
