//! Office Open XML: Word (.docx), Excel (.xlsx) and PowerPoint (.pptx)
//! files, which are zip archives of XML parts. Each part becomes text in
//! reading order: Word paragraphs as lines and tables as tab-separated rows
//! (so a patient table is read with its header, as a pasted one is);
//! sheets as tab-separated rows with date cells written as dates; slides
//! and speaker notes as lines. Embedded files and media are scanned by
//! their own formats.

use super::xml::{self, Event};
use super::zip::{Archive, Entry};
use super::{Sink, Step};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Docx,
    Xlsx,
    Pptx,
}

/// The Office kind of an archive, from its parts.
pub(crate) fn kind(a: &Archive<'_>) -> Option<Kind> {
    a.find("[Content_Types].xml")?;
    if a.find("word/document.xml").is_some() {
        Some(Kind::Docx)
    } else if a.find("xl/workbook.xml").is_some() {
        Some(Kind::Xlsx)
    } else if a.find("ppt/presentation.xml").is_some() {
        Some(Kind::Pptx)
    } else {
        None
    }
}

pub(crate) fn extract(sink: &mut Sink<'_>, a: &Archive<'_>, kind: Kind) -> Step {
    let prefix = match kind {
        Kind::Docx => "docx",
        Kind::Xlsx => "xlsx",
        Kind::Pptx => "pptx",
    };
    sink.set_format(prefix);
    let styles = match kind {
        Kind::Xlsx => read_xml(sink, a, "xl/styles.xml", prefix)?.map(|s| date_styles(&s)).unwrap_or_default(),
        _ => Vec::new(),
    };
    let shared = match kind {
        Kind::Xlsx => read_xml(sink, a, "xl/sharedStrings.xml", prefix)?.map(|s| shared_strings(&s)).unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut parts: Vec<&Entry> = a.entries.iter().filter(|e| text_part(kind, &e.name)).collect();
    // Slides before notes, slide2 before slide10.
    parts.sort_by_key(|e| (e.name.contains("notes"), natural(&e.name)));
    for e in parts {
        let Some(doc) = read_xml(sink, a, &e.name, prefix)? else { continue };
        let text = match kind {
            Kind::Docx => word_text(&doc),
            Kind::Pptx => drawing_text(&doc),
            Kind::Xlsx => sheet_text(&doc, &shared, &styles),
        };
        sink.text(&format!("{prefix}:{}", e.name), text);
    }
    for e in a.entries.iter().filter(|e| !e.is_dir() && (e.name.contains("/media/") || e.name.contains("/embeddings/"))) {
        match a.read(sink, e)? {
            Ok(data) => sink.nested(&format!("{prefix}:{}", e.name), &e.name, &data)?,
            Err(why) => sink.problem_in(&format!("{prefix}:{}", e.name), &why),
        }
    }
    Ok(())
}

/// The parts that hold the document's text.
fn text_part(kind: Kind, name: &str) -> bool {
    let xml = name.ends_with(".xml");
    match kind {
        Kind::Docx => {
            xml && (["word/document.xml", "word/comments.xml", "word/footnotes.xml", "word/endnotes.xml"].contains(&name)
                || name.starts_with("word/header")
                || name.starts_with("word/footer"))
        }
        Kind::Xlsx => xml && (name.starts_with("xl/worksheets/sheet") || name.starts_with("xl/comments")),
        Kind::Pptx => xml && (name.starts_with("ppt/slides/slide") || name.starts_with("ppt/notesSlides/") || name.starts_with("ppt/comments/")),
    }
}

/// Sort key that orders embedded numbers by value.
fn natural(name: &str) -> (String, u64) {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    (name.chars().filter(|c| !c.is_ascii_digit()).collect(), digits.parse().unwrap_or(0))
}

/// A part as text, or `None` (with a problem noted) when it cannot be read.
fn read_xml(sink: &mut Sink<'_>, a: &Archive<'_>, name: &str, prefix: &str) -> Result<Option<String>, super::Stop> {
    let Some(e) = a.find(name) else { return Ok(None) };
    match a.read(sink, e)? {
        Ok(data) => Ok(Some(String::from_utf8_lossy(&data).into_owned())),
        Err(why) => {
            sink.problem_in(&format!("{prefix}:{}", e.name), &why);
            Ok(None)
        }
    }
}

/// Word body, header, footer, comment or note text. Deleted text of
/// tracked changes (`w:delText`) is text too: it is still in the file.
fn word_text(doc: &str) -> String {
    let mut out = String::new();
    let (mut in_text, mut cell_depth) = (false, 0usize);
    for ev in xml::Reader::new(doc) {
        match ev {
            Event::Start { name, empty, .. } => match xml::local(name) {
                "t" | "delText" | "instrText" if !empty => in_text = true,
                "tab" => out.push('\t'),
                "br" | "cr" => out.push(if cell_depth > 0 { ' ' } else { '\n' }),
                "tc" if !empty => cell_depth += 1,
                _ => {}
            },
            Event::End { name } => match xml::local(name) {
                "t" | "delText" | "instrText" => in_text = false,
                "p" => out.push(if cell_depth > 0 { ' ' } else { '\n' }),
                "tc" => {
                    cell_depth = cell_depth.saturating_sub(1);
                    out.push('\t');
                }
                "tr" => {
                    if out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                }
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t),
            Event::Text(_) => {}
        }
    }
    out
}

/// Slide, notes and comment text (DrawingML `a:t` runs, `a:p` paragraphs).
fn drawing_text(doc: &str) -> String {
    let mut out = String::new();
    let mut in_text = false;
    for ev in xml::Reader::new(doc) {
        match ev {
            Event::Start { name, empty, .. } => match xml::local(name) {
                "t" | "text" if !empty => in_text = true,
                "br" => out.push('\n'),
                _ => {}
            },
            Event::End { name } => match xml::local(name) {
                "t" | "text" => in_text = false,
                "p" | "tc" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t),
            Event::Text(_) => {}
        }
    }
    out
}

/// The shared string table: each `si`'s text runs joined (phonetic runs skipped).
fn shared_strings(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut cur, mut in_t, mut in_ph) = (String::new(), false, false);
    for ev in xml::Reader::new(doc) {
        match ev {
            Event::Start { name, empty, .. } => match xml::local(name) {
                "si" if empty => out.push(String::new()),
                "si" => cur.clear(),
                "t" if !empty => in_t = true,
                "rPh" if !empty => in_ph = true,
                _ => {}
            },
            Event::End { name } => match xml::local(name) {
                "si" => out.push(std::mem::take(&mut cur)),
                "t" => in_t = false,
                "rPh" => in_ph = false,
                _ => {}
            },
            Event::Text(t) if in_t && !in_ph => cur.push_str(&t),
            Event::Text(_) => {}
        }
    }
    out
}

/// For each cell style index, whether its number format shows a date.
fn date_styles(doc: &str) -> Vec<bool> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_xfs = false;
    for ev in xml::Reader::new(doc) {
        match ev {
            Event::Start { name, attrs, empty } => match xml::local(name) {
                "numFmt" => {
                    let id = xml::attr(attrs, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    custom.push((id, xml::attr(attrs, "formatCode").is_some_and(|c| date_code(&c))));
                }
                "cellXfs" if !empty => in_xfs = true,
                "xf" if in_xfs => {
                    let id: u32 = xml::attr(attrs, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let builtin = matches!(id, 14..=22 | 45..=47);
                    styles.push(builtin || custom.iter().any(|&(c, d)| c == id && d));
                }
                _ => {}
            },
            Event::End { name } if xml::local(name) == "cellXfs" => in_xfs = false,
            _ => {}
        }
    }
    styles
}

/// A custom number format that shows a date: d, m or y outside quotes and
/// brackets (`[Red]`, `"text"`), and not only elapsed time.
fn date_code(code: &str) -> bool {
    let (mut quoted, mut bracket) = (false, false);
    code.chars().any(|c| {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ => {}
        }
        !quoted && !bracket && matches!(c.to_ascii_lowercase(), 'd' | 'y')
    })
}

/// An Excel date serial (1900 system) as `YYYY-MM-DD`.
fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    // Serial 25569 is 1970-01-01 (Excel counts a 29 Feb 1900 that never was).
    let days = serial.floor() as i64 - 25_569;
    let (y, m, d) = civil(days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 to a proleptic Gregorian date.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Column index of a cell reference (`C7` → 2).
fn column(r: &str) -> Option<usize> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic);
    let mut n = 0usize;
    for b in letters {
        n = n.checked_mul(26)?.checked_add(usize::from(b.to_ascii_uppercase() - b'A') + 1)?;
    }
    n.checked_sub(1).filter(|&c| c < 16_384)
}

/// A worksheet as tab-separated rows, cells at their columns.
fn sheet_text(doc: &str, shared: &[String], date_style: &[bool]) -> String {
    let mut out = String::new();
    let mut row: Vec<String> = Vec::new();
    let (mut col, mut kind, mut date, mut value, mut in_value) = (0usize, String::new(), false, String::new(), false);
    for ev in xml::Reader::new(doc) {
        match ev {
            Event::Start { name, attrs, empty } => match xml::local(name) {
                "row" => row.clear(),
                "c" => {
                    col = xml::attr(attrs, "r").and_then(|r| column(&r)).unwrap_or(row.len());
                    kind = xml::attr(attrs, "t").map(|t| t.into_owned()).unwrap_or_default();
                    date = xml::attr(attrs, "s").and_then(|s| s.parse::<usize>().ok()).is_some_and(|s| date_style.get(s) == Some(&true));
                    value.clear();
                }
                "v" | "t" if !empty => in_value = true,
                _ => {}
            },
            Event::End { name } => match xml::local(name) {
                "v" | "t" => in_value = false,
                "c" => {
                    let shown = match kind.as_str() {
                        "s" => value.trim().parse::<usize>().ok().and_then(|i| shared.get(i)).cloned().unwrap_or_default(),
                        "" | "n" if date => value.trim().parse().ok().and_then(serial_date).unwrap_or_else(|| value.clone()),
                        _ => value.clone(),
                    };
                    if row.len() <= col {
                        row.resize(col + 1, String::new());
                    }
                    row[col] = shown.replace(['\t', '\n', '\r'], " ");
                }
                "row" => {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                }
                _ => {}
            },
            Event::Text(t) if in_value => value.push_str(&t),
            Event::Text(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::build::{docx, xlsx};
    use crate::{Kind as K, Policy, Scanner, Verdict};

    fn scan(name: &str, bytes: &[u8]) -> crate::Report {
        Scanner::new(Policy::default()).unwrap().scan_file(name, bytes).report
    }

    #[test]
    fn docx_body_tables_and_comments() {
        let d = docx(
            &["Discharge summary", "Patient Maria Gonzalez was admitted with pneumonia."],
            &[&["Patient", "DOB", "MRN"], &["Anh Nguyen", "03/14/1962", "00412345"]],
            Some("Check with Mr. Okafor, SSN 536-22-8471"),
        );
        let r = scan("summary.docx", &d);
        assert_eq!(r.verdict, Verdict::Block, "{r:?}");
        let sources: Vec<(K, &str)> = r.findings.iter().map(|f| (f.kind, f.source.as_deref().unwrap_or(""))).collect();
        assert!(sources.contains(&(K::PersonName, "docx:word/document.xml")), "{sources:?}");
        assert!(sources.iter().any(|(k, s)| *k == K::Mrn && s.starts_with("docx:word/document.xml")), "{sources:?}");
        assert!(sources.contains(&(K::Ssn, "docx:word/comments.xml")), "{sources:?}");
    }

    #[test]
    fn xlsx_rows_with_header_and_date_cells() {
        // 22719 is 1962-03-14.
        let x = xlsx(&[&["last_name", "first_name", "dob", "member_id"], &["Gonzalez", "Maria", "22719", "W123456789"]], &[2]);
        let scan = Scanner::new(Policy::default()).unwrap().scan_file("list.xlsx", &x);
        assert_eq!(scan.format, "xlsx");
        let r = &scan.report;
        assert_eq!(r.verdict, Verdict::Warn, "{r:?}");
        let dob = r.findings.iter().find(|f| f.kind == K::Date).expect("date cell");
        assert_eq!(&scan.text[dob.start..dob.end], "1962-03-14");
        assert_eq!(dob.source.as_deref(), Some("xlsx:xl/worksheets/sheet1.xml > tsv:dob"));
    }

    #[test]
    fn clean_office_files_pass() {
        let d = docx(&["Release 4.2 notes", "Fixed the login timeout; upgraded the HL7 parser to 2.5.1."], &[&["Ticket", "Owner"], &["EHR-1234", "@jsmith"]], None);
        let r = scan("notes.docx", &d);
        assert_eq!((r.verdict, r.notes.len()), (Verdict::Allow, 0), "{r:?}");
        let x = xlsx(&[&["host", "port", "released"], &["db01.example.org", "5432", "45000"]], &[2]);
        assert_eq!(scan("hosts.xlsx", &x).verdict, Verdict::Allow);
    }

    #[test]
    fn dates_and_columns() {
        assert_eq!(serial_date(22719.0).as_deref(), Some("1962-03-14"));
        assert_eq!(serial_date(45000.0).as_deref(), Some("2023-03-15"));
        assert_eq!(column("C7"), Some(2));
        assert_eq!(column("AA1"), Some(26));
        assert_eq!(column("7"), None);
        assert!(date_code("yyyy\\-mm\\-dd") && date_code("[$-409]d-mmm-yy") && !date_code("0.00") && !date_code("\"day\" 0"));
    }
}
