//! Phone and fax numbers.
//!
//! North American (NANP) numbers in the usual shapes: `(617) 734-2291`,
//! `617-734-2291`, `617.734.2291`, `617 734 2291`, `+1 617 734 2291`,
//! `1-617-734-2291`, with an optional extension (`x123`, `ext. 123`).
//! Area code and exchange start with 2-9 and are not N11; the fictional
//! 555-0100..0199 block is invalid. Bare ten digits and seven-digit local
//! numbers are proposed only for a phone label or field. International
//! numbers need a leading `+` and country code. Reference: NANPA numbering
//! plan. Known false positives: other 3-3-4 dashed numbers; context decides.

use super::{embedded, Cand, Needs, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static PHONE: Recognizer = Recognizer {
    id: "phone",
    kind: Kind::Phone,
    gate: |k| k.class == Class::Num && (matches!(k.len, 1 | 3 | 10) || k.after_plus && (k.len <= 3 || (8..=15).contains(&k.len))),
    find,
    #[cfg(test)]
    hits: &[
        "NOK: son «505/821-0585»",
        "please call me Wojciech Woźniak at «7186979110»",
        "my dob 12/8/98 . call me «5607601115» after 3",
        "call «(617) 734-2291» today",
        "«617-734-2291»",
        "«617.734.2291»",
        "cell «+1 617 734 2291»",
        "«1-617-734-2291»",
        "«(617)734-2291 x204»",
        "«617-734-2291 ext. 12»",
        "phone «6177342291»",
        "Husband Jules («5138979880») wants a call",
        "They can be reached at «9126622075».",
        "Is «7187304094» still the best number?",
        "«+44 20 7946 0958»",
        "«+1 (617) 734-2291»",
        "value: \"«+16177342291 ext. 6751»\"",
        "«+442079460958»",
        "ph «734-2291»",
        "My cell is 605-653-1430, that's «6 0 5 6 5 3 1 4 3 0». Thank you",
    ],
    #[cfg(test)]
    misses: &["1.0.0+20130313144700", "+10177342291", "+1234567", "(017) 734-2291", "617-134-2291", "911-734-2291", "212-555-0142", "2024-01-15", "1.2.3.4", "12-3456-7890", "0 1 0 0 1 1 0 1 0 1", "6 0 5 6 5 3 1 4 3 0 7", "Scores: 2 3 4 5 6 7 8 9 2 3"],
};

fn nanp_ok(area: &[u8], exchange: &[u8], line: &[u8]) -> bool {
    let n11 = |d: &[u8]| d[1] == b'1' && d[2] == b'1';
    // A toll-free number (800, 833 ... 888) is a business's: payers, provider lines, call centres.
    // (Nor is a fictional 555-01xx anyone's.)
    let nobody = area[0] == b'8' && area[1] == area[2] && matches!(area[1], b'0' | b'3'..=b'8') || exchange == b"555" && line.starts_with(b"01");
    area[0] >= b'2' && exchange[0] >= b'2' && !n11(area) && !n11(exchange) && !nobody
}

/// Ten digits that make a valid NANP number.
fn nanp10(d: &[u8]) -> bool {
    d.len() == 10 && nanp_ok(&d[..3], &d[3..6], &d[6..])
}

/// Extends `end` over an extension: ` x204`, `x204`, ` ext. 12`, ` ext 12`.
fn extension(doc: &Doc, last: usize) -> usize {
    let end = doc.toks[last].end as usize;
    let Some(next) = doc.toks.get(last + 1) else { return end };
    let gap = doc.gap_after(last);
    if !(gap.is_empty() || gap == " " || gap == ", ") || next.line != doc.toks[last].line {
        return end;
    }
    let s = doc.s(last + 1);
    let lower = s.to_ascii_lowercase();
    if lower.len() > 1 && lower.starts_with('x') && lower[1..].bytes().all(|b| b.is_ascii_digit()) {
        return next.end as usize;
    }
    if matches!(lower.as_str(), "x" | "ext" | "extension") {
        if let Some(n) = doc.toks.get(last + 2) {
            let g = doc.gap_after(last + 1);
            if n.is_num() && n.len() <= 6 && matches!(g, " " | ". " | ".") {
                return n.end as usize;
            }
        }
    }
    end
}

fn push(out: &mut Vec<Cand>, doc: &Doc, start: usize, last: usize, score: f32, why: &'static str, needs: Needs) {
    let end = extension(doc, last);
    if bridge(doc, start, end) {
        return;
    }
    // (With an extension, an office's: "Callback for the clinic: 404-544-1844 ext 7146".)
    if end == doc.toks[last].end as usize && patient_callback(doc, start) {
        out.push(Cand::new(Kind::Phone, start, end, 0.7, "a patient's callback number", Needs::Nothing));
    } else {
        out.push(Cand::new(Kind::Phone, start, end, score, why, needs));
    }
}

/// "One patient who got cut off asked for a call back, callback number is (701) 370-8219",
/// "call back pt's daughter at (602) 670-4175", "TC from pt's son … pls call 503 203 8661":
/// the number a patient (or their family) left, after a call back or right after "call",
/// on a line about one patient (not "patients", "pts").
#[inline(never)]
fn patient_callback(doc: &Doc, start: usize) -> bool {
    let line_no = doc.line_of(start);
    let before = &doc.bytes[start.saturating_sub(48).max(doc.line_starts[line_no] as usize)..start];
    // (Within 512 bytes on the line: a long line of many numbers is not read whole at each.)
    let line = doc.line_around(line_no, start.saturating_sub(512), start + 512).as_bytes();
    (before.windows(8).any(|w| w[..4].eq_ignore_ascii_case(b"call") && (w[4..].eq_ignore_ascii_case(b"back") || w[4] == b' ' && w[5..].eq_ignore_ascii_case(b"bac"))) || crate::text::suffix_ci(before, &["call "]).is_some())
        && line.windows(8).enumerate().any(|(k, w)| {
            let word = k == 0 || !line[k - 1].is_ascii_alphabetic();
            w[..7].eq_ignore_ascii_case(b"patient") && !w[7].eq_ignore_ascii_case(&b's') || word && w[..3].eq_ignore_ascii_case(b"pt'")
        })
}

/// "+1 801-515-4367, passcode 166465#": a conference bridge, whose passcode or
/// meeting id follows its number, is nobody's phone; nor is a meeting's id
/// that looks like one ("Meeting ID 636 355 7377").
#[inline(never)]
fn bridge(doc: &Doc, start: usize, end: usize) -> bool {
    // (Bytes, not characters: the wasm package is smaller so.)
    let b = doc.bytes;
    let k = end + b[end..].iter().take(3).take_while(|c| !c.is_ascii_alphanumeric()).count();
    const WORDS: &[&str] = &["passcode", "pin ", "pin:", "pin#", "access code", "conference id", "meeting id", "participant code", "conf id"];
    let before = &b[start.saturating_sub(16)..start - b[..start].iter().rev().take(3).take_while(|&&c| matches!(c, b' ' | b':' | b'#')).count()];
    // (Or its one-tap dial string: `+1 312-535-6786,,873852489#`.)
    b[end..].starts_with(b",,") || crate::text::prefix_ci(&b[k..], WORDS).is_some() || crate::text::suffix_ci(before, &["meeting id", "conference id", "webinar id", "access code", "passcode"]).is_some()
}

/// Whether token `i` continues a number that starts at an earlier token
/// (the "734" of 617-734-2291): that start handles it.
fn continues_previous(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let (p, t) = (&doc.toks[i - 1], &doc.toks[i]);
    if !p.is_num() || p.line != t.line {
        return false;
    }
    match doc.gap_before(i) {
        "-" | "." | "(" | ")" | ") " | " (" | ")-" => true,
        " " => p.len() <= 4,
        _ => false,
    }
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    let start = t.start as usize;
    let prev = doc.byte_before(start);
    if continues_previous(doc, i) {
        return;
    }
    if prev == b'+' {
        international(doc, i, out);
        return;
    }
    if t.len() == 1 && read_out(doc, i, out) {
        return;
    }
    // Optional trunk prefix "1-", "1 ", "1.", "1 (".
    let trunk = t.len() == 1 && doc.s(i) == "1" && matches!(doc.gap_after(i), "-" | " " | "." | " (" | "(");
    let area_i = if trunk { i + 1 } else { i };
    let start = if !trunk && prev == b'(' { start - 1 } else { start };
    if ten_digits(doc, start, area_i, out) {
        return;
    }
    let s = doc.s(i);
    // "Husband Jules (5138979880)", "brother Neville, 7262849200": a contact number after a name.
    let after_name = i > 0 && matches!(doc.gap_before(i), " (" | ", ") && doc.toks[i - 1].line == t.line && doc.toks[i - 1].is_word() && doc.toks[i - 1].is(crate::text::CAP);
    if s.len() == 10 && (after_name || reach_cue(doc, t.start as usize) || number_after(doc, t.end as usize)) && nanp10(s.as_bytes()) && !embedded(doc, t.start as usize, t.end as usize) {
        push(out, doc, t.start as usize, i, 0.3, "ten-digit phone number after a name", Needs::Patient);
        return;
    }
    if trunk || prev == b'(' || embedded(doc, t.start as usize, t.end as usize) && t.len() == 10 {
        return;
    }
    // Bare ten digits, or a seven-digit local number: only with a label.
    if s.len() == 10 && !embedded(doc, t.start as usize, t.end as usize) && nanp10(s.as_bytes()) {
        push(out, doc, t.start as usize, i, 0.2, "ten-digit phone number", Needs::Label);
    } else if s.len() == 3 && i + 1 < toks.len() && doc.gap_after(i) == "-" && toks[i + 1].is_num() && toks[i + 1].len() == 4 {
        let end = toks[i + 1].end as usize;
        if !embedded(doc, t.start as usize, end) && s.as_bytes()[0] >= b'2' && !(s == "555" && doc.s(i + 1).starts_with("01")) {
            push(out, doc, t.start as usize, i + 1, 0.15, "seven-digit phone number", Needs::Label);
        }
    }
}

/// "that's 6 0 5 6 5 3 1 4 3 0": a number read out digit by digit (a voicemail's
/// transcript), from token `i`. Whether it was one.
fn read_out(doc: &Doc, i: usize, out: &mut Vec<Cand>) -> bool {
    let mut n = [0u8; 10];
    let mut end = 0;
    for (k, digit) in n.iter_mut().enumerate() {
        // Single digits, one space apart.
        let Some(d) = doc.toks.get(i + k).filter(|d| d.is_num() && d.len() == 1 && (k == 0 || d.start as usize == end + 1 && doc.bytes[end] == b' ')) else { return false };
        *digit = doc.bytes[d.start as usize];
        end = d.end as usize;
    }
    let start = doc.toks[i].start as usize;
    // (Said to be a number: not a row of scores.)
    let before = doc.window(start.saturating_sub(40), start).to_ascii_lowercase();
    let said = ["phone", "cell", "number", "call", "that's", "that is"].iter().any(|w| before.contains(w));
    if said && nanp10(&n) && !embedded(doc, start, end) && !doc.bytes.get(end..end + 2).is_some_and(|g| g[0] == b' ' && g[1].is_ascii_digit()) {
        out.push(Cand::new(Kind::Phone, start, end, 0.45, "phone number read out digit by digit", Needs::Patient));
    }
    true
}

/// "can be reached at 9126622075", "call back at", "callback number is", "best number is":
/// words that say a bare number is a phone.
/// Also with the writer's name between: "please call me Wojciech Woźniak at 7186979110".
fn reach_cue(doc: &Doc, start: usize) -> bool {
    let before = doc.window(start.saturating_sub(64), start).to_ascii_lowercase();
    ["reached at ", "reach me at ", "reach her at ", "reach him at ", "call back at ", "call me at ", "call her at ", "call him at ", "callback number is ", "callback at ", "text me at ", "call me ", "my number is ", "my new number is ", "my cell is ", "best number is ", "good number is "]
        .iter()
        .any(|c| before.ends_with(c))
        || before.ends_with(" at ") && before.rsplit_once(['.', '\n']).map_or(&*before, |(_, s)| s).contains("call me ")
        || called_at(doc.window(start.saturating_sub(64), start))
}

/// "call Li at 9736976560", "Call Anh Dao at …": a person's name, one to three capitalised
/// words, between the word call and the number.
fn called_at(before: &str) -> bool {
    let Some(b) = before.strip_suffix(" at ") else { return false };
    let Some(k) = b.rfind("all ").filter(|&k| k > 0 && b.as_bytes()[k - 1] | 0x20 == b'c') else { return false };
    let name = &b[k + 4..];
    name.split(' ').count() <= 3 && name.split(' ').all(|w| w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && w.bytes().all(|c| c.is_ascii_alphabetic() || c >= 0x80))
}

/// "Is 7187304094 still the best number?": the sentence calls it a phone number.
fn number_after(doc: &Doc, end: usize) -> bool {
    let after = doc.window(end, end + 32).to_ascii_lowercase();
    ["best number", "good number", "callback number", "my number", "cell number", "home number"].iter().any(|c| after.contains(c))
}

/// `AAA EEE NNNN` with parentheses, dashes, dots or spaces, from token `a`.
fn ten_digits(doc: &Doc, start: usize, a: usize, out: &mut Vec<Cand>) -> bool {
    let toks = &doc.toks;
    if a + 2 >= toks.len() {
        return false;
    }
    let (at, et, lt) = (&toks[a], &toks[a + 1], &toks[a + 2]);
    if !(at.is_num() && at.len() == 3 && et.is_num() && et.len() == 3 && lt.is_num() && lt.len() == 4) || at.line != lt.line {
        return false;
    }
    let (g1, g2) = (doc.gap_after(a), doc.gap_after(a + 1));
    let paren = at.start > 0 && doc.bytes[at.start as usize - 1] == b'(' && matches!(g1, ") " | ")" | ")-" | ") -") && matches!(g2, "-" | " " | ".");
    // ("505/821-0585": the area code before a slash, as some people write it.)
    let plain = matches!((g1, g2), ("-", "-") | (".", ".") | (" ", " ") | (" ", "-") | ("/", "-"));
    if !(paren || plain) {
        return false;
    }
    let end = lt.end as usize;
    // "(415-305-2319)": the parenthesis is around the number, not the area code.
    let start = if !paren && doc.bytes[start] == b'(' { start + 1 } else { start };
    // A bracketed number may touch what follows, unless a letter, digit or dash continues it.
    let continued = matches!(doc.bytes.get(end), Some(c) if c.is_ascii_alphanumeric() || *c == b'-');
    if embedded(doc, start, end) && (!paren || continued) {
        return false;
    }
    let (ar, ex, ln) = (doc.s(a), doc.s(a + 1), doc.s(a + 2));
    // Numbers outside the NANP rules are left to phone fields and labels.
    if nanp_ok(ar.as_bytes(), ex.as_bytes(), ln.as_bytes()) {
        push(out, doc, start, a + 2, 0.45, "valid NANP phone number", Needs::Patient);
    }
    true
}

/// E.164 without separators, as FHIR and HL7 feeds write it:
/// `+16177342291` (a valid NANP number after the 1) or `+442079460958`.
fn e164(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let (t, s) = (&doc.toks[i], doc.s(i));
    let start = t.start as usize - 1;
    if !(8..=15).contains(&s.len()) || embedded(doc, start, t.end as usize) {
        return;
    }
    if let Some(n) = s.strip_prefix('1').filter(|n| n.len() == 10) {
        if nanp10(n.as_bytes()) {
            push(out, doc, start, i, 0.45, "valid NANP phone number", Needs::Patient);
        }
    } else if !s.starts_with(['0', '1']) && s.len() >= 10 {
        push(out, doc, start, i, 0.4, "international phone number", Needs::Patient);
    }
}

/// `+CC` followed by digit groups.
fn international(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    let start = t.start as usize - 1;
    if t.len() > 3 {
        e164(doc, i, out);
        return;
    }
    if doc.s(i) == "1" {
        if i + 1 < toks.len() && matches!(doc.gap_after(i), " " | "-" | "." | " (" | "(") {
            let before = out.len();
            ten_digits(doc, start, i + 1, out);
            for c in &mut out[before..] {
                c.start = start;
            }
        }
        return;
    }
    let mut j = i;
    let mut digits = 0;
    while j < toks.len() && toks[j].line == t.line && toks[j].is_num() && toks[j].len() <= 4 {
        if j > i && !matches!(doc.gap_before(j), " " | "-" | "." | " (" | ") " | "(" | ")") {
            break;
        }
        digits += toks[j].len();
        j += 1;
    }
    if j - i >= 3 && (9..=15).contains(&digits) {
        push(out, doc, start, j - 1, 0.4, "international phone number", Needs::Patient);
    }
}
