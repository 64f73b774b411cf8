//! DICOM headers pasted as text, as dump tools print them:
//! `(0010,0010) PN [KIM^MINJUN]  # 10, 1 PatientName` (dcmdump, gdcmdump)
//! or `(0010, 0010) Patient's Name  PN: 'KIM^MINJUN'` (pydicom). The tag
//! gives the role; the source is `dicom:<keyword>`. Binary DICOM files are
//! read by `files::dicom`.

use super::{trim_value, Extracted};
use crate::labels::Role;
use crate::text::Doc;

/// Tags whose values identify the patient (or, for staff, do not).
const TAGS: &[(&str, &str, &str, Role)] = &[
    ("0010", "0010", "dicom:PatientName", Role::PatientName),
    ("0010", "0020", "dicom:PatientID", Role::Mrn),
    ("0010", "0030", "dicom:PatientBirthDate", Role::Dob),
    ("0010", "1000", "dicom:OtherPatientIDs", Role::Mrn),
    ("0010", "1001", "dicom:OtherPatientNames", Role::PatientName),
    ("0010", "1005", "dicom:PatientBirthName", Role::PatientName),
    ("0010", "1010", "dicom:PatientAge", Role::Age),
    ("0010", "1040", "dicom:PatientAddress", Role::Address),
    ("0010", "1050", "dicom:InsurancePlanIdentification", Role::MemberId),
    ("0010", "1060", "dicom:PatientMotherBirthName", Role::RelativeName),
    ("0010", "2154", "dicom:PatientTelephoneNumbers", Role::Phone),
    ("0010", "2297", "dicom:ResponsiblePerson", Role::RelativeName),
    ("0008", "0020", "dicom:StudyDate", Role::PersonDate),
    ("0008", "0021", "dicom:SeriesDate", Role::PersonDate),
    ("0008", "0022", "dicom:AcquisitionDate", Role::PersonDate),
    ("0008", "0023", "dicom:ContentDate", Role::PersonDate),
    ("0008", "0050", "dicom:AccessionNumber", Role::OtherId),
    ("0008", "0090", "dicom:ReferringPhysicianName", Role::Staff),
    ("0008", "1050", "dicom:PerformingPhysicianName", Role::Staff),
    ("0008", "1070", "dicom:OperatorsName", Role::Staff),
    ("0020", "0010", "dicom:StudyID", Role::OtherId),
    ("0040", "0002", "dicom:ScheduledProcedureStepStartDate", Role::PersonDate),
    ("0040", "0244", "dicom:PerformedProcedureStepStartDate", Role::PersonDate),
    ("0038", "0010", "dicom:AdmissionID", Role::Account),
];

pub(super) fn extract(doc: &Doc, x: &mut Extracted) {
    if x.probes & super::probe::DICOM == 0 {
        return;
    }
    // A header whose patient's name is a placeholder (`PN [ANONYMOUS]`, empty, a phantom's) has
    // been de-identified: its other values are the tool's output, a test patient's span.
    // (A header: tag lines and `#` comments, from its first tag to a line of neither.)
    let (mut header, mut anonymous) = (None, false);
    for l in 0..=doc.line_starts.len() {
        let line = if l < doc.line_starts.len() { doc.line_text(l) } else { "" };
        // After diff markers, indentation and a DCMTK log level ("I: (0010,0010) PN [...]").
        let body = line.trim_start_matches(['+', '-', '>', ' ', '\t']);
        let body = ["I: ", "W: ", "D: ", "E: ", "|"].iter().find_map(|p| body.strip_prefix(p)).unwrap_or(body).trim_start();
        let tag = tag_of(body);
        if let Some((start, end)) = header.filter(|_| tag.is_none() && !body.starts_with('#')) {
            if anonymous {
                x.push(start, end, Role::Tech, Some(super::TEST_PATIENT.into()), true);
            }
            (header, anonymous) = (None, false);
        }
        let Some((group, element, rest)) = tag else { continue };
        let line_start = doc.line_starts[l] as usize;
        header = Some((header.map_or(line_start, |h: (usize, usize)| h.0), line_start + line.len()));
        let Some(&(_, _, source, role)) = TAGS.iter().find(|t| t.0.eq_ignore_ascii_case(group) && t.1.eq_ignore_ascii_case(element)) else { continue };
        let base = doc.line_starts[l] as usize + (line.len() - rest.len());
        x.patient_record |= matches!(role, Role::PatientName | Role::Mrn | Role::Dob);
        // A table row keyed by the tag, "|(0010,0020)|MRN-54125595|4196720|": every cell is a value.
        if rest.starts_with('|') {
            let mut at = 0;
            for cell in rest.split('|') {
                let (s, e) = trim_value(doc.text, base + at, base + at + cell.len());
                x.push(s, e, role, Some(source.to_string()), true);
                at += cell.len() + 1;
            }
            continue;
        }
        // `PN [value]` (the value may hold spaces and end in padding), or `PN: 'value'`.
        let span = match (rest.find('['), rest.find(": ")) {
            (Some(a), c) if c.is_none_or(|c| a < c) => rest[a + 1..].find(']').map(|b| (a + 1, a + 1 + b)),
            (_, Some(c)) => Some((c + 2, rest.find("  #").unwrap_or(rest.len()))),
            _ => None,
        };
        let Some((s, e)) = span else { continue };
        let (s, e) = trim_value(doc.text, base + s, base + e);
        let v = doc.text[s..e].trim_matches(['^', ' ']);
        anonymous |= role == Role::PatientName && (v.is_empty() || crate::scan::placeholder(v));
        x.push(s, e, role, Some(source.to_string()), true);
    }
}

/// `(0010,0010)` or `(0010, 0010)` at the start of `line`: group, element
/// and the text after the tag.
fn tag_of(line: &str) -> Option<(&str, &str, &str)> {
    let inner = line.strip_prefix('(')?;
    let close = inner.find(')').filter(|&c| c <= 10)?;
    let (group, element) = inner[..close].split_once(',')?;
    Some((group.trim(), element.trim(), &inner[close + 1..]))
}
