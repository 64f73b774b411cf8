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
    let mut push = |n: usize, role: Role| {
        if let Some(&(a, z)) = elems.get(n - 1) {
            let z = if z > a && b[z - 1] == b'\r' { z - 1 } else { z };
            x.push(a, z, role, Some(format!("x12:{id}-{n:02}")), true);
        }
    };
    let person_loop = *party == Party::Patient;
    match &seg[..id_len] {
        b"NM1" => {
            *party = if matches!(el(1), "IL" | "QC" | "03") { Party::Patient } else { Party::Other };
            if *party == Party::Patient && el(2) == "1" {
                for n in [3, 4, 5] {
                    push(n, Role::PatientName);
                }
            } else if el(2) == "1" {
                for n in [3, 4, 5] {
                    push(n, Role::Staff);
                }
            }
            if *party == Party::Patient {
                push(9, if el(8) == "34" { Role::Ssn } else { Role::MemberId });
            }
        }
        b"N3" if person_loop => {
            push(1, Role::Address);
            push(2, Role::Address);
        }
        b"N4" if person_loop => {
            push(1, Role::City);
            push(3, Role::Zip);
        }
        b"DMG" if person_loop => push(2, Role::Dob),
        // (A medical record number is the patient's in any loop.)
        b"REF" if person_loop || el(1) == "EA" => push(2, if el(1) == "SY" { Role::Ssn } else if el(1) == "EA" { Role::Mrn } else { Role::MemberId }),
        b"PER" if person_loop => {
            for n in [4, 6, 8] {
                push(n, if el(n - 1) == "EM" { Role::Email } else { Role::Phone });
            }
        }
        // An 834 member loop starts with INS, before its NM1.
        b"INS" => *party = Party::Patient,
        // The patient control number (the provider's account for the visit).
        b"CLM" => push(1, Role::Account),
        b"CLP" => {
            push(1, Role::Account);
            push(7, Role::OtherId);
        }
        // Service, onset, admission, discharge and plan (eligibility) dates; a range (`RD8`) is two dates.
        b"DTP" if matches!(el(1), "472" | "431" | "435" | "096" | "434" | "304" | "454" | "291" | "307" | "356" | "357") => match elems.get(2) {
            Some(&(a, z)) if el(2) == "RD8" && z >= a + 17 && b[a + 8] == b'-' => {
                x.push(a, a + 8, Role::PersonDate, Some(format!("x12:{id}-03")), true);
                x.push(a + 9, a + 17, Role::PersonDate, Some(format!("x12:{id}-03")), true);
            }
            _ => push(3, Role::PersonDate),
        },
        // 835: the claim's statement period and the service date.
        b"DTM" if matches!(el(1), "232" | "233" | "472" | "050") => push(2, Role::PersonDate),
        _ => {}
    }
}
