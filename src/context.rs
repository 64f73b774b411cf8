//! Context: what the document and the line around a candidate say about
//! it. Is the document about a patient (an anchor)? Is the line a log line
//! or code? Which words name staff?

use crate::formats::Field;
use crate::text::{Doc, Needles};

/// Line kinds, computed lazily and cached.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Plain,
    /// Application log line: starts with a timestamp or carries a level.
    Log,
    /// Source code: assertions, calls, assignments of string literals.
    Code,
}

pub(crate) struct Lines {
    cache: Vec<u8>,
}

impl Lines {
    pub fn new(doc: &Doc) -> Lines {
        Lines { cache: vec![0; doc.line_starts.len()] }
    }

    pub fn kind(&mut self, doc: &Doc, line: usize) -> LineKind {
        let k = match self.cache[line] {
            0 if log_line(doc, line) => LineKind::Log,
            0 | NOT_LOG => code_or_plain(doc.line_text(line)),
            n => return [LineKind::Plain, LineKind::Log, LineKind::Code][(n - 1) as usize],
        };
        self.cache[line] = k as u8 + 1;
        k
    }

    /// Whether the line is a log line: `kind(..) == Log`, without looking for code
    /// on the others.
    pub fn is_log(&mut self, doc: &Doc, line: usize) -> bool {
        match self.cache[line] {
            0 => {
                let log = log_line(doc, line);
                self.cache[line] = if log { LineKind::Log as u8 + 1 } else { NOT_LOG };
                log
            }
            n => n == LineKind::Log as u8 + 1,
        }
    }
}

/// The cache's mark for a line known not to be a log line, code not yet looked for.
const NOT_LOG: u8 = 4;

/// Starts with a timestamp or a stack frame, or carries a level word.
fn log_line(doc: &Doc, line: usize) -> bool {
    log_start(doc.line_text(line)) || {
        let first = doc.tok_at(doc.line_starts[line] as usize);
        doc.toks[first..].iter().take_while(|t| t.line as usize == line).enumerate().any(|(k, t)| t.len() >= 2 && level_word(doc, first + k))
    }
}

/// Token `i` makes its line a log line: a level (` ERROR `, `[WARN]`,
/// ` INFO:`), an exception's name, a stack frame's `\tat ` or `Caused by:`.
fn level_word(doc: &Doc, i: usize) -> bool {
    let w = doc.s(i).as_bytes();
    let t = &doc.toks[i];
    let before = if t.start == 0 { b'\n' } else { doc.bytes[t.start as usize - 1] };
    let after = doc.bytes.get(t.end as usize).copied().unwrap_or(b'\n');
    match w {
        b"ERROR" | b"WARN" | b"INFO" | b"DEBUG" => before == b' ' && (after == b' ' || after == b':' && w != b"DEBUG") || before == b'[' && after == b']',
        b"TRACE" | b"FATAL" => before == b' ' && after == b' ',
        b"at" => before == b'\t' && after == b' ',
        _ => w.len() >= 6 && (w.ends_with(b"Caused") && doc.bytes[t.end as usize..].starts_with(b" by:") || w.len() >= 9 && crate::text::has(doc.s(i), "Exception")),
    }
}
/// Syntax that marks a line as code anywhere in it.
static CODE: Needles = Needles::new(&[
    "assert", "expect(", "@Test", "=> ", "#include", "();", "\");", "\"),", "'),", "');", " == ", " != ", "Pattern.compile", "re.compile",
    "regex", ".test(", "isValid", "validate(", "@param", "} else", "it(\"", "it('", "describe(", "test(", " = new ", "::",
]);

/// Keywords that mark a line as code when they start it.
const CODE_START: &[&str] = &[
    "return ", "def ", "function ", "const ", "let ", "var ", "public ", "private ", "protected ", "static ", "import ", "from ", "throw ",
    "new ", "void ", "String ", "class ", "fn ", "pub ", "func ", "#define", "//", "/*", "* @", "if (", "for (", "while (",
];

#[cfg(test)]
fn classify(line: &str) -> LineKind {
    let doc = Doc::new(line);
    Lines::new(&doc).kind(&doc, 0)
}

/// Starts with a timestamp or a stack frame.
fn log_start(line: &str) -> bool {
    let t = line.trim_start_matches(['+', '-', ' ', '\t', '>', '[']);
    let b = t.as_bytes();
    // 2026-11-20 10:15:32 / 2026-11-20T10:15 / 10:15:32.123 at line start
    // (Not a table row's first cell: "2026-03-20 22:43:14 | s3://… | 548 | …", query output.)
    let ts = b.len() >= 16 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && matches!(b[10], b' ' | b'T') && b[13] == b':' && !table_cell(&b[16..]);
    let clock = b.len() >= 8 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b':' && b[5] == b':' && !t.get(8..).is_some_and(chat_turn);
    // 10/22/2026 15:23:59 (to the second: an event's time in a record has minutes at most)
    let us = b.len() >= 20 && b[2] == b'/' && b[5] == b'/' && b[10] == b' ' && b[13] == b':' && b[16] == b':' && b[..10].iter().filter(|c| c.is_ascii_digit()).count() == 8 && !table_cell(&b[19..]);
    ts || clock || us || t.starts_with("at ") && t.contains('(')
}

/// What follows a timestamp's minutes is the rest of a table cell: seconds,
/// a fraction or zone, then a column bar.
fn table_cell(rest: &[u8]) -> bool {
    let cell = rest.iter().position(|&c| c == b' ' || c == b'|').unwrap_or(rest.len());
    rest[cell..].starts_with(b" | ") || rest[cell..].starts_with(b"|")
}

/// After a clock time: "] Shirin: ok also my new number is ...", a chat
/// transcript's speaker and words, not a program's log.
fn chat_turn(rest: &str) -> bool {
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').trim_start_matches(']').trim_start();
    rest.split_once(": ").is_some_and(|(speaker, _)| {
        speaker.len() <= 40 && speaker.starts_with(char::is_uppercase) && speaker.split(' ').count() <= 4 && speaker.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '(' | ')'))
    })
}

/// Code or plain text, for a line that is not a log line. (Prose that quotes code in
/// backticks, "the filter `pid_30 != 'Y'` is wrong", is prose: what every other backtick opens
/// is not looked at.)
fn code_or_plain(line: &str) -> LineKind {
    let t = line.trim_start_matches(['+', '-', ' ', '\t', '>', '[']);
    // A rendered diff's line numbers, "  54   54        static final …", in columns ("3 new
    // patients" is prose).
    let k = t.bytes().take_while(|&c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b' ' | b'\t')).count();
    let t = if crate::text::has(&t[..k], "  ") || t[..k].contains('\t') { &t[k..] } else { t };
    if line.split('`').step_by(2).any(|prose| CODE.any_in(prose)) || CODE_START.iter().any(|c| t.starts_with(c)) {
        LineKind::Code
    } else {
        LineKind::Plain
    }
}

/// The innermost field that holds `start..end`.
pub(crate) fn field_at(fields: &[Field], start: usize, end: usize) -> Option<&Field> {
    let idx = fields.partition_point(|f| f.start <= start);
    let mut best: Option<&Field> = None;
    for f in fields[..idx].iter().rev().take(16) {
        // The narrowest; of two alike, a format's field before a prose label's (a viewer's
        // `DTM02  Date ....... 20251110` is the element's value, not a "Date:" field's).
        let better = |b: &Field| (f.end - f.start, f.source.is_none()) < (b.end - b.start, b.source.is_none());
        if f.end >= end && f.start <= start && best.is_none_or(better) {
            best = Some(f);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Needles;

    #[test]
    fn classifies_lines() {
        assert!(classify("2026-11-20 10:15:32,123 ERROR [main] c.a.Foo - failed") == LineKind::Log);
        assert!(classify("\tat com.acme.ehr.PatientService.load(PatientService.java:42)") == LineKind::Log);
        assert!(classify("+    assertTrue(validator.isValid(\"536-22-8471\"));") == LineKind::Code);
        assert!(classify("Patient Maria Gonzalez called about her refill.") == LineKind::Plain);
        assert!(classify("I need my records for a new specialist; let me know if (555) 201-3344 works.") == LineKind::Plain);
        assert!(classify("+        Patient patient = new Patient();") == LineKind::Code);
        // A diff as a page renders it: old and new line numbers before the code.
        assert!(classify("  54   54        static final LocalDate ASOF = LocalDate.of(2026, 12, 1);") == LineKind::Code);
        assert!(classify("       56 +      static final LocalDate ASOF;") == LineKind::Code);
        assert!(classify("3 new patients were admitted overnight.") == LineKind::Plain);
        // A chat transcript's turn is not a program's log line; a logger's name is no speaker.
        assert!(classify("[14:10:07] Shirin: ok also my new number is 2409190506") == LineKind::Plain);
        assert!(classify("10:15:32.123 [main] c.a.Foo: started") == LineKind::Log);
        assert!(classify("10/22/2026 15:23:59 RESULTS_IN  E2310  Component not built") == LineKind::Log);
        assert!(classify("10/22/2026 15:23 admitted to 4 West") != LineKind::Log);
    }

    #[test]
    fn level_words_are_the_level_strings() {
        // The strings a log line carries, searched for in the line's text: the token
        // test must agree on every line, at its edges and inside longer words.
        let levels = Needles::new(&[" ERROR ", " WARN ", " INFO ", " DEBUG ", " TRACE ", " FATAL ", "[ERROR]", "[WARN]", "[INFO]", "[DEBUG]", " ERROR:", " WARN:", " INFO:", "Exception", "\tat ", "Caused by:"]);
        let words = ["ERROR", "WARN", "INFO", "DEBUG", "TRACE", "FATAL", "at", "Caused", "Exception", "NullPointerException2", "Errors", "by:", "by", "INFOS", "xat", "Causedx"];
        let seps = [" ", "[", "]", ":", "\t", "", "x", "\r"];
        for w in words {
            for a in seps {
                for b in seps {
                    for c in [" by:", " by", ""] {
                        for line in [format!("{a}{w}{b}{c}"), format!("q{a}{w}{b}{c} z"), format!("{w}{b}{c}")] {
                            let doc = Doc::new(&line);
                            let mut lines = Lines::new(&doc);
                            let want = log_start(&line) || levels.any_in(&line);
                            assert_eq!(lines.is_log(&doc, 0), want, "{line:?}");
                        }
                    }
                }
            }
        }
    }
}
