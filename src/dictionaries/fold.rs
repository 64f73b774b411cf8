// Accents off Latin and Greek letters, as Unicode's canonical decomposition
// takes them off (`gábor` -> `gabor`, `ș` -> `s`, `ά` -> `α`; not `ø`, `ł`, `đ`,
// which have no decomposition). Shared by the build script, which leaves out
// a name whose unaccented form is in the same list, and by the lexicon, which
// looks an accented word up under both forms. (Included by `pack.rs`, so no
// inner attributes here.)

/// Base letters of U+00E0..U+024F and of U+1E00..U+1EFF; `.`: no decomposition.
const LATIN: &[u8] = b"aaaaaa.ceeeeiiii.nooooo..uuuuy.yAaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.................................Oo.............Uu............................AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............................";
const LATIN_ADDITIONAL: &[u8] = b"AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......";

/// The letter under an accented lower-case letter.
fn base_letter(c: char) -> Option<char> {
    let n = c as usize;
    let in_table = |table: &[u8], from: usize| n.checked_sub(from).and_then(|i| table.get(i)).filter(|&&b| b != b'.').map(|&b| b.to_ascii_lowercase() as char);
    match c {
        'ά' => Some('α'),
        'έ' => Some('ε'),
        'ή' => Some('η'),
        'ί' | 'ΐ' | 'ϊ' => Some('ι'),
        'ό' => Some('ο'),
        'ύ' | 'ΰ' | 'ϋ' => Some('υ'),
        'ώ' => Some('ω'),
        _ => in_table(LATIN, 0xE0).or_else(|| in_table(LATIN_ADDITIONAL, 0x1E00)),
    }
}

/// `word` without its accents, when it has any.
pub(crate) fn unaccented(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(|c| base_letter(c).is_some()) {
        return None;
    }
    Some(word.chars().map(|c| base_letter(c).unwrap_or(c)).collect())
}
