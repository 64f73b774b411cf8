//! US National Provider Identifier.
//!
//! Ten digits starting with 1 or 2 whose Luhn check over the prefix `80840`
//! plus the number holds (CMS NPI check digit). An NPI identifies a
//! provider, not a patient: candidates score low and mainly stop the same
//! digits from being read as a bare phone number; a label or field decides.

use super::{embedded, luhn, Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static NPI: Recognizer = Recognizer {
    id: "us-npi",
    kind: Kind::OtherId,
    gate: |k| k.class == Class::Num && k.len == 10,
    find,
    #[cfg(test)]
    hits: &["NPI «1234567893»", "rendering «1245319599»,"],
    #[cfg(test)]
    misses: &["NPI 1234567890", "3234567893", "12345678931"],
};

/// Whether ten ASCII digits form a valid NPI.
pub(crate) fn valid(digits: &str) -> bool {
    if digits.len() != 10 || !matches!(digits.as_bytes()[0], b'1' | b'2') {
        return false;
    }
    let mut full = Vec::with_capacity(15);
    full.extend_from_slice(b"80840");
    full.extend_from_slice(digits.as_bytes());
    luhn(&full)
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    if t.len() == 10 && valid(doc.s(i)) && !embedded(doc, t.start as usize, t.end as usize) {
        out.push(Cand::new(Kind::OtherId, t.start as usize, t.end as usize, 0.15, "valid NPI check digit", Needs::Label));
    }
}
