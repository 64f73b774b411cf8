//! Email addresses.
//!
//! `local@domain.tld`: the local part of letters, digits and `. _ % + -`,
//! a domain of at least two labels with a letter-only top-level label.
//! Triggered by a token followed by `@`. Known false positives: `git@host`
//! remotes and `user@host` shell prompts (no top-level domain, not matched),
//! package scopes like `@types/node` (no local part).

use super::{Cand, Needs, Next, Recognizer};
use crate::text::Doc;
use crate::Kind;

pub(crate) static EMAIL: Recognizer = Recognizer {
    id: "email",
    kind: Kind::Email,
    gate: |k| k.next == Next::At,
    find,
    #[cfg(test)]
    hits: &["write to «maria.gonzalez62@gmail.com».", "<«anh_tran+care@mail.example.org»>", "«j.o'neil@x.co»"],
    #[cfg(test)]
    misses: &["git@github", "npm i @types/node", "user@localhost", "a@b.c1"],
};

/// Mailbox providers for private people: a message from one of these,
/// forwarded into a health organisation's tracker, is from a patient or a
/// relative, not from staff.
const PERSONAL_DOMAINS: &[&str] = &[
    "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com",
    "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net",
    "cox.net", "charter.net", "earthlink.net", "optonline.net", "frontier.com", "windstream.net", "juno.com", "gmx.com", "gmx.net", "mail.com",
    "zoho.com", "fastmail.com", "hey.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "126.com", "web.de", "t-online.de", "orange.fr",
    "free.fr", "btinternet.com", "sky.com", "rogers.com", "shaw.ca", "bigpond.com", "rediffmail.com", "naver.com", "libero.it",
];

/// Whether `domain` (or its parent, as in yahoo.co.uk) belongs to a personal mailbox provider.
fn personal_domain(domain: &str) -> bool {
    let d = domain.to_ascii_lowercase();
    PERSONAL_DOMAINS.iter().any(|p| d.strip_suffix(p).is_some_and(|rest| rest.is_empty() || rest.ends_with('.')))
        || ["yahoo.", "hotmail.", "outlook.", "live.", "gmx."].iter().any(|p| d.starts_with(p))
}

/// The email header `From:` lines of a message name a sender at a personal
/// mailbox: the message is a patient's (or a relative's) own.
pub(crate) fn personal_sender(text: &str) -> bool {
    crate::formats::find_all(text.as_bytes(), b"From:").take(8).any(|at| {
        let line_start = at == 0 || matches!(text.as_bytes()[at - 1], b'\n' | b'>' | b' ' | b'*');
        line_start && personal_address(header_line(&text[at..]))
    })
}

/// The header line starting `text`, at most its first 256 bytes: a sender's address is
/// near its start, and a text of one long line must not be read again at every `From:`.
pub(crate) fn header_line(text: &str) -> &str {
    crate::text::head(text, 256).lines().next().unwrap_or("")
}

/// Whether `text` holds an address at a personal mailbox (`ann.lee62@gmail.com`).
pub(crate) fn personal_address(text: &str) -> bool {
    text.contains('@') && text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | '"')).any(|w| w.split_once('@').is_some_and(|(l, d)| !l.is_empty() && personal_domain(d)))
}

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
    let tld = crate::text::after_last(domain, b'.');
    if !domain.contains('.') || tld.len() < 2 || !tld.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((start, end))
}

/// Mailboxes of an office or a function, not a person (`privacy@`, `oncall-swaps@`).
const ROLE_MAILBOXES: &[&str] = &[
    "privacy", "support", "help", "helpdesk", "servicedesk", "info", "noreply", "no", "donotreply", "records", "medicalrecords", "him", "billing",
    "admin", "security", "compliance", "oncall", "it", "contact", "hello", "team", "office", "lab", "pharmacy", "radiology", "scheduling",
    "appointments", "roi", "legal", "hr", "webmaster", "postmaster", "alerts", "notifications", "ops", "devops", "integration", "interfaces",
    "frontdesk", "reception", "appeals", "intake", "referrals", "claims", "eligibility", "enrollment", "membership", "memberservices", "benefits",
    "customerservice", "service", "services", "fax", "efax", "relay", "triage", "registration", "admissions", "care", "coordination", "clinic",
    "clinical", "informatics", "patients", "relations", "outreach", "credentialing", "authorizations", "finance", "payments", "collections",
    "news", "newsletter", "refills", "rx", "patientrelations", "portal", "nurse", "citas", "facturacion",
];

/// Whether the local part names an office or a function (`frontdesk@`, `neuro-clinic@`,
/// `patient.relations@`): its first or last word.
fn role_mailbox(local: &str) -> bool {
    // (After a `+` comes a tag the owner chose: `anh_tran+care`.) Bytes, not characters:
    // the wasm package is smaller so.
    let local = local.as_bytes().split(|&c| c == b'+').next().unwrap_or_default();
    let mut words = local.split(|&c| matches!(c, b'-' | b'.' | b'_'));
    let first = words.next().unwrap_or_default();
    let last = words.next_back().unwrap_or(first);
    crate::text::one_of_ci(first, ROLE_MAILBOXES) || crate::text::one_of_ci(last, ROLE_MAILBOXES)
}

/// An email header naming messages, not people: `Message-ID: <7aca3f6c@mail.gmail.com>`
/// on the line of token `i`.
fn message_id(doc: &Doc, i: usize) -> bool {
    let line = doc.line_text(doc.toks[i].line as usize).trim_start_matches(['>', ' ']);
    ["message-id", "in-reply-to", "references", "x-"].iter().any(|h| line.len() >= h.len() && line.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes()))
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    if let Some((s, e)) = span_at(doc, i) {
        let addr = &doc.text[s..e];
        let (local, domain) = addr.split_once('@').unwrap_or((addr, ""));
        if role_mailbox(local) && !personal_domain(domain) {
            out.push(Cand::new(Kind::Email, s, e, 0.1, "an office's mailbox", Needs::Label));
        } else if personal_domain(domain) && !message_id(doc, i) {
            // A consumer mailbox: in health-IT tickets, a patient's or a relative's (staff write
            // from the organisation's domain).
            out.push(Cand::new(Kind::Email, s, e, 0.5, "personal email address", Needs::Nothing));
        } else {
            out.push(Cand::new(Kind::Email, s, e, 0.4, "email address", Needs::Patient));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_senders() {
        assert!(personal_sender("---------- Forwarded message ---------\nFrom: Ann Lee <ann.lee62@gmail.com>\nTo: <records@stmarys.org>"));
        assert!(personal_sender("Subject: Re: claim\nFrom: jonathanj@icloud.com\n"));
        assert!(personal_sender("From: Bo <bo@yahoo.co.uk>"));
        assert!(!personal_sender("From: Kim Park <kim.park@stmarys.org>\nTo: team@stmarys.org"));
        assert!(!personal_sender("Reply to ann@gmail.com from the portal"));
    }

    #[test]
    fn role_mailboxes() {
        for local in ["frontdesk", "neuro-clinic", "patient.relations", "care.coordination", "Patient-Financial-Services", "bwuc.frontdesk"] {
            assert!(role_mailbox(local), "{local}");
        }
        for local in ["maria.gonzalez62", "kim.park", "anh_tran+care", "carey.lab5"] {
            assert!(!role_mailbox(local), "{local}");
        }
    }
}
