//! Person names in prose, in any script.
//!
//! A run of capitalised words (with initials, hyphens, apostrophes and
//! particles such as "de la", "van", "bin") is a name candidate when
//! - a patient cue precedes it: "Patient", "Pt", "Mr."/"Mrs."/"Ms.",
//!   relatives ("daughter", "husband", "mother") -> strong;
//! - a patient cue follows it: ", DOB", "(DOB", ", a 67-year-old", ", age";
//! - it reads "Last, First" with both parts in the name dictionaries;
//! - it has a first and a last name from the dictionaries (weak; needs a
//!   document about a patient).
//!
//! A staff cue ("Dr.", ", MD", ", RN", "@") marks it staff: never reported,
//! and its words are not reported elsewhere in the document either.
//! Uncased scripts (CJK, Arabic) are names only after a cue.
//! Known false positives: capitalised product or place names made of
//! common first and last names ("Grace Hopper Hall"); context decides.

use super::{Cand, First, Needs, Next, Recognizer};
use crate::dictionaries::flag;
use crate::text::{Class, Doc, CAMEL, CAP, UNCASED, UPPER};
use crate::Kind;

pub(crate) static PERSON_NAME: Recognizer = Recognizer {
    id: "person-name",
    kind: Kind::PersonName,
    // Capitalised, and not a common word (word() would say Word::Not).
    gate: |k| k.class == Class::Word && k.cap && !k.not_name,
    find,
    #[cfg(test)]
    hits: &[
        "Patient «Maria Gonzalez» was seen",
        "Per spouse («Refugio»), she has been eating less",
        "Emergency contact «Refugio Treviño» 1-934-299-1877",
        "my son was seen in the ER and nobody sent the form.\nthank you\n«Thu Trang Phạm»\nsent from my iphone",
        "seen with «Gonzalez, Maria»,",
        "Mr. «Nguyen» reports",
        "lives with daughter «Anh».",
        "Patient «Siobhán Ó Coisdeala» called",
        "Pt «Đặng Văn Minh» arrived",
        "«Maria Gonzalez», DOB 3/14/62",
        "wife «Anna-Lena Kraus»",
        "«Priya Raghunathan» is a 67-year-old",
        "Patient «王小明» called",
        "patient «Jean-Luc de la Cruz» today",
        "Patient «Mary J. O'Brien» phoned",
        "S: «SMITH, MICHAEL», 74 y/o, admitted",
        "Records request - «IYER, LAKSHMI» DOB 04/17/1975",
        "Reminder: «Sebastião», your visit on 05/06/2026 at 9:40",
        "* «Terry Parker» (Feb 8, 1961) — MRN E8726298",
        "Next of kin: Mr. «da Rosa» (husband)",
        "bed 4: Mrs. «Hill», CHF exacerbation",
        "From: «David Barnes» (MRN 4088256)",
    ],
    #[cfg(test)]
    misses: &["Member ID: 12345", "What is the member ID on your card?", "Patient Reports Pain", "The Discharge Summary", "PatientService failed", "Dr. Kim", "Meeting With The Team", "called the pharmacy", "The build is green again.\nThanks,\nAna Lima", "Dummy account for my tests.\nThanks,\nAna Lima"],
};

/// A name typed in lower case after "pt" or "patient" (`lower_after_cue`).
pub(crate) static LOWER_NAME: Recognizer = Recognizer {
    id: "person-name-lower",
    kind: Kind::PersonName,
    gate: |k| k.class == Class::Word && !k.cap && k.first == First::P && matches!(k.len, 2 | 7),
    find: lower_after_cue,
    #[cfg(test)]
    hits: &["pt «sophal sok» 40 y/o s/p CABG", "patient «maarten van den heuvel» called", "patient «jose garcia» called"],
    #[cfg(test)]
    misses: &["pt will rose early", "Pt Sophal Sok", "patient safety team", "pt denies chest pain"],
};

/// A surname after an honorific that the capitalised path never reads (`after_honorific`).
pub(crate) static TITLED_NAME: Recognizer = Recognizer {
    id: "person-name-titled",
    kind: Kind::PersonName,
    gate: |k| k.class == Class::Word && k.next == Next::Dot && matches!(k.len, 2 | 3),
    find: after_honorific,
    #[cfg(test)]
    hits: &["5 - Mr. «Rivers», pyelonephritis, on ceftriaxone", "17 - ms. «núñez», cellulitis"],
    #[cfg(test)]
    misses: &["took 390 ms. núñez", "Mr. Smith", "MR. RIVERS", "ms. rivers", "Mr. He"],
};

/// A name in parentheses after a record number (`name_after_record`).
pub(crate) static RECORD_NAME: Recognizer = Recognizer {
    id: "person-name-after-record",
    kind: Kind::PersonName,
    gate: |k| k.class == Class::Mixed && k.next == Next::Space && !k.first.is_digit(),
    find: name_after_record,
    #[cfg(test)]
    hits: &["A08 for E9389118 («hao liu») bounced again", "merge E9389118 («Hao Liu») into E9389001"],
    #[cfg(test)]
    misses: &["build v2026 (will rose) failed", "E9389118 (see note)", "commit 9f8e7d6 (fix typo)", "E12 (hao liu)"],
};

/// Words that make "Patient X" a thing rather than a patient named X.
const PATIENT_COMPOUNDS: &[&str] = &[
    "portal", "access", "safety", "care", "education", "experience", "services", "service", "financial", "relations", "advocate",
    "transport", "transfer", "flow", "chart", "record", "records", "list", "banner", "header", "search", "lookup", "merge", "summary",
];

const PATIENT_BEFORE: &[&str] = &[
    "patient", "pt", "mr", "mrs", "ms", "miss", "mx", "member", "subscriber", "insured", "beneficiary", "enrollee", "resident", "daughter",
    "son", "wife", "husband", "mother", "father", "mom", "dad", "sister", "brother", "spouse", "partner", "guardian", "caregiver", "grandson",
    "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "niece", "nephew", "aunt", "uncle", "fiancé", "fiance", "fiancée",
    "girlfriend", "boyfriend", "child", "baby", "infant", "newborn", "named", "sibling", "stepson", "stepdaughter", "stepmother",
    "stepfather", "cousin", "widow", "widower", "decedent", "deceased", "client", "guarantor", "mrs.", "patients", "neighbor", "roommate", "kin", "caller",
    "paciente", "sr", "sra", "srta", "hija", "hijo", "esposa", "esposo", "madre", "padre", "hermana", "hermano", "abuela", "abuelo",
    "patiente", "mme", "mlle", "madame", "monsieur", "fils", "fille", "épouse", "poa", "parent", "proxy",
];

const STAFF_BEFORE: &[&str] = &[
    "dr", "doctor", "nurse", "rn", "np", "prof", "professor", "physician", "surgeon", "attending", "provider", "therapist", "pharmacist",
    "resident", "intern", "fellow", "cc", "by", "thanks", "regards", "cheers", "sincerely", "from", "engineer", "developer", "manager",
    "reporter", "assignee", "coordinator", "agent", "rep", "representative", "analyst", "admin", "administrator", "director", "lead",
    "dietitian", "technician", "tech", "chaplain", "aide", "midwife", "paramedic", "emt", "scribe", "md", "do", "dds", "pa", "lpn", "cna",
    "owner",
];

const STAFF_AFTER: &[&str] = &[
    "md", "do", "rn", "np", "pa", "phd", "lpn", "cna", "pharmd", "dds", "dmd", "facp", "facs", "msn", "bsn", "aprn", "crna", "dnp", "lcsw",
    "mph", "mba", "od", "dpm", "pt", "ot", "slp", "rd", "cnm", "mbbs", "frcp",
    // Pull request activity: "Siti Aisyah binti Abdullah approved this pull request".
    "approved", "merged", "declined",
];

const PARTICLES: &[&str] = &["de", "del", "della", "der", "den", "di", "da", "dos", "das", "do", "du", "van", "von", "la", "le", "los", "las", "bin", "binti", "bint", "al", "el", "ibn", "y", "ter", "ten", "zu", "st"];

/// Which of the lists above a lower-case word is in: one lookup for all of
/// them (the lists are searched on most capitalised words).
mod cue {
    pub const PATIENT_BEFORE: u8 = 1;
    pub const STAFF_BEFORE: u8 = 2;
    pub const STAFF_AFTER: u8 = 4;
    pub const PARTICLE: u8 = 8;
}

fn cues(lower: &str) -> u8 {
    // (The string-keyed maps' type: one copy of the hash table's code in the wasm package.)
    static MAP: std::sync::OnceLock<crate::dictionaries::FxMap<String, usize>> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = crate::dictionaries::FxMap::default();
        for (list, bit) in [(PATIENT_BEFORE, cue::PATIENT_BEFORE), (STAFF_BEFORE, cue::STAFF_BEFORE), (STAFF_AFTER, cue::STAFF_AFTER), (PARTICLES, cue::PARTICLE)] {
            for &w in list {
                *m.entry(w.to_string()).or_insert(0) |= usize::from(bit);
            }
        }
        m
    });
    map.get(lower).map_or(0, |&bits| bits as u8)
}

/// Whether `w` is a word for a relative or a patient ("husband", "Daughter"): a
/// contact's relationship, not their name.
pub(crate) fn is_relation(w: &str) -> bool {
    w.len() <= 20 && cues(&crate::text::lower_into(w, &mut [0u8; 48])) & cue::PATIENT_BEFORE != 0
}

fn is_particle(w: &str) -> bool {
    cues(w) & cue::PARTICLE != 0
}

/// Whether token `j` can be a word of a name: a capitalised or
/// upper-case word, or a word in a script without case.
pub(crate) fn is_name_token(doc: &Doc, j: usize) -> bool {
    let t = &doc.toks[j];
    if !t.is_word() {
        return false;
    }
    if t.is(CAMEL) {
        // McDonald, MacArthur, DeShawn, LaToya, O'... are names; PatientService is not.
        let s = doc.s(j);
        let ok = matches!(s.as_bytes()[0], b'M' | b'D' | b'L' | b'V') && ["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du"].iter().any(|p| s.starts_with(p) && s[p.len()..].chars().next().is_some_and(char::is_uppercase) && s[p.len()..].chars().skip(1).all(char::is_lowercase));
        if !ok {
            return false;
        }
    }
    // (An acronym's plural is no name: "MRNs", "IDs", "EHRs".)
    (t.is(CAP) || t.is(UNCASED)) && !(t.len() >= 3 && doc.bytes[t.end as usize - 1] == b's' && doc.bytes[t.start as usize..t.end as usize - 1].iter().all(u8::is_ascii_uppercase))
}

/// Extends a run of name words from token `i` (which must be a name
/// token) on one line; returns the last token of the run.
pub(crate) fn name_run_from(doc: &Doc, i: usize) -> usize {
    let mut last = i;
    let mut words = 1;
    let mut j = i + 1;
    while j < doc.toks.len() && words < 5 && doc.toks[j].line == doc.toks[i].line {
        let gap = doc.gap_before(j);
        let prev_initial = doc.toks[j - 1].len() == 1 && doc.toks[j - 1].is(CAP);
        let join_ok = match gap {
            " " | "-" | "'" | "’" => true,
            ". " => prev_initial,
            _ => false,
        };
        // "IYER, LAKSHMI DOB 04/17/1975": a record's label ends the name.
        if !join_ok || ["DOB", "DOD", "MRN", "SSN", "MBI"].iter().any(|l| doc.s(j).eq_ignore_ascii_case(l)) {
            break;
        }
        if is_name_token(doc, j) {
            // An apostrophe joins O'Brien but not "Maria's".
            if matches!(gap, "'" | "’") && doc.toks[j - 1].len() > 2 {
                break;
            }
            last = j;
            words += 1;
            j += 1;
            continue;
        }
        // A romanised Korean given name's second syllable: "Ha-eun", "Jae-seok".
        let lower = doc.s(j);
        if gap == "-" && doc.toks[j - 1].len() <= 6 && (2..=5).contains(&lower.len()) && lower.bytes().all(|c| c.is_ascii_lowercase()) {
            last = j;
            j += 1;
            continue;
        }
        // Lower-case particles inside a name: "de la", "van der".
        if gap == " " && is_particle(lower) {
            let mut k = j + 1;
            while k < doc.toks.len() && doc.gap_before(k) == " " && is_particle(doc.s(k)) {
                k += 1;
            }
            if k < doc.toks.len() && doc.gap_before(k) == " " && is_name_token(doc, k) && doc.toks[k].line == doc.toks[i].line {
                last = k;
                words += 1;
                j = k + 1;
                continue;
            }
        }
        break;
    }
    last
}

/// How a word reads as part of a name.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Word {
    /// In a name dictionary and not a common word.
    Name,
    /// In a name dictionary and also a common English word (Will, Grace).
    Ambiguous,
    /// Not in the dictionaries, not common: an unknown word (possible name).
    Unknown,
    /// A common word, month, label or clinical term: not a name.
    Not,
}

/// Lexicon flags of words that are not names unless a name list has them too.
pub(crate) const NOT_NAME: u32 = flag::COMMON | flag::CLINICAL | flag::MONTH | flag::LABEL;

pub(crate) fn word(doc: &Doc, j: usize) -> (Word, bool, bool) {
    let s = doc.s(j);
    let mut chars = s.chars();
    if chars.next().is_some() && chars.next().is_none() {
        // An initial, but "I was seen": the pronoun.
        let pronoun = s == "I" && doc.gap_after(j) == " " && doc.toks.get(j + 1).is_some_and(|n| n.is_word() && !n.is(CAP));
        return (if pronoun { Word::Not } else { Word::Unknown }, false, false);
    }
    // "He was admitted": a pronoun, even where a dictionary has it as a surname (He, Su).
    // (And French honorifics: "Patiente : Mme Mekdes Haile".)
    if doc.has(j, flag::PRONOUN) {
        return (Word::Not, false, false);
    }
    let (first, last) = (doc.has(j, flag::FIRST), doc.has(j, flag::LAST));
    let common = doc.has(j, NOT_NAME);
    let w = match (first || last, common) {
        (true, false) => Word::Name,
        (true, true) => Word::Ambiguous,
        (false, false) => Word::Unknown,
        (false, true) => Word::Not,
    };
    (w, first, last)
}

fn prev_word<'b>(doc: &Doc<'b>, i: usize, buf: &'b mut [u8; 48]) -> Option<std::borrow::Cow<'b, str>> {
    if i == 0 || doc.toks[i - 1].line != doc.toks[i].line {
        return None;
    }
    let gap = doc.gap_before(i);
    if !matches!(gap, " " | ". " | ": " | ", " | " - " | ":" | "  " | " : " | " (" | "(") {
        return None;
    }
    // After a dot, an abbreviation ("Mr.", "Pt.", "Dr."), not a sentence's last word ("… not a
    // patient. Pin validator 7.8.3").
    if gap == ". " && doc.toks[i - 1].len() > 4 {
        return None;
    }
    let word = doc.lower(i - 1, buf);
    // An honorific touches its name ("Mr. Nguyen", "MRS NGUYEN"); "type codes MR, PI" and
    // "MR Image Storage" (the modality) have none.
    // Nor is "390 ms. Rhapsody" (milliseconds) one: an honorific is capitalised.
    if matches!(&*word, "mr" | "mrs" | "ms" | "mx") && (gap.starts_with([',', ':', '(', '-']) || doc.toks[i - 1].is(crate::text::UPPER) && !doc.toks[i].is(crate::text::UPPER) || !doc.toks[i - 1].is(CAP)) {
        return None;
    }
    Some(word)
}

/// Most words of the line are capitalised (a heading or title).
fn title_case_line(doc: &Doc, i: usize) -> bool {
    let line = doc.toks[i].line;
    // (A line of more than 2,000 bytes is no title: it is not read whole at each name.)
    if doc.line_end(line as usize) - doc.line_starts[line as usize] as usize > 2000 {
        return false;
    }
    let first = doc.tok_at(doc.line_starts[line as usize] as usize);
    let mut words = doc.toks[first..].iter().take_while(|t| t.line == line).filter(|t| t.is_word() && t.len() > 3);
    // (A title has a few words, all capitalised: read up to the first that is not, or the 25th.)
    let mut all = 0;
    for t in words.by_ref().take(25) {
        if !t.is(CAP) {
            return false;
        }
        all += 1;
    }
    all >= 3 && words.next().is_none()
}

/// "I'm Thảo Vũ", "my name is Anh Tran", "This is Maria Gonzalez": the
/// writer of a message introducing themselves.
fn self_introduction(doc: &Doc, i: usize) -> bool {
    // Each phrase below ends in one of these words: most names follow none of them.
    const LAST: [&str; 19] = ["m", "am", "is", "im", "llamo", "soy", "es", "suis", "appelle", "chiamo", "sono", "sou", "é", "bin", "heiße", "ist", "ben", "jestem", "зовут"];
    if i == 0 || doc.gap_before(i) != " " || !crate::text::one_of_ci(doc.s(i - 1).as_bytes(), &LAST) {
        return false;
    }
    let start = doc.toks[i].start as usize;
    let before = doc.window(start.saturating_sub(24), start);
    // (And in the languages patients write to US clinics in: Spanish, French, Italian,
    // Portuguese, German, Dutch, Polish, Russian.)
    const INTRO: [&str; 22] = [
        "i'm ", "i’m ", "i am ", "name is ", "this is ", "im ", "me llamo ", "soy ", "nombre es ", "je suis ", "je m'appelle ", "mi chiamo ", "sono ",
        "sou ", "nome é ", "ich bin ", "ich heiße ", "name ist ", "ik ben ", "naam is ", "jestem ", "меня зовут ",
    ];
    if before.is_ascii() {
        // Same test without allocating: ASCII lower-casing is per byte.
        return crate::text::suffix_ci(before.as_bytes(), &INTRO).is_some();
    }
    let before = before.to_lowercase();
    INTRO.iter().any(|p| before.ends_with(p))
}

/// Greetings that open a letter, capitalised like a name.
const GREETINGS: &[&str] = &["buongiorno", "buonasera", "bonjour", "bonsoir", "hola", "hallo", "geachte", "beste", "gentile", "egregio", "salve", "ciao", "olá", "witam", "szanowni", "liebe", "lieber", "estimado", "estimada"];

const VALEDICTIONS: &[&str] = &[
    "thanks", "thank you", "thanks again", "thanks so much", "many thanks", "regards", "best regards", "kind regards", "warm regards", "best",
    "cheers", "sincerely", "respectfully", "yours", "yours truly", "take care", "--", "-", "saludos", "gracias", "atentamente",
];

/// Whose name the sender of a message is: `From: Ann Lee <ann@gmail.com>`
/// or a signature under "Thanks,". A sender at a personal mailbox is a
/// patient or relative (`Some(true)`); otherwise a staff member
/// (`Some(false)`). `None`: the name is not a sender.
fn sender(doc: &Doc, i: usize, last: usize, prev: Option<&str>) -> Option<bool> {
    let line = doc.toks[i].line as usize;
    let text = doc.line_text(line);
    // (A header's first 256 bytes: a text of one long line is not read again at every name.)
    let header = || crate::recognizers::email::header_line(text.trim_start_matches(['>', ' ', '*']));
    if prev == Some("from") && header().starts_with("From:") {
        if crate::recognizers::email::personal_sender(header()) {
            return Some(true);
        }
        // "MyChart message (copied into the ticket …):\n\nFrom: Onyango Wekesa": a patient
        // portal's message introduced just above, without an address, is the patient's (a
        // nurse's reply signs ", RN").
        let portal = || {
            let above = (line.saturating_sub(2)..line).rev().map(|l| doc.line_text(l).trim()).find(|l| !l.is_empty()).unwrap_or("");
            above.ends_with(':') && ["mychart", "portal", "secure message"].iter().any(|w| crate::text::has_ci(above, w))
        };
        return if header().contains('@') { Some(false) } else { portal().then_some(true) };
    }
    // "To: Billy Boone <billyb@att.net>": a reply to a personal mailbox is to the patient.
    if prev == Some("to") && header().starts_with("To:") {
        return crate::recognizers::email::personal_address(header()).then_some(true);
    }
    // "Requester: Giorgos Oikonomou <giorgos107@verizon.net>": a name at a personal mailbox.
    if doc.gap_after(last) == " <" {
        let rest = doc.window(doc.toks[last].end as usize + 2, doc.toks[last].end as usize + 80);
        if crate::recognizers::email::personal_address(rest.split('>').next().unwrap_or("")) {
            return Some(true);
        }
    }
    // A signature: the name is the whole line, under a valediction.
    if text.trim() != &doc.text[doc.toks[i].start as usize..doc.toks[last].end as usize] || line == 0 {
        return None;
    }
    let above = (line.saturating_sub(2)..line).rev().map(|l| doc.line_text(l).trim()).find(|l| !l.is_empty())?;
    let closing = above.trim_end_matches([',', '!', '.']).to_lowercase();
    let message = doc.window(doc.line_starts[line].saturating_sub(1200) as usize, doc.line_starts[line] as usize);
    // (Headers and addresses within 16 KB of the signature: a text of many signatures is not
    // read whole at each.)
    let around = doc.window(doc.line_starts[line].saturating_sub(16 * 1024) as usize, doc.line_starts[line] as usize + 16 * 1024);
    VALEDICTIONS.contains(&closing.as_str()).then(|| crate::recognizers::email::personal_sender(around) || beside_personal_address(around, text.trim()) || own_care(message))
}

/// "… message from <name at i>" on a line that names a patient portal ("Secure message",
/// "MyChart", "portal"): the patient wrote it.
/// Whether the line of token `i` (a greeted name) goes on to remind of an appointment.
#[inline(never)]
fn reminder(doc: &Doc, i: usize) -> bool {
    let rest = &doc.text[doc.toks[i].end as usize..doc.line_end(doc.toks[i].line as usize)];
    let rest = crate::text::head(rest, 160);
    ["your appointment", "your appt", "your visit", "your procedure"].iter().any(|w| crate::text::has_ci(rest, w))
}

fn portal_message(doc: &Doc, i: usize) -> bool {
    let line = doc.toks[i].line as usize;
    let before = &doc.text[doc.line_starts[line] as usize..doc.toks[i].start as usize];
    crate::text::suffix_ci(before.as_bytes(), &["message from "]).is_some()
        && ["secure", "portal", "mychart", "myhealth", "patient"].iter().any(|w| crate::text::has_ci(before, w))
}

/// The message speaks of the writer's own care or a relative's: "my son",
/// "my balance", "mi madre", "ma mère". Its signature is a patient's or a
/// relative's, not a staff member's.
fn own_care(message: &str) -> bool {
    const WHOSE: &[&str] = &["my", "mi", "ma", "mon", "meu", "minha"];
    const WHAT: &[&str] = &[
        "son", "daughter", "mother", "father", "mom", "dad", "wife", "husband", "grandmother", "grandfather", "child", "appointment", "balance",
        "bill", "labs", "lab", "records", "prescription", "mrn", "chart", "insurance", "medical", "surgery", "madre", "padre", "mamá", "papá",
        "hijo", "hija", "esposo", "esposa", "cita", "mãe", "pai", "filho", "filha", "mère", "père", "fils", "fille", "visit", "visits", "infusion",
        "infusions", "treatment", "treatments", "results", "medication", "medications", "therapy", "chemo", "dialysis",
    ];
    let lower = message.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    // "my son", and with words between: "my new prescription", "my last two visits".
    let mut last = [""; 3];
    words.any(|w| {
        let own = last.iter().any(|p| WHOSE.contains(p)) && WHAT.contains(&w);
        last = [last[1], last[2], w];
        own
    })
}

/// Whether `name` appears on a line with an address at a personal mailbox
/// (`Requester: Pádraig Breathnach <breathnach.family@protonmail.com>` above "Thanks,\nPádraig").
fn beside_personal_address(text: &str, name: &str) -> bool {
    // (The vectorised byte search: a substring searcher per call costs more in wasm.)
    crate::formats::find_all(text.as_bytes(), name.as_bytes()).take(8).any(|p| {
        let start = text[..p].rfind('\n').map_or(0, |n| n + 1);
        crate::recognizers::email::personal_address(text[start..].lines().next().unwrap_or(""))
    })
}

/// A patient cue right after the run ending at token `last`.
fn patient_after(doc: &Doc, last: usize) -> bool {
    // (After an initial's dot: "Ivy P. 57yo F s/p hip ORIF".)
    let initial = initial_dot(doc, last);
    let end = doc.toks[last].end as usize + usize::from(initial);
    // At most 32 bytes, lower-cased (ASCII only) on the stack; the cues are ASCII.
    // After closing markup, the cue words only: "*Harriet Hargrove* (Chart # E2852844)",
    // but "**Christmas Eve** (12/24/2025)" is a holiday's date.
    let raw = doc.window(end, end + 32);
    // A line break in a cell ("Guled Cali Jaamac<br/>DOB 1928-05-02"): a space.
    let br = ["<br/>", "<br />", "<br>"].iter().find_map(|t| raw.strip_prefix(t));
    let raw = br.map_or(raw, |r| &r[..r.len().min(31)]);
    let rest = raw.trim_start_matches(['*', '_']);
    let markup = rest.len() < raw.len();
    let rest = rest.as_bytes();
    // Columns of a banner ("Melnyk, Yaroslav   DOB 1/11/18   MRN ..."): spaces as one.
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    let rest = &rest[spaces.saturating_sub(1)..];
    let mut buf = [b' '; 32];
    let r = &mut buf[..rest.len() + usize::from(br.is_some())];
    r[usize::from(br.is_some())..].copy_from_slice(rest);
    r.make_ascii_lowercase();
    let r = &*r;
    // Every cue below starts with a comma or a space.
    if !matches!(r.first(), Some(b',' | b' ')) {
        return false;
    }
    // By the second byte: a comma list, a bracket list, and the words after a space.
    let cues: &[&str] = match (r[0], r.get(1)) {
        (b',', _) => &[
            ", dob", ", d.o.b", ", born", ", s/p", ", age ", ", aged", ", mrn", ", medical record", ", member", ", a ", ", who is a", ", date of birth", ", husband",
            ", wife", ", son", ", daughter", ", mother", ", father", ", spouse", ", guardian",
            // A device's user: "João dos Santos Brandão, pump AR7148735L, reported 07/25/2026".
            ", pump", ", sensor", ", transmitter",
        ],
        (_, Some(b'(')) => &[
            " (dob", " (d.o.b", " (born", " (age", " (mrn", " (mr#", " (mr #", " (medical record", " (med rec", " (chart", " (member", " (self)", " (husband",
            " (wife)", " (spouse", " (mother", " (father", " (son)", " (daughter", " (sister", " (brother", " (niece", " (nephew", " (guardian",
            // Spanish, Portuguese and French relatives; "née le" / "nacido el" for a birth date.
            " (hijo", " (hija", " (esposa", " (esposo", " (madre", " (padre", " (filho", " (filha", " (fils)", " (fille)", " (épouse", " (époux",
            " (mari)", " (mère", " (père", " (née ", " (né le", " (son of", " (daughter of", " (grandson", " (granddaughter",
            // Who speaks for a patient: "Requester: Tanisha Mukherjee (personal representative, executor)".
            " (personal representative", " (executor", " (power of attorney", " (poa", " (next of kin", " (caregiver", " (guarantor",
            // A patient portal's account: "Vladimir Sokolov (portal login v.sokolov@outlook.com)".
            " (portal login", " (portal user", " (portal account", " (mychart", " (proxy", " (patient)", " (the patient",
            // An inpatient's room: "car for Natalia Lebedeva (rm 809)".
            " (rm", " (room", " (bed",
        ],
        (_, Some(b'|')) => &[" | mrn", " | dob"],
        _ => &[" dob", " mrn", " is an ", " is a ", " was admitted", " presented", " was discharged", " was seen", " was diagnosed"],
    };
    // An id or birth-date cue must be followed by its value: not "ACME MRN pattern",
    // nor a column in an error message ("Key (mrn)=(...)", "UNIQUE (mrn_issuer, mrn)"), nor a
    // call ("Regex Mrn();").
    let valued = |p: &str| {
        let id = ["mrn", "mr", "dob", "d.o.b", "medical", "med", "chart", "member", "rm", "room", "bed", "age", "pump", "sensor", "transmitter"].iter().any(|w| p.trim_start_matches([',', ' ', '(', '|']).trim_start().starts_with(w));
        let next = rest[p.len()..].iter().find(|b| !matches!(b, b' ' | b':' | b'#' | b'.'));
        // (Nor a comparison in code: "dob IS NULL OR (dob > DATE '1900-01-01'".)
        !id || next.is_none_or(|b| !b.is_ascii_lowercase() && !matches!(b, b')' | b'_' | b'>' | b'<' | b'!')) && rest.get(p.len()) != Some(&b'(')
    };
    // (A whole word: ", son" is no cue in ", Sonny Black". And ", a " before words: "Okafor, A   1900-0700"
    // on a schedule is an initial.)
    // (And "presented" as a patient does, with, to, after…, not as a speaker: "Mehmet presented the
    // quarterly report", "Siobhan O'Connell presented benchmark".)
    let presented = |p: &str| p != " presented" || [&b" with"[..], b" to ", b" for ", b" after", b" via", b" in ", b" on ", b" today", b" yesterday", b" last", b" this", b",", b"."].iter().any(|a| r[p.len()..].starts_with(a));
    cues.iter().any(|p| r.starts_with(p.as_bytes()) && r.get(p.len()).is_none_or(|b| !b.is_ascii_alphabetic()) && valued(p) && presented(p) && !(*p == ", a " && r.get(4) == Some(&b' ')))
        || !markup && {
            // "Maria Gonzalez, 67, ...", "Maria Gonzalez (67 y/o", "(67F)"
            // "Terry Parker (Feb 8, 1961)", "Ann Lee (03/14/1962)": a birth date in parentheses.
            let paren = r.strip_prefix(b" (").unwrap_or(b"");
            // (A month's whole name or abbreviation: not "(Mark Tillman, 952-555-0177)".)
            let word = paren.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let month = std::str::from_utf8(&paren[..word]).ok().and_then(super::date::month_number).is_some();
            let digits = paren.iter().take_while(|b| b.is_ascii_digit()).count();
            // One date, not a range ("Retrospective (Nov 12, 2024 – Nov 25, 2024)").
            let inside = &paren[..paren.iter().position(|&b| b == b')').unwrap_or(paren.len())];
            let range = inside.windows(3).any(|w| w == "–".as_bytes() || w == b" - " || w == b" to");
            // Nor an address ("VIP (10.29.227.133:6661)").
            let ip = inside.iter().filter(|&&b| b == b'.').count() >= 3 || inside.contains(&b':');
            if range || ip {
                return false;
            }
            // (Not this year's: "Amion - Lakeshore NICU (Dec 7, 2026)" is a schedule's day.)
            if (month && paren.iter().filter(|b| b.is_ascii_digit()).count() >= 5
                || matches!(digits, 1 | 2 | 4) && matches!(paren.get(digits), Some(b'/' | b'-' | b'.')) && paren.iter().take(10).filter(|b| b.is_ascii_digit()).count() >= 4 && {
                    // A second separator after one or two digits or a month: a date (03/14/1962,
                    // 18-Nov-1946, 1962-03-14), not a pager (617-9410) nor a phone (415-305-2319).
                    let rest = &paren[digits + 1..];
                    let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                    let n = if n == 0 { rest.iter().take(3).take_while(|b| b.is_ascii_alphabetic()).count() } else { n };
                    (1..=3).contains(&n) && rest.get(n) == paren.get(digits) && !(n == 3 && rest[0].is_ascii_digit())
                }) && !super::date::this_year_or_later(inside)
                // (Not a comment's author and date: "Will Oyelaran (2024-12-26): the NM109 …".)
                && !paren[inside.len()..].starts_with(b"):")
            {
                return true;
            }
            // "Override events for Caruso, Giuseppe, 12/08/1921, M386278": a birth date after a comma.
            // (Not after a weekday: "Date: Tue, 2024-09-27 15:42".)
            if let Some(d) = r.strip_prefix(b", ").filter(|_| !matches!(doc.s(last), "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun")) {
                // "this lady, Björk Jónsdóttir, dialysis pt, says …": one word, then "pt".
                let w = d.iter().take_while(|b| b.is_ascii_lowercase()).count();
                if (2..=12).contains(&w) && d[w..].starts_with(b" pt") && matches!(d.get(w + 3), None | Some(b',' | b'.' | b')' | b';' | b'\n' | b'\r')) {
                    return true;
                }
                let n = d.iter().take_while(|b| b.is_ascii_digit()).count();
                let sep = d.get(n).copied();
                let m = d.iter().skip(n + 1).take_while(|b| b.is_ascii_digit()).count();
                // (Not this year's: "— Anan Srisuk, 2026-09-09" is an action's owner and due date.)
                // (Nor a heading's author and date: "Review (Pierre Schmidt, 2024-04-23):".)
                let y = d.iter().skip(n + 2 + m).take_while(|b| b.is_ascii_digit()).count();
                // (Nor a comment's stamp: "[Siobhan O'Connell, 27/03/2023 12:50]", "-- Hannah Schmidt, 2024-11-14: DQ-512".)
                let after = &d[(n + 2 + m + y).min(d.len())..];
                let stamp = [&b"):"[..], b":", b"]"].iter().any(|p| after.starts_with(p)) || after.first() == Some(&b' ') && after.iter().skip(1).take_while(|b| b.is_ascii_digit()).count() <= 2 && after.iter().skip(1).find(|b| !b.is_ascii_digit()) == Some(&b':');
                if (1..=4).contains(&n) && matches!(sep, Some(b'/' | b'-' | b'.')) && (1..=2).contains(&m) && d.get(n + 1 + m).copied() == sep && y > 0 && !stamp && !super::date::this_year_or_later(&d[..d.len().min(n + m + 6)]) {
                    return true;
                }
            }
            // (Or right after the name, as an age only: "Kalani Akana 40 y/o s/p CABG"; not
            // after capitals, which run on: "EITAN FRIEDMAN IS A 92-YEAR-OLD".)
            let bare = r.strip_prefix(b" ").filter(|_| initial || !doc.toks[last].is(crate::text::UPPER)).filter(|d| {
                let tail = &d[d.iter().take_while(|b| b.is_ascii_digit()).count()..];
                [&b" y/o"[..], b"y/o", b" yo ", b"yo ", b"-year-old", b" year old", b"-yo "].iter().any(|t| tail.starts_with(t))
            });
            let rest = r.strip_prefix(b", ").or_else(|| r.strip_prefix(b" (")).or(bare);
            rest.is_some_and(|d| {
                let n = d.iter().take_while(|b| b.is_ascii_digit()).count();
                let tail = &d[n..];
                (1..=3).contains(&n)
                    && d[..n].iter().fold(0u32, |age, b| age * 10 + u32::from(b - b'0')) <= 125
                    && ([")", ",", "y", "m,", "f,", "m)", "f)", "-y", " y", " m ", " f ", " m,", " f,", " m)", " f)", " male", " female", "-year", " year", " m\n", " f\n", " m\r", " f\r"].iter().any(|t| tail.starts_with(t.as_bytes())) || matches!(tail, b" m" | b" f"))
            })
        }
}

/// " (12)": a number alone in parentheses.
fn counted(after: &[u8]) -> bool {
    let n = after.iter().skip(2).take_while(|b| b.is_ascii_digit()).count();
    after.starts_with(b" (") && (1..=3).contains(&n) && after.get(2 + n) == Some(&b')')
}

/// Whether the count after the word at `s..e` has a neighbour in a comma list: "Johnson (5),
/// Carroll (2)", the one before ending "(5), " or the one after starting ", Carroll (2)".
fn count_list(doc: &Doc, s: usize, e: usize) -> bool {
    let before = doc.window(s.saturating_sub(8), s).as_bytes();
    let open = before.strip_suffix(b"), ").map(|b| b.iter().rev().take_while(|c| c.is_ascii_digit()).count());
    let previous = open.is_some_and(|n| (1..=3).contains(&n) && before.len() > n + 3 && before[before.len() - n - 4] == b'(');
    let after = doc.window(e, e + 64).as_bytes();
    let next = after.iter().position(|&b| b == b')').and_then(|k| after[k + 1..].strip_prefix(b", ")).is_some_and(|r| {
        let word = r.iter().take_while(|&&b| b.is_ascii_alphabetic() || b == b' ' || b >= 0x80).count();
        word > 1 && counted(&r[word - 1..])
    });
    previous || next
}

/// "pt sophal sok 40 y/o s/p CABG": a name typed in lower case right after "pt" or "patient":
/// two words the name dictionaries know, or a known word, particles and any word.
fn lower_after_cue(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let t = &doc.toks;
    let word = |j: usize| &doc.bytes[t[j].start as usize..t[j].end as usize];
    // (Past particles: "patient maarten van den heuvel".)
    let (a, mut b) = (i + 1, i + 2);
    while b < t.len().min(a + 4) && crate::text::one_of_ci(word(b), PARTICLES) {
        b += 1;
    }
    if b >= t.len() || !matches!(word(i), b"pt" | b"patient") || !doc.bytes[t[i].end as usize..t[b].start as usize].iter().all(|&c| c == b' ' || c.is_ascii_lowercase()) {
        return;
    }
    // Lower-case words' flags; any other word gets CLINICAL, a flag this path never takes (a
    // capitalised word is the other path's).
    let lower = |j: usize| if t[j].class == Class::Word && t[j].flags & (CAP | UPPER | UNCASED) == 0 { doc.lex[j] } else { flag::CLINICAL };
    // (After particles, a word no dictionary knows too: "van den heuvel".)
    if dictionary_names(lower(a), lower(b), b > a + 1) {
        out.push(Cand { patient_cue: true, ..Cand::new(Kind::PersonName, t[a].start as usize, t[b].end as usize, 0.6, "name after a patient cue", Needs::Patient) });
    }
}

/// "5 - Mr. Rivers, pyelonephritis", "17 - ms. núñez, cellulitis": after an honorific, a common
/// word (which the capitalised path skips) is a surname, and so is a lower-case word only a surname
/// list knows after a lower-case honorific (not milliseconds: "took 390 ms. núñez").
fn after_honorific(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let (t, j) = (&doc.toks, i + 1);
    if j >= t.len() || t[j].class != Class::Word || doc.gap_before(j) != ". " || !crate::text::one_of_ci(doc.s(i).as_bytes(), &["mr", "mrs", "ms"]) {
        return;
    }
    let (lex, cased) = (doc.lex[j], CAP | UPPER | UNCASED);
    let ok = if t[i].flags & cased == CAP {
        // (A name a dictionary has, "Mr. Young", is the other path's.)
        t[j].flags & cased == CAP && lex & (NOT_NAME | flag::FIRST | flag::LAST | flag::PRONOUN) == flag::COMMON
    } else {
        let number_before = i > 0 && t[i - 1].class == Class::Num && doc.gap_before(i) == " ";
        t[i].flags & cased == 0 && t[j].flags & cased == 0 && !number_before && lex & flag::LAST != 0 && lex & NOT_NAME == 0
    };
    if ok {
        out.push(Cand { patient_cue: true, ..Cand::new(Kind::PersonName, t[j].start as usize, t[j].end as usize, 0.6, "name after a patient cue", Needs::Patient) });
    }
}

/// "A08 for E9389118 (hao liu) bounced again": a record number (letters and six digits or more)
/// and, in parentheses after it, two or three words the name dictionaries know, in either case
/// (not common words both: "(will rose)"; not after a hash or a version: no letters before its digits).
fn name_after_record(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    let (t, code) = (&doc.toks, doc.s(i).as_bytes());
    if doc.gap_after(i) != " (" || !code[0].is_ascii_alphabetic() || code.iter().filter(|c| c.is_ascii_digit()).count() < 6 || !prefixed(code) || i + 2 >= t.len() {
        return;
    }
    let (a, mut b) = (i + 1, i + 2);
    if b + 1 < t.len() && doc.gap_before(b + 1) == " " && t[b + 1].class == Class::Word {
        b += 1;
    }
    if !doc.gap_after(b).starts_with(')') || (a..=b).any(|j| t[j].class != Class::Word || t[j].line != t[i].line || j > a && doc.gap_before(j) != " ") {
        return;
    }
    if dictionary_names(doc.lex[a], doc.lex[b], false) && (b == a + 1 || dictionary_names(doc.lex[a + 1], doc.lex[b], false)) {
        out.push(Cand { patient_cue: true, ..Cand::new(Kind::PersonName, t[a].start as usize, t[b].end as usize, 0.6, "name after a patient cue", Needs::Patient) });
        out.push(Cand::new(Kind::Mrn, t[i].start as usize, t[i].end as usize, 0.8, "id beside a patient's name", Needs::Nothing));
    }
}

/// Whether two words' lexicon flags read as a name: both in the name dictionaries (the second any
/// word with `any_last`), neither a clinical word, label or month; one of them may be a common word
/// too ("patient jose garcia"), not both ("pt will rose").
fn dictionary_names(fa: u32, fb: u32, any_last: bool) -> bool {
    let name = flag::FIRST | flag::LAST;
    (fa | fb) & NOT_NAME & !flag::COMMON == 0 && fa & name != 0 && (fb & name != 0 || any_last) && fa & fb & flag::COMMON == 0
}

/// Whether token `last` is an initial with its dot ("Ivy P."): what follows a name starts after it.
fn initial_dot(doc: &Doc, last: usize) -> bool {
    doc.toks[last].len() == 1 && doc.bytes.get(doc.toks[last].end as usize) == Some(&b'.')
}

/// "- Hope G. — CKD stage 3, readmitted within 30d": a name, a dash, then a condition
/// (a list of patients and what they have), the first word a given name (not "HCM — flu shot").
fn condition_after(doc: &Doc, last: usize) -> bool {
    let gap = &doc.gap_after(last)[usize::from(initial_dot(doc, last))..];
    matches!(gap, " — " | " – " | " - ") && last + 1 < doc.toks.len() && super::vocabulary::condition_at(doc, last + 1)
}

fn staff_after(doc: &Doc, last: usize) -> bool {
    // "To: Nidhi Rao's care team", "Dr. Lee’s office": whose team or office, a provider.
    let end = doc.toks[last].end as usize;
    // (After the name's closing markup too: "*Ryo Fujimoto* added a comment - 21/Sep/26 09:35 AM".)
    let rest = doc.window(end, end + 20).trim_start_matches(['*', '_']);
    // Pull request and issue activity: "Chloé Marchand wants to merge", "Yasmin Qureshi commented:",
    // "… commented on PidMapperTest.java", "Łukasz Wójcik added a comment - 7/Oct/25",
    // "**Emil Halvorsen** commented 2026-09-09 21:13", "Gwen Pasternak (comment): …".
    if ["'s care team", "’s care team", "'s office", "’s office", "'s team", "’s team", "'s clinic", "’s clinic", " wants to merge", " commented:", " commented on ", " added a comment", " (comment)"].iter().any(|p| rest.starts_with(p))
        || rest.starts_with(" commented ") && rest.as_bytes().get(11).is_some_and(u8::is_ascii_digit)
    {
        return true;
    }
    // A page comment's header, the author and this year's date: "Käthe von Hagen · Dec 16, 2026, 8:10 PM",
    // "Lars Øverby - 2026-07-08 10:47" (a date and its time, all the line holds after the name).
    let dash = rest.starts_with(" - ") && {
        let line = doc.toks[last].line as usize;
        let tail = doc.line_around(line, end, end + 40).trim_end();
        tail.len() <= 28 && tail.contains(':')
    };
    if (rest.starts_with(" · ") || dash) && super::date::this_year_or_later(doc.window(end, end + 20).as_bytes()) {
        return true;
    }
    // A directory's "Björn Halvorsen  ext 5645", "Hannah Brandt (x3844)": an extension is staff's.
    let r = rest.trim_start_matches([' ', '(']).as_bytes();
    let ext = crate::text::prefix_ci(r, &["ext", "x"]).is_some_and(|p| r.get(p.len()).is_some_and(|&c| c.is_ascii_digit() || p == "ext" && matches!(c, b' ' | b'.' | b':')));
    if ext {
        return true;
    }
    let Some(n) = doc.toks.get(last + 1) else { return false };
    if n.line != doc.toks[last].line {
        // A rendered comment's or review's author, alone on a line above its time:
        // "Nusrat Rahman\nan hour ago", "…\n3 days ago", "…\nyesterday at 4:12 PM".
        let line = doc.toks[last].line as usize;
        return doc.line_text(line).len() == end - doc.line_starts[line] as usize && line + 1 < doc.line_starts.len() && activity_time(doc.line_text(line + 1).trim());
    }
    if !matches!(doc.gap_after(last), ", " | " " | " (" | ",") {
        return false;
    }
    let w = doc.s(last + 1);
    // The list is ASCII: only an ASCII word can match it, in any case.
    w.is_ascii() && cues(&crate::text::lower_into(w, &mut [0u8; 48])) & cue::STAFF_AFTER != 0 && (doc.toks[last + 1].is(UPPER) || doc.s(last + 1).len() > 3)
}

/// When a comment or review was written, as a page renders it: "an hour ago", "3 days ago",
/// "yesterday at 4:12 PM", "just now", "edited".
fn activity_time(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() <= 32 && (crate::text::suffix_ci(b, &[" ago"]).is_some() || crate::text::prefix_ci(b, &["yesterday", "today at", "just now", "edited"]).is_some())
}

pub(crate) const CARET: &str = "HL7 name (family^given)";

/// The end of an HL7 name starting at token `i` (`MALIK^RABIA^F`): a family name, `^`, a given
/// name, and perhaps `^` and a middle name or initial; not in a segment's field, which the HL7
/// reader knows better (a `PV1` doctor is no patient).
#[inline(never)]
fn caret_name(doc: &Doc, i: usize) -> Option<usize> {
    let g = i + 1;
    let given = doc.toks.get(g)?;
    if doc.gap_after(i) != "^" || given.line != doc.toks[i].line || !doc.has(i, flag::LAST) || !doc.has(g, flag::FIRST) || doc.has(i, NOT_NAME) || doc.has(g, NOT_NAME) || !is_name_token(doc, g) {
        return None;
    }
    // (Not the last word of a family name of several, a later component's: `^VIEIRA DA SILVA^CAIO^^^^MD`.)
    let mut first = i;
    while first > 0 && doc.gap_before(first) == " " && doc.toks[first - 1].is_word() && doc.toks[first - 1].is(UPPER) {
        first -= 1;
    }
    let before = doc.gap_before(first);
    // (The line is read for a segment only after a bar, and only the 1 KB before the name:
    // a segment's id is before its fields, and a long line of many is not read whole at each.)
    let segment = || {
        let at = doc.toks[first].start as usize;
        let line = doc.line_around(given.line as usize, at.saturating_sub(1024), at).as_bytes();
        (0..line.len().saturating_sub(3)).any(|p| line[p + 3] == b'|' && crate::formats::is_segment_id(&line[p..p + 3]) && (p == 0 || !line[p - 1].is_ascii_alphanumeric()))
    };
    if before.ends_with('^') || before.ends_with('|') && segment() {
        return None;
    }
    let last = if doc.gap_after(g) == "^" && doc.toks.get(g + 1).is_some_and(|m| m.line == given.line && is_name_token(doc, g + 1)) { g + 1 } else { g };
    Some(doc.toks[last].end as usize)
}

fn find(doc: &Doc, i: usize, out: &mut Vec<Cand>) {
    if !is_name_token(doc, i) {
        return;
    }
    // A cue or common word ("Pt", "Called") is not a name: the next word may start one.
    // (Nor is a greeting, "Hi Mwangi", though "Hi" is a given name somewhere.)
    let greeting = |j: usize| !doc.toks[j].is(UPPER) && matches!(doc.bytes[doc.toks[j].start as usize], b'H' | b'D') && matches!(doc.s(j), "Hi" | "Hello" | "Dear");
    // "Soy Luis Núñez, fecha de nacimiento …": a sentence's first word introduces the writer
    // (`self_introduction` reads it from the name's first word); "Caller Nikolaos …" is a cue.
    let intro = |j: usize| matches!(doc.toks[j].len(), 3 | 4 | 6) && crate::text::one_of_ci(doc.s(j).as_bytes(), &["soy", "sono", "jestem", "caller"]);
    // (Nor a cue that is a surname somewhere too, or in no dictionary, before a name: "Parent
    // Olga Volkov wants proxy access", "Son Rodel Bautista at bedside", "Niece Erzsébet Szabó
    // notified"; but "Mrs. Cousin called".)
    let cue = |j: usize| doc.gap_after(j) == " " && doc.toks.get(j + 1).is_some_and(|n| n.line == doc.toks[j].line) && is_name_token(doc, j + 1) && is_relation(doc.s(j));
    let not_name = |j: usize| match word(doc, j).0 {
        Word::Not => true,
        w => greeting(j) || intro(j) || w != Word::Name && cue(j),
    };
    if not_name(i) {
        return;
    }
    // Inside a run that started earlier?
    if i > 0 && doc.toks[i - 1].line == doc.toks[i].line && matches!(doc.gap_before(i), " " | "-" | "'" | "’") && is_name_token(doc, i - 1) && !not_name(i - 1) {
        return;
    }
    let t = &doc.toks[i];
    let start_byte = t.start as usize;
    if start_byte > 0 && matches!(doc.bytes[start_byte - 1], b'@' | b'~' | b'_' | b'.' | b'/' | b'\\' | b'$' | b'#' | b'<') {
        // @mention, [~user], file.Name, package paths.
        if doc.bytes[start_byte - 1] == b'@' || doc.bytes[start_byte - 1] == b'~' {
            let last = name_run_from(doc, i);
            let mut c = Cand::new(Kind::PersonName, start_byte, doc.toks[last].end as usize, 0.0, "mention", Needs::Label);
            c.staff_cue = true;
            out.push(c);
        }
        return;
    }
    // "Patient MR289484 MALIK^RABIA^F" in an error text, "…|THAO^TOU^D|…" in a rejected row: an
    // HL7 name (family^given) outside a segment, where the dictionaries know both words.
    if let Some(end) = (doc.bytes.get(t.end as usize) == Some(&b'^')).then(|| caret_name(doc, i)).flatten() {
        out.push(Cand::new(Kind::PersonName, start_byte, end, 0.6, CARET, Needs::Patient));
        return;
    }
    // A newborn's name before it has one: "BABYGIRL SUZUKI", "BABYBOY A MIZRAHI" (twin A).
    if crate::text::one_of_ci(doc.s(i).as_bytes(), &["babygirl", "babyboy"]) {
        let last = name_run_from(doc, i);
        if last > i {
            let mut c = Cand::new(Kind::PersonName, start_byte, doc.toks[last].end as usize, 0.85, "a newborn's name", Needs::Nothing);
            c.patient_cue = true;
            out.push(c);
            id_after(doc, doc.toks[last].end as usize, None, out);
        }
        return;
    }
    let mut first_i = i;
    let mut last = name_run_from(doc, i);
    let mut buf = [0u8; 48];
    let mut cue_buf = [0u8; 48];
    let mut prev = prev_word(doc, i, &mut buf);
    // "Mr. da Rosa", "wife van der Berg": lower-case particles after a cue start the name.
    if prev.as_deref().is_some_and(is_particle) {
        let mut k = i - 1;
        while k > 0 && doc.toks[k - 1].line == doc.toks[k].line && doc.gap_before(k) == " " && is_particle(doc.s(k - 1)) {
            k -= 1;
        }
        let cue = prev_word(doc, k, &mut cue_buf).filter(|c| cues(c) & cue::PATIENT_BEFORE != 0);
        if cue.is_some() {
            first_i = k;
            prev = cue;
        }
    }
    let prev = prev.as_deref();
    // "Caller Nikolaos Papadopoulos says he paid …": who phoned, in prose; a form's "Caller:"
    // field is often staff reporting a problem.
    let prev_cues = if prev == Some("caller") && doc.gap_before(first_i) != " " { 0 } else { prev.map_or(0, cues) };
    let sender = sender(doc, i, last, prev);
    // "Patient Portal message", "Patient Access team", "Member Services": a product or department, not a patient.
    let compound = matches!(prev, Some("patient" | "pt" | "member" | "subscriber")) && PATIENT_COMPOUNDS.contains(&&*doc.lower(i, &mut [0u8; 48]));
    // A letter's "Re: Tunde Akínwùmí" line: the patient it is about (a name and nothing else).
    let regarding = prev == Some("re") && doc.gap_before(i) == ": " && doc.line_text(doc.toks[i].line as usize).trim_end().ends_with(doc.s(last));
    // "# Progress note — Faith Little": a clinical note's title, then whose it is.
    let note_title = matches!(doc.gap_before(i), " — " | " – " | " - " | ": ") && {
        let line = doc.line_text(doc.toks[i].line as usize);
        let title = &doc.text[doc.line_starts[doc.toks[i].line as usize] as usize..doc.toks[i].start as usize];
        line.trim_end().ends_with(doc.s(last)) && crate::formats::is_note_title(title.trim_end_matches([' ', '—', '–', '-', ':']).trim_start_matches(['#', '*', ' ']))
    };
    // "Telephone Encounter\nChen, Wei  08/01/2026": the line under a note's title starts with whose it is.
    let line = doc.toks[i].line as usize;
    // (Not a label there: "Date/time: 12/1/2026".)
    let under_note_title = line > 0 && doc.line_starts[line] == doc.toks[i].start && !doc.has(i, flag::LABEL_START) && crate::formats::is_note_title(doc.line_text(line - 1).trim());
    // "Daughter-in-law Rosalinda Dela Cruz".
    let at = doc.toks[i].start as usize;
    let in_law = prev == Some("law") && doc.window(at.saturating_sub(8), at).eq_ignore_ascii_case("-in-law ");
    // "Emergency contact Refugio Treviño": the relative to call.
    let emergency = prev == Some("contact") && doc.window(at.saturating_sub(18), at).eq_ignore_ascii_case("emergency contact ");
    // "Secure message from María José Hernández", "New MyHealth message from ...": a patient portal's message.
    let portal_message = prev == Some("from") && portal_message(doc, i);
    // "Hi Mwangi, this is a reminder of your appointment with Dr. ...", "Reminder: Sebastião, your
    // visit on 05/06/2026": whom a reminder greets.
    let reminded = matches!(prev, Some("hi" | "hello" | "dear" | "reminder")) && reminder(doc, i);
    // A consult letter's "Thank you for referring Min-seo Jung, whom I saw …": the patient.
    let referred = prev == Some("referring") && doc.window(at.saturating_sub(14), at).eq_ignore_ascii_case("for referring ");
    let patient_cue = prev_cues & cue::PATIENT_BEFORE != 0 && !compound || in_law || emergency || self_introduction(doc, i) || sender == Some(true) || regarding || note_title || under_note_title || portal_message || reminded || referred;
    // "From: David Barnes (MRN 4088256)": a patient cue after the name outweighs a staff word before it.
    // (After "Last, First" too: "From: Desai, Abhishek (MRN 6419334, ...)".)
    let details_after = || patient_after(doc, last) || doc.gap_after(last) == ", " && last + 1 < doc.toks.len() && is_name_token(doc, last + 1) && patient_after(doc, name_run_from(doc, last + 1));
    // (But a date alone in parentheses after "by" says when: "commit c05bfbaa by Deepa Mwangi (2023-07-16)".)
    let when = || prev == Some("by") && dated(doc, doc.toks[last].end as usize);
    // (A Jira user's mention before the name: "|Dev contact|[~snguyen] Siobhan Nguyen|".)
    let mention = || {
        let at = doc.toks[i].start as usize;
        let w = doc.window(at.saturating_sub(32), at);
        w.rfind("[~").is_some_and(|k| w[k..].strip_suffix("] ").is_some_and(|m| !m.contains(' ')))
    };
    // (A review's or comment's author in its header: "# review (Jocelyn Bautista): take a look".)
    let author = || matches!(prev, Some("review" | "comment" | "note" | "reply" | "feedback" | "update")) && doc.gap_before(first_i) == " (" && doc.gap_after(last).starts_with("):");
    let staff_cue = sender == Some(false) || sender.is_none() && prev_cues & cue::STAFF_BEFORE != 0 && !patient_cue && (when() || !details_after()) || staff_after(doc, last) || mention() || author();
    // Trim words that are not names from both ends ("Patient Education", "Maria Gonzalez Called").
    // (Token by token, without collecting the words: most runs are one or two.)
    let kept = |j: &usize| word(doc, *j).0 != Word::Not;
    let Some(a) = (i..=last).find(kept) else { return };
    let b = (i..=last).rev().find(kept).unwrap_or(a);
    if a > i && patient_cue {
        return; // "Patient Education Maria": the cue does not reach past a common word
    }
    // Keep only name tokens in the run (skip particles/initials when counting).
    first_i += a - i;
    last = b;
    // "AL-HADDAD, YOUSSEF", "Omar El-Sayed": an Arabic article joined by a hyphen is part of the family name.
    if first_i > 0 && doc.gap_before(first_i) == "-" && doc.toks[first_i - 1].line == doc.toks[first_i].line && matches!(doc.s(first_i - 1), "Al" | "AL" | "El" | "EL" | "Abu" | "ABU" | "Abd" | "ABD" | "Ibn" | "IBN") {
        first_i -= 1;
    }
    let (fw, lw, n_words) = (word(doc, a), word(doc, b), b - a + 1);
    // A run that is one token of the run + non-name tail is only valid with a cue.
    let uncased = doc.toks[first_i].is(UNCASED);
    let (mut name_words, mut unknown) = (0, 0);
    for j in a..=b {
        match word(doc, j).0 {
            Word::Name | Word::Ambiguous => name_words += 1,
            Word::Unknown => unknown += 1,
            Word::Not => {}
        }
    }
    let (s, e) = (doc.toks[first_i].start as usize, doc.toks[last].end as usize);
    if staff_cue {
        let mut c = Cand::new(Kind::PersonName, s, e, 0.0, "staff name", Needs::Label);
        c.staff_cue = true;
        out.push(c);
        return;
    }
    // "Last, First" with both in the dictionaries.
    if let Some(mut c) = comma_form(doc, first_i, last, patient_cue) {
        // "Dvořák, Bořivoj  (NR2348990)  DOB ...": a record number in parentheses marks the patient.
        if !patient_cue && record_after(doc, c.end) {
            c.score = c.score.max(0.6);
            c.patient_cue = true;
            id_after(doc, c.end, prev, out);
        } else if patient_cue {
            id_after(doc, c.end, prev, out);
        }
        out.push(c);
        return;
    }
    if last - first_i < 2 && doc.gap_after(last).starts_with(':') && !doc.gap_after(last).starts_with("::") {
        return; // "Member ID:", "Patient Portal:": a label
    }
    if last == first_i && doc.has(first_i, flag::LABEL_START) && doc.toks[first_i].is(UPPER) {
        return; // "the member ID on your card": a label word, not a name
    }
    // "TRUNCATE patients RESTART IDENTITY CASCADE": capitals none of which a dictionary knows
    // as a name are keywords or a heading, even after a cue.
    // (But a birth date or a record number labelled after them marks a name: "KEONI KEALOHA   DOB 08/17/1938".)
    if name_words == 0 && (a..=b).all(|j| doc.toks[j].is(UPPER)) && b > a && !doc.window(e, e + 12).trim_start_matches([' ', ',']).get(..4).is_some_and(|w| matches!(w, "DOB " | "DOB:" | "MRN ")) {
        return;
    }
    let after = patient_after(doc, last) || fw.1 && condition_after(doc, last);
    // In a Title Case heading ("Release Notes - Patient Portal"), a cue word is part of a
    // title; not an honorific ("Mrs. González (23 March 2014) — Chart"), a personal
    // sender, or a first and a last name ("Patient Maria Gonzalez", "Patient David Wood").
    let titled = matches!(prev, Some("mr" | "mrs" | "ms" | "miss" | "mx"));
    let honorific = titled && doc.gap_before(first_i) == ". ";
    let first_and_last = n_words >= 2 && fw.1 && lw.2;
    if patient_cue && !after && !honorific && !first_and_last && sender != Some(true) && title_case_line(doc, first_i) {
        return;
    }
    if patient_cue || after {
        if uncased && !patient_cue {
            return;
        }
        // Details alone do not make a sentence's first word ("An MRN identifier is
        // required") or a two-letter code ("MI (member id)") a name.
        // (Nor three capitals no dictionary knows: "2,339 SMS, 1,692 emails".)
        if !patient_cue && n_words == 1 && (fw.0 == Word::Ambiguous && !matches!(doc.window(e, e + 2), " (" | ", ") || doc.toks[a].is(crate::text::UPPER) && (doc.toks[a].len() <= 2 || doc.toks[a].len() == 3 && fw.0 == Word::Unknown)) {
            return;
        }
        // Nor the last word of a capitalised phrase: "Christmas Eve (2026-12-24)", "New Year's Day (…)".
        // (A common word before it, a date after: not "Mere Tāwhiri (proxy for …)".)
        let k = first_i.saturating_sub(if first_i > 1 && doc.s(first_i - 1) == "s" { 2 } else { 1 });
        if !patient_cue && !titled && n_words == 1 && k < first_i && doc.toks[k].is(CAP) && doc.has(k, flag::COMMON) && doc.gap_before(first_i) == " " && doc.window(e, e + 3).as_bytes().get(2).is_some_and(u8::is_ascii_digit) {
            return;
        }
        // Nor a cue a common two-letter word in capitals ("MERGE dbo.Member AS tgt").
        if n_words == 1 && doc.toks[a].is(crate::text::UPPER) && doc.toks[a].len() <= 2 && doc.has(a, flag::COMMON) {
            return;
        }
        // A cue alone does not make an unknown capitalised word a name
        // ("Patient Portal"); a dictionary name, a detail after it or an honorific does
        // ("Mr. Tsosie").
        // Nor does it a run of unknown words, unless it names two ("Guarantor Hastiin Yazzie").
        // Nor one in parentheses after a relative: "Per spouse (Refugio), she..." (but
        // capitals there are the relative's role: "daughter (POA)", "son (HCP)").
        let aside = patient_cue && unknown == 1 && n_words == 1 && doc.gap_before(first_i) == " (" && doc.gap_after(last).starts_with(')') && !doc.toks[first_i].is(crate::text::UPPER);
        if name_words == 0 && !(uncased || (after || titled) && unknown > 0 || patient_cue && unknown >= 2 || aside || reminded) {
            return;
        }
        // Nor is a greeting one: "Buongiorno, sono Gianluca Colombo, nato il ...".
        if n_words == 1 && crate::text::one_of_ci(doc.s(a).as_bytes(), GREETINGS) {
            return;
        }
        // Nor does a date after one unknown word: "Team Interop (October 21, 2026)" is a meeting's;
        // nor a count: "Scioto (12), Olentangy (6)" are rooms' seats.
        // (Nor, whatever the word, an item of a list of counts: "by county: Johnson (5), Carroll (2)".)
        let counted_here = counted(doc.window(e, e + 6).as_bytes());
        // (Nor a word that is a common word too: "Photos (14) stored in supplier file".)
        if n_words == 1 && !patient_cue && !titled && (name_words == 0 && dated(doc, e) || counted_here && (fw.0 != Word::Name || count_list(doc, s, e))) {
            return;
        }
        // All upper case and long: a heading, unless a cue is explicit.
        let mut c = Cand::new(Kind::PersonName, s, e, 0.6, if patient_cue { "name after a patient cue" } else { "name followed by patient details" }, Needs::Patient);
        c.patient_cue = true;
        out.push(c);
        if patient_cue {
            id_after(doc, e, prev, out);
        }
        return;
    }
    if uncased || n_words < 2 {
        return;
    }
    let strong = fw.0 == Word::Name && fw.1 && lw.0 == Word::Name && lw.2;
    let weak = matches!(fw.0, Word::Name | Word::Ambiguous) && fw.1 && matches!(lw.0, Word::Name | Word::Ambiguous | Word::Unknown) && (lw.2 || lw.0 == Word::Unknown);
    if doc.toks[first_i].is(UPPER) && doc.toks[last].is(UPPER) && !strong {
        return;
    }
    // "Chair 1: Bohdan Kovalenko (E4583883)": a full name with a record number in
    // parentheses (six digits or more: not an extension, a pager or a ticket).
    // (Names the dictionaries lack too: "Chair 1: Shandiin Yazzie (47061122)".)
    let plain = (a..=b).all(|j| matches!(word(doc, j).0, Word::Name | Word::Unknown));
    if (strong || weak || plain) && record_after(doc, e) {
        let mut c = Cand::new(Kind::PersonName, s, e, 0.6, "name followed by patient details", Needs::Patient);
        c.patient_cue = true;
        out.push(c);
        id_after(doc, e, prev, out);
        return;
    }
    if strong {
        out.push(Cand::new(Kind::PersonName, s, e, 0.3, "first and last name", Needs::Patient));
    } else if weak {
        out.push(Cand::new(Kind::PersonName, s, e, 0.2, "possible first and last name", Needs::Patient));
    }
}

/// ` (E4583883)` at `end`: a code of letters and six digits or more, alone in parentheses.
fn record_after(doc: &Doc, end: usize) -> bool {
    let Some(open) = paren_after(&doc.bytes[end..]) else { return false };
    let b = &doc.bytes[end + open..];
    let code = b.iter().take(21).take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    (6..=20).contains(&code) && b.get(code) == Some(&b')') && b[..code].iter().filter(|c| c.is_ascii_digit()).count() >= 6 && prefixed(&b[..code])
}

/// A date in parentheses at `end`: " (October 21, 2026)", " (03/14/1962)", " (2023-07-16)".
fn dated(doc: &Doc, end: usize) -> bool {
    let r = doc.bytes.get(end + 2..).unwrap_or(b"");
    // (One to four digits, a separator, a digit: not an age's "67 y/o".)
    let n = r.iter().take_while(|b| b.is_ascii_digit()).count();
    doc.bytes[end..].starts_with(b" (") && r.iter().take(10).any(u8::is_ascii_digit) && ((1..=4).contains(&n) && matches!(r.get(n), Some(b'/' | b'-' | b'.')) && r.get(n + 1).is_some_and(u8::is_ascii_digit) || r.len() >= 3 && doc.text.get(end + 2..end + 5).is_some_and(|m| super::date::month_number(m).is_some()))
}

/// A code with at most one hyphen, after a prefix of letters ("PSN-0531442"; not a
/// pager's "617-9410"), or digits in groups as no phone or date has them ("463-408-170").
fn prefixed(code: &[u8]) -> bool {
    let hyphens = code.iter().filter(|&&c| c == b'-').count();
    let grouped = || code.iter().all(|&c| c.is_ascii_digit() || c == b'-') && !matches!(code.len() - hyphens, 7 | 8 | 10 | 11);
    hyphens == 0 || hyphens == 1 && code[0].is_ascii_alphabetic() && code.iter().take_while(|&&c| c != b'-').all(u8::is_ascii_alphabetic) || grouped()
}

/// Where the text in parentheses starts after a name: ` (` or `  (` (columns).
fn paren_after(b: &[u8]) -> Option<usize> {
    if b.starts_with(b" (") {
        Some(2)
    } else if b.starts_with(b"  (") {
        Some(3)
    } else {
        None
    }
}

/// "for member Caitlin Hancock (H29240518, Date of Birth ...)": a code in
/// parentheses right after a cued name (`end`) is that person's member id
/// (after "member", "subscriber"...) or record number; "Ha-eun Yoon (윤하은)":
/// a name in an uncased script there is the same person's name.
fn id_after(doc: &Doc, end: usize, cue: Option<&str>, out: &mut Vec<Cand>) {
    let b = doc.bytes;
    let end = end + b[end..].iter().take_while(|&&c| c == b'*' || c == b'_').count();
    let Some(open) = paren_after(&b[end..]) else { return };
    let s = end + open;
    let k = doc.tok_at(s);
    if doc.toks.get(k).is_some_and(|t| t.start as usize == s && t.is(UNCASED)) {
        let mut j = k;
        while j < k + 3 && j + 1 < doc.toks.len() && doc.toks[j + 1].is(UNCASED) && doc.gap_before(j + 1) == " " {
            j += 1;
        }
        if doc.gap_after(j).starts_with(')') {
            let mut c = Cand::new(Kind::PersonName, s, doc.toks[j].end as usize, 0.6, "name after a patient cue", Needs::Patient);
            c.patient_cue = true;
            out.push(c);
        }
        return;
    }
    let code_len = |s: usize| b[s..].iter().take(21).take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    let mut len = code_len(s);
    // "BABYBOY IVANOVA (номер карты 70280304)": a label of a few words in another script, then
    // the code (an English label's field is the label reader's: "(account 41391575)").
    let mut s = s;
    if len == 0 && b.get(s).is_some_and(|c| !c.is_ascii()) {
        let inner = &b[s..s + b[s..].iter().take(48).position(|&c| c == b')').unwrap_or(0)];
        if let Some(sp) = inner.iter().rposition(|&c| c == b' ').filter(|&sp| inner[..sp].iter().filter(|&&c| c == b' ').count() <= 2 && !inner[..sp].iter().any(u8::is_ascii_digit)) {
            s += sp + 1;
            len = code_len(s);
        }
    }
    let code = &b[s..s + len];
    if !(6..=20).contains(&len) || !matches!(b.get(s + len), Some(b')' | b',')) || code.iter().filter(|c| c.is_ascii_digit()).count() < 4 || !prefixed(code) {
        return;
    }
    let member = matches!(cue, Some("member" | "subscriber" | "beneficiary" | "enrollee" | "insured"));
    let kind = if member { Kind::HealthPlanId } else { Kind::Mrn };
    out.push(Cand::new(kind, s, s + len, 0.8, "id beside a patient's name", Needs::Nothing));
}

/// `Gonzalez, Maria` (optionally `Gonzalez, Maria J.`; or `GONZALEZ,MARIA`).
fn comma_form(doc: &Doc, first_i: usize, last: usize, cue: bool) -> Option<Cand> {
    let n = last + 1;
    // (Or in capitals with no space, as Epic prints it: `SOKOLOV,SERGEI`; not a CSV row's cells.)
    let tight = || doc.gap_after(last) == "," && doc.toks[last].is(UPPER) && doc.toks[n].is(UPPER);
    if n >= doc.toks.len() || !(doc.gap_after(last) == ", " || tight()) || doc.toks[n].line != doc.toks[last].line || !is_name_token(doc, n) {
        return None;
    }
    // "Mrs. Hill, CHF exacerbation": a given name in capitals after a surname that is not is an acronym.
    if doc.toks[n].is(UPPER) && doc.toks[n].len() > 1 && !doc.toks[last].is(UPPER) {
        return None;
    }
    let end_run = name_run_from(doc, n);
    let (lw, _, is_last) = word(doc, last);
    let (fw, is_first, _) = word(doc, n);
    // "SMITH, MICHAEL, 74 y/o": the details after the name are a cue too
    // (and the whole name must win over its first name alone).
    // (So is a record number in parentheses: "VENKATESAN, BALASUBRAMANIAN (46472503)".)
    let cue = cue || patient_after(doc, end_run) || record_after(doc, doc.toks[end_run].end as usize);
    // "Marisol Ávila, Salvatore Barbieri": without a cue, names of two words or more on both
    // sides of the comma (an initial aside) are a list of names ("García López, María José"
    // needs its cue; "Polo Marí, Luisina L" does not).
    if !cue && last > first_i && (n + 1..=end_run).any(|j| doc.s(j).chars().nth(1).is_some()) {
        return None;
    }
    // (Nor, without a cue, two states' codes: "PDMP query for OH, KY, TN".)
    let states = || [last, n].iter().all(|&j| super::address::STATES.contains(&doc.s(j)));
    let ok = (is_last && is_first && lw != Word::Not && fw != Word::Not && (lw == Word::Name || fw == Word::Name) && !states()) || (cue && lw != Word::Not && fw != Word::Not);
    if !ok || end_run - n > 2 {
        return None;
    }
    let (s, e) = (doc.toks[first_i].start as usize, doc.toks[end_run].end as usize);
    let mut c = Cand::new(Kind::PersonName, s, e, if cue { 0.65 } else { 0.35 }, "name in Last, First order", Needs::Patient);
    c.patient_cue = cue;
    Some(c)
}
