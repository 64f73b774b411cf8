//! Street addresses, with unit, city, state and ZIP when they follow.
//!
//! `1234 Oak Street`, `55 N. Main St`, `12B Elm Ave NW, Apt 4`, `PO Box 881`,
//! then optionally `, Springfield, IL 62704` or the same on the next line.
//! A street line needs a house number, one to five capitalised words and a
//! USPS street suffix. A `City, ST 12345` line alone is an address too (its
//! city and ZIP are identifiers; the state is not, but stays inside the
//! address span). Reference: USPS Publication 28, Appendix C1.
//! Known false positives: "200 Park Ave" in an office address; context
//! (a document about a patient) decides.

use super::{num, Cand, First, Needs, Next, Recognizer};
use crate::text::{Class, Doc, CAP, UPPER};
use crate::Kind;

pub(crate) static STREET_ADDRESS: Recognizer = Recognizer {
    id: "street-address",
    kind: Kind::StreetAddress,
    gate: |k| match k.class {
        Class::Word => k.cap || k.first == First::P,
        // A house number, then a space or ". " before the street name; or a rural
        // grid number (`W9982`).
        Class::Num => k.len <= 7 && k.first.is_digit() && matches!(k.next, Next::Space | Next::Dot),
        Class::Mixed => k.len <= 7 && (k.first.is_digit() || k.first == First::Other && k.len >= 4) && matches!(k.next, Next::Space | Next::Dot),
    },
    find,
    #[cfg(test)]
    hits: &[
        "at «46121 Oak Ridge Rd» today",
        "lives at «1234 Oak Street» with",
        "«55 N. Main St., Apt 4B, Springfield, IL» 62704",
        "«881 Maple Ave NW»",
        "Requester address: «POB 2795, Lawrence, MA» 01841",
        "«Rural Route 1, Box 204, Tukwila»",
        "at «12 Oak St», Boston and",
        "«RR 4 Box 646»|Biloxi MS",
        "lives at «post office box 6194» in garden grove",
        "«12 Elm Rd\nBoston, MA» 02118",
        "\"«435 E Cedar Ln\nApt 864\nAlbuquerque, NM» 87136\"",
        "«4433 Madison Ave. Suite 1059\nSt. Louis, MO» 63164",
        "«PO Box 881»",
        "call me at «1547 Elm St, Fairbanks».",
        "Our address changed: «34259 SW Aspen Ter, Lowell» 01820. My phone",
        "She's at «7352 NE Larkspur Cir, Fresno», if somebody needs to come out.",
        "Vivimos en «Post Office Box 2469, Hilo».",
        "«742 Evergreen Terrace Suite 200»",
        "at «Springfield, IL» 62704.",
        "Vivimos en «1491 1/2 W 12th Ave, Gresham».",
        "still lives at «W9982 State Route 264 in Kearny»",
        "Adresse : «S7407 Navajo Route 7, Waipahu, HI» 96797",
        "«N4765 County Road K, Fairbanks».",
        "«2210 County Rd 12»",
        "«RR 3 Box 14, Dayton OH» 45454 |",
        "«790 W Cermak Ter Bsmt, Dayton, OH» 45460",
        "(0010,1040) LO [«1946 Ocotillo Ln Hamtramck MI» 48279]",
        "Lives alone in «Silver Spring», still drives.",
        "same address («9330 Saint Anselm Pl # 18, Minneapolis, MN» 55420)",
    ],
    #[cfg(test)]
    misses: &["version 2 Main thing",  "took 200 mg Daily", "1234 oak street", "Room 12 West Wing", "build A1234 Release Notes", "X9982 State Route 264", "lives in The Villages", "the log lives in REDCap"],
};

const SUFFIXES: &[&str] = &[
    "st", "street", "ave", "av", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln", "lane", "way", "ct", "court", "pl",
    "place", "ter", "terrace", "pkwy", "parkway", "hwy", "highway", "cir", "circle", "sq", "square", "trl", "trail", "loop", "row", "pike",
    "aly", "alley", "xing", "crossing", "path", "walk", "run", "pass", "ridge", "glen", "crescent", "cres", "close", "heights", "hts",
    "plaza", "plz", "mews", "gardens", "gdns", "grove", "grv", "vista", "view", "cove", "cv", "creek", "hill", "hills", "lake", "bend",
    "manor", "mnr", "meadow", "meadows", "springs", "estates", "knoll", "landing", "lndg", "park", "point", "pt", "station", "sta", "turnpike",
    "tpke", "expressway", "expy", "freeway", "fwy", "junction", "jct", "valley", "vly", "village", "vlg", "ville", "summit", "smt", "port",
    "harbor", "hbr", "haven", "isle", "island", "fork", "forks", "ford", "fords", "forest", "falls", "field", "fields", "flat", "flats",
    "green", "orchard", "oval", "overpass", "ramp", "ranch", "rapids", "rest", "route", "rte", "shoal", "shoals", "shore", "shores", "skyway",
    "spur", "stream", "track", "trace", "trafficway", "tunnel", "underpass", "union", "unions", "via", "viaduct", "views", "wall", "ways",
    "well", "wells", "center", "ctr", "commons", "court", "courts", "cts", "dale", "dam", "divide", "drives", "estate", "extension", "ext",
    "ferry", "fry", "gateway", "gtwy", "harbors", "inlet", "keys", "knolls", "lakes", "light", "lights", "lock", "locks", "lodge", "mall",
    "mill", "mills", "mission", "motorway", "mount", "mountain", "mtn", "neck", "orchards", "parks", "passage", "pine", "pines", "plains",
    "prairie", "radial", "ridges", "river", "rvr", "roads", "squares", "stravenue", "streets", "terr", "throughway", "brook", "brooks",
    "burg", "burgs", "bypass", "byp", "camp", "canyon", "cape", "causeway", "cliff", "cliffs", "club", "common", "corner", "corners",
    "crest", "curve", "gateway", "glens", "greens", "groves", "hollow", "inlet", "junctions", "key", "loaf", "manors", "meadows", "bluff",
    "bluffs", "bottom", "branch", "bridge", "beach", "alley", "anex", "arcade",
];

const UNITS: &[&str] = &["apt", "apartment", "suite", "ste", "unit", "rm", "room", "fl", "floor", "bldg", "building", "no", "lot", "trlr", "dept", "box"];
const DIRECTIONS: &[&str] = &["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];

/// US states and territories, two-letter codes.
pub(crate) const STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
    "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
    "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP",
];

fn is_suffix(doc: &Doc, j: usize) -> bool {
    let t = &doc.toks[j];
    t.is_word() && (t.is(CAP) || t.is(UPPER)) && SUFFIXES.iter().any(|x| x.eq_ignore_ascii_case(doc.s(j)))
}

fn street_word(doc: &Doc, j: usize) -> bool {
    let t = &doc.toks[j];
    let s = doc.s(j);
    match t.class {
        // (Or a Spanish or French particle inside the name: "Calle del Sol", "Rue de la Paix".)
        crate::text::Class::Word => t.is(CAP) || t.is(UPPER) || matches!(s, "del" | "de" | "la" | "las" | "los" | "el"),
        // 5th, 42nd, 1st
        crate::text::Class::Mixed => {
            let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            d.len() <= 3 && matches!(s[d.len()..].to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
        }
        crate::text::Class::Num => false,
    }
}

fn word_gap_ok(g: &str) -> bool {
    matches!(g, " " | ". ")
}

/// The ZIP after `j` (`62704` or `62704-1234`) as (start, end).
fn zip_after(doc: &Doc, j: usize) -> Option<(usize, usize)> {
    let n = doc.toks.get(j + 1)?;
    if !matches!(doc.gap_after(j), " " | "  ") || !n.is_num() || n.len() != 5 {
        return None;
    }
    let mut end = n.end as usize;
    if doc.gap_after(j + 1) == "-" {
        if let Some(p) = doc.toks.get(j + 2).filter(|p| p.is_num() && p.len() == 4) {
            end = p.end as usize;
        }
    }
    if doc.bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((n.start as usize, end))
}

/// `City, ST` (or `City ST`) starting at token `j`; returns the state token.
fn city_state(doc: &Doc, j: usize) -> Option<usize> {
    let mut k = j;
    let mut words = 0;
    while k < doc.toks.len() && words < 4 {
        let t = &doc.toks[k];
        if !(t.is_word() && t.is(CAP)) {
            return None;
        }
        words += 1;
        let gap = doc.gap_after(k);
        let next = k + 1;
        if next < doc.toks.len() && matches!(gap, ", " | " " | ",") && doc.toks[next].line == t.line {
            let st = doc.s(next);
            // (Puerto Rico's ZIPs start 00: "Azure DevOps PR 35192" is a pull request.)
            let zip = zip_after(doc, next).filter(|&(z, _)| st != "PR" || doc.bytes[z] == b'0');
            if st.len() == 2 && STATES.contains(&st) && (gap != " " || words > 0) && zip.is_some() || (gap.starts_with(',') && st.len() == 2 && STATES.contains(&st)) {
                return Some(next);
            }
        }
        // "St. Louis", "Ft. Myers", "Mt. Vernon"
        let abbreviation = gap == ". " && matches!(doc.s(k), "St" | "Ft" | "Mt" | "Pt");
        if gap != " " && !abbreviation || doc.toks.get(next).is_none_or(|n| n.line != t.line) {
            return None;
        }
        k = next;
    }
    None
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let t = &toks[i];
    if t.is_word() {
        if t.is(CAP) && state_zip_ahead(doc, i) {
            city_line(doc, i, out);
        }
        if t.is(CAP) && i >= 2 && doc.s(i - 1) == "in" {
            lives_in(doc, i, out);
        }
        if matches!(doc.bytes[t.start as usize] | 0x20, b'p' | b'r' | b'h') && t.len() <= 5 {
            po_box(doc, i, out);
        }
        return;
    }
    // House number: 1-6 digits, or digits + one letter (12B), or a rural grid
    // address's direction + digits (W9982, N4765: Wisconsin, Illinois, the Navajo Nation).
    let s = doc.s(i);
    let grid = s.len() >= 4 && matches!(s.as_bytes()[0], b'N' | b'S' | b'E' | b'W') && s[1..].bytes().all(|b| b.is_ascii_digit());
    let digits = if grid { &s[1..] } else { s.trim_end_matches(|c: char| c.is_ascii_alphabetic()) };
    if digits.is_empty() || digits.len() > 6 || !grid && s.len() - digits.len() > 1 || !digits.bytes().all(|b| b.is_ascii_digit()) || num(digits) == 0 {
        return;
    }
    let start = t.start as usize;
    if start > 0 && !matches!(doc.bytes[start - 1], b' ' | b'\n' | b'\r' | b'\t' | b',' | b':' | b'(' | b'[' | b'"' | b'\'' | b'|' | b'>' | b'^' | b';') {
        return;
    }
    // After an article the number counts things: "the 18 Safe Harbor identifiers".
    if i > 0 && doc.gap_before(i) == " " && matches!(doc.s(i - 1), "the" | "The" | "these" | "These" | "all" | "All") {
        return;
    }
    // Street words, ending in a suffix (after a half: "1491 1/2 W 12th Ave").
    let half = toks.get(i + 2).is_some_and(|two| doc.gap_after(i) == " " && doc.s(i + 1) == "1" && doc.gap_after(i + 1) == "/" && two.line == t.line && doc.s(i + 2) == "2");
    let mut j = if half { i + 3 } else { i + 1 };
    let mut suffix_at = None;
    let mut words = 0;
    while j < toks.len() && words < 6 && toks[j].line == t.line && word_gap_ok(doc.gap_before(j)) {
        if !street_word(doc, j) {
            break;
        }
        words += 1;
        if words >= 2 && is_suffix(doc, j) {
            suffix_at = Some(j);
            // "St" could start "St Louis"; prefer the last suffix in range only if followed by a direction.
            break;
        }
        j += 1;
    }
    let Some(mut last) = suffix_at else { return };
    // A suffix word in the name: "Oak Ridge Rd", "Cedar Hollow Ave", "Park Lane Ct".
    while last - i < 6 && toks.get(last + 1).is_some_and(|n| n.line == t.line) && doc.gap_after(last) == " " && is_suffix(doc, last + 1) {
        last += 1;
    }
    // A numbered or lettered road: "State Route 264", "County Road K".
    if let Some(n) = toks.get(last + 1).filter(|n| n.line == t.line && doc.gap_after(last) == " ") {
        let road = ["route", "rte", "road", "rd", "highway", "hwy"].iter().any(|r| doc.s(last).eq_ignore_ascii_case(r));
        if road && (n.is_num() && n.len() <= 4 || n.is_word() && n.is(UPPER) && n.len() <= 2) {
            last += 1;
        }
    }
    // Trailing direction: "Main St NW".
    if let Some(n) = toks.get(last + 1) {
        if n.line == t.line && matches!(doc.gap_after(last), " " | ". ") && DIRECTIONS.iter().any(|x| x.eq_ignore_ascii_case(doc.s(last + 1))) && n.is(UPPER) {
            last += 1;
        }
    }
    // A unit without a number: "Cermak Ter Bsmt", "Main St Rear" (USPS secondary designators).
    if let Some(n) = toks.get(last + 1).filter(|n| n.line == t.line && n.is_word() && doc.gap_after(last) == " ") {
        if ["bsmt", "basement", "rear", "frnt", "front", "lowr", "uppr", "ph", "lbby"].iter().any(|u| doc.s(last + 1).eq_ignore_ascii_case(u)) && n.is(CAP) {
            last += 1;
        }
    }
    let mut end = toks[last].end as usize;
    if doc.bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    // Unit: ", Apt 4B", " Suite 200", " #12", or "Apt 864" on the next line (a cell's lines).
    let mut k = last + 1;
    let mut line = t.line;
    if k < toks.len() && (toks[k].line == t.line || toks[k].line == t.line + 1 && doc.gap_before(k).trim_matches([' ', '\r']) == "\n") {
        let gap = doc.gap_before(k);
        let unit_word = UNITS.iter().any(|x| x.eq_ignore_ascii_case(doc.s(k))) && toks[k].is_word();
        if unit_word && (matches!(gap, " " | ", " | ". " | "., ") || toks[k].line > t.line) {
            if let Some(v) = toks.get(k + 1).filter(|v| v.line == toks[k].line && (v.len() <= 6 && !v.is_word() || v.len() == 1)) {
                if matches!(doc.gap_after(k), " " | ". " | " #" | "." | " # ") {
                    end = v.end as usize;
                    line = v.line;
                    k += 2;
                }
            }
        } else if matches!(gap, " #" | ", #" | " # " | ", # ") && toks[k].len() <= 6 && !toks[k].is_word() {
            end = toks[k].end as usize;
            k += 1;
        }
    }
    // City, ST [ZIP] on the same line after ", " or on the next line.
    let mut zip = None;
    if k < toks.len() {
        let gap = doc.gap_before(k);
        let same_line = toks[k].line == line && matches!(gap, ", " | " " | "., ");
        let next_line = toks[k].line == line + 1 && gap.trim_matches([' ', '\r', ',']) == "\n";
        // ("at 2575 Dogwood Ct in Allentown.": the town after "in", closing its clause.)
        let town = || (same_line && gap == " " && doc.s(k) == "in").then(|| city_alone(doc, k + 1)).flatten();
        if let Some((e, z)) = (same_line || next_line).then(|| city_after(doc, k)).flatten().or_else(town) {
            end = e;
            zip = z;
        }
    }
    out.push(Cand::new(Kind::StreetAddress, start, end, if zip.is_some() { 0.5 } else { 0.4 }, "street address", Needs::Patient));
    if let Some((zs, ze)) = zip {
        out.push(Cand::new(Kind::ZipCode, zs, ze, 0.5, "ZIP code in an address", Needs::Patient));
    }
}

/// `City, ST [ZIP]` from token `k`, or a city alone closing the sentence:
/// where it ends, and the ZIP's span.
fn city_after(doc: &Doc, k: usize) -> Option<(usize, Option<(usize, usize)>)> {
    match city_state(doc, k) {
        Some(st) => Some((doc.toks[st].end as usize, zip_after(doc, st))),
        None => city_alone(doc, k),
    }
}

/// `, Fairbanks.`, `, Garden Grove` at a line's end, `, Fresno, if ...`, `, Lowell 01820`:
/// a city alone closing its clause after a street or box (token `k` after the comma),
/// or with its ZIP; where it ends, and the ZIP's span.
fn city_alone(doc: &Doc, k: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let toks = &doc.toks;
    if k >= toks.len() || !(doc.gap_before(k) == ", " || doc.gap_before(k) == " " && doc.s(k - 1) == "in") {
        return None;
    }
    for j in k..(k + 3).min(toks.len()) {
        let t = &toks[j];
        if !(t.is_word() && t.is(CAP)) || t.line != toks[k].line {
            return None;
        }
        if let Some(zip) = zip_after(doc, j) {
            return Some((t.end as usize, Some(zip)));
        }
        if doc.gap_after(j) != " " {
            let end = t.end as usize;
            return doc.bytes.get(end).is_none_or(|b| matches!(b, b'.' | b'\n' | b'\r' | b';' | b')' | b',')).then_some((end, None));
        }
    }
    None
}

/// A two-letter state followed by a ZIP within the next few tokens (a cheap test).
fn state_zip_ahead(doc: &Doc, i: usize) -> bool {
    (i + 1..(i + 6).min(doc.toks.len().saturating_sub(1))).any(|k| {
        let t = &doc.toks[k];
        t.len() == 2 && t.is(UPPER) && doc.toks[k + 1].is_num() && doc.toks[k + 1].len() == 5
    })
}

/// "Lives alone in Pawtucket, still drives", "resides in Silver Spring": the town a
/// person lives in (one to three capitalised words after "lives in").
fn lives_in(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let verb = |k: usize| matches!(doc.s(k), "lives" | "Lives" | "living" | "Living" | "resides" | "Resides" | "residing");
    // (A town's name is capitalised, not camel-cased: "the linking log lives in REDCap".)
    let town_word = |k: usize| doc.s(k).bytes().skip(1).all(|b| !b.is_ascii_uppercase());
    if !(verb(i - 2) || i >= 3 && doc.s(i - 2) == "alone" && verb(i - 3)) || !town_word(i) || matches!(doc.s(i), "The" | "A" | "An" | "Her" | "His" | "Their" | "Assisted" | "Nursing" | "Skilled" | "Group") {
        return;
    }
    let mut last = i;
    while last < i + 2 && doc.gap_after(last) == " " && doc.toks.get(last + 1).is_some_and(|n| n.line == doc.toks[i].line && n.is_word() && n.is(CAP) && town_word(last + 1)) {
        last += 1;
    }
    out.push(Cand::new(Kind::StreetAddress, doc.toks[i].start as usize, doc.toks[last].end as usize, 0.45, "town a person lives in", Needs::Patient));
}

/// `Springfield, IL 62704` without a street line before it.
fn city_line(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks[i];
    if !t.is(CAP) || t.is(UPPER) {
        return;
    }
    // Only at the start of a city: previous token is not a capitalised word joined by a space.
    if i > 0 && doc.toks[i - 1].line == t.line && doc.gap_before(i) == " " && doc.toks[i - 1].is(CAP) {
        return;
    }
    // A street line before (same or previous line) already covers it.
    if i > 0 && is_suffix(doc, i - 1) {
        return;
    }
    let Some(st) = city_state(doc, i) else { return };
    let Some((zs, ze)) = zip_after(doc, st) else { return };
    if doc.gap_after(st - 1) == " " && st == i + 1 {
        return; // "Boston MA 02118" without a comma is too loose
    }
    let (s, e) = (t.start as usize, doc.toks[st].end as usize);
    let covered = out.iter().any(|c| c.kind == Kind::StreetAddress && c.end >= e && c.start <= s);
    if !covered {
        out.push(Cand::new(Kind::StreetAddress, s, e, 0.4, "city and state of an address", Needs::Patient));
        out.push(Cand::new(Kind::ZipCode, zs, ze, 0.5, "ZIP code in an address", Needs::Patient));
    }
}

/// `PO Box 881`, `P.O. Box 881`.
/// `PO Box 7220`, `P.O. Box`, `POB 2795`, `Post Office Box 6194`, and rural
/// routes: `RR 4 Box 646`, `HC 53 Box 225`, `Rural Route 1, Box 204`.
fn po_box(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    let is = |j: usize, w: &str| j < toks.len() && toks[j].line == toks[i].line && doc.s(j).eq_ignore_ascii_case(w);
    let num = |j: usize| j < toks.len() && toks[j].line == toks[i].line && toks[j].is_num();
    let gap = |j: usize, g: &[&str]| g.contains(&doc.gap_after(j));
    // Where the box number is.
    let n = if is(i, "po") && gap(i, &[" "]) && is(i + 1, "box") {
        i + 2
    } else if is(i, "p") && gap(i, &["."]) && is(i + 1, "o") && gap(i + 1, &[". ", " "]) && is(i + 2, "box") {
        i + 3
    } else if is(i, "pob") && gap(i, &[" "]) {
        i + 1
    } else if is(i, "post") && is(i + 1, "office") && is(i + 2, "box") && gap(i, &[" "]) && gap(i + 1, &[" "])
        || (is(i, "rr") || is(i, "hc")) && gap(i, &[" "]) && num(i + 1) && gap(i + 1, &[" ", ", "]) && is(i + 2, "box")
    {
        i + 3
    } else if is(i, "rural") && is(i + 1, "route") && num(i + 2) && gap(i + 2, &[" ", ", "]) && is(i + 3, "box") {
        i + 4
    } else {
        return;
    };
    if num(n) && gap(n - 1, &[" "]) {
        // Then "City, ST ZIP" (or the city alone closing the sentence), as after a street.
        let place = if n + 1 >= toks.len() {
            None
        } else if matches!(doc.gap_after(n), ", " | " ") && toks[n + 1].line == toks[n].line {
            city_after(doc, n + 1)
        } else {
            city_alone(doc, n + 1)
        };
        let (end, zip) = place.unwrap_or((toks[n].end as usize, None));
        out.push(Cand::new(Kind::StreetAddress, toks[i].start as usize, end, 0.4, "post office box", Needs::Patient));
        if let Some((zs, ze)) = zip {
            out.push(Cand::new(Kind::ZipCode, zs, ze, 0.5, "ZIP code in an address", Needs::Patient));
        }
    }
}
