//! The policy document (`CONTRACTS.md` section 4): parsed, validated with
//! errors that name every bad field, and compiled for the scanner.

use crate::{Error, Kind, Verdict};
use serde::Serialize;
use serde_json::{Map, Value};

/// How the guard acts on PHI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// PHI gives `warn`; `block_kinds` still block.
    Warn,
    /// PHI gives `block`.
    Block,
    /// Nothing is stopped (verdict `allow`); findings are still reported and audited.
    Monitor,
}

/// An organisation-specific identifier pattern.
#[derive(Clone, Debug, Serialize)]
pub struct CustomPattern {
    /// The kind reported for a match.
    pub kind: Kind,
    /// A name shown in reasons ("Acme MRN").
    pub name: String,
    /// The regular expression (regex-lite syntax).
    pub regex: String,
    /// The score of a match.
    pub score: f32,
}

/// Where the audit trail goes.
#[derive(Clone, Debug, Serialize)]
pub struct Audit {
    /// Keep the local tamper-evident log.
    pub local: bool,
    /// Admin-run HTTPS collector, or none.
    pub endpoint: Option<String>,
    /// Bearer token for the collector.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Event format for the collector: `json` or `splunk_hec`.
    pub format: String,
    /// Most events kept in the local log; the oldest go first.
    pub max_events: u64,
    /// Days an event is kept in the local log.
    pub max_age_days: u64,
}

/// Limits on attachments (`scanFile`, `phi-guard scan` on files), enforced
/// in the core so that the CLI and the browser stop at the same place.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct FileLimits {
    /// Largest file read, in bytes.
    pub max_bytes: u64,
    /// Most bytes decompressed from one file, over all its members and streams.
    pub max_decompressed_bytes: u64,
    /// Most members read from one file (archive entries, PDF streams, DICOM elements).
    pub max_entries: u64,
    /// Deepest nesting of archives (a zip in a zip is depth 2).
    pub max_depth: u64,
    /// Highest compression ratio accepted for one member once it passes 1 MiB.
    pub max_ratio: u64,
    /// Wall time allowed for one file, in milliseconds.
    pub time_budget_ms: u64,
}

impl Default for FileLimits {
    fn default() -> Self {
        FileLimits {
            max_bytes: 100 << 20,
            max_decompressed_bytes: 256 << 20,
            max_entries: 10_000,
            max_depth: 4,
            max_ratio: 200,
            time_budget_ms: 10_000,
        }
    }
}

/// `files` fields, their lowest and highest values.
const FILE_LIMITS: &[(&str, u64, u64)] = &[
    ("max_bytes", 1, 1 << 32),
    ("max_decompressed_bytes", 1, 1 << 34),
    ("max_entries", 1, 1_000_000),
    ("max_depth", 1, 32),
    ("max_ratio", 2, 1_000_000),
    ("time_budget_ms", 1, 600_000),
];

/// A validated policy. Build it with [`Policy::from_json`] or start from
/// [`Policy::default`].
#[derive(Clone, Debug, Serialize)]
pub struct Policy {
    /// How PHI is acted on.
    pub mode: Mode,
    /// Findings below this score are not reported.
    pub report_threshold: f32,
    /// Kinds that block even in warn mode.
    pub block_kinds: Vec<Kind>,
    /// Kinds never reported.
    pub disabled_kinds: Vec<Kind>,
    /// Organisation-specific identifiers.
    pub custom_patterns: Vec<CustomPattern>,
    /// Matches of these are never reported.
    pub allow_patterns: Vec<String>,
    /// Self-hosted sites to guard.
    pub hosts: Vec<String>,
    /// A reason is needed to proceed past a warning.
    pub require_justification: bool,
    /// The redact action is offered.
    pub allow_redact: bool,
    /// Inputs larger than this are scanned only up to this many bytes.
    pub max_scan_bytes: usize,
    /// The verdict when the guard cannot inspect something (input too large,
    /// corrupt file, internal error): `allow`, `warn` or `block`.
    pub on_error: Verdict,
    /// Audit settings.
    pub audit: Audit,
    /// Limits on attachments.
    pub files: FileLimits,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            mode: Mode::Warn,
            report_threshold: 0.5,
            block_kinds: vec![Kind::Ssn, Kind::MedicareMbi],
            disabled_kinds: Vec::new(),
            custom_patterns: Vec::new(),
            allow_patterns: Vec::new(),
            hosts: Vec::new(),
            require_justification: true,
            allow_redact: true,
            max_scan_bytes: 20 * 1024 * 1024,
            on_error: Verdict::Warn,
            audit: Audit { local: true, endpoint: None, token: None, format: "json".into(), max_events: 10_000, max_age_days: 90 },
            files: FileLimits::default(),
        }
    }
}

/// Longest regular expression accepted in a policy, in bytes.
const MAX_REGEX_LEN: usize = 1000;

impl Policy {
    /// Parses and validates a policy document. Every field is optional; the
    /// error names each bad field and says what is expected.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            Error::policy(format!("policy is not valid JSON (line {}, column {})", e.line(), e.column()))
        })?;
        Policy::from_value(&value)
    }

    /// Validates an already parsed policy document (the wasm layer passes
    /// JavaScript objects through this).
    pub fn from_value(value: &Value) -> Result<Policy, Error> {
        let problems = check(value);
        if problems.is_empty() {
            Ok(build(value))
        } else {
            Err(Error::policy(format!("invalid policy: {}", problems.join("; "))))
        }
    }

    /// Every problem in a policy document, one plain sentence each naming
    /// the field; empty when the policy is valid.
    pub fn problems(json: &str) -> Vec<String> {
        match serde_json::from_str::<Value>(json) {
            Ok(v) => check(&v),
            Err(e) => vec![format!("policy is not valid JSON (line {}, column {})", e.line(), e.column())],
        }
    }

    /// The policy as JSON, with every default filled in.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("policy serializes")
    }
}

const FIELDS: &[&str] = &[
    "mode",
    "report_threshold",
    "block_kinds",
    "disabled_kinds",
    "custom_patterns",
    "allow_patterns",
    "hosts",
    "require_justification",
    "allow_redact",
    "max_scan_bytes",
    "on_error",
    "audit",
    "files",
];

fn check(value: &Value) -> Vec<String> {
    let mut p = Vec::new();
    let Some(obj) = value.as_object() else {
        return vec!["policy must be a JSON object".into()];
    };
    for key in obj.keys() {
        if !FIELDS.contains(&key.as_str()) {
            p.push(format!("unknown field `{key}` (known fields: {})", FIELDS.join(", ")));
        }
    }
    if let Some(v) = obj.get("mode") {
        if !matches!(v.as_str(), Some("warn" | "block" | "monitor")) {
            bad(&mut p, format_args!("mode"), format_args!("must be \"warn\", \"block\" or \"monitor\""));
        }
    }
    if let Some(v) = obj.get("on_error") {
        if !matches!(v.as_str(), Some("allow" | "warn" | "block")) {
            bad(&mut p, format_args!("on_error"), format_args!("must be \"allow\", \"warn\" or \"block\""));
        }
    }
    if let Some(v) = obj.get("report_threshold") {
        if !v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)) {
            bad(&mut p, format_args!("report_threshold"), format_args!("must be a number from 0 to 1"));
        }
    }
    for field in ["block_kinds", "disabled_kinds"] {
        if let Some(v) = obj.get(field) {
            check_kinds(field, v, &mut p);
        }
    }
    for field in ["require_justification", "allow_redact"] {
        if let Some(v) = obj.get(field) {
            if !v.is_boolean() {
                bad(&mut p, format_args!("{field}"), format_args!("must be true or false"));
            }
        }
    }
    if let Some(v) = obj.get("max_scan_bytes") {
        if !v.as_u64().is_some_and(|n| n > 0 && n <= 1 << 32) {
            bad(&mut p, format_args!("max_scan_bytes"), format_args!("must be a whole number from 1 to 4294967296"));
        }
    }
    if let Some(v) = obj.get("hosts") {
        match v.as_array() {
            None => bad(&mut p, format_args!("hosts"), format_args!("must be a list of host names")),
            Some(list) => {
                for (i, h) in list.iter().enumerate() {
                    if !h.as_str().is_some_and(valid_host) {
                        p.push(format!(
                            "`hosts[{i}]` must be a host name such as \"jira.example.org\" or \"*.example.org\" (no scheme, port or path)"
                        ));
                    }
                }
            }
        }
    }
    if let Some(v) = obj.get("allow_patterns") {
        match v.as_array() {
            None => bad(&mut p, format_args!("allow_patterns"), format_args!("must be a list of regular expressions")),
            Some(list) => {
                for (i, r) in list.iter().enumerate() {
                    match r.as_str() {
                        None => bad(&mut p, format_args!("allow_patterns[{i}]"), format_args!("must be a string")),
                        Some(r) => check_regex(&format!("allow_patterns[{i}]"), r, &mut p),
                    }
                }
            }
        }
    }
    if let Some(v) = obj.get("custom_patterns") {
        match v.as_array() {
            None => bad(&mut p, format_args!("custom_patterns"), format_args!("must be a list of {{kind, name, regex, score}} objects")),
            Some(list) => {
                for (i, c) in list.iter().enumerate() {
                    check_custom(i, c, &mut p);
                }
            }
        }
    }
    if let Some(v) = obj.get("audit") {
        check_audit(v, &mut p);
    }
    if let Some(v) = obj.get("files") {
        check_files(v, &mut p);
    }
    p
}

/// Notes that a field (a path such as `custom_patterns[2].score`) is wrong, and how.
/// (One place that writes the message: each `format!` at a call site costs the wasm package.)
#[inline(never)]
fn bad(p: &mut Vec<String>, field: std::fmt::Arguments, what: std::fmt::Arguments) {
    p.push(format!("`{field}` {what}"));
}

fn check_files(v: &Value, p: &mut Vec<String>) {
    let Some(obj) = v.as_object() else {
        bad(p, format_args!("files"), format_args!("must be an object such as {{\"max_bytes\": 104857600}}"));
        return;
    };
    let names = || FILE_LIMITS.iter().map(|(n, _, _)| *n).collect::<Vec<_>>().join(", ");
    for (key, value) in obj {
        match FILE_LIMITS.iter().find(|(n, _, _)| n == key) {
            None => bad(p, format_args!("files.{key}"), format_args!("is not a known field ({})", names())),
            Some((_, lo, hi)) => {
                if !value.as_u64().is_some_and(|n| (*lo..=*hi).contains(&n)) {
                    bad(p, format_args!("files.{key}"), format_args!("must be a whole number from {lo} to {hi}"));
                }
            }
        }
    }
}

fn check_kinds(field: &str, v: &Value, p: &mut Vec<String>) {
    let Some(list) = v.as_array() else {
        bad(p, format_args!("{field}"), format_args!("must be a list of finding kinds"));
        return;
    };
    for (i, k) in list.iter().enumerate() {
        if k.as_str().is_none_or(|s| Kind::from_id(s).is_none()) {
            bad(p, format_args!("{field}[{i}]"), format_args!("is not a finding kind (known kinds: {})", kind_list()));
        }
    }
}

fn kind_list() -> String {
    Kind::ALL.iter().map(|k| k.id()).collect::<Vec<_>>().join(", ")
}

fn check_regex(field: &str, r: &str, p: &mut Vec<String>) {
    if r.len() > MAX_REGEX_LEN {
        bad(p, format_args!("{field}"), format_args!("is longer than {MAX_REGEX_LEN} bytes"));
    } else if r.is_empty() {
        bad(p, format_args!("{field}"), format_args!("must not be empty"));
    } else if let Err(e) = compile_regex(r) {
        // regex-lite's message describes the syntax problem, quoting only the pattern.
        bad(p, format_args!("{field}"), format_args!("is not a valid regular expression: {}", first_line(&e.to_string())));
    }
}

fn first_line(s: &str) -> &str {
    s.lines().last().unwrap_or(s).trim()
}

/// Compiles an admin pattern with a size limit so a hostile policy cannot
/// exhaust memory.
pub(crate) fn compile_regex(r: &str) -> Result<regex_lite::Regex, regex_lite::Error> {
    regex_lite::RegexBuilder::new(r).size_limit(1 << 20).nest_limit(64).build()
}

fn check_custom(i: usize, c: &Value, p: &mut Vec<String>) {
    let Some(obj) = c.as_object() else {
        bad(p, format_args!("custom_patterns[{i}]"), format_args!("must be an object with kind, name, regex and score"));
        return;
    };
    for key in obj.keys() {
        if !["kind", "name", "regex", "score"].contains(&key.as_str()) {
            bad(p, format_args!("custom_patterns[{i}].{key}"), format_args!("is not a known field (kind, name, regex, score)"));
        }
    }
    match obj.get("kind").and_then(Value::as_str) {
        Some(k) if Kind::from_id(k).is_some() => {}
        _ => bad(p, format_args!("custom_patterns[{i}].kind"), format_args!("must be a finding kind (known kinds: {})", kind_list())),
    }
    if let Some(n) = obj.get("name") {
        if !n.is_string() {
            bad(p, format_args!("custom_patterns[{i}].name"), format_args!("must be a string"));
        }
    }
    match obj.get("regex").and_then(Value::as_str) {
        Some(r) => check_regex(&format!("custom_patterns[{i}].regex"), r, p),
        None => bad(p, format_args!("custom_patterns[{i}].regex"), format_args!("is required and must be a string")),
    }
    if let Some(s) = obj.get("score") {
        if !s.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x)) {
            bad(p, format_args!("custom_patterns[{i}].score"), format_args!("must be a number from 0 to 1"));
        }
    }
}

fn check_audit(v: &Value, p: &mut Vec<String>) {
    let Some(obj) = v.as_object() else {
        bad(p, format_args!("audit"), format_args!("must be an object such as {{\"local\": true, \"endpoint\": null}}"));
        return;
    };
    for key in obj.keys() {
        if !["local", "endpoint", "token", "format", "max_events", "max_age_days"].contains(&key.as_str()) {
            bad(p, format_args!("audit.{key}"), format_args!("is not a known field (local, endpoint, token, format, max_events, max_age_days)"));
        }
    }
    if let Some(l) = obj.get("local") {
        if !l.is_boolean() {
            bad(p, format_args!("audit.local"), format_args!("must be true or false"));
        }
    }
    match obj.get("endpoint") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.starts_with("https://") && s.len() > "https://".len() => {}
        Some(_) => bad(p, format_args!("audit.endpoint"), format_args!("must be null or an https:// URL")),
    }
    if let Some(t) = obj.get("token") {
        if !(t.is_string() || t.is_null()) {
            bad(p, format_args!("audit.token"), format_args!("must be a string"));
        }
    }
    if let Some(f) = obj.get("format") {
        if !matches!(f.as_str(), Some("json" | "splunk_hec")) {
            bad(p, format_args!("audit.format"), format_args!("must be \"json\" or \"splunk_hec\""));
        }
    }
    for (key, hi) in [("max_events", 1_000_000u64), ("max_age_days", 3650)] {
        if let Some(v) = obj.get(key) {
            if !v.as_u64().is_some_and(|n| (1..=hi).contains(&n)) {
                bad(p, format_args!("audit.{key}"), format_args!("must be a whole number from 1 to {hi}"));
            }
        }
    }
}

fn valid_host(h: &str) -> bool {
    let h = h.strip_prefix("*.").unwrap_or(h);
    !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Builds a policy from a document that `check` found valid.
fn build(value: &Value) -> Policy {
    let empty = Map::new();
    let obj = value.as_object().unwrap_or(&empty);
    let mut policy = Policy::default();
    let str_list = |key: &str| -> Option<Vec<String>> {
        obj.get(key)?.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
    };
    let kind_list = |key: &str| -> Option<Vec<Kind>> {
        obj.get(key)?.as_array().map(|a| a.iter().filter_map(|v| Kind::from_id(v.as_str()?)).collect())
    };
    if let Some(m) = obj.get("mode").and_then(Value::as_str) {
        policy.mode = match m {
            "block" => Mode::Block,
            "monitor" => Mode::Monitor,
            _ => Mode::Warn,
        };
    }
    if let Some(m) = obj.get("on_error").and_then(Value::as_str) {
        policy.on_error = match m {
            "allow" => Verdict::Allow,
            "block" => Verdict::Block,
            _ => Verdict::Warn,
        };
    }
    if let Some(t) = obj.get("report_threshold").and_then(Value::as_f64) {
        policy.report_threshold = t as f32;
    }
    if let Some(k) = kind_list("block_kinds") {
        policy.block_kinds = k;
    }
    if let Some(k) = kind_list("disabled_kinds") {
        policy.disabled_kinds = k;
    }
    if let Some(a) = str_list("allow_patterns") {
        policy.allow_patterns = a;
    }
    if let Some(h) = str_list("hosts") {
        policy.hosts = h.into_iter().map(|h| h.to_ascii_lowercase()).collect();
    }
    if let Some(b) = obj.get("require_justification").and_then(Value::as_bool) {
        policy.require_justification = b;
    }
    if let Some(b) = obj.get("allow_redact").and_then(Value::as_bool) {
        policy.allow_redact = b;
    }
    if let Some(n) = obj.get("max_scan_bytes").and_then(Value::as_u64) {
        policy.max_scan_bytes = n as usize;
    }
    if let Some(list) = obj.get("custom_patterns").and_then(Value::as_array) {
        policy.custom_patterns = list
            .iter()
            .filter_map(|c| {
                let kind = Kind::from_id(c.get("kind")?.as_str()?)?;
                let regex = c.get("regex")?.as_str()?.to_string();
                let name = c.get("name").and_then(Value::as_str).unwrap_or("custom pattern").to_string();
                let score = c.get("score").and_then(Value::as_f64).unwrap_or(0.9) as f32;
                Some(CustomPattern { kind, name, regex, score })
            })
            .collect();
    }
    if let Some(a) = obj.get("audit").and_then(Value::as_object) {
        if let Some(l) = a.get("local").and_then(Value::as_bool) {
            policy.audit.local = l;
        }
        policy.audit.endpoint = a.get("endpoint").and_then(Value::as_str).map(String::from);
        policy.audit.token = a.get("token").and_then(Value::as_str).map(String::from);
        if let Some(f) = a.get("format").and_then(Value::as_str) {
            policy.audit.format = f.to_string();
        }
        if let Some(n) = a.get("max_events").and_then(Value::as_u64) {
            policy.audit.max_events = n;
        }
        if let Some(n) = a.get("max_age_days").and_then(Value::as_u64) {
            policy.audit.max_age_days = n;
        }
    }
    if let Some(f) = obj.get("files").and_then(Value::as_object) {
        let get = |key: &str, default: u64| f.get(key).and_then(Value::as_u64).unwrap_or(default);
        let d = FileLimits::default();
        policy.files = FileLimits {
            max_bytes: get("max_bytes", d.max_bytes),
            max_decompressed_bytes: get("max_decompressed_bytes", d.max_decompressed_bytes),
            max_entries: get("max_entries", d.max_entries),
            max_depth: get("max_depth", d.max_depth),
            max_ratio: get("max_ratio", d.max_ratio),
            time_budget_ms: get("time_budget_ms", d.time_budget_ms),
        };
    }
    policy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_policy_gives_defaults() {
        let p = Policy::from_json("{}").unwrap();
        assert_eq!(p.mode, Mode::Warn);
        assert_eq!(p.report_threshold, 0.5);
        assert_eq!(p.block_kinds, vec![Kind::Ssn, Kind::MedicareMbi]);
        assert!(p.require_justification);
        assert_eq!(p.max_scan_bytes, 20 * 1024 * 1024);
    }

    #[test]
    fn contract_example_parses() {
        let json = r#"{
          "mode": "block", "report_threshold": 0.6, "block_kinds": ["ssn"],
          "disabled_kinds": ["ip_address"],
          "custom_patterns": [{"kind": "mrn", "name": "Acme MRN", "regex": "ACM\\d{8}", "score": 0.9}],
          "allow_patterns": ["555-01\\d\\d"], "hosts": ["confluence.example.org", "*.jira.example.org"],
          "require_justification": false, "allow_redact": true, "max_scan_bytes": 1048576,
          "audit": {"local": true, "endpoint": "https://audit.example.org/phi"}}"#;
        let p = Policy::from_json(json).unwrap();
        assert_eq!(p.mode, Mode::Block);
        assert_eq!(p.custom_patterns[0].kind, Kind::Mrn);
        assert_eq!(p.hosts.len(), 2);
        assert_eq!(p.audit.endpoint.as_deref(), Some("https://audit.example.org/phi"));
    }

    #[test]
    fn every_bad_field_is_named() {
        let json = r#"{"mode": "loud", "report_threshold": 2, "block_kinds": ["ssn", "shoe_size"],
          "custom_patterns": [{"kind": "mrn", "regex": "ACM(\\d"}], "colour": 1,
          "audit": {"endpoint": "http://plain.example.org"}}"#;
        let err = Policy::from_json(json).unwrap_err().to_string();
        for field in ["`mode`", "`report_threshold`", "`block_kinds[1]`", "`custom_patterns[0].regex`", "`colour`", "`audit.endpoint`"] {
            assert!(err.contains(field), "{field} missing from: {err}");
        }
    }

    #[test]
    fn not_json_says_where() {
        let err = Policy::from_json("{\"mode\": ").unwrap_err().to_string();
        assert!(err.contains("not valid JSON") && err.contains("line 1"), "{err}");
        assert_eq!(Policy::problems("[]"), vec!["policy must be a JSON object".to_string()]);
    }

    #[test]
    fn hosts_are_plain_names() {
        for bad in ["https://jira.example.org", "jira.example.org/path", "jira.example.org:8443", "", "-a.org"] {
            let json = format!("{{\"hosts\": [\"{bad}\"]}}");
            assert!(Policy::from_json(&json).is_err(), "{bad} accepted");
        }
    }
}
