#!/usr/bin/env python3
"""Twenty-third independent synthetic PHI corpus (fresh22).

Angle: the IT and analytics teams of a large academic medical center running the
big EHR vendors' systems (Epic Bridges / Interconnect / Clarity / Caboodle /
MyChart / In Basket / Cadence / Resolute, Oracle Health Millennium / PowerChart /
CCL / OPENLink, Rhapsody, Cloverleaf, Mirth, Iguana, Meditech, athena, NextGen,
Availity, REDCap), writing the 14 families' everyday content in that vocabulary.

Everything is synthetic. Standard library only, deterministic (fixed seed).

  python3 tests/corpus/generate_fresh22.py           # write fresh22.jsonl
  python3 tests/corpus/generate_fresh22.py --check   # re-verify the JSONL
  python3 tests/corpus/generate_fresh22.py --stats   # templates per family, PHI share
"""
import json
import os
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh22.jsonl")
SEED = 22_2207

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]
PHI_PER_FAMILY = 15
CLEAN_PER_FAMILY = 20
MAX_PER_TEMPLATE = 3

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone",
    "email", "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number",
    "license_number", "vehicle_id", "device_id", "url", "ip_address",
    "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code",
    "drug_code", "medication", "condition", "credit_card",
}

# ---------------------------------------------------------------- span markup
# Templates write plain strings with inline markers; build() strips them and
# computes UTF-8 byte offsets.  \x01kind\x02value\x03 = phi, \x04kind\x02value\x03 = dont_care.
def P(v, k="person_name"):
    v = str(v)
    return f"\x01{k}\x02{v}\x03" if v else ""


def C(v, k="staff"):
    v = str(v)
    return f"\x04{k}\x02{v}\x03" if v else ""


MARK = re.compile(r"([\x01\x04])([^\x02]*)\x02([^\x03]*)\x03")


def build(marked):
    out = []
    spans = []
    pos = 0
    last = 0
    for m in MARK.finditer(marked):
        plain = marked[last:m.start()]
        out.append(plain)
        pos += len(plain.encode("utf-8"))
        val = m.group(3)
        b = len(val.encode("utf-8"))
        spans.append({"start": pos, "end": pos + b,
                      "label": "phi" if m.group(1) == "\x01" else "dont_care",
                      "kind": m.group(2)})
        out.append(val)
        pos += b
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    assert not any(ch in text for ch in "\x01\x02\x03\x04"), "stray marker"
    return text, spans


# ---------------------------------------------------------------- name cultures
# (roman, native) tuples where the culture has a native script.
CULTURES = {
    "mexican": dict(given=["José", "María", "Guadalupe", "Itzel", "Rubén", "Ximena", "Maricruz"],
                    family=["Hernández", "Peña-Morales", "Gutiérrez", "Núñez", "de la Cruz", "Zúñiga"]),
    "puerto_rican": dict(given=["Yadiel", "Maritza", "Edwin", "Noemí", "Jomar", "Lizbeth"],
                         family=["Rivera Colón", "Santiago Ortiz", "Figueroa", "Quiñones", "Matos Irizarry"]),
    "polish": dict(given=["Katarzyna", "Wojciech", "Zbigniew", "Małgorzata", "Grzegorz", "Jadwiga"],
                   family=["Wiśniewski", "Kowalczyk", "Szymańska", "Zieliński", "Wróblewska"]),
    "irish": dict(given=["Siobhán", "Ciarán", "Niamh", "Pádraig", "Aoife", "Eoghan"],
                  family=["O'Sullivan", "Mac Giolla Phádraig", "Ní Bhriain", "Ó Súilleabháin", "McGrath"]),
    "yoruba": dict(given=["Adébáyọ̀", "Olúwaseun", "Folake", "Babatunde", "Titilayọ"],
                   family=["Oyelaran-Oyeyinka", "Adeyemi", "Ogunleye", "Balógun", "Akínwálé"]),
    "igbo": dict(given=["Chiamaka", "Obinna", "Ngozi", "Chukwuemeka", "Adaeze"],
                 family=["Okonkwo", "Nwosu", "Eze-Okafor", "Obiora", "Nwachukwu"]),
    "chinese": dict(given=[("Xiuying", "秀英"), ("Wei", "伟"), ("Jing", "静"), ("Haoran", "浩然"), ("Meilin", "美琳")],
                    family=[("Wang", "王"), ("Zhang", "张"), ("Chen", "陈"), ("Liu", "刘"), ("Huang", "黄")], east=True),
    "korean": dict(given=[("Ji-woo", "지우"), ("Min-jun", "민준"), ("Seo-yeon", "서연"), ("Hyun-woo", "현우")],
                   family=[("Kim", "김"), ("Park", "박"), ("Choi", "최"), ("Jeong", "정")], east=True),
    "japanese": dict(given=[("Haruto", "陽翔"), ("Yui", "結衣"), ("Sota", "蒼太"), ("Akiko", "明子")],
                     family=[("Takahashi", "高橋"), ("Watanabe", "渡辺"), ("Yamamoto", "山本"), ("Nakamura", "中村")], east=True),
    "russian": dict(given=[("Dmitri", "Дмитрий"), ("Olga", "Ольга"), ("Sergei", "Сергей"), ("Natalia", "Наталья")],
                    family=[("Volkov", "Волков"), ("Kuznetsov", "Кузнецов"), ("Sokolov", "Соколов"), ("Morozov", "Морозов")]),
    "ukrainian": dict(given=[("Oksana", "Оксана"), ("Taras", "Тарас"), ("Iryna", "Ірина"), ("Bohdan", "Богдан")],
                      family=[("Kovalenko", "Коваленко"), ("Shevchuk", "Шевчук"), ("Bondarenko", "Бондаренко")]),
    "greek": dict(given=[("Eleni", "Ελένη"), ("Giorgos", "Γιώργος"), ("Dimitra", "Δήμητρα"), ("Stavros", "Σταύρος")],
                  family=[("Papadopoulos", "Παπαδόπουλος"), ("Georgiou", "Γεωργίου"), ("Antoniou", "Αντωνίου")]),
    "arabic": dict(given=[("Fatima", "فاطمة"), ("Omar", "عمر"), ("Layla", "ليلى"), ("Yousef", "يوسف")],
                   family=[("Haddad", "حداد"), ("Al-Masri", "المصري"), ("Khalil", "خليل"), ("Nasser", "ناصر")]),
    "hindi": dict(given=[("Priya", "प्रिया"), ("Rohan", "रोहन"), ("Ananya", "अनन्या"), ("Vikram", "विक्रम")],
                  family=[("Sharma", "शर्मा"), ("Iyer", "अय्यर"), ("Patel", "पटेल"), ("Gupta", "गुप्ता")]),
    "amharic": dict(given=[("Abebe", "አበበ"), ("Tigist", "ትዕግሥት"), ("Dawit", "ዳዊት"), ("Meseret", "መሰረት")],
                    family=[("Tesfaye", "ተስፋዬ"), ("Bekele", "በቀለ"), ("Haile", "ኃይሌ")]),
    "hebrew": dict(given=[("Noa", "נועה"), ("Avraham", "אברהם"), ("Yael", "יעל"), ("Eitan", "איתן")],
                   family=[("Levi", "לוי"), ("Mizrahi", "מזרחי"), ("Friedman", "פרידמן")]),
    "thai": dict(given=[("Somchai", "สมชาย"), ("Malee", "มาลี"), ("Anong", "อนงค์")],
                 family=[("Srisai", "ศรีใส"), ("Chaiyaporn", "ชัยพร"), ("Wongsakul", "วงศ์สกุล")]),
    "vietnamese": dict(given=["Thị Lan", "Văn Minh", "Ngọc Anh", "Quang Huy", "Thu Hằng"],
                       family=["Nguyễn", "Trần", "Phạm", "Huỳnh", "Võ"]),
    "filipino": dict(given=["Maricel", "Jerome", "Rowena", "Rodelio", "Analyn"],
                     family=["Dela Cruz", "Bautista", "Macaraeg", "Villanueva", "Pangilinan"]),
    "german": dict(given=["Jürgen", "Käthe", "Lukas", "Sabine", "Wolfgang"],
                   family=["Müller", "Schäfer", "von Ostheim", "Weiß", "Hoffmann"]),
    "dutch": dict(given=["Sanne", "Joris", "Maartje", "Pieter"],
                  family=["van 't Hof", "de Vries", "van der Berg", "Bakker"]),
    "english_words": dict(given=["Hope", "Faith", "Ivy", "Dawn", "Joy", "Autumn", "Sky", "Hunter", "Chase"],
                          family=["Little", "Hill", "Stone", "Frost", "Lamb", "Bird", "Fox"]),
    "older_american": dict(given=["Dorothy", "Harold", "Mildred", "Eugene", "Bernice", "Clarence", "Lorraine"],
                           family=["Whitaker", "Pruitt", "McAllister", "Hargrove", "Abernathy", "Dombrowski"]),
    "italian": dict(given=["Giuseppina", "Salvatore", "Concetta", "Vincenzo", "Annunziata"],
                    family=["Esposito", "Di Giacomo", "Russo", "D'Amico", "La Rocca"]),
    "somali": dict(given=["Hodan", "Abdirahman", "Faadumo", "Maryan", "Abdiwali"],
                   family=["Warsame", "Abdi", "Farah", "Osman", "Jama"]),
    "portuguese": dict(given=["João", "Conceição", "Thiago", "Luíza", "Gonçalo"],
                       family=["Gonçalves", "Araújo", "dos Santos", "Magalhães"]),
    "turkish": dict(given=["Ayşe", "Mehmet", "Gülşen", "Oğuz"],
                    family=["Yılmaz", "Şahin", "Öztürk", "Çelik"]),
    "navajo": dict(given=["Shandiin", "Doli", "Nizhoni", "Ahiga"],
                   family=["Begay", "Yazzie", "Tsosie", "Benally"]),
    "haitian": dict(given=["Fritznel", "Mirlande", "Jean-Robert", "Wilnise", "Roselaure"],
                    family=["Jean-Louis", "Pierre-Louis", "Dorvil", "Étienne"]),
    "nordic": dict(given=["Åsa", "Bjørn", "Sigrid", "Øyvind"],
                   family=["Ødegård", "Løkken", "Åberg", "Sjöström"]),
}
CULTURE_NAMES = sorted(CULTURES)

# given names read as female (everything else as male) so that sex, pronouns and relationships agree
FEMALE = set("""María Guadalupe Itzel Ximena Maricruz Maritza Noemí Lizbeth Katarzyna Małgorzata Jadwiga Siobhán Niamh
Aoife Folake Titilayọ Chiamaka Ngozi Adaeze Xiuying Jing Meilin Seo-yeon Ji-woo Yui Akiko Olga Natalia Oksana Iryna
Eleni Dimitra Fatima Layla Priya Ananya Tigist Meseret Noa Yael Malee Anong Maricel Rowena Analyn Käthe Sabine Sanne
Maartje Hope Faith Ivy Dawn Joy Autumn Dorothy Mildred Bernice Lorraine Giuseppina Concetta Annunziata Hodan Faadumo
Maryan Conceição Luíza Ayşe Gülşen Shandiin Doli Nizhoni Mirlande Wilnise Roselaure Åsa Sigrid""".split()) | {"Thị Lan", "Ngọc Anh", "Thu Hằng"}


def gender_of(given):
    g = given[0] if isinstance(given, tuple) else given
    return "F" if g in FEMALE else "M"

STAFF_GIVEN = ["Megan", "Tyler", "Lauren", "Kevin", "Priyanka", "Marcus", "Heather", "Derek", "Alicia",
               "Brandon", "Nicole", "Ravi", "Colleen", "Jared", "Tamika", "Scott", "Erin", "Nathan",
               "Courtney", "Sanjay", "Brianna", "Gregory", "Kristen", "Devon"]
STAFF_FAMILY = ["Kessler", "Brandt", "Lindqvist", "Duarte", "Whitfield", "Castellano", "Brennan", "Harlow",
                "Mancuso", "Thornton", "Albrecht", "Pryor", "Okoro", "Venkataraman", "Sorensen", "Gallagher",
                "Reinholt", "Fairbanks", "Madsen", "Kilgore", "Pham-Ruiz", "Ostrowski", "Beaumont", "Tanaka-Reyes"]

ORG = "Northlake University Health"
ORGD = "northlakehealth.org"
FACILITIES = ["NUH Main Hospital", "Lakeview Pavilion", "NUH Evanston Campus", "Prentiss Children's Hospital",
              "NUH Oak Park Medical Office Bldg", "Kessel Cancer Center"]
DEPTS = [("NUH CARDIOLOGY LKV", "10501032"), ("NUH ED MAIN", "10101001"), ("NUH 7 WEST MED SURG", "10107007"),
         ("NUH ONCOLOGY INFUSION KCC", "10604021"), ("NUH PRIMARY CARE OAK PARK", "10803002"),
         ("NUH ENDOCRINOLOGY LKV", "10501118"), ("PCH PEDIATRICS GEN", "10901004"), ("NUH GI LAB", "10102210")]
CONDITIONS = ["type 2 diabetes mellitus", "CHF exacerbation", "COPD", "atrial fibrillation", "CKD stage 3b",
              "community-acquired pneumonia", "cellulitis of left lower leg", "hypertension", "major depressive disorder",
              "asthma", "sepsis due to UTI", "NSTEMI", "hip fracture", "migraine", "iron deficiency anemia"]
ICD = [("E11.9", "type 2 diabetes mellitus"), ("I50.23", "acute on chronic systolic heart failure"),
       ("J44.1", "COPD with acute exacerbation"), ("I48.91", "atrial fibrillation"), ("N18.32", "CKD stage 3b"),
       ("J18.9", "pneumonia, unspecified"), ("L03.116", "cellulitis of left lower limb"), ("I10", "essential hypertension"),
       ("S72.001A", "fracture of neck of right femur"), ("D50.9", "iron deficiency anemia")]
MEDS = ["metformin 1000 mg BID", "apixaban 5 mg BID", "furosemide 40 mg daily", "lisinopril 10 mg daily",
        "atorvastatin 40 mg nightly", "insulin glargine 22 units qHS", "sertraline 50 mg daily",
        "albuterol HFA 2 puffs q4h PRN", "ceftriaxone 1 g IV q24h", "metoprolol succinate 50 mg daily"]
CPT = ["99214", "99213", "99285", "93306", "71046", "80053", "36415", "99232", "45378", "G0439"]
PAYERS = [("BCBS IL PPO", "XOF"), ("Aetna Choice POS II", "W"), ("UnitedHealthcare Choice Plus", "9"),
          ("Medicare Part A/B", None), ("Cigna Open Access Plus", "U"), ("Meridian Medicaid", "MCD"),
          ("Humana Gold Plus HMO", "H")]
CITIES = [("Chicago", "IL", ["60640", "60625", "60618", "60647", "60629", "60657", "60659"]),
          ("Evanston", "IL", ["60201", "60202"]), ("Skokie", "IL", ["60076", "60077"]),
          ("Oak Park", "IL", ["60302", "60304"]), ("Berwyn", "IL", ["60402"]), ("Cicero", "IL", ["60804"]),
          ("Des Plaines", "IL", ["60016", "60018"]), ("Hammond", "IN", ["46320", "46324"]),
          ("Naperville", "IL", ["60540", "60565"]), ("Waukegan", "IL", ["60085"])]
STREETS = ["N Lakewood Ave", "W Foster Ave", "N Kedzie Blvd", "Custer Ave", "W Lawrence Ave", "S Ridgeland Ave",
           "Dempster St", "N Sheridan Rd", "Greenleaf St", "W Cermak Rd", "Hohman Ave", "Ogden Ave",
           "N Pulaski Rd", "Emerson St", "W Devon Ave", "Harlem Ave"]
AREA = ["312", "773", "872", "847", "224", "708", "630", "219", "331"]

REF = date(2026, 12, 1)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def fmt_date(d, style):
    if style == "mdy":
        return d.strftime("%m/%d/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dmon":
        return d.strftime("%d-%b-%Y")
    if style == "dmonu":
        return d.strftime("%d-%b-%Y").upper()
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "short":
        return f"{d.month}/{d.day}/{d.strftime('%y')}"
    if style == "mdy1":
        return f"{d.month}/{d.day}/{d.year}"
    raise ValueError(style)


DATE_STYLES = ["mdy", "iso", "hl7", "dmon", "long", "short", "mdy1"]


def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def ssn_valid(s):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi_valid(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return False
    A, N = MBI_ALPHA, "0123456789"
    pat = ["123456789", A, A + N, N, A, A + N, N, A, A, N, N]
    return all(ch in allowed for ch, allowed in zip(s, pat))


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch in "-.")).lower()


class Pt:
    """One synthetic patient (or relative)."""

    def __init__(self, r, culture=None, old=False, child=False, family=None, sex=None):
        self.r = r
        cname = culture or r.choice(CULTURE_NAMES)
        c = CULTURES[cname]
        self.culture = cname
        pool = [x for x in c["given"] if sex is None or gender_of(x) == sex]
        g = r.choice(pool)
        f = family if family is not None else r.choice(c["family"])
        self.given, self.given_n = g if isinstance(g, tuple) else (g, None)
        self.family, self.family_n = f if isinstance(f, tuple) else (f, None)
        self._f = f
        self.east = c.get("east", False)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        self.sex = gender_of(g)
        if old:
            y = r.randint(1928, 1935)
        elif child:
            y = r.randint(2010, 2020)
        else:
            y = r.randint(1941, 2002)
        self.dob = date(y, r.randint(1, 12), r.randint(1, 28))
        self.age = REF.year - self.dob.year - ((REF.month, REF.day) < (self.dob.month, self.dob.day))
        self.mrn = str(r.randint(10_000_000, 99_999_999))
        self.cmrn = "00" + str(r.randint(1_000_000, 9_999_999))  # Cerner-style MRN
        self.fin = str(r.randint(9_100_000_000, 9_199_999_999))
        self.csn = str(r.randint(300_000_000_0, 329_999_999_9))
        self.har = str(r.randint(50_000_000_0, 59_999_999_9))
        self.area = r.choice(AREA)
        self.exch = str(r.randint(201, 989))
        while self.exch in ("555", "911", "411") or self.exch[1:] == "11":
            self.exch = str(r.randint(201, 989))
        self.line = f"{r.randint(0, 9999):04d}"
        city, st, zips = r.choice(CITIES)
        self.city, self.state, self.zip = city, st, r.choice(zips)
        self.street = f"{r.randint(110, 9850)} {r.choice(STREETS)}"
        self.unit = r.choice(["", "", f"Apt {r.randint(1, 4)}{r.choice('ABCDF')}", f"Unit {r.randint(101, 1908)}", ""])
        payer, pre = r.choice(PAYERS)
        self.payer = payer
        if pre is None:
            self.member = mk_mbi(r)
        elif pre == "9":
            self.member = "9" + str(r.randint(10_000_000, 99_999_999)) + "0" + str(r.randint(1, 9))
        else:
            self.member = pre + str(r.randint(100_000_000, 999_999_999))
        self.mbi = mk_mbi(r)
        self.ssn = mk_ssn(r)
        dom = r.choice(["gmail.com", "yahoo.com", "comcast.net", "outlook.com", "icloud.com", "att.net"])
        self.email = f"{ascii_fold(self.given).replace('-', '')}.{ascii_fold(self.family.split()[-1]).replace('-', '')}{r.randint(2, 99)}@{dom}"
        self.mychart = "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(5))

    # names
    def fl(self):
        return f"{self.given} {self.family}"

    def flm(self):
        return f"{self.given} {self.mi}. {self.family}"

    def epic(self):
        return f"{self.family.upper()},{self.given.upper()}"

    def epicm(self):
        return f"{self.family.upper()},{self.given.upper()} {self.mi}"

    def lfm(self):
        return f"{self.family}, {self.given} {self.mi}"

    def lf(self):
        return f"{self.family}, {self.given}"

    def hl7(self):
        return f"{self.family.upper()}^{self.given.upper()}^{self.mi}"

    def native(self):
        if self.given_n is None:
            return None
        if self.east:
            sep = "" if self.culture in ("chinese", "korean") else " "
            return f"{self.family_n}{sep}{self.given_n}"
        return f"{self.given_n} {self.family_n}"

    def name_any(self):
        return self.r.choice([self.fl(), self.lfm(), self.epic(), self.fl(), self.lf()])

    # contacts
    def phone(self, style=None):
        style = style or self.r.choice(["paren", "dash", "dot", "plain", "paren"])
        a, e, l = self.area, self.exch, self.line
        return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}",
                "plain": f"{a}{e}{l}", "intl": f"+1 {a} {e} {l}", "e164": f"+1{a}{e}{l}"}[style]

    def d(self, style=None):
        return fmt_date(self.dob, style or self.r.choice(DATE_STYLES))


def mk_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        s = f"{a:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if s != "123-45-6789" and ssn_valid(s):
            return s


def mk_mbi(r):
    A, N = MBI_ALPHA, "0123456789"
    pat = ["123456789", A, A + N, N, A, A + N, N, A, A, N, N]
    while True:
        s = "".join(r.choice(p) for p in pat)
        if s != "1EG4TE5MK73":
            return s


def mbi_dash(m):
    return f"{m[:4]}-{m[4:7]}-{m[7:]}"


def mk_card(r):
    while True:
        body = "4" + "".join(str(r.randint(0, 9)) for _ in range(14))
        for c in "0123456789":
            if luhn_ok(body + c):
                return body + c


def svc_date(r, start=date(2026, 1, 5), end=date(2026, 11, 27)):
    return start + timedelta(days=r.randint(0, (end - start).days))


def staff(r):
    return f"{r.choice(STAFF_GIVEN)} {r.choice(STAFF_FAMILY)}"


def staff_email(name):
    g, f = name.split(" ", 1)
    return f"{g[0].lower()}{f.lower().replace(' ', '').replace('-', '')}@{ORGD}"


def ws_phone(r):
    return f"312-{r.choice(['926', '503', '694'])}-{r.randint(1000, 9999)}"


def AGE(pt):
    return P(str(pt.age), "age_over_89") if pt.age >= 90 else str(pt.age)


def hhmm(r):
    return f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"


def ts(r, d=None):
    d = d or svc_date(r)
    return f"{d.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"


def hexid(r, n=8):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    return f"{hexid(r, 8)}-{hexid(r, 4)}-4{hexid(r, 3)}-{r.choice('89ab')}{hexid(r, 3)}-{hexid(r, 12)}"


def ser(r):
    return str(r.randint(1_000_000, 1_999_999))


def npi(r):
    # 10-digit NPI with valid check digit (prefix 80840)
    while True:
        base = "1" + "".join(str(r.randint(0, 9)) for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + base + c):
                if base + c != "1234567893":
                    return base + c


def key(r, proj):
    return f"{proj}-{r.randint(1000, 9999)}"


TEMPLATES = []  # (family, name, fn)


def T(family):
    def deco(fn):
        TEMPLATES.append((family, fn.__name__, fn))
        return fn
    return deco


# ================================================================ PHI: jira_hl7
def hl7_ts(r, d=None):
    d = d or svc_date(r)
    return f"{d.strftime('%Y%m%d')}{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"


def pid_seg(pt, r, acct=None, ssn=False, addr=True, phone=True, aa="EPI"):
    a = f"{P(pt.street, 'street_address')}^^{P(pt.city, 'street_address')}^{C(pt.state, 'state')}^{P(pt.zip, 'zip_code')}^USA^H" if addr else ""
    ph = f"^PRN^PH^^1^{P(pt.area, 'phone')}^{P(pt.exch + pt.line, 'phone')}" if phone else ""
    ac = P(acct, "account_number") if acct else ""
    s = P(pt.ssn, "ssn") if ssn else ""
    return (f"PID|1||{P(pt.mrn, 'mrn')}^^^{aa}^MR||{P(pt.hl7(), 'person_name')}||{P(pt.d('hl7'), 'date')}|{pt.sex}|||"
            f"{a}||{ph}|||||{ac}|{s}")


def msh(r, typ, snd="EPIC", rcv="RHAP", ctl=None):
    ctl = ctl or str(r.randint(10_000_000, 99_999_999))
    return f"MSH|^~\\&|{snd}|NUH|{rcv}|NUH|{C(hl7_ts(r), 'msg_time')}||{typ}|{ctl}|P|2.5.1"


@T("jira_hl7")
def jira_bridges_a08_wiki(r):
    pt = Pt(r)
    k = key(r, "EPICINT")
    rep, asg = staff(r), staff(r)
    adm = svc_date(r)
    seg = "\n".join([
        msh(r, "ADT^A08^ADT_A01"), f"EVN|A08|{C(hl7_ts(r), 'msg_time')}",
        pid_seg(pt, r, acct=pt.csn, ssn=r.random() < 0.6),
        f"PV1|1|I|7W^0712^A^NUH||||{C(ser(r), 'internal_id')}^{C(staff(r).split()[1].upper(), 'staff')}^^^^^^^EPIC|||||||||||{P(pt.csn, 'account_number')}|||||||||||||||||||||||||{P(adm.strftime('%Y%m%d') + hhmm(r), 'date')}",
    ])
    return (f"h2. {k}: Bridges outbound ADT A08 to Rhapsody errors on PV1-19 length\n\n"
            f"*Reporter:* {C(rep)}  *Assignee:* {C(asg)}  *Priority:* Major  *Component:* Bridges / ADT Outbound\n\n"
            f"Since the Nov SU the ADT_OUT_RHAP interface (INI AIF, record 3102) rejects some A08s. Rhapsody route "
            f"`ADT-Fanout` logs a length error on PV1-19 when the CSN is 10 digits. Sample from the Bridges error queue:\n\n"
            f"{{code:title=AIF 3102 error message 48211}}\n{seg}\n{{code}}\n\n"
            f"{{noformat}}\n{ts(r)} WARN  [ADT-Fanout] comm point LAB_OUT: field PV1.19 exceeds 9 chars, message routed to error\n"
            f"{ts(r)} INFO  [ADT-Fanout] retry 1/3 scheduled\n{{noformat}}\n\n"
            f"[~{C(rep.split()[0].lower(), 'staff')}] can you check whether the downstream spec allows 10? Patient ({P(pt.epic())}) is still in house on 7W.")


@T("jira_hl7")
def jira_cloverleaf_oru_md(r):
    pt = Pt(r)
    k = key(r, "INTG")
    dt = svc_date(r)
    obs = dt.strftime("%Y%m%d") + hhmm(r)
    seg = "\n".join([
        msh(r, "ORU^R01", snd="SUNQ", rcv="EPIC"),
        f"PID|1||{P(pt.mrn, 'mrn')}^^^EPI^MR~{P(pt.cmrn, 'mrn')}^^^SQ^PI||{P(pt.hl7())}||{P(pt.d('hl7'), 'date')}|{pt.sex}",
        f"PV1|1|O|{C('NUH LAB DRAW', 'facility')}||||{C(ser(r), 'internal_id')}^{C(staff(r).split()[1].upper())}|||||||||||{P(pt.csn, 'account_number')}",
        f"ORC|RE|{C('7' + str(r.randint(100000000, 999999999)), 'internal_id')}",
        f"OBR|1||{C('W' + str(r.randint(10000000, 99999999)), 'internal_id')}|{C('LAB1001', 'code')}^BMP|||{P(obs, 'date')}",
        f"OBX|1|NM|{C('2345-7', 'code')}^GLUCOSE||212|mg/dL|70-99|H|||F|||{P(obs, 'date')}",
        f"OBX|2|NM|{C('2160-0', 'code')}^CREATININE||1.9|mg/dL|0.6-1.2|H|||F|||{P(obs, 'date')}",
    ])
    return (f"## {k} — Cloverleaf `sq_to_epic` xlate drops OBX-14 when OBR-7 present\n\n"
            f"**Status:** In Progress · **Assignee:** {C(staff(r))} · **Labels:** cloverleaf, beaker, ORU\n\n"
            f"Lab results from Sunquest land in Epic with no resulted time. `hcixltest` on the thread `sq_epic_oru` shows the tcl proc "
            f"`tps_obx14_fix` blanking OBX-14. Reproduced with this message from prod (site `labprd`):\n\n```\n{seg}\n```\n\n"
            f"```\n$ hcixltest -d -x sq_to_epic_oru.xlt msg48811.hl7\nxlt: OBX(0).14 -> '' (proc tps_obx14_fix)\nxlt: OBX(1).14 -> ''\n```\n\n"
            f"Patient ({P(pt.fl())}, MRN {P(pt.mrn, 'mrn')}) has {C(r.choice(CONDITIONS), 'condition')}; the nephrology in-basket flagged the "
            f"missing result time. Fix candidate in branch `feature/{k.lower()}-obx14`.")


@T("jira_hl7")
def jira_cadence_siu_mirth(r):
    pt = Pt(r, sex="F")
    k = key(r, "MIRTH")
    appt = svc_date(r)
    prov = staff(r)
    seg = "\n".join([
        msh(r, "SIU^S12", snd="EPICCAD", rcv="PHREESIA"),
        f"SCH|{C(str(r.randint(100000, 999999)), 'internal_id')}|||||ROUTINE|FOLLOW UP|30|MIN|^^30^{P(appt.strftime('%Y%m%d') + '0930', 'date')}",
        pid_seg(pt, r, acct=pt.csn, addr=False),
        f"AIS|1||{C('1012', 'code')}^OFFICE VISIT EST",
        f"AIG|1||{C(ser(r), 'internal_id')}^{C(prov.split()[1].upper() + '^' + prov.split()[0].upper())}",
        f"AIL|1||{C(DEPTS[4][1], 'internal_id')}^{C(DEPTS[4][0], 'facility')}",
    ])
    lines = [f"{ts(r)} INFO  [Cadence_SIU_Out] Channel deployed, 2 destinations"] + \
            [f"{ts(r)} ERROR [Cadence_SIU_Out] Destination 'Phreesia HTTPS' returned 409 CONFLICT: appointment already exists (ext id {r.randint(100000, 999999)})" for _ in range(2)]
    return (f"{k}  Cadence SIU S12 duplicates on Phreesia after reschedule\n"
            f"Type: Bug   Priority: High   Reporter: {C(staff(r))}   Assignee: {C(staff(r))}\n\n"
            "Description\n"
            "When an appointment is rescheduled in Cadence we send S12 instead of S13. Mirth channel 'Cadence_SIU_Out' log:\n\n"
            + "\n".join(lines) + "\n\nMessage (from the Mirth message browser, raw):\n\n" + seg +
            f"\n\nThe appointment for {P(pt.lfm())} on {P(fmt_date(appt, 'mdy'), 'date')} shows twice on the kiosk; "
            f"front desk had to check her in manually. Bridges record: outgoing SIU, INI AIF 4410.\n")


@T("jira_hl7")
def jira_openlink_cerner_a04(r):
    pt = Pt(r, culture=r.choice(["mexican", "polish", "somali", "haitian", "older_american", "filipino", "vietnamese"]))
    k = key(r, "MILL")
    reg = svc_date(r)
    seg = "\n".join([
        msh(r, "ADT^A04", snd="HNAM", rcv="OPENLINK"),
        f"EVN|A04|{C(hl7_ts(r), 'msg_time')}",
        (f"PID|1||{P(pt.cmrn, 'mrn')}^^^NUH_MRN^MRN||{P(pt.hl7())}||{P(pt.d('hl7'), 'date')}|{pt.sex}|||"
         f"{P(pt.street, 'street_address')}^^{P(pt.city, 'street_address')}^{C(pt.state, 'state')}^{P(pt.zip, 'zip_code')}||"
         f"({P(pt.area, 'phone')}){P(pt.exch + '-' + pt.line, 'phone')}|||||{P(pt.fin, 'account_number')}^^^NUH_FIN^FIN NBR"),
        f"PV1|1|E|{C('NUH ED', 'facility')}^ED14^01||||||||||||||||{P(pt.fin, 'account_number')}|||||||||||||||||||||||||{P(reg.strftime('%Y%m%d') + hhmm(r), 'date')}",
    ])
    return (f"[{k}] OPENLink ESO: A04 from ED registration missing PV1-3 bed after Millennium 2018.07 package\n\n"
            f"Environment: P0783 (prod)   Reporter: {C(staff(r))}   Assignee: {C(staff(r))}\n\n"
            "Steps: register ED patient in FirstNet, observe outbound ESO trigger. OPENLink message log (oen_msglog):\n\n"
            f"{{noformat}}\n{seg}\n{{noformat}}\n\n"
            f"FIN {P(pt.fin, 'account_number')} shows bed ED14 in PowerChart, but the downstream tracking board receives blank PV1-3.3. "
            "CCL `cust_oen_pv1_fix` not firing. Script `ESO_ADT_MOD` owner is the Millennium interfaces team.")


@T("jira_hl7")
def jira_iguana_a40_merge(r):
    pt = Pt(r)
    old = str(r.randint(10_000_000, 99_999_999))
    k = key(r, "EMPI")
    seg = "\n".join([
        msh(r, "ADT^A40^ADT_A39", snd="EPIC", rcv="IGUANA"),
        f"EVN|A40|{C(hl7_ts(r), 'msg_time')}",
        f"PID|1||{P(pt.mrn, 'mrn')}^^^EPI^MR||{P(pt.hl7())}||{P(pt.d('hl7'), 'date')}|{pt.sex}",
        f"MRG|{P(old, 'mrn')}^^^EPI^MR",
    ])
    return (f"{k}: Iguana channel EPIC_MERGE_TO_PACS throws on A40 with MRG-1 only\n\n"
            f"Reporter: {C(staff(r))} | Assignee: {C(staff(r))} | Sprint: Integration 26.23\n\n"
            "HIM merged two charts in Identity (EPT record merge, Duplicate Patient Manager). Iguana translator error:\n\n"
            "```\n" + f"{ts(r)} [EPIC_MERGE_TO_PACS] main.lua:88: attempt to index a nil value (field 'MRG.7')\n"
            f"{ts(r)} [EPIC_MERGE_TO_PACS] message {r.randint(1000000, 9999999)} sent to error queue\n```\n\n"
            f"```\n{seg}\n```\n\nSurviving MRN {P(pt.mrn, 'mrn')}, retired {P(old, 'mrn')}. PACS still shows two jackets for "
            f"{P(pt.lf())}. Need nil check on MRG-7 (prior visit) — Epic only sends MRG-1.")


@T("jira_hl7")
def jira_interconnect_log(r):
    pt = Pt(r)
    k = key(r, "ICON")
    ip = f"10.{r.randint(10, 60)}.{r.randint(0, 255)}.{r.randint(2, 250)}"
    body = (f'{{"PatientID":"{P(pt.mrn, "mrn")}","PatientIDType":"MRN","UserID":"SVC_PHREESIA","UserIDType":"External",'
            f'"DateOfBirth":"{P(pt.d("iso"), "date")}","LastName":"{P(pt.family, "person_name")}"}}')
    return (f"h3. {k} — Interconnect GetPatientDemographics returns 500 for some MRNs\n"
            f"*Reporter:* {C(staff(r))} *Assignee:* {C(staff(r))} *Env:* PRD Interconnect (icprd02)\n\n"
            "Interconnect log (Interconnect Configuration Editor > Logging, verbose):\n"
            f"{{code}}\n{ts(r)} [{ip}] POST /Interconnect-PRD/api/epic/2014/Common/Patient/GETPATIENTDEMOGRAPHICS/Patient/Demographics\n"
            f"{ts(r)} Request body: {body}\n"
            f"{ts(r)} EXCEPTION Epic.Core.Interconnect.CacheException: <UNDEFINED>zGetAddr+14^EPTDEMO *^EPT({r.randint(100000, 999999)},50)\n"
            f"{ts(r)} Response 500 in 412 ms\n{{code}}\n\n"
            "Looks like EPT 50 (address) is undefined for patients migrated from the legacy Meditech system. "
            "Chronicles shows EPT .2 populated but item 50 empty. Workaround: default address line in the web service mapping.")


@T("jira_hl7")
def jira_bridges_dft_guarantor(r):
    pt = Pt(r, child=True)
    g = Pt(r, culture=pt.culture, family=pt._f, sex="F")
    k = key(r, "EPICINT")
    dos = svc_date(r)
    cpt = r.choice(CPT)
    seg = "\n".join([
        msh(r, "DFT^P03", snd="EPIC", rcv="ATHENA"),
        f"EVN|P03|{C(hl7_ts(r), 'msg_time')}",
        f"PID|1||{P(pt.mrn, 'mrn')}^^^EPI^MR||{P(pt.hl7())}||{P(pt.d('hl7'), 'date')}|{pt.sex}",
        f"PV1|1|O|{C(DEPTS[6][0], 'facility')}||||||||||||||||{P(pt.csn, 'account_number')}",
        f"FT1|1|||{P(dos.strftime('%Y%m%d'), 'date')}||CG|{C(cpt, 'code')}|||1",
        f"DG1|1||{C(r.choice(ICD)[0], 'code')}^^I10",
        (f"GT1|1|{C(str(r.randint(1000000, 9999999)), 'internal_id')}|{P(g.hl7())}||"
         f"{P(g.street, 'street_address')}^^{P(g.city, 'street_address')}^{C(g.state, 'state')}^{P(g.zip, 'zip_code')}|"
         f"^PRN^PH^^1^{P(g.area, 'phone')}^{P(g.exch + g.line, 'phone')}||||||MTH"),
    ])
    return (f"{k} DFT P03 to athena rejected: GT1-3 name repeat exceeds 48 chars\n"
            f"Reporter: {C(staff(r))}  Assignee: {C(staff(r))}\n\n"
            "athenaNet interface queue rejects charges for pediatric visits where the guarantor is the parent.\n\n"
            f"{{code}}\n{seg}\n{{code}}\n\nathena rejection: `E1107 GUARANTOR NAME INVALID`. Guarantor account (EAR) has the mother "
            f"({P(g.fl())}). Charge for {P(pt.fl())} is stuck in the Bridges outgoing queue since {C(fmt_date(svc_date(r), 'mdy'), 'event_date')}.")


@T("jira_hl7")
def jira_meditech_nk1(r):
    pt = Pt(r, old=r.random() < 0.6)
    nk = Pt(r, sex="F")
    k = key(r, "MTINT")
    adm = svc_date(r)
    seg = "\n".join([
        msh(r, "ADT^A01", snd="MEDITECH", rcv="RHAPSODY"),
        f"EVN|A01|{C(hl7_ts(r), 'msg_time')}",
        f"PID|1||{P('M' + pt.mrn[:7], 'mrn')}^^^NUHMT^MR||{P(pt.hl7())}||{P(pt.d('hl7'), 'date')}|{pt.sex}",
        f"NK1|1|{P(nk.hl7())}|DAU|||^PRN^PH^^1^{P(nk.area, 'phone')}^{P(nk.exch + nk.line, 'phone')}",
        f"PV1|1|I|{C('EVN 3S', 'facility')}^314^B||||||||||||||||{P('V' + pt.har, 'account_number')}|||||||||||||||||||||||||{P(adm.strftime('%Y%m%d') + hhmm(r), 'date')}",
    ])
    return (f"{k}: Rhapsody route MT_ADT_to_Epic drops NK1 for Evanston campus admits\n\n"
            f"Assignee: {C(staff(r))}   Watchers: {C(staff(r))}, {C(staff(r))}\n\n"
            f"The Evanston campus is still on Meditech Expanse until the wave 3 go-live. NK1 segments are filtered by the "
            f"`StripZSegments` filter because of a regex on segment names. Example (patient age {AGE(pt)}):\n\n"
            f"```hl7\n{seg}\n```\n\nRhapsody message tracking shows the NK1 removed at filter step 4. Nursing could not find the daughter's "
            f"number ({P(nk.phone('dash'), 'phone')}) in Epic.")


# ================================================================ PHI: confluence_table
@T("confluence_table")
def conf_him_merge_wiki(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        pt = Pt(r)
        dup = str(r.randint(10_000_000, 99_999_999))
        rows.append(f"| {P(pt.epic())} | {P(pt.mrn, 'mrn')} | {P(dup, 'mrn')} | {P(pt.d('mdy'), 'date')} | "
                    f"{r.choice(['Merged', 'Pending HIM review', 'Not a duplicate', 'Merged — PACS pending'])} | {C(staff(r))} |")
    return ("h1. Duplicate Patient Manager — weekly merge tracking\n\n"
            "{info}Work the DPM queue in Hyperspace (Epic button > HIM > Duplicate Patient Manager). Record both EPT IDs; "
            "Identity merges are irreversible after 30 days.{info}\n\n"
            "|| Patient (EPT .2) || Surviving MRN || Retired MRN || DOB || Status || Worked by ||\n" + "\n".join(rows) +
            "\n\n_Last edited by the HIM data integrity team._")


@T("confluence_table")
def conf_mychart_proxy_md(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        pt = Pt(r, child=r.random() < 0.5, old=r.random() < 0.3)
        rel = r.choice(["Mother", "Father", "Daughter", "Son", "POA", "Spouse"])
        px = Pt(r, family=pt._f if r.random() < 0.6 else None, culture=pt.culture,
                sex={"Mother": "F", "Daughter": "F", "Father": "M", "Son": "M"}.get(rel))
        rows.append(f"| {C(key(r, 'MYC'), 'ticket')} | {P(pt.lf())} | {P(pt.mrn, 'mrn')} | {P(px.fl())} | {rel} | "
                    f"{P(px.email, 'email')} | {r.choice(['Approved', 'Form missing', 'Denied - age 12-17 consent', 'Sent activation code'])} |")
    return ("# MyChart proxy access requests — Q4 tracker\n\nOwner: MyChart support (Patient Access).  "
            "Proxy forms come in through the scan queue; activation codes go out by email from the MyChart admin activity.\n\n"
            "| Ticket | Patient | MRN | Proxy | Relationship | Proxy email | Status |\n|---|---|---|---|---|---|---|\n" + "\n".join(rows) +
            "\n\nReminder: adolescent (12–17) accounts need the confidential-proxy template, not the full-access one.\n")


@T("confluence_table")
def conf_bca_downtime_html(r):
    rows = []
    for i in range(r.randint(4, 6)):
        pt = Pt(r, old=r.random() < 0.35)
        adm = svc_date(r)
        rows.append(f"<tr><td>7W-{r.randint(1, 30):02d}</td><td>{P(pt.epicm())}</td><td>{P(pt.mrn, 'mrn')}</td>"
                    f"<td>{P(pt.d('mdy'), 'date')}</td><td>{AGE(pt)}</td><td>{P(fmt_date(adm, 'mdy'), 'date')}</td>"
                    f"<td>{C(r.choice(CONDITIONS), 'condition')}</td></tr>")
    return ("<h2>BCA downtime census — 7 West (printed from BCA PC during the 11/12 Epic upgrade)</h2>\n"
            "<p>Copied from the BCA web report so the unit can reconcile after recovery. Delete after reconciliation.</p>\n"
            "<table><thead><tr><th>Bed</th><th>Patient</th><th>MRN</th><th>DOB</th><th>Age</th><th>Admit</th><th>Dx</th></tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody></table>\n<p><em>Source: BCA report 'Unit Census with Dx', run 02:10.</em></p>")


@T("confluence_table")
def conf_bridges_errq_excel(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        pt = Pt(r)
        rows.append("\t".join([str(r.randint(4_000_000, 4_999_999)), r.choice(["ADT_OUT_RHAP", "ORM_OUT_RAD", "ORU_IN_SQ", "SIU_OUT_PHR"]),
                               P(pt.csn, "account_number"), P(pt.epic()), r.choice(["A08", "O01", "R01", "S12"]),
                               r.choice(["Field PV1-19 length", "No matching order", "Provider not found", "Duplicate appt"]),
                               C(staff(r))]))
    return ("Bridges error queue — triage sheet (pasted from Excel, tab 'Open')\n\n"
            "Error ID\tInterface\tCSN\tPatient\tEvent\tError\tOwner\n" + "\n".join(rows) +
            "\n\nResolve in Bridges Monitor > Error Queue; mark Resolved only after resending.")


@T("confluence_table")
def conf_cadence_resched_wiki(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        pt = Pt(r)
        ap = svc_date(r)
        rows.append(f"| {P(pt.lfm())} | {P(pt.mrn, 'mrn')} | {P(fmt_date(ap, 'mdy'), 'date')} {r.choice(['8:20 AM', '9:40 AM', '1:15 PM', '3:00 PM'])} | "
                    f"{C(r.choice(DEPTS)[0], 'facility')} | {P(pt.phone(), 'phone')} | {r.choice(['LM', 'Rescheduled', 'No answer x2', 'MyChart msg sent'])} |")
    return ("h2. Provider template change — bump list (Cadence)\n\n"
            f"Provider {C('Dr. ' + staff(r))} (SER {C(ser(r), 'internal_id')}) blocked clinic sessions; these visits need a new slot. "
            "Use the Appt Desk > Bump list workqueue, not the phone log.\n\n"
            "|| Patient || MRN || Appt || Dept || Phone || Outcome ||\n" + "\n".join(rows))


@T("confluence_table")
def conf_redcap_prescreen(r):
    rows = []
    for i in range(r.randint(3, 5)):
        pt = Pt(r, old=r.random() < 0.5)
        rows.append(f"| {P(str(r.randint(100, 499)), 'other_id')} | {P(pt.fl())} | {P(pt.mrn, 'mrn')} | {AGE(pt)} | {C(r.choice(ICD)[0], 'code')} | "
                    f"{r.choice(['Eligible', 'Excluded (eGFR)', 'Declined', 'Consent visit booked'])} |")
    irb = f"STU{r.randint(10000000, 99999999)}"
    return (f"# {irb} pre-screening log (REDCap export, project 4417)\n\n"
            f"PI: {C('Dr. ' + staff(r))} · Coordinator: {C(staff(r))} · Data from the SlicerDicer cohort, pulled via Reporting Workbench.\n\n"
            "| record_id | Name | MRN | Age | Dx | Status |\n|---|---|---|---|---|---|\n" + "\n".join(rows) +
            "\n\nDo not copy this table outside the restricted space; the REDCap project is the source of truth.\n")


@T("confluence_table")
def conf_har_cleanup(r):
    owner = staff(r)
    rows = []
    for _ in range(r.randint(3, 5)):
        pt = Pt(r)
        rows.append(f"| {P(pt.har, 'account_number')} | {P(pt.epic())} | {P(fmt_date(svc_date(r), 'mdy'), 'date')} | {pt.payer} | "
                    f"{P(pt.member, 'medicare_mbi' if pt.payer.startswith('Medicare') else 'health_plan_id')} | {r.choice(['Combine HARs', 'Re-bill', 'Coverage fix', 'Done'])} |")
    return ("h2. Resolute HB — HAR cleanup after coverage conversion\n\n"
            "These hospital accounts picked up the wrong coverage during the payer plan conversion (EPP records). "
            "Fix in Account Maintenance, then reroute the claim.\n\n"
            "|| HAR || Patient || Svc date || Payer || Member ID || Action ||\n" + "\n".join(rows) +
            f"\n\nQuestions to {C(owner)} ({C(staff_email(owner), 'staff_contact')}).")


@T("confluence_table")
def conf_caboodle_dq(r):
    rows = []
    for _ in range(r.randint(3, 4)):
        pt = Pt(r)
        rows.append(f"| {C(str(r.randint(1000000, 9999999)), 'internal_id')} | {P(pt.mrn, 'mrn')} | {P(pt.lf())} | {P(pt.d('iso'), 'date')} | "
                    f"{P(pt.ssn, 'ssn')} | {r.choice(['SSN on two PatientDim rows', 'BirthDate mismatch vs Clarity', 'Name w/ trailing space'])} |")
    return ("## Caboodle DQ exceptions — PatientDim (run of the nightly DQ package)\n\n"
            "`PatientDim` rows flagged by rule DQ-014 (same SSN, different DurableKey). Cross-check against Clarity `PATIENT.SSN`.\n\n"
            "| PatientDurableKey | MRN | Name | BirthDate | SSN | Issue |\n|---|---|---|---|---|---|\n" + "\n".join(rows) +
            "\n\nRestricted page — analysts with Caboodle PHI access only.")


# ================================================================ PHI: support_ticket
@T("support_ticket")
def tkt_snow_mychart_lockout(r):
    pt = Pt(r, sex="F")
    inc = f"INC{r.randint(1000000, 9999999)}"
    return (f"Number: {inc}\nCaller: {P(pt.fl())} (patient)\nCategory: MyChart > Login / Activation\nAssignment group: MyChart Support\n"
            f"Assigned to: {C(staff(r))}\nState: Work in Progress\n\nShort description: Patient locked out of MyChart after 5 failed attempts\n\n"
            f"Description:\nPt called the MyChart help line. Verified identity with DOB {P(pt.d('mdy'), 'date')} and address "
            f"{P(pt.street, 'street_address')}, {P(pt.city, 'street_address')} {C(pt.state, 'state')} {P(pt.zip, 'zip_code')}. "
            f"MyChart username is {P(pt.email, 'email')}. Unlocked in Patient Station > MyChart Status, sent new activation code by text to "
            f"{P(pt.phone(), 'phone')}.\n\nWork notes:\n{C(fmt_date(svc_date(r), 'mdy'), 'event_date')} 10:42 {C(staff(r))}: "
            "pt says code expired before she could use it; resent, advised SMS codes expire after 10 minutes.\n")


@T("support_ticket")
def tkt_jsm_proxy_teen(r):
    pt = Pt(r, child=True, sex="M")
    par = Pt(r, family=pt._f, culture=pt.culture, sex="F")
    k = key(r, "PAS")
    return (f"{k} | MyChart proxy access for adolescent\nRequest type: Patient Access / MyChart\nReporter: {C(staff(r))} (Pediatrics front desk)\n\n"
            f"Parent {P(par.fl())} wants full proxy on her son's account. Patient {P(pt.fl())}, DOB {P(pt.d('long'), 'date')}, "
            f"MRN {P(pt.mrn, 'mrn')}, age {pt.age}. Because the patient is 12–17 the adolescent confidentiality rules apply "
            "(only the adolescent proxy template is allowed). Parent contact: "
            f"{P(par.phone('dash'), 'phone')}, {P(par.email, 'email')}.\n\n"
            f"Comment ({C(staff(r))}): sent the adolescent proxy form through MyChart; parent needs to sign in front of the patient.\n")


@T("support_ticket")
def tkt_zendesk_athena_portal(r):
    pt = Pt(r)
    ip = f"{r.choice([73, 98, 24, 67, 108])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}"
    return (f"Ticket #{r.randint(100000, 999999)}  —  athena Patient Portal: 'account already exists'\n"
            f"Requester: {P(pt.email, 'email')}\nAssignee: {C(staff(r))} (Ambulatory apps)\nTags: athena, portal, affiliate-clinic\n\n"
            f"{P(pt.fl())} wrote:\n> I tried to sign up for the portal for the Oak Park clinic and it says I already have an account. "
            f"My birthday is {P(pt.d('long'), 'date')}. Please help.\n\n"
            f"Internal note ({C(staff(r))}): athenaNet shows two patient records, enterprise ID {P(str(r.randint(100000, 999999)), 'mrn')} and "
            f"{P(str(r.randint(100000, 999999)), 'mrn')}. Portal audit shows registration attempts from {P(ip, 'ip_address')}. "
            "Sent to the affiliate's registration lead to merge before re-inviting.\n")


@T("support_ticket")
def tkt_snow_media_wrong_pt(r):
    a, b = Pt(r), Pt(r)
    inc = f"RITM{r.randint(1000000, 9999999)}"
    return (f"{inc}  Scanned document filed to wrong patient (Media Manager)\nRequested for: {C(staff(r))}, HIM Scanning\n"
            f"Assignment group: EHR Access & Correction\n\nDetails:\nOutside records for {P(a.epic())} (MRN {P(a.mrn, 'mrn')}) were batch-scanned into "
            f"{P(b.epic())} (MRN {P(b.mrn, 'mrn')}), DOS {P(fmt_date(svc_date(r), 'mdy'), 'date')}. Document type: Outside Records - Cardiology, "
            f"{r.randint(4, 40)} pages. Need the document moved and a correction note added per HIM policy 5.12.\n\n"
            f"Activity:\n{C(staff(r))}: reassigned in Media Manager, reindexed OnBase doc handle {r.randint(1000000, 9999999)}. Awaiting HIM QA.\n")


@T("support_ticket")
def tkt_availity_rejection(r):
    pt = Pt(r)
    clm = f"{r.randint(26000, 26365)}E{r.randint(10000, 99999)}"
    return (f"Freshdesk #{r.randint(10000, 99999)}  Availity 277CA rejections — invalid subscriber ID\nGroup: Revenue Cycle Apps\n"
            f"Agent: {C(staff(r))}\n\nPB claims for {pt.payer} are rejecting at Availity with A7:164 (Entity's contract/member number). "
            f"Example: patient {P(pt.lfm())}, DOB {P(pt.d('mdy'), 'date')}, subscriber ID on the claim {P(pt.member, 'health_plan_id')}, "
            f"payer claim ID {P(clm, 'other_id')}, DOS {P(fmt_date(svc_date(r), 'mdy'), 'date')}.\n"
            "The coverage in Epic has a leading space in the member number (EPP/coverage record, item 'Subscriber ID'). "
            "Opened a build ticket to add a trim in the claim edit.\n")


@T("support_ticket")
def tkt_hyperspace_patient_station(r):
    pt = Pt(r)
    k = f"INC{r.randint(1000000, 9999999)}"
    return (f"{k} - Patient Station shows wrong preferred phone after MyChart update\n\nUser pasted the Hyperspace screen:\n\n"
            f"  Patient Station                                      \n"
            f"  Name: {P(pt.epic())}            MRN: {P(pt.mrn, 'mrn')}\n"
            f"  DOB:  {P(pt.d('mdy'), 'date')}   Sex: {pt.sex}   Legal Sex: {pt.sex}\n"
            f"  Address: {P(pt.street, 'street_address')} / {P(pt.city, 'street_address')}, {C(pt.state, 'state')} {P(pt.zip, 'zip_code')}\n"
            f"  Home Ph: {P(pt.phone('dash'), 'phone')}   Mobile: (none)\n"
            f"  PCP: {C(staff(r))}, MD   Primary Loc: {C(r.choice(FACILITIES), 'facility')}\n\n"
            "Patient updated the mobile in MyChart (Personal Information activity) but it landed in Home. Mapping of EPT 7010 vs EPT 7030? "
            f"Assigned to {C(staff(r))} (Prelude/Cadence).\n")


@T("support_ticket")
def tkt_powerchart_fin_lab(r):
    pt = Pt(r)
    return (f"Ticket: REQ{r.randint(100000, 999999)}   Priority: 2 - High   Group: Millennium Lab (PathNet)\n\n"
            f"Lab can't receive specimens for ED patient — FIN not crossing from registration.\nPatient {P(pt.lf())}  MRN {P(pt.cmrn, 'mrn')}  "
            f"FIN {P(pt.fin, 'account_number')}  Arrived {P(fmt_date(svc_date(r), 'dmon'), 'date')}.\n"
            "PowerChart shows the encounter, but PathNet Accessioning says 'Encounter not found'. ESI log has the A04 but no A08 update. "
            f"Caller {C(staff(r))} {C('x' + str(r.randint(40000, 49999)), 'staff_contact')}.\n")


@T("support_ticket")
def tkt_nextgen_export(r):
    pt = Pt(r, old=r.random() < 0.5)
    return (f"Subject: [NextGen] CCD export for transfer patient failed\nTicket {r.randint(20000, 29999)} — Affiliates / NextGen EHR\n"
            f"Opened by {C(staff(r))} (Practice Manager, Lakeview Cardiology Associates)\n\n"
            f"Trying to export the CCDA for {P(pt.fl())} (DOB {P(pt.d('short'), 'date')}, age {AGE(pt)}, NextGen person # "
            f"{P(str(r.randint(1000000, 9999999)), 'mrn')}) to send to the NUH cardiology clinic. Export hangs at 'Generating document'. "
            "Log says: `CCDAExport: section Medications - null reference at RxNorm map`. Other patients export fine.\n")


# ================================================================ PHI: fhir_diff
def diffhdr(path, r):
    return (f"diff --git a/{path} b/{path}\nindex {hexid(r, 7)}..{hexid(r, 7)} 100644\n--- a/{path}\n+++ b/{path}\n"
            f"@@ -1,{r.randint(14, 22)} +1,{r.randint(14, 22)} @@\n")


@T("fhir_diff")
def fhir_epic_patient_read(r):
    pt = Pt(r)
    fid = "e" + "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(22)) + "3"
    return (f"PR #{r.randint(200, 900)} — capture Epic R4 Patient.Read for the discharge-summary sync tests\n"
            f"Author: {C(staff(r))}\n\n" + diffhdr("src/test/resources/epic/Patient-read.json", r) +
            " {\n   \"resourceType\": \"Patient\",\n"
            f"-  \"id\": \"eXAMPLE0000000000000003\",\n+  \"id\": \"{C(fid, 'internal_id')}\",\n"
            "   \"identifier\": [\n"
            f"-    {{ \"system\": \"urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14\", \"value\": \"Z0000001\" }}\n"
            f"+    {{ \"system\": \"urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14\", \"value\": \"{P(pt.mrn, 'mrn')}\" }}\n"
            "   ],\n"
            f"-  \"name\": [{{ \"use\": \"official\", \"family\": \"Zzztest\", \"given\": [\"Patient\"] }}],\n"
            f"+  \"name\": [{{ \"use\": \"official\", \"text\": \"{P(pt.fl())}\", \"family\": \"{P(pt.family)}\", \"given\": [\"{P(pt.given)}\"] }}],\n"
            f"-  \"birthDate\": \"1990-01-01\",\n+  \"birthDate\": \"{P(pt.d('iso'), 'date')}\",\n"
            f"+  \"telecom\": [{{ \"system\": \"phone\", \"value\": \"{P(pt.phone('dash'), 'phone')}\", \"use\": \"home\" }}],\n"
            f"   \"gender\": \"{'female' if pt.sex == 'F' else 'male'}\"\n }}\n\n"
            f"Review comment ({C(staff(r))}): this is a production payload from the PRD FHIR endpoint — please swap back to the "
            "sandbox test patient before merge.\n")


@T("fhir_diff")
def fhir_cerner_encounter(r):
    pt = Pt(r)
    a = svc_date(r)
    b = a + timedelta(days=r.randint(1, 9))
    return (diffhdr("fixtures/millennium/Encounter-inpatient.json", r) +
            " {\n   \"resourceType\": \"Encounter\",\n"
            f"   \"id\": \"{C(str(r.randint(90000000, 99999999)), 'internal_id')}\",\n"
            "   \"identifier\": [\n"
            f"-    {{ \"system\": \"urn:oid:2.16.840.1.113883.6.1000\", \"value\": \"0000000000\" }}\n"
            f"+    {{ \"system\": \"urn:oid:2.16.840.1.113883.3.13.6\", \"type\": {{ \"text\": \"FIN\" }}, \"value\": \"{P(pt.fin, 'account_number')}\" }}\n"
            "   ],\n   \"status\": \"finished\",\n"
            f"   \"subject\": {{ \"reference\": \"Patient/{C(str(r.randint(10000000, 19999999)), 'internal_id')}\", \"display\": \"{P(pt.epic())}\" }},\n"
            f"-  \"period\": {{ \"start\": \"2020-01-01T08:00:00Z\" }}\n"
            f"+  \"period\": {{ \"start\": \"{P(a.isoformat() + f'T{r.randint(10, 23)}:{r.randint(10, 59)}:00-06:00', 'date')}\", \"end\": \"{P(b.isoformat() + 'T11:05:00-06:00', 'date')}\" }},\n"
            f"+  \"serviceProvider\": {{ \"display\": \"{C(FACILITIES[0], 'facility')}\" }}\n }}\n\n"
            "CI note: Millennium R4 returns the FIN under the 2.16.840.1.113883.3.13.6 alias pool; fixture updated from a real chart by mistake.\n")


@T("fhir_diff")
def fhir_coverage_bundle(r):
    pt = Pt(r)
    kind = "medicare_mbi" if pt.payer.startswith("Medicare") else "health_plan_id"
    return (f"Merge request !{r.randint(100, 999)}: Coverage search fixture for prior-auth app\n\n" +
            diffhdr("test/fixtures/coverage-search.json", r) +
            "   \"entry\": [{\n     \"resource\": {\n       \"resourceType\": \"Coverage\",\n       \"status\": \"active\",\n"
            f"-      \"subscriberId\": \"TEST000000\",\n+      \"subscriberId\": \"{P(pt.member, kind)}\",\n"
            f"+      \"beneficiary\": {{ \"reference\": \"Patient/{C(uuid(r), 'internal_id')}\", \"display\": \"{P(pt.lf())}\" }},\n"
            f"       \"payor\": [{{ \"display\": \"{pt.payer}\" }}],\n"
            f"-      \"period\": {{ \"start\": \"2024-01-01\" }}\n+      \"period\": {{ \"start\": \"{C('2026-01-01', 'coverage_date')}\" }},\n"
            "       \"relationship\": { \"coding\": [{ \"code\": \"self\" }] }\n     }\n   }]\n\n"
            f"{C(staff(r))}: why is there a real subscriber ID here? Please replace with the Epic sandbox member.\n")


@T("fhir_diff")
def fhir_appointment_cadence(r):
    pt = Pt(r)
    ap = svc_date(r)
    prov = staff(r)
    return (f"commit {hexid(r, 40)}\nAuthor: {C(prov)} <{C(staff_email(prov), 'staff_contact')}>\n\n    Add Appointment fixture from STU3 Cadence API\n\n" +
            diffhdr("tests/data/appointment_booked.json", r) +
            "+{\n+  \"resourceType\": \"Appointment\",\n+  \"status\": \"booked\",\n"
            f"+  \"start\": \"{P(ap.isoformat() + f'T{r.randint(8, 16):02d}:' + r.choice(['00', '20', '40']) + ':00Z', 'date')}\",\n"
            "+  \"participant\": [\n"
            f"+    {{ \"actor\": {{ \"reference\": \"Patient/{C(uuid(r), 'internal_id')}\", \"display\": \"{P(pt.fl())}\" }}, \"status\": \"accepted\" }},\n"
            f"+    {{ \"actor\": {{ \"reference\": \"Practitioner/{C(uuid(r), 'internal_id')}\", \"display\": \"{C(staff(r))}, MD\" }} }},\n"
            f"+    {{ \"actor\": {{ \"display\": \"{C(r.choice(DEPTS)[0], 'facility')}\" }} }}\n+  ],\n"
            f"+  \"comment\": \"pt prefers text to {P(pt.phone('dot'), 'phone')}\"\n+}}\n")


@T("fhir_diff")
def fhir_relatedperson_proxy(r):
    pt = Pt(r, old=True, sex="F")
    px = Pt(r, culture=pt.culture)
    return (diffhdr("src/__fixtures__/relatedPerson.proxy.ts", r) +
            " export const proxyFixture: RelatedPerson = {\n   resourceType: 'RelatedPerson',\n"
            f"-  patient: {{ reference: 'Patient/erXuFYUfucBZaryVksYEcMg3', display: 'Mychart, Allison' }},\n"
            f"+  patient: {{ reference: 'Patient/{C(uuid(r), 'internal_id')}', display: '{P(pt.lf())}' }},\n"
            "   relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAUC' }] }],\n"
            f"-  name: [{{ family: 'Mychart', given: ['Proxy'] }}],\n+  name: [{{ family: '{P(px.family)}', given: ['{P(px.given)}'] }}],\n"
            f"+  telecom: [{{ system: 'email', value: '{P(px.email, 'email')}' }}],\n"
            "   active: true,\n };\n\n"
            f"Bitbucket comment by {C(staff(r))}: the mother in this fixture is {AGE(pt)} per the chart — this came from a real proxy record. Revert.\n")


@T("fhir_diff")
def fhir_observation_device(r):
    pt = Pt(r)
    sn = f"{r.choice(['G7', 'FS', 'OMN'])}{r.randint(10, 99)}{r.choice('ABCDEFGHJK')}{r.randint(100000, 999999)}"
    eff = svc_date(r)
    return (f"GitHub PR #{r.randint(40, 400)} — RPM glucose ingestion: Observation mapping\n\n" +
            diffhdr("mapping/cgm-observation.json", r) +
            "   \"resourceType\": \"Observation\",\n   \"code\": { \"coding\": [{ \"system\": \"http://loinc.org\", \"code\": \"" + C("2339-0", "code") + "\" }] },\n"
            f"-  \"subject\": {{ \"reference\": \"Patient/123\" }},\n+  \"subject\": {{ \"reference\": \"Patient/{C(uuid(r), 'internal_id')}\", \"display\": \"{P(pt.fl())}\" }},\n"
            f"+  \"effectiveDateTime\": \"{P(eff.isoformat() + f'T0{r.randint(1, 9)}:15:00-06:00', 'date')}\",\n"
            f"+  \"device\": {{ \"display\": \"Dexcom G7 SN {P(sn, 'device_id')}\" }},\n"
            "   \"valueQuantity\": { \"value\": 187, \"unit\": \"mg/dL\" }\n\n"
            f"Reviewer {C(staff(r))}: device serial + name is PHI; fixture must use the sandbox device.\n")


@T("fhir_diff")
def fhir_ts_search_mock(r):
    pts = [Pt(r) for _ in range(2)]
    ent = []
    for p in pts:
        ent.append(f"+      {{ resource: {{ resourceType: 'Patient', id: '{C(uuid(r), 'internal_id')}', "
                   f"name: [{{ text: '{P(p.fl())}' }}], birthDate: '{P(p.d('iso'), 'date')}', "
                   f"identifier: [{{ type: {{ text: 'EPI' }}, value: '{P(p.mrn, 'mrn')}' }}] }} }},")
    return (diffhdr("web/src/mocks/patientSearch.ts", r) +
            " export const patientSearchBundle = {\n   resourceType: 'Bundle',\n   type: 'searchset',\n   entry: [\n"
            "-      { resource: { resourceType: 'Patient', id: 'test-1', name: [{ text: 'ZZZTEST,PATIENT' }], birthDate: '1980-01-01' } },\n"
            + "\n".join(ent) + "\n   ],\n };\n\n"
            f"{C(staff(r))} (review): these look like real patients from the Interconnect TST refresh — TST is a copy of PRD. Please regenerate.\n")


@T("fhir_diff")
def fhir_xml_patient(r):
    pt = Pt(r)
    return (diffhdr("src/test/resources/cerner/patient.xml", r) +
            " <Patient xmlns=\"http://hl7.org/fhir\">\n"
            f"-  <name><family value=\"SMART\"/><given value=\"NANCY\"/></name>\n"
            f"+  <name><use value=\"official\"/><family value=\"{P(pt.family)}\"/><given value=\"{P(pt.given)}\"/></name>\n"
            f"-  <birthDate value=\"1980-08-11\"/>\n+  <birthDate value=\"{P(pt.d('iso'), 'date')}\"/>\n"
            f"+  <address><line value=\"{P(pt.street, 'street_address')}\"/><city value=\"{P(pt.city, 'street_address')}\"/>"
            f"<state value=\"{C(pt.state, 'state')}\"/><postalCode value=\"{P(pt.zip, 'zip_code')}\"/></address>\n"
            f"+  <identifier><type><text value=\"MRN\"/></type><value value=\"{P(pt.cmrn, 'mrn')}\"/></identifier>\n"
            " </Patient>\n\n(Replaced the Cerner sandbox patient SMART, NANCY with a prod export while debugging address parsing.)\n")


# ================================================================ PHI: sql_seed
@T("sql_seed")
def sql_clarity_patient_grid(r):
    pts = [Pt(r, old=r.random() < 0.3) for _ in range(r.randint(2, 4))]
    rows = []
    for p in pts:
        rows.append(f"{C(p.mrn[:2] + 'Z' + str(r.randint(1000, 9999)), 'internal_id'):<12}  {P(p.mrn, 'mrn')}      {P(p.epic())}    "
                    f"{P(fmt_date(p.dob, 'iso'), 'date')} 00:00:00.000   {P(p.zip, 'zip_code')}")
    return ("-- Clarity: patients with an active MyChart but no email (ticket " + key(r, "ANLY") + ")\n"
            "SELECT p.PAT_ID, p.PAT_MRN_ID, p.PAT_NAME, p.BIRTH_DATE, p.ZIP\n  FROM PATIENT p\n"
            "  JOIN PATIENT_MYC pm ON pm.PAT_ID = p.PAT_ID\n WHERE pm.MYCHART_STATUS_C = 1 AND p.EMAIL_ADDRESS IS NULL;\n\n"
            "PAT_ID        PAT_MRN_ID    PAT_NAME                       BIRTH_DATE                ZIP\n"
            "------------  ------------  -----------------------------  ------------------------  -----\n"
            + "\n".join(rows) + f"\n\n({len(rows)} rows affected)\n")


@T("sql_seed")
def sql_pat_enc_datafix(r):
    pt = Pt(r)
    d = svc_date(r)
    return (f"/* DATA FIX {key(r, 'CHG')} — CSN {P(pt.csn, 'account_number')} wrong department after Cadence merge\n"
            f"   Patient: {P(pt.epic())}  MRN {P(pt.mrn, 'mrn')}  Contact date {P(fmt_date(d, 'mdy'), 'date')}\n"
            f"   Approved by {C(staff(r))} (Clarity DBA)  — Clarity reporting copy only; Chronicles fix via Data Courier */\n"
            "BEGIN TRAN;\nUPDATE PAT_ENC\n   SET DEPARTMENT_ID = " + C(r.choice(DEPTS)[1], "internal_id") + "\n"
            f" WHERE PAT_ENC_CSN_ID = {P(pt.csn, 'account_number')}\n   AND CONTACT_DATE = '{P(d.isoformat(), 'date')}';\n"
            "-- (1 row affected)\nSELECT DEPARTMENT_ID, ENC_TYPE_C FROM PAT_ENC WHERE PAT_ENC_CSN_ID = " + P(pt.csn, "account_number") + ";\nCOMMIT;\n")


@T("sql_seed")
def sql_caboodle_insert(r):
    pts = [Pt(r) for _ in range(r.randint(2, 3))]
    vals = []
    for p in pts:
        vals.append(f"  ({C(str(r.randint(100000, 999999)), 'internal_id')}, '{P(p.mrn, 'mrn')}', N'{P(p.lf())}', '{P(p.d('iso'), 'date')}', "
                    f"'{p.sex}', N'{P(p.city, 'street_address')}', '{C(p.state, 'state')}', '{P(p.zip, 'zip_code')}')")
    return ("-- seed for the readmission model unit tests (copied from Caboodle DEV, which is refreshed from PRD)\n"
            "INSERT INTO dbo.PatientDim (PatientDurableKey, PrimaryMrn, Name, BirthDate, Sex, City, StateOrProvince, PostalCode)\nVALUES\n"
            + ",\n".join(vals) + ";\n\n-- TODO: replace with synthetic rows before merging\n")


@T("sql_seed")
def sql_ccl_output(r):
    pts = [Pt(r) for _ in range(r.randint(2, 4))]
    rows = []
    for p in pts:
        rows.append(f"{P(p.epic()):<34}{P(p.cmrn, 'mrn')}    {P(p.fin, 'account_number')}  {P(fmt_date(svc_date(r), 'dmonu'), 'date')}")
    return ("; CCL — ED encounters missing PCP, run from DiscernVisualDeveloper (P0783)\n"
            "select p.name_full_formatted, mrn = ea.alias, fin = ea2.alias, e.reg_dt_tm\n"
            "from encounter e, person p, encntr_alias ea, encntr_alias ea2\n"
            "plan e where e.encntr_type_cd = 309310.00 and e.reg_dt_tm >= cnvtdatetime(curdate-7, 0)\n"
            "join p where p.person_id = e.person_id\njoin ea where ea.encntr_id = e.encntr_id and ea.encntr_alias_type_cd = 1079.00\n"
            "join ea2 where ea2.encntr_id = e.encntr_id and ea2.encntr_alias_type_cd = 1077.00\nwith nocounter, format, separator = \" \"\ngo\n\n"
            "NAME_FULL_FORMATTED               MRN          FIN         REG_DT_TM\n" + "\n".join(rows) + "\n")


@T("sql_seed")
def sql_hsp_account_fix(r):
    pt = Pt(r)
    g = Pt(r, culture=pt.culture)
    return (f"-- {key(r, 'RES')}: guarantor mismatch on HAR {P(pt.har, 'account_number')}\n"
            f"-- Patient {P(pt.lfm())}, guarantor should be {P(g.lf())} (spouse), ph {P(g.phone('dash'), 'phone')}\n"
            "SELECT h.HSP_ACCOUNT_ID, h.HSP_ACCOUNT_NAME, h.GUARANTOR_ID, h.ADM_DATE_TIME, zc.NAME AS ACCT_CLASS\n"
            "  FROM HSP_ACCOUNT h\n  LEFT JOIN ZC_ACCT_CLASS_HA zc ON zc.ACCT_CLASS_HA_C = h.ACCT_CLASS_HA_C\n"
            f" WHERE h.HSP_ACCOUNT_ID = {P(pt.har, 'account_number')};\n\n"
            f"HSP_ACCOUNT_ID  HSP_ACCOUNT_NAME        GUARANTOR_ID  ADM_DATE_TIME        ACCT_CLASS\n"
            f"{P(pt.har, 'account_number')}      {P(pt.epic())}      {C(str(r.randint(1000000, 9999999)), 'internal_id')}       "
            f"{P(svc_date(r).isoformat(), 'date')} 14:22   Inpatient\n")


@T("sql_seed")
def sql_pg_copy_warehouse(r):
    pts = [Pt(r, old=r.random() < 0.3) for _ in range(r.randint(3, 4))]
    rows = "\n".join(f"{P(p.mrn, 'mrn')}\t{P(p.fl())}\t{P(p.d('iso'), 'date')}\t{P(p.phone('dash'), 'phone')}\t{C(r.choice(ICD)[0], 'code')}\t{P(svc_date(r).isoformat(), 'date')}"
                     for p in pts)
    return ("-- analytics.readmit_outreach load (pg_dump --data-only, schema analytics)\n"
            "COPY analytics.readmit_outreach (mrn, patient_name, birth_date, phone, primary_dx, discharge_date) FROM stdin;\n"
            + rows + "\n\\.\n\nSELECT pg_catalog.setval('analytics.readmit_outreach_id_seq', 412, true);\n")


@T("sql_seed")
def sql_oracle_insert_all(r):
    pts = [Pt(r) for _ in range(2)]
    ins = "\n".join(f"  INTO cust_portal_invite (person_id, mrn, name_full, email, invite_dt) VALUES "
                    f"({C(str(r.randint(10000000, 19999999)), 'internal_id')}, '{P(p.cmrn, 'mrn')}', '{P(p.epic())}', '{P(p.email, 'email')}', SYSDATE)"
                    for p in pts)
    return ("-- Millennium custom table for the HealtheLife invite backfill (run in P0783 as V500)\n"
            f"INSERT ALL\n{ins}\nSELECT 1 FROM dual;\nCOMMIT;\n-- 2 rows inserted.\n")


@T("sql_seed")
def sql_sqlcmd_zc_join(r):
    pt = Pt(r, old=True)
    return (f"1> SELECT p.PAT_MRN_ID, p.PAT_NAME, p.BIRTH_DATE, zs.NAME AS SEX, zps.NAME AS STATUS\n"
            "2>   FROM PATIENT p JOIN ZC_SEX zs ON zs.RCPT_MEM_SEX_C = p.SEX_C\n"
            "3>   JOIN ZC_PATIENT_STATUS zps ON zps.PATIENT_STATUS_C = p.PAT_STATUS_C\n"
            f"4>  WHERE p.PAT_MRN_ID = '{P(pt.mrn, 'mrn')}';\n5> GO\n"
            "PAT_MRN_ID PAT_NAME                 BIRTH_DATE              SEX     STATUS\n"
            "---------- ------------------------ ----------------------- ------- -------\n"
            f"{P(pt.mrn, 'mrn')}   {P(pt.epic())}     {P(pt.d('iso'), 'date')} 00:00:00.000 {'Female' if pt.sex == 'F' else 'Male'}  Alive\n\n(1 rows affected)\n"
            f"-- age {AGE(pt)}; HM topic 'Falls screening' not firing. Compare with BPA criteria record 1948.\n")


# ================================================================ PHI: clinical_note
@T("clinical_note")
def note_smarttext_progress(r):
    pt = Pt(r, old=r.random() < 0.4)
    d = svc_date(r)
    dx = r.choice(ICD)
    return (f"NUH Internal Medicine Progress Note\n\nPatient: {P(pt.lfm())}   MRN: {P(pt.mrn, 'mrn')}   DOB: {P(pt.d('mdy'), 'date')}   "
            f"Age: {AGE(pt)} y.o.   Sex: {'female' if pt.sex == 'F' else 'male'}\nDate of Service: {P(fmt_date(d, 'mdy'), 'date')}\n"
            f"Attending: {C(staff(r))}, MD   Unit: {C('7 West', 'facility')}\n\n"
            f"Subjective: {AGE(pt)} y.o. admitted for {C(dx[1], 'condition')}. Slept poorly, denies chest pain. Daughter at bedside.\n\n"
            f"Medications: {C(r.choice(MEDS), 'medication')}; {C(r.choice(MEDS), 'medication')}\n\n"
            f"Assessment/Plan:\n# {C(dx[1], 'condition')} ({C(dx[0], 'code')}) — continue current plan, PT/OT eval.\n"
            f"# Dispo: anticipate discharge home with home health when cleared.\n\n"
            f"Electronically signed by {C(staff(r))}, MD on {C(fmt_date(d, 'mdy'), 'event_date')} {r.randint(10, 12)}:{r.randint(10, 59)} PM\n")


@T("clinical_note")
def note_inbasket_patient_call(r):
    pt = Pt(r, sex="F")
    return (f"In Basket — Patient Calls (Pool: {C('NUH PRIMARY CARE OAK PARK RN POOL', 'facility')})\n"
            f"From: {C(staff(r))} (Call Center)      Received: {C(fmt_date(svc_date(r), 'mdy'), 'event_date')} 9:14 AM\n"
            f"Patient: {P(pt.epic())} [{P(pt.mrn, 'mrn')}]   DOB {P(pt.d('mdy'), 'date')}\n\n"
            f"Reason for call: medication question\nCall back: {P(pt.phone('paren'), 'phone')} (mobile, OK to leave detailed message)\n\n"
            f"Pt states she ran out of {C(r.choice(MEDS).split(' ')[0], 'medication')} 3 days ago and the pharmacy says refill needs PCP approval. "
            f"Pharmacy: Walgreens on {C('N Clark St', 'facility')}. Requests refill today.\n\n"
            "Routing comment: please advise — last visit 6 months ago.\n")


@T("clinical_note")
def note_powerchart_discharge(r):
    pt = Pt(r)
    a = svc_date(r)
    b = a + timedelta(days=r.randint(2, 8))
    return (f"*** DISCHARGE SUMMARY ***   (copied from PowerChart Clinical Notes)\n"
            f"Patient: {P(pt.epic())}   MRN: {P(pt.cmrn, 'mrn')}   FIN: {P(pt.fin, 'account_number')}\n"
            f"Admit: {P(fmt_date(a, 'mdy'), 'date')}   Discharge: {P(fmt_date(b, 'mdy'), 'date')}   Attending: {C(staff(r))}, MD\n\n"
            f"Principal diagnosis: {C(r.choice(CONDITIONS), 'condition')}\n"
            f"Hospital course: Pt presented to the {C('NUH Evanston Campus', 'facility')} ED with dyspnea. Treated with IV diuresis "
            f"({C('furosemide', 'medication')}), net negative 4.1 L. Echo EF 30%.\n"
            f"Discharge meds: {C(r.choice(MEDS), 'medication')}, {C(r.choice(MEDS), 'medication')}\n"
            f"Follow-up: cardiology clinic in 7 days; home health to call {P(pt.phone('dash'), 'phone')}.\n"
            f"Discharged to: home, {P(pt.street, 'street_address')}, {P(pt.city, 'street_address')}\n")


@T("clinical_note")
def note_ed_provider(r):
    pt = Pt(r, old=r.random() < 0.5)
    d = svc_date(r)
    return (f"ED Provider Note — {C('NUH ED MAIN', 'facility')}\n{P(pt.lf())}, {AGE(pt)} y.o. {'F' if pt.sex == 'F' else 'M'}  "
            f"| MRN {P(pt.mrn, 'mrn')} | CSN {P(pt.csn, 'account_number')} | Arrival {P(fmt_date(d, 'mdy1'), 'date')} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}\n\n"
            f"HPI: {AGE(pt)} y.o. brought by EMS after fall at home, found by neighbor. History of {C(r.choice(CONDITIONS), 'condition')}. "
            f"On {C('apixaban', 'medication')}.\n\nExam: GCS 15, L hip shortened and externally rotated.\n"
            f"MDM: XR L hip — {C('displaced femoral neck fracture', 'condition')}. Ortho consulted ({C(staff(r))}).\n"
            f"Dispo: admit to ortho. Son {P(Pt(r, culture=pt.culture, family=pt._f, sex='M').fl())} notified at bedside.\n")


@T("clinical_note")
def note_telephone_triage(r):
    pt = Pt(r, child=True)
    par = Pt(r, culture=pt.culture, family=pt._f, sex="F")
    return (f"Telephone Encounter\n{P(pt.epic())}   DOB: {P(pt.d('short'), 'date')}   MRN: {P(pt.mrn, 'mrn')}\n"
            f"Encounter date: {P(fmt_date(svc_date(r), 'mdy'), 'date')}   Department: {C('PCH PEDIATRICS GEN', 'facility')}\n\n"
            f"Caller: {P(par.fl())} (mother)   Phone: {P(par.phone('paren'), 'phone')}\n"
            f"Protocol: Fever (Schmitt-Thompson pediatric)\n"
            f"Temp 102.8 F x2 days, drinking OK, 3 wet diapers today. No rash. Dispo: see in office within 24 hours — scheduled with "
            f"{C(staff(r))}, MD tomorrow 9:20.\nAdvised {C('acetaminophen', 'medication')} weight-based dose.\n\n{C(staff(r))}, RN\n")


@T("clinical_note")
def note_hyperspace_banner(r):
    pt = Pt(r, old=r.random() < 0.5)
    al = r.choice(["Penicillins", "Sulfa Antibiotics", "No Known Allergies", "Latex"])
    return (f"{P(pt.epic())}\nSex: {pt.sex}   {AGE(pt)} y.o.   {P(pt.d('mdy'), 'date')}\nMRN: {P(pt.mrn, 'mrn')}\n"
            f"PCP: {C(staff(r))}, MD\nAllergies: {al}\nCode: Full   Isolation: None\nCoverage: {pt.payer}\n"
            f"-----------------------------------------------\nNursing Shift Note ({C('7 West', 'facility')})\n"
            f"Pt AOx3, ambulates with walker x1 assist. Tolerating diet. Pain 3/10, {C('oxycodone 5 mg', 'medication')} x1 at 0200.\n"
            f"Family ({P(Pt(r, culture=pt.culture).fl())}, HCPOA) updated by phone at {P(Pt(r).phone('dash'), 'phone')}.\n")


@T("clinical_note")
def note_meditech_nursing(r):
    pt = Pt(r)
    a = svc_date(r)
    return (f"MEDITECH EXPANSE - PCS Nursing Assessment\nPatient: {P(pt.hl7().replace('^', ','))}  Acct: {P('V' + pt.har, 'account_number')}\n"
            f"Unit#: {P('M' + pt.mrn[:7], 'mrn')}  Age/Sex: {AGE(pt)}/{pt.sex}  Adm: {P(fmt_date(a, 'mdy'), 'date')}\nLoc: {C('EVN 3S', 'facility')}\n\n"
            f"Admission Assessment\n  Reason for admission: {C(r.choice(CONDITIONS), 'condition')}\n  Lives with: spouse\n"
            "  Fall risk (Morse): 45 - high\n  Braden: 17\n  Skin: intact\n  Home meds reconciled: Y\n")


@T("clinical_note")
def note_athena_visit_summary(r):
    pt = Pt(r)
    d = svc_date(r)
    return (f"Clinical Summary — Lakeview Cardiology Associates (athenaOne)\n\n{P(pt.fl())}\nDOB: {P(pt.d('long'), 'date')}\n"
            f"{P(pt.street, 'street_address')}{(', ' + P(pt.unit, 'street_address')) if pt.unit else ''}\n{P(pt.city, 'street_address')}, {C(pt.state, 'state')} {P(pt.zip, 'zip_code')}\n\n"
            f"Visit: {P(fmt_date(d, 'long'), 'date')} with {C(staff(r))}, NP\nReason: follow-up {C('atrial fibrillation', 'condition')}\n"
            f"Vitals: BP 132/78, HR 74 irregular\nPlan: continue {C('apixaban 5 mg BID', 'medication')}; Holter x14 days; return 3 months.\n")


# ================================================================ PHI: claims_csv
@T("claims_csv")
def claims_resolute_denials(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = Pt(r)
        rows.append(",".join([P(p.har, "account_number"), f'"{P(p.epic())}"', P(fmt_date(svc_date(r), 'mdy'), 'date'),
                              p.payer.replace(",", ""), P(p.member, "medicare_mbi" if p.payer.startswith("Medicare") else "health_plan_id"),
                              r.choice(["CO-16", "CO-197", "CO-50", "PR-1", "CO-22"]), f"{r.randint(80, 9800)}.{r.randint(0, 99):02d}"]))
    return ("HAR,Patient,DOS,Payer,Member ID,CARC,Denied Amt\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_835_pipe(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = Pt(r)
        rows.append("|".join([P(f"{r.randint(26001, 26330)}{r.randint(100000000, 999999999)}", "other_id"), P(p.lf().upper()),
                              P(p.member, "medicare_mbi" if p.payer.startswith("Medicare") else "health_plan_id"),
                              P(svc_date(r).strftime("%Y%m%d"), "date"), C(r.choice(CPT), "code"),
                              f"{r.randint(100, 2000)}.00", f"{r.randint(20, 900)}.{r.randint(0, 99):02d}", r.choice(["1", "1", "4", "22"])]))
    return ("# 835 remit detail — Resolute PB remittance image export (ERA batch " + str(r.randint(100000, 999999)) + ")\n"
            "PAYER_CLAIM_CTRL|PATIENT|MEMBER_ID|SVC_DATE|PROC|BILLED|PAID|CLP02\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_availity_status_tab(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p = Pt(r)
        rows.append("\t".join([P(p.lfm()), P(p.d("mdy"), "date"), P(p.member, "medicare_mbi" if p.payer.startswith("Medicare") else "health_plan_id"),
                               P(fmt_date(svc_date(r), "mdy"), "date"), r.choice(["Finalized/Paid", "Pending", "Rejected A7:164", "Denied"]),
                               P(f"{r.randint(26000, 26365)}E{r.randint(10000, 99999)}", "other_id")]))
    return ("Availity Claim Status batch results (pasted from Excel)\n\nPatient\tDOB\tSubscriber ID\tFrom DOS\tStatus\tPayer Claim #\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_athena_quoted(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p = Pt(r)
        rows.append(",".join([f'"{P(str(r.randint(100000, 999999)), "other_id")}"', f'"{P(p.lf())}"', f'"{P(p.d("mdy1"), "date")}"',
                              f'"{P(fmt_date(svc_date(r), "mdy1"), "date")}"', f'"{C(r.choice(CPT), "code")}"', f'"{C(r.choice(ICD)[0], "code")}"',
                              f'"{p.payer}"', f'"{r.choice(["DROP", "HOLD", "BILLED", "CLOSED"])}"']))
    return ("\ufeff\"Claim ID\",\"Patient Name\",\"Patient DOB\",\"Service Date\",\"Procedure\",\"Dx\",\"Primary Insurance\",\"Claim Status\"\r\n"
            + "\r\n".join(rows) + "\r\n")


@T("claims_csv")
def claims_cerner_pa_fin(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = Pt(r)
        rows.append(";".join([P(p.fin, "account_number"), P(p.cmrn, "mrn"), P(p.epic()), P(fmt_date(svc_date(r), "dmonu"), "date"),
                              r.choice(["Inpatient", "Emergency", "Outpatient"]), f"{r.randint(500, 90000)},{r.randint(0, 99):02d}", r.choice(["Billed", "Denied", "Hold - Coding"])]))
    return ("FIN;MRN;NAME_FULL;REG_DATE;ENC_TYPE;TOTAL_CHARGES;BILL_STATUS\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_mbi_rejects(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p = Pt(r, old=r.random() < 0.5)
        m = p.mbi
        rows.append(",".join([f'"{P(p.epic())}"', P(p.d("hl7"), "date"), P(m if r.random() < 0.5 else mbi_dash(m), "medicare_mbi"),
                              P(fmt_date(svc_date(r), "hl7"), "date"), r.choice(["MBI/name mismatch", "Invalid MBI (HICN sent)", "Beneficiary deceased"])]))
    return ("# NGS Medicare front-end rejects — pulled from Availity EDI reports, batch " + str(r.randint(1000, 9999)) + "\n"
            "patient,dob,mbi,dos,reason\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_nextgen_fixed(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = Pt(r)
        nm = p.lf()[:24]
        rows.append(f"{P(str(r.randint(100000, 999999)), 'account_number')}  {P(nm)}{' ' * (26 - len(nm))}{P(fmt_date(svc_date(r), 'mdy'), 'date')}  "
                    f"{r.randint(10, 900):>7}.{r.randint(0, 99):02d}  {r.choice(['31-60', '61-90', '91-120', '120+'])}")
    return ("NextGen PM  A/R Aging by Patient  (Lakeview Cardiology Associates)\n"
            "ACCT    PATIENT                   LAST DOS    BALANCE    BUCKET\n"
            "------  ------------------------  ----------  ---------  ------\n" + "\n".join(rows) + "\n")


@T("claims_csv")
def claims_resolute_wq_excel(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = Pt(r)
        rows.append("\t".join([str(r.randint(1000, 1999)), P(p.har, "account_number"), P(p.epic()), P(fmt_date(svc_date(r), "mdy1"), "date"),
                               p.payer, r.choice(["Auth missing", "Timely filing risk", "Coding edit", "COB"]), C(staff(r))]))
    return ("Resolute HB Claim Edit WQ 1742 — copied from Hyperspace (Ctrl+C on the grid)\n"
            "WQ Item\tHAR\tPatient\tSvc Date\tPrimary Payer\tEdit\tOwner\n" + "\n".join(rows) + "\n")


# ================================================================ PHI: patient_email
def sig_staff(r, team="MyChart Support"):
    s = staff(r)
    return f"{C(s)}\n{team} | {ORG}\n{C(ws_phone(r), 'staff_contact')} | {C(staff_email(s), 'staff_contact')}"


@T("patient_email")
def email_mychart_message(r):
    pt = Pt(r)
    d = svc_date(r)
    return (f"MyChart Message\nFrom: {P(pt.fl())}\nTo: {C(staff(r))}, MD ({C('NUH ENDOCRINOLOGY LKV', 'facility')})\n"
            f"Sent: {C(fmt_date(d, 'mdy'), 'event_date')} 8:47 PM\nSubject: Question about my insulin dose\n\n"
            f"Hi Dr., my sugars have been running 250-300 in the mornings since we changed the {C('insulin glargine', 'medication')}. "
            f"Should I go back to 22 units? My next appointment is {P(fmt_date(d + timedelta(days=r.randint(10, 40)), 'long'), 'date')} but I don't want to wait.\n"
            f"You can call me at {P(pt.phone(), 'phone')}.\nThanks, {P(pt.given)}\n")


@T("patient_email")
def email_proxy_daughter(r):
    pt = Pt(r, old=True, sex="F")
    dau = Pt(r, culture=pt.culture, sex="F")
    return (f"From: {P(dau.fl())} <{P(dau.email, 'email')}>\nTo: mychartsupport@{ORGD}\nDate: {C('Tue, ' + fmt_date(svc_date(r), 'long'), 'event_date')}\n"
            f"Subject: Proxy access for my mother\n\nHello,\n\nI am the daughter and health care POA for my mother, {P(pt.fl())}, who is {AGE(pt)} and "
            f"lives with me at {P(pt.street, 'street_address')} in {P(pt.city, 'street_address')}. Her date of birth is {P(pt.d('mdy'), 'date')} and "
            f"her MRN from the bracelet is {P(pt.mrn, 'mrn')}. I need to see her test results and message her doctors. "
            "I have the POA paperwork scanned if you tell me where to upload it.\n\nThank you,\n" + P(dau.fl()) + f"\n{P(dau.phone(), 'phone')}\n")


@T("patient_email")
def email_spanish_mychart(r):
    pt = Pt(r, culture=r.choice(["mexican", "puerto_rican"]))
    return (f"Mensaje de MyChart\nDe: {P(pt.fl())}\nPara: {C('Clínica de Atención Primaria Oak Park', 'facility')}\n\n"
            f"Buenas tardes. Soy {P(pt.fl())}, fecha de nacimiento {P(pt.d('mdy'), 'date')}. Necesito cambiar mi cita del "
            f"{P(fmt_date(svc_date(r), 'mdy1'), 'date')} porque tengo trabajo. Mi número nuevo es {P(pt.phone('dash'), 'phone')}. "
            f"También quiero saber si ya llegó la receta de {C('metformina', 'medication')}.\n\nGracias,\n{P(pt.given)}\n")


@T("patient_email")
def email_native_parent(r):
    cult = r.choice(["chinese", "korean", "russian", "arabic", "ukrainian", "greek", "hindi", "japanese", "amharic", "hebrew", "thai"])
    ch = Pt(r, culture=cult, child=True, sex="M" if cult == "ukrainian" else None)
    par = Pt(r, culture=cult, family=ch._f, sex="M" if cult == "arabic" else "F")
    body = {
        "chinese": f"您好，我是 {P(par.native())} 的家长。我的孩子 {P(ch.native())}（{P(ch.fl())}）出生日期 {P(ch.d('iso'), 'date')}，下周需要复诊。请回电 {P(par.phone('dash'), 'phone')}。",
        "korean": f"안녕하세요. 저는 {P(ch.native())} ({P(ch.fl())}) 의 엄마 {P(par.native())} 입니다. 생년월일 {P(ch.d('iso'), 'date')}. 예약 변경 부탁드립니다. 전화 {P(par.phone('dash'), 'phone')}",
        "japanese": f"お世話になります。{P(ch.native())} （{P(ch.fl())}）の母 {P(par.native())} です。生年月日 {P(ch.d('iso'), 'date')}。電話 {P(par.phone('dash'), 'phone')} までご連絡ください。",
        "russian": f"Здравствуйте! Я мама пациента {P(ch.native())} ({P(ch.fl())}), дата рождения {P(ch.d('mdy'), 'date')}. Прошу перезвонить по номеру {P(par.phone('dash'), 'phone')}. {P(par.native())}",
        "ukrainian": f"Добрий день! Пишу щодо сина {P(ch.native())} ({P(ch.fl())}), дата народження {P(ch.d('mdy'), 'date')}. Мій телефон {P(par.phone('dash'), 'phone')}. {P(par.native())}",
        "greek": f"Καλησπέρα σας. Είμαι ο γονιός του {P(ch.native())} ({P(ch.fl())}), ημερομηνία γέννησης {P(ch.d('mdy'), 'date')}. Τηλέφωνο {P(par.phone('dash'), 'phone')}. {P(par.native())}",
        "arabic": f"مرحبا، أنا {P(par.native())} والد الطفل {P(ch.native())} ({P(ch.fl())})، تاريخ الميلاد {P(ch.d('mdy'), 'date')}. رقم الهاتف {P(par.phone('dash'), 'phone')}",
        "hindi": f"नमस्ते, मैं {P(par.native())} हूँ। मेरे बच्चे {P(ch.native())} ({P(ch.fl())}) की जन्मतिथि {P(ch.d('mdy'), 'date')} है। कृपया {P(par.phone('dash'), 'phone')} पर फ़ोन करें।",
        "amharic": f"ሰላም፣ እኔ {P(par.native())} ነኝ። ልጄ {P(ch.native())} ({P(ch.fl())}) የትውልድ ቀን {P(ch.d('mdy'), 'date')}። ስልክ {P(par.phone('dash'), 'phone')}",
        "hebrew": f"שלום, אני {P(par.native())}, ההורה של {P(ch.native())} ({P(ch.fl())}), תאריך לידה {P(ch.d('mdy'), 'date')}. טלפון {P(par.phone('dash'), 'phone')}",
        "thai": f"สวัสดีค่ะ ดิฉัน {P(par.native())} เป็นแม่ของ {P(ch.native())} ({P(ch.fl())}) วันเกิด {P(ch.d('mdy'), 'date')} โทร {P(par.phone('dash'), 'phone')}",
    }[cult]
    return (f"MyChart Message (proxy)\nFrom: {P(par.fl())} (proxy for {P(ch.fl())})\nTo: {C('PCH PEDIATRICS GEN', 'facility')}\n"
            f"Subject: appointment\n\n{body}\n\n-- Interpreter Services note: forwarded to {C(staff(r))} for translation.\n")


@T("patient_email")
def email_billing_card(r):
    pt = Pt(r)
    card = mk_card(r)
    cshow = " ".join(card[i:i + 4] for i in range(0, 16, 4)) if r.random() < 0.5 else card
    return (f"From: {P(pt.email, 'email')}\nTo: billing@{ORGD}\nSubject: Statement for account {P(pt.har, 'account_number')}\n\n"
            f"Hello, I got a statement for my ER visit on {P(fmt_date(svc_date(r), 'mdy'), 'date')} but my insurance ({pt.payer}) should have paid it. "
            f"My member ID is {P(pt.member, 'medicare_mbi' if pt.payer.startswith('Medicare') else 'health_plan_id')}. If I do owe it, please charge my card "
            f"{P(cshow, 'credit_card')} exp 08/28.\n\n{P(pt.fl())}\n{P(pt.phone(), 'phone')}\n\n---\nReply from {C(staff(r))} (Patient Financial Services): "
            "please don't send card numbers by email; call the number on the statement or pay in MyChart.\n")


@T("patient_email")
def email_forwarded_to_it(r):
    pt = Pt(r)
    s = staff(r)
    return (f"From: {C(s)} <{C(staff_email(s), 'staff_contact')}>\nTo: ehr-support@{ORGD}\nSubject: FW: can't see my results\n\n"
            "Forwarding — patient can see the lab order but not the result in MyChart. Result release rule? Thanks.\n\n"
            f"-----Original Message-----\nFrom: {P(pt.fl())} <{P(pt.email, 'email')}>\nSent: {C(fmt_date(svc_date(r), 'long'), 'event_date')} 7:02 AM\n"
            f"Subject: can't see my results\n\nI had blood work at the Oak Park lab on {P(fmt_date(svc_date(r), 'mdy1'), 'date')} and the app says 'result pending' "
            f"but my doctor already called me about it. MRN {P(pt.mrn, 'mrn')}, DOB {P(pt.d('mdy'), 'date')}.\n")


@T("patient_email")
def email_athena_portal(r):
    pt = Pt(r)
    url = f"https://{r.choice(['12345', '24811', '19906'])}.portal.athenahealth.com/?patientid={r.randint(100000, 999999)}"
    return (f"Subject: Portal link not working\nFrom: {P(pt.fl())} <{P(pt.email, 'email')}>\n\n"
            f"I clicked the link in the text from your office and it says session expired: {P(url, 'url')}\n"
            f"I'm trying to fill out the forms before my appointment on {P(fmt_date(svc_date(r), 'long'), 'date')}. Date of birth {P(pt.d('mdy1'), 'date')}.\n"
            f"Cell {P(pt.phone('dot'), 'phone')}\n")


@T("patient_email")
def email_address_change(r):
    pt = Pt(r)
    return (f"From: {P(pt.fl())} <{P(pt.email, 'email')}>\nTo: HIM Release of Information <roi@{ORGD}>\nSubject: records request + new address\n\n"
            f"Hi, I requested my records from my surgery on {P(fmt_date(svc_date(r), 'long'), 'date')} but I moved. Please mail them to:\n\n"
            f"{P(pt.fl())}\n{P(pt.street, 'street_address')}{(' ' + P(pt.unit, 'street_address')) if pt.unit else ''}\n"
            f"{P(pt.city, 'street_address')}, {C(pt.state, 'state')} {P(pt.zip, 'zip_code')}\n\nMy DOB is {P(pt.d('mdy'), 'date')}. The last four of my social is "
            f"{C(pt.ssn[-4:], 'ssn_last4')}.\n\nThanks\n{P(pt.given)}\n\n---- reply ----\nReceived; the mailing address on the request is updated. "
            f"Records go out within 5 business days.\n{sig_staff(r, 'HIM Release of Information')}\n")


# ================================================================ CLEAN: java_stacktrace
def jline(r, cls):
    return f"\tat {cls}({cls.split('.')[-2] if '.' in cls else 'X'}.java:{r.randint(40, 900)})"


@T("java_stacktrace")
def st_mirth_hl7_parse(r):
    return (f"{ts(r)} ERROR (com.mirth.connect.donkey.server.channel.Channel:1455): Error processing message in channel ADT_IN_EPIC ({uuid(r)}).\n"
            "com.mirth.connect.donkey.server.DeployException: com.mirth.connect.model.converters.SerializerException: ca.uhn.hl7v2.HL7Exception: "
            "Can't XML-encode a GenericMessage. Message must have a recognized structure.\n"
            "\tat com.mirth.connect.plugins.datatypes.hl7v2.ER7Serializer.toXML(ER7Serializer.java:213)\n"
            "\tat com.mirth.connect.donkey.server.channel.SourceConnector.dispatchRawMessage(SourceConnector.java:196)\n"
            "\tat com.mirth.connect.connectors.mllp.MllpReceiver$1.run(MllpReceiver.java:344)\n"
            "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n"
            "Caused by: ca.uhn.hl7v2.HL7Exception: Message type ADT^A08^ADT_A01 not recognized for version 2.5.1 "
            f"(MSH-9 from sender EPIC, control id {r.randint(10000000, 99999999)})\n"
            "\tat ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:245)\n\t... 14 more\n")


@T("java_stacktrace")
def st_fhir_client_401(r):
    return (f"{ts(r)} [pool-3-thread-{r.randint(1, 9)}] ERROR c.n.i.fhir.EpicFhirClient - Token request failed for client_id {uuid(r)}\n"
            "org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: \"{\"error\":\"invalid_client\","
            "\"error_description\":\"JWT signature could not be validated (kid rotated)\"}\"\n"
            "\tat org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:106)\n"
            "\tat org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:183)\n"
            "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:781)\n"
            "\tat org.northlake.integration.fhir.EpicBackendAuth.fetchToken(EpicBackendAuth.java:88)\n"
            "\tat org.northlake.integration.fhir.EpicFhirClient.search(EpicFhirClient.java:142)\n"
            f"POST https://fhir.{ORGD}/interconnect-prd-oauth/oauth2/token  (JWKS https://jwks.{ORGD}/.well-known/jwks.json)\n")


@T("java_stacktrace")
def st_hapi_zzztest(r):
    return ("[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 2.184 s <<< FAILURE! - in org.northlake.hl7.PidMapperTest\n"
            "[ERROR] mapsPatientName(org.northlake.hl7.PidMapperTest)  Time elapsed: 0.021 s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: expected: <ZZZTEST,PATIENT> but was: <ZZZTEST^PATIENT>\n"
            "\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)\n"
            "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)\n"
            "\tat org.northlake.hl7.PidMapperTest.mapsPatientName(PidMapperTest.java:47)\n\n"
            "Fixture: PID|1||T0000042^^^EPI^MR||ZZZTEST^PATIENT^A||19800101|F|||100 TEST ST^^MADISON^WI^00000||^PRN^PH^^1^555^0142|||||||123-45-6789\n")


@T("java_stacktrace")
def st_kafka_consumer(r):
    return (f"{ts(r)} WARN  [adt-consumer-{r.randint(0, 5)}] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=adt-events, groupId=caboodle-loader] "
            "Offset commit failed on partition adt.events.v2-3 at offset 88412011: The request timed out.\n"
            f"{ts(r)} ERROR [adt-consumer-2] o.n.caboodle.AdtEventListener - Deserialization failed, sending to DLQ adt.events.v2.dlq\n"
            "org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id 4127\n"
            "Caused by: org.apache.avro.AvroTypeException: Found string, expecting union (field PatientClass)\n"
            "\tat org.apache.avro.io.ResolvingDecoder.doAction(ResolvingDecoder.java:308)\n"
            "\tat io.confluent.kafka.serializers.AbstractKafkaAvroDeserializer.deserialize(AbstractKafkaAvroDeserializer.java:141)\n"
            f"broker: 10.{r.randint(20, 40)}.4.{r.randint(10, 99)}:9093  schema-registry: https://schemareg.{ORGD}:8081\n")


@T("java_stacktrace")
def st_jdbc_clarity_timeout(r):
    return (f"{ts(r)} ERROR o.n.reporting.ClarityExtractJob - Step 'pat_enc_daily' failed after 3 retries\n"
            "com.microsoft.sqlserver.jdbc.SQLServerException: The query has timed out.\n"
            "\tat com.microsoft.sqlserver.jdbc.TDSCommand.checkForInterrupt(IOBuffer.java:7730)\n"
            "\tat com.microsoft.sqlserver.jdbc.SQLServerStatement.executeQuery(SQLServerStatement.java:850)\n"
            "\tat org.springframework.jdbc.core.JdbcTemplate.query(JdbcTemplate.java:452)\n"
            "\tat org.northlake.reporting.ClarityExtractJob.run(ClarityExtractJob.java:211)\n"
            f"SQL: SELECT PAT_ENC_CSN_ID, PAT_ID, CONTACT_DATE, DEPARTMENT_ID FROM PAT_ENC WHERE UPDATE_DATE >= ?  [timeout=600s]\n"
            f"host clarityprd-ag.{ORGD}:1433 db Clarity  (ETL window 01:30–05:00, blocked by spid {r.randint(50, 300)})\n")


@T("java_stacktrace")
def st_millennium_soap_fault(r):
    return (f"{ts(r)} ERROR [http-nio-8443-exec-{r.randint(1, 40)}] o.n.cerner.PowerChartLauncher - SOAP fault from Millennium Open Port\n"
            "javax.xml.ws.soap.SOAPFaultException: CCL error: %CCL-E-18-PRG_CUST_GET_ENCNTR(41,0)... unknown variable request->encntr_id\n"
            "\tat com.sun.xml.ws.fault.SOAP11Fault.getProtocolException(SOAP11Fault.java:178)\n"
            "\tat com.sun.xml.ws.client.sei.SyncMethodHandler.invoke(SyncMethodHandler.java:116)\n"
            "\tat org.northlake.cerner.MillenniumClient.getEncounter(MillenniumClient.java:77)\n"
            "request: <encntr_id>0.00</encntr_id><person_id>0.00</person_id> (domain P0783, node mill-app-07)\n")


@T("java_stacktrace")
def st_rhapsody_js_filter(r):
    return (f"{ts(r)} Rhapsody Engine [Route: ORM-to-PACS] [Filter: JavaScript 'normalizeAccession']\n"
            "org.mozilla.javascript.EcmaError: TypeError: Cannot read property \"value\" from undefined (normalizeAccession#22)\n"
            "\tat org.mozilla.javascript.ScriptRuntime.constructError(ScriptRuntime.java:4554)\n"
            "\tat org.mozilla.javascript.ScriptRuntime.undefReadError(ScriptRuntime.java:4527)\n"
            "\tat com.orionhealth.rhapsody.filter.javascript.JavaScriptFilter.process(JavaScriptFilter.java:301)\n"
            "Message moved to error folder 'ORM Errors' (message id 0, test harness input 'ZZZTEST^RADIOLOGY' from the 7Edit sample set).\n"
            f"Host rhp-prd-02 / 10.{r.randint(20, 40)}.12.{r.randint(10, 99)}   Rhapsody 7.2.1\n")


@T("java_stacktrace")
def st_mychart_sso_npe(r):
    return (f"{ts(r)} ERROR [main] o.s.boot.SpringApplication - Application run failed\n"
            "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"samlNameId\" is null\n"
            "\tat org.northlake.mychart.sso.SamlAssertionMapper.map(SamlAssertionMapper.java:64)\n"
            "\tat org.northlake.mychart.sso.MyChartSsoController.launch(MyChartSsoController.java:39)\n"
            "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)\n"
            f"Launch URL template: https://mychart.{ORGD}/MyChart/Authentication/Login?mode=sso&token={{token}}\n"
            f"build mychart-sso-bridge 3.{r.randint(0, 9)}.{r.randint(0, 30)}  commit {hexid(r, 10)}\n")


# ================================================================ CLEAN: meeting_notes
def dial(r):
    return f"+1 312-{r.choice(['626', '535'])}-{r.randint(6700, 6799)},,{r.randint(100000000, 999999999)}# US (Chicago)  Passcode: {r.randint(100000, 999999)}"


@T("meeting_notes")
def mtg_epic_upgrade(r):
    a = [staff(r) for _ in range(5)]
    return ("Epic Nov 2026 upgrade — weekly readiness call\n" +
            f"Zoom: https://northlake.zoom.us/j/{r.randint(10**9, 10**10 - 1)}   Dial-in: {dial(r)}\n\n"
            "Attendees: " + ", ".join(C(x) for x in a) + f", {C('Epic TS (remote)', 'staff')}\n\n"
            "* Upgrade weekend: cutover 11/14 22:00 → 11/15 06:00, downtime BCA reports validated on all units.\n"
            "* Nova notes reviewed: 212 of 248 Ambulatory, 40 remaining for Inpatient pharmacy (Willow).\n"
            "* Bridges: 6 interfaces need regression with the new HL7 2.5.1 PV1 lengths — owners assigned.\n"
            f"* Test script for MyChart uses ZZZTEST,MYCHART in PLY; do not use real patients in SUP.\n* Next call same time.\n")


@T("meeting_notes")
def mtg_cerner_vendor(r):
    a = [staff(r) for _ in range(4)]
    return (f"Vendor call — Oracle Health (Millennium) SR {r.randint(400000000, 499999999)} follow-up\nTeams meeting  |  Conference ID: {r.randint(100000000, 999999999)}#  "
            f"|  {dial(r)}\n\nNUH: {C(a[0])}, {C(a[1])}, {C(a[2])}   Oracle: {C(a[3])} (TAM)\n\n"
            "1. OPENLink ESO backlog after the 2018.07 package: Oracle confirms known issue, fix in next quarterly package.\n"
            "2. PowerChart slow open in P0783 — traced to a CCL audit script; disable in C0783 first.\n"
            "3. FHIR R4 Millennium tenant: new sandbox test patients (SMART, NANCY; SMART, WILMA) for the app vendors.\n"
            f"Action items: {C(a[0])} to send CCL audit timings by Friday.\n")


@T("meeting_notes")
def mtg_bridges_triage(r):
    return ("## Bridges / integration triage standup\n\n"
            f"**Present:** {C(staff(r))}, {C(staff(r))}, {C(staff(r))}, {C(staff(r))}\n\n"
            "| Interface | Issue | Owner | ETA |\n|---|---|---|---|\n"
            f"| ADT_OUT_RHAP (AIF 3102) | PV1-19 length | {C(staff(r))} | Thu |\n"
            f"| ORU_IN_SQ | OBX-14 blank from Cloverleaf proc | {C(staff(r))} | next sprint |\n"
            f"| SIU_OUT_PHR | S12 on reschedule | {C(staff(r))} | vendor |\n\n"
            "Error queue counts: 41 → 17 since Monday. No patient-facing impact reported by the units.\n")


@T("meeting_notes")
def mtg_caboodle_governance(r):
    return ("Data governance council — Caboodle / Cogito\n"
            f"Chair: {C(staff(r))}   Scribe: {C(staff(r))}\nWebex: https://northlake.webex.com/meet/datagov   Access code {r.randint(1000000000, 2999999999)}\n\n"
            "Decisions:\n- PatientDim de-identified extract: keep year of birth only; ages 90+ collapsed to '90+' per Safe Harbor.\n"
            "- ZIP: first three digits only, '000' for the low-population prefixes.\n"
            "- Research requests through the honest-broker queue; no Clarity direct access for students.\n"
            "Open: who owns the SlicerDicer custom data model for oncology?\n")


@T("meeting_notes")
def mtg_mychart_steering(r):
    return ("MyChart steering — monthly\n\nAttendees\n" + "\n".join(f"  - {C(staff(r))}" for _ in range(4)) +
            "\n\nMetrics (Oct): 61% active patients, 48k messages, median response 1.2 business days.\n"
            "Proxy: adolescent template live since 9/1; 312 requests, 7 escalations.\n"
            "Hello Patient / e-check-in: 22% completion at Oak Park; kiosk rollout pending.\n"
            f"Next meeting: Teams link in the invite; dial-in {dial(r)}.\n")


@T("meeting_notes")
def mtg_cadence_build(r):
    return (f"Cadence build sync — template changes for Q1\nParticipants: {C(staff(r))} (Cadence), {C(staff(r))} (Ambulatory ops), {C(staff(r))} (Training)\n\n"
            "- New visit type 'TELEHEALTH FOLLOW UP 20' (PRC 10447) for endocrinology; decision tree DT 3321 updated.\n"
            "- Provider SER 1044821 template: block Friday PMs starting 2027-01-08 for research.\n"
            "- Test in POC with patient ZZZTEST,CADENCE (MRN T0000311).\n"
            "- Ticket-scheduling from MyChart: leave disabled for procedures.\n")


@T("meeting_notes")
def mtg_rhapsody_kickoff(r):
    return ("Interface engine migration kickoff (Cloverleaf → Rhapsody)\n" +
            f"Date: {fmt_date(svc_date(r), 'long')} 10:00–11:00   Room: Lakeview 4th floor conf B / Teams\n\n"
            f"Sponsor: {C(staff(r))}   PM: {C(staff(r))}   Rhapsody PS: {C(staff(r))}\n\n"
            "Scope: 184 threads, 61 in wave 1 (lab, rad, ADT fan-out). Parallel run 4 weeks, compare with a diff harness on "
            "de-identified messages (names replaced by ZZZTEST^ANON, dates shifted).\n"
            "Risks: tcl procs with site-specific logic; MLLP ports 6661–6699 firewall rules; vendor SLA.\n")


@T("meeting_notes")
def mtg_golive_command_center(r):
    return ("Go-live command center — Evanston campus (day 2 huddle 07:00)\n" +
            f"Bridge: {dial(r)}\nLeads: {C(staff(r))} (IT), {C(staff(r))} (Nursing), {C(staff(r))} (Rev cycle)\n\n"
            "Tickets open 143 (P1: 0, P2: 9). Top issues: label printers on 3S, BCA PC sync, Rover scanner profiles.\n"
            "Pharmacy: Willow verification queue within target.\n"
            "HIM: 22 charts needing merge from conversion; worked in DPM, no patient details here.\n")


# ================================================================ CLEAN: validator_diff
@T("validator_diff")
def vd_mrn_validator(r):
    return (diffhdr("src/main/java/org/northlake/ids/MrnValidator.java", r) +
            " public final class MrnValidator {\n"
            "-    private static final Pattern EPIC_MRN = Pattern.compile(\"^\\\\d{7}$\");\n"
            "+    private static final Pattern EPIC_MRN = Pattern.compile(\"^\\\\d{8}$\");\n"
            "+    /** Test MRNs (PLY/SUP) start with T and are never valid in PRD. */\n"
            "+    private static final Pattern TEST_MRN = Pattern.compile(\"^T\\\\d{7}$\");\n\n"
            "--- a/src/test/java/org/northlake/ids/MrnValidatorTest.java\n+++ b/src/test/java/org/northlake/ids/MrnValidatorTest.java\n"
            "+    @Test void rejectsTestMrnInPrd() { assertFalse(v.isValidPrd(\"T0000042\")); }\n"
            "+    @Test void rejectsSevenDigits()  { assertFalse(v.isValidPrd(\"1234567\")); }\n")


@T("validator_diff")
def vd_ssn_tests(r):
    return (diffhdr("tests/test_ssn_mask.py", r) +
            " import pytest\n from nuh_phi.mask import mask_ssn, is_valid_ssn\n\n"
            "-@pytest.mark.parametrize('v', ['123-45-6789'])\n"
            "+@pytest.mark.parametrize('v', ['000-12-3456', '666-45-1234', '912-34-5678', '123-00-4567', '123-45-0000'])\n"
            " def test_invalid(v):\n     assert not is_valid_ssn(v)\n\n"
            "+def test_documented_example_masked():\n+    assert mask_ssn('123-45-6789') == 'XXX-XX-6789'\n")


@T("validator_diff")
def vd_mbi_validator(r):
    return (f"Bitbucket PR #{r.randint(100, 600)}: MBI format check in the eligibility pre-check\n\n" + diffhdr("src/eligibility/mbi.ts", r) +
            " // CMS MBI: 11 chars, positions 2,5,8,9 alpha excluding S L O I B Z\n"
            "-const MBI = /^[1-9][A-Z][A-Z0-9]\\d[A-Z][A-Z0-9]\\d[A-Z]{2}\\d{2}$/;\n"
            "+const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\\d]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\\d]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$/;\n\n"
            "+test('CMS documented example', () => expect(isMbi('1EG4-TE5-MK73')).toBe(true));\n"
            "+test('S not allowed', () => expect(isMbi('1SG4-TE5-MK73')).toBe(false));\n"
            "+test('HICN rejected', () => expect(isMbi('000000000A')).toBe(false));\n")


@T("validator_diff")
def vd_phone_validator(r):
    return (diffhdr("lib/nanp.rb", r) +
            "   FICTIONAL = /\\A\\(?\\d{3}\\)?[ .-]?555[ .-]?01\\d{2}\\z/\n"
            "-  def valid?(s) = s.match?(/\\d{10}/)\n"
            "+  def valid?(s)\n+    d = s.gsub(/\\D/, '')\n+    d.length == 10 && d[0] != '0' && d[0] != '1' && d[3] != '0'\n+  end\n\n"
            " --- a/spec/nanp_spec.rb\n +++ b/spec/nanp_spec.rb\n"
            "+  it { expect(valid?('(312) 555-0142')).to be true }   # fictional range\n"
            "+  it { expect(valid?('011-555-0100')).to be false }\n")


@T("validator_diff")
def vd_ccl_review(r):
    return (f"Code review: cust_ed_missing_pcp.prg (CCL)  reviewer {C(staff(r))}\n\n" + diffhdr("ccl/cust_ed_missing_pcp.prg", r) +
            " plan e where e.encntr_type_cd = 309310.00\n"
            "-  and e.reg_dt_tm >= cnvtdatetime(curdate-7, 0)\n"
            "+  and e.reg_dt_tm >= cnvtdatetime(curdate-$days, 0)\n"
            "+  and e.active_ind = 1\n"
            " join p where p.person_id = e.person_id\n"
            "+  and p.name_last_key != \"ZZZTEST*\"   ; exclude test patients (ZZZTEST,PATIENT etc.)\n"
            "\nTested in C0783 against ZZZTEST,EDONE (FIN T91000001) and ZZZTEST,EDTWO — both excluded as expected.\n")


@T("validator_diff")
def vd_clarity_sql_review(r):
    return (diffhdr("sql/clarity/vw_active_mychart.sql", r) +
            " SELECT p.PAT_ID, p.PAT_MRN_ID, pm.MYCHART_STATUS_C\n   FROM PATIENT p\n   JOIN PATIENT_MYC pm ON pm.PAT_ID = p.PAT_ID\n"
            "- WHERE pm.MYCHART_STATUS_C = 1\n"
            "+ WHERE pm.MYCHART_STATUS_C = 1\n+   AND p.PAT_NAME NOT LIKE 'ZZZTEST%'\n+   AND p.PAT_MRN_ID NOT LIKE 'T%'\n"
            f"\n{C(staff(r))}: +1, also exclude PAT_STATUS_C = 2 (deceased) per the MyChart steering decision.\n")


@T("validator_diff")
def vd_pid_parser_test(r):
    return (diffhdr("src/test/kotlin/PidParserTest.kt", r) +
            "     @Test fun `parses XTN split into area and local`() {\n"
            "-        val pid = \"PID|1||T0000001^^^EPI^MR||ZZZTEST^PATIENT||19800101|F\"\n"
            "+        val pid = \"PID|1||T0000001^^^EPI^MR||ZZZTEST^PATIENT||19800101|F|||||^PRN^PH^^1^555^0100\"\n"
            "         val p = PidParser.parse(pid)\n+        assertEquals(\"555-0100\", p.homePhone?.local)\n     }\n")


@T("validator_diff")
def vd_fhir_identifier_config(r):
    return (diffhdr("config/fhir-identifiers.yaml", r) +
            " identifierSystems:\n   epicMrn: urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14\n"
            "-  epicCsn: urn:oid:1.2.840.114350.1.13.0.1.7.3.698084.8\n"
            "+  epicCsn: urn:oid:1.2.840.114350.1.13.0.1.7.3.698084.8   # encounter CSN\n"
            "+  cernerFin: urn:oid:2.16.840.1.113883.3.13.6\n"
            "+examples:\n+  mrn: T0000042        # test patient only\n+  ssn: 123-45-6789     # documented example\n")


# ================================================================ CLEAN: release_notes
@T("release_notes")
def rn_epic_nova(r):
    return ("Epic Nov 2026 — Nova release notes digest (Ambulatory, Cadence, MyChart)\n\n"
            "Nova 8812931  MyChart: proxy request form supports adolescent-confidential template (EPT 7001 flag respected).\n"
            "Nova 8820117  Cadence: Bump list activity shows reason codes from ZC_APPT_BLOCK.\n"
            "Nova 8831050  In Basket: Patient Calls message type supports SmartText defaults.\n"
            "Nova 8840002  Clarity: new column PAT_ENC.APPT_MADE_DTTM_UTC (Clarity compass: 'PAT_ENC').\n\n"
            "Build impact: review SmartPhrase .PTCALL (uses @NAME@, @DOB@, @MRN@ — SmartLinks only, no data in the phrase record).\n")


@T("release_notes")
def rn_cerner_package(r):
    return (f"Millennium code upgrade — package {r.randint(100000, 999999)} (2018.07 point release)\nDomains: C0783 (cert) → P0783 (prod)\n\n"
            "- PowerChart: Clinical Notes template fix for discharge summary signature line.\n"
            "- OPENLink: ESO PV1-3 bed population after FirstNet tracking change.\n"
            "- CCL: prg cust_oen_pv1_fix compiled; object date stamped.\n"
            f"Rollback plan: restore CCL object from backup; contact {C(staff(r))} on the Millennium interfaces pager.\n")


@T("release_notes")
def rn_rhapsody(r):
    return (f"Rhapsody 7.2.{r.randint(1, 5)} — NUH integration release {r.randint(26, 27)}.{r.randint(1, 12)}\n\n"
            "New routes: ADT-Fanout v3 (10 destinations), ORM-to-PACS accession normaliser.\n"
            f"Hosts: rhp-prd-01 10.{r.randint(20, 40)}.12.11, rhp-prd-02 10.{r.randint(20, 40)}.12.12; MLLP listeners 6661-6672.\n"
            "Fixed: NK1 stripped by StripZSegments filter (regex anchored).\n"
            "Known issue: message tracking search slow on >30-day windows.\n")


@T("release_notes")
def rn_bridges_build(r):
    return ("Bridges build release — interfaces moved to PRD this week\n\n"
            "| Interface | INI/ID | Change |\n|---|---|---|\n"
            "| ADT_OUT_RHAP | AIF 3102 | PV1-19 widened to 10 |\n| SIU_OUT_PHR | AIF 4410 | S13 on reschedule |\n"
            "| DFT_OUT_ATHENA | AIF 5120 | GT1-3 truncated to 48 |\n\n"
            f"Tested in TST with ZZZTEST patients; signed off by {C(staff(r))}.\n")


@T("release_notes")
def rn_caboodle_etl(r):
    return (f"Caboodle ETL release {r.randint(1, 9)}.{r.randint(0, 20)} — {fmt_date(svc_date(r), 'long')}\n\n"
            "* PatientDim: DQ-014 rule now excludes test patients (Name LIKE 'ZZZTEST%').\n"
            f"* EncounterFact row count after full load: {r.randint(40, 90)},{r.randint(100, 999)},{r.randint(100, 999)}\n"
            "* New custom package: ReadmitRiskFact (LACE+).\n* Load window moved to 02:00–05:30.\n")


@T("release_notes")
def rn_mychart_web(r):
    return (f"MyChart web/mobile release — {r.randint(10, 12)}.{r.randint(1, 9)} (Nov 2026)\n\n"
            "What's new for patients:\n- Proxy request form online\n- Hello Patient e-check-in at Oak Park\n- Spanish translations for billing pages\n\n"
            f"Technical: mychart.{ORGD} behind new WAF; iOS 12.4 / Android 12.3 minimum; support line (patients): 1-877-{r.randint(200, 899)}-{r.randint(1000, 9999)}.\n")


@T("release_notes")
def rn_integration_service(r):
    return (f"nuh-integration-services v{r.randint(3, 5)}.{r.randint(0, 30)}.{r.randint(0, 9)}\n\n"
            "### Changed\n- Epic FHIR backend auth: key rotation handled (kid cache 5 min)\n- Clarity extract: query timeout 600s → 1200s\n"
            f"### Fixed\n- NPE in SAML mapper when NameID missing\n### Security\n- CVE-2026-{r.randint(10000, 49999)} (jackson-databind) bumped\n\nImage: registry.{ORGD}/integration/svc:{hexid(r, 12)}\n")


@T("release_notes")
def rn_iguana_upgrade(r):
    return ("Iguana 6 → 10 upgrade notes (EMPI / PACS channels)\n\n"
            "1. Export channels from Iguana 6 (12 channels), import into Iguana 10 on igu-prd-03.\n"
            "2. Lua: nil-safe MRG handling merged (EPIC_MERGE_TO_PACS).\n"
            "3. Test messages: only the vendor samples (ZZZTEST^MERGE, MRG T0000099).\n"
            f"4. License: {hexid(r, 20).upper()} (site key)\n")


# ================================================================ CLEAN: clinical_rule
@T("clinical_rule")
def cr_bpa_sepsis(r):
    return ("BPA 1948 — Adult Sepsis Screen (Inpatient)\n\nCriteria record: 11004822  Base record: 11004821  Status: Released\n"
            "Population: patients aged 18 and older on inpatient units; excluded: comfort-care orders, hospice.\n"
            "Triggers (any 2 within 6 h): temp > 38.3 °C or < 36 °C; HR > 90; RR > 20; WBC > 12 or < 4 (LOINC 6690-2).\n"
            f"Action: order set 'ED/IP SEPSIS BUNDLE' (OSQ 3310); acknowledge reasons. Owner: {C(staff(r))}, MD (CDS committee).\n")


@T("clinical_rule")
def cr_fall_risk_elderly(r):
    return ("Health Maintenance topic: Falls screening (HM 47)\n\n"
            "| Population | Frequency | Satisfied by |\n|---|---|---|\n"
            "| Age 65–89 | yearly | Flowsheet 'STEADI 3 key questions' |\n"
            "| Age 90 and older | every 6 months | STEADI + gait speed |\n\n"
            "Patients aged 90 and older are also offered home safety referral (SmartSet 'GERI FALLS').\n"
            f"Rule author: {C(staff(r))}; last reviewed by the geriatrics CDS subgroup.\n")


@T("clinical_rule")
def cr_aaa_screening(r):
    return ("OurPractice Advisory — AAA screening (USPSTF)\n"
            "Criteria: male, age 65–75, ever-smoker (social history tobacco use = former/current), no prior abdominal US or CT.\n"
            f"Suggested order: {C('US AORTA SCREENING (IMG2280)', 'code')}  CPT {C('76706', 'code')}\n"
            "Suppress for 12 months after 'Not today' with reason. Excludes patients on hospice.\n")


@T("clinical_rule")
def cr_discern_anticoag(r):
    return ("Discern Expert rule: NUH_ANTICOAG_DUPLICATE (Millennium)\n\nEVOKE: order sign, catalog type = Pharmacy\n"
            "LOGIC: EKS_ORDERS_FIND_L for active orders in class 'anticoagulant' AND new order in same class\n"
            f"ACTION: alert 'Duplicate anticoagulant therapy' with override reasons; examples {C('apixaban', 'medication')} + {C('enoxaparin', 'medication')}.\n"
            f"Exclusion: bridging protocol order (PowerPlan ANTICOAG BRIDGE). Owner: {C(staff(r))}, PharmD.\n")


@T("clinical_rule")
def cr_bpa_ckd_metformin(r):
    return ("BPA 2210 — Metformin with reduced eGFR\n\n"
            f"Fires when: active order for {C('metformin', 'medication')} AND most recent eGFR (LOINC 62238-1) < 30 within 90 days.\n"
            f"Diagnosis exclusion: none. Age: 18 and older.\nAcknowledge reasons: 'Nephrology aware', 'Will discontinue'.\n"
            "Reporting: Clarity table BPA_ALERT_INFO joined to ALT_HISTORY; weekly override rate 34%.\n")


@T("clinical_rule")
def cr_order_set_chf(r):
    return ("Order set: IP HEART FAILURE ADMISSION (SmartSet 4420)\n\n"
            f"- Labs: BMP daily, Mg, NT-proBNP on admission\n- Meds: {C('furosemide 40 mg IV BID', 'medication')}; hold if SBP < 90\n"
            "- Daily weights, strict I&O\n- Consult: cardiology HF team if EF < 40%\n"
            "Population note: for patients older than 90, geriatrics co-management is suggested.\n")


@T("clinical_rule")
def cr_hm_colorectal(r):
    return ("Health Maintenance: Colorectal cancer screening (HM 12)\n"
            "Applies to: age 45–75 average risk. Age 76–85: shared decision making (modifier). Age 86 and older: topic off.\n"
            f"Satisfied by: colonoscopy (CPT {C('45378', 'code')}) 10 yr, FIT 1 yr, Cologuard 3 yr, CT colonography 5 yr.\n"
            "Exclusions: total colectomy (ICD-10 Z90.49), hospice.\n")


@T("clinical_rule")
def cr_peds_vaccine_rule(r):
    return ("CDS: Pediatric immunization forecaster (ImmsForecaster rules, CDC schedule)\n\n"
            "| Vaccine | Dose | Min age | Interval |\n|---|---|---|---|\n"
            "| DTaP | 1 | 6 weeks | - |\n| DTaP | 2 | 10 weeks | 4 weeks |\n| MMR | 1 | 12 months | - |\n"
            "| HPV | 1 | 9 years | - |\n\nTest cases in POC: ZZZTEST,PEDSIMM (DOB 01/01/2024) — forecast verified.\n")


# ================================================================ CLEAN: oncall_directory
def pager(r):
    return f"{r.choice(['312-948', '773-701'])}-{r.randint(1000, 9999)}"


@T("oncall_directory")
def oc_app_analyst_wiki(r):
    rows = [f"| {app} | {C(staff(r))} | {C(pager(r), 'staff_contact')} | {C(staff(r))} | {C('x' + str(r.randint(40000, 49999)), 'staff_contact')} |"
            for app in ["Ambulatory", "Cadence/Prelude", "ClinDoc", "Willow", "Bridges", "Resolute HB", "MyChart"]]
    return ("h2. Epic application analyst on-call — week of the November upgrade\n\n"
            "|| Application || Primary || Pager || Backup || Desk ||\n" + "\n".join(rows) +
            f"\n\nEscalation: IT Service Desk 312-{r.randint(600, 699)}-{r.randint(1000, 9999)}, then the application manager.\n")


@T("oncall_directory")
def oc_vocera_groups(r):
    rows = [f"{grp:<28}{C(staff(r)):<4}  Vocera: {C(grp.lower().replace(' ', '-') + '-oncall', 'staff_contact')}   cell {C(ws_phone(r), 'staff_contact')}"
            for grp in ["Interface Analyst", "Clinical Apps Nights", "Rev Cycle Apps", "Clarity DBA"]]
    return ("Vocera groups — IS after-hours (printed from the Vocera Administration Console)\n\n" + "\n".join(rows) + "\n")


@T("oncall_directory")
def oc_markdown_rotation(r):
    rows = []
    for wk in range(4):
        rows.append(f"| Week {wk + 1} | {C(staff(r))} | {C(staff(r))} | {C(staff_email(staff(r)), 'staff_contact')} |")
    return ("# Integration team on-call rotation (Rhapsody / Mirth / Iguana)\n\n| Week | Primary | Secondary | Escalation mailbox |\n|---|---|---|---|\n"
            + "\n".join(rows) + "\n\nPage through PagerDuty service `integration-prd`; do not text personal cells.\n")


@T("oncall_directory")
def oc_excel_paste(r):
    rows = ["\t".join([d, C(staff(r)), C(pager(r), "staff_contact"), C(staff(r)), C(ws_phone(r), "staff_contact")])
            for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]]
    return ("Millennium (Oracle Health) analyst call schedule — pasted from the shared Excel\n\nDay\tPowerChart\tPager\tPathNet/Lab\tCell\n" + "\n".join(rows) + "\n")


@T("oncall_directory")
def oc_pagerduty_yaml(r):
    return ("# pagerduty/schedules/epic-interconnect.yaml\nschedule:\n  name: Epic Interconnect / FHIR\n  time_zone: America/Chicago\n  layers:\n"
            + "".join(f"    - user: {C(staff_email(staff(r)), 'staff_contact')}\n      rotation_virtual_start: 2026-12-0{i + 1}T08:00:00-06:00\n" for i in range(3))
            + "escalation_policy: PXXXXXX  # Interconnect -> Integration manager -> Director\n")


@T("oncall_directory")
def oc_vendor_escalation(r):
    return ("Vendor escalation contacts — EHR & integration\n\n"
            f"Epic: TS via UserWeb Sherlock; after-hours 608-271-9000 (Epic main)\n"
            f"Oracle Health: eService SR, Sev 1 by phone 1-866-221-8877\n"
            f"Rhapsody: support portal, TAM {C(staff(r))} ({C(staff_email(staff(r)), 'staff_contact')})\n"
            f"Availity: EDI support 1-800-282-4548 option 2\n"
            f"Internal owner: {C(staff(r))}, Director of Integration, {C(ws_phone(r), 'staff_contact')}\n")


@T("oncall_directory")
def oc_after_hours_interface(r):
    return ("After-hours interface support — quick card\n\n"
            f"1st call: Interface analyst on call — pager {C(pager(r), 'staff_contact')}\n"
            f"2nd: {C(staff(r))} (lead) — cell {C(ws_phone(r), 'staff_contact')}\n"
            f"3rd: {C(staff(r))} (manager) — Vocera 'Integration Manager'\n\n"
            "Data center NOC: 10.20.0.5 console / bridge 312-626-6799 passcode 448812\n")


@T("oncall_directory")
def oc_plain_grid(r):
    rows = [f"{app:<22}{C(staff(r)):<4}   {C('x' + str(r.randint(40000, 49999)), 'staff_contact')}   pgr {C(pager(r), 'staff_contact')}"
            for app in ["Beaker", "Radiant", "OpTime/Anesthesia", "Beacon", "Stork", "Clarity/Caboodle"]]
    return ("NUH IS Clinical Apps — weekend coverage (Sat/Sun)\n" + "-" * 54 + "\n" + "\n".join(rows) + "\n")


# ================================================================ build / check / stats
TOKEN = re.compile(r"\w+")
SSN_RE = re.compile(r"(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])")
CARD_RE = re.compile(r"(?<![\w-])([3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{1,7})(?![\w-])")
DOCUMENTED = {"123-45-6789"}


def char_spans(text, spans):
    b2c = {}
    bi = 0
    for ci, ch in enumerate(text):
        b2c[bi] = ci
        bi += len(ch.encode("utf-8"))
    b2c[bi] = len(text)
    return [(b2c[s["start"]], b2c[s["end"]], s) for s in spans]


def covered(cs, a, b):
    return any(s <= a and b <= e for s, e, _ in cs)


def occurrences(text, val, ci=False):
    if not val:
        return
    hay = text.lower() if ci else text
    needle = val.lower() if ci else val
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        left_ok = i == 0 or not (text[i - 1].isalnum() and text[i].isalnum())
        right_ok = j == len(text) or not (text[j].isalnum() and text[j - 1].isalnum())
        if left_ok and right_ok:
            yield i, j
        i = hay.find(needle, i + 1)


def doc_problems(doc):
    p = []
    text, spans = doc["text"], doc["spans"]
    raw = text.encode("utf-8")
    last = 0
    for s in spans:
        a, b = s["start"], s["end"]
        if not (0 <= a < b <= len(raw)) or a < last:
            p.append(f"bad order/range {s}")
            continue
        last = b
        try:
            raw[:a].decode("utf-8"), raw[a:b].decode("utf-8")
        except UnicodeDecodeError:
            p.append(f"not on utf-8 boundary {s}")
            continue
        if s["label"] not in ("phi", "dont_care"):
            p.append(f"label {s}")
        if s["label"] == "phi" and s["kind"] not in CONTRACT_KINDS:
            p.append(f"kind {s}")
        if s["label"] == "dont_care" and not re.fullmatch(r"[a-z_0-9]+", s["kind"]):
            p.append(f"dont_care kind {s}")
    if p:
        return p
    cs = char_spans(text, spans)
    for a, b, s in cs:
        v = text[a:b]
        if v != v.strip() or not v:
            p.append(f"span has outer whitespace {v!r}")
        if a > 0 and text[a - 1].isalnum() and text[a].isalnum():
            p.append(f"span starts inside token {v!r}")
        if b < len(text) and text[b].isalnum() and text[b - 1].isalnum():
            p.append(f"span ends inside token {v!r}")
        if s["label"] != "phi":
            continue
        k = s["kind"]
        if k == "ssn" and (not ssn_valid(v) or v in DOCUMENTED):
            p.append(f"labelled SSN not valid-range or documented {v}")
        if k == "medicare_mbi" and (not mbi_valid(v) or v.replace("-", "") == "1EG4TE5MK73"):
            p.append(f"bad MBI {v}")
        if k == "credit_card" and not luhn_ok(re.sub(r"\D", "", v)):
            p.append(f"card not Luhn {v}")
        if k == "phone" and re.search(r"555[-. ]?01\d\d", v):
            p.append(f"fictional 555-01xx labelled {v}")
        for i, j in occurrences(text, v):
            if not covered(cs, i, j):
                p.append(f"labelled value also unlabelled: {v!r} ({k})")
                break
        if k == "person_name":
            for t in TOKEN.findall(v):
                if len(t) < 2 or t.isdigit():
                    continue
                for i, j in occurrences(text, t, ci=len(t) >= 3):
                    if not covered(cs, i, j):
                        p.append(f"name token also unlabelled: {t!r}")
                        break
    has_phi = any(s["label"] == "phi" for s in spans)
    if doc["phi"] != has_phi:
        p.append(f"phi flag {doc['phi']} but phi spans {has_phi}")
    for m in SSN_RE.finditer(text):
        v = m.group(0)
        if ssn_valid(v) and v not in DOCUMENTED and not covered(cs, m.start(), m.end()):
            p.append(f"unlabelled valid-range SSN {v}")
    for m in CARD_RE.finditer(text):
        d = re.sub(r"\D", "", m.group(1))
        if 13 <= len(d) <= 19 and luhn_ok(d) and not covered(cs, m.start(1), m.end(1)):
            p.append(f"unlabelled Luhn-valid card-like number {m.group(1)}")
    return p


def generate():
    rng = random.Random(SEED)
    docs = []
    retries = 0
    retry_by = {}
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tpls = [(n, f) for fa, n, f in TEMPLATES if fa == fam]
        rng.shuffle(tpls)
        n_docs = PHI_PER_FAMILY if fam in PHI_FAMILIES else CLEAN_PER_FAMILY
        for i in range(n_docs):
            name, fn = tpls[i % len(tpls)]
            for attempt in range(50):
                r = random.Random(rng.getrandbits(64))
                text, spans = build(fn(r))
                doc = {"id": f"{fam}-{i + 1:04d}", "family": fam, "phi": fam in PHI_FAMILIES,
                       "variant": name, "text": text, "spans": spans}
                if not doc_problems(doc):
                    break
                retries += 1
                retry_by[name] = retry_by.get(name, 0) + 1
            else:
                raise SystemExit(f"{name}: cannot produce a clean doc: {doc_problems(doc)}")
            docs.append(doc)
    with open(OUT, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} docs to {OUT} ({retries} regenerations after self-check)")
    if retry_by and "-v" in sys.argv:
        print("  regenerations by template:", retry_by)


def load():
    with open(OUT, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def check():
    docs = load()
    bad = 0
    fams = {}
    per_tpl = {}
    ids = set()
    for d in docs:
        for k in ("id", "family", "phi", "variant", "text", "spans"):
            if k not in d:
                print(f"{d.get('id')}: missing {k}")
                bad += 1
        if d["id"] in ids or not re.fullmatch(re.escape(d["family"]) + r"-\d{4}", d["id"]):
            print(f"{d['id']}: bad or duplicate id")
            bad += 1
        ids.add(d["id"])
        fams[d["family"]] = fams.get(d["family"], 0) + 1
        per_tpl[d["variant"]] = per_tpl.get(d["variant"], 0) + 1
        exp_phi = d["family"] in PHI_FAMILIES
        if d["family"] not in PHI_FAMILIES + CLEAN_FAMILIES or d["phi"] != exp_phi:
            print(f"{d['id']}: family/phi mismatch")
            bad += 1
        for prob in doc_problems(d):
            print(f"{d['id']} ({d['variant']}): {prob}")
            bad += 1
    for f in PHI_FAMILIES:
        if fams.get(f) != PHI_PER_FAMILY:
            print(f"family {f}: {fams.get(f)} docs, want {PHI_PER_FAMILY}")
            bad += 1
    for f in CLEAN_FAMILIES:
        if fams.get(f) != CLEAN_PER_FAMILY:
            print(f"family {f}: {fams.get(f)} docs, want {CLEAN_PER_FAMILY}")
            bad += 1
    for t, n in per_tpl.items():
        if n > MAX_PER_TEMPLATE:
            print(f"template {t}: {n} docs > {MAX_PER_TEMPLATE}")
            bad += 1
    if len(docs) != 240:
        print(f"{len(docs)} docs, want 240")
        bad += 1
    print("check:", "OK" if not bad else f"{bad} problem(s)", f"({len(docs)} docs)")
    return bad == 0


def stats():
    docs = load()
    by_fam = {}
    for d in docs:
        by_fam.setdefault(d["family"], set()).add(d["variant"])
    total = 0
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        print(f"{f:18} {len(by_fam.get(f, ())):3} templates")
        total += len(by_fam.get(f, ()))
    shares = []
    kinds = {}
    for d in docs:
        n = len(d["text"].encode("utf-8"))
        phi_b = sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi")
        for s in d["spans"]:
            if s["label"] == "phi":
                kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
        if d["phi"]:
            shares.append(phi_b / n)
    shares.sort()
    m = len(shares)
    med = (shares[m // 2] + shares[(m - 1) // 2]) / 2
    print(f"total templates {total}; name cultures {len(CULTURES)} "
          f"({sum(1 for c in CULTURES.values() if isinstance(c['given'][0], tuple))} with native scripts)")
    print(f"median PHI share of bytes (PHI docs): {med:.3f}  (min {shares[0]:.3f}, max {shares[-1]:.3f})")
    print("phi kinds:", ", ".join(f"{k}={v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    elif "--stats" in sys.argv:
        stats()
    else:
        generate()
