//! Elements of any XML pasted as text (a SOAP interface's payload, an export's
//! records): `<MRN>132-34-56</MRN>`, `<Patient><Name>NWOSU^YETUNDE</Name>`. An
//! element that holds text alone is a field named by its tag, with its parent's
//! tag as the owner (`Patient` + `Name`), as JSON keys are; a bare `<name>` says
//! too little (a build file's project). The source is `xml:<tag>`. Markup with
//! its own reader (FHIR's `value=` attributes, CDA, v2.xml) adds little here:
//! its elements hold attributes or children.

use super::{trim_value, Extracted};
use crate::labels::{field_role, Role};
use crate::text::Doc;

pub(super) fn extract<'t>(doc: &Doc<'t>, x: &mut Extracted) {
    let (text, b) = (doc.text, doc.bytes);
    // Open elements, innermost last.
    let mut open: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|k| i + k) {
        // A tag is short and on one line.
        let Some(gt) = b[lt + 1..b.len().min(lt + 128)].iter().position(|&c| c == b'>' || c == b'<' || c == b'\n').map(|k| lt + 1 + k).filter(|&g| b[g] == b'>') else {
            i = lt + 1;
            continue;
        };
        i = gt + 1;
        let tag = &text[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            let inner = super::innermost(&open).len();
            if let Some(k) = super::innermost(&open).iter().rposition(|n| *n == name.trim_end()) {
                open.truncate(open.len() - inner + k);
            }
            continue;
        }
        let name = &tag[..tag.find([' ', '\t', '\r']).unwrap_or(tag.len())];
        if name.is_empty() || tag.ends_with('/') || !name.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':' | b'.')) {
            continue;
        }
        // Text alone up to the element's own closing tag.
        let value_end = b[i..].iter().position(|&c| c == b'<').map_or(b.len(), |k| i + k);
        let closes = b[value_end..].starts_with(b"</") && b[value_end + 2..].starts_with(name.as_bytes()) && b.get(value_end + 2 + name.len()) == Some(&b'>');
        if closes {
            // (Without a namespace's prefix: `ns2:MRN`.)
            let local = |n: &'t str| n.rsplit(':').next().unwrap_or(n);
            let tag = local(name);
            // (A tag that names nothing alone, `<Sex>`, is not its owner's name.)
            let own = field_role(tag);
            let role = open.last().filter(|_| own.is_some()).and_then(|p| field_role(&format!("{} {tag}", local(p)))).filter(|r| *r != Role::Note).or(own.filter(|r| *r != Role::Name));
            if let Some(role) = role.filter(|r| r.is_personal()) {
                let (s, e) = trim_value(text, i, value_end);
                if e > s && e - s <= 200 {
                    x.push(s, e, role, Some(format!("xml:{tag}")), true);
                    x.patient_record |= role.marks_patient_record();
                }
            }
        }
        open.push(name);
    }
}
