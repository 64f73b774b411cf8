#!/usr/bin/env python3
"""generate_fresh13.py - fourteenth independent labelled corpus for PHI Guard.

Standard library only, deterministic (fixed seed).  Written from the corpus
README and section 1 of CONTRACTS.md alone, without sight of the detector or of
the other generators.  Slant: the families as a competent, different team would
write them day to day - mainstream content, own wording and layouts.

    python3 generate_fresh13.py           # writes fresh13.jsonl next to this file
    python3 generate_fresh13.py --check   # re-verifies fresh13.jsonl
    python3 generate_fresh13.py --stats   # counts per family / variant, PHI byte share

Every document is built by concatenating pieces; labelled pieces record their
UTF-8 byte offsets as they are appended, so spans are exact by construction and
then validated again.
"""
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import unicodedata

SEED = 1320261206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh13.jsonl")
N_PHI_PER_FAMILY = 15   # 8 families -> 120
N_CLEAN_PER_FAMILY = 20  # 6 families -> 120

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone",
    "email", "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number",
    "license_number", "vehicle_id", "device_id", "url", "ip_address",
    "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code",
    "drug_code", "medication", "condition", "credit_card",
}
# dont_care only: kinds named by the corpus README's conventions
DONT_CARE_EXTRA = {"staff_contact", "title", "internal_id", "facility"}


# --------------------------------------------------------------------------
# document building
# --------------------------------------------------------------------------
class S:
    """A labelled piece of text."""
    __slots__ = ("v", "label", "kind")

    def __init__(self, v, label, kind):
        self.v, self.label, self.kind = v, label, kind


def P(v, kind):
    return S(v, "phi", kind)


def D(v, kind):
    return S(v, "dont_care", kind)


def PN(v):
    return S(v, "phi", "person_name")


def PD(v):
    return S(v, "phi", "date")


def SN(v):
    return S(v, "dont_care", "person_name")


def SC(v):
    return S(v, "dont_care", "staff_contact")


def DD(v):
    return S(v, "dont_care", "date")


def FAC(v):
    return S(v, "dont_care", "facility")


def IID(v):
    return S(v, "dont_care", "internal_id")


_PH = re.compile(r"«(\w+)»")


def fm(tpl, **kw):
    """Template with «name» placeholders -> list of pieces."""
    out, pos = [], 0
    for m in _PH.finditer(tpl):
        out.append(tpl[pos:m.start()])
        out.append(kw[m.group(1)])
        pos = m.end()
    out.append(tpl[pos:])
    return out


class Doc:
    def __init__(self):
        self.buf, self.n, self.spans = [], 0, []

    def add(self, *xs):
        for x in xs:
            if x is None:
                continue
            if isinstance(x, str):
                if x:
                    self.buf.append(x)
                    self.n += len(x.encode("utf-8"))
            elif isinstance(x, S):
                if not x.v:
                    continue
                st = self.n
                self.buf.append(x.v)
                self.n += len(x.v.encode("utf-8"))
                self.spans.append({"start": st, "end": self.n, "label": x.label, "kind": x.kind})
            elif isinstance(x, (list, tuple)):
                self.add(*x)
            else:
                raise TypeError(repr(x))
        return self

    def f(self, tpl, **kw):
        return self.add(fm(tpl, **kw))

    def text(self):
        return "".join(self.buf)


def join(items, sep):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


# --------------------------------------------------------------------------
# names: hand-written lists, 20 cultures
# --------------------------------------------------------------------------
CULTURES = {
    "hispanic": (
        ["José", "Luis", "Carlos", "Jesús", "Andrés", "Martín", "Ramón", "Héctor", "Joaquín"],
        ["María", "Lucía", "Guadalupe", "Ximena", "Sofía", "Beatriz", "Inés", "Rocío", "Marisol"],
        ["García", "Hernández", "Núñez", "Pérez", "Ramírez", "Ibáñez", "Gómez", "Castañeda",
         "Velásquez", "Ortiz", "Muñoz", "Delgado", "Zúñiga"]),
    "vietnamese": (
        ["Anh", "Minh", "Phúc", "Quang", "Dũng", "Tuấn", "Huy", "Khoa"],
        ["Lan", "Thảo", "Ngọc", "Hương", "Linh", "Trang", "Mai", "Thúy"],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]),
    "chinese": (
        ["Wei", "Jian", "Hao", "Zhiwei", "Jun", "Lei", "Yong", "Guang"],
        ["Mei", "Xiuying", "Lina", "Yan", "Jing", "Fang", "Hui", "Xiaoling"],
        ["Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Xu", "Guo"]),
    "korean": (
        ["Min-jun", "Ji-hoon", "Seo-jun", "Hyun-woo", "Dong-hyun", "Sung-min", "Jae-won"],
        ["Ji-woo", "Seo-yeon", "Min-seo", "Ha-eun", "Eun-ji", "Soo-ah", "Hye-jin"],
        ["Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han"]),
    "indian": (
        ["Arjun", "Vikram", "Rohan", "Sanjay", "Pranav", "Rajesh", "Aditya", "Karthik"],
        ["Priya", "Ananya", "Kavya", "Deepika", "Lakshmi", "Meera", "Sunita", "Shreya"],
        ["Patel", "Sharma", "Reddy", "Iyer", "Gupta", "Nair", "Chatterjee", "Desai",
         "Venkataraman", "Kulkarni", "Bhattacharya"]),
    "nigerian": (
        ["Chinedu", "Oluwaseun", "Emeka", "Babatunde", "Obinna", "Adebayo", "Ikechukwu"],
        ["Ngozi", "Funmilayo", "Chiamaka", "Adaeze", "Yetunde", "Folake", "Ifeoma"],
        ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Oyelaran", "Chukwu",
         "Olawale", "Ogundipe"]),
    "arabic": (
        ["Mohammed", "Omar", "Khalid", "Youssef", "Tariq", "Hamza", "Karim", "Bilal"],
        ["Fatima", "Layla", "Noor", "Amira", "Rania", "Huda", "Salma", "Yasmin"],
        ["Haddad", "Al-Sayed", "Khoury", "Mansour", "Nasser", "Hamdan", "El-Amin", "Saleh",
         "Abdullah", "Farouk"]),
    "polish": (
        ["Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Wojciech"],
        ["Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Joanna", "Ewa", "Grażyna"],
        ["Nowak", "Wójcik", "Mazur", "Kaczmarek", "Krawczyk", "Wróbel", "Sikora",
         "Kowalczyk", "Zając", "Dudek"]),
    "irish": (
        ["Seán", "Ciarán", "Pádraig", "Declan", "Eoin", "Cathal", "Oisín"],
        ["Siobhán", "Aoife", "Niamh", "Róisín", "Caoimhe", "Bríd", "Orla"],
        ["O'Brien", "Murphy", "Gallagher", "McCarthy", "Byrne", "Kavanagh", "Fitzgerald",
         "Doherty", "Quinlan", "Ó Briain"]),
    "filipino": (
        ["Rommel", "Arnel", "Jericho", "Marvin", "Efren", "Danilo", "Rogelio"],
        ["Maricel", "Rowena", "Jocelyn", "Lorna", "Imelda", "Divina", "Cherry"],
        ["Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Mendoza", "Villanueva",
         "Aquino", "Macaraeg", "Dimaculangan", "Pangilinan"]),
    "haitian": (
        ["Jean-Claude", "Wilner", "Frantz", "Réginald", "Dieudonné", "Wisly", "Jacques"],
        ["Marie-Carmel", "Nadège", "Guerda", "Rose-Marie", "Mirlande", "Fabienne", "Widline"],
        ["Jean-Baptiste", "Pierre-Louis", "Desrosiers", "Joseph", "Étienne", "Dorvil",
         "Toussaint", "Bélizaire", "Augustin", "Célestin"]),
    "somali": (
        ["Abdirahman", "Mohamed", "Abdiwali", "Hassan", "Guled", "Liban", "Farah"],
        ["Hodan", "Fadumo", "Ayaan", "Sahra", "Ifrah", "Hibo", "Nasra"],
        ["Warsame", "Abdi", "Jama", "Hirsi", "Mohamud", "Osman", "Egal", "Yusuf", "Ali", "Duale"]),
    "anglo_words": (
        ["Will", "Grant", "Rusty", "Dale", "Bill", "Chase", "Hunter", "Guy", "Wade"],
        ["Rose", "April", "Joy", "Faith", "Hope", "Ivy", "June", "Dawn", "Summer"],
        ["Brown", "Hill", "Young", "Rose", "Little", "Frost", "King", "Wood", "Stone",
         "Bishop", "Bell", "Fox", "Moore", "Banks", "Small"]),
    "italian": (
        ["Giuseppe", "Salvatore", "Luca", "Matteo", "Vincenzo", "Carmine"],
        ["Giulia", "Francesca", "Chiara", "Rosalia", "Concetta", "Nunzia"],
        ["Russo", "Esposito", "Bianchi", "Romano", "Colombo", "De Luca", "Ricci", "Marino",
         "Lombardi"]),
    "ukrainian_russian": (
        ["Dmytro", "Oleksandr", "Sergei", "Yuri", "Mykola", "Bohdan"],
        ["Olga", "Svetlana", "Natalia", "Oksana", "Tetiana", "Iryna"],
        ["Kovalenko", "Shevchenko", "Petrov", "Smirnov", "Bondarenko", "Volkov", "Melnyk",
         "Kuznetsov", "Tkachenko"]),
    "ethiopian": (
        ["Tesfaye", "Dawit", "Yonas", "Getachew", "Bereket", "Abebe"],
        ["Selamawit", "Meron", "Tigist", "Hirut", "Almaz", "Bethlehem"],
        ["Haile", "Bekele", "Tadesse", "Gebremedhin", "Alemu", "Wolde", "Kebede", "Mekonnen"]),
    "japanese": (
        ["Hiroshi", "Kenji", "Takeshi", "Daiki", "Shōta", "Masato"],
        ["Yūko", "Haruka", "Emiko", "Aiko", "Naomi", "Sachiko"],
        ["Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō", "Yamamoto", "Nakamura"]),
    "german": (
        ["Jürgen", "Klaus", "Matthias", "Stefan", "Jörg", "Dieter"],
        ["Ursula", "Jutta", "Anneliese", "Birgit", "Käthe", "Heike"],
        ["Müller", "Schäfer", "Weiß", "Köhler", "Schröder", "Hoffmann", "Krüger", "Bäcker"]),
    "greek": (
        ["Giorgos", "Dimitrios", "Nikolaos", "Konstantinos", "Spyros"],
        ["Eleni", "Despina", "Katerina", "Vasiliki", "Georgia"],
        ["Papadopoulos", "Georgiou", "Konstantinidis", "Nikolaidis", "Pappas", "Karras"]),
    "african_american": (
        ["DeShawn", "Tyrone", "Darnell", "Jamal", "Marquis", "Terrell"],
        ["Keisha", "Latoya", "Imani", "Shanice", "Ebony", "Tamika"],
        ["Washington", "Jefferson", "Jackson", "Robinson", "Freeman", "Coleman", "Gaines"]),
}
CULTURE_NAMES = sorted(CULTURES)

_FOLD = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ß": "ss", "Ø": "O", "ø": "o"}


def fold(s):
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def ascii_id(s):
    return re.sub(r"[^a-z]", "", fold(s).lower())


# --------------------------------------------------------------------------
# value generators
# --------------------------------------------------------------------------
AREA = ["617", "312", "713", "305", "206", "404", "612", "718", "503", "602", "816",
        "313", "215", "919", "720", "571", "414", "702", "210", "973", "410", "808",
        "907", "505", "774", "347", "651", "832"]
CITIES = [("Lowell", "MA", "018"), ("Dorchester", "MA", "021"), ("Worcester", "MA", "016"),
          ("Cicero", "IL", "608"), ("Evanston", "IL", "602"), ("Pasadena", "TX", "775"),
          ("Houston", "TX", "770"), ("Hialeah", "FL", "330"), ("Kissimmee", "FL", "347"),
          ("Tacoma", "WA", "984"), ("Renton", "WA", "980"), ("Decatur", "GA", "300"),
          ("Saint Paul", "MN", "551"), ("Minneapolis", "MN", "554"), ("Flushing", "NY", "113"),
          ("Yonkers", "NY", "107"), ("Gresham", "OR", "970"), ("Mesa", "AZ", "852"),
          ("Tucson", "AZ", "857"), ("Independence", "MO", "640"), ("Dearborn", "MI", "481"),
          ("Camden", "NJ", "081"), ("Paterson", "NJ", "075"), ("Durham", "NC", "277"),
          ("Aurora", "CO", "800"), ("Alexandria", "VA", "223"), ("Milwaukee", "WI", "532"),
          ("Henderson", "NV", "890"), ("San Antonio", "TX", "782"), ("Baltimore", "MD", "212"),
          ("Honolulu", "HI", "968"), ("Albuquerque", "NM", "871"), ("Columbus", "OH", "432"),
          ("Lewiston", "ME", "042"), ("Brockton", "MA", "023")]
STREETS = ["Maple", "Oak", "Elm", "Cedar", "Washington", "Lincoln", "Pleasant", "Highland",
           "Park", "Lake", "Hillcrest", "Juniper", "Magnolia", "Sycamore", "Blue Hill",
           "Riverside", "Kingsley", "Harrison", "Wabash", "Linden", "Chestnut", "Fairmount",
           "Orchard", "Mill Pond", "Greenwood", "Prospect"]
SUFFIX = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way", "Terrace", "Street", "Avenue",
          "Road", "Pl"]
UNITS = ["Apt 3B", "Unit 12", "#204", "Apt. 7", "Fl 2", "Apt 1R", "Unit C", "#5"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com",
                 "hotmail.com", "comcast.net", "protonmail.com", "att.net"]

ORGS = [  # (facility name, short code, staff e-mail domain)
    ("North Bay Medical Center", "NBMC", "northbayhealth.org"),
    ("St. Brigid Hospital", "SBH", "stbrigid.org"),
    ("Lakeshore Regional Medical Center", "LRMC", "lakeshoremed.org"),
    ("Mercy Valley Hospital", "MVH", "mercyvalley.org"),
    ("Riverside Community Hospital", "RCH", "riversidehealth.org"),
    ("Cedar Ridge Health", "CRH", "cedarridgehealth.org"),
    ("Harbor Point Medical Group", "HPMG", "harborpointmg.com"),
]
PAYERS = [("Blue Cross Blue Shield of Illinois", "BCBSIL", "1-800-975-6022"),
          ("Aetna Better Health", "AETNA", "1-800-279-1878"),
          ("UnitedHealthcare", "UHC", "1-877-842-3210"),
          ("Cigna", "CIGNA", "1-800-997-1654"),
          ("Humana Gold Plus", "HUMANA", "1-800-457-4708"),
          ("MassHealth", "MASSHLTH", "1-800-841-2900"),
          ("Molina Healthcare", "MOLINA", "1-888-665-4621"),
          ("Tufts Health Plan", "TUFTS", "1-800-462-0224"),
          ("Anthem Blue Cross", "ANTHEM", "1-800-676-2583"),
          ("Medicare Part A/B", "MCARE", "1-800-633-4227")]

ICD = [("E11.9", "Type 2 diabetes mellitus without complications"),
       ("I10", "Essential (primary) hypertension"),
       ("J18.9", "Pneumonia, unspecified organism"),
       ("N17.9", "Acute kidney failure, unspecified"),
       ("I50.23", "Acute on chronic systolic heart failure"),
       ("J44.1", "Chronic obstructive pulmonary disease with acute exacerbation"),
       ("A41.9", "Sepsis, unspecified organism"),
       ("S72.001A", "Fracture of unspecified part of neck of right femur"),
       ("K35.80", "Unspecified acute appendicitis"),
       ("I63.9", "Cerebral infarction, unspecified"),
       ("F32.9", "Major depressive disorder, single episode"),
       ("N39.0", "Urinary tract infection, site not specified"),
       ("R07.9", "Chest pain, unspecified"),
       ("E87.1", "Hyponatremia"),
       ("I48.91", "Unspecified atrial fibrillation"),
       ("L03.116", "Cellulitis of left lower limb"),
       ("I21.4", "Non-ST elevation myocardial infarction"),
       ("E10.10", "Type 1 diabetes mellitus with ketoacidosis")]
SHORT_DX = ["CHF exacerbation", "community-acquired pneumonia", "NSTEMI", "cellulitis of the left leg",
            "DKA", "right hip fracture", "COPD exacerbation", "UTI", "sepsis",
            "atrial fibrillation with RVR", "acute appendicitis", "ischemic stroke", "hyponatremia",
            "AKI on CKD stage 3"]
MEDS = [("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("apixaban", "5 mg PO BID"),
        ("furosemide", "40 mg IV BID"), ("atorvastatin", "40 mg PO nightly"),
        ("insulin glargine", "20 units SC at bedtime"), ("ceftriaxone", "1 g IV q24h"),
        ("piperacillin-tazobactam", "4.5 g IV q8h"), ("metoprolol tartrate", "25 mg PO BID"),
        ("amoxicillin", "875 mg PO BID"), ("sertraline", "50 mg PO daily"),
        ("levothyroxine", "75 mcg PO daily"), ("oxycodone", "5 mg PO q6h PRN"),
        ("warfarin", "5 mg PO daily"), ("albuterol", "2 puffs q4h PRN"),
        ("enoxaparin", "40 mg SC daily"), ("pantoprazole", "40 mg PO daily")]
CPT = [("99213", "Office/outpatient visit, established, low MDM"),
       ("99285", "Emergency department visit, high MDM"),
       ("71046", "Radiologic exam, chest; 2 views"),
       ("80053", "Comprehensive metabolic panel"),
       ("85025", "Complete CBC w/ auto diff"),
       ("93000", "Electrocardiogram, complete"),
       ("99223", "Initial hospital inpatient care, high"),
       ("36415", "Routine venipuncture"),
       ("27130", "Total hip arthroplasty"),
       ("45378", "Colonoscopy, diagnostic"),
       ("G0439", "Annual wellness visit, subsequent"),
       ("97110", "Therapeutic exercises, each 15 min")]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99"), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3"),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0"), ("2951-2", "Sodium", "mmol/L", "136-145"),
        ("2823-3", "Potassium", "mmol/L", "3.5-5.1"), ("6690-2", "WBC", "10*3/uL", "4.0-11.0"),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6"), ("33762-6", "NT-proBNP", "pg/mL", "<125"),
        ("1988-5", "C reactive protein", "mg/L", "<10"), ("777-3", "Platelets", "10*3/uL", "150-400"),
        ("2075-0", "Chloride", "mmol/L", "98-107"), ("3094-0", "BUN", "mg/dL", "7-20")]
NDC = [("00093-7214-01", "metformin"), ("00378-0208-01", "lisinopril"),
       ("00003-0894-21", "apixaban"), ("00071-0155-23", "atorvastatin"),
       ("00088-2220-33", "insulin glargine"), ("00049-4900-66", "sertraline"),
       ("00074-4341-90", "levothyroxine"), ("00173-0682-20", "albuterol")]


class Person:
    pass


def rdigits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def rphone(r):
    a = r.choice(AREA)
    e = r.randint(201, 989)
    while e == 555 or e % 100 == 11:
        e = r.randint(201, 989)
    return (a, str(e), "%04d" % r.randint(0, 9999))


def fph(t, style):
    a, e, l = t
    return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}",
            "e164": f"+1 {a} {e} {l}", "plain": f"{a}{e}{l}", "one": f"1-{a}-{e}-{l}",
            "tight": f"({a}){e}-{l}", "plus": f"+1-{a}-{e}-{l}"}[style]


PHONE_STYLES = ["paren", "dash", "dot", "e164", "one", "tight", "dash", "paren"]


def rssn(r):
    a = r.randint(1, 899)
    while a == 666:
        a = r.randint(1, 899)
    return "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def rmbi(r):
    an = MBI_ALPHA + "0123456789"
    c = [str(r.randint(1, 9)), r.choice(MBI_ALPHA), r.choice(an), str(r.randint(0, 9)),
         r.choice(MBI_ALPHA), r.choice(an), str(r.randint(0, 9)), r.choice(MBI_ALPHA),
         r.choice(MBI_ALPHA), str(r.randint(0, 9)), str(r.randint(0, 9))]
    return "".join(c)


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


def rnpi(r):
    while True:
        base = str(r.choice([1, 2])) + rdigits(r, 8)
        for c in "0123456789":
            if luhn_ok("80840" + base + c):
                n = base + c
                if n != "1234567893":
                    return n


def rcard(r):
    while True:
        base = "4" + rdigits(r, 14)
        for c in "0123456789":
            if luhn_ok(base + c):
                return base + c


def rmrn(r):
    k = r.randint(0, 5)
    return [lambda: rdigits(r, 8), lambda: "E" + rdigits(r, 7), lambda: "00" + rdigits(r, 6),
            lambda: str(r.randint(1, 9)) + rdigits(r, 6), lambda: "M" + rdigits(r, 8),
            lambda: rdigits(r, 3) + "-" + rdigits(r, 3) + "-" + rdigits(r, 3)][k]()


def rmember(r):
    k = r.randint(0, 4)
    return [lambda: r.choice(["XOF", "ZGP", "YRB", "JQH"]) + rdigits(r, 9),
            lambda: "W" + rdigits(r, 9), lambda: "H" + rdigits(r, 8) + "01",
            lambda: rdigits(r, 9) + "A", lambda: "MC" + rdigits(r, 7) + r.choice("ABCDEF")][k]()


def racct(r):
    return r.choice(["A", "HAR", "", "ACC"]) + rdigits(r, r.choice([8, 9, 10]))


def rvisit(r):
    return r.choice(["V", "", "ENC"]) + rdigits(r, 9)


def rclaim(r):
    k = r.randint(0, 3)
    return [lambda: "CLM" + rdigits(r, 10), lambda: "2026" + rdigits(r, 9),
            lambda: rdigits(r, 2) + "-" + rdigits(r, 6) + "-" + rdigits(r, 3),
            lambda: "C" + rdigits(r, 12)][k]()


def rdl(r, state):
    if state in ("IL",):
        return r.choice("ABCDEFGHKMNPRSTW") + rdigits(r, 3) + "-" + rdigits(r, 4) + "-" + rdigits(r, 4)
    if state in ("MA", "FL", "MN"):
        return r.choice("SDMKRT") + rdigits(r, 8)
    return rdigits(r, 8) if r.random() < 0.5 else r.choice("ABCDEW") + rdigits(r, 7)


def rserial(r):
    return r.choice(["SN", "CPAP", "BG", "PMP", ""]) + r.choice(["23", "24", "25"]) + \
        "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(8))


def rip(r):
    return "%d.%d.%d.%d" % (r.choice([24, 47, 67, 73, 98, 104, 172, 174]), r.randint(1, 254),
                            r.randint(0, 255), r.randint(1, 254))


def ruuid(r):
    h = "%032x" % r.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{r.choice('89ab')}{h[17:20]}-{h[20:32]}"


def rhex(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def rserver_ip(r):
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 254), r.randint(2, 254))


TODAY = dt.date(2026, 12, 6)


def rdob(r, lo=1, hi=89):
    age = r.randint(lo, hi)
    d = TODAY - dt.timedelta(days=age * 365 + r.randint(0, 364))
    return d


def age_of(dob, at=TODAY):
    return at.year - dob.year - ((at.month, at.day) < (dob.month, dob.day))


def recent(r, lo=2, hi=45):
    return TODAY - dt.timedelta(days=r.randint(lo, hi))


def rts(r, day=None):
    day = day or recent(r)
    return dt.datetime(day.year, day.month, day.day, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))


MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]


def fd(d, style):
    if style == "iso":
        return "%04d-%02d-%02d" % (d.year, d.month, d.day)
    if style == "us":
        return "%02d/%02d/%04d" % (d.month, d.day, d.year)
    if style == "us1":
        return "%d/%d/%04d" % (d.month, d.day, d.year)
    if style == "us2":
        return "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    if style == "dmy":
        return "%02d %s %04d" % (d.day, MON[d.month - 1], d.year)
    if style == "mdy":
        return "%s %d, %04d" % (MON[d.month - 1], d.day, d.year)
    if style == "long":
        return "%s %d, %04d" % (MONTH[d.month - 1], d.day, d.year)
    if style == "dot":
        return "%02d.%02d.%04d" % (d.day, d.month, d.year)
    if style == "hl7":
        return "%04d%02d%02d" % (d.year, d.month, d.day)
    if style == "ora":
        return "%02d-%s-%04d" % (d.day, MON[d.month - 1].upper(), d.year)
    if style == "dash":
        return "%02d-%02d-%04d" % (d.month, d.day, d.year)
    raise ValueError(style)


DATE_STYLES = ["iso", "us", "us1", "dmy", "mdy", "long", "us", "iso", "us2", "dash"]


def fts(t, style):
    if style == "hl7":
        return t.strftime("%Y%m%d%H%M")
    if style == "hl7s":
        return t.strftime("%Y%m%d%H%M%S")
    if style == "hl7z":
        return t.strftime("%Y%m%d%H%M%S") + "-0500"
    if style == "iso":
        return t.strftime("%Y-%m-%dT%H:%M:%S")
    if style == "isoz":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "isooff":
        return t.strftime("%Y-%m-%dT%H:%M:%S") + "-05:00"
    if style == "us":
        return "%02d/%02d/%04d %02d:%02d" % (t.month, t.day, t.year, t.hour, t.minute)
    if style == "sql":
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if style == "log":
        return t.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % (t.microsecond // 1000 or (t.second * 17 % 1000))
    raise ValueError(style)


def person(r, culture=None, sex=None, lo=18, hi=89, dob=None):
    p = Person()
    p.culture = culture or r.choice(CULTURE_NAMES)
    m, f, sur = CULTURES[p.culture]
    p.sex = sex or r.choice("MF")
    p.first = r.choice(m if p.sex == "M" else f)
    p.last = r.choice(sur)
    p.middle = r.choice("ABCDEFGHJKLMNPRST")
    p.dob = dob or rdob(r, lo, hi)
    p.age = age_of(p.dob)
    city, st, z3 = r.choice(CITIES)
    p.city, p.state = city, st
    p.zip = z3 + "%02d" % r.randint(1, 99)
    p.zip4 = p.zip + "-" + rdigits(r, 4)
    p.street = "%d %s %s" % (r.randint(3, 9899), r.choice(STREETS), r.choice(SUFFIX))
    p.unit = r.choice(UNITS) if r.random() < 0.3 else ""
    p.phone = rphone(r)
    p.cell = rphone(r)
    p.mrn = rmrn(r)
    p.ssn = rssn(r)
    p.acct = racct(r)
    p.visit = rvisit(r)
    p.member = rmember(r)
    p.mbi = rmbi(r)
    fa, la = ascii_id(p.first), ascii_id(p.last)
    p.email = r.choice([f"{fa}.{la}", f"{fa}{la}{r.randint(1, 99)}", f"{fa[0]}{la}{p.dob.year % 100:02d}",
                        f"{la}.{fa}", f"{fa}_{la}{r.randint(10, 999)}"]) + "@" + r.choice(EMAIL_DOMAINS)
    return p


def street_line(p, sep=", "):
    return p.street + (sep + p.unit if p.unit else "")


def nm(p, style):
    F, L, M = p.first, p.last, p.middle
    return {"fl": f"{F} {L}", "lf": f"{L}, {F}", "LF": f"{fold(L).upper()}, {fold(F).upper()}",
            "fml": f"{F} {M}. {L}", "lfm": f"{L}, {F} {M}", "FL": f"{fold(F).upper()} {fold(L).upper()}",
            "hl7": f"{fold(L).upper()}^{fold(F).upper()}^{M}", "hl7n": f"{fold(L).upper()}^{fold(F).upper()}",
            "lfs": f"{L},{F}", "f": F, "l": L}[style]


NAME_STYLES = ["fl", "lf", "fml", "lfm", "LF", "fl", "lf"]


class Staff:
    pass


TITLES_MD = ["MD", "DO", "MD", "NP", "PA-C", "MD, PhD"]


def staff(r, org=None, clinical=False):
    s = Staff()
    c = r.choice(CULTURE_NAMES)
    m, f, sur = CULTURES[c]
    s.first = r.choice(m + f)
    s.last = r.choice(sur)
    s.org = org or r.choice(ORGS)
    fa, la = ascii_id(s.first), ascii_id(s.last)
    s.handle = r.choice([fa[0] + la, fa + "." + la, fa + la[0], la + fa[0]])
    s.email = r.choice([f"{fa}.{la}", f"{fa[0]}{la}", f"{fa}{la[0]}"]) + "@" + s.org[2]
    s.ext = "x" + rdigits(r, 4)
    s.work = (r.choice(AREA), str(r.randint(201, 989)), "%04d" % r.randint(0, 9999))
    while s.work[1] == "555":
        s.work = (s.work[0], str(r.randint(201, 989)), s.work[2])
    s.pager = rdigits(r, 3) + "-" + rdigits(r, 4)
    s.cred = r.choice(TITLES_MD) if clinical else r.choice(["RN", "RN, BSN", "", "", "CPC"])
    s.npi = rnpi(r)
    s.full = f"{s.first} {s.last}"
    s.hl7 = f"{fold(s.last).upper()}^{fold(s.first).upper()}"
    return s


def jira_user(r, s, style):
    if style == "handle":
        return [SN("@" + s.handle)]
    if style == "wiki":
        return ["[~", SN(s.handle), "]"]
    return [SN(s.full)]


def pick(r, seq, k):
    return r.sample(seq, k)


def key(r, proj):
    return f"{proj}-{r.randint(100, 9999)}"


def ver(r):
    return f"{r.randint(1, 9)}.{r.randint(0, 24)}.{r.randint(0, 19)}"


def logline(r, t, level, thread, logger, msg_parts):
    return [fts(t, "log"), " ", level.ljust(5), " [", thread, "] ", logger, " - ", msg_parts, "\n"]


# --------------------------------------------------------------------------
# HL7 v2 building blocks
# --------------------------------------------------------------------------
def seg(name, fields):
    mx = max(fields)
    if name == "MSH":
        out, idx = ["MSH|^~\\&"], range(3, mx + 1)
    else:
        out, idx = [name], range(1, mx + 1)
    for i in idx:
        out.append("|")
        out.append(fields.get(i, ""))
    return out


APPS = [("EPIC", "RHAPSODY", "LAB"), ("CERNER", "CLOVERLEAF", "ADT"), ("MEDITECH", "MIRTH", "RIS"),
        ("ATHENA", "ENSEMBLE", "HIE"), ("EPICCARE", "CORPOINT", "PACS"), ("SUNQUEST", "RHAPSODY", "EPIC")]


def h_msh(r, org, typ, t, ver="2.5.1"):
    a = r.choice(APPS)
    f = {3: a[0], 4: org[1], 5: a[1], 6: a[2], 7: DD(fts(t, r.choice(["hl7s", "hl7", "hl7z"]))),
         9: typ, 10: r.choice(["", "MSG", "Q"]) + rdigits(r, r.choice([6, 8, 10])), 11: "P", 12: ver}
    if r.random() < 0.4:
        f[15], f[16] = "AL", "NE"
    return seg("MSH", f)


def h_evn(code, t):
    return seg("EVN", {1: code, 2: DD(fts(t, "hl7s"))})


RACES = ["2106-3^White^HL70005", "2054-5^Black or African American^HL70005", "2028-9^Asian^HL70005",
         "2131-1^Other Race^HL70005", "", "1002-5^American Indian or Alaska Native^HL70005"]
HL7_LANG = {"hispanic": "SPA", "vietnamese": "VIE", "chinese": "ZHO", "korean": "KOR", "haitian": "HAT", "somali": "SOM",
            "polish": "POL", "arabic": "ARA", "japanese": "JPN", "ukrainian_russian": "UKR", "ethiopian": "AMH", "greek": "ELL",
            "italian": "ITA", "german": "DEU", "filipino": "TGL"}


def h_addr(p, upper=False):
    city = fold(p.city).upper() if upper else p.city
    street = fold(p.street).upper() if upper else p.street
    return [P(street, "street_address"), "^", P(p.unit, "street_address") if p.unit else "", "^",
            P(city, "street_address"), "^", D(p.state, "street_address"), "^", P(p.zip, "zip_code"), "^USA^H"]


def h_xtn(r, t, use="PRN", eq="PH"):
    if r.random() < 0.55:
        return [f"^{use}^{eq}^^1^", P(t[0], "phone"), "^", P(t[1] + t[2], "phone")]
    return [P(fph(t, r.choice(["tight", "dash"])), "phone"), f"^{use}^{eq}"]


def h_pid(r, p, org, ssn=True, acct=True, cell=False, upper=None):
    upper = r.random() < 0.5 if upper is None else upper
    f = {1: "1", 3: [P(p.mrn, "mrn"), "^^^", org[1], "^MR"], 5: PN(nm(p, "hl7")),
         7: PD(fd(p.dob, "hl7")), 8: p.sex, 10: r.choice(RACES), 11: h_addr(p, upper),
         13: h_xtn(r, p.phone), 15: HL7_LANG.get(p.culture, "ENG") if r.random() < 0.8 else "ENG", 16: r.choice(["M", "S", "W", "D", ""])}
    if cell:
        f[13] = [h_xtn(r, p.phone), "~", h_xtn(r, p.cell, "ORN", "CP")]
    if acct:
        f[18] = P(p.acct, "account_number")
    if ssn:
        f[19] = P(p.ssn if r.random() < 0.7 else p.ssn.replace("-", ""), "ssn")
    return seg("PID", f)


RELS = [("SPO", "Spouse"), ("DAU", "Daughter"), ("SON", "Son"), ("MTH", "Mother"), ("FTH", "Father"),
        ("SIS", "Sister"), ("BRO", "Brother"), ("GRD", "Guardian")]


def rel_code(r, rel):
    pool = [x for x in RELS if (x[0] in ("DAU", "MTH", "SIS")) == (rel.sex == "F") or x[0] in ("SPO", "GRD")]
    return r.choice(pool)


def h_nk1(r, rel, relcode=None, addr=False):
    relcode = relcode or rel_code(r, rel)
    f = {1: "1", 2: PN(nm(rel, "hl7n")), 3: f"{relcode[0]}^{relcode[1]}^HL70063", 5: h_xtn(r, rel.phone),
         7: "EC^Emergency Contact^HL70131"}
    if addr:
        f[4] = h_addr(rel, True)
    return seg("NK1", f)


def h_xcn(s):
    return [D(s.npi, "other_id"), "^", SN(s.hl7), "^^^DR^MD"]


def h_pv1(r, p, org, att, cls, admit, disch=None):
    unit = r.choice(["4W", "5E", "ICU", "MICU", "ED", "3N", "TELE", "L&D", "ORTHO", "ONC"])
    f = {1: "1", 2: cls, 3: f"{unit}^{r.randint(100, 699)}^{r.choice('AB')}^{org[1]}",
         4: r.choice(["E", "R", "U", "EL"]), 7: h_xcn(att),
         10: r.choice(["MED", "SUR", "CAR", "ONC", "OBS", "ORT", "PUL"]), 18: r.choice(["IP", "OP", "ER", "OBS"]),
         19: P(p.visit, "account_number"), 39: org[1], 44: PD(fts(admit, r.choice(["hl7", "hl7s"])))}
    if disch:
        f[36] = r.choice(["01", "06", "03", "62"])
        f[45] = PD(fts(disch, "hl7"))
    return seg("PV1", f)


def h_in1(r, p, payer, insured=None, relcode="SEL"):
    ins = insured or p
    eff = dt.date(TODAY.year - r.randint(0, 3), r.choice([1, 1, 7]), 1)
    f = {1: "1", 2: payer[1] + "^" + r.choice(["PPO", "HMO", "MEDICAID", "MA", "POS"]), 3: rdigits(r, 5),
         4: payer[0], 7: payer[2], 8: D(r.choice(["G", "GRP", ""]) + rdigits(r, 6), "other_id"),
         12: DD(fd(eff, "hl7")), 15: r.choice(["PPO", "HMO", "MC", "MCD"]),
         16: PN(nm(ins, "hl7")), 17: relcode, 18: PD(fd(ins.dob, "hl7")), 36: P(p.member, "health_plan_id")}
    return seg("IN1", f)


def h_dg1(r, i, icd, t):
    return seg("DG1", {1: str(i), 2: "I10", 3: [D(icd[0], "diagnosis_code"), "^", D(icd[1], "condition"), "^I10"],
                       5: PD(fts(t, "hl7")), 6: r.choice(["A", "W", "F"])})


def h_obr(r, i, order, test, t, doc):
    return seg("OBR", {1: str(i), 2: IID(order), 3: IID(order + "-" + rdigits(r, 2)), 4: test,
                       7: PD(fts(t, "hl7")), 16: h_xcn(doc), 25: r.choice(["F", "F", "P"])})


def h_obx(r, i, lab, val, t):
    flag = r.choice(["", "", "H", "L", "N"])
    return seg("OBX", {1: str(i), 2: "NM", 3: f"{lab[0]}^{lab[1]}^LN", 5: val, 6: lab[2], 7: lab[3],
                       8: flag, 11: "F", 14: PD(fts(t, "hl7"))})


def lab_value(r, lab):
    base = {"Glucose": (60, 320, 0), "Creatinine": (0.5, 4.2, 1), "Hemoglobin": (7.0, 16.5, 1),
            "Sodium": (124, 148, 0), "Potassium": (2.9, 6.1, 1), "WBC": (2.1, 22.0, 1),
            "Hemoglobin A1c": (4.8, 12.9, 1), "NT-proBNP": (40, 9800, 0),
            "C reactive protein": (0.4, 180, 1), "Platelets": (60, 480, 0), "Chloride": (92, 112, 0),
            "BUN": (6, 78, 0)}[lab[1]]
    v = r.uniform(base[0], base[1])
    return str(int(v)) if base[2] == 0 else "%.1f" % v


def hl7_block(d, segs, style):
    """Emit segments in a code block of the given style."""
    opener, closer = {"wiki_code": ("{code}\n", "{code}\n"), "wiki_nf": ("{noformat}\n", "{noformat}\n"),
                      "md": ("```hl7\n", "```\n"), "md_plain": ("```\n", "```\n"),
                      "wiki_code_t": ("{code:title=message.hl7}\n", "{code}\n"), "indent": ("", "")}[style]
    d.add(opener)
    for s in segs:
        if style == "indent":
            d.add("    ")
        d.add(s, "\n")
    d.add(closer)


THREADS = ["pool-3-thread-7", "mllp-listener-6661", "main", "http-nio-8443-exec-12", "kafka-consumer-2",
           "ForkJoinPool.commonPool-worker-3", "adt-router-1", "Camel (hl7) thread #4 - mina2://0.0.0.0:2575"]
LOGGERS = ["c.n.i.hl7.AdtRouter", "com.northbay.integration.PidMapper", "o.a.c.component.mllp.MllpTcpServerConsumer",
           "c.l.lab.ResultFiler", "ca.uhn.hl7v2.parser.PipeParser", "c.h.i.orders.OrmTranslator",
           "com.mirth.connect.server.controllers.DonkeyEngineController"]


def jira_head(r, d, proj, summary, style, rep, asg, comp):
    k = key(r, proj)
    created = rts(r, recent(r, 1, 40))
    pr = r.choice(["Major", "High", "Critical", "P2", "P1", "Medium"])
    st = r.choice(["Open", "In Progress", "Triage", "Waiting for Vendor", "To Do"])
    if style == "view":
        d.add(k, " — ", summary, "\n")
        d.f("Type: Bug   Priority: «pr»   Status: «st»   Resolution: Unresolved\n", pr=pr, st=st)
        d.add("Reporter: ", SN(rep.full), "   Assignee: ", SN(asg.full), "\n")
        d.add("Created: ", fts(created, "sql")[:16], "   Updated: ",
              fts(created + dt.timedelta(hours=r.randint(2, 70)), "sql")[:16], "\n")
        d.add("Component/s: ", comp, "   Labels: ", r.choice(["hl7 prod-support", "interface, adt", "mirth lab-results",
                                                              "integration sev2"]), "\n\n")
        d.add("Description\n")
    elif style == "fields":
        d.add("Issue Type: Bug\nKey: ", k, "\nSummary: ", summary, "\nPriority: ", pr, "\n")
        d.add("Reporter: ", jira_user(r, rep, "wiki"), "\nAssignee: ", jira_user(r, asg, "wiki"), "\n")
        d.add("Labels: ", r.choice(["hl7", "interfaces", "go-live", "prod"]), "\nSprint: Integrations ",
              f"{TODAY.year % 100}.{r.randint(10, 25)}", "\n\n")
    elif style == "md":
        d.add("### ", k, " · ", summary, "\n")
        d.add("**Reporter:** ", jira_user(r, rep, "handle"), " · **Assignee:** ", jira_user(r, asg, "handle"),
              " · **Status:** ", st, "\n\n")
    else:  # form
        d.add("Project: Integration Engineering (", proj, ")\nIssue type: Bug\nSummary: ", summary, "\n")
        d.add("Component: ", comp, "\nAffects Version/s: ", ver(r), "\nReporter: ", SN(rep.full), "\n")
        d.add("Description:\n")
    return k, created


# --------------------------------------------------------------------------
# PHI family 1: Jira bug with a pasted HL7 v2 message and logs
# --------------------------------------------------------------------------
def _ctx(r, clinical=True):
    org = r.choice(ORGS)
    return org, staff(r, org), staff(r, org), staff(r, org, clinical=True)


def jh_adt_a01_wiki(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r)
    rel = person(r, culture=p.culture if r.random() < 0.7 else None)
    rel.last = p.last if r.random() < 0.6 else rel.last
    admit = rts(r)
    payer = r.choice(PAYERS)
    jira_head(r, d, "HL7", "A01 from registration drops NK1 and IN1 when PID-13 has two repetitions",
              r.choice(["view", "fields"]), rep, asg, "Interfaces - ADT")
    d.add("Since the ", ver(r), " channel deploy, admits with a home and cell number lose everything after PID. ",
          "Bed board shows the patient but no emergency contact or coverage. Raw message from the inbound queue:\n\n")
    segs = [h_msh(r, org, "ADT^A01^ADT_A01", admit), h_evn("A01", admit), h_pid(r, p, org, cell=True),
            h_nk1(r, rel), h_pv1(r, p, org, att, "I", admit), h_in1(r, p, payer),
            h_dg1(r, 1, r.choice(ICD), admit)]
    hl7_block(d, segs, r.choice(["wiki_code", "wiki_code_t", "wiki_nf"]))
    d.add("\nEngine log around the failure:\n{noformat}\n")
    t = admit + dt.timedelta(seconds=2)
    ip = rserver_ip(r)
    d.add(logline(r, t, "INFO", THREADS[1], LOGGERS[2], f"Received 1 message(s) from {ip}:{r.choice([2575, 6661, 7001])}"))
    d.add(logline(r, t, "WARN", THREADS[6], LOGGERS[1], "PID-13 has 2 repetitions, expected <= 1 (strict mode)"))
    d.add(logline(r, t, "ERROR", THREADS[6], LOGGERS[0],
                  f"Segment group truncated after PID; remaining segments dropped (msgId={ruuid(r)})"))
    d.add("{noformat}\n\nAcceptance: NK1/IN1 survive when PID-13 repeats; add a regression fixture with a fake patient.\n")


def jh_adt_a08_fields(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r)
    t = rts(r)
    admit = t - dt.timedelta(days=r.randint(1, 5))
    jira_head(r, d, "INTEG", "ADT^A08 updates rejected by downstream with AR - invalid date in PID-7",
              "fields", rep, asg, "ADT outbound")
    d.add("h3. What happens\nDownstream pharmacy system returns AR for A08 updates when DOB was corrected at registration. ",
          "Example from this morning (copied from the Rhapsody message viewer):\n\n")
    segs = [h_msh(r, org, "ADT^A08^ADT_A01", t, "2.3"), h_evn("A08", t), h_pid(r, p, org, ssn=r.random() < 0.5),
            h_pv1(r, p, org, att, "I", admit)]
    if r.random() < 0.6:
        segs.append(h_in1(r, p, r.choice(PAYERS)))
    hl7_block(d, segs, "wiki_code")
    ack_t = t + dt.timedelta(seconds=1)
    d.add("\nACK:\n{code}\n", h_msh(r, org, "ACK^A08", ack_t, "2.3"), "\n",
          f"MSA|AR|{rdigits(r, 8)}|Field PID-7 failed format check\n", "ERR|^^^207&Application internal error&HL70357\n{code}\n\n")
    d.add("h3. Notes\n* Only happens on corrections, not on new registrations\n* ", jira_user(r, asg, "wiki"),
          " thinks the pharmacy side wants YYYYMMDD only and we started sending a timestamp\n")


def jh_oru_r01_md(r, d):
    org, rep, asg, doc = _ctx(r)
    p = person(r)
    coll = rts(r)
    jira_head(r, d, "LAB", "ORU results filing to the wrong encounter after reflex testing", "md", rep, asg, "Lab Results")
    d.add("Reflexed tests come back as a second OBR and the filer attaches them to the most recent encounter ",
          "instead of the ordering one. Message below is the one from the ticket the lab opened.\n\n")
    order = rdigits(r, 9)
    segs = [h_msh(r, org, "ORU^R01^ORU_R01", coll + dt.timedelta(hours=3)), h_pid(r, p, org, ssn=False),
            h_pv1(r, p, org, doc, r.choice(["O", "E"]), coll - dt.timedelta(hours=1)),
            seg("ORC", {1: "RE", 2: IID(order), 12: h_xcn(doc)}),
            h_obr(r, 1, order, "24323-8^Comprehensive metabolic panel^LN", coll, doc)]
    for i, lab in enumerate(r.sample(LABS, r.randint(3, 6)), 1):
        segs.append(h_obx(r, i, lab, lab_value(r, lab), coll + dt.timedelta(minutes=r.randint(40, 150))))
    hl7_block(d, segs, r.choice(["md", "md_plain"]))
    d.add("\nFiler log:\n```\n")
    t = coll + dt.timedelta(hours=3, seconds=4)
    d.add(logline(r, t, "INFO", THREADS[4], LOGGERS[3], ["Filing ORC ", IID(order), " for MRN ", P(p.mrn, "mrn")]))
    d.add(logline(r, t, "WARN", THREADS[4], LOGGERS[3], "No encounter match on PV1-19, falling back to latest open encounter"))
    d.add("```\n\ncc ", jira_user(r, doc, "handle"), " (lab medical director) for awareness.\n")


def jh_orm_o01(r, d):
    org, rep, asg, doc = _ctx(r)
    p = person(r)
    t = rts(r)
    jira_head(r, d, "RAD", "ORM^O01 to PACS missing reason for exam (DG1 not mapped to OBR-31)",
              r.choice(["view", "form"]), rep, asg, "Radiology orders")
    d.add("Techs are calling the ordering office because the worklist shows no indication. ",
          "Order sent at ", fts(t, "sql")[11:16], " today:\n\n")
    order = rdigits(r, 8)
    cpt = r.choice([("71046", "XR CHEST 2 VIEWS"), ("74177", "CT ABD/PELVIS W CONTRAST"), ("70450", "CT HEAD WO CONTRAST"),
                    ("73721", "MRI KNEE WO CONTRAST")])
    icd = r.choice(ICD)
    segs = [h_msh(r, org, "ORM^O01", t), h_pid(r, p, org, ssn=False), h_pv1(r, p, org, doc, "O", t),
            seg("ORC", {1: "NW", 2: IID(order), 5: "SC", 9: PD(fts(t, "hl7")), 12: h_xcn(doc)}),
            seg("OBR", {1: "1", 2: IID(order), 4: [D(cpt[0], "procedure_code"), "^", cpt[1], "^CPT"],
                        7: PD(fts(t + dt.timedelta(days=1), "hl7")), 16: h_xcn(doc), 27: "^^^^^R"}),
            h_dg1(r, 1, icd, t)]
    hl7_block(d, segs, r.choice(["wiki_code", "wiki_nf"]))
    d.add("\nExpected OBR-31: ", D(icd[0], "diagnosis_code"), "^", D(icd[1], "condition"),
          "\nActual OBR-31: (empty)\n\nThe mapping table `obr31_from_dg1` has no row for DG1-6 = A. Fix in the translator, not in Epic.\n")


def jh_siu_s12(r, d):
    org, rep, asg, doc = _ctx(r)
    p = person(r)
    t = rts(r)
    appt = dt.datetime(t.year, t.month, t.day, r.randint(8, 16), r.choice([0, 15, 30, 45])) + dt.timedelta(days=r.randint(3, 30))
    jira_head(r, d, "SCHED", "SIU^S12 appointment times shifted by one hour in the kiosk app",
              r.choice(["md", "fields"]), rep, asg, "Scheduling feed")
    d.add("Patient showed up an hour early. Kiosk shows the appointment an hour off from Cadence. Message:\n\n")
    segs = [h_msh(r, org, "SIU^S12^SIU_S12", t),
            seg("SCH", {1: IID(rdigits(r, 7)), 2: IID(rdigits(r, 7)), 7: "^Follow up " + r.choice(["diabetes", "post-op", "hypertension", "labs"]),
                        8: "ROUTINE", 9: "30", 10: "MIN",
                        11: ["^^30^", PD(fts(appt, "hl7")), "^", PD(fts(appt + dt.timedelta(minutes=30), "hl7"))],
                        16: SN(asg.hl7), 25: "Booked"}),
            h_pid(r, p, org, ssn=False, acct=False), seg("RGS", {1: "1", 2: "A"}),
            seg("AIS", {1: "1", 2: "A", 3: "FUP^Follow Up Visit", 4: PD(fts(appt, "hl7s"))}),
            seg("AIP", {1: "1", 2: "A", 3: h_xcn(doc), 4: "ATT"}),
            seg("AIL", {1: "1", 2: "A", 3: f"{r.choice(['CARD', 'ENDO', 'PCP', 'ORTHO'])}^^^{org[1]}"})]
    hl7_block(d, segs, r.choice(["md", "wiki_code"]))
    d.add("\nComment from ", SN(asg.full), ":\n> The kiosk parses SCH-11.4 as UTC. Cadence sends local time with no offset. ",
          "Proposed fix: read MSH-7 offset and apply it, or default to America/Chicago.\n")


def jh_adt_a03(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r, lo=40, hi=88)
    admit = rts(r, recent(r, 5, 60))
    disch = admit + dt.timedelta(days=r.randint(2, 9), hours=r.randint(0, 8))
    jira_head(r, d, "ADT", "Discharge (A03) does not close the encounter in the care-management queue",
              r.choice(["view", "form"]), rep, asg, "ADT inbound")
    d.add("Care managers still see discharged patients on their worklist. One example (patient went home, still listed):\n\n")
    segs = [h_msh(r, org, "ADT^A03^ADT_A03", disch), h_evn("A03", disch), h_pid(r, p, org),
            h_pv1(r, p, org, att, "I", admit, disch), h_dg1(r, 1, r.choice(ICD), admit)]
    hl7_block(d, segs, r.choice(["wiki_code", "wiki_nf", "md_plain"]))
    d.add("\nI checked the worklist service log:\n{noformat}\n")
    t = disch + dt.timedelta(seconds=3)
    d.add(logline(r, t, "DEBUG", THREADS[6], LOGGERS[0], ["A03 visit=", P(p.visit, "account_number"), " status=DISCHARGED"]))
    d.add(logline(r, t, "ERROR", THREADS[6], LOGGERS[0], "CareQueueClient: 409 Conflict from http://" + rserver_ip(r) + ":8080/queue/v2/encounters"))
    d.add("{noformat}\nLooks like the queue expects PV1-45 with seconds. Comment from ", jira_user(r, asg, "wiki"),
          ": will relax the parser, PR to follow.\n")


def jh_mllp_trace(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r)
    t = rts(r)
    jira_head(r, d, "HL7", "MLLP sender retries forever on AE acks - backlog of " + str(r.randint(300, 4000)) + " messages",
              r.choice(["view", "fields", "md"]), rep, asg, "MLLP transport")
    d.add("Outbound queue to the HIE is stuck. The sender keeps resending the same A04. Trace from ",
          rserver_ip(r), " (escaped, as logged):\n\n{noformat}\n")
    ip = rserver_ip(r)
    tt = t
    msg = [h_msh(r, org, "ADT^A04^ADT_A01", t), "\\r", h_evn("A04", t), "\\r", h_pid(r, p, org, ssn=r.random() < 0.4), "\\r",
           h_pv1(r, p, org, att, "O", t), "\\r"]
    for attempt in range(1, r.randint(3, 5)):
        tt = tt + dt.timedelta(seconds=30)
        d.add(fts(tt, "log"), f" DEBUG [mllp-sender-hie] >> {ip}:{r.choice([5555, 6000, 2575])} attempt={attempt} payload=<VT>", msg, "<FS><CR>\n")
        d.add(fts(tt + dt.timedelta(seconds=1), "log"), " DEBUG [mllp-sender-hie] << MSA|AE|", rdigits(r, 8),
              "|Unknown facility code\n")
    d.add("{noformat}\n\nAE should be treated as final after 3 tries and routed to the error queue. ",
          "Message IDs are in the attached CSV (no patient data in it).\n")


def jh_adt_a04_parser(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r)
    rel = person(r)
    t = rts(r)
    jira_head(r, d, "INTEG", "HapiParseException on registrations with a tilde in the guarantor name",
              r.choice(["view", "form", "fields"]), rep, asg, "HL7 parser")
    d.add("Registration clerk typed the emergency contact with a ~ and the whole message failed to parse.\n\n")
    segs = [h_msh(r, org, "ADT^A04^ADT_A01", t, "2.4"), h_evn("A04", t), h_pid(r, p, org),
            seg("NK1", {1: "1", 2: [PN(nm(rel, "hl7n")), "~"], 3: "^".join(rel_code(r, rel)) + "^HL70063", 5: h_xtn(r, rel.phone)}),
            h_pv1(r, p, org, att, "O", t)]
    hl7_block(d, segs, r.choice(["wiki_code", "md"]))
    d.add("\nStack trace:\n{noformat}\n")
    d.add("ca.uhn.hl7v2.HL7Exception: Can't parse field NK1-2: component count exceeds 14\n",
          "\tat ca.uhn.hl7v2.parser.PipeParser.parse(PipeParser.java:1212)\n",
          "\tat ca.uhn.hl7v2.parser.Parser.parse(Parser.java:221)\n",
          "\tat com.northbay.integration.AdtListener.onMessage(AdtListener.java:88)\n{noformat}\n")
    d.add("Proposal: escape ~ in the registration UI (\\R\\) rather than loosening the parser.\n")


def jh_oru_micro(r, d):
    org, rep, asg, doc = _ctx(r)
    p = person(r)
    coll = rts(r)
    jira_head(r, d, "LAB", "Micro culture ORU: NTE lines after OBX are attached to the wrong result",
              r.choice(["md", "view"]), rep, asg, "Microbiology")
    d.add("The susceptibility comment shows under the gram stain. Example:\n\n")
    order = rdigits(r, 10)
    org_name = r.choice(["Escherichia coli", "Staphylococcus aureus", "Klebsiella pneumoniae", "Enterococcus faecalis"])
    segs = [h_msh(r, org, "ORU^R01", coll + dt.timedelta(days=2)), h_pid(r, p, org, ssn=False),
            h_obr(r, 1, order, "600-7^Blood culture^LN", coll, doc),
            seg("OBX", {1: "1", 2: "TX", 3: "664-3^Gram stain^LN", 5: "Gram negative rods", 11: "F", 14: PD(fts(coll + dt.timedelta(hours=20), "hl7"))}),
            seg("OBX", {1: "2", 2: "CE", 3: "600-7^Organism^LN", 5: f"^{org_name}", 11: "F", 14: PD(fts(coll + dt.timedelta(days=2), "hl7"))}),
            seg("NTE", {1: "1", 3: ["Critical value called to ", SN(f"{r.choice(['RN', 'Dr.'])} {staff(r, org).last}"),
                                    " at ", fts(coll + dt.timedelta(hours=21), "sql")[11:16], ", read back verified"]})]
    hl7_block(d, segs, r.choice(["md", "wiki_code"]))
    d.add("\nWe group NTE by the preceding OBR instead of the preceding OBX. ", jira_user(r, asg, "handle"),
          " has a fix on branch `bugfix/LAB-nte-grouping`.\n")


def jh_adt_a40_merge(r, d):
    org, rep, asg, att = _ctx(r)
    p = person(r)
    old_mrn = rmrn(r)
    t = rts(r)
    jira_head(r, d, "EMPI", "A40 merge leaves orphaned results under the retired MRN",
              r.choice(["view", "fields", "form"]), rep, asg, "EMPI / merges")
    d.add("HIM merged a duplicate. Results filed before the merge still show under the old record ",
          "(old ", P(old_mrn, "mrn"), ", surviving ", P(p.mrn, "mrn"), ").\n\n")
    segs = [h_msh(r, org, "ADT^A40^ADT_A39", t), h_evn("A40", t), h_pid(r, p, org, ssn=r.random() < 0.5),
            seg("MRG", {1: [P(old_mrn, "mrn"), "^^^", org[1], "^MR"], 3: P(racct(r), "account_number")})]
    hl7_block(d, segs, r.choice(["wiki_code", "wiki_nf", "md_plain"]))
    d.add("\nDB check by ", SN(asg.full), ":\n{code:sql}\nselect count(*) from lab_result where mrn = '", P(old_mrn, "mrn"),
          "';  -- ", str(r.randint(3, 40)), " rows\n{code}\n")


JIRA_HL7 = [jh_adt_a01_wiki, jh_adt_a08_fields, jh_oru_r01_md, jh_orm_o01, jh_siu_s12, jh_adt_a03,
            jh_mllp_trace, jh_adt_a04_parser, jh_oru_micro, jh_adt_a40_merge]


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------
LOCAL_ID = ["3f1c9a2e"]


def table(d, fmt, headers, rows):
    if fmt == "wiki":
        d.add("||" + "||".join(headers) + "||\n")
        for row in rows:
            d.add("|", join([c if c else " " for c in row], "|"), "|\n")
    elif fmt == "md":
        d.add("| " + " | ".join(headers) + " |\n", "|" + "|".join("---" for _ in headers) + "|\n")
        for row in rows:
            d.add("| ", join(row, " | "), " |\n")
    elif fmt == "html":
        d.add("<table>\n  <tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>\n")
        for row in rows:
            d.add("  <tr>", [["<td>", c, "</td>"] for c in row], "</tr>\n")
        d.add("</table>\n")
    elif fmt == "xhtml":
        d.add('<table data-layout="default" ac:local-id="', LOCAL_ID[0], '"><tbody>\n<tr>')
        d.add("".join(f"<th><p><strong>{h}</strong></p></th>" for h in headers), "</tr>\n")
        for row in rows:
            d.add("<tr>", [["<td><p>", c, "</p></td>"] for c in row], "</tr>\n")
        d.add("</tbody></table>\n")
    elif fmt == "tsv":
        d.add("\t".join(headers), "\n")
        for row in rows:
            d.add(join(row, "\t"), "\n")
    else:
        raise ValueError(fmt)


def page_head(r, d, title, owner, editor=None):
    editor = editor or owner
    when = recent(r, 1, 90)
    style = r.randint(0, 3)
    if style == 0:
        d.add(title, "\n", "Created by ", SN(owner.full), ", last modified by ", SN(editor.full), " on ",
              fd(when, "mdy"), "\n\n")
    elif style == 1:
        d.add("h1. ", title, "\n", "_Page owner:_ [~", SN(owner.handle), "] · _last edited_ ", fd(when, "iso"), "\n\n")
    elif style == 2:
        d.add("# ", title, "\n\n", "Owner: ", SN(owner.full), " | Updated ", fd(when, "long"), "\n\n")
    else:
        d.add(title, "\n", "Space: ", r.choice(["Nursing Informatics", "Care Management", "Revenue Cycle", "EHR Build",
                                                  "Population Health"]),
              " › ", r.choice(["Working lists", "Projects", "Go-live", "Reference"]), "\n", "Last updated ",
              fd(when, "dmy"), " by ", SN(editor.full), "\n\n")


def cell_name(r, p, style=None):
    return PN(nm(p, style or r.choice(NAME_STYLES)))


# --------------------------------------------------------------------------
# PHI family 2: Confluence patient table
# --------------------------------------------------------------------------
def ct_wiki_census(r, d):
    org = r.choice(ORGS)
    owner = staff(r, org)
    unit = r.choice(["5 East", "4 West Tele", "MICU", "Ortho/Neuro 6", "Step-down 3N"])
    page_head(r, d, f"{unit} census — weekend handoff", owner)
    d.add("Copied from the unit board Friday 18:00. Delete after Monday huddle.\n\n")
    ds = r.choice(["us", "us1", "iso"])
    ns = r.choice(["lf", "LF", "lfm", "fl"])
    hdr = r.choice([["Rm", "Patient", "DOB", "MRN", "Attending", "Dx", "Notes"],
                    ["Bed", "Name", "Birth date", "Med Rec #", "Attending", "Problem", "Plan"]])
    rows = []
    for i in range(r.randint(5, 9)):
        p = person(r, lo=25, hi=89)
        att = staff(r, org, clinical=True)
        rows.append([f"{r.randint(500, 540)}{r.choice('AB')}", cell_name(r, p, ns), PD(fd(p.dob, ds)), P(p.mrn, "mrn"),
                     SN("Dr. " + att.last), D(r.choice(SHORT_DX), "condition"),
                     r.choice(["diuresing", "PT eval today", "d/c planning", "NPO after midnight", "family meeting Sat",
                               "wean O2", "SNF placement pending", ""])])
    table(d, "wiki", hdr, rows)
    d.add("\nQuestions → ", jira_user(r, owner, "wiki"), "\n")


def ct_md_outreach(r, d):
    owner = staff(r)
    page_head(r, d, r.choice(["Diabetes care-gap outreach — December list", "A1c overdue call list (wk 49)"]), owner)
    d.add("Call script is on the parent page. Mark outcome in the last column; do not leave PHI in voicemail.\n\n")
    ps = r.choice(PHONE_STYLES)
    ds = r.choice(DATE_STYLES)
    ns = r.choice(NAME_STYLES)
    rows = []
    for i in range(r.randint(6, 10)):
        p = person(r, lo=30, hi=85)
        rows.append([cell_name(r, p, ns), P(fph(p.phone, ps), "phone"), "%.1f" % r.uniform(7.1, 12.8),
                     PD(fd(recent(r, 120, 600), ds)),
                     r.choice(["LVM x1", "LVM x2", "scheduled", "wrong number", "declined", "", "moved out of area"])])
    table(d, "md", r.choice([["Member", "Phone", "Last A1c", "Last visit", "Outcome"],
                             ["Patient", "Best #", "A1c %", "Last PCP visit", "Call result"]]), rows)
    d.add("\nCaller assignment: rows 1–5 ", SN(staff(r).full), ", rest ", SN(staff(r).full), ".\n")


def ct_html_pilot(r, d):
    org = r.choice(ORGS)
    owner = staff(r, org)
    page_head(r, d, "Remote monitoring pilot — enrolled patients", owner)
    d.add("<p>Cuffs shipped from the vendor warehouse; serials from the packing slip.</p>\n")
    rows = []
    ds = r.choice(["us", "iso", "mdy"])
    for i in range(r.randint(4, 8)):
        p = person(r, lo=45, hi=89)
        rn = staff(r, org)
        rows.append([cell_name(r, p), PD(fd(p.dob, ds)), P(rserial(r), "device_id"), PD(fd(recent(r, 5, 80), ds)),
                     SN(rn.full), r.choice(["active", "active", "no readings 7d", "returned"])])
    table(d, "html", r.choice([["Patient", "DOB", "Cuff serial", "Enrolled", "RN", "Status"],
                               ["Name", "Date of Birth", "Device S/N", "Start date", "Care manager", "State"]]), rows)


def ct_excel_recon(r, d):
    owner = staff(r)
    page_head(r, d, "Conversion wave 2 — MRN reconciliation exceptions", owner)
    d.add("Pasted from the Excel the vendor sent (tab 'exceptions'). These did not auto-match on name + DOB.\n\n")
    rows = []
    ds = r.choice(["us", "us1", "iso", "dash"])
    for i in range(r.randint(6, 11)):
        p = person(r)
        rows.append([P(rmrn(r), "mrn"), P(p.mrn, "mrn"), PN(fold(p.last).upper() if r.random() < 0.5 else p.last),
                     PN(p.first), PD(fd(p.dob, ds)),
                     r.choice(["DOB mismatch", "name spelling", "two candidates", "no legacy match", "sex mismatch"])])
    table(d, "tsv", r.choice([["Legacy MRN", "New MRN", "Last", "First", "DOB", "Reason"],
                              ["OLD_MRN", "EPIC_MRN", "LAST_NAME", "FIRST_NAME", "BIRTH_DT", "EXCEPTION"]]), rows)
    d.add("\nHIM to work these by ", fd(TODAY + dt.timedelta(days=r.randint(5, 20)), "long"), ". Owner: ", SN(staff(r).full), "\n")


def ct_storage_xhtml(r, d):
    org = r.choice(ORGS)
    owner = staff(r, org)
    d.add('<ac:layout><ac:layout-section ac:type="single"><ac:layout-cell>\n<h2>Readmissions within 30 days — ',
          MONTH[(TODAY.month - 2) % 12], "</h2>\n")
    d.add("<p>Reviewed at the readmission committee. Owner: ", '<ac:link><ri:user ri:username="', SN(owner.handle), '" /></ac:link></p>\n')
    rows = []
    ds = r.choice(["us", "mdy", "iso"])
    for i in range(r.randint(4, 8)):
        p = person(r, lo=50, hi=89)
        a1 = recent(r, 40, 80)
        a2 = a1 + dt.timedelta(days=r.randint(3, 29))
        rows.append([cell_name(r, p), P(p.mrn, "mrn"), PD(fd(a1, ds)), PD(fd(a2, ds)), D(r.choice(SHORT_DX), "condition")])
    table(d, "xhtml", ["Patient", "MRN", "Index admit", "Readmit", "Reason"], rows)
    d.add("</ac:layout-cell></ac:layout-section></ac:layout>\n")


def ct_dup_merge(r, d):
    owner = staff(r)
    page_head(r, d, "Potential duplicate records — week of " + fd(recent(r, 1, 10), "mdy"), owner)
    d.add("From the EMPI task list, score ≥ 18. HIM decision in the last column.\n\n")
    rows = []
    ds = r.choice(["us", "iso", "us1"])
    for i in range(r.randint(4, 7)):
        p = person(r)
        alt = r.choice([p.first[:3] if len(p.first) > 4 else p.first, fold(p.first), p.first + " " + p.middle])
        rows.append([str(i + 1), P(p.mrn, "mrn"), P(rmrn(r), "mrn"), PN(f"{p.last}, {p.first}"), PN(f"{fold(p.last)}, {alt}"),
                     PD(fd(p.dob, ds)), r.choice(["merge", "not a dup", "pending", "merge — twins? check", "escalate"])])
    table(d, "wiki", ["#", "Record A", "Record B", "Name on A", "Name on B", "DOB", "Decision"], rows)


def ct_transport(r, d):
    owner = staff(r)
    page_head(r, d, "Dialysis transport — " + r.choice(["MWF", "TTS"]) + " schedule", owner)
    d.add("Ride vendor confirms by 15:00 the day before. Call the patient if the pickup moves more than 15 min.\n\n")
    rows = []
    ps = r.choice(PHONE_STYLES)
    for i in range(r.randint(4, 8)):
        p = person(r, lo=35, hi=89)
        rows.append([f"{r.randint(5, 11)}:{r.choice(['00', '15', '30', '45'])}", cell_name(r, p),
                     [P(street_line(p), "street_address"), ", ", P(p.city, "street_address"), " ", P(p.zip, "zip_code")],
                     P(fph(p.phone, ps), "phone"), f"chair {r.randint(1, 24)}",
                     r.choice(["wheelchair", "ambulatory", "walker", "stretcher", ""])])
    table(d, r.choice(["wiki", "md"]), ["Pickup", "Patient", "Address", "Phone", "Chair", "Mobility"], rows)


def ct_vax_clinic(r, d):
    owner = staff(r)
    page_head(r, d, "Flu + COVID clinic roster (employee family day)", owner)
    d.add("Family members of staff — bill to their own plan.\n\n")
    rows = []
    ds = r.choice(["us", "iso", "us2", "mdy"])
    given = recent(r, 2, 30)
    for i in range(r.randint(5, 9)):
        p = person(r)
        rows.append([PN(p.last), PN(p.first), PD(fd(p.dob, ds)), r.choice(PAYERS)[0], P(p.member, "health_plan_id"),
                     r.choice(["flu", "flu + COVID", "COVID", "flu (HD)"]), PD(fd(given, ds))])
    table(d, r.choice(["md", "wiki", "html"]), r.choice([["Last name", "First name", "Date of birth", "Insurance", "Member ID", "Vaccine", "Given"],
                                                         ["Surname", "Given name", "D.O.B.", "Plan", "Subscriber #", "Dose", "Date given"]]), rows)


def ct_research_screen(r, d):
    owner = staff(r)
    page_head(r, d, "HF-RESTORE screening log (site 04)", owner)
    d.add("Inclusion: EF ≤ 40%, hospitalised for HF in the last 30 days. Exclusion: eGFR < 20, hospice.\n\n")
    rows = []
    for i in range(r.randint(6, 10)):
        old = r.random() < 0.35
        p = person(r, lo=90 if old else 55, hi=101 if old else 89)
        age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
        rows.append([f"S04-{i + 1:03d}", cell_name(r, p), age, p.sex, P(p.mrn, "mrn"),
                     r.choice(["Y", "N", "N", "Y"]), r.choice(["", "eGFR 14", "hospice", "declined", "EF 45%", "consented"])])
    table(d, r.choice(["wiki", "md", "xhtml"]), ["Screen #", "Name", "Age", "Sex", "MRN", "Eligible", "Note"], rows)
    d.add("\nCRC: ", SN(staff(r).full), " · PI: ", SN("Dr. " + staff(r, clinical=True).full), "\n")


def ct_portal_invites(r, d):
    org = r.choice(ORGS)
    owner = staff(r, org)
    page_head(r, d, "Portal activation — stuck invites", owner)
    d.add("These patients got an activation email but the link 404s. Vendor case ", str(r.randint(100000, 999999)), ".\n\n")
    rows = []
    host = r.choice(["mychart", "portal", "myhealth"]) + "." + org[2]
    for i in range(r.randint(4, 7)):
        p = person(r)
        url = f"https://{host}/activate?patient={rdigits(r, 7)}&code={rhex(r, 10)}"
        rows.append([cell_name(r, p), P(p.email, "email"), P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"), P(url, "url"),
                     r.choice(["404", "expired", "404", "sent twice"])])
    table(d, r.choice(["wiki", "md", "html"]), ["Patient", "Email", "Cell", "Activation link", "Status"], rows)


CONFLUENCE_TABLE = [ct_wiki_census, ct_md_outreach, ct_html_pilot, ct_excel_recon, ct_storage_xhtml, ct_dup_merge,
                    ct_transport, ct_vax_clinic, ct_research_screen, ct_portal_invites]


# --------------------------------------------------------------------------
# PHI family 3: support ticket prose
# --------------------------------------------------------------------------
def tstamp(r, base=None):
    t = rts(r, base)
    return t, r.choice([lambda: fd(t.date(), "mdy") + ", " + t.strftime("%I:%M %p").lstrip("0"),
                        lambda: fts(t, "sql")[:16], lambda: fd(t.date(), "us") + " " + t.strftime("%H:%M")])()


def st_zendesk(r, d):
    org = r.choice(ORGS)
    req, agent = staff(r, org), staff(r)
    p = person(r)
    pr = he_she(p)
    t, ts1 = tstamp(r)
    t2 = t + dt.timedelta(minutes=r.randint(20, 300))
    ts2 = fd(t2.date(), "mdy") + ", " + t2.strftime("%I:%M %p").lstrip("0") if "," in ts1 else fts(t2, "sql")[:16]
    d.add("#", str(r.randint(20000, 99999)), "  ", r.choice(["Patient can't see lab results in the app", "Results tab empty for one patient"]), "\n")
    d.add("Requester: ", SN(req.full), " <", SC(req.email), ">\nAssignee: Tier 2 / ", SN(agent.full),
          "\nStatus: Open · Priority: Normal · Channel: Email\n\n")
    d.add(SN(req.full), " — ", DD(ts1), "\n")
    d.f("Hi team, we have a patient, «n» (DOB «b»), who says the app shows \"no results\" even though «pos» CBC from "
        "last week is final in the chart. MRN «m». «P» already reinstalled the app. Can someone look?\n\n",
        n=PN(nm(p, r.choice(["fl", "fml"]))), b=PD(fd(p.dob, r.choice(DATE_STYLES))), m=P(p.mrn, "mrn"), pos=pr[1],
        P=pr[0].capitalize())
    d.add(SN(agent.full), " — ", DD(ts2), "\n")
    d.f("Thanks. I found the proxy link: «pos» account («e») is linked as proxy to «pos» mother's record, not «pos» own. "
        "Unlinking and re-sending the activation code to the number on file ending «l4». Will confirm once «pr» logs in.\n",
        e=P(p.email, "email"), l4=D(p.phone[2], "phone"), pos=pr[1], pr=pr[0])


def st_servicenow(r, d):
    org = r.choice(ORGS)
    caller, agent = staff(r, org), staff(r)
    p = person(r)
    pcp, wrong = staff(r, org, clinical=True), staff(r, org, clinical=True)
    d.add("Number: INC", rdigits(r, 7), "\nCaller: ", SN(caller.full), "\nCategory: Clinical Applications > EHR > Demographics\n",
          "Short description: Wrong PCP on patient record\nState: Work in Progress   Assignment group: EHR-Registration\n\n")
    pr = he_she(p)
    d.f("Description:\nPatient «n», MRN «m», DOB «b», has «w» listed as PCP. «Pos» PCP has been «c» since «pr» moved. "
        "Referral queue keeps routing «pos» results to the wrong office.\n\n", Pos=pr[1].capitalize(), pr=pr[0], pos=pr[1],
        n=PN(nm(p, r.choice(["lf", "LF", "lfm"]))), m=P(p.mrn, "mrn"), b=PD(fd(p.dob, r.choice(DATE_STYLES))),
        w=SN("Dr. " + wrong.full), c=SN("Dr. " + pcp.full))
    t = rts(r)
    d.add("Work notes (", fts(t, "sql"), " - ", SN(agent.full), ")\n",
          "PCP field updated. The care-team provider row also needed an end date; done. Asked caller to re-route the 2 results.\n")


def st_jsm_portal(r, d):
    org = r.choice(ORGS)
    raised = staff(r, org)
    p = person(r)
    d.add("Request type: Report a problem with patient data\nRaised by: ", SN(raised.full), " (", SC(raised.email), ")\n",
          "Request participants: ", SN(staff(r, org).full), "\n\n")
    labels = r.choice([("Patient name", "Date of birth", "MRN / Account #", "Phone on file"),
                       ("Patient", "DOB", "MRN", "Contact #"), ("Pt Name", "D.O.B.", "Med Rec No.", "Phone")])
    d.add(labels[0], ": ", PN(nm(p, r.choice(NAME_STYLES))), "\n", labels[1], ": ", PD(fd(p.dob, r.choice(DATE_STYLES))), "\n",
          labels[2], ": ", P(p.mrn, "mrn"), " / ", P(p.acct, "account_number"), "\n", labels[3], ": ",
          P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"), "\n\n")
    d.add("What's happening?\n", r.choice([
        "Two guarantor accounts were created at check-in and the statement went to the old address. ",
        "The patient's preferred language changed to English after the registration update but she needs an interpreter. ",
        "Allergy list disappeared after the chart merge. ",
    ]), "Address on file should be ", P(street_line(p), "street_address"), ", ", P(p.city, "street_address"), ", ",
        D(p.state, "street_address"), " ", P(p.zip, "zip_code"), ".\n\nHow urgent is this?\nHigh – patient is scheduled ",
        PD(fd(TODAY + dt.timedelta(days=r.randint(1, 9)), "long")), ".\n")


def st_freshdesk_billing(r, d):
    agent = staff(r)
    p = person(r)
    amount = "%.2f" % r.uniform(40, 2400)
    d.add("Ticket #", str(r.randint(100000, 999999)), " · Billing › Payment posted to wrong account\n",
          "Contact: (patient, phone call) · Agent: ", SN(agent.full), "\n\n")
    d.f("Caller «n» says «pr» paid $«a» online on «pd» but the statement dated «sd» still shows the balance. Guarantor "
        "account «g». «P» read me the card number «pr» used, «c» (exp «x»), so I could find the transaction in the "
        "gateway — it posted to account «g2» instead. Callback «ph».\n\n",
        pr=he_she(p)[0], P=he_she(p)[0].capitalize(), n=PN(nm(p, "fl")), a=amount, pd=DD(fd(recent(r, 10, 40), "us")), sd=DD(fd(recent(r, 1, 9), "us")),
        g=P(p.acct, "account_number"), c=P(rcard(r), "credit_card"), x=f"{r.randint(1, 12):02d}/{r.randint(27, 31)}",
        g2=P(racct(r), "account_number"), ph=P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"))
    d.add("Next step: move payment, send corrected statement. Assigned to Cash Posting (", SN(staff(r).full), ").\n")


def st_portal_login(r, d):
    org = r.choice(ORGS)
    agent = staff(r, org)
    p = person(r)
    ip = rip(r)
    d.add(r.choice(["[Portal] ", "Patient portal — ", "MyChart: "]), "lockout after password reset\n",
          "Submitted via: Help Desk phone   Tech: ", SN(agent.full), "  ", SC(fph(agent.work, "dash")), "\n\n")
    pr = he_she(p)
    d.f("Patient «n» (DOB «b») cannot log in after resetting «pos» password. Username is «pos» email «e». The audit "
        "log shows 6 failed attempts from «ip» then a lock. «P» confirmed that's «pos» home internet.\n"
        "Profile link for Tier 2: «u»\n"
        "Verified identity with DOB and last 4 of SSN («l4»).\n",
        n=PN(nm(p, r.choice(["fl", "fml", "lf"]))), b=PD(fd(p.dob, r.choice(DATE_STYLES))), e=P(p.email, "email"),
        ip=P(ip, "ip_address"), u=P(f"https://{r.choice(['mychart', 'portal'])}.{org[2]}/admin/patients/{rdigits(r, 8)}", "url"),
        l4=D(p.ssn[-4:], "ssn"), pos=pr[1], P=pr[0].capitalize())


def st_phone_log(r, d):
    agent = staff(r)
    p = person(r, lo=84, hi=99, sex="F")
    rel = person(r, culture=p.culture)
    rel.last = p.last if r.random() < 0.7 else rel.last
    t, ts = tstamp(r)
    d.add("Call log — Patient Access Center\nTaken by: ", SN(agent.full), "   Time: ", DD(ts), "\n\n")
    age = [P(str(p.age), "age_over_89"), " y/o"] if p.age >= 90 else [str(p.age), " y/o"]
    d.f("Caller: «rn» («rel» of patient), cb «cb»\nPatient: «pn», «age», DOB «b»\n"
        "Reason: wants to move mom's cardiology follow-up; she can't do mornings anymore because of dialysis. "
        "Also asked whether «cp» can get copies of the echo report. Told «co» «cp» needs to be listed on the HIPAA "
        "authorization first — none on file.\nAction: routed to scheduling pool, msg to «doc»'s nurse.\n",
        cp=he_she(rel)[0], co="her" if rel.sex == "F" else "him",
        rn=PN(nm(rel, "fl")), rel=r.choice(["daughter", "daughter-in-law", "niece"] if rel.sex == "F" else ["son", "son-in-law", "nephew"]),
        cb=P(fph(rel.cell, r.choice(PHONE_STYLES)), "phone"), pn=PN(nm(p, r.choice(["lf", "fl", "LF"]))), age=age,
        b=PD(fd(p.dob, r.choice(DATE_STYLES))), doc=SN("Dr. " + staff(r, clinical=True).last))


def st_pharmacy_refill(r, d):
    agent = staff(r)
    p = person(r)
    med = r.choice(MEDS)
    d.add("Subject: Refill request not reaching pharmacy\nQueue: Clinical Apps – e-Prescribing\nOpened by: ",
          SN(agent.full), "\n\n")
    d.f("Patient «n», MRN «m», called twice: «pos» «med» refill was signed on «sd» but the pharmacy says they never got "
        "it. Surescripts shows the NewRx as 'Error: patient not found' — pharmacy has «pos» DOB as «b» (we have the "
        "same) but «pos» phone as «ph»; ours is «ph2». Could the demographics match be failing on phone?\n", pos=he_she(p)[1],
        n=PN(nm(p, r.choice(NAME_STYLES))), m=P(p.mrn, "mrn"), med=D(med[0], "medication"), sd=DD(fd(recent(r, 1, 6), "us")),
        b=PD(fd(p.dob, "us")), ph=P(fph(rphone(r), "dash"), "phone"), ph2=P(fph(p.phone, "dash"), "phone"))


def st_roi(r, d):
    agent = staff(r)
    p = person(r)
    s1 = recent(r, 200, 900)
    d.add("HIM / Release of Information — request ", str(r.randint(1000, 99999)), "\nWorked by: ", SN(agent.full), "\n\n")
    d.f("Requester is the patient, «n», DOB «b». Requested records: ED visit «v1» and follow-up «v2». "
        "ID verified in person: «st» driver's license «dl». Mail to «a», «c», «s» «z».\n"
        "Issue: the release printer in HIM skips the second encounter when the dates span two years. Ticket for the "
        "ROI app team attached.\n",
        n=PN(nm(p, r.choice(["fl", "fml", "lf"]))), b=PD(fd(p.dob, r.choice(DATE_STYLES))), v1=PD(fd(s1, "us")),
        v2=PD(fd(s1 + dt.timedelta(days=r.randint(5, 40)), "us")), st=D(p.state, "street_address"),
        dl=P(rdl(r, p.state), "license_number"), a=P(street_line(p), "street_address"), c=P(p.city, "street_address"),
        s=D(p.state, "street_address"), z=P(p.zip4 if r.random() < 0.4 else p.zip, "zip_code"))


def st_wrong_chart(r, d):
    org = r.choice(ORGS)
    rep = staff(r, org, clinical=True)
    p = person(r)
    q = person(r, culture=p.culture)
    q.last = p.last
    d.add("Priority 1 — note filed to wrong chart\nReported by ", SN(rep.full + ", " + rep.cred), " (", SC(rep.ext), ")\n\n")
    d.f("Progress note from today was signed on «p1» (MRN «m1», DOB «b1») but belongs to «p2» (MRN «m2», DOB «b2»). "
        "Same last name, both in clinic this morning. Please move the note and the attached order; I can't "
        "un-sign it myself.\n",
        p1=PN(nm(p, "fl")), m1=P(p.mrn, "mrn"), b1=PD(fd(p.dob, "us")), p2=PN(nm(q, "fl")), m2=P(q.mrn, "mrn"),
        b2=PD(fd(q.dob, "us")))


def st_device_return(r, d):
    agent = staff(r)
    p = person(r, lo=40, hi=89)
    d.add(r.choice(["DME return — ", "Equipment pickup: "]), r.choice(["CPAP", "home O2 concentrator", "glucose monitor", "infusion pump"]),
          "\nAgent: ", SN(agent.full), "\n\n")
    d.f("Please schedule pickup for «n». Device serial «sn». Address «a», «c», «s» «z». Best phone «ph», "
        "alt «ph2» («rel»). Patient discharged from service «dd».\n",
        n=PN(nm(p, r.choice(NAME_STYLES))), sn=P(rserial(r), "device_id"), a=P(street_line(p), "street_address"),
        c=P(p.city, "street_address"), s=D(p.state, "street_address"), z=P(p.zip, "zip_code"),
        ph=P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"), ph2=P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"),
        rel=r.choice(["son", "wife", "husband", "daughter"]), dd=PD(fd(recent(r, 3, 30), r.choice(DATE_STYLES))))
    d.add("Vendor ticket will be created by the integration once this is approved.\n")


SUPPORT_TICKET = [st_zendesk, st_servicenow, st_jsm_portal, st_freshdesk_billing, st_portal_login, st_phone_log,
                  st_pharmacy_refill, st_roi, st_wrong_chart, st_device_return]


# --------------------------------------------------------------------------
# JSON with spans, diffs
# --------------------------------------------------------------------------
class Q(list):
    """A JSON string value assembled from several pieces (e.g. "Patient/" + id)."""


def jdump(o, ind=2, lvl=0):
    pad, pad2 = " " * (ind * lvl), " " * (ind * (lvl + 1))
    if isinstance(o, dict):
        if not o:
            return ["{}"]
        out = ["{\n"]
        items = list(o.items())
        for i, (k, v) in enumerate(items):
            out += [pad2, json.dumps(k), ": ", jdump(v, ind, lvl + 1), "," if i < len(items) - 1 else "", "\n"]
        return out + [pad, "}"]
    if isinstance(o, list) and not isinstance(o, Q):
        if not o:
            return ["[]"]
        if all(not isinstance(x, (dict, list)) or isinstance(x, Q) for x in o):
            return ["[", join([jdump(x, ind, lvl) for x in o], ", "), "]"]
        out = ["[\n"]
        for i, x in enumerate(o):
            out += [pad2, jdump(x, ind, lvl + 1), "," if i < len(o) - 1 else "", "\n"]
        return out + [pad, "]"]
    if isinstance(o, Q):
        return ['"', list(o), '"']
    if isinstance(o, S):
        return ['"', S(json.dumps(o.v, ensure_ascii=False)[1:-1], o.label, o.kind), '"']
    return [json.dumps(o, ensure_ascii=False)]


def jcompact(o):
    if isinstance(o, dict):
        return ["{", join([[json.dumps(k), ":", jcompact(v)] for k, v in o.items()], ","), "}"]
    if isinstance(o, list) and not isinstance(o, Q):
        return ["[", join([jcompact(x) for x in o], ","), "]"]
    return jdump(o)


def flat(x, out):
    if isinstance(x, (str, S)):
        out.append(x)
    elif x is None:
        pass
    else:
        for y in x:
            flat(y, out)
    return out


def split_lines(pieces):
    lines = [[]]
    for x in flat(pieces, []):
        if isinstance(x, str):
            parts = x.split("\n")
            lines[-1].append(parts[0])
            for part in parts[1:]:
                lines.append([part])
        else:
            lines[-1].append(x)
    if lines and lines[-1] in ([], [""]):
        lines.pop()
    return lines


def line_text(line):
    return "".join(x if isinstance(x, str) else x.v for x in line)


def diff_new(d, path, lines):
    import hashlib
    h = hashlib.sha1(path.encode()).hexdigest()[:7]
    d.add(f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{h}\n--- /dev/null\n+++ b/{path}\n",
          f"@@ -0,0 +1,{len(lines)} @@\n")
    for ln in lines:
        d.add("+", ln, "\n")


def diff_mod(d, path, old, new):
    import difflib
    import hashlib
    h1 = hashlib.sha1(("o" + path).encode()).hexdigest()[:7]
    h2 = hashlib.sha1(("n" + path).encode()).hexdigest()[:7]
    d.add(f"diff --git a/{path} b/{path}\nindex {h1}..{h2} 100644\n--- a/{path}\n+++ b/{path}\n")
    sm = difflib.SequenceMatcher(a=[line_text(x) for x in old], b=[line_text(x) for x in new], autojunk=False)
    for group in sm.get_grouped_opcodes(3):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        d.add(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                for ln in new[b1:b2]:
                    d.add(" ", ln, "\n")
            else:
                for ln in old[a1:a2]:
                    d.add("-", ln, "\n")
                for ln in new[b1:b2]:
                    d.add("+", ln, "\n")


# --------------------------------------------------------------------------
# PHI family 4: Bitbucket diff of a FHIR JSON fixture
# --------------------------------------------------------------------------
LANG_CODES = {"hispanic": "es", "vietnamese": "vi", "chinese": "zh", "korean": "ko", "indian": "hi", "arabic": "ar",
              "polish": "pl", "haitian": "ht", "somali": "so", "japanese": "ja", "german": "de", "greek": "el",
              "ukrainian_russian": "uk", "italian": "it", "ethiopian": "am", "filipino": "tl"}


def fhir_patient(r, p, org, pid=None, ssn=False, email=False, gp=None, light=False):
    o = {"resourceType": "Patient", "id": IID(pid or f"{r.choice(['pat', 'p', 'patient'])}-{rdigits(r, 5)}")}
    if r.random() < 0.5:
        o["meta"] = {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]}
    ids = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
            "system": f"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}.1", "value": P(p.mrn, "mrn")}]
    if ssn:
        ids.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": P(p.ssn, "ssn")})
    o["identifier"] = ids
    o["active"] = True
    given = [PN(p.first)] + ([PN(p.middle)] if r.random() < 0.4 else [])
    o["name"] = [{"use": "official", "family": PN(p.last), "given": given}]
    if not light:
        tel = [{"system": "phone", "value": P(fph(p.phone, r.choice(["dash", "paren", "e164"])), "phone"), "use": "home"}]
        if r.random() < 0.5:
            tel.append({"system": "phone", "value": P(fph(p.cell, "dash"), "phone"), "use": "mobile"})
        if email:
            tel.append({"system": "email", "value": P(p.email, "email")})
        o["telecom"] = tel
    o["gender"] = "female" if p.sex == "F" else "male"
    o["birthDate"] = PD(fd(p.dob, "iso"))
    if not light:
        line = [P(p.street, "street_address")] + ([P(p.unit, "street_address")] if p.unit else [])
        o["address"] = [{"use": "home", "line": line, "city": P(p.city, "street_address"),
                         "state": D(p.state, "street_address"), "postalCode": P(p.zip, "zip_code"), "country": "US"}]
    if p.culture in LANG_CODES and r.random() < 0.6:
        o["communication"] = [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": LANG_CODES[p.culture]}]},
                               "preferred": True}]
    if gp:
        o["generalPractitioner"] = [{"reference": Q(["Practitioner/", IID(rdigits(r, 6))]), "display": SN(gp.full)}]
    if r.random() < 0.5:
        o["managingOrganization"] = {"reference": Q(["Organization/", IID(org[1].lower())]), "display": FAC(org[0])}
    return o


def pref(pid):
    return Q(["Patient/", IID(pid)])


def fhir_encounter(r, p, pid, org, att, start, end=None, icd=None):
    o = {"resourceType": "Encounter", "id": IID(f"enc-{rdigits(r, 6)}"),
         "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}.3", "value": P(p.visit, "account_number")}],
         "status": "finished" if end else "in-progress",
         "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": r.choice(["IMP", "AMB", "EMER"])},
         "subject": {"reference": pref(pid), "display": PN(nm(p, "fl"))},
         "participant": [{"individual": {"reference": Q(["Practitioner/", IID(rdigits(r, 6))]), "display": SN("Dr. " + att.full)}}],
         "period": {"start": PD(fts(start, "isooff"))}}
    if end:
        o["period"]["end"] = PD(fts(end, "isooff"))
    if icd:
        o["reasonCode"] = [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(icd[0], "diagnosis_code"),
                                        "display": D(icd[1], "condition")}]}]
    o["serviceProvider"] = {"display": FAC(org[0])}
    return o


def fhir_obs(r, p, pid, lab, t):
    return {"resourceType": "Observation", "id": IID(f"obs-{rdigits(r, 7)}"), "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": lab[0], "display": lab[1]}]},
            "subject": {"reference": pref(pid), "display": PN(nm(p, r.choice(["fl", "lf"])))},
            "effectiveDateTime": PD(fts(t, "isooff")), "issued": PD(fts(t + dt.timedelta(hours=2), "isooff")),
            "valueQuantity": {"value": float(lab_value(r, lab)), "unit": lab[2], "system": "http://unitsofmeasure.org"}}


FIX_DIRS = ["src/test/resources/fhir", "fixtures/fhir/r4", "test/__fixtures__/fhir", "integration-tests/data/fhir",
            "services/intake/src/test/resources/bundles"]


def git_log_head(r, d, author, msg):
    d.add("commit ", rhex(r, 40), "\nAuthor: ", SN(author.full), " <", SC(author.email), ">\nDate:   ",
          (TODAY - dt.timedelta(days=r.randint(0, 20))).strftime("%a %b %d"), f" {r.randint(8, 19):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d} {TODAY.year} -0500\n\n    ",
          msg, "\n\n")


def bb_pr_head(r, d, author, title, branch, reviewers):
    d.add("Pull request #", str(r.randint(80, 1900)), "  ", title, "\n", branch, " → ", r.choice(["develop", "main", "release/26.4"]),
          "   ·   OPEN\nAuthor: ", SN(author.full), "   Reviewers: ", join([SN(x.full) for x in reviewers], ", "), "\n\n")


def fd_patient_new(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    p = person(r)
    path = f"{r.choice(FIX_DIRS)}/patient-{r.choice(['readmit', 'minor', 'spanish-pref', 'multi-address', 'deceased-check'])}.json"
    if r.random() < 0.5:
        git_log_head(r, d, dev, f"{key(r, 'INT')} add patient fixture for demographics mapper")
    else:
        bb_pr_head(r, d, dev, "Add patient fixture for demographics mapper", f"feature/{key(r, 'INT')}-demographics", [staff(r, org)])
    obj = fhir_patient(r, p, org, ssn=r.random() < 0.4, email=r.random() < 0.5, gp=staff(r, org, True) if r.random() < 0.5 else None)
    diff_new(d, path, split_lines(jdump(obj, r.choice([2, 2, 4]))))


def fd_patient_modify(r, d):
    org = r.choice(ORGS)
    dev, rev = staff(r, org), staff(r, org)
    p = person(r)
    pid = f"pat-{rdigits(r, 5)}"
    newdob = p.dob + dt.timedelta(days=r.choice([-31, 1, 365, -1]))
    state = r.getstate()
    old = fhir_patient(r, p, org, pid=pid)
    r.setstate(state)
    p2 = p
    old_dob = p.dob
    p.dob = newdob
    new = fhir_patient(r, p2, org, pid=pid)
    p.dob = old_dob
    new["telecom"] = new.get("telecom", []) + [{"system": "email", "value": P(p.email, "email")}]
    bb_pr_head(r, d, dev, "Fix birthDate in mapper fixture (was off by timezone)", f"bugfix/{key(r, 'FHIR')}-tz", [rev])
    path = f"{r.choice(FIX_DIRS)}/patient-{rdigits(r, 3)}.json"
    ind = r.choice([2, 4])
    diff_mod(d, path, split_lines(jdump(old, ind)), split_lines(jdump(new, ind)))
    d.add("\n", SN(rev.full), " commented: ", r.choice(["LGTM once CI is green.", "Why add the email here?",
                                                         "Is this from the prod extract? we said synthetic only."]), "\n")


def fd_encounter(r, d):
    org = r.choice(ORGS)
    dev, att = staff(r, org), staff(r, org, True)
    p = person(r)
    pid = f"pat-{rdigits(r, 5)}"
    start = rts(r, recent(r, 10, 120))
    end = start + dt.timedelta(days=r.randint(1, 8), hours=r.randint(1, 9))
    git_log_head(r, d, dev, f"{key(r, 'ENC')}: encounter fixtures for LOS calculation")
    obj = fhir_encounter(r, p, pid, org, att, start, end if r.random() < 0.8 else None, r.choice(ICD))
    diff_new(d, f"{r.choice(FIX_DIRS)}/encounter-los-{rdigits(r, 2)}.json", split_lines(jdump(obj, r.choice([2, 4]))))


def fd_observation(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    p = person(r)
    pid = f"{rdigits(r, 6)}"
    t = rts(r)
    obs = [fhir_obs(r, p, pid, lab, t) for lab in r.sample(LABS, r.randint(2, 3))]
    bb_pr_head(r, d, dev, "Observation fixtures for the critical-value notifier", f"feature/{key(r, 'LAB')}-crit", [staff(r, org)])
    diff_new(d, f"{r.choice(FIX_DIRS)}/observations-crit.json", split_lines(jdump(obs, 2)))


def fd_coverage(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    p = person(r)
    sub = p if r.random() < 0.5 else person(r, culture=p.culture)
    payer = r.choice(PAYERS)
    pid = f"pat-{rdigits(r, 5)}"
    obj = {"resourceType": "Coverage", "id": IID(f"cov-{rdigits(r, 5)}"), "status": "active",
           "subscriber": {"display": PN(nm(sub, "fl"))}, "subscriberId": P(p.member, "health_plan_id"),
           "beneficiary": {"reference": pref(pid), "display": PN(nm(p, "fl"))},
           "relationship": {"coding": [{"code": "self" if sub is p else r.choice(["spouse", "child"])}]},
           "period": {"start": DD(fd(dt.date(TODAY.year, 1, 1), "iso"))},
           "payor": [{"display": payer[0]}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": D(rdigits(r, 6), "other_id"), "name": "Employer group"}]}
    if sub is not p:
        obj["subscriber"]["display"] = PN(nm(sub, "fl"))
    git_log_head(r, d, dev, f"{key(r, 'ELIG')} coverage fixture for dependent eligibility")
    diff_new(d, f"{r.choice(FIX_DIRS)}/coverage-{r.choice(['dependent', 'self', 'medicaid'])}.json", split_lines(jdump(obj, 2)))


def fd_bundle(r, d):
    org = r.choice(ORGS)
    dev, att = staff(r, org), staff(r, org, True)
    p = person(r)
    pid = ruuid(r)
    start = rts(r)
    icd = r.choice(ICD)
    ents = [{"fullUrl": Q(["urn:uuid:", IID(pid)]), "resource": fhir_patient(r, p, org, pid=pid),
             "request": {"method": "POST", "url": "Patient"}},
            {"fullUrl": Q(["urn:uuid:", IID(ruuid(r))]), "resource": fhir_encounter(r, p, pid, org, att, start, None, icd),
             "request": {"method": "POST", "url": "Encounter"}},
            {"resource": {"resourceType": "Condition", "subject": {"reference": Q(["urn:uuid:", IID(pid)])},
                          "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(icd[0], "diagnosis_code"),
                                               "display": D(icd[1], "condition")}]},
                          "onsetDateTime": PD(fts(start - dt.timedelta(days=r.randint(0, 3)), "isooff"))},
             "request": {"method": "POST", "url": "Condition"}}]
    obj = {"resourceType": "Bundle", "type": "transaction", "entry": ents}
    bb_pr_head(r, d, dev, "Transaction bundle for intake smoke test", f"feature/{key(r, 'INTAKE')}-smoke", [staff(r, org), staff(r, org)])
    diff_new(d, f"{r.choice(FIX_DIRS)}/intake-transaction.json", split_lines(jdump(obj, 2)))


def fd_relatedperson(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    child = person(r, lo=1, hi=15)
    mom = person(r, culture=child.culture, sex="F", lo=25, hi=50)
    mom.last = child.last if r.random() < 0.7 else mom.last
    pid = f"pat-{rdigits(r, 5)}"
    obj = {"resourceType": "RelatedPerson", "id": IID(f"rp-{rdigits(r, 5)}"), "active": True, "patient": {"reference": pref(pid)},
           "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "MTH", "display": "mother"}]}],
           "name": [{"family": PN(mom.last), "given": [PN(mom.first)]}],
           "telecom": [{"system": "phone", "value": P(fph(mom.cell, r.choice(["dash", "paren"])), "phone"), "use": "mobile"},
                       {"system": "email", "value": P(mom.email, "email")}],
           "address": [{"line": [P(mom.street, "street_address")], "city": P(mom.city, "street_address"),
                        "state": D(mom.state, "street_address"), "postalCode": P(mom.zip, "zip_code")}]}
    git_log_head(r, d, dev, f"{key(r, 'PEDS')} proxy access: RelatedPerson fixture")
    path = f"{r.choice(FIX_DIRS)}/relatedperson-mother.json"
    lines = split_lines(jdump(obj, 2))
    d.add(" ", path, f" | {len(lines)} +\n 1 file changed, {len(lines)} insertions(+)\n\n")
    diff_new(d, path, lines)
    d.add("\nLinked child fixture: ", PN(nm(child, "fl")), ", born ", PD(fd(child.dob, "iso")), ".\n")


def fd_pr_comment(r, d):
    org = r.choice(ORGS)
    dev, rev = staff(r, org), staff(r, org)
    p = person(r)
    path = f"{r.choice(FIX_DIRS)}/patient-from-ticket.json"
    bb_pr_head(r, d, dev, "Reproduce INC crash with the exact payload", f"bugfix/{key(r, 'INT')}-repro", [rev])
    lines = split_lines(jdump(fhir_patient(r, p, org, ssn=r.random() < 0.5), 2))
    d.add(path, "\n")
    for i, ln in enumerate(lines[:r.randint(28, 40)], 1):
        d.add(f"{i:>3} + ", ln, "\n")
    d.add("\n    ", SN(rev.full), " — ", r.choice(["2 hours ago", "yesterday", "5 minutes ago"]), "\n",
          "    This is the real payload from the incident, isn't it? Name, DOB and MRN match the ticket. Please swap in ",
          "synthetic values before merge; the repo is mirrored to the vendor.\n\n    ", SN(dev.full), " — just now\n",
          "    Yes, my bad. Will replace with ZZTEST data.\n")


def fd_ndjson(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    git_log_head(r, d, dev, f"{key(r, 'BULK')} add $export sample for the loader")
    n = r.randint(3, 5)
    lines = []
    for i in range(n):
        p = person(r)
        lines.append(flat(jcompact(fhir_patient(r, p, org, light=r.random() < 0.5)), []))
    diff_new(d, f"{r.choice(FIX_DIRS)}/export/Patient.ndjson", lines)


def fd_ts_fixture(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    p = person(r)
    bb_pr_head(r, d, dev, "Typed fixtures for the scheduling widget", f"feature/{key(r, 'WEB')}-fixtures", [staff(r, org)])
    body = ["import type { Patient } from 'fhir/r4';\n\nexport const schedulingPatient: Patient = ",
            jdump(fhir_patient(r, p, org, email=True), 2), ";\n"]
    diff_new(d, f"web/src/__fixtures__/{r.choice(['schedulingPatient', 'patientBanner', 'checkin'])}.ts", split_lines(body))


FHIR_DIFF = [fd_patient_new, fd_patient_modify, fd_encounter, fd_observation, fd_coverage, fd_bundle,
             fd_relatedperson, fd_pr_comment, fd_ndjson, fd_ts_fixture]


# --------------------------------------------------------------------------
# PHI family 5: SQL seed data
# --------------------------------------------------------------------------
def sqv(x, n=False):
    if x is None:
        return "NULL"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, S):
        return [("N'" if n else "'"), S(x.v.replace("'", "''"), x.label, x.kind), "'"]
    if isinstance(x, list):
        return x
    return ("N'" if n else "'") + x.replace("'", "''") + "'"


def sql_rows(rows, n=False, indent="  "):
    return join([[indent, "(", join([sqv(v, n) for v in row], ", "), ")"] for row in rows], ",\n")


def sq_pg_multi(r, d):
    d.add("-- ", r.choice(["seed: patients for the readmission-risk demo", "demo data for sprint review — DO NOT load in prod",
                            "local dev seed (copied from stage)"]), "\n")
    cols = r.choice([["patient_id", "mrn", "last_name", "first_name", "birth_date", "sex", "phone", "zip"],
                     ["id", "mrn", "family_name", "given_name", "dob", "gender", "home_phone", "postal_code"]])
    d.add("INSERT INTO ", r.choice(["clinical.patient", "public.patients", "ehr.person"]), " (", ", ".join(cols), ") VALUES\n")
    rows = []
    base = r.randint(1000, 90000)
    for i in range(r.randint(4, 8)):
        p = person(r)
        rows.append([[IID(str(base + i))], P(p.mrn, "mrn"), PN(p.last), PN(p.first), PD(fd(p.dob, "iso")),
                     p.sex, P(fph(p.phone, "dash"), "phone"), P(p.zip, "zip_code")])
    body = sql_rows(rows)
    d.add(body, ";\n")
    d.add("\nSELECT setval('", cols[0] == "id" and "patients_id_seq" or "patient_patient_id_seq", "', ", str(base + 100), ");\n")


def sq_mysql_dump(r, d):
    d.add("-- MySQL dump 10.13  Distrib 8.0.", str(r.randint(30, 40)), ", for Linux (x86_64)\n--\n-- Host: ",
          rserver_ip(r), "    Database: billing\n-- ------------------------------------------------------\n\n")
    d.add("LOCK TABLES `guarantor` WRITE;\n/*!40000 ALTER TABLE `guarantor` DISABLE KEYS */;\n")
    d.add("INSERT INTO `guarantor` (`id`,`account_no`,`full_name`,`ssn`,`addr1`,`city`,`state`,`zip`,`phone`) VALUES ")
    items = []
    for i in range(r.randint(3, 6)):
        p = person(r)
        items.append(["(", IID(str(r.randint(100, 99999))), ",", sqv(P(p.acct, "account_number")), ",", sqv(PN(nm(p, "lf"))), ",",
                      sqv(P(p.ssn, "ssn")), ",", sqv(P(street_line(p), "street_address")), ",", sqv(P(p.city, "street_address")), ",",
                      sqv(D(p.state, "street_address")), ",", sqv(P(p.zip, "zip_code")), ",", sqv(P(fph(p.phone, "plain"), "phone")), ")"])
    d.add(join(items, ","), ";\n/*!40000 ALTER TABLE `guarantor` ENABLE KEYS */;\nUNLOCK TABLES;\n")


def sq_tsql(r, d):
    org = r.choice(ORGS)
    d.add("USE [", r.choice(["ClinicalDW", "EDW_Stage", "CareMgmt"]), "]\nGO\nSET IDENTITY_INSERT [dbo].[Encounter] ON\nGO\n")
    for i in range(r.randint(3, 5)):
        p = person(r)
        att = staff(r, org, True)
        a = rts(r)
        dsch = a + dt.timedelta(days=r.randint(1, 7))
        icd = r.choice(ICD)
        d.add("INSERT [dbo].[Encounter] ([EncounterID], [MRN], [PatientName], [AdmitDate], [DischargeDate], [AttendingNPI], [PrimaryDx]) VALUES (",
              IID(str(r.randint(100000, 999999))), ", ", sqv(P(p.mrn, "mrn"), True), ", ", sqv(PN(nm(p, r.choice(["LF", "lf"]))), True), ", ",
              "CAST(", sqv(PD(fts(a, "sql") + ".000")), " AS DateTime), CAST(", sqv(PD(fts(dsch, "sql") + ".000")), " AS DateTime), ",
              sqv(D(att.npi, "other_id"), True), ", ", sqv(D(icd[0], "diagnosis_code"), True), ")\nGO\n")
    d.add("SET IDENTITY_INSERT [dbo].[Encounter] OFF\nGO\n")


def sq_oracle(r, d):
    d.add("-- member seed for UAT, run as CLAIMS_OWNER\nINSERT ALL\n")
    for i in range(r.randint(3, 6)):
        p = person(r, lo=65, hi=99)
        d.add("  INTO PAT_MEMBER (MEMBER_ID, LAST_NM, FIRST_NM, BIRTH_DT, MBI, ZIP_CD) VALUES (", sqv(P(p.member, "health_plan_id")), ", ",
              sqv(PN(fold(p.last).upper())), ", ", sqv(PN(fold(p.first).upper())), ", TO_DATE(", sqv(PD(fd(p.dob, "ora"))),
              ", 'DD-MON-YYYY'), ", sqv(P(p.mbi, "medicare_mbi")), ", ", sqv(P(p.zip, "zip_code")), ")\n")
    d.add("SELECT 1 FROM DUAL;\nCOMMIT;\n")


def sq_sqlite(r, d):
    d.add("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE IF NOT EXISTS appointments (id INTEGER PRIMARY KEY, ",
          "patient_name TEXT, dob TEXT, phone TEXT, starts_at TEXT, clinic TEXT);\n")
    for i in range(r.randint(4, 7)):
        p = person(r)
        t = dt.datetime.combine(TODAY + dt.timedelta(days=r.randint(1, 20)), dt.time(r.randint(8, 16), r.choice([0, 20, 40])))
        d.add("INSERT INTO \"appointments\" VALUES(", IID(str(i + 1)), ",", sqv(PN(nm(p, "fl"))), ",", sqv(PD(fd(p.dob, "iso"))), ",",
              sqv(P(fph(p.cell, r.choice(["dash", "paren", "plain"])), "phone")), ",", sqv(PD(fts(t, "sql"))), ",",
              sqv(r.choice(["Cardiology", "Family Med", "Endocrine", "Podiatry"])), ");\n")
    d.add("COMMIT;\n")


def sq_flyway(r, d):
    n = r.randint(12, 80)
    d.add(f"-- V{n}__seed_care_episodes.sql\n-- Author: ", SN(staff(r).full), "\n-- Demo data for the care-management board. ",
          "Copied from the ", key(r, "CM"), " attachment.\n\n")
    d.add("INSERT INTO care_episode (episode_id, patient_mrn, patient_name, opened_on, care_manager, risk_tier, primary_dx)\nVALUES\n")
    rows = []
    for i in range(r.randint(3, 6)):
        p = person(r)
        cm = staff(r)
        icd = r.choice(ICD)
        rows.append([[IID(str(r.randint(1000, 9999)))], P(p.mrn, "mrn"), PN(nm(p, r.choice(["fl", "lf"]))), PD(fd(recent(r, 5, 90), "iso")),
                     SN(cm.full), r.choice(["HIGH", "MED", "RISING"]), D(icd[0], "diagnosis_code")])
    d.add(sql_rows(rows, indent="    "), ";\n")


def sq_copy(r, d):
    d.add("--\n-- Data for Name: member; Type: TABLE DATA; Schema: public; Owner: app\n--\n\n",
          "COPY public.member (member_id, first_name, last_name, dob, email, phone, plan_code) FROM stdin;\n")
    for i in range(r.randint(4, 8)):
        p = person(r)
        d.add(P(p.member, "health_plan_id"), "\t", PN(p.first), "\t", PN(p.last), "\t", PD(fd(p.dob, "iso")), "\t",
              P(p.email, "email") if r.random() < 0.8 else "\\N", "\t", P(fph(p.phone, "dash"), "phone"), "\t",
              r.choice(["PPO-GOLD", "HMO-BASIC", "MCD-STD", "MA-PLUS"]), "\n")
    d.add("\\.\n")


def sq_update_fix(r, d):
    p = person(r)
    k = key(r, r.choice(["INC", "DATA", "HIM"]))
    pk = r.randint(10000, 999999)
    d.add(f"-- {k}: correct DOB and phone for duplicate registration\n-- requested by ", SN(staff(r).full),
          ", reviewed by ", SN(staff(r).full), "\nBEGIN;\n\n")
    d.add("SELECT patient_id, mrn, last_name, first_name, birth_date FROM patient WHERE mrn = ", sqv(P(p.mrn, "mrn")), ";\n\n")
    d.add("UPDATE patient SET birth_date = ", sqv(PD(fd(p.dob, "iso"))), ", updated_by = 'datafix' WHERE patient_id = ",
          IID(str(pk)), ";  -- was ", PD(fd(p.dob + dt.timedelta(days=r.choice([1, 30, 365])), "iso")), "\n")
    d.add("UPDATE patient_contact SET phone_number = ", sqv(P(fph(p.cell, "dash"), "phone")), " WHERE patient_id = ", IID(str(pk)),
          " AND contact_type = 'MOBILE';\n")
    if r.random() < 0.5:
        d.add("UPDATE patient SET last_name = ", sqv(PN(p.last)), " WHERE patient_id = ", IID(str(pk)), ";\n")
    d.add("\nCOMMIT;\n")


def sq_psql_grid(r, d):
    db = r.choice(["ehr_stage", "adt_replica", "intake"])
    d.add(f"{db}=> SELECT mrn, last_name, first_name, dob, admit_dt FROM stg_adt WHERE admit_dt > now() - interval '1 day' LIMIT 6;\n")
    rows = []
    for i in range(r.randint(3, 6)):
        p = person(r)
        rows.append((p.mrn, p.last, p.first, fd(p.dob, "iso"), fts(rts(r, TODAY - dt.timedelta(days=1)), "sql")))
    w = [max(len(x[i]) for x in rows + [("mrn", "last_name", "first_name", "dob", "admit_dt")]) for i in range(5)]
    hdr = ["mrn", "last_name", "first_name", "dob", "admit_dt"]
    d.add(" " + " | ".join(h.center(w[i]) for i, h in enumerate(hdr)).rstrip() + "\n")
    d.add("-+-".join("-" * (x + 0) for x in w).join(["-", "-"]) + "\n")
    kinds = ["mrn", "person_name", "person_name", "date", "date"]
    for row in rows:
        cells = []
        for i, v in enumerate(row):
            cells.append([P(v, kinds[i]), " " * (w[i] - len(v))])
        d.add(" ", join(cells, " | "), "\n")
    d.add(f"({len(rows)} rows)\n\n{db}=> \\q\n")


def sq_bigquery(r, d):
    d.add("-- backfill for the member-month test table\nINSERT INTO `", r.choice(["nb-analytics", "lrmc-dw-dev"]),
          ".claims_raw.member_month` (member_id, mbi, birth_date, zip5, month, plan)\nVALUES\n")
    rows = []
    for i in range(r.randint(3, 6)):
        p = person(r, lo=66, hi=99)
        rows.append([P(p.member, "health_plan_id"), P(p.mbi, "medicare_mbi"), ["DATE ", sqv(PD(fd(p.dob, "iso")))],
                     P(p.zip, "zip_code"), ["DATE '", DD(fd(dt.date(TODAY.year, r.randint(1, 11), 1), "iso")), "'"], r.choice(["MAPD", "PDP", "MA"])])
    d.add(sql_rows(rows), ";\n")


SQL_SEED = [sq_pg_multi, sq_mysql_dump, sq_tsql, sq_oracle, sq_sqlite, sq_flyway, sq_copy, sq_update_fix, sq_psql_grid, sq_bigquery]


# --------------------------------------------------------------------------
# PHI family 6: discharge summary / clinical note
# --------------------------------------------------------------------------
def age_piece(p, suffix=""):
    return [P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), suffix]


def he_she(p):
    return ("she", "her", "woman", "Ms.") if p.sex == "F" else ("he", "his", "man", "Mr.")


def med_list(r, k):
    out = []
    for m in r.sample(MEDS, k):
        out.append(["- ", D(m[0], "medication"), " ", m[1], "\n"])
    return out


def signed(r, doc, t):
    return [r.choice(["Electronically signed by ", "Signed: ", "e-signed "]), SN(doc.full), ", ", doc.cred or "MD", " ",
            DD(fts(t, r.choice(["us", "sql"]))[:16]), "\n"]


def cn_discharge(r, d):
    org = r.choice(ORGS)
    att, pcp = staff(r, org, True), staff(r, org, True)
    p = person(r, lo=60, hi=99)
    rel = person(r, culture=p.culture)
    rel.last = p.last
    a = rts(r, recent(r, 4, 40))
    dc = a + dt.timedelta(days=r.randint(2, 9))
    icd, icd2 = r.sample(ICD, 2)
    pr = he_she(p)
    ds = r.choice(DATE_STYLES)
    d.add(r.choice(["DISCHARGE SUMMARY", "Discharge Summary", "HOSPITAL DISCHARGE SUMMARY"]), "\n", FAC(org[0]), "\n\n")
    d.f("Patient: «n»    MRN: «m»    DOB: «b»\nAdmitted: «a»    Discharged: «dc»\nAttending: «att»    PCP: «pcp»\n\n",
        n=PN(nm(p, r.choice(["lfm", "lf", "LF"]))), m=P(p.mrn, "mrn"), b=PD(fd(p.dob, ds)), a=PD(fd(a.date(), ds)),
        dc=PD(fd(dc.date(), ds)), att=SN("Dr. " + att.full), pcp=SN(pcp.full + ", " + pcp.cred))
    d.add("PRINCIPAL DIAGNOSIS: ", D(icd[1], "condition"), " (", D(icd[0], "diagnosis_code"), ")\nSECONDARY: ",
          D(icd2[1], "condition"), " (", D(icd2[0], "diagnosis_code"), ")\n\n")
    d.add("HOSPITAL COURSE:\n", age_piece(p, "-year-old "), pr[2], " with ", D(r.choice(SHORT_DX), "condition"), " and ",
          D(r.choice(["hypertension", "CKD stage 3", "type 2 diabetes", "COPD", "atrial fibrillation"]), "condition"),
          " who presented with ", r.choice(["three days of worsening dyspnea", "fever and confusion", "a fall at home", "chest pressure"]),
          ". ", pr[0].capitalize(), " was treated with ", D(r.choice(MEDS)[0], "medication"), " and improved. ",
          r.choice(["Renal function returned to baseline.", "Cultures were negative at 48 hours.", "PT cleared for home with a walker.",
                    "Echo showed EF 35%."]), "\n\n")
    d.add("DISCHARGE MEDICATIONS:\n", med_list(r, r.randint(3, 5)), "\n")
    d.f("FOLLOW-UP: PCP within 7 days; labs in 1 week. «rn» («rel», «ph») will drive «obj» to appointments.\n"
        "Discharged to: «to».\n\n",
        rn=PN(nm(rel, "fl")), rel=r.choice(["daughter", "granddaughter", "sister"] if rel.sex == "F" else ["son", "grandson", "brother"]),
        ph=P(fph(rel.cell, r.choice(PHONE_STYLES)), "phone"), obj="her" if p.sex == "F" else "him", to=r.choice(["home with services", "home", "skilled nursing facility", "home with family"]))
    d.add(signed(r, att, dc + dt.timedelta(hours=3)))


def cn_hp(r, d):
    org = r.choice(ORGS)
    att = staff(r, org, True)
    p = person(r, lo=30, hi=98)
    spouse = person(r, culture=p.culture, sex="M" if p.sex == "F" else "F")
    spouse.last = p.last
    a = rts(r)
    pr = he_she(p)
    d.add("HISTORY AND PHYSICAL\n\n")
    d.f("Name: «n»   DOB: «b»   MRN: «m»   Admit date: «a»\n\n",
        n=PN(nm(p, r.choice(["fl", "fml"]))), b=PD(fd(p.dob, "us")), m=P(p.mrn, "mrn"), a=PD(fd(a.date(), "us")))
    d.add("CHIEF COMPLAINT: ", r.choice(["shortness of breath", "abdominal pain", "weakness", "syncope"]), "\n\n")
    d.add("HPI: ", pr[3], " ", PN(p.last), " is a ", age_piece(p, " yo "), pr[2], " with PMH of ",
          D(r.choice(ICD)[1], "condition"), " who ", r.choice(["reports two days of symptoms", "was found by family on the floor",
                                                                   "was sent from clinic for abnormal labs"]), ".\n\n")
    d.add("MEDICATIONS:\n", med_list(r, r.randint(2, 4)), "ALLERGIES: ", r.choice(["NKDA", "penicillin (rash)", "sulfa", "iodinated contrast"]), "\n\n")
    d.f("SOCIAL: Lives with «pos» «sr» «sn» in «c». Former smoker. Independent in ADLs.\n\n",
        pos=pr[1], sr="husband" if p.sex == "F" else "wife", sn=PN(nm(spouse, "fl")), c=P(p.city, "street_address"))
    d.add("EXAM: T ", "%.1f" % r.uniform(36.4, 39.2), "  HR ", str(r.randint(58, 122)), "  BP ", f"{r.randint(98, 178)}/{r.randint(52, 98)}",
          "  SpO2 ", str(r.randint(88, 99)), "% RA\nGen: NAD. Lungs: ", r.choice(["crackles at bases", "clear", "diminished on the right"]), ".\n\n")
    d.add("ASSESSMENT/PLAN:\n1. ", D(r.choice(SHORT_DX), "condition"), " — start ", D(r.choice(MEDS)[0], "medication"), ", trend labs.\n",
          "2. DVT ppx: ", D("enoxaparin", "medication"), ".\n\n", signed(r, att, a + dt.timedelta(hours=2)))


def cn_soap(r, d):
    org = r.choice(ORGS)
    doc = staff(r, org, True)
    p = person(r)
    t = rts(r)
    d.f("Progress Note — Hospital Day «hd»\n«n» | Rm «rm» | MRN «m» | DOB «b»\n\n",
        hd=str(r.randint(2, 8)), n=PN(nm(p, r.choice(["LF", "lf", "fl"]))), rm=f"{r.choice(['4W', '5E', '6N'])}-{r.randint(400, 699)}",
        m=P(p.mrn, "mrn"), b=PD(fd(p.dob, r.choice(DATE_STYLES))))
    d.add("S: ", r.choice(["Slept well, less SOB.", "Pain 4/10, tolerating diet.", "Reports nausea overnight."]), "\n",
          "O: Tmax ", "%.1f" % r.uniform(36.6, 38.9), ", HR ", str(r.randint(60, 110)), ", Cr ", "%.1f" % r.uniform(0.7, 2.9),
          ", WBC ", "%.1f" % r.uniform(4, 18), ".\n",
          "A: ", D(r.choice(SHORT_DX), "condition"), ", improving.\n",
          "P: continue ", D(r.choice(MEDS)[0], "medication"), "; transition to PO tomorrow; PT/OT; anticipate d/c ",
          PD(fd((t + dt.timedelta(days=r.randint(1, 3))).date(), "us1")), ".\n\n— ", SN(doc.full + ", " + doc.cred), "\n")


def cn_ed(r, d):
    org = r.choice(ORGS)
    doc = staff(r, org, True)
    p = person(r)
    arr = rts(r)
    ev_den = r.choice([("a witnessed syncopal episode", "chest pain"), ("a fall down 4 stairs", "LOC"),
                       ("acute onset chest pain", "fever"), ("fever to 39.4 and cough", "anticoagulant use")])
    d.add("ED PROVIDER NOTE — ", FAC(org[0]), "\n")
    d.f("Patient: «n»  Sex: «sx»  DOB: «b»  Acct: «ac»\nArrival: «ar» via «via»\n\n",
        n=PN(nm(p, r.choice(NAME_STYLES))), sx=p.sex, b=PD(fd(p.dob, r.choice(DATE_STYLES))), ac=P(p.visit, "account_number"),
        ar=PD(fts(arr, r.choice(["us", "sql"]))[:16]), via=r.choice(["EMS", "private vehicle", "walk-in"]))
    d.f("HPI: «a» «g» brought in by «who» from home («addr») after «ev». Denies «den».\n",
        a=age_piece(p, "yo"), g=p.sex, who=r.choice(["EMS", "a neighbor", "family", ("her" if p.sex == "F" else "his") + " daughter"]),
        addr=[P(street_line(p), "street_address"), ", ", P(p.city, "street_address")],
        ev=ev_den[0], den=ev_den[1])
    d.add("MDM: EKG NSR, troponin ", r.choice(["<0.01", "0.04", "pending"]), ". CT head negative. Dx: ", D(r.choice(SHORT_DX), "condition"),
          ".\nDisposition: ", r.choice(["admit to hospitalist", "discharge home", "obs for serial troponins"]), ".\n\n", signed(r, doc, arr + dt.timedelta(hours=4)))


def cn_op(r, d):
    org = r.choice(ORGS)
    surg, asst, anes = staff(r, org, True), staff(r, org, True), staff(r, org, True)
    p = person(r, lo=18, hi=92)
    t = rts(r)
    cpt = r.choice([("27130", "Right total hip arthroplasty"), ("44970", "Laparoscopic appendectomy"),
                    ("47562", "Laparoscopic cholecystectomy"), ("27447", "Left total knee arthroplasty")])
    d.add("OPERATIVE REPORT\n\n")
    d.f("PATIENT: «n»\nMRN: «m»\nDATE OF SURGERY: «ds»\nSURGEON: «s»\nASSISTANT: «a»\nANESTHESIA: General («an»)\n\n",
        n=PN(nm(p, r.choice(["LF", "lfm"]))), m=P(p.mrn, "mrn"), ds=PD(fd(t.date(), r.choice(["us", "long", "mdy"]))),
        s=SN("Dr. " + surg.full), a=SN(asst.full + ", " + r.choice(["PA-C", "MD"])), an=SN(anes.full))
    d.add("PROCEDURE: ", cpt[1], " (CPT ", D(cpt[0], "procedure_code"), ")\nPRE-OP DX: ", D(r.choice(ICD)[1], "condition"),
          "\nPOST-OP DX: same\nEBL: ", str(r.randint(20, 450)), " mL\nSPECIMENS: ", r.choice(["none", "appendix to pathology", "gallbladder to pathology"]),
          "\n\nFINDINGS/DESCRIPTION: The patient was identified in pre-op holding, consent verified. Time-out performed. ",
          "Standard prep and drape. Procedure completed without complication. Counts correct x2.\n\n",
          "DISPOSITION: PACU, stable.\n", signed(r, surg, t + dt.timedelta(hours=3)))


def cn_consult_letter(r, d):
    org = r.choice(ORGS)
    cons, ref = staff(r, org, True), staff(r, None, True)
    p = person(r)
    seen = recent(r, 2, 40)
    pr = he_she(p)
    d.add(FAC(org[0]), " · ", r.choice(["Cardiology", "Endocrinology", "Nephrology", "Rheumatology"]), "\n",
          fd(seen + dt.timedelta(days=1), "long"), "\n\n", SN("Dr. " + ref.full), "\n", FAC(ref.org[0]), "\n\n")
    d.f("RE: «n»   DOB «b»   MRN «m»\n\nDear Dr. «rl»,\n\nThank you for referring «t» «l», whom I saw in clinic on «sd» for "
        "«why». «P» is a «a»-year-old «g» who ...\n\n",
        n=PN(nm(p, "fl")), b=PD(fd(p.dob, "us")), m=P(p.mrn, "mrn"), rl=SN(ref.last), t=D(pr[3], "title"), l=PN(p.last),
        sd=PD(fd(seen, "long")), why=D(r.choice(SHORT_DX + ["poorly controlled diabetes", "proteinuria", "palpitations"]), "condition"),
        P=pr[0].capitalize(), a=age_piece(p), g=pr[2])
    d.add("My impression is ", D(r.choice(ICD)[1], "condition"), ". I have started ", D(r.choice(MEDS)[0], "medication"),
          " and will see ", ("her" if p.sex == "F" else "him"), " again in ", str(r.randint(4, 12)), " weeks.\n\nSincerely,\n\n",
          SN(cons.full + ", " + cons.cred), "\n", SC(fph(cons.work, "paren")), "\n")


def cn_sbar(r, d):
    org = r.choice(ORGS)
    rn1, rn2 = staff(r, org), staff(r, org)
    p = person(r, lo=84, hi=101)
    pr = he_she(p)
    d.add(r.choice(["SBAR handoff", "Nurse-to-nurse handoff (SBAR)", "SBAR — night shift"]), "\nFrom ", SN(rn1.full + ", RN"),
          " to ", SN(rn2.full + ", RN"), "\n\n")
    d.f("S: «t» «n», «a» y/o, bed «bed», MRN «m». New O2 requirement 2 L NC overnight.\n",
        t=D(pr[3], "title"), n=PN(nm(p, "fl")), a=age_piece(p), bed=f"{r.randint(1, 36)}", m=P(p.mrn, "mrn"))
    d.add("B: Admitted ", PD(fd(recent(r, 1, 6), "us1")), " for ", D(r.choice(SHORT_DX), "condition"), ". Hx ",
          D(r.choice(["dementia", "CHF", "CKD", "Parkinson's disease"]), "condition"), ". DNR/DNI.\n")
    d.add("A: Sats 90–92% on 2 L, crackles R base, ", r.choice(["more confused than baseline", "alert, oriented x2", "sleepy but rousable"]), ".\n")
    d.f("R: CXR ordered, «doc» aware. «rel» («rr», «ph») asked to be called with any change.\n",
        doc=SN("Dr. " + staff(r, org, True).last), rel=PN(nm(person(r, culture=p.culture), "fl")), rr=r.choice(["son", "daughter", "niece", "HCP"]),
        ph=P(fph(rphone(r), r.choice(PHONE_STYLES)), "phone"))


def cn_rad(r, d):
    org = r.choice(ORGS)
    rad, ordp = staff(r, org, True), staff(r, org, True)
    p = person(r)
    t = rts(r)
    exam, find, imp = r.choice([
        ("CT CHEST WITHOUT CONTRAST", "4 mm nodule in the right upper lobe, unchanged. No effusion.", "Stable small pulmonary nodule; no follow-up needed per Fleischner."),
        ("XR CHEST PA AND LATERAL", "No focal consolidation. No pleural effusion. Heart size normal.", "No acute cardiopulmonary process."),
        ("MRI BRAIN WITH AND WITHOUT CONTRAST", "No acute infarct, hemorrhage or mass. Mild chronic small-vessel change.", "No acute intracranial abnormality."),
        ("US ABDOMEN COMPLETE", "Gallbladder contains several shadowing stones without wall thickening. CBD 4 mm.", "Cholelithiasis without cholecystitis.")])
    d.f("«fac» — Department of Radiology\n\nPATIENT: «n»    DOB: «b»    MRN: «m»\n",
        fac=FAC(org[0]), n=PN(nm(p, r.choice(["LF", "lf"]))), b=PD(fd(p.dob, "us")), m=P(p.mrn, "mrn"))
    d.add("EXAM: ", exam, "\nDATE OF SERVICE: ", PD(fts(t, "us")), "\nACCESSION: ", IID(rdigits(r, 9)),
          "\nORDERING: ", SN(ordp.full + ", " + ordp.cred), "\n\n")
    d.add("CLINICAL HISTORY: ", D(r.choice(SHORT_DX), "condition"), ".\n\nCOMPARISON: ", r.choice(["None.", "Prior study 2024."]), "\n\n",
          "FINDINGS: ", find, "\n\n", "IMPRESSION: ", imp, "\n\nDictated by: ", SN(rad.full + ", MD"), "\n")


def cn_death(r, d):
    org = r.choice(ORGS)
    doc = staff(r, org, True)
    p = person(r, lo=90, hi=104)
    son = person(r, culture=p.culture, sex=r.choice("MF"))
    son.last = p.last if r.random() < 0.6 else son.last
    t = rts(r)
    pr = he_she(p)
    d.add("DEATH PRONOUNCEMENT NOTE\n\n")
    d.f("Called by RN to evaluate «n» (MRN «m»), a «a»-year-old «g» admitted «ad» with «dx», comfort care.\n"
        "No spontaneous respirations, no heart sounds for 60 seconds, pupils fixed. Pronounced at «tod».\n"
        "Family: «fam» («rel») at bedside, notified; «fp» is the contact for the funeral home. "
        "Medical examiner notified per policy (age and recent fall); case «me», released.\n"
        "Attending «att» notified.\n\n",
        n=PN(nm(p, r.choice(["fl", "fml"]))), m=P(p.mrn, "mrn"), a=P(str(p.age), "age_over_89"), g=pr[2],
        ad=PD(fd((t - dt.timedelta(days=r.randint(2, 12))).date(), "us")), dx=D(r.choice(SHORT_DX), "condition"),
        tod=PD(fts(t, "us")), fam=PN(nm(son, "fl")), rel=r.choice(["son", "daughter", "grandson"]),
        fp=P(fph(son.phone, r.choice(PHONE_STYLES)), "phone"), me=P(f"ME-{t.year}-{rdigits(r, 5)}", "other_id"),
        att=SN("Dr. " + staff(r, org, True).full))
    d.add(signed(r, doc, t + dt.timedelta(minutes=25)))


def cn_phone(r, d):
    org = r.choice(ORGS)
    rn, doc = staff(r, org), staff(r, org, True)
    p = person(r)
    wife = person(r, culture=p.culture, sex="F" if p.sex == "M" else "M")
    t = rts(r)
    d.add("Telephone Encounter\n", DD(fts(t, "us")), "  ", SN(rn.full + ", RN"), "\n\n")
    d.f("Patient: «n»  DOB «b»\nCaller: «w» («rel»)  Call-back: «ph»\n\n"
        "«w1» says «pn» has had «sym» since «since». Taking «med» as prescribed. Advised «adv». Routed to «doc».\n",
        n=PN(nm(p, r.choice(NAME_STYLES))), b=PD(fd(p.dob, r.choice(DATE_STYLES))), w=PN(nm(wife, "fl")),
        rel="wife" if wife.sex == "F" else "husband", ph=P(fph(wife.cell, r.choice(PHONE_STYLES)), "phone"),
        w1=PN(wife.first), pn=PN(p.first), sym=r.choice(["swelling in both ankles", "dizziness on standing", "a cough with green sputum"]),
        since=r.choice(["Sunday", "the weekend", "two days ago"]), med=D(r.choice(MEDS)[0], "medication"),
        adv=r.choice(["ED if chest pain or SOB", "daily weights, call if up 3 lb", "hold the next dose until seen"]),
        doc=SN("Dr. " + doc.last))


CLINICAL_NOTE = [cn_discharge, cn_hp, cn_soap, cn_ed, cn_op, cn_consult_letter, cn_sbar, cn_rad, cn_death, cn_phone]


# --------------------------------------------------------------------------
# PHI family 7: CSV claims export
# --------------------------------------------------------------------------
def csv_cell(x, delim, quote_all):
    txt = x if isinstance(x, str) else (x.v if isinstance(x, S) else "".join(line_text([y]) for y in flat(x, [])))
    need = quote_all or delim in txt or '"' in txt
    if not need:
        return x
    if isinstance(x, S):
        return ['"', S(x.v.replace('"', '""'), x.label, x.kind), '"']
    return ['"', x, '"']


def csv_rows(d, header, rows, delim=",", quote_all=False, eol="\n"):
    d.add(delim.join(('"%s"' % h) if quote_all else h for h in header), eol)
    for row in rows:
        d.add(join([csv_cell(c, delim, quote_all) for c in row], delim), eol)


def money(r, lo=40, hi=9000):
    return "%.2f" % r.uniform(lo, hi)


def cc_basic(r, d):
    rows = []
    ds = r.choice(["iso", "us"])
    for i in range(r.randint(6, 12)):
        p = person(r)
        cpt, icd = r.choice(CPT), r.choice(ICD)
        b = float(money(r, 80, 3000))
        rows.append([P(rclaim(r), "other_id"), P(p.member, "health_plan_id"), PN(nm(p, r.choice(["lf", "fl", "LF"]))), PD(fd(p.dob, ds)),
                     PD(fd(recent(r, 10, 120), ds)), D(cpt[0], "procedure_code"), D(icd[0], "diagnosis_code"), "%.2f" % b,
                     "%.2f" % (b * r.uniform(0, 0.8)), r.choice(["PAID", "DENIED", "PEND", "PAID", "ADJ"])])
    csv_rows(d, r.choice([["claim_id", "member_id", "patient_name", "dob", "dos", "cpt", "icd10", "billed_amt", "paid_amt", "status"],
                          ["ClaimID", "MemberID", "PatientName", "DOB", "ServiceDate", "CPT", "DxCode", "Billed", "Paid", "Status"]]), rows)


def cc_quoted(r, d):
    rows = []
    for i in range(r.randint(5, 10)):
        p = person(r)
        f = recent(r, 10, 150)
        rows.append([P(rclaim(r), "other_id"), P(p.member, "health_plan_id"), PN(p.last), PN(p.first), PD(fd(p.dob, "us")),
                     PD(fd(f, "us")), PD(fd(f + dt.timedelta(days=r.randint(0, 5)), "us")), r.choice(["0450", "0300", "0250", "0636", "0120"]),
                     D(r.choice(CPT)[0], "procedure_code"), money(r), money(r, 20, 2000)])
    csv_rows(d, ["Claim Number", "Member ID", "Last Name", "First Name", "Date of Birth", "From DOS", "Thru DOS", "Rev Code", "HCPCS",
                 "Billed", "Allowed"], rows, quote_all=True)


def cc_pipe(r, d):
    rows = []
    for i in range(r.randint(5, 10)):
        p = person(r)
        dx = r.sample(ICD, 2)
        rows.append([P(rclaim(r), "other_id"), P(p.member, "health_plan_id"), PN(fold(p.last).upper()), PN(fold(p.first).upper()),
                     PD(fd(p.dob, "hl7")), PD(fd(recent(r, 5, 90), "hl7")), D(r.choice(CPT)[0], "procedure_code"),
                     D(dx[0][0].replace(".", ""), "diagnosis_code"), D(dx[1][0].replace(".", ""), "diagnosis_code"), D(rnpi(r), "other_id"),
                     money(r)])
    csv_rows(d, ["CLM_ID", "SUBSCRIBER_ID", "PT_LAST", "PT_FIRST", "PT_DOB", "SVC_DT", "PROC_CD", "DX1", "DX2", "NPI_RENDERING", "CHG_AMT"],
             rows, delim="|")


def cc_denials(r, d):
    rows = []
    carc = [("CO-16", "Claim lacks information"), ("CO-197", "Precert/authorization absent"), ("CO-50", "Not medically necessary"),
            ("PR-1", "Deductible amount"), ("CO-29", "Time limit for filing expired"), ("CO-22", "Covered by another payer")]
    for i in range(r.randint(5, 10)):
        p = person(r)
        c = r.choice(carc)
        rows.append([P(p.acct, "account_number"), PN(nm(p, "lf")), PD(fd(p.dob, "us1")), r.choice(PAYERS)[0], P(rclaim(r), "other_id"),
                     PD(fd(recent(r, 20, 200), "us1")), c[0], c[1], money(r, 50, 12000), SN(staff(r).full)])
    csv_rows(d, r.choice([["Account", "Patient", "DOB", "Payer", "Claim #", "DOS", "Denial Code", "Reason", "Balance", "Assigned To"],
                          ["Acct No", "Pt Name", "Birth Date", "Primary Payer", "Payer Claim ID", "Svc Date", "CARC", "Description",
                           "Open Bal", "Owner"]]), rows)


def cc_pharmacy(r, d):
    rows = []
    for i in range(r.randint(6, 11)):
        p = person(r)
        ndc = r.choice(NDC)
        rows.append([P("RX" + rdigits(r, 10), "other_id"), P(p.member, "health_plan_id"), PN(nm(p, r.choice(["LF", "lf"]))), PD(fd(p.dob, "iso")),
                     PD(fd(recent(r, 1, 60), "iso")), D(ndc[0], "drug_code"), D(ndc[1], "medication"), str(r.choice([30, 60, 90])),
                     str(r.choice([30, 90])), D(rnpi(r), "other_id"), "%.2f" % r.choice([0, 5, 10, 15, 47.5])])
    csv_rows(d, ["rx_claim_id", "member_id", "cardholder_name", "dob", "fill_date", "ndc", "drug_name", "qty", "days_supply",
                 "pharmacy_npi", "copay"], rows)


def cc_835_summary(r, d):
    rows = []
    eft = "EFT" + rdigits(r, 9)
    for i in range(r.randint(5, 9)):
        p = person(r)
        b = float(money(r, 100, 5000))
        paid = b * r.uniform(0.2, 0.9)
        rows.append([P(p.acct, "account_number"), PN(nm(p, r.choice(["lf", "LF"]))), r.choice(["1 - Processed as Primary", "4 - Denied", "22 - Reversal"]),
                     P(rclaim(r), "other_id"), PD(fd(recent(r, 15, 120), "us")), "%.2f" % b, "%.2f" % paid, "%.2f" % (b * 0.1), eft])
    d.add("# ERA ", r.choice(PAYERS)[0], " — check/EFT ", eft, " — ", fd(recent(r, 1, 5), "us"), "\n")
    csv_rows(d, ["Patient Control #", "Patient Name", "Claim Status", "Payer Claim #", "Service Date", "Billed", "Paid", "Pt Resp",
                 "Check/EFT #"], rows)


def cc_834_enroll(r, d):
    rows = []
    for i in range(r.randint(4, 8)):
        sub = person(r)
        fam = [(sub, "18")]
        if r.random() < 0.6:
            dep = person(r, culture=sub.culture, lo=1, hi=20)
            dep.last = sub.last
            fam.append((dep, "19"))
        for m, rel in fam:
            rows.append([P(sub.ssn.replace("-", ""), "ssn"), PN(m.last), PN(m.first), rel, PD(fd(m.dob, "hl7")),
                         P(street_line(sub), "street_address"), P(sub.city, "street_address"), D(sub.state, "street_address"),
                         P(sub.zip, "zip_code"), DD(fd(dt.date(TODAY.year + 1, 1, 1), "hl7"))])
    csv_rows(d, r.choice([["subscriber_ssn", "member_last", "member_first", "rel_code", "dob", "addr1", "city", "st", "zip", "coverage_start"],
                          ["SUB_SSN", "LNAME", "FNAME", "REL", "DOB", "ADDRESS", "CITY", "STATE", "ZIP", "EFF_DT"]]), rows)


def cc_tsv_bom(r, d):
    d.add("\ufeff")
    rows = []
    for i in range(r.randint(5, 9)):
        p = person(r)
        rows.append([P(rclaim(r), "other_id"), PN(nm(p, "fl")), PD(fd(p.dob, "us")), P(p.member, "health_plan_id"),
                     PD(fd(recent(r, 5, 80), "us")), D(r.choice(CPT)[0], "procedure_code"), money(r)])
    csv_rows(d, ["Claim", "Member Name", "Member DOB", "Member #", "Service Date", "Procedure", "Charge"], rows, delim="\t", eol="\r\n")


def cc_ub04(r, d):
    rows = []
    for i in range(r.randint(4, 8)):
        p = person(r, lo=66, hi=99)
        a = recent(r, 20, 200)
        rows.append([P(p.acct, "account_number"), PN(nm(p, r.choice(["LF", "lf"]))), P(p.mbi, "medicare_mbi"), PD(fd(a, "us")),
                     PD(fd(a + dt.timedelta(days=r.randint(1, 12)), "us")), r.choice(["0111", "0131", "0117"]), str(r.randint(100, 999)),
                     D(r.choice(ICD)[0], "diagnosis_code"), D(rnpi(r), "other_id"), money(r, 2000, 90000)])
    csv_rows(d, ["PCN", "Pt Name", "MBI", "Admit Dt", "Disch Dt", "TOB", "MS-DRG", "Principal Dx", "Attending NPI", "Total Charges"], rows)


def cc_jira_attached(r, d):
    rep, asg = staff(r), staff(r)
    d.add(key(r, "RCM"), ": 837P batch rejected — 3 claims fail the subscriber DOB edit\n",
          "Reporter: ", SN(rep.full), "   Assignee: ", SN(asg.full), "\n\nComment from ", SN(rep.full), ":\n",
          "Re-ran the export after the fix. These still fail (rows straight from claims_out.csv):\n{noformat}\n")
    rows = []
    for i in range(r.randint(3, 5)):
        p = person(r)
        rows.append([P(rclaim(r), "other_id"), P(p.member, "health_plan_id"), PN(nm(p, "LF")), PD(fd(p.dob, r.choice(["iso", "us"]))),
                     PD(fd(recent(r, 5, 40), "iso")), D(r.choice(CPT)[0], "procedure_code"), money(r)])
    csv_rows(d, ["claim_no", "subscriber_id", "subscriber_name", "subscriber_dob", "dos", "cpt", "charge"], rows)
    d.add("{noformat}\nClearinghouse edit 2110: DOB later than service date on one row; the other two have MM/DD swapped.\n")


CLAIMS_CSV = [cc_basic, cc_quoted, cc_pipe, cc_denials, cc_pharmacy, cc_835_summary, cc_834_enroll, cc_tsv_bom, cc_ub04, cc_jira_attached]


# --------------------------------------------------------------------------
# PHI family 8: forwarded patient email
# --------------------------------------------------------------------------
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DOWL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def mail_date(t, style):
    h12 = t.strftime("%I:%M %p").lstrip("0")
    if style == "gmail":
        return f"{DOW[t.weekday()]}, {MON[t.month - 1]} {t.day}, {t.year} at {h12}"
    if style == "outlook":
        return f"{DOWL[t.weekday()]}, {MONTH[t.month - 1]} {t.day}, {t.year} {h12}"
    if style == "apple":
        return f"{MONTH[t.month - 1]} {t.day}, {t.year} at {t.strftime('%I:%M:%S %p').lstrip('0')} EST"
    return f"{DOW[t.weekday()]}, {t.day:02d} {MON[t.month - 1]} {t.year} {t.strftime('%H:%M:%S')} -0500"


def who(name_piece, mail_piece, quoted=False):
    return ['"' if quoted else "", name_piece, '"' if quoted else "", " <", mail_piece, ">"]


def fwd_block(r, d, style, frm, to, t, subject):
    if style == "gmail":
        d.add("---------- Forwarded message ---------\nFrom: ", frm, "\nDate: ", DD(mail_date(t, "gmail")), "\nSubject: ", subject,
              "\nTo: ", to, "\n\n")
    elif style == "outlook":
        d.add("-----Original Message-----\nFrom: ", frm, "\nSent: ", DD(mail_date(t, "outlook")), "\nTo: ", to, "\nSubject: ", subject, "\n\n")
    elif style == "outlook2":
        d.add("________________________________\nFrom: ", frm, "\nSent: ", DD(mail_date(t, "outlook")), "\nTo: ", to, "\nSubject: ",
              subject, "\n\n")
    else:
        d.add("Begin forwarded message:\n\nFrom: ", frm, "\nSubject: ", subject, "\nDate: ", DD(mail_date(t, "apple")), "\nTo: ", to, "\n\n")


def outer_mail(r, d, s_from, s_to, subject, t):
    d.add("From: ", who(SN(s_from.full), SC(s_from.email)), "\nTo: ", who(SN(s_to.full), SC(s_to.email)), "\nDate: ",
          DD(mail_date(t, "rfc")), "\nSubject: ", subject, "\n\n")


def box(r, org, name):
    return SC(f"{name}@{org[2]}")


def pe_gmail_fwd(r, d):
    org = r.choice(ORGS)
    clerk, it = staff(r, org), staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    outer_mail(r, d, clerk, it, "Fwd: can't see my results", t + dt.timedelta(hours=r.randint(1, 20)))
    d.add("Hi ", SN(it.first), " — another one for the portal issue, see below. Can you add ", "her" if p.sex == "F" else "him", " to the ticket?\n\n", SN(clerk.first), "\n\n")
    fwd_block(r, d, "gmail", who(PN(nm(p, "fl")), P(p.email, "email")), ["<", box(r, org, "portalhelp"), ">"], t,
              "can't see my results")
    d.f("Hello,\nI had blood work on «sd» at your «loc» lab and the app still says pending. My doctor's office said the results "
        "are back. Could someone check? My date of birth is «b» and my chart number is «m».\n\nThank you,\n«n»\n«ph»\n",
        sd=PD(fd(recent(r, 3, 15), r.choice(["long", "us1", "mdy"]))), loc=r.choice(["Main Street", "north campus", "Route 9"]),
        b=PD(fd(p.dob, r.choice(DATE_STYLES))), m=P(p.mrn, "mrn"), n=PN(nm(p, r.choice(["fl", "f"]))),
        ph=P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"))


def pe_outlook_fwd(r, d):
    org = r.choice(ORGS)
    sched, lead = staff(r, org), staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    appt = dt.datetime.combine(TODAY + dt.timedelta(days=r.randint(2, 20)), dt.time(r.randint(8, 15), r.choice([0, 30])))
    d.add("Jira comment by ", SN(sched.full), ":\nPasting the patient's email from the scheduling inbox so we can see what the reminder said.\n\n")
    fwd_block(r, d, r.choice(["outlook", "outlook2"]), who(PN(nm(p, "lf")), P(p.email, "email"), quoted=r.random() < 0.5),
              ["Scheduling <", box(r, org, "scheduling"), ">"], t, "RE: Appointment reminder")
    d.f("Hi, the text reminder says my appointment is on «a» but I booked «b». Which one is right? I need to arrange a ride. "
        "Please call me at «ph».\n«n»\nDOB «dob»\n",
        a=PD(fd(appt.date(), "us1") + " at " + appt.strftime("%I:%M %p").lstrip("0")),
        b=PD(fd((appt + dt.timedelta(days=7)).date(), "us1")), ph=P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"),
        n=PN(nm(p, "fl")), dob=PD(fd(p.dob, "us")))


def pe_apple_fwd(r, d):
    org = r.choice(ORGS)
    cs, bil = staff(r, org), staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    outer_mail(r, d, cs, bil, "Fwd: Bill for visit", t + dt.timedelta(hours=3))
    d.add(SN(bil.first), ", forwarding from the patient line. Looks like the self-pay discount was not applied.\n\n")
    fwd_block(r, d, "apple", who(PN(nm(p, "fl")), P(p.email, "email")), ["Billing Office <", box(r, org, "billing"), ">"], t,
              "Bill for visit")
    d.f("I received a bill for $«amt» for my visit on «v». I was told I'd get the self-pay discount. Account number «ac». "
        "My address changed, it's now «a», «c», «s» «z».\n\nThanks,\n«n»\n\nSent from my iPhone\n",
        amt=money(r, 120, 3000), v=PD(fd(recent(r, 20, 90), r.choice(["long", "us"]))), ac=P(p.acct, "account_number"),
        a=P(street_line(p), "street_address"), c=P(p.city, "street_address"), s=D(p.state, "street_address"), z=P(p.zip, "zip_code"),
        n=PN(nm(p, "f")))


def pe_daughter(r, d):
    org = r.choice(ORGS)
    nurse, it = staff(r, org), staff(r, org)
    mom = person(r, sex="F", lo=82, hi=100)
    dau = person(r, culture=mom.culture, sex="F", lo=40, hi=65)
    dau.last = mom.last if r.random() < 0.4 else dau.last
    t = rts(r, recent(r, 1, 3))
    d.add("Forwarding to the portal team — proxy access request that is stuck. ", SN(nurse.full), ", care coordination\n\n")
    fwd_block(r, d, r.choice(["gmail", "outlook"]), who(PN(nm(dau, "fl")), P(dau.email, "email")), ["<", box(r, org, "carecoord"), ">"],
              t, r.choice(["Access to my mother's chart", "Proxy access for my mom", "Re: proxy form"]))
    d.f("Hello, I am the daughter and health care proxy of «mn» (born «mb», «age» years old). She lives with me at «a», «c» «z». "
        "I filled out the proxy form at her visit on «v» but I still can't see her record in the app. My number is «ph».\n\n"
        "Regards,\n«dn»\n",
        mn=PN(nm(mom, "fml")), mb=PD(fd(mom.dob, r.choice(["long", "us", "mdy"]))), age=age_piece(mom),
        a=P(street_line(dau), "street_address"), c=P(dau.city, "street_address"), z=P(dau.zip, "zip_code"),
        v=PD(fd(recent(r, 10, 60), "us1")), ph=P(fph(dau.cell, r.choice(PHONE_STYLES)), "phone"), dn=PN(nm(dau, "fl")))


def pe_reply_chain(r, d):
    org = r.choice(ORGS)
    rn = staff(r, org)
    doc = staff(r, org, True)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    t2 = t + dt.timedelta(hours=r.randint(2, 30))
    d.add("From: ", who(SN(rn.full), SC(rn.email)), "\nTo: ", who(PN(nm(p, "fl")), P(p.email, "email")), "\nCc: ",
          who(SN(doc.full), SC(doc.email)), "\nDate: ", DD(mail_date(t2, "rfc")), "\nSubject: Re: ", r.choice(["blood pressure log", "home BP readings",
                                                                                                          "BP numbers this week"]), "\n\n")
    d.f("Hi «f», thanks for sending these. «doc» reviewed them and wants you to keep the «med» at the same dose for now. "
        "We'll see you on «a».\n\n«rn», RN\n\n", f=PN(p.first), doc=SN("Dr. " + doc.last), med=D(r.choice(["lisinopril", "amlodipine", "losartan", "metoprolol tartrate"]), "medication"),
        a=PD(fd(TODAY + dt.timedelta(days=r.randint(5, 30)), "long")), rn=SN(rn.full))
    d.add("On ", DD(mail_date(t, "gmail")), " ", who(PN(nm(p, "fl")), P(p.email, "email")), " wrote:\n")
    lines = [f"> Readings this week: {r.randint(128, 168)}/{r.randint(78, 99)}, {r.randint(128, 168)}/{r.randint(78, 99)}, {r.randint(128, 168)}/{r.randint(78, 99)}",
             "> I feel a bit dizzy in the mornings.", "> "]
    for ln in lines:
        d.add(ln, "\n")
    d.add("> ", PN(nm(p, "fl")), "  DOB ", PD(fd(p.dob, "us")), "\n> ", P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"), "\n")


def pe_records(r, d):
    org = r.choice(ORGS)
    him, dev = staff(r, org), staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    outer_mail(r, d, him, dev, "FW: records request — ROI tool error", t + dt.timedelta(days=1))
    d.add("The ROI tool throws 'requestor not found' for this one. Original below.\n\n")
    fwd_block(r, d, "outlook", who(PN(nm(p, "fl")), P(p.email, "email")), ["Medical Records <", box(r, org, "him"), ">"], t,
              "Request for my medical records")
    d.f("To whom it may concern,\n\nI am requesting a copy of my records from «s1» through «s2», including imaging. "
        "Name: «n»\nDate of birth: «b»\nSSN: «ss»\nAddress: «a», «c», «st» «z»\nPhone: «ph»\n\nPlease send them by mail.\n",
        s1=PD(fd(recent(r, 400, 800), "us")), s2=PD(fd(recent(r, 10, 100), "us")), n=PN(nm(p, r.choice(["fml", "fl"]))),
        b=PD(fd(p.dob, r.choice(DATE_STYLES))), ss=P(p.ssn, "ssn"), a=P(street_line(p), "street_address"), c=P(p.city, "street_address"),
        st=D(p.state, "street_address"), z=P(p.zip, "zip_code"), ph=P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"))


def pe_complaint(r, d):
    org = r.choice(ORGS)
    pr_staff, it = staff(r, org), staff(r, org)
    front = staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    d.add("Patient Relations → IT: the complaint below came in through the web form but the form dropped the visit date field. ",
          "Please check the form mapping.\n— ", SN(pr_staff.full), "\n\n")
    fwd_block(r, d, r.choice(["gmail", "apple", "outlook2"]), who(PN(nm(p, "fl")), P(p.email, "email")),
              ["Patient Relations <", box(r, org, "patientrelations"), ">"], t, "Complaint about my visit")
    d.f("I waited over three hours in the «dept» on «v» and nobody told me anything. The receptionist («fr») was kind but "
        "the doctor never explained my «dx». I want someone to call me back at «ph».\n«n» («m»)\n",
        dept=r.choice(["ER", "urgent care", "infusion center"]), v=PD(fd(recent(r, 3, 30), r.choice(["long", "us1", "mdy"]))),
        fr=SN(front.first), dx=D(r.choice(["kidney stone", "migraine", "pneumonia", "sprained ankle"]), "condition"),
        ph=P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"), n=PN(nm(p, "fl")), m=P(p.mrn, "mrn"))


def pe_portal_notification(r, d):
    org = r.choice(ORGS)
    dev = staff(r, org)
    p = person(r)
    t = rts(r, recent(r, 1, 3))
    host = r.choice(["mychart", "portal", "myhealth"]) + "." + org[2]
    d.add("Bug: the notification email links straight to the patient's profile without login. Example forwarded by the patient:\n\n")
    fwd_block(r, d, r.choice(["gmail", "apple"]), who("MyChart", SC(f"no-reply@{host}")), who(PN(nm(p, "fl")), P(p.email, "email")), t,
              "You have a new message")
    d.f("Dear «n»,\nYou have a new message from your care team. View it here:\n«u»\n\nDo not reply to this email.\n\n"
        "---\nForwarded with note from the patient: \"I clicked this on my son's laptop and it opened without a password?\"\n\n"
        "Reported by «dev».\n",
        n=PN(nm(p, r.choice(["fl", "f"]))), u=P(f"https://{host}/MyChart/Messages/View?patientId={rdigits(r, 8)}&token={rhex(r, 16)}", "url"),
        dev=SN(dev.full))


def pe_spanish(r, d):
    org = r.choice(ORGS)
    interp, clerk = staff(r, org), staff(r, org)
    p = person(r, culture="hispanic")
    t = rts(r, recent(r, 1, 3))
    d.add("Forwarding for translation + scheduling. ", SN(clerk.full), "\n\n")
    fwd_block(r, d, r.choice(["gmail", "outlook"]), who(PN(nm(p, "fl")), P(p.email, "email")), ["<", box(r, org, "citas"), ">"], t,
              "Cita de seguimiento")
    d.f("Buenos días,\nSoy «n», fecha de nacimiento «b». Necesito cambiar mi cita del «c» porque trabajo ese día. "
        "Mi número es «ph». Gracias.\n\n"
        "[Translation by «it»: Good morning, I am the patient, DOB as above. I need to change my appointment on that date "
        "because I work that day. Thanks.]\n",
        n=PN(nm(p, "fl")), b=PD(fd(p.dob, r.choice(["dot", "us", "dmy"])).replace(".", "/")),
        c=PD(fd(TODAY + dt.timedelta(days=r.randint(3, 25)), "us1")), ph=P(fph(p.cell, r.choice(PHONE_STYLES)), "phone"),
        it=SN(interp.full))


def pe_referral(r, d):
    org = r.choice(ORGS)
    out_org = r.choice([o for o in ORGS if o != org])
    sender, intake = staff(r, out_org), staff(r, org)
    doc = staff(r, out_org, True)
    p = person(r)
    icd = r.choice(ICD)
    t = rts(r, recent(r, 1, 3))
    d.add("Intake queue → EHR team: outside referral emails are landing in the spam quarantine. Example (released from quarantine):\n\n")
    fwd_block(r, d, r.choice(["outlook", "outlook2"]), who(SN(sender.full), SC(sender.email)), ["Referrals <", box(r, org, "referrals"), ">"],
              t, "Referral — " + r.choice(["cardiology", "GI", "sleep medicine"]))
    d.f("Please schedule the following patient:\n\nPatient: «n»\nDOB: «b»\nPhone: «ph»\nInsurance: «pay», member ID «mid»\n"
        "Reason: «dx» («icd»)\nReferring: «doc», NPI «npi»\n\nThank you,\n«s»\nReferral Coordinator, «fac»\n«sph»\n",
        n=PN(nm(p, r.choice(["lf", "fl", "LF"]))), b=PD(fd(p.dob, r.choice(DATE_STYLES))), ph=P(fph(p.phone, r.choice(PHONE_STYLES)), "phone"),
        pay=r.choice(PAYERS)[0], mid=P(p.member, "health_plan_id"), dx=D(icd[1], "condition"), icd=D(icd[0], "diagnosis_code"),
        doc=SN("Dr. " + doc.full), npi=D(doc.npi, "other_id"), s=SN(sender.full), fac=FAC(out_org[0]), sph=SC(fph(sender.work, "dash") + " " + sender.ext))


PATIENT_EMAIL = [pe_gmail_fwd, pe_outlook_fwd, pe_apple_fwd, pe_daughter, pe_reply_chain, pe_records, pe_complaint,
                 pe_portal_notification, pe_spanish, pe_referral]


# --------------------------------------------------------------------------
# clean families: shared bits
# --------------------------------------------------------------------------
HOSTS = ["app-prd-03", "intg-prd-01", "rhapsody-prd-02", "fhir-api-prd-1", "batch-uat-02", "mirth-prd-04", "claims-etl-prd"]


def clean_head(r, d, proj, summary, rep, asg, labels=""):
    style = r.randint(0, 2)
    k = key(r, proj)
    created = rts(r, recent(r, 1, 30))
    if style == 0:
        d.add(k, ": ", summary, "\nType: Bug  Priority: ", r.choice(["Major", "Minor", "High", "Blocker"]), "  Status: ",
              r.choice(["Open", "In Review", "In Progress"]), "\nReporter: ", SN(rep.full), "  Assignee: ", SN(asg.full), "\nCreated: ",
              fts(created, "isoz"), "\n\n")
    elif style == 1:
        d.add("[", k, "] ", summary, "\nReporter: ", jira_user(r, rep, "wiki"), " | Assignee: ", jira_user(r, asg, "wiki"),
              " | Fix Version: ", ver(r), labels and (" | Labels: " + labels) or "", "\n\n")
    else:
        d.add("## ", k, " — ", summary, "\n**Reporter:** ", jira_user(r, rep, "handle"), "  **Assignee:** ", jira_user(r, asg, "handle"),
              "\n**Created:** ", fts(created, "sql"), "\n\n")
    return k


def env_line(r):
    return ["Environment: ", r.choice(["PROD", "UAT", "STAGE"]), " · host ", r.choice(HOSTS), " (", rserver_ip(r), ":",
            str(r.choice([8080, 8443, 9090, 2575, 5432, 443])), ") · build #", str(r.randint(1200, 9999)), " · ", ver(r),
            " · commit ", rhex(r, 10), "\n"]


def frames(r, pkg, items):
    return "".join(f"\tat {pkg}.{c}.{m}({c.split('$')[0]}.java:{r.randint(20, 900)})\n" for c, m in items)


SPRING_FRAMES = "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)\n" \
                "\tat org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)\n"


# --------------------------------------------------------------------------
# clean family 1: Java stack-trace bug
# --------------------------------------------------------------------------
def js_npe_hl7(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "INTEG", "NPE in PidSegmentMapper when PID-11 is empty", rep, asg, "hl7,npe")
    d.add(env_line(r), "\nInbound ADT with an empty address field kills the route. Message control id ", rdigits(r, 8),
          " (the payload is in the secure bucket, not here).\n\n{code:java}\n")
    t = rts(r)
    d.add(fts(t, "log"), " ERROR [", r.choice(THREADS), "] c.n.i.hl7.AdtRouter - Route adt-inbound failed, exchange ", ruuid(r), "\n")
    d.add("java.lang.NullPointerException: Cannot invoke \"ca.uhn.hl7v2.model.v251.datatype.XAD.getStreetAddress()\" because \"addr\" is null\n")
    d.add(frames(r, "com.northbay.integration.adt", [("PidSegmentMapper", "mapAddress"), ("PidSegmentMapper", "map"),
                                                      ("AdtTransformer", "transform"), ("AdtRouter$1", "process")]))
    d.add("\tat org.apache.camel.processor.DelegateSyncProcessor.process(DelegateSyncProcessor.java:65)\n\t... 23 more\n{code}\n\n")
    d.add("Proposed fix: guard `getPatientAddress(0)` and add a fixture with ZZTEST data. ", jira_user(r, asg, "wiki"),
          " can you take it? Comment by ", SN(staff(r).full), ": seen ", str(r.randint(3, 60)), " times since the ", ver(r), " deploy.\n")


def js_pool_timeout(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "CLAIMS", "HikariPool connection timeouts during nightly 837 export", rep, asg)
    d.add(env_line(r), "\nStarted ", fd(recent(r, 1, 10), "long"), " after the DB failover to ", rserver_ip(r), ".\n\n```\n")
    t = rts(r)
    for i in range(r.randint(2, 4)):
        d.add(fts(t + dt.timedelta(seconds=30 * i), "log"), " WARN  [claim-export-", str(i + 1), "] com.zaxxer.hikari.pool.HikariPool - ",
              "HikariPool-1 - Connection is not available, request timed out after 30000ms.\n")
    d.add("org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection\n",
          "Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=20, active=20, idle=0, waiting=",
          str(r.randint(3, 40)), ")\n", frames(r, "com.zaxxer.hikari.pool", [("HikariPool", "createTimeoutException"), ("HikariPool", "getConnection")]),
          frames(r, "org.lakeshore.claims.export", [("ClaimBatchWriter", "flush"), ("Export837Job", "execute")]), "```\n\n")
    d.add("maximumPoolSize is 20 but the job now runs ", str(r.randint(24, 64)), " partitions. cc ", jira_user(r, staff(r), "handle"), " (DBA)\n")


def js_spring_bean(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "PLAT", "App fails to start in UAT: UnsatisfiedDependencyException for claimExportJob", rep, asg)
    d.add(env_line(r), "\n{noformat}\n")
    d.add("***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\n",
          "Parameter 0 of constructor in org.lakeshore.claims.export.Export837Job required a bean of type ",
          "'org.lakeshore.claims.payer.PayerRoutingClient' that could not be found.\n\nAction:\n\n",
          "Consider defining a bean of type 'org.lakeshore.claims.payer.PayerRoutingClient' in your configuration.\n{noformat}\n\n")
    d.add("Happens only with profile `uat,payer-mock`. ", SN(asg.full), " suspects the @ConditionalOnProperty on ",
          "`payer.routing.enabled` after the ", ver(r), " upgrade. Rolled back to build #", str(r.randint(1000, 9999)), " for now.\n")


def js_jackson(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "FHIR", "InvalidFormatException on Observation.effectiveDateTime with partial dates", rep, asg)
    d.add(env_line(r), "\nRepro with the synthetic payload from the test suite:\n\n```\n")
    d.add("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.OffsetDateTime` from String \"2024-06\": ",
          "Failed to deserialize java.time.OffsetDateTime: (java.time.format.DateTimeParseException) Text '2024-06' could not be parsed at index 7\n",
          " at [Source: (String)\"{\"resourceType\":\"Observation\",\"id\":\"example\",\"status\":\"final\",\"effectiveDateTime\":\"2024-06\"}\"; line: 1, column: 86]",
          " (through reference chain: org.cedarridge.fhir.model.ObservationDto[\"effectiveDateTime\"])\n",
          frames(r, "com.fasterxml.jackson.databind", [("DeserializationContext", "weirdStringException"), ("ObjectMapper", "readValue")]),
          frames(r, "org.cedarridge.fhir.ingest", [("ObservationReader", "read"), ("BundleIngestService", "ingest")]), "```\n\n")
    d.add("FHIR allows YYYY and YYYY-MM for dateTime; we need a custom deserializer. Spec: https://hl7.org/fhir/R4/datatypes.html#dateTime\n")


def js_oom(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "BULK", "OutOfMemoryError during bulk $export of Patient resources", rep, asg)
    d.add(env_line(r), "Heap: -Xmx4g, G1GC. Group export for group id ", ruuid(r), " (" + str(r.randint(40, 400)) + "k resources).\n\n{code}\n")
    t = rts(r)
    d.add(f"[{fts(t, 'iso')}.412+0000][gc] GC(4821) Pause Full (G1 Compaction Pause) 4087M->4079M(4096M) 2211.908ms\n",
          "Exception in thread \"export-worker-3\" java.lang.OutOfMemoryError: Java heap space\n",
          "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n\tat java.base/java.lang.StringBuilder.append(StringBuilder.java:179)\n",
          frames(r, "org.nbmc.bulk", [("NdjsonWriter", "write"), ("ExportJob", "run")]), "{code}\n\n")
    d.add("We buffer the whole NDJSON file per resource type. ", jira_user(r, asg, "wiki"), " to stream to S3 in 64 MB parts.\n")


def js_kafka(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "EVT", "RecordTooLargeException publishing ORU events to adt.results.v2", rep, asg)
    d.add(env_line(r), "\n```\n")
    t = rts(r)
    d.add(fts(t, "log"), " ERROR [kafka-producer-network-thread | results-publisher] o.a.k.c.p.i.Sender - [Producer clientId=results-publisher] ",
          "Got error produce response with correlation id ", str(r.randint(1000, 99999)), " on topic-partition adt.results.v2-", str(r.randint(0, 11)),
          ", retrying (2147483646 attempts left). Error: MESSAGE_TOO_LARGE\n",
          "org.apache.kafka.common.errors.RecordTooLargeException: The message is ", str(r.randint(1100000, 3000000)),
          " bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.\n```\n\n")
    d.add("Large ORUs with embedded PDFs (OBX-5 ED). Options: raise max.request.size on brokers ", rserver_ip(r), ", ", rserver_ip(r),
          " or claim-check the PDF. Decision in the arch sync with ", SN(staff(r).full), ".\n")


def js_hibernate(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "ETL", "Duplicate key on job_chunk after restart of the claims loader", rep, asg)
    d.add(env_line(r), "\n{noformat}\n")
    jid, ch = r.randint(1000, 9999), r.randint(1, 40)
    d.add("org.hibernate.exception.ConstraintViolationException: could not execute statement\n",
          "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"uk_job_chunk\"\n",
          f"  Detail: Key (job_id, chunk_no)=({jid}, {ch}) already exists.\n",
          frames(r, "org.postgresql.core.v3", [("QueryExecutorImpl", "receiveErrorResponse")]),
          frames(r, "org.hibernate.engine.jdbc.internal", [("ResultSetReturnImpl", "executeUpdate")]),
          frames(r, "org.riverside.etl.claims", [("ChunkRepository", "save"), ("LoaderRestartHandler", "resume")]), "{noformat}\n\n")
    d.add("Restart handler re-inserts the last chunk instead of upserting. ", SN(asg.full), " will switch to ON CONFLICT DO NOTHING.\n")


def js_ssl(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "INTEG", "PKIX path building failed calling the payer eligibility API", rep, asg)
    d.add(env_line(r), "\nCert on the vendor side rotated ", fd(recent(r, 1, 5), "iso"), ".\n\n```\n")
    d.add("javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: ",
          "unable to find valid certification path to requested target\n",
          "\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)\n",
          "\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)\n",
          frames(r, "org.mercyvalley.eligibility", [("EligibilityClient", "post270"), ("EligibilityService", "check")]),
          "```\n\nopenssl s_client -connect eligibility.payer-gateway.example.com:443 shows the new intermediate (serial ",
          ":".join(rhex(r, 2) for _ in range(8)), "). Need to add it to the truststore; ", jira_user(r, asg, "handle"), " has the keystore password.\n")


def js_cme(r, d):
    rep, asg = staff(r), staff(r)
    clean_head(r, d, "SCHED", "ConcurrentModificationException in SlotCache under load", rep, asg)
    d.add(env_line(r), "\n{code:java}\njava.util.ConcurrentModificationException\n\tat java.base/java.util.HashMap$HashIterator.nextNode(HashMap.java:1605)\n",
          frames(r, "org.harborpoint.scheduling.cache", [("SlotCache", "evictExpired"), ("SlotCache$Sweeper", "run")]),
          "\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:572)\n{code}\n\n")
    for i in range(r.randint(2, 3)):
        s = staff(r)
        t = rts(r)
        d.add(SN(s.full), " — ", fts(t, "sql")[:16], "\n", r.choice(["Reproduced with 200 threads in Gatling.", "Swap to ConcurrentHashMap?",
                                                                        "Fixed in PR #" + str(r.randint(100, 999)) + ", please review.",
                                                                        "Deployed build #" + str(r.randint(1000, 9999)) + " to UAT."]), "\n\n")


JAVA_STACKTRACE = [js_npe_hl7, js_pool_timeout, js_spring_bean, js_jackson, js_oom, js_kafka, js_hibernate, js_ssl, js_cme]


# --------------------------------------------------------------------------
# clean family 2: meeting notes with attendees and dial-in
# --------------------------------------------------------------------------
BRIDGES = [("+1 646 558 8656", "US (New York)"), ("+1 312 626 6799", "US (Chicago)"), ("+1 669 900 9128", "US (San Jose)"),
           ("+1 253 215 8782", "US (Tacoma)"), ("+1 301 715 8592", "US (Washington DC)")]


def dial_in(r, d):
    mid = f"{r.randint(800, 999)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"
    b = r.sample(BRIDGES, 2)
    style = r.randint(0, 2)
    if style == 0:
        d.add("Join Zoom Meeting\nhttps://", r.choice(["northbayhealth", "lakeshoremed", "stbrigid"]), ".zoom.us/j/", mid.replace(" ", ""),
              "?pwd=", rhex(r, 20), "\nMeeting ID: ", mid, "\nPasscode: ", rdigits(r, 6), "\nOne tap mobile\n",
              b[0][0].replace(" ", ""), ",,", mid.replace(" ", ""), "# ", b[0][1], "\nDial by your location\n        ", b[1][0], " ", b[1][1], "\n")
    elif style == 1:
        d.add("Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nMeeting ID: ", mid, " ", rdigits(r, 3), "\nPasscode: ",
              "".join(r.choice("ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789") for _ in range(6)), "\nOr call in (audio only)\n",
              "+1 323-849-4874,,", rdigits(r, 9), "#   United States, Los Angeles\nPhone Conference ID: ", rdigits(r, 3), " ", rdigits(r, 3), " ",
              rdigits(r, 3), "#\n")
    else:
        d.add("Bridge: ", b[0][0], " / access code ", rdigits(r, 7), "# / host PIN held by the chair\n")


def attendees(r, n, org=None, clinical_share=0.3):
    out = []
    for i in range(n):
        s = staff(r, org, clinical=r.random() < clinical_share)
        role = r.choice(["Integration", "EHR Analyst", "PM", "Nursing Informatics", "Security", "Vendor", "DBA", "QA", "Revenue Cycle"])
        out.append((s, role))
    return out


def mn_sprint(r, d):
    org = r.choice(ORGS)
    day = recent(r, 1, 40)
    people = attendees(r, r.randint(5, 8), org)
    d.add(r.choice(["Sprint planning — Integrations ", "Integrations sprint planning "]), f"{TODAY.year % 100}.{r.randint(10, 25)}", "\n",
          "Date: ", fd(day, r.choice(["iso", "long"])), "  Facilitator: ", SN(people[0][0].full), "\n\nAttendees: ",
          join([SN(s.full) for s, _ in people], ", "), "\nRegrets: ", SN(staff(r, org).full), "\n\n")
    d.add("Capacity: ", str(r.randint(40, 70)), " pts (", SN(people[1][0].first), " out Thu/Fri)\n\nCommitted:\n")
    for i in range(r.randint(4, 6)):
        d.add("- ", key(r, r.choice(["INTEG", "HL7", "FHIR", "LAB"])), " ", r.choice(["Retry policy for MLLP AE acks", "Upgrade HAPI to 7.4",
                                                                                       "Split ADT route by facility", "SIU time-zone fix",
                                                                                       "Mirth 4.5 channel export", "Add ZZTEST fixtures",
                                                                                       "Dashboard for ACK latency"]),
              " (", str(r.choice([1, 2, 3, 5, 8])), ") — ", jira_user(r, r.choice(people)[0], "handle"), "\n")
    d.add("\nRisks: vendor cert rotation on ", fd(TODAY + dt.timedelta(days=r.randint(3, 20)), "mdy"), "; change freeze from ",
          fd(dt.date(TODAY.year, 12, 18), "mdy"), ".\n")


def mn_arch(r, d):
    org = r.choice(ORGS)
    people = attendees(r, r.randint(4, 7), org)
    d.add("Architecture review: FHIR facade for the patient app\n", fd(recent(r, 1, 30), "long"), " · 2:00–3:00 PM CT\n\n")
    dial_in(r, d)
    d.add("\nAttendees\n")
    for s, role in people:
        d.add("* ", SN(s.full), " (", role, ")\n")
    d.add("\nDecisions\n1. Facade in front of the EHR's FHIR R4 endpoint, not a copy of the data.\n2. SMART on FHIR launch; scopes ",
          "`patient/*.read` only for v1.\n3. Rate limit 20 rps per client at the gateway (", rserver_ip(r), ").\n\nOpen questions\n",
          "- Do we need Bulk Data for the population-health team? → ", SN(people[-1][0].full), "\n- Audit log retention 6 years per policy; ",
          "storage estimate ", str(r.randint(2, 9)), " TB.\n\nADR: ADR-0", str(r.randint(10, 60)), " (draft), Jira epic ", key(r, "ARCH"), "\n")


def mn_postmortem(r, d):
    org = r.choice(ORGS)
    ic, scribe = staff(r, org), staff(r, org)
    day = recent(r, 2, 30)
    t0 = dt.datetime.combine(day, dt.time(r.randint(0, 20), r.randint(0, 59)))
    d.add("Post-incident review — INC", rdigits(r, 7), ": ADT feed delayed ", str(r.randint(40, 180)), " minutes\n",
          "Incident commander: ", SN(ic.full), "   Scribe: ", SN(scribe.full), "   Severity: SEV-2\n\nTimeline (CT)\n")
    steps = ["Rhapsody alert: queue depth > 5,000 on ADT_OUT", "On-call paged (PagerDuty), acked in 4 min",
             f"Identified disk full on {r.choice(HOSTS)} ({rserver_ip(r)}) — archive job stuck", "Cleared 180 GB of archived messages; queue draining",
             "Queue back to normal; downstream systems confirmed current"]
    t = t0
    for st in steps:
        d.add(t.strftime("%H:%M"), "  ", st, "\n")
        t += dt.timedelta(minutes=r.randint(5, 40))
    d.add("\nImpact: ~", f"{r.randint(2, 9)},{r.randint(100, 999)}", " ADT messages delayed; no messages lost; bed board stale for ~1 h.\n",
          "Root cause: archive cron stopped after the ", ver(r), " OS patch; no disk alert below 95%.\n\nAction items\n",
          "- [ ] Disk alert at 80% — ", jira_user(r, staff(r, org), "handle"), " (", key(r, "OPS"), ")\n",
          "- [ ] Archive job health check — ", jira_user(r, staff(r, org), "handle"), "\n",
          "- [ ] Runbook update — ", jira_user(r, scribe, "handle"), "\n")


def mn_vendor(r, d):
    org = r.choice(ORGS)
    ours = attendees(r, r.randint(2, 4), org)
    vend = [staff(r, ("Vendor", "VND", r.choice(["meditrack.io", "claimsbridge.com", "labconnect.net"]))) for _ in range(r.randint(1, 3))]
    d.add("Weekly vendor sync — lab interface upgrade\n", fd(recent(r, 1, 20), "mdy"), "\n\n")
    dial_in(r, d)
    d.add("\n", FAC(org[0]), ": ", join([SN(s.full) for s, _ in ours], ", "), "\nVendor: ", join([[SN(v.full), " <", SC(v.email), ">"] for v in vend], ", "),
          "\n\nNotes\n- Test window moved to ", fd(TODAY + dt.timedelta(days=r.randint(5, 30)), "long"), "; their TEST endpoint is ", rserver_ip(r),
          ":", str(r.choice([6661, 6662, 7010])), "\n- They will send 50 synthetic ORUs (ZZTEST patients) before we point UAT at them\n",
          "- Escalation on their side: ", SN(vend[0].full), ", ", SC(fph(vend[0].work, "dash")), "\n- Next sync same time next week\n")


def mn_golive(r, d):
    org = r.choice(ORGS)
    d.add("Go-live command center — ", r.choice(["Lab interface cutover", "Epic Cadence scheduling", "Claims clearinghouse switch"]), "\n",
          "Cutover: ", fd(TODAY + dt.timedelta(days=r.randint(2, 15)), "long"), " 22:00 → 02:00\n\n")
    dial_in(r, d)
    d.add("\nRoles\n")
    for role in ["Command lead", "Interface lead", "Clinical liaison", "Service desk", "Vendor"]:
        s = staff(r, org, clinical=role == "Clinical liaison")
        d.add(f"- {role}: ", SN(s.full), " — cell ", SC(fph(s.work, r.choice(["dash", "paren", "dot"]))), "\n")
    d.add("\nChecklist\n1. Freeze inbound at 21:55, drain queues\n2. Switch route to ", rserver_ip(r), ":", str(r.choice([2575, 6661])),
          "\n3. Send ", D("ZZTEST^ALPHA", "person_name"), " and ", D("ZZTEST^BRAVO", "person_name"), " through, verify filing\n4. Go/no-go at 23:30\n5. Unfreeze and watch ACK latency for 1 h\n")


def mn_retro(r, d):
    people = attendees(r, r.randint(4, 7))
    d.add("Retro — sprint ", f"{TODAY.year % 100}.{r.randint(10, 25)}", "\nPresent: ", join([SN(s.first) for s, _ in people], ", "), "\n\n")
    d.add("Went well\n- ", r.choice(["Zero sev-1s", "Fixture cleanup done", "Pairing on the MLLP retry fix"]), "\n- Kudos to ",
          jira_user(r, people[0][0], "handle"), " for the Mirth upgrade\n\nDidn't go well\n- UAT down ", str(r.randint(1, 3)),
          " days (", key(r, "OPS"), ")\n- Too many unplanned tickets from the service desk\n\nTry next\n- WIP limit of 3 in review\n",
          "- Rotate triage: ", SN(people[-1][0].full), " this sprint\n")


def mn_steering(r, d):
    org = r.choice(ORGS)
    cmio = staff(r, org, True)
    d.add("Clinical Systems Steering Committee — minutes\n", fd(recent(r, 1, 30), "long"), "\n\n")
    d.add("Present: ", SN("Dr. " + cmio.full), " (CMIO, chair), ", SN(staff(r, org).full), " (CNO), ", SN(staff(r, org).full), " (CIO), ",
          SN(staff(r, org).full), " (Revenue Cycle)\n\n")
    dial_in(r, d)
    d.add("\n1. Budget: FY", str(TODAY.year % 100 + 1), " capital request $", f"{r.randint(1, 9)}.{r.randint(1, 9)}M approved pending board.\n",
          "2. Remote monitoring pilot: ", str(r.randint(40, 300)), " enrolled; readmissions down ", str(r.randint(2, 12)),
          "% vs control (preliminary).\n3. Sepsis BPA alert fatigue: override rate ", str(r.randint(40, 80)), "%. Refer to the CDS subcommittee.\n",
          "4. Next meeting ", fd(TODAY + dt.timedelta(days=28), "long"), ".\n")


def mn_training(r, d):
    trainer = staff(r)
    d.add("Notes: privacy refresher for the engineering teams\nPresenter: ", SN(trainer.full), ", Privacy Office\n\n")
    d.add("Key points\n- Never paste real patient data into Jira, Confluence or Bitbucket. Use the test patients (",
          D("ZZTEST, ALPHA", "person_name"), ", ", D("ZZTEST, BRAVO", "person_name"), ").\n",
          "- Documented test values are fine: SSN 123-45-6789, phone (555) 555-0123 or 555-0199, NPI 1234567893, MBI 1EG4-TE5-MK73, ZIP 00000.\n",
          "- Ages over 89 are identifiers; population statements (\"patients aged 90 and older\") are not.\n",
          "- If you find PHI in a ticket, report it to the Privacy Office (", SC("privacy@" + r.choice(ORGS)[2]), ", ", SC("x4-7700"), ").\n\n",
          "Questions: ", SN(staff(r).full), " asked about screenshots — same rules. Slides on the Privacy space.\n")


def mn_standup(r, d):
    people = attendees(r, r.randint(3, 6))
    d.add("Stand-up ", fd(recent(r, 0, 10), "iso"), "\n")
    for s, _ in people:
        d.add("• ", SN(s.first), ": ", r.choice(["finishing " + key(r, "FHIR"), "on call, 2 pages overnight (disk, cert)",
                                                  "pairing with QA on regression", "blocked on vendor VPN",
                                                  "reviewing PR #" + str(r.randint(100, 999)), "out at 3pm"]), "\n")
    d.add("Parking lot: release ", ver(r), " go/no-go moved to ", fd(TODAY + dt.timedelta(days=2), "mdy"), ".\n")


MEETING_NOTES = [mn_sprint, mn_arch, mn_postmortem, mn_vendor, mn_golive, mn_retro, mn_steering, mn_training, mn_standup]


# --------------------------------------------------------------------------
# clean family 3: code diff of a validator
# --------------------------------------------------------------------------
def code_diff(r, d, path, old, new, author, msg, pr=False):
    if pr:
        bb_pr_head(r, d, author, msg, f"feature/{key(r, 'VAL')}-{path.split('/')[-1].split('.')[0].lower()}", [staff(r), staff(r)])
    else:
        git_log_head(r, d, author, msg)
    diff_mod(d, path, [[x] if isinstance(x, str) else x for x in old], [[x] if isinstance(x, str) else x for x in new])


def vd_ssn(r, d):
    dev = staff(r)
    old = ["package org.phi.validation;", "", "public final class SsnValidator {",
           "    private static final Pattern SSN = Pattern.compile(\"^\\\\d{3}-?\\\\d{2}-?\\\\d{4}$\");", "",
           "    public static boolean isValid(String s) {", "        return s != null && SSN.matcher(s).matches();", "    }", "}"]
    new = old[:5] + ["    public static boolean isValid(String s) {", "        if (s == null || !SSN.matcher(s).matches()) return false;",
                     "        String d = s.replace(\"-\", \"\");", "        int area = Integer.parseInt(d.substring(0, 3));",
                     "        if (area == 0 || area == 666 || area >= 900) return false;   // SSA: never issued",
                     "        if (d.substring(3, 5).equals(\"00\") || d.substring(5).equals(\"0000\")) return false;",
                     "        return true;", "    }", "}"]
    code_diff(r, d, "validation/src/main/java/org/phi/validation/SsnValidator.java", old, new, dev,
              f"{key(r, 'VAL')} reject never-issued SSN ranges", pr=r.random() < 0.5)
    d.add("\n", "diff --git a/validation/src/test/java/org/phi/validation/SsnValidatorTest.java b/validation/src/test/java/org/phi/validation/SsnValidatorTest.java\n",
          "@@ -8,6 +8,12 @@ class SsnValidatorTest {\n     @Test void acceptsDocumentedExample() {\n         assertTrue(SsnValidator.isValid(\"123-45-6789\"));\n     }\n",
          "+    @ParameterizedTest\n+    @ValueSource(strings = {\"000-12-3456\", \"666-12-3456\", \"900-12-3456\", \"123-00-4567\", \"123-45-0000\"})\n",
          "+    void rejectsNeverIssued(String s) {\n+        assertFalse(SsnValidator.isValid(s));\n+    }\n")


def vd_npi(r, d):
    dev = staff(r)
    old = ["def is_valid_npi(npi: str) -> bool:", "    return len(npi) == 10 and npi.isdigit()", ""]
    new = ["def is_valid_npi(npi: str) -> bool:", "    \"\"\"10 digits, Luhn check over '80840' + first 9 digits (CMS NPI standard).\"\"\"",
           "    if len(npi) != 10 or not npi.isdigit():", "        return False", "    digits = [int(c) for c in '80840' + npi]",
           "    total = 0", "    for i, dgt in enumerate(reversed(digits)):", "        if i % 2 == 1:", "            dgt *= 2",
           "            if dgt > 9:", "                dgt -= 9", "        total += dgt", "    return total % 10 == 0", ""]
    code_diff(r, d, "phi_tools/validators/npi.py", old, new, dev, f"{key(r, 'VAL')}: Luhn check for NPI", pr=r.random() < 0.5)
    d.add("\ndiff --git a/tests/test_npi.py b/tests/test_npi.py\n@@ -1,3 +1,9 @@\n from phi_tools.validators.npi import is_valid_npi\n",
          "+\n+def test_cms_example():\n+    assert is_valid_npi('1234567893')\n+\n+def test_bad_check_digit():\n+    assert not is_valid_npi('1234567890')\n")


def vd_mbi(r, d):
    dev, rev = staff(r), staff(r)
    old = ["const MBI = /^[0-9A-Z]{11}$/;", "", "export function isMbi(s: string): boolean {", "  return MBI.test(s.replace(/-/g, ''));", "}"]
    new = ["// CMS MBI format: C A AN N A AN N A A N N; letters exclude S, L, O, I, B, Z", "const A = '[AC-HJKMNP-RT-Y]';",
           "const AN = '[AC-HJKMNP-RT-Y0-9]';", "const MBI = new RegExp(`^[1-9]${A}${AN}[0-9]${A}${AN}[0-9]${A}${A}[0-9]{2}$`);", "",
           "export function isMbi(s: string): boolean {", "  return MBI.test(s.replace(/-/g, '').toUpperCase());", "}"]
    code_diff(r, d, "web/src/validation/mbi.ts", old, new, dev, "Tighten MBI validation to the CMS character rules", pr=True)
    d.add("\n", SN(rev.full), " commented on mbi.test.ts line 4:\n> `expect(isMbi('1EG4-TE5-MK73')).toBe(true)` — the CMS sample; ",
          "also add a case with an S in position 2 so the exclusion is covered.\n")


def vd_phone(r, d):
    dev = staff(r)
    old = ["def normalize_phone(raw):", "    digits = re.sub(r'\\D', '', raw)", "    return digits[-10:]"]
    new = ["def normalize_phone(raw):", "    digits = re.sub(r'\\D', '', raw)", "    if len(digits) == 11 and digits.startswith('1'):",
           "        digits = digits[1:]", "    if len(digits) != 10 or digits[0] in '01' or digits[3] in '01':",
           "        raise ValueError(f'not a NANP number: {raw!r}')", "    return digits"]
    code_diff(r, d, "intake/normalize.py", old, new, dev, f"{key(r, 'INTAKE')} strict NANP phone normalisation")
    d.add("\n--- a/tests/test_normalize.py\n+++ b/tests/test_normalize.py\n@@ -4,4 +4,10 @@\n",
          "+@pytest.mark.parametrize('raw', ['(555) 555-0142', '+1 555-555-0100', '555.555.0199', '1-800-555-0123'])\n",
          "+def test_accepts_fictional_numbers(raw):\n+    assert len(normalize_phone(raw)) == 10\n+\n",
          "+def test_rejects_short():\n+    with pytest.raises(ValueError):\n+        normalize_phone('555-0100')\n")


def vd_date(r, d):
    dev = staff(r)
    old = ["    public static LocalDate parseDob(String s) {", "        return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);", "    }"]
    new = ["    public static LocalDate parseDob(String s) {", "        LocalDate dob = LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);",
           "        if (dob.isAfter(LocalDate.now(clock))) {", "            throw new ValidationException(\"PID-7 in the future: \" + s);", "        }",
           "        if (dob.isBefore(LocalDate.of(1880, 1, 1))) {", "            throw new ValidationException(\"PID-7 implausible: \" + s);", "        }",
           "        return dob;", "    }"]
    code_diff(r, d, "hl7-core/src/main/java/org/nbmc/hl7/Dates.java", old, new, dev, f"{key(r, 'HL7')} reject future and implausible PID-7",
              pr=r.random() < 0.5)
    d.add("\nTests use fixed clock 2026-01-15T00:00:00Z; cases: 20260230 (invalid day), 20990101 (future), 18000101 (implausible).\n")


def vd_zip(r, d):
    dev = staff(r)
    old = ["ZIP_RE = re.compile(r'^\\d{5}$')"]
    new = ["ZIP_RE = re.compile(r'^(\\d{5})(?:-(\\d{4}))?$')", "PLACEHOLDER_ZIPS = {'00000', '99999'}", "", "def valid_zip(z):",
           "    m = ZIP_RE.match(z.strip())", "    return bool(m) and m.group(1) not in PLACEHOLDER_ZIPS"]
    code_diff(r, d, "address/zip.py", old, new, dev, "Accept ZIP+4, reject placeholder ZIPs")
    d.add("\nReviewer ", SN(staff(r).full), ": also trim whitespace in the CSV importer; the 834 files pad ZIP to 9 chars. Tests: ",
          "'00000' → False, 'ABCDE' → False, '  99999 ' → False.\n")


def vd_hl7_pid_test(r, d):
    dev = staff(r)
    old = ["    @Test", "    void parsesName() throws Exception {", "        Message m = parse(\"PID|1||T0000001^^^TEST^MR||TEST^PATIENT\");",
           "        assertEquals(\"TEST\", pid(m).getPatientName(0).getFamilyName().getSurname().getValue());", "    }"]
    new = ["    @Test", "    void parsesName() throws Exception {",
           ["        Message m = parse(\"PID|1||", D("T0000001", "mrn"), "^^^TEST^MR||", D("ZZTEST^ALPHA^Q", "person_name"), "||",
            D("19000101", "date"), "|U\");"],
           "        assertEquals(\"ZZTEST\", pid(m).getPatientName(0).getFamilyName().getSurname().getValue());",
           "        assertEquals(\"ALPHA\", pid(m).getPatientName(0).getGivenName().getValue());", "    }", "",
           "    @Test", "    void emptyAddressIsNotAnError() throws Exception {",
           ["        Message m = parse(\"PID|1||", D("T0000002", "mrn"), "^^^TEST^MR||", D("ZZTEST^BRAVO", "person_name"), "||||||||||||||||\");"],
           "        assertTrue(mapper.mapAddress(pid(m)).isEmpty());", "    }"]
    code_diff(r, d, "hl7-core/src/test/java/org/nbmc/hl7/PidMapperTest.java", old, new, dev, f"{key(r, 'HL7')} use ZZTEST patients in PID tests",
              pr=r.random() < 0.5)


def vd_email(r, d):
    dev = staff(r)
    old = ["export const isEmail = (s: string) => /.+@.+/.test(s);"]
    new = ["// Pragmatic check; RFC 5322 is not the goal. Real validation = confirmation email.",
           "export const isEmail = (s: string) =>", "  /^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$/.test(s.trim());"]
    code_diff(r, d, "portal/src/lib/validate.ts", old, new, dev, "Stricter email check on the portal sign-up form", pr=True)
    d.add("\nTest cases: `user@example.com` ✓, `first.last+tag@example.org` ✓, `no-at-sign.example.com` ✗, `a@b` ✗.\n")


def vd_icd(r, d):
    dev = staff(r)
    codes = r.sample(ICD, 3)
    old = ["ICD10 = re.compile(r'^[A-Z]\\d{2}(\\.\\d{1,4})?$')"]
    new = ["# letter, digit, alphanumeric, optional dot + up to 4 alphanumerics (7th-character extensions like 'A')",
           "ICD10 = re.compile(r'^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$')"]
    code_diff(r, d, "coding/icd.py", old, new, dev, f"{key(r, 'CODE')} allow ICD-10-CM 7th character")
    d.add("\n+    @pytest.mark.parametrize('code', [", join([["'", D(c[0], "diagnosis_code"), "'"] for c in codes], ", "),
          "])\n+    def test_valid(code): assert ICD10.match(code)\n")


VALIDATOR_DIFF = [vd_ssn, vd_npi, vd_mbi, vd_phone, vd_date, vd_zip, vd_hl7_pid_test, vd_email, vd_icd]


# --------------------------------------------------------------------------
# clean family 4: release notes
# --------------------------------------------------------------------------
FEATURES = ["Retry with backoff for MLLP AE acknowledgements", "FHIR R4 Coverage read endpoint", "Dark mode for the scheduling widget",
            "Bulk $export streams to object storage", "SIU time-zone handling uses MSH-7 offset", "New ACK latency dashboard",
            "Support for HL7 v2.8 MSH-21 profiles", "CSV claim export adds rendering NPI column", "SSO via Entra ID for the admin console",
            "Audit log export to the SIEM"]
FIXES = ["NPE when PID-11 is empty", "Duplicate key on loader restart", "Kiosk showed appointments one hour early",
         "Memory leak in SlotCache", "PKIX error after vendor cert rotation", "Wrong encounter for reflexed results",
         "Date picker allowed 30 February", "Timeout on large ORU with embedded PDF"]


def rn_semver(r, d):
    v = ver(r)
    rel = recent(r, 1, 60)
    d.add(r.choice(["Integration Hub ", "PatientLink Gateway ", "Claims Export Service "]), v, " — released ", fd(rel, r.choice(["iso", "long"])), "\n\n")
    d.add("New\n")
    for f in r.sample(FEATURES, r.randint(2, 4)):
        d.add("• ", f, " (", key(r, "INTEG"), ")\n")
    d.add("\nFixed\n")
    for f in r.sample(FIXES, r.randint(2, 4)):
        d.add("• ", f, " (", key(r, "INTEG"), ")\n")
    d.add("\nUpgrade notes: requires Java 21; database migration V", str(r.randint(40, 90)), " runs automatically (≈", str(r.randint(1, 9)),
          " min).\nThanks to ", join([SN(staff(r).full) for _ in range(r.randint(2, 4))], ", "), ".\n")


def rn_hotfix(r, d):
    a, b, c = r.randint(1, 9), r.randint(0, 24), r.randint(1, 19)
    bd = recent(r, 1, 20)
    d.add("Hotfix ", f"{a}.{b}.{c}", " (build ", fd(bd, "hl7"), ".", str(r.randint(1, 9)), ")\n\n",
          "Scope: ", r.choice(FIXES), " (", key(r, "HL7"), ").\nDeployed to PROD ", fts(rts(r, bd + dt.timedelta(days=1)), "isoz"), " by ", SN(staff(r).full),
          "; rollback plan: redeploy ", f"{a}.{b}.{c - 1}", " (artifact sha256:", rhex(r, 16), "…).\nVerified with ", D("ZZTEST^ALPHA", "person_name"), " on ",
          rserver_ip(r), ":", str(r.choice([2575, 6661])), ". No config changes.\n")


def rn_quarterly(r, d):
    org = r.choice(ORGS)
    lead = staff(r, org)
    win = TODAY + dt.timedelta(days=r.randint(5, 40))
    d.add("What's changing in the ", r.choice(["November", "February", "May", "August"]), " EHR upgrade\n", FAC(org[0]), " · Clinical Informatics\n\n",
          "Downtime: ", fd(win, "long"), ", 01:00–05:00. Downtime forms are in the unit binders.\n\nHighlights\n",
          "- Sepsis BPA: fewer repeat alerts (lockout 6 h)\n- Discharge navigator: new 'follow-up within 7 days' checklist\n",
          "- In Basket: results routed by care team, not by PCP only\n- MAR: barcode scanning required for insulin\n\n",
          "Questions: ", SN(lead.full), ", ", SC(lead.email), ", ", SC(fph(lead.work, "paren") + " " + lead.ext), "\n")


def rn_mobile(r, d):
    d.add("App Store / Google Play release notes\n\n")
    for plat in ["iOS", "Android"]:
        d.add(plat, " ", ver(r), " (", str(r.randint(1000, 9999)), ")\n- ", r.choice(["Face ID sign-in fixes", "Faster appointment list",
                                                                                      "Bigger text in lab results", "Proxy access for parents"]),
              "\n- ", r.choice(["Bug fixes and performance improvements", "Crash on older devices fixed", "Accessibility labels"]), "\n\n")
    d.add("Phased rollout starts ", fd(TODAY + dt.timedelta(days=r.randint(1, 10)), "mdy"), ". Release captain: ", SN(staff(r).full), ".\n")


def rn_interface_engine(r, d):
    d.add("Interface engine release ", fd(recent(r, 1, 30), "iso"), " — channel versions\n\n")
    table(d, r.choice(["wiki", "md"]), ["Channel", "Version", "Listener", "Change"],
          [[c, ver(r), f"{rserver_ip(r)}:{r.randint(2500, 7100)}", ch] for c, ch in
           r.sample([("ADT_IN_EPIC", "strict mode off for PID-13"), ("ORU_OUT_LAB", "NTE grouping fix"), ("SIU_IN_CADENCE", "TZ from MSH-7"),
                     ("ORM_OUT_PACS", "OBR-31 from DG1"), ("MDM_IN_TRANSCR", "no change"), ("ACK_ROUTER", "AE retry limit 3")], 4)])
    d.add("\nApproved by CAB ", key(r, "CHG"), "; implementer ", SN(staff(r).full), ".\n")


def rn_changelog_md(r, d):
    d.add("# Changelog\n\nAll notable changes to this project are documented here. Format: Keep a Changelog; versioning: SemVer.\n\n")
    n = r.randint(2, 3)
    feats, fixes = r.sample(FEATURES, n), r.sample(FIXES, n)
    major, minor = r.randint(1, 6), r.randint(3, 20)
    for i in range(n):
        d.add("## [", f"{major}.{minor - i}.0", "] - ", fd(recent(r, 10 + 30 * i, 30 + 30 * i), "iso"), "\n### Added\n- ", feats[i], " (#",
              str(r.randint(100, 900)), ", @", SN(staff(r).handle), ")\n### Fixed\n- ", fixes[i], " (#", str(r.randint(100, 900)), ")\n\n")


def rn_deprecation(r, d):
    sunset = TODAY + dt.timedelta(days=r.randint(60, 200))
    d.add("Deprecation notice: /api/v1/patients search by last name\n\nThe v1 search endpoint is deprecated as of ", fd(recent(r, 1, 30), "long"),
          " and will be removed on ", fd(sunset, "long"), ". Use `GET /fhir/r4/Patient?identifier=` instead.\n\n",
          "Responses now include `Deprecation: true` and `Sunset: ", sunset.strftime("%a, %d %b %Y"), " 00:00:00 GMT` headers.\n",
          "Owner: ", SN(staff(r).full), " · Consumers still calling v1 (last 7 days): ", str(r.randint(2, 9)), " client ids, list in ",
          key(r, "API"), ".\n")


def rn_confluence_page(r, d):
    owner = staff(r)
    page_head(r, d, "Release " + ver(r) + " — " + fd(TODAY + dt.timedelta(days=r.randint(1, 14)), "mdy"), owner)
    rows = []
    for i in range(r.randint(4, 7)):
        rows.append([key(r, r.choice(["INTEG", "FHIR", "SCHED"])), r.choice(FEATURES + FIXES), SN(staff(r).full), r.choice(["Done", "Done", "QA"])])
    table(d, r.choice(["wiki", "md", "xhtml"]), ["Key", "Summary", "Assignee", "Status"], rows)
    d.add("\nGo/no-go: ", fd(TODAY + dt.timedelta(days=1), "long"), " 10:00, release manager ", SN(owner.full), ".\n")


RELEASE_NOTES = [rn_semver, rn_hotfix, rn_quarterly, rn_mobile, rn_interface_engine, rn_changelog_md, rn_deprecation, rn_confluence_page]


# --------------------------------------------------------------------------
# clean family 5: a clinical rule page without patients
# --------------------------------------------------------------------------
def rule_head(r, d, title, org):
    owner = staff(r, org, True)
    page_head(r, d, title, staff(r, org))
    d.add("Rule owner: ", SN("Dr. " + owner.full), " (", r.choice(["CMIO", "Pharmacy & Therapeutics", "Nursing Quality", "Hospital Medicine"]),
          ")   Build: ", SN(staff(r, org).full), "   Status: ", r.choice(["Active", "Pilot", "In review"]), "\n\n")
    return owner


def revisions(r, d):
    d.add("\nRevision history\n")
    for i in range(r.randint(2, 3)):
        d.add(fd(recent(r, 30 + 90 * i, 90 + 90 * i), "iso"), " — ", SN(staff(r).full), " — ",
              r.choice(["initial build", "lockout 6 h", "added exclusion for hospice", "threshold review", "P&T approval"]), "\n")


def dx(c):
    return [D(c[1], "condition"), " (", D(c[0], "diagnosis_code"), ")"]


def cr_sepsis(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "CDS rule: Adult sepsis screening BPA", org)
    d.add("Population: inpatients and ED patients aged 18 and older. Excludes comfort care and patients already on a sepsis order set.\n\n",
          "Fires when ≥2 SIRS criteria within 6 hours:\n- Temp > 38.3 °C or < 36 °C\n- HR > 90\n- RR > 20\n- WBC > 12 or < 4 ×10^3/µL\n",
          "plus lactate ≥ 2.0 mmol/L or SBP < 90.\n\nSuggested actions: order set 'Sepsis bundle' (blood cultures ×2, lactate, ",
          D("piperacillin-tazobactam", "medication"), " or ", D("cefepime", "medication"), " + ", D("vancomycin", "medication"),
          ", 30 mL/kg crystalloid).\nDiagnosis codes that suppress the alert once on the problem list: ", dx(("A41.9", "Sepsis, unspecified organism")),
          ", ", dx(("R65.20", "Severe sepsis without septic shock")), ".\n")
    revisions(r, d)


def cr_ddi(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Drug–drug interaction alert: warfarin + interacting antimicrobials", org)
    pairs = [("warfarin", "trimethoprim-sulfamethoxazole", "INR rise; consider alternative or check INR in 3–5 days"),
             ("warfarin", "fluconazole", "CYP2C9 inhibition; reduce warfarin 25–50%"),
             ("warfarin", "metronidazole", "marked INR rise"), ("apixaban", "rifampin", "reduced anticoagulant effect; avoid")]
    d.add("Severity tiers follow the vendor knowledge base; this page documents local overrides.\n\n")
    rows = [[D(a, "medication"), D(b, "medication"), c, r.choice(["interruptive", "passive"])] for a, b, c in r.sample(pairs, 3)]
    table(d, r.choice(["wiki", "md"]), ["Drug A", "Drug B", "Effect / advice", "Alert type"], rows)
    d.add("\nOverride reasons tracked monthly; target override rate < 60%.\n")
    revisions(r, d)


def cr_fall_90(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Fall-risk protocol — automatic high-risk flag", org)
    d.add("Morse Fall Scale ≥ 45 → high risk. In addition, the flag is set automatically for:\n",
          "- patients aged 90 and older (regardless of score)\n- patients aged 65 and older on ", D("zolpidem", "medication"), " or ",
          D("lorazepam", "medication"), "\n- any patient with ", dx(("R29.6", "Repeated falls")), " or ", dx(("Z91.81", "History of falling")),
          " on the problem list\n\n",
          "Interventions: bed alarm, non-slip socks, hourly rounding, PT consult within 24 h.\n",
          "Data: in the last quarter ", str(r.randint(8, 30)), "% of flagged patients were 90 or older; fall rate ", "%.1f" % r.uniform(1.5, 4.0),
          " per 1,000 patient-days.\n")
    revisions(r, d)


def cr_a1c(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Health maintenance: HbA1c reminder for diabetes", org)
    d.add("Applies to patients aged 18–75 with any of: ", dx(("E11.9", "Type 2 diabetes mellitus without complications")), ", ",
          dx(("E11.65", "Type 2 diabetes mellitus with hyperglycemia")), ", ", dx(("E10.9", "Type 1 diabetes mellitus without complications")),
          ", or an active order for ", D("metformin", "medication"), ", ", D("insulin glargine", "medication"), " or ", D("semaglutide", "medication"),
          ".\n\nDue: every 6 months if last A1c ≥ 8%, else every 12 months. HEDIS measure HBD (< 8.0% counts as controlled).\n",
          "Satisfied by LOINC 4548-4 or 17856-6 resulted in the window.\n")
    revisions(r, d)


def cr_anticoag(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Weight-based heparin nomogram (VTE)", org)
    d.add("Bolus 80 units/kg, then 18 units/kg/h. Adjust by anti-Xa every 6 h:\n\n")
    table(d, r.choice(["wiki", "md", "html"]), ["Anti-Xa (units/mL)", "Bolus", "Rate change", "Next level"],
          [["< 0.2", "80 units/kg", "+4 units/kg/h", "6 h"], ["0.2–0.29", "40 units/kg", "+2 units/kg/h", "6 h"],
           ["0.3–0.7", "none", "no change", "next AM"], ["0.71–0.8", "none", "−1 unit/kg/h", "6 h"], ["> 0.8", "hold 1 h", "−3 units/kg/h", "6 h"]])
    d.add("\nMedication: ", D("heparin", "medication"), " 25,000 units/250 mL. Reversal: ", D("protamine", "medication"), ".\n")
    revisions(r, d)


def cr_peds(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Pediatric dose-range checking — antipyretics", org)
    d.add("Weight required for all patients younger than 18 years.\n- ", D("acetaminophen", "medication"), " 15 mg/kg q6h, max 75 mg/kg/day (≤ 4 g)\n- ",
          D("ibuprofen", "medication"), " 10 mg/kg q6–8h, not under 6 months, max 40 mg/kg/day\n\n",
          "Alert if dose > 110% of max or weight older than 30 days. Neonates (< 28 days) route to pharmacist verification.\n")
    revisions(r, d)


def cr_readmit(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Readmission risk (LACE) — discharge planning trigger", org)
    d.add("LACE = Length of stay + Acuity + Comorbidity (Charlson) + ED visits in 6 months.\nScore ≥ 10 → care-management referral and ",
          "follow-up appointment within 7 days.\n\nComorbidity points: ", dx(("I50.9", "Heart failure, unspecified")), " 2, ",
          dx(("J44.9", "Chronic obstructive pulmonary disease, unspecified")), " 2, ", dx(("N18.4", "Chronic kidney disease, stage 4")),
          " 2, metastatic cancer 6.\n\nValidation cohort: ", f"{r.randint(10, 40)},{r.randint(100, 999)}", " discharges, c-statistic 0.",
          str(r.randint(66, 74)), ". Patients aged 90 and older were not over-flagged.\n")
    revisions(r, d)


def cr_opioid(r, d):
    org = r.choice(ORGS)
    rule_head(r, d, "Opioid stewardship — MME alert and naloxone co-prescribing", org)
    d.add("Calculates daily morphine milligram equivalents across active orders.\n- ≥ 50 MME/day: passive banner\n",
          "- ≥ 90 MME/day: interruptive alert, suggest ", D("naloxone", "medication"), " 4 mg nasal spray\n",
          "- Concurrent benzodiazepine (", D("alprazolam", "medication"), ", ", D("diazepam", "medication"), "): interruptive regardless of MME\n\n",
          "Conversion factors: ", D("oxycodone", "medication"), " 1.5, ", D("hydromorphone", "medication"), " 4, ", D("tramadol", "medication"),
          " 0.2. Excludes hospice and ", dx(("G89.3", "Neoplasm related pain")), ".\n")
    revisions(r, d)


CLINICAL_RULE = [cr_sepsis, cr_ddi, cr_fall_90, cr_a1c, cr_anticoag, cr_peds, cr_readmit, cr_opioid]


# --------------------------------------------------------------------------
# clean family 6: an on-call directory
# --------------------------------------------------------------------------
TEAMS = ["Integrations", "EHR Applications", "Database", "Network", "Claims Platform", "Identity/SSO", "Service Desk", "Lab Systems"]


def oc_table(r, d):
    org = r.choice(ORGS)
    page_head(r, d, "On-call directory — IT (week of " + fd(TODAY - dt.timedelta(days=TODAY.weekday()), "mdy") + ")", staff(r, org))
    rows = []
    for t in r.sample(TEAMS, r.randint(4, 7)):
        a, b = staff(r, org), staff(r, org)
        rows.append([t, SN(a.full), SN(b.full), SC(fph(a.work, r.choice(["dash", "paren", "dot"]))), SC(a.pager)])
    table(d, r.choice(["wiki", "md", "xhtml"]), r.choice([["Team", "Primary", "Secondary", "Work cell", "Pager"],
                                                         ["Service", "On call", "Backup", "Phone", "Pager #"]]), rows)
    d.add("\nSwitchboard: ", SC(fph(rphone(r), "paren")), " · Test line for the paging system: 555-0100 (not monitored)\n")


def oc_escalation(r, d):
    org = r.choice(ORGS)
    l1, l2, mgr, dirc = staff(r, org), staff(r, org), staff(r, org), staff(r, org)
    d.add("Escalation policy — ", r.choice(TEAMS), "\n\n1. Page primary via PagerDuty (auto). If no ack in 10 min →\n2. Secondary: ",
          SN(l2.full), ", ", SC(fph(l2.work, "dash")), "\n3. Manager: ", SN(mgr.full), ", ", SC(mgr.email), ", ", SC(fph(mgr.work, "paren")),
          "\n4. Director (SEV-1 only): ", SN(dirc.full), "\n\nSEV-1 bridge: ", BRIDGES[r.randint(0, 4)][0], " code ", rdigits(r, 7),
          "#\nPrimary this week: ", jira_user(r, l1, "handle"), "\n")


def oc_pagerduty(r, d):
    d.add("PagerDuty schedule export — ", r.choice(["Integrations Primary", "Claims Platform", "Database On-Call"]), " (America/Chicago)\n\n")
    start = dt.datetime.combine(TODAY - dt.timedelta(days=TODAY.weekday()), dt.time(9, 0))
    for i in range(r.randint(4, 6)):
        s = staff(r)
        d.add(fts(start + dt.timedelta(days=7 * i), "iso") + "-06:00", " → ", fts(start + dt.timedelta(days=7 * (i + 1)), "iso") + "-06:00", "  ",
              SN(s.full), "  ", SC(s.email), "\n")
    d.add("\nOverrides: ", SN(staff(r).full), " covers ", fd(TODAY + dt.timedelta(days=r.randint(3, 20)), "mdy"), " 18:00–23:00.\n")


def oc_holiday(r, d):
    org = r.choice(ORGS)
    page_head(r, d, "Holiday coverage " + str(TODAY.year) + "–" + str(TODAY.year + 1), staff(r, org))
    rows = []
    for day in [dt.date(TODAY.year, 12, 24), dt.date(TODAY.year, 12, 25), dt.date(TODAY.year, 12, 31), dt.date(TODAY.year + 1, 1, 1)]:
        a = staff(r, org)
        rows.append([fd(day, r.choice(["mdy", "iso"])), SN(a.full), SN(staff(r, org).full), SC(fph(a.work, "dash"))])
    table(d, r.choice(["wiki", "md", "html"]), ["Date", "Primary", "Backup", "Primary cell"], rows)
    d.add("\nSwap requests to ", SN(staff(r, org).full), " by ", fd(dt.date(TODAY.year, 12, 15), "long"), ".\n")


def oc_clinical(r, d):
    org = r.choice(ORGS)
    d.add(FAC(org[0]), " — clinical on-call, ", fd(TODAY, "long"), "\n\n")
    for svc in r.sample(["Hospitalist (nights)", "Cardiology fellow", "General surgery", "OB/GYN", "Psychiatry consult", "Rapid response RN",
                         "Pharmacy", "Radiology (IR)"], r.randint(4, 7)):
        s = staff(r, org, clinical=svc not in ("Rapid response RN", "Pharmacy"))
        nm_ = ("Dr. " + s.full) if svc not in ("Rapid response RN", "Pharmacy") else (s.full + (", RN" if "RN" in svc else ", PharmD"))
        d.add(svc, ": ", SN(nm_), " — pager ", SC(s.pager), ", Vocera ", SC(s.ext), "\n")
    d.add("\nOperator: dial 0 from any house phone. Outside: ", SC(fph(rphone(r), "dash")), ".\n")


def oc_helpdesk(r, d):
    org = r.choice(ORGS)
    d.add("Who to call — IT & clinical applications\n\n")
    rows = [["Service Desk (24/7)", SC(fph(rphone(r), "paren")), SC("servicedesk@" + org[2])],
            ["EHR training", SC(fph(rphone(r), "dash")), SC("ehrtraining@" + org[2])],
            ["Interface team", SC(fph(rphone(r), "dash")), SC("interfaces@" + org[2])],
            ["Privacy Office", SC(fph(rphone(r), "dash")), SC("privacy@" + org[2])]]
    table(d, r.choice(["wiki", "md"]), ["Service", "Phone", "Mailbox"], rows)
    d.add("\nAfter hours, the Service Desk pages the on-call analyst. Manager: ", SN(staff(r, org).full), ".\n")


def oc_vendor(r, d):
    d.add("Vendor support contacts (internal)\n\n")
    for v in r.sample(["Interface engine vendor", "Clearinghouse", "Lab instrument middleware", "Patient portal", "Fax server"], r.randint(3, 4)):
        s = staff(r, ("Vendor", "V", r.choice(["claimsbridge.com", "labconnect.net", "meditrack.io", "faxcloud.example.com"])))
        d.add("• ", v, ": support ", r.choice(["1-800-", "1-888-", "1-877-"]) + str(r.randint(200, 989)) + "-" + rdigits(r, 4), ", portal case queue; account manager ", SN(s.full), ", ",
              SC(s.email), ", ", SC(fph(s.work, "dash")), "; contract #", r.choice(["MSA", "SOW"]), "-", str(TODAY.year - r.randint(0, 4)), "-",
              rdigits(r, 3), "\n")
    d.add("\nEscalate contract questions to ", SN(staff(r).full), " (Vendor Management).\n")


def oc_yaml(r, d):
    dev = staff(r)
    d.add("# oncall/rotation.yaml — source of truth for the paging bot\n# owner: ", SN(dev.full), "\nteam: ", r.choice(["integrations", "claims-platform", "sre"]),
          "\ntimezone: America/Chicago\nhandoff: \"monday 09:00\"\nmembers:\n")
    for i in range(r.randint(4, 6)):
        s = staff(r)
        d.add("  - name: ", SN(s.full), "\n    email: ", SC(s.email), "\n    phone: \"", SC(fph(s.work, "e164")), "\"\n")
    d.add("escalation:\n  - after: 10m\n    notify: secondary\n  - after: 30m\n    notify: manager\ntest_number: \"+1 555 0100\"\n")


ONCALL_DIRECTORY = [oc_table, oc_escalation, oc_pagerduty, oc_holiday, oc_clinical, oc_helpdesk, oc_vendor, oc_yaml]


# --------------------------------------------------------------------------
# registry, generation, validation
# --------------------------------------------------------------------------
FAMILIES = [
    ("jira_hl7", True, JIRA_HL7), ("confluence_table", True, CONFLUENCE_TABLE), ("support_ticket", True, SUPPORT_TICKET),
    ("fhir_diff", True, FHIR_DIFF), ("sql_seed", True, SQL_SEED), ("clinical_note", True, CLINICAL_NOTE),
    ("claims_csv", True, CLAIMS_CSV), ("patient_email", True, PATIENT_EMAIL),
    ("java_stacktrace", False, JAVA_STACKTRACE), ("meeting_notes", False, MEETING_NOTES), ("validator_diff", False, VALIDATOR_DIFF),
    ("release_notes", False, RELEASE_NOTES), ("clinical_rule", False, CLINICAL_RULE), ("oncall_directory", False, ONCALL_DIRECTORY),
]


def generate():
    r = random.Random(SEED)
    docs = []
    for fam, phi, variants in FAMILIES:
        n = N_PHI_PER_FAMILY if phi else N_CLEAN_PER_FAMILY
        order = list(range(n))
        for i in order:
            fn = variants[i % len(variants)]
            d = Doc()
            fn(r, d)
            docs.append({"id": f"{fam}-{i:04d}", "family": fam, "phi": phi, "variant": fn.__name__, "text": d.text(), "spans": d.spans})
    return docs


def is_tok(c):
    return c.isalnum()


def validate(docs):
    errs = []
    kinds_phi = CONTRACT_KINDS
    kinds_dc = CONTRACT_KINDS | DONT_CARE_EXTRA
    ids = set()
    for doc in docs:
        did = doc.get("id")
        if did in ids:
            errs.append(f"{did}: duplicate id")
        ids.add(did)
        text = doc["text"]
        b = text.encode("utf-8")
        # byte offset -> char index map (only at char boundaries)
        b2c = {}
        ci = 0
        for bi in range(len(b) + 1):
            if bi == len(b) or (b[bi] & 0xC0) != 0x80:
                b2c[bi] = ci
                ci += 1
        prev_end = 0
        nphi = 0
        for sp in doc["spans"]:
            s, e, lab, kind = sp["start"], sp["end"], sp["label"], sp["kind"]
            if not (0 <= s < e <= len(b)):
                errs.append(f"{did}: bad range {sp}")
                continue
            if s < prev_end:
                errs.append(f"{did}: unsorted/overlapping at {s}")
            prev_end = e
            if s not in b2c or e not in b2c:
                errs.append(f"{did}: span {s}-{e} not on a UTF-8 boundary")
                continue
            cs, ce = b2c[s], b2c[e]
            if cs > 0 and is_tok(text[cs - 1]) and is_tok(text[cs]):
                errs.append(f"{did}: span start cuts token at {s}: {text[max(0, cs - 8):cs + 8]!r}")
            if ce < len(text) and is_tok(text[ce - 1]) and is_tok(text[ce]):
                errs.append(f"{did}: span end cuts token at {e}: {text[max(0, ce - 8):ce + 8]!r}")
            if text[cs:ce] != text[cs:ce].strip():
                errs.append(f"{did}: span has outer whitespace {text[cs:ce]!r}")
            if lab == "phi":
                nphi += 1
                if kind not in kinds_phi:
                    errs.append(f"{did}: phi kind {kind!r} not in contract")
            elif lab == "dont_care":
                if kind not in kinds_dc:
                    errs.append(f"{did}: dont_care kind {kind!r} unknown")
            else:
                errs.append(f"{did}: bad label {lab!r}")
        if doc["phi"] and nphi == 0:
            errs.append(f"{did}: PHI doc without phi span")
        if not doc["phi"] and nphi:
            errs.append(f"{did}: clean doc with {nphi} phi spans")
        # PHI values must not also appear unlabelled elsewhere in the same document
        covered = bytearray(len(b))
        for sp in doc["spans"]:
            for k in range(sp["start"], sp["end"]):
                covered[k] = 1
        for sp in doc["spans"]:
            if sp["label"] != "phi":
                continue
            val = b[sp["start"]:sp["end"]]
            if len(val) < 4:
                continue
            pos = b.find(val)
            while pos != -1:
                endp = pos + len(val)
                left_ok = pos == 0 or not chr(b[pos - 1]).isalnum()
                right_ok = endp == len(b) or not chr(b[endp]).isalnum()
                if left_ok and right_ok and not any(covered[pos:endp]):
                    errs.append(f"{did}: phi value {val.decode()!r} also unlabelled at {pos}")
                    break
                pos = b.find(val, pos + 1)
    n_phi = sum(1 for x in docs if x["phi"])
    n_clean = sum(1 for x in docs if not x["phi"])
    if (n_phi, n_clean) != (120, 120):
        errs.append(f"split is {n_phi}/{n_clean}, expected 120/120")
    return errs


def load():
    with open(OUT, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def stats(docs):
    fams, vars_ = {}, {}
    shares = []
    for doc in docs:
        fams.setdefault(doc["family"], [0, doc["phi"]])[0] += 1
        vars_[(doc["family"], doc["variant"])] = vars_.get((doc["family"], doc["variant"]), 0) + 1
        if doc["phi"]:
            tot = len(doc["text"].encode("utf-8"))
            ph = sum(s["end"] - s["start"] for s in doc["spans"] if s["label"] == "phi")
            shares.append(ph / tot)
    print(f"documents: {len(docs)}  phi: {sum(1 for d in docs if d['phi'])}  clean: {sum(1 for d in docs if not d['phi'])}")
    print(f"families: {len(fams)}  variants: {len(vars_)}  name cultures: {len(CULTURES)}")
    for fam, (n, phi) in fams.items():
        vs = sorted((v, c) for (f, v), c in vars_.items() if f == fam)
        print(f"  {fam:18s} {'PHI  ' if phi else 'clean'} {n:3d} docs, {len(vs):2d} variants: " + ", ".join(f"{v}={c}" for v, c in vs))
    kinds = {}
    for doc in docs:
        for s in doc["spans"]:
            kinds[(s["label"], s["kind"])] = kinds.get((s["label"], s["kind"]), 0) + 1
    print("spans by label/kind: " + ", ".join(f"{l}/{k}={c}" for (l, k), c in sorted(kinds.items())))
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f}  (min {min(shares):.3f}, max {max(shares):.3f})")


def main(argv):
    if "--check" in argv:
        docs = load()
        errs = validate(docs)
        for e in errs[:200]:
            print(e)
        print(f"{OUT}: {len(docs)} docs, {len(errs)} problems")
        return 1 if errs else 0
    if "--stats" in argv:
        stats(load())
        return 0
    docs = generate()
    errs = validate(docs)
    if errs:
        for e in errs[:200]:
            print(e)
        print(f"{len(errs)} problems; not writing")
        return 1
    with open(OUT, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}: {len(docs)} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
