#!/usr/bin/env python3
"""Fifteenth independent corpus generator for PHI Guard (standard library only).

Written from tests/corpus/README.md and section 1 of CONTRACTS.md alone, without
sight of the detector or of the other generators.  Slant: "a guard that cries wolf
gets uninstalled" -- the clean half is the hardest realistic negative content a
health-IT team produces (standards' own example patients, documented test values,
staff everywhere, health words without a patient, facility addresses, counts,
de-identified aggregates); the PHI half is ordinary everyday content, some of it
sitting right beside the same kind of hard-negative material.

Everything is synthetic.  No real person.

  python3 generate_fresh14.py           write fresh14.jsonl next to this file
  python3 generate_fresh14.py --check   re-verify fresh14.jsonl
  python3 generate_fresh14.py --stats   counts per family / variant, median PHI byte share
"""
import json
import os
import random
import re
import statistics
import sys
import unicodedata

SEED = 14_2026_1206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh14.jsonl")

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
    "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
    "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
    "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card",
}
# extra kinds the README uses for dont_care spans
DONT_CARE_EXTRA = {"staff_contact", "facility", "title", "internal_id", "state"}

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]


# --------------------------------------------------------------------------- builder
def P(kind, value):
    return ("phi", kind, value)


def C(kind, value):
    return ("dont_care", kind, value)


class Doc:
    def __init__(self):
        self.parts = []
        self.n = 0
        self.spans = []

    def add(self, *items):
        for it in items:
            if it is None or it == "":
                continue
            if isinstance(it, list):
                self.add(*it)
                continue
            if isinstance(it, tuple):
                label, kind, value = it
                if value == "" or value is None:
                    continue
                value = str(value)
                b = len(value.encode("utf-8"))
                self.spans.append({"start": self.n, "end": self.n + b,
                                   "label": label, "kind": kind})
                self.parts.append(value)
                self.n += b
            else:
                self.parts.append(it)
                self.n += len(it.encode("utf-8"))
        return self

    def line(self, *items):
        self.add(*items)
        self.add("\n")
        return self

    def text(self):
        return "".join(self.parts)


# --------------------------------------------------------------------------- names
# (given_f, given_m, family) -- hand-written, synthetic combinations only
CULTURES = {
    "english_words": (
        ["Rose", "Hope", "Grace", "Joy", "Faith", "Summer", "Ivy", "Pearl", "Dawn", "Holly"],
        ["Will", "Hunter", "Chase", "Forrest", "Rusty", "Clay", "Dale", "Cliff", "Glen", "Frank"],
        ["Hill", "Young", "Small", "Little", "Frost", "Brown", "Street", "Banks", "Bird", "Rich",
         "Strong", "Wise", "King", "Fox", "Moody", "Church"]),
    "vietnamese": (
        ["Lan", "Thảo", "Ngọc", "Hương", "Phương", "Trang", "Mai"],
        ["Minh", "Dũng", "Quang", "Tuấn", "Hải", "Phúc", "Long"],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"]),
    "mexican": (
        ["María José", "Guadalupe", "Ximena", "Lucía", "Marisol", "Itzel"],
        ["José Luis", "Rubén", "Aurelio", "Jesús", "Efraín", "Joaquín"],
        ["Hernández", "Ramírez", "Núñez", "Cázares", "Ibáñez", "Zúñiga", "Villaseñor"]),
    "irish": (
        ["Siobhán", "Aoife", "Niamh", "Róisín", "Caoimhe"],
        ["Seán", "Cathal", "Donnchadh", "Pádraig", "Ciarán"],
        ["Ó Briain", "Mac Cárthaigh", "O'Sullivan", "Ní Dhónaill", "Ó Murchú", "Kavanagh"]),
    "polish": (
        ["Małgorzata", "Agnieszka", "Żaneta", "Bożena", "Katarzyna"],
        ["Łukasz", "Wojciech", "Grzegorz", "Przemysław", "Zbigniew"],
        ["Wiśniewski", "Wróbel", "Kołodziej", "Szczęsny", "Dąbrowski", "Pawłowski"]),
    "german": (
        ["Jürgen", "Anneliese", "Gisela", "Hannelore", "Sönke"],
        ["Jürgen", "Dieter", "Björn", "Günther", "Rüdiger"],
        ["Müller", "Schäfer", "Größmann", "Vößing", "Köhler", "Brückner"]),
    "yoruba_igbo": (
        ["Adéọlá", "Chiamaka", "Ngozi", "Folúṣọ́", "Oluwaseun", "Ifeoma"],
        ["Chukwuemeka", "Adébáyọ̀", "Olúwatóbi", "Ikenna", "Babatunde", "Obinna"],
        ["Okonkwo", "Adéyẹmí", "Nwachukwu", "Ògúnlẹ́yẹ", "Eze", "Afolabi"]),
    "korean": (
        ["Seo-yeon", "Ji-woo", "Min-seo", "Ha-eun", "Soo-ah"],
        ["Min-jun", "Do-hyun", "Jae-won", "Seung-ho", "Tae-yang"],
        ["Kim", "Park", "Choi", "Jeong", "Kang", "Yoon", "Han"]),
    "south_indian": (
        ["Priya", "Lakshmi", "Meenakshi", "Kavitha", "Revathi"],
        ["Venkatesh", "Arjun", "Karthikeyan", "Srinivas", "Raghav"],
        ["Raghunathan", "Subramanian", "Venkataraman", "Krishnamurthy", "Iyer", "Nair"]),
    "arabic": (
        ["Fatima", "Layla", "Noor", "Huda", "Rania"],
        ["Yousef", "Khalid", "Omar", "Tariq", "Ibrahim"],
        ["Al-Haddad", "El-Masri", "Haddad", "Al-Rashid", "Nasser", "Qasim"]),
    "filipino": (
        ["Maricel", "Rosalinda", "Jocelyn", "Analyn", "Ma. Teresa"],
        ["Rodel", "Jun-jun", "Ferdinand", "Arnel", "Bienvenido"],
        ["Dela Cruz", "Macaraeg", "Bautista", "Dimaculangan", "Pangilinan", "Santos"]),
    "somali": (
        ["Hodan", "Faadumo", "Sahra", "Ayaan", "Hibaaq"],
        ["Abdirahman", "Mahad", "Liban", "Guled", "Abdiwali"],
        ["Warsame", "Cabdullaahi", "Farah", "Jama", "Cismaan", "Aadan"]),
    "brazilian": (
        ["Conceição", "Luíza", "Gabriela", "Tânia", "Márcia"],
        ["João", "Sebastião", "Antônio", "Cauã", "Thiago"],
        ["Conceição", "Magalhães", "Gonçalves", "Araújo", "Simões", "Brandão"]),
    "turkish": (
        ["Çiğdem", "Gülşen", "Şule", "Özlem", "Ayşe"],
        ["Çağrı", "Oğuz", "Erdoğan", "Şahin", "İlker"],
        ["Öztürk", "Yıldırım", "Çelik", "Şimşek", "Güneş", "Doğan"]),
    "greek": (
        ["Dimitra", "Eleni", "Athanasia", "Vasiliki", "Chrysoula"],
        ["Konstantinos", "Spyridon", "Evangelos", "Panagiotis", "Stavros"],
        ["Papadopoulou", "Karagiannis", "Oikonomou", "Theodorakis", "Vlachou"]),
    "chinese": (
        ["Xiulan", "Meiling", "Yuxin", "Jing", "Huifang"],
        ["Wei", "Zhiqiang", "Jianguo", "Haoran", "Bowen"],
        ["Zhang", "Liu", "Chen", "Huang", "Zhou", "Xu", "Guo"]),
    "nordic": (
        ["Åsa", "Sigrún", "Ingegärd", "Bodil", "Liv"],
        ["Øyvind", "Ragnar", "Torbjørn", "Håkan", "Leif"],
        ["Sjöström", "Ødegård", "Lindqvist", "Åkesson", "Halvorsen"]),
    "hungarian": (
        ["Zsófia", "Erzsébet", "Réka", "Ildikó", "Katalin"],
        ["Gergő", "Zoltán", "Ádám", "Lőrinc", "Imre"],
        ["Szűcs", "Kovács", "Tóth", "Fehérvári", "Nagy", "Horváth"]),
    "haitian": (
        ["Marie-Ange", "Nadège", "Guerda", "Widline", "Fabienne"],
        ["Jean-Baptiste", "Wisly", "Fritznel", "Jocelyn", "Ronald"],
        ["Pierre-Louis", "Désir", "Jean-Charles", "Toussaint", "Saint-Fleur", "Célestin"]),
    "japanese": (
        ["Haruka", "Yui", "Sakura", "Emiko", "Noriko"],
        ["Haruto", "Kenji", "Takumi", "Hiroshi", "Shōta"],
        ["Satō", "Takahashi", "Watanabe", "Itō", "Kobayashi", "Ōno"]),
}
# staff names: a different pool so staff never collide with patients
STAFF = [
    ("Priscilla", "Okafor"), ("Marcus", "Lindgren"), ("Dana", "Whitcombe"), ("Ravi", "Bhattacharya"),
    ("Colleen", "Brennan-Hayes"), ("Tomasz", "Kaczmarek"), ("Aisha", "Mwangi"), ("Gareth", "Pryce"),
    ("Yesenia", "Cordero"), ("Hyun-woo", "Baek"), ("Ingrid", "Vasquez-Holm"), ("Desmond", "Achterberg"),
    ("Fiona", "Castellano"), ("Nikhil", "Deshpande"), ("Beatriz", "Lamoureux"), ("Owen", "Threlkeld"),
    ("Shira", "Abramowitz"), ("Kwame", "Asante"), ("Lorraine", "Petrakis"), ("Mateus", "Figueira"),
    ("Tatiana", "Volkonskaya"), ("Emeka", "Obiora"), ("Harriet", "Quennell"), ("Sung-min", "Ryu"),
]
STAFF_TITLES = ["MD", "DO", "RN", "NP", "PA-C", "PharmD", "RN, BSN", "MD, PhD"]

FACILITIES = [
    # name, code, street, city, state, zip, main phone
    ("Brookhaven Regional Medical Center", "BRMC", "4100 Orchard Parkway", "Lakemont", "OH", "44120", "(216) 448-7000"),
    ("St. Adelaide Hospital", "SAH", "1 Cathedral Square", "Port Wexford", "PA", "15233", "(412) 371-2200"),
    ("Cedar Falls Community Health", "CFCH", "880 Millrace Road", "Cedar Falls", "WI", "53711", "(608) 290-4400"),
    ("Northgate Children's Hospital", "NGCH", "2500 Kestrel Avenue", "Northgate", "OR", "97209", "(503) 612-8000"),
    ("Harborview Valley Clinic", "HVC", "77 Quayside Drive", "Bellmere", "MA", "02118", "(617) 639-1100"),
    ("Mesa Verde Health System", "MVHS", "3300 Sandstone Blvd", "Ridgecrest", "AZ", "85012", "(602) 884-3000"),
]
PATIENT_CITIES = [
    ("Millbrook", "OH", "441"), ("Fairhaven", "MA", "027"), ("Glenrock", "PA", "152"),
    ("Oak Hollow", "WI", "537"), ("Tigard Heights", "OR", "972"), ("Chandler Vista", "AZ", "852"),
    ("East Linwood", "OH", "443"), ("Dorchester Bay", "MA", "021"), ("Sewickley Run", "PA", "151"),
    ("Verona Mills", "WI", "535"), ("Beaverton Park", "OR", "970"), ("Tempe Gardens", "AZ", "852"),
]
STREETS = ["Maple Ridge Dr", "Calle Las Flores", "Birchwood Ct", "Old Mill Rd", "Sycamore Lane",
           "Kingfisher Way", "Linden Ave", "Prospect St", "Harbor Point Rd", "Quail Run",
           "Rue Beaumont", "Chestnut Hill Ave", "Willow Bend Dr", "Larkspur Cir", "Elmhurst Pl"]
AREA = {"OH": ["216", "330", "440"], "MA": ["617", "508", "781"], "PA": ["412", "724"],
        "WI": ["608", "414"], "OR": ["503", "971"], "AZ": ["602", "480"]}
PAYERS = [("Keystone Mutual Health Plan", "1-800-731-4410"), ("Cascadia BlueShield", "1-888-402-7700"),
          ("Great Lakes Community Care", "1-866-515-2300"), ("Sonoran Family Health", "1-877-220-9180")]
CONDITIONS = [("Community-acquired pneumonia", "J18.9"), ("Type 2 diabetes mellitus with hyperglycemia", "E11.65"),
              ("Acute on chronic systolic heart failure", "I50.23"), ("COPD with acute exacerbation", "J44.1"),
              ("Urinary tract infection", "N39.0"), ("Cellulitis of left lower limb", "L03.116"),
              ("Atrial fibrillation", "I48.91"), ("Acute kidney injury", "N17.9"),
              ("Closed fracture of left femoral neck", "S72.002A"), ("Major depressive disorder, single episode", "F32.9")]
MEDS = ["metformin 1000 mg PO BID", "apixaban 5 mg PO BID", "furosemide 40 mg PO daily",
        "lisinopril 10 mg PO daily", "atorvastatin 40 mg PO nightly", "cefdinir 300 mg PO BID",
        "insulin glargine 22 units SC nightly", "sertraline 50 mg PO daily", "tiotropium 18 mcg inhaled daily",
        "acetaminophen 650 mg PO q6h PRN"]
CPTS = [("99213", "Office visit, est. pt, low MDM"), ("99214", "Office visit, est. pt, moderate MDM"),
        ("99223", "Initial hospital care, high"), ("93000", "ECG with interpretation"),
        ("71046", "Chest X-ray, 2 views"), ("80053", "Comprehensive metabolic panel"),
        ("85025", "CBC with automated diff"), ("36415", "Routine venipuncture"),
        ("97110", "Therapeutic exercise, 15 min")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                      "ı": "i", "'": "", " ": "", ".": ""})


def ascii_fold(s):
    s = s.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch) and ch.isascii())


class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    def hl7(self):
        return "%04d%02d%02d" % (self.y, self.m, self.d)

    def iso(self):
        return "%04d-%02d-%02d" % (self.y, self.m, self.d)

    def us(self):
        return "%02d/%02d/%04d" % (self.m, self.d, self.y)

    def us_short(self):
        return "%d/%d/%02d" % (self.m, self.d, self.y % 100)

    def eu(self):
        return "%02d.%02d.%04d" % (self.d, self.m, self.y)

    def long(self):
        return "%s %d, %d" % (MONTHS[self.m - 1], self.d, self.y)

    def dmy(self):
        return "%02d-%s-%04d" % (self.d, MONTHS[self.m - 1][:3], self.y)

    def any(self, rng):
        return rng.choice([self.iso, self.us, self.us, self.long, self.dmy, self.eu, self.us_short])()


def rdate(rng, y0, y1):
    return Date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))


def evdate(rng):
    """a date of care in 2026, before the tickets and pages that talk about it (September to November)"""
    return Date(2026, rng.randint(1, 8), rng.randint(1, 28))


def phone_fmt(rng, area, exch, num, style=None):
    style = style if style is not None else rng.randint(0, 4)
    return ["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s %s %s", "%s%s%s"][style] % (area, exch, num)


class Person:
    def __init__(self, rng, age_min=1, age_max=88, culture=None):
        cname = culture or rng.choice(sorted(CULTURES))
        gf, gm, fam = CULTURES[cname]
        self.culture = cname
        self.sex = rng.choice("FM")
        givens = gf if self.sex == "F" else gm
        if rng.random() < 0.2:  # mixed heritage: given name from another list
            other = CULTURES[rng.choice(sorted(CULTURES))]
            givens = other[0] if self.sex == "F" else other[1]
        self.first = rng.choice(givens)
        self.last = rng.choice(fam)
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTVW")
        age = rng.randint(age_min, age_max)
        self.age = age
        self.dob = Date(2026 - age - (1 if rng.random() < 0.5 else 0), rng.randint(1, 12), rng.randint(1, 28))
        city, st, zp = rng.choice(PATIENT_CITIES)
        self.city, self.state = city, st
        self.zip = zp + "%02d" % rng.randint(1, 99)
        self.street = "%d %s" % (rng.randint(12, 9880), rng.choice(STREETS))
        self.unit = rng.choice(["", "", "Apt 3B", "Unit 12", "#407", "Apt 2"])
        self.area = rng.choice(AREA[st])
        ex = rng.randint(201, 989)
        if ex == 555:
            ex = 556
        self.exch, self.num = str(ex), "%04d" % rng.randint(0, 9999)
        self.mrn = rng.choice(["%08d" % rng.randint(10_000_000, 99_999_999),
                               "%07d" % rng.randint(1_000_000, 9_999_999),
                               "E%07d" % rng.randint(1_000_000, 9_999_999),
                               "MR%06d" % rng.randint(100_000, 999_999)])
        self.ssn = self._ssn(rng)
        self.member = rng.choice(["%s%09d" % ("".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)),
                                              rng.randint(0, 999_999_999)),
                                  "W%09d" % rng.randint(0, 999_999_999),
                                  "%d%08d01" % (rng.randint(1, 9), rng.randint(0, 99_999_999))])
        self.mbi = self._mbi(rng)
        self.acct = "%d%07d" % (rng.randint(1, 9), rng.randint(0, 9_999_999))
        self.visit = "V%09d" % rng.randint(0, 999_999_999)
        dom = rng.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "aol.com"])
        f, l = ascii_fold(self.first).lower(), ascii_fold(self.last).lower()
        self.email = rng.choice(["%s.%s%d@%s" % (f, l, self.dob.y % 100, dom),
                                 "%s%s@%s" % (f[0], l, dom),
                                 "%s_%s%d@%s" % (l, f, rng.randint(1, 99), dom)])

    @staticmethod
    def _ssn(rng):
        while True:
            a = rng.randint(1, 899)
            if a == 666:
                continue
            g, s = rng.randint(1, 99), rng.randint(1, 9999)
            v = "%03d-%02d-%04d" % (a, g, s)
            if v not in ("123-45-6789", "078-05-1120"):
                return v

    @staticmethod
    def _mbi(rng):
        alpha = "ACDEFGHJKMNPQRTUVWXY"
        an = alpha + "0123456789"
        return "".join([str(rng.randint(1, 9)), rng.choice(alpha), rng.choice(an), str(rng.randint(0, 9)),
                        rng.choice(alpha), rng.choice(an), str(rng.randint(0, 9)), rng.choice(alpha),
                        rng.choice(alpha), str(rng.randint(0, 9)), str(rng.randint(0, 9))])

    # renderings
    def full(self):
        return "%s %s" % (self.first, self.last)

    def lf(self):
        return "%s, %s" % (self.last, self.first)

    def hl7name(self, mi=True):
        s = "%s^%s" % (self.last.upper(), self.first.upper())
        return s + ("^" + self.mi if mi else "")

    def phone(self, rng, style=None):
        return phone_fmt(rng, self.area, self.exch, self.num, style)

    def street_full(self):
        return self.street + (" " + self.unit if self.unit else "")


def staff(rng, k=1):
    picks = rng.sample(STAFF, k)
    return picks if k > 1 else picks[0]


def sname(s):
    return "%s %s" % s


def handle(s):
    return (s[0][0] + s[1].split("-")[0]).lower()


def semail(s, dom="brmc-health.org"):
    return "%s.%s@%s" % (ascii_fold(s[0]).lower(), ascii_fold(s[1]).lower().replace("-", ""), dom)


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def sha(rng, n=40):
    return ("%040x" % rng.getrandbits(160))[:n]


def ts(rng, y=2026, mo=None, d=None):
    mo = mo or rng.randint(9, 11)
    d = d or rng.randint(1, 28)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d" % (y, mo, d, rng.randint(0, 23), rng.randint(0, 59),
                                                   rng.randint(0, 59), rng.randint(0, 999))


def ticket(rng, proj=None):
    return "%s-%d" % (proj or rng.choice(["INTG", "EHRX", "HIM", "PORTAL", "CLAIMS", "RCM", "IFACE"]),
                      rng.randint(100, 9999))


def ip(rng):
    return "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(2, 254))


def hl7ts(rng, base=None):
    base = base or evdate(rng)
    return "%s%02d%02d" % (base.hl7(), rng.randint(0, 23), rng.randint(0, 59))


# --------------------------------------------------------------------------- shared pieces
def jira_head(d, rng, style, key, summary, people=None, extra=None):
    rep, asg, w1, w2 = people or staff(rng, 4)
    created = ts(rng)[:16]
    if style == "wiki":
        d.line("h2. ", key, " ", summary)
        d.line("*Type:* Bug  *Priority:* ", rng.choice(["Major", "Critical", "High", "Medium"]),
               "  *Status:* ", rng.choice(["Open", "In Progress", "Triage"]))
        d.line("*Reporter:* [~", C("person_name", handle(rep)), "]  *Assignee:* [~", C("person_name", handle(asg)), "]")
        d.line("*Watchers:* ", C("person_name", sname(w1)), ", ", C("person_name", sname(w2)))
        d.line("*Created:* ", created, "  *Labels:* interface, prod-support")
    elif style == "md":
        d.line("### ", key, " \u2014 ", summary)
        d.line("- **Reporter:** @", C("person_name", handle(rep)))
        d.line("- **Assignee:** ", C("person_name", sname(asg)))
        d.line("- **Watchers:** @", C("person_name", handle(w1)), " @", C("person_name", handle(w2)))
        d.line("- **Created:** ", created)
    else:
        d.line(key, ": ", summary)
        d.line("Reporter: ", C("person_name", sname(rep)), "    Assignee: ", C("person_name", sname(asg)))
        d.line("Created: ", created, "    Priority: P", str(rng.randint(1, 3)))
    if extra:
        d.line(extra)
    d.add("\n")
    return rep, asg


def code_open(d, style, lang=""):
    d.line("{code}" if style == "wiki" else ("{noformat}" if style == "plain" else "```" + lang))


def code_close(d, style):
    d.line("{code}" if style == "wiki" else ("{noformat}" if style == "plain" else "```"))


def msh(d, rng, fac, mtype, when=None):
    cid = "MSG%08d" % rng.randint(0, 99_999_999)
    when = when or hl7ts(rng)
    d.line("MSH|^~\\&|", rng.choice(["EPIC", "CERNER", "MEDITECH"]), "|", fac[1], "|",
           rng.choice(["RHAPSODY", "MIRTH", "CLOVERLEAF"]), "|", rng.choice(["LAB", "RIS", "PORTAL", "DW"]),
           "|", C("date", when), "||", mtype, "|", cid, "|P|2.5.1")
    return cid, when


def pid(d, rng, p, fac, ssn=True, addr=True, phone=True, acct=True):
    d.add("PID|1||", P("mrn", p.mrn), "^^^", fac[1], "^MR")
    if ssn:
        d.add("~", P("ssn", p.ssn), "^^^SSA^SS")
    d.add("||", P("person_name", p.hl7name()), "||", P("date", p.dob.hl7()), "|", p.sex, "|||")
    if addr:
        d.add(P("street_address", p.street), "^", P("street_address", p.unit), "^", P("street_address", p.city),
              "^", C("state", p.state), "^", P("zip_code", p.zip), "^USA^H")
    d.add("||")
    if phone:
        d.add("^PRN^PH^^1^", P("phone", p.area), "^", P("phone", p.exch + p.num))
    d.add("|||", rng.choice(["S", "M", "W", "D"]), "||")
    if acct:
        d.add(P("account_number", p.acct))
    d.line()


def pv1(d, rng, p, fac, doc, admit):
    npi = "1%09d" % rng.randint(0, 999_999_999)
    d.line("PV1|1|", rng.choice(["I", "E", "O"]), "|", rng.choice(["6W", "4E", "ICU", "ED", "MS3"]), "^",
           str(rng.randint(100, 699)), "^", rng.choice("AB"), "^", fac[1], "||||",
           C("other_id", npi), "^", C("person_name", doc[1].upper() + "^" + doc[0].upper()), "^^^MD|||",
           rng.choice(["MED", "SUR", "CAR", "ONC"]), "||||||||", P("account_number", p.visit),
           "|||||||||||||||||||||||||", P("date", admit))


def nk1(d, rng, rel, relname, relcode):
    d.line("NK1|1|", P("person_name", relname), "|", relcode, "^", rel, "^HL70063||^PRN^PH^^1^",
           P("phone", rel_phone_area(rng)), "^", P("phone", "%d%04d" % (rng.randint(201, 549), rng.randint(0, 9999))))


def rel_phone_area(rng):
    return rng.choice(["216", "617", "412", "608", "503", "602", "781", "330"])


def relative(rng, p, culture_same=True):
    r = Person(rng, culture=p.culture if culture_same else None)
    r.last = p.last
    rel, code = rng.choice([("Mother", "MTH"), ("Father", "FTH"), ("Spouse", "SPO"), ("Daughter", "DAU"),
                            ("Son", "SON"), ("Sister", "SIS")])
    return r, rel, code


def log_lines(d, rng, n, mrn=None, extra=None):
    """engine log lines full of UUIDs, IPs, ports, thread names; optionally one carrying a real MRN"""
    comps = ["c.b.i.route.AdtRouter", "c.b.i.mllp.MllpListener", "c.b.i.mpi.MpiLookupService",
             "o.a.c.processor.errorhandler", "c.b.i.filing.ResultFiler", "c.b.i.ack.AckBuilder"]
    where = rng.randint(1, max(1, n - 1)) if mrn else -1
    day = ts(rng)[:10]
    times = sorted("%s %02d:%02d:%02d.%03d" % (day, rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999))
                   for _ in range(n))
    for i in range(n):
        t = times[i]
        lvl = rng.choice(["INFO ", "INFO ", "DEBUG", "WARN "])
        d.add(t, " ", lvl, " [", rng.choice(["mllp-in-", "route-adt-", "camel-thread-#", "filer-"]),
              str(rng.randint(1, 24)), "] ", rng.choice(comps), " - ")
        if i == where:
            d.line(rng.choice(["MPI lookup miss for MRN ", "Holding message: duplicate candidate mrn=",
                               "Provisional registration created for "]), P("mrn", mrn),
                   " corrId=", uuid(rng))
        elif extra and i == n - 1:
            d.line(extra)
        else:
            d.line(rng.choice([
                "Accepted connection from %s:%d" % (ip(rng), rng.randint(40000, 65000)),
                "Routed messageId=%s to queue adt.outbound.%s" % (uuid(rng), rng.choice(["lab", "ris", "dw"])),
                "ACK AA sent in %d ms (exchangeId=ID-intg-%s-%d)" % (rng.randint(3, 90), sha(rng, 8), rng.randint(1, 9999)),
                "Redelivery attempt %d of 5 for exchange %s" % (rng.randint(1, 4), uuid(rng)),
                "Heap used %d MB / %d MB, gc pause %d ms" % (rng.randint(400, 900), 2048, rng.randint(5, 80)),
                "Channel inbound-adt-%s state=STARTED build=%d.%d.%d+%s" % (rng.choice(["epic", "lab"]), rng.randint(3, 5),
                                                                            rng.randint(0, 20), rng.randint(0, 9), sha(rng, 7)),
            ]))


# --------------------------------------------------------------------------- PHI: jira_hl7
def jira_hl7(rng, content, style):
    d = Doc()
    fac = rng.choice(FACILITIES)
    p = Person(rng)
    doc = staff(rng)
    key = ticket(rng, rng.choice(["INTG", "IFACE", "EHRX"]))
    admit = hl7ts(rng, evdate(rng))
    lang = "hl7"
    if content == "adt_a01":
        jira_head(d, rng, style, key, "ADT A01 from %s rejected: PV1-3 bed not in location map" % fac[1])
        d.line("Admissions on the new ", rng.choice(["6W", "4E", "MS3"]), " unit are bouncing since the bed rebuild on the weekend. ",
               "One example from prod below (the patient is real, please do not copy this into Slack).")
        code_open(d, style, lang)
        msh(d, rng, fac, "ADT^A01^ADT_A01")
        d.line("EVN|A01|", C("date", admit))
        pid(d, rng, p, fac)
        if rng.random() < 0.6:
            r, rel, code = relative(rng, p)
            nk1(d, rng, rel, r.hl7name(mi=False), code)
        pv1(d, rng, p, fac, doc, admit)
        code_close(d, style)
        d.line("Engine log around the failure:")
        code_open(d, style)
        log_lines(d, rng, rng.randint(5, 9), mrn=p.mrn if rng.random() < 0.7 else None,
                  extra="ERROR LocationMapper: no mapping for %s^%d^A (map version %d)" % ("6W", rng.randint(100, 699), rng.randint(40, 90)))
        code_close(d, style)
        d.line("Expected: message files and the bed board updates. Actual: AR ACK, nothing on the board.")
    elif content == "adt_a08":
        jira_head(d, rng, style, key, "A08 overwrites home phone with blank XTN when registration edits insurance")
        d.line("Registration changed the insurance only, but the downstream portal lost the phone number. ",
               "The first message is the original A04, the second the A08 a few minutes later.")
        code_open(d, style, lang)
        t0 = hl7ts(rng)
        msh(d, rng, fac, "ADT^A04^ADT_A01", when=t0)
        pid(d, rng, p, fac, ssn=rng.random() < 0.5)
        d.line()
        msh(d, rng, fac, "ADT^A08^ADT_A01", when=t0[:10] + "%02d" % min(59, int(t0[10:]) + rng.randint(0, 9)))
        pid(d, rng, p, fac, ssn=False, phone=False)
        payer = rng.choice(PAYERS)
        d.line("IN1|1|", rng.choice(["PPO01", "HMO22", "MCD07"]), "|", str(rng.randint(10000, 99999)), "|", payer[0],
               "|||", C("other_id", "GRP%05d" % rng.randint(0, 99999)), "||||", C("date", evdate(rng).hl7()),
               "||||", P("person_name", p.hl7name(mi=False)), "|01|", P("date", p.dob.hl7()),
               "||||||||||||||||", P("health_plan_id", p.member))
        code_close(d, style)
        d.line("The PID-13 repetition is empty in the A08, and our mapper treats empty as delete. ",
               "Patient's callback on file was ", P("phone", p.phone(rng)), " before the update.")
    elif content == "oru_r01":
        jira_head(d, rng, style, key, "ORU results not filing to chart: OBX-5 units mismatch for %s" % rng.choice(["K", "Na", "Cr", "HbA1c"]))
        obs = evdate(rng)
        obs_ts = obs.hl7() + "%02d%02d" % (rng.randint(0, 23), rng.randint(0, 59))
        d.line("Lab says the results went out; chart shows nothing. Sample (production):")
        code_open(d, style, lang)
        msh(d, rng, fac, "ORU^R01^ORU_R01")
        pid(d, rng, p, fac, ssn=False, addr=rng.random() < 0.5)
        d.line("ORC|RE|", C("other_id", "ORD%07d" % rng.randint(0, 9_999_999)), "|", C("other_id", "F%08d" % rng.randint(0, 99_999_999)))
        d.line("OBR|1|||80053^COMPREHENSIVE METABOLIC PANEL^CPT|||", P("date", obs_ts), "|||||||||",
               C("other_id", "1%09d" % rng.randint(0, 999_999_999)), "^", C("person_name", doc[1].upper() + "^" + doc[0].upper()))
        for i, (code, nm, val, unit, rr) in enumerate([("2951-2", "Sodium", rng.randint(128, 146), "mmol/L", "136-145"),
                                                       ("2823-3", "Potassium", round(rng.uniform(3.0, 5.9), 1), "mEq/l", "3.5-5.1"),
                                                       ("2160-0", "Creatinine", round(rng.uniform(0.6, 2.9), 2), "mg/dL", "0.7-1.3")]):
            d.line("OBX|", str(i + 1), "|NM|", code, "^", nm, "^LN||", str(val), "|", unit, "|", rr, "|", rng.choice(["N", "H", "L"]),
                   "|||F|||", P("date", obs_ts))
        code_close(d, style)
        d.line("Potassium arrives as `mEq/l` (lower-case l) and the filer's unit table only has `mmol/L` and `mEq/L`.")
        log_lines(d, rng, 3)
    elif content == "siu_s12":
        jira_head(d, rng, style, key, "SIU^S12 appointments duplicated in the patient app after resource change")
        appt = evdate(rng)
        d.line("Two cards show up in the app for the same visit. Message from the interface archive:")
        code_open(d, style, lang)
        msh(d, rng, fac, "SIU^S12^SIU_S12")
        d.line("SCH|", C("internal_id", str(rng.randint(100000, 999999))), "||||||", rng.choice(["FOLLOWUP", "NEWPT", "ANNUAL"]),
               "^Follow-up||", str(rng.choice([15, 20, 30, 40])), "|MIN|^^", str(rng.choice([15, 20, 30, 40])), "^",
               P("date", appt.hl7() + "%02d%02d" % (rng.randint(7, 16), rng.choice([0, 15, 30, 45]))))
        pid(d, rng, p, fac, ssn=False)
        d.line("AIP|1||", C("other_id", "1%09d" % rng.randint(0, 999_999_999)), "^", C("person_name", doc[1].upper() + "^" + doc[0].upper()),
               "|", rng.choice(["ATT", "PCP"]))
        d.line("AIL|1||", rng.choice(["CARD", "ENDO", "PCP2"]), "^^^", fac[1])
        code_close(d, style)
        d.line("Looks like the S14 for the resource change is treated as a new booking. cc [~", C("person_name", handle(staff(rng))), "]")
    elif content == "test_vs_prod":
        jira_head(d, rng, style, key, "PID-5 with repeated names breaks the MPI matcher (repro in TEST, seen in PROD)")
        d.line("Repro with the standard test message from the harness:")
        code_open(d, style, lang)
        msh(d, rng, fac, "ADT^A01^ADT_A01")
        d.line("PID|1||000000^^^", fac[1], "^MR||", C("person_name", "TEST^PATIENT^A"), "~", C("person_name", "TEST^PAT"),
               "||19000101|U|||100 MAIN ST^^ANYTOWN^", C("state", "OH"), "^00000||^PRN^PH^^1^555^0100")
        code_close(d, style)
        d.line("And the production message that started it (", rng.choice(["HIM", "the registrar", "the unit clerk"]),
               " pasted it into the ticket, redact before we close):")
        code_open(d, style, lang)
        msh(d, rng, fac, "ADT^A01^ADT_A01")
        d.add("PID|1||", P("mrn", p.mrn), "^^^", fac[1], "^MR||", P("person_name", p.hl7name()), "~",
              P("person_name", "%s^%s" % (p.last.upper(), p.first.upper()[0])), "||", P("date", p.dob.hl7()), "|", p.sex, "\n")
        pv1(d, rng, p, fac, doc, admit)
        code_close(d, style)
        log_lines(d, rng, 4)
    else:  # a40_merge
        jira_head(d, rng, style, key, "A40 merge left orphaned encounters under the retired MRN")
        old = Person._ssn(rng)[:0] + "%08d" % rng.randint(10_000_000, 99_999_999)
        d.line("HIM merged two charts; the encounters under the old MRN did not move in the data warehouse.")
        code_open(d, style, lang)
        msh(d, rng, fac, "ADT^A40^ADT_A39")
        d.line("EVN|A40|", C("date", hl7ts(rng)))
        pid(d, rng, p, fac, ssn=False, phone=False)
        d.line("MRG|", P("mrn", old), "^^^", fac[1], "^MR||", P("account_number", p.visit))
        code_close(d, style)
        d.line("Query used: {{select count(*) from encounter where mrn = '", P("mrn", old), "'}} returns ",
               str(rng.randint(3, 40)), " rows after the merge.")
        log_lines(d, rng, 3, mrn=old)
    return d


# --------------------------------------------------------------------------- PHI: confluence_table
def table(d, style, header, rows):
    """rows: list of lists of items (str or span tuple)"""
    if style == "wiki":
        d.line("||" + "||".join(header) + "||")
        for r in rows:
            d.add("|")
            for c in r:
                d.add(c if c != "" else " ", "|")
            d.add("\n")
    elif style == "md":
        d.line("| " + " | ".join(header) + " |")
        d.line("|" + "|".join("---" for _ in header) + "|")
        for r in rows:
            d.add("|")
            for c in r:
                d.add(" ", c, " |")
            d.add("\n")
    else:  # html storage format
        d.line("<table><tbody>")
        d.line("<tr>" + "".join("<th>%s</th>" % h for h in header) + "</tr>")
        for r in rows:
            d.add("<tr>")
            for c in r:
                d.add("<td>", c, "</td>")
            d.add("</tr>\n")
        d.line("</tbody></table>")


def page_head(d, rng, style, title, space="Clinical Informatics"):
    owner, editor = staff(rng, 2)
    if style == "md":
        d.line("# ", title)
        d.line("_Space: ", space, " \u00b7 Owner: ", C("person_name", sname(owner)), " \u00b7 Last edited ",
               ts(rng)[:10], " by ", C("person_name", sname(editor)), "_")
    elif style == "html":
        d.line("<h1>", title, "</h1>")
        d.line("<p>Owner: ", C("person_name", sname(owner)), " | Updated ", ts(rng)[:10], "</p>")
    else:
        d.line("h1. ", title)
        d.line("{info}Owner: [~", C("person_name", handle(owner)), "] | Last updated ", ts(rng)[:10], " by ",
               C("person_name", sname(editor)), "{info}")
    d.add("\n")


def h2(d, style, t):
    d.line({"md": "## ", "html": "<h2>", "wiki": "h2. "}[style], t, "</h2>" if style == "html" else "")


def confluence_table(rng, content, style):
    d = Doc()
    fac = rng.choice(FACILITIES)
    n = rng.randint(2, 6)
    pts = [Person(rng) for _ in range(n)]
    if content == "census":
        page_head(d, rng, style, "%s %s unit census \u2013 week of %s" % (fac[1], rng.choice(["6W", "4E", "Step-down"]), evdate(rng).iso()))
        d.line("Used by case management for the daily huddle. Keep this page restricted.")
        rows = []
        for p in pts:
            cond, icd = rng.choice(CONDITIONS)
            doc = staff(rng)
            rows.append([str(rng.randint(600, 640)) + rng.choice("AB"), P("person_name", p.lf()), P("mrn", p.mrn),
                         P("date", p.dob.us()), C("condition", cond), C("person_name", "Dr. " + doc[1]),
                         P("date", evdate(rng).us())])
        table(d, style, ["Bed", "Patient", "MRN", "DOB", "Working dx", "Attending", "Admitted"], rows)
        d.line("Total on unit: ", str(rng.randint(18, 32)), "; expected discharges today: ", str(rng.randint(2, 7)), ".")
    elif content == "outreach":
        page_head(d, rng, style, "Flu clinic outreach list \u2013 %s" % fac[0])
        d.line("Call script is on the parent page. Mark \u2713 when reached.")
        rows = []
        for p in pts:
            rows.append([P("person_name", p.full()), P("phone", p.phone(rng)), P("date", p.dob.any(rng)),
                         P("date", rdate(rng, 2025, 2025).iso()), rng.choice(["left VM", "\u2713", "no answer", "wrong number", ""])])
        table(d, style, ["Name", "Phone", "DOB", "Last visit", "Status"], rows)
        d.line("Questions to ", C("staff_contact", semail(staff(rng))), ".")
    elif content == "test_then_real":
        page_head(d, rng, style, "UAT patients for portal release %d.%d" % (rng.randint(3, 9), rng.randint(0, 20)))
        h2(d, style, "Synthetic test patients (safe to share)")
        tests = [("ZZTEST, ALPHA", "T000101", "01/01/1900"), ("ZZTEST, BRAVO", "T000102", "01/01/1900"),
                 ("TEST, PATIENT", "000000", "01/01/1900")]
        table(d, style, ["Name", "MRN", "DOB", "Phone"],
              [[C("person_name", a), b, c, "555-01%02d" % rng.randint(0, 99)] for a, b, c in tests])
        h2(d, style, "Production records hit during UAT (move to the restricted page!)")
        rows = [[P("person_name", p.lf()), P("mrn", p.mrn), P("date", p.dob.us()), P("phone", p.phone(rng, 1))] for p in pts[:rng.randint(1, 2)]]
        table(d, style, ["Name", "MRN", "DOB", "Phone"], rows)
    elif content == "mrn_recon":
        page_head(d, rng, style, "MRN reconciliation \u2013 duplicate charts found by the nightly matcher", space="HIM")
        d.line("Matcher run ", uuid(rng), " flagged ", str(rng.randint(30, 200)), " candidate pairs; these were confirmed by HIM.")
        rows = []
        for p in pts:
            rows.append([P("person_name", p.full()), P("date", p.dob.iso()), P("mrn", p.mrn),
                         P("mrn", "%08d" % rng.randint(10_000_000, 99_999_999)), rng.choice(["merged", "pending", "not a dup"]),
                         C("person_name", sname(staff(rng)))])
        table(d, style, ["Patient", "DOB", "Surviving MRN", "Retired MRN", "Result", "Reviewer"], rows)
    elif content == "research_screen":
        page_head(d, rng, style, "Hip fracture registry \u2013 screening log Q%d" % rng.randint(1, 4), space="Research")
        d.line("Eligibility: patients aged 65 and older with a femoral neck fracture; ages of 90 and over are reported as \"90+\" in exports, not here.")
        rows = []
        for p in pts:
            age = rng.randint(86, 101)
            rows.append([P("person_name", p.full()), P("mrn", p.mrn),
                         P("age_over_89", str(age)) if age >= 90 else str(age),
                         P("date", evdate(rng).us()), rng.choice(["consented", "declined", "LAR contacted", "screen fail"])])
        table(d, style, ["Name", "MRN", "Age", "Surgery date", "Status"], rows)
    else:  # rpm_devices
        page_head(d, rng, style, "Remote monitoring pilot \u2013 device assignments")
        rows = []
        for p in pts:
            rows.append([P("person_name", p.full()), P("mrn", p.mrn),
                         P("device_id", "%s-%07d" % (rng.choice(["BPX", "SCL", "OX"]), rng.randint(0, 9_999_999))),
                         P("street_address", p.street_full() + ", " + p.city), P("zip_code", p.zip), P("phone", p.phone(rng))])
        table(d, style, ["Patient", "MRN", "Device serial", "Ship to", "ZIP", "Phone"], rows)
        d.line("Vendor support: Veritas Telehealth, 1-800-642-3310 (business line).")
    return d


# --------------------------------------------------------------------------- PHI: support_ticket
def ticket_head(d, rng, style, tid, subject, agent):
    opened = ts(rng)[:16]
    if style == "snow":
        d.line("Number: ", tid, "    State: ", rng.choice(["New", "In Progress", "Awaiting Caller"]))
        d.line("Short description: ", subject)
        d.line("Assignment group: ", rng.choice(["EHR Access", "Patient Portal Support", "Revenue Cycle Apps", "HIM Systems"]))
        d.line("Assigned to: ", C("person_name", sname(agent)), "    Opened: ", opened)
        d.line("Description:")
    else:
        d.line("Ticket #", tid.split("-")[-1], " | ", subject)
        d.line("Requester channel: ", rng.choice(["phone", "web form", "email"]), " | Agent: ",
               C("person_name", sname(agent)), " | Created ", opened)
        d.line("-" * 40)


def support_ticket(rng, content, style):
    d = Doc()
    fac = rng.choice(FACILITIES)
    p = Person(rng)
    agent = staff(rng)
    tid = ticket(rng, "INC") if style == "snow" else ticket(rng, "ZD")
    if content == "portal_login":
        ticket_head(d, rng, style, tid, "Patient cannot log in to portal after password reset", agent)
        pid_num = rng.randint(1_000_000, 9_999_999)
        pr = "She" if p.sex == "F" else "He"
        d.line("Caller is the patient, ", P("person_name", p.full()), ", DOB ", P("date", p.dob.any(rng)),
               ". ", pr, " says the reset link from the portal goes to ", P("email", p.email),
               " but the email never arrives.")
        d.line(pr == "She" and "Her" or "His", " account page: ", P("url", "https://mychart.%s.org/patient/%d/profile" % (fac[1].lower(), pid_num)))
        d.line("Verified identity with DOB and the last four of SSN (", C("other_id", p.ssn[-4:]), "). Callback ",
               P("phone", p.phone(rng)), ".")
        d.line("Tried: cleared the lockout in the admin console, resent activation code. Still failing; looks like the mail relay ",
               "is dropping mail to ", p.email.split("@")[1], " (", str(rng.randint(10, 90)), " bounces in the last hour).")
    elif content == "billing_daughter":
        r, rel, code = relative(rng, p)
        ticket_head(d, rng, style, tid, "Statement shows charges for a visit the patient says never happened", agent)
        d.line(P("person_name", r.full()), " called on behalf of ", "her" if r.sex == "F" else "his", " ",
               {"F": "mother", "M": "father"}[p.sex] if rel in ("Daughter", "Son") else "family member", ", ",
               P("person_name", p.full()), " (account ", P("account_number", p.acct), "). ",
               "The statement lists a ", rng.choice(["lab draw", "CT scan", "clinic visit"]), " on ", P("date", evdate(rng).long()),
               " at ", C("facility", fac[0]), ".")
        d.line("Member ID on the insurance card: ", P("health_plan_id", p.member), ". Payer: ", rng.choice(PAYERS)[0], ".")
        d.line("Please call her back at ", P("phone", r.phone(rng)), " after 3 pm.")
        d.line("Internal note (", C("person_name", sname(staff(rng))), "): claim ", P("other_id", "C%010d" % rng.randint(0, 9_999_999_999)),
               " was created from a charge on the wrong encounter; reversing.")
    elif content == "dup_record":
        ticket_head(d, rng, style, tid, "Two charts for the same patient \u2013 meds reconciled in only one", agent)
        m2 = "%08d" % rng.randint(10_000_000, 99_999_999)
        d.line("Pharmacy noticed that ", P("person_name", p.lf()), " has two MRNs: ", P("mrn", p.mrn), " (registered ",
               P("date", rdate(rng, 2019, 2024).us()), ") and ", P("mrn", m2), " created in the ED last week.")
        d.line("Both have DOB ", P("date", p.dob.us()), " and address ", P("street_address", p.street_full()), ", ",
               P("street_address", p.city), ", ", C("state", p.state), " ", P("zip_code", p.zip), ".")
        d.line("Please merge into the older MRN and notify ", C("staff_contact", "him-dataquality@%s.org" % fac[1].lower()), ".")
    elif content == "address_change":
        ticket_head(d, rng, style, tid, "Address change not flowing to the billing system", agent)
        newst = "%d %s" % (rng.randint(10, 9999), rng.choice(STREETS))
        d.line("Front desk updated the address for ", P("person_name", p.full()), " (MRN ", P("mrn", p.mrn), ") today.")
        d.line("Old: ", P("street_address", p.street), ", ", P("street_address", p.city), " ", P("zip_code", p.zip))
        d.line("New: ", P("street_address", newst), ", ", P("street_address", p.city), " ", P("zip_code", p.zip))
        d.line("Billing still shows the old one, so her statements are coming back. Mobile: ", P("phone", p.phone(rng, 0)), ".")
        d.line("Interface team says the A08 went out at ", ts(rng)[11:19], " with control id MSG", str(rng.randint(10**7, 10**8 - 1)), ".")
    elif content == "records_request":
        ticket_head(d, rng, style, tid, "Records request stuck in ROI queue", agent)
        d.line("Patient ", P("person_name", p.full()), " (DOB ", P("date", p.dob.any(rng)), ", SSN ", P("ssn", p.ssn),
               ") requested records for the stay from ", P("date", rdate(rng, 2025, 2025).us()), " to ", P("date", evdate(rng).us()), ".")
        d.line("Wants them sent to ", P("email", p.email), " or mailed to ", P("street_address", p.street_full()), ", ",
               P("street_address", p.city), " ", P("zip_code", p.zip), ".")
        d.line("Request id ROI-", str(rng.randint(10000, 99999)), " shows 'awaiting signature' though the signed form is attached.")
    else:  # chat_transcript
        ticket_head(d, rng, style, tid, "Chat: patient asking why lab results are hidden", agent)
        d.line("[", ts(rng)[11:16], "] Visitor: hi, I'm ", P("person_name", p.first), ", my results from ",
               P("date", evdate(rng).long()), " aren't showing")
        d.line("[", ts(rng)[11:16], "] ", C("person_name", agent[0]), ": Hi! Can you confirm your full name and date of birth?")
        d.line("[", ts(rng)[11:16], "] Visitor: ", P("person_name", p.full()), " ", P("date", p.dob.us_short()))
        d.line("[", ts(rng)[11:16], "] ", C("person_name", agent[0]),
               ": Thanks. Some results are held for ", str(rng.choice([3, 4, 7])), " days so your clinician can review them first.")
        d.line("[", ts(rng)[11:16], "] Visitor: ok but my MRN is ", P("mrn", p.mrn), " and it says no results at all")
        d.line("Agent note: escalated to portal team, results feed shows ", str(rng.randint(0, 3)), " pending for this MRN.")
    return d


# --------------------------------------------------------------------------- PHI: fhir_diff
def diff_head(d, rng, style, path, title):
    if style == "bb":
        author = staff(rng)
        d.line("Pull request #", str(rng.randint(100, 2999)), ": ", title)
        d.line(C("person_name", sname(author)), " wants to merge feature/", rng.choice(["fhir-fixtures", "coverage-import", "r4-upgrade"]),
               " into develop")
        d.line("Reviewers: ", C("person_name", sname(staff(rng))), ", ", C("person_name", sname(staff(rng))))
        d.line("")
    d.line("diff --git a/", path, " b/", path)
    d.line("index ", sha(rng, 7), "..", sha(rng, 7), " 100644")
    d.line("--- a/", path)
    d.line("+++ b/", path)
    d.line("@@ -", str(rng.randint(1, 40)), ",", str(rng.randint(5, 30)), " +", str(rng.randint(1, 40)), ",", str(rng.randint(5, 30)), " @@")


def fhir_patient_lines(d, rng, p, pre, ind="  ", fac=None, test=False):
    def L(*items):
        d.line(pre, ind, *items)
    L('"resourceType": "Patient",')
    L('"id": "', C("internal_id", "pat-%s" % sha(rng, 10)), '",')
    L('"identifier": [{ "system": "urn:oid:2.16.840.1.113883.3.%d", "value": "' % rng.randint(100, 999),
      P("mrn", p.mrn) if not test else "000000", '" }],')
    if test:
        L('"name": [{ "family": "', C("person_name", "Patient"), '", "given": ["', C("person_name", "Test"), '"] }],')
        L('"birthDate": "1900-01-01",')
        L('"telecom": [{ "system": "phone", "value": "555-0142" }]')
        return
    L('"name": [{ "use": "official", "family": "', P("person_name", p.last), '", "given": ["', P("person_name", p.first), '"] }],')
    L('"gender": "', "female" if p.sex == "F" else "male", '",')
    L('"birthDate": "', P("date", p.dob.iso()), '",')
    L('"telecom": [{ "system": "phone", "value": "', P("phone", p.phone(rng, 1)), '", "use": "home" },')
    L('            { "system": "email", "value": "', P("email", p.email), '" }],')
    L('"address": [{ "line": ["', P("street_address", p.street_full()), '"], "city": "', P("street_address", p.city),
      '", "state": "', C("state", p.state), '", "postalCode": "', P("zip_code", p.zip), '" }]')


def fhir_diff(rng, content, style):
    d = Doc()
    p = Person(rng)
    if content == "replace_real_fixture":
        diff_head(d, rng, style, "src/test/resources/fixtures/patient-admit.json", "Replace prod-derived fixture with synthetic patient")
        d.line(" {")
        fhir_patient_lines(d, rng, p, "-")
        fhir_patient_lines(d, rng, p, "+", test=True)
        d.line(" }")
        if style == "bb":
            d.line("")
            d.line("Comment from ", C("person_name", sname(staff(rng))), ": good catch, the old one was copied from a real admission. ",
                   "We should also scrub the git history.")
    elif content == "bundle_encounter":
        diff_head(d, rng, style, "fixtures/bundles/ed-visit-bundle.json", "Add ED visit bundle for discharge tests")
        start = evdate(rng)
        d.line("+{")
        d.line('+  "resourceType": "Bundle", "type": "transaction",')
        d.line('+  "entry": [')
        d.line("+   { \"resource\": {")
        fhir_patient_lines(d, rng, p, "+", ind="      ")
        d.line("+   } },")
        d.line('+   { "resource": { "resourceType": "Encounter", "id": "', C("internal_id", "enc-%d" % rng.randint(1000, 99999)), '",')
        d.line('+       "status": "finished", "class": { "code": "EMER" },')
        d.line('+       "subject": { "reference": "urn:uuid:', uuid(rng), '", "display": "', P("person_name", p.full()), '" },')
        d.line('+       "period": { "start": "', P("date", start.iso() + "T%02d:%02d:00-05:00" % (rng.randint(0, 23), rng.randint(0, 59))),
               '", "end": "', P("date", start.iso() + "T%02d:%02d:00-05:00" % (rng.randint(0, 23), rng.randint(0, 59))), '" } } }')
        d.line("+  ]")
        d.line("+}")
    elif content == "coverage":
        r, rel, code = relative(rng, p)
        payer = rng.choice(PAYERS)
        diff_head(d, rng, style, "test/fixtures/coverage_dependent.json", "Coverage fixture for dependent subscriber")
        d.line("+{")
        d.line('+  "resourceType": "Coverage",')
        d.line('+  "id": "', C("internal_id", "cov-%s" % sha(rng, 8)), '",')
        d.line('+  "status": "active",')
        d.line('+  "subscriberId": "', P("health_plan_id", r.member), '",')
        d.line('+  "subscriber": { "display": "', P("person_name", r.full()), '" },')
        d.line('+  "beneficiary": { "display": "', P("person_name", p.full()), '" },')
        d.line('+  "relationship": { "coding": [{ "code": "', rng.choice(["child", "spouse"]), '" }] },')
        d.line('+  "period": { "start": "', C("date", "2026-01-01"), '" },')
        d.line('+  "payor": [{ "display": "', payer[0], '" }],')
        d.line('+  "class": [{ "type": { "text": "group" }, "value": "', C("other_id", "G%06d" % rng.randint(0, 999999)), '" }]')
        d.line("+}")
    elif content == "observation":
        diff_head(d, rng, style, "fixtures/observations/a1c.json", "A1c observation used by the diabetes dashboard test")
        when = evdate(rng)
        d.line(" {")
        d.line('   "resourceType": "Observation",')
        d.line('   "code": { "coding": [{ "system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c" }] },')
        d.line('-  "subject": { "reference": "Patient/example" },')
        d.line('+  "subject": { "reference": "Patient/', C("internal_id", str(rng.randint(100000, 999999))), '", "display": "',
               P("person_name", p.full()), '" },')
        d.line('+  "identifier": [{ "type": { "text": "MRN" }, "value": "', P("mrn", p.mrn), '" }],')
        d.line('-  "effectiveDateTime": "2013-04-02",')
        d.line('+  "effectiveDateTime": "', P("date", when.iso()), '",')
        d.line('   "valueQuantity": { "value": ', str(round(rng.uniform(5.4, 11.2), 1)), ', "unit": "%" }')
        d.line(" }")
    elif content == "ts_fixture":
        diff_head(d, rng, style, "web/src/__fixtures__/patientBanner.ts", "Banner fixture with long multi-part names")
        d.line(" import type { Patient } from 'fhir/r4';")
        d.line(" ")
        d.line(" export const testPatient: Patient = { resourceType: 'Patient', name: [{ family: '",
               C("person_name", "Everyman"), "', given: ['", C("person_name", "Adam"), "'] }], birthDate: '1900-01-01' };")
        d.line("+")
        d.line("+// from the support case, to reproduce the truncation bug")
        d.line("+export const bannerPatient: Patient = {")
        d.line("+  resourceType: 'Patient',")
        d.line("+  identifier: [{ system: 'urn:mrn', value: '", P("mrn", p.mrn), "' }],")
        d.line("+  name: [{ family: '", P("person_name", p.last), "', given: ['", P("person_name", p.first), "'] }],")
        d.line("+  birthDate: '", P("date", p.dob.iso()), "',")
        d.line("+  telecom: [{ system: 'phone', value: '", P("phone", p.phone(rng, 1)), "' }],")
        d.line("+};")
    else:  # related_person ndjson
        r, rel, code = relative(rng, p)
        diff_head(d, rng, style, "bulk/export/sample.ndjson", "Sample bulk export for the payer-to-payer test")
        d.line('+{"resourceType":"Patient","id":"', C("internal_id", str(rng.randint(1000, 9999))), '","name":[{"family":"',
               P("person_name", p.last), '","given":["', P("person_name", p.first), '"]}],"birthDate":"', P("date", p.dob.iso()),
               '","identifier":[{"system":"http://hl7.org/fhir/sid/us-mbi","value":"', P("medicare_mbi", p.mbi), '"}]}')
        d.line('+{"resourceType":"RelatedPerson","patient":{"reference":"Patient/', C("internal_id", str(rng.randint(1000, 9999))),
               '"},"relationship":[{"text":"', rel, '"}],"name":[{"text":"', P("person_name", r.full()),
               '"}],"telecom":[{"system":"phone","value":"', P("phone", r.phone(rng, 1)), '"}]}')
    return d


# --------------------------------------------------------------------------- PHI: sql_seed
def sqlq(s):
    return s.replace("'", "''")


def sql_seed(rng, content, style):
    d = Doc()
    n = rng.randint(2, 5)
    pts = [Person(rng) for _ in range(n)]
    q = rng.choice(["`", '"'])
    if style == "jira":
        d.line(C("person_name", sname(staff(rng))), " added a comment – ", ts(rng)[:16])
        d.line("Seed script from the branch, please review before it runs in QA:")
        d.line("{code:sql}")
    body_sql(d, rng, content, pts, n, q)
    if style == "jira":
        d.line("{code}")
    return d


def body_sql(d, rng, content, pts, n, q):
    if content == "insert_patients":
        d.line("-- seed/", rng.choice(["dev", "qa", "perf"]), "_patients.sql  (generated ", ts(rng)[:10], ")")
        if q == "`":
            d.line("LOCK TABLES `patient` WRITE;")
        d.line("INSERT INTO ", q, "patient", q, " (id, mrn, last_name, first_name, birth_date, sex, phone, email) VALUES")
        for i, p in enumerate(pts):
            d.line("  (", C("internal_id", str(1000 + i)), ", '", P("mrn", p.mrn), "', '", P("person_name", sqlq(p.last)), "', '",
                   P("person_name", sqlq(p.first)), "', '", P("date", p.dob.iso()), "', '", p.sex, "', '", P("phone", p.phone(rng, 1)),
                   "', '", P("email", p.email), "')", "," if i < n - 1 else ";")
        if q == "`":
            d.line("UNLOCK TABLES;")
    elif content == "test_plus_real":
        d.line("-- QA fixtures for the eligibility screen. All synthetic EXCEPT the last row, see ", ticket(rng, "CLAIMS"),
               " (remove before merge!)")
        d.line("INSERT INTO member (member_id, last_name, first_name, dob, ssn) VALUES")
        d.line("  ('TEST0000001', '", C("person_name", "TEST"), "', '", C("person_name", "PATIENT"), "', DATE '1900-01-01', '123-45-6789'),")
        d.line("  ('TEST0000002', '", C("person_name", "ZZTEST"), "', '", C("person_name", "BRAVO"), "', DATE '1900-01-01', '123-45-6789'),")
        p = pts[0]
        d.line("  ('", P("health_plan_id", p.member), "', '", P("person_name", sqlq(p.last.upper())), "', '",
               P("person_name", sqlq(p.first.upper())), "', DATE '", P("date", p.dob.iso()), "', '", P("ssn", p.ssn), "');")
    elif content == "update_fix":
        d.line("-- data fix for ", ticket(rng, "HIM"), ", approved by ", C("person_name", sname(staff(rng))))
        d.line("BEGIN;")
        for p in pts[:rng.randint(1, 3)]:
            d.line("UPDATE patient SET home_phone = '", P("phone", p.phone(rng, 1)), "', address_line1 = '",
                   P("street_address", sqlq(p.street_full())), "' WHERE mrn = '", P("mrn", p.mrn), "';  -- ",
                   P("person_name", p.full()))
        d.line("-- expect ", str(rng.randint(1, 3)), " rows")
        d.line("COMMIT;")
    elif content == "encounters":
        d.line("-- V", str(rng.randint(20, 140)), "__seed_encounters.sql")
        d.line("INSERT INTO encounter (encounter_id, mrn, patient_name, admit_dt, discharge_dt, dx_code, attending) VALUES")
        for i, p in enumerate(pts):
            a = evdate(rng)
            cond, icd = rng.choice(CONDITIONS)
            d.line("  (", C("internal_id", str(rng.randint(100000, 999999))), ", '", P("mrn", p.mrn), "', '", P("person_name", sqlq(p.lf())),
                   "', '", P("date", a.iso() + " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))), "', '",
                   P("date", Date(a.y, a.m, min(28, a.d + rng.randint(1, 9)) if a.d < 28 else 28).iso()), "', '",
                   C("diagnosis_code", icd), "', '", C("person_name", sname(staff(rng))), "')", "," if i < n - 1 else ";")
    elif content == "psql_grid":
        d.line("ehr_qa=> SELECT mrn, last_name, first_name, dob, zip FROM patient WHERE created_at > now() - interval '1 day';")
        d.line("   mrn    |  last_name   | first_name |    dob     |  zip")
        d.line("----------+--------------+------------+------------+-------")
        for p in pts:
            d.line(" ", P("mrn", p.mrn), " | ", P("person_name", p.last), " | ", P("person_name", p.first), " | ",
                   P("date", p.dob.iso()), " | ", P("zip_code", p.zip))
        d.line("(", str(n), " rows)")
        d.line("")
        d.line("Why are these in QA? They look like last night's prod registrations. -- ", C("person_name", sname(staff(rng))))
    else:  # copy_ssn
        d.line("-- load for the MPI matcher benchmark")
        d.line("COPY mpi_candidate (last_name, first_name, dob, ssn, zip) FROM stdin WITH (FORMAT csv);")
        for p in pts:
            d.line(P("person_name", p.last), ",", P("person_name", p.first), ",", P("date", p.dob.iso()), ",",
                   P("ssn", p.ssn), ",", P("zip_code", p.zip))
        d.line("\\.")
        d.line("-- ", str(rng.randint(1000, 50000)), " more rows in s3://mpi-bench/", sha(rng, 12), ".csv.gz")


# --------------------------------------------------------------------------- PHI: clinical_note
def clinical_note(rng, content, style):
    d = Doc()
    p = Person(rng, age_max=rng.choice([88, 99]))
    fac = rng.choice(FACILITIES)
    doc = staff(rng)
    cond, icd = rng.choice(CONDITIONS)
    meds = rng.sample(MEDS, 3)
    adm = evdate(rng)
    dis = Date(adm.y, adm.m, min(28, adm.d + rng.randint(1, 6)))
    hd = "## " if style == "md" else ""
    age_item = P("age_over_89", str(p.age)) if p.age >= 90 else str(p.age)
    if content == "discharge":
        d.line(hd, "DISCHARGE SUMMARY \u2013 ", C("facility", fac[0]))
        d.line("Patient: ", P("person_name", p.lf()), "    MRN: ", P("mrn", p.mrn), "    DOB: ", P("date", p.dob.us()))
        d.line("Admitted: ", P("date", adm.us()), "    Discharged: ", P("date", dis.us()))
        d.line("Attending: ", C("person_name", "%s %s, %s" % (doc[0], doc[1], rng.choice(["MD", "DO", "MD, PhD"]))))
        d.line("")
        d.line(hd, "Principal diagnosis: ", C("condition", cond), " (", C("diagnosis_code", icd), ")")
        d.line(hd, "Hospital course")
        d.line(age_item, "-year-old ", "woman" if p.sex == "F" else "man", " admitted with ", C("condition", cond.lower()),
               ". Improved on IV therapy and transitioned to oral regimen on hospital day ", str(rng.randint(2, 4)), ".")
        d.line(hd, "Discharge medications")
        for m in meds:
            d.line("- ", C("medication", m))
        d.line(hd, "Follow-up")
        d.line("PCP in 7 days; clinic line ", C("staff_contact", fac[6]), ". Patient's daughter will drive; home phone ",
               P("phone", p.phone(rng)), ".")
    elif content == "hp":
        d.line(hd, "HISTORY AND PHYSICAL")
        d.line(P("person_name", p.full()), " | ", age_item, " y/o ", p.sex, " | MRN ", P("mrn", p.mrn), " | Date of service ", P("date", adm.long()))
        d.line("CC: ", rng.choice(["shortness of breath", "fall at home", "chest pain", "fever and confusion"]))
        d.line("HPI: Lives at ", P("street_address", p.street_full()), " in ", P("street_address", p.city),
               " with spouse. Symptoms for ", str(rng.randint(2, 6)), " days. History of ", C("condition", cond.lower()), ".")
        d.line("Meds: ", C("medication", meds[0]), "; ", C("medication", meds[1]))
        d.line("Exam: T ", str(round(rng.uniform(36.5, 39.4), 1)), " HR ", str(rng.randint(60, 120)), " BP ",
               "%d/%d" % (rng.randint(100, 170), rng.randint(55, 95)), " SpO2 ", str(rng.randint(88, 99)), "%")
        d.line("A/P: ", C("condition", cond), " \u2013 admit to medicine. Code status full.")
        d.line("\u2014 ", C("person_name", "%s %s, %s" % (doc[0], doc[1], rng.choice(STAFF_TITLES))), ", pager ", C("staff_contact", str(rng.randint(2000, 7999))))
    elif content == "soap":
        d.line(hd, "Progress note ", P("date", adm.iso()))
        d.line("Pt: ", P("person_name", p.lf()), " (", P("mrn", p.mrn), ")")
        d.line("S: Feels better, slept well. Daughter ", P("person_name", relative(rng, p)[0].first + " " + p.last), " at bedside.")
        d.line("O: Afebrile, lungs clearer. Cr ", str(round(rng.uniform(0.7, 2.4), 1)), ".")
        d.line("A: ", C("condition", cond), ", improving.")
        d.line("P: Continue ", C("medication", meds[0]), ". PT/OT eval. Anticipate discharge ", P("date", dis.us_short()), ".")
        d.line(C("person_name", "%s. %s" % (doc[0][0], doc[1])), ", ", rng.choice(STAFF_TITLES))
    elif content == "phone_note":
        d.line(hd, "Telephone encounter")
        d.line("Caller: ", P("person_name", p.full()), "    DOB: ", P("date", p.dob.any(rng)), "    Call back: ", P("phone", p.phone(rng)))
        d.line("Reason: asking for refill of ", C("medication", meds[0]), " before travel.")
        d.line("Per protocol, 30-day supply sent to pharmacy on file. Advised to keep appointment on ",
               P("date", evdate(rng).long()), ".")
        d.line("Documented by ", C("person_name", sname(staff(rng))), ", RN, ", C("facility", fac[0]), " triage line.")
    elif content == "ed_note":
        p2 = Person(rng, age_min=90, age_max=103)
        d.line(hd, "ED PROVIDER NOTE")
        d.line("Name: ", P("person_name", p2.lf()), "   Age: ", P("age_over_89", str(p2.age)), "   MRN: ", P("mrn", p2.mrn))
        d.line("Arrival: ", P("date", adm.iso() + " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59))), " by EMS from ",
               P("street_address", p2.street_full()))
        d.line(P("age_over_89", str(p2.age)), " yo with unwitnessed fall, on ", C("medication", "apixaban"),
               ". CT head negative. Hip films show ", C("condition", "closed fracture of left femoral neck"), ".")
        d.line("Disposition: admit ortho. Son ", P("person_name", relative(rng, p2)[0].first + " " + p2.last),
               " notified at ", P("phone", p2.phone(rng)), ".")
        d.line("Signed: ", C("person_name", sname(doc)), ", MD")
    else:  # referral letter
        d.line(C("facility", fac[0]))
        d.line(C("street_address", fac[2]), ", ", C("street_address", fac[3]), ", ", C("state", fac[4]), " ", C("zip_code", fac[5]))
        d.line("")
        d.line("Re: ", P("person_name", p.full()), ", DOB ", P("date", p.dob.long()))
        d.line("")
        d.line("Dear Dr. ", C("person_name", staff(rng)[1]), ",")
        d.line("Thank you for seeing ", P("person_name", p.first), " for evaluation of ", C("condition", cond.lower()),
               ". ", "She" if p.sex == "F" else "He", " was last seen here on ", P("date", adm.us()), ".")
        d.line("Current medications: ", C("medication", meds[0]), ", ", C("medication", meds[1]), ".")
        d.line("Home address ", P("street_address", p.street_full()), ", ", P("street_address", p.city), " ", P("zip_code", p.zip),
               "; phone ", P("phone", p.phone(rng)), ".")
        d.line("Sincerely,")
        d.line(C("person_name", "%s %s, %s" % (doc[0], doc[1], rng.choice(STAFF_TITLES))))
    return d


# --------------------------------------------------------------------------- PHI: claims_csv
def claims_csv(rng, content, style):
    d = Doc()
    n = rng.randint(3, 7)
    pts = [Person(rng) for _ in range(n)]
    sep = "|" if style == "pipe" else ","
    if style == "jira":
        d.line("Export attached by ", C("person_name", sname(staff(rng))), " for ", ticket(rng, "RCM"), " (first rows):")
        d.line("{noformat}")

    def row(items):
        for i, it in enumerate(items):
            if i:
                d.add(sep)
            if isinstance(it, list):
                d.add(*it)
            else:
                d.add(it)
        d.add("\n")
    if content == "claims_837":
        d.line(sep.join(["claim_id", "member_id", "patient_name", "dob", "service_date", "cpt", "icd10", "billing_npi", "billed_amt"]))
        for p in pts:
            cpt = rng.choice(CPTS)[0]
            icd = rng.choice(CONDITIONS)[1]
            nm = p.lf()
            row([P("other_id", "CLM%09d" % rng.randint(0, 999_999_999)), P("health_plan_id", p.member),
                 ['"', P("person_name", nm), '"'] if sep == "," else P("person_name", nm), P("date", p.dob.iso()),
                 P("date", evdate(rng).iso()), C("procedure_code", cpt), C("diagnosis_code", icd),
                 C("other_id", "1%09d" % rng.randint(0, 999_999_999)), "%.2f" % rng.uniform(40, 2400)])
    elif content == "remit_835":
        d.line(sep.join(["payer", "check_no", "patient_acct", "patient", "svc_from", "paid", "adj_reason"]))
        for p in pts:
            row([rng.choice(PAYERS)[0], "EFT%08d" % rng.randint(0, 99_999_999), P("account_number", p.acct),
                 P("person_name", "%s %s" % (p.first.upper(), p.last.upper())), P("date", evdate(rng).us()),
                 "%.2f" % rng.uniform(0, 900), rng.choice(["CO-45", "PR-1", "CO-97", "PR-2", ""])])
    elif content == "denials_mbi":
        d.line(sep.join(["mbi", "beneficiary", "dob", "dos", "hcpcs", "denial"]))
        for p in pts:
            row([P("medicare_mbi", p.mbi), P("person_name", p.lf().replace(",", "")), P("date", p.dob.us()),
                 P("date", evdate(rng).us()), C("procedure_code", rng.choice(["G0439", "99214", "93000", "A0428"])),
                 rng.choice(["MBI not on file", "timely filing", "duplicate claim", "missing referring NPI"])])
    elif content == "test_and_real":
        d.line(sep.join(["member_id", "last", "first", "dob", "ssn", "phone", "note"]))
        row(["TEST000001", C("person_name", "TEST"), C("person_name", "PATIENT"), "1900-01-01", "123-45-6789", "555-0100", "synthetic"])
        row(["TEST000002", C("person_name", "ZZTEST"), C("person_name", "ALPHA"), "1900-01-01", "123-45-6789", "555-0101", "synthetic"])
        for p in pts[:rng.randint(1, 2)]:
            row([P("health_plan_id", p.member), P("person_name", p.last), P("person_name", p.first), P("date", p.dob.iso()),
                 P("ssn", p.ssn), P("phone", p.phone(rng, 1)), "from prod extract"])
    else:  # addresses
        d.line(sep.join(["acct", "guarantor", "street", "city", "state", "zip", "balance"]))
        for p in pts:
            row([P("account_number", p.acct), P("person_name", p.full()), P("street_address", p.street_full()),
                 P("street_address", p.city), C("state", p.state), P("zip_code", p.zip), "%.2f" % rng.uniform(10, 5000)])
    if style == "jira":
        d.line("{noformat}")
        d.line("Totals match the payer's summary (", str(rng.randint(200, 4000)), " lines). Need the rest by Friday.")
    return d


# --------------------------------------------------------------------------- PHI: patient_email
def patient_email(rng, content, style):
    d = Doc()
    p = Person(rng)
    fac = rng.choice(FACILITIES)
    st = staff(rng)
    clinic = "%s-clinic@%s.org" % (rng.choice(["cardiology", "ortho", "primarycare", "endo"]), fac[1].lower())
    sent = "%s, %s %d, 2026 %d:%02d %s" % (rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), MONTHS[rng.randint(8, 10)][:3],
                                           rng.randint(1, 28), rng.randint(1, 12), rng.randint(0, 59), rng.choice(["AM", "PM"]))
    if style == "gmail":
        d.line("---------- Forwarded message ---------")
        d.line("From: ", P("person_name", p.full()), " <", P("email", p.email), ">")
        d.line("Date: ", C("date", sent))
        d.line("Subject: ", rng.choice(["question about my bill", "appointment", "Re: test results", "medication refill"]))
        d.line("To: <", C("staff_contact", clinic), ">")
    else:
        d.line("From: ", C("person_name", sname(st)), " <", C("staff_contact", semail(st, fac[1].lower() + ".org")), ">")
        d.line("Sent: ", C("date", sent))
        d.line("To: Service Desk <servicedesk@", fac[1].lower(), ".org>")
        d.line("Subject: FW: patient message \u2013 portal not working")
        d.line("")
        d.line("Forwarding the message below, can someone look at the portal side? Thanks, ", C("person_name", st[0]))
        d.line("")
        d.line("-----Original Message-----")
        d.line("From: ", P("email", p.email))
        d.line("Sent: ", C("date", sent))
    d.line("")
    if content == "bill_question":
        d.line("Hello,")
        d.line("I got a bill for ", "$%d.%02d" % (rng.randint(40, 900), rng.randint(0, 99)), " for my visit on ",
               P("date", evdate(rng).long()), ". My insurance member ID is ", P("health_plan_id", p.member),
               " and it should have been covered.")
        d.line("My date of birth is ", P("date", p.dob.us()), " and account number ", P("account_number", p.acct), ".")
        d.line("Thank you,")
        d.line(P("person_name", p.full()))
        d.line(P("phone", p.phone(rng)))
    elif content == "relative":
        r, rel, code = relative(rng, p)
        d.line("Hi,")
        d.line("I'm writing for my ", rng.choice(["mother", "grandmother", "aunt"] if p.sex == "F" else ["father", "grandfather", "uncle"]), ", ", P("person_name", p.full()),
               " (born ", P("date", p.dob.long()), "). ", "The discharge papers from last week list the wrong address, ",
               P("street_address", p.street_full()), " is correct but the city says something else; it should be ",
               P("street_address", p.city), ", ", P("zip_code", p.zip), ".")
        d.line("Can you fix it so the home health agency finds the house?")
        d.line("")
        d.line(P("person_name", r.full()))
        d.line("cell ", P("phone", r.phone(rng)))
    elif content == "spanish":
        d.line("Buenas tardes,")
        d.line("Soy ", P("person_name", p.full()), ", fecha de nacimiento ", P("date", p.dob.eu().replace(".", "/")),
               ". Necesito cambiar mi cita del ", P("date", "%d de %s" % (rng.randint(1, 28), rng.choice(["marzo", "abril", "mayo", "junio"]))),
               " porque no tengo transporte.")
        d.line("Mi número de expediente es ", P("mrn", p.mrn), " y mi teléfono ", P("phone", p.phone(rng)), ".")
        d.line("Gracias.")
    elif content == "refill":
        d.line("Dear Dr. ", C("person_name", staff(rng)[1]), ",")
        d.line("I am almost out of my ", C("medication", rng.choice(MEDS).split(" ")[0]),
               ". The pharmacy says they sent a request on ", P("date", evdate(rng).us()), " but nothing came back.")
        d.line("Patient: ", P("person_name", p.full()), ", MRN ", P("mrn", p.mrn), ", DOB ", P("date", p.dob.us()), ".")
        d.line("Best,")
        d.line(P("person_name", p.first))
    else:  # results
        d.line("hi there -")
        d.line("my results from the ", rng.choice(["MRI", "blood test", "biopsy"]), " are still not in the app. I can see the visit on ",
               P("date", evdate(rng).long()), " but nothing else. Username is ", P("email", p.email), ".")
        d.line("DOB ", P("date", p.dob.any(rng)), ". Please call me at ", P("phone", p.phone(rng)), ", I'm home most days.")
        d.line("- ", P("person_name", p.full()))
    if style != "gmail":
        d.line("")
        d.line(C("person_name", sname(st)), " | Practice Manager | ", C("facility", fac[0]))
        d.line(C("staff_contact", fac[6]), " ext. ", C("staff_contact", str(rng.randint(2000, 7999))))
    return d


# --------------------------------------------------------------------------- CLEAN: java_stacktrace
EVERYMAN_PID = ("PID|||", ("dont_care", "other_id", "555-44-4444"), "||", ("dont_care", "person_name", "EVERYMAN^ADAM^A^III"),
                "||", ("dont_care", "date", "19610615"), "|M||C|", ("dont_care", "street_address", "2222 HOME STREET"), "^^",
                ("dont_care", "street_address", "GREENSBORO"), "^", ("dont_care", "state", "NC"), "^",
                ("dont_care", "zip_code", "27401-1020"), "|GL|(555) 555-2004|(555)555-2004||S||PATID12345001^2^M10^ADT1^AN^A|",
                ("dont_care", "other_id", "444333333"), "|987654^NC|")


def frames(d, rng, pkg, n):
    cls = ["PidSegmentMapper", "AdtInboundRoute", "PatientMatcher", "ResultFilingService", "EligibilityClient",
           "ReminderScheduler", "ClaimBatchWriter", "ProviderDirectorySync", "FhirBundleImporter", "MpiGateway"]
    for _ in range(n):
        c = rng.choice(cls)
        d.line("\tat ", pkg, ".", c, ".", rng.choice(["map", "process", "handle", "apply", "lambda$run$3", "doExecute", "accept"]),
               "(", c, ".java:", str(rng.randint(40, 900)), ")")
    d.line("\tat org.apache.camel.processor.Pipeline$PipelineTask.run(Pipeline.java:", str(rng.randint(100, 300)), ")")
    d.line("\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)")
    d.line("\tat java.base/java.lang.Thread.run(Thread.java:840)")


def java_stacktrace(rng, content, style):
    d = Doc()
    pkg = rng.choice(["org.brmc.integration", "com.mesaverde.ehr.bridge", "net.cfch.interop"])
    fac = rng.choice(FACILITIES)
    host = "%s-%s-%02d" % (rng.choice(["intg", "ehrapi", "batch", "claims"]), rng.choice(["prd", "stg", "uat"]), rng.randint(1, 12))
    key = ticket(rng)
    ver = "%d.%d.%d-b%d" % (rng.randint(2, 6), rng.randint(0, 30), rng.randint(0, 9), rng.randint(100, 4000))
    if content == "npe_pid_mapper":
        jira_head(d, rng, style, key, "NPE in PidSegmentMapper when PID-11 has only a country component",
                  extra="Environment: %s (%s), build %s" % (host, ip(rng), ver))
        d.line("Reproduced with the example message from the HL7 v2.5 standard chapter 3 (not a patient):")
        code_open(d, style)
        d.line("MSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB, INC.|GOOD HEALTH HOSPITAL|198808181126|SECURITY|ADT^A01^ADT_A01|MSG00001|P|2.5")
        d.line(*EVERYMAN_PID)
        d.line("PID|||||^^^^^USA")
        code_close(d, style)
        code_open(d, style, "java")
        d.line("java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"xad.getCity()\" is null")
        frames(d, rng, pkg, rng.randint(4, 7))
        code_close(d, style)
        d.line("Happens for ~", str(rng.randint(2, 40)), " messages a day out of ", "{:,}".format(rng.randint(40000, 120000)), ".")
    elif content == "jdbc_pool":
        jira_head(d, rng, style, key, "HikariPool-1 connection timeouts during the 02:00 extract")
        url = "jdbc:sqlserver://sql-ehr-%s.corp.%s.local:1433;databaseName=Clarity;encrypt=true" % (rng.choice(["prd-03", "rpt-01"]), fac[1].lower())
        d.line("Datasource: {{", url, "}}")
        code_open(d, style, "java")
        d.line(ts(rng), " ERROR [extract-worker-", str(rng.randint(1, 16)), "] c.z.h.pool.HikariPool - HikariPool-1 - Connection is not available, request timed out after 30000ms.")
        d.line("java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=",
               str(rng.randint(3, 60)), ")")
        d.line("\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)")
        frames(d, rng, pkg, 4)
        code_close(d, style)
        d.line("The run still finished: ", "{:,}".format(rng.randint(200, 5000)), " patients were migrated and ",
               "{:,}".format(rng.randint(10000, 90000)), " encounters copied, ", str(rng.randint(0, 12)), " retries.")
    elif content == "kafka_deser":
        jira_head(d, rng, style, key, "Consumer stuck on poison message in topic adt.normalized.v2")
        code_open(d, style, "java")
        d.line("org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition adt.normalized.v2-",
               str(rng.randint(0, 11)), " at offset ", str(rng.randint(10**6, 10**8)), ". If needed, please seek past the record to continue consumption.")
        d.line("Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)) at [Source: (byte[])\"<html><head><title>502 Bad Gateway</title>\"; line: 1, column: 2]")
        frames(d, rng, pkg, 3)
        code_close(d, style)
        d.line("Record key ", uuid(rng), ", producer ", host, ", schema id ", str(rng.randint(100, 999)), ". The payload is the proxy error page, not a message.")
    elif content == "date_parse":
        jira_head(d, rng, style, key, "DateTimeParseException on placeholder birth dates from the legacy system")
        d.line("Legacy registration uses {{00000000}} and {{19000101}} as 'unknown DOB' placeholders.")
        code_open(d, style, "java")
        d.line("java.time.format.DateTimeParseException: Text '00000000' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 0")
        d.line("\tat java.base/java.time.format.DateTimeFormatter.createError(DateTimeFormatter.java:2023)")
        frames(d, rng, pkg, 3)
        code_close(d, style)
        d.line("Proposal: map both to null and set the data-absent-reason extension. ", "{:,}".format(rng.randint(300, 9000)),
               " records in the legacy table have the placeholder.")
    elif content == "ssl_payer":
        vendor = rng.choice([("Clearwell Exchange", "1-877-410-2290"), ("PayerLink Networks", "1-800-318-4400"), ("Availus Connect", "1-866-902-7711")])
        jira_head(d, rng, style, key, "270/271 eligibility calls fail with SSLHandshakeException after vendor cert rotation")
        code_open(d, style, "java")
        d.line("javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target")
        d.line("\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)")
        frames(d, rng, pkg, 3)
        code_close(d, style)
        d.line("Endpoint https://api.", vendor[0].split()[0].lower(), ".com/x12/270 (", ip(rng).replace("10.", "172.16.", 1), ":443). Cert serial ",
               sha(rng, 32), ", valid from ", ts(rng)[:10], ".")
        d.line(vendor[0], " support (", vendor[1], ") confirmed the new intermediate. Ticket on their side: ", str(rng.randint(10**6, 10**7)), ".")
    elif content == "oom_batch":
        jira_head(d, rng, style, key, "OutOfMemoryError in nightly quality-measure batch")
        code_open(d, style, "java")
        d.line("Exception in thread \"measure-batch-", str(rng.randint(1, 8)), "\" java.lang.OutOfMemoryError: Java heap space")
        d.line("\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)")
        frames(d, rng, pkg, 4)
        code_close(d, style)
        d.line("Heap dump: /var/dumps/", host, "-", sha(rng, 8), ".hprof (", str(rng.randint(3, 12)), " GB). Denominator for CMS122 this run: ",
               "{:,}".format(rng.randint(8000, 40000)), " patients aged 18\u201375; ", str(rng.randint(100, 900)), " patients aged 90 and older are excluded by the spec.")
    elif content == "hapi_validation":
        jira_head(d, rng, style, key, "HAPI validator rejects the FHIR spec example patient after upgrade")
        d.line("Unit test loads {{patient-example.json}} straight from the FHIR R4 spec package:")
        code_open(d, style, "java")
        d.line("ca.uhn.fhir.validation.ResultSeverityEnum: ERROR - Patient.name[0].family: ", C("person_name", "Chalmers"),
               " - Constraint failed: us-core-6 (Patient/example)")
        d.line("ca.uhn.fhir.parser.DataFormatException: [element=\"birthDate\"] Invalid attribute value \"",
               C("date", "1974-12-25"), "\": profile requires ", "dateTime")
        frames(d, rng, pkg, 3)
        code_close(d, style)
        d.line("That is ", C("person_name", "Peter James Chalmers"), ", the standard's example, not a patient. Pin validator ",
               "%d.%d.%d" % (rng.randint(6, 7), rng.randint(0, 8), rng.randint(0, 9)), " until US Core IG ", rng.choice(["6.1.0", "7.0.0"]), " is loaded.")
    elif content == "constraint":
        jira_head(d, rng, style, key, "ORA-00001 on PK_PATIENT when QA reloads the fixture set")
        code_open(d, style, "java")
        d.line("org.springframework.dao.DuplicateKeyException: PreparedStatementCallback; SQL [INSERT INTO EHR.PATIENT (MRN, LAST_NAME, FIRST_NAME, DOB) VALUES (?, ?, ?, ?)];")
        d.line("ORA-00001: unique constraint (EHR.PK_PATIENT) violated; bind values: ['000000', '", C("person_name", "TEST"), "', '",
               C("person_name", "PATIENT"), "', 1900-01-01]")
        frames(d, rng, pkg, 3)
        code_close(d, style)
        d.line("The fixture loader is not idempotent; the test patient 000000 exists from the previous run.")
    elif content == "provider_sync":
        docs = staff(rng, 2)
        jira_head(d, rng, style, key, "ProviderDirectorySync NPE when a provider has no taxonomy")
        code_open(d, style, "java")
        d.line(ts(rng), " WARN  [dir-sync-2] ", pkg, ".ProviderDirectorySync - skipping NPI ", C("other_id", "1%09d" % rng.randint(0, 999999999)),
               " (", C("person_name", "%s, %s" % (docs[0][1], docs[0][0])), ", MD): no primary taxonomy")
        d.line("java.lang.NullPointerException: Cannot invoke \"Taxonomy.getCode()\" because \"primary\" is null")
        frames(d, rng, pkg, 4)
        code_close(d, style)
        d.line("Also seen for ", C("person_name", "Dr. " + docs[1][1]), " (", C("facility", fac[0]), ", ",
               C("street_address", fac[2]), "). NPPES lookup for test NPI 1234567893 works in UAT.")
    else:  # scheduler_cme
        jira_head(d, rng, style, key, "ConcurrentModificationException kills the appointment reminder job")
        code_open(d, style, "java")
        d.line("java.util.ConcurrentModificationException")
        d.line("\tat java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1095)")
        frames(d, rng, pkg, 4)
        code_close(d, style)
        d.line("Job id ", uuid(rng), " on ", host, ". Reminders sent before the crash: ", "{:,}".format(rng.randint(500, 6000)),
               " SMS, ", "{:,}".format(rng.randint(100, 2000)), " emails. Retry window ends ", ts(rng)[:16], ".")
    # a comment or two under the issue: staff, hosts, counts -- never a patient
    for _ in range(rng.randint(1, 2)):
        who = staff(rng)
        d.line("")
        d.line(("*" if style == "wiki" else "**") + "Comment" + ("*" if style == "wiki" else "**"), " — ",
               C("person_name", sname(who)), " — ", ts(rng)[:16])
        d.add(rng.choice([
            ["Repro'd on ", host.replace("prd", "uat"), " (", ip(rng), ":", str(rng.choice([6661, 8443, 5432, 1433])), ") with build ", ver, "."],
            ["Checked prod: ", str(rng.randint(0, 60)), " messages affected since ", ts(rng)[:10], ", all replayed. No chart changes needed."],
            ["[~", C("person_name", handle(staff(rng))), "] can you take this? I'm out until ", ts(rng)[:10], "."],
            ["Vendor case ", str(rng.randint(10**5, 10**6)), " opened with Meridian Interop (1-866-229-0415)."],
            ["Fix in PR #", str(rng.randint(100, 3000)), " (", sha(rng, 7), "); deploying with release ", ver, "."],
            ["Dr. ", C("person_name", staff(rng)[1]), " asked on the CMIO channel whether clinicians saw anything; no, this is back-end only."],
        ]))
        d.line("")
    return d


# --------------------------------------------------------------------------- CLEAN: meeting_notes
def attendees(d, rng, k, style):
    ppl = staff(rng, k)
    d.add("**Attendees:** " if style == "md" else "*Attendees:* ")
    for i, s in enumerate(ppl):
        if i:
            d.add(", ")
        d.add(C("person_name", sname(s)))
    d.add("\n")
    return ppl


def dial_in(d, rng):
    kind = rng.choice(["zoom", "teams", "webex"])
    if kind == "zoom":
        d.line("Join Zoom: https://brmc.zoom.us/j/", str(rng.randint(10**9, 10**10 - 1)), "?pwd=", sha(rng, 22))
        d.line("Dial-in: +1 646 558 8656 US (New York) | Meeting ID: ", "%d %d %d" % (rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999)),
               " | Passcode: ", str(rng.randint(100000, 999999)))
    elif kind == "teams":
        d.line("Microsoft Teams meeting \u2013 Call in (audio only): +1 323-849-4874,,", str(rng.randint(10**8, 10**9 - 1)), "#  Phone conference ID: ",
               "%d %d %d#" % (rng.randint(100, 999), rng.randint(100, 999), rng.randint(100, 999)))
    else:
        d.line("Webex bridge 1-844-621-3956, access code ", "%d %d %d" % (rng.randint(1000, 9999), rng.randint(100, 999), rng.randint(1000, 9999)),
               ", host PIN withheld")


def meeting_notes(rng, content, style):
    d = Doc()
    fac = rng.choice(FACILITIES)
    day = ts(rng)[:10]
    hd = "## " if style == "md" else "h2. "
    b = "- " if style == "md" else "* "
    title = {"sprint": "Sprint %d planning \u2013 Interfaces team" % rng.randint(40, 90),
             "incident": "Post-incident review: ADT queue backlog",
             "vendor": "Weekly vendor sync \u2013 eligibility clearinghouse",
             "golive": "Go-live readiness checkpoint (T-%d days)" % rng.randint(3, 30),
             "arch": "Architecture review: FHIR facade for the patient app",
             "training": "Privacy & security quarterly huddle",
             "retro": "Retro \u2013 portal release %d.%d" % (rng.randint(3, 9), rng.randint(0, 20)),
             "steering": "EHR optimization steering committee",
             "cab": "Change Advisory Board",
             "orderset": "Pharmacy & Therapeutics / order set subcommittee"}[content]
    d.line("# " if style == "md" else "h1. ", title, " \u2014 ", day)
    ppl = attendees(d, rng, rng.randint(4, 7), style)
    if rng.random() < 0.7:
        dial_in(d, rng)
    d.line("")
    d.line(hd, "Notes")
    if content == "sprint":
        d.line(b, "Sprint runs ", day, " to ", ts(rng)[:10], "; capacity ", str(rng.randint(30, 70)), " points.")
        d.line(b, ticket(rng, "INTG"), " ORU filing for micro results \u2013 @", C("person_name", handle(ppl[0])), " to own.")
        d.line(b, ticket(rng, "INTG"), " retire the old Cloverleaf route; ", C("person_name", ppl[1][0]), " to confirm the cutover date with the lab.")
        d.line(b, "Test data: use the ZZTEST patients only; MRN range T000100\u2013T000199.")
    elif content == "incident":
        d.line(b, "Timeline (CT): ", ts(rng)[11:16], " alert fired; ", ts(rng)[11:16], " queue depth peaked at ", "{:,}".format(rng.randint(2000, 20000)),
               " messages; ", ts(rng)[11:16], " drained.")
        d.line(b, "Root cause: disk full on ", "intg-prd-%02d" % rng.randint(1, 9), " (", ip(rng), "), log rotation disabled by change CHG", str(rng.randint(10**6, 10**7)), ".")
        d.line(b, "Impact: ", str(rng.randint(40, 400)), " patients had delayed bed assignments; no data lost, no PHI exposed.")
        d.line(b, "Incident commander: ", C("person_name", sname(ppl[0])), "; scribe: ", C("person_name", sname(ppl[1])), ".")
    elif content == "vendor":
        v = rng.choice([("Clearwell Exchange", "1-877-410-2290"), ("PayerLink Networks", "1-800-318-4400")])
        am = staff(rng)
        d.line(b, v[0], ": account manager ", C("person_name", sname(am)), " joined; support line ", v[1], " (24x7).")
        d.line(b, "271 response times p95 ", str(rng.randint(800, 3000)), " ms, SLA 2 s. ", rng.choice(PAYERS)[0], " still slow.")
        d.line(b, "Their test member for UAT is 'Test Patient', DOB 1900-01-01, member id TEST0000001.")
    elif content == "golive":
        d.line(b, "Go-live ", ts(rng)[:10], " 00:00; command center in the ", C("facility", fac[0]), " boardroom, ",
               C("street_address", fac[2]), ", ", C("street_address", fac[3]), ", ", C("state", fac[4]), " ", C("zip_code", fac[5]), ".")
        d.line(b, "At-the-elbow support: ", str(rng.randint(20, 80)), " super-users; ", str(rng.randint(3, 10)), " units.")
        d.line(b, "Command center line ", C("staff_contact", fac[6]), "; bridge open 24 h.")
        d.line(b, "Downtime procedures: printed census at 22:00, BCA workstations verified (", str(rng.randint(30, 60)), "/", str(rng.randint(60, 70)), ").")
    elif content == "arch":
        d.line(b, "Facade runs on eks-", rng.choice(["prd", "np"]), "-use1, 3 replicas, behind https://fhir.", fac[1].lower(), ".org/r4 (port 443).")
        d.line(b, "Read model from Postgres 15 (", ip(rng), ":5432), refreshed by CDC; lag p99 ", str(rng.randint(2, 30)), " s.")
        d.line(b, "SMART scopes: patient/*.read only; ", C("person_name", ppl[0][0]), " raised the need for launch/patient in the kiosk flow.")
        d.line(b, "Load test: ", "{:,}".format(rng.randint(100, 900)), " rps with the synthetic Synthea population of ", "{:,}".format(rng.randint(10000, 100000)), " patients.")
    elif content == "training":
        d.line(b, "Privacy officer ", C("person_name", sname(ppl[0])), " reviewed Q", str(rng.randint(1, 4)), " incidents: ", str(rng.randint(2, 12)),
               " misdirected faxes, ", str(rng.randint(0, 4)), " lost devices (encrypted).")
        d.line(b, "Reminder: Safe Harbor requires ages over 89 to be aggregated as 90 or older; ZIPs to three digits when the area has more than 20,000 people.")
        d.line(b, "Screenshots in Jira must use the test patients, never production charts.")
    elif content == "retro":
        d.line(b, "Went well: zero Sev1, release ", "%d.%d.%d" % (rng.randint(3, 9), rng.randint(0, 20), rng.randint(0, 9)), " shipped on ", ts(rng)[:10], ".")
        d.line(b, "Improve: flaky Cypress tests (", str(rng.randint(3, 20)), " reruns), QA env refresh took ", str(rng.randint(2, 6)), " days.")
        d.line(b, "Kudos to @", C("person_name", handle(ppl[1])), " for the accessibility fixes.")
    elif content == "steering":
        d.line(b, "Budget: $", "{:,}".format(rng.randint(200, 900) * 1000), " approved for FY27 optimization sprints.")
        d.line(b, "In-basket volume down ", str(rng.randint(5, 25)), "% after the auto-routing change; ", "{:,}".format(rng.randint(1000, 9000)), " messages/week.")
        d.line(b, "Chair: ", C("person_name", "Dr. " + ppl[0][1]), " (CMIO). Next meeting ", ts(rng)[:10], ".")
    elif content == "cab":
        for _ in range(3):
            d.line(b, "CHG", str(rng.randint(10**6, 10**7)), " \u2013 ", rng.choice(["patch intg-prd cluster", "rotate HL7 listener certs", "upgrade Mirth to 4.5.2",
                                                                               "DNS cutover for portal", "increase claims DB IOPS"]),
                   " \u2013 ", rng.choice(["approved", "approved with conditions", "deferred"]), " (owner ", C("person_name", sname(rng.choice(ppl))), ")")
        d.line(b, "Freeze window: ", ts(rng)[:10], " through ", ts(rng)[:10], ".")
    else:  # orderset
        d.line(b, "Approved: community-acquired pneumonia order set v", str(rng.randint(3, 9)), " \u2013 ", C("medication", "ceftriaxone 1 g IV daily"),
               " plus ", C("medication", "azithromycin 500 mg"), "; step-down to ", C("medication", "amoxicillin"), ".")
        d.line(b, "Removed ", C("medication", "meperidine"), " from the adult PRN panel (Beers criteria for patients 65 and older).")
        d.line(b, "Pharmacist reviewer ", C("person_name", sname(ppl[1])), ", PharmD; physician lead ", C("person_name", "Dr. " + ppl[2][1]), ".")
    d.line("")
    d.line(hd, "Action items")
    for s in rng.sample(ppl, 2):
        d.line(b, "@", C("person_name", handle(s)), " \u2013 ", rng.choice(["update the runbook", "send the vendor the pcap", "book UAT rooms",
                                                                      "draft the comms", "close out the RCA"]), " by ", ts(rng)[:10])
    return d


# --------------------------------------------------------------------------- CLEAN: validator_diff
def validator_diff(rng, content, style):
    d = Doc()
    paths = {"java_ssn": "src/main/java/org/brmc/validation/SsnValidator.java",
             "py_npi": "phi_tools/validators/npi.py",
             "ts_mbi": "web/src/lib/validators/mbi.ts",
             "sql_check": "db/migrations/V212__patient_checks.sql",
             "yaml_mask": "config/log-masking.yaml",
             "java_pid_test": "src/test/java/org/brmc/hl7/PidParserTest.java",
             "py_fhir_example": "tests/test_fhir_patient_parse.py",
             "ts_phone": "web/src/lib/validators/phone.test.ts",
             "java_dob": "src/main/java/org/brmc/validation/BirthDateRule.java",
             "yaml_profile": "conformance/pid-profile.yaml"}
    path = paths[content]
    diff_head(d, rng, style, path, rng.choice(["Tighten identifier validation", "Validator fixes from code review",
                                               "Reject placeholder values at the edge", "Add spec examples to the tests"]))
    if content == "java_ssn":
        d.line(" public final class SsnValidator {")
        d.line("+    /** SSA never issues area 000, 666 or 900-999, group 00 or serial 0000. */")
        d.line("+    private static final Pattern SSN = Pattern.compile(\"^(?!000|666|9\\\\d\\\\d)\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}$\");")
        d.line("+    /** Publicly documented examples that must never be accepted as real. */")
        d.line("+    private static final Set<String> KNOWN_EXAMPLES = Set.of(\"123-45-6789\", \"078-05-1120\", \"219-09-9999\");")
        d.line("     public boolean isValid(String s) {")
        d.line("-        return s != null && s.length() == 11;")
        d.line("+        return s != null && SSN.matcher(s).matches() && !KNOWN_EXAMPLES.contains(s);")
        d.line("     }")
        d.line(" }")
    elif content == "py_npi":
        d.line(" def npi_is_valid(npi: str) -> bool:")
        d.line("-    return len(npi) == 10")
        d.line("+    \"\"\"Luhn check with the 80840 prefix (CMS NPI check digit rules).\"\"\"")
        d.line("+    if not re.fullmatch(r\"[12]\\d{9}\", npi):")
        d.line("+        return False")
        d.line("+    digits = [int(c) for c in \"80840\" + npi]")
        d.line("+    return luhn_ok(digits)")
        d.line(" ")
        d.line("+def test_npi_examples():")
        d.line("+    assert npi_is_valid(\"1234567893\")   # the example in the CMS NPI check-digit paper")
        d.line("+    assert not npi_is_valid(\"1234567890\")")
    elif content == "ts_mbi":
        d.line(" // CMS MBI format: C A AN N A AN N A A N N, no S L O I B Z")
        d.line("-export const MBI = /^[0-9A-Z]{11}$/;")
        d.line("+export const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$/;")
        d.line("+")
        d.line("+// example from the CMS MBI format specification, dashes for readability only")
        d.line("+test('accepts the CMS example', () => expect(isMbi('1EG4-TE5-MK73'.replaceAll('-', ''))).toBe(true));")
        d.line("+test('rejects letters S L O I B Z', () => expect(isMbi('1SG4TE5MK73')).toBe(false));")
    elif content == "sql_check":
        d.line("+ALTER TABLE patient ADD CONSTRAINT ck_patient_dob CHECK (birth_date > DATE '1900-01-01');")
        d.line("+ALTER TABLE patient ADD CONSTRAINT ck_patient_zip CHECK (zip IS NULL OR zip <> '00000');")
        d.line("+ALTER TABLE patient ADD CONSTRAINT ck_patient_mrn CHECK (mrn !~ '^0+$');  -- 000000 is the test harness MRN")
        d.line("+-- ", "{:,}".format(rng.randint(100, 4000)), " existing rows violate ck_patient_dob; they are placeholders, see ", ticket(rng, "HIM"))
        d.line("+UPDATE patient SET birth_date = NULL WHERE birth_date = DATE '1900-01-01';")
    elif content == "yaml_mask":
        d.line(" masking:")
        d.line("   enabled: true")
        d.line("   rules:")
        d.line("-    - name: ssn")
        d.line("-      pattern: '\\d{9}'")
        d.line("+    - name: ssn")
        d.line("+      pattern: '\\b(?!000|666|9\\d\\d)\\d{3}-?(?!00)\\d{2}-?(?!0000)\\d{4}\\b'")
        d.line("+      allow: ['123-45-6789']   # documentation example used in runbooks")
        d.line("+    - name: phone")
        d.line("+      pattern: '\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}'")
        d.line("+      allow_range: '555-0100..555-0199'   # reserved fictional numbers")
        d.line("+    - name: hl7_pid5")
        d.line("+      segment: PID")
        d.line("+      fields: [5, 7, 11, 13, 19]")
        d.line("   sinks: [splunk, cloudwatch]")
    elif content == "java_pid_test":
        d.line(" class PidParserTest {")
        d.line("+    // Example PID from HL7 v2.5 chapter 3 \u2013 documentation, not a patient")
        d.line("+    private static final String SPEC_PID =")
        d.add("+        \"")
        d.add(*EVERYMAN_PID)
        d.line("\";")
        d.line("+")
        d.line("+    @Test void parsesFamilyAndGiven() {")
        d.line("+        Pid pid = PidParser.parse(SPEC_PID);")
        d.line("+        assertEquals(\"", C("person_name", "EVERYMAN"), "\", pid.familyName());")
        d.line("+        assertEquals(\"", C("person_name", "ADAM"), "\", pid.givenName());")
        d.line("+    }")
        d.line("+    @Test void rejectsTestMrn() { assertThrows(InvalidMrn.class, () -> Mrn.of(\"000000\")); }")
        d.line(" }")
    elif content == "py_fhir_example":
        d.line("+EXAMPLE = load_spec_example('patient-example.json')  # FHIR R4 spec 'Patient/example'")
        d.line("+")
        d.line("+def test_official_name_is_picked():")
        d.line("+    assert official_name(EXAMPLE) == '", C("person_name", "Peter James Chalmers"), "'")
        d.line("+")
        d.line("+def test_birthdate_parses():")
        d.line("+    assert EXAMPLE.birthDate == date(", C("date", "1974, 12, 25"), ")")
        d.line("+")
        d.line("+def test_synthetic_patient():")
        d.line("+    p = make_patient(family='", C("person_name", "Patient"), "', given='", C("person_name", "Test"), "', birth_date='1900-01-01', mrn='000000')")
        d.line("+    assert is_placeholder(p)")
    elif content == "ts_phone":
        d.line(" describe('normalizePhone', () => {")
        d.line("-  it('keeps digits', () => expect(normalizePhone('555-0100')).toBe('5550100'));")
        d.line("+  it.each(['555-0100', '(555) 555-0142', '+1 555 555 0199'])('treats %s as fictional', (n) =>")
        d.line("+    expect(isFictional(n)).toBe(true));")
        d.line("+  it('formats E.164', () => expect(toE164('555-0123', '555')).toBe('+15555550123'));")
        d.line(" });")
    elif content == "java_dob":
        d.line(" public class BirthDateRule implements Rule<LocalDate> {")
        d.line("-    private static final LocalDate MIN = LocalDate.of(1800, 1, 1);")
        d.line("+    /** 1900-01-01 is the legacy 'unknown' placeholder; treat as missing, not as a 126-year-old. */")
        d.line("+    private static final LocalDate PLACEHOLDER = LocalDate.parse(\"1900-01-01\");")
        d.line("+    private static final int MAX_AGE = 120;")
        d.line("     public Result check(LocalDate dob, Clock clock) {")
        d.line("+        if (PLACEHOLDER.equals(dob)) return Result.missing(\"placeholder\");")
        d.line("+        if (Period.between(dob, LocalDate.now(clock)).getYears() > MAX_AGE) return Result.invalid(\"age > \" + MAX_AGE);")
        d.line("         return Result.ok();")
        d.line("     }")
    else:  # yaml_profile
        d.line(" segment: PID")
        d.line(" fields:")
        d.line("   - { seq: 3, name: Patient Identifier List, usage: R, max: 250 }")
        d.line("-  - { seq: 5, name: Patient Name, usage: R }")
        d.line("+  - { seq: 5, name: Patient Name, usage: R, example: 'EVERYMAN^ADAM^A^III' }")
        d.line("+  - { seq: 7, name: Date/Time of Birth, usage: RE, example: '19610615', reject: ['19000101', '00000000'] }")
        d.line("+  - { seq: 11, name: Patient Address, usage: RE, example: '2222 HOME STREET^^GREENSBORO^NC^27401-1020' }")
        d.line("+  - { seq: 19, name: SSN, usage: X }   # withdrawn in 2.7, never map")
    if style == "bb":
        d.line("")
        d.line(C("person_name", sname(staff(rng))), " commented: ", rng.choice(["LGTM once the example values are in the allow-list.",
                                                                                    "Can we cite the spec section next to the examples?",
                                                                                    "Approved. Please squash."]))
    return d


# --------------------------------------------------------------------------- CLEAN: release_notes
def release_notes(rng, content, style):
    d = Doc()
    ver = "%d.%d.%d" % (rng.randint(2, 9), rng.randint(0, 30), rng.randint(0, 9))
    build = str(rng.randint(1000, 9999))
    day = ts(rng)[:10]
    hd = "## " if style == "md" else "h2. "
    b = "- " if style == "md" else "* "
    name = {"portal": "Patient Portal", "engine": "Interface Engine Channels", "hotfix": "Clinical Viewer hotfix",
            "fhir": "FHIR API", "migration": "Legacy chart migration", "mobile": "Mobile app (iOS/Android)",
            "claims": "Claims engine", "cds": "CDS content package", "infra": "Platform", "quarter": "Q%d product summary" % rng.randint(1, 4)}[content]
    d.line("# " if style == "md" else "h1. ", name, " ", ver, " (build ", build, ") \u2014 released ", day)
    d.line("")
    d.line(hd, "Changes")
    if content == "portal":
        d.line(b, ticket(rng, "PORTAL"), " Proxy access for parents of patients aged 12\u201317 follows the new state rule.")
        d.line(b, ticket(rng, "PORTAL"), " Appointment cards now show the clinic address, e.g. ", C("facility", FACILITIES[0][0]), ", ",
               C("street_address", FACILITIES[0][2]), ".")
        d.line(b, ticket(rng, "PORTAL"), " Fixed: password reset emails were queued for up to ", str(rng.randint(5, 90)), " minutes.")
    elif content == "engine":
        d.line(b, "inbound-adt-epic v", str(rng.randint(10, 40)), ": PID-7 accepts precision to minutes (YYYYMMDDHHMM).")
        d.line(b, "outbound-oru-lab v", str(rng.randint(10, 40)), ": OBX-5 units normalized to UCUM (", ticket(rng, "INTG"), ").")
        d.line(b, "Test message set updated; uses ", C("person_name", "TEST^PATIENT"), " / MRN 000000 only.")
        d.line(b, "Throughput in perf: ", "{:,}".format(rng.randint(200, 1200)), " msg/s on 4 vCPU.")
    elif content == "hotfix":
        d.line(b, "Security: upgrade jackson-databind to 2.17.", str(rng.randint(1, 3)), " (CVE-2025-", str(rng.randint(10000, 60000)), ").")
        d.line(b, "Commit ", sha(rng), " reverts the banner truncation change.")
        d.line(b, "Artifact sha256:", sha(rng, 40) + sha(rng, 24))
    elif content == "fhir":
        d.line(b, "US Core ", rng.choice(["6.1.0", "7.0.0"]), " profiles for Patient, Encounter, Observation.")
        d.line(b, "GET /Patient?identifier= now requires a system; examples in the docs use Patient/example (",
               C("person_name", "Peter Chalmers"), ") from the spec.")
        d.line(b, "Rate limit raised to ", str(rng.randint(50, 500)), " requests/min per client.")
    elif content == "migration":
        d.line(b, "{:,}".format(rng.randint(300, 900)), " patients were migrated from the legacy cardiology system; ",
               str(rng.randint(0, 20)), " charts held for HIM review.")
        d.line(b, "{:,}".format(rng.randint(10000, 90000)), " documents, ", "{:,}".format(rng.randint(1000, 9000)), " ECG PDFs.")
        d.line("")
        table(d, "md" if style == "md" else "wiki", ["Age band", "Patients"],
              [["0\u201317", str(rng.randint(5, 40))], ["18\u201364", str(rng.randint(100, 400))], ["65\u201389", str(rng.randint(100, 400))],
               ["90+", str(rng.randint(5, 40))]])
    elif content == "mobile":
        d.line(b, "iOS ", ver, " (", build, "), Android versionCode ", str(rng.randint(100, 900)), ".")
        d.line(b, "Crash-free sessions ", "%.2f" % rng.uniform(99.1, 99.9), "%; min iOS 16.")
        d.line(b, "Screenshots in the store listing use the demo account 'Test Patient'.")
    elif content == "claims":
        d.line(b, "ICD-10-CM FY2027 code set loaded; new codes include ", C("diagnosis_code", "E11.A"), " and ", C("diagnosis_code", "G43.E0"), ".")
        d.line(b, "X12 005010X222A2 validation for loop 2010BA; ", rng.choice(PAYERS)[0], " payer id updated.")
        d.line(b, "CPT ", C("procedure_code", "99459"), " added to the pelvic-exam edit.")
    elif content == "cds":
        d.line(b, "Rule QT-003 now fires for ", C("medication", "ondansetron"), " + ", C("medication", "citalopram"), ".")
        d.line(b, "Renal dosing alert for ", C("medication", "enoxaparin"), " uses CrCl < 30 mL/min.")
        d.line(b, "Fall-risk reminder limited to inpatients aged 65 and older.")
    elif content == "infra":
        d.line(b, "Postgres 15.", str(rng.randint(4, 9)), " on db-ehr-prd-0", str(rng.randint(1, 4)), " (", ip(rng), ":5432).")
        d.line(b, "Helm chart intg-engine ", ver, ", image digest sha256:", sha(rng, 12), ".")
        d.line(b, "Maintenance window ", day, " 01:00\u201303:00 CT.")
    else:  # quarter
        d.line(b, "Sprints ", str(rng.randint(40, 60)), "\u2013", str(rng.randint(61, 66)), "; ", str(rng.randint(80, 200)), " tickets closed.")
        d.line(b, "Portal adoption ", str(rng.randint(50, 80)), "% of active patients; ", "{:,}".format(rng.randint(10000, 90000)), " e-check-ins.")
    d.line("")
    d.line(hd, "Contributors")
    d.line(C("person_name", sname(staff(rng))), ", ", C("person_name", sname(staff(rng))), ", @",
           C("person_name", handle(staff(rng))))
    return d


# --------------------------------------------------------------------------- CLEAN: clinical_rule
def clinical_rule(rng, content, style):
    d = Doc()
    tstyle = "md" if style == "md" else "wiki"
    title = {"sepsis": "Adult sepsis screening rule (BPA)", "ddi": "Drug\u2013drug interaction alerts: tier 1 list",
             "dose": "Vancomycin dosing guideline", "icd": "Heart failure registry: ICD-10 value set",
             "cpt": "Annual wellness visit billing rule", "safe_harbor": "De-identification standard for analytics extracts",
             "falls": "Inpatient fall-risk protocol", "vte": "VTE prophylaxis order set logic",
             "dashboard": "Readmissions dashboard \u2013 de-identified summary", "cds_hooks": "CDS Hooks: patient-view service contract"}[content]
    page_head(d, rng, tstyle, title)
    if content == "sepsis":
        d.line("Fires when 2 or more SIRS criteria and a suspected infection are documented within 6 hours.")
        table(d, tstyle, ["Criterion", "Threshold"], [["Temperature", "> 38.3 \u00b0C or < 36 \u00b0C"], ["Heart rate", "> 90/min"],
                                                       ["WBC", "> 12,000 or < 4,000 /\u00b5L"], ["Lactate", "\u2265 2 mmol/L"]])
        d.line("Excluded: comfort-care orders; patients under 18. Order set: ", C("medication", "ceftriaxone"), ", ",
               C("medication", "piperacillin-tazobactam"), ", 30 mL/kg crystalloid.")
        d.line("Codes: ", C("diagnosis_code", "A41.9"), ", ", C("diagnosis_code", "R65.20"), ", ", C("diagnosis_code", "R65.21"), ".")
    elif content == "ddi":
        rows = [[C("medication", a), C("medication", b2), sev, eff] for a, b2, sev, eff in [
            ("warfarin", "fluconazole", "major", "\u2191 INR"), ("simvastatin", "clarithromycin", "contraindicated", "rhabdomyolysis"),
            ("lisinopril", "spironolactone", "moderate", "hyperkalemia"), ("methotrexate", "trimethoprim", "major", "marrow suppression"),
            ("sildenafil", "nitroglycerin", "contraindicated", "hypotension")]]
        table(d, tstyle, ["Drug A", "Drug B", "Severity", "Effect"], rng.sample(rows, rng.randint(3, 5)))
        d.line("Override rate last quarter: ", str(rng.randint(40, 90)), "% (", "{:,}".format(rng.randint(1000, 9000)), " alerts).")
    elif content == "dose":
        table(d, tstyle, ["CrCl (mL/min)", "Loading", "Maintenance"], [["> 90", "25 mg/kg", "15 mg/kg q8h"], ["50\u201390", "25 mg/kg", "15 mg/kg q12h"],
                                                                        ["20\u201349", "25 mg/kg", "15 mg/kg q24h"], ["< 20", "20 mg/kg", "by level"]])
        d.line("Target AUC 400\u2013600. Patients aged 90 and older: start at the lower band and consult pharmacy (ext. ",
               C("staff_contact", str(rng.randint(2000, 7999))), ").")
        d.line("Drug: ", C("medication", "vancomycin"), ". Reviewed by ", C("person_name", sname(staff(rng))), ", PharmD.")
    elif content == "icd":
        rows = [[C("diagnosis_code", c), C("condition", t)] for c, t in [
            ("I50.1", "Left ventricular failure"), ("I50.21", "Acute systolic heart failure"), ("I50.22", "Chronic systolic heart failure"),
            ("I50.23", "Acute on chronic systolic heart failure"), ("I50.31", "Acute diastolic heart failure"), ("I50.9", "Heart failure, unspecified"),
            ("I11.0", "Hypertensive heart disease with heart failure")]]
        table(d, tstyle, ["ICD-10-CM", "Description"], rows)
        d.line("Registry population last month: ", "{:,}".format(rng.randint(1000, 5000)), " patients; median age ", str(rng.randint(68, 78)), ".")
    elif content == "cpt":
        table(d, tstyle, ["Code", "Description", "Frequency"], [[C("procedure_code", "G0438"), "AWV, initial", "once per lifetime"],
                                                                 [C("procedure_code", "G0439"), "AWV, subsequent", "every 12 months"],
                                                                 [C("procedure_code", "99497"), "Advance care planning", "with AWV, no cost share"]])
        d.line("Edit rejects G0439 within 11 months of a prior AWV. Eligibility: Medicare Part B beneficiaries; test MBI 1EG4-TE5-MK73 in UAT.")
    elif content == "safe_harbor":
        d.line("Extracts leaving the analytics enclave must remove the 18 identifiers. Notes for the team:")
        d.line("- Ages over 89 become the single category \"90 or older\"; e.g. a cohort with patients aged 90 and older is reported as one row.")
        d.line("- Dates keep the year only. ZIP keeps 3 digits unless the area has 20,000 or fewer people, then 000.")
        d.line("- Placeholder values in source systems (DOB 1900-01-01, SSN 123-45-6789, MRN 000000) are dropped, not shifted.")
        table(d, tstyle, ["Field", "Rule"], [["birth_date", "year only"], ["zip", "first 3 digits"], ["age", "cap at 90"], ["mrn", "drop"]])
    elif content == "falls":
        table(d, tstyle, ["Morse item", "Points"], [["History of falling", "25"], ["Secondary diagnosis", "15"], ["Ambulatory aid", "15-30"],
                                                     ["IV / heparin lock", "20"], ["Gait", "10-20"], ["Mental status", "15"]])
        d.line("Score \u2265 45: high risk. Population: all adult inpatients; patients 65 and older get the bed alarm by default.")
    elif content == "vte":
        d.line("Padua score \u2265 4 \u2192 pharmacologic prophylaxis unless contraindicated.")
        table(d, tstyle, ["Option", "Dose"], [[C("medication", "enoxaparin"), "40 mg SC daily"], [C("medication", "heparin"), "5,000 units SC q8h"],
                                               [C("medication", "apixaban"), "2.5 mg PO BID (ortho)"]])
        d.line("CrCl < 30: heparin. Weight > 120 kg: pharmacy consult.")
    elif content == "dashboard":
        d.line("Counts below are de-identified aggregates; cells under 11 are suppressed.")
        table(d, tstyle, ["Age band", "Discharges", "30-day readmits", "Rate"],
              [["18\u201344", str(rng.randint(800, 1500)), str(rng.randint(40, 120)), "%.1f%%" % rng.uniform(4, 9)],
               ["45\u201364", str(rng.randint(1500, 3000)), str(rng.randint(150, 300)), "%.1f%%" % rng.uniform(8, 12)],
               ["65\u201389", str(rng.randint(2000, 4000)), str(rng.randint(300, 600)), "%.1f%%" % rng.uniform(12, 18)],
               ["90+", str(rng.randint(100, 400)), str(rng.randint(20, 80)), "%.1f%%" % rng.uniform(15, 22)]])
        d.line("Source: warehouse snapshot ", ts(rng)[:10], ", job ", uuid(rng), ".")
    else:  # cds_hooks
        d.line("Request example (from the CDS Hooks spec, not a patient):")
        code_open(d, "md" if style == "md" else "wiki", "json")
        d.line('{ "hook": "patient-view", "hookInstance": "', uuid(rng), '",')
        d.line('  "context": { "userId": "Practitioner/example", "patientId": "1288992" },')
        d.line('  "prefetch": { "patient": { "resourceType": "Patient", "id": "1288992", "birthDate": "', C("date", "2011-08-24"),
               '", "name": [{ "given": ["', C("person_name", "Daniel"), '", "X."], "family": "', C("person_name", "Adams"), '" }] } } }')
        code_close(d, "md" if style == "md" else "wiki")
        d.line("Service returns at most 3 cards; timeout 500 ms. Owner ", C("person_name", sname(staff(rng))), ".")
    return d


# --------------------------------------------------------------------------- CLEAN: oncall_directory
def oncall_directory(rng, content, style):
    d = Doc()
    tstyle = "md" if style == "md" else "wiki"
    fac = rng.choice(FACILITIES)
    ppl = staff(rng, 6)
    ex = fac[6][6:9]

    def ext():
        return C("staff_contact", "x%d" % rng.randint(2000, 7999))

    def work_cell():
        return C("staff_contact", "(%s) %s-%04d" % (fac[6][1:4], ex, rng.randint(0, 9999)))
    title = {"weekly": "Interface team on-call rotation", "vocera": "Nursing unit Vocera directory", "escalation": "Sev1/Sev2 escalation policy",
             "sites": "Campus directory and main numbers", "pharmacy": "Pharmacy after-hours coverage", "yaml": "PagerDuty schedule export",
             "holiday": "Holiday coverage", "vendors": "Vendor support contacts", "lab": "Lab critical-value callback list",
             "servicedesk": "IT service desk tiers"}[content]
    page_head(d, rng, tstyle, title + " \u2013 " + fac[1], space="IT Operations")
    if content == "weekly":
        rows = [[ts(rng)[:10], C("person_name", sname(s)), work_cell(), C("staff_contact", "pgr %d" % rng.randint(1000, 9999))] for s in ppl[:4]]
        table(d, tstyle, ["Week of", "Primary", "Work cell", "Pager"], rows)
        d.line("Secondary is the previous week's primary. Team DL: ", C("staff_contact", "intg-oncall@%s.org" % fac[1].lower()), ".")
    elif content == "vocera":
        rows = [[u, "Vocera \"%s\"" % r, ext()] for u, r in [("6 West", "6W Charge Nurse"), ("4 East", "4E Charge Nurse"),
                                                                                  ("ICU", "ICU Resource RN"), ("ED", "ED Triage"), ("Pharmacy", "Inpatient Pharmacist")]]
        table(d, tstyle, ["Unit", "Vocera group", "Desk ext."], rows)
        d.line("Nurse manager 6W: ", C("person_name", sname(ppl[0])), ", ", ext(), ".")
    elif content == "escalation":
        d.line("1. Primary on-call (PagerDuty service intg-core), ack within 15 min.")
        d.line("2. Secondary: ", C("person_name", sname(ppl[1])), " ", work_cell(), ".")
        d.line("3. Manager: ", C("person_name", sname(ppl[2])), " ", work_cell(), ".")
        d.line("4. Director: ", C("person_name", sname(ppl[3])), ".")
        d.line("Sev1 bridge: +1 646 558 8656, meeting ID ", "%d %d %d" % (rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(1000, 9999)),
               ", passcode ", str(rng.randint(100000, 999999)), ". Status page https://status.", fac[1].lower(), ".org.")
    elif content == "sites":
        rows = [[C("facility", f[0]), [C("street_address", f[2]), ", ", C("street_address", f[3]), ", ", C("state", f[4]), " ", C("zip_code", f[5])],
                 C("staff_contact", f[6])] for f in rng.sample(FACILITIES, 4)]
        table(d, tstyle, ["Site", "Address", "Main number"], rows)
        d.line("Patient-facing phone numbers must route through the central scheduling line.")
    elif content == "pharmacy":
        rows = [[rng.choice(["Mon\u2013Thu", "Fri", "Sat\u2013Sun", "Holidays"]), C("person_name", sname(s)) , C("staff_contact", "pgr %d" % rng.randint(1000, 9999))] for s in ppl[:4]]
        table(d, tstyle, ["Days", "Pharmacist", "Pager"], rows)
        d.line("Chemo verification after 22:00 goes to ", C("person_name", sname(ppl[4])), ", PharmD, ", work_cell(), ".")
    elif content == "yaml":
        code_open(d, tstyle, "yaml")
        d.line("schedule: intg-core-primary")
        d.line("time_zone: America/Chicago")
        d.line("layers:")
        for s in ppl[:3]:
            d.line("  - user: ", C("staff_contact", semail(s, fac[1].lower() + ".org")))
            d.line("    name: ", C("person_name", sname(s)))
            d.line("    phone: '", work_cell(), "'")
            d.line("    start: '", ts(rng)[:10], "T09:00:00-06:00'")
        d.line("escalation_timeout_minutes: 15")
        code_close(d, tstyle)
    elif content == "holiday":
        rows = [[h, C("person_name", sname(s)), C("person_name", sname(t))] for h, s, t in zip(["Thanksgiving", "Dec 24", "Dec 25", "Dec 31", "Jan 1"], ppl, ppl[1:])]
        table(d, tstyle, ["Holiday", "Primary", "Backup"], rows)
        d.line("Swaps go through ", C("person_name", sname(ppl[5])), " by Dec 1.")
    elif content == "vendors":
        table(d, tstyle, ["Vendor", "Product", "Support line", "Contract #"],
              [["Clearwell Exchange", "eligibility / claims", "1-877-410-2290", "CW-%d" % rng.randint(10000, 99999)],
               ["Veritas Telehealth", "RPM devices", "1-800-642-3310", "VT-%d" % rng.randint(10000, 99999)],
               ["Northwind Imaging Systems", "PACS", "1-888-301-7734", "NW-%d" % rng.randint(10000, 99999)],
               ["Meridian Interop", "interface engine", "1-866-229-0415", "MI-%d" % rng.randint(10000, 99999)]])
        d.line("Our account manager at Meridian: ", C("person_name", sname(ppl[0])), ".")
    elif content == "lab":
        rows = [[t, C("person_name", sname(s)), ext()] for t, s in zip(["Chemistry", "Hematology", "Microbiology", "Blood bank"], ppl)]
        table(d, tstyle, ["Section", "Supervisor", "Callback ext."], rows)
        d.line("Critical values are called to the ordering unit within 30 minutes; read-back required.")
    else:  # servicedesk
        d.line("Tier 1: ", C("staff_contact", fac[6]), " option 2, or ", C("staff_contact", "servicedesk@%s.org" % fac[1].lower()), ".")
        d.line("Tier 2 EHR apps lead: ", C("person_name", sname(ppl[0])), " ", ext(), ".")
        d.line("Tier 3 interfaces: ", C("person_name", sname(ppl[1])), ", ", C("person_name", sname(ppl[2])), ".")
        d.line("SLA: P1 15 min, P2 1 h, P3 1 business day. ", str(rng.randint(1500, 4000)), " tickets last month.")
    return d


# --------------------------------------------------------------------------- plan
def _v(contents, styles, extra=()):
    return [(c, s) for c in contents for s in styles] + list(extra)


PLAN = {
    # family: (generator, docs, [(content, style), ...])
    "jira_hl7": (jira_hl7, 15, _v(["adt_a01", "adt_a08", "oru_r01", "siu_s12", "test_vs_prod", "a40_merge"], ["wiki", "md"])),
    "confluence_table": (confluence_table, 15, _v(["census", "outreach", "test_then_real", "mrn_recon", "research_screen", "rpm_devices"],
                                                  ["wiki", "md"], [("census", "html"), ("outreach", "html"), ("mrn_recon", "html")])),
    "support_ticket": (support_ticket, 15, _v(["portal_login", "billing_daughter", "dup_record", "address_change", "records_request",
                                                "chat_transcript"], ["snow", "zd"])),
    "fhir_diff": (fhir_diff, 15, _v(["replace_real_fixture", "bundle_encounter", "coverage", "observation", "ts_fixture", "related_person"],
                                    ["bb", "raw"])),
    "sql_seed": (sql_seed, 15, _v(["insert_patients", "test_plus_real", "update_fix", "encounters", "psql_grid", "copy_ssn"], ["raw", "jira"])),
    "clinical_note": (clinical_note, 15, _v(["discharge", "hp", "soap", "phone_note", "ed_note", "referral"], ["plain", "md"])),
    "claims_csv": (claims_csv, 15, _v(["claims_837", "remit_835", "denials_mbi", "test_and_real", "addresses"], ["csv", "pipe", "jira"])),
    "patient_email": (patient_email, 15, _v(["bill_question", "relative", "spanish", "refill", "results"], ["gmail", "outlook"])),
    "java_stacktrace": (java_stacktrace, 20, _v(["npe_pid_mapper", "jdbc_pool", "kafka_deser", "date_parse", "ssl_payer", "oom_batch",
                                                 "hapi_validation", "constraint", "provider_sync", "scheduler_cme"], ["wiki", "md"])),
    "meeting_notes": (meeting_notes, 20, _v(["sprint", "incident", "vendor", "golive", "arch", "training", "retro", "steering", "cab",
                                             "orderset"], ["md", "wiki"])),
    "validator_diff": (validator_diff, 20, _v(["java_ssn", "py_npi", "ts_mbi", "sql_check", "yaml_mask", "java_pid_test",
                                               "py_fhir_example", "ts_phone", "java_dob", "yaml_profile"], ["raw", "bb"])),
    "release_notes": (release_notes, 20, _v(["portal", "engine", "hotfix", "fhir", "migration", "mobile", "claims", "cds", "infra",
                                             "quarter"], ["md", "wiki"])),
    "clinical_rule": (clinical_rule, 20, _v(["sepsis", "ddi", "dose", "icd", "cpt", "safe_harbor", "falls", "vte", "dashboard",
                                             "cds_hooks"], ["md", "wiki"])),
    "oncall_directory": (oncall_directory, 20, _v(["weekly", "vocera", "escalation", "sites", "pharmacy", "yaml", "holiday", "vendors",
                                                   "lab", "servicedesk"], ["md", "wiki"])),
}


def build():
    rng = random.Random(SEED)
    recs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        gen, n, variants = PLAN[fam]
        order = variants[:]
        rng.shuffle(order)
        for i in range(n):
            content, style = order[i % len(order)]
            d = gen(rng, content, style)
            recs.append({"id": "%s-%04d" % (fam, i), "family": fam, "phi": fam in PHI_FAMILIES,
                         "variant": "%s_%s_%s" % (fam, content, style), "text": d.text(), "spans": d.spans})
    return recs


# --------------------------------------------------------------------------- validation
def _alnum(ch):
    return ch.isalnum()


def validate(rec):
    errs = []
    text = rec["text"]
    b = text.encode("utf-8")
    prev = 0
    for sp in rec["spans"]:
        s, e = sp["start"], sp["end"]
        if not (0 <= s < e <= len(b)):
            errs.append("bad range %r" % sp)
            continue
        if s < prev:
            errs.append("overlap/unsorted at %d" % s)
        prev = e
        try:
            before, val, after = b[:s].decode(), b[s:e].decode(), b[e:].decode()
        except UnicodeDecodeError:
            errs.append("span not on char boundary %r" % sp)
            continue
        if before and _alnum(before[-1]) and _alnum(val[0]):
            errs.append("span cuts token at start: %r" % val)
        if after and _alnum(after[0]) and _alnum(val[-1]):
            errs.append("span cuts token at end: %r" % val)
        if val != val.strip():
            errs.append("span has outer whitespace: %r" % val)
        if sp["label"] == "phi":
            if sp["kind"] not in CONTRACT_KINDS:
                errs.append("bad phi kind %s" % sp["kind"])
        elif sp["label"] == "dont_care":
            if sp["kind"] not in CONTRACT_KINDS | DONT_CARE_EXTRA:
                errs.append("bad dont_care kind %s" % sp["kind"])
        else:
            errs.append("bad label %s" % sp["label"])
    nphi = sum(1 for sp in rec["spans"] if sp["label"] == "phi")
    if rec["phi"] and nphi == 0:
        errs.append("PHI doc without phi span")
    if not rec["phi"] and nphi:
        errs.append("clean doc with phi span")
    # a labelled PHI value must not also occur unlabelled in the same document
    # (values shorter than 4 characters -- XTN area codes, ages -- are skipped: as bare tokens they are not the identifier)
    seen = set()
    for sp in rec["spans"]:
        if sp["label"] != "phi":
            continue
        v = b[sp["start"]:sp["end"]]
        if v in seen or len(v.decode()) < 4:
            continue
        seen.add(v)
        for m in re.finditer(b"(?<![A-Za-z0-9\x80-\xff])" + re.escape(v) + b"(?![A-Za-z0-9\x80-\xff])", b):
            if not any(o["start"] <= m.start() and m.end() <= o["end"] for o in rec["spans"]):
                errs.append("PHI value %r also occurs unlabelled at %d" % (v.decode(), m.start()))
    return errs


def check_all(recs):
    errs = []
    ids = set()
    for r in recs:
        for k in ("id", "family", "phi", "variant", "text", "spans"):
            if k not in r:
                errs.append("%s: missing %s" % (r.get("id"), k))
        if r["id"] in ids:
            errs.append("duplicate id %s" % r["id"])
        ids.add(r["id"])
        errs += ["%s: %s" % (r["id"], e) for e in validate(r)]
    nphi = sum(1 for r in recs if r["phi"])
    if len(recs) != 240 or nphi != 120:
        errs.append("split is %d docs / %d PHI, want 240 / 120" % (len(recs), nphi))
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        n = sum(1 for r in recs if r["family"] == fam)
        if n != PLAN[fam][1]:
            errs.append("family %s has %d docs" % (fam, n))
    return errs


def stats(recs):
    fams = {}
    for r in recs:
        fams.setdefault(r["family"], {}).setdefault(r["variant"], 0)
        fams[r["family"]][r["variant"]] += 1
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        v = fams.get(fam, {})
        print("%-18s %3d docs  %2d variants" % (fam, sum(v.values()), len(v)))
        for name in sorted(v):
            print("    %-48s %d" % (name, v[name]))
    shares = []
    for r in recs:
        if r["phi"]:
            tot = len(r["text"].encode("utf-8"))
            shares.append(sum(sp["end"] - sp["start"] for sp in r["spans"] if sp["label"] == "phi") / tot)
    nv = len({r["variant"] for r in recs})
    kinds = {}
    for r in recs:
        for sp in r["spans"]:
            if sp["label"] == "phi":
                kinds[sp["kind"]] = kinds.get(sp["kind"], 0) + 1
    print("total %d docs (%d PHI / %d clean), %d distinct variants, %d name cultures" %
          (len(recs), sum(r["phi"] for r in recs), sum(not r["phi"] for r in recs), nv, len(CULTURES)))
    print("phi spans by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items(), key=lambda kv: -kv[1])))
    print("median PHI share of bytes (PHI docs): %.3f" % statistics.median(shares))


def load():
    with open(OUT, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    if "--check" in argv:
        recs = load()
        errs = check_all(recs)
        for e in errs:
            print(e)
        print("%d records, %d problems" % (len(recs), len(errs)))
        return 1 if errs else 0
    if "--stats" in argv:
        stats(load())
        return 0
    recs = build()
    errs = check_all(recs)
    if errs:
        for e in errs[:60]:
            print(e)
        print("%d problems; not written" % len(errs))
        return 1
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %s (%d docs)" % (OUT, len(recs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
