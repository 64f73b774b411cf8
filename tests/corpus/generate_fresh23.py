#!/usr/bin/env python3
"""generate_fresh23.py -- a twenty-fourth, independent generator for the PHI Guard corpus.

Standard library only, deterministic (fixed seed).  Written blind (from tests/corpus/README.md
and section 1 of CONTRACTS.md only).  Its angle: the rarer Safe Harbor identifiers (vehicle ids,
device serials and UDIs, fax numbers, patient e-mails and personal URLs, photo file names, patients'
IP addresses, certificate / licence numbers, many payer styles of member ids, account and claim
numbers, biometric ids, ages over 89, full and partial dates, cities and ZIP codes) in the everyday
content of the usual families, beside ordinary names, dates, MRNs, phones and addresses.

    python3 generate_fresh23.py            # writes fresh23.jsonl
    python3 generate_fresh23.py --check    # re-reads fresh23.jsonl and verifies it
    python3 generate_fresh23.py --stats    # templates per family, documents per template, PHI share

Templates write text with inline markers: P(value, kind) for a `phi` span and D(value, kind) for a
`dont_care` span; render() strips the markers and computes UTF-8 byte offsets.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

SEED = 2026_1207_23
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh23.jsonl")

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff", "sql_seed",
                "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff", "release_notes",
                  "clinical_rule", "oncall_directory"]
COUNTS = {f: 15 for f in PHI_FAMILIES}
COUNTS.update({f: 20 for f in CLEAN_FAMILIES})

# ---------------------------------------------------------------------------------------------
# markers
# ---------------------------------------------------------------------------------------------
KIND = {
    # phi
    "name": "person_name", "addr": "street_address", "city": "street_address", "zip": "zip_code",
    "date": "date", "age": "age_over_89", "phone": "phone", "fax": "phone", "email": "email",
    "ssn": "ssn", "mrn": "mrn", "hp": "health_plan_id", "mbi": "medicare_mbi",
    "acct": "account_number", "lic": "license_number", "veh": "vehicle_id", "dev": "device_id",
    "url": "url", "ip": "ip_address", "bio": "biometric_id", "photo": "photo", "oid": "other_id",
    "card": "credit_card",
    # dont_care
    "staff": "person_name", "contact": "staff_contact", "fac": "facility", "state": "state",
    "title": "title", "cond": "condition", "med": "medication", "icd": "diagnosis_code",
    "cpt": "procedure_code", "ndc": "drug_code", "npi": "other_id", "grp": "group_number",
    "iid": "internal_id", "model": "device_model", "lot": "lot_number", "evdate": "date",
    "orgveh": "vehicle_id", "ssn4": "ssn", "card4": "credit_card", "order": "other_id",
    "testname": "person_name", "testmrn": "mrn", "orgdev": "device_id", "orgfax": "phone",
}
_PS, _DS, _SEP, _END = "\x01", "\x02", "\x1f", "\x03"


def P(value, kind):
    """phi span"""
    assert kind in KIND, kind
    return f"{_PS}{kind}{_SEP}{value}{_END}"


def D(value, kind):
    """dont_care span"""
    assert kind in KIND, kind
    return f"{_DS}{kind}{_SEP}{value}{_END}"


_MARK_RE = re.compile("[\x01\x02]([a-z0-9]+)\x1f([^\x03]*)\x03")


def plain(s):
    """the text of a marked string, without markers"""
    return _MARK_RE.sub(lambda m: m.group(2), s)


def render(s):
    out, spans, pos, i = [], [], 0, 0
    while i < len(s):
        c = s[i]
        if c in (_PS, _DS):
            j = s.index(_SEP, i)
            k = s.index(_END, j)
            kind = KIND[s[i + 1:j]]
            val = s[j + 1:k]
            b = len(val.encode("utf-8"))
            if b:
                spans.append({"start": pos, "end": pos + b,
                              "label": "phi" if c == _PS else "dont_care", "kind": kind})
            out.append(val)
            pos += b
            i = k + 1
        else:
            j = i
            while j < len(s) and s[j] not in (_PS, _DS):
                j += 1
            chunk = s[i:j]
            out.append(chunk)
            pos += len(chunk.encode("utf-8"))
            i = j
    text = "".join(out)
    assert not any(ch in text for ch in (_PS, _DS, _SEP, _END))
    return text, spans


# ---------------------------------------------------------------------------------------------
# names: hand-written lists, 36 cultures
# ---------------------------------------------------------------------------------------------
# Latin-script cultures: (male given, female given, surnames)
LATIN = {
    "us_south": (["Dwayne", "Travis", "Bobby Ray", "Clayton", "Earl"],
                 ["Tammy", "Brandi", "Loretta", "Darlene", "Kaylee"],
                 ["Pruitt", "Whitaker", "Dunlap", "Hollis", "McCall", "Tidwell"]),
    "english_words": (["Hunter", "Grant", "Forrest", "Rusty", "Major", "Chase"],
                      ["Hope", "Faith", "Summer", "April", "Joy", "Iris", "Dawn", "Autumn"],
                      ["Little", "Young", "Frost", "Hill", "Winter", "Moon", "Short", "Price",
                       "Bird", "Lamb", "Rich", "Small", "Wolfe", "Bell", "Sharp"]),
    "irish": (["Ciarán", "Pádraig", "Eoin", "Tadhg", "Declan"],
              ["Siobhán", "Aoife", "Niamh", "Róisín", "Caoimhe"],
              ["O'Sullivan", "Ó Súilleabháin", "Mac Giolla Phádraig", "McGrath", "Ó Dónaill",
               "Kavanagh"]),
    "mexican": (["José Luis", "Juan Carlos", "Rodrigo", "Jesús", "Eleazar"],
                ["María Guadalupe", "Ximena", "Yesenia", "Araceli", "Maricruz"],
                ["Peña-Morales", "García López", "Hernández", "de la Cruz", "Zúñiga",
                 "Ibarra Téllez"]),
    "puerto_rican": (["Yadiel", "Luis Ángel", "Édgar", "Wilfredo"],
                     ["Yaritza", "Marisol", "Nilda", "Zuleika"],
                     ["Rivera Colón", "Ortiz Figueroa", "Vélez", "Quiñones", "Santiago-Cruz"]),
    "brazilian": (["João Pedro", "Thiago", "Luiz Henrique", "Caio"],
                  ["Ana Clara", "Fernanda", "Luíza", "Thaís"],
                  ["da Silva", "dos Santos", "Conceição", "Araújo", "de Oliveira"]),
    "italian": (["Giuseppe", "Salvatore", "Carmine", "Vincenzo"],
                ["Concetta", "Giovanna", "Rosaria", "Assunta"],
                ["D'Angelo", "De Luca", "Lo Bianco", "Esposito", "Di Stefano"]),
    "quebecois": (["Étienne", "Jean-Baptiste", "Gaël", "Réjean"],
                  ["Mathilde", "Anaïs", "Hélène", "Ginette"],
                  ["Le Goff", "de la Fontaine", "Lefèvre", "Bérubé", "Gagné", "St-Onge"]),
    "german": (["Jürgen", "Matthias", "Lukas", "Dieter"],
               ["Ursula", "Birgit", "Jördis", "Hannelore"],
               ["Müller", "von Bergen", "Schröder", "Weiß", "Kühn"]),
    "dutch": (["Joost", "Sjoerd", "Pieter", "Maarten"],
              ["Femke", "Marieke", "Anouk", "Ilse"],
              ["van 't Hof", "van der Berg", "de Vries", "Verhoeven", "Bakker"]),
    "polish": (["Krzysztof", "Grzegorz", "Wojciech", "Zbigniew"],
               ["Małgorzata", "Agnieszka", "Żaneta", "Bożena"],
               ["Wójcik", "Nowak", "Kaczmarek", "Woźniak", "Mazur"]),
    "turkish": (["Mehmet", "Emre", "Oğuz", "Yiğit"],
                ["Ayşe", "Gülşen", "Şule", "Özlem"],
                ["Öztürk", "Çelik", "Yıldız", "Şahin", "Aydoğan"]),
    "persian": (["Reza", "Dariush", "Kourosh", "Babak"],
                ["Shirin", "Parisa", "Maryam", "Golnaz"],
                ["Hosseini", "Tehrani", "Ghorbani", "Mohammadzadeh"]),
    "tamil": (["Karthikeyan", "Senthil", "Murugan", "Balaji"],
              ["Lakshmi", "Kavitha", "Meenakshi", "Revathi"],
              ["Subramanian", "Ramaswamy", "Venkatesan", "Natarajan"]),
    "bengali": (["Arnab", "Sourav", "Debashish"],
                ["Rituparna", "Mousumi", "Sharmila"],
                ["Chattopadhyay", "Banerjee", "Mukherjee", "Bhattacharya"]),
    "pakistani": (["Imran", "Faisal", "Usman", "Tariq"],
                  ["Ayesha", "Saima", "Nadia", "Rubina"],
                  ["Qureshi", "Chaudhry", "Siddiqui", "Malik"]),
    "vietnamese": (["Văn Hùng", "Minh Tuấn", "Quốc Bảo", "Đức Anh"],
                   ["Thị Lan", "Ngọc Anh", "Thu Trang", "Bích Ngọc"],
                   ["Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng"]),
    "filipino": (["Jomar", "Rodel", "Ferdinand", "Arnel"],
                 ["Maricel", "Jocelyn", "Rowena", "Lovely"],
                 ["dela Cruz", "Bautista", "Macapagal", "de los Santos", "Villanueva"]),
    "yoruba": (["Adébáyọ̀", "Olúwaseun", "Babátúndé"],
               ["Fúnmiláyọ̀", "Adéọlá", "Títílayọ̀"],
               ["Ọlátúnjí", "Adéyẹmí", "Ògúnlẹ́yẹ"]),
    "igbo": (["Chukwuemeka", "Obinna", "Ikenna"],
             ["Ngozi", "Chiamaka", "Adaeze"],
             ["Okonkwo", "Nwachukwu", "Okafor", "Eze"]),
    "somali": (["Abdirahman", "Mohamed", "Abdiwali"],
               ["Hodan", "Ifrah", "Sahra"],
               ["Warsame", "Farah", "Jama", "Hirsi"]),
    "hawaiian": (["Keoni", "Kainoa", "Makoa"],
                 ["Leilani", "Noelani", "Keʻalohilani"],
                 ["Kealoha", "Kahananui", "Kamakau", "Nāone"]),
    "navajo": (["Ahiga", "Delbert", "Nelson"],
               ["Shandiin", "Marlene", "Doli"],
               ["Begay", "Yazzie", "Tsosie", "Benally"]),
    "swedish": (["Åke", "Björn", "Sven-Olof"],
                ["Åsa", "Ingrid", "Märta"],
                ["Lindqvist", "Sjöberg", "Åström", "Bergström"]),
    "czech": (["Jiří", "Přemysl", "Bohumil"],
              ["Zdeňka", "Kateřina", "Jarmila"],
              ["Dvořák", "Procházka", "Kříž", "Hájek"]),
    "hungarian": (["Gábor", "Zoltán", "Imre"],
                  ["Erzsébet", "Zsófia", "Piroska"],
                  ["Szabó", "Tóth", "Kovács", "Horváth"]),
    "samoan": (["Tavita", "Sione", "Faʻamoana"],
               ["Losa", "Malia", "Sina"],
               ["Tuiasosopo", "Faleolo", "Leota", "Aumua"]),
}
# native-script cultures: (family native, given native, family latin, given latin, sex)
NATIVE = {
    "chinese": [("王", "秀英", "Wang", "Xiuying", "F"), ("李", "建国", "Li", "Jianguo", "M"),
                ("陈", "美玲", "Chen", "Meiling", "F"), ("刘", "志强", "Liu", "Zhiqiang", "M"),
                ("黄", "淑芬", "Huang", "Shufen", "F")],
    "korean": [("김", "민준", "Kim", "Min-jun", "M"), ("박", "서연", "Park", "Seo-yeon", "F"),
               ("최", "수빈", "Choi", "Su-bin", "F"), ("정", "대호", "Jung", "Dae-ho", "M")],
    "japanese": [("佐藤", "花子", "Sato", "Hanako", "F"), ("鈴木", "健一", "Suzuki", "Kenichi", "M"),
                 ("高橋", "美咲", "Takahashi", "Misaki", "F"), ("渡辺", "翔太", "Watanabe", "Shota", "M")],
    "russian": [("Иванов", "Сергей", "Ivanov", "Sergei", "M"), ("Смирнова", "Ольга", "Smirnova", "Olga", "F"),
                ("Кузнецов", "Дмитрий", "Kuznetsov", "Dmitri", "M"), ("Попова", "Татьяна", "Popova", "Tatiana", "F")],
    "ukrainian": [("Шевченко", "Олена", "Shevchenko", "Olena", "F"), ("Коваленко", "Андрій", "Kovalenko", "Andriy", "M"),
                  ("Бондаренко", "Ірина", "Bondarenko", "Iryna", "F")],
    "greek": [("Παπαδόπουλος", "Γιώργος", "Papadopoulos", "Giorgos", "M"),
              ("Οικονόμου", "Ελένη", "Oikonomou", "Eleni", "F"),
              ("Κωνσταντίνου", "Δημήτρης", "Konstantinou", "Dimitris", "M")],
    "arabic": [("الحسيني", "أحمد", "Al-Husseini", "Ahmed", "M"), ("منصور", "فاطمة", "Mansour", "Fatima", "F"),
               ("حداد", "ليلى", "Haddad", "Layla", "F"), ("الخطيب", "يوسف", "Al-Khatib", "Youssef", "M")],
    "hebrew": [("כהן", "אבי", "Cohen", "Avi", "M"), ("לוי", "נועה", "Levi", "Noa", "F"),
               ("מזרחי", "שירה", "Mizrahi", "Shira", "F")],
    "hindi": [("शर्मा", "प्रिया", "Sharma", "Priya", "F"), ("वर्मा", "राजेश", "Verma", "Rajesh", "M"),
              ("गुप्ता", "सुनीता", "Gupta", "Sunita", "F")],
    "amharic": [("ከበደ", "ሰላም", "Kebede", "Selam", "F"), ("ኃይሉ", "ዮሐንስ", "Hailu", "Yohannes", "M"),
                ("ታደሰ", "መሰረት", "Tadesse", "Meseret", "F")],
    "thai": [("ศรีสุข", "สมชาย", "Srisuk", "Somchai", "M"), ("วงศ์ไทย", "มาลี", "Wongthai", "Malee", "F"),
             ("แก้วมณี", "ประยุทธ", "Kaewmanee", "Prayut", "M")],
}
CULTURES = sorted(LATIN) + sorted(NATIVE)
FAMILY_FIRST_NATIVE = {"chinese", "korean", "japanese"}


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ʻ", "").replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace(
        "đ", "d").replace("Đ", "D").replace("ß", "ss")


class Person:
    def __init__(self, given, family, sex, culture, native=None, mid=""):
        self.given, self.family, self.sex, self.culture = given, family, sex, culture
        self.native, self.mid = native, mid

    def full(self):
        return f"{self.given} {self.family}"

    def lf(self):
        return f"{self.family}, {self.given}"

    def LF(self):
        return f"{self.family.upper()}, {self.given.upper()}"

    def hl7(self):
        out = f"{ascii_fold(self.family).upper()}^{ascii_fold(self.given).upper()}"
        return out + (f"^{self.mid}" if self.mid else "")

    def first(self):
        return self.given.split()[0] if self.culture != "vietnamese" else self.given.split()[-1]

    def slug(self, sep="."):
        g = re.sub(r"[^a-z]", "", ascii_fold(self.first()).lower())
        f = re.sub(r"[^a-z]", "", ascii_fold(self.family).lower())
        return g, f

    def pron(self):
        return ("he", "him", "his") if self.sex == "M" else ("she", "her", "her")


def person(r, sex=None, culture=None, native_ok=True):
    pool = CULTURES if native_ok else sorted(LATIN)
    c = culture or r.choice(pool)
    if c in NATIVE:
        opts = [t for t in NATIVE[c] if sex is None or t[4] == sex]
        fn, gn, fl, gl, sx = r.choice(opts)
        nat = fn + gn if c in FAMILY_FIRST_NATIVE else f"{gn} {fn}"
        return Person(gl, fl, sx, c, native=nat, mid=r.choice(["", "", chr(r.randint(65, 90))]))
    m, f, s = LATIN[c]
    sx = sex or r.choice("MF")
    return Person(r.choice(m if sx == "M" else f), r.choice(s), sx, c,
                  mid=r.choice(["", "", chr(r.randint(65, 90))]))


def relative(r, pt, sex=None, same_family=True):
    """a relative from the same culture, Latin script, sharing the family name unless told"""
    for _ in range(20):
        q = person(r, sex=sex, culture=pt.culture)
        if q.first() != pt.first():
            break
    q.native = None
    if same_family:
        q.family = pt.family
    return q


def nk1_rel(r, q):
    """an HL7 table 0063 relationship that agrees with the relative's sex"""
    k = r.choice(["spouse", "child", "child", "sibling"])
    code = {"spouse": "SPO", "child": "CHD", "sibling": "SIB"}[k]
    return f"{code}^{kin(r, q, (k,)).capitalize()}^HL70063"


def kin(r, q, kinds=("child", "grandchild", "sibling", "niblings")):
    """a relationship word that agrees with the relative's sex"""
    k = r.choice(kinds)
    m = {"child": ("son", "daughter"), "grandchild": ("grandson", "granddaughter"),
         "sibling": ("brother", "sister"), "niblings": ("nephew", "niece"), "spouse": ("husband", "wife")}[k]
    return m[0] if q.sex == "M" else m[1]


STAFF = ["Dr. Priyanka Rao", "Dr. Tomasz Lindgren", "Megan Fairbanks, RN", "Dr. Oyelaran Bassey",
         "Karen Whitlock", "Devon Ashby", "Rafael Quintero", "Mei-Ling Cho", "Dr. Anders Holloway",
         "Beatriz Oyama", "Colin Marsh", "Sunita Kapoor", "Jared Pell", "Fiona Ekwueme",
         "Hank Trevino", "Lorraine Duplessis", "Dr. Nadine Okafor-Reyes", "Trent Vasquez",
         "Dr. Helga Strand", "Marcus Oduya", "Shelby Kincaid", "Dr. Ravi Menon", "Allison Tran",
         "Grigor Petrosyan", "Tess McAvoy", "Dr. Julian Ferraro", "Noor Haddadin", "Wes Okada",
         "Dr. Camille Arceneaux", "Dr. Yusuf Demir", "Dr. Ingrid Solberg", "Dr. Kwame Asante", "Dr. Lucia Ferreira",
         "Brianna Coles", "Tomás Echeverría", "Kiran Bhatt", "Odette Marchand", "Nate Wexler", "Paulette Hsu",
         "Ivy Lindahl", "Reggie Otieno", "Carmen Salgado", "Duncan Pryce", "Yara Nassar", "Elliot Kagame"]


def staff(r, n=1, doctor=None):
    pool = STAFF
    if doctor is True:
        pool = [s for s in STAFF if s.startswith("Dr.")]
    elif doctor is False:
        pool = [s for s in STAFF if not s.startswith("Dr.")]
    out = r.sample(pool, n)
    return out[0] if n == 1 else out


def handle(name):
    n = re.sub(r"^Dr\. |, RN$", "", name)
    parts = ascii_fold(n).lower().replace("'", "").split()
    return parts[0][0] + re.sub(r"[^a-z]", "", parts[-1])


FACS = ["Northgate Health", "Cedar Bluff Medical Center", "Saint Anselm Hospital",
        "Riverbend Health System", "Tamarack Valley Hospital", "Lakeshore Community Hospital",
        "Mesa Verde Regional", "Brightwater Clinic", "Kettle Creek Medical Group"]
ORGS = [("Northgate Health", "northgatehealth.org"), ("Cedar Bluff Medical Center", "cedarbluffmed.org"),
        ("Saint Anselm Hospital", "stanselm.org"), ("Riverbend Health System", "riverbendhealth.org"),
        ("Tamarack Valley Hospital", "tamarackvh.org")]


def org(r):
    """the organisation of the document: (facility, domain), fixed per Random instance"""
    if not hasattr(r, "_org"):
        r._org = r.choice(ORGS)
    return r._org


def org_phone(r, same_exchange=True):
    """a phone number of the document's organisation (shared area code, usually a shared exchange)"""
    if not hasattr(r, "_orgtel"):
        a, e, _ = phone_digits(r)
        r._orgtel = (a, e)
    a, e = r._orgtel
    if not same_exchange:
        e = phone_digits(r)[1]
    return f"({a}) {e}-{r.randint(0, 9999):04d}"


ORG_DOMAIN = ["northgatehealth.org", "cedarbluffmed.org", "stanselm.org", "riverbendhealth.org",
              "tamarackvh.org"]

# ---------------------------------------------------------------------------------------------
# value generators
# ---------------------------------------------------------------------------------------------
AREA = ["212", "617", "312", "415", "206", "303", "404", "512", "602", "713", "718", "773", "857",
        "919", "973", "207", "401", "508", "781", "978", "413", "860", "203", "614", "216", "412",
        "215", "267", "610", "717", "301", "410", "443", "703", "804", "757", "336", "704", "843",
        "305", "786", "954", "407", "813", "904", "615", "901", "502", "317", "414", "608", "612",
        "314", "816", "405", "918", "504", "601", "205", "479", "719", "720", "801", "208", "406",
        "702", "775", "505", "520", "480", "916", "559", "661", "707", "805", "909", "503", "541",
        "360", "425", "253", "509", "907", "808"]


def phone_digits(r):
    while True:
        ex = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}"
        if ex != "555" and ex[1:] != "11":
            return r.choice(AREA), ex, f"{r.randint(0, 9999):04d}"


def phone(r, style=None):
    a, e, n = phone_digits(r)
    style = style if style is not None else r.randint(0, 5)
    return [f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}",
            f"{a}{e}{n}", f"1-{a}-{e}-{n}"][style]


def ssn(r, dashed=True):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    g, s = r.randint(1, 99), r.randint(1, 9999)
    return f"{a:03d}-{g:02d}-{s:04d}" if dashed else f"{a:03d}{g:02d}{s:04d}"


def ssn_valid(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 9:
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0 and d not in ("123456789", "078051120")


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi(r, dashed=None):
    al, dg = MBI_ALPHA, "0123456789"
    c = [r.choice("123456789"), r.choice(al), r.choice(al + dg), r.choice(dg), r.choice(al),
         r.choice(al + dg), r.choice(dg), r.choice(al), r.choice(al), r.choice(dg), r.choice(dg)]
    s = "".join(c)
    if dashed is None:
        dashed = r.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


def mbi_valid(v):
    s = v.replace("-", "")
    if len(s) != 11:
        return False
    al, dg = set(MBI_ALPHA), set("0123456789")
    rules = ["1-9", al, al | dg, dg, al, al | dg, dg, al, al, dg, dg]
    for ch, ru in zip(s, rules):
        if ru == "1-9":
            if ch not in "123456789":
                return False
        elif ch not in ru:
            return False
    return True


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


def card(r):
    while True:
        d = r.choice(["4", "51", "37", "6011"]) + "".join(str(r.randint(0, 9)) for _ in range(20))
        d = d[:15] if d.startswith("37") else d[:16]
        if luhn_ok(d):
            return " ".join(d[i:i + 4] for i in range(0, len(d), 4))


VIN_VAL = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
WMI = ["1HG", "1FT", "1G1", "2T1", "3VW", "5YJ", "JTD", "KM8", "WBA", "1C4", "4T1", "5NP", "1N4",
       "JHM", "3GN", "1FM", "2HK", "KNA", "YV1", "JN8", "5FN", "1GC", "3FA", "4S4", "JF2"]
AMBULANCE_WMI = ["1FD", "1FV", "1GB", "3C6", "1FT", "4UZ"]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(v17):
    tot = sum((int(c) if c.isdigit() else VIN_VAL[c]) * w for c, w in zip(v17, VIN_W))
    m = tot % 11
    return "X" if m == 10 else str(m)


def vin(r, wmis=None):
    body = (r.choice(wmis or WMI) + "".join(r.choice(VIN_CH) for _ in range(5)) + "0"
            + r.choice("ABCDEFGHJKLMNPRST") + r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
            + "".join(str(r.randint(0, 9)) for _ in range(6)))
    return body[:8] + vin_check(body) + body[9:]


def vin_ok(v):
    return len(v) == 17 and not set(v) & set("IOQ") and vin_check(v) == v[8]


def plate(r, st=None):
    st = st or r.choice(["CA", "NY", "TX", "FL", "MA", "AZ", "WA", "IL", "PA", "OH", "GA", "NJ"])
    L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
    N = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    f = {"CA": lambda: N(1) + L(3) + N(3), "NY": lambda: L(3) + "-" + N(4),
         "TX": lambda: L(3) + "-" + N(4), "FL": lambda: L(3) + " " + L(1) + N(2),
         "MA": lambda: N(1) + L(2) + N(3), "AZ": lambda: L(3) + N(4), "WA": lambda: L(3) + N(4),
         "IL": lambda: L(2) + " " + N(5), "PA": lambda: L(3) + "-" + N(4),
         "OH": lambda: L(3) + " " + N(4), "GA": lambda: L(3) + N(4), "NJ": lambda: L(1) + N(2) + "-" + L(3)}[st]
    return st, f()


def gtin(r, prefix=None):
    body = (prefix or r.choice(["0", "1"]) + "0" + "".join(str(r.randint(0, 9)) for _ in range(6)))
    body = (body + "".join(str(r.randint(0, 9)) for _ in range(13)))[:13]
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return body + str((10 - tot % 10) % 10)


def gtin_ok(g):
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(g[:-1])))
    return (10 - tot % 10) % 10 == int(g[-1])


def alnum(r, n, chars="ABCDEFGHJKLMNPRSTUVWXYZ0123456789"):
    return "".join(r.choice(chars) for _ in range(n))


def digits(r, n, lead="123456789"):
    return r.choice(lead) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))


def serial(r, kind):
    N = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    if kind == "pacer":
        return r.choice(["RNB", "PZX", "CVT", "SJM"]) + N(6) + r.choice("HGS")
    if kind == "icd":
        return r.choice(["BLK", "DFV", "VRX"]) + N(6) + r.choice("HS")
    if kind == "pump":
        return r.choice(["NG", "HX", "TS"]) + N(7) + r.choice("HKM")
    if kind == "cgm":
        return N(1) + alnum(r, 5)
    if kind == "sensor":
        return alnum(r, 12)
    if kind == "hearing":
        return N(4) + r.choice("XKMP") + N(4)
    if kind == "cpap":
        return "2" + N(10)
    if kind == "conc":
        return "IC" + N(6) + r.choice("ABC")
    if kind == "wheelchair":
        return "WC" + N(4) + "-" + N(5)
    if kind == "bpcuff":
        return "BPM-" + alnum(r, 4) + "-" + alnum(r, 4)
    if kind == "scale":
        return "SC" + N(7)
    if kind == "cochlear":
        return "CI" + N(3) + "-" + N(7)
    if kind == "tablet":
        return "R" + alnum(r, 10)
    raise KeyError(kind)


def udi(r, with_lot=True):
    g = gtin(r)
    exp = dt.date(2026 + r.randint(0, 3), r.randint(1, 12), r.randint(1, 28))
    s = f"(01){g}(17){exp:%y%m%d}"
    if with_lot:
        s += f"(10){alnum(r, r.randint(5, 8))}"
    return s + f"(21){alnum(r, r.randint(6, 10))}"


MRN_STYLES = ["E7", "d8", "M9", "d7", "MR6", "d10"]


def mrn(r, style=None):
    st = style or r.choice(MRN_STYLES)
    if st == "E7":
        return "E" + digits(r, 7)
    if st == "d8":
        return "00" + digits(r, 6)
    if st == "M9":
        return "M" + digits(r, 9, "0123456789")
    if st == "d7":
        return digits(r, 7)
    if st == "MR6":
        return "MR" + digits(r, 6)
    return "10" + digits(r, 8, "0123456789")


PAYER_STYLES = {
    "Blue Cross Blue Shield": lambda r: alnum(r, 3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(r, 9),
    "Anthem": lambda r: alnum(r, 3, "ABCDEFGHJKLMNPQRSTUVWXYZ") + "W" + digits(r, 8),
    "UnitedHealthcare": lambda r: "9" + digits(r, 8, "0123456789"),
    "Aetna": lambda r: "W" + digits(r, 9),
    "Cigna": lambda r: "U" + digits(r, 8) + " 0" + str(r.randint(1, 4)),
    "Humana": lambda r: "H" + digits(r, 8),
    "NY Medicaid": lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 5) + alnum(r, 1, "ABCDEFGHJKLMNPRSTUVWXYZ"),
    "Medi-Cal": lambda r: "9" + digits(r, 7, "0123456789") + r.choice("ABCDEFGH"),
    "TRICARE": lambda r: "1" + digits(r, 9, "0123456789"),
    "Kaiser Permanente": lambda r: "KP" + digits(r, 8, "0123456789"),
    "Molina Healthcare": lambda r: "1" + digits(r, 8, "0123456789"),
    "Ambetter": lambda r: "U" + digits(r, 10, "0123456789"),
    "MassHealth": lambda r: "1" + digits(r, 11, "0123456789"),
    "Oscar": lambda r: "OSC" + digits(r, 8) + "-01",
    "Harvard Pilgrim": lambda r: "HP" + digits(r, 7) + "0" + str(r.randint(1, 3)),
    "WellCare": lambda r: digits(r, 8),
}


def member(r, payer=None):
    p = payer or r.choice(sorted(PAYER_STYLES))
    return p, PAYER_STYLES[p](r)


def group_no(r):
    return r.choice(["GRP", "", "G"]) + digits(r, r.choice([5, 6, 7]), "0123456789")


AUTO_CARRIERS = ["Progressive", "GEICO", "State Farm", "Liberty Mutual", "Allstate", "USAA",
                 "Farmers", "Nationwide", "Travelers", "Erie Insurance"]
WC_CARRIERS = ["The Hartford", "Travelers", "Zenith National", "AmTrust", "Employers Holdings",
               "Berkshire Hathaway GUARD", "State Compensation Insurance Fund"]


def claim_no(r, style=None):
    st = style if style is not None else r.randint(0, 5)
    return [lambda: f"{digits(r, 2)}-{digits(r, 7, '0123456789')}-0{r.randint(1, 9)}",
            lambda: f"{alnum(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(r, 9)}",
            lambda: f"0{digits(r, 9)}{r.randint(10, 99)}",
            lambda: f"WC-{r.choice(['2025', '2026'])}-{digits(r, 6)}",
            lambda: f"{digits(r, 4)}{alnum(r, 1, 'ABCDEFGH')}{digits(r, 6, '0123456789')}",
            lambda: f"CLM{digits(r, 8)}"][st]()


def acct(r, style=None):
    st = style if style is not None else r.randint(0, 3)
    return [lambda: "7" + digits(r, 9, "0123456789"), lambda: digits(r, 8),
            lambda: "G" + digits(r, 7), lambda: "HA" + digits(r, 8, "0123456789")][st]()


DL_STATES = ("CA", "NY", "FL", "TX", "IL", "WA", "MA", "PA", "AZ", "NJ", "OH", "GA")


def dl(r, st=None):
    st = st or r.choice(["CA", "NY", "FL", "TX", "IL", "WA", "MA", "PA", "AZ", "NJ", "OH", "GA"])
    N = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    L = lambda: r.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    f = {"CA": lambda: L() + N(7), "NY": lambda: f"{N(3)} {N(3)} {N(3)}",
         "FL": lambda: f"{L()}{N(3)}-{N(3)}-{N(2)}-{N(3)}-0",
         "TX": lambda: "4" + N(7), "IL": lambda: f"{L()}{N(3)}-{N(4)}-{N(4)}",
         "WA": lambda: "WDL" + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9)),
         "MA": lambda: "S" + N(8), "PA": lambda: N(8), "AZ": lambda: L() + N(8),
         "NJ": lambda: f"{L()}{N(4)} {N(5)} {N(5)}", "OH": lambda: L() + L() + N(6),
         "GA": lambda: "0" + N(8)}[st]
    return st, f()


def pub_ip(r):
    while True:
        a = r.choice([24, 47, 50, 66, 67, 68, 69, 71, 73, 75, 76, 96, 97, 98, 99, 107, 108, 142,
                      166, 172, 173, 174, 184, 208])
        b = r.randint(0, 255)
        if a == 172 and 16 <= b <= 31:
            continue
        return f"{a}.{b}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def pub_ip6(r):
    return f"2601:{r.randint(0x100, 0xfff):x}:{r.randint(0x1000, 0xffff):x}:{r.randint(0x1000, 0xffff):x}:" \
           f"{r.randint(0x1000, 0xffff):x}:{r.randint(0x100, 0xffff):x}:{r.randint(0x1000, 0xffff):x}:{r.randint(0x100, 0xffff):x}"


def srv_ip(r):
    return r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 250)}",
                     f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 250)}",
                     f"192.168.{r.randint(0, 255)}.{r.randint(2, 250)}"])


STREETS = ["Maple Ave", "Linden St", "Old Farm Rd", "Quarry Ln", "Bayberry Ct", "Chestnut Hill Dr",
           "Alder Way", "Kessler Blvd", "Cortez St", "Saguaro Loop", "Palmetto Dr", "Elm Terrace",
           "Pinecrest Rd", "Mission St", "Calle Luna", "Orchard Hill Rd", "Riverside Dr",
           "Magnolia Blvd", "Fairmount Ave", "Ridgewood Pl", "Sycamore Cir", "Harbor View Rd",
           "N 14th St", "W Division St", "Cottonwood Trl", "Larkspur Ln", "Brook Hollow Dr",
           "Tanglewood Ct", "Prospect Ave", "Ironwood Dr", "Cedar Knoll Rd", "E Grand Ave"]
CITIES = [("Worcester", "MA", "01604"), ("Lowell", "MA", "01852"), ("Providence", "RI", "02908"),
          ("Hartford", "CT", "06106"), ("Yonkers", "NY", "10701"), ("Paterson", "NJ", "07501"),
          ("Allentown", "PA", "18102"), ("Dayton", "OH", "45410"), ("Dearborn", "MI", "48126"),
          ("Cicero", "IL", "60804"), ("Kenosha", "WI", "53140"), ("Des Moines", "IA", "50316"),
          ("Wichita", "KS", "67214"), ("Tulsa", "OK", "74112"), ("El Paso", "TX", "79903"),
          ("Laredo", "TX", "78040"), ("Tucson", "AZ", "85713"), ("Gallup", "NM", "87301"),
          ("Fresno", "CA", "93701"), ("Stockton", "CA", "95205"), ("Salinas", "CA", "93905"),
          ("Tacoma", "WA", "98405"), ("Spokane", "WA", "99207"), ("Boise", "ID", "83705"),
          ("Hilo", "HI", "96720"), ("Anchorage", "AK", "99508"), ("Savannah", "GA", "31404"),
          ("Shreveport", "LA", "71104"), ("Knoxville", "TN", "37917"), ("Lexington", "KY", "40505"),
          ("Roanoke", "VA", "24017"), ("Durham", "NC", "27701"), ("Lakeland", "FL", "33801"),
          ("Hialeah", "FL", "33012"), ("Pueblo", "CO", "81004"), ("Ogden", "UT", "84401"),
          ("Reno", "NV", "89502"), ("Billings", "MT", "59101"), ("Sioux Falls", "SD", "57103"),
          ("Fargo", "ND", "58102"), ("Lewiston", "ME", "04240"), ("Burlington", "VT", "05401"),
          ("Manchester", "NH", "03103"), ("Wilmington", "DE", "19801"), ("Hagerstown", "MD", "21740"),
          ("Scranton", "PA", "18505")]


class Addr:
    def __init__(self, r):
        self.street = f"{r.randint(3, 9899)} {r.choice(STREETS)}"
        self.unit = r.choice(["", "", "", f"Apt {r.randint(1, 40)}{r.choice(['', 'B', 'C'])}",
                              f"Unit {r.randint(100, 420)}", f"#{r.randint(2, 19)}"])
        self.city, self.state, z = r.choice(CITIES)
        self.zip = z if r.random() < 0.75 else f"{z}-{r.randint(1000, 9999)}"

    def line(self):
        return self.street + (f" {self.unit}" if self.unit else "")

    def marked(self, sep=", "):
        """street, city, ST ZIP -- each part labelled"""
        return f"{P(self.line(), 'addr')}{sep}{P(self.city, 'city')}, {D(self.state, 'state')} {P(self.zip, 'zip')}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def rdate(r, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    if y1 == 2026:                      # "now" is early December 2026
        b = dt.date(2026, 11, 30).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


def dob_for_age(r, age, ref=dt.date(2026, 11, 1)):
    d = ref - dt.timedelta(days=int(age * 365.25) + r.randint(20, 330))
    return d


def age_on(dob, ref=dt.date(2026, 11, 1)):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


def fd(d, style):
    """format a date"""
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "usn":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dmy":
        return d.strftime("%d-%b-%Y")
    if style == "dmyu":
        return d.strftime("%d-%b-%Y").upper()
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "longd":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "mon":
        return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if style == "eu":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "my":
        return f"{MONTHS[d.month - 1]} {d.year}"
    if style == "mmyy":
        return f"{d.month:02d}/{d.year}"
    if style == "md":
        return f"{d.month}/{d.day}"
    raise KeyError(style)


def rstyle(r, pool=("us", "usn", "iso", "dmy", "long", "mon", "us2")):
    return r.choice(pool)


def ts(r, d=None, sep=" "):
    d = d or rdate(r, 2026, 2026)
    return f"{d.isoformat()}{sep}{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"


def later(r):
    """a timestamp a little after the previous one in this document (ticket notes, comments)"""
    t0 = getattr(r, "_t", None) or dt.datetime(2026, r.randint(1, 10), r.randint(1, 28), r.randint(7, 17), r.randint(0, 59))
    t = t0 + dt.timedelta(minutes=r.randint(20, 60 * 30))
    t = min(t, dt.datetime(2026, 12, 6, 23, 0))
    r._t = t
    return t.strftime("%Y-%m-%d %H:%M:%S")


def after(r, d, hours=(1, 30)):
    """start the document's timeline shortly after date d"""
    r._t = dt.datetime(d.year, d.month, d.day, 8) + dt.timedelta(hours=r.randint(*hours))


def hl7ts(r, d=None):
    d = d or rdate(r, 2026, 2026)
    return d.strftime("%Y%m%d") + f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"


def ctrl_id(r):
    return alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 8)


def uuid(r):
    h = "0123456789abcdef"
    s = "".join(r.choice(h) for _ in range(32))
    return f"{s[:8]}-{s[8:12]}-4{s[13:16]}-{r.choice('89ab')}{s[17:20]}-{s[20:]}"


def hexid(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def age_text(r, age, ks=None, sex=None):
    """(prefix, labelled age text, suffix) in many ways; ks limits the styles"""
    words = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight",
             99: "ninety-nine", 100: "one hundred"}
    k = r.choice(ks) if ks else r.randint(0, 8)
    if k == 0:
        return "", str(age), " y/o"
    if k == 1:
        return "", f"{age}yo", ""
    if k == 2:
        return "", str(age), "-year-old"
    if k == 3:
        return "age ", str(age), ""
    if k == 4:
        return "", words.get(age, str(age)), "-year-old"
    if k == 5:
        return "(", f"{age}", " y)"
    if k == 6:
        return "", f"{age}", " years old"
    if k == 7:
        return ("", f"{age}{sex}", "") if sex else ("", str(age), " y/o")
    return "aged ", str(age), ""


ADJ_AGE = (2, 4)          # styles that read as an adjective: "a 93-year-old"
AFTER_NAME = (0, 1, 5, 7, 3)


def age_cell(r, age, ks=(0, 1, 3, 5, 6, None, None)):
    """a table cell with an age: labelled in one of several spellings when 90+, plain otherwise"""
    if age < 90:
        return str(age)
    k = r.choice(ks)
    if k is None:
        return P(str(age), "age")
    a, b, c = age_text(r, age, (k,))
    return a + P(b, "age") + c


def agep(r, age, ks=None):
    a, b, c = age_text(r, age, ks)
    return a + P(b, "age") + c


CONDS = ["type 1 diabetes", "atrial fibrillation", "complete heart block", "sick sinus syndrome",
         "heart failure with reduced EF", "sensorineural hearing loss", "obstructive sleep apnea",
         "COPD", "stage 3 pressure injury", "venous stasis ulcer", "CKD stage 4", "epilepsy",
         "type 2 diabetes", "hypertension", "osteoarthritis of the knee", "syncope"]
MEDS = ["apixaban 5 mg BID", "metoprolol succinate 50 mg", "insulin lispro", "levetiracetam 500 mg",
        "furosemide 40 mg", "atorvastatin 40 mg", "lisinopril 10 mg", "tramadol 50 mg",
        "insulin glargine 22 units", "cephalexin 500 mg QID"]


# ---------------------------------------------------------------------------------------------
# layout helpers
# ---------------------------------------------------------------------------------------------
def code_block(lay, text, lang="", title=None):
    if lay in ("wiki", "jira_wiki", "conf_wiki"):
        if lang:
            return "{code:" + (f"title={title}|" if title else "") + f"language={lang}}}\n{text}\n{{code}}"
        return "{noformat}\n" + text + "\n{noformat}"
    if lay in ("md", "jira_md", "conf_md", "gh"):
        return f"```{lang}\n{text}\n```"
    if lay == "html":
        return f"<pre>{text}</pre>"
    return "\n".join("    " + ln for ln in text.split("\n"))


def heading(lay, text, level=3):
    if lay in ("wiki", "jira_wiki", "conf_wiki"):
        return f"h{level}. {text}"
    if lay in ("md", "jira_md", "conf_md", "gh"):
        return "#" * level + " " + text
    if lay == "html":
        return f"<h{level}>{text}</h{level}>"
    return text.upper() if level <= 2 else text + ":"


def table(lay, headers, rows):
    """headers: list of str; rows: list of list of marked str"""
    if lay in ("wiki", "conf_wiki"):
        out = ["||" + "||".join(headers) + "||"]
        out += ["|" + "|".join(c if plain(c) else " " for c in row) + "|" for row in rows]
        return "\n".join(out)
    if lay in ("md", "conf_md"):
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(out)
    if lay == "html":
        out = ["<table>", "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"]
        out += ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows]
        return "\n".join(out + ["</table>"])
    if lay in ("excel", "tsv"):
        return "\n".join(["\t".join(headers)] + ["\t".join(row) for row in rows])
    if lay == "grid":
        cols = list(zip(*([headers] + rows)))
        w = [max(len(plain(c)) for c in col) for col in cols]
        pad = lambda c, i: c + " " * (w[i] - len(plain(c)))
        out = [" | ".join(pad(h, i) for i, h in enumerate(headers)),
               "-+-".join("-" * x for x in w)]
        out += [" | ".join(pad(c, i) for i, c in enumerate(row)) for row in rows]
        return "\n".join(out)
    raise KeyError(lay)


def csv_line(cells, sep=",", quote_all=False):
    out = []
    for c in cells:
        p = plain(c)
        if quote_all or sep in p or '"' in p:
            out.append('"' + c.replace('"', '""') + '"')
        else:
            out.append(c)
    return sep.join(out)


def sq(x):
    """SQL string literal of a marked value: quote outside the span, double inner quotes"""
    return "'" + x.replace("'", "''") + "'"


def jira_head(r, lay, key, summary, typ="Bug", prio=None, labels=()):
    rep, asg = staff(r, 2, doctor=False)
    prio = prio or r.choice(["Major", "High", "Medium", "Critical"])
    created = later(r)[:16]
    if lay == "jira_wiki":
        return (f"*{key}* {summary}\n"
                f"*Type:* {typ}  *Priority:* {prio}  *Status:* {r.choice(['Open', 'In Progress', 'Triage'])}\n"
                f"*Reporter:* {D(rep, 'staff')}  *Assignee:* {D(asg, 'staff')}\n"
                f"*Labels:* {' '.join(labels) or 'interfaces'}  *Created:* {created}\n")
    if lay == "jira_md":
        return (f"# [{key}] {summary}\n\n| Field | Value |\n|---|---|\n| Type | {typ} |\n"
                f"| Priority | {prio} |\n| Reporter | {D(rep, 'staff')} |\n| Assignee | {D(asg, 'staff')} |\n"
                f"| Created | {created} |\n")
    return (f"{key}\n{summary}\n\nType: {typ}    Priority: {prio}    Resolution: Unresolved\n"
            f"Reporter: {D(rep, 'staff')}\nAssignee: {D(asg, 'staff')}\nCreated: {created}\n")


def jira_comment(r, lay, who, body):
    when = later(r)[:16]
    if lay == "jira_wiki":
        return f"----\n[~{D(handle(who), 'staff')}] commented {when}:\n{body}\n"
    if lay == "jira_md":
        return f"---\n**{D(who, 'staff')}** — {when}\n\n{body}\n"
    return f"{D(who, 'staff')} added a comment - {when}\n{body}\n"


def pkey(r, proj=None):
    return f"{proj or r.choice(['INT', 'IFACE', 'HL7', 'EIS', 'CLININT', 'DEVINT'])}-{r.randint(120, 9800)}"


def email_date(r, d):
    return d.strftime("%a, %b %d, %Y at ") + f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['AM', 'PM'])}"


def email_hdr(r, lay, frm, to, subj, date_str=None, cc=None, d=None):
    """frm/to are marked strings; Gmail/Outlook header styles"""
    date_str = date_str or email_date(r, d or rdate(r, 2026, 2026))
    if lay == "outlook":
        out = f"From: {frm}\nSent: {D(date_str, 'evdate')}\nTo: {to}\n"
        if cc:
            out += f"Cc: {cc}\n"
        return out + f"Subject: {subj}\n"
    out = f"From: {frm}\nDate: {D(date_str, 'evdate')}\nSubject: {subj}\nTo: {to}\n"
    if cc:
        out += f"Cc: {cc}\n"
    return out


def fwd_marker(lay):
    return "---------- Forwarded message ---------" if lay == "gmail" else \
        "-----Original Message-----" if lay == "outlook" else "Begin forwarded message:"


def diff_hunk(path, lines, lay, r, start=None):
    """lines: list of (op, marked str) op in ' +-'"""
    start = start or r.randint(3, 120)
    minus = sum(1 for o, _ in lines if o in " -")
    plus = sum(1 for o, _ in lines if o in " +")
    body = "\n".join(o + s for o, s in lines)
    if lay == "bitbucket":
        return f"{path} MODIFIED\n@@ -{start},{minus} +{start},{plus} @@\n{body}"
    idx = f"index {hexid(r, 7)}..{hexid(r, 7)} 100644"
    return f"diff --git a/{path} b/{path}\n{idx}\n--- a/{path}\n+++ b/{path}\n@@ -{start},{minus} +{start},{plus} @@\n{body}"


def pr_head(r, lay, title, author, branch):
    n = r.randint(40, 2400)
    if lay == "bitbucket":
        return (f"Pull request #{n}: {title}\n{D(author, 'staff')} wants to merge {branch} into develop\n"
                f"Reviewers: {D(staff(r), 'staff')}, {D(staff(r), 'staff')}\n")
    if lay == "gh":
        return f"## {title} (#{n})\n**{D(author, 'staff')}** wants to merge 1 commit into `main` from `{branch}`\n"
    c = hexid(r, 40)
    return (f"commit {c}\nAuthor: {D(author, 'staff')} <{D(handle(author) + '@' + org(r)[1], 'contact')}>\n"
            f"Date:   {ts(r)} -0500\n\n    {title}\n")


# ---------------------------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------------------------
TEMPLATES = defaultdict(list)  # family -> [(name, fn, layouts)]
ORDINARY = set()               # PHI templates with everyday identifiers only (the rest lean on the rare kinds)


def T(family, name, layouts, ordinary=False):
    def deco(fn):
        TEMPLATES[family].append((name, fn, list(layouts)))
        if ordinary:
            ORDINARY.add(name)
        return fn
    return deco


# ---------------------------------------------------------------------------------------------
# HL7 helpers
# ---------------------------------------------------------------------------------------------
def msh(r, typ, snd="EPICADT", rcv="RHAPSODY", ver="2.5.1", when=None):
    fac = r.choice(["NGH", "CBMC", "SAH", "RBHS", "TVH"])
    r._msh = when or hl7ts(r)
    if not hasattr(r, "_t"):          # the ticket is written after the message
        w = r._msh
        r._t = dt.datetime(int(w[:4]), int(w[4:6]), int(w[6:8]), int(w[8:10]), int(w[10:12]))
    return f"MSH|^~\\&|{snd}|{fac}|{rcv}|{fac}|{D(r._msh, 'evdate')}||{typ}|{ctrl_id(r)}|P|{ver}"


def evn(r, code):
    """EVN with the event time of the preceding MSH"""
    return f"EVN|{code}|{D(r._msh, 'evdate')}"


def seg(name, fields):
    """an HL7 segment from {field number: marked value}"""
    n = max(fields)
    return name + "|" + "|".join(fields.get(i, "") for i in range(1, n + 1))


def in1(r, payer, policy, plan=None, grp=None):
    f = {1: "1", 2: f"{plan or digits(r, 3)}^{payer}", 3: str(r.randint(10000, 99999)), 4: payer,
         36: P(policy, "hp")}
    if grp:
        f[8] = D(grp, "grp")
    return seg("IN1", f)


def xtn(r, use="PRN", eq="PH", split=None):
    a, e, n = phone_digits(r)
    k = "fax" if eq == "FX" else "phone"
    if split if split is not None else r.random() < 0.5:
        return f"^{use}^{eq}^^1^{P(a, k)}^{P(e + n, k)}"
    return f"{P(f'({a}){e}-{n}', k)}^{use}^{eq}"


def xad(ad):
    unit = P(ad.unit, "addr") if ad.unit else ""
    return f"{P(ad.street, 'addr')}^{unit}^{P(ad.city, 'city')}^{D(ad.state, 'state')}^{P(ad.zip, 'zip')}^USA^H"


def pid(r, pt, mrnv, dob, ad=None, ph=None, ssnv=None, dlv=None, acctv=None, death=None,
        extra_ids="", aa="NGH"):
    f = [""] * 31
    f[1] = "1"
    f[3] = f"{P(mrnv, 'mrn')}^^^{aa}^MR" + extra_ids
    f[5] = P(pt.hl7(), "name")
    f[7] = P(dob, "date")
    f[8] = pt.sex
    if ad:
        f[11] = xad(ad)
    if ph:
        f[13] = ph
    if acctv:
        f[18] = f"{P(acctv, 'acct')}^^^{aa}^AN"
    if ssnv:
        f[19] = P(ssnv, "ssn")
    if dlv:
        f[20] = f"{P(dlv[1], 'lic')}^{D(dlv[0], 'state')}"
    if death:
        f[29], f[30] = P(death, "date"), "Y"
    while f and f[-1] == "":
        f.pop()
    return "PID|" + "|".join(f[1:])


def engine_log(r, lines, d=None):
    d = d or rdate(r, 2026, 2026)
    h = r.randint(0, 22)
    out = []
    m = r.randint(0, 50)
    for ln in lines:
        m += r.randint(0, 3)
        out.append(f"{d.isoformat()} {h:02d}:{m % 60:02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d} {ln}")
    return "\n".join(out)


def jira_code(lay, text, lang=None):
    if lay == "jira_wiki":
        return code_block("wiki", text, lang or "")
    if lay == "jira_md":
        return code_block("md", text, lang or "")
    return code_block("plain", text)


def jira_h(lay, text):
    return {"jira_wiki": f"h3. {text}", "jira_md": f"### {text}"}.get(lay, text + ":")


JL = ["jira_wiki", "jira_md", "jira_plain"]


# ---------------------------------------------------------------------------------------------
# PHI: jira_hl7
# ---------------------------------------------------------------------------------------------
@T("jira_hl7", "adt_a04_mva_zmv", JL)
def t_jira_mva(r, lay):
    pt = person(r)
    dob = rdate(r, 1950, 2006)
    ad = Addr(r)
    mr = mrn(r)
    arr = rdate(r, 2026, 2026)
    v = vin(r)
    st, pl = plate(r)
    car = r.choice(AUTO_CARRIERS)
    pol = f"{digits(r, 3)}-{digits(r, 4, '0123456789')}-{digits(r, 3, '0123456789')}"
    crash = arr - dt.timedelta(days=r.choice([0, 0, 1]))
    ev = hl7ts(r, arr)
    key = pkey(r, "TRAUMA")
    seat = r.choice(["DRIVER", "FRONT PASSENGER", "REAR PASSENGER"])
    msg = "\n".join([
        msh(r, "ADT^A04^ADT_A01", "FIRSTNET", "TRAUMAREG", when=ev),
        f"EVN|A04|{D(ev, 'evdate')}",
        pid(r, pt, mr, fd(dob, "hl7"), ad, xtn(r)),
        seg("PV1", {1: "1", 2: "E", 3: "ED^TRB2^01", 7: f"{D('1427781946', 'npi')}^{D('Holloway^Anders', 'staff')}",
                    19: P(digits(r, 9), "acct"), 44: P(ev[:12], "date")}),
        in1(r, car, pol, plan="AUTO01"),
        f"ZMV|1|{P(v, 'veh')}|{P(pl, 'veh')}^{D(st, 'state')}|{P(fd(crash, 'hl7'), 'date')}|{seat}|BELTED^Y|AIRBAG^{r.choice(['Y', 'N'])}",
    ])
    out = jira_head(r, lay, key, "ZMV crash segment dropped between FirstNet and the trauma registry",
                    labels=("trauma-registry", "rhapsody"))
    out += "\n" + jira_h(lay, "Description") + "\n"
    out += (f"Registrars enter crash details on the ED quick-reg form and FirstNet sends them in a ZMV "
            f"segment. Since the {r.choice(['Tuesday', 'weekend', 'last'])} route change the registry "
            f"receives the A04 without ZMV, so abstractors re-key the VIN and plate from the police "
            f"report. Sample from the inbound archive (restricted ticket):\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += jira_h(lay, "Engine log") + "\n"
    out += jira_code(lay, engine_log(r, [
        f"INFO  [route TraumaReg-OUT] received ADT^A04 ctrl={ctrl_id(r)} from {srv_ip(r)}:6661",
        "DEBUG [filter StripZSegments] removed 1 segment(s): ZMV",
        f"INFO  [comm TRAUMAREG] sent 1 message to {srv_ip(r)}:7720, ACK AA",
    ])) + "\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False),
                        f"The new StripZSegments filter only whitelists ZPV and ZIN. Adding ZMV to the list "
                        f"fixes it in TST. Note the VIN in the sample passes the check digit, so it is a real "
                        f"vehicle - please keep the attachment on this restricted ticket only.")
    return out


@T("jira_hl7", "oru_pacemaker_interrogation", JL)
def t_jira_pacer(r, lay):
    pt = person(r)
    dob = rdate(r, 1931, 1962)
    mr = mrn(r)
    icd = r.random() < 0.4
    model = r.choice(["Azure XT DR MRI W1DR01", "Assurity MRI PM2272", "Accolade MRI L331",
                      "Evera MRI XT VR DVMB1D4", "Edora 8 DR-T", "Gallant HF CD3257-40Q"])
    sn = serial(r, "icd" if icd else "pacer")
    lead_sn = [alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7) + "V" for _ in range(2)]
    imp = rdate(r, 2015, 2024)
    sess = rdate(r, 2026, 2026)
    key = pkey(r, "CARDIO")
    obx = [
        f"OBX|1|ST|720897^MDC_IDC_DEV_MDL^MDC||{D(model, 'model')}||||||F",
        f"OBX|2|ST|720898^MDC_IDC_DEV_SERIAL^MDC||{P(sn, 'dev')}||||||F",
        f"OBX|3|DT|720900^MDC_IDC_DEV_IMPLANT_DT^MDC||{P(fd(imp, 'hl7'), 'date')}||||||F",
        f"OBX|4|ST|720961^MDC_IDC_LEAD_SERIAL^MDC|1|{P(lead_sn[0], 'dev')}||||||F",
        f"OBX|5|ST|720961^MDC_IDC_LEAD_SERIAL^MDC|2|{P(lead_sn[1], 'dev')}||||||F",
        f"OBX|6|NM|734000^MDC_IDC_MSMT_BATTERY_VOLTAGE^MDC||{r.randint(28, 31) / 10}|V|||||F|||{P(fd(sess, 'hl7'), 'date')}",
        f"OBX|7|NM|731008^MDC_IDC_STAT_AT_BURDEN_PERCENT^MDC||{r.randint(0, 40)}|%|||||F|||{P(fd(sess, 'hl7'), 'date')}",
    ]
    msg = "\n".join([msh(r, "ORU^R01^ORU_R01", "PACEART", "CUPID", when=hl7ts(r, sess)),
                     pid(r, pt, mr, fd(dob, "hl7")),
                     f"OBR|1|{D(digits(r, 8), 'order')}||18750-0^Cardiac electrophysiology report^LN|||{P(fd(sess, 'hl7'), 'date')}"] + obx)
    out = jira_head(r, lay, key, "Device serial truncated to 10 characters in Cardiology PACS device tab")
    out += "\n" + jira_h(lay, "Summary") + "\n"
    out += (f"Remote interrogations from the device clinic land in the cardiology system but OBX-5 on the "
            f"serial observations gets cut to 10 characters, so the lead records don't match the implant log "
            f"and the clinic can't reconcile the {'ICD' if icd else 'pacemaker'} with the recall list. "
            f"Example (patient is {D(staff(r, doctor=True), 'staff')}'s):\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += (f"Expected generator serial {P(sn, 'dev')} and lead serials intact. The target column "
            f"DEVICE_SERIAL is VARCHAR2(10); leads need 11.\n\n")
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Widened the column to 20 in DEV and replayed the batch; the three OBX serials load "
                        "now. Will need a CAB for PRD since it is a DDL change.")
    return out


@T("jira_hl7", "oru_cgm_prt_udi", JL)
def t_jira_cgm(r, lay):
    pt = person(r)
    dob = rdate(r, 1960, 2015)
    mr = mrn(r)
    u = udi(r)
    tx = serial(r, "cgm")
    d0 = rdate(r, 2026, 2026)
    key = pkey(r, "DEVINT")
    rows = []
    for i in range(4):
        t = d0.strftime("%Y%m%d") + f"{6 + i * 4:02d}{r.randint(0, 59):02d}"
        rows.append(f"OBX|{i + 2}|NM|2339-0^Glucose [Mass/volume] in Blood^LN||{r.randint(68, 260)}|mg/dL|70-180||||F|||{P(t, 'date')}")
    model = r.choice(["Dexcom G7", "FreeStyle Libre 3", "Guardian 4", "Dexcom G6"])
    msg = "\n".join([msh(r, "ORU^R01^ORU_R01", "CGMHUB", "EPICLAB", "2.8.2", when=hl7ts(r, d0 + dt.timedelta(days=1))),
                     pid(r, pt, mr, fd(dob, "hl7")),
                     f"OBR|1|||97846-5^CGM summary^LN|||{P(d0.strftime('%Y%m%d'), 'date')}",
                     f"PRT|1|UC||EQUIP^Equipment^HL70912||||||{P(u, 'dev')}^GS1",
                     f"OBX|1|ST|{D('69687-3', 'iid')}^Device serial^LN||{P(tx, 'dev')}||||||F"] + rows)
    out = jira_head(r, lay, key, f"PRT-10 UDI from the {model} hub loses its parentheses in the Epic device flowsheet")
    out += "\n" + jira_h(lay, "Steps") + "\n"
    out += ("1. Hub posts the ORU below (copied from the inbound queue, not scrubbed).\n"
            "2. The translation table strips '(' and ')' from PRT-10.\n"
            "3. The flowsheet shows the AI-less string, so the UDI parser can't split GTIN / expiry / serial.\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Reproduced. The escape table treats parentheses as a custom delimiter from the old "
                        "glucometer feed. Scoped the rule to MSH-3 = GLUCOMTR so the hub passes through.")
    return out


@T("jira_hl7", "adt_a08_fax_email_xtn", JL)
def t_jira_fax(r, lay):
    pt = person(r)
    dob = rdate(r, 1940, 1999)
    mr = mrn(r)
    ad = Addr(r)
    em = ".".join(pt.slug()) + str(r.randint(1, 99)) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com"])
    ph = xtn(r, "PRN", "PH", split=True) + "~" + xtn(r, "PRN", "FX", split=True) + f"~^NET^Internet^{P(em, 'email')}"
    key = pkey(r)
    msg = "\n".join([msh(r, "ADT^A08^ADT_A01"), evn(r, "A08"),
                     pid(r, pt, mr, fd(dob, "hl7"), ad, ph),
                     f"PV1|1|O|{r.choice(['CARD', 'ORTHO', 'NEPH'])}^^^{r.choice(['NGH', 'CBMC'])}||||{D('1962548830', 'npi')}^{D('Rao^Priyanka', 'staff')}"])
    out = jira_head(r, lay, key, "Reminder IVR dials the fax repetition of PID-13")
    out += "\n" + jira_h(lay, "Problem") + "\n"
    out += (f"The appointment reminder vendor takes the first PID-13 repetition with a numeric number and "
            f"ignores the equipment type. When registration enters a home fax before the cell, the IVR calls the "
            f"fax line; this patient complained twice. The A08 from {D(r.choice(FACS), 'fac')}:\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += "Fix proposal: map only XTN-3 in (PH, CP) to the dialer, send FX to the records-release fax field, NET to portal e-mail.\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Vendor confirmed their parser ignores XTN-3. They will honour it in 24.3; until then "
                        "we reorder repetitions in the outbound translation.")
    return out


@T("jira_hl7", "adt_a03_death_90plus", JL)
def t_jira_death(r, lay):
    age = r.randint(90, 103)
    dob = dob_for_age(r, age)
    pt = person(r)
    mr = mrn(r)
    ad = Addr(r)
    dd = rdate(r, 2026, 2026)
    tod = f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
    adm = dd - dt.timedelta(days=r.randint(2, 19))
    son = relative(r, pt, sex=r.choice("MF"))
    rel = "SON" if son.sex == "M" else "DAU"
    cert = f"{r.choice(['2026', '26'])}-{digits(r, 6, '0123456789')}"
    key = pkey(r, "PORTAL")
    ev = hl7ts(r, dd + dt.timedelta(days=r.choice([0, 1])))
    msg = "\n".join([msh(r, "ADT^A03^ADT_A03", when=ev), f"EVN|A03|{D(ev, 'evdate')}",
                     pid(r, pt, mr, fd(dob, "hl7"), ad, xtn(r), death=fd(dd, "hl7") + tod),
                     f"NK1|1|{P(son.hl7(), 'name')}|{rel}^{'Son' if rel == 'SON' else 'Daughter'}^HL70063||{xtn(r, 'PRN', 'CP')}",
                     seg("PV1", {1: "1", 2: "I", 3: "4W^412^B", 7: f"{D('1841293375', 'npi')}^{D('Lindgren^Tomasz', 'staff')}",
                                 36: "20^Expired", 44: P(fd(adm, "hl7"), "date"), 45: P(fd(dd, "hl7") + tod, "date")}),
                     f"OBX|1|ST|DCERT^Death certificate number^L||{P(cert, 'lic')}||||||F"])
    out = jira_head(r, lay, key, "Portal keeps sending reminders after an A03 with PID-30 = Y")
    out += "\n" + jira_h(lay, "What happened") + "\n"
    a, b, c = age_text(r, age, ADJ_AGE)
    out += (f"Family of a {a}{P(b, 'age')}{c} inpatient who died on 4 West got a \"your appointment is "
            f"coming up\" text a week later. The A03 below carries PID-29/30 and discharge disposition 20, "
            f"but the portal subscriber only listens for A08 death updates.\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Added A03 with PV1-36 = 20 to the portal deactivation trigger. Also backfilled "
                        "deceased flags for the last 90 days (17 accounts).")
    return out


@T("jira_hl7", "mdm_t02_wound_photo", JL)
def t_jira_photo(r, lay):
    pt = person(r, native_ok=False)
    dob = rdate(r, 1935, 1990)
    mr = mrn(r)
    taken = rdate(r, 2026, 2026)
    g, f = pt.slug()
    fn = f"{r.choice(['wound', 'ulcer', 'sacrum', 'heel'])}_{f}_{g}_{taken.isoformat()}.jpg"
    b64 = "/9j/4AAQSkZJRgABAQEASABIAAD" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/") for _ in range(52)) + "..."
    key = pkey(r, "MEDIA")
    msg = "\n".join([msh(r, "MDM^T02^MDM_T02", "WOUNDCAM", "MEDIAMGR", when=hl7ts(r, taken)),
                     evn(r, "T02"),
                     pid(r, pt, mr, fd(dob, "hl7")),
                     f"PV1|1|O|WOUND^^^CBMC",
                     f"TXA|1|PHOTO^Clinical photograph|IMG|{P(fd(taken, 'hl7'), 'date')}||||||||{D(uuid(r), 'iid')}||||{P(fn, 'photo')}|AU",
                     f"OBX|1|ED|PHOTO^Wound photograph^L||^IMAGE^JPEG^Base64^{P(b64, 'photo')}||||||F"])
    out = jira_head(r, lay, key, "Wound camera puts the patient's name in TXA-16 file names")
    out += "\n" + jira_h(lay, "Description") + "\n"
    out += (f"The tablet app names every photo <site>_<last>_<first>_<date>.jpg and sends it as TXA-16. "
            f"Media Manager shows that name in the document list and it gets copied into e-mails and tickets. "
            f"Example message (image data cut):\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += (f"Ask: have the app use the document UUID instead of {P(fn, 'photo')}.\n\n")
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Vendor has a config flag (filename_pattern). Set to {docid}.jpg in TST; retest Monday.")
    return out


@T("jira_hl7", "dft_p03_dme_serial", JL)
def t_jira_dme(r, lay):
    pt = person(r)
    dob = rdate(r, 1945, 2000)
    mr = mrn(r)
    ad = Addr(r)
    payer, mid = member(r, r.choice(["MassHealth", "NY Medicaid", "Medi-Cal", "Molina Healthcare", "Humana"]))
    items = r.sample([("E0601", "CPAP device", "cpap", "ResMed AirSense 11"),
                      ("E1390", "Oxygen concentrator", "conc", "Inogen One G5"),
                      ("K0001", "Standard wheelchair", "wheelchair", "Drive Cruiser III"),
                      ("E0784", "External insulin pump", "pump", "t:slim X2")], 2)
    dos = rdate(r, 2026, 2026)
    key = pkey(r, "REVINT")
    segs = [msh(r, "DFT^P03^DFT_P03", "HMEBILL", "RESOLUTE"), evn(r, "P03"),
            pid(r, pt, mr, fd(dob, "hl7"), ad, acctv=acct(r, 0)),
            f"PV1|1|O|DME^^^RBHS"]
    sns = []
    for i, (hc, desc, k, model) in enumerate(items, 1):
        sn = serial(r, k)
        sns.append(sn)
        segs.append(f"FT1|{i}|||{P(fd(dos, 'hl7'), 'date')}||CG|{hc}^{desc}^HCPCS|||1|||||||||||||{D(hc, 'cpt')}^{desc}^HCPCS|RR")
        segs.append(f"ZDM|{i}|{D(model, 'model')}|{P(sn, 'dev')}|RENTAL")
    segs.append(in1(r, payer, mid))
    out = jira_head(r, lay, key, "837 rental lines go out without the device serial (ZDM not mapped to 2400 NTE)")
    out += "\n" + jira_h(lay, "Context") + "\n"
    out += (f"{payer} now rejects capped-rental claims without the serial in the line note. The home medical "
            f"equipment system puts it in ZDM-3 but the claim build ignores Z segments. DFT from the queue:\n\n")
    out += jira_code(lay, "\n".join(segs)) + "\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Mapped ZDM-3 to FT1-26 in the inbound translation so Resolute picks it up as a line "
                        "comment. Two test claims passed the clearinghouse edit.")
    return out


@T("jira_hl7", "adt_a28_palmvein_dl", JL)
def t_jira_bio(r, lay):
    pt = person(r)
    dob = rdate(r, 1950, 2004)
    mr = mrn(r)
    ad = Addr(r)
    pv = f"PS{digits(r, 10, '0123456789')}"
    d = dl(r, ad.state if ad.state in DL_STATES else None)
    ssv = ssn(r)
    key = pkey(r, "EMPI")
    msg = "\n".join([msh(r, "ADT^A28^ADT_A05", "REGIST", "EMPI"), evn(r, "A28"),
                     pid(r, pt, mr, fd(dob, "hl7"), ad, xtn(r), ssnv=ssv, dlv=d,
                         extra_ids=f"~{P(pv, 'bio')}^^^PATIENTSECURE^PI")])
    out = jira_head(r, lay, key, "Palm-vein enrolment id sent as a PID-3 repetition breaks EMPI matching")
    out += "\n" + jira_h(lay, "Description") + "\n"
    out += ("Since the biometric kiosk went live, registration adds the palm-vein template id as an extra "
            "PID-3 identifier with assigning authority PATIENTSECURE. The EMPI treats every PI identifier as "
            "a match key, so the score drops below the auto-link threshold and tasks pile up. Sample A28:\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += (f"The palm-vein id ({P(pv, 'bio')}) is a biometric reference and should not leave the kiosk "
            f"vendor's system at all; PID-19 and PID-20 also ride along unmasked.\n\n")
    out += jira_comment(r, lay, staff(r, doctor=False),
                        "Agreed with privacy: drop the PATIENTSECURE repetition in the outbound route, keep "
                        "PID-19/20 only to EMPI. Change request raised.")
    return out


# ---------------------------------------------------------------------------------------------
# PHI: confluence_table
# ---------------------------------------------------------------------------------------------
CL = ["conf_wiki", "conf_md", "html", "excel"]


def conf_page(r, lay, title, intro, headers, rows, outro="", space=None):
    editor = staff(r, doctor=False)
    edited = ts(r)[:10]
    if lay == "conf_wiki":
        out = f"h2. {title}\n{{info}}{intro}{{info}}\n\n{table('conf_wiki', headers, rows)}\n"
        out += (f"\n{outro}\n" if outro else "")
        return out + f"\n_Last edited by {D(editor, 'staff')} on {edited}_"
    if lay == "conf_md":
        out = f"## {title}\n\n> {intro}\n\n{table('conf_md', headers, rows)}\n"
        return out + (f"\n{outro}\n" if outro else "") + f"\n*Owner: {D(editor, 'staff')} · updated {edited}*"
    if lay == "html":
        out = (f'<div class="wiki-content"><h2>{title}</h2>\n<div class="confluence-information-macro">'
               f"<p>{intro}</p></div>\n{table('html', headers, rows)}\n")
        return out + (f"<p>{outro}</p>\n" if outro else "") + f'<p class="page-metadata">Edited by {D(editor, "staff")}</p></div>'
    out = f"{title}\n(pasted from {space or 'tracker'}.xlsx, sheet 1)\n\n{table('excel', headers, rows)}\n"
    return out + (f"\n{outro}" if outro else "")


def distinct_people(r, n, **kw):
    out, fam = [], set()
    while len(out) < n:
        p = person(r, **kw)
        if p.family in fam or p.first() in {q.first() for q in out}:
            continue
        fam.add(p.family)
        out.append(p)
    return out


def name_cell(r, p, style=None):
    st = style if style is not None else r.randint(0, 3)
    if st == 0:
        return P(p.lf(), "name")
    if st == 1:
        return P(p.full(), "name")
    if st == 2:
        return P(p.LF(), "name")
    return P(p.full(), "name") + (f" ({P(p.native, 'name')})" if p.native else "")


@T("confluence_table", "mva_subrogation_tracker", CL)
def t_conf_subro(r, lay):
    n = r.randint(3, 6)
    ppl = distinct_people(r, n)
    ds = rstyle(r, ("us", "iso", "dmy"))
    rows = []
    for p in ppl:
        car = r.choice(AUTO_CARRIERS)
        doi = rdate(r, 2025, 2026)
        st, pl = plate(r)
        has_v = r.random() < 0.8
        h = acct(r, 0)
        g, f = p.slug()
        folder = r.choice([f"\\\\pfs01\\subro$\\{doi.year}\\{f}_{g}_{h}",
                           f"https://{org(r)[1].split('.')[0]}.sharepoint.com/sites/PFS/Subro/{doi.year}/{f.capitalize()}%20{g.capitalize()}"])
        rows.append([name_cell(r, p, r.choice([0, 1, 2])), P(fd(rdate(r, 1950, 2007), ds), "date"), P(h, "acct"),
                     P(fd(doi, ds), "date"), car, P(claim_no(r, r.choice([0, 1, 4])), "oid"),
                     P(vin(r), "veh") if has_v else "pending police report",
                     f"{P(pl, 'veh')} ({D(st, 'state')})",
                     r.choice(["letter of protection rec'd", "PIP exhausted - bill health plan", "lien filed",
                               "awaiting adjuster", "closed - paid"]), P(folder, "url")])
    intro = ("Open third-party liability accounts from ED and trauma admissions. Collectors: update status after "
             "every adjuster call. VIN and plate come from the crash report the patient or attorney sends.")
    return conf_page(r, lay, f"MVA subrogation tracker – {r.choice(['Q3', 'Q4', 'October', 'November'])}", intro,
                     ["Patient", "DOB", "HAR", "Date of injury", "Auto carrier", "Carrier claim #", "VIN", "Plate", "Status", "Crash report folder"],
                     rows, "Carrier phone numbers are on the Payer Contacts page.", "subrogation")


@T("confluence_table", "device_recall_outreach", CL)
def t_conf_recall(r, lay):
    n = r.randint(4, 6)
    ppl = distinct_people(r, n)
    model, pref = r.choice([("Assurity MRI PM2272", "pacer"), ("Evera MRI XT VR DVMB1D4", "icd"),
                            ("MiniMed 780G MMT-1886", "pump"), ("Accolade MRI L331", "pacer")])
    adv = f"FA-{r.randint(2025, 2026)}-{r.randint(10, 99)}"
    spfx = serial(r, pref)[:2]
    ds = rstyle(r, ("us", "iso", "mon"))
    rows = []
    for p in ppl:
        stt = r.choice(["reached, clinic visit booked", "left VM x2", "letter mailed", "device replaced",
                        "declined, remote monitoring"])
        rows.append([name_cell(r, p), P(mrn(r), "mrn"), D(model, "model"), P(spfx + serial(r, pref)[len(spfx):], "dev"),
                     P(fd(rdate(r, 2016, 2024), ds), "date"), P(phone(r, r.choice([0, 1])), "phone"), stt])
    intro = (f"Patients whose device serial is in the manufacturer's advisory {adv} list (premature battery "
             f"depletion). Device clinic RNs call each one; do not e-mail this page outside the clinic.")
    return conf_page(r, lay, f"Advisory {adv} – patient outreach", intro,
                     ["Patient", "MRN", "Model", "Serial", "Implanted", "Phone", "Outreach"], rows,
                     f"Serial list from the rep received {ts(r)[:10]}; {r.randint(40, 220)} devices system-wide, "
                     f"only ours shown.", "recall")


@T("confluence_table", "hearing_aid_loaner_log", CL)
def t_conf_hearing(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        old = r.random() < 0.5
        age = r.randint(90, 101) if old else r.randint(58, 88)
        agec = age_cell(r, age, (0, 1, 3, 5, None))
        out = rdate(r, 2026, 2026)
        contact = (P(".".join(p.slug()) + "@" + r.choice(["gmail.com", "comcast.net", "att.net"]), "email")
                   if r.random() < 0.5 else P(phone(r, 0), "phone"))
        rows.append([name_cell(r, p, r.choice([0, 1])), agec, P(serial(r, "hearing"), "dev"),
                     P(serial(r, "hearing"), "dev"), P(fd(out, "us"), "date"),
                     P(fd(out + dt.timedelta(days=r.choice([14, 21, 28])), "us"), "date"), contact])
    intro = ("Loaner BTE aids handed out while the patient's own aid is away for repair. Record both serials - "
             "the manufacturer matches returns by serial, not by patient.")
    return conf_page(r, lay, "Audiology loaner hearing aids", intro,
                     ["Patient", "Age", "Serial (L)", "Serial (R)", "Loaned", "Due back", "Contact"], rows, "",
                     "audiology-loaners")


def portal_url(r, pid_val):
    dom = org(r)[1]
    return r.choice([
        f"https://mychart.{dom}/MyChart/app/messages/thread?patId={pid_val}&msgId={digits(r, 9)}",
        f"https://portal.{dom}/patient/{pid_val}/results/{digits(r, 7)}?src=sms",
        f"https://{dom}/myhealth/visit/join?patient={pid_val}&token={hexid(r, 16)}",
        f"https://followmyhealth.{dom}/records/{pid_val}/documents/{hexid(r, 12)}",
    ])


@T("confluence_table", "portal_link_misdelivery_audit", CL)
def t_conf_portal(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        m = mrn(r, "d8")
        rows.append([name_cell(r, p, r.choice([0, 1])), P(m, "mrn"), P(portal_url(r, m), "url"),
                     r.choice(["SMS", "e-mail", "letter QR"]),
                     P(pub_ip(r) if r.random() < 0.8 else pub_ip6(r), "ip"),
                     D(ts(r)[:16], "evdate")])
    intro = ("Deep links that a template bug sent with the wrong patient's id. Privacy needs the first-open IP "
             "to tell whether the intended patient or someone else opened it. Our own egress addresses "
             f"({srv_ip(r)}, {srv_ip(r)}) are filtered out.")
    return conf_page(r, lay, "Portal deep-link misdelivery – access audit", intro,
                     ["Patient", "MRN", "Link", "Channel", "First opened from", "Opened at"], rows,
                     "Template fixed in release 26.4.2; links expire after 14 days.", "privacy")


@T("confluence_table", "decedent_affairs_log", CL)
def t_conf_decedent(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    week = rdate(r, 2026, 2026)
    week -= dt.timedelta(days=week.weekday())
    for p in ppl:
        age = r.choice([r.randint(90, 104), r.randint(90, 99), r.randint(61, 89)])
        dod = week + dt.timedelta(days=r.randint(0, 6))
        nok = relative(r, p)
        rows.append([name_cell(r, p, r.choice([0, 2])), age_cell(r, age),
                     P(fd(dod, "us"), "date"), f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}",
                     r.choice(["4W", "MICU", "5E Onc", "ED", "Hospice 2"]),
                     P(f"{dod.year}-{digits(r, 6, '0123456789')}", "lic"),
                     P(f"ME-{dod.year % 100}-{digits(r, 4, '0123456789')}", "oid") if r.random() < 0.4 else "n/a",
                     D(r.choice(["Riverside Funeral Home", "Malone & Sons", "Sunset Cremation Society",
                                 "Casa de Paz Funeral Chapel"]), "fac"),
                     f"{P(nok.full(), 'name')} {P(phone(r, 1), 'phone')}"])
    intro = "Decedent affairs checklist. Certificate number is filled in once the electronic death registration is signed."
    return conf_page(r, lay, "Decedent log – week of " + fd(week, "mon"), intro,
                     ["Decedent", "Age", "Date of death", "Time", "Unit", "Death cert #", "ME case", "Funeral home",
                      "Next of kin"], rows, "", "decedent-affairs")


@T("confluence_table", "home_dme_register", CL)
def t_conf_dme(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        ad = Addr(r)
        k, model, hc = r.choice([("cpap", "ResMed AirSense 11", "E0601"), ("conc", "Inogen One G5", "E1390"),
                                 ("wheelchair", "Drive Cruiser III", "K0001"), ("bpcuff", "Omron BP7450", "A4670"),
                                 ("scale", "BodyTrace BT003", "E1639")])
        rows.append([name_cell(r, p, r.choice([0, 1])), P(ad.line(), "addr"), P(ad.city, "city"),
                     P(ad.zip, "zip"), f"{D(model, 'model')} ({D(hc, 'cpt')})", P(serial(r, k), "dev"),
                     P(fd(rdate(r, 2025, 2026), "iso"), "date")])
    intro = "Equipment out in patients' homes. Drivers update the serial on delivery; biomed uses it for pick-ups and recalls."
    return conf_page(r, lay, "Home equipment register", intro,
                     ["Patient", "Address", "City", "ZIP", "Item", "Serial", "Delivered"], rows, "", "hme")


@T("confluence_table", "employee_health_clearance", CL)
def t_conf_occ(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n, native_ok=False)
    rows = []
    for p in ppl:
        role, lic_p = r.choice([("RN", "RN"), ("LPN", "LPN"), ("RT", "RCP"), ("Paramedic", "P"), ("PharmD", "RPH")])
        st = r.choice(["MA", "NY", "TX", "CA", "FL", "OH"])
        rows.append([name_cell(r, p, r.choice([0, 1])), P(f"E{digits(r, 6)}", "oid"), role,
                     f"{D(st, 'state')} {P(lic_p + digits(r, r.choice([6, 7])), 'lic')}",
                     P(fd(rdate(r, 1965, 2001), "us"), "date"),
                     r.choice(["TB IGRA neg", "N95 fit 3M 1870+ pass", "Hep B titer pending", "cleared", "restricted - lifting"]),
                     P(fd(rdate(r, 2026, 2026), "us"), "date")])
    intro = ("Employee health clearance for new hires and returns from leave. These are the employees' own "
             "health records: only Employee Health staff have access.")
    return conf_page(r, lay, "Employee Health – clearance queue", intro,
                     ["Employee", "Emp ID", "Role", "Licence", "DOB", "Result", "Visit date"], rows, "", "employee-health")


@T("confluence_table", "palmvein_enrolment_exceptions", CL)
def t_conf_bio(r, lay):
    n = r.randint(3, 6)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        rows.append([name_cell(r, p), P(mrn(r), "mrn"), P(f"PS{digits(r, 10, '0123456789')}", "bio"),
                     P(fd(rdate(r, 1938, 2008), "us"), "date"),
                     D(r.choice(["Main ED reg", "Cancer Ctr kiosk 2", "Walk-in Lab", "Ortho check-in"]), "fac"),
                     r.choice(["template linked to wrong MRN", "duplicate enrolment", "patient revoked consent",
                               "scan quality < 60", "minor enrolled without guardian consent"])])
    intro = ("Palm-vein enrolments that the nightly reconciliation could not match. Registration leads fix them; "
             "revoked consents must be deleted from the vendor cloud within 30 days.")
    return conf_page(r, lay, "Biometric ID – enrolment exceptions", intro,
                     ["Patient", "MRN", "Biometric ID", "DOB", "Site", "Exception"], rows, "", "patient-access")


# ---------------------------------------------------------------------------------------------
# PHI: support_ticket
# ---------------------------------------------------------------------------------------------
TL = ["servicenow", "zendesk", "jsm", "freshdesk"]


def ticket(r, lay, short, fields, desc, notes):
    """fields: list of (label, marked value); notes: list of (author, marked text)"""
    if lay == "servicenow":
        num = f"{r.choice(['INC', 'RITM', 'CS'])}{digits(r, 7, '0123456789')}"
        out = f"{num}  {short}\n" + "\n".join(f"{k}: {v}" for k, v in fields)
        out += f"\nState: {r.choice(['In Progress', 'On Hold - Awaiting Caller', 'New'])}\n"
        out += f"Assignment group: {r.choice(['Patient Access Apps', 'Clinical Engineering', 'HIM Release of Information', 'Service Desk L2', 'Revenue Cycle Apps'])}\n"
        out += f"\nDescription:\n{desc}\n"
        for who, txt in notes:
            out += f"\n{later(r)} - {D(who, 'staff')} (Work notes)\n{txt}\n"
        return out
    if lay == "zendesk":
        out = f"Ticket #{r.randint(10000, 99999)} — {short}\n"
        out += "\n".join(f"{k}  {v}" for k, v in fields)
        out += f"\n\nConversation\n\n{desc}\n"
        for who, txt in notes:
            out += f"\n{D(who, 'staff')} · internal note · {later(r)[:16]}\n{txt}\n"
        return out
    if lay == "jsm":
        key = f"{r.choice(['HELP', 'PA', 'CE', 'SD'])}-{r.randint(1000, 20000)}"
        out = f"{key} | {short}\nRequest type: {r.choice(['Report a problem', 'Get IT help', 'Clinical application issue'])}\n"
        out += "\n".join(f"*{k}:* {v}" for k, v in fields)
        out += f"\n\n*Description*\n{desc}\n"
        for who, txt in notes:
            out += f"\n*{D(who, 'staff')}* (internal) {later(r)[:16]}\n{txt}\n"
        return out
    out = f"[#{r.randint(1000, 9999)}] {short}\nStatus: Open   Priority: {r.choice(['Medium', 'High', 'Urgent'])}\n"
    out += "\n".join(f"{k}: {v}" for k, v in fields)
    out += f"\n\n{desc}\n"
    for who, txt in notes:
        out += f"\n--- Private note by {D(who, 'staff')} ({later(r)[:16]})\n{txt}\n"
    return out


def pemail(r, p, num=True):
    g, f = p.slug()
    return r.choice([f"{g}.{f}", f"{g}{f}", f"{g[0]}{f}", f"{f}.{g}", f"{g}_{f}"]) + (
        str(r.randint(1, 99)) if num and r.random() < 0.6 else "") + "@" + r.choice(
        ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "proton.me"])


@T("support_ticket", "portal_lockout_ip", TL)
def t_tk_portal(r, lay):
    pt = person(r)
    dob = rdate(r, 1938, 2004)
    ip = pub_ip(r)
    em = pemail(r, pt)
    waf = srv_ip(r)
    d = rdate(r, 2026, 2026)
    agent = staff(r, doctor=False)
    log = "\n".join([
        f"{d.isoformat()}T{r.randint(6, 9):02d}:{r.randint(10, 59):02d}:{r.randint(0, 59):02d}Z auth.fail user={P(em, 'email')} src={P(ip, 'ip')} via={waf} reason=BAD_PASSWORD",
        f"{d.isoformat()}T{r.randint(10, 11):02d}:{r.randint(10, 59):02d}:{r.randint(0, 59):02d}Z auth.fail user={P(em, 'email')} src={P(ip, 'ip')} via={waf} reason=BAD_PASSWORD",
        f"{d.isoformat()}T{r.randint(12, 13):02d}:{r.randint(10, 59):02d}:{r.randint(0, 59):02d}Z auth.lock user={P(em, 'email')} src={P(ip, 'ip')} via={waf} reason=THRESHOLD(5)",
    ])
    desc = (f"Caller states she/he cannot log in to the patient portal since this morning; reset link never "
            f"arrives. Verified identity with name {P(pt.full(), 'name')} and DOB {P(fd(dob, 'us'), 'date')}. "
            f"Portal username is the e-mail on file.")
    notes = [(agent, "Auth log for the account (our WAF shows as 'via'):\n" + log +
              "\nAccount locked by threshold. The reset mail bounced (mailbox full). Unlocked and asked the "
              "patient to clear the mailbox; sent the reset again."),
             (staff(r, doctor=False), "Closing if no reply in 48h.")]
    fields = [("Caller", P(pt.full(), "name")), ("Contact", P(phone(r), "phone")),
              ("Category", "Patient portal / login"), ("Opened", later(r)[:16])]
    return ticket(r, lay, "Patient portal account locked - reset e-mail not received", fields, desc, notes)


@T("support_ticket", "insulin_pump_rma", TL)
def t_tk_pump(r, lay):
    pt = person(r)
    dob = rdate(r, 1970, 2016)
    ad = Addr(r)
    model = r.choice(["t:slim X2", "MiniMed 780G", "Omnipod 5 controller", "Tandem Mobi"])
    old, new = serial(r, "pump"), serial(r, "pump")
    mr = mrn(r)
    rma = f"RMA-{digits(r, 7)}"
    peds = age_on(dob) < 18
    par = relative(r, pt) if peds else None
    desc = (f"Diabetes center RN: {('parent ' + P(par.full(), 'name') + ' called about ') if peds else ''}"
            f"{P(pt.full(), 'name')} (MRN {P(mr, 'mrn')}, DOB {P(fd(dob, 'us'), 'date')}) {D(model, 'model')} "
            f"alarming 'motor error'. Vendor opened {rma}; replacement ships overnight to "
            f"{P(ad.line(), 'addr')}, {P(ad.city, 'city')} {D(ad.state, 'state')} {P(ad.zip, 'zip')}.\n"
            f"Failed pump S/N {P(old, 'dev')}. Please update the device record in the chart once the new S/N "
            f"arrives so the CGM integration re-pairs.")
    notes = [(staff(r, doctor=False), f"Replacement delivered. New S/N {P(new, 'dev')}. Device record updated, "
                                      f"old serial end-dated. Return box label sent to the family."),
             (staff(r, doctor=False), "Integration re-paired; first readings received.")]
    fields = [("Requested for", P(pt.full(), "name")), ("Requested by", D(staff(r, doctor=False), "staff")),
              ("Category", "Clinical Engineering / patient-owned device")]
    return ticket(r, lay, f"Pump replacement - update device record ({rma})", fields, desc, notes)


@T("support_ticket", "id_scanner_aamva_misread", TL)
def t_tk_idscan(r, lay):
    pt = person(r, native_ok=False)
    dob = rdate(r, 1950, 2005)
    ad = Addr(r)
    while ad.state not in DL_STATES:
        ad = Addr(r)
    st, lic = dl(r, ad.state)
    exp = dt.date(2027 + r.randint(0, 5), dob.month, min(dob.day, 28))
    g, f = ascii_fold(pt.given).upper(), ascii_fold(pt.family).upper()
    el = [("DAQ", "customer id", P(lic, "lic")), ("DCS", "family name", P(f, "name")),
          ("DAC", "first name", P(g, "name")), ("DAD", "middle name", "NONE"),
          ("DBB", "date of birth", P(dob.strftime("%m%d%Y"), "date")), ("DBA", "expiry", exp.strftime("%m%d%Y")),
          ("DBC", "sex", "1" if pt.sex == "M" else "2"), ("DAG", "street", P(ascii_fold(ad.street).upper(), "addr")),
          ("DAI", "city", P(ad.city.upper(), "city")), ("DAJ", "state", D(ad.state, "state")),
          ("DAK", "postal", P(ad.zip.replace("-", "") + ("0000" if "-" not in ad.zip else ""), "zip"))]
    dump = f"[pdf417] header=ANSI 6360{r.randint(10, 99)}0902 jurisdiction={st} subfiles=2\n" + "\n".join(
        f"[pdf417] {k} ({lbl:13s}) = {v}" for k, lbl, v in el)
    desc = (f"Kiosk at {D(r.choice(FACS), 'fac')} main registration reads the licence barcode but drops the "
            f"first character of the family name when the name has a particle or apostrophe, then creates a new "
            f"MRN instead of matching. Raw scan from the kiosk debug log (patient consented to us using it for "
            f"the ticket):\n\n{code_block(r.choice(['wiki', 'md', 'plain']), dump)}")
    notes = [(staff(r, doctor=False), f"Confirmed: the parser trims after DCS when the value contains a space. "
                                      f"Duplicate MRN {P(mrn(r), 'mrn')} merged into the real chart."),
             (staff(r, doctor=False), "Vendor fix is in driver 4.12; scheduling the kiosk update.")]
    fields = [("Caller", D(staff(r, doctor=False), "staff")), ("Location", "Main registration kiosk 3"),
              ("Configuration item", "ID scanner / PDF417")]
    return ticket(r, lay, "ID scanner creates duplicate MRNs from licence barcodes", fields, desc, notes)


@T("support_ticket", "fax_misroute_home_fax", TL)
def t_tk_fax(r, lay):
    pt = person(r)
    dob = rdate(r, 1940, 2000)
    mr = mrn(r)
    fax_home = phone(r, r.choice([0, 1]))
    wrong = f"({r.choice(AREA)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}"
    pages = r.randint(3, 40)
    desc = (f"ROI sent {pages} pages of {P(pt.lf(), 'name')} (MRN {P(mr, 'mrn')}, DOB {P(fd(dob, 'usn'), 'date')}) "
            f"to a fax number one digit off the patient's home fax. The patient asked for delivery to "
            f"Fax: {P(fax_home, 'fax')} on the authorisation form; the RightFax cover sheet shows the wrong one. "
            f"Need the transmission log to see whether it connected.")
    notes = [(staff(r, doctor=False), f"RightFax log: job {digits(r, 6)} connected, {pages} pages sent, remote CSID "
                                      f"blank, duration 00:0{r.randint(1, 9)}:{r.randint(10, 59)}. Reported to privacy "
                                      f"as a possible breach."),
             (staff(r, doctor=False), "Privacy officer contacted the receiving number; it is a dental office that "
                                      "confirmed shredding. Risk assessment filed.")]
    fields = [("Caller", D(staff(r, doctor=False), "staff")), ("Department", "HIM - Release of Information"),
              ("Wrong number dialled", D(wrong, "contact"))]
    return ticket(r, lay, "Records faxed to wrong number - need RightFax transmission log", fields, desc, notes)


@T("support_ticket", "telehealth_join_failure", TL)
def t_tk_tele(r, lay):
    pt = person(r)
    dob = rdate(r, 1944, 2008)
    appt = rdate(r, 2026, 2026)
    ip = pub_ip(r)
    em = pemail(r, pt)
    turn = [srv_ip(r) for _ in range(2)]
    ua = r.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                   "Mozilla/5.0 (Linux; Android 14; SM-A146U) Chrome/125.0 Mobile",
                   "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/125.0"])
    desc = (f"Provider {D(staff(r, doctor=True), 'staff')} could not connect with {P(pt.full(), 'name')} for the "
            f"{r.choice(['9:20', '10:40', '1:15', '3:30'])} video visit on "
            f"{P(fd(appt, 'us'), 'date')}. Patient got 'camera not available' and the waiting room timed out.\n\n"
            f"Session diagnostics:\n"
            f"  participant=patient email={P(em, 'email')}\n"
            f"  client_ip={P(ip, 'ip')}  ua=\"{ua}\"\n"
            f"  ice: host candidate failed, relay via turn {turn[0]}:3478 and {turn[1]}:443 timed out\n"
            f"  media server={srv_ip(r)} region=us-east")
    notes = [(staff(r, doctor=False), "The patient's network blocks UDP; TURN over TLS 443 was not enabled on the "
                                      "second relay. Enabled, asked the clinic to resend the link."),
             (staff(r, doctor=False), f"Patient joined the rescheduled visit; DOB on the intake form "
                                      f"{P(fd(dob, 'us'), 'date')} matched.")]
    fields = [("Affected user", P(pt.full(), "name")), ("Service", "Telehealth / video visits"),
              ("Impact", "Single patient")]
    return ticket(r, lay, "Video visit: patient cannot join (ICE failure)", fields, desc, notes)


@T("support_ticket", "birth_certificate_correction", TL)
def t_tk_birth(r, lay):
    mom = person(r, sex="F")
    baby = relative(r, mom)
    bdob = rdate(r, 2026, 2026)
    cert = f"{bdob.year}-{r.randint(1, 60):02d}-{digits(r, 6, '0123456789')}"
    bm, mm = mrn(r), mrn(r)
    wrong_given = ascii_fold(baby.first())[:-1] + r.choice("aey")
    after(r, bdob, (30, 24 * 20))
    desc = (f"Mother {P(mom.full(), 'name')} (MRN {P(mm, 'mrn')}) called: the birth certificate worksheet for "
            f"her {'son' if baby.sex == 'M' else 'daughter'} shows the first name as {P(wrong_given, 'name')} instead of "
            f"{P(baby.first(), 'name')}. Baby MRN {P(bm, 'mrn')}, born {P(fd(bdob, 'long'), 'date')}. The state "
            f"registry already issued certificate number {P(cert, 'lic')}, so this needs an amendment, not a "
            f"worksheet edit.")
    notes = [(staff(r, doctor=False), "Birth registrar: amendment affidavit mailed to the mother; the chart name "
                                      "was right, only the EBRS entry was mistyped."),
             (staff(r, doctor=False), f"Affidavit received back; submitted to vital records. Baby {P(baby.full(), 'name')} "
                                      f"chart unchanged.")]
    fields = [("Caller", P(mom.full(), "name")), ("Call-back", P(phone(r), "phone")),
              ("Category", "HIM / Birth registration")]
    return ticket(r, lay, "Birth certificate - first name misspelled", fields, desc, notes)


@T("support_ticket", "hearing_aid_app_pairing", TL)
def t_tk_hear(r, lay):
    pt = person(r)
    age = r.randint(90, 100)
    dau = relative(r, pt, sex="F", same_family=r.random() < 0.6)
    sl, sr = serial(r, "hearing"), serial(r, "hearing")
    model = r.choice(["Phonak Audéo Lumity L90", "Oticon Intent 1", "ReSound Nexia 9", "Signia Pure Charge&Go IX"])
    par = "father" if pt.sex == "M" else "mother"
    he, _, his = pt.pron()
    desc = (f"From {P(dau.full(), 'name')} <{P(pemail(r, dau), 'email')}>:\n"
            f"\"My {par} {P(pt.full(), 'name')} is {P(str(age), 'age')} and {his} new {D(model, 'model')} aids won't pair "
            f"with the app on {his} tablet. Left serial {P(sl, 'dev')}, right {P(sr, 'dev')}. {he.capitalize()} was fitted "
            f"at your clinic. Can someone call me at {P(phone(r, 0), 'phone')}?\"")
    notes = [(staff(r, doctor=False), "Audiologist: Bluetooth LE Audio not supported on that tablet's OS. Paired "
                                      "with the daughter's phone for remote adjustments instead; app account under "
                                      "the daughter's e-mail.")]
    fields = [("Requester", P(dau.full(), "name")), ("Patient", P(pt.full(), "name")),
              ("Patient age", "".join((lambda t: (t[0], P(t[1], "age"), t[2]))(age_text(r, age, (0, 1, 6))))),
              ("Group", "Audiology front desk")]
    return ticket(r, lay, "Hearing aid app pairing help", fields, desc, notes)


@T("support_ticket", "workers_comp_vehicle_bill", TL)
def t_tk_wc(r, lay):
    pt = person(r)
    dob = rdate(r, 1962, 2002)
    doi = rdate(r, 2025, 2026)
    v = vin(r)
    st, pl = plate(r)
    carrier = r.choice(WC_CARRIERS)
    wc = f"WC-{doi.year}-{digits(r, 6)}"
    har = acct(r, 3)
    after(r, doi, (24 * 5, 24 * 40))
    emp = r.choice(["Comfort Keepers franchise", "Visiting Angels", "Sunrise Home Care LLC", "city sanitation dept"])
    desc = (f"{P(pt.full(), 'name')} (DOB {P(fd(dob, 'iso'), 'date')}) was injured on {P(fd(doi, 'long'), 'date')} "
            f"driving {pt.pron()[2]} own car between client visits for {D(emp, 'fac')}. ED visit billed to the "
            f"personal auto plan first and denied: the auto carrier says it's workers' comp. {carrier} accepted "
            f"claim {P(wc, 'oid')} but needs the vehicle on the first report: VIN {P(v, 'veh')}, plate "
            f"{P(pl, 'veh')} ({D(st, 'state')}). Please move HAR {P(har, 'acct')} to the WC plan and rebill.")
    notes = [(staff(r, doctor=False), "Coverage swapped, auto plan removed from the account, claim re-released."),
             (staff(r, doctor=False), f"{carrier} adjuster confirmed receipt; 30-day follow-up set.")]
    fields = [("Requested by", D(staff(r, doctor=False), "staff")), ("Account", P(har, "acct")),
              ("Category", "Patient accounting / coverage")]
    return ticket(r, lay, "Workers' comp: move ED account from auto to WC plan", fields, desc, notes)


# ---------------------------------------------------------------------------------------------
# PHI: fhir_diff
# ---------------------------------------------------------------------------------------------
FL = ["git", "bitbucket", "gh"]


def fhir_pr(r, lay, title, path, lines, desc, review, branch=None):
    author = staff(r, doctor=False)
    branch = branch or f"feature/{re.sub(r'[^a-z0-9]+', '-', title.lower())[:30].strip('-')}"
    out = pr_head(r, lay, title, author, branch) + "\n"
    if desc:
        out += desc + "\n\n"
    out += diff_hunk(path, lines, lay, r) + "\n"
    if review:
        who = staff(r, doctor=False)
        if lay == "bitbucket":
            out += f"\n{D(who, 'staff')} commented on line {r.randint(5, 40)}:\n{review}\n"
        elif lay == "gh":
            out += f"\n> **{D(who, 'staff')}** requested changes\n> {review}\n"
        else:
            out += f"\nReview ({D(who, 'staff')}): {review}\n"
    return out


def jl(ind, s):
    return " " * ind + s


@T("fhir_diff", "device_udi_fixture", FL)
def t_fh_device(r, lay):
    pt = person(r)
    kind, model, mfr = r.choice([("pacer", "Azure XT DR MRI", "Medtronic"), ("icd", "Gallant HF", "Abbott"),
                                 ("cochlear", "Nucleus Profile Plus CI612", "Cochlear"),
                                 ("pump", "t:slim X2", "Tandem Diabetes Care")])
    u = udi(r)
    g = u[4:18]
    sn = u[u.index("(21)") + 4:]
    lot = u[u.index("(10)") + 4:u.index("(21)")]
    pid_ = hexid(r, 8)
    L = [(" ", '{'), (" ", '  "resourceType": "Device",'), ("-", f'  "id": "{D("device-example", "iid")}",'),
         ("+", f'  "id": "{D("dev-" + hexid(r, 6), "iid")}",'),
         (" ", '  "udiCarrier": [{'), ("-", '    "deviceIdentifier": "PLACEHOLDER-GTIN",'),
         ("-", '    "carrierHRF": "(01)PLACEHOLDER(21)TEST"'),
         ("+", f'    "deviceIdentifier": "{D(g, "model")}",'), ("+", f'    "carrierHRF": "{P(u, "dev")}"'),
         (" ", '  }],'), ("+", f'  "lotNumber": "{D(lot, "lot")}",'), ("+", f'  "serialNumber": "{P(sn, "dev")}",'),
         (" ", f'  "manufacturer": "{mfr}",'),
         (" ", f'  "deviceName": [{{ "name": "{D(model, "model")}", "type": "user-friendly-name" }}],'),
         ("-", '  "patient": { "reference": "Patient/example" }'),
         ("+", f'  "patient": {{ "reference": "Patient/{D(pid_, "iid")}", "display": "{P(pt.full(), "name")}" }}'),
         (" ", '}')]
    desc = "Replaces the placeholder Device with one that exercises lot and serial parsing from the HRF string."
    rev = (f"This UDI has a real serial and the display name is a real patient ({P(pt.full(), 'name')}) - it was "
           f"copied from the PRD implant log. Please swap in a synthetic serial and \"Test Patient\" before merge.")
    return fhir_pr(r, lay, "Device fixture: real UDI carrier for parser tests",
                   "src/test/resources/fhir/device-implant.json", L, desc, rev)


@T("fhir_diff", "patient_identifier_slices", FL)
def t_fh_patient(r, lay):
    pt = person(r)
    dob = rdate(r, 1940, 2003)
    ad = Addr(r)
    st, lic = dl(r, "MA")
    oid_dl = "2.16.840.1.113883.4.3.25"
    mr = mrn(r, "E7")
    sv = ssn(r)
    mb = mbi(r, dashed=False)
    em = pemail(r, pt)
    ph, fx = phone(r, 1), phone(r, 1)
    L = [(" ", '  "identifier": ['),
         (" ", f'    {{ "use": "usual", "system": "urn:oid:1.2.840.114350.1.13.{r.randint(100, 999)}.2.7.5.737384.14", "value": "{P(mr, "mrn")}" }},'),
         ("+", f'    {{ "system": "urn:oid:{oid_dl}", "value": "{P(lic, "lic")}" }},'),
         ("+", f'    {{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "{P(sv, "ssn")}" }},'),
         ("+", f'    {{ "system": "http://hl7.org/fhir/sid/us-mbi", "value": "{P(mb, "mbi")}" }}'),
         (" ", '  ],'),
         (" ", f'  "name": [{{ "family": "{P(pt.family, "name")}", "given": ["{P(pt.given, "name")}"] }}],'),
         ("+", '  "telecom": ['),
         ("+", f'    {{ "system": "phone", "value": "{P(ph, "phone")}", "use": "home" }},'),
         ("+", f'    {{ "system": "fax", "value": "{P(fx, "fax")}", "use": "home" }},'),
         ("+", f'    {{ "system": "email", "value": "{P(em, "email")}" }}'),
         ("+", '  ],'),
         (" ", f'  "gender": "{"male" if pt.sex == "M" else "female"}",'),
         (" ", f'  "birthDate": "{P(dob.isoformat(), "date")}",'),
         ("+", f'  "address": [{{ "line": ["{P(ad.line(), "addr")}"], "city": "{P(ad.city, "city")}", "state": "{D(ad.state, "state")}", "postalCode": "{P(ad.zip, "zip")}" }}]')]
    desc = ("Adds identifier slices for the driver's licence, SSN and MBI, plus fax and e-mail telecoms, so the "
            "US Core validator covers every system we emit.")
    rev = "Values look like they came from a real chart (the MBI is well-formed). Use the documented test values instead."
    return fhir_pr(r, lay, "Patient fixture: DL, SSN, MBI identifier slices", "fixtures/patient/us-core-identifiers.json",
                   L, desc, rev)


@T("fhir_diff", "coverage_payer_styles", FL)
def t_fh_cov(r, lay):
    n = r.randint(2, 3)
    ppl = distinct_people(r, n)
    L = [(" ", '['), ]
    payers = r.sample(sorted(PAYER_STYLES), n)
    for i, (p, pay) in enumerate(zip(ppl, payers)):
        _, mid = member(r, pay)
        rel = r.choice(["self", "spouse", "child"])
        L += [("+", "  {"), ("+", '    "resourceType": "Coverage",'),
              ("+", f'    "id": "{D("cov-" + hexid(r, 6), "iid")}",'),
              ("+", '    "status": "active",'),
              ("+", f'    "subscriberId": "{P(mid, "hp")}",'),
              ("+", f'    "beneficiary": {{ "reference": "Patient/{D(hexid(r, 10), "iid")}", "display": "{P(p.full(), "name")}" }},'),
              ("+", f'    "relationship": {{ "coding": [{{ "code": "{rel}" }}] }},'),
              ("+", f'    "payor": [{{ "display": "{pay}" }}],'),
              ("+", f'    "class": [{{ "type": {{ "coding": [{{ "code": "group" }}] }}, "value": "{D(group_no(r), "grp")}" }}],'),
              ("+", f'    "period": {{ "start": "{D(rdate(r, 2025, 2026).isoformat(), "evdate")}" }}'),
              ("+", "  }" + ("," if i < n - 1 else ""))]
    L.append((" ", "]"))
    desc = "Coverage samples for the eligibility mapper: one per payer id format we have seen in 271 responses."
    rev = "Where did these subscriber ids come from? They match members in the eligibility log. Please regenerate."
    return fhir_pr(r, lay, "Eligibility mapper: Coverage samples per payer format",
                   "test/data/coverage-samples.json", L, desc, rev)


@T("fhir_diff", "claim_accident_vehicle", FL)
def t_fh_claim(r, lay):
    pt = person(r)
    acc = rdate(r, 2025, 2026)
    ad = Addr(r)
    v = vin(r)
    st, pl = plate(r)
    car = r.choice(AUTO_CARRIERS)
    L = [(" ", '  "accident": {'),
         ("-", '    "date": "2014-07-09",'),
         ("+", f'    "date": "{P(acc.isoformat(), "date")}",'),
         (" ", '    "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "MVA" }] },'),
         ("+", f'    "locationAddress": {{ "city": "{P(ad.city, "city")}", "state": "{D(ad.state, "state")}", "postalCode": "{P(ad.zip, "zip")}" }}'),
         (" ", '  },'),
         (" ", '  "supportingInfo": ['),
         ("+", f'    {{ "sequence": 1, "category": {{ "text": "vehicle-vin" }}, "valueString": "{P(v, "veh")}" }},'),
         ("+", f'    {{ "sequence": 2, "category": {{ "text": "vehicle-plate" }}, "valueString": "{P(pl, "veh")} {D(st, "state")}" }},'),
         ("+", f'    {{ "sequence": 3, "category": {{ "text": "auto-claim-number" }}, "valueString": "{P(claim_no(r, 1), "oid")}" }}'),
         (" ", '  ],'),
         (" ", f'  "patient": {{ "reference": "Patient/{D(hexid(r, 8), "iid")}", "display": "{P(pt.lf(), "name")}" }},'),
         (" ", f'  "insurance": [{{ "sequence": 1, "focal": true, "coverage": {{ "display": "{car} PIP" }} }}]')]
    desc = "Subrogation export needs the vehicle on the claim; adds supportingInfo slices and a locality for the crash."
    rev = ("Fixture values were copied from a live claim (the VIN decodes and passes the check digit). Replace "
           "with 1M8GDM9AXKP042788, the usual documented example.")
    return fhir_pr(r, lay, "Claim: accident location + vehicle supportingInfo", "src/test/fixtures/claim-mva.json",
                   L, desc, rev)


@T("fhir_diff", "auditevent_patient_ip", FL)
def t_fh_audit(r, lay):
    pt = person(r)
    ip = pub_ip(r) if r.random() < 0.7 else pub_ip6(r)
    when = ts(r, sep="T") + "Z"
    mr = mrn(r)
    L = [(" ", '{'), (" ", '  "resourceType": "AuditEvent",'),
         (" ", '  "type": { "system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110114", "display": "User Authentication" },'),
         (" ", f'  "recorded": "{D(when, "evdate")}",'),
         (" ", '  "agent": [{'),
         ("-", '    "who": { "display": "Example Patient" },'),
         ("+", f'    "who": {{ "identifier": {{ "value": "{P(mr, "mrn")}" }}, "display": "{P(pt.full(), "name")}" }},'),
         (" ", '    "requestor": true,'),
         ("-", '    "network": { "address": "192.0.2.10", "type": "2" }'),
         ("+", f'    "network": {{ "address": "{P(ip, "ip")}", "type": "2" }}'),
         (" ", '  }],'),
         (" ", f'  "source": {{ "observer": {{ "display": "portal-web-{r.randint(1, 6)}" }}, "type": [{{ "code": "3" }}] }}'),
         (" ", '}')]
    desc = f"Golden file for the portal login audit. Regenerated from the {r.choice(['staging', 'PRD', 'pre-prod'])} capture."
    rev = ("The agent is a real portal user and the address is their home connection - the documentation "
           "range (192.0.2.x) it replaced was the right choice. Please revert these two lines.")
    return fhir_pr(r, lay, "Regenerate portal AuditEvent golden files", "golden/auditevent-login.json", L, desc, rev)


@T("fhir_diff", "docref_wound_photo_xml", FL)
def t_fh_docref(r, lay):
    pt = person(r, native_ok=False)
    taken = rdate(r, 2026, 2026)
    g, f = pt.slug()
    fn = f"wound_{f}_{g}_{taken.isoformat()}.jpg"
    blob = f"https://{r.choice(['ngclinimg', 'rbhsmedia', 'cbmcphotos'])}.blob.core.windows.net/wound-photos/{f}-{g}/{fn}"
    L = [(" ", '<DocumentReference xmlns="http://hl7.org/fhir">'),
         (" ", '  <status value="current"/>'),
         (" ", '  <type><coding><system value="http://loinc.org"/><code value="72170-4"/><display value="Photographic image"/></coding></type>'),
         ("-", '  <subject><reference value="Patient/example"/></subject>'),
         ("+", f'  <subject><reference value="Patient/{D(hexid(r, 8), "iid")}"/><display value="{P(pt.full(), "name")}"/></subject>'),
         ("+", f'  <date value="{P(taken.isoformat() + f"T{r.randint(8, 17):02d}:{r.randint(0, 59):02d}:00-05:00", "date")}"/>'),
         (" ", '  <content>'),
         (" ", '    <attachment>'),
         (" ", '      <contentType value="image/jpeg"/>'),
         ("-", '      <url value="Binary/photo-1"/>'),
         ("-", '      <title value="photo-1.jpg"/>'),
         ("+", f'      <url value="{P(blob, "url")}"/>'),
         ("+", f'      <title value="{P(fn, "photo")}"/>'),
         (" ", '    </attachment>'),
         (" ", '  </content>'),
         (" ", '</DocumentReference>')]
    desc = "Media import now keeps the original blob URL and file name from the wound-care app."
    rev = ("The blob path and the file name both contain the patient's name; we shouldn't persist either. "
           "Also this fixture is a real upload - swap it.")
    return fhir_pr(r, lay, "DocumentReference: keep source blob URL and title", "fixtures/docref/wound-photo.xml",
                   L, desc, rev)


@T("fhir_diff", "device_use_ts_fixture", FL)
def t_fh_ts(r, lay):
    pt = person(r)
    dob = rdate(r, 1932, 1960)
    start = rdate(r, 2022, 2026)
    hear_l, hear_r, cgm = serial(r, "hearing"), serial(r, "hearing"), serial(r, "cgm")
    pid_ = hexid(r, 12)
    L = [(" ", "export const patient: Patient = {"),
         (" ", "  resourceType: 'Patient',"),
         (" ", f"  id: '{D(pid_, 'iid')}',"),
         ("-", "  name: [{ family: 'Test', given: ['Patient'] }],"),
         ("-", "  birthDate: '1970-01-01',"),
         ("+", f"  name: [{{ family: '{P(pt.family, 'name')}', given: ['{P(pt.given, 'name')}'] }}],"),
         ("+", f"  birthDate: '{P(dob.isoformat(), 'date')}',"),
         (" ", "};"),
         (" ", ""),
         (" ", "export const devices: Device[] = ["),
         ("+", f"  {{ resourceType: 'Device', id: 'hear-l', serialNumber: '{P(hear_l, 'dev')}', deviceName: [{{ name: '{D('Phonak Audéo L90', 'model')}', type: 'model-name' }}] }},"),
         ("+", f"  {{ resourceType: 'Device', id: 'hear-r', serialNumber: '{P(hear_r, 'dev')}', deviceName: [{{ name: '{D('Phonak Audéo L90', 'model')}', type: 'model-name' }}] }},"),
         ("+", f"  {{ resourceType: 'Device', id: 'cgm-tx', serialNumber: '{P(cgm, 'dev')}', deviceName: [{{ name: '{D('Dexcom G6 transmitter', 'model')}', type: 'model-name' }}] }},"),
         (" ", "];"),
         (" ", ""),
         ("+", f"export const use = {{ resourceType: 'DeviceUseStatement', subject: {{ reference: 'Patient/{D(pid_, 'iid')}' }}, timingPeriod: {{ start: '{P(start.isoformat(), 'date')}' }} }};")]
    desc = "Device panel story: fixtures for hearing aids and a CGM transmitter on one patient."
    rev = "Serials and name look real (matches a chart in TST refresh). Fixtures must be synthetic."
    return fhir_pr(r, lay, "Device panel fixtures (hearing aids + CGM)", "web/src/__fixtures__/devices.ts", L, desc, rev)


@T("fhir_diff", "patient_deceased_yaml", FL)
def t_fh_yaml(r, lay):
    age = r.randint(90, 104)
    dob = dob_for_age(r, age)
    pt = person(r)
    dd = rdate(r, 2026, 2026)
    cert = f"{dd.year}-{digits(r, 6, '0123456789')}"
    mr = mrn(r)
    L = [(" ", "patients:"),
         (" ", "  - id: decedent-01"),
         ("-", "    name: {family: Zztest, given: [Decedent]}"),
         ("-", "    birthDate: 1930-01-01"),
         ("+", f"    name: {{family: \"{P(pt.family, 'name')}\", given: [\"{P(pt.given, 'name')}\"]}}"),
         ("+", f"    birthDate: {P(dob.isoformat(), 'date')}"),
         ("+", f"    mrn: \"{P(mr, 'mrn')}\""),
         (" ", "    deceased:"),
         ("-", "      dateTime: 2020-01-01T00:00:00Z"),
         ("+", f"      dateTime: {P(dd.isoformat() + f'T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00-05:00', 'date')}"),
         ("+", "    extensions:"),
         ("+", f"      death-certificate-number: \"{P(cert, 'lic')}\""),
         ("+", f"      age-at-death: {P(str(age), 'age')}")]
    desc = "The over-89 bucketing in the de-identification export broke for decedents; fixture reproduces it."
    rev = ("Please don't use a real decedent to reproduce this - the certificate number is from the state "
           "registry feed. A birth date in 1930 with a synthetic name shows the same bug.")
    return fhir_pr(r, lay, "De-id export: reproduce >89 bucketing for decedents", "tests/fixtures/decedents.yaml",
                   L, desc, rev)


# ---------------------------------------------------------------------------------------------
# PHI: sql_seed
# ---------------------------------------------------------------------------------------------
def sqlv(dialect, cell):
    typ, v = cell
    if typ == "null":
        return "NULL"
    if typ == "n":
        return v
    if typ == "d":
        if dialect == "oracle":
            return f"TO_DATE('{v}', 'YYYY-MM-DD')"
        if dialect == "tsql":
            return f"'{v}'"
        return f"'{v}'"
    if dialect == "tsql" and typ == "u":
        return "N" + sq(v)
    return sq(v)


def sql_insert(dialect, table, cols, rows, r=None):
    if dialect == "postgres":
        body = ",\n".join("  (" + ", ".join(sqlv(dialect, c) for c in row) + ")" for row in rows)
        return f"INSERT INTO {table} ({', '.join(cols)}) VALUES\n{body};"
    if dialect == "mysql":
        t = table.split(".")[-1]
        body = ",(".join(",".join(sqlv(dialect, c) for c in row) for row in rows)
        return (f"LOCK TABLES `{t}` WRITE;\n/*!40000 ALTER TABLE `{t}` DISABLE KEYS */;\n"
                f"INSERT INTO `{t}` ({','.join('`' + c + '`' for c in cols)}) VALUES ({body});\n"
                f"/*!40000 ALTER TABLE `{t}` ENABLE KEYS */;\nUNLOCK TABLES;")
    if dialect == "tsql":
        return "\n".join(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(sqlv(dialect, c) for c in row)});"
                         for row in rows) + "\nGO"
    if dialect == "oracle":
        body = "\n".join(f"  INTO {table} ({', '.join(cols)}) VALUES ({', '.join(sqlv(dialect, c) for c in row)})"
                         for row in rows)
        return f"INSERT ALL\n{body}\nSELECT 1 FROM DUAL;\nCOMMIT;"
    if dialect == "sqlite":
        return "BEGIN TRANSACTION;\n" + "\n".join(
            f"INSERT INTO {table.split('.')[-1]} VALUES({','.join(sqlv(dialect, c) for c in row)});" for row in rows) + "\nCOMMIT;"
    if dialect == "copy":
        body = "\n".join("\t".join("\\N" if c[0] == "null" else c[1] for c in row) for row in rows)
        return f"COPY {table} ({', '.join(cols)}) FROM stdin;\n{body}\n\\."
    raise KeyError(dialect)


def sql_doc(r, dialect, title, ddl, stmt, after=""):
    who = staff(r, doctor=False)
    if dialect == "mysql":
        head = (f"-- MySQL dump 10.13  Distrib 8.0.{r.randint(30, 39)}, for Linux (x86_64)\n-- Host: {srv_ip(r)}    "
                f"Database: {r.choice(['devices', 'claims', 'portal', 'registry'])}\n"
                f"-- ------------------------------------------------------\n-- {title}\n")
    elif dialect == "tsql":
        head = f"/* {title}\n   author: {D(who, 'staff')}  */\nUSE {r.choice(['Clarity_Ext', 'DeviceHub', 'PortalAudit', 'RevCycleStage'])};\nGO\n"
    elif dialect == "oracle":
        head = f"-- {title}\n-- run as {r.choice(['REG_OWNER', 'CLM_STG', 'HIM_APP'])} in SQL*Plus; author {D(who, 'staff')}\nSET DEFINE OFF;\n"
    elif dialect == "copy":
        head = f"--\n-- PostgreSQL database dump\n-- {title}\n--\nSET client_encoding = 'UTF8';\n"
    elif dialect == "sqlite":
        head = f"-- sqlite3 .dump of the kiosk cache ({title})\nPRAGMA foreign_keys=OFF;\n"
    else:
        head = f"-- {title}\n-- V{r.randint(20, 140)}__seed.sql (author {D(who, 'staff')})\n"
    return head + (ddl + "\n\n" if ddl else "") + stmt + ("\n\n" + after if after else "")


@T("sql_seed", "implant_registry_seed", ["postgres", "mysql", "oracle"])
def t_sql_implant(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for i, p in enumerate(ppl):
        k, model = r.choice([("pacer", "Azure XT DR MRI W1DR01"), ("icd", "Gallant HF CD3257-40Q"),
                             ("cochlear", "Nucleus CI612"), ("pacer", "Assurity MRI PM2272")])
        u = udi(r)
        rows.append([("n", D(str(1000 + i * r.randint(1, 9)), "iid")), ("u", P(p.full(), "name")), ("s", P(mrn(r), "mrn")),
                     ("s", D(model, "model")), ("s", P(u, "dev")), ("s", P(serial(r, k), "dev")),
                     ("d", P(rdate(r, 2018, 2026).isoformat(), "date")),
                     ("s", D(staff(r, doctor=True), "staff"))])
    cols = ["implant_id", "patient_name", "mrn", "model", "udi", "serial_no", "implant_date", "implanting_md"]
    ddl = ("CREATE TABLE implant.registry (\n  implant_id int PRIMARY KEY,\n  patient_name varchar(120),\n  mrn varchar(12),\n"
           "  model varchar(60),\n  udi varchar(80),\n  serial_no varchar(30),\n  implant_date date,\n  implanting_md varchar(80)\n);")
    if lay == "mysql":
        ddl = ddl.replace("implant.registry", "`registry`")
    return sql_doc(r, lay, "implant registry seed for the recall-matching job (copied from PRD extract!)", ddl,
                   sql_insert(lay, "implant.registry", cols, rows))


@T("sql_seed", "auto_claims_dump", ["mysql", "postgres", "tsql"])
def t_sql_auto(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        st, pl = plate(r)
        rows.append([("n", D(str(r.randint(4000, 9000)), "iid")), ("s", P(p.lf(), "name")), ("s", P(acct(r, 1), "acct")),
                     ("d", P(rdate(r, 2025, 2026).isoformat(), "date")), ("s", r.choice(AUTO_CARRIERS)),
                     ("s", P(claim_no(r, r.choice([0, 1, 4])), "oid")), ("s", P(vin(r), "veh")),
                     ("s", P(pl, "veh")), ("s", D(st, "state"))])
    cols = ["id", "patient", "guarantor_acct", "accident_dt", "carrier", "carrier_claim_no", "vin", "plate", "plate_state"]
    return sql_doc(r, lay, "third-party liability work queue snapshot", "",
                   sql_insert(lay, "tpl.auto_claims" if lay != "tsql" else "dbo.AutoClaims", cols, rows),
                   "-- TODO mask vin/plate before sharing with the vendor")


def grid_text(headers, rows, style):
    if style == "psql":
        g = table("grid", headers, rows)
        return g + f"\n({len(rows)} rows)"
    if style == "ssms":
        return "\t".join(headers) + "\n" + "\n".join("\t".join(row) for row in rows) + f"\n\n({len(rows)} rows affected)"
    cols = list(zip(*([headers] + rows)))
    w = [max(len(plain(c)) for c in col) for col in cols]
    sep = "+" + "+".join("-" * (x + 2) for x in w) + "+"
    line = lambda row: "| " + " | ".join(c + " " * (w[i] - len(plain(c))) for i, c in enumerate(row)) + " |"
    return "\n".join([sep, line(headers), sep] + [line(rw) for rw in rows] + [sep]) + f"\n{len(rows)} rows in set (0.04 sec)"


@T("sql_seed", "portal_sessions_query", ["tsql", "psql", "mysql"])
def t_sql_sessions(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    srv = [srv_ip(r) for _ in range(2)]
    since = dt.date(2026, r.randint(1, 9), r.randint(1, 28))
    starts = sorted(ts(r, since + dt.timedelta(days=r.randint(0, 40))) for _ in ppl)
    rows = []
    for p, st in zip(ppl, starts):
        rows.append([D(str(r.randint(100000, 999999)), "iid"), P(p.lf(), "name"), P(pemail(r, p), "email"),
                     P(pub_ip(r), "ip"), r.choice(srv), D(st, "evdate"), r.choice(["PWD_FAIL", "LOCKED", "MFA_TIMEOUT", "PWD_FAIL"])])
    headers = ["session_id", "patient", "login_email", "client_ip", "server_ip", "started_utc", "result"]
    q = ("SELECT s.session_id, p.last_name + ', ' + p.first_name AS patient, s.login_email, s.client_ip,\n"
         "       s.server_ip, s.started_utc, s.result\nFROM portal.sessions s JOIN portal.patient p ON p.pat_id = s.pat_id\n"
         f"WHERE s.started_utc >= '{since.isoformat()}' AND s.result <> 'MFA_OK'\nORDER BY s.started_utc;")
    style = {"tsql": "ssms", "psql": "psql", "mysql": "mysql"}[lay]
    if lay != "tsql":
        q = q.replace("p.last_name + ', ' + p.first_name", "concat(p.last_name, ', ', p.first_name)")
    prompt = {"tsql": "", "psql": "portal_ro=> ", "mysql": "mysql> "}[lay]
    return (f"-- brute-force review for the security team: failed logins by source address\n{prompt}{q}\n\n"
            + grid_text(headers, rows, style))


@T("sql_seed", "member_coverage_insert_all", ["oracle", "postgres", "tsql"])
def t_sql_members(r, lay):
    n = r.randint(4, 6)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        pay = r.choice(sorted(PAYER_STYLES) + ["Medicare"])
        mid = mbi(r) if pay == "Medicare" else member(r, pay)[1]
        rows.append([("s", P(mrn(r), "mrn")), ("u", P(p.LF(), "name")), ("d", P(rdate(r, 1931, 2010).isoformat(), "date")),
                     ("s", pay), ("s", P(mid, "mbi" if pay == "Medicare" else "hp")),
                     ("s", D(group_no(r), "grp")) if pay != "Medicare" else ("null", ""),
                     ("s", r.choice(["SELF", "SPOUSE", "CHILD"]))])
    cols = ["mrn", "pat_name", "birth_dt", "payer_name", "member_id", "group_no", "rel_to_sub"]
    return sql_doc(r, lay, "eligibility test data for the 270/271 mapper", "",
                   sql_insert(lay, "elig.member_coverage", cols, rows))


@T("sql_seed", "dme_deliveries_copy", ["mysql", "copy", "postgres"])
def t_sql_dme(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        ad = Addr(r)
        k, model, hc = r.choice([("cpap", "AirSense 11", "E0601"), ("conc", "Inogen One G5", "E1390"),
                                 ("wheelchair", "Cruiser III", "K0001"), ("pump", "t:slim X2", "E0784")])
        rows.append([("n", D(str(r.randint(10000, 99999)), "iid")), ("s", P(p.full(), "name")), ("s", P(ad.line(), "addr")),
                     ("s", P(ad.city, "city")), ("s", D(ad.state, "state")), ("s", P(ad.zip, "zip")),
                     ("s", D(hc, "cpt")), ("s", D(model, "model")), ("s", P(serial(r, k), "dev")),
                     ("d", P(rdate(r, 2025, 2026).isoformat(), "date"))])
    cols = ["delivery_id", "patient_name", "addr1", "city", "state", "zip", "hcpcs", "model", "serial_no", "delivered_on"]
    return sql_doc(r, lay, "hme.deliveries", "", sql_insert(lay, "hme.deliveries", cols, rows))


@T("sql_seed", "contact_pref_datafix", ["postgres", "tsql", "mysql"])
def t_sql_fix(r, lay):
    pt = person(r)
    mr = mrn(r)
    em = pemail(r, pt)
    fx, ph = phone(r, 1), phone(r, 1)
    tk = f"{r.choice(['INC', 'RITM'])}{digits(r, 7)}"
    t = {"postgres": "portal.contact_pref", "tsql": "dbo.ContactPref", "mysql": "`contact_pref`"}[lay]
    now = {"postgres": "now()", "tsql": "SYSUTCDATETIME()", "mysql": "UTC_TIMESTAMP()"}[lay]
    out = (f"-- data fix for {tk}: patient asked for results by fax, not e-mail\n-- requested by {D(staff(r, doctor=False), 'staff')}\n"
           f"BEGIN{' TRANSACTION' if lay == 'tsql' else ''};\n"
           f"SELECT mrn, pref_channel, email, fax, phone FROM {t} WHERE mrn = '{P(mr, 'mrn')}';\n"
           f"UPDATE {t}\n   SET pref_channel = 'FAX',\n       fax = '{P(fx, 'fax')}',\n"
           f"       email = '{P(em, 'email')}',\n       phone = '{P(ph, 'phone')}',\n       updated_at = {now}\n"
           f" WHERE mrn = '{P(mr, 'mrn')}' AND last_name = {sq(P(pt.family, 'name'))};\n"
           f"-- expect 1 row\nCOMMIT;")
    return out


@T("sql_seed", "biometric_enrolment_seed", ["mysql", "postgres", "sqlite"])
def t_sql_bio(r, lay):
    n = r.randint(3, 5)
    ppl = distinct_people(r, n)
    rows = []
    for p in ppl:
        rows.append([("s", P(f"PS{digits(r, 10, '0123456789')}", "bio")), ("s", P(mrn(r), "mrn")), ("u", P(p.full(), "name")),
                     ("d", P(rdate(r, 1940, 2008).isoformat(), "date")),
                     ("s", r.choice(["PALM_R", "PALM_L", "FINGER_R2", "FACE"])),
                     ("s", hexid(r, 16)), ("s", D(ts(r), "evdate"))])
    cols = ["biometric_id", "mrn", "patient_name", "dob", "modality", "template_hash", "enrolled_at"]
    return sql_doc(r, lay, "biometric enrolment cache (kiosk)", "", sql_insert(lay, "kiosk.enrolment", cols, rows),
                   "-- template_hash is a digest of the vendor template, not the image")


@T("sql_seed", "decedent_merge", ["tsql", "oracle", "postgres"])
def t_sql_dec(r, lay):
    n = r.randint(2, 4)
    ppl = distinct_people(r, n)
    vals = []
    for p in ppl:
        age = r.randint(90, 104) if r.random() < 0.7 else r.randint(55, 89)
        dod = rdate(r, 2026, 2026)
        vals.append((P(mrn(r), "mrn"), P(p.LF(), "name"), P(dod.isoformat(), "date"),
                     P(str(age), "age") if age >= 90 else str(age), P(f"{dod.year}{digits(r, 6, '0123456789')}", "lic")))
    if lay == "tsql":
        src = ",\n".join(f"    ('{a}', N{sq(b)}, '{c}', {d}, '{e}')" for a, b, c, d, e in vals)
        return (f"-- load state death-registry matches into the decedent table\nMERGE dbo.Decedent AS t\nUSING (VALUES\n{src}\n) "
                f"AS s (Mrn, PatName, DeathDate, AgeAtDeath, CertNo)\n  ON t.Mrn = s.Mrn\nWHEN MATCHED THEN UPDATE SET "
                f"t.DeathDate = s.DeathDate, t.CertNo = s.CertNo\nWHEN NOT MATCHED THEN INSERT VALUES (s.Mrn, s.PatName, "
                f"s.DeathDate, s.AgeAtDeath, s.CertNo);\nGO")
    if lay == "oracle":
        first = "SELECT '{}' mrn, {} pat_name, DATE '{}' death_dt, {} age_at_death, '{}' cert_no FROM dual".format(*[
            x if i != 1 else sq(x) for i, x in enumerate(vals[0])])
        body = "\n  UNION ALL ".join([first] + [f"SELECT '{a}', {sq(b)}, DATE '{c}', {d}, '{e}' FROM dual"
                                                for a, b, c, d, e in vals[1:]])
        return (f"-- death registry reconciliation\nMERGE INTO him.decedent t\nUSING ({body}) s"
                f"\nON (t.mrn = s.mrn)\nWHEN MATCHED THEN UPDATE SET t.death_dt = s.death_dt, "
                f"t.cert_no = s.cert_no\nWHEN NOT MATCHED THEN INSERT VALUES (s.mrn, s.pat_name, s.death_dt, "
                f"s.age_at_death, s.cert_no);\nCOMMIT;")
    src = ",\n".join(f"  ('{a}', {sq(b)}, '{c}', {d}, '{e}')" for a, b, c, d, e in vals)
    return (f"-- death registry reconciliation\nINSERT INTO him.decedent (mrn, pat_name, death_dt, age_at_death, cert_no) "
            f"VALUES\n{src}\nON CONFLICT (mrn) DO UPDATE SET death_dt = EXCLUDED.death_dt, cert_no = EXCLUDED.cert_no;")


# ---------------------------------------------------------------------------------------------
# PHI: clinical_note
# ---------------------------------------------------------------------------------------------
NL = ["plain", "md", "epic"]


def note_doc(r, lay, title, header, sections, sign):
    """header: list of (label, marked); sections: list of (heading, marked text)"""
    if lay == "md":
        out = f"## {title}\n\n" + "  \n".join(f"**{k}:** {v}" for k, v in header) + "\n\n"
        out += "\n\n".join(f"### {h}\n{t}" for h, t in sections)
        return out + f"\n\n_{sign}_"
    if lay == "epic":
        out = f"*** {title.upper()} ***\n" + "\n".join(f"{k}: {v}" for k, v in header) + "\n\n"
        out += "\n\n".join(f"{h.upper()}:\n{t}" for h, t in sections)
        return out + f"\n\nElectronically signed by {sign}"
    out = f"{title}\n" + "\n".join(f"{k}: {v}" for k, v in header) + "\n\n"
    out += "\n\n".join(f"{h}: {t}" for h, t in sections)
    return out + f"\n\n{sign}"


@T("clinical_note", "ed_mvc_note", NL)
def t_note_mvc(r, lay):
    pt = person(r)
    old = r.random() < 0.4
    age = r.randint(90, 96) if old else r.randint(19, 70)
    dob = dob_for_age(r, age)
    arr = rdate(r, 2026, 2026)
    mr = mrn(r)
    v = vin(r)
    st, pl = plate(r)
    md = staff(r, doctor=True)
    a, b, c = age_text(r, age, ADJ_AGE) if old else ("", str(age), "-year-old")
    agestr = a + (P(b, "age") if old else b) + c
    hpi = (f"{agestr} {'man' if pt.sex == 'M' else 'woman'}, restrained driver, brought by EMS after a "
           f"{r.choice(['T-bone collision', 'rear-end collision', 'rollover', 'head-on collision'])} at about "
           f"{r.randint(25, 55)} mph. {r.choice(['Airbags deployed.', 'No airbag deployment.'])} "
           f"{'Self-extricated' if r.random() < .5 else 'Extrication 15 min'}. Complains of "
           f"{r.choice(['left chest wall pain', 'neck pain', 'right knee pain', 'abdominal pain with seat-belt sign'])}. "
           f"On {D(r.choice(['apixaban', 'aspirin', 'clopidogrel', 'no anticoagulant']), 'med')}.")
    legal = (f"Police at bedside for the crash report. Vehicle: {r.choice(['2017', '2019', '2021', '2014'])} "
             f"{r.choice(['Honda Civic', 'Ford F-150', 'Toyota Camry', 'Nissan Rogue', 'Subaru Outback'])}, VIN "
             f"{P(v, 'veh')}, plate {P(pl, 'veh')} ({D(st, 'state')}). Patient's own auto insurer to be billed first "
             f"(PIP); registration informed.")
    if old:
        legal += (f" Family asks whether {pt.pron()[0]} should still drive at {P(str(age), 'age')}; "
                  f"referred to PCP and the state's medical review process.")
    header = [("Patient", P(pt.lf(), "name")), ("MRN", P(mr, "mrn")), ("DOB", P(fd(dob, "us"), "date")),
              ("Arrival", P(fd(arr, "us"), "date") + f" {r.randint(0, 23):02d}{r.randint(0, 59):02d}"),
              ("Attending", D(md, "staff"))]
    secs = [("HPI", hpi), ("Exam", "GCS 15. C-collar in place. Chest wall tender, no crepitus. FAST negative."),
            ("Imaging", "CT head/C-spine negative. CXR: no pneumothorax. "
                        + r.choice(["Nondisplaced left 5th rib fracture.", "No fracture.", "Sternal contusion."])),
            ("Vehicle / legal", legal),
            ("Disposition", r.choice(["Discharged with incentive spirometer.", "Admitted to trauma for pain control.",
                                      "Obs for serial troponins."]))]
    return note_doc(r, lay, "ED Provider Note - Trauma", header, secs, D(md, "staff"))


@T("clinical_note", "device_interrogation_note", NL)
def t_note_device(r, lay):
    pt = person(r)
    dob = rdate(r, 1932, 1965)
    icd = r.random() < 0.5
    model = r.choice(["Gallant HF CD3257-40Q", "Evera MRI XT VR DVMB1D4", "Resonate EL ICD D433"] if icd else
                     ["Azure XT DR MRI W1DR01", "Assurity MRI PM2272", "Accolade MRI L331"])
    sn = serial(r, "icd" if icd else "pacer")
    leads = [(r.choice(["RA", "RV"]), r.choice(["CapSureFix Novus 5076", "Tendril STS 2088TC", "INGEVITY+ 7842"]),
              alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7) + "V") for _ in range(2)]
    imp = rdate(r, 2014, 2024)
    vis = rdate(r, 2026, 2026)
    md = staff(r, doctor=True)
    lead_txt = "\n".join(f"  {pos} lead {D(m, 'model')} S/N {P(s, 'dev')}: impedance {r.randint(380, 900)} ohms, "
                         f"threshold {r.randint(5, 15) / 10} V @ 0.4 ms, sensing {r.randint(2, 18)} mV"
                         for pos, m, s in leads)
    header = [("Patient", P(pt.full(), "name")), ("DOB", P(fd(dob, "usn"), "date")), ("MRN", P(mrn(r), "mrn")),
              ("Date of service", P(fd(vis, "usn"), "date")), ("Indication", D(r.choice(CONDS[1:4]), "cond"))]
    secs = [("Device", f"{D(model, 'model')}, S/N {P(sn, 'dev')}, implanted {P(fd(imp, 'usn'), 'date')}. "
                       f"Battery {r.randint(28, 31) / 10} V, longevity {r.randint(3, 11)} yr."),
            ("Leads", lead_txt),
            ("Episodes", r.choice(["No VT/VF. AT/AF burden <1%.", f"{r.randint(1, 6)} NSVT episodes, longest 9 beats.",
                                   "One appropriate ATP for VT at 188 bpm, successful."])),
            ("Plan", f"No changes. Remote monitoring every 91 days; in-clinic in 1 yr. Device is MR-conditional - "
                     f"MRI safety form on file.")]
    return note_doc(r, lay, "Device Clinic - " + ("ICD" if icd else "Pacemaker") + " Interrogation", header, secs,
                    D(md, "staff"))


@T("clinical_note", "occupational_fitness_note", NL)
def t_note_occ(r, lay):
    pt = person(r, native_ok=False)
    dob = rdate(r, 1960, 2000)
    vis = rdate(r, 2026, 2026)
    st, cdl = dl(r)
    kind = r.choice(["cdl", "rn", "pilot"])
    md = staff(r, doctor=True)
    if kind == "cdl":
        title = "DOT Medical Examination"
        lic_txt = (f"Commercial driver's licence {D(st, 'state')} {P(cdl, 'lic')}, class A, employer "
                   f"{D(r.choice(['Ridgeline Freight', 'Coastal Aggregates', 'Metro Transit Authority']), 'fac')}. "
                   f"Previous medical card issued {P(fd(rdate(r, 2024, 2025), 'mmyy'), 'date')}.")
        result = r.choice(["Meets standards - 2 year card.", "Meets standards - 1 year card (hypertension).",
                           "Determination pending - sleep study required."])
    elif kind == "rn":
        title = "Fitness-for-Duty Evaluation (return to work)"
        lic_txt = (f"Registered nurse, licence {D(st, 'state')} RN {P(digits(r, 7), 'lic')}; works night shift on a "
                   f"med-surg unit. Driver's licence {P(cdl, 'lic')} used for identity check.")
        result = r.choice(["Cleared without restrictions.", "Cleared with lifting restriction 25 lb x 4 weeks."])
    else:
        title = "Occupational Health Visit - aviation"
        lic_txt = (f"Commercial pilot certificate no. {P(digits(r, 7), 'lic')}; FAA medical due. State ID "
                   f"{P(cdl, 'lic')} ({D(st, 'state')}).")
        result = "Referred to AME; no disqualifying findings today."
    header = [("Name", P(pt.LF(), "name")), ("DOB", P(fd(dob, "us"), "date")),
              ("Employee/Patient ID", P(f"OH{digits(r, 6)}", "oid")), ("Visit", P(fd(vis, "us"), "date"))]
    secs = [("Identification", lic_txt),
            ("History", f"{D(r.choice(['hypertension', 'obstructive sleep apnea', 'lumbar strain', 'type 2 diabetes']), 'cond')}; "
                        f"meds {D(r.choice(MEDS), 'med')}."),
            ("Exam", f"BP {r.randint(118, 152)}/{r.randint(70, 94)}, vision 20/{r.choice([20, 25, 30])} OU corrected, "
                     f"whisper test passed."),
            ("Determination", result)]
    return note_doc(r, lay, title, header, secs, D(md, "staff"))


@T("clinical_note", "endocrine_pump_cgm_note", NL)
def t_note_pump(r, lay):
    pt = person(r)
    dob = rdate(r, 1975, 2014)
    vis = rdate(r, 2026, 2026)
    pump_m = r.choice(["t:slim X2 with Control-IQ", "MiniMed 780G", "Omnipod 5"])
    pump_sn = serial(r, "pump")
    cgm_m = r.choice(["Dexcom G7", "Dexcom G6", "Guardian 4", "FreeStyle Libre 3"])
    tx = serial(r, "cgm")
    em = pemail(r, pt)
    md = staff(r, doctor=True)
    header = [("Patient", P(pt.full(), "name")), ("MRN", P(mrn(r), "mrn")), ("DOB", P(fd(dob, "iso"), "date")),
              ("Visit date", P(fd(vis, "long"), "date"))]
    secs = [("Devices", f"Pump: {D(pump_m, 'model')}, S/N {P(pump_sn, 'dev')}. CGM: {D(cgm_m, 'model')}, transmitter/"
                        f"sensor ID {P(tx, 'dev')}. Data shared to clinic account via {P(em, 'email')}."),
            ("Data (14 d)", f"Time in range {r.randint(48, 82)}%, below 70: {r.randint(1, 6)}%, mean glucose "
                            f"{r.randint(130, 210)} mg/dL, GMI {r.randint(62, 82) / 10}%. Wear time {r.randint(80, 99)}%."),
            ("Assessment", f"{D(r.choice(['type 1 diabetes', 'type 2 diabetes on insulin', 'cystic fibrosis related diabetes']), 'cond')}; "
                           f"post-breakfast excursions."),
            ("Plan", f"Carb ratio breakfast 1:{r.randint(6, 12)} -> 1:{r.randint(5, 9)}. Pump warranty ends "
                     f"{fd(rdate(r, 2027, 2028), 'my')}; start renewal paperwork. RTC 3 months.")]
    return note_doc(r, lay, "Endocrinology Follow-up", header, secs, D(md, "staff"))


@T("clinical_note", "death_pronouncement_90plus", NL)
def t_note_death(r, lay):
    pt = person(r)
    age = r.randint(90, 105)
    dob = dob_for_age(r, age)
    dd = rdate(r, 2026, 2026)
    nok = relative(r, pt, same_family=r.random() < 0.7)
    md = staff(r, doctor=True)
    t = f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
    me = r.random() < 0.4
    rel = kin(r, nok, ("child", "child", "niblings", "grandchild", "spouse"))
    a, b, c = age_text(r, age, ADJ_AGE)
    header = [("Patient", P(pt.LF(), "name")), ("MRN", P(mrn(r), "mrn")), ("DOB", P(fd(dob, "us"), "date")),
              ("Unit/Bed", f"{r.choice(['4W', '6N', 'MICU', 'Hospice'])}-{r.randint(1, 40)}")]
    body = (f"Called by RN to evaluate this {a}{P(b, 'age')}{c} patient on comfort care for "
            f"{D(r.choice(['end-stage heart failure', 'metastatic pancreatic cancer', 'advanced dementia', 'aspiration pneumonia']), 'cond')}. "
            f"No response to verbal or tactile stimuli, no heart sounds for one minute, no breath sounds, pupils "
            f"fixed. Pronounced dead at {t} on {P(fd(dd, 'long'), 'date')}.")
    fam = (f"{rel.capitalize()} {P(nok.full(), 'name')} notified by phone at {P(phone(r, 0), 'phone')}; will come in. "
           f"Autopsy declined.")
    if me:
        fam += f" ME notified (reportable: fall within 30 days); case number {P('ME' + str(dd.year % 100) + '-' + digits(r, 5, '0123456789'), 'oid')}."
    else:
        fam += " Not an ME case. Death certificate to be completed in the electronic registry."
    return note_doc(r, lay, "Death Pronouncement Note", header, [("Findings", body), ("Notification", fam)],
                    D(md, "staff"))


@T("clinical_note", "wound_care_photo_note", NL)
def t_note_wound(r, lay):
    pt = person(r, native_ok=False)
    dob = rdate(r, 1930, 1975)
    vis = rdate(r, 2026, 2026)
    ad = Addr(r)
    g, f = pt.slug()
    cond, site = r.choice([("Stage 3 pressure injury", "sacrum"), ("Stage 4 pressure injury", "coccyx"),
                           ("venous stasis ulcer", "rle"), ("diabetic foot ulcer", "left_heel"),
                           ("unstageable pressure injury", "right_heel")])
    files = [f"{site}_{f}_{g}_{vis.isoformat()}_{i}.jpg" for i in range(1, r.randint(2, 4))]
    rn = staff(r, doctor=False)
    header = [("Patient", P(pt.full(), "name")), ("DOB", P(fd(dob, "usn"), "date")),
              ("Visit", f"home visit {P(fd(vis, 'usn'), 'date')}"),
              ("Address", ad.marked())]
    secs = [("Wound", f"{D(cond, 'cond')}, {site.replace('_', ' ').replace('rle', 'right lower leg')}. {r.randint(2, 6)}.{r.randint(0, 9)} x {r.randint(1, 4)}.{r.randint(0, 9)} x "
                      f"0.{r.randint(2, 9)} cm, {r.randint(50, 90)}% granulation, scant serous drainage."),
            ("Photos", "Uploaded from the agency tablet: " + ", ".join(P(x, "photo") for x in files) +
             ". Ruler and label in frame; face not in frame. Series kept in " +
             P(f"https://{org(r)[1].split('.')[0]}.sharepoint.com/sites/HomeHealth/Wounds/{f.capitalize()}_{g.capitalize()}", "url") + "."),
            ("Treatment", f"Cleansed with NS, {D(r.choice(['calcium alginate', 'hydrocolloid', 'silver foam']), 'med')}, "
                          f"bordered foam. Offloading reviewed."),
            ("Plan", "Visits 3x/week; re-measure and photograph weekly.")]
    return note_doc(r, lay, "Home Health Wound Care Visit", header, secs, D(rn, "staff"))


@T("clinical_note", "telehealth_visit_note", NL)
def t_note_tele(r, lay):
    pt = person(r)
    dob = rdate(r, 1950, 2005)
    vis = rdate(r, 2026, 2026)
    ad = Addr(r)
    ip = pub_ip(r)
    md = staff(r, doctor=True)
    header = [("Patient", P(pt.full(), "name")), ("DOB", P(fd(dob, "us"), "date")), ("MRN", P(mrn(r), "mrn")),
              ("Date of service", P(fd(vis, "us"), "date")), ("Provider", D(md, "staff"))]
    secs = [("Telehealth attestation",
             f"Synchronous audio-video visit. Patient located at home, {P(ad.line(), 'addr')}, {P(ad.city, 'city')}, "
             f"{D(ad.state, 'state')} (state confirmed for licensure). Provider at clinic. Consent obtained verbally. "
             f"Video dropped at 8 min; session log shows the patient rejoined from {P(ip, 'ip')} on cellular; "
             f"remainder completed by video."),
            ("Subjective", f"Follow-up of {D(r.choice(CONDS), 'cond')}. Home readings reviewed; "
                           f"taking {D(r.choice(MEDS), 'med')}."),
            ("Assessment/Plan", "Stable. Continue current regimen; labs before next visit. Call-back number "
                                f"{P(phone(r, 2), 'phone')} confirmed.")]
    return note_doc(r, lay, "Telehealth Visit", header, secs, D(md, "staff"))


@T("clinical_note", "audiology_fitting_note", NL)
def t_note_audio(r, lay):
    pt = person(r)
    age = r.randint(90, 102) if r.random() < 0.7 else r.randint(70, 89)
    dob = dob_for_age(r, age)
    vis = rdate(r, 2026, 2026)
    sl, sr = serial(r, "hearing"), serial(r, "hearing")
    model = r.choice(["Oticon Intent 1 miniRITE R", "Phonak Audéo Lumity L90-R", "ReSound Nexia 9 RIE", "Starkey Genesis AI 24"])
    comp = relative(r, pt, same_family=r.random() < 0.6)
    aud = staff(r, doctor=False)
    old = age >= 90
    a, b, c = age_text(r, age, AFTER_NAME, pt.sex) if old else ("", str(age), " y/o")
    header = [("Patient", P(pt.lf(), "name") + " " + a + (P(b, "age") if old else b) + c),
              ("DOB", P(fd(dob, "dmy"), "date")), ("MRN", P(mrn(r), "mrn")), ("Date", P(fd(vis, "dmy"), "date"))]
    secs = [("History", f"Accompanied by {kin(r, comp, ('child', 'grandchild', 'spouse'))} {P(comp.full(), 'name')}. "
                        f"Bilateral {D('sensorineural hearing loss', 'cond')}, moderate to severe; previous aids lost."),
            ("Devices fitted", f"{D(model, 'model')} pair. Left S/N {P(sl, 'dev')}, right S/N {P(sr, 'dev')}. "
                               f"Domes 8 mm vented; real-ear verified to NAL-NL2."),
            ("Counselling", "Insertion/removal practised; charger and cleaning shown. Loss-and-damage warranty "
                            "registered under the serial numbers."),
            ("Plan", "Follow-up in 2 weeks for fine tuning.")]
    return note_doc(r, lay, "Audiology - Hearing Aid Fitting", header, secs, D(aud, "staff"))


# ---------------------------------------------------------------------------------------------
# PHI: claims_csv
# ---------------------------------------------------------------------------------------------
def csv_doc(r, lay, headers, rows, note=None):
    if lay == "pipe":
        body = "\n".join("|".join(x) for x in [headers] + rows)
    elif lay == "tsv":
        body = "\n".join("\t".join(x) for x in [headers] + rows)
    elif lay == "bomcrlf":
        body = "\ufeff" + "\r\n".join(csv_line(x, ",", quote_all=True) for x in [headers] + rows) + "\r\n"
    else:
        body = "\n".join(csv_line(x, ",") for x in [headers] + rows)
    return (note + "\n\n" if note else "") + body


CSVL = ["csv", "pipe", "tsv", "bomcrlf"]


def money(r, lo, hi):
    return f"{r.randint(lo, hi)}.{r.randint(0, 99):02d}"


@T("claims_csv", "auto_pip_claims", CSVL)
def t_csv_pip(r, lay):
    ppl = distinct_people(r, r.randint(3, 6))
    rows = []
    for p in ppl:
        dos = rdate(r, 2025, 2026)
        st, pl = plate(r)
        rows.append([P(claim_no(r, 5), "oid"), P(p.LF(), "name"), P(fd(rdate(r, 1950, 2007), "us"), "date"),
                     P(fd(dos, "us"), "date"), D(r.choice(["99284", "99285", "70450", "72125", "71046"]), "cpt"),
                     money(r, 180, 6400), r.choice(AUTO_CARRIERS), P(claim_no(r, 0), "oid"), P(vin(r), "veh"),
                     D(st, "state"), P(pl, "veh")])
    h = ["ClaimID", "PatientName", "DOB", "DOS", "CPT", "Charge", "AutoCarrier", "CarrierClaimNo", "VIN", "PlateState", "Plate"]
    return csv_doc(r, lay, h, rows, f"# PIP claims export {fd(rdate(r, 2026, 2026), 'iso')} (Resolute report 18842)" if lay != "bomcrlf" else None)


@T("claims_csv", "dme_claims_serials", CSVL)
def t_csv_dme(r, lay):
    ppl = distinct_people(r, r.randint(3, 6))
    rows = []
    for p in ppl:
        k, hc, mod = r.choice([("cpap", "E0601", "RR KH"), ("conc", "E1390", "RR"), ("wheelchair", "K0001", "NU"),
                               ("pump", "E0784", "RR KI")])
        pay, mid = member(r)
        rows.append([P(mid, "hp"), P(ascii_fold(p.family).upper(), "name"), P(ascii_fold(p.given).upper(), "name"),
                     P(fd(rdate(r, 2026, 2026), "hl7"), "date"), D(hc, "cpt"), mod, P(serial(r, k), "dev"), "1",
                     money(r, 40, 900)])
    h = ["MemberID", "PatLast", "PatFirst", "DOS", "HCPCS", "Mod", "SerialNo", "Units", "Billed"]
    return csv_doc(r, lay, h, rows)


@T("claims_csv", "workers_comp_claims", CSVL)
def t_csv_wc(r, lay):
    ppl = distinct_people(r, r.randint(3, 5), native_ok=False)
    rows = []
    for p in ppl:
        doi = rdate(r, 2025, 2026)
        dos = doi + dt.timedelta(days=r.randint(0, 60))
        rows.append([P(f"WC-{doi.year}-{digits(r, 6)}", "oid"), P(p.full(), "name"), P(fd(rdate(r, 1962, 2004), "iso"), "date"),
                     P(fd(doi, "iso"), "date"), D(r.choice(["Ridgeline Freight", "Sunrise Home Care LLC", "Metro Transit",
                                                          "Keystone Roofing", "county public works"]), "fac"),
                     r.choice(WC_CARRIERS), P(fd(dos, "iso"), "date"),
                     D(r.choice(["S39.012A", "S83.511A", "M54.50", "S62.101A", "S13.4XXA"]), "icd"),
                     D(r.choice(["97110", "99213", "73721", "20610"]), "cpt"), money(r, 90, 2400)])
    h = ["wc_claim_no", "employee", "dob", "date_of_injury", "employer", "carrier", "dos", "icd10", "cpt", "charge"]
    return csv_doc(r, lay, h, rows)


@T("claims_csv", "payer_834_roster", CSVL)
def t_csv_834(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    payer = r.choice(sorted(PAYER_STYLES))
    rows = []
    for p in ppl:
        ad = Addr(r)
        _, mid = member(r, payer)
        mb = mbi(r) if r.random() < 0.4 else ""
        rows.append([P(mid, "hp"), r.choice(["01", "02", "03"]), P(p.family, "name"), P(p.given, "name"),
                     P(fd(rdate(r, 1930, 2010), "hl7"), "date"), p.sex, P(ad.line(), "addr"), P(ad.city, "city"),
                     D(ad.state, "state"), P(ad.zip, "zip"), P(phone(r, 4), "phone"), D(group_no(r), "grp"),
                     P(mb, "mbi") if mb else ""])
    h = ["SubscriberID", "Sfx", "Last", "First", "DOB", "Sex", "Addr1", "City", "St", "Zip", "Phone", "Group", "MBI"]
    return csv_doc(r, lay, h, rows, f"{payer} monthly 834 extract - attribution list" if lay in ("csv", "pipe") else None)


@T("claims_csv", "device_replacement_claims", CSVL)
def t_csv_devrep(r, lay):
    ppl = distinct_people(r, r.randint(2, 5))
    rows = []
    for p in ppl:
        k, hc = r.choice([("icd", "C1722"), ("pacer", "C1785"), ("cochlear", "L8614")])
        rows.append([P(acct(r, 0), "acct"), P(mrn(r), "mrn"), P(p.lf(), "name"), P(fd(rdate(r, 2026, 2026), "us"), "date"),
                     D(hc, "cpt"), P(udi(r, with_lot=False), "dev"), P(serial(r, k), "dev"),
                     r.choice(["FB", "FC", ""]), money(r, 1200, 38000)])
    h = ["HAR", "MRN", "Patient", "DOS", "HCPCS", "UDI", "ExplantSerial", "Mod", "Charge"]
    return csv_doc(r, lay, h, rows, "-- device credit (FB/FC) audit: explanted serial vs manufacturer credit" if lay == "csv" else None)


@T("claims_csv", "patient_statement_export", CSVL)
def t_csv_stmt(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    rows = []
    for i, p in enumerate(ppl):
        ad = Addr(r)
        pay_note = ""
        if i == 0:
            pay_note = f"pt read card over phone {P(card(r), 'card')} exp {r.randint(1, 12):02d}/{r.randint(27, 31)}"
        else:
            pay_note = r.choice(["", "payment plan 6 mo", f"card on file ending {D(str(r.randint(1000, 9999)), 'card4')}",
                                 "returned mail"])
        rows.append([P(acct(r, 2), "acct"), P(p.LF(), "name"), P(ad.line(), "addr"), P(ad.city, "city"),
                     D(ad.state, "state"), P(ad.zip, "zip"), money(r, 15, 2300), pay_note])
    h = ["Guarantor", "Name", "Address", "City", "State", "ZIP", "Balance", "Notes"]
    return csv_doc(r, lay, h, rows, "Self-pay statement run - exception rows" if lay in ("csv", "tsv") else None)


@T("claims_csv", "rpm_99454_billing", CSVL)
def t_csv_rpm(r, lay):
    ppl = distinct_people(r, r.randint(3, 6))
    month = dt.date(2026, r.randint(1, 10), 1)
    rows = []
    for p in ppl:
        k, typ = r.choice([("bpcuff", "BP cuff"), ("scale", "scale"), ("cgm", "CGM")])
        days = r.randint(9, 30)
        rows.append([P(mrn(r), "mrn"), P(p.full(), "name"), P(member(r)[1], "hp"), typ, P(serial(r, k), "dev"),
                     str(days), P(fd(month, "my"), "date"), D("99454", "cpt") if days >= 16 else "not billable"])
    h = ["mrn", "patient", "member_id", "device", "device_serial", "reading_days", "period", "cpt"]
    return csv_doc(r, lay, h, rows)


@T("claims_csv", "subrogation_liens", CSVL)
def t_csv_liens(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    rows = []
    for p in ppl:
        st, pl = plate(r)
        rows.append([f"L-{r.randint(1000, 9999)}", P(p.lf(), "name"), P(fd(rdate(r, 1955, 2008), "us"), "date"),
                     P(fd(rdate(r, 2025, 2026), "us"), "date"),
                     D(r.choice(["Marquez & Hale LLP", "Benton Injury Law", "Ostrowski Law Group", "Delgado Trial Attorneys"]), "fac"),
                     P(vin(r), "veh") if r.random() < 0.7 else "", P(pl, "veh"), D(st, "state"), P(claim_no(r, 1), "oid"),
                     money(r, 800, 64000)])
    h = ["LienID", "Patient", "DOB", "DateOfLoss", "AttorneyFirm", "VIN", "Plate", "St", "AdjusterClaim", "LienAmt"]
    return csv_doc(r, lay, h, rows)


# ---------------------------------------------------------------------------------------------
# PHI: patient_email
# ---------------------------------------------------------------------------------------------
EL = ["gmail", "outlook", "apple"]


def clinic_box(r, what):
    return D(f"{what}@{org(r)[1]}", "contact")


def fwd_email(r, lay, fwd_from, fwd_to, fwd_note, orig_from, orig_to, subj, body):
    """a staff member forwards a patient's message"""
    d0 = rdate(r, 2026, 2026)
    d1 = min(d0 + dt.timedelta(days=r.choice([0, 0, 1, 2])), dt.date(2026, 12, 4))
    out = email_hdr(r, lay, fwd_from, fwd_to, f"FW: {subj}" if lay == "outlook" else f"Fwd: {subj}", d=d1)
    out += f"\n{fwd_note}\n\n{fwd_marker(lay)}\n"
    out += email_hdr(r, lay, orig_from, orig_to, subj, d=d0) + "\n" + body
    return out


def sig_staff(r, who, dept=None):
    return f"{D(who, 'staff')}\n{dept or r.choice(['Patient Access', 'Patient Services'])} | {D(org(r)[0], 'fac')}\n{D(org_phone(r) + ' x' + str(r.randint(1000, 9999)), 'contact')}"


@T("patient_email", "pump_rma_email", EL)
def t_em_pump(r, lay):
    pt = person(r)
    ad = Addr(r)
    em = pemail(r, pt)
    sn = serial(r, "pump")
    rma = f"{r.choice(['RMA', 'CASE'])}-{digits(r, 8)}"
    who = staff(r, doctor=False)
    body = (f"Hi,\n\nMy pump ({D(r.choice(['t:slim X2', 'MiniMed 780G', 'Omnipod 5']), 'model')}) gave a critical error last night "
            f"and I had to go back to pens. The company support line opened {rma} and says the replacement will ship to "
            f"{P(ad.line(), 'addr')}, {P(ad.city, 'city')} {P(ad.zip, 'zip')} but they need the clinic to confirm my "
            f"settings. Old serial is {P(sn, 'dev')}.\n\nMy date of birth is {P(fd(rdate(r, 1972, 2006), 'long'), 'date')} if you need it. "
            f"Cell {P(phone(r), 'phone')}.\n\nThanks,\n{P(pt.first(), 'name')}")
    note = (f"Forwarding to the pump team - please fax the settings sheet to the vendor and update the device in "
            f"the chart when the new serial comes. Patient is {P(pt.full(), 'name')}, MRN {P(mrn(r), 'mrn')}.\n\n"
            + sig_staff(r, who, "Diabetes Center"))
    return fwd_email(r, lay, D(who, "staff"), clinic_box(r, "diabetes.pumps"), note,
                     f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "diabetescenter"),
                     "pump broke - replacement coming", body)


@T("patient_email", "portal_link_forward", EL)
def t_em_portal(r, lay):
    pt = person(r)
    em = pemail(r, pt)
    m = mrn(r, "d8")
    url = portal_url(r, m)
    who = staff(r, doctor=False)
    body = (f"Hello, I got this text and the link just spins. I'm on my phone. Can you tell me what the result is? "
            f"\n\n> You have a new test result. View it here: {P(url, 'url')}\n\n"
            f"{P(pt.full(), 'name')}\nDOB {P(fd(rdate(r, 1945, 2003), 'usn'), 'date')}")
    note = (f"IT - can you check why this link won't load for the patient? It looks like the mobile deep link. "
            f"I have not opened it myself.\n\n" + sig_staff(r, who, "Patient Access"))
    return fwd_email(r, lay, D(who, "staff"), clinic_box(r, "portal.support"), note,
                     f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "frontdesk"),
                     "Re: link doesnt work", body)


@T("patient_email", "mva_bill_question", EL)
def t_em_mva(r, lay):
    pt = person(r)
    em = pemail(r, pt)
    har = acct(r, 0)
    car = r.choice(AUTO_CARRIERS)
    cl = claim_no(r, 0)
    st, pl = plate(r)
    acc = rdate(r, 2025, 2026)
    spanish = pt.culture in ("mexican", "puerto_rican") and r.random() < 0.6
    if spanish:
        body = (f"Buenas tardes,\n\nRecibí una factura de ${money(r, 300, 4000)} por la visita a emergencias después del "
                f"accidente del {P(fd(acc, 'us'), 'date')}. El seguro del auto ({car}) ya tiene el reclamo "
                f"{P(cl, 'oid')} y me dicen que ustedes deben facturarles a ellos. La placa de mi carro es "
                f"{P(pl, 'veh')}. Número de cuenta {P(har, 'acct')}.\n\nGracias,\n{P(pt.full(), 'name')}\n{P(phone(r, 1), 'phone')}")
        subj = "factura del accidente"
    else:
        body = (f"Hi,\n\nI got a bill for ${money(r, 300, 4000)} for the ER visit after my car accident on "
                f"{P(fd(acc, 'long'), 'date')}. My auto insurance ({car}) opened claim {P(cl, 'oid')} and told me you "
                f"should bill them first. They asked for the plate on the crash report, it's {P(pl, 'veh')} "
                f"({D(st, 'state')}). Account number on the statement is {P(har, 'acct')}.\n\n"
                f"{P(pt.full(), 'name')}\n{P(phone(r, 1), 'phone')}")
        subj = "bill from accident"
    who = staff(r, doctor=False)
    note = "Routing to the TPL team to add the auto coverage and hold the statement.\n\n" + sig_staff(r, who, "Patient Financial Services")
    return fwd_email(r, lay, D(who, "staff"), clinic_box(r, "tpl.team"), note,
                     f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "billing"), subj, body)


@T("patient_email", "records_by_home_fax", EL)
def t_em_fax(r, lay):
    pt = person(r, culture=r.choice(["mexican", "puerto_rican"])) if r.random() < 0.5 else person(r)
    em = pemail(r, pt)
    fx = phone(r, r.choice([0, 1, 3]))
    dob = rdate(r, 1940, 2000)
    vis = rdate(r, 2026, 2026)
    spanish = pt.culture in ("mexican", "puerto_rican", "brazilian") and r.random() < 0.5
    if spanish and pt.culture != "brazilian":
        body = (f"Hola,\n\nNecesito una copia de mis resultados de la visita del {P(fd(vis, 'us'), 'date')}. No uso el portal. "
                f"Por favor envíelos a mi fax de casa: Fax: {P(fx, 'fax')}.\n\nNombre: {P(pt.full(), 'name')}\n"
                f"Fecha de nacimiento: {P(fd(dob, 'us'), 'date')}\nTel: {P(phone(r, 0), 'phone')}\n\nMuchas gracias")
        subj = "copia de resultados por fax"
    else:
        body = (f"Good morning,\n\nPlease fax my lab results and the visit note from {P(fd(vis, 'mon'), 'date')} to my home fax. "
                f"I don't use the portal.\n\nName: {P(pt.full(), 'name')}\nDate of birth: {P(fd(dob, 'us'), 'date')}\n"
                f"Fax: {P(fx, 'fax')}\nPhone: {P(phone(r, 0), 'phone')}\n\nThank you")
        subj = "records request - please fax"
    who = staff(r, doctor=False)
    out = email_hdr(r, lay, f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "him.roi"), subj) + "\n" + body
    out += (f"\n\n---\nROI reply draft ({D(who, 'staff')}): we need a signed authorisation before faxing to a "
            f"personal number; form attached. Our department fax is {D(org_phone(r), 'orgfax')}.")
    return out


@T("patient_email", "wound_photos_from_daughter", EL)
def t_em_photo(r, lay):
    pt = person(r, native_ok=False)
    dau = relative(r, pt, sex="F", same_family=r.random() < 0.5)
    em = pemail(r, dau)
    taken = rdate(r, 2026, 2026)
    g, f = pt.slug()
    files = [f"{r.choice(['wound', 'heel', 'leg'])}_{f}_{g}_{taken.isoformat()}.jpg",
             f"IMG_{r.randint(1000, 9999)}.HEIC"]
    sizes = [f"{r.randint(900, 4800)} KB" for _ in files]
    body = (f"Hello nurse,\n\nAttached are pictures of my {'father' if pt.sex == 'M' else 'mother'}'s wound from today. "
            f"It looks redder around the edge and there is more drainage. {pt.pron()[0].capitalize()} is "
            f"{P(pt.full(), 'name')}, born {P(fd(rdate(r, 1932, 1960), 'long'), 'date')}. Can someone call me at "
            f"{P(phone(r, 0), 'phone')}?\n\n{P(dau.full(), 'name')}\n\nAttachments:\n"
            + "\n".join(f"  {P(x, 'photo')} ({sz})" for x, sz in zip(files, sizes)))
    return email_hdr(r, lay, f"{P(dau.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "woundclinic"),
                     "pictures of the wound", cc=clinic_box(r, "homehealth.intake"), d=taken) + "\n" + body


@T("patient_email", "hearing_aid_repair_son", EL)
def t_em_hear(r, lay):
    pt = person(r, sex=r.choice("MF"))
    age = r.randint(90, 101)
    son = relative(r, pt, sex="M", same_family=pt.culture not in ("amharic", "somali"))
    em = pemail(r, son)
    ad = Addr(r)
    sl = serial(r, "hearing")
    a, b, c = age_text(r, age, ADJ_AGE)
    par = "mother" if pt.sex == "F" else "father"
    fitted = rdate(r, 2024, 2025)
    body = (f"Hi,\n\nMy {par} {P(pt.full(), 'name')} was fitted at your audiology clinic in {P(fd(fitted, 'my'), 'date')}. {pt.pron()[2].capitalize()} left hearing aid "
            f"(serial {P(sl, 'dev')}) stopped working; the store said it's under the loss & damage warranty through "
            f"you. {pt.pron()[0].capitalize()}'s a {a}{P(b, 'age')}{c} and can't travel easily - can we mail it in? "
            f"Return address: {P(ad.line(), 'addr')}, {P(ad.city, 'city')}, {D(ad.state, 'state')} {P(ad.zip, 'zip')}.\n\n"
            f"Thanks,\n{P(son.full(), 'name')}\n{P(phone(r, 2), 'phone')}")
    return email_hdr(r, lay, f"{P(son.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "audiology"),
                     f"{par}'s hearing aid repair") + "\n" + body


@T("patient_email", "death_certificate_correction", EL)
def t_em_cert(r, lay):
    pt = person(r)
    age = r.randint(90, 104)
    dd = rdate(r, 2026, 2026)
    wrong = dd - dt.timedelta(days=1)
    child = relative(r, pt, same_family=r.random() < 0.7)
    em = pemail(r, child)
    cert = f"{dd.year}-{digits(r, 6, '0123456789')}"
    par = "father" if pt.sex == "M" else "mother"
    who = staff(r, doctor=False)
    body = (f"To whom it may concern,\n\nMy {par}, {P(pt.full(), 'name')}, passed away at your hospital shortly after "
            f"midnight on {P(fd(dd, 'long'), 'date')}. The certified copies of the death certificate "
            f"(No. {P(cert, 'lic')}) list the date as {P(fd(wrong, 'long'), 'date')}, and the bank won't accept them. "
            f"{pt.pron()[0].capitalize()} was {P(str(age), 'age')}. Could the physician file a correction?\n\n"
            f"{P(child.full(), 'name')}\n{P(phone(r, 0), 'phone')}")
    note = ("Decedent affairs: please ask the certifying physician to file the amendment in the registry; "
            "time of death in the note is 0012.\n\n" + sig_staff(r, who, "Health Information Management"))
    return fwd_email(r, lay, D(who, "staff"), clinic_box(r, "decedent.affairs"), note,
                     f"{P(child.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "him"),
                     "wrong date on death certificate", body)


@T("patient_email", "new_licence_and_insurance", EL)
def t_em_id(r, lay):
    pt = person(r)
    em = pemail(r, pt)
    ad = Addr(r)
    st, lic = dl(r)
    payer, mid = member(r)
    imgs = [f"IMG_{r.randint(1000, 9999)}.jpg", f"IMG_{r.randint(1000, 9999)}.jpg"]
    body = (f"Hi, I have a visit next week and my information changed. New driver's license {P(lic, 'lic')} "
            f"({D(st, 'state')}) with my new address {P(ad.line(), 'addr')}, {P(ad.city, 'city')} {P(ad.zip, 'zip')}. "
            f"New insurance is {payer}, member ID {P(mid, 'hp')}, group {D(group_no(r), 'grp')}. Photos of both "
            f"cards are attached.\n\n{P(pt.full(), 'name')}\nDOB {P(fd(rdate(r, 1950, 2005), 'us'), 'date')}\n\n"
            f"[attachment: {P(imgs[0], 'photo')} - license front]\n[attachment: {imgs[1]} - insurance card front]")
    return email_hdr(r, lay, f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "registration"),
                     "updated license and insurance") + "\n" + body


# ---------------------------------------------------------------------------------------------
# CLEAN: java_stacktrace
# ---------------------------------------------------------------------------------------------
SL = ["jira_wiki", "jira_md", "plain"]


def frames(r, items):
    return "\n".join(f"\tat {f}({f.split('.')[-2].split('$')[0]}.java:{r.randint(40, 900)})" for f in items)


def trace_doc(r, lay, key, summary, intro, trace, outro, comment=None):
    out = jira_head(r, lay, key, summary, labels=("stacktrace",))
    out += "\n" + intro + "\n\n" + jira_code(lay, trace, "java" if lay != "jira_plain" else None) + "\n\n" + outro + "\n"
    if comment:
        out += "\n" + jira_comment(r, lay, staff(r, doctor=False), comment)
    return out


def logts(r, d=None):
    return ts(r, d).replace(" ", "T") + f".{r.randint(0, 999):03d}Z"


@T("java_stacktrace", "device_gateway_obx_npe", SL)
def t_st_gw(r, lay):
    d = rdate(r, 2026, 2026)
    mon = f"MX{r.choice(['450', '550', '800'])}-{alnum(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(r, 6)}"
    bed = f"{r.choice(['4W', 'MICU', '6N', 'PACU'])}-{r.randint(1, 30):02d}"
    gw = srv_ip(r)
    tr = (f"{logts(r, d)} ERROR [obx-worker-{r.randint(1, 8)}] c.n.devicegw.hl7.ObxSerialExtractor - "
          f"failed to map OBX-18 for device bed={bed} src={gw}:{r.choice([2575, 6661, 7001])} equipment={D(mon, 'orgdev')}\n"
          "java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"eiComponents[1]\" is null\n"
          + frames(r, ["com.northgate.devicegw.hl7.ObxSerialExtractor.extract", "com.northgate.devicegw.hl7.ObxMapper.map",
                       "com.northgate.devicegw.route.VitalsRoute.lambda$configure$2",
                       "org.apache.camel.processor.DelegateSyncProcessor.process",
                       "org.apache.camel.processor.Pipeline$PipelineTask.run"])
          + f"\n\t... {r.randint(12, 40)} common frames omitted")
    intro = (f"After the monitor firmware update the gateway throws on every ORU from the new bedside monitors. "
             f"OBX-18 now carries only the first EI component (no namespace), so the extractor NPEs. Monitors are "
             f"ours (asset tags in CMMS); no patient data in the log line.")
    outro = f"Happens ~{r.randint(20, 400)}/hour on {gw}. Vitals still file because the error is after the flowsheet write."
    return trace_doc(r, lay, pkey(r, "DEVINT"), "NPE in ObxSerialExtractor after monitor firmware update", intro, tr, outro,
                     "Guarded the split and defaulted the namespace to the MSH-4 facility. Deployed to TST.")


def test_gtin(r):
    return gtin(r, "00614141")


@T("java_stacktrace", "udi_parser_ai17", SL)
def t_st_udi(r, lay):
    g = test_gtin(r)
    tr = (f"com.northgate.udi.Gs1ParseException: AI (17) expects 6 digits, got \"{r.randint(2601, 2812)}\" at offset 20 in "
          f"\"(01){g}(17){r.randint(2601, 2812)}(10)TESTLOT1\"\n"
          + frames(r, ["com.northgate.udi.Gs1HriParser.readFixed", "com.northgate.udi.Gs1HriParser.parse",
                       "com.northgate.udi.UdiService.normalise", "com.northgate.implantlog.api.ImplantController.scan",
                       "jdk.internal.reflect.GeneratedMethodAccessor214.invoke",
                       "org.springframework.web.servlet.FrameworkServlet.service"]))
    intro = ("Implant log scan endpoint fails for HRI strings where the expiry was keyed by hand as YYMM. Repro with "
             "the GS1 example company prefix from the spec (test item, not a product):")
    outro = "GS1 allows DD = 00 for month-only expiry; we should pad, not throw."
    return trace_doc(r, lay, pkey(r, "IMPLANT"), "Gs1ParseException on 4-digit AI(17) expiry", intro, tr, outro,
                     "Padding to YYMM00 behind a flag; added cases to Gs1HriParserTest.")


@T("java_stacktrace", "portal_fhir_timeout", SL)
def t_st_portal(r, lay):
    d = rdate(r, 2026, 2026)
    ips = [srv_ip(r) for _ in range(3)]
    sid = hexid(r, 32).upper()
    tr = (f"{logts(r, d)} WARN  [http-nio-8443-exec-{r.randint(10, 200)}] o.a.c.c.C.[.[.[/portal].[dispatcherServlet] "
          f"Servlet.service() threw exception [Request processing failed] session={sid}\n"
          f"org.springframework.web.client.ResourceAccessException: I/O error on GET request for "
          f"\"https://fhir-int.{org(r)[1].split('.')[0]}.local/R4/Observation\": Read timed out\n"
          + frames(r, ["org.springframework.web.client.RestTemplate.doExecute",
                       "com.northgate.portal.results.FhirResultsClient.search",
                       "com.northgate.portal.results.ResultsService.recent",
                       "com.northgate.portal.web.ResultsController.list"])
          + f"\nCaused by: java.net.SocketTimeoutException: Read timed out (upstream {ips[0]}:8080 via lb {ips[1]})\n"
          + frames(r, ["java.base/sun.nio.ch.NioSocketImpl.timedRead", "java.base/java.net.Socket$SocketInputStream.read"]))
    intro = (f"Results page times out between 07:00 and 07:30 when the nightly lab batch is still posting. Pool on "
             f"{ips[2]} is at max (200/200).")
    outro = "Raising the read timeout hides it; the real fix is paging the Observation search (_count=50)."
    return trace_doc(r, lay, pkey(r, "PORTAL"), "Results page: FHIR read timeout during morning batch", intro, tr, outro)


@T("java_stacktrace", "hapi_prt_validation_test_patient", SL)
def t_st_prt(r, lay):
    tmrn = f"T{digits(r, 7, '0123456789')}"
    msg = (f"MSH|^~\\&|CGMHUB|NGH|EPICLAB|NGH|{D(hl7ts(r), 'evdate')}||ORU^R01^ORU_R01|TEST0001|T|2.8.2\n"
           f"PID|1||{D(tmrn, 'testmrn')}^^^NGH^MR||{D('ZZTEST^PATIENT^ONE', 'testname')}||19700101|U|||1 MAIN ST^^ANYTOWN^ZZ^00000"
           f"||555-0100|||||||123-45-6789\n"
           f"PRT|1|UC||EQUIP^Equipment^HL70912||||||(01)PLACEHOLDER(21)TESTSERIAL^GS1")
    tr = ("ca.uhn.hl7v2.validation.ValidationException: Validation failed: Primitive value '(01)PLACEHOLDER(21)TESTSERIAL' "
          "requires to be a valid EI at PRT-10(0)\n"
          + frames(r, ["ca.uhn.hl7v2.validation.impl.ValidationContextImpl.checkPrimitive",
                       "ca.uhn.hl7v2.parser.PipeParser.doParse", "ca.uhn.hl7v2.parser.Parser.parse",
                       "com.northgate.cgm.HubInboundHandler.onMessage"]))
    intro = "Contract test for the CGM hub fails on our synthetic message (test patient, documented test values only):"
    return trace_doc(r, lay, pkey(r, "DEVINT"), "PRT-10 strict validation rejects the synthetic UDI", intro,
                     jira_code("jira_plain", msg).replace("    ", "") + "\n\n" + tr,
                     "Switch the test to a GS1 example GTIN or relax PRT-10 to ST in the custom model class.")


@T("java_stacktrace", "fhir_device_422", SL)
def t_st_422(r, lay):
    tr = (f"ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException: HTTP 422 Unprocessable Entity: "
          f"Device.udiCarrier[0].deviceIdentifier: value 'DI-TEST' does not match regex '[0-9]{{14}}'\n"
          + frames(r, ["ca.uhn.fhir.rest.client.impl.BaseClient.invokeClient",
                       "ca.uhn.fhir.rest.client.impl.GenericClient$CreateInternal.execute",
                       "com.northgate.implantlog.fhir.DevicePublisher.publish",
                       "com.northgate.implantlog.jobs.NightlyPublishJob.run"])
          + "\nOperationOutcome: {\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\",\"expression\":"
            "[\"Device.udiCarrier[0].deviceIdentifier\"],\"diagnostics\":\"profile us-core-implantable-device\"}]}")
    intro = f"Nightly publish to the {r.choice(['FHIR facade', 'HAPI JPA server', 'integration FHIR store'])} fails for the seeded test device 'device-test-01'."
    return trace_doc(r, lay, pkey(r, "IMPLANT"), "422 from FHIR server on seeded test Device", intro, tr,
                     "Seed data should use a syntactically valid GTIN-14; fixing the seed script.")


@T("java_stacktrace", "fleet_telematics_ingest", SL)
def t_st_fleet(r, lay):
    unit = f"MEDIC {r.randint(1, 40)}"
    v = vin(r, AMBULANCE_WMI)
    pl = f"EMS {r.randint(100, 999)}"
    gw = srv_ip(r)
    tr = (f"{logts(r)} ERROR [kafka-consumer-fleet-{r.randint(0, 5)}] c.n.fleet.ingest.TelematicsListener - bad payload "
          f"unit=\"{unit}\" vin={D(v, 'orgveh')} plate=\"{D(pl, 'orgveh')}\" from {gw}\n"
          "com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `int` from String "
          "\"148213.6\": not a valid `int` value\n at [Source: (byte[])\"{\"odometer\":\"148213.6\",\"ignition\":true,...}\"; line: 1, column: 14]\n"
          + frames(r, ["com.fasterxml.jackson.databind.DeserializationContext.handleWeirdStringValue",
                       "com.northgate.fleet.ingest.TelematicsListener.onMessage",
                       "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer.doInvokeRecordListener"]))
    intro = (f"Ambulance fleet telematics stopped updating odometers for the new units after the vendor switched to "
             f"decimal miles. These are our own vehicles (fleet list on the Transport page), no patient data.")
    return trace_doc(r, lay, pkey(r, "FLEET"), "Telematics ingest: odometer now a decimal string", intro, tr,
                     "Change the DTO field to BigDecimal; PM schedules depend on it.")


@T("java_stacktrace", "dicom_association_reject", SL)
def t_st_dicom(r, lay):
    mod_ip, pacs_ip = srv_ip(r), srv_ip(r)
    ae = r.choice(["CT_ED_02", "US_WOMENS1", "MR3T_ORTHO", "DX_PORTABLE4"])
    tr = (f"{logts(r)} INFO  [{ae}->PACS_ARCH(1)] o.d.n.Association - {ae}->PACS_ARCH(1) << A-ASSOCIATE-RJ[result: 1 - "
          f"rejected-permanent, source: 1 - service-user, reason: 3 - calling-AE-title-not-recognized]\n"
          f"org.dcm4che3.net.AAssociateRJ: A-ASSOCIATE-RJ[result: 1, source: 1, reason: 3]\n"
          + frames(r, ["org.dcm4che3.net.Association.onAAssociateRJ", "org.dcm4che3.net.PDUDecoder.nextPDU",
                       "org.dcm4che3.net.Association$2.run"])
          + f"\n  remote={pacs_ip}:11112 local={mod_ip}:{r.randint(40000, 60000)} calledAET=PACS_ARCH callingAET={ae}")
    intro = f"Modality {ae} was re-IP'd during the network refresh and the archive's AE config still has the old address."
    return trace_doc(r, lay, pkey(r, "PACS"), f"{ae} cannot store to archive after re-IP", intro, tr,
                     "Updated the AE in the archive UI; C-ECHO succeeds.")


@T("java_stacktrace", "vin_decoder_invalid", SL)
def t_st_vin(r, lay):
    bad = "1M8GDM9AXKP042789"
    tr = (f"{logts(r)} WARN  [vin-decoder] c.n.subro.vin.VinDecoderClient - decode failed vin={bad} http=200 "
          f"errorCode=\"1\" errorText=\"1 - Check Digit (9th position) does not calculate properly\"\n"
          "com.northgate.subro.vin.VinDecodeException: check digit mismatch (expected X, got X) for 1M8GDM9AXKP042789\n"
          + frames(r, ["com.northgate.subro.vin.VinDecoderClient.decode", "com.northgate.subro.vin.VinService.enrich",
                       "com.northgate.subro.VinServiceIT.decodesDocumentedExample"]))
    intro = ("Integration test against the decoder uses the documented example VIN 1M8GDM9AXKP042788 with the last digit "
             "changed on purpose, but the exception text reports the same expected and actual check digit.")
    return trace_doc(r, lay, pkey(r, "SUBRO"), "VinDecodeException message prints the wrong expected check digit", intro,
                     tr, "The formatter reads position 9 twice. Cosmetic, but it confuses the collectors.")


# ---------------------------------------------------------------------------------------------
# CLEAN: meeting_notes
# ---------------------------------------------------------------------------------------------
ML = ["conf_wiki", "conf_md", "plain"]


def dialin(r):
    k = r.randint(0, 2)
    if k == 0:
        mid = f"9{r.randint(10, 99)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"
        return (f"Zoom: https://{org(r)[1].split('.')[0]}.zoom.us/j/{mid.replace(' ', '')}  Meeting ID {mid}  Passcode "
                f"{r.randint(100000, 999999)}\nDial by your location: +1 646 558 8656 US (New York), +1 312 626 6799 US (Chicago)")
    if k == 1:
        cid = f"{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)}#"
        return f"Microsoft Teams meeting - Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{hexid(r, 24)}\n" \
               f"Call in (audio only): +1 323-849-4874,,{cid.replace(' ', '')}  Phone conference ID: {cid}"
    return (f"Webex: https://{org(r)[1].split('.')[0]}.webex.com/meet/{r.choice(['clinicalit', 'devint', 'ehrops'])}\n"
            f"+1-415-655-0001 US Toll  Access code: {r.randint(2000, 2999)} {r.randint(100, 999)} {r.randint(1000, 9999)}")


def meeting(r, lay, title, n_att, agenda, actions, extra=""):
    att = staff(r, n_att)
    d = rdate(r, 2026, 2026)
    att_m = ", ".join(D(a, "staff") for a in att)
    owners = [D(r.choice(att), "staff") for _ in actions]
    if lay == "conf_wiki":
        out = f"h1. {title} – {d.isoformat()}\n\n*Attendees:* {att_m}\n*Dial-in:*\n{{noformat}}\n{dialin(r)}\n{{noformat}}\n\nh2. Notes\n"
        out += "\n".join(f"* *{t}* – {x}" for t, x in agenda)
        out += "\n\nh2. Action items\n" + "\n".join(f"[] {o}: {a}" for o, a in zip(owners, actions))
    elif lay == "conf_md":
        out = f"# {title} ({fd(d, 'long')})\n\n**Attendees:** {att_m}\n\n```\n{dialin(r)}\n```\n\n## Discussion\n"
        out += "\n".join(f"- **{t}:** {x}" for t, x in agenda)
        out += "\n\n## Actions\n" + "\n".join(f"- [ ] {o} — {a}" for o, a in zip(owners, actions))
    else:
        out = f"MINUTES: {title}\nDate: {fd(d, 'us')}\nPresent: {att_m}\n{dialin(r)}\n\n"
        out += "\n".join(f"{i}. {t}. {x}" for i, (t, x) in enumerate(agenda, 1))
        out += "\n\nACTIONS\n" + "\n".join(f"- {a} ({o})" for o, a in zip(owners, actions))
    return out + (f"\n\n{extra}" if extra else "")


@T("meeting_notes", "telehealth_infrastructure_sync", ML)
def t_mt_tele(r, lay):
    turn = [srv_ip(r) for _ in range(3)]
    agenda = [("TURN relays", f"{turn[0]} and {turn[1]} at {r.randint(40, 85)}% peak; third relay {turn[2]} online next sprint. "
                              f"TLS 443 fallback enabled after last month's join failures."),
              ("Volume", f"{r.randint(3000, 9000)} video visits last month, {r.randint(2, 9)}% fell back to audio-only. "
                         f"Median join time {r.randint(12, 40)} s."),
              ("Interpreter bridge", "Three-way video with the language line works in the pilot clinics; cost per minute unchanged."),
              ("Licensure", "Reminder: the visit template captures the patient's state; no change for IT.")]
    actions = ["Load test the new relay at 2x peak", "Publish the firewall rule set for clinics", "Review audio-only fallback metrics"]
    return meeting(r, lay, "Telehealth platform – infrastructure sync", r.randint(4, 6), agenda, actions)


@T("meeting_notes", "device_integration_standup", ML)
def t_mt_dev(r, lay):
    fw = f"{r.randint(2, 5)}.{r.randint(0, 20)}.{r.randint(0, 99)}"
    agenda = [("Bedside monitors", f"{r.randint(60, 300)} of {r.randint(300, 420)} monitors on firmware {fw}; the OBX-18 "
                                   f"namespace change is handled in the gateway."),
              ("Infusion pumps", f"Auto-programming live on {r.randint(2, 9)} units. Alarm feed lag p95 {r.randint(2, 9)} s."),
              ("Ventilators", f"Model {D(r.choice(['Servo-u', 'Hamilton C6', 'PB980']), 'model')} driver certified; "
                              f"association by barcode scan only."),
              ("CGM in hospital", "Policy still says no patient-owned CGM data into the flowsheet; revisit in Q1.")]
    actions = ["Finish firmware rollout on 6N", "Open vendor case for alarm lag", "Draft association-by-scan tip sheet"]
    return meeting(r, lay, "Device integration stand-up", r.randint(3, 6), agenda, actions)


@T("meeting_notes", "ambulance_fleet_committee", ML)
def t_mt_fleet(r, lay):
    units = []
    for _ in range(r.randint(3, 5)):
        units.append((f"Medic {r.randint(1, 40)}", vin(r, AMBULANCE_WMI), f"EMS {r.randint(100, 999)}", r.randint(60, 290) * 1000))
    lines = "; ".join(f"{u} (VIN {D(v, 'orgveh')}, plate {D(p, 'orgveh')}) {m:,} mi" for u, v, p, m in units)
    agenda = [("Fleet status", lines),
              ("Replacement", f"Two units over 250,000 mi; remount quote ${r.randint(140, 210)},000 each."),
              ("Telematics", "Odometer parsing fixed; PM schedule now driven by engine hours."),
              ("Cleaning", "UV cycle log moved to the fleet app; no paper sheets.")]
    actions = ["Get remount quotes from two vendors", "Retire the oldest unit after remount delivery", "Audit tire replacement records"]
    return meeting(r, lay, "EMS fleet committee", r.randint(4, 6), agenda, actions,
                   "All VINs and plates above are organisation-owned ambulances.")


@T("meeting_notes", "device_recall_task_force", ML)
def t_mt_recall(r, lay):
    model = r.choice(["Assurity MRI PM2272", "MiniMed 780G MMT-1886", "Evera MRI XT VR DVMB1D4"])
    lots = [f"{alnum(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(r, 6)}" for _ in range(3)]
    agenda = [("Scope", f"Advisory covers {D(model, 'model')} lots {', '.join(D(x, 'lot') for x in lots)}. "
                        f"{r.randint(40, 180)} of our patients matched by serial; {r.randint(5, 30)} are 90 years or older."),
              ("Outreach", f"{r.randint(50, 90)}% reached; letters for the rest. Device clinic adds Saturday slots."),
              ("Matching", "Serial match from the implant log is exact; lead serials not in scope."),
              ("Comms", "Script approved by legal; no patient names in e-mail.")]
    actions = ["Send second-round letters", "Report weekly reach rate to CMO", "Close matching ticket"]
    return meeting(r, lay, "Device advisory task force", r.randint(4, 7), agenda, actions)


@T("meeting_notes", "portal_steering_committee", ML)
def t_mt_portal(r, lay):
    agenda = [("Adoption", f"Active accounts {r.randint(48, 71)}% of patients seen in 12 months; proxy accounts up "
                           f"{r.randint(5, 20)}%. Patients aged 90 and older: proxy use is the norm."),
              ("Migration", f"Web tier moves from {srv_ip(r)}/{srv_ip(r)} to the new cluster behind {srv_ip(r)} on the "
                            f"{r.choice(['14th', '21st', '3rd'])}; 20 min read-only window."),
              ("Deep links", "Misdelivery bug fixed; links now require login before showing any name."),
              ("Billing", "Card payments move to the hosted page; no card numbers touch our servers.")]
    actions = ["Confirm downtime message text", "Report proxy-request turnaround", "Close deep-link incident review"]
    return meeting(r, lay, "Patient portal steering committee", r.randint(5, 8), agenda, actions)


@T("meeting_notes", "palmvein_project_kickoff", ML)
def t_mt_bio(r, lay):
    agenda = [("Scope", f"Palm-vein identification at {r.randint(6, 14)} registration sites; enrolment is opt-in."),
              ("Consent", "Biometric consent form (state privacy law) signed before enrolment; revocation deletes the "
                          "template within 30 days."),
              ("Integration", "Kiosk returns the MRN only; the biometric id never leaves the vendor system."),
              ("Metrics", f"Pilot: {r.randint(1200, 5000)} enrolments, false-match rate 0, {r.randint(2, 8)}% re-scan.")]
    actions = ["Legal review of the vendor DPA", "Train registration leads", "Remove PATIENTSECURE ids from outbound HL7"]
    return meeting(r, lay, "Biometric patient ID – kickoff", r.randint(4, 7), agenda, actions)


@T("meeting_notes", "id_scanner_rollout_retro", ML)
def t_mt_scan(r, lay):
    agenda = [("What went well", f"{r.randint(20, 60)} kiosks upgraded in two nights; driver {r.randint(3, 4)}.{r.randint(10, 14)} stable."),
              ("What didn't", "Names with particles or apostrophes were truncated by the old parser; duplicates merged."),
              ("Data", f"Duplicate MRN rate down from {r.randint(8, 15) / 10}% to {r.randint(1, 5) / 10}%."),
              ("Privacy", "Scans are parsed in memory; images are not stored. Debug logging turned off again.")]
    actions = ["Turn off kiosk debug logging everywhere", "Add particle names to the regression set", "Share duplicate trend with HIM"]
    return meeting(r, lay, "ID scanner rollout – retrospective", r.randint(3, 6), agenda, actions)


@T("meeting_notes", "rpm_vendor_review", ML)
def t_mt_rpm(r, lay):
    agenda = [("Devices", f"{r.randint(300, 1500)} cuffs, {r.randint(100, 600)} scales, {r.randint(50, 300)} glucometers "
                          f"in the field; firmware {r.randint(1, 3)}.{r.randint(0, 9)} on {r.randint(80, 99)}%."),
              ("Billing", "16-day threshold for 99454 met by 71% of enrolled patients; 99457 time tracked in the EHR."),
              ("Data flow", "Readings arrive as FHIR Observations; device serial stays in the vendor portal."),
              ("Contract", "Per-device fee drops at 2,000 devices.")]
    actions = ["Chase non-transmitting devices older than 14 days", "Share threshold report with clinics", "Negotiate fee tier"]
    return meeting(r, lay, "Remote patient monitoring – vendor quarterly review", r.randint(4, 6), agenda, actions)


# ---------------------------------------------------------------------------------------------
# CLEAN: validator_diff
# ---------------------------------------------------------------------------------------------
def vdiff(r, lay, title, path, lines, desc, review=None):
    return fhir_pr(r, lay, title, path, lines, desc, review)


@T("validator_diff", "vin_check_digit_py", FL)
def t_vd_vin(r, lay):
    L = [(" ", "import pytest"), (" ", "from subro.vin import is_valid_vin"), (" ", ""),
         (" ", "@pytest.mark.parametrize('vin, ok', ["),
         (" ", "    ('1M8GDM9AXKP042788', True),   # documented example, check digit X"),
         ("+", "    ('1M8GDM9AXKP042789', False),  # last digit changed"),
         ("+", "    ('1M8GDM9AIKP042788', False),  # I is never used"),
         ("+", "    ('11111111111111111', False),  # passes the check digit but is a known filler"),
         ("+", "    ('1M8GDM9AXKP04278', False),   # 16 characters"),
         ("+", "    ('1m8gdm9axkp042788', True),   # case-insensitive"),
         (" ", "])"), (" ", "def test_is_valid_vin(vin, ok):"), (" ", "    assert is_valid_vin(vin) is ok")]
    return vdiff(r, lay, "VIN validator: reject filler VINs, accept lower case", "tests/test_vin.py", L,
                 "Collectors paste VINs from crash reports; lower case and fillers came up in UAT. Only the documented "
                 "example VIN and invented variants in the tests.")


@T("validator_diff", "udi_gs1_parser_ts", FL)
def t_vd_udi(r, lay):
    g1, g2 = test_gtin(r), test_gtin(r)
    bad = g2[:-1] + str((int(g2[-1]) + 3) % 10)
    L = [(" ", "describe('parseGs1Hri', () => {"),
         (" ", "  it('splits GTIN, expiry, lot and serial', () => {"),
         (" ", f"    const u = parseGs1Hri('(01){g1}(17)291231(10)TESTLOT(21)TESTSN01');"),
         (" ", f"    expect(u.gtin).toBe('{g1}');"),
         (" ", "    expect(u.expiry).toBe('2029-12-31');"),
         (" ", "  });"),
         ("+", "  it('accepts a month-only expiry (DD = 00)', () => {"),
         ("+", f"    expect(parseGs1Hri('(01){g2}(17)290400(21)SN-A').expiry).toBe('2029-04-30');"),
         ("+", "  });"),
         ("+", "  it('rejects a bad GTIN check digit', () => {"),
         ("+", f"    expect(() => parseGs1Hri('(01){bad}(21)X')).toThrow(/check digit/);"),
         ("+", "  });"),
         (" ", "});")]
    return vdiff(r, lay, "UDI parser: month-only expiry, check digit errors", "src/udi/__tests__/gs1.test.ts", L,
                 "GTINs use the GS1 example company prefix 0614141; lots and serials are placeholders.")


@T("validator_diff", "npi_luhn_java", FL)
def t_vd_npi(r, lay):
    L = [(" ", "class NpiValidatorTest {"), (" ", "    @Test"), (" ", "    void acceptsDocumentedExample() {"),
         (" ", "        assertTrue(NpiValidator.isValid(\"1234567893\"));"), (" ", "    }"),
         ("+", "    @Test"), ("+", "    void rejectsWrongCheckDigit() {"),
         ("+", "        assertFalse(NpiValidator.isValid(\"1234567890\"));"), ("+", "    }"),
         ("+", "    @Test"), ("+", "    void rejectsNineDigits() {"),
         ("+", "        assertFalse(NpiValidator.isValid(\"123456789\"));"), ("+", "    }"),
         ("-", "    // TODO separators"),
         ("+", "    @Test"), ("+", "    void rejectsLettersAndSeparators() {"),
         ("+", "        assertFalse(NpiValidator.isValid(\"12345-67893\"));"), ("+", "        assertFalse(NpiValidator.isValid(\"123456789X\"));"), ("+", "    }"),
         (" ", "}")]
    return vdiff(r, lay, "NpiValidator: check digit, length and separators", "src/test/java/org/example/npi/NpiValidatorTest.java",
                 L, "Only the CMS-documented example NPI and broken variants of it.")


@T("validator_diff", "ssn_mbi_rules_py", FL)
def t_vd_ssn(r, lay):
    L = [(" ", "INVALID_SSNS = ["), (" ", "    '000-12-3456',  # area 000"), ("+", "    '666-12-3456',  # area 666"),
         ("+", "    '912-34-5678',  # 900-999 are ITINs / never assigned"), ("+", "    '123-00-4567',  # group 00"),
         ("+", "    '123-45-0000',  # serial 0000"), (" ", "]"),
         ("+", "TEST_SSNS = {'123-45-6789', '078-05-1120'}  # advertising / wallet-card values, never valid"),
         (" ", ""), (" ", "VALID_MBIS = ['1EG4-TE5-MK73', '1EG4TE5MK73']  # CMS example"),
         ("+", "INVALID_MBIS = ["), ("+", "    '1SG4-TE5-MK73',  # S is excluded"), ("+", "    '0EG4-TE5-MK73',  # first char 1-9"),
         ("+", "    '1EG4-TE5-MK7',   # 10 chars"), ("+", "]")]
    return vdiff(r, lay, "Identifier rules: SSN area/group/serial and MBI position tests", "tests/rules/test_identifiers.py",
                 L, "Test tables only; every value is a documented example or deliberately invalid.")


@T("validator_diff", "plate_patterns_go", FL)
def t_vd_plate(r, lay):
    L = [(" ", "var platePatterns = map[string]*regexp.Regexp{"),
         (" ", "\t\"CA\": regexp.MustCompile(`^[0-9][A-Z]{3}[0-9]{3}$`),"),
         ("+", "\t\"NY\": regexp.MustCompile(`^[A-Z]{3}-?[0-9]{4}$`),"),
         ("+", "\t\"TX\": regexp.MustCompile(`^[A-Z]{3}-?[0-9]{4}$`),"),
         ("+", "\t\"FL\": regexp.MustCompile(`^[A-Z0-9]{3} ?[A-Z0-9]{3}$`),"),
         (" ", "}"), (" ", ""), (" ", "func TestPlatePatterns(t *testing.T) {"),
         (" ", "\tcases := []struct{ st, plate string; ok bool }{"),
         (" ", "\t\t{\"CA\", \"1ABC234\", true},"), ("+", "\t\t{\"NY\", \"ABC-1234\", true},"),
         ("+", "\t\t{\"NY\", \"AB-1234\", false},"), ("+", "\t\t{\"TX\", \"XYZ9999\", true},"),
         ("+", "\t\t{\"FL\", \"ABC D12\", true},"), (" ", "\t}")]
    return vdiff(r, lay, "Plate patterns for NY, TX, FL", "internal/plates/patterns_test.go", L,
                 "Placeholder plates (ABC/XYZ sequences) only.")


@T("validator_diff", "ip_anonymizer_py", FL)
def t_vd_ip(r, lay):
    L = [(" ", "def test_truncates_ipv4_to_24():"), (" ", "    assert anonymize('192.0.2.55') == '192.0.2.0'"),
         ("+", "    assert anonymize('198.51.100.201') == '198.51.100.0'"),
         ("+", "    assert anonymize('203.0.113.9') == '203.0.113.0'"),
         (" ", ""), ("+", "def test_truncates_ipv6_to_48():"),
         ("+", "    assert anonymize('2001:db8:85a3:8d3:1319:8a2e:370:7348') == '2001:db8:85a3::'"),
         (" ", ""), (" ", "def test_keeps_private_server_addresses():"),
         (" ", "    assert anonymize('10.20.30.40', keep_private=True) == '10.20.30.40'")]
    return vdiff(r, lay, "IP anonymizer: IPv6 /48 truncation", "portal/audit/tests/test_anonymize.py", L,
                 "Addresses are from the RFC 5737 / RFC 3849 documentation ranges and RFC 1918 space.")


@T("validator_diff", "driver_licence_formats_yaml", FL)
def t_vd_dl(r, lay):
    L = [(" ", "driver_license_formats:"), (" ", "  CA: {pattern: '^[A-Z][0-9]{7}$', example: 'A0000000'}"),
         ("+", "  NY: {pattern: '^[0-9]{9}$', example: '000000000'}"),
         ("+", "  FL: {pattern: '^[A-Z][0-9]{12}$', example: 'A000000000000'}"),
         ("+", "  WA: {pattern: '^WDL[A-Z0-9]{9}$', example: 'WDL000000000'}"),
         ("-", "  TX: {pattern: '^[0-9]{8}$'}"), ("+", "  TX: {pattern: '^[0-9]{8}$', example: '00000000'}"),
         (" ", "id_scan:"), ("+", "  store_images: false"), ("+", "  log_parsed_fields: false  # was true in debug builds")]
    return vdiff(r, lay, "ID scan: licence formats per state, stop logging parsed fields",
                 "config/registration/id-formats.yaml", L, "Examples are all-zero placeholders.")


@T("validator_diff", "nanp_fax_normalizer_kt", FL)
def t_vd_phone(r, lay):
    L = [(" ", "class NanpNormalizerTest {"), (" ", "    @Test fun formatsTenDigits() {"),
         (" ", "        assertEquals(\"+12025550173\", normalize(\"(202) 555-0173\"))"), (" ", "    }"),
         ("+", "    @Test fun rejectsAreaCodeStartingWithZeroOrOne() {"),
         ("+", "        assertNull(normalize(\"(102) 555-0100\"))"), ("+", "        assertNull(normalize(\"055-555-0100\"))"),
         ("+", "    }"), ("+", "    @Test fun faxUsesSameRules() {"),
         ("+", "        assertEquals(\"+16175550142\", normalizeFax(\"Fax: 617.555.0142\"))"), ("+", "    }"), (" ", "}")]
    return vdiff(r, lay, "NANP normalizer: area-code rules, fax labels", "app/src/test/kotlin/NanpNormalizerTest.kt", L,
                 "Only 555-01xx fictional numbers.")


# ---------------------------------------------------------------------------------------------
# CLEAN: release_notes
# ---------------------------------------------------------------------------------------------
RL = ["md", "conf_wiki", "plain"]


def relnotes(r, lay, product, sections, footer=""):
    ver = f"{r.randint(1, 26)}.{r.randint(0, 12)}.{r.randint(0, 30)}"
    build = f"{r.randint(1000, 9999)}.{hexid(r, 7)}"
    d = rdate(r, 2026, 2026)
    if lay == "md":
        out = f"# {product} {ver}\n_Released {d.isoformat()} · build {build}_\n\n"
        out += "\n\n".join(f"## {h}\n" + "\n".join(f"- {b}" for b in bl) for h, bl in sections)
    elif lay == "conf_wiki":
        out = f"h1. {product} {ver}\n{{info}}Released {d.isoformat()}, build {build}{{info}}\n\n"
        out += "\n\n".join(f"h2. {h}\n" + "\n".join(f"* {b}" for b in bl) for h, bl in sections)
    else:
        out = f"{product} - Release {ver} ({fd(d, 'long')})\nBuild: {build}\n\n"
        out += "\n\n".join(f"{h.upper()}\n" + "\n".join(f"  * {b}" for b in bl) for h, bl in sections)
    return out + (f"\n\n{footer}" if footer else "")


@T("release_notes", "device_integration_engine", RL)
def t_rn_dev(r, lay):
    ips = [srv_ip(r) for _ in range(3)]
    secs = [("New", [f"Driver for {D(r.choice(['Philips IntelliVue MX850', 'GE CARESCAPE B850', 'Mindray BeneVision N17']), 'model')} "
                     f"firmware {r.randint(3, 5)}.{r.randint(0, 9)}", "OBX-18 equipment instance now keeps the namespace component",
                     f"PRT segment (v2.8.2) emitted for device association"]),
            ("Fixed", ["NPE when OBX-18 has one component", "Duplicate alarms after gateway failover"]),
            ("Deployment", [f"Primary gateway {ips[0]}:6661, secondary {ips[1]}:6661, admin UI https://{ips[2]}:8443",
                            "Restart required; queued messages are replayed from disk"])]
    return relnotes(r, lay, "Device Integration Gateway", secs, "Contact the integration team channel for rollout windows.")


@T("release_notes", "patient_portal_release", RL)
def t_rn_portal(r, lay):
    secs = [("Features", ["Proxy request form for adult children of patients aged 90 and older (policy unchanged)",
                          "Results page loads 50 observations at a time", "Hosted card payment page (PCI scope reduced)"]),
            ("Security", ["Deep links require authentication before any name or result is shown",
                          "Failed-login lockout after 5 attempts per 15 min, by account and by source address",
                          f"Audit IPs truncated to /24 after 90 days"]),
            ("Infrastructure", [f"Web nodes {srv_ip(r)}, {srv_ip(r)}; API {srv_ip(r)}:8443", "TLS 1.3 only"])]
    return relnotes(r, lay, "MyHealth Patient Portal", secs)


@T("release_notes", "telehealth_platform_release", RL)
def t_rn_tele(r, lay):
    turn = [srv_ip(r) for _ in range(3)]
    secs = [("Media", [f"TURN relays {turn[0]}, {turn[1]}, {turn[2]} on 3478/udp and 443/tcp",
                       "Opus FEC enabled for audio-only fallback", "Simulcast off for group visits under 3 participants"]),
            ("Clinic side", ["Waiting room shows interpreter status", "Provider can resend the join link by SMS"]),
            ("Known issues", ["Safari 16 on iPad needs camera permission re-grant after update"])]
    return relnotes(r, lay, "Virtual Visit Platform", secs)


@T("release_notes", "pump_management_software", RL)
def t_rn_pump(r, lay):
    lot = f"SW-{r.randint(24, 26)}-{r.randint(100, 999)}"
    secs = [("Summary", [f"Software lot {D(lot, 'lot')} for the clinic download station",
                         f"Supports {D('t:slim X2', 'model')} firmware 7.{r.randint(6, 9)} and {D('Mobi', 'model')} 1.{r.randint(1, 4)}",
                         "Reports: time-in-range with 14/30/90-day windows"]),
            ("Fixes", ["Upload stalled at 99% for pumps with more than 90 days of history",
                       "CSV export used the workstation's locale for decimals"]),
            ("Install", ["MSI for Windows 10/11, per-machine", "Uninstall the previous lot first"])]
    return relnotes(r, lay, "Pump Data Station", secs)


@T("release_notes", "id_scanner_driver_release", RL)
def t_rn_scan(r, lay):
    secs = [("Parsing", ["AAMVA 2016 and 2020 card designs", "Family names with spaces, particles and apostrophes are kept whole",
                         "DAQ with separators normalised (spaces and dashes removed)"]),
            ("Privacy", ["Images are not written to disk; parsed fields are logged only when DEBUG is set",
                         f"Sample card in the demo app: A0000000 / {D('ZZTEST SAMPLE', 'testname')}"]),
            ("Compatibility", ["Windows 11 23H2, kiosk mode", "USB HID and virtual COM"])]
    return relnotes(r, lay, "Registration ID Scanner Driver", secs)


@T("release_notes", "fleet_app_release", RL)
def t_rn_fleet(r, lay):
    v1 = vin(r, AMBULANCE_WMI)
    secs = [("New", ["Odometer accepted as decimal miles", "PM schedules by engine hours",
                     f"Unit detail page shows VIN and plate (example: Medic {r.randint(1, 40)} – {D(v1, 'orgveh')})"]),
            ("Fixed", ["Telematics listener crash on string odometer", "Duplicate fuel transactions from the card feed"]),
            ("Admin", [f"Ingest node {srv_ip(r)}; Kafka topic fleet.telemetry.v2"])]
    return relnotes(r, lay, "EMS Fleet Manager", secs, "VINs shown are organisation-owned ambulances.")


@T("release_notes", "pacs_dicom_configuration", RL)
def t_rn_pacs(r, lay):
    ips = [srv_ip(r) for _ in range(3)]
    secs = [("Archive nodes", [f"PACS_ARCH {ips[0]}:11112", f"PACS_QR {ips[1]}:11112", f"MWL_BROKER {ips[2]}:104"]),
            ("Changes", ["Modality AE titles re-registered after the network refresh",
                         "C-FIND returns (0010,0010) in the character set of the study",
                         "Phantom QA study: (0010,0010) PN [ANONYMOUS^PHANTOM], (0010,1010) AS [090Y]"]),
            ("Rollback", ["Keep the old AE entries disabled, not deleted, for 30 days"])]
    return relnotes(r, lay, "PACS / DICOM configuration", secs)


@T("release_notes", "hearing_fitting_software", RL)
def t_rn_hear(r, lay):
    secs = [("Devices", [f"Supports {D(r.choice(['Oticon Intent', 'Phonak Lumity', 'ReSound Nexia']), 'model')} firmware "
                         f"{r.randint(1, 3)}.{r.randint(0, 9)}", "Remote fine-tuning sessions up to 45 min"]),
            ("Fitting", ["NAL-NL2 and DSL v5 targets updated", "Real-ear measurement import from the verifier"]),
            ("Data", ["NOAH 4 module; client data stays in the clinic database",
                      "Serial numbers are read from the aid at connect; no manual entry"])]
    return relnotes(r, lay, "Audiology Fitting Suite", secs)


# ---------------------------------------------------------------------------------------------
# CLEAN: clinical_rule
# ---------------------------------------------------------------------------------------------
RUL = ["conf_wiki", "md", "html"]


def rule_page(r, lay, title, purpose, headers, rows, notes):
    owner = staff(r, doctor=True)
    rev = rdate(r, 2025, 2026)
    tl = {"conf_wiki": "conf_wiki", "md": "conf_md", "html": "html"}[lay]
    if lay == "conf_wiki":
        out = f"h1. {title}\n{{panel:title=Purpose}}{purpose}{{panel}}\n\n{table(tl, headers, rows)}\n\nh3. Notes\n"
        out += "\n".join(f"# {n}" for n in notes)
    elif lay == "md":
        out = f"# {title}\n\n**Purpose.** {purpose}\n\n{table(tl, headers, rows)}\n\n### Notes\n"
        out += "\n".join(f"{i}. {n}" for i, n in enumerate(notes, 1))
    else:
        out = f"<h1>{title}</h1>\n<p><strong>Purpose.</strong> {purpose}</p>\n{table(tl, headers, rows)}\n<ol>\n"
        out += "\n".join(f"<li>{n}</li>" for n in notes) + "\n</ol>"
    return out + f"\n\nRule owner: {D(owner, 'staff')} · last clinical review {rev.isoformat()}"


@T("clinical_rule", "mri_implant_safety", RUL)
def t_ru_mri(r, lay):
    rows = [[D("Azure XT DR MRI W1DR01", "model"), "MR Conditional", "1.5T / 3T", "full body SAR ≤ 2.0 W/kg", "SureScan mode on"],
            [D("Assurity MRI PM2272", "model"), "MR Conditional", "1.5T / 3T", "B1+rms ≤ 2.8 µT", "MRI Settings on"],
            [D("Nucleus CI612", "model"), "MR Conditional", "1.5T / 3T", "magnet removal or head wrap", "audiology consult"],
            [D("t:slim X2", "model"), "MR Unsafe", "–", "remove pump and CGM before entering Zone IV", "–"]]
    r.shuffle(rows)
    notes = ["The implant log or the patient's device card identifies the model; the serial is not needed for this check.",
             "Abandoned leads: radiology attending decides case by case.",
             "Cardiology must program the device before and after the scan; rhythm monitoring during the scan."]
    return rule_page(r, lay, "MRI safety – active implants", "Screening rule for patients with implanted or body-worn devices.",
                     ["Model", "Status", "Field", "Conditions", "Before scan"], rows, notes)


@T("clinical_rule", "driving_after_seizure", RUL)
def t_ru_seizure(r, lay):
    states = r.sample([("CA", "3 months", "physician reporting required"), ("NY", "12 months", "voluntary"),
                       ("TX", "6 months", "voluntary"), ("FL", "2 years (1 with board review)", "voluntary"),
                       ("MA", "6 months", "voluntary"), ("PA", "6 months", "physician reporting required"),
                       ("NJ", "6 months", "physician reporting required"), ("AZ", "3 months", "voluntary")], 5)
    rows = [[D(s, "state"), t, rep] for s, t, rep in states]
    notes = ["Counsel every patient after a first unprovoked seizure; document the counselling, not the state rule.",
             "Commercial drivers follow federal rules (seizure-free 10 years off medication for epilepsy).",
             "Patients 90 years and older: same interval; add a general fitness-to-drive review."]
    return rule_page(r, lay, "Driving after a seizure – state summary",
                     "Quick reference for neurology and ED discharge counselling.", ["State", "Seizure-free interval", "Reporting"],
                     rows, notes)


@T("clinical_rule", "safe_harbor_ages_dates", RUL)
def t_ru_age(r, lay):
    rows = [["Age 0–89", "keep as is", "e.g. 47"], ["Age 90 or older", "collapse to \"90+\"", "91 → 90+"],
            ["Birth date", "year only; drop if age ≥ 90", "1961-05-03 → 1961"],
            ["Admission / discharge / death dates", "year only", "2026-03-14 → 2026"],
            ["ZIP code", "first 3 digits if the 3-digit area has > 20,000 people, else 000", "021xx → 021"],
            ["Device serial, VIN, plate, IP", "remove", "–"]]
    notes = ["Applies to every extract leaving the covered entity without an IRB waiver.",
             "Population statistics such as \"patients aged 90 and older\" are not identifiers.",
             "Free text must be reviewed; the export tool does not scan notes."]
    return rule_page(r, lay, "De-identification – Safe Harbor ages, dates and ZIPs", "How the analytics export treats each field.",
                     ["Field", "Rule", "Example"], rows, notes)


@T("clinical_rule", "cgm_inpatient_use", RUL)
def t_ru_cgm(r, lay):
    rows = [["Patient-owned CGM", "may continue if patient/family can manage it", "confirm with POC glucose before insulin dosing"],
            ["Hypoglycemia < 70 on CGM", "confirm with fingerstick", "treat per hypoglycemia protocol"],
            ["CT / MRI / diathermy", "remove sensor and transmitter", "reapply afterwards"],
            ["ICU, vasopressors, hypoperfusion", "CGM not used for dosing", "POC/lab only"]]
    notes = ["CGM values are not filed to the flowsheet (device data stays on the patient's receiver).",
             "Pumps: see the insulin pump policy; the pump team is on the directory page."]
    return rule_page(r, lay, "Continuous glucose monitors in the hospital", "When CGM readings may guide treatment.",
                     ["Situation", "Rule", "Action"], rows, notes)


@T("clinical_rule", "implant_udi_capture", RUL)
def t_ru_udi(r, lay):
    g = test_gtin(r)
    rows = [["(01) GTIN", "14 digits, check digit", f"{g} (GS1 example prefix)"], ["(17) Expiry", "YYMMDD, DD may be 00", "291231"],
            ["(10) Lot", "up to 20 characters", "TESTLOT"], ["(21) Serial", "up to 20 characters", "TESTSN01"],
            ["HIBCC", "+ prefix, / separator", "+A123BJC5D6E71G/$$3291231TESTLOT"]]
    notes = ["Scan the box, not the device; hand entry only when the scanner fails.",
             "Serial and lot are mandatory for implants so recall matching works.",
             "Explants: record the explanted serial and the credit (FB/FC) decision."]
    return rule_page(r, lay, "Implant documentation – UDI capture", "Which UDI parts the implant log requires.",
                     ["Element", "Format", "Example"], rows, notes)


@T("clinical_rule", "mvc_trauma_activation", RUL)
def t_ru_trauma(r, lay):
    rows = [["Highest", "GCS ≤ 8, SBP < 90, airway compromise, penetrating torso injury"],
            ["Full", "Ejection, death in same passenger compartment, intrusion > 12 in occupant site"],
            ["Partial", "Rollover, speed > 40 mph, pedestrian struck > 20 mph, motorcycle crash > 20 mph"],
            ["Consider", "Age ≥ 65 with any of the above, anticoagulated head injury, pregnancy > 20 weeks"]]
    notes = ["Adults 90 and older on anticoagulants: low threshold for head CT even without loss of consciousness.",
             "Vehicle details (VIN, plate) are not needed by the trauma team; registration collects them for billing.",
             "EMS report mechanism in the pre-arrival call."]
    return rule_page(r, lay, "Trauma activation – motor vehicle crashes", "Criteria used by the ED charge nurse.",
                     ["Level", "Criteria"], rows, notes)


@T("clinical_rule", "biometric_consent_rule", RUL)
def t_ru_bio(r, lay):
    rows = [["Consent", "written, before enrolment", "form REG-27"], ["Retention", "delete template 30 days after last visit or revocation", "vendor job"],
            ["Minors", "guardian consent; re-consent at 18", "registration lead"],
            ["Disclosure", "never sold or shared; not sent in HL7", "integration team"]]
    notes = ["The biometric id is a vendor reference, not a medical record number.",
             "Patients may always identify with a photo ID instead."]
    return rule_page(r, lay, "Biometric identification – consent and retention", "State biometric privacy requirements as applied to palm-vein ID.",
                     ["Topic", "Rule", "Owner"], rows, notes)


@T("clinical_rule", "dme_replacement_rules", RUL)
def t_ru_dme(r, lay):
    rows = [[D("E0601", "cpt"), "CPAP device", "capped rental, 13 months", "5 years"],
            [D("E1390", "cpt"), "Oxygen concentrator", "36-month rental cap", "5 years"],
            [D("K0001", "cpt"), "Standard wheelchair", "capped rental", "5 years"],
            [D("E0784", "cpt"), "External insulin pump", "capped rental", "5 years (warranty 4)"]]
    notes = ["Replacement before the reasonable useful lifetime needs proof of loss, theft or irreparable damage.",
             "The device serial goes on the claim line note (payer edit since this year)."]
    return rule_page(r, lay, "DME – rental caps and replacement", "Billing rule reference for home medical equipment.",
                     ["HCPCS", "Item", "Payment", "Useful lifetime"], rows, notes)


# ---------------------------------------------------------------------------------------------
# CLEAN: oncall_directory
# ---------------------------------------------------------------------------------------------
OL = ["conf_wiki", "conf_md", "excel", "yaml"]


def directory(r, lay, title, headers, rows, note=""):
    if lay == "yaml":
        out = f"# {title}\nentries:\n"
        for row in rows:
            out += "  - " + "\n    ".join(f"{h.lower().replace(' ', '_').replace('/', '_')}: \"{c}\"" for h, c in zip(headers, row)) + "\n"
        return out + (f"# {note}" if note else "")
    tl = {"conf_wiki": "conf_wiki", "conf_md": "conf_md", "excel": "excel"}[lay]
    head = {"conf_wiki": f"h2. {title}\n", "conf_md": f"## {title}\n\n", "excel": f"{title}\n"}[lay]
    return head + table(tl, headers, rows) + (f"\n\n{note}" if note else "")


def wcell(r):
    return D(org_phone(r, same_exchange=False), "contact")


def pager(r):
    return D(f"{r.randint(200, 999)}-{r.randint(1000, 9999)}", "contact")


@T("oncall_directory", "device_clinic_oncall", OL)
def t_oc_device(r, lay):
    rows = []
    roles = ["EP attending", "Device clinic RN", "Device clinic RN (weekend)", "Vendor rep – Medtronic", "Vendor rep – Abbott"]
    docs_, others = staff(r, 1, doctor=True), staff(r, 4, doctor=False)
    for role, who in zip(roles, [docs_] + others):
        rows.append([role, D(who, "staff"), wcell(r), pager(r) if "rep" not in role else "–"])
    return directory(r, lay, "Device clinic – on call this week", ["Role", "Name", "Work cell", "Pager"], rows,
                     f"Device clinic fax: {D(org_phone(r), 'orgfax')}. Remote monitoring alerts go to the shared inbox.")


@T("oncall_directory", "telehealth_support_oncall", OL)
def t_oc_tele(r, lay):
    rows = [[tier, D(who, "staff"), wcell(r), D(f"x{r.randint(4000, 7999)}", "contact")]
            for tier, who in zip(["Tier 1 (patient join help)", "Tier 2 (platform)", "Network", "Manager on call"],
                                 staff(r, 4, doctor=False))]
    return directory(r, lay, "Virtual visit support rotation", ["Tier", "Name", "Cell", "Ext"], rows,
                     f"Patient help line (published): {D(org_phone(r), 'contact')}. Bridge for outages: +1 646 558 8656, "
                     f"meeting {r.randint(900, 999)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}.")


@T("oncall_directory", "him_fax_directory", OL)
def t_oc_fax(r, lay):
    rows = [[dept, D(org_phone(r), "orgfax"), D(org_phone(r), "contact"), D(f"{dept.split()[0].lower()}@{org(r)[1]}", "contact")]
            for dept in ["Release of Information", "Birth Registration", "Decedent Affairs", "Coding", "Chart Correction"]]
    return directory(r, lay, "HIM departments – fax and phone", ["Department", "Fax", "Phone", "Mailbox"], rows,
                     "Department faxes only; never enter a patient's personal fax here.")


@T("oncall_directory", "ems_dispatch_directory", OL)
def t_oc_ems(r, lay):
    rows = [[f"Medic {u}", D(f"EMS {r.randint(100, 999)}", "orgveh"), r.choice(["Station 1", "Station 3", "Station 7"]),
             D(who, "staff"), wcell(r)] for u, who in zip(sorted(r.sample(range(1, 41), 4)), staff(r, 4, doctor=False))]
    return directory(r, lay, "EMS units and crew leads", ["Unit", "Plate", "Base", "Crew lead", "Unit phone"], rows,
                     "Plates are the organisation's ambulances. Dispatch: radio channel 4.")


@T("oncall_directory", "portal_pagerduty", OL)
def t_oc_pd(r, lay):
    crew = staff(r, 5, doctor=False)
    rows = [[wk, D(crew[i], "staff"), D(crew[(i + 1) % 5], "staff"), wcell(r)]
            for i, wk in enumerate(["week 1", "week 2", "week 3", "week 4"])]
    return directory(r, lay, "Portal + telehealth escalation (PagerDuty: portal-prod)", ["Week", "Primary", "Secondary", "Primary cell"], rows,
                     f"Escalation after 15 min to the platform manager. Status page: https://status.{org(r)[1]}")


@T("oncall_directory", "audiology_dme_directory", OL)
def t_oc_aud(r, lay):
    rows = [[svc, D(who, "staff"), D(org_phone(r), "contact"), D(org_phone(r), "orgfax")]
            for svc, who in zip(["Audiology front desk", "Hearing aid repairs", "HME intake", "Oxygen after-hours",
                                 "Wheelchair seating clinic"], staff(r, 5, doctor=False))]
    return directory(r, lay, "Audiology and home equipment contacts", ["Service", "Lead", "Phone", "Fax"], rows)


@T("oncall_directory", "ed_trauma_oncall", OL)
def t_oc_trauma(r, lay):
    rows = [[svc, D(who, "staff"), pager(r), D(f"Vocera: {svc.split()[0]} on call", "contact")]
            for svc, who in zip(["Trauma surgery", "Neurosurgery", "Orthopedics", "Interventional radiology", "Anesthesia"],
                                staff(r, 5, doctor=True))]
    return directory(r, lay, f"Trauma call – {fd(rdate(r, 2026, 2026), 'long')}", ["Service", "Attending", "Pager", "Vocera"], rows,
                     "Activation: overhead page plus group text. Registrars collect crash details for billing, not the team.")


@T("oncall_directory", "biomed_oncall", OL)
def t_oc_biomed(r, lay):
    rows = [[area, D(who, "staff"), wcell(r), f"CMMS queue {area.split()[0].upper()}"]
            for area, who in zip(["Imaging equipment", "Patient monitoring", "Infusion pumps", "Sterile processing", "Dialysis"],
                                 staff(r, 5, doctor=False))]
    return directory(r, lay, "Clinical engineering – after-hours", ["Area", "Technician", "Cell", "Work order queue"], rows,
                     f"Asset tags (e.g. {D('BME-' + digits(r, 6), 'orgdev')}) identify our equipment; patient-owned devices go to the clinic.")


# ---------------------------------------------------------------------------------------------
# PHI, ordinary: everyday identifiers only (names, dates, MRNs, phones, addresses, member ids)
# ---------------------------------------------------------------------------------------------
@T("jira_hl7", "adt_a01_bed_mapping", JL, ordinary=True)
def t_jira_a01(r, lay):
    pt = person(r)
    dob = rdate(r, 1938, 2005)
    ad = Addr(r)
    mr = mrn(r)
    adm = rdate(r, 2026, 2026)
    ev = hl7ts(r, adm)
    nk = relative(r, pt, same_family=r.random() < 0.7)
    payer, mid = member(r)
    dx = r.choice([("I50.23", "Acute on chronic systolic heart failure"), ("J18.9", "Pneumonia, unspecified"),
                   ("N17.9", "Acute kidney failure"), ("K85.90", "Acute pancreatitis")])
    unit, room = r.choice(["5N", "6E", "7W", "3S"]), r.randint(1, 40)
    msg = "\n".join([
        msh(r, "ADT^A01^ADT_A01", when=ev), evn(r, "A01"),
        pid(r, pt, mr, fd(dob, "hl7"), ad, xtn(r), acctv=digits(r, 9)),
        seg("NK1", {1: "1", 2: P(nk.hl7(), "name"), 3: nk1_rel(r, nk), 5: xtn(r, "PRN", "CP")}),
        seg("PV1", {1: "1", 2: "I", 3: f"{unit}^{unit}{room:02d}^A^MAIN", 4: "E",
                    7: f"{D(digits(r, 10), 'npi')}^{D('Ferraro^Julian', 'staff')}", 10: "MED", 44: P(ev[:12], "date")}),
        f"DG1|1||{D(dx[0], 'icd')}^{D(dx[1], 'cond')}^I10||{P(fd(adm, 'hl7'), 'date')}|A",
        in1(r, payer, mid, grp=group_no(r)),
    ])
    out = jira_head(r, lay, pkey(r, "ADT"), f"Bed {unit}{room:02d}-A shows as {unit}-{room:02d} in the bed board after A01")
    out += "\n" + jira_h(lay, "Description") + "\n"
    out += (f"Admissions to the renumbered {unit} rooms file to a non-existent bed in the bed board, so the "
            f"patient shows as unassigned and transport can't find them. PV1-3 from the feed:\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += (f"Bed board expected {unit}{room:02d}-A. The patient ({P(pt.lf(), 'name')}) was placed manually at "
            f"{r.randint(1, 11)}:{r.randint(10, 59)}.\n\n")
    out += jira_comment(r, lay, staff(r, doctor=False), "Room-number translation table still has the pre-renumbering "
                        "values. Reloaded it from the facilities list; replaying today's A01/A02.")
    return out


@T("jira_hl7", "oru_chemistry_units", JL, ordinary=True)
def t_jira_oru(r, lay):
    pt = person(r)
    dob = rdate(r, 1940, 2010)
    mr = mrn(r)
    col = rdate(r, 2026, 2026)
    ct = col.strftime("%Y%m%d") + f"{r.randint(5, 9):02d}{r.randint(0, 59):02d}"
    tests = r.sample([("2345-7", "Glucose", "mg/dL", (70, 99)), ("2160-0", "Creatinine", "mg/dL", (0.6, 1.3)),
                      ("2823-3", "Potassium", "mmol/L", (3.5, 5.1)), ("2951-2", "Sodium", "mmol/L", (135, 145)),
                      ("17861-6", "Calcium", "mg/dL", (8.6, 10.3))], 4)
    obx = []
    for i, (lo, nm, u, (a, b)) in enumerate(tests, 1):
        v = round(r.uniform(a * 0.8, b * 1.3), 1)
        obx.append(f"OBX|{i}|NM|{lo}^{nm}^LN||{v}|{u if i != 2 else u.replace('mg/dL', 'mg/dl')}|{a}-{b}|{'H' if v > b else 'L' if v < a else 'N'}|||F|||{P(ct, 'date')}")
    msg = "\n".join([msh(r, "ORU^R01^ORU_R01", "SUNQUEST", "EPIC", when=hl7ts(r, col)), pid(r, pt, mr, fd(dob, "hl7"), Addr(r), xtn(r)),
                     f"OBR|1|{D(digits(r, 9), 'order')}|{D(alnum(r, 10), 'order')}|BMP^Basic metabolic panel^L|||{P(ct, 'date')}"] + obx)
    out = jira_head(r, lay, pkey(r, "LABINT"), "Lower-case unit 'mg/dl' breaks the flowsheet unit match")
    out += "\n" + jira_h(lay, "Problem") + "\n"
    out += ("After the LIS upgrade some OBX-6 values arrive in lower case and the result lands as text "
            "instead of a number, so trending breaks. Example:\n\n")
    out += jira_code(lay, msg) + "\n\n"
    out += jira_comment(r, lay, staff(r, doctor=False), "Unit map made case-insensitive in the interface; "
                        "resent the last 24h of BMPs for the affected units.")
    return out


@T("jira_hl7", "siu_s12_timezone", JL, ordinary=True)
def t_jira_siu(r, lay):
    pt = person(r)
    dob = rdate(r, 1945, 2015)
    mr = mrn(r)
    ap = rdate(r, 2026, 2026)
    h = r.randint(8, 15)
    st = f"{ap.strftime('%Y%m%d')}{h:02d}{r.choice(['00', '15', '30', '45'])}"
    prov = staff(r, doctor=True)
    msg = "\n".join([msh(r, "SIU^S12^SIU_S12", "CADENCE", "KIOSK"),
                     f"SCH|{D(digits(r, 8), 'order')}||||||{r.choice(['FOLLOW UP', 'NEW PATIENT', 'ANNUAL'])}|||30|MIN|^^30^{P(st, 'date')}",
                     pid(r, pt, mr, fd(dob, "hl7"), Addr(r), xtn(r)),
                     f"AIP|1||{D(digits(r, 10), 'npi')}^{D(prov.replace('Dr. ', '').split()[-1].upper(), 'staff')}|ATT"])
    out = jira_head(r, lay, pkey(r, "SCHED"), "Check-in kiosk shows appointments one hour late after the DST change")
    out += "\n" + jira_h(lay, "Description") + "\n"
    out += (f"The kiosk vendor treats TQ1/SCH start times as UTC-5 year-round. Since the clock change, "
            f"patients are told they are early. Example S12:\n\n{jira_code(lay, msg)}\n\n"
            f"The patient ({P(pt.full(), 'name')}) arrived at {h}:00 for a {h}:00 visit and was told {h + 1}:00.\n\n")
    out += jira_comment(r, lay, staff(r, doctor=False), "Sending the offset in SCH-11 start (TS with zone) fixes "
                        "it; vendor confirmed they honour the offset when present.")
    return out


@T("confluence_table", "ed_boarding_census", CL, ordinary=True)
def t_conf_census(r, lay):
    ppl = distinct_people(r, r.randint(4, 7))
    rows = []
    for p in ppl:
        age = r.choice([r.randint(19, 88), r.randint(19, 88), r.randint(90, 99)])
        dob = dob_for_age(r, age)
        arr = rdate(r, 2026, 2026)
        rows.append([f"ED-{r.randint(1, 40)}", name_cell(r, p, r.choice([0, 2])), P(mrn(r), "mrn"),
                     age_cell(r, age), P(fd(dob, "us"), "date"),
                     P(fd(arr, "us"), "date") + f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                     D(r.choice(CONDS), "cond"), r.choice(["awaiting tele bed", "awaiting psych placement", "admit - no bed", "obs"]),
                     D(staff(r, doctor=True), "staff")])
    return conf_page(r, lay, "ED boarders – huddle list", "Boarders over 4 h. Updated before each bed huddle (0800/1400/2000).",
                     ["Bed", "Patient", "MRN", "Age", "DOB", "Arrived", "Problem", "Status", "Admitting"], rows, "", "ed-huddle")


@T("confluence_table", "no_show_outreach", CL, ordinary=True)
def t_conf_noshow(r, lay):
    ppl = distinct_people(r, r.randint(4, 6))
    rows = []
    wk = rdate(r, 2026, 2026)
    wk -= dt.timedelta(days=wk.weekday())
    for p in ppl:
        rows.append([name_cell(r, p, r.choice([0, 1])), P(fd(rdate(r, 1950, 2012), "usn"), "date"),
                     P(phone(r, r.choice([0, 1, 2])), "phone"), P(fd(wk + dt.timedelta(days=r.randint(0, 4)), "usn"), "date"),
                     r.choice(["Cardiology", "Endocrine", "Pediatrics", "Ortho", "Neurology"]),
                     r.choice(["rescheduled", "no answer x2", "wrong number", "declined", "letter sent"])])
    return conf_page(r, lay, "Missed appointment call list", "Patients who missed a visit last week. Call twice, then send the letter.",
                     ["Patient", "DOB", "Phone", "Missed visit", "Clinic", "Result"], rows, "", "access-center")


@T("confluence_table", "duplicate_mrn_merge_log", CL, ordinary=True)
def t_conf_dupes(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    rows = []
    for p in ppl:
        ad = Addr(r)
        rows.append([name_cell(r, p, r.choice([0, 2])), P(mrn(r, "E7"), "mrn"), P(mrn(r, "E7"), "mrn"),
                     P(fd(rdate(r, 1940, 2015), "iso"), "date"), f"{P(ad.line(), 'addr')}, {P(ad.city, 'city')} {P(ad.zip, 'zip')}",
                     r.choice(["merged", "not a duplicate (twins)", "pending HIM review", "merged - encounters moved"]),
                     D(staff(r, doctor=False), "staff")])
    return conf_page(r, lay, "Duplicate MRN merges – this week", "Pairs from the EMPI task list. Survivor MRN first.",
                     ["Patient", "Survivor MRN", "Retired MRN", "DOB", "Address", "Outcome", "Analyst"], rows, "", "him-dq")


@T("support_ticket", "adolescent_proxy_request", TL, ordinary=True)
def t_tk_proxy(r, lay):
    teen = person(r)
    par = relative(r, teen, sex=r.choice("MF"))
    dob = rdate(r, 2009, 2013)
    em = pemail(r, par)
    desc = (f"{'Father' if par.sex == 'M' else 'Mother'} {P(par.full(), 'name')} asks for full proxy access to "
            f"{P(teen.full(), 'name')} (DOB {P(fd(dob, 'us'), 'date')}, MRN {P(mrn(r), 'mrn')}). Portal shows "
            f"\"limited proxy\" since the patient turned 12. Parent e-mail {P(em, 'email')}, phone {P(phone(r), 'phone')}.")
    notes = [(staff(r, doctor=False), "Explained the adolescent confidentiality policy; limited proxy is expected. "
                                      "Offered the clinic form if the patient agrees to share more."),
             (staff(r, doctor=False), "Parent understood; no change. Closing.")]
    return ticket(r, lay, "Parent proxy limited after 12th birthday", [("Caller", P(par.full(), "name")),
                  ("Category", "Portal / proxy access")], desc, notes)


@T("support_ticket", "result_filed_to_wrong_patient", TL, ordinary=True)
def t_tk_wrongpt(r, lay):
    a, b = distinct_people(r, 2)
    d = rdate(r, 2026, 2026)
    desc = (f"The {r.choice(['CT chest', 'CBC', 'echo report', 'MRI lumbar spine'])} from {P(fd(d, 'us'), 'date')} for "
            f"{P(a.lf(), 'name')} (MRN {P(mrn(r), 'mrn')}, DOB {P(fd(rdate(r, 1940, 2000), 'us'), 'date')}) filed to "
            f"{P(b.lf(), 'name')} (MRN {P(mrn(r), 'mrn')}, DOB {P(fd(rdate(r, 1940, 2000), 'us'), 'date')}). Both were "
            f"checked in at the same time and the tech picked the wrong row in the worklist. Needs to be moved and the ordering "
            f"provider told.")
    notes = [(staff(r, doctor=False), "Result moved by HIM; audit shows the wrong order was selected at scan time."),
             (staff(r, doctor=False), "Safety event filed. Ordering provider notified.")]
    return ticket(r, lay, "Result filed to the wrong chart", [("Caller", D(staff(r, doctor=False), "staff")),
                  ("Category", "HIM / misfile"), ("Priority", "High")], desc, notes)


@T("support_ticket", "address_change_not_flowing", TL, ordinary=True)
def t_tk_addr(r, lay):
    pt = person(r)
    old, new = Addr(r), Addr(r)
    desc = (f"{P(pt.full(), 'name')} (DOB {P(fd(rdate(r, 1940, 2004), 'long'), 'date')}) updated the address in the portal "
            f"to {P(new.line(), 'addr')}, {P(new.city, 'city')}, {D(new.state, 'state')} {P(new.zip, 'zip')} but "
            f"statements still go to {P(old.line(), 'addr')}, {P(old.city, 'city')}. Patient phone {P(phone(r), 'phone')}.")
    notes = [(staff(r, doctor=False), "Portal address changes queue for registration review; this one sat in the queue. "
                                      "Approved it, and the A08 went to billing."),
             (staff(r, doctor=False), "Billing confirms the new address on the guarantor account.")]
    return ticket(r, lay, "Portal address change not on billing statements", [("Caller", P(pt.full(), "name")),
                  ("Category", "Registration / demographics")], desc, notes)


@T("fhir_diff", "patient_basic_fixture", FL, ordinary=True)
def t_fh_basic(r, lay):
    pt = person(r)
    dob = rdate(r, 1935, 2015)
    ad = Addr(r)
    L = [(" ", "{"), (" ", '  "resourceType": "Patient",'), (" ", f'  "id": "{D("pat-" + hexid(r, 6), "iid")}",'),
         ("-", '  "name": [{ "family": "Example", "given": ["Test"] }],'),
         ("+", f'  "name": [{{ "use": "official", "family": "{P(pt.family, "name")}", "given": ["{P(pt.given, "name")}"] }}],'),
         ("-", '  "birthDate": "2000-01-01",'), ("+", f'  "birthDate": "{P(dob.isoformat(), "date")}",'),
         ("+", f'  "telecom": [{{ "system": "phone", "value": "{P(phone(r, 1), "phone")}", "use": "mobile" }}],'),
         ("+", f'  "address": [{{ "line": ["{P(ad.line(), "addr")}"], "city": "{P(ad.city, "city")}", "state": "{D(ad.state, "state")}", "postalCode": "{P(ad.zip, "zip")}" }}],'),
         (" ", f'  "gender": "{"male" if pt.sex == "M" else "female"}"'), (" ", "}")]
    return fhir_pr(r, lay, "Patient fixture for the address-normalisation tests", "src/test/resources/patient-address.json", L,
                   "Needed a patient with a unit number and ZIP+4.", "Is this a real patient? Looks like a copy from TST (which is a PRD refresh).")


@T("fhir_diff", "encounter_period_fixture", FL, ordinary=True)
def t_fh_enc(r, lay):
    pt = person(r)
    a = rdate(r, 2026, 2026)
    d = a + dt.timedelta(days=r.randint(1, 9))
    L = [(" ", "{"), (" ", '  "resourceType": "Encounter",'), (" ", '  "status": "finished",'),
         (" ", '  "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP" },'),
         ("+", f'  "identifier": [{{ "system": "urn:oid:1.2.840.114350.1.13.{r.randint(100, 999)}.2.7.3.698084.8", "value": "{P(digits(r, 10), "acct")}" }}],'),
         ("-", '  "subject": { "reference": "Patient/example" },'),
         ("+", f'  "subject": {{ "reference": "Patient/{D(hexid(r, 10), "iid")}", "display": "{P(pt.full(), "name")}" }},'),
         ("-", '  "period": { "start": "2013-05-11", "end": "2013-05-12" }'),
         ("+", f'  "period": {{ "start": "{P(a.isoformat(), "date")}", "end": "{P(d.isoformat(), "date")}" }}'), (" ", "}")]
    return fhir_pr(r, lay, "Encounter fixture with a real length of stay", "fixtures/encounter/inpatient.json", L,
                   "LOS calculation test needs a multi-day stay.", "Please don't use a PRD encounter id and name here.")


@T("fhir_diff", "observation_vitals_bundle", FL, ordinary=True)
def t_fh_obs(r, lay):
    pt = person(r)
    d = rdate(r, 2026, 2026)
    pid_ = hexid(r, 10)
    L = [(" ", "{"), (" ", '  "resourceType": "Bundle", "type": "collection",'), (" ", '  "entry": [')]
    t = f"{d.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z"
    for i, (code, nm, unit, lo, hi) in enumerate([("8867-4", "Heart rate", "/min", 55, 110), ("8310-5", "Body temperature", "Cel", 36, 39),
                                                  ("59408-5", "SpO2", "%", 88, 99)]):
        v = r.randint(lo, hi)
        L.append(("+", f'    {{ "resource": {{ "resourceType": "Observation", "code": {{ "coding": [{{ "system": "http://loinc.org", "code": "{code}", "display": "{nm}" }}] }}, '
                       f'"subject": {{ "reference": "Patient/{D(pid_, "iid")}", "display": "{P(pt.lf(), "name")}" }}, "effectiveDateTime": "{P(t, "date")}", '
                       f'"valueQuantity": {{ "value": {v}, "unit": "{unit}" }} }} }}' + ("," if i < 2 else "")))
    L += [(" ", "  ]"), (" ", "}")]
    return fhir_pr(r, lay, "Vitals bundle for the early-warning score tests", "test/fixtures/vitals-bundle.json", L,
                   "Three vitals at one timestamp for the NEWS2 calculator.", "Fixtures need synthetic subjects.")


@T("sql_seed", "patients_seed_insert", ["postgres", "mysql", "sqlite"], ordinary=True)
def t_sql_pat(r, lay):
    ppl = distinct_people(r, r.randint(3, 6))
    rows = []
    for i, p in enumerate(ppl):
        ad = Addr(r)
        rows.append([("n", D(str(i + 1), "iid")), ("s", P(mrn(r), "mrn")), ("u", P(p.family, "name")), ("u", P(p.given, "name")),
                     ("d", P(rdate(r, 1935, 2015).isoformat(), "date")), ("s", p.sex), ("s", P(phone(r, 1), "phone")),
                     ("s", P(ad.line(), "addr")), ("s", P(ad.city, "city")), ("s", D(ad.state, "state")), ("s", P(ad.zip, "zip"))])
    cols = ["id", "mrn", "last_name", "first_name", "birth_date", "sex", "phone", "addr1", "city", "state", "zip"]
    return sql_doc(r, lay, "seed patients for the scheduling demo (copied from the TST refresh)", "",
                   sql_insert(lay, "sched.patient", cols, rows))


@T("sql_seed", "appointments_seed", ["mysql", "tsql", "postgres"], ordinary=True)
def t_sql_appt(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    rows = []
    for p in ppl:
        d = rdate(r, 2026, 2026)
        rows.append([("n", D(str(r.randint(100000, 999999)), "iid")), ("s", P(mrn(r), "mrn")), ("u", P(p.lf(), "name")),
                     ("s", P(f"{d.isoformat()} {r.randint(8, 16):02d}:{r.choice(['00', '20', '40'])}", "date")),
                     ("s", D(staff(r, doctor=True), "staff")), ("s", r.choice(["NEW", "FU", "PROC", "TELE"])),
                     ("s", r.choice(["SCHEDULED", "ARRIVED", "NO_SHOW", "CANCELLED"]))])
    cols = ["appt_id", "mrn", "patient_name", "appt_start", "provider", "visit_type", "status"]
    return sql_doc(r, lay, "appointments for the reminder job test", "",
                   sql_insert(lay, "sched.appointment" if lay != "tsql" else "dbo.Appointment", cols, rows))


@T("sql_seed", "lab_results_psql_grid", ["psql", "tsql", "mysql"], ordinary=True)
def t_sql_labs(r, lay):
    ppl = distinct_people(r, r.randint(3, 5))
    rows = []
    base = rdate(r, 2026, 2026)
    for p in ppl:
        d = base - dt.timedelta(days=r.randint(0, 6))
        rows.append([P(mrn(r), "mrn"), P(p.lf(), "name"), P(f"{d.isoformat()} {r.randint(5, 9):02d}:{r.randint(0, 59):02d}", "date"),
                     "K", f"{r.randint(55, 68) / 10}", "mmol/L", "H"])
    rows.sort(key=lambda x: -float(x[4]))
    q = ("SELECT p.mrn, p.last_name || ', ' || p.first_name AS patient, r.collected_at, r.test, r.value, r.unit, r.flag\n"
         "FROM lab.result r JOIN core.patient p USING (patient_id)\nWHERE r.test = 'K' AND r.value > 5.4\n"
         "  AND r.collected_at > now() - interval '7 days'\nORDER BY r.value DESC;")
    style = {"psql": "psql", "tsql": "ssms", "mysql": "mysql"}[lay]
    if lay == "tsql":
        q = q.replace("p.last_name || ', ' || p.first_name", "p.last_name + ', ' + p.first_name").replace(
            "now() - interval '7 days'", "DATEADD(day, -7, SYSDATETIME())").replace("USING (patient_id)", "ON p.patient_id = r.patient_id")
    if lay == "mysql":
        q = q.replace("p.last_name || ', ' || p.first_name", "concat(p.last_name, ', ', p.first_name)").replace(
            "interval '7 days'", "interval 7 day")
    prompt = {"psql": "labs=> ", "tsql": "", "mysql": "mysql> "}[lay]
    return f"-- hyperkalemia check for the critical-call audit\n{prompt}{q}\n\n" + grid_text(
        ["mrn", "patient", "collected_at", "test", "value", "unit", "flag"], rows, style)


@T("clinical_note", "soap_progress_note", NL, ordinary=True)
def t_note_soap(r, lay):
    pt = person(r)
    dob = rdate(r, 1940, 2008)
    vis = rdate(r, 2026, 2026)
    md = staff(r, doctor=True)
    cond = r.choice(CONDS)
    header = [("Patient", P(pt.lf(), "name")), ("DOB", P(fd(dob, "us"), "date")), ("MRN", P(mrn(r), "mrn")),
              ("Visit", P(fd(vis, "us"), "date")), ("PCP", D(md, "staff"))]
    secs = [("S", f"Follow-up for {D(cond, 'cond')}. Reports {r.choice(['better energy', 'occasional dizziness', 'good adherence', 'missed doses on weekends'])}. "
                  f"Taking {D(r.choice(MEDS), 'med')}."),
            ("O", f"BP {r.randint(112, 158)}/{r.randint(68, 96)}, HR {r.randint(58, 96)}, BMI {r.randint(21, 38)}.{r.randint(0, 9)}."),
            ("A", f"{D(cond, 'cond')} - {r.choice(['stable', 'improving', 'not at goal'])}."),
            ("P", f"Labs in 3 months. Call {P(phone(r), 'phone')} with results (patient prefers phone). RTC 3 mo.")]
    return note_doc(r, lay, "Office Visit - Progress Note", header, secs, D(md, "staff"))


@T("clinical_note", "discharge_summary", NL, ordinary=True)
def t_note_dc(r, lay):
    pt = person(r)
    age = r.choice([r.randint(40, 88), r.randint(90, 97)])
    dob = dob_for_age(r, age)
    adm = rdate(r, 2026, 2026)
    dis = adm + dt.timedelta(days=r.randint(2, 10))
    ad = Addr(r)
    md = staff(r, doctor=True)
    cond = r.choice(["community-acquired pneumonia", "CHF exacerbation", "cellulitis of the left leg", "COPD exacerbation"])
    agestr = (lambda t: t[0] + P(t[1][0].upper() + t[1][1:], "age") + t[2])(age_text(r, age, ADJ_AGE)) if age >= 90 else f"{age}-year-old"
    header = [("Patient", P(pt.full(), "name")), ("MRN", P(mrn(r), "mrn")), ("DOB", P(fd(dob, "mon"), "date")),
              ("Admitted", P(fd(adm, "mon"), "date")), ("Discharged", P(fd(dis, "mon"), "date")), ("Attending", D(md, "staff"))]
    secs = [("Hospital course", f"{agestr} admitted with {D(cond, 'cond')}. Treated with "
                                f"{D(r.choice(['ceftriaxone and azithromycin', 'IV furosemide', 'cefazolin', 'prednisone and nebulizers']), 'med')}; "
                                f"improved and ambulating at discharge."),
            ("Disposition", f"Home with home health. Address for the agency: {ad.marked()}. Contact "
                            f"{P(phone(r, 0), 'phone')}."),
            ("Follow-up", f"PCP within 7 days; labs in 1 week.")]
    return note_doc(r, lay, "Discharge Summary", header, secs, D(md, "staff"))


@T("clinical_note", "telephone_encounter", NL, ordinary=True)
def t_note_phone(r, lay):
    pt = person(r)
    dob = rdate(r, 1935, 2020)
    caller = relative(r, pt, same_family=r.random() < 0.7)
    rn = staff(r, doctor=False)
    w = kin(r, caller, ("child", "spouse", "child"))
    header = [("Patient", P(pt.lf(), "name")), ("DOB", P(fd(dob, "usn"), "date")), ("MRN", P(mrn(r), "mrn")),
              ("Call date", D(fd(rdate(r, 2026, 2026), "usn"), "evdate"))]
    secs = [("Reason", f"{w.capitalize()} {P(caller.full(), 'name')} called about "
                       f"{r.choice(['fever since yesterday', 'new ankle swelling', 'a rash after the new antibiotic', 'low blood sugars at night'])}."),
            ("Advice", f"Last seen {P(fd(rdate(r, 2026, 2026), 'md'), 'date')}. Triaged per protocol; same-day visit offered "
                       f"and booked. ED precautions reviewed."),
            ("Call-back", f"{P(phone(r, r.choice([0, 1, 2])), 'phone')} ({w}'s cell)")]
    return note_doc(r, lay, "Telephone Encounter", header, secs, D(rn, "staff"))


@T("claims_csv", "claims_837_summary", CSVL, ordinary=True)
def t_csv_837(r, lay):
    ppl = distinct_people(r, r.randint(4, 6))
    rows = []
    for p in ppl:
        pay, mid = member(r)
        rows.append([P(claim_no(r, 5), "oid"), P(p.LF(), "name"), P(fd(rdate(r, 1940, 2015), "us"), "date"), pay, P(mid, "hp"),
                     P(fd(rdate(r, 2026, 2026), "us"), "date"), D(r.choice(["99213", "99214", "93000", "80053", "36415"]), "cpt"),
                     D(r.choice(["E11.9", "I10", "J45.909", "M17.11", "Z00.00"]), "icd"), money(r, 40, 480)])
    h = ["ClaimNo", "Patient", "DOB", "Payer", "MemberID", "DOS", "CPT", "Dx1", "Charge"]
    return csv_doc(r, lay, h, rows, "837P batch summary - rows rejected by the clearinghouse" if lay in ("csv", "pipe") else None)


@T("claims_csv", "denial_worklist", CSVL, ordinary=True)
def t_csv_denial(r, lay):
    ppl = distinct_people(r, r.randint(4, 6))
    rows = []
    for p in ppl:
        pay, mid = member(r)
        rows.append([P(acct(r, 0), "acct"), P(p.lf(), "name"), pay, P(mid, "hp"), P(fd(rdate(r, 2026, 2026), "iso"), "date"),
                     r.choice(["CO-16 missing info", "CO-197 no auth", "CO-22 COB", "PR-1 deductible", "CO-50 not medically necessary"]),
                     money(r, 90, 5200), D(staff(r, doctor=False), "staff")])
    h = ["HAR", "Patient", "Payer", "Member ID", "DOS", "Denial", "Amount", "Owner"]
    return csv_doc(r, lay, h, rows)


@T("claims_csv", "eligibility_271_results", CSVL, ordinary=True)
def t_csv_271(r, lay):
    ppl = distinct_people(r, r.randint(4, 6))
    rows = []
    for p in ppl:
        pay = r.choice(sorted(PAYER_STYLES) + ["Medicare"])
        mid = mbi(r) if pay == "Medicare" else member(r, pay)[1]
        rows.append([P(mrn(r), "mrn"), P(p.family, "name"), P(p.given, "name"), P(fd(rdate(r, 1930, 2015), "hl7"), "date"), pay,
                     P(mid, "mbi" if pay == "Medicare" else "hp"), r.choice(["1 Active", "6 Inactive", "1 Active", "V Cannot process"]),
                     D(rdate(r, 2025, 2026).strftime("%Y%m%d"), "evdate")])
    h = ["MRN", "Last", "First", "DOB", "Payer", "Member", "EB01", "Coverage begin"]
    return csv_doc(r, lay, h, rows, "# nightly 270/271 for tomorrow's schedule" if lay == "csv" else None)


@T("patient_email", "appointment_reschedule", EL, ordinary=True)
def t_em_resched(r, lay):
    pt = person(r)
    em = pemail(r, pt)
    d = rdate(r, 2026, 2026)
    body = (f"Hi,\n\nI need to move my appointment on {P(fd(d, r.choice(['long', 'usn', 'mon'])), 'date')} with "
            f"{D(staff(r, doctor=True), 'staff')}; I have to work that day. Any morning the week after is fine.\n\n"
            f"{P(pt.full(), 'name')}\nDOB {P(fd(rdate(r, 1950, 2006), 'us'), 'date')}\n{P(phone(r), 'phone')}")
    return email_hdr(r, lay, f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "scheduling"),
                     "reschedule appointment") + "\n" + body


@T("patient_email", "refill_request", EL, ordinary=True)
def t_em_refill(r, lay):
    pt = person(r)
    em = pemail(r, pt)
    who = staff(r, doctor=False)
    body = (f"Hello, I'm almost out of my {D(r.choice(['lisinopril', 'metformin', 'levothyroxine', 'sertraline', 'atorvastatin']), 'med')}. "
            f"Can you send a refill to the {D(r.choice(['CVS on Main St', 'Walgreens on 5th', 'Costco pharmacy', 'Rite Aid on Elm']), 'fac')}? "
            f"My date of birth is {P(fd(rdate(r, 1945, 2004), 'usn'), 'date')}.\n\nThank you,\n{P(pt.full(), 'name')}\n{P(phone(r, 2), 'phone')}")
    note = f"Refill request for {P(pt.lf(), 'name')} (MRN {P(mrn(r), 'mrn')}); last visit 4 months ago.\n\n" + sig_staff(r, who, "Primary Care")
    return fwd_email(r, lay, D(who, "staff"), clinic_box(r, "pc.refills"), note,
                     f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "primarycare"), "refill please", body)


@T("patient_email", "statement_question", EL, ordinary=True)
def t_em_stmt(r, lay):
    pt = person(r, culture=r.choice(["mexican", "puerto_rican"])) if r.random() < 0.6 else person(r)
    em = pemail(r, pt)
    ad = Addr(r)
    spanish = pt.culture in ("mexican", "puerto_rican") and r.random() < 0.8
    if spanish:
        body = (f"Hola, recibí un estado de cuenta (cuenta {P(acct(r, 2), 'acct')}) por una visita del "
                f"{P(fd(rdate(r, 2026, 2026), 'us'), 'date')} que mi seguro debió pagar. Además me mudé: "
                f"{P(ad.line(), 'addr')}, {P(ad.city, 'city')} {P(ad.zip, 'zip')}.\n\n{P(pt.full(), 'name')}\n{P(phone(r), 'phone')}")
        subj = "pregunta sobre mi cuenta"
    else:
        body = (f"Hi, I got a statement (account {P(acct(r, 2), 'acct')}) for a visit on {P(fd(rdate(r, 2026, 2026), 'long'), 'date')} "
                f"that my insurance should have covered. Also I moved - new address is {P(ad.line(), 'addr')}, "
                f"{P(ad.city, 'city')}, {D(ad.state, 'state')} {P(ad.zip, 'zip')}.\n\n{P(pt.full(), 'name')}\n{P(phone(r), 'phone')}")
        subj = "question about my bill"
    return email_hdr(r, lay, f"{P(pt.full(), 'name')} <{P(em, 'email')}>", clinic_box(r, "billing"), subj) + "\n" + body


# ---------------------------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------------------------
PARTICLES = {"de", "la", "del", "van", "der", "von", "da", "dos", "das", "du", "le", "el", "al",
             "lo", "di", "los", "st", "mac", "mc", "t", "y", "bin", "ní", "ó"}


def _char_spans(text, spans):
    b = text.encode("utf-8")
    out = []
    for s in spans:
        cs = len(b[:s["start"]].decode("utf-8"))
        ce = len(b[:s["end"]].decode("utf-8"))
        out.append((cs, ce, s))
    return out


def _covered(intervals, a, z):
    return any(cs <= a and z <= ce for cs, ce in intervals)


def _occurrences(text, needle):
    pat = re.compile(r"(?<![^\W_])" + re.escape(needle) + r"(?![^\W_])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def nanp_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 7:          # the number part of a split XTN
        return d[0] in "23456789" and not d.startswith("55501")
    if len(d) == 3:          # the area-code part of a split XTN
        return d[0] in "23456789"
    if len(d) != 10:
        return False
    return d[0] in "23456789" and d[3] in "23456789" and not (d[3:6] == "555" and d[6:8] == "01")


def check_doc(doc):
    errs = []
    text, spans = doc["text"], doc["spans"]
    b = text.encode("utf-8")
    prev = 0
    for s in spans:
        if not (0 <= s["start"] < s["end"] <= len(b)):
            errs.append(f"bad offsets {s}")
            continue
        if s["start"] < prev:
            errs.append(f"unsorted/overlap at {s}")
        prev = s["end"]
        if s["label"] not in ("phi", "dont_care"):
            errs.append(f"bad label {s}")
        try:
            b[s["start"]:s["end"]].decode("utf-8")
            b[:s["start"]].decode("utf-8")
        except UnicodeDecodeError:
            errs.append(f"span not on a character boundary {s}")
            return errs
    cspans = _char_spans(text, spans)
    for cs, ce, s in cspans:
        if cs > 0 and text[cs - 1].isalnum() and text[cs].isalnum():
            errs.append(f"span starts inside a token: {text[max(0, cs - 8):ce]!r}")
        if ce < len(text) and text[ce - 1].isalnum() and text[ce].isalnum():
            errs.append(f"span ends inside a token: {text[cs:ce + 8]!r}")
        if text[cs].isspace() or text[ce - 1].isspace():
            errs.append(f"span with outer whitespace: {text[cs:ce]!r}")
    phi = [(cs, ce, s) for cs, ce, s in cspans if s["label"] == "phi"]
    if doc["phi"]:
        if not any(s["kind"] in ("person_name", "mrn") for _, _, s in phi):
            errs.append("PHI document without a patient name or MRN")
    elif phi:
        errs.append("clean document with phi spans")
    for cs, ce, s in phi:
        v = text[cs:ce]
        k = s["kind"]
        if k == "ssn" and not ssn_valid(v):
            errs.append(f"labelled SSN out of range {v}")
        if k == "credit_card" and not luhn_ok(re.sub(r"\D", "", v)):
            errs.append(f"labelled card not Luhn-valid {v}")
        if k == "phone" and not nanp_ok(v):
            errs.append(f"labelled phone not NANP-plausible {v}")
        if k == "medicare_mbi" and not mbi_valid(v):
            errs.append(f"labelled MBI breaks CMS rules {v}")
        if k == "vehicle_id" and len(v) == 17 and v.isalnum() and not vin_ok(v):
            errs.append(f"labelled VIN with a bad check digit {v}")
    every = [(cs, ce) for cs, ce, _ in cspans]
    # unlabelled valid-range SSNs
    for m in re.finditer(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])", text):
        if ssn_valid(m.group()) and not _covered(every, m.start(), m.end()):
            errs.append(f"unlabelled valid-range SSN {m.group()}")
    # unlabelled Luhn-valid 13-19 digit numbers (plain runs and 4-4-4-x groups)
    for m in re.finditer(r"(?<![0-9])(?:\d{13,19}|\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7})(?![0-9])", text):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and luhn_ok(d) and not _covered(every, m.start(), m.end()):
            errs.append(f"unlabelled Luhn-valid number {m.group()}")
    # labelled PHI values and patient-name tokens must not also occur unlabelled
    ivs = [(cs, ce) for cs, ce, _ in phi]
    seen = set()
    for cs, ce, s in phi:
        v = text[cs:ce]
        needles = [v]
        if s["kind"] == "person_name":
            needles += [t for t in re.findall(r"[^\W_]+", v) if len(t) >= 2 and t.lower() not in PARTICLES]
        for nd in needles:
            if nd.lower() in seen:
                continue
            seen.add(nd.lower())
            for a, z in _occurrences(text, nd):
                if not _covered(ivs, a, z):
                    errs.append(f"PHI value {nd!r} ({s['kind']}) also occurs unlabelled: "
                                f"{text[max(0, a - 25):z + 25]!r}")
                    break
    return errs


# ---------------------------------------------------------------------------------------------
# generation
# ---------------------------------------------------------------------------------------------
def allocate(family):
    """clean families: spread evenly; PHI families: one document per rare-kind template, the rest
    (about half) over the ordinary templates"""
    tpls = TEMPLATES[family]
    n = COUNTS[family]
    ordn = [t for t in tpls if t[0] in ORDINARY]
    if not ordn:
        base, extra = divmod(n, len(tpls))
        counts = [base + (1 if i < extra else 0) for i in range(len(tpls))]
    else:
        rare = len(tpls) - len(ordn)
        base, extra = divmod(n - rare, len(ordn))
        counts, k = [], 0
        for t in tpls:
            if t[0] in ORDINARY:
                counts.append(base + (1 if k < extra else 0))
                k += 1
            else:
                counts.append(1)
    assert max(counts) <= 3 and min(counts) >= 1 and sum(counts) == n, (family, counts)
    return list(zip(tpls, counts))


def build():
    docs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        idx = 0
        for ti, ((name, fn, layouts), cnt) in enumerate(allocate(fam)):
            for k in range(cnt):
                idx += 1
                lay = layouts[(k + ti) % len(layouts)]   # rotate so every layout variant gets used
                last = None
                for attempt in range(400):
                    r = random.Random(f"{SEED}:{fam}:{name}:{k}:{attempt}")
                    text, spans = render(fn(r, lay))
                    doc = {"id": f"{fam}-{idx:04d}", "family": fam, "phi": fam in PHI_FAMILIES,
                           "variant": f"{name}:{lay}", "text": text, "spans": spans}
                    last = check_doc(doc)
                    if not last:
                        break
                else:
                    raise SystemExit(f"{fam}/{name}/{lay}: no clean attempt; last errors: {last[:3]}")
                docs.append(doc)
    return docs


def read_docs(path=OUT):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def do_check(path=OUT):
    docs = read_docs(path)
    errs = []
    c = Counter(d["family"] for d in docs)
    for fam, n in COUNTS.items():
        if c.get(fam, 0) != n:
            errs.append(f"family {fam}: {c.get(fam, 0)} docs, want {n}")
    if len(docs) != 240:
        errs.append(f"{len(docs)} docs, want 240")
    if sum(d["phi"] for d in docs) != 120:
        errs.append("want 120 PHI documents")
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for d in docs:
        if not re.fullmatch(r"[a-z0-9_]+-\d{4}", d["id"]) or not d["id"].startswith(d["family"] + "-"):
            errs.append(f"bad id {d['id']}")
        if d["phi"] != (d["family"] in PHI_FAMILIES):
            errs.append(f"{d['id']}: phi flag does not match its family")
        errs += [f"{d['id']}: {e}" for e in check_doc(d)]
    per_t = Counter(d["variant"].split(":")[0] for d in docs)
    errs += [f"template {t} has {n} documents (> 3)" for t, n in per_t.items() if n > 3]
    if len(per_t) < 100:
        errs.append(f"only {len(per_t)} templates")
    for e in errs:
        print("ERROR", e)
    print(f"checked {len(docs)} documents: {'OK' if not errs else f'{len(errs)} problem(s)'}")
    return not errs


def do_stats(path=OUT):
    docs = read_docs(path)
    fams = defaultdict(Counter)
    layouts = defaultdict(set)
    for d in docs:
        t, lay = d["variant"].split(":")
        fams[d["family"]][t] += 1
        layouts[t].add(lay)
    total_t = sum(len(v) for v in fams.values())
    print(f"{len(docs)} documents, {sum(d['phi'] for d in docs)} PHI / {sum(not d['phi'] for d in docs)} clean, "
          f"{total_t} templates, {sum(len(v) for v in layouts.values())} template/layout variants")
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        ts_ = fams[fam]
        print(f"\n{fam}: {sum(ts_.values())} docs, {len(ts_)} templates")
        for t, n in ts_.items():
            tag = " (ordinary)" if t in ORDINARY else ""
            print(f"  {t + tag:40s} {n} doc(s)  layouts: {', '.join(sorted(layouts[t]))}")
    shares = []
    kinds = Counter()
    for d in docs:
        if d["phi"]:
            nb = len(d["text"].encode("utf-8"))
            pb = sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi")
            shares.append(pb / nb)
        for s in d["spans"]:
            kinds[(s["label"], s["kind"])] += 1
    print(f"\nmedian PHI share of bytes (PHI documents): {statistics.median(shares):.2f}")
    print("span kinds: " + ", ".join(f"{k[1]}={n}" for k, n in sorted(kinds.items()) if k[0] == "phi"))
    print("dont_care kinds: " + ", ".join(f"{k[1]}={n}" for k, n in sorted(kinds.items()) if k[0] == "dont_care"))
    tok_cult = defaultdict(set)
    for c, (m, f, sn) in LATIN.items():
        for n in m + f + sn:
            tok_cult[ascii_fold(n).upper()].add(c)
    for c, rows in NATIVE.items():
        for fn, gn, fl, gl, _ in rows:
            for n in (fn, gn, fn + gn, f"{gn} {fn}", fl, gl):
                tok_cult[ascii_fold(n).upper()].add(c)
    used = Counter()
    for d in docs:
        b = d["text"].encode("utf-8")
        for s in d["spans"]:
            if s["label"] == "phi" and s["kind"] == "person_name":
                v = ascii_fold(b[s["start"]:s["end"]].decode("utf-8")).upper()
                parts = [v] + [p.strip() for p in re.split(r"[,^]", v)] + v.replace(",", " ").replace("^", " ").split()
                hit = set()
                for p in parts:
                    hit |= tok_cult.get(p, set())
                if len(hit) == 1:
                    used[hit.pop()] += 1
    print(f"name cultures in the lists: {len(CULTURES)} ({len(NATIVE)} with native scripts); "
          f"recognisably used in person_name spans: {len(used)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--only", help="generate one family and print it (debug)")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if do_check() else 1)
    if a.stats:
        do_stats()
        return
    docs = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {OUT}")


if __name__ == "__main__":
    main()
