//! HL7 v2 messages: segments (`MSH|^~\&|...`, `PID|...`) separated by
//! carriage returns or line breaks, fields by the separator MSH declares,
//! components by `^`, repetitions by `~`. Values get their meaning from
//! their position (`PID-5` patient name, `PID-7` birth date, `NK1-2`
//! relative); the source is `hl7:SEG-N`. Pasted messages may carry a short
//! prefix per line (diff `+`, quote `> `), which is skipped.

use super::{Extracted, TEST_PATIENT};
use crate::labels::Role;
use crate::text::Doc;

/// How a field's value is laid out.
#[derive(Clone, Copy)]
enum Layout {
    /// The whole field (names, dates, SSN).
    Whole,
    /// First component of each repetition (CX ids: `00412345^^^HOSP^MR`).
    Id,
    /// A timing/quantity's start and end, its fourth and fifth components
    /// (`^^60^202307250930^202307251030`).
    Start,
    /// XAD address: street, other, city, state, ZIP.
    Address,
    /// XTN phone: first component, or the email in component 4.
    Phone,
}

use Layout::*;

impl Layout {
    /// The role of component `c` (from 1) of a field with this layout and role,
    /// or `None` when that component holds no value of it.
    fn component(self, role: Role, c: usize) -> Option<Role> {
        match self {
            Whole => Some(role),
            Id => (c == 1).then_some(role),
            Start => matches!(c, 4 | 5).then_some(role),
            Address => [Role::Address, Role::Address, Role::City, Role::State, Role::Zip].get(c.wrapping_sub(1)).copied(),
            Phone => match c {
                1 | 6 | 7 | 12 => Some(Role::Phone),
                4 => Some(Role::Email),
                _ => None,
            },
        }
    }
}

/// Fields with a meaning, by segment; a segment's rows are kept together.
const MAP: &[(&str, usize, Role, Layout)] = &[
    ("PID", 2, Role::Mrn, Id),
    ("PID", 3, Role::Mrn, Id),
    ("PID", 4, Role::Mrn, Id),
    ("PID", 5, Role::PatientName, Whole),
    ("PID", 6, Role::RelativeName, Whole),
    ("PID", 7, Role::Dob, Whole),
    ("PID", 9, Role::PatientName, Whole),
    ("PID", 11, Role::Address, Address),
    ("PID", 13, Role::Phone, Phone),
    ("PID", 14, Role::Phone, Phone),
    ("PID", 18, Role::Account, Id),
    ("PID", 19, Role::Ssn, Whole),
    ("PID", 20, Role::License, Id),
    ("PID", 21, Role::Mrn, Id),
    ("PID", 29, Role::PersonDate, Whole),
    ("NK1", 2, Role::RelativeName, Whole),
    ("NK1", 4, Role::Address, Address),
    ("NK1", 5, Role::Phone, Phone),
    ("NK1", 6, Role::Phone, Phone),
    ("NK1", 30, Role::RelativeName, Whole),
    ("NK1", 31, Role::Phone, Phone),
    ("NK1", 33, Role::OtherId, Id),
    ("NK1", 37, Role::Ssn, Whole),
    ("PV1", 7, Role::Staff, Whole),
    ("PV1", 8, Role::Staff, Whole),
    ("PV1", 9, Role::Staff, Whole),
    ("PV1", 17, Role::Staff, Whole),
    ("PV1", 19, Role::Account, Id),
    ("PV1", 44, Role::PersonDate, Whole),
    ("PV1", 45, Role::PersonDate, Whole),
    ("IN1", 4, Role::Tech, Whole),
    ("IN1", 5, Role::Dial, Whole),
    ("IN1", 6, Role::Staff, Whole),
    ("IN1", 7, Role::Dial, Whole),
    ("IN1", 16, Role::PatientName, Whole),
    ("IN1", 18, Role::Dob, Whole),
    ("IN1", 19, Role::Address, Address),
    ("IN1", 36, Role::MemberId, Id),
    ("IN1", 49, Role::MemberId, Id),
    ("IN2", 2, Role::Ssn, Whole),
    ("IN2", 8, Role::MemberId, Id),
    ("GT1", 2, Role::Account, Id),
    ("GT1", 3, Role::RelativeName, Whole),
    ("GT1", 5, Role::Address, Address),
    ("GT1", 6, Role::Phone, Phone),
    ("GT1", 7, Role::Phone, Phone),
    ("GT1", 8, Role::Dob, Whole),
    ("GT1", 12, Role::Ssn, Whole),
    ("MRG", 1, Role::Mrn, Id),
    ("MRG", 3, Role::Account, Id),
    ("MRG", 7, Role::PatientName, Whole),
    // An order's quantity/timing: when the patient's dose or test starts.
    ("ORC", 7, Role::PersonDate, Start),
    ("ORC", 12, Role::Staff, Whole),
    ("RXE", 1, Role::PersonDate, Start),
    ("OBR", 7, Role::PersonDate, Whole),
    ("OBR", 8, Role::PersonDate, Whole),
    ("OBR", 16, Role::Staff, Whole),
    ("OBR", 32, Role::Staff, Whole),
    ("OBX", 5, Role::Note, Whole),
    ("OBX", 14, Role::PersonDate, Whole),
    ("OBX", 16, Role::Staff, Whole),
    // The equipment instance: a glucose meter's, a pump's serial.
    ("OBX", 18, Role::Device, Id),
    ("NTE", 3, Role::Note, Whole),
    ("DG1", 3, Role::Diagnosis, Id),
    ("DG1", 4, Role::Note, Whole),
    ("DG1", 5, Role::PersonDate, Whole),
    ("AL1", 3, Role::Note, Whole),
    ("RXA", 3, Role::PersonDate, Whole),
    ("RXA", 4, Role::PersonDate, Whole),
    ("RXA", 5, Role::Medication, Whole),
    // Who gave the dose, whom an appointment books.
    ("RXA", 10, Role::Staff, Whole),
    ("AIP", 3, Role::Staff, Whole),
    ("FT1", 4, Role::PersonDate, Whole),
    ("PD1", 4, Role::Staff, Whole),
    ("ROL", 4, Role::Staff, Whole),
    // A document's activity time (MDM).
    ("TXA", 4, Role::PersonDate, Whole),
    // Who dictated and who wrote it.
    ("TXA", 5, Role::Staff, Whole),
    ("TXA", 9, Role::Staff, Whole),
    ("MSH", 7, Role::Tech, Whole),
    ("MSH", 10, Role::Tech, Whole),
    ("EVN", 2, Role::Tech, Whole),
    ("EVN", 6, Role::Tech, Whole),
    // Appointments (SIU): when the patient is booked.
    ("SCH", 11, Role::PersonDate, Start),
    ("TQ1", 7, Role::PersonDate, Whole),
    ("AIS", 4, Role::PersonDate, Whole),
];

/// The role of an HL7 field named as documentation and logs name it ("PID-5", "PV1-19").
pub(crate) fn named_field(name: &str) -> Option<Role> {
    let (seg, n) = name.split_once('-')?;
    numbered_field(seg, n)
}

/// The role of field number `n` of segment `seg` ("PID", "3").
pub(crate) fn numbered_field(seg: &str, n: &str) -> Option<Role> {
    let n: usize = n.parse().ok()?;
    MAP.iter().find(|e| e.0 == seg && e.1 == n).map(|e| e.2)
}

/// "Expected PID-11: 9014 Quail Hollow St^^Burlington^VT^05469^USA^H": a
/// field quoted in prose with its components (from token `i`, the segment's
/// name), read as in its segment. Whether there was one.
pub(crate) fn quoted_field(doc: &Doc, x: &mut Extracted, i: usize) -> bool {
    let Some(n) = doc.toks.get(i + 1).filter(|n| n.is_num() && doc.gap_after(i) == "-") else { return false };
    let Ok(no) = doc.s(i + 1).parse::<usize>() else { return false };
    let Some(&(seg, _, role, layout)) = MAP.iter().find(|e| e.0 == doc.s(i) && e.1 == no) else { return false };
    // "PID-11:", "PID-11 in outbound:"
    let mut j = i + 1;
    while j < i + 4 && doc.gap_after(j) == " " && doc.toks.get(j + 1).is_some_and(|w| w.is_word() && w.line == n.line && !w.is(crate::text::CAP)) {
        j += 1;
    }
    let gap = doc.gap_after(j);
    if !gap.starts_with(':') || gap.contains('\n') {
        return false;
    }
    // (The value may be quoted, and start with an empty component: `PID-13: "^PRN^PH^^1^617^5550142"`.)
    let start = doc.toks[j].end as usize + gap.len() - gap.trim_start_matches([':', ' ', '"', '\'']).len();
    // (Within 512 bytes: a field is shorter, and a long line is not read again at every label.)
    let line_end = start + crate::text::head(&doc.text[start..doc.line_end(n.line as usize)], 512).len();
    let value = &doc.bytes[start..line_end];
    // The value's last component ends at a space (prose may go on after it).
    let Some(caret) = value.iter().rposition(|&c| c == b'^') else { return false };
    let end = start + caret + value[caret..].iter().position(|c| c.is_ascii_whitespace() || matches!(c, b'"' | b'\'')).unwrap_or(value.len() - caret);
    // (Components, not a sentence about them.)
    if doc.text[start..end].contains(", ") || doc.text[start..end].contains(". ") {
        return false;
    }
    let before = x.fields.len();
    field(x, seg, no, 0, &doc.bytes[..end], start, role, layout, b'^', b'~');
    // (A patient's field with its value, as in a message; but a test value in any component
    // makes a test's expected value, `PID-13: "^PRN^PH^^1^617^5550142"`.)
    if x.fields[before..].iter().any(|f| crate::scan::placeholder(&doc.text[f.start..f.end])) {
        x.fields.truncate(before);
        x.push(start, end, Role::Tech, Some(TEST_PATIENT.into()), true);
    } else {
        x.patient_record |= matches!(seg, "PID" | "NK1");
    }
    true
}

/// HL7 v2.xml: `<PID.5><XPN.1><FN.1>Liu</FN.1></XPN.1><XPN.2>Tingting</XPN.2></PID.5>`.
/// Each text inside a mapped field's element takes the role its component has in
/// the field (the number of the element right under the field's: `XAD.3` is the city).
pub(crate) fn xml(doc: &Doc, x: &mut Extracted) {
    let b = doc.bytes;
    let mut k = 0;
    while let Some(open) = super::find_bytes(b, b"<", k, false) {
        k = open + 1;
        // `<SEG.N>`
        let Some(close) = b[open..].iter().take(12).position(|&c| c == b'>').map(|p| open + p) else { continue };
        let tag = &b[open + 1..close];
        if tag.len() < 5 || !is_segment_id(&tag[..3]) || tag[3] != b'.' {
            continue;
        }
        let seg = std::str::from_utf8(&tag[..3]).unwrap_or("");
        let Ok(n) = std::str::from_utf8(&tag[4..]).unwrap_or("").parse::<usize>() else { continue };
        let Some(&(_, _, role, layout)) = MAP.iter().find(|e| e.0 == seg && e.1 == n) else { continue };
        let mut end_tag = Vec::with_capacity(tag.len() + 3);
        end_tag.extend_from_slice(b"</");
        end_tag.extend_from_slice(tag);
        // (Within 8 KB, as any field's element is: an unclosed tag does not send each search to the text's end.)
        let Some(end) = super::find_bytes(&b[..b.len().min(close + 8192)], &end_tag, close, false) else { continue };
        // Walk the element: depth 1 tags give the component; texts are values.
        let (mut depth, mut component, mut p) = (0usize, 1usize, close + 1);
        while p < end {
            if b[p] == b'<' {
                let q = b[p..end].iter().position(|&c| c == b'>').map_or(end, |q| p + q);
                if b.get(p + 1) == Some(&b'/') {
                    depth = depth.saturating_sub(1);
                } else {
                    depth += 1;
                    if depth == 1 {
                        // `XAD.3` -> 3
                        let name = &b[p + 1..q];
                        component = name.iter().rposition(|&c| c == b'.').and_then(|d| std::str::from_utf8(&name[d + 1..]).ok()?.parse().ok()).unwrap_or(1);
                    }
                }
                p = q + 1;
                continue;
            }
            let q = b[p..end].iter().position(|&c| c == b'<').map_or(end, |q| p + q);
            let (s, e) = super::trim_value(doc.text, p, q);
            if let Some(r) = layout.component(role, component).filter(|_| e > s) {
                x.push(s, e, r, Some(format!("hl7:{seg}-{n}")), true);
            }
            p = q;
        }
        x.patient_record |= matches!(seg, "PID" | "NK1");
        k = end;
    }
}

/// HealthShare's names of fields, then of components (the start of one is enough), each after
/// its number: its virtual property paths (`PID:PatientName(1).FamilyName`) name what other
/// tools number.
const FIELD_NAMES: &[u8] = b"03PatientIdentifierList 05PatientName 06MothersMaidenName 07DateTimeOfBirth 09PatientAlias 11PatientAddress \
    13PhoneNumberHome 14PhoneNumberBusiness 18PatientAccountNumber 19SSNNumberPatient \
    20DriversLicenseNumberPatient 02Name 04Address 05PhoneNumber 19VisitNumber 44AdmitDateTime 45DischargeDateTime \
    07ObservationDateTime 14DateTimeOfTheObservation 16InsuredsName 18InsuredsDateOfBirth 36PolicyNumber";
const COMPONENT_NAMES: &[u8] = b"01IDNumber 01FamilyName 02GivenName 03SecondAndFurther 01StreetAddress 02OtherDesignation 03City \
    04StateOrProvince 05ZipOrPostalCode 01TelephoneNumber 04EmailAddress 06AreaCityCode 07LocalNumber 01Time";

/// The number `names` gives `name` (or a name it starts with, if `prefix`).
fn numbered(names: &[u8], name: &[u8], prefix: bool) -> Option<usize> {
    let w = names.split(|&c| c == b' ').find(|w| &w[2..] == name || prefix && name.starts_with(&w[2..]))?;
    Some(crate::text::two_digits(w))
}

/// A field's position at the start of `line` (`PID-3`, `PID.3.1`, `PID_11.5`, Cloverleaf's
/// `PID(0).#7`, HealthShare's `PID:PatientName(1).FamilyName`): its segment, field number,
/// role (its component's, if one is given) and the position's length.
fn position(line: &[u8]) -> Option<(&str, usize, Role, usize)> {
    let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    if line.len() < 5 || !is_segment_id(&line[..3]) {
        return None;
    }
    let seg = std::str::from_utf8(&line[..3]).ok()?;
    if line[3] == b':' {
        // A path: the field's name, a repetition, the component's name (and a subcomponent's).
        let name = |from: usize| &line[from..from + line[from..].iter().take_while(|c| c.is_ascii_alphanumeric()).count()];
        let field = numbered(FIELD_NAMES, name(4), false)?;
        let mut p = 4 + name(4).len();
        p += line[p..].iter().take_while(|c| c.is_ascii_digit() || matches!(c, b'(' | b')')).count();
        let component = if line.get(p) == Some(&b'.') { Some(numbered(COMPONENT_NAMES, name(p + 1), true)?) } else { None };
        p += line[p..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'(' | b')' | b'.')).count();
        let &(_, _, role, layout) = MAP.iter().find(|e| e.0 == seg && e.1 == field)?;
        return Some((seg, field, component.map_or(Some(role), |c| layout.component(role, c))?, p));
    }
    let mut p = 3 + if line[3..].starts_with(b"(0).#") { 5 } else { usize::from(matches!(line[3], b'-' | b'.' | b'_')) };
    let n = digits(&line[p..]);
    if p == 3 || !(1..=2).contains(&n) {
        return None;
    }
    let field: usize = std::str::from_utf8(&line[p..p + n]).ok()?.parse().ok()?;
    p += n;
    let c = if matches!(line.get(p), Some(b'.' | b'_')) { digits(&line[p + 1..]) } else { 0 };
    let component = (c > 0).then(|| std::str::from_utf8(&line[p + 1..p + 1 + c]).ok().and_then(|s| s.parse().ok())).flatten();
    p += if c > 0 { c + 1 } else { 0 };
    let &(_, _, role, layout) = MAP.iter().find(|e| e.0 == seg && e.1 == field)?;
    let role = component.map_or(Some(role), |c| layout.component(role, c))?;
    Some((seg, field, role, p))
}

/// A column named by an HL7 field's position, `PID_3` or `PID-5.1` (a Splunk or SQL
/// extraction's): the field's role.
pub(crate) fn field_ref(name: &str) -> Option<Role> {
    position(name.as_bytes()).filter(|p| p.3 == name.len()).map(|p| p.2)
}

/// Message viewers' field trees and tables, a field per line after its position:
/// `PID-3.1    ID Number    58120889`, `| PID-11.3 | Patient Address / City | Independence |`,
/// `PID.3.1 ID Number: 30139981`, Cloverleaf's `0(0).PID(0).#7    19510112`. The value is the
/// line's last cell, or what follows its last `: ` or its last wide gap.
pub(crate) fn tree(doc: &Doc, x: &mut Extracted) {
    let b = doc.bytes;
    for l in 0..doc.line_starts.len() {
        let (ls, le) = (doc.line_starts[l] as usize, doc.line_end(l));
        let line = &b[ls..le];
        // The position: indentation or a table's bar first, Cloverleaf's `0(0).` before it.
        let mut k = line.iter().take_while(|c| matches!(c, b' ' | b'\t' | b'|')).count();
        k += 5 * usize::from(line[k..].starts_with(b"0(0)."));
        let Some((seg, field, role, p)) = position(&line[k..]).filter(|_| line.len() >= k + 6) else { continue };
        let p = k + p;
        // The rest of the line, without its break and a table's closing bar.
        let rest = std::str::from_utf8(&line[p..]).unwrap_or("").trim_end_matches(['\n', '\r', ' ', '\t', '|']);
        if !rest.starts_with([' ', '\t', '|', ':']) {
            continue;
        }
        let value = if let Some(v) = rest.strip_prefix(" = ") {
            // HealthShare's `PID:DateTimeOfBirth = 19720301`.
            v
        } else if rest.contains('|') {
            // A table of a label and a value (not a specification's columns, nor an expected
            // value beside the actual one).
            let mut cells = rest.split('|').map(str::trim).filter(|c| !c.is_empty());
            match (cells.next(), cells.next(), cells.next()) {
                (Some(_), Some(v), None) => v,
                _ => continue,
            }
        } else if let Some((v, _)) = rest.trim_start_matches('\t').split_once('\t').filter(|(v, _)| v.contains('^') || v.bytes().any(|c| c.is_ascii_digit())) {
            // A value beside what a spec expects of it: `PID-5\tO'SULLIVAN^PÁDRAIG\tLAST^FIRST`
            // (not a label beside its value, `PID-3.1\tID Number\t58120889`).
            v
        } else if let Some(k) = rest.rfind(": ") {
            &rest[k + 2..]
        } else {
            // After the last gap of two or more spaces; with no label before it, one word only
            // (`#7    19510112`, not a label whose value is empty).
            let Some(g) = rest.trim_end().rfind("  ").or_else(|| rest.rfind('\t')) else { continue };
            let v = rest[g..].trim_start();
            if rest[..g].trim().is_empty() && v.contains(' ') {
                continue;
            }
            v
        };
        // A value, not a specification's rule ("YYYYMMDD only, reject partial dates"): a few
        // words, digits where the field holds a number or a date, none in a name.
        let numeric = !matches!(role, Role::PatientName | Role::RelativeName | Role::Address | Role::City | Role::State);
        if value.split(' ').nth(5).is_some() || value.contains(", ") && value.bytes().any(|c| c.is_ascii_lowercase()) || numeric != value.bytes().any(|c| c.is_ascii_digit()) && role != Role::Address {
            continue;
        }
        let vs = value.as_ptr() as usize - doc.text.as_ptr() as usize;
        let (vs, ve) = super::trim_value(doc.text, vs, vs + value.len());
        if ve > vs && ve - vs <= 100 {
            x.push(vs, ve, role, Some(format!("hl7:{seg}-{field}")), true);
            x.patient_record |= seg == "PID" && !crate::scan::placeholder(&doc.text[vs..ve]);
        }
    }
}

pub(crate) fn is_segment_id(s: &[u8]) -> bool {
    s.len() == 3 && s[0].is_ascii_uppercase() && s[1..].iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `PID|`, `NK1|`, `IN1|`, `GT1|` or `MRG|` occurs: one search for
/// the bar rather than one for each segment.
fn phi_segment(text: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices('|').any(|(p, _)| p >= 3 && matches!(&b[p - 3..p], b"PID" | b"NK1" | b"IN1" | b"GT1" | b"MRG"))
}

/// The end of the segment starting at `pos` and where the next starts: a line
/// break, or a literal "\r" / "\n" / "<CR>" when a message was pasted from a log
/// or a JSON string.
fn segment_end(b: &[u8], pos: usize) -> (usize, usize) {
    let mut end = pos;
    while end < b.len() {
        if b[end] == b'\r' || b[end] == b'\n' {
            return (end, end + 1);
        }
        if b[end] == b'\\' && matches!(b.get(end + 1), Some(b'r' | b'n')) && !matches!(b.get(end + 2), Some(c) if c.is_ascii_lowercase()) {
            return (end, end + 2);
        }
        if b[end] == b'<' && b[end..].starts_with(b"<CR>") {
            return (end, end + 4);
        }
        end += 1;
    }
    (end, b.len())
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted) {
    let text = doc.text;
    let b = text.as_bytes();
    // The separators MSH declares; segments pasted without their MSH use the standard ones.
    // (Not a mention of a field, "MSH-22" or "MSH.9": a real header's separator is no such mark.)
    let declares = |c: u8| !c.is_ascii_alphanumeric() && !c.is_ascii_whitespace() && !matches!(c, b'-' | b'.' | b'_' | b':' | b',' | b')');
    // (Its encoding characters follow: not "MSH/MSA/ERR segments", a list of their names.)
    let header = |m: usize| b.get(m + 3).is_some_and(|&c| declares(c)) && b.get(m + 4).is_some_and(|&c| declares(c));
    let mut msh = if x.probes & super::probe::MSH != 0 { super::find_bytes(b, b"MSH", 0, false) } else { None };
    while let Some(m) = msh.filter(|&m| !header(m)) {
        msh = super::find_bytes(b, b"MSH", m + 3, false);
    }
    let (sep, comp, rep) = match msh {
        Some(msh) => match b.get(msh + 3) {
            Some(&c) if declares(c) => (
                c,
                b.get(msh + 4).copied().filter(|c| !c.is_ascii_alphanumeric()).unwrap_or(b'^'),
                b.get(msh + 5).copied().filter(|c| !c.is_ascii_alphanumeric()).unwrap_or(b'~'),
            ),
            _ => return,
        },
        None if phi_segment(text) => (b'|', b'^', b'~'),
        None => return,
    };
    let mut pos = 0;
    // Where the line holding `pos` ends (`segment_end`), and where the next starts: segments
    // split out of one collapsed line share it (a long line is not searched again for each).
    let mut line_break: Option<(usize, usize)> = None;
    while pos < b.len() {
        let (mut end, mut next) = match line_break {
            Some((end, next)) if pos <= end => (end, next),
            _ => {
                let found = segment_end(b, pos);
                line_break = Some(found);
                found
            }
        };
        // Segments whose line breaks became spaces: split before " PID|", " NK1|" ...
        if let Some(cut) = collapsed_segment(&b[pos..end], sep) {
            end = pos + cut;
            next = end + 1;
        }
        // (A Markdown code span's closing backticks are not the last field's.)
        let line = &b[pos..end - b[pos..end].iter().rev().take_while(|&&c| c == b'`').count()];
        // A short prefix (diff markers, quotes, bullets), or anything before "MSH".
        let skip = match find(line, b"MSH") {
            Some(m) if line.get(m + 3) == Some(&sep) => m,
            _ => line.iter().take(16).take_while(|c| matches!(c, b'+' | b'-' | b' ' | b'>' | b'\t' | b'*' | b'{' | b'}' | b'"' | b'`')).count(),
        };
        let mut seg = &line[skip.min(line.len())..];
        let mut skip = skip;
        // A segment in a string literal after code (`parsePid("PID|1||...");`), or in an
        // exception's brackets (`… for segment group [PID|1||…]`): from the quote to the closing one.
        if !(seg.len() > 4 && is_segment_id(&seg[..3]) && seg[3] == sep) && line.contains(&sep) {
            if let Some(q) = line.windows(5).position(|w| matches!(w[0], b'"' | b'\'' | b'[') && w[4] == sep && is_segment_id(&w[1..4])) {
                skip = q + 1;
                seg = &line[skip..];
                let close = if line[q] == b'[' { b']' } else { line[q] };
                seg = &seg[..seg.iter().position(|&c| c == close).unwrap_or(seg.len())];
            }
        }
        if seg.len() > 4 && is_segment_id(&seg[..3]) && seg[3] == sep {
            let name = std::str::from_utf8(&seg[..3]).unwrap_or("");
            // A PID with a value in it (a template's `<MRN>^^^LAB^MR||<LAST>^<FIRST>` has none,
            // one with a slot such as `{{patient_given}}` is an example, and a test fixture's
            // `T0000042^^^TEST^MR||ZZTEST^PATIENT||19000101|U` holds only test values): the first
            // component of an identifying field (PID-2 to 7, 9, 11, 13, 14, 18 to 20).
            fn first(f: &[u8], comp: u8) -> &str {
                std::str::from_utf8(&f[..f.iter().position(|&c| c == comp).unwrap_or(f.len())]).unwrap_or("")
            }
            // (A test patient's PID, the standard's own `EVERYMAN^ADAM` or `ZZTEST^PATIENT`, holds test values throughout.)
            let test_patient = name == "PID" && seg.split(|&c| c == sep).nth(5).is_some_and(|f| !first(f, comp).is_empty() && crate::scan::placeholder(std::str::from_utf8(f).unwrap_or("")));
            if name == "PID" && !test_patient && !super::has_slot(std::str::from_utf8(seg).unwrap_or("")) && seg.split(|&c| c == sep).enumerate().any(|(n, f)| {
                let first = first(f, comp);
                n < 21 && 0x1C_6AFC >> n & 1 != 0 && first.bytes().any(|c| c.is_ascii_alphanumeric()) && !matches!(first.as_bytes()[0], b'<' | b'{' | b'$') && !crate::scan::placeholder(first)
            }) {
                x.patient_record = true;
            }
            if test_patient {
                x.push(pos + skip, pos + skip + seg.len(), Role::Tech, Some(TEST_PATIENT.into()), true);
            } else {
                segment(x, name, pos + skip, seg, sep, comp, rep);
            }
        }
        pos = next;
    }
}

/// Position of a space followed by a known segment id and the field
/// separator, after the first few bytes of a chunk.
fn collapsed_segment(chunk: &[u8], sep: u8) -> Option<usize> {
    (4..chunk.len().saturating_sub(4)).find(|&k| {
        chunk[k] == b' ' && chunk[k + 4] == sep && is_segment_id(&chunk[k + 1..k + 4]) && {
            let id = &chunk[k + 1..k + 4];
            MAP.iter().any(|(s, _, _, _)| s.as_bytes() == id) || matches!(id, b"PV2" | b"NTE" | b"ORC" | b"OBR" | b"AL1" | b"PD1" | b"ROL" | b"IN2" | b"EVN")
        }
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn segment(x: &mut Extracted, name: &str, base: usize, seg: &[u8], sep: u8, comp: u8, rep: u8) {
    // Part p is field p; in MSH, field 1 is the separator itself, so part p is field p + 1.
    let shift = usize::from(name == "MSH");
    // The map's fields of this segment (none for most segments).
    let Some(first) = MAP.iter().position(|e| e.0 == name) else { return };
    let fields = &MAP[first..first + MAP[first..].iter().take_while(|e| e.0 == name).count()];
    let parts = split(seg, sep);
    // An OBX whose value type (OBX-2) is XAD carries an address in OBX-5; one of type DT or TS
    // a date of the patient's (a device's implant, a last period, a last dose); one whose
    // observation (OBX-3) is a serial number, a device's (`720898^MDC_IDC_DEV_SERIAL^MDC`).
    let obx = |n: usize| (name == "OBX").then(|| parts.get(n).map(|&(a, b)| &seg[a..b])).flatten();
    let typed = match obx(2) {
        Some(b"XAD") => Some((Role::Address, Address)),
        Some(b"DT" | b"TS" | b"DTM") => Some((Role::PersonDate, Whole)),
        _ if obx(3).is_some_and(|o| super::find_bytes(o, b"serial", 0, true).is_some()) => Some((Role::Device, Id)),
        // (Or an identifier its text names: `DCERT^Death certificate number^L`.)
        _ => obx(3)
            .and_then(|o| o.split(|&b| b == comp).nth(1))
            .and_then(|t| crate::labels::field_role(std::str::from_utf8(t).ok()?))
            .filter(|r| r.kind().is_some_and(crate::kind::Kind::is_identifier))
            .map(|r| (r, Whole)),
    };
    for (p, (fs, fe)) in parts.into_iter().enumerate().skip(1) {
        let field_no = p + shift;
        if fe > fs {
            if let Some((role, layout)) = typed.filter(|_| field_no == 5) {
                field(x, name, field_no, base, &seg[..fe], fs, role, layout, comp, rep);
            } else if let Some(&(_, _, role, layout)) = fields.iter().find(|(_, n, _, _)| *n == field_no) {
                field(x, name, field_no, base, &seg[..fe], fs, role, layout, comp, rep);
            } else if matches!(name, "PID" | "PV1" | "NK1") && hl7_timestamp(&seg[fs..fe]) {
                // Any other time in a patient's or a visit's segment is one of the patient's dates
                // (a death, an admission; versions and senders shift their positions).
                x.push(base + fs, base + fe, Role::PersonDate, Some(format!("hl7:{name}-{field_no}")), true);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn field(x: &mut Extracted, seg: &str, n: usize, base: usize, line: &[u8], fs: usize, role: Role, layout: Layout, comp: u8, rep: u8) {
    let source = |suffix: &str| Some(format!("hl7:{seg}-{n}{suffix}"));
    let value = &line[fs..];
    // Each repetition separately.
    let mut r0 = 0;
    for r in 0..=value.len() {
        if r < value.len() && value[r] != rep {
            continue;
        }
        let rs = fs + r0;
        let re = fs + r;
        r0 = r + 1;
        if re <= rs {
            continue;
        }
        let comps: Vec<(usize, usize)> = split(&line[rs..re], comp).into_iter().map(|(a, b)| (rs + a, rs + b)).collect();
        match layout {
            Whole => {
                // A name's family, given, middle names and suffix; not its prefix, degree or type
                // (`SMITH^JOHN^^^^^L`, `^^^^^USA`).
                let comps = if role.kind() == Some(crate::Kind::PersonName) { &comps[..comps.len().min(4)] } else { &comps[..] };
                // Trim empty components at both ends: "GONZALEZ^MARIA^^^" (none left: no value).
                let filled = |c: &&(usize, usize)| c.1 > c.0;
                if let (Some(&(start, _)), Some(&(_, end))) = (comps.iter().find(filled), comps.iter().rev().find(filled)) {
                    x.push(base + start, base + end, role, source(""), true);
                }
            }
            Id => {
                if let Some(&(a, b)) = comps.first().filter(|(a, b)| b > a) {
                    x.push(base + a, base + b, role, source(""), true);
                }
            }
            // Components by their place: a timing's start and end (the field's source), an
            // address's or a phone's parts (each with its component number).
            Start | Address | Phone => {
                for (i, &(a, b)) in comps.iter().enumerate().filter(|(_, (a, b))| b > a) {
                    if let Some(r) = layout.component(role, i + 1) {
                        let suffix = if matches!(layout, Start) { String::new() } else { format!(".{}", i + 1) };
                        x.push(base + a, base + b, r, source(&suffix), true);
                    }
                }
            }
        }
    }
}

/// `YYYYMMDD`, with up to the seconds after it: a valid calendar date.
pub(super) fn hl7_timestamp(v: &[u8]) -> bool {
    let n = |r: std::ops::Range<usize>| v[r].iter().fold(0, |a, &c| a * 10 + u32::from(c - b'0'));
    matches!(v.len(), 8 | 12 | 14) && v.iter().all(u8::is_ascii_digit) && crate::recognizers::date::valid_ymd(n(0..4), n(4..6), n(6..8))
}

fn split(v: &[u8], sep: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in v.iter().enumerate() {
        if c == sep {
            out.push((s, i));
            s = i + 1;
        }
    }
    out.push((s, v.len()));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn map_keeps_each_segment_together() {
        let mut seen: Vec<&str> = Vec::new();
        for (s, ..) in super::MAP {
            if seen.last() != Some(s) {
                assert!(!seen.contains(s), "{s} rows are split");
                seen.push(s);
            }
        }
    }
}
