//! Dates in the shapes people write them.
//!
//! `03/14/1962`, `3/14/62`, `14.03.1962`, `1962-03-14`, `1962/03/14`,
//! `19620314` (HL7, label only), `March 14, 1962`, `Mar. 14th 1962`,
//! `14 March 1962`, `14-Mar-1962`, `14-MAR-62`, `March 1962`. Month and day
//! ranges are checked (day within the month, 29 February only in leap
//! years). Dates followed by a clock time (`2026-11-20 10:15:32`,
//! `...T10:15Z`) are log timestamps: proposed only for a date label.
//! Whether a date is tied to a person (birth, admission, service) is
//! decided by context.

use super::{embedded, num, Cand, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;
use std::sync::atomic::{AtomicU32, Ordering};

pub(crate) static DATE: Recognizer = Recognizer {
    id: "date",
    kind: Kind::Date,
    gate: |k| match k.class {
        Class::Word => k.month,
        // 19620314; 03/14/1962, 1962-03-14, 14.03.1962; 14 March 1962, 14-Mar-1962.
        // And code's LocalDate.of(1944, 10, 29).
        Class::Num => k.len == 8 || k.len <= 4 && matches!(k.next, Next::Slash | Next::Dash | Next::Dot | Next::Other) || k.len <= 2 && k.next == Next::Space,
        // 25th of August 1926; 06APR1922.
        // And 1979年4月6日, one token with its characters.
        Class::Mixed => (3..=4).contains(&k.len) && k.next == Next::Space || k.len == 9 || k.len >= 11 && k.first.is_digit(),
    },
    find,
    #[cfg(test)]
    hits: &[
        "DOB «03/14/1962»",
        "born «3/14/62»",
        "on «1962-03-14».",
        "«14.03.1962»",
        "PID-7 «19620314»",
        "«March 14, 1962»",
        "«Mar. 14th 1962»",
        "«14 March 1962»",
        "DOB: «25th of August 1926»",
        "née le «19 novembre 1929»",
        "DOB: «06APR1922»",
        "«14-Mar-1962»",
        "DOB «Mar-31-1989»",
        "«14-MAR-62»",
        "since «March 2019»",
        "«2024/02/29»",
        "nacido el «24 de abril de 1957».",
        "LocalDate.of(«1944, 10, 29»)",
        "his birthday is «december 3, 2009».",
    ],
    #[cfg(test)]
    misses: &["start date: Nov 21 16:11:12 2026 GMT", "02/30/1962", "13/13/1962", "2023-02-29", "1.2.3", "10.0.0.1", "v2024-01-15", "1962-03-14-7", "1234/56/78", "may 14 1962", "3/4", "DOB 19000101"],
};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
    ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4),
    ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // Spanish, day first: "24 de abril de 1957" (not month words elsewhere: Julio and Abril are names).
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8),
    ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    // Portuguese, the same way: "15 de dezembro de 1948".
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10),
    ("novembro", 11), ("dezembro", 12),
    // French, day first: "19 novembre 1929", "4 septembre 1935".
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6), ("juillet", 7), ("août", 8),
    ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12), ("decembre", 12),
    // Italian, German and Dutch, day first: "6 aprile 1955", "3. März 1941", "25 november 2026".
    ("gennaio", 1), ("febbraio", 2), ("marzo", 3), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7), ("settembre", 9),
    ("ottobre", 10), ("dicembre", 12), ("januar", 1), ("februar", 2), ("märz", 3), ("juni", 6), ("juli", 7), ("oktober", 10),
    ("dezember", 12), ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    // Polish, in the genitive a date takes: "28 października 1927".
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6), ("lipca", 7), ("sierpnia", 8),
    ("września", 9), ("października", 10), ("listopada", 11), ("grudnia", 12),
];

pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || word.len() > 13 {
        return None;
    }
    // MONTHS is lower-case ASCII: the same as comparing with the ASCII lower case.
    MONTHS.iter().find(|(m, _)| m.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

fn leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Whether year/month/day is a real calendar date (two-digit years allowed).
pub(crate) fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    let y4 = if y < 100 { 1900 + y } else { y };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y4) || y < 100 => 29,
        2 => 28,
        _ => return false,
    };
    (y < 100 || (1900..=2100).contains(&y)) && (1..=days).contains(&d)
}

/// Dates used as "unknown" in test data and legacy systems.
pub(crate) fn is_placeholder_date(s: &str) -> bool {
    // Its digits, when there are exactly eight (on the stack: this runs on every date).
    let mut digits = [0u8; 8];
    let mut n = 0;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        if n == digits.len() {
            return false;
        }
        digits[n] = b;
        n += 1;
    }
    n == digits.len() && matches!(&digits, b"19000101" | b"01011900" | b"00000000" | b"99991231" | b"12319999" | b"18000101" | b"01011800" | b"19700101" | b"01011970")
}

/// `HH:MM` (after a space or `T`) follows `end`: a log timestamp.
fn clock_follows(doc: &Doc, end: usize) -> bool {
    let rest = &doc.bytes[end..doc.bytes.len().min(end + 7)];
    let digit = |k: usize| rest.get(k).is_some_and(u8::is_ascii_digit);
    matches!(rest.first(), Some(b' ' | b'T' | b'_')) && digit(1) && digit(2) && rest.get(3) == Some(&b':') && digit(4)
}

/// ` 1400` after `end`, ending a cell or line: a time as charts write it
/// (`|08/03/2026 1400|`, a MAR's scheduled dose, a flowsheet's column).
fn military_time(doc: &Doc, end: usize) -> bool {
    let r = &doc.bytes[end..doc.bytes.len().min(end + 7)];
    let hhmm = r.len() >= 5 && r[0] == b' ' && r[1..5].iter().all(u8::is_ascii_digit) && num(&doc.text[end + 1..end + 3]) < 24 && num(&doc.text[end + 3..end + 5]) < 60;
    hhmm && (r.len() == 5 || matches!(r[5], b'|' | b'\t' | b'\n' | b'\r') || r[5..].starts_with(b"  ") || r[5..].starts_with(b" |"))
}

fn push(doc: &Doc, out: &mut Vec<Cand>, start: usize, end: usize, score: f32, why: &'static str) {
    if is_placeholder_date(&doc.text[start..end]) {
        return;
    }
    let clock = clock_follows(doc, end);
    if clock && year_after_clock(doc, end) {
        return; // "Nov 21 16:11:12 2026 GMT": asctime, a certificate's or a system's time
    }
    // The clock time is part of the event's date ("EXAM DATE: 11/29/2026 18:32").
    let (clock, end) = if clock {
        (true, clock_end(doc, end))
    } else if military_time(doc, end) {
        (true, end + 5)
    } else {
        spoken_clock(doc, end).map_or((false, end), |e| (true, e))
    };
    if page_date(doc, start) || activity_header(doc, start, end) {
        out.push(Cand::new(Kind::Date, start, end, 0.1, "date a page or report was written", Needs::Label));
    } else if clock && doc.bytes[start..end].contains(&b'-') && doc.bytes[start].is_ascii_digit() {
        // 2026-11-20 10:15: a machine timestamp.
        out.push(Cand::new(Kind::Date, start, end, 0.1, "date with a clock time (timestamp)", Needs::Label));
    } else if clock {
        // "Arrival: 08/12/2025 01:26", "signed on 09/19/2024 01:07": a person's event, when the document is about one.
        out.push(Cand::new(Kind::Date, start, end, score.min(0.3), "date with a clock time", Needs::Patient));
    } else {
        out.push(Cand::new(Kind::Date, start, end, score, why, Needs::Patient));
    }
}

/// The end of an appointment's time after a date: ` at 10:40 AM`, ` 3:40 PM`,
/// ` om 09:15` (Dutch), ` à 14h30` is not read.
fn spoken_clock(doc: &Doc, end: usize) -> Option<usize> {
    let r = &doc.bytes[end..doc.bytes.len().min(end + 12)];
    let lead = [&b" at "[..], b", ", b" om ", b" um ", b" alle ", b" "].into_iter().find(|w| r.starts_with(w))?.len();
    let h = r[lead..].iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    // ("Time of death: 08/22/2026 at 0644": a chart's four-digit time.)
    if lead == 4 && h == 4 && (r[4] - b'0') * 10 + (r[5] - b'0') < 24 && r[6] < b'6' {
        return Some(end + 8);
    }
    let colon = lead + h;
    let ok = (1..=2).contains(&h) && r.get(colon) == Some(&b':') && r.get(colon + 1..colon + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit));
    // (A bare space takes a one-digit hour only: two digits are `clock_follows`'s.)
    (ok && !(lead == 1 && h == 2)).then(|| clock_end(doc, end + colon - 3))
}

/// The end of the clock time after `end` (see `clock_follows`): `HH:MM`, `:SS`, ` AM`.
fn clock_end(doc: &Doc, end: usize) -> usize {
    let b = &doc.bytes;
    let mut k = end + 4; // separator, HH, ':'
    // (And a fraction of a second, as SQL Server prints a datetime: `13:00:00.000`.)
    while k < b.len() && (b[k].is_ascii_digit() || matches!(b[k], b':' | b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit)) {
        k += 1;
    }
    if b.get(k) == Some(&b' ') && b.get(k + 1..k + 3).is_some_and(|m| m.eq_ignore_ascii_case(b"AM") || m.eq_ignore_ascii_case(b"PM")) && !b.get(k + 3).is_some_and(u8::is_ascii_alphanumeric) {
        k += 3;
    }
    k
}

/// ` 16:11:12 2026` after `end`: the year after the clock, as only machines write it.
fn year_after_clock(doc: &Doc, end: usize) -> bool {
    let r = &doc.bytes[end..doc.bytes.len().min(end + 15)];
    let digits = |a: usize, b: usize| r.get(a..b).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    r.len() >= 14 && r[0] == b' ' && digits(1, 3) && r[3] == b':' && digits(4, 6) && r[6] == b':' && digits(7, 9) && r[9] == b' ' && digits(10, 14) && !r.get(14).is_some_and(u8::is_ascii_digit)
}

/// "Created by Ann Lee, last modified by Bo Chan on Apr 21, 2024", "report
/// run 2023-12-24": when a page or report was written, not a patient's date.
fn page_date(doc: &Doc, start: usize) -> bool {
    // Every cue ends in "on ", "run " or "updated[:] ": most dates fail at the first byte.
    if !(start >= 3 && doc.bytes[start - 1] == b' ' && matches!(&doc.bytes[start - 3..start - 1], b"on" | b"un" | b"ed" | b"d:" | b"ve")) {
        return false;
    }
    let before = doc.window(start.saturating_sub(48), start).to_ascii_lowercase();
    let line = crate::text::after_last(&before, b'\n');
    line.ends_with(" on ") && ["modified", "created", "updated", "edited", "published"].iter().any(|w| line.contains(w))
        || ["report run ", "generated on ", "printed on ", "exported on ", "last updated ", "last updated: ", "last edited "].iter().any(|w| line.ends_with(w))
        // "Published 2026-07-04 by Priyanka Iyer", "Effective 2026-01-01": a page's own dates.
        || ["published ", "updated ", "revised ", "approved ", "modified ", "created ", "effective ", "released "].iter().any(|w| line.ends_with(w) && (line.len() == w.len() || !line.as_bytes()[line.len() - w.len() - 1].is_ascii_alphabetic()))
}

/// "Wendell Ashby · Jan 26, 2025 08:48" on a line of its own (or in a paragraph's tags, as
/// rendered HTML has it: "<p>Arjun Agarwal · Sep 12, 2026</p>"): when a comment was written
/// (Jira and Confluence activity), not a patient's date.
fn activity_header(doc: &Doc, start: usize, end: usize) -> bool {
    if !doc.text[..start].ends_with(" · ") {
        return false;
    }
    // (Words counted up to the eighth, the rest of the line trimmed, not split: a line of many
    // is not read whole at each.)
    let line = doc.line_of(start);
    let before = &doc.text[doc.line_starts[line] as usize..start];
    let rest = doc.text[end..doc.line_end(line)].trim();
    before.split(' ').nth(7).is_none() && (rest.is_empty() || rest.len() <= 8 && rest.starts_with("</") && rest.ends_with('>'))
}

/// A day token: `14` or `14th`.
fn day_of(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    let ok = suffix.is_empty() || matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");
    (ok && (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())).then(|| num(digits) as u32)
}

fn year_of(doc: &Doc, j: usize) -> Option<u32> {
    let t = doc.toks.get(j)?;
    (t.is_num() && (t.len() == 4 || t.len() == 2)).then(|| num(doc.s(j)) as u32).filter(|&y| t.len() == 2 || (1900..=2100).contains(&y))
}

/// A member or patient record in a flat file, the birth date at token `i` beside a
/// sex code: `H6794180601  MAGALHAES  LUIZA  19300525 F 11213` (fixed width),
/// `SUB|83139011661|GUNNARSSON|ASGEIR|19360711|M|25863 W Bayview Dr|Boise|ID|83730`;
/// or, delimited by bars, before a street and a state and ZIP:
/// `ZGPR69WK2B3|Akana|Nohea|06/02/1981|7350 NE Juniper Hollow Rd|Anchorage|AK|99516|9074138875`.
/// The date is a birth date, the letters-only fields before it the person's name, a
/// code with digits before the name their member id, the city, ZIP and phone after it
/// theirs. Pushes them and says whether the line was one.
fn member_record(doc: &Doc, i: usize, end: usize, out: &mut Vec<Cand>) -> bool {
    let t = &doc.toks[i];
    let line_start = doc.line_starts[t.line as usize] as usize;
    let line = doc.line_text(t.line as usize);
    // (Not an HL7 segment: its fields are the HL7 extractor's, `PID|1||||||19420207|M` too. Nor a
    // line of more than 2 KB: a record is shorter, and a text of one long line is not read at every date.)
    if line.len() > 2048 || line.contains('^') || line.get(..4).is_some_and(|s| matches!(s, "PID|" | "NK1|" | "IN1|" | "GT1|" | "MRG|")) {
        return false;
    }
    let pipes = line.bytes().filter(|&b| b == b'|').count() >= 4;
    // Fields: between bars, or between runs of two spaces (a single space may join a name's words,
    // and sits between the date, the sex code and the ZIP of a fixed-width row).
    let mut fields: Vec<(usize, usize)> = Vec::with_capacity(16);
    let b = line.as_bytes();
    let mut k = 0;
    while k < b.len() && fields.len() < 24 {
        while k < b.len() && (b[k] == b' ' || b[k] == b'|') {
            k += 1;
        }
        let s = k;
        // In a fixed-width row a single space ends a number or a one-letter code
        // (`19300525 F 11213`), two spaces anything.
        let ends = |k: usize| b[k] == b'|' || !pipes && b[k] == b' ' && (b.get(k + 1) == Some(&b' ') || b[s..k].iter().all(u8::is_ascii_digit) || k - s == 1);
        while k < b.len() && !ends(k) {
            k += 1;
        }
        let mut e = k;
        while e > s && b[e - 1] == b' ' {
            e -= 1;
        }
        if e > s {
            fields.push((s, e));
        }
    }
    let at = t.start as usize - line_start;
    let Some(d) = fields.iter().position(|&(s, e)| s == at && e == end - line_start) else { return false };
    let field = |n: usize| fields.get(n).map_or("", |&(s, e)| &line[s..e]);
    let digits = |f: &str| f.bytes().filter(u8::is_ascii_digit).count();
    let sex = matches!(field(d + 1), "F" | "M" | "U");
    // A street: a house number, then words ("7350 NE Juniper Hollow Rd").
    let street = |f: &str| f.split(' ').count() >= 3 && f.split(' ').next().is_some_and(|n| (1..=6).contains(&n.len()) && digits(n) == n.len());
    let zip = |f: &str| (f.len() == 5 || f.len() == 10 && f.as_bytes()[5] == b'-') && digits(f) >= 5 && f.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    // The ZIP: right after the sex code, or after a state further on.
    let state_zip = (d + 2..fields.len()).find(|&n| zip(field(n)) && (sex && n == d + 2 || super::address::STATES.contains(&field(n - 1))));
    let names: Vec<usize> = (d.saturating_sub(3)..d).filter(|&n| name_field(field(n))).collect();
    let Some(&first_name) = names.first() else { return false };
    // (Two capitals alone are a code: a modifier `KJ`, a state.)
    if names.len() == 1 && field(first_name).len() <= 2 {
        return false;
    }
    // (Digits in groups too, `688-994-514`, `45-017-991`; not a date, `2026-11-12`, `11-12-2026`.)
    let dated = |f: &[u8]| f.len() == 10 && (f[4] == b'-' && f[7] == b'-' || f[2] == b'-' && f[5] == b'-');
    let member_id = |n: usize| n < first_name && field(n).len() >= 8 && digits(field(n)) > 0 && field(n).bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'-') && !dated(field(n).as_bytes());
    // A query's result row, `| CLM49112265106 | H8278305901 | CARUSO, NICCOLO | 2026-02-03 | 99457 | 1929-10-02 |`:
    // ids, then the name right before a date, and a birth date (ten years past or more) in the row.
    let dates = || (0..fields.len()).filter_map(|n| Some((n, date_field(field(n))?)));
    let street_after = pipes && street(field(d + 1));
    let member = sex || street_after && state_zip.is_some();
    let result_row = !member && pipes && names.last() == Some(&(d - 1)) && (0..first_name).any(member_id) && dates().any(|(_, y)| y + 10 <= this_year());
    if !(member || result_row) {
        return false;
    }
    let abs = |n: usize| (line_start + fields[n].0, line_start + fields[n].1);
    // (A record's names are its patient's, whatever staff share them.)
    let mut push = |n: usize, kind: Kind, score: f32, why: &'static str| {
        let (s, e) = abs(n);
        out.push(Cand { patient_cue: kind == Kind::PersonName, ..Cand::new(kind, s, e, score, why, Needs::Nothing) });
    };
    for n in names {
        push(n, Kind::PersonName, 0.8, "name in a member record");
    }
    if result_row {
        for (n, _) in dates() {
            push(n, Kind::Date, 0.8, "date in a patient's record");
        }
        for n in (0..first_name).filter(|&n| member_id(n)) {
            push(n, Kind::OtherId, 0.6, "id in a patient's record");
        }
        return true;
    }
    push(d, Kind::Date, 0.8, "birth date in a member record");
    if street_after {
        push(d + 1, Kind::StreetAddress, 0.6, "street in a member record");
    }
    if let Some(z) = state_zip {
        push(z, Kind::ZipCode, 0.6, "ZIP code in a member record");
        if field(z - 1).len() == 2 && z >= d + 3 && capitalised(field(z - 2), true) {
            push(z - 2, Kind::StreetAddress, 0.6, "city in a member record");
        }
        if digits(field(z + 1)) == 10 && field(z + 1).len() == 10 {
            push(z + 1, Kind::Phone, 0.6, "phone in a member record");
        }
    }
    // A code with digits and capitals before the name (or leading the row): the member id.
    if let Some(n) = [first_name.wrapping_sub(1), 0, 1].into_iter().find(|&n| member_id(n)) {
        push(n, Kind::HealthPlanId, 0.6, "member id in a member record");
    }
    true
}

/// The year birth dates are compared with (records hold no later one): the clock's, as
/// [`set_today`] last gave it (the scanner reads the system clock; the wasm bindings, the
/// core having no clock there, `Date.now()`); 2026 before either.
static THIS_YEAR: AtomicU32 = AtomicU32::new(2026);

fn this_year() -> u32 {
    THIS_YEAR.load(Ordering::Relaxed)
}

/// Whether `s` (a date's first bytes) holds a four-digit year of this year or later: an action
/// item's due date, a meeting's, not a birth date.
pub(crate) fn this_year_or_later(s: &[u8]) -> bool {
    s.split(|b| !b.is_ascii_digit()).any(|d| d.len() == 4 && d.iter().fold(0, |y, &b| y * 10 + u32::from(b - b'0')) >= this_year())
}

/// Sets the current year from a time in milliseconds since 1970 (UTC).
#[cfg_attr(feature = "wasm-files", allow(dead_code))] // (the attachment module scans nothing)
pub(crate) fn set_today(unix_ms: f64) {
    if let Some(year) = clock_year(unix_ms) {
        THIS_YEAR.store(year, Ordering::Relaxed);
    }
}

/// The year of a time in milliseconds since 1970, in years of 365.2425 days (within a day
/// of New Year either year will do); none outside 2000 to 2999 (a clock not set).
#[cfg_attr(feature = "wasm-files", allow(dead_code))]
fn clock_year(unix_ms: f64) -> Option<u32> {
    let year = 1970.0 + unix_ms / 31_556_952_000.0;
    (2000.0..3000.0).contains(&year).then_some(year as u32)
}

/// A record's name field: capitalised words, not common ones (`CARUSO, NICCOLO` in one).
fn name_field(f: &str) -> bool {
    f.split_once(", ").map_or_else(|| capitalised(f, false), |(last, first)| capitalised(last, false) && capitalised(first, false))
}

/// Capitalised words (`Portland`, `MAGALHAES`), common words among them or not
/// (unless names: `David`).
#[inline(never)]
fn capitalised(f: &str, common: bool) -> bool {
    use crate::dictionaries::{flag, lex};
    let word_ok = |w: &str| common || lex(&w.to_lowercase()) & (flag::COMMON | flag::FIRST | flag::LAST) != flag::COMMON;
    !f.is_empty() && f.len() <= 40 && f.split(' ').all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c)) && word_ok(w))
}

/// The year of a record's date field: `1929-10-02`, `06/23/2021`, `19291002`.
fn date_field(f: &str) -> Option<u32> {
    let b = f.as_bytes();
    let all = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let y = match b.len() {
        10 if b[4] == b'-' && b[7] == b'-' && all(&b[..4]) && all(&b[5..7]) && all(&b[8..]) => &f[..4],
        10 if b[2] == b'/' && b[5] == b'/' && all(&b[..2]) && all(&b[3..5]) && all(&b[6..]) => &f[6..],
        8 if all(b) => &f[..4],
        _ => return None,
    };
    Some(num(y) as u32).filter(|y| (1900..=2099).contains(y))
}

/// `1979年4月6日` (Japanese, Chinese) at `start`: where it ends.
fn cjk_date(doc: &Doc, start: usize) -> Option<usize> {
    let b = &doc.bytes[start..];
    let digits = |from: usize| b.get(from..).map_or(0, |r| r.iter().take(5).take_while(|c| c.is_ascii_digit()).count());
    let (y, m) = (digits(0), digits(7));
    let d = digits(7 + m + 3);
    let at = |k: usize, c: &str| b.get(k..).is_some_and(|r| r.starts_with(c.as_bytes()));
    if y != 4 || !at(4, "年") || !(1..=2).contains(&m) || !at(7 + m, "月") || !(1..=2).contains(&d) || !at(10 + m + d, "日") {
        return None;
    }
    let n = |a: usize, l: usize| num(std::str::from_utf8(&b[a..a + l]).unwrap_or("0")) as u32;
    ((1900..=2100).contains(&n(0, 4)) && valid_ymd(n(0, 4), n(7, m), n(10 + m, d))).then_some(start + 13 + m + d)
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    let start = t.start as usize;
    if t.len() >= 11 && doc.bytes[start].is_ascii_digit() {
        if let Some(end) = cjk_date(doc, start) {
            push(doc, out, start, end, 0.55, "date in year, month and day characters");
            return;
        }
    }
    if t.is_word() {
        // A month in lower case ("his birthday is december 3, 2009") when written out:
        // not "may", "mar" or "jan".
        let written_out = t.len() >= 4 && !doc.s(i).eq_ignore_ascii_case("may");
        if !((t.is(crate::text::CAP) || written_out) && doc.has(i, crate::dictionaries::flag::MONTH)) {
            return;
        }
        if let Some(m) = month_number(doc.s(i)) {
            month_first(doc, i, m, out);
        }
        return;
    }
    if t.class == crate::text::Class::Mixed {
        ordinal_or_compact(doc, i, out);
        return;
    }
    if t.len() == 8 && !embedded(doc, start, t.end as usize) {
        let s = doc.s(i);
        let (y, m, d) = (num(&s[..4]) as u32, num(&s[4..6]) as u32, num(&s[6..]) as u32);
        // (A birth date in a member record is a past year.)
        if (1900..=2099).contains(&y) && valid_ymd(y, m, d) && !is_placeholder_date(s) && !(y <= this_year() && member_record(doc, i, t.end as usize, out)) {
            out.push(Cand::new(Kind::Date, start, t.end as usize, 0.15, "compact date (YYYYMMDD)", Needs::Label));
        }
        return;
    }
    if i + 2 < toks.len() && toks[i + 1].line == t.line {
        let sep = doc.gap_after(i);
        // A date built in code: LocalDate.of(1944, 10, 29), new DateTime(1977, 10, 14), date(1944, 10, 29).
        // (Or with Java's month constant: `new GregorianCalendar(1982, Calendar.JUNE, 18)`.)
        let calendar = i + 3 < toks.len() && doc.s(i + 1) == "Calendar" && doc.gap_after(i + 1) == ".";
        let (m_at, d_at) = if calendar { (i + 2, i + 3) } else { (i + 1, i + 2) };
        if sep == ", " && t.len() == 4 && doc.byte_before(start) == b'(' && doc.gap_after(m_at) == ", " && doc.gap_after(d_at).starts_with(')') {
            let m = if calendar { month_number(doc.s(m_at)).unwrap_or(0) } else { num(doc.s(m_at)) as u32 };
            let (y, d) = (num(doc.s(i)) as u32, num(doc.s(d_at)) as u32);
            if (1900..=2100).contains(&y) && valid_ymd(y, m, d) && (calendar || toks[m_at].is_num()) && toks[d_at].is_num() {
                // Right after a birth-date name (`DateOfBirth = new DateTime(`, `.withBirthDate(LocalDate.of(`):
                // a birth date; not a test's expected value (`parse_dob('DOB: ...') == date(`), a
                // validator's input (`DobValidator.isPlausible(LocalDate.of(`) or a future year.
                // (On its own line: not a `# leap-day birthday` comment or a `PLACEHOLDER_DOB` above;
                // nor after `validate_birth_date(` or in a check's or an assertion's input,
                // `assert check_dob(date(…), date(…))`; nor on a 1 January, a test's round date.)
                let before = doc.window(start.saturating_sub(40).max(doc.line_starts[t.line as usize] as usize), start).to_ascii_lowercase();
                let after_label = before.rfind("birth").or_else(|| before.rfind("dob")).map(|k| &before[k..]);
                if y <= this_year() && !["valid", "check", "assert", "verify"].iter().any(|w| before.contains(w)) && after_label.is_some_and(|rest| !rest.contains(['\'', '"']) && !rest.contains("==")) && (m, d) != (1, 1) {
                    out.push(Cand::new(Kind::Date, start, toks[d_at].end as usize, 0.8, "birth date built in code", Needs::Nothing));
                } else {
                    push(doc, out, start, toks[d_at].end as usize, 0.3, "date built in code");
                }
            }
            return;
        }
        if matches!(sep, "/" | "-" | ".") && doc.gap_after(i + 1) == sep && toks[i + 2].is_num() && toks[i + 1].is_num() {
            numeric(doc, i, sep, out);
            return;
        }
        // A flowsheet's column, `07/19 0800`: month and day with a chart's time.
        if sep == "/" && t.len() <= 2 && toks[i + 1].len() <= 2 && toks[i + 1].is_num() && military_time(doc, toks[i + 1].end as usize) && valid_ymd(2000, num(doc.s(i)) as u32, num(doc.s(i + 1)) as u32) && !embedded(doc, start, toks[i + 1].end as usize) {
            push(doc, out, start, toks[i + 1].end as usize, 0.3, "month and day with a time");
            return;
        }
        // "your appt ... on Sat 1/16 at 10:40 AM", "appointment on 12/3": a visit's day without
        // its year (not a change window's "Thu 06/06 00:12-02:12").
        if sep == "/" && t.len() <= 2 && toks[i + 1].len() <= 2 && toks[i + 1].is_num() && (weekday_of_appointment(doc, i) || booked_on(doc, i)) && valid_ymd(2000, num(doc.s(i)) as u32, num(doc.s(i + 1)) as u32) && !embedded(doc, start, toks[i + 1].end as usize) {
            out.push(Cand::new(Kind::Date, start, toks[i + 1].end as usize, 0.5, "appointment date", Needs::Patient));
            return;
        }
        // 14 March 1962, 14-Mar-1962, 24 de abril de 1957
        if t.len() <= 2 && matches!(sep, " " | "-" | ". ") {
            let de = |j: usize| sep == " " && doc.s(j) == "de" && doc.gap_after(j) == " " && doc.gap_before(j) == " ";
            let m_at = if i + 4 < toks.len() && de(i + 1) && de(i + 3) { i + 2 } else { i + 1 };
            // English month words carry the lexicon's month flag (one lookup); others are
            // looked for in the list only when the word is long enough for one (mai, mars).
            let month = if doc.has(m_at, crate::dictionaries::flag::MONTH) || toks[m_at].len() >= 3 && toks[m_at].is_word() { month_number(doc.s(m_at)) } else { None };
            if let Some(m) = month {
                let d = num(doc.s(i)) as u32;
                let sep2 = doc.gap_after(m_at);
                let sep_ok = if sep == "-" { sep2 == "-" } else { matches!(sep2, " " | ", " | ". ") };
                let y_at = if m_at > i + 1 { m_at + 2 } else { i + 2 };
                if let Some(y) = year_of(doc, y_at).filter(|_| sep_ok && toks[y_at].line == t.line) {
                    if valid_ymd(y, m, d) && !embedded(doc, start, toks[y_at].end as usize) {
                        push(doc, out, start, toks[y_at].end as usize, 0.3, "date with month name");
                    }
                }
            }
        }
    }
}

/// `25th of August 1926`, `3rd March 1941`; `06APR1922` (DDMMMYYYY, as clinical
/// systems print it).
fn ordinal_or_compact(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let (s, start) = (doc.s(i), toks[i].start as usize);
    if !s.is_ascii() {
        return;
    }
    if s.len() == 9 {
        let b = s.as_bytes();
        let (d, m, y) = (&s[..2], &s[2..5], &s[5..]);
        if b[..2].iter().chain(&b[5..]).all(u8::is_ascii_digit) && b[2..5].iter().all(u8::is_ascii_alphabetic) {
            if let Some(m) = month_number(m).filter(|_| !embedded(doc, start, toks[i].end as usize)) {
                if valid_ymd(num(y) as u32, m, num(d) as u32) {
                    push(doc, out, start, toks[i].end as usize, 0.3, "date with month name");
                }
            }
        }
        return;
    }
    let Some(d) = day_of(s) else { return };
    let m_at = if i + 1 < toks.len() && doc.s(i + 1) == "of" { i + 2 } else { i + 1 };
    if m_at + 1 >= toks.len() || toks[m_at + 1].line != toks[i].line || doc.gap_after(m_at - 1) != " " || !matches!(doc.gap_after(m_at), " " | ", ") {
        return;
    }
    let Some(m) = month_number(doc.s(m_at)) else { return };
    if let Some(y) = year_of(doc, m_at + 1).filter(|_| toks[m_at + 1].len() == 4) {
        if valid_ymd(y, m, d) {
            push(doc, out, start, toks[m_at + 1].end as usize, 0.3, "date with month name");
        }
    }
}

fn numeric(doc: &Doc, i: usize, sep: &str, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let (a, b, c) = (doc.s(i), doc.s(i + 1), doc.s(i + 2));
    let (start, end) = (toks[i].start as usize, toks[i + 2].end as usize);
    if embedded(doc, start, end) || doc.bytes.get(start.wrapping_sub(1)).is_some_and(|&p| p == b'v' || p == b'V') {
        return;
    }
    let (na, nb, nc) = (num(a) as u32, num(b) as u32, num(c) as u32);
    // Calendar versions (2024.2.7) are not dates: year-first needs - or /.
    let ok = if a.len() == 4 {
        sep != "." && b.len() <= 2 && c.len() <= 2 && (1900..=2100).contains(&na) && valid_ymd(na, nb, nc)
    } else if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || (c.len() == 2 && sep != ".")) {
        valid_ymd(nc, na, nb) || valid_ymd(nc, nb, na)
    } else {
        false
    };
    // (A record's birth date sits between bars: `|Akana|Nohea|06/02/1981|7350 NE …`.)
    let before = &doc.bytes[start.saturating_sub(2)..start];
    let after = &doc.bytes[end..doc.bytes.len().min(end + 2)];
    let bars = before.iter().rev().find(|&&c| c != b' ') == Some(&b'|') && after.iter().find(|&&c| c != b' ') == Some(&b'|');
    if ok && !(bars && member_record(doc, i, end, out)) {
        push(doc, out, start, end, 0.3, "valid calendar date");
    }
}

/// The word `k` tokens before token `i`, on its line, is one of `words` (any case).
fn word_before(doc: &Doc, i: usize, k: usize, words: &[&str]) -> bool {
    i >= k && doc.toks[i - k].line == doc.toks[i].line && crate::text::one_of_ci(doc.s(i - k).as_bytes(), words)
}

/// "the appointment on December 28", "surgery scheduled for Jan 4": a visit's day
/// without its year (from token `i`).
fn booked_on(doc: &Doc, i: usize) -> bool {
    word_before(doc, i, 1, &["on", "for"]) && word_before(doc, i, 2, &["appointment", "appt", "scheduled", "visit", "surgery", "procedure", "admitted", "discharged", "seen"])
}

/// "your appt w/ Dr. Szabo on Sat 1/16": a weekday before token `i`, and an
/// appointment named earlier on the line.
fn weekday_of_appointment(doc: &Doc, i: usize) -> bool {
    word_before(doc, i, 1, &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        && (3..12).any(|k| word_before(doc, i, k, &["appt", "appointment", "visit"]))
}

/// `March 14, 1962`, `Mar. 14th 1962`, `March 1962`; `December 28` after an appointment.
fn month_first(doc: &Doc, i: usize, m: u32, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let start = toks[i].start as usize;
    let Some(next) = toks.get(i + 1).filter(|n| n.line == toks[i].line) else { return };
    let sep = doc.gap_after(i);
    if !matches!(sep, " " | ". " | "." | "-") {
        return;
    }
    if let Some(d) = day_of(doc.s(i + 1)) {
        let sep2 = doc.toks.get(i + 2).map(|_| doc.gap_after(i + 1)).unwrap_or("");
        // (`Mar-31-1989`: dashes on both sides.)
        if let Some(y) = year_of(doc, i + 2).filter(|_| (matches!(sep2, " " | ", " | ",") || sep == "-" && sep2 == "-") && toks[i + 2].len() == 4) {
            if valid_ymd(y, m, d) {
                push(doc, out, start, toks[i + 2].end as usize, 0.3, "date with month name");
            }
        } else if (1..=31).contains(&d) && next.len() <= 4 && !year_after_clock(doc, next.end as usize) {
            let (score, why, needs) = if booked_on(doc, i) { (0.5, "appointment date", Needs::Patient) } else { (0.15, "month and day", Needs::Label) };
            out.push(Cand::new(Kind::Date, start, next.end as usize, score, why, needs));
        }
    } else if next.is_num() && next.len() == 4 && sep == " " && (1900..=2100).contains(&(num(doc.s(i + 1)) as u32)) {
        out.push(Cand::new(Kind::Date, start, next.end as usize, 0.2, "month and year", Needs::Label));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_year_of_a_clock_reading() {
        let day = 86_400_000.0;
        // 2026-12-07, 2027-01-02 and 2024-02-29 (days since 1970 times a day's milliseconds).
        assert_eq!(super::clock_year(20_794.0 * day), Some(2026));
        assert_eq!(super::clock_year(20_820.0 * day), Some(2027));
        assert_eq!(super::clock_year(19_782.0 * day), Some(2024));
        // A clock not set (0, or performance.now's few seconds) changes nothing.
        assert_eq!(super::clock_year(0.0), None);
        assert_eq!(super::clock_year(4_000.0), None);
    }
}
