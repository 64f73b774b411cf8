//! Zip archives, and the Office files that are zip archives. Only the
//! central directory is trusted for where members are; every member is
//! inflated with a hard cap on its output (see [`super::Budget`]), so
//! declared sizes, overlapping members and nested archives cannot make a
//! small file expand without bound.

use super::{ooxml, Inflate, Sink, Step, Stop};
use std::borrow::Cow;

/// One member, from the central directory.
pub(crate) struct Entry {
    pub name: String,
    method: u16,
    encrypted: bool,
    compressed: u64,
    size: u64,
    local: u64,
}

impl Entry {
    pub(crate) fn is_dir(&self) -> bool {
        self.name.ends_with('/')
    }
}

/// A parsed central directory over the archive's bytes.
pub(crate) struct Archive<'b> {
    bytes: &'b [u8],
    pub entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at.checked_add(8)?)?.try_into().ok()?))
}

impl<'b> Archive<'b> {
    /// Reads the central directory; `Err` says why the archive is unreadable.
    pub(crate) fn open(bytes: &'b [u8], max_entries: u64) -> Result<Archive<'b>, &'static str> {
        // The end record is in the last 64 KiB + 22 bytes (its comment may be up to 64 KiB).
        let lo = bytes.len().saturating_sub(65_557);
        let eocd = (lo..bytes.len().saturating_sub(21)).rev().find(|&i| u32_at(bytes, i) == Some(0x0605_4b50)).ok_or("no central directory (truncated?)")?;
        let mut count = u64::from(u16_at(bytes, eocd + 10).ok_or("truncated")?);
        let mut cd = u64::from(u32_at(bytes, eocd + 16).ok_or("truncated")?);
        // Zip64: the locator sits right before the end record.
        if eocd >= 20 && u32_at(bytes, eocd - 20) == Some(0x0706_4b50) {
            let at = u64_at(bytes, eocd - 12).ok_or("truncated")? as usize;
            if u32_at(bytes, at) == Some(0x0606_4b50) {
                count = u64_at(bytes, at + 32).ok_or("truncated")?;
                cd = u64_at(bytes, at + 48).ok_or("truncated")?;
            }
        }
        if count > max_entries {
            return Err("more entries than files.max_entries");
        }
        let mut entries = Vec::with_capacity(count.min(4096) as usize);
        let mut at = usize::try_from(cd).map_err(|_| "bad central directory offset")?;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err("a damaged central directory");
            }
            let field = |o: usize| u32_at(bytes, at + o).map(u64::from);
            let (flags, method) = (u16_at(bytes, at + 8).ok_or("truncated")?, u16_at(bytes, at + 10).ok_or("truncated")?);
            let (mut compressed, mut size, mut local) = (field(20).ok_or("truncated")?, field(24).ok_or("truncated")?, field(42).ok_or("truncated")?);
            let name_len = usize::from(u16_at(bytes, at + 28).ok_or("truncated")?);
            let extra_len = usize::from(u16_at(bytes, at + 30).ok_or("truncated")?);
            let comment_len = usize::from(u16_at(bytes, at + 32).ok_or("truncated")?);
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or("truncated")?;
            let extra = bytes.get(at + 46 + name_len..at + 46 + name_len + extra_len).ok_or("truncated")?;
            // Zip64 extra field: the 64-bit values of the fields that are 0xFFFFFFFF, in order.
            let mut e = 0;
            while e + 4 <= extra.len() {
                let (id, len) = (u16_at(extra, e).unwrap_or(0), usize::from(u16_at(extra, e + 2).unwrap_or(0)));
                if id == 1 {
                    let mut v = e + 4;
                    for slot in [&mut size, &mut compressed, &mut local] {
                        if *slot == 0xFFFF_FFFF {
                            *slot = u64_at(extra, v).ok_or("a damaged zip64 field")?;
                            v += 8;
                        }
                    }
                }
                e += 4 + len;
            }
            // Names are UTF-8 (flag bit 11) or, in old tools, code page 437: lossy is enough for a label.
            let name = String::from_utf8_lossy(name).into_owned();
            entries.push(Entry { name, method, encrypted: flags & 1 != 0, compressed, size, local });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// The member named `name`, if any.
    pub(crate) fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// A member's bytes, inflated within the budget. `Ok(Err(why))` is a
    /// member that cannot be read (the rest of the archive can).
    pub(crate) fn read(&self, sink: &mut Sink<'_>, e: &Entry) -> Result<Result<Cow<'b, [u8]>, String>, Stop> {
        sink.budget.entry()?;
        if e.encrypted {
            return Ok(Err("encrypted".into()));
        }
        let max = sink.budget.limits().max_decompressed_bytes;
        if e.size > max {
            return Err(Stop(format!("declares a member larger than files.max_decompressed_bytes ({max} bytes)")));
        }
        let at = e.local as usize;
        if u32_at(self.bytes, at) != Some(0x0403_4b50) {
            return Ok(Err("a damaged local header".into()));
        }
        let (Some(n), Some(x)) = (u16_at(self.bytes, at + 26), u16_at(self.bytes, at + 28)) else {
            return Ok(Err("truncated".into()));
        };
        let start = at + 30 + usize::from(n) + usize::from(x);
        let Some(data) = usize::try_from(e.compressed).ok().and_then(|c| self.bytes.get(start..start.checked_add(c)?)) else {
            return Ok(Err("truncated".into()));
        };
        match e.method {
            0 => Ok(Ok(Cow::Borrowed(data))),
            8 => match sink.budget.inflate_raw(data) {
                Ok(out) => Ok(Ok(Cow::Owned(out))),
                Err(Inflate::Stop(stop)) => Err(stop),
                Err(Inflate::Corrupt(_)) => Ok(Err("damaged compressed data".into())),
            },
            m => Ok(Err(format!("compression method {m}, which PHI Guard does not read"))),
        }
    }
}

/// A zip file: an Office document when it has the parts of one, else an
/// archive whose members are scanned by their own formats.
pub(crate) fn extract(sink: &mut Sink<'_>, bytes: &[u8]) -> Step {
    let archive = match Archive::open(bytes, sink.budget.limits().max_entries) {
        Ok(a) => a,
        Err(why) if why.contains("max_entries") => return Err(Stop(format!("has {why}"))),
        Err(why) => {
            sink.problem(&format!("a damaged zip archive: {why}"));
            return Ok(());
        }
    };
    if let Some(kind) = ooxml::kind(&archive) {
        return ooxml::extract(sink, &archive, kind);
    }
    for e in archive.entries.iter().filter(|e| !e.is_dir()) {
        let label = format!("zip:{}", e.name);
        match archive.read(sink, e)? {
            Ok(data) => sink.nested(&label, &e.name, &data)?,
            Err(why) => sink.problem_in(&label, &why),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::files::build::{damaged, zip};
    use crate::{Kind, Policy, Scanner, Verdict};

    fn scan(policy: Policy, bytes: &[u8]) -> crate::Report {
        Scanner::new(policy).unwrap().scan_file("a.zip", bytes).report
    }

    const CSV: &[u8] = b"member_id,last_name,first_name,dob,zip\nW123456789,Gonzalez,Maria,1962-03-14,02139\n";

    #[test]
    fn members_are_scanned_by_their_format_with_names_in_source() {
        let inner = zip(&[("claims/jan.csv", CSV)], true);
        let outer = zip(&[("readme.txt", b"Export of the test environment."), ("nested.zip", &inner)], false);
        let r = scan(Policy::default(), &outer);
        assert_eq!(r.verdict, Verdict::Warn, "{r:?}");
        let dob = r.findings.iter().find(|f| f.kind == Kind::Date).unwrap();
        assert_eq!(dob.source.as_deref(), Some("zip:nested.zip > zip:claims/jan.csv > csv:dob"));
        assert!(r.notes.is_empty(), "{:?}", r.notes);
    }

    #[test]
    fn huge_exports_list_a_bounded_number_of_findings() {
        let mut csv = String::from("member_id,last_name,dob\n");
        for i in 0..6_000 {
            csv.push_str(&format!("W{:09},Gonzalez,1962-03-{:02}\n", 100_000_000 + i, 1 + i % 28));
        }
        let r = scan(Policy::default(), &zip(&[("a.csv", csv.as_bytes()), ("b.csv", csv.as_bytes())], false));
        assert_eq!(r.findings.len(), 10_000);
        assert!(r.notes.iter().any(|n| n.contains("more findings are not listed")), "{:?}", r.notes);
        assert_eq!(r.verdict, Verdict::Warn);
    }

    #[test]
    fn clean_archives_pass() {
        let r = scan(Policy::default(), &zip(&[("src/main.rs", b"fn main() { println!(\"hello\"); }\n"), ("docs/", b"")], false));
        assert_eq!((r.verdict, r.findings.len(), r.notes.len()), (Verdict::Allow, 0, 0), "{r:?}");
    }

    #[test]
    fn bombs_depth_and_entries_are_stopped() {
        // 1000:1 member.
        let r = scan(Policy::default(), &zip(&[("zeros.txt", &vec![b'0'; 20 << 20])], false));
        assert_eq!(r.verdict, Verdict::Warn);
        assert!(r.notes[0].contains("max_ratio"), "{:?}", r.notes);
        // 42.zip-style nesting: each level holds the last one many times.
        let mut level = zip(&[("z.txt", &vec![b'0'; 1 << 20])], false);
        for _ in 0..6 {
            let copies: Vec<(String, &[u8])> = (0..16).map(|i| (format!("{i}.zip"), &level[..])).collect();
            let members: Vec<(&str, &[u8])> = copies.iter().map(|(n, d)| (n.as_str(), *d)).collect();
            level = zip(&members, false);
        }
        let r = scan(Policy::default(), &level);
        assert_eq!(r.verdict, Verdict::Warn);
        assert!(r.notes.iter().any(|n| n.contains("max_depth") || n.contains("max_decompressed_bytes") || n.contains("max_entries")), "{:?}", r.notes);
        let mut p = Policy::default();
        p.files.max_entries = 2;
        let r = scan(p, &zip(&[("a", b"a"), ("b", b"b"), ("c", b"c")], true));
        assert!(r.notes[0].contains("max_entries"), "{:?}", r.notes);
    }

    #[test]
    fn damaged_and_encrypted_members_are_reported() {
        let mut z = zip(&[("a.txt", b"hello world")], true);
        z[6] |= 1; // local flags (unused) ...
        let cd = z.windows(4).position(|w| w == 0x0201_4b50u32.to_le_bytes()).unwrap();
        z[cd + 8] |= 1; // ... and the central directory's encryption bit
        let r = scan(Policy::default(), &z);
        assert!(r.notes[0].contains("zip:a.txt: encrypted"), "{:?}", r.notes);
        let z = zip(&[("a.txt", b"hello world")], false);
        let r = scan(Policy::default(), &z[..z.len() - 10]);
        assert!(r.notes[0].contains("damaged zip"), "{:?}", r.notes);
        assert_eq!(r.verdict, Verdict::Warn);
    }

    #[test]
    fn any_damage_is_handled_without_panic() {
        let z = zip(&[("a.csv", CSV), ("b.zip", &zip(&[("c.txt", b"MRN 00412345")], false))], false);
        let s = Scanner::new(Policy::default()).unwrap();
        damaged(&[z], 1, 0, 3000, |b| {
            s.scan_file("a.zip", b);
        });
    }
}
