//! Payment card numbers.
//!
//! 13 to 19 digits, bare or in groups of 4 (Amex 4-6-5) separated by
//! spaces or dashes, with a known issuer prefix (Visa 4, Mastercard 51-55
//! and 2221-2720, Amex 34/37, Discover 6011/65/644-649, JCB 3528-3589,
//! Diners 36/38) and a valid Luhn check. Well-known test numbers
//! (4111 1111 1111 1111 ...) are invalid. Reference: ISO/IEC 7812.

use super::{embedded, luhn, Cand, First, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static CREDIT_CARD: Recognizer = Recognizer {
    id: "credit-card",
    kind: Kind::CreditCard,
    // 13-19 digits in one token, or the first of groups split by spaces or dashes.
    gate: |k| k.class == Class::Num && (3..=19).contains(&k.len) && k.first == First::TwoToSix && (k.len >= 13 || matches!(k.next, Next::Space | Next::Dash)),
    find,
    #[cfg(test)]
    hits: &["card «4539 5787 6362 1486» exp", "«4539-5787-6362-1486»", "«4539578763621486»", "amex «3475 123456 78904»", "charge it: «4945719823945287» exp 04/27"],
    #[cfg(test)]
    misses: &["4111 1111 1111 1111", "4000 0000 0000 0002", "4539 5787 6362 1487", "1234 5678 9012 3456", "4539-5787-6362-1486-1"],
};

const TEST_NUMBERS: &[&str] = &["4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "4012888888881881", "4000056655665556", "3530111333300000"];

fn issuer_ok(d: &str) -> bool {
    let p2: u32 = d[..2].parse().unwrap_or(0);
    let p4: u32 = d[..4].parse().unwrap_or(0);
    let p3: u32 = d[..3].parse().unwrap_or(0);
    d.starts_with('4') || (51..=55).contains(&p2) || (2221..=2720).contains(&p4) || p2 == 34 || p2 == 37 || p4 == 6011 || p2 == 65
        || (644..=649).contains(&p3) || (3528..=3589).contains(&p4) || p2 == 36 || p2 == 38
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    if i > 0 && toks[i - 1].is_num() && matches!(doc.gap_before(i), " " | "-") {
        return; // a later group of a number that starts earlier
    }
    if toks[i].len() < 3 || toks[i].len() > 19 || !matches!(doc.s(i).as_bytes()[0], b'2'..=b'6') {
        return;
    }
    // The digits, on the stack (at most 19).
    let mut buf = [0u8; 19];
    let mut len = 0;
    let mut j = i;
    let sep = doc.gap_after(i);
    while j < toks.len() && toks[j].is_num() && len + toks[j].len() <= 19 {
        // Every card's second group has four digits or more (a date's 2026-11-20 does not).
        if j > i && doc.gap_before(j) != sep || j == i + 1 && toks[j].len() < 4 {
            break;
        }
        buf[len..len + toks[j].len()].copy_from_slice(doc.s(j).as_bytes());
        len += toks[j].len();
        j += 1;
        if !matches!(sep, " " | "-") {
            break;
        }
    }
    // Too few digits (a date's 2026-11-20): nothing to check.
    if !(13..=19).contains(&len) {
        return;
    }
    let digits = std::str::from_utf8(&buf[..len]).unwrap_or("");
    let groups = j - i;
    let (start, end) = (toks[i].start as usize, toks[j - 1].end as usize);
    let grouped = groups >= 3 && (toks[i].len() == 4 || digits.len() == 15);
    if !(groups == 1 || grouped) || embedded(doc, start, end) {
        return;
    }
    // (A processor's test cards beyond the list have a run of zeros: `4000 0000 0000 0002`.)
    if issuer_ok(digits) && luhn(digits.as_bytes()) && !TEST_NUMBERS.contains(&digits) && !digits.contains("00000000") {
        // "my card ... 4945719823945287 exp 04/27 cvv 855": a card's words around it.
        let around = |from: usize, to: usize, words: &[&str]| doc.window(from, to).to_ascii_lowercase().split(|c: char| !c.is_ascii_alphabetic()).any(|w| words.contains(&w));
        let cued = around(start.saturating_sub(40), start, &["card", "visa", "mastercard", "amex", "discover"]) || around(end, end + 12, &["exp", "expires", "cvv", "cvc"]);
        let (score, needs) = if grouped || cued { (if cued { 0.8 } else { 0.6 }, Needs::Nothing) } else { (0.45, Needs::Patient) };
        out.push(Cand::new(Kind::CreditCard, start, end, score, "valid card number (Luhn)", needs));
    }
}
