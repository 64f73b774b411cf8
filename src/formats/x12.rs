//! X12 EDI as payers and clearinghouses paste it (837 claims, 835
//! remittances, 834 enrollment, 270/271 eligibility): segments end with `~`
//! (or a line break), elements are split by the separator `ISA` declares
//! (`*` otherwise). Values get their meaning from the segment and position,
//! within the loop of the last `NM1`: `NM1*IL*1*DOE*JANE****MI*W123456789~`
//! (the subscriber's name and member id), then its `N3`/`N4` address, `DMG`
//! birth date and `REF` ids. Providers' and payers' loops are staff or
//! organisations. The source is `x12:SEG-NN`.

use super::Extracted;
use crate::labels::Role;
use crate::text::Doc;

/// Whose loop the segments belong to: the `NM1` entity code.
#[derive(Clone, Copy, PartialEq)]
enum Party {
    /// Subscriber (IL), patient (QC), dependent (03): a person the claim is about.
    Patient,
    /// Anyone else: providers, payer, submitter, receiver.
    Other,
}

pub(super) fn extract(doc: &Doc, x: &mut Extracted) {
    let b = doc.bytes;
    // The element separator is the byte after "ISA" when the interchange header is there, as
    // around its first element's two digits (`ISA*00*`; not a viewer's `Loop ISA` or `[ISA]` title).
    let sep = super::find_all(b, b"ISA").find_map(|p| b.get(p + 3).copied().filter(|&c| c.is_ascii_punctuation() && b.get(p + 6) == Some(&c))).unwrap_or(b'*');
    let mut party = Party::Other;
    let mut start = 0;
    while start < b.len() {
        let end = b[start..].iter().position(|&c| c == b'~' || c == b'\n').map_or(b.len(), |p| start + p);
        // Skip a short prefix: diff markers, quotes, white space.
        let mut s = start;
        while s < end && s < start + 4 && matches!(b[s], b' ' | b'\t' | b'+' | b'-' | b'>' | b'\r') {
            s += 1;
        }
        segment(doc, x, s, end, sep, &mut party);
        start = end + 1;
    }
}

fn segment(doc: &Doc, x: &mut Extracted, s: usize, end: usize, sep: u8, party: &mut Party) {
    let b = doc.bytes;
    let seg = &b[s..end];
    let id_len = seg.iter().position(|&c| c == sep).unwrap_or(seg.len());
    if !(2..=3).contains(&id_len) || id_len == seg.len() || !seg[..id_len].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return;
    }
    // Element n (1-based) as absolute offsets.
    let mut elems: Vec<(usize, usize)> = Vec::with_capacity(12);
    let mut e0 = s + id_len + 1;
    for (k, &c) in seg.iter().enumerate().skip(id_len + 1) {
        if c == sep {
            elems.push((e0, s + k));
            e0 = s + k + 1;
        }
    }
    elems.push((e0, end));
    let el = |n: usize| elems.get(n - 1).map_or("", |&(a, z)| doc.text.get(a..z).unwrap_or(""));
    let id = doc.text.get(s..s + id_len).unwrap_or("");
    // A subscriber's or patient's name: the claim is about a person.
    x.patient_record |= id == "NM1" && matches!(el(1), "IL" | "QC" | "03") && el(2) == "1";
    *party = party_after(id, &el, *party);
    for (n, &(a, z)) in elems.iter().enumerate() {
        let z = if z > a && b[z - 1] == b'\r' { z - 1 } else { z };
        if let Some(role) = element_role(id, n + 1, &el, *party) {
            push(x, id, n + 1, a, &doc.text[a..z], role, el(2) == "RD8");
        }
    }
}

/// Whose loop a segment opens: an `NM1`'s entity code says; an 834 member loop starts with
/// `INS`, before its `NM1`.
fn party_after<'a>(id: &str, el: &dyn Fn(usize) -> &'a str, party: Party) -> Party {
    match id {
        "NM1" if matches!(el(1), "IL" | "QC" | "03") => Party::Patient,
        "NM1" => Party::Other,
        "INS" => Party::Patient,
        _ => party,
    }
}

/// The role of element `n` of segment `id`, given the segment's other elements (`el`: its
/// qualifiers) and whose loop it is in.
fn element_role<'a>(id: &str, n: usize, el: &dyn Fn(usize) -> &'a str, party: Party) -> Option<Role> {
    let person = party == Party::Patient;
    Some(match (id, n) {
        ("NM1", 3..=5) if el(2) == "1" => if person { Role::PatientName } else { Role::Staff },
        ("NM1", 9) if person => if el(8) == "34" { Role::Ssn } else { Role::MemberId },
        ("N3", 1 | 2) if person => Role::Address,
        ("N4", 1) if person => Role::City,
        ("N4", 3) if person => Role::Zip,
        ("DMG", 2) if person => Role::Dob,
        // (A medical record number is the patient's in any loop.)
        ("REF", 2) if person || el(1) == "EA" => match el(1) {
            "SY" => Role::Ssn,
            "EA" => Role::Mrn,
            _ => Role::MemberId,
        },
        ("PER", 4 | 6 | 8) if person => if el(n - 1) == "EM" { Role::Email } else { Role::Phone },
        // The patient control number (the provider's account for the visit).
        ("CLM" | "CLP", 1) => Role::Account,
        ("CLP", 7) => Role::OtherId,
        // Service, onset, admission, discharge and plan (eligibility) dates.
        ("DTP", 3) if matches!(el(1), "472" | "431" | "435" | "096" | "434" | "304" | "454" | "291" | "307" | "356" | "357") => Role::PersonDate,
        // 835: the claim's statement period and the service date.
        ("DTM", 2) if matches!(el(1), "232" | "233" | "472" | "050") => Role::PersonDate,
        _ => return None,
    })
}

/// The value of element `n` of segment `id`, at `a`; a date range (`RD8`) is two dates.
fn push(x: &mut Extracted, id: &str, n: usize, a: usize, value: &str, role: Role, range: bool) {
    let source = || Some(format!("x12:{id}-{n:02}"));
    if range && role == Role::PersonDate && value.len() >= 17 && value.as_bytes()[8] == b'-' {
        x.push(a, a + 8, role, source(), true);
        x.push(a + 9, a + 17, role, source(), true);
    } else {
        x.push(a, a + value.len(), role, source(), true);
    }
}

/// EDI viewers' element views, an element per line after its reference: a tree
/// (`NM103  Name Last or Organization Name ....... VAN DER BERG`), a grid exported as
/// tab-separated or quoted CSV (`2000\tNM1\tNM109\tIdentification Code\t260701746`), or a
/// table. The value is the line's last cell, or what follows the dot leader or the last
/// wide gap. Segments follow one another as their references do.
pub(super) fn elements(doc: &Doc, x: &mut Extracted) {
    let mut party = Party::Other;
    let mut id = "";
    // The current segment's elements so far: (number, value).
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for l in 0..doc.line_starts.len() {
        let (ls, le) = (doc.line_starts[l] as usize, doc.line_end(l));
        let line = doc.text[ls..le].trim_end_matches(['\r', '\n']);
        let Some((seg, n, value)) = element_line(line) else { continue };
        if seg != id || seen.last().is_some_and(|&(m, _)| m >= n) {
            id = seg;
            seen.clear();
        }
        seen.push((n, value));
        let el = |k: usize| seen.iter().find(|e| e.0 == k).map_or("", |e| e.1);
        if n == 1 {
            party = party_after(id, &el, party);
        }
        // (A value, not a specification's usage note: `|N301|Address Information|required when …|`.)
        if let Some(role) = element_role(id, n, &el, party).filter(|_| !value.is_empty() && !super::note(value)) {
            let a = value.as_ptr() as usize - doc.text.as_ptr() as usize;
            push(x, id, n, a, value, role, el(2) == "RD8");
            x.patient_record |= role == Role::PatientName;
        }
    }
}

/// An element's reference, `NM103`: its segment (one of the claims' and enrolments' common
/// ones) and element number.
pub(super) fn element_ref(word: &str) -> Option<(&str, usize)> {
    const SEGMENTS: &[&str] = &["ISA", "GS", "ST", "BHT", "BPR", "TRN", "HL", "SBR", "PAT", "NM1", "N1", "N3", "N4", "DMG", "REF", "PER", "PRV", "INS", "HD", "CLM", "CLP", "CAS", "DTP", "DTM", "HI", "LX", "SV1", "SV2", "SVC", "AMT"];
    let b = word.as_bytes();
    let seg = word.get(..b.len().checked_sub(2)?)?;
    (SEGMENTS.contains(&seg) && b[b.len() - 2..].iter().all(u8::is_ascii_digit)).then(|| (seg, crate::text::two_digits(&b[b.len() - 2..])))
}

/// A line of an element view: its segment, element number and value.
fn element_line(line: &str) -> Option<(&str, usize, &str)> {
    // The reference, `NM103`, in the line's first cells.
    let head = crate::text::head(line, 48);
    let (at, seg, n) = head.match_indices(|c: char| c.is_ascii_uppercase()).find_map(|(k, _)| {
        let word = &head[k..k + head[k..].bytes().take_while(u8::is_ascii_alphanumeric).count()];
        (k == 0 || !head.as_bytes()[k - 1].is_ascii_alphanumeric()).then(|| element_ref(word)).flatten().map(|(seg, n)| (k, seg, n))
    })?;
    let w = seg.len() + 2;
    // (Without a viewer's note on a code: `41  (Submitter)`.)
    let rest = line[at + w..].trim_end();
    let rest = rest.rfind("  (").filter(|_| rest.ends_with(')')).map_or(rest, |k| &rest[..k]);
    let value = if rest.contains('\t') {
        rest.rsplit('\t').next()?
    } else if rest.contains("\",\"") {
        rest.rsplit("\",\"").next()?.trim_end_matches('"')
    } else if rest.contains('|') {
        rest.trim_end_matches('|').rsplit('|').next()?
    } else if let Some(k) = rest.find("...") {
        rest[k..].trim_start_matches('.')
    } else {
        &rest[rest.rfind("  ")?..]
    };
    Some((seg, n, value.trim()))
}
