//! IP addresses (v4 and v6).
//!
//! IPv4: four decimal octets 0-255 without leading zeros, not part of a
//! longer dotted run (versions like 1.2.3.4.5) and not after `v`/`version`.
//! IPv6: eight hexadecimal groups, or fewer with one `::`. Server addresses
//! in logs are not a person's: an IP is reported only with a label or a
//! field, or after a sign-in cue ("Member logged in from 73.84.237.81")
//! in a document about a patient. (The client of an access log line that
//! requests a patient's record is found from the request, by the URL
//! recognizer.)

use super::{Cand, Needs, Next, Recognizer};
use crate::text::{Class, Doc};
use crate::Kind;

pub(crate) static IP: Recognizer = Recognizer {
    id: "ip-address",
    kind: Kind::IpAddress,
    gate: |k| k.class == Class::Num && k.len <= 3 && k.next == Next::Dot || k.len <= 4 && k.next == Next::Colon,
    find,
    #[cfg(test)]
    hits: &["from «203.0.113.42» at", "Member logged in from «73.84.237.81» at 9am", "Login attempts from «71.188.114.55» (his home connection)", "6 failed logins from «98.230.226.122»", "confirmed that «174.80.114.189» is his home connection", "«52.14.7.9»:8080", "ip «2001:db8:85a3::8a2e:370:7334»", "«fe80::1ff:fe23:4567:890a»", "«2001:db8::8a2e:370:7334»"],
    #[cfg(test)]
    misses: &["1.2.3.4.5", "v1.2.3.4", "10.1.2.3:8080", "Printer IP 172.20.33.107", "256.1.1.1", "01.02.03.04", "12:30:45", "ERROR::", "a::b"],
};

fn octet(s: &str) -> bool {
    s.len() <= 3 && !(s.len() > 1 && s.starts_with('0')) && s.parse::<u16>().is_ok_and(|n| n <= 255)
}

/// "logged in from", "6 failed logins from", "Login attempts from" right before `start`.
fn sign_in_before(doc: &Doc, start: usize) -> bool {
    let before = doc.window(start.saturating_sub(24), start).to_ascii_lowercase();
    let Some(before) = before.trim_end().strip_suffix(" from") else { return false };
    let words: Vec<&str> = before.rsplit(|c: char| c.is_whitespace() || c == '-').take(3).collect();
    words.iter().any(|w| matches!(*w, "login" | "logins" | "logon" | "logged" | "signed" | "sign" | "log" | "accessed" | "joined" | "rejoined" | "connected" | "reconnected"))
        || words.first().is_some_and(|w| matches!(*w, "in" | "on" | "attempts" | "attempt") && words.iter().any(|w| w.starts_with("log") || w.starts_with("sign")))
}

/// A private, loopback or link-local IPv4 address: a service's or a workstation's.
pub(super) fn private(ip: &str) -> bool {
    let mut o = ip.split('.').map(|p| p.parse::<u8>().unwrap_or(0));
    let (a, b) = (o.next().unwrap_or(0), o.next().unwrap_or(0));
    a == 10 || a == 127 || a == 172 && (16..32).contains(&b) || a == 192 && b == 168 || a == 169 && b == 254
}

/// Four decimal octets: `184.170.117.20`.
pub(crate) fn ipv4(s: &str) -> bool {
    s.split('.').count() == 4 && s.split('.').all(octet)
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    let b = doc.bytes;
    let start = t.start as usize;
    let prev = doc.byte_before(start);
    if t.is_num() && i + 3 < toks.len() && prev != b'.' && !prev.is_ascii_alphanumeric() && doc.gap_after(i) == "." {
        let ok = (0..4).all(|k| toks[i + k].is_num() && octet(doc.s(i + k))) && (1..4).all(|k| doc.gap_before(i + k) == ".");
        let end = toks[i + 3].end as usize;
        let next_dot_digit = b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
        let after_v = start > 0 && matches!(b[start - 1], b'v' | b'V');
        if ok && !next_dot_digit && !after_v && !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            // A port makes it a server's.
            let port = b.get(end) == Some(&b':') && b.get(end + 1).is_some_and(u8::is_ascii_digit);
            // "... that 174.80.114.189 is his home connection".
            let home = || {
                let after = doc.window(end, end + 24).to_ascii_lowercase();
                [" is his home", " is her home", " is their home", " is my home"].iter().any(|p| after.starts_with(p))
            };
            // An audit line of a person's own mailbox: `user=will1972@proton.me src=107.111.114.27`.
            // (Within 256 bytes on the line: a long line of many is not read whole at each.)
            // (Not a mail relay's, `relay=mx.gmail.com[24.80.105.244]`.)
            let person = || {
                let line = doc.line_around(t.line as usize, start.saturating_sub(256), end + 256);
                prev != b'[' && line.contains('@') && super::email::personal_address(line)
            };
            // (A private address identifies no one outside its network: a printer's, a workstation's
            // `IP 172.20.33.107`, even under a label.)
            let private = private(&doc.text[start..end]);
            if !port && !private && (sign_in_before(doc, start) || home() || person()) {
                out.push(Cand::new(Kind::IpAddress, start, end, 0.45, "IPv4 address a person signed in from", Needs::Patient));
            } else if !private {
                out.push(Cand::new(Kind::IpAddress, start, end, 0.2, "IPv4 address", Needs::Label));
            }
        }
        return;
    }
    // IPv6: starts at a hex group followed by ':' and not preceded by ':'.
    if b.get(t.end as usize) != Some(&b':') || prev == b':' || !doc.s(i).bytes().all(|c| c.is_ascii_hexdigit()) || t.len() > 4 {
        return;
    }
    let mut j = i;
    let mut groups = 1;
    let mut double = false;
    let mut end = t.end as usize;
    while j + 1 < toks.len() {
        let gap = doc.gap_after(j);
        let g = match gap {
            ":" => false,
            "::" if !double => true,
            _ => break,
        };
        let n = &toks[j + 1];
        let s = doc.s(j + 1);
        if n.len() > 4 || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            break;
        }
        double |= g;
        groups += 1;
        j += 1;
        end = n.end as usize;
    }
    // A trailing "::" (fe80::) is allowed.
    if b[end..].starts_with(b"::") && !double {
        double = true;
        end += 2;
    }
    let has_letter_or_double = double || doc.text[t.start as usize..end].bytes().any(|c| c.is_ascii_alphabetic());
    if (groups == 8 || (double && (3..8).contains(&groups))) && has_letter_or_double && !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        out.push(Cand::new(Kind::IpAddress, start, end, 0.2, "IPv6 address", Needs::Label));
    }
}
