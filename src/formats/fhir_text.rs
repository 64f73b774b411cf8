//! FHIR outside JSON: a Patient as YAML (`resourceType: Patient`, fixtures
//! and docs), and any resource as XML (`<Patient xmlns="http://hl7.org/fhir">`). Paths map
//! to roles as in FHIR JSON ([`super::json::fhir_role`]).

use super::{find_bytes, json::fhir_role, trim_value, Extracted};
use crate::labels::Role;
use crate::text::Doc;

/// `patient`: where the words starting "Patient" are.
pub(super) fn extract(doc: &Doc, x: &mut Extracted, patient: &[usize]) {
    let text = doc.text;
    let (mut referred, mut yaml) = (false, false);
    for &p in patient {
        let (before, after) = (&text[..p], &text[p + 7..]);
        // `curl $PROD/Patient/0319836705`, `"resource": "Patient/304208"`: a reference to one
        // patient's record (not `Patient/{id}`, `Patient/example`, `Patient/tst-1`).
        if let Some(r) = after.strip_prefix('/') {
            let (mut len, mut digits) = (0, 0);
            for c in r.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-') {
                len += 1;
                digits += usize::from(c.is_ascii_digit());
            }
            // (Nor a UUID in a URL's path, `…/fhir/r4/Patient/0a90a174-0305-…/$everything` in an
            // API's notes: a server's key; a resource's `reference: 'Patient/<uuid>'` is a patient's.)
            let uuid = len == 36 && r.as_bytes()[8] == b'-' && r.as_bytes()[13] == b'-' && before.ends_with('/');
            if (digits >= 5 || len >= 6 && digits >= 4) && !uuid && !crate::scan::placeholder(&r[..len]) {
                x.patient_record = true;
            }
            referred = true;
            continue;
        }
        yaml = before.ends_with("resourceType: ") || (before.ends_with("resourceType: \"") && after.starts_with('"')) || (before.ends_with("resourceType: '") && after.starts_with('\''));
        if yaml {
            // (The specification's example patient, `id: 'example'`, is no one: a test's fixture.)
            if example_patient(text, p, x) {
                return;
            }
            // (A JavaScript object, `resourceType: 'Patient',`, may be a mapper's output built
            // from expressions: its fields, not its type, say whether it holds a patient.)
            x.patient_record |= !after.starts_with("',");
            break;
        }
        if before.ends_with('<') && (after.starts_with(" xmlns") || after.starts_with('>')) {
            x.patient_record = true;
            xml(text, p - 1, x, None);
            return;
        }
    }
    // A Patient as YAML, or another resource that refers to a patient as YAML or a JavaScript
    // object (`resourceType: Encounter`, `resourceType: 'RelatedPerson',`, the key without
    // quotes): its paths as in YAML.
    let b = text.as_bytes();
    if yaml || referred && text.match_indices("resourceType: ").any(|(k, _)| k == 0 || !matches!(b[k - 1], b'"' | b'\'')) {
        yaml_paths(doc, x);
        return;
    }
    // FHIR XML puts every value in a `value` attribute: without one, nothing below can match
    // (one search instead of three on most documents).
    if x.probes & super::probe::VALUE == 0 {
        return;
    }
    // Any other FHIR resource as XML (ExplanationOfBenefit, Claim, Encounter...).
    if let Some(ns) = find_bytes(text.as_bytes(), b"xmlns=\"http://hl7.org/fhir\"", 0, false) {
        xml(text, text[..ns].rfind('<').unwrap_or(0), x, None);
    } else if [&b"<birthDate value=\""[..], b"<family value=\""].iter().any(|e| find_bytes(text.as_bytes(), e, 0, false).is_some()) {
        // A diff hunk of a Patient's XML whose root element is outside the hunk.
        x.patient_record = true;
        xml(text, 0, x, Some("Patient"));
    }
}

/// YAML: each `value:` next to a `system:` line (either order, as in JSON)
/// is an identifier or a contact point: `- system: urn:mrn` / `value: "1640713059"`.
/// (Names, dates and addresses are `key: value` labels.)
fn system_values(doc: &Doc, x: &mut Extracted) {
    // The key's value on line `l`, after a diff marker and a list dash.
    let pair = |l: usize, key: &str| {
        let line = doc.line_text(l);
        let body = line.trim_start_matches(['+', '-', ' ', '\t']);
        let value = body.strip_prefix(key)?.strip_prefix(':')?;
        let start = doc.line_starts[l] as usize + line.len() - value.len();
        Some(trim_value(doc.text, start, start + value.len()))
    };
    for l in 0..doc.line_starts.len() {
        let Some((s, e)) = pair(l, "system") else { continue };
        let system = doc.text[s..e].to_ascii_lowercase();
        let Some((role, source)) = system_role(&system) else { continue };
        let value = [l + 1, l.wrapping_sub(1)].into_iter().filter(|&v| v < doc.line_starts.len()).find_map(|v| pair(v, "value"));
        if let Some((vs, ve)) = value {
            x.push(vs, ve, role, Some(source.to_string()), true);
        }
    }
}

/// YAML: keys by indentation give each value its path below its resource,
/// as in FHIR JSON: a list of given names (`given:` / `- "Amit"`), an
/// Encounter's `period:` / `start:`, an identifier without a system.
/// (Values beside a `system:` are `system_values`'.)
fn yaml_paths(doc: &Doc, x: &mut Extracted) {
    // (After the values beside a system: those fields alone take a value. A label's field, a
    // `text:` note or a `family:` name, is the path's too, and the path says more.)
    let first = x.fields.len();
    system_values(doc, x);
    let diff = doc.text.starts_with("@@ ") || doc.text.contains("\n@@ ");
    let mut keys: Vec<(usize, &str)> = Vec::new();
    // The resources open here, by their keys' indentation: a resource inside another (a
    // Parameters' `resource:`) ends where a line is less indented than its keys.
    let mut resources: Vec<(usize, &str)> = vec![(0, "Patient")];
    // Where the fields so far start, a bit per byte: a value where one starts is taken (one
    // look per value, not a pass over every field).
    let mut taken = vec![0u64; doc.text.len() / 64 + 1];
    for f in &x.fields[first..] {
        taken[f.start / 64] |= 1 << (f.start % 64);
    }
    for l in 0..doc.line_starts.len() {
        let line = doc.line_text(l);
        // (A diff's marker is a column of its own.)
        let body = if diff { line.get(1..).unwrap_or("") } else { line };
        let mut rest = body.trim_start();
        let mut indent = body.len() - rest.len();
        let item = rest.starts_with("- ");
        if item {
            rest = rest[2..].trim_start();
            indent = body.len() - rest.len();
        }
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        while keys.last().is_some_and(|&(k, _)| k >= indent) {
            keys.pop();
        }
        while resources.len() > 1 && resources.last().is_some_and(|&(k, _)| k > indent) {
            resources.pop();
        }
        let (depth, resource) = resources.last().copied().unwrap_or((0, "Patient"));
        let (key, value) = match rest.split_once(':') {
            Some((k, v)) if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') && (v.is_empty() || v.starts_with(' ')) => (Some(k), v),
            _ if item => (None, rest),
            _ => continue,
        };
        // (A JavaScript object's `key: 'value',` and `key: {` / `key: [` are read as YAML's.)
        let value = value.trim();
        let value = if matches!(value, "{" | "[" | "[{") { "" } else { value };
        if key == Some("resourceType") {
            resources.push((indent, value.trim_matches(['"', '\'', ','])));
            continue;
        }
        if value.is_empty() {
            if let Some(k) = key {
                keys.push((indent, k));
            }
            continue;
        }
        let mut path: Vec<&str> = keys.iter().filter(|&&(k, _)| k >= depth).map(|&(_, k)| k).collect();
        path.extend(key);
        let at = value.as_ptr() as usize - doc.text.as_ptr() as usize;
        let (vs, ve) = trim_value(doc.text, at, at + value.len());
        // (`system_values` has read an identifier or telecom that has a system.)
        if let Some(role) = fhir_role(resource, &path, None).filter(|_| taken[vs / 64] & 1 << (vs % 64) == 0) {
            x.push(vs, ve, role, Some(format!("fhir:{resource}.{}", path.join("."))), true);
        }
    }
}

/// A Patient's `system` says what the `value` beside it is.
fn system_role(system: &str) -> Option<(Role, &'static str)> {
    let telecom = "fhir:Patient.telecom.value";
    match system {
        "phone" | "fax" | "sms" | "pager" => Some((Role::Phone, telecom)),
        "email" => Some((Role::Email, telecom)),
        "url" | "other" => None,
        _ => Some((fhir_role("Patient", &["identifier", "value"], Some(system))?, "fhir:Patient.identifier.value")),
    }
}

/// XML: elements carry their value in a `value` attribute
/// (`<family value="Battelli"/>`); the path is the open elements below the
/// innermost resource (a capitalised element), or below the top when the
/// resource (`outside`) opened before the text begins.
fn xml(text: &str, from: usize, x: &mut Extracted, outside: Option<&str>) {
    let b = text.as_bytes();
    // Open elements: (name, the `system` seen inside it).
    let mut open: Vec<(&str, Option<String>)> = Vec::new();
    let mut i = from;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|k| i + k) {
        let Some(gt) = b[lt..].iter().position(|&c| c == b'>').map(|k| lt + k) else { break };
        i = gt + 1;
        let tag = &text[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            if let Some(k) = open.iter().rposition(|(n, _)| *n == name.trim()) {
                open.truncate(k);
            }
            continue;
        }
        if tag.starts_with(['?', '!']) {
            continue;
        }
        let name_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
        let name = &tag[..name_end];
        if !tag.ends_with('/') {
            open.push((name, None));
            continue;
        }
        let Some((vs, ve)) = value_attr(tag).map(|(s, e)| (lt + 1 + s, lt + 1 + e)) else { continue };
        if name == "system" {
            if let Some(top) = open.last_mut() {
                top.1 = Some(text[vs..ve].to_ascii_lowercase());
            }
            continue;
        }
        let near = super::innermost(&open);
        let r = near.iter().rposition(|(n, _)| n.starts_with(|c: char| c.is_ascii_uppercase()));
        let Some(resource) = r.map(|r| near[r].0).or(outside) else { continue };
        let mut path: Vec<&str> = near[r.map_or(0, |r| r + 1)..].iter().map(|(n, _)| *n).collect();
        path.push(name);
        let system = open.last().and_then(|(_, s)| s.as_deref());
        let role = match (path.contains(&"telecom"), system) {
            (true, Some("email")) => Some(Role::Email),
            (true, Some("url" | "other")) => None,
            _ => fhir_role(resource, &path, system),
        };
        if let Some(role) = role {
            x.push(vs, ve, role, Some(format!("fhir:{resource}.{}", path.join("."))), true);
        }
    }
}

/// The span of the `value="..."` attribute's text inside `tag`.
fn value_attr(tag: &str) -> Option<(usize, usize)> {
    let k = tag.find(" value=\"")? + 8;
    let len = tag[k..].find('"')?;
    Some((k, k + len))
}

/// A Patient at `p` whose `id` is a placeholder (`id: 'example'`, the FHIR specification's own
/// example): its object, to its closing brace or (YAML) a blank line, is a test patient's.
fn example_patient(text: &str, p: usize, x: &mut Extracted) -> bool {
    let b = text.as_bytes();
    let Some(k) = find_bytes(&b[..b.len().min(p + 160)], b" id: ", p, false) else { return false };
    let v = k + 5 + b[k + 5..].iter().take_while(|&&c| c == b'\'' || c == b'"').count();
    let n = b[v..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    if !crate::scan::placeholder(&text[v..v + n]) {
        return false;
    }
    // (From the brace that opens its object, if one does within a few lines, else its line.)
    let line = b[..p].iter().rposition(|&c| c == b'\n').map_or(0, |k| k + 1);
    let start = b[..p].iter().rposition(|&c| c == b'{' || c == b'}').filter(|&o| b[o] == b'{' && p - o < 200).unwrap_or(line);
    let (mut depth, mut end) = (0i32, text.len());
    for (j, &c) in b.iter().enumerate().skip(start) {
        depth += i32::from(c == b'{') - i32::from(c == b'}');
        if depth <= 0 && (c == b'}' || c == b'\n' && b.get(j + 1) == Some(&b'\n')) {
            end = j + 1;
            break;
        }
    }
    x.push(start, end, Role::Tech, Some(super::TEST_PATIENT.into()), true);
    true
}
