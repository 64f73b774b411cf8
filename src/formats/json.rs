//! JSON, including FHIR resources and bundles, tolerant of what people
//! paste: fragments, diff markers at line starts, trailing commas. A small
//! state machine tracks the key path; values get their meaning from the
//! path and the enclosing FHIR `resourceType` (`fhir:Patient.birthDate`),
//! or from the key names in plain JSON (`json:patient.dob`).

use super::{Extracted, TEST_PATIENT};
use crate::labels::{field_role, Role};
use crate::text::Doc;

struct Frame {
    /// The key this container sits under.
    key: Option<(usize, usize)>,
    /// The last key seen inside it (objects).
    current: Option<(usize, usize)>,
    /// FHIR resourceType declared in this object.
    resource: Option<(usize, usize)>,
    /// `system` of a FHIR ContactPoint / Identifier in this object.
    system: Option<(usize, usize)>,
    /// Fields waiting for a later `system` to decide (telecom value before system).
    pending: Vec<(usize, usize)>,
    /// `linkId` of a QuestionnaireResponse item in this object: what its answers are.
    link: Option<(usize, usize)>,
    /// `"use": "home"` or `"mobile"` in this object: with a `system`, a person's own contact point.
    personal: bool,
    object: bool,
    /// Where it opens, and the fields and record flag before it.
    opened: usize,
    first: usize,
    record: bool,
    /// A user's or an owner's name in this object (`"user": {"name": …}`, its field's index): a
    /// staff member's, unless the object also holds a birth date or an SSN (`birth`), which staff
    /// records do not.
    staff_name: Option<usize>,
    /// A contact's name in this object (its field's index): an escalation level's or a roster's
    /// when the object also has a pager or a role (`on_call`), not a patient's relative.
    contact: Option<usize>,
    on_call: bool,
    birth: bool,
    /// Values and arrays in this array so far, and its first array's strings: a spreadsheet's
    /// rows with their header row first (Google Sheets' `values`).
    cells: usize,
    header: Vec<(usize, usize)>,
}

/// Whether a key ends somewhere (`":` or `" :`): one search for the quote.
fn has_key(text: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices('"').any(|(p, _)| b[p + 1..].starts_with(b":") || b[p + 1..].starts_with(b" :"))
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted) {
    extract_text(doc.text, x);
}

fn extract_text(text: &str, x: &mut Extracted) {
    // A key in single quotes, as in Python's repr of a dict that logs and error trackers
    // print (`{'first_name': 'Omar', ...}`): such strings count too. (Quotes are rare in logs.)
    let single = text.match_indices('\'').any(|(p, _)| text.as_bytes()[p + 1..].starts_with(b": "));
    if !has_key(text) && !single {
        return;
    }
    let b = text.as_bytes();
    // Fragments (a diff hunk) start inside an object: begin with an implicit one.
    let root = || Frame { key: None, current: None, resource: None, system: None, pending: Vec::new(), link: None, personal: false, object: true, opened: 0, first: 0, record: false, staff_name: None, contact: None, on_call: false, birth: false, cells: 0, header: Vec::new() };
    let mut stack: Vec<Frame> = vec![root()];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' => {
                let key = stack.last().and_then(|f| if f.object { f.current } else { f.key });
                if let Some(f) = stack.last_mut().filter(|f| !f.object) {
                    f.cells += 1;
                }
                stack.push(Frame { key, current: None, resource: None, system: None, pending: Vec::new(), link: None, personal: false, object: b[i] == b'{', opened: i, first: x.fields.len(), record: x.patient_record, staff_name: None, contact: None, on_call: false, birth: false, cells: 0, header: Vec::new() });
                i += 1;
            }
            b'}' | b']' => {
                if stack.len() == 1 {
                    stack.push(root()); // more closers than openers in a fragment
                }
                if let Some(f) = stack.pop() {
                    // A home or mobile phone in a hunk whose resource is out of view (or a
                    // Patient's): a patient's, as a fixture's HumanName is.
                    if f.personal && f.system.is_some() && resource_name(text, &stack).is_none_or(|r| r == "Patient") {
                        x.patient_record = true;
                    }
                    // telecom value seen before system: default to phone.
                    for (s, e) in f.pending {
                        let role = if text[s..e].contains('@') { Role::Email } else { Role::Phone };
                        x.push(s, e, role, Some(format!("fhir:{}.telecom.value", resource_name(text, &stack).unwrap_or("Resource"))), true);
                    }
                    // A test patient (`"family": "Zztest"`) holds test values throughout; (not a diff's
                    // real patient beside the test one it replaces).
                    // (Only a Patient's own object is looked through, once, as it closes.)
                    let (mut test, mut real) = (false, false);
                    if f.resource.is_some_and(|(s, e)| &text[s..e] == "Patient") {
                        for g in x.fields[f.first..].iter().filter(|g| g.role == Role::PatientName && g.source.as_deref().is_some_and(|s| s.ends_with(".family"))) {
                            *(if crate::scan::placeholder(&text[g.start..g.end]) { &mut test } else { &mut real }) = true;
                        }
                    }
                    // (A portal user's identity check: `"user": {"email": …, "name": …, "dob": …}`.)
                    if let Some(g) = f.staff_name.filter(|_| f.birth).and_then(|k| x.fields.get_mut(k)) {
                        g.role = Role::PatientName;
                    }
                    // (`{"level": 1, "contact": "Iris Wang", "pager": "713-555-0167"}`.)
                    if let Some(g) = f.contact.filter(|_| f.on_call).and_then(|k| x.fields.get_mut(k)) {
                        g.role = Role::Staff;
                    }
                    if test && !real {
                        x.fields.truncate(f.first);
                        x.patient_record = f.record;
                        x.push(f.opened, i + 1, Role::Tech, Some(TEST_PATIENT.into()), true);
                    }
                }
                i += 1;
            }
            // A text block or triple-quoted string (`String json = """`) holds JSON: step in.
            b'"' if b[i..].starts_with(b"\"\"\"") => i += 3,
            q @ (b'"' | b'\'') if q == b'"' || single => {
                // An apostrophe in prose opens no string.
                let Some(end) = string_end(b, i, q) else {
                    if q == b'"' {
                        return;
                    }
                    i += 1;
                    continue;
                };
                let (s, e) = (i + 1, end);
                let mut k = end + 1;
                while k < b.len() && matches!(b[k], b' ' | b'\t') {
                    k += 1;
                }
                if k < b.len() && b[k] == b':' && !stack.is_empty() {
                    if let Some(f) = stack.last_mut() {
                        f.current = Some((s, e));
                    }
                } else if !stack.is_empty() {
                    // JSON inside a string: escaped (a Postman request's `"raw": "{\n  \"resourceType\": ...}"`),
                    // or in a CSV cell with its quotes doubled, to the cell's last `}` on its line (a
                    // log explorer's export: `warn,"{""patient"": {""mrn"": ""5346964""}}"`).
                    let csv = e == s + 1 && b[s] == b'{' && b.get(e + 1) == Some(&b'"');
                    // (Or after words: a log's `"message": "Failed to parse … Body: {\"resourceType\": …}"`.)
                    let (from, inner) = if csv {
                        let line = b[s..].iter().position(|&c| c == b'\n').map_or(b.len(), |n| s + n);
                        (s, b[s..line].windows(2).rposition(|w| w == b"}\"").map(|close| s + close + 1))
                    } else {
                        let open = if b[s..e].starts_with(b"{") { Some(s) } else { b[s..e].windows(3).position(|w| w == b"{\\\"").map(|p| s + p) };
                        open.filter(|&o| e - o > 20 && b[o..e].windows(2).any(|w| w == b"\\\"")).map_or((s, None), |o| (o, Some(e)))
                    };
                    if let Some(z) = inner {
                        nested(text, from, z, x, csv);
                        if csv {
                            i = z + 1;
                            continue;
                        }
                    }
                    value(text, &mut stack, s, e, x);
                }
                i = end + 1;
            }
            c if c == b'-' || c.is_ascii_digit() => {
                // A number value right after ':' (skip numbers elsewhere, e.g. diff hunk headers).
                let prev = b[..i].iter().rev().find(|c| !matches!(c, b' ' | b'\t'));
                let mut e = i + 1;
                while e < b.len() && (b[e].is_ascii_digit() || matches!(b[e], b'.' | b'e' | b'E' | b'+' | b'-')) {
                    e += 1;
                }
                if prev == Some(&b':') && !stack.is_empty() {
                    value(text, &mut stack, i, e, x);
                } else if let Some(f) = stack.last_mut().filter(|f| !f.object) {
                    f.cells += 1; // (a row's number keeps its columns in place)
                }
                i = e;
            }
            // Past the bytes that mean nothing here (letters, spaces, punctuation), in a tight loop.
            _ => {
                i += 1;
                while i < b.len() && !SYNTAX[b[i] as usize] {
                    i += 1;
                }
            }
        }
    }
}

/// Bytes the reader above acts on: brackets, quotes, digits and the minus sign.
static SYNTAX: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = matches!(c as u8, b'{' | b'[' | b'}' | b']' | b'"' | b'\'' | b'-' | b'0'..=b'9');
        c += 1;
    }
    t
};

/// JSON inside a JSON string (a Postman request's `"raw": "{\n  \"resourceType\": ...}"`):
/// read unescaped, its fields mapped back to where they are in the text.
/// (`doubled`: a CSV cell's, whose quotes are doubled instead.)
fn nested(text: &str, s: usize, e: usize, x: &mut Extracted, doubled: bool) {
    let b = &text.as_bytes()[s..e];
    let (mut inner, mut at) = (Vec::with_capacity(b.len()), Vec::with_capacity(b.len() + 1));
    let mut k = 0;
    while k < b.len() {
        let esc = if doubled { b'"' } else { b'\\' };
        let (byte, len) = match (b[k], b.get(k + 1)) {
            (c, Some(&n)) if c == esc && (!doubled || n == b'"') => (if matches!(n, b'n' | b'r' | b't') && !doubled { b' ' } else { n }, 2),
            (c, _) => (c, 1),
        };
        inner.push(byte);
        at.push(s + k);
        k += len;
    }
    at.push(e);
    // (Escapes are ASCII: the bytes stay UTF-8.)
    let Ok(inner) = String::from_utf8(inner) else { return };
    let mut y = Extracted::default();
    extract_text(&inner, &mut y);
    x.patient_record |= y.patient_record;
    for mut f in y.fields {
        f.start = at[f.start];
        f.end = at[f.end - 1] + 1;
        x.fields.push(f);
    }
}

/// Index of the closing quote `q` of the string starting at `i`, on the same line.
fn string_end(b: &[u8], i: usize, q: u8) -> Option<usize> {
    let mut k = i + 1;
    while k < b.len() {
        match b[k] {
            b'\\' => k += 2,
            b'\n' => return None,
            c if c == q => return Some(k),
            _ => k += 1,
        }
    }
    None
}

fn resource_name<'a>(text: &'a str, stack: &[Frame]) -> Option<&'a str> {
    super::innermost(stack).iter().rev().find_map(|f| f.resource).map(|(s, e)| &text[s..e])
}

fn value(text: &str, stack: &mut [Frame], s: usize, e: usize, x: &mut Extracted) {
    // A row of a spreadsheet's rows: its header row's names give the roles, when two are known.
    if let [.., rows, row] = stack {
        if !rows.object && !row.object {
            row.cells += 1;
            if rows.cells == 1 {
                rows.header.push((s, e));
            } else if rows.header.iter().filter(|&&(a, b)| field_role(&text[a..b]).is_some()).nth(1).is_some() {
                if let Some((hs, he)) = rows.header.get(row.cells - 1) {
                    if let Some(role) = field_role(&text[*hs..*he]).filter(|r| r.is_personal()) {
                        x.push(s, e, role, Some(format!("sheet:{}", &text[*hs..*he])), true);
                    }
                }
                return;
            }
        }
    }
    let Some(top) = stack.last() else { return };
    let key = if top.object { top.current } else { top.key };
    let Some((ks, ke)) = key else { return };
    let k = &text[ks..ke];
    if k == "resourceType" {
        if let Some(f) = stack.last_mut() {
            f.resource = Some((s, e));
        }
        if &text[s..e] == "Patient" {
            x.patient_record = true;
        }
        return;
    }
    if k == "system" {
        if let Some(f) = stack.last_mut() {
            f.system = Some((s, e));
            let pending = std::mem::take(&mut f.pending);
            let system = &text[s..e];
            for (ps, pe) in pending {
                let role = match system {
                    "email" => Role::Email,
                    "url" | "other" => Role::Note,
                    _ => Role::Phone,
                };
                x.push(ps, pe, role, Some(format!("fhir:{}.telecom.value", resource_name(text, stack).unwrap_or("Resource"))), true);
            }
        }
        return;
    }
    if k == "use" && matches!(&text[s..e], "home" | "mobile") {
        if let Some(f) = stack.last_mut() {
            f.personal = true;
        }
        return;
    }
    // (Or a JSON Patch operation's path: `{"op": "replace", "path": "/address/0/city", ...}`.)
    if k == "linkId" || k == "path" && text[s..e].starts_with('/') {
        if let Some(f) = stack.last_mut() {
            f.link = Some((s, e));
        }
        return;
    }
    // The operation's value is what its path points at, in a patient's record (one named
    // nearby): a FHIR element's role by the path's names (not its indexes).
    if let Some((ps, pe)) = top.link.filter(|&(ps, _)| k == "value" && top.object && text.as_bytes()[ps] == b'/') {
        let pointer = &text[ps..pe];
        let names: Vec<&str> = pointer.split('/').filter(|p| !p.is_empty() && !p.bytes().all(|c| c.is_ascii_digit())).collect();
        let near = || crate::text::tail(&text[..s], 2048).contains("Patient") || crate::text::head(&text[e..], 2048).contains("Patient");
        if let Some(role) = fhir_role("Patient", &names, None).filter(|_| x.patient_record || near()) {
            x.push(s, e, role, Some(format!("json-patch:{pointer}")), true);
        }
        return;
    }
    // Path of keys, outermost first (a FHIR Parameters' `valueAddress` holds an address).
    let mut path: Vec<&str> = super::innermost(stack).iter().filter_map(|f| f.key.map(|(a, b)| fhir_type_key(&text[a..b]))).collect();
    if top.object {
        path.push(k);
    }
    path.dedup();
    // A questionnaire's answer is what its item's `linkId` asks ("dob", "legal-name").
    if path.contains(&"answer") {
        if let Some(role) = super::innermost(stack).iter().rev().find_map(|f| f.link).and_then(|(a, b)| field_role(&text[a..b])).filter(|r| r.is_personal()) {
            // (A form's "name" is its respondent's, or a contact's they give.)
            let role = if role == Role::Name { Role::PatientName } else { role };
            x.push(s, e, role, Some(format!("fhir:item.answer.{k}")), true);
            return;
        }
    }
    let resource = resource_name(text, stack);
    // A FHIRPath Patch whose operations' paths start at a Patient changes a patient's record.
    if resource == Some("Parameters") && text[s..e].strip_prefix("Patient").is_some_and(|r| r.is_empty() || r.starts_with('.')) {
        x.patient_record = true;
    }
    if let Some(res) = resource {
        let system = stack.last().and_then(|f| f.system).map(|(a, b)| text[a..b].to_ascii_lowercase());
        if let Some(role) = fhir_role(res, &path, system.as_deref()) {
            if role == Role::Phone && stack.last().is_some_and(|f| f.system.is_none()) && path.contains(&"telecom") {
                if let Some(f) = stack.last_mut() {
                    f.pending.push((s, e));
                }
                return;
            }
            let tail: Vec<&str> = path.iter().rev().take_while(|p| **p != "entry" && **p != "resource").copied().collect();
            let shown: Vec<&str> = tail.into_iter().rev().collect();
            x.push(s, e, role, Some(format!("fhir:{res}.{}", shown.join("."))), true);
            if role.marks_patient_record() {
                x.patient_record = true;
            }
        }
        return;
    }
    // Plain JSON: the key, with its parent as owner ("patient" + "firstName").
    let parent = path.len().checked_sub(2).map(|i| path[i]);
    // (A FHIR HumanName whose resource is outside a diff's hunk, `"name": [{"family": …,
    // "given": [...]}]`: fixtures hold patients.)
    let human_name = parent == Some("name") && matches!(k, "family" | "given");
    let role = if human_name { Some(Role::PatientName) } else { parent.and_then(|p| field_role(&format!("{p} {k}"))).filter(|r| *r != Role::Note).or_else(|| field_role(k)) };
    if let Some(role) = role {
        x.push(s, e, role, Some(format!("json:{}", path.join("."))), true);
        let staff_name = role == Role::Staff && top.object && field_role(k) == Some(Role::Name);
        let contact = role == Role::RelativeName && top.object;
        if let Some(f) = stack.last_mut().filter(|_| e > s) {
            f.birth |= matches!(role, Role::Dob | Role::Ssn);
            f.on_call |= role == Role::Dial || k == "role" && !crate::recognizers::is_relation(&text[s..e]);
            if staff_name {
                f.staff_name = Some(x.fields.len() - 1);
            }
            if contact {
                f.contact = Some(x.fields.len() - 1);
            }
        }
    }
}

/// A FHIR Parameters value's key as the element it holds (`valueAddress`: an address).
fn fhir_type_key(key: &str) -> &str {
    match key {
        "valueAddress" => "address",
        "valueHumanName" => "name",
        "valueContactPoint" => "telecom",
        "valueIdentifier" => "identifier",
        _ => key,
    }
}

/// The role of a FHIR element's value by its resource and path of keys
/// (`["name", "family"]`); `system`: the lower-cased `system` beside it.
pub(super) fn fhir_role(resource: &str, path: &[&str], system: Option<&str>) -> Option<Role> {
    let last = *path.last()?;
    let has = |k: &str| path.contains(&k);
    let person = matches!(resource, "Patient" | "RelatedPerson" | "Person");
    let staff = matches!(resource, "Practitioner" | "PractitionerRole" | "Organization" | "Location" | "Device" | "Endpoint" | "HealthcareService");
    if has("reference") || last == "reference" || last == "url" || last == "use" || last == "type" || last == "fullUrl" || last == "id" && path.len() == 1 {
        return None;
    }
    // A reference's display names whom it points at: `"patient": {"reference": "Patient/486582",
    // "display": "Manpreet Gill"}`, in any resource (a Device's patient too).
    if last == "display" && (has("patient") || has("subject") || has("beneficiary") || has("subscriber")) {
        return Some(Role::PatientName);
    }
    // A device's own serial and UDI (a patient's implant or sensor when the Device names one).
    if matches!(last, "serialNumber" | "carrierHRF") {
        return Some(Role::Device);
    }
    if staff {
        return Some(if has("telecom") || has("address") { Role::Dial } else { Role::Staff });
    }
    let relative = resource == "RelatedPerson" || has("contact") || has("link");
    if has("name") && matches!(last, "family" | "given" | "text" | "prefix" | "suffix" | "name") {
        if last == "prefix" || last == "suffix" {
            return None;
        }
        if !person && !has("contact") {
            return if has("patient") || has("subject") { Some(Role::PatientName) } else { Some(Role::Staff) };
        }
        return Some(if relative { Role::RelativeName } else { Role::PatientName });
    }
    if has("telecom") && last == "value" {
        return Some(if person || has("contact") { Role::Phone } else { Role::Dial });
    }
    if has("address") {
        return match last {
            "line" | "text" => Some(Role::Address),
            "city" | "district" => Some(Role::City),
            "postalCode" => Some(Role::Zip),
            "state" => Some(Role::State),
            _ => None,
        };
    }
    if has("identifier") && last == "value" {
        return Some(identifier_role(system.unwrap_or_default(), person, resource));
    }
    match last {
        "birthDate" => Some(Role::Dob),
        // (An age extension's: `"valueAge": {"value": 99, "unit": "a"}`.)
        "value" if has("valueAge") => Some(Role::Age),
        "deceasedDateTime" => Some(Role::PersonDate),
        "started" if resource == "ImagingStudy" => Some(Role::PersonDate),
        // (A patient's extension's, `patient-birthTime`.)
        "valueDateTime" if resource == "Patient" && has("extension") => Some(Role::PersonDate),
        "subscriberId" => Some(Role::MemberId),
        // (An Appointment's or a Slot's own start and end: when the patient is seen.)
        "start" | "end" if has("period") || has("billablePeriod") || matches!(resource, "Appointment" | "Encounter") && path.len() == 1 => Some(Role::PersonDate),
        "effectiveDateTime" | "issued" | "onsetDateTime" | "recordedDate" | "authoredOn" | "authored" | "occurrenceDateTime" | "performedDateTime"
        | "abatementDateTime" | "dateWritten" | "created" | "date" | "servicedDate" | "collectedDateTime" => {
            // A conformance or terminology resource's `date` is when it was published.
            let knowledge = matches!(
                resource,
                "CapabilityStatement" | "StructureDefinition" | "ValueSet" | "CodeSystem" | "ConceptMap" | "ImplementationGuide" | "SearchParameter" | "OperationDefinition" | "Questionnaire" | "PlanDefinition" | "ActivityDefinition" | "Library" | "Measure" | "NamingSystem" | "MessageDefinition" | "StructureMap" | "TerminologyCapabilities"
            );
            if resource == "Bundle" || has("meta") || knowledge {
                None
            } else {
                Some(Role::PersonDate)
            }
        }
        "code" if has("coding") && matches!(resource, "Condition" | "Encounter" | "Claim" | "DiagnosticReport") => Some(Role::Diagnosis),
        "div" => Some(Role::Note),
        _ => None,
    }
}

/// The role of a FHIR Identifier's value, by its `system` (lower case) and
/// the resource it is in (`person`: a Patient, RelatedPerson...).
fn identifier_role(system: &str, person: bool, resource: &str) -> Role {
    if system.contains("ssn") || system.contains("2.16.840.1.113883.4.1") {
        Role::Ssn
    } else if system.contains("npi") || system.contains("2.16.840.1.113883.4.6") {
        Role::Npi
    } else if system.contains(".113883.4.3.") || system.contains("driver") {
        // A state's driver's licences (`urn:oid:2.16.840.1.113883.4.3.<state>`).
        Role::License
    } else if system.contains("mbi") || system.contains("medicare") {
        Role::Mbi
    } else if system.contains("member") || system.contains("insur") || resource == "Coverage" {
        Role::MemberId
    } else if person || resource == "Claim" {
        Role::Mrn
    } else {
        Role::OtherId
    }
}
