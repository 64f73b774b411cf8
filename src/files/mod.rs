//! Attachments: the files people drop, paste or upload. Each format's
//! extractor turns a file into *parts* (a text with what the format already
//! knows about it: fields with roles, findings that need no recognizer), and
//! every part goes through the same scan as pasted text.
//!
//! Every limit is enforced here, so the CLI and the browser stop at the same
//! place: bytes per file, decompressed bytes, entries, nesting depth and a
//! time budget ([`Budget`]). A file that cannot be inspected, wholly or in
//! part, is reported with a "could not inspect" note and the policy's
//! `on_error` verdict; never as clean, never with a panic.

use crate::formats::Field;
use crate::labels::Role;
use crate::scan::{cut_to_limit, decide, preview, reported, Given};
use crate::{FileLimits, Finding, Kind, Report, Scanner, Stats};
use std::borrow::Cow;

mod cda;
mod dicom;
mod image;
mod ooxml;
mod pdf;
pub(crate) mod xml;
mod zip;

#[cfg(test)]
#[path = "../../tests/fixtures/build.rs"]
pub(crate) mod build;

/// Why a file's inspection stopped early: a limit was reached. Problems
/// confined to one member (a corrupt entry) are [`Sink::problem`]s instead.
#[derive(Debug)]
pub(crate) struct Stop(pub String);

/// What extractors return: `Err` only when the whole file must stop.
pub(crate) type Step = Result<(), Stop>;

/// The limits of one file's inspection, and what has been spent.
pub(crate) struct Budget {
    limits: FileLimits,
    decompressed: u64,
    entries: u64,
    started: f64,
    now: fn() -> f64,
}

/// Output size below which a member's compression ratio is not checked.
const RATIO_FLOOR: u64 = 1 << 20;

impl Budget {
    pub(crate) fn new(limits: FileLimits, now: fn() -> f64) -> Budget {
        Budget { limits, decompressed: 0, entries: 0, started: now(), now }
    }

    pub(crate) fn limits(&self) -> &FileLimits {
        &self.limits
    }

    /// Fails once the file's time budget is spent.
    pub(crate) fn tick(&self) -> Step {
        if (self.now)() - self.started > self.limits.time_budget_ms as f64 {
            return Err(Stop(format!("took longer than files.time_budget_ms ({} ms)", self.limits.time_budget_ms)));
        }
        Ok(())
    }

    /// Counts one member (archive entry, stream, element) and checks the time.
    pub(crate) fn entry(&mut self) -> Step {
        self.entries += 1;
        if self.entries > self.limits.max_entries {
            return Err(Stop(format!("has more than files.max_entries ({}) entries", self.limits.max_entries)));
        }
        self.tick()
    }

    /// Inflates a raw DEFLATE stream within the limits.
    pub(crate) fn inflate_raw(&mut self, data: &[u8]) -> Result<Vec<u8>, Inflate> {
        self.inflate(data, false)
    }

    /// Inflates a zlib stream (PDF FlateDecode) within the limits; a wrong
    /// checksum is ignored, as readers do.
    pub(crate) fn inflate_zlib(&mut self, data: &[u8]) -> Result<Vec<u8>, Inflate> {
        self.inflate(data, true)
    }

    fn inflate(&mut self, data: &[u8], zlib: bool) -> Result<Vec<u8>, Inflate> {
        self.tick().map_err(Inflate::Stop)?;
        let left = self.limits.max_decompressed_bytes.saturating_sub(self.decompressed);
        let by_ratio = (data.len() as u64).saturating_mul(self.limits.max_ratio).max(RATIO_FLOOR);
        let cap = left.min(by_ratio).min(usize::MAX as u64 / 2) as usize;
        let (out, end) = inflate_capped(data, zlib, cap);
        self.decompressed += out.len() as u64;
        match end {
            End::Done => Ok(out),
            End::Damaged => Err(Inflate::Corrupt(out)),
            End::OverCap => Err(Inflate::Stop(Stop(if by_ratio < left {
                format!("a member expands more than {}:1 (files.max_ratio), a likely decompression bomb", self.limits.max_ratio)
            } else {
                format!("expands to more than files.max_decompressed_bytes ({} bytes)", self.limits.max_decompressed_bytes)
            }))),
        }
    }
}

/// How an inflate ended.
enum End {
    /// The stream ended.
    Done,
    /// The stream is damaged or truncated; the output is what came before.
    Damaged,
    /// The output would pass the cap.
    OverCap,
}

/// Inflates at most `cap` bytes.
fn inflate_capped(mut input: &[u8], zlib: bool, cap: usize) -> (Vec<u8>, End) {
    use miniz_oxide::inflate::core::{decompress, inflate_flags as f, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = f::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF | if zlib { f::TINFL_FLAG_PARSE_ZLIB_HEADER | f::TINFL_FLAG_IGNORE_ADLER32 } else { 0 };
    let mut out = vec![0; input.len().saturating_mul(4).clamp(64, cap.max(64))];
    let mut state = Box::<DecompressorOxide>::default();
    let mut at = 0;
    loop {
        let (status, read, wrote) = decompress(&mut state, input, &mut out, at, flags);
        at += wrote;
        input = input.get(read..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                out.truncate(at);
                return (out, End::Done);
            }
            TINFLStatus::HasMoreOutput if out.len() < cap => {
                let grown = out.len().saturating_mul(2).min(cap);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => {
                out.truncate(at);
                return (out, End::OverCap);
            }
            _ => {
                out.truncate(at);
                return (out, End::Damaged);
            }
        }
    }
}

/// Why an inflate failed.
pub(crate) enum Inflate {
    /// A limit was reached: the file stops.
    Stop(Stop),
    /// The stream is corrupt or truncated; what was decoded before the damage.
    Corrupt(Vec<u8>),
}

/// A text the scan will see, with what the format knows about it.
#[derive(serde::Serialize)]
struct Part<'a> {
    /// Where it came from: container members and the part's own label, outermost first.
    path: Vec<String>,
    text: Cow<'a, str>,
    given: Given,
    /// Parts with the same number are one document.
    document: usize,
}

/// A structured record (DICOM header, C-CDA patient, EXIF block) rendered
/// as `label: value` lines, with each value's meaning attached.
pub(crate) struct Record {
    label: String,
    text: String,
    given: Given,
}

impl Record {
    /// A record whose findings are labelled `label` (empty for none).
    pub(crate) fn new(label: &str) -> Record {
        Record { label: label.into(), text: String::new(), given: Given::default() }
    }

    /// Marks the record as a patient record: its identifiers are PHI without
    /// further health context.
    pub(crate) fn patient_record(&mut self) {
        self.given.patient_record = true;
    }

    /// A line of free text, scanned as prose.
    pub(crate) fn line(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    /// Appends `name: value` and returns the value's span.
    fn value(&mut self, name: &str, value: &str) -> (usize, usize) {
        let value = value.trim();
        if !name.is_empty() {
            self.text.push_str(name);
            self.text.push_str(": ");
        }
        let start = self.text.len();
        self.text.push_str(value);
        let end = self.text.len();
        self.text.push('\n');
        (start, end)
    }

    /// A value in a field of known meaning: recognizers and context decide
    /// as they do for a field of a pasted table.
    pub(crate) fn field(&mut self, name: &str, value: &str, role: Role, source: &str) {
        let (start, end) = self.value(name, value);
        if end > start {
            self.given.fields.push(Field { start, end, role, source: Some(source.into()), strong: true });
        }
    }

    /// A value that is an identifier by where it sits (DICOM PatientID):
    /// reported as `kind` with `score`, whatever the recognizers think.
    pub(crate) fn finding(&mut self, name: &str, value: &str, kind: Kind, score: f32, why: &str, source: &str) {
        let (start, end) = self.value(name, value);
        if end > start {
            let preview = preview(kind, &self.text[start..end]);
            self.given.findings.push(Finding { kind, start, end, score, preview, reason: why.to_string().into(), source: Some(source.into()) });
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Collects the parts of one file (and of the files inside it).
pub(crate) struct Sink<'a> {
    pub(crate) budget: Budget,
    parts: Vec<Part<'a>>,
    notes: Vec<String>,
    uninspected: bool,
    /// Containers we are inside (`zip:claims/jan.csv`), outermost first.
    path: Vec<String>,
    /// What the file was read as (see [`FileScan::format`]).
    format: &'static str,
    /// The document parts now belong to; each nested file is a new one.
    document: usize,
    documents: usize,
}

impl<'a> Sink<'a> {
    fn new(budget: Budget, format: &'static str) -> Sink<'a> {
        Sink { budget, parts: Vec::new(), notes: Vec::new(), uninspected: false, path: Vec::new(), format, document: 0, documents: 1 }
    }

    /// Names the format of the file itself (an extractor that tells a
    /// `.docx` from a zip); ignored inside containers.
    pub(crate) fn set_format(&mut self, format: &'static str) {
        if self.path.is_empty() {
            self.format = format;
        }
    }

    fn at(&self, label: &str) -> Vec<String> {
        let mut path = self.path.clone();
        if !label.is_empty() {
            path.push(label.to_string());
        }
        path
    }

    /// Free text (a document body, a sheet, a member file): scanned as
    /// pasted text is, with its own format sniffing.
    pub(crate) fn text(&mut self, label: &str, text: impl Into<Cow<'a, str>>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.parts.push(Part { path: self.at(label), text, given: Given::default(), document: self.document });
        }
    }

    /// A structured record.
    pub(crate) fn record(&mut self, record: Record) {
        if !record.is_empty() {
            self.parts.push(Part { path: self.at(&record.label), text: Cow::Owned(record.text), given: record.given, document: self.document });
        }
    }

    /// An image (or pixel data) that may show a face: a `photo` finding.
    pub(crate) fn photo(&mut self, source: &str, what: &str, score: f32, why: &str) {
        let mut r = Record::new("");
        r.finding("", &format!("[{what}]"), Kind::Photo, score, why, source);
        r.given.findings[0].preview = format!("[{what}]");
        self.record(r);
    }

    /// Something in the file could not be inspected: a note, and the
    /// policy's `on_error` verdict at least. `why` never quotes content.
    pub(crate) fn problem(&mut self, why: &str) {
        let at = self.path.join(" > ");
        self.notes.push(if at.is_empty() { format!("could not inspect: {why}") } else { format!("could not inspect {at}: {why}") });
        self.uninspected = true;
    }

    /// A member (`label`) of this file could not be inspected.
    pub(crate) fn problem_in(&mut self, label: &str, why: &str) {
        self.path.push(label.to_string());
        self.problem(why);
        self.path.pop();
    }

    /// A file inside this one (an archive member), scanned by its own format.
    pub(crate) fn nested(&mut self, label: &str, name: &str, bytes: &[u8]) -> Step {
        self.path.push(label.to_string());
        let outer = self.document;
        self.document = self.documents;
        self.documents += 1;
        let depth = self.path.len() as u64;
        let step = if depth > self.budget.limits.max_depth {
            self.problem(&format!("archives nested deeper than files.max_depth ({})", self.budget.limits.max_depth));
            Ok(())
        } else {
            dispatch(self, name, bytes)
        };
        self.path.pop();
        self.document = outer;
        step
    }
}

/// The result of scanning a file.
pub struct FileScan<'a> {
    /// Findings and verdict. Offsets are into [`FileScan::text`].
    pub report: Report,
    /// The text that was scanned: the decoded file for text formats; for
    /// others the extracted parts, each followed by a blank line, in the
    /// order of the file. A finding's `source` names its part.
    pub text: Cow<'a, str>,
    /// What the file was read as: `text`, `cda`, `docx`, `xlsx`, `pptx`,
    /// `pdf`, `dicom`, `image`, `zip`, `ole` (legacy or encrypted Office),
    /// or `binary` (a format PHI Guard does not read).
    pub format: &'static str,
}

/// Scans one file: sniffs its format from its bytes (and name), extracts
/// its parts within the policy's limits, and scans them.
pub(crate) fn scan_file<'a>(scanner: &Scanner, name: &str, bytes: &'a [u8]) -> FileScan<'a> {
    let started = (scanner.clock)();
    let extraction = extract(scanner.policy.files, scanner.clock, name, bytes);
    scan_extraction(scanner, extraction, started)
}

/// What extraction found in one file: its parts, notes on what could not be
/// read, and what the file was read as. The wasm package extracts in its
/// attachment module and scans in its core module; this crosses between
/// them as JSON.
#[derive(serde::Serialize)]
pub(crate) struct Extraction<'a> {
    parts: Vec<Part<'a>>,
    notes: Vec<String>,
    uninspected: bool,
    format: FormatName,
    /// The file's size in bytes.
    size: usize,
}


/// A format's name (read back as one of the names the bridge knows).
#[derive(serde::Serialize)]
struct FormatName(&'static str);


/// Reads a file into parts within `limits`, without scanning them.
pub(crate) fn extract<'a>(limits: FileLimits, clock: fn() -> f64, name: &str, bytes: &'a [u8]) -> Extraction<'a> {
    let format = sniff(name, bytes);
    let mut sink = Sink::new(Budget::new(limits, clock), format.name());
    let step = match format {
        // The file's own text, borrowed: offsets stay offsets into the file.
        Format::Text if within_size(&mut sink, bytes) => {
            match crate::decode_text(bytes) {
                Ok(t) => text(&mut sink, t),
                Err(_) => not_text(&mut sink),
            }
            Ok(())
        }
        Format::Text => Ok(()),
        _ => binary(&mut sink, format, bytes),
    };
    if let Err(Stop(why)) = step {
        sink.path.clear();
        sink.problem(&format!("file {why}; inspection stopped"));
    }
    let Sink { parts, notes, uninspected, format, .. } = sink;
    Extraction { parts, notes, uninspected, format: FormatName(format), size: bytes.len() }
}

/// [`extract`] as JSON (the wasm modules pass the same value as an object).
#[cfg(test)]
pub(crate) fn extract_json(limits: FileLimits, clock: fn() -> f64, name: &str, bytes: &[u8]) -> String {
    serde_json::to_string(&extract(limits, clock, name, bytes)).unwrap_or_else(|_| String::from("{}"))
}

/// Scans an extraction that arrived as a JSON value (see [`Extraction`]).
/// Read by hand: derived deserialisers would add about 20 KB to the wasm core.
#[cfg(any(test, all(target_arch = "wasm32", not(feature = "wasm-files"))))]
pub(crate) fn scan_extraction_value(scanner: &Scanner, v: &serde_json::Value) -> Result<FileScan<'static>, crate::Error> {
    let started = (scanner.clock)();
    let extraction = bridge::extraction(v).ok_or_else(|| crate::Error::policy("not an extraction from extractFile"))?;
    Ok(scan_extraction(scanner, extraction, started))
}

#[cfg(any(test, all(target_arch = "wasm32", not(feature = "wasm-files"))))]
mod bridge {
    use super::{Extraction, FormatName, Part};
    use crate::formats::Field;
    use crate::labels::Role;
    use crate::scan::Given;
    use crate::{Finding, Kind};
    use serde_json::Value;
    use std::borrow::Cow;

    /// Every name [`super::FileScan::format`] can have.
    const FORMATS: &[&str] = &["text", "cda", "docx", "xlsx", "pptx", "pdf", "dicom", "image", "zip", "ole", "binary"];

    fn n(v: &Value, key: &str) -> Option<usize> {
        v.get(key)?.as_u64().map(|x| x as usize)
    }
    fn s(v: &Value, key: &str) -> Option<String> {
        v.get(key)?.as_str().map(String::from)
    }
    fn b(v: &Value, key: &str) -> Option<bool> {
        v.get(key)?.as_bool()
    }
    fn list<T>(v: &Value, key: &str, item: fn(&Value) -> Option<T>) -> Option<Vec<T>> {
        v.get(key)?.as_array()?.iter().map(item).collect()
    }

    pub(super) fn extraction(v: &Value) -> Option<Extraction<'static>> {
        let format = v.get("format")?.as_str()?;
        Some(Extraction {
            parts: list(v, "parts", part)?,
            notes: list(v, "notes", |x| x.as_str().map(String::from))?,
            uninspected: b(v, "uninspected")?,
            format: FormatName(FORMATS.iter().find(|f| **f == format).copied().unwrap_or("binary")),
            size: n(v, "size")?,
        })
    }

    fn part(v: &Value) -> Option<Part<'static>> {
        let g = v.get("given")?;
        let given = Given { fields: list(g, "fields", field)?, patient_record: b(g, "patient_record")?, findings: list(g, "findings", finding)? };
        Some(Part { path: list(v, "path", |x| x.as_str().map(String::from))?, text: Cow::Owned(s(v, "text")?), given, document: n(v, "document")? })
    }

    fn field(v: &Value) -> Option<Field> {
        let role = Role::from_name(v.get("role")?.as_str()?)?;
        Some(Field { start: n(v, "start")?, end: n(v, "end")?, role, source: s(v, "source"), strong: b(v, "strong")? })
    }

    fn finding(v: &Value) -> Option<Finding> {
        Some(Finding {
            kind: Kind::from_id(v.get("kind")?.as_str()?)?,
            start: n(v, "start")?,
            end: n(v, "end")?,
            score: v.get("score")?.as_f64()? as f32,
            preview: s(v, "preview")?,
            reason: s(v, "reason")?.into(),
            source: s(v, "source"),
        })
    }
}

/// Scans the parts of an extraction and decides. `started` is when the
/// file's inspection began, on the scanner's clock.
fn scan_extraction<'a>(scanner: &Scanner, extraction: Extraction<'a>, started: f64) -> FileScan<'a> {
    let policy = &scanner.policy;
    let Extraction { parts, mut notes, uninspected, format: FormatName(format), mut size } = extraction;

    // One part that is the file's own text: offsets are into the file as decoded.
    // `stats.bytes` is the text scanned for a text file (as for pasted
    // text), the file's size for everything else.
    let mut unlisted = Unlisted::default();
    let mut truncated = false;
    let (text, findings) = match &parts[..] {
        [part] if part.path.is_empty() && format == "text" => {
            let part = parts.into_iter().next().expect("one part");
            let (scanned, cut) = cut_to_limit(policy, &part.text, &mut notes);
            truncated = cut;
            size = scanned.len();
            let findings = reported(scanner, scanned, &part.given);
            (part.text, findings)
        }
        _ => join(scanner, parts, &mut notes, &mut truncated, &mut unlisted),
    };
    let verdict = decide(policy, &[&findings[..], &unlisted.one_per_kind].concat(), uninspected || truncated);
    if unlisted.count > 0 {
        notes.push(format!("{} more findings are not listed (a report lists at most {MAX_FINDINGS})", unlisted.count));
    }
    let elapsed_us = (((scanner.clock)() - started) * 1000.0).max(0.0) as u64;
    let report = Report { verdict, findings, stats: Stats { bytes: size, elapsed_us, truncated }, notes };
    FileScan { report, text, format }
}

/// Scans each part and joins their texts and findings into one. Parts of
/// one document (a Word body and its comments) share context: when one of
/// them shows a patient, the others are scanned again as a patient record.
/// `truncated` is set when a part was cut to `max_scan_bytes`.
fn join<'a>(scanner: &Scanner, mut parts: Vec<Part<'a>>, notes: &mut Vec<String>, truncated: &mut bool, unlisted: &mut Unlisted) -> (Cow<'a, str>, Vec<Finding>) {
    let mut scanned: Vec<Vec<Finding>> = Vec::with_capacity(parts.len());
    for part in &parts {
        let (text, cut) = cut_to_limit(&scanner.policy, &part.text, notes);
        *truncated |= cut;
        let mut found = reported(scanner, text, &part.given);
        unlisted.cap(&mut found, MAX_FINDINGS);
        scanned.push(found);
    }
    let anchored: Vec<usize> = parts.iter().zip(&scanned).filter(|(_, f)| f.iter().any(shows_patient)).map(|(p, _)| p.document).collect();
    for (part, found) in parts.iter_mut().zip(&mut scanned) {
        if anchored.contains(&part.document) && !part.given.patient_record && !found.iter().any(shows_patient) {
            part.given.patient_record = true;
            let (text, _) = cut_to_limit(&scanner.policy, &part.text, &mut Vec::new());
            *found = reported(scanner, text, &part.given);
        }
    }
    let mut text = String::new();
    let mut findings = Vec::new();
    for (part, mut found) in parts.into_iter().zip(scanned) {
        let base = text.len();
        unlisted.cap(&mut found, MAX_FINDINGS - findings.len());
        for mut f in found {
            f.start += base;
            f.end += base;
            let mut path = part.path.clone();
            path.extend(f.source.take());
            f.source = (!path.is_empty()).then(|| path.join(" > "));
            findings.push(f);
        }
        text.push_str(&part.text);
        text.push_str("\n\n");
    }
    (Cow::Owned(text), findings)
}

/// Most findings listed for one file. A claims export can hold millions;
/// the verdict still counts every one (see [`Unlisted`]).
const MAX_FINDINGS: usize = 10_000;

/// Findings beyond [`MAX_FINDINGS`]: how many, and one of each kind, which
/// is all the verdict needs of them.
#[derive(Default)]
struct Unlisted {
    count: usize,
    one_per_kind: Vec<Finding>,
}

impl Unlisted {
    /// Keeps the first `room` of `found`, counting the rest.
    fn cap(&mut self, found: &mut Vec<Finding>, room: usize) {
        if found.len() <= room {
            return;
        }
        for f in found.drain(room..) {
            self.count += 1;
            if !self.one_per_kind.iter().any(|u| u.kind == f.kind) {
                self.one_per_kind.push(f);
            }
        }
        found.shrink_to_fit();
    }
}

/// A finding that shows its text is about an identified patient.
fn shows_patient(f: &Finding) -> bool {
    f.score >= 0.8 && matches!(f.kind, Kind::Mrn | Kind::HealthPlanId | Kind::MedicareMbi | Kind::Ssn | Kind::PersonName)
}

/// A file's format, from its first bytes; the name decides only between
/// formats the bytes cannot tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Zip,
    Pdf,
    Dicom,
    Image,
    /// Legacy or encrypted Office (OLE compound file).
    Ole,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Zip => "zip",
            Format::Pdf => "pdf",
            Format::Dicom => "dicom",
            Format::Image => "image",
            Format::Ole => "ole",
        }
    }
}

fn sniff(name: &str, b: &[u8]) -> Format {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        Format::Zip
    } else if b[..b.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        Format::Pdf
    } else if b.get(128..132) == Some(b"DICM") || (ext == "dcm" && dicom::looks_implicit(b)) {
        Format::Dicom
    } else if image::sniff(b) {
        Format::Image
    } else if b.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Format::Ole
    } else {
        Format::Text
    }
}

/// Reads an archive member (or any file inside another) into the sink.
fn dispatch(sink: &mut Sink<'_>, name: &str, bytes: &[u8]) -> Step {
    match sniff(name, bytes) {
        Format::Text => {
            if within_size(sink, bytes) {
                match crate::decode_text(bytes) {
                    Ok(t) => text(sink, Cow::Owned(t.into_owned())),
                    Err(_) => not_text(sink),
                }
            }
            Ok(())
        }
        format => binary(sink, format, bytes),
    }
}

/// Whether a file is within `files.max_bytes`; a problem if not.
fn within_size(sink: &mut Sink<'_>, bytes: &[u8]) -> bool {
    let max = sink.budget.limits.max_bytes;
    let ok = bytes.len() as u64 <= max;
    if !ok {
        sink.problem(&format!("{} bytes, more than files.max_bytes ({max})", bytes.len()));
    }
    ok
}

fn binary(sink: &mut Sink<'_>, format: Format, bytes: &[u8]) -> Step {
    sink.budget.tick()?;
    if !within_size(sink, bytes) {
        return Ok(());
    }
    match format {
        Format::Zip => zip::extract(sink, bytes),
        Format::Pdf => pdf::extract(sink, bytes),
        Format::Dicom => dicom::extract(sink, bytes),
        Format::Image => image::extract(sink, bytes),
        Format::Ole => {
            sink.problem("an encrypted or legacy (pre-2007) Office file");
            Ok(())
        }
        Format::Text => unreachable!("text is not binary"),
    }
}

fn not_text(sink: &mut Sink<'_>) {
    sink.set_format("binary");
    sink.problem("binary content of a format PHI Guard does not read");
}

/// A text file: C-CDA / XML documents are read by structure and everything
/// else is scanned as it would be pasted.
fn text<'a>(sink: &mut Sink<'a>, text: Cow<'a, str>) {
    // HL7 v2 files often end segments with a bare carriage return.
    let text = if text.contains('\r') && !text.contains('\n') { Cow::Owned(text.replace('\r', "\n")) } else { text };
    if cda::looks_like(&text) {
        cda::extract(sink, &text);
    } else {
        sink.text("", text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Policy;

    fn scanner() -> Scanner {
        Scanner::new(Policy::default()).unwrap()
    }

    #[test]
    fn an_extraction_crossing_as_json_scans_as_the_file_does() {
        // The wasm package extracts in one module and scans in another.
        let s = scanner();
        // A member over the limits too: its note must cross as well.
        let bomb = build::zip(&[("a.csv", &vec![b'a'; 30 << 20][..])], false);
        for (name, bytes) in build::all().into_iter().chain([("bomb.zip", bomb)]) {
            let direct = s.scan_file(name, &bytes);
            let json = extract_json(s.policy.files, s.clock, name, &bytes);
            let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
            let crossed = scan_extraction_value(&s, &value).expect("an extraction reads back");
            let (mut a, mut b) = (direct.report, crossed.report);
            a.stats.elapsed_us = 0;
            b.stats.elapsed_us = 0;
            assert_eq!(a, b, "{name}");
            assert_eq!((direct.text, direct.format), (crossed.text, crossed.format), "{name}");
        }
        assert!(scan_extraction_value(&s, &serde_json::json!({"parts": 3})).is_err());
    }

    #[test]
    fn text_file_offsets_are_into_the_file() {
        let text = "Patient Maria Gonzalez, DOB 03/14/1962, MRN 00412345\n";
        let s = scanner();
        let scan = s.scan_file("note.txt", text.as_bytes());
        assert_eq!(scan.format, "text");
        let mut direct = s.scan_text(text);
        direct.stats.elapsed_us = scan.report.stats.elapsed_us;
        assert_eq!(scan.report, direct);
        assert!(matches!(scan.text, Cow::Borrowed(_)));
    }

    #[test]
    fn bare_carriage_returns_are_line_ends() {
        let msg = "MSH|^~\\&|EPIC|HOSP|||20240101||ADT^A01|1|P|2.5\rPID|1||00412345^^^HOSP^MR||GONZALEZ^MARIA||19620314|F\r";
        let scan = scanner().scan_file("a.hl7", msg.as_bytes());
        assert!(scan.report.findings.iter().any(|f| f.source.as_deref() == Some("hl7:PID-5")), "{:?}", scan.report.findings);
    }

    #[test]
    fn unknown_binary_is_not_passed_as_clean() {
        let scan = scanner().scan_file("x.bin", b"\x00\x01\x02\x03binary\x00\x00\x7f");
        assert_eq!(scan.report.verdict, crate::Verdict::Warn);
        assert!(scan.report.notes[0].starts_with("could not inspect"), "{:?}", scan.report.notes);
    }

    #[test]
    fn legacy_office_is_reported() {
        let scan = scanner().scan_file("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0");
        assert_eq!(scan.report.verdict, crate::Verdict::Warn);
        assert!(scan.report.notes[0].contains("encrypted or legacy"));
    }

    #[test]
    fn files_over_the_size_limit_are_not_read() {
        let mut p = Policy::default();
        p.files.max_bytes = 10;
        let scan = Scanner::new(p).unwrap().scan_file("a.txt", b"Patient Maria Gonzalez");
        assert!(scan.report.findings.is_empty());
        assert!(scan.report.notes[0].contains("files.max_bytes"));
    }

    #[test]
    fn records_give_direct_findings_and_fields() {
        let mut r = Record::new("");
        r.patient_record();
        r.finding("PatientID", "A-77", Kind::Mrn, 0.95, "DICOM PatientID", "dicom:(0010,0020)");
        r.field("PatientBirthDate", "19620314", Role::Dob, "dicom:(0010,0030)");
        let s = scanner();
        let mut sink = Sink::new(Budget::new(FileLimits::default(), || 0.0), "zip");
        sink.path.push("zip:a.dcm".into());
        sink.record(r);
        let (text, findings) = join(&s, sink.parts, &mut Vec::new(), &mut false, &mut Unlisted::default());
        let kinds: Vec<_> = findings.iter().map(|f| (f.kind, &text[f.start..f.end], f.source.as_deref().unwrap())).collect();
        assert_eq!(kinds, [(Kind::Mrn, "A-77", "zip:a.dcm > dicom:(0010,0020)"), (Kind::Date, "19620314", "zip:a.dcm > dicom:(0010,0030)")]);
    }

    #[test]
    fn inflate_stops_bombs_by_ratio_and_total() {
        let zeros = vec![0u8; 8 << 20];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let mut b = Budget::new(FileLimits::default(), || 0.0);
        match b.inflate_raw(&packed) {
            Err(Inflate::Stop(Stop(why))) => assert!(why.contains("max_ratio"), "{why}"),
            _ => panic!("a 1000:1 member must stop"),
        }
        let limits = FileLimits { max_ratio: 1_000_000, max_decompressed_bytes: 4 << 20, ..FileLimits::default() };
        match Budget::new(limits, || 0.0).inflate_raw(&packed) {
            Err(Inflate::Stop(Stop(why))) => assert!(why.contains("max_decompressed_bytes"), "{why}"),
            _ => panic!("the total must stop"),
        }
        let text: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_string().into_bytes()).collect();
        let packed = miniz_oxide::deflate::compress_to_vec(&text, 6);
        match Budget::new(FileLimits::default(), || 0.0).inflate_raw(&packed[..packed.len() / 2]) {
            Err(Inflate::Corrupt(partial)) => assert!(text.starts_with(&partial)),
            _ => panic!("a truncated stream is corrupt"),
        }
    }

    #[test]
    fn the_time_budget_stops_a_file() {
        fn late() -> f64 {
            use std::sync::atomic::{AtomicU64, Ordering};
            static T: AtomicU64 = AtomicU64::new(0);
            T.fetch_add(60_000, Ordering::Relaxed) as f64
        }
        let s = scanner().with_clock(late);
        let bytes = build::zip(&[("a.txt", b"hello")], false);
        let scan = s.scan_file("a.zip", &bytes);
        assert!(scan.report.notes.iter().any(|n| n.contains("time_budget_ms")), "{:?}", scan.report.notes);
    }
}
