//! Recognizers: one file per identifier shape, each a `static` with its
//! doc block, the token classes that trigger it, and examples it must find
//! and must not find. The registry below lists them alphabetically and its
//! tests hold every recognizer to its examples.
//!
//! A recognizer validates a shape (checksum, ranges) and proposes a
//! [`Cand`] with a base score. It does not judge context: labels, fields,
//! staff and patient cues are applied afterwards in `context.rs`.

use crate::dictionaries::flag;
use crate::text::{Class, Doc, CAP, UNCASED};
use crate::Kind;

pub(crate) mod address;
pub(crate) mod age;
mod credit_card;
pub(crate) mod date;
mod dea;
pub(crate) mod email;
pub(crate) mod icd10;
mod ip;
mod medicare_mbi;
mod ndc;
mod person_name;
mod phone;
pub(crate) mod photo;
mod udi;
pub(crate) mod url;
mod us_npi;
mod us_ssn;
mod vin;
mod vocabulary;

pub(crate) use date::is_placeholder_date;
pub(crate) use ip::ipv4;
pub(crate) use medicare_mbi::is_example as is_example_mbi;
pub(crate) use us_ssn::is_example as is_example_ssn;
pub(crate) use person_name::{is_name_token, is_relation, CARET as CARET_NAME, NOT_NAME};

/// What a candidate needs before it is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Validated well enough to stand alone (SSN shape and ranges, MBI, VIN check digit).
    Nothing,
    /// A document about a patient, or a matching label or field.
    Patient,
    /// A matching label or field; never reported on shape alone.
    Label,
}

/// A proposed finding, before context.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub score: f32,
    /// What validated it, in words that never quote the text.
    pub why: &'static str,
    pub needs: Needs,
    /// Set by context: where in a structured format the value sat.
    pub source: Option<String>,
    /// Set by recognizers that already saw a patient cue (names: "Patient X", "Mr. X").
    pub patient_cue: bool,
    /// Set by recognizers that saw a staff cue ("Dr. X", "X, MD", "@x").
    pub staff_cue: bool,
}

impl Cand {
    pub fn new(kind: Kind, start: usize, end: usize, score: f32, why: &'static str, needs: Needs) -> Cand {
        Cand { kind, start, end, score, why, needs, source: None, patient_cue: false, staff_cue: false }
    }
}

/// What the dispatcher sees of a token before calling any recognizer:
/// its class, length, dictionary flags and the bytes around it. Each
/// recognizer states the keys it can fire on (its `gate`), so most tokens
/// call none at all.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    pub class: Class,
    /// Length in bytes, capped at [`Key::MAX_LEN`].
    pub len: usize,
    pub first: First,
    /// The byte right after the token.
    pub next: Next,
    /// Capitalised, or letters without case (CJK, Arabic...).
    pub cap: bool,
    /// Right after a `+`.
    pub after_plus: bool,
    /// A month name or abbreviation.
    pub month: bool,
    /// Starts a medication or condition name.
    pub health: bool,
    /// A common or clinical word that is in no name list ("The", "Please").
    pub not_name: bool,
}

/// The token's first byte, in the classes some gate needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum First {
    One,
    Nine,
    TwoToSix,
    OtherDigit,
    P,
    H,
    Other,
}

impl First {
    const COUNT: usize = 7;

    const fn class(b: u8) -> First {
        match b {
            b'1' => First::One,
            b'9' => First::Nine,
            b'2'..=b'6' => First::TwoToSix,
            b'0' | b'7' | b'8' => First::OtherDigit,
            b'p' | b'P' => First::P,
            b'h' | b'H' => First::H,
            _ => First::Other,
        }
    }

    /// A table lookup (measured faster than the match): runs on every token.
    fn of(b: u8) -> First {
        byte_table!(First, First::class)[b as usize]
    }

    pub fn is_digit(self) -> bool {
        matches!(self, First::One | First::Nine | First::TwoToSix | First::OtherDigit)
    }
}

/// The byte after the token, in the classes some gate needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Next {
    At,
    Colon,
    Dot,
    Dash,
    Slash,
    Space,
    Other,
}

impl Next {
    const COUNT: usize = 7;

    const fn class(b: u8) -> Next {
        match b {
            b'@' => Next::At,
            b':' => Next::Colon,
            b'.' => Next::Dot,
            b'-' => Next::Dash,
            b'/' => Next::Slash,
            b' ' => Next::Space,
            _ => Next::Other,
        }
    }

    fn of(b: Option<&u8>) -> Next {
        b.map_or(Next::Other, |&b| byte_table!(Next, Next::class)[b as usize])
    }
}

impl Key {
    /// Gates tell lengths apart up to 19 (card numbers); longer tokens share one key.
    pub const MAX_LEN: usize = 20;
    /// How many distinct keys there are.
    const COUNT: usize = 3 * (Key::MAX_LEN + 1) * First::COUNT * Next::COUNT * 32;

    fn of(doc: &Doc, i: usize) -> Key {
        let t = &doc.toks[i];
        let (s, e) = (t.start as usize, t.end as usize);
        Key {
            class: t.class,
            len: t.len().min(Key::MAX_LEN),
            first: First::of(doc.bytes[s]),
            next: Next::of(doc.bytes.get(e)),
            cap: t.is(CAP) || t.is(UNCASED),
            after_plus: s > 0 && doc.bytes[s - 1] == b'+',
            month: doc.has(i, flag::MONTH),
            health: doc.has(i, flag::MED_START | flag::COND_START),
            // As person_name::word decides it: one character is an initial, never "not a name".
            not_name: doc.has(i, person_name::NOT_NAME) && !doc.has(i, flag::FIRST | flag::LAST) && doc.s(i).chars().nth(1).is_some(),
        }
    }

    /// A dense index below [`Key::COUNT`] (enum discriminants are their declaration order).
    fn index(&self) -> usize {
        let bits = self.cap as usize | (self.after_plus as usize) << 1 | (self.month as usize) << 2 | (self.health as usize) << 3 | (self.not_name as usize) << 4;
        (((self.class as usize * (Key::MAX_LEN + 1) + self.len) * First::COUNT + self.first as usize) * Next::COUNT + self.next as usize) * 32 + bits
    }
}

/// The registry positions (bits) of the recognizers whose gate `key`
/// passes, computed on first sight of each key and kept.
fn dispatch(key: &Key) -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    // No recognizer has bit 31 (a test checks), so this is never a real mask.
    const UNKNOWN: u32 = u32::MAX;
    static TABLE: std::sync::OnceLock<Vec<AtomicU32>> = std::sync::OnceLock::new();
    let slot = &TABLE.get_or_init(|| (0..Key::COUNT).map(|_| AtomicU32::new(UNKNOWN)).collect())[key.index()];
    match slot.load(Relaxed) {
        UNKNOWN => {
            let mask = REGISTRY.iter().enumerate().filter(|(_, r)| (r.gate)(key)).fold(0u32, |m, (b, _)| m | 1 << b);
            slot.store(mask, Relaxed);
            mask
        }
        mask => mask,
    }
}

/// One recognizer. Its id, kind and examples are read by the registry tests.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Recognizer {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// The kind it proposes (some also propose a second kind, like ZIP with addresses).
    pub kind: Kind,
    /// The token keys it can fire on: a necessary condition of `find`,
    /// checked before calling it.
    pub gate: fn(&Key) -> bool,
    /// Looks at token `i` and pushes candidates.
    pub find: fn(&Doc, usize, &mut Vec<Cand>),
    /// Texts with the expected match between « and » (tests only: not in the
    /// shipped binary).
    #[cfg(test)]
    pub hits: &'static [&'static str],
    /// Texts where it must propose nothing of its kind.
    #[cfg(test)]
    pub misses: &'static [&'static str],
}

/// Every recognizer, alphabetically by id.
pub(crate) static REGISTRY: &[&Recognizer] = &[
    &age::AGE,
    &credit_card::CREDIT_CARD,
    &date::DATE,
    &dea::DEA,
    &email::EMAIL,
    &icd10::ICD10,
    &ip::IP,
    &medicare_mbi::MBI,
    &ndc::NDC,
    &person_name::PERSON_NAME,
    &person_name::RECORD_NAME,
    &person_name::LOWER_NAME,
    &person_name::TITLED_NAME,
    &phone::PHONE,
    &address::STREET_ADDRESS,
    &udi::UDI,
    &url::URL,
    &us_npi::NPI,
    &us_ssn::SSN,
    &vin::VIN,
    &vocabulary::VOCABULARY,
];

/// Runs every recognizer over the tokens in one pass: each token's key
/// selects the few recognizers that can fire on it.
/// `muted(i)`: token `i` is where the recognizers of `muted_kinds` cannot
/// propose anything that could be reported (see `scan::LOG_CAPPED`).
pub(crate) fn run(doc: &Doc, out: &mut Vec<Cand>, muted_kinds: &[Kind], mut muted: impl FnMut(usize) -> bool) {
    let mute = REGISTRY.iter().enumerate().filter(|(_, r)| muted_kinds.contains(&r.kind)).fold(0u32, |m, (b, _)| m | 1 << b);
    for i in 0..doc.toks.len() {
        let mut mask = dispatch(&Key::of(doc, i));
        if mask & mute != 0 && muted(i) {
            mask &= !mute;
        }
        call(doc, i, mask, out);
    }
}

/// Calls the recognizers whose bits are set in `mask` on token `i`.
fn call(doc: &Doc, i: usize, mut mask: u32, out: &mut Vec<Cand>) {
    while mask != 0 {
        (REGISTRY[mask.trailing_zeros() as usize].find)(doc, i, out);
        mask &= mask - 1;
    }
}

// ---- helpers shared by recognizers ----

/// The digits of an ASCII digit string as a number (saturating).
pub(crate) fn num(s: &str) -> u64 {
    s.bytes().fold(0u64, |n, b| n.saturating_mul(10).saturating_add((b - b'0') as u64))
}

/// Luhn checksum over ASCII digits.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = (d - b'0') as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// Whether the bytes around `start..end` continue an alphanumeric run or a
/// longer dashed/dotted number (so `123-45-6789` inside `1-123-45-6789-0`
/// does not count).
pub(crate) fn embedded(doc: &Doc, start: usize, end: usize) -> bool {
    let b = doc.bytes;
    let before = |k: usize| if start >= k { Some(b[start - k]) } else { None };
    let after = |k: usize| b.get(end + k - 1).copied();
    let joiner = |c: u8| matches!(c, b'-' | b'.' | b'/' | b'_');
    matches!(before(1), Some(c) if c.is_ascii_alphanumeric())
        || matches!(after(1), Some(c) if c.is_ascii_alphanumeric())
        || (matches!(before(1), Some(c) if joiner(c)) && matches!(before(2), Some(c) if c.is_ascii_alphanumeric()))
        || (matches!(after(1), Some(c) if joiner(c)) && matches!(after(2), Some(c) if c.is_ascii_digit()))
}

/// Token `j` exists, is on the same line as token `i`, and the gap before
/// it is exactly `sep`.
pub(crate) fn joined(doc: &Doc, j: usize, sep: &str) -> bool {
    j < doc.toks.len() && doc.gap_before(j) == sep
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Splits "a «b» c" into ("a b c", Some(2..3)).
    pub fn unmark(example: &str) -> (String, Option<(usize, usize)>) {
        match (example.find('«'), example.find('»')) {
            (Some(a), Some(b)) => {
                let text = example.replace(['«', '»'], "");
                (text, Some((a, b - '«'.len_utf8())))
            }
            _ => (example.to_string(), None),
        }
    }

    pub fn candidates(r: &Recognizer, text: &str) -> Vec<Cand> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        let bit = REGISTRY.iter().position(|x| std::ptr::eq(*x, r)).expect("registered");
        for i in 0..doc.toks.len() {
            call(&doc, i, dispatch(&Key::of(&doc, i)) & 1 << bit, &mut out);
        }
        // Staff candidates exist only to suppress: they are not findings.
        out.retain(|c| !c.staff_cue);
        out
    }

    #[test]
    fn registry_is_sorted_unique_and_documented_by_examples() {
        let ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "registry must be alphabetical by id, with unique ids");
        for r in REGISTRY {
            assert!(!r.hits.is_empty(), "{} has no hit examples", r.id);
            assert!(!r.misses.is_empty(), "{} has no miss examples", r.id);
            assert!(r.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()), "{} is not kebab-case", r.id);
        }
    }

    #[test]
    fn every_hit_is_found_with_its_span() {
        for r in REGISTRY {
            for ex in r.hits {
                let (text, span) = unmark(ex);
                let (s, e) = span.unwrap_or_else(|| panic!("{}: hit example without «»: {ex}", r.id));
                let found = candidates(r, &text);
                assert!(
                    found.iter().any(|c| c.kind == r.kind && c.start == s && c.end == e),
                    "{}: expected {:?} in {ex:?}, got {:?}",
                    r.id,
                    &text[s..e],
                    found.iter().map(|c| (c.kind, &text[c.start..c.end])).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn no_miss_is_found() {
        for r in REGISTRY {
            for ex in r.misses {
                let found: Vec<_> = candidates(r, ex).into_iter().filter(|c| c.kind == r.kind).collect();
                assert!(found.is_empty(), "{}: false hit in {ex:?}: {:?}", r.id, found.iter().map(|c| &ex[c.start..c.end]).collect::<Vec<_>>());
            }
        }
    }

    /// Every token key.
    fn all_keys() -> Vec<Key> {
        let firsts = [First::One, First::Nine, First::TwoToSix, First::OtherDigit, First::P, First::H, First::Other];
        let nexts = [Next::At, Next::Colon, Next::Dot, Next::Dash, Next::Slash, Next::Space, Next::Other];
        let mut keys = Vec::new();
        for class in [Class::Num, Class::Word, Class::Mixed] {
            for len in 0..=Key::MAX_LEN {
                for (first, next) in firsts.into_iter().flat_map(|f| nexts.into_iter().map(move |n| (f, n))) {
                    for bits in 0..32 {
                        let (cap, after_plus, month, health, not_name) = (bits & 1 != 0, bits & 2 != 0, bits & 4 != 0, bits & 8 != 0, bits & 16 != 0);
                        keys.push(Key { class, len, first, next, cap, after_plus, month, health, not_name });
                    }
                }
            }
        }
        keys
    }

    /// A gate only skips calls that would find nothing: on every example
    /// and every corpus document, calling `find` on every token of the
    /// classes the gate admits gives the same candidates.
    #[test]
    fn gates_never_hide_a_candidate() {
        let sig = |c: &Cand| (c.kind, c.start, c.end, c.score.to_bits(), c.why, c.staff_cue);
        let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/corpus.jsonl")).unwrap_or_default();
        let docs: Vec<String> = corpus.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(String::from)).collect();
        let keys = all_keys();
        for r in REGISTRY {
            let classes: Vec<Class> = [Class::Num, Class::Word, Class::Mixed].into_iter().filter(|&c| keys.iter().any(|k| k.class == c && (r.gate)(k))).collect();
            let admits = |class: Class| classes.contains(&class);
            for ex in r.hits.iter().chain(r.misses.iter()).copied().chain(docs.iter().map(String::as_str)) {
                let (text, _) = unmark(ex);
                let doc = Doc::new(&text);
                let mut all = Vec::new();
                for i in (0..doc.toks.len()).filter(|&i| admits(doc.toks[i].class)) {
                    (r.find)(&doc, i, &mut all);
                }
                all.retain(|c| !c.staff_cue);
                let gated: Vec<_> = candidates(r, &text).iter().map(sig).collect();
                let all: Vec<_> = all.iter().map(sig).collect();
                let hidden: Vec<_> = all.iter().filter(|c| !gated.contains(c)).map(|c| (c.4, &text[c.1..c.2])).collect();
                assert!(gated == all, "{}: the gate hides {hidden:?} in {ex:?}", r.id);
            }
        }
    }

    #[test]
    fn dispatch_keys_are_dense_and_registry_fits_the_mask() {
        assert!(REGISTRY.len() < 32);
        let mut seen = vec![false; Key::COUNT];
        for k in all_keys() {
            assert!(!std::mem::replace(&mut seen[k.index()], true), "{k:?} shares an index");
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn luhn_and_num() {
        assert!(luhn(b"4539578763621486"));
        assert!(!luhn(b"4539578763621487"));
        assert_eq!(num("00412"), 412);
    }
}
