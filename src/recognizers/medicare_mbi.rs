//! Medicare Beneficiary Identifier (MBI).
//!
//! Eleven characters, `C A AN N A AN N A A N N`: C is 1-9, N is 0-9, A is
//! an upper-case letter other than S L O I B Z, AN is either. Often written
//! with dashes after the 4th and 7th character. Reference: CMS, "Understanding
//! the Medicare Beneficiary Identifier (MBI) Format". Only health systems
//! hold MBIs, so a valid one stands alone. Known false positives: random
//! 11-character upper-case codes fit about once in 10^5. CMS's documentation
//! example (1EG4-TE5-MK73) is invalid.

use super::{embedded, Cand, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static MBI: Recognizer = Recognizer {
    id: "medicare-mbi",
    kind: Kind::MedicareMbi,
    gate: |k| k.class == Class::Mixed && (k.len == 11 || k.len == 4 && k.next == Next::Dash),
    find,
    #[cfg(test)]
    hits: &["MBI «2GH7TD6RA41»", "Medicare: «2GH7-TD6-RA41».", "«9AA0A00AA01»"],
    #[cfg(test)]
    misses: &["1EG4-TE5-MK73", "1AA0-AA0-AA00", "0EG4TE5MK73", "1SG4TE5MK73", "1EG4TE5MK7", "1eg4te5mk73", "1EG4TE5MK73X"],
};

const C: u8 = 1;
const A: u8 = 2;
const AN: u8 = 3;
const N: u8 = 4;
const PATTERN: [u8; 11] = [C, A, AN, N, A, AN, N, A, A, N, N];

fn letter_ok(b: u8) -> bool {
    b.is_ascii_uppercase() && !b"SLOIBZ".contains(&b)
}

/// The example MBI CMS prints in its own documentation.
const EXAMPLES: &[&[u8]] = &[b"1EG4TE5MK73"];

/// CMS's documentation example, with or without its dashes.
pub(crate) fn is_example(v: &str) -> bool {
    let chars: Vec<u8> = v.bytes().filter(|&b| b != b'-').collect();
    EXAMPLES.contains(&chars.as_slice())
}

pub(crate) fn valid(chars: &[u8]) -> bool {
    chars.len() == 11
        && !EXAMPLES.contains(&chars)
        // (Not a format's test vector, its letters all one and its digits all one: `1AA0-AA0-AA00`.)
        && !(chars[1] == chars[4] && chars[4] == chars[7] && chars[7] == chars[8] && chars[3] == chars[6] && chars[6] == chars[9] && chars[9] == chars[10])
        && chars.iter().zip(PATTERN).all(|(&b, p)| match p {
            C => (b'1'..=b'9').contains(&b),
            A => letter_ok(b),
            AN => letter_ok(b) || b.is_ascii_digit(),
            _ => b.is_ascii_digit(),
        })
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    let (start, mut end) = (t.start as usize, t.end as usize);
    let first = doc.s(i).as_bytes();
    // Most calls are on a UUID's or hash's groups: lower-case hex fails at once.
    if !(b'1'..=b'9').contains(&first[0]) || first.iter().any(u8::is_ascii_lowercase) {
        return;
    }
    let mut chars = [0u8; 11];
    let mut n = first.len().min(11);
    chars[..n].copy_from_slice(&first[..n]);
    // Dashed form 1EG4-TE5-MK73.
    if t.len() == 4 && i + 2 < doc.toks.len() && doc.gap_after(i) == "-" && doc.gap_after(i + 1) == "-" {
        let (b, c) = (&doc.toks[i + 1], &doc.toks[i + 2]);
        if b.len() == 3 && c.len() == 4 {
            chars[4..7].copy_from_slice(doc.s(i + 1).as_bytes());
            chars[7..].copy_from_slice(doc.s(i + 2).as_bytes());
            n = 11;
            end = c.end as usize;
        }
    }
    if valid(&chars[..n]) && !embedded(doc, start, end) {
        out.push(Cand::new(Kind::MedicareMbi, start, end, 0.8, "valid Medicare MBI format", Needs::Nothing));
    }
}
