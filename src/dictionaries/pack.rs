//! Front-codes the large sorted word lists for embedding: each word is one
//! byte holding 1 + the length of the prefix it shares with the word before
//! (at most 31), then the rest of the word. Sorted name lists share long
//! prefixes, so this shrinks the wasm package by about 90 KB gzipped;
//! `dictionaries::unpack` restores the lists at first use.

use std::{env, fs, path::Path};

const LISTS: [&str; 3] = ["first_names", "last_names", "common_words"];

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for name in LISTS {
        let src = format!("src/dictionaries/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let mut packed = Vec::with_capacity(text.len());
        let mut prev: &[u8] = b"";
        for word in text.lines().filter(|l| !l.is_empty()) {
            let w = word.as_bytes();
            assert!(w.iter().all(|&b| b >= 0x20), "{src}: control character in {word:?}");
            let shared = prev.iter().zip(w).take_while(|(a, b)| a == b).count().min(31);
            packed.push(shared as u8 + 1);
            packed.extend_from_slice(&w[shared..]);
            prev = w;
        }
        fs::write(Path::new(&out).join(format!("{name}.fc")), packed).expect("write packed list");
    }
}
