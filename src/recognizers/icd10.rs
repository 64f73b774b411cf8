//! ICD-10-CM diagnosis codes (health context, not identifiers).
//!
//! A letter other than U, two digits (the second may be A or B), and an
//! optional dot with one to four characters: `E11.9`, `J45.909`,
//! `S72.001A`, `I10`. Undotted codes are proposed only for a diagnosis
//! label or field. Reference: CDC/NCHS ICD-10-CM tabular list. Known false
//! positives: version-like strings such as `A10.2`; health context alone
//! never makes a document PHI.

use super::{Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static ICD10: Recognizer = Recognizer {
    id: "icd10",
    kind: Kind::DiagnosisCode,
    gate: |k| k.class == Class::Mixed && k.len == 3,
    find,
    #[cfg(test)]
    hits: &["dx «E11.9»", "«J45.909» asthma", "«S72.001A»", "ICD-10: «I10»"],
    #[cfg(test)]
    misses: &["U07.1", "e11.9", "E1.9", "EE11.9", "V1.2.3"],
};

/// Whether `s` is the head of an ICD-10-CM code (`E11`, `J45`, `O9A`).
pub(crate) fn head(s: &[u8]) -> bool {
    s.len() == 3 && s[0].is_ascii_uppercase() && s[0] != b'U' && s[1].is_ascii_digit() && (s[2].is_ascii_digit() || s[2] == b'A' || s[2] == b'B')
}

/// Whether `v` is a whole ICD-10-CM code past its head: dotted (`E11.9`, `S72.001A`) or, as claim
/// files write them, undotted (`E119`, `S72001A`).
pub(crate) fn code(v: &[u8]) -> bool {
    let tail = |t: &[u8]| t.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    v.len() > 3 && head(&v[..3]) && if v[3] == b'.' { (5..=8).contains(&v.len()) && tail(&v[4..]) } else { v.len() <= 7 && tail(&v[3..]) }
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    let s = doc.s(i).as_bytes();
    let start = t.start as usize;
    if start > 0 && (doc.bytes[start - 1].is_ascii_alphanumeric() || doc.bytes[start - 1] == b'.') {
        return;
    }
    if head(s) {
        if let Some(n) = doc.toks.get(i + 1) {
            let end = n.end as usize;
            if doc.gap_after(i) == "." && code(&doc.bytes[start..end]) {
                if doc.bytes.get(end) != Some(&b'.') || !doc.bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
                    out.push(Cand::new(Kind::DiagnosisCode, start, end, 0.5, "ICD-10-CM code", Needs::Patient));
                }
                return;
            }
        }
        if doc.bytes.get(t.end as usize) != Some(&b'.') {
            out.push(Cand::new(Kind::DiagnosisCode, start, t.end as usize, 0.2, "ICD-10-CM code (no dot)", Needs::Label));
        }
    }
}
