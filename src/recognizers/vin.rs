//! Vehicle identification number.
//!
//! Seventeen characters from 0-9 and A-Z without I, O, Q, with the North
//! American check digit in position 9 (ISO 3779 transliteration, weights
//! 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, remainder 10 written X). Reference:
//! 49 CFR 565.15. Non-North-American VINs without the check digit are
//! found only next to a VIN label.

use super::{embedded, Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static VIN: Recognizer = Recognizer {
    id: "vin",
    kind: Kind::VehicleId,
    gate: |k| k.class == Class::Mixed && k.len == 17,
    find,
    #[cfg(test)]
    hits: &["VIN «1M8GDM9AXKP042788»", "car «1HGCM82633A004352» x", "vin: «WVWZZZ1JZXW000001»"],
    #[cfg(test)]
    misses: &["1M8GDM9AXKP04278", "1M8GDM9AXKP0427O8", "abcdef0123456789a"],
};

fn value(b: u8) -> Option<u32> {
    Some(match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => return None,
    })
}

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// `Some(true)` with a valid check digit, `Some(false)` for a well-formed
/// VIN without one, `None` when not a VIN.
pub(crate) fn check(s: &[u8]) -> Option<bool> {
    if s.len() != 17 || !s.iter().any(u8::is_ascii_digit) || !s.iter().any(u8::is_ascii_uppercase) {
        return None;
    }
    let mut sum = 0;
    for (&b, w) in s.iter().zip(WEIGHTS) {
        sum += value(b)? * w;
    }
    let r = sum % 11;
    let expect = if r == 10 { b'X' } else { b'0' + r as u8 };
    Some(s[8] == expect)
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    if t.len() != 17 || embedded(doc, t.start as usize, t.end as usize) {
        return;
    }
    match check(doc.s(i).as_bytes()) {
        Some(true) => out.push(Cand::new(Kind::VehicleId, t.start as usize, t.end as usize, 0.6, "valid VIN check digit", Needs::Patient)),
        Some(false) => out.push(Cand::new(Kind::VehicleId, t.start as usize, t.end as usize, 0.2, "VIN format", Needs::Label)),
        None => {}
    }
}
