//! Tables: CSV and TSV exports with a header row, Jira/Confluence wiki
//! tables (`|| Patient || DOB ||`), Markdown tables, and two-column
//! key/value tables (`| DOB | 03/14/1962 |`); fixed-width reports are in
//! `fixed_width.rs`. Each cell gets the role of
//! its column header; the source is `csv:<header>` (or `tsv:`, `table:`).
//! A table whose columns describe staff (role, pager, team) keeps its
//! generic name and phone columns out of PHI.

use super::{trim_value, Extracted};
use crate::labels::{field_role, Role};
use crate::text::{has, Doc};

#[derive(Clone, Copy, PartialEq)]
enum Delim {
    Comma,
    Tab,
    Pipe,
    Semicolon,
}

impl Delim {
    fn byte(self) -> u8 {
        match self {
            Delim::Comma => b',',
            Delim::Tab => b'\t',
            Delim::Pipe => b'|',
            Delim::Semicolon => b';',
        }
    }
    fn prefix(self) -> &'static str {
        match self {
            Delim::Comma | Delim::Semicolon => "csv",
            Delim::Tab => "tsv",
            Delim::Pipe => "table",
        }
    }
}

/// The cells of a CSV line (see `cells`).
pub(super) fn csv_cells(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    cells(text, start, end, Delim::Comma, out);
}

/// Cells of one line as byte spans (absolute), honouring CSV quotes, into
/// `out` (a buffer reused from line to line).
fn cells(text: &str, start: usize, end: usize, d: Delim, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let sep = d.byte();
    out.clear();
    let mut k = start;
    // An e-mail's quote marks before a row: `> > Account\tPatient\tDOS`.
    while k < end && b[k] == b'>' {
        k += 1;
        while k < end && b[k] == b' ' {
            k += 1;
        }
    }
    // Leading diff marker or pipe.
    if d == Delim::Pipe {
        while k < end && matches!(b[k], b' ' | b'+' | b'-' | b'\t') && b.get(k + 1) != Some(&b'-') {
            k += 1;
        }
        while k < end && b[k] == b'|' {
            k += 1;
        }
        if text[k..end].starts_with('│') {
            k += BOX.len();
        }
    }
    let mut cell_start = k;
    let mut quoted = false;
    while k < end {
        let c = b[k];
        if c == b'"' && d != Delim::Pipe {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push((cell_start, k));
            while d == Delim::Pipe && k + 1 < end && b[k + 1] == b'|' {
                k += 1; // "||" wiki header separators
            }
            cell_start = k + 1;
        } else if d == Delim::Pipe && c == BOX[0] && b[k..end].starts_with(BOX) {
            out.push((cell_start, k));
            k += BOX.len() - 1;
            cell_start = k + 1;
        }
        k += 1;
    }
    if cell_start < end || (d != Delim::Pipe && cell_start == end) {
        let trailing = &text[cell_start..end];
        if !(d == Delim::Pipe && trailing.trim().is_empty()) {
            out.push((cell_start, end));
        }
    }
}

/// The bar of a box-drawn grid (sqlite's `.mode box`, DuckDB, psql's unicode line style).
const BOX: &[u8] = "│".as_bytes();

/// Counts of tab, pipe, comma, semicolon and ASCII digit bytes in one pass.
fn byte_counts(line: &str) -> [usize; 5] {
    // Byte-wide counters over chunks of 255 vectorise; a match per byte does not.
    let mut n = [0usize; 5];
    for c in line.as_bytes().chunks(255) {
        let mut k = [0u8; 5];
        for &b in c {
            k[0] += (b == b'\t') as u8;
            k[1] += (b == b'|') as u8;
            k[2] += (b == b',') as u8;
            k[3] += (b == b';') as u8;
            k[4] += b.is_ascii_digit() as u8;
        }
        for (t, x) in n.iter_mut().zip(k) {
            *t += x as usize;
        }
    }
    n
}

fn delimiter_from(t: usize, p: usize, c: usize, s: usize) -> Option<Delim> {
    if t >= 1 && t >= c {
        Some(Delim::Tab)
    } else if p >= 2 {
        Some(Delim::Pipe)
    } else if c >= 1 {
        Some(Delim::Comma)
    } else if s >= 1 {
        Some(Delim::Semicolon)
    } else {
        None
    }
}

/// SQL's column lists look like CSV headers; the SQL extractor reads them.
fn sql_statement(line: &str) -> bool {
    let t = line.trim_start_matches(['+', '-', ' ', '\t']).as_bytes();
    let t = &t[..t.len().min(12)];
    [&b"insert "[..], b"values", b"select ", b"update ", b"create ", b"copy ", b"into "].iter().any(|k| t.len() >= k.len() && t[..k.len()].eq_ignore_ascii_case(k))
        // (Or quoted in an exception: `SQL [INSERT INTO EHR.PATIENT (MRN, LAST_NAME, …) VALUES (?, …)]`.)
        || line.contains('(') && (line.contains("INSERT INTO ") || line.contains("insert into "))
}

fn header_text(text: &str, s: usize, e: usize) -> &str {
    let (s, e) = trim_value(text, s, e);
    let mut h = text[s..e].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    // A header given in prose, "(layout: DOS|PCN|...|ICN):": the first name after its
    // opening words, the last before the closing parenthesis.
    if let Some(i) = h.rfind(['(', ':']).filter(|&i| !h[i..].contains(')') && (h.as_bytes()[i] == b'(' || h[i + 1..].starts_with(' '))) {
        h = h[i + 1..].trim_start();
    }
    if !h.contains('(') {
        h = h.trim_end_matches([')', ':']);
    }
    h
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted) {
    let text = doc.text;
    if x.probes & super::probe::TD != 0 {
        html_tables(text, x);
    }
    super::fixed_width::extract(doc, x);
    one_cell_per_line(doc, x);
    let n_lines = doc.line_starts.len();
    let line_span = |l: usize| {
        let s = doc.line_starts[l] as usize;
        let e = doc.line_starts.get(l + 1).map_or(text.len(), |&e| e as usize);
        let line = text[s..e].trim_end_matches(['\n', '\r']);
        (s, s + line.len())
    };
    let mut l = 0;
    let (mut head, mut plausible) = (Vec::new(), Vec::new());
    // Under a wiki or Markdown header row (`||SEQ||ELEMENT NAME||`, `| Resource | Param |`
    // over `|---|`) that is not a patient table's, the `|...|` rows are its data, never
    // another table's header.
    let mut under_header = false;
    let mut spec_header = false;
    // In psql's expanded display (`\x`), `-[ RECORD 1 ]-+----` heads `mrn | 582-98-60` lines.
    let mut expanded = false;
    while l < n_lines {
        let (s, e) = line_span(l);
        let line = &text[s..e];
        if line.starts_with("-[ RECORD ") {
            expanded = true;
            l += 1;
            continue;
        }
        if expanded {
            expanded = line.contains(" |");
            if expanded {
                cells(text, s, e, Delim::Pipe, &mut head);
                key_value_row(text, x, &head);
                l += 1;
                continue;
            }
        }
        // A header row is short words: skip lines with many digits (logs, data) cheaply.
        let [t, mut p, c, sc, digits] = byte_counts(line);
        if line.trim_start().starts_with('│') {
            p += line.matches('│').count();
        }
        // (A line of JSON, `{ "id": "Patient.identifier", "path": ...`, holds commas but no header.)
        // (Numbered column names, `FL03b_MRN,FL06_FROM,...` on a UB-04 extract, have two each at most.)
        // (psql's grid of two columns has one bar: its `----+----` rule below says so.)
        let psql = || p == 1 && c == 0 && l + 1 < n_lines && {
            let (ns, ne) = line_span(l + 1);
            text[ns..ne].contains("-+-") && is_rule(&text[ns..ne])
        };
        let d = delimiter_from(t, p, c, sc).or_else(|| psql().then_some(Delim::Pipe));
        // (An HL7 segment or an ASTM record, `PID|1||ZZTEST0001^^^MVH^MR||TEST^PATIENT^A||…`,
        // `"P|1||ZZTEST0002||TEST^PATIENT||19000101|U",` in a test's source, is no header; a header
        // named `MRN|PATIENT_NAME|DOB` has no components and no empty field.)
        let segment = || {
            let r = line.trim_start_matches(['+', ' ', '\t', '"', '\'']).as_bytes();
            let id = r.iter().position(|&b| b == b'|').unwrap_or(0);
            (1..=3).contains(&id) && r[0].is_ascii_uppercase() && r[..id].iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) && (line.contains('^') || line.contains("||"))
        };
        let Some(d) = d.filter(|&d| (digits <= 6 || p > 0 || digits <= 2 * (t + c + sc + 1)) && !sql_statement(line) && (d == Delim::Pipe && !segment() || d != Delim::Pipe && !has(line, "\": "))) else {
            if c >= 4 && t == 0 && p == 0 {
                claim_row(text, s, e, x, &mut head);
            }
            under_header &= line.trim_start().starts_with('|');
            l += 1;
            continue;
        };
        // `rows` reads nothing under a comma, tab or semicolon header unless the
        // next line has two cells: without one (prose), the header need not be read.
        // (A list's item, `▪ Telephone and fax numbers, email addresses, SSNs, MRNs`, is no header.)
        if d != Delim::Pipe && (bulleted(line) || !(l + 1 < n_lines && {
            let (ns, ne) = line_span(l + 1);
            cells(text, ns, ne, d, &mut head);
            !text[ns..ne].trim().is_empty() && head.len() >= 2
        })) {
            l += 1;
            continue;
        }
        cells(text, s, e, d, &mut head);
        // Header cells are short names with few digits; most prose lines with commas have too few to be a header.
        plausible.clear();
        plausible.extend(head.iter().map(|&(a, b)| {
            let h = header_text(text, a, b);
            // (`<MRN>^^^<AUTH>^MR` holds a template's slots, not a column's name; six words are prose;
            // `street = EXCLUDED.street` is an assignment.)
            h.len() <= 40 && h.split(' ').count() <= 5 && h.bytes().filter(u8::is_ascii_digit).count() <= 2 && !super::has_slot(h) && !h.contains('=')
        }));
        let n_plausible = plausible.iter().filter(|&&p| p).count();
        if d != Delim::Pipe && (n_plausible < 2 || n_plausible * 2 < head.len()) {
            l += 1;
            continue;
        }
        // Column names written as identifiers (`FL03b_MRN,FL06_FROM,...,FL67_PDX,DRG`, no spaces):
        // a code's columns, of which a patient's may be a few.
        let idents = d != Delim::Pipe && n_plausible == head.len() && head.iter().all(|&(a, b)| {
            let h = header_text(text, a, b);
            !h.is_empty() && !h.contains(' ')
        });
        let Some(mut roles) = header_roles(text, d, &head, &plausible, idents) else {
            l += 1;
            continue;
        };
        if l > 0 && d != Delim::Pipe {
            group_header(text, d, line_span(l - 1), &head, &mut roles);
        }
        // "|MRN|E729107974|" under "||Item||Value||": a label and its value, not a header
        // (a Markdown header has its |---| rule below it).
        // (Or under a header cell, `||Patient|Latoya Jefferson|`: a page-properties table's row.)
        let row = line.trim_start_matches([' ', '+', '-']);
        let header_cell = row.starts_with("||") && row[2..].find('|').is_some_and(|k| row.as_bytes().get(k + 3) != Some(&b'|'));
        let wiki_row = d == Delim::Pipe && (!row.starts_with("||") || header_cell);
        let rule_below = || l + 1 < n_lines && {
            let (ns, ne) = line_span(l + 1);
            is_rule(&text[ns..ne])
        };
        if wiki_row && head.len() == 2 && (header_cell || roles[0].is_some() && roles[1].is_none()) && !rule_below() {
            key_value_row(text, x, &head);
            l += 1;
            continue;
        }
        // An employee health tracker (`||Employee||Emp ID||TB test||Hep B titer||`): its employees are
        // the clinic's patients; two columns of their tests or vaccines say so.
        let health = head.iter().filter(|&&(a, b)| {
            let h = header_text(text, a, b);
            h.eq_ignore_ascii_case("tb") || ["tb ", "titer", "titre", "vaccin", "immuniz", "flu shot", "fit test", "ppd", "quantiferon"].iter().any(|w| crate::text::has_ci(h, w))
        });
        if roles.contains(&Some(Role::Staff)) && health.count() >= 2 {
            // (Its first staff column: `Role / unit` after it is a job.)
            if let Some(r) = roles.iter_mut().find(|r| **r == Some(Role::Staff)) {
                *r = Some(Role::PatientName);
            }
        }
        let known = roles.iter().filter(|r| r.is_some()).count();
        // A column that only a patient table has ("Patient", "DOB", "MRN") is enough.
        let defining = roles.iter().any(|&r| patient_column(r));
        // `| Department | Contact | Phone |`, `| Partner | Endpoint | Contact | Phone |`: a directory's
        // contact is staff, not a relative (who is listed beside a patient or a person's name).
        if !defining && (roles.contains(&Some(Role::Staff)) || !roles.contains(&Some(Role::Name))) {
            for (r, &(a, b)) in roles.iter_mut().zip(&head) {
                if *r == Some(Role::RelativeName) && header_text(text, a, b).eq_ignore_ascii_case("contact") {
                    *r = Some(Role::Staff);
                }
            }
        }
        // (A row's delimiter may read as a comma when a cell holds commas: the bar decides.)
        let pipe_row = line.trim_start().starts_with('|');
        let wiki_header = line.trim_start().starts_with("||");
        // A tab-separated export's header (tabs are not prose) with a patient's column
        // needs no more: `PayerClaimCtrl  PatientName  MemberID  Billed  Allowed  CARC`
        // (but every column named: a row of group names over the header has gaps).
        let tab_header = d == Delim::Tab && known >= 2 && head.iter().all(|&(a, b)| !header_text(text, a, b).is_empty());
        // (Or a table of fields and their values: `| Legacy acct | Field | Legacy value | Converted value |`;
        // not a two-column `||Field||Value||`, which is label/value rows; nor a policy's
        // `||Field||Rule||Example||`, whose examples illustrate its rules.)
        let field_values = || {
            head.len() > 2
                && head.iter().any(|&(a, b)| header_text(text, a, b).eq_ignore_ascii_case("field"))
                && head.iter().any(|&(a, b)| value_column(header_text(text, a, b)))
                && !head.iter().any(|&(a, b)| crate::text::one_of_ci(header_text(text, a, b).as_bytes(), &["rule", "description", "definition"]))
        };
        // (A flat file's record, `SUB|83139011661|GUNNARSSON|ASGEIR|19360711|M|...`, is data:
        // two of its cells are long numbers, which no column's name is.)
        let numbers = || head.iter().filter(|&&(a, b)| text[a..b].bytes().filter(u8::is_ascii_digit).count() >= 5).count();
        let table = head.len() >= 2
            && (known >= 2 && known * 2 >= head.len() || defining && (d == Delim::Pipe || tab_header || idents && known >= 3) || field_values())
            && !(pipe_row && !wiki_header && under_header)
            && numbers() < 2;
        // A grid with its rule below (psql, Markdown) whose other columns are unknown: its staff
        // column still names staff (an audit's `| Time | Actor | Path | Old value | New value |`).
        if table || !wiki_header && roles.contains(&Some(Role::Staff)) && rule_below() {
            if !table {
                roles.iter_mut().for_each(|r| *r = r.filter(|r| *r == Role::Staff));
            }
            l = rows(doc, x, l + 1, d, &head, roles, &line_span);
            continue;
        }
        // "|PID-5|KOVACS^ZSOFIA^C|KOVACS^ZSOFIA^C|ok|": a row keyed by an HL7 field holds
        // that field's values; otherwise label/value cells, unless the row is one of a
        // (non-patient) table's data rows.
        // (Under a specification's header, `||Seq||Name||Type||Usage||Format / example||`,
        // a row keyed by an HL7 field describes it: its cells are no values.)
        let spec_row = under_header && spec_header;
        if wiki_row && !(spec_row || hl7_keyed_row(text, x, &head) || under_header && head.len() > 2) {
            key_value_row(text, x, &head);
            // Bar-separated cells on a line alone, no column named: perhaps an EHR's patient banner.
            if known == 0 && !pipe_row && !under_header {
                banner(text, &head, x);
            }
        }
        // Rows stay under a header while they are bar rows: from a wiki header (`||...||`)
        // or a Markdown one (the row above its |---| rule) on.
        let header_row = pipe_row && (wiki_header || !under_header && rule_below());
        if header_row {
            spec_header = head.iter().any(|&(a, b)| spec_column(header_text(text, a, b)));
        }
        under_header = pipe_row && (under_header || header_row);
        l += 1;
    }
}

/// A claim line pasted without its header (`2025176851762,MBR88591966,"Egal, Hassan H",01/08/1973,
/// 08/30/2026,85025,M17.11,...`): a comma row with a procedure code (CPT `99214`, HCPCS `J1885`) and a
/// diagnosis code (`M17.11`) is a patient's claim. Its dates are the patient's, a quoted
/// `Last, First` is the patient's name, the first code of letters and digits the member id, and
/// long numbers the claim's (an NPI has ten digits: not one of them). A row with neither a name
/// nor a member id is no one's.
fn claim_row(text: &str, s: usize, e: usize, x: &mut Extracted, cs: &mut Vec<(usize, usize)>) {
    // (Most such lines are logs, JSON or SQL: a look for a code's head first, `M17` after a separator.)
    let b = &text.as_bytes()[s..e];
    if sql_statement(&text[s..e]) || !(b.get(..3).is_some_and(crate::recognizers::icd10::head) || b.windows(4).any(|w| matches!(w[0], b',' | b'"') && crate::recognizers::icd10::head(&w[1..]))) {
        return;
    }
    cells(text, s, e, Delim::Comma, cs);
    if cs.len() < 5 || cs.len() > 40 {
        return;
    }
    let value = |&(a, b): &(usize, usize)| {
        let (a, b) = trim_value(text, a, b);
        (a, b, &text[a..b])
    };
    let procedure = |v: &[u8]| v.len() == 5 && (v[0].is_ascii_digit() || v[0].is_ascii_uppercase()) && v[1..].iter().all(u8::is_ascii_digit);
    let (mut dx, mut px) = (None, false);
    for c in cs.iter() {
        let v = value(c).2.as_bytes();
        px |= procedure(v);
        if dx.is_none() && crate::recognizers::icd10::code(v) && !procedure(v) {
            dx = Some(c.0);
        }
    }
    if !px || dx.is_none() {
        return;
    }
    let (mut named, mut member) = (false, false);
    let first = x.fields.len();
    for c in cs.iter() {
        let (a, b, v) = value(c);
        let bytes = v.as_bytes();
        if Some(c.0) == dx || v.is_empty() || crate::scan::placeholder(v) {
            continue;
        }
        let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
        let role = if super::slash_date(v) || v.len() == 10 && super::sql::date_literal(v) {
            Role::PersonDate
        } else if !named && v.contains(", ") && v.len() <= 60 && v.split([',', ' ']).all(|w| w.chars().all(|ch| ch.is_alphabetic() || "-'.".contains(ch))) {
            named = true;
            Role::PatientName
        } else if !member && (6..=20).contains(&v.len()) && digits >= 4 && digits < v.len() && !procedure(bytes) && bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'-') {
            member = true;
            Role::MemberId
        } else if digits == v.len() && (11..=20).contains(&digits) {
            Role::Account
        } else {
            continue;
        };
        x.push(a, b, role, None, true);
    }
    // (A code row with dates but no one's name or member id is a fee schedule's or a rule's.)
    if named || member {
        x.patient_record = true;
    } else {
        x.fields.truncate(first);
    }
}

/// A header row under a row of group names (a spreadsheet's merged cells:
/// `Patient\t\t\tContact\t\tDischarge` over `Last\tFirst\tDOB\tPhone\tEmail\tDate`):
/// a column the lower row leaves without a personal role takes the one of its
/// group's name and its own ("Discharge Date", "Patient Last").
fn group_header(text: &str, d: Delim, (s, e): (usize, usize), head: &[(usize, usize)], roles: &mut [Option<Role>]) {
    let mut upper = Vec::new();
    cells(text, s, e, d, &mut upper);
    let named = upper.iter().filter(|&&(a, b)| !header_text(text, a, b).is_empty()).count();
    // Group names are words (a title row, `Claims export,2024-03-08,Medicare Part B,,`, is not).
    if upper.len() < 2 || named < 2 || named * 2 > upper.len() || upper.len() > head.len() + 1 || text[s..e].bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let mut group = "";
    for (c, &(a, b)) in head.iter().enumerate() {
        if let Some(&(ua, ub)) = upper.get(c) {
            let g = header_text(text, ua, ub);
            if !g.is_empty() {
                group = g;
            }
        }
        // (A bare "Date" is a technical column, "Last" anyone's name: the group says whose.)
        if matches!(roles[c], None | Some(Role::Tech | Role::Name)) && !group.is_empty() {
            if let Some(r) = field_role(&format!("{group} {}", header_text(text, a, b))) {
                roles[c] = Some(r);
            }
        }
    }
}

/// The roles of a header row's plausible cells. A comma, tab or semicolon
/// row is a header only when at least two cells, and half of them, have
/// roles: `None` as soon as the cells left cannot get it there.
fn header_roles(text: &str, d: Delim, head: &[(usize, usize)], plausible: &[bool], idents: bool) -> Option<Vec<Option<Role>>> {
    let mut roles = Vec::with_capacity(head.len());
    let (mut known, mut left) = (0, plausible.iter().filter(|&&p| p).count());
    for (&(a, b), &p) in head.iter().zip(plausible) {
        let h = header_text(text, a, b);
        let role = if p { super::hl7v2::field_ref(h).or_else(|| field_role(h)) } else { None };
        left -= usize::from(p);
        known += usize::from(role.is_some());
        // (A tab-separated header may have more unknown columns: see `extract`.)
        if d != Delim::Pipe && (known + left < 2 || d != Delim::Tab && !idents && (known + left) * 2 < head.len()) {
            return None;
        }
        roles.push(role);
    }
    Some(roles)
}

/// HTML tables (Confluence storage format, pasted web pages): `<th>` header
/// cells give the roles of the `<td>` cells below them; a row of a `<th>`
/// label and a `<td>` value is a key/value pair.
fn html_tables(text: &str, x: &mut Extracted) {
    // "<td" or "<TD" (not "<Td"), in one pass.
    let b = text.as_bytes();
    let mut at = 0;
    let td = loop {
        match super::find_bytes(b, b"<td", at, true) {
            Some(p) if matches!(&b[p..p + 3], b"<td" | b"<TD") => break true,
            Some(p) => at = p + 1,
            None => break false,
        }
    };
    if !td {
        return;
    }
    let mut headers: Vec<(Option<Role>, String)> = Vec::new();
    let mut pos = 0;
    // A row ends at its `</tr>` or where the next begins (HTML may leave `</tr>` out).
    let (mut row_start, mut row_end) = (super::Finder::new(text.as_bytes(), b"<tr", false), super::Finder::new(text.as_bytes(), b"</tr>", false));
    while let Some(r) = row_start.at(pos) {
        let end = row_end.at(r).into_iter().chain(row_start.at(r + 3)).min().unwrap_or(text.len());
        let cells = html_cells(text, r, end);
        pos = end.max(r + 3);
        if cells.is_empty() {
            continue;
        }
        if cells.iter().all(|c| c.0) {
            headers = cells.iter().map(|&(_, s, e)| (field_role(strip_tags(&text[s..e]).trim()), strip_tags(&text[s..e]).trim().to_string())).collect();
            if headers.iter().any(|h| patient_column(h.0)) {
                for (r, n) in headers.iter_mut() {
                    care_date(r, n);
                }
            }
            continue;
        }
        // <th>DOB</th><td>03/14/1962</td>; a viewer's `<td class="td_label">Patient</td><td>…</td>`
        // (a short label cell in a table without a header row).
        if cells.len() == 2 && !cells[1].0 && (cells[0].0 || headers.is_empty()) {
            let label = strip_tags(&text[cells[0].1..cells[0].2]);
            let label = label.trim();
            if cells[0].0 || label.len() <= 32 && !label.bytes().any(|b| b.is_ascii_digit()) {
                if let Some(role) = field_role(label) {
                    let (s, e) = inner_text(text, cells[1].1, cells[1].2);
                    x.push(s, e, role, Some(format!("table:{label}")), true);
                    x.patient_record |= role.marks_patient_record();
                }
                continue;
            }
        }
        for (c, &(_, s, e)) in cells.iter().enumerate() {
            if let Some((Some(role), name)) = headers.get(c) {
                let (s, e) = inner_text(text, s, e);
                x.push(s, e, *role, Some(format!("table:{name}")), true);
                x.patient_record |= role.marks_patient_record();
            }
        }
    }
}

/// Cells of a row: (is header, content start, content end).
fn html_cells(text: &str, from: usize, to: usize) -> Vec<(bool, usize, usize)> {
    let mut out = Vec::new();
    let mut k = from;
    while let Some(o) = text[k..to].find('<').map(|p| p + k) {
        // (Bytes: the three after `<` may end inside a character.)
        let tag = text.as_bytes()[o + 1..to.min(o + 4)].to_ascii_lowercase();
        let header = tag.starts_with(b"th");
        if (header || tag.starts_with(b"td")) && matches!(text.as_bytes().get(o + 3), Some(b'>' | b' ')) {
            let Some(open_end) = text[o..to].find('>').map(|p| o + p + 1) else { break };
            let close = if header { "</th>" } else { "</td>" };
            let end = text[open_end..to].find(close).or_else(|| text[open_end..to].find(&close.to_ascii_uppercase())).map_or(to, |p| open_end + p);
            out.push((header, open_end, end));
            k = end;
        } else {
            k = o + 1;
        }
    }
    out
}

/// The text inside a cell without its tags: the span from the first to the
/// last character outside markup.
fn inner_text(text: &str, s: usize, e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut first = None;
    let mut last = s;
    let mut in_tag = false;
    for (k, &byte) in b.iter().enumerate().take(e).skip(s) {
        match byte {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if !in_tag && !c.is_ascii_whitespace() => {
                first.get_or_insert(k);
                last = k + 1;
            }
            _ => {}
        }
    }
    let f = first.unwrap_or(s);
    let mut l = last.max(f);
    while !text.is_char_boundary(l) {
        l += 1;
    }
    (f, l.min(e))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Rows under a header; returns the first line after the table.
fn rows(doc: &Doc, x: &mut Extracted, mut l: usize, d: Delim, head: &[(usize, usize)], mut roles: Vec<Option<Role>>, line_span: &dyn Fn(usize) -> (usize, usize)) -> usize {
    let text = doc.text;
    // (Or a table of places: its first column names the store, site or office each row is.)
    let places = head.first().is_some_and(|&(a, b)| crate::text::one_of_ci(header_text(text, a, b).as_bytes(), &["store", "site", "branch", "office", "location", "vendor", "pharmacy", "clinic", "facility", "county", "agency"]));
    let staff_table = (places || roles.iter().any(|r| matches!(r, Some(Role::Staff | Role::Dial))))
        && !roles.iter().any(|&r| patient_column(r) || r == Some(Role::Diagnosis));
    if staff_table {
        for r in roles.iter_mut() {
            *r = match *r {
                Some(Role::Name) => Some(Role::Staff),
                Some(Role::Phone | Role::Email | Role::Address | Role::City | Role::Zip) => Some(Role::Dial),
                other => other,
            };
        }
    }
    let names: Vec<&str> = head.iter().map(|&(a, b)| header_text(text, a, b)).collect();
    // `||Seg||Field||Name||Value in prod message||`: a specification's table, whose Name
    // column names fields; a value column holds each row's field's value.
    let spec_col = |words: &[&str]| names.iter().position(|n| crate::text::one_of_ci(n.as_bytes(), words));
    let field_col = spec_col(&["field", "element", "data element", "attribute", "path"]);
    // (`Segment  Field  Name  Value` over `PID  3  Patient ID  E9063682`: the field by its
    // segment and number, or by its name.)
    let seg_col = spec_col(&["segment", "seg"]);
    let name_col = spec_col(&["name", "field name", "description"]);
    if field_col.is_some() || seg_col.is_some() || spec_col(&["column"]).is_some() {
        for r in roles.iter_mut().filter(|r| matches!(r, Some(Role::Name))) {
            *r = None;
        }
    }
    let value_cols: Vec<usize> = if field_col.is_some() { (0..names.len()).filter(|&c| value_column(names[c])).collect() } else { Vec::new() };
    // (A specification, whose `Usage` column says its values are examples.)
    let spec = names.iter().any(|n| spec_column(n));
    // (So is a person's name beside an account number, or a guarantor, the person a hospital
    // bills: `account  guarantor_name  address1  city  zip  phone`; or a person's last and
    // first names beside a home address: `||Name (Last, First)||Cell||Address||`, not a provider's
    // roster beside their NPIs.)
    let person = || roles.iter().zip(&names).any(|(r, n)| *r == Some(Role::Name) && (crate::text::has_ci(n, "last") || crate::text::has_ci(n, "first")));
    let patient = roles.iter().any(|&r| patient_column(r))
        || !staff_table
            && (roles.contains(&Some(Role::Account)) && roles.iter().any(|r| matches!(r, Some(Role::Name | Role::RelativeName)))
                || names.iter().any(|n| crate::text::prefix_ci(n.as_bytes(), &["guarantor"]).is_some())
                || roles.contains(&Some(Role::Address)) && !roles.contains(&Some(Role::Npi)) && person()
                // (Or a person's name beside a device's serial: `ship_name | ship_street | … | returned_sn`,
                // the people who use the devices.)
                || roles.contains(&Some(Role::Device)) && roles.contains(&Some(Role::Name)));
    if patient {
        for (r, n) in roles.iter_mut().zip(&names) {
            care_date(r, n);
        }
    }
    // Each cell's source is its column's: formatted once per column.
    let sources: Vec<String> = names.iter().map(|name| format!("{}:{}", d.prefix(), name)).collect();
    let mut seen_rows = 0;
    // (A personal column must hold one person's value: a quality report's `Invalid identifier
    // format` column of `0.9%` and `3,105,016` is an aggregate's.)
    let mut personal_cell = false;
    let mut cs = Vec::new();
    while l < doc.line_starts.len() {
        let (s, mut e) = line_span(l);
        let line = &text[s..e];
        if line.trim().is_empty() {
            break;
        }
        // A quoted cell may hold line breaks (a notes column in a CSV export): the row
        // runs to the line where its quotes close, if that comes within a few lines.
        if d != Delim::Pipe && odd_quotes(line) {
            let mut k = l + 1;
            let mut open = true;
            while open && k < doc.line_starts.len() && k <= l + 20 {
                let (ks, ke) = line_span(k);
                open ^= odd_quotes(&text[ks..ke]);
                k += 1;
            }
            if !open {
                l = k - 1;
                e = line_span(l).1;
            }
        }
        // A rule, or a code block's fence right under a header given in prose
        // ("layout: DOS|PCN|NAME|MEMBER ...:" then {noformat} and the rows).
        if d == Delim::Pipe && is_rule(line) || seen_rows == 0 && matches!(line.trim(), "{noformat}" | "{code}" | "```") {
            l += 1;
            continue;
        }
        cells(text, s, e, d, &mut cs);
        if cs.len() < 2 || (d == Delim::Pipe && !line.contains(['|', '│'])) {
            break;
        }
        // `TEST00000001,Doe,John,<YYYYMMDD>,...`: an example row.
        // (And a test patient's, `test_patient_001,ZZTEST,ALPHA,1900-01-01,…`: a name a placeholder.)
        let test = || cs.iter().zip(&roles).any(|(&(a, b), r)| matches!(r, Some(Role::PatientName | Role::Name)) && text[a..b].bytes().all(|c| c.is_ascii_alphanumeric() || b" ,^'\"+".contains(&c)) && crate::scan::placeholder(&text[a..b]));
        if super::has_slot(line) || test() {
            x.push(s, e, Role::Tech, Some(super::TEST_PATIENT.into()), true);
            l += 1;
            continue;
        }
        // The value cells of a row whose field cell names an HL7 field or a column with a
        // personal role (`| BIRTH_DATE | 07/27/2003 | 2003-07-07 |` under "Legacy value",
        // "Converted value").
        // (An X12 element's, `NM103`, is the element view's: see `x12::elements`.)
        if let Some(&(fs, fe)) = field_col.and_then(|fc| cs.get(fc)).filter(|&&(fs, fe)| super::x12::element_ref(header_text(text, fs, fe)).is_none()) {
            let field = header_text(text, fs, fe);
            let cell = |c: Option<usize>| c.and_then(|c| cs.get(c)).map(|&(a, b)| header_text(text, a, b));
            let numbered = || cell(seg_col).and_then(|seg| super::hl7v2::numbered_field(seg, field));
            if let Some(role) = super::hl7v2::named_field(field).or_else(|| field_role(field)).or_else(numbered).or_else(|| cell(name_col).and_then(field_role)).filter(|r| r.is_personal()) {
                for &(vs, ve) in value_cols.iter().filter_map(|&vc| cs.get(vc)) {
                    let (vs, ve) = trim_value(text, vs, ve);
                    x.push(vs, ve, role, Some(format!("table:{field}")), true);
                }
                // (Only with a value: a profile's `|IN1-36|ST|15|R|` holds none; nor in a specification.)
                x.patient_record |= role.marks_patient_record() && !value_cols.is_empty() && !spec;
            }
        }
        // Under "||Field||A01 value||A03 value||", rows keyed by HL7 field names.
        if d == Delim::Pipe && hl7_keyed_row(text, x, &cs) {
            seen_rows += 1;
            l += 1;
            continue;
        }
        for (c, &(a, b)) in cs.iter().enumerate() {
            // (In a patient's row, an address or a link a column does not name is the patient's:
            // `First opened from` over `173.178.36.218`, a `Crash report folder` named after them.)
            let cell = text[a..b].trim();
            let unnamed = if !patient || c >= names.len() {
                None
            } else if ip_shaped(cell) {
                Some(Role::Ip)
            } else {
                cell.starts_with("https://").then_some(Role::Url)
            };
            let Some(role) = &roles.get(c).copied().flatten().or(unnamed) else { continue };
            let (vs, ve) = trim_value(text, a, b);
            let v = &text[vs..ve];
            personal_cell |= role.is_personal() && !aggregate(v);
            // Roles come one per header cell, so the column has a name and a source.
            let name = names[c];
            // A repeated header row is not data.
            if ve > vs && !matches!(v, "NULL" | "null" | "N/A" | "n/a" | "-" | "") && !v.eq_ignore_ascii_case(name) {
                // "VRT770516202" under MEMBER, "P0041772" under Patient: the person's id.
                let role = match role {
                    Role::PatientName if one_code(v) => field_role(&format!("{name} id")).filter(|r| r.is_health_system_id()).unwrap_or(Role::Mrn),
                    // A `Contact` column holds a relative's name or a number to call.
                    Role::RelativeName if phone_shaped(v) => Role::Phone,
                    r => *r,
                };
                x.push(vs, ve, role, Some(sources[c].clone()), true);
            }
        }
        seen_rows += 1;
        l += 1;
    }
    if patient && seen_rows > 0 && personal_cell {
        x.patient_record = true;
    }
    l
}

/// An IPv4 address (the IP recognizer's octets) or an IPv6 one alone.
fn ip_shaped(v: &str) -> bool {
    crate::recognizers::ipv4(v) || v.len() >= 7 && v.bytes().filter(|&b| b == b':').count() >= 2 && v.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
}

/// A count or a share, not anyone's value: `0.9%`, `3,105,016`, `12.5`, `—`.
fn aggregate(v: &str) -> bool {
    let grouped = v.split(',').skip(1).all(|g| g.len() == 3) && v.contains(',');
    v.bytes().all(|b| b.is_ascii_digit() || b",.% ".contains(&b)) && (v.contains('%') || v.contains('.') || grouped) || matches!(v, "" | "-" | "—" | "–")
}

/// A telephone number alone: 10 digits, or 11 after a 1, in any of the usual punctuations.
fn phone_shaped(v: &str) -> bool {
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    (digits == 10 || digits == 11 && v.trim_start_matches(['+', '(']).starts_with('1')) && v.bytes().all(|b| b.is_ascii_digit() || b" ()-.+".contains(&b))
}

/// A rendered table copied one cell per line (a Confluence page's or a database client's grid
/// through the clipboard's plain text): a run of short column names (`Name` / `MRN` / `DOB` /
/// `Phone`) whose first row fits them; each row is as many lines as the header, each cell gets
/// its column's role. (A row's first cell may look like a column's name: the header is the
/// longest run whose first row fits.)
fn one_cell_per_line(doc: &Doc, x: &mut Extracted) {
    let n = doc.line_starts.len();
    // (A column's name: a few words, a letter first; not code, `+        return dob;`.)
    let short = |l: usize| {
        let t = doc.line_text(l).trim();
        t.len() <= 32 && t.starts_with(char::is_alphabetic) && t.bytes().filter(u8::is_ascii_digit).count() <= 2 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b >= 0x80 || b" #/_-.'".contains(&b))
    };
    let (mut l, mut after_short) = (0, false);
    while l < n {
        let is_short = short(l);
        if after_short || !is_short {
            after_short = is_short;
            l += 1;
            continue;
        }
        let run = (l..n.min(l + 16)).take_while(|&k| short(k)).count();
        let named: Vec<Option<Role>> = (l..l + run).map(|h| field_role(doc.line_text(h).trim())).collect();
        (l, after_short) = (l + run, true);
        for k in (3..=run).rev() {
            let roles = &named[..k];
            // Row `r`'s cells: none empty, digits under a birth date, a record number or a phone
            // (one such column at least), none under a name.
            let numeric = |r: &Option<Role>| matches!(r, Some(Role::Dob | Role::Mrn | Role::MemberId | Role::Phone | Role::Ssn));
            if !roles.iter().any(numeric) || !roles.iter().any(|&r| patient_column(r)) {
                continue;
            }
            let start = l - run + k;
            let fits = |r: usize| start + k * (r + 1) <= n && roles.iter().enumerate().all(|(c, role)| {
                let v = doc.line_text(start + k * r + c);
                let digits = v.bytes().any(|b| b.is_ascii_digit());
                !v.trim().is_empty() && if numeric(role) { digits } else { !digits || !matches!(role, Some(Role::PatientName | Role::Name)) }
            });
            // Each fitting row's cells get their columns' roles.
            let mut r = 0;
            while fits(r) {
                for (c, role) in roles.iter().enumerate() {
                    let line = start + k * r + c;
                    if let Some(role) = *role {
                        let (vs, ve) = trim_value(doc.text, doc.line_starts[line] as usize, doc.line_starts[line] as usize + doc.line_text(line).len());
                        x.push(vs, ve, role, None, true);
                    }
                }
                r += 1;
            }
            if r > 0 {
                x.patient_record = true;
                break;
            }
        }
    }
}

/// A column that makes its table's rows patients (a fixed-width report's and an `INSERT`'s too).
pub(super) fn patient_column(role: Option<Role>) -> bool {
    matches!(role, Some(Role::Dob | Role::Mrn | Role::MemberId | Role::Mbi | Role::Ssn | Role::PatientName))
}

/// Under patients, a plain `Date` or `Last A1c Date` column holds dates of their care.
fn care_date(role: &mut Option<Role>, name: &str) {
    if matches!(role, None | Some(Role::Tech)) && crate::labels::plain_date_column(name) {
        *role = Some(Role::PersonDate);
    }
}

/// A list item's line: `• `, `▪ `, `◦ `, `- ` or `* ` first.
fn bulleted(line: &str) -> bool {
    let t = line.trim_start().as_bytes();
    crate::text::prefix_ci(t, &["• ", "▪ ", "◦ ", "- ", "* "]).is_some()
}

/// A specification's column: a field's type, usage, cardinality, length or description.
fn spec_column(name: &str) -> bool {
    const SPEC: &[&str] = &["type", "data type", "datatype", "usage", "opt", "optionality", "card.", "cardinality", "format", "description", "len", "length"];
    crate::text::one_of_ci(name.as_bytes(), SPEC)
}

/// A column of values under a field column: "Value", "Legacy value", "Example", or one
/// side of a comparison: "Epic (source)", "Expected", "As received".
fn value_column(name: &str) -> bool {
    const WORDS: &[&str] = &["value", "example", "sample", "source", "target", "expected", "actual", "before", "after", "sent", "received", "original", "corrected"];
    // ("Target column" and "Source field" name columns and fields, not values.)
    const NAMES: &[&str] = &["column", "field", "element", "path", "table", "name", "type", "mapping"];
    let mut words = name.split(|c: char| !c.is_ascii_alphanumeric());
    words.clone().any(|w| crate::text::one_of_ci(w.as_bytes(), WORDS)) && !words.any(|w| crate::text::one_of_ci(w.as_bytes(), NAMES))
}

/// A single code with digits: `VRT770516202`, `2739154967-02`, `LVH 5679 398606`.
fn one_code(v: &str) -> bool {
    (4..=24).contains(&v.len()) && v.bytes().filter(u8::is_ascii_digit).count() >= 3 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b' ')
}

fn odd_quotes(line: &str) -> bool {
    line.bytes().filter(|&c| c == b'"').count() % 2 == 1
}

/// A Markdown separator row: `|---|:---:|` (after a diff marker).
fn is_rule(line: &str) -> bool {
    line.trim().trim_start_matches(['+', '-', ' ']).bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ')) && line.contains('-')
        // A box grid's, `├────┼────┤`.
        || line.trim().chars().all(|c| matches!(c, '├' | '┼' | '┤' | '─' | '╞' | '╪' | '╡' | '═')) && line.contains(['─', '═'])
}

/// An EHR's patient banner pasted as one line of cells: `Kourosh Tehrani | 01874745 |
/// Rm 412-B`, `DOE, JANE | 75 y.o. F | 8812034`, `DELA CRUZ, JUN | DOB 17.01.1948 |
/// MRN E5307755`. One cell gives the patient's age and sex, birth date or record
/// number, or places them (`Rm`, `Room`, `Bed`) beside a record number alone: the first
/// cell is then the patient's name and a bare code their record number. (The values of
/// labelled cells, `MRN 1234567`, `DOB 3/4/1950`, are the label extractor's.)
fn banner(text: &str, cs: &[(usize, usize)], x: &mut Extracted) {
    if !(3..=8).contains(&cs.len()) {
        return;
    }
    // What the cells after the first say: a place, the patient (age and sex, a labelled
    // birth date or record number), a record number alone (digits after a letter or two).
    let (mut place, mut person, mut id) = (false, false, None);
    for (k, &(a, b)) in cs.iter().enumerate().skip(1) {
        let c = text.as_bytes()[a..b].trim_ascii();
        let c = c.strip_prefix(b"(").unwrap_or(c);
        let c = c.strip_suffix(b")").unwrap_or(c);
        let sp = c.iter().position(|&b| b == b' ').unwrap_or(c.len());
        let (word, rest) = (&c[..sp], &c[sp..]);
        let word = word.strip_suffix(b":").or_else(|| word.strip_suffix(b"#")).or_else(|| word.strip_suffix(b".")).unwrap_or(word);
        let valued = rest.iter().any(u8::is_ascii_digit);
        let n = c.iter().take_while(|b| b.is_ascii_digit()).count();
        let after = c[n..].trim_ascii_start();
        let letters = c.iter().take_while(|b| b.is_ascii_uppercase()).count();
        match word {
            b"Rm" | b"RM" | b"Room" | b"ROOM" | b"Bed" | b"BED" => place |= valued,
            b"DOB" | b"MRN" | b"MR" => person |= valued,
            // "75 y.o. F", "82 F", "91yo M", "(75 y.o.)".
            _ if (1..=3).contains(&n) && c.len() <= 12 && (after.first().is_some_and(|&b| b | 0x20 == b'y') || matches!(after, b"F" | b"M")) => person = true,
            _ if letters <= 2 && (6..=12).contains(&(c.len() - letters)) && c[letters..].iter().all(u8::is_ascii_digit) => id = id.or(Some(k)),
            _ => {}
        }
    }
    if !(person || place && id.is_some()) {
        return;
    }
    let (vs, ve) = trim_value(text, cs[0].0, cs[0].1);
    x.push(vs, ve, Role::PatientName, None, true);
    if let Some(k) = id {
        let (vs, ve) = trim_value(text, cs[k].0, cs[k].1);
        x.push(vs, ve, Role::Mrn, None, true);
    }
    x.patient_record = true;
}

/// A row whose first cell names an HL7 field with a personal role: each value
/// cell after it (not a lower-case note such as "ok") gets that role.
fn hl7_keyed_row(text: &str, x: &mut Extracted, cs: &[(usize, usize)]) -> bool {
    let Some(&(a, b)) = cs.first() else { return false };
    let label = header_text(text, a, b);
    let Some(role) = super::hl7v2::named_field(label).filter(|r| r.is_personal()) else { return false };
    for &(s, e) in &cs[1..] {
        let (vs, ve) = trim_value(text, s, e);
        let v = &text[vs..ve];
        // A value, not a note: "ok", "patient.mrn", "required, 7-10 digits, strip leading zeros?".
        if v.bytes().any(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c >= 0x80) && !super::note(v) {
            x.push(vs, ve, role, Some(format!("table:{label}")), true);
            x.patient_record |= role.marks_patient_record();
        }
    }
    true
}

/// `| *DOB* | 03/14/1962 |`: a label cell followed by its value.
fn key_value_row(text: &str, x: &mut Extracted, cs: &[(usize, usize)]) {
    if cs.len() < 2 || cs.len() > 6 {
        return;
    }
    let mut c = 0;
    while c + 1 < cs.len() {
        let label = header_text(text, cs[c].0, cs[c].1);
        if let Some(role) = field_role(label).filter(|_| label.len() <= 32 && !label.bytes().any(|b| b.is_ascii_digit())) {
            let (vs, ve) = trim_value(text, cs[c + 1].0, cs[c + 1].1);
            let v = text[vs..ve].trim_matches(|ch: char| ch == '*' || ch == '_');
            // (A test value marks no record: `'PID|1||…||ZZTEST^PATIENT||19000101|U'` read as cells.)
            if !v.is_empty() && field_role(v).is_none() && !crate::scan::placeholder(v) {
                let off = text[vs..ve].find(v).unwrap_or(0);
                x.push(vs + off, vs + off + v.len(), role, Some(format!("table:{label}")), true);
                // (A record number has digits: a medical policy's `| Policy number | SUR.86 |` is no member's.)
                if role.marks_patient_record() && (!role.is_health_system_id() || v.bytes().filter(u8::is_ascii_digit).count() >= 4) {
                    x.patient_record = true;
                }
            }
            c += 2;
        } else {
            c += 1;
        }
    }
}
