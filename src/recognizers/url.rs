//! URLs that identify a person: patient-portal and API links whose path or
//! query carries a patient, member or record id (`/patients/12345`,
//! `?mrn=00412345`, `memberId=XJH123`). Other URLs are not proposed.

use super::{Cand, First, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static URL: Recognizer = Recognizer {
    id: "url",
    kind: Kind::Url,
    // "https:", or the "HTTP/1.1" that ends an access log's request line; or a person's
    // collection inside a path without a scheme (`/members/W597398602`).
    gate: |k| k.class == Class::Word && ((4..=5).contains(&k.len) && k.first == First::H && k.next == Next::Colon || (4..=14).contains(&k.len) && k.next == Next::Slash),
    find,
    #[cfg(test)]
    hits: &[
        "see «https://portal.example.org/patients/884213/chart» now",
        "«http://ehr.local/view?mrn=00412345&tab=2»",
        "(«https://x.org/api/Patient/abc-123»)",
        "<a href=\"«https://mychart.lakeshoremed.org/p/9859121/summary»\">open</a>",
        "184.170.117.20 - - [31/Jan/2025:23:16:41 +0000] \"GET «/mychart/patient/7724967/documents» HTTP/2.0\" 200",
        "«https://ehr.example.org/search?lastName=Gonz%C3%A1lez&firstName=Mar%C3%ADa»",
    ],
    #[cfg(test)]
    misses: &["https://docs.example.org/guide/setup", "https://fhir.example.org/r4/Patient/3ab7fbe6-c693-4ee8-8f38-3e80233d56bb/_history/4", "https://jira.example.org/browse/EHR-1234", "http://localhost:8080/health", "https://portal.example.org/release/20250101/notes-v2", "GET /api/v1/members/{memberId}", "GET /api/patients/123 returns the example", "https://www.amion.com/cgi-bin/ocs?Lo=mvh&Syr=2026&Name=Osei%2C+Derek"],
};

const PERSON_SEGMENTS: &[&str] = &["patient", "patients", "member", "members", "person", "persons", "people", "subscriber", "subscribers", "beneficiary", "mrn", "chart", "relatedperson"];
const PERSON_PARAMS: &[&str] = &[
    "patient", "patientid", "patient_id", "pat", "patid", "pat_id", "pid", "mrn", "member", "memberid", "member_id", "subscriber", "subscriberid", "ssn", "dob",
    "person", "personid", "chart", "chartid", "mbi", "name", "lastname", "firstname", "last_name", "first_name", "email", "phone",
];
/// Of those, the ones that name anyone, not only a patient.
const ANYONES_PARAMS: &[&str] = &["name", "lastname", "firstname", "last_name", "first_name", "email", "phone"];

/// Whether a URL's path or query (`after_host`, without its first '/') names a
/// person's record.
pub(super) fn identifies_person(after_host: &str) -> bool {
    let lower = after_host.to_ascii_lowercase();
    let (path, query) = lower.split_once('?').unwrap_or((&lower, ""));
    let segs: Vec<&str> = path.split('/').collect();
    // (Not a test record's, `Patient/tst-1`.)
    let has_id = |s: &str| s.bytes().any(|c| c.is_ascii_digit()) && s.len() >= 3 && !crate::scan::placeholder(s);
    // (A FHIR server's `…/fhir/R4/Patient/<id>` names a resource by its logical id, a server's
    // key; a portal's `MyChart/Patient/<id>` is a person's page.)
    let fhir = crate::text::has(path, "fhir") || segs.contains(&"r4");
    let path_hit = segs.windows(2).any(|w| PERSON_SEGMENTS.contains(&w[0]) && has_id(w[1]) && !(fhir && (w[0] == "patient" || w[0].ends_with("person"))));
    // (A FHIR search of people by their record's identifier or their name: `/Patient?identifier=0775203541`.)
    let person_search = segs.last().is_some_and(|s| PERSON_SEGMENTS.contains(s));
    // (A name, an email or a phone alone in a query is anyone's: an on-call schedule's
    // `?Name=Osei%2C+Derek`, a directory's `?email=`. With a second person's parameter, or
    // under a person's path, it is a record's search: `?lastName=…&dob=…`.)
    let (mut strong, mut weak) = (0, 0);
    for kv in query.split(['&', ';']) {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        // (An identifier's value after its system, `urn:oid:…|0775203541`; not the system alone.)
        let v = crate::text::after_last(v, b'|');
        let person = PERSON_PARAMS.contains(&k) || person_search && crate::text::one_of_ci(k.as_bytes(), &["identifier", "family", "given", "birthdate"]);
        // (A test patient's search, `?family=Everyman&given=Adam`, is a test's throughout.)
        if person && crate::scan::placeholder(v) {
            return path_hit;
        }
        if person && v.len() >= 2 && crate::text::prefix_ci(v.as_bytes(), &["{", "$", "<", "urn:", "http"]).is_none() {
            if ANYONES_PARAMS.contains(&k) {
                weak += 1;
            } else {
                strong += 1;
            }
        }
    }
    let query_hit = strong > 0 || weak > 1 || weak == 1 && (person_search || segs.iter().any(|s| PERSON_SEGMENTS.contains(s)));
    path_hit || query_hit
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let s = doc.s(i);
    if doc.gap_after(i).starts_with('/') && doc.byte_before(doc.toks[i].start as usize) == b'/' {
        // (A REST collection's, in lower case: FHIR's `Patient/0319836705` is a server's logical id.)
        if PERSON_SEGMENTS.contains(&s) {
            bare_path(doc, i, out);
        }
        return;
    }
    if !(4..=5).contains(&doc.toks[i].len()) {
        return; // not "http" or "https"
    }
    if doc.gap_after(i).starts_with('/') {
        request_path(doc, i, out);
        return;
    }
    if !(s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) || !doc.gap_after(i).starts_with("://") {
        return;
    }
    let start = doc.toks[i].start as usize;
    let b = doc.bytes;
    // (At most 2 KB, as browsers keep them: a run of URLs joined by commas is not read to its end at each.)
    let mut end = start;
    let limit = b.len().min(start + 2048);
    while end < limit && !b[end].is_ascii_whitespace() && !matches!(b[end], b'"' | b'\'' | b'<' | b'>' | b'`' | b')' | b']' | b'|') {
        end += 1;
    }
    while end > start && matches!(b[end - 1], b'.' | b',' | b';' | b':') {
        end -= 1;
    }
    let url = &doc.text[start..end];
    if identifies_person(url.splitn(4, '/').nth(3).unwrap_or("")) || portal_record(url) {
        // As sure as the id field inside it (`?mrn=...`), so the whole URL wins over the id alone.
        out.push(Cand::new(Kind::Url, start, end, 0.9, "URL with a patient or member id", Needs::Nothing));
    }
}

/// A link to a ticket, a wiki page or a pull request (`https://jira.example.org/browse/OPS-401`):
/// a work item, not a person.
#[inline(never)]
pub(crate) fn work_item(url: &str) -> bool {
    // (Bytes, not characters: the wasm package is smaller so.)
    let mut parts = url.as_bytes().split(|&c| c == b'/').skip(2);
    let tracker = crate::text::prefix_ci(parts.next().unwrap_or_default(), &["jira.", "confluence.", "wiki.", "bitbucket.", "github.", "gitlab."]).is_some();
    tracker || ["/browse/", "/wiki/", "/display/", "/pull-requests/", "/pull/", "/issues/", "/merge_requests/"].iter().any(|s| crate::text::has(url, s))
}

/// `https://mychart.lakeshoremed.org/p/9859121/summary`: a patient portal's
/// host (its first label says so) and a record number in the path.
fn portal_record(url: &str) -> bool {
    let mut parts = url.split('/').skip(2);
    let portal = crate::text::prefix_ci(parts.next().unwrap_or("").as_bytes(), &["patients.", "patient.", "portal.", "mychart.", "myhealth.", "patientportal."]).is_some();
    // (Not a date in the path: /release/20250101/.)
    portal && parts.any(|seg| seg.len() >= 5 && seg.bytes().all(|c| c.is_ascii_digit()) && !(seg.len() == 8 && (seg.starts_with("19") || seg.starts_with("20"))))
}

/// `GET /api/v1/members/W597398602`, HTTPie's `http GET :8443/…/members/W597398602`, curl's
/// `localhost:8080/api/patients/E8812034`: a request's path without a scheme, at a person's
/// collection (token `i`) and an id. (A URL with its scheme is read from its `http`; an
/// example's short id, `/patients/123`, is none.)
#[inline(never)]
fn bare_path(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let b = doc.bytes;
    // The id: a code of letters, digits and dashes after the collection (not a UUID, a service's
    // own key, nor a fixture's file name, `patients/87583.json`).
    let after = doc.toks[i].end as usize + 1;
    let n = b[after..].iter().take(21).position(|c| !(c.is_ascii_alphanumeric() || *c == b'-')).unwrap_or(b.len() - after);
    let id = &doc.text[after..after + n];
    let code = (6..=20).contains(&n) && id.bytes().filter(u8::is_ascii_digit).count() >= 4 && id.bytes().filter(|&c| c == b'-').count() < 3 && b.get(after + n) != Some(&b'.');
    // A request's: a method or a client's command before it on its line (and no scheme in its word).
    let lead = crate::text::after_last(crate::text::tail(&doc.text[..doc.toks[i].start as usize], 64), b'\n');
    let request = ["GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "curl ", "wget "].iter().any(|m| crate::text::has(lead, m)) && !crate::text::has(crate::text::after_last(lead, b' '), "://");
    if code && request && !crate::scan::placeholder(id) {
        // The id is the person's (the path around it is the service's): a member's or a record's.
        let member = matches!(doc.s(i), "member" | "members" | "subscriber" | "subscribers" | "beneficiary");
        out.push(Cand::new(if member { Kind::HealthPlanId } else { Kind::Mrn }, after, after + n, 0.9, "id in a request's path", Needs::Nothing));
    }
}

/// `"GET /mychart/patient/7724967/documents HTTP/2.0"`: the path of an access
/// log's request line, before the protocol token `i`.
fn request_path(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let b = doc.bytes;
    let end = doc.toks[i].start as usize;
    if doc.s(i) != "HTTP" || end < 2 || b[end - 1] != b' ' {
        return;
    }
    // (A path of at most 2 KB: a line without spaces is not read back to its start.)
    let from = end.saturating_sub(2048);
    let start = match b[from..end - 1].iter().rposition(|c| c.is_ascii_whitespace() || *c == b'"') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return,
    };
    let method = doc.window(start.saturating_sub(8), start);
    if b.get(start) == Some(&b'/') && method.ends_with(' ') && ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].iter().any(|m| method.trim_end().ends_with(m)) && identifies_person(&doc.text[start + 1..end - 1]) {
        out.push(Cand::new(Kind::Url, start, end - 1, 0.9, "URL with a patient or member id", Needs::Nothing));
        // The line's client (`184.170.117.20 - - [...]`) asked for the patient's record: from
        // outside, it is the patient's address (a private one is a service's or a workstation's).
        let line = doc.line_text(doc.line_of(start));
        let at = line.as_ptr() as usize - doc.text.as_ptr() as usize;
        // (In the line's first 48 bytes, where a client's address is.)
        if let Some((ip, _)) = doc.window(at, at + line.len().min(48)).split_once(" - ").filter(|(ip, _)| super::ip::ipv4(ip) && !super::ip::private(ip)) {
            let mut c = Cand::new(Kind::IpAddress, at, at + ip.len(), 0.8, "client address of a request for a patient's record", Needs::Nothing);
            c.source = Some("access-log:client".into());
            out.push(c);
        }
    }
}
