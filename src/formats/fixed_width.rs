//! Fixed-width reports: a header of labels separated by two or more spaces
//! ("MEMBER ID    LAST NAME    DOB") and rows aligned under it.
//!
//! Exports do not always keep to their columns: a value wider than its
//! column pushes the rest of the row to the right, sometimes leaving a
//! single space before the next value. So a row is not cut at the header's
//! positions: its words are grouped into cells by the cheapest alignment,
//! where a cell pays for starting away from its column, for splitting at a
//! single space, for being empty, and for not looking like its column's
//! values (learnt from the rows that do fit, or assumed from the role).
//! Positions are counted in characters, so non-ASCII names do not shift
//! the columns after them.

use super::{Extracted, trim_value};
use crate::labels::{field_role, Role};
use crate::text::Doc;

/// A header column: where it starts (in characters), its role, its label.
struct Column {
    at: usize,
    role: Option<Role>,
    name: String,
}

/// A word of a row: character columns, absolute byte span, spaces before
/// it, whether it holds a digit.
#[derive(Clone, Copy)]
struct Word {
    at: usize,
    end_at: usize,
    start: usize,
    end: usize,
    gap: usize,
    digit: bool,
}

/// What a column's values look like: whether their first word holds a
/// digit, whether any word does (`None`: either), how many words they have
/// at most, and whether that number varies (free text: names, addresses).
#[derive(Clone, Copy)]
struct Shape {
    first: Option<bool>,
    any: Option<bool>,
    words: usize,
    free: bool,
}

impl Shape {
    fn of(ws: &[Word]) -> Shape {
        Shape { first: Some(ws[0].digit), any: Some(ws.iter().any(|w| w.digit)), words: ws.len(), free: ws.len() > 1 }
    }

    /// The shape both values fit.
    fn join(self, o: Shape) -> Shape {
        let same = |a: Option<bool>, b: Option<bool>| a.filter(|_| a == b);
        Shape { first: same(self.first, o.first), any: same(self.any, o.any), words: self.words.max(o.words), free: self.free || o.free }
    }

    /// What it costs a value to have this shape or not.
    fn misfit(self, ws: &[Word]) -> f32 {
        let v = Shape::of(ws);
        let wrong = |a: Option<bool>, b: Option<bool>| a.is_some() && a != b;
        let digits = if wrong(self.first, v.first) || wrong(self.any, v.any) { WRONG_DIGITS } else { 0.0 };
        let per_word = if self.free { EXTRA_WORD / 4.0 } else { EXTRA_WORD };
        digits + per_word * ws.len().saturating_sub(self.words) as f32
    }
}

/// Rows longer than this are cut by column position only (the alignment is quadratic).
const MAX_WORDS: usize = 64;

pub(crate) fn extract(doc: &Doc, x: &mut Extracted) {
    let mut l = 0;
    while l < doc.line_starts.len() {
        // A header has two spaces in a row: go to the next line that does.
        let Some(two) = super::find_bytes(doc.bytes, b"  ", doc.line_starts[l] as usize, false) else { break };
        l = l.max(doc.line_of(two));
        // (A header with its rule of dashes below, as sqlite's and psql's aligned output print it.)
        let ruled = doc.line_starts.len() > l + 1 && {
            let next = doc.line_text(l + 1);
            next.contains("--") && rule(next)
        };
        let Some(cols) = header(doc.line_text(l), ruled).filter(|_| !super::has_slot(doc.line_text(l))) else {
            l += 1;
            continue;
        };
        let first = l + 1;
        l = first;
        while l < doc.line_starts.len() && !doc.line_text(l).trim().is_empty() {
            l += 1;
        }
        let mut rows: Vec<Vec<Word>> = (first..l).filter(|&r| !rule(doc.line_text(r)) && !super::has_slot(doc.line_text(r)) && !note(doc.line_text(r))).map(|r| words(doc, r)).collect();
        // A data frame printed by pandas: each row starts with its index, under no column.
        let index = |row: &Vec<Word>| row.first().is_some_and(|w| w.end_at <= cols[0].at && doc.text[w.start..w.end].bytes().all(|b| b.is_ascii_digit()));
        if cols[0].at > 0 && rows.iter().filter(|row| row.len() > 1).all(index) {
            rows.iter_mut().filter(|row| row.len() > 1).for_each(|row| {
                row.remove(0);
            });
        }
        let shapes = shapes(&cols, &rows);
        let mut patient = false;
        for row in &rows {
            for (c, (s, e)) in align(&cols, &shapes, row).into_iter().enumerate() {
                let (Some(role), true) = (cols[c].role, s < e) else { continue };
                let (vs, ve) = trim_value(doc.text, row[s].start, row[e - 1].end);
                x.push(vs, ve, role, Some(format!("table:{}", cols[c].name)), true);
                patient |= super::table::patient_column(Some(role));
            }
        }
        x.patient_record |= patient;
    }
}

/// A note between the rows ("DOB submitted: 12/18/2001"): a label's colon
/// ends a word, which a report's values do not.
fn note(line: &str) -> bool {
    line.split_ascii_whitespace().any(|w| w.len() > 1 && w.ends_with(':'))
}

/// A separator line of dashes or equals signs.
fn rule(line: &str) -> bool {
    line.trim().chars().all(|c| matches!(c, '-' | '=' | ' '))
}

/// The columns of a fixed-width header: cells separated by two or more
/// spaces, at least three of them labels (or, over a rule, one of them a
/// patient's column: `room    patient    diet`). `extract` calls it only on
/// lines with two spaces in a row.
fn header(line: &str, ruled: bool) -> Option<Vec<Column>> {
    if line.contains('\t') || line.contains('|') {
        return None;
    }
    // Cells first (char column, byte span); roles only for a line with three of them.
    let mut cells: Vec<(usize, usize, usize)> = Vec::new();
    let mut cell: Option<(usize, usize)> = None; // (char column, byte start)
    let mut spaces = 0;
    let push = |cell: Option<(usize, usize)>, end: usize, cells: &mut Vec<(usize, usize, usize)>| {
        if let Some((at, s)) = cell {
            cells.push((at, s, end));
        }
    };
    for (at, (k, ch)) in line.char_indices().enumerate() {
        if ch == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 || cell.is_none() {
            push(cell.take(), k - spaces, &mut cells);
            cell = Some((at, k));
        }
        spaces = 0;
    }
    push(cell, line.len() - spaces, &mut cells);
    // (An X12 viewer's element line, `PER01  Contact Function Code  IP  (Insured Party)`, is data:
    // its first cell names a segment's element.)
    let first = cells.first().map_or(&b""[..], |c| &line.as_bytes()[c.1..c.2]);
    if cells.len() < 3 || (4..=5).contains(&first.len()) && first[0].is_ascii_uppercase() && first[first.len() - 2..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let name = |s: usize, end: usize| line[s..end].trim();
    // Roles cell by cell, giving up as soon as three can no longer be reached.
    let mut roles: Vec<Option<Role>> = Vec::with_capacity(cells.len());
    let mut known = 0;
    for (k, &(_, s, end)) in cells.iter().enumerate() {
        if !ruled && known + (cells.len() - k) < 3 {
            return None;
        }
        let role = Some(name(s, end)).filter(|n| !n.bytes().any(|b| b.is_ascii_digit())).and_then(field_role);
        known += usize::from(role.is_some());
        roles.push(role);
    }
    if known < 3 && !(ruled && roles.iter().any(|&r| super::table::patient_column(r))) {
        return None;
    }
    Some(cells.iter().zip(roles).map(|(&(at, s, end), role)| Column { at, role, name: name(s, end).to_string() }).collect())
}

/// The words of line `l`.
fn words(doc: &Doc, l: usize) -> Vec<Word> {
    let base = doc.line_starts[l] as usize;
    let line = doc.line_text(l);
    let mut out: Vec<Word> = Vec::new();
    let mut gap = 0;
    for (at, (k, ch)) in line.char_indices().enumerate() {
        if ch == ' ' {
            gap += 1;
            continue;
        }
        let digit = ch.is_ascii_digit();
        match out.last_mut() {
            Some(w) if gap == 0 => {
                w.end_at = at + 1;
                w.end = base + k + ch.len_utf8();
                w.digit |= digit;
            }
            _ => out.push(Word { at, end_at: at + 1, start: base + k, end: base + k + ch.len_utf8(), gap, digit }),
        }
        gap = 0;
    }
    out
}

/// Cells split at runs of two or more spaces: word ranges.
fn cells(row: &[Word]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, w) in row.iter().enumerate() {
        match out.last_mut() {
            Some(c) if w.gap < 2 => c.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

/// Whether a row keeps to the header: one cell per column, each starting
/// within its column, or, when the whole row drifted, past the column before
/// its own and short of the one after next.
fn fits(cols: &[Column], row: &[Word]) -> Option<Vec<(usize, usize)>> {
    let cs = cells(row);
    let near = |c: usize, at: usize| c.checked_sub(1).is_none_or(|p| at > cols[p].at) && cols.get(c + 2).is_none_or(|n| at < n.at);
    let ok = cs.len() == cols.len() && cs.iter().enumerate().all(|(c, &(s, _))| near(c, row[s].at));
    ok.then_some(cs)
}

/// Each column's shape, learnt from the rows that fit the header, or
/// assumed from its role when none does.
fn shapes(cols: &[Column], rows: &[Vec<Word>]) -> Vec<Shape> {
    let mut learnt: Vec<Option<Shape>> = vec![None; cols.len()];
    for row in rows {
        let Some(cs) = fits(cols, row) else { continue };
        for (c, &(s, e)) in cs.iter().enumerate() {
            let shape = Shape::of(&row[s..e]);
            learnt[c] = Some(learnt[c].map_or(shape, |p| p.join(shape)));
        }
    }
    cols.iter()
        .zip(learnt)
        .map(|(col, l)| {
            let role = assumed(col.role);
            // A few rows do not show every length a role's values take ("(605) 292-4087").
            l.map_or(role, |l| Shape { words: l.words.max(role.words), free: l.free || role.free, ..l })
        })
        .collect()
}

/// The shape a role's values usually have.
fn assumed(role: Option<Role>) -> Shape {
    let shape = |first, any, words| Shape { first, any, words, free: free_text(role) };
    match role {
        // "03/14/1962", "Mar 14, 1962"
        Some(Role::Dob | Role::PersonDate) => shape(None, Some(true), 3),
        Some(Role::Phone) => shape(Some(true), Some(true), 3),
        Some(Role::Zip | Role::Ssn | Role::Mrn | Role::MemberId | Role::Mbi | Role::Account | Role::OtherId | Role::License | Role::Device | Role::Biometric | Role::Npi) => {
            shape(Some(true), Some(true), 1)
        }
        Some(Role::PatientName | Role::Name | Role::RelativeName | Role::Staff | Role::City) => shape(Some(false), Some(false), 4),
        _ => shape(None, None, 1),
    }
}

/// Columns of free text, whose values vary in length.
fn free_text(role: Option<Role>) -> bool {
    matches!(role, Some(Role::PatientName | Role::Name | Role::RelativeName | Role::Staff | Role::City | Role::Address | Role::Note))
}

/// Costs of the alignment (see the module doc).
const EMPTY: f32 = 1.0;
const SINGLE_SPACE: f32 = 0.5;
const WIDE_GAP_INSIDE: f32 = 4.0;
const WRONG_DIGITS: f32 = 3.0;
const EXTRA_WORD: f32 = 1.0;
const LEFT_OF_COLUMN: f32 = 2.0;
const PAST_NEXT_COLUMN: f32 = 1.5;

/// The words of each column (half-open ranges into `row`), by the cheapest
/// alignment of the row's words to the columns in order.
fn align(cols: &[Column], shapes: &[Shape], row: &[Word]) -> Vec<(usize, usize)> {
    let (n, w) = (cols.len(), row.len());
    if let Some(cs) = fits(cols, row) {
        return cs;
    }
    if w > MAX_WORDS {
        return by_position(cols, row);
    }
    // best[j][i]: cost of columns 0..j holding words 0..i; from[j][i]: where column j-1 started.
    let mut best = vec![vec![f32::INFINITY; w + 1]; n + 1];
    let mut from = vec![vec![0usize; w + 1]; n + 1];
    best[0][0] = 0.0;
    for j in 0..n {
        for i in 0..=w {
            if best[j][i].is_infinite() {
                continue;
            }
            // The last column takes whatever is left; another holds at most 16 words (a row
            // of many words is not aligned in every way).
            let ks = if j + 1 == n { w..=w } else { i..=w.min(i + 16) };
            for k in ks {
                let c = best[j][i] + cost(cols, shapes, row, j, i, k);
                if c < best[j + 1][k] {
                    best[j + 1][k] = c;
                    from[j + 1][k] = i;
                }
            }
        }
    }
    let mut out = vec![(0, 0); n];
    let mut k = w;
    for j in (0..n).rev() {
        let i = from[j + 1][k];
        out[j] = (i, k);
        k = i;
    }
    out
}

/// What it costs column `j` to hold words `i..k`.
fn cost(cols: &[Column], shapes: &[Shape], row: &[Word], j: usize, i: usize, k: usize) -> f32 {
    if i == k {
        return EMPTY;
    }
    let (col, shape, first) = (&cols[j], shapes[j], row[i]);
    let mut c = 0.0;
    if i > 0 && first.gap < 2 {
        c += SINGLE_SPACE;
    }
    c += WIDE_GAP_INSIDE * row[i + 1..k].iter().filter(|w| w.gap >= 2).count() as f32;
    c += shape.misfit(&row[i..k]);
    if first.at + 1 < col.at {
        c += LEFT_OF_COLUMN;
    }
    // In the next column's place, though the value before did not push it there.
    let pushed = i > 0 && row[i - 1].end_at + 1 >= col.at;
    if cols.get(j + 1).is_some_and(|next| first.at >= next.at) && !pushed {
        c += PAST_NEXT_COLUMN;
    }
    c
}

/// Words by the column their first character falls in.
fn by_position(cols: &[Column], row: &[Word]) -> Vec<(usize, usize)> {
    let mut out = vec![(0, 0); cols.len()];
    let mut i = 0;
    for (c, o) in out.iter_mut().enumerate() {
        let end = cols.get(c + 1).map_or(usize::MAX, |n| n.at);
        let s = i;
        while i < row.len() && row[i].at < end {
            i += 1;
        }
        *o = (s, i);
    }
    out
}
