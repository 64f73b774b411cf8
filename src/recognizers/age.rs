//! Ages of 90 and over (Safe Harbor aggregates them into "90 or older").
//!
//! `92-year-old`, `92 years old`, `92 yo`, `92 y/o`, `92yo`, `92 YOF`,
//! `age 92`, `aged 92`, `Age: 92`, `ninety-four year old`. Ages 90 to 125 only. Population phrases
//! are not a person's age: `aged 90 and older`, `over 90`, `>= 90`, `90+`.

use super::{num, Cand, First, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static AGE: Recognizer = Recognizer {
    id: "age-over-89",
    kind: Kind::AgeOver89,
    // 90-99 or 100-125, alone or with a suffix (95yo).
    gate: |k| match k.class {
        Class::Num => k.len == 2 && k.first == First::Nine || k.len == 3 && k.first == First::One,
        Class::Mixed => (2..=5).contains(&k.len) && matches!(k.first, First::One | First::Nine),
        // "ninety-four year old"
        Class::Word => k.len == 6 && matches!(k.next, Next::Dash | Next::Space),
    },
    find,
    #[cfg(test)]
    hits: &["a «92-year-old» woman", "«93 years old»", "«91 y/o» male", "«95yo» F", "«97 YOF»", "«age 94»", "«Aged 96»", "«Age: 90»", "She is «95» and", "-- patient is «103», age check skipped", "«92/F» |", "Park, Seo-yeon, «92 F»\n", "Huang, Hao («90 M»)", "Gebremedhin, Yonas («98M»)", "DOB: 06/20/1932 («93 y»)", "(«100 yrs»)", "tiene «92 años» y", "(«101 ans»)", "pt is a «ninety-four year old» male", "«Ninety-two-year-old» woman", "she is «ninety years old»", "my mother, who is «ninety-three» (born 1931)"],
    #[cfg(test)]
    misses: &["a 62-year-old", "patients aged 90 and older", "over 92 years old", "age >= 90", "aged 90+", "130 years old", "age 89", "Ages 90 or over", "she is 95% sure", "he is 92 kg", "is 95 mg", "rooms 12, 92 F wing", "Ward (92 F wing)", "(90 y and over)", "(95 years of data)", "ninety-four beds", "over ninety years old", "ninety day supply", "the score is ninety-three percent"],
};

/// Units that need "old" (or "/o") after them: `92 years old`, `91 y/o`.
const AFTER_WORDS: &[&str] = &["year", "years", "yr", "yrs", "y"];
/// Units that stand alone: `97 yof`; Spanish, Portuguese, French, Vietnamese and German years.
const WHOLE_UNITS: &[&str] = &["yo", "yof", "yom", "años", "anos", "ans", "tuổi", "jahre"];

fn in_range(s: &str) -> bool {
    s.len() <= 3 && (90..=125).contains(&num(s))
}

/// Population phrasing right after the number: "and older", "+", "or over".
fn population_after(rest: &str) -> bool {
    // (The phrases are short: a few dozen bytes lower-cased, not all the rest of the text.)
    let r = crate::text::head(rest.trim_start(), 32).to_ascii_lowercase();
    r.starts_with('+')
        || ["and older", "or older", "and over", "or over", "and above", "years and older", "years or older", "years of age and older", "or more", "and up", "years and over"]
            .iter()
            .any(|p| r.starts_with(p))
}

/// Whether the rest of a line names `n` as a population's bound: a rule's
/// `banner_age: 90   # patients aged 90 and older`.
pub(crate) fn bound_on_line(n: &str, rest: &str) -> bool {
    let rest = crate::text::head(rest, 160);
    rest.match_indices(n).any(|(k, _)| !rest[..k].ends_with(|c: char| c.is_ascii_digit()) && population_after(&rest[k + n.len()..]))
}

fn population_before(before: &str) -> bool {
    let b = before.trim_end().to_ascii_lowercase();
    ["over", "under", "above", "below", "least", "than", ">", ">=", "≥", "<", "<=", "≤", "ages", "between"].iter().any(|w| b.ends_with(w))
}

/// "ninety-four year old", "Ninety-two-year-old", "ninety years old": an age in words.
fn in_words(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    // Token `j + 1` on the line, joined by a space or dash, lower-cased ("" otherwise).
    let next = |j: usize| -> String {
        let joined = toks.get(j + 1).is_some_and(|n| n.line == toks[i].line) && matches!(doc.gap_after(j), " " | "-");
        if joined { doc.s(j + 1).to_ascii_lowercase() } else { String::new() }
    };
    if !doc.s(i).eq_ignore_ascii_case("ninety") {
        return;
    }
    let mut j = i;
    if ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].contains(&&*next(j)) {
        j += 1;
    }
    let start = toks[i].start as usize;
    let line_start = doc.line_starts[toks[i].line as usize] as usize;
    let before = doc.window(line_start.max(start.saturating_sub(24)), start);
    let mut end = toks[j].end as usize;
    if AFTER_WORDS[..4].contains(&&*next(j)) {
        // "ninety-four year old": the unit needs "old".
        end = toks[j + 1].end as usize;
        let old = doc.text.get(end..end + 4).is_some_and(|o| o.eq_ignore_ascii_case(" old") || o.eq_ignore_ascii_case("-old"));
        if !old || population_before(before) || population_after(&doc.text[end + 4..]) {
            return;
        }
        end += 4;
    } else {
        // "who is ninety-three (born 1931)": a person's age without its unit, not a measure.
        let b = before.to_ascii_lowercase();
        let person = [" is ", " was ", "aged ", "turned "].iter().any(|w| b.ends_with(w));
        let measure = doc.gap_after(j).starts_with(['%', '-']) || ["percent", "pounds", "lbs", "kg", "mg", "days", "minutes", "dollars", "degrees", "miles"].contains(&&*next(j));
        if !person || measure {
            return;
        }
    }
    out.push(Cand::new(Kind::AgeOver89, start, end, 0.45, "age over 89", Needs::Patient));
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    if t.is_word() {
        return in_words(doc, i, out);
    }
    let s = doc.s(i);
    if !(2..=5).contains(&t.len()) || !s.starts_with(['9', '1']) {
        return;
    }
    let start = t.start as usize;
    // Only numbers of 90 to 125 (with an optional suffix) go further: skip the look-behind otherwise.
    let lead = s.bytes().take_while(u8::is_ascii_digit).count();
    if !in_range(&s[..lead]) {
        return;
    }
    let line_start = doc.line_starts[t.line as usize] as usize;
    let before = doc.window(line_start.max(start.saturating_sub(24)), start);
    // 95yo, 95yof
    if t.class == crate::text::Class::Mixed {
        let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = s[digits.len()..].to_ascii_lowercase();
        // (And "(98M)" after a name: age and sex in parentheses.)
        let sexed = matches!(suffix.as_str(), "m" | "f") && before.ends_with('(') && doc.bytes.get(t.end as usize) == Some(&b')');
        if digits.bytes().all(|b| b.is_ascii_digit()) && in_range(digits) && (matches!(suffix.as_str(), "yo" | "yof" | "yom" | "y") || sexed) && !population_before(before) {
            out.push(Cand::new(Kind::AgeOver89, start, t.end as usize, 0.45, "age over 89", Needs::Patient));
        }
        return;
    }
    if !in_range(s) || population_before(before) {
        return;
    }
    let after = doc.window(t.end as usize, t.end as usize + 40);
    // Number then unit: 92-year-old, 92 years old, 91 y/o, 97 YOF.
    if let Some(n) = toks.get(i + 1).filter(|n| n.line == t.line) {
        let gap = doc.gap_after(i);
        let word = doc.s(i + 1).to_ascii_lowercase();
        let whole = WHOLE_UNITS.contains(&word.as_str());
        if matches!(gap, " " | "-") && (whole || AFTER_WORDS.contains(&word.as_str())) {
            let mut end = n.end as usize;
            // "-old", " old", "/o", ".o."
            let rest = &doc.text[end..];
            for tail in ["-old", " old", "/o", ".o.", ".o"] {
                if rest.len() >= tail.len() && rest.as_bytes()[..tail.len()].eq_ignore_ascii_case(tail.as_bytes()) {
                    end += tail.len();
                    break;
                }
            }
            // (Or a unit alone inside parentheses after a birth date: "DOB: 06/20/1932 (93 y)".)
            let bracketed = doc.gap_before(i).ends_with('(') && rest.starts_with(')');
            let unit_ok = end > n.end as usize || whole || bracketed;
            if unit_ok && !population_after(&doc.text[end..]) {
                // "93 y/o F from NH w/ UTI": one person's age, which health words make a patient's.
                let mut c = Cand::new(Kind::AgeOver89, start, end, 0.45, "age over 89", Needs::Patient);
                c.patient_cue = rest.as_bytes().first() == Some(&b'/');
                out.push(c);
            }
            return;
        }
        // "95/M" in a census row, "Park, Seo-yeon, 92 F" in a handoff list, "Huang, Hao (90 M)": age and sex.
        let tail = doc.gap_after(i + 1);
        let listed = gap == " " && (doc.gap_before(i) == ", " && (tail.is_empty() || tail.starts_with(['\r', '\n', ',', '|'])) || doc.gap_before(i).ends_with('(') && tail.starts_with(')'));
        if (gap == "/" && tail.starts_with([' ', '|', ',', '\t', '\n']) || listed) && matches!(word.as_str(), "m" | "f") {
            out.push(Cand::new(Kind::AgeOver89, start, n.end as usize, 0.45, "age over 89", Needs::Patient));
            return;
        }
    }
    // "She is 95 and can't go home alone", "he turned 92": a person's age, not a measure.
    if i > 1 && toks[i - 2].line == t.line {
        let (w1, w2) = (doc.s(i - 2).to_ascii_lowercase(), doc.s(i - 1).to_ascii_lowercase());
        let person = matches!((w1.as_str(), w2.as_str()), ("he" | "she" | "patient" | "pt", "is" | "was") | (_, "turned" | "turns"));
        let next = after.trim_start_matches(' ');
        let measure = !after.starts_with([' ', ',', '.', ';', ')', '\n']) && !after.is_empty()
            || ["kg", "lb", "pound", "percent", "mg", "min", "bpm", "cm", "in ", "inch", "degree", "mile", "%", "beats", "breaths"].iter().any(|u| next.starts_with(u));
        if person && doc.gap_before(i) == " " && !measure {
            out.push(Cand::new(Kind::AgeOver89, start, t.end as usize, 0.45, "age over 89", Needs::Patient));
            return;
        }
    }
    // Label then number: age 92, aged 92, Age: 92.
    if i > 0 && toks[i - 1].line == t.line {
        let w = doc.s(i - 1).to_ascii_lowercase();
        let gap = doc.gap_before(i);
        if matches!(w.as_str(), "age" | "aged") && matches!(gap, " " | ": " | ":" | " of " | "= " | "=") && !population_after(after) {
            let s0 = toks[i - 1].start as usize;
            out.push(Cand::new(Kind::AgeOver89, s0, t.end as usize, 0.45, "age over 89", Needs::Patient));
        }
    }
}
