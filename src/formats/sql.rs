//! SQL seed data: `INSERT INTO patients (first_name, dob, ...) VALUES
//! ('Maria', '1962-03-14', ...), (...);`, `INSERT ... SELECT`,
//! `UPDATE ... SET col = 'v'` and `WHERE col = 'v'`.
//! Values get the role of their column; the source is `sql:<column>`.
//! Inserts without a column list use the columns of an earlier
//! `CREATE TABLE` for the same table, when there is one.

use super::{find_bytes, Extracted, Finder};
use crate::labels::{field_role, Role};
use crate::text::Doc;
use crate::dictionaries::FxMap;

fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    super::find_bytes(hay.as_bytes(), needle.as_bytes(), from, true)
}

/// Where the table name of the next insert starts: after `INSERT INTO`,
/// `INSERT ALL ... INTO` (Oracle, one per row), or SQL Server's `INSERT [t]`.
fn next_insert(text: &str, into: &mut Finder, bracket: &mut Finder, from: usize) -> Option<usize> {
    let into = into.at(from).filter(|&p| p > 0 && text.as_bytes()[p - 1].is_ascii_whitespace());
    match (into, bracket.at(from)) {
        (Some(a), Some(b)) if b < a => Some(b + 7),
        (Some(a), _) => Some(a + 5),
        (None, Some(b)) => Some(b + 7),
        (None, None) => None,
    }
}

fn ident(s: &str) -> &str {
    s.trim().trim_matches(|c| matches!(c, '"' | '`' | '[' | ']'))
}

/// Splits a parenthesised list starting after `(` at `i` into top-level
/// items (absolute spans); returns them and the index after `)`.
fn items(b: &[u8], mut i: usize) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = i;
    while i < b.len() {
        match b[i] {
            b'\'' => {
                i += 1;
                // (A quote doubled, `'O''Brien'`, or after a backslash, MySQL's `'O\'Brien'`.)
                while i < b.len() && !(b[i] == b'\'' && b.get(i + 1) != Some(&b'\'')) {
                    i += if matches!(b[i], b'\'' | b'\\') { 2 } else { 1 };
                }
            }
            b'(' => depth += 1,
            b')' if depth == 0 => {
                out.push((start, i));
                return (out, i + 1);
            }
            b')' => depth -= 1,
            b',' if depth == 0 => {
                out.push((start, i));
                start = i + 1;
                // A row whose `)` was lost (`…,'96720',(2,'MR485862',…`): the next row starts here.
                let next = skip_ws(b, i + 1);
                if out.len() >= 2 && b.get(next) == Some(&b'(') && b.get(next + 1).is_some_and(|&c| c == b'\'' || c.is_ascii_digit()) {
                    return (out, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (out, i)
}

/// The parenthesised tuples from `k` on, `(...), (...)`: each one's items, and
/// where the list ends (after the white space that follows it).
fn tuples(b: &[u8], mut k: usize) -> (Vec<Vec<(usize, usize)>>, usize) {
    let mut rows = Vec::new();
    loop {
        k = skip_ws(b, k);
        if k >= b.len() || b[k] != b'(' {
            break;
        }
        let (vals, next) = items(b, k + 1);
        rows.push(vals);
        k = skip_ws(b, next);
        if k < b.len() && b[k] == b',' {
            k += 1;
            continue;
        }
        break;
    }
    (rows, k)
}

/// Past white space, and a diff's or a quote's marker at a line start (`+  (2, ...)`), after
/// a rendered diff's line numbers (`        3 +    (1000, ...`, `\t3\t+  (1000, ...`).
fn skip_ws(b: &[u8], mut k: usize) -> usize {
    let mut line_start = k == 0 || b.get(k - 1) == Some(&b'\n');
    while k < b.len() {
        let c = b[k];
        if c.is_ascii_digit() && line_start {
            let n = b[k..].iter().take_while(|d| d.is_ascii_digit()).count();
            if !matches!(b.get(k + n), Some(b' ' | b'\t')) {
                break;
            }
            k += n;
            continue;
        }
        if !(c.is_ascii_whitespace() || line_start && matches!(c, b'+' | b'>')) {
            break;
        }
        line_start |= c == b'\n';
        k += 1;
    }
    k
}

/// The literal inside an item: `'text'` -> text, `DATE '1962-03-14'`,
/// `TO_DATE('03/14/1962', ...)` -> the first string, numbers as they are.
fn literal(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let v = &text[s..e];
    if let Some(q) = v.find('\'') {
        // (Past a quote doubled, `'O''Brien'`, or after a backslash, MySQL's `'O\'Brien'`.)
        let (r, mut close) = (&v.as_bytes()[q + 1..], 0);
        loop {
            match *r.get(close)? {
                b'\\' => close += 2,
                b'\'' if r.get(close + 1) == Some(&b'\'') => close += 2,
                b'\'' => break,
                _ => close += 1,
            }
        }
        return Some((s + q + 1, s + q + 1 + close));
    }
    let t = v.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("null") || !t.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let off = v.find(t)?;
    Some((s + off, s + off + t.len()))
}

/// `claim_id` given as a bare integer (`VALUES (65711, 'CLM554387561046', ...)`): the
/// database's own key for a claim or a visit, not its number on paper (a record number,
/// a member id or an SSN keeps its role whatever its type).
fn surrogate_key(column: &str, role: Role, value: &str) -> bool {
    let v = value.trim();
    matches!(role, Role::Account | Role::OtherId)
        && column.len() > 2
        && column.as_bytes()[column.len() - 2..].eq_ignore_ascii_case(b"id")
        && !v.is_empty()
        && v.bytes().all(|c| c.is_ascii_digit())
}

/// Whether a (lower-case) table name holds people a health system serves.
fn people_table(table: &str) -> bool {
    ["patient", "member", "person", "subscriber", "beneficiar", "enrollee", "guarantor", "insured", "next_of_kin", "emergency_contact"].iter().any(|w| table.contains(w))
}

/// A table of a patient's care events (`encounter`, `visit`, `claim`): a row
/// that names a person is that patient's.
fn event_table(table: &str) -> bool {
    ["encounter", "visit", "admission", "admit", "claim", "appointment", "episode", "inpatient", "referral"].iter().any(|w| table.contains(w))
}

/// `2024-10-23`, `2024-10-23 17:01:00`, `2024-10-23T17:01`.
pub(super) fn date_literal(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&k| b[k].is_ascii_digit()) && (b.len() == 10 || matches!(b[10], b' ' | b'T') && b.len() <= 26)
}

/// The roles of a patient's row by the shapes of its values (`lits`, the
/// literals' spans): `'San Jose','CA','95118-4498'` is a city, a state and a
/// ZIP; `'Lot 31'` after a street is the address's second line, and a text
/// starting with a number a street; a quoted code with digits is the
/// patient's `id` (the first one), a ten-digit number a phone, a later
/// nine-digit one an SSN, `'Wang, Dehua'` a name. Anything else is free text.
fn row_roles(text: &str, lits: &[(usize, usize)], id: Role) -> Vec<Role> {
    let v = |i: usize| &text[lits[i].0..lits[i].1];
    let quoted = |i: usize| text.as_bytes()[lits[i].0.saturating_sub(1)] == b'\'';
    let mut roles = vec![Role::Note; lits.len()];
    let mut id_seen = false;
    for i in 0..lits.len() {
        let w = v(i);
        let digits = w.bytes().filter(u8::is_ascii_digit).count();
        let code = quoted(i) && w.len() >= 6 && digits >= 4 && w.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && w.as_bytes().get(4) != Some(&b'-');
        roles[i] = if crate::recognizers::address::STATES.contains(&w) {
            if i > 0 && v(i - 1).chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-')) {
                roles[i - 1] = Role::City;
            }
            Role::State
        } else if i > 0 && roles[i - 1] == Role::State && digits >= 5 && w.len() <= 10 {
            Role::Zip
        } else if code && digits == 10 && w.len() == 10 {
            Role::Phone
        } else if code && id_seen && digits == 9 && w.len() == 9 {
            Role::Ssn
        } else if code && !id_seen {
            id_seen = true;
            id
        } else if code && id == Role::Account {
            // An encounter's row: its number, then the patient's record number.
            Role::Mrn
        } else if quoted(i) && date_literal(w) {
            // (In a person's row, a later date with its time is the row's own stamp,
            // `'ACTIVE','2026-11-07 10:46:04'`; an encounter's are its admission and discharge.)
            if id != Role::Account && w.len() > 10 && roles[..i].contains(&Role::PersonDate) {
                Role::Note
            } else {
                Role::PersonDate
            }
        } else if digits > 0 && w.len() <= 12 && i > 0 && v(i - 1).starts_with(|c: char| c.is_ascii_digit()) && crate::text::prefix_ci(w.as_bytes(), &["apt", "unit", "suite", "ste", "lot", "fl", "#", "bldg", "rm"]).is_some_and(|p| w.len() > p.len())
            || w.starts_with(|c: char| c.is_ascii_digit()) && w.contains(' ') && w.len() <= 60 && w.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
        {
            Role::Address
        } else if w.split_once(", ").is_some_and(|(a, b)| [a, b].iter().all(|p| p.starts_with(char::is_uppercase) && !p.contains(|c: char| c.is_numeric() || c == ','))) {
            Role::PatientName
        } else {
            Role::Note
        };
    }
    // The capitalised words quoted right before the first date are the person's names
    // (`'Andrés Felipe','Zapata','1986-06-29'`), a sex between them aside.
    if let Some(dob) = roles.iter().position(|&r| r == Role::PersonDate) {
        let mut named = 0;
        for j in (0..dob).rev() {
            let w = v(j);
            if crate::text::one_of_ci(w.as_bytes(), &["m", "f", "u", "male", "female", "unknown"]) {
                continue;
            }
            if named == 3 || roles[j] != Role::Note || !quoted(j) || !name_shaped(w) {
                break;
            }
            roles[j] = Role::PatientName;
            named += 1;
        }
    }
    roles
}

/// One to three capitalised words of letters (`Zapata`, `Kerry-Ann`, `O'Neil`, `Luíza`).
fn name_shaped(w: &str) -> bool {
    let b = w.as_bytes();
    (2..=40).contains(&b.len())
        && b.iter().filter(|&&c| c == b' ').count() <= 2
        && w.split(' ').all(|p| p.starts_with(char::is_uppercase))
        && b.iter().all(|&c| c >= 0x80 || c.is_ascii_alphabetic() || matches!(c, b' ' | b'-' | b'\'' | b'.'))
}

/// The keywords that end some token of the document (a keyword before a space
/// ends a token), so that a document without them is not searched for them.
#[derive(Default, Clone, Copy)]
pub(crate) struct Keywords {
    insert: bool,
    update: bool,
    r#where: bool,
    copy: bool,
    merge: bool,
}

impl Keywords {
    /// Notes the keyword token `w` ends with, if any.
    pub(crate) fn note(&mut self, w: &[u8]) {
        let ends = |k: &[u8]| w.len() >= k.len() && w[w.len() - k.len()..].eq_ignore_ascii_case(k);
        // Most tokens end in none of the keywords' last letters.
        match w[w.len() - 1] | 0x20 {
            b't' => self.insert |= ends(b"insert"),
            b'e' => {
                self.update |= ends(b"update");
                self.r#where |= ends(b"where");
            }
            b'y' => self.copy |= w.ends_with(b"COPY"),
            b'g' => self.merge |= ends(b"using"),
            _ => {}
        }
    }
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted, k: Keywords) {
    let text = doc.text;
    let b = text.as_bytes();
    let Keywords { insert, update, r#where, copy, merge } = k;
    if merge {
        values_alias(text, x);
    }
    if !(insert && find_ci(text, "insert ", 0).is_some() || update && find_ci(text, "update ", 0).is_some()) {
        if r#where {
            where_literals(text, x);
            bind_parameters(text, x);
        }
        if copy {
            copy_rows(text, x);
        }
        return;
    }
    // Table name to its columns (an index: one map type with the other string-keyed maps).
    let (mut tables, mut columns): (FxMap<String, usize>, Vec<Vec<String>>) = (FxMap::default(), Vec::new());
    let mut at = 0;
    while let Some(p) = find_ci(text, "create table", at) {
        let after = p + 12;
        let Some(open) = text[after..].find('(').map(|o| o + after) else { break };
        let name = ident(text[after..open].trim().trim_start_matches("IF NOT EXISTS").trim_start_matches("if not exists")).to_ascii_lowercase();
        let (cols, next) = items(b, open + 1);
        // (In a diff, each column's line starts with its `+`.)
        let names = cols.iter().filter_map(|&(s, e)| text[s..e].split_whitespace().find(|&w| w != "+").map(|w| ident(w.trim_start_matches('+')).to_string())).collect();
        tables.insert(name, columns.len());
        columns.push(names);
        at = next;
    }
    at = 0;
    // (Each searched for again only once the loop has passed where it was found.)
    let finder = |needle: &'static [u8]| Finder::new(b, needle, true);
    let (mut into, mut bracket, mut values, mut select) = (finder(b"into "), finder(b"insert ["), finder(b"values"), finder(b"select "));
    while let Some(p) = next_insert(text, &mut into, &mut bracket, at) {
        let after = p;
        let Some(vpos) = values.at(after) else {
            at = insert_select(text, x, after, &mut select).unwrap_or(after);
            if at == after {
                break;
            }
            continue;
        };
        // INSERT INTO t (cols) SELECT ...: the select list, not a later VALUES.
        if let Some(s) = select.at(after).filter(|&s| s < vpos) {
            at = insert_select(text, x, after, &mut select).unwrap_or(s + 7);
            continue;
        }
        let head = &text[after..vpos];
        // (Not prose's "into": "wants to merge … into develop", then a dump's `(x86_64)` and its VALUES.)
        if head[..head.find('(').unwrap_or(head.len())].split_whitespace().nth(3).is_some() {
            at = after;
            continue;
        }
        let (table, cols): (String, Vec<String>) = match head.find('(') {
            Some(o) => {
                let (c, _) = items(b, after + o + 1);
                (ident(&head[..o]).to_ascii_lowercase(), c.iter().map(|&(s, e)| ident(&text[s..e]).to_string()).collect())
            }
            None => {
                let t = ident(head).to_ascii_lowercase();
                let c = tables.get(&t).map(|&k| columns[k].clone()).unwrap_or_default();
                (t, c)
            }
        };
        let roles: Vec<Option<Role>> = cols.iter().map(|c| field_role(c)).collect();
        let patient_table = people_table(&table);
        let event = !patient_table && event_table(&table);
        let (rows, k) = tuples(b, vpos + 6);
        // (A statement with bind parameters, `VALUES (?, ?, ?, ?)` in an exception, holds no one's record.)
        let values = || rows.iter().flatten().any(|&(s, e)| literal(text, s, e).is_some());
        if (roles.iter().any(|&r| super::table::patient_column(r)) || patient_table && (cols.is_empty() || roles.iter().any(|r| matches!(r, Some(Role::Name))))) && values() {
            x.patient_record = true;
        }
        for vals in rows {
            // A row of a patient table with no known columns (a dump without its CREATE
            // TABLE): its values are data, not code; their shapes tell what they are.
            if (patient_table || event) && cols.is_empty() {
                let id = if table.contains("patient") { Role::Mrn } else if event { Role::Account } else { Role::MemberId };
                let lits: Vec<_> = vals.iter().filter_map(|&(s, e)| literal(text, s, e)).collect();
                let roles = row_roles(text, &lits, id);
                // (An event's row is a patient's when it names one.)
                if !patient_table && !roles.contains(&Role::PatientName) {
                    continue;
                }
                x.patient_record = true;
                for (&(ls, le), role) in lits.iter().zip(roles) {
                    x.push(ls, le, role, Some(format!("sql:{table}")), true);
                }
            }
            // A test patient's row (`'T0000002', 'ZZTEST', 'O''QUOTE', '1900-01-02'`) holds test values throughout.
            let test_row = vals.iter().enumerate().any(|(c, &(s, e))| matches!(roles.get(c), Some(Some(Role::Name | Role::PatientName))) && literal(text, s, e).is_some_and(|(ls, le)| crate::scan::test_patient(&text[ls..le])));
            if let (true, Some(first), Some(last)) = (test_row, vals.first(), vals.last()) {
                x.push(first.0, last.1, Role::Tech, Some(super::TEST_PATIENT.into()), true);
                continue;
            }
            for (c, &(s, e)) in vals.iter().enumerate() {
                let Some(Some(role)) = roles.get(c).copied() else { continue };
                // (Or a care event's: `visit_schedule (first_name, last_name, street, ...)`.)
                let role = if role == Role::Name && (patient_table || event) { Role::PatientName } else { role };
                if surrogate_key(&cols[c], role, &text[s..e]) {
                    continue;
                }
                if let Some((ls, le)) = literal(text, s, e) {
                    x.push(ls, le, role, Some(format!("sql:{}", cols[c])), true);
                }
            }
        }
        at = k.max(after);
    }
    update_sets(text, x);
    where_literals(text, x);
    copy_rows(text, x);
    literals_as(text, x);
}

/// `STRUCT('918726988C' AS member_id, DATE '1969-11-27' AS dob)`, `SELECT 'x' AS mrn`,
/// Oracle's `SELECT 'MR826840' mrn, 'YILDIZ, AYŞE' pat_name FROM dual`: a literal takes the
/// role of the name it is given.
fn literals_as(text: &str, x: &mut Extracted) {
    let mut at = 0;
    while let Some(p) = find_bytes(text.as_bytes(), b"' ", at, false) {
        at = p + 2;
        let Some(open) = text[..p].rfind('\'').filter(|&o| !text[o + 1..p].contains(['\n', '\''])) else { continue };
        let after_as = text[p + 2..].get(..3).is_some_and(|a| a.eq_ignore_ascii_case("as "));
        let name = &text[p + 2 + 3 * usize::from(after_as)..];
        let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(name.len());
        // (Without `AS`, the name ends the item: not "'PR' patient record" in a spec's cell.)
        let ends = after_as || matches!(name.as_bytes().get(end), None | Some(b',' | b')' | b'\n')) || name[end..].trim_start().get(..5).is_some_and(|w| w.eq_ignore_ascii_case("from "));
        let name = ident(&name[..end]);
        if let Some(role) = field_role(name).filter(|r| ends && r.is_personal()) {
            x.push(open + 1, p, role, Some(format!("sql:{name}")), true);
        }
    }
}

/// `MERGE dbo.Member AS tgt USING (VALUES ('MBR-4262683-03', N'Dąbrowski', ...), (...))
/// AS src ([Mbr#], LastName, ...)`: rows whose column list comes after them.
fn values_alias(text: &str, x: &mut Extracted) {
    let b = text.as_bytes();
    let mut at = 0;
    while let Some(p) = find_ci(text, "using (values", at) {
        let (rows, k) = tuples(b, p + 13);
        at = k.max(p + 13);
        // ") AS src (col, ...)"
        let k = skip_ws(b, k + usize::from(b.get(k) == Some(&b')')));
        // (A text cut after its rows ends before any alias.)
        let Some(open) = text.get(k..).and_then(|r| r.find('(')).map(|o| o + k).filter(|&o| text[k..o].trim_start().get(..3).is_some_and(|a| a.eq_ignore_ascii_case("as ")) && o - k < 40) else { continue };
        let (cols, _) = items(b, open + 1);
        let names: Vec<&str> = cols.iter().map(|&(s, e)| ident(&text[s..e])).collect();
        let roles: Vec<Option<Role>> = names.iter().map(|c| field_role(c)).collect();
        if roles.iter().any(|r| r.is_some_and(Role::marks_patient_record)) {
            x.patient_record = true;
        }
        for vals in &rows {
            for (c, &(s, e)) in vals.iter().enumerate() {
                if let (Some(Some(role)), Some((ls, le))) = (roles.get(c), literal(text, s, e)) {
                    x.push(ls, le, *role, Some(format!("sql:{}", names[c])), true);
                }
            }
        }
    }
}

/// PostgreSQL dumps: `COPY public.patients (id, mrn, ...) FROM stdin;`
/// followed by tab-separated rows (or CSV ones, `WITH (FORMAT csv)`) up to a
/// line `\.`.
fn copy_rows(text: &str, x: &mut Extracted) {
    let mut at = 0;
    let (mut copy, mut newline) = (Finder::new(text.as_bytes(), b"COPY ", false), Finder::new(text.as_bytes(), b"\n", false));
    while let Some(p) = copy.at(at) {
        at = p + 5;
        let Some(line_end) = newline.at(p) else { break };
        // (Up to the next COPY on the line: a line of many is not read whole at each.)
        let head = &text[p..copy.at(at).map_or(line_end, |n| n.min(line_end))];
        let (Some(o), Some(c)) = (head.find('('), head.find(')')) else { continue };
        if !head[c..].to_ascii_lowercase().contains("from stdin") || c < o {
            continue;
        }
        let table = ident(&head[5..o]).to_ascii_lowercase();
        let cols: Vec<&str> = head[o + 1..c].split(',').map(ident).collect();
        let patient_table = people_table(&table);
        let roles: Vec<Option<Role>> =
            cols.iter().map(|c| field_role(c).map(|r| if r == Role::Name && patient_table { Role::PatientName } else { r })).collect();
        let csv = head[c..].to_ascii_lowercase().contains("csv");
        let mut row = line_end + 1;
        let mut cells = Vec::new();
        while row < text.len() {
            let end = text[row..].find('\n').map_or(text.len(), |e| row + e);
            let line = &text[row..end];
            if line.starts_with("\\.") || line.trim().is_empty() {
                break;
            }
            if csv {
                super::table::csv_cells(text, row, end, &mut cells);
            } else {
                cells.clear();
                let mut k = row;
                for cell in line.split('\t') {
                    cells.push((k, k + cell.len()));
                    k += cell.len() + 1;
                }
            }
            for (i, &(s, e)) in cells.iter().enumerate() {
                let (s, e) = super::trim_value(text, s, e);
                if let Some(Some(role)) = roles.get(i) {
                    if e > s && &text[s..e] != "\\N" {
                        x.push(s, e, *role, Some(format!("sql:{}", cols[i])), true);
                    }
                }
            }
            if roles.iter().any(|r| matches!(r, Some(Role::Dob | Role::Mrn | Role::MemberId | Role::Ssn | Role::PatientName))) {
                x.patient_record = true;
            }
            row = end + 1;
        }
        at = row.max(at);
    }
}

/// `INSERT INTO t (a, b) SELECT id, 'v' FROM ...`: the select list's
/// literals take the roles of the columns; returns where the statement ends.
fn insert_select(text: &str, x: &mut Extracted, after: usize, select: &mut Finder) -> Option<usize> {
    let b = text.as_bytes();
    let open = after + text[after..].find('(')?;
    let sel = select.at(after)?;
    if open > sel {
        return None;
    }
    let (cols, close) = items(b, open + 1);
    if sel < close || !text[close..sel].trim().is_empty() {
        return None;
    }
    let end = text[sel..].find(';').map_or(text.len(), |e| sel + e);
    let list_end = find_bytes(&b[..end], b" from ", sel, true).unwrap_or(end);
    let mut k = sel + 7;
    for &(cs, ce) in &cols {
        if k >= list_end {
            break;
        }
        let item_end = top_level_comma(b, k, list_end);
        let name = ident(&text[cs..ce]);
        if let (Some(role), Some((ls, le))) = (field_role(name), literal(text, k, item_end)) {
            x.push(ls, le, role, Some(format!("sql:{name}")), true);
        }
        k = item_end + 1;
    }
    Some(end)
}

/// The first comma at depth 0 and outside quotes in `from..to`, or `to`.
fn top_level_comma(b: &[u8], from: usize, to: usize) -> usize {
    let (mut depth, mut quoted) = (0i32, false);
    for (k, &c) in b.iter().enumerate().take(to).skip(from) {
        match c {
            b'\'' => quoted = !quoted,
            b'(' if !quoted => depth += 1,
            b')' if !quoted => depth -= 1,
            b',' if !quoted && depth == 0 => return k,
            _ => {}
        }
    }
    to
}

/// The column name that ends right before `at` (white space allowed): `PAT_MRN_ID` of `PAT_MRN_ID = '...'`.
fn name_before(text: &str, at: usize) -> &str {
    let t = text[..at].trim_end();
    &t[t.bytes().rposition(|c| !(c.is_ascii_alphanumeric() || c == b'_')).map_or(0, |p| p + 1)..]
}

/// PostgreSQL's log of a statement and its bind parameters: `… WHERE lower(m.last_name) =
/// lower($1) AND m.birth_dt = $2`, then on the next line `DETAIL:  parameters: $1 = 'O''Connell',
/// $2 = '2002-10-29'`: each value takes the role of the column compared with its `$n`.
fn bind_parameters(text: &str, x: &mut Extracted) {
    let b = text.as_bytes();
    let line_start = |k: usize| b[..k].iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
    let mut at = 0;
    while let Some(p) = find_bytes(b, b"parameters: $", at, false) {
        let ls = line_start(p);
        let st = &b[..ls];
        // The statement's `column = $n` comparisons (back over `lower(`, `=` and `)` from each
        // `$n`), in one pass: a batch insert has thousands of `$n`, none compared.
        let mut compared = Vec::new();
        for q in (line_start(ls.saturating_sub(1))..ls).filter(|&q| st[q] == b'$') {
            let back = |j: usize| j - st[..j].iter().rev().take_while(|&&c| c == b' ' || c == b'(').count();
            let j = back(q);
            let j = back(j - usize::from(st[..j].ends_with(b"lower") || st[..j].ends_with(b"upper")) * 5);
            if st[..j].ends_with(b"=") {
                let name = name_before(text, j - 1 - st[..j - 1].iter().rev().take_while(|&&c| c == b' ' || c == b')').count());
                if let Some(role) = field_role(name) {
                    compared.push((param_number(st, q + 1), role, name));
                }
            }
        }
        let le = p + b[p..].iter().position(|&c| c == b'\n').unwrap_or(b.len() - p);
        at = le;
        let mut k = p + 12;
        while let Some(d) = b[k..le].iter().position(|&c| c == b'$').map(|d| k + d).filter(|_| !compared.is_empty()) {
            k = d + 1 + b[d + 1..le].iter().take_while(|c| c.is_ascii_digit()).count();
            let item_end = find_bytes(&b[..le], b", $", k, false).unwrap_or(le);
            if let (Some(&(_, role, name)), Some((vs, ve))) = (compared.iter().find(|c| c.0 == param_number(b, d + 1)), b[k..].starts_with(b" = ").then(|| literal(text, k + 3, item_end)).flatten()) {
                x.push(vs, ve, role, Some(format!("sql:{name}")), true);
            }
        }
    }
}

/// The number of a `$n` whose digits start at `k` (six at most).
fn param_number(b: &[u8], k: usize) -> usize {
    b[k..].iter().take_while(|c| c.is_ascii_digit()).take(6).fold(0, |n, &c| n * 10 + usize::from(c - b'0'))
}

/// `WHERE contact_name = 'Sarah Rodriguez' AND mrn = '00172970'`: a quoted
/// literal compared with a column takes the column's role.
fn where_literals(text: &str, x: &mut Extracted) {
    let mut at = 0;
    while let Some(p) = find_ci(text, " where ", at) {
        let end = text[p..].find(';').map_or(text.len(), |e| p + e);
        let mut k = p + 7;
        let mut named = false;
        while let Some(eq) = text[k..end].find('=').map(|e| k + e) {
            let name = name_before(text, eq);
            let value = text[eq + 1..end].trim_start();
            if value.starts_with('\'') {
                if let (Some(role), Some((vs, ve))) = (field_role(name), literal(text, eq + 1, end)) {
                    x.push(vs, ve, role, Some(format!("sql:{name}")), true);
                    named |= role == Role::Name;
                }
            } else if let Some(role) = field_role(name).filter(|r| matches!(r, Role::Mrn | Role::Account | Role::MemberId | Role::Ssn)) {
                // `WHERE PAT_ENC_CSN_ID = 3131192580`: a number by its column.
                let vs = end - value.len();
                let digits = value.bytes().take_while(u8::is_ascii_digit).count();
                if digits >= 6 && !value.as_bytes().get(digits).is_some_and(u8::is_ascii_alphanumeric) {
                    x.push(vs, vs + digits, role, Some(format!("sql:{name}")), true);
                }
            }
            k = eq + 1;
        }
        // `FROM billing.encounter WHERE last_name = 'OSPINA'`: a name looked up in a table of
        // patients or their visits is a patient's.
        // (The nearest FROM within 128 bytes before the WHERE: not read back over a long text at each.)
        let nearest = || (p.saturating_sub(128)..p.saturating_sub(5)).rev().find(|&k| text.as_bytes()[k..k + 6].eq_ignore_ascii_case(b" from "));
        if let Some(f) = nearest().filter(|_| named) {
            let table = text[f + 6..p].split_whitespace().next().unwrap_or("");
            let mut buf = [0u8; 48];
            let table = crate::text::lower_into(table, &mut buf);
            x.patient_record |= people_table(&table) || event_table(&table);
        }
        // `PAT_MRN_ID IN ('E9393568', '2179217')`: each literal of the list.
        let mut k = p + 7;
        // (Within the statement: a text of many WHEREs is not read to its end at each.)
        while let Some(list) = find_bytes(&text.as_bytes()[..end], b" in (", k, true) {
            let name = name_before(text, list);
            let (values, after) = items(text.as_bytes(), list + 5);
            if let Some(role) = field_role(name) {
                // (Quoted values only, within the statement.)
                for (s, e) in values.into_iter().filter(|&(s, e)| e <= end && text[s..e].contains('\'')) {
                    if let Some((vs, ve)) = literal(text, s, e) {
                        x.push(vs, ve, role, Some(format!("sql:{name}")), true);
                    }
                }
            }
            k = after.min(end);
        }
        at = end.max(p + 7);
    }
}

/// `UPDATE t SET col = 'value', col2 = 'v2' WHERE ...`.
fn update_sets(text: &str, x: &mut Extracted) {
    let mut at = 0;
    // (Searched for again only once passed: a script without semicolons is not read to its end at each.)
    let (mut semicolon, mut where_) = (Finder::new(text.as_bytes(), b";", false), Finder::new(text.as_bytes(), b" where ", true));
    while let Some(p) = find_ci(text, "update ", at) {
        at = p + 7;
        // (Searched for only where they count: a text of many `update`s is not read to its end at each.)
        let Some(set) = find_bytes(&text.as_bytes()[..text.len().min(at + 84)], b" set ", at, true) else { continue };
        let end = semicolon.at(set).unwrap_or(text.len());
        let body_end = where_.at(set).filter(|&w| w < end).unwrap_or(end);
        // `update dbo.PatientPhone set Number = '…'`: a column named for no role takes the table's.
        let table = ident(crate::text::after_last(&text[at..set], b'.'));
        let mut k = set + 5;
        for part in text[set + 5..body_end].split(',') {
            let ps = k;
            k += part.len() + 1;
            let Some(eq) = part.find('=') else { continue };
            let column = ident(&part[..eq]);
            let generic = || crate::text::one_of_ci(column.as_bytes(), &["number", "num", "nbr", "value", "val"]);
            let Some(role) = field_role(column).or_else(|| generic().then(|| field_role(table)).flatten().filter(|r| r.is_personal())) else { continue };
            if let Some((ls, le)) = literal(text, ps + eq + 1, ps + part.len()) {
                x.push(ls, le, role, Some(format!("sql:{column}")), true);
                // (A personal value set in a patient's table is that patient's.)
                if role.is_personal() && !crate::scan::placeholder(&text[ls..le]) {
                    let mut buf = [0u8; 48];
                    x.patient_record |= people_table(&crate::text::lower_into(table, &mut buf));
                }
            }
        }
        at = body_end;
    }
}
