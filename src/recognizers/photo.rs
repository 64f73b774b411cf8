//! Photographs by file name: an image a patient or a clinician took of the
//! patient (`IMG_9922.HEIC` of a rash, `wound_moreau_2636.jpg`,
//! `card_front_905215906.heic`), attached to a ticket, an email or a page.
//! Safe Harbor counts full-face photographs and comparable images; a file
//! name cannot show a face, so the candidate needs a document about a
//! patient. Screenshots, logos and diagrams are not proposed, nor DICOM
//! files (their headers are read by the attachment readers).
//!
//! Not a token recognizer: the extractors' token pass notes each image
//! extension after a dot (`Extracted::images`), and `find` reads the name
//! before it.

use super::{Cand, Needs};
use crate::Kind;

/// Camera and phone file-name prefixes (lower case).
/// (Longer first: the first that starts a name is taken.)
const CAMERA: &[&str] = &["img", "dscn", "dscf", "dsc", "pxl", "photo", "pict", "pic", "image", "whatsapp", "snapchat"];

/// Words in a file name that say what (or who) the picture shows.
const SUBJECTS: &[&str] = &[
    "wound", "rash", "lesion", "ulcer", "burn", "skin", "mole", "bruise", "injury", "swelling", "incision", "derm", "face", "selfie",
    "headshot", "portrait", "card", "license", "licence", "passport", "id", "insurance", "photo",
    // Where a wound or a lesion is: `sacrum_ogunleye_2026-09-28.jpg`, `left_heel_3.jpg`.
    "sacrum", "coccyx", "heel", "foot", "toe", "ankle", "leg", "knee", "hip", "buttock", "back", "abdomen", "chest", "breast", "arm",
    "hand", "finger", "scalp", "neck", "stoma",
];

/// Whether the token `w` (after a dot) is an image file's extension. On every
/// token after a dot (class names, versions, hosts): its bytes as one number.
#[inline]
pub(crate) fn is_extension(w: &[u8]) -> bool {
    const fn key(e: &[u8]) -> u32 {
        let mut k = 0u32;
        let mut i = 0;
        while i < e.len() {
            k |= (e[i] as u32) << (8 * i);
            i += 1;
        }
        k
    }
    let k = match *w {
        [a, b, c] => u32::from_le_bytes([a, b, c, 0]) | 0x20_2020,
        [a, b, c, d] => u32::from_le_bytes([a, b, c, d]) | 0x2020_2020,
        _ => return false,
    };
    const EXTENSIONS: [u32; 10] = [key(b"jpg"), key(b"jpeg"), key(b"png"), key(b"heic"), key(b"heif"), key(b"tif"), key(b"tiff"), key(b"bmp"), key(b"gif"), key(b"webp")];
    EXTENSIONS.contains(&k)
}

/// The photo whose extension starts at `ext` (the byte after the dot), if its
/// name says it is one.
#[inline(never)]
pub(crate) fn find(text: &str, ext: usize) -> Option<Cand> {
    let b = text.as_bytes();
    let dot = ext.checked_sub(1).filter(|&d| b[d] == b'.')?;
    let mut start = dot;
    while start > 0 && dot - start < 80 && (b[start - 1].is_ascii_alphanumeric() || matches!(b[start - 1], b'_' | b'-')) {
        start -= 1;
    }
    let end = ext + b[ext..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    // (Bytes, not characters: the wasm package is smaller so.)
    let stem = &b[start..dot];
    let mut words = stem.split(|&c| c == b'_' || c == b'-').filter(|w| !w.is_empty());
    let first = words.next()?;
    // `IMG_9922`, `DSC01234`, `PXL_20261103_1422`: a camera's name, with its number.
    let camera = crate::text::prefix_ci(first, CAMERA).is_some_and(|p| first[p.len()..].iter().all(u8::is_ascii_digit)) && stem.iter().any(u8::is_ascii_digit);
    let subject = std::iter::once(first).chain(words).any(|w| {
        let letters = &w[..w.len() - w.iter().rev().take_while(|c| c.is_ascii_digit()).count()];
        crate::text::one_of_ci(letters, SUBJECTS)
    });
    (camera || subject).then(|| Cand::new(Kind::Photo, start, end, 0.45, "image file that may show the patient", Needs::Patient))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(text: &str) -> Option<&str> {
        let ext = text.rfind('.')? + 1;
        find(text, ext).map(|c| &text[c.start..c.end])
    }

    #[test]
    fn camera_and_subject_names_are_photos() {
        assert_eq!(photo("photos of the rash (IMG_9922.HEIC"), Some("IMG_9922.HEIC"));
        assert_eq!(photo("ri:filename=\"wound_moreau_2636.jpg"), Some("wound_moreau_2636.jpg"));
        assert_eq!(photo("Card image: card_front_905215906.heic"), Some("card_front_905215906.heic"));
        assert_eq!(photo("PXL_20261103_142210.jpg"), Some("PXL_20261103_142210.jpg"));
    }

    #[test]
    fn extensions_in_any_case() {
        for e in ["jpg", "JPG", "Jpeg", "png", "HEIC", "heif", "tif", "TIFF", "bmp", "gif", "webp"] {
            assert!(is_extension(e.as_bytes()), "{e}");
        }
        for e in ["java", "org", "com", "jp", "jpegs", "pdf", "JP@", "dcm"] {
            assert!(!is_extension(e.as_bytes()), "{e}");
        }
    }

    #[test]
    fn screenshots_and_diagrams_are_not() {
        for text in ["see screenshot_2026-11-03.png", "logo.png", "architecture-diagram.png", "error_dialog.png", "IMG.png", "imaging_service.png"] {
            assert_eq!(photo(text), None, "{text}");
        }
    }
}
