//! DEA registration number (a prescriber's licence).
//!
//! Two letters and seven digits: the first letter is a registrant type
//! (A B C D E F G H J K L M P R S T U X), the second the registrant's last
//! name initial (or 9 for some businesses). Check digit: (d1 + d3 + d5) +
//! 2 x (d2 + d4 + d6), last digit equals d7. Reference: 21 CFR 1301.
//! Known false positives: any 2-letter 7-digit code passes by chance one
//! time in ten, so unlabelled matches score modestly.

use super::{embedded, Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static DEA: Recognizer = Recognizer {
    id: "dea",
    kind: Kind::LicenseNumber,
    gate: |k| k.class == Class::Mixed && k.len == 9,
    find,
    #[cfg(test)]
    hits: &["DEA# «AB2345672»", "dea «FN5623740»"],
    #[cfg(test)]
    misses: &["AB1234564", "QB1234563", "A81234563", "ab1234563x", "AB1234563"],
};

pub(crate) fn valid(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b"ABCDEFGHJKLMPRSTUX".contains(&b[0]) || !(b[1].is_ascii_uppercase() || b[1] == b'9') {
        return false;
    }
    if !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u32> = b[2..].iter().map(|&c| (c - b'0') as u32).collect();
    (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    // (Not the textbook example, `AB1234563`, whose digits count up.)
    if t.len() == 9 && valid(doc.s(i)) && &doc.s(i)[2..8] != "123456" && !embedded(doc, t.start as usize, t.end as usize) {
        out.push(Cand::new(Kind::LicenseNumber, t.start as usize, t.end as usize, 0.3, "valid DEA check digit", Needs::Label));
    }
}
