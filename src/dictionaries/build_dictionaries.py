#!/usr/bin/env python3
"""Regenerate the generated dictionaries in this folder.

Generated here (do not edit by hand, re-run this script):
    first_names.txt, last_names.txt   from names-dataset (PyPI)
    common_words.txt                  from wordfreq (PyPI)

Hand-curated (NOT produced by this script; edit them directly, then run
`python3 build_dictionaries.py --check` to re-validate their format):
    conditions.txt, medications.txt, clinical_terms.txt

Pinned sources (the output depends on these exact versions):
    names-dataset==3.3.1
    wordfreq==3.1.1

Usage:
    python3 -m venv /tmp/dictvenv
    /tmp/dictvenv/bin/pip install names-dataset==3.3.1 wordfreq==3.1.1
    /tmp/dictvenv/bin/python src/dictionaries/build_dictionaries.py          # rebuild
    /tmp/dictvenv/bin/python src/dictionaries/build_dictionaries.py --check  # validate only

Every output file is UTF-8, NFC, lower case, one entry per line, sorted by
code point (= byte order, like Rust's `str` ordering), unique, with no empty
lines and no comments. In the name lists a multi-word entry holds the
tokens the detector sees (maximal runs of letters/digits), joined by one
space: hyphens become spaces ("jean-pierre" is not kept, "al-harbi" gives
"al harbi"). The hand-curated phrase lists keep a hyphen or apostrophe
where it is normally written ("covid-19", "alzheimer's disease"), as the
phrase matcher (src/recognizers/vocabulary.rs) joins tokens with the
single space, hyphen or apostrophe found between them.

Run with Python 3.11 (Unicode 14 for NFC and lower-casing); other versions
only differ on characters encoded after Unicode 14.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.util
import os
import pickle
import sys
import unicodedata
from collections import defaultdict

NAMES_DATASET_VERSION = "3.3.1"
WORDFREQ_VERSION = "3.1.1"

HERE = os.path.dirname(os.path.abspath(__file__))

# How many of each country's top-ranked names are taken (the dataset ranks
# names per country, 1 = most frequent, for 105 countries). Uniform depth
# keeps coverage broad: small countries contribute as much as the US.
FIRST_NAMES_PER_COUNTRY = 689
LAST_NAMES_PER_COUNTRY = 859

COMMON_WORDS = 8000

# ---------------------------------------------------------------------------
# Name cleaning

# Surname particles: a multi-word name is kept only when it has one of these
# (e.g. "de la cruz", "van der berg", "dos santos", "o connor", "ben ali",
# "abu bakr"); plain "first middle" or "surname surname" pairs are dropped,
# their parts are in the lists on their own. Particles alone are dropped.
PARTICLES = {
    "de", "da", "do", "dos", "das", "del", "dela", "delos", "della", "delle",
    "di", "du", "des", "la", "le", "lo", "los", "las", "van", "von", "der",
    "den", "ter", "ten", "op", "het", "vander", "vanden", "zu", "af", "av",
    "o", "ó", "ua", "mac", "mc", "ni", "nic", "ní", "ap", "st", "saint",
    "ste", "sainte", "san", "santa", "al", "el", "ul", "ud", "bin", "binti",
    "bint", "ben", "ibn", "abu", "abou", "abd", "abdel", "abdul", "abdal",
    "ould", "ag", "bet", "bat",
    # Arabic / Persian / Hebrew script
    "عبد", "ابو", "أبو", "بن", "ابن", "بنت", "آل", "ال", "الله", "الدين",
    "اللہ", "الدین", "בן", "בת",
}
# Particles that are not names when they stand alone.
PARTICLE_ONLY = {
    "de", "da", "dos", "das", "del", "dela", "delos", "della", "delle", "des",
    "der", "den", "ter", "ten", "op", "het", "vander", "vanden", "zu", "af",
    "av", "ó", "ua", "mac", "mc", "ni", "nic", "ní", "ap", "st", "ste",
    "al", "el", "ul", "ud", "bin", "binti", "bint", "ibn", "abd", "abdel",
    "ould", "ag", "عبد", "ابو", "أبو", "بن", "ابن", "بنت", "آل", "ال",
}
# Given names written as two words: "abdul rahman", "عبد الله", "نجیب الله",
# "نور الدين". Other multi-word first names in the dataset are mostly
# "maria del carmen" combinations (their parts are listed on their own) or
# nicknames ("la flaquita"), so they are dropped.
GIVEN_NAME_HEADS = {"abd", "abdul", "abdel", "abdal", "عبد"}
GIVEN_NAME_TAILS = {"الله", "الدين", "اللہ", "الدین"}
# Single-letter tokens allowed inside a multi-word name ("o connor").
SHORT_PARTICLES = {"o", "ó", "y", "e"}

# Noise from social-media profiles, titles, and words that are not names.
JUNK = {
    # titles and honorifics
    "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor",
    "sir", "madam", "madame", "mme", "mlle", "sr", "sra", "srta", "jr", "hr",
    "hj", "hjh", "haji", "hajjah", "engr", "atty", "capt", "sgt", "dra",
    "ing", "lic",
    # "Md" (Bangladesh, for Muhammad) collides with the medical degree;
    # "Sk" (for Shaikh) is an initialism.
    "md", "sk",
    # placeholders and account words
    "admin", "administrator", "test", "tester", "testing", "null", "none",
    "undefined", "unknown", "anonymous", "anon", "user", "username", "name",
    "names", "firstname", "lastname", "surname", "noname", "nickname",
    "facebook", "fb", "official", "profile", "account", "online", "shop",
    "store", "group", "team", "club", "fans", "www", "com", "http", "https",
    "gmail", "yahoo", "hotmail", "lol", "haha", "hahaha", "hehe", "xd", "xx",
    "xxx", "itz", "its", "iam", "the", "and",
    # Korean: male/female/man/woman
    "남성", "남자", "여성", "여자",
    # Chinese/Japanese titles: Mr, Miss, Ms
    "先生", "小姐", "女士", "さん",
    # Arabic: "I", "I am"
    "انا", "أنا",
}

LATIN_VOWELS = set("aeiouyıøæœɛɔə")
# Latin-script names without a vowel that are real names.
NO_VOWEL_OK = {"ng", "chng", "sng", "hng", "vlk"}


def script_of(ch: str) -> str | None:
    """A coarse script tag for a letter, None for marks/joiners."""
    cat = unicodedata.category(ch)
    if cat[0] == "M" or ch == "\u200d":
        return None
    name = unicodedata.name(ch, "")
    word = name.split(" ")[0]
    if word in ("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC"):
        return "HAN"  # Japanese mixes kanji and kana within one name
    if word == "HANGUL":
        return "HANGUL"
    return word or None


def token_ok(tok: str, alpha) -> bool:
    """Whether `tok` is one token for the detector: letters/digits, the
    combining diacritics U+0300..U+036F, or ZWJ (see src/text.rs)."""
    return bool(tok) and alpha(tok) is not None


def normalize_name(raw: str) -> str:
    s = unicodedata.normalize("NFC", raw.strip())
    # Turkish dotted capital I: lower() would give "i" + U+0307.
    s = s.replace("İ", "I")
    s = s.lower()
    s = s.replace("i\u0307", "i")
    s = s.replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-")
    s = s.replace("-", " ")
    s = " ".join(s.split())
    return unicodedata.normalize("NFC", s)


def clean_name(raw: str, alpha, stats: dict, first: bool = False) -> str | None:
    """The cleaned form of a dataset name (`first`: a given name), or None
    to drop it."""
    s = normalize_name(raw)
    if not s:
        stats["empty"] += 1
        return None
    if s in JUNK:
        stats["junk"] += 1
        return None
    if unicodedata.normalize("NFKC", s) != s:
        # Compatibility characters (Arabic presentation forms, Hangul
        # compatibility jamo, `ŀ`) are glyph variants that typed text does
        # not use: dataset noise.
        stats["compatibility characters"] += 1
        return None
    toks = s.split(" ")
    if len(toks) > 4:
        stats["too many words"] += 1
        return None
    for t in toks:
        if not all(unicodedata.category(c)[0] in "LM" for c in t):
            stats["digits/punctuation/symbols"] += 1
            return None
    scripts = {sc for c in s.replace(" ", "") if (sc := script_of(c))}
    if len(scripts) != 1:
        stats["mixed scripts"] += 1
        return None
    (script,) = scripts
    if script == "KHMER":
        # The Cambodian part of the dataset in Khmer script is mostly page
        # names and words (mother, woman, coffee, real estate, provinces).
        stats["khmer script"] += 1
        return None
    if not all(token_ok(t, alpha) for t in toks):
        # Letters and marks, but with a mark outside the Alphabetic property
        # (a virama in Bengali or Devanagari...) that src/text.rs does not
        # yet keep inside a token. Kept: the tokenizer should treat every
        # combining mark as part of a word.
        stats["kept, has a non-Alphabetic mark"] += 1
    if len(toks) == 1:
        if len(s) < 2:
            stats["shorter than 2"] += 1
            return None
        if s in PARTICLE_ONLY:
            stats["particle alone"] += 1
            return None
    elif first:
        if len(toks) != 2 or not (toks[0] in GIVEN_NAME_HEADS or toks[1] in GIVEN_NAME_TAILS):
            stats["multi-word given name"] += 1
            return None
    else:
        if not any(t in PARTICLES for t in toks[:-1]) and toks[-1] not in GIVEN_NAME_TAILS:
            stats["multi-word without particle"] += 1
            return None
        if toks[-1] in PARTICLES and toks[-1] not in GIVEN_NAME_TAILS:
            stats["multi-word without particle"] += 1
            return None
    if len(toks) > 1:
        if len(set(toks)) != len(toks):
            stats["repeated word"] += 1
            return None
        for t in toks:
            if len(t) < 2 and t not in SHORT_PARTICLES:
                stats["initials"] += 1
                return None
            if t in JUNK:
                stats["junk"] += 1
                return None
    for t in toks:
        # "aaa", "hahhh", "김김김": the same letter three times running.
        if any(t[i] == t[i + 1] == t[i + 2] for i in range(len(t) - 2)):
            stats["repeated letters"] += 1
            return None
        if len(t) >= 2 and len(t) % 2 == 0 and len(toks) == 1 and script == "HANGUL":
            # "김김", "최최": a doubled surname is noise (unlike Chinese
            # doubled given names such as "婷婷", which are kept).
            half = len(t) // 2
            if t[:half] == t[half:]:
                stats["repeated letters"] += 1
                return None
    if script == "LATIN":
        for t in toks:
            if t in PARTICLES or t in SHORT_PARTICLES:
                continue
            bases = set(unicodedata.normalize("NFD", t))  # "ặ" -> "a" + marks
            if not (bases & LATIN_VOWELS) and t not in NO_VOWEL_OK:
                # initials and abbreviations: "md", "sk", "jmt", "kpc"
                stats["latin without vowel"] += 1
                return None
    return s


def load_names_dataset():
    check_version("names-dataset", NAMES_DATASET_VERSION)
    spec = importlib.util.find_spec("names_dataset")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("names-dataset is not installed")
    base = os.path.join(list(spec.submodule_search_locations)[0], "v3")
    with gzip.open(os.path.join(base, "first_names.pkl.gz"), "rb") as f:
        first = pickle.load(f)
    with gzip.open(os.path.join(base, "last_names.pkl.gz"), "rb") as f:
        last = pickle.load(f)
    return first, last


def top_names(table: dict, per_country: int, alpha, label: str, first: bool) -> list[str]:
    """Union over countries of each country's `per_country` best-ranked names,
    cleaned. Names that clean to nothing do not use up a country's quota."""
    stats: dict = defaultdict(int)
    cleaned: dict[str, str | None] = {}
    by_country: dict[str, list] = defaultdict(list)
    for raw, info in table.items():
        for country, rank in info.get("rank", {}).items():
            if rank is not None:
                by_country[country].append((rank, raw))
    out: set[str] = set()
    for country in sorted(by_country):
        ranked = sorted(by_country[country])
        taken: set[str] = set()
        for _rank, raw in ranked:
            if len(taken) >= per_country:
                break
            if raw not in cleaned:
                cleaned[raw] = clean_name(raw, alpha, stats, first)
            c = cleaned[raw]
            if c is not None:
                taken.add(c)
        out |= taken
    print(f"{label}: {len(by_country)} countries, {len(out)} names; filter counts: "
          + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), file=sys.stderr)
    return sorted(out)


# ---------------------------------------------------------------------------
# Common words

def common_words(n: int) -> list[str]:
    check_version("wordfreq", WORDFREQ_VERSION)
    import wordfreq

    out: list[str] = []
    seen: set[str] = set()
    for w in wordfreq.top_n_list("en", n * 2):
        w = unicodedata.normalize("NFC", w).lower()
        # Letters only; single letters other than "a" and "i" are
        # contraction debris ("s", "t", "m").
        if not w.isalpha() or (len(w) < 2 and w not in ("a", "i")) or w in seen:
            continue
        seen.add(w)
        out.append(w)
        if len(out) == n:
            break
    return sorted(out)


# ---------------------------------------------------------------------------

def check_version(dist: str, want: str) -> None:
    try:
        have = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{dist}=={want} is not installed")
    if have != want:
        sys.exit(f"{dist} {have} is installed, this script is pinned to {want}")


def write_list(name: str, entries: list[str]) -> None:
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(e + "\n" for e in entries))


def check_file(name: str) -> list[str]:
    """Format problems of one list file."""
    path = os.path.join(HERE, name)
    problems = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{name}: not UTF-8 ({e})"]
    if text.startswith("\ufeff"):
        problems.append(f"{name}: byte-order mark")
    if "\r" in text:
        problems.append(f"{name}: CR line ends")
    if text and not text.endswith("\n"):
        problems.append(f"{name}: no final newline")
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    for i, line in enumerate(lines, 1):
        if not line:
            problems.append(f"{name}:{i}: empty line")
        elif line != line.strip() or "  " in line:
            problems.append(f"{name}:{i}: stray white space {line!r}")
        elif line != unicodedata.normalize("NFC", line):
            problems.append(f"{name}:{i}: not NFC {line!r}")
        elif line != unicodedata.normalize("NFKC", line):
            problems.append(f"{name}:{i}: compatibility characters {line!r}")
        elif line != line.lower():
            problems.append(f"{name}:{i}: not lower case {line!r}")
        elif line.startswith("#"):
            problems.append(f"{name}:{i}: looks like a comment {line!r}")
        if i > 1 and not lines[i - 2] < line:
            problems.append(f"{name}:{i}: not sorted/unique {lines[i - 2]!r} >= {line!r}")
    return problems


ALL_FILES = ["first_names.txt", "last_names.txt", "common_words.txt",
             "conditions.txt", "medications.txt", "clinical_terms.txt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only validate the format of all lists")
    args = ap.parse_args()

    if not args.check:
        import regex  # a dependency of wordfreq; knows the Alphabetic property

        tok = regex.compile(r"[\p{Alphabetic}\u0300-\u036f\u200d]+\Z")
        first, last = load_names_dataset()
        write_list("first_names.txt", top_names(first, FIRST_NAMES_PER_COUNTRY, tok.match, "first names", True))
        write_list("last_names.txt", top_names(last, LAST_NAMES_PER_COUNTRY, tok.match, "last names", False))
        write_list("common_words.txt", common_words(COMMON_WORDS))

    problems = []
    for name in ALL_FILES:
        if os.path.exists(os.path.join(HERE, name)):
            problems += check_file(name)
        else:
            problems.append(f"{name}: missing")
    for p in problems[:50]:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problem(s)")
    for name in ALL_FILES:
        with open(os.path.join(HERE, name), "rb") as f:
            data = f.read()
        print(f"{name}: {data.count(10)} entries, {len(data)} bytes, "
              f"{len(gzip.compress(data, 9, mtime=0))} gzipped", file=sys.stderr)


if __name__ == "__main__":
    main()
