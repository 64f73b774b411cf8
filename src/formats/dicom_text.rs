//! DICOM headers pasted as text, as dump tools print them:
//! `(0010,0010) PN [KIM^MINJUN]  # 10, 1 PatientName` (dcmdump, gdcmdump)
//! or `(0010, 0010) Patient's Name  PN: 'KIM^MINJUN'` (pydicom). The tag
//! gives the role; the source is `dicom:<keyword>`. Binary DICOM files are
//! read by `files::dicom`.

use super::{find_bytes, trim_value, Extracted};
use crate::labels::Role;
use crate::text::Doc;

/// Tags whose values identify the patient (or, for staff, do not).
const TAGS: &[(&str, &str, Role)] = &[
    ("0010,0010", "PatientName", Role::PatientName),
    ("0010,0020", "PatientID", Role::Mrn),
    ("0010,0030", "PatientBirthDate", Role::Dob),
    ("0010,1000", "OtherPatientIDs", Role::Mrn),
    ("0010,1001", "OtherPatientNames", Role::PatientName),
    ("0010,1005", "PatientBirthName", Role::PatientName),
    ("0010,1010", "PatientAge", Role::Age),
    ("0010,1040", "PatientAddress", Role::Address),
    ("0010,1050", "InsurancePlanIdentification", Role::MemberId),
    ("0010,1060", "PatientMotherBirthName", Role::RelativeName),
    ("0010,2154", "PatientTelephoneNumbers", Role::Phone),
    ("0010,2297", "ResponsiblePerson", Role::RelativeName),
    ("0008,0020", "StudyDate", Role::PersonDate),
    ("0008,0021", "SeriesDate", Role::PersonDate),
    ("0008,0022", "AcquisitionDate", Role::PersonDate),
    ("0008,0023", "ContentDate", Role::PersonDate),
    ("0008,0050", "AccessionNumber", Role::OtherId),
    ("0008,0090", "ReferringPhysicianName", Role::Staff),
    ("0008,1050", "PerformingPhysicianName", Role::Staff),
    ("0008,1070", "OperatorsName", Role::Staff),
    ("0020,0010", "StudyID", Role::OtherId),
];

pub(super) fn extract(doc: &Doc, x: &mut Extracted) {
    if find_bytes(doc.bytes, b"(0010,", 0, false).is_none() {
        return;
    }
    for l in 0..doc.line_starts.len() {
        let line = doc.line_text(l);
        let body = line.trim_start_matches(['+', '-', '>', ' ', '\t']);
        let Some((tag, rest)) = tag_of(body) else { continue };
        let Some(&(_, keyword, role)) = TAGS.iter().find(|t| t.0 == tag) else { continue };
        let base = doc.line_starts[l] as usize + (line.len() - rest.len());
        // `PN [value]` (the value may hold spaces and end in padding), or `PN: 'value'`.
        let span = match (rest.find('['), rest.find(": ")) {
            (Some(a), c) if c.is_none_or(|c| a < c) => rest[a + 1..].find(']').map(|b| (a + 1, a + 1 + b)),
            (_, Some(c)) => Some((c + 2, rest.find("  #").unwrap_or(rest.len()))),
            _ => None,
        };
        let Some((s, e)) = span else { continue };
        let (s, e) = trim_value(doc.text, base + s, base + e);
        x.push(s, e, role, Some(format!("dicom:{keyword}")), true);
        x.patient_record |= matches!(role, Role::PatientName | Role::Mrn | Role::Dob);
    }
}

/// `(0010,0010)` or `(0010, 0010)` at the start of `line`: the tag as
/// `0010,0010` (upper-case hex) and the text after it.
fn tag_of(line: &str) -> Option<(String, &str)> {
    let inner = line.strip_prefix('(')?;
    let close = inner.find(')').filter(|&c| c <= 10)?;
    let (group, element) = inner[..close].split_once(',')?;
    let (group, element) = (group.trim(), element.trim());
    let hex = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hex(group) && hex(element)).then(|| (format!("{},{}", group.to_ascii_uppercase(), element.to_ascii_uppercase()), &inner[close + 1..]))
}
