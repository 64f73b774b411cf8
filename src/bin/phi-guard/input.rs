//! Finding the files to scan, reading them within the policy's size limit,
//! and scanning one of them. Nothing here prints; errors are messages that
//! never contain file content.

use crate::args::Input;
use phi_guard::{Mode, Report, Scanner};
use std::io::{self, Read};
use std::path::PathBuf;

/// The shown name of standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// One thing to scan, or a problem found while looking for things to scan.
pub struct Target {
    /// The path as shown in output (relative when the argument was).
    pub display: String,
    pub source: Source,
}

pub enum Source {
    Stdin,
    File(PathBuf),
    /// The argument or a directory entry could not be read.
    Error(String),
    /// A problem that does not stop the scan (a bad line in an ignore file).
    Warning(String),
}

/// The files named on the command line, and every file under the
/// directories named, respecting .gitignore (in or out of a git
/// repository), .ignore and hidden files. Sorted by shown path, each once.
pub fn collect(inputs: &[Input]) -> Vec<Target> {
    let mut targets = Vec::new();
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                targets.push(Target { display: STDIN_NAME.into(), source: Source::Stdin });
                continue;
            }
            Input::Path(p) => p,
        };
        let display = path.to_string_lossy().into_owned();
        match std::fs::metadata(path) {
            Err(e) => targets.push(Target { display, source: Source::Error(io_message(&e)) }),
            // Files named explicitly are scanned whatever the ignore rules say.
            Ok(meta) if !meta.is_dir() => targets.push(Target { display, source: Source::File(path.clone()) }),
            Ok(_) => walk(path, &mut targets),
        }
    }
    // Stable sort: for one path, an error from the walk stays next to it.
    targets.sort_by(|a, b| a.display.cmp(&b.display));
    targets.dedup_by(|b, a| {
        a.display == b.display && matches!((&a.source, &b.source), (Source::File(_), Source::File(_)) | (Source::Stdin, Source::Stdin))
    });
    targets
}

fn walk(dir: &PathBuf, targets: &mut Vec<Target>) {
    let mut builder = ignore::WalkBuilder::new(dir);
    // Honour .gitignore in any directory, not only inside a git checkout.
    builder.require_git(false);
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                // Symbolic links are not followed (broken ones are skipped too).
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    let path = entry.into_path();
                    targets.push(Target { display: path.to_string_lossy().into_owned(), source: Source::File(path) });
                }
            }
            Err(err) => {
                let display = error_path(&err).unwrap_or(dir).to_string_lossy().into_owned();
                let source = match err.io_error() {
                    Some(io) => Source::Error(io_message(io)),
                    None => Source::Warning(err.to_string()),
                };
                targets.push(Target { display, source });
            }
        }
    }
}

fn error_path(err: &ignore::Error) -> Option<&PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

/// An I/O error in plain words, without file content.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::InvalidData => "not valid UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// Up to `limit` bytes of a reader, and whether there was more. Never holds
/// more than `limit + 1` bytes, however large the input.
pub fn read_prefix(reader: impl Read, limit: usize, size_hint: Option<u64>) -> io::Result<(Vec<u8>, bool)> {
    let cap = size_hint.map_or(8192, |n| n.min(limit as u64 + 1) as usize);
    let mut buf = Vec::with_capacity(cap);
    reader.take(limit as u64 + 1).read_to_end(&mut buf)?;
    let truncated = buf.len() > limit;
    if truncated {
        buf.truncate(limit);
        trim_partial_char(&mut buf);
    }
    Ok((buf, truncated))
}

/// Drops a character cut in half by truncation, so that a UTF-8 (or UTF-16)
/// prefix still decodes as such instead of falling back to Latin-1.
fn trim_partial_char(buf: &mut Vec<u8>) {
    let utf16 = match buf.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    };
    if let Some(big_endian) = utf16 {
        if buf.len() % 2 == 1 {
            buf.pop();
        }
        if buf.len() >= 4 {
            let last = [buf[buf.len() - 2], buf[buf.len() - 1]];
            let unit = if big_endian { u16::from_be_bytes(last) } else { u16::from_le_bytes(last) };
            if (0xD800..0xDC00).contains(&unit) {
                buf.truncate(buf.len() - 2); // a high surrogate without its pair
            }
        }
        return;
    }
    let n = buf.len();
    for back in 1..=n.min(4) {
        let b = buf[n - back];
        if b < 0x80 {
            break;
        }
        if b >= 0xC0 {
            let need = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            if back < need {
                buf.truncate(n - back);
            }
            break;
        }
    }
}

/// Where a finding is, for people and for SARIF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start_line: usize,
    pub start_col: usize,
    pub end_line: usize,
    pub end_col: usize,
}

/// A scanned file: the report, and per finding its position and (with
/// `--show-matches`) the matched text.
pub struct Scanned {
    pub report: Report,
    /// Per finding, where it is in the file; empty for files whose text
    /// was extracted (Office, PDF, DICOM, archives), where `source` says where.
    pub spans: Vec<Span>,
    pub matches: Option<Vec<String>>,
    /// Whether the report's offsets are byte offsets in the file: the text is
    /// the file's own bytes (UTF-8, possibly after a BOM, which the offsets
    /// count); not after transcoding (Latin-1, UTF-16), nor for extracted text.
    pub file_offsets: bool,
}

pub enum Outcome {
    Scanned(Scanned),
    Skipped(String),
    Error(String),
    Warning(String),
}

/// Reads and scans one target.
pub fn scan_target(scanner: &Scanner, target: &Target, show_matches: bool) -> Outcome {
    let policy = scanner.policy();
    // Text beyond max_scan_bytes is noted as such; other formats must be read whole.
    let limit = usize::try_from(policy.files.max_bytes).unwrap_or(usize::MAX).max(policy.max_scan_bytes);
    let read = match &target.source {
        Source::Error(m) => return Outcome::Error(m.clone()),
        Source::Warning(m) => return Outcome::Warning(m.clone()),
        Source::Stdin => read_prefix(io::stdin().lock(), limit, None).map(|(b, t)| (b, t, None)),
        Source::File(path) => std::fs::File::open(path).and_then(|f| {
            let size = f.metadata().ok().map(|m| m.len());
            read_prefix(f, limit, size).map(|(b, t)| (b, t, size))
        }),
    };
    let (bytes, truncated, size) = match read {
        Ok(r) => r,
        Err(e) => return Outcome::Error(io_message(&e)),
    };
    let scan = scanner.scan_file(&target.display, &bytes);
    if scan.format == "binary" {
        return Outcome::Skipped("binary content".into());
    }
    let is_text = scan.format == "text";
    let utf8 = is_text && std::str::from_utf8(&bytes).is_ok();
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let mut report = scan.report;
    if is_text && !utf8 && !utf16 {
        report.notes.push("not valid UTF-8: decoded as Latin-1; columns refer to the decoded text".into());
    }
    if truncated && is_text {
        mark_truncated(scanner, &mut report, bytes.len(), size);
    } else if truncated {
        let of = size.map(|n| format!(" ({n} bytes)")).unwrap_or_default();
        report = Report::uninspectable(policy, bytes.len(), format!("could not inspect: the file{of} is larger than files.max_bytes ({})", policy.files.max_bytes));
    }
    let text = &scan.text;
    // Line and column only where they are positions in the file itself.
    let spans = if is_text {
        let lines = LineIndex::new(text);
        report.findings.iter().map(|f| lines.span(f.start, f.end)).collect()
    } else {
        Vec::new()
    };
    let matches = show_matches.then(|| report.findings.iter().map(|f| text.get(f.start..f.end).unwrap_or_default().to_string()).collect());
    // Offsets into the file: past its BOM, which the decoded text lacks.
    if utf8 && bytes.starts_with(b"\xEF\xBB\xBF") {
        for f in &mut report.findings {
            (f.start, f.end) = (f.start + 3, f.end + 3);
        }
    }
    Outcome::Scanned(Scanned { report, spans, matches, file_offsets: utf8 })
}

/// Records that only a prefix was scanned. The policy's `on_error` verdict
/// applies (the rest was not inspected), except in monitor mode.
fn mark_truncated(scanner: &Scanner, report: &mut Report, scanned: usize, size: Option<u64>) {
    let policy = scanner.policy();
    if !report.stats.truncated {
        report.stats.truncated = true;
        let of = size.map(|n| format!(" of {n}")).unwrap_or_default();
        report.notes.push(format!(
            "input truncated: only the first {scanned}{of} bytes were scanned (policy max_scan_bytes is {})",
            policy.max_scan_bytes
        ));
    }
    if policy.mode != Mode::Monitor && policy.on_error > report.verdict {
        report.verdict = policy.on_error;
    }
}

/// Line starts of a text, computed once; positions are 1-based lines and
/// 1-based columns in Unicode scalar values.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last position asked for (byte offset and column): findings come in
    /// order, so on a long line each column is counted on from the last one,
    /// not from the line's start again.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { text, starts, last: std::cell::Cell::new((0, 1)) }
    }

    /// Line and column of a byte offset (clamped to the text and to a
    /// character boundary, so a bad offset cannot panic).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (from, col) = match self.last.get() {
            (at, col) if at >= self.starts[line] && at <= offset => (at, col),
            _ => (self.starts[line], 1),
        };
        let col = col + self.text[from..offset].chars().count();
        self.last.set((offset, col));
        (line + 1, col)
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start_line, start_col) = self.position(start);
        let (end_line, end_col) = self.position(end.max(start));
        Span { start_line, start_col, end_line, end_col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let idx = LineIndex::new("ab\ncé d\n\nx");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(6), (2, 3)); // after "cé"
        assert_eq!(idx.position(5), (2, 2)); // inside "é": clamped back
        assert_eq!(idx.position(9), (3, 1));
        assert_eq!(idx.position(10), (4, 1));
        assert_eq!(idx.position(99), (4, 2));
        assert_eq!(idx.span(3, 8), Span { start_line: 2, start_col: 1, end_line: 2, end_col: 5 });
    }

    #[test]
    fn truncation_keeps_whole_characters() {
        let text = "é".repeat(10);
        let (buf, truncated) = read_prefix(text.as_bytes(), 7, None).unwrap();
        assert!(truncated);
        assert_eq!(buf, "é".repeat(3).as_bytes());
        let (buf, truncated) = read_prefix(text.as_bytes(), 20, None).unwrap();
        assert!(!truncated);
        assert_eq!(buf.len(), 20);
        let (buf, _) = read_prefix("a😀b".as_bytes(), 3, None).unwrap();
        assert_eq!(buf, b"a");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a😀b".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let (buf, _) = read_prefix(&utf16[..], 7, None).unwrap();
        assert_eq!(phi_guard::decode_text(&buf).unwrap(), "a");
    }
}
