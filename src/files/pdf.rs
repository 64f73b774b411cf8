//! PDF: the text of text-based PDFs, page by page.
//!
//! Objects are found by scanning for `N G obj`, not through the xref table,
//! so damaged and truncated files are read as far as they go. Page content
//! streams (and the form XObjects they draw) are interpreted for their text
//! operators; glyphs are decoded through the font's `/ToUnicode` CMap (how
//! two-byte Identity-H fonts are read), its `/Differences`, or WinAnsi, and
//! glyph positions decide where lines break and words part. Filled form
//! fields and comments are read too. What cannot be read (encryption,
//! scanned pages, fonts without a text mapping, unsupported filters, missing
//! objects) is a "could not inspect" note, never clean.

use super::{Inflate, Sink, Step, Stop};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Deepest nesting of arrays and dictionaries, page trees, `/Parent` and reference chains.
const MAX_DEPTH: usize = 32;
/// Deepest nesting of form XObjects drawing form XObjects.
const MAX_FORM_DEPTH: usize = 8;
/// Most code mappings and widths one font may define, and all fonts together.
const MAX_MAP: usize = 1 << 17;
const MAX_MAPPED: usize = 1 << 20;
/// Most operands kept before an operator.
const MAX_ARGS: usize = 1 << 16;

/// A PDF object. References keep only the object number.
#[derive(Clone, Debug, PartialEq)]
enum Obj {
    Null,
    Bool(bool),
    Num(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Vec<(Vec<u8>, Obj)>),
    Ref(u32),
}

static NULL: Obj = Obj::Null;

impl Obj {
    fn get(&self, key: &[u8]) -> Option<&Obj> {
        let Obj::Dict(d) = self else { return None };
        d.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn num(&self) -> Option<f64> {
        if let Obj::Num(n) = self { Some(*n) } else { None }
    }

    /// Whether entry `key` is the name `name` (`/Type /Page`).
    fn is(&self, key: &[u8], name: &[u8]) -> bool {
        matches!(self.get(key), Some(Obj::Name(n)) if n == name)
    }
}

/// What the lexer reads: a value, an operator (or keyword), a closing `]` / `>>`.
enum Tok<'a> {
    Val(Obj),
    Op(&'a [u8]),
    Close,
    End,
}

fn is_white(c: u8) -> bool {
    matches!(c, 0 | 9 | 10 | 12 | 13 | 32)
}

fn is_regular(c: u8) -> bool {
    !is_white(c) && !b"()<>[]{}/%".contains(&c)
}

/// The tokenizer of object bodies, content streams and CMaps alike.
struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Lexer<'a> {
    fn new(b: &'a [u8], i: usize) -> Lexer<'a> {
        Lexer { b, i }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Advances while `f` holds and returns what it passed.
    fn take(&mut self, f: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.i;
        while self.peek().is_some_and(&f) {
            self.i += 1;
        }
        self.b.get(start..self.i).unwrap_or_default()
    }

    /// The next token; every call but the last (`End`) consumes input.
    fn token(&mut self, depth: usize) -> Tok<'a> {
        while let Some(c) = self.peek().filter(|&c| is_white(c) || c == b'%') {
            self.i += 1;
            if c == b'%' {
                self.take(|c| c != b'\n' && c != b'\r');
            }
        }
        let start = self.i;
        let Some(c) = self.peek() else { return Tok::End };
        self.i += 1;
        let second = self.peek() == Some(c);
        match c {
            b'(' => Tok::Val(Obj::Str(self.literal())),
            b'<' if second => {
                self.i += 1;
                self.container(depth, true)
            }
            b'<' => Tok::Val(Obj::Str(self.hex())),
            b'[' => self.container(depth, false),
            b']' => Tok::Close,
            b'>' if second => {
                self.i += 1;
                Tok::Close
            }
            b'/' => Tok::Val(Obj::Name(unescape_name(self.take(is_regular)))),
            c if !is_regular(c) => Tok::Op(self.b.get(start..self.i).unwrap_or_default()),
            _ => {
                self.i = start;
                match self.take(is_regular) {
                    b"true" => Tok::Val(Obj::Bool(true)),
                    b"false" => Tok::Val(Obj::Bool(false)),
                    b"null" => Tok::Val(Obj::Null),
                    w if w.iter().all(|c| b"0123456789+-.".contains(c)) && w.iter().any(u8::is_ascii_digit) => {
                        Tok::Val(Obj::Num(std::str::from_utf8(w).ok().and_then(|s| s.parse().ok()).unwrap_or(0.0)))
                    }
                    w => Tok::Op(w),
                }
            }
        }
    }

    /// An array or dictionary, its opening read. Stops before a keyword that
    /// cannot be inside one (`obj`, `stream`...): a damaged object does not
    /// swallow the next.
    fn container(&mut self, depth: usize, dict: bool) -> Tok<'a> {
        if depth >= MAX_DEPTH {
            return Tok::Val(Obj::Null);
        }
        let mut items = Vec::new();
        loop {
            let at = self.i;
            match self.token(depth + 1) {
                Tok::End | Tok::Close => break,
                Tok::Val(v) => items.push(v),
                Tok::Op(b"R") => {
                    if let [.., Obj::Num(n), Obj::Num(_)] = items.as_slice() {
                        let r = Obj::Ref(*n as u32);
                        items.truncate(items.len() - 2);
                        items.push(r);
                    }
                }
                Tok::Op(b"obj" | b"endobj" | b"stream" | b"endstream") => {
                    self.i = at;
                    break;
                }
                Tok::Op(_) => {}
            }
        }
        if !dict {
            return Tok::Val(Obj::Array(items));
        }
        let mut pairs = Vec::new();
        let mut it = items.into_iter();
        while let (Some(Obj::Name(k)), Some(v)) = (it.next(), it.next()) {
            pairs.push((k, v));
        }
        Tok::Val(Obj::Dict(pairs))
    }

    /// A literal string, its `(` read: escapes, nested parentheses, line ends.
    fn literal(&mut self) -> Vec<u8> {
        let (mut out, mut depth) = (Vec::new(), 1usize);
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            self.i -= 1;
                            let digits = self.take(|d| (b'0'..=b'7').contains(&d));
                            let (digits, rest) = digits.split_at(digits.len().min(3));
                            self.i -= rest.len();
                            out.push(digits.iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0')) as u8);
                        }
                        b'\r' => self.i += usize::from(self.peek() == Some(b'\n')),
                        b'\n' => {}
                        _ => out.push(e),
                    }
                }
                b'(' => depth += 1,
                b')' => depth -= 1,
                b'\r' => self.i += usize::from(self.peek() == Some(b'\n')),
                _ => {}
            }
            match c {
                b'\\' => {}
                b')' if depth == 0 => break,
                b'\r' => out.push(b'\n'),
                _ => out.push(c),
            }
        }
        out
    }

    /// A hex string, its `<` read.
    fn hex(&mut self) -> Vec<u8> {
        let digits: Vec<u8> = self.take(|c| c != b'>').iter().filter_map(|&c| (c as char).to_digit(16)).map(|d| d as u8).collect();
        self.i += usize::from(self.peek().is_some());
        digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect()
    }
}

fn unescape_name(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let hex = s.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        let hex = hex.filter(|_| c == b'#');
        out.push(hex.unwrap_or(c));
        i += if hex.is_some() { 3 } else { 1 };
    }
    out
}

fn find(b: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// `word` standing alone between white space (or the ends).
fn find_word(b: &[u8], word: &[u8], mut from: usize) -> Option<usize> {
    while let Some(p) = find(b, word, from) {
        let before = p == 0 || b.get(p - 1).is_some_and(|&c| is_white(c));
        if before && !matches!(b.get(p + word.len()), Some(&c) if !is_white(c)) {
            return Some(p);
        }
        from = p + 1;
    }
    None
}

/// An indirect object: its value and, for a stream, where its data lies.
struct Object {
    obj: Obj,
    stream: Option<(usize, usize)>,
}

/// Every object found in the file.
struct Doc<'b> {
    bytes: &'b [u8],
    objects: HashMap<u32, Object>,
    trailers: Vec<Obj>,
}

impl<'b> Doc<'b> {
    /// Scans the file for `N G obj` headers and `trailer` dictionaries.
    fn scan(sink: &mut Sink<'_>, bytes: &'b [u8]) -> Result<Doc<'b>, Stop> {
        let mut doc = Doc { bytes, objects: HashMap::new(), trailers: Vec::new() };
        let mut at = 0;
        while let Some(k) = find(bytes, b"obj", at) {
            at = k + 3;
            let Some(num) = header(bytes, k).filter(|_| !bytes.get(at).is_some_and(|&c| is_regular(c))) else { continue };
            sink.budget.entry()?;
            let mut lx = Lexer::new(bytes, at);
            let obj = if let Tok::Val(v) = lx.token(0) { v } else { Obj::Null };
            lx.take(is_white);
            let mut stream = None;
            if bytes.get(lx.i..).is_some_and(|r| r.starts_with(b"stream")) {
                lx.i += 6;
                lx.i += usize::from(lx.peek() == Some(b'\r'));
                lx.i += usize::from(lx.peek() == Some(b'\n'));
                let end = stream_end(bytes, lx.i, obj.get(b"Length"));
                stream = Some((lx.i, end));
                lx.i = end;
            }
            at = at.max(lx.i);
            doc.objects.insert(num, Object { obj, stream });
        }
        let mut at = 0;
        while let Some(k) = find(bytes, b"trailer", at) {
            at = k + 7;
            if let Tok::Val(t) = Lexer::new(bytes, at).token(0) {
                doc.trailers.push(t);
            }
        }
        Ok(doc)
    }

    fn sorted(&self) -> Vec<(u32, &Object)> {
        let mut v: Vec<_> = self.objects.iter().map(|(k, o)| (*k, o)).collect();
        v.sort_unstable_by_key(|(k, _)| *k);
        v
    }

    fn resolve<'s>(&'s self, mut o: &'s Obj) -> &'s Obj {
        for _ in 0..MAX_DEPTH {
            let Obj::Ref(id) = o else { return o };
            o = self.objects.get(id).map_or(&NULL, |x| &x.obj);
        }
        &NULL
    }

    /// A dictionary entry, resolved.
    fn key<'s>(&'s self, o: &'s Obj, key: &[u8]) -> &'s Obj {
        o.get(key).map_or(&NULL, |v| self.resolve(v))
    }

    /// An entry a page may inherit from its page tree (`/Resources`).
    fn inherited<'s>(&'s self, mut node: &'s Obj, key: &[u8]) -> &'s Obj {
        for _ in 0..MAX_DEPTH {
            if let Some(v) = node.get(key) {
                return self.resolve(v);
            }
            node = self.key(node, b"Parent");
        }
        &NULL
    }

    fn encrypted(&self) -> bool {
        let xrefs = self.objects.values().map(|o| &o.obj).filter(|o| o.is(b"Type", b"XRef"));
        self.trailers.iter().chain(xrefs).any(|t| t.get(b"Encrypt").is_some())
    }

    /// The pages in order: from the catalog's page tree, or failing that
    /// every `/Type /Page` object by number.
    fn pages(&self) -> Vec<u32> {
        let root = self.trailers.iter().rev().find_map(|t| match t.get(b"Root") {
            Some(Obj::Ref(id)) if self.objects.contains_key(id) => Some(*id),
            _ => None,
        });
        let root = root.or_else(|| self.sorted().into_iter().find(|(_, o)| o.obj.is(b"Type", b"Catalog")).map(|(id, _)| id));
        let mut out = Vec::new();
        if let Some(Obj::Ref(tree)) = root.and_then(|r| self.objects.get(&r)).and_then(|c| c.obj.get(b"Pages")) {
            self.walk(*tree, 0, &mut HashSet::new(), &mut out);
        }
        if out.is_empty() {
            out = self.sorted().into_iter().filter(|(_, o)| o.obj.is(b"Type", b"Page")).map(|(id, _)| id).collect();
        }
        out
    }

    fn walk(&self, id: u32, depth: usize, seen: &mut HashSet<u32>, out: &mut Vec<u32>) {
        let Some(o) = self.objects.get(&id).filter(|_| depth < MAX_DEPTH && seen.insert(id)) else { return };
        match self.key(&o.obj, b"Kids") {
            Obj::Array(kids) => kids.iter().for_each(|k| if let Obj::Ref(k) = k { self.walk(*k, depth + 1, seen, out) }),
            _ if o.obj.is(b"Type", b"Page") || o.obj.get(b"Contents").is_some() => out.push(id),
            _ => {}
        }
    }

    /// A page's content streams (each once).
    fn contents(&self, page: &Obj) -> Vec<u32> {
        let list = match page.get(b"Contents") {
            Some(Obj::Ref(id)) if self.objects.get(id).is_some_and(|o| o.stream.is_some()) => return vec![*id],
            Some(Obj::Ref(id)) if !self.objects.contains_key(id) => return vec![*id],
            Some(c) => self.resolve(c),
            None => &NULL,
        };
        let mut seen = HashSet::new();
        let Obj::Array(list) = list else { return Vec::new() };
        list.iter().filter_map(|x| if let Obj::Ref(id) = x { Some(*id) } else { None }).filter(|id| seen.insert(*id)).collect()
    }

    /// Adds the objects packed in object streams (`/Type /ObjStm`); objects
    /// found directly in the file take precedence.
    fn unpack(&mut self, sink: &mut Sink<'_>, noted: &mut HashSet<&'static str>) -> Step {
        let mut found = Vec::new();
        for (id, o) in self.sorted().into_iter().filter(|(_, o)| o.obj.is(b"Type", b"ObjStm")) {
            let Some(data) = decode(sink, self, id, noted)? else { continue };
            let n = self.key(&o.obj, b"N").num().unwrap_or(0.0).min(data.len() as f64) as usize;
            let first = self.key(&o.obj, b"First").num().unwrap_or(0.0) as usize;
            let mut lx = Lexer::new(&data, 0);
            let mut heads = Vec::new();
            for _ in 0..n {
                let (Tok::Val(Obj::Num(num)), Tok::Val(Obj::Num(off))) = (lx.token(0), lx.token(0)) else { break };
                heads.push((num as u32, off as usize));
            }
            for (num, off) in heads {
                sink.budget.entry()?;
                if let Tok::Val(v) = Lexer::new(&data, first.saturating_add(off)).token(0) {
                    found.push((num, v));
                }
            }
        }
        for (num, obj) in found {
            self.objects.entry(num).or_insert(Object { obj, stream: None });
        }
        Ok(())
    }
}

/// The object number of an `N G obj` header whose `obj` is at `k`.
fn header(b: &[u8], k: usize) -> Option<u32> {
    let mut j = k;
    let mut back = |f: fn(u8) -> bool| {
        let end = j;
        while j > 0 && end - j < 12 && b.get(j - 1).is_some_and(|&c| f(c)) {
            j -= 1;
        }
        (end > j).then_some((j, end))
    };
    back(is_white)?;
    back(|c| c.is_ascii_digit())?;
    back(is_white)?;
    let (start, end) = back(|c| c.is_ascii_digit())?;
    if start > 0 && b.get(start - 1).is_some_and(|&c| is_regular(c)) {
        return None;
    }
    std::str::from_utf8(b.get(start..end)?).ok()?.parse().ok()
}

/// Where a stream's data ends: by `/Length` when that lands on `endstream`,
/// else at the next `endstream` (or the end of a truncated file).
fn stream_end(b: &[u8], s: usize, length: Option<&Obj>) -> usize {
    if let Some(Obj::Num(n)) = length {
        let e = s.saturating_add(*n as usize);
        let mut lx = Lexer::new(b, e);
        lx.take(is_white);
        if e <= b.len() && b.get(lx.i..).is_some_and(|r| r.starts_with(b"endstream")) {
            return e;
        }
    }
    let Some(mut e) = find(b, b"endstream", s) else { return b.len() };
    for eol in [b'\n', b'\r'] {
        e -= usize::from(e > s && b.get(e - 1) == Some(&eol));
    }
    e
}

/// Reports a problem once per file.
fn note(sink: &mut Sink<'_>, noted: &mut HashSet<&'static str>, why: &'static str) {
    if noted.insert(why) {
        sink.problem(why);
    }
}

/// A stream's data with its filters undone; `None` when there is none, it
/// is unreadable, or a filter is not read here (noted).
fn decode(sink: &mut Sink<'_>, doc: &Doc<'_>, id: u32, noted: &mut HashSet<&'static str>) -> Result<Option<Vec<u8>>, Stop> {
    let Some(o) = doc.objects.get(&id) else { return Ok(None) };
    let Some(raw) = o.stream.and_then(|(s, e)| doc.bytes.get(s..e)) else { return Ok(None) };
    let filters = match doc.key(&o.obj, b"Filter") {
        Obj::Array(a) => a.iter().take(8).map(|f| doc.resolve(f)).collect(),
        f => vec![f],
    };
    let mut data = Cow::Borrowed(raw);
    for f in filters {
        let Obj::Name(f) = f else { continue };
        data = Cow::Owned(match &f[..] {
            b"FlateDecode" | b"Fl" => match sink.budget.inflate_zlib(&data) {
                Ok(v) => v,
                Err(Inflate::Stop(stop)) => return Err(stop),
                Err(Inflate::Corrupt(partial)) => {
                    note(sink, noted, "a damaged compressed stream");
                    if partial.is_empty() {
                        return Ok(None);
                    }
                    partial
                }
            },
            b"ASCIIHexDecode" | b"AHx" => Lexer::new(&data, 0).hex(),
            b"ASCII85Decode" | b"A85" => ascii85(&data),
            _ => {
                note(sink, noted, "a PDF stream compressed in a way PHI Guard does not read");
                return Ok(None);
            }
        });
    }
    Ok(Some(data.into_owned()))
}

fn ascii85(d: &[u8]) -> Vec<u8> {
    /// A group of up to five digits is up to four bytes.
    fn flush(group: &mut Vec<u32>, out: &mut Vec<u8>) {
        let n = group.len();
        group.resize(5, 84);
        out.extend(group.drain(..).fold(0u32, |a, c| a.wrapping_mul(85).wrapping_add(c)).to_be_bytes().iter().take(n.saturating_sub(1)));
    }
    let (mut out, mut group) = (Vec::new(), Vec::with_capacity(5));
    for &c in d.strip_prefix(b"<~").unwrap_or(d).iter().take_while(|&&c| c != b'~') {
        match c {
            b'z' if group.is_empty() => out.extend([0; 4]),
            b'!'..=b'u' => group.push(u32::from(c - b'!')),
            _ => {}
        }
        if group.len() == 5 {
            flush(&mut group, &mut out);
        }
    }
    flush(&mut group, &mut out);
    out
}

/// WinAnsi (close to PDFDocEncoding) for one byte.
fn win_ansi(c: u8) -> char {
    const HIGH: &str = "€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ";
    match c {
        0x80..=0x9F => HIGH.chars().nth(usize::from(c - 0x80)).unwrap_or(' '),
        0xAD => '-',
        _ => char::from(c),
    }
}

fn utf16(b: &[u8]) -> String {
    char::decode_utf16(b.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]]))).filter_map(Result::ok).collect()
}

/// A PDF text string (form field values, comments).
fn text_string(b: &[u8]) -> String {
    b.strip_prefix(b"\xFE\xFF").map_or_else(|| b.iter().map(|&c| win_ansi(c)).collect(), utf16)
}

/// Appends extracted text, expanding ligatures and dropping control characters.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            'ﬀ'..='ﬄ' => out.push_str(["ff", "fi", "fl", "ffi", "ffl"][c as usize - 'ﬀ' as usize]),
            '\t' | '\u{a0}' => out.push(' '),
            c if !c.is_control() => out.push(c),
            _ => {}
        }
    }
}

/// The text of a glyph name (`/Differences`): `a`, `uni0041`, `comma`...
fn glyph(name: &[u8]) -> Option<String> {
    const NAMES: &[(&str, &str)] = &[
        ("space", " "), ("period", "."), ("comma", ","), ("colon", ":"), ("semicolon", ";"), ("hyphen", "-"), ("slash", "/"),
        ("parenleft", "("), ("parenright", ")"), ("quoteright", "’"), ("quoteleft", "‘"), ("quotesingle", "'"), ("at", "@"),
        ("ampersand", "&"), ("numbersign", "#"), ("endash", "–"), ("emdash", "—"), ("fi", "fi"), ("fl", "fl"), ("ff", "ff"),
        ("zero", "0"), ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"), ("seven", "7"),
        ("eight", "8"), ("nine", "9"),
    ];
    let name = std::str::from_utf8(name).ok()?.split('.').next()?;
    if name.chars().count() == 1 {
        return Some(name.into());
    }
    if let Some(hex) = name.strip_prefix("uni").and_then(|h| h.get(..4)) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string())
}

fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &c| a << 8 | u32::from(c))
}

/// How a font's codes become text and how far each advances.
struct Font {
    /// Type0: codes are usually two bytes, glyph ids without a ToUnicode map.
    two_byte: bool,
    /// (code length, code) → text, from `/ToUnicode` and `/Differences`.
    map: HashMap<(u8, u32), String>,
    /// Code lengths in bytes, shortest first.
    lens: Vec<usize>,
    /// Glyph widths in thousandths of an em; `dw` for the rest.
    widths: HashMap<u32, f64>,
    dw: f64,
}

impl Font {
    fn plain() -> Font {
        Font { two_byte: false, map: HashMap::new(), lens: vec![1], widths: HashMap::new(), dw: 500.0 }
    }

    /// The next code of a string: the first length that has a mapping, else the shortest.
    fn next_code(&self, s: &[u8]) -> (u32, usize) {
        let l = self.lens.iter().copied().find(|&l| l <= s.len() && self.map.contains_key(&(l as u8, be(&s[..l]))));
        let l = l.unwrap_or_else(|| self.lens.first().copied().unwrap_or(1).clamp(1, s.len().max(1)));
        (be(s.get(..l).unwrap_or(s)), l)
    }

    fn push(&self, code: u32, len: usize, out: &mut String) {
        match self.map.get(&(len as u8, code)) {
            Some(t) => push_text(out, t),
            None if !self.two_byte => push_text(out, win_ansi(code as u8).encode_utf8(&mut [0; 4])),
            None => {}
        }
    }

    /// Reads a ToUnicode CMap: code space lengths, `bfchar` and `bfrange`
    /// entries, at most `room` of them.
    fn cmap(&mut self, data: &[u8], room: &mut usize) {
        let (mut lx, mut args) = (Lexer::new(data, 0), Vec::new());
        loop {
            let op = match lx.token(0) {
                Tok::End => break,
                Tok::Op(op) => op,
                Tok::Val(v) => {
                    if args.len() < MAX_ARGS {
                        args.push(v);
                    }
                    continue;
                }
                Tok::Close => continue,
            };
            match op {
                b"endcodespacerange" => self.lens.extend(args.iter().filter_map(|a| if let Obj::Str(s) = a { Some(s.len()) } else { None })),
                b"endbfchar" => {
                    for p in args.chunks_exact(2) {
                        match p {
                            [Obj::Str(src), Obj::Str(d)] => self.insert(src, 0, utf16(d), room),
                            [Obj::Str(src), Obj::Name(n)] => self.insert(src, 0, glyph(n).unwrap_or_default(), room),
                            _ => {}
                        }
                    }
                }
                b"endbfrange" => {
                    for p in args.chunks_exact(3) {
                        let [Obj::Str(lo), Obj::Str(hi), dst] = p else { continue };
                        for k in 0..=be(hi).saturating_sub(be(lo)).min(0xFFFF) {
                            let text = match dst {
                                Obj::Str(d) => {
                                    let mut d = d.clone();
                                    if let [.., h, l] = d.as_mut_slice() {
                                        [*h, *l] = u16::from_be_bytes([*h, *l]).wrapping_add(k as u16).to_be_bytes();
                                    }
                                    utf16(&d)
                                }
                                Obj::Array(a) => a.get(k as usize).map_or(String::new(), |d| if let Obj::Str(d) = d { utf16(d) } else { String::new() }),
                                _ => break,
                            };
                            if *room == 0 {
                                break;
                            }
                            self.insert(lo, k, text, room);
                        }
                    }
                }
                _ => {}
            }
            args.clear();
        }
    }

    /// Maps the code `src + k` (of `src`'s length) to `text`.
    fn insert(&mut self, src: &[u8], k: u32, text: String, room: &mut usize) {
        if (1..=4).contains(&src.len()) && *room > 0 && self.map.len() < MAX_MAP {
            *room -= 1;
            self.map.insert((src.len() as u8, be(src).saturating_add(k)), text);
        }
    }
}

/// The affine matrix `[a b c d e f]`.
type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &M, n: &M) -> M {
    let [a, b, c, d, e, f] = *m;
    [a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3], e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5]]
}

fn translate(tx: f64, ty: f64, m: &M) -> M {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

/// The last `N` operands as numbers (missing ones are 0).
fn nums<const N: usize>(args: &[Obj]) -> [f64; N] {
    let mut out = [0.0; N];
    for (o, a) in out.iter_mut().rev().zip(args.iter().rev()) {
        *o = a.num().unwrap_or(0.0);
    }
    out
}

/// The graphics state that text extraction needs (saved by `q`).
#[derive(Clone)]
struct Gs {
    ctm: M,
    font: Rc<Font>,
    size: f64,
    /// Character and word spacing, horizontal scale, leading.
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
}

/// One page's text as it is extracted.
#[derive(Default)]
struct Page {
    text: String,
    /// Where the last glyph ended, in device space.
    pen: Option<(f64, f64)>,
    images: usize,
    /// Form XObjects already drawn: each is read once per page.
    forms: HashSet<u32>,
}

impl Page {
    /// A line break or word gap, unless the text already has one.
    fn gap(&mut self, c: char) {
        if self.text.is_empty() || self.text.ends_with('\n') || (c == ' ' && self.text.ends_with(' ')) {
            return;
        }
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        self.text.push(c);
    }
}

/// Interprets content streams with the document's fonts.
struct Reader<'d, 'b> {
    doc: &'d Doc<'b>,
    streams: HashMap<u32, Option<Rc<[u8]>>>,
    fonts: HashMap<u32, Rc<Font>>,
    /// Font resource names from every `/Font` dictionary in the file, for
    /// names a page's own resources do not resolve.
    global_fonts: HashMap<Vec<u8>, u32>,
    plain: Rc<Font>,
    noted: HashSet<&'static str>,
    /// Code mappings and widths that fonts may still define.
    room: usize,
    /// Text bytes extracted so far, and the most allowed.
    used: usize,
    cap: usize,
}

impl<'d, 'b> Reader<'d, 'b> {
    fn new(doc: &'d Doc<'b>, noted: HashSet<&'static str>) -> Self {
        let mut global_fonts = HashMap::new();
        for (_, o) in doc.sorted() {
            for fonts in [doc.key(&o.obj, b"Font"), doc.key(doc.key(&o.obj, b"Resources"), b"Font")] {
                if let Obj::Dict(d) = fonts {
                    global_fonts.extend(d.iter().filter_map(|(k, v)| if let Obj::Ref(id) = v { Some((k.clone(), *id)) } else { None }));
                }
            }
        }
        let cap = doc.bytes.len().saturating_mul(4).saturating_add(1 << 16);
        let plain = Rc::new(Font::plain());
        Reader { doc, streams: HashMap::new(), fonts: HashMap::new(), global_fonts, plain, noted, room: MAX_MAPPED, used: 0, cap }
    }

    fn note(&mut self, sink: &mut Sink<'_>, why: &'static str) {
        note(sink, &mut self.noted, why);
    }

    fn decode(&mut self, sink: &mut Sink<'_>, id: u32) -> Result<Option<Rc<[u8]>>, Stop> {
        if let Some(d) = self.streams.get(&id) {
            return Ok(d.clone());
        }
        let d = decode(sink, self.doc, id, &mut self.noted)?.map(Rc::from);
        self.streams.insert(id, d.clone());
        Ok(d)
    }

    /// The font a `Tf` names: through the resources, else any font so named.
    fn font(&mut self, sink: &mut Sink<'_>, res: &'d Obj, name: &[u8]) -> Result<Rc<Font>, Stop> {
        let id = match self.doc.key(res, b"Font").get(name) {
            Some(Obj::Ref(id)) => *id,
            _ => match self.global_fonts.get(name) {
                Some(id) => *id,
                None => return Ok(self.plain.clone()),
            },
        };
        if let Some(f) = self.fonts.get(&id) {
            return Ok(f.clone());
        }
        sink.budget.tick()?;
        let doc = self.doc;
        let f = Rc::new(self.load_font(sink, doc.objects.get(&id).map_or(&NULL, |o| &o.obj))?);
        self.fonts.insert(id, f.clone());
        Ok(f)
    }

    fn load_font(&mut self, sink: &mut Sink<'_>, f: &'d Obj) -> Result<Font, Stop> {
        let (doc, mut room) = (self.doc, self.room);
        let mut font = Font { two_byte: f.is(b"Subtype", b"Type0"), lens: Vec::new(), ..Font::plain() };
        let mut widths = |ws: &mut HashMap<u32, f64>, from: u32, w: &mut dyn Iterator<Item = f64>| {
            for (k, w) in (from..=u32::MAX).zip(w).take(room.min(MAX_MAP.saturating_sub(ws.len()))) {
                ws.insert(k, w);
                room -= 1;
            }
        };
        if font.two_byte {
            let desc = match doc.key(f, b"DescendantFonts") {
                Obj::Array(a) => a.first().map_or(&NULL, |d| doc.resolve(d)),
                d => d,
            };
            font.dw = doc.key(desc, b"DW").num().unwrap_or(1000.0);
            let w = if let Obj::Array(w) = doc.key(desc, b"W") { &w[..] } else { &[] };
            let mut i = 0;
            while let Some(c) = w.get(i).and_then(Obj::num) {
                match (w.get(i + 1), w.get(i + 2)) {
                    (Some(Obj::Array(ws)), _) => widths(&mut font.widths, c as u32, &mut ws.iter().map(|x| x.num().unwrap_or(font.dw))),
                    (Some(Obj::Num(last)), Some(Obj::Num(x))) => {
                        let n = (*last as u32).saturating_sub(c as u32).min(0xFFFF) as usize + 1;
                        widths(&mut font.widths, c as u32, &mut std::iter::repeat_n(*x, n));
                        i += 1;
                    }
                    _ => break,
                }
                i += 2;
            }
        } else {
            let first = doc.key(f, b"FirstChar").num().unwrap_or(0.0) as u32;
            // Type3 widths are in glyph space, scaled by the font matrix.
            let scale = match doc.key(f, b"FontMatrix") {
                Obj::Array(m) if f.is(b"Subtype", b"Type3") => m.first().and_then(Obj::num).unwrap_or(0.001) * 1000.0,
                _ => 1.0,
            };
            if let Obj::Array(w) = doc.key(f, b"Widths") {
                widths(&mut font.widths, first, &mut w.iter().take(256).map(|x| doc.resolve(x).num().unwrap_or(500.0) * scale));
            }
            if let Obj::Array(diffs) = doc.key(doc.key(f, b"Encoding"), b"Differences") {
                let mut code = 0u32;
                for d in diffs {
                    match d {
                        Obj::Num(n) => code = *n as u32,
                        Obj::Name(n) => {
                            if let (Some(t), Ok(c)) = (glyph(n), u8::try_from(code)) {
                                font.map.insert((1, u32::from(c)), t);
                            }
                            code = code.saturating_add(1);
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Some(Obj::Ref(id)) = f.get(b"ToUnicode") {
            if let Some(data) = self.decode(sink, *id)? {
                font.cmap(&data, &mut room);
            }
        }
        self.room = room;
        font.lens.retain(|l| (1..=4).contains(l));
        if font.lens.is_empty() {
            font.lens.extend(font.map.keys().map(|(l, _)| usize::from(*l)));
        }
        font.lens.sort_unstable();
        font.lens.dedup();
        if font.lens.is_empty() {
            font.lens.push(if font.two_byte { 2 } else { 1 });
        }
        Ok(font)
    }

    /// Runs a content stream, appending its text to the page.
    fn run(&mut self, sink: &mut Sink<'_>, data: &[u8], res: &'d Obj, mut gs: Gs, page: &mut Page, depth: usize) -> Step {
        let (mut lx, mut args, mut saved) = (Lexer::new(data, 0), Vec::new(), Vec::new());
        let (mut tm, mut tlm, mut ops) = (ID, ID, 0u32);
        loop {
            let op = match lx.token(0) {
                Tok::End => break,
                Tok::Close => continue,
                Tok::Val(v) => {
                    if args.len() >= MAX_ARGS {
                        args.clear();
                    }
                    args.push(v);
                    continue;
                }
                Tok::Op(op) => op,
            };
            ops = ops.wrapping_add(1);
            if ops % 4096 == 0 {
                sink.budget.tick()?;
            }
            let [a, b] = nums::<2>(&args);
            match op {
                b"q" if saved.len() < 64 => saved.push(gs.clone()),
                b"Q" => gs = saved.pop().unwrap_or(gs),
                b"cm" => gs.ctm = mul(&nums::<6>(&args), &gs.ctm),
                b"BT" => (tm, tlm) = (ID, ID),
                b"Tf" => {
                    if let [.., Obj::Name(name), size] = args.as_slice() {
                        gs.font = self.font(sink, res, name)?;
                        gs.size = size.num().unwrap_or(0.0);
                    }
                }
                b"Tc" => gs.tc = b,
                b"Tw" => gs.tw = b,
                b"Tz" => gs.th = b / 100.0,
                b"TL" => gs.tl = b,
                b"Td" | b"TD" => {
                    if op == b"TD" {
                        gs.tl = -b;
                    }
                    tlm = translate(a, b, &tlm);
                    tm = tlm;
                }
                b"Tm" => (tm, tlm) = (nums::<6>(&args), nums::<6>(&args)),
                b"T*" | b"'" | b"\"" => {
                    if op == b"\"" {
                        [gs.tw, gs.tc, _] = nums::<3>(&args);
                    }
                    tlm = translate(0.0, -gs.tl, &tlm);
                    tm = tlm;
                    if let (b"'" | b"\"", Some(Obj::Str(s))) = (op, args.last()) {
                        self.show(sink, page, &gs, &mut tm, s);
                    }
                }
                b"Tj" => {
                    if let Some(Obj::Str(s)) = args.last() {
                        self.show(sink, page, &gs, &mut tm, s);
                    }
                }
                b"TJ" => {
                    for item in if let Some(Obj::Array(items)) = args.last() { &items[..] } else { &[] } {
                        match item {
                            Obj::Str(s) => self.show(sink, page, &gs, &mut tm, s),
                            Obj::Num(n) => tm = translate(-n / 1000.0 * gs.size * gs.th, 0.0, &tm),
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if let Some(Obj::Name(name)) = args.last() {
                        self.draw(sink, res, name, &gs, page, depth)?;
                    }
                }
                b"BI" => {
                    page.images += 1;
                    let data_at = find_word(data, b"ID", lx.i).unwrap_or(data.len());
                    lx.i = find_word(data, b"EI", data_at.saturating_add(3)).map_or(data.len(), |e| e + 2);
                }
                _ => {}
            }
            args.clear();
        }
        Ok(())
    }

    /// `Do`: an image is counted; a form XObject's content is run (once per page).
    fn draw(&mut self, sink: &mut Sink<'_>, res: &'d Obj, name: &[u8], gs: &Gs, page: &mut Page, depth: usize) -> Step {
        let doc = self.doc;
        let Some(Obj::Ref(id)) = doc.key(res, b"XObject").get(name) else { return Ok(()) };
        let Some(x) = doc.objects.get(id) else { return Ok(()) };
        if x.obj.is(b"Subtype", b"Image") {
            page.images += 1;
        } else if x.obj.is(b"Subtype", b"Form") && depth < MAX_FORM_DEPTH && page.forms.insert(*id) {
            if let Some(data) = self.decode(sink, *id)? {
                let own = doc.key(&x.obj, b"Resources");
                let mut g = gs.clone();
                if let Obj::Array(m) = doc.key(&x.obj, b"Matrix") {
                    g.ctm = mul(&nums::<6>(m), &gs.ctm);
                }
                self.run(sink, &data, if matches!(own, Obj::Dict(_)) { own } else { res }, g, page, depth + 1)?;
            }
        }
        Ok(())
    }

    /// Shows a string: a line break or space first if the pen moved, then
    /// the glyphs' text, advancing the text matrix by their widths.
    fn show(&mut self, sink: &mut Sink<'_>, page: &mut Page, gs: &Gs, tm: &mut M, s: &[u8]) {
        let font = gs.font.clone();
        if font.two_byte && font.map.is_empty() && !s.is_empty() {
            self.note(sink, "a PDF font whose text cannot be decoded");
        }
        if self.used > self.cap {
            return self.note(sink, "a PDF with far more text than its size suggests; the rest was not read");
        }
        let trm = mul(tm, &gs.ctm);
        let size = (gs.size * trm[2].hypot(trm[3])).abs();
        if let Some((px, py)) = page.pen {
            // The move since the last glyph, along the text's direction and across it.
            let len = trm[0].hypot(trm[1]);
            let (ux, uy) = if len > 1e-9 { (trm[0] / len, trm[1] / len) } else { (1.0, 0.0) };
            let (dx, dy) = (trm[4] - px, trm[5] - py);
            let (along, across) = (dx * ux + dy * uy, dy * ux - dx * uy);
            if across.abs() > size * 0.5 {
                page.gap('\n');
            } else if along > size * 0.18 || along < -size {
                page.gap(' ');
            }
        }
        let (before, mut rest) = (page.text.len(), s);
        while !rest.is_empty() {
            let (code, len) = font.next_code(rest);
            rest = rest.get(len..).unwrap_or_default();
            font.push(code, len, &mut page.text);
            let w = font.widths.get(&code).copied().unwrap_or(font.dw) / 1000.0 * gs.size;
            let space = if len == 1 && code == 32 { gs.tw } else { 0.0 };
            *tm = translate((w + gs.tc + space) * gs.th, 0.0, tm);
        }
        self.used = self.used.saturating_add(page.text.len().saturating_sub(before));
        let end = mul(tm, &gs.ctm);
        page.pen = Some((end[4], end[5]));
    }
}

/// Extracts a PDF's text: one part per page (`pdf:page N`), or one `pdf`
/// part when no page tree is found; filled form fields and comments follow.
pub(crate) fn extract(sink: &mut Sink<'_>, bytes: &[u8]) -> Step {
    let mut doc = Doc::scan(sink, bytes)?;
    if doc.objects.is_empty() {
        sink.problem("a damaged PDF: no objects found");
        return Ok(());
    }
    if doc.encrypted() {
        sink.problem("an encrypted PDF");
        return Ok(());
    }
    let mut noted = HashSet::new();
    doc.unpack(sink, &mut noted)?;
    let mut r = Reader::new(&doc, noted);
    let gs = Gs { ctm: ID, font: r.plain.clone(), size: 1.0, tc: 0.0, tw: 0.0, th: 1.0, tl: 0.0 };
    let (mut text_pages, mut scanned) = (0, 0);
    let pages = doc.pages();
    if pages.is_empty() {
        // No page tree: every stream that shows text, in object order.
        let mut page = Page::default();
        for (id, o) in doc.sorted() {
            let skip = o.obj.is(b"Subtype", b"Image") || [&b"XRef"[..], b"ObjStm", b"Metadata", b"EmbeddedFile"].iter().any(|t| o.obj.is(b"Type", t));
            if o.stream.is_none() || skip || o.obj.get(b"Length1").is_some() {
                continue;
            }
            if let Some(data) = r.decode(sink, id)?.filter(|d| find_word(d, b"BT", 0).is_some() && find_word(d, b"ET", 0).is_some()) {
                r.run(sink, &data, &NULL, gs.clone(), &mut page, 0)?;
                page.gap('\n');
            }
        }
        text_pages += usize::from(!page.text.trim().is_empty());
        sink.text("pdf", page.text);
    }
    for (n, id) in pages.iter().enumerate() {
        sink.budget.tick()?;
        let page_obj = doc.objects.get(id).map_or(&NULL, |o| &o.obj);
        let mut data = Vec::new();
        for c in doc.contents(page_obj) {
            match r.decode(sink, c)? {
                Some(d) => data.extend_from_slice(&d),
                None if !doc.objects.contains_key(&c) => r.note(sink, "a damaged PDF: parts of it are missing"),
                None => {}
            }
            data.push(b'\n');
        }
        let mut page = Page::default();
        r.run(sink, &data, doc.inherited(page_obj, b"Resources"), gs.clone(), &mut page, 0)?;
        let has_text = !page.text.trim().is_empty();
        text_pages += usize::from(has_text);
        scanned += usize::from(!has_text && page.images > 0);
        sink.text(&format!("pdf:page {}", n + 1), page.text);
    }
    let (mut form, mut comments) = (String::new(), String::new());
    for (_, o) in doc.sorted() {
        let d = &o.obj;
        if let (Obj::Str(v), true) = (doc.key(d, b"V"), d.get(b"FT").is_some() || d.get(b"T").is_some()) {
            if let Obj::Str(t) = doc.key(d, b"T") {
                form.push_str(&text_string(t));
                form.push_str(": ");
            }
            form.push_str(&text_string(v));
            form.push('\n');
        } else if let (Obj::Str(c), Some(_), false) = (doc.key(d, b"Contents"), d.get(b"Rect"), d.is(b"Subtype", b"Widget")) {
            comments.push_str(&text_string(c));
            comments.push('\n');
        }
    }
    sink.text("pdf:form", form);
    sink.text("pdf:comments", comments);
    if doc.objects.values().any(|o| o.obj.is(b"Type", b"EmbeddedFile")) {
        sink.problem("a file attached inside the PDF");
    }
    if text_pages == 0 && (scanned > 0 || doc.objects.values().any(|o| o.obj.is(b"Subtype", b"Image"))) {
        sink.photo("pdf", "image-only PDF", 0.6, "an image-only (scanned) PDF: its text cannot be read here");
        sink.problem("an image-only PDF (scanned pages); its text cannot be read here");
    } else if scanned > 0 {
        sink.photo("pdf", "scanned page", 0.6, "a scanned page in a PDF: its text cannot be read here");
        sink.problem("a PDF with scanned pages (images without text); their text cannot be read here");
    } else if text_pages == 0 {
        sink.problem("a PDF without readable text (blank, or its text drawn as shapes)");
    }
    if find(bytes, b"%%EOF", 0).is_none() {
        r.note(sink, "a damaged PDF: the file is truncated");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Kind, Policy, Scanner, Verdict};

    fn obj(s: &str) -> Vec<u8> {
        s.as_bytes().to_vec()
    }

    use crate::files::build::{damaged, pdf_file as build, pdf_one_page as one_page, pdf_stream as stream};

    const HELVETICA: &str = "<< /Font << /F1 5 0 R >> >>";

    fn helvetica() -> Vec<Vec<u8>> {
        vec![obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")]
    }

    fn note_pdf() -> Vec<u8> {
        let content = b"BT /F1 12 Tf 72 720 Td (Patient: Maria Gonzalez  DOB: 03/14/1962  MRN: 00412345) Tj\n\
            0 -14 Td (Seen today for follow-up of type 2 diabetes \\(well controlled\\).) Tj ET";
        one_page(content, false, HELVETICA, helvetica())
    }

    fn kerned_pdf() -> Vec<u8> {
        let content = b"BT /F1 11 Tf 14 TL 1 0 0 1 72 700 Tm [(Pa)30(tient:)-280(Maria)-250(Gon)15(zalez)] TJ\n\
            T* [(DOB:)-300(03/14/1962)] TJ (MRN: 00412345) ' ET";
        one_page(content, true, HELVETICA, helvetica())
    }

    /// Glyph ids of the Identity-H test font: a-z from 0x10, digits from 0x130, the rest from 0x100.
    fn cid(text: &str) -> String {
        const OTHER: &str = " :/ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let codes = text.chars().map(|c| match c {
            'a'..='z' => 0x10 + (c as u32 - 'a' as u32),
            '0'..='9' => 0x130 + (c as u32 - '0' as u32),
            _ => 0x100 + OTHER.find(c).unwrap() as u32,
        });
        format!("<{}>", codes.map(|c| format!("{c:04X}")).collect::<String>())
    }

    fn type0_pdf() -> Vec<u8> {
        let mut cmap = String::from("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Adobe-Identity-UCS def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        cmap.push_str("29 beginbfchar\n");
        for (i, c) in " :/ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().enumerate() {
            cmap.push_str(&format!("<{:04X}> <{:04X}>\n", 0x100 + i, c as u32));
        }
        cmap.push_str("endbfchar\n2 beginbfrange\n<0010> <0029> <0061>\n<0130> <0139> [");
        cmap.extend((0..10).map(|d| format!("<{:04X}>", 0x30 + d)));
        cmap.push_str("]\nendbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end\n");
        let content = format!("BT /F1 10 Tf 72 700 Td {} Tj 0 -12 Td [{} -300 {}] TJ ET", cid("Patient: Maria Gonzalez"), cid("DOB:"), cid("03/14/1962"));
        let fonts = [
            (5, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"),
            (6, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial /DW 500 /W [16 41 520 256 [250 300]] >>"),
        ];
        let (mut head, mut body) = (String::new(), String::new());
        for (n, o) in fonts {
            head.push_str(&format!("{n} {} ", body.len()));
            body.push_str(o);
            body.push('\n');
        }
        let objstm = stream(&format!("/Type /ObjStm /N 2 /First {}", head.len()), (head + &body).as_bytes(), true);
        let extra = vec![Vec::new(), Vec::new(), stream("", cmap.as_bytes(), true), objstm];
        one_page(content.as_bytes(), true, HELVETICA, extra)
    }

    fn image_pdf() -> Vec<u8> {
        let image = stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", b"\xFF\xD8\xFF\xD9", false);
        one_page(b"q 612 0 0 792 0 0 cm /Im1 Do Q", true, "<< /XObject << /Im1 5 0 R >> >>", vec![image])
    }

    fn clean_pdf() -> Vec<u8> {
        let content = b"BT /F1 12 Tf 72 720 Td (Release notes) Tj 0 -14 Td (The export dialog now remembers the last folder used.) Tj\n\
            0 -14 Td (Fixed a rare crash when opening large spreadsheets.) Tj ET";
        one_page(content, true, HELVETICA, helvetica())
    }

    fn scanner() -> Scanner {
        Scanner::new(Policy::default()).unwrap()
    }

    fn kinds(scan: &crate::FileScan<'_>) -> Vec<Kind> {
        scan.report.findings.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_patient_note_is_found() {
        let bytes = note_pdf();
        let scan = scanner().scan_file("note.pdf", &bytes);
        assert_eq!(scan.format, "pdf");
        assert!(scan.text.contains("Patient: Maria Gonzalez  DOB: 03/14/1962  MRN: 00412345\nSeen today"), "{}", scan.text);
        assert!(scan.text.contains("(well controlled)"), "{}", scan.text);
        assert_eq!(scan.report.verdict, Verdict::Warn);
        assert!(scan.report.notes.is_empty(), "{:?}", scan.report.notes);
        for kind in [Kind::PersonName, Kind::Date, Kind::Mrn] {
            assert!(kinds(&scan).contains(&kind), "{kind:?} in {:?}", scan.report.findings);
        }
        assert!(scan.report.findings.iter().all(|f| f.source.as_deref().is_some_and(|s| s.starts_with("pdf:page 1"))), "{:?}", scan.report.findings);
    }

    #[test]
    fn compressed_streams_and_kerned_arrays() {
        let bytes = kerned_pdf();
        let scan = scanner().scan_file("note.pdf", &bytes);
        assert!(scan.text.contains("Patient: Maria Gonzalez\nDOB: 03/14/1962\nMRN: 00412345"), "{}", scan.text);
        assert_eq!(scan.report.verdict, Verdict::Warn);
        for kind in [Kind::PersonName, Kind::Date, Kind::Mrn] {
            assert!(kinds(&scan).contains(&kind), "{kind:?} in {:?}", scan.report.findings);
        }
    }

    #[test]
    fn two_byte_fonts_decode_through_to_unicode() {
        let bytes = type0_pdf();
        let scan = scanner().scan_file("note.pdf", &bytes);
        assert!(scan.text.contains("Patient: Maria Gonzalez\nDOB: 03/14/1962"), "{}", scan.text);
        assert!(scan.report.notes.is_empty(), "{:?}", scan.report.notes);
        assert!(kinds(&scan).contains(&Kind::PersonName) && kinds(&scan).contains(&Kind::Date), "{:?}", scan.report.findings);
    }

    #[test]
    fn image_only_pdfs_are_not_clean() {
        let bytes = image_pdf();
        let scan = scanner().scan_file("scan.pdf", &bytes);
        assert_eq!(scan.report.verdict, Verdict::Warn);
        assert!(kinds(&scan).contains(&Kind::Photo), "{:?}", scan.report.findings);
        assert!(scan.report.notes.iter().any(|n| n.starts_with("could not inspect") && n.contains("image-only")), "{:?}", scan.report.notes);
    }

    #[test]
    fn encrypted_pdfs_are_reported() {
        let objs = [obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [] /Count 0 >>"), obj("<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>")];
        let bytes = build(&objs, " /Encrypt 3 0 R /ID [<01> <01>]");
        let scan = scanner().scan_file("secret.pdf", &bytes);
        assert_eq!(scan.report.verdict, Verdict::Warn);
        assert_eq!(scan.report.notes, ["could not inspect: an encrypted PDF"]);
    }

    #[test]
    fn a_clean_pdf_is_allowed() {
        let bytes = clean_pdf();
        let scan = scanner().scan_file("release.pdf", &bytes);
        assert!(scan.text.contains("The export dialog now remembers the last folder used."), "{}", scan.text);
        assert_eq!(scan.report.verdict, Verdict::Allow, "{:?}", scan.report);
        assert!(scan.report.notes.is_empty() && scan.report.findings.is_empty());
    }

    #[test]
    fn damaged_pdfs_are_read_as_far_as_they_go() {
        let s = scanner();
        let garbage = s.scan_file("x.pdf", b"%PDF-1.4\nthis is not really a pdf\n");
        assert!(garbage.report.notes.iter().any(|n| n.contains("damaged PDF")), "{:?}", garbage.report.notes);
        assert_eq!(garbage.report.verdict, Verdict::Warn);
        // Cut after the content stream: the text is read, the cut is noted.
        let bytes = note_pdf();
        let cut = find(&bytes, b"5 0 obj", 0).unwrap();
        let scan = s.scan_file("note.pdf", &bytes[..cut]);
        assert!(scan.text.contains("Maria Gonzalez"), "{}", scan.text);
        assert!(scan.report.notes.iter().any(|n| n.contains("truncated")), "{:?}", scan.report.notes);
        // No page tree at all: text streams are still read.
        let bare = build(&[stream("", b"BT /F9 12 Tf 72 720 Td (Patient: Maria Gonzalez) Tj ET", true)], "");
        let scan = s.scan_file("bare.pdf", &bare);
        assert!(scan.report.findings.iter().any(|f| f.kind == Kind::PersonName && f.source.as_deref() == Some("pdf")), "{:?}", scan.report);
    }

    #[test]
    fn form_fields_are_read() {
        let extra = vec![obj("<< /FT /Tx /T (PatientName) /V (Maria Gonzalez) /Rect [0 0 10 10] /Subtype /Widget >>")];
        let bytes = one_page(b"BT /F1 12 Tf 72 720 Td (Intake form) Tj ET", false, "<< >>", extra);
        let scan = scanner().scan_file("form.pdf", &bytes);
        assert!(scan.text.contains("PatientName: Maria Gonzalez"), "{}", scan.text);
    }

    #[test]
    fn strings_and_cmaps_tokenize() {
        let mut lx = Lexer::new(b"(a\\(b\\)c (nested) \\\\ \\101\\t\\\nx) <48 65 6C6>", 0);
        assert!(matches!(lx.token(0), Tok::Val(Obj::Str(s)) if s == b"a(b)c (nested) \\ A\tx"));
        assert!(matches!(lx.token(0), Tok::Val(Obj::Str(s)) if s == b"Hel`"));
        assert_eq!(win_ansi(0x80), '€');
        assert_eq!(win_ansi(0x9F), 'Ÿ');
        assert_eq!(ascii85(b"<~87cURD]i,\"Ebo80~>"), b"Hello World!");
    }

    #[test]
    fn no_input_panics() {
        let s = scanner();
        let mut deep = b"%PDF-1.4\n1 0 obj\n".to_vec();
        deep.extend(b"[<<".repeat(50_000));
        deep.extend(b"\n2 0 obj\n<< /Length 3 >> stream\nBT ");
        deep.extend(b"[".repeat(50_000));
        deep.extend(b" ET");
        s.scan_file("deep.pdf", &deep);
        let mut fixtures = vec![note_pdf(), kerned_pdf(), type0_pdf(), image_pdf(), clean_pdf()];
        let form = stream("/Type /XObject /Subtype /Form /Resources << /XObject << /Fm1 5 0 R >> >>", b"/Fm1 Do [[[[[[[[[[ BI /W 1 ID x EI", false);
        fixtures.push(one_page(b"/Fm1 Do BT (x) Tj ET BI ID", false, "<< /XObject << /Fm1 5 0 R >> >>", vec![form]));
        damaged(&fixtures, 7, 0, 500, |b| {
            s.scan_file("x.pdf", b);
        });
    }
}
