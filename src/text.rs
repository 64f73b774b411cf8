//! One pass over the text: tokens (maximal runs of letters and digits in any
//! script) with their class, case and line. Every recognizer works from
//! these tokens and the gaps between them, never by re-scanning the bytes.

use crate::dictionaries::{Slot, INLINE};

/// Class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Only ASCII digits.
    Num,
    /// Only letters (any script).
    Word,
    /// Letters and digits.
    Mixed,
}

/// First character is upper case.
pub(crate) const CAP: u8 = 1;
/// Every cased letter is upper case (and there is at least one).
pub(crate) const UPPER: u8 = 2;
/// Only ASCII characters.
pub(crate) const ASCII: u8 = 4;
/// An upper-case letter follows a lower-case one inside the token (`PatientService`).
pub(crate) const CAMEL: u8 = 8;
/// Holds a letter with no case (CJK, Arabic, Thai...).
pub(crate) const UNCASED: u8 = 16;

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub class: Class,
    pub flags: u8,
}

impl Tok {
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    pub fn is_num(&self) -> bool {
        self.class == Class::Num
    }
    pub fn is_word(&self) -> bool {
        self.class == Class::Word
    }
}

/// The text and its tokens.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub bytes: &'a [u8],
    pub toks: Vec<Tok>,
    /// Lexicon flags of each token (`dictionaries::flag`), 0 for numbers.
    pub lex: Vec<u32>,
    /// Byte offset where each line starts.
    pub line_starts: Vec<u32>,
    /// Whether the text may hold what [`plain_text`] rewrites: an odd space or an `&`.
    pub odd: bool,
}

const D: u8 = 1; // ASCII digit
const U: u8 = 2; // ASCII upper
const L: u8 = 3; // ASCII lower

static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_digit() {
            D
        } else if c.is_ascii_uppercase() {
            U
        } else if c.is_ascii_lowercase() {
            L
        } else {
            0
        };
        i += 1;
    }
    t
};

/// [`ascii_token`]'s bit for each byte: 1 << (class - 1) for ASCII digits
/// and letters, 0x80 for any byte of a non-ASCII character, 0 otherwise.
static SEEN: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if i >= 128 {
            0x80
        } else if ASCII_CLASS[i] == 0 {
            0
        } else {
            1 << (ASCII_CLASS[i] - 1)
        };
        i += 1;
    }
    t
};

/// Whether a non-ASCII character belongs inside a token.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{300}'..='\u{36f}').contains(&c)
        || c == '\u{200d}'
        // Combining marks of Indic and Southeast Asian scripts (virama, vowel signs), not the dandas.
        || (('\u{900}'..='\u{dff}').contains(&c) && !matches!(c, '\u{964}' | '\u{965}'))
        || ('\u{e00}'..='\u{eff}').contains(&c)
}

/// What a token is made of, gathered character by character.
struct Shape {
    digits: usize,
    letters: usize,
    cased: usize,
    flags: u8,
    first: bool,
    prev_lower: bool,
}

impl Shape {
    fn new() -> Shape {
        Shape { digits: 0, letters: 0, cased: 0, flags: ASCII | UPPER, first: true, prev_lower: false }
    }
    fn digit(&mut self) {
        self.digits += 1;
        self.prev_lower = false;
        self.first = false;
    }
    fn upper(&mut self) {
        self.letters += 1;
        self.cased += 1;
        if self.first {
            self.flags |= CAP;
        } else if self.prev_lower {
            self.flags |= CAMEL;
        }
        self.prev_lower = false;
        self.first = false;
    }
    fn lower(&mut self) {
        self.letters += 1;
        self.cased += 1;
        self.flags &= !UPPER;
        self.prev_lower = true;
        self.first = false;
    }
    fn finish(mut self) -> (Class, u8) {
        if self.cased == 0 {
            self.flags &= !UPPER;
        }
        let class = match (self.letters, self.digits) {
            // (Digits with a combining mark, `12́`, are no number: numbers are ASCII.)
            (0, _) if self.flags & ASCII == 0 => Class::Mixed,
            (0, _) => Class::Num,
            (_, 0) => Class::Word,
            _ => Class::Mixed,
        };
        (class, self.flags)
    }
}

/// The token starting at `start` when it is all ASCII: its end, class and
/// flags, from one table lookup per byte. `None` when a non-ASCII byte
/// continues it (then [`unicode_token`] reads it).
fn ascii_token(bytes: &[u8], start: usize) -> Option<(usize, Class, u8)> {
    let mut i = start;
    // Bit 0 digit, bit 1 upper, bit 2 lower: the classes seen; bit 7 a
    // non-ASCII byte (the token is read again by `unicode_token`).
    let mut seen = 0u8;
    while let Some(&b) = bytes.get(i) {
        let bit = SEEN[b as usize];
        if bit == 0 {
            break;
        }
        seen |= bit;
        i += 1;
    }
    if seen & 0x80 != 0 {
        return None;
    }
    let (digit, upper, lower) = (seen & 1 != 0, seen & 2 != 0, seen & 4 != 0);
    // A lower-case letter right before an upper-case one (only mixed-case tokens have one).
    let camel = upper && lower && bytes[start..i].windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let mut flags = ASCII;
    if ASCII_CLASS[bytes[start] as usize] == U {
        flags |= CAP;
    }
    if upper && !lower {
        flags |= UPPER;
    }
    if camel {
        flags |= CAMEL;
    }
    let class = match (upper || lower, digit) {
        (false, _) => Class::Num,
        (true, false) => Class::Word,
        (true, true) => Class::Mixed,
    };
    Some((i, class, flags))
}

/// The token starting at `start`, character by character (any script).
fn unicode_token(text: &str, start: usize) -> (usize, Class, u8) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = start;
    let mut shape = Shape::new();
    while i < n {
        let b = bytes[i];
        if b < 128 {
            match ASCII_CLASS[b as usize] {
                D => shape.digit(),
                U => shape.upper(),
                L => shape.lower(),
                _ => break,
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                break;
            }
            shape.flags &= !ASCII;
            if c.is_numeric() {
                // Non-ASCII digits make the token a word, not a number.
                shape.digits += 1;
                shape.letters += 1;
                shape.first = false;
            } else if c.is_uppercase() {
                shape.upper();
            } else if c.is_lowercase() {
                shape.lower();
            } else {
                if c.is_alphabetic() {
                    shape.letters += 1;
                    shape.flags |= UNCASED;
                }
                shape.first = false;
            }
            i += c.len_utf8();
        }
    }
    let (class, flags) = shape.finish();
    (i, class, flags)
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let bytes = text.as_bytes();
        // About one token per five bytes in prose and logs: room for one per four.
        let mut toks = Vec::with_capacity(bytes.len() / 4 + 16);
        // Lines of about forty bytes: room without regrowing for most texts.
        let mut line_starts = Vec::with_capacity(bytes.len() / 40 + 8);
        line_starts.push(0u32);
        let mut i = 0usize;
        let n = bytes.len();
        let mut line = 0u32;
        let mut odd = false;
        while i < n {
            let b = bytes[i];
            if b < 128 {
                let cls = ASCII_CLASS[b as usize];
                if cls == 0 {
                    if b == b'\n' {
                        line += 1;
                        line_starts.push(i as u32 + 1);
                    }
                    i += 1;
                    continue;
                }
            } else {
                // Joiners and combining marks continue a token but never start one
                // (the joiner inside an emoji sequence is not a word).
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() {
                    odd |= matches!(b, 0xC2 | 0xE2 | 0xEF);
                    i += c.len_utf8();
                    continue;
                }
            }
            // An escape's letter before a word is no part of it: `\nMRN: …` in a JSON string, a
            // code literal's `\tDOB` (not after an escaped backslash, `C:\\new`).
            if matches!(b, b'n' | b't' | b'r') && i > 0 && bytes[i - 1] == b'\\' && (i < 2 || bytes[i - 2] != b'\\') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
                continue;
            }
            // A token starts at i.
            let start = i;
            let (end, class, flags) = ascii_token(bytes, i).unwrap_or_else(|| unicode_token(text, i));
            i = end;
            toks.push(Tok { start: start as u32, end: end as u32, line, class, flags });
        }
        let lex = lex_flags(text, &toks);
        let odd = odd || any_byte(bytes, b'&');
        Doc { text, bytes, toks, lex, line_starts, odd }
    }

    /// Whether token `i` has lexicon flag `f`.
    pub fn has(&self, i: usize, f: u32) -> bool {
        self.lex[i] & f != 0
    }

    /// The token's text.
    pub fn s(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start as usize..t.end as usize]
    }

    /// The text between token `i - 1` (or the start) and token `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.toks[i - 1].end as usize };
        &self.text[from..self.toks[i].start as usize]
    }

    /// The text between token `i` and token `i + 1` (or the end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let to = self.toks.get(i + 1).map_or(self.text.len(), |t| t.start as usize);
        &self.text[self.toks[i].end as usize..to]
    }

    /// The token lower-cased into `buf` when ASCII and short, else allocated.
    pub fn lower<'b>(&self, i: usize, buf: &'b mut [u8; 48]) -> std::borrow::Cow<'b, str>
    where
        'a: 'b,
    {
        lower_into(self.s(i), buf)
    }

    /// The byte before `pos`, or a space at the start of the text.
    pub fn byte_before(&self, pos: usize) -> u8 {
        if pos > 0 {
            self.bytes[pos - 1]
        } else {
            b' '
        }
    }

    /// The text from `start` to `end`, both clamped to the text and moved
    /// inwards to character boundaries (for fixed-size look-around windows).
    pub fn window(&self, start: usize, end: usize) -> &'a str {
        let t = self.text;
        let mut s = start.min(t.len());
        let mut e = end.min(t.len()).max(s);
        while !t.is_char_boundary(s) {
            s += 1;
        }
        while !t.is_char_boundary(e) {
            e -= 1;
        }
        &t[s..e.max(s)]
    }

    /// Index of the line holding byte offset `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= pos) - 1
    }

    /// Where line `line` ends, after its line break (the next line's start).
    pub fn line_end(&self, line: usize) -> usize {
        self.line_starts.get(line + 1).map_or(self.text.len(), |&e| e as usize)
    }

    /// The part of line `line` within `from..to` (its break included at its end): what a check
    /// reads near a value, so that a long line of many is not read whole at each.
    pub fn line_around(&self, line: usize, from: usize, to: usize) -> &'a str {
        self.window(from.max(self.line_starts[line] as usize), to.min(self.line_end(line)))
    }

    /// The whole line with index `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts[line] as usize;
        self.text[start..self.line_end(line)].trim_end_matches(['\n', '\r'])
    }

    /// First token at or after byte offset `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| (t.end as usize) <= pos)
    }
}

/// Lexicon flags of every token. The lexicon is large (a cache miss on
/// every lookup), while documents repeat their words, and so do the
/// documents one person scans: a direct-mapped cache per thread, keyed by
/// the token's bytes as written, answers repeats without lower-casing or
/// touching the lexicon. Same flags as looking every token up.
fn lex_flags(text: &str, toks: &[Tok]) -> Vec<u32> {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<Slot>> = std::cell::RefCell::new(vec![Slot::default(); CACHE_SLOTS]);
    }
    let bytes = text.as_bytes();
    let mut buf = [0u8; 48];
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        toks.iter()
            .map(|t| {
                if t.class != Class::Word || t.len() < 2 || t.len() > 40 {
                    // (`D0B`: a label with a zero for its O.)
                    return if t.class == Class::Mixed && t.len() <= 6 && bytes[t.start as usize].is_ascii_uppercase() { ocr_confused(&bytes[t.start as usize..t.end as usize]) } else { 0 };
                }
                let w = &bytes[t.start as usize..t.end as usize];
                let lookup = |buf: &mut [u8; 48]| crate::dictionaries::lex(&lower_into(&text[t.start as usize..t.end as usize], buf));
                if w.len() > INLINE {
                    return lookup(&mut buf);
                }
                let slot = &mut cache[quick_hash(w) & (CACHE_SLOTS - 1)];
                if let Some(flags) = slot.get(w) {
                    return flags;
                }
                // (A word of no list may be one an OCR engine misread: `PATlENT`.)
                let f = match lookup(&mut buf) {
                    0 => ocr_confused(w),
                    f => f,
                };
                *slot = Slot::new(w, f);
                f
            })
            .collect()
    })
}

/// What an OCR engine misread in a word of no list, undone: `l` for `I` in
/// capitals (`PATlENT`, `SHlRIN`, `lD`) or at a word's start (`lnsurance`),
/// `0` for `O` in a label in capitals (`D0B`). None when that makes no word either.
fn undo_ocr(w: &[u8]) -> Option<Vec<u8>> {
    use crate::dictionaries::flag;
    let caps_and = |c: u8| w.iter().all(|&b| b.is_ascii_uppercase() || b == c);
    let upper = w.iter().filter(|b| b.is_ascii_uppercase()).count();
    let (fixed, wanted): (Vec<u8>, u32) = if w.contains(&b'0') {
        if upper < 2 || !caps_and(b'0') {
            return None;
        }
        (w.iter().map(|&b| if b == b'0' { b'O' } else { b }).collect(), flag::LABEL | flag::LABEL_START | flag::LABEL_REST)
    } else if !w.contains(&b'l') {
        return None;
    } else if (upper >= 2 || w.len() == 2 && w[0] == b'l' && upper == 1) && caps_and(b'l') {
        (w.iter().map(|&b| if b == b'l' { b'I' } else { b }).collect(), u32::MAX)
    } else if upper == 0 && w.len() >= 4 && w[0] == b'l' && !matches!(w[1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l') {
        (std::iter::once(b'I').chain(w[1..].iter().copied()).collect(), u32::MAX)
    } else {
        return None;
    };
    let lower = String::from_utf8(fixed.to_ascii_lowercase()).ok()?;
    (crate::dictionaries::lex(&lower) & wanted != 0).then_some(fixed)
}

/// `flag::OCR` for a word an OCR engine misread (see `undo_ocr`), else 0.
/// (Out of line: the lexicon's hot loop stays small.)
#[inline(never)]
fn ocr_confused(w: &[u8]) -> u32 {
    if (w.contains(&b'l') || w[0].is_ascii_uppercase() && w.contains(&b'0')) && w.is_ascii() && undo_ocr(w).is_some() {
        crate::dictionaries::flag::OCR
    } else {
        0
    }
}

/// Text pasted from rich text or HTML, made plain: no-break, narrow, figure, thin
/// and other Unicode spaces become ASCII spaces; byte order marks, zero-width spaces
/// and soft hyphens go; the entities of escaped markup (`&lt;`, `&gt;`, `&amp;`,
/// `&quot;`, `&nbsp;`, and numbered ones, `&#39;`, `&#250;`) become their characters.
/// `None` when the text has none of them (most texts). The map gives each offset of
/// the plain text back in the original (see [`Plain::original`]).
pub(crate) fn plain_text(text: &str) -> Option<(String, Plain)> {
    const ENTITIES: &[(&[u8], u8)] = &[(b"&lt;", b'<'), (b"&gt;", b'>'), (b"&amp;", b'&'), (b"&quot;", b'"'), (b"&nbsp;", b' ')];
    // (One plain pass over the bytes: it runs only on texts `Doc::odd` marks.)
    let b = text.as_bytes();
    let mut plain = Rewrite::new(text);
    let mut utf8 = [0; 4];
    for k in 0..b.len() {
        let rest = &b[k..];
        // What replaces the bytes at `k`: a space, nothing, or an entity's character.
        let (len, by): (usize, &[u8]) = match rest {
            _ if plain.behind(k) => continue, // inside an entity
            // A character's number, `&#250;` or `&#xFA;` (C-CDA's `Jes&#250;s`).
            [b'&', b'#', ..] => match character_reference(rest) {
                Some((len, c)) => (len, c.encode_utf8(&mut utf8).as_bytes()),
                None => continue,
            },
            [b'&', ..] => match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, by)) => (e.len(), std::slice::from_ref(by)),
                None => continue,
            },
            // U+00A0, U+2000 to U+200A, U+202F, U+205F: spaces.
            [0xC2, 0xA0, ..] => (2, b" "),
            [0xE2, 0x80, 0x80..=0x8A | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] => (3, b" "),
            // U+00AD, U+200B, U+FEFF: invisible.
            [0xC2, 0xAD, ..] => (2, b""),
            [0xE2, 0x80, 0x8B, ..] | [0xEF, 0xBB, 0xBF, ..] => (3, b""),
            _ => continue,
        };
        plain.replace(k, len, by);
    }
    plain.finish()
}

/// `&#250;` or `&#xFA;` at the start of `s`: its length and character (not a control one).
fn character_reference(s: &[u8]) -> Option<(usize, char)> {
    let hex = matches!(s.get(2), Some(b'x' | b'X'));
    let digits = &s[2 + usize::from(hex)..s.len().min(10)];
    let n = digits.iter().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
    let value = u32::from_str_radix(std::str::from_utf8(&digits[..n]).ok()?, if hex { 16 } else { 10 }).ok()?;
    let c = char::from_u32(value).filter(|c| !c.is_control() || c.is_whitespace())?;
    (digits.get(n) == Some(&b';')).then_some((2 + usize::from(hex) + n + 1, c))
}

/// A copy of a text with spans replaced, in order, and the map of its offsets
/// back to the original ([`plain_text`], `decode::decoded`).
pub(crate) struct Rewrite<'t> {
    src: &'t [u8],
    out: Vec<u8>,
    map: Plain,
    copied: usize,
    removed: i32,
}

impl<'t> Rewrite<'t> {
    pub(crate) fn new(src: &'t str) -> Rewrite<'t> {
        Rewrite { src: src.as_bytes(), out: Vec::new(), map: Plain(Vec::new()), copied: 0, removed: 0 }
    }

    /// Whether byte `k` of the original is inside a span already replaced.
    pub(crate) fn behind(&self, k: usize) -> bool {
        k < self.copied
    }

    /// Replaces the `len` bytes at `k` (not before the last span replaced) by `by`.
    pub(crate) fn replace(&mut self, k: usize, len: usize, by: &[u8]) {
        self.out.extend_from_slice(&self.src[self.copied..k]);
        self.out.extend_from_slice(by);
        self.removed += len as i32 - by.len() as i32;
        self.map.0.push((self.out.len() as u32, self.removed));
        self.copied = k + len;
    }

    /// The new text and its map: none when nothing was replaced, or when the
    /// replacements made no UTF-8.
    pub(crate) fn finish(mut self) -> Option<(String, Plain)> {
        if self.map.0.is_empty() {
            return None;
        }
        self.out.extend_from_slice(&self.src[self.copied..]);
        Some((String::from_utf8(self.out).ok()?, self.map))
    }
}

/// Whether `b` holds byte `x`: 64 bytes at a time, in a loop the compiler vectorises
/// (in wasm, which has no vectors here, the standard search: the unrolled loop is larger).
#[cfg(not(target_arch = "wasm32"))]
fn any_byte(b: &[u8], x: u8) -> bool {
    let chunks = b.chunks_exact(64);
    let rest = chunks.remainder();
    chunks.into_iter().any(|c| c.iter().fold(false, |acc, &y| acc | (y == x))) || rest.contains(&x)
}

#[cfg(target_arch = "wasm32")]
fn any_byte(b: &[u8], x: u8) -> bool {
    b.contains(&x)
}

/// Offsets of a rewritten text ([`Rewrite`]) back in the original: for each span
/// replaced, the new offset after it and the bytes removed so far (less those added).
pub(crate) struct Plain(Vec<(u32, i32)>);

impl Plain {
    pub(crate) fn original(&self, at: usize) -> usize {
        let k = self.0.partition_point(|&(p, _)| p as usize <= at);
        (at as i64 + k.checked_sub(1).map_or(0, |k| self.0[k].1 as i64)) as usize
    }

    /// Whether a replaced span ends within `from..=to` of the original.
    pub(crate) fn replaced_within(&self, from: usize, to: usize) -> bool {
        // (Ends in the original grow with the new offsets: the first at or after `from` decides.)
        let k = self.0.partition_point(|&(p, r)| ((p as i64 + r as i64) as usize) < from);
        self.0.get(k).is_some_and(|&(p, r)| (p as i64 + r as i64) as usize <= to)
    }
}

/// The text with what an OCR engine misread undone, byte for byte (so every
/// offset holds): the words `undo_ocr` mends, and digit groups with a letter O
/// among the digits (`(9O7) 221-1355`, `O9/02/1964`). Only for a text with an
/// OCR-confused word (`flag::OCR`).
pub(crate) fn ocr_undone(doc: &Doc) -> String {
    let mut out = doc.bytes.to_vec();
    for (i, t) in doc.toks.iter().enumerate() {
        let (s, e) = (t.start as usize, t.end as usize);
        let w = &doc.bytes[s..e];
        if doc.lex[i] & crate::dictionaries::flag::OCR != 0 {
            if let Some(fixed) = undo_ocr(w) {
                out[s..e].copy_from_slice(&fixed);
            }
        } else if t.class == Class::Mixed && w.iter().all(|&b| b.is_ascii_digit() || b == b'O') {
            for b in &mut out[s..e] {
                if *b == b'O' {
                    *b = b'0';
                }
            }
        }
    }
    // (ASCII bytes replaced by ASCII bytes: still UTF-8.)
    String::from_utf8(out).unwrap_or_else(|_| doc.text.to_string())
}

/// Slots of the lexicon cache (16 bytes each: 256 KB, within L2).
const CACHE_SLOTS: usize = 1 << 14;

/// A hash of a word of two or more bytes from its first and last bytes and
/// length (a cache index: collisions only cost a lookup).
pub(crate) fn quick_hash(w: &[u8]) -> usize {
    let n = w.len();
    let word = |s: &[u8]| s.iter().rev().fold(0u64, |acc, &b| (acc << 8) | b as u64);
    let (a, b) = if n >= 8 { (word(&w[..8]), word(&w[n - 8..])) } else if n >= 4 { (word(&w[..4]), word(&w[n - 4..])) } else { (word(w), 0) };
    let h = (a ^ b.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize
}

/// A fixed set of needles of two or more bytes. A few are each found by
/// the vectorised byte search; more are looked for together in one pass:
/// a bit per byte pair that starts a needle, and a comparison only where
/// one of those pairs occurs. (`str::contains` per needle builds a
/// substring searcher per call, which in wasm costs more than the search.)
pub(crate) struct Needles {
    pairs: [u64; 1024],
    list: &'static [&'static str],
}

/// Sets of up to this many needles are searched for one by one.
const SEARCH_EACH: usize = 6;

/// A column break in plain text.
pub(crate) static TWO_SPACES: Needles = Needles::new(&["  "]);

impl Needles {
    pub const fn new(list: &'static [&'static str]) -> Needles {
        let mut pairs = [0u64; 1024];
        let mut i = 0;
        while i < list.len() {
            let n = list[i].as_bytes();
            assert!(n.len() >= 2, "needles are two bytes or more");
            let p = (n[0] as usize) << 8 | n[1] as usize;
            pairs[p >> 6] |= 1 << (p & 63);
            i += 1;
        }
        Needles { pairs, list }
    }

    /// Where the first needle occurs in `hay`.
    pub fn find(&self, hay: &str) -> Option<usize> {
        let h = hay.as_bytes();
        if self.list.len() <= SEARCH_EACH {
            // A vectorised search for each: cheaper than a byte-by-byte pass for a few needles.
            return self.list.iter().filter_map(|n| crate::formats::find_bytes(h, n.as_bytes(), 0, false)).min();
        }
        (0..h.len().saturating_sub(1)).find(|&i| {
            let p = (h[i] as usize) << 8 | h[i + 1] as usize;
            self.pairs[p >> 6] & (1 << (p & 63)) != 0 && self.list.iter().any(|n| n.len() <= h.len() - i && n.bytes().zip(&h[i..]).all(|(a, &b)| a == b))
        })
    }

    /// Whether any needle occurs in `hay`.
    pub fn any_in(&self, hay: &str) -> bool {
        if self.list.len() <= SEARCH_EACH {
            return self.list.iter().any(|n| crate::formats::find_bytes(hay.as_bytes(), n.as_bytes(), 0, false).is_some());
        }
        self.find(hay).is_some()
    }
}

/// What follows the last `c` in `s` (all of `s` without one): the `org` of `mail.example.org`.
#[inline(never)]
pub(crate) fn after_last(s: &str, c: u8) -> &str {
    &s[s.bytes().rposition(|b| b == c).map_or(0, |p| p + 1)..]
}

/// Whether `w` is one of `words` (ASCII, any case). (Not inlined, as `prefix_ci`.)
#[inline(never)]
pub(crate) fn one_of_ci(w: &[u8], words: &[&str]) -> bool {
    words.iter().any(|x| x.as_bytes().eq_ignore_ascii_case(w))
}

/// The number written by two ASCII digits (`b"07"` is 7).
pub(crate) fn two_digits(b: &[u8]) -> usize {
    usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0')
}

/// The prefix of `s` among `prefixes` (ASCII, any case), if one is. (Not inlined:
/// the comparison loop, unrolled per prefix, would grow the wasm package.)
#[inline(never)]
pub(crate) fn prefix_ci<'p>(s: &[u8], prefixes: &[&'p str]) -> Option<&'p str> {
    prefixes.iter().copied().find(|p| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// The suffix of `s` among `suffixes` (ASCII, any case), if one is. (Not inlined, as `prefix_ci`.)
#[inline(never)]
pub(crate) fn suffix_ci<'p>(s: &[u8], suffixes: &[&'p str]) -> Option<&'p str> {
    suffixes.iter().copied().find(|p| s.len() >= p.len() && s[s.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes()))
}

/// The first `n` bytes of `s` at most, cut back to a character's start.
pub(crate) fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The last `n` bytes of `s` at most, from a character's start.
pub(crate) fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Whether `needle` occurs in a short `hay`. `str::contains` builds a
/// substring searcher on every call, which in wasm costs more than the
/// search.
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && hay.as_bytes().windows(n.len()).any(|w| w[0] == n[0] && w == n)
}

/// Whether `hay` contains `needle` (lower-case ASCII) in any ASCII case.
#[inline(never)]
pub(crate) fn has_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && hay.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Lower-cases `s`: as it is when it already is, into `buf` when it is
/// short ASCII.
pub(crate) fn lower_into<'b>(s: &'b str, buf: &'b mut [u8; 48]) -> std::borrow::Cow<'b, str> {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(s); // already lower case
    }
    if s.len() <= buf.len() && s.is_ascii() {
        let out = &mut buf[..s.len()];
        for (o, b) in out.iter_mut().zip(s.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or(""))
    } else if s.contains('İ') {
        // Turkish İ lower-cases to i and a combining dot; the dictionaries write "ismail".
        std::borrow::Cow::Owned(s.to_lowercase().replace("i\u{307}", "i"))
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Sorts `v` stably by `key`. Every caller sorts the same (key, index)
/// pairs, so the wasm build holds one copy of the standard sort instead of
/// one per element type and call site (each was 1–2 KB gzipped).
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u128, u32)> = v.iter().enumerate().map(|(i, t)| (u128::from(key(t)) << 32 | i as u128, i as u32)).collect();
    order.sort_unstable();
    // Position k takes the element at order[k].1: applied cycle by cycle, in place
    // (a visited position's source is set to itself).
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let src = order[k].1 as usize;
            order[k].1 = k as u32;
            if src == start || src == k {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_classes_and_flags() {
        let d = Doc::new("Pt Nguyễn, MRN A1234 called 555-0142\nPatientService ĐẶNG 王小明");
        let words: Vec<&str> = (0..d.toks.len()).map(|i| d.s(i)).collect();
        assert_eq!(words, ["Pt", "Nguyễn", "MRN", "A1234", "called", "555", "0142", "PatientService", "ĐẶNG", "王小明"]);
        assert_eq!(d.toks[1].class, Class::Word);
        assert!(d.toks[1].is(CAP) && !d.toks[1].is(ASCII));
        assert!(d.toks[2].is(UPPER));
        assert_eq!(d.toks[3].class, Class::Mixed);
        assert_eq!(d.toks[5].class, Class::Num);
        assert!(d.toks[7].is(CAMEL));
        assert!(d.toks[8].is(UPPER) && d.toks[8].is(CAP));
        assert!(d.toks[9].is(UNCASED) && !d.toks[9].is(CAP));
        assert_eq!(d.toks[7].line, 1);
        assert_eq!(d.gap_before(6), "-");
        assert_eq!(d.line_of(d.toks[8].start as usize), 1);
        assert_eq!(d.line_text(0), "Pt Nguyễn, MRN A1234 called 555-0142");
    }

    #[test]
    fn needles_find_what_str_find_finds() {
        static N: Needles = Needles::new(&[" ERROR ", " WARN ", "::", "Caused by:"]);
        for hay in ["", ":", "a::b", "x ERROR y", "x WARN ERROR ", " WARN", "Caused by", "é Caused by: x", "a :: b", "ends with :"] {
            let want = [" ERROR ", " WARN ", "::", "Caused by:"].iter().filter_map(|n| hay.find(n)).min();
            assert_eq!(N.find(hay), want, "{hay:?}");
        }
        assert_eq!(TWO_SPACES.find("a b  c"), Some(3));
        assert!(!TWO_SPACES.any_in(" a b "));
    }

    #[test]
    fn head_and_tail_cut_at_characters() {
        assert_eq!(head("aé😀b", 3), "aé");
        assert_eq!(head("aé😀b", 4), "aé");
        assert_eq!(head("ab", 9), "ab");
        assert_eq!(tail("aé😀b", 3), "b");
        assert_eq!(tail("aé😀b", 5), "😀b");
        assert_eq!(tail("ab", 9), "ab");
    }

    #[test]
    fn combining_marks_stay_inside_a_token() {
        let d = Doc::new("Nguye\u{302}\u{303}n x");
        assert_eq!(d.toks.len(), 2);
        // Digits with a mark are no number: recognizers of numbers read ASCII digits.
        let d = Doc::new("4539\u{301}5787");
        assert_eq!(d.toks.len(), 1);
        assert_eq!(d.toks[0].class, Class::Mixed);
    }

    #[test]
    fn sort_by_key_is_the_standard_stable_sort() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let v: Vec<(u64, usize)> = (0..500)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 40, i)
            })
            .collect();
        let (mut ours, mut std) = (v.clone(), v);
        super::sort_by_key(&mut ours, |p| p.0);
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
    }

    #[test]
    fn emoji_joiners_are_not_tokens() {
        let d = Doc::new("Patient Ó Coisdeala 👩\u{200d}⚕\u{fe0f} DOB");
        let words: Vec<&str> = (0..d.toks.len()).map(|i| d.s(i)).collect();
        assert_eq!(words, ["Patient", "Ó", "Coisdeala", "DOB"]);
    }

    #[test]
    fn plain_text_maps_every_offset_back() {
        let text = "\u{feff}Old:\u{a0}667 S Elm\u{202f}St &lt;a&amp;b&gt; x\u{200b}y &copy; & done";
        let (plain, map) = plain_text(text).expect("odd characters");
        assert_eq!(plain, "Old: 667 S Elm St <a&b> xy &copy; & done");
        // Each plain character's offset maps to the same character in the original
        // (entities to their `&`, spaces to the odd space).
        for (k, c) in plain.char_indices() {
            let o = map.original(k);
            let oc = text[o..].chars().next().expect("in the text");
            assert!(oc == c || oc == '&' || c == ' ', "{k} {c:?} -> {o} {oc:?}");
        }
        assert_eq!(&text[map.original(5)..map.original(17)], "667 S Elm\u{202f}St");
        assert_eq!(map.original(plain.len()), text.len());
        assert!(plain_text("plain ASCII, a & b, R&D").is_none());
        assert!(plain_text("Nguyễn Văn An").is_none());
    }
}
