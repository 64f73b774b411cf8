//! The report a scan returns (`CONTRACTS.md` section 2).

use crate::Kind;
use serde::Serialize;

/// What the policy decides about one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing to stop.
    Allow,
    /// PHI found: the user decides (redact, proceed with a reason, cancel).
    Warn,
    /// PHI the policy forbids: the action does not happen.
    Block,
}

impl Verdict {
    /// The snake-case id (`allow`, `warn`, `block`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

/// One reported identifier or health-context term. It never holds the
/// matched text: only where it is, what it is, and a masked preview.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// Start offset (UTF-8 bytes in Rust; the wasm layer converts).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// Confidence from 0 to 1, after validation and context.
    pub score: f32,
    /// The match with most characters masked (`***-**-6789`).
    pub preview: String,
    /// Why it was reported, in words that never quote the text.
    pub reason: String,
    /// Where in a structured format the value sat (`hl7:PID-5`), absent for prose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Numbers about the scan itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Bytes of input.
    pub bytes: usize,
    /// Wall time of the scan in microseconds (0 where no clock is available).
    pub elapsed_us: u64,
    /// Set when the input was larger than `max_scan_bytes` and only its start was scanned.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// The result of scanning one input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The decision.
    pub verdict: Verdict,
    /// Reported findings, sorted by `start`.
    pub findings: Vec<Finding>,
    /// Scan statistics.
    pub stats: Stats,
    /// Plain-language notes about the scan (input truncated, format not
    /// inspectable). Never contain scanned text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Report {
    /// Counts of findings per kind, in kind order.
    pub fn kind_counts(&self) -> Vec<(Kind, usize)> {
        let mut counts: Vec<(Kind, usize)> = Vec::new();
        for f in &self.findings {
            match counts.iter_mut().find(|(k, _)| *k == f.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((f.kind, 1)),
            }
        }
        counts.sort();
        counts
    }
}
