//! Conditions and medications from the compiled vocabularies (health
//! context, not identifiers): single words and phrases such as
//! "hypertension", "type 2 diabetes", "insulin glargine". Matching is
//! case-insensitive on whole tokens; the longest phrase wins.

use super::{Cand, Needs, Recognizer};
use crate::dictionaries::{conditions, flag, medications, PhraseSet};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static VOCABULARY: Recognizer = Recognizer {
    id: "vocabulary",
    kind: Kind::Condition,
    gate: |k| k.class == Class::Word && k.len >= 3 && k.health,
    find,
    #[cfg(test)]
    hits: &["history of «hypertension» and", "dx: «Type 2 diabetes»", "«COPD exacerbation» noted"],
    #[cfg(test)]
    misses: &["the hyper tension", "HTTP 500 error"],
};

/// Longest phrase of `set` starting at token `i`: (end token index, end byte).
fn longest(doc: &Doc, i: usize, first: &str, set: &PhraseSet) -> Option<usize> {
    let max = set.longest_from(first);
    if max == 0 {
        return None;
    }
    let t = &doc.toks[i];
    let last = (i + max - 1).min(doc.toks.len() - 1);
    let mut best = None;
    let mut phrase = String::from(first);
    if set.contains(&phrase) {
        best = Some(i);
    }
    for j in i + 1..=last {
        let gap = doc.gap_before(j);
        if doc.toks[j].line != t.line || !(gap == " " || gap == "-" || gap == "'" || gap == "’") {
            break;
        }
        phrase.push_str(if gap == " " || gap == "-" { gap } else { "'" });
        phrase.push_str(&doc.s(j).to_lowercase());
        if set.contains(&phrase) || (gap == "-" && set.contains(&phrase.replace('-', " "))) {
            best = Some(j);
        }
    }
    best
}

/// Whether a condition's whole phrase starts at token `i` ("CKD stage 3"; not the "contact" of
/// "contact dermatitis" alone).
pub(crate) fn condition_at(doc: &Doc, i: usize) -> bool {
    let mut buf = [0u8; 48];
    doc.has(i, flag::COND_START) && longest(doc, i, &doc.lower(i, &mut buf), conditions()).is_some()
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    if t.len() < 3 || t.is(crate::text::CAMEL) || !doc.has(i, flag::MED_START | flag::COND_START) {
        return;
    }
    // Continuation words were covered by the phrase that started earlier.
    let mut buf = [0u8; 48];
    let first = doc.lower(i, &mut buf);
    for (set, kind, why) in [(medications(), Kind::Medication, "medication name"), (conditions(), Kind::Condition, "condition term")] {
        if let Some(j) = longest(doc, i, &first, set) {
            out.push(Cand::new(kind, t.start as usize, doc.toks[j].end as usize, 0.5, why, Needs::Patient));
            return;
        }
    }
}
