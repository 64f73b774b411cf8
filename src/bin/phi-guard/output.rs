//! The three `scan` output formats. Matches are never written unless
//! `--show-matches` was given; previews come masked from the report.

use crate::args::Format;
use crate::input::{Outcome, Scanned, Span, STDIN_NAME};
use phi_guard::{Finding, Kind, Report, Stats, Verdict};
use serde::Serialize;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::io::{self, Write};

/// Totals for the summary and the exit status.
#[derive(Default)]
pub struct Totals {
    pub scanned: usize,
    pub truncated: usize,
    pub skipped: usize,
    pub errors: usize,
    pub allow: usize,
    pub warn: usize,
    pub block: usize,
    pub worst: Option<Verdict>,
}

impl Totals {
    pub fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Scanned(s) => {
                self.scanned += 1;
                self.truncated += usize::from(s.report.stats.truncated);
                match s.report.verdict {
                    Verdict::Allow => self.allow += 1,
                    Verdict::Warn => self.warn += 1,
                    Verdict::Block => self.block += 1,
                }
                self.worst = self.worst.max(Some(s.report.verdict));
            }
            Outcome::Skipped(_) => self.skipped += 1,
            Outcome::Error(_) => self.errors += 1,
            Outcome::Warning(_) => {}
        }
    }
}

pub struct Printer {
    format: Format,
    show_matches: bool,
    sarif: Sarif,
}

impl Printer {
    pub fn new(format: Format, show_matches: bool) -> Printer {
        Printer { format, show_matches, sarif: Sarif::default() }
    }

    /// Writes one file's result. Errors and warnings go to standard error in
    /// every format (and into the SARIF invocation).
    pub fn file(&mut self, out: &mut impl Write, path: &str, outcome: &Outcome) -> io::Result<()> {
        match outcome {
            Outcome::Error(m) | Outcome::Warning(m) => {
                out.flush()?;
                let _ = writeln!(io::stderr(), "phi-guard: {path}: {m}");
                if self.format == Format::Sarif {
                    let level = if matches!(outcome, Outcome::Error(_)) { "error" } else { "warning" };
                    self.sarif.notify(level, path, m);
                }
                Ok(())
            }
            Outcome::Skipped(reason) => match self.format {
                Format::Text => writeln!(out, "{path}: skipped: {reason}"),
                Format::Json => {
                    serde_json::to_writer(&mut *out, &json!({"path": path, "skipped": reason}))?;
                    writeln!(out)
                }
                Format::Sarif => {
                    self.sarif.notify("note", path, &format!("skipped: {reason}"));
                    Ok(())
                }
            },
            Outcome::Scanned(s) => match self.format {
                Format::Text => self.text(out, path, s),
                Format::Json => {
                    serde_json::to_writer(&mut *out, &Record::new(path, s))?;
                    writeln!(out)
                }
                Format::Sarif => {
                    self.sarif.add(path, s, self.show_matches);
                    Ok(())
                }
            },
        }
    }

    fn text(&self, out: &mut impl Write, path: &str, s: &Scanned) -> io::Result<()> {
        let r = &s.report;
        for (i, f) in r.findings.iter().enumerate() {
            match s.spans.get(i) {
                Some(span) => write!(out, "{path}:{}:{}: ", span.start_line, span.start_col)?,
                None => write!(out, "{path}: ")?,
            }
            write!(out, "{} {:.2} {}", f.kind, f.score, one_line(&f.preview))?;
            if let Some(m) = s.matches.as_ref().and_then(|m| m.get(i)) {
                write!(out, " \"{}\"", m.escape_debug())?;
            }
            write!(out, " ({})", one_line(&f.reason))?;
            if let Some(src) = &f.source {
                write!(out, " [{}]", one_line(src))?;
            }
            writeln!(out)?;
        }
        for note in &r.notes {
            writeln!(out, "{path}: note: {}", one_line(note))?;
        }
        if !r.findings.is_empty() || r.verdict != Verdict::Allow {
            let counts: Vec<String> = r.kind_counts().iter().map(|(k, n)| format!("{k} {n}")).collect();
            let n = r.findings.len();
            write!(out, "{path}: verdict {}: {n} {}", r.verdict.id(), plural(n, "finding", "findings"))?;
            if !counts.is_empty() {
                write!(out, " ({})", counts.join(", "))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    /// The end of the output: the summary (text) or the whole log (SARIF).
    pub fn finish(&mut self, out: &mut impl Write, t: &Totals) -> io::Result<()> {
        match self.format {
            Format::Text => {
                write!(out, "summary: {} {} scanned", t.scanned, plural(t.scanned, "file", "files"))?;
                if t.truncated > 0 {
                    write!(out, " ({} truncated)", t.truncated)?;
                }
                writeln!(
                    out,
                    ", {} skipped, {} {}; verdicts: {} allow, {} warn, {} block",
                    t.skipped,
                    t.errors,
                    plural(t.errors, "error", "errors"),
                    t.allow,
                    t.warn,
                    t.block
                )
            }
            Format::Json => Ok(()),
            Format::Sarif => {
                serde_json::to_writer_pretty(&mut *out, &self.sarif.log(t.errors == 0))?;
                writeln!(out)
            }
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Keeps one finding on one output line: control characters are escaped.
fn one_line(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_control) {
        Cow::Owned(s.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// A JSON Lines record: the report's fields with `path` first, and with
/// `--show-matches` a `match` in each finding. Mirrors [`Report`]; a unit
/// test checks that no report field is left out.
#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    verdict: Verdict,
    findings: Vec<FindingRecord<'a>>,
    stats: &'a Stats,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    matched: Option<&'a str>,
}

impl<'a> Record<'a> {
    fn new(path: &'a str, s: &'a Scanned) -> Record<'a> {
        let Report { verdict, findings, stats, notes } = &s.report;
        let findings = findings
            .iter()
            .enumerate()
            .map(|(i, finding)| FindingRecord { finding, matched: s.matches.as_ref().and_then(|m| m.get(i)).map(String::as_str) })
            .collect();
        Record { path, verdict: *verdict, findings, stats, notes }
    }
}

/// The top level of a SARIF log: a struct rather than `json!`, so that
/// `version` comes first (serde_json maps are sorted by key).
#[derive(Serialize)]
struct SarifLog {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Value,
}

/// Collects SARIF results until the end of the scan.
#[derive(Default)]
struct Sarif {
    results: Vec<Value>,
    notifications: Vec<Value>,
}

/// A score as JSON: the f32's shortest decimal form (0.97, not 0.9700000286).
fn score_value(score: f32) -> Value {
    score.to_string().parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::Null, Value::Number)
}

/// A SARIF artifact location: a relative URI reference for relative paths
/// (against %SRCROOT%), a file:// URI for absolute ones.
fn artifact_location(path: &str) -> Value {
    if path == STDIN_NAME {
        return json!({"uri": "stdin"});
    }
    let slashed = path.replace('\\', "/");
    let rel = slashed.trim_start_matches("./");
    if rel.starts_with('/') {
        json!({"uri": format!("file://{}", uri_escape(rel))})
    } else {
        json!({"uri": uri_escape(rel), "uriBaseId": "%SRCROOT%"})
    }
}

fn uri_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One short description per finding kind, for SARIF rules.
fn kind_description(kind: Kind) -> &'static str {
    match kind.id() {
        "person_name" => "Patient or relative name",
        "street_address" => "Street address of a patient",
        "zip_code" => "ZIP code in a patient address",
        "date" => "Date tied to a patient (birth, admission, discharge, death, service)",
        "age_over_89" => "Age of 90 or more",
        "phone" => "Phone or fax number",
        "email" => "Email address",
        "ssn" => "US Social Security number",
        "mrn" => "Medical record number",
        "health_plan_id" => "Health plan beneficiary or member id",
        "medicare_mbi" => "Medicare Beneficiary Identifier",
        "account_number" => "Patient account or billing number",
        "license_number" => "Certificate or license number",
        "vehicle_id" => "Vehicle identifier (VIN, license plate)",
        "device_id" => "Device serial number or UDI",
        "url" => "URL that identifies a person",
        "ip_address" => "IP address tied to a person",
        "biometric_id" => "Biometric identifier",
        "photo" => "Image that may show a face",
        "other_id" => "Other unique identifying number or code",
        "diagnosis_code" => "Diagnosis code (ICD-10-CM / ICD-9)",
        "procedure_code" => "Procedure code (CPT / HCPCS)",
        "drug_code" => "National Drug Code",
        "medication" => "Medication name",
        "condition" => "Diagnosis or condition term",
        "credit_card" => "Payment card number",
        _ => "Protected health information",
    }
}

impl Sarif {
    fn notify(&mut self, level: &str, path: &str, message: &str) {
        self.notifications.push(json!({
            "level": level,
            "message": {"text": format!("{path}: {message}")},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
        }));
    }

    fn add(&mut self, path: &str, s: &Scanned, show_matches: bool) {
        let level = if s.report.verdict == Verdict::Block { "error" } else { "warning" };
        for (i, f) in s.report.findings.iter().enumerate() {
            let mut region = match s.spans.get(i) {
                Some(&Span { start_line, start_col, end_line, end_col }) => json!({
                    "startLine": start_line, "startColumn": start_col,
                    "endLine": end_line, "endColumn": end_col,
                }),
                None => json!({}),
            };
            if s.file_offsets {
                region["byteOffset"] = json!(f.start);
                region["byteLength"] = json!(f.end.saturating_sub(f.start));
            }
            if show_matches && !s.spans.is_empty() {
                if let Some(m) = s.matches.as_ref().and_then(|m| m.get(i)) {
                    region["snippet"] = json!({"text": m});
                }
            }
            let mut properties = json!({"score": score_value(f.score), "verdict": s.report.verdict.id()});
            if let Some(src) = &f.source {
                properties["source"] = json!(src);
            }
            self.results.push(json!({
                "ruleId": f.kind.id(),
                "ruleIndex": Kind::ALL.iter().position(|&k| k == f.kind),
                "level": level,
                "message": {"text": format!("{}: {} ({})", f.kind, f.preview, f.reason)},
                "locations": [{"physicalLocation": if region.as_object().is_some_and(|r| r.is_empty()) {
                    json!({"artifactLocation": artifact_location(path)})
                } else {
                    json!({"artifactLocation": artifact_location(path), "region": region})
                }}],
                "properties": properties,
            }));
        }
        for note in &s.report.notes {
            self.notify("note", path, note);
        }
    }

    fn log(&mut self, successful: bool) -> SarifLog {
        let rules: Vec<Value> = Kind::ALL
            .iter()
            .map(|&k| {
                json!({
                    "id": k.id(),
                    "name": k.id(),
                    "shortDescription": {"text": kind_description(k)},
                    "defaultConfiguration": {"level": "warning"},
                    "properties": {"tags": ["phi", "privacy", if k.is_identifier() { "identifier" } else { "health-context" }]},
                })
            })
            .collect();
        SarifLog {
            schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: json!([{
                "tool": {"driver": {
                    "name": "phi-guard",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "invocations": [{
                    "executionSuccessful": successful,
                    "toolExecutionNotifications": std::mem::take(&mut self.notifications),
                }],
                "results": std::mem::take(&mut self.results),
            }]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned() -> Scanned {
        let f = Finding {
            kind: Kind::Ssn,
            start: 5,
            end: 16,
            score: 0.97,
            preview: "***-**-8471".into(),
            reason: "label 'SSN'".into(),
            source: None,
        };
        let report = Report {
            verdict: Verdict::Block,
            findings: vec![f],
            stats: Stats { bytes: 17, elapsed_us: 3, truncated: true },
            notes: vec!["n".into()],
        };
        let spans = vec![Span { start_line: 1, start_col: 6, end_line: 1, end_col: 17 }];
        Scanned { report, spans, matches: None, file_offsets: true }
    }

    #[test]
    fn json_record_is_the_report_plus_path() {
        let s = scanned();
        let mut report = serde_json::to_value(&s.report).unwrap();
        report["path"] = json!("a.txt");
        let record = serde_json::to_value(Record::new("a.txt", &s)).unwrap();
        assert_eq!(record, report, "Record must mirror every Report field");
        let line = serde_json::to_string(&Record::new("a.txt", &s)).unwrap();
        assert!(line.starts_with("{\"path\":\"a.txt\",\"verdict\":\"block\""), "{line}");
        assert!(line.contains("\"score\":0.97,"), "{line}");
    }

    #[test]
    fn matches_only_with_show_matches() {
        let mut s = scanned();
        assert!(!serde_json::to_string(&Record::new("a", &s)).unwrap().contains("\"match\""));
        s.matches = Some(vec!["536-22-8471".into()]);
        let v = serde_json::to_value(Record::new("a", &s)).unwrap();
        assert_eq!(v["findings"][0]["match"], "536-22-8471");
    }

    #[test]
    fn sarif_regions_and_rules() {
        let mut sarif = Sarif::default();
        sarif.add("./dir/a b.txt", &scanned(), false);
        let log = serde_json::to_value(sarif.log(true)).unwrap();
        let r = &log["runs"][0]["results"][0];
        assert_eq!(r["ruleId"], "ssn");
        assert_eq!(r["level"], "error");
        assert_eq!(log["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize]["id"], "ssn");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "dir/a%20b.txt");
        assert_eq!(loc["region"]["byteOffset"], 5);
        assert_eq!(loc["region"]["byteLength"], 11);
        assert_eq!(loc["region"]["endColumn"], 17);
        assert!(!log.to_string().contains("536-22"));
        assert_eq!(artifact_location("/abs/x.txt")["uri"], "file:///abs/x.txt");
    }

    #[test]
    fn every_kind_has_a_description() {
        for &k in Kind::ALL {
            assert_ne!(kind_description(k), "Protected health information", "{k}");
        }
    }
}
