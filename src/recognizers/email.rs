//! Email addresses.
//!
//! `local@domain.tld`: the local part of letters, digits and `. _ % + -`,
//! a domain of at least two labels with a letter-only top-level label.
//! Triggered by a token followed by `@`. Known false positives: `git@host`
//! remotes and `user@host` shell prompts (no top-level domain, not matched),
//! package scopes like `@types/node` (no local part).

use super::{Cand, Needs, Recognizer, MIXED, NUM, WORD};
use crate::text::Doc;
use crate::Kind;

pub(crate) static EMAIL: Recognizer = Recognizer {
    id: "email",
    kind: Kind::Email,
    on: WORD | NUM | MIXED,
    find,
    hits: &["write to «maria.gonzalez62@gmail.com».", "<«anh_tran+care@mail.example.org»>", "«j.o'neil@x.co»"],
    misses: &["git@github", "npm i @types/node", "user@localhost", "a@b.c1"],
};

fn local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

/// The span of the address whose `@` follows token `i`, if valid.
pub(crate) fn span_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let b = doc.bytes;
    let at = doc.toks[i].end as usize;
    if b.get(at) != Some(&b'@') {
        return None;
    }
    let mut start = doc.toks[i].start as usize;
    while start > 0 && local_char(b[start - 1]) {
        start -= 1;
    }
    while start < at && !b[start].is_ascii_alphanumeric() {
        start += 1;
    }
    if start == at {
        return None;
    }
    let mut end = at + 1;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-' || b[end] == b'.') {
        end += 1;
    }
    while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &doc.text[at + 1..end];
    let tld = domain.rsplit('.').next()?;
    if !domain.contains('.') || tld.len() < 2 || !tld.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((start, end))
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    if let Some((s, e)) = span_at(doc, i) {
        out.push(Cand::new(Kind::Email, s, e, 0.4, "email address", Needs::Patient));
    }
}
