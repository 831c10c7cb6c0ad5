//! UTF-8 validation for string arguments, in less code than `core::str::from_utf8`.
//!
//! core's validator is built for long texts (it checks a word of ASCII at a time) and carries a
//! 256-byte table of character widths in the data segment; an entry point that takes a
//! `String` would pay to store both (about a kilobyte). Contract arguments are short, and a
//! byte at a time costs them a few instructions each.

/// Whether `bytes` are well-formed UTF-8, exactly as `core::str::from_utf8` decides: no
/// overlong encodings, no surrogates (U+D800 to U+DFFF), nothing above U+10FFFF.
///
/// ```text
/// is_utf8("día ✓".as_bytes()) == true
/// is_utf8(b"\xC0\x80") == false // an overlong NUL
/// ```
pub(crate) fn is_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let [lead, tail @ ..] = rest {
        if *lead < 0x80 {
            rest = tail;
            continue;
        }
        // The continuation bytes a lead byte takes, and the range its first one must fall in
        // (narrower than 0x80..=0xBF where that would make an overlong encoding, a surrogate or
        // a code point above U+10FFFF).
        let (continuations, low, high) = if *lead < 0xC2 {
            return false;
        } else if *lead < 0xE0 {
            (1, 0x80, 0xBF)
        } else if *lead < 0xF0 {
            let low = if *lead == 0xE0 { 0xA0 } else { 0x80 };
            let high = if *lead == 0xED { 0x9F } else { 0xBF };
            (2, low, high)
        } else if *lead < 0xF5 {
            let low = if *lead == 0xF0 { 0x90 } else { 0x80 };
            let high = if *lead == 0xF4 { 0x8F } else { 0xBF };
            (3, low, high)
        } else {
            return false;
        };
        let Some((sequence, after)) = tail.split_at_checked(continuations) else {
            return false;
        };
        let first = sequence[0];
        if first < low || first > high {
            return false;
        }
        if sequence[1..].iter().any(|byte| byte & 0xC0 != 0x80) {
            return false;
        }
        rest = after;
    }
    true
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use super::*;

    fn agrees_with_core(bytes: &[u8]) {
        assert_eq!(
            is_utf8(bytes),
            core::str::from_utf8(bytes).is_ok(),
            "{bytes:x?}"
        );
    }

    #[test]
    fn every_sequence_of_up_to_three_bytes_is_judged_as_core_judges_it() {
        for first in 0..=255u8 {
            agrees_with_core(&[first]);
            for second in 0..=255u8 {
                agrees_with_core(&[first, second]);
                // Three-byte sequences matter only from a lead byte that takes continuations.
                if first >= 0x80 {
                    for third in 0..=255u8 {
                        agrees_with_core(&[first, second, third]);
                    }
                }
            }
        }
    }

    #[test]
    fn four_byte_sequences_are_judged_as_core_judges_them() {
        // Every lead byte from 0xE0 on, with every first continuation and a spread of the rest.
        let samples = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF,
        ];
        for lead in 0xE0..=0xFFu8 {
            for second in 0..=255u8 {
                for third in samples {
                    for fourth in samples {
                        agrees_with_core(&[lead, second, third, fourth]);
                    }
                }
            }
        }
    }

    #[test]
    fn texts_and_their_corruptions_are_judged_as_core_judges_them() {
        let texts = [
            "",
            "count",
            "día ✓ 名前 🦀",
            "\0nul\0",
            "𐀀\u{10FFFF}\u{FFFF}\u{800}\u{7FF}",
        ];
        for text in texts {
            assert!(is_utf8(text.as_bytes()));
            // Each byte replaced by a few troublesome ones, and each truncation.
            for index in 0..text.len() {
                for byte in [0x80, 0xBF, 0xC0, 0xED, 0xF4, 0xF5, 0xFF] {
                    let mut bytes: Vec<u8> = text.as_bytes().to_vec();
                    bytes[index] = byte;
                    agrees_with_core(&bytes);
                }
                agrees_with_core(&text.as_bytes()[..index]);
            }
        }
    }
}
