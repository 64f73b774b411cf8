//! A small, forgiving XML pull reader for the XML inside attachments
//! (Office parts, C-CDA, XMP). It knows the five predefined entities and
//! character references and nothing else: no DTDs, no external entities,
//! so nothing in a file can make it fetch, expand or recurse. Malformed
//! input ends the events early; it never panics.

use std::borrow::Cow;

/// One step through a document.
#[derive(Debug, PartialEq)]
pub(crate) enum Event<'a> {
    /// `<name attrs>` or, with `empty`, `<name attrs/>`.
    Start { name: &'a str, attrs: &'a str, empty: bool },
    /// `</name>`.
    End { name: &'a str },
    /// Character data between tags (CDATA included), entities decoded.
    Text(Cow<'a, str>),
}

/// The events of a document, in order.
pub(crate) struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(s: &'a str) -> Reader<'a> {
        Reader { s, pos: 0 }
    }

    /// Byte offset of the next event.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Event::Text(unescape(&rest[..end])));
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>")?;
                self.pos += 9 + end + 3;
                return Some(Event::Text(Cow::Borrowed(&body[..end])));
            }
            let skip = if rest.starts_with("<!--") {
                rest.find("-->").map(|e| e + 3)
            } else if rest.starts_with("<?") {
                rest.find("?>").map(|e| e + 2)
            } else if rest.starts_with("<!") {
                // DOCTYPE: skipped whole, internal subset included; its entities are never used.
                let bracket = rest.find('[');
                let gt = rest.find('>')?;
                match bracket {
                    Some(b) if b < gt => rest.find("]>").or_else(|| rest[b..].find(']').map(|e| b + e)).map(|e| e + 2),
                    _ => Some(gt + 1),
                }
            } else {
                None
            };
            if let Some(n) = skip {
                self.pos += n.min(rest.len());
                continue;
            }
            let end = tag_end(rest)?;
            let tag = &rest[1..end];
            self.pos += end + 1;
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Event::End { name: name.trim() });
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let split = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
            return Some(Event::Start { name: &tag[..split], attrs: &tag[split..], empty });
        }
    }
}

/// The `>` that closes the tag starting `s`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A name without its namespace prefix (`w:t` → `t`).
pub(crate) fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of attribute `name` (matched on its local name), decoded.
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(q)?;
        let value = &after[1..1 + close];
        if local(key) == name {
            return Some(unescape(value));
        }
        rest = &after[close + 2..];
    }
}

/// Decodes `&amp; &lt; &gt; &quot; &apos;` and character references;
/// anything else is left as written.
pub(crate) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|e| {
            let c = match &rest[1..e] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                r if r.starts_with("#x") || r.starts_with("#X") => char::from_u32(u32::from_str_radix(&r[2..], 16).ok()?)?,
                r if r.starts_with('#') => char::from_u32(r[1..].parse().ok()?)?,
                _ => return None,
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_text_and_attributes() {
        let doc = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><!-- c --><w:p a="1 > 2"><w:t xml:space="preserve">Tom &amp; Jo&#233;</w:t><br/><![CDATA[<raw>]]></w:p>"#;
        let events: Vec<Event> = Reader::new(doc).collect();
        assert_eq!(
            events,
            [
                Event::Start { name: "w:p", attrs: r#" a="1 > 2""#, empty: false },
                Event::Start { name: "w:t", attrs: r#" xml:space="preserve""#, empty: false },
                Event::Text(Cow::Owned("Tom & Joé".into())),
                Event::End { name: "w:t" },
                Event::Start { name: "br", attrs: "", empty: true },
                Event::Text(Cow::Borrowed("<raw>")),
                Event::End { name: "w:p" },
            ]
        );
        assert_eq!(attr(r#" root="2.16" extension='A&lt;1'"#, "extension").as_deref(), Some("A<1"));
        assert_eq!(attr(r#" xsi:type="TS""#, "type").as_deref(), Some("TS"));
        assert_eq!(attr(r#" a="1""#, "b"), None);
        assert_eq!(local("hl7:given"), "given");
    }

    #[test]
    fn malformed_input_ends_quietly() {
        for doc in ["<a", "<a b=\"", "<![CDATA[x", "<!-- x", "&#xFFFFFFFF; &#; &", "<a>&amp", "<>", "</>", "<!DOCTYPE [ x"] {
            let _ = Reader::new(doc).count();
            let _ = unescape(doc);
            let _ = attr(doc, "b");
        }
        assert_eq!(unescape("a &bogus; &#xD800; b"), "a &bogus; &#xD800; b");
    }
}
