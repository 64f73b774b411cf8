//! Test fixtures written as code: string literals passed to setters or
//! bound to named fields, in any of the usual languages:
//! `patient.setFamily("Weber").addGiven("Ryan")`,
//! `setBirthDateElement(new DateType("1961-12-06"))`,
//! `first_name = "Maria"`, `dob: '1962-03-14'`, `:mrn => "00412345"`.
//! The identifier names the role (`code:family`). Validators and
//! assertions (`isValidSsn("...")`, `assertThat(...)`) are not fields:
//! their literals are test inputs, not records.

use super::Extracted;
use crate::labels::{field_role, normalize_field, Role};
use crate::text::Doc;

/// Words in an identifier that make its argument a test input, not a record field.
const NOT_A_FIELD: &[&str] = &[
    "is", "valid", "validate", "validator", "invalid", "check", "parse", "format", "test", "assert", "match", "matches", "normalize", "mask",
    "verify", "should", "expect", "reject", "accept", "contains", "equal", "equals", "that", "compile", "pattern", "regex", "split", "replace",
    "log", "print", "println", "printf", "info", "debug", "warn", "error", "trace", "get", "find", "by", "query", "search", "lookup", "to",
];

/// The identifier that ends at `end` (exclusive), if any.
fn ident_before(b: &[u8], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_') {
        s -= 1;
    }
    (s < end && !b[s].is_ascii_digit()).then_some((s, end))
}

fn skip_ws_back(b: &[u8], mut k: usize) -> usize {
    while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    k
}

/// A field's role and its name's span.
type Named = (Role, usize, usize);

/// Whether a normalized name is a validator's or an accessor's (`is valid ssn`, `pattern compile`).
fn not_a_field(norm: &str) -> bool {
    norm.split(' ').any(|w| NOT_A_FIELD.contains(&w))
}

/// The role an identifier names, unless it is a validator or accessor.
fn role_of(name: &str) -> Option<Role> {
    let norm = normalize_field(name);
    let mut words: Vec<&str> = norm.split(' ').collect();
    if not_a_field(&norm) {
        return None;
    }
    if matches!(words.first(), Some(&("set" | "add" | "with" | "put"))) {
        words.remove(0);
    }
    if matches!(words.last(), Some(&("element" | "value" | "str" | "string"))) && words.len() > 1 {
        words.pop();
    }
    field_role(&words.join(" ")).filter(|r| r.is_personal() || matches!(r, Role::Staff | Role::Diagnosis | Role::Medication))
}

/// Calls that build a patient resource in code (HAPI FHIR, fhir.resources, builders).
/// What follows `Patient` in a call that builds a patient resource.
const PATIENT_BUILDERS: &[&str] = &["(", ".builder(", "Builder(", ".parse_obj(", ".model_validate("];

/// Code that constructs a patient: `Patient(name=...)`, `Patient.builder()`; not
/// `findPatient(` or `getPatient(`, nor an empty one passed along (`validate(new Patient())`:
/// its setters' values, if any, are read as fields).
/// `patient`: where the words starting "Patient" are.
fn builds_patient(text: &str, patient: &[usize]) -> bool {
    let b = text.as_bytes();
    patient.iter().any(|&i| {
        let own_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b'.');
        own_word && PATIENT_BUILDERS.iter().any(|p| text[i + 7..].starts_with(p)) && !text[i + 7..].starts_with("())")
    })
}

/// Whether a string literal follows a call's parenthesis or an `=`/`:`
/// (`("`, `('`, `= "`, `: "`, `= '`, `: '`), or the text has a `=> `:
/// the forms this extractor reads, found in one pass over the text.
fn has_literal_cue(b: &[u8]) -> bool {
    let cue = |k: usize| match b[k] {
        b'"' | b'\'' => k >= 1 && b[k - 1] == b'(' || k >= 2 && b[k - 1] == b' ' && matches!(b[k - 2], b'=' | b':'),
        b'>' => k >= 1 && b[k - 1] == b'=' && b.get(k + 1) == Some(&b' '),
        _ => false,
    };
    // Quotes and '>' 64 bytes at a time, branch-free (vectorised); a chunk with one is looked at closely.
    b.chunks(64).enumerate().any(|(c, chunk)| {
        let hit = chunk.iter().fold(0u8, |acc, &x| acc | ((x == b'"') | (x == b'\'') | (x == b'>')) as u8);
        hit != 0 && (c * 64..c * 64 + chunk.len()).any(cue)
    })
}

/// The role of a generic setter (`setValue`, `addLine`) from the call chain
/// before it on the line: `.setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("...")`,
/// `addAddress().addLine("...")`, `.setSystem(ContactPointSystem.PHONE).setValue("...")`.
fn chained_role(name: &str, line_before: &str) -> Option<Role> {
    let generic = matches!(normalize_field(name).as_str(), "set value" | "value" | "add line" | "line" | "set text" | "text");
    if !generic {
        return None;
    }
    // The nearest preceding call that says what the value is.
    let lower = crate::text::tail(line_before, 160).to_ascii_lowercase();
    let at = |w: &str| lower.rfind(w);
    [
        ("us-ssn", Role::Ssn),
        ("ssn", Role::Ssn),
        ("mrn", Role::Mrn),
        ("\"mr\"", Role::Mrn),
        ("member", Role::MemberId),
        ("subscriber", Role::MemberId),
        ("phone", Role::Phone),
        ("email", Role::Email),
        ("addaddress", Role::Address),
        ("address", Role::Address),
        // (A patient's identifier of no named system, or an identifier built alone and
        // given an organisation's system: a record number.)
        ("patient.addidentifier", Role::Mrn),
        ("new identifier().setsystem(", Role::Mrn),
        // A resource as an object literal: `name: [{ text: 'Meilin Chen' }]`, `identifier: [{ type:
        // { text: 'EPI' }, value: '18813751' }]` (an NPI's system says it is one).
        ("name: [{", Role::Name),
        ("identifier: [{", Role::Mrn),
        ("npi", Role::Npi),
    ]
    .iter()
    .filter_map(|&(w, r)| at(w).map(|p| (p, r)))
    .max_by_key(|&(p, _)| p)
    .map(|(_, r)| r)
}

/// `dob: Date.parse("1984-09-14")`, `birthDate: new Date('1956-07-29')`,
/// `Family: ptr("Adebisi")`: a literal wrapped in a call (from `call`, the
/// called name's start, or its `new`), assigned to a field's name: that name's
/// role and span. Any field's when the literal is the call's one argument
/// (`sole`); else only a date's (`Date.parse("...", fmt)`).
fn wrapped(doc: &Doc, call: usize, sole: bool) -> Option<Named> {
    let b = doc.bytes;
    // Back over the receiver ("Date.", "LocalDate.", "datetime.date.").
    let mut k = call;
    while k > 0 && (b[k - 1].is_ascii_alphanumeric() || matches!(b[k - 1], b'_' | b'.')) {
        k -= 1;
    }
    named(doc, assigned_to(b, skip_ws_back(b, k))?).filter(|(r, ..)| sole || matches!(r, Role::Dob | Role::PersonDate))
}

/// The role the name at `(s, e)` gives its value: its own, or a generic name's
/// (`value`, `setValue`) by the call or system before it on its line
/// (`System: ptr(mrnSystem), Value: ptr("331047748")`, `system: 'urn:mrn', value: '...'`).
fn named(doc: &Doc, (s, e): (usize, usize)) -> Option<Named> {
    let name = &doc.text[s..e];
    let line_start = doc.line_starts[doc.line_of(s)] as usize;
    role_of(name).or_else(|| chained_role(name, &doc.text[line_start..s])).map(|r| (r, s, e))
}

/// The name assigned to what starts at `p` (`name: `, `name = `; not `==`): its span.
fn assigned_to(b: &[u8], p: usize) -> Option<(usize, usize)> {
    if p == 0 || !matches!(b[p - 1], b':' | b'=') || p >= 2 && matches!(b[p - 2], b'=' | b'!' | b'<' | b'>') {
        return None;
    }
    ident_before(b, skip_ws_back(b, p - 1))
}

/// Whether the literal closing at `close` is a key (`'dob' => `, `"dob": `), not a value.
fn is_key(b: &[u8], close: usize) -> bool {
    let rest = &b[close + 1..];
    let at = rest.iter().position(|&c| c != b' ').unwrap_or(rest.len());
    rest[at..].starts_with(b"=>") || rest[at..].starts_with(b":")
}

/// `given: ['Niamh']`, `Given = new[] { "Montserrat" }`, `Given: []string{"Arif"}`:
/// the name a list or array literal opening before `open` is assigned to.
fn list_of(b: &[u8], open: usize) -> Option<(usize, usize)> {
    let mut p = open;
    while p > 0 && open - p < 24 && (b[p - 1].is_ascii_alphanumeric() || matches!(b[p - 1], b'[' | b']' | b'{' | b' ' | b'_')) {
        p -= 1;
    }
    assigned_to(b, p)
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted, patient: &[usize]) {
    let b = doc.bytes;
    // (And a patient's relative, `new RelatedPerson()` near a `Patient/…` reference.)
    let relative = || {
        patient.iter().any(|&i| b.get(i + 7) == Some(&b'/') && crate::formats::find_bytes(&b[..b.len().min(i + 512)], b"new RelatedPerson(", i.saturating_sub(512), false).is_some())
    };
    if builds_patient(doc.text, patient) || relative() {
        x.patient_record = true;
    }
    if !has_literal_cue(b) {
        return;
    }
    let mut k = 0;
    // The last literal's role (from a name or a list) and closing quote.
    let mut prev: Option<(Option<Named>, usize)> = None;
    while k < b.len() {
        let q = b[k];
        if q != b'"' && q != b'\'' {
            k += 1;
            continue;
        }
        // The closing quote on the same line.
        let Some(close) = b[k + 1..].iter().position(|&c| c == q || c == b'\n').map(|p| k + 1 + p).filter(|&c| b[c] == q) else {
            k += 1;
            continue;
        };
        let after = b.get(close + 1).copied().unwrap_or(b'\n');
        if !matches!(after, b')' | b',' | b';' | b'}' | b']' | b' ' | b'\n' | b'\r') || close == k + 1 {
            k = close + 1;
            continue;
        }
        let before = skip_ws_back(b, k);
        let opener = if before > 0 { b[before - 1] } else { b'\n' };
        let role = if opener == b'(' {
            // setFamily("x"), or setBirthDateElement(new DateType("x")).
            let sole = after == b')';
            let mut id = ident_before(b, skip_ws_back(b, before - 1));
            let mut new_at = None;
            if let Some((s, _)) = id {
                let pre = skip_ws_back(b, s);
                if doc.text[..pre].ends_with("new") && pre >= 4 {
                    let outer = skip_ws_back(b, pre - 3);
                    new_at = Some(pre - 3);
                    id = (outer > 0 && b[outer - 1] == b'(').then(|| ident_before(b, skip_ws_back(b, outer - 1))).flatten();
                }
            }
            match id {
                Some((s, e)) => {
                    // (`Pattern.compile("[0-9A-Z]{11}")` builds no field's value.)
                    let sole = sole && !not_a_field(&normalize_field(&doc.text[s..e]));
                    named(doc, (s, e)).or_else(|| wrapped(doc, s, sole))
                }
                // `birthDate: new Date('1956-07-29')`
                None => new_at.and_then(|n| wrapped(doc, n, sole)),
            }
        } else if matches!(opener, b'=' | b':' | b'>') {
            // name = "x", name: "x", :name => "x"
            let mut p = before - 1;
            if b[p] == b'>' && p > 0 && b[p - 1] == b'=' {
                p -= 1;
            }
            if b[p] == b'=' && p > 0 && matches!(b[p - 1], b'=' | b'!' | b'<' | b'>') {
                None // comparison
            } else {
                // (A quoted key, as PHP arrays write them: `'patient_name' => 'x'`.)
                let end = skip_ws_back(b, p);
                let quoted = end >= 2 && b[end - 1] == b'\'' && b[..end - 1].last().is_some_and(|c| c.is_ascii_alphanumeric());
                let id = if quoted { ident_before(b, end - 1).filter(|&(s, _)| s > 0 && b[s - 1] == b'\'') } else { ident_before(b, end) };
                id.and_then(|id| named(doc, id))
            }
        } else if matches!(opener, b'[' | b'{') && matches!(b[close + 1..].iter().find(|&&c| c != b' '), Some(b',' | b']' | b'}')) {
            // An array's first item.
            list_of(b, before - 1).and_then(|id| named(doc, id))
        } else if opener == b',' && prev.is_some_and(|(_, c)| before - 1 == c + 1) && !is_key(b, close) {
            // After the literal before it: the next item of its list (`line: ['626 Elm Pl', '#421']`),
            // or the value of a key named by it (`named_struct('given', 'Aino', 'family', ...)`).
            let (role, c) = prev.unwrap_or_default();
            role.or_else(|| {
                let key_start = b[..c].iter().rposition(|&q| q == b[c]).map_or(c, |p| p + 1);
                let key = &doc.text[key_start..c];
                // (A key is a name in code: `'line1'`, not `'Lakeshore Community Clinic'`.)
                let ident = key.len() < 30 && key.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
                (ident && role_of(&doc.text[k + 1..close]).is_none()).then(|| role_of(key).map(|r| (r, key_start, c))).flatten()
            })
        } else {
            None
        };
        // (A value goes on its list; a key's value has no more items.)
        prev = Some((role.filter(|_| opener != b',' || prev.is_some_and(|(r, _)| r.is_some())), close));
        if let Some((role, s, e)) = role {
            let name = normalize_field(&doc.text[s..e]).replace(' ', "_");
            x.push(k + 1, close, role, Some(format!("code:{name}")), true);
        }
        k = close + 1;
    }
}
