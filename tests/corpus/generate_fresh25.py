#!/usr/bin/env python3
"""generate_fresh25.py - a synthetic, labelled corpus for the PHI detector.

World: a medical device manufacturer (insulin pumps, CGMs, implantable cardiac
devices, a patient-monitor line, a cloud remote-monitoring platform and apps)
and the hospitals, clinics, DME suppliers and patients it deals with.

Everything is invented; standard library only; fixed seed.

    python3 tests/corpus/generate_fresh25.py            # writes fresh25.jsonl
    python3 tests/corpus/generate_fresh25.py --check    # re-verifies the file
    python3 tests/corpus/generate_fresh25.py --stats    # prints statistics
"""
import argparse
import collections
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import textwrap
import unicodedata

SEED = "fresh25-2026-12-07"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh25.jsonl")

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]
QUOTA = {**{f: 15 for f in PHI_FAMILIES}, **{f: 20 for f in CLEAN_FAMILIES}}
PHI_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89",
             "phone", "email", "ssn", "mrn", "health_plan_id", "medicare_mbi",
             "account_number", "license_number", "vehicle_id", "device_id", "url",
             "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
             "procedure_code", "drug_code", "medication", "condition", "credit_card"}
# documented test values: never labelled, allowed anywhere
TEST_SSNS = {"123-45-6789", "000-12-3456", "666-12-3456", "987-65-4320"}
TEST_MBI = "1EG4-TE5-MK73"


# ---------------------------------------------------------------------------
# segments and documents
# ---------------------------------------------------------------------------
class Seg:
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = str(text), label, kind


def P(text, kind="person_name"):
    """a PHI span"""
    return Seg(text, "phi", kind)


def X(text, kind):
    """a dont_care span"""
    return Seg(text, "dont_care", kind)


def D(s):
    return textwrap.dedent(s).lstrip("\n")


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


class Doc:
    default_crlf = False

    def __init__(self, crlf=None):
        self.parts, self.spans, self.n = [], [], 0
        self.crlf = Doc.default_crlf if crlf is None else crlf

    def _raw(self, s):
        if not s:
            return
        if self.crlf:
            s = s.replace("\r\n", "\n").replace("\n", "\r\n")
        self.parts.append(s)
        self.n += len(s.encode("utf-8"))

    def add(self, *xs):
        for x in xs:
            if x is None:
                continue
            if isinstance(x, Seg):
                st = self.n
                self._raw(x.text)
                if x.label and x.text:
                    self.spans.append((st, self.n, x.label, x.kind))
            elif isinstance(x, (list, tuple)):
                self.add(*x)
            else:
                self._raw(str(x))
        return self

    def f(self, tmpl, **kw):
        pos = 0
        for m in re.finditer(r"«(\w+)»", tmpl):
            self._raw(tmpl[pos:m.start()])
            self.add(kw[m.group(1)])
            pos = m.end()
        self._raw(tmpl[pos:])
        return self

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------------------
# names (hand-written, invented combinations)
# ---------------------------------------------------------------------------
# culture: (female given, male given, surnames) ; surnames may be (male, female)
CULTURES = {
    "us_south": (["Shelby", "Kaylee", "Brenda", "Darlene", "Tammy Lynn"],
                 ["Dale", "Travis", "Wyatt", "Bobby Ray", "Clint"],
                 ["Whitfield", "Hargrove", "Pruitt", "Tolliver", "Boatwright"]),
    "english_words": (["Hope", "Joy", "Summer", "Rose", "Faith", "Ivy", "Dawn", "Honey"],
                      ["Chase", "Will", "Hunter", "Mason", "Cash", "Rusty", "Bud"],
                      ["Little", "Frost", "Lamb", "Hill", "Fox", "Bird", "Stone", "Sharp", "Small", "Wolf"]),
    "mexican": (["Ximena", "Guadalupe", "María José", "Itzel", "Rocío"],
                ["José Luis", "Joaquín", "Eduardo", "Ulises", "Jesús"],
                ["Peña-Morales", "Villaseñor", "de la Garza", "Ibarra", "Zúñiga", "Ochoa Treviño"]),
    "puerto_rican": (["Yamilet", "Marisol", "Nilda"], ["Xavier", "Efraín", "Wilfredo"],
                     ["Rivera Colón", "Santiago Ortiz", "Maldonado", "Quiñones"]),
    "vietnamese": (["Thu", "Ngọc Anh", "Hạnh", "Lan"], ["Minh", "Quốc Bảo", "Tuấn", "Dũng"],
                   ["Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng"]),
    "irish": (["Siobhán", "Aoife", "Niamh", "Caoimhe"], ["Ciarán", "Pádraig", "Donncha", "Cathal"],
              ["Ó Súilleabháin", "Mac Giolla Phádraig", "O'Sullivan", "Ní Bhriain", "Breathnach"]),
    "dutch": (["Sanne", "Femke", "Marieke"], ["Joris", "Thijs", "Bram"],
              ["van 't Hof", "de Vries", "van der Linde", "Verhoeven", "ter Haar"]),
    "polish": (["Małgorzata", "Agnieszka", "Grażyna"], ["Krzysztof", "Zbigniew", "Wojciech"],
               [("Wiśniewski", "Wiśniewska"), ("Kowalczyk", "Kowalczyk"), ("Zieliński", "Zielińska"),
                ("Błaszczyk", "Błaszczyk")]),
    "yoruba": (["Adébáyọ̀", "Títílayọ̀", "Olúwaseun", "Ifẹ́olúwa"], ["Adébáyọ̀", "Olúwafẹ́mi", "Bámidélé"],
               ["Ògúnlẹ́yẹ", "Adéyẹmí", "Oyelaran-Oyeyinka", "Akínọlá"]),
    "igbo": (["Chiamaka", "Ngozi", "Adaeze"], ["Emeka", "Chukwudi", "Obinna"],
             ["Okonkwo", "Nwosu", "Eze-Okafor", "Chukwuemeka"]),
    "filipino": (["Maria Luisa", "Rowena", "Jocelyn"], ["Jomar", "Rodel", "Arnel"],
                 ["dela Cruz", "Bautista", "Macaraeg", "de los Santos"]),
    "hawaiian": (["Keʻalohilani", "Leilani", "Mahina"], ["Kaʻimi", "Keoni", "Makana"],
                 ["Kahananui", "Kealoha", "Nāmahoe", "Kaʻaihue"]),
    "german": (["Anneliese", "Jutta", "Hannelore"], ["Jürgen", "Hans-Peter", "Wolfgang"],
               ["Schröder", "Groß-Brandt", "von Ahlefeldt", "Müller-Lüdenscheidt", "Weiß"]),
    "french": (["Anaïs", "Maëlle", "Béatrice"], ["Benoît", "Jérôme", "Loïc"],
               ["Lefèvre", "Dubois-Rousseau", "de Saint-Exupéry", "Chénier", "Le Gall"]),
    "somali": (["Hodan", "Ifrah", "Sahra"], ["Abdirahman", "Mahad", "Liban"],
               ["Warsame", "Hirsi", "Cabdullaahi", "Jaamac"]),
    "turkish": (["Gülşen", "Şükran", "Büşra"], ["Oğuz", "Çağatay", "Ümit"],
                ["Yıldırım", "Çelik", "Öztürk", "Karaağaç"]),
    "tongan": (["Losana", "Mele", "Salote"], ["Sione", "Tevita", "Viliami"],
               ["Taufa", "Fifita", "Tuʻipulotu", "Havili"]),
    "brazilian": (["Luíza", "Conceição", "Thaís"], ["João", "Sebastião", "Caio"],
                  ["Magalhães", "Conceição", "dos Santos Brandão", "Assunção"]),
    "navajo": (["Shandiin", "Dezbah", "Nizhoni"], ["Ahiga", "Hastiin", "Bidziil"],
               ["Begay", "Yazzie", "Tsosie", "Nez"]),
    "scottish": (["Fiona", "Morag", "Eilidh"], ["Iain", "Ruaridh", "Hamish"],
                 ["MacLeod", "McGillivray", "MacAskill", "Urquhart"]),
    "italian": (["Giuseppina", "Annunziata", "Carmela"], ["Salvatore", "Gennaro", "Vincenzo"],
                ["D'Amico", "Lo Bianco", "Dell'Aquila", "Esposito", "Di Giacomo"]),
    "finnish": (["Päivi", "Sirkka", "Tuulikki"], ["Jyrki", "Väinö", "Pekka"],
                ["Häkkinen", "Järvelä", "Kärkkäinen", "Ylönen"]),
    "punjabi": (["Harpreet", "Gurleen", "Manjit"], ["Gurpreet", "Jaswinder", "Harjit"],
                ["Sandhu", "Grewal", "Dhaliwal", "Gill"]),
    "ethiopian": (["Selamawit", "Meron", "Tigist"], ["Dawit", "Yonas", "Tesfaye"],
                  ["Tesfaye", "Gebremariam", "Haile", "Wolde"]),
}
# native-script people: (sex, given, family, native form as written by the patient)
NATIVE = {
    "chinese": [("M", "Wei", "Zhang", "张伟"), ("F", "Xiuying", "Wang", "王秀英"),
                ("F", "Meiling", "Chen", "陈美玲"), ("M", "Jianguo", "Liu", "刘建国")],
    "korean": [("F", "Ji-woo", "Park", "박지우"), ("M", "Min-jun", "Kim", "김민준"),
               ("F", "Seo-yeon", "Choi", "최서연"), ("M", "Dong-hyun", "Yoon", "윤동현")],
    "japanese": [("M", "Haruto", "Sato", "佐藤陽翔"), ("F", "Yui", "Takahashi", "高橋結衣"),
                 ("F", "Sakura", "Nakamura", "中村さくら")],
    "russian": [("M", "Dmitri", "Volkov", "Дмитрий Волков"), ("F", "Tatiana", "Volkova", "Татьяна Волкова"),
                ("F", "Yelena", "Sokolova", "Елена Соколова"), ("M", "Arkady", "Belov", "Аркадий Белов")],
    "ukrainian": [("F", "Oksana", "Kovalenko", "Оксана Коваленко"), ("M", "Bohdan", "Shevchuk", "Богдан Шевчук")],
    "greek": [("F", "Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου"), ("M", "Stavros", "Karagiannis", "Σταύρος Καραγιάννης")],
    "arabic": [("M", "Youssef", "Haddad", "يوسف حداد"), ("F", "Rania", "Khoury", "رانيا خوري"),
               ("F", "Layla", "Al-Masri", "ليلى المصري")],
    "hebrew": [("F", "Noa", "Ben-David", "נועה בן דוד"), ("M", "Yair", "Mizrahi", "יאיר מזרחי")],
    "hindi": [("F", "Priya", "Raghunathan", "प्रिया रघुनाथन"), ("M", "Arjun", "Mehrotra", "अर्जुन मेहरोत्रा")],
    "thai": [("M", "Somchai", "Wongsakul", "สมชาย วงศ์สกุล"), ("F", "Kanya", "Srisuk", "กันยา ศรีสุข")],
    "armenian": [("F", "Anahit", "Petrosyan", "Անահիտ Պետրոսյան"), ("M", "Tigran", "Hovhannisyan", "Տիգրան Հովհաննիսյան")],
    "amharic": [("F", "Selamawit", "Bekele", "ሰላማዊት በቀለ"), ("M", "Dawit", "Alemu", "ዳዊት አለሙ")],
}
CARDIO = ["Prairie Ridge Cardiology", "Granite Falls Heart & Vascular", "Northgate Electrophysiology Clinic",
          "St. Brendan Regional Medical Center", "Bayou Crescent Medical Center"]
ADULT_DM = ["Tri-County Endocrine Associates", "St. Brendan Regional Medical Center", "Riverbend Family Medicine", "Ozark Summit Health"]
PEDS_DM = ["Lakeshore Pediatric Diabetes Center", "Mercy Lakes Children's Hospital"]
MONONYMS = [("F", "Suharti"), ("M", "Sukarno"), ("F", "Wartini")]  # single-name patients
MIDDLE = "ABCDEFGHJKLMNPRSTW"

# staff of the manufacturer, hospitals and suppliers (never patients)
STAFF = ["Maren Stolz", "Devansh Malhotra", "Kristin Aalto", "Tomás Echeverría", "Gwen Pasternak",
         "Rafael Quintero", "Ingrid Solberg", "Kwame Asante", "Beatrix Lund", "Naveen Iyer",
         "Colette Marchetti", "Ryo Fujimoto", "Teodora Ilić", "Brendan Kowalik", "Aisha Rahimi",
         "Lars Øverby", "Mirela Popescu", "Dwayne Castellanos", "Henrike Vogt", "Sunita Bhattarai",
         "Owen Teague", "Paloma Reyes-Ruiz", "Marcus Oyelowo", "Yelena Brandt", "Tobias Wenger",
         "Ada Nwachukwu", "Corinne Delacroix", "Emil Halvorsen", "Priscilla Tan", "Jonah Albright",
         "Rosalind Achebe", "Kenji Moriyama", "Sabine Kraus", "Ignacio Ferrante", "Leah Abernathy",
         "Viktor Hajek", "Nadia Benhamou", "Stellan Berg", "Imogen Carver", "Farid Nazari"]
CLINICIANS = ["Dr. Harriet Okoro", "Dr. Samuel Whitcombe", "Dr. Anjali Venkataraman", "Dr. Piotr Sadowski",
              "Dr. Elise Moreau", "Dr. Gideon Achterberg", "Dr. Lucinda Marsh", "Dr. Rahul Deshpande",
              "Dr. Camille Beauchamp", "Dr. Orrin Stahl", "Dr. Yasmin Farouk", "Dr. Theo Lindqvist"]
NURSES = ["Jolene Pratt, RN", "Marcy Velasquez, CDCES", "Tobias Reinholt, RN", "Kendra Oakes, NP",
          "Agnes Mwangi, RN, CDCES", "Lorenzo Pike, CCDS", "Bernadette Yoo, RN", "Hollis Drummond, CDCES"]
FACILITIES = ["St. Brendan Regional Medical Center", "Mercy Lakes Children's Hospital",
              "Tri-County Endocrine Associates", "Prairie Ridge Cardiology", "Ozark Summit Health",
              "Bayou Crescent Medical Center", "Granite Falls Heart & Vascular", "Lakeshore Pediatric Diabetes Center",
              "Cedar Hollow Community Hospital", "Northgate Electrophysiology Clinic", "Riverbend Family Medicine"]
DME = ["NorthStar Home Medical Supply", "ClearPath DME", "Keystone Diabetes Supply Co.", "Summit Respiratory & DME"]
PAYERS = ["Blue Harbor Health Plan", "Meridian Mutual", "Cascadia Care Alliance", "Heartland Medicaid MCO",
          "Medicare Part B (DME MAC Jurisdiction B)", "Granite State Health Partners"]
CONDITIONS = ["type 1 diabetes", "type 2 diabetes on insulin", "complete heart block", "sick sinus syndrome",
              "ischemic cardiomyopathy", "nonischemic dilated cardiomyopathy", "paroxysmal atrial fibrillation",
              "hypoglycemia unawareness", "diabetic ketoacidosis", "ventricular tachycardia", "heart failure with reduced EF"]
MEDS = ["insulin lispro", "insulin aspart", "insulin glargine", "metoprolol succinate", "amiodarone",
        "apixaban", "sacubitril/valsartan", "glucagon nasal powder", "carvedilol", "faster aspart"]
CITIES = [("Dayton", "OH", "454"), ("Columbus", "OH", "432"), ("Louisville", "KY", "402"), ("Knoxville", "TN", "379"),
          ("Tulsa", "OK", "741"), ("Albuquerque", "NM", "871"), ("Spokane", "WA", "992"), ("Boise", "ID", "837"),
          ("Duluth", "MN", "558"), ("Peoria", "IL", "616"), ("Lubbock", "TX", "794"), ("Shreveport", "LA", "711"),
          ("Macon", "GA", "312"), ("Erie", "PA", "165"), ("Fresno", "CA", "937"), ("Hilo", "HI", "967"),
          ("Gallup", "NM", "873"), ("Bangor", "ME", "044"), ("Cedar Rapids", "IA", "524"), ("Flagstaff", "AZ", "860"),
          ("Paterson", "NJ", "075"), ("Worcester", "MA", "016"), ("Yonkers", "NY", "107"), ("Laredo", "TX", "780")]
STREETS = ["Larkspur", "Old Mill", "Cottonwood", "Tamarack", "Quail Run", "Pecan Grove", "Winding Brook",
           "Harrow", "Bellflower", "Kestrel", "Sycamore Bend", "Ironwood", "Chickasaw", "Lantana", "Beacon Hill",
           "Juniper Ridge", "Wexford", "Magnolia Terrace", "Saddle Creek", "Avenida del Sol"]
SUFFIX = ["St", "Ave", "Dr", "Ln", "Rd", "Ct", "Blvd", "Way", "Pl", "Cir", "Trl"]
AREA = ["614", "937", "513", "502", "865", "918", "505", "509", "208", "218", "309", "806", "318", "478",
        "814", "559", "808", "207", "319", "928", "973", "508", "914", "956", "773", "412", "704", "316"]
MAILDOM = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net", "proton.me", "hotmail.com"]
COMPANY = "Corvane Medical"
CDOM = "corvane.example"


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if ord(c) < 128 and (c.isalnum() or c in " -'")).strip()


class Person:
    def __init__(self, given, family, sex, culture, native=None, mid=None, dob=None):
        self.given, self.family, self.sex, self.culture = given, family, sex, culture
        self.native, self.mid, self.dob = native, mid, dob

    def full(self):
        return f"{self.given} {self.family}" if self.family else self.given

    def lf(self):
        return f"{self.family}, {self.given}" if self.family else self.given

    def lfm(self):
        if not self.family:
            return self.given
        return f"{self.family}, {self.given}" + (f" {self.mid}." if self.mid else "")

    def hl7(self, mid=True):
        if not self.family:
            return f"{self.given.upper()}^FNU"
        s = f"{self.family.upper()}^{self.given.upper()}"
        if mid and self.mid:
            s += f"^{self.mid}"
        return s

    def upper_lf(self):
        return f"{self.family.upper()},{self.given.upper()}" if self.family else self.given.upper()

    def initials(self, dots=True):
        fam = (self.family or self.given).replace("'", " ").replace("-", " ").split()
        fam = [w for w in fam if w[0].isupper()] or fam
        letters = [fold(self.given)[:1] or "X", fold(fam[-1])[:1].upper() or "X"]
        return ".".join(letters) + "." if dots else "".join(letters)

    def email_local(self, rng):
        g = fold(self.given).lower().replace(" ", "").replace("'", "").replace("-", "")
        f = fold(self.family or "").lower().replace(" ", "").replace("'", "").replace("-", "")
        styles = [f"{g}.{f}", f"{g}{f}{rng.randint(2, 99)}", f"{g[:1]}{f}{rng.randint(10, 89)}",
                  f"{f}.{g}{rng.randint(1, 9)}", f"{g}_{f}"]
        return rng.choice([s for s in styles if s and not s.startswith(".") and not s.endswith(".")])

    def pron(self):
        return ("she", "her", "her") if self.sex == "F" else ("he", "him", "his")


# ---------------------------------------------------------------------------
# value generators
# ---------------------------------------------------------------------------
def luhn_digit(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num):
    digits = re.sub(r"\D", "", num)
    return len(digits) >= 12 and luhn_digit(digits[:-1]) == digits[-1]


def gtin_check(body13):
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body13)))
    return str((10 - tot % 10) % 10)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi_ok(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return False
    pat = ["N1", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
    for ch, p in zip(s, pat):
        if p == "N1" and ch not in "123456789":
            return False
        if p == "N" and ch not in "0123456789":
            return False
        if p == "A" and ch not in MBI_ALPHA:
            return False
        if p == "AN" and ch not in MBI_ALPHA + "0123456789":
            return False
    return True


def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def nanp_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 3:
        return d[0] in "23456789" and d[1:] != "11"
    if len(d) == 7:
        ex, line = d[:3], d[3:]
        return ex[0] in "23456789" and ex[1:] != "11" and not (ex == "555" and line.startswith("01"))
    if len(d) != 10:
        return False
    a, ex, line = d[:3], d[3:6], d[6:]
    if a[0] in "01" or a[1:] == "11" or ex[0] in "01" or ex[1:] == "11":
        return False
    return not (ex == "555" and line.startswith("01"))


DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y%m%d", "%d-%b-%Y", "%d %b %Y", "%B %d, %Y",
                "%b %d, %Y", "%d.%m.%Y", "%d/%m/%Y", "%Y%m%d%H%M", "%Y%m%d%H%M%S", "%Y/%m/%d",
                "%d %B %Y", "%Y年%m月%d日", "%Y년 %m월 %d일", "%m-%d-%Y", "%b %d %Y", "%d-%m-%Y", "%y%m%d"]


def date_ok(s):
    s2 = re.sub(r"(?<=\d{8})[+-]\d{4}$", "", s.strip())
    s2 = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s2)
    for f in DATE_FORMATS:
        try:
            dt.datetime.strptime(s2, f)
            return True
        except ValueError:
            pass
    try:
        dt.datetime.fromisoformat(s2)
        return True
    except ValueError:
        pass
    # Spanish / month-year forms
    if re.fullmatch(r"\d{1,2} de [a-z]+ de \d{4}", s2):
        return True
    return False


MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]


def fdate(d, style):
    if style == "iso":
        return d.strftime("%Y-%m-%d")
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us_nopad":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us_short":
        return f"{d.month}/{d.day}/{d:%y}"
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dmon":
        return d.strftime("%d-%b-%Y")
    if style == "dmon_sp":
        return d.strftime("%d %b %Y")
    if style == "long":
        return f"{d:%B} {d.day}, {d.year}"
    if style == "mon":
        return f"{d:%b} {d.day}, {d.year}"
    if style == "eu":
        return d.strftime("%d.%m.%Y")
    if style == "uk":
        return d.strftime("%d/%m/%Y")
    if style == "es":
        return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"
    if style == "ja":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    raise ValueError(style)


US_STYLES = ["iso", "us", "us_nopad", "us_short", "dmon", "long", "mon"]


class World:
    """per-document generator of invented people and values"""

    def __init__(self, rng):
        self.rng = rng
        self.now = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 320))
        self.used = set()
        self.staff_used = set()
        self.size = rng.choices([0, 1, 2], [0.28, 0.42, 0.30])[0]

    # --- helpers
    def rows(self, a, b):
        return self.rng.randint(a, b) * [1, 2, 4][self.size]

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def digits(self, n, first_nonzero=True):
        s = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return s + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    # --- people
    def person(self, sex=None, culture=None, age=None, age_range=(18, 85), native=False):
        for _ in range(200):
            p = self._person(sex, culture, native)
            key = (p.given, p.family)
            toks = set(re.findall(r"\w+", p.full()))
            if key in self.used or any(t in self.used for t in toks if len(t) > 2):
                continue
            break
        self.used.add((p.given, p.family))
        self.used.update(t for t in re.findall(r"\w+", p.full()) if len(t) > 2)
        if age is None:
            age = self.rng.randint(*age_range)
        start = self.now - dt.timedelta(days=int(365.25 * (age + 1)) - 1)
        p.dob = start + dt.timedelta(days=self.rng.randint(0, 360))
        if self.chance(0.55):
            p.mid = self.pick(MIDDLE)
        return p

    def _person(self, sex, culture, native):
        r = self.rng
        if native or (culture in NATIVE):
            cult = culture if culture in NATIVE else r.choice(sorted(NATIVE))
            opts = [t for t in NATIVE[cult] if sex is None or t[0] == sex] or NATIVE[cult]
            s, g, f, nat = r.choice(opts)
            return Person(g, f, s, cult, native=nat)
        if culture is None and r.random() < 0.025:
            s, g = r.choice(MONONYMS)
            return Person(g, "", s, "indonesian")
        cult = culture or r.choice(sorted(CULTURES))
        fem, mal, sur = CULTURES[cult]
        s = sex or r.choice("FM")
        g = r.choice(fem if s == "F" else mal)
        fam = r.choice(sur)
        if isinstance(fam, tuple):
            fam = fam[1] if s == "F" else fam[0]
        return Person(g, fam, s, cult)

    def relative(self, p, sex=None, same_family=0.7, age_range=(28, 55)):
        q = None
        for _ in range(50):
            q = self.person(sex=sex, culture=p.culture if p.culture in CULTURES or p.culture in NATIVE else None,
                            age_range=age_range)
            if p.family and self.chance(same_family) and p.culture in CULTURES:
                q.family = p.family
            if q.given != p.given:
                break
        self.used.add((q.given, q.family))
        return q

    def staff(self):
        opts = [s for s in STAFF if s not in self.staff_used] or STAFF
        s = self.pick(opts)
        self.staff_used.add(s)
        return s

    def handle(self, name):
        parts = fold(name).lower().split()
        return parts[0][0] + parts[-1].replace("-", "")

    def clinician(self):
        opts = [s for s in CLINICIANS if s not in self.staff_used] or CLINICIANS
        s = self.pick(opts)
        self.staff_used.add(s)
        return s

    def nurse(self):
        opts = [s for s in NURSES if s not in self.staff_used] or NURSES
        s = self.pick(opts)
        self.staff_used.add(s)
        return s

    # --- dates
    def date_between(self, a, b):
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def recent(self, lo=1, hi=60):
        return self.now - dt.timedelta(days=self.rng.randint(lo, hi))

    def implant_date(self):
        return self.now - dt.timedelta(days=self.rng.randint(200, 3000))

    def ts(self, d=None, hl7=False):
        d = d or self.now
        t = dt.datetime(d.year, d.month, d.day, self.rng.randint(0, 23), self.rng.randint(0, 59), self.rng.randint(0, 59))
        return t.strftime("%Y%m%d%H%M%S") if hl7 else t.strftime("%Y-%m-%d %H:%M:%S")

    def age(self, p, at=None):
        at = at or self.now
        return at.year - p.dob.year - ((at.month, at.day) < (p.dob.month, p.dob.day))

    # --- identifiers
    def phone_parts(self):
        a = self.pick(AREA)
        while True:
            ex = str(self.rng.randint(2, 9)) + self.digits(2, False)
            if ex[1:] != "11" and ex != "555":
                break
        return a, ex, self.digits(4, False)

    def phone(self, style=None):
        a, ex, ln = self.phone_parts()
        style = style or self.pick(["paren", "dash", "dot", "plus", "dash", "paren", "bare"])
        return {"paren": f"({a}) {ex}-{ln}", "dash": f"{a}-{ex}-{ln}", "dot": f"{a}.{ex}.{ln}",
                "plus": f"+1 {a} {ex} {ln}", "bare": f"{a}{ex}{ln}", "one": f"1-{a}-{ex}-{ln}"}[style]

    def ssn(self, dashed=True):
        while True:
            a = self.rng.randint(1, 899)
            if a == 666:
                continue
            s = f"{a:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"
            if s not in TEST_SSNS and s != "078-05-1120":
                return s if dashed else s.replace("-", "")

    def mbi(self, dashed=None):
        r = self.rng
        an = MBI_ALPHA + "0123456789"
        s = (r.choice("123456789") + r.choice(MBI_ALPHA) + r.choice(an) + r.choice("0123456789") +
             r.choice(MBI_ALPHA) + r.choice(an) + r.choice("0123456789") + r.choice(MBI_ALPHA) +
             r.choice(MBI_ALPHA) + r.choice("0123456789") + r.choice("0123456789"))
        if dashed is None:
            dashed = self.chance(0.4)
        return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s

    def card(self, brand=None):
        brand = brand or self.pick(["visa", "mc", "amex", "disc"])
        if brand == "visa":
            body = "4" + self.digits(14, False)
        elif brand == "mc":
            body = "5" + str(self.rng.randint(1, 5)) + self.digits(13, False)
        elif brand == "disc":
            body = "6011" + self.digits(11, False)
        else:
            body = self.pick(["34", "37"]) + self.digits(12, False)
        num = body + luhn_digit(body)
        if len(num) == 15:
            return f"{num[:4]} {num[4:10]} {num[10:]}"
        return " ".join(num[i:i + 4] for i in range(0, 16, 4))

    def mrn(self, style=None):
        style = style or self.pick(["E7", "M8", "d8", "d10", "SB"])
        return {"E7": "E" + self.digits(7), "M8": "M" + self.digits(8, False), "d8": self.digits(8),
                "d10": "10" + self.digits(8, False), "SB": "SB" + self.digits(6)}[style]

    def member_id(self):
        st = self.pick(["XQH", "W", "ZGP", "MCD", "BHP", "J"])
        if st == "W":
            return "W" + self.digits(9, False)
        if st == "J":
            return "J" + self.digits(2) + self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(5, False)
        return st + self.digits(9)

    def account(self):
        return self.pick(["A", "", "HAR", "90"]) + self.digits(8)

    def claim_no(self):
        return self.pick(["CLM", "", "26"]) + self.digits(11, False)

    def street(self):
        num = str(self.rng.randint(12, 9890))
        s = f"{num} {self.pick(STREETS)} {self.pick(SUFFIX)}"
        if self.chance(0.3):
            s += self.pick([f" Apt {self.rng.randint(1, 40)}{self.pick('ABCD')}", f" Unit {self.rng.randint(101, 420)}",
                            f" #{self.rng.randint(2, 30)}", f" Lot {self.rng.randint(3, 88)}"])
        return s

    def city(self):
        c, st, z = self.pick(CITIES)
        return c, st, z + self.digits(2, False)

    def address(self):
        c, st, z = self.city()
        return self.street(), c, st, z

    def email(self, p):
        return f"{p.email_local(self.rng)}@{self.pick(MAILDOM)}"

    def ip_public(self):
        return f"{self.pick([24, 47, 67, 68, 73, 76, 98, 99, 108, 173, 174, 184, 71, 69])}.{self.rng.randint(1, 254)}." \
               f"{self.rng.randint(0, 254)}.{self.rng.randint(1, 254)}"

    def ip_private(self):
        return f"10.{self.rng.randint(10, 60)}.{self.rng.randint(0, 30)}.{self.rng.randint(2, 250)}"

    def uuid(self):
        h = "".join(self.rng.choice("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def dl(self, state):
        return {"OH": lambda: self.pick("ABCDEFGHJKRST") + self.pick("ABCDEFGHJKRST") + self.digits(6, False),
                "TX": lambda: self.digits(8), "CA": lambda: self.pick("ABDFGNY") + self.digits(7, False),
                }.get(state, lambda: self.pick("ABCDEFGHJKLMNPRSTW") + self.digits(8, False))()

    # --- devices (serial formats of the manufacturer)
    def pump_sn(self):
        return "AR7" + self.digits(6, False) + self.pick("KLMNPRT")

    def tx_sn(self):
        return "LT" + self.alnum(6)

    def sensor_sn(self):
        return "LS" + self.digits(10, False)

    def pm_sn(self):
        return self.pick(["CDR", "CSR"]) + self.digits(6)

    def icd_sn(self):
        return self.pick(["SVR", "SDR", "SCR"]) + self.digits(6)

    def lead_sn(self):
        return "LXK" + self.digits(6)

    def hub_sn(self):
        return "HUB" + "".join(self.rng.choice("0123456789ABCDEF") for _ in range(8))

    def monitor_sn(self):
        return f"VV12-{self.digits(5)}-{self.alnum(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}"

    def platform_id(self):
        return "CLP" + self.digits(7)

    def lot(self, kind="sensor"):
        return {"sensor": "SL" + self.digits(6), "pump": "P" + self.digits(2) + self.pick("ABCDEFGHJK") + self.digits(4),
                "lead": "LL" + self.digits(5), "set": "IS" + self.digits(7)}[kind]

    def gtin(self, model_code=None):
        body = "0084712" + (model_code or self.digits(6, False))
        body = body[:13].rjust(13, "0")
        return body + gtin_check(body)

    def udi(self, serial, exp=None, lot=None):
        exp = exp or (self.now + dt.timedelta(days=self.rng.randint(200, 900)))
        lot = lot or self.lot("pump")
        return f"(01){self.gtin()}(17){exp:%y%m%d}(10){lot}(21){serial}"

    def complaint_no(self):
        return f"CMP-{self.now.year}-{self.digits(6, False)}"

    def rma_no(self):
        return "RMA" + self.digits(7, False)

    def jira_key(self, proj=None):
        return f"{proj or self.pick(['CLINK', 'GW', 'PUMPFW', 'CSUP', 'RMON', 'APP', 'QMS'])}-{self.rng.randint(120, 9800)}"


# ---------------------------------------------------------------------------
# shared renderers
# ---------------------------------------------------------------------------
def table(doc, layout, headers, rows):
    """render a table; cells may be str, Seg or lists of them"""
    if layout in ("wiki", "jira_wiki", "conf_wiki"):
        doc.add("|| " + " || ".join(headers) + " ||\n")
        for r in rows:
            doc.add("| ", join(" | ", [c if c not in ("", None) else " " for c in r]), " |\n")
    elif layout in ("md", "markdown", "jira_md", "conf_md"):
        doc.add("| " + " | ".join(headers) + " |\n")
        doc.add("|" + "|".join("---" for _ in headers) + "|\n")
        for r in rows:
            doc.add("| ", join(" | ", [c if c not in ("", None) else " " for c in r]), " |\n")
    elif layout in ("html", "conf_html"):
        doc.add("<table class=\"confluenceTable\"><tbody>\n<tr>")
        doc.add("".join(f"<th class=\"confluenceTh\">{h}</th>" for h in headers), "</tr>\n")
        for r in rows:
            doc.add("<tr>", [["<td class=\"confluenceTd\">", c, "</td>"] for c in r], "</tr>\n")
        doc.add("</tbody></table>\n")
    elif layout in ("tsv", "excel"):
        doc.add("\t".join(headers) + "\n")
        for r in rows:
            doc.add(join("\t", r), "\n")
    elif layout == "csv":
        doc.add(",".join(headers) + "\n")
        for r in rows:
            doc.add(join(",", r), "\n")
    elif layout == "pipe":
        doc.add("|".join(headers) + "\n")
        for r in rows:
            doc.add(join("|", r), "\n")
    else:
        raise ValueError(layout)


def code_open(layout, lang=""):
    if layout.endswith("wiki"):
        return "{code:" + lang + "}\n" if lang else "{noformat}\n"
    if layout.endswith("md") or layout in ("markdown", "github", "gitlab"):
        return f"```{lang}\n"
    return ""


def code_close(layout, lang=""):
    if layout.endswith("wiki"):
        return "{code}\n" if lang else "{noformat}\n"
    if layout.endswith("md") or layout in ("markdown", "github", "gitlab"):
        return "```\n"
    return ""


def jira_head(doc, w, layout, key, summary, reporter, assignee, extra=None, created=None):
    created = created or w.now - dt.timedelta(days=w.rng.randint(0, 6))
    created = dt.datetime(created.year, created.month, created.day, w.rng.randint(7, 18), w.rng.randint(0, 59))
    if layout.endswith("wiki"):
        doc.f("h1. «k»: «s»\n*Type:* Bug   *Priority:* «pr»   *Status:* «st»\n*Reporter:* «r»   *Assignee:* «a»\n"
              "*Created:* «c»\n", k=key, s=summary, pr=w.pick(["Major", "Critical", "Minor", "Blocker"]),
              st=w.pick(["Open", "In Progress", "Triage", "Reopened"]),
              r=["[~", X(w.handle(reporter), "staff_name"), "]"], a=X(assignee, "staff_name"),
              c=created.strftime("%d/%b/%y %I:%M %p").upper())
    elif layout.endswith("md"):
        doc.f("# «k» «s»\n\n**Reporter:** «r» · **Assignee:** «a» · **Priority:** «pr» · **Created:** «c»\n",
              k=key, s=summary, r=["@", X(w.handle(reporter), "staff_name")], a=X(assignee, "staff_name"),
              pr=w.pick(["P1", "P2", "P3"]), c=created.isoformat())
    else:
        doc.f("«k»  «s»\nType: Bug    Status: «st»\nReporter: «r»\nAssignee: «a»\nCreated: «c»\n",
              k=key, s=summary, st=w.pick(["OPEN", "IN PROGRESS", "WAITING FOR SUPPORT"]),
              r=X(reporter, "staff_name"), a=X(assignee, "staff_name"),
              c=created.strftime("%Y-%m-%d %H:%M"))
    if extra:
        doc.add(extra)
    doc.add("\n")


def h2(layout, title):
    if layout.endswith("wiki"):
        return f"h2. {title}\n"
    if layout.endswith("md"):
        return f"## {title}\n"
    return f"{title.upper()}\n"


def engine_log(w, n, mid_lines=None, svc="gw-ingest", d=None):
    """n lines of an interface-engine log with no patient data; mid_lines are inserted"""
    d = d or w.now
    t = dt.datetime(d.year, d.month, d.day, w.rng.randint(1, 20), w.rng.randint(0, 59), 0)
    out = []
    pos = sorted(w.rng.sample(range(n), min(len(mid_lines or []), n))) if mid_lines else []
    mids = list(mid_lines or [])
    for i in range(n):
        t += dt.timedelta(milliseconds=w.rng.randint(40, 9000))
        stamp = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
        kind = w.rng.random()
        thread = f"pool-{w.rng.randint(1, 6)}-thread-{w.rng.randint(1, 16)}"
        if kind < 0.45:
            line = f"{stamp} INFO  [{thread}] c.c.{svc}.MllpSender - ACK AA msgCtrlId=GW{w.digits(8)} latency={w.rng.randint(3, 180)}ms"
        elif kind < 0.65:
            line = f"{stamp} DEBUG [{thread}] c.c.{svc}.Router - route=ehr-{w.pick(['epic', 'cerner', 'meditech'])} hub={w.uuid()[:8]} queue_depth={w.rng.randint(0, 40)}"
        elif kind < 0.8:
            line = f"{stamp} INFO  [{thread}] c.c.{svc}.Heartbeat - connected peer={w.ip_private()}:{w.pick([6661, 6662, 2575, 7001])} open_sessions={w.rng.randint(1, 12)}"
        elif kind < 0.92:
            line = f"{stamp} WARN  [{thread}] c.c.{svc}.MllpSender - slow ACK msgCtrlId=GW{w.digits(8)} latency={w.rng.randint(900, 4000)}ms retry=0"
        else:
            line = f"{stamp} INFO  [{thread}] c.c.{svc}.BatchJob - flushed {w.rng.randint(10, 400)} readings in {w.rng.randint(20, 900)}ms"
        out.append(line + "\n")
        while mids and pos and pos[0] == i:
            pos.pop(0)
            t += dt.timedelta(milliseconds=w.rng.randint(5, 900))
            out.append([t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d} ", mids.pop(0)])
    for m in mids:
        out.append([t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d} ", m])
    return out


# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------
REG = []


def T(family, name, layouts):
    def deco(fn):
        REG.append((family, name, list(layouts), fn))
        return fn
    return deco


# === TEMPLATES ===========================================================

# ---------------------------------------------------------------- filler pools (no patient data)
POOL_GW = [
    "Reproduced on staging with the synthetic HL7 corpus; the failure needs the EHR-side range table, so it does not show up in our own loopback test.",
    "Checked the channel statistics: {n} messages errored in the last 24 h, all on the same route; other routes are clean.",
    "The interface spec says OBX-8 abnormal flags follow HL7 table 0078; we currently send 'LL' and 'HH' which are both valid.",
    "Mirth on their side runs 4.4.1; the transformer is JavaScript and trims trailing components, which explains the empty PID-13.",
    "Pushed a branch with a unit test for the mapper. CI is green; waiting for a second reviewer from the interface team.",
    "Their interface analyst confirmed the change window for Thursday 02:00-04:00 local. We need the config flag merged before that.",
    "Added a Grafana panel for NAK rate per route (dashboard gw-egress, row 3). Alert threshold 2% over 15 min.",
    "We should stop logging full payloads at WARN. The masking filter only runs at INFO and below, which is backwards.",
    "Replayed {n} messages from the DLQ in the sandbox; all ACKed with AA after the fix.",
    "Root cause is a timezone conversion: the hub sends UTC, the EHR expects local time without offset in TS fields.",
    "Opened a ticket with the EHR vendor to widen the reportable range; they say 6-8 weeks, so we need our own workaround.",
    "Not a regression from 4.12 - the same code path existed in 4.11 but the range check on their side is new.",
    "Load test: {n} msgs/min sustained for 30 min, p99 ACK latency {m} ms, no errors. Good to go from the performance side.",
    "Reminder from the privacy office: attach sanitized samples only; production payloads stay in the message browser.",
    "I'd rather fix this in the router than in each outbound channel; there are {n} channels with a copy of the same transformer.",
    "QA verified on build {b}. Moving to Ready for Release; release notes entry drafted.",
    "Heads-up: the clinic is migrating to a new EHR instance next quarter, so the endpoint and port will change again.",
    "Escalated to the on-call SRE because the retry queue grew past 10k; it drained within 20 minutes after the restart.",
]
POOL_DEV = [
    "Reproduced locally with the synthetic fixtures; stack trace matches the one above.",
    "Root cause identified, fix is a one-liner plus a regression test. PR is up.",
    "This started after the dependency bump in the last release; reverting locally makes it go away.",
    "Added a unit test that fails without the fix and passes with it.",
    "Please add the exact build number and environment next time; it saves a lot of guessing.",
    "Checked the dashboards: error rate went from 0.01% to {n} per hour after the deploy.",
    "Not reproducible on staging. Could be data-dependent; collecting a sanitized sample.",
    "Linked to the release checklist; QA will verify on the next RC.",
    "We should add an alert for this. Created a follow-up ticket for observability.",
    "Code review done, two nits, otherwise good to merge.",
    "Backport needed for the LTS branch as well.",
    "Closing as fixed in build {b}. Reopen if it shows up again.",
    "Security review: no secrets or patient data in the logs attached here.",
    "Moved to the platform team's board; they own that component.",
]
POOL_SUPPORT = [
    "Troubleshooting done per KB-{n}: restart, re-pair, check app permissions (Bluetooth, notifications, background refresh).",
    "Confirmed the phone OS version is on the compatibility list; app updated to the latest build from the store.",
    "Explained the return process: prepaid label in the box, ship within 10 days, keep the old unit until the new one arrives.",
    "Reviewed the alarm history uploaded to CorvaneLink; pattern consistent with a motor back-pressure event, not user error.",
    "Offered a loaner through the DME supplier; caller preferred overnight shipment of the replacement.",
    "Documented in the complaint record as required by SOP-CH-003; MDR decision pending engineering input.",
    "Sent the follow-up survey link and closed the call with a summary of next steps.",
    "Verified the shipping address against USPS; no corrections needed.",
    "Reminded the caller to keep backup supplies (pens/syringes) and to contact their HCP for dosing questions.",
    "Internal: knowledge article KB-{n} needs an update for Android 15 pairing screenshots.",
]
POOL_CONF = [
    "This page is reviewed monthly by the owning team. Edits outside the table should go through the page owner.",
    "Data comes from the nightly export job; the job runs at 02:30 Central and usually finishes within 20 minutes.",
    "Rows are removed once the item is closed in the source system; the page history keeps the previous versions.",
    "If a row looks wrong, fix it in the source system first; this page is regenerated and manual edits are lost.",
    "Retention: pages in this space are archived after 24 months per the records management schedule.",
    "Access to this space is restricted to the quality, complaint handling and customer support groups.",
    "Column definitions follow the complaint data dictionary v3; see the linked design page for details.",
    "Questions go to the team channel; please do not use page comments for case-specific discussion.",
]
POOL_CLEAN = [
    "Action items are tracked in Jira; the board link is in the channel topic.",
    "No decisions needed from leadership this week; the risk register is unchanged.",
    "Dependency on the labeling team for the UDI HRI font change is still open.",
    "Verification protocol VP-{n} approved; execution starts after the DVT build.",
    "The supplier confirmed capacity for the next two quarters at the current forecast.",
    "Documentation updates are in review in the DHF; target approval next sprint.",
    "Traceability matrix regenerated; {n} requirements, all linked to at least one test.",
    "Cybersecurity SBOM refreshed; two components moved to patched versions.",
    "Usability summative study scheduled with 15 participants per user group (lay users, HCPs).",
    "Budget for the test rig upgrade approved; purchase order raised with facilities.",
    "Reminder: test data must come from the synthetic generator; no production extracts in shared drives.",
    "Risk analysis updated: hazard H-{n} probability unchanged, severity reviewed by clinical affairs.",
    "Build pipeline migrated to the new runners; average build time down from 14 to 9 minutes.",
    "The post-market clinical follow-up plan needs an update for the new indication.",
]


def fill(w, s):
    return s.replace("{n}", str(w.rng.randint(3, 400))).replace("{m}", str(w.rng.randint(40, 900))).replace("{b}", str(w.rng.randint(1000, 9999)))


def comment_thread(d, w, layout, n, pool):
    picks = w.rng.sample(pool, min(n, len(pool)))
    t = dt.datetime(w.now.year, w.now.month, w.now.day, 9, 0)
    for s in picks:
        who = w.pick(STAFF)
        t += dt.timedelta(minutes=w.rng.randint(20, 600))
        if layout.endswith("wiki"):
            d.add("*", X(who, "staff_name"), f"* added a comment - {t:%d/%b/%y %I:%M %p}\n", fill(w, s), "\n\n")
        elif layout.endswith("md") or layout in ("markdown", "github", "gitlab"):
            d.add("**", X(who, "staff_name"), f"** commented {t:%Y-%m-%d %H:%M}\n> ", fill(w, s), "\n\n")
        else:
            d.add(X(who, "staff_name"), f" - {t:%Y-%m-%d %H:%M}\n", fill(w, s), "\n\n")


def ci_log(w, n):
    mods = ["gateway-core", "rmon-api", "pump-sync", "connect-app", "registry-sync", "common", "claims"]
    out = [f"Build #{w.rng.randint(1000, 9999)} (pipeline {w.hexs(8)}) started by webhook\n"]
    t = 0.0
    for _ in range(n):
        t += w.rng.uniform(0.2, 9)
        m = w.pick(mods)
        k = w.rng.random()
        if k < 0.4:
            out.append(f"[{t:8.2f}s] [INFO] Tests run: {w.rng.randint(3, 90)}, Failures: 0, Errors: 0, Skipped: {w.rng.randint(0, 2)}, "
                       f"Time elapsed: {w.rng.uniform(0.1, 9):.3f} s - in com.corvane.{m.replace('-', '')}.{w.pick(['Mapper', 'Parser', 'Service', 'Controller', 'Repository'])}Test\n")
        elif k < 0.6:
            out.append(f"[{t:8.2f}s] [INFO] --- maven-surefire-plugin:3.2.5:test (default-test) @ {m} ---\n")
        elif k < 0.75:
            out.append(f"[{t:8.2f}s] [INFO] Downloaded from nexus: https://nexus.{CDOM}/repository/maven-public/org/"
                       f"{w.pick(['springframework', 'apache', 'junit', 'hl7'])}/{w.hexs(6)}.jar ({w.rng.randint(10, 900)} kB)\n")
        elif k < 0.9:
            out.append(f"[{t:8.2f}s] [INFO] Building {m} 1.{w.rng.randint(0, 40)}.0-SNAPSHOT [{w.rng.randint(1, 9)}/9]\n")
        else:
            out.append(f"[{t:8.2f}s] [WARNING] {w.pick(['deprecated API usage', 'unchecked conversion', 'test took > 5 s'])} in {m}\n")
    out.append(f"[{t + 1:8.2f}s] [INFO] BUILD SUCCESS\n")
    return out


def svc_log(w, n):
    t = dt.datetime(w.now.year, w.now.month, w.now.day, w.rng.randint(0, 20), w.rng.randint(0, 59), 0)
    out = []
    for _ in range(n):
        t += dt.timedelta(milliseconds=w.rng.randint(50, 20000))
        k = w.rng.random()
        st = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        if k < 0.4:
            out.append(f"{st} INFO  [http-nio-8080-exec-{w.rng.randint(1, 20)}] access - {w.ip_private()} \"{w.pick(['GET', 'POST', 'PUT'])} "
                       f"/api/v2/{w.pick(['registrations', 'health', 'products', 'reports', 'devices/status'])} HTTP/1.1\" "
                       f"{w.pick([200, 200, 201, 204, 404, 500])} {w.rng.randint(2, 900)}ms\n")
        elif k < 0.6:
            out.append(f"{st} INFO  [scheduling-1] c.c.common.HealthIndicator - db=UP kafka=UP s3=UP heap={w.rng.randint(30, 90)}%\n")
        elif k < 0.75:
            out.append(f"{st} WARN  [HikariPool-1 housekeeper] c.z.h.pool.HikariPool - Thread starvation or clock leap detected "
                       f"(housekeeper delta={w.rng.randint(30, 90)}s)\n")
        elif k < 0.9:
            out.append(f"{st} INFO  [gc] GC(pause) G1 Young Generation {w.rng.randint(3, 80)}ms, heap {w.rng.randint(200, 900)}M->{w.rng.randint(100, 400)}M\n")
        else:
            out.append(f"{st} ERROR [http-nio-8080-exec-{w.rng.randint(1, 20)}] c.c.common.ErrorHandler - request failed, "
                       f"traceId={w.hexs(16)} (see stack trace above)\n")
    return out


def app_log(w, n):
    t = dt.datetime(w.now.year, w.now.month, w.now.day, w.rng.randint(0, 20), w.rng.randint(0, 59), 0)
    out = [f"CorvaneConnect {w.pick(['3.8.2', '3.9.0', '3.9.1'])} ({w.pick(['iOS 18.1', 'Android 15', 'iOS 17.6'])}) diagnostics, "
           f"session {w.uuid()}\n"]
    for _ in range(n):
        t += dt.timedelta(seconds=w.rng.randint(1, 300))
        k = w.rng.random()
        if k < 0.35:
            out.append(f"{t:%H:%M:%S}.{w.rng.randint(100, 999)} I/UploadWorker: batch={w.hexs(8)} records={w.rng.randint(1, 288)} http=200 "
                       f"latency={w.rng.randint(80, 2400)}ms\n")
        elif k < 0.6:
            out.append(f"{t:%H:%M:%S}.{w.rng.randint(100, 999)} D/BleGatt: notify char=0x{w.hexs(4)} len={w.rng.randint(8, 20)} rssi=-{w.rng.randint(40, 90)}\n")
        elif k < 0.75:
            out.append(f"{t:%H:%M:%S}.{w.rng.randint(100, 999)} W/BleGatt: disconnect status=0x08 (supervision timeout), reconnect in {w.rng.randint(1, 30)}s\n")
        elif k < 0.9:
            out.append(f"{t:%H:%M:%S}.{w.rng.randint(100, 999)} I/AlertEngine: evaluate rules={w.rng.randint(5, 12)} fired=0\n")
        else:
            out.append(f"{t:%H:%M:%S}.{w.rng.randint(100, 999)} I/Sync: token refresh ok, expires_in=3600\n")
    return out


def extras(d, w, layout, pool, log=False, svc="gw-ingest"):
    """size-dependent extra content: nothing (short), a few comments (medium), comments and a log (long)"""
    if w.size == 0:
        return
    d.add("\n")
    if w.size == 2 and log:
        d.add("Attachment excerpt: ", {"ci": "ci-build.log", "app": "connect-app-diagnostics.txt", "svc": "service.log"}.get(log, svc + ".log"), "\n",
              code_open(layout) if layout.endswith(("wiki", "md")) else "")
        if log == "ci":
            d.add(ci_log(w, w.rng.randint(30, 70)))
        elif log == "app":
            d.add(app_log(w, w.rng.randint(30, 60)))
        elif log == "svc":
            d.add(svc_log(w, w.rng.randint(30, 60)))
        else:
            d.add(engine_log(w, w.rng.randint(30, 70), svc=svc))
        d.add(code_close(layout) if layout.endswith(("wiki", "md")) else "", "\n")
    comment_thread(d, w, layout, w.rng.randint(3, 6) if w.size == 1 else w.rng.randint(8, 14), pool)


# ---------------------------------------------------------------- HL7 helpers
FAC_CODES = {"St. Brendan Regional Medical Center": "SBRMC", "Mercy Lakes Children's Hospital": "MLCH",
             "Tri-County Endocrine Associates": "TCEA", "Prairie Ridge Cardiology": "PRC",
             "Ozark Summit Health": "OSH", "Bayou Crescent Medical Center": "BCMC",
             "Granite Falls Heart & Vascular": "GFHV", "Lakeshore Pediatric Diabetes Center": "LPDC",
             "Cedar Hollow Community Hospital": "CHCH", "Northgate Electrophysiology Clinic": "NGEP",
             "Riverbend Family Medicine": "RBFM"}


def pid_seg(w, p, mrn, fac, addr=None, phone=None, ssn=None, acct=None, plat=None, native=False):
    """PID segment as a list of segments; addr=(street, city, state, zip); phone=(area, ex, line)"""
    out = ["PID|1||", P(mrn, "mrn"), f"^^^{fac}^MR"]
    if plat:
        out += ["~", P(plat, "other_id"), "^^^CVN^PI"]
    out += ["||", P(p.hl7()), ]
    if native and p.native:
        out += ["~", P(p.native), "^^^^^^I"]
    out += ["||", P(fdate(p.dob, "hl7"), "date"), f"|{p.sex}|||"]
    if addr:
        st, c, s, z = addr
        out += [P(st, "street_address"), "^^", P(c, "street_address"), "^", X(s, "state"), "^", P(z, "zip_code"), "^USA"]
    out += ["||"]
    if phone:
        a, ex, ln = phone
        out += ["^PRN^PH^^1^", P(a, "phone"), "^", P(ex + ln, "phone")]
    out += ["|||||"]
    if acct:
        out += [P(acct, "account_number")]
    out += ["|"]
    if ssn:
        out += [P(ssn, "ssn")]
    out += ["\n"]
    return out


def msh(w, typ, fac, ts=None, ctrl=None, sending="CORVANELINK^CVN", recv="EPIC"):
    ts = ts or w.ts(hl7=True)
    ctrl = ctrl or "GW" + w.digits(8)
    return [f"MSH|^~\\&|{sending}|CVN|{recv}|{fac}|", X(ts, "message_date"), f"||{typ}|{ctrl}|P|2.5.1\n"]


# ================================================================ jira_hl7
@T("jira_hl7", "gw_oru_cgm_nak", ["jira_wiki", "jira_md"])
def t_gw_oru_cgm_nak(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES)
    fc = FAC_CODES[fac]
    p = w.person(age_range=(9, 78))
    rep, asg = w.staff(), w.staff()
    doc_name = w.clinician()
    obs_day = w.recent(2, 20)
    tx = w.tx_sn()
    jira_head(d, w, layout, w.jira_key("GW"), f"{fc} EHR NAKs CGM ORU^R01 when OBX-5 is below 55 mg/dL", rep, asg)
    d.add(h2(layout, "Description"))
    d.f("After the gateway «v» rollout the «fac» Epic interface rejects glucose results flagged LL. "
        "Channel cl-oru-out has «n» errored messages since yesterday; all of them carry a value under 55. "
        "One of them, copied from the prod message browser:\n\n",
        v=f"4.{w.rng.randint(10, 14)}.{w.rng.randint(0, 9)}", fac=X(fac, "facility"), n=w.rng.randint(11, 140))
    d.add(code_open(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add(msh(w, "ORU^R01^ORU_R01", fc))
    addr = w.address() if w.chance(0.6) else None
    d.add(pid_seg(w, p, w.mrn(), fc, addr=addr, plat=w.platform_id()))
    npi = "1" + w.digits(9, False)
    d.f("PV1|1|O|ENDO^^^«fc»||||«npi»^«doc»\n", fc=fc, npi=X(npi, "npi"),
        doc=X(doc_name.replace("Dr. ", "").split()[-1].upper() + "^" + doc_name.split()[1].upper(), "staff_name"))
    t0 = dt.datetime(obs_day.year, obs_day.month, obs_day.day, w.rng.randint(0, 5), w.rng.randint(0, 59))
    d.f("OBR|1||«ord»|97507-8^Glucose [Mass/volume] in Subcutaneous fluid by CGM^LN|||«t1»|«t2»\n",
        ord=X("GW" + w.digits(9), "order_number"), t1=P(t0.strftime("%Y%m%d%H%M"), "date"),
        t2=P((t0 + dt.timedelta(hours=2)).strftime("%Y%m%d%H%M"), "date"))
    for i in range(w.rng.randint(2, 4)):
        ti = t0 + dt.timedelta(minutes=5 * (i + 1) + w.rng.randint(0, 2))
        val = w.rng.randint(39, 54)
        d.f("OBX|«i»|NM|97507-8^Glucose CGM^LN||«v»|mg/dL|70-180|LL|||F|||«t»||||«tx»\n",
            i=i + 1, v=val, t=P(ti.strftime("%Y%m%d%H%M%S"), "date"), tx=P(tx, "device_id"))
    d.add(code_close(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add("\nACK returned by the EHR:\n")
    d.add(code_open(layout))
    d.f("MSH|^~\\&|EPIC|«fc»|CORVANELINK|CVN|«ts»||ACK^R01|«c»|P|2.5.1\nMSA|AE|GW«m»|OBX-5 value outside reportable range\n"
        "ERR|^^^207&Application internal error&HL70357\n", fc=fc, ts=X(w.ts(hl7=True), "message_date"),
        c="ACK" + w.digits(6), m=w.digits(8))
    d.add(code_close(layout))
    d.add("\n" + h2(layout, "Notes"))
    d.f("* The reportable-range table on the EHR side is 55-400; our CGM range is 40-400.\n"
        "* Proposed fix: send LL values with OBX-8 'LL' and OBX-5 as '<55' per the interface spec v3, section 4.2.\n"
        "* «who» to confirm with the «fac» interface team.\n", who=X(asg, "staff_name"), fac=X(fac, "facility"))
    return d


@T("jira_hl7", "adt_a04_rpm_enroll", ["jira_wiki", "jira_plain"])
def t_adt_a04_rpm_enroll(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES)
    fc = FAC_CODES[fac]
    child = w.chance(0.5)
    p = w.person(age_range=(4, 16) if child else (30, 84))
    rep, asg = w.staff(), w.staff()
    jira_head(d, w, layout, w.jira_key("RMON"),
              "ADT^A04 from clinic creates duplicate CorvaneLink patient when NK1 present", rep, asg)
    d.add(h2(layout, "Steps"))
    d.add("1. Clinic registers the patient for remote monitoring (A04).\n"
          "2. Gateway creates the platform patient and links the pump.\n"
          "3. A second A04 with the same PID-3 but a new NK1 creates a second platform record.\n\n")
    d.add(h2(layout, "Message"))
    d.add(code_open(layout, "none") if layout.endswith("wiki") else "----- message -----\n")
    d.add(msh(w, "ADT^A04^ADT_A01", fc, sending="EPIC^EPIC", recv="CORVANELINK"))
    d.f("EVN|A04|«ts»\n", ts=X(w.ts(hl7=True), "message_date"))
    addr = w.address()
    ph = w.phone_parts()
    d.add(pid_seg(w, p, w.mrn(), fc, addr=addr, phone=ph, acct=w.account() if w.chance(0.5) else None,
                  ssn=w.ssn() if w.chance(0.6) else None))
    if child:
        par = w.relative(p, age_range=(30, 50))
        rel = "MTH^Mother" if par.sex == "F" else "FTH^Father"
        pa, pe, pl = w.phone_parts()
        d.f("NK1|1|«n»|«rel»^HL70063|||^PRN^CP^^1^«a»^«l»\n", n=P(par.hl7(mid=False)), rel=rel,
            a=P(pa, "phone"), l=P(pe + pl, "phone"))
    else:
        par = w.relative(p, age_range=(30, 70), same_family=0.4)
        d.f("NK1|1|«n»|«rel»^HL70063|||^PRN^PH^^1^«a»^«l»\n", n=P(par.hl7(mid=False)),
            rel=w.pick(["SPO^Spouse", "DAU^Daughter", "SIS^Sister"] if par.sex == "F" else ["SPO^Spouse", "SON^Son", "BRO^Brother"]),
            a=P(ph[0], "phone"), l=P(w.phone_parts()[1] + w.digits(4, False), "phone"))
    d.f("PV1|1|O|RPM^^^«fc»||||||||||||||||«visit»\n", fc=fc, visit=P("V" + w.digits(9), "other_id"))
    d.f("OBX|1|ST|CVN-DEV^Device serial^L||«sn»||||||F\n", sn=P(w.pump_sn(), "device_id"))
    d.add(code_close(layout, "none") if layout.endswith("wiki") else "----- end -----\n")
    d.add("\n" + h2(layout, "Expected"))
    d.add("Second A04 should update NK1 on the existing platform record (match on PID-3 + assigning authority).\n")
    d.add(h2(layout, "Log"))
    d.add(code_open(layout) if layout.endswith("wiki") else "")
    d.add(engine_log(w, w.rng.randint(6, 14), [
        f"WARN  [adt-worker-2] c.c.rmon.PatientMatcher - no match on "
        f"(mrn, authority)=(***, {fc}); creating new platform patient\n"], svc="rmon-adt"))
    d.add(code_close(layout) if layout.endswith("wiki") else "")
    return d


# ================================================================ support_ticket
def ticket_head(d, w, layout, num, subj, requester_seg, group, agent):
    if layout == "servicenow":
        d.f("Case «n»    Priority: «pr»    State: «st»\nAccount: Consumer - US    Contact: «c»\n"
            "Assignment group: «g»    Assigned to: «a»\nShort description: «s»\n\n",
            n=num, pr=w.pick(["2 - High", "3 - Moderate", "1 - Critical"]), st=w.pick(["Work in Progress", "New", "Awaiting Info"]),
            c=requester_seg, g=group, a=X(agent, "staff_name"), s=subj)
    elif layout == "zendesk":
        d.f("#«n» «s»\nRequester: «c»    Status: «st»    Group: «g»    Assignee: «a»\n"
            "Tags: «tags»\n\n", n=num, s=subj, c=requester_seg, st=w.pick(["Open", "Pending", "On-hold"]), g=group,
            a=X(agent, "staff_name"), tags=" ".join(w.rng.sample(["pump", "alarm", "rma", "cgm", "urgent", "mdr_review", "app", "shipping"], 3)))
    elif layout == "jsm":
        d.f("«n» | «s»\nRequest type: Patient device issue    Status: «st»\nRaise on behalf of: «c»\nAssignee: «a»   Queue: «g»\n\n",
            n=num, s=subj, c=requester_seg, st=w.pick(["Waiting for support", "In progress", "Escalated"]),
            a=X(agent, "staff_name"), g=group)
    else:  # freshdesk
        d.f("Ticket «n» — «s»\nContact: «c»\nPriority: «pr» | Status: «st» | Group: «g» | Agent: «a»\n\n",
            n=num, s=subj, c=requester_seg, pr=w.pick(["Urgent", "High", "Medium"]), st=w.pick(["Open", "Pending"]),
            g=group, a=X(agent, "staff_name"))


@T("support_ticket", "pump_hypo_complaint_call", ["servicenow", "zendesk"])
def t_pump_hypo_call(w, layout):
    d = Doc()
    p = w.person(age_range=(19, 80))
    agent = w.staff()
    ev = w.recent(1, 9)
    sn = w.pump_sn()
    st, c, s, z = w.address()
    ph = w.phone()
    bg = w.rng.randint(31, 52)
    num = ("CS" if layout == "servicenow" else "") + w.digits(7)
    ticket_head(d, w, layout, num, f"Aria 7 pump - delivered bolus not matching history, severe low", P(p.full()),
                "Pump Tier 2", agent)
    dob_style = w.pick(US_STYLES)
    d.f("Caller: «n» (patient)\nDOB: «dob»\nCallback: «ph»\nPump: Aria 7, SN «sn», firmware «fw»\n"
        "Insulin: «med»    Dx: «dx»\n\n",
        n=P(p.full()), dob=P(fdate(p.dob, dob_style), "date"), ph=P(ph, "phone"), sn=P(sn, "device_id"),
        fw=f"7.{w.rng.randint(2, 4)}.{w.rng.randint(0, 19)}", med=X(w.pick(MEDS[:3] + [MEDS[9]]), "medication"),
        dx=X(w.pick(CONDITIONS[:2]), "condition"))
    d.f("Caller states that on «ev» around «hh» a correction bolus of «u» U was delivered although the bolus "
        "screen showed «u2» U. BG dropped to «bg» mg/dL about 40 min later; «pr» treated with juice and "
        "«gl». «ed»\nNo injury beyond the low, no hospital admission. Pump history uploaded to CorvaneLink.\n\n",
        ev=P(fdate(ev, w.pick(["long", "us", "mon"])), "date"), hh=f"{w.rng.randint(1, 11)}:{w.rng.randint(0, 59):02d} pm",
        u=f"{w.rng.randint(3, 9)}.{w.rng.randint(0, 9)}", u2=f"{w.rng.randint(1, 2)}.{w.rng.randint(0, 9)}", bg=bg,
        pr=p.pron()[0], gl=X("glucose tabs", "medication"),
        ed=w.pick(["Spouse called 911; EMS checked and released on scene.", "Went to urgent care, released same night.",
                   "Did not seek care."]))
    d.f("Replacement shipment address (verified with caller):\n«st»\n«c», «s» «z»\n\n",
        st=P(st, "street_address"), c=P(c, "street_address"), s=X(s, "state"), z=P(z, "zip_code"))
    if layout == "servicenow":
        d.f("Work notes (internal) - «a»:\nPossible MDR - hypoglycemia requiring third-party assistance? Routed to "
            "complaint handling as «cmp». RMA «rma» created, overnight ship, return kit included.\n",
            a=X(agent, "staff_name"), cmp=X(w.complaint_no(), "complaint_number"), rma=X(w.rma_no(), "rma_number"))
    else:
        d.f("----\nInternal note by «a»\nComplaint «cmp» opened (MDR review = yes). RMA «rma» - UPS Next Day Air.\n"
            "Macro 'Pump replacement - hypo event' applied.\n", a=X(agent, "staff_name"),
            cmp=X(w.complaint_no(), "complaint_number"), rma=X(w.rma_no(), "rma_number"))
    return d


def age_seg(a, fmt="{}"):
    s = fmt.format(a)
    return P(s, "age_over_89") if a >= 90 else s


def addr_inline(addr, sep=", "):
    st, c, s, z = addr
    return [P(st, "street_address"), sep, P(c, "street_address"), ", ", X(s, "state"), " ", P(z, "zip_code")]


TEST_PATIENTS = ["ZZTEST, ALPHA", "ZZTEST, BRAVO", "ZZTEST, CHARLIE", "Test Patient", "ZZZ-TEST, PUMPONE",
                 "TEST, CGMUSER", "Testpatient, Eins"]


@T("jira_hl7", "idc_oru_paceart_import", ["jira_wiki", "jira_md"])
def t_idc_oru(w, layout):
    d = Doc()
    fac = w.pick(["Northgate Electrophysiology Clinic", "Prairie Ridge Cardiology", "Granite Falls Heart & Vascular"])
    fc = FAC_CODES[fac]
    p = w.person(age_range=(55, 96))
    rep, asg = w.staff(), w.staff()
    dev_icd = w.chance(0.5)
    model = w.pick(["Sentinel VR SVR-410", "Sentinel DR SDR-420", "Sentinel CRT-D SCR-450"]) if dev_icd else \
        w.pick(["Cadence DR CDR-210", "Cadence SR CSR-110"])
    sn = model.split()[-1][:3] + w.digits(6)
    imp = w.implant_date()
    lead_imp = imp if w.chance(0.7) else imp - dt.timedelta(days=w.rng.randint(400, 1500))
    interrog = w.recent(1, 12)
    jira_head(d, w, layout, w.jira_key("GW"),
              "RhythmVault IDC ORU: lead implant date sent as TS, clinic import rejects OBX 8", rep, asg)
    d.add(h2(layout, "Description"))
    d.f("Remote interrogations from «fac» fail to import into their device-clinic system since the "
        "IDC mapping change in RV «v». OBX with MDC_IDC_LEAD_IMPLANT_DT is typed TS instead of DT. "
        "Sample from the outbound queue (transmission received «rx»):\n\n",
        fac=X(fac, "facility"), v=f"2.{w.rng.randint(3, 8)}.{w.rng.randint(0, 20)}",
        rx=X(w.ts(interrog), "message_date"))
    d.add(code_open(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add(msh(w, "ORU^R01^ORU_R01", fc, sending="RHYTHMVAULT^CVN", recv="PACEART"))
    d.add(pid_seg(w, p, w.mrn(), fc))
    t_int = w.ts(interrog, hl7=True)
    d.f("OBR|1||RV«o»|CVN-IDC^Remote interrogation^L|||«t»\n", o=w.digits(9), t=P(t_int, "date"))
    rows = [("720897", "MDC_IDC_DEV_MDL", "ST", X(model, "device_model"), ""),
            ("720898", "MDC_IDC_DEV_SERIAL", "ST", P(sn, "device_id"), ""),
            ("720900", "MDC_IDC_DEV_IMPLANT_DT", "DT", P(fdate(imp, "hl7"), "date"), ""),
            ("721024", "MDC_IDC_BATTERY_VOLTAGE", "NM", f"{w.rng.uniform(2.7, 3.1):.2f}", "V"),
            ("721030", "MDC_IDC_BATTERY_RRT_TRIGGER", "ST", "RRT not reached", ""),
            ("721153", "MDC_IDC_LEAD_SERIAL", "ST", P(w.lead_sn(), "device_id"), ""),
            ("721155", "MDC_IDC_LEAD_IMPLANT_DT", "TS", P(fdate(lead_imp, "hl7") + "000000", "date"), ""),
            ("721307", "MDC_IDC_MSMT_LEADCHNL_RV_IMPEDANCE", "NM", str(w.rng.randint(380, 760)), "Ohm"),
            ("721310", "MDC_IDC_MSMT_LEADCHNL_RV_SENSING", "NM", f"{w.rng.uniform(6, 14):.1f}", "mV"),
            ("721412", "MDC_IDC_STAT_BRADY_RV_PERCENT_PACED", "NM", str(w.rng.randint(1, 99)), "%")]
    if dev_icd:
        rows.append(("721520", "MDC_IDC_STAT_EPISODE_VT_COUNT", "NM", str(w.rng.randint(0, 4)), ""))
    for i, (code, name, typ, val, unit) in enumerate(rows, 1):
        d.add(f"OBX|{i}|{typ}|{code}^{name}^MDC||", val, f"|{unit}|||||F\n")
    d.add(code_close(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add("\n" + h2(layout, "Analysis"))
    d.f("IDC nomenclature v1.1 says *_IMPLANT_DT is a date. Our mapper uses the lead record's timestamp column. "
        "Fix in `IdcObxMapper.kt`: format with `yyyyMMdd` and type DT. «a» has a branch.\n",
        a=X(asg, "staff_name"))
    return d


@T("jira_hl7", "mllp_reset_long_log", ["jira_wiki", "jira_plain"])
def t_mllp_long(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES)
    fc = FAC_CODES[fac]
    p = w.person()
    rep, asg, third = w.staff(), w.staff(), w.staff()
    jira_head(d, w, layout, w.jira_key("GW"),
              f"MLLP connection to {fc} resets every ~20 min; one message stuck in retry", rep, asg)
    d.add(h2(layout, "Description"))
    d.f("Since the firewall change on the «fac» side (their CHG ticket, not ours) the outbound MLLP session "
        "drops with ECONNRESET roughly every 20 minutes. Most messages are resent on the next session and "
        "ACKed. One ORU keeps failing because the retry re-parses it and trips on a bad escape in NTE. "
        "Excerpt of gw-egress on node «ip»:\n\n", fac=X(fac, "facility"), ip=w.ip_private())
    d.add(code_open(layout) if layout.endswith("wiki") else "")
    pidline = ["ERROR [retry-1] c.c.gw-egress.Hl7Parser - cannot parse segment 2 of GW", w.digits(8),
               ": EncodingNotSupported near '\\\\X0D\\\\' in: ", pid_seg(w, p, w.mrn(), fc)]
    pidline[-1] = pidline[-1][:-1] + ["\n"]
    mids = [f"WARN  [io-3] c.c.gw-egress.MllpClient - connection reset by peer {w.ip_private()}:6661 (ECONNRESET)\n",
            pidline,
            f"INFO  [io-3] c.c.gw-egress.MllpClient - reconnect attempt 1 to {fc}:6661\n",
            f"INFO  [io-3] c.c.gw-egress.MllpClient - session established in {w.rng.randint(40, 400)}ms\n",
            f"WARN  [retry-1] c.c.gw-egress.RetryQueue - message moved to DLQ after 5 attempts\n"]
    d.add(engine_log(w, w.rng.randint(45, 65), mids, svc="gw-egress"))
    d.add(code_close(layout) if layout.endswith("wiki") else "")
    d.add("\n" + h2(layout, "Comments"))
    d.f("«a»: The reset is on their side; pcap shows an RST from their load balancer after 1200s idle. "
        "Asked for keepalive or a longer idle timeout.\n\n«b»: The DLQ message is a separate bug: NTE had a raw CR. "
        "Opened a sub-task. Please don't replay from the DLQ until the parser fix is deployed.\n",
        a=X(asg, "staff_name"), b=X(third, "staff_name"))
    return d


@T("jira_hl7", "adt_a08_address_rma", ["jira_md", "jira_plain"])
def t_a08_address(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES)
    fc = FAC_CODES[fac]
    p = w.person(age_range=(22, 88))
    rep, asg = w.staff(), w.staff()
    old, new = w.address(), w.address()
    jira_head(d, w, layout, w.jira_key("RMON"),
              "A08 address change not applied to RMA ship-to; sensors shipped to the old address", rep, asg)
    d.add(h2(layout, "What happened"))
    d.f("Clinic sent an A08 with the new home address on «dd». CorvaneLink updated the demographics tab, "
        "but the sensor auto-ship order (RMA-less replenishment) still used the cached ship-to "
        "«old». Customer support caught it when the patient called.\n\n",
        dd=X(w.ts(w.recent(3, 12))[:10], "message_date"), old=addr_inline(old))
    d.add(code_open(layout, "hl7") if layout.endswith("md") else "-- A08 --\n")
    d.add(msh(w, "ADT^A08^ADT_A01", fc, sending="EPIC^EPIC", recv="CORVANELINK"))
    d.f("EVN|A08|«ts»\n", ts=X(w.ts(hl7=True), "message_date"))
    d.add(pid_seg(w, p, w.mrn(), fc, addr=new, phone=w.phone_parts(), ssn=w.ssn() if w.chance(0.5) else None))
    d.f("PD1|||«fac»^^«fc»\n", fac=X(fac, "facility"), fc=fc)
    d.add(code_close(layout, "hl7") if layout.endswith("md") else "-- end --\n")
    d.add("\n" + h2(layout, "Root cause"))
    d.add("ShipToResolver reads `patient_address_snapshot` which is only refreshed on A04/A28. "
          "A08 handler writes `patient_address` only. Fix: publish AddressChanged from the A08 handler and "
          "invalidate the snapshot.\n")
    return d


@T("jira_hl7", "vitaview_oru_vitals", ["jira_wiki", "jira_md"])
def t_vitaview_oru(w, layout):
    d = Doc()
    fac = w.pick(["St. Brendan Regional Medical Center", "Bayou Crescent Medical Center", "Cedar Hollow Community Hospital"])
    fc = FAC_CODES[fac]
    p = w.person(age_range=(30, 97))
    rep, asg = w.staff(), w.staff()
    att = w.clinician()
    admit = w.recent(1, 6)
    jira_head(d, w, layout, w.jira_key("PMON"),
              "VitaView 12 ORU: heart rate OBX duplicated after central station failover", rep, asg)
    d.add(h2(layout, "Description"))
    d.f("After failover of the «fac» central station to the standby server, each HR result is sent twice "
        "with the same OBX-14 but a different OBX-4 sub-id. EHR flowsheet shows duplicates. Monitor «bed» "
        "(serial «sn») on unit «unit».\n\n", fac=X(fac, "facility"), bed=f"bed {w.rng.randint(1, 24)}",
        sn=X(w.monitor_sn(), "device_serial"), unit=w.pick(["4 West ICU", "CVICU", "Step-down 3B", "MICU"]))
    d.add(code_open(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add(msh(w, "ORU^R01^ORU_R01", fc, sending="VITAVIEW^CVN", recv="EPIC"))
    d.add(pid_seg(w, p, w.mrn(), fc, acct=w.account() if w.chance(0.6) else None))
    at = att.replace("Dr. ", "").split()
    adm_ts = dt.datetime(admit.year, admit.month, admit.day, w.rng.randint(0, 23), w.rng.randint(0, 59))
    d.f("PV1|1|I|«u»^«b»^1^«fc»||||«att»|||||||||||«vis»|||||||||||||||||||||||||«adm»\n",
        u=w.pick(["4WICU", "CVICU", "SD3B"]), b=w.rng.randint(1, 24), fc=fc,
        att=X(f"{w.digits(10)}^{at[-1].upper()}^{at[0].upper()}", "staff_name"),
        vis=P(w.digits(10), "other_id"), adm=P(adm_ts.strftime("%Y%m%d%H%M"), "date"))
    obs = w.recent(0, 0) if False else admit + dt.timedelta(days=w.rng.randint(0, 2))
    t0 = dt.datetime(obs.year, obs.month, obs.day, w.rng.randint(0, 23), w.rng.randint(0, 59))
    d.f("OBR|1||VV«o»|CVN-VS^Vital signs^L|||«t»\n", o=w.digits(8), t=P(t0.strftime("%Y%m%d%H%M%S"), "date"))
    hr = w.rng.randint(58, 128)
    tt = P(t0.strftime("%Y%m%d%H%M%S"), "date")
    for i, (code, nm, v, u) in enumerate([("8867-4", "Heart rate", hr, "/min"), ("8867-4", "Heart rate", hr, "/min"),
                                          ("59408-5", "SpO2", w.rng.randint(88, 100), "%"),
                                          ("9279-1", "Resp rate", w.rng.randint(12, 28), "/min")], 1):
        d.f("OBX|«i»|NM|«c»^«n»^LN|«s»|«v»|«u»|||||F|||«t»\n", i=i, c=code, n=nm, s=f"1.{i}", v=v, u=u,
            t=P(t0.strftime("%Y%m%d%H%M%S"), "date"))
    d.add(code_close(layout, "none" if layout.endswith("wiki") else "hl7"))
    d.add("\n" + h2(layout, "Suspected cause"))
    d.add("Standby server replays the last 60 s buffer on promotion without a de-dup key. "
          "Proposal: key = (device serial, parameter, OBX-14) and drop repeats in the ORU builder.\n")
    return d


@T("jira_hl7", "ack_ae_comment_short", ["jira_wiki", "jira_md"])
def t_ack_short(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES)
    fc = FAC_CODES[fac]
    p = w.person()
    a, b = w.staff(), w.staff()
    if layout.endswith("wiki"):
        d.f("[~«h»] this is the one that keeps coming back AE from «fc», PID-7 looks fine to me?\n{noformat}\n",
            h=X(w.handle(a), "staff_name"), fc=fc)
    else:
        d.f("@«h» this one keeps getting AE from «fc» - PID-7 looks fine?\n```\n", h=X(w.handle(a), "staff_name"), fc=fc)
    p_dob = fdate(p.dob, "hl7")
    d.add(["PID|1||", P(w.mrn(), "mrn"), f"^^^{fc}^MR||", P(p.hl7()), "||", P(p_dob, "date"), f"|{p.sex}\n"])
    d.f("MSA|AE|GW«c»|PID-7 birth date after admit date\n", c=w.digits(8))
    d.add("{noformat}\n" if layout.endswith("wiki") else "```\n")
    d.f("\n— «b»: PV1-44 on the A04 was «why». Not the DOB. Will fix the mapping.\n",
        b=X(b, "staff_name"), why=w.pick(["empty and defaulted to 00000000", "set from the device pairing time",
                                           "in UTC and crossed midnight"]))
    return d


# ================================================================ confluence_table
def conf_head(d, layout, title, space, author, intro):
    if layout == "conf_html":
        d.f("<h1>«t»</h1>\n<p><em>Space: «sp» · Owner: «a»</em></p>\n<p>«i»</p>\n", t=title, sp=space, a=author, i=intro)
    elif layout == "conf_md":
        d.f("# «t»\n\n_Space: «sp» · Owner: «a»_\n\n«i»\n\n", t=title, sp=space, a=author, i=intro)
    elif layout == "excel":
        d.f("«t»\nOwner: «a»\n«i»\n\n", t=title, a=author, i=intro)
    else:
        d.f("h1. «t»\n{info}Space: «sp» | Owner: «a»{info}\n«i»\n\n", t=title, sp=space, a=author, i=intro)


@T("confluence_table", "warranty_registration_export", ["conf_wiki", "conf_html", "conf_md"])
def t_warranty_export(w, layout):
    d = Doc()
    own = w.staff()
    conf_head(d, layout, "Warranty registrations - import exceptions " + w.now.strftime("%Y-%m-%d"), "CSUP",
              X(own, "staff_name"),
              "Rows from the nightly warranty-card import (web form + paper cards keyed by the mailroom) that "
              "failed address validation. Please fix in Salesforce and tick the row.")
    rows = []
    for _ in range(w.rows(4, 8)):
        p = w.person(age_range=(8, 88))
        st, c, s, z = w.address()
        prod = w.pick(["Aria 7 pump", "Lumen G3 transmitter", "Aria 7 pump", "CorvaneLink Hub"])
        sn = {"Aria 7 pump": w.pump_sn, "Lumen G3 transmitter": w.tx_sn, "CorvaneLink Hub": w.hub_sn}[prod]()
        rows.append([P(p.lf()), P(fdate(p.dob, "us"), "date"), [P(st, "street_address"), ", ", P(c, "street_address")],
                     X(s, "state"), P(z, "zip_code"), prod, P(sn, "device_id"),
                     w.pick(["ZIP/city mismatch", "PO box not allowed", "missing unit", "USPS: address not found", "duplicate registration"]),
                     w.pick(["(/)", "(x)", ""]) if layout == "conf_wiki" else w.pick(["done", "open", ""])])
    table(d, layout, ["Name", "DOB", "Address", "State", "ZIP", "Product", "Serial", "Exception", "Fixed"], rows)
    d.add("\nQuestions: #csup-warranty on Slack.\n")
    return d


@T("confluence_table", "rma_replacement_tracker", ["conf_wiki", "conf_md"])
def t_rma_tracker(w, layout):
    d = Doc()
    own = w.staff()
    conf_head(d, layout, f"RMA replacements - week {w.now.isocalendar()[1]}", "RMA", X(own, "staff_name"),
              "Replacement units shipped direct to patients' homes this week. Returned units go to FA lab in Building 2.")
    rows = []
    for _ in range(w.rows(3, 7)):
        p = w.person()
        st, c, s, z = w.address()
        old, new = w.pump_sn(), w.pump_sn()
        rows.append([X(w.rma_no(), "rma_number"), P(p.full()), [P(st, "street_address"), ", ", P(c, "street_address"), " ",
                     X(s, "state"), " ", P(z, "zip_code")], P(w.phone(), "phone"), P(old, "device_id"), P(new, "device_id"),
                     X("1Z" + w.alnum(16, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"), "tracking_number"),
                     w.pick(["occlusion alarm", "cracked cartridge door", "button unresponsive", "battery cap loose",
                             "motor error 41"])])
    table(d, layout, ["RMA", "Patient", "Ship to", "Phone", "Returned SN", "Replacement SN", "UPS", "Reason"], rows)
    return d


@T("confluence_table", "mdr_triage_board", ["conf_wiki", "conf_html"])
def t_mdr_triage(w, layout):
    d = Doc()
    own = w.staff()
    conf_head(d, layout, "MDR reportability triage - open items", "QMS", X(own, "staff_name"),
              "30-day clock starts at awareness date. Patient identifiers are initials + age per the MedWatch 3500A "
              "section A; full demographics stay in the complaint record.")
    rows = []
    n = w.rows(4, 7)
    old = w.rng.randrange(n) if w.chance(0.6) else -1
    for i in range(n):
        p = w.person(age_range=(90, 98) if i == old else (6, 88))
        ev = w.recent(3, 40)
        aw = ev + dt.timedelta(days=w.rng.randint(0, 5))
        prod = w.pick(["Aria 7", "Lumen G3", "Sentinel VR", "Cadence DR"])
        sn = {"Aria 7": w.pump_sn, "Lumen G3": w.tx_sn, "Sentinel VR": w.icd_sn, "Cadence DR": w.pm_sn}[prod]()
        a = w.age(p, ev)
        rows.append([X(w.complaint_no(), "complaint_number"), P(p.initials(dots=w.chance(0.4))), age_seg(a), p.sex,
                     P(fdate(ev, "iso"), "date"), X(fdate(aw, "iso"), "awareness_date"), prod, P(sn, "device_id"),
                     X(w.pick({"Aria 7": ["severe hypoglycemia", "DKA", "hyperglycemia >400"],
                               "Lumen G3": ["severe hypoglycemia", "missed low alert"],
                               "Sentinel VR": ["inappropriate shock", "syncope"],
                               "Cadence DR": ["loss of capture", "syncope"]}[prod]), "condition"),
                     w.pick(["Reportable - 30 day", "Not reportable", "Pending FA", "Reportable - 5 day"])])
    table(d, layout, ["Complaint", "Pt initials", "Age", "Sex", "Event date", "Aware", "Product", "Serial", "Event", "Decision"], rows)
    return d


@T("confluence_table", "rpm_enrollment_roster", ["conf_html", "conf_md"])
def t_rpm_roster(w, layout):
    d = Doc()
    own = w.staff()
    fac = w.pick(FACILITIES)
    with_link = w.chance(0.5)
    conf_head(d, layout, f"CorvaneLink RPM pilot - {fac} enrollment", "RMON", X(own, "staff_name"),
              "Roster shared by the clinic coordinator for go-live. Used to pre-create platform accounts.")
    rows = []
    for _ in range(w.rows(4, 8)):
        p = w.person(age_range=(40, 94))
        en = w.recent(5, 40)
        pid = w.platform_id()
        rows.append([P(pid, "other_id"), P(w.mrn(), "mrn"), P(p.full()), P(fdate(p.dob, "iso"), "date"),
                     w.pick(["Sentinel VR", "Cadence DR", "Lumen G3 + Aria 7", "VitaView home kit"]),
                     P(w.hub_sn(), "device_id"), P(fdate(en, "iso"), "date"), P(w.email(p), "email") if w.chance(0.6) else "-",
                     P(f"https://clinic.corvanelink.example/patients/{pid}/summary", "url") if with_link else None])
        if not with_link:
            rows[-1].pop()
    table(d, layout if layout == "conf_md" else "html",
          ["Platform ID", "MRN", "Patient", "DOB", "Device", "Hub serial", "Enrolled", "Portal email"] + (["Clinic link"] if with_link else []), rows)
    d.add("\nCoordinator: ", X(w.nurse(), "staff_name"), "\n")
    return d


@T("confluence_table", "advisory_outreach_status", ["conf_wiki", "excel"])
def t_advisory_outreach(w, layout):
    d = Doc()
    own = w.staff()
    conf_head(d, layout, "FSN-2026-03 Sentinel battery advisory - patient outreach status", "FIELD",
              X(own, "staff_name"),
              "Clinics without their own outreach asked us to call patients directly. Script v2. Do not leave device "
              "details on voicemail.")
    rows = []
    for _ in range(w.rows(5, 9)):
        p = w.person(age_range=(58, 95))
        imp = w.implant_date()
        rows.append([P(p.lf()), P(w.phone(), "phone"), P(w.icd_sn(), "device_id"), P(fdate(imp, "us"), "date"),
                     X(w.clinician(), "staff_name"), X(w.pick(FACILITIES[3:]), "facility"),
                     w.pick(["reached - appt booked", "voicemail x2", "wrong number", "deceased per family", "reached - declined"])])
    table(d, "tsv" if layout == "excel" else layout,
          ["Patient", "Phone", "Serial", "Implant date", "Following physician", "Clinic", "Status"], rows)
    return d


@T("confluence_table", "design_page_one_prod_row", ["conf_md", "conf_wiki"])
def t_design_page(w, layout):
    d = Doc()
    own, rev = w.staff(), w.staff()
    wiki = layout == "conf_wiki"
    hh = (lambda s: f"h2. {s}\n") if wiki else (lambda s: f"## {s}\n")
    conf_head(d, layout, "Complaint intake data model v3 (design)", "QMS", X(own, "staff_name"),
              "Replaces the v2 intake schema used by the Salesforce-to-TrackWise bridge. Reviewed by QA/RA.")
    d.add(hh("Goals"))
    d.add("* One complaint record per reported event, many product lines per complaint.\n"
          "* Keep patient demographics out of the analytics replica (views expose age band only).\n"
          "* MDR decision fields versioned; 21 CFR 803 clocks computed from `aware_date`.\n\n")
    d.add(hh("Fields"))
    fields = [("complaint_no", "varchar(16)", "CMP-YYYY-NNNNNN"), ("aware_date", "date", "first awareness by any employee"),
              ("event_date", "date", "date of the adverse event"), ("patient_ref", "uuid", "FK to patient vault"),
              ("age_band", "varchar(8)", "0-17, 18-44, 45-64, 65-79, 80+"), ("product_code", "varchar(12)", "FRN, LZG, NVZ ..."),
              ("serial_no", "varchar(20)", "device serial, nullable for sensors"), ("lot_no", "varchar(12)", "sensor / infusion set lot"),
              ("mdr_decision", "enum", "REPORTABLE_5D, REPORTABLE_30D, NOT_REPORTABLE, PENDING")]
    table(d, "wiki" if wiki else "md", ["Field", "Type", "Notes"], [list(f) for f in fields])
    d.add("\n" + hh("Sample records (from UAT)"))
    rows = []
    tps = w.rng.sample(TEST_PATIENTS, 3)
    real_at = w.rng.randint(1, 3)
    for i in range(4):
        if i == real_at:
            p = w.person()
            ev = w.recent(20, 90)
            rows.append([X(w.complaint_no(), "complaint_number"), P(p.full()), P(fdate(p.dob, "iso"), "date"),
                         P(fdate(ev, "iso"), "date"), P(w.phone("dash"), "phone"), P(w.pump_sn(), "device_id"),
                         X(w.lot("set"), "lot_number"), "PENDING"])
        else:
            tp = tps.pop()
            rows.append([X(w.complaint_no(), "complaint_number"), X(tp, "test_patient"), X("1950-01-01", "test_value"),
                         X(fdate(w.recent(1, 30), "iso"), "test_value"), f"614-555-01{w.rng.randint(10, 99)}",
                         "AR7000000" + str(i), X(w.lot("set"), "lot_number"), w.pick(["NOT_REPORTABLE", "REPORTABLE_30D"])])
    table(d, "wiki" if wiki else "md", ["complaint_no", "patient", "dob", "event_date", "phone", "serial_no", "lot_no", "mdr_decision"], rows)
    d.add("\n" + hh("Open questions"))
    num = "# " if wiki else "1. "
    d.f(num + "Do we keep `serial_no` for disposable sensors? (RA says yes for lot traceability.)\n" + num +
        "Retention: 2 years after device end of life per QSR / ISO 13485 4.2.5.\n\n"
        "_«r»: row 2/3 above looks like a real complaint pulled from prod, not UAT - please swap it for a ZZTEST row._\n",
        r=X(rev, "staff_name"))
    d.add("\n" + hh("Change log"))
    for k in range(3):
        d.f("* «dd» «who» - «what»\n", dd=(w.now - dt.timedelta(days=10 * (3 - k))).isoformat(), who=X(w.pick([own, rev]), "staff_name"),
            what=["initial draft", "added lot_no, age_band", "review comments"][k])
    return d


@T("confluence_table", "hypo_escalation_review", ["conf_wiki", "conf_html"])
def t_hypo_review(w, layout):
    d = Doc()
    own = w.staff()
    q = (w.now.month - 1) // 3 + 1
    conf_head(d, layout, f"Severe hypoglycemia escalations - Q{q} review", "SAFETY", X(own, "staff_name"),
              "Escalations where the patient needed third-party help. Older adults are over-represented; see rows "
              "flagged for the geriatric alert-threshold discussion.")
    rows = []
    n = w.rows(5, 8)
    old_rows = set(w.rng.sample(range(n), 2))
    for i in range(n):
        p = w.person(age_range=(90, 99) if i in old_rows else (25, 85))
        ev = w.recent(10, 80)
        c, s, z = w.city()
        rows.append([X(w.complaint_no(), "complaint_number"), P(p.full()), age_seg(w.age(p, ev)),
                     [P(c, "street_address"), ", ", X(s, "state")], P(fdate(ev, "dmon"), "date"), P(w.pump_sn(), "device_id"),
                     f"{w.rng.randint(24, 49)} mg/dL", w.pick(["EMS, no transport", "ED visit", "admitted 1 night", "family assisted"]),
                     X(w.staff(), "staff_name")])
    table(d, "html" if layout == "conf_html" else "wiki",
          ["Complaint", "Patient", "Age", "Residence", "Event", "Pump SN", "Nadir", "Outcome", "Owner"], rows)
    d.add("\nAction: SAFETY to propose a 90+ default low-alert of 80 mg/dL (currently 70).\n")
    return d


# ================================================================ support_ticket (continued)
@T("support_ticket", "cgm_sensor_early_failure", ["zendesk", "freshdesk"])
def t_cgm_sensor(w, layout):
    d = Doc()
    p = w.person(age_range=(14, 75))
    agent = w.staff()
    em = w.email(p)
    ticket_head(d, w, layout, w.digits(6), "Sensor failed on day 4 - 'Sensor error, replace sensor'",
                [P(p.full()), " <", P(em, "email"), ">"], "CGM Support", agent)
    ins = w.recent(3, 12)
    d.f("«nm» wrote:\nHi, my Lumen G3 sensor died after 4 days again. This is the third one this month. "
        "I inserted it on «ins» on the back of my arm like always. Sensor serial «ss», transmitter «tx». "
        "App says version «app» on my «ph».\nCan you send replacements? Same address as last time.\n\n",
        nm=P(p.given), ins=P(fdate(ins, w.pick(["us_nopad", "long", "mon"])), "date"), ss=P(w.sensor_sn(), "device_id"),
        tx=P(w.tx_sn(), "device_id"), app=f"3.{w.rng.randint(4, 9)}.{w.rng.randint(0, 30)}",
        ph=w.pick(["iPhone 15", "Pixel 8", "Galaxy S23", "iPhone 13 mini"]))
    st, c, s, z = w.address()
    d.f("--- internal note («a») ---\nLot «lot» is on the watch list (adhesive). Replacement x3 sensors approved. "
        "Ship-to on file: «st», «c», «s» «z».\nNo injury reported; not MDR reportable per decision tree Q4=No.\n",
        a=X(agent, "staff_name"), lot=X(w.lot("sensor"), "lot_number"), st=P(st, "street_address"),
        c=P(c, "street_address"), s=X(s, "state"), z=P(z, "zip_code"))
    d.f("\n--- reply sent ---\nHi «nm», sorry about that! Three replacement sensors are on the way (2-3 business days). "
        "Please keep the failed sensor for 30 days in case we ask for it back.\n— «a», Corvane CGM Support\n",
        nm=P(p.given), a=X(agent.split()[0], "staff_name"))
    return d


@T("support_ticket", "caregiver_pediatric_occlusion", ["servicenow", "zendesk"])
def t_caregiver_peds(w, layout):
    d = Doc()
    kid = w.person(age_range=(3, 13))
    par = w.relative(kid, age_range=(28, 48))
    agent = w.staff()
    ph = w.phone()
    rel = "mother" if par.sex == "F" else "father"
    ticket_head(d, w, layout, ("CS" if layout == "servicenow" else "") + w.digits(7),
                "Repeated occlusion alarms overnight - pediatric", [P(par.full()), f" ({rel})"], "Pump Tier 2", agent)
    d.f("Caller: «par», «rel» of patient\nPatient: «kid», DOB «dob», age «age»\nCallback: «ph» (cell)\n"
        "Pump SN: «sn»    Infusion sets: «set» lot «lot»\nEndocrinologist: «doc», «fac»\n\n",
        par=P(par.full()), rel=rel, kid=P(kid.full()), dob=P(fdate(kid.dob, "us"), "date"), age=w.age(kid),
        ph=P(ph, "phone"), sn=P(w.pump_sn(), "device_id"), set=w.pick(["Aria QuickSet 6mm", "Aria Angle 9mm"]),
        lot=X(w.lot("set"), "lot_number"), doc=X(w.clinician(), "staff_name"), fac=X(w.pick(FACILITIES[1:2] + FACILITIES[7:8]), "facility"))
    ev = w.recent(1, 4)
    d.f("«p1» reports «k» had three 'No delivery' alarms between 1 and 4 am on «ev». Changed set twice. "
        "BG «bg» at 6 am, ketones «kt». Gave correction by pen per sick-day plan. No ER.\n"
        "Troubleshooting: rewind/prime OK, cartridge seated, tubing no kinks. Suspect pump motor or set lot.\n\n",
        p1=P(par.given), k=P(kid.given), ev=P(fdate(ev, "mon"), "date"), bg=w.rng.randint(260, 410),
        kt=w.pick(["0.6", "1.2", "trace", "small"]))
    d.f("Resolution: swap pump (RMA «rma»), 10 sets from a different lot. Ship to home address on file. "
        "Complaint «cmp» (hyperglycemia, pediatric) - MDR review.\n",
        rma=X(w.rma_no(), "rma_number"), cmp=X(w.complaint_no(), "complaint_number"))
    return d


@T("support_ticket", "app_login_lockout", ["jsm", "zendesk"])
def t_app_login(w, layout):
    d = Doc()
    p = w.person(age_range=(20, 80))
    agent = w.staff()
    em = w.email(p)
    ip = w.ip_public()
    ticket_head(d, w, layout, w.jira_key("APP") if layout == "jsm" else w.digits(6),
                "Corvane Connect: account locked after password reset", [P(p.full()), " <", P(em, "email"), ">"],
                "App Support L2", agent)
    pid = w.platform_id()
    st_ = w.city()[1]
    d.f("Customer cannot log in to Corvane Connect since «dd». Gets 'Too many attempts'. Platform patient «pid». "
        "Identity verified by DOB «dob» and «idv».\nAdmin view: «url»\n\nAuth log (Okta, filtered to the user):\n",
        dd=X(fdate(w.recent(1, 3), "mon"), "ticket_date"), pid=P(pid, "other_id"),
        dob=P(fdate(p.dob, "us"), "date"),
        idv=["driver's license ", X(st_, "state"), " ", P(w.dl(st_), "license_number")] if w.chance(0.5) else "last 4 of phone",
        url=P(f"https://admin.corvanelink.example/support/users/{pid}?tab=security", "url"))
    if layout == "jsm":
        d.add("{noformat}\n")
    t = dt.datetime(w.now.year, w.now.month, w.now.day, w.rng.randint(6, 20), w.rng.randint(0, 59))
    for i in range(w.rng.randint(4, 7)):
        t += dt.timedelta(seconds=w.rng.randint(5, 90))
        res = "FAILURE" if i < 5 else "LOCKED_OUT"
        d.f("«t»Z user.authentication.auth_via_mfa outcome=«r» actor=«em» client.ip=«ip» ua=\"CorvaneConnect/«v» iOS\"\n",
            t=t.strftime("%Y-%m-%dT%H:%M:%S"), r=res if i < 5 else "LOCKED_OUT", em=P(em, "email"), ip=P(ip, "ip_address"),
            v=f"3.{w.rng.randint(4, 9)}.1")
    if layout == "jsm":
        d.add("{noformat}\n")
    d.f("\n«a»: unlocked in Okta, forced reset, confirmed login from the same device. Closing.\n", a=X(agent, "staff_name"))
    return d


@T("support_ticket", "icd_shock_call", ["servicenow", "jsm"])
def t_icd_shock(w, layout):
    d = Doc()
    p = w.person(age_range=(45, 96))
    agent = w.staff()
    sn = w.icd_sn()
    imp = w.implant_date()
    ev = w.recent(0, 3)
    ticket_head(d, w, layout, ("CS" + w.digits(7) if layout == "servicenow" else w.jira_key("CSUP")), "Patient reports ICD shock, asks if device is faulty",
                P(p.full()), "Cardiac Rhythm Tech Services", agent)
    a = w.age(p)
    d.f("Patient «n» called the CRM tech line. «age» Device: Sentinel ICD SN «sn», implanted «imp» at «fac».\n"
        "Reports one shock on «ev» while «act». Felt dizzy before. No loss of consciousness.\n"
        "Home hub last transmission: «lt». Advised: call following physician (clinic «cl») and go to ED if a "
        "second shock or symptoms. Offered to trigger a remote transmission - patient agreed; hub serial «hub».\n\n",
        n=P(p.full()), age=["Age ", age_seg(a), "."], sn=P(sn, "device_id"),
        imp=P(fdate(imp, w.pick(["us", "long"])), "date"), fac=X(w.pick(CARDIO), "facility"),
        ev=P(fdate(ev, "mon"), "date"), act=w.pick(["mowing the lawn", "climbing stairs", "sitting watching TV", "at church"]),
        lt=w.pick(["2 days ago", "yesterday 03:10", "5 days ago"]), cl=X(w.pick(FACILITIES[3:7]), "facility"),
        hub=P(w.hub_sn(), "device_id"))
    d.f("Callback number: «ph»\nEscalated to clinic on-call via fax cover «fx». Complaint «cmp» opened "
        "(potential inappropriate therapy) pending EGM review.\n",
        ph=P(w.phone(), "phone"), fx=X("CRM-F" + w.digits(5), "internal_id"), cmp=X(w.complaint_no(), "complaint_number"))
    return d


@T("support_ticket", "ship_address_change_short", ["zendesk", "freshdesk"])
def t_ship_change(w, layout):
    d = Doc()
    p = w.person()
    agent = w.staff()
    new = w.address()
    ticket_head(d, w, layout, w.digits(6), "Update ship-to before next auto-ship", P(p.full()), "Orders", agent)
    d.f("Moved. Please send my sensors and infusion sets to «a» from now on. Member ID «m» stays the same. Thanks, «g»\n",
        a=addr_inline(new), m=P(w.member_id(), "health_plan_id"), g=P(p.given))
    d.f("\nInternal («ag»): updated in SAP ship-to, next auto-ship «nx».\n", ag=X(agent, "staff_name"),
        nx=X(fdate(w.now + dt.timedelta(days=w.rng.randint(3, 20)), "iso"), "ship_date"))
    return d


@T("support_ticket", "firmware_thread_sparse", ["jsm", "servicenow"])
def t_fw_thread(w, layout):
    d = Doc()
    agent, eng, eng2 = w.staff(), w.staff(), w.staff()
    p = w.person()
    sn = w.pump_sn()
    ticket_head(d, w, layout, w.jira_key("PUMPFW") if layout == "jsm" else "PRB" + w.digits(7),
                "Aria 7 fw 7.3.x: BLE disconnect loop with Android 15 after DST change",
                X("Field Escalations", "team_name"), "Pump Firmware", eng)
    d.add("Summary: several field reports of the pump dropping BLE every 90 s after the DST change. Repro on bench "
          "with Pixel 8 / Android 15 QPR1. Pump clock jumps back 1 h; connection supervision timeout computed "
          "from RTC delta goes negative.\n\n")
    d.add("Bench log (rig B-07, engineering unit):\n")
    t = dt.datetime(w.now.year, 3, 8, 1, 59, 0)
    for i in range(w.rng.randint(12, 22)):
        t += dt.timedelta(seconds=w.rng.randint(1, 30))
        d.add(f"[{t:%H:%M:%S}] BLE conn_evt={w.rng.randint(100, 999)} supv_to={w.pick(['4000', '-3596000', '4000'])}ms "
              f"rssi=-{w.rng.randint(40, 80)} state={w.pick(['CONNECTED', 'DISCONNECTING', 'ADVERTISING'])}\n")
    d.f("\n«e2» (comment): confirmed on fw 7.3.14 and 7.3.15. Not on 7.2.x. Fix in 7.3.16 - clamp supervision "
        "timeout, recompute after RTC adjust.\n\n", e2=X(eng2, "staff_name"))
    d.f("«ag» (comment): customer case for traceability - «n», pump «sn», reported «ev», "
        "CGM graph gaps 2-3 h overnight. No hypo/hyper event. Linked complaint «cmp».\n\n",
        ag=X(agent, "staff_name"), n=P(p.full()), sn=P(sn, "device_id"), ev=X(fdate(w.recent(3, 30), "us"), "report_date"),
        cmp=X(w.complaint_no(), "complaint_number"))
    d.f("«e» (comment): thanks. Please keep customer details in the complaint record, not here. Closing as "
        "duplicate of the 7.3.16 release item.\n", e=X(eng, "staff_name"))
    return d


# ================================================================ fhir_diff
def diff_head(d, w, layout, path, title, n_lines, new_file=True, old_n=0):
    author, rev1, rev2 = w.staff(), w.staff(), w.staff()
    if layout == "bitbucket":
        d.f("Pull request #«n»: «t»\n«a» wants to merge «b» into develop\nReviewers: «r1», «r2»\n\n",
            n=w.rng.randint(80, 1900), t=title, a=X(author, "staff_name"),
            b=f"feature/{w.jira_key().lower()}-{w.pick(['fixtures', 'udi-parser', 'obs-mapper', 'mock-data'])}",
            r1=X(rev1, "staff_name"), r2=X(rev2, "staff_name"))
    elif layout == "github":
        d.f("## «t» #«n»\n**«a»** opened this pull request · «c» commits\n\n```diff\n", t=title,
            n=w.rng.randint(80, 1900), a=X(w.handle(author), "staff_name"), c=w.rng.randint(1, 6))
    elif layout == "gitlab":
        d.f("Merge request !«n» «t»\nAuthor: «a» · Assignee: «r1»\n\n", n=w.rng.randint(80, 900), t=title,
            a=X(author, "staff_name"), r1=X(rev1, "staff_name"))
    else:
        d.f("commit «h»\nAuthor: «a» <«m»>\nDate:   «dd»\n\n    «t»\n\n", h=w.hexs(40), a=X(author, "staff_name"),
            m=X(w.handle(author) + "@" + CDOM, "staff_contact"),
            dd=(w.now - dt.timedelta(days=w.rng.randint(0, 4))).strftime("%a %b %d ") +
            f"{w.rng.randint(8, 19):02d}:{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d} {w.now.year} -0500", t=title)
    d.add(f"diff --git a/{path} b/{path}\n")
    if new_file:
        d.add(f"new file mode 100644\nindex 0000000..{w.hexs(7)}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{n_lines} @@\n")
    else:
        d.add(f"index {w.hexs(7)}..{w.hexs(7)} 100644\n--- a/{path}\n+++ b/{path}\n@@ -1,{old_n} +1,{n_lines} @@\n")
    return author, rev1, rev2


def diff_tail(d, layout, comment=None):
    if layout == "github":
        d.add("```\n")
    if comment:
        d.add("\n", comment)


def jl(pfx, ind, key, val, last=False, q=True):
    """one JSON line inside a diff"""
    v = ['"', val, '"'] if q else [val]
    return [pfx, " " * ind, f'"{key}": ', v, "" if last else ",", "\n"]


@T("fhir_diff", "device_fixture_from_prod", ["bitbucket", "git"])
def t_device_fixture(w, layout):
    d = Doc()
    p = w.person()
    sn = w.pump_sn()
    lot = w.lot("pump")
    exp = w.now + dt.timedelta(days=w.rng.randint(300, 800))
    udi = w.udi(sn, exp, lot)
    gt = udi[4:18]
    mfg = w.now - dt.timedelta(days=w.rng.randint(100, 500))
    rid = "dev-" + w.hexs(10)
    lines = [
        "+{\n", jl("+", 2, "resourceType", "Device"), jl("+", 2, "id", X(rid, "internal_id")),
        '+  "udiCarrier": [\n', "+    {\n", jl("+", 6, "deviceIdentifier", X(gt, "udi_di")),
        jl("+", 6, "issuer", "http://hl7.org/fhir/NamingSystem/gs1-di"),
        jl("+", 6, "carrierHRF", P(udi, "device_id"), last=True), "+    }\n", "+  ],\n",
        jl("+", 2, "status", "active"), jl("+", 2, "manufacturer", COMPANY),
        jl("+", 2, "manufactureDate", X(fdate(mfg, "iso"), "manufacture_date")),
        jl("+", 2, "expirationDate", X(fdate(exp, "iso"), "expiration_date")),
        jl("+", 2, "lotNumber", X(lot, "lot_number")), jl("+", 2, "serialNumber", P(sn, "device_id")),
        '+  "deviceName": [ { "name": "Aria 7 Insulin Pump", "type": "user-friendly-name" } ],\n',
        jl("+", 2, "modelNumber", X("CVP-700", "device_model")),
        '+  "patient": {\n', jl("+", 4, "reference", ["Patient/", X("pt-" + w.hexs(8), "internal_id")]),
        jl("+", 4, "display", P(p.full()), last=True), "+  }\n", "+}\n"]
    n = sum(1 for x in lines if (x == "\n" or (isinstance(x, list) and x[-1] == "\n") or (isinstance(x, str) and x.endswith("\n"))))
    author, r1, r2 = diff_head(d, w, layout, "gateway-core/src/test/resources/fixtures/device-aria7-udi.json",
                               "UDI parser: add Aria 7 Device fixture", n)
    d.add(lines)
    diff_tail(d, layout, ["Comment from ", X(r1, "staff_name"), ": where did this fixture come from? carrierHRF + patient.display look like a real "
                          "registration. Please regenerate with the UDI test vectors from the labeling spec.\n"])
    return d


@T("fhir_diff", "patient_fixture_replaced", ["git", "github"])
def t_patient_fixture_replace(w, layout):
    d = Doc()
    p = w.person()
    st, c, s, z = w.address()
    ph = w.phone("dash")
    em = w.email(p)
    mrn = w.mrn()
    tp_dob = "1980-01-01"
    rm = [jl("-", 2, "resourceType", "Patient"), jl("-", 2, "id", X("pt-" + w.hexs(8), "internal_id")),
          '-  "identifier": [ { "system": "urn:oid:2.16.840.1.113883.3.7204.1", "value": "', P(mrn, "mrn"), '" } ],\n',
          '-  "name": [ { "family": "', P(p.family or p.given), '", "given": [ "', P(p.given), '" ] } ],\n',
          '-  "telecom": [ { "system": "phone", "value": "', P(ph, "phone"), '" }, { "system": "email", "value": "', P(em, "email"), '" } ],\n',
          jl("-", 2, "gender", "female" if p.sex == "F" else "male"), jl("-", 2, "birthDate", P(fdate(p.dob, "iso"), "date")),
          '-  "address": [ { "line": [ "', P(st, "street_address"), '" ], "city": "', P(c, "street_address"), '", "state": "',
          X(s, "state"), '", "postalCode": "', P(z, "zip_code"), '" } ]\n']
    add = [jl("+", 2, "resourceType", "Patient"), jl("+", 2, "id", X("pt-test-0001", "internal_id")),
           '+  "identifier": [ { "system": "urn:oid:2.16.840.1.113883.3.7204.1", "value": "', X("T0000001", "test_value"), '" } ],\n',
           '+  "name": [ { "family": "', X("ZZTEST", "test_patient"), '", "given": [ "', X("PUMPUSER", "test_patient"), '" ] } ],\n',
           '+  "telecom": [ { "system": "phone", "value": "555-0100" }, { "system": "email", "value": "zztest@example.org" } ],\n',
           jl("+", 2, "gender", "unknown"), jl("+", 2, "birthDate", X(tp_dob, "test_value")),
           '+  "address": [ { "line": [ "1 Test Way" ], "city": "Testville", "state": "OH", "postalCode": "00000" } ]\n']
    diff_head(d, w, layout, "connect-app/src/__fixtures__/patient-onboarding.json",
              "Replace onboarding fixture with synthetic patient (privacy review finding)", 9, new_file=False, old_n=9)
    d.add(" {\n", rm, add, " }\n")
    diff_tail(d, layout, ["Privacy review: the previous fixture was exported from the prod onboarding queue. "
                          "History rewrite requested separately (see SEC ticket).\n"])
    return d


@T("fhir_diff", "observation_cgm_fixture", ["bitbucket", "git"])
def t_obs_cgm(w, layout):
    d = Doc()
    p = w.person(age_range=(8, 80))
    tx = w.tx_sn()
    obs = w.recent(3, 40)
    t0 = dt.datetime(obs.year, obs.month, obs.day, w.rng.randint(0, 23), w.rng.randint(0, 59), 0)
    vals = [w.rng.randint(45, 260) for _ in range(3)]
    lines = []
    pref = f"pt-{w.hexs(6)}"
    for i, v in enumerate(vals):
        ti = t0 + dt.timedelta(minutes=5 * i)
        lines += ["+  {\n", jl("+", 4, "resourceType", "Observation"), jl("+", 4, "id", X(f"obs-{w.hexs(6)}", "internal_id")),
                  jl("+", 4, "status", "final"),
                  '+    "code": { "coding": [ { "system": "http://loinc.org", "code": "', X("99504-3", "loinc_code"),
                  '", "display": "Glucose [Mass/volume] in Interstitial fluid" } ] },\n',
                  '+    "subject": { "reference": "Patient/', X(pref, "internal_id"), '", "display": "', P(p.full()), '" },\n',
                  jl("+", 4, "effectiveDateTime", P(ti.strftime("%Y-%m-%dT%H:%M:%S-05:00"), "date")),
                  f'+    "valueQuantity": {{ "value": {v}, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL" }},\n',
                  '+    "device": { "display": "Lumen G3 transmitter ', P(tx, "device_id"), '" }\n',
                  "+  }" + ("," if i < 2 else "") + "\n"]
    author, r1, r2 = diff_head(d, w, layout, "rmon-api/src/test/resources/obs/low-alert-sequence.json",
                               "RMON: regression fixture for low-alert debounce", 3 * 11 + 2)
    d.add("+[\n", lines, "+]\n")
    diff_tail(d, layout, [X(r2, "staff_name"), ": approve once the subject display is replaced - the debounce test does not need a name.\n"])
    return d


@T("fhir_diff", "deviceusestatement_implant", ["yaml_git", "bitbucket"])
def t_dus(w, layout):
    d = Doc()
    p = w.person(age_range=(50, 95))
    sn = w.pm_sn() if w.chance(0.5) else w.icd_sn()
    imp = w.implant_date()
    if layout == "yaml_git":
        lines = ["+resourceType: DeviceUseStatement\n", "+id: ", X("dus-" + w.hexs(6), "internal_id"), "\n", "+status: active\n",
                 "+subject:\n", "+  reference: Patient/", X("pt-" + w.hexs(6), "internal_id"), "\n", "+  display: ", P(p.lfm()), "\n",
                 "+timingPeriod:\n", "+  start: '", P(fdate(imp, "iso"), "date"), "'\n",
                 "+recordedOn: '", P(fdate(imp + dt.timedelta(days=w.rng.randint(0, 3)), "iso"), "date"), "'\n",
                 "+device:\n", "+  identifier:\n", "+    system: urn:corvane:serial\n", "+    value: ", P(sn, "device_id"), "\n",
                 "+bodySite:\n", "+  text: ", w.pick(["left pectoral", "right pectoral"]), "\n",
                 "+reasonReference:\n", "+- display: ", X(w.pick(CONDITIONS[2:5] + CONDITIONS[9:]), "condition"), "\n"]
        diff_head(d, w, "git", "rmon-fhir/src/test/resources/dus/implant.yaml", "Add DeviceUseStatement yaml fixture for implant registry sync", 17)
        d.add(lines)
    else:
        lines = ["+{\n", jl("+", 2, "resourceType", "DeviceUseStatement"), jl("+", 2, "status", "active"),
                 '+  "subject": { "display": "', P(p.full()), '" },\n',
                 '+  "timingPeriod": { "start": "', P(fdate(imp, "iso"), "date"), '" },\n',
                 '+  "device": { "identifier": { "system": "urn:corvane:serial", "value": "', P(sn, "device_id"), '" } },\n',
                 '+  "reasonCode": [ { "text": "', X(w.pick(CONDITIONS[2:5]), "condition"), '" } ]\n', "+}\n"]
        diff_head(d, w, layout, "registry-sync/src/test/resources/dus-implant.json", "Registry sync: DUS fixture", 8)
        d.add(lines)
        diff_tail(d, layout, ["Build #", str(w.rng.randint(900, 4000)), " passed. 1 task: 'scrub subject' (open)\n"])
    return d


@T("fhir_diff", "bundle_patient_device_obs", ["git", "gitlab"])
def t_bundle(w, layout):
    d = Doc()
    p = w.person(age_range=(10, 85))
    st, c, s, z = w.address()
    sn = w.pump_sn()
    pid = w.platform_id()
    obs = w.recent(2, 30)
    lines = ["+{\n", jl("+", 2, "resourceType", "Bundle"), jl("+", 2, "type", "transaction"), '+  "entry": [\n',
             '+    { "resource": { "resourceType": "Patient", "id": "p1",\n',
             '+        "identifier": [ { "system": "urn:corvane:platform", "value": "', P(pid, "other_id"), '" } ],\n',
             '+        "name": [ { "text": "', P(p.full()), '" } ],\n',
             '+        "birthDate": "', P(fdate(p.dob, "iso"), "date"), '",\n',
             '+        "address": [ { "line": [ "', P(st, "street_address"), '" ], "city": "', P(c, "street_address"),
             '", "state": "', X(s, "state"), '", "postalCode": "', P(z, "zip_code"), '" } ] },\n',
             '+      "request": { "method": "PUT", "url": "Patient?identifier=urn:corvane:platform|', P(pid, "other_id"), '" } },\n',
             '+    { "resource": { "resourceType": "Device", "id": "d1", "serialNumber": "', P(sn, "device_id"), '",\n',
             '+        "patient": { "reference": "Patient/p1" } },\n',
             '+      "request": { "method": "POST", "url": "Device" } },\n',
             '+    { "resource": { "resourceType": "Observation", "status": "final",\n',
             '+        "code": { "text": "Total daily insulin" }, "subject": { "reference": "Patient/p1" },\n',
             '+        "effectiveDateTime": "', P(fdate(obs, "iso"), "date"), '",\n',
             f'+        "valueQuantity": {{ "value": {w.rng.randint(18, 70)}.{w.rng.randint(0, 9)}, "unit": "U" }} }},\n',
             '+      "request": { "method": "POST", "url": "Observation" } }\n', "+  ]\n", "+}\n"]
    diff_head(d, w, layout, "pump-sync/src/test/resources/bundles/daily-summary-txn.json",
              "pump-sync: transaction bundle for conditional PUT test", 22)
    d.add(lines)
    d.add("\nCI: pump-sync-it ✔ 214 tests\n")
    return d


@T("fhir_diff", "ts_mock_connect_app", ["bitbucket", "github"])
def t_ts_mock(w, layout):
    d = Doc()
    kid = w.chance(0.4)
    p = w.person(age_range=(6, 15) if kid else (20, 75))
    em = w.email(p)
    lines = ["+import { PatientSummary } from '../../src/models';\n", "+\n",
             "+// copied from support session to reproduce the settings crash\n",
             "+export const mockPatient: PatientSummary = {\n",
             "+  platformId: '", P(w.platform_id(), "other_id"), "',\n",
             "+  givenName: '", P(p.given), "',\n",
             "+  familyName: '", P(p.family or "-"), "',\n" if p.family else "+  familyName: '',\n",
             "+  birthDate: '", P(fdate(p.dob, "iso"), "date"), "',\n",
             "+  email: '", P(em, "email"), "',\n",
             "+  pumpSerial: '", P(w.pump_sn(), "device_id"), "',\n",
             "+  cgmTransmitter: '", P(w.tx_sn(), "device_id"), "',\n",
             f"+  targetLow: {w.pick([70, 80, 90])},\n", f"+  targetHigh: {w.pick([160, 180, 200])},\n",
             f"+  units: 'mg/dL',\n", "+};\n"]
    if not p.family:
        lines[6] = "+  familyName: '',\n"
    diff_head(d, w, layout, "connect-app/src/__mocks__/patientSummary.ts", "APP: fix settings crash when targetLow is 90", 15)
    d.add(lines)
    diff_tail(d, layout, ["Bot: privacy-lint found an email address in a mock file (rule PG-014).\n"])
    return d


@T("fhir_diff", "ndjson_bulk_export", ["git", "gitlab"])
def t_ndjson(w, layout):
    d = Doc()
    n = w.rng.randint(2, 4)
    lines = []
    for i in range(n):
        p = w.person(age_range=(30, 95))
        lines += ['+{"resourceType":"Patient","id":"', X(f"p{i + 1}", "internal_id"), '","identifier":[{"system":"urn:mrn:',
                  w.pick(list(FAC_CODES.values())), '","value":"', P(w.mrn(), "mrn"), '"}],"name":[{"family":"',
                  P(p.family or p.given), '","given":["', P(p.given), '"]}],"gender":"', "female" if p.sex == "F" else "male",
                  '","birthDate":"', P(fdate(p.dob, "iso"), "date"), '"}\n']
    diff_head(d, w, layout, "registry-sync/testdata/bulk/Patient.ndjson", "Add bulk export sample for the registry loader", n)
    d.add(lines)
    d.add("\n(ndjson taken from the clinic's $export on 'prd' - reviewer asked for synthetic data instead)\n")
    return d


# ================================================================ sql_seed
def sq(s):
    return s.replace("'", "''")


@T("sql_seed", "registration_insert", ["postgres", "mysql"])
def t_reg_insert(w, layout):
    d = Doc()
    tbl = "device_registration" if layout == "postgres" else "`device_registration`"
    d.add("-- seed for warranty-service integration tests (QA-" + str(w.rng.randint(100, 900)) + ")\n")
    if layout == "mysql":
        d.add("LOCK TABLES `device_registration` WRITE;\n/*!40000 ALTER TABLE `device_registration` DISABLE KEYS */;\n")
    d.add(f"INSERT INTO {tbl} (reg_id, first_name, last_name, dob, address1, city, state, zip, phone, email, serial_no, registered_at) VALUES\n")
    n = w.rows(2, 5)
    for i in range(n):
        p = w.person()
        st, c, s, z = w.address()
        reg = w.recent(10, 300)
        d.add(f"({w.rng.randint(10000, 99999)}, '", P(sq(p.given)), "', '", P(sq(p.family or p.given)), "', '",
              P(fdate(p.dob, "iso"), "date"), "', '", P(sq(st), "street_address"), "', '", P(c, "street_address"), "', '",
              X(s, "state"), "', '", P(z, "zip_code"), "', '", P(w.phone("dash"), "phone"), "', '", P(w.email(p), "email"), "', '",
              P(w.pump_sn() if w.chance(0.6) else w.tx_sn(), "device_id"), f"', '{reg:%Y-%m-%d} {w.rng.randint(8, 20)}:{w.rng.randint(10, 59)}:00')",
              ",\n" if i < n - 1 else ";\n")
    if layout == "mysql":
        d.add("/*!40000 ALTER TABLE `device_registration` ENABLE KEYS */;\nUNLOCK TABLES;\n")
    return d


@T("sql_seed", "complaint_contact_datafix", ["plain_sql", "jira_wiki"])
def t_datafix(w, layout):
    d = Doc()
    p = w.person()
    cmp = w.complaint_no()
    old, new = w.phone("dash"), w.phone("dash")
    staff = w.staff()
    if layout == "jira_wiki":
        d.f("[~«h»] data fix for «k», please run in PRD after 18:00 (TrackWise sync paused):\n{code:sql}\n",
            h=X(w.handle(staff), "staff_name"), k=w.jira_key("CSUP"))
    d.f("-- «k»: callback number keyed wrong by the call center\nBEGIN;\nSELECT complaint_no, contact_name, contact_phone\n"
        "  FROM complaint_contact WHERE complaint_no = '«c»';\n", k=w.jira_key("CSUP"), c=X(cmp, "complaint_number"))
    d.f("UPDATE complaint_contact\n   SET contact_phone = '«new»', updated_by = 'datafix'\n WHERE complaint_no = '«c»'\n"
        "   AND contact_name = '«n»'\n   AND contact_phone = '«old»';\n-- expect 1 row\nCOMMIT;\n",
        new=P(new, "phone"), c=X(cmp, "complaint_number"), n=P(sq(p.full())), old=P(old, "phone"))
    if layout == "jira_wiki":
        d.add("{code}\n")
    return d


@T("sql_seed", "rma_shipments_grid", ["psql", "mysql_g"])
def t_rma_grid(w, layout):
    d = Doc()
    rows = []
    for _ in range(w.rng.randint(2, 4)):
        p = w.person()
        st, c, s, z = w.address()
        rows.append((w.rma_no(), p, st, c, s, z, w.pump_sn(), w.now - dt.timedelta(days=w.rng.randint(0, 5))))
    if layout == "psql":
        d.add("rma=> SELECT rma_no, ship_name, ship_street, ship_city, ship_state, ship_zip, returned_sn, shipped_on\n"
              "rma->   FROM rma_shipment WHERE status = 'STUCK_AT_CARRIER' ORDER BY shipped_on;\n")
        d.add("  rma_no    |      ship_name       |          ship_street           |  ship_city   | ship_state | ship_zip | returned_sn | shipped_on\n")
        d.add("------------+----------------------+--------------------------------+--------------+------------+----------+-------------+------------\n")
        for r, p, st, c, s, z, sn, sh in rows:
            d.add(" ", X(r, "rma_number"), " | ", P(p.full()), " | ", P(st, "street_address"), " | ", P(c, "street_address"), " | ",
                  X(s, "state"), "         | ", P(z, "zip_code"), "    | ", P(sn, "device_id"), "  | ", X(sh.isoformat(), "ship_date"), "\n")
        d.add(f"({len(rows)} rows)\n")
    else:
        d.add("mysql> SELECT * FROM rma_shipment WHERE status='STUCK_AT_CARRIER'\\G\n")
        for i, (r, p, st, c, s, z, sn, sh) in enumerate(rows, 1):
            d.add(f"*************************** {i}. row ***************************\n")
            d.add("     rma_no: ", X(r, "rma_number"), "\n  ship_name: ", P(p.full()), "\nship_street: ", P(st, "street_address"),
                  "\n  ship_city: ", P(c, "street_address"), "\n ship_state: ", X(s, "state"), "\n   ship_zip: ", P(z, "zip_code"),
                  "\nreturned_sn: ", P(sn, "device_id"), "\n shipped_on: ", X(sh.isoformat(), "ship_date"), "\n     status: STUCK_AT_CARRIER\n")
        d.add(f"{len(rows)} rows in set (0.01 sec)\n")
    return d


@T("sql_seed", "flyway_demo_seed_real_row", ["flyway", "bitbucket_sql"])
def t_flyway(w, layout):
    d = Doc()
    v = w.rng.randint(30, 140)
    path = f"rmon-db/src/main/resources/db/migration/V{v}__seed_demo_patients.sql"
    if layout == "bitbucket_sql":
        diff_head(d, w, "bitbucket", path, "Seed demo patients for the sales demo tenant", 12)
        pf = "+"
    else:
        d.add(f"-- {path}\n")
        pf = ""
    d.add(pf + "INSERT INTO rm_patient (platform_id, tenant, display_name, birth_date, phone, device_serial) VALUES\n")
    tps = w.rng.sample(TEST_PATIENTS, 3)
    real = w.rng.randint(1, 3)
    for i in range(4):
        end = ",\n" if i < 3 else ";\n"
        if i == real:
            p = w.person()
            d.add(pf + "  ('", P(w.platform_id(), "other_id"), "', 'demo', '", P(sq(p.full())), "', '", P(fdate(p.dob, "iso"), "date"),
                  "', '", P(w.phone("dash"), "phone"), "', '", P(w.hub_sn(), "device_id"), "')", end)
        else:
            tp = tps.pop()
            d.add(pf + f"  ('CLP000000{i}', 'demo', '", X(sq(tp), "test_patient"), "', '1900-01-01', '555-01", f"{w.rng.randint(10, 99)}', 'HUB0000000{i}')", end)
    d.add(pf + f"-- demo tenant only; see DEMO-{w.rng.randint(10, 99)}\n")
    return d


@T("sql_seed", "tsql_merge_warranty", ["tsql", "tsql_comment"])
def t_tsql_merge(w, layout):
    d = Doc()
    if layout == "tsql_comment":
        d.f("Comment by «s»: here's the MERGE I ran against WARRANTY-PRD for the cards the mailroom scanned twice:\n\n",
            s=X(w.staff(), "staff_name"))
    d.add("MERGE dbo.WarrantyRegistration AS tgt\nUSING (VALUES\n")
    n = w.rng.randint(2, 3)
    for i in range(n):
        p = w.person()
        st, c, s, z = w.address()
        d.add("    (N'", P(sq(p.lf())), "', '", P(fdate(p.dob, "iso"), "date"), "', N'", P(sq(st), "street_address"), "', N'",
              P(c, "street_address"), "', '", X(s, "state"), "', '", P(z, "zip_code"), "', '", P(w.pm_sn() if w.chance(0.5) else w.pump_sn(), "device_id"),
              "', '", P(fdate(w.implant_date(), "iso"), "date"), "')", ",\n" if i < n - 1 else "\n")
    d.add(") AS src (PatientName, BirthDate, Street, City, StateCode, Zip, SerialNo, ImplantOrStartDate)\n"
          "ON tgt.SerialNo = src.SerialNo\nWHEN MATCHED THEN UPDATE SET tgt.Street = src.Street, tgt.City = src.City, tgt.Zip = src.Zip\n"
          "WHEN NOT MATCHED THEN INSERT (PatientName, BirthDate, Street, City, StateCode, Zip, SerialNo, ImplantOrStartDate)\n"
          "  VALUES (src.PatientName, src.BirthDate, src.Street, src.City, src.StateCode, src.Zip, src.SerialNo, src.ImplantOrStartDate);\n"
          f"\n({n} rows affected)\n")
    return d


@T("sql_seed", "copy_implant_registry", ["copy", "copy_pr"])
def t_copy_implant(w, layout):
    d = Doc()
    if layout == "copy_pr":
        d.add("Attached the registry backfill from the clinic upload; it fails on a bad date further down the file:\n\n")
    d.add("COPY implant_registry (mrn, patient_name, birth_date, device_model, serial_no, implant_date, implanting_md, clinic) FROM stdin;\n")
    for _ in range(w.rows(3, 5)):
        p = w.person(age_range=(45, 97))
        mdl = w.pick(["Cadence DR", "Sentinel VR", "Sentinel CRT-D", "Cadence SR"])
        sn = {"Cadence DR": "CDR", "Cadence SR": "CSR", "Sentinel VR": "SVR", "Sentinel CRT-D": "SCR"}[mdl] + w.digits(6)
        d.add(P(w.mrn(), "mrn"), "\t", P(p.lf()), "\t", P(fdate(p.dob, "iso"), "date"), "\t", X(mdl, "device_model"), "\t", P(sn, "device_id"),
              "\t", P(fdate(w.implant_date(), "iso"), "date"), "\t", X(w.clinician(), "staff_name"), "\t", X(w.pick(FACILITIES[3:7]), "facility"), "\n")
    d.add("\\.\n")
    if layout == "copy_pr":
        d.add("ERROR:  date/time field value out of range: \"31/04/2026\"\nCONTEXT:  COPY implant_registry, line 6, column implant_date\n")
    return d


@T("sql_seed", "slow_query_bind_params", ["pg_log", "pg_log_jira"])
def t_slow_query(w, layout):
    d = Doc()
    p = w.person()
    if layout == "pg_log_jira":
        d.f("«s»: the patient search on the complaint console is slow when searching by last name + DOB. From the "
            "postgres log on «ip»:\n{noformat}\n", s=X(w.staff(), "staff_name"), ip=w.ip_private())
    for hh in sorted(w.rng.sample(range(8, 16), w.rng.randint(2, 5))):
        d.add(f"{w.now:%Y-%m-%d} {hh:02d}:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)}.{w.rng.randint(100, 999)} UTC "
              f"[{w.rng.randint(10000, 60000)}] complaint_app@cmp LOG:  duration: {w.rng.randint(2, 40)}.{w.rng.randint(100, 999)} ms  "
              f"statement: SELECT 1\n")
    t = f"{w.now:%Y-%m-%d} 16:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)}.{w.rng.randint(100, 999)} UTC"
    pid = w.rng.randint(10000, 60000)
    d.add(f"{t} [{pid}] complaint_app@cmp LOG:  duration: {w.rng.randint(4000, 19000)}.{w.rng.randint(100, 999)} ms  execute <unnamed>: "
          "SELECT c.complaint_no, p.* FROM patient p JOIN complaint c ON c.patient_id = p.id "
          "WHERE lower(p.last_name) = lower($1) AND p.birth_date = $2 ORDER BY c.aware_date DESC\n")
    d.add(f"{t} [{pid}] complaint_app@cmp DETAIL:  parameters: $1 = '", P(sq(p.family or p.given)), "', $2 = '",
          P(fdate(p.dob, "iso"), "date"), "'\n")
    if layout == "pg_log_jira":
        d.add("{noformat}\nSeq scan on patient (2.1M rows). Functional index on lower(last_name), birth_date would fix it.\n")
    return d


# ================================================================ clinical_note
def note_hdr(d, w, layout, title, p, mrn, dos, fac, extra_age=True):
    a = w.age(p, dos)
    if layout == "markdown":
        d.f("### «t»\n**Patient:** «n» · **MRN:** «m» · **DOB:** «dob» («age»)\n**Date of service:** «dos» · **Location:** «fac»\n\n",
            t=title, n=P(p.lfm()), m=P(mrn, "mrn"), dob=P(fdate(p.dob, "us"), "date"), age=age_seg(a, "{} y"),
            dos=P(fdate(dos, "us"), "date"), fac=X(fac, "facility"))
    elif layout == "epic":
        d.f("«N»  «sx»  «age»  DOB: «dob»  MRN: «m»\n«t» - «fac» - «dos»\n\n",
            N=P(p.upper_lf()), sx=p.sex, age=age_seg(a, "{} y.o."), dob=P(fdate(p.dob, "us"), "date"), m=P(mrn, "mrn"),
            t=title, fac=X(fac, "facility"), dos=P(fdate(dos, "us"), "date"))
    else:
        d.f("«t»\nPatient: «n»     MRN: «m»\nDOB: «dob»     Age: «age»     Sex: «sx»\nDate of service: «dos»     Location: «fac»\n\n",
            t=title.upper(), n=P(p.lfm()), m=P(mrn, "mrn"), dob=P(fdate(p.dob, "us"), "date"), age=age_seg(a),
            sx="F" if p.sex == "F" else "M", dos=P(fdate(dos, "us"), "date"), fac=X(fac, "facility"))


@T("clinical_note", "pacemaker_inperson_interrogation", ["plain", "markdown"])
def t_pm_interrog(w, layout):
    d = Doc()
    p = w.person(age_range=(60, 97))
    fac = w.pick(["Northgate Electrophysiology Clinic", "Prairie Ridge Cardiology", "Granite Falls Heart & Vascular"])
    dos = w.recent(0, 10)
    note_hdr(d, w, layout, "Device Clinic - Pacemaker Interrogation", p, w.mrn(), dos, fac)
    imp = w.implant_date()
    sn = w.pm_sn()
    md = w.clinician()
    d.f("Device: «co» Cadence «mdl», SN «sn», implanted «imp» by «md»\n", co=COMPANY, mdl=w.pick(["DR CDR-210", "SR CSR-110"]),
        sn=P(sn, "device_id"), imp=P(fdate(imp, "us"), "date"), md=X(md, "staff_name"))
    d.f("Leads: RA LX-7F SN «l1» / RV LX-7F SN «l2»\nIndication: «ind»\n\n", l1=P(w.lead_sn(), "device_id"),
        l2=P(w.lead_sn(), "device_id"), ind=X(w.pick(CONDITIONS[2:4]), "condition"))
    d.f("Battery «v» V, estimated longevity «y» years. Mode DDDR 60/130. Underlying rhythm: «ur».\n",
        v=f"{w.rng.uniform(2.8, 3.1):.2f}", y=f"{w.rng.uniform(3, 11):.1f}",
        ur=w.pick(["sinus brady 42", "CHB with junctional escape 38", "SR 68 with 1st degree AVB"]))
    d.add("\n         Sensing   Impedance   Threshold\n")
    d.add(f"RA       {w.rng.uniform(1.5, 4.5):.1f} mV    {w.rng.randint(380, 650)} ohm    {w.rng.uniform(0.5, 1.2):.2f} V @ 0.4 ms\n")
    d.add(f"RV       {w.rng.uniform(6, 15):.1f} mV   {w.rng.randint(420, 780)} ohm    {w.rng.uniform(0.5, 1.2):.2f} V @ 0.4 ms\n\n")
    d.f("Episodes: «ep». AP «ap»%, VP «vp»%.\nChanges: none. Next remote transmission «nx»; in-person in 12 months.\n"
        "Reviewed with «doc». Meds reviewed: «med».\n\n— «rn»\n",
        ep=w.pick(["2 AMS episodes, longest 14 min", "no high-rate episodes", "1 NSVT 6 beats"]),
        ap=w.rng.randint(1, 90), vp=w.rng.randint(1, 99), nx=P(fdate(dos + dt.timedelta(days=91), "us"), "date"),
        doc=X(w.clinician(), "staff_name"), med=X(w.pick(MEDS[3:9]), "medication"), rn=X(w.nurse(), "staff_name"))
    return d


@T("clinical_note", "cgm_start_visit_peds", ["soap", "plain"])
def t_cgm_start(w, layout):
    d = Doc()
    kid = w.person(age_range=(4, 15))
    par = w.relative(kid, age_range=(28, 50))
    dos = w.recent(0, 14)
    fac = w.pick(["Lakeshore Pediatric Diabetes Center", "Mercy Lakes Children's Hospital"])
    note_hdr(d, w, "plain", "CGM Start Visit", kid, w.mrn(), dos, fac)
    rel = "mother" if par.sex == "F" else "father"
    dx = w.date_between(kid.dob + dt.timedelta(days=400), dos - dt.timedelta(days=60))
    if layout == "soap":
        d.f("S: «k» is a «a» y/o with «t1» diagnosed «dx», here with «rel» «pn» to start Lumen G3 CGM. "
            "On MDI («m1» + «m2»). Two lows overnight last week per meter.\n",
            k=P(kid.given), a=w.age(kid, dos), t1=X("type 1 diabetes", "condition"), dx=P(fdate(dx, "mon"), "date"),
            rel=rel, pn=P(par.full()), m1=X("insulin glargine", "medication"), m2=X("insulin lispro", "medication"))
        d.f("O: Wt «wt» kg. A1c «a1c»% («a1d»). Skin intact, no lipohypertrophy at planned sites.\n",
            wt=min(70, 2 * w.age(kid, dos) + w.rng.randint(7, 12)), a1c=f"{w.rng.uniform(7.1, 9.8):.1f}", a1d=P(fdate(dos - dt.timedelta(days=w.rng.randint(5, 40)), "us"), "date"))
        d.f("A/P: Sensor inserted by «rel» under supervision, posterior arm. Transmitter «tx», sensor lot «lot». "
            "Paired with «rel»'s phone; follow app sharing set up for school nurse. Alerts: low 70, urgent low 55, high 250.\n"
            "Return in 2 weeks for data review. «rel2» phone for follow-up: «ph».\n\n— «cd»\n",
            rel=rel, tx=P(w.tx_sn(), "device_id"), lot=X(w.lot("sensor"), "lot_number"), rel2=rel.capitalize(),
            ph=P(w.phone(), "phone"), cd=X(w.nurse(), "staff_name"))
    else:
        d.f("Accompanied by: «pn» («rel»)\nReason: CGM start (Lumen G3). Dx: «t1» since «dx».\n"
            "Transmitter SN «tx»  Sensor lot «lot»  Insertion site: abdomen L\n"
            "Education: insertion, warm-up 30 min, calibration not required, alarms, sharing. Teach-back done with «p1» and «k».\n"
            "Plan: data review in 14 days; CorvaneLink clinic invite sent to «em».\nSigned «cd»\n",
            pn=P(par.full()), rel=rel, t1=X("type 1 diabetes", "condition"), dx=P(fdate(dx, "us"), "date"),
            tx=P(w.tx_sn(), "device_id"), lot=X(w.lot("sensor"), "lot_number"), p1=P(par.given), k=P(kid.given),
            em=P(w.email(par), "email"), cd=X(w.nurse(), "staff_name"))
    return d


@T("clinical_note", "remote_icd_review_elderly", ["plain", "markdown"])
def t_remote_icd(w, layout):
    d = Doc()
    p = w.person(age_range=(90, 101))
    dos = w.recent(0, 7)
    fac = w.pick(["Northgate Electrophysiology Clinic", "Granite Falls Heart & Vascular"])
    note_hdr(d, w, layout, "Remote ICD Transmission Review", p, w.mrn(), dos, fac)
    a = w.age(p, dos)
    rel_p = w.relative(p, age_range=(55, 75))
    rel_word = w.pick(["daughter", "niece"]) if rel_p.sex == "F" else w.pick(["son", "nephew"])
    d.f("«age» with «dx», Sentinel VR (SN «sn», implanted «imp»). Transmission «tt» via CorvaneLink hub «hub».\n",
        age=age_seg(a, "{}-year-old " + ("woman" if p.sex == "F" else "man")), dx=X(w.pick(CONDITIONS[4:6] + CONDITIONS[10:]), "condition"),
        sn=P(w.icd_sn(), "device_id"), imp=P(fdate(w.implant_date(), "us"), "date"), tt=w.pick(["scheduled", "patient-initiated", "alert-triggered"]),
        hub=P(w.hub_sn(), "device_id"))
    d.f("Findings: «f». Battery at «b» (ERI not reached). Lead impedance stable. Thoracic impedance trend «ti».\n"
        "Therapies: «th».\nPlan: «pl». Goals of care discussed previously with «rel» «rn» (health care POA) - "
        "shock therapy remains ON per patient wish.\nReviewed by «dr»\n",
        f=w.pick(["AF burden 12%", "no arrhythmias", "3 VT episodes terminated by ATP"]), b=w.pick(["71%", "38%", "18%"]),
        ti=w.pick(["stable", "dropping x5 days, fluid index above threshold"]),
        th=w.pick(["none delivered", "ATP x3, successful; no shocks"]),
        pl=w.pick(["routine remote in 91 days", "call patient re: diuretic, recheck in 1 week"]),
        rel=rel_word, rn=P(rel_p.full()), dr=X(w.clinician(), "staff_name"))
    return d


@T("clinical_note", "pump_training_note", ["plain"])
def t_pump_training(w, layout):
    d = Doc()
    p = w.person(age_range=(18, 78))
    dos = w.recent(0, 14)
    note_hdr(d, w, "plain", "Insulin Pump Start / Training", p, w.mrn(), dos, w.pick(ADULT_DM))
    d.f("Pump: Aria 7 SN «sn» (shipped «sh» from «dme»). CGM integration: Lumen G3, transmitter «tx».\n",
        sn=P(w.pump_sn(), "device_id"), sh=X(fdate(dos - dt.timedelta(days=w.rng.randint(5, 20)), "us"), "ship_date"),
        dme=X(w.pick(DME), "facility"), tx=P(w.tx_sn(), "device_id"))
    d.f("Settings entered per «md»'s orders:\n  Basal 00:00 «b1» U/h, 04:00 «b2» U/h, 09:00 «b3» U/h\n  ICR 1:«icr»   ISF 1:«isf»   "
        "Target 110   Active insulin time 3 h\nInsulin: «ins»\nEducation completed: cartridge fill, set change, "
        "temp basal, suspend, hypoglycemia treatment (rule of 15), sick-day rules, «gl».\n"
        "Patient demonstrated a set change independently. Will upload in 1 week.\n— «cd»\n",
        md=X(w.clinician(), "staff_name"), b1=f"0.{w.rng.randint(5, 9)}", b2=f"0.{w.rng.randint(6, 9)}5",
        b3=f"0.{w.rng.randint(5, 9)}", icr=w.rng.randint(6, 15), isf=w.rng.randint(25, 60),
        ins=X(w.pick(MEDS[:2] + MEDS[9:]), "medication"), gl=X("glucagon nasal powder", "medication"), cd=X(w.nurse(), "staff_name"))
    return d


@T("clinical_note", "telephone_hypo_note", ["plain", "epic"])
def t_phone_note(w, layout):
    d = Doc()
    p = w.person(age_range=(20, 92))
    dos = w.recent(0, 4)
    note_hdr(d, w, layout, "Telephone Encounter", p, w.mrn(), dos, w.pick(ADULT_DM))
    caller_self = w.chance(0.5)
    ev = dos - dt.timedelta(days=w.rng.randint(0, 2))
    if caller_self:
        d.f("Caller: patient. Call back «ph».\n", ph=P(w.phone(), "phone"))
    else:
        r = w.relative(p, age_range=(25, 70))
        d.f("Caller: «rn» («rel»). Call back «ph».\n", rn=P(r.full()), rel=w.pick(["spouse", "daughter", "son", "partner"]),
            ph=P(w.phone(), "phone"))
    d.f("Reason: low BG «bg» mg/dL on «ev» at «t» with CGM urgent-low alarm; «tx». Pump auto-suspend activated.\n"
        "Recent change: basal increased «chg» days ago. Exercise that afternoon.\n"
        "Advice: reduce overnight basal 00:00-04:00 by 10%, temp target for exercise, keep «gl» at home. "
        "Send CorvaneLink upload. Reviewed with «md», who agrees.\n— «rn2»\n",
        bg=w.rng.randint(38, 54), ev=P(fdate(ev, w.pick(["us", "mon"])), "date"), t=f"{w.rng.randint(1, 5)}:{w.rng.randint(10, 59)} am",
        tx=w.pick(["treated with 4 glucose tabs", "spouse gave juice", "used glucagon"]), chg=w.rng.randint(2, 6),
        gl=X("glucagon", "medication"), md=X(w.clinician(), "staff_name"), rn2=X(w.nurse(), "staff_name"))
    return d


@T("clinical_note", "medwatch_3500a_draft", ["form", "plain"])
def t_medwatch(w, layout):
    d = Doc()
    p = w.person(age_range=(8, 96))
    ev = w.recent(5, 25)
    a = w.age(p, ev)
    prod = w.pick(["pump", "icd"])
    sn = w.pump_sn() if prod == "pump" else w.icd_sn()
    mfr = f"30{w.digits(8)}-{w.now.year}-{w.digits(5, False)}"
    d.f("FORM FDA 3500A - DRAFT (do not submit)    Mfr report #: «mr»\nComplaint: «cmp»\n\n", mr=X(mfr, "mdr_report_number"),
        cmp=X(w.complaint_no(), "complaint_number"))
    d.f("A. PATIENT INFORMATION\n  1. Patient identifier: «pi» (in confidence)\n  2. Age: «age»    Date of birth: «dob»\n"
        "  3. Sex: «sx»    4. Weight: «wt» kg\n\n", pi=P(p.initials()), age=age_seg(a, "{} years"),
        dob=P(fdate(p.dob, "us"), "date"), sx="Female" if p.sex == "F" else "Male", wt=w.rng.randint(25, 110))
    d.f("B. ADVERSE EVENT OR PRODUCT PROBLEM\n  1. [x] Adverse event  [x] Product problem\n  2. Outcome: «oc»\n"
        "  3. Date of event: «ev»    4. Date of this report: «rp»\n  5. Describe event:\n",
        oc=w.pick(["Required intervention to prevent permanent impairment", "Hospitalization - initial", "Other serious"]),
        ev=P(fdate(ev, "us"), "date"), rp=X(fdate(w.now, "us"), "report_date"))
    if prod == "pump":
        d.f("  It was reported that the patient experienced «cond» with a blood glucose of «bg» mg/dL on «ev2» after the "
            "pump displayed a 'Motor error' alarm and bolus history showed an unexpected delivery. The patient was "
            "treated by EMS and «out». The pump (SN «sn») was returned for analysis.\n\n",
            cond=X("severe hypoglycemia", "condition"), bg=w.rng.randint(25, 45), ev2=P(fdate(ev, "long"), "date"),
            out=w.pick(["transported to the ED, discharged the same day", "admitted overnight for observation"]),
            sn=P(sn, "device_id"))
    else:
        d.f("  It was reported that the patient received «n» shocks on «ev2» while in sinus rhythm. Interrogation showed "
            "noise on the RV lead consistent with «cond». The lead was replaced on «rev». The ICD (SN «sn») remains implanted.\n\n",
            n=w.rng.randint(2, 6), ev2=P(fdate(ev, "long"), "date"), cond=X("lead conductor fracture", "condition"),
            rev=P(fdate(ev + dt.timedelta(days=w.rng.randint(1, 4)), "long"), "date"), sn=P(sn, "device_id"))
    exp = w.now + dt.timedelta(days=400)
    lot = w.lot("pump")
    d.f("D. SUSPECT DEVICE\n  1. Brand name: «b»\n  2. Common device name: «cn»    Procode: «pc»\n"
        "  4. Model #: «m»   Lot #: «lot»   Serial #: «sn»\n  5. UDI: «udi»\n",
        b="Aria 7" if prod == "pump" else "Sentinel VR", cn="insulin infusion pump" if prod == "pump" else "implantable cardioverter defibrillator",
        pc="LZG" if prod == "pump" else "LWS", m=X("CVP-700" if prod == "pump" else "SVR-410", "device_model"),
        lot=X(lot, "lot_number"), sn=P(sn, "device_id"), udi=P(w.udi(sn, exp, lot), "device_id"))
    if prod == "icd":
        d.f("  6. Implant date: «imp»\n", imp=P(fdate(w.implant_date(), "us"), "date"))
    rep = w.clinician()
    d.f("\nE. INITIAL REPORTER\n  1. Name: «r»   Facility: «fac»\n  Phone: «ph»   3. Occupation: «occ»\n",
        r=X(rep, "staff_name"), fac=X(w.pick(FACILITIES), "facility"), ph=X(w.phone("dash"), "staff_contact"),
        occ=w.pick(["Physician", "Nurse practitioner", "Diabetes educator"]))
    if layout == "plain":
        d.add("\nReviewer note: confirm whether DOB can be omitted (age suffices); remove before eSubmitter upload.\n")
    return d


@T("clinical_note", "implant_case_support_report", ["plain", "markdown"])
def t_implant_case(w, layout):
    d = Doc()
    p = w.person(age_range=(45, 94))
    dos = w.recent(0, 5)
    fac = w.pick(FACILITIES[:1] + FACILITIES[3:7] + FACILITIES[9:10])
    rep = w.staff()
    md = w.clinician()
    hdr = "## " if layout == "markdown" else ""
    d.f("«h»Field Clinical Specialist - Implant Case Report\nFCS: «rep»    Hospital: «fac»    Implanter: «md»\n"
        "Case date: «dos»\n\n", h=hdr, rep=X(rep, "staff_name"), fac=X(fac, "facility"), md=X(md, "staff_name"),
        dos=P(fdate(dos, "us"), "date"))
    gen = w.pick([("Cadence DR CDR-210", lambda: "CDR" + w.digits(6)), ("Sentinel DR SDR-420", lambda: "SDR" + w.digits(6))])
    d.f("Patient: «n» (DOB «dob», MRN «mrn»)\nProcedure: «proc»\n", n=P(p.full()), dob=P(fdate(p.dob, "us"), "date"),
        mrn=P(w.mrn(), "mrn"), proc="dual-chamber pacemaker implant" if gen[0].startswith("Cadence") else "ICD implant")
    d.f("Generator: «g» SN «sn»\nRA lead LX-7F 52 cm SN «l1»\nRV lead LX-7F 58 cm SN «l2»\n\n",
        g=X(gen[0], "device_model"), sn=P(gen[1](), "device_id"), l1=P(w.lead_sn(), "device_id"), l2=P(w.lead_sn(), "device_id"))
    d.add("Intra-op measurements:\n")
    d.add(f"  RA: P wave {w.rng.uniform(1.5, 4):.1f} mV, threshold {w.rng.uniform(0.4, 1.0):.1f} V @ 0.5 ms, impedance {w.rng.randint(400, 700)} ohm\n")
    d.add(f"  RV: R wave {w.rng.uniform(7, 15):.1f} mV, threshold {w.rng.uniform(0.4, 1.0):.1f} V @ 0.5 ms, impedance {w.rng.randint(450, 900)} ohm\n")
    d.f("\nRemote monitoring: CorvaneLink hub «hub» paired in recovery; patient education done with «rel».\n"
        "Registration card completed; warranty registration submitted «reg».\n",
        hub=P(w.hub_sn(), "device_id"), rel=w.pick(["patient", "patient and spouse", "patient's son"]),
        reg=X(fdate(dos, "iso"), "submission_date"))
    return d


# ================================================================ claims_csv
HCPCS = [("E0784", "External ambulatory infusion pump, insulin"), ("A4224", "Supplies for insulin pump, per week"),
         ("A4225", "Supplies for external insulin pump, cartridge"), ("E2103", "Non-adjunctive CGM receiver"),
         ("A4239", "Supply allowance for non-adjunctive CGM, 1 month"), ("A4238", "Supply allowance for adjunctive CGM, 1 month"),
         ("K0554", "Receiver (monitor), dedicated, for use with therapeutic CGM")]


def csvq(s):
    return '"' + s.replace('"', '""') + '"'


@T("claims_csv", "dme_pump_claims", ["csv", "pipe"])
def t_dme_claims(w, layout):
    d = Doc()
    sep = "," if layout == "csv" else "|"
    d.add(sep.join(["claim_id", "member_id", "patient_last", "patient_first", "dob", "dos_from", "dos_to", "hcpcs", "modifier",
                    "units", "billed", "serial_no", "ordering_npi"]) + "\n")
    for _ in range(w.rows(4, 9)):
        p = w.person()
        code, _desc = w.pick(HCPCS)
        dos = w.recent(10, 90)
        to = dos + dt.timedelta(days=(29 if code.startswith("A") else 0))
        sn = P(w.pump_sn(), "device_id") if code == "E0784" else ""
        last = p.family or p.given
        lastc = P(csvq(last) if (sep == "," and " " in last) else last)
        d.add(join(sep, [P(w.claim_no(), "other_id"), P(w.member_id(), "health_plan_id"), lastc, P(p.given),
                         P(fdate(p.dob, "us"), "date"), P(fdate(dos, "us"), "date"), P(fdate(to, "us"), "date"),
                         X(code, "procedure_code"), w.pick(["NU", "RR", "KX", "NU KX"]), str(w.rng.randint(1, 3)),
                         f"{w.rng.uniform(80, 6200):.2f}", sn, X("1" + w.digits(9, False), "npi")]), "\n")
    return d


@T("claims_csv", "mbi_cgm_supply_claims", ["tsv", "csv_quoted"])
def t_mbi_claims(w, layout):
    d = Doc()
    hdr = ["MBI", "Beneficiary Name", "DOB", "DOS", "HCPCS", "Mod", "Allowed", "Status", "Reason"]
    if layout == "tsv":
        d.add("\t".join(hdr) + "\n")
    else:
        d.add(",".join(csvq(h) for h in hdr) + "\n")
    for _ in range(w.rows(4, 8)):
        p = w.person(age_range=(66, 97))
        code = w.pick(["A4239", "E2103", "A4238", "E0784"])
        row = [P(w.mbi(), "medicare_mbi"), P(p.upper_lf()), P(fdate(p.dob, "us"), "date"),
               P(fdate(w.recent(5, 80), "us"), "date"), X(code, "procedure_code"), w.pick(["KF", "KX", "NU", "KX CG"]),
               f"{w.rng.uniform(90, 900):.2f}", w.pick(["PAID", "DENIED", "PEND"]),
               w.pick(["", "CO-16 missing info", "CO-50 not medically necessary", "N/A"])]
        if layout == "tsv":
            d.add(join("\t", row), "\n")
        else:
            d.add(join(",", [['"', c, '"'] for c in row]), "\n")
    return d


@T("claims_csv", "payer_denials_export", ["csv", "excel"])
def t_denials(w, layout):
    d = Doc()
    sep = "," if layout == "csv" else "\t"
    if layout == "excel":
        d.add("Denials worklist - DME billing (exported from Brightree)\n\n")
    d.add(sep.join(["Acct #", "Patient", "Payer", "Policy #", "Claim #", "DOS", "Item", "Denial", "Appeal by"]) + "\n")
    for _ in range(w.rows(3, 7)):
        p = w.person()
        dos = w.recent(30, 120)
        payer = w.pick(PAYERS[:4] + PAYERS[5:])
        nm = p.lf()
        d.add(join(sep, [P(w.account(), "account_number"), P(csvq(nm) if sep == "," else nm), csvq(payer) if sep == "," else payer,
                         P(w.member_id(), "health_plan_id"), P(w.claim_no(), "other_id"), P(fdate(dos, "us"), "date"),
                         X(w.pick(["E0784", "A4239", "A4224", "K0554"]), "procedure_code"),
                         w.pick(["CO-197 precert absent", "CO-16 missing serial", "PR-204 not covered", "CO-151 frequency"]),
                         X(fdate(dos + dt.timedelta(days=120), "us"), "appeal_deadline")]), "\n")
    return d


@T("claims_csv", "rpm_99454_billing", ["csv_bom_crlf", "csv"])
def t_rpm_billing(w, layout):
    d = Doc()
    if layout == "csv_bom_crlf":
        d.add("\ufeff")
    d.add("practice_id,platform_patient_id,mrn,patient_name,dob,cpt,period_start,period_end,days_with_data,device_serial,billing_status\n")
    prac = "PR" + w.digits(4)
    for _ in range(w.rows(4, 8)):
        p = w.person(age_range=(45, 93))
        ps = dt.date(w.now.year, w.now.month, 1) - dt.timedelta(days=w.pick([28, 31, 60]))
        ps = dt.date(ps.year, ps.month, 1)
        pe = (ps + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        cpt = w.pick(["99454", "99457", "99458", "99453"])
        d.add(join(",", [prac, P(w.platform_id(), "other_id"), P(w.mrn(), "mrn"), P(csvq(p.lf())), P(fdate(p.dob, "iso"), "date"),
                         X(cpt, "procedure_code"), P(fdate(ps, "iso"), "date"), P(fdate(pe, "iso"), "date"),
                         str(w.rng.randint(9, 30)), P(w.hub_sn(), "device_id"), w.pick(["READY", "HOLD_<16_DAYS", "SUBMITTED"])]), "\n")
    return d


@T("claims_csv", "remit_835_summary", ["pipe", "tsv"])
def t_835(w, layout):
    d = Doc()
    sep = "|" if layout == "pipe" else "\t"
    d.f("ERA summary  payer: «py»  check/EFT: «eft»  paid: «dd»\n", py=w.pick(PAYERS), eft="EFT" + w.digits(10),
        dd=w.now.isoformat())
    d.add(sep.join(["CLP01 patient ctrl #", "CLP07 payer claim #", "NM1*QC name", "NM1*QC member", "SVC proc", "DTM*472",
                    "billed", "paid", "CAS"]) + "\n")
    for _ in range(w.rows(3, 7)):
        p = w.person()
        d.add(join(sep, [P(w.account(), "account_number"), P(w.claim_no(), "other_id"), P(p.hl7(mid=False).replace("^", "*")),
                         P(w.member_id(), "health_plan_id"), X("HC:" + w.pick(["E0784:NU", "A4239", "A4224", "A4225"]), "procedure_code"),
                         P(fdate(w.recent(20, 90), "hl7"), "date"), f"{w.rng.uniform(90, 6000):.2f}", f"{w.rng.uniform(0, 900):.2f}",
                         w.pick(["CO*45", "PR*1", "CO*45~PR*2", ""])]), "\n")
    return d


@T("claims_csv", "capped_rental_tracker", ["tsv", "csv"])
def t_capped_rental(w, layout):
    d = Doc()
    sep = "\t" if layout == "tsv" else ","
    d.add(sep.join(["Patient", "DOB", "Account", "Item", "Serial", "Rental start", "Month #", "Cap reached", "Address"]) + "\n")
    for _ in range(w.rows(3, 6)):
        p = w.person(age_range=(30, 90))
        st, c, s, z = w.address()
        start = w.recent(60, 400)
        mo = w.rng.randint(2, 13)
        addr = [P(st, "street_address"), " ", P(c, "street_address"), " ", X(s, "state"), " ", P(z, "zip_code")]
        d.add(join(sep, [P(p.full()), P(fdate(p.dob, "us"), "date"), P(w.account(), "account_number"), X("E0784 RR", "procedure_code"),
                         P(w.pump_sn(), "device_id"), P(fdate(start, "us"), "date"), str(mo), "Y" if mo >= 13 else "N",
                         (['"'] + addr + ['"']) if sep == "," else addr]), "\n")
    return d


@T("claims_csv", "claim_277ca_reject_one_line", ["txt", "csv"])
def t_277(w, layout):
    d = Doc()
    p = w.person()
    sub = w.now - dt.timedelta(days=w.rng.randint(1, 4))
    if layout == "txt":
        d.f("277CA acknowledgment report  batch «b»  received «r»\nAccepted: «acc»   Rejected: 1\n\n", b="B" + w.digits(8),
            r=sub.isoformat(), acc=w.rng.randint(120, 900))
        d.f("REJECTED  claim «cl»  patient «n»  member «m»  DOS «dos»  A7:562 - entity's NPI invalid (rendering)\n\n"
            "Totals by payer:\n", cl=P(w.claim_no(), "other_id"), n=P(p.upper_lf()), m=P(w.member_id(), "health_plan_id"),
            dos=P(fdate(w.recent(10, 40), "us"), "date"))
        for py in w.rng.sample(PAYERS, 3):
            d.add(f"  {py:44s} {w.rng.randint(20, 300):4d} accepted   0 rejected\n")
    else:
        d.add("# 277CA summary by payer\npayer,batch,accepted,rejected\n")
        b = "B" + w.digits(8)
        for py in w.rng.sample(PAYERS, w.rng.randint(3, 6)):
            d.add(f"\"{py}\",{b},{w.rng.randint(20, 400)},0\n")
        d.add("\n# rejected claims\nbatch,claim,patient,member_id,dos,status,category,code,message\n")
        d.add(join(",", ["B" + w.digits(8), P(w.claim_no(), "other_id"), P(csvq(p.lf())), P(w.member_id(), "health_plan_id"),
                         P(fdate(w.recent(10, 40), "us"), "date"), "REJECTED", "A7", "562", "Entity's NPI invalid"]), "\n")
    return d


# ================================================================ patient_email
SUPPORT = "support@" + CDOM


def mail_head(d, w, layout, frm, to, subj, when=None, cc=None):
    when = when or dt.datetime(w.now.year, w.now.month, w.now.day, w.rng.randint(6, 22), w.rng.randint(0, 59))
    if layout == "gmail":
        d.f("From: «f»\nDate: «dd»\nSubject: «s»\nTo: «t»\n", f=frm,
            dd=X(f"{when:%a, %b} {when.day}, {when.year} at {when:%I:%M %p}".replace(" 0", " "), "message_date"), s=subj, t=to)
    elif layout == "outlook":
        d.f("From: «f»\nSent: «dd»\nTo: «t»\n", f=frm, dd=X(f"{when:%A, %B} {when.day}, {when.year} {when:%I:%M %p}", "message_date"), t=to)
        if cc:
            d.add("Cc: ", cc, "\n")
        d.f("Subject: «s»\n", s=subj)
    else:  # apple / eml
        d.f("From: «f»\nSubject: «s»\nDate: «dd»\nTo: «t»\n", f=frm, s=subj,
            dd=X(f"{when:%d %B %Y at %H:%M:%S} GMT-5", "message_date"), t=to)
    d.add("\n")


def sup_to():
    return ["Corvane Support <", X(SUPPORT, "staff_contact"), ">"]


@T("patient_email", "patient_pump_complaint_email", ["gmail", "outlook"])
def t_pt_email(w, layout):
    d = Doc()
    p = w.person(age_range=(20, 80))
    em = w.email(p)
    mail_head(d, w, layout, [P(p.full()), " <", P(em, "email"), ">"], sup_to(), "Pump keeps alarming - need a replacement")
    ev = w.recent(1, 6)
    st, c, s, z = w.address()
    d.f("Hello,\n\nMy Aria 7 pump (serial «sn») gave me a «al» alarm three times since «ev» and the last time it "
        "stopped my basal for almost 3 hours before I noticed. My sugar went up to «bg» and I had ketones. "
        "I'm back on pens until this is sorted.\n\nPlease send a replacement to:\n«n»\n«st»\n«c», «s» «z»\n\n"
        "My date of birth is «dob» and you can call me at «ph» (after 5 is best).\n\nThanks,\n«g»\n",
        sn=P(w.pump_sn(), "device_id"), al=w.pick(["Motor error", "No delivery", "Critical pump error 41"]),
        ev=P(fdate(ev, w.pick(["long", "us_nopad", "mon"])), "date"), bg=w.rng.randint(300, 480), n=P(p.full()),
        st=P(st, "street_address"), c=P(c, "street_address"), s=X(s, "state"), z=P(z, "zip_code"),
        dob=P(fdate(p.dob, w.pick(["us", "long"])), "date"), ph=P(w.phone(), "phone"), g=P(p.given))
    d.add("\n--\nSent from my iPhone\n" if w.chance(0.5) else "")
    return d


@T("patient_email", "parent_email_spanish", ["gmail", "outlook"])
def t_parent_es(w, layout):
    d = Doc()
    kid = w.person(culture=w.pick(["mexican", "puerto_rican"]), age_range=(4, 14))
    par = w.relative(kid, sex="F", age_range=(27, 45), same_family=0.5)
    em = w.email(par)
    mail_head(d, w, layout, [P(par.full()), " <", P(em, "email"), ">"], sup_to(), "Sensor se cae / pedido de reemplazo")
    ev = w.recent(1, 10)
    c_, s_, z_ = w.city()
    d.f("Buenas tardes,\n\nLes escribo por mi «hijo» «k», «nac» el «dob». El sensor Lumen G3 (serie «ss») se despegó "
        "el «ev» después de solo dos días y la aplicación no muestra lecturas. El transmisor es «tx».\n"
        "Ya es el segundo este mes. En la escuela la enfermera tuvo que revisarle el azúcar con el glucómetro: «bg» mg/dL.\n\n"
        "Por favor envíen sensores de reemplazo a nuestra dirección: «st», «c», «s» «z».\n"
        "Mi teléfono es «ph».\n\nGracias,\n«pn»\n",
        hijo="hija" if kid.sex == "F" else "hijo", k=P(kid.full()), nac="nacida" if kid.sex == "F" else "nacido",
        dob=P(fdate(kid.dob, "es"), "date"), ss=P(w.sensor_sn(), "device_id"), ev=P(fdate(ev, "es"), "date"),
        tx=P(w.tx_sn(), "device_id"), bg=w.rng.randint(55, 310),
        st=P(w.street(), "street_address"), c=P(c_, "street_address"), s=X(s_, "state"),
        z=P(z_, "zip_code"), ph=P(w.phone(), "phone"), pn=P(par.full()))
    return d


@T("patient_email", "clinic_forward_to_support", ["outlook", "gmail"])
def t_clinic_fwd(w, layout):
    d = Doc()
    p = w.person(age_range=(20, 85))
    nurse = w.nurse()
    nname = nurse.split(",")[0]
    fac = w.pick(FACILITIES[:3] + FACILITIES[6:9])
    nem = w.handle(nname) + "@" + fold(fac).lower().split()[0] + "health.example"
    pem = w.email(p)
    mail_head(d, w, layout, [X(nname, "staff_name"), " <", X(nem, "staff_contact"), ">"], sup_to(),
              "FW: Portal message - pump/CGM not talking")
    d.f("Hi team - forwarding a message from one of our pump patients. " + p.pron()[0].capitalize() + " gave permission to share. Can someone call " + p.pron()[1] + "? "
        "Thanks!\n«n»\n«fac» | Diabetes Education | «ph»\n\n", n=X(nurse, "staff_name"), fac=X(fac, "facility"),
        ph=X(w.phone("dash") + " x" + w.digits(4), "staff_contact"))
    d.add("-----Original Message-----\n" if layout == "outlook" else "---------- Forwarded message ---------\n")
    d.f("From: «pn» <«pe»>\nSent: «dd»\nTo: «fac» Patient Portal\nSubject: pump and sensor\n\n",
        pn=P(p.full()), pe=P(pem, "email"), dd=X(fdate(w.recent(1, 3), "long"), "message_date"), fac=X(fac, "facility"))
    d.f("Since I updated the app my pump says 'CGM signal lost' every hour. Pump «sn», transmitter «tx». "
        "My name is «pn», DOB «dob», MRN «mrn» if that helps. My cell is «cell».\n",
        sn=P(w.pump_sn(), "device_id"), tx=P(w.tx_sn(), "device_id"), pn=P(p.full()), dob=P(fdate(p.dob, "us"), "date"),
        mrn=P(w.mrn(), "mrn"), cell=P(w.phone(), "phone"))
    return d


@T("patient_email", "card_payment_email", ["gmail", "outlook"])
def t_card_email(w, layout):
    d = Doc()
    p = w.person(age_range=(25, 80))
    em = w.email(p)
    mail_head(d, w, layout, [P(p.full()), " <", P(em, "email"), ">"], ["Corvane Billing <", X("billing@" + CDOM, "staff_contact"), ">"],
              "Re: Out-of-warranty replacement quote " + "Q" + w.digits(6))
    exp = w.now + dt.timedelta(days=w.rng.randint(200, 1200))
    d.f("Hi,\n\nI'd like to go ahead with the out-of-warranty replacement for my pump «sn». Please charge my card:\n"
        "«card»  exp «exp»  CVV «cvv»\nName on card: «noc»\nBilling ZIP: «z»\n\nShip to the address on my account. Thank you!\n«g»\n\n",
        sn=P(w.pump_sn(), "device_id"), card=P(w.card(), "credit_card"), exp=X(f"{exp:%m/%y}", "card_expiry"),
        cvv=X(w.digits(3), "card_cvv"), noc=P(p.full().upper()), z=P(w.city()[2], "zip_code"), g=P(p.given))
    d.f("On «dd», Corvane Billing <«bm»> wrote:\n> Your quote for the replacement is $«amt». Please reply to approve.\n",
        dd=X(fdate(w.recent(1, 5), "mon"), "message_date"), bm=X("billing@" + CDOM, "staff_contact"), amt=f"{w.rng.randint(900, 4200)}.00")
    return d


@T("patient_email", "daughter_elderly_icd", ["outlook", "apple"])
def t_daughter_icd(w, layout):
    d = Doc()
    p = w.person(age_range=(90, 100))
    dau = w.relative(p, sex="F", age_range=(55, 72), same_family=0.4)
    em = w.email(dau)
    mail_head(d, w, layout, [P(dau.full()), " <", P(em, "email"), ">"], sup_to(),
              f"My {'mother' if p.sex == 'F' else 'father'}'s heart device monitor")
    a = w.age(p)
    pr = p.pron()
    d.f("Hello,\n\nI'm writing for my «rel» «n», who is «age» and has your Sentinel defibrillator (serial «sn», put in «imp»). "
        "The little bedside hub (serial «hub») has had an orange light for a week and the clinic says they are not getting "
        "«pp» transmissions.\n«P0» lives at «st», «c» and does not use email, so please contact me at «ph».\n\nThank you,\n«dn»\n",
        rel="mother" if p.sex == "F" else "father", n=P(p.full()), age=age_seg(a, "{} years old"), sn=P(w.icd_sn(), "device_id"),
        imp=P(fdate(w.implant_date(), w.pick(["long", "us"])), "date"), hub=P(w.hub_sn(), "device_id"), pp=pr[2],
        P0=pr[0].capitalize(), st=P(w.street(), "street_address"), c=P(w.city()[0], "street_address"), ph=P(w.phone(), "phone"),
        dn=P(dau.given))
    return d


@T("patient_email", "reply_chain_address", ["gmail", "outlook"])
def t_reply_chain(w, layout):
    d = Doc()
    p = w.person()
    agent = w.staff()
    em = w.email(p)
    st, c, s, z = w.address()
    mail_head(d, w, layout, [P(p.full()), " <", P(em, "email"), ">"], [X(agent, "staff_name"), " <", X(SUPPORT, "staff_contact"), ">"],
              "Re: [Case " + w.digits(8) + "] Return kit for your transmitter")
    d.f("Yes that's right, the new address is «st», «c», «s» «z». The old one was my daughter's place.\n\n",
        st=P(st, "street_address"), c=P(c, "street_address"), s=X(s, "state"), z=P(z, "zip_code"))
    when = fdate(w.recent(1, 3), "mon")
    oc_ = w.city()
    d.f("On «dd», «ag» <«sm»> wrote:\n> Hi «g», before we ship the return kit can you confirm the address? We have\n"
        "> «ost», «oc», «os» «oz» on file.\n>\n> Thanks, «ag1»\n>\n",
        dd=X(when, "message_date"), ag=X(agent, "staff_name"), sm=X(SUPPORT, "staff_contact"), g=P(p.given),
        ost=P(w.street(), "street_address"), oc=P(oc_[0], "street_address"), os=X(oc_[1], "state"), oz=P(oc_[2], "zip_code"),
        ag1=X(agent.split()[0], "staff_name"))
    d.f("> On «dd2», «n» <«em»> wrote:\n>> My transmitter «tx» stopped working, the app says 'transmitter not found'.\n",
        dd2=X(fdate(w.recent(4, 8), "mon"), "message_date"), n=P(p.full()), em=P(em, "email"), tx=P(w.tx_sn(), "device_id"))
    return d


NATIVE_MAIL = {
    "korean": ("안녕하세요.\n제 {rel} {kid}(생년월일: {dob})의 인슐린 펌프(시리얼 {sn})에서 어제부터 '모터 오류' 경보가 계속 울립니다.\n"
               "교체품을 아래 주소로 보내 주세요: {addr}\n연락처: {ph}\n감사합니다.\n{par} 드림\n", "%Y년 %m월 %d일"),
    "chinese": ("您好：\n我{rel}{kid}（出生日期：{dob}）使用的Aria 7胰岛素泵（序列号：{sn}）从昨天开始一直报警“马达错误”。\n"
                "请把替换的泵寄到：{addr}\n电话：{ph}\n谢谢！\n{par}\n", "ja"),
    "russian": ("Здравствуйте!\nУ {rel} {kid} (дата рождения {dob}) помпа Aria 7 (серийный номер {sn}) со вчерашнего дня "
                "показывает ошибку мотора.\nПожалуйста, пришлите замену по адресу: {addr}\nТелефон: {ph}\nС уважением,\n{par}\n", "eu"),
    "arabic": ("مرحباً،\nمضخة الأنسولين الخاصة بـ{rel} {kid} (تاريخ الميلاد: {dob}) رقمها التسلسلي {sn} تعطي إنذار خطأ المحرك منذ أمس.\n"
               "الرجاء إرسال مضخة بديلة إلى العنوان: {addr}\nالهاتف: {ph}\nشكراً،\n{par}\n", "iso"),
}
NATIVE_REL = {"korean": ("딸", "아들"), "chinese": ("女儿", "儿子"), "russian": ("моей дочери", "моего сына"), "arabic": ("ابنتي", "ابني")}


@T("patient_email", "native_script_parent", ["gmail", "outlook"])
def t_native_parent(w, layout):
    d = Doc()
    lang = w.pick(sorted(NATIVE_MAIL))
    kid = w.person(culture=lang, age_range=(5, 15))
    par = w.person(culture=lang, sex="F" if lang in ("korean", "chinese") else None, age_range=(30, 50))
    em = w.email(par)
    mail_head(d, w, layout, [P(par.full()), " <", P(em, "email"), ">"], sup_to(), "Aria 7 pump motor error / replacement")
    tmpl, dstyle = NATIVE_MAIL[lang]
    dob = kid.dob.strftime(dstyle) if "%" in dstyle else fdate(kid.dob, dstyle)
    st, c, s, z = w.address()
    vals = {"rel": NATIVE_REL[lang][0 if kid.sex == "F" else 1], "kid": P(kid.native), "dob": P(dob, "date"),
            "sn": P(w.pump_sn(), "device_id"), "addr": addr_inline((st, c, s, z)), "ph": P(w.phone(), "phone"),
            "par": P(par.native)}
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", tmpl):
        d.add(tmpl[pos:m.start()], vals[m.group(1)])
        pos = m.end()
    d.add(tmpl[pos:])
    d.f("\n--\n(English) Pump serial «sn2» - motor error since yesterday; please ship replacement. Parent: «pl».\n",
        sn2=P(w.pump_sn(), "device_id") if False else vals["sn"], pl=P(par.full()))
    return d


# ================================================================ java_stacktrace (clean)
def frames(w, pkgs, n):
    out = []
    for _ in range(n):
        pk, cls, meth = w.pick(pkgs)
        out.append(f"\tat {pk}.{cls}.{meth}({cls}.java:{w.rng.randint(30, 880)})\n")
    return out


SPRING = [("org.springframework.web.servlet", "FrameworkServlet", "processRequest"),
          ("org.springframework.web.servlet", "DispatcherServlet", "doDispatch"),
          ("org.springframework.aop.framework", "ReflectiveMethodInvocation", "proceed"),
          ("org.springframework.transaction.interceptor", "TransactionInterceptor", "invoke"),
          ("jakarta.servlet.http", "HttpServlet", "service"), ("org.apache.catalina.core", "ApplicationFilterChain", "doFilter"),
          ("org.apache.tomcat.util.net", "NioEndpoint$SocketProcessor", "doRun"),
          ("java.base/java.util.concurrent", "ThreadPoolExecutor", "runWorker")]


def trace_wrap(d, layout, body_fn):
    if layout == "jira_wiki":
        d.add("{code:java}\n")
    elif layout == "md":
        d.add("```\n")
    body_fn()
    if layout == "jira_wiki":
        d.add("{code}\n")
    elif layout == "md":
        d.add("```\n")


@T("java_stacktrace", "hapi_parse_msh_only", ["jira_wiki", "plain", "md"])
def t_hapi_parse(w, layout):
    d = Doc()
    rep = w.staff()
    fc = w.pick(list(FAC_CODES.values()))
    d.f("«k»: gw-ingest rejects batch from «fc» - HL7 v2.3 header with v2.5.1 segments. Reported by «r». "
        "No patient segments in the logged payload (PHI logging is masked at INFO).\n\n", k=w.jira_key("GW"), fc=fc,
        r=X(rep, "staff_name"))

    def body():
        ts = w.ts(hl7=True)
        d.add(f"{w.now:%Y-%m-%d} 04:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)},{w.rng.randint(100, 999)} ERROR [mllp-{w.rng.randint(1, 9)}] "
              f"c.c.gw.ingest.InboundHandler - parse failure, msgCtrlId=GW{w.digits(8)} peer={w.ip_private()}:2575\n")
        d.add("ca.uhn.hl7v2.parser.EncodingNotSupportedException: Can't parse message beginning "
              f"MSH|^~\\&|EPIC|{fc}|CORVANELINK|CVN|{ts}||ORU^R01|{w.digits(10)}|P|2.3\n")
        d.add("\tat ca.uhn.hl7v2.parser.Parser.parse(Parser.java:216)\n\tat ca.uhn.hl7v2.parser.PipeParser.parse(PipeParser.java:1085)\n")
        d.add(f"\tat com.corvane.gw.ingest.InboundHandler.onMessage(InboundHandler.java:{w.rng.randint(80, 200)})\n")
        d.add(f"\tat com.corvane.gw.mllp.MllpDecoder.channelRead(MllpDecoder.java:{w.rng.randint(40, 140)})\n")
        d.add("\tat io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)\n")
        d.add("\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:566)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\n")
        d.add(f"Caused by: ca.uhn.hl7v2.HL7Exception: Version 2.3 does not define segment ZDV (device) at position {w.rng.randint(3, 9)}\n")
        d.add("\tat ca.uhn.hl7v2.parser.ModelClassFactory.getSegmentClass(DefaultModelClassFactory.java:112)\n\t... 14 more\n")
    trace_wrap(d, layout, body)
    d.add("\nWorkaround: enable `allowUnknownVersions` + custom model for ZDV; long term the clinic should send 2.5.1 per spec.\n")
    return d


@T("java_stacktrace", "fhir_422_test_patient", ["jira_wiki", "md"])
def t_fhir_422(w, layout):
    d = Doc()
    rep = w.staff()
    d.f("rmon-api integration test fails against the HAPI sandbox (tenant qa-«n»). Test data only - ", n=w.rng.randint(1, 9))
    d.add(X("ZZTEST, PUMPUSER", "test_patient"), " is the seeded synthetic patient. Reporter: ", X(rep, "staff_name"), "\n\n")

    def body():
        d.add("com.corvane.rmon.fhir.FhirClientException: HTTP 422 Unprocessable Entity: POST /fhir/Patient\n")
        d.add('{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invariant","diagnostics":'
              '"Patient.identifier[1].value \'123-45-6789\' matches a documented test SSN and is rejected by profile '
              'corvane-patient (rule cvn-3)","expression":["Patient.identifier[1]"]},{"severity":"warning","code":"value",'
              '"diagnostics":"Patient.telecom[0].value \'555-0199\' is a reserved fictional number"}]}\n')
        d.add(f"\tat com.corvane.rmon.fhir.FhirClient.post(FhirClient.java:{w.rng.randint(90, 220)})\n")
        d.add(f"\tat com.corvane.rmon.onboarding.OnboardingService.createPatient(OnboardingService.java:{w.rng.randint(50, 150)})\n")
        d.add(f"\tat com.corvane.rmon.onboarding.OnboardingServiceIT.createsPatientFromEnrollment(OnboardingServiceIT.java:{w.rng.randint(40, 120)})\n")
        d.add("\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n")
        d.add("\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:146)\n")
    trace_wrap(d, layout, body)
    d.add("\nThe profile now rejects the documented test SSN; the fixture should drop identifier[1] instead.\n")
    return d


@T("java_stacktrace", "spring_npe_registration", ["plain", "jira_wiki", "md"])
def t_spring_npe(w, layout):
    d = Doc()
    d.f("warranty-service «v» on «ip» (pod warranty-«h»), QA tenant. Registration submit with a model code that "
        "is not in the product master.\n\n", v=f"2.{w.rng.randint(10, 30)}.{w.rng.randint(0, 9)}", ip=w.ip_private(), h=w.hexs(5))

    def body():
        d.add(f"{w.now:%Y-%m-%d}T{w.rng.randint(10, 22)}:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)}.{w.rng.randint(100, 999)}Z ERROR 1 --- "
              f"[nio-8080-exec-{w.rng.randint(1, 10)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception\n")
        d.add("java.lang.NullPointerException: Cannot invoke \"com.corvane.product.ProductModel.getWarrantyMonths()\" because "
              "\"model\" is null\n")
        d.add(f"\tat com.corvane.warranty.RegistrationService.computeExpiry(RegistrationService.java:{w.rng.randint(100, 300)})\n")
        d.add(f"\tat com.corvane.warranty.RegistrationService.register(RegistrationService.java:{w.rng.randint(60, 99)})\n")
        d.add(f"\tat com.corvane.warranty.api.RegistrationController.submit(RegistrationController.java:{w.rng.randint(30, 80)})\n")
        d.add(frames(w, SPRING, w.rng.randint(5, 9)))
    trace_wrap(d, layout, body)
    d.f("\nRequest body (QA): modelCode=CVP-7OO (letter O, typo in the QA script), serial=AR7TEST00«n», "
        "registeredBy=qa-bot.\n", n=w.rng.randint(10, 99))
    return d


@T("java_stacktrace", "kafka_commit_failed", ["plain", "jira_wiki", "md"])
def t_kafka(w, layout):
    d = Doc()
    d.f("cgm-readings consumer group rebalancing in a loop on prod-us-east (brokers «b1», «b2»). Lag peaked at «lag» "
        "messages; no data loss, readings delayed up to «m» min.\n\n", b1=w.ip_private() + ":9092", b2=w.ip_private() + ":9092",
        lag=f"{w.rng.randint(100, 900)},{w.rng.randint(100, 999)}", m=w.rng.randint(4, 40))

    def body():
        d.add(f"{w.now:%Y-%m-%d} {w.rng.randint(0, 23):02d}:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)}.{w.rng.randint(100, 999)} "
              "WARN  [cgm-readings-consumer-3] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId=cgm-readings-3, groupId=rmon-cgm] "
              "Offset commit failed on partition cgm.readings.v2-" + str(w.rng.randint(0, 23)) + f" at offset {w.rng.randint(10 ** 7, 10 ** 9)}\n")
        d.add("org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not "
              "part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.\n")
        d.add("\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1351)\n")
        d.add("\tat org.apache.kafka.clients.consumer.KafkaConsumer.commitSync(KafkaConsumer.java:1497)\n")
        d.add(f"\tat com.corvane.rmon.cgm.ReadingConsumer.pollLoop(ReadingConsumer.java:{w.rng.randint(60, 180)})\n")
        d.add("\tat java.base/java.lang.Thread.run(Thread.java:1583)\n")
    trace_wrap(d, layout, body)
    d.add(f"\nmax.poll.interval.ms=300000, batch processing p99 = {w.rng.randint(310, 600)} s after the glucose-trend "
          "enrichment change. Action: reduce max.poll.records from 500 to 100.\n")
    return d


@T("java_stacktrace", "junit_masking_failure", ["plain", "jira_wiki", "md"])
def t_junit(w, layout):
    d = Doc()
    d.f("CI build #«b» red on develop - masking tests after the logback upgrade. Only the documented test values "
        "from the test-data policy are used.\n\n", b=w.rng.randint(2000, 9000))

    def body():
        d.add("[ERROR] Tests run: 14, Failures: 2, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! - in "
              "com.corvane.logging.PhiMaskingLayoutTest\n")
        d.add("[ERROR] masksSsnInMessage  Time elapsed: 0.021 s  <<< FAILURE!\n")
        d.add("org.opentest4j.AssertionFailedError: expected: <patient=")
        d.add(X("Jane Doe", "test_patient"))
        d.add(" ssn=***-**-6789 phone=555-0142> but was: <patient=", X("Jane Doe", "test_patient"),
              " ssn=123-45-6789 phone=555-0142>\n")
        d.add("\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n")
        d.add("\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)\n")
        d.add(f"\tat com.corvane.logging.PhiMaskingLayoutTest.masksSsnInMessage(PhiMaskingLayoutTest.java:{w.rng.randint(30, 90)})\n")
        d.add("[ERROR] masksMbi  Time elapsed: 0.004 s  <<< FAILURE!\n")
        d.add("org.opentest4j.AssertionFailedError: expected: <mbi=****-***-MK73> but was: <mbi=1EG4-TE5-MK73>\n")
        d.add(f"\tat com.corvane.logging.PhiMaskingLayoutTest.masksMbi(PhiMaskingLayoutTest.java:{w.rng.randint(91, 140)})\n")
    trace_wrap(d, layout, body)
    d.add("\nCause: the new PatternLayout encoder bypasses our MaskingConverter. Pin logback 1.4.x until the converter is re-registered.\n")
    return d


@T("java_stacktrace", "android_ble_crash_bench", ["plain", "jira_wiki", "md"])
def t_android(w, layout):
    d = Doc()
    d.f("Corvane Connect «v» (build «b») crashes when pairing with an EVT pump on the bench. Engineering unit, "
        "no user data. Device: Pixel 8, Android 15 (AP4A.«bn»).\n\n", v=f"3.{w.rng.randint(5, 9)}.0", b=w.rng.randint(4000, 9000),
        bn=w.digits(6))
    mac = ":".join(w.hexs(2).upper() for _ in range(6))

    def body():
        d.add(f"{w.now:%m-%d} 14:{w.rng.randint(10, 59)}:{w.rng.randint(10, 59)}.{w.rng.randint(100, 999)}  {w.rng.randint(9000, 30000)}  "
              f"{w.rng.randint(9000, 30000)} E AndroidRuntime: FATAL EXCEPTION: BlePairingThread\n")
        d.add("E AndroidRuntime: Process: com.corvane.connect, PID: " + str(w.rng.randint(9000, 30000)) + "\n")
        d.add("E AndroidRuntime: java.lang.IllegalStateException: Bond state BOND_NONE after passkey for " + mac +
              " (adv name ARIA7-EVT-0" + str(w.rng.randint(10, 99)) + ", fw 7.4.0-rc" + str(w.rng.randint(1, 5)) + ")\n")
        d.add("E AndroidRuntime: \tat com.corvane.connect.ble.PairingStateMachine.onBondStateChanged(PairingStateMachine.kt:212)\n")
        d.add("E AndroidRuntime: \tat com.corvane.connect.ble.BondReceiver.onReceive(BondReceiver.kt:41)\n")
        d.add("E AndroidRuntime: \tat android.app.LoadedApk$ReceiverDispatcher$Args.lambda$getRunnable$0(LoadedApk.java:1790)\n")
        d.add("E AndroidRuntime: \tat android.os.Handler.handleCallback(Handler.java:959)\n")
        d.add("E AndroidRuntime: \tat android.os.Looper.loop(Looper.java:232)\n")
    trace_wrap(d, layout, body)
    d.add("\nOnly on EVT boards with the new passkey flow; DVT and production units pair fine.\n")
    return d


@T("java_stacktrace", "s3_export_access_denied", ["plain", "jira_wiki", "md"])
def t_s3(w, layout):
    d = Doc()
    acct = w.digits(12)
    d.f("Nightly aggregate export (de-identified counts only) to the analytics bucket fails after the account move. "
        "Role in account «a».\n\n", a=acct)

    def body():
        d.add("software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, "
              f"Request ID: {w.alnum(16)}, Extended Request ID: {w.alnum(40, 'abcdefghijklmnopqrstuvwxyz0123456789+/')})\n")
        d.add(f"\tat software.amazon.awssdk.services.s3.DefaultS3Client.putObject(DefaultS3Client.java:{w.rng.randint(9000, 12000)})\n")
        d.add(f"\tat com.corvane.analytics.export.AggregateExporter.upload(AggregateExporter.java:{w.rng.randint(40, 150)})\n")
        d.add(f"\tat com.corvane.analytics.export.NightlyJob.run(NightlyJob.java:{w.rng.randint(20, 90)})\n")
        d.add("\tat org.quartz.core.JobRunShell.run(JobRunShell.java:202)\n")
    trace_wrap(d, layout, body)
    d.add(f"\nBucket policy still trusts arn:aws:iam::{w.digits(12)}:role/analytics-export (old account). Update to "
          f"arn:aws:iam::{acct}:role/analytics-export.\n")
    return d


# ================================================================ meeting_notes (clean)
def bridge(w):
    return (f"Join Zoom: https://corvane.zoom.example/j/{w.digits(11)}?pwd={w.alnum(20, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')}\n"
            f"Dial-in: +1 646 931 {w.digits(4, False)} / +1 312 626 {w.digits(4, False)}  Meeting ID: {w.digits(3)} {w.digits(4)} {w.digits(4)}  "
            f"Passcode: {w.digits(6)}\n")


def attendees(d, w, n):
    names = [w.staff() for _ in range(n)]
    d.add("Attendees: ", join(", ", [X(x, "staff_name") for x in names]), "\n")
    return names


def hx(layout, t, lvl=2):
    if layout in ("conf_wiki", "jira_wiki"):
        return f"h{lvl}. {t}\n"
    if layout in ("md", "conf_md"):
        return "#" * lvl + f" {t}\n"
    return f"{t}\n" + ("=" if lvl == 1 else "-") * len(t) + "\n"


@T("meeting_notes", "complaint_review_board", ["conf_wiki", "md", "plain"])
def t_crb(w, layout):
    d = Doc()
    md = w.now - dt.timedelta(days=w.rng.randint(0, 5))
    d.add(hx(layout, f"Complaint Review Board - {md:%Y-%m-%d}", 1))
    names = attendees(d, w, w.rng.randint(5, 8))
    d.add(bridge(w), "\n", hx(layout, "Trend summary (rolling 90 days)"))
    rows = []
    for prod in ["Aria 7", "Lumen G3 sensor", "Lumen G3 transmitter", "Sentinel ICD", "Cadence PM", "CorvaneLink Hub"]:
        n = w.rng.randint(12, 900)
        rows.append([prod, str(n), f"{w.rng.uniform(0.05, 2.5):.2f}", str(w.rng.randint(0, 12)), w.pick(["flat", "up 8%", "down 12%", "up 3%"])])
    table(d, "wiki" if layout == "conf_wiki" else ("md" if layout == "md" else "tsv"),
          ["Product", "Complaints", "per 1k units", "MDRs filed", "Trend"], rows)
    d.add("\n", hx(layout, "Decisions"))
    d.f("* CAPA-«c1» (sensor adhesive, lots «l1»-«l2») - effectiveness check extended 60 days. Owner «o1».\n"
        "* NCR-«n1» dispositioned use-as-is; no patient impact found in «k» returned units.\n"
        "* Age-band review: 65+ share of severe-hypo complaints rose to «pct»%; refer to SAFETY.\n"
        "* Next CRB «nx».\n", c1=w.digits(4), l1=X(w.lot("sensor"), "lot_number"), l2=X(w.lot("sensor"), "lot_number"),
        o1=X(names[0], "staff_name"), n1=w.digits(5), k=w.rng.randint(12, 80), pct=w.rng.randint(18, 40),
        nx=(md + dt.timedelta(days=14)).isoformat())
    return d


@T("meeting_notes", "sprint_planning_rmon", ["md", "conf_wiki"])
def t_sprint(w, layout):
    d = Doc()
    d.add(hx(layout, f"RMON sprint {w.rng.randint(40, 90)} planning", 1))
    names = attendees(d, w, w.rng.randint(4, 7))
    d.add(f"Capacity: {w.rng.randint(38, 70)} pts (one on PTO)\n\n", hx(layout, "Committed"))
    for _ in range(w.rows(5, 9)):
        d.add(f"* {w.jira_key('RMON')} {w.pick(['A08 address change -> ship-to snapshot', 'low-alert debounce', 'IDC lead implant date type', 'FHIR Observation paging', 'hub firmware OTA retry', 'clinic report PDF fonts', 'de-dup VitaView replays', 'Okta lockout UX'])} ")
        d.add("(", X(w.pick(names), "staff_name"), f", {w.pick([1, 2, 3, 5, 8])} pts)\n")
    d.add("\n", hx(layout, "Notes"))
    d.add("* Reminder: no production exports in fixtures. Use the synthetic generator (`make fixtures`).\n"
          "* Demo for clinic advisory board on Thursday; use tenant `demo` with ZZTEST patients only.\n")
    return d


@T("meeting_notes", "material_review_board", ["conf_wiki", "plain"])
def t_mrb(w, layout):
    d = Doc()
    d.add(hx(layout, f"MRB - Building 2 - week {w.now.isocalendar()[1]}", 1))
    attendees(d, w, w.rng.randint(4, 6))
    sup = w.pick([("Helix Precision Molding", "4410 Commerce Pkwy", "Elk Grove Village, IL 60007"),
                  ("Tarrant Flex Circuits", "1200 Industrial Blvd", "Fort Worth, TX 76106"),
                  ("Boreal Adhesives Inc.", "77 Mill Pond Rd", "Nashua, NH 03062")])
    d.f("Supplier: «s», «a», «c» (SCAR pending)\n\n", s=X(sup[0], "supplier"), a=sup[1], c=sup[2])
    rows = []
    for _ in range(w.rows(3, 6)):
        rows.append([f"NCR-{w.digits(5)}", X(w.pick([w.lot("sensor"), w.lot("pump"), w.lot("lead")]), "lot_number"),
                     f"PN {w.digits(3)}-{w.digits(5)}-{w.pick(['A', 'B', 'C'])}", str(w.rng.randint(20, 4000)),
                     w.pick(["short shot on housing", "adhesive peel < 4 N", "flex trace crack", "label misprint (UDI HRI)"]),
                     w.pick(["RTV", "scrap", "rework", "use-as-is"])])
    table(d, "wiki" if layout == "conf_wiki" else "tsv", ["NCR", "Lot", "Part", "Qty", "Defect", "Disposition"], rows)
    d.add("\nNo finished goods shipped from affected lots; no field action.\n")
    return d


@T("meeting_notes", "biomed_vendor_sync", ["md", "outlook_invite"])
def t_biomed(w, layout):
    d = Doc()
    fac = w.pick(FACILITIES[:2] + FACILITIES[5:6] + FACILITIES[8:9])
    bm1, bm2 = w.pick(["Darnell Whitaker", "Josefina Arreola", "Rick Vandermeer", "Tanya Olesky"]), w.pick(["Howard Pinto", "Mei Ling Foster", "Curtis Baptiste"])
    addr = w.pick(["2200 Kessler Ave, Building C", "501 N Riverside Dr", "1800 Memorial Pkwy, Tower 2"])
    c, s, z = w.city()
    if layout == "outlook_invite":
        d.f("Subject: VitaView 12 fleet sync - «fac»\nWhen: «dd» 10:00-10:45 (UTC-06:00) Central Time\nWhere: Teams / Biomed shop, «a», «c», «s» «z»\n\n",
            fac=X(fac, "facility"), dd=(w.now + dt.timedelta(days=3)).strftime("%A, %B %d, %Y"), a=addr, c=c, s=s, z=z)
        d.add("Microsoft Teams meeting\nJoin on your computer or mobile app\nMeeting ID: ", f"{w.digits(3)} {w.digits(3)} {w.digits(3)} {w.digits(3)}",
              f"\nPasscode: {w.alnum(6)}\nCall in (audio only) +1 872-240-{w.digits(4, False)},,{w.digits(9)}#\n\n")
    else:
        d.add(hx("md", f"VitaView 12 fleet sync - {fac}", 1))
        d.f("Location: Biomed shop, «a», «c», «s» «z»\n", a=addr, c=c, s=s, z=z)
    d.f("Hospital: «b1» (Biomed supervisor, «p1», «e1»), «b2» (Clinical engineering, «p2»)\nCorvane: «s1» (FSE), «s2» (TAM)\n\n",
        b1=X(bm1, "staff_name"), p1=X(w.phone("dash"), "staff_contact"), e1=X(fold(bm1).lower().replace(" ", ".") + "@" + fold(fac).lower().split()[0] + "health.example", "staff_contact"),
        b2=X(bm2, "staff_name"), p2=X(w.phone("dash") + " ext " + w.digits(4), "staff_contact"), s1=X(w.staff(), "staff_name"), s2=X(w.staff(), "staff_name"))
    d.add("Agenda / notes:\n")
    d.add(f"1. Software 5.{w.rng.randint(1, 4)}.{w.rng.randint(0, 9)} rollout to {w.rng.randint(20, 140)} bedside monitors - {w.pick(['done on 4 units', 'scheduled for next PM window', 'on hold pending CAB'])}.\n")
    d.add("2. Monitors out for repair (hospital assets): ", ", ".join(w.monitor_sn() for _ in range(w.rng.randint(2, 4))), ".\n")
    d.add(f"3. PM due: {w.rng.randint(10, 60)} units in {w.pick(['March', 'June', 'September'])}. Batteries: part 410-{w.digits(5)}.\n")
    d.add("4. Central station failover test - see GW/PMON ticket; duplicates fixed in 5.2.3.\n")
    return d


@T("meeting_notes", "postmarket_surveillance_trends", ["conf_wiki", "md"])
def t_pms(w, layout):
    d = Doc()
    d.add(hx(layout, f"Post-market surveillance review - Q{(w.now.month - 1) // 3 + 1} {w.now.year}", 1))
    attendees(d, w, w.rng.randint(5, 7))
    d.add("\n", hx(layout, "Severe hypoglycemia complaints by age band (Aria 7)"))
    rows = []
    for band in ["0-17", "18-44", "45-64", "65-79", "80-89", "90+"]:
        rows.append([band, str(w.rng.randint(2, 140)), f"{w.rng.uniform(0.1, 3.5):.2f}", str(w.rng.randint(0, 9))])
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Age band", "Complaints", "per 1k users", "MDRs"], rows)
    d.add("\nPatients aged 90 and older remain a small population (under 1% of users) but have the highest rate; "
          "no individual cases discussed here - see the complaint system.\n\n")
    d.add(hx(layout, "Actions"))
    d.add(f"* Update PSUR section 6 with the age-band table.\n* SAFETY to assess default alert thresholds for 80+.\n"
          f"* Literature search refresh ({w.rng.randint(12, 60)} new abstracts).\n")
    return d


@T("meeting_notes", "incident_postmortem_platform", ["md", "conf_wiki", "plain"])
def t_postmortem(w, layout):
    d = Doc()
    day = w.recent(2, 20)
    d.add(hx(layout, f"Post-incident review: CorvaneLink ingestion delay {day:%Y-%m-%d}", 1))
    attendees(d, w, w.rng.randint(4, 7))
    d.add(f"Severity: SEV-{w.pick([1, 2])}   Duration: {w.rng.randint(40, 200)} min   Affected: ~{w.rng.randint(3, 40)},{w.rng.randint(100, 999)} "
          "patients' readings delayed (no loss), 0 alerts suppressed\n\n", hx(layout, "Timeline (UTC)"))
    t = dt.datetime(day.year, day.month, day.day, w.rng.randint(1, 20), w.rng.randint(0, 59))
    for ev in ["PagerDuty alert: ingest lag > 5 min", "IC declared; bridge opened", f"RDS failover on {w.ip_private()} (writer)",
               "consumer group stuck rebalancing", "rolled back config 2026.3.14-1", "lag back under 60 s", "all clear"]:
        t += dt.timedelta(minutes=w.rng.randint(3, 30))
        d.add(f"* {t:%H:%M} {ev}\n")
    d.add("\n", hx(layout, "Follow-ups"))
    for _ in range(3):
        d.add(f"* {w.jira_key('RMON')} ", w.pick(["alert on consumer rebalance count", "RDS proxy for writer failover",
                                                   "runbook: replay from S3 archive", "status page automation"]), " - ", X(w.staff(), "staff_name"), "\n")
    return d


@T("meeting_notes", "design_review_bench_data", ["conf_wiki", "md"])
def t_design_review(w, layout):
    d = Doc()
    d.add(hx(layout, "Design review: Aria 7 occlusion detection v2 (DR-3)", 1))
    attendees(d, w, w.rng.randint(5, 8))
    d.add("\n", hx(layout, "Bench results (EVT units, rig B-07)"))
    rows = []
    for i in range(w.rows(4, 7)):
        rows.append([f"EVT-{w.rng.randint(1, 40):03d}", f"AR7{w.digits(6, False)}E", w.pick(["7.4.0-rc2", "7.4.0-rc3"]),
                     f"{w.rng.uniform(0.3, 2.2):.1f} U", f"{w.rng.randint(18, 95)} min", w.pick(["pass", "pass", "fail"])])
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Unit", "Serial", "FW", "Volume to alarm", "Time to alarm", "Result"], rows)
    d.add("\nRequirement SRS-OCC-004: alarm before 2.0 U missed at basal 0.1 U/h. One fail traced to rig pressure "
          "sensor drift; re-test scheduled.\nDecision: proceed to DVT with the updated threshold table.\n")
    return d


# ================================================================ validator_diff (clean)
def vdiff_head(d, w, layout, path, title, n, new_file=True, old_n=0):
    diff_head(d, w, "bitbucket" if layout == "bitbucket" else ("github" if layout == "github" else "git"), path, title, n,
              new_file=new_file, old_n=old_n)


@T("validator_diff", "pump_serial_validator", ["git", "bitbucket", "github"])
def t_serial_validator(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "common/src/main/java/com/corvane/common/SerialNumbers.java", "Accept Aria 7 serials with check letter", 14)
    d.add("+    /** Aria 7: 'AR7' + 6 digits + check letter (KLMNPRT), see DHF-ARIA7-LBL-004 rev C. */\n")
    d.add('+    private static final Pattern ARIA7 = Pattern.compile("^AR7\\\\d{6}[KLMNPRT]$");\n')
    d.add('+    /** Lumen G3 transmitter: \'LT\' + 6 base-32 chars. */\n+    private static final Pattern LUMEN_TX = Pattern.compile("^LT[0-9A-HJ-NP-Z]{6}$");\n')
    d.add("+\n+    public static boolean isAria7(String s) { return s != null && ARIA7.matcher(s).matches(); }\n")
    d.add("diff --git a/common/src/test/java/com/corvane/common/SerialNumbersTest.java b/common/src/test/java/com/corvane/common/SerialNumbersTest.java\n")
    d.add("@@ -12,6 +12,14 @@ class SerialNumbersTest {\n")
    d.add("+    @ParameterizedTest\n+    @ValueSource(strings = {\"AR7000001K\", \"AR7123456T\", \"AR7999999P\"})  // labeling-spec examples\n")
    d.add("+    void acceptsAria7(String s) { assertTrue(SerialNumbers.isAria7(s)); }\n+\n")
    d.add("+    @ParameterizedTest\n+    @ValueSource(strings = {\"AR712345K\", \"AR7123456A\", \"ar7123456k\", \"LT12345\", \"\"})\n")
    d.add("+    void rejectsMalformed(String s) { assertFalse(SerialNumbers.isAria7(s)); }\n")
    diff_tail(d, "github" if layout == "github" else "git")
    return d


@T("validator_diff", "mbi_validator_vectors", ["git", "github"])
def t_mbi_validator(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "claims/src/validators/mbi.py", "MBI validator: enforce CMS character positions", 22)
    d.add('+ALPHA = "ACDEFGHJKMNPQRTUVWXY"  # no S, L, O, I, B, Z\n+\n+def is_valid_mbi(s: str) -> bool:\n')
    d.add('+    s = s.replace("-", "").upper()\n+    if len(s) != 11:\n+        return False\n')
    d.add('+    rules = "CAANAANAANN"  # C=1-9, A=alpha, N=0-9; positions 3 and 6 alphanumeric\n+    ...\n')
    d.add("diff --git a/claims/tests/test_mbi.py b/claims/tests/test_mbi.py\n@@ -0,0 +1,14 @@\n")
    d.add("+# CMS documented example plus deliberately invalid vectors\n+VALID = [\"1EG4-TE5-MK73\", \"1EG4TE5MK73\"]\n")
    d.add("+INVALID = [\n+    \"0EG4-TE5-MK73\",  # first char 0\n+    \"1SG4-TE5-MK73\",  # S not allowed\n"
          "+    \"1EG4-TE5-MK7\",   # too short\n+    \"1EG4-TO5-MK73\",  # O not allowed\n+    \"1EG4-TE5-ML73\",  # L not allowed\n+]\n")
    d.add("+\n+@pytest.mark.parametrize(\"v\", VALID)\n+def test_valid(v):\n+    assert is_valid_mbi(v)\n")
    diff_tail(d, "github" if layout == "github" else "git")
    return d


@T("validator_diff", "ssn_mask_filter", ["bitbucket", "git"])
def t_ssn_mask(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "logging/src/main/kotlin/com/corvane/logging/SsnMask.kt", "Log masking: SSN area/group/serial rules", 18)
    d.add('+private val SSN = Regex("""\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b""")\n+\n')
    d.add('+fun maskSsn(s: String) = SSN.replace(s) { "***-**-" + it.value.takeLast(4) }\n')
    d.add("diff --git a/logging/src/test/kotlin/com/corvane/logging/SsnMaskTest.kt b/logging/src/test/kotlin/com/corvane/logging/SsnMaskTest.kt\n@@ -0,0 +1,12 @@\n")
    d.add('+    @Test fun masksDocumentedExample() = assertEquals("ssn=***-**-6789", maskSsn("ssn=123-45-6789"))\n')
    d.add('+    @Test fun ignoresArea000() = assertEquals("000-12-3456", maskSsn("000-12-3456"))\n')
    d.add('+    @Test fun ignoresArea666() = assertEquals("666-12-3456", maskSsn("666-12-3456"))\n')
    d.add('+    @Test fun ignoresArea9xx() = assertEquals("987-65-4320", maskSsn("987-65-4320"))\n')
    d.add('+    @Test fun ignoresGroup00() = assertEquals("123-00-6789", maskSsn("123-00-6789"))\n')
    d.add('+    @Test fun ignoresSerial0000() = assertEquals("123-45-0000", maskSsn("123-45-0000"))\n')
    diff_tail(d, "git", ["Reviewer ", X(w.staff(), "staff_name"), ": LGTM, vectors match the test-data policy page.\n"])
    return d


@T("validator_diff", "udi_gs1_parser_tests", ["git", "github", "bitbucket"])
def t_udi_parser(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "labeling/udi/src/test/java/com/corvane/udi/Gs1ParserTest.java", "UDI: parse AI (11) production date", 16)
    g1, g2 = w.gtin(), w.gtin()
    d.add("+    // Examples from the labeling spec LBL-UDI-002 rev F (engineering samples, never distributed)\n")
    d.add(f'+    private static final String FULL = "(01){g1}(11)250115(17)270115(10)ENG0001(21)AR7000001K";\n')
    d.add(f'+    private static final String NO_SERIAL = "(01){g2}(17)271231(10)SL000001";\n')
    d.add('+    private static final String BAD_CHECK = "(01)00847120000001(17)271231";  // check digit wrong on purpose\n+\n')
    d.add("+    @Test void parsesProductionDate() {\n+        Udi u = Gs1Parser.parse(FULL);\n")
    d.add('+        assertEquals(LocalDate.of(2025, 1, 15), u.productionDate());\n+        assertEquals("AR7000001K", u.serial());\n+    }\n')
    d.add("+    @Test void rejectsBadCheckDigit() { assertThrows(UdiFormatException.class, () -> Gs1Parser.parse(BAD_CHECK)); }\n")
    diff_tail(d, "github" if layout == "github" else "git")
    return d


@T("validator_diff", "nanp_phone_validator", ["github", "git"])
def t_nanp(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "connect-app/src/utils/phone.test.ts", "Phone validation: reject N11 and 555-01xx in prod", 17)
    d.add("+describe('isDialableUsPhone', () => {\n")
    d.add("+  it.each(['555-0100', '555-0142', '(202) 555-0199'])('treats %s as fictional', (p) => {\n")
    d.add("+    expect(isFictional(p)).toBe(true);\n+  });\n")
    d.add("+  it.each(['(011) 234-5678', '(911) 234-5678', '(212) 011-5678', '123-456-7890'])('rejects %s', (p) => {\n")
    d.add("+    expect(isDialableUsPhone(p)).toBe(false);\n+  });\n+});\n")
    d.add("diff --git a/connect-app/src/utils/phone.ts b/connect-app/src/utils/phone.ts\n@@ -3,4 +3,9 @@\n")
    d.add("+const NXX = /^[2-9](?!11)\\d\\d$/;\n+export const isFictional = (p: string) => /555-?01\\d\\d$/.test(p);\n")
    diff_tail(d, "github" if layout == "github" else "git")
    return d


@T("validator_diff", "hl7_pid_builder_test", ["bitbucket", "git"])
def t_pid_builder(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "gateway-core/src/test/java/com/corvane/gw/PidBuilderTest.java", "PID builder: escape ^ in family names", 14)
    d.add("+    @Test void escapesComponentSeparatorInFamilyName() {\n")
    d.add("+        Patient p = TestPatients.builder()\n")
    d.add('+            .family("', X("ZZTEST^PATIENT", "test_patient"), '")  // deliberately contains ^\n')
    d.add('+            .given("', X("ALPHA", "test_patient"), '")\n')
    d.add('+            .birthDate("', X("19000101", "test_value"), '")\n+            .mrn("T0000042")\n+            .build();\n')
    d.add('+        assertEquals("PID|1||T0000042^^^CVN^MR||ZZTEST\\\\S\\\\PATIENT^ALPHA||19000101|U", PidBuilder.build(p));\n+    }\n')
    diff_tail(d, "git")
    return d


@T("validator_diff", "fhir_profile_placeholder_examples", ["git", "github"])
def t_fhir_profile(w, layout):
    d = Doc()
    vdiff_head(d, w, layout, "rmon-fhir/profiles/examples/Patient-example.json", "Profile examples: use IG placeholder patient", 12,
               new_file=False, old_n=10)
    d.add("-  \"name\": [ { \"family\": \"", X("Test", "test_patient"), "\", \"given\": [ \"", X("Patient", "test_patient"), "\" ] } ],\n")
    d.add("+  \"name\": [ { \"family\": \"", X("Doe", "test_patient"), "\", \"given\": [ \"", X("Jane", "test_patient"), "\" ] } ],\n")
    d.add("-  \"birthDate\": \"1900-01-01\",\n+  \"birthDate\": \"", X("1970-01-01", "test_value"), "\",\n")
    d.add("   \"telecom\": [ { \"system\": \"phone\", \"value\": \"555-0123\" } ],\n")
    d.add("+  \"identifier\": [ { \"system\": \"http://hl7.org/fhir/sid/us-ssn\", \"value\": \"123-45-6789\" } ],\n")
    d.add("   \"address\": [ { \"line\": [ \"123 Example St\" ], \"city\": \"Anytown\", \"state\": \"ZZ\", \"postalCode\": \"00000\" } ]\n")
    diff_tail(d, "github" if layout == "github" else "git", ["Validator: 0 errors, 1 warning (us-ssn identifier uses documented test value).\n"])
    return d


# ================================================================ release_notes (clean)
@T("release_notes", "pump_firmware_release", ["conf_wiki", "md", "plain"])
def t_fw_release(w, layout):
    d = Doc()
    v = f"7.{w.rng.randint(3, 5)}.{w.rng.randint(10, 30)}"
    d.add(hx(layout, f"Aria 7 firmware {v} - release notes", 1))
    rd = w.now - dt.timedelta(days=w.rng.randint(0, 20))
    d.add(f"Release date: {rd:%Y-%m-%d}   Build: {w.hexs(8)}   Regulatory: letter-to-file LTF-{w.digits(4)}\n\n")
    d.add(hx(layout, "Fixes"))
    d.add(f"* PUMPFW-{w.rng.randint(900, 2000)} BLE supervision timeout negative after RTC adjust (DST).\n"
          f"* PUMPFW-{w.rng.randint(900, 2000)} Occlusion threshold table v2 (DR-3).\n"
          f"* PUMPFW-{w.rng.randint(900, 2000)} Bolus history shows delivered amount after interrupted bolus.\n\n")
    d.add(hx(layout, "Verification"))
    d.add(f"{w.rng.randint(300, 900)} test cases, 0 open anomalies of severity 1-2. Units: EVT-0{w.rng.randint(10, 40)} to EVT-0{w.rng.randint(41, 80)}, "
          f"DVT serial range AR7900000K-AR7900250K (engineering, not for sale).\n\n")
    d.add(hx(layout, "Rollout"))
    d.add(f"OTA via Corvane Connect: 5% -> 25% -> 100% over {w.rng.randint(10, 21)} days. Halt criteria: >{w.rng.randint(2, 5)} "
          "complaints per 10k updates with code E41.\n")
    return d


@T("release_notes", "cloud_platform_release", ["md", "conf_wiki"])
def t_cloud_release(w, layout):
    d = Doc()
    v = f"{w.now.year}.{w.now.month}.{w.rng.randint(1, 4)}"
    d.add(hx(layout, f"CorvaneLink cloud {v}", 1))
    d.add(f"Deployed to us-east-1 and eu-central-1. Change: CHG{w.digits(7)}.\n\n")
    d.add(hx(layout, "API"))
    d.add(f"* `GET /v2/patients/{{patientId}}/readings` supports `since` cursor; `/v1` sunset {w.now.year + 1}-01-31.\n"
          "* New webhook `device.battery.low` for hubs.\n* `POST /v2/clinics/{clinicId}/reports` returns 202 + job id.\n\n")
    d.add(hx(layout, "Infrastructure"))
    d.add(f"* Ingest nodes {w.ip_private()}, {w.ip_private()} replaced by ASG ingest-v{w.rng.randint(3, 9)}.\n"
          f"* RDS Postgres 15.{w.rng.randint(4, 8)}; Kafka 3.{w.rng.randint(5, 8)}.\n"
          f"* Fixed CVE-{w.now.year}-{w.digits(5)} (netty).\n")
    return d


@T("release_notes", "connect_app_release", ["md", "appstore"])
def t_app_release(w, layout):
    d = Doc()
    v = f"3.{w.rng.randint(5, 9)}.{w.rng.randint(0, 4)}"
    if layout == "appstore":
        d.add(f"What's New in Version {v}\n\n• Faster pairing with Aria 7 pumps\n• Glucose graph now shows 24 h by default\n"
              "• Fixes a crash in Settings when the low target is 90 mg/dL\n• Accessibility improvements for VoiceOver\n\n"
              "Minimum OS: iOS 16 / Android 10. Support: ", X(SUPPORT, "staff_contact"), " or 1-800-555-0100 (example).\n")
    else:
        d.add(hx("md", f"Corvane Connect {v} (iOS build {w.rng.randint(1000, 4000)}, Android versionCode {w.rng.randint(300, 900)})", 1))
        d.add(f"* APP-{w.rng.randint(1000, 4000)} settings crash (targetLow=90)\n* APP-{w.rng.randint(1000, 4000)} Okta SDK 9.x\n"
              "* Privacy: mock data regenerated from the synthetic generator; removed a fixture flagged by privacy-lint.\n"
              f"* Phased release 1% / 2% / 5% / 10% / 20% / 50% / 100% over 7 days.\n")
    return d


@T("release_notes", "gateway_interface_release", ["conf_wiki", "md"])
def t_gw_release(w, layout):
    d = Doc()
    v = f"4.{w.rng.randint(12, 16)}.{w.rng.randint(0, 9)}"
    d.add(hx(layout, f"Gateway (gw-ingest / gw-egress) {v}", 1))
    rows = [[f"GW-{w.rng.randint(1000, 9999)}", "ORU OBX-5 below reportable range sent as '<55'", "all EHR routes"],
            [f"GW-{w.rng.randint(1000, 9999)}", "IDC *_IMPLANT_DT typed DT", "RhythmVault -> Paceart"],
            [f"GW-{w.rng.randint(1000, 9999)}", "MLLP keepalive 60 s", "egress"],
            [f"GW-{w.rng.randint(1000, 9999)}", "A08 publishes AddressChanged", "rmon-adt"]]
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Key", "Change", "Scope"], rows)
    d.add(f"\nInterface spec v3.{w.rng.randint(1, 4)} updated. Validation: {w.rng.randint(80, 300)} messages from the "
          "synthetic HL7 corpus (ZZTEST patients) replayed, 0 diffs outside the listed changes.\n")
    return d


@T("release_notes", "vitaview_software_release", ["plain", "conf_html"])
def t_vv_release(w, layout):
    d = Doc()
    v = f"5.{w.rng.randint(1, 4)}.{w.rng.randint(0, 9)}"
    gt = w.gtin("120012")
    if layout == "conf_html":
        d.add(f"<h1>VitaView 12 software {v}</h1>\n<p>UDI-DI (software): {gt} | Product code: MHX | 510(k) K{w.digits(6)}</p>\n<ul>\n"
              "<li>Central station failover no longer replays buffered vitals (duplicate OBX).</li>\n"
              "<li>New alarm sound profile 'Night' (IEC 60601-1-8 compliant).</li>\n<li>NTP drift alarm threshold 2 s.</li>\n</ul>\n"
              f"<p>Install base eligible: {w.rng.randint(800, 4000)} monitors. Field upgrade by FSE or hospital biomed (kit 410-{w.digits(5)}).</p>\n")
    else:
        d.add(f"VITAVIEW 12 SOFTWARE {v} - CUSTOMER RELEASE NOTE\nUDI-DI {gt}   Product code MHX\n\n"
              "Changes\n - Failover duplicate vitals fixed\n - 'Night' alarm profile\n - Export of audit log to syslog (RFC 5424)\n\n"
              "Known issues\n - Printer driver for model TP-80 shows wrong paper size\n\n"
              "Contact your Corvane field service engineer or ", X(SUPPORT, "staff_contact"), ".\n")
    return d


@T("release_notes", "security_bulletin", ["md", "plain"])
def t_sec_bulletin(w, layout):
    d = Doc()
    cve = f"CVE-{w.now.year}-{w.digits(5)}"
    d.add(hx("md" if layout == "md" else "plain", f"Security bulletin CSB-{w.now.year}-{w.digits(3)}: CorvaneLink Hub", 1))
    d.add(f"Published: {w.now:%Y-%m-%d}   CVSS 3.1: {w.rng.uniform(4, 7.5):.1f}   {cve}\n\n")
    d.add("Summary: the hub's local diagnostics port (TCP 8443) accepted a default credential on firmware 2.1.x. Exploitation "
          "requires physical proximity on the same LAN. No evidence of exploitation. No patient data is stored on the hub.\n\n")
    d.add(f"Affected: hub firmware 2.1.0-2.1.{w.rng.randint(3, 9)}. Fixed: 2.2.0 (automatic OTA).\n"
          "Coordinated with CISA (ICSMA advisory pending) per FDA premarket cybersecurity guidance.\n")
    return d


@T("release_notes", "sensor_lot_release_certificate", ["plain", "conf_wiki"])
def t_lot_release(w, layout):
    d = Doc()
    d.add(hx(layout if layout == "conf_wiki" else "plain", "Lumen G3 sensor - lot release summary", 1))
    rows = []
    for _ in range(w.rows(4, 7)):
        rows.append([X(w.lot("sensor"), "lot_number"), (w.now - dt.timedelta(days=w.rng.randint(20, 60))).isoformat(),
                     (w.now + dt.timedelta(days=w.rng.randint(200, 400))).isoformat(), str(w.rng.randint(20000, 80000)),
                     f"{w.rng.uniform(8.1, 9.9):.1f}%", w.pick(["Released", "Released", "Quarantine - adhesive retest"])])
    table(d, "wiki" if layout == "conf_wiki" else "tsv", ["Lot", "Mfg date", "Expiry", "Qty", "MARD (bench)", "Status"], rows)
    d.add("\nSterilization: EO, cycle records in MES. Released by QA per SOP-QA-0142.\n")
    return d


# ================================================================ clinical_rule (clean)
@T("clinical_rule", "hypo_alert_rule", ["conf_wiki", "md", "plain"])
def t_hypo_rule(w, layout):
    d = Doc()
    d.add(hx(layout, "Rule CL-ALR-007: urgent-low glucose alert (CorvaneLink clinic dashboard)", 1))
    d.add(f"Owner: Clinical Affairs   Version {w.rng.randint(3, 9)}.{w.rng.randint(0, 5)}   Approved by SAFETY board\n\n")
    d.add(hx(layout, "Logic"))
    d.add("Fire when 2 consecutive CGM readings (5 min apart) are < 55 mg/dL, or one reading < 54 mg/dL with a falling trend "
          "arrow, and no alert in the previous 30 min.\n\n")
    d.add(hx(layout, "Thresholds by population"))
    rows = [["Children under 6", "70", "clinician may lower to 65"], ["6 to 64 years", "55", "default"],
            ["65 to 89 years", "60", "hypoglycemia unawareness more common"], ["Patients aged 90 and older", "70", "fall risk; see SAFETY minutes"],
            ["Pregnancy", "63", "ADA Standards of Care"]]
    table(d, "wiki" if layout == "conf_wiki" else ("md" if layout == "md" else "tsv"), ["Population", "Urgent-low (mg/dL)", "Note"], rows)
    d.add("\nConditions in scope: ", X("type 1 diabetes", "condition"), ", ", X("type 2 diabetes on insulin", "condition"),
          ". Not for use in ", X("gestational diabetes", "condition"), " without clinician review.\n")
    d.add("Codes: ICD-10-CM ", X("E10.649", "diagnosis_code"), ", ", X("E11.649", "diagnosis_code"), " (hypoglycemia without coma); LOINC ",
          X("99504-3", "loinc_code"), ".\n")
    return d


@T("clinical_rule", "icd_therapy_zone_defaults", ["conf_wiki", "md"])
def t_icd_zones(w, layout):
    d = Doc()
    d.add(hx(layout, "Sentinel ICD - nominal therapy zones and programming guidance", 1))
    rows = [["VF", "≥ 250 bpm", "ATP during charge, 6 shocks 40 J"], ["FVT", "200-250 bpm", "ATP x1, then shocks"],
            ["VT", "170-200 bpm", "ATP x3, shocks"], ["VT monitor", "150-170 bpm", "monitor only"]]
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Zone", "Rate", "Therapy"], rows)
    d.add("\nSupporting evidence: MADIT-RIT, PainFree SST. For patients with ", X("ischemic cardiomyopathy", "condition"),
          " and prior ", X("ventricular tachycardia", "condition"), " individualise. Drug interactions: ",
          X("amiodarone", "medication"), " raises DFT and slows VT - reassess zones after loading.\n")
    d.add("Elderly patients (80 years and older) are more likely to have inappropriate shocks from AF; consider "
          "longer detection (30/40 intervals).\n")
    return d


@T("clinical_rule", "cgm_signal_algorithm", ["md", "conf_wiki"])
def t_cgm_algo(w, layout):
    d = Doc()
    d.add(hx(layout, "Lumen G3 signal processing - sensor error (E07) rule", 1))
    d.add("Input: raw current (nA) every 30 s, temperature, sensor age.\n\n")
    rows = [["Noise index > 0.35 for 20 min", "Hide value, show '---'", "E05"],
            ["Current < 1.2 nA for 60 min after day 1", "Sensor error - replace", "E07"],
            ["Temperature < 10 °C or > 45 °C", "Hide value", "E09"],
            ["Sensor age > 10 d 12 h", "Session ended", "E10"]]
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Condition", "Action", "Code"], rows)
    d.add(f"\nBench MARD {w.rng.uniform(8, 10):.1f}% (n={w.rng.randint(150, 400)} sensors, lots ", X(w.lot("sensor"), "lot_number"), ", ",
          X(w.lot("sensor"), "lot_number"), "). Clinical MARD reported in the PMA supplement.\n")
    return d


@T("clinical_rule", "mdr_reportability_tree", ["conf_wiki", "md"])
def t_mdr_tree(w, layout):
    d = Doc()
    d.add(hx(layout, "MDR reportability decision tree (21 CFR 803)", 1))
    d.add("Q1. Did the device cause or contribute to a death or serious injury? -> Yes: report within 30 calendar days of "
          "awareness (5 work days if a remedial action is needed to prevent an unreasonable risk).\n"
          "Q2. Did the device malfunction, and would a recurrence likely cause death or serious injury? -> Yes: 30-day report.\n"
          "Q3. Is the event a hypoglycemia requiring third-party assistance? -> treat as serious injury.\n"
          "Q4. User error only, no injury? -> not reportable; document rationale.\n\n")
    d.add("Serious injury (803.3): life-threatening, permanent impairment, or requiring medical or surgical intervention to preclude "
          "permanent impairment. Examples: ", X("diabetic ketoacidosis", "condition"), " requiring admission; ",
          X("inappropriate shock", "condition"), " with injury.\n")
    d.add("Age: report the age at the time of the event; for patients 90 or older, report '90' in the age field per privacy guidance.\n")
    return d


@T("clinical_rule", "occlusion_detection_rule", ["md", "plain"])
def t_occl_rule(w, layout):
    d = Doc()
    d.add(hx("md" if layout == "md" else "plain", "Aria 7 occlusion alarm - clinical rationale", 1))
    d.add("The pump raises 'No delivery' when motor back-pressure exceeds the table threshold for the programmed rate. At low basal "
          "rates (0.1 U/h, typical in young children) time-to-alarm can exceed 2 h; clinicians should teach caregivers to check BG "
          "and ketones when unexplained hyperglycemia above 250 mg/dL persists.\n\n")
    rows = [["0.1 U/h", "< 2.0 U", "< 180 min"], ["1.0 U/h", "< 1.5 U", "< 75 min"], ["Bolus 5 U", "< 1.0 U", "< 5 min"]]
    table(d, "md" if layout == "md" else "tsv", ["Rate", "Volume to alarm", "Time to alarm"], rows)
    d.add("\nMedications: ", X("insulin lispro", "medication"), ", ", X("insulin aspart", "medication"), " (U-100). ",
          X("Faster aspart", "medication"), " not evaluated for occlusion timing.\n")
    return d


@T("clinical_rule", "age_band_analytics_rule", ["conf_wiki", "md"])
def t_age_band(w, layout):
    d = Doc()
    d.add(hx(layout, "Analytics replica: age banding and de-identification rules", 1))
    d.add("Views in `analytics.*` must not expose birth dates. Age is computed at event date and banded:\n")
    rows = [["0-17", "pediatric"], ["18-44", ""], ["45-64", ""], ["65-79", ""], ["80-89", ""], ["90+", "Safe Harbor: all ages over 89 aggregated"]]
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Band", "Note"], rows)
    d.add("\nDates are truncated to year; ZIP codes to the first 3 digits unless the 3-digit area has fewer than 20,000 people "
          "(then '000'). Example: a complaint from ZIP 036xx becomes '000'.\n"
          "```sql\nCASE WHEN age >= 90 THEN '90+' WHEN age >= 80 THEN '80-89' ... END AS age_band\n```\n")
    return d


@T("clinical_rule", "rpm_billing_eligibility", ["conf_wiki", "md"])
def t_rpm_rule(w, layout):
    d = Doc()
    d.add(hx(layout, "RPM billing eligibility (CorvaneLink clinic reports)", 1))
    rows = [[X("99453", "procedure_code"), "Device setup and education", "once per episode"],
            [X("99454", "procedure_code"), "Device supply with daily recording", ">= 16 days of data in 30 days"],
            [X("99457", "procedure_code"), "Treatment management, first 20 min", "interactive communication required"],
            [X("99458", "procedure_code"), "Each additional 20 min", "add-on to 99457"]]
    table(d, "wiki" if layout == "conf_wiki" else "md", ["CPT", "Descriptor", "Rule"], rows)
    d.add("\nThe report counts days with at least one reading per calendar month; clinics remain responsible for "
          "documentation. Medicare: one practitioner per patient per 30-day period.\n")
    return d


# ================================================================ oncall_directory (clean)
def staff_row(w, role):
    n = w.staff()
    return [X(n, "staff_name"), role, X(w.phone("dash"), "staff_contact"), X(w.handle(n) + "@" + CDOM, "staff_contact")]


@T("oncall_directory", "platform_oncall_rota", ["conf_wiki", "md", "yaml"])
def t_oncall_rota(w, layout):
    d = Doc()
    start = w.now - dt.timedelta(days=w.now.weekday())
    if layout == "yaml":
        d.add("# pagerduty-schedules/rmon-primary.yaml (managed by terraform)\nschedule: rmon-primary\ntime_zone: America/Chicago\nlayers:\n")
        for i in range(w.rng.randint(4, 6)):
            n = w.staff()
            d.add(f"  - start: '{(start + dt.timedelta(days=7 * i)).isoformat()}T09:00:00-06:00'\n    user: ", X(w.handle(n), "staff_name"),
                  "\n    name: ", X(n, "staff_name"), "\n    phone: '", X(w.phone("plus"), "staff_contact"), "'\n")
        return d
    d.add(hx(layout, "CorvaneLink platform on-call", 1))
    d.add("Escalation: primary -> secondary (15 min) -> engineering manager (30 min). Bridge: see PagerDuty incident.\n\n")
    rows = []
    for i in range(w.rows(4, 7)):
        n1, n2 = w.staff(), w.staff()
        rows.append([(start + dt.timedelta(days=7 * i)).isoformat(), X(n1, "staff_name"), X(w.phone("dash"), "staff_contact"),
                     X(n2, "staff_name"), X(w.phone("dash"), "staff_contact")])
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Week of", "Primary", "Cell", "Secondary", "Cell"], rows)
    return d


@T("oncall_directory", "field_service_hospital_contacts", ["conf_wiki", "md"])
def t_fse_dir(w, layout):
    d = Doc()
    d.add(hx(layout, "Field service - hospital biomed contacts (Central region)", 1))
    rows = []
    addrs = ["2200 Kessler Ave", "501 N Riverside Dr", "1800 Memorial Pkwy", "77 Hospital Hill Rd", "4000 University Blvd"]
    for fac in w.rng.sample(FACILITIES, w.rng.randint(3, 6)):
        c, s, z = w.city()
        bm = w.pick(["Darnell Whitaker", "Josefina Arreola", "Rick Vandermeer", "Tanya Olesky", "Howard Pinto", "Mei Ling Foster",
                     "Curtis Baptiste", "Roxanne Delgado"])
        rows.append([X(fac, "facility"), f"{w.pick(addrs)}, {c}, {s} {z}", X(bm, "staff_name"), X(w.phone("paren"), "staff_contact"),
                     X(w.staff(), "staff_name")])
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Hospital", "Shipping / receiving", "Biomed lead", "Biomed desk", "Corvane FSE"], rows)
    d.add("\nAfter hours: hospital operator, ask for biomed on call. Do not ship loaners to individual patients from this list.\n")
    return d


@T("oncall_directory", "pagerduty_escalation_policy", ["yaml", "json"])
def t_pd(w, layout):
    d = Doc()
    names = [w.staff() for _ in range(3)]
    if layout == "yaml":
        d.add("escalation_policy:\n  name: gateway-critical\n  num_loops: 2\n  rules:\n")
        for i, n in enumerate(names):
            d.add(f"    - escalation_delay_in_minutes: {15 * (i + 1)}\n      targets:\n        - type: user_reference\n          id: P{w.alnum(6)}\n"
                  "          summary: ", X(n, "staff_name"), "\n          email: ", X(w.handle(n) + "@" + CDOM, "staff_contact"), "\n")
    else:
        d.add('{\n  "escalation_policy": {\n    "name": "gateway-critical",\n    "rules": [\n')
        for i, n in enumerate(names):
            d.add(f'      {{ "delay": {15 * (i + 1)}, "target": {{ "id": "P{w.alnum(6)}", "summary": "', X(n, "staff_name"),
                  '", "contact": "', X(w.phone("plus"), "staff_contact"), '" } }', "," if i < 2 else "", "\n")
        d.add("    ]\n  }\n}\n")
    return d


@T("oncall_directory", "complaint_escalation_contacts", ["md", "conf_html"])
def t_complaint_contacts(w, layout):
    d = Doc()
    rows = [staff_row(w, r) for r in ["Complaint handling lead", "MDR specialist", "Field safety / recalls", "Clinical affairs (MD)",
                                        "Privacy officer"]]
    if layout == "conf_html":
        d.add("<h1>Complaint escalation contacts</h1>\n<p>Use the complaint system for anything with patient details; this page is contacts only.</p>\n")
        table(d, "html", ["Name", "Role", "Work cell", "Email"], rows)
    else:
        d.add("# Complaint escalation contacts\nUse the complaint system for anything with patient details; this page is contacts only.\n\n")
        table(d, "md", ["Name", "Role", "Work cell", "Email"], rows)
    d.add("\nShared mailbox: ", X(f"complaints@{CDOM}", "staff_contact"), ". MedWatch questions: FDA DSMICA (see the FDA website for the current number).\n")
    return d


@T("oncall_directory", "dme_supplier_contacts", ["conf_wiki", "csv"])
def t_dme_contacts(w, layout):
    d = Doc()
    addrs = [("NorthStar Home Medical Supply", "9120 Northpoint Blvd, Suite 300", "Columbus, OH 43219"),
             ("ClearPath DME", "455 Distribution Way", "Louisville, KY 40218"),
             ("Keystone Diabetes Supply Co.", "2 Keystone Plaza", "Harrisburg, PA 17101"),
             ("Summit Respiratory & DME", "1770 Summit Park Dr", "Tulsa, OK 74133")]
    rows = []
    for name, a, c in addrs:
        rep = w.pick(["Gloria Nakamura-Bell", "Terrence Oduya", "Lindsey Marr", "Paulo Mendes", "Sheryl Quist"])
        rows.append([X(name, "supplier"), f"{a}, {c}", X(rep, "staff_name"), X(w.phone("dash"), "staff_contact"),
                     f"{w.rng.randint(200, 4000)} Aria 7 accounts"])
    if layout == "csv":
        d.add("supplier,address,account_rep,phone,volume\n")
        for r in rows:
            d.add(join(",", [r[0], ['"', r[1], '"'], r[2], r[3], r[4]]), "\n")
    else:
        d.add(hx(layout, "Authorized DME suppliers - contacts", 1))
        table(d, "wiki", ["Supplier", "Address", "Account rep", "Phone", "Volume"], rows)
    return d


@T("oncall_directory", "partner_device_clinic_contacts", ["conf_wiki", "md"])
def t_clinic_contacts(w, layout):
    d = Doc()
    d.add(hx(layout, "Partner device clinics - remote monitoring contacts", 1))
    rows = []
    for fac in ["Northgate Electrophysiology Clinic", "Prairie Ridge Cardiology", "Granite Falls Heart & Vascular"]:
        rows.append([X(fac, "facility"), X(w.nurse(), "staff_name"), X(w.phone("dash"), "staff_contact"),
                     X(w.phone("dash"), "staff_contact"), X(w.clinician(), "staff_name"), w.pick(["M-F 8-4:30", "M-F 7-5", "M-Th 8-5, F 8-12"])])
    table(d, "wiki" if layout == "conf_wiki" else "md", ["Clinic", "Device nurse", "Phone", "Fax", "EP physician", "Hours"], rows)
    d.add("\nRed alerts outside hours go to the clinic's answering service, not to Corvane.\n")
    return d


@T("oncall_directory", "manufacturing_site_contacts", ["md", "plain"])
def t_mfg_contacts(w, layout):
    d = Doc()
    d.add(hx("md" if layout == "md" else "plain", "Manufacturing sites", 1))
    for site, addr in [("Plant 1 - pumps", "3300 Innovation Dr, Plymouth, MN 55447"), ("Plant 2 - sensors", "Parque Industrial Norte 14, Tijuana, BC 22444"),
                       ("Plant 3 - implantables", "12 Shannon Business Park, Co. Clare, V14 X221")]:
        n = w.staff()
        d.add(f"* {site}: {addr}. Site QA: ", X(n, "staff_name"), " (", X(w.phone("dash"), "staff_contact"), "), shift lead pager ",
              X(w.digits(7), "staff_contact"), "\n")
    d.add("\nMES support: ", X(f"mes-support@{CDOM}", "staff_contact"), ". Building 2 FA lab receiving dock: door 7.\n")
    return d


# ---------------------------------------------------------------- family-level extras without patient data
DISCLAIMER = ("CONFIDENTIALITY NOTICE: This e-mail and any attachments are for the sole use of the intended recipient(s) and "
              "may contain confidential information. If you are not the intended recipient, please contact the sender and "
              "destroy all copies.\n")
AUTO_REPLY = ["Thank you for contacting Corvane Medical Customer Support.",
              "Your message has been received and a case has been created. A specialist will respond within one business day.",
              "If this is a medical emergency, call 911 or go to the nearest emergency room.",
              "For urgent pump or sensor problems, call the 24/7 technical support line printed on the back of your device.",
              "Please do not reply with photos of your device screen unless a specialist asks for them.",
              "To help us assist you faster, have your device serial number and app version ready."]
CHANGELOG = ["Improve retry backoff for hub uploads", "Localize alarm strings (fr-CA, es-US)", "Upgrade Spring Boot to 3.3.x",
             "Fix timezone of daily summary report", "Reduce cold start of report service", "Add audit event for clinic export",
             "Fix PDF page break in device clinic report", "Remove deprecated v1 readings endpoint from docs",
             "Harden TLS config (disable TLS 1.1)", "Fix flaky integration test in onboarding", "Add metrics for NAK rate per route",
             "Rotate signing keys for OTA manifests", "Improve accessibility labels on graph", "Bump netty to patched version",
             "Fix double alert after reconnect", "Add feature flag for geriatric thresholds", "Update IFU links to rev K",
             "Fix sorting in clinic patient list", "Cache product master lookups", "Add idempotency key to RMA creation"]
REFS = ["American Diabetes Association. Standards of Care in Diabetes - 2026. Diabetes Care 49(Suppl 1).",
        "Battelino T, et al. Clinical targets for CGM data interpretation. Diabetes Care 2019;42:1593-1603.",
        "Heart Rhythm Society expert consensus statement on remote interrogation and monitoring of CIEDs.",
        "21 CFR Part 803 - Medical Device Reporting.", "ISO 14971:2019 Application of risk management to medical devices.",
        "IEC 60601-1-8 Alarm systems.", "FDA guidance: Cybersecurity in Medical Devices (2023).",
        "HHS Guidance Regarding Methods for De-identification of PHI (Safe Harbor, 164.514(b)(2))."]


def email_extras(d, w, layout, tname=None):
    if w.size == 0:
        return
    d.add("\n", DISCLAIMER if w.chance(0.5) else "")
    q = "> " if layout != "outlook" else ""
    d.add("\n", "-----Original Message-----\n" if layout == "outlook" else
          ["On ", X(fdate(w.recent(5, 20), "mon"), "message_date"), ", Corvane Support <", X(SUPPORT, "staff_contact"), "> wrote:\n"])
    if layout == "outlook":
        d.add("From: Corvane Support <", X(SUPPORT, "staff_contact"), ">\nSubject: We received your message\n\n")
    lines = AUTO_REPLY if w.size == 2 else AUTO_REPLY[:3]
    for ln in lines:
        d.add(q, ln, "\n")
    if w.size == 2:
        d.add(q, "\n", q, "Corvane Medical | Customer Support | Mon-Fri 7am-7pm CT\n", q, DISCLAIMER)


def note_extras(d, w, layout, tname=None):
    if w.size == 0:
        return
    diab = tname in ("cgm_start_visit_peds", "pump_training_note", "telephone_hypo_note")
    cardiac = tname in ("pacemaker_inperson_interrogation", "remote_icd_review_elderly")
    if diab or cardiac:
        conds = CONDITIONS[:2] + CONDITIONS[7:9] if diab else CONDITIONS[2:7] + CONDITIONS[9:]
        meds = MEDS[:3] + MEDS[7:8] + MEDS[9:] if diab else MEDS[3:7] + MEDS[8:9]
        d.add("\nProblem list: ", join("; ", [X(c, "condition") for c in w.rng.sample(conds, 2)]), "\n")
        d.add("Medications: ", join(", ", [X(m, "medication") for m in w.rng.sample(meds, 3)]), "\n")
        d.add("Allergies: ", w.pick(["NKDA", "penicillin (rash)", "adhesive tape (contact dermatitis)"]), "\n")
    if w.size == 2 and diab:
        d.add("\nData review (last 14 days, de-duplicated):\n  Day   TIR%  <70%  <54%  Mean  CV%\n")
        for i in range(14):
            d.add(f"  {i + 1:>3}   {w.rng.randint(40, 90):>3}   {w.rng.randint(0, 9):>3}   {w.rng.randint(0, 3):>3}   "
                  f"{w.rng.randint(110, 220):>4}  {w.rng.randint(22, 45):>3}\n")
        d.add("\nCounseling: hypoglycemia recognition and treatment, device alarms, when to call the clinic. "
              "Verbalized understanding. Total time 35 minutes, more than half in counseling.\n")
    elif w.size == 2 and cardiac:
        d.add("\nRemote transmission history:\n  Date         Type        Battery  RV imp  AF burden\n")
        t = w.now - dt.timedelta(days=91 * 8)
        for _ in range(8):
            t += dt.timedelta(days=91 + w.rng.randint(-3, 3))
            d.add("  ", P(fdate(t, "us"), "date"), f"   {w.pick(['scheduled', 'scheduled', 'alert', 'manual'])}   "
                  f"{w.rng.randint(40, 95)}%      {w.rng.randint(400, 700)}    {w.rng.randint(0, 30)}%\n")
    elif tname == "medwatch_3500a_draft":
        d.add("\nH. DEVICE MANUFACTURERS ONLY\n  1. Type of reportable event: Serious injury\n"
              "  3. Device evaluated by manufacturer: Yes\n  Evaluation codes: Method 3331 / Results 213 / Conclusion 67\n"
              "  Additional manufacturer narrative: the returned device was analysed in the failure-analysis lab. "
              "Event log and motor current reviewed; findings documented in the investigation record.\n")
        if w.size == 2:
            d.add("  Corrective action: none; trend monitored under complaint trending procedure. No similar events in the "
                  "same lot.\n  Reviewer checklist: [x] narrative complete [x] codes verified [ ] RA sign-off\n")
    elif tname == "implant_case_support_report":
        d.add(f"\nProgrammed: mode DDDR, lower rate {w.pick([50, 60, 70])}, upper tracking 130, AV delay 180/150 ms, "
              f"outputs 2.5 V @ 0.4 ms.\nRemote monitoring schedule: 91 days. Product performance report: no anomalies.\n")


def release_extras(d, w, layout, tname=None):
    if w.size == 0:
        return
    d.add("\n", hx("md" if layout in ("md", "appstore") else layout, "Full changelog"))
    for s in w.rng.sample(CHANGELOG, min(len(CHANGELOG), 5 if w.size == 1 else 18)):
        d.add(f"* {w.jira_key()} {s}\n")
    if w.size == 2:
        d.add("\n", hx("md" if layout in ("md", "appstore") else layout, "Verification summary"))
        for suite in ["unit", "integration", "system", "regression", "performance", "security scan"]:
            d.add(f"* {suite}: {w.rng.randint(50, 3000)} run, 0 failed, {w.rng.randint(0, 4)} skipped (build {w.rng.randint(1000, 9999)})\n")
        d.add("\n")
        comment_thread(d, w, layout, w.rng.randint(3, 6), POOL_CLEAN)


def rule_extras(d, w, layout, tname=None):
    if w.size == 0:
        return
    d.add("\n", hx(layout, "References"))
    for r in w.rng.sample(REFS, 3 if w.size == 1 else 6):
        d.add(f"* {r}\n")
    d.add("\n", hx(layout, "Revision history"))
    for k in range(2 if w.size == 1 else 6):
        d.add(f"* v{k + 1}.0 {(w.now - dt.timedelta(days=90 * (6 - k))).isoformat()} ", X(w.pick(STAFF), "staff_name"),
              " - ", w.pick(["initial", "threshold review", "editorial", "added population table", "SAFETY board approval", "code list update"]), "\n")
    if w.size == 2:
        d.add("\n")
        comment_thread(d, w, layout, w.rng.randint(4, 8), POOL_CONF + POOL_CLEAN)


SPECIAL_EXTRAS = {"patient_email": email_extras, "clinical_note": note_extras, "release_notes": release_extras,
                  "clinical_rule": rule_extras}


# ---------------------------------------------------------------- more templates (rarer identifiers)
VIN_MAP = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2,
           "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_ok(v):
    if len(v) != 17 or any(c not in VIN_MAP for c in v):
        return False
    r = sum(VIN_MAP[c] * wt for c, wt in zip(v, VIN_W)) % 11
    return v[8] == ("X" if r == 10 else str(r))


def make_vin(w):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        v = list(w.pick(["1FT", "1G1", "2HG", "3VW", "5YJ", "1HG", "4T1", "JTD"]) + w.alnum(5, chars) + "0" +
                 w.pick("GHJKLMNPRS") + w.alnum(1, chars) + w.digits(6, False))
        r = sum(VIN_MAP[c] * wt for c, wt in zip(v, VIN_W)) % 11
        v[8] = "X" if r == 10 else str(r)
        v = "".join(v)
        if vin_ok(v):
            return v


@T("support_ticket", "insurer_mva_data_request", ["servicenow", "freshdesk"])
def t_mva_request(w, layout):
    d = Doc()
    p = w.person(age_range=(18, 80))
    agent = w.staff()
    acc = w.recent(10, 60)
    ticket_head(d, w, layout, ("CS" if layout == "servicenow" else "") + w.digits(7),
                "Records request - auto insurer asks for pump/CGM download after accident",
                X(w.pick(["Lakeside Mutual Auto (claims)", "Pinnacle Casualty SIU"]), "organization"), "Legal & Records", agent)
    st = w.city()[1]
    d.f("Requester: claims adjuster «adj» for the insured «n» (DOB «dob»).\nClaim #: «cl»   Date of loss: «dol»\n"
        "Vehicle: «yr» «mk», VIN «vin», plate «pl» («st»)\n\n",
        adj=X(w.pick(["Dana Kirschbaum", "Marco Velez", "Janelle Osei"]), "staff_name"), n=P(p.full()),
        dob=P(fdate(p.dob, "us"), "date"), cl=P(w.pick(["AU", "CL", ""]) + w.digits(9, False), "other_id"),
        dol=P(fdate(acc, "us"), "date"), yr=w.rng.randint(2012, 2025), mk=w.pick(["Ford F-150", "Honda Civic", "Toyota Camry", "Chevrolet Malibu"]),
        vin=P(make_vin(w), "vehicle_id"), pl=P(w.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + w.digits(4, False), "vehicle_id"), st=X(st, "state"))
    d.f("They ask for CGM and pump history for «d1» 06:00-12:00 to check for hypoglycemia at the time of the crash. "
        "Pump «sn», CorvaneLink id «pid».\n\nLegal note («a»): we release device data only with a HIPAA-compliant authorization "
        "signed by the patient or a subpoena. Sent the authorization form to the adjuster; no data released yet.\n",
        d1=P(fdate(acc, "long"), "date"), sn=P(w.pump_sn(), "device_id"), pid=P(w.platform_id(), "other_id"), a=X(agent, "staff_name"))
    return d


@T("claims_csv", "pap_applications_export", ["csv", "excel"])
def t_pap(w, layout):
    d = Doc()
    sep = "," if layout == "csv" else "\t"
    if layout == "excel":
        d.add("Patient Assistance Program - applications pending income verification\n\n")
    d.add(sep.join(["app_id", "applicant", "dob", "ssn", "household_size", "annual_income", "phone", "address", "product", "status"]) + "\n")
    for _ in range(w.rows(3, 6)):
        p = w.person(age_range=(19, 80))
        st, c, s, z = w.address()
        addr = [P(st, "street_address"), " ", P(c, "street_address"), " ", X(s, "state"), " ", P(z, "zip_code")]
        d.add(join(sep, ["PAP" + w.digits(6), P(p.lf() if sep == "\t" else csvq(p.lf())), P(fdate(p.dob, "us"), "date"),
                         P(w.ssn(dashed=w.chance(0.7)), "ssn"), str(w.rng.randint(1, 6)), str(w.rng.randint(9, 60) * 1000),
                         P(w.phone("dash"), "phone"), (['"'] + addr + ['"']) if sep == "," else addr,
                         w.pick(["Aria 7 pump", "Lumen G3 starter kit", "Lumen G3 sensors x9"]),
                         w.pick(["pending W-2", "pending 1040", "approved", "denied - income"])]), "\n")
    return d


# === END TEMPLATES =======================================================


# ---------------------------------------------------------------------------
# build, check, stats
# ---------------------------------------------------------------------------
FAMILY_EXTRAS = {"jira_hl7": (POOL_GW, True), "support_ticket": (POOL_SUPPORT, "app"), "confluence_table": (POOL_CONF, False),
                 "fhir_diff": (POOL_DEV, "ci"), "java_stacktrace": (POOL_DEV, "svc"), "meeting_notes": (POOL_CLEAN, False),
                 "release_notes": (POOL_CLEAN, False), "clinical_rule": (POOL_CONF, False), "oncall_directory": (POOL_CONF, False),
                 "validator_diff": (POOL_DEV, "ci"), "sql_seed": (POOL_DEV, "ci")}
NO_EXTRAS = {"csv", "pipe", "tsv", "excel", "yaml", "json", "yaml_git", "copy", "postgres", "mysql", "flyway", "tsql", "psql",
             "mysql_g", "pg_log", "git", "appstore", "csv_bom_crlf", "csv_quoted", "txt", "plain_sql"}
CRLF_LAYOUTS = {"outlook", "excel", "csv_bom_crlf", "tsql"}
CRLF_FAMILIES = {"patient_email", "support_ticket", "claims_csv", "meeting_notes", "clinical_note", "oncall_directory"}


def build():
    docs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tpls = [t for t in REG if t[0] == fam]
        if not tpls:
            continue
        pairs = []
        maxl = max(len(t[2]) for t in tpls)
        for li in range(maxl):
            for t in tpls:
                if li < len(t[2]):
                    pairs.append((t[1], t[2][li], t[3]))
        for i in range(QUOTA[fam]):
            tname, layout, fn = pairs[i % len(pairs)]
            rng = random.Random(f"{SEED}|{fam}|{i}")
            w = World(rng)
            Doc.default_crlf = layout in CRLF_LAYOUTS or (fam in CRLF_FAMILIES and rng.random() < 0.12)
            doc = fn(w, layout)
            ex = FAMILY_EXTRAS.get(fam)
            if fam in SPECIAL_EXTRAS:
                SPECIAL_EXTRAS[fam](doc, w, layout, tname)
            elif ex and layout not in NO_EXTRAS:
                extras(doc, w, layout, ex[0], log=ex[1])
            Doc.default_crlf = False
            docs.append({"id": f"{fam}-{i + 1:04d}", "family": fam, "phi": fam in PHI_FAMILIES,
                         "variant": f"{tname}:{layout}", "text": doc.text(),
                         "spans": [{"start": s, "end": e, "label": l, "kind": k} for s, e, l, k in doc.spans]})
    return docs


def _is_tok(ch):
    return ch.isalnum()


def check_doc(d):
    errs = []
    t = d["text"]
    b = t.encode("utf-8")
    spans = d["spans"]
    prev = 0
    covered = []
    for sp in spans:
        s, e = sp["start"], sp["end"]
        if not (0 <= s < e <= len(b)):
            errs.append(f"bad offsets {s}-{e}")
            continue
        if s < prev:
            errs.append(f"unsorted/overlap at {s}")
        prev = e
        try:
            val = b[s:e].decode("utf-8")
            left = b[:s].decode("utf-8")
            right = b[e:].decode("utf-8")
        except UnicodeDecodeError:
            errs.append(f"span {s}-{e} splits a character")
            continue
        if val != val.strip() or not val:
            errs.append(f"span has outer whitespace: {val!r}")
        if left and _is_tok(left[-1]) and _is_tok(val[0]):
            errs.append(f"span starts inside a token: {left[-8:]!r}|{val!r}")
        if right and _is_tok(right[0]) and _is_tok(val[-1]):
            errs.append(f"span ends inside a token: {val!r}|{right[:8]!r}")
        if sp["label"] == "phi":
            if sp["kind"] not in PHI_KINDS:
                errs.append(f"unknown phi kind {sp['kind']}")
        elif sp["label"] == "dont_care":
            if not re.fullmatch(r"[a-z][a-z0-9_]*", sp["kind"]):
                errs.append(f"bad dont_care kind {sp['kind']}")
        else:
            errs.append(f"bad label {sp['label']}")
        covered.append((len(left), len(left) + len(val), sp["label"], sp["kind"], val))
        if sp["label"] != "phi":
            continue
        k = sp["kind"]
        if k == "ssn" and not ssn_ok(val):
            errs.append(f"invalid SSN {val}")
        if k == "ssn" and val in TEST_SSNS:
            errs.append(f"documented test SSN labelled {val}")
        if k == "medicare_mbi" and (not mbi_ok(val) or val == TEST_MBI):
            errs.append(f"invalid MBI {val}")
        if k == "credit_card" and not luhn_ok(val):
            errs.append(f"card fails Luhn {val}")
        if k == "phone" and not nanp_ok(val):
            errs.append(f"phone not NANP {val}")
        if k == "date" and not date_ok(val):
            errs.append(f"not a real date {val!r}")
        if k == "age_over_89":
            m = re.search(r"\d+", val)
            if not m or int(m.group()) < 90:
                if not re.search(r"(?i)ninety", val):
                    errs.append(f"age under 90 labelled {val}")
        if k == "vehicle_id" and len(val) == 17 and not vin_ok(val):
            errs.append(f"VIN check digit wrong {val}")
        if k == "email" and "@" not in val:
            errs.append(f"email without @ {val}")
    phi_n = sum(1 for sp in spans if sp["label"] == "phi")
    if d["phi"] and phi_n == 0:
        errs.append("PHI document without phi span")
    if not d["phi"] and phi_n:
        errs.append("clean document with phi span")
    # unlabelled text: no labelled PHI value repeated outside spans
    mask = [False] * len(t)
    for cs, ce, *_ in covered:
        for i in range(cs, ce):
            mask[i] = True

    def unlabelled_occ(val):
        for m in re.finditer(re.escape(val), t):
            a, z = m.start(), m.end()
            if any(mask[a:z]):
                continue
            if a > 0 and _is_tok(t[a - 1]) and _is_tok(val[0]):
                continue
            if z < len(t) and _is_tok(t[z]) and _is_tok(val[-1]):
                continue
            return a
        return None

    stop = {"van", "der", "den", "ter", "del", "los", "las", "dos", "bin", "ben", "Mac", "Giolla", "von", "Saint",
            "Ní", "Kaur", "Santos", "Cruz", "Hof"}
    stop_l = {x.lower() for x in stop}
    seen = set()
    for cs, ce, lab, kind, val in covered:
        if lab != "phi" or val in seen:
            continue
        seen.add(val)
        if len(val) >= 4 and unlabelled_occ(val) is not None:
            errs.append(f"phi value also unlabelled: {val!r} ({kind})")
        if kind == "person_name":
            for tok in re.findall(r"[^\W\d_][\w'ʻ]*", val):
                tok2 = tok[:1].upper() + tok[1:].lower() if tok.isupper() else tok
                for cand in {tok, tok2}:
                    if len(cand) >= 3 and cand.lower() not in stop_l and unlabelled_occ(cand) is not None:
                        errs.append(f"name token also unlabelled: {cand!r}")
    # no unlabelled valid-range SSN shape or Luhn-valid card-length number
    for m in re.finditer(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", t):
        if not any(mask[m.start():m.end()]) and ssn_ok(m.group()) and m.group() not in TEST_SSNS:
            errs.append(f"unlabelled valid-range SSN {m.group()}")
    for m in re.finditer(r"(?<![\w-])\d(?:[ -]?\d){14,18}(?![\w-])", t):
        if not any(mask[m.start():m.end()]) and luhn_ok(m.group()) and len(re.sub(r"\D", "", m.group())) in (15, 16):
            errs.append(f"unlabelled Luhn-valid number {m.group()}")
    return errs


def check(path=OUT):
    errs = []
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    if len(docs) != 240:
        errs.append(f"expected 240 docs, got {len(docs)}")
    if sum(d["phi"] for d in docs) != 120:
        errs.append(f"expected 120 PHI docs, got {sum(d['phi'] for d in docs)}")
    fams = collections.Counter(d["family"] for d in docs)
    if set(fams) != set(PHI_FAMILIES + CLEAN_FAMILIES):
        errs.append(f"families: {sorted(fams)}")
    ids = set()
    var = collections.Counter()
    for d in docs:
        if set(d) != {"id", "family", "phi", "variant", "text", "spans"}:
            errs.append(f"{d.get('id')}: keys {sorted(d)}")
        if d["id"] in ids or not re.fullmatch(re.escape(d["family"]) + r"-\d{4}", d["id"]):
            errs.append(f"{d['id']}: bad or duplicate id")
        ids.add(d["id"])
        if d["phi"] != (d["family"] in PHI_FAMILIES):
            errs.append(f"{d['id']}: phi flag does not match family")
        var[d["variant"]] += 1
        for e in check_doc(d):
            errs.append(f"{d['id']} [{d['variant']}]: {e}")
    for v, n in var.items():
        if n > 3:
            errs.append(f"variant {v} has {n} docs (>3)")
    tpls = {v.split(":")[0] for v in var}
    if len(tpls) < 80:
        errs.append(f"only {len(tpls)} templates (<80)")
    return errs


def stats(path=OUT):
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    print(f"documents: {len(docs)}  phi: {sum(d['phi'] for d in docs)}  clean: {sum(not d['phi'] for d in docs)}")
    print("per family:")
    for f, n in collections.Counter(d["family"] for d in docs).items():
        nt = len({d['variant'].split(':')[0] for d in docs if d['family'] == f})
        print(f"  {f:18s} {n:3d} docs  {nt:2d} templates")
    tpl = collections.Counter(d["variant"].split(":")[0] for d in docs)
    print(f"templates: {len(tpl)}  template/layout variants: {len({d['variant'] for d in docs})}")
    phik = collections.Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "phi")
    dck = collections.Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "dont_care")
    print("phi spans by kind:", ", ".join(f"{k}={n}" for k, n in phik.most_common()))
    print("dont_care spans by kind:", ", ".join(f"{k}={n}" for k, n in dck.most_common()))
    lens = [len(d["text"].encode()) for d in docs]
    print(f"bytes: min {min(lens)} median {int(statistics.median(lens))} max {max(lens)}; "
          f"<1.5KB {sum(x < 1500 for x in lens)}, 1.5-5KB {sum(1500 <= x < 5000 for x in lens)}, >=5KB {sum(x >= 5000 for x in lens)}")
    shares = [sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi") / len(d["text"].encode())
              for d in docs if d["phi"]]
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f}")
    print(f"CRLF documents: {sum(1 for d in docs if chr(13) + chr(10) in d['text'])}; "
          f"non-ASCII documents: {sum(1 for d in docs if any(ord(c) > 127 for c in d['text']))}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-verify fresh25.jsonl")
    ap.add_argument("--stats", action="store_true", help="print statistics of fresh25.jsonl")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    if a.check:
        errs = check(a.out)
        for e in errs[:200]:
            print(e)
        print(f"check: {'OK' if not errs else str(len(errs)) + ' problem(s)'}")
        sys.exit(1 if errs else 0)
    if a.stats:
        stats(a.out)
        return
    docs = build()
    with open(a.out, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {os.path.relpath(a.out)}")


if __name__ == "__main__":
    main()
