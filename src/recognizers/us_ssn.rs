//! US Social Security number.
//!
//! Format `AAA-GG-SSSS` (also spaced, or nine bare digits next to a label).
//! Valid ranges (SSA): area not 000, 666 or 900-999; group not 00; serial
//! not 0000. Known advertising and example numbers (078-05-1120,
//! 219-09-9999, 457-55-5462, 123-45-6789) and one-digit repeats are invalid.
//! Reference: SSA, "The SSN Numbering Scheme"; randomization since 2011.
//! Known false positives: other 3-2-4 dashed numbers (rare); bare nine
//! digits are proposed only as label-dependent candidates.

use super::{embedded, joined, num, Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static SSN: Recognizer = Recognizer {
    id: "us-ssn",
    kind: Kind::Ssn,
    gate: |k| k.class == Class::Num && matches!(k.len, 3 | 9),
    find,
    #[cfg(test)]
    hits: &["SSN: «536-22-8471»", "ss# «536 22 8471» on file", "social «536228471»", "(«772-10-3391»)"],
    #[cfg(test)]
    misses: &[
        "000-12-3456",
        "666-12-3456",
        "912-12-3456",
        "536-00-8471",
        "536-22-0000",
        "123-45-6789",
        "078-05-1120",
        "111-11-1111",
        "1-536-22-8471-2",
        "call 536-228-4712",
    ],
};

const EXAMPLES: &[&str] = &["123456789", "078051120", "219099999", "457555462", "987654321"];

/// A documented or advertised number, with or without its dashes: `123-45-6789`.
pub(crate) fn is_example(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |d: &[u8]| EXAMPLES.iter().any(|e| e.as_bytes() == d);
    match b.len() {
        9 => digits(b),
        11 if b[3] == b'-' && b[6] == b'-' => digits(&[&b[..3], &b[4..6], &b[7..]].concat()),
        _ => false,
    }
}

pub(crate) fn valid(area: &str, group: &str, serial: &str) -> bool {
    let (a, g, s) = (num(area), num(group), num(serial));
    let all: String = [area, group, serial].concat();
    a != 0
        && a != 666
        && a < 900
        && g != 0
        && s != 0
        && !is_example(&all)
        && !all.bytes().all(|b| b == all.as_bytes()[0])
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    if t.len() == 9 {
        let s = doc.s(i);
        let start = t.start as usize;
        if !embedded(doc, start, t.end as usize) && valid(&s[..3], &s[3..5], &s[5..]) {
            out.push(Cand::new(Kind::Ssn, start, t.end as usize, 0.2, "valid SSN ranges (nine digits)", Needs::Label));
        }
        return;
    }
    if t.len() != 3 || i + 2 >= doc.toks.len() {
        return;
    }
    let sep = doc.gap_after(i);
    if !(sep == "-" || sep == " ") {
        return;
    }
    let (g, s) = (&doc.toks[i + 1], &doc.toks[i + 2]);
    if !(g.is_num() && g.len() == 2 && s.is_num() && s.len() == 4 && joined(doc, i + 2, sep)) {
        return;
    }
    let (start, end) = (t.start as usize, s.end as usize);
    if embedded(doc, start, end) || !valid(doc.s(i), doc.s(i + 1), doc.s(i + 2)) {
        return;
    }
    if sep == "-" {
        out.push(Cand::new(Kind::Ssn, start, end, 0.6, "valid SSN format and ranges", Needs::Patient));
    } else {
        out.push(Cand::new(Kind::Ssn, start, end, 0.3, "valid SSN ranges (spaced)", Needs::Label));
    }
}
