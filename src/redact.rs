//! Redaction: replace reported identifiers, keep everything else.

use crate::{Error, Finding, Kind};
use crate::dictionaries::FxMap;

/// How redacted values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedactStyle {
    /// Every letter and digit becomes `*`; separators and length stay.
    Mask,
    /// The value becomes its kind in brackets: `[SSN]`.
    Label,
    /// The value becomes a numbered stand-in, the same for the same value
    /// within one document: `[PATIENT-1]`, `[DATE-2]`.
    Pseudonym,
}

impl std::str::FromStr for RedactStyle {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "mask" => Ok(RedactStyle::Mask),
            "label" => Ok(RedactStyle::Label),
            "pseudonym" => Ok(RedactStyle::Pseudonym),
            _ => Err(Error::input("redaction style must be \"mask\", \"label\" or \"pseudonym\"")),
        }
    }
}

/// Writes `text` with every identifier finding replaced. Health-context
/// findings are left in place: they are not identifiers.
pub(crate) fn apply(text: &str, findings: &[Finding], style: RedactStyle) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pseudonyms = Pseudonyms::default();
    let mut pos = 0;
    for f in findings.iter().filter(|f| f.kind.is_identifier()) {
        if f.start < pos || f.end > text.len() {
            continue; // overlaps an earlier replacement
        }
        out.push_str(&text[pos..f.start]);
        let value = &text[f.start..f.end];
        match style {
            RedactStyle::Mask => out.extend(value.chars().map(|c| if c.is_alphanumeric() { '*' } else { c })),
            RedactStyle::Label => {
                out.push('[');
                out.push_str(f.kind.label());
                out.push(']');
            }
            RedactStyle::Pseudonym => out.push_str(&pseudonyms.name_for(f.kind, value)),
        }
        pos = f.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Numbered stand-ins, consistent within a document. Names are matched by
/// their parts, so "Maria Gonzalez", "Gonzalez, Maria" and a later "Maria"
/// all become the same `[PATIENT-1]`.
/// (All three maps are keyed by strings, a kind's id before a value: one map type in
/// the wasm package rather than three.)
#[derive(Default)]
struct Pseudonyms {
    by_value: FxMap<String, usize>,
    name_parts: FxMap<String, usize>,
    next: FxMap<String, usize>,
}

impl Pseudonyms {
    fn name_for(&mut self, kind: Kind, value: &str) -> String {
        let prefix = match kind {
            Kind::PersonName => "PATIENT",
            other => other.label(),
        };
        let n = if kind == Kind::PersonName {
            let parts: Vec<String> =
                value.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|p| p.chars().count() > 1).map(str::to_lowercase).collect();
            let n = match parts.iter().find_map(|p| self.name_parts.get(p).copied()) {
                Some(n) => n,
                None => self.next_number(kind),
            };
            for p in parts {
                self.name_parts.entry(p).or_insert(n);
            }
            n
        } else {
            let mut key = format!("{}\0", kind.id());
            key.extend(value.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
            match self.by_value.get(&key) {
                Some(&n) => n,
                None => {
                    let n = self.next_number(kind);
                    self.by_value.insert(key, n);
                    n
                }
            }
        };
        format!("[{prefix}-{n}]")
    }

    fn next_number(&mut self, kind: Kind) -> usize {
        let n = self.next.entry(kind.id().to_string()).or_insert(0);
        *n += 1;
        *n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: Kind, text: &str, needle: &str, from: usize) -> Finding {
        let start = from + text[from..].find(needle).unwrap();
        Finding { kind, start, end: start + needle.len(), score: 0.9, preview: String::new(), reason: "".into(), source: None }
    }

    #[test]
    fn styles() {
        let text = "Pt Maria Gonzalez SSN 123-45-6788 on metformin";
        let f = vec![
            finding(Kind::PersonName, text, "Maria Gonzalez", 0),
            finding(Kind::Ssn, text, "123-45-6788", 0),
            finding(Kind::Medication, text, "metformin", 0),
        ];
        assert_eq!(apply(text, &f, RedactStyle::Mask), "Pt ***** ******** SSN ***-**-**** on metformin");
        assert_eq!(apply(text, &f, RedactStyle::Label), "Pt [NAME] SSN [SSN] on metformin");
        assert_eq!(apply(text, &f, RedactStyle::Pseudonym), "Pt [PATIENT-1] SSN [SSN-1] on metformin");
    }

    #[test]
    fn pseudonyms_are_consistent_within_a_document() {
        let text = "Maria Gonzalez called. Gonzalez, Maria was seen. Maria left. Anh Tran too. 03/14/1962 03/14/1962";
        let mut f = vec![
            finding(Kind::PersonName, text, "Maria Gonzalez", 0),
            finding(Kind::PersonName, text, "Gonzalez, Maria", 0),
            finding(Kind::PersonName, text, "Maria", 40),
            finding(Kind::PersonName, text, "Anh Tran", 0),
            finding(Kind::Date, text, "03/14/1962", 0),
        ];
        let second = text.rfind("03/14/1962").unwrap();
        f.push(Finding { start: second, end: second + 10, ..f[4].clone() });
        assert_eq!(
            apply(text, &f, RedactStyle::Pseudonym),
            "[PATIENT-1] called. [PATIENT-1] was seen. [PATIENT-1] left. [PATIENT-2] too. [DATE-1] [DATE-1]"
        );
    }
}
