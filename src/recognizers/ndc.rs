//! National Drug Codes (health context).
//!
//! Ten digits in the FDA's dashed 4-4-2, 5-3-2 or 5-4-1 layouts, or the
//! 11-digit 5-4-2 billing layout. Reference: FDA NDC Directory. Known
//! false positives: other dashed numbers with these group lengths (rare).

use super::{embedded, Cand, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static NDC: Recognizer = Recognizer {
    id: "ndc",
    kind: Kind::DrugCode,
    gate: |k| k.class == Class::Num && k.next == Next::Dash,
    find,
    #[cfg(test)]
    hits: &["NDC «0002-8215-01»", "«50090-2875-1»", "«00093-7146-56»", "«12345-678-90»"],
    #[cfg(test)]
    misses: &["2024-11-23", "555-123-4567", "0002-8215-011-2"],
};

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    if i + 2 >= toks.len() || doc.gap_after(i) != "-" || doc.gap_after(i + 1) != "-" {
        return;
    }
    if i > 0 && doc.gap_before(i) == "-" {
        return;
    }
    let lens = (toks[i].len(), toks[i + 1].len(), toks[i + 2].len());
    if !(toks[i + 1].is_num() && toks[i + 2].is_num() && matches!(lens, (4, 4, 2) | (5, 3, 2) | (5, 4, 1) | (5, 4, 2))) {
        return;
    }
    let (start, end) = (toks[i].start as usize, toks[i + 2].end as usize);
    if !embedded(doc, start, end) {
        out.push(Cand::new(Kind::DrugCode, start, end, 0.5, "NDC layout", Needs::Patient));
    }
}
