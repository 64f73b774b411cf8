//! DICOM (PS3.10 files and bare PS3.5 datasets): the header attributes that
//! PS3.15's Basic Application Level Confidentiality Profile removes or
//! replaces become a record (identifiers as findings of a known kind, free
//! text as lines for the normal scan), and pixel data becomes a `photo`.
//!
//! The reader walks explicit VR (both byte orders), implicit VR and deflated
//! datasets, sequences and items of defined and undefined length (to a
//! nesting limit) and skips encapsulated pixel data fragment by fragment.
//! Private attributes are skipped. A damaged file is read up to the damage.

use super::{Budget, Inflate, Record, Sink, Step, Stop};
use crate::Kind;

/// Deepest sequence nesting read (SR content trees nest; 16 is ample).
const MAX_DEPTH: usize = 16;
const UNDEFINED: u32 = 0xFFFF_FFFF;
const ITEM: u32 = 0xFFFE_E000;
const ITEM_END: u32 = 0xFFFE_E00D;
const SEQ_END: u32 = 0xFFFE_E0DD;
const PIXEL_DATA: u32 = 0x7FE0_0010;
const CHARSET: u32 = 0x0008_0005;
const BURNED_IN: u32 = 0x0028_0301;

/// How a dataset is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Syntax {
    explicit: bool,
    big: bool,
}

const IMPLICIT_LE: Syntax = Syntax { explicit: false, big: false };
const EXPLICIT_LE: Syntax = Syntax { explicit: true, big: false };
const EXPLICIT_BE: Syntax = Syntax { explicit: true, big: true };

/// What an attribute's value is.
#[derive(Clone, Copy)]
enum Act {
    /// An identifier of this kind and score.
    Find(Kind, f32),
    /// A person name (PN): `person_name` with this score.
    Name(f32),
    /// Patient's age: `age_over_89` at 90 and over, else context.
    Age,
    /// Context or free text: a line the normal scan reads.
    Line,
}

use Act::*;

/// The attributes read: tag, keyword, VR (for implicit VR datasets), and
/// what the value is. Sorted by tag. Patient-module tags (group 0010) mark
/// the record as a patient record.
#[rustfmt::skip]
const TAGS: &[(u32, &str, &[u8; 2], Act)] = &[
    (0x0008_0018, "SOPInstanceUID", b"UI", Find(Kind::OtherId, 0.5)),
    (0x0008_0020, "StudyDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0008_0021, "SeriesDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0008_0022, "AcquisitionDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0008_0023, "ContentDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0008_002A, "AcquisitionDateTime", b"DT", Find(Kind::Date, 0.8)),
    (0x0008_0050, "AccessionNumber", b"SH", Find(Kind::AccountNumber, 0.8)),
    (0x0008_0060, "Modality", b"CS", Line),
    (0x0008_0080, "InstitutionName", b"LO", Find(Kind::OtherId, 0.6)),
    (0x0008_0081, "InstitutionAddress", b"ST", Find(Kind::StreetAddress, 0.8)),
    (0x0008_0090, "ReferringPhysicianName", b"PN", Name(0.6)),
    (0x0008_1010, "StationName", b"SH", Find(Kind::OtherId, 0.5)),
    (0x0008_1030, "StudyDescription", b"LO", Line),
    (0x0008_103E, "SeriesDescription", b"LO", Line),
    (0x0008_1040, "InstitutionalDepartmentName", b"LO", Line),
    (0x0008_1048, "PhysiciansOfRecord", b"PN", Name(0.6)),
    (0x0008_1050, "PerformingPhysicianName", b"PN", Name(0.6)),
    (0x0008_1060, "NameOfPhysiciansReadingStudy", b"PN", Name(0.6)),
    (0x0008_1070, "OperatorsName", b"PN", Name(0.6)),
    (0x0008_1080, "AdmittingDiagnosesDescription", b"LO", Line),
    (0x0010_0010, "PatientName", b"PN", Name(0.95)),
    (0x0010_0020, "PatientID", b"LO", Find(Kind::Mrn, 0.95)),
    (0x0010_0021, "IssuerOfPatientID", b"LO", Line),
    (0x0010_0030, "PatientBirthDate", b"DA", Find(Kind::Date, 0.95)),
    (0x0010_0032, "PatientBirthTime", b"TM", Line),
    (0x0010_0033, "PatientBirthDateInAlternativeCalendar", b"LO", Find(Kind::Date, 0.9)),
    (0x0010_0034, "PatientDeathDateInAlternativeCalendar", b"LO", Find(Kind::Date, 0.9)),
    (0x0010_0040, "PatientSex", b"CS", Line),
    (0x0010_1000, "OtherPatientIDs", b"LO", Find(Kind::Mrn, 0.9)),
    (0x0010_1001, "OtherPatientNames", b"PN", Name(0.9)),
    (0x0010_1005, "PatientBirthName", b"PN", Name(0.9)),
    (0x0010_1010, "PatientAge", b"AS", Age),
    (0x0010_1040, "PatientAddress", b"LO", Find(Kind::StreetAddress, 0.9)),
    (0x0010_1050, "InsurancePlanIdentification", b"LO", Find(Kind::HealthPlanId, 0.8)),
    (0x0010_1060, "PatientMotherBirthName", b"PN", Name(0.9)),
    (0x0010_1080, "MilitaryRank", b"LO", Line),
    (0x0010_1081, "BranchOfService", b"LO", Line),
    (0x0010_1090, "MedicalRecordLocator", b"LO", Find(Kind::Mrn, 0.9)),
    (0x0010_2000, "MedicalAlerts", b"LO", Line),
    (0x0010_2110, "Allergies", b"LO", Line),
    (0x0010_2150, "CountryOfResidence", b"LO", Line),
    (0x0010_2152, "RegionOfResidence", b"LO", Line),
    (0x0010_2154, "PatientTelephoneNumbers", b"SH", Find(Kind::Phone, 0.9)),
    (0x0010_2155, "PatientTelecomInformation", b"LT", Line),
    (0x0010_2160, "EthnicGroup", b"SH", Line),
    (0x0010_2180, "Occupation", b"SH", Line),
    (0x0010_21B0, "AdditionalPatientHistory", b"LT", Line),
    (0x0010_21D0, "LastMenstrualDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0010_21F0, "PatientReligiousPreference", b"LO", Line),
    (0x0010_2297, "ResponsiblePerson", b"PN", Name(0.9)),
    (0x0010_2299, "ResponsibleOrganization", b"LO", Line),
    (0x0010_4000, "PatientComments", b"LT", Line),
    (0x0018_1000, "DeviceSerialNumber", b"LO", Find(Kind::DeviceId, 0.7)),
    (0x0018_1030, "ProtocolName", b"LO", Line),
    (0x0020_000D, "StudyInstanceUID", b"UI", Find(Kind::OtherId, 0.5)),
    (0x0020_000E, "SeriesInstanceUID", b"UI", Find(Kind::OtherId, 0.5)),
    (0x0020_0010, "StudyID", b"SH", Find(Kind::OtherId, 0.6)),
    (0x0020_4000, "ImageComments", b"LT", Line),
    (0x0032_1030, "ReasonForStudy", b"LO", Line),
    (0x0032_1032, "RequestingPhysician", b"PN", Name(0.6)),
    (0x0032_1060, "RequestedProcedureDescription", b"LO", Line),
    (0x0032_4000, "StudyComments", b"LT", Line),
    (0x0038_0010, "AdmissionID", b"LO", Find(Kind::AccountNumber, 0.7)),
    (0x0038_0020, "AdmittingDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0038_0060, "ServiceEpisodeID", b"LO", Find(Kind::AccountNumber, 0.6)),
    (0x0038_0300, "CurrentPatientLocation", b"LO", Line),
    (0x0038_0400, "PatientInstitutionResidence", b"LO", Line),
    (0x0038_0500, "PatientState", b"LO", Line),
    (0x0038_4000, "VisitComments", b"LT", Line),
    (0x0040_0244, "PerformedProcedureStepStartDate", b"DA", Find(Kind::Date, 0.8)),
    (0x0040_0254, "PerformedProcedureStepDescription", b"LO", Line),
    (0x0040_1001, "RequestedProcedureID", b"SH", Find(Kind::OtherId, 0.5)),
    (0x0040_1002, "ReasonForTheRequestedProcedure", b"LO", Line),
    (0x0040_1102, "PersonAddress", b"ST", Find(Kind::StreetAddress, 0.7)),
    (0x0040_1103, "PersonTelephoneNumbers", b"LO", Find(Kind::Phone, 0.7)),
    (0x0040_1400, "RequestedProcedureComments", b"LT", Line),
    (0x0040_2016, "PlacerOrderNumberImagingServiceRequest", b"LO", Find(Kind::OtherId, 0.5)),
    (0x0040_2017, "FillerOrderNumberImagingServiceRequest", b"LO", Find(Kind::OtherId, 0.5)),
    (0x0040_2400, "ImagingServiceRequestComments", b"LT", Line),
    (0x0040_A075, "VerifyingObserverName", b"PN", Name(0.6)),
    (0x0040_A123, "PersonName", b"PN", Name(0.6)),
    (0x0040_A160, "TextValue", b"UT", Line),
    (0x0070_0084, "ContentCreatorName", b"PN", Name(0.6)),
];

fn lookup(tag: u32) -> Option<&'static (u32, &'static str, &'static [u8; 2], Act)> {
    TAGS.binary_search_by_key(&tag, |t| t.0).ok().map(|i| &TAGS[i])
}

/// VRs whose explicit length field is 4 bytes (after 2 reserved bytes).
fn long_vr(vr: &[u8; 2]) -> bool {
    matches!(vr, b"OB" | b"OD" | b"OF" | b"OL" | b"OV" | b"OW" | b"SQ" | b"SV" | b"UC" | b"UN" | b"UR" | b"UT" | b"UV")
}

/// A standard VR name.
fn known_vr(vr: &[u8]) -> bool {
    const VRS: &[&[u8; 2]] = &[
        b"AE", b"AS", b"AT", b"CS", b"DA", b"DS", b"DT", b"FD", b"FL", b"IS", b"LO", b"LT", b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"PN", b"SH", b"SL",
        b"SQ", b"SS", b"ST", b"SV", b"TM", b"UC", b"UI", b"UL", b"UN", b"UR", b"US", b"UT", b"UV",
    ];
    VRS.iter().any(|v| &v[..] == vr)
}

fn u16_at(b: &[u8], at: usize, big: bool) -> Option<u16> {
    let x: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(if big { u16::from_be_bytes(x) } else { u16::from_le_bytes(x) })
}

fn u32_at(b: &[u8], at: usize, big: bool) -> Option<u32> {
    let x: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if big { u32::from_be_bytes(x) } else { u32::from_le_bytes(x) })
}

fn tag_at(b: &[u8], at: usize, big: bool) -> Option<u32> {
    Some((u32::from(u16_at(b, at, big)?) << 16) | u32::from(u16_at(b, at + 2, big)?))
}

/// One element header: its tag, VR (`??` when implicit and unknown), value
/// length and where the value starts.
struct Head {
    tag: u32,
    vr: [u8; 2],
    len: u32,
    at: usize,
}

/// Why the walk stopped early.
enum Halt {
    Stop(Stop),
    Damaged(&'static str),
}

impl From<Stop> for Halt {
    fn from(s: Stop) -> Halt {
        Halt::Stop(s)
    }
}

const TRUNCATED: Halt = Halt::Damaged("it ends in the middle of an element");

/// Reads the element header at `at`. Items and delimiters (group FFFE)
/// have no VR in any syntax.
fn head(b: &[u8], at: usize, ts: Syntax) -> Result<Head, Halt> {
    let tag = tag_at(b, at, ts.big).ok_or(TRUNCATED)?;
    if !ts.explicit || tag >> 16 == 0xFFFE {
        let len = u32_at(b, at + 4, ts.big).ok_or(TRUNCATED)?;
        let vr = if tag >> 16 == 0xFFFE { *b"??" } else { lookup(tag).map_or(*b"??", |t| *t.2) };
        return Ok(Head { tag, vr, len, at: at + 8 });
    }
    let vr: [u8; 2] = b.get(at + 4..at + 6).ok_or(TRUNCATED)?.try_into().map_err(|_| TRUNCATED)?;
    if !vr.iter().all(u8::is_ascii_uppercase) {
        return Err(Halt::Damaged("an element has no valid value representation"));
    }
    if long_vr(&vr) {
        Ok(Head { tag, vr, len: u32_at(b, at + 8, ts.big).ok_or(TRUNCATED)?, at: at + 12 })
    } else {
        Ok(Head { tag, vr, len: u32::from(u16_at(b, at + 6, ts.big).ok_or(TRUNCATED)?), at: at + 8 })
    }
}

/// A plausible group for the first element of a dataset.
fn first_group(g: u16) -> bool {
    (2..=0x0040).contains(&g) && g % 2 == 0
}

/// The syntax a bare dataset's first element is written in, if plausible.
fn guess(b: &[u8]) -> Option<Syntax> {
    let vr_ok = b.get(4..6).is_some_and(known_vr);
    if vr_ok && u16_at(b, 0, false).is_some_and(first_group) {
        Some(EXPLICIT_LE)
    } else if vr_ok && u16_at(b, 0, true).is_some_and(first_group) {
        Some(EXPLICIT_BE)
    } else if u16_at(b, 0, false).is_some_and(first_group) {
        Some(IMPLICIT_LE)
    } else {
        None
    }
}

/// A `.dcm` without the 128-byte preamble and `DICM`: a bare dataset whose
/// first element has a low even group, a small element number and a value
/// that fits, followed by an element of a later tag.
pub(crate) fn looks_implicit(b: &[u8]) -> bool {
    if b.starts_with(b"DICM") {
        return true;
    }
    let Some(ts) = guess(b) else { return false };
    let Ok(h) = head(b, 0, ts) else { return false };
    if h.tag & 0xFFFF >= 0x0100 || h.len == UNDEFINED {
        return false;
    }
    let Some(end) = h.at.checked_add(h.len as usize).filter(|&e| e <= b.len()) else { return false };
    match tag_at(b, end, ts.big) {
        Some(next) => next > h.tag,
        None => end == b.len(),
    }
}

/// Reads a DICOM file into the sink.
pub(crate) fn extract(sink: &mut Sink<'_>, bytes: &[u8]) -> Step {
    let mut start = if bytes.get(128..132) == Some(b"DICM") {
        132
    } else if bytes.starts_with(b"DICM") {
        4
    } else {
        0
    };
    // The file meta group: explicit VR little endian, whatever follows.
    let mut syntax_uid = None;
    while u16_at(bytes, start, false) == Some(0x0002) {
        sink.budget.entry()?;
        let ts = if bytes.get(start + 4..start + 6).is_some_and(known_vr) { EXPLICIT_LE } else { IMPLICIT_LE };
        let element = head(bytes, start, ts).ok().and_then(|h| Some((h.tag, h.at, bytes.get(h.at..h.at.checked_add(h.len as usize)?)?)));
        let Some((tag, at, value)) = element else {
            sink.problem("a damaged DICOM file: its file meta information is truncated");
            return Ok(());
        };
        if tag == 0x0002_0010 {
            syntax_uid = Some(text(value, false));
        }
        start = at + value.len();
    }
    let rest = &bytes[start.min(bytes.len())..];
    let declared = match syntax_uid.as_deref() {
        Some("1.2.840.10008.1.2") => Some(IMPLICIT_LE),
        Some("1.2.840.10008.1.2.2") => Some(EXPLICIT_BE),
        Some("1.2.840.10008.1.2.1.99") => None,
        Some(_) => Some(EXPLICIT_LE),
        None => Some(guess(rest).unwrap_or(IMPLICIT_LE)),
    };
    let inflated;
    let (data, ts) = match declared {
        // Writers sometimes declare one VR encoding and use the other: the first element tells.
        Some(ts) => (rest, guess(rest).filter(|g| g.big == ts.big).unwrap_or(ts)),
        None => {
            inflated = match sink.budget.inflate_raw(rest) {
                Ok(out) => out,
                Err(Inflate::Stop(s)) => return Err(s),
                Err(Inflate::Corrupt(partial)) => {
                    sink.problem("a damaged DICOM file: its deflated dataset is corrupt or truncated");
                    partial
                }
            };
            (&inflated[..], EXPLICIT_LE)
        }
    };
    let mut walk = Walk { budget: &mut sink.budget, rec: Record::new(""), path: Vec::new(), patient: false, pixel: false, burned: false };
    let result = walk.dataset(data, 0, data.len(), ts, 0, false, false);
    let Walk { mut rec, patient, pixel, burned, .. } = walk;
    if patient {
        rec.patient_record();
    }
    sink.record(rec);
    if pixel {
        let why = "DICOM pixel data: a medical image that may show the patient or burned-in text";
        sink.photo("dicom:(7FE0,0010)", "DICOM pixel data", 0.9, &if burned { format!("{why} (BurnedInAnnotation is YES)") } else { why.into() });
    }
    match result {
        Ok(_) => Ok(()),
        Err(Halt::Stop(s)) => Err(s),
        Err(Halt::Damaged(why)) => {
            sink.problem(&format!("a damaged DICOM file: {why}; what came before was read"));
            Ok(())
        }
    }
}

/// The state of one dataset walk.
struct Walk<'b> {
    budget: &'b mut Budget,
    rec: Record,
    /// The sequences we are inside, outermost first.
    path: Vec<u32>,
    patient: bool,
    pixel: bool,
    burned: bool,
}

impl Walk<'_> {
    /// Reads elements from `pos` to `end`, or (`in_item`) to an item
    /// delimiter; returns where it stopped. `utf8` is the inherited
    /// character set, which a SpecificCharacterSet in this dataset overrides.
    #[allow(clippy::too_many_arguments)]
    fn dataset(&mut self, b: &[u8], mut pos: usize, end: usize, ts: Syntax, depth: usize, mut utf8: bool, in_item: bool) -> Result<usize, Halt> {
        while pos < end {
            let h = head(&b[..end], pos, ts)?;
            self.budget.entry()?;
            match h.tag {
                ITEM_END if in_item => return Ok(h.at),
                ITEM_END => {
                    pos = h.at;
                    continue;
                }
                ITEM | SEQ_END => return Err(Halt::Damaged("an item or delimiter is out of place")),
                _ => {}
            }
            if h.len == UNDEFINED {
                pos = if h.tag == PIXEL_DATA || matches!(&h.vr, b"OB" | b"OW") {
                    self.pixel |= h.tag == PIXEL_DATA;
                    self.fragments(b, h.at, end, ts)?
                } else {
                    // A sequence; an undefined-length UN holds implicit VR little endian.
                    let its = if &h.vr == b"UN" { IMPLICIT_LE } else { ts };
                    self.sequence(b, h.at, end, its, depth + 1, utf8, h.tag, false)?
                };
                continue;
            }
            // A value cut short by the end of the data is read as far as it goes.
            let (vend, cut) = match h.at.checked_add(h.len as usize) {
                Some(e) if e <= end => (e, false),
                _ => (end, true),
            };
            let value = &b[h.at..vend];
            let starts_item = |big| tag_at(value, 0, big) == Some(ITEM);
            if &h.vr == b"SQ" || (!ts.explicit && starts_item(ts.big)) {
                self.sequence(b, h.at, vend, ts, depth + 1, utf8, h.tag, true)?;
            } else if &h.vr == b"UN" && starts_item(false) {
                self.sequence(b, h.at, vend, IMPLICIT_LE, depth + 1, utf8, h.tag, true)?;
            } else if h.tag == CHARSET {
                utf8 = text(value, false).split('\\').any(|c| c.trim() == "ISO_IR 192");
            } else if h.tag == BURNED_IN {
                self.burned |= text(value, false) == "YES";
            } else if matches!(h.tag, PIXEL_DATA | 0x7FE0_0008 | 0x7FE0_0009) {
                self.pixel |= !value.is_empty();
            } else if let Some(&(tag, name, vr, act)) = lookup(h.tag) {
                self.leaf(tag, name, vr, act, value, utf8);
            }
            if cut {
                return Err(TRUNCATED);
            }
            pos = vend;
        }
        if in_item {
            return Err(TRUNCATED);
        }
        Ok(end)
    }

    /// Reads the items of a sequence starting at `pos`: up to `end` when its
    /// length is defined, else to its delimiter; returns where it stopped.
    #[allow(clippy::too_many_arguments)]
    fn sequence(&mut self, b: &[u8], mut pos: usize, end: usize, ts: Syntax, depth: usize, utf8: bool, tag: u32, defined: bool) -> Result<usize, Halt> {
        if depth > MAX_DEPTH {
            return Err(Halt::Damaged("sequences are nested too deep"));
        }
        self.path.push(tag);
        while !defined || pos < end {
            let tag = tag_at(&b[..end], pos, ts.big).ok_or(TRUNCATED)?;
            let len = u32_at(&b[..end], pos + 4, ts.big).ok_or(TRUNCATED)?;
            self.budget.entry()?;
            pos += 8;
            match tag {
                ITEM if len == UNDEFINED => pos = self.dataset(b, pos, end, ts, depth, utf8, true)?,
                ITEM => {
                    let iend = pos.checked_add(len as usize).filter(|&e| e <= end);
                    pos = self.dataset(b, pos, iend.unwrap_or(end), ts, depth, utf8, false)?;
                    if iend.is_none() {
                        return Err(TRUNCATED);
                    }
                }
                SEQ_END => break,
                _ => return Err(Halt::Damaged("a sequence holds something other than items")),
            }
        }
        self.path.pop();
        Ok(pos)
    }

    /// Skips encapsulated pixel data: fragments up to the sequence delimiter.
    fn fragments(&mut self, b: &[u8], mut pos: usize, end: usize, ts: Syntax) -> Result<usize, Halt> {
        loop {
            self.budget.tick()?;
            let tag = tag_at(&b[..end], pos, ts.big).ok_or(TRUNCATED)?;
            let len = u32_at(&b[..end], pos + 4, ts.big).ok_or(TRUNCATED)?;
            pos += 8;
            match tag {
                SEQ_END => return Ok(pos),
                ITEM if len != UNDEFINED => pos = pos.checked_add(len as usize).filter(|&e| e <= end).ok_or(TRUNCATED)?,
                _ => return Err(Halt::Damaged("encapsulated pixel data is malformed")),
            }
        }
    }

    /// Adds one attribute of [`TAGS`] to the record.
    fn leaf(&mut self, tag: u32, name: &str, vr: &[u8; 2], act: Act, value: &[u8], utf8: bool) {
        let value = text(value, utf8);
        if value.is_empty() {
            return;
        }
        self.patient |= tag >> 16 == 0x0010;
        let tags: Vec<String> = self.path.iter().chain([&tag]).map(|t| format!("({:04X},{:04X})", t >> 16, t & 0xFFFF)).collect();
        let source = format!("dicom:{}", tags.join(">"));
        let why = format!("DICOM {name} (PS3.15 profile)");
        // Text VRs hold one value; the others may hold several, split by backslashes.
        let values: Vec<&str> = if matches!(vr, b"LT" | b"ST" | b"UT") { vec![&value] } else { value.split('\\').map(str::trim).collect() };
        for v in values.into_iter().filter(|v| !v.is_empty()) {
            match act {
                Find(kind, score) => self.rec.finding(name, v, kind, score, &why, &source),
                Name(score) => {
                    let v = person(v);
                    if !v.is_empty() {
                        self.rec.finding(name, &v, Kind::PersonName, score, &why, &source);
                    }
                }
                Age if age(v).is_some_and(|years| years >= 90) => self.rec.finding(name, v, Kind::AgeOver89, 0.9, &why, &source),
                Age | Line => self.rec.line(&format!("{name}: {v}")),
            }
        }
    }
}

/// A string value: UTF-8 when declared (ISO_IR 192) or when it is valid
/// UTF-8, else Latin-1 (the default repertoire and ISO_IR 100); padding
/// (spaces, NULs) trimmed, control characters (ISO 2022 escapes) blanked.
fn text(v: &[u8], utf8: bool) -> String {
    let s = match std::str::from_utf8(v) {
        Ok(s) => s.to_string(),
        Err(_) if utf8 => String::from_utf8_lossy(v).into_owned(),
        Err(_) => v.iter().map(|&c| char::from(c)).collect(),
    };
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect()
}

/// A PN value (`Family^Given^Middle^Prefix^Suffix`, `=` between the
/// alphabetic, ideographic and phonetic groups) as `Prefix Given Middle
/// Family Suffix`, groups joined by ` = `.
fn person(v: &str) -> String {
    let groups = v.split('=').map(|g| {
        let c: Vec<&str> = g.split('^').map(str::trim).collect();
        let part = |i: usize| c.get(i).copied().unwrap_or("");
        [part(3), part(1), part(2), part(0), part(4)].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
    });
    groups.filter(|g| !g.is_empty()).collect::<Vec<_>>().join(" = ")
}

/// Years in an AS value (`092Y`); none for days, weeks or months.
fn age(v: &str) -> Option<u32> {
    v.strip_suffix('Y')?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Policy, Scanner, Verdict};

    use crate::files::build::{damaged, dicom_file as file, Ds};

    fn ds(ts: Syntax) -> Ds {
        Ds::new(ts.explicit, ts.big)
    }

    fn scan_with(policy: Policy, bytes: &[u8]) -> crate::Report {
        let scan = Scanner::new(policy).unwrap().scan_file("a.dcm", bytes);
        assert_eq!(scan.format, "dicom");
        scan.report
    }

    fn scan(bytes: &[u8]) -> crate::Report {
        scan_with(Policy::default(), bytes)
    }

    fn has(r: &crate::Report, kind: Kind, source: &str) -> bool {
        r.findings.iter().any(|f| f.kind == kind && f.source.as_deref() == Some(source))
    }

    fn assert_patient(r: &crate::Report) {
        assert!(matches!(r.verdict, Verdict::Warn | Verdict::Block), "{r:?}");
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        for (kind, source) in [
            (Kind::PersonName, "dicom:(0010,0010)"),
            (Kind::Mrn, "dicom:(0010,0020)"),
            (Kind::Date, "dicom:(0010,0030)"),
            (Kind::StreetAddress, "dicom:(0010,1040)"),
            (Kind::AgeOver89, "dicom:(0010,1010)"),
            (Kind::Photo, "dicom:(7FE0,0010)"),
        ] {
            assert!(has(r, kind, source), "no {kind} at {source}: {:?}", r.findings);
        }
        let photo = r.findings.iter().find(|f| f.kind == Kind::Photo).unwrap();
        assert!(photo.reason.contains("BurnedInAnnotation"));
    }

    #[test]
    fn explicit_little_endian_with_preamble() {
        let bytes = file("1.2.840.10008.1.2.1", &ds(EXPLICIT_LE).patient().out);
        let r = scan(&bytes);
        assert_patient(&r);
        let name = r.findings.iter().find(|f| f.kind == Kind::PersonName).unwrap();
        assert_eq!(name.score, 0.95);
    }

    #[test]
    fn implicit_little_endian() {
        assert_patient(&scan(&file("1.2.840.10008.1.2", &ds(IMPLICIT_LE).patient().out)));
    }

    #[test]
    fn explicit_big_endian() {
        assert_patient(&scan(&file("1.2.840.10008.1.2.2", &ds(EXPLICIT_BE).patient().out)));
    }

    #[test]
    fn deflated_dataset() {
        let packed = miniz_oxide::deflate::compress_to_vec(&ds(EXPLICIT_LE).patient().out, 6);
        assert_patient(&scan(&file("1.2.840.10008.1.2.1.99", &packed)));
    }

    #[test]
    fn raw_datasets_without_preamble() {
        for ts in [IMPLICIT_LE, EXPLICIT_LE, EXPLICIT_BE] {
            let raw = ds(ts).patient().out.clone();
            assert!(looks_implicit(&raw), "{ts:?}");
            assert_patient(&scan(&raw));
        }
        assert!(!looks_implicit(b"Patient Maria Gonzalez"));
        assert!(!looks_implicit(b"\x08\x00\x05\x00\xff\xff\x00\x00"));
        assert!(!looks_implicit(b""));
    }

    #[test]
    fn sequences_of_undefined_length_are_read() {
        for ts in [EXPLICIT_LE, IMPLICIT_LE] {
            let mut d = ds(ts);
            d.el(0x0008_0060, b"CS", b"MR").head(0x0010_1002, b"SQ", UNDEFINED).head(ITEM, b"??", UNDEFINED);
            d.el(0x0010_0020, b"LO", b"A-77123").el(0x0010_0021, b"LO", b"HOSP").head(ITEM_END, b"??", 0).head(SEQ_END, b"??", 0);
            // A defined-length sequence (item of defined length) holding a patient name.
            let mut item = ds(ts);
            item.el(0x0010_0010, b"PN", b"GONZALEZ^MARIA");
            d.head(0x0040_0275, b"SQ", item.out.len() as u32 + 8).head(ITEM, b"??", item.out.len() as u32);
            d.out.extend(&item.out);
            d.el(0x0020_4000, b"LT", b"Follow-up");
            let r = scan(&file(if ts.explicit { "1.2.840.10008.1.2.1" } else { "1.2.840.10008.1.2" }, &d.out));
            assert!(r.notes.is_empty(), "{:?}", r.notes);
            assert!(has(&r, Kind::Mrn, "dicom:(0010,1002)>(0010,0020)"), "{:?}", r.findings);
            assert!(has(&r, Kind::PersonName, "dicom:(0040,0275)>(0010,0010)"), "{:?}", r.findings);
            assert!(!r.findings.iter().any(|f| f.kind == Kind::Photo));
        }
    }

    #[test]
    fn encapsulated_pixel_data_is_skipped() {
        let mut d = ds(EXPLICIT_LE);
        d.el(0x0010_0010, b"PN", b"GONZALEZ^MARIA").head(PIXEL_DATA, b"OB", UNDEFINED).head(ITEM, b"??", 0);
        d.head(ITEM, b"??", 8).out.extend(b"\xFE\xFF\xDD\xE0\0\0\0\0");
        d.head(SEQ_END, b"??", 0).el(0xFFFC_FFFC, b"OB", &[0; 4]);
        let r = scan(&file("1.2.840.10008.1.2.4.50", &d.out));
        assert!(r.notes.is_empty(), "{:?}", r.notes);
        assert!(has(&r, Kind::Photo, "dicom:(7FE0,0010)") && has(&r, Kind::PersonName, "dicom:(0010,0010)"));
    }

    #[test]
    fn names_dates_and_charsets() {
        assert_eq!(person("GONZALEZ^MARIA^L^Dr.^Jr"), "Dr. MARIA L GONZALEZ Jr");
        assert_eq!(person("Yamada^Tarou=山田^太郎"), "Tarou Yamada = 太郎 山田");
        assert_eq!(person("=^"), "");
        assert_eq!(age("092Y"), Some(92));
        assert_eq!(age("045M"), None);
        assert_eq!(text(b"M\xfcller \0", false), "Müller");
        assert_eq!(text("Müller".as_bytes(), true), "Müller");
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0), "TAGS must be sorted");
    }

    #[test]
    fn young_age_and_staff_names() {
        let mut d = ds(EXPLICIT_LE);
        d.el(0x0008_0090, b"PN", b"WELBY^MARCUS").el(0x0010_1010, b"AS", b"045Y");
        let r = scan(&file("1.2.840.10008.1.2.1", &d.out));
        assert!(!r.findings.iter().any(|f| f.kind == Kind::AgeOver89));
        let staff = r.findings.iter().find(|f| f.source.as_deref() == Some("dicom:(0008,0090)")).unwrap();
        assert_eq!((staff.kind, staff.score), (Kind::PersonName, 0.6));
    }

    #[test]
    fn no_phi_tags_no_pixels_is_allowed() {
        let mut d = ds(EXPLICIT_LE);
        d.el(0x0008_0016, b"UI", b"1.2.840.10008.5.1.4.1.1.481.3").el(0x0008_0060, b"CS", b"RTSTRUCT");
        d.head(0x3006_0020, b"SQ", UNDEFINED).head(ITEM, b"??", UNDEFINED);
        d.el(0x3006_0022, b"IS", b"1").el(0x3006_0026, b"LO", b"PTV").head(ITEM_END, b"??", 0).head(SEQ_END, b"??", 0);
        let r = scan(&file("1.2.840.10008.1.2.1", &d.out));
        assert_eq!(r.verdict, Verdict::Allow, "{r:?}");
        assert!(r.findings.is_empty() && r.notes.is_empty(), "{r:?}");
    }

    #[test]
    fn damage_keeps_what_was_read() {
        let bytes = file("1.2.840.10008.1.2.1", &ds(EXPLICIT_LE).patient().out);
        let r = scan(&bytes[..bytes.len() - 6]);
        assert!(has(&r, Kind::PersonName, "dicom:(0010,0010)"), "{:?}", r.findings);
        assert!(r.notes.iter().any(|n| n.contains("a damaged DICOM file")), "{:?}", r.notes);
        assert_eq!(r.verdict, Verdict::Warn);
    }

    #[test]
    fn the_element_limit_stops_the_file() {
        let mut p = Policy::default();
        p.files.max_entries = 3;
        let r = scan_with(p, &file("1.2.840.10008.1.2.1", &ds(EXPLICIT_LE).patient().out));
        assert!(r.notes.iter().any(|n| n.contains("max_entries")), "{:?}", r.notes);
    }

    #[test]
    fn truncations_and_flips_never_panic() {
        let mut d = ds(EXPLICIT_LE);
        d.patient().head(0x0010_1002, b"SQ", UNDEFINED).head(ITEM, b"??", UNDEFINED).el(0x0010_0020, b"LO", b"X1");
        d.head(ITEM_END, b"??", 0).head(SEQ_END, b"??", 0);
        let inputs = [
            file("1.2.840.10008.1.2.1", &d.out),
            file("1.2.840.10008.1.2", &ds(IMPLICIT_LE).patient().out),
            file("1.2.840.10008.1.2.2", &ds(EXPLICIT_BE).patient().out),
            file("1.2.840.10008.1.2.1.99", &miniz_oxide::deflate::compress_to_vec(&d.out, 6)),
        ];
        let s = Scanner::new(Policy::default()).unwrap();
        damaged(&inputs, 1, 0, 1000, |b| {
            s.scan_file("a.dcm", b);
        });
    }
}
