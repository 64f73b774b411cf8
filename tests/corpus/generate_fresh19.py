#!/usr/bin/env python3
"""generate_fresh19.py -- a twentieth, independent synthetic corpus for PHI Guard.

Standard library only, deterministic (fixed seed).  Written without sight of the
detector or of the other generators, from tests/corpus/README.md and section 1 of
CONTRACTS.md.  Asked for the families' mainstream, everyday content as a hidden
held-out corpus "of the same families" would have it.

    python3 tests/corpus/generate_fresh19.py            # writes fresh19.jsonl
    python3 tests/corpus/generate_fresh19.py --check    # re-verifies fresh19.jsonl
    python3 tests/corpus/generate_fresh19.py --stats    # templates, cultures, PHI share

Everything is made up: names come from hand-written lists mixed at random,
numbers are random.  No real person.

How spans are made: templates return text with inline markers, P(value, kind)
for PHI and D(value, kind) for dont_care; parse() strips the markers and records
UTF-8 byte offsets.  After parsing, every labelled value of 4+ characters that
occurs again in the same document, on token boundaries and outside any span, is
labelled there too (counted in --stats), so a PHI value is labelled wherever it
appears.
"""
import argparse
import copy
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, OrderedDict, defaultdict

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh19.jsonl")

R = random.Random(SEED)

FAMILY_COUNTS = OrderedDict([
    ("claims_csv", 15), ("clinical_note", 15), ("confluence_table", 15), ("fhir_diff", 15),
    ("jira_hl7", 15), ("patient_email", 15), ("sql_seed", 15), ("support_ticket", 15),
    ("clinical_rule", 20), ("java_stacktrace", 20), ("meeting_notes", 20),
    ("oncall_directory", 20), ("release_notes", 20), ("validator_diff", 20),
])
PHI_FAMILIES = {"claims_csv", "clinical_note", "confluence_table", "fhir_diff",
                "jira_hl7", "patient_email", "sql_seed", "support_ticket"}

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
    "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
    "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
    "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card",
}

# ---------------------------------------------------------------- markup ----
S0, S1, S2 = "\ue000", "\ue001", "\ue002"


def P(v, kind):
    """PHI span."""
    assert kind in CONTRACT_KINDS, kind
    v = str(v)
    return f"{S0}p{S1}{kind}{S1}{v}{S2}" if v else ""


def D(v, kind):
    """dont_care span."""
    v = str(v)
    return f"{S0}d{S1}{kind}{S1}{v}{S2}" if v else ""


_MARK = re.compile(S0 + "[pd]" + S1 + "[a-z_0-9]+" + S1 + "|" + S2)


def vis(s):
    """visible text of a marked string"""
    return _MARK.sub("", s)


def lj(s, w):
    return s + " " * max(0, w - len(vis(s)))


def rj(s, w):
    return " " * max(0, w - len(vis(s))) + s


def is_alnum(ch):
    return ch.isalnum()


def parse(marked):
    out, spans = [], []
    nbytes = 0
    i = 0
    while True:
        j = marked.find(S0, i)
        if j < 0:
            out.append(marked[i:])
            break
        out.append(marked[i:j])
        nbytes += len(marked[i:j].encode("utf-8"))
        k = marked.find(S2, j)
        inner = marked[j + 1:k]
        lab, kind, val = inner.split(S1, 2)
        assert S0 not in val, "nested marker: " + val
        lead = len(val) - len(val.lstrip())
        trail = len(val) - len(val.rstrip())
        core = val.strip()
        start = nbytes + len(val[:lead].encode("utf-8"))
        end = start + len(core.encode("utf-8"))
        if core:
            spans.append({"start": start, "end": end,
                          "label": "phi" if lab == "p" else "dont_care", "kind": kind})
        out.append(val)
        nbytes += len(val.encode("utf-8"))
        i = k + 1
    return "".join(out), spans


def byte_to_char_map(text):
    m = {}
    b = 0
    for ci, ch in enumerate(text):
        m[b] = ci
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def token_ok(text, cmap, start, end):
    if start not in cmap or end not in cmap:
        return False
    cs, ce = cmap[start], cmap[end]
    if cs > 0 and is_alnum(text[cs - 1]) and is_alnum(text[cs]):
        return False
    if ce < len(text) and ce > 0 and is_alnum(text[ce - 1]) and is_alnum(text[ce]):
        return False
    return True


def propagate(text, spans):
    """Label further token-bounded occurrences of labelled values (4+ chars)."""
    added = 0
    tb = text.encode("utf-8")
    cmap = byte_to_char_map(text)
    covered = [(s["start"], s["end"]) for s in spans]
    seen = set()
    for s in list(spans):
        val = tb[s["start"]:s["end"]]
        key = (val, s["label"], s["kind"])
        if len(val.decode("utf-8")) < 4 or key in seen:
            continue
        seen.add(key)
        pos = 0
        while True:
            k = tb.find(val, pos)
            if k < 0:
                break
            e = k + len(val)
            pos = k + 1
            if any(not (e <= a or k >= b) for a, b in covered):
                continue
            if not token_ok(text, cmap, k, e):
                continue
            spans.append({"start": k, "end": e, "label": s["label"], "kind": s["kind"]})
            covered.append((k, e))
            added += 1
    spans.sort(key=lambda s: (s["start"], s["end"]))
    return added


# ---------------------------------------------------------------- names -----
# Hand-written name lists.  "native" entries: (given, family, native-script form, sex).
CULTURES = OrderedDict()


def culture(key, m=(), f=(), fam=(), native=()):
    CULTURES[key] = dict(m=list(m), f=list(f), fam=list(fam), native=list(native))


culture("anglo_us", m=["James", "Robert", "Dale", "Travis", "Kenneth", "Gregory", "Wayne"],
        f=["Linda", "Patricia", "Brenda", "Megan", "Tammy", "Kathleen", "Sherry"],
        fam=["Whitaker", "Caldwell", "Pruitt", "Hargrove", "Brennan", "Lindsey", "Ashworth"])
culture("english_words", m=["Will", "Hunter", "Chase", "Mark", "Bill", "Art", "Forrest", "Cliff"],
        f=["Hope", "Faith", "Grace", "Rose", "June", "Summer", "Dawn", "Joy", "Ruby", "Pearl", "Holly"],
        fam=["Little", "Young", "Rich", "Frost", "Hill", "Brown", "Wood", "Page", "Reed", "Bishop",
             "Small", "Long", "Strong", "Stone", "Fox", "King", "Moody", "Cash", "Wise"])
culture("african_american", m=["DeShawn", "Tremaine", "Marquis", "Darnell", "Jamal"],
        f=["Keisha", "Aaliyah", "Latoya", "Shanice", "Imani"],
        fam=["Washington", "Jefferson", "Robinson", "Freeman", "Dorsey", "Battle"])
culture("irish", m=["Seán", "Pádraig", "Cian", "Eoin", "Ciarán"],
        f=["Siobhán", "Aoife", "Niamh", "Caoimhe", "Orlaith"],
        fam=["O'Sullivan", "McCarthy", "O'Neill", "Ó Ceallaigh", "Fitzgerald", "Mac Giolla Phádraig"])
culture("mexican", m=["José Luis", "Alejandro", "Jesús", "Rogelio", "Efraín"],
        f=["María José", "Guadalupe", "Ximena", "Lucía", "Araceli"],
        fam=["Hernández", "Gutiérrez", "Ramírez Ortega", "Núñez", "de la Cruz", "Peña-Morales", "Zúñiga"])
culture("caribbean_spanish", m=["Yadiel", "Ángel", "Wilfredo", "Edwin"],
        f=["Nayeli", "Yamilet", "Maritza", "Yesenia"],
        fam=["Rosario", "Vélez", "Figueroa-Santos", "De Jesús", "Colón", "Quiñones"])
culture("brazilian", m=["João", "Thiago", "Sebastião", "Caio"],
        f=["Luíza", "Conceição", "Ana Clara", "Fernanda"],
        fam=["da Silva", "dos Santos", "Gonçalves", "Araújo", "Magalhães"])
culture("vietnamese", m=["Minh", "Tuấn", "Huy", "Quang"], f=["Thảo", "Phương", "Ngọc Anh", "Hằng"],
        fam=["Nguyễn", "Trần", "Phạm", "Lê", "Huỳnh", "Võ"])
culture("chinese", native=[("Wei", "Wang", "王伟", "M"), ("Xiuying", "Li", "李秀英", "F"),
                           ("Jun", "Zhang", "张军", "M"), ("Min", "Chen", "陈敏", "F"),
                           ("Hao", "Liu", "刘浩", "M"), ("Yan", "Zhou", "周燕", "F"),
                           ("Guoqiang", "Huang", "黄国强", "M")])
culture("korean", native=[("Ji-hoon", "Kim", "김지훈", "M"), ("Seo-yeon", "Park", "박서연", "F"),
                          ("Min-jun", "Lee", "이민준", "M"), ("Eun-ji", "Choi", "최은지", "F"),
                          ("Sung-ho", "Jung", "정성호", "M"), ("Hye-jin", "Kang", "강혜진", "F")])
culture("japanese", native=[("Haruto", "Sato", "佐藤 陽翔", "M"), ("Yui", "Tanaka", "田中 結衣", "F"),
                            ("Kenji", "Watanabe", "渡辺 健二", "M"), ("Akiko", "Yamamoto", "山本 明子", "F"),
                            ("Hiroshi", "Nakamura", "中村 博", "M")])
culture("russian", native=[("Dmitri", "Ivanov", "Дмитрий Иванов", "M"), ("Olga", "Smirnova", "Ольга Смирнова", "F"),
                           ("Sergei", "Volkov", "Сергей Волков", "M"), ("Tatiana", "Kuznetsova", "Татьяна Кузнецова", "F"),
                           ("Nikolai", "Sokolov", "Николай Соколов", "M"), ("Irina", "Popova", "Ирина Попова", "F")])
culture("arabic", native=[("Omar", "Al-Rashid", "عمر الراشد", "M"), ("Fatima", "Haddad", "فاطمة حداد", "F"),
                          ("Youssef", "El-Amin", "يوسف الأمين", "M"), ("Layla", "Nasser", "ليلى ناصر", "F"),
                          ("Khaled", "Mansour", "خالد منصور", "M"), ("Rania", "Abu-Saleh", "رانيا أبو صالح", "F")])
culture("indian", m=["Venkatesh", "Arjun", "Sandeep"], f=["Anjali", "Deepa", "Lakshmi"],
        fam=["Iyer", "Subramanian", "Reddy", "Patel", "Chatterjee"],
        native=[("Priya", "Sharma", "प्रिया शर्मा", "F"), ("Rahul", "Verma", "राहुल वर्मा", "M"),
                ("Sunita", "Agarwal", "सुनीता अग्रवाल", "F")])
culture("nigerian", m=["Adebayo", "Oluwaseun", "Emeka", "Chukwudi"], f=["Chiamaka", "Ngozi", "Folasade", "Adaeze"],
        fam=["Okafor", "Adeyemi", "Nwosu", "Balogun", "Oyelaran-Oyeyinka", "Eze"])
culture("ethiopian", m=["Abebe", "Dawit", "Yonas", "Tesfalem"], f=["Tigist", "Meron", "Hirut", "Selamawit"],
        fam=["Tesfaye", "Haile", "Gebremedhin", "Bekele", "Woldemariam"])
culture("somali", m=["Abdirahman", "Mohamed", "Abdiwali", "Said"], f=["Hodan", "Faadumo", "Ubah", "Sahra"],
        fam=["Warsame", "Abdi", "Farah", "Jama", "Hersi"])
culture("polish", m=["Krzysztof", "Wojciech", "Tomasz", "Grzegorz"], f=["Małgorzata", "Agnieszka", "Katarzyna", "Bożena"],
        fam=[("Wiśniewski", "Wiśniewska"), ("Kowalczyk", "Kowalczyk"), ("Zieliński", "Zielińska"),
             ("Dąbrowski", "Dąbrowska"), ("Szczepański", "Szczepańska")])
culture("german", m=["Jürgen", "Lukas", "Dieter", "Matthias"], f=["Anneliese", "Katrin", "Jutta", "Ute"],
        fam=["Müller", "Schröder", "von Bülow", "Weiß", "Köhler", "Hoffmann"])
culture("dutch", m=["Pieter", "Joost", "Sjoerd", "Bram"], f=["Sanne", "Maaike", "Femke", "Anouk"],
        fam=["van der Berg", "de Vries", "van 't Hof", "Van Dyke", "ter Horst", "Bakker"])
culture("haitian_french", m=["Jean-Baptiste", "Wilner", "Frantz", "Jean-Claude"],
        f=["Marie-Claire", "Guerline", "Nadège", "Roseline"],
        fam=["Pierre-Louis", "Joseph", "Saint-Fleur", "Dorvil", "Lefèvre", "Desrosiers"])
culture("italian", m=["Giuseppe", "Salvatore", "Vincenzo", "Carmine"], f=["Francesca", "Giulia", "Rosaria", "Concetta"],
        fam=["D'Angelo", "Esposito", "Di Giacomo", "Russo", "LaRocca", "Bianchi"])
culture("greek", native=[("Giorgos", "Papadopoulos", "Γιώργος Παπαδόπουλος", "M"),
                         ("Eleni", "Katsarou", "Ελένη Κατσαρού", "F"),
                         ("Dimitrios", "Alexiou", "Δημήτριος Αλεξίου", "M"),
                         ("Vasiliki", "Georgiou", "Βασιλική Γεωργίου", "F")])
culture("filipino", m=["Jericho", "Rodel", "Ramil", "Jomar"], f=["Maria Teresa", "Rowena", "Marivic", "Jocelyn"],
        fam=["Dela Cruz", "Santos", "Bautista", "Macaraeg", "Villanueva", "Dimaculangan"])
culture("hmong", m=["Tou", "Chue", "Nou Xeng", "Pao"], f=["Pa Nhia", "Kia", "Mai Yer", "Xee"],
        fam=["Vang", "Xiong", "Lor", "Moua", "Thao", "Yang"])
culture("turkish", m=["Mehmet", "Emre", "Oğuz", "Hakan"], f=["Ayşe", "Zeynep", "Çağla", "Gülşen"],
        fam=["Yılmaz", "Öztürk", "Şahin", "Çelik", "Aydın"])
culture("israeli", native=[("Noa", "Cohen", "נועה כהן", "F"), ("Yosef", "Levi", "יוסף לוי", "M"),
                           ("Tamar", "Ben-David", "תמר בן-דוד", "F"), ("Avraham", "Friedman", "אברהם פרידמן", "M")])
culture("navajo", m=["Ahiga", "Wilson", "Darrell", "Nakai"], f=["Shandiin", "Marlene", "Darlene", "Yanaba"],
        fam=["Tsosie", "Begay", "Yazzie", "Benally", "Manygoats", "Nez"])
culture("scandinavian", m=["Søren", "Bjørn", "Lars", "Anders"], f=["Åsa", "Ingrid", "Sigrid", "Kirsten"],
        fam=["Sørensen", "Lindqvist", "Ødegaard", "Halvorsen", "Åberg"])
culture("persian", m=["Dariush", "Mehdi", "Kourosh", "Babak"], f=["Shirin", "Parisa", "Nasrin", "Roya"],
        fam=["Hosseini", "Rahimi", "Tehrani", "Moradi", "Karimi"])
culture("pacific_islander", m=["Sione", "Tevita", "Iosefa", "Paulo"], f=["Losa", "Mele", "Salote", "Fetu"],
        fam=["Faleolo", "Tuilagi", "Taufa", "Fifita", "Leota"])
culture("armenian", m=["Aram", "Tigran", "Gevorg", "Hovhannes"], f=["Anahit", "Hasmik", "Lusine", "Nare"],
        fam=["Petrosyan", "Hakobyan", "Sargsyan", "Ter-Avetisyan", "Grigoryan"])
culture("thai", native=[("Somchai", "Sukprasert", "สมชาย สุขประเสริฐ", "M"),
                        ("Malee", "Wongsawat", "มาลี วงศ์สวัสดิ์", "F"),
                        ("Anan", "Charoenporn", "อนันต์ เจริญพร", "M")])

CULTURE_USE = Counter()


def fold(s):
    """ASCII fold (what many interfaces do to names)."""
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = s.replace("ß", "ss").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def pick_name(sex=None, cult=None):
    key = cult or R.choice(list(CULTURES))
    c = CULTURES[key]
    CULTURE_USE[key] += 1
    native = None
    if c["native"] and (not c["fam"] or R.random() < 0.6):
        opts = [t for t in c["native"] if sex is None or t[3] == sex] or c["native"]
        g, fam, native, sx = R.choice(opts)
        return key, g, fam, native, sx
    sx = sex or R.choice("MF")
    g = R.choice(c["m"] if sx == "M" else c["f"])
    fam = R.choice(c["fam"])
    if isinstance(fam, tuple):
        fam = fam[0] if sx == "M" else fam[1]
    return key, g, fam, None, sx


# ---------------------------------------------------------------- places ----
CITIES = [("Worcester", "MA", "016"), ("Dayton", "OH", "454"), ("Tucson", "AZ", "857"),
          ("Fresno", "CA", "937"), ("Lowell", "MA", "018"), ("Rochester", "NY", "146"),
          ("Gainesville", "FL", "326"), ("Des Moines", "IA", "503"), ("Tacoma", "WA", "984"),
          ("Albuquerque", "NM", "871"), ("Knoxville", "TN", "379"), ("St. Paul", "MN", "551"),
          ("Grand Rapids", "MI", "495"), ("El Paso", "TX", "799"), ("Paterson", "NJ", "075"),
          ("Lancaster", "PA", "176"), ("Spokane", "WA", "992"), ("Durham", "NC", "277"),
          ("Boise", "ID", "837"), ("Omaha", "NE", "681"), ("Providence", "RI", "029"),
          ("Fall River", "MA", "027"), ("Sioux Falls", "SD", "571"), ("Macon", "GA", "312")]
AREA = {"MA": ["508", "774", "978", "617", "413"], "OH": ["937", "513"], "AZ": ["520"], "CA": ["559"],
        "NY": ["585"], "FL": ["352"], "IA": ["515"], "WA": ["253", "509"], "NM": ["505"], "TN": ["865"],
        "MN": ["651"], "MI": ["616"], "TX": ["915"], "NJ": ["973", "862"], "PA": ["717"], "NC": ["919", "984"],
        "ID": ["208"], "NE": ["402"], "RI": ["401"], "SD": ["605"], "GA": ["478"]}
STREET_NAMES = ["Linden", "Maple Hollow", "Kettle Pond", "Ridgeway", "Ashby", "Quarry", "Old Mill", "Juniper",
                "Harrington", "Beacon", "Cottonwood", "Wyandotte", "Pleasant", "Garfield", "Sagebrush",
                "Lakeview", "Chestnut", "Elm Bluff", "Prospect", "Mission", "Orchard", "Sycamore", "Tamarack",
                "Vine", "Hawthorne", "Fairmount", "Copper Canyon", "Brookside", "Larkspur", "Dorchester"]
STREET_SUF = ["St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Terrace", "Street", "Avenue", "Road", "Cir"]
UNITS = ["Apt 2", "Apt 4B", "Apt 311", "Unit 12", "#207", "Apt. 3C", "Unit B", "Fl 2", "Apt 1R", "# 5"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
                 "comcast.net", "proton.me", "att.net", "live.com"]


class Org:
    def __init__(self, name, domain, code, facilities, city, state, main_phone):
        self.name, self.domain, self.code = name, domain, code
        self.facilities, self.city, self.state, self.main_phone = facilities, city, state, main_phone


ORGS = [
    Org("Cedar Ridge Health", "cedarridgehealth.org", "CRMC",
        ["Cedar Ridge Medical Center", "Cedar Ridge Family Medicine - Westfield", "Cedar Ridge Heart Institute"],
        "Worcester", "MA", "(508) 334-7000"),
    Org("Bayfront Health System", "bayfronthealth.org", "BFH",
        ["Bayfront General Hospital", "Bayfront Primary Care - Harbor St", "Bayfront Women's Pavilion"],
        "Providence", "RI", "(401) 719-2200"),
    Org("St. Adalbert Hospital", "stadalbert.org", "SAH",
        ["St. Adalbert Hospital", "St. Adalbert Internal Medicine Associates", "St. Adalbert Outpatient Imaging"],
        "Grand Rapids", "MI", "(616) 391-4000"),
    Org("Three Rivers Community Health", "threeriverschc.org", "TRCH",
        ["Three Rivers Community Hospital", "Three Rivers CHC - Main St", "Three Rivers Pediatrics"],
        "Lancaster", "PA", "(717) 208-6100"),
    Org("Mesa Vista Medical Group", "mesavistamg.com", "MVMG",
        ["Mesa Vista Regional Hospital", "Mesa Vista Medical Group - Primary Care", "Mesa Vista Orthopedics"],
        "Tucson", "AZ", "(520) 664-1800"),
    Org("Northfield Regional Medical Center", "northfieldrmc.org", "NRMC",
        ["Northfield Regional Medical Center", "Northfield Senior Clinic", "Northfield Cancer Center"],
        "Omaha", "NE", "(402) 557-3000"),
    Org("Lakeshore Health Partners", "lakeshorehp.org", "LHP",
        ["Lakeshore Hospital", "Lakeshore Family Practice", "Lakeshore Kidney Care"],
        "Dayton", "OH", "(937) 281-5500"),
]
def hosp(org):
    return org.facilities[0]


def clinic(org):
    return org.facilities[1]


VENDOR = dict(name="Helixbridge", domain="helixbridge.io")
PAYERS = [("Aetna", "1-800-624-0756"), ("UnitedHealthcare", "1-877-842-3210"), ("Cigna", "1-800-244-6224"),
          ("Humana", "1-800-457-4708"), ("Keystone Plains Health Plan", "1-888-412-7760"),
          ("Molina Healthcare", "1-888-665-4621"), ("BCBS of Massachusetts", "1-800-262-2583"),
          ("Medicare Part B", "1-800-633-4227"), ("CareSource", "1-800-488-0134"),
          ("Harbor Mutual Health", "1-866-318-2044")]

# ------------------------------------------------------------ clinical vocab --
CONDITIONS = [("type 2 diabetes mellitus", "E11.9"), ("essential hypertension", "I10"),
              ("COPD with acute exacerbation", "J44.1"), ("heart failure with reduced ejection fraction", "I50.22"),
              ("atrial fibrillation", "I48.91"), ("community-acquired pneumonia", "J18.9"),
              ("chronic kidney disease stage 3b", "N18.32"), ("urinary tract infection", "N39.0"),
              ("major depressive disorder, recurrent", "F33.1"), ("osteoarthritis of right knee", "M17.11"),
              ("cellulitis of left lower leg", "L03.116"), ("acute pancreatitis", "K85.90"),
              ("hypothyroidism", "E03.9"), ("asthma, moderate persistent", "J45.40"),
              ("closed fracture of left hip", "S72.002A"), ("sepsis, unspecified organism", "A41.9"),
              ("iron deficiency anemia", "D50.9"), ("migraine without aura", "G43.009"),
              ("GERD", "K21.9"), ("obstructive sleep apnea", "G47.33"), ("hyperlipidemia", "E78.5"),
              ("acute kidney injury", "N17.9"), ("syncope", "R55"), ("chest pain, unspecified", "R07.9")]
MEDS = ["metformin 1000 mg PO BID", "lisinopril 20 mg daily", "atorvastatin 40 mg nightly",
        "apixaban 5 mg BID", "furosemide 40 mg daily", "levothyroxine 75 mcg daily",
        "tiotropium 18 mcg inhaled daily", "sertraline 100 mg daily", "metoprolol succinate 50 mg daily",
        "insulin glargine 22 units at bedtime", "amlodipine 10 mg daily", "pantoprazole 40 mg daily",
        "albuterol HFA 2 puffs q4h PRN", "gabapentin 300 mg TID", "ceftriaxone 1 g IV q24h",
        "acetaminophen 650 mg q6h PRN", "tamsulosin 0.4 mg daily", "warfarin 5 mg daily",
        "empagliflozin 10 mg daily", "montelukast 10 mg nightly", "prednisone 40 mg daily x5 days"]
MED_NAMES = ["metformin", "lisinopril", "atorvastatin", "apixaban", "furosemide", "levothyroxine",
             "tiotropium", "sertraline", "metoprolol", "insulin glargine", "amlodipine", "pantoprazole",
             "albuterol", "gabapentin", "ceftriaxone", "acetaminophen", "tamsulosin", "warfarin",
             "empagliflozin", "montelukast", "prednisone", "oxycodone", "ondansetron", "vancomycin",
             "piperacillin-tazobactam", "enoxaparin", "heparin", "amoxicillin", "azithromycin"]
CPT_FEE = {"99213": (140, 220), "99214": (210, 320), "99285": (900, 1900), "93000": (55, 120), "80053": (40, 130), "85025": (25, 80),
           "71046": (120, 320), "97110": (85, 180), "36415": (10, 30), "99223": (350, 620), "G0439": (150, 260), "90686": (30, 65),
           "27447": (18000, 46000), "45378": (1800, 3600)}


def fee(cpt):
    lo, hi = CPT_FEE.get(cpt, (80, 400))
    return round(R.uniform(lo, hi), 2)


CPTS = [("99213", "Office visit est, low"), ("99214", "Office visit est, moderate"), ("99285", "ED visit, high"),
        ("93000", "ECG w/ interpretation"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ diff"),
        ("71046", "Chest x-ray 2 views"), ("97110", "Therapeutic exercise"), ("36415", "Venipuncture"),
        ("99223", "Initial hospital care, high"), ("G0439", "Annual wellness visit, subsequent"),
        ("90686", "Flu vaccine, quadrivalent"), ("27447", "Total knee arthroplasty"), ("45378", "Colonoscopy, diagnostic")]


# ---------------------------------------------------------------- numbers ---
def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def nz_digits(n):
    return R.choice("123456789") + digits(n - 1)


def luhn_ok(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def npi():
    while True:
        base = R.choice("12") + digits(8)
        for cd in "0123456789":
            if luhn_ok("80840" + base + cd):
                n = base + cd
                if n != "1234567893":
                    return n


def ssn():
    while True:
        a = R.randint(1, 899)
        if a == 666:
            continue
        s = f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"
        if s != "123-45-6789" and not s.startswith("987-65-43"):
            return s


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dashes=False):
    c = MBI_ALPHA
    an = MBI_ALPHA + "0123456789"
    s = (R.choice("123456789") + R.choice(c) + R.choice(an) + R.choice("0123456789") + R.choice(c)
         + R.choice(an) + R.choice("0123456789") + R.choice(c) + R.choice(c) + R.choice("0123456789")
         + R.choice("0123456789"))
    if s == "1EG4TE5MK73":
        return mbi(dashes)
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s


def member_id():
    return R.choice([
        lambda: "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + nz_digits(9),
        lambda: "W" + nz_digits(9),
        lambda: "MBR" + nz_digits(8),
        lambda: nz_digits(9) + "01",
        lambda: "H" + nz_digits(8) + R.choice("ABCDE"),
        lambda: "ZG" + nz_digits(7),
    ])()


def mrn_for(org=None):
    return R.choice([lambda: nz_digits(7), lambda: "E" + nz_digits(7), lambda: "00" + nz_digits(6),
                     lambda: "M" + nz_digits(6), lambda: nz_digits(8), lambda: "MR" + nz_digits(7)])()


def account_no():
    return R.choice([lambda: "A" + nz_digits(9), lambda: nz_digits(10), lambda: "HAR" + nz_digits(8),
                     lambda: "V" + nz_digits(9)])()


def visit_no():
    return R.choice([lambda: nz_digits(9), lambda: "VN" + nz_digits(8), lambda: "CSN" + nz_digits(9)])()


def claim_no():
    return R.choice([lambda: "26" + f"{R.randint(1, 340):03d}" + nz_digits(8), lambda: "CLM-" + nz_digits(10),
                     lambda: "E" + nz_digits(12)])()


def uuid():
    h = "%032x" % R.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:32]}"


def sha(n=40):
    return "%0*x" % (n, R.getrandbits(4 * n))


def jira_key(proj=None):
    proj = proj or R.choice(["INTEG", "EHRSUP", "HL7", "IFACE", "REVCYC", "PORTAL", "DATA", "CLIN", "APPS", "ENG"])
    return f"{proj}-{R.randint(112, 9980)}"


def server_ip():
    return R.choice([f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(2, 254)}",
                     f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(2, 254)}",
                     f"192.168.{R.randint(0, 255)}.{R.randint(2, 254)}"])


# ---------------------------------------------------------------- dates -----
TODAY = dt.date(2026, 12, 4)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fdate(d, style=None):
    style = style or R.choice(["us", "us", "iso", "long", "mon", "dmy", "us0"])
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "us0":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "usy2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "mon":
        return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if style == "dmy":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "dmy_long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "hl7":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


def weekday_after(days_lo, days_hi):
    d = TODAY + dt.timedelta(days=R.randint(days_lo, days_hi))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def rdate(start, end):
    return start + dt.timedelta(days=R.randint(0, (end - start).days))


def recent(days_back=60, days_min=1):
    return TODAY - dt.timedelta(days=R.randint(days_min, days_back))


def rtime():
    h = R.randint(7, 18) if R.random() < 0.8 else R.randint(0, 23)
    return dt.time(h, R.randint(0, 59), R.randint(0, 59))


def dtm(d=None, t=None):
    d = d or recent(20)
    t = t or rtime()
    return dt.datetime.combine(d, t) + dt.timedelta(microseconds=R.randint(0, 999) * 1000)


def hl7ts(x, secs=True):
    return x.strftime("%Y%m%d%H%M%S" if secs else "%Y%m%d%H%M")


def logts(x, style=None):
    style = style or R.choice(["iso_ms", "iso_t", "plain"])
    if style == "iso_ms":
        return x.strftime("%Y-%m-%d %H:%M:%S") + f",{x.microsecond // 1000:03d}"
    if style == "iso_t":
        return x.strftime("%Y-%m-%dT%H:%M:%S") + f".{x.microsecond // 1000:03d}Z"
    return x.strftime("%Y-%m-%d %H:%M:%S")


def age_on(dob, on=TODAY):
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# ---------------------------------------------------------------- people ----
class Person:
    """A patient or relative (all values are PHI when rendered through the helpers)."""

    def __init__(self, sex=None, age=None, min_age=1, max_age=88, cult=None, family=None):
        self.culture, self.given, self.family, self.native, self.sex = pick_name(sex, cult)
        if family:
            self.family = family
            self.native = None
        self.middle = R.choice(["", "", "A", "J", "M", "L", "R", "E", "T", "K"])
        if age is None:
            age = R.randint(min_age, max_age)
        self.dob = TODAY - dt.timedelta(days=365 * age + R.randint(20, 340))
        self.age = age_on(self.dob)
        self.mrn = mrn_for()
        city, st, zp = R.choice(CITIES)
        self.city, self.state = city, st
        self.zip = zp + f"{R.randint(1, 99):02d}"
        self.street = f"{R.randint(3, 9899)} {R.choice(['', '', 'N ', 'S ', 'W ', 'E '])}{R.choice(STREET_NAMES)} {R.choice(STREET_SUF)}"
        self.unit = R.choice(["", "", "", R.choice(UNITS)])
        self.area = R.choice(AREA[st])
        self.exch = str(R.randint(201, 989)).replace("555", "556")
        self.line = f"{R.randint(0, 9999):04d}"
        self.cell_area = R.choice(AREA[st])
        self.cell_exch = str(R.randint(201, 989)).replace("555", "557")
        self.cell_line = f"{R.randint(0, 9999):04d}"
        self.ssn = ssn()
        self.marital = pick("S^Single^HL70002", "") if age < 18 else pick("M^Married^HL70002", "S^Single^HL70002", "W^Widowed^HL70002", "D^Divorced^HL70002", "")
        self.lang = {"mexican": "SPA^Spanish^ISO639", "caribbean_spanish": "SPA^Spanish^ISO639", "vietnamese": "VIE^Vietnamese^ISO639",
                     "chinese": "ZHO^Chinese^ISO639", "korean": "KOR^Korean^ISO639", "russian": "RUS^Russian^ISO639",
                     "haitian_french": "HAT^Haitian Creole^ISO639", "somali": "SOM^Somali^ISO639", "brazilian": "POR^Portuguese^ISO639",
                     "arabic": "ARA^Arabic^ISO639"}.get(self.culture, "ENG^English^ISO639") if R.random() < 0.7 else "ENG^English^ISO639"
        self.race = {"chinese": "2028-9^Asian", "korean": "2028-9^Asian", "japanese": "2028-9^Asian", "vietnamese": "2028-9^Asian",
                     "filipino": "2028-9^Asian", "hmong": "2028-9^Asian", "indian": "2028-9^Asian", "thai": "2028-9^Asian",
                     "african_american": "2054-5^Black or African American", "nigerian": "2054-5^Black or African American",
                     "ethiopian": "2054-5^Black or African American", "somali": "2054-5^Black or African American",
                     "haitian_french": "2054-5^Black or African American", "navajo": "1002-5^American Indian or Alaska Native",
                     "pacific_islander": "2076-8^Native Hawaiian or Other Pacific Islander",
                     "mexican": "2131-1^Other Race", "caribbean_spanish": "2131-1^Other Race"}.get(self.culture, "2106-3^White") + "^CDCREC"
        self.member = member_id()
        self.mbi = mbi(R.random() < 0.3)
        self.acct = account_no()
        self.visit = visit_no()
        lf = fold(self.given.split()[0].split("-")[0]).lower()
        ll = re.sub(r"[^a-z]", "", fold(self.family).lower())
        self.email = R.choice([f"{lf}.{ll}{R.randint(1, 99)}", f"{lf[0]}{ll}", f"{ll}.{lf}", f"{lf}{ll}{self.dob.year % 100:02d}",
                               f"{lf}_{ll[:5]}", f"{lf}{R.randint(100, 999)}"]) + "@" + R.choice(EMAIL_DOMAINS)

    # names (plain strings)
    def full(self):
        return f"{self.given} {self.family}"

    def full_mi(self):
        return f"{self.given} {self.middle + '. ' if self.middle else ''}{self.family}"

    def last_first(self, upper=False):
        s = f"{self.family}, {self.given}"
        return s.upper() if upper else s

    def hl7(self, ascii_=None):
        a = R.random() < 0.5 if ascii_ is None else ascii_
        fam, giv = (fold(self.family), fold(self.given)) if a else (self.family, self.given)
        s = f"{fam.upper()}^{giv.upper()}"
        if self.middle:
            s += "^" + self.middle
        return s

    def addr1(self):
        return self.street + (" " + self.unit if self.unit else "")

    def phone(self, style=None, cell=False):
        a, e, l = (self.cell_area, self.cell_exch, self.cell_line) if cell else (self.area, self.exch, self.line)
        return fphone(a, e, l, style)

    def dob_s(self, style=None):
        return fdate(self.dob, style)


def fphone(a, e, l, style=None):
    style = style or R.choice(["paren", "dash", "dash", "dot", "plus", "paren"])
    return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}",
            "plus": f"+1 {a} {e} {l}", "bare": f"{a}{e}{l}", "one": f"1-{a}-{e}-{l}"}[style]


class Staff:
    def __init__(self, org=None, role=None):
        _, self.given, self.family, _, self.sex = pick_name()
        self.org = org or R.choice(ORGS)
        self.role = role or R.choice(["MD", "MD", "DO", "NP", "RN", "PA-C", "RN", "PharmD"])
        g = re.sub(r"[^a-z]", "", fold(self.given).lower())
        f = re.sub(r"[^a-z]", "", fold(self.family).lower())
        self.email = f"{g}.{f}@{self.org.domain}"
        self.handle = (g[0] + f)[:12]
        self.ext = str(R.randint(2000, 7999))
        self.pager = str(R.randint(1000, 9899))
        a = R.choice(AREA[self.org.state])
        self.work = f"({a}) {str(R.randint(210, 980)).replace('555', '556')}-{self.ext}"
        self.cell = fphone(R.choice(AREA[self.org.state]), str(R.randint(201, 989)).replace("555", "556"),
                           f"{R.randint(0, 9999):04d}")
        self.npi = npi()

    def full(self):
        return f"{self.given} {self.family}"

    def dr(self):
        return f"Dr. {self.family}" if self.role in ("MD", "DO") else self.full()

    def cred(self):
        return f"{self.given} {self.family}, {self.role}"

    def hl7(self):
        return f"{fold(self.family).upper()}^{fold(self.given).upper()}"


def people(n, **kw):
    """n patients/relatives with distinct family names."""
    out = []
    fams = set()
    while len(out) < n:
        p = Person(**kw)
        if p.family in fams:
            continue
        fams.add(p.family)
        out.append(p)
    return out


def staff_list(n, org=None, avoid=(), role=None):
    out = []
    fams = {p.family for p in avoid}
    while len(out) < n:
        s = Staff(org, role)
        if s.family in fams:
            continue
        fams.add(s.family)
        out.append(s)
    return out


# shorthand label helpers
def SN(s):
    return D(s, "staff_name")


def SC(s):
    return D(s, "staff_contact")


def FAC(s):
    return D(s, "facility")


def NM(s):
    return P(s, "person_name")


def DT(s):
    return P(s, "date")


def COND(s):
    return D(s, "condition")


def MED(s):
    return D(s, "medication")


def ICD(s):
    return D(s, "icd_code")


def CPT(s):
    return D(s, "cpt_code")


def ST(s):
    return D(s, "state")


def pick(*xs):
    return R.choice(xs)


def addr_inline(p, sep=", "):
    """street, city, ST zip (marked)."""
    return f"{P(p.addr1(), 'street_address')}{sep}{P(p.city, 'street_address')}, {ST(p.state)} {P(p.zip, 'zip_code')}"


def addr_lines(p):
    return f"{P(p.addr1(), 'street_address')}\n{P(p.city, 'street_address')}, {ST(p.state)} {P(p.zip, 'zip_code')}"


TEMPLATES = []


def tpl(family):
    def deco(fn):
        TEMPLATES.append((family, fn.__name__, fn))
        return fn
    return deco


# ---------------------------------------------------------------- HL7 -------
def hseg(name, fields):
    n = max(fields)
    return name + "|" + "|".join(str(fields.get(i, "")) for i in range(1, n + 1))


def msh(typ, ctrl, when, send="EPIC", sfac="CRMC", recv="RHAPSODY", rfac="LAB", ver="2.5.1"):
    return f"MSH|^~\\&|{send}|{sfac}|{recv}|{rfac}|{D(hl7ts(when), 'message_time')}||{typ}|{ctrl}|P|{ver}"


def evn(code, when):
    return f"EVN|{code}|{D(hl7ts(when), 'message_time')}"


def xcn(s):
    return f"{D(s.npi, 'npi')}^{SN(s.hl7())}^^^{pick('DR', 'MD', '')}"


def pid(p, fac, ssn_=False, acct=False, cell=False, email=False, ascii_=None, race=True, setid="1"):
    name = NM(p.hl7(ascii_))
    a = f"{P(p.addr1(), 'street_address')}^^{P(p.city, 'street_address')}^{ST(p.state)}^{P(p.zip, 'zip_code')}^USA^H"
    ph = f"^PRN^PH^^1^{P(p.area, 'phone')}^{P(p.exch + p.line, 'phone')}"
    if cell:
        ph += f"~^PRN^CP^^1^{P(p.cell_area, 'phone')}^{P(p.cell_exch + p.cell_line, 'phone')}"
    if email:
        ph += f"~^NET^Internet^{P(p.email, 'email')}"
    f = {1: setid, 3: f"{P(p.mrn, 'mrn')}^^^{fac}^MR", 5: name, 7: DT(p.dob.strftime('%Y%m%d')), 8: p.sex,
         10: p.race if race else "", 11: a, 13: ph, 15: p.lang, 16: p.marital}
    if acct:
        f[18] = P(p.acct, "account_number")
    if ssn_:
        f[19] = P(p.ssn.replace("-", "") if R.random() < 0.4 else p.ssn, "ssn")
    return hseg("PID", f)


def pv1(p, cls, loc, att, admit, disch=None, svc="MED", fac="CRMC"):
    f = {1: "1", 2: cls, 3: f"{loc}^{fac}", 7: xcn(att), 10: svc, 14: "1", 17: xcn(att), 18: cls + "P" if cls == "I" else cls,
         19: P(p.visit, "other_id"), 44: DT(hl7ts(admit, secs=False))}
    if disch:
        f[45] = DT(hl7ts(disch, secs=False))
    return hseg("PV1", f)


def nk1(rel, relcode, reltext, setid="1"):
    return hseg("NK1", {1: setid, 2: NM(rel.hl7()), 3: f"{relcode}^{reltext}^HL70063",
                        5: f"^PRN^PH^^1^{P(rel.area, 'phone')}^{P(rel.exch + rel.line, 'phone')}", 7: "EC^Emergency Contact^HL70131"})


def in1(p, payer, eff, grp):
    return hseg("IN1", {1: "1", 2: f"{R.randint(100, 999)}^{pick('COMMERCIAL', 'MEDICARE ADV', 'MEDICAID MCO')}",
                        3: str(R.randint(10000, 99999)), 4: payer[0], 7: payer[1], 8: D(grp, "group_number"),
                        12: D(eff.strftime("%Y%m%d"), "coverage_date"), 15: pick("PPO", "HMO", "MA", "EPO"),
                        16: NM(p.hl7()), 17: "SEL^Self^HL70063", 18: DT(p.dob.strftime("%Y%m%d")),
                        19: f"{P(p.addr1(), 'street_address')}^^{P(p.city, 'street_address')}^{ST(p.state)}^{P(p.zip, 'zip_code')}",
                        36: P(p.member, "health_plan_id")})


def dg1(setid, cond, when):
    return hseg("DG1", {1: str(setid), 3: f"{ICD(cond[1])}^{COND(cond[0])}^I10", 5: DT(hl7ts(when, secs=False)), 6: pick("A", "W", "F")})


def ctrl_id():
    return pick(lambda: nz_digits(10), lambda: "MSG" + digits(8), lambda: f"{R.randint(1, 99)}{digits(12)}")()


def hl7_join(segs, crlf=False):
    return ("\r\n" if crlf else "\n").join(segs)


def jira_head(style, key, summary, reporter, assignee, created, labels=("hl7",), prio=None, comp=None, typ="Bug"):
    prio = prio or pick("Major", "High", "Medium", "Critical", "P2", "P3")
    cr = created
    if style == "dc":
        return (f"[{key}] {summary}  Created: {cr.strftime('%d/%b/%y')}  Updated: {(cr + dt.timedelta(days=R.randint(0, 3))).strftime('%d/%b/%y')}\n"
                f"Status:\t{pick('Open', 'In Progress', 'Waiting for Support', 'Triage')}\n"
                f"Project:\t{pick('Integration Services', 'Interfaces', 'EHR Support', 'Clinical Apps')}\n"
                f"Component/s:\t{comp or pick('ADT Inbound', 'Results Outbound', 'Lab Interface', 'Scheduling')}\n"
                f"Type:\t{typ}\tPriority:\t{prio}\n"
                f"Reporter:\t{SN(reporter.full())}\n"
                f"Assignee:\t{SN(assignee.full())}\n"
                f"Labels:\t{' '.join(labels)}\n")
    if style == "cloud":
        return (f"# {summary}\n\n"
                f"**Key:** {key} · **Type:** {typ} · **Priority:** {prio}\n"
                f"**Reporter:** {SN(reporter.full())} · **Assignee:** {SN(assignee.full())}\n"
                f"**Created:** {cr.strftime('%b %d, %Y, %I:%M %p')}\n\n")
    return (f"{key}: {summary}\n"
            f"Reporter: {SN(reporter.full())} | Assignee: {SN(assignee.full())} | Priority: {prio}\n"
            f"Created {cr.strftime('%Y-%m-%d %H:%M')}\n\n")


def jira_comment(style, who, when, body):
    if style == "dc":
        return f"\n----\n{SN(who.full())} added a comment - {when.strftime('%d/%b/%y %I:%M %p')}\n{body}\n"
    if style == "cloud":
        return f"\n---\n**{SN(who.full())}** commented {when.strftime('%b %d, %Y at %I:%M %p')}:\n\n{body}\n"
    return f"\n-- {SN(who.full())}, {when.strftime('%Y-%m-%d %H:%M')}\n{body}\n"


def block(style, body, lang=""):
    if style == "dc":
        if lang == "text":
            return f"{{noformat}}\n{body}\n{{noformat}}"
        return pick(f"{{code}}\n{body}\n{{code}}", f"{{noformat}}\n{body}\n{{noformat}}", f"{{code:title=message.hl7}}\n{body}\n{{code}}")
    if style == "cloud":
        return f"```{lang}\n{body}\n```"
    return body


# ============================================================= jira_hl7 ======
@tpl("jira_hl7")
def jh_adt_a08_phone_overwrite():
    org = R.choice(ORGS)
    p = Person(min_age=20, max_age=88)
    rep, asg = staff_list(2, org, [p])
    att = staff_list(1, org, [p, rep, asg], role="MD")[0]
    style = pick("dc", "cloud", "plain")
    created = dtm(recent(6, 1))
    admit = dtm(recent(30, 8))
    sent = dtm(created.date() - dt.timedelta(days=1))
    ctrl = ctrl_id()
    msg = hl7_join([msh("ADT^A08^ADT_A01", ctrl, sent, sfac=org.code), evn("A08", sent),
                    pid(p, org.code, acct=True, cell=True),
                    pv1(p, "I", f"{pick('4W', '5E', 'ICU', '3N')}^{R.randint(401, 455)}^{pick('A', 'B')}", att, admit, fac=org.code)])
    key = jira_key("INTEG")
    out = jira_head(style, key, "A08 from registration blanks home phone in downstream bed board", rep, asg, created, comp="ADT Inbound",
                    labels=("adt", "a08", "bedboard"))
    h = "h3. " if style == "dc" else ("### " if style == "cloud" else "")
    out += (f"{h}What happened\n"
            f"Unit clerk on {pick('4 West', 'ICU', '5 East')} updated the home number for {NM(p.full())} (MRN {P(p.mrn, 'mrn')}) in registration at "
            f"{sent.strftime('%H:%M')} yesterday. The A08 below went out with the new number in PID-13 but the bed board shows "
            f"the cell as the primary and the home number is gone.\n\n"
            f"{h}Message (copied from the engine, {org.code} outbound channel)\n"
            f"{block(style, msg)}\n\n"
            f"{h}Expected\nPID-13 rep 1 (PRN/PH) maps to home, rep 2 (PRN/CP) to mobile. We seem to be taking the last repetition only.\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=R.randint(2, 20)),
                        f"Confirmed. The XTN loop in the bed board translation only keeps the last ~. Fix in {pick('v4.2.1', 'build 1187', 'the next deploy')}. "
                        f"For this pt I re-sent the A08 manually; home is back to {P(p.phone('paren'), 'phone')}.")
    return out


@tpl("jira_hl7")
def jh_oru_results_not_filing():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    rep, asg = staff_list(2, org, [p])
    ordp = staff_list(1, org, [p, rep, asg], role="MD")[0]
    style = pick("cloud", "dc", "plain")
    created = dtm(recent(5, 1))
    coll = dtm(recent(12, 6), dt.time(R.randint(5, 9), R.randint(0, 59)))
    res = coll + dt.timedelta(hours=R.randint(1, 5), minutes=R.randint(0, 59))
    ctrl = ctrl_id()
    acc = pick("L", "C", "26") + digits(8)
    lis = pick("Sunquest", "Beaker", "Soft")
    tests = R.sample([("2345-7", "Glucose", "mg/dL", "70-99", 60, 240), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", 0.5, 3.2),
                      ("2823-3", "Potassium", "mmol/L", "3.5-5.1", 3.0, 6.1), ("2951-2", "Sodium", "mmol/L", "136-145", 128, 149),
                      ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", 7.5, 16.8), ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", 5.2, 11.4)], 4)
    obx = []
    for i, (loinc, nm, u, rng, lo, hi) in enumerate(tests, 1):
        v = round(R.uniform(lo, hi), 1) if hi < 20 else int(R.uniform(lo, hi))
        rlo, rhi = (float(x) for x in rng.split("-"))
        flag = "L" if v < rlo else ("H" if v > rhi else "N")
        obx.append(f"OBX|{i}|NM|{loinc}^{nm}^LN||{v}|{u}|{rng}|{flag}|||F|||{DT(hl7ts(res, secs=False))}")
    segs = [msh("ORU^R01^ORU_R01", ctrl, res + dt.timedelta(minutes=2), send=lis.upper(), sfac="LAB", recv="EPIC", rfac=org.code),
            pid(p, org.code, ascii_=True),
            pv1(p, "O", f"{pick('FMW', 'IMC', 'CARD')}^^^", ordp, coll, fac=org.code),
            f"ORC|RE|{D(acc, 'order_number')}|{D(acc, 'order_number')}||CM",
            f"OBR|1|{D(acc, 'order_number')}|{D(acc, 'order_number')}|LABROUT^Routine labs^L|||{DT(hl7ts(coll, secs=False))}|||||||||{xcn(ordp)}||||||{hl7ts(res, secs=False)}||CH|F"] + obx
    msg = hl7_join(segs, crlf=R.random() < 0.2)
    out = jira_head(style, jira_key("IFACE"), f"ORU from {lis} not filing to chart - 'no matching encounter'",
                    rep, asg, created, comp="Results Inbound", labels=("oru", "results", "lab"))
    out += (f"Results for {NM(p.last_first(upper=R.random() < 0.5))} (DOB {DT(p.dob_s())}) collected "
            f"{DT(fdate(coll.date(), 'us'))} are sitting in the error queue. Ordering provider {SN(ordp.dr())} called the help desk twice.\n\n"
            f"{block(style, msg, 'hl7')}\n\n"
            f"Error from the inbound route:\n"
            f"{block(style, f'{logts(res + dt.timedelta(minutes=3))} WARN  [oru-in-3] ResultFiler - no encounter for visit {p.visit} on {org.code}; message {ctrl} suspended', 'text')}\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=3),
                        f"PV1-19 on the result carries the outpatient CSN but the order was placed on the HOV encounter. Reprocessed after "
                        f"linking, results filed at {(created + dt.timedelta(hours=3)).strftime('%H:%M')}. Leaving open for the mapping fix.")
    return out


@tpl("jira_hl7")
def jh_siu_missing_appt():
    org = R.choice(ORGS)
    p = Person(min_age=5, max_age=88)
    rep, asg = staff_list(2, org, [p])
    prov = staff_list(1, org, [p, rep, asg], role="MD")[0]
    style = pick("dc", "plain", "cloud")
    created = dtm(recent(5, 1))
    appt = dtm(TODAY + dt.timedelta(days=R.randint(3, 30)), dt.time(R.choice([8, 9, 10, 13, 14, 15]), R.choice([0, 15, 30, 45])))
    sent = dtm(created.date() - dt.timedelta(days=R.randint(0, 2)))
    dur = R.choice([15, 20, 30, 40])
    apid = nz_digits(8)
    vt = pick(("FOLLOWUP^Follow Up", "99214^Office visit, established"), ("NEWPT^New Patient", "99204^New patient visit"),
              ("ANNUAL^Annual Exam", "99396^Preventive visit"))
    segs = [msh("SIU^S12^SIU_S12", ctrl_id(), sent, send="CADENCE", sfac=org.code, recv="PATIENTREMIND", rfac="VENDOR", ver="2.3"),
            f"SCH|{D(apid, 'internal_id')}|{D(apid, 'internal_id')}|||||{vt[0]}|||{dur}|MIN|^^{dur}^{DT(hl7ts(appt, secs=False))}^{DT(hl7ts(appt + dt.timedelta(minutes=dur), secs=False))}||||{xcn(prov)}||||{xcn(prov)}|||||Booked",
            pid(p, org.code, cell=True),
            f"PV1|1|O|{pick('ENDO', 'PEDS', 'ORTHO', 'DERM')}^^^{org.code}",
            f"RGS|1|A",
            f"AIS|1|A|{vt[1]}|{DT(hl7ts(appt))}|0|MIN|{dur}|MIN",
            f"AIP|1|A|{xcn(prov)}|{pick('ATT', 'PRV')}"]
    out = jira_head(style, jira_key("APPS"), "SIU S12 not creating reminder in PatientRemind", rep, asg, created,
                    labels=("siu", "scheduling"), comp="Scheduling")
    body = hl7_join(segs)
    out += (f"Front desk at {FAC(clinic(org))} reports that {NM(p.full())} never got the text reminder for the "
            f"{DT(fdate(appt.date(), pick('long', 'us', 'mon')))} visit with {SN(prov.dr())}. Cell on file is "
            f"{P(p.phone(cell=True), 'phone')}. The SIU went out fine from our side:\n\n{block(style, body)}\n\n"
            f"Vendor ticket {pick('CS-', 'SR-')}{R.randint(10000, 99999)} opened with PatientRemind.\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=R.randint(3, 30)),
                        f"Their parser rejects SCH-11 when the duration component is empty in v2.3 (they want ^^{dur}^start^end, which we send) "
                        f"... turns out the issue is AIS-4 without seconds on older feeds. This one has seconds. Escalated to vendor.")
    return out


@tpl("jira_hl7")
def jh_a40_merge_failed():
    org = R.choice(ORGS)
    p = Person(min_age=1, max_age=88)
    old_mrn = mrn_for()
    old_acct = account_no()
    rep, asg = staff_list(2, org, [p])
    style = pick("dc", "cloud", "plain")
    created = dtm(recent(5, 1))
    sent = dtm(created.date(), dt.time(R.randint(6, 11), R.randint(0, 59), R.randint(0, 59)))
    ctrl = ctrl_id()
    segs = [msh("ADT^A40^ADT_A39", ctrl, sent, send="HIM", sfac=org.code, recv="EMPI", rfac="ENT"),
            evn("A40", sent),
            pid(p, org.code, acct=True, ssn_=R.random() < 0.5),
            f"MRG|{P(old_mrn, 'mrn')}^^^{org.code}^MR||{P(old_acct, 'account_number')}"]
    msg = hl7_join(segs)
    logl = []
    t = sent
    for i in range(R.randint(5, 8)):
        t += dt.timedelta(milliseconds=R.randint(3, 900))
        logl.append(pick(
            f"{logts(t, 'iso_ms')} INFO  [empi-merge-{R.randint(1, 4)}] c.h.empi.MergeService - received {ctrl} type=A40",
            f"{logts(t, 'iso_ms')} DEBUG [empi-merge-{R.randint(1, 4)}] c.h.empi.MatchClient - lookup corr={uuid()}",
            f"{logts(t, 'iso_ms')} INFO  [http-nio-8443-exec-{R.randint(1, 20)}] c.h.empi.Api - GET /empi/v2/persons?source={org.code} 200 {R.randint(9, 90)}ms"))
    t += dt.timedelta(milliseconds=R.randint(3, 900))
    logl.append(f"{logts(t, 'iso_ms')} ERROR [empi-merge-2] c.h.empi.MergeService - merge rejected: prior id {P(old_mrn, 'mrn')} already linked to enterprise id {R.randint(10**8, 10**9)} (status=INACTIVE)")
    out = jira_head(style, jira_key("HIM"), "A40 merge rejected by EMPI - prior MRN already inactive", rep, asg, created, comp="EMPI",
                    labels=("a40", "merge", "empi"))
    out += (f"HIM merged the duplicate chart for {NM(p.last_first())} this morning ({P(old_mrn, 'mrn')} into {P(p.mrn, 'mrn')}). "
            f"EMPI rejected the A40, so downstream systems still show two charts.\n\n{block(style, msg)}\n\nEMPI log:\n{block(style, chr(10).join(logl), 'text')}\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=R.randint(1, 6)),
                        "The prior MRN was inactivated by the overnight dedupe job before HIM's merge arrived. Re-activated the link and replayed; "
                        "merge completed. Root cause: the job and manual merges race. Raising a story to have the job skip records with an open HIM task.")
    return out


@tpl("jira_hl7")
def jh_engine_log_nk1():
    org = R.choice(ORGS)
    p = Person(min_age=1, max_age=17)
    relc = pick(("MTH", "Mother", "mother"), ("FTH", "Father", "father"), ("GRD", "Guardian", "grandmother"))
    par = relative(p, relc[2], min_age=24, max_age=62)
    rep, asg = staff_list(2, org, [p, par])
    style = pick("dc", "cloud", "plain")
    created = dtm(recent(5, 1))
    t = dtm(created.date() - dt.timedelta(days=1), dt.time(R.randint(1, 22), R.randint(0, 59)))
    ctrl = ctrl_id()
    admit = t - dt.timedelta(minutes=R.randint(3, 40))
    msg = hl7_join([msh("ADT^A04^ADT_A01", ctrl, t, send="EPICADT", sfac=org.code, recv="PEDSREG", rfac="NICU"),
                    evn("A04", t), pid(p, org.code), nk1(par, relc[0], relc[1]),
                    hseg("PV1", {1: "1", 2: "E", 3: f"PEDED^^^{org.code}", 19: P(p.visit, "other_id"), 44: DT(hl7ts(admit, secs=False))})])
    lines = []
    tt = t - dt.timedelta(seconds=R.randint(5, 40))
    for _ in range(R.randint(6, 10)):
        tt += dt.timedelta(milliseconds=R.randint(50, 4000))
        lines.append(pick(
            f"[{logts(tt, 'plain')}] INFO  channel=ADT_PEDS_OUT conn=dest_1 queue depth {R.randint(0, 40)}",
            f"[{logts(tt, 'plain')}] DEBUG channel=ADT_PEDS_OUT sending message id={R.randint(10**6, 10**7)} to {server_ip()}:{R.choice([6661, 6662, 7001, 2575])}",
            f"[{logts(tt, 'plain')}] INFO  channel=ADT_PEDS_OUT ACK AA received for {nz_digits(10)}",
            f"[{logts(tt, 'plain')}] WARN  channel=ADT_PEDS_OUT slow ACK ({R.randint(3000, 9000)} ms)"))
    tt += dt.timedelta(milliseconds=R.randint(50, 4000))
    lines.append(f"[{logts(tt, 'plain')}] ERROR channel=ADT_PEDS_OUT NK1-5 XTN validation failed (component 7 length) msg={ctrl}; message errored, see payload")
    out = jira_head(style, jira_key("IFACE"), "Peds ED registrations erroring on NK1-5 after engine upgrade", rep, asg, created, comp="ADT Outbound",
                    labels=("mirth", "nk1", "peds-ed"))
    out += (f"Since the {pick('3.12', '4.4.1', '4.5')} upgrade last night a handful of peds ED registrations are erroring on the outbound channel. Log excerpt and the payload of one of them:\n\n"
            f"{block(style, chr(10).join(lines), 'text')}\n\nPayload:\n{block(style, msg)}\n\n"
            f"{relc[1]}'s phone in NK1-5 is {P(par.phone('dash'), 'phone')} which looks fine to me. Count so far: {R.randint(4, 19)} messages.\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=2),
                        "New engine validates XTN-7 as NM(9) by default, and registration sends the 7-digit local number there, which is allowed. "
                        "Turned strict XTN validation off on the channel and reprocessed the errored queue.")
    return out


@tpl("jira_hl7")
def jh_in1_ae_ack():
    org = R.choice(ORGS)
    p = Person(min_age=26, max_age=88)
    payer = R.choice(PAYERS)
    grp = pick("GRP", "G") + nz_digits(6)
    rep, asg = staff_list(2, org, [p])
    style = pick("plain", "dc", "cloud")
    created = dtm(recent(5, 1))
    t = dtm(created.date() - dt.timedelta(days=R.randint(0, 2)))
    ctrl = ctrl_id()
    eff = dt.date(2026, 1, 1)
    segs = [msh("ADT^A08^ADT_A01", ctrl, t, send="REG", sfac=org.code, recv="BILLING", rfac="PB"), evn("A08", t),
            pid(p, org.code, acct=True, ssn_=True), in1(p, payer, eff, grp)]
    ack = (f"MSH|^~\\&|BILLING|PB|REG|{org.code}|{D(hl7ts(t + dt.timedelta(seconds=2)), 'message_time')}||ACK^A08|{ctrl_id()}|P|2.5.1\n"
           f"MSA|AE|{ctrl}|IN1-36 policy number exceeds 15 characters\n"
           f"ERR||IN1^1^36^1|103^Table value not found^HL70357|E")
    out = jira_head(style, jira_key("REVCYC"), f"Billing rejects A08 with AE on IN1-36 for {payer[0]} members", rep, asg, created, comp="Billing",
                    labels=("ack", "in1", "billing"))
    out += (f"Registration is getting AE ACKs from PB for {payer[0]} coverage updates. Example for {NM(p.full())}, acct {P(p.acct, 'account_number')}:\n\n"
            f"{block(style, hl7_join(segs))}\n\nACK:\n{block(style, ack)}\n\n"
            f"Member id is {P(p.member, 'health_plan_id')} per the card scan, which is only {len(p.member)} characters, so the error text is misleading. "
            f"Payer phone on the card: {payer[1]}.\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=R.randint(1, 9)),
                        f"The PB interface reads IN1-36 with the group appended when IN1-8 is populated. Group {D(grp, 'group_number')} pushes it over the limit. "
                        f"Config change to stop concatenating is in test.")
    return out


@tpl("jira_hl7")
def jh_a04_duplicate_chart():
    org = R.choice(ORGS)
    while True:
        p = Person(min_age=18, max_age=88, cult=pick("mexican", "caribbean_spanish", "brazilian", "vietnamese", "irish",
                                                     "polish", "german", "turkish", "scandinavian", "haitian_french"))
        if fold(p.full()) != p.full():
            break
    mrn2 = mrn_for()
    rep, asg = staff_list(2, org, [p])
    style = pick("dc", "cloud")
    created = dtm(recent(4, 1))
    t1 = dtm(recent(14, 6))
    t2 = dtm(created.date() - dt.timedelta(days=1))
    p_alt_given = fold(p.given)
    q = copy.copy(p)
    q.mrn, q.given = mrn2, p_alt_given
    seg1 = hl7_join([msh("ADT^A04^ADT_A01", ctrl_id(), t1, sfac=org.code, recv="EMPI"), evn("A04", t1), pid(p, org.code, ascii_=False)])
    seg2 = hl7_join([msh("ADT^A04^ADT_A01", ctrl_id(), t2, sfac=org.code, recv="EMPI"), evn("A04", t2), pid(q, org.code, ascii_=True)])
    if style == "dc":
        tbl = (f"||Field||First registration||Second registration||\n"
               f"|PID-3|{P(p.mrn, 'mrn')}|{P(mrn2, 'mrn')}|\n"
               f"|PID-5|{NM(p.hl7(False))}|{NM(q.hl7(True))}|\n"
               f"|PID-7|{DT(p.dob.strftime('%Y%m%d'))}|{DT(p.dob.strftime('%Y%m%d'))}|\n"
               f"|Registered at|{FAC(R.choice(org.facilities))}|{FAC(R.choice(org.facilities))}|\n")
    else:
        tbl = (f"| Field | First registration | Second registration |\n|---|---|---|\n"
               f"| PID-3 | {P(p.mrn, 'mrn')} | {P(mrn2, 'mrn')} |\n"
               f"| PID-5 | {NM(p.hl7(False))} | {NM(q.hl7(True))} |\n"
               f"| PID-7 | {DT(p.dob.strftime('%Y%m%d'))} | {DT(p.dob.strftime('%Y%m%d'))} |\n"
               f"| Registered at | {FAC(R.choice(org.facilities))} | {FAC(R.choice(org.facilities))} |\n")
    out = jira_head(style, jira_key("EHRSUP"), "Duplicate MRN created when name has accent - EMPI match score below threshold", rep, asg, created, comp="EMPI",
                    labels=("empi", "duplicates", "unicode"))
    out += (f"Second A04 for the same person created a new MRN. The only difference is the accent stripped by the kiosk.\n\n{tbl}\n"
            f"First:\n{block(style, seg1)}\nSecond:\n{block(style, seg2)}\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=4),
                        f"Match score {R.randint(71, 84)} vs threshold 85; name comparison is byte-wise. HIM task created to merge. "
                        f"Proposed fix: normalise NFKD before comparing (story {jira_key('EMPI')}).")
    return out


@tpl("jira_hl7")
def jh_orm_dg1_order():
    org = R.choice(ORGS)
    p = Person(min_age=90, max_age=101) if R.random() < 0.5 else Person(min_age=40, max_age=88)
    rep, asg = staff_list(2, org, [p])
    ordp = staff_list(1, org, [p, rep, asg], role="MD")[0]
    style = pick("plain", "dc", "cloud")
    created = dtm(recent(4, 1))
    od = dtm(recent(10, 5))
    c1, c2 = R.sample(CONDITIONS, 2)
    ordno = pick("ORD", "") + nz_digits(9)
    segs = [msh("ORM^O01^ORM_O01", ctrl_id(), od, sfac=org.code, recv="RIS", rfac="RAD"),
            pid(p, org.code, acct=True),
            pv1(p, "O", "RADOP^^", ordp, od, svc="RAD", fac=org.code),
            f"ORC|NW|{D(ordno, 'order_number')}|||SC||^^^{DT(hl7ts(od + dt.timedelta(days=2), secs=False))}^^R||{hl7ts(od, secs=False)}|||{xcn(ordp)}",
            f"OBR|1|{D(ordno, 'order_number')}||{pick('71046^XR CHEST 2 VIEWS', '74177^CT ABD/PELVIS W CONTRAST', '70450^CT HEAD WO CONTRAST')}^CPT|||{DT(hl7ts(od, secs=False))}",
            dg1(1, c1, od), dg1(2, c2, od)]
    out = jira_head(style, jira_key("RAD"), "ORM to RIS drops DG1 beyond first repetition", rep, asg, created, comp="Orders", labels=("orm", "ris", "dg1"))
    age_txt = (f" ({P(str(p.age), 'age_over_89')} y/o)" if p.age >= 90 else "")
    out += (f"Order for {NM(p.full())}{age_txt} placed by {SN(ordp.dr())} shows only the first diagnosis in RIS, so the radiologist sees "
            f"{COND(c1[0])} but not {COND(c2[0])}. Prior auth needs both.\n\n{block(style, hl7_join(segs))}\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=5),
                        "RIS channel iterates DG1 with a fixed index. Changed to iterate all repetitions; deployed to TST. Re-sent order to TST for validation.")
    return out


# ===================================================== confluence_table ======
def age_cell(p):
    return P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)


def conf_header(title, owner, edited, space=None):
    space = space or pick("Nursing Informatics", "Care Management", "Integration Team", "Population Health", "Revenue Cycle")
    return pick(
        f"{space} / {title}\nCreated by {SN(owner.full())}, last updated on {edited.strftime('%b %d, %Y')}  •  {R.randint(2, 9)} min read\n\n",
        f"{title}\nOwned by {SN(owner.full())}\nLast updated: {edited.strftime('%b %d, %Y')} by {SN(owner.full())}\n\n",
        f"Pages / {space} / {title}\n{SN(owner.full())} edited this page {edited.strftime('%d %b %Y')}\n\n")


@tpl("confluence_table")
def ct_inpatient_census_wiki():
    org = R.choice(ORGS)
    n = R.randint(5, 8)
    pts = people(n, min_age=34, max_age=88)
    for q in R.sample(pts, R.randint(1, 2)):
        q.dob = TODAY - dt.timedelta(days=365 * R.randint(90, 99) + R.randint(20, 300))
        q.age = age_on(q.dob)
    docs = staff_list(4, org, pts)
    owner = staff_list(1, org, pts + docs)[0]
    unit = pick("4 West Med/Surg", "5 East Telemetry", "3 North Ortho", "MICU")
    d0 = recent(3, 0)
    rows = []
    for i, q in enumerate(pts):
        adm = d0 - dt.timedelta(days=R.randint(0, 9))
        c = R.choice(CONDITIONS)
        rows.append(f"|{R.randint(401, 440)}{pick('A', 'B', '')}|{NM(q.last_first())}|{P(q.mrn, 'mrn')}|{age_cell(q)}|"
                    f"{DT(fdate(adm, 'usy2'))}|{SN(R.choice(docs).dr())}|{COND(c[0])}|{pick('', 'DC tomorrow', 'PT/OT eval', 'awaiting SNF bed', 'NPO after MN', 'telemetry')}|")
    out = conf_header(f"{unit} - Daily Census {d0.strftime('%m/%d')}", owner, dt.datetime.combine(d0, rtime()), "Nursing Informatics")
    out += (f"{{info}}Restricted to {unit} charge nurses and case management. Do not export.{{info}}\n\n"
            f"h3. Census ({n} of {R.randint(24, 32)} beds)\n||Bed||Patient||MRN||Age||Admit||Attending||Working dx||Notes||\n" + "\n".join(rows) + "\n\n"
            f"h3. Staffing\n* Charge: {SN(Staff(org).full())}\n* Float: {SN(Staff(org).full())} (until 1900)\n")
    return out


@tpl("confluence_table")
def ct_care_gap_outreach_md():
    org = R.choice(ORGS)
    pts = people(R.randint(5, 7), min_age=40, max_age=79)
    pcps = staff_list(3, org, pts)
    owner = staff_list(1, org, pts + pcps)[0]
    st = pick("us", "iso", "us0")
    rows = []
    for i, q in enumerate(pts, 1):
        a1c = round(R.uniform(8.1, 12.6), 1)
        last = recent(300, 40)
        rows.append(f"| {i} | {NM(q.full())} | {DT(q.dob_s(st))} | {P(q.phone(pick('paren', 'dash')), 'phone')} | {a1c}% ({DT(fdate(last, st))}) | "
                    f"{SN(R.choice(pcps).full())} | {pick('Left VM x2', 'Scheduled', 'Wrong number', 'Declined', 'Sent portal msg', 'Not started')} |")
    cl = clinic(org)
    out = conf_header(f"Q4 Diabetes Care Gap Outreach - {FAC(cl)}", owner, dtm(recent(7)), "Population Health")
    out += (f"Patients on the {FAC(cl)} panel with last HbA1c > 8 and no visit in 6 months. Call script is in the child page. "
            f"Log every attempt in the EHR too.\n\n"
            f"| # | Patient | DOB | Phone | Last A1c (date) | PCP | Outreach status |\n|---|---|---|---|---|---|---|\n" + "\n".join(rows) +
            f"\n\n**Owner:** {SN(owner.full())} · target close date {(TODAY + dt.timedelta(days=R.randint(10, 40))).strftime('%m/%d/%Y')}\n")
    return out


@tpl("confluence_table")
def ct_mrn_reconciliation_html():
    org = R.choice(ORGS)
    pts = people(R.randint(4, 6), min_age=1, max_age=88)
    owner, ana = staff_list(2, org, pts)
    rows = []
    for q in pts:
        legacy = pick("L", "OLD") + nz_digits(6)
        rows.append(f"<tr><td>{P(legacy, 'mrn')}</td><td>{P(q.mrn, 'mrn')}</td><td>{NM(q.last_first(upper=True))}</td>"
                    f"<td>{DT(q.dob_s('iso'))}</td><td>{pick('Name mismatch', 'DOB transposed', 'Missing in new EHR', 'Two legacy charts', 'SSN mismatch')}</td>"
                    f"<td>{pick('Open', 'Resolved', 'Sent to HIM')}</td></tr>")
    out = conf_header("Legacy MRN crosswalk - exceptions (wave 3)", owner, dtm(recent(10)), "Integration Team")
    out += (f"<p>Exceptions from the wave 3 load ({R.randint(120000, 480000):,} charts, {R.randint(40, 400)} exceptions). Rows below need HIM review before cut-over. "
            f"Questions to {SN(ana.full())} ({SC(ana.email)}).</p>\n"
            "<table>\n<tr><th>Legacy MRN</th><th>New MRN</th><th>Name</th><th>DOB</th><th>Issue</th><th>Status</th></tr>\n" + "\n".join(rows) + "\n</table>\n")
    return out


@tpl("confluence_table")
def ct_rpm_enrollment_excel():
    org = R.choice(ORGS)
    pts = people(R.randint(4, 7), min_age=50, max_age=88)
    owner = staff_list(1, org, pts)[0]
    rows = ["Enrolled\tPatient\tMRN\tDevice\tSerial #\tCell\tProgram\tNurse"]
    nurses = staff_list(2, org, pts + [owner])
    for q in pts:
        dev, ser = R.choice([("BP cuff BP800", lambda: "BPM" + nz_digits(9)), ("Scale WS-20", lambda: "WS20-" + nz_digits(7)),
                             ("Pulse ox PO3", lambda: "PO3" + "".join(R.choice("ABCDEFGHJK") for _ in range(2)) + nz_digits(6)),
                             ("Glucometer G7", lambda: "G7" + nz_digits(8))])
        rows.append(f"{DT(fdate(recent(90, 3), 'usy2'))}\t{NM(q.last_first())}\t{P(q.mrn, 'mrn')}\t{dev}\t{P(ser(), 'device_id')}\t"
                    f"{P(q.phone('dash', cell=True), 'phone')}\t{pick('CHF', 'HTN', 'COPD', 'DM2')}\t{SN(R.choice(nurses).given)}")
    out = conf_header("RPM pilot - enrolled patients", owner, dtm(recent(5)), "Care Management")
    out += (f"Pasted from the enrollment tracker (sheet 'Active'). Device serials must match the vendor portal or readings won't map.\n\n"
            + "\n".join(rows) + f"\n\nVendor support: 1-877-{R.randint(210, 980)}-{R.randint(1000, 9999)} (device issues only).\n")
    return out


@tpl("confluence_table")
def ct_discharge_transport_wiki():
    org = R.choice(ORGS)
    pts = people(R.randint(3, 5), min_age=60, max_age=88)
    if R.random() < 0.6:
        q = pts[0]
        q.dob = TODAY - dt.timedelta(days=365 * R.randint(90, 97) + 40)
        q.age = age_on(q.dob)
    cm = staff_list(1, org, pts)[0]
    rows = []
    day = TODAY + dt.timedelta(days=R.randint(0, 2))
    for q in pts:
        relw = pick("daughter", "son", "wife", "husband", "niece", "nephew")
        cg = relative(q, relw)
        rows.append(f"|{NM(q.full())} ({age_cell(q)})|{P(q.addr1(), 'street_address')}, {P(q.city, 'street_address')} {P(q.zip, 'zip_code')}|"
                    f"{DT(fdate(day, 'us0'))} {pick('10:00', '11:30', '13:00', '14:15', 'after 15:00')}|"
                    f"{NM(cg.given)} ({relw}) {P(cg.phone('paren'), 'phone')}|"
                    f"{pick('Wheelchair van', 'Stretcher', 'Ambulatory / taxi voucher', 'BLS')}|{pick('MedRide', 'CareCab', 'Lifeline Transport', 'TBD')}|")
    out = conf_header(f"Discharge transport board - {day.strftime('%a %b %d')}", cm, dtm(recent(1, 0)), "Care Management")
    out += ("||Patient (age)||Home address||Pickup||Contact at home||Mode||Vendor||\n" + "\n".join(rows) +
            f"\n\n(!) Confirm O2 for anyone going home on {MED('oxygen')}. Questions: {SN(cm.full())} {SC('x' + cm.ext)}\n")
    return out


@tpl("confluence_table")
def ct_vaccine_clinic_roster_md():
    org = R.choice(ORGS)
    pts = people(R.randint(5, 7), min_age=66, max_age=88)
    for q in R.sample(pts, R.randint(1, 2)):
        q.dob = TODAY - dt.timedelta(days=365 * R.randint(90, 98) + 100)
        q.age = age_on(q.dob)
    owner = staff_list(1, org, pts)[0]
    rn = staff_list(1, org, pts + [owner], role="RN")[0]
    site = pick("Maplewood Senior Living", "Heritage Commons", "St. Casimir Manor", "Briar Glen Assisted Living")
    clinic = recent(20, 2)
    st = pick("us", "iso", "mon")
    rows = []
    for q in pts:
        vac = pick("Flu HD", "COVID-19 2026-27", "RSV", "PCV21", "Flu HD + COVID")
        rows.append(f"| {NM(q.last_first())} | {DT(q.dob_s(st))} | {P(q.mbi, 'medicare_mbi')} | {pick('A', 'B', 'C')}-{R.randint(101, 340)} | {vac} | "
                    f"{pick('FL', 'CV', 'RS')}{R.randint(1000, 9999)}{pick('A', 'B', 'X')} | {pick('L deltoid', 'R deltoid')} |")
    out = conf_header(f"Onsite vaccine clinic - {site} - {DT(clinic.strftime('%m/%d/%Y'))}", owner,
                      dtm(clinic + dt.timedelta(days=R.randint(1, 2))), "Population Health")
    out += (f"Clinic date {DT(fdate(clinic, st))}, {site}. Vaccinator: {SN(rn.cred())}. Billing to Medicare Part B, so MBI is required for every row.\n\n"
            "| Resident | DOB | MBI | Room | Vaccine | Lot | Site |\n|---|---|---|---|---|---|---|\n" + "\n".join(rows) +
            f"\n\nDocumented in the EHR by {SN(rn.full())} same day. {R.randint(2, 6)} residents declined (not listed).\n")
    return out


@tpl("confluence_table")
def ct_research_prescreen_wiki():
    org = R.choice(ORGS)
    pts = people(R.randint(5, 7), min_age=65, max_age=88)
    for q in R.sample(pts, R.randint(1, 3)):
        q.dob = TODAY - dt.timedelta(days=365 * R.randint(90, 96) + 30)
        q.age = age_on(q.dob)
    pi, crc = staff_list(2, org, pts)
    study = pick("HEART-AGE", "FRAIL-HF", "STRIDE-90", "PRESERVE-CKD")
    rows = []
    for i, q in enumerate(pts, 1):
        rows.append(f"|{D(f'SCR-{i:03d}', 'internal_id')}|{NM(q.full())}|{P(q.mrn, 'mrn')}|{age_cell(q)}|{q.sex}|"
                    f"{pick('Eligible', 'Eligible - needs consent', 'Excluded: dialysis', 'Excluded: hospice', 'Pending echo')}|{DT(fdate(recent(30, 1), 'us'))}|")
    out = conf_header(f"{study} pre-screening log", crc, dtm(recent(4)), "Clinical Research")
    out += (f"IRB #{R.randint(2024, 2026)}-{R.randint(100, 999)} · PI {SN(pi.dr())} · CRC {SN(crc.full())}\n"
            f"Inclusion: age >= 80, {COND('HFpEF')}, ambulatory. Screened from the clinic schedule; the visit date column is the clinic visit where screened.\n\n"
            "||Screen #||Name||MRN||Age||Sex||Status||Visit date||\n" + "\n".join(rows) + "\n")
    return out


@tpl("confluence_table")
def ct_incident_page_properties():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    owner, rep = staff_list(2, org, [p])
    lead = staff_list(1, org, [p, owner, rep], role="MD")[0]
    d = recent(10, 2)
    inc = f"INC{nz_digits(7)}"
    ev = pick(("Wrong-patient label", "The specimen label printed for the previous patient in the bay; caught at the lab before resulting."),
              ("Result routed to wrong provider", "The interface routed a critical potassium to the PCP instead of the ordering hospitalist."),
              ("Medication delay", "The scheduled dose was given 3 hours late after a pump alarm was silenced and not re-checked."),
              ("Fall without injury", "Patient got up unassisted at night; bed alarm was off after a transfer from the ED."))
    out = conf_header(f"Safety event review - {inc}", owner, dtm(d + dt.timedelta(days=1)), "Quality & Patient Safety")
    st = pick("us", "long", "iso")
    out += (f"{{page-properties}}\n"
            f"||Event number|{inc}|\n||Event date|{DT(fdate(d, st))}|\n||Location|{FAC(hosp(org))}, {pick('4 West', 'ED Pod B', 'PACU', 'Infusion Center')}|\n"
            f"||Patient|{NM(p.full())}|\n||MRN|{P(p.mrn, 'mrn')}|\n||DOB|{DT(p.dob_s(st))}|\n"
            f"||Event type|{ev[0]}|\n"
            f"||Harm score|{pick('B - no harm', 'C - reached patient, no harm', 'D - monitoring required')}|\n"
            f"||Reviewer|{SN(lead.full())}|\n{{page-properties}}\n\n"
            f"h2. Summary\nReported by {SN(rep.full())}. {ev[1]} "
            f"Patient was informed by {SN(lead.dr())} on {D(fdate(d + dt.timedelta(days=1), st), 'date_of_call')}.\n\n"
            f"h2. Actions\n# Interface mapping reviewed ({jira_key('IFACE')})\n# Staff education at huddle\n# Follow-up review in 30 days\n")
    return out


# ============================================================ fhir_diff ======
import difflib  # noqa: E402


def udiff(old, new, path, ctx=3, git=True):
    hdr = ""
    if git:
        if old:
            hdr = f"diff --git a/{path} b/{path}\nindex {sha(7)}..{sha(7)} 100644\n"
        else:
            hdr = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{sha(7)}\n"
    body = list(difflib.unified_diff(old, new, f"a/{path}" if old else "/dev/null", f"b/{path}", lineterm="", n=ctx))
    return hdr + "\n".join(body)


TEST_PT = dict(family="Test", given="Patient", dob="1970-01-01", phone="555-0100", mrn="T0000001",
               street="123 Main St", city="Anytown", zip="00000")


def fhir_fixed():
    return (uuid(), R.randint(1000, 9999), pick("home", "mobile"), R.randint(1, 9), pick("dash", "paren"))


def fhir_patient(p, org, test=False, ind="  ", q='"', trailing="", fixed=None):
    """Patient resource as JSON-ish lines (q='' for TS/JS object keys)."""
    def k(name):
        return f"{q}{name}{q}" if q else name
    rid, oid, use, orgn, phst = fixed or fhir_fixed()
    if test:
        fam, giv = D(TEST_PT["family"], "test_patient"), D(TEST_PT["given"], "test_patient")
        dob, ph, mrn = D(TEST_PT["dob"], "test_value"), TEST_PT["phone"], D(TEST_PT["mrn"], "test_value")
        street, city, zp, stt = TEST_PT["street"], TEST_PT["city"], TEST_PT["zip"], ST("MA")
        gender = "unknown"
    else:
        fam, giv = NM(p.family), NM(p.given)
        dob, ph, mrn = DT(p.dob.isoformat()), P(p.phone(phst), "phone"), P(p.mrn, "mrn")
        street, city, zp, stt = P(p.addr1(), "street_address"), P(p.city, "street_address"), P(p.zip, "zip_code"), ST(p.state)
        gender = "male" if p.sex == "M" else "female"
    i1, i2, i3, i4 = ind, ind * 2, ind * 3, ind * 4
    return [
        "{",
        f'{i1}{k("resourceType")}: "Patient",',
        f'{i1}{k("id")}: "{D(rid, "internal_id")}",',
        f'{i1}{k("identifier")}: [',
        f"{i2}{{",
        f'{i3}{k("use")}: "usual",',
        f'{i3}{k("type")}: {{ {k("coding")}: [{{ {k("system")}: "http://terminology.hl7.org/CodeSystem/v2-0203", {k("code")}: "MR" }}] }},',
        f'{i3}{k("system")}: "urn:oid:2.16.840.1.113883.3.{oid}.1",',
        f'{i3}{k("value")}: "{mrn}"',
        f"{i2}}}",
        f"{i1}],",
        f'{i1}{k("name")}: [{{ {k("use")}: "official", {k("family")}: "{fam}", {k("given")}: ["{giv}"] }}],',
        f'{i1}{k("telecom")}: [{{ {k("system")}: "phone", {k("value")}: "{ph}", {k("use")}: "{use}" }}],',
        f'{i1}{k("gender")}: "{gender}",',
        f'{i1}{k("birthDate")}: "{dob}",',
        f'{i1}{k("address")}: [',
        f"{i2}{{",
        f'{i3}{k("line")}: ["{street}"],',
        f'{i3}{k("city")}: "{city}",',
        f'{i3}{k("state")}: "{stt}",',
        f'{i3}{k("postalCode")}: "{zp}"',
        f"{i2}}}",
        f"{i1}],",
        f'{i1}{k("managingOrganization")}: {{ {k("reference")}: "Organization/{D(org.code.lower() + "-" + str(orgn), "internal_id")}" }}',
        "}" + trailing,
    ]


def pr_header(style, num, title, author, reviewers, src, dst="develop"):
    if style == "bitbucket":
        return (f"Pull request #{num}: {title}\n{pick('OPEN', 'OPEN', 'NEEDS WORK')}  {src} → {dst}\n"
                f"Author: {SN(author.full())}   Reviewers: {', '.join(SN(r.full()) for r in reviewers)}\n\n")
    if style == "github":
        return (f"{title} #{num}\n{SN(author.handle)} wants to merge {pick('1 commit', '2 commits', '3 commits', '5 commits')} into {dst} from {src}\n\n")
    return f"commit {sha()}\nAuthor: {SN(author.full())} <{SC(author.email)}>\nDate:   {dtm(recent(6)).strftime('%a %b %d %H:%M:%S %Y')} -0500\n\n    {title}\n\n"


@tpl("fhir_diff")
def fd_patient_fixture_from_prod():
    org = R.choice(ORGS)
    p = Person(min_age=1, max_age=88)
    au, rv = staff_list(2, avoid=[p])
    path = f"src/test/resources/fixtures/{pick('patient-adt-a08', 'patient-merge', 'patient-registration')}.json"
    fx = fhir_fixed()
    old = fhir_patient(None, org, test=True, fixed=fx)
    new = fhir_patient(p, org, fixed=fx)
    style = pick("bitbucket", "github", "git")
    out = pr_header(style, R.randint(200, 1900), f"{jira_key('INTEG')} reproduce A08 mapping bug with real payload", au, [rv],
                    f"bugfix/{jira_key('INTEG').lower()}-a08")
    out += udiff(old, new, path) + "\n"
    out += (f"\n{SN(rv.full())} commented on line 12:\n"
            f"> This is a production payload, isn't it? Real name, DOB and phone. Please swap back to the synthetic patient and reproduce with "
            f"`Test Patient`; we can't have {NM(p.family)} in the repo. I'll ask to purge the branch once you've force-pushed.\n")
    return out


@tpl("fhir_diff")
def fd_bundle_encounter_coverage():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    au, rv1, rv2, att = staff_list(4, org, [p])
    payer = R.choice([x for x in PAYERS if "Medicare" not in x[0]])
    adm = dtm(recent(40, 10), dt.time(R.randint(0, 23), R.randint(0, 59)))
    dis = adm + dt.timedelta(days=R.randint(1, 6), hours=R.randint(1, 10))
    enc_id, cov_id, pat_id = uuid(), uuid(), uuid()
    old = ["    {",
           '      "resource": {',
           '        "resourceType": "Encounter",',
           f'        "id": "{D(enc_id, "internal_id")}",',
           '        "status": "in-progress",',
           '        "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP" },',
           f'        "subject": {{ "reference": "urn:uuid:{D(pat_id, "internal_id")}" }},',
           f'        "period": {{ "start": "{DT(adm.strftime("%Y-%m-%dT%H:%M:00-05:00"))}" }}',
           "      },",
           '      "request": { "method": "POST", "url": "Encounter" }',
           "    },"]
    new = old[:4] + ['        "status": "finished",', old[5],
        f'        "subject": {{ "reference": "urn:uuid:{D(pat_id, "internal_id")}", "display": "{NM(p.full())}" }},',
        ] + [
        f'        "period": {{ "start": "{DT(adm.strftime("%Y-%m-%dT%H:%M:00-05:00"))}", "end": "{DT(dis.strftime("%Y-%m-%dT%H:%M:00-05:00"))}" }},',
        f'        "participant": [{{ "individual": {{ "display": "{SN(att.dr())}" }} }}],',
        f'        "serviceProvider": {{ "display": "{FAC(hosp(org))}" }}',
        "      },",
        '      "request": { "method": "POST", "url": "Encounter" }',
        "    },",
        "    {",
        '      "resource": {',
        '        "resourceType": "Coverage",',
        f'        "id": "{D(cov_id, "internal_id")}",',
        '        "status": "active",',
        f'        "subscriberId": "{P(p.member, "health_plan_id")}",',
        f'        "beneficiary": {{ "reference": "urn:uuid:{D(pat_id, "internal_id")}", "display": "{NM(p.last_first())}" }},',
        f'        "period": {{ "start": "{D("2026-01-01", "coverage_date")}" }},',
        f'        "payor": [{{ "display": "{payer[0]}" }}],',
        f'        "class": [{{ "type": {{ "text": "group" }}, "value": "{D(nz_digits(6), "group_number")}" }}]',
        "      },",
        '      "request": { "method": "POST", "url": "Coverage" }',
        "    },"]
    path = "integration-tests/src/test/resources/bundles/admission-discharge.json"
    out = pr_header("bitbucket", R.randint(100, 999), "Discharge bundle: close encounter and attach coverage", au, [rv1, rv2],
                    f"feature/{jira_key('FHIR').lower()}-discharge-bundle")
    out += f"{path}\n" + udiff(old, new, path, git=False) + "\n"
    out += (f"\n{SN(rv2.full())}: Where did this coverage come from? {P(p.member, 'health_plan_id')} looks like a real {payer[0]} member id, not one of ours. "
            f"If it's from the {pick('UAT', 'STG', 'prod-copy')} refresh it needs to go.\n"
            f"{SN(au.full())}: yes, copied from the stage refresh, which is prod data. Will replace with generated values.\n")
    return out


@tpl("fhir_diff")
def fd_typescript_mock_patient():
    org = R.choice(ORGS)
    p = Person(min_age=1, max_age=88)
    au, rv = staff_list(2, avoid=[p])
    path = f"apps/portal/src/__mocks__/{pick('patient', 'currentPatient', 'demoPatient')}.ts"
    fx = fhir_fixed()
    old = ["import type { Patient } from 'fhir/r4';", "", "export const mockPatient: Patient = "]
    body_old = fhir_patient(None, org, test=True, q="", trailing=";", fixed=fx)
    body_new = fhir_patient(p, org, q="", trailing=";", fixed=fx)
    old_l = old[:2] + [old[2] + body_old[0]] + body_old[1:]
    new_l = old[:2] + [old[2] + body_new[0]] + body_new[1:]
    new_l.insert(-1, f"  // TODO remove: from {pick('ticket', 'support case', 'the screenshot')} {jira_key('PORTAL')}, pt {NM(p.full())} MRN {P(p.mrn, 'mrn')}")
    out = pr_header(pick("github", "git", "bitbucket"), R.randint(300, 3000), "fix(portal): banner wraps long family names", au, [rv],
                    f"fix/{jira_key('PORTAL').lower()}-banner")
    out += udiff(old_l, new_l, path) + "\n"
    return out


@tpl("fhir_diff")
def fd_pytest_patient_factory():
    org = R.choice(ORGS)
    pts = people(2, min_age=20, max_age=88)
    au, rv = staff_list(2, avoid=pts)
    path = f"tests/{pick('test_mpi_match.py', 'test_patient_sync.py', 'test_dedupe.py')}"
    a, b = pts
    b.dob = a.dob if R.random() < 0.5 else b.dob
    ctx = ["import pytest", "from mpi.match import score", "", "",
           "def make_patient(family, given, birth_date, phone=None, postal_code=None):",
           "    return {",
           '        "resourceType": "Patient",',
           '        "name": [{"family": family, "given": [given]}],',
           '        "birthDate": birth_date,',
           '        "telecom": [{"system": "phone", "value": phone}] if phone else [],',
           '        "address": [{"postalCode": postal_code}] if postal_code else [],',
           "    }", "", ""]
    old = ctx + ["def test_same_person_scores_high():",
                 f'    a = make_patient("{D("Doe", "test_patient")}", "{D("Jane", "test_patient")}", "{D("1980-01-01", "test_value")}", "555-0123", "00000")',
                 f'    b = make_patient("{D("Doe", "test_patient")}", "{D("Jane", "test_patient")}", "{D("1980-01-01", "test_value")}", "555-0123", "00000")',
                 "    assert score(a, b) > 0.95"]
    new = ctx + ["def test_same_person_scores_high():",
                 f'    a = make_patient("{D("Doe", "test_patient")}", "{D("Jane", "test_patient")}", "{D("1980-01-01", "test_value")}", "555-0123", "00000")',
                 f'    b = make_patient("{D("Doe", "test_patient")}", "{D("Jane", "test_patient")}", "{D("1980-01-01", "test_value")}", "555-0123", "00000")',
                 "    assert score(a, b) > 0.95", "", "",
                 f"# regression for {jira_key('EMPI')}: these two were auto-linked in prod",
                 "def test_different_people_same_dob_not_linked():",
                 f'    a = make_patient("{NM(a.family)}", "{NM(a.given)}", "{DT(a.dob.isoformat())}", "{P(a.phone("dash"), "phone")}", "{P(a.zip, "zip_code")}")',
                 f'    b = make_patient("{NM(b.family)}", "{NM(b.given)}", "{DT(b.dob.isoformat())}", "{P(b.phone("dash"), "phone")}", "{P(b.zip, "zip_code")}")',
                 "    assert score(a, b) < 0.5"]
    out = pr_header(pick("git", "github"), R.randint(50, 900), "Add regression test for false auto-link", au, [rv], "fix/empi-false-link")
    out += udiff(old, new, path) + "\n"
    if R.random() < 0.6:
        out += f"\nReview ({SN(rv.full())}): please don't use the real patients from the incident in tests — generate names instead.\n"
    return out


@tpl("fhir_diff")
def fd_yaml_seed_patients():
    org = R.choice(ORGS)
    pts = people(R.randint(2, 3), min_age=20, max_age=88)
    au, rv = staff_list(2, avoid=pts)
    path = f"deploy/seed/{pick('uat', 'demo', 'training')}/patients.yaml"
    ctx = ["# Seed data for the training tenant. Synthetic only!", "patients:",
           f"  - id: {D('train-001', 'internal_id')}",
           f"    name: {{ family: {D('Zztest', 'test_patient')}, given: [{D('Alpha', 'test_patient')}] }}",
           f"    birthDate: {D('1950-01-01', 'test_value')}",
           "    gender: female",
           f"    mrn: {D('T100001', 'test_value')}"]
    new = list(ctx)
    for i, q in enumerate(pts, 2):
        new += [f"  - id: {D(f'train-{i:03d}', 'internal_id')}",
                f"    name: {{ family: \"{NM(q.family)}\", given: [\"{NM(q.given)}\"] }}",
                f"    birthDate: {DT(q.dob.isoformat())}",
                f"    gender: {'male' if q.sex == 'M' else 'female'}",
                f"    mrn: \"{P(q.mrn, 'mrn')}\"",
                f"    phone: \"{P(q.phone('dash'), 'phone')}\"",
                f"    address: {{ line: [\"{P(q.addr1(), 'street_address')}\"], city: {P(q.city, 'street_address')}, state: {ST(q.state)}, postalCode: \"{P(q.zip, 'zip_code')}\" }}"]
    out = pr_header(pick("bitbucket", "git"), R.randint(40, 400), "Training tenant: add patients for the nurse onboarding scenarios", au, [rv],
                    "chore/training-seed")
    out += udiff(ctx, new, path) + "\n"
    out += pick(f"\n{SN(rv.full())} requested changes: these look like real charts (MRNs match {org.code} format). Use the generator in tools/synth.\n",
                f"\n{SN(rv.full())}: Blocking. The comment on line 1 says synthetic only.\n")
    return out


@tpl("fhir_diff")
def fd_observation_vitals():
    org = R.choice(ORGS)
    p = Person(min_age=30, max_age=88)
    au, rv = staff_list(2, avoid=[p])
    t = dtm(recent(30, 5), dt.time(R.randint(6, 20), R.randint(0, 59)))
    path = "src/test/resources/observations/bp-panel.json"
    pid_ = uuid()
    base = ['{', '  "resourceType": "Observation",', f'  "id": "{D(uuid(), "internal_id")}",', '  "status": "final",',
            '  "category": [{ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs" }] }],',
            '  "code": { "coding": [{ "system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel" }] },']
    old = base + [f'  "subject": {{ "reference": "Patient/{D("example", "internal_id")}" }},',
                  f'  "effectiveDateTime": "{D("2012-09-17", "test_value")}",']
    new = base + [f'  "subject": {{ "reference": "Patient/{D(pid_, "internal_id")}", "display": "{NM(p.full())}" }},',
                  f'  "effectiveDateTime": "{DT(t.strftime("%Y-%m-%dT%H:%M:%S-05:00"))}",',
                  f'  "performer": [{{ "display": "{SN(Staff(org, "RN").full())}" }}],']
    tail = ['  "component": [',
            f'    {{ "code": {{ "coding": [{{ "system": "http://loinc.org", "code": "8480-6" }}] }}, "valueQuantity": {{ "value": {R.randint(118, 182)}, "unit": "mm[Hg]" }} }},',
            f'    {{ "code": {{ "coding": [{{ "system": "http://loinc.org", "code": "8462-4" }}] }}, "valueQuantity": {{ "value": {R.randint(62, 104)}, "unit": "mm[Hg]" }} }}',
            "  ]", "}"]
    out = pr_header(pick("git", "github", "bitbucket"), R.randint(10, 800), "Use a device-sourced BP panel in the ingestion test", au, [rv], "test/bp-ingestion")
    out += udiff(old + tail, new + tail, path) + "\n"
    out += f"\nNote from {SN(au.full())}: copied from the RPM feed for {NM(p.given)} in the {FAC(clinic(org))} pilot, will scrub before merge.\n"
    return out


@tpl("fhir_diff")
def fd_relatedperson_contact():
    org = R.choice(ORGS)
    p = Person(min_age=2, max_age=16)
    rel = pick(("MTH", "mother"), ("FTH", "father"), ("GRMTH", "grandmother"))
    par = relative(p, rel[1] if rel[1] != "grandmother" else "mother", min_age=25, max_age=64)
    au, rv = staff_list(2, avoid=[p, par])
    pat = uuid()
    old = ["{", '  "resourceType": "RelatedPerson",', f'  "id": "{D(uuid(), "internal_id")}",', '  "active": true,',
           f'  "patient": {{ "reference": "Patient/{D(pat, "internal_id")}" }},',
           f'  "relationship": [{{ "coding": [{{ "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "{rel[0]}" }}] }}],',
           f'  "name": [{{ "family": "{NM(par.family)}", "given": ["{NM(par.given)}"] }}],',
           f'  "telecom": [{{ "system": "phone", "value": "{P(par.phone("paren"), "phone")}", "use": "home" }}]', "}"]
    new = old[:4] + [f'  "patient": {{ "reference": "Patient/{D(pat, "internal_id")}", "display": "{NM(p.full())}" }},'] + old[5:7] + [
        f'  "telecom": [',
        f'    {{ "system": "phone", "value": "{P(par.phone("paren", cell=True), "phone")}", "use": "mobile", "rank": 1 }},',
        f'    {{ "system": "email", "value": "{P(par.email, "email")}" }}',
        "  ],",
        f'  "address": [{{ "line": ["{P(p.addr1(), "street_address")}"], "city": "{P(p.city, "street_address")}", "postalCode": "{P(p.zip, "zip_code")}" }}]', "}"]
    path = "fixtures/proxy-access/related-person.json"
    out = pr_header(pick("bitbucket", "github"), R.randint(100, 700), f"Proxy access: guardian contact ranks ({jira_key('PORTAL')})", au, [rv], "feature/proxy-rank")
    out += udiff(old, new, path) + "\n"
    out += f"\n{SN(rv.full())}: is this the {rel[1]} from the escalation? Those look like {her(par)} actual numbers.\n"
    return out


@tpl("fhir_diff")
def fd_ndjson_bulk_export():
    org = R.choice(ORGS)
    pts = people(R.randint(2, 4), min_age=65, max_age=88)
    if R.random() < 0.5:
        pts[0].dob = TODAY - dt.timedelta(days=365 * 93 + 50)
        pts[0].age = age_on(pts[0].dob)
    au, rv = staff_list(2, avoid=pts)
    path = f"testdata/bulk/{pick('Patient', 'Patient.000')}.ndjson"

    def line(q):
        return ('{"resourceType":"Patient","id":"' + D(nz_digits(6), "internal_id") + '","identifier":[{"system":"http://hl7.org/fhir/sid/us-mbi","value":"'
                + P(q.mbi.replace("-", ""), "medicare_mbi") + '"},{"type":{"text":"MRN"},"value":"' + P(q.mrn, "mrn") + '"}],"name":[{"family":"'
                + NM(q.family) + '","given":["' + NM(q.given) + '"]}],"gender":"' + ("male" if q.sex == "M" else "female") + '","birthDate":"'
                + DT(q.dob.isoformat()) + '","address":[{"line":["' + P(q.addr1(), "street_address") + '"],"city":"' + P(q.city, "street_address")
                + '","state":"' + ST(q.state) + '","postalCode":"' + P(q.zip, "zip_code") + '"}]}')
    new = [line(q) for q in pts]
    old = new[:1]
    out = pr_header(pick("git", "github"), R.randint(20, 300), "Bulk export fixtures: more than one patient per file", au, [rv], "test/bulk-multi")
    out += udiff(old, new, path) + "\n"
    out += f"\nCI: {R.randint(140, 420)} passed, 0 failed · build #{R.randint(1000, 9000)} · {sha(7)}\n"
    return out


# ============================================================= sql_seed ======
def sq(s):
    return s.replace("'", "''")


def myq(s):
    return s.replace("'", "\\'")


@tpl("sql_seed")
def ss_pg_insert_patients():
    org = R.choice(ORGS)
    pts = people(R.randint(3, 5), min_age=1, max_age=88)
    au = staff_list(1, avoid=pts)[0]
    rows = []
    for i, q in enumerate(pts, 1):
        rows.append(f"  ({D(str(1000 + i), 'internal_id')}, '{P(q.mrn, 'mrn')}', '{NM(sq(q.family))}', '{NM(sq(q.given))}', '{DT(q.dob.isoformat())}', '{q.sex}', "
                    f"'{P(q.phone('dash'), 'phone')}', '{P(q.email, 'email')}', '{P(sq(q.addr1()), 'street_address')}', '{P(sq(q.city), 'street_address')}', '{ST(q.state)}', '{P(q.zip, 'zip_code')}')")
    out = pick(f"-- db/seed/local_patients.sql\n-- {SN(au.full())}: copied from stage so the search page has realistic data\n",
               f"-- seed for the demo env ({jira_key('DATA')})\n-- author: {SN(au.handle)}\n")
    out += (f"BEGIN;\n\nTRUNCATE patient RESTART IDENTITY CASCADE;\n\n"
            f"INSERT INTO patient (id, mrn, last_name, first_name, birth_date, sex, phone, email, address_line1, city, state, postal_code)\nVALUES\n"
            + ",\n".join(rows) + ";\n\nSELECT setval('patient_id_seq', (SELECT max(id) FROM patient));\n\nCOMMIT;\n")
    return out


@tpl("sql_seed")
def ss_mysql_dump_contacts():
    pts = people(R.randint(3, 5), min_age=18, max_age=88)
    when = dtm(recent(10))
    rows = []
    for i, q in enumerate(pts, 1):
        rows.append(f"({D(str(R.randint(20000, 90000)), 'internal_id')},'{P(q.mrn, 'mrn')}','{NM(myq(q.given))}','{NM(myq(q.family))}','{DT(q.dob.isoformat())}',"
                    f"'{P(q.phone('bare', cell=True), 'phone')}','{P(q.email, 'email')}',{pick(1, 0)},'{when.strftime('%Y-%m-%d %H:%M:%S')}')")
    host = server_ip()
    out = (f"-- MySQL dump 10.13  Distrib 8.0.{R.randint(30, 40)}, for Linux (x86_64)\n--\n-- Host: {host}    Database: portal_prod\n"
           f"-- ------------------------------------------------------\n-- Server version\t8.0.{R.randint(30, 40)}\n\n"
           f"/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n\n"
           f"--\n-- Dumping data for table `patient_contact`\n--\n\nLOCK TABLES `patient_contact` WRITE;\n"
           f"/*!40000 ALTER TABLE `patient_contact` DISABLE KEYS */;\n"
           f"INSERT INTO `patient_contact` VALUES " + ",".join(rows) + ";\n"
           f"/*!40000 ALTER TABLE `patient_contact` ENABLE KEYS */;\nUNLOCK TABLES;\n\n-- Dump completed on {when.strftime('%Y-%m-%d %H:%M:%S')}\n")
    return out


@tpl("sql_seed")
def ss_tsql_datafix_update():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    au, apr = staff_list(2, org, [p])
    key = jira_key("EHRSUP")
    newph = Person(family=p.family)
    newph.dob = p.dob
    out = (f"/* {key}  Data fix: wrong phone merged into patient record\n"
           f"   Requested by: {SN(apr.full())} (HIM)   Written by: {SN(au.full())}   Run in: PRD after CAB {(TODAY + dt.timedelta(days=2)).strftime('%m/%d')} */\n"
           f"USE [Registration];\nGO\nBEGIN TRANSACTION;\n\n"
           f"SELECT PatientID, MRN, LastName, FirstName, BirthDate, HomePhone, MobilePhone\nFROM dbo.Patient\nWHERE MRN = '{P(p.mrn, 'mrn')}';\n"
           f"-- expect 1 row: {NM(sq(p.last_first(upper=True)))}, {DT(p.dob.isoformat())}, home {P(p.phone('dash'), 'phone')}\n\n"
           f"UPDATE dbo.Patient\n   SET HomePhone = '{P(newph.phone('dash'), 'phone')}',\n       MobilePhone = NULL,\n       ModifiedBy = '{SN(au.handle)}',\n       ModifiedDate = SYSDATETIME()\n"
           f" WHERE MRN = '{P(p.mrn, 'mrn')}'\n   AND BirthDate = '{DT(p.dob.isoformat())}';\n\n"
           f"-- (1 row affected)\n\nIF @@ROWCOUNT <> 1 ROLLBACK TRANSACTION ELSE COMMIT TRANSACTION;\nGO\n")
    return out


@tpl("sql_seed")
def ss_pg_copy_members():
    pts = people(R.randint(3, 5), min_age=19, max_age=88)
    payer = R.choice(PAYERS)
    rows = []
    for q in pts:
        rows.append("\t".join([P(q.member, "health_plan_id"), NM(q.given), NM(q.family), DT(q.dob.isoformat()), P(q.ssn, "ssn"),
                               P(q.addr1(), "street_address"), P(q.city, "street_address"), ST(q.state), P(q.zip, "zip_code"),
                               D(pick("2026-01-01", "2025-07-01", "2026-04-01"), "coverage_date"), r"\N"]))
    out = (f"--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.{R.randint(3, 8)}\n\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n\n"
           f"--\n-- Data for Name: member; Type: TABLE DATA; Schema: enrollment; Owner: etl_owner\n--\n\n"
           f"COPY enrollment.member (member_id, first_name, last_name, birth_date, ssn, address_1, city, state, zip, effective_date, term_date) FROM stdin;\n"
           + "\n".join(rows) + "\n\\.\n\n")
    out = pick(f"First rows of the {payer[0]} 834 staging load, for the duplicate-member investigation:\n\n", "") + out
    return out


@tpl("sql_seed")
def ss_flyway_claims_seed():
    pts = people(2, min_age=30, max_age=88)
    prov = staff_list(1, avoid=pts)[0]
    v = f"V{R.randint(2, 9)}_{R.randint(10, 60)}"
    out = (f"-- src/main/resources/db/migration/{v}__seed_demo_claims.sql\n"
           f"-- Demo data for the claims status page. {pick('Taken from the UAT extract.', 'Based on the tickets we saw last sprint.', '')}\n\n")
    for i, q in enumerate(pts, 1):
        out += (f"INSERT INTO member (member_id, first_name, last_name, dob, gender) VALUES ('{P(q.member, 'health_plan_id')}', "
                f"'{NM(sq(q.given))}', '{NM(sq(q.family))}', DATE '{DT(q.dob.isoformat())}', '{q.sex}');\n")
    out += "\n"
    for q in pts:
        for _ in range(R.randint(1, 2)):
            dos = recent(120, 20)
            cpt = R.choice(CPTS)
            c = R.choice(CONDITIONS)
            out += (f"INSERT INTO claim (claim_no, member_id, service_date, rendering_npi, cpt, icd10, billed_amt, status) VALUES "
                    f"('{P(claim_no(), 'other_id')}', '{P(q.member, 'health_plan_id')}', DATE '{DT(dos.isoformat())}', '{D(prov.npi, 'npi')}', "
                    f"'{CPT(cpt[0])}', '{ICD(c[1])}', {fee(cpt[0]):.2f}, '{pick('PAID', 'DENIED', 'PENDED', 'IN_PROCESS')}');\n")
    return out


@tpl("sql_seed")
def ss_psql_grid_in_comment():
    org = R.choice(ORGS)
    pts = people(R.randint(2, 4), min_age=18, max_age=88)
    au = staff_list(1, org, pts)[0]
    st = pick("dc", "cloud")
    q_ = (f"ehr_ro=> SELECT e.encounter_id, p.mrn, p.last_name, p.first_name, p.birth_date, e.admit_ts, e.discharge_ts\n"
          f"ehr_ro->   FROM encounter e JOIN patient p USING (patient_id)\nehr_ro->  WHERE e.discharge_ts IS NOT NULL AND e.status = 'OPEN';\n")
    hdr = " encounter_id |   mrn    | last_name  | first_name | birth_date |      admit_ts       |    discharge_ts\n"
    sep = "--------------+----------+------------+------------+------------+---------------------+---------------------\n"
    rows = ""
    for q in pts:
        a = dtm(recent(30, 5))
        d = a + dt.timedelta(days=R.randint(1, 5), hours=R.randint(0, 12))
        rows += (f" {rj(D(str(R.randint(10**7, 10**8)), 'internal_id'), 12)} | {lj(P(q.mrn, 'mrn'), 8)} | {lj(NM(q.family), 10)} | {lj(NM(q.given), 10)} | {DT(q.dob.isoformat())} | "
                 f"{DT(a.strftime('%Y-%m-%d %H:%M:%S'))} | {DT(d.strftime('%Y-%m-%d %H:%M:%S'))}\n")
    grid = q_ + hdr + sep + rows + f"({len(pts)} rows)\n"
    if st == "dc":
        out = f"{SN(au.full())} added a comment - {dtm(recent(2, 0)).strftime('%d/%b/%y %I:%M %p')}\nThese are the encounters stuck in OPEN after discharge:\n{{noformat}}\n{grid}{{noformat}}\nAll on the {org.code} census feed; ADT A03 never arrived for them.\n"
    else:
        out = f"**{SN(au.full())}** · {dtm(recent(2, 0)).strftime('%b %d, %Y')}\n\nStuck encounters (read replica):\n\n```\n{grid}```\n\nAll from the same interface; A03 missing.\n"
    return out


@tpl("sql_seed")
def ss_oracle_insert_all():
    pts = people(R.randint(2, 4), min_age=40, max_age=88)
    if R.random() < 0.5:
        pts[-1].dob = TODAY - dt.timedelta(days=365 * R.randint(90, 99) + 80)
        pts[-1].age = age_on(pts[-1].dob)
    out = f"-- load_guarantors.sql  ({jira_key('REVCYC')})\nSET DEFINE OFF;\nINSERT ALL\n"
    for q in pts:
        out += (f"  INTO hb_guarantor (guar_id, acct_no, guar_name, birth_dt, ssn, addr_1, city, state_cd, zip, home_ph)\n"
                f"    VALUES ({D(str(R.randint(5000000, 9000000)), 'internal_id')}, '{P(q.acct, 'account_number')}', '{NM(sq(q.last_first(upper=True)))}', "
                f"TO_DATE('{DT(q.dob.strftime('%m/%d/%Y'))}','MM/DD/YYYY'), '{P(q.ssn.replace('-', ''), 'ssn')}', '{P(sq(q.addr1()).upper(), 'street_address')}', "
                f"'{P(sq(q.city).upper(), 'street_address')}', '{ST(q.state)}', '{P(q.zip, 'zip_code')}', '{P(q.phone('bare'), 'phone')}')\n")
    out += "SELECT * FROM dual;\nCOMMIT;\n"
    return out


@tpl("sql_seed")
def ss_where_lookup_vertical():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    au = staff_list(1, org, [p])[0]
    svc = recent(40, 5)
    out = pick(f"{SN(au.full())}  {rtime().strftime('%I:%M %p')}\n", f"[{rtime().strftime('%H:%M')}] {SN(au.handle)}: ")
    out += (f"can someone check why this one doesn't show in the portal? query + result:\n\n"
            f"mysql> SELECT * FROM portal_user WHERE last_name = '{NM(myq(p.family))}' AND dob = '{DT(p.dob.isoformat())}'\\G\n"
            f"*************************** 1. row ***************************\n"
            f"           user_id: {D(str(R.randint(100000, 999999)), 'internal_id')}\n"
            f"               mrn: {P(p.mrn, 'mrn')}\n"
            f"        first_name: {NM(p.given)}\n"
            f"         last_name: {NM(p.family)}\n"
            f"               dob: {DT(p.dob.isoformat())}\n"
            f"             email: {P(p.email, 'email')}\n"
            f"      mobile_phone: {P(p.phone('bare', cell=True), 'phone')}\n"
            f"    last_visit_dt: {DT(svc.isoformat())}\n"
            f"     account_state: {pick('LOCKED', 'PENDING_VERIFICATION', 'ACTIVE')}\n"
            f"     failed_logins: {R.randint(3, 9)}\n"
            f"        created_at: {dtm(recent(400, 100)).strftime('%Y-%m-%d %H:%M:%S')}\n"
            f"1 row in set (0.0{R.randint(1, 9)} sec)\n")
    return out


# ======================================================== clinical_note ======
# inpatient problems: (condition, ICD-10, presentation, treatment meds, chief complaint)
INPT = [
    ("community-acquired pneumonia", "J18.9", "3 days of productive cough, fevers and pleuritic chest pain", ["ceftriaxone", "azithromycin"], "fever/cough"),
    ("cellulitis of left lower leg", "L03.116", "a red, hot, swollen left shin for 4 days", ["cefazolin", "vancomycin"], "leg redness"),
    ("acute on chronic systolic heart failure", "I50.23", "a week of worsening dyspnea, orthopnea and leg swelling", ["furosemide"], "SOB"),
    ("COPD with acute exacerbation", "J44.1", "increased dyspnea, wheeze and sputum", ["prednisone", "azithromycin", "albuterol"], "SOB"),
    ("acute pyelonephritis", "N10", "fever, flank pain and dysuria", ["ceftriaxone"], "fever/flank pain"),
    ("acute kidney injury", "N17.9", "poor oral intake, weakness and a creatinine of 3.1", ["IV fluids"], "weakness"),
    ("closed fracture of left hip", "S72.002A", "a mechanical fall at home and inability to bear weight", ["acetaminophen", "oxycodone"], "fall"),
    ("atrial fibrillation with rapid ventricular response", "I48.91", "palpitations and lightheadedness, HR 150s", ["diltiazem", "apixaban"], "palpitations"),
    ("acute pancreatitis", "K85.90", "epigastric pain radiating to the back and vomiting", ["IV fluids", "ondansetron"], "abd pain"),
    ("syncope", "R55", "a witnessed loss of consciousness at church, about one minute", ["IV fluids"], "syncope"),
    ("sepsis due to urinary tract infection", "A41.9", "fever, confusion and hypotension", ["piperacillin-tazobactam"], "fever, confusion"),
]
# chronic problems: (condition, ICD-10, home med)
CHRONIC = [("essential hypertension", "I10", "lisinopril 20 mg daily"), ("type 2 diabetes mellitus", "E11.9", "metformin 1000 mg PO BID"),
           ("hyperlipidemia", "E78.5", "atorvastatin 40 mg nightly"), ("hypothyroidism", "E03.9", "levothyroxine 75 mcg daily"),
           ("major depressive disorder, recurrent", "F33.1", "sertraline 100 mg daily"), ("GERD", "K21.9", "pantoprazole 40 mg daily"),
           ("asthma, moderate persistent", "J45.40", "montelukast 10 mg nightly"), ("benign prostatic hyperplasia", "N40.0", "tamsulosin 0.4 mg daily"),
           ("chronic kidney disease stage 3b", "N18.32", "empagliflozin 10 mg daily"), ("osteoarthritis of right knee", "M17.11", "acetaminophen 650 mg q6h PRN"),
           ("atrial fibrillation", "I48.91", "apixaban 5 mg BID"), ("heart failure with reduced ejection fraction", "I50.22", "metoprolol succinate 50 mg daily"),
           ("neuropathy", "G62.9", "gabapentin 300 mg TID")]
REL_SEX = {"daughter": "F", "son": "M", "wife": "F", "husband": "M", "niece": "F", "nephew": "M", "grandson": "M", "granddaughter": "F",
           "mother": "F", "father": "M", "sister": "F", "brother": "M"}


def chronic_for(p, n):
    pool = [c for c in CHRONIC if not (p.sex == "F" and c[1] == "N40.0")]
    return R.sample(pool, n)


def relative(p, relw, **kw):
    sex = REL_SEX.get(relw)
    same = relw in ("son", "daughter", "mother", "father", "brother", "sister", "grandson", "granddaughter") or (relw in ("wife", "husband") and R.random() < 0.6)
    fam = p.family if same and R.random() < 0.8 else None
    rage = dict(min_age=25, max_age=70)
    rage.update(kw)
    return Person(sex=sex, family=fam, cult=p.culture if R.random() < 0.7 else None, **rage)


def age_phrase(p, style=None):
    a = age_cell(p)
    style = style or pick("yo", "year", "yof", "y/o")
    sexw = "male" if p.sex == "M" else "female"
    if style == "yo":
        return f"{a} yo {'M' if p.sex == 'M' else 'F'}"
    if style == "year":
        return f"{a}-year-old {pick('man', 'gentleman') if p.sex == 'M' else pick('woman', 'lady')}"
    if style == "yof":
        return f"{a} y.o. {sexw}"
    return f"{a} y/o {'M' if p.sex == 'M' else 'F'}"


def a_an(p):
    return "an" if str(p.age)[0] == "8" or p.age in (11, 18) else "a"


def she(p):
    return "he" if p.sex == "M" else "she"


def her(p):
    return "his" if p.sex == "M" else "her"


def med_list(n):
    return [MED(m) for m in R.sample(MEDS, n)]


def maybe_old(p, prob=0.35):
    if R.random() < prob:
        p.dob = TODAY - dt.timedelta(days=365 * R.randint(90, 102) + R.randint(30, 300))
        p.age = age_on(p.dob)
    return p


def mr_ms(p):
    return D("Mr.", "title") if p.sex == "M" else D(pick("Ms.", "Mrs."), "title")


@tpl("clinical_note")
def cn_discharge_summary():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=45, max_age=88))
    att, pcp = staff_list(2, org, [p], role="MD")
    cm = staff_list(1, org, [p, att, pcp], role="RN")[0]
    adm = recent(25, 7)
    dis = adm + dt.timedelta(days=R.randint(2, 8))
    fu = dis + dt.timedelta(days=R.randint(5, 14))
    prob = R.choice(INPT)
    chron = chronic_for(p, 3)
    st = pick("us", "long", "iso", "dmy")
    lab = pick("caps", "colon")
    if lab == "caps":
        head = (f"DISCHARGE SUMMARY\n\nPATIENT: {NM(p.last_first(upper=True))}\nMRN: {P(p.mrn, 'mrn')}    DOB: {DT(p.dob_s(st))}    AGE/SEX: {age_cell(p)}/{p.sex}\n"
                f"ADMISSION DATE: {DT(fdate(adm, st))}\nDISCHARGE DATE: {DT(fdate(dis, st))}\nATTENDING: {SN(att.cred())}\nPCP: {SN(pcp.dr())}\n"
                f"FACILITY: {FAC(hosp(org))}\n\n")
    else:
        head = (f"Discharge Summary - {FAC(hosp(org))}\n"
                f"Name: {NM(p.full())} | MRN {P(p.mrn, 'mrn')} | DOB {DT(p.dob_s(st))}\n"
                f"Admitted: {DT(fdate(adm, st))}   Discharged: {DT(fdate(dis, st))}   Length of stay: {(dis - adm).days} days\n"
                f"Attending: {SN(att.cred())}   Primary care: {SN(pcp.cred())}\n\n")
    tx = " and ".join(MED(m) for m in prob[3])
    meds = [MED(c[2]) for c in chron] + [MED(pick("cephalexin 500 mg QID x7 days", "amoxicillin-clavulanate 875 mg BID x5 days", "furosemide 40 mg daily", "acetaminophen 650 mg q6h PRN"))]
    body = (f"PRINCIPAL DIAGNOSIS: {COND(prob[0])} ({ICD(prob[1])})\nSECONDARY: {COND(chron[0][0])} ({ICD(chron[0][1])}); {COND(chron[1][0])}; {COND(chron[2][0])}\n\n"
            f"HOSPITAL COURSE:\n{mr_ms(p)} {NM(p.family)} is {a_an(p)} {age_phrase(p)} who presented to the ED with {prob[2]}. "
            f"Work-up was consistent with {COND(prob[0])}. {she(p).title()} was treated with {tx} with steady improvement. "
            f"{pick('Renal function returned to baseline.', 'Telemetry showed no further events.', 'Ambulating with walker by day 3.', 'Tolerating a regular diet.')} "
            f"Case management ({SN(cm.full())}) arranged {pick('home health PT/OT', 'SNF placement at Maplewood', 'VNA nursing visits', 'outpatient cardiac rehab')}.\n\n"
            f"DISCHARGE MEDICATIONS:\n" + "\n".join(f"  {i}. {m}" for i, m in enumerate(meds, 1)) + "\n\n"
            f"FOLLOW-UP:\n  - {SN(pcp.dr())} on {DT(fdate(fu, st))} at {pick('9:20 AM', '10:40 AM', '1:15 PM', '3:00 PM')}\n"
            f"  - Labs (BMP) in 1 week\n\n"
            f"Discharge condition: stable. Code status: {pick('Full code', 'DNR/DNI', 'DNR, OK to intubate')}.\n\n"
            f"Electronically signed by {SN(att.cred())} on {(dis + dt.timedelta(days=1)).strftime('%m/%d/%Y')} {rtime().strftime('%H:%M')}\n")
    return head + body


@tpl("clinical_note")
def cn_history_physical():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=30, max_age=88), 0.4)
    relw = pick("daughter", "son", "husband" if p.sex == "F" else "wife", "niece", "grandson")
    rel = relative(p, relw)
    att, res = staff_list(2, org, [p, rel], role="MD")
    d = recent(15, 2)
    prob = R.choice(INPT)
    c1, c2 = chronic_for(p, 2)
    st = pick("us", "us0", "long")
    out = (f"{pick('HISTORY AND PHYSICAL', 'H&P - Admission', 'Admission History & Physical')}\n"
           f"{NM(p.full())}   MRN {P(p.mrn, 'mrn')}   DOB {DT(p.dob_s(st))}   Date of service: {DT(fdate(d, st))}\n\n"
           f"CC: {prob[4]}\n\n"
           f"HPI: {age_phrase(p)} with PMH of {COND(c1[0])} and {COND(c2[0])} who presents with {prob[2]}. "
           f"History obtained from patient and {relw} ({NM(rel.full())}, {P(rel.phone('paren'), 'phone')}) at bedside.\n\n"
           f"PMH: {COND(c1[0])}; {COND(c2[0])}\n"
           f"Meds: {MED(c1[2])}; {MED(c2[2])}\n"
           f"Allergies: {pick('NKDA', 'PCN (rash)', 'sulfa (hives)', 'codeine - nausea')}\n"
           f"Social: Lives {pick('alone', 'with ' + relw) if relw not in ('wife', 'husband') else 'with ' + relw} at {P(p.addr1(), 'street_address')} in {P(p.city, 'street_address')}. "
           f"{pick('Former smoker, quit 1998.', 'Never smoker.', 'Drinks 1-2 beers/week.', 'No alcohol or drugs.')}\n\n"
           f"Exam: T {round(R.uniform(36.4, 38.9), 1)} HR {R.randint(64, 112)} BP {R.randint(102, 164)}/{R.randint(58, 92)} RR {R.randint(14, 24)} SpO2 {R.randint(90, 99)}% RA\n"
           f"Gen: {pick('NAD', 'mildly uncomfortable', 'frail, alert')}. Lungs: {pick('crackles R base', 'clear', 'diffuse wheeze')}. CV: {pick('RRR', 'irregularly irregular')}.\n\n"
           f"A/P:\n1. {COND(prob[0])} ({ICD(prob[1])}) - admit to {pick('medicine', 'telemetry', 'hospitalist service')}; {', '.join(MED(m) for m in prob[3])}\n"
           f"2. {COND(c1[0])} - continue {MED(c1[2].split(' ')[0])}\n3. DVT ppx {MED('enoxaparin')}\n\n"
           f"{SN(res.full())}, MD (PGY-{R.randint(1, 3)}) / seen and examined with {SN(att.cred())}\n")
    return out


@tpl("clinical_note")
def cn_soap_progress():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=18, max_age=88), 0.25)
    prov = staff_list(1, org, [p], role=pick("MD", "NP", "DO", "PA-C"))[0]
    d = recent(20, 1)
    c = chronic_for(p, 1)[0]
    lab = pick(("Pt", "DOS", "MRN#"), ("Patient", "Visit date", "MRN"), ("pt name", "date", "mrn"))
    out = (f"{lab[0]}: {NM(p.full() if R.random() < 0.7 else p.full().lower())}\n{lab[2]}: {P(p.mrn, 'mrn')}\n{lab[1]}: {DT(fdate(d))}\n\n"
           f"S: {age_phrase(p, pick('yo', 'y/o'))} f/u {COND(c[0])}. {pick('Feels better, no complaints.', 'Still fatigued, sleeping poorly.', 'Missed 2 doses last week.', 'Reports dizziness when standing.')} "
           f"Taking {MED(c[2])}.\n"
           f"O: BP {R.randint(110, 162)}/{R.randint(64, 98)}, HR {R.randint(58, 102)}, Wt {R.randint(120, 260)} lb. {pick('Lungs clear.', 'Trace LE edema.', 'Abd soft, NT.')}\n"
           f"A: {COND(c[0])} ({ICD(c[1])}) - {pick('improving', 'stable', 'not at goal')}\n"
           f"P: {pick('Continue current dose', 'Increase dose', 'No change')}; labs today; RTC {pick('4 wk', '3 mo', '6 wk')}.\n\n"
           f"-- {SN(prov.cred())}, {FAC(clinic(org))}\n")
    return out


ED_CASES = [("chest pain", "Pt reports sudden onset substernal chest pressure radiating to L arm, started 1 h PTA", "acute coronary syndrome"),
            ("fall with head strike", "Tripped on a rug at home, + head strike, no LOC, takes {apix}", "head injury"),
            ("fever/cough", "Cough x4 days, fever 102 at home, SOB on exertion", "pneumonia"),
            ("syncope", "Passed out in church, witnessed, ~1 min, no incontinence", "syncope"),
            ("laceration L hand", "Cut hand on a kitchen knife, bleeding controlled with pressure", "hand laceration"),
            ("abd pain", "RLQ pain since last night, nausea, one episode of emesis", "abdominal pain")]


@tpl("clinical_note")
def cn_ed_triage():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=1, max_age=88), 0.3)
    rn = staff_list(1, org, [p], role="RN")[0]
    md = staff_list(1, org, [p, rn], role="MD")[0]
    arr = dtm(recent(10, 1), dt.time(R.randint(0, 23), R.randint(0, 59)))
    cc, narr, cond = R.choice(ED_CASES)
    narr = narr.replace("{apix}", MED("apixaban"))
    spouse = "husband" if p.sex == "F" else "wife"
    if p.age < 18:
        relw = pick("mother", "father")
    elif p.age < 45:
        relw = pick(spouse, "mother", "father", "sister", "brother")
    else:
        relw = pick(spouse, "daughter", "son", "sister", "brother")
    ec = relative(p, relw)
    out = (f"ED TRIAGE NOTE  {FAC(hosp(org))}\n"
           f"Arrival: {DT(arr.strftime('%m/%d/%Y %H:%M'))}  Mode: {pick('EMS', 'Walk-in', 'Private vehicle')}\n"
           f"Patient: {NM(p.last_first(upper=True))}  DOB: {DT(p.dob_s('us'))}  ({age_phrase(p, 'yo')})  MRN: {P(p.mrn, 'mrn')}\n"
           f"Acuity (ESI): {R.randint(2, 4)}\n"
           f"Chief complaint: {cc}\n"
           f"Vitals: BP {R.randint(104, 176)}/{R.randint(58, 98)}  HR {R.randint(60, 118)}  RR {R.randint(14, 24)}  T {round(R.uniform(97.4, 101.9), 1)}F  SpO2 {R.randint(91, 100)}%  Pain {R.randint(0, 9)}/10\n"
           f"Triage narrative: {narr}. PMH {COND(chronic_for(p, 1)[0][0])}. Allergies {pick('NKDA', 'PCN', 'latex')}.\n"
           f"Emergency contact: {NM(ec.full())} ({relw}) {P(ec.phone('dash'), 'phone')}\n"
           f"Triage RN: {SN(rn.full())}  Assigned: {SN(md.dr())} / Pod {pick('A', 'B', 'C')}\n")
    return out


@tpl("clinical_note")
def cn_telephone_encounter():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=18, max_age=88), 0.2)
    relw = None if R.random() < 0.5 else pick("daughter", "son", "husband" if p.sex == "F" else "wife")
    caller = p if relw is None else relative(p, relw)
    rn = staff_list(1, org, [p, caller], role="RN")[0]
    prov = staff_list(1, org, [p, caller, rn], role="MD")[0]
    when = dtm(recent(6, 0), dt.time(R.randint(8, 17), R.randint(0, 59)))
    pharm = pick("CVS #4417", "Walgreens on Main", "Rite Aid #221", "Costco Pharmacy", "Hy-Vee Pharmacy")
    who = "patient" if relw is None else f"{relw} {NM(caller.full())}"
    c = chronic_for(p, 1)[0]
    reason = pick("refill request", "medication side effect", "lab result question")
    det = {"refill request": f"is out of {MED(c[2].split(' ')[0])} and the pharmacy has no refills left",
           "medication side effect": f"has been lightheaded since the {MED(c[2].split(' ')[0])} dose was increased",
           "lab result question": f"wants to know what the {pick('A1c', 'cholesterol', 'TSH', 'kidney function')} result means"}[reason]
    out = (f"Telephone Encounter\n{NM(p.full())}  (MRN {P(p.mrn, 'mrn')}, DOB {DT(p.dob_s())})\n"
           f"Call received {D(when.strftime('%m/%d/%Y %I:%M %p'), 'date_of_call')} from {who}\n"
           f"Call back number: {P(caller.phone(pick('paren', 'dash', 'dot'), cell=True), 'phone')}\n\n"
           f"Reason: {reason}\n"
           f"Details: {'Patient' if relw is None else 'Caller'} states {'she' if p.sex == 'F' and relw is None else ('he' if relw is None else ('the patient' ))} {det}. "
           f"Pharmacy: {pharm}.\n"
           f"Action: {pick('Routed to', 'Discussed with', 'Message sent to')} {SN(prov.dr())}. "
           f"{dict(zip(['refill request', 'medication side effect', 'lab result question'], [pick('Refill sent x90 days.', 'Refill sent x30 days, needs visit before next refill.'), pick('Advised to hold dose and recheck BP at home.', 'Appointment made for Thursday.'), pick('Result letter re-sent via portal.', 'Provider will call back today.')]))[reason]}\n"
           f"{SN(rn.cred())}\n")
    return out


@tpl("clinical_note")
def cn_referral_letter():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=18, max_age=88), 0.2)
    frm, to = staff_list(2, avoid=[p], role="MD")
    spec = pick(("Cardiology", ("atrial fibrillation", "I48.91", "apixaban 5 mg BID")), ("Nephrology", ("chronic kidney disease stage 3b", "N18.32", "empagliflozin 10 mg daily")),
                ("Orthopaedic Surgery", ("osteoarthritis of right knee", "M17.11", "acetaminophen 650 mg q6h PRN")),
                ("Endocrinology", ("type 2 diabetes mellitus", "E11.9", "metformin 1000 mg PO BID")), ("Gastroenterology", ("GERD", "K21.9", "pantoprazole 40 mg daily")))
    c = spec[1]
    d = recent(14, 2)
    st = pick("long", "us", "dmy_long")
    payer = R.choice([x for x in PAYERS if "Medicare" not in x[0]])
    out = (f"{org.name}\n{FAC(clinic(org))}\n{R.randint(100, 999)} {pick('Hospital Dr', 'Medical Pkwy', 'Campus Way')}, {org.city}, {org.state}\n"
           f"Tel {SC(org.main_phone)}\n\n{fdate(d + dt.timedelta(days=R.randint(1, 3)), st)}\n\n{SN(to.dr())}\n{spec[0]} Associates\n\n"
           f"RE: {NM(p.full())}\nDOB: {DT(p.dob_s(st))}\nAddress: {addr_inline(p)}\nPhone: {P(p.phone(), 'phone')}\nInsurance: {payer[0]}, ID {P(p.member, 'health_plan_id')}\n\n"
           f"Dear {SN(to.dr())},\n\nThank you for seeing {pick('my patient', 'this pleasant patient')}, {NM(p.given)}, {a_an(p)} {age_phrase(p, 'year')} whom I saw on "
           f"{DT(fdate(d, st))} for {COND(c[0])} ({ICD(c[1])}). Despite {MED(c[2])}, "
           f"{pick('symptoms have progressed', 'the numbers continue to worsen', she(p) + ' remains symptomatic')}. "
           f"I would appreciate your evaluation and recommendations.\n\nCurrent medications:\n" + "\n".join(f"- {MED(m[2])}" for m in [c] + [x for x in chronic_for(p, 3) if x != c][:2]) +
           f"\n\nPlease call me with any questions at {SC(frm.work)}.\n\nSincerely,\n\n{SN(frm.cred())}\n")
    return out


@tpl("clinical_note")
def cn_operative_note():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=40, max_age=88), 0.15)
    sur, asst, anes = staff_list(3, org, [p], role="MD")
    d = recent(20, 2)
    proc = pick(("Right total knee arthroplasty", "27447", "M17.11", "osteoarthritis of right knee", "Tibial tray", "TKA-T4-", "Spinal with adductor canal block", "Standard medial parapatellar approach; tourniquet 68 min."),
                ("Left total hip arthroplasty", "27130", "M16.12", "primary osteoarthritis of left hip", "Acetabular shell", "AS54-", "Spinal", "Posterolateral approach."),
                ("Dual-chamber pacemaker insertion", "33208", "I44.2", "complete heart block", "Pulse generator", "PG", "MAC with local", "Left subclavian venous access under fluoroscopy; leads tested, thresholds acceptable."))
    ser = proc[5] + nz_digits(8)
    out = (f"OPERATIVE REPORT\n\nPatient: {NM(p.full())}\nMRN: {P(p.mrn, 'mrn')}   Acct: {P(p.acct, 'account_number')}\nDate of surgery: {DT(fdate(d))}\n"
           f"Surgeon: {SN(sur.cred())}\nAssistant: {SN(asst.full())}, PA-C\nAnesthesia: {proc[6]} ({SN(anes.dr())})\n\n"
           f"Preoperative diagnosis: {COND(proc[3])} ({ICD(proc[2])})\nPostoperative diagnosis: Same\nProcedure: {proc[0]} (CPT {CPT(proc[1])})\n\n"
           f"Indications: {age_phrase(p, 'year')} with {COND(proc[3])} refractory to conservative management. Risks, benefits and alternatives discussed; consent signed.\n\n"
           f"Description: Patient identified in holding, site marked. Time-out performed. {proc[7]} "
           f"Components placed without difficulty. EBL {R.randint(20, 400)} mL.\n\n"
           f"Implants: {proc[4]}, serial {P(ser, 'device_id')}, LOT {digits(6)}\n\n"
           f"Disposition: PACU, stable. {SN(sur.dr())} spoke with the patient's {pick('wife', 'husband', 'daughter', 'son')} in the waiting room.\n")
    return out


@tpl("clinical_note")
def cn_sbar_handoff():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=40, max_age=88), 0.4)
    rn1, rn2 = staff_list(2, org, [p], role="RN")
    md = staff_list(1, org, [p, rn1, rn2], role="MD")[0]
    prob = R.choice(INPT)
    c1, c2 = chronic_for(p, 2)
    bed = f"{pick('4W', '5E', '6N', 'ICU')}-{R.randint(1, 40)}"
    adm = recent(6, 1)
    out = (f"SBAR handoff {pick('0700', '1900', '1500')} - {SN(rn1.full())} -> {SN(rn2.full())}\n\n"
           f"S: {bed} {NM(p.full())}, {age_phrase(p, pick('yo', 'y/o'))}, MRN {P(p.mrn, 'mrn')}, admitted {DT(fdate(adm, pick('us0', 'usy2', 'mon')))} with {COND(prob[0])}. "
           f"{pick('New O2 requirement overnight, now 3L NC.', 'Had a bed alarm x2 overnight.', 'K 3.1 this AM, replaced.', 'Pain controlled.')}\n"
           f"B: Hx {COND(c1[0])}, {COND(c2[0])}. {pick('DNR/DNI.', 'Full code.')} Allergic to {pick('PCN', 'morphine', 'nothing known')}.\n"
           f"A: VS stable, {pick('A&O x3', 'intermittently confused at night', 'A&O x2')}. On {', '.join(MED(m) for m in prob[3])}.\n"
           f"R: Recheck BMP at 1400, call {SN(md.dr())} (pgr {SC(md.pager)}) if UOP < 30/hr. Family ({pick('daughter', 'son')}) calling at noon.\n")
    return out



# =========================================================== claims_csv ======
def csvq(s, always=False):
    v = vis(s)
    if always or any(c in v for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


@tpl("claims_csv")
def cc_837_claim_summary_csv():
    pts = people(R.randint(3, 5), min_age=2, max_age=88)
    provs = staff_list(2, avoid=pts)
    st = pick("us", "iso")
    lines = ["claim_id,member_id,patient_last,patient_first,dob,dos_from,dos_to,rendering_npi,cpt,icd10_1,billed,allowed,paid,status"]
    for q in pts:
        for _ in range(R.randint(1, 2)):
            dos = recent(90, 10)
            cpt = R.choice(CPTS)
            c = R.choice(CONDITIONS)
            b = fee(cpt[0])
            al = round(b * R.uniform(0.3, 0.8), 2)
            stat = pick("PAID", "PAID", "DENIED", "PENDED")
            paid = 0 if stat != "PAID" else round(al * R.uniform(0.7, 1.0), 2)
            lines.append(f"{P(claim_no(), 'other_id')},{P(q.member, 'health_plan_id')},{csvq(NM(q.family))},{csvq(NM(q.given))},{DT(q.dob_s(st))},"
                         f"{DT(fdate(dos, st))},{DT(fdate(dos, st))},{D(R.choice(provs).npi, 'npi')},{CPT(cpt[0])},{ICD(c[1])},{b:.2f},{al:.2f},{paid:.2f},{stat}")
    out = pick(f"claims_837p_{TODAY.strftime('%Y%m%d')}_batch{R.randint(1, 9)}.csv\n", "") + "\n".join(lines) + "\n"
    return out


@tpl("claims_csv")
def cc_835_remit_pipe():
    pts = people(R.randint(3, 5), min_age=18, max_age=88)
    payer = R.choice(PAYERS)
    chk = "EFT" + nz_digits(9)
    pd_ = recent(10, 1)
    lines = [f"# ERA {payer[0]} check/EFT {chk} paid {pd_.strftime('%Y-%m-%d')} total ${R.randint(3000, 40000):,}.{R.randint(0, 99):02d}",
             "payer_icn|patient_acct|patient_name|member_id|svc_date|proc|billed|allowed|paid|pt_resp|carc|rarc"]
    for q in pts:
        svc = recent(70, 14)
        cpt = R.choice(CPTS)
        b = fee(cpt[0])
        al = round(b * R.uniform(0.35, 0.75), 2)
        ded = round(al * R.uniform(0, 0.3), 2)
        carc = pick("CO-45", "PR-1", "PR-2", "CO-97", "CO-16", "CO-45;PR-3")
        lines.append(f"{nz_digits(14)}|{P(q.acct, 'account_number')}|{NM(q.last_first(upper=True).replace(', ', ','))}|{P(q.member, 'health_plan_id')}|"
                     f"{DT(svc.strftime('%Y%m%d'))}|{CPT(cpt[0])}|{b:.2f}|{al:.2f}|{al - ded:.2f}|{ded:.2f}|{carc}|{pick('', 'N130', 'MA130', 'M51')}")
    return "\n".join(lines) + "\n"


@tpl("claims_csv")
def cc_medicare_denials_tsv():
    org = R.choice(ORGS)
    pts = people(R.randint(3, 6), min_age=66, max_age=88)
    for q in R.sample(pts, 1):
        maybe_old(q, 0.7)
    ana = staff_list(1, org, pts)[0]
    lines = ["MBI\tBeneficiary\tDOB\tAge\tDOS\tHCPCS\tDenial\tReason\tWork queue\tOwner"]
    for q in pts:
        dos = recent(80, 15)
        cpt = R.choice(CPTS)
        lines.append(f"{P(q.mbi, 'medicare_mbi')}\t{NM(q.last_first(upper=True))}\t{DT(q.dob_s('us'))}\t{age_cell(q)}\t{DT(fdate(dos, 'us'))}\t{CPT(cpt[0])}\t"
                     f"{pick('CO-50', 'CO-151', 'CO-16', 'CO-109', 'PR-204')}\t{pick('Not medically necessary', 'Frequency exceeded', 'Missing info', 'Not covered by this payer/MAC', 'ABN missing')}\t"
                     f"{pick('MCR DENIALS', 'APPEALS', 'CODING REVIEW')}\t{SN(ana.handle)}")
    return (f"Medicare Part B denials - {org.name} - pulled {TODAY.strftime('%m/%d/%Y')}\n" + "\n".join(lines) + "\n")


@tpl("claims_csv")
def cc_834_enrollment_quoted():
    sub = Person(min_age=26, max_age=64)
    pts = [sub]
    if R.random() < 0.7:
        pts.append(relative(sub, "wife" if sub.sex == "M" else "husband", min_age=max(22, sub.age - 8), max_age=min(70, sub.age + 8)))
    kids = 0
    while kids < R.randint(1, 3):
        k = relative(sub, pick("son", "daughter"), min_age=0, max_age=min(25, max(0, sub.age - 20)))
        if any(k.given == q.given for q in pts):
            continue
        pts.append(k)
        kids += 1
    payer = R.choice([x for x in PAYERS if "Medicare" not in x[0]])
    hdr = '"record_type","subscriber_id","member_seq","relationship","last_name","first_name","dob","gender","ssn","address_1","address_2","city","state","zip","phone","coverage_start","plan_code"'
    lines = [hdr]
    for i, q in enumerate(pts):
        rel = "18" if i == 0 else ("01" if i == 1 and q.age >= 22 else "19")
        if i > 0:
            q.street, q.unit, q.city, q.state, q.zip = sub.street, sub.unit, sub.city, sub.state, sub.zip
            q.area, q.exch, q.line = sub.area, sub.exch, sub.line
        vals = ['"' + pick("ADD", "CHG", "ADD") + '"', '"' + P(sub.member, "health_plan_id") + '"', f'"{i + 1:02d}"', f'"{rel}"',
                '"' + NM(q.family.upper()) + '"', '"' + NM(q.given.upper()) + '"', '"' + DT(q.dob.strftime("%Y%m%d")) + '"', f'"{q.sex}"',
                '"' + P(q.ssn.replace("-", ""), "ssn") + '"', '"' + P(q.street.upper(), "street_address") + '"',
                '"' + P(q.unit.upper(), "street_address") + '"', '"' + P(q.city.upper(), "street_address") + '"', '"' + ST(q.state) + '"',
                '"' + P(q.zip, "zip_code") + '"', '"' + P(q.phone("bare"), "phone") + '"', '"' + D("20260101", "coverage_date") + '"',
                f'"{pick("PPO500", "HMO-GOLD", "HDHP3000", "EPO-SILVER")}"']
        lines.append(",".join(vals))
    return f"{payer[0]} 834 daily - converted to CSV by the EDI translator\n" + "\n".join(lines) + "\n"


@tpl("claims_csv")
def cc_pharmacy_claims_export():
    pts = people(R.randint(2, 4), min_age=20, max_age=88)
    prescr = staff_list(2, avoid=pts)
    lines = ["rx_claim_id,fill_date,rx_number,member_id,member_name,dob,ndc,drug_name,qty,days_supply,prescriber_npi,prescriber,ingredient_cost,copay,status"]
    drugs = [("00093-7214-01", "atorvastatin 40 mg tab"), ("00378-1805-01", "metformin ER 500 mg"), ("68180-0513-09", "lisinopril 10 mg tab"),
             ("00003-0894-21", "apixaban 5 mg tab"), ("00169-4132-12", "semaglutide 1 mg/0.74 mL pen"), ("59762-3304-01", "sertraline 50 mg tab"),
             ("00597-0152-30", "empagliflozin 10 mg tab"), ("00186-0777-60", "budesonide/formoterol 160/4.5 inh")]
    for q in pts:
        for _ in range(R.randint(1, 3)):
            ndc, nm = R.choice(drugs)
            pr = R.choice(prescr)
            lines.append(f"{nz_digits(12)},{DT(fdate(recent(60, 2), 'iso'))},{P(nz_digits(7), 'other_id')},{P(q.member, 'health_plan_id')},"
                         f"{csvq(NM(q.last_first(upper=True)))},{DT(q.dob.isoformat())},{D(ndc, 'drug_code')},{csvq(MED(nm))},{pick(30, 90, 60, 1)},"
                         f"{pick(30, 90, 28)},{D(pr.npi, 'npi')},{csvq(SN(pr.family + ', ' + pr.given))},"
                         f"{R.randint(4, 900)}.{R.randint(0, 99):02d},{pick('0.00', '10.00', '35.00', '47.50')},{pick('PAID', 'PAID', 'REVERSED', 'REJECTED 75')}")
    return "\n".join(lines) + "\n"


@tpl("claims_csv")
def cc_ub04_inpatient_extract():
    org = R.choice(ORGS)
    pts = people(R.randint(2, 4), min_age=30, max_age=88)
    maybe_old(pts[0], 0.5)
    lines = ["PAT_CTRL_NO|MRN|PATIENT_NAME|BIRTH_DT|SEX|ADMIT_DT|DISCH_DT|TOB|DRG|PRIN_DX|ATTENDING_NPI|TOTAL_CHG|PAYER"]
    att = staff_list(2, org, pts)
    for q in pts:
        a = recent(60, 10)
        d = a + dt.timedelta(days=R.randint(1, 9))
        c = R.choice(CONDITIONS)
        lines.append(f"{P(q.acct, 'account_number')}|{P(q.mrn, 'mrn')}|{NM(q.last_first(upper=True))}|"
                     f"{DT(q.dob.strftime('%m%d%Y'))}|{q.sex}|{DT(a.strftime('%m%d%Y'))}|{DT(d.strftime('%m%d%Y'))}|{pick('0111', '0121', '0131')}|"
                     f"{R.randint(177, 872)}|{ICD(c[1].replace('.', ''))}|{D(R.choice(att).npi, 'npi')}|{R.randint(8000, 96000)}.00|{R.choice(PAYERS)[0].upper()}")
    return (f"-- UB-04 extract for {org.code}, bill dates {recent(6, 3).strftime('%m/%d')}-{recent(2, 0).strftime('%m/%d')} (dates MMDDCCYY per FL 6/12/17)\n"
            + "\n".join(lines) + "\n")


@tpl("claims_csv")
def cc_jira_failing_rows():
    pts = people(R.randint(2, 3), min_age=18, max_age=88)
    rep, asg = staff_list(2, avoid=pts)
    style = pick("dc", "cloud")
    created = dtm(recent(3, 0))
    hdr = "MemberID,LastName,FirstName,DOB,ClaimNo,ServiceDate,CPT,Modifier,Units,Charge,Phone"
    rows = []
    for q in pts:
        dos = recent(50, 8)
        cpt = R.choice(CPTS)[0]
        rows.append(f"{P(q.member, 'health_plan_id')},{csvq(NM(q.family))},{csvq(NM(q.given))},{DT(q.dob_s('us0'))},{P(claim_no(), 'other_id')},"
                    f"{DT(fdate(dos, 'us0'))},{CPT(cpt)},{pick('', '25', '59', 'GT')},1,{fee(cpt):.2f},{P(q.phone('paren'), 'phone')}")
    data = hdr + "\n" + "\n".join(rows)
    errs = "\n".join(f"{logts(created + dt.timedelta(seconds=i), 'iso_ms')} ERROR ClaimImport line {i + 2}: column 'Phone' - value has {pick('parentheses', 'more than 10 digits')}; row rejected"
                     for i in range(len(rows)))
    out = jira_head(style, jira_key("REVCYC"), "Clearinghouse import rejects rows with formatted phone numbers", rep, asg, created,
                    labels=("claims", "import"), comp="Claims Import", typ="Bug")
    out += f"Nightly import rejected {len(rows)} rows. First lines of the file:\n\n{block(style, data, 'text')}\n\nImport log:\n{block(style, errs, 'text')}\n"
    out += jira_comment(style, asg, created + dt.timedelta(hours=2), "Will strip formatting in the mapper. Attachment removed from the ticket since it had member data.")
    return out


@tpl("claims_csv")
def cc_portal_export_bom_crlf():
    pts = people(R.randint(3, 5), min_age=18, max_age=88)
    payer = R.choice(PAYERS)
    lines = ["Claim Number,Patient Name,Patient Account,Member ID,Date of Service,Billed Amount,Claim Status,Status Date,Check/EFT"]
    for q in pts:
        dos = recent(80, 10)
        stat = pick("Finalized - Paid", "Finalized - Denied", "Pending - Additional Info", "Received")
        lines.append(f"{P(claim_no(), 'other_id')},\"{NM(q.last_first())}\",{P(q.acct, 'account_number')},{P(q.member, 'health_plan_id')},"
                     f"{DT(fdate(dos, 'us'))},${fee(R.choice(CPTS)[0]):,.2f},{stat},{recent(5, 0).strftime('%m/%d/%Y')},{pick('', 'EFT' + nz_digits(8))}")
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


# ======================================================== patient_email ======
def email_date(x, style=None):
    style = style or pick("outlook", "rfc", "gmail")
    if style == "outlook":
        return x.strftime("%A, %B %d, %Y %I:%M %p").replace(" 0", " ")
    if style == "rfc":
        return x.strftime("%a, %d %b %Y %H:%M:%S -0500")
    return x.strftime("%a, %b %d, %Y at %I:%M %p").replace(" 0", " ")


def clinic_box(org, kind):
    names = {"refill": ("Refill Requests", "refills"), "front": ("Front Desk", "frontdesk"), "billing": ("Patient Billing", "billing"),
             "him": ("Health Information Mgmt", "him.requests"), "portal": ("MyChart Support", "portalhelp"), "it": ("IT Service Desk", "servicedesk")}
    n, box = names[kind]
    return f"{SC(org.name + ' ' + n)} <{SC(box + '@' + org.domain)}>"


def card_no():
    while True:
        n = R.choice(["4", "5" + R.choice("12345")]) + digits(14)
        n = n[:15]
        for cd in "0123456789":
            if luhn_ok(n + cd):
                full = n + cd
                if full not in ("4111111111111111", "5555555555554444", "4242424242424242"):
                    return full


@tpl("patient_email")
def pe_refill_to_clinic():
    org = R.choice(ORGS)
    p = Person(min_age=25, max_age=88)
    sent = dtm(recent(5, 0))
    med = R.choice(MED_NAMES)
    greet = pick("Hello,", "Hi there,", "Good morning,", "To whom it may concern,")
    out = (f"From: {NM(p.full())} <{P(p.email, 'email')}>\nSent: {D(email_date(sent, 'outlook'), 'email_date')}\nTo: {clinic_box(org, 'refill')}\n"
           f"Subject: {pick('Refill please', 'prescription refill', 'Need my meds refilled', 'RE: refill')}\n\n"
           f"{greet}\n\nThis is {NM(p.full())}, date of birth {DT(p.dob_s(pick('us', 'long', 'us0')))}. I am almost out of my {MED(med)} and "
           f"{pick('the pharmacy says there are no refills left', 'my doctor is on vacation', 'I can not get through on the phone')}. "
           f"Could you please send it to {pick('the CVS on Main St', 'Walgreens on Route 9', 'the Costco pharmacy', 'the mail order pharmacy')}?\n\n"
           f"You can reach me at {P(p.phone(cell=True), 'phone')} any time after 3.\n\n{pick('Thank you,', 'Thanks so much,', 'Sincerely,')}\n{NM(p.given)}\n"
           + pick("\nSent from my iPhone\n", "", "\nGet Outlook for Android\n"))
    return out


@tpl("patient_email")
def pe_portal_login_forward():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    st = staff_list(1, org, [p])[0]
    t1 = dtm(recent(6, 1))
    t2 = t1 + dt.timedelta(hours=R.randint(1, 30))
    out = (f"From: {SN(st.full())} <{SC(st.email)}>\nSent: {D(email_date(t2, 'outlook'), 'email_date')}\nTo: {clinic_box(org, 'it')}\n"
           f"Subject: FW: can't log into my account\n\nHi team - can someone help this patient? {she(p).title()} has tried the reset link 3 times. "
           f"I verified {'his' if p.sex == 'M' else 'her'} identity by phone.\n\nThanks,\n{SN(st.full())}\n{pick('Patient Access Representative', 'Medical Receptionist', 'Practice Manager')} | {FAC(clinic(org))}\n"
           f"{SC(st.work)}\n\n"
           f"-----Original Message-----\nFrom: {P(p.email, 'email')} <{P(p.email, 'email')}>\nSent: {D(email_date(t1, 'outlook'), 'email_date')}\nTo: {clinic_box(org, 'front')}\n"
           f"Subject: can't log into my account\n\n"
           f"i keep getting 'we can't verify your identity' when i try to sign up for the portal. my name is {NM(p.full().lower() if R.random() < 0.4 else p.full())} "
           f"and my birthday is {DT(p.dob_s(pick('us0', 'long')))}. {pick('i changed my phone number last year', 'maybe because i moved', 'i used my email from before')}, "
           f"new number is {P(p.phone(pick('dash', 'bare'), cell=True), 'phone')}. my mrn on the paper is {P(p.mrn, 'mrn')}\n")
    return out


@tpl("patient_email")
def pe_daughter_about_mother():
    org = R.choice(ORGS)
    mom = maybe_old(Person(sex="F", min_age=80, max_age=88), 0.8)
    dau = relative(mom, "daughter", min_age=45, max_age=66)
    if R.random() < 0.5:
        dau.family = Person(cult=dau.culture).family  # married name
    pcp = staff_list(1, org, [mom, dau], role="MD")[0]
    sent = dtm(recent(4, 0))
    apt = recent(25, 3)
    out = (f"From: {NM(dau.full())} <{P(dau.email, 'email')}>\nDate: {D(email_date(sent, 'rfc'), 'email_date')}\nTo: {clinic_box(org, 'front')}\n"
           f"Subject: My mother {NM(mom.full())} - question about her visit\n\n"
           f"Dear {SN(pcp.dr())}'s office,\n\nI am writing on behalf of my mother, {NM(mom.full())} (DOB {DT(mom.dob_s())}). She is {P(str(mom.age), 'age_over_89') if mom.age >= 90 else mom.age} "
           f"and lives on her own at {addr_inline(mom)}. After her appointment on {DT(fdate(apt, pick('long', 'us')))} she was started on {MED(R.choice(MED_NAMES))} "
           f"and since then she has been {pick('very dizzy in the mornings', 'confused at night', 'not eating much', 'falling asleep at the table')}.\n\n"
           f"I am on her HIPAA release form. Please call me at {P(dau.phone(cell=True), 'phone')} rather than her home number, she doesn't hear the phone well.\n\n"
           f"Thank you,\n{NM(dau.full())}\n")
    return out


@tpl("patient_email")
def pe_spanish_patient():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88, cult=pick("mexican", "caribbean_spanish"))
    sent = dtm(recent(5, 0))
    apt = TODAY + dt.timedelta(days=R.randint(2, 20))
    out = (f"De: {NM(p.full())} <{P(p.email, 'email')}>\nEnviado: {D(sent.strftime('%d/%m/%Y %H:%M'), 'email_date')}\nPara: {clinic_box(org, 'front')}\n"
           f"Asunto: {pick('Cambio de cita', 'Pregunta sobre mi cita', 'Resultados de laboratorio')}\n\n"
           f"Buenas tardes,\n\nMi nombre es {NM(p.full())}, fecha de nacimiento {DT(fdate(p.dob, 'dmy_long').replace(MONTHS[p.dob.month - 1], ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][p.dob.month - 1]) if R.random() < 0.5 else p.dob.strftime('%d/%m/%Y'))}. "
           f"Tengo una cita el {DT(apt.strftime('%d/%m/%Y'))} pero {pick('no puedo ir por el trabajo', 'mi hijo está enfermo', 'no tengo transporte')}. "
           f"¿Me pueden cambiar la cita para la próxima semana?\n\nMi número es {P(p.phone(pick('dash', 'paren'), cell=True), 'phone')}. "
           f"{pick('Prefiero mensajes de texto.', 'Pueden dejar mensaje.', '')}\n\nGracias,\n{NM(p.given)}\n")
    return out


@tpl("patient_email")
def pe_billing_dispute_card():
    org = R.choice(ORGS)
    p = Person(min_age=25, max_age=88)
    sent = dtm(recent(6, 0))
    dos = recent(90, 30)
    card = card_no()
    cardfmt = pick(card, " ".join(card[i:i + 4] for i in range(0, 16, 4)), "-".join(card[i:i + 4] for i in range(0, 16, 4)))
    amt = f"{R.randint(40, 900)}.{R.randint(0, 99):02d}"
    out = (f"From: {NM(p.full())} <{P(p.email, 'email')}>\nSent: {D(email_date(sent), 'email_date')}\nTo: {clinic_box(org, 'billing')}\n"
           f"Subject: Statement {P(p.acct, 'account_number')} - I already paid this\n\n"
           f"Hello,\n\nI got a statement for ${amt} for my visit on {DT(fdate(dos, 'us'))}, account number {P(p.acct, 'account_number')}. "
           f"My insurance ({R.choice(PAYERS)[0]}, member ID {P(p.member, 'health_plan_id')}) says they paid their part and I paid my copay at the front desk.\n\n"
           f"If I really owe something, please just put it on my card {P(cardfmt, 'credit_card')} exp {R.randint(1, 12):02d}/{R.randint(27, 31)} and send me a receipt. "
           f"I don't want this going to collections.\n\n{NM(p.full())}\n{P(p.phone(), 'phone')}\n")
    return out


@tpl("patient_email")
def pe_reply_chain_quoted():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    rn = staff_list(1, org, [p], role=pick("RN", "NP"))[0]
    doc = staff_list(1, org, [p, rn], role="MD")[0]
    t1 = dtm(recent(6, 2), dt.time(R.randint(7, 22), R.randint(0, 59)))
    t2 = dtm(t1.date() + dt.timedelta(days=1), dt.time(R.randint(8, 16), R.randint(0, 59)))
    t3 = t2 + dt.timedelta(hours=R.randint(1, 20))
    res = recent(12, 3)
    out = (f"From: {NM(p.full())} <{P(p.email, 'email')}>\nSent: {D(email_date(t3, 'gmail'), 'email_date')}\nTo: {SN(rn.full())} <{SC(rn.email)}>\n"
           f"Subject: Re: Your lab results\n\nThank you! Yes, {pick('Tuesday', 'Friday morning', 'the 8:40 slot')} works. "
           f"Should I fast again? Also my new address is {P(p.addr1(), 'street_address')}, {P(p.city, 'street_address')} {P(p.zip, 'zip_code')} if you're mailing the order.\n\n"
           f"On {D(email_date(t2, 'gmail'), 'email_date')}, {SN(rn.full())} <{SC(rn.email)}> wrote:\n"
           f"> Hi {NM(p.given)},\n>\n> {SN(doc.dr())} reviewed your labs from {DT(fdate(res, 'us'))}. Your {pick('cholesterol', 'A1c', 'thyroid level', 'kidney function')} "
           f"was {pick('a little high', 'better than last time', 'borderline')} and {'he' if doc.sex == 'M' else 'she'}'d like to repeat it in 3 months. Can you come in for a lab-only visit?\n>\n"
           f"> {SN(rn.cred())}\n> {FAC(clinic(org))} | {SC(rn.work)}\n>\n"
           f">> On {D(email_date(t1, 'gmail'), 'email_date')}, {NM(p.full())} <{P(p.email, 'email')}> wrote:\n"
           f">> Hi, did my results come back yet? DOB {DT(p.dob_s('us'))}. Thanks\n")
    return out


@tpl("patient_email")
def pe_records_request_address():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    old = Person()
    sent = dtm(recent(7, 0))
    frm, to = recent(600, 200), recent(100, 20)
    out = (f"From: {P(p.email, 'email')}\nTo: {clinic_box(org, 'him')}\nDate: {D(email_date(sent, 'rfc'), 'email_date')}\nSubject: Medical records request\n\n"
           f"To Medical Records,\n\nI am requesting a copy of my records from {DT(fdate(frm, 'long'))} to {DT(fdate(to, 'long'))}, including imaging reports. "
           f"Please mail them to my new address:\n\n{NM(p.full())}\n{addr_lines(p)}\n\n"
           f"(my old address on file was {P(old.addr1(), 'street_address')}, {P(old.city, 'street_address')}.)\n\n"
           f"Name: {NM(p.full())}\nDate of birth: {DT(p.dob_s('us'))}\nLast 4 of SSN: {D(p.ssn[-4:], 'ssn_last4')}\nPhone: {P(p.phone(), 'phone')}\n\n"
           f"I have attached the signed authorization form and a photo of my driver's license.\n\nRegards,\n{NM(p.full())}\n")
    return out


@tpl("patient_email")
def pe_native_script_parent():
    org = R.choice(ORGS)
    cult = pick("chinese", "korean", "arabic")  # mothers keep their own family name in these cultures
    child = Person(min_age=2, max_age=15, cult=cult)
    par = Person(sex="F", min_age=28, max_age=50, cult=cult)
    while not (child.native and par.native) or child.family == par.family and child.given == par.given:
        child = Person(min_age=2, max_age=15, cult=cult)
        par = Person(sex="F", min_age=28, max_age=50, cult=cult)
    sent = dtm(recent(4, 0))
    ped = staff_list(1, org, [child, par], role="MD")[0]
    native_line = {
        "chinese": f"您好！家长：{NM(par.native)}。孩子：{NM(child.native)}，发烧三天了，请问可以预约吗？",
        "korean": f"안녕하세요. 아이 이름: {NM(child.native)}, 엄마: {NM(par.native)}. 아이가 사흘째 열이 나요. 예약할 수 있을까요?",
        "russian": f"Здравствуйте, это {NM(par.native)}, мама {NM(child.native)}. У ребёнка третий день температура. Можно записаться на приём?",
        "arabic": f"مرحبا، أنا {NM(par.native)}، والدة {NM(child.native)}. طفلي لديه حمى منذ ثلاثة أيام. هل يمكن حجز موعد؟",
        "japanese": f"こんにちは。母親：{NM(par.native)}、子ども：{NM(child.native)}。三日間熱が続いています。予約できますか？",
        "greek": f"Καλησπέρα, είμαι η {NM(par.native)}, μητέρα του/της {NM(child.native)}. Το παιδί έχει πυρετό τρεις μέρες. Μπορώ να κλείσω ραντεβού;",
        "israeli": f"שלום, אני {NM(par.native)}, האמא של {NM(child.native)}. לילד יש חום כבר שלושה ימים. אפשר לקבוע תור?",
    }[cult]
    out = (f"From: {NM(par.full())} <{P(par.email, 'email')}>\nSent: {D(email_date(sent), 'email_date')}\nTo: {clinic_box(org, 'front')}\n"
           f"Subject: appointment for my child / {NM(child.given)}\n\n{native_line}\n\n"
           f"(English) Hello, my child {NM(child.full())}, born {DT(child.dob_s(pick('us', 'iso')))}, has fever for 3 days. Doctor is {SN(ped.dr())}. "
           f"Please call {P(par.phone(cell=True), 'phone')}. Thank you.\n")
    return out


# ======================================================= support_ticket ======
@tpl("support_ticket")
def st_zendesk_portal_access():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    req, agent = staff_list(2, org, [p])
    agent = Staff(role="Support")
    agent.email = f"{fold(agent.given).lower().split()[0]}@{VENDOR['domain']}"
    num = R.randint(30000, 99999)
    t0 = dtm(recent(5, 1))
    out = (f"#{num}  Patient can't complete portal sign-up - identity check fails\n"
           f"Requester: {SN(req.full())} ({SC(req.email)})   Organization: {org.name}\n"
           f"Assignee: {SN(agent.full())}   Group: Tier 2 - Patient Access   Priority: {pick('Normal', 'High')}   Status: {pick('Open', 'Pending', 'On-hold')}\n"
           f"Tags: portal signup idproofing\n\n"
           f"{SN(req.full())}  {t0.strftime('%b %d, %Y, %H:%M')}\n"
           f"Hello, patient {NM(p.full())} ({P(p.mrn, 'mrn')}) is trying to self-enroll and fails the identity check every time. "
           f"Demographics in the EHR: DOB {DT(p.dob_s('us'))}, cell {P(p.phone('paren', cell=True), 'phone')}, email {P(p.email, 'email')}, "
           f"address {addr_inline(p)}. {she(p).title()} says everything {she(p)} types matches. Can you see what is failing?\n\n"
           f"{SN(agent.full())}  {(t0 + dt.timedelta(hours=R.randint(1, 8))).strftime('%b %d, %Y, %H:%M')}\n"
           f"Hi {SN(req.given)}, the ID-proofing vendor returned 'ADDRESS_MISMATCH' - the credit-bureau record still has "
           f"{P(Person().addr1(), 'street_address')}. We can send an activation code by text to the cell on file instead. Should I go ahead?\n")
    return out


@tpl("support_ticket")
def st_servicenow_incident():
    org = R.choice(ORGS)
    p = Person(min_age=1, max_age=88)
    caller, grp_member = staff_list(2, org, [p])
    t0 = dtm(recent(4, 0))
    inc = f"INC{nz_digits(7)}"
    vis_d = recent(10, 1)
    sc = pick(("Scanning", "Scanned document filed to wrong patient", "Scanned consent for", "was indexed to another chart"),
              ("Results routing", "Lab result not visible in chart", "Result for", "is not showing in Chart Review"),
              ("Printing", "After-visit summary printing for wrong patient", "AVS for", "printed with another patient's header"))
    out = (f"Number: {inc}\nCaller: {SN(caller.full())}\nLocation: {FAC(R.choice(org.facilities))}\nCategory: Clinical Applications   Subcategory: {sc[0]}\n"
           f"Impact: 3 - Low   Urgency: 2 - Medium   Priority: 4 - Low\nAssignment group: EHR-Ambulatory   Assigned to: {SN(grp_member.full())}\n"
           f"Short description: {sc[1]}\n"
           f"Description:\n{sc[2]} {NM(p.full())}, MRN {P(p.mrn, 'mrn')}, DOB {DT(p.dob_s())}, "
           f"visit {DT(fdate(vis_d, 'us'))} {sc[3]}. "
           f"{pick('Please move it and let HIM know.', 'Provider needs it before the follow-up.', 'Clinic manager is aware.')}\n"
           f"Contact: {SC(caller.work)}\n\n"
           f"Activity:\n{(t0 + dt.timedelta(minutes=R.randint(20, 300))).strftime('%Y-%m-%d %H:%M:%S')} - {SN(grp_member.full())} - Work notes\n"
           f"Located doc ID {D(nz_digits(9), 'internal_id')}; reassigned to HIM Doc Integrity for correction.\n"
           f"{t0.strftime('%Y-%m-%d %H:%M:%S')} - System - Incident created by {SN(caller.handle)}\n")
    return out


@tpl("support_ticket")
def st_jsm_merge_request():
    org = R.choice(ORGS)
    p = Person(min_age=0, max_age=88)
    rep, asg = staff_list(2, org, [p])
    mrn2 = mrn_for()
    key = jira_key("HIMSD")
    t0 = dtm(recent(5, 0))
    if p.age == 0:
        found, note, bd = ("Newborn registered under the mother's name first", "Same baby, newborn chart created before the name was known. Merging.", p.dob)
    elif R.random() < 0.5:
        bd = p.dob.replace(day=p.dob.month, month=p.dob.day) if p.dob.day <= 12 and p.dob.day != p.dob.month else p.dob - dt.timedelta(days=365)
        found, note = "Registration during walk-in", "DOB differs by a transposition - verified with the patient ID scan. OK to merge."
    else:
        bd = p.dob
        found, note = pick("Patient called about two portal accounts", "Lab result filed to new chart"), "Verified SSN last 4 " + D(p.ssn[-4:], "ssn_last4") + " on both. Proceeding."
    out = (f"{key}  Duplicate chart / merge request\nRaised by {SN(rep.full())} via portal on {t0.strftime('%d/%b/%y %I:%M %p')}\n\n"
           f"Request type\nDuplicate chart - merge\n\nPatient name\n{NM(p.full())}\n\nMRN to keep\n{P(p.mrn, 'mrn')}\n\nMRN to retire\n{P(mrn2, 'mrn')}\n\n"
           f"Date of birth (keep / retire)\n{DT(p.dob_s('us'))} / {DT(fdate(bd, 'us'))}\n\n"
           f"How was the duplicate found?\n{found}\n\n"
           f"Activity\n{SN(asg.full())} changed the status to In Progress\n"
           f"{SN(asg.full())}: {note}\n")
    return out


@tpl("support_ticket")
def st_freshdesk_call_log():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    agent = Staff(role="Agent")
    agent.email = f"{fold(agent.given).lower().split()[0]}.{fold(agent.family).lower().replace(' ', '')}@{VENDOR['domain']}"
    t0 = dtm(recent(4, 0))
    dur = f"{R.randint(2, 19)}:{R.randint(0, 59):02d}"
    fd_ = pick(("appointment reminder texts", "Gets reminder texts meant for"), ("bill pay page", "Bill pay page shows a balance for"),
               ("telehealth app", "Telehealth app logged " + ("him" if p.sex == "M" else "her") + " in as"))
    out = (f"Ticket #{R.randint(10000, 99999)} - Phone call from {P(p.phone('one'), 'phone')}\n"
           f"Source: Phone  |  Type: {pick('Question', 'Problem', 'Incident')}  |  Agent: {SN(agent.full())}  |  Duration {dur}\n"
           f"Contact: {NM(p.full())}  ·  {P(p.email, 'email')}\n\n"
           f"Call notes ({D(t0.strftime('%m/%d/%Y %I:%M %p'), 'date_of_call')}):\n"
           f"- Caller is a patient of {FAC(clinic(org))} using the {fd_[0]}.\n"
           f"- {fd_[1]} "
           f"{NM(Person(family=p.family).full())}{pick(' (her mother-in-law?)', '', ' - same last name')}.\n"
           f"- Verified caller: DOB {DT(p.dob_s('us'))}, ZIP {P(p.zip, 'zip_code')}.\n"
           f"- Escalated to {org.code} registration to check for a linked/guarantor account. Told caller 2-3 business days.\n")
    return out


@tpl("support_ticket")
def st_billing_wrong_statement():
    org = R.choice(ORGS)
    p, q = people(2, min_age=25, max_age=88)
    agent, rep = staff_list(2, org, [p, q])
    t0 = dtm(recent(6, 0))
    out = (f"Subject: Statement mailed to wrong guarantor\nTicket: {jira_key('PFS')}  ·  Queue: Patient Financial Services  ·  Reporter: {SN(rep.full())}\n\n"
           f"{NM(p.full())} called on {D(fdate(t0.date(), 'us'), 'date_of_call')}: {she(p)} received a statement addressed to {'him' if p.sex == 'M' else 'her'} but listing charges for "
           f"{NM(q.full())} (guarantor acct {P(q.acct, 'account_number')}). {'His' if p.sex == 'M' else 'Her'} own account is {P(p.acct, 'account_number')}. Both live at "
           f"{P(p.addr1(), 'street_address')}, {P(p.city, 'street_address')} but are not related.\n\n"
           f"Statement run {D(nz_digits(6), 'internal_id')} picked the guarantor by address match. Caller's phone {P(p.phone(), 'phone')}.\n\n"
           f"-- {SN(agent.full())} (PFS) --\nConfirmed the address match rule merged the two households. Unlinked; reprint queued. Privacy office notified (possible disclosure).\n")
    return out


@tpl("support_ticket")
def st_demographics_update():
    org = R.choice(ORGS)
    p = Person(min_age=18, max_age=88)
    rep = staff_list(1, org, [p])[0]
    newp = Person()
    style = pick("form", "plain")
    t0 = dtm(recent(5, 0))
    if style == "form":
        out = (f"Request: Update patient demographics\nSubmitted by: {SN(rep.full())} on {t0.strftime('%m/%d/%Y')}\n\n"
               f"| Field | Current | New |\n|---|---|---|\n| Name | {NM(p.full())} | {NM(p.given + ' ' + newp.family)} |\n"
               f"| MRN | {P(p.mrn, 'mrn')} | - |\n| Address | {P(p.addr1(), 'street_address')} | {P(newp.addr1(), 'street_address')}, {P(newp.city, 'street_address')} {P(newp.zip, 'zip_code')} |\n"
               f"| Home phone | {P(p.phone('dash'), 'phone')} | {P(newp.phone('dash'), 'phone')} |\n"
               f"| DOB | {DT(p.dob_s('us'))} | (no change) |\n\nReason: {pick('Married, legal name change (document scanned)', 'Moved', 'Patient reported new phone at check-in')}\n")
    else:
        out = (f"{jira_key('REG')}: name + address change for {NM(p.full())}\n\n{SN(rep.full())}: pt came to the desk with marriage certificate. "
               f"New name {NM(p.given + ' ' + newp.family)}, DOB {DT(p.dob_s())}, MRN {P(p.mrn, 'mrn')}. New address {addr_inline(newp)}, new cell {P(newp.phone(cell=True), 'phone')}. "
               f"Registration can't edit legal name after the insurance verification is done, please update on the backend.\n")
    return out


@tpl("support_ticket")
def st_release_of_information():
    org = R.choice(ORGS)
    p = maybe_old(Person(min_age=18, max_age=88), 0.3)
    rep, asg = staff_list(2, org, [p])
    firm = pick("Baxter & Ruiz LLP", "Morrow Legal Group", "Carlisle Injury Law", "Whitfield & Osei PC")
    doi = recent(300, 60)
    t0 = dtm(recent(5, 0))
    out = (f"{jira_key('ROI')} Release of information - attorney request (due {(TODAY + dt.timedelta(days=R.randint(5, 25))).strftime('%m/%d/%Y')})\n"
           f"Reporter: {SN(rep.full())}   Assignee: {SN(asg.full())}   Created: {t0.strftime('%Y-%m-%d %H:%M')}\n\n"
           f"Requester: {firm}\nPatient: {NM(p.last_first())}\nDOB: {DT(p.dob_s(pick('us', 'iso')))}\nSSN: {P(p.ssn, 'ssn')}\n"
           f"Date(s) of service: {DT(fdate(doi, 'us'))} - {DT(fdate(doi + dt.timedelta(days=R.randint(0, 4)), 'us'))} (MVA, ED + admission)\n"
           f"Records: ED notes, imaging, discharge summary, itemized bill\n"
           f"Authorization: signed {DT(fdate(recent(20, 6), 'us'))}, valid 90 days\n\n"
           f"Note from {SN(asg.full())}: SSN on the request doesn't match the chart for this MRN ({P(p.mrn, 'mrn')}); called the firm to confirm before releasing.\n")
    return out


@tpl("support_ticket")
def st_device_rma():
    p = Person(min_age=22, max_age=88)
    agent = Staff(role="Agent")
    dev = pick(("Insulin pump", "PMP-", 9), ("CGM receiver", "RCV", 10), ("Home BP monitor", "BP7-", 8), ("CPAP", "AS11", 8))
    ser = dev[1] + nz_digits(dev[2])
    t0 = dtm(recent(6, 0))
    case = f"CS-{nz_digits(7)}"
    out = (f"Case {case}  |  {dev[0]} - {pick('error E-17 after battery change', 'no readings syncing', 'alarm will not clear', 'display cracked')}\n"
           f"Opened {t0.strftime('%m/%d/%Y %H:%M')} by {SN(agent.full())}  |  Channel: Phone\n\n"
           f"Customer: {NM(p.full())}\nShip-to: {addr_inline(p)}\nPhone: {P(p.phone(cell=True), 'phone')}\nDOB (verification): {DT(p.dob_s('us'))}\n"
           f"Device serial: {P(ser, 'device_id')}\nPrescribing clinic: {FAC(clinic(R.choice(ORGS)))}\n\n"
           f"Troubleshooting: reset performed, issue persists. Warranty active. Replacement approved, ship {pick('overnight', '2-day')}. "
           f"Return label emailed to {P(p.email, 'email')}. RMA {D('RMA' + nz_digits(8), 'internal_id')}.\n")
    return out


# ====================================================== java_stacktrace ======
def fr(cls, meth, line=None):
    f = cls.split(".")[-1].split("$")[0]
    return f"\tat {cls}.{meth}({f}.java:{line or R.randint(40, 900)})"


SPRING_TAIL = [("org.springframework.web.servlet.FrameworkServlet", "service"),
               ("jakarta.servlet.http.HttpServlet", "service"),
               ("org.apache.catalina.core.ApplicationFilterChain", "doFilter"),
               ("org.springframework.security.web.FilterChainProxy", "doFilterInternal"),
               ("org.apache.tomcat.util.net.NioEndpoint$SocketProcessor", "doRun"),
               ("java.base/java.util.concurrent.ThreadPoolExecutor", "runWorker"),
               ("java.base/java.lang.Thread", "run")]


def tail(n=None):
    n = n or R.randint(3, len(SPRING_TAIL))
    return "\n".join(fr(c, m) for c, m in SPRING_TAIL[-n:])


@tpl("java_stacktrace")
def js_hl7_parse_exception():
    t = dtm(recent(10))
    ctrl = ctrl_id()
    ch = pick("ADT_IN_EPIC", "ORU_SUNQUEST", "SIU_CADENCE")
    out = (f"{logts(t, 'iso_ms')} ERROR [{ch}-receiver-{R.randint(1, 8)}] c.h.i.engine.InboundRouter - Failed to parse inbound message controlId={ctrl} from {server_ip()}:{R.randint(40000, 60000)}\n"
           f"ca.uhn.hl7v2.model.DataTypeException: Failed validation rule: Maxumim size <= {pick(20, 26, 250)} characters: "
           f"Segment: PID (rep 0) Field #{pick(7, 11, 13, 19)}\n"
           + fr("ca.uhn.hl7v2.model.primitive.AbstractPrimitive", "setValue", 117) + "\n"
           + fr("ca.uhn.hl7v2.parser.PipeParser", "parse", 1031) + "\n"
           + fr("ca.uhn.hl7v2.parser.PipeParser", "doParse", 455) + "\n"
           + fr("ca.uhn.hl7v2.parser.Parser", "parse", 203) + "\n"
           + fr("com.helixbridge.interop.engine.InboundRouter", "route") + "\n"
           + fr("com.helixbridge.interop.engine.MllpListener$Handler", "onMessage") + "\n"
           + fr("java.base/java.util.concurrent.ThreadPoolExecutor", "runWorker", 1136) + "\n"
           + fr("java.base/java.lang.Thread", "run", 840) + "\n"
           f"{logts(t + dt.timedelta(milliseconds=40), 'iso_ms')} WARN  [{ch}-receiver-{R.randint(1, 8)}] c.h.i.engine.AckBuilder - sending AR for {ctrl} (payload withheld: phi.logging=false)\n"
           f"{logts(t + dt.timedelta(milliseconds=91), 'iso_ms')} INFO  [{ch}-receiver-{R.randint(1, 8)}] c.h.i.engine.ErrorStore - stored errored message id={uuid()} queue=ERR_{ch}\n")
    return out


@tpl("java_stacktrace")
def js_fhir_422_validation():
    t = dtm(recent(10))
    rid = uuid()
    out = (f"{logts(t, 'iso_t')} ERROR 1 --- [nio-8080-exec-{R.randint(1, 12)}] c.h.fhir.sync.PatientPushService   : push failed for Patient/{rid} (tenant={pick('crmc', 'bfh', 'nrmc')}, requestId={uuid()})\n\n"
           f"ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException: HTTP 422 Unprocessable Entity: "
           f"{{\"resourceType\":\"OperationOutcome\",\"issue\":[{{\"severity\":\"error\",\"code\":\"processing\",\"diagnostics\":\"Patient.birthDate: "
           f"'not a valid date - expected YYYY, YYYY-MM or YYYY-MM-DD'\",\"location\":[\"Patient.birthDate\",\"Line[1] Col[{R.randint(200, 900)}]\"]}}]}}\n"
           + fr("ca.uhn.fhir.rest.client.impl.BaseClient", "invokeClient", 352) + "\n"
           + fr("ca.uhn.fhir.rest.client.impl.GenericClient$BaseClientExecutable", "invoke", 439) + "\n"
           + fr("ca.uhn.fhir.rest.client.impl.GenericClient$UpdateInternal", "execute", 2101) + "\n"
           + fr("com.helixbridge.fhir.sync.PatientPushService", "push") + "\n"
           + fr("com.helixbridge.fhir.sync.SyncController", "sync") + "\n" + tail(4) + "\n"
           f"Caused by: java.time.format.DateTimeParseException: Text '{pick('00/00/0000', '2026-13-45', '19XX-01-01')}' could not be parsed at index 0\n"
           + fr("java.base/java.time.format.DateTimeFormatter", "parseResolved0", 2052) + "\n"
           + fr("com.helixbridge.fhir.mapping.DateMapper", "toFhirDate") + "\n\t... 41 common frames omitted\n")
    return out


@tpl("java_stacktrace")
def js_npe_scheduler_slot():
    t = dtm(recent(10))
    u = Staff()
    out = (f"[{t.strftime('%d/%b/%Y:%H:%M:%S')} -0500] [http-nio-8443-exec-{R.randint(1, 40)}] [user={SN(u.handle)}] [corr={uuid()}] ERROR SlotController - unhandled\n"
           f"java.lang.NullPointerException: Cannot invoke \"com.helixbridge.sched.model.Template.getBlocks()\" because \"provider.template\" is null\n"
           + fr("com.helixbridge.sched.service.SlotAllocator", "allocate", 212) + "\n"
           + fr("com.helixbridge.sched.service.SlotAllocator", "lambda$findOpenSlots$3", 168) + "\n"
           + fr("java.base/java.util.stream.ReferencePipeline$3$1", "accept", 197) + "\n"
           + fr("java.base/java.util.ArrayList$ArrayListSpliterator", "forEachRemaining", 1625) + "\n"
           + fr("com.helixbridge.sched.service.SlotAllocator", "findOpenSlots", 171) + "\n"
           + fr("com.helixbridge.sched.web.SlotController", "open", 64) + "\n" + tail() + "\n\n"
           f"Request: GET /api/v3/providers/{D(nz_digits(6), 'internal_id')}/slots?from={(TODAY + dt.timedelta(days=1)).isoformat()}&days=14&dept=FMW\n"
           f"Note: provider record {D(nz_digits(6), 'internal_id')} ({SN(Staff(role='MD').dr())}) was created yesterday without a template.\n")
    return out


@tpl("java_stacktrace")
def js_jdbc_statement_timeout():
    t = dtm(recent(10))
    host = server_ip()
    out = (f"{logts(t, 'iso_ms')} WARN  [scheduling-1] o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 57014\n"
           f"{logts(t, 'iso_ms')} ERROR [scheduling-1] o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: canceling statement due to statement timeout\n"
           f"{logts(t + dt.timedelta(milliseconds=5), 'iso_ms')} ERROR [scheduling-1] c.h.claims.job.NightlyAgingJob - job failed after {R.randint(30, 300)}s, batch={uuid()}\n"
           f"org.springframework.dao.QueryTimeoutException: could not extract ResultSet; SQL [n/a]; nested exception is org.hibernate.exception.JDBCConnectionException\n"
           + fr("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 259) + "\n"
           + fr("org.springframework.orm.jpa.AbstractEntityManagerFactoryBean", "translateExceptionIfPossible", 550) + "\n"
           + fr("com.helixbridge.claims.repo.AgingRepository$$SpringCGLIB$$0", "findAgedOver") + "\n"
           + fr("com.helixbridge.claims.job.NightlyAgingJob", "run", 88) + "\n"
           + fr("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 84) + "\n"
           f"Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout\n"
           f"  Where: SQL statement \"SELECT claim_id, payer_id, billed_amt FROM claim WHERE status = 'OPEN' AND submitted_at < now() - interval '90 days'\"\n"
           + fr("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2713) + "\n"
           + fr("org.postgresql.jdbc.PgPreparedStatement", "executeQuery", 134) + "\n"
           f"\t... 23 more\n\nHikariPool-1 - jdbc:postgresql://{host}:5432/claims?ApplicationName=aging-job  active={R.randint(8, 20)} idle=0 waiting={R.randint(1, 30)}\n")
    return out


@tpl("java_stacktrace")
def js_kafka_deserialization():
    t = dtm(recent(10))
    topic = pick("adt.events.v2", "fhir.patient.changes", "claims.status", "lab.results.normalized")
    part, off = R.randint(0, 11), R.randint(10**6, 10**8)
    out = (f"{logts(t, 'iso_t')} ERROR [{topic}-consumer-{R.randint(0, 5)}] o.s.k.l.KafkaMessageListenerContainer : Error handler threw an exception\n"
           f"org.springframework.kafka.KafkaException: Seek to current after exception\n"
           + fr("org.springframework.kafka.listener.SeekUtils", "seekOrRecover", 208) + "\n"
           + fr("org.springframework.kafka.listener.DefaultErrorHandler", "handleRemaining", 151) + "\n"
           f"Caused by: org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition {topic}-{part} at offset {off}. "
           f"If needed, please seek past the record to continue consumption.\n"
           + fr("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 309) + "\n"
           + fr("org.apache.kafka.clients.consumer.internals.CompletedFetch", "fetchRecords", 263) + "\n"
           f"Caused by: org.apache.avro.AvroTypeException: Found com.helixbridge.events.PatientEvent v{R.randint(3, 6)}, expecting v{R.randint(7, 9)}, missing required field eventSource\n"
           + fr("org.apache.avro.io.ResolvingDecoder", "doAction", 309) + "\n\t... 17 more\n\n"
           f"consumer group: {pick('bedboard-sync', 'mpi-listener', 'portal-notify')}  lag: {R.randint(100, 90000)}  schema registry: http://{server_ip()}:8081  schema id {R.randint(100, 900)}\n")
    return out


@tpl("java_stacktrace")
def js_oom_batch_export():
    t = dtm(recent(10))
    pid_ = R.randint(1000, 60000)
    out = (f"{logts(t, 'plain')} INFO  ClaimsBatchExporter - exporting batch {R.randint(1, 400)} of {R.randint(400, 900)} (rows so far: {R.randint(10**6, 10**7):,})\n"
           f"{logts(t + dt.timedelta(seconds=R.randint(10, 90)), 'plain')} ERROR ClaimsBatchExporter - export aborted\n"
           f"java.lang.OutOfMemoryError: Java heap space\n"
           + fr("java.base/java.util.Arrays", "copyOf", 3537) + "\n"
           + fr("java.base/java.lang.AbstractStringBuilder", "ensureCapacityInternal", 228) + "\n"
           + fr("java.base/java.lang.StringBuilder", "append", 179) + "\n"
           + fr("com.helixbridge.export.csv.CsvWriter", "writeRow", 97) + "\n"
           + fr("com.helixbridge.export.ClaimsBatchExporter", "exportAll", 143) + "\n"
           + fr("com.helixbridge.export.ExportMain", "main", 31) + "\n"
           f"java.lang.OutOfMemoryError: Java heap space\nDumping heap to /var/dumps/java_pid{pid_}.hprof ...\n"
           f"Heap dump file created [{R.randint(3, 8)}{digits(9)} bytes in {R.randint(10, 60)}.{R.randint(100, 999)} secs]\n\n"
           f"JVM: OpenJDK 64-Bit Server VM 21.0.{R.randint(2, 5)}+{R.randint(6, 13)}-LTS, -Xmx{pick('2g', '4g', '1536m')}, host {pick('etl-prod-02', 'batch03.corp.local', 'ip-' + server_ip().replace('.', '-'))}\n"
           f"build {R.randint(1000, 5000)} ({sha(8)}) deployed {(TODAY - dt.timedelta(days=R.randint(2, 20))).isoformat()}\n")
    return out


@tpl("java_stacktrace")
def js_junit_test_patient():
    t = dtm(recent(10))
    out = (f"[ERROR] Tests run: {R.randint(20, 90)}, Failures: 1, Errors: 0, Skipped: {R.randint(0, 3)}, Time elapsed: {R.randint(1, 9)}.{R.randint(100, 999)} s <<< FAILURE! - in com.helixbridge.mpi.PatientMatcherTest\n"
           f"[ERROR] com.helixbridge.mpi.PatientMatcherTest.matchesOnSsnWhenNameDiffers  Time elapsed: 0.0{R.randint(10, 99)} s  <<< FAILURE!\n"
           f"org.opentest4j.AssertionFailedError: expected: <MATCH> but was: <POSSIBLE>\n"
           f"  candidate A: {D('ZZTEST, ALPHA', 'test_patient')} dob={D('1900-01-01', 'test_value')} ssn=123-45-6789 phone=(617) 555-0142\n"
           f"  candidate B: {D('ZZTEST, ALFA', 'test_patient')} dob={D('1900-01-01', 'test_value')} ssn=123-45-6789 phone=617-555-0142\n"
           + fr("org.junit.jupiter.api.AssertionFailureBuilder", "build", 151) + "\n"
           + fr("org.junit.jupiter.api.AssertEquals", "failNotEqual", 197) + "\n"
           + fr("org.junit.jupiter.api.Assertions", "assertEquals", 1145) + "\n"
           + fr("com.helixbridge.mpi.PatientMatcherTest", "matchesOnSsnWhenNameDiffers", R.randint(40, 200)) + "\n\n"
           f"[INFO] Results:\n[ERROR] Failures:\n[ERROR]   PatientMatcherTest.matchesOnSsnWhenNameDiffers:{R.randint(40, 200)} expected: <MATCH> but was: <POSSIBLE>\n"
           f"[INFO] BUILD FAILURE\n[INFO] Total time:  {R.randint(1, 4)}:{R.randint(10, 59)} min\n[INFO] Finished at: {t.strftime('%Y-%m-%dT%H:%M:%S')}-05:00\n")
    return out


@tpl("java_stacktrace")
def js_ldap_bad_credentials():
    t = dtm(recent(10))
    users = staff_list(2)
    dc_ = pick("cedarridge", "bayfront", "northfield", "lakeshore")
    out = ""
    for i in range(R.randint(2, 4)):
        tt = t + dt.timedelta(seconds=i * R.randint(2, 30))
        u = R.choice(users)
        out += (f"{logts(tt, 'iso_ms')} WARN  [http-nio-8443-exec-{R.randint(1, 30)}] o.s.s.l.a.BindAuthenticator - Failed to bind as "
                f"CN={SN(u.family + chr(92) + ', ' + u.given)},OU=Clinical Staff,OU=Users,DC=corp,DC={dc_},DC=org: "
                f"[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563]\n")
    out += (f"{logts(t + dt.timedelta(seconds=90), 'iso_ms')} ERROR [http-nio-8443-exec-7] c.h.portal.security.LoginAuditListener - lockout threshold reached for "
            f"user={SN(users[0].handle)} from {server_ip()} (clinic workstation {pick('FMW-RECEP-02', 'ED-TRIAGE-4', 'ONC-NS-1')})\n"
            f"org.springframework.security.authentication.BadCredentialsException: Bad credentials\n"
            + fr("org.springframework.security.ldap.authentication.BindAuthenticator", "handleBindException", 219) + "\n"
            + fr("org.springframework.security.ldap.authentication.BindAuthenticator", "authenticate", 87) + "\n"
            + fr("org.springframework.security.ldap.authentication.LdapAuthenticationProvider", "doAuthentication", 174) + "\n"
            + fr("org.springframework.security.authentication.ProviderManager", "authenticate", 182) + "\n" + tail(3) + "\n")
    return out


@tpl("java_stacktrace")
def js_jira_bug_with_trace():
    org = R.choice(ORGS)
    rep, asg = staff_list(2, org)
    style = pick("dc", "cloud", "plain")
    created = dtm(recent(6, 0))
    trace = ("java.lang.IllegalStateException: Encounter " + nz_digits(9) + " has no attending; cannot build ADT^A03\n"
             + fr("com.helixbridge.adt.builder.A03Builder", "build", 77) + "\n"
             + fr("com.helixbridge.adt.DischargeService", "discharge", 131) + "\n"
             + fr("com.helixbridge.adt.web.DischargeController", "post", 52) + "\n" + tail(4))
    out = jira_head(style, jira_key("ADT"), "Discharge fails with IllegalStateException when attending was removed", rep, asg, created,
                    labels=("discharge", "a03"), comp="ADT Outbound")
    out += (f"Steps to reproduce (TST, tenant {org.code.lower()}):\n1. Admit test patient {D('ZZTEST^BRAVO', 'test_patient')} (MRN {D('T0004411', 'test_value')})\n"
            f"2. Remove the attending from the treatment team\n3. Discharge\n\nActual: 500, trace below. Expected: A03 with PV1-7 empty or the last attending.\n\n"
            f"{block(style, trace, 'text')}\n\nSeen in PRD {R.randint(2, 9)} times since {(created - dt.timedelta(days=R.randint(2, 9))).strftime('%m/%d')} (Splunk query saved as 'a03-ise').\n")
    out += jira_comment(style, asg, created + dt.timedelta(hours=R.randint(1, 30)),
                        f"Fallback to the discharging provider from the order. PR #{R.randint(100, 999)}; needs QA on TST with {D('ZZTEST^CHARLIE', 'test_patient')}.")
    return out


# ========================================================= meeting_notes =====
def zoom_block(host_org):
    mid = f"{R.randint(810, 999)} {R.randint(1000, 9999)} {R.randint(1000, 9999)}"
    pc = str(R.randint(100000, 999999))
    return (f"Join Zoom Meeting\nhttps://{host_org.domain.split('.')[0]}.zoom.us/j/{mid.replace(' ', '')}?pwd={sha(32)}\n\n"
            f"Meeting ID: {mid}\nPasscode: {pc}\n\nOne tap mobile\n+13092053325,,{mid.replace(' ', '')}#,,,,*{pc}# US\n+13126266799,,{mid.replace(' ', '')}#,,,,*{pc}# US (Chicago)\n\n"
            f"Dial by your location\n• +1 646 931 3860 US\n• +1 301 715 8592 US (Washington DC)\n• +1 669 900 6833 US (San Jose)\n"
            f"Meeting ID: {mid}\nPasscode: {pc}\n")


def teams_block():
    cid = f"{R.randint(100, 999)} {R.randint(100, 999)} {R.randint(100, 999)}#"
    return (f"________________________________________________________________________________\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\n"
            f"Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_{sha(40)}%40thread.v2/0>\n"
            f"Meeting ID: {R.randint(200, 299)} {R.randint(100, 999)} {R.randint(100, 999)} {R.randint(100, 999)}\nPasscode: {''.join(R.choice('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6))}\n"
            f"Or call in (audio only)\n+1 {R.choice(['267', '312', '469', '872'])}-{R.randint(200, 899)}-{R.randint(1000, 9999)},,{cid.replace(' ', '')}   United States, {pick('Philadelphia', 'Chicago', 'Dallas')}\n"
            f"Phone Conference ID: {cid}\nFind a local number | Reset PIN\n________________________________________________________________________________\n")


def attendees(lst, style="comma"):
    if style == "comma":
        return ", ".join(SN(s.full()) for s in lst)
    if style == "at":
        return " ".join("@" + SN(s.full()) for s in lst)
    if style == "mention":
        return ", ".join("[~" + SN(s.handle) + "]" for s in lst)
    return "\n".join("* " + SN(s.full()) + f" ({pick('IT', 'Nursing', 'HIM', 'Rev Cycle', 'Lab', 'Vendor', 'Pharmacy')})" for s in lst)


@tpl("meeting_notes")
def mn_integration_standup_wiki():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(4, 7), org)
    d = recent(14, 0)
    out = (f"h1. Integration stand-up {d.strftime('%Y-%m-%d')}\n\n*Attendees:* {attendees(ppl, 'mention')}\n*Absent:* [~{SN(Staff(org).handle)}]\n\n"
           f"h2. Updates\n")
    ups = R.sample(['finished the A08 phone fix, deploying Thu', 'ORU backlog down to ' + str(R.randint(10, 400)) + ' messages',
                    'waiting on vendor for the SIU spec', 'cert renewal for the MLLP endpoint done', 'working ' + jira_key('INTEG'),
                    'reviewing the Rhapsody upgrade test plan', 'out Friday, handing ' + jira_key('INTEG') + ' to backup'], 4)
    for s, u in zip(ppl[:4], ups):
        out += f"* [~{SN(s.handle)}]: {u}\n"
    out += (f"\nh2. Blockers\n* VPN tunnel to the lab vendor ({server_ip()}) drops every night at 02:00 - ticket {jira_key('NET')} with network team\n"
            f"* TST refresh scheduled {(d + dt.timedelta(days=R.randint(2, 9))).strftime('%m/%d')}; freeze on TST config until then\n\n"
            f"h2. Action items\n")
    acts = R.sample(['update the runbook', 'open CAB for Thursday', 'ping vendor about ACK timeouts', 'review PR #' + str(R.randint(100, 900))], 3)
    for s in R.sample(ppl, 3):
        out += f"* [ ] [~{SN(s.handle)}] {acts.pop()} by {(d + dt.timedelta(days=R.randint(1, 7))).strftime('%b %d')}\n"
    return out


@tpl("meeting_notes")
def mn_zoom_invite_workgroup():
    org = R.choice(ORGS)
    host, *ppl = staff_list(R.randint(4, 6), org)
    d = weekday_after(1, 20)
    out = (f"{SN(host.full())} is inviting you to a scheduled Zoom meeting.\n\nTopic: {pick('Sepsis BPA workgroup', 'Discharge Before Noon huddle', 'Prior auth automation - vendor demo', 'MyChart proxy access policy review')}\n"
           f"Time: {d.strftime('%b %d, %Y')} {pick('07:30 AM', '12:00 PM', '03:30 PM')} Eastern Time (US and Canada)\n"
           f"        Every 2 weeks on {d.strftime('%a')}, until {(d + dt.timedelta(days=84)).strftime('%b %d, %Y')}, 6 occurrence(s)\n\n"
           + zoom_block(org) +
           f"\nAgenda\n1. Review of last period's alert data (aggregate only, {R.randint(200, 3000)} firings, {R.randint(5, 40)}% accepted)\n"
           f"2. Proposed threshold change\n3. Go-live comms\n\nOptional: {attendees(ppl)}\n")
    return out


@tpl("meeting_notes")
def mn_teams_invite_vendor():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(3, 5), org)
    ven = Staff()
    ven.email = f"{fold(ven.given).lower().split()[0]}.{re.sub('[^a-z]', '', fold(ven.family).lower())}@{pick('nuvacare.com', 'medibridge.net', 'claimsline.io')}"
    d = weekday_after(1, 14)
    out = (f"Subject: {pick('Interface kickoff - eligibility 270/271', 'Weekly status - lab instrument middleware', 'Escalation call - ACK timeouts')}\n"
           f"When: {d.strftime('%A, %B %d, %Y')} {pick('10:00 AM-11:00 AM', '1:00 PM-1:30 PM', '2:30 PM-3:30 PM')} (UTC-05:00) Eastern Time (US & Canada)\n"
           f"Where: Microsoft Teams Meeting\nOrganizer: {SN(ppl[0].full())}\nRequired: {'; '.join(SN(s.full()) for s in ppl[1:])}; {SN(ven.full())} <{SC(ven.email)}>\n\n"
           f"Hi all - {pick('kicking off the build.', 'weekly check-in.', 'setting up time to go over the timeouts.')} "
           f"{SN(ven.given)}, please bring the connection spec and your test endpoint details. Our side: TST engine {server_ip()} port {R.randint(6000, 7999)}.\n\n"
           + teams_block() +
           f"\nIf you need me before then my cell is {SC(ppl[0].cell)}.\n")
    return out


@tpl("meeting_notes")
def mn_steering_committee_md():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(5, 8), org)
    d = recent(20, 0)
    out = (f"# EHR Optimization Steering Committee — {d.strftime('%B %d, %Y')}\n\n**Chair:** {SN(ppl[0].dr())}  \n**Present:** {attendees(ppl[1:])}  \n"
           f"**Scribe:** {SN(ppl[-1].full())}\n\n## Decisions\n"
           f"- Approved the {pick('inpatient', 'ambulatory')} order set cleanup (removes {R.randint(40, 300)} unused order sets) — go-live {(d + dt.timedelta(days=R.randint(20, 60))).strftime('%m/%d/%Y')}\n"
           f"- Deferred the Best Practice Advisory for {COND('AAA screening')} pending data on alert fatigue\n"
           f"- Budget: ${R.randint(40, 400)}k for the upgrade testing contractors (Q1)\n\n## Metrics\n"
           f"| Metric | Last month | This month |\n|---|---|---|\n| Clicks per med order | {R.randint(8, 14)} | {R.randint(6, 12)} |\n"
           f"| In-basket messages per provider per day | {R.randint(70, 140)} | {R.randint(60, 130)} |\n| BPA acceptance | {R.randint(5, 20)}% | {R.randint(8, 25)}% |\n\n"
           f"## Next meeting\n{(d + dt.timedelta(days=28)).strftime('%B %d')}, {pick('Board Room B', 'Conf Rm 4102', 'Teams')}\n")
    return out


@tpl("meeting_notes")
def mn_incident_postmortem():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(4, 6), org)
    d = recent(20, 2)
    t = dtm(d, dt.time(R.randint(0, 5), R.randint(0, 59)))
    n = R.randint(800, 14000)
    out = (f"Post-incident review: ADT outbound queue backlog ({d.strftime('%m/%d/%Y')})\n\nFacilitator: {SN(ppl[0].full())}\nAttendees: {attendees(ppl[1:])}\n"
           f"Severity: SEV-{R.randint(2, 3)}   Duration: {R.randint(1, 5)}h {R.randint(0, 59)}m   Messages delayed: {n:,}   PHI exposure: none\n\nTimeline (ET)\n"
           f"{t.strftime('%H:%M')}  Disk on engine node eng-{R.randint(1, 4)} ({server_ip()}) hits 95%, archiver stalls\n"
           f"{(t + dt.timedelta(minutes=R.randint(5, 30))).strftime('%H:%M')}  Queue depth alert fires (threshold 500), paged {SN(ppl[1].full())}\n"
           f"{(t + dt.timedelta(minutes=R.randint(31, 80))).strftime('%H:%M')}  Archive moved to NFS, queue starts draining\n"
           f"{(t + dt.timedelta(minutes=R.randint(81, 200))).strftime('%H:%M')}  Backlog cleared, bed board caught up\n\n"
           f"Root cause: log rotation for the debug logger was disabled during {jira_key('INTEG')} troubleshooting and never re-enabled.\n\n"
           f"What went well: alerting worked; no messages lost (sequence numbers verified).\nAction items:\n"
           f"  1. Re-enable rotation + add disk alert at 80% - {SN(ppl[2].full())}\n  2. Runbook for archive relocation - {SN(ppl[-1].full())}\n")
    return out


@tpl("meeting_notes")
def mn_sprint_retro():
    ppl = staff_list(R.randint(4, 7))
    d = recent(20, 0)
    sprint = R.randint(40, 120)
    out = (f"Sprint {sprint} Retro ({d.strftime('%b %d')})\nTeam: Patient Access Squad\nPresent: {attendees(ppl, 'at')}\n\n"
           f"What went well\n- Shipped the portal password reset flow ({jira_key('PORTAL')}) 2 days early\n- Pairing on the FHIR subscription work\n"
           f"- {SN(ppl[0].given)}'s test data generator means no more copying from stage :tada:\n\nWhat didn't\n- UAT env down {R.randint(2, 4)} days (cert expired {(d - dt.timedelta(days=R.randint(3, 12))).strftime('%m/%d')})\n"
           f"- Too many carry-over stories ({R.randint(3, 9)})\n\nActions\n- {SN(ppl[1].full())} to add cert expiry to monitoring\n- Cap WIP at 3 per dev\n\n"
           f"Velocity: {R.randint(20, 50)} pts (avg {R.randint(25, 45)})\n")
    return out


@tpl("meeting_notes")
def mn_vendor_call_notes():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(2, 4), org)
    ven = staff_list(2)
    d = recent(15, 0)
    vname = pick("NuvaCare", "MediBridge", "ClaimsLine", "Labworks Middleware")
    out = (f"{vname} call — {d.strftime('%m/%d/%y')}\n\nUs: {attendees(ppl)}\n{vname}: {SN(ven[0].full())} (account mgr, {SC(ven[0].cell)}), {SN(ven[1].full())} (engineer)\n\n"
           f"- They confirmed the timeouts are on their side: load balancer idle timeout 60s vs our keepalive 90s.\n"
           f"- Fix in their release {R.randint(5, 9)}.{R.randint(0, 9)}.{R.randint(0, 20)}, ETA {(d + dt.timedelta(days=R.randint(7, 30))).strftime('%B %d')}.\n"
           f"- Our customer number with them: {R.randint(100000, 999999)}; support line 1-800-{R.randint(200, 899)}-{R.randint(1000, 9999)}, option 3.\n"
           f"- Asked for their SOC 2 Type II report and the BAA amendment — {SN(ven[0].given)} will send.\n"
           f"- Next call same time in 2 weeks. Bridge: 1-888-{R.randint(200, 899)}-{R.randint(1000, 9999)}, access code {R.randint(1000000, 9999999)}#\n")
    return out


@tpl("meeting_notes")
def mn_quality_committee_aggregate():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(5, 7), org)
    d = recent(25, 0)
    out = (f"Quality & Patient Safety Committee — Minutes\n{org.name}, {d.strftime('%B %d, %Y')}, {pick('7:00-8:00 AM', '12:00-1:00 PM')}\n\n"
           f"Present: {attendees(ppl)}\nGuests: none\n\n1. Falls\n   - Inpatient falls with injury: {R.randint(1, 9)} this quarter (rate {round(R.uniform(0.2, 1.4), 2)}/1,000 patient days).\n"
           f"   - {R.randint(30, 60)}% of falls were in patients aged 90 and older; committee agreed to pilot bed alarms for all patients 85+ on 4 West.\n"
           f"2. {COND('CAUTI')} / {COND('CLABSI')}: {R.randint(0, 3)} / {R.randint(0, 2)} events; SIR below national benchmark.\n"
           f"3. Readmissions: 30-day all-cause {round(R.uniform(11, 17), 1)}%; {COND('heart failure')} cohort {round(R.uniform(17, 25), 1)}% (n={R.randint(80, 300)}).\n"
           f"4. Sepsis bundle compliance (SEP-1): {R.randint(55, 80)}%.\n\nNext meeting: {(d + dt.timedelta(days=30)).strftime('%B %d')}. Minutes by {SN(ppl[-1].full())}.\n"
           f"CONFIDENTIAL — peer review privileged under state law.\n")
    return out


@tpl("meeting_notes")
def mn_go_live_cutover_call():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(5, 7), org)
    d = TODAY + dt.timedelta(days=R.randint(3, 30))
    bridge = f"1-{pick('877', '888', '866')}-{R.randint(200, 899)}-{R.randint(1000, 9999)}"
    out = (f"h2. Cutover command center — {pick('Lab system upgrade', 'Interface engine migration', 'Pharmacy module go-live')}\n\n"
           f"*Go-live:* {d.strftime('%A %m/%d/%Y')} 01:00–05:00\n*Bridge:* {bridge}, participant code {R.randint(100000, 999999)}, host PIN withheld\n"
           f"*Command center:* {FAC(R.choice(org.facilities))}, room {R.randint(100, 400)}{pick('A', 'B', '')}\n\n"
           f"||Time||Step||Owner||Contact||\n")
    steps = ["Go/no-go call", "Stop inbound feeds", "Snapshot DB", f"Deploy build {R.randint(100, 999)}", "Smoke test with ZZTEST patients",
             "Resume feeds", "Validate queue depth"]
    for i, st_ in enumerate(steps):
        s = ppl[i % len(ppl)]
        out += (f"|{(dt.datetime.combine(d, dt.time(1, 0)) + dt.timedelta(minutes=25 * i)).strftime('%H:%M')}|{st_}|"
                f"{SN(s.full())}|{SC(s.cell)}|\n")
    out += f"\nRollback decision by 04:15. Downtime procedures in effect for {FAC(R.choice(org.facilities))} (paper requisitions).\n"
    return out


# ====================================================== oncall_directory =====
def week_starts(n):
    d0 = TODAY - dt.timedelta(days=TODAY.weekday()) + dt.timedelta(days=7 * R.randint(0, 3))
    return [d0 + dt.timedelta(days=7 * i) for i in range(n)]


@tpl("oncall_directory")
def oc_integration_rota_wiki():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(5, 7), org)
    out = (f"h1. Integration on-call rotation\n{{info}}Primary answers within 15 min. Page via the operator at {SC(org.main_phone)} or the paging app. "
           f"Don't text patient details, use the ticket number.{{info}}\n\n||Week of||Primary||Cell||Secondary||Cell||\n")
    for w in week_starts(R.randint(5, 7)):
        a, b = R.sample(ppl, 2)
        out += f"|{w.strftime('%m/%d/%Y')}|{SN(a.full())}|{SC(a.cell)}|{SN(b.full())}|{SC(b.cell)}|\n"
    out += f"\nEscalation: {SN(ppl[0].full())} (manager) {SC(ppl[0].work)}, then the IT director.\n"
    return out


@tpl("oncall_directory")
def oc_hospitalist_md_table():
    org = R.choice(ORGS)
    ppl = staff_list(12, org, role="MD")
    out = (f"## Hospitalist & consult pagers — {FAC(org.facilities[0])}\n_Last verified {recent(20, 1).strftime('%b %d, %Y')} by the medical staff office_\n\n"
           f"| Service | Day (07–19) | Pager | Night (19–07) | Pager |\n|---|---|---|---|---|\n")
    for k, svc in enumerate(R.sample(["Hospitalist A", "Hospitalist B", "Cardiology", "GI", "Nephrology", "Neurology", "ID", "Palliative", "Surgery"], R.randint(4, 6))):
        a, b = ppl[2 * k], ppl[2 * k + 1]
        out += f"| {svc} | {SN(a.dr())} | {SC(a.pager)} | {SN(b.dr())} | {SC(b.pager)} |\n"
    out += f"\nOperator: {SC(org.main_phone)} · Rapid response: dial {SC('5-5555')} internal · Transfer center {SC('(' + org.main_phone[1:4] + ') ' + str(R.randint(210, 980)) + '-' + str(R.randint(1000, 9999)))}\n"
    return out


@tpl("oncall_directory")
def oc_pagerduty_export():
    ppl = staff_list(R.randint(3, 5), R.choice(ORGS))
    ws = week_starts(1)[0]
    out = f"Schedule: {pick('Interfaces - Primary', 'Revenue Cycle Apps', 'Patient Portal SRE')} (P{''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(6))})\nTime zone: America/New_York\n\nStart\tEnd\tUser\tEmail\tPhone\n"
    t = dt.datetime.combine(ws, dt.time(9, 0))
    for i in range(R.randint(5, 8)):
        s = ppl[i % len(ppl)]
        e = t + dt.timedelta(days=pick(7, 7, 7, 3, 4))
        out += f"{t.strftime('%Y-%m-%dT%H:%M:%S-05:00')}\t{e.strftime('%Y-%m-%dT%H:%M:%S-05:00')}\t{SN(s.full())}\t{SC(s.email)}\t{SC(s.cell)}\n"
        t = e
    out += f"\nEscalation policy: {pick('Interfaces EP', 'RevCycle EP')} — L1 primary (15 min) → L2 {SN(ppl[0].full())} (30 min) → L3 team lead\n"
    return out


@tpl("oncall_directory")
def oc_amion_paste():
    org = R.choice(ORGS)
    ppl = staff_list(9, org, role="MD")
    d = recent(2, 0) + dt.timedelta(days=R.randint(0, 3))
    out = f"{org.name} - Who's on - {d.strftime('%a %m/%d/%y')}\n\n"
    for role in R.sample(["Hosp Day 1", "Hosp Day 2", "Hosp Nocturnist", "Cards fellow", "ICU attending", "Anesthesia in-house", "OB hospitalist",
                          "Peds on call", "GI call", "Ortho call", "Psych CL"], R.randint(5, 8)):
        s = ppl.pop()
        out += f"{role:<22}{lj(SN(s.family + ', ' + s.given[0]), 22)}{pick('0700-1900', '1900-0700', '24h', '0800-1700')}   pgr {SC(s.pager)}  cell {SC(s.cell)}\n"
    out += f"\n* = backup call. Printed {dtm(d).strftime('%m/%d/%Y %I:%M %p')}\n"
    return out


@tpl("oncall_directory")
def oc_yaml_rotation_file():
    ppl = staff_list(R.randint(3, 5), R.choice(ORGS))
    ws = week_starts(1)[0]
    rname = pick('interfaces-primary', 'fhir-platform', 'claims-edi')
    out = f"# oncall/rotations/{rname}.yaml\n# generated by rota-bot; edit the source sheet, not this file\nrotation:\n  name: {rname}\n  start: {ws.isoformat()}\n  handoff: \"09:00 America/Chicago\"\n  members:\n"
    for s in ppl:
        out += f"    - name: {SN(s.full())}\n      email: {SC(s.email)}\n      phone: \"{SC(s.cell)}\"\n      slack: \"@{SN(s.handle)}\"\n"
    out += f"  overrides:\n    - date: {(ws + dt.timedelta(days=R.randint(7, 40))).isoformat()}\n      member: {SN(ppl[-1].full())}\n      reason: holiday swap\n"
    return out


@tpl("oncall_directory")
def oc_escalation_policy_page():
    org = R.choice(ORGS)
    ppl = staff_list(4, org)
    out = (f"Clinical Applications — Escalation Policy\nOwner: {SN(ppl[0].full())}   Reviewed: {recent(60, 5).strftime('%m/%d/%Y')}\n\n"
           f"Severity 1 (EHR down, multiple sites): call the Service Desk {SC(org.main_phone[:-4] + str(R.randint(1000, 9999)))} option 1, then page the on-call analyst.\n"
           f"Severity 2 (single department): open a ticket, priority 2; on-call responds within 30 min.\n\n"
           f"Contacts\n")
    for s, role in zip(ppl, ["Director, Clinical Applications", "Manager, Inpatient Apps", "Manager, Ambulatory Apps", "Interface Lead"]):
        out += f"  {SN(s.full())} — {role} — desk {SC('x' + s.ext)}, cell {SC(s.cell)}, {SC(s.email)}\n"
    out += (f"\nSites\n  {FAC(org.facilities[0])}, {R.randint(100, 9999)} {pick('Hospital Dr', 'Medical Center Blvd', 'Campus Way')}, {org.city}, {ST(org.state)} — main {SC(org.main_phone)}\n"
            f"  {FAC(org.facilities[1])} — data closet B-114, UPS serial on the asset sheet\n")
    return out


@tpl("oncall_directory")
def oc_vocera_unit_phones():
    org = R.choice(ORGS)
    unit = pick("4 West", "5 East Tele", "MICU", "L&D", "ED")
    out = f"{unit} — unit phones & Vocera ({FAC(hosp(org))})\n\nRole\tVocera name\tWireless ext\n"
    for role in ["Charge RN", "Resource RN", "Unit clerk", "Pharmacist", "Case manager", "Rapid response RN", "Respiratory"]:
        out += f"{role}\t\"{unit} {role}\"\t{SC(str(R.randint(40000, 49999)))}\n"
    ppl = staff_list(3, org)
    out += (f"\nNurse manager: {SN(ppl[0].full())} {SC('x' + ppl[0].ext)}  Educator: {SN(ppl[1].full())} {SC('x' + ppl[1].ext)}\n"
            f"Unit fax: {SC(org.main_phone[:-4] + str(R.randint(1000, 9999)))}   Pyxis support: {SC('x' + str(R.randint(2000, 7999)))}\n"
            f"Bed board / EVS: {SC('x' + str(R.randint(2000, 7999)))}\n")
    return out


@tpl("oncall_directory")
def oc_vendor_support_contacts():
    ppl = staff_list(R.randint(3, 5))
    out = "| Vendor | Product | Support line | Our customer # | Contact | Notes |\n|---|---|---|---|---|---|\n"
    vends = [("Helixbridge", "Interface engine"), ("NuvaCare", "Eligibility 270/271"), ("Labworks", "Lab middleware"),
             ("ClaimsLine", "Clearinghouse"), ("PatientRemind", "Reminders"), ("ScanRight", "Document imaging")]
    for (v, prod), s in zip(R.sample(vends, len(ppl)), ppl):
        out += (f"| {v} | {prod} | 1-{pick('800', '877', '888')}-{R.randint(200, 899)}-{R.randint(1000, 9999)} | {R.randint(10000, 999999)} | "
                f"{SN(s.full())}, {SC(s.cell)} | {pick('24x7 for Sev 1', 'business hours only', 'portal first', 'TAM assigned')} |\n")
    return ("# Third-party support contacts\n\nUse these for outages only; everything else goes through procurement.\n\n" + out +
            f"\nContract renewals tracked in {jira_key('VEND')}.\n")


@tpl("oncall_directory")
def oc_holiday_coverage():
    org = R.choice(ORGS)
    ppl = staff_list(R.randint(5, 7), org)
    days = [dt.date(2026, 12, 24), dt.date(2026, 12, 25), dt.date(2026, 12, 26), dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    out = f"Holiday coverage — {pick('Revenue Cycle IT', 'Clinical Apps', 'Interfaces')} (Dec 2026 / Jan 2027)\n\n"
    for d in days:
        a, b = R.sample(ppl, 2)
        out += f"{d.strftime('%a %b %d')}: {SN(a.full())} (primary, {SC(a.cell)}) / {SN(b.full())} (backup, {SC('x' + b.ext)})\n"
    out += (f"\nIf nobody answers within 20 min, call {SN(ppl[0].full())} at home ({SC(ppl[0].cell)}).\n"
            f"Change freeze {dt.date(2026, 12, 19).strftime('%m/%d')}–{dt.date(2027, 1, 4).strftime('%m/%d')} except emergency CAB.\n")
    return out


# ========================================================= release_notes =====
def ver():
    return f"{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 12)}"


@tpl("release_notes")
def rn_interface_engine_md():
    v = ver()
    d = recent(30, 0)
    out = (f"# Helixbridge Interface Engine {v}\n_Released {d.strftime('%B %d, %Y')}_\n\n## New\n"
           f"- HL7 v2.8 support for ADT and ORU message structures\n- MLLP listener: configurable ACK timeout (default {pick(30, 60)} s)\n"
           f"- Message browser masks PID-5, PID-7, PID-11, PID-13 and PID-19 for users without the `phi.view` role\n\n## Fixed\n")
    for _ in range(R.randint(3, 5)):
        fix = pick('XTN repetitions dropped after the first ~ in PID-13', 'OBX-5 with escaped \\T\\ not unescaped', 'A40 with empty MRG-3 rejected',
                   'Memory leak in the SFTP poller', 'Timezone offset lost in TS fields')
        out += f"- {jira_key('HBX')}: {fix}\n"
    out += (f"\n## Upgrade notes\n- Requires Java 21. Tested on RHEL 9.{R.randint(2, 5)} and Windows Server 2022.\n"
            f"- Checksum (sha256): `{sha(64)}`\n- Build {R.randint(2000, 9000)}, commit {sha(10)}\n")
    return out


@tpl("release_notes")
def rn_ehr_upgrade_wiki():
    org = R.choice(ORGS)
    ppl = staff_list(3, org)
    d = TODAY + dt.timedelta(days=R.randint(3, 40))
    out = (f"h1. EHR quarterly upgrade — what's changing ({d.strftime('%b %d')})\n\n{{panel:title=Downtime}}\n"
           f"Read-only from {d.strftime('%m/%d/%Y')} 01:00 to 04:30. Use downtime reports (BCA PCs) for MAR and census.\n{{panel}}\n\n"
           f"h2. Nursing\n* Flowsheet rows for {COND('sepsis')} screening merged into one group\n* Wound LDA now requires a photo (optional field becomes required)\n"
           f"h2. Providers\n* Discharge navigator: new follow-up section\n* Medication reconciliation highlights duplicate {MED('anticoagulants')}\n"
           f"h2. Rev cycle\n* Claim edit for modifier 25 updated per payer policy\n\n"
           f"Questions: {SN(ppl[0].full())} ({SC('x' + ppl[0].ext)}) or the tip sheet. Training owner: {SN(ppl[1].full())}.\n")
    return out


@tpl("release_notes")
def rn_fhir_api_changelog():
    vs = sorted([ver() for _ in range(3)], key=lambda s: [int(x) for x in s.split(".")], reverse=True)
    d = recent(40, 0)
    out = "# Changelog\nAll notable changes to the Patient Access FHIR API are documented here. Format: Keep a Changelog; SemVer.\n\n"
    for i, v in enumerate(vs):
        out += (f"## [{v}] - {(d - dt.timedelta(days=21 * i)).isoformat()}\n### Added\n- `Patient/$match` returns `search.score` (0-1)\n"
                f"### Changed\n- `GET /Patient?birthdate=` now requires `family` or `identifier` (privacy review {jira_key('SEC')})\n"
                f"### Fixed\n- `Coverage.subscriberId` was returned unmasked to the `patient/*.read` scope\n- 500 on `_include=Encounter:participant` ({jira_key('FHIR')})\n\n")
    out += f"[{vs[0]}]: https://git.helixbridge.io/platform/fhir-api/compare/v{vs[1]}...v{vs[0]}\n"
    return out


@tpl("release_notes")
def rn_mobile_app_store():
    v = ver()
    b = R.randint(1000, 9999)
    out = (f"What's New — version {v} (build {b})\n\n• Check in for your appointment from the lock-screen reminder\n• Pay a bill with Apple Pay / Google Pay\n"
           f"• Larger text option for lab results\n• Fixed: app signed you out when switching between family members' accounts\n"
           f"• Fixed: crash on Android 15 when opening a PDF letter\n\nMinimum OS: iOS 16 / Android 10. Rollout: {R.randint(10, 50)}% → 100% over 7 days.\n"
           f"Internal: TestFlight build {b}, Play Console release {R.randint(100, 999)}, QA sign-off {recent(10, 1).strftime('%m/%d')}.\n")
    return out


@tpl("release_notes")
def rn_hotfix_email():
    org = R.choice(ORGS)
    ppl = staff_list(2, org)
    v = ver()
    t = dtm(recent(10, 0), dt.time(R.randint(20, 23), R.randint(0, 59)))
    out = (f"From: {SN(ppl[0].full())} <{SC(ppl[0].email)}>\nSent: {t.strftime('%A, %B %d, %Y %I:%M %p')}\nTo: IT-ChangeAdvisory; Clinical-Apps-All\n"
           f"Subject: [Hotfix] Lab interface {v} deployed to PRD\n\nAll,\n\nHotfix {v} was deployed to production tonight at {t.strftime('%H:%M')} (CHG{nz_digits(7)}). "
           f"It corrects the reference-range flag for {pick('potassium', 'troponin', 'TSH')} results that showed 'H' on normal values since build {R.randint(100, 999)}.\n\n"
           f"Impact: {R.randint(20, 400)} results re-sent with corrected flags; no values changed. Smoke tested with ZZTEST patients on TST and PRD.\n"
           f"Rollback: not needed. Servers: {server_ip()}, {server_ip()}.\n\nThanks,\n{SN(ppl[0].full())}\nIntegration Services | {SC(ppl[0].work)}\n")
    return out


@tpl("release_notes")
def rn_validator_library():
    v = ver()
    d = recent(30, 0)
    out = (f"## phi-validators {v} ({d.isoformat()})\n\n"
           f"- `ssn.is_valid()` rejects area 666 and 900–999, group 00 and serial 0000; documented example `123-45-6789` is now flagged `is_example=True`\n"
           f"- `mbi.parse()` accepts dashes (`1EG4-TE5-MK73`) and lower case\n- `npi.check_digit()` uses the 80840 prefix (test value `1234567893` passes)\n"
           f"- `phone.normalize()` keeps fictional 555-0100 through 555-0199 as `is_fictional=True`\n- Dropped Python 3.9\n\n"
           f"Contributors: {', '.join(SN(s.handle) for s in staff_list(R.randint(2, 4)))}\n")
    return out


@tpl("release_notes")
def rn_data_warehouse_release():
    d = recent(20, 0)
    out = (f"EDW Release {d.strftime('%Y.%m')}.{R.randint(1, 3)} — {d.strftime('%m/%d/%Y')}\n\nNew tables\n  FACT_ENCOUNTER_DAILY ({R.randint(10, 90)}M rows backfilled to 2019-01-01)\n"
           f"  DIM_PAYER_PLAN (SCD2)\n\nChanged\n  FACT_CLAIM.paid_amt now net of recoupments\n  PATIENT_DIM.birth_date masked to year for the analyst role; age >= 90 bucketed as '90+'\n\n"
           f"Row counts after load\n  encounters  {R.randint(10**6, 10**7):>12,}\n  claims      {R.randint(10**7, 10**8):>12,}\n  members     {R.randint(10**5, 10**6):>12,}\n\n"
           f"Known issue: {jira_key('EDW')} — duplicate rows for encounters that span midnight on DST change (2026-11-01).\n")
    return out


@tpl("release_notes")
def rn_security_bulletin():
    d = recent(20, 0)
    cves = [f"CVE-2026-{R.randint(10000, 49999)}" for _ in range(R.randint(2, 4))]
    out = (f"Security Bulletin HBX-SB-{d.year}-{R.randint(10, 99)}  ({d.strftime('%d %b %Y')})\n\nSummary: patched versions of the interface engine and portal API are available.\n\n"
           f"Affected: Interface Engine < {ver()}, Portal API < {ver()}\n\n")
    for c in cves:
        out += f"  {c}  CVSS {round(R.uniform(5.0, 9.8), 1)}  {pick('XXE in CDA import', 'Path traversal in SFTP poller', 'SSRF via FHIR $import URL', 'Log4j-style lookup in message browser search')}\n"
    out += (f"\nIndicators: requests from {R.randint(23, 200)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)} and "
            f"{R.randint(23, 200)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)} to /api/admin/export were observed at one customer; no data was accessed.\n"
            f"Action: upgrade within 14 days; interim WAF rule id {R.randint(900000, 999999)}.\nContact: {SC('security@helixbridge.io')} (PGP {sha(16).upper()})\n")
    return out


@tpl("release_notes")
def rn_patient_portal_release():
    v = ver()
    d = recent(20, 0)
    out = (f"Patient Portal {v} — release notes ({d.strftime('%B %d, %Y')})\n\nFeatures\n"
           f"1. Proxy access for adult children (requires signed form). Links look like https://portal.example.org/proxy/accept?token={{token}}\n"
           f"2. Appointment self-scheduling for {pick('primary care', 'dermatology', 'physical therapy')}\n"
           f"3. Messages: attachments up to 20 MB\n\nFixes\n- Date of birth field accepted 02/30 (now validated)\n- Password reset emails delayed during peak hours\n\n"
           f"Screenshots use the demo patient {D('Jane Sample', 'test_patient')} (MRN {D('DEMO0001', 'test_value')}), phone 617-555-0199 is fictional.\n")
    return out


# ======================================================== validator_diff =====
def vd_wrap(title, old, new, path, au, rv=None):
    style = pick("bitbucket", "github", "git")
    out = pr_header(style, R.randint(100, 2000), title, au, [rv] if rv else [au], f"feature/{jira_key('SEC').lower()}-validators")
    out += udiff(old, new, path) + "\n"
    return out


@tpl("validator_diff")
def vd_ssn_java():
    au, rv = staff_list(2)
    old = ["public final class SsnValidator {", "    private static final Pattern SSN = Pattern.compile(\"^\\\\d{3}-?\\\\d{2}-?\\\\d{4}$\");", "",
           "    public static boolean isValid(String s) {", "        return s != null && SSN.matcher(s).matches();", "    }", "}"]
    new = ["public final class SsnValidator {", "    private static final Pattern SSN = Pattern.compile(\"^(\\\\d{3})-?(\\\\d{2})-?(\\\\d{4})$\");", "",
           "    public static boolean isValid(String s) {", "        if (s == null) return false;", "        Matcher m = SSN.matcher(s.trim());",
           "        if (!m.matches()) return false;", "        int area = Integer.parseInt(m.group(1));",
           "        if (area == 0 || area == 666 || area >= 900) return false;   // never issued",
           "        if (m.group(2).equals(\"00\") || m.group(3).equals(\"0000\")) return false;", "        return true;", "    }", "",
           "    /** SSA's documented example number, valid in shape but never issued to a person. */",
           "    public static boolean isDocumentedExample(String s) {", "        return \"123456789\".equals(s.replace(\"-\", \"\"));", "    }", "}"]
    out = vd_wrap("SSN validator: reject never-issued areas", old, new, "src/main/java/com/helixbridge/phi/SsnValidator.java", au, rv)
    told = ["    @ParameterizedTest", "    @ValueSource(strings = {\"123-45-6789\", \"123456789\"})", "    void accepts(String s) { assertTrue(SsnValidator.isValid(s)); }"]
    tnew = told + ["", "    @ParameterizedTest", "    @ValueSource(strings = {\"000-12-3456\", \"666-12-3456\", \"900-12-3456\", \"123-00-4567\", \"123-45-0000\", \"12-345-6789\"})",
                   "    void rejects(String s) { assertFalse(SsnValidator.isValid(s)); }"]
    out += "\n" + udiff(told, tnew, "src/test/java/com/helixbridge/phi/SsnValidatorTest.java") + "\n"
    return out


@tpl("validator_diff")
def vd_phone_python():
    au, rv = staff_list(2)
    old = ["def normalize_us_phone(raw: str) -> str:", "    digits = re.sub(r\"\\D\", \"\", raw)", "    return digits[-10:]"]
    new = ["def normalize_us_phone(raw: str) -> str | None:", "    digits = re.sub(r\"\\D\", \"\", raw)", "    if len(digits) == 11 and digits[0] == \"1\":",
           "        digits = digits[1:]", "    if len(digits) != 10 or digits[0] in \"01\" or digits[3] in \"01\":", "        return None  # NANP: area and exchange start 2-9",
           "    return digits", "", "", "def is_fictional(d: str) -> bool:", "    \"\"\"555-0100 .. 555-0199 are reserved for fiction (NANPA).\"\"\"",
           "    return d[3:6] == \"555\" and 100 <= int(d[6:]) <= 199"]
    tnew = ["@pytest.mark.parametrize(\"raw,expected\", [", "    (\"(617) 555-0134\", \"6175550134\"),", "    (\"+1 212 555 0100\", \"2125550100\"),",
            "    (\"1-800-555-0199\", \"8005550199\"),", "    (\"123-456-7890\", None),", "    (\"555-0123\", None),", "])",
            "def test_normalize(raw, expected):", "    assert normalize_us_phone(raw) == expected"]
    out = vd_wrap("phone: validate NANP shape, flag fictional numbers", old, new, "phi/validators/phone.py", au, rv)
    out += "\n" + udiff([], tnew, "tests/test_phone.py") + "\n"
    return out


@tpl("validator_diff")
def vd_npi_typescript():
    au, rv = staff_list(2)
    old = ["export function isNpi(v: string): boolean {", "  return /^\\d{10}$/.test(v);", "}"]
    new = ["export function isNpi(v: string): boolean {", "  if (!/^\\d{10}$/.test(v)) return false;", "  // Luhn over '80840' + first 9 digits (CMS NPI check digit)",
           "  const s = '80840' + v.slice(0, 9);", "  let sum = 0;", "  for (let i = 0; i < s.length; i++) {", "    let d = Number(s[s.length - 1 - i]);",
           "    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }", "    sum += d;", "  }", "  return (10 - (sum % 10)) % 10 === Number(v[9]);", "}"]
    tests = ["describe('isNpi', () => {", "  it('accepts the CMS documented example', () => expect(isNpi('1234567893')).toBe(true));",
             "  it('rejects a bad check digit', () => expect(isNpi('1234567890')).toBe(false));",
             "  it('rejects 9 digits', () => expect(isNpi('123456789')).toBe(false));", "});"]
    out = vd_wrap("npi: real check digit", old, new, "packages/validators/src/npi.ts", au, rv)
    out += "\n" + udiff([], tests, "packages/validators/src/npi.test.ts") + "\n"
    return out


@tpl("validator_diff")
def vd_mbi_kotlin():
    au, rv = staff_list(2)
    old = ["object Mbi {", "    private val RE = Regex(\"^[1-9][A-Z][A-Z0-9][0-9][A-Z][A-Z0-9][0-9][A-Z]{2}[0-9]{2}$\")",
           "    fun isValid(s: String) = RE.matches(s.replace(\"-\", \"\"))", "}"]
    new = ["object Mbi {", "    // CMS: letters exclude S, L, O, I, B, Z", "    private const val A = \"[AC-HJKMNP-RT-Y]\"",
           "    private const val AN = \"[AC-HJKMNP-RT-Y0-9]\"", "    private val RE = Regex(\"^[1-9]$A$AN[0-9]$A$AN[0-9]$A$A[0-9]{2}$\")",
           "    fun isValid(s: String) = RE.matches(s.uppercase().replace(\"-\", \"\"))", "}"]
    tests = ["class MbiTest {", "    @Test fun documentedExample() = assertTrue(Mbi.isValid(\"1EG4-TE5-MK73\"))",
             "    @Test fun lowerCase() = assertTrue(Mbi.isValid(\"1eg4te5mk73\"))",
             "    @Test fun excludedLetterS() = assertFalse(Mbi.isValid(\"1SG4-TE5-MK73\"))",
             "    @Test fun leadingZero() = assertFalse(Mbi.isValid(\"0EG4-TE5-MK73\"))", "}"]
    out = vd_wrap("MBI: exclude S/L/O/I/B/Z per CMS spec", old, new, "core/src/main/kotlin/phi/Mbi.kt", au, rv)
    out += "\n" + udiff([], tests, "core/src/test/kotlin/phi/MbiTest.kt") + "\n"
    return out


@tpl("validator_diff")
def vd_dob_check_constraint_sql():
    au, rv = staff_list(2)
    old = ["ALTER TABLE patient", "  ADD CONSTRAINT patient_birth_date_chk CHECK (birth_date IS NOT NULL);"]
    new = ["-- 1900-01-01 is the registration sentinel for 'unknown'; keep it legal but flag it.", "ALTER TABLE patient DROP CONSTRAINT patient_birth_date_chk;",
           "ALTER TABLE patient", "  ADD CONSTRAINT patient_birth_date_chk CHECK (", "    birth_date IS NOT NULL", "    AND birth_date >= DATE '1900-01-01'",
           "    AND birth_date <= CURRENT_DATE", "  );", "", "-- test vectors (run in CI against an empty schema)",
           f"-- INSERT ... birth_date = '1900-01-01'  -> ok (sentinel)", "-- INSERT ... birth_date = '1899-12-31'  -> violates patient_birth_date_chk",
           "-- INSERT ... birth_date = '2999-01-01'  -> violates patient_birth_date_chk"]
    out = vd_wrap("DB: birth_date range check", old, new, f"db/migration/V{R.randint(20, 90)}__birth_date_check.sql", au, rv)
    out += f"\n{SN(rv.full())}: LGTM. Prod has {R.randint(3, 40)} rows with the sentinel, all registered before 2015.\n"
    return out


@tpl("validator_diff")
def vd_hl7_pid_parser_test():
    au, rv = staff_list(2)
    pidl = f"PID|1||{D('T0000001', 'test_value')}^^^TEST^MR||{D('ZZTEST^PATIENT^A', 'test_patient')}||{D('19000101', 'test_value')}|U|||123 MAIN ST^^ANYTOWN^MA^00000||^PRN^PH^^1^555^0100"
    old = ["    @Test", "    void parsesName() {", "        Pid pid = Pid.parse(SAMPLE);", "        assertEquals(\"ZZTEST\", pid.family());", "    }"]
    new = ["    private static final String SAMPLE =", f"        \"{pidl}\";", ""] + old + ["", "    @Test", "    void splitsXtnAreaCodeAndNumber() {",
                                                                                        "        Pid pid = Pid.parse(SAMPLE);", "        assertEquals(\"555\", pid.homePhone().areaCode());",
                                                                                        "        assertEquals(\"0100\", pid.homePhone().number());", "    }"]
    out = vd_wrap("PID parser: XTN components", old, new, "hl7/src/test/java/com/helixbridge/hl7/PidTest.java", au, rv)
    return out


@tpl("validator_diff")
def vd_zip_go():
    au, rv = staff_list(2)
    old = ["func ValidZIP(s string) bool {", "\treturn len(s) == 5", "}"]
    new = ["var zipRE = regexp.MustCompile(`^\\d{5}(-\\d{4})?$`)", "", "// ValidZIP checks ZIP or ZIP+4 shape only; 00000 is used for 'unknown'.",
           "func ValidZIP(s string) bool {", "\treturn zipRE.MatchString(strings.TrimSpace(s))", "}", "", "// SafeHarborZIP3 returns the first three digits, or 000 for restricted prefixes.",
           "func SafeHarborZIP3(s string) string {", "\tz := s[:3]", "\tif restricted[z] {", "\t\treturn \"000\"", "\t}", "\treturn z", "}"]
    tests = ["func TestValidZIP(t *testing.T) {", "\tcases := map[string]bool{", "\t\t\"00000\": true,", "\t\t\"12345-6789\": true,", "\t\t\"1234\": false,",
             "\t\t\"ABCDE\": false,", "\t\t\"12345-678\": false,", "\t}", "\tfor in, want := range cases {", "\t\tif got := ValidZIP(in); got != want {",
             "\t\t\tt.Errorf(\"ValidZIP(%q) = %v, want %v\", in, got, want)", "\t\t}", "\t}", "}"]
    out = vd_wrap("zip: ZIP+4 and Safe Harbor ZIP3", old, new, "internal/deid/zip.go", au, rv)
    out += "\n" + udiff([], tests, "internal/deid/zip_test.go") + "\n"
    return out


@tpl("validator_diff")
def vd_age_bucket_python():
    au, rv = staff_list(2)
    old = ["def age_bucket(age: int) -> str:", "    return str(age)"]
    new = ["def age_bucket(age: int) -> str:", "    \"\"\"Safe Harbor: ages over 89 are aggregated into a single '90+' category.\"\"\"",
           "    if age < 0:", "        raise ValueError(\"negative age\")", "    return \"90+\" if age >= 90 else str(age)"]
    tests = ["@pytest.mark.parametrize(\"age,expected\", [(0, \"0\"), (89, \"89\"), (90, \"90+\"), (104, \"90+\")])",
             "def test_age_bucket(age, expected):", "    assert age_bucket(age) == expected", "", "", "def test_negative():",
             "    with pytest.raises(ValueError):", "        age_bucket(-1)"]
    out = vd_wrap("deid: bucket ages 90 and over", old, new, "deid/ages.py", au, rv)
    out += "\n" + udiff([], tests, "tests/test_ages.py") + "\n"
    out += f"\n{SN(rv.full())}: should the DOB year also be dropped for 90+? Spec says yes — follow-up {jira_key('DEID')}.\n"
    return out


@tpl("validator_diff")
def vd_email_mask_js():
    au, rv = staff_list(2)
    old = ["export const maskEmail = (e) => e.replace(/.(?=.*@)/g, '*');"]
    new = ["export const maskEmail = (e) => {", "  const [local, domain] = String(e).split('@');", "  if (!domain) return '***';",
           "  return `${local[0]}***@${domain}`;", "};"]
    tests = ["test.each([", "  ['jane.doe@example.com', 'j***@example.com'],", "  ['a@example.org', 'a***@example.org'],",
             "  ['not-an-email', '***'],", "])('maskEmail(%s)', (input, out) => expect(maskEmail(input)).toBe(out));"]
    out = vd_wrap("logging: keep first letter and domain when masking email", old, new, "src/logging/mask.js", au, rv)
    out += "\n" + udiff([], tests, "src/logging/mask.test.js") + "\n"
    return out


# ========================================================= clinical_rule =====
def rule_header(title, owner, approver):
    return pick(
        f"{title}\nRule owner: {SN(owner.full())} · Clinical approver: {SN(approver.dr())} · Status: {pick('Active', 'In build', 'Pilot')}\n\n",
        f"h1. {title}\n||Owner|{SN(owner.full())}||Approver|{SN(approver.dr())}||Version|{R.randint(1, 6)}.{R.randint(0, 9)}|\n\n",
        f"# {title}\n> Owner {SN(owner.full())} — approved by {SN(approver.dr())} on {recent(200, 10).strftime('%Y-%m-%d')}\n\n")


@tpl("clinical_rule")
def cr_sepsis_screen():
    o, a = staff_list(2)
    out = rule_header("BPA: Adult Sepsis Screen (ED + inpatient)", o, a)
    out += (f"Population: patients aged 18 and older in ED or inpatient status. Excludes comfort-care orders and patients already on the sepsis order set.\n\n"
            f"Fires when 2+ SIRS criteria within 6 h AND a suspected source:\n"
            f"  - Temp > 38.3 C or < 36 C (LOINC 8310-5)\n  - HR > 90 (8867-4)\n  - RR > 20 (9279-1)\n  - WBC > 12 or < 4 K/uL (6690-2)\n"
            f"  - Lactate >= 2 mmol/L (2524-7) escalates to 'severe sepsis' banner\n\n"
            f"Suppression: 12 h after acknowledgement. Codes counted as a source: {ICD('J18.9')} {COND('pneumonia')}, {ICD('N39.0')} {COND('UTI')}, "
            f"{ICD('L03.90')} {COND('cellulitis')}, {ICD('K65.0')} {COND('peritonitis')}.\n\n"
            f"Actions offered: sepsis order set (blood cultures x2, lactate, {MED('piperacillin-tazobactam')} or {MED('ceftriaxone')} + {MED('azithromycin')}, 30 mL/kg crystalloid).\n\n"
            f"Performance last quarter: {R.randint(1200, 4000)} firings, PPV {R.randint(12, 30)}%, median time to antibiotics {R.randint(48, 90)} min.\n")
    return out


@tpl("clinical_rule")
def cr_fall_risk_oldest_old():
    o, a = staff_list(2)
    out = rule_header("Fall precautions — automatic for the oldest patients", o, a)
    out += (f"Rationale: in our data {R.randint(30, 55)}% of injurious falls occur in patients aged 90 and older, although they are {R.randint(6, 12)}% of admissions.\n\n"
            f"Logic\n  IF age >= 90 at admission\n     OR (age >= 75 AND Morse score >= 45)\n     OR active order for {MED('zolpidem')} / {MED('lorazepam')}\n"
            f"  THEN add 'High fall risk' to the banner, bed alarm order, yellow socks, hourly rounding task\n\n"
            f"Excluded: ICU, hospice, pediatric units.\nRelated codes: {ICD('W19.XXXA')} {COND('unspecified fall')}, {ICD('Z91.81')} {COND('history of falling')}.\n"
            f"Review date: {(TODAY + dt.timedelta(days=R.randint(90, 300))).strftime('%B %Y')}.\n")
    return out


@tpl("clinical_rule")
def cr_drug_interaction_table():
    o, a = staff_list(2)
    pairs = [("warfarin", "fluconazole", "INR increase; reduce dose / monitor INR in 3-5 days", "Major"),
             ("clopidogrel", "omeprazole", "reduced antiplatelet effect; prefer pantoprazole", "Moderate"),
             ("simvastatin", "clarithromycin", "myopathy risk; hold statin during course", "Major"),
             ("lisinopril", "spironolactone", "hyperkalemia; check K within 1 week", "Moderate"),
             ("methotrexate", "trimethoprim-sulfamethoxazole", "marrow suppression", "Contraindicated"),
             ("sertraline", "tramadol", "serotonin syndrome, seizure threshold", "Major")]
    out = rule_header("Drug–drug interaction alerts: tier review", o, a)
    out += "| Drug A | Drug B | Effect / action | Severity | Interruptive? |\n|---|---|---|---|---|\n"
    for x, y, eff, sev in R.sample(pairs, R.randint(4, 6)):
        out += f"| {MED(x)} | {MED(y)} | {eff} | {sev} | {'Yes' if sev != 'Moderate' else 'No (passive)'} |\n"
    out += f"\nOverride rate before tiering: {R.randint(85, 96)}%. Target after: < {R.randint(60, 75)}%. Pharmacy contact: {SN(o.full())} {SC('x' + o.ext)}.\n"
    return out


@tpl("clinical_rule")
def cr_diabetes_registry_inclusion():
    o, a = staff_list(2)
    out = rule_header("Diabetes registry — inclusion and care-gap logic", o, a)
    out += (f"Include patients aged 18–75 with either:\n  * 2+ outpatient encounters with {ICD('E11.*')} ({COND('type 2 diabetes')}) or {ICD('E10.*')} in 24 months, or\n"
            f"  * an active problem-list entry and a {MED('metformin')} / {MED('insulin')} / {MED('GLP-1 agonist')} order\n"
            f"Exclude: hospice, {ICD('O24.4*')} {COND('gestational diabetes')}, age > 75 (HEDIS CDC).\n\n"
            f"Care gaps\n  HbA1c (LOINC 4548-4) in last 6 months; poor control > 9.0%\n  Urine albumin/creatinine (LOINC 9318-7) yearly\n"
            f"  Retinal exam yearly (CPT {CPT('92250')}, {CPT('2022F')})\n  BP < 140/90\n\n"
            f"Current registry: {R.randint(8000, 30000):,} patients; {R.randint(15, 30)}% with last A1c > 9.\n")
    return out


@tpl("clinical_rule")
def cr_cql_library():
    o, a = staff_list(2)
    out = (f"// Library maintained by {SN(o.full())}; reviewed by {SN(a.dr())}\n"
           f"library ColorectalCancerScreening version '{R.randint(1, 3)}.{R.randint(0, 9)}.{R.randint(0, 9)}'\n\nusing FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n"
           f"valueset \"Colonoscopy\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.108.12.1020'\n"
           f"valueset \"Malignant Neoplasm of Colon\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.108.12.1001'\n\n"
           f"parameter \"Measurement Period\" Interval<DateTime>\n  default Interval[@2026-01-01T00:00:00.0, @2027-01-01T00:00:00.0)\n\ncontext Patient\n\n"
           f"define \"Initial Population\":\n  AgeInYearsAt(date from end of \"Measurement Period\") in Interval[45, 75]\n\n"
           f"define \"Denominator Exclusion\":\n  exists [Condition: \"Malignant Neoplasm of Colon\"]\n    or AgeInYearsAt(date from end of \"Measurement Period\") >= 66 and \"Has Frailty\"\n\n"
           f"define \"Numerator\":\n  exists ([Procedure: \"Colonoscopy\"] C where C.performed ends 10 years or less before end of \"Measurement Period\")\n")
    return out


@tpl("clinical_rule")
def cr_vaccine_forecast_rules():
    o, a = staff_list(2)
    out = rule_header("Immunization forecaster — adult rules (2026–27 season)", o, a)
    out += ("| Vaccine | Population | Interval | Notes |\n|---|---|---|---|\n"
            "| Influenza (high-dose or adjuvanted) | age >= 65 | yearly, from Sep 1 | any flu vaccine if HD unavailable |\n"
            "| RSV | age >= 75; 60–74 with risk | once | CVX 303/305/306 |\n"
            "| Pneumococcal (PCV20 or PCV21) | age >= 50 | once | not if PCV20 already given |\n"
            "| Zoster (RZV) | age >= 50 | 2 doses, 2–6 months apart | |\n"
            "| Td/Tdap | all adults | every 10 years | Tdap each pregnancy |\n\n"
            f"Forecast suppressed for patients with hospice status or a documented contraindication. Owner: {SN(o.full())}.\n")
    return out


@tpl("clinical_rule")
def cr_renal_dose_adjustment():
    o, a = staff_list(2)
    out = rule_header("Renal dosing alerts (CrCl, Cockcroft-Gault)", o, a)
    rows = [("enoxaparin", "CrCl < 30", "1 mg/kg once daily"), ("gabapentin", "CrCl 30–59", "max 1400 mg/day"),
            ("apixaban", "2 of: age >= 80, weight <= 60 kg, SCr >= 1.5", "2.5 mg BID"), ("vancomycin", "CrCl < 50", "pharmacy-to-dose"),
            ("metformin", "eGFR < 30", "contraindicated"), ("nitrofurantoin", "CrCl < 30", "avoid")]
    out += "Drug | Threshold | Adjustment\n--- | --- | ---\n"
    for d_, th, adj in R.sample(rows, R.randint(4, 6)):
        out += f"{MED(d_)} | {th} | {adj}\n"
    out += (f"\nUses the most recent serum creatinine (LOINC 2160-0) within 72 h and actual body weight; for patients aged 90 and older the alert always recommends pharmacist review.\n"
            f"Test cases live in the TST environment on patients {D('ZZTEST, RENAL', 'test_patient')} and {D('ZZTEST, RENALTWO', 'test_patient')}.\n")
    return out


@tpl("clinical_rule")
def cr_readmission_model_card():
    o, a = staff_list(2)
    out = rule_header("Model card: 30-day readmission risk v" + str(R.randint(2, 5)), o, a)
    out += (f"Intended use: prioritize transitional-care calls for adult inpatients at discharge. Not for deciding who is discharged.\n\n"
            f"Training data: {R.randint(60, 180)}k discharges, {R.randint(2019, 2021)}-01-01 to 2025-06-30, four hospitals; ages 18–104 (ages 90+ grouped).\n"
            f"Features: prior admissions (12 mo), ED visits, LOS, {COND('CHF')}, {COND('COPD')}, {COND('CKD')} flags, polypharmacy (>= 10 meds), payer class, discharge disposition.\n"
            f"Performance (hold-out): AUROC 0.{R.randint(68, 79)}, calibration slope {round(R.uniform(0.9, 1.1), 2)}; "
            f"top decile captures {R.randint(25, 40)}% of readmissions.\nFairness: AUROC within 0.03 across race/ethnicity and sex groups.\n"
            f"Monitoring: monthly drift report; retrain if AUROC < 0.65.\n")
    return out


@tpl("clinical_rule")
def cr_opioid_mme_alert():
    o, a = staff_list(2)
    out = rule_header("Opioid stewardship — MME alert", o, a)
    out += (f"Fires on outpatient opioid prescriptions when total daily MME >= 90, or >= 50 with a concurrent benzodiazepine.\n\n"
            f"Conversion factors: {MED('oxycodone')} 1.5, {MED('hydrocodone')} 1, {MED('morphine')} 1, {MED('hydromorphone')} 5 (CDC 2022), "
            f"{MED('tramadol')} 0.2, {MED('methadone')} (tiered, pharmacy consult).\n\n"
            f"Excluded: active cancer ({ICD('C00-D49')}), hospice, sickle cell crisis ({ICD('D57.0*')}), inpatient orders.\n\n"
            f"Suggested actions: co-prescribe {MED('naloxone')} 4 mg nasal; check the state PDMP; taper plan template.\n"
            f"Questions: {SN(o.full())} ({SC(o.email)}).\n")
    return out


# ================================================================ driver =====
def generate():
    docs = []
    prop_total = 0
    by_fam = defaultdict(list)
    for fam, name, fn in TEMPLATES:
        by_fam[fam].append((name, fn))
    for fam, n in FAMILY_COUNTS.items():
        tpls = by_fam[fam]
        order = list(range(len(tpls)))
        R.shuffle(order)
        for i in range(n):
            name, fn = tpls[order[i % len(tpls)]]
            marked = fn()
            text, spans = parse(marked)
            prop_total += propagate(text, spans)
            docs.append({"id": f"{fam}-{i + 1:04d}", "family": fam, "phi": fam in PHI_FAMILIES, "variant": name,
                         "text": text, "spans": spans})
    return docs, prop_total


SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
CARD_RE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")


def ssn_valid(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9:
        return False
    a, g, n = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g > 0 and n > 0


def mbi_valid(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return False
    A = set(MBI_ALPHA)
    AN = A | set("0123456789")
    rules = ["123456789", A, AN, "0123456789", A, AN, "0123456789", A, A, "0123456789", "0123456789"]
    return all(c in r for c, r in zip(s, rules))


def check(path=OUT):
    errors = []
    docs = [json.loads(l) for l in open(path, encoding="utf-8")]
    fam_n = Counter(d["family"] for d in docs)
    if dict(fam_n) != dict(FAMILY_COUNTS):
        errors.append(f"family counts {dict(fam_n)} != {dict(FAMILY_COUNTS)}")
    nphi = sum(d["phi"] for d in docs)
    if nphi != 120 or len(docs) - nphi != 120:
        errors.append(f"phi/clean balance {nphi}/{len(docs) - nphi}")
    ids = Counter(d["id"] for d in docs)
    for k, v in ids.items():
        if v > 1:
            errors.append(f"duplicate id {k}")
    var_n = Counter(d["variant"] for d in docs)
    if len(var_n) < 110:
        errors.append(f"only {len(var_n)} templates")
    for v, c in var_n.items():
        if c > 3:
            errors.append(f"template {v} used {c} times")
    var_fam = defaultdict(set)
    for d in docs:
        var_fam[d["variant"]].add(d["family"])
    for v, fs in var_fam.items():
        if len(fs) > 1:
            errors.append(f"template {v} in several families {fs}")
    for d in docs:
        did = d["id"]
        if not re.fullmatch(re.escape(d["family"]) + r"-\d{4}", did):
            errors.append(f"{did}: bad id")
        if d["phi"] != (d["family"] in PHI_FAMILIES):
            errors.append(f"{did}: phi flag does not match family")
        text = d["text"]
        if any(c in text for c in (S0, S1, S2)):
            errors.append(f"{did}: marker left in text")
        tb = text.encode("utf-8")
        cmap = byte_to_char_map(text)
        prev_end = -1
        nphi_sp = 0
        covered = []
        for s in d["spans"]:
            a, b = s["start"], s["end"]
            if set(s) != {"start", "end", "label", "kind"}:
                errors.append(f"{did}: span keys {sorted(s)}")
            if not (0 <= a < b <= len(tb)):
                errors.append(f"{did}: span out of range {a}-{b}")
                continue
            if a < prev_end:
                errors.append(f"{did}: spans unsorted/overlapping at {a}")
            prev_end = b
            if a not in cmap or b not in cmap:
                errors.append(f"{did}: span {a}-{b} not on a character boundary")
                continue
            if not token_ok(text, cmap, a, b):
                errors.append(f"{did}: span {a}-{b} {tb[a:b].decode()!r} cuts a token")
            val = tb[a:b].decode("utf-8")
            if val != val.strip():
                errors.append(f"{did}: span {a}-{b} has outer whitespace")
            if s["label"] not in ("phi", "dont_care"):
                errors.append(f"{did}: bad label {s['label']}")
            if s["label"] == "phi":
                nphi_sp += 1
                if s["kind"] not in CONTRACT_KINDS:
                    errors.append(f"{did}: phi kind {s['kind']} not in contract")
                if s["kind"] == "ssn" and (not ssn_valid(val) or re.sub(r'\D', '', val) == "123456789"):
                    errors.append(f"{did}: labelled SSN {val} invalid or documented")
                if s["kind"] == "medicare_mbi" and (not mbi_valid(val) or val.replace("-", "") == "1EG4TE5MK73"):
                    errors.append(f"{did}: labelled MBI {val} breaks CMS rules")
                if s["kind"] == "credit_card" and not luhn_ok(re.sub(r"\D", "", val)):
                    errors.append(f"{did}: labelled card {val} fails Luhn")
                if s["kind"] == "phone" and re.search(r"555\D?01\d\d\b", val):
                    errors.append(f"{did}: labelled phone {val} is a fictional 555-01xx")
            elif not re.fullmatch(r"[a-z][a-z0-9_]*", s["kind"]):
                errors.append(f"{did}: dont_care kind {s['kind']!r}")
            covered.append((a, b))
        if d["phi"] and nphi_sp == 0:
            errors.append(f"{did}: PHI document without PHI spans")
        if not d["phi"] and nphi_sp:
            errors.append(f"{did}: clean document with PHI spans")
        # every PHI value labelled wherever it appears
        for s in d["spans"]:
            if s["label"] != "phi":
                continue
            val = tb[s["start"]:s["end"]]
            if len(val.decode()) < 4:
                continue
            pos = 0
            while True:
                k = tb.find(val, pos)
                if k < 0:
                    break
                e = k + len(val)
                pos = k + 1
                if any(not (e <= x or k >= y) for x, y in covered):
                    continue
                if token_ok(text, cmap, k, e):
                    errors.append(f"{did}: PHI value {val.decode()!r} also occurs unlabelled at {k}")
        if not d["phi"]:
            for m in SSN_RE.finditer(text):
                if ssn_valid(m.group(0)) and m.group(0) != "123-45-6789":
                    errors.append(f"{did}: clean document holds a valid-range SSN {m.group(0)}")
            for m in CARD_RE.finditer(text):
                dd = re.sub(r"\D", "", m.group(0))
                if 13 <= len(dd) <= 19 and luhn_ok(dd) and not re.fullmatch(r"(\d)\1+", dd):
                    # long digit runs in logs can pass Luhn by chance: only flag card-like prefixes
                    if dd[0] in "3456" and len(dd) in (15, 16):
                        errors.append(f"{did}: clean document holds a Luhn-valid card-like number {m.group(0)}")
    return docs, errors


def stats(docs):
    tpl_fam = defaultdict(set)
    for d in docs:
        tpl_fam[d["family"]].add(d["variant"])
    print("templates per family:")
    tot = 0
    for fam in FAMILY_COUNTS:
        print(f"  {fam:<18} {len(tpl_fam[fam]):>3} templates, {sum(1 for d in docs if d['family'] == fam):>3} docs")
        tot += len(tpl_fam[fam])
    print(f"  total {tot} templates ({sum(len(tpl_fam[f]) for f in PHI_FAMILIES)} PHI, {tot - sum(len(tpl_fam[f]) for f in PHI_FAMILIES)} clean)")
    shares = []
    for d in docs:
        if d["phi"]:
            n = len(d["text"].encode("utf-8"))
            shares.append(sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi") / n)
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f}  (min {min(shares):.3f}, max {max(shares):.3f})")
    kinds = Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "phi")
    print("phi kinds:", ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    dck = Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "dont_care")
    print("dont_care kinds:", ", ".join(f"{k} {v}" for k, v in dck.most_common()))
    print(f"name cultures defined: {len(CULTURES)}; used (this run): {len(CULTURE_USE)}; with native scripts: "
          f"{sum(1 for c in CULTURES.values() if c['native'])}")
    print("  " + ", ".join(f"{k} {v}" for k, v in CULTURE_USE.most_common()))
    lens = sorted(len(d["text"]) for d in docs)
    print(f"document length (chars): min {lens[0]}, median {statistics.median(lens)}, max {lens[-1]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-verify fresh19.jsonl")
    ap.add_argument("--stats", action="store_true", help="templates per family, name cultures, median PHI share")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if args.check:
        docs, errors = check(args.out)
        for e in errors[:200]:
            print("ERROR", e)
        print(f"{len(docs)} documents, {sum(len(d['spans']) for d in docs)} spans, {len(errors)} errors")
        sys.exit(1 if errors else 0)
    if args.stats:
        docs, prop = generate()  # regenerate in memory for the culture counts (deterministic)
        on_disk = [json.loads(l) for l in open(args.out, encoding="utf-8")] if os.path.exists(args.out) else None
        if on_disk is not None and on_disk != json.loads(json.dumps(docs)):
            print("WARNING: fresh19.jsonl differs from a fresh generation")
        stats(docs)
        print(f"spans added by propagation: {prop}")
        return
    docs, prop = generate()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {args.out} ({prop} spans added by propagation)")


if __name__ == "__main__":
    main()
