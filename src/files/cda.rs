//! HL7 v3 XML: C-CDA documents (and v3 messages). The patient's and
//! relatives' identifiers are read by structure: `id`, `name`, `birthTime`,
//! `addr` and `telecom` under `recordTarget`/`patient`, `guardian` and
//! `participant`, each with a `source` such as
//! `cda:recordTarget/patientRole/patient/name`. Authors, performers,
//! custodians and provider organisations are staff and are skipped. The
//! narrative of every section is scanned as prose in a patient record.

use super::xml::{self, Event};
use super::{Record, Sink};
use crate::labels::Role;
use crate::Kind;

/// An HL7 v3 document: the v3 namespace or a `ClinicalDocument` root.
pub(crate) fn looks_like(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(4096)];
    text.trim_start_matches('\u{feff}').trim_start().starts_with('<')
        && [&b"urn:hl7-org:v3"[..], b"<ClinicalDocument"].iter().any(|n| head.windows(n.len()).any(|w| w == *n))
}

/// Elements that start a person whose identifiers are PHI; the relatives' among them.
const PERSON: &[&str] = &["recordTarget", "patientRole", "patient", "subject", "guardian", "participant", "informant", "relatedEntity", "relatedSubject"];
const RELATIVE: &[&str] = &["guardian", "participant", "informant", "relatedEntity", "relatedSubject"];
/// Elements about staff and organisations: nothing under them is patient data.
const STAFF: &[&str] = &[
    "author",
    "custodian",
    "legalAuthenticator",
    "authenticator",
    "dataEnterer",
    "performer",
    "providerOrganization",
    "assignedEntity",
    "assignedAuthor",
    "representedOrganization",
    "informationRecipient",
    "encompassingEncounter",
    "documentationOf",
    "scopingOrganization",
    "place",
];
/// Narrative blocks that end a line.
const BLOCK: &[&str] = &["paragraph", "td", "th", "tr", "item", "title", "caption", "br", "section", "text", "content"];

/// OID of US Social Security numbers.
const SSN_ROOT: &str = "2.16.840.1.113883.4.1";

pub(crate) fn extract(sink: &mut Sink<'_>, text: &str) {
    sink.set_format("cda");
    let mut rec = Record::new("");
    rec.patient_record();
    let mut stack: Vec<&str> = Vec::new();
    // Text being gathered for the element that ends it: a name's parts, an address line.
    let mut value = String::new();
    let mut name_parts = String::new();
    let mut narrative = String::new();
    let mut events = xml::Reader::new(text);
    for ev in events.by_ref() {
        match ev {
            Event::Start { name, attrs, empty } => {
                let local = xml::local(name);
                if !empty {
                    stack.push(local);
                }
                let person = scope(&stack, local, empty);
                if person.is_some() && !empty && ["given", "family", "prefix", "suffix"].contains(&local) || local == "streetAddressLine" || local == "city" || local == "postalCode" {
                    value.clear();
                }
                if let Some(relative) = person {
                    let source = source(&stack, local, empty);
                    match local {
                        "id" if !relative => {
                            if let Some(ext) = xml::attr(attrs, "extension") {
                                let ssn = xml::attr(attrs, "root").is_some_and(|r| r == SSN_ROOT);
                                let (kind, why) = if ssn { (Kind::Ssn, "C-CDA patient id with the SSN root") } else { (Kind::Mrn, "C-CDA patient id") };
                                rec.finding("id", &ext, kind, 0.9, why, &source);
                            }
                        }
                        "birthTime" => {
                            if let Some(v) = xml::attr(attrs, "value") {
                                rec.field("birthTime", &v, Role::Dob, &source);
                            }
                        }
                        "telecom" => {
                            if let Some(v) = xml::attr(attrs, "value") {
                                telecom(&mut rec, &v, &source);
                            }
                        }
                        _ => {}
                    }
                }
                if BLOCK.contains(&local) && !narrative.ends_with('\n') {
                    narrative.push('\n');
                }
            }
            Event::End { name } => {
                let local = xml::local(name);
                let person = scope(&stack, local, false);
                if let Some(relative) = person {
                    let source = source(&stack, local, false);
                    match local {
                        "given" | "family" => {
                            name_parts.push_str(value.trim());
                            name_parts.push(' ');
                        }
                        "name" if !name_parts.trim().is_empty() => {
                            let why = if relative { "C-CDA relative's or guardian's name" } else { "C-CDA patient name" };
                            rec.finding("name", &name_parts, Kind::PersonName, 0.95, why, &source);
                            name_parts.clear();
                        }
                        "streetAddressLine" | "city" => rec.finding(local, &value, Kind::StreetAddress, 0.85, "C-CDA patient address", &source),
                        "postalCode" => rec.finding(local, &value, Kind::ZipCode, 0.85, "C-CDA patient address", &source),
                        _ => {}
                    }
                }
                if local == "name" {
                    name_parts.clear();
                }
                if BLOCK.contains(&local) && !narrative.ends_with('\n') {
                    narrative.push('\n');
                }
                // Close the nearest matching element (tolerates unclosed ones).
                if let Some(i) = stack.iter().rposition(|s| *s == local) {
                    stack.truncate(i);
                }
            }
            Event::Text(t) => {
                if stack.iter().any(|s| STAFF.contains(s)) {
                    continue;
                }
                if scope(&stack, "", false).is_some() {
                    value.push_str(&t);
                } else if stack.contains(&"section") {
                    let t = t.trim();
                    if !t.is_empty() {
                        if !narrative.is_empty() && !narrative.ends_with(['\n', ' ']) {
                            narrative.push(' ');
                        }
                        narrative.push_str(t);
                    }
                }
            }
        }
    }
    if events.position() < text.trim_end().len() {
        sink.problem("damaged XML: the document ends early");
    }
    for line in narrative.lines().filter(|l| !l.trim().is_empty()) {
        rec.line(line);
    }
    sink.record(rec);
}

/// Whether the element on top of `stack` (or `local`, when it is empty
/// and so never pushed) is inside a person's data: `Some(is_relative)`.
fn scope(stack: &[&str], local: &str, empty: bool) -> Option<bool> {
    let all = stack.iter().copied().chain(empty.then_some(local));
    let mut person = None;
    for s in all {
        if STAFF.contains(&s) {
            return None;
        }
        if PERSON.contains(&s) {
            person = Some(person.unwrap_or(false) || RELATIVE.contains(&s));
        }
    }
    person
}

/// `cda:` and the path from the outermost person element.
fn source(stack: &[&str], local: &str, empty: bool) -> String {
    let from = stack.iter().position(|s| PERSON.contains(s)).unwrap_or(0);
    let mut path: Vec<&str> = stack[from..].to_vec();
    if empty {
        path.push(local);
    }
    format!("cda:{}", path.join("/"))
}

/// A `telecom` URL: `tel:`/`fax:` numbers, `mailto:` addresses, web links.
fn telecom(rec: &mut Record, v: &str, source: &str) {
    let (scheme, rest) = v.split_once(':').unwrap_or(("", v));
    let (kind, score) = match scheme.to_ascii_lowercase().as_str() {
        "tel" | "fax" => (Kind::Phone, 0.9),
        "mailto" => (Kind::Email, 0.9),
        "http" | "https" => return rec.finding("telecom", v, Kind::Url, 0.6, "C-CDA patient web address", source),
        _ => return,
    };
    rec.finding("telecom", rest, kind, score, "C-CDA patient telecom", source);
}

#[cfg(test)]
mod tests {
    use crate::files::build::CCDA;
    use crate::{Kind, Policy, Scanner, Verdict};



    #[test]
    fn patient_and_relatives_by_structure_staff_skipped() {
        let scan = Scanner::new(Policy::default()).unwrap().scan_file("ccd.xml", CCDA.as_bytes());
        assert_eq!(scan.format, "cda");
        let r = &scan.report;
        assert_eq!(r.verdict, Verdict::Block, "{r:?}");
        let got: Vec<(Kind, &str, &str)> = r.findings.iter().map(|f| (f.kind, &scan.text[f.start..f.end], f.source.as_deref().unwrap_or(""))).collect();
        for want in [
            (Kind::Mrn, "00412345", "cda:recordTarget/patientRole/id"),
            (Kind::Ssn, "536-22-8471", "cda:recordTarget/patientRole/id"),
            (Kind::StreetAddress, "1357 Amber Drive", "cda:recordTarget/patientRole/addr/streetAddressLine"),
            (Kind::ZipCode, "97867", "cda:recordTarget/patientRole/addr/postalCode"),
            (Kind::Phone, "+1(503)555-2003", "cda:recordTarget/patientRole/telecom"),
            (Kind::PersonName, "Maria Elena Gonzalez", "cda:recordTarget/patientRole/patient/name"),
            (Kind::Date, "19620314", "cda:recordTarget/patientRole/patient/birthTime"),
            (Kind::PersonName, "Anh Nguyen", "cda:recordTarget/patientRole/patient/guardian/guardianPerson/name"),
        ] {
            assert!(got.contains(&want), "missing {want:?} in {got:?}");
        }
        assert!(!scan.text.contains("Henry") && !scan.text.contains("555-5000"), "staff data is not scanned");
        assert!(scan.text.contains("Type 2 diabetes mellitus, on metformin."));
    }

    #[test]
    fn truncated_documents_keep_what_was_read() {
        let cut = &CCDA[..CCDA.find("<birthTime").unwrap() + 5];
        let r = Scanner::new(Policy::default()).unwrap().scan_file("ccd.xml", cut.as_bytes()).report;
        assert!(r.findings.iter().any(|f| f.kind == Kind::Mrn));
        assert!(r.notes.iter().any(|n| n.contains("damaged XML")), "{:?}", r.notes);
        assert_eq!(r.verdict, Verdict::Block);
    }
}
