//! Front-codes the large sorted word lists for embedding: each word is one
//! byte holding 1 + the length of the prefix it shares with the word before
//! (at most 30), then the rest of the word. Sorted name lists share long
//! prefixes, so this shrinks the wasm package by about 90 KB gzipped;
//! `dictionaries::each_packed` decodes them at first use, straight into the
//! lexicon's lookup table.
//!
//! Entries of several words (`de la cruz`) are left out: the lexicon is
//! looked up one token at a time, so they could never match (5 KB gzipped).
//! The phrase lists (conditions, medications, clinical words) are packed
//! whole, and decoded once into text (`dictionaries::phrases`): 0.3 KB less
//! gzipped (Node's zlib at level 9) than embedding them as text.
//!
//! A fifth of the names are both given and family names. They are packed
//! once, in `both_names`; `first_names` and `last_names` keep the rest
//! (8 KB less gzipped).
//!
//! A name whose unaccented form is in the same list (`gábor`, `gabor`) is
//! left out: the lexicon looks an accented word up under both forms
//! (10 KB less gzipped).

use std::{collections::BTreeSet, env, fs, path::Path};

include!("fold.rs");

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let read = |name: &str| {
        let src = format!("src/dictionaries/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"))
    };
    let (first, last, common) = (read("first_names"), read("last_names"), read("common_words"));
    // The phrase lists as they are (phrases of several words included).
    let phrases = |name: &str| read(name).lines().map(String::from).collect::<Vec<_>>();
    // The lexicon is looked up one token at a time, and a token never holds a space:
    // the entries of several words (`de la cruz`) could never match, and are left out.
    let words = |text: &str| -> BTreeSet<String> { text.lines().filter(|l| !l.is_empty() && !l.contains(' ')).map(String::from).collect() };
    // A name whose unaccented form is in the same list is found under that form
    // (`dictionaries::lex`): `gábor` beside `gabor` is left out.
    let plain = |set: BTreeSet<String>| -> BTreeSet<String> { set.iter().filter(|w| unaccented(w).is_none_or(|u| !set.contains(&u))).cloned().collect() };
    let (first, last) = (plain(words(&first)), plain(words(&last)));
    let lists = [
        ("first_names", first.difference(&last).cloned().collect::<Vec<_>>()),
        ("last_names", last.difference(&first).cloned().collect()),
        ("both_names", first.intersection(&last).cloned().collect()),
        ("common_words", words(&common).into_iter().collect()),
        ("clinical_terms", phrases("clinical_terms")),
        ("medications", phrases("medications")),
        ("conditions", phrases("conditions")),
    ];
    for (name, list) in lists {
        let mut packed = Vec::new();
        let mut prev: &[u8] = b"";
        for word in &list {
            let w = word.as_bytes();
            assert!(w.iter().all(|&b| b >= 0x20), "{name}: control character in {word:?}");
            // (At most 30: the byte is below 0x20, a space being a word's.)
            let shared = prev.iter().zip(w).take_while(|(a, b)| a == b).count().min(30);
            packed.push(shared as u8 + 1);
            packed.extend_from_slice(&w[shared..]);
            prev = w;
        }
        fs::write(Path::new(&out).join(format!("{name}.fc")), packed).expect("write packed list");
    }
}
