//! The scan pipeline: tokens -> structured fields -> recognizer candidates
//! -> context scores -> policy -> report.

use crate::context::{field_at, LineKind, Lines};
use crate::dictionaries::{flag, is_common_word, FxMap};
use crate::formats::{self, Field};
use crate::labels::Role;
use crate::recognizers::{self, is_name_token, Cand, Needs};
use crate::text::{Doc, CAP};
use crate::{Finding, Kind, Mode, Report, Scanner, Stats, Verdict};

pub(crate) fn scan(scanner: &Scanner, text: &str) -> Report {
    let clock = Clock::start();
    let policy = &scanner.policy;
    let mut notes = Vec::new();
    let (text, truncated) = cut_to_limit(policy, text, &mut notes);
    let findings = reported(scanner, text, &Given::default());
    let verdict = decide(policy, &findings, truncated);
    Report { verdict, findings, stats: Stats { bytes: text.len(), elapsed_us: clock.elapsed_us(), truncated }, notes }
}

/// `text` cut to the policy's `max_scan_bytes` (on a character boundary),
/// with a note when it was cut, and whether it was.
pub(crate) fn cut_to_limit<'t>(policy: &crate::Policy, text: &'t str, notes: &mut Vec<String>) -> (&'t str, bool) {
    if text.len() <= policy.max_scan_bytes {
        return (text, false);
    }
    let mut cut = policy.max_scan_bytes;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    notes.push(format!(
        "input truncated: it is {} bytes, more than max_scan_bytes ({}); only the first {} bytes were scanned",
        text.len(),
        policy.max_scan_bytes,
        cut
    ));
    (&text[..cut], true)
}

/// The findings the policy reports: at or above its threshold, kinds not disabled.
pub(crate) fn reported(scanner: &Scanner, text: &str, given: &Given) -> Vec<Finding> {
    let policy = &scanner.policy;
    let mut findings = find(scanner, text, given);
    findings.retain(|f| reportable(policy, f.kind, f.score));
    findings
}

fn reportable(policy: &crate::Policy, kind: Kind, score: f32) -> bool {
    score >= policy.report_threshold && !policy.disabled_kinds.contains(&kind)
}

/// The verdict on reported findings: identifiers warn (or block, by mode
/// and `block_kinds`); anything not inspected (`uninspected`) gets at least
/// the policy's `on_error`; monitor mode allows everything.
pub(crate) fn decide(policy: &crate::Policy, findings: &[Finding], uninspected: bool) -> Verdict {
    let identifiers: Vec<&Finding> = findings.iter().filter(|f| f.kind.is_identifier()).collect();
    let mut verdict = if identifiers.is_empty() {
        Verdict::Allow
    } else if policy.mode == Mode::Block || identifiers.iter().any(|f| policy.block_kinds.contains(&f.kind)) {
        Verdict::Block
    } else {
        Verdict::Warn
    };
    if uninspected {
        verdict = verdict.max(policy.on_error);
    }
    if policy.mode == Mode::Monitor {
        verdict = Verdict::Allow;
    }
    verdict
}

/// What a file format already knows about a text it extracted: fields with
/// roles (a DICOM PatientName, a C-CDA birthTime), whether it is a patient
/// record, and findings that need no recognizer at all.
#[derive(Default, serde::Serialize)]
pub(crate) struct Given {
    pub fields: Vec<Field>,
    pub patient_record: bool,
    /// Reported as they are; a recognizer finding overlapping one is dropped.
    pub findings: Vec<Finding>,
}

/// Wall clock where the platform has one (not on wasm32-unknown-unknown;
/// the wasm bindings time the call themselves).
struct Clock(#[cfg(not(target_arch = "wasm32"))] std::time::Instant);

impl Clock {
    fn start() -> Clock {
        Clock(
            #[cfg(not(target_arch = "wasm32"))]
            std::time::Instant::now(),
        )
    }
    fn elapsed_us(&self) -> u64 {
        #[cfg(not(target_arch = "wasm32"))]
        return self.0.elapsed().as_micros() as u64;
        #[cfg(target_arch = "wasm32")]
        0
    }
}

/// Every finding the policy reports, with its final score (and the `given` ones, filtered by `reported`).
fn find(scanner: &Scanner, text: &str, given: &Given) -> Vec<Finding> {
    let mut findings = find_as_written(scanner, text, given);
    // What was written encoded (a JSON string's escapes, URL encoding, quoted-printable) is
    // read decoded too (twice at most: JSON in a JSON string), and what that finds on the
    // lines holding encoded text is added where the text as written was not read as well:
    // a finding holding it stays, findings overlapping it give way.
    let (original, b) = (text, text.as_bytes());
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut maps = Vec::new();
    let mut added: Vec<Finding> = Vec::new();
    while maps.len() < 2 {
        let Some((plain, map)) = crate::decode::decoded(&text) else { break };
        maps.push(map);
        // (`findings` come by start, as `find_as_written` gives them.)
        for mut f in find_as_written(scanner, &plain, &Given::default()) {
            for map in maps.iter().rev() {
                (f.start, f.end) = (map.original(f.start), map.original(f.end));
            }
            // (Its line, within 4 KB: a long line of many findings is not read whole at each.)
            let from = f.start.saturating_sub(4096);
            let line_start = b[from..f.start].iter().rposition(|&c| c == b'\n').map_or(from, |k| from + k + 1);
            let to = original.len().min(f.end + 4096);
            let line_end = b[f.end..to].iter().position(|&c| c == b'\n').map_or(to, |k| f.end + k);
            let k = findings.partition_point(|g| g.start <= f.start);
            let held = findings[k.saturating_sub(8)..k].iter().any(|g| f.end <= g.end) || added.iter().rev().take(8).any(|g| g.start <= f.start && f.end <= g.end);
            if f.end > f.start && !held && maps[0].replaced_within(line_start, line_end) {
                added.push(f);
            }
        }
        text = std::borrow::Cow::Owned(plain);
    }
    if !added.is_empty() {
        crate::text::sort_by_key(&mut added, finding_start);
        findings.retain(|g| {
            let k = added.partition_point(|a| a.start < g.end);
            !added[k.saturating_sub(8)..k].iter().any(|a| a.end > g.start)
        });
        findings.append(&mut added);
        crate::text::sort_by_key(&mut findings, finding_start);
    }
    findings
}

fn finding_start(f: &Finding) -> u64 {
    f.start as u64
}

/// [`find`] on the text as it is written, by start.
fn find_as_written(scanner: &Scanner, text: &str, given: &Given) -> Vec<Finding> {
    let doc = Doc::new(text);
    // Text pasted from rich text or escaped markup is read as plain text, and its findings
    // placed back in the original. (A format's own fields and findings hold offsets in the
    // text as it is.)
    if doc.odd && given.fields.is_empty() && given.findings.is_empty() {
        if let Some((plain, map)) = crate::text::plain_text(text) {
            let mut findings = find_in(scanner, &plain, Doc::new(&plain), given);
            for f in &mut findings {
                (f.start, f.end) = (map.original(f.start), map.original(f.end));
            }
            return findings;
        }
    }
    find_in(scanner, text, doc, given)
}

fn find_in<'t>(scanner: &Scanner, text: &'t str, doc: Doc<'t>, given: &Given) -> Vec<Finding> {
    // A fax's OCR text ("PATlENT: ... D0B:") is read as its writer meant it (same offsets).
    let undone;
    let (text, doc) = if doc.lex.iter().any(|&f| f & crate::dictionaries::flag::OCR != 0) {
        undone = crate::text::ocr_undone(&doc);
        (undone.as_str(), Doc::new(&undone))
    } else {
        (text, doc)
    };
    let mut extracted = formats::extract(&doc);
    if !given.fields.is_empty() {
        extracted.fields.extend(given.fields.iter().cloned());
        formats::sort_fields(&mut extracted.fields);
    }
    extracted.patient_record |= given.patient_record;
    let fields = &extracted.fields;
    // Room for a typical document's candidates; a large one grows as it needs.
    let mut cands = Vec::with_capacity((doc.toks.len() / 4 + 16).min(4096));
    let mut lines = Lines::new(&doc);
    // Under a report threshold above the log cap, a log line's candidates of the capped
    // kinds outside fields cannot be reported: their recognizers need not run there.
    // (An access log's client is found from its request, by the URL recognizer.)
    // (Emails and IPs run everywhere: a consumer mailbox in a log line is a person's, and so
    // is the address it signed in from, see `adjust`.)
    let muted = if scanner.policy.report_threshold > LOG_CAP { &LOG_CAPPED[..4] } else { &[] };
    // Tokens come in order: the fields started so far and the furthest end among them
    // tell whether one holds the token.
    let (mut next_field, mut reach) = (0, 0);
    recognizers::run(&doc, &mut cands, muted, |i| {
        let t = &doc.toks[i];
        while next_field < fields.len() && fields[next_field].start <= t.start as usize {
            reach = reach.max(fields[next_field].end);
            next_field += 1;
        }
        // (Not before a `^`: an HL7 name quoted in a log line is reported there, see `adjust`;
        // nor after the word "patient": `no target for patient SNOW, DAWN (0619678755)`.)
        reach < t.end as usize && lines.is_log(&doc, t.line as usize) && doc.bytes.get(t.end as usize) != Some(&b'^') && !(t.is_word() && after_patient(&doc, i))
    });
    if extracted.possessive {
        lower_case_names(&doc, &mut cands);
    }
    cands.extend(extracted.images.iter().filter_map(|&ext| recognizers::photo::find(text, ext)));
    for (pattern, re) in &scanner.custom {
        for m in re.find_iter(text) {
            if m.end() > m.start() {
                let mut c = Cand::new(pattern.kind, m.start(), m.end(), pattern.score, "organisation pattern", Needs::Nothing);
                c.source = Some(format!("policy:{}", pattern.name));
                cands.push(c);
            }
        }
    }
    // A test patient named in prose or a message: "dummy member (Jane Doe, 555-0142)", `ZZTEST^ALPHA`
    // (before it can mark the document as about a patient).
    // (And a name after "test patient" or "demo patient".)
    cands.retain(|c| c.kind != Kind::PersonName || !test_patient(caret_run(&doc, c.start, c.end)) && !after_test_cue(&doc, c.start));
    field_candidates(&doc, fields, &mut cands, &mut lines);
    // An id in parentheses after a test patient's name, its field's too: `ZZTEST^BRAVO (MRN T0004411)`.
    cands.retain(|c| !c.kind.is_identifier() || c.kind == Kind::PersonName || !test_patients_id(&doc, c.start));
    at_home(&mut extracted.fields, &mut cands);
    let fields = &extracted.fields;
    names_on_patient_lines(&doc, fields, &mut cands);
    let anchor = extracted.patient_record
        || device_user(&doc, fields)
        || extracted.probes & formats::probe::FROM != 0 && recognizers::email::personal_sender(text)
        || cands.iter().any(|c| {
            // (Not a name that is a staff field's whole value: a rotation's `member: Xee Vang`.)
            is_anchor(c) && !(c.kind == Kind::PersonName && field_at(fields, c.start, c.end).is_some_and(|f| f.role == Role::Staff && (f.start, f.end) == (c.start, c.end)))
                || c.kind == Kind::Date && field_at(fields, c.start, c.end).is_some_and(|f| f.role == Role::Dob && f.strong)
                || matches!(c.kind, Kind::Phone | Kind::Email) && field_at(fields, c.start, c.end).is_some_and(|f| role_fits(f.role, c.kind) && patient_label(&doc, f))
        });

    let health = health_words(&doc, &cands);
    let staff = staff_words(&doc, fields, &cands);
    for c in &mut cands {
        adjust(&doc, fields, c, anchor, health, &staff, &mut lines);
    }
    if !anchor {
        lone_addresses(&doc, &mut cands);
        // An account code of two abbreviations, `SHL-NBS-974`, `VR-IA-7395`, in a document about no
        // patient: an organisation's account with its vendor; so is an account after a facility's
        // name, "Mercy Regional Medical Center (acct 0010039912)". And a licence there is a
        // pharmacist's, a store's DEA registration, an establishment's; a device's serial the device's.
        for c in cands.iter_mut().filter(|c| matches!(c.kind, Kind::AccountNumber | Kind::LicenseNumber | Kind::DeviceId)) {
            let groups = text[c.start..c.end].split(|ch: char| !ch.is_ascii_alphabetic()).filter(|g| g.len() >= 2).count();
            if groups >= 2 || c.kind != Kind::AccountNumber || customer_account(&doc, c.start, c.end) || cloud_account(&doc, c.start, c.end) {
                c.score = c.score.min(0.45);
            }
        }
    }
    let threshold = scanner.policy.report_threshold;
    listed(doc.bytes, &mut cands, threshold);
    propagate_names(&doc, &mut cands, &staff, threshold);
    propagate_values(text, &mut cands, threshold);
    let mut kept = resolve_overlaps(cands, threshold);
    // (Each pattern's matches walked beside the candidates, both by start: a pattern runs once
    // over the text, not once per candidate.)
    for re in &scanner.allow {
        let mut matches = re.find_iter(text);
        let mut m = matches.next();
        kept.retain(|c| {
            while m.is_some_and(|m| m.end() <= c.start) {
                m = matches.next();
            }
            !m.is_some_and(|m| m.start() <= c.start && c.end <= m.end())
        });
    }
    merge_adjacent_names(&doc, &mut kept);
    // (Previews only for what the policy reports: most candidates score below it.)
    let rounded = |c: &Cand| (c.score.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    let mut findings: Vec<Finding> = kept
        .into_iter()
        .filter(|c| c.score > 0.0 && reportable(&scanner.policy, c.kind, rounded(c)) && !given.findings.iter().any(|g| g.start < c.end && c.start < g.end))
        .map(|c| Finding {
            kind: c.kind,
            start: c.start,
            end: c.end,
            score: rounded(&c),
            preview: preview(c.kind, &text[c.start..c.end]),
            reason: c.why.into(),
            source: c.source,
        })
        .collect();
    if !given.findings.is_empty() {
        findings.extend(given.findings.iter().cloned());
        crate::text::sort_by_key(&mut findings, finding_start);
    }
    findings
}

/// A record of a device's user: a name field with a device's serial and an address within a few
/// lines (`ship_name:`, `ship_street:`, `returned_sn:` in a `\G` dump of replacement shipments).
fn device_user(doc: &Doc, fields: &[Field]) -> bool {
    // (A person's name, not a test rig's `"display_name": "ZZTEST Bench Rig 3"`; a street, not a
    // Bluetooth `"ble_addr"`.)
    let near = |f: &Field, roles: &[Role]| {
        let line = doc.line_of(f.start);
        fields.iter().any(|g| {
            let v = doc.text[g.start..g.end].trim();
            roles.contains(&g.role) && doc.line_of(g.start).abs_diff(line) <= 8 && !placeholder(v) && (g.role != Role::Address || v.contains(' '))
        })
    };
    fields.iter().filter(|f| f.role == Role::Device).take(16).any(|f| near(f, &[Role::Name]) && near(f, &[Role::Address, Role::Zip]))
}

/// "- [ ] İsmail Doğan (431) - EDD Sep 14, 2025 - rehab": a name on a line
/// where a prose label gives a patient's date or record number is that
/// patient's.
fn names_on_patient_lines(doc: &Doc, fields: &[Field], cands: &mut [Cand]) {
    // A claim's or an encounter's record without its header (a fixed-width golden file's
    // `3405657918  LEFÈVRE,LOÏC   19771018 20261003 … E03.9`): a name in `LAST,FIRST` order with
    // a date and a dotted diagnosis code on its line.
    let lines_of = |kind: Kind, why: Option<&str>| -> Vec<usize> {
        let mut v: Vec<usize> = cands.iter().filter(|c| c.kind == kind && why.is_none_or(|w| c.why == w)).map(|c| doc.line_of(c.start)).collect();
        crate::text::sort_by_key(&mut v, |&l| l as u64);
        v
    };
    let (coded, dated) = (lines_of(Kind::DiagnosisCode, Some("ICD-10-CM code")), lines_of(Kind::Date, None));
    if !coded.is_empty() && !dated.is_empty() {
        for c in cands.iter_mut().filter(|c| c.kind == Kind::PersonName && c.why == "name in Last, First order" && !c.staff_cue) {
            let line = doc.line_of(c.start);
            c.patient_cue |= coded.binary_search(&line).is_ok() && dated.binary_search(&line).is_ok();
        }
    }
    // (Not a new hire's `Start date:`.)
    let patient_field = |f: &&Field| f.source.is_none() && matches!(f.role, Role::Dob | Role::PersonDate | Role::Mrn | Role::MemberId | Role::Age) && !(f.role == Role::PersonDate && period_bound(doc, f));
    let labelled: Vec<&Field> = fields.iter().filter(patient_field).collect();
    if labelled.is_empty() {
        return;
    }
    // The lines where such a field holds a value of its kind (fields are sorted by start).
    let mut rows: Vec<usize> = Vec::new();
    for c in cands.iter().filter(|c| matches!(c.kind, Kind::Date | Kind::Mrn | Kind::HealthPlanId)) {
        let i = labelled.partition_point(|f| f.start <= c.start);
        if labelled[..i].iter().rev().take(4).any(|f| c.end <= f.end && role_fits(f.role, c.kind)) {
            rows.push(doc.line_of(c.start));
        }
    }
    // "Name: Murugan Subramaniam   Age: 24   Sex: M": an age given in a field is a patient's.
    rows.extend(labelled.iter().filter(|f| f.role == Role::Age && doc.bytes.get(f.start).is_some_and(u8::is_ascii_digit)).map(|f| doc.line_of(f.start)));
    if rows.is_empty() {
        return;
    }
    // (The core's one sort, not an instantiation of its own.)
    crate::text::sort_by_key(&mut rows, |&r| r as u64);
    for c in cands.iter_mut().filter(|c| c.kind == Kind::PersonName && !c.staff_cue && c.source.is_none() && !role_abbreviation_before(doc, c.start)) {
        c.patient_cue |= rows.binary_search(&doc.line_of(c.start)).is_ok();
    }
}

/// "FSE: Tomás Ibarra   Service date: …", "SQE: …": a name after a role's abbreviation no label
/// list knows is that role's holder, not the patient of a date on its line.
fn role_abbreviation_before(doc: &Doc, start: usize) -> bool {
    let i = doc.tok_at(start);
    i > 0 && doc.gap_before(i) == ": " && {
        let t = &doc.toks[i - 1];
        t.is_word() && t.is(crate::text::UPPER) && (2..=5).contains(&t.len()) && !doc.has(i - 1, crate::dictionaries::flag::LABEL_START) && !doc.s(i - 1).eq_ignore_ascii_case("pt")
    }
}

/// Kinds a log line shows for technical reasons (timestamps, callers, servers,
/// class names): outside a field, their candidates there score at most `LOG_CAP`.
/// (The first four are muted in log lines, see `find`.)
const LOG_CAPPED: [Kind; 7] = [Kind::Date, Kind::Phone, Kind::PersonName, Kind::StreetAddress, Kind::IpAddress, Kind::Email, Kind::ZipCode];
const LOG_CAP: f32 = 0.3;

/// Whether token `i` follows the word "patient" on its line: a log line's error
/// that names the patient it failed on names a person, not a class or a server.
fn after_patient(doc: &Doc, i: usize) -> bool {
    // (The word starts labels: one flag to test at each of a log's tokens before its text.)
    i > 0 && doc.has(i - 1, flag::LABEL_START) && doc.gap_before(i) == " " && doc.s(i - 1).eq_ignore_ascii_case("patient")
}

/// A candidate that shows the document is about an identified patient.
fn is_anchor(c: &Cand) -> bool {
    c.score >= 0.8 && matches!(c.kind, Kind::Mrn | Kind::HealthPlanId | Kind::MedicareMbi | Kind::Ssn)
        || (c.kind == Kind::Date && c.score >= 0.8 && c.why.contains("birth"))
        || (c.kind == Kind::PersonName && (c.patient_cue || c.score >= 0.85))
        || (c.kind == Kind::Url && c.needs == Needs::Nothing && c.source.is_none())
}

/// How much health vocabulary the document holds (conditions, drugs,
/// codes, clinical words).
fn health_words(doc: &Doc, cands: &[Cand]) -> usize {
    let mut n = cands.iter().filter(|c| !c.kind.is_identifier()).count();
    for &f in &doc.lex {
        if n >= 3 {
            break;
        }
        if f & flag::CLINICAL != 0 {
            n += 1;
        }
    }
    n
}

/// The nearest character boundaries at or after / at or before `i`.
fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Orders spans by start, then end (a function, not a closure: one sort's code for
/// every list of spans).
fn by_start(s: &(usize, usize)) -> u64 {
    (s.0 as u64) << 32 | s.1 as u64
}

/// "cc: Budi Wijaya, 160 Pinecrest Pl #18, Lewiston, ME 04256": a recipient at a
/// street address is a patient or a relative, not staff. The field names someone.
fn at_home(fields: &mut [Field], cands: &mut [Cand]) {
    // (Few candidates are addresses: those first, not every candidate for every staff field.)
    let mut homes: Vec<(usize, usize)> = cands.iter().filter(|c| c.kind == Kind::StreetAddress && c.score >= 0.5).map(|c| (c.start, c.end)).collect();
    if homes.is_empty() {
        return;
    }
    // By start, each end lowered to the nearest end from there on: a field holds an
    // address when the first starting in it ends, at the nearest, within it.
    if !homes.is_sorted() {
        crate::text::sort_by_key(&mut homes, by_start);
    }
    for k in (1..homes.len()).rev() {
        homes[k - 1].1 = homes[k - 1].1.min(homes[k].1);
    }
    // The fields that hold one, in order (fields are by start), each end raised to the
    // furthest so far: a name is in one when the last starting at or before it reaches its end.
    let mut named: Vec<(usize, usize)> = Vec::new();
    for f in fields.iter_mut().filter(|f| f.role == Role::Staff) {
        if homes.get(homes.partition_point(|h| h.0 < f.start)).is_some_and(|h| h.1 <= f.end) {
            f.role = Role::Name;
            named.push((f.start, f.end.max(named.last().map_or(0, |n| n.1))));
        }
    }
    let inside = |c: &Cand| named.get(named.partition_point(|n| n.0 <= c.start).wrapping_sub(1)).is_some_and(|n| n.1 >= c.end);
    for c in cands.iter_mut().filter(|c| c.kind == Kind::PersonName && inside(c)) {
        c.staff_cue = false;
        c.why = "name beside a home address";
    }
}

/// Lower-case words of staff names: mentions, "Dr. X", "X, MD", names in
/// Reporter/Assignee/provider fields.
/// (A map to nothing rather than a set: the wasm package then holds one hash table
/// type for all its maps keyed by strings.)
fn staff_words(doc: &Doc, fields: &[Field], cands: &[Cand]) -> FxMap<String, usize> {
    let mut set = FxMap::default();
    let mut add = |s: usize, e: usize| {
        // Whole characters only: a long staff field is cut at 200 bytes, maybe inside one.
        let Some(span) = doc.text.get(ceil(doc.text, s)..floor(doc.text, e)) else { return };
        for w in span.split(|c: char| !c.is_alphanumeric()) {
            if w.chars().count() > 1 && w.chars().next().is_some_and(char::is_uppercase) {
                set.insert(w.to_lowercase(), 0);
            }
        }
    };
    for c in cands.iter().filter(|c| c.staff_cue) {
        add(c.start, c.end);
    }
    for f in fields.iter().filter(|f| f.role == Role::Staff) {
        add(f.start, f.end.min(f.start + 200));
    }
    set
}

/// Whether a field role is consistent with a candidate kind.
fn role_fits(role: Role, kind: Kind) -> bool {
    match role {
        Role::Address => matches!(kind, Kind::StreetAddress | Kind::ZipCode),
        Role::City => kind == Kind::StreetAddress,
        Role::Note => false,
        r => r.kind() == Some(kind),
    }
}

/// Contact details: identifying, but as likely staff's as a patient's.
fn contact_role(role: Role) -> bool {
    matches!(role, Role::Phone | Role::Email | Role::Address | Role::City | Role::Zip | Role::Name | Role::Url | Role::Ip)
}

/// Roles whose values are identifiers by themselves: any other identifier
/// shape inside them is the role's kind instead (an MRN that looks like a phone).
fn id_role(role: Role) -> bool {
    matches!(role, Role::Mrn | Role::MemberId | Role::Account | Role::License | Role::Vehicle | Role::Device | Role::Biometric | Role::OtherId | Role::Mbi)
}

/// Creates candidates for values that only their field identifies (MRNs,
/// names in a name column, ZIPs in a ZIP column).
fn field_candidates(doc: &Doc, fields: &[Field], cands: &mut Vec<Cand>, lines: &mut Lines) {
    let text = doc.text;
    // Candidates sorted by start, to find those inside each field.
    crate::text::sort_by_key(cands, |c| c.start as u64);
    let mut extra = Vec::new();
    for f in fields {
        let Some(kind) = f.role.kind() else { continue };
        let lo = cands.partition_point(|c| c.start < f.start);
        // A word the name recognizer ruled out ("Levi", "Eve") does not stand for a patient
        // name field's value: `LEVI^SARAH` in PID-5 is a name.
        // ("Kim, Min-jun" in a name column where only "Min-jun" was recognised: the cell is the name.)
        // (So with a labelled name before its reading: "患者氏名： 山田 由美 様（Yumi Yamada）".)
        // (And an HL7 name in any name field: `name=SUBRAMANIAN^MURUGAN` in an engine's log.)
        let caret_name = f.role == Role::Name && f.strong && text.as_bytes()[f.start..f.end].contains(&b'^');
        let name_cell = (f.source.is_some() || f.strong) && matches!(f.role, Role::PatientName | Role::RelativeName) || caret_name;
        let inside = cands[lo..].iter().take_while(|c| c.start < f.end).any(|c| {
            (c.score > 0.0 || f.role != Role::PatientName) && c.end <= f.end && role_fits(f.role, c.kind) && !part_of_cell(f, c) && !(name_cell && (c.start > f.start || c.end < f.end))
                // (A street found in an address field whose city follows: the field is the address;
                // not in code, `Address = { new Address { Line = … } }`.)
                && !(f.role == Role::Address && f.strong && c.kind == Kind::StreetAddress && c.end + 3 < f.end && !text[f.start..f.end].contains(['{', '[', '"', '=', '\'']))
        });
        // "Sullivan, Paula (2416033)" in a patient column: the code is the patient's record number.
        let v = &text[f.start..f.end];
        if let Some(open) = v.strip_suffix(')').and_then(|w| w.rfind('(')).filter(|_| f.role == Role::PatientName) {
            let code = &v[open + 1..v.len() - 1];
            if (5..=20).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) && code.bytes().filter(u8::is_ascii_digit).count() >= 4 {
                let s = f.start + open + 1;
                let mut c = Cand::new(Kind::Mrn, s, s + code.len(), 0.8, "record number beside a patient's name", Needs::Nothing);
                c.source = f.source.clone();
                extra.push(c);
            }
        }
        if inside && !id_role(f.role) {
            continue;
        }
        // (And the Jane of a Jane Doe whose parts are separate fields: FHIR's family and given.)
        if placeholder(v) || matches!(v, "Jane" | "John") && matches!(f.role, Role::PatientName | Role::Name) && crate::text::has(doc.window(f.start.saturating_sub(160), f.end + 160), "Doe") {
            continue;
        }
        let in_code = f.source.is_none() && lines.kind(doc, doc.line_of(f.start)) == LineKind::Code;
        let structured = f.source.is_some();
        let why = f.role.describe();
        let mk = |kind: Kind, s: usize, e: usize, score: f32, needs: Needs| {
            let mut c = Cand::new(kind, s, e, score, why, needs);
            c.source = f.source.clone();
            c.patient_cue = matches!(f.role, Role::PatientName | Role::RelativeName) && !in_code;
            c
        };
        match f.role {
            Role::PatientName | Role::RelativeName | Role::Name => {
                // In prose, a name after "Name:" is capitalised; structured cells may be any case.
                // "KWARCIAK, TOLA (A7978720)": the name before an id in parentheses.
                // ("山田 由美 様（Yumi Yamada）": the name before its honorific and its reading.)
                // ("Hirut Bekele (friend) (914) 335-2180": a contact's name before a relation and a phone.)
                let open = v.strip_suffix(')').and_then(|w| w.rfind(" (")).or_else(|| v.strip_suffix('）').and_then(|w| w.rfind('（')))
                    .or_else(|| v.find(" (").filter(|&k| v.as_bytes()[k..].iter().filter(|b| b.is_ascii_digit()).count() >= 7));
                let v = open.map_or(v, |open| &v[..open]).trim_end().trim_end_matches(['様', ' ']);
                // ("brother Samir (304) 555-…" in a contact's cell: the relation says who, the rest is the name.)
                let skip = v.split_once(' ').filter(|(w, rest)| !rest.is_empty() && recognizers::is_relation(w)).map_or(0, |(w, _)| w.len() + 1);
                let v = &v[skip..];
                // (Its letters as written in a JSON string, `"Gy\u0151ri"`: the tests read them decoded.)
                let (len, unescaped) = (v.len(), crate::decode::unescaped(v));
                let v = unescaped.as_deref().unwrap_or(v);
                // (A JSON "name" of no known owner in lower case names a thing: a Postman request's
                // "Create patient", a collection's "FHIR smoke"; so does a `name:` in code, a test case's "us input".)
                let thing = f.role == Role::Name && f.source.as_deref().is_some_and(|s| s.starts_with("json:") || s.starts_with("code:"));
                let upper = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
                // (Where a thing's name may come, a name's particles stay lower case: "dos Santos".)
                let capitalised = structured && !thing || if thing { v.split_whitespace().last().is_some_and(upper) } else { v.split_whitespace().all(upper) };
                // ("patient nm: aitor etxeberria" typed in lower case: after a patient's label,
                // a dictionary name and no common word.)
                let capitalised = capitalised || f.role == Role::PatientName && f.strong && lower_names(v);
                // ("husband", "granddaughter" in a contact's column say who, not the name.)
                if looks_like_name(v) && capitalised && (f.strong || structured) && !recognizers::is_relation(v) {
                    let (score, needs) = if f.role == Role::Name && !caret_name { (0.35, Needs::Patient) } else { (0.9, Needs::Nothing) };
                    extra.push(mk(kind, f.start + skip, f.start + skip + len, if in_code { 0.3 } else { score }, needs));
                }
            }
            Role::Dob | Role::PersonDate => {
                let digits = v.trim();
                if iso_timestamp(digits) {
                    // 2024-08-12T00:44:00Z in a service date column: the whole value.
                    extra.push(mk(Kind::Date, f.start, f.end, 0.9, Needs::Nothing));
                    continue;
                }
                if structured && month_day(digits) {
                    // "03/26 08:00" in an Appt column: a date without its year is still the patient's.
                    extra.push(mk(Kind::Date, f.start, f.start + digits.len() + (v.len() - v.trim_start().len()), 0.6, Needs::Patient));
                    continue;
                }
                if (8..=14).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+') {
                    let y: u32 = digits[..4].parse().unwrap_or(0);
                    let m: u32 = digits[4..6].parse().unwrap_or(0);
                    let d: u32 = digits[6..8].parse().unwrap_or(0);
                    if (1850..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                        extra.push(mk(Kind::Date, f.start, f.end, 0.9, Needs::Nothing));
                    }
                }
            }
            Role::Age => {
                // ("98", "94 y/o", "92yo", "91 years".)
                let digits = v.trim().trim_end_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '/');
                let n: u32 = digits.parse().unwrap_or(0);
                // (Not a population's band: "90 y and over", "90+", "90 or older".)
                let band = v.contains('+') || [" and ", " or "].iter().any(|w| v.contains(w));
                if (90..=125).contains(&n) && !band && !crate::recognizers::age::bound_on_line(digits, &doc.text[f.end..doc.line_end(doc.line_of(f.end))]) {
                    extra.push(mk(kind, f.start, f.end, 0.85, Needs::Nothing));
                }
            }
            Role::Address | Role::City => {
                // An address column's second line may be "#40" alone.
                // (A server's address is a URL: `server_address: https://fhir-gw.internal:8443/fhir`.)
                let ok = (v.chars().any(char::is_alphabetic) || v.starts_with('#')) && v.len() <= 120 && (structured || f.strong) && !crate::text::has(v, "://");
                if ok && (f.role == Role::Address && v.chars().any(|c| c.is_ascii_digit()) || structured || f.role == Role::City && f.strong && v.len() <= 40) {
                    extra.push(mk(Kind::StreetAddress, f.start, f.end, 0.45, Needs::Patient));
                }
            }
            Role::Zip => {
                let t = v.trim();
                let ok = (t.len() == 5 || t.len() == 10 && t.as_bytes()[5] == b'-' || t.len() == 9) && t.bytes().filter(u8::is_ascii_digit).count() >= 5 && t.bytes().all(|b| b.is_ascii_digit() || b == b'-');
                if ok {
                    extra.push(mk(Kind::ZipCode, f.start, f.end, 0.45, Needs::Patient));
                }
            }
            Role::Phone => {
                // (The number, not the words after it: "phone 617-555-0199 is fictional".)
                let v = v.as_bytes().windows(2).position(|w| w[0] == b' ' && w[1].is_ascii_lowercase()).map_or(v, |k| &v[..k]);
                if placeholder(v) {
                    continue;
                }
                let digits = v.bytes().filter(u8::is_ascii_digit).count();
                // HL7 XTN splits a number into area code (component 6) and local number (7).
                let area_code = v.len() == 3 && digits == 3 && v.as_bytes()[0] >= b'2' && f.source.as_deref().is_some_and(|s| s.starts_with("hl7:") && s.ends_with(".6"));
                if area_code || (7..=15).contains(&digits) && v.bytes().all(|b| b.is_ascii_digit() || b" ()-.+xX".contains(&b) || b.is_ascii_alphabetic() && v.len() < 30) {
                    // Not the sentence's full stop: "Best callback: 915 555 0148."
                    extra.push(mk(Kind::Phone, f.start, f.start + v.trim_end_matches(['.', ',', ';']).len(), 0.45, Needs::Patient));
                }
            }
            Role::Url if v.starts_with("http") && !crate::recognizers::url::work_item(v) => extra.push(mk(Kind::Url, f.start, f.end, 0.45, Needs::Patient)),
            r if id_role(r) => {
                // (Not a licence key's 20 hex digits under `License:`: no state's licence is so long
                // in one piece.)
                // (Nor a coded value's code after a prose label: `identifier 150456^MDC_PULS_OXIM_SAT_O2^MDC`.)
                let coded = |e: usize| f.source.is_none() && text.as_bytes().get(e) == Some(&b'^') && text.as_bytes().get(e + 1).is_some_and(u8::is_ascii_alphabetic);
                if let Some((s, e)) = id_value(text, f).filter(|&(s, e)| (r != Role::License || e - s <= 16 || text[s..e].contains([' ', '-'])) && !coded(e)) {
                    let score = if matches!(r, Role::Mrn | Role::MemberId | Role::Mbi) { 0.9 } else { 0.8 };
                    let score = if in_code { 0.3 } else { score };
                    // (A serial is a patient's device's only beside a patient or in clinical
                    // text: a switch's or a server's in a CMDB or an inventory is not.)
                    // (So is another id's, an authorization's or an accession's: `Auth #` may be a token's;
                    // and a vehicle's: an ambulance's VIN in a fleet list is the organisation's.)
                    let (score, needs) = if matches!(r, Role::Device | Role::Biometric | Role::OtherId | Role::Vehicle) { (0.45f32.min(score), Needs::Patient) } else { (score, Needs::Nothing) };
                    extra.push(mk(kind, s, e, score, needs));
                }
            }
            Role::Diagnosis | Role::Procedure | Role::Medication | Role::DrugCode if structured => {
                let t = v.trim();
                if !t.is_empty() && t.len() <= 40 {
                    extra.push(mk(kind, f.start, f.end, 0.55, Needs::Patient));
                }
            }
            _ => {}
        }
    }
    cands.extend(extra);
}

/// `03/26` or `03/26 08:00`: a month and day (no year), perhaps with a clock time.
fn month_day(v: &str) -> bool {
    let b = v.as_bytes();
    let (md, time) = v.split_once(' ').unwrap_or((v, ""));
    let Some((m, d)) = md.split_once('/') else { return false };
    let two = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
    let clock = time.is_empty() || time.len() == 5 && time.as_bytes()[2] == b':' && two(&time[..2]) && two(&time[3..]);
    b.len() <= 11 && two(m) && two(d) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)) && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)) && clock
}

/// A candidate that covers only part of a structured address or date cell
/// ("16358 E Meadow" of "16358 E Meadow Ave. Unit 36", the date of
/// "2023-03-20 22:50:00"): the cell is the value.
fn part_of_cell(f: &Field, c: &Cand) -> bool {
    f.source.is_some() && matches!(f.role, Role::Address | Role::Dob | Role::PersonDate) && (c.start > f.start || c.end < f.end)
}

/// `2024-08-12T00:44:00Z`, `2024-08-12 00:44:00`, `2024-08-12T00:44:00.000+02:00`.
fn iso_timestamp(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 16
        && b.len() <= 35
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b' ')
        && b[13] == b':'
        && b.iter().all(|c| c.is_ascii_digit() || b"-:T .+Z".contains(c))
}

/// `start..end` widened to the letters, digits and `^` around it (up to 32 bytes each side, so a
/// long run of them is not read again at every name): an HL7 name's components, or a family name
/// and its comma before a given name (`ZZTEST, ALFA`).
fn caret_run<'t>(doc: &Doc<'t>, start: usize, end: usize) -> &'t str {
    let caret = |b: &u8| b.is_ascii_alphanumeric() || *b == b'^';
    // (With a family name before a comma: `ZZTEST, ALFA`, `ZZZTEST,CADENCE`.)
    let mut s = start;
    while s > start.saturating_sub(32) && (caret(&doc.bytes[s - 1]) || doc.bytes[s - 1] == b',' || s >= 3 && doc.bytes[s - 1] == b' ' && doc.bytes[s - 2] == b',') {
        s -= if doc.bytes[s - 1] == b' ' { 2 } else { 1 };
    }
    &doc.text[s..end + doc.bytes[end..].iter().take(32).take_while(|b| caret(b)).count()]
}

/// "the demo patient Jane Sample", "test pt Anna", "new sandbox test patients (SMART, NANCY;
/// SMART, WILMA)": a name the text says is a test patient's.
fn after_test_cue(doc: &Doc, start: usize) -> bool {
    let mut words = doc.window(start.saturating_sub(24), start).trim_end().rsplit(' ');
    let clause = doc.window(start.saturating_sub(40), start);
    let clause = &clause[clause.rfind(['.', '\n']).map_or(0, |k| k + 1)..];
    words.next().is_some_and(|w| crate::text::one_of_ci(w.as_bytes(), &["patient", "pt"])) && words.next().is_some_and(placeholder)
        || crate::text::has_ci(clause, "test patients (")
}

/// An id in parentheses right after a test patient's name: `ZZTEST^BRAVO (MRN T0004411)`.
fn test_patients_id(doc: &Doc, start: usize) -> bool {
    let from = start.saturating_sub(16);
    let before = &doc.bytes[from..start];
    let Some(open) = before.iter().rposition(|&b| b == b'(') else { return false };
    let label = &before[open + 1..];
    let at = from + open;
    label.iter().all(|&b| b.is_ascii_alphabetic() || b" #:".contains(&b)) && at >= 2 && doc.bytes[at - 1] == b' ' && test_patient(caret_run(doc, at - 1, at - 1))
}

/// A test patient's name: `ZZTEST^ALPHA`, `Jane Doe`, `TEST, PATIENT`. Only names holding `zz`,
/// `do` or `te` go on to the placeholder test (it is too costly for every name): a name such as
/// `Dummy Patient` or `Sample, Sam` is not looked for here.
pub(crate) fn test_patient(name: &str) -> bool {
    name.as_bytes().windows(2).any(|w| matches!([w[0] | 0x20, w[1] | 0x20], [b'z', b'z'] | [b'd', b'o'] | [b't', b'e'])) && placeholder(name)
}

/// Test-data placeholders: all-zero ids, "Test Patient", "John Doe", 1900-01-01.
pub(crate) fn placeholder(v: &str) -> bool {
    let t = v.trim();
    // Three or more letters and digits, all the same character.
    let mut alnum = t.chars().filter(|c| c.is_alphanumeric());
    if let Some(first) = alnum.next() {
        let (mut n, mut same) = (1, true);
        for c in alnum {
            n += 1;
            same &= c == first;
        }
        if n >= 3 && same {
            return true;
        }
    }
    if crate::recognizers::is_placeholder_date(t) && t.len() <= 10 {
        return true;
    }
    // Template slots: <STREET>, {city}, ${PATIENT_NAME}, @NAME@, ***.
    // (And a scrubbed value's type: [ADDRESS], [NAME].)
    let typed = t.len() >= 4 && t.starts_with('[') && t.ends_with(']') && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    if t.len() >= 3 && (t.starts_with('<') && t.ends_with('>') || t.starts_with(['{', '$']) && t.ends_with('}') || t.bytes().all(|b| b == b'*')) || typed || formats::has_slot(t) {
        return true;
    }
    // Documented test values: the 555-01xx phones, TEST00000001, the CMS example MBI, `123-45-6789`.
    // (Their last seven digits, on the stack: this runs on every field's value.)
    // (A value closed by its markup too: `<mbi=1EG4-TE5-MK73>` in an assertion's message.)
    let t = t.trim_end_matches(['>', ')', ']']);
    let fictional = t.len() <= 16 && {
        let (mut last, mut n) = ([0u8; 7], 0);
        for d in t.bytes().filter(u8::is_ascii_digit) {
            last.rotate_left(1);
            last[6] = d;
            n += 1;
        }
        n >= 7 && last.starts_with(b"55501")
    };
    if fictional || crate::recognizers::is_example_mbi(t) || crate::recognizers::is_example_ssn(t) {
        return true;
    }
    // Digits counting up after any leading zeros: 12345, 0012345, 123456789, maybe with a
    // check digit after them (the DEA example `AB1234563`); or all zeros; after a prefix of
    // up to four capitals too (`E0000000`, `MR000000`, `ABC12345`).
    let code = t.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_start_matches('-');
    let digits = code.trim_start_matches('0').as_bytes();
    let counting = |d: &[u8]| d.len() >= 5 && d.windows(2).all(|w| w[1] == w[0] + 1);
    // (Or a test series' small number padded with four zeros or more: `T0000042`, `00000101`.)
    let padded = code.len() - digits.len() >= 4 && digits.len() <= 3;
    if t.len() - code.len() <= 4 && code.len() >= 5 && code.bytes().all(|b| b.is_ascii_digit()) && (padded || counting(digits) || digits.len() >= 7 && counting(&digits[..digits.len() - 1])) {
        return true;
    }
    let mut buf = [0u8; 48];
    let lower = crate::text::lower_into(t, &mut buf);
    // John Doe in any order and separators (`DOE^JANE`, `Doe, John`).
    let mut words = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    if lower.contains("doe") && words.all(|w| matches!(w, "john" | "jane" | "doe" | "baby" | "j")) {
        return true;
    }
    // (And a numbered test code with a short tag: `TESTMBR0001`, `TESTCLM00001`; not "Testa";
    // and the `ZZ` names that keep test patients at the end of a list: `ZZTEST^ALPHA`, `ZZTRAIN`;
    // and the HL7 standard's example patient, `EVERYMAN^ADAM^A^III`; a test system's `tst-1`;
    // and the phantom a scanner's quality check images, `QA^WATER^PHANTOM`.)
    lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let word = w.trim_end_matches(|c: char| c.is_ascii_digit());
        word.len() >= 5 && word.starts_with("zz") && word.bytes().all(|b| b.is_ascii_alphabetic()) ||
        matches!(word, "test" | "testing" | "qa" | "dummy" | "sample" | "fake" | "example" | "demo" | "placeholder" | "redacted" | "xxx" | "tbd" | "lorem" | "ipsum" | "everyman" | "tst" | "phantom") || word.len() < w.len() && word.len() <= 8 && word.starts_with("test")
            // (`TESTMEMBER, ALPHA`, `TESTPATIENT`.)
            || word.strip_prefix("test").is_some_and(|r| matches!(r, "patient" | "member" | "user" | "pt"))
    })
        // (First or last name unknown, a totals row, a subscriber who is the patient.)
        || matches!(&*lower, "patient" | "unknown" | "anonymous" | "n/a" | "none" | "null" | "fnu" | "lnu" | "self" | "grand total")
}

/// Whether a prose field's first date, before `at`, is a test date (`19000101`).
fn test_date_first(text: &str, f: &Field, at: usize) -> bool {
    let v = &text.as_bytes()[f.start..at.max(f.start)];
    let s = v.iter().position(u8::is_ascii_digit).unwrap_or(v.len());
    let e = v[s..].iter().position(|&c| c == b' ').map_or(v.len(), |n| s + n);
    f.source.is_none() && e < v.len() && crate::recognizers::is_placeholder_date(&text[f.start + s..f.start + e])
}

/// Where an id field's value is a code: its first chunk when that has digits
/// and an id's length.
fn id_value(text: &str, f: &Field) -> Option<(usize, usize)> {
    // A card's id printed in groups, "ZMD 1287 450639", as a structured cell's whole value.
    let (mut vs, ve) = formats::trim_value(text, f.start, f.end);
    // A driver's licence after its state (`MI W 616 991 547 142`, `FL G303-801-86-341-6`),
    // perhaps printed in groups after one letter.
    let licence = f.role == Role::License;
    if licence && text[vs..ve].len() > 4 && text.as_bytes()[vs..vs + 2].iter().all(u8::is_ascii_uppercase) && text.as_bytes()[vs + 2] == b' ' {
        vs += 3;
    }
    let v = &text[vs..ve];
    let groups = v.split(' ').count();
    if f.source.is_some() && (2..=4).contains(&groups) && v.len() <= 24 && v.split(' ').all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        && v.bytes().filter(u8::is_ascii_digit).count() >= 6
    {
        return Some((vs, ve));
    }
    // In prose, "Member ID: WZE 9274 070197": letters, then groups of digits.
    let mut len = 0;
    for (n, g) in v.split(' ').take(4 + usize::from(licence)).enumerate() {
        let g = g.trim_end_matches(['.', ',', ';', ')']);
        let ok = if n == 0 { g.len() >= 2 - usize::from(licence) && g.bytes().any(|b| b.is_ascii_uppercase()) && g.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) } else { g.len() >= 3 && g.bytes().all(|b| b.is_ascii_digit()) };
        if !ok {
            break;
        }
        len += (n > 0) as usize + g.len();
    }
    if len <= 24 && v[..len].contains(' ') && v[..len].bytes().filter(u8::is_ascii_digit).count() >= 6 {
        return Some((vs, vs + len));
    }
    let (s, e) = first_chunk(text, vs, f.end);
    let chunk = &text[s..e];
    let digits = chunk.bytes().filter(u8::is_ascii_digit).count();
    let udi = f.role == Role::Device && chunk.starts_with('(') && chunk.len() <= 80;
    // "[EMPI 10.114.44.48:443]": a server, not a record number.
    let ipv4 = chunk.split('.').count() == 4 && chunk.split('.').all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    // "fhir-server chart 3.21.2": a version, not a record number.
    let version = chunk.contains('.') && chunk.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) && chunk.split('.').next().is_some_and(|p| p.len() <= 2);
    // A device serial, or an id in a structured column, may hold few digits:
    // "sensor serial PDT8M3ZGDU", a Member ID cell "ZGPZ2K7RCPN".
    let serial = (f.role == Role::Device || f.source.is_some()) && (6..=24).contains(&chunk.len()) && digits >= 1 && chunk.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    // "Visit 08/08/2026": a date, not a visit number; "serial 0001-9999": a range of them.
    let range = chunk.split_once('-').is_some_and(|(a, z)| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()) && z.len() >= 2 && z.bytes().all(|b| b == b'9'));
    // "Vehicle: 2016 Ford F-150": a model year, not a plate.
    let year = f.role == Role::Vehicle && chunk.len() == 4 && (chunk.starts_with("19") || chunk.starts_with("20")) && digits == 4;
    ((digits >= 3 || serial) && !ipv4 && !version && !range && !year && !formats::slash_date(chunk) && ((4..=24).contains(&chunk.len()) || udi) && !(chunk.len() == 10 && chunk.as_bytes()[4] == b'-')).then_some((s, e))
}

/// The first code in a value (see `formats::code_end`).
fn first_chunk(text: &str, s: usize, e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut a = s;
    while a < e && !b[a].is_ascii_alphanumeric() && formats::gs1_ai_len(b, a) == 0 {
        a += 1;
    }
    (a, formats::code_end(b, a, e))
}

/// Two or three words typed in lower case, none a common or clinical word and one at least a
/// given or family name ("aitor etxeberria"; not "see chart").
#[inline(never)]
fn lower_names(v: &str) -> bool {
    let (mut words, mut all) = (0, 0);
    for w in v.split(' ').filter(|w| !w.is_empty()) {
        words += 1;
        all |= crate::dictionaries::lex(&crate::text::lower_into(w, &mut [0u8; 48]));
    }
    (2..=3).contains(&words) && all & (flag::COMMON | flag::CLINICAL) == 0 && all & (flag::FIRST | flag::LAST) != 0
}

fn looks_like_name(v: &str) -> bool {
    let words = v.split(|c: char| c.is_whitespace() || c == '^' || c == ',').filter(|w| !w.is_empty()).count();
    (1..=8).contains(&words)
        && v.chars().any(char::is_alphabetic)
        // DICOM separates a name's alphabetic and ideographic forms with '=': WANG^XIUYING=王^秀英.
        && v.chars().all(|c| " -'’.,^=".contains(c) || crate::text::is_word_char(c) && !c.is_numeric())
        && !crate::text::one_of_ci(v.as_bytes(), &["unknown", "n/a", "none", "null", "test", "redacted", "anonymous"])
        // (A qualified column, `src.FullName`, not initials: "J.R. Smith".)
        && !v.as_bytes().windows(5).any(|w| w[2] == b'.' && w[..2].iter().chain(&w[3..]).all(u8::is_ascii_alphabetic))
}

/// A start's or an end's date field, "Start date", `"startsAt"`, "effective date", `"period_end"`
/// (a new hire's, an alert's, a policy's, a report's); not a FHIR period's or an HL7 field's, which
/// are a visit's.
fn period_bound(doc: &Doc, f: &Field) -> bool {
    let w = doc.window(f.start.saturating_sub(24), f.start);
    let end = || w.split(|c: char| !c.is_ascii_alphabetic()).any(|p| crate::text::one_of_ci(p.as_bytes(), &["end", "ends", "endsat", "enddate", "periodend"]));
    f.source.as_deref().is_none_or(|s| !s.starts_with("fhir:") && !s.starts_with("hl7:")) && (crate::text::has_ci(w, "start") || crate::text::has_ci(w, "effective") || end())
}

/// Applies fields, labels, staff and patient context to one candidate.
fn adjust(doc: &Doc, fields: &[Field], c: &mut Cand, anchor: bool, health: usize, staff: &FxMap<String, usize>, lines: &mut Lines) {
    if c.staff_cue {
        c.score = 0.0;
        return;
    }
    let line = doc.line_of(c.start);
    // "| Northgate Children's Hospital | 2500 Kestrel Avenue, Northgate, OR 97209 |": in a document
    // about no patient, an address after a facility's name on its line is the facility's.
    if !anchor && matches!(c.kind, Kind::StreetAddress | Kind::ZipCode) && facility_before(doc, line, c.start) {
        c.score = c.score.min(0.3);
        return;
    }
    // "e.g. MRN 0012345", "for example 19620314": an example in documentation.
    if c.kind.is_identifier() && c.source.is_none() && example_before(doc, c.start) && lines.kind(doc, line) == LineKind::Plain {
        c.score = c.score.min(0.2);
        return;
    }
    // A prose label inside a line of code (`parse_dob('DOB: 1962-03-14')`) is a test input's text.
    // ("Birth date 19000101 is before 1901-01-01": after a test birth date, a rule's date.)
    let field = field_at(fields, c.start, c.end).filter(|f| f.source.is_some() || lines.kind(doc, line) != LineKind::Code).filter(|f| !(f.role == Role::Dob && c.kind == Kind::Date && test_date_first(doc.text, f, c.start)));
    if let Some(f) = field {
        if f.source.as_deref() == Some(formats::TEST_PATIENT) {
            c.score = 0.0;
            return;
        }
        // A code's start or end date in a document about no patient is a schedule's
        // (`start_date: "2026-12-07T09:00:00"` in an on-call rotation's YAML).
        let code_key = |g: &Field| g.source.as_deref().is_some_and(|s| s.starts_with("code:"));
        // (And any start's: see `starts`.)
        if f.role == Role::PersonDate && c.kind == Kind::Date && !anchor && (period_bound(doc, f) || fields[fields.partition_point(|g| g.start < f.start)..].iter().take_while(|g| g.start == f.start).any(code_key)) {
            c.score = c.score.min(0.4);
            return;
        }
        if c.source.is_none() && c.why != f.role.describe() {
            // (So is a vehicle named in prose or a log: an ambulance's VIN in fleet notes is the
            // organisation's; a table's `vin` column beside a visit's is a patient's.)
            if role_fits(f.role, c.kind) && (contact_role(f.role) || f.role == Role::Vehicle && f.source.is_none()) && !patient_label(doc, f) {
                // A phone in a "Phone:" field is a phone, but whose? The document decides.
                c.score = c.score.max(0.45);
                c.source = f.source.clone();
                c.needs = Needs::Patient;
            } else if role_fits(f.role, c.kind) {
                c.score = c.score.max(if f.strong { 0.9 } else { 0.8 });
                c.source = f.source.clone();
                c.needs = Needs::Nothing;
                c.why = match c.kind {
                    Kind::Date if f.role == Role::Dob => "date in a birth date field",
                    Kind::Date => "date in a patient date field",
                    // (An HL7 name in its field is that field's value: `PID-5`, a name column.)
                    _ if c.why == recognizers::CARET_NAME => f.role.describe(),
                    _ => c.why,
                };
                return;
            }
            match f.role {
                // A technical field's free text can still name a patient ("Issue: patient Thomas Malley ..."),
                // and a requester can be a relative ("Requester: Lê Văn Minh (son of the patient)"),
                // a location a home ("Location: patient home — 17 E Kalakaua Loop, Hilo, HI 96712").
                // (A format's staff field holds staff whatever the name looks like: `ORC-12`'s
                // `2031778808^QUISPE MAMANI^YUPANQUI`.)
                Role::Staff | Role::Tech | Role::Dial | Role::Npi
                    if (c.needs != Needs::Nothing || f.role == Role::Staff && f.source.is_some() && c.kind == Kind::PersonName)
                        && !(f.role == Role::Tech && (c.patient_cue || matches!(c.kind, Kind::StreetAddress | Kind::ZipCode) && c.score >= 0.5))
                        && !(f.role == Role::Staff && c.why == "name followed by patient details") =>
                {
                    c.score = 0.0;
                    return;
                }
                // "EMPI: home (832) 592-1512": no code in the field, the phone stands.
                r if id_role(r) && c.kind.is_identifier() && c.needs != Needs::Nothing && id_value(doc.text, f).is_some_and(|(s, e)| s < c.end && c.start < e) => {
                    c.score = 0.0; // the field candidate covers it as the role's kind
                    return;
                }
                _ => {}
            }
        }
        if c.source.is_some() && c.why == f.role.describe() {
            // A field candidate: only Name needs the patient context below.
            if c.needs == Needs::Nothing {
                return;
            }
        }
    }
    // "**Wei Zhang** commented on Sep 28, 2026 22:01:", "On Mon, Nov 30, 2026 at 2:55 AM Mei Liu <…> wrote:":
    // when a comment or a quoted message was written, not a patient's date.
    if c.kind == Kind::Date && field.is_none() && c.needs == Needs::Patient && written_at(doc, c.start, line) {
        c.score = c.score.min(0.3);
        return;
    }
    match c.needs {
        Needs::Nothing => {}
        Needs::Label => c.score = c.score.min(0.3),
        Needs::Patient => {
            if !c.kind.is_identifier() {
                c.score = if anchor { c.score + 0.1 } else { c.score.min(0.4) };
            } else if anchor {
                c.score += 0.25;
            } else if c.kind == Kind::VehicleId || c.why == "appointment date" {
                // (A vehicle is a person's only beside one: a fleet's, a decoder's example VIN is not.
                // Nor is a day booked without a patient: "deployment to 640 pumps scheduled for 12/05".)
                c.score = c.score.min(0.45);
            } else if health >= 3 && c.patient_cue {
                c.score += 0.1;
            }
        }
    }
    if c.kind == Kind::PersonName && !c.patient_cue && field.is_none_or(|f| f.role == Role::Note) {
        let all_staff = doc.text[c.start..c.end].split(|ch: char| !ch.is_alphanumeric()).filter(|w| w.chars().count() > 1).all(|w| staff.contains_key(&*crate::text::lower_into(w, &mut [0u8; 48])));
        if all_staff {
            c.score = 0.0;
            return;
        }
    }
    // (A candidate with a source is structured: an access log's client, an admin's pattern.)
    if field.is_none() && c.source.is_none() && c.kind.is_identifier() {
        match lines.kind(doc, line) {
            // A consumer mailbox (gmail.com, comcast.net) in a log line is a patient's or a
            // customer's: staff and systems write from the organisation's domain.
            LineKind::Log if c.kind == Kind::Email && crate::recognizers::email::personal_address(&doc.text[c.start..c.end]) => {}
            // (An HL7 name, `MALIK^RABIA^F` in an error's text, is a record's wherever it is quoted.)
            // (Nor is a name after the word "patient", see `after_patient`.)
            // (Nor is the client of a person's own sign-in, `user=will1972@proton.me src=107.111.114.27`.)
            LineKind::Log if LOG_CAPPED.contains(&c.kind) && c.why != recognizers::CARET_NAME && !(c.kind == Kind::PersonName && after_patient(doc, doc.tok_at(c.start))) && !(c.kind == Kind::IpAddress && c.needs == Needs::Patient) => c.score = c.score.min(LOG_CAP),
            LineKind::Code if c.needs != Needs::Nothing || matches!(c.kind, Kind::Ssn | Kind::MedicareMbi | Kind::CreditCard) => c.score = c.score.min(0.35),
            _ => {}
        }
    }
}

/// In a document about no patient, an address with no one's name before it on its line or the line
/// above (a site's, a vendor's, an office's: under `### Harbor Point Children's Hospital`,
/// `Reception:` beside it), or an office's (a suite, a floor), stays below the report threshold,
/// unless a home or a person is written around it ("my address changed: …", "moved", "Apt 4",
/// "DOB"). "Pickup for Mazur, Tomasz P. Address 3350 Park Road, …" and a label's `JEAN-ROBERT
/// EXANTUS` over `34770 QUAIL RUN WAY, …` keep their scores.
fn lone_addresses(doc: &Doc, cands: &mut [Cand]) {
    // (Whole words: not "Adobe", "homepage", "academy ", "removed".)
    const HOME: &[&str] = &["my", "moved", "home", "lives", "living at", "resides", "apt", "apartment", "dob"];
    // (Where the names start, sorted: a list of 10,000 addresses and names is not read 10,000 times;
    // not a street's: `21635 Red Rum Dr`.)
    let mut streets: Vec<(usize, usize)> = cands.iter().filter(|c| c.kind == Kind::StreetAddress).map(|c| (c.start, c.end)).collect();
    crate::text::sort_by_key(&mut streets, |s| s.0 as u64);
    let in_street = |p: usize| streets[..streets.partition_point(|s| s.0 <= p)].last().is_some_and(|s| p < s.1);
    let mut named: Vec<usize> = cands.iter().filter(|c| c.kind == Kind::PersonName && c.score > 0.0 && !in_street(c.start)).map(|c| c.start).collect();
    crate::text::sort_by_key(&mut named, |&n| n as u64);
    for c in cands.iter_mut().filter(|c| matches!(c.kind, Kind::StreetAddress | Kind::ZipCode) && c.needs == Needs::Patient && !c.patient_cue && c.source.is_none()) {
        let line = doc.line_of(c.start);
        // A name before it on its line (not a site's contact after it: "…, VA 20147 (access list
        // managed by Kwame Asante)"), or on the line above when the address starts its own line,
        // after a label at most; an addressee above it.
        let start = doc.line_starts[line] as usize;
        let prefix = doc.window(start, c.start).trim();
        let from = if prefix.len() <= 16 || prefix.ends_with(':') { doc.line_starts[line.saturating_sub(1)] as usize } else { start };
        let someone = named.partition_point(|&n| n < from) < named.partition_point(|&n| n < c.start) || line > 0 && addressee(doc, line - 1);
        // (An office's suite or floor is no one's home, whoever is named beside it: on the
        // address's line, read only when someone is.)
        let said = |from: usize, words: &[&str]| {
            let around = doc.window(from, c.end).as_bytes();
            // (Nor a template's slot: `[DOB]`, `{home}`, `child_dob`.)
            let edge = |k: usize| around.get(k).is_none_or(|b| !b.is_ascii_alphanumeric() && !b"[]{}<>_".contains(b));
            around.len() <= 400
                && words.iter().any(|w| around.windows(w.len()).enumerate().any(|(k, s)| s.eq_ignore_ascii_case(w.as_bytes()) && (k == 0 || edge(k - 1)) && edge(k + w.len())))
        };
        let office = || said(start, &["suite", "ste", "floor", "bldg"]);
        if (!someone || office()) && !said(doc.line_starts[line.saturating_sub(1)] as usize, HOME) {
            c.score = c.score.min(0.45);
        }
    }
}

/// A line of two to four words, the first a first name the dictionaries know and none only a
/// common word: an envelope's or a label's addressee (`JEAN-ROBERT EXANTUS`; not `COLUMBUS
/// HEADQUARTERS`).
fn addressee(doc: &Doc, line: usize) -> bool {
    use crate::dictionaries::flag::{FIRST, LAST};
    let from = doc.tok_at(doc.line_starts[line] as usize);
    let words = doc.toks[from..].iter().take_while(|t| t.line as usize == line).count();
    (2..=4).contains(&words)
        && doc.lex[from] & FIRST != 0
        && (from..from + words).all(|j| doc.toks[j].is_word() && (doc.lex[j] & (FIRST | LAST) != 0 || doc.lex[j] & recognizers::NOT_NAME == 0))
        && doc.line_text(line).bytes().all(|b| b.is_ascii_alphabetic() || b" -'".contains(&b) || b >= 0x80)
}

/// A facility's name or a department's (hospital, clinic, office, imaging) or a place's label
/// (location) in the 120 bytes of `line` before `start` ("St. Brigid Health\t300 Cedar Ridge Way");
/// for an address line, alone on the line above, as a rendered directory shows them
/// ("Cardiology Clinic", "Imaging", "Office location" over "300 Cedar Ridge Way, …").
fn facility_before(doc: &Doc, line: usize, start: usize) -> bool {
    // (And an organisation's name ending "Health" before the address: "Mercy Health, 300 …".)
    const FACILITY: &[&str] = &[
        "hospital", "medical", "clinic", "campus", "health system", "community health", "center", "boardroom", "headquarters", " office", " health\t", " health, ", "location",
        "department", "laboratory", "imaging", "radiology", "pharmacy",
        // (An organisation's, in a signature or a shipping note: "… | Summit Peak Physicians Group",
        // "Orchid Lab Systems, PO Box …", "the PKI team (…), 50 …", "the loading dock (…)".)
        " group", "partners", "associates", " plan", "systems", " dock", " team", " inc", " llc", "attn",
    ];
    let from = (doc.line_starts[line] as usize).max(start.saturating_sub(120));
    // (The address's line starts with its number: its ZIP code is judged with it.)
    // (After a paragraph's tag too: `<p>89 Cathedral Hill Road, …` under its `<h2>`.)
    let text = doc.line_text(line).trim_start();
    let text = text.strip_prefix('<').and_then(|t| t.split_once('>')).map_or(text, |(_, t)| t);
    let address_line = line > 0 && text.starts_with(|c: char| c.is_ascii_digit());
    let above = if address_line { doc.line_text(line - 1) } else { "" };
    [doc.window(from, start), above].iter().any(|t| t.len() <= 120 && FACILITY.iter().any(|w| crate::text::has_ci(t, w)))
}

/// A customer's account with a supplier: in parentheses after the customer's name, "Mercy Regional
/// Medical Center (acct 0010039912)", or so called after it, "0010048821 (Corvantis customer number)".
fn customer_account(doc: &Doc, start: usize, end: usize) -> bool {
    let before = doc.window(start.saturating_sub(64), start);
    let named = before.rfind('(').is_some_and(|k| crate::text::suffix_ci(before[..k].trim_end().as_bytes(), &["center", "centre", "hospital", "health", "healthcare", "health system", "clinic", "medical group"]).is_some());
    let after = doc.window(end, end + 48);
    named || after.starts_with(" (") && after.split(')').next().is_some_and(|p| crate::text::has_ci(p, "customer"))
}

/// A cloud provider's account: twelve digits after a cloud's words on the line, "workspace
/// prod-us-west-2, account 731904458812", "s3://ci-artifacts/reports/ (acct 4821-0937-1156)".
fn cloud_account(doc: &Doc, start: usize, end: usize) -> bool {
    let v = &doc.bytes[start..end];
    let line = doc.line_around(doc.line_of(start), start.saturating_sub(120), start);
    v.iter().filter(|b| b.is_ascii_digit()).count() == 12
        && v.iter().all(|&b| b.is_ascii_digit() || b == b'-')
        && ["aws", "s3://", "arn:", "terraform", "workspace", "azure", "gcp", "cloud", "bucket", "region", "-east-", "-west-", "-central-"].iter().any(|w| crate::text::has_ci(line, w))
}

/// Whether the date at `start` (on `line`) says when a comment or a quoted message was written.
/// (Also a thread's header, "Rosaria De Luca  May 05, 2026, 01:55": a name alone before a date
/// with its time; "GONZALEZ MARIA  03/14/1962" in a fixed-width row is a birth date.)
#[inline(never)]
fn written_at(doc: &Doc, start: usize, line: usize) -> bool {
    let before = &doc.bytes[start.saturating_sub(13)..start];
    let text = doc.line_text(line).trim_start_matches(['>', ' ']);
    // (Each look bounded: a text of one long line holds thousands of dates.)
    let timed = || doc.window(start, doc.line_end(line).min(start + 32)).contains(':');
    let prefix = &doc.text[doc.line_starts[line] as usize..start];
    let author = prefix.len() <= 64 && timed() && prefix.strip_suffix("  ").is_some_and(|name| {
        let words = name.split(' ');
        (2..=4).contains(&words.clone().count()) && words.into_iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    // (And a page's title: "h1. Post-incident review 2026-01-19", "# Daily huddle - Mon 25 May 2026".)
    let t = text.as_bytes();
    let heading = t.starts_with(b"# ") || t.len() > 3 && t[0] == b'h' && (b'1'..=b'6').contains(&t[1]) && t[2] == b'.';
    // (And a thread's comment header: "Lenka Dvořáková added a comment - December 8, 2026 10:58";
    // a page comment's, `Name · date`, is the date reader's, see `date::activity_header`.)
    let header = prefix.len() <= 96 && (prefix.ends_with(" added a comment - ") || prefix.ends_with(" commented - "));
    author || heading || header || crate::text::suffix_ci(before, &["commented on "]).is_some() || text.starts_with("On ") && crate::text::has(crate::text::head(text, 300), " wrote:")
}

/// A prose label that names the patient as the owner of a contact value
/// ("Patient cell 228 353 1968", "pt phone:", "Member email:"): the value is the patient's.
fn patient_label(doc: &Doc, f: &Field) -> bool {
    if f.source.is_some() {
        return false;
    }
    let from = floor(doc.text, f.start.saturating_sub(40)).max(doc.line_starts[doc.line_of(f.start)] as usize);
    let before = &doc.text[from..f.start];
    let clause = &before[before.rfind(['.', ';', '!', '?']).map_or(0, |p| p + 1)..];
    clause.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(3).any(|w| crate::labels::patient_owner(&w.to_ascii_lowercase()))
}

/// "e.g.", "for example", "such as" shortly before `start` on its line, with at most
/// a label word between.
fn example_before(doc: &Doc, start: usize) -> bool {
    let b = &doc.bytes[start.saturating_sub(24)..start];
    let trim = |s: &[u8]| -> usize { s.len() - s.iter().rev().take_while(|c| **c == b' ' || **c == b'\t').count() };
    let ends_with_cue = |s: &[u8]| crate::text::suffix_ci(s, &["e.g.", "e.g.,", "eg.", "i.e.", "for example", "for example,", "example:", "such as"]).is_some();
    // The cue right before the value, or before one label word ("e.g. MRN 0012345").
    let s = &b[..trim(b)];
    let word = s.iter().rev().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'#' | b'-')).count();
    ends_with_cue(s) || word > 0 && ends_with_cue(&s[..trim(&s[..s.len() - word])])
}

/// Later mentions of a reported patient's name ("Maria tolerated the
/// procedure") are reported too.
fn propagate_names(doc: &Doc, cands: &mut Vec<Cand>, staff: &FxMap<String, usize>, threshold: f32) {
    // Each name word, and whether it is also a common word ("Will", "Wood", "David"), as 0 or 1.
    let mut names: FxMap<String, usize> = FxMap::default();
    let mut buf = [0u8; 48];
    for c in cands.iter().filter(|c| c.kind == Kind::PersonName && c.score >= threshold) {
        for w in doc.text[c.start..c.end].split(|ch: char| !ch.is_alphanumeric() && ch != '\'') {
            let lower = crate::text::lower_into(w, &mut buf);
            if w.chars().count() > 2 && !staff.contains_key(&*lower) {
                let common = usize::from(is_common_word(&lower));
                // (Also as written without its accents: "Göran Öberg" in one system, "Goran Oberg" in another.)
                if let Some(plain) = crate::dictionaries::unaccented(&lower) {
                    names.insert(plain, common);
                }
                names.insert(lower.into_owned(), common);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    // A name that is also a common word ("Maria", "Hope") the document never writes in lower
    // case ("will" is written so, "maria" is not) counts before a lower-case word too ("Maria
    // reports"): 2 marks one it does write so.
    if names.values().any(|&common| common == 1) {
        for (i, t) in doc.toks.iter().enumerate() {
            if t.is_word() && doc.bytes[t.start as usize].is_ascii_lowercase() {
                if let Some(common) = names.get_mut(doc.s(i)).filter(|c| **c == 1) {
                    *common = 2;
                }
            }
        }
    }
    let mut reported: Vec<(usize, usize)> = cands.iter().filter(|c| c.score >= threshold).map(|c| (c.start, c.end)).collect();
    crate::text::sort_by_key(&mut reported, by_start);
    let covered = |s: usize, e: usize| {
        let i = reported.partition_point(|r| r.0 <= s);
        reported[..i].iter().rev().take(8).any(|r| r.1 >= e)
    };
    let mut extra = Vec::new();
    let mut buf = [0u8; 48];
    for i in 0..doc.toks.len() {
        let t = &doc.toks[i];
        if !(t.is_word() && (t.is(CAP) || t.is(crate::text::UNCASED)) && is_name_token(doc, i)) {
            continue;
        }
        let (s, e) = (t.start as usize, t.end as usize);
        // A common word the document also writes in lower case only where it cannot be one: a
        // signature line of its own, or capitalised after a lower-case word ("as Will said", not
        // "Will you call").
        let plainly_a_name = || {
            doc.line_text(t.line as usize).trim() == doc.s(i) || i > 0 && doc.toks[i - 1].line == t.line && doc.gap_before(i) == " " && doc.toks[i - 1].is_word() && !doc.toks[i - 1].is(CAP)
        };
        let before_verb = || doc.toks.get(i + 1).is_some_and(|n| n.line == t.line && n.is_word() && doc.bytes[n.start as usize].is_ascii_lowercase()) && doc.gap_before(i + 1) == " ";
        if names.get(&*doc.lower(i, &mut buf)).is_some_and(|&common| common == 0 || common == 1 && before_verb() || plainly_a_name()) && !covered(s, e) {
            let mut c = Cand::new(Kind::PersonName, s, e, 0.6, "same name as a patient named in this document", Needs::Nothing);
            c.patient_cue = true;
            extra.push(c);
        }
    }
    cands.extend(extra);
}

/// A list after a label: "MRN 00412345, 00412399", "left serial 8389M6140, right 3834K8441": a
/// code right after a reported id, of its shape (letters and digits in the same places), is
/// one of its kind too.
fn listed(b: &[u8], cands: &mut Vec<Cand>, threshold: f32) {
    let mut k = 0;
    while k < cands.len() {
        let c = &cands[k];
        k += 1;
        let code = &b[c.start..c.end];
        if c.score < threshold || !matches!(c.kind, Kind::Mrn | Kind::HealthPlanId | Kind::AccountNumber | Kind::DeviceId | Kind::LicenseNumber) || code.len() < 6 || !code.iter().all(u8::is_ascii_alphanumeric) {
            continue;
        }
        let mut s = c.end + if b[c.end..].starts_with(b", ") { 2 } else if b[c.end..].starts_with(b" and ") { 5 } else { continue };
        // (One short lower-case word between: "and", "right", "new".)
        let w = b[s..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        if (1..=8).contains(&w) && b.get(s + w) == Some(&b' ') {
            s += w + 1;
        }
        let e = s + code.len();
        if b.get(s..e).is_some_and(|n| n.iter().zip(code).all(|(x, y)| x.is_ascii_alphanumeric() && x.is_ascii_digit() == y.is_ascii_digit())) && b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            cands.push(Cand::new(c.kind, s, e, c.score, c.why, Needs::Nothing));
        }
    }
}

/// A reported identifier's value seen again (`assertThat(csv).doesNotContain("643-51-4236")`
/// in a test that sets that SSN) is reported again.
fn propagate_values(text: &str, cands: &mut [Cand], threshold: f32) {
    let repeatable = |k: Kind| matches!(k, Kind::Ssn | Kind::Mrn | Kind::HealthPlanId | Kind::MedicareMbi | Kind::Phone | Kind::Email | Kind::AccountNumber);
    // Each kind and value to the first such score (one lookup per candidate, not a pass over
    // every reported value; the string-keyed maps' type), keys written into one buffer.
    let mut key = String::new();
    let fill = |key: &mut String, c: &Cand| {
        key.clear();
        key.push(c.kind as u8 as char);
        key.push_str(&text[c.start..c.end]);
    };
    let mut reported: FxMap<String, usize> = FxMap::default();
    for c in cands.iter().filter(|c| c.score >= threshold && repeatable(c.kind)) {
        fill(&mut key, c);
        reported.entry(key.clone()).or_insert(c.score.to_bits() as usize);
    }
    if reported.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.score > 0.0 && c.score < threshold && repeatable(c.kind)) {
        fill(&mut key, c);
        if let Some(&bits) = reported.get(key.as_str()) {
            c.score = f32::from_bits(bits as u32);
            c.why = "same value as one reported in this document";
        }
    }
}

/// "hi, my son văn minh phạm was seen in the ER": a name a patient typed in
/// lower case, right after "my/his/her/our" and a relationship word. Only
/// dictionary names that are not common words count.
fn lower_case_names(doc: &Doc, cands: &mut Vec<Cand>) {
    let name = |j: usize| doc.toks[j].is_word() && !doc.toks[j].is(CAP) && doc.has(j, flag::FIRST | flag::LAST) && !doc.has(j, flag::COMMON | flag::CLINICAL);
    let mut i = 2;
    while i < doc.toks.len() {
        if !name(i) || doc.gap_before(i) != " " || doc.gap_before(i - 1) != " " {
            i += 1;
            continue;
        }
        let mut buf = [0u8; 48];
        let relation = matches!(&*doc.lower(i - 1, &mut buf), "son" | "daughter" | "mother" | "father" | "wife" | "husband" | "mom" | "dad" | "grandmother" | "grandfather" | "brother" | "sister" | "child" | "grandson" | "granddaughter");
        if !relation || !matches!(&*doc.lower(i - 2, &mut buf), "my" | "his" | "her" | "our") {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < i + 3 && j + 1 < doc.toks.len() && name(j + 1) && doc.gap_before(j + 1) == " " {
            j += 1;
        }
        let mut c = Cand::new(Kind::PersonName, doc.toks[i].start as usize, doc.toks[j].end as usize, 0.6, "name after a patient cue", Needs::Patient);
        c.patient_cue = true;
        cands.push(c);
        i = j + 1;
    }
}

/// Keeps the best candidate where candidates overlap.
fn resolve_overlaps(mut cands: Vec<Cand>, threshold: f32) -> Vec<Cand> {
    cands.retain(|c| c.score > 0.0 && c.score >= threshold && c.end > c.start);
    // Best first: higher score, then longer, then earlier. One key holds the
    // three (a positive score's bits order as the score does) and the
    // candidate's place, so an unstable sort of keys is the stable sort.
    const LOW48: u128 = (1 << 48) - 1;
    let mut order: Vec<(u128, u32)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (u128::from(!c.score.to_bits()) << 96 | (!(c.end - c.start) as u128 & LOW48) << 48 | c.start as u128 & LOW48, i as u32))
        .collect();
    order.sort_unstable();
    // Taken spans by start; a new span clashes with the last one starting before its end.
    // Taken spans never overlap, so their starts are unique. A tree, not a sorted vector:
    // a table export has a hundred thousand findings, arriving in score order.
    let mut taken: std::collections::BTreeMap<usize, (usize, u32)> = std::collections::BTreeMap::new();
    for (_, i) in order {
        let c = &cands[i as usize];
        let clash = taken.range(..c.end).next_back().is_some_and(|(_, &(end, _))| end > c.start);
        if !clash {
            taken.insert(c.start, (c.end, i));
        }
    }
    // The kept candidates by start, as the tree holds them.
    let mut cands: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    taken.into_values().filter_map(|(_, i)| cands[i as usize].take()).collect()
}

/// "Maria" + "Gonzalez" reported separately become one name.
fn merge_adjacent_names(doc: &Doc, kept: &mut Vec<Cand>) {
    let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept.drain(..) {
        if let Some(p) = out.last_mut() {
            let gap = &doc.text[p.end.min(c.start)..c.start];
            if p.kind == Kind::PersonName && c.kind == Kind::PersonName && matches!(gap, " " | "-") {
                p.end = c.end;
                p.score = p.score.max(c.score);
                continue;
            }
        }
        out.push(c);
    }
    *kept = out;
}

/// `value` with the characters `keep` rejects replaced by `*`.
fn masked(value: &str, keep: &mut dyn FnMut(char) -> bool) -> String {
    let mut out = String::with_capacity(value.len());
    out.extend(value.chars().map(|c| if keep(c) { c } else { '*' }));
    out
}

/// A masked preview that never shows a whole identifier.
pub(crate) fn preview(kind: Kind, value: &str) -> String {
    // The first 64 characters; every mask below writes at most as many bytes as it reads.
    let value = value.char_indices().nth(64).map_or(value, |(i, _)| &value[..i]);
    let alnum = value.chars().filter(|c| c.is_alphanumeric()).count();
    match kind {
        // Last four digits, as on statements: ***-**-6789.
        Kind::Ssn | Kind::CreditCard | Kind::Phone | Kind::Mrn | Kind::HealthPlanId | Kind::AccountNumber | Kind::MedicareMbi | Kind::LicenseNumber | Kind::VehicleId | Kind::DeviceId | Kind::OtherId
            if alnum >= 8 =>
        {
            let mut seen = 0;
            masked(value, &mut |c| {
                seen += usize::from(c.is_alphanumeric());
                !c.is_alphanumeric() || seen > alnum - 4
            })
        }
        // Initials only: M**** G*******.
        Kind::PersonName => {
            let mut first = true;
            masked(value, &mut |c| {
                let keep = !c.is_alphanumeric() || first;
                first = !c.is_alphanumeric();
                keep
            })
        }
        Kind::Email => match value.split_once('@') {
            Some((local, domain)) => {
                let first: String = local.chars().take(1).collect();
                let tld = crate::text::after_last(domain, b'.');
                format!("{first}***@***.{tld}")
            }
            None => masked(value, &mut |c| !c.is_alphanumeric()),
        },
        // Health context is not an identifier: shown as is.
        Kind::Medication | Kind::Condition | Kind::DiagnosisCode | Kind::ProcedureCode | Kind::DrugCode => value.to_string(),
        _ => masked(value, &mut |c| !c.is_alphanumeric()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_mask() {
        assert_eq!(preview(Kind::Ssn, "536-22-8471"), "***-**-8471");
        assert_eq!(preview(Kind::PersonName, "Maria Gonzalez"), "M**** G*******");
        assert_eq!(preview(Kind::Email, "maria.g@gmail.com"), "m***@***.com");
        assert_eq!(preview(Kind::Date, "03/14/1962"), "**/**/****");
        assert_eq!(preview(Kind::Phone, "(617) 734-2291"), "(***) ***-2291");
    }
}
