//! Images: always a low-score `photo` (an image may show a face, and text
//! in its pixels cannot be read here), then the metadata text that travels
//! with it: EXIF (JPEG APP1, PNG `eXIf`, TIFF itself, WebP `EXIF`, HEIC and
//! AVIF by a bounded search), XMP packets, PNG text chunks and JPEG
//! comments. Names go in as name fields, free text as lines for the normal
//! scan, a GPS position as a finding. Damaged metadata is skipped quietly:
//! the image itself is already reported.

use super::{xml, Budget, Inflate, Record, Sink, Step};
use crate::labels::Role;
use crate::Kind;
use std::borrow::Cow;

/// Bytes searched for an Exif block or XMP packet in formats not walked
/// structurally (GIF, HEIC, AVIF) or when the walk found none.
const SEARCH: usize = 16 << 20;
/// Most IFDs read from one EXIF block (pages, sub-IFDs, loops).
const MAX_IFDS: usize = 32;
const XMP_APP1: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// Whether the bytes are an image this module reads.
pub(crate) fn sniff(b: &[u8]) -> bool {
    b.starts_with(b"\x89PNG\r\n\x1a\n")
        || b.starts_with(b"\xFF\xD8\xFF")
        || b.starts_with(b"GIF87a")
        || b.starts_with(b"GIF89a")
        || (b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP"))
        || b.starts_with(b"II*\0")
        || b.starts_with(b"MM\0*")
        || heif(b)
}

/// An ISO BMFF file whose `ftyp` names a HEIF or AVIF brand.
fn heif(b: &[u8]) -> bool {
    const BRANDS: &[&[u8]] = &[b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"];
    if b.get(4..8) != Some(b"ftyp") {
        return false;
    }
    let size = be32(b, 0).map_or(0, |s| s as usize).clamp(8, 64).min(b.len());
    // The major brand, then the compatible brands (the minor version is skipped).
    b.get(8..12).is_some_and(|m| BRANDS.contains(&m)) || b.get(16..size).is_some_and(|c| c.chunks_exact(4).any(|m| BRANDS.contains(&m)))
}

/// Reads an image into the sink.
pub(crate) fn extract(sink: &mut Sink<'_>, bytes: &[u8]) -> Step {
    sink.photo("image", "image", 0.3, "an image: may show a face; text in it cannot be read here");
    let mut meta = Meta { budget: &mut sink.budget, rec: Record::new(""), exif: false, xmp: false, gps: false };
    let step = meta.read(bytes);
    let rec = meta.rec;
    sink.record(rec);
    step
}

/// What a metadata value is.
enum Out {
    /// A person's name (author, owner, a person shown): a name field.
    Name,
    /// Free text or context: a line the normal scan reads.
    Line,
    /// An identifier of this kind and score, with why.
    Find(Kind, f32, &'static str),
}

/// Metadata read so far.
struct Meta<'b> {
    budget: &'b mut Budget,
    rec: Record,
    exif: bool,
    xmp: bool,
    gps: bool,
}

impl Meta<'_> {
    fn read(&mut self, b: &[u8]) -> Step {
        if b.starts_with(b"\x89PNG") {
            self.png(b)?;
        } else if b.starts_with(b"\xFF\xD8") {
            self.jpeg(b)?;
        } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
            self.exif(b)?;
        } else if b.starts_with(b"RIFF") {
            self.riff(b)?;
        }
        let head = &b[..b.len().min(SEARCH)];
        if !self.exif && heif(b) {
            // A HEIF Exif item is a 4-byte offset, then `Exif\0\0` and a TIFF header.
            let mut from = 0;
            while let Some(at) = find(&head[from..], b"Exif\0\0").map(|i| from + i + 6) {
                if matches!(head.get(at..at + 4), Some(b"II*\0" | b"MM\0*")) {
                    self.exif(&head[at..])?;
                    break;
                }
                from = at;
            }
        }
        if !self.xmp {
            if let Some(start) = find(head, b"<x:xmpmeta") {
                let end = find(&head[start..], b"</x:xmpmeta>").map_or(head.len(), |e| start + e + 12);
                self.xmp(&head[start..end])?;
            }
        }
        Ok(())
    }

    fn put(&mut self, name: &str, value: &str, out: Out, source: &str) {
        let value = value.trim_matches(|c: char| c.is_whitespace() || c == '\0');
        if value.is_empty() {
            return;
        }
        match out {
            Out::Name => self.rec.field(name, value, Role::Name, source),
            Out::Line => self.rec.line(&format!("{name}: {value}")),
            Out::Find(kind, score, why) => self.rec.finding(name, value, kind, score, why, source),
        }
    }

    fn gps(&mut self, lat: f64, lon: f64) {
        let sane = lat.abs() <= 90.0 && lon.abs() <= 180.0 && (lat, lon) != (0.0, 0.0);
        if !self.gps && sane {
            self.gps = true;
            let why = "GPS position in the image metadata (a geocode smaller than a state)";
            self.rec.finding("GPS", &format!("{lat:.4}, {lon:.4}"), Kind::StreetAddress, 0.6, why, "exif:GPS");
        }
    }

    /// JPEG: the segments before the image data (APP1 EXIF and XMP, COM).
    fn jpeg(&mut self, b: &[u8]) -> Step {
        let mut pos = 2;
        while let (Some(&0xFF), Some(&marker)) = (b.get(pos), b.get(pos + 1)) {
            self.budget.tick()?;
            match marker {
                0xFF => pos += 1,
                0x01 | 0xD0..=0xD8 => pos += 2,
                0xD9 | 0xDA => break,
                _ => {
                    let Some(len) = be16(b, pos + 2).filter(|&l| l >= 2) else { break };
                    let Some(seg) = b.get(pos + 4..pos + 2 + len as usize) else { break };
                    if marker == 0xE1 && seg.starts_with(b"Exif\0\0") {
                        self.exif(&seg[6..])?;
                    } else if marker == 0xE1 && seg.starts_with(XMP_APP1) {
                        self.xmp(&seg[XMP_APP1.len()..])?;
                    } else if marker == 0xFE {
                        self.budget.entry()?;
                        self.put("Comment", &latin1(seg), Out::Line, "jpeg:COM");
                    }
                    pos += 2 + len as usize;
                }
            }
        }
        Ok(())
    }

    /// PNG: `eXIf`, and the text chunks (`tEXt`, `zTXt`, `iTXt`).
    fn png(&mut self, b: &[u8]) -> Step {
        let mut pos = 8;
        while let (Some(n), Some(kind)) = (be32(b, pos), b.get(pos + 4..pos + 8)) {
            self.budget.tick()?;
            let Some(data) = (pos + 8).checked_add(n as usize).and_then(|end| b.get(pos + 8..end)) else { break };
            match kind {
                b"eXIf" => self.exif(data)?,
                b"tEXt" | b"zTXt" | b"iTXt" => {
                    self.budget.entry()?;
                    if let Some((keyword, text)) = self.png_text(kind, data)? {
                        self.png_keyword(&keyword, &text)?;
                    }
                }
                b"IEND" => break,
                _ => {}
            }
            pos += 12 + n as usize;
        }
        Ok(())
    }

    /// A text chunk's keyword and text, inflated and decoded.
    fn png_text(&mut self, kind: &[u8], data: &[u8]) -> Result<Option<(String, String)>, super::Stop> {
        let Some(nul) = data.iter().position(|&c| c == 0) else { return Ok(None) };
        let keyword = latin1(&data[..nul]);
        let rest = &data[nul + 1..];
        let (compressed, utf8, body) = match kind {
            b"tEXt" => (false, false, rest),
            b"zTXt" => (true, false, rest.get(1..).unwrap_or_default()),
            _ => {
                // iTXt: compression flag and method, language tag, translated keyword, text.
                let flag = rest.first() == Some(&1);
                let mut body = rest.get(2..).unwrap_or_default();
                for _ in 0..2 {
                    body = body.iter().position(|&c| c == 0).map_or(&[][..], |i| &body[i + 1..]);
                }
                (flag, true, body)
            }
        };
        let inflated;
        let body = if compressed {
            inflated = match self.budget.inflate_zlib(body) {
                Ok(out) | Err(Inflate::Corrupt(out)) => out,
                Err(Inflate::Stop(s)) => return Err(s),
            };
            &inflated[..]
        } else {
            body
        };
        Ok(Some((keyword, if utf8 { String::from_utf8_lossy(body).into_owned() } else { latin1(body) })))
    }

    fn png_keyword(&mut self, keyword: &str, text: &str) -> Step {
        if keyword == "XML:com.adobe.xmp" {
            return self.xmp(text.as_bytes());
        }
        if let Some(profile) = keyword.strip_prefix("Raw profile type ") {
            // ImageMagick: a name line, a length line, then the bytes in hex.
            let hex: Vec<u8> = text.trim_start().splitn(3, '\n').nth(2).unwrap_or("").bytes().filter(u8::is_ascii_hexdigit).collect();
            let raw: Vec<u8> = hex.chunks_exact(2).filter_map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok()).collect();
            return match profile {
                "exif" | "APP1" if raw.starts_with(b"Exif\0\0") => self.exif(&raw[6..]),
                "exif" | "APP1" => self.exif(&raw),
                "xmp" => self.xmp(&raw),
                _ => Ok(()),
            };
        }
        // Written by programs, not people: tool banners, hashes, dates, draw.io's encoded diagram.
        if matches!(keyword, "Software" | "Signature" | "Page" | "mxfile") || keyword.starts_with("date:") {
            return Ok(());
        }
        let out = if keyword == "Author" { Out::Name } else { Out::Line };
        self.put(keyword, text, out, &format!("png:{keyword}"));
        Ok(())
    }

    /// WebP (RIFF): the `EXIF` and `XMP ` chunks.
    fn riff(&mut self, b: &[u8]) -> Step {
        let mut pos = 12;
        while let (Some(kind), Some(n)) = (b.get(pos..pos + 4), le32(b, pos + 4)) {
            self.budget.tick()?;
            let Some(data) = (pos + 8).checked_add(n as usize).and_then(|end| b.get(pos + 8..end)) else { break };
            match kind {
                b"EXIF" => self.exif(data.strip_prefix(b"Exif\0\0").unwrap_or(data))?,
                b"XMP " => self.xmp(data)?,
                _ => {}
            }
            pos += 8 + n as usize + (n as usize & 1);
        }
        Ok(())
    }

    /// An EXIF block (a TIFF structure): IFD0 and the chain after it, the
    /// Exif sub-IFD and the GPS IFD, each read once.
    fn exif(&mut self, t: &[u8]) -> Step {
        self.budget.entry()?;
        let big = match t.get(..4) {
            Some(b"II*\0") => false,
            Some(b"MM\0*") => true,
            _ => return Ok(()),
        };
        self.exif = true;
        let (mut queue, mut seen) = (vec![(u32_at(t, 4, big), false)], Vec::new());
        let (mut lat, mut lon, mut lat_ref, mut lon_ref) = (None, None, 1.0, 1.0);
        while let Some((off, gps)) = queue.pop() {
            let Some(off) = off.filter(|o| seen.len() < MAX_IFDS && !seen.contains(o)) else { continue };
            seen.push(off);
            self.budget.tick()?;
            let off = off as usize;
            let Some(n) = u16_at(t, off, big) else { continue };
            for i in 0..usize::from(n) {
                let e = off + 2 + 12 * i;
                let (Some(tag), Some(kind), Some(count)) = (u16_at(t, e, big), u16_at(t, e + 2, big), u32_at(t, e + 4, big)) else { break };
                let Some(v) = value(t, e, kind, count, big) else { continue };
                let source = |name: &str| format!("exif:{name}");
                match (gps, tag) {
                    (false, 0x8769) => queue.push((u32_at(v, 0, big), false)),
                    (false, 0x8825) => queue.push((u32_at(v, 0, big), true)),
                    (false, 0x010E) => self.put("ImageDescription", &ascii(v), Out::Line, ""),
                    (false, 0x013B) => self.put("Artist", &ascii(v), Out::Name, &source("Artist")),
                    (false, 0x8298) => self.put("Copyright", &ascii(v), Out::Line, ""),
                    (false, 0x9003) => self.put("DateTimeOriginal", &ascii(v), Out::Line, ""),
                    (false, 0x9286) => self.put("UserComment", &user_comment(v, big), Out::Line, ""),
                    (false, 0x9C9B) => self.put("XPTitle", &utf16(v, false), Out::Line, ""),
                    (false, 0x9C9C) => self.put("XPComment", &utf16(v, false), Out::Line, ""),
                    (false, 0x9C9D) => self.put("XPAuthor", &utf16(v, false), Out::Name, &source("XPAuthor")),
                    (false, 0x9C9E) => self.put("XPKeywords", &utf16(v, false), Out::Line, ""),
                    (false, 0x9C9F) => self.put("XPSubject", &utf16(v, false), Out::Line, ""),
                    (false, 0xA420) => {
                        let why = "a unique image id in the image metadata";
                        self.put("ImageUniqueID", &ascii(v), Out::Find(Kind::OtherId, 0.4, why), &source("ImageUniqueID"));
                    }
                    (false, 0xA430) => self.put("CameraOwnerName", &ascii(v), Out::Name, &source("CameraOwnerName")),
                    (false, 0xA431) => {
                        let why = "a camera serial number in the image metadata";
                        self.put("BodySerialNumber", &ascii(v), Out::Find(Kind::DeviceId, 0.5, why), &source("BodySerialNumber"));
                    }
                    (true, 1) if v.first() == Some(&b'S') => lat_ref = -1.0,
                    (true, 3) if v.first() == Some(&b'W') => lon_ref = -1.0,
                    (true, 2) if kind == 5 => lat = degrees(v, big),
                    (true, 4) if kind == 5 => lon = degrees(v, big),
                    _ => {}
                }
            }
            if !gps {
                let next = u32_at(t, off + 2 + 12 * usize::from(n), big).filter(|&o| o != 0);
                queue.push((next, false));
            }
        }
        if let (Some(lat), Some(lon)) = (lat, lon) {
            self.gps(lat * lat_ref, lon * lon_ref);
        }
        Ok(())
    }

    /// An XMP packet: properties that name people (fields) or describe the
    /// picture and where it was taken (lines), in element or attribute form.
    fn xmp(&mut self, packet: &[u8]) -> Step {
        self.budget.entry()?;
        self.xmp = true;
        let text = String::from_utf8_lossy(packet);
        let mut stack: Vec<&str> = Vec::new();
        let (mut lat, mut lon) = (None, None);
        for (i, event) in xml::Reader::new(&text).enumerate() {
            if i % 256 == 0 {
                self.budget.tick()?;
            }
            match event {
                xml::Event::Start { name, attrs, empty } => {
                    for (key, v) in attributes(attrs) {
                        self.xmp_property(key, &v, &mut lat, &mut lon);
                    }
                    if !empty {
                        if stack.len() >= 64 {
                            break;
                        }
                        stack.push(name);
                    }
                }
                xml::Event::End { .. } => {
                    stack.pop();
                }
                xml::Event::Text(v) => {
                    if let Some(&key) = stack.iter().rev().find(|n| !n.starts_with("rdf:")) {
                        self.xmp_property(key, &v, &mut lat, &mut lon);
                    }
                }
            }
        }
        if let (Some(lat), Some(lon)) = (lat, lon) {
            self.gps(lat, lon);
        }
        Ok(())
    }

    fn xmp_property(&mut self, key: &str, v: &str, lat: &mut Option<f64>, lon: &mut Option<f64>) {
        let name = xml::local(key);
        let out = match name {
            "creator" | "Artist" | "PersonInImage" | "Name" | "PersonDisplayName" | "CaptionWriter" | "CameraOwnerName" | "OwnerName" => Out::Name,
            "description" | "title" | "subject" | "rights" | "Headline" | "City" | "State" | "Country" | "Location" | "Sublocation" | "Instructions"
            | "Credit" | "Source" | "UserComment" | "ImageDescription" | "DateTimeOriginal" | "DateCreated" | "Keywords" | "CiAdrExtadr" | "CiAdrCity"
            | "CiAdrRegion" | "CiAdrPcode" | "CiAdrCtry" | "CiTelWork" | "CiEmailWork" | "CiUrlWork" => Out::Line,
            "GPSLatitude" | "GPSLongitude" => {
                *(if name == "GPSLatitude" { lat } else { lon }) = xmp_degrees(v);
                return;
            }
            _ => return,
        };
        self.put(name, v, out, &format!("xmp:{key}"));
    }
}

/// The attributes of a start tag: qualified name and decoded value.
fn attributes(mut rest: &str) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
    std::iter::from_fn(move || {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(q)?;
        let value = xml::unescape(&after[1..1 + close]);
        rest = &after[close + 2..];
        Some((key, value))
    })
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    u16_at(b, at, true)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    u32_at(b, at, true)
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    u32_at(b, at, false)
}

fn u16_at(b: &[u8], at: usize, big: bool) -> Option<u16> {
    let x: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(if big { u16::from_be_bytes(x) } else { u16::from_le_bytes(x) })
}

fn u32_at(b: &[u8], at: usize, big: bool) -> Option<u32> {
    let x: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if big { u32::from_be_bytes(x) } else { u32::from_le_bytes(x) })
}

/// The value bytes of the IFD entry at `e`: inline when 4 bytes or fewer,
/// else at the offset the entry gives; none when out of bounds.
fn value(t: &[u8], e: usize, kind: u16, count: u32, big: bool) -> Option<&[u8]> {
    let unit = match kind {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    };
    let size = (count as usize).checked_mul(unit)?;
    let at = if size <= 4 { e + 8 } else { u32_at(t, e + 8, big)? as usize };
    t.get(at..at.checked_add(size)?)
}

/// Degrees from up to three RATIONALs (degrees, minutes, seconds).
fn degrees(v: &[u8], big: bool) -> Option<f64> {
    let mut total = 0.0;
    for (i, scale) in [1.0, 60.0, 3600.0].into_iter().enumerate() {
        let (Some(num), Some(den)) = (u32_at(v, i * 8, big), u32_at(v, i * 8 + 4, big)) else { break };
        if den == 0 {
            return None;
        }
        total += f64::from(num) / f64::from(den) / scale;
    }
    Some(total)
}

/// An XMP GPS coordinate: `DDD,MM,SSk` or `DDD,MM.mmk`, k one of NSEW.
fn xmp_degrees(v: &str) -> Option<f64> {
    let v = v.trim();
    let sign = match v.chars().last()? {
        'N' | 'E' => 1.0,
        'S' | 'W' => -1.0,
        _ => return None,
    };
    let mut total = 0.0;
    for (part, scale) in v[..v.len() - 1].split(',').zip([1.0, 60.0, 3600.0]) {
        total += part.trim().parse::<f64>().ok()? / scale;
    }
    Some(sign * total)
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| char::from(c)).collect()
}

/// An ASCII value up to its NUL: UTF-8 when valid (many writers), else Latin-1.
fn ascii(v: &[u8]) -> String {
    let v = v.split(|&c| c == 0).next().unwrap_or_default();
    std::str::from_utf8(v).map_or_else(|_| latin1(v), str::to_string)
}

fn utf16(v: &[u8], big: bool) -> String {
    let units = v.chunks_exact(2).map(|p| if big { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    char::decode_utf16(units.take_while(|&u| u != 0)).map(|c| c.unwrap_or('\u{FFFD}')).collect()
}

/// UserComment: an 8-byte character code, then the text.
fn user_comment(v: &[u8], big: bool) -> String {
    match v.split_at_checked(8) {
        Some((b"UNICODE\0", text)) => match text {
            [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
            [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
            _ => utf16(text, big),
        },
        Some((_, text)) => ascii(text),
        None => ascii(v),
    }
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(i) = hay.get(from..)?.iter().position(|&c| c == first) {
        let at = from + i;
        if hay.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::build::damaged;
    use crate::{Policy, Scanner, Verdict};

    /// A TIFF/EXIF block: IFD0 with `entries`, an Exif sub-IFD and a GPS IFD.
    fn tiff(big: bool, ifd0: &[(u16, u16, Vec<u8>)], exif: &[(u16, u16, Vec<u8>)], gps: &[(u16, u16, Vec<u8>)]) -> Vec<u8> {
        let w16 = |x: u16| if big { x.to_be_bytes() } else { x.to_le_bytes() };
        let w32 = |x: u32| if big { x.to_be_bytes() } else { x.to_le_bytes() };
        let mut out = if big { b"MM\0*".to_vec() } else { b"II*\0".to_vec() };
        out.extend(w32(8));
        // Lay out three IFDs, then their out-of-line data.
        let mut ifds: Vec<Vec<(u16, u16, Vec<u8>)>> = vec![ifd0.to_vec(), exif.to_vec(), gps.to_vec()];
        let size = |i: &Vec<(u16, u16, Vec<u8>)>| 2 + 12 * i.len() + 4;
        let at1 = 8 + size(&ifds[0]) + 24;
        let at2 = at1 + size(&ifds[1]);
        ifds[0].push((0x8769, 4, w32(at1 as u32).to_vec()));
        ifds[0].push((0x8825, 4, w32(at2 as u32).to_vec()));
        let mut data_at = at2 + size(&ifds[2]);
        let mut data: Vec<u8> = Vec::new();
        for ifd in &ifds {
            out.extend(w16(ifd.len() as u16));
            for (tag, kind, v) in ifd {
                let unit = match kind {
                    3 => 2,
                    4 => 4,
                    5 => 8,
                    _ => 1,
                };
                out.extend(w16(*tag));
                out.extend(w16(*kind));
                out.extend(w32((v.len() / unit) as u32));
                if v.len() <= 4 {
                    let mut inline = v.clone();
                    inline.resize(4, 0);
                    out.extend(inline);
                } else {
                    out.extend(w32(data_at as u32));
                    data.extend(v);
                    data_at += v.len();
                }
            }
            out.extend(w32(0));
        }
        out.extend(data);
        out
    }

    fn rational(big: bool, parts: &[(u32, u32)]) -> Vec<u8> {
        parts.iter().flat_map(|&(n, d)| [n, d]).flat_map(|x| if big { x.to_be_bytes() } else { x.to_le_bytes() }).collect()
    }

    fn exif_block(big: bool) -> Vec<u8> {
        tiff(
            big,
            &[(0x013B, 2, b"Maria Gonzalez\0".to_vec()), (0x010F, 2, b"Acme\0".to_vec())],
            &[(0x9286, 7, b"ASCII\0\0\0Patient MRN 00412345".to_vec()), (0xA431, 2, b"SN-884213\0".to_vec())],
            &[
                (1, 2, b"N\0".to_vec()),
                (2, 5, rational(big, &[(37, 1), (46, 1), (30, 1)])),
                (3, 2, b"W\0".to_vec()),
                (4, 5, rational(big, &[(122, 1), (2515, 100), (0, 1)])),
            ],
        )
    }

    fn jpeg(app1: &[&[u8]]) -> Vec<u8> {
        let mut out = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec();
        for seg in app1 {
            out.extend([0xFF, 0xE1]);
            out.extend(((seg.len() + 2) as u16).to_be_bytes());
            out.extend(*seg);
        }
        out.extend(b"\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00\x12\x34\xFF\xD9");
        out
    }

    fn png(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let ihdr = (b"IHDR", b"\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec());
        for (kind, data) in std::iter::once(&ihdr).chain(chunks).chain([&(b"IEND", Vec::new())]) {
            out.extend((data.len() as u32).to_be_bytes());
            out.extend(*kind);
            out.extend(data);
            out.extend([0; 4]);
        }
        out
    }

    fn scan_with(policy: Policy, bytes: &[u8]) -> crate::FileScan<'_> {
        let scan = Scanner::new(policy).unwrap().scan_file("a.bin", bytes);
        assert_eq!(scan.format, "image");
        scan
    }

    fn scan(bytes: &[u8]) -> crate::FileScan<'_> {
        scan_with(Policy::default(), bytes)
    }

    const XMP: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" photoshop:City="Springfield" exif:GPSLatitude="37,46.5N" exif:GPSLongitude="122,25.25W"><dc:creator><rdf:Seq><rdf:li>Maria Gonzalez</rdf:li></rdf:Seq></dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Wound photo, patient MRN 00412345</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;

    #[test]
    fn sniffs_image_formats() {
        for b in [
            &b"\x89PNG\r\n\x1a\n"[..],
            b"\xFF\xD8\xFF\xE0",
            b"GIF89a",
            b"RIFF\0\0\0\0WEBPVP8 ",
            b"II*\0\x08\0\0\0",
            b"MM\0*\0\0\0\x08",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
            b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf",
            b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic",
        ] {
            assert!(sniff(b), "{b:?}");
        }
        for b in [&b"\0\0\0\x18ftypisom\0\0\0\0isomiso2"[..], b"RIFF\0\0\0\0WAVE", b"GIF", b"hello", b""] {
            assert!(!sniff(b), "{b:?}");
        }
    }

    #[test]
    fn a_plain_image_is_a_photo_below_the_default_threshold() {
        for bytes in [png(&[]), jpeg(&[]), b"GIF89a\x01\0\x01\0\0\0\0;".to_vec()] {
            let r = scan(&bytes).report;
            assert_eq!(r.verdict, Verdict::Allow, "{r:?}");
            assert!(r.findings.is_empty() && r.notes.is_empty(), "{r:?}");
            let low = Policy { report_threshold: 0.3, ..Policy::default() };
            let r = scan_with(low, &bytes).report;
            assert_eq!(r.verdict, Verdict::Warn);
            let photo = &r.findings[0];
            assert_eq!((photo.kind, photo.score, photo.source.as_deref()), (Kind::Photo, 0.3, Some("image")));
        }
    }

    #[test]
    fn jpeg_exif_gives_names_ids_and_gps() {
        for big in [false, true] {
            let mut app1 = b"Exif\0\0".to_vec();
            app1.extend(exif_block(big));
            let bytes = jpeg(&[&app1]);
            let s = scan(&bytes);
            let r = &s.report;
            let gps = r.findings.iter().find(|f| f.source.as_deref() == Some("exif:GPS")).expect("gps");
            assert_eq!((gps.kind, gps.score, &s.text[gps.start..gps.end]), (Kind::StreetAddress, 0.6, "37.7750, -122.4192"));
            assert!(r.findings.iter().any(|f| f.kind == Kind::Mrn && s.text[f.start..f.end].contains("00412345")), "{r:?}");
            let name = r.findings.iter().find(|f| f.kind == Kind::PersonName).expect("artist");
            assert_eq!((&s.text[name.start..name.end], name.source.as_deref()), ("Maria Gonzalez", Some("exif:Artist")));
            assert!(r.findings.iter().any(|f| f.kind == Kind::DeviceId && f.source.as_deref() == Some("exif:BodySerialNumber")));
            assert!(matches!(r.verdict, Verdict::Warn | Verdict::Block));
            assert!(!s.text.contains("Acme"), "Make is not read");
        }
    }

    #[test]
    fn xmp_in_jpeg_png_and_gif() {
        let mut app1 = XMP_APP1.to_vec();
        app1.extend(XMP.as_bytes());
        let mut itxt = b"XML:com.adobe.xmp\0\0\0\0\0".to_vec();
        itxt.extend(XMP.as_bytes());
        let mut gif = b"GIF89a\x01\0\x01\0\0\0\0\x21\xFF\x0BXMP DataXMP".to_vec();
        gif.extend(XMP.as_bytes());
        for bytes in [jpeg(&[&app1]), png(&[(b"iTXt", itxt)]), gif] {
            let s = scan(&bytes);
            let r = &s.report;
            let name = r.findings.iter().find(|f| f.source.as_deref() == Some("xmp:dc:creator")).unwrap_or_else(|| panic!("{r:?}\n{}", s.text));
            assert_eq!((name.kind, &s.text[name.start..name.end]), (Kind::PersonName, "Maria Gonzalez"));
            assert!(r.findings.iter().any(|f| f.kind == Kind::Mrn), "{r:?}");
            assert!(s.text.contains("City: Springfield"));
            let gps = r.findings.iter().find(|f| f.source.as_deref() == Some("exif:GPS")).expect("gps");
            assert_eq!(&s.text[gps.start..gps.end], "37.7750, -122.4208");
        }
    }

    #[test]
    fn png_text_chunks() {
        let mut ztxt = b"Comment\0\0".to_vec();
        ztxt.extend(miniz_oxide::deflate::compress_to_vec_zlib(b"Patient MRN 00412345, seen 03/14/2024", 6));
        let mut exif = b"Raw profile type exif\0\0\0\0\0\nexif\n      99\n".to_vec();
        let raw: Vec<u8> = [&b"Exif\0\0"[..], &exif_block(false)].concat();
        exif.extend(raw.iter().map(|b| format!("{b:02x}")).collect::<String>().as_bytes());
        let bytes = png(&[(b"tEXt", b"Author\0Maria Gonzalez".to_vec()), (b"zTXt", ztxt), (b"iTXt", exif)]);
        let s = scan(&bytes);
        let r = &s.report;
        assert!(r.findings.iter().any(|f| f.kind == Kind::Mrn), "{r:?}\n{}", s.text);
        assert!(r.findings.iter().any(|f| f.source.as_deref() == Some("png:Author")), "{r:?}");
        assert!(r.findings.iter().any(|f| f.source.as_deref() == Some("exif:GPS")), "{r:?}");
    }

    #[test]
    fn tiff_and_heic_exif() {
        let tiff = exif_block(true);
        let s = scan(&tiff);
        assert!(s.report.findings.iter().any(|f| f.source.as_deref() == Some("exif:Artist")), "{:?}", s.report);
        let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x10mdat\0\0\0\x06Exif\0\0".to_vec();
        heic.extend(exif_block(false));
        let s = scan(&heic);
        assert!(s.report.findings.iter().any(|f| f.source.as_deref() == Some("exif:GPS")), "{:?}", s.report);
    }

    #[test]
    fn ifd_loops_end() {
        // IFD0 at 8 whose next-IFD offset points back at itself, and an Exif pointer to IFD0.
        let mut t = b"II*\0\x08\0\0\0\x02\0".to_vec();
        t.extend(b"\x3B\x01\x02\0\x04\0\0\0Ann\0");
        t.extend(b"\x69\x87\x04\0\x01\0\0\0\x08\0\0\0");
        t.extend(b"\x08\0\0\0");
        let s = scan(&t);
        assert_eq!(s.text.matches("Artist: Ann").count(), 1, "{}", s.text);
    }

    #[test]
    fn helpers() {
        assert_eq!(xmp_degrees("37,46.5N"), Some(37.775));
        assert_eq!(xmp_degrees("10,30,0S"), Some(-10.5));
        assert_eq!(xmp_degrees("37.5"), None);
        assert_eq!(user_comment(b"UNICODE\0\xFF\xFEA\0n\0", true), "An");
        assert_eq!(user_comment(b"\0\0\0\0\0\0\0\0Ann\0\0", false), "Ann");
        assert_eq!(utf16(b"M\0a\0\0\0x\0", false), "Ma");
        assert_eq!(find(b"abcabd", b"abd"), Some(3));
        assert_eq!(find(b"ab", b"abc"), None);
        let attrs: Vec<_> = attributes(r#" a:b="1 &amp; 2" c='x'"#).collect();
        assert_eq!(attrs, [("a:b", Cow::Owned::<str>("1 & 2".into())), ("c", Cow::Borrowed("x"))]);
    }

    #[test]
    fn truncations_and_flips_never_panic() {
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(exif_block(false));
        let mut xmp = XMP_APP1.to_vec();
        xmp.extend(XMP.as_bytes());
        let mut ztxt = b"Comment\0\0".to_vec();
        ztxt.extend(miniz_oxide::deflate::compress_to_vec_zlib(b"Patient MRN 00412345", 6));
        let mut heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x10mdatExif\0\0".to_vec();
        heic.extend(exif_block(true));
        let inputs = [jpeg(&[&app1, &xmp]), png(&[(b"zTXt", ztxt), (b"eXIf", exif_block(true))]), exif_block(true), heic];
        let s = Scanner::new(Policy::default()).unwrap();
        damaged(&inputs, 1, 4, 1000, |b| {
            s.scan_file("a.img", b);
        });
    }
}
