#!/usr/bin/env python3
"""Fourth, independent labelled synthetic corpus for the PHI detector (fresh3.jsonl).

Written from tests/corpus/README.md and CONTRACTS.md section 1 only, without sight of the
detector, of its other tests, or of the other corpus generators.  Python 3 standard library
only, deterministic (fixed seed), no network.  Every name, number and address is invented.

    python3 tests/corpus/generate_fresh3.py           # write fresh3.jsonl (after self-check)
    python3 tests/corpus/generate_fresh3.py --check   # re-verify an existing fresh3.jsonl

Templates are written with inline markup: P(value, kind) marks a `phi` span and
D(value, kind) a `dont_care` span; render() strips the markup and computes UTF-8 byte offsets.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

SEED = "fresh3-2026-12-05"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh3.jsonl")
TODAY = dt.date(2026, 12, 1)

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
    "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
    "procedure_code", "drug_code", "medication", "condition", "credit_card",
}
# dont_care spans may also use these descriptive kinds (README: title, staff_contact, internal_id ...)
DONT_CARE_EXTRA = {"title", "staff_contact", "internal_id", "facility", "state"}

# --------------------------------------------------------------------------------------------
# markup
# --------------------------------------------------------------------------------------------
_MARK = re.compile("\x01([PD])\x02([a-z0-9_]+)\x02([^\x01\x02\x03]*)\x03")


def P(v, kind):
    """a phi span"""
    v = str(v)
    assert kind in CONTRACT_KINDS, kind
    assert v and not re.search("[\x01\x02\x03\n]", v), repr(v)
    return "\x01P\x02%s\x02%s\x03" % (kind, v)


def D(v, kind):
    """a dont_care span"""
    v = str(v)
    assert kind in CONTRACT_KINDS or kind in DONT_CARE_EXTRA, kind
    assert v and not re.search("[\x01\x02\x03\n]", v), repr(v)
    return "\x01D\x02%s\x02%s\x03" % (kind, v)


def mapm(s, fn):
    """apply fn to every literal piece and every span value of a marked string"""
    out, pos = [], 0
    for m in _MARK.finditer(s):
        out.append(fn(s[pos:m.start()]))
        out.append("\x01%s\x02%s\x02%s\x03" % (m.group(1), m.group(2), fn(m.group(3))))
        pos = m.end()
    out.append(fn(s[pos:]))
    return "".join(out)


def plain(s):
    return _MARK.sub(lambda m: m.group(3), s)


def render(s):
    parts, spans, values, nb, pos = [], [], [], 0, 0
    for m in _MARK.finditer(s):
        lit = s[pos:m.start()]
        parts.append(lit)
        nb += len(lit.encode("utf-8"))
        v = m.group(3)
        b = len(v.encode("utf-8"))
        spans.append({"start": nb, "end": nb + b,
                      "label": "phi" if m.group(1) == "P" else "dont_care", "kind": m.group(2)})
        values.append(v)
        parts.append(v)
        nb += b
        pos = m.end()
    parts.append(s[pos:])
    text = "".join(parts)
    if re.search("[\x01\x02\x03]", text):
        raise ValueError("stray markup in text: %r" % text[:200])
    return text, spans, values


def lines_prefixed(s, prefix):
    return "\n".join(prefix + ln for ln in s.split("\n"))


def jesc(s):
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def jstr(s):
    return '"' + mapm(s, jesc) + '"'


def jdump(o, indent=2, lvl=0, sep=", ", kv=": "):
    """JSON serialiser that keeps markup inside strings; indent=None gives one line"""
    if isinstance(o, str):
        return jstr(o)
    if o is True:
        return "true"
    if o is False:
        return "false"
    if o is None:
        return "null"
    if isinstance(o, (int, float)):
        return json.dumps(o)
    if isinstance(o, dict):
        if not o:
            return "{}"
        items = [jstr(k) + kv + jdump(v, indent, lvl + 1, sep, kv) for k, v in o.items()]
        if indent is None:
            return "{" + sep.join(items) + "}"
        pad = " " * (indent * (lvl + 1))
        return "{\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * lvl) + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        items = [jdump(v, indent, lvl + 1, sep, kv) for v in o]
        if indent is None:
            return "[" + sep.join(items) + "]"
        pad = " " * (indent * (lvl + 1))
        return "[\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * lvl) + "]"
    raise TypeError(type(o))


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def sqlq(s):
    """single-quoted SQL literal, markup preserved"""
    return "'" + mapm(s, lambda x: x.replace("'", "''")) + "'"


def csvq(s, sep=","):
    p = plain(s)
    if any(c in p for c in (sep, '"', "\n")):
        return '"' + mapm(s, lambda x: x.replace('"', '""')) + '"'
    return s


def deaccent(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def ascii_handle(s):
    s = deaccent(s).replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ð", "d").replace("þ", "th")
    s = s.replace("Þ", "Th").replace("ø", "o").replace("æ", "ae").replace("đ", "d").replace("Đ", "D")
    return re.sub("[^a-z0-9]", "", s.lower())


# --------------------------------------------------------------------------------------------
# name pools (patients and relatives)  -- 34 cultures; staff names are a separate pool
# --------------------------------------------------------------------------------------------
# culture: (order, given_f, given_m, families, natives)  natives: (sex, given, family, native full)
CULTURES = {
    "vietnamese": ("fg", ["Thị Lan", "Thu Hà", "Ngọc Ánh", "Thị Hồng Nhung", "Kim Oanh"],
                   ["Văn Minh", "Quang Huy", "Đức Anh", "Minh Tuấn", "Hữu Phước"],
                   ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"], []),
    "chinese": ("gf", [], [], [], [("F", "Fang", "Wang", "王芳"), ("M", "Wei", "Li", "李伟"),
                                   ("F", "Xiuying", "Zhang", "张秀英"), ("M", "Guoqiang", "Huang", "黄国强"),
                                   ("F", "Mei-Ling", "Chou", "周美玲"), ("M", "Jianhua", "Zhou", "周建华")]),
    "japanese": ("gf", [], [], [], [("M", "Haruto", "Satō", "佐藤 陽翔"), ("F", "Yui", "Suzuki", "鈴木 結衣"),
                                    ("F", "Fumiko", "Takahashi", "高橋 文子"), ("M", "Isamu", "Nakamura", "中村 勇")]),
    "korean": ("gf", [], [], [], [("M", "Min-jun", "Kim", "김민준"), ("F", "Seo-yeon", "Park", "박서연"),
                                  ("F", "Soon-ja", "Choi", "최순자"), ("M", "Young-ho", "Jeong", "정영호")]),
    "arabic": ("gf", ["Layla", "Mariam", "Nour", "Fatima Zahra"], ["Youssef", "Omar", "Khaled", "Tariq"],
               ["Al-Haddad", "Abdel-Rahman", "Haddad", "El-Sayed", "Mansour"],
               [("M", "Youssef", "Al-Haddad", "يوسف الحداد"), ("F", "Layla", "Mansour", "ليلى منصور")]),
    "hebrew": ("gf", ["Noa", "Tamar", "Shira"], ["Yosef", "Avraham", "Itai"], ["Cohen", "Levi", "Mizrahi", "Peretz"],
               [("F", "Noa", "Cohen", "נועה כהן"), ("M", "Yosef", "Levi", "יוסף לוי")]),
    "russian": ("gf", ["Tatiana", "Lyudmila", "Olga"], ["Dmitri", "Sergei", "Vladimir"],
                ["Ivanova", "Smirnov", "Kuznetsova", "Volkov"],
                [("F", "Tatiana", "Ivanova", "Татьяна Иванова"), ("M", "Dmitri", "Smirnov", "Дмитрий Смирнов")]),
    "ukrainian": ("gf", ["Oksana", "Halyna"], ["Bohdan", "Taras"], ["Shevchenko", "Kovalenko", "Bondarenko"], []),
    "greek": ("gf", ["Eleni", "Despina"], ["Giorgos", "Panagiotis"], ["Papadopoulos", "Karagiannis"],
              [("F", "Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου")]),
    "hindi": ("gf", ["Priya", "Sunita", "Kavita"], ["Rajesh", "Amitabh", "Suresh"], ["Sharma", "Patel", "Iyer", "Gupta"],
              [("F", "Sunita", "Sharma", "सुनीता शर्मा"), ("M", "Rajesh", "Gupta", "राजेश गुप्ता")]),
    "tamil": ("gf", ["Lakshmi", "Meenakshi"], ["Karthik", "Senthil"], ["Subramaniam", "Venkataraman", "Raghavan"],
              [("M", "Karthik", "Subramaniam", "கார்த்திக் சுப்பிரமணியம்")]),
    "bengali": ("gf", ["Farhana", "Rumana"], ["Anwar", "Shafiq"], ["Chowdhury", "Rahman", "Hossain"],
                [("F", "Farhana", "Chowdhury", "ফারহানা চৌধুরী")]),
    "thai": ("gf", ["Siriporn", "Malee"], ["Somchai", "Anan"], ["Srisuk", "Wongsakul"],
             [("M", "Somchai", "Srisuk", "สมชาย ศรีสุข")]),
    "polish": ("gf", ["Małgorzata", "Jadwiga", "Bożena"], ["Józef", "Grzegorz", "Zbigniew"],
               ["Wiśniewska", "Kowalczyk", "Brzęczyszczykiewicz", "Dąbrowski", "Zając"], []),
    "czech": ("gf", ["Zdeňka", "Jiřina"], ["Jiří", "Přemysl"], ["Dvořák", "Nováková", "Šťastný"], []),
    "hungarian": ("fg", ["Zsófia", "Erzsébet"], ["Ödön", "Gyula"], ["Szőke", "Kovács", "Tóth"], []),
    "turkish": ("gf", ["Gülşen", "Ayşe"], ["Çağrı", "Mustafa"], ["Yılmaz", "Öztürk", "Şahin"], []),
    "hispanic": ("gf", ["María del Carmen", "Ximena", "Guadalupe", "Luz Marina"], ["José Luis", "Jesús", "Rigoberto"],
                 ["García Márquez", "de la Cruz Hernández", "Ortiz-Ramírez", "Núñez", "Villaseñor"], []),
    "portuguese": ("gf", ["Ana Luíza", "Conceição"], ["João", "Sebastião"],
                   ["Gonçalves da Silva", "Magalhães", "Assunção"], []),
    "french": ("gf", ["Hélène", "Anaïs", "Geneviève"], ["François", "Aurélien", "Léon"],
               ["Lefèvre", "Dubois-Ngata", "Bérubé", "Thériault"], []),
    "german": ("gf", ["Gisela", "Hannelore"], ["Jürgen", "Björn", "Götz"], ["Müller", "Schäfer", "Großmann"], []),
    "irish": ("gf", ["Siobhán", "Aoife", "Eilidh"], ["Pádraig", "Seán", "Ruairí"],
              ["O'Sullivan", "MacGillivray", "Ó Briain", "McGonagle"], []),
    "yoruba_igbo": ("gf", ["Olúwaseun", "Chidinma", "Tolulope"], ["Adébáyọ̀", "Chukwuemeka", "Ọlábọ̀dé"],
                    ["Adeyemi-Okafor", "Okonkwo", "Ọlátúnjí", "Nwachukwu"], []),
    "east_african": ("gf", ["Achieng", "Hodan", "Mekdes"], ["Kiprono", "Abdirahman", "Tesfaye"],
                     ["Wanjiru", "Abdi", "Haile", "Odhiambo"], [("F", "Mekdes", "Haile", "መቅደስ ኃይሌ")]),
    "filipino": ("gf", ["Maria Luz", "Rosalinda"], ["Rommel", "Jun-Jun"], ["Dela Cruz", "Bautista", "Macaraeg"], []),
    "pacific": ("gf", ["Kaʻiulani", "Leilani", "Malia"], ["Keoni", "Sione", "Kawika"],
                ["Kealoha", "Tuiasosopo", "Kahananui", "Fonoti"], []),
    "nordic": ("gf", ["Guðrún", "Päivi", "Åsa"], ["Ólafur", "Jørgen", "Eero"],
               ["Þórsdóttir", "Sigurðsson", "Järvinen", "Østergaard"], []),
    "dutch": ("gf", ["Anouk", "Femke"], ["Sven", "Joost"], ["van der Berg", "de Vries", "van Dijk"], []),
    "italian": ("gf", ["Giuseppina", "Concetta"], ["Carmine", "Salvatore"], ["D'Angelo", "Esposito", "Lo Bianco"], []),
    "persian": ("gf", ["Shirin", "Parvaneh"], ["Dariush", "Kourosh"], ["Moradi", "Tehrani", "Farahani"],
                [("F", "Shirin", "Moradi", "شیرین مرادی")]),
    "armenian": ("gf", ["Anahit", "Siranush"], ["Hovhannes", "Ashot"], ["Hovhannisyan", "Sargsyan"],
                 [("F", "Anahit", "Hovhannisyan", "Անահիտ Հովհաննիսյան")]),
    "georgian": ("gf", ["Nino", "Tamari"], ["Giorgi", "Levan"], ["Beridze", "Kapanadze"],
                 [("F", "Nino", "Beridze", "ნინო ბერიძე")]),
    "dine": ("gf", ["Shandiin", "Nizhoni"], ["Hastiin", "Ahiga"], ["Begay", "Yazzie", "Tsosie"], []),
    "english_words": ("gf", ["Grace", "April", "June", "Faith", "Hope", "Joy", "Amber", "Holly", "Dawn"],
                      ["Will", "Bill", "Mark", "Rich", "Sandy", "Rusty", "Chase", "Hunter"],
                      ["Hill", "Rose", "Banks", "May", "Young", "Frost", "Bell", "Price", "Summers", "Street",
                       "Wood", "Brown", "Cook", "Moody", "Love", "Field"], []),
    "anglo": ("gf", ["Margaret", "Dorothy", "Shirley", "Brittany"], ["Harold", "Earl", "Dwayne", "Cody"],
              ["Whitaker-Boyd", "Pennington", "Stroud", "Kowalski-Hayes", "Fairweather"], []),
}
CULTURE_NAMES = sorted(CULTURES)

# staff / providers / engineers: a separate pool, never used for patients
STAFF = [
    ("Priyanka", "Raman"), ("Dana", "Whitfield"), ("Tomasz", "Zieliński"), ("Keiko", "Arai"),
    ("Marcus", "Oyelaran"), ("Beatriz", "Salgado"), ("Elif", "Demir"), ("Rohan", "Mehta"),
    ("Sinéad", "Farrell"), ("Kwame", "Asante"), ("Ingrid", "Halvorsen"), ("Jamal", "Rashid"),
    ("Chloé", "Marchand"), ("Lucas", "Ferreira"), ("Hannah", "Brandt"), ("Andrés", "Villalobos"),
    ("Mei", "Tanaka"), ("Oluwadamilare", "Bankole"), ("Svetlana", "Orlova"), ("Niamh", "Gallagher"),
    ("Arjun", "Krishnamurthy"), ("Camila", "Restrepo"), ("Fredrik", "Lindqvist"), ("Aisha", "Kamara"),
    ("Theo", "Vandermeer"), ("Yasmin", "Qureshi"), ("Bartholomew", "Ashcroft"), ("Linh", "Dương"),
    ("Mateus", "Cardoso"), ("Ruth", "Abernathy"), ("Hamza", "Siddiqui"), ("Paulina", "Kaczmarek"),
    ("Desmond", "Okoro"), ("Astrid", "Nyberg"), ("Gabriel", "Lévesque"), ("Soo-ah", "Hwang"),
    ("Ignacio", "Ybarra"), ("Whitney", "Caldwell"), ("Benedikt", "Hofer"), ("Zainab", "Olatunde"),
    ("Connor", "Redfearn"), ("Mariko", "Fujimoto"), ("Esperanza", "Quiñones"), ("Viktor", "Horváth"),
    ("Naledi", "Mokoena"), ("Jonah", "Feldstein"), ("Rashida", "Tillman"), ("Emre", "Kaplan"),
]

FACILITIES = [
    ("Riverside Mercy Hospital", "RMH", "riversidemercy.org"),
    ("St. Brigid Medical Center", "SBMC", "stbrigid.org"),
    ("Lakeshore Family Clinic", "LFC", "lakeshorefamily.org"),
    ("Cedar Valley Health", "CVH", "cedarvalleyhealth.org"),
    ("Northgate Community Health Center", "NCHC", "northgatechc.org"),
    ("Harbor Point Rehabilitation", "HPR", "harborpointrehab.com"),
    ("Mesa Verde Regional Medical Center", "MVRMC", "mesaverderegional.org"),
    ("Bayview Kidney Center", "BKC", "bayviewkidney.com"),
    ("Pinecrest Skilled Nursing", "PSN", "pinecrestsnf.com"),
    ("Tri-County Behavioral Health", "TCBH", "tricountybh.org"),
]

CITIES = [
    ("Holyoke", "MA", "01040"), ("Worcester", "MA", "01604"), ("Gresham", "OR", "97030"), ("Hilo", "HI", "96720"),
    ("Fairbanks", "AK", "99701"), ("Cicero", "IL", "60804"), ("Garden Grove", "CA", "92843"),
    ("Westminster", "CA", "92683"), ("Dearborn", "MI", "48126"), ("Lowell", "MA", "01852"),
    ("Alief", "TX", "77072"), ("Flushing", "NY", "11355"), ("Minneapolis", "MN", "55406"), ("Gallup", "NM", "87301"),
    ("Chinle", "AZ", "86503"), ("Lafayette", "LA", "70506"), ("Winooski", "VT", "05404"), ("Hamtramck", "MI", "48212"),
    ("Tukwila", "WA", "98188"), ("San Antonio", "TX", "78207"), ("Hialeah", "FL", "33012"), ("Biloxi", "MS", "39530"),
    ("Fargo", "ND", "58103"), ("Antioch", "TN", "37013"), ("Pawtucket", "RI", "02860"), ("Waipahu", "HI", "96797"),
    ("Kearny", "NJ", "07032"), ("Lawrence", "MA", "01841"), ("Skokie", "IL", "60076"), ("Laredo", "TX", "78041"),
]
STREETS = ["Bramblewood", "Elm", "Kalanianaʻole", "Oak Hollow", "Quarry", "Sycamore", "Tamarack", "Jefferson",
           "Mill Pond", "Chestnut Ridge", "Riverbend", "Wachusett", "Ponce de León", "Linwood", "Cardinal",
           "Old Stage", "Pleasant", "Juniper Hill", "Laurel", "Beacon", "Hawthorne", "Magnolia", "Ridgecrest"]
SUFFIXES = ["St", "St.", "Ave", "Avenue", "Rd", "Road", "Ln", "Dr", "Drive", "Ct", "Blvd", "Way", "Pl", "Ter"]
AREA_CODES = ["413", "508", "503", "808", "907", "708", "714", "313", "978", "832", "718", "612", "505", "928",
              "337", "802", "206", "210", "305", "228", "701", "615", "401", "201", "847", "956"]
PAYERS = [("Blue Harbor Health Plan", "1-800-338-2210"), ("Keystone Mutual Insurance", "(888) 410-7730"),
          ("Commonwell Medicaid MCO", "800-720-4412"), ("Medicare Part B", "1-800-633-4227"),
          ("Great Plains BCBS", "866.310.9902"), ("UnitedWay Health Partners", "877-555-0199")]
ICD10 = [("I50.9", "heart failure, unspecified"), ("E11.9", "type 2 diabetes mellitus"), ("N18.6", "end stage renal disease"),
         ("J44.1", "COPD with acute exacerbation"), ("I48.91", "atrial fibrillation"), ("S72.001A", "fracture of femoral neck"),
         ("F32.1", "major depressive disorder, moderate"), ("J18.9", "pneumonia"), ("N39.0", "urinary tract infection"),
         ("C34.90", "lung cancer"), ("G30.9", "Alzheimer disease"), ("I63.9", "cerebral infarction"),
         ("K35.80", "acute appendicitis"), ("L89.154", "sacral pressure injury, stage 4"), ("E86.0", "dehydration")]
MEDS = ["metoprolol succinate 25 mg", "apixaban 5 mg", "furosemide 40 mg", "insulin glargine 18 units",
        "sertraline 50 mg", "donepezil 10 mg", "tamsulosin 0.4 mg", "levothyroxine 75 mcg", "atorvastatin 40 mg",
        "ceftriaxone 1 g IV", "oxycodone 5 mg", "enoxaparin 40 mg SC", "lisinopril 10 mg", "warfarin 2.5 mg"]
CPT = [("99223", "initial hospital care, high"), ("99214", "office visit, moderate"), ("27236", "ORIF femoral neck"),
       ("71046", "chest x-ray, 2 views"), ("90834", "psychotherapy, 45 min"), ("90999", "dialysis procedure"),
       ("44970", "laparoscopic appendectomy"), ("93306", "echocardiogram, complete"), ("97110", "therapeutic exercise"),
       ("G0439", "annual wellness visit, subsequent")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]


# --------------------------------------------------------------------------------------------
# value generators
# --------------------------------------------------------------------------------------------
def luhn_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def vin_check(v):
    trans = {**{str(i): i for i in range(10)},
             **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMNPR", [1, 2, 3, 4, 5, 7, 9])),
             **dict(zip("STUVWXYZ", range(2, 10)))}
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    s = sum(trans[c] * w for c, w in zip(v, weights)) % 11
    return "X" if s == 10 else str(s)


class Person:
    def __init__(self, given, family, sex, culture, native=None, order="gf", middle=""):
        self.given, self.family, self.sex, self.culture = given, family, sex, culture
        self.native, self.order, self.middle = native, order, middle

    @property
    def full(self):
        return "%s %s" % ((self.family, self.given) if self.order == "fg" else (self.given, self.family))

    @property
    def formal(self):
        return "%s, %s" % (self.family, self.given)

    @property
    def first(self):
        return self.given.split(" ")[0] if self.order == "gf" else self.given

    def hl7(self, upper=True, middle=True):
        fam, giv = self.family, self.given
        mid = self.middle if middle else ""
        s = "%s^%s^%s" % (fam, giv, mid) if mid else "%s^%s" % (fam, giv)
        return s.upper() if upper else s


class Phone:
    STYLES = ["paren", "paren_tight", "dash", "dot", "plain", "e164", "intl", "one_dash", "space", "slash",
              "intl_paren"]

    def __init__(self, area, exch, line):
        self.area, self.exch, self.line = area, exch, line

    def fmt(self, style="dash"):
        a, e, l = self.area, self.exch, self.line
        return {"paren": "(%s) %s-%s", "paren_tight": "(%s)%s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s",
                "plain": "%s%s%s", "e164": "+1%s%s%s", "intl": "+1 %s %s %s", "one_dash": "1-%s-%s-%s",
                "space": "%s %s %s", "slash": "%s/%s-%s", "intl_paren": "+1 (%s) %s-%s"}[style] % (a, e, l)

    @property
    def local(self):
        return self.exch + self.line


class Addr:
    def __init__(self, kind, line1, unit, city, state, zip5, zip4):
        self.kind, self.line1, self.unit, self.city, self.state = kind, line1, unit, city, state
        self.zip5, self.zip4 = zip5, zip4

    @property
    def zip(self):
        return self.zip5 + ("-" + self.zip4 if self.zip4 else "")

    def street(self):
        """one street line including the unit"""
        if not self.unit:
            return self.line1
        if self.kind == "unitfirst":
            return "%s, %s" % (self.unit, self.line1)
        return "%s %s" % (self.line1, self.unit)

    def prose(self, zipsep=" "):
        """marked one-line address: street, city, state zip"""
        return "%s, %s, %s%s%s" % (P(self.street(), "street_address"), P(self.city, "street_address"),
                                   D(self.state, "state"), zipsep, P(self.zip, "zip_code"))

    def hl7(self):
        """marked XAD: street^other^city^state^zip^country"""
        unit = P(self.unit, "street_address") if self.unit else ""
        return "%s^%s^%s^%s^%s^USA" % (P(self.line1, "street_address"), unit, P(self.city, "street_address"),
                                       D(self.state, "state"), P(self.zip, "zip_code"))


class Staff:
    def __init__(self, given, family, domain, rng):
        self.given, self.family = given, family
        self.name = "%s %s" % (given, family)
        self.handle = ascii_handle(given[0] + family)
        self.email = "%s.%s@%s" % (ascii_handle(given), ascii_handle(family), domain)
        self.ext = "x%d" % rng.randint(2000, 7999)
        self.pager = "%d-%04d" % (rng.choice([412, 617, 508, 713]), rng.randint(1000, 9999))
        self.work = Phone(rng.choice(AREA_CODES), "%d" % rng.randint(220, 989), "%04d" % rng.randint(1000, 9999))
        if self.work.exch == "555":
            self.work.exch = "556"
        while True:
            base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
            self.npi = base + luhn_digit("80840" + base)
            if self.npi != "1234567893":
                break

    def n(self):
        return D(self.name, "person_name")


class Pt:
    """a synthetic patient with every identifier a template may need"""
    pass


class R:
    def __init__(self, rng):
        self.rng = rng
        self._staff_used = set()
        f = rng.choice(FACILITIES)
        self.fac, self.fac_code, self.domain = f

    # thin wrappers
    def c(self, seq):
        return self.rng.choice(seq)

    def i(self, a, b):
        return self.rng.randint(a, b)

    def digits(self, n):
        return "".join(self.rng.choice("0123456789") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ0123456789"):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def sample(self, seq, k):
        return self.rng.sample(list(seq), k)

    # people
    def person(self, culture=None, sex=None, family=None):
        culture = culture or self.c(CULTURE_NAMES)
        order, gf, gm, fams, natives = CULTURES[culture]
        if natives and (not gf or self.rng.random() < 0.5) and family is None:
            cand = [n for n in natives if sex is None or n[0] == sex] or natives
            sx, giv, fam, nat = self.c(cand)
            return Person(giv, fam, sx, culture, native=nat, order=order)
        if not gf:  # native-only cultures asked for a family member
            sx, giv, fam, nat = self.c([n for n in natives if sex is None or n[0] == sex] or natives)
            return Person(giv, family or fam, sx, culture, order=order)
        sx = sex or self.c("FM")
        giv = self.c(gf if sx == "F" else gm)
        fam = family or self.c(fams)
        mid = self.c("ABCDEFGHJKLMNPRSTW") if order == "gf" and self.rng.random() < 0.4 else ""
        return Person(giv, fam, sx, culture, order=order, middle=mid)

    def relative(self, pt, sex=None, same_family=None):
        same = self.rng.random() < 0.6 if same_family is None else same_family
        for _ in range(30):
            rel = self.person(pt.culture, sex=sex, family=pt.family if same else None)
            if rel.given != pt.given and rel.full != pt.full:
                return rel
        return self.person("anglo" if pt.culture != "anglo" else "dutch", sex=sex)

    def staff(self):
        while True:
            g, f = self.c(STAFF)
            if (g, f) not in self._staff_used:
                self._staff_used.add((g, f))
                return Staff(g, f, self.domain, self.rng)

    # dates
    def dob(self, min_age=18, max_age=88):
        age = self.i(min_age, max_age)
        d = TODAY - dt.timedelta(days=int(365.25 * age) + self.i(1, 360))
        return d

    def recent(self, days_back=60, start=None):
        base = start or TODAY
        return base - dt.timedelta(days=self.i(1, days_back))

    def dtime(self, d=None):
        d = d or self.recent()
        return dt.datetime(d.year, d.month, d.day, self.i(0, 23), self.i(0, 59), self.i(0, 59))

    # identifiers
    def ssn(self, style="dash"):
        while True:
            a, g, s = self.i(1, 899), self.i(1, 99), self.i(1, 9999)
            if a != 666 and (a, g, s) not in ((123, 45, 6789), (78, 5, 1120), (219, 9, 9999)):
                break
        return {"dash": "%03d-%02d-%04d", "plain": "%03d%02d%04d", "space": "%03d %02d %04d"}[style] % (a, g, s)

    def mbi(self, dashed=False):
        al = "ACDEFGHJKMNPQRTUVWXY"
        an = al + "0123456789"
        c = self.rng.choice
        v = (c("123456789") + c(al) + c(an) + c("0123456789") + c(al) + c(an) + c("0123456789") + c(al) + c(al)
             + c("0123456789") + c("0123456789"))
        if v == "1EG4TE5MK73":
            return self.mbi(dashed)
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:]) if dashed else v

    def npi(self):
        while True:
            base = self.c("12") + self.digits(8)
            v = base + luhn_digit("80840" + base)
            if v != "1234567893":
                return v

    def card(self, style="space"):
        kind = self.c(["visa", "mc", "amex"])
        if kind == "amex":
            base = self.c(["34", "37"]) + self.digits(12)
            n = base + luhn_digit(base)
            return {"space": "%s %s %s", "dash": "%s-%s-%s", "plain": "%s%s%s"}[style] % (n[:4], n[4:10], n[10:])
        base = ("4" if kind == "visa" else "5" + self.c("12345")) + self.digits(14 if kind == "visa" else 13)
        n = base + luhn_digit(base)
        g = [n[i:i + 4] for i in range(0, 16, 4)]
        return {"space": " ", "dash": "-", "plain": ""}[style].join(g)

    def vin(self):
        al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = list(self.c(["1", "2", "3", "5", "J", "K", "W"]) + self.alnum(7, al) + "0" + self.alnum(8, al))
        v[8] = vin_check(v)
        return "".join(v)

    def plate(self):
        return self.c(["%d%s%03d" % (self.i(1, 9), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.i(0, 999)),
                       "%s %04d" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.i(0, 9999)),
                       "%s-%s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(4))])

    def uuid(self):
        h = "%032x" % self.rng.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.c("89ab"), h[17:20], h[20:32])

    def hexs(self, n):
        return "%0*x" % (n, self.rng.getrandbits(4 * n))

    def server_ip(self):
        return "10.%d.%d.%d" % (self.i(0, 40), self.i(0, 254), self.i(1, 254))

    def public_ip(self):
        return self.c(["%d.%d.%d.%d" % (self.c([24, 47, 67, 73, 98, 107, 174, 184]), self.i(1, 254), self.i(0, 254),
                                        self.i(1, 254)),
                       "2601:%x:%x:%x::%x" % (self.i(256, 4095), self.i(256, 65535), self.i(1, 65535), self.i(1, 255))])

    def phone(self):
        e = "%d" % self.i(201, 989)
        while e[1:] == "11" or e == "555":
            e = "%d" % self.i(201, 989)
        return Phone(self.c(AREA_CODES), e, "%04d" % self.i(0, 9999))

    def test_phone(self):
        return "555-01%02d" % self.i(0, 99)

    def address(self, kind=None):
        city, st, z = self.c(CITIES)
        kind = kind or self.c(["street", "street", "street_unit", "unitfirst", "pobox", "rr", "hc", "grid", "fraction"])
        unit = ""
        if kind == "street" or kind == "street_unit" or kind == "unitfirst":
            line1 = "%d %s %s" % (self.i(2, 9899), self.c(STREETS), self.c(SUFFIXES))
            if kind != "street":
                unit = self.c(["Apt %d%s" % (self.i(1, 30), self.c("ABCD")), "Unit %d" % self.i(1, 400),
                               "#%d" % self.i(101, 909), "Apt. %d" % self.i(1, 60), "Ste %d" % self.i(100, 300),
                               "Trlr %d" % self.i(1, 80)])
            kind = "street" if kind == "street_unit" else kind
        elif kind == "pobox":
            line1 = self.c(["PO Box %d", "P.O. Box %d", "POB %d", "Post Office Box %d"]) % self.i(10, 9999)
        elif kind == "rr":
            line1 = self.c(["RR %d Box %d", "Rural Route %d, Box %d", "R.R. %d Box %d"]) % (self.i(1, 9), self.i(10, 999))
        elif kind == "hc":
            line1 = "HC %d Box %d" % (self.i(10, 90), self.i(100, 9999))
        elif kind == "grid":
            line1 = "%s%d %s" % (self.c("NSEW"), self.i(1000, 9999),
                                 self.c(["County Road K", "County Hwy 12", "State Route 264", "Navajo Route 7"]))
        else:  # fraction
            line1 = "%d 1/2 %s %s %s" % (self.i(10, 2400), self.c("NSEW"), self.c(["3rd", "5th", "12th", "Main"]),
                                        self.c(["Ave", "St"]))
        zip4 = self.digits(4) if self.rng.random() < 0.25 else ""
        return Addr(kind, line1, unit, city, st, z, zip4)

    def mrn(self, style=None):
        style = style or self.c(["num8", "e7", "fac", "dashed", "k", "num10"])
        return {"num8": lambda: self.digits(8), "e7": lambda: "E" + self.digits(7),
                "fac": lambda: "%s-%s" % (self.fac_code, self.digits(7)),
                "dashed": lambda: "%s-%s-%s" % (self.digits(3), self.digits(3), self.digits(3)),
                "k": lambda: "K" + self.digits(7), "num10": lambda: "00" + self.digits(8)}[style]()

    def member_id(self):
        return self.c(["%s%s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(9)), "W%s" % self.digits(9),
                       "MBR-%s-%s" % (self.digits(7), self.c(["01", "02", "03"])),
                       "%s %s %s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(4), self.digits(6)),
                       "%s%s" % (self.digits(9), self.c("ABC"))])

    def medicaid_id(self):
        return "%s%s%s" % (self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(5), self.alnum(1, "ABCDEFGHJKLMNPRSTUVWXYZ"))

    def account(self):
        return self.c(["%s" % self.digits(9), "A%d-%s" % (TODAY.year, self.digits(7)), "ACCT%s" % self.digits(8),
                       "HAR%s" % self.digits(8)])

    def visit(self):
        return self.c(["V%s" % self.digits(9), "ENC-%d-%s" % (TODAY.year, self.digits(6)), "%s" % self.digits(11)])

    def claim(self):
        return self.c(["%d%03d%s%s" % (TODAY.year, self.i(1, 365), self.c("ABCE"), self.digits(5)),
                       "CLM-%s" % self.digits(8), "26C%s" % self.digits(10)])

    def license(self):
        return self.c(["S%s" % self.digits(8), "D%s" % self.digits(7), self.digits(8),
                       "%s-%s-%s" % (self.alnum(1, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(3), self.digits(3)),
                       "%s%s" % (self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(6))])

    def serial(self):
        return self.c(["SN%s" % self.digits(7), "PM%s-%s" % (self.digits(4), self.digits(5)),
                       "%s" % self.alnum(10), "RNR%s%s" % (self.digits(6), self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ"))])

    def email_for(self, p, rel=False):
        g, f = ascii_handle(p.given), ascii_handle(p.family)
        local = self.c(["%s.%s" % (g, f), "%s%s%d" % (g[:1], f, self.i(1, 99)), "%s_%s" % (f, g),
                        "%s%d" % (g, self.i(1930, 2005)), "%s.%s.%d" % (g, f[:1], self.i(1, 999))])
        return local + "@" + self.c(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.fr",
                                     "proton.me", "aol.com", "comcast.net", "live.com.mx"])

    def patient(self, culture=None, sex=None, old=None, addr_kind=None):
        p = Pt()
        p.person = self.person(culture, sex)
        p.old = (self.rng.random() < 0.3) if old is None else old
        p.dob = self.dob(90, 104) if p.old else self.dob(19, 88)
        p.age = age_on(p.dob, TODAY)
        p.mrn = self.mrn()
        p.ssn = self.ssn()
        p.phone = self.phone()
        p.phone2 = self.phone()
        p.email = self.email_for(p.person)
        p.addr = self.address(addr_kind)
        p.member = self.member_id()
        p.mbi = self.mbi()
        p.account = self.account()
        p.visit = self.visit()
        p.claim = self.claim()
        p.admit = TODAY - dt.timedelta(days=self.i(10, 45))
        p.discharge = p.admit + dt.timedelta(days=self.i(1, 9))
        p.sex = p.person.sex
        return p


def age_on(dob, ref):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fd(d, style="iso"):
    """format a date in one of many shapes"""
    y, m, dd = d.year, d.month, d.day
    return {
        "iso": "%04d-%02d-%02d" % (y, m, dd),
        "us": "%02d/%02d/%04d" % (m, dd, y),
        "us_nopad": "%d/%d/%04d" % (m, dd, y),
        "us_short": "%d/%d/%02d" % (m, dd, y % 100),
        "dots_us": "%02d.%02d.%04d" % (m, dd, y),
        "eu_dots": "%02d.%02d.%04d" % (dd, m, y),
        "eu_slash": "%02d/%02d/%04d" % (dd, m, y),
        "dmy_mon_short": "%d %s %02d" % (dd, MON3[m - 1], y % 100),
        "ymd_slash": "%04d/%02d/%02d" % (y, m, dd),
        "ordinal": "%s of %s %d" % (ordinal(dd), MONTHS[m - 1], y),
        "long_us": "%s %d, %d" % (MONTHS[m - 1], dd, y),
        "long_eu": "%d %s %d" % (dd, MONTHS[m - 1], y),
        "mon_us": "%s %d, %d" % (MON3[m - 1], dd, y),
        "hl7": "%04d%02d%02d" % (y, m, dd),
        "oracle": "%02d-%s-%04d" % (dd, MON3[m - 1].upper(), y),
        "oracle_short": "%02d-%s-%02d" % (dd, MON3[m - 1].upper(), y % 100),
        "mil": "%02d%s%04d" % (dd, MON3[m - 1].upper(), y),
        "mon_dash": "%s-%02d-%04d" % (MON3[m - 1], dd, y),
        "es": "%d de %s de %d" % (dd, MESES[m - 1], y),
        "fr": "%d %s %d" % (dd, MOIS[m - 1], y),
        "vi": "%d tháng %d năm %d" % (dd, m, y),
        "dash_us": "%02d-%02d-%04d" % (m, dd, y),
        "eu_short": "%d.%d.%02d" % (dd, m, y % 100),
        "sql_ts": "%04d-%02d-%02d 00:00:00" % (y, m, dd),
    }[style]


DATE_STYLES_PROSE = ["us", "us_nopad", "us_short", "dots_us", "dmy_mon_short", "ymd_slash", "ordinal", "long_us",
                     "long_eu", "mon_us", "oracle", "mil", "mon_dash", "dash_us", "iso"]


def hl7ts(t, secs=True):
    return t.strftime("%Y%m%d%H%M%S" if secs else "%Y%m%d%H%M")


def words_num(n):
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    tens = {9: "ninety", 10: "one hundred"}
    if n >= 100:
        return "one hundred" + ("" if n == 100 else " and " + ones[n - 100])
    return tens[n // 10] + ("" if n % 10 == 0 else "-" + ones[n % 10])


# --------------------------------------------------------------------------------------------
# template registry and shared pieces
# --------------------------------------------------------------------------------------------
TEMPLATES = {}


def tpl(family, phi):
    def deco(fn):
        TEMPLATES.setdefault(family, {"phi": [], "clean": []})["phi" if phi else "clean"].append((fn.__name__, fn))
        return fn
    return deco


def jira_ts(r, d=None):
    d = d or r.recent(20)
    return r.c(["%02d/%s/%02d %d:%02d %s" % (d.day, MON3[d.month - 1], d.year % 100, r.i(1, 12), r.i(0, 59),
                                           r.c(["AM", "PM"])),
                "%s %d, %d, %d:%02d %s" % (MON3[d.month - 1], d.day, d.year, r.i(1, 12), r.i(0, 59), r.c(["AM", "PM"])),
                "%s %02d:%02d" % (fd(d, "iso"), r.i(0, 23), r.i(0, 59))])


def jira_head(r, project, summary, rep, asg, labels="", component="Interfaces"):
    key = "%s-%d" % (project, r.i(120, 9800))
    style = r.i(0, 2)
    if style == 0:
        return key, ("%s: %s\n\nType: Bug    Priority: %s    Status: %s\nReporter: %s    Assignee: %s\n"
                     "Component/s: %s    Labels: %s\nCreated: %s    Updated: %s\n"
                     % (key, summary, r.c(["Major", "Critical", "High", "P2"]), r.c(["Open", "In Progress", "Triage"]),
                        rep.n(), asg.n(), component, labels or "none", jira_ts(r), jira_ts(r)))
    if style == 1:
        return key, ("Projects / %s / %s\n%s\n\nDetails\nType:\tBug\nStatus:\t%s\nComponent/s:\t%s\n\nPeople\n"
                     "Assignee:\t%s\nReporter:\t%s\nWatchers:\t%d\n\nDates\nCreated:\t%s\nUpdated:\t%s\n"
                     % (project, key, summary, r.c(["TO DO", "IN REVIEW", "BLOCKED"]), component, asg.n(), rep.n(),
                        r.i(2, 9), jira_ts(r), jira_ts(r)))
    return key, ("[JIRA] (%s) %s\n%s created an issue\n\n%s / Bug %s\n%s\nIssue Type: Bug\nAssignee: %s\nCreated: %s\n"
                 "Priority: %s\nReporter: %s\n"
                 % (key, summary, rep.n(), project, key, summary, asg.n(), jira_ts(r), r.c(["Blocker", "Major"]),
                    rep.n()))


def mention(r, s):
    return r.c(["[~%s]" % D(s.handle, "person_name"), "@%s" % D(s.name, "person_name"),
                "@%s" % D(s.handle, "person_name")])


def seg(name, fields):
    n = max(fields) if fields else 0
    return name + "|" + "|".join(fields.get(i, "") for i in range(1, n + 1))


def msh(r, typ, t=None, ver="2.5.1", send="EPIC", recv=None):
    t = t or r.dtime()
    ctl = r.c(["%d" % r.i(10 ** 7, 10 ** 9), "MSG%08d" % r.i(0, 10 ** 8), "%s%s" % (r.fac_code, r.digits(10))])
    recv = recv or r.c(["LABSYS", "MIRTH", "RHAPSODY", "CLOVERLEAF", "DWH"])
    return "MSH|^~\\&|%s|%s|%s|%s|%s||%s|%s|P|%s" % (
        send, D(r.fac_code, "facility"), recv, D(r.c(["REFLAB", "HIE", "BILLING", "REGISTRY"]), "facility"),
        D(hl7ts(t), "date"), typ, D(ctl, "internal_id"), ver)


def xtn(r, ph, style=None, use="PRN", email=None):
    style = style or r.c(["fmt", "split", "both"])
    if email:
        return "^NET^Internet^%s" % P(email, "email")
    if style == "fmt":
        return "%s^%s^PH" % (P(ph.fmt(r.c(["paren_tight", "paren", "dash"])), "phone"), use)
    if style == "split":
        return "^%s^PH^^1^%s^%s" % (use, P(ph.area, "phone"), P(ph.local, "phone"))
    return "%s^%s^PH^^^%s^%s" % (P(ph.fmt("paren_tight"), "phone"), use, P(ph.area, "phone"), P(ph.local, "phone"))


def staff_xcn(r, s, npi=None):
    return "%s^%s^^^^%s" % (D(npi or s.npi, "other_id"), D("%s^%s" % (s.family.upper(), s.given.upper()), "person_name"),
                            r.c(["MD", "DO", "NP", "PA-C"]))


def pid_seg(r, p, upper=True, ssn=True, dl=False, phone_style=None, email=False, mother=None, acct=True,
            work_phone=False, lang=True, alias=None, death=None):
    f = {1: "1", 3: "%s^^^%s^MR" % (P(p.mrn, "mrn"), D(r.fac_code, "facility")),
         5: P(p.person.hl7(upper), "person_name"), 7: P(fd(p.dob, "hl7"), "date"), 8: p.sex,
         10: r.c(["2106-3^White^CDCREC", "2028-9^Asian^CDCREC", "2054-5^Black or African American^CDCREC",
                  "1002-5^American Indian or Alaska Native^CDCREC", "2131-1^Other Race^CDCREC"]),
         11: p.addr.hl7() + "^H",
         13: xtn(r, p.phone, phone_style)}
    if email:
        f[13] += "~" + xtn(r, None, email=p.email)
    if mother:
        f[6] = P(mother.upper() if upper else mother, "person_name")
    if alias:
        f[9] = P(alias, "person_name")
    if work_phone:
        f[14] = xtn(r, p.phone2, "fmt", use="WPN")
    if lang:
        f[15] = r.c(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "POL^Polish", "ARA^Arabic", "KOR^Korean"])
    f[16] = r.c(["M", "S", "W", "D"])
    if acct:
        f[18] = "%s^^^%s^AN" % (P(p.account, "account_number"), D(r.fac_code, "facility"))
    if ssn:
        f[19] = P(p.ssn, "ssn")
    if dl:
        f[20] = "%s^%s" % (P(r.license(), "license_number"), D(p.addr.state, "state"))
    if death:
        f[29] = P(hl7ts(death, False), "date")
        f[30] = "Y"
    return seg("PID", f)


def pv1_seg(r, p, att, cls="I", dis=True, visit=True):
    f = {1: "1", 2: cls, 3: D(r.c(["4W^412^B", "ICU^07^A", "ED^H12^01", "5N^528^2", "MED^310^1"]), "internal_id"),
         4: r.c(["E", "R", "U"]), 7: staff_xcn(r, att), 10: r.c(["MED", "SUR", "CAR", "ONC"]),
         44: P(hl7ts(dt.datetime.combine(p.admit, dt.time(r.i(0, 23), r.i(0, 59))), False), "date")}
    if visit:
        f[19] = P(p.visit, "account_number")
    if dis:
        f[45] = P(hl7ts(dt.datetime.combine(p.discharge, dt.time(r.i(8, 20), r.i(0, 59))), False), "date")
    return seg("PV1", f)


REL_WORDS = {"F": [("DAU", "Daughter", "daughter"), ("SIS", "Sister", "sister"), ("SPO", "Spouse", "wife"),
                   ("NIE", "Niece", "niece"), ("GCH", "Grandchild", "granddaughter")],
             "M": [("SON", "Son", "son"), ("BRO", "Brother", "brother"), ("SPO", "Spouse", "husband"),
                   ("NEP", "Nephew", "nephew"), ("GCH", "Grandchild", "grandson")]}


def relw(r, rel):
    """(HL7 code, HL7 text, prose word) for a relative of the given sex"""
    return r.c(REL_WORDS[rel.sex])


def nk1_seg(r, n, rel, code=None, addr=True):
    if code is None:
        c = relw(r, rel)
        code = "%s^%s^HL70063" % (c[0], c[1])
    f = {1: str(n), 2: P(rel.hl7(), "person_name"), 3: code, 5: xtn(r, r.phone(), "fmt")}
    if addr:
        f[4] = r.address("street").hl7()
    return seg("NK1", f)


def in1_seg(r, p, insured=None, rel_code="01^Self"):
    payer, pphone = r.c(PAYERS)
    ins = insured or p.person
    f = {1: "1", 2: r.c(["BHP-PPO", "KMI-HMO", "MCR-B", "MCD-STAR"]), 3: str(r.i(10000, 99999)),
         4: payer.upper(), 5: "PO BOX %d^^%s^%s^%s" % (r.i(1000, 99999), r.c(["SALT LAKE CITY", "SCRANTON", "DALLAS"]),
                                                      r.c(["UT", "PA", "TX"]), r.digits(5)),
         7: pphone, 8: D("GRP" + r.digits(6), "other_id"),
         12: D(fd(dt.date(TODAY.year, 1, 1), "hl7"), "date"), 13: D(fd(dt.date(TODAY.year, 12, 31), "hl7"), "date"),
         16: P(ins.hl7(), "person_name"), 17: rel_code, 36: P(p.member, "health_plan_id")}
    if insured is None:
        f[18] = P(fd(p.dob, "hl7"), "date")
    return seg("IN1", f)


# --------------------------------------------------------------------------------------------
# family: jira_hl7
# --------------------------------------------------------------------------------------------
def logline(r, level, logger, msg, d=None):
    t = r.dtime(d)
    return "%s,%03d %-5s [%s] %s - %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), r.i(0, 999), level,
                                          r.c(["pool-4-thread-2", "main", "mllp-rx-7", "qtp118-31", "kafka-consumer-3"]),
                                          logger, msg)


@tpl("jira_hl7", True)
def jh_adt_pd1_gt1_wiki(r):
    p = r.patient()
    rep, asg, pcp, att, third = r.staff(), r.staff(), r.staff(), r.staff(), r.staff()
    guar = r.relative(p.person)
    gaddr = r.address()
    key, head = jira_head(r, "INTF", "ADT^A08 rejected downstream: GT1-5 has extra components", rep, asg, "hl7, adt")
    gt1 = seg("GT1", {1: "1", 2: P(r.c(["G", "GT"]) + r.digits(7), "account_number"), 3: P(guar.hl7(), "person_name"),
                      5: gaddr.hl7() + "^^^^^EXTRA", 6: xtn(r, r.phone(), "split"), 8: P(fd(r.dob(30, 80), "hl7"), "date"),
                      9: guar.sex, 11: "%s^%s" % relw(r, guar)[:2], 12: P(r.ssn(), "ssn")})
    msg = "\n".join([
        msh(r, "ADT^A08^ADT_A01"), "EVN|A08|%s" % D(hl7ts(r.dtime()), "date"),
        pid_seg(r, p, ssn=True, phone_style="split"),
        seg("PD1", {3: D(r.c(FACILITIES)[0].upper(), "facility") + "^^" + str(r.i(1000, 9999)),
                    4: staff_xcn(r, pcp), 12: "N"}),
        nk1_seg(r, 1, r.relative(p.person)),
        pv1_seg(r, p, att, "O", dis=False), gt1, in1_seg(r, p)])
    ctl = re.search("\x02internal_id\x02([^\x03]*)", msg).group(1)
    return (head + "\nDescription\nSince the %s upgrade the lab router rejects A08 updates where the guarantor address carries "
            "trailing components. Example from prod (copied from Mirth, do not paste more of these):\n\n"
            "{code:title=inbound_a08.hl7}\n%s\n{code}\n\nRouter log:\n{noformat}\n%s\n%s\n{noformat}\n\n"
            "Expected: GT1-5 truncated to 6 components. %s can you check the XAD mapping in the GT1 transformer? "
            "%s FYI, same thing happened in INTF-%d.\n\nComments\n%s: reproduced in TST with build 4.18.%d. Fix is one line.\n"
            % (r.c(["Epic Nov '26", "Cerner 2026.3", "Rhapsody 7.2"]), msg,
               logline(r, "WARN", "c.a.i.route.LabRouter", "GT1-5 component count 11 > 6, msgId=%s" % D(ctl, "internal_id")),
               logline(r, "ERROR", "c.a.i.route.LabRouter", "NAK sent (AE) for msgId=%s" % D(ctl, "internal_id")),
               mention(r, asg), mention(r, third), r.i(100, 999), third.n(), r.i(100, 999)))


@tpl("jira_hl7", True)
def jh_mrg_a40_merge(r):
    p = r.patient()
    rep, asg, att = r.staff(), r.staff(), r.staff()
    old_mrn, old_acct = r.mrn(), r.account()
    maiden = r.person(p.person.culture, sex="F")
    prior_name = Person(p.person.given, maiden.family, p.sex, p.person.culture) if p.sex == "F" else r.person(p.person.culture, "M")
    key, head = jira_head(r, "EMPI", "A40 merge leaves encounters on the non-surviving MRN", rep, asg, "merge, a40",
                          "EMPI / Merge")
    msg = "\n".join([msh(r, "ADT^A40^ADT_A39"), "EVN|A40|%s|||%s" % (D(hl7ts(r.dtime()), "date"), D(asg.handle.upper(), "person_name")),
                     pid_seg(r, p, ssn=r.rng.random() < 0.5, dl=True),
                     seg("MRG", {1: "%s^^^%s^MR" % (P(old_mrn, "mrn"), D(r.fac_code, "facility")),
                                 3: P(old_acct, "account_number"), 7: P(prior_name.hl7(), "person_name")}),
                     pv1_seg(r, p, att, "I", dis=False)])
    return (head + "\nAfter HIM merged the duplicate chart the old encounters stayed on the non-surviving record.\n\n"
            "|| ||MRN||Account||\n|surviving|%s|%s|\n|non-surviving|%s|%s|\n\n"
            "Message as received by the EMPI:\n{code}\n%s\n{code}\n\nThe merge job logged:\n"
            "{noformat}\n%s\n{noformat}\n%s please look at MergeService.reassignEncounters(), the lookup uses PID-3 "
            "but the encounters are keyed on PID-18.\n"
            % (P(p.mrn, "mrn"), P(p.account, "account_number"), P(old_mrn, "mrn"), P(old_acct, "account_number"), msg,
               logline(r, "INFO", "o.e.empi.MergeService", "merged 1 patient, moved 0 of %d encounters" % r.i(2, 9)),
               mention(r, asg)))


@tpl("jira_hl7", True)
def jh_json_log_escaped(r):
    p = r.patient()
    rep, asg, att = r.staff(), r.staff(), r.staff()
    key, head = jira_head(r, "HIE", "hl7-bridge drops A04 when PID-13 has a repeat", rep, asg, "datadog")
    code, desc = r.c(ICD10)
    msg = "\r".join([msh(r, "ADT^A04^ADT_A01", ver="2.3"), "EVN|A04|%s" % D(hl7ts(r.dtime()), "date"),
                     pid_seg(r, p, email=True, phone_style="fmt", ssn=False, acct=False),
                     nk1_seg(r, 1, r.relative(p.person), addr=False),
                     pv1_seg(r, p, att, "E", dis=False, visit=True),
                     seg("DG1", {1: "1", 2: "I10", 3: "%s^%s^I10" % (D(code, "diagnosis_code"), D(desc, "condition")),
                                 5: P(hl7ts(dt.datetime.combine(p.admit, dt.time(r.i(0, 23), 0)), False), "date"), 6: "W"})])
    t = r.dtime()
    line1 = jdump({"ts": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % r.i(0, 999), "level": "error",
                   "service": "hl7-bridge", "host": "hie-bridge-%02d" % r.i(1, 6), "trace_id": r.hexs(32),
                   "msg": "segment parse failure", "raw": msg, "error": "XTN repeat separator in PID-13"}, indent=None)
    line2 = jdump({"ts": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % r.i(0, 999), "level": "warn",
                   "service": "hl7-bridge", "msg": "message parked", "patient_mrn": P(p.mrn, "mrn"),
                   "peer": "%s:%d" % (r.server_ip(), r.i(30000, 60000)), "retry": 3}, indent=None)
    return (head + "\nDescription\nThe bridge logs this for every A04 that has both a phone and an email in PID-13. "
            "Two lines from Datadog (index hl7-prod):\n\n{noformat}\n%s\n%s\n{noformat}\n\n"
            "Suspect the `~` handling in XtnParser. %s this blocks the HIE feed for ED registrations.\n"
            % (line1, line2, mention(r, asg)))


@tpl("jira_hl7", True)
def jh_mirth_oru_nte(r):
    p = r.patient()
    rep, asg, ordp, tech = r.staff(), r.staff(), r.staff(), r.staff()
    rel = r.relative(p.person)
    relph = r.phone()
    obs = dt.datetime.combine(p.admit, dt.time(r.i(5, 11), r.i(0, 59)))
    chan = r.uuid()
    ordno = "ORD%s" % r.digits(7)
    labs = [("2160-0", "Creatinine", "%.1f" % (r.i(8, 60) / 10), "mg/dL", "0.6-1.2"),
            ("2823-3", "Potassium", "%.1f" % (r.i(30, 65) / 10), "mmol/L", "3.5-5.1"),
            ("718-7", "Hemoglobin", "%.1f" % (r.i(70, 160) / 10), "g/dL", "12.0-16.0")]
    obx = [seg("OBX", {1: str(i + 1), 2: "NM", 3: "%s^%s^LN" % (D(c, "procedure_code"), n), 5: v, 6: u, 7: rg,
                       8: r.c(["H", "L", "N", ""]), 11: "F", 14: P(hl7ts(obs, False), "date"),
                       16: D("%s^%s" % (tech.family.upper(), tech.given.upper()), "person_name")})
           for i, (c, n, v, u, rg) in enumerate(labs)]
    msg = "\n".join([msh(r, "ORU^R01^ORU_R01", send="SUNQUEST"), pid_seg(r, p, ssn=False, phone_style="both"),
                     seg("ORC", {1: "RE", 2: D(ordno, "other_id"), 12: staff_xcn(r, ordp)}),
                     seg("OBR", {1: "1", 2: D(ordno, "other_id"), 4: "%s^Basic metabolic panel^LN" % D("51990-0", "procedure_code"),
                                 7: P(hl7ts(obs, False), "date"), 16: staff_xcn(r, ordp)})] + obx +
                    ["NTE|1|L|Critical K called to %s (%s) at %s, read back OK" %
                     (P(rel.full, "person_name"), relw(r, rel)[2], P(relph.fmt("dash"), "phone"))])
    return (head_simple(r, "LAB", "Mirth channel LAB_ORU_IN errors on NTE with commas", rep, asg) +
            "\nMirth server log (mirth.log on %s):\n\n{code}\n[%s]  ERROR (com.mirth.connect.donkey.server.channel.Channel:%d): "
            "Error processing message in channel LAB_ORU_IN (%s)\ncom.mirth.connect.donkey.server.channel.ChannelException: "
            "Destination 'To Epic' failed: ER7 serializer\n[%s]  INFO  (transformer:0): raw message follows\n%s\n{code}\n\n"
            "Only fails when the NTE free text contains a comma followed by a digit. %s\n"
            % (r.server_ip(), r.dtime().strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % r.i(0, 999), r.i(100, 900), chan,
               r.dtime().strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % r.i(0, 999), msg, mention(r, asg)))


def head_simple(r, project, summary, rep, asg):
    key = "%s-%d" % (project, r.i(100, 9999))
    return ("h1. %s %s\n*Reporter:* %s  *Assignee:* %s  *Sprint:* %s %d\n"
            % (key, summary, rep.n(), asg.n(), r.c(["Integrations", "Falcon", "Lab-IF"]), r.i(40, 90)))


@tpl("jira_hl7", True)
def jh_kafka_sdoh_obx_xad(r):
    p = r.patient()
    rep, asg = r.staff(), r.staff()
    obs = dt.datetime.combine(p.admit, dt.time(r.i(8, 17), r.i(0, 59)))
    newaddr = r.address()
    newph = r.phone()
    obx = [seg("OBX", {1: "1", 2: "CWE", 3: "71802-3^Housing status^LN", 5: "LA31994-9^Worried about losing housing^LN",
                       11: "F", 14: P(hl7ts(obs), "date")}),
           seg("OBX", {1: "2", 2: "XAD", 3: "56799-0^Address^LN", 5: newaddr.hl7(), 11: "F", 14: P(hl7ts(obs), "date")}),
           seg("OBX", {1: "3", 2: "XTN", 3: "42077-8^Patient telephone^LN", 5: xtn(r, newph, "fmt"), 11: "F"}),
           seg("OBX", {1: "4", 2: "ST", 3: "93030-5^Has lacked transportation^LN", 5: "Yes", 11: "F"})]
    msg = "\\r".join([msh(r, "ORU^R01", send="SDOHSCREEN"),
                      pid_seg(r, p, ssn=False, acct=False, lang=False, phone_style="split"),
                      seg("OBR", {1: "1", 4: "%s^SDOH screening panel^LN" % D("93025-5", "procedure_code"),
                                  7: P(hl7ts(obs), "date")})] + obx)
    msg = msg.replace("^~\\&", "^~\\\\&")
    off = r.i(10 ** 6, 10 ** 7)
    rec = ("ConsumerRecord(topic='sdoh.screening.v2', partition=%d, offset=%d, timestamp=%d, timestamp_type=0, "
           "key=b'%s', value=b'%s', headers=[('traceparent', b'00-%s-%s-01')], checksum=None, "
           "serialized_key_size=%d, serialized_value_size=%d, serialized_header_size=-1)"
           % (r.i(0, 11), off, 1764400000000 + r.i(0, 10 ** 9), P(p.mrn, "mrn"), msg, r.hexs(32), r.hexs(16),
              len(p.mrn), r.i(900, 1600)))
    return (head_simple(r, "DATA", "sdoh consumer: OBX XAD values end up in the phone column", rep, asg) +
            "\nRepro with kafka-python in the notebook, record printed as-is:\n\n{noformat}\n>>> next(consumer)\n%s\n{noformat}\n\n"
            "The loader maps OBX by set id instead of OBX-3, so when the screening app sends the address first "
            "everything shifts. %s can you pair on this tomorrow?\n" % (rec, mention(r, asg)))


@tpl("jira_hl7", True)
def jh_field_table(r):
    p = r.patient(old=r.rng.random() < 0.5)
    rep, asg, att = r.staff(), r.staff(), r.staff()
    rel = r.relative(p.person)
    relph = r.phone()
    a = p.addr
    unit = "^" + P(a.unit, "street_address") if a.unit else "^"
    rows = [("PID", "3", "Patient Identifier List", "%s^^^%s^MR" % (P(p.mrn, "mrn"), D(r.fac_code, "facility")), "patient.mrn"),
            ("PID", "5", "Patient Name", P(p.person.hl7(), "person_name"), "patient.name"),
            ("PID", "7", "Date/Time of Birth", P(fd(p.dob, "hl7"), "date"), "patient.birth_date"),
            ("PID", "11", "Patient Address", "%s%s^%s^%s^%s" % (P(a.line1, "street_address"), unit, P(a.city, "street_address"),
                                                               D(a.state, "state"), P(a.zip, "zip_code")), "*address_line_2 empty*"),
            ("PID", "13", "Phone Number - Home", P(p.phone.fmt("paren_tight"), "phone"), "patient.phone_home"),
            ("PID", "19", "SSN Number", P(p.ssn, "ssn"), "patient.ssn (masked in UI)"),
            ("NK1", "2", "Name", P(rel.hl7(), "person_name"), "contact.name"),
            ("NK1", "5", "Phone Number", P(relph.fmt("paren_tight"), "phone"), "contact.phone"),
            ("PV1", "19", "Visit Number", P(p.visit, "account_number"), "encounter.csn"),
            ("PV1", "44", "Admit Date/Time", P(hl7ts(dt.datetime.combine(p.admit, dt.time(r.i(0, 23), r.i(0, 59))), False), "date"),
             "encounter.admit_ts"),
            ("IN1", "36", "Policy Number", P(p.member, "health_plan_id"), "coverage.member_id"),
            ("IN2", "6", "Medicare Health Ins Card Number", P(p.mbi, "medicare_mbi"), "*not mapped*")]
    table = "||Seg||Field||Name||Value in prod message||Target column||\n" + "\n".join(
        "|%s|%s-%s|%s|%s|%s|" % (s, s, n, nm, v, tgt) for s, n, nm, v, tgt in rows)
    return (jira_head(r, "INTF", "ADT^A31 field mapping: MBI never reaches coverage table", rep, asg, "mapping")[1] +
            "\nI pulled one A31 from the prod archive (%s, control id %s) and lined it up with the mapping sheet:\n\n%s\n\n"
            "IN2-6 is populated but the mapping has no target, so Medicare patients get billed as self-pay. "
            "%s owns the mapping sheet.\n" % (r.c(["Tuesday night", "last week", "the 2am batch"]),
                                              D("%d" % r.i(10 ** 7, 10 ** 9), "internal_id"), table, mention(r, att)))


@tpl("jira_hl7", True)
def jh_dg1_al1_in2_rol(r):
    p = r.patient(old=True)
    rep, asg, pcp, dx = r.staff(), r.staff(), r.staff(), r.staff()
    (c1, d1), (c2, d2) = r.sample(ICD10, 2)
    med = r.c(["Penicillin", "Sulfa drugs", "Codeine", "Lisinopril", "Iodinated contrast"])
    dgdate = hl7ts(dt.datetime.combine(p.admit, dt.time(r.i(0, 23), r.i(0, 59))), False)
    msg = "\n".join([
        msh(r, "ADT^A04^ADT_A01", ver="2.5"), "EVN|A04|%s" % D(hl7ts(r.dtime()), "date"),
        pid_seg(r, p, ssn=True, phone_style="fmt", acct=True),
        seg("ROL", {1: D(r.digits(6), "internal_id"), 2: "AD", 3: "PP^Primary Care Provider^HL70443", 4: staff_xcn(r, pcp)}),
        pv1_seg(r, p, dx, "O", dis=False),
        seg("DG1", {1: "1", 2: "I10", 3: "%s^%s^I10" % (D(c1, "diagnosis_code"), D(d1, "condition")), 5: P(dgdate, "date"),
                    6: "A", 16: staff_xcn(r, dx)}),
        seg("DG1", {1: "2", 2: "I10", 3: "%s^%s^I10" % (D(c2, "diagnosis_code"), D(d2, "condition")), 6: "W"}),
        seg("AL1", {1: "1", 2: "DA", 3: "^%s" % D(med, "medication"), 4: r.c(["SV", "MO", "MI"]),
                    5: D(r.c(["Hives", "Anaphylaxis", "Rash", "Angioedema"]), "condition")}),
        in1_seg(r, p),
        seg("IN2", {2: P(p.ssn, "ssn"), 6: P(p.mbi, "medicare_mbi"), 8: P(r.medicaid_id(), "health_plan_id")})])
    return (jira_head(r, "REG", "Registration A04: second DG1 dropped, AL1 reaction lost", rep, asg, "hl7, dg1")[1] +
            "\nPatient is %s y/o, dual eligible, so both IN1 and IN2 are present. The interface keeps DG1|1 only and the AL1-5 "
            "reaction is blank in the allergy table.\n\n{code:language=none}\n%s\n{code}\n\nSteps: replay the message through "
            "TST channel 12, query allergies. %s %s\n" % (P(str(p.age), "age_over_89"), msg, mention(r, asg), mention(r, rep)))


@tpl("jira_hl7", True)
def jh_siu_dst_shift(r):
    p = r.patient()
    rep, asg, prov = r.staff(), r.staff(), r.staff()
    appt = TODAY + dt.timedelta(days=r.i(2, 20))
    start = dt.datetime.combine(appt, dt.time(r.i(8, 16), r.c([0, 15, 30, 45])))
    appt_id = r.digits(8)
    msg = "\n".join([
        msh(r, "SIU^S12^SIU_S12", send="CADENCE"),
        seg("SCH", {1: D(appt_id, "internal_id"), 2: D(r.digits(8), "internal_id"), 6: "NEW^New appointment",
                    7: "FU^Follow up", 9: "30", 10: "MIN", 11: "^^30^%s^%s" % (P(hl7ts(start, False), "date"),
                                                                           P(hl7ts(start + dt.timedelta(minutes=30), False), "date")),
                    16: D("%s^%s" % (prov.family.upper(), prov.given.upper()), "person_name"), 25: "Booked"}),
        pid_seg(r, p, ssn=False, acct=False, phone_style="fmt", email=True),
        "RGS|1|A",
        seg("AIS", {1: "1", 2: "A", 3: "%s^Office visit, established^CPT" % D("99214", "procedure_code"),
                    4: P(hl7ts(start, False), "date")}),
        seg("AIP", {1: "1", 2: "A", 3: staff_xcn(r, prov), 4: "ATT"}),
        seg("AIL", {1: "1", 2: "A", 3: D(r.fac, "facility")})])
    return (jira_head(r, "SCHED", "SIU times one hour early after DST change", rep, asg, "siu, timezone", "Scheduling")[1] +
            "\nThe reminder texts say the wrong time. %s called the clinic: the appointment on %s at %s shows an hour "
            "earlier in the reminder app.\n\n{code}\n%s\n{code}\n\nSCH-11 has no offset, the consumer assumes UTC. "
            "%s please add TZ from MSH-7 or the site config.\n"
            % (P(p.person.full, "person_name"), P(fd(appt, "mon_us").rsplit(",", 1)[0], "date"),
               start.strftime("%I:%M %p").lstrip("0"), msg, mention(r, asg)))


@tpl("jira_hl7", True)
def jh_vxu_registry_reject(r):
    p = r.patient(old=False)
    p.dob = TODAY - dt.timedelta(days=r.i(60, 700))
    mom = r.relative(p.person, sex="F")
    rep, asg, nurse = r.staff(), r.staff(), r.staff()
    given = dt.datetime.combine(r.recent(15), dt.time(r.i(8, 17), r.i(0, 59)))
    vac = r.c([("08", "Hep B, adolescent or pediatric"), ("20", "DTaP"), ("10", "IPV"), ("133", "PCV13"), ("116", "Rotavirus, pentavalent")])
    msg = "\n".join([
        msh(r, "VXU^V04^VXU_V04", send="PEDSEHR", recv="IIS"),
        pid_seg(r, p, ssn=False, acct=False, mother=r.person(p.person.culture, "F").family, phone_style="split"),
        seg("PD1", {11: "02^Reminder/Recall - any method^HL70215", 12: "N", 16: "A"}),
        seg("NK1", {1: "1", 2: P(mom.hl7(), "person_name"), 3: "MTH^Mother^HL70063", 5: xtn(r, r.phone(), "split")}),
        seg("ORC", {1: "RE", 3: D(r.digits(9), "other_id"), 10: D("%s^%s" % (nurse.family.upper(), nurse.given.upper()), "person_name")}),
        seg("RXA", {1: "0", 2: "1", 3: P(hl7ts(given, False), "date"), 4: P(hl7ts(given, False), "date"),
                    5: "%s^%s^CVX" % (vac[0], D(vac[1], "medication")), 6: "0.5", 7: "mL^mL^UCUM",
                    10: D("%s^%s" % (nurse.family.upper(), nurse.given.upper()), "person_name"),
                    15: D(r.alnum(7), "internal_id"), 16: fd(TODAY + dt.timedelta(days=300), "hl7"), 17: "SKB^GlaxoSmithKline^MVX"}),
        "RXR|C28161^Intramuscular^NCIT|RT^Right thigh^HL70163",
        seg("OBX", {1: "1", 2: "CE", 3: "64994-7^Vaccine funding program eligibility category^LN", 4: "1",
                    5: "V02^VFC eligible - Medicaid/Medicaid Managed Care^HL70064", 11: "F", 14: P(hl7ts(given, False), "date"),
                    17: "VXC40^Eligibility captured at the immunization level^CDCPHINVS"})])
    ack = "MSA|AE|%s\nERR||PID^1^6|101^Required field missing^HL70357|E|||Mother's maiden name must be last name only" % D(
        "%d" % r.i(10 ** 7, 10 ** 9), "internal_id")
    return (head_simple(r, "IMM", "State IIS rejects VXU: PID-6 format", rep, asg) +
            "\nRegistry returns AE for every dose given in the peds clinic since Monday. Outbound:\n{code}\n%s\n{code}\n"
            "ACK back from the IIS:\n{code}\n%s\n{code}\n%s we should send PID-6 as XPN with only the family component.\n"
            % (msg, ack, mention(r, asg)))


@tpl("jira_hl7", True)
def jh_hapi_validation_trace(r):
    p = r.patient()
    rep, asg = r.staff(), r.staff()
    bad = fd(p.dob, "us")
    segtxt = pid_seg(r, p, ssn=r.rng.random() < 0.5, phone_style="fmt", acct=True).replace(P(fd(p.dob, "hl7"), "date"),
                                                                                          P(bad, "date"))
    frames = "\n".join("\tat %s" % f for f in r.sample([
        "ca.uhn.hl7v2.validation.impl.ValidationContextImpl.checkPrimitive(ValidationContextImpl.java:118)",
        "ca.uhn.hl7v2.model.AbstractPrimitive.setValue(AbstractPrimitive.java:102)",
        "ca.uhn.hl7v2.parser.PipeParser.parse(PipeParser.java:596)",
        "ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:287)",
        "org.acme.intake.AdtListener.onMessage(AdtListener.java:64)",
        "ca.uhn.hl7v2.protocol.impl.ProcessorImpl.cycle(ProcessorImpl.java:301)",
        "java.base/java.lang.Thread.run(Thread.java:1583)"], 6))
    return (jira_head(r, "INTAKE", "HAPI rejects PID-7 sent as MM/DD/YYYY by referral portal", rep, asg, "hapi")[1] +
            "\nStack trace from intake-svc %s (build %d):\n{noformat}\n%s ERROR AdtListener - parse failed\n"
            "ca.uhn.hl7v2.model.DataTypeException: ca.uhn.hl7v2.validation.ValidationException: Validation failed: "
            "Primitive value '%s' requires to be empty or a HL7 datetime string at PID-7(0)\n%s\n{noformat}\n\n"
            "Offending segment:\n{noformat}\n%s\n{noformat}\nThe portal team says they will not change, so we normalise. "
            "%s\n" % ("1.%d.%d" % (r.i(2, 9), r.i(0, 30)), r.i(1000, 9999), r.dtime().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3],
                      P(bad, "date"), frames, segtxt, mention(r, asg)))


@tpl("jira_hl7", False)
def jh_clean_spec_placeholders(r):
    rep, asg = r.staff(), r.staff()
    return (jira_head(r, "INTF", "Spec sample A01 fails our own validator (trailing pipe)", rep, asg, "docs")[1] +
            "\nThe sample in the interface spec v3.%d (section 4.2) is a template, not a real patient, but our validator "
            "rejects it. Copy of the sample as published:\n\n{code}\nMSH|^~\\&|EPIC|%s|LABSYS|REFLAB|<YYYYMMDDHHMMSS>||ADT^A01^ADT_A01|<CONTROL_ID>|T|2.5.1|\n"
            "EVN|A01|<YYYYMMDDHHMMSS>|\nPID|1||<MRN>^^^%s^MR||{{patient_family}}^{{patient_given}}||<DOB>|U|||"
            "<STREET>^^<CITY>^MA^00000^USA||555-0100^PRN^PH|||||<ACCOUNT>|123-45-6789|\n"
            "NK1|1|DOE^JANE|MTH^Mother|^^^^00000|555-0199|\nPV1|1|I|<UNIT>^<ROOM>^<BED>||||%s^%s^^^^MD|\n{code}\n\n"
            "Notes:\n* DOE^JOHN / DOE^JANE and 123-45-6789 are the documented test values from the spec appendix.\n"
            "* The attending in the sample is the NPI test value 1234567893.\n* Processing id T = test.\n\n"
            "%s I think the validator should accept the trailing field separator. Spec owner: %s.\n"
            % (r.i(1, 9), D(r.fac_code, "facility"), D(r.fac_code, "facility"), "1234567893",
               D("%s^%s" % (asg.family.upper(), asg.given.upper()), "person_name"), mention(r, asg), rep.n()))


@tpl("jira_hl7", False)
def jh_clean_mllp_ack_timeouts(r):
    rep, asg, third = r.staff(), r.staff(), r.staff()
    ip1, ip2 = r.server_ip(), r.server_ip()
    lines = []
    for k in range(4):
        lines.append(logline(r, r.c(["INFO", "WARN"]), "o.a.mllp.MllpServer",
                             "conn %s:%d -> %s:%d ACK wait %d ms (timeout %d)" % (ip1, r.i(40000, 60000), ip2, r.c([2575, 6661, 7001]),
                                                                                  r.i(900, 15000), 10000)))
    ack = "\n".join(["%s\nMSA|AA|%s" % (msh(r, "ACK^A01^ACK", send="LABSYS"), D("MSG%08d" % r.i(0, 10 ** 8), "internal_id"))
                     for _ in range(2)])
    return (jira_head(r, "OPS", "MLLP listener: ACKs arrive after the 10s timeout under load", rep, asg, "mllp, perf", "Platform")[1] +
            "\nDuring the %s batch window the listener on %s:%d times out waiting for ACKs and resends, producing duplicates.\n\n"
            "{noformat}\n%s\n{noformat}\n\nACKs seen on the wire (no PID in ACKs, safe to paste):\n{code}\n%s\n{code}\n\n"
            "Build %d.%d.%d, JVM 21.0.%d, heap 2g. %s suggested raising the timeout to 30s; %s prefers fixing the thread pool. "
            "Trace id %s.\n" % (r.c(["02:00", "23:30", "05:15"]), ip2, r.c([2575, 6661]), "\n".join(lines), ack,
                                r.i(3, 6), r.i(0, 40), r.i(100, 9999), r.i(1, 9), mention(r, third), asg.n(), r.uuid()))


# --------------------------------------------------------------------------------------------
# family: confluence_table
# --------------------------------------------------------------------------------------------
def title(r, p):
    return "Mr." if p.sex == "M" else r.c(["Mrs.", "Ms."])


def pron(p):
    return "he" if p.sex == "M" else "she"


def poss(p):
    return "his" if p.sex == "M" else "her"


def AGE(p, s=None):
    s = s if s is not None else str(p.age)
    return P(s, "age_over_89") if p.age >= 90 else s


def conf_head(r, space, title, author, editor=None):
    d = r.recent(30)
    return ("%s / %s\n%s\nCreated by %s, last modified%s on %s\n\n"
            % (space, r.c(["Clinical Ops", "Nursing", "Care Management", "Quality"]), title, author.n(),
               (" by %s" % editor.n()) if editor else "", fd(d, "mon_us")))


def cond(r):
    c, d = r.c(ICD10)
    return D(d, "condition")


@tpl("confluence_table", True)
def ct_wiki_huddle_board(r):
    a, e = r.staff(), r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        att = r.staff()
        rows.append("|%s|%s|%s|%s|%s|%s|%s|" % (
            D("%d%s" % (r.i(401, 440), r.c("AB")), "internal_id"), P(p.person.formal, "person_name"),
            P(fd(p.dob, r.c(["us", "dmy_mon_short", "iso"])), "date"), P(p.mrn, "mrn"), AGE(p),
            D("Dr. " + att.family, "person_name"), cond(r) + r.c(["", ", fall risk", ", NPO after midnight", ", isolation"])))
    return (conf_head(r, "4WEST", "4 West safety huddle board (%s)" % fd(TODAY - dt.timedelta(days=r.i(1, 9)), "iso"), a, e) +
            "h2. Census\n||Bed||Patient||DOB||MRN||Age||Attending||Notes||\n" + "\n".join(rows) +
            "\n\nh2. Staffing\nCharge RN: %s (%s)\n{info}Move this page to the restricted space after huddle.{info}\n"
            % (e.n(), D(e.ext, "staff_contact")))


@tpl("confluence_table", True)
def ct_storage_xhtml_callback(r):
    a = r.staff()
    owner = r.staff()
    rows = []
    for k in range(r.i(2, 4)):
        p = r.patient()
        rows.append("<tr><td><p>%s</p></td><td><p>%s</p></td><td><p>%s</p></td><td><p>%s</p></td><td><p>%s</p></td></tr>" % (
            P(mapm(p.person.full, xesc), "person_name"), P(fd(p.dob, "us"), "date"),
            P(p.phone.fmt(r.c(["paren", "dot", "one_dash", "intl"])), "phone"),
            mapm(p.addr.prose(), xesc), r.c(["left VM", "no answer", "call back after 3pm", "wrong number?"])))
    return ('<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Callback list for abnormal results, owner '
            '<ac:link><ri:user ri:userkey="%s" /></ac:link> (%s)</p></ac:rich-text-body></ac:structured-macro>\n'
            '<table class="wrapped relative-table"><colgroup><col /><col /><col /><col /><col /></colgroup><tbody>\n'
            "<tr><th><p>Patient</p></th><th><p>DOB</p></th><th><p>Phone</p></th><th><p>Address</p></th><th><p>Status</p></th></tr>\n"
            "%s\n</tbody></table>\n<p>Last edited by %s</p>\n"
            % (r.hexs(32), owner.n(), "\n".join(rows), a.n()))


@tpl("confluence_table", True)
def ct_markdown_wound_rounds(r):
    a = r.staff()
    wn = r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient(old=r.rng.random() < 0.5)
        stage = r.c(["stage 2 sacral", "stage 3 heel", "unstageable coccyx", "DTI left heel"])
        rows.append("| %s | %s | %s | %s | %s | %s |" % (
            P(p.person.full, "person_name"), AGE(p, "%d y" % p.age) if p.age < 90 else P(str(p.age), "age_over_89") + " y",
            P(p.addr.street(), "street_address") + ", " + P(p.addr.city, "street_address"),
            D(stage + " pressure injury", "condition"), P(fd(p.admit, "mon_us"), "date"), D(wn.name, "person_name")))
    return ("# Home health wound rounds\n\n_Exported from Confluence Cloud by %s_\n\n"
            "| Patient | Age | Address | Wound | Start of care | WOC nurse |\n|---|---|---|---|---|---|\n%s\n\n"
            "> Photos are in the EHR media tab, do not attach them here.\n" % (a.n(), "\n".join(rows)))


@tpl("confluence_table", True)
def ct_excel_tsv_merged_header(r):
    a = r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        prov = r.staff()
        rows.append("\t".join([P(p.person.family, "person_name"), P(p.person.given, "person_name"),
                               P(fd(p.dob, r.c(["us_nopad", "dots_us", "ymd_slash"])), "date"),
                               P(p.phone.fmt(r.c(["dash", "plain", "space"])), "phone"), P(p.email, "email"),
                               P(fd(p.discharge, "us_nopad"), "date"), D(prov.name, "person_name"),
                               r.c(["Y", "N", ""])]))
    return (conf_head(r, "CM", "Post-discharge call list (paste from Excel)", a) +
            "Pasted from the shared workbook, tab 'Week %d':\n\n"
            "Patient\t\t\tContact\t\tDischarge\t\t\n"
            "Last\tFirst\tDOB\tPhone\tEmail\tDate\tPCP\tReached?\n%s\n\n"
            "(merged cells came across as blank columns, sorry)\n" % (r.i(40, 52), "\n".join(rows)))


@tpl("confluence_table", True)
def ct_panel_bed_cards(r):
    a = r.staff()
    out = []
    for k in range(r.i(2, 3)):
        p = r.patient(old=r.rng.random() < 0.6)
        nok = r.relative(p.person)
        nokph = r.phone()
        out.append("{panel:title=Room %d%s|borderStyle=dashed}\n*Name:* %s %s\n*DOB:* %s (age %s)\n*MRN:* %s\n"
                   "*Dx:* %s\n*NOK:* %s (%s) %s\n*Code status:* %s\n{panel}"
                   % (r.i(201, 260), r.c("AB"), D(title(r, p), "title"),
                      P(p.person.full, "person_name"), P(fd(p.dob, "ordinal"), "date"), AGE(p), P(p.mrn, "mrn"),
                      cond(r), P(nok.full, "person_name"), relw(r, nok)[2],
                      P(nokph.fmt(r.c(["slash", "paren", "dot"])), "phone"), r.c(["DNR/DNI", "Full code", "DNR, OK to intubate"])))
    return conf_head(r, "PCU", "Palliative care unit: bed cards", a) + "\n\n".join(out) + "\n"


@tpl("confluence_table", True)
def ct_home_visit_route(r):
    a, rn = r.staff(), r.staff()
    rows = []
    kinds = r.sample(["pobox", "rr", "unitfirst", "hc", "grid", "fraction", "street"], 4)
    for k, kind in enumerate(kinds):
        p = r.patient(addr_kind=kind)
        ad = p.addr
        rows.append("|%d|%s|%s|%s %s %s|%s|%s|" % (
            k + 1, P(p.person.formal, "person_name"), P(ad.street(), "street_address"), P(ad.city, "street_address"),
            D(ad.state, "state"), P(ad.zip, "zip_code"),
            P(p.phone.fmt(r.c(Phone.STYLES)), "phone"),
            r.c(["dog in yard", "ring twice", "use side door", "call 30 min ahead", "no cell signal past the bridge"])))
    return (conf_head(r, "HH", "Route sheet, %s" % r.c(["Thursday", "Monday", "Wednesday"]), a) +
            "Nurse: %s, cell %s\n\n||#||Patient||Street / box||City State ZIP||Phone||Access notes||\n%s\n"
            % (rn.n(), D(rn.work.fmt("dash"), "staff_contact"), "\n".join(rows)))


@tpl("confluence_table", True)
def ct_mortality_review(r):
    a = r.staff()
    rows = []
    for k in range(r.i(2, 4)):
        p = r.patient(old=r.rng.random() < 0.7)
        dod = r.recent(60)
        p.age = age_on(p.dob, dod)
        rows.append("|%s|%s|%s|%s|%s|%s|%s|" % (
            P(p.person.full, "person_name"), AGE(p), P(p.mrn, "mrn"), P(fd(dod, r.c(["iso", "us", "long_us"])), "date"),
            cond(r), P("ME-%d-%05d" % (dod.year, r.i(1, 9999)), "other_id"), r.c(["expected", "unexpected", "peer review"])))
    return (conf_head(r, "QUAL", "M&M review list, Q%d" % r.i(1, 4), a) +
            "||Patient||Age||MRN||Date of death||Primary cause||ME case #||Category||\n%s\n\n"
            "Reviewers: %s, %s. Meeting room 3B.\n" % ("\n".join(rows), r.staff().n(), r.staff().n()))


@tpl("confluence_table", True)
def ct_transplant_status_macros(r):
    a = r.staff()
    rows = []
    for k in range(r.i(3, 4)):
        p = r.patient(old=False)
        listed = r.recent(900)
        rows.append("|%s|%s|%s|%s|%s|{status:colour=%s|title=%s}|" % (
            P(p.person.hl7(upper=False, middle=False).replace("^", ", "), "person_name"), P(p.mrn, "mrn"),
            P(r.c(["A", "B", "C", "D", "E"]) + r.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + r.digits(3), "other_id"),
            r.c(["O+", "A-", "B+", "AB+", "O-"]), P(fd(listed, "eu_slash"), "date"),
            r.c(["Green", "Yellow", "Red"]), r.c(["ACTIVE", "ON HOLD", "WORKUP"])))
    return (conf_head(r, "TXP", "Kidney waitlist tracker", a) +
            "{toc}\nh3. Active and pending\n||Name||MRN||UNOS ID||ABO||Listed||Status||\n%s\n\nCoordinator on call: %s\n"
            % ("\n".join(rows), mention(r, r.staff())))


@tpl("confluence_table", True)
def ct_csv_macro_ed_boarding(r):
    a = r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        arr = r.dtime(r.recent(3))
        rows.append(",".join([csvq(P(p.person.formal, "person_name")), AGE(p), P(p.mrn, "mrn"),
                              P(arr.strftime("%m/%d/%Y %H:%M"), "date"), csvq(cond(r)),
                              D(r.c(["5N", "ICU", "Tele", "4W"]), "internal_id"), str(r.i(2, 40))]))
    return (conf_head(r, "ED", "Boarders over 12h", a) +
            "{csv:output=wiki|heading=1|sortColumn=7}\nname,age,mrn,arrived,complaint,bed_request,hours\n%s\n{csv}\n"
            % "\n".join(rows))


@tpl("confluence_table", True)
def ct_dialysis_chair_grid(r):
    a = r.staff()
    shifts = []
    for sh in ["MWF 05:30", "MWF 11:00", "TTS 06:00"]:
        cells = []
        for ch in range(1, r.i(3, 4)):
            p = r.patient()
            cells.append("Chair %d: %s (%s) tx ride %s" % (ch, P(p.person.full, "person_name"), P(p.mrn, "mrn"),
                                                           P(p.phone.fmt(r.c(["dash", "paren"])), "phone")))
        shifts.append("|%s|%s|" % (sh, " \\\\ ".join(cells)))
    return (conf_head(r, "DIAL", "%s chair assignments" % D(r.c(["Bayview Kidney Center", "Tri-County Dialysis"]), "facility"), a) +
            "||Shift||Chairs||\n%s\n\nTransport: %s. Escalate missed treatments to %s.\n"
            % ("\n".join(shifts), r.c(["Medicaid NEMT 1-877-831-2000", "MediRide (800) 642-8810"]), mention(r, r.staff())))


@tpl("confluence_table", False)
def ct_clean_staff_roster(r):
    a = r.staff()
    rows = []
    for k in range(r.i(5, 7)):
        s = r.staff()
        rows.append("|%s|%s|%s|%s|%s|" % (s.n(), r.c(["RN", "Charge RN", "NP", "MD", "Unit clerk", "PT"]),
                                          D(s.ext, "staff_contact"), D(s.email, "staff_contact"),
                                          r.c(["days", "nights", "weekends", "7a-7p"])))
    return (conf_head(r, "4WEST", "Unit contacts (staff only, no patient data on this page)", a) +
            "||Name||Role||Ext||Email||Shift||\n%s\n\nUnit main line %s, fax %s. Updated for the %s schedule.\n"
            % ("\n".join(rows), D(r.phone().fmt("paren"), "staff_contact"), D(r.phone().fmt("paren"), "staff_contact"),
               r.c(["winter", "holiday", "Q1"])))


@tpl("confluence_table", False)
def ct_clean_mapping_examples(r):
    a = r.staff()
    rows = [("patient.name", "PID-5", "XPN", "Jane Doe (example)"), ("patient.mrn", "PID-3.1", "CX", "<MRN>"),
            ("patient.birth_date", "PID-7", "DTM", "<YYYYMMDD>"), ("patient.ssn", "PID-19", "ST", "123-45-6789 (test value)"),
            ("patient.zip", "PID-11.5", "ST", "00000"), ("patient.phone", "PID-13", "XTN", "555-0134"),
            ("coverage.mbi", "IN2-6", "ST", "1EG4-TE5-MK73 (CMS example)"), ("provider.npi", "PV1-7.1", "XCN", "1234567893")]
    return (conf_head(r, "INTF", "ADT to warehouse mapping, v%d" % r.i(2, 9), a, r.staff()) +
            "All values in the Example column are placeholders or published test values.\n\n"
            "||Target column||HL7 field||Type||Example||\n" + "\n".join("|%s|%s|%s|%s|" % x for x in rows) +
            "\n\nOpen question for %s: should PD1-4 be mapped?\n" % mention(r, r.staff()))


# --------------------------------------------------------------------------------------------
# family: support_ticket
# --------------------------------------------------------------------------------------------
def sd_head(r, subject, agent, requester=None):
    style = r.i(0, 3)
    req = requester or r.staff()
    if style == 0:
        return ("Number: INC%07d\nCaller: %s\nAssignment group: %s\nAssigned to: %s\nState: %s\nShort description: %s\n"
                "Opened: %s\n\n" % (r.i(10 ** 5, 10 ** 7), req.n(), r.c(["EHR Access", "Patient Portal L2", "Revenue Cycle Apps"]),
                                    agent.n(), r.c(["In Progress", "New", "On Hold"]), subject, jira_ts(r)))
    if style == 1:
        return ("#%d %s\nRequester: %s  ·  Assignee: %s  ·  Channel: %s\nTags: %s\n\n"
                % (r.i(10000, 99999), subject, req.n(), agent.n(), r.c(["email", "web form", "phone"]),
                   r.c(["portal", "billing", "access", "urgent"])))
    if style == 2:
        return ("Ticket: HD-%d | Status: Open | Priority: %s\nSubject: %s\nRequested by %s on %s\nAgent: %s\n\n"
                % (r.i(1000, 99999), r.c(["Low", "Medium", "High"]), subject, req.n(), jira_ts(r), agent.n()))
    return ("SUP-%d  %s\nRaised by: %s   Request type: %s   Agent: %s\n\n"
            % (r.i(100, 9999), subject, req.n(), r.c(["Get IT help", "Report a system problem", "Access request"]), agent.n()))


def ev_date(r, style="us_short"):
    d = r.recent(20)
    return D(fd(d, style)[:5] if style == "us" else "%d/%d" % (d.month, d.day), "date")


@tpl("support_ticket", True)
def st_portal_lockout(r):
    p = r.patient()
    agent, fd_ = r.staff(), r.staff()
    url = "https://mychart.%s/MyChart/Authentication/Login?pid=%s&inv=%s" % (r.domain, p.mrn, r.alnum(12))
    return (sd_head(r, "Patient cannot log in to portal after password reset", agent, fd_) +
            "%s %s (DOB %s) called the front desk on %s. %s reset %s password twice and still gets 'account locked'. "
            "The activation link %s got by email was:\n%s\n\nEmail on file: %s\nBest callback: %s (cell), or %s\n\n"
            "Agent notes (%s): unlocked in Epic, but the portal still shows the old status. Escalating to L2.\n"
            % (D(title(r, p), "title"), P(p.person.full, "person_name"), P(fd(p.dob, r.c(DATE_STYLES_PROSE)), "date"),
               ev_date(r), pron(p).capitalize(), poss(p), pron(p), P(url, "url"), P(p.email, "email"),
               P(p.phone.fmt(r.c(Phone.STYLES)), "phone"), P(p.phone2.fmt(r.c(Phone.STYLES)), "phone"), agent.n()))


@tpl("support_ticket", True)
def st_sloppy_lowercase(r):
    p = r.patient(culture=r.c(["hispanic", "irish", "english_words", "polish", "filipino"]))
    agent = r.staff()
    a = p.addr
    return (sd_head(r, "pt cant see labs", agent) +
            "hi team pt %s dob %s cant see %s labs in the app since %s ph %s address %s %s pls fix asap "
            "pt really upset thx\n\n-- sent from front desk ipad\n\n%s: hi, which lab? the %s one or the older one\n"
            % (P(p.person.full.lower(), "person_name"), P(fd(p.dob, r.c(["us_short", "us_nopad"])), "date"), poss(p),
               D(r.c(["monday", "last wk", "tues"]), "date"),
               P(p.phone.fmt(r.c(["plain", "space", "dash"])), "phone"), P(a.street().lower(), "street_address"),
               P(a.city.lower(), "street_address"), agent.n(), D(r.c(["a1c", "cbc", "lipid"]), "procedure_code")))


@tpl("support_ticket", True)
def st_spanish_reminders(r):
    p = r.patient(culture=r.c(["hispanic", "portuguese", "filipino"]), old=r.rng.random() < 0.5)
    agent = r.staff()
    a = p.addr
    return (sd_head(r, "Paciente no recibe recordatorios por SMS", agent) +
            "Buenas tardes,\n\n%s %s, nacid%s el %s%s, no recibe los mensajes de recordatorio de sus citas. "
            "Nos llamó el %s desde el número %s, que es el mismo que tenemos registrado. Vive en %s, %s, %s %s.\n"
            "Número de expediente: %s. Por favor revisen si el número quedó marcado como 'opt-out'.\n\n"
            "Gracias,\n%s\nRecepción, %s\n"
            % ("La paciente" if p.sex == "F" else "El paciente", P(p.person.full, "person_name"), "a" if p.sex == "F" else "o",
               P(fd(p.dob, "es"), "date"), (" (tiene %s años)" % AGE(p)) if p.age >= 90 else "",
               D(fd(r.recent(10), "es").rsplit(" de ", 1)[0], "date"),
               P(p.phone.fmt(r.c(["paren", "dash", "dot"])), "phone"), P(a.street(), "street_address"),
               P(a.city, "street_address"), D(a.state, "state"), P(a.zip, "zip_code"), P(p.mrn, "mrn"),
               r.staff().n(), D(r.fac, "facility")))


@tpl("support_ticket", True)
def st_french_duplicate(r):
    p = r.patient(culture=r.c(["french", "east_african", "arabic", "hebrew"]), old=True, sex="F")
    agent = r.staff()
    a = p.addr
    return (sd_head(r, "Dossier patient en double", agent) +
            "Bonjour,\n\n%s %s (née le %s, %s ans) apparaît deux fois dans le portail : une fois avec le numéro de dossier %s "
            "et une fois avec %s. Son fils nous a appelés le %s.\nAdresse : %s\nTéléphone : %s\nCourriel : %s\n\n"
            "Merci de fusionner les deux dossiers.\n%s, %s\n"
            % ("Mme" if p.sex == "F" else "M.", P(p.person.full, "person_name"), P(fd(p.dob, "fr"), "date"),
               P(str(p.age), "age_over_89"), P(p.mrn, "mrn"), P(r.mrn(), "mrn"),
               D(fd(r.recent(10), "fr").rsplit(" ", 1)[0], "date"), a.prose(),
               P(p.phone.fmt(r.c(["intl", "space", "dot"])), "phone"), P(p.email, "email"), r.staff().n(),
               D(r.fac, "facility")))


@tpl("support_ticket", True)
def st_vietnamese_login(r):
    p = r.patient(culture="vietnamese", old=True)
    agent = r.staff()
    a = p.addr
    return (sd_head(r, "Bệnh nhân không đăng nhập được ứng dụng", agent) +
            "Chào anh chị,\n\nBệnh nhân %s, sinh ngày %s%s, không đăng nhập được vào ứng dụng từ %s. "
            "Số điện thoại: %s. Địa chỉ: %s, %s, %s %s. Mã hồ sơ (MRN): %s.\n"
            "Bệnh nhân nói tiếng Việt, cần thông dịch viên khi gọi lại.\n\nCảm ơn,\n%s\n"
            % (P(p.person.full, "person_name"), P(fd(p.dob, "vi"), "date"),
               (" (%s tuổi)" % P(str(p.age), "age_over_89")) if p.age >= 90 else "", D("thứ Hai", "date"),
               P(p.phone.fmt(r.c(["paren", "dash", "space"])), "phone"), P(a.street(), "street_address"),
               P(a.city, "street_address"), D(a.state, "state"), P(a.zip, "zip_code"), P(p.mrn, "mrn"), r.staff().n()))


@tpl("support_ticket", True)
def st_billing_card_dispute(r):
    p = r.patient()
    agent = r.staff()
    dos = r.recent(90)
    ssn4 = p.ssn[-4:]
    return (sd_head(r, "Double charge on payment plan, card number pasted in chat", agent) +
            "Guarantor %s says the %s payment was taken twice. Verified identity with DOB %s and last four of SSN %s.\n"
            "Account: %s\nDate of service: %s\nClaim: %s\n\nChat transcript excerpt:\n"
            "[%s] %s: i paid with %s exp %02d/%02d why is it charged again\n[%s] %s: Please do not share card numbers in chat. "
            "I have removed the duplicate payment.\n\nRefund to be issued in 5-7 business days. Statement dated %s.\n"
            % (P(p.person.full, "person_name"), r.c(["November", "monthly"]), P(fd(p.dob, "us"), "date"), D(ssn4, "ssn"),
               P(p.account, "account_number"), P(fd(dos, "us"), "date"), P(p.claim, "other_id"),
               r.dtime().strftime("%H:%M"), P(p.person.first, "person_name"),
               P(r.card(r.c(["space", "dash", "plain"])), "credit_card"), r.i(1, 12), r.i(27, 31),
               r.dtime().strftime("%H:%M"), agent.n(), D(fd(r.recent(30), "us"), "date")))


@tpl("support_ticket", True)
def st_device_serial_cgm(r):
    p = r.patient()
    agent = r.staff()
    sn = r.alnum(10)
    udi = "(01)%s(17)%s(10)%s(21)%s" % (r.digits(14), fd(TODAY + dt.timedelta(days=r.i(100, 600)), "hl7")[2:],
                                        r.alnum(6), r.serial())
    return (sd_head(r, "CGM readings not flowing into the chart", agent) +
            "Patient: %s\nDOB: %s\nPhone: %s\n\nDevice: %s, sensor serial %s\nUDI from the box: %s\n\n"
            "The readings stopped appearing in the flowsheet on %s. Pairing in the app looks fine. "
            "Endo (%s) needs the data for the visit on %s.\n"
            % (P(p.person.formal, "person_name"), P(fd(p.dob, r.c(["iso", "long_us", "mil"])), "date"),
               P(p.phone.fmt("paren"), "phone"), r.c(["Dexcom G7", "FreeStyle Libre 3", "Eversense E3", "Guardian 4"]),
               P(sn, "device_id"), P(udi, "device_id"), ev_date(r), D("Dr. " + r.staff().family, "person_name"),
               P(fd(TODAY + dt.timedelta(days=r.i(3, 30)), "mon_us"), "date")))


@tpl("support_ticket", True)
def st_records_request_relative(r):
    p = r.patient(old=True)
    req = r.relative(p.person, sex=r.c("FM"))
    agent = r.staff()
    ra = r.address(r.c(["unitfirst", "street", "pobox"]))
    rw = "daughter" if req.sex == "F" else "son"
    return (sd_head(r, "Records request from family member, POA attached", agent) +
            "Requester: %s (%s of the patient, healthcare POA)\nRequester ID: driver's license %s, state %s\n"
            "Requester address: %s\nRequester phone: %s  email: %s\n\nPatient: %s, %s years old, DOB %s, MRN %s\n"
            "Records wanted: all notes from the admission of %s to %s.\n\n%s: POA is scanned, ok to release after HIM review.\n"
            % (P(req.full, "person_name"), rw, P(r.license(), "license_number"), D(ra.state, "state"), ra.prose(),
               P(r.phone().fmt(r.c(Phone.STYLES)), "phone"), P(r.email_for(req), "email"), P(p.person.full, "person_name"),
               P(str(p.age), "age_over_89"), P(fd(p.dob, r.c(["ordinal", "long_eu", "dmy_mon_short"])), "date"),
               P(p.mrn, "mrn"), P(fd(p.admit, "us_nopad"), "date"), P(fd(p.discharge, "us_nopad"), "date"), agent.n()))


@tpl("support_ticket", True)
def st_ip_login_audit(r):
    p = r.patient()
    agent, sec = r.staff(), r.staff()
    ip = r.public_ip()
    srv = r.server_ip()
    return (sd_head(r, "Portal account: logins from two countries within an hour", agent) +
            "Security flagged portal user %s (%s, MRN %s).\n\n{noformat}\n%s auth-gw %s: login ok user=%s src=%s ua=\"Mozilla/5.0 (iPhone)\"\n"
            "%s auth-gw %s: login ok user=%s src=%s ua=\"curl/8.4.0\"\n{noformat}\n\n"
            "%s confirmed by phone (%s) that %s is %s home connection; the other address is a VPN exit node. "
            "Forced password reset. %s to review the rate limits.\n"
            % (P(p.email, "email"), P(p.person.full, "person_name"), P(p.mrn, "mrn"), r.dtime().isoformat(), srv,
               P(p.email, "email"), P(ip, "ip_address"), r.dtime().isoformat(), srv, P(p.email, "email"),
               D("%d.%d.%d.%d" % (r.c([185, 195, 45]), r.i(1, 254), r.i(1, 254), r.i(1, 254)), "ip_address"),
               P(p.person.first, "person_name"), P(p.phone.fmt("dash"), "phone"), P(ip, "ip_address"), poss(p), sec.n()))


@tpl("support_ticket", True)
def st_parking_plate_vin(r):
    p = r.patient()
    agent = r.staff()
    appt = TODAY + dt.timedelta(days=r.i(2, 25))
    return (sd_head(r, "Garage gate does not recognise patient's plate", agent) +
            "%s has a standing accessible-parking validation for infusion visits. The gate camera rejected %s plate "
            "%s (%s) this morning. Vehicle on file: %s %s, VIN %s.\nNext infusion: %s. Patient cell %s.\n"
            "Facilities contact: %s, %s.\n"
            % (P(p.person.full, "person_name"), poss(p), P(r.plate(), "vehicle_id"), D(p.addr.state, "state"),
               r.c(["2019 Honda", "2016 Subaru", "2021 Toyota", "2012 Ford"]), r.c(["CR-V", "Outback", "RAV4", "F-150"]),
               P(r.vin(), "vehicle_id"), P(fd(appt, r.c(["long_us", "us", "mon_us"])), "date"),
               P(p.phone.fmt(r.c(Phone.STYLES)), "phone"), agent.n(), D(agent.ext, "staff_contact")))


@tpl("support_ticket", False)
def st_clean_staff_badge(r):
    nurse, agent = r.staff(), r.staff()
    return (sd_head(r, "Badge tap-in fails on 5N workstation", agent, nurse) +
            "%s (RN, 5 North) cannot badge into workstation WS5N-%03d (%s). Error 'Imprivata agent not responding'. "
            "Other nurses on the unit are fine. Asset tag %s, last imaged %s.\nCallback: %s or vocera.\n\n"
            "%s: agent service restarted, tap-in works. Closing.\n"
            % (nurse.n(), r.i(1, 40), r.server_ip(), "AT%s" % r.digits(6), fd(r.recent(200), "iso"),
               D(nurse.ext, "staff_contact"), agent.n()))


@tpl("support_ticket", False)
def st_clean_test_label(r):
    agent, req = r.staff(), r.staff()
    return (sd_head(r, "Wristband printer cuts off long names (test patient only)", agent, req) +
            "Reproduced with the TEST environment patient only, no real chart used:\n"
            "  Name: ZZTEST, PATIENT-LONGNAME-EXAMPLE\n  MRN: <MRN>\n  DOB: <DOB>\n"
            "  Phone: 555-0100\n\nAlso tried 'John Doe' and 'Jane Doe' from the training domain. Printer %s at %s:9100, "
            "driver %d.%d. Firmware %s. Label stock 1\"x11\".\nRequester: %s, %s\n"
            % (r.c(["Zebra ZD621", "Zebra HC100"]), r.server_ip(), r.i(5, 9), r.i(0, 9), "V%d.%d.%d" % (r.i(80, 90), r.i(1, 20), r.i(1, 9)),
               req.n(), D(req.email, "staff_contact")))


# --------------------------------------------------------------------------------------------
# family: bitbucket_fhir
# --------------------------------------------------------------------------------------------
def pr_head(r, title, branch, author, reviewers):
    return ("Pull request #%d: %s\n%s wants to merge %s into %s\nReviewers: %s\nCommits: %s\n\n"
            % (r.i(100, 2400), title, author.n(), branch, r.c(["develop", "main", "release/2026.12"]),
               ", ".join(x.n() for x in reviewers), ", ".join(r.hexs(7) for _ in range(r.i(1, 3)))))


def diff_new(path, body):
    n = body.count("\n") + 1
    return ("diff --git a/%s b/%s\nnew file mode 100644\nindex 0000000..%s\n--- /dev/null\n+++ b/%s\n@@ -0,0 +1,%d @@\n%s\n"
            % (path, path, "%07x" % (sum(map(ord, path)) * 7919 % 0xfffffff), path, n, lines_prefixed(body, "+")))


def diff_mod(r, path, before, after, context):
    """a hunk where `before` lines become `after` lines, with context lines around"""
    ctx_a, ctx_b = context
    body = [" " + x for x in ctx_a] + ["-" + x for x in before] + ["+" + x for x in after] + [" " + x for x in ctx_b]
    start = r.i(3, 40)
    return ("diff --git a/%s b/%s\nindex %s..%s 100644\n--- a/%s\n+++ b/%s\n@@ -%d,%d +%d,%d @@\n%s\n"
            % (path, path, r.hexs(7), r.hexs(7), path, path, start, len(ctx_a) + len(before) + len(ctx_b), start,
               len(ctx_a) + len(after) + len(ctx_b), "\n".join(body)))


RACE = [("2106-3", "White"), ("2028-9", "Asian"), ("2054-5", "Black or African American"),
        ("1002-5", "American Indian or Alaska Native"), ("2076-8", "Native Hawaiian or Other Pacific Islander")]


def fhir_patient(r, p, rid=None, ext=True, native=True, contact=None, ids=("mrn",), telecom=("phone",), gp=None):
    res = {"resourceType": "Patient", "id": D(rid or r.uuid(), "internal_id")}
    if ext:
        rc, rt = r.c(RACE)
        res["meta"] = {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]}
        res["extension"] = [
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
             "extension": [{"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": rc,
                                                                  "display": rt}},
                           {"url": "text", "valueString": rt}]},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": p.sex}]
    idl = []
    for k in ids:
        if k == "mrn":
            idl.append({"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                             "code": "MR"}]},
                        "system": "urn:oid:2.16.840.1.113883.3.%d.1" % r.i(1000, 9999), "value": P(p.mrn, "mrn")})
        elif k == "ssn":
            idl.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": P(p.ssn, "ssn")})
        elif k == "mbi":
            idl.append({"system": "http://hl7.org/fhir/sid/us-mbi", "value": P(p.mbi, "medicare_mbi")})
        elif k == "dl":
            idl.append({"type": {"coding": [{"code": "DL"}]}, "system": "urn:oid:2.16.840.1.113883.4.3.%d" % r.i(1, 56),
                        "value": P(r.license(), "license_number")})
    res["identifier"] = idl
    names = [{"use": "official", "family": P(p.person.family, "person_name"), "given": [P(g, "person_name") for g in
                                                                                      p.person.given.split(" ")]}]
    if native and p.person.native:
        names.append({"use": "usual", "text": P(p.person.native, "person_name")})
    res["name"] = names
    tel = []
    for k in telecom:
        if k == "phone":
            tel.append({"system": "phone", "value": P(p.phone.fmt(r.c(["paren", "dash", "e164"])), "phone"),
                        "use": r.c(["home", "mobile"])})
        elif k == "email":
            tel.append({"system": "email", "value": P(p.email, "email")})
    res["telecom"] = tel
    res["gender"] = {"F": "female", "M": "male"}[p.sex]
    res["birthDate"] = P(fd(p.dob, "iso"), "date")
    a = p.addr
    lines = [P(a.line1, "street_address")] + ([P(a.unit, "street_address")] if a.unit else [])
    res["address"] = [{"use": "home", "line": lines, "city": P(a.city, "street_address"), "state": D(a.state, "state"),
                       "postalCode": P(a.zip, "zip_code"), "country": "US"}]
    if contact:
        rel, relph = contact
        res["contact"] = [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131",
                                                         "code": "N"}], "text": relw(r, rel)[2]}],
                           "name": {"family": P(rel.family, "person_name"), "given": [P(rel.given, "person_name")]},
                           "telecom": [{"system": "phone", "value": P(relph.fmt("dash"), "phone")}]}]
    if gp:
        res["generalPractitioner"] = [{"reference": "Practitioner/%s" % D(r.digits(6), "internal_id"),
                                       "display": D(gp.name, "person_name")}]
    return res


def review_thread(r, people, lines):
    return "\n".join("%s commented:\n  %s" % (x.n(), l) for x, l in zip(people, lines))


@tpl("bitbucket_fhir", True)
def bf_patient_fixture_ext(r):
    p = r.patient()
    au, rv1, rv2 = r.staff(), r.staff(), r.staff()
    rel = r.relative(p.person)
    res = fhir_patient(r, p, contact=(rel, r.phone()), ids=("mrn", "ssn", "dl"), telecom=("phone", "email"), gp=r.staff())
    path = "src/test/resources/fixtures/patient-%s.json" % r.digits(4)
    return (pr_head(r, "Add fixture for race/birthsex extension parsing", "feature/INTF-%d-us-core-ext" % r.i(100, 999),
                    au, [rv1, rv2]) + diff_new(path, jdump(res)) + "\n" +
            review_thread(r, [rv1, au], ["This looks like it was exported from prod, not Synthea. Can we regenerate it?",
                                         "It came from the UAT refresh, I'll swap it for a synthetic one."]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_bundle_transaction(r):
    p = r.patient()
    au, rv = r.staff(), r.staff()
    att = r.staff()
    pu, eu, cu = ("urn:uuid:" + r.uuid() for _ in range(3))
    start = dt.datetime.combine(p.admit, dt.time(r.i(0, 23), r.i(0, 59)))
    end = dt.datetime.combine(p.discharge, dt.time(r.i(8, 20), r.i(0, 59)))
    payer = r.c(PAYERS)[0]
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": pu, "resource": fhir_patient(r, p, ext=False, native=False, telecom=("phone",)),
         "request": {"method": "POST", "url": "Patient", "ifNoneExist": "identifier=%s" % P(p.mrn, "mrn")}},
        {"fullUrl": eu, "resource": {
            "resourceType": "Encounter", "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
            "identifier": [{"system": "urn:oid:1.2.840.114350.1.13.%d.7.3.698084.8" % r.i(100, 999),
                            "value": P(p.visit, "account_number")}],
            "subject": {"reference": pu},
            "participant": [{"individual": {"display": D(att.name, "person_name")}}],
            "period": {"start": P(start.strftime("%Y-%m-%dT%H:%M:00-05:00"), "date"),
                       "end": P(end.strftime("%Y-%m-%dT%H:%M:00-05:00"), "date")},
            "serviceProvider": {"display": D(r.fac, "facility")}},
         "request": {"method": "POST", "url": "Encounter"}},
        {"fullUrl": cu, "resource": {
            "resourceType": "Coverage", "status": "active", "subscriberId": P(p.member, "health_plan_id"),
            "beneficiary": {"reference": pu}, "relationship": {"coding": [{"code": "self"}]},
            "period": {"start": D("%d-01-01" % TODAY.year, "date"), "end": D("%d-12-31" % TODAY.year, "date")},
            "payor": [{"display": payer}],
            "class": [{"type": {"coding": [{"code": "group"}]}, "value": D("GRP" + r.digits(6), "other_id")}]},
         "request": {"method": "POST", "url": "Coverage"}}]}
    return (pr_head(r, "Transaction bundle for admit/coverage sync integration test", "bugfix/coverage-sync-order", au, [rv]) +
            diff_new("integration-tests/bundles/admit-with-coverage.json", jdump(bundle, indent=r.c([2, 4]))) + "\n" +
            review_thread(r, [rv], ["Encounter must come after Patient in a transaction? No, server resolves urn:uuid refs. LGTM."])
            + "\n")


@tpl("bitbucket_fhir", True)
def bf_observation_contained_java(r):
    p = r.patient()
    au, rv = r.staff(), r.staff()
    eff = dt.datetime.combine(r.recent(30), dt.time(r.i(6, 22), r.i(0, 59)))
    obs = {"resourceType": "Observation", "id": D("obs-" + r.digits(5), "internal_id"),
           "contained": [{"resourceType": "Patient", "id": "p1",
                          "identifier": [{"system": "urn:mrn", "value": P(p.mrn, "mrn")}],
                          "name": [{"text": P(p.person.full, "person_name")}], "birthDate": P(fd(p.dob, "iso"), "date")}],
           "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": D("8867-4", "procedure_code"), "display": "Heart rate"}]},
           "subject": {"reference": "#p1"},
           "effectiveDateTime": P(eff.strftime("%Y-%m-%dT%H:%M:%SZ"), "date"),
           "valueQuantity": {"value": r.i(48, 140), "unit": "beats/minute", "system": "http://unitsofmeasure.org", "code": "/min"},
           "performer": [{"display": D(r.staff().name, "person_name")}]}
    body = ("    @Test\n    void containedPatientIsResolved() {\n        String json = \"\"\"\n%s\n            \"\"\";\n"
            "        Observation o = parser.parseResource(Observation.class, json);\n"
            "        assertThat(o.getSubject().getResource()).isInstanceOf(Patient.class);\n    }"
            % lines_prefixed(jdump(obs), "            "))
    return (pr_head(r, "Resolve contained Patient in Observation mapper", "feature/OBS-%d-contained" % r.i(10, 400), au, [rv]) +
            diff_mod(r, "mapper/src/test/java/org/acme/fhir/ObservationMapperTest.java", [], body.split("\n"),
                     (["    }", ""], ["", "    @Test"])) + "\n" +
            review_thread(r, [rv], ["nit: the contained patient has a real-looking name and DOB, please use the test factory"]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_claim_resource(r):
    p = r.patient(old=r.rng.random() < 0.4)
    au, rv, prov = r.staff(), r.staff(), r.staff()
    dos = r.recent(60)
    (c1, d1) = r.c(ICD10)
    cpt, cptd = r.c(CPT)
    claim = {"resourceType": "Claim", "id": D("clm-" + r.digits(6), "internal_id"), "status": "active",
             "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
             "use": "claim",
             "identifier": [{"system": "https://billing.%s/claims" % r.domain, "value": P(p.claim, "other_id")}],
             "patient": {"reference": "Patient/%s" % D(r.digits(7), "internal_id"), "display": P(p.person.full, "person_name")},
             "billablePeriod": {"start": P(fd(dos, "iso"), "date"), "end": P(fd(dos, "iso"), "date")},
             "created": D(fd(TODAY, "iso"), "date"),
             "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": D(r.npi(), "other_id")},
                          "display": D(prov.name, "person_name")},
             "priority": {"coding": [{"code": "normal"}]},
             "insurance": [{"sequence": 1, "focal": True,
                            "identifier": {"system": "urn:member-id", "value": P(p.member, "health_plan_id")},
                            "coverage": {"display": r.c(PAYERS)[0]}}],
             "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [
                 {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(c1, "diagnosis_code"), "display": D(d1, "condition")}]}}],
             "item": [{"sequence": 1, "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt",
                                                                       "code": D(cpt, "procedure_code")}]},
                       "servicedDate": P(fd(dos, "iso"), "date"), "unitPrice": {"value": r.i(80, 900), "currency": "USD"}}]}
    lines = jdump(claim).split("\n")
    return (pr_head(r, "Claim fixture: use real billablePeriod", "fix/claim-billable-period", au, [rv]) +
            diff_new("fixtures/claims/%s.json" % r.c(["professional-office", "inpatient-surgery", "ed-visit"]), "\n".join(lines)) +
            "\n" + review_thread(r, [rv, au], ["Where does this claim number come from? It looks like a real clearinghouse id.",
                                                "Copied from the clearinghouse test report, will scrub."]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_relatedperson(r):
    p = r.patient(old=False)
    p.dob = TODAY - dt.timedelta(days=r.i(400, 5000))
    mom = r.relative(p.person, sex="F")
    mph = r.phone()
    ma = r.address()
    au, rv = r.staff(), r.staff()
    rp = {"resourceType": "RelatedPerson", "id": D(r.uuid(), "internal_id"), "active": True,
          "patient": {"reference": "Patient/%s" % D(r.digits(6), "internal_id"), "display": P(p.person.full, "person_name")},
          "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "MTH",
                                        "display": "mother"}]}],
          "name": [{"family": P(mom.family, "person_name"), "given": [P(g, "person_name") for g in mom.given.split(" ")]}],
          "telecom": [{"system": "phone", "value": P(mph.fmt(r.c(["paren", "dot", "intl"])), "phone"), "use": "mobile"},
                      {"system": "email", "value": P(r.email_for(mom), "email")}],
          "gender": "female", "birthDate": P(fd(r.dob(20, 45), "iso"), "date"),
          "address": [{"line": [P(ma.street(), "street_address")], "city": P(ma.city, "street_address"),
                       "state": D(ma.state, "state"), "postalCode": P(ma.zip, "zip_code")}]}
    return (pr_head(r, "Proxy access: RelatedPerson for pediatric portal", "feature/PORTAL-%d-proxy" % r.i(100, 999), au, [rv]) +
            diff_new("portal-proxy/src/test/resources/relatedperson-mother.json", jdump(rp)) + "\n" +
            review_thread(r, [rv], ["Child birthDate %s should also be in the Patient fixture for the age check." %
                                    P(fd(p.dob, "iso"), "date")]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_xml_patient_modified(r):
    p = r.patient()
    au, rv = r.staff(), r.staff()
    newph, oldph = p.phone, r.phone()
    olda, a = r.address(), p.addr

    def x(v, kind):
        return P(mapm(v, xesc), kind)
    ctx_a = ['  <identifier><system value="urn:oid:2.16.840.1.113883.19.5"/><value value="%s"/></identifier>' % x(p.mrn, "mrn"),
             '  <name><family value="%s"/><given value="%s"/></name>' % (x(p.person.family, "person_name"),
                                                                          x(p.person.given, "person_name"))]
    before = ['  <telecom><system value="phone"/><value value="%s"/></telecom>' % x(oldph.fmt("dash"), "phone"),
              '  <address><line value="%s"/><city value="%s"/><state value="%s"/><postalCode value="%s"/></address>'
              % (x(olda.street(), "street_address"), x(olda.city, "street_address"), D(olda.state, "state"), x(olda.zip, "zip_code"))]
    after = ['  <telecom><system value="phone"/><value value="%s"/><use value="mobile"/></telecom>' % x(newph.fmt("dash"), "phone"),
             '  <address><use value="home"/><line value="%s"/><city value="%s"/><state value="%s"/><postalCode value="%s"/></address>'
             % (x(a.street(), "street_address"), x(a.city, "street_address"), D(a.state, "state"), x(a.zip, "zip_code"))]
    ctx_b = ['  <birthDate value="%s"/>' % x(fd(p.dob, "iso"), "date"), "</Patient>"]
    return (pr_head(r, "XML fixtures: add telecom.use, address.use", "chore/xml-fixture-use-codes", au, [rv]) +
            diff_mod(r, "server/src/test/resources/xml/Patient-%s.xml" % r.digits(3), before, after, (ctx_a, ctx_b)) + "\n" +
            review_thread(r, [rv], ["Why did the phone number change too? Fixture values should not drift."]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_yaml_fixture_review(r):
    au, rv = r.staff(), r.staff()
    items = []
    for k in range(r.i(2, 3)):
        p = r.patient()
        items.append("  - mrn: \"%s\"\n    name:\n      family: %s\n      given: [%s]\n    birthDate: %s\n    phone: \"%s\"\n"
                     "    address: {line: \"%s\", city: %s, state: %s, zip: \"%s\"}\n    conditions: [%s]"
                     % (P(p.mrn, "mrn"), P(p.person.family, "person_name"), P(p.person.given, "person_name"),
                        P(fd(p.dob, "iso"), "date"), P(p.phone.fmt("dash"), "phone"), P(p.addr.street(), "street_address"),
                        P(p.addr.city, "street_address"), D(p.addr.state, "state"), P(p.addr.zip, "zip_code"),
                        D(r.c(ICD10)[0], "diagnosis_code")))
    body = "# seed data for the FHIR facade smoke tests\npatients:\n" + "\n".join(items)
    return (pr_head(r, "Smoke tests: seed patients from YAML", "test/smoke-seed-yaml", au, [rv]) +
            diff_new("smoke/seed/patients.yaml", body) + "\n" +
            review_thread(r, [rv, au], ["Blocking: these look like real charts (checked one MRN in UAT and it resolves).",
                                        "Ugh, you're right, pulled from the UAT extract. Replacing with generated ones."]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_device_udi(r):
    p = r.patient()
    au, rv = r.staff(), r.staff()
    sn = r.serial()
    gtin = r.digits(14)
    hrf = "(01)%s(11)%s(17)%s(21)%s" % (gtin, fd(r.recent(400), "hl7")[2:], fd(TODAY + dt.timedelta(days=700), "hl7")[2:], sn)
    dev = {"resourceType": "Device", "id": D(r.uuid(), "internal_id"),
           "udiCarrier": [{"deviceIdentifier": gtin, "carrierHRF": P(hrf, "device_id")}],
           "status": "active", "serialNumber": P(sn, "device_id"),
           "deviceName": [{"name": r.c(["Implantable cardioverter defibrillator", "Cochlear implant processor",
                                        "Insulin pump", "Spinal cord stimulator"]), "type": "user-friendly-name"}],
           "patient": {"reference": "Patient/%s" % D(r.digits(6), "internal_id"), "display": P(p.person.full, "person_name")},
           "note": [{"text": "implanted %s by %s" % (P(fd(r.recent(300), "iso"), "date"), D("Dr. " + r.staff().family, "person_name"))}]}
    return (pr_head(r, "Device registry: map udiCarrier.carrierHRF", "feature/DEV-%d-udi" % r.i(10, 300), au, [rv]) +
            diff_new("device-registry/src/test/resources/device-%s.json" % r.digits(3), jdump(dev)) + "\n" +
            review_thread(r, [rv], ["The (01) DI is fine to keep but the serial is patient-specific; please scrub."]) + "\n")


@tpl("bitbucket_fhir", True)
def bf_encounter_hospitalization(r):
    p = r.patient(old=r.rng.random() < 0.5)
    au, rv, att = r.staff(), r.staff(), r.staff()
    c, d = r.c(ICD10)
    enc = {"resourceType": "Encounter", "id": D(r.digits(8), "internal_id"), "status": "finished",
           "class": {"code": "IMP", "display": "inpatient encounter"},
           "identifier": [{"use": "official", "value": P(p.visit, "account_number")}],
           "subject": {"reference": "Patient/%s" % D(r.digits(7), "internal_id"),
                       "display": P(p.person.full, "person_name") + (", %s yo" % P(str(p.age), "age_over_89") if p.age >= 90 else "")},
           "participant": [{"type": [{"text": "attender"}], "individual": {"display": D(att.name + ", MD", "person_name")}}],
           "period": {"start": P(fd(p.admit, "iso"), "date"), "end": P(fd(p.discharge, "iso"), "date")},
           "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(c, "diagnosis_code")}],
                           "text": D(d, "condition")}],
           "hospitalization": {"admitSource": {"text": "Emergency department"},
                               "dischargeDisposition": {"text": r.c(["Skilled nursing facility", "Home health", "Hospice"])}},
           "location": [{"location": {"display": D(r.c(["5N-528", "ICU-07", "4W-412"]), "internal_id")}}]}
    return (pr_head(r, "Encounter: carry hospitalization.dischargeDisposition to the warehouse", "feature/DWH-%d" % r.i(100, 999),
                    au, [rv]) + diff_new("etl/fixtures/encounter_inpatient.json", jdump(enc)) + "\n")


@tpl("bitbucket_fhir", True)
def bf_ndjson_bulk(r):
    au, rv = r.staff(), r.staff()
    lines = []
    for k in range(r.i(2, 3)):
        p = r.patient()
        pat = fhir_patient(r, p, ext=r.rng.random() < 0.5, native=True, ids=("mrn", "mbi"), telecom=("phone",))
        lines.append(jdump(pat, indent=None, sep=",", kv=":"))
        cov = {"resourceType": "Coverage", "id": D(r.uuid(), "internal_id"), "status": "active",
               "subscriberId": P(p.mbi, "medicare_mbi"),
               "beneficiary": {"reference": "Patient/" + pat["id"]},
               "payor": [{"display": "Centers for Medicare and Medicaid Services"}]}
        lines.append(jdump(cov, indent=None, sep=",", kv=":"))
    return (pr_head(r, "Bulk $export parser: handle Coverage lines interleaved", "fix/bulk-ndjson-interleave", au, [rv]) +
            diff_new("bulk/testdata/export-%s.ndjson" % r.digits(3), "\n".join(lines)) + "\n" +
            review_thread(r, [rv], ["Please generate this with the synthetic exporter instead of the sandbox download."]) + "\n")


@tpl("bitbucket_fhir", False)
def bf_clean_structuredefinition(r):
    au, rv = r.staff(), r.staff()
    before = ['      "id": "Patient.birthDate",', '      "path": "Patient.birthDate",', '      "min": 0,']
    after = ['      "id": "Patient.birthDate",', '      "path": "Patient.birthDate",', '      "min": 1,',
             '      "mustSupport": true,', '      "example": [{ "label": "General", "valueDate": "<YYYY-MM-DD>" }],']
    before2 = ['      "id": "Patient.identifier:mbi",', '      "patternIdentifier": { "system": "http://hl7.org/fhir/sid/us-mbi" },']
    after2 = before2[:1] + ['      "patternIdentifier": { "system": "http://hl7.org/fhir/sid/us-mbi" },',
                            '      "constraint": [{ "key": "mbi-1", "severity": "error", "human": "MBI format, e.g. 1EG4-TE5-MK73 (CMS example)",',
                            '        "expression": "value.matches(\'^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$\')" }],']
    return (pr_head(r, "Profile: birthDate 1..1 and MBI invariant", "profile/acme-patient-1.%d" % r.i(1, 9), au, [rv]) +
            diff_mod(r, "ig/input/resources/StructureDefinition-acme-patient.json", before, after,
                     (['    "element": [', "    {"], ["      \"type\": [{ \"code\": \"date\" }]", "    },"])) +
            diff_mod(r, "ig/input/resources/StructureDefinition-acme-patient.json", before2, after2,
                     (["    {"], ["    },"])) + "\n" +
            review_thread(r, [rv, au], ["Do we also need a slice for the SSN (example 123-45-6789)?",
                                        "No, SSN is out of scope for the profile, see %s." % D("ADR-0%d" % r.i(10, 40), "internal_id")])
            + "\n")


@tpl("bitbucket_fhir", False)
def bf_clean_capability_valueset(r):
    au, rv = r.staff(), r.staff()
    codes = r.sample(ICD10, 4)
    vs = {"resourceType": "ValueSet", "id": "acme-hf-dx", "url": "https://fhir.acme-health.example/ValueSet/acme-hf-dx",
          "version": "1.%d.0" % r.i(0, 9), "status": "active", "date": fd(r.recent(100), "iso"),
          "publisher": "ACME Health Informatics", "compose": {"include": [{"system": "http://hl7.org/fhir/sid/icd-10-cm",
                                                                            "concept": [{"code": D(c, "diagnosis_code"),
                                                                                         "display": D(d, "condition")}
                                                                                        for c, d in codes]}]}}
    cap = ['        { "name": "birthdate", "type": "date", "definition": "http://hl7.org/fhir/SearchParameter/individual-birthdate" },',
           '        { "name": "identifier", "type": "token", "documentation": "e.g. identifier=urn:mrn|<MRN>" },']
    return (pr_head(r, "Capability: advertise birthdate search; add HF value set", "feature/capability-birthdate", au, [rv]) +
            diff_new("ig/input/resources/ValueSet-acme-hf-dx.json", jdump(vs)) +
            diff_mod(r, "server/src/main/resources/capability.json", [], cap,
                     (['      "searchParam": ['], ['        { "name": "family", "type": "string" }'])) + "\n")


# --------------------------------------------------------------------------------------------
# family: sql_seed
# --------------------------------------------------------------------------------------------
def sq(v, kind=None, phi=True, n=False):
    """quoted SQL literal; kind given -> the content is a span"""
    inner = v if kind is None else (P(v, kind) if phi else D(v, kind))
    return ("N" if n else "") + sqlq(inner)


def sql_comment_head(r, author, purpose):
    return "-- %s\n-- author: %s   ticket: %s-%d\n" % (purpose, author.n(), r.c(["DBA", "DATA", "INTF"]), r.i(100, 9999))


@tpl("sql_seed", True)
def sq_insert_multirow(r):
    au = r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        a = p.addr
        rows.append("  (%s, %s, %s, %s, %s, '%s', %s, %s, %s, %s, %s)" % (
            D(str(1000 + k + r.i(0, 50) * 10), "internal_id"), sq(p.mrn, "mrn"), sq(p.person.family, "person_name"),
            sq(p.person.given, "person_name"), sq(fd(p.dob, "iso"), "date"), p.sex, sq(p.phone.fmt("paren"), "phone"),
            sq(a.street(), "street_address"), sq(a.city, "street_address"), sq(a.state, "state", phi=False), sq(a.zip, "zip_code")))
    return (sql_comment_head(r, au, "seed: demo patients for the scheduling sandbox") +
            "BEGIN;\nINSERT INTO patient (patient_id, mrn, last_name, first_name, dob, sex, phone, addr1, city, state, zip)\nVALUES\n"
            + ",\n".join(rows) + ";\nCOMMIT;\n")


@tpl("sql_seed", True)
def sq_merge_mssql(r):
    au = r.staff()
    rows = []
    for k in range(r.i(2, 4)):
        p = r.patient()
        rows.append("    (%s, %s, %s, '%s', %s, %s)" % (
            sq(p.member, "health_plan_id"), sq(p.person.family, "person_name", n=True), sq(p.person.given, "person_name", n=True),
            P(fd(p.dob, "hl7"), "date"), sq(p.ssn.replace("-", ""), "ssn"), sq(p.email, "email")))
    return (sql_comment_head(r, au, "nightly member sync, T-SQL") +
            "SET XACT_ABORT ON;\nMERGE dbo.Member AS tgt\nUSING (VALUES\n" + ",\n".join(rows) +
            "\n) AS src ([Mbr#], LastName, FirstName, DOB_YYYYMMDD, SSN, Email)\n   ON tgt.[Mbr#] = src.[Mbr#]\n"
            "WHEN MATCHED AND (tgt.Email <> src.Email OR tgt.LastName <> src.LastName) THEN\n"
            "    UPDATE SET tgt.Email = src.Email, tgt.LastName = src.LastName, tgt.ModifiedUtc = SYSUTCDATETIME()\n"
            "WHEN NOT MATCHED BY TARGET THEN\n    INSERT ([Mbr#], LastName, FirstName, DOB, SSN, Email)\n"
            "    VALUES (src.[Mbr#], src.LastName, src.FirstName, CONVERT(date, src.DOB_YYYYMMDD, 112), src.SSN, src.Email)\n"
            "OUTPUT $action, inserted.[Mbr#];\nGO\n")


@tpl("sql_seed", True)
def sq_upsert_coverage(r):
    au = r.staff()
    p = r.patient(old=True)
    sub = p.person if r.rng.random() < 0.5 else r.relative(p.person)
    return (sql_comment_head(r, au, "fix coverage for dual-eligible member (see ticket)") +
            "INSERT INTO coverage (member_id, mbi, subscriber_name, subscriber_dob, group_no, eff_from, eff_to, payer)\n"
            "VALUES (%s, %s, %s, %s, %s, DATE %s, DATE %s, 'Medicare Part A/B')\n"
            "ON CONFLICT (member_id) DO UPDATE\n   SET mbi = EXCLUDED.mbi,\n       subscriber_name = EXCLUDED.subscriber_name,\n"
            "       eff_to = EXCLUDED.eff_to\nRETURNING coverage_id;\n\n"
            "-- patient is %s, age check in eligibility rule skipped for %s\n"
            % (sq(p.member, "health_plan_id"), sq(p.mbi, "medicare_mbi"),
               sq(sub.full, "person_name"), sq(fd(p.dob if sub is p.person else r.dob(60, 88), "iso"), "date"),
               sq("GRP" + r.digits(5), "other_id", phi=False), sq("%d-01-01" % TODAY.year, "date", phi=False),
               sq("%d-12-31" % (TODAY.year + 1), "date", phi=False), P(str(p.age), "age_over_89"),
               P(p.person.full, "person_name") if sub is not p.person else "this member"))


@tpl("sql_seed", True)
def sq_copy_csv_stdin(r):
    au = r.staff()
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        a = dt.datetime.combine(p.admit, dt.time(r.i(0, 23), r.i(0, 59)))
        d = dt.datetime.combine(p.discharge, dt.time(r.i(8, 20), r.i(0, 59)))
        rows.append(",".join([D(str(r.i(500000, 900000)), "internal_id"), P(p.mrn, "mrn"),
                              csvq(P(p.person.formal, "person_name")), P(a.strftime("%Y-%m-%d %H:%M"), "date"),
                              P(d.strftime("%Y-%m-%d %H:%M"), "date"), r.c(["HOME", "SNF", "HHS", "AMA", "EXPIRED"])]))
    return (sql_comment_head(r, au, "restore encounter slice into staging (pg_dump excerpt)") +
            "COPY staging.encounter (enc_id, mrn, pt_name, admit_ts, discharge_ts, disposition) FROM stdin WITH (FORMAT csv);\n"
            + "\n".join(rows) + "\n\\.\n\nANALYZE staging.encounter;\n")


@tpl("sql_seed", True)
def sq_jsonb_intake(r):
    au = r.staff()
    p = r.patient()
    ec = r.relative(p.person)
    payload = {"patient": {"name": {"family": P(p.person.family, "person_name"), "given": P(p.person.given, "person_name")},
                           "dob": P(fd(p.dob, "us"), "date"), "phones": [P(p.phone.fmt("dash"), "phone"),
                                                                        P(p.phone2.fmt("dot"), "phone")],
                           "address": {"line1": P(p.addr.street(), "street_address"), "city": P(p.addr.city, "street_address"),
                                       "state": D(p.addr.state, "state"), "zip": P(p.addr.zip, "zip_code")}},
               "emergency_contact": {"name": P(ec.full, "person_name"), "relation": relw(r, ec)[2],
                                     "phone": P(r.phone().fmt("paren"), "phone")},
               "reason": D(r.c(ICD10)[1], "condition"), "consent": True,
               "client": {"ip": P(r.public_ip(), "ip_address"), "user_agent": "Mozilla/5.0 (Linux; Android 14)"}}
    return (sql_comment_head(r, au, "replay a failed intake form submission") +
            "INSERT INTO intake.form_submission (id, form_key, submitted_at, payload)\nVALUES (gen_random_uuid(), 'new-patient-v%d', now(),\n"
            "  %s::jsonb);\n" % (r.i(2, 6), sqlq(jdump(payload, indent=None))))


@tpl("sql_seed", True)
def sq_hotfix_update(r):
    au = r.staff()
    p = r.patient()
    newd = dt.datetime.combine(p.discharge, dt.time(r.i(8, 20), r.c([0, 15, 30, 45])))
    return ("/* HOTFIX %s\n   Discharge time entered as next day for %s, MRN %s, visit %s.\n   Approved by %s (HIM). */\n"
            "BEGIN TRANSACTION;\nUPDATE enc.encounter\n   SET discharge_dt = %s\n WHERE visit_no = %s\n   AND mrn = %s;\n"
            "-- expect 1 row\nSELECT visit_no, admit_dt, discharge_dt FROM enc.encounter WHERE visit_no = %s;\nCOMMIT;\n"
            % ("INC%07d" % r.i(10 ** 5, 10 ** 7), P(p.person.formal, "person_name"), P(p.mrn, "mrn"), P(p.visit, "account_number"),
               r.staff().n(), sq(newd.strftime("%Y-%m-%d %H:%M"), "date"), sq(p.visit, "account_number"), sq(p.mrn, "mrn"),
               sq(p.visit, "account_number")))


@tpl("sql_seed", True)
def sq_sqlite_dump(r):
    rows = []
    for k in range(r.i(2, 4)):
        p = r.patient()
        rows.append("INSERT INTO member VALUES(%s,%s,%s,%s,%s,%s);" % (
            D(str(k + 1), "internal_id"), sq(p.member, "health_plan_id"), sq(p.person.full, "person_name"),
            sq(fd(p.dob, "ymd_slash"), "date"), sq(p.phone.fmt("plain"), "phone"), sq(p.addr.zip, "zip_code")))
    return ("$ sqlite3 outreach.db .dump\nPRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"
            "CREATE TABLE member(id INTEGER PRIMARY KEY, member_id TEXT, full_name TEXT, birth TEXT, phone TEXT, zip TEXT);\n"
            + "\n".join(rows) + "\nCREATE INDEX ix_member_zip ON member(zip);\nCOMMIT;\n")


@tpl("sql_seed", True)
def sq_psql_result(r):
    rows = []
    pts = [r.patient() for _ in range(r.i(2, 4))]
    w = max(len(p.person.full) for p in pts) + 1
    mw = max(len(p.mrn) for p in pts)
    for p in pts:
        pad = " " * (w - len(p.person.full))
        rows.append(" %s%s | %s%s| %s | %s | %s" % (P(p.mrn, "mrn"), " " * (mw - len(p.mrn)), P(p.person.full, "person_name"),
                                                    pad, P(fd(p.dob, "iso"), "date"), P(p.ssn, "ssn"),
                                                    D(r.c(ICD10)[0], "diagnosis_code")))
    return ("Running this in prod to check the duplicate logic, output below (%s please delete after)\n\n"
            "ehr_prod=> SELECT mrn, full_name, dob, ssn, primary_dx FROM v_patient_dupes WHERE score > 0.9;\n"
            " %s | full_name%s| dob        | ssn         | primary_dx\n%s+%s+------------+-------------+-----------\n"
            "%s\n(%d rows)\n\nTime: %d.%03d ms\n"
            % (mention(r, r.staff()), "mrn".center(mw), " " * (w - 9), "-" * (mw + 2), "-" * (w + 1), "\n".join(rows),
               len(rows), r.i(10, 900), r.i(0, 999)))


@tpl("sql_seed", True)
def sq_liquibase_yaml(r):
    au = r.staff()
    p = r.patient()
    rel = r.relative(p.person)
    return ("databaseChangeLog:\n  - changeSet:\n      id: seed-%s\n      author: %s\n      context: uat\n      changes:\n"
            "        - insert:\n            tableName: patient\n            columns:\n"
            "              - column: {name: mrn, value: \"%s\"}\n              - column: {name: family_name, value: \"%s\"}\n"
            "              - column: {name: given_name, value: \"%s\"}\n              - column: {name: birth_date, valueDate: \"%s\"}\n"
            "              - column: {name: mobile, value: \"%s\"}\n"
            "        - insert:\n            tableName: patient_contact\n            columns:\n"
            "              - column: {name: mrn, value: \"%s\"}\n              - column: {name: contact_name, value: \"%s\"}\n"
            "              - column: {name: contact_phone, value: \"%s\"}\n              - column: {name: relation, value: %s}\n"
            % (r.digits(3), D(au.handle, "person_name"), P(p.mrn, "mrn"), P(p.person.family, "person_name"),
               P(p.person.given, "person_name"), P(fd(p.dob, "iso"), "date"), P(p.phone.fmt("e164"), "phone"),
               P(p.mrn, "mrn"), P(rel.full, "person_name"), P(r.phone().fmt("e164"), "phone"), relw(r, rel)[2].upper()))


@tpl("sql_seed", True)
def sq_bigquery_struct(r):
    au = r.staff()
    p = r.patient()
    cpt1, cpt2 = r.sample(CPT, 2)
    dos = r.recent(50)
    return (sql_comment_head(r, au, "BigQuery: backfill one claim that failed the loader") +
            "INSERT INTO `acme-claims-prod.adjudication.claim` (claim_id, member, lines, received_at)\nVALUES (\n"
            "  %s,\n  STRUCT(%s AS member_id, %s AS name, DATE %s AS dob, %s AS mbi),\n"
            "  [STRUCT(%s AS cpt, DATE %s AS dos, NUMERIC '%d.00' AS billed),\n   STRUCT(%s AS cpt, DATE %s AS dos, NUMERIC '%d.00' AS billed)],\n"
            "  CURRENT_TIMESTAMP()\n);\n"
            % (sq(p.claim, "other_id"), sq(p.member, "health_plan_id"), sq(p.person.full, "person_name"),
               sq(fd(p.dob, "iso"), "date"), sq(p.mbi, "medicare_mbi"), sq(cpt1[0], "procedure_code", phi=False),
               sq(fd(dos, "iso"), "date"), r.i(80, 500), sq(cpt2[0], "procedure_code", phi=False), sq(fd(dos, "iso"), "date"),
               r.i(80, 500)))


@tpl("sql_seed", False)
def sq_clean_flyway(r):
    au = r.staff()
    return ("-- V%d__coverage_add_mbi.sql\n-- author: %s, reviewed by %s\n-- MBI format per CMS: 11 chars, e.g. 1EG4-TE5-MK73 (CMS published example)\n"
            "ALTER TABLE coverage ADD COLUMN mbi varchar(11);\n"
            "ALTER TABLE coverage ADD CONSTRAINT ck_coverage_mbi\n"
            "  CHECK (mbi ~ '^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$');\n"
            "COMMENT ON COLUMN coverage.mbi IS 'Medicare Beneficiary Identifier, no dashes. Test value 1EG4TE5MK73.';\n"
            "CREATE INDEX CONCURRENTLY ix_coverage_mbi ON coverage (mbi) WHERE mbi IS NOT NULL;\n"
            "ALTER TABLE patient ALTER COLUMN ssn TYPE char(9); -- '123456789' style, no dashes\n"
            "ALTER TABLE patient ADD COLUMN deceased_date date;\n-- no data changes in this migration\n"
            % (r.i(40, 160), au.n(), r.staff().n()))


@tpl("sql_seed", False)
def sq_clean_reference_seed(r):
    au = r.staff()
    icd = ",\n".join("  (%s, %s)" % (sq(c, "diagnosis_code", phi=False), sq(d, "condition", phi=False)) for c, d in r.sample(ICD10, 5))
    cpt = ",\n".join("  (%s, %s, %d.00)" % (sq(c, "procedure_code", phi=False), sq(d), r.i(40, 2000)) for c, d in r.sample(CPT, 4))
    facs = ",\n".join("  (%s, %s, %s)" % (sq(code), sq(name, "facility", phi=False), sq(r.npi(), "other_id", phi=False))
                      for name, code, _ in r.sample(FACILITIES, 3))
    payers = ",\n".join("  (%s, %s)" % (sq(n), sq(ph)) for n, ph in r.sample(PAYERS, 3))
    return (sql_comment_head(r, au, "reference data only: code sets, facilities, payers") +
            "INSERT INTO ref.icd10 (code, description) VALUES\n%s\nON CONFLICT DO NOTHING;\n\n"
            "INSERT INTO ref.cpt_fee (code, description, fee) VALUES\n%s;\n\n"
            "INSERT INTO ref.facility (code, name, npi) VALUES\n%s;\n\n"
            "INSERT INTO ref.payer (name, phone) VALUES\n%s;\n" % (icd, cpt, facs, payers))


# --------------------------------------------------------------------------------------------
# family: clinical_note
# --------------------------------------------------------------------------------------------
def age_phrase(r, age, style=None):
    """an age in prose; marked when >= 90"""
    style = style or r.c(["yo_hyphen", "y/o", "yo", "years old", "aged", "words", "yrs", "y.o."])
    num = words_num(age) if (style == "words" and 90 <= age < 100) else str(age)
    m = P(num, "age_over_89") if age >= 90 else num
    return {"yo_hyphen": "%s-year-old", "y/o": "%s y/o", "yo": "%s yo", "years old": "%s years old", "aged": "aged %s",
            "words": "%s-year-old", "yrs": "%s yrs", "y.o.": "%s y.o."}[style] % m


def med(r):
    return D(r.c(MEDS), "medication")


def sex_word(p):
    return "man" if p.sex == "M" else "woman"


def signed(r, s):
    t = r.dtime(r.recent(5))
    return "Electronically signed by %s, MD on %s" % (s.n(), D(t.strftime("%m/%d/%Y %H:%M"), "date"))


@tpl("clinical_note", True)
def cn_discharge_summary(r):
    p = r.patient(old=True)
    att, pcp = r.staff(), r.staff()
    dau = r.relative(p.person, sex=r.c("FM"))
    (c1, d1), (c2, d2) = r.sample(ICD10, 2)
    fu = p.discharge + dt.timedelta(days=r.i(5, 14))
    st = r.c(DATE_STYLES_PROSE)
    return ("DISCHARGE SUMMARY\n\nPatient: %s    MRN: %s    DOB: %s    Age: %s\nAdmission date: %s    Discharge date: %s\n"
            "Attending: %s, MD    PCP: Dr. %s\nFacility: %s\n\nPrincipal diagnosis: %s (%s)\nSecondary: %s (%s)\n\n"
            "HOSPITAL COURSE\n%s %s is a %s %s admitted with %s. Treated with %s and %s with improvement. "
            "%s %s (%s), who is the health care proxy, was updated daily %s and agrees with the plan.\n\n"
            "DISCHARGE MEDICATIONS\n- %s daily\n- %s twice daily\n\nFOLLOW-UP\nDr. %s on %s. Home health to call %s to arrange the first visit.\n\n%s\n"
            % (P(p.person.formal, "person_name"), P(p.mrn, "mrn"), P(fd(p.dob, st), "date"), P(str(p.age), "age_over_89"),
               P(fd(p.admit, st), "date"), P(fd(p.discharge, st), "date"), att.n(), D(pcp.family, "person_name"), D(r.fac, "facility"),
               D(d1, "condition"), D(c1, "diagnosis_code"), D(d2, "condition"), D(c2, "diagnosis_code"),
               D(title(r, p), "title"), P(p.person.family, "person_name"), age_phrase(r, p.age), sex_word(p), D(d1, "condition"),
               med(r), med(r), "%s %s" % (poss(p).capitalize(), "daughter" if dau.sex == "F" else "son"),
               P(dau.full, "person_name"), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"),
               r.c(["at the bedside", "by phone"]), med(r), med(r), D(pcp.family, "person_name"), P(fd(fu, "long_us"), "date"),
               P(p.phone.fmt("paren"), "phone"), signed(r, att)))


@tpl("clinical_note", True)
def cn_soap(r):
    p = r.patient()
    prov = r.staff()
    c, d = r.c(ICD10)
    dos = r.recent(10)
    return ("%s  |  DOB %s  |  MRN %s  |  DOS %s\n\nS: %s %s presents for follow-up of %s. Reports %s. Daughter-in-law %s "
            "helps with pill box. No CP, no SOB.\nO: BP %d/%d  HR %d  SpO2 %d%% RA  Wt %d lb. Lungs clear. Trace %s.\n"
            "A: %s (%s), %s.\nP: continue %s; start %s. Labs today. RTC %d wks. Pt's preferred number %s.\n\n%s\n"
            % (P(p.person.full.upper(), "person_name"), P(fd(p.dob, r.c(["us", "dots_us", "eu_dots"])), "date"), P(p.mrn, "mrn"),
               P(fd(dos, "us"), "date"), age_phrase(r, p.age), "M" if p.sex == "M" else "F", D(d, "condition"),
               D(r.c(["poor sleep", "ankle swelling", "dizziness on standing", "fatigue"]), "condition"),
               P(r.relative(p.person, sex="F", same_family=True).full, "person_name"),
               r.i(100, 170), r.i(55, 95), r.i(50, 110), r.i(88, 99), r.i(100, 260), D("edema", "condition"), D(d, "condition"),
               D(c, "diagnosis_code"),
               r.c(["stable", "improving", "worse"]), med(r), med(r), r.i(2, 12), P(p.phone.fmt(r.c(Phone.STYLES)), "phone"),
               "%s, %s" % (prov.n(), r.c(["NP", "MD", "PA-C"]))))


@tpl("clinical_note", True)
def cn_hp_social_history(r):
    p = r.patient(addr_kind=r.c(["unitfirst", "street", "rr"]))
    att = r.staff()
    sp = r.relative(p.person, sex="F" if p.sex == "M" else "M", same_family=True)
    kid = r.relative(p.person, same_family=False)
    mom_age = r.i(90, 101)
    c, d = r.c(ICD10)
    return ("HISTORY AND PHYSICAL\nDate of admission: %s\nName: %s   MRN: %s   DOB: %s\n\nCC: %s\n\nHPI: %s %s with %s, "
            "brought in by %s %s.\n\nPMH: %s. PSH: %s 2019.\nFamily history: mother died at age %s of %s; father with %s.\n"
            "Social history: lives with %s at %s, %s. Retired %s. Former smoker, quit 20 yrs ago. "
            "%s %s (%s) is the health care proxy.\nAllergies: %s (%s).\n\nExam and plan per below.\n%s\n"
            % (P(fd(p.admit, r.c(["long_us", "ordinal", "iso"])), "date"), P(p.person.full, "person_name"), P(p.mrn, "mrn"),
               P(fd(p.dob, r.c(["mon_dash", "oracle", "dmy_mon_short"])), "date"), D(r.c(["shortness of breath", "fall", "confusion",
                                                                                       "abdominal pain"]), "condition"),
               age_phrase(r, p.age, r.c(["yo_hyphen", "words", "y/o", "yo"])), sex_word(p), D(d, "condition"), poss(p),
               "wife" if sp.sex == "F" else "husband",
               D(r.c(ICD10)[1], "condition"), D(r.c(["cholecystectomy", "CABG", "TKA"]), "condition"),
               P(str(mom_age), "age_over_89"), D(r.c(["stroke", "pneumonia", "old age"]), "condition"),
               D(r.c(["prostate cancer", "COPD", "diabetes"]), "condition"),
               "%s %s %s" % (poss(p), "wife" if sp.sex == "F" else "husband", P(sp.full, "person_name")),
               P(p.addr.street(), "street_address"), P(p.addr.city, "street_address"),
               r.c(["machinist", "school teacher", "bus driver", "nurse"]), "Daughter" if kid.sex == "F" else "Son",
               P(kid.full, "person_name"), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"), D(r.c(["penicillin", "sulfa", "codeine"]), "medication"),
               D("rash", "condition"),
               signed(r, att)))


@tpl("clinical_note", True)
def cn_sbar_handoff(r):
    out = []
    rn1, rn2 = r.staff(), r.staff()
    for k in range(r.i(2, 3)):
        p = r.patient(old=r.rng.random() < 0.5)
        c, d = r.c(ICD10)
        out.append("Rm %d%s - %s, %s %s\nS: %s\nB: adm %s for %s. %s\nA: %s\nR: %s"
                   % (r.i(1, 30), r.c("AB"), P(p.person.formal, "person_name"),
                      P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), p.sex,
                      r.c(["new O2 req 2L", D("sundowning", "condition") + " overnight", "K 3.1 repleted", "refused meds"]),
                      P(fd(p.admit, r.c(["us_short", "us_nopad"])), "date"),
                      D(d, "condition"), "Daughter %s at bedside most days, cell %s." % (
                          P(r.relative(p.person, sex="F").full, "person_name"), P(r.phone().fmt(r.c(["dash", "dot", "plain"])), "phone"))
                      if r.rng.random() < 0.7 else "No family visits.",
                      r.c(["VS stable", "pain 6/10", "skin intact", "fall risk high"]),
                      r.c(["recheck BMP 0600", "PT eval", "clarify code status", "wean O2"])))
    return ("NURSING HANDOFF (SBAR) %s -> %s, %s shift\n\n" % (rn1.n(), rn2.n(), r.c(["night", "day"])) + "\n\n".join(out) + "\n")


@tpl("clinical_note", True)
def cn_operative_note(r):
    p = r.patient()
    su, asst, an = r.staff(), r.staff(), r.staff()
    c, d = r.c(ICD10)
    cpt, cptd, implant = r.c([("27236", "open treatment of femoral neck fracture", "Zimmer Biomet hip stem"),
                              ("33249", "insertion of ICD system", "Boston Scientific ICD"),
                              ("33208", "insertion of dual-chamber pacemaker", "Medtronic pacemaker generator"),
                              ("63685", "insertion of spinal neurostimulator generator", "Abbott spinal cord stimulator"),
                              ("27506", "open treatment of femoral shaft fracture", "Stryker intramedullary nail")])
    sn = r.serial()
    dos = r.recent(10)
    return ("OPERATIVE REPORT\n\nPATIENT: %s\nMRN: %s        ACCOUNT: %s\nDATE OF SURGERY: %s\nSURGEON: %s, MD\nASSISTANT: %s, PA-C\n"
            "ANESTHESIA: general, %s, CRNA\n\nPREOPERATIVE DIAGNOSIS: %s\nPROCEDURE: %s (%s)\nIMPLANTS: %s, lot %s, serial %s\n"
            "EBL: %d mL. SPECIMENS: none. COMPLICATIONS: none.\n\nINDICATIONS: The patient is a %s %s with %s. Risks discussed with the "
            "patient and %s %s, who signed as witness.\n\nDESCRIPTION: Time-out performed. ... Counts correct x2.\n\n%s\n"
            % (P(p.person.formal.upper(), "person_name"), P(p.mrn, "mrn"), P(p.account, "account_number"),
               P(fd(dos, r.c(["us", "long_us", "mil"])), "date"), su.n(), asst.n(), an.n(), D(d, "condition"), cptd,
               D(cpt, "procedure_code"), implant,
               D(r.alnum(8), "internal_id"), P(sn, "device_id"), r.i(20, 600), age_phrase(r, p.age, "yo_hyphen"), sex_word(p),
               D(d, "condition"), poss(p), "husband" if p.sex == "F" else "wife", signed(r, su)))


@tpl("clinical_note", True)
def cn_radiology(r):
    p = r.patient()
    rad = r.staff()
    ex = dt.datetime.combine(r.recent(5), dt.time(r.i(0, 23), r.i(0, 59)))
    prior = r.recent(700, start=ex.date())
    return ("EXAM: %s\nACCESSION: %s\nPATIENT: %s   DOB: %s   MRN: %s\nEXAM DATE: %s\nORDERING: %s\n\n"
            "CLINICAL HISTORY: %s\nCOMPARISON: %s from %s.\n\nFINDINGS: No acute %s. Chronic %s. "
            "No mass effect.\n\nIMPRESSION:\n1. No acute abnormality.\n2. %s, unchanged.\n\n"
            "Dictated by: %s, MD  %s\nThis report was sent to the patient portal: %s\n"
            % (r.c(["CT HEAD WITHOUT CONTRAST", "MRI BRAIN WITH AND WITHOUT CONTRAST", "CT CHEST PE PROTOCOL"]),
               P("%d-%s-%07d" % (ex.year % 100, r.c(["CT", "MR", "XR"]), r.i(1, 9999999)), "other_id"),
               P(p.person.hl7(upper=True, middle=False).replace("^", ", "), "person_name"), P(fd(p.dob, "dmy_mon_short"), "date"),
               P(p.mrn, "mrn"), P(ex.strftime("%m/%d/%Y %H:%M"), "date"), D("Dr. " + r.staff().name, "person_name"),
               D(r.c(["fall, on anticoagulation", "headache", "syncope"]), "condition"), r.c(["CT head", "MRI brain"]),
               P(fd(prior, r.c(["us", "ymd_slash", "eu_short"])), "date"), D("intracranial hemorrhage", "condition"),
               D("small vessel ischemic change", "condition"), D("Chronic microvascular disease", "condition"),
               rad.n(), D(r.dtime(ex.date()).strftime("%m/%d/%Y %H:%M"), "date"),
               P("https://myhealth.%s/results/imaging?mrn=%s&acc=%s" % (r.domain, p.mrn, r.digits(7)), "url")))


@tpl("clinical_note", True)
def cn_ed_dictation_lowercase(r):
    p = r.patient(old=True, culture=r.c(["hispanic", "vietnamese", "polish", "english_words", "anglo", "italian"]))
    doc = r.staff()
    gs = r.relative(p.person, sex="M")
    return ("ed provider note dictated via dragon, not proofread\n\npt is a %s year old %s brought in by %s grandson %s from %s "
            "after a fall at home around %s this morning no loc per grandson pt lives alone at %s in %s and uses a walker "
            "grandson can be reached at %s pmh significant for %s and %s takes %s and %s per med list "
            "exam tender left hip shortened externally rotated xray shows %s ortho consulted %s\n"
            % (P(words_num(p.age), "age_over_89"), "female" if p.sex == "F" else "male", poss(p), P(gs.full.lower(), "person_name"),
               r.c(["home", "her apartment" if p.sex == "F" else "his apartment"]), r.c(["5 am", "0530", "six"]),
               P(p.addr.street().lower(), "street_address"), P(p.addr.city.lower(), "street_address"),
               P(r.phone().fmt(r.c(["plain", "space", "dash"])), "phone"), D("afib", "condition"), D("ckd 3", "condition"),
               D("eliquis", "medication"), D("lasix", "medication"), D("femoral neck fracture", "condition"), doc.n()))


@tpl("clinical_note", True)
def cn_death_pronouncement(r):
    p = r.patient(old=r.rng.random() < 0.7)
    res = r.staff()
    nok = r.relative(p.person)
    tod = dt.datetime.combine(r.recent(5), dt.time(r.i(0, 23), r.i(0, 59)))
    p.age = age_on(p.dob, tod.date())
    return ("DEATH PRONOUNCEMENT NOTE\n\nCalled by RN to evaluate %s (MRN %s), %s, on comfort care for %s.\n"
            "No spontaneous respirations, no heart sounds for one full minute, pupils fixed. Time of death: %s on %s.\n"
            "Family: %s %s was notified by phone at %s and will come in. ME notified per policy (age and recent fall): "
            "%s, case number %s, released the body.\nAttending %s aware.\n\n%s\n"
            % (P(p.person.full, "person_name"), P(p.mrn, "mrn"), age_phrase(r, p.age, r.c(["years old", "aged"])),
               D(r.c(ICD10)[1], "condition"), tod.strftime("%H:%M"), P(fd(tod.date(), r.c(["long_us", "ordinal", "us"])), "date"),
               relw(r, nok)[2], P(nok.full, "person_name"), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"),
               r.c(["Investigator", "Deputy ME"]) + " " + r.staff().n(), P("%d-%s-%04d" % (tod.year, r.c(["ME", "MEO", "C"]),
                                                                                            r.i(1, 9999)), "other_id"),
               r.staff().n(), "%s, MD (resident)" % res.n()))


@tpl("clinical_note", True)
def cn_psych_intake(r):
    p = r.patient(old=False)
    clin = r.staff()
    partner = r.person()
    return ("BEHAVIORAL HEALTH INTAKE\nClient: %s   DOB: %s   Intake date: %s\n\nIdentifying data: %s %s %s self-referred "
            "after %s. Lives with partner %s and two children in %s. Works as a %s. Prefers telehealth, email %s, "
            "text only to %s.\n\nPresenting problem: %s. PHQ-9 %d, GAD-7 %d.\nSafety: denies SI/HI. Safety plan reviewed; "
            "partner is emergency contact (%s).\nPlan: weekly CBT with %s, LICSW; psychiatry referral for %s.\n"
            % (P(p.person.full, "person_name"), P(fd(p.dob, r.c(["us", "long_eu", "ymd_slash"])), "date"),
               P(fd(r.recent(5), "us"), "date"), P(p.person.first, "person_name"), age_phrase(r, p.age, "yo_hyphen"),
               "(" + r.c(["she/her", "he/him", "they/them"]) + ")", r.c(["a panic attack at work", "a breakup", "a job loss"]),
               P(partner.full, "person_name"), P(p.addr.city, "street_address"),
               r.c(["line cook", "paralegal", "graduate student", "warehouse lead"]), P(p.email, "email"),
               P(p.phone.fmt(r.c(Phone.STYLES)), "phone"), D(r.c(["major depressive disorder", "generalized anxiety disorder",
                                                                 "panic disorder"]), "condition"),
               r.i(5, 24), r.i(5, 20), P(r.phone().fmt("dash"), "phone"), clin.n(), D(r.c(["sertraline", "buspirone"]), "medication")))


@tpl("clinical_note", True)
def cn_french_compte_rendu(r):
    p = r.patient(old=True, culture=r.c(["french", "arabic", "east_african", "portuguese", "hebrew"]))
    med_ = r.staff()
    conf = r.relative(p.person)
    return ("COMPTE RENDU D'HOSPITALISATION\n\nPatient%s : %s %s, né%s le %s (%s ans)\nAdresse : %s\n"
            "Entrée le %s, sortie le %s\nService : médecine gériatrique, %s\n\nMotif : %s.\n"
            "Personne de confiance : %s (%s), tél. %s\n\nÉvolution favorable sous %s. Retour à domicile avec passage "
            "infirmier. Rendez-vous de consultation le %s.\n\nDr %s\n"
            % ("e" if p.sex == "F" else "", D("Mme" if p.sex == "F" else "M.", "title"), P(p.person.full, "person_name"),
               "e" if p.sex == "F" else "", P(fd(p.dob, "fr"), "date"), P(str(p.age), "age_over_89"), p.addr.prose(),
               P(fd(p.admit, "eu_slash"), "date"), P(fd(p.discharge, "eu_slash"), "date"), D(r.fac, "facility"),
               D(r.c(["chute à domicile", "pneumopathie", "insuffisance cardiaque décompensée"]), "condition"),
               P(conf.full, "person_name"), {"F": "fille", "M": "fils"}[conf.sex], P(r.phone().fmt(r.c(["intl", "space", "dot"])), "phone"),
               D(r.c(["amoxicilline", "furosémide", "apixaban"]), "medication"),
               P(fd(p.discharge + dt.timedelta(days=r.i(7, 30)), "fr"), "date"), med_.n()))


@tpl("clinical_note", False)
def cn_clean_smartphrase_template(r):
    au = r.staff()
    return ("SmartPhrase: .DCSUMMARYGERI (owner %s, last edited %s)\n\nDISCHARGE SUMMARY\nPatient: @NAME@    MRN: @MRN@    "
            "DOB: @DOB@    Age: @AGE@\nAdmission date: @ADMITDATE@    Discharge date: @DISCHDATE@\nAttending: @ATTPROV@\n\n"
            "HOSPITAL COURSE\n{{patient_name}} is a *** year old *** admitted with ***.\n\nFOLLOW-UP\n{FOLLOWUP:12345}\n"
            "Health care proxy: *** (***) ***-****\n\nNotes for authors: for patients aged 90 and older the age prints as "
            "\"90+\" in exports. Do not type names or dates into the template itself.\n"
            % (au.n(), fd(r.recent(200), "mon_us")))


@tpl("clinical_note", False)
def cn_clean_teaching_case(r):
    au = r.staff()
    return ("Teaching case (de-identified) - geriatrics noon conference\nPresenter: %s, MD; moderator: %s\n\n"
            "A woman in her late eighties with %s and %s presents after a fall. She takes %s and %s. Exam shows a shortened, "
            "externally rotated leg; imaging confirms a %s.\n\nDiscussion points:\n1. Perioperative anticoagulation reversal.\n"
            "2. %s prevention bundles.\n3. Outcomes data: one-year mortality after %s in patients aged 90 and "
            "older approaches 30%%.\n\nReferences: AGS Beers Criteria (2023), ICD-10 %s.\n"
            % (au.n(), r.staff().n(), D("atrial fibrillation", "condition"), D("chronic kidney disease", "condition"),
               D("apixaban", "medication"), D("furosemide", "medication"), D("femoral neck fracture", "condition"),
               D("Delirium", "condition"), D("hip fracture", "condition"), D("S72.001A", "diagnosis_code")))


# --------------------------------------------------------------------------------------------
# family: claims_csv
# --------------------------------------------------------------------------------------------
def money(r, eu=False):
    v = "%d.%02d" % (r.i(40, 4800), r.i(0, 99))
    if eu:
        a, b = v.split(".")
        a = a if len(a) <= 3 else a[:-3] + "." + a[-3:]
        return a + "," + b
    return v


def csv_intro(r, what):
    s = r.staff()
    return r.c(["%s attached %s, first rows pasted below:\n\n" % (s.n(), what),
                "From %s: %s (opened in Notepad)\n\n" % (s.n(), what),
                "%s\n-- pasted by %s --\n" % (what, s.n())])


@tpl("claims_csv", True)
def cc_mbr_hash_header(r):
    rows = []
    for k in range(r.i(3, 6)):
        p = r.patient()
        c, d = r.c(ICD10)
        cpt = r.c(CPT)[0]
        rows.append(",".join([P(p.member, "health_plan_id"), csvq(P(p.person.family, "person_name")),
                              csvq(P(p.person.given, "person_name")), P(fd(p.dob, "hl7"), "date"), p.sex,
                              P(fd(r.recent(60), "us"), "date"), D(cpt, "procedure_code"), D(c, "diagnosis_code"), money(r),
                              P(p.claim, "other_id")]))
    return (csv_intro(r, "the rejected-claims extract for the clearinghouse") +
            "Mbr#,pt_lname,pt_fname,DOB_YYYYMMDD,Sex,DOS,CPT,ICD10,Billed,Claim_No\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_semicolon_eu(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        rows.append(";".join([P(p.member, "health_plan_id"), P(p.person.formal, "person_name"),
                              P(fd(p.dob, "eu_dots"), "date"), P(p.addr.zip, "zip_code"),
                              P(fd(r.recent(60), "eu_dots"), "date"), D(r.c(CPT)[0], "procedure_code"), money(r, eu=True),
                              r.c(["bezahlt", "abgelehnt", "offen"])]))
    return (csv_intro(r, "Export aus dem Abrechnungssystem (Excel, deutsches Gebietsschema)") +
            "Subscriber;Patient;Geburtsdatum;ZIP;Leistungsdatum;CPT;Betrag USD;Status\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_tsv_merged_header(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        rows.append("\t".join([P(p.member, "health_plan_id"), P(p.person.full, "person_name"),
                               P(fd(p.dob, r.c(["us_nopad", "dash_us"])), "date"), P(p.claim, "other_id"),
                               P(fd(r.recent(60), "us_nopad"), "date"), D(r.c(ICD10)[0], "diagnosis_code"), money(r), money(r), money(r)]))
    return (csv_intro(r, "Q4 high-dollar claims review") +
            "Member\t\t\tClaim\t\t\tAmounts\t\t\nMember ID\tName\tDOB\tClaim #\tDOS\tDx\tBilled\tAllowed\tPaid\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_subscriber_identifier(r):
    sub = r.patient()
    rows = []
    fam = [(sub.person, sub.dob, "Self")]
    for k in range(r.i(1, 3)):
        d = r.relative(sub.person, same_family=True)
        relk = "Child" if k else r.c(["Spouse", "Child"])
        fam.append((d, r.dob(1, 25) if relk == "Child" else r.dob(25, 80), relk))
    for person, dob, rel in fam:
        rows.append(",".join(['"%s"' % P(sub.member, "health_plan_id"), '"%s"' % P(person.formal, "person_name"), '"%s"' % rel,
                              '"%s"' % P(fd(dob, "us"), "date"), '"%s"' % P(fd(r.recent(90), "us"), "date"),
                              '"%s"' % D(r.npi(), "other_id"), '"%s"' % D(r.c(ICD10)[0], "diagnosis_code"), '"%s"' % money(r)]))
    return (csv_intro(r, "family deductible accumulator mismatch") +
            '"Subscriber Identifier","Patient Name","Relationship","Birth Date","Svc Date","Rendering NPI","Dx","Paid"\n'
            + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_pipe_remit(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        rows.append("|".join([P(p.claim, "other_id"), P(p.account, "account_number"), P(p.member, "health_plan_id"),
                              P(p.person.hl7(upper=True, middle=False).replace("^", ","), "person_name"),
                              P(fd(r.recent(90), "hl7"), "date"), r.c(["1", "2", "4", "22"]), money(r), money(r),
                              r.c(["CO-45", "PR-1", "CO-97", "OA-23", "PR-2"])]))
    return ("835 remit flattened by the ETL (pipe delimited), payer %s, check EFT %s\n\n"
            "CLP01_CLAIM|PAT_CTRL_NO|MEMBER_ID|PATIENT_NAME|SVC_DATE|CLP02_STATUS|CHARGE|PAID|CARC\n%s\n"
            % (r.c(PAYERS)[0], r.digits(10), "\n".join(rows)))


@tpl("claims_csv", True)
def cc_fixed_width(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        nm = p.person.formal[:24]
        if nm != p.person.formal:
            nm = p.person.family[:24]
        rows.append("%s%s%s%s%s%s" % (P(p.member, "health_plan_id") + " " * (16 - len(p.member)), P(nm, "person_name") + " " * (26 - len(nm)),
                                      P(fd(p.dob, "hl7"), "date") + "  ", P(fd(r.recent(60), "hl7"), "date") + "  ",
                                      D(r.c(CPT)[0], "procedure_code") + "   ", money(r).rjust(10)))
    ruler = "MEMBER-ID       PATIENT-NAME              DOB       DOS       CPT         AMOUNT\n" + "-" * 80
    return ("Fixed-width extract CLMEXT.DAT (record length 80), first records:\n\n%s\n%s\n" % (ruler, "\n".join(rows)))


@tpl("claims_csv", True)
def cc_denials_mbi(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient(old=r.rng.random() < 0.5)
        rows.append(",".join([P(p.claim, "other_id"), P(p.mbi, "medicare_mbi"),
                              csvq(P(p.person.full, "person_name")), P(fd(p.dob, "iso"), "date"),
                              P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age),
                              P(fd(r.recent(60), "iso"), "date"), D(r.c(CPT)[0], "procedure_code"),
                              r.c(["CO-16 missing info", "CO-50 not medically necessary", "CO-197 no precert", "N290 rendering NPI"])]))
    return (csv_intro(r, "Medicare denials, last 30 days") +
            "claim_number,mbi,beneficiary,dob,age,from_dos,hcpcs,denial\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_rx_claims(r):
    rows = []
    for k in range(r.i(3, 5)):
        p = r.patient()
        drug = r.c([("00071-0155-23", "atorvastatin 10 mg tab"), ("00378-1805-10", "metformin 500 mg tab"),
                    ("00093-7146-56", "lisinopril 20 mg tab"), ("00002-8215-01", "insulin lispro 100 u/mL"),
                    ("59762-3304-1", "sertraline 50 mg tab")])
        rows.append(",".join([P("RX%s" % r.digits(7), "other_id"), P(p.member, "health_plan_id"), "0%d" % r.i(1, 3),
                              csvq(P(p.person.given, "person_name")), csvq(P(p.person.family, "person_name")),
                              P(fd(p.dob, "us"), "date"), P(fd(r.recent(30), "us"), "date"), D(drug[0], "drug_code"),
                              D(drug[1], "medication"), str(r.c([30, 60, 90])), str(r.c([30, 90])), D(r.npi(), "other_id")]))
    return (csv_intro(r, "PBM claim file rejected for bad person codes") +
            "rx_number,cardholder_id,person_code,pt_first,pt_last,pt_dob,fill_date,ndc11,drug,qty,days_supply,pharmacy_npi\n"
            + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_eligibility_roster(r):
    rows = []
    for k in range(r.i(3, 4)):
        p = r.patient()
        a = p.addr
        line2 = a.unit if a.kind != "unitfirst" else ""
        line1 = a.line1 if a.kind != "unitfirst" else a.street()
        rows.append(",".join([P(p.member, "health_plan_id"), csvq(P(p.person.family, "person_name")),
                              csvq(P(p.person.given, "person_name")), csvq(P(line1, "street_address")),
                              csvq(P(line2, "street_address")) if line2 else "", csvq(P(a.city, "street_address")),
                              D(a.state, "state"), P(a.zip, "zip_code"), P(p.phone.fmt(r.c(["plain", "dash"])), "phone"),
                              P(p.email, "email"), D(fd(dt.date(TODAY.year + 1, 1, 1), "iso"), "date"), ""]))
    return (csv_intro(r, "834 eligibility converted to CSV for the outreach vendor") +
            "MemberID,LastName,FirstName,Addr1,Addr2,City,St,Zip,Phone,Email,CovEffective,CovTerm\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", True)
def cc_multiline_notes(r):
    rows = []
    for k in range(r.i(2, 3)):
        p = r.patient(old=r.rng.random() < 0.5)
        rel = r.relative(p.person)
        note = '"Called %s (%s) on %s re: appeal.\nSays %s is %s and in hospice,\ncall back at %s"' % (
            P(rel.full, "person_name"), relw(r, rel)[2], D(fd(r.recent(10), "us_nopad"), "date"), pron(p),
            age_phrase(r, p.age, r.c(["years old", "aged"])), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"))
        rows.append(",".join([P(p.claim, "other_id"), csvq(P(p.person.formal, "person_name")), P(p.member, "health_plan_id"),
                              P(fd(r.recent(120), "iso"), "date"), money(r), note]))
    return (csv_intro(r, "appeals worklist export (notes column has line breaks)") +
            "claim_id,patient,member_id,dos,amount,notes\n" + "\n".join(rows) + "\n")


@tpl("claims_csv", False)
def cc_clean_fee_schedule(r):
    rows = ["%s,%s,%s,%s,%s" % (D(c, "procedure_code"), r.c(["", "26", "TC", "25"]), csvq(d), money(r),
                                fd(dt.date(TODAY.year + 1, 1, 1), "iso")) for c, d in r.sample(CPT, 6)]
    return (csv_intro(r, "%d physician fee schedule, locality %02d" % (TODAY.year + 1, r.i(1, 99))) +
            "cpt_hcpcs,modifier,description,allowed,effective\n" + "\n".join(rows) +
            "\n\nSource: CMS PFS relative value file, conversion factor %d.%04d. No member data.\n" % (r.i(30, 35), r.i(0, 9999)))


@tpl("claims_csv", False)
def cc_clean_layout_spec(r):
    au = r.staff()
    return ("Claims extract layout v%d.%d (owner %s)\n\n"
            "| # | Column | Type | Notes |\n|---|---|---|---|\n| 1 | Mbr# | char(12) | plan member id |\n"
            "| 2 | pt_lname | varchar(60) | |\n| 3 | pt_fname | varchar(60) | |\n| 4 | DOB_YYYYMMDD | char(8) | |\n"
            "| 5 | mbi | char(11) | Medicare only |\n| 6 | ssn | char(9) | optional, usually blank |\n| 7 | zip | char(5) | |\n\n"
            "EXAMPLE ROW (test data from the spec appendix, not a member):\n"
            "Mbr#,pt_lname,pt_fname,DOB_YYYYMMDD,mbi,ssn,zip\nTEST00000001,Doe,John,<YYYYMMDD>,1EG4TE5MK73,123456789,00000\n\n"
            "Questions to %s (%s).\n" % (r.i(1, 4), r.i(0, 9), au.n(), au.n(), D(au.email, "staff_contact")))


# --------------------------------------------------------------------------------------------
# family: email_forward
# --------------------------------------------------------------------------------------------
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def outlook_date(t):
    return "%s, %s %d, %d %d:%02d %s" % (WEEKDAYS[t.weekday()], MONTHS[t.month - 1], t.day, t.year,
                                         (t.hour % 12) or 12, t.minute, "AM" if t.hour < 12 else "PM")


def gmail_date(t):
    return "%s, %s %d, %d at %d:%02d %s" % (WEEKDAYS[t.weekday()][:3], MON3[t.month - 1], t.day, t.year,
                                            (t.hour % 12) or 12, t.minute, "AM" if t.hour < 12 else "PM")


def staff_addr(s, style=0):
    if style == 0:
        return "%s <%s>" % (D("%s, %s" % (s.family, s.given), "person_name"), D(s.email, "staff_contact"))
    return "%s <%s>" % (s.n(), D(s.email, "staff_contact"))


def sig(r, s, role=None):
    role = role or r.c(["Patient Access Representative", "Billing Specialist", "RN Care Coordinator", "Practice Manager"])
    return ("%s\n%s | %s\nDirect %s | Fax %s\n%s\nCONFIDENTIALITY NOTICE: This message may contain protected health information."
            % (s.n(), role, D(r.fac, "facility"), D(s.work.fmt("dot"), "staff_contact"), D(r.phone().fmt("dot"), "staff_contact"),
               D(s.email, "staff_contact")))


def team_box(r, name):
    box = "-".join(ascii_handle(w) for w in name.split())
    return "%s <%s>" % (name, D("%s@%s" % (box, r.domain), "staff_contact"))


@tpl("email_forward", True)
def ef_outlook_fwd_bill(r):
    p = r.patient()
    s1 = r.staff()
    t2 = r.dtime(r.recent(5))
    t1 = t2 - dt.timedelta(hours=r.i(2, 40))
    dos = r.recent(60)
    return ("From: %s\nSent: %s\nTo: %s\nSubject: FW: question about my bill\n\nCan someone in PFS call %s back? %s is upset.\n\n"
            "%s\n\n-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: question about my bill\n\n"
            "Hello, I was seen on %s at your %s office and I got a bill for $%s even though my insurance should cover it. "
            "My account number is %s and my date of birth is %s. My insurance member ID is %s. Please call me at %s "
            "after 5pm. If it is easier I can pay the copay now with my card %s exp %02d/%02d.\n\nThank you,\n%s\n%s\n"
            % (staff_addr(s1, 0), D(outlook_date(t2), "date"), team_box(r, "Patient Financial Services"),
               "him" if p.sex == "M" else "her", pron(p).capitalize(), sig(r, s1),
               P(p.person.full, "person_name"), P(p.email, "email"), D(outlook_date(t1), "date"),
               D("billing@%s" % r.domain, "staff_contact"), P(fd(dos, r.c(["us_nopad", "long_us", "mon_us"])), "date"),
               r.c(["Main Street", "Westside", "downtown"]), money(r), P(p.account, "account_number"),
               P(fd(p.dob, r.c(DATE_STYLES_PROSE)), "date"), P(p.member, "health_plan_id"),
               P(p.phone.fmt(r.c(Phone.STYLES)), "phone"), P(r.card(r.c(["space", "dash", "plain"])), "credit_card"),
               r.i(1, 12), r.i(27, 31), P(p.person.full, "person_name"), p.addr.prose()))


@tpl("email_forward", True)
def ef_gmail_fwd_refill(r):
    p = r.patient()
    s1, doc = r.staff(), r.staff()
    t = r.dtime(r.recent(7))
    return ("---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: refill please\nTo: <%s>\n\n\n"
            "Hi Dr. %s's office,\nI need a refill of my %s, I have 3 pills left. Pharmacy is the same as before. "
            "Please mail the paper copy to my new address:\n%s\n%s, %s %s\n\n%s\nDOB %s\n\n-- \nforwarded by %s for triage\n"
            % (P(p.person.full, "person_name"), P(p.email, "email"), D(gmail_date(t), "date"),
               D("frontdesk@%s" % r.domain, "staff_contact"), D(doc.family, "person_name"), med(r),
               P(p.addr.street(), "street_address"), P(p.addr.city, "street_address"), D(p.addr.state, "state"),
               P(p.addr.zip, "zip_code"), P(p.person.first, "person_name"), P(fd(p.dob, r.c(["us", "dmy_mon_short", "ymd_slash"])), "date"),
               s1.n()))


@tpl("email_forward", True)
def ef_quoted_reply_chain(r):
    p = r.patient()
    s1, s2 = r.staff(), r.staff()
    t1 = r.dtime(r.recent(6))
    t2 = t1 + dt.timedelta(hours=r.i(1, 20))
    t3 = t2 + dt.timedelta(hours=r.i(1, 20))
    return ("%s: looping you in, see the thread below. Patient needs the prior auth re-sent.\n\n%s\n\n"
            "On %s, %s <%s> wrote:\n> Thank you. I called the number you gave me and they said you never sent it.\n"
            "> My MRN is %s if that helps.\n>\n> On %s %s <%s> wrote:\n>> Hi %s, we submitted the authorization "
            "for your MRI on %s. Please allow 3-5 business days.\n>>\n>> %s\n>>\n>>> On %s, %s wrote:\n"
            ">>> Hello, my name is %s, birthday %s. I am scheduled for an MRI on %s and still have no approval. "
            "My phone is %s.\n"
            % (D(s2.given, "person_name"), s1.n(), D(gmail_date(t3).replace(" at ", " "), "date"), P(p.person.full, "person_name"),
               P(p.email, "email"), P(p.mrn, "mrn"), D(gmail_date(t2), "date"), s1.n(), D(s1.email, "staff_contact"),
               P(p.person.first, "person_name"), D(fd(t2.date() - dt.timedelta(days=1), "us_nopad"), "date"), s1.n(),
               D(gmail_date(t1), "date"), P(p.email, "email"), P(p.person.full, "person_name"),
               P(fd(p.dob, r.c(["long_us", "ordinal", "us_short"])), "date"),
               P(fd(TODAY + dt.timedelta(days=r.i(2, 20)), "long_us"), "date"), P(p.phone.fmt(r.c(Phone.STYLES)), "phone")))


@tpl("email_forward", True)
def ef_spanish_fwd_mother(r):
    p = r.patient(old=True, sex="F", culture=r.c(["hispanic", "portuguese", "filipino"]))
    hija = r.relative(p.person, sex="F")
    s1 = r.staff()
    t2 = r.dtime(r.recent(4))
    t1 = t2 - dt.timedelta(hours=r.i(3, 30))
    return ("De: %s\nEnviado el: %s\nPara: %s\nAsunto: RV: cita de mi mamá\n\nPor favor atender, la familia habla español.\n\n"
            "De: %s <%s>\nEnviado el: %s\nPara: %s\nAsunto: cita de mi mamá\n\nBuenos días, soy %s, hija de %s "
            "(fecha de nacimiento %s). Mi mamá tiene %s años y necesita cambiar su cita del %s porque no tenemos transporte. "
            "Pueden llamarme al %s. Vivimos en %s, %s.\n\nGracias,\n%s\n"
            % (staff_addr(s1, 1), D("%s, %d de %s de %d %d:%02d" % (["lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
                                                                     "domingo"][t2.weekday()], t2.day, MESES[t2.month - 1], t2.year,
                                                                    t2.hour, t2.minute), "date"),
               team_box(r, "Scheduling"), P(hija.full, "person_name"), P(r.email_for(hija), "email"),
               D("%d de %s de %d %d:%02d" % (t1.day, MESES[t1.month - 1], t1.year, t1.hour, t1.minute), "date"),
               D("citas@%s" % r.domain, "staff_contact"), P(hija.full, "person_name"), P(p.person.full, "person_name"),
               P(fd(p.dob, r.c(["eu_slash", "es"])), "date"), P(str(p.age), "age_over_89"),
               P(fd(TODAY + dt.timedelta(days=r.i(2, 14)), "es"), "date"), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"),
               P(p.addr.street(), "street_address"), P(p.addr.city, "street_address"), P(hija.given, "person_name")))


@tpl("email_forward", True)
def ef_french_apple_mail(r):
    p = r.patient(culture=r.c(["french", "arabic", "east_african", "vietnamese", "hebrew"]))
    s1 = r.staff()
    t = r.dtime(r.recent(5))
    return ("Transféré pour info, voir la demande ci-dessous.\n%s\n\nDébut du message réexpédié :\n\n"
            "De: %s <%s>\nObjet: Demande de dossier médical\nDate: %s\nÀ: %s\n\n"
            "Bonjour,\nJe souhaite obtenir une copie de mon dossier (séjour du %s au %s). Numéro de dossier : %s. "
            "Date de naissance : %s. Merci de l'envoyer à l'adresse suivante : %s.\nTél. : %s\n\nCordialement,\n%s\n"
            % (s1.n(), P(p.person.full, "person_name"), P(p.email, "email"),
               D("%d %s %d à %02d:%02d:%02d UTC−5" % (t.day, MOIS[t.month - 1], t.year, t.hour, t.minute, t.second), "date"),
               D("him@%s" % r.domain, "staff_contact"), P(fd(p.admit, "eu_slash"), "date"), P(fd(p.discharge, "eu_slash"), "date"),
               P(p.mrn, "mrn"), P(fd(p.dob, "fr"), "date"), p.addr.prose(), P(p.phone.fmt(r.c(["intl", "dot", "space"])), "phone"),
               P(p.person.full, "person_name")))


@tpl("email_forward", True)
def ef_portal_notification(r):
    p = r.patient()
    s1, doc = r.staff(), r.staff()
    t = r.dtime(r.recent(3))
    url = "https://portal.%s/app/messages/thread/%s?patient=%s" % (r.domain, r.digits(8), p.mrn)
    return ("From: %s\nSent: %s\nTo: %s\nSubject: FW: New MyHealth message from %s\n\nThis one went to the wrong pool, "
            "can you reassign to Dr. %s?\n\n________________________________\nFrom: MyHealth Notifications <noreply@%s>\n"
            "Subject: New MyHealth message from %s\n\nYou have a new message from %s (DOB %s, MRN %s).\n"
            "Subject: \"%s\"\nOpen it here: %s\n\nPlease do not reply to this automated message.\n"
            % (staff_addr(s1, r.i(0, 1)), D(outlook_date(t), "date"), staff_addr(r.staff(), 1), P(p.person.full, "person_name"),
               D(doc.family, "person_name"), r.domain, P(p.person.full, "person_name"), P(p.person.full, "person_name"),
               P(fd(p.dob, "us"), "date"), P(p.mrn, "mrn"), r.c(["side effects from new med", "question about results",
                                                                 "need a work note"]), P(url, "url")))


@tpl("email_forward", True)
def ef_caregiver_son(r):
    p = r.patient(old=True, sex="F")
    son = r.relative(p.person, sex="M")
    s1 = r.staff()
    t = r.dtime(r.recent(5))
    return ("Fwd from the general inbox. %s\n\n> From: %s <%s>\n> Date: %s\n> Subject: my mother %s\n>\n"
            "> To whom it may concern, my mother %s turned %s last month and can no longer manage her own appointments. "
            "I am her son and have power of attorney. Please add me as a contact on her chart (MRN %s). "
            "I can be reached at %s (cell) or %s (work). She still lives at %s in %s but I handle her mail.\n>\n> %s\n"
            % (s1.n(), P(son.full, "person_name"), P(r.email_for(son), "email"), D(gmail_date(t), "date"),
               P(p.person.full, "person_name"), P(p.person.full, "person_name"), P(str(p.age), "age_over_89"), P(p.mrn, "mrn"),
               P(r.phone().fmt(r.c(Phone.STYLES)), "phone"), P(r.phone().fmt(r.c(Phone.STYLES)), "phone"),
               P(p.addr.street(), "street_address"), P(p.addr.city, "street_address"), P(son.full, "person_name")))


@tpl("email_forward", True)
def ef_raw_mime_headers(r):
    p = r.patient()
    s1 = r.staff()
    t = r.dtime(r.recent(4))
    ip = "%d.%d.%d.%d" % (r.c([73, 98, 24, 174]), r.i(1, 254), r.i(1, 254), r.i(1, 254))
    return ("%s asked for the full headers of the phishing-looking message; it is actually from the patient:\n\n"
            "Return-Path: <%s>\nReceived: from mail-%s.google.com (mail-%s.google.com [209.85.%d.%d])\n"
            "        by mx1.%s (Postfix) with ESMTPS id %s\n        for <%s>; %s\nX-Originating-IP: [%s]\n"
            "Message-ID: <CA+%s@mail.gmail.com>\nDate: %s\nFrom: \"%s\" <%s>\nTo: %s\nSubject: =?UTF-8?Q?records_request?=\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
            "Please send my records to my new doctor. DOB %s, phone %s.\n"
            % (s1.n(), P(p.email, "email"), r.alnum(6).lower(), r.alnum(6).lower(), r.i(128, 223), r.i(1, 254), r.domain,
               r.hexs(10).upper(), D("records@%s" % r.domain, "staff_contact"), D(t.strftime("%a, %d %b %Y %H:%M:%S -0500"), "date"),
               P(ip, "ip_address"), r.alnum(28), D(t.strftime("%a, %d %b %Y %H:%M:%S -0500"), "date"),
               P(p.person.full, "person_name"), P(p.email, "email"), D("records@%s" % r.domain, "staff_contact"),
               P(fd(p.dob, r.c(["us", "iso"])), "date"), P(p.phone.fmt(r.c(Phone.STYLES)), "phone")))


@tpl("email_forward", True)
def ef_insurance_appeal(r):
    p = r.patient()
    s1 = r.staff()
    dos = r.recent(120)
    t = r.dtime(r.recent(3))
    return ("From: %s\nSent: %s\nTo: %s\nSubject: FW: Appeal - denied claim\n\nForwarding the member's appeal letter for the "
            "file. Group %s.\n\n%s\n\n-----Original Message-----\nFrom: %s <%s>\n\nRE: Appeal of claim %s\nMember: %s\n"
            "Member ID: %s\nDate of service: %s\nProvider: %s\n\nI am writing to appeal the denial of my claim for %s. "
            "My doctor said it was medically necessary because of my %s. Please contact me at %s or %s.\n\nSincerely,\n%s\n"
            % (staff_addr(s1, 0), D(outlook_date(t), "date"), team_box(r, "Appeals and Grievances"), D("GRP" + r.digits(6), "other_id"),
               sig(r, s1, "Appeals Coordinator"), P(p.person.full, "person_name"), P(p.email, "email"), P(p.claim, "other_id"),
               P(p.person.full, "person_name"), P(p.member, "health_plan_id"), P(fd(dos, r.c(DATE_STYLES_PROSE)), "date"),
               D(r.fac, "facility"), r.c(["physical therapy", "an MRI", "a sleep study"]), D(r.c(ICD10)[1], "condition"),
               P(p.phone.fmt(r.c(Phone.STYLES)), "phone"), P(p.addr.street(), "street_address") + ", " + P(p.addr.city, "street_address"),
               P(p.person.full, "person_name")))


@tpl("email_forward", True)
def ef_html_result_letter(r):
    p = r.patient()
    s1, doc = r.staff(), r.staff()
    d = r.recent(10)

    def x(v, k):
        return P(mapm(v, xesc), k)
    return ("Forwarding the HTML source, the template renders the name twice. %s\n\n"
            "<html><body style=\"font-family:Arial\">\n<p>Dear %s <b>%s</b>,</p>\n"
            "<p>Your lab results from <span class=\"dos\">%s</span> are now available. Your A1c was %s%%.</p>\n"
            "<p>Patient: %s &middot; DOB %s &middot; MRN %s</p>\n<p>Sincerely,<br/>%s, MD<br/>%s</p>\n"
            "<p style=\"font-size:9px\">Sent to %s</p>\n</body></html>\n"
            % (s1.n(), D(title(r, p), "title"), x(p.person.full, "person_name"), P(fd(d, "long_us"), "date"),
               "%d.%d" % (r.i(5, 11), r.i(0, 9)), x(p.person.full, "person_name"), P(fd(p.dob, "us"), "date"), P(p.mrn, "mrn"),
               doc.n(), D(r.fac, "facility"), P(p.email, "email")))


@tpl("email_forward", False)
def ef_clean_staff_coverage(r):
    s1, s2, s3 = r.staff(), r.staff(), r.staff()
    t = r.dtime(r.recent(5))
    t0 = t - dt.timedelta(hours=r.i(2, 30))
    return ("From: %s\nSent: %s\nTo: %s; %s\nSubject: FW: holiday clinic coverage\n\nSee below, please confirm by Friday.\n\n%s\n\n"
            "-----Original Message-----\nFrom: %s\nSent: %s\nSubject: holiday clinic coverage\n\n"
            "Hi all, %s will cover the Dec 24 afternoon session and %s the 31st. Dial-in for the huddle: "
            "+1 646 558 8656, meeting ID 873 2201 4410, passcode 551902.\n\nThanks,\n%s\n"
            % (staff_addr(s1, 0), D(outlook_date(t), "date"), staff_addr(s2, 1), staff_addr(s3, 1), sig(r, s1, "Practice Manager"),
               staff_addr(s2, 0), D(outlook_date(t0), "date"), s3.n(), s2.n(), s2.n()))


@tpl("email_forward", False)
def ef_clean_vendor_notice(r):
    s1 = r.staff()
    t = r.dtime(r.recent(5))
    return ("---------- Forwarded message ---------\nFrom: Lumen EHR Hosting <noreply@lumenhosting.example>\nDate: %s\n"
            "Subject: Scheduled maintenance %s 01:00-03:00 ET\nTo: <%s>\n\n"
            "Dear customer,\nVersion %d.%d.%d will be deployed to your production tenant. After the upgrade, verify with the "
            "test patient only (ZZTEST, PATIENT; phone 555-0199; SSN 123-45-6789; ZIP 00000). Do not use real charts for "
            "smoke tests.\nStatus page: https://status.lumenhosting.example/incidents/%s\nSupport: 1-800-732-4410, option 2.\n\n"
            "-- forwarded by %s\n"
            % (D(gmail_date(t), "date"), fd(TODAY + dt.timedelta(days=r.i(3, 20)), "iso"), D(s1.email, "staff_contact"),
               r.i(20, 26), r.i(1, 12), r.i(0, 9), r.alnum(10).lower(), s1.n()))


# --------------------------------------------------------------------------------------------
# family: clean_stack_trace
# --------------------------------------------------------------------------------------------
def frames(r, pkgs, n):
    out = []
    for k in range(n):
        pk, cls, meth = r.c(pkgs)
        out.append("\tat %s.%s.%s(%s.java:%d)" % (pk, cls, meth, cls, r.i(20, 900)))
    return "\n".join(out)


JFRAMES = [("org.acme.intf.adt", "AdtMapper", "mapVisit"), ("org.acme.intf.adt", "AdtMapper", "map"),
           ("org.acme.intf.route", "InboundRouter", "route"), ("ca.uhn.hl7v2.model", "AbstractGroup", "get"),
           ("org.springframework.kafka.listener", "KafkaMessageListenerContainer$ListenerConsumer", "doInvokeRecordListener"),
           ("org.acme.fhir.facade", "PatientResourceProvider", "search"),
           ("org.hibernate.internal", "SessionImpl", "firePersist"), ("org.acme.billing", "ClaimWriter", "flush"),
           ("java.base/java.util.concurrent", "ThreadPoolExecutor", "runWorker")]


def jira_clean_head(r, project, summary):
    rep, asg = r.staff(), r.staff()
    return rep, asg, jira_head(r, project, summary, rep, asg, r.c(["backend", "regression", "prod"]))[1]


@tpl("clean_stack_trace", False)
def cs_npe_adt_mapper(r):
    rep, asg, head = jira_clean_head(r, "INTF", "NullPointerException in AdtMapper when PV1-3 is empty")
    return (head + "\nEnvironment: intf-engine %d.%d.%d (build %d), JDK 21.0.%d, host %s\n\n{noformat}\n%s ERROR [%s] o.a.i.route.InboundRouter - "
            "message %s failed\njava.lang.NullPointerException: Cannot invoke \"ca.uhn.hl7v2.model.v251.datatype.PL.getPointOfCare()\" "
            "because the return value of \"ca.uhn.hl7v2.model.v251.segment.PV1.getAssignedPatientLocation()\" is null\n%s\n{noformat}\n\n"
            "Happens only for pre-admits (A05) where PV1-3 is empty. No patient data needed to reproduce: use "
            "src/test/resources/hl7/a05-empty-pv1-3.hl7 (synthetic).\n\n%s can you take this? %s reviewed the fix in PR #%d.\n"
            % (r.i(3, 6), r.i(0, 30), r.i(0, 9), r.i(1000, 9999), r.i(1, 9), r.server_ip(),
               r.dtime().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3], r.c(["mllp-rx-3", "pool-2-thread-14"]), r.uuid(),
               frames(r, JFRAMES, r.i(5, 9)), mention(r, asg), mention(r, r.staff()), r.i(100, 999)))


@tpl("clean_stack_trace", False)
def cs_spring_datasource(r):
    rep, asg, head = jira_clean_head(r, "OPS", "billing-svc fails to start in UAT: Hikari cannot reach Postgres")
    ip = r.server_ip()
    return (head + "\n{code}\n%s ERROR 1 --- [           main] o.s.boot.SpringApplication : Application run failed\n\n"
            "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'entityManagerFactory' "
            "defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]\n"
            "Caused by: org.postgresql.util.PSQLException: Connection to %s:5432 refused. Check that the hostname and port are "
            "correct and that the postmaster is accepting TCP/IP connections.\n%s\n{code}\n\n"
            "spring.datasource.url=jdbc:postgresql://%s:5432/billing_uat?sslmode=require\nspring.datasource.hikari.maximum-pool-size=%d\n"
            "Image: registry.acme.internal/billing-svc:%d.%d.%d-%s\n\n%s: the security group was rotated on %s; %s to re-apply the rule.\n"
            % (r.dtime().isoformat(), ip, frames(r, [("org.postgresql.core.v3", "ConnectionFactoryImpl", "openConnectionImpl"),
                                                    ("com.zaxxer.hikari.pool", "HikariPool", "checkFailFast"),
                                                    ("org.springframework.boot", "SpringApplication", "run")], 4),
               ip, r.i(10, 40), r.i(2, 5), r.i(0, 20), r.i(0, 9), r.hexs(7), asg.n(), fd(r.recent(10), "iso"), mention(r, rep)))


@tpl("clean_stack_trace", False)
def cs_hibernate_unique(r):
    rep, asg, head = jira_clean_head(r, "EMPI", "Duplicate key on uk_patient_mrn during batch import")
    return (head + "\nBatch job empi-import #%d aborted after %d of %d rows.\n\n{noformat}\n"
            "WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 23505\n"
            "ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: duplicate key value violates unique constraint \"uk_patient_mrn\"\n"
            "  Detail: Key (mrn)=(<redacted>) already exists.\n"
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [uk_patient_mrn]\n"
            "%s\n{noformat}\n\nThe logger already redacts key values (see LogMaskingConverter). Root cause: the source file has the same "
            "record twice with different trailing whitespace. Run id %s, file sha256 %s.\n%s\n"
            % (r.i(1000, 9999), r.i(100, 5000), r.i(5000, 20000), frames(r, JFRAMES, 5), r.uuid(), r.hexs(64), mention(r, asg)))


@tpl("clean_stack_trace", False)
def cs_jackson_localdate(r):
    rep, asg, head = jira_clean_head(r, "FHIR", "Jackson cannot parse partial birthDate (year-month)")
    return (head + "\nPer FHIR, birthDate may be YYYY or YYYY-MM. Our DTO uses LocalDate.\n\n{code:java}\n"
            "com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` "
            "from String \"<redacted>\": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) "
            "Text '<redacted>' could not be parsed at index 4\n at [Source: (String)\"{\"resourceType\":\"Patient\",\"id\":\"example\"...\"; "
            "line: 1, column: %d] (through reference chain: org.acme.fhir.dto.PatientDto[\"birthDate\"])\n%s\n{code}\n\n"
            "Repro with the spec example: {\"resourceType\":\"Patient\",\"birthDate\":\"1974-12\"} (official example Patient/example "
            "uses a full date; this one is made up for the partial-date case). Fix: switch to a custom PartialDate type. "
            "%s %s\n" % (r.i(100, 400), frames(r, [("com.fasterxml.jackson.databind", "ObjectMapper", "readValue"),
                                                    ("org.acme.fhir.facade", "PatientResourceProvider", "create"),
                                                    ("org.acme.fhir.dto", "PatientDto$Deserializer", "deserialize")], 4),
                          mention(r, asg), mention(r, rep)))


@tpl("clean_stack_trace", False)
def cs_oom_threaddump(r):
    rep, asg, head = jira_clean_head(r, "PLAT", "report-worker OOM during month-end claims export")
    return (head + "\n{noformat}\n[%s][gc] GC(%d) Pause Full (G1 Compaction Pause) %dM->%dM(%dM) %d.%03dms\n"
            "Exception in thread \"export-pool-%d\" java.lang.OutOfMemoryError: Java heap space\n%s\n\n"
            "\"export-pool-%d\" #%d prio=5 os_prio=0 cpu=%d.%02dms elapsed=%d.%02ds tid=0x00007f%s nid=0x%x waiting on condition\n"
            "   java.lang.Thread.State: TIMED_WAITING (parking)\n\tat jdk.internal.misc.Unsafe.park(java.base@21.0.%d/Native Method)\n"
            "{noformat}\n\nHeap dump: s3://acme-diag/heapdumps/report-worker-%s.hprof (restricted bucket, may contain PHI, do not download "
            "locally). -Xmx4g on node %s. %s\n"
            % (r.dtime().isoformat(), r.i(100, 9000), r.i(3900, 4096), r.i(3800, 4000), 4096, r.i(200, 2000), r.i(0, 999),
               r.i(1, 8), frames(r, [("org.acme.billing", "ClaimWriter", "flush"), ("java.util", "ArrayList", "grow"),
                                     ("org.apache.poi.xssf.usermodel", "XSSFSheet", "createRow")], 4),
               r.i(1, 8), r.i(20, 90), r.i(1000, 90000), r.i(0, 99), r.i(100, 9000), r.i(0, 99), r.hexs(10), r.i(4096, 65535),
               r.i(1, 9), r.hexs(12), r.server_ip(), mention(r, asg)))


@tpl("clean_stack_trace", False)
def cs_ssl_pkix(r):
    rep, asg, head = jira_clean_head(r, "HIE", "PKIX path building failed calling partner FHIR endpoint")
    ip = "%d.%d.%d.%d" % (r.c([52, 34, 20]), r.i(1, 254), r.i(1, 254), r.i(1, 254))
    return (head + "\n{noformat}\njavax.net.ssl.SSLHandshakeException: PKIX path building failed: "
            "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n"
            "%s\n{noformat}\n\ncurl -v https://fhir.partner-hie.example/r4/metadata\n*   Trying %s:443...\n* Connected to "
            "fhir.partner-hie.example (%s) port 443\n* Server certificate:\n*  subject: CN=fhir.partner-hie.example\n"
            "*  start date: %s\n*  expire date: %s\n*  issuer: C=US; O=Example Intermediate CA R%d\n\n"
            "The partner rotated to a new intermediate on %s. %s will add it to the truststore (alias partner-int-r%d).\n"
            % (frames(r, [("sun.security.ssl", "Alert", "createSSLException"), ("java.net.http", "HttpClientImpl", "send"),
                          ("org.acme.hie", "PartnerClient", "fetchCapability")], 4), ip, ip,
               r.dtime().strftime("%b %d %H:%M:%S %Y GMT"), (r.dtime() + dt.timedelta(days=397)).strftime("%b %d %H:%M:%S %Y GMT"),
               r.i(2, 9), fd(r.recent(10), "long_us"), asg.n(), r.i(2, 9)))


# --------------------------------------------------------------------------------------------
# family: clean_meeting_notes
# --------------------------------------------------------------------------------------------
def attendees(r, n):
    return [r.staff() for _ in range(n)]


@tpl("clean_meeting_notes", False)
def mn_standup(r):
    ppl = attendees(r, r.i(4, 6))
    items = ["* %s: %s" % (mention(r, s), r.c(["finished the A08 mapping, PR up", "blocked on UAT refresh", "on call, two pages overnight",
                                               "pairing on the FHIR facade paging bug", "out Friday"])) for s in ppl]
    acts = ["[ ] %s to %s by %s" % (mention(r, s), r.c(["rerun the load test", "update the runbook", "ask vendor for logs"]),
                                    fd(TODAY + dt.timedelta(days=r.i(1, 10)), "mon_us")) for s in r.sample(ppl, 2)]
    return ("Integration team stand-up, %s\nAttendees: %s\n\nUpdates\n%s\n\nAction items\n%s\n"
            % (fd(r.recent(10), "long_us"), ", ".join(s.n() for s in ppl), "\n".join(items), "\n".join(acts)))


@tpl("clean_meeting_notes", False)
def mn_zoom_dialin(r):
    host = r.staff()
    mid = "%d %04d %04d" % (r.i(800, 999), r.i(0, 9999), r.i(0, 9999))
    pc = r.digits(6)
    return ("%s is inviting you to a scheduled Zoom meeting.\n\nTopic: Interface go-live readiness\nTime: %s 10:00 AM Eastern Time (US and Canada)\n\n"
            "Join Zoom Meeting\nhttps://acmehealth.zoom.us/j/%s?pwd=%s\n\nMeeting ID: %s\nPasscode: %s\n\n---\n"
            "One tap mobile\n+16465588656,,%s#,,,,*%s# US (New York)\n+13017158592,,%s#,,,,*%s# US (Washington DC)\n\n"
            "Dial by your location\n• +1 646 558 8656 US (New York)\n• +1 301 715 8592 US (Washington DC)\n• +1 312 626 6799 US (Chicago)\n"
            "Meeting ID: %s\nPasscode: %s\n\nAttendees: %s\nAgenda: cutover checklist, downtime procedures, who calls the help desk.\n"
            % (host.n(), fd(TODAY + dt.timedelta(days=r.i(1, 14)), "mon_us"), mid.replace(" ", ""), r.alnum(24, "abcdefghijkmnpqrstuvwxyzABCDEFGH23456789"),
               mid, pc, mid.replace(" ", ""), pc, mid.replace(" ", ""), pc, mid, pc, ", ".join(s.n() for s in attendees(r, 4))))


@tpl("clean_meeting_notes", False)
def mn_steering_committee(r):
    ppl = attendees(r, 5)
    return ("Data governance steering committee - %s\nPresent: %s (chair), %s, %s, Dr. %s, %s, MD\n\n"
            "Decisions\n||#||Decision||Owner||\n|1|Exports to the research warehouse keep year of birth only; ages for patients aged "
            "90 and older are reported as \"90+\".|%s|\n|2|Go-live for the de-identification service moved to %s.|%s|\n"
            "|3|Budget for the %d tokenisation licence approved ($%d,000).|%s|\n\nRisks\n- Vendor SOC 2 report expires %s.\n"
            "- Safe Harbor list review due in Q%d.\n\nNext meeting: %s, room 4B, bridge 1-877-336-1829 code %s#\n"
            % (fd(r.recent(20), "iso"), ppl[0].n(), ppl[1].n(), ppl[2].n(), D(ppl[3].family, "person_name"), ppl[4].n(),
               ppl[1].n(), fd(TODAY + dt.timedelta(days=r.i(20, 90)), "long_us"), ppl[2].n(), TODAY.year + 1, r.i(40, 300),
               ppl[0].n(), fd(TODAY + dt.timedelta(days=r.i(30, 200)), "iso"), r.i(1, 4),
               fd(TODAY + dt.timedelta(days=r.i(14, 40)), "long_us"), r.digits(7)))


@tpl("clean_meeting_notes", False)
def mn_retro(r):
    ppl = attendees(r, r.i(4, 6))
    return ("Sprint %d retrospective (facilitator %s)\n\nWhat went well\n- %s's runbook for the MLLP failover worked first time\n"
            "- INC%07d resolved in %d minutes\n\nWhat didn't\n- UAT data refresh slipped %d days\n- Too many pages for the disk alert on %s\n\n"
            "Actions\n- %s: tune the disk alert threshold to 85%%\n- %s: write the test-data generator so nobody copies prod rows\n"
            "\nVotes: %s\n" % (r.i(40, 120), ppl[0].n(), D(ppl[1].given, "person_name"), r.i(10 ** 5, 10 ** 7), r.i(12, 240),
                               r.i(2, 9), r.server_ip(), ppl[2].n(), ppl[3].n(),
                               ", ".join("%s %d" % (s.n(), r.i(0, 5)) for s in ppl)))


@tpl("clean_meeting_notes", False)
def mn_teams_transcript(r):
    ppl = attendees(r, 3)
    lines = []
    t = 0
    texts = ["Can everyone see my screen?", "So the test patient is John Doe, MRN placeholder, nothing real.",
             "The validator flagged 123-45-6789 but that's the documented test SSN.",
             "We need the ICD-10 list for heart failure, I50.9 and the I50.2 family.",
             "I'll send the recording link after, it expires in 30 days.", "Let's reconvene Thursday."]
    for k, tx in enumerate(texts):
        t += r.i(20, 200)
        s = ppl[k % 3]
        tx = tx.replace("I50.9", D("I50.9", "diagnosis_code")).replace("I50.2", D("I50.2", "diagnosis_code")).replace(
            "heart failure", D("heart failure", "condition"))
        lines.append("[%02d:%02d:%02d] %s: %s" % (t // 3600, t % 3600 // 60, t % 60, s.n(), tx))
    return ("Transcript - Test data review - %s\nRecorded by %s\n\n%s\n" % (fd(r.recent(10), "mon_us"), ppl[0].n(), "\n".join(lines)))


@tpl("clean_meeting_notes", False)
def mn_change_board(r):
    ppl = attendees(r, 4)
    rows = []
    for k in range(3):
        s = r.staff()
        rows.append("|CHG%07d|%s|%s %s-%s ET|%s|%s|" % (r.i(10 ** 5, 10 ** 7), r.c(["Patch intf-engine to 5.2.%d" % r.i(1, 9),
                                                                                     "Rotate TLS certs on %s" % r.server_ip(),
                                                                                     "Postgres minor upgrade 16.%d" % r.i(1, 6)]),
                                                         fd(TODAY + dt.timedelta(days=r.i(1, 20)), "iso"), "01:00", "03:00", s.n(),
                                                         r.c(["Approved", "Deferred", "Approved w/ conditions"])))
    return ("Change Advisory Board - weekly\nChair: %s   Scribe: %s\nBridge: 1-888-475-4499, access code %s#, host PIN withheld\n\n"
            "||Change||Summary||Window||Implementer||Outcome||\n%s\n\nNotes: %s asked that downtime forms be printed for 5N "
            "and the ED. Freeze starts %s.\n" % (ppl[0].n(), ppl[1].n(), r.digits(8), "\n".join(rows), ppl[2].n(),
                                                  fd(dt.date(TODAY.year, 12, 18), "long_us")))


# --------------------------------------------------------------------------------------------
# family: clean_validator_diff
# --------------------------------------------------------------------------------------------
@tpl("clean_validator_diff", False)
def vd_python_ssn(r):
    au, rv = r.staff(), r.staff()
    code = ('import re\n\n_SSN = re.compile(r"^(?!000|666|9\\d\\d)\\d{3}-?(?!00)\\d{2}-?(?!0000)\\d{4}$")\n\n\n'
            'def is_valid_ssn(value: str) -> bool:\n    """Structural check only (SSA ranges); 123-45-6789 is the documented test value."""\n'
            '    return bool(_SSN.match(value.strip()))')
    tests = ('import pytest\nfrom validators.ssn import is_valid_ssn\n\n\n@pytest.mark.parametrize("value,ok", [\n'
             '    ("123-45-6789", True),   # documented test value\n    ("000-12-3456", False),  # area 000\n'
             '    ("666-12-3456", False),  # area 666\n    ("912-34-5678", False),  # area 9xx\n    ("123-00-4567", False),  # group 00\n'
             '    ("123-45-0000", False),  # serial 0000\n])\ndef test_ssn_ranges(value, ok):\n    assert is_valid_ssn(value) is ok')
    return (pr_head(r, "validators: SSN structural check with SSA ranges", "feature/VAL-%d-ssn" % r.i(10, 99), au, [rv]) +
            diff_new("validators/ssn.py", code) + diff_new("tests/test_ssn.py", tests) + "\n" +
            review_thread(r, [rv], ["Add a case without dashes too, e.g. 123456789."]) + "\n")


@tpl("clean_validator_diff", False)
def vd_java_mbi(r):
    au, rv = r.staff(), r.staff()
    before = ['    private static final Pattern MBI = Pattern.compile("[0-9A-Z]{11}");']
    after = ['    // CMS MBI format: C A AN N A AN N A A N N, letters exclude S, L, O, I, B, Z',
             '    private static final Pattern MBI = Pattern.compile(',
             '        "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}");']
    tests = ['    @ParameterizedTest', '    @ValueSource(strings = {"1EG4-TE5-MK73", "1EG4TE5MK73"})  // CMS sample MBI',
             '    void acceptsCmsExample(String mbi) { assertTrue(MbiValidator.isValid(mbi)); }', '',
             '    @Test', '    void rejectsExcludedLetters() { assertFalse(MbiValidator.isValid("1SG4-TE5-MK73")); }']
    return (pr_head(r, "MbiValidator: enforce CMS character positions", "fix/mbi-positions", au, [rv]) +
            diff_mod(r, "core/src/main/java/org/acme/validate/MbiValidator.java", before, after,
                     (["public final class MbiValidator {"], ["", "    public static boolean isValid(String s) {"])) +
            diff_mod(r, "core/src/test/java/org/acme/validate/MbiValidatorTest.java", [], tests, (["class MbiValidatorTest {"], ["}"]))
            + "\n" + review_thread(r, [rv, au], ["Do we strip dashes before or after the length check?", "Before; the pattern allows both."])
            + "\n")


@tpl("clean_validator_diff", False)
def vd_ts_npi_luhn(r):
    au, rv = r.staff(), r.staff()
    code = ("/** NPI check digit: Luhn over the 80840 prefix + first 9 digits. */\nexport function isValidNpi(npi: string): boolean {\n"
            "  if (!/^\\d{10}$/.test(npi)) return false;\n  const digits = ('80840' + npi.slice(0, 9)).split('').map(Number);\n"
            "  let sum = 0;\n  for (let i = digits.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {\n"
            "    let d = digits[i] * (dbl ? 2 : 1);\n    sum += d > 9 ? d - 9 : d;\n  }\n  return (10 - (sum % 10)) % 10 === Number(npi[9]);\n}")
    tests = ("import { isValidNpi } from './npi';\n\ndescribe('isValidNpi', () => {\n"
             "  it('accepts the CMS documentation example', () => expect(isValidNpi('1234567893')).toBe(true));\n"
             "  it('rejects a bad check digit', () => expect(isValidNpi('1234567890')).toBe(false));\n"
             "  it('rejects letters', () => expect(isValidNpi('12345A7893')).toBe(false));\n});")
    return (pr_head(r, "web: client-side NPI validation on the referral form", "feature/referral-npi", au, [rv]) +
            diff_new("web/src/validation/npi.ts", code) + diff_new("web/src/validation/npi.test.ts", tests) + "\n")


@tpl("clean_validator_diff", False)
def vd_go_hl7_dtm(r):
    au, rv = r.staff(), r.staff()
    code = ("func TestParseDTM(t *testing.T) {\n\tcases := []struct {\n\t\tin   string\n\t\twant string\n\t\terr  bool\n\t}{\n"
            "\t\t{\"2024\", \"2024-01-01T00:00:00Z\", false},\n\t\t{\"202402\", \"2024-02-01T00:00:00Z\", false},\n"
            "\t\t{\"20240229\", \"2024-02-29T00:00:00Z\", false},\n\t\t{\"20230229\", \"\", true}, // not a leap year\n"
            "\t\t{\"202402291530-0500\", \"2024-02-29T20:30:00Z\", false},\n\t\t{\"2024022915\", \"2024-02-29T15:00:00Z\", false},\n"
            "\t}\n\tfor _, c := range cases {\n\t\tgot, err := ParseDTM(c.in)\n\t\tif (err != nil) != c.err {\n"
            "\t\t\tt.Fatalf(\"%s: err=%v\", c.in, err)\n\t\t}\n\t\tif err == nil && got.UTC().Format(time.RFC3339) != c.want {\n"
            "\t\t\tt.Errorf(\"%s: got %s want %s\", c.in, got.UTC().Format(time.RFC3339), c.want)\n\t\t}\n\t}\n}")
    return (pr_head(r, "hl7/dtm: support partial precision and offsets", "feature/dtm-precision", au, [rv]) +
            diff_new("pkg/hl7/dtm_test.go", code) + "\n" +
            review_thread(r, [rv], ["Nice. Please also cover the seconds-fraction form (20240229153012.1234)."]) + "\n")


@tpl("clean_validator_diff", False)
def vd_rust_zip_phone(r):
    au, rv = r.staff(), r.staff()
    code = ("/// Normalises a US ZIP or ZIP+4; returns None for anything else.\npub fn normalize_zip(s: &str) -> Option<String> {\n"
            "    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();\n    match d.len() {\n"
            "        5 => Some(d),\n        9 => Some(format!(\"{}-{}\", &d[..5], &d[5..])),\n        _ => None,\n    }\n}\n\n"
            "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn zip_placeholder_and_plus4() {\n"
            "        assert_eq!(normalize_zip(\"00000\").as_deref(), Some(\"00000\"));\n"
            "        assert_eq!(normalize_zip(\"00000-0000\").as_deref(), Some(\"00000-0000\"));\n"
            "        assert_eq!(normalize_zip(\"1234\"), None);\n    }\n\n    #[test]\n    fn fictional_phone_block() {\n"
            "        // 555-0100..555-0199 are reserved for fiction\n        for n in 100..200 {\n"
            "            assert!(is_fictional(&format!(\"555-0{}\", n)));\n        }\n    }\n}")
    return (pr_head(r, "normalize: ZIP+4 and fictional phone helper", "feature/normalize-zip", au, [rv]) +
            diff_new("crates/normalize/src/zip.rs", code) + "\n")


@tpl("clean_validator_diff", False)
def vd_yaml_rules(r):
    au, rv = r.staff(), r.staff()
    before = ["  - id: mrn-acme", "    regex: 'ACM\\d{8}'", "    score: 0.8"]
    after = ["  - id: mrn-acme", "    regex: '\\bACM\\d{8}\\b'", "    score: 0.9",
             "    examples:", "      match: ['<ACM + 8 digits>']", "      no_match: ['ACME2026', 'ACM-BUILD-20261201']",
             "  - id: test-values", "    allow: ['123-45-6789', '555-01\\d\\d', '1234567893', '1EG4-?TE5-?MK73', '00000']"]
    return (pr_head(r, "policy: anchor the ACME MRN pattern, add allow-list of test values", "policy/anchor-mrn", au, [rv]) +
            diff_mod(r, "policy/custom-patterns.yaml", before, after, (["custom_patterns:"], ["  - id: member-id-bhp"])) + "\n" +
            review_thread(r, [rv, au], ["Will the allow-list hide real 555 numbers?", "Only 555-0100 to 555-0199, which are fictional."])
            + "\n")


# --------------------------------------------------------------------------------------------
# family: clean_release_notes
# --------------------------------------------------------------------------------------------
@tpl("clean_release_notes", False)
def rn_semver(r):
    rel = "%d.%d.%d" % (r.i(3, 6), r.i(0, 30), r.i(0, 9))
    ppl = attendees(r, 3)
    return ("Release %s (build %d.%d) - released %s\n\nNew\n- ADT: support for A40 merges with MRG-7 (%s-%d)\n"
            "- FHIR facade: `_count` up to 1000 on Patient search (%s-%d)\n\nFixed\n- Timezone offset missing in SIU SCH-11 (%s-%d)\n"
            "- Memory leak in the MLLP listener under sustained load (%s-%d)\n\nUpgrade notes\n- Requires Postgres 15+. Migration V%d "
            "adds coverage.mbi (nullable).\n- Default port for the admin API changed from 8443 to 9443.\n\nThanks to %s.\n"
            % (rel, r.i(1000, 9999), r.i(1, 400), fd(r.recent(20), "iso"), "INTF", r.i(100, 999), "FHIR", r.i(100, 999),
               "SCHED", r.i(100, 999), "OPS", r.i(100, 999), r.i(40, 160), ", ".join(s.n() for s in ppl)))


@tpl("clean_release_notes", False)
def rn_keepachangelog(r):
    v = (r.i(1, 3), r.i(0, 20))
    return ("# Changelog\nAll notable changes to this project are documented in this file.\n\n## [%d.%d.0] - %s\n### Added\n"
            "- `phi-mask` CLI flag `--keep-year` (keeps birth year, drops month and day).\n- Ages 90 and above are bucketed as `90+`.\n"
            "### Changed\n- Default retention for audit logs is now 400 days.\n### Fixed\n- Crash on CSV files with a BOM (#%d, thanks @%s).\n\n"
            "## [%d.%d.1] - %s\n### Security\n- Bump jackson-databind to 2.17.%d (CVE-2025-%d).\n"
            % (v[0], v[1], fd(r.recent(15), "iso"), r.i(100, 999), D(r.staff().handle, "person_name"), v[0], max(v[1] - 1, 0),
               fd(r.recent(80), "iso"), r.i(0, 3), r.i(10000, 60000)))


@tpl("clean_release_notes", False)
def rn_mobile_whats_new(r):
    return ("What's New in Version %d.%d\n%s\n\n• Message your care team with photos of paperwork (not of people, please).\n"
            "• New reminders for %s and %s vaccines.\n• Proxy access: parents can switch between children's records faster.\n"
            "• Fixed: appointment times showing an hour early after the daylight saving change.\n\n"
            "Ratings: %d.%d ★ (%d,%03d ratings)   Size: %d.%d MB   Requires iOS %d.0 or later\nSeller: ACME Health Systems, Inc.\n"
            % (r.i(5, 9), r.i(0, 12), fd(r.recent(10), "mon_us"), D("flu", "medication"), D("COVID-19", "medication"), r.i(3, 4), r.i(0, 9), r.i(1, 90), r.i(0, 999), r.i(80, 250),
               r.i(0, 9), r.i(15, 17)))


@tpl("clean_release_notes", False)
def rn_hotfix_advisory(r):
    s1 = r.staff()
    return ("SECURITY ADVISORY ACME-SA-%d-%03d\nPublished: %s   Severity: High (CVSS 8.1)\nAffected: intf-engine %d.%d.0 to %d.%d.4\n"
            "Fixed in: %d.%d.5 (build %d)\n\nSummary: an attacker on the interface network could send a crafted MLLP frame that "
            "caused the listener at port 2575 to stop. No data exposure.\n\nArtifacts\n  intf-engine-%d.%d.5.tar.gz  sha256 %s\n"
            "  intf-engine-%d.%d.5.rpm     sha256 %s\n\nWorkaround: restrict 2575/tcp to the HL7 subnet %s/24.\nContact: %s, %s\n"
            % (TODAY.year, r.i(1, 40), fd(r.recent(10), "iso"), 5, 2, 5, 2, 5, 2, r.i(1000, 9999), 5, 2, r.hexs(64), 5, 2, r.hexs(64),
               r.server_ip().rsplit(".", 1)[0] + ".0", s1.n(), D("security@acme-health.example", "staff_contact")))


@tpl("clean_release_notes", False)
def rn_fhir_ig_history(r):
    return ("ACME Patient Access IG - version history\n\n||Version||Date||Changes||\n"
            "|1.%d.0|%s|Patient.birthDate must-support; new profile AcmeCoverage; MBI invariant mbi-1|\n"
            "|1.%d.0|%s|RelatedPerson profile for proxy access; search parameter `patient-guardian`|\n"
            "|1.0.0|%s|First ballot. Example Patient \"Example, Pat\" (fictional), identifier system urn:mrn|\n\n"
            "Publisher: ACME Health Informatics. Editors: %s, %s.\n"
            % (r.i(3, 6), fd(r.recent(30), "iso"), r.i(1, 2), fd(r.recent(300), "iso"), fd(r.recent(700), "iso"),
               r.staff().n(), r.staff().n()))


@tpl("clean_release_notes", False)
def rn_jira_release_report(r):
    rows = []
    for k in range(r.i(5, 7)):
        s = r.staff()
        rows.append("%s-%d\t%s\t%s\t%s" % (r.c(["INTF", "FHIR", "EMPI", "OPS"]), r.i(100, 9999),
                                         r.c(["Bug", "Story", "Task"]),
                                         r.c(["Retry on 503 from HIE", "Add MRG-7 to A40 mapping", "Upgrade HAPI to 2.5",
                                              "Rotate TLS certs", "Paginate coverage search", "Fix DST offset in SIU"]), s.n()))
    return ("Release report: EHR-IF %d.%02d   Release date: %s   Status: RELEASED\n%d issues done, 0 in progress\n\n"
            "Key\tType\tSummary\tAssignee\n%s\n\nRelease manager: %s. Deployed to prod by pipeline run #%d.\n"
            % (TODAY.year, TODAY.month, fd(r.recent(10), "mon_us"), len(rows), "\n".join(rows), r.staff().n(), r.i(1000, 99999)))


# --------------------------------------------------------------------------------------------
# family: clean_clinical_rule
# --------------------------------------------------------------------------------------------
def rule_head(r, title):
    owner = r.staff()
    return ("%s\nOwner: Dr. %s, %s   Clinical decision support committee   Version %d.%d, effective %s\n\n"
            % (title, owner.n(), r.c(["MD", "PharmD", "DO"]), r.i(1, 6), r.i(0, 9), fd(r.recent(100), "iso")))


@tpl("clean_clinical_rule", False)
def cr_sepsis_bpa(r):
    return (rule_head(r, "BPA: suspected %s, adult inpatients" % D("sepsis", "condition")) +
            "Population: patients aged 18 and older on inpatient units; excludes comfort care and %s within 72 h.\n\n"
            "Fires when ALL of:\n1. Two or more SIRS criteria (temp > 38.3 or < 36.0 C, HR > 90, RR > 20, WBC > 12 or < 4).\n"
            "2. Lactate >= 2.0 mmol/L or SBP < 90 mmHg.\n3. No active order for %s or %s.\n\nExclusion diagnoses: %s (%s), "
            "%s (%s).\nAction: order set \"Sepsis bundle\" (%s, blood cultures x2, %s).\nCPT for critical care: %s.\n"
            % (D("sepsis", "condition"), D("piperacillin-tazobactam", "medication"), D("cefepime", "medication"),
               D("neutropenia", "condition"), D("D70.9", "diagnosis_code"), D("cirrhosis", "condition"), D("K74.60", "diagnosis_code"),
               D("lactated Ringer's 30 mL/kg", "medication"), D("vancomycin", "medication"), D("99291", "procedure_code")))


@tpl("clean_clinical_rule", False)
def cr_fall_risk(r):
    return (rule_head(r, "Fall risk reassessment rule") +
            "Applies to patients aged 65 and older; patients aged 90 and older are automatically high risk regardless of "
            "Morse score.\n\nTriggers: Morse Fall Scale >= 45, or new order for %s, %s, or %s.\n"
            "Interventions: bed alarm, yellow socks, PT evaluation (%s), review of %s dosing.\n"
            "Reporting: falls with injury are coded %s plus the injury code.\n"
            % (D("zolpidem", "medication"), D("lorazepam", "medication"), D("oxycodone", "medication"),
               D("97161", "procedure_code"), D("antihypertensive", "medication"), D("W19.XXXA", "diagnosis_code")))


@tpl("clean_clinical_rule", False)
def cr_drug_interaction(r):
    pairs = r.c([("warfarin", "fluconazole"), ("simvastatin", "clarithromycin"), ("methotrexate", "trimethoprim"),
                 ("lithium", "lisinopril")])
    return (rule_head(r, "Interaction alert: %s + %s" % (D(pairs[0], "medication"), D(pairs[1], "medication"))) +
            "Severity: major. Mechanism: CYP inhibition / reduced clearance.\nAlert text: \"Concurrent %s and %s increases the risk "
            "of %s. Consider an alternative or monitor closely.\"\nSuppress when: an active %s protocol exists.\n"
            "Codes: RxNorm %s, %s.\nOverride reasons tracked monthly; last review found %d%% overrides.\n"
            % (D(pairs[0], "medication"), D(pairs[1], "medication"), D(r.c(["bleeding", "rhabdomyolysis", "toxicity"]), "condition"),
               r.c(["anticoagulation clinic", "pharmacy-to-dose"]), D(r.digits(5), "drug_code"), D(r.digits(6), "drug_code"),
               r.i(40, 95)))


@tpl("clean_clinical_rule", False)
def cr_cql_library(r):
    return ("library AcmeGeriatricScreening version '%d.%d.0'\nusing FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n"
            "valueset \"%s\": 'urn:oid:2.16.840.1.113883.3.%d.%d'\nvalueset \"%s\": 'urn:oid:2.16.840.1.113762.1.4.%d'\n\n"
            "parameter \"Measurement Period\" Interval<DateTime>\n\ncontext Patient\n\n"
            "define \"Oldest Old\":\n  AgeInYearsAt(start of \"Measurement Period\") >= 90\n\n"
            "define \"Initial Population\":\n  AgeInYearsAt(start of \"Measurement Period\") >= 65\n"
            "    and exists [Condition: \"%s\"]\n\ndefine \"Denominator Exclusion\":\n  exists [Condition: \"%s\"] C\n"
            "    where C.clinicalStatus ~ \"active\"\n// author %s, reviewed %s\n"
            % (r.i(1, 4), r.i(0, 9), D("Hip Fracture", "condition"), r.i(100, 999), r.i(1000, 9999), D("Dementia", "condition"),
               r.i(1000, 1300), D("Hip Fracture", "condition"), D("Dementia", "condition"), D(r.staff().handle, "person_name"),
               fd(r.recent(60), "iso")))


@tpl("clean_clinical_rule", False)
def cr_immunization_forecast(r):
    return (rule_head(r, "Immunization forecast rules (adult)") +
            "||Vaccine||CVX||Population||Interval||\n|%s|%s|adults aged 19 and older|every 10 years|\n"
            "|%s|%s|adults aged 50 and older|2 doses, 2-6 months apart|\n|%s|%s|adults aged 65 and older, or 19-64 with risk "
            "conditions|once|\n|%s|%s|everyone 6 months and older|annually|\n\n%s: adults aged 75 and older, and 60-74 with "
            "risk conditions, single dose (%s). Source: ACIP schedule, updated yearly.\n"
            % (D("Td/Tdap", "medication"), "115", D("recombinant zoster", "medication"), "187", D("PCV20", "medication"), "216",
               D("influenza", "medication"), "150", D("RSV", "medication"), D("RSVpreF", "medication")))


@tpl("clean_clinical_rule", False)
def cr_hedis_measure(r):
    return (rule_head(r, "Measure spec: Controlling High Blood Pressure (CBP), MY %d" % (TODAY.year + 1)) +
            "Denominator: members 18-85 years of age with %s (%s) on two outpatient dates during the year prior and the "
            "measurement year.\nExclusions: members 66 and older with %s and %s; %s (%s); hospice; "
            "members aged 81 and older with %s.\nNumerator: most recent BP < 140/90. Codes: %s, %s (systolic < 130), "
            "%s (diastolic < 80).\nMeasurement period: January 1 - December 31, %d.\n"
            % (D("hypertension", "condition"), D("I10", "diagnosis_code"), D("frailty", "condition"),
               D("advanced illness", "condition"), D("end stage renal disease", "condition"), D("N18.6", "diagnosis_code"),
               D("frailty", "condition"), D("99214", "procedure_code"), D("3074F", "procedure_code"),
               D("3078F", "procedure_code"), TODAY.year + 1))


# --------------------------------------------------------------------------------------------
# family: clean_oncall_directory
# --------------------------------------------------------------------------------------------
@tpl("clean_oncall_directory", False)
def oc_wiki_table(r):
    rows = []
    for svc in r.sample(["Interfaces", "EHR Build", "Database", "Network", "Identity", "Patient Portal", "Lab Systems"], 5):
        a, b = r.staff(), r.staff()
        rows.append("|%s|%s|%s|%s|%s|" % (svc, a.n(), D(a.pager, "staff_contact"), b.n(), D(b.work.fmt("paren"), "staff_contact")))
    return (conf_head(r, "OPS", "On-call directory, week %d" % r.i(1, 52), r.staff()) +
            "||Service||Primary||Pager||Backup||Backup cell||\n%s\n\nMajor incident bridge: 1-855-797-9485, code %s#. "
            "Service desk: ext 4-HELP.\n" % ("\n".join(rows), r.digits(7)))


@tpl("clean_oncall_directory", False)
def oc_pagerduty_csv(r):
    rows = []
    start = TODAY - dt.timedelta(days=r.i(0, 6))
    for k in range(r.i(4, 6)):
        s = r.staff()
        a = start + dt.timedelta(days=7 * k)
        rows.append("%s,%s,%s,%sT09:00:00-05:00,%sT09:00:00-05:00" % (
            r.c(["Interfaces Primary", "Interfaces Secondary"]), csvq(s.n()), D(s.email, "staff_contact"), fd(a, "iso"),
            fd(a + dt.timedelta(days=7), "iso")))
    return ("PagerDuty export: schedule P%s, generated %s\n\nschedule,user,email,start,end\n%s\n"
            % (r.alnum(6), fd(r.recent(3), "iso"), "\n".join(rows)))


@tpl("clean_oncall_directory", False)
def oc_escalation_policy(r):
    l1, l2, l3 = r.staff(), r.staff(), r.staff()
    return ("Escalation policy: Clinical Interfaces (P1/P2)\n\nLevel 1 (0 min): on-call engineer via PagerDuty; acknowledge within 5 min.\n"
            "Level 2 (15 min): %s, Integration Lead, cell %s.\nLevel 3 (30 min): %s, Director of Applications, %s.\n"
            "Clinical liaison: %s, RN informatics, Vocera \"Informatics On Call\", desk %s.\n\n"
            "Bridge: +1 (877) 853-5247, meeting 912 004 %s. Status page: https://status.acme-health.example\n"
            "Do not page vendors directly; %s manages the vendor contacts.\n"
            % (l1.n(), D(l1.work.fmt("dash"), "staff_contact"), l2.n(), D(l2.work.fmt("paren"), "staff_contact"), l3.n(),
               D(l3.ext, "staff_contact"), r.digits(3), l2.n()))


@tpl("clean_oncall_directory", False)
def oc_department_phones(r):
    rows = []
    for dep in r.sample(["Emergency Department", "Radiology Reading Room", "Pharmacy (inpatient)", "Lab - Core", "Case Management",
                         "Health Information Management", "Admitting", "Wound Care Clinic"], 5):
        rows.append("%-32s %s   fax %s" % (dep, D(r.phone().fmt("paren"), "staff_contact"), D(r.phone().fmt("paren"), "staff_contact")))
    return ("%s - department phone list (internal)\nUpdated %s by %s\n\n%s\n\nOperator: dial 0. Interpreter line: 1-800-874-9426.\n"
            % (D(r.fac, "facility"), fd(r.recent(30), "mon_us"), r.staff().n(), "\n".join(rows)))


@tpl("clean_oncall_directory", False)
def oc_yaml_rotation(r):
    ppl = attendees(r, 4)
    members = "\n".join("  - name: %s\n    email: %s\n    phone: \"%s\"\n    tz: %s" % (
        s.n(), D(s.email, "staff_contact"), D(s.work.fmt("e164"), "staff_contact"),
        r.c(["America/New_York", "America/Chicago", "America/Denver", "Asia/Kolkata"])) for s in ppl)
    return ("# oncall/rotations/interfaces.yaml\nrotation: interfaces-primary\nhandoff: monday 09:00\nlength_days: 7\nmembers:\n%s\n"
            "overrides:\n  - date: %s\n    name: %s\n" % (members, fd(dt.date(TODAY.year, 12, 25), "iso"), ppl[1].n()))


@tpl("clean_oncall_directory", False)
def oc_holiday_coverage(r):
    rows = []
    for day in [dt.date(TODAY.year, 12, 24), dt.date(TODAY.year, 12, 25), dt.date(TODAY.year, 12, 31), dt.date(TODAY.year + 1, 1, 1)]:
        a, b = r.staff(), r.staff()
        rows.append("|%s|%s (%s)|%s (%s)|" % (fd(day, "long_us"), a.n(), D(a.pager, "staff_contact"), b.n(),
                                              D(b.ext, "staff_contact")))
    return (conf_head(r, "OPS", "Holiday coverage %d" % TODAY.year, r.staff()) +
            "||Date||Primary (pager)||Backup (ext)||\n%s\n\nHospitalist coordinator: Dr. %s. Swap requests to %s.\n"
            % ("\n".join(rows), r.staff().n(), D("oncall-swaps@acme-health.example", "staff_contact")))


# --------------------------------------------------------------------------------------------
# build, self-check, write
# --------------------------------------------------------------------------------------------
FAMILY_PLAN = [  # family, phi docs, clean docs
    ("jira_hl7", 15, 2), ("confluence_table", 15, 2), ("support_ticket", 15, 2), ("bitbucket_fhir", 15, 2),
    ("sql_seed", 15, 2), ("clinical_note", 15, 2), ("claims_csv", 15, 2), ("email_forward", 15, 2),
    ("clean_stack_trace", 0, 18), ("clean_meeting_notes", 0, 17), ("clean_validator_diff", 0, 17),
    ("clean_release_notes", 0, 17), ("clean_clinical_rule", 0, 18), ("clean_oncall_directory", 0, 17),
]
CULTURES_SEEN = Counter()
# templates listed here get the second document of their family (the rarer identifier kinds)
FIRST = {"support_ticket": ["st_parking_plate_vin", "st_device_serial_cgm", "st_billing_card_dispute", "st_ip_login_audit",
                            "st_records_request_relative"],
         "bitbucket_fhir": ["bf_device_udi", "bf_relatedperson", "bf_claim_resource", "bf_patient_fixture_ext",
                            "bf_bundle_transaction"],
         "clinical_note": ["cn_operative_note", "cn_radiology", "cn_death_pronouncement", "cn_discharge_summary",
                           "cn_french_compte_rendu"]}


def build():
    docs = []
    CULTURES_SEEN.clear()
    for fam, nphi, nclean in FAMILY_PLAN:
        t = TEMPLATES[fam]
        first = FIRST.get(fam, [])
        t["phi"].sort(key=lambda nf: first.index(nf[0]) if nf[0] in first else len(first))
        slots = [(True, t["phi"][k % len(t["phi"])]) for k in range(nphi)]
        slots += [(False, t["clean"][k % len(t["clean"])]) for k in range(nclean)]
        random.Random("%s|order|%s" % (SEED, fam)).shuffle(slots)
        for n, (phi, (name, fn)) in enumerate(slots, 1):
            r = R(random.Random("%s|%s|%d" % (SEED, fam, n)))
            orig_person = r.person

            def tracked(*a, _o=orig_person, **k):
                pp = _o(*a, **k)
                CULTURES_SEEN[pp.culture] += 1
                return pp
            r.person = tracked
            text, spans, values = render(fn(r))
            docs.append(({"id": "%s-%04d" % (fam, n), "family": fam, "phi": phi, "variant": name, "text": text,
                          "spans": spans}, values))
    return docs


def _word(c):
    return bool(c) and unicodedata.category(c)[0] in "LNM"


def check_docs(records, values_list=None):
    errs = []
    fams = Counter()
    nphi = nclean = 0
    ids = set()
    expected = {f for f, _, _ in FAMILY_PLAN}
    variant_family = {}
    for di, d in enumerate(records):
        did = d.get("id")
        where = "%s: " % did
        if set(d) != {"id", "family", "phi", "variant", "text", "spans"}:
            errs.append(where + "fields %s" % sorted(d))
        if did in ids:
            errs.append(where + "duplicate id")
        ids.add(did)
        if not re.fullmatch(r"[a-z0-9_]+-\d{4}", did or "") or did.rsplit("-", 1)[0] != d["family"]:
            errs.append(where + "bad id")
        if d["family"] not in expected:
            errs.append(where + "unknown family")
        fams[d["family"]] += 1
        if variant_family.setdefault(d["variant"], d["family"]) != d["family"]:
            errs.append(where + "variant shared across families")
        text = d["text"]
        if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text):
            errs.append(where + "control character in text")
        b = text.encode("utf-8")
        prev_end = 0
        nphi_spans = 0
        covered = []
        for si, s in enumerate(d["spans"]):
            st, en, lab, kind = s["start"], s["end"], s["label"], s["kind"]
            w = where + "span %d %r: " % (si, s)
            if set(s) != {"start", "end", "label", "kind"}:
                errs.append(w + "fields")
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(b)):
                errs.append(w + "range")
                continue
            if st < prev_end:
                errs.append(w + "unsorted or overlapping")
            prev_end = en
            try:
                before, val, after = b[:st].decode("utf-8"), b[st:en].decode("utf-8"), b[en:].decode("utf-8")
            except UnicodeDecodeError:
                errs.append(w + "not on a character boundary")
                continue
            if _word(before[-1:]) and _word(val[:1]):
                errs.append(w + "starts inside a token: %r|%r" % (before[-8:], val))
            if _word(val[-1:]) and _word(after[:1]):
                errs.append(w + "ends inside a token: %r|%r" % (val, after[:8]))
            if val != val.strip() or "\n" in val:
                errs.append(w + "whitespace at span edge or newline inside: %r" % val)
            if values_list is not None and val != values_list[di][si]:
                errs.append(w + "slice %r != intended %r" % (val, values_list[di][si]))
            if lab == "phi":
                nphi_spans += 1
                if kind not in CONTRACT_KINDS:
                    errs.append(w + "phi kind not a contract kind")
            elif lab == "dont_care":
                if kind not in CONTRACT_KINDS and kind not in DONT_CARE_EXTRA:
                    errs.append(w + "unknown dont_care kind")
            else:
                errs.append(w + "bad label")
            covered.append((len(before), len(before) + len(val), lab, val))
        if d["phi"] is True:
            nphi += 1
            if nphi_spans == 0:
                errs.append(where + "phi doc without phi spans")
        elif d["phi"] is False:
            nclean += 1
            if nphi_spans:
                errs.append(where + "clean doc with phi spans")
        else:
            errs.append(where + "phi flag not boolean")
        # every token-bounded repeat of a phi value must itself be labelled
        for vs, ve, lab, val in covered:
            if lab != "phi" or len(val) < 4:
                continue
            for m in re.finditer(re.escape(val), text):
                a, z = m.start(), m.end()
                if _word(text[a - 1:a]) and _word(val[:1]) or _word(text[z:z + 1]) and _word(val[-1:]):
                    continue
                if not any(cs <= a and z <= ce for cs, ce, _, _ in covered):
                    errs.append(where + "phi value %r also occurs unlabelled at char %d" % (val, a))
    if len(records) != 240:
        errs.append("expected 240 docs, got %d" % len(records))
    if (nphi, nclean) != (120, 120):
        errs.append("expected 120/120 phi/clean, got %d/%d" % (nphi, nclean))
    missing = expected - set(fams)
    if missing:
        errs.append("families missing: %s" % sorted(missing))
    nvar = len(variant_family)
    if nvar < 120:
        errs.append("only %d distinct templates" % nvar)
    return errs


def summary(records):
    fam = Counter()
    for d in records:
        fam[(d["family"], d["phi"])] += 1
    print("docs per family (phi / clean):")
    for f, _, _ in FAMILY_PLAN:
        print("  %-24s %3d / %3d" % (f, fam[(f, True)], fam[(f, False)]))
    pk = Counter(s["kind"] for d in records for s in d["spans"] if s["label"] == "phi")
    dk = Counter(s["kind"] for d in records for s in d["spans"] if s["label"] == "dont_care")
    print("phi spans per kind (%d):" % sum(pk.values()))
    for k, v in pk.most_common():
        print("  %-16s %5d" % (k, v))
    print("dont_care spans per kind (%d): %s" % (sum(dk.values()), ", ".join("%s %d" % kv for kv in dk.most_common())))
    vs = {d["variant"] for d in records}
    print("distinct templates: %d (phi %d, clean %d)" % (
        len(vs), len({d["variant"] for d in records if d["phi"]}), len({d["variant"] for d in records if not d["phi"]})))
    if CULTURES_SEEN:
        print("name cultures drawn: %d" % len(CULTURES_SEEN))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-verify an existing fresh3.jsonl")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if args.check:
        with open(args.out, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        errs = check_docs(records)
        regen = [d for d, _ in build()]
        if regen != records:
            errs.append("file differs from what the generator produces now (regenerate)")
        for e in errs[:60]:
            print("ERROR", e)
        summary(records)
        print("check: %s" % ("FAILED (%d errors)" % len(errs) if errs else "OK"))
        return 1 if errs else 0
    built = build()
    records = [d for d, _ in built]
    errs = check_docs(records, [v for _, v in built])
    for e in errs[:60]:
        print("ERROR", e)
    if errs:
        print("self-check FAILED (%d errors); nothing written" % len(errs))
        return 1
    with open(args.out, "w", encoding="utf-8") as fh:
        for d in records:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    summary(records)
    print("wrote %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
