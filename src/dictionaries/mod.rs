//! Compact word lists compiled into the binary (see `README.md` here for
//! their sources): global first and last names, common English words,
//! conditions, medications and clinical vocabulary. Sets are built on first
//! use, once per process (or wasm instance).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

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
pub(crate) type FxSet<T> = HashSet<T, FxBuild>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

fn set(data: &'static str) -> FxSet<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

macro_rules! word_set {
    ($(#[$doc:meta])* $fn:ident, $file:literal) => {
        $(#[$doc])*
        pub(crate) fn $fn(lower: &str) -> bool {
            static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| set(include_str!($file))).contains(lower)
        }
    };
}

word_set!(
    /// A given name somewhere in the world.
    is_first_name, "first_names.txt"
);
word_set!(
    /// A family name somewhere in the world.
    is_last_name, "last_names.txt"
);
word_set!(
    /// One of the most frequent English words: a capitalised one may be a
    /// sentence start or a heading, not a name.
    is_common_word, "common_words.txt"
);
word_set!(
    /// A clinical word that is neither a condition nor a drug (admitted, prn, labs).
    is_clinical_term, "clinical_terms.txt"
);

/// A set of phrases of one or more words, matched token by token.
pub(crate) struct PhraseSet {
    phrases: FxSet<&'static str>,
    /// Longest phrase in words for each first word.
    longest: FxMap<&'static str, u8>,
}

impl PhraseSet {
    fn new(data: &'static str) -> PhraseSet {
        let phrases = set(data);
        let mut longest: FxMap<&'static str, u8> = FxMap::default();
        for p in &phrases {
            let first = p.split(' ').next().unwrap_or(p);
            let n = p.split(' ').count().min(255) as u8;
            let e = longest.entry(first).or_insert(0);
            *e = (*e).max(n);
        }
        PhraseSet { phrases, longest }
    }

    /// The longest phrase (in words) that starts with `first`, or 0.
    pub fn longest_from(&self, first: &str) -> usize {
        self.longest.get(first).copied().unwrap_or(0) as usize
    }

    /// Whether the exact phrase is in the set.
    pub fn contains(&self, phrase: &str) -> bool {
        self.phrases.contains(phrase)
    }
}

/// Diagnosis and condition terms.
pub(crate) fn conditions() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(include_str!("conditions.txt")))
}

/// Drug names, generic and brand.
pub(crate) fn medications() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(include_str!("medications.txt")))
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
    fn global_names_are_known() {
        for n in ["maria", "anh", "priya", "mohammed", "kim"] {
            assert!(is_first_name(n), "{n}");
        }
        for n in ["gonzalez", "nguyen", "kraus", "müller", "kowalski", "rossi", "silva"] {
            assert!(is_last_name(n), "{n}");
        }
        assert!(is_common_word("will"));
        assert!(conditions().contains("hypertension"));
        assert!(medications().contains("metformin"));
    }
}
