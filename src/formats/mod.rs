//! Structured text: find the fields a value sits in, so that a value in a
//! field that means PHI is PHI even when it would be ambiguous alone.
//!
//! Each extractor recognises its format cheaply (a prefix, a header line)
//! and returns [`Field`]s: byte spans with a [`Role`] and a `source` such as
//! `hl7:PID-5` or `csv:dob`. Prose labels ("DOB: ...") are fields too, with
//! no source.

use crate::labels::Role;
use crate::text::{has, Doc};

mod cda_text;
mod code;
mod dicom_text;
mod fhir_text;
mod fixed_width;
mod hl7v2;
mod json;
mod labels;
mod ncpdp;
pub(crate) use hl7v2::is_segment_id;
pub(crate) use labels::is_note_title;
mod sql;
mod table;
mod x12;
mod xml_text;

/// A value's span and what it means.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Field {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// Where it sat (`hl7:PID-5`); `None` for prose labels.
    pub source: Option<String>,
    /// Set for structured formats and `Label:` forms; unset for a bare
    /// label word before a value ("MRN 00412345").
    pub strong: bool,
}

/// What the extractors found.
#[derive(Default)]
pub(crate) struct Extracted {
    /// Fields sorted by start.
    pub fields: Vec<Field>,
    /// A structured patient record was seen (HL7 PID, FHIR Patient, a
    /// table with patient columns).
    pub patient_record: bool,
    /// A lower-case "my", "his", "her" or "our" occurs (see `scan::lower_case_names`).
    pub possessive: bool,
    /// Which `probe` keywords occur.
    pub probes: u8,
    /// Where each image extension after a dot starts (`IMG_9922.«HEIC»`), for `recognizers::photo`.
    pub images: Vec<usize>,
}

impl Extracted {
    fn push(&mut self, start: usize, end: usize, role: Role, source: Option<String>, strong: bool) {
        if end > start {
            self.fields.push(Field { start, end, role, source, strong });
        }
    }
}

/// The source of a field over a test patient's record (`EVERYMAN^ADAM`'s PID): nothing in it is
/// reported.
pub(crate) const TEST_PATIENT: &str = "test patient";

/// `08/08/2026`, `5/27/25`: a date with slashes, which no record or account number is.
pub(crate) fn slash_date(v: &str) -> bool {
    // Digits in each of three parts.
    let mut lens = [0usize; 3];
    let mut k = 0;
    for b in v.bytes() {
        match b {
            b'0'..=b'9' => lens[k] += 1,
            b'/' if k < 2 => k += 1,
            _ => return false,
        }
    }
    k == 2 && (1..=2).contains(&lens[0]) && (1..=2).contains(&lens[1]) && matches!(lens[2], 2 | 4)
}

/// Keywords the extractors look for anywhere in the text, noted in the
/// token pass of `extract` (each extractor searches for its own only where
/// it occurs: most texts hold none of them).
pub(crate) mod probe {
    /// `From:`, an email header.
    pub const FROM: u8 = 1;
    /// `MSH`, an HL7 message header (also after an escaped `\r`).
    pub const MSH: u8 = 2;
    /// ` / `, between compound labels.
    pub const SLASH: u8 = 4;
    /// `<td` in any case, an HTML table cell.
    pub const TD: u8 = 8;
    /// `(0010,`, a DICOM patient tag.
    pub const DICOM: u8 = 16;
    /// ` value="`, FHIR XML.
    pub const VALUE: u8 = 32;
    /// `name:` or `"name":`, perhaps a name/value pair.
    pub const NAME: u8 = 64;
    /// `<PID.`, an HL7 v2.xml patient segment.
    pub const V2XML: u8 = 128;
}

/// Runs every extractor.
pub(crate) fn extract(doc: &Doc) -> Extracted {
    let mut x = Extracted { fields: Vec::with_capacity((doc.toks.len() / 8 + 16).min(4096)), patient_record: false, possessive: false, probes: 0, images: Vec::new() };
    // One pass over the tokens for what the extractors look for: the `probe`
    // keywords, the SQL keywords that end a token, each word starting "Patient"
    // (two extractors look at it; `<Patient`, `new Patient(`, `PatientService`),
    // X12's segment ids, and the possessives before a relative's name.
    let b = doc.bytes;
    let mut sql = sql::Keywords::default();
    let mut patient = Vec::new();
    let (mut x12, mut x12_view) = (false, false);
    let (mut cda, mut ncpdp) = (false, false);
    let mut gap_start = 0;
    for t in &doc.toks {
        let (s, e) = (t.start as usize, t.end as usize);
        let w = &b[s..e];
        let (before, after) = (if s > 0 { b[s - 1] } else { b'\n' }, b.get(e).copied());
        x.probes |= match w[0] {
            b'P' if w.starts_with(b"Patient") => {
                patient.push(s);
                0
            }
            b'P' if w == b"PID" && before == b'<' && after == Some(b'.') => probe::V2XML,
            b'F' if w == b"From" && after == Some(b':') => probe::FROM,
            b'M' if w.starts_with(b"MSH") => probe::MSH,
            b'r' | b'n' if w[1..].starts_with(b"MSH") && before == b'\\' => probe::MSH,
            b'r' if before == b'<' && w == b"recordTarget" => {
                cda = true;
                0
            }
            b'0' if w == b"0010" && before == b'(' && after == Some(b',') => probe::DICOM,
            b'3' | b'4' if after == Some(b'-') && ncpdp::field_at(b, s, e).is_some() => {
                ncpdp = true;
                0
            }
            b'N' | b'D' if matches!(w, b"NM103" | b"NM109" | b"DMG02") => {
                x12_view = true;
                0
            }
            b't' | b'T' if w.len() >= 2 && w[1] | 0x20 == b'd' && before == b'<' => probe::TD,
            b'v' if w == b"value" && before == b' ' && b[e..].starts_with(b"=\"") => probe::VALUE,
            b'n' if w == b"name" && (after == Some(b':') || b[e..].starts_with(b"\":") || b[e..].starts_with(b"=\"")) => probe::NAME,
            _ => 0,
        };
        if before == b'.' && crate::recognizers::photo::is_extension(w) {
            x.images.push(s);
        }
        if s >= gap_start + 3 && has(&doc.text[gap_start..s], " / ") {
            x.probes |= probe::SLASH;
        }
        gap_start = e;
        x12 |= w.len() == 3 && matches!(w, b"NM1" | b"DMG" | b"CLM" | b"CLP" | b"INS");
        x.possessive |= w.len() <= 3 && matches!(w, b"my" | b"his" | b"her" | b"our");
        sql.note(w);
    }
    if has(&doc.text[gap_start..], " / ") {
        x.probes |= probe::SLASH;
    }
    hl7v2::extract(doc, &mut x);
    hl7v2::tree(doc, &mut x);
    if x.probes & probe::V2XML != 0 {
        hl7v2::xml(doc, &mut x);
    }
    json::extract(doc, &mut x);
    table::extract(doc, &mut x);
    if x12 {
        x12::extract(doc, &mut x);
    }
    if x12_view {
        x12::elements(doc, &mut x);
    }
    sql::extract(doc, &mut x, sql);
    code::extract(doc, &mut x, &patient);
    labels::extract(doc, &mut x);
    dicom_text::extract(doc, &mut x);
    fhir_text::extract(doc, &mut x, &patient);
    if cda {
        cda_text::extract(doc, &mut x);
    }
    if ncpdp {
        ncpdp::extract(doc, &mut x);
    }
    // (A closing tag, one search over the text: a check at each token costs more.)
    if doc.text.contains("</") {
        xml_text::extract(doc, &mut x);
    }
    // Extractors cut some values at fixed widths: keep spans on character boundaries.
    for f in &mut x.fields {
        while !doc.text.is_char_boundary(f.start) {
            f.start += 1;
        }
        while f.end > f.start && !doc.text.is_char_boundary(f.end) {
            f.end -= 1;
        }
    }
    x.fields.retain(|f| f.end > f.start);
    test_records(doc, &mut x);
    sort_fields(&mut x.fields);
    // A test patient's span holds no other reader's fields (a code reader's `given` inside the
    // specification's example Patient). (Fields come by start: one pass, however many spans.)
    let test = |f: &Field| f.source.as_deref() == Some(TEST_PATIENT);
    let tests: Vec<(usize, usize)> = x.fields.iter().filter(|f| test(f)).map(|f| (f.start, f.end)).collect();
    if !tests.is_empty() {
        let (mut t, mut reach) = (0, 0);
        x.fields.retain(|f| {
            while t < tests.len() && tests[t].0 <= f.start {
                reach = reach.max(tests[t].1);
                t += 1;
            }
            test(f) || f.end > reach
        });
    }
    handle_records(doc, &mut x);
    x
}

/// A record with a chat handle (`slack: "@nquinones"`) is a colleague's, in a rotation's YAML
/// or a team's JSON: its name is staff and its phone and email are work contacts. A record is
/// the lines at the handle's indentation around it, with the `- ` or `{` line that opens it.
fn handle_records(doc: &Doc, x: &mut Extracted) {
    let b = doc.bytes;
    let (mut done, mut names) = (0, Vec::new());
    // (One search for `@`, which most texts lack.)
    for (k, _) in doc.text.match_indices('@') {
        if k < done || !(b[..k].ends_with(b": ") || b[..k].ends_with(b": \"")) {
            continue;
        }
        let (s, end) = record(doc, doc.line_of(k));
        done = end;
        // (Fields come by start: only the record's own are looked at.)
        let from = x.fields.partition_point(|f| f.start < s);
        for f in x.fields[from..].iter_mut().take_while(|f| f.start < done).filter(|f| f.end <= done) {
            f.role = match f.role {
                Role::Name => {
                    names.push(&doc.text[f.start..f.end]);
                    Role::Staff
                }
                Role::Phone | Role::Email => Role::Dial,
                r => r,
            };
        }
    }
    // (And the same names elsewhere in the file: its overrides' `member: Xee Vang`.)
    // (The first 256: a roster of thousands is not compared with every field.)
    names.truncate(256);
    for f in x.fields.iter_mut().filter(|f| f.role == Role::PatientName && names.contains(&&doc.text[f.start..f.end])) {
        f.role = Role::Staff;
    }
}

/// The record of YAML or JSON lines around line `l` (start, end): the lines at its indentation,
/// with the `- ` or `{` line that opens it (or, from that line, the lines under it).
fn record(doc: &Doc, l: usize) -> (usize, usize) {
    let (ind, opens) = record_line(doc, l);
    let (mut first, mut last) = (l, l);
    let body = if opens { ind + 2 } else { ind };
    if !opens {
        while first > 0 && record_line(doc, first - 1) == (ind, false) {
            first -= 1;
        }
        first -= usize::from(first > 0 && record_line(doc, first - 1) == (ind.wrapping_sub(2), true));
    }
    while last + 1 < doc.line_starts.len() && record_line(doc, last + 1) == (body, false) {
        last += 1;
    }
    (doc.line_starts[first] as usize, doc.line_end(last))
}

/// An indented record whose name is a placeholder (`name: "DOE^JOHN"` under a fixture's
/// `zztest_charlie:`) is a test patient's: its birth date and phone are test values too.
fn test_records(doc: &Doc, x: &mut Extracted) {
    for k in 0..x.fields.len() {
        let f = &x.fields[k];
        // (A flow mapping, `patient: { reference: Patient/1706 }`, is no name.)
        let v = &doc.text[f.start..f.end];
        if matches!(f.role, Role::Name | Role::PatientName) && f.source.is_none() && !v.contains(':') && crate::scan::placeholder(v) {
            let l = doc.line_of(f.start);
            if (1..usize::MAX).contains(&record_line(doc, l).0) {
                let (s, e) = record(doc, l);
                x.push(s, e, Role::Tech, Some(TEST_PATIENT.into()), true);
            }
        }
    }
}

/// A line's indentation and whether it opens a record (`- name: …`, `{`); a blank line's is
/// (usize::MAX, false), which matches no record's.
#[inline(never)]
fn record_line(doc: &Doc, l: usize) -> (usize, bool) {
    // (A diff's added line is read without its `+`.)
    let t = doc.line_text(l);
    let t = t.strip_prefix('+').unwrap_or(t);
    let rest = t.trim_start_matches(' ');
    if rest.trim().is_empty() {
        return (usize::MAX, false);
    }
    (t.len() - rest.len(), rest.starts_with("- ") || rest.starts_with('{'))
}

/// Two or more lower-case words: a note or a rule ("required when the subscriber is the patient",
/// "required, 7-10 digits, strip leading zeros?"), not a field's value.
pub(crate) fn note(v: &str) -> bool {
    v.split(' ').filter(|w| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b',')).count() >= 2
}

/// Orders fields by start, the longer first where two start together.
pub(crate) fn sort_fields(fields: &mut [Field]) {
    crate::text::sort_by_key(fields, |f| (f.start as u64) << 32 | u64::from(!(f.end as u32)));
}

/// Where `needle` occurs in `hay`, one after another (not overlapping).
pub(crate) fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = find_bytes(hay, needle, from, false)?;
        from = at + needle.len();
        Some(at)
    })
}

/// The innermost 32 levels of a stack of open brackets or elements: JSON, FHIR XML and CDA
/// nest far less, and a text of thousands left unclosed (truncated log lines) must not be
/// walked again at every value.
pub(crate) fn innermost<T>(stack: &[T]) -> &[T] {
    &stack[stack.len().saturating_sub(32)..]
}

/// [`find_bytes`] for a loop whose start positions grow: the position found last is kept,
/// and the text is searched again only once a start passes it (a needle that is not in
/// the text is looked for once, not at each step: a dump of 10,000 INSERTs is read once).
pub(crate) struct Finder<'a> {
    hay: &'a [u8],
    needle: &'a [u8],
    fold: bool,
    /// Where the last search started, and what it found.
    from: usize,
    found: Option<usize>,
}

impl<'a> Finder<'a> {
    pub fn new(hay: &'a [u8], needle: &'a [u8], fold: bool) -> Self {
        Finder { hay, needle, fold, from: usize::MAX, found: None }
    }

    /// `find_bytes(hay, needle, from, fold)`.
    pub fn at(&mut self, from: usize) -> Option<usize> {
        if from < self.from || self.found.is_some_and(|f| f < from) {
            self.found = find_bytes(self.hay, self.needle, from, self.fold);
            self.from = from;
        }
        self.found
    }
}

/// First position at or after `from` where `needle` occurs in `hay`,
/// ASCII case-insensitively when `fold`.
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8], from: usize, fold: bool) -> Option<usize> {
    let (h, n) = (hay, needle);
    if from >= h.len() || n.is_empty() {
        return None;
    }
    let last = h.len().checked_sub(n.len())?;
    let same = |x: &[u8], y: &[u8]| if fold { x.eq_ignore_ascii_case(y) } else { x == y };
    if n.len() < 2 {
        return (from..=last).find(|&i| same(&h[i..i + n.len()], n));
    }
    // The first three bytes (two for a two-byte needle; with bit 5 set when
    // folding: a superset of both cases), 64 positions at a time in a
    // branch-free loop the compiler vectorises; the whole needle only in a
    // chunk where they occur.
    let m = if fold { 0x20 } else { 0 };
    let (a, b) = (n[0] | m, n[1] | m);
    if n.len() == 2 {
        let mut i = from;
        while i <= last {
            let end = (i + 64).min(last + 1);
            let hit = h[i..end].iter().zip(&h[i + 1..end + 1]).fold(0u8, |acc, (&x, &y)| acc | (((x | m) == a) as u8 & ((y | m) == b) as u8));
            if hit != 0 {
                if let Some(k) = (i..end).find(|&k| (h[k] | m) == a && same(&h[k..k + 2], n)) {
                    return Some(k);
                }
            }
            i = end;
        }
        return None;
    }
    let c = n[2] | m;
    let mut i = from;
    while i <= last {
        let end = (i + 64).min(last + 1);
        let hit = h[i..end].iter().zip(&h[i + 1..end + 1]).zip(&h[i + 2..end + 2]).fold(0u8, |acc, ((&x, &y), &z)| {
            acc | (((x | m) == a) as u8 & ((y | m) == b) as u8 & ((z | m) == c) as u8)
        });
        if hit != 0 {
            // The first byte before the whole needle: a comparison per byte, not a call.
            if let Some(k) = (i..end).find(|&k| (h[k] | m) == a && (h[k + 1] | m) == b && same(&h[k..k + n.len()], n)) {
                return Some(k);
            }
        }
        i = end;
    }
    None
}

/// Length of a GS1 application identifier at `k` (`(01)`, `(17)`, `(21)`
/// in a UDI) when a value follows it, else 0.
pub(crate) fn gs1_ai_len(b: &[u8], k: usize) -> usize {
    if b.get(k) != Some(&b'(') {
        return 0;
    }
    let digits = b[k.min(b.len())..].iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
    let close = k + 1 + digits;
    let ok = b.get(k) == Some(&b'(') && (2..=4).contains(&digits) && b.get(close) == Some(&b')') && b.get(close + 1).is_some_and(u8::is_ascii_alphanumeric);
    if ok {
        digits + 2
    } else {
        0
    }
}

/// End of a code starting at `from` (before `to`): letters, digits, inner
/// `- . /`, and UDI identifiers (`(01)00391884127487(17)251231(21)FD290833`).
pub(crate) fn code_end(b: &[u8], from: usize, to: usize) -> usize {
    let mut k = from;
    while k < to {
        if b[k].is_ascii_alphanumeric() || (matches!(b[k], b'-' | b'.' | b'/') && k + 1 < to && b[k + 1].is_ascii_alphanumeric()) {
            k += 1;
        } else if gs1_ai_len(b, k) > 0 && k + gs1_ai_len(b, k) < to {
            k += gs1_ai_len(b, k);
        } else {
            break;
        }
    }
    k
}

/// Whether `v` holds a template's slot: `<MRN>`, `<YYYYMMDD>`, `{{patient_given}}`,
/// `${NAME}`, `{patient_name}`, `@NAME@` (not an HTML tag, nor a wiki macro such as
/// `{code}`): an example, not a record.
pub(crate) fn has_slot(v: &str) -> bool {
    let b = v.as_bytes();
    // (The closing mark within 40 bytes: a long value is not read to its end at each `<`.)
    let inner = |from: usize, close: u8, ok: &dyn Fn(&[u8]) -> bool| b[from..b.len().min(from + 41)].iter().position(|&c| c == close).is_some_and(|n| n > 0 && ok(&b[from..from + n]));
    let caps = |w: &[u8]| w.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_') && w.iter().any(u8::is_ascii_uppercase);
    let ident = |w: &[u8]| w.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
    (0..b.len()).any(|i| match b[i] {
        b'<' => inner(i + 1, b'>', &caps),
        b'{' if b.get(i + 1) == Some(&b'{') => inner(i + 2, b'}', &ident),
        b'{' => i > 0 && b[i - 1] == b'$' && inner(i + 1, b'}', &ident) || inner(i + 1, b'}', &|w: &[u8]| ident(w) && (w.contains(&b'_') || caps(w))),
        b'@' => inner(i + 1, b'@', &caps),
        _ => false,
    })
}

/// Trims white space and one layer of quotes from `start..end`.
pub(crate) fn trim_value(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while start < end && b[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    // A YAML flow list of one: `given: [Hannah]`, `given: ["Hannah"]`.
    if end - start >= 2 && b[start] == b'[' && b[end - 1] == b']' && !text[start + 1..end - 1].contains(',') {
        start += 1;
        end -= 1;
    }
    // (A keyword argument's quoted value before its comma: `family='Nakamura', given=…`.)
    if end - start >= 3 && matches!(b[start], b'"' | b'\'' | b'`') && b[end - 1] == b',' && b[end - 2] == b[start] {
        end -= 1;
    }
    if end - start >= 2 && matches!(b[start], b'"' | b'\'' | b'`') && b[end - 1] == b[start] {
        start += 1;
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::{find_bytes, Finder};

    #[test]
    fn a_finder_answers_as_find_bytes_at_any_start() {
        let hay = b"insert into a values (1); INSERT [b] values (2); select 3; insert into c";
        for needle in [&b"insert ["[..], b"values", b"select ", b"zz"] {
            let mut f = Finder::new(hay, needle, true);
            // Growing starts (the loops' use), then going back.
            for from in (0..hay.len() + 2).chain([3, 0, 40, 12]) {
                assert_eq!(f.at(from), find_bytes(hay, needle, from, true), "{:?} from {from}", std::str::from_utf8(needle));
            }
        }
    }

    #[test]
    fn find_bytes_agrees_with_a_plain_search() {
        let hay = "a  b\tINSERT into x  VALUES; insert INTO y;  ".repeat(5) + "  z";
        for needle in ["  ", "in", "INTO", "into ", "; ", "z", "zz", "  z", "Ins"] {
            for from in [0, 1, 7, 70, hay.len() - 2] {
                let plain = hay[from..].find(needle).map(|p| p + from);
                assert_eq!(find_bytes(hay.as_bytes(), needle.as_bytes(), from, false), plain, "{needle:?} from {from}");
                let folded = hay[from..].to_ascii_lowercase().find(&needle.to_ascii_lowercase()).map(|p| p + from);
                assert_eq!(find_bytes(hay.as_bytes(), needle.as_bytes(), from, true), folded, "{needle:?} folded from {from}");
            }
        }
    }
}
