//! Text written encoded, read as its writer wrote it: the escapes of a JSON
//! string or a code literal (`\n`, `\t`, `\"`, `\u00e9`), URL encoding
//! (`%C3%A1`, and a query's or form's `+`, `?` and `&`), quoted-printable mail
//! (`=C3=A9`, soft line breaks) and mail headers' encoded words
//! (`=?UTF-8?Q?Jos=C3=A9?=`, `=?utf-8?B?…?=`). `scan::find` reads the decoded
//! copy as a second text and adds what it finds there: `"description": "…\nMRN:
//! 58120889\n…"` is a form with a label, `lastName=Gonz%C3%A1lez&dob=…` pairs of
//! a name and a date, a CSV export in a JSON string a table.

use crate::text::{Plain, Rewrite};

/// The lines of the text that hold encoded text, read, and the map back to the
/// original; none when it holds none (most texts: a few searches for their marks).
#[inline(never)]
pub(crate) fn decoded(text: &str) -> Option<(String, Plain)> {
    let b = text.as_bytes();
    let find = |needle: &[u8], fold: bool| crate::formats::find_bytes(b, needle, 0, fold).is_some();
    // Which marks occur, in one pass the compiler vectorises: `\`, `%`, `&`, `=`, `?`.
    let mut marks = [false; 5];
    for chunk in b.chunks(64) {
        for (m, c) in marks.iter_mut().zip(*b"\\%&=?") {
            *m |= chunk.iter().fold(false, |acc, &x| acc | (x == c));
        }
    }
    let [slash, pct, amp, eq, ask] = marks;
    let escapes = slash && [&b"\\n"[..], b"\\r", b"\\t", b"\\u"].iter().any(|e| find(e, false));
    let percent = pct && b.windows(3).any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit());
    let forms = amp && eq;
    let quoted = eq && find(b"quoted-printable", true);
    let words = eq && ask && find(b"=?", false);
    if !(escapes || percent || forms || quoted || words) {
        return None;
    }
    // The copy: only the lines holding an edit, the rest was read as written. (`done`: where
    // the last edited line ends, 0 before the first edit; each byte is looked at once, however
    // long the line, and no edit is kept after it is made.)
    let mut out = Rewrite::new(text);
    let mut done = 0;
    let mut bytes = Vec::new();
    // The quotes around a string with line breaks in it (a CSV export, a note, a message
    // in a JSON string) break lines too: its first line is no key's.
    let quotes = if escapes { broken_strings(b) } else { Vec::new() };
    // Where the current run of a query's or form's pairs ends, and whether its `?` is read.
    let (mut form_end, mut asked) = (0, false);
    let mut k = 0;
    while k < b.len() {
        if forms && k >= form_end && (k == 0 || matches!(b[k - 1], b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'(' | b'<' | b'>')) {
            // (Every byte that starts a run ends one: runs do not overlap, and each byte is read once.)
            let end = k + b[k..].iter().position(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'(' | b'<' | b'>' | b')')).unwrap_or(b.len() - k);
            let run = &b[k..end];
            if run.contains(&b'&') && run.iter().filter(|&&c| c == b'=').nth(1).is_some() {
                (form_end, asked) = (end, false);
            }
        }
        let rest = &b[k..];
        bytes.clear();
        let len = match rest[0] {
            // A query's or form's pairs, a line each: `?lastName=Gonz%C3%A1lez&dob=…`.
            b'?' | b'&' if k < form_end && !(rest[0] == b'?' && asked) => {
                asked = true;
                bytes.push(b'\n');
                1
            }
            b'"' if quotes.binary_search(&k).is_ok() => {
                bytes.push(b'\n');
                1
            }
            b'+' if k < form_end => {
                bytes.push(b' ');
                1
            }
            b'\\' if escapes => escape(rest, &mut bytes).unwrap_or(0),
            b'%' if percent => byte_run(rest, b'%', &mut bytes),
            b'=' if words && rest.starts_with(b"=?") => encoded_word(rest, &mut bytes).unwrap_or(0),
            // Quoted-printable: an encoded byte, or a soft line break.
            b'=' if quoted => match rest.get(1..3) {
                Some(b"\r\n") => 3,
                Some([b'\n', _]) | Some([b'\n']) => 2,
                _ => byte_run(rest, b'=', &mut bytes),
            },
            _ => 0,
        };
        if len > 0 {
            if k >= done {
                let line_start = b[done..k].iter().rposition(|&c| c == b'\n').map_or(done, |n| done + n + 1);
                if line_start > done {
                    out.replace(done, line_start - done, b"");
                }
            }
            out.replace(k, len, &bytes);
            if k + len >= done {
                done = b[k + len..].iter().position(|&c| c == b'\n').map_or(b.len(), |n| k + len + n + 1);
            }
        }
        k += len.max(1);
    }
    if done == 0 {
        return None; // nothing was edited
    }
    if done < b.len() {
        out.replace(done, b.len() - done, b"");
    }
    out.finish()
}

/// The quotes (offsets) around strings on one line that hold an escaped line break.
fn broken_strings(b: &[u8]) -> Vec<usize> {
    let mut quotes = Vec::new();
    let mut k = 0;
    while let Some(open) = b[k..].iter().position(|&c| c == b'"').map(|n| k + n) {
        let (mut e, mut breaks) = (open + 1, false);
        while e < b.len() && !matches!(b[e], b'"' | b'\n') {
            breaks |= b[e] == b'\\' && matches!(b.get(e + 1), Some(b'n' | b'r'));
            e += if b[e] == b'\\' { 2 } else { 1 };
        }
        if e < b.len() && b[e] == b'"' && breaks {
            quotes.extend([open, e]);
        }
        k = (e + 1).min(b.len());
    }
    quotes
}

/// A JSON or code escape at the start of `s`, its length, and its text in `out`.
fn escape(s: &[u8], out: &mut Vec<u8>) -> Option<usize> {
    out.clear();
    let (len, c) = match *s.get(1)? {
        b'r' if s.get(2..4) == Some(b"\\n") => (4, '\n'),
        b'n' | b'r' => (2, '\n'),
        b't' => (2, '\t'),
        c @ (b'"' | b'\\' | b'/') => (2, c as char),
        b'u' => {
            let hex = |at: usize| s.get(at..at + 4).filter(|h| h.iter().all(u8::is_ascii_hexdigit)).map(|h| h.iter().fold(0, |n, &c| n * 16 + nibble(c).unwrap_or(0) as u32));
            let (c, len) = match hex(2)? {
                hi @ 0xD800..=0xDBFF if s.get(6..8) == Some(b"\\u") => (0x10000 + ((hi - 0xD800) << 10) + hex(8)?.checked_sub(0xDC00).filter(|&lo| lo < 0x400)?, 12),
                c => (c, 6),
            };
            (len, char::from_u32(c)?)
        }
        _ => return None,
    };
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    Some(len)
}

/// A short value with its `\uXXXX` escapes decoded (a JSON string's `"Gy\u0151ri"` as
/// written), for the tests a field's value must pass; none without one.
pub(crate) fn unescaped(v: &str) -> Option<String> {
    if !crate::text::has(v, "\\u") {
        return None;
    }
    let (b, mut out, mut one) = (v.as_bytes(), Vec::with_capacity(v.len()), Vec::new());
    let mut k = 0;
    while k < b.len() {
        match escape(&b[k..], &mut one).filter(|_| b[k] == b'\\') {
            Some(len) => {
                out.extend_from_slice(&one);
                k += len;
            }
            None => {
                out.push(b[k]);
                k += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn nibble(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// The run of `%XX` (or `=XX`) bytes at the start of `s`: its length, and its
/// text in `out` (as Latin-1 when the bytes are no UTF-8). 0 for none.
fn byte_run(s: &[u8], mark: u8, out: &mut Vec<u8>) -> usize {
    let mut raw = Vec::new();
    let mut k = 0;
    while let (Some(&m), Some(h), Some(l)) = (s.get(k), s.get(k + 1).and_then(|&c| nibble(c)), s.get(k + 2).and_then(|&c| nibble(c))) {
        if m != mark {
            break;
        }
        raw.push(h << 4 | l);
        k += 3;
    }
    latin1_or_utf8(&raw, out);
    k
}

/// `raw` as UTF-8 into `out`; bytes that make none, read as Latin-1.
fn latin1_or_utf8(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    if std::str::from_utf8(raw).is_ok() {
        out.extend_from_slice(raw);
    } else {
        for &c in raw {
            if c < 0x80 {
                out.push(c);
            } else {
                out.extend([0xC0 | c >> 6, 0x80 | c & 0x3F]);
            }
        }
    }
}

/// A mail header's encoded word at the start of `s` (`=?UTF-8?Q?Jos=C3=A9_Mart=C3=ADnez?=`,
/// `=?utf-8?B?Sm9zw6k=?=`), with the space before another one after it: its length,
/// and its text in `out`.
fn encoded_word(s: &[u8], out: &mut Vec<u8>) -> Option<usize> {
    let head = s.get(2..)?;
    let charset = head.iter().position(|&c| c == b'?')?;
    let (encoding, data) = (head.get(charset + 1)?.to_ascii_uppercase(), head.get(charset + 3..)?);
    let end = data.iter().take(200).position(|&c| c == b'?' || c == b' ')?;
    if head.get(charset + 2) != Some(&b'?') || data.get(end..end + 2) != Some(b"?=") {
        return None;
    }
    let data = &data[..end];
    let raw: Vec<u8> = match encoding {
        b'Q' => {
            let mut raw = Vec::new();
            let mut k = 0;
            while k < data.len() {
                match (data[k], data.get(k + 1).and_then(|&c| nibble(c)), data.get(k + 2).and_then(|&c| nibble(c))) {
                    (b'=', Some(h), Some(l)) => {
                        raw.push(h << 4 | l);
                        k += 3;
                    }
                    (c, _, _) => {
                        raw.push(if c == b'_' { b' ' } else { c });
                        k += 1;
                    }
                }
            }
            raw
        }
        b'B' => base64(data)?,
        _ => return None,
    };
    latin1_or_utf8(&raw, out);
    let len = 2 + charset + 3 + end + 2;
    let spaces = s[len..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    Some(if s[len + spaces..].starts_with(b"=?") { len + spaces } else { len })
}

/// Standard base64, padding optional.
fn base64(data: &[u8]) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for &c in data.iter().take_while(|&&c| c != b'=') {
        acc = acc << 6 | value(c)? as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decoded;

    /// The decoded text, and the original of each of its words.
    fn read(text: &str) -> (String, Vec<String>) {
        let (plain, map) = decoded(text).expect("an encoding");
        let mut words = Vec::new();
        let mut at = 0;
        for w in plain.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                words.push(text[map.original(at)..map.original(at + w.len())].to_string());
            }
            at += w.len() + plain[at + w.len()..].chars().next().map_or(0, char::len_utf8);
        }
        (plain, words)
    }

    #[test]
    fn json_escapes() {
        let (plain, words) = read(r#"{"d": "Patient Ji\u0159\u00ed Nov\u00e1k\nMRN: 58120889\r\nDOB:\t1962-03-14 \"ok\" \ud83d\ude00"}"#);
        // (The quotes around a string with line breaks break lines too.)
        assert_eq!(plain, "{\"d\": \nPatient Jiří Novák\nMRN: 58120889\nDOB:\t1962-03-14 \"ok\" 😀\n}");
        assert!(words.contains(&r"Ji\u0159\u00ed".to_string()) && words.contains(&r"Nov\u00e1k".to_string()) && words.contains(&"58120889".to_string()));
    }

    #[test]
    fn url_encoding_and_forms() {
        let (plain, words) = read("GET /api/search?lastName=Gonz%C3%A1lez&firstName=Mar%C3%ADa&dob=03%2F14%2F1962 HTTP/1.1");
        assert_eq!(plain, "GET /api/search\nlastName=González\nfirstName=María\ndob=03/14/1962 HTTP/1.1");
        assert!(words.contains(&"Gonz%C3%A1lez".to_string()));
        let (plain, _) = read("-d \"patient_name=Maria+Gonzalez&phone=312-555-2190\" and a+b");
        assert_eq!(plain, "-d \"patient_name=Maria Gonzalez\nphone=312-555-2190\" and a+b");
        // Not a form: code's `&&` and one assignment.
        assert!(decoded("if (a && b) x = 1;").is_none());
    }

    #[test]
    fn quoted_printable_and_encoded_words() {
        let text = "From: =?UTF-8?Q?Jos=C3=A9_Mart=C3=ADnez?= <jm@example.com>\nSubject: =?utf-8?B?SG9sYQ==?= =?utf-8?Q?_amigo?=\nContent-Transfer-Encoding: quoted-printable\n\nThis is Jos=C3=A9 (MRN 5812=\n0889), caf=E9=20ok";
        let (plain, words) = read(text);
        // (The lines with nothing encoded are left out.)
        assert_eq!(plain, "From: José Martínez <jm@example.com>\nSubject: Hola amigo\nThis is José (MRN 58120889), café ok");
        assert!(words.contains(&"5812=\n0889".to_string()));
    }

    #[test]
    fn nothing_to_read() {
        assert!(decoded("plain text, 100% sure, C:\\Temp").is_none());
        assert!(decoded("a=b").is_none());
    }
}
