//! NCPDP pharmacy claims as switch logs and tickets print them: each field as
//! the standard writes it, number and id, then its value (`304-C4=19730616`,
//! `310-CA=BOŻENA`), fields apart by `|` or the standard's separators.

use super::{trim_value, Extracted};
use crate::labels::Role;
use crate::text::Doc;

/// The fields that identify the patient, by number and id (the cardholder is the
/// subscriber): 302-C2 cardholder id, 304-C4 date of birth, 310-CA / 311-CB first and last
/// name, 312-CC / 313-CD the cardholder's, 322-CM street, 323-CN city, 325-CP ZIP, 326-CQ
/// phone, 332-CY patient id, 350-HN email, 401-D1 date of service, 402-D2 prescription number.
const FIELDS: &[(&[u8; 6], Role)] = &[
    (b"302-C2", Role::MemberId),
    (b"304-C4", Role::Dob),
    (b"310-CA", Role::PatientName),
    (b"311-CB", Role::PatientName),
    (b"312-CC", Role::RelativeName),
    (b"313-CD", Role::RelativeName),
    (b"322-CM", Role::Address),
    (b"323-CN", Role::City),
    (b"325-CP", Role::Zip),
    (b"326-CQ", Role::Phone),
    (b"332-CY", Role::Mrn),
    (b"350-HN", Role::Email),
    (b"401-D1", Role::PersonDate),
    (b"402-D2", Role::OtherId),
];

/// The role of the field the token at `s..e` starts (`304` before `-C4=`).
pub(super) fn field_at(b: &[u8], s: usize, e: usize) -> Option<Role> {
    let id = b.get(s..e + 4).filter(|id| e == s + 3 && id[6] == b'=')?;
    FIELDS.iter().find(|f| id.starts_with(f.0)).map(|f| f.1)
}

pub(super) fn extract(doc: &Doc, x: &mut Extracted) {
    let b = doc.bytes;
    for t in &doc.toks {
        let (s, e) = (t.start as usize, t.end as usize);
        let Some(role) = field_at(b, s, e) else { continue };
        let vs = s + 7;
        let ve = b[vs..].iter().position(|c| matches!(c, b'|' | b'\n' | b'\r' | 0x1c..=0x1e)).map_or(b.len(), |n| vs + n);
        let (vs, ve) = trim_value(doc.text, vs, ve);
        x.push(vs, ve, role, Some(format!("ncpdp:{}", &doc.text[s..s + 6])), true);
        x.patient_record |= role.marks_patient_record();
    }
}
