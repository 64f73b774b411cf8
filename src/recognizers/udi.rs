//! Unique device identifiers in GS1 form, as printed under a device's
//! barcode: `(01)` and the 14-digit device identifier, then the production
//! identifiers, of which the serial `(21)` or the lot `(10)` makes it one
//! device's (its model alone, `(01)` only, is not an identifier of a person).
//! Reference: FDA UDI rule (21 CFR 801.20), GS1 General Specifications 3.2.

use super::{Cand, First, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static UDI: Recognizer = Recognizer {
    id: "udi",
    kind: Kind::DeviceId,
    // The "01" of "(01)".
    gate: |k| k.class == Class::Num && k.len == 2 && k.first == First::OtherDigit && k.next == Next::Other,
    find,
    #[cfg(test)]
    hits: &["UDI from the box: «(01)91646891979143(17)280524(10)RW51P7(21)E777LTLEU5»", "«(01)00844588003288(21)A1B2C3D4»."],
    #[cfg(test)]
    misses: &["(01)00844588003288", "(01)123(21)X", "list (01) item (21) another"],
};

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let b = doc.bytes;
    let start = doc.toks[i].start as usize;
    if start == 0 || b[start - 1] != b'(' || doc.s(i) != "01" {
        return;
    }
    // Groups "(AI)value" back to back; the device identifier is 14 digits.
    let mut at = start - 1;
    let mut serial = false;
    let mut groups = 0;
    while b.get(at) == Some(&b'(') {
        let ai_len = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(2..=4).contains(&ai_len) || b.get(at + 1 + ai_len) != Some(&b')') {
            break;
        }
        let ai = &b[at + 1..at + 1 + ai_len];
        let v = at + 2 + ai_len;
        let len = b[v..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if len == 0 || len > 20 || groups == 0 && !(len == 14 && b[v..v + 14].iter().all(u8::is_ascii_digit)) {
            break;
        }
        serial |= matches!(ai, b"21" | b"10");
        groups += 1;
        at = v + len;
    }
    if groups >= 2 && serial {
        out.push(Cand::new(Kind::DeviceId, start - 1, at, 0.45, "device identifier (UDI) with its serial or lot", Needs::Patient));
    }
}
