//! Compact word lists compiled into the binary (see `README.md` here for
//! their sources): global first and last names, common English words,
//! conditions, medications and clinical vocabulary. Sets are built on first
//! use, once per process (or wasm instance).

use std::collections::HashMap;
use crate::labels::Role;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

mod fold;
pub(crate) use fold::unaccented;

/// A small, fast hasher for short keys (the FxHash mix used by rustc).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// Flags of a word in the lexicon (see [`lex`]).
pub(crate) mod flag {
    /// A given name somewhere in the world.
    pub const FIRST: u32 = 1;
    /// A family name somewhere in the world.
    pub const LAST: u32 = 2;
    /// One of the most frequent English words: a capitalised one may be a
    /// sentence start or a heading, not a name.
    pub const COMMON: u32 = 4;
    /// A clinical word that is neither a condition nor a drug (admitted, prn, labs).
    pub const CLINICAL: u32 = 8;
    /// First word of a medication name.
    pub const MED_START: u32 = 16;
    /// First word of a condition term.
    pub const COND_START: u32 = 32;
    /// First word of a label phrase (`labels.rs`).
    pub const LABEL_START: u32 = 64;
    /// A whole one-word label.
    pub const LABEL: u32 = 128;
    /// A month name or abbreviation.
    pub const MONTH: u32 = 256;
    /// A later word of a label phrase (`date of birth`: of, birth).
    pub const LABEL_REST: u32 = 512;
    /// A pronoun or a French honorific (`person_name::word`): never a name word,
    /// even where a dictionary has it (He, Su).
    pub const PRONOUN: u32 = 1024;
    /// A word of record-merge talk (`merged`, `surviving`): the ids beside it are
    /// a patient's record numbers (`formats::labels::merge_talk`).
    pub const MERGE: u32 = 2048;
    /// Not a word, but one with an OCR engine's confusion undone (`PATlENT`, `D0B`,
    /// `lnsurance`): the text is read again with it undone (`text::ocr_undone`).
    pub const OCR: u32 = 4096;
}

const MERGE_WORDS: &[&str] = &["merge", "merged", "merging", "surviving", "retired"];

const PRONOUNS: &[&str] = &["he", "she", "his", "her", "him", "hers", "they", "them", "we", "you", "it", "its", "our", "my", "me", "us", "mme", "mlle", "madame", "monsieur"];

const MONTH_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// A word list as `pack.rs` (the build script) front-coded it.
macro_rules! front_coded {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".fc"))
    };
}

/// Calls `f` with each word of a list front-coded by `pack.rs`, in order,
/// decoded into one buffer: nothing is unpacked or kept.
fn each_packed(packed: &[u8], mut f: impl FnMut(&[u8])) {
    let mut word: Vec<u8> = Vec::with_capacity(64);
    for &b in packed {
        if b < 0x20 {
            if !word.is_empty() {
                f(&word);
            }
            word.truncate((b - 1) as usize);
        } else {
            word.push(b);
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// Every word of every list with its flags, so a token costs one lookup.
/// Words go straight into the table (a word in several lists gets the
/// union of their flags): no map of the whole lexicon is built first.
fn lexicon() -> Compact {
    let packed: [(&[u8], u32); 4] = [
        (front_coded!("first_names"), flag::FIRST),
        (front_coded!("last_names"), flag::LAST),
        (front_coded!("both_names"), flag::FIRST | flag::LAST),
        (front_coded!("common_words"), flag::COMMON),
    ];
    // Plain lists: the clinical words whole; of a drug or condition, the first word.
    let texts = [(phrases(CLINICAL_TERMS), flag::CLINICAL, false), (phrases(MEDICATIONS), flag::MED_START, true), (phrases(CONDITIONS), flag::COND_START, true)];
    // Words, counted with repeats: at least as many as the table holds, so it stays at most half full.
    let words = packed.iter().map(|(p, _)| p.iter().filter(|&&b| b < 0x20).count()).sum::<usize>()
        + texts.iter().map(|(t, _, _)| t.lines().count()).sum::<usize>()
        + crate::labels::labels().count() * 4
        + MONTH_WORDS.len()
        + PRONOUNS.len()
        + MERGE_WORDS.len();
    let mut c = Compact::with_room(words);
    for (data, f) in packed {
        each_packed(data, |w| c.add(w, f));
    }
    for (data, f, first_word) in texts {
        for l in data.lines().filter(|l| !l.is_empty()) {
            let w = if first_word { l.split([' ', '-', '\'']).next().unwrap_or(l) } else { l };
            c.add(w.as_bytes(), f);
        }
    }
    for (phrase, _) in crate::labels::labels() {
        let first = phrase.split(' ').next().unwrap_or(phrase);
        c.add(first.as_bytes(), flag::LABEL_START);
        if !phrase.contains(' ') {
            c.add(phrase.as_bytes(), flag::LABEL);
        }
        for w in phrase.split(' ').skip(1) {
            c.add(w.as_bytes(), flag::LABEL_REST);
        }
    }
    for w in MONTH_WORDS {
        c.add(w.as_bytes(), flag::MONTH);
    }
    for w in PRONOUNS {
        c.add(w.as_bytes(), flag::PRONOUN);
    }
    for w in MERGE_WORDS {
        c.add(w.as_bytes(), flag::MERGE);
    }
    c
}

/// A front-coded list back as one word per line.
fn unpack(packed: &[u8]) -> String {
    let mut lines = Vec::with_capacity(packed.len() * 2);
    each_packed(packed, |w| {
        if !lines.is_empty() {
            lines.push(b'\n');
        }
        lines.extend_from_slice(w);
    });
    String::from_utf8(lines).unwrap_or_default()
}

/// Which phrase list `phrases` decodes.
const CLINICAL_TERMS: usize = 0;
const MEDICATIONS: usize = 1;
const CONDITIONS: usize = 2;

/// The phrase lists (`CLINICAL_TERMS`, `MEDICATIONS`, `CONDITIONS`), front-coded by `pack.rs`
/// too, decoded once and kept: the lexicon reads them, and the phrase sets borrow them.
fn phrases(list: usize) -> &'static str {
    static LISTS: [OnceLock<&str>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let packed: [&[u8]; 3] = [front_coded!("clinical_terms"), front_coded!("medications"), front_coded!("conditions")];
    LISTS[list].get_or_init(|| Box::leak(unpack(packed[list]).into_boxed_str()))
}

/// The lexicon laid out for lookups that touch one cache line: words of up
/// to [`INLINE`] bytes sit in an open-addressing table of 16-byte slots
/// (bytes, length, flags); longer words stay in a map.
struct Compact {
    slots: Vec<Slot>,
    mask: usize,
    // (The same map type as the scanner's string-keyed maps: one copy of its code in the wasm.)
    long: FxMap<String, usize>,
}

impl Compact {
    /// A table for up to `words` words.
    fn with_room(words: usize) -> Compact {
        let size = (words * 2).next_power_of_two().max(16);
        Compact { slots: vec![Slot::default(); size], mask: size - 1, long: FxMap::default() }
    }

    /// Adds `flags` to word `w` (lower case, UTF-8).
    fn add(&mut self, w: &[u8], flags: u32) {
        if w.is_empty() || w.len() > INLINE {
            // (The lists are checked UTF-8 at build time; no error's formatting in the core.)
            let w = std::str::from_utf8(w).unwrap_or_default();
            match self.long.get_mut(w) {
                Some(f) => *f |= flags as usize,
                None => {
                    self.long.insert(w.into(), flags as usize);
                }
            }
            return;
        }
        let mut i = slot_hash(w) & self.mask;
        loop {
            let s = &mut self.slots[i];
            if s.is_empty() {
                *s = Slot::new(w, flags);
                return;
            }
            if s.get(w).is_some() {
                s.flags |= flags;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

pub(crate) const INLINE: usize = 11;

/// A word of up to [`INLINE`] bytes and its flags, in 16 bytes (also the
/// slot of the per-thread cache in `text.rs`).
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
pub(crate) struct Slot {
    key: [u8; INLINE],
    /// 0: empty.
    len: u8,
    flags: u32,
}

impl Slot {
    pub(crate) fn new(w: &[u8], flags: u32) -> Slot {
        let mut key = [0u8; INLINE];
        key[..w.len()].copy_from_slice(w);
        Slot { key, len: w.len() as u8, flags }
    }

    /// The flags, when the slot holds `w`.
    pub(crate) fn get(&self, w: &[u8]) -> Option<u32> {
        (self.len as usize == w.len() && self.key[..w.len()] == *w).then_some(self.flags)
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

fn slot_hash(w: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 29)) as usize
}

fn compact() -> &'static Compact {
    static C: OnceLock<Compact> = OnceLock::new();
    C.get_or_init(lexicon)
}

/// The flags of a lower-case word (0 when in no list). An accented word is a
/// name when its unaccented form is one (`gábor`): the packed lists leave out
/// such names (`pack.rs`).
pub(crate) fn lex(lower: &str) -> u32 {
    let flags = lex_exact(lower);
    match fold::unaccented(lower) {
        Some(plain) => flags | lex_exact(&plain) & (flag::FIRST | flag::LAST),
        None => flags,
    }
}

fn lex_exact(lower: &str) -> u32 {
    let c = compact();
    let w = lower.as_bytes();
    if w.is_empty() || w.len() > INLINE {
        return c.long.get(lower).map_or(0, |&f| f as u32);
    }
    let mut i = slot_hash(w) & c.mask;
    loop {
        let s = &c.slots[i];
        if s.is_empty() {
            return 0;
        }
        if let Some(flags) = s.get(w) {
            return flags;
        }
        i = (i + 1) & c.mask;
    }
}

/// A given name somewhere in the world.
#[cfg(test)]
pub(crate) fn is_first_name(lower: &str) -> bool {
    lex(lower) & flag::FIRST != 0
}

/// A family name somewhere in the world.
#[cfg(test)]
pub(crate) fn is_last_name(lower: &str) -> bool {
    lex(lower) & flag::LAST != 0
}

/// One of the most frequent English words.
pub(crate) fn is_common_word(lower: &str) -> bool {
    lex(lower) & flag::COMMON != 0
}

/// A set of phrases of one or more words, matched token by token.
pub(crate) struct PhraseSet {
    /// Each phrase and each first word of one, to the longest phrase starting with it
    /// (in words, the low byte; 0 for none) and, for a whole phrase, 1 + its role's
    /// index in `Role::ALL` (above the low byte). (String keys and `usize` values: the
    /// map type of the other string-keyed maps, one hash table's code in the wasm package.)
    table: FxMap<String, usize>,
}

impl PhraseSet {
    pub(crate) fn new<'p>(phrases: impl Iterator<Item = (&'p str, Role)>) -> PhraseSet {
        let mut table: FxMap<String, usize> = FxMap::default();
        for (p, role) in phrases {
            let e = table.entry(p.to_string()).or_insert(0);
            *e = *e & 0xff | (role as usize + 1) << 8;
            let first = p.split(' ').next().unwrap_or(p);
            let e = table.entry(first.to_string()).or_insert(0);
            *e = *e & !0xff | (*e & 0xff).max(p.split(' ').count());
        }
        PhraseSet { table }
    }

    /// The longest phrase (in words) that starts with `first` (0: none), and
    /// `first`'s own role as a whole phrase.
    pub fn start(&self, first: &str) -> (usize, Option<Role>) {
        let e = self.table.get(first).copied().unwrap_or(0);
        (e & 0xff, (e >> 8).checked_sub(1).map(|r| Role::ALL[r]))
    }

    /// The longest phrase (in words) that starts with `first`, or 0.
    pub fn longest_from(&self, first: &str) -> usize {
        self.start(first).0
    }

    /// Whether the exact phrase is in the set.
    pub fn contains(&self, phrase: &str) -> bool {
        self.start(phrase).1.is_some()
    }
}

/// The lines of a phrase list, each with the role it names.
fn listed(data: &'static str, role: Role) -> impl Iterator<Item = (&'static str, Role)> {
    data.lines().map(str::trim).filter(|l| !l.is_empty()).map(move |p| (p, role))
}

/// Diagnosis and condition terms.
pub(crate) fn conditions() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(listed(phrases(CONDITIONS), Role::Diagnosis)))
}

/// Drug names, generic and brand.
pub(crate) fn medications() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(listed(phrases(MEDICATIONS), Role::Medication)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_sorted_and_unique() {
        for (name, data) in [
            ("first_names", include_str!("first_names.txt")),
            ("last_names", include_str!("last_names.txt")),
            ("common_words", include_str!("common_words.txt")),
            ("conditions", include_str!("conditions.txt")),
            ("medications", include_str!("medications.txt")),
            ("clinical_terms", include_str!("clinical_terms.txt")),
        ] {
            let lines: Vec<&str> = data.lines().collect();
            assert!(lines.len() > 100, "{name} is too small");
            for w in lines.windows(2) {
                assert!(w[0] < w[1], "{name}: not sorted and unique at {:?}", w[1]);
            }
            for l in &lines {
                assert_eq!(*l, l.to_lowercase(), "{name}: not lower case");
                assert_eq!(*l, l.trim(), "{name}: stray white space");
            }
        }
    }

    #[test]
    fn packed_lists_unpack_to_the_sources() {
        let merged = |a: &str, b: &str| {
            let mut words: Vec<&str> = a.lines().chain(b.lines()).collect();
            words.sort_unstable();
            words.join("\n")
        };
        // (Entries of several words are not packed: no token could match them.)
        // (Nor the accented forms of names in the same list.)
        let tokens = |source: &str| {
            let all: std::collections::HashSet<&str> = source.lines().collect();
            source.lines().filter(|l| !l.contains(' ') && fold::unaccented(l).is_none_or(|u| !all.contains(u.as_str()))).collect::<Vec<_>>().join("\n")
        };
        let both = unpack(front_coded!("both_names"));
        assert_eq!(merged(&unpack(front_coded!("first_names")), &both), tokens(include_str!("first_names.txt")));
        assert_eq!(merged(&unpack(front_coded!("last_names")), &both), tokens(include_str!("last_names.txt")));
        assert_eq!(unpack(front_coded!("common_words")), include_str!("common_words.txt").trim_end());
        for (list, source) in [(CLINICAL_TERMS, include_str!("clinical_terms.txt")), (MEDICATIONS, include_str!("medications.txt")), (CONDITIONS, include_str!("conditions.txt"))] {
            assert_eq!(phrases(list), source.trim_end());
        }
    }

    #[test]
    fn global_names_are_known() {
        for n in ["maria", "anh", "priya", "mohammed", "kim", "gábor", "chloé"] {
            assert!(is_first_name(n), "{n}");
        }
        for n in ["gonzalez", "nguyen", "kraus", "müller", "kowalski", "rossi", "silva", "sánchez", "miladinović", "χριστοδούλου"] {
            assert!(is_last_name(n), "{n}");
        }
        assert!(is_common_word("will"));
        assert!(conditions().contains("hypertension"));
        assert!(medications().contains("metformin"));
    }
}
