//! Labels in prose and key: value lines: `DOB: 03/14/1962`,
//! `MRN 00412345`, `Member ID # XJH123456789`, `Patient: Maria Gonzalez`,
//! `From: Maria Gonzalez <...>` in email headers.

use super::{trim_value, Extracted};
use crate::labels::{label_start, phrase_role, Role};
use crate::dictionaries::flag;
use crate::text::{has, has_ci, Class, Doc, TWO_SPACES};

/// Appends `word` lower-cased (as `str::to_lowercase`; in place when ASCII).
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let at = out.len();
        out.push_str(word);
        out[at..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Roles a bare label word (no colon) can give to the chunk after it.
fn weak_ok(role: Role) -> bool {
    matches!(
        role,
        Role::Dob | Role::PersonDate | Role::Ssn | Role::Mrn | Role::MemberId | Role::Mbi | Role::Account | Role::OtherId | Role::License | Role::Vehicle | Role::Device | Role::Phone | Role::Email | Role::Zip | Role::Npi | Role::Tech | Role::Dial | Role::Ip | Role::Diagnosis | Role::Procedure | Role::DrugCode
    )
}

/// "Pt expired 13 Feb 2024", "Ruiz expired on …", "her husband expired …" are a death; but
/// "the old intermediate expired 13 Feb 2024" is a certificate's end: a lower-case thing
/// before the word.
#[inline(never)]
fn thing_expired(doc: &Doc, i: usize) -> bool {
    doc.s(i) == "expired" && i > 0 && doc.gap_before(i) == " " && !doc.toks[i - 1].is(crate::text::CAP) && !crate::recognizers::is_relation(doc.s(i - 1))
}

/// Roles whose value is a compact code right after the label.
fn takes_chunk(role: Role) -> bool {
    matches!(role, Role::Ssn | Role::Mrn | Role::MemberId | Role::Mbi | Role::Account | Role::OtherId | Role::License | Role::Vehicle | Role::Device | Role::Npi | Role::Tech | Role::Dial | Role::Zip | Role::Diagnosis | Role::Procedure | Role::DrugCode)
}

/// A capital of a dotted abbreviation (`D.O.B.`), or a letter of a slashed one (`s/n`), which
/// has no dictionary flags (words of one letter are not looked up); not
/// `c.a.ehr.PatientService`, a class's name.
#[inline(never)]
fn dotted(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    let sep = doc.bytes.get(t.end as usize);
    (sep == Some(&b'/') || doc.bytes[t.start as usize].is_ascii_uppercase() && sep == Some(&b'.')) && doc.toks.get(i + 1).is_some_and(|n| n.len() == 1 && n.start == t.end + 1)
}

/// "on file: ...", "at pharmacy: ...": a few lower-case words after a label, from a
/// preposition of place to the colon; the rest from the colon.
fn aside(t: &str) -> Option<&str> {
    // (Most labels are followed by their separator: the first byte decides cheaply.)
    // (Not "of" or "for": "Date of surgery:", "Time of death:" name other fields.)
    if !matches!(t.as_bytes().first(), Some(b'o' | b'a' | b'f' | b'i' | b'p')) || !["on ", "at ", "from ", "in ", "per ", "of record:"].iter().any(|p| t.starts_with(p)) {
        return None;
    }
    let colon = t.bytes().take(28).position(|b| b == b':')?;
    t[..colon].bytes().all(|b| b.is_ascii_lowercase() || b == b' ').then(|| &t[colon..])
}

/// Separator after a label: `:`, `#`, `=`, `#:`, ` - `, `No.:`. Returns its length.
fn strong_sep(rest: &str) -> Option<usize> {
    // A bold label's cell in a wiki row of labels and values (`| *Created* | Apr 8, 2026 |`, Jira's
    // details copied as a table): the bar after it is the separator.
    if let Some(cell) = rest.strip_prefix("* |") {
        return Some(rest.len() - cell.len());
    }
    let mut trimmed = rest.trim_start_matches([' ', '\t']);
    // "DOB on file: 05/09/2002", "Rx number on the bottle:", "Rx # at pharmacy:": where the value is kept.
    if let Some(t) = aside(trimmed).or_else(|| trimmed.strip_prefix('#').and_then(|t| aside(t.trim_start_matches(' ')))) {
        trimmed = t;
    }
    // "MRN (if known): E5770691", "Phone (optional): ...": a remark before the separator.
    if let Some(close) = trimmed.strip_prefix('(').and_then(|r| r.bytes().take(32).position(|b| b == b')')) {
        let (remark, after) = (&trimmed[1..1 + close], trimmed[close + 2..].trim_start_matches(' '));
        if !remark.is_empty() && remark.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') && matches!(after.bytes().next(), Some(b':' | b'#' | b'=')) {
            trimmed = after;
        }
    }
    let lead = rest.len() - trimmed.len();
    // Dot leaders in forms and reports: "Date of birth......... 1975-06-13".
    let dots = trimmed.bytes().take_while(|&b| b == b'.').count();
    if dots >= 3 {
        let after = &trimmed[dots..];
        let colon = usize::from(after.starts_with(':'));
        return Some(lead + dots + colon);
    }
    let sep_len = ["#:", ":", "：", "】", "#", "=", "-", "–", "|"].iter().find(|s| trimmed.starts_with(**s)).map(|s| s.len())?;
    if trimmed.starts_with('-') && lead == 0 && !trimmed[1..].starts_with(' ') {
        return None; // "member-id" is a word, not a separator ("DOB- 1956-05-09" has one)
    }
    if trimmed.starts_with(':') && trimmed[1..].starts_with("//") {
        return None; // URL scheme
    }
    if trimmed.starts_with("|") {
        return None; // tables are handled by the table extractor
    }
    Some(lead + sep_len)
}

/// "Patient-ID           M445823238 (PBH)": a label starting its line and its value after a
/// run of spaces or a tab, alone on the rest of the line (a rendered document's or a tool's
/// aligned pairs; not a column header, `MRN        DOB`, whose next cell is a label).
/// Returns the gap's length.
fn aligned(before: &str, rest: &str) -> Option<usize> {
    if !(rest.starts_with("  ") || rest.starts_with('\t')) || !before.trim().is_empty() {
        return None;
    }
    let value = rest.trim_start_matches([' ', '\t']);
    let first = value.split([' ', ',', ';', ':']).next().unwrap_or("");
    (!value.is_empty() && !value.contains("  ") && !value.contains('\t') && crate::labels::field_role(first).is_none()).then_some(rest.len() - value.len())
}

pub(crate) fn extract(doc: &Doc, x: &mut Extracted) {
    if x.probes & super::probe::NAME != 0 {
        name_value_pairs(doc, x);
    }
    if x.probes & super::probe::SLASH != 0 {
        compound_labels(doc, x);
    }
    let toks = &doc.toks;
    let mut i = 0;
    // Reused across labels: the phrase so far and where each prefix of it ends.
    let mut phrase = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    // Whether a line is short enough to be a form's label alone (see below), per line:
    // on a text of one long line, read once rather than at every label.
    let mut form_line = (u32::MAX, false);
    // Whether a line speaks of records, for `merge_talk`: also once per line.
    let mut record_line = (u32::MAX, false);
    while i < toks.len() {
        let t = &toks[i];
        if t.class != Class::Word || !(doc.has(i, flag::LABEL_START | flag::MERGE) || t.len() == 1 && dotted(doc, i)) {
            i += 1;
            continue;
        }
        if doc.has(i, flag::MERGE) {
            merge_talk(doc, x, i, &mut record_line);
            if !doc.has(i, flag::LABEL_START) {
                i += 1;
                continue;
            }
        }
        // Neither a label alone nor followed by a word that continues one ("ehr" in
        // `c.a.ehr.PatientService`): no phrase to look up. (A number or a letter may
        // continue one: `pid 18`, `driver's license`.)
        let next_continues = toks.get(i + 1).is_some_and(|n| n.line == t.line && (n.class != Class::Word || n.len() < 2 || doc.has(i + 1, flag::LABEL_REST)));
        if !next_continues && !doc.has(i, flag::LABEL) {
            i += 1;
            continue;
        }
        // "PID-11: street^^city^ST^ZIP": a field quoted with its components.
        if t.len() == 3 && doc.s(i) == "PID" && super::hl7v2::quoted_field(doc, x, i) {
            i += 2;
            continue;
        }
        phrase.clear();
        push_lower(&mut phrase, doc.s(i));
        let (max, one_word) = label_start(&phrase);
        let member_label = matches!(&*phrase, "member" | "subscriber" | "beneficiary" | "enrollee");
        if max == 0 {
            i += 1;
            continue;
        }
        // Longest phrase first: "medical record number" before "medical record".
        let mut matched = None;
        ends.clear();
        ends.push((i, phrase.len()));
        for (j, tok) in toks.iter().enumerate().take(i + max).skip(i + 1) {
            let gap = doc.gap_before(j);
            if tok.line != t.line || !matches!(gap, " " | "_" | "-" | "." | ". " | "'" | "’" | "/") {
                break;
            }
            phrase.push(' ');
            push_lower(&mut phrase, doc.s(j));
            ends.push((j, phrase.len()));
        }
        // "Rx #: 6667701": the sign is the word "number" (a sign ends the phrase: after its last word).
        let &(last_j, last_len) = ends.last().unwrap_or(&(i, 0));
        let after = doc.bytes.get(toks[last_j].end as usize..).unwrap_or_default();
        if after.first() == Some(&b'#') || after.starts_with(b" #") {
            matched = phrase_role(&format!("{} number", &phrase[..last_len])).map(|role| (last_j, role));
        }
        for &(j, len) in ends.iter().rev().filter(|_| matched.is_none()) {
            let p = &phrase[..len];
            let role = if j == i {
                one_word
            } else if has(p, " s") {
                phrase_role(&p.replace(" s ", "s ").replace("driver s", "drivers").replace("mother s", "mothers"))
            } else {
                phrase_role(p)
            };
            if let Some(role) = role {
                matched = Some((j, role));
                break;
            }
        }
        let Some((mut last, role)) = matched else {
            i += 1;
            continue;
        };
        // "Department account VR-IA-7395", "establishment license FE-115": the owner's word before the label.
        let role = if i > 0 && toks[i - 1].line == t.line && doc.gap_before(i) == " " { crate::labels::organisation_field(doc.s(i - 1), &phrase, role) } else { role };
        // "ME case number: ME-2026-68238": the word "number" after an identifier's label is part of it.
        // "Visit date/time: 10/28/2026 12:40 PM", `admit_time: …`: so is "time" after a date's.
        let end = toks[last].end as usize;
        let word_next = matches!(doc.bytes.get(end), Some(b' ' | b'/' | b'_')) && matches!(doc.bytes.get(end + 1).map(u8::to_ascii_lowercase), Some(b'n' | b't'));
        let joined = toks.get(last + 1).filter(|n| word_next && n.start as usize == end + 1 && n.class == Class::Word).map_or("", |_| doc.s(last + 1));
        let is = |w: &str| joined.eq_ignore_ascii_case(w);
        let absorbed = (is("number") || is("nbr") || is("num")) && (takes_chunk(role) || role == Role::OtherId) || is("time") && matches!(role, Role::Dob | Role::PersonDate);
        if absorbed {
            last += 1;
        }
        // "Progress Note — Hospital Day 4 / <patient> / Date: 6/5/24": under a clinical
        // note's title, the note's date is the patient's date of service.
        let role = if role == Role::Tech && last == i && phrase == "date" && under_note_title(doc, t.line as usize) { Role::PersonDate } else { role };
        // "Hospital no. YI69906749", "D.O.B. 02.10.1992": the abbreviation's dot belongs to the label.
        let abbreviated = last > i && doc.bytes.get(toks[last].end as usize) == Some(&b'.') && (toks[last].len() == 1 || doc.s(last).eq_ignore_ascii_case("no"));
        let mut label_end = toks[last].end as usize + usize::from(abbreviated);
        // A value is read within 512 bytes of its label: on a text of one long line (minified
        // JSON, a log) each label must not read all the rest of it.
        let line_end = t.start as usize + crate::text::head(&doc.text[t.start as usize..doc.line_end(t.line as usize)], 512).len();
        // "Address line 2 = Unit 66", "address_2: #30": a numbered label. But "Chair 1:",
        // "Bed 2:" name places, not the staff of a meeting.
        if let Some(n) = toks.get(last + 1).filter(|n| n.class == Class::Num && n.len() <= 2 && n.line == t.line && !abbreviated) {
            if matches!(doc.gap_before(last + 1), " " | "_") && strong_sep(&doc.text[n.end as usize..line_end]).is_some() {
                if role == Role::Staff {
                    i = last + 1;
                    continue;
                }
                label_end = n.end as usize;
            }
        }
        // "Mã hồ sơ (MRN): BKC-2587732": a label in parentheses after the words it stands for.
        if doc.byte_before(t.start as usize) == b'(' && doc.bytes.get(label_end) == Some(&b')') && doc.bytes.get(label_end + 1) == Some(&b':') {
            label_end += 1;
        }
        let rest = &doc.text[label_end..line_end];
        // Labels must start a line, a cell or a clause (not "the patient").
        let before = &doc.text[doc.line_starts[t.line as usize] as usize..t.start as usize];
        let at_boundary = before.trim().is_empty() || before.trim_end().ends_with([',', ';', '|', '(', '[', '{', '.', '*', '>', '-', '"', '\'', '\t', '【']) || before.ends_with("  ");
        // A form's label on a line of its own and its answer on the next (service desk
        // portals): "Patient full name\nHibo Cumar", "Account number on your statement\n129965724".
        // (Or with its colon, "Patient Name:\nSIDDIQUI, IMRAN", the answer perhaps after a blank line.)
        let whole_line = doc.line_text(t.line as usize);
        let whole_line = unsigned(whole_line);
        let words_after = unsigned(rest.trim_end());
        // (A remark in parentheses may follow: "Medical record number (if known)".)
        let lower_words = |t: &str| t.trim().bytes().all(|b| b.is_ascii_lowercase() || b == b' ');
        let without_remark = || words_after.strip_suffix(')').and_then(|r| r.rsplit_once(" (")).filter(|(_, r)| lower_words(r)).map_or(words_after, |(words, _)| words);
        let mut short_line = || {
            if form_line.0 != t.line {
                form_line = (t.line, whole_line.split_whitespace().nth(6).is_none() && !whole_line.contains([':', '=', '#', '|', '?', '.', ',', '*']));
            }
            form_line.1
        };
        // (Its words after the label go on naming the field, "full name", "on your statement";
        // "Test patient refresh" above "Hao Wang" is an agenda's item and its owner.)
        let names_field = |r: &str| r.trim().is_empty() || r.split_whitespace().any(|w| crate::text::one_of_ci(w.as_bytes(), &["name", "number", "id", "date", "birth", "phone", "on", "in", "at", "as", "of"]));
        if role.is_personal() && short_line() && before.trim().split(' ').all(|w| w.len() < 12) && lower_words(without_remark()) && names_field(without_remark())
        {
            if let Some((s, e)) = answer_on_next_line(doc, t.line as usize) {
                x.push(s, e, role, None, true);
            }
            i = last + 1;
            continue;
        }
        // "Member # 967471919D": a member's id, not their name.
        let role = if role == Role::PatientName && member_label && rest.trim_start_matches([' ', '#', ':', '.', '*']).trim_start_matches("is ").bytes().take_while(|b| !b.is_ascii_whitespace()).any(|b| b.is_ascii_digit()) { Role::MemberId } else { role };
        // Log pairs: "lookup failed for MRN=2390114 facility=SHMC" (not a URL's query, which the URL covers).
        // (The last word within 512 bytes: a line without spaces is not read back to its start at every label.)
        let in_url = crate::text::tail(before, 512).rsplit([' ', '\t', '(', '<', '"']).next().is_some_and(|w| has(w, "://") || w.contains('?'));
        let pair = rest.starts_with('=') && !rest.starts_with("==") && !in_url;
        // PostgreSQL's `DETAIL:  Key (mrn)=(00688483) already exists.`: the column, then its value.
        if rest.starts_with(")=(") {
            let vs = label_end + 3;
            if let Some(k) = doc.text[vs..line_end].find(')') {
                let (s, e) = trim_value(doc.text, vs, vs + k);
                if e > s {
                    x.push(s, e, role, None, true);
                }
            }
            i = last + 1;
            continue;
        }
        if let Some(sep) = strong_sep(rest).or_else(|| aligned(before, rest)) {
            // "His member # is H56254019 with Highmark."
            let vstart = label_end + sep;
            // (A bold label's closing marks, `**Patient:** Malee Wongthai`: not the value's.)
            let vstart = vstart + if before.ends_with(['*', '_']) { doc.text[vstart..line_end].bytes().take_while(|&b| b == b'*' || b == b'_').count() } else { 0 };
            let vstart = vstart + doc.text[vstart..line_end].find(|c: char| c != ' ').filter(|&k| doc.text[vstart + k..line_end].starts_with("is ")).map_or(0, |k| k + 3);
            // A pair's value ends where the next ` key=` starts: no need to look further.
            let vend = value_end(doc, last, vstart, if pair { pair_end(doc.text, vstart, line_end) } else { line_end });
            let (s, mut e) = trim_value(doc.text, vstart, vend);
            let mut second = None;
            if takes_chunk(role) {
                // "Claim # L0237 for member Stevenson, Justin (...)", "MRN: 00412345, lives
                // with ...": the id is the code, not the sentence.
                let chunk = chunk_end(doc, s, e);
                let rest = doc.text[chunk..e].trim_start();
                let clause = rest.strip_prefix([',', ';']).is_some_and(|r| r.starts_with(' ') && r.trim_start().starts_with(char::is_lowercase));
                // "(Chart # E2852844), 79 y/o — ...": punctuation ends the code too.
                if chunk > s && (clause || rest.chars().next().is_some_and(|c| c.is_alphabetic() || matches!(c, '(' | ')' | ']' | ',' | ';' | '—' | '–' | '|'))) {
                    e = chunk;
                }
                // "Med Rec No.: 81534492 / 4793649800": the record's second number after a slash.
                if let Some(r) = rest.strip_prefix("/ ").filter(|_| chunk > s) {
                    let s2 = e - r.trim_start().len();
                    let e2 = chunk_end(doc, s2, e);
                    if e2 > s2 && doc.text[e2..e].trim().is_empty() {
                        (e, second) = (chunk, Some((s2, e2)));
                    }
                }
            }
            // "Requester: Giorgos Oikonomou <g.o@verizon.net>": staff write from work addresses.
            let role = if role == Role::Staff && crate::recognizers::email::personal_address(&doc.text[s..e]) { Role::Name } else { role };
            let role = if role == Role::Account && dated(&doc.text[s..e]) { Role::PersonDate } else { role };
            // "Patient: 김영일 MR# E718356036": an identifier's label with a code after it
            // needs no boundary.
            let id_code = matches!(role, Role::Mrn | Role::MemberId | Role::Mbi | Role::Ssn) && doc.text[s..e].bytes().any(|b| b.is_ascii_digit()) && !doc.text[s..e].contains(' ');
            // (A keyword argument's call, `child_dob=date(2024, 1, 1)`, is code: its recognizer judges it.)
            let value = &doc.text.as_bytes()[s..e];
            let word = value.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.')).count();
            let call = pair && word > 0 && value[0].is_ascii_alphabetic() && value.get(word) == Some(&b'(');
            if (at_boundary || pair || id_code || rest.trim_start().starts_with(':') || rest.starts_with("...")) && !call {
                x.push(s, e, role, None, true);
                if role == Role::PatientName {
                    id_after_name(doc, x, e, line_end);
                }
                if let Some((s2, e2)) = second {
                    x.push(s2, e2, Role::Account, None, true);
                }
                // (A heading is the label alone: not "Message from requester:" before a message.)
                if s == e && matches!(role, Role::Staff | Role::Dial) && (i == 0 || toks[i - 1].line != t.line) {
                    list_under_heading(doc, t.line as usize + 1, role, x);
                }
            }
            i = last + 1;
            continue;
        }
        // "claim for member XJH123456": a member's id, not their name (chunk_end wants digits).
        // "Patient 50853250 already registered": a record number after the word, not a name.
        let record = || {
            let after = &doc.bytes[label_end + 1..line_end];
            let code = &after[..after.iter().take_while(|b| b.is_ascii_alphanumeric()).count()];
            // (Not a date: "the patient 20240315 cohort".)
            (6..=14).contains(&code.len()) && code.iter().filter(|b| b.is_ascii_digit()).count() >= 5 && code.iter().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) && !super::hl7v2::hl7_timestamp(code)
        };
        let role = if role == Role::PatientName && member_label { Role::MemberId } else if role == Role::PatientName && last == i && doc.s(i).eq_ignore_ascii_case("patient") && rest.starts_with(' ') && record() { Role::Mrn } else { role };
        if rest.trim_end().ends_with('?') && !rest.contains('=') {
            // "What is the member ID on your card?" answered on the next line.
            answer_below(doc, t.line as usize, role, x);
        }
        if weak_ok(role) && rest.starts_with(' ') && !(role == Role::PersonDate && thing_expired(doc, i)) {
            // "my insurance ID is XJH123", "MRN number 00412345"
            let mut vstart = label_end + 1;
            // In any order: "member # is H56254019", "MRN number 00412345", "DOB on file 05/13/1990".
            while let Some(filler) = ["is ", "was ", "es ", "é ", "number ", "no. ", "(no. ", "# ", "of ", "value ", "on file ", "as "].iter().find(|f| doc.text[vstart..line_end].starts_with(**f)) {
                vstart += filler.len();
            }
            // "no match for PID-3 '7595735'": a code in quotes.
            if matches!(role, Role::Mrn | Role::MemberId | Role::Mbi | Role::Ssn | Role::Account) && matches!(doc.bytes.get(vstart), Some(b'\'' | b'"')) {
                vstart += 1;
            }
            // "driver's license (P19738414)", "MRN (00412345)": a code alone in parentheses.
            if role != Role::Phone && doc.bytes.get(vstart) == Some(&b'(') {
                let inner = &doc.bytes[vstart + 1..line_end];
                let close = inner.iter().position(|&b| b == b')' || b == b' ').filter(|&k| inner[k] == b')');
                if close.is_some_and(|k| inner[..k].iter().any(u8::is_ascii_digit)) {
                    vstart += 1;
                }
            }
            // "The account number on the statement is HAR21376935": a short clause, then the code.
            let tail = &doc.text[vstart..line_end];
            if let Some(k) = tail.get(..tail.len().min(40)).and_then(|r| r.find(" is ")).filter(|&k| takes_chunk(role) && tail[..k].bytes().all(|b| b.is_ascii_lowercase() || b == b' ')) {
                vstart += k + 4;
            }
            // A value starts with a digit or a capital ("DOB 3/14/62", "phone (617)..."); "the
            // mapping for birthDate and telecom" goes on with the sentence instead.
            // (Nor is a comparison's bound one: "WHERE service_date >= DATE '2024-01-01'".)
            if !takes_chunk(role) && role != Role::Email && doc.text[vstart..line_end].starts_with(|c: char| c.is_lowercase() || matches!(c, '<' | '>' | '!')) {
                i = last + 1;
                continue;
            }
            let vend = if takes_chunk(role) { chunk_end(doc, vstart, line_end) } else { value_end(doc, last, vstart, line_end).min(vstart + crate::text::head(&doc.text[vstart..line_end], 40).len()) };
            // (An SSN read out in groups: "the full SSN 377 66 9271".)
            let grouped = |g: &[u8]| g.len() >= 11 && g[3] == b' ' && g[6] == b' ' && [0, 1, 2, 4, 5, 7, 8, 9, 10].iter().all(|&k| g[k].is_ascii_digit()) && !g.get(11).is_some_and(u8::is_ascii_alphanumeric);
            let vend = if role == Role::Ssn && grouped(&doc.bytes[vstart..line_end]) { vstart + 11 } else { vend };
            let (vstart, vend) = trim_value(doc.text, vstart, vend);
            if vend > vstart {
                let role = if role == Role::Account && dated(&doc.text[vstart..vend]) { Role::PersonDate } else { role };
                x.push(vstart, vend, role, None, false);
            }
        }
        i = last + 1;
    }
}

/// A form's answer below its label's line `line` (after one blank line at most): its
/// span, unless it is long or reads as nested pairs (`address:` over `+  line: …`) or as
/// another label.
#[inline(never)]
fn answer_on_next_line(doc: &Doc, line: usize) -> Option<(usize, usize)> {
    let blank = doc.line_starts.get(line + 2).is_some() && doc.line_text(line + 1).trim().is_empty();
    let below = line + 1 + usize::from(blank);
    let next = *doc.line_starts.get(below)? as usize;
    let text = doc.line_text(below);
    let (s, e) = trim_value(doc.text, next, next + text.len());
    // (Nor the next column's name of a table copied one cell per line: `Name` over `MRN`.)
    (e > s && e - s <= 60 && !has(text, ": ") && (text.bytes().any(|b| b.is_ascii_digit()) || doc.lex.get(doc.tok_at(s)).is_none_or(|&f| f & flag::LABEL == 0))).then_some((s, e))
}

/// A form's label line without its colon and a number sign closing it ("Patient Control #:").
fn unsigned(l: &str) -> &str {
    let l = l.strip_suffix(':').unwrap_or(l).trim_end();
    l.strip_suffix('#').unwrap_or(l).trim_end()
}

/// "Visit: 01/20/2026", "ED visit 03/26/2025": an account label's value that is
/// a visit's date, not its number.
fn dated(value: &str) -> bool {
    super::slash_date(value.split(' ').next().unwrap_or(""))
}

/// Titles of clinical notes (lower case), as the first line of a pasted note.
const NOTE_TITLES: &[&str] = &[
    "progress note", "discharge summary", "telephone encounter", "history and physical", "h&p", "consult note", "consultation note", "clinic note",
    "office visit", "nursing note", "operative note", "operative report", "procedure note", "triage note", "ed note", "ed provider note", "visit note",
    "admission note", "transfer note", "home health visit", "radiology report", "pathology report", "discharge instructions", "soap note",
];

/// Whether `title` is a clinical note's title ("Progress note", "H&P").
pub(crate) fn is_note_title(title: &str) -> bool {
    crate::text::one_of_ci(title.as_bytes(), NOTE_TITLES)
}

/// Whether one of the three lines above `line` is a clinical note's title.
#[inline(never)]
fn under_note_title(doc: &Doc, line: usize) -> bool {
    (line.saturating_sub(3)..line).any(|l| {
        let title = doc.line_text(l);
        title.len() <= 60 && NOTE_TITLES.iter().any(|t| has_ci(title, t))
    })
}

/// Record-merge talk names a patient's record numbers: "HIM merged 2724601 into
/// 1920075", "306-92-07 is the surviving record, M648414538 is retired", "EMPI says
/// MRN-54125595 is the surviving MRN", "surviving MRN: 01459441". `i` is the merge word;
/// `record_line` remembers the last line asked about and whether it speaks of records.
#[inline(never)]
fn merge_talk(doc: &Doc, x: &mut Extracted, i: usize, record_line: &mut (u32, bool)) {
    let line = doc.toks[i].line;
    let line_end = doc.line_end(line as usize);
    // Only where the line speaks of records: not "build 20241105 is retired".
    if record_line.0 != line {
        let text = doc.line_text(line as usize);
        *record_line = (line, ["mrn", "record", "chart", "patient", "mpi", "him "].iter().any(|w| has_ci(text, w)));
    }
    if !record_line.1 {
        return;
    }
    // Where the ids may start: after "merged" and after its "into"; before "is (the)
    // surviving"; after "surviving (MRN):".
    let mut at = [usize::MAX; 2];
    if doc.bytes[doc.toks[i].start as usize] | 0x20 == b'm' {
        // "merged A into B", "merge A with B", "merged A and B".
        at[0] = i + 1;
        let k = doc.tok_at(chunk_end(doc, doc.toks.get(i + 1).map_or(line_end, |t| t.start as usize), line_end));
        if doc.toks.get(k).is_some_and(|t| t.line == line && matches!(doc.s(k), "into" | "with" | "and" | "to")) {
            at[1] = k + 1;
        }
    } else {
        let before = &doc.text[doc.line_starts[line as usize] as usize..doc.toks[i].start as usize];
        if let Some(head) = before.strip_suffix(" is the ").or_else(|| before.strip_suffix(" is ")).or_else(|| before.strip_suffix(" was ")) {
            at[0] = doc.tok_at(doc.line_starts[line as usize] as usize + head.rfind(' ').map_or(0, |p| p + 1));
        }
        let mut k = i + 1;
        while k < i + 3 && doc.toks.get(k).is_some_and(|t| t.line == line && t.class == Class::Word) {
            k += 1;
        }
        if matches!(doc.gap_before(k.min(doc.toks.len() - 1)).trim(), "" | ":" | "#" | "=") {
            at[1] = k;
        }
    }
    for k in at {
        if let Some((s, e)) = record_number(doc, k, line, line_end) {
            x.push(s, e, Role::Mrn, None, true);
        }
    }
}

/// A record number at token `k` of `line`: six digits or more with hyphens, after at
/// most four capitals and a hyphen; not a commit ("9f8e7d6") or a version.
#[inline(never)]
fn record_number(doc: &Doc, k: usize, line: u32, line_end: usize) -> Option<(usize, usize)> {
    let t = doc.toks.get(k).filter(|t| t.line == line && doc.byte_before(t.start as usize) != b'-')?;
    let (s, e) = (t.start as usize, chunk_end(doc, t.start as usize, line_end));
    let v = &doc.bytes[s..e];
    let letters = v.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let digits = &v[letters + usize::from(v.get(letters) == Some(&b'-'))..];
    (letters <= 4 && digits.iter().filter(|b| b.is_ascii_digit()).count() >= 6 && digits.iter().all(|&b| b.is_ascii_digit() || b == b'-')).then_some((s, e))
}

/// Name/value pairs: Liquibase's `column: {name: mrn, value: "CVH-1603200"}`, JSON's
/// `{"name": "dob", "value": "1931-06-23"}`: the value takes the role of the name.
fn name_value_pairs(doc: &Doc, x: &mut Extracted) {
    for (l, n) in lines_with(doc, b"name") {
        let line = doc.line_text(l);
        // (Or XML attributes: Liquibase's `<column name="mrn" value="929432243"/>`.)
        if !(line[n + 4..].trim_start_matches('"').starts_with(':') || line[n + 4..].starts_with("=\"")) {
            continue;
        }
        let rest = line[n + 4..].trim_start_matches(['"', ':', ' ', '=']);
        let key_len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let Some(role) = crate::labels::field_role(&rest[..key_len]).filter(|r| r.is_personal()) else { continue };
        // `value`, `valueDate`, `valueString`..., then the quoted or bare value; on the next
        // line when the JSON is printed one key a line.
        let after = match rest[key_len..].find("value") {
            Some(v) => &rest[key_len + v + 5..],
            None if l + 1 < doc.line_starts.len() && rest[key_len..].trim_matches(['"', ',', ' ']).is_empty() => {
                let next = doc.line_text(l + 1);
                let Some(v) = next.trim_start().strip_prefix("\"value") else { continue };
                v
            }
            None => continue,
        };
        let Some(colon) = after.find([':', '=']).filter(|&c| after[..c].trim_matches('"').bytes().all(|b| b.is_ascii_alphabetic())) else { continue };
        let base = after.as_ptr() as usize - doc.text.as_ptr() as usize + colon + 1;
        let end = base + after[colon + 1..].find(['}', ',', '\n']).unwrap_or(after.len() - colon - 1);
        let (s, e) = trim_value(doc.text, base, end);
        if e > s {
            // (Named as a format's field: the pair's meaning outweighs the value key's, `valueDate`.)
            x.push(s, e, role, Some(format!("pair:{}", &rest[..key_len])), true);
        }
    }
}

/// `Name / Date of birth / Record no.: CASA, ANA / 11/30/1927 / 00385980`:
/// labels joined by " / " (or " | "), and as many values after the colon.
fn compound_labels(doc: &Doc, x: &mut Extracted) {
    for (l, _) in lines_with(doc, b" / ") {
        let line = doc.line_text(l);
        let Some(colon) = line.find(": ") else { continue };
        let (labels, values) = (&line[..colon], &line[colon + 2..]);
        let sep = if has(labels, " / ") { " / " } else { continue };
        let roles: Vec<Option<Role>> = labels.split(sep).map(|w| crate::labels::field_role(w.trim())).collect();
        if roles.len() < 2 || roles.iter().any(Option::is_none) {
            continue;
        }
        let base = doc.line_starts[l] as usize + colon + 2;
        if values.matches(sep).count() + 1 != roles.len() {
            continue;
        }
        for (part, role) in values.split(sep).zip(roles) {
            let off = part.as_ptr() as usize - values.as_ptr() as usize;
            let (s, e) = trim_value(doc.text, base + off, base + off + part.len());
            if let Some(role) = role {
                x.push(s, e, role, None, true);
                x.patient_record |= role.is_health_system_id() || matches!(role, Role::Dob);
            }
        }
    }
}

/// The lines holding `needle`, each with where it first occurs in the line:
/// one vectorised search of the text rather than a substring searcher per line.
fn lines_with<'a>(doc: &'a Doc, needle: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = crate::formats::find_bytes(doc.bytes, needle, from, false)?;
        let l = doc.line_of(at);
        from = doc.line_end(l);
        Some((l, at - doc.line_starts[l] as usize))
    })
}

/// A question that names a label, answered on one of the next two lines:
/// "[08:45] Visitor: 826091857C" or "A: 03/14/1962". The answer is the
/// whole text after the speaker's colon, when it is one short chunk with digits.
fn answer_below(doc: &Doc, line: usize, role: Role, x: &mut Extracted) {
    let name = matches!(role, Role::Name | Role::PatientName);
    if !(weak_ok(role) || name) || matches!(role, Role::Tech | Role::Dial | Role::Npi) {
        return;
    }
    for l in line + 1..doc.line_starts.len().min(line + 3) {
        let text = doc.line_text(l);
        let Some(colon) = text.rfind(": ") else { continue };
        // A speaker ("Visitor", "[08:45] Caller", "A"), not a log line's logger.
        let speaker = &text[..colon];
        if speaker.len() > 32 || has(speaker, " - ") || speaker.bytes().take(4).all(|b| b.is_ascii_digit()) {
            continue;
        }
        let value = text[colon + 2..].trim();
        // (Where the value starts in the document.)
        let start = doc.line_starts[l] as usize + colon + 2 + (text[colon + 2..].len() - text[colon + 2..].trim_start().len());
        // "Can I have your full name?" / "Visitor: Hannah Butler": two to four capitalised words.
        let words = value.split(' ').count();
        let name_answer = name && (2..=4).contains(&words) && value.split(' ').all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c)));
        // "…full name and date of birth?" / "visitor: mālie akana 5/14/1953": both, in any case.
        // (A chat's answer, not prose: lower case is how people type there.)
        let dated = |(who, born): &(&str, &str)| super::slash_date(born) && (2..=4).contains(&who.split(' ').count()) && who.chars().all(|c| c.is_alphabetic() || " -'.".contains(c));
        if let Some((who, _)) = value.rsplit_once(' ').filter(|p| name && !name_answer && dated(p)) {
            x.push(start, start + who.len(), Role::PatientName, Some("chat:name".into()), true);
            x.push(start + who.len() + 1, start + value.len(), Role::Dob, None, true);
            return;
        }
        if name && !name_answer {
            continue;
        }
        if name_answer
            || !value.is_empty() && value.len() <= 24 && value.bytes().any(|b| b.is_ascii_digit()) && !value.contains(' ') || value.len() <= 20 && role == Role::Dob && value.bytes().any(|b| b.is_ascii_digit()) {
            x.push(start, start + value.len(), role, None, true);
            return;
        }
    }
}

/// "Attendees:" or "Contributors:" on a line of its own: the lines below,
/// up to a blank line or the next heading, are staff too.
fn list_under_heading(doc: &Doc, first: usize, role: Role, x: &mut Extracted) {
    for line in first..doc.line_starts.len().min(first + 60) {
        let text = doc.line_text(line);
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.ends_with(':') {
            break;
        }
        let start = doc.line_starts[line] as usize;
        x.push(start, start + text.len(), role, None, true);
    }
}

/// End of a `Label: value`: the line end, or where the next `Label:` on the
/// same line starts, or a cell/column break (`|`, tab, two spaces, `;`).
/// `label` is the label's last token; the value's tokens come after it.
fn value_end(doc: &Doc, label: usize, from: usize, line_end: usize) -> usize {
    // (Gaps are short: a plain look at their bytes, no searcher.)
    // (And a middle dot between items: "Patient: Wiremu Tāwhiri · DOB 07/09/2019 · MRN M313356".)
    let breaks = |gap: &str| gap.bytes().any(|c| matches!(c, b'|' | b'\t' | b';' | b'\r' | b'\n')) || has(gap, "  ") || has(gap, "·");
    // The first token at or after `from` (as `Doc::tok_at`), a step or two
    // past the label rather than a search of the whole document.
    let mut j = label + 1;
    while j < doc.toks.len() && doc.toks[j].end as usize <= from {
        j += 1;
    }
    let first = j;
    while j < doc.toks.len() && (doc.toks[j].start as usize) < line_end {
        let gap_start = if j == first { from } else { doc.toks[j - 1].end as usize };
        let gap = &doc.text[gap_start.min(doc.toks[j].start as usize)..doc.toks[j].start as usize];
        if j > first && breaks(gap) {
            return gap_start + gap.find(['|', '\t', ';', '\r', '\n']).or_else(|| TWO_SPACES.find(gap)).or_else(|| gap.find('·')).unwrap_or(0);
        }
        if j > first && doc.has(j, crate::dictionaries::flag::LABEL_START) && next_is_label_colon(doc, j, line_end) {
            return gap_start;
        }
        j += 1;
    }
    let tail_end = if j > first { doc.toks[j - 1].end as usize } else { from };
    let tail = &doc.text[tail_end.min(line_end)..line_end];
    tail_end.min(line_end) + tail.find(['|', '\t', ';', '\r', '\n']).unwrap_or(tail.len())
}

/// End of the value of a `key=value` pair: where the next ` key=` starts.
fn pair_end(text: &str, from: usize, line_end: usize) -> usize {
    let b = text.as_bytes();
    let mut k = from;
    while k < line_end {
        if matches!(b[k], b' ' | b'&' | b',') {
            let key = k + 1 + b[k + 1..line_end].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-')).count();
            if key > k + 1 && b.get(key) == Some(&b'=') {
                return k;
            }
        }
        k += 1;
    }
    line_end
}

fn next_is_label_colon(doc: &Doc, j: usize, line_end: usize) -> bool {
    // Up to four words then ':' or '#'.
    for k in j..(j + 4).min(doc.toks.len()) {
        if doc.toks[k].start as usize >= line_end {
            return false;
        }
        let end = doc.toks[k].end as usize;
        let rest = doc.window(end, line_end.min(end + 3));
        if rest.starts_with(':') || rest.starts_with('#') || rest.starts_with(" :") {
            let mut phrase = String::new();
            for m in j..=k {
                if m > j {
                    phrase.push(' ');
                }
                phrase.push_str(&doc.s(m).to_lowercase());
            }
            return phrase_role(&phrase).is_some();
        }
    }
    false
}

/// End of a compact code after a bare label: letters, digits, `- . /`
/// and the `(01)` identifiers of a UDI.
/// "Member: FOX, JOY   ID: BCH59863841": an id right after a patient's name (ending at
/// `from`) is theirs.
#[inline(never)]
fn id_after_name(doc: &Doc, x: &mut Extracted, from: usize, line_end: usize) {
    let after = &doc.text[from..line_end];
    let Some(v) = after.trim_start_matches(' ').strip_prefix("ID").filter(|_| after.starts_with(' ')) else { return };
    let code = v.trim_start_matches([' ', '#', ':']);
    let s = line_end - code.len();
    let e = chunk_end(doc, s, line_end);
    if code.len() < v.len() && doc.bytes[s..e].iter().filter(|b| b.is_ascii_digit()).count() >= 4 {
        x.push(s, e, Role::MemberId, None, true);
    }
}

fn chunk_end(doc: &Doc, from: usize, line_end: usize) -> usize {
    let b = doc.bytes;
    let mut k = super::code_end(b, from, line_end);
    // "BDX 2946 610759": capital letters, then groups of digits.
    if k >= from + 2 && b[from..k].iter().all(u8::is_ascii_uppercase) {
        while k + 1 < line_end && b[k] == b' ' && b[k + 1].is_ascii_digit() {
            let e = super::code_end(b, k + 1, line_end);
            if !b[k + 1..e].iter().all(u8::is_ascii_digit) {
                break;
            }
            k = e;
        }
    }
    if k == from || !b[from..k].iter().any(u8::is_ascii_digit) {
        return from;
    }
    k
}
