//! A C-CDA `recordTarget` pasted as text (a CCD snippet in a ticket): the
//! patient's and guardian's names, address, telecom, birth time and ids, read
//! by element as the attachment reader does for whole documents
//! (`files::cda`), with a `cda:` source.

use super::{trim_value, Extracted};
use crate::labels::Role;
use crate::text::Doc;

/// Reads every `<recordTarget>` element of the text.
pub(super) fn extract(doc: &Doc, x: &mut Extracted) {
    let text = doc.text;
    let mut from = 0;
    while let Some(open) = text[from..].find("<recordTarget").map(|k| from + k) {
        let end = text[open..].find("</recordTarget>").map_or(text.len(), |k| open + k);
        record_target(text, open, end, x);
        x.patient_record = true;
        from = end.max(open + 1);
    }
}

fn record_target(text: &str, from: usize, to: usize, x: &mut Extracted) {
    // Open elements; whether one of them is a relative's (`guardian`, `relatedEntity`, ...).
    let mut open: Vec<&str> = Vec::new();
    let mut i = from;
    while let Some(lt) = text[i..to].find('<').map(|k| i + k) {
        let Some(gt) = text[lt..to].find('>').map(|k| lt + k) else { break };
        i = gt + 1;
        let tag = &text[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            if let Some(k) = open.iter().rposition(|n| *n == name.trim()) {
                open.truncate(k);
            }
            continue;
        }
        let name = &tag[..tag.find([' ', '/', '\t', '\n']).unwrap_or(tag.len())];
        let relative = super::innermost(&open).iter().any(|n| matches!(*n, "guardian" | "relatedEntity" | "relatedSubject" | "participant" | "informant"));
        let attr = |a: &str| {
            let k = tag.find(&format!(" {a}=\""))? + a.len() + 3;
            let e = tag[k..].find('"')? + k;
            Some((lt + 1 + k, lt + 1 + e))
        };
        let mut push = |(s, e): (usize, usize), role: Role| {
            let (s, e) = trim_value(text, s, e);
            x.push(s, e, role, Some(format!("cda:{name}")), true);
        };
        match name {
            "birthTime" => attr("value").into_iter().for_each(|v| push(v, Role::Dob)),
            "telecom" => {
                if let Some((s, e)) = attr("value") {
                    let v = &text[s..e];
                    let scheme = v.find(':').filter(|&c| c <= 6).map_or(0, |c| c + 1);
                    push((s + scheme, e), if v.starts_with("mailto:") { Role::Email } else { Role::Phone });
                }
            }
            // The SSN's OID, or the provider's record number.
            "id" if !relative => {
                if let Some(v) = attr("extension") {
                    let ssn = tag.contains("\"2.16.840.1.113883.4.1\"");
                    push(v, if ssn { Role::Ssn } else { Role::Mrn });
                }
            }
            _ if tag.ends_with('/') => {}
            _ => {
                let role = match name {
                    "given" | "family" if relative => Some(Role::RelativeName),
                    "given" | "family" => Some(Role::PatientName),
                    "streetAddressLine" => Some(Role::Address),
                    "city" => Some(Role::City),
                    "postalCode" => Some(Role::Zip),
                    _ => None,
                };
                let close = text[i..to].find('<').map_or(to, |k| i + k);
                if let Some(role) = role.filter(|_| close > i) {
                    push((i, close), role);
                }
                open.push(name);
            }
        }
    }
}
