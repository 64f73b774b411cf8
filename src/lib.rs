//! PHI Guard core: finds protected health information (the HIPAA Safe Harbor
//! identifiers, and the health context that makes them PHI) in text people
//! paste into Confluence, Jira and Bitbucket.
//!
//! ```
//! use phi_guard::{Policy, Scanner, Verdict};
//! let scanner = Scanner::new(Policy::default()).unwrap();
//! let report = scanner.scan_text("Patient Maria Gonzalez, DOB 03/14/1962, MRN 00412345");
//! assert_eq!(report.verdict, Verdict::Warn);
//! assert!(report.findings.iter().all(|f| !f.preview.contains("Gonzalez")));
//! ```
//!
//! Pure Rust, no I/O, no JavaScript types: the CLI (`src/bin`) and the wasm
//! bindings wrap this crate.
#![deny(missing_docs)]

/// A `[T; 256]` lookup table of the `const fn` `$f` over every byte,
/// built at compile time: `byte_table!(Class, class_of)[b as usize]`.
macro_rules! byte_table {
    ($t:ty, $f:path) => {{
        static TABLE: [$t; 256] = {
            let mut t = [$f(0); 256];
            let mut b = 0;
            while b < 256 {
                t[b] = $f(b as u8);
                b += 1;
            }
            t
        };
        &TABLE
    }};
}

mod context;
mod decode;
mod dictionaries;
mod error;
mod files;
mod formats;
mod kind;
mod labels;
mod policy;
mod recognizers;
mod redact;
mod report;
mod scan;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind};
pub use files::FileScan;
pub use kind::Kind;
pub use policy::{Audit, CustomPattern, FileLimits, Mode, Policy};
pub use redact::RedactStyle;
pub use report::{Finding, Report, Stats, Verdict};

use std::borrow::Cow;

/// A compiled policy, ready to scan. Cheap to share between threads.
pub struct Scanner {
    policy: Policy,
    custom: Vec<(CustomPattern, regex_lite::Regex)>,
    allow: Vec<regex_lite::Regex>,
    /// Milliseconds from any fixed point; times the file budget.
    clock: fn() -> f64,
}

/// Milliseconds since the first call (std's monotonic clock).
#[cfg(not(target_arch = "wasm32"))]
fn monotonic_ms() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// wasm32-unknown-unknown has no clock of its own: the bindings supply one
/// with [`Scanner::with_clock`]; until then time budgets never run out.
#[cfg(target_arch = "wasm32")]
fn monotonic_ms() -> f64 {
    0.0
}

impl Scanner {
    /// Compiles a policy. Fails only on patterns the policy validator would
    /// also reject.
    pub fn new(policy: Policy) -> Result<Scanner, Error> {
        let compile = |field: String, r: &str| {
            policy::compile_regex(r).map_err(|_| Error::policy(format!("`{field}` is not a valid regular expression")))
        };
        let custom = policy
            .custom_patterns
            .iter()
            .enumerate()
            .map(|(i, c)| Ok((c.clone(), compile(format!("custom_patterns[{i}].regex"), &c.regex)?)))
            .collect::<Result<_, Error>>()?;
        let allow = policy
            .allow_patterns
            .iter()
            .enumerate()
            .map(|(i, r)| compile(format!("allow_patterns[{i}]"), r))
            .collect::<Result<_, Error>>()?;
        // (The year no birth date passes; on wasm32 the bindings give it.)
        #[cfg(not(target_arch = "wasm32"))]
        if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            recognizers::date::set_today(now.as_millis() as f64);
        }
        Ok(Scanner { policy, custom, allow, clock: monotonic_ms })
    }

    /// The same scanner timing file budgets with `now` (milliseconds from
    /// any fixed point), for platforms without std's clock.
    pub fn with_clock(mut self, now: fn() -> f64) -> Scanner {
        self.clock = now;
        self
    }

    /// The policy this scanner applies.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Scans text and returns findings (UTF-8 byte offsets) and a verdict.
    pub fn scan_text(&self, text: &str) -> Report {
        scan::scan(self, text)
    }

    /// Scans a file's bytes: decodes UTF-8, UTF-16 with a byte-order mark,
    /// or Latin-1, then scans the text. Offsets are into the decoded text.
    /// Fails on binary content.
    pub fn scan_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        let text = decode_text(bytes)?;
        Ok(self.scan_text(&text))
    }

    /// Scans an attachment: text files (UTF-8, UTF-16 with a byte-order
    /// mark, Latin-1; HL7, FHIR JSON, CSV, SQL, C-CDA XML), Office files,
    /// PDF, DICOM, images and zip archives, within the policy's `files`
    /// limits. `name` only breaks ties the bytes cannot (`.dcm` without a
    /// preamble). Never fails: what cannot be inspected is a note and the
    /// policy's `on_error` verdict.
    pub fn scan_file<'a>(&self, name: &str, bytes: &'a [u8]) -> FileScan<'a> {
        files::scan_file(self, name, bytes)
    }

    /// Replaces every reported identifier in `text` in the given style.
    /// Health context (conditions, medications, codes) is kept.
    pub fn redact(&self, text: &str, style: RedactStyle) -> String {
        let report = self.scan_text(text);
        redact::apply(text, &report.findings, style)
    }
}

/// Decodes file bytes as text: UTF-8 (with or without BOM), UTF-16 with a
/// BOM, else Latin-1 when the bytes hold no NULs or control characters.
/// Binary content is an [`ErrorKind::Input`] error.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_text(rest);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, false)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, true)),
        _ => None,
    };
    if let Some((rest, big_endian)) = utf16 {
        let units = rest.chunks_exact(2).map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) });
        return char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|_| Error::input("invalid UTF-16 text"));
    }
    let probe = &bytes[..bytes.len().min(8192)];
    let control = probe.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x0B | 0x1B)).count();
    if probe.contains(&0) || control * 100 > probe.len().max(1) * 5 {
        return Err(Error::input("binary content, not text"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => Ok(Cow::Owned(bytes.iter().map(|&b| b as char).collect())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Scanner>();
        assert_send_sync::<Report>();
        assert_send_sync::<Policy>();
        assert_send_sync::<Error>();
    }

    #[test]
    fn decodes_common_encodings() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        assert_eq!(decode_text(b"\xFF\xFEa\0b\0").unwrap(), "ab");
        assert_eq!(decode_text(b"\xFE\xFF\0a\0b").unwrap(), "ab");
        assert_eq!(decode_text(b"Jos\xE9").unwrap(), "Jos\u{e9}");
        assert_eq!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err().kind(), ErrorKind::Input);
    }
}
