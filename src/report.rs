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
    #[serde(serialize_with = "two_decimals")]
    pub score: f32,
    /// The match with most characters masked (`***-**-6789`).
    pub preview: String,
    /// Why it was reported, in words that never quote the text (most are
    /// fixed phrases, so not copied for every finding).
    pub reason: std::borrow::Cow<'static, str>,
    /// Where in a structured format the value sat (`hl7:PID-5`), absent for prose.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A score as the decimal it was rounded to (`0.97`, not the nearest f32
/// widened to `0.9700000286` as a JavaScript number).
fn two_decimals<S: serde::Serializer>(score: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(rounded(*score))
}

/// A score as reports give it (see `two_decimals`).
pub(crate) fn rounded(score: f32) -> f64 {
    (f64::from(score) * 100.0).round() / 100.0
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
        // (Kinds are unique here: by kind, with the core's one sort.)
        crate::text::sort_by_key(&mut counts, |&(k, _)| k as u64);
        counts
    }

    /// The report of an input that could not be inspected (binary or
    /// corrupt): no findings, the policy's `on_error` verdict, and a note.
    pub fn uninspectable(policy: &crate::Policy, bytes: usize, note: impl Into<String>) -> Report {
        let verdict = crate::scan::decide(policy, &[], true);
        Report { verdict, findings: Vec::new(), stats: Stats { bytes, ..Stats::default() }, notes: vec![note.into()] }
    }

    /// Converts the findings' offsets from UTF-8 bytes into `text` to UTF-16
    /// code units, as JavaScript's `String.prototype.slice` counts them.
    pub fn into_utf16_offsets(mut self, text: &str) -> Report {
        if text.is_ascii() {
            return self;
        }
        // Every offset, sorted, then one walk over the text.
        // (u128, u32) pairs: the one sort the core's other sorts use too.
        let mut marks: Vec<(u128, u32)> = self.findings.iter().enumerate().flat_map(|(i, f)| [(f.start as u128, 2 * i as u32), (f.end as u128, 2 * i as u32 + 1)]).collect();
        marks.sort_unstable();
        let bytes = text.as_bytes();
        let (mut byte, mut unit) = (0, 0);
        for (offset, slot) in marks {
            let (offset, slot) = ((offset as usize).min(bytes.len()), slot as usize);
            if offset > byte {
                unit += utf16_len(&bytes[byte..offset]);
                byte = offset;
            }
            let f = &mut self.findings[slot / 2];
            if slot % 2 == 0 {
                f.start = unit;
            } else {
                f.end = unit;
            }
        }
        self
    }
}

/// UTF-16 code units of a UTF-8 slice: one per character, two for those
/// outside the Basic Multilingual Plane (four-byte sequences).
fn utf16_len(utf8: &[u8]) -> usize {
    utf8.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

#[cfg(test)]
mod tests {
    use crate::{Policy, Scanner};

    #[test]
    fn utf16_offsets_slice_the_same_matches() {
        let scanner = Scanner::new(Policy::default()).unwrap();
        for text in [
            "Patient José Nguyễn 👩‍⚕️ DOB 03/14/1962, MRN 00412345 🏥, phone (617) 734-2291",
            "🙂🙂🙂 SSN 536-22-8471 — Ó Coisdeala, Đặng Thị Mai, MRN: 12345678 𝔘𝔫𝔦",
            "plain ASCII: Patient Maria Gonzalez DOB 03/14/1962",
        ] {
            let bytes = scanner.scan_text(text);
            let units: Vec<u16> = text.encode_utf16().collect();
            let converted = bytes.clone().into_utf16_offsets(text);
            assert!(!bytes.findings.is_empty(), "{text}");
            for (b, u) in bytes.findings.iter().zip(&converted.findings) {
                assert_eq!(String::from_utf16(&units[u.start..u.end]).unwrap(), text[b.start..b.end]);
            }
        }
    }

    #[test]
    fn scores_serialise_as_their_two_decimals() {
        let report = Scanner::new(Policy::default()).unwrap().scan_text("SSN 536-22-8471");
        let json = serde_json::to_string(&report).unwrap();
        let score = &json[json.find("\"score\":").unwrap() + 8..];
        let score = &score[..score.find(',').unwrap()];
        assert!(score.len() <= 4, "{score}");
    }
}
