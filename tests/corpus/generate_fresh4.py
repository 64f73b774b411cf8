#!/usr/bin/env python3
"""Fifth independent generator of the labelled PHI corpus (fresh4.jsonl).

Written from tests/corpus/README.md (record format, labelling conventions) and
section 1 of CONTRACTS.md only, without sight of the detector or of the other
generators.  Python 3 standard library only, deterministic, all data made up.

    python3 tests/corpus/generate_fresh4.py            # (re)write fresh4.jsonl
    python3 tests/corpus/generate_fresh4.py --check    # verify fresh4.jsonl
    python3 tests/corpus/generate_fresh4.py --stats    # templates / cultures / families

Every document is built by concatenating pieces; a piece is either plain text or
a (label, kind, value) triple whose byte span is recorded as it is inserted.
"""
import datetime as dt
import json
import os
import random
import sys
import unicodedata

SEED = "fresh4/2026-12-06"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh4.jsonl")

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
DOCS_PER_PHI_FAMILY = 15
DOCS_PER_CLEAN_FAMILY = 20

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
    "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
    "procedure_code", "drug_code", "medication", "condition", "credit_card",
}


# --------------------------------------------------------------------------- pieces
def P(kind, value):
    """A PHI value (contract kind)."""
    return ("phi", kind, value)


def C(kind, value):
    """A dont_care value (descriptive kind)."""
    return ("dont_care", kind, value)


def NAME(v): return P("person_name", v)
def DATE(v): return P("date", v)
def AGE(v): return P("age_over_89", v)
def PHONE(v): return P("phone", v)
def EMAIL(v): return P("email", v)
def SSN(v): return P("ssn", v)
def MRN(v): return P("mrn", v)
def PLAN(v): return P("health_plan_id", v)
def MBI(v): return P("medicare_mbi", v)
def ACCT(v): return P("account_number", v)
def LIC(v): return P("license_number", v)
def VEH(v): return P("vehicle_id", v)
def DEV(v): return P("device_id", v)
def URL(v): return P("url", v)
def IP(v): return P("ip_address", v)
def OID(v): return P("other_id", v)
def CARD(v): return P("credit_card", v)
def STREET(v): return P("street_address", v)
def ZIP(v): return P("zip_code", v)

def STAFF(v): return C("staff_name", v)
def SCON(v): return C("staff_contact", v)
def FAC(v): return C("facility", v)
def STATE(v): return C("state", v)
def ICD(v): return C("diagnosis_code", v)
def CPT(v): return C("procedure_code", v)
def MED(v): return C("medication", v)
def COND(v): return C("condition", v)
def NDC(v): return C("drug_code", v)
def NPI(v): return C("npi", v)
def GRP(v): return C("group_number", v)
def ORDER(v): return C("order_number", v)
def IID(v): return C("internal_id", v)
def MSGT(v): return C("message_time", v)
def COVD(v): return C("coverage_date", v)
def MAILD(v): return C("email_date", v)
def EVENT(v): return C("event_date", v)
def LAST4(v): return C("ssn_last4", v)
def TITLE(v): return C("title", v)


class Doc:
    def __init__(self):
        self.parts = []
        self.spans = []
        self.pos = 0

    def __call__(self, *pieces):
        for pc in pieces:
            if pc is None or pc == "":
                continue
            if isinstance(pc, str):
                self._text(pc)
            elif isinstance(pc, tuple):
                label, kind, value = pc
                if not value:
                    raise ValueError("empty span value for %s" % kind)
                n = len(value.encode("utf-8"))
                self.spans.append({"start": self.pos, "end": self.pos + n, "label": label, "kind": kind})
                self._text(value)
            elif isinstance(pc, list):
                self(*pc)
            else:
                raise TypeError(repr(pc))
        return self

    def _text(self, s):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8"))

    def lines(self, rows, prefix="", end="\n"):
        for row in rows:
            self(prefix, row, end)
        return self

    def text(self):
        return "".join(self.parts)


def plain(pieces):
    """The text of a piece list, labels dropped (for length computations)."""
    out = []
    for pc in pieces if isinstance(pieces, list) else [pieces]:
        if pc is None:
            continue
        if isinstance(pc, str):
            out.append(pc)
        elif isinstance(pc, tuple):
            out.append(pc[2])
        else:
            out.append(plain(pc))
    return "".join(out)


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


def fold(s):
    """ASCII fold of a Latin name (diacritics dropped)."""
    s = s.replace("ß", "ss").replace("Ł", "L").replace("ł", "l").replace("Ø", "O").replace("ø", "o")
    s = s.replace("Đ", "D").replace("đ", "d").replace("ʻ", "").replace("’", "'").replace("Æ", "AE").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


# --------------------------------------------------------------------------- names
# Each culture: key, order ("gf" given-first, "fg" family-first in native display),
# joiner for the native form, givens [(latin, native or None, sex)], families [(latin, native)];
# "m/f" in a family entry gives the male / female form.
CULTURES = [
    ("us_anglo", "gf", " ",
     [("Brenda", None, "F"), ("Travis", None, "M"), ("Kayleigh", None, "F"), ("Dwayne", None, "M"),
      ("Marjorie", None, "F"), ("Clifford", None, "M"), ("Tammy", None, "F"), ("Harold", None, "M")],
     [("Whitaker", None), ("Pruitt", None), ("Harrington", None), ("Tillman", None), ("Dunleavy", None),
      ("Crenshaw", None), ("Smith-Holloway", None), ("Vandergriff", None)]),
    ("english_words", "gf", " ",
     [("Hope", None, "F"), ("Grace", None, "F"), ("Faith", None, "F"), ("Rose", None, "F"), ("Joy", None, "F"),
      ("April", None, "F"), ("June", None, "F"), ("Will", None, "M"), ("Bill", None, "M"), ("Frank", None, "M"),
      ("Mark", None, "M"), ("Hunter", None, "M"), ("Chase", None, "M"), ("Rusty", None, "M")],
     [("Baker", None), ("Mills", None), ("Hunt", None), ("Long", None), ("Young", None), ("Black", None),
      ("Winter", None), ("Rivers", None), ("Stone", None), ("Frost", None), ("Banks", None), ("Cook", None),
      ("Church", None), ("Love", None), ("Sunday", None), ("March", None), ("Christmas", None)]),
    ("irish", "gf", " ",
     [("Siobhán", None, "F"), ("Niamh", None, "F"), ("Aoife", None, "F"), ("Seán", None, "M"),
      ("Pádraig", None, "M"), ("Ciarán", None, "M"), ("Caoimhe", None, "F")],
     [("O'Sullivan", None), ("Mac Giolla Íosa", None), ("O'Connor", None), ("Ó Súilleabháin", None),
      ("McCarthy", None), ("Ní Bhriain", None)]),
    ("scottish_welsh", "gf", " ",
     [("Eilidh", None, "F"), ("Hamish", None, "M"), ("Rhiannon", None, "F"), ("Gwilym", None, "M"),
      ("Iolo", None, "M"), ("Morag", None, "F")],
     [("MacLeod", None), ("Llewellyn", None), ("ap Rhys", None), ("Cadwaladr", None), ("Fraser", None)]),
    ("mexican", "gf", " ",
     [("José Luis", None, "M"), ("María Guadalupe", None, "F"), ("Juan Carlos", None, "M"), ("Ximena", None, "F"),
      ("Itzel", None, "F"), ("Jesús", None, "M"), ("Refugio", None, "M")],
     [("Hernández García", None), ("Ramírez de la Cruz", None), ("Gutiérrez Salinas", None), ("Zúñiga", None),
      ("Ochoa-Bautista", None), ("Treviño", None)]),
    ("caribbean_hispanic", "gf", " ",
     [("Yaritza", None, "F"), ("Wilfredo", None, "M"), ("Marisol", None, "F"), ("Héctor", None, "M"),
      ("Nayeli", None, "F")],
     [("Rivera Colón", None), ("Santiago-Ortiz", None), ("Pagán", None), ("Quiñones Vélez", None), ("De Jesús", None)]),
    ("basque_spanish", "gf", " ",
     [("Iñaki", None, "M"), ("Begoña", None, "F"), ("Ainhoa", None, "F"), ("Xabier", None, "M")],
     [("Etxeberria", None), ("Urrutia", None), ("Goikoetxea", None), ("García de Vicuña", None)]),
    ("brazilian", "gf", " ",
     [("João", None, "M"), ("Conceição", None, "F"), ("Thiago", None, "M"), ("Luíza", None, "F"), ("Graça", None, "F")],
     [("da Silva", None), ("Gonçalves Araújo", None), ("dos Santos", None), ("Assunção", None), ("Magalhães", None)]),
    ("italian", "gf", " ",
     [("Giuseppe", None, "M"), ("Maria Grazia", None, "F"), ("Niccolò", None, "M"), ("Concetta", None, "F"),
      ("Salvatore", None, "M")],
     [("De Luca", None), ("Esposito", None), ("Dell'Acqua", None), ("Lo Bianco", None), ("Di Giacomo", None)]),
    ("french", "gf", " ",
     [("Hélène", None, "F"), ("François", None, "M"), ("Anaïs", None, "F"), ("Jean-Baptiste", None, "M"),
      ("Thérèse", None, "F")],
     [("Lefèvre", None), ("Le Gall", None), ("Brisson-Côté", None), ("Dubois", None), ("Beaulieu", None)]),
    ("haitian", "gf", " ",
     [("Jean-Robert", None, "M"), ("Mirlande", None, "F"), ("Wislande", None, "F"), ("Fritznel", None, "M"),
      ("Guerline", None, "F")],
     [("Pierre-Louis", None), ("Saint-Fleur", None), ("Désir", None), ("Thélusma", None), ("Exantus", None)]),
    ("german", "gf", " ",
     [("Jürgen", None, "M"), ("Käthe", None, "F"), ("Günter", None, "M"), ("Lieselotte", None, "F"),
      ("Wolfgang", None, "M")],
     [("Müller", None), ("Schröder", None), ("von Aschenbach", None), ("Weiß", None), ("Großmann", None)]),
    ("dutch", "gf", " ",
     [("Maarten", None, "M"), ("Femke", None, "F"), ("Joost", None, "M"), ("Anouk", None, "F")],
     [("van der Berg", None), ("de Vries", None), ("van den Heuvel", None), ("Bakker", None)]),
    ("polish", "gf", " ",
     [("Małgorzata", None, "F"), ("Wojciech", None, "M"), ("Zbigniew", None, "M"), ("Jadwiga", None, "F"),
      ("Bożena", None, "F")],
     [("Wiśniewski/Wiśniewska", None), ("Łukasiewicz", None), ("Kowalczyk", None), ("Brzęczyszczykiewicz", None),
      ("Szczepański/Szczepańska", None)]),
    ("czech", "gf", " ",
     [("Jiří", None, "M"), ("Věra", None, "F"), ("Bořivoj", None, "M"), ("Radka", None, "F")],
     [("Dvořák/Dvořáková", None), ("Novák/Nováková", None), ("Procházka/Procházková", None)]),
    ("hungarian", "gf", " ",
     [("Zsófia", None, "F"), ("Gyula", None, "M"), ("Erzsébet", None, "F"), ("Ödön", None, "M")],
     [("Szőke", None), ("Kovács", None), ("Tóth", None), ("Hegedűs", None)]),
    ("russian", "gf", " ",
     [("Anna", "Анна", "F"), ("Dmitry", "Дмитрий", "M"), ("Olga", "Ольга", "F"), ("Igor", "Игорь", "M")],
     [("Kuznetsov/Kuznetsova", "Кузнецов/Кузнецова"), ("Smirnov/Smirnova", "Смирнов/Смирнова"),
      ("Volkov/Volkova", "Волков/Волкова")]),
    ("ukrainian", "gf", " ",
     [("Olena", "Олена", "F"), ("Taras", "Тарас", "M"), ("Oksana", "Оксана", "F"), ("Bohdan", "Богдан", "M")],
     [("Shevchuk", "Шевчук"), ("Kovalenko", "Коваленко"), ("Bondarenko", "Бондаренко")]),
    ("greek", "gf", " ",
     [("Sofia", "Σοφία", "F"), ("Giorgos", "Γιώργος", "M"), ("Eleni", "Ελένη", "F"), ("Dimitris", "Δημήτρης", "M")],
     [("Papadopoulos/Papadopoulou", "Παπαδόπουλος/Παπαδοπούλου"), ("Konstantinou", "Κωνσταντίνου"),
      ("Oikonomou", "Οικονόμου")]),
    ("turkish", "gf", " ",
     [("Ayşe", None, "F"), ("Mehmet", None, "M"), ("Gülşen", None, "F"), ("Çağrı", None, "M"), ("Şükrü", None, "M")],
     [("Yılmaz", None), ("Öztürk", None), ("Şahin", None), ("Çelik", None)]),
    ("arabic", "gf", " ",
     [("Fatima", "فاطمة", "F"), ("Mohammed", "محمد", "M"), ("Layla", "ليلى", "F"), ("Youssef", "يوسف", "M")],
     [("Al-Hassan", "الحسن"), ("El-Sayed", "السيد"), ("Haddad", "حداد"), ("Abdullah", "عبد الله")]),
    ("persian", "gf", " ",
     [("Shirin", None, "F"), ("Dariush", None, "M"), ("Golnaz", None, "F"), ("Kourosh", None, "M")],
     [("Tehrani", None), ("Mohammadi-Nejad", None), ("Farahani", None), ("Hosseini Zadeh", None)]),
    ("hebrew", "gf", " ",
     [("Yael", "יעל", "F"), ("Avraham", "אברהם", "M"), ("Noa", "נועה", "F"), ("Moshe", "משה", "M")],
     [("Ben-David", "בן-דוד"), ("Levi", "לוי"), ("Katz", "כץ")]),
    ("ethiopian", "gf", " ",
     [("Tigist", "ትግስት", "F"), ("Abebe", "አበበ", "M"), ("Meseret", "መሰረት", "F"), ("Dawit", "ዳዊት", "M")],
     [("Alemu", "አለሙ"), ("Bekele", "በቀለ"), ("Tessema", "ተሰማ")]),
    ("somali", "gf", " ",
     [("Hodan", None, "F"), ("Abdirahman", None, "M"), ("Faadumo", None, "F"), ("Cabdi", None, "M")],
     [("Warsame", None), ("Abdi", None), ("Cali", None), ("Xirsi", None)]),
    ("yoruba", "gf", " ",
     [("Adébáyọ̀", None, "M"), ("Olúwaseun", None, "M"), ("Fúnmiláyọ̀", None, "F"), ("Títílayọ̀", None, "F")],
     [("Ògúnlékè", None), ("Adéyẹmí", None), ("Olúwọlé", None)]),
    ("igbo", "gf", " ",
     [("Chiamaka", None, "F"), ("Obinna", None, "M"), ("Ngozi", None, "F"), ("Chukwuemeka", None, "M")],
     [("Okonkwo", None), ("Nwachukwu", None), ("Eze", None), ("Okafor", None)]),
    ("kenyan", "gf", " ",
     [("Wanjiru", None, "F"), ("Otieno", None, "M"), ("Akinyi", None, "F"), ("Kiprono", None, "M")],
     [("Mwangi", None), ("Odhiambo", None), ("Kamau", None), ("Chebet", None)]),
    ("hindi", "gf", " ",
     [("Priya", "प्रिया", "F"), ("Rajesh", "राजेश", "M"), ("Sunita", "सुनीता", "F"), ("Amit", "अमित", "M")],
     [("Sharma", "शर्मा"), ("Agarwal", "अग्रवाल"), ("Tripathi", "त्रिपाठी")]),
    ("tamil", "gf", " ",
     [("Meenakshi", "மீனாட்சி", "F"), ("Senthil", "செந்தில்", "M"), ("Karthik", "கார்த்திக்", "M"),
      ("Lakshmi", "லட்சுமி", "F")],
     [("Ramasamy", "ராமசாமி"), ("Venkataraman", "வெங்கடராமன்"), ("Subramanian", "சுப்பிரமணியன்")]),
    ("bengali", "gf", " ",
     [("Nusrat", "নুসরাত", "F"), ("Tanvir", "তানভীর", "M"), ("Farhana", "ফারহানা", "F")],
     [("Rahman", "রহমান"), ("Chowdhury", "চৌধুরী"), ("Islam", "ইসলাম")]),
    ("chinese", "fg", "",
     [("Xiuying", "秀英", "F"), ("Wei", "伟", "M"), ("Jing", "静", "F"), ("Jianguo", "建国", "M")],
     [("Wang", "王"), ("Zhang", "张"), ("Ouyang", "欧阳"), ("Liu", "刘")]),
    ("japanese", "fg", " ",
     [("Hanako", "花子", "F"), ("Kenji", "健二", "M"), ("Misaki", "美咲", "F"), ("Shota", "翔太", "M")],
     [("Sato", "佐藤"), ("Watanabe", "渡辺"), ("Takahashi", "高橋")]),
    ("korean", "fg", "",
     [("Min-jun", "민준", "M"), ("Ji-woo", "지우", "F"), ("Seo-yeon", "서연", "F"), ("Sung-ho", "성호", "M")],
     [("Kim", "김"), ("Park", "박"), ("Choi", "최"), ("Jung", "정")]),
    ("vietnamese", "fg", " ",
     [("Thị Lan", None, "F"), ("Văn Đức", None, "M"), ("Minh Châu", None, "F"), ("Quốc Bảo", None, "M"),
      ("Thị Hằng", None, "F")],
     [("Nguyễn", None), ("Trần", None), ("Phạm", None), ("Huỳnh", None)]),
    ("filipino", "gf", " ",
     [("Maricel", None, "F"), ("Rodrigo", None, "M"), ("Jun-Jun", None, "M"), ("Lourdes", None, "F")],
     [("Dela Cruz", None), ("Bautista", None), ("Macaraeg", None), ("Santos-Villanueva", None)]),
    ("thai", "gf", " ",
     [("Somchai", "สมชาย", "M"), ("Malee", "มาลี", "F"), ("Wanphen", "วันเพ็ญ", "F")],
     [("Jaidee", "ใจดี"), ("Srisuk", "ศรีสุข"), ("Wongthai", "วงศ์ไทย")]),
    ("indonesian_mononym", "gf", " ",
     [("Suharti", None, "F"), ("Sukarman", None, "M"), ("Wartini", None, "F"), ("Bambang", None, "M")],
     [("", None)]),
    ("hmong", "gf", " ",
     [("Pa Nhia", None, "F"), ("Tou", None, "M"), ("Mai Yer", None, "F"), ("Chue", None, "M")],
     [("Xiong", None), ("Vang", None), ("Lor", None), ("Thao", None)]),
    ("pacific_islander", "gf", " ",
     [("Keʻalohilani", None, "F"), ("Sione", None, "M"), ("Leilani", None, "F"), ("Tavita", None, "M")],
     [("Kahananui", None), ("Faleolo", None), ("Akana", None), ("Fuimaono", None)]),
    ("navajo", "gf", " ",
     [("Darlene", None, "F"), ("Marvin", None, "M"), ("Loretta", None, "F"), ("Delbert", None, "M")],
     [("Yazzie", None), ("Begay", None), ("Tsosie", None), ("Nez", None)]),
    ("nordic", "gf", " ",
     [("Åsa", None, "F"), ("Øystein", None, "M"), ("Sölvi", None, "F"), ("Björn", None, "M")],
     [("Bjørnstad", None), ("Lindqvist", None), ("Håkansson", None), ("Ødegård", None)]),
    ("finnish", "gf", " ",
     [("Päivi", None, "F"), ("Jussi", None, "M"), ("Tuulikki", None, "F")],
     [("Häkkinen", None), ("Kärkkäinen", None), ("Mäkelä", None)]),
    ("armenian", "gf", " ",
     [("Anahit", "Անահիտ", "F"), ("Hovhannes", "Հովհաննես", "M")],
     [("Petrosyan", "Պետրոսյան"), ("Sargsyan", "Սարգսյան")]),
    ("georgian", "gf", " ",
     [("Nino", "ნინო", "F"), ("Giorgi", "გიორგი", "M")],
     [("Beridze", "ბერიძე"), ("Kapanadze", "კაპანაძე")]),
    ("pakistani", "gf", " ",
     [("Ayesha", None, "F"), ("Imran", None, "M"), ("Saima", None, "F")],
     [("Qureshi", None), ("Siddiqui", None), ("Chaudhry", None)]),
]
CULTURE_KEYS = [c[0] for c in CULTURES]
CULTURE = {c[0]: c for c in CULTURES}
MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW"


def _form(entry, sex):
    if "/" in entry:
        m, f = entry.split("/")
        return f if sex == "F" else m
    return entry


class Person:
    def __init__(self, culture, given, family, sex, native=None, middle=""):
        self.culture, self.given, self.family, self.sex = culture, given, family, sex
        self.native, self.middle = native, middle

    @property
    def mononym(self):
        return not self.given

    def full(self):
        if self.mononym:
            return self.family
        if CULTURE[self.culture][1] == "fg" and self.culture == "vietnamese":
            return self.family + " " + self.given
        return self.given + " " + self.family

    def western(self):
        """Given name first, as a US registration desk would type it."""
        if self.mononym:
            return self.family
        if self.culture == "vietnamese":
            parts = self.given.split(" ")
            return parts[-1] + " " + self.family
        return self.given + " " + self.family

    def display(self):
        return self.native or self.full()

    def first(self):
        if self.mononym:
            return self.family
        if self.culture == "vietnamese":
            return self.given.split(" ")[-1]
        return self.given

    def last_first(self):
        if self.mononym:
            return self.family
        m = (" " + self.middle + ".") if self.middle else ""
        return "%s, %s%s" % (self.family, self.first(), m)

    def upper_last_first(self):
        if self.mononym:
            return fold(self.family).upper()
        return "%s, %s" % (fold(self.family).upper(), fold(self.first()).upper())

    def hl7(self, with_middle=True):
        if self.mononym:
            return fold(self.family).upper() + "^FNU"
        fam = fold(self.family).upper()
        if self.culture == "vietnamese":
            parts = fold(self.given).upper().split(" ")
            return "%s^%s^%s" % (fam, parts[-1], " ".join(parts[:-1]))
        giv = fold(self.given).upper()
        if with_middle and self.middle:
            return "%s^%s^%s" % (fam, giv, self.middle)
        return "%s^%s" % (fam, giv)

    def initial_last(self):
        if self.mononym:
            return self.family
        return "%s. %s" % (self.first()[0], self.family)

    def email_local(self, r):
        g = fold(self.first()).lower().replace(" ", "").replace("'", "").replace("-", "")
        f = fold(self.family).lower().replace(" ", "").replace("'", "").replace("-", "")
        if not g:
            g, f = f, ""
        style = r.randrange(6)
        n = str(r.randint(1, 99))
        if style == 0 or not f:
            return g + n + str(r.randint(10, 99))
        if style == 1:
            return "%s.%s" % (g, f)
        if style == 2:
            return "%s%s%s" % (g[0], f, n)
        if style == 3:
            return "%s_%s%s" % (g, f[:4], n)
        if style == 4:
            return "%s.%s.%s" % (g, f, n)
        return "%s%s" % (f, g[:3])


def make_person(r, culture=None, sex=None, family=None):
    culture = culture or r.choice(CULTURE_KEYS)
    key, order, joiner, givens, families = CULTURE[culture]
    pool = [g for g in givens if sex is None or g[2] == sex] or givens
    g_lat, g_nat, gsex = r.choice(pool)
    if family is not None:
        f_lat, f_nat = family
    else:
        f_lat, f_nat = r.choice(families)
    fam = _form(f_lat, gsex)
    native = None
    if g_nat and f_nat and r.random() < 0.6:
        fn = _form(f_nat, gsex)
        native = (fn + joiner + g_nat) if order == "fg" else (g_nat + joiner + fn)
    middle = r.choice(MIDDLE_INITIALS) if (culture not in ("vietnamese", "indonesian_mononym") and r.random() < 0.4) else ""
    if not fam:  # mononym: the single name is kept as the family name, given name empty (HL7: NAME^FNU)
        g_lat, fam, middle = "", g_lat, ""
    p = Person(culture, g_lat, fam, gsex, native, middle)
    p.family_entry = (f_lat, f_nat)
    return p


# --------------------------------------------------------------------------- staff, places, codes
STAFF_NAMES = [
    "Imelda Vorster", "Kwabena Asante", "Lindsey Marchetti", "Tobias Ferreira", "Anjali Deshpande",
    "Corinne Falk", "Marcus Oyelaran", "Hiroshi Tanabe", "Sven Aaltonen", "Beatriz Moncada",
    "Devon Achterberg", "Priyanka Iyer", "Gareth Pomeroy", "Nadia Rahimi", "Oluwatoyin Bamidele",
    "Colm Fitzgerald", "Renata Szabo", "Tomasz Wróbel", "Keisha Langford", "Yusuf Karaca",
    "Élodie Marchand", "Mateo Castellanos", "Ingrid Solberg", "Benedikt Kraus", "Chidi Umeh",
    "Farah Naqvi", "Wendell Ashby", "Ruth Oduya", "Ha-eun Jo", "Thu Trang Đỗ", "Gwen Talbot",
    "Aurelio Bassi", "Mei-Ling Cho", "Jonah Whitfield", "Sabine Krüger", "Pieter Claes", "Amara Nwosu",
    "Lucía Berrocal", "Declan Farrow", "Sunil Ganapathy",
]
ORG_DOMAINS = ["northriverhealth.org", "lakeshoremed.org", "cedarvalleyhealth.com", "stagneshs.org",
               "brightwaterclinics.com", "pinecresthealth.net"]
FACILITIES = [
    ("Northriver Regional Medical Center", "NRMC"), ("St. Agnes Hospital", "SAH"),
    ("Lakeshore Family Clinic", "LFC"), ("Cedar Valley Cancer Institute", "CVCI"),
    ("Brightwater Urgent Care - Elm St", "BWUC"), ("Mercy Pines Skilled Nursing", "MPSN"),
    ("Westfield Dialysis Center", "WDC"), ("Sunrise Behavioral Health", "SBH"),
    ("Pinecrest Women's Health", "PCWH"), ("Harlow County Memorial", "HCM"),
]
PAYERS = [("Keystone Mutual Health", "1-800-555-0100"), ("Pinecrest HMO", "1-888-411-7720"),
          ("Cardinal Medicaid MCO", "1-866-302-4419"), ("Medicare Part B", "1-800-633-4227"),
          ("Tri-Lakes Employee Benefit Trust", "1-877-290-6613"), ("Great Plains Blue PPO", "1-800-872-1190")]

CONDITIONS = [
    ("Type 2 diabetes mellitus without complications", "E11.9"), ("Essential hypertension", "I10"),
    ("COPD with acute exacerbation", "J44.1"), ("Heart failure, unspecified", "I50.9"),
    ("Pneumonia, unspecified organism", "J18.9"), ("Atrial fibrillation", "I48.91"),
    ("Urinary tract infection", "N39.0"), ("Major depressive disorder, single episode", "F32.9"),
    ("Fracture of right femoral neck", "S72.001A"), ("Acute kidney injury", "N17.9"),
    ("Cellulitis of left lower limb", "L03.116"), ("Mild intermittent asthma", "J45.20"),
    ("Hypothyroidism", "E03.9"), ("Migraine without aura", "G43.009"), ("Chest pain, unspecified", "R07.9"),
    ("Syncope and collapse", "R55"), ("Unspecified dementia", "F03.90"), ("CKD stage 3a", "N18.31"),
    ("Gastroesophageal reflux disease", "K21.9"), ("Opioid dependence, uncomplicated", "F11.20"),
    ("Iron deficiency anemia", "D50.9"), ("Sepsis, unspecified organism", "A41.9"),
]
MEDS = [("metformin", "500 mg"), ("lisinopril", "10 mg"), ("apixaban", "5 mg"), ("atorvastatin", "40 mg"),
        ("furosemide", "20 mg"), ("levothyroxine", "75 mcg"), ("sertraline", "50 mg"), ("albuterol HFA", "90 mcg"),
        ("insulin glargine", "18 units"), ("amoxicillin-clavulanate", "875 mg"), ("ondansetron", "4 mg"),
        ("acetaminophen", "650 mg"), ("tamsulosin", "0.4 mg"), ("donepezil", "10 mg"), ("warfarin", "5 mg"),
        ("buprenorphine-naloxone", "8-2 mg"), ("prednisone", "40 mg"), ("ceftriaxone", "1 g"),
        ("metoprolol succinate", "25 mg"), ("gabapentin", "300 mg")]
CPTS = [("99213", "Office visit, est, low"), ("99214", "Office visit, est, moderate"),
        ("99285", "ED visit, high severity"), ("93000", "ECG w/ interpretation"), ("71046", "Chest x-ray 2 views"),
        ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ diff"), ("36415", "Venipuncture"),
        ("90471", "Immunization admin"), ("G0439", "Annual wellness visit, subsequent"),
        ("97110", "Therapeutic exercise"), ("99223", "Initial hospital care, high")]
NDCS = [("00093-7214-01", "metformin"), ("68180-0513-03", "lisinopril"), ("00003-0894-21", "apixaban"),
        ("00378-3952-77", "atorvastatin"), ("00054-4297-25", "furosemide"), ("00074-6624-90", "levothyroxine")]
LABS = [("2345-7", "Glucose", "mg/dL", (70, 240)), ("2160-0", "Creatinine", "mg/dL", (0.6, 3.1)),
        ("718-7", "Hemoglobin", "g/dL", (7.9, 16.2)), ("4548-4", "Hemoglobin A1c", "%", (5.1, 11.4)),
        ("2823-3", "Potassium", "mmol/L", (3.1, 5.9)), ("6690-2", "WBC", "10*3/uL", (3.2, 18.5)),
        ("33762-6", "NT-proBNP", "pg/mL", (80, 9000))]
VACCINES = [("140", "Influenza, seasonal, injectable, preservative free"), ("208", "COVID-19, mRNA, LNP-S, PF"),
            ("33", "Pneumococcal polysaccharide PPV23"), ("115", "Tdap"), ("187", "Zoster recombinant")]

CITIES = [
    ("Dayton", "OH", "Ohio", "454"), ("Toledo", "OH", "Ohio", "436"), ("Erie", "PA", "Pennsylvania", "165"),
    ("Scranton", "PA", "Pennsylvania", "185"), ("Lowell", "MA", "Massachusetts", "018"),
    ("Fall River", "MA", "Massachusetts", "027"), ("Bangor", "ME", "Maine", "044"),
    ("Lewiston", "ME", "Maine", "042"), ("Burlington", "VT", "Vermont", "054"), ("Utica", "NY", "New York", "135"),
    ("Camden", "NJ", "New Jersey", "081"), ("Paterson", "NJ", "New Jersey", "075"), ("Fresno", "CA", "California", "937"),
    ("Modesto", "CA", "California", "953"), ("El Paso", "TX", "Texas", "799"), ("Laredo", "TX", "Texas", "780"),
    ("Tucson", "AZ", "Arizona", "857"), ("Chinle", "AZ", "Arizona", "865"), ("Gallup", "NM", "New Mexico", "873"),
    ("Hilo", "HI", "Hawaii", "967"), ("St. Paul", "MN", "Minnesota", "551"), ("Milwaukee", "WI", "Wisconsin", "532"),
    ("Fargo", "ND", "North Dakota", "581"), ("Spokane", "WA", "Washington", "992"), ("Eugene", "OR", "Oregon", "974"),
    ("Boise", "ID", "Idaho", "837"), ("Macon", "GA", "Georgia", "312"), ("Mobile", "AL", "Alabama", "366"),
    ("Shreveport", "LA", "Louisiana", "711"), ("Tulsa", "OK", "Oklahoma", "741"), ("Wichita", "KS", "Kansas", "672"),
    ("Dearborn", "MI", "Michigan", "481"), ("Hialeah", "FL", "Florida", "330"), ("Kissimmee", "FL", "Florida", "347"),
    ("Bethel", "AK", "Alaska", "995"), ("Hope", "AR", "Arkansas", "718"), ("Independence", "MO", "Missouri", "640"),
    ("Sioux Falls", "SD", "South Dakota", "571"), ("Lancaster", "PA", "Pennsylvania", "176"),
]
STREETS = ["Alder", "Maple", "Birchwood", "Kenwood", "Martin Luther King Jr", "Old Mill", "Pleasant Valley",
           "Quail Hollow", "Cherokee", "N 14th", "W Cermak", "E Fayette", "Calle del Sol", "Saint Clair",
           "Dogwood", "Ridgecrest", "Lakeview", "Orchard", "Railroad", "Wyandotte", "Kamehameha", "Boulder Creek",
           "S Orange Blossom", "Juniper", "Mulberry", "Commonwealth", "Prairie Wind", "Hickory Ridge"]
SUFFIXES = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way", "Pl", "Ter", "Pike", "Cir", "Street", "Avenue", "Road", "Drive"]
UNITS = ["Apt 4B", "Apt. 12", "Unit 305", "#7", "Apt 2R", "Lot 44", "Trlr 9", "Fl 2", "Bsmt", "Rm 118", "Apt 1103", "Unit C"]


def d_add(d, days):
    return d + dt.timedelta(days=days)


class Address:
    pass


def make_address(r, kind=None):
    a = Address()
    city, st, stname, z3 = r.choice(CITIES)
    a.city, a.state, a.state_name = city, st, stname
    a.zip5 = z3 + "%02d" % r.randint(1, 99)
    a.zip = a.zip5 + ("-%04d" % r.randint(1, 9999) if r.random() < 0.25 else "")
    kind = kind or r.choice(["street"] * 8 + ["pobox", "rural"])
    a.kind = kind
    a.unit = ""
    if kind == "street":
        a.num = str(r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10000, 48999)]))
        a.street = "%s %s" % (r.choice(STREETS), r.choice(SUFFIXES))
        a.line = "%s %s" % (a.num, a.street)
        if r.random() < 0.45:
            a.unit = r.choice(UNITS)
    elif kind == "pobox":
        a.num, a.street = "", ""
        a.line = r.choice(["PO Box ", "P.O. Box ", "POB "]) + str(r.randint(11, 9899))
    else:
        a.num, a.street = "", ""
        a.line = r.choice(["RR %d Box %d" % (r.randint(1, 9), r.randint(1, 299)),
                           "HC %d Box %d" % (r.randint(60, 79), r.randint(1, 999)),
                           "Rural Route %d, Box %dA" % (r.randint(1, 5), r.randint(1, 99))])
    return a


def addr_pieces(a, style="oneline", zipfield=None):
    z = zipfield or a.zip
    line_unit = a.line + (" " + a.unit if a.unit else "")
    if style == "oneline":
        return [STREET(line_unit), ", ", STREET(a.city), ", ", STATE(a.state), " ", ZIP(z)]
    if style == "twoline":
        out = [STREET(a.line), "\n"]
        if a.unit:
            out += [STREET(a.unit), "\n"]
        return out + [STREET(a.city), ", ", STATE(a.state), " ", ZIP(z)]
    if style == "upper":
        return [STREET(fold(line_unit).upper().replace(".", "")), " ", STREET(fold(a.city).upper()), " ",
                STATE(a.state), " ", ZIP(z)]
    if style == "euro":
        if a.kind == "street":
            line = [STREET("%s %s" % (a.street, a.num))]
        else:
            line = [STREET(a.line)]
        if a.unit:
            line += [", ", STREET(a.unit)]
        return line + [", ", ZIP(z), " ", STREET(a.city), ", ", STATE(a.state_name)]
    if style == "aus":
        if a.unit and a.kind == "street":
            u = a.unit.replace("Apt. ", "").replace("Apt ", "").replace("Unit ", "").replace("#", "")
            if u.isalnum() and (u[:1].isdigit() or len(u) <= 2):
                return [STREET("%s/%s %s" % (u, a.num, a.street)), ", ", STREET(a.city), " ", STATE(a.state), " ", ZIP(z)]
        return [STREET(line_unit), ", ", STREET(a.city), " ", STATE(a.state), " ", ZIP(z)]
    if style == "uk":
        out = []
        if a.unit:
            out += [STREET(a.unit.replace("Apt", "Flat")), ", "]
        out += [STREET(a.line), ",\n", STREET(a.city), ",\n", STATE(a.state_name), "\n", ZIP(z), "\nUnited States"]
        return out
    raise ValueError(style)


ADDR_STYLES = ["oneline", "oneline", "twoline", "upper", "euro", "aus", "uk"]


# --------------------------------------------------------------------------- identifiers
def luhn_check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def gen_npi(r):
    while True:
        base = str(r.choice([1, 2])) + "".join(str(r.randint(0, 9)) for _ in range(8))
        npi = base + luhn_check_digit("80840" + base)
        if npi != "1234567893":
            return npi


def gen_card(r):
    prefix = r.choice(["4", "4", "51", "53", "37"])
    length = 15 if prefix == "37" else 16
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return body + luhn_check_digit(body)


def fmt_card(n, r):
    if len(n) == 15:
        return "%s %s %s" % (n[:4], n[4:10], n[10:])
    style = r.randrange(3)
    if style == 0:
        return " ".join(n[i:i + 4] for i in range(0, 16, 4))
    if style == 1:
        return "-".join(n[i:i + 4] for i in range(0, 16, 4))
    return n


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(r):
    while True:
        an = MBI_ALPHA + "0123456789"
        s = (str(r.randint(1, 9)) + r.choice(MBI_ALPHA) + r.choice(an) + str(r.randint(0, 9)) +
             r.choice(MBI_ALPHA) + r.choice(an) + str(r.randint(0, 9)) + r.choice(MBI_ALPHA) +
             r.choice(MBI_ALPHA) + str(r.randint(0, 9)) + str(r.randint(0, 9)))
        if s != "1EG4TE5MK73":
            return s


def fmt_mbi(m, dashed):
    return "%s-%s-%s" % (m[:4], m[4:7], m[7:]) if dashed else m


def gen_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = "%03d-%02d-%04d" % (a, g, s)
        if v not in ("123-45-6789", "078-05-1120", "219-09-9999"):
            return v


def fmt_ssn(s, style):
    if style == "plain":
        return s.replace("-", "")
    if style == "space":
        return s.replace("-", " ")
    return s


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def gen_vin(r):
    chars = [r.choice(VIN_CHARS) for _ in range(17)]
    chars[0] = r.choice("12345JKLSWYZ")
    chars[9] = r.choice("LMNPRS")
    total = sum((int(c) if c.isdigit() else VIN_VAL[c]) * w for c, w in zip(chars, VIN_W))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)


def gen_plate(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    style = r.randrange(4)
    if style == 0:
        return "%d%s%03d" % (r.randint(1, 9), "".join(r.choice(L) for _ in range(3)), r.randint(0, 999))
    if style == 1:
        return "%s-%04d" % ("".join(r.choice(L) for _ in range(3)), r.randint(0, 9999))
    if style == 2:
        return "%s %04d" % ("".join(r.choice(L) for _ in range(3)), r.randint(0, 9999))
    return "%s%d%s%d" % (r.choice(L), r.randint(10, 99), "".join(r.choice(L) for _ in range(2)), r.randint(100, 999))


def gen_dl(r, state):
    if state == "CA":
        return "%s%07d" % (r.choice("ABDEFGHKNRSTWY"), r.randint(0, 9999999))
    if state == "FL":
        return "%s%03d-%03d-%02d-%03d-%d" % (r.choice("ABCDGHKMPRSTW"), r.randint(0, 999), r.randint(0, 999),
                                             r.randint(0, 99), r.randint(0, 999), r.randint(0, 9))
    if state in ("NY", "NJ"):
        return "%03d %03d %03d" % (r.randint(0, 999), r.randint(0, 999), r.randint(0, 999))
    if state == "PA":
        return "%02d %03d %03d" % (r.randint(0, 99), r.randint(0, 999), r.randint(0, 999))
    if state == "TX":
        return "%08d" % r.randint(10000000, 49999999)
    return "%s%s%06d" % (r.choice("ABCDEFGHJKLMNPRSTWXY"), r.choice("0123456789"), r.randint(0, 999999))


def gen_mrn(r):
    style = r.randrange(6)
    if style == 0:
        return "%08d" % r.randint(100000, 9999999)
    if style == 1:
        return "E%07d" % r.randint(0, 9999999)
    if style == 2:
        return "%d%06d" % (r.randint(1, 9), r.randint(0, 999999))
    if style == 3:
        return "M%09d" % r.randint(0, 999999999)
    if style == 4:
        return "%03d-%02d-%02d" % (r.randint(100, 999), r.randint(0, 99), r.randint(0, 99))
    return "NR%07d" % r.randint(0, 9999999)


def gen_acct(r):
    style = r.randrange(4)
    if style == 0:
        return "%010d" % r.randint(1000000000, 9999999999)
    if style == 1:
        return "A%08d" % r.randint(0, 99999999)
    if style == 2:
        return "%d-%06d" % (r.randint(10, 99), r.randint(0, 999999))
    return "HAR%09d" % r.randint(0, 999999999)


def gen_visit(r):
    return r.choice(["V%09d" % r.randint(0, 999999999), "%011d" % r.randint(10 ** 9, 10 ** 11 - 1),
                     "ENC%07d" % r.randint(0, 9999999), "%d" % r.randint(10 ** 9, 10 ** 10 - 1)])


def gen_member(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    style = r.randrange(5)
    if style == 0:
        return "".join(r.choice(L) for _ in range(3)) + "%09d" % r.randint(0, 999999999)
    if style == 1:
        return "W%09d" % r.randint(0, 999999999)
    if style == 2:
        return "%09d%s" % (r.randint(0, 999999999), r.choice(["01", "02", "A", "*01"]).replace("*", ""))
    if style == 3:
        return "%s%08d" % (r.choice(["ZGP", "MCD", "KMH"]), r.randint(0, 99999999))
    return "%s-%04d-%05d" % ("".join(r.choice(L) for _ in range(2)), r.randint(0, 9999), r.randint(0, 99999))


def gen_group(r):
    return r.choice(["%06d" % r.randint(0, 999999), "GRP-%05d" % r.randint(0, 99999),
                     "%s%04d" % ("".join(r.choice("ABCDEFGHKLMNPRSTW") for _ in range(2)), r.randint(0, 9999))])


def gen_claim(r, year):
    return r.choice(["CLM-%d-%07d" % (year, r.randint(0, 9999999)), "%d%s%07d" % (year % 100, r.choice("ABCDEFGH"), r.randint(0, 9999999)),
                     "%013d" % r.randint(10 ** 12, 10 ** 13 - 1), "ICN %d%09d" % (r.randint(10, 29), r.randint(0, 999999999))])


def gen_ip(r):
    style = r.randrange(6)
    if style == 5:
        return "2601:%x:%x:%x:%x:%x:%x:%x" % tuple(r.randint(0x100, 0xffff) for _ in range(7))
    first = r.choice([24, 47, 67, 68, 69, 71, 73, 75, 76, 96, 97, 98, 99, 107, 108, 173, 174, 184])
    return "%d.%d.%d.%d" % (first, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))


def gen_server_ip(r):
    return r.choice(["10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                     "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254)),
                     "192.168.%d.%d" % (r.randint(0, 255), r.randint(1, 254))])


def gen_serial(r):
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    style = r.randrange(5)
    if style == 0:
        return "%s%s%d-%05d-%s" % (r.choice(L), r.choice(L), r.randint(1, 9), r.randint(0, 99999), r.choice(L))
    if style == 1:
        return "".join(r.choice(L + "0123456789") for _ in range(10))
    if style == 2:
        return "%s%06d%s" % ("".join(r.choice(L) for _ in range(3)), r.randint(0, 999999), r.choice(L))
    if style == 3:
        return "SN%08d" % r.randint(0, 99999999)
    return "%04d-%04d-%04d" % (r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 9999))


def gen_udi(r, exp):
    return "(01)%014d(17)%s(10)%s(21)%s" % (r.randint(10 ** 12, 10 ** 14 - 1), exp.strftime("%y%m%d"),
                                           "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6)),
                                           "%08d" % r.randint(0, 99999999))


def gen_uuid(r):
    h = "%032x" % r.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def gen_hex(r, n):
    return ("%0" + str(n) + "x") % r.getrandbits(4 * n)


# --------------------------------------------------------------------------- phones
class Phone:
    def __init__(self, r):
        self.area = "%d%d%d" % (r.randint(2, 9), r.randint(0, 8), r.randint(0, 9))
        while self.area in ("555", "800", "833", "844", "855", "866", "877", "888", "900", "911", "211", "311", "411",
                            "511", "611", "711", "811"):
            self.area = "%d%d%d" % (r.randint(2, 9), r.randint(0, 8), r.randint(0, 9))
        ex = "%d%02d" % (r.randint(2, 9), r.randint(0, 99))
        while ex in ("555", "911") or ex[1:] == "11":
            ex = "%d%02d" % (r.randint(2, 9), r.randint(0, 99))
        self.exch = ex
        self.line = "%04d" % r.randint(0, 9999)

    def fmt(self, style):
        a, e, l = self.area, self.exch, self.line
        return {
            "paren": "(%s) %s-%s" % (a, e, l), "paren_tight": "(%s)%s-%s" % (a, e, l),
            "dash": "%s-%s-%s" % (a, e, l), "dot": "%s.%s.%s" % (a, e, l), "space": "%s %s %s" % (a, e, l),
            "plain": a + e + l, "e164": "+1" + a + e + l, "intl": "+1 %s-%s-%s" % (a, e, l),
            "one": "1-%s-%s-%s" % (a, e, l), "plus_paren": "+1 (%s) %s %s" % (a, e, l),
        }[style]


PHONE_STYLES = ["paren", "paren", "dash", "dash", "dot", "space", "plain", "e164", "intl", "one", "plus_paren", "paren_tight"]


def xtn(ph, use="PRN", equip="PH"):
    """HL7 XTN with area code and local number in separate components: two spans."""
    return ["^%s^%s^^1^" % (use, equip), PHONE(ph.area), "^", PHONE(ph.exch + ph.line)]


# --------------------------------------------------------------------------- dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fmt_date(d, style):
    m3 = MONTHS[d.month - 1][:3]
    return {
        "us": d.strftime("%m/%d/%Y"), "us_nopad": "%d/%d/%d" % (d.month, d.day, d.year),
        "us_short": "%d/%d/%02d" % (d.month, d.day, d.year % 100), "iso": d.isoformat(),
        "hl7": d.strftime("%Y%m%d"), "dmon": "%02d-%s-%d" % (d.day, m3, d.year),
        "DMON": "%02d-%s-%02d" % (d.day, m3.upper(), d.year % 100),
        "long": "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
        "dlong": "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year), "eu": d.strftime("%d.%m.%Y"),
        "mon": "%s %d %d" % (m3, d.day, d.year), "ymd_slash": d.strftime("%Y/%m/%d"),
        "us_dash": d.strftime("%m-%d-%Y"), "short_mon": "%d %s %d" % (d.day, m3, d.year),
        "eu_slash": d.strftime("%d/%m/%Y"),
    }[style]


DATE_STYLES = ["us", "us", "us_nopad", "us_short", "iso", "dmon", "DMON", "long", "dlong", "eu", "mon",
               "ymd_slash", "us_dash", "short_mon"]


def rand_date(r, start, end):
    return start + dt.timedelta(days=r.randint(0, (end - start).days))


def rand_time(r, d, hours=(0, 23)):
    return dt.datetime(d.year, d.month, d.day, r.randint(*hours), r.randint(0, 59), r.randint(0, 59))


def hl7_ts(t, secs=True):
    return t.strftime("%Y%m%d%H%M%S" if secs else "%Y%m%d%H%M")


def age_on(dob, today):
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


def dob_for_age(r, age, today):
    d = dt.date(today.year - age, r.randint(1, 12), r.randint(1, 28))
    if (d.month, d.day) > (today.month, today.day):
        d = d.replace(year=d.year - 1)
    return d


NUM_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three", 94: "ninety-four",
             95: "ninety-five", 96: "ninety-six", 97: "ninety-seven", 98: "ninety-eight", 99: "ninety-nine",
             100: "one hundred", 101: "one hundred and one", 102: "one hundred two", 103: "one hundred three"}


# --------------------------------------------------------------------------- patient context
class Ctx:
    pass


ROLE_SEX = {"mother": "F", "grandmother": "F", "daughter": "F", "niece": "F", "sister": "F", "wife": "F",
            "father": "M", "son": "M", "brother": "M", "husband": "M", "nephew": "M"}
PEDS_CONDITIONS = [("Mild intermittent asthma", "J45.20"), ("Acute otitis media, unspecified ear", "H66.90"),
                   ("ADHD, combined type", "F90.2"), ("Type 1 diabetes mellitus without complications", "E10.9"),
                   ("Streptococcal pharyngitis", "J02.0"), ("Atopic dermatitis", "L20.9"),
                   ("Concussion without loss of consciousness", "S06.0X0A"), ("Bronchiolitis due to RSV", "J21.0")]
PEDS_MEDS = [("amoxicillin", "400 mg/5 mL"), ("albuterol HFA", "90 mcg"), ("methylphenidate ER", "18 mg"),
             ("insulin lispro", "sliding scale"), ("cetirizine", "5 mg"), ("hydrocortisone 2.5% cream", "thin layer"),
             ("ibuprofen", "200 mg")]


def adult(c, lo=19, hi=84):
    """Patient-authored documents: make sure the patient is an adult (re-draw the birth date)."""
    if c.age < 18:
        c.age = c.r.randint(lo, hi)
        c.dob = dob_for_age(c.r, c.age, c.today)
        c.conds = c.r.sample(CONDITIONS, 3)
        c.meds = c.r.sample(MEDS, 3)
        if c.rel_role in ("mother", "father", "guardian", "grandmother"):
            c.rel_role = {"F": "sister", "M": "brother"}[c.rel.sex]


def make_ctx(r, culture, today, elderly=False):
    c = Ctx()
    c.r = r
    c.today = today
    c.culture = culture
    c.pt = make_person(r, culture)
    if elderly:
        c.age = r.randint(90, 103)
    else:
        c.age = r.choice([r.randint(1, 17), r.randint(18, 64), r.randint(18, 64), r.randint(30, 79),
                          r.randint(65, 89), r.randint(90, 99)])
    c.dob = dob_for_age(r, c.age, today)
    c.sex = c.pt.sex
    c.addr = make_address(r)
    c.phone = Phone(r)
    c.cell = Phone(r)
    c.email = c.pt.email_local(r) + "@" + r.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com",
                                                    "hotmail.com", "aol.com", "comcast.net", "proton.me", "att.net"])
    c.ssn = gen_ssn(r)
    c.mrn = gen_mrn(r)
    c.acct = gen_acct(r)
    c.visit = gen_visit(r)
    c.member = gen_member(r)
    c.group = gen_group(r)
    c.mbi = gen_mbi(r)
    c.claim = gen_claim(r, today.year)
    c.ip = gen_ip(r)
    c.serial = gen_serial(r)
    c.card = gen_card(r)
    c.dl = gen_dl(r, c.addr.state)
    c.vin = gen_vin(r)
    c.plate = gen_plate(r)
    # relative: same culture most of the time, sometimes the same family name
    if c.age < 18:
        c.rel_role = r.choice(["mother", "father", "guardian", "grandmother"])
    elif c.age >= 75:
        c.rel_role = r.choice(["daughter", "son", "spouse", "niece", "POA"])
    else:
        c.rel_role = r.choice(["spouse", "wife", "husband", "sister", "brother", "partner", "mother"])
    if c.rel_role == "spouse" or c.rel_role == "partner":
        rel_sex = r.choice(["F", "M"])
    elif c.rel_role in ("wife", "husband"):
        c.rel_role = "wife" if c.sex == "M" else "husband"
        rel_sex = "F" if c.rel_role == "wife" else "M"
    else:
        rel_sex = ROLE_SEX.get(c.rel_role)
    rel_culture = culture if r.random() < 0.7 else r.choice(CULTURE_KEYS)
    if rel_culture == culture and r.random() < 0.5 and culture != "indonesian_mononym":
        c.rel = make_person(r, culture, sex=rel_sex, family=c.pt.family_entry)
    else:
        c.rel = make_person(r, rel_culture, sex=rel_sex)
    if c.rel.full() == c.pt.full():
        c.rel = make_person(r, "us_anglo", sex=rel_sex)
    c.rel_phone = Phone(r)
    staff = r.sample(STAFF_NAMES, 4)
    c.staff = staff
    c.dom = r.choice(ORG_DOMAINS)
    c.fac, c.fac_code = r.choice(FACILITIES)
    c.payer, c.payer_phone = r.choice(PAYERS if c.age >= 65 else [p for p in PAYERS if "Medicare" not in p[0]])
    c.conds = r.sample(PEDS_CONDITIONS if c.age < 18 else CONDITIONS, 3)
    c.meds = r.sample(PEDS_MEDS if c.age < 18 else MEDS, 3)
    c.npi = gen_npi(r)
    c.admit = rand_date(r, d_add(today, -40), d_add(today, -3))
    c.disch = d_add(c.admit, r.randint(1, 9))
    c.svc = rand_date(r, d_add(today, -120), d_add(today, -1))
    c.ds = r.choice(DATE_STYLES)
    c.ps = r.choice(PHONE_STYLES)
    c.title = {"F": r.choice(["Ms.", "Mrs.", "Ms"]), "M": r.choice(["Mr.", "Mr"])}[c.sex]
    return c


def staff_email(name, dom, r=None, style=0):
    g, f = fold(name).lower().replace("'", "").split(" ", 1)
    f = f.replace(" ", "").replace("-", "")
    return ["%s.%s@%s" % (g, f, dom), "%s%s@%s" % (g[0], f, dom), "%s_%s@%s" % (g, f, dom)][style % 3]


def handle(name):
    g, f = fold(name).lower().split(" ", 1)
    return g[0] + f.replace(" ", "").replace("-", "")


def staff_last(name):
    return name.split(" ")[-1]


def staff_hl7(name):
    g, f = fold(name).upper().split(" ", 1)
    return "%s^%s" % (f, g)


def age_text(c, style):
    a = c.age
    return {"num": str(a), "yo": "%d y/o" % a, "yo2": "%dyo" % a, "yrs": "%d yrs" % a, "words": NUM_WORDS.get(a, str(a)),
            "yr_old": "%d-year-old" % a, "years": "%d years" % a, "yoF": "%dYO" % a}[style]


# =========================================================================== HL7 helpers
def seg(name, fields):
    n = max(fields) if fields else 0
    out = [name]
    for i in range(1, n + 1):
        out.append("|")
        v = fields.get(i)
        if v is not None:
            out.append(v)
    return out


def msh(c, mtype, ts, ctrl=None, app="EPIC", rcv="MIRTH^LAB", version="2.5.1"):
    ctrl = ctrl or "%s%06d" % (c.r.choice(["MSG", "Q", "", "ADT"]), c.r.randint(0, 999999))
    return ["MSH|^~\\&|", app, "|", FAC(c.fac_code), "|", rcv, "|", c.r.choice(["LAB", "HIE", "RIS", "BILLING"]),
            "|", MSGT(hl7_ts(ts)), "||", mtype, "|", ctrl, "|P|", version]


def evn(code, ts, c=None):
    return ["EVN|", code, "|", MSGT(hl7_ts(ts)), "|||", (c and c.r.choice(["REGCLERK", "ADT_BATCH", "", "IFACE"])) or ""]


def xad(a, upper=True):
    f = (lambda s: fold(s).upper()) if upper else (lambda s: s)
    out = [STREET(f(a.line)), "^"]
    if a.unit:
        out.append(STREET(f(a.unit)))
    out += ["^", STREET(f(a.city)), "^", STATE(a.state), "^", ZIP(a.zip), "^USA^H"]
    return out


def pid(c, xad_on=True, phone=True, ssn=True, acct=True, email=False, maiden=False, alt_ids=False,
        dob_time=False, upper=True, phone_style=None):
    r = c.r
    ids = [MRN(c.mrn), "^^^%s^MR" % c.fac_code]
    if alt_ids:
        ids += ["~", SSN(c.ssn.replace("-", "")), "^^^SSA^SS"]
    f = {1: "1", 3: ids, 5: NAME(c.pt.hl7()), 7: DATE(fmt_date(c.dob, "hl7") + ("0000" if dob_time else "")),
         8: c.sex}
    if maiden:
        f[6] = NAME(fold(c.rel.family).upper() if c.rel.family else fold(c.rel.given).upper())
    f[10] = r.choice(["2106-3^White^HL70005", "2054-5^Black or African American^HL70005", "2028-9^Asian^HL70005",
                      "", "2131-1^Other Race^HL70005"])
    if xad_on:
        f[11] = xad(c.addr, upper)
    if phone:
        if phone_style:
            ph = [PHONE(c.phone.fmt(phone_style)), "^PRN^PH"]
        else:
            ph = xtn(c.phone)
        if email:
            ph = ph + ["~^NET^Internet^", EMAIL(c.email)]
        f[13] = ph
    f[15] = r.choice(["ENG", "SPA", "VIE", "", "RUS", "ARA"])
    f[16] = r.choice(["M", "S", "W", "D", ""])
    if acct:
        f[18] = [ACCT(c.acct), "^^^%s^AN" % c.fac_code]
    if ssn:
        f[19] = SSN(c.ssn.replace("-", "") if r.random() < 0.5 else c.ssn)
    return seg("PID", f)


def pv1(c, cls="I", admit=True, disch=False, visit=True, attending=0):
    r = c.r
    att = c.staff[attending]
    f = {1: "1", 2: cls, 3: "%s^%d^%s^%s" % (r.choice(["4W", "ICU", "ED", "5N", "MED", "OBS"]), r.randint(100, 599),
                                               r.choice("ABCD"), c.fac_code),
         4: r.choice(["E", "R", "U", "EL"]),
         7: [NPI(c.npi), "^", STAFF(staff_hl7(att)), "^^^MD^^^NPI"], 10: r.choice(["MED", "SUR", "CAR", "PUL"])}
    if visit:
        f[19] = ACCT(c.visit.replace("CSN ", ""))
    f[20] = r.choice(["", "SELF", "MCR^Medicare"])
    if admit:
        f[44] = DATE(hl7_ts(rand_time(r, c.admit), secs=False))
    if disch:
        f[45] = DATE(hl7_ts(rand_time(r, c.disch), secs=False))
    return seg("PV1", f)


def nk1(c, phone=True):
    rel = c.rel
    f = {1: "1", 2: NAME(rel.hl7(with_middle=False)),
         3: {"mother": "MTH^Mother", "father": "FTH^Father", "guardian": "GRD^Guardian", "grandmother": "GRM^Grandmother",
             "daughter": "CHD^Child", "son": "CHD^Child", "spouse": "SPO^Spouse", "wife": "SPO^Spouse",
             "husband": "SPO^Spouse", "sister": "SIS^Sister", "brother": "BRO^Brother", "partner": "DOM^Domestic Partner",
             "niece": "OTH^Other", "POA": "POA^Power of Attorney"}[c.rel_role] + "^HL70063"}
    if phone:
        f[5] = xtn(c.rel_phone)
    f[7] = "EC^Emergency Contact"
    return seg("NK1", f)


def dg1(c, i, cond, dated=True):
    f = {1: str(i), 3: [ICD(cond[1]), "^", COND(cond[0]), "^I10"], 6: "A"}
    if dated:
        f[5] = DATE(hl7_ts(rand_time(c.r, c.admit), secs=False))
    return seg("DG1", f)


def hl7_join(segs, sep):
    out = []
    for i, s in enumerate(segs):
        if i:
            out.append(sep)
        out.append(s)
    return out


def jira_header(d, c, key, summary, kind="Bug", comps="Interfaces"):
    r = c.r
    created = rand_time(r, c.today, (7, 18))
    d("[", key, "] ", summary, "\n")
    d(r.choice(["Type: ", "Issue Type: "]), kind, r.choice(["    ", "\t", " | "]), "Priority: ",
      r.choice(["Major", "Critical", "P2", "High", "Medium"]), "    Status: ",
      r.choice(["Open", "In Progress", "Triage", "Waiting for Vendor", "Reopened"]), "\n")
    d("Reporter: ", STAFF(c.staff[1]), "    Assignee: ", STAFF(c.staff[2]), "\n")
    d("Created: ", created.strftime(r.choice(["%Y-%m-%d %H:%M", "%d/%b/%y %I:%M %p", "%b %d, %Y %H:%M"])),
      "    Updated: ", (created + dt.timedelta(hours=r.randint(1, 50))).strftime("%Y-%m-%d %H:%M"), "\n")
    d("Component/s: ", comps, "\n\n")


def jkey(r, proj=None):
    return "%s-%d" % (proj or r.choice(["INT", "HL7", "IFACE", "EHRSUP", "MIRTH", "LABIF", "ADTX"]), r.randint(120, 9800))


# =========================================================================== jira_hl7
def t_jira_a01_codeblock(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.admit)
    jira_header(d, c, jkey(r), "ADT^A01 from %s rejected by lab interface (PID-11 parse error)" % c.fac_code)
    d("*Description*\n", "Lab engine throws on the inbound admit below. Looks like the address component has an extra ",
      "repetition. Message copied from the Mirth dashboard, channel ADT_IN_", c.fac_code, ":\n\n{code}\n")
    segs = [msh(c, "ADT^A01^ADT_A01", ts), evn("A01", ts, c), pid(c, maiden=r.random() < 0.4, alt_ids=r.random() < 0.3),
            nk1(c), pv1(c), dg1(c, 1, c.conds[0])]
    if r.random() < 0.5:
        segs.append(["AL1|1|DA|", MED(c.meds[0][0].upper()), "|MO|", COND("Hives")])
    d(hl7_join(segs, "\n"), "\n{code}\n\n")
    d("Error: ", r.choice(["com.lab.hl7.ParseException: XAD repetition count 2 > max 1 at PID-11",
                           "Segment PID field 11 exceeds max repetitions", "ERR|^^^207&Application internal error"]), "\n\n")
    d("*Comments*\n[~", STAFF(handle(c.staff[2])), "] please don't paste full messages here, use the message id. ",
      "Anyway the A01 is fine on our side, check the XAD parser.\n")
    return d


def t_jira_a03_literal_cr(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.disch)
    jira_header(d, c, jkey(r), "Discharge (A03) not closing encounter in downstream billing")
    d("Billing still shows the encounter as open. From the interface engine log (prod, node ", gen_server_ip(r), "):\n\n")
    log_ts = ts + dt.timedelta(seconds=r.randint(2, 50))
    d(log_ts.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % r.randint(0, 999), " ERROR [", r.choice(["pool-3-thread-7", "ADT_OUT-worker-2", "main"]),
      "] o.m.RouterService - Delivery failed, payload=")
    segs = [msh(c, "ADT^A03", ts), evn("A03", ts), pid(c, xad_on=r.random() < 0.5, ssn=False),
            pv1(c, admit=True, disch=True)]
    d(hl7_join(segs, "\\r"), "\\r\n\n")
    d("PV1-45 is populated so the A03 itself looks right. ", STAFF(c.staff[0]), " thinks the billing side keys on PV1-19 ",
      "and the visit number got re-used.\n")
    return d


def t_jira_a08_cr_tags(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.today)
    old = make_address(r, "street")
    jira_header(d, c, jkey(r), "A08 address update overwrites PID-11 with stale value", comps="ADT, MPI")
    d("Patient called registration to update address. The A08 went out with the *old* address. ",
      "Expected PID-11: ")
    d(xad(c.addr, upper=False))
    d("\nActual PID-11 in outbound: ")
    d(xad(old))
    d("\n\nRaw (segments separated by <CR>):\n{noformat}\n")
    segs = [msh(c, "ADT^A08^ADT_A01", ts), evn("A08", ts, c),
            pid(c, phone_style=r.choice(["paren_tight", "dash", "plain"]), email=r.random() < 0.5, ssn=r.random() < 0.5),
            pv1(c, cls=r.choice(["O", "I"]), admit=False)]
    d(hl7_join(segs, r.choice(["<CR>", "<CR>\n"])), "<CR>\n{noformat}\n\n")
    d("@", STAFF(handle(c.staff[3])), " can MPI check whether the update on ", EVENT(fmt_date(c.today, "us")),
      " hit the EMPI before the A08 fired?\n")
    return d


def t_jira_a28_mirth_log(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.today)
    jira_header(d, c, jkey(r, "MIRTH"), "A28 person-add fails schema validation on PD1", comps="Mirth Connect")
    d("Attached mirth.log excerpt:\n\n{noformat}\n")
    srv = gen_server_ip(r)
    t0 = ts + dt.timedelta(seconds=3)
    d(t0.strftime("[%Y-%m-%d %H:%M:%S,%f")[:-3], "]  INFO  (com.mirth.connect.server.Mirth:", str(r.randint(200, 600)),
      "): channel ", gen_uuid(r), " received message from ", srv, ":", str(r.choice([6661, 6662, 7001, 2575])), "\n")
    d((t0 + dt.timedelta(milliseconds=412)).strftime("[%Y-%m-%d %H:%M:%S,%f")[:-3],
      "]  ERROR (transformer:87): XSD validation failed: PD1.4 cardinality\n")
    segs = [msh(c, "ADT^A28^ADT_A05", ts, version="2.5"), evn("A28", ts),
            pid(c, email=True, acct=False, upper=r.random() < 0.5),
            seg("PD1", {3: FAC(c.fac + "^^" + str(r.randint(100, 999))), 4: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))]}),
            nk1(c, phone=r.random() < 0.7)]
    text = hl7_join(segs, "\r")
    d(text, "\r...[truncated ", str(r.randint(300, 2400)), " bytes]\n{noformat}\n\n")
    d("Only PD1 is a problem; PID validates. Fix in transformer step 4.\n")
    return d


def t_jira_a40_merge(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.today)
    old_mrn = gen_mrn(r)
    jira_header(d, c, jkey(r, "MPI"), "A40 merge: prior MRN still resolving in portal", comps="EMPI, Portal")
    d("Duplicate was created at registration on ", EVENT(fmt_date(d_add(c.today, -r.randint(2, 30)), "long")),
      ". HIM merged ", MRN(old_mrn), " into ", MRN(c.mrn), " but the portal still shows two charts for ",
      NAME(c.pt.western()), ".\n\n")
    d("{code:title=A40}\n")
    segs = [msh(c, "ADT^A40^ADT_A39", ts), evn("A40", ts, c), pid(c, xad_on=False, phone=False, ssn=False, acct=True),
            seg("MRG", {1: [MRN(old_mrn), "^^^%s^MR" % c.fac_code], 3: ACCT(gen_acct(r)), 7: NAME(c.pt.hl7(False))})]
    d(hl7_join(segs, r.choice(["\n", "\r\n"])), "\n{code}\n")
    d("\nMRG-7 carries the prior name, same as PID-5 here. Portal subscribes to A40 since release 24.2 (", jkey(r), ").\n")
    return d


def t_jira_oru_r01(c):
    r, d = c.r, Doc()
    coll = rand_time(r, c.svc, (5, 11))
    res = coll + dt.timedelta(minutes=r.randint(40, 400))
    order = "%s%07d" % (r.choice(["ORD", "LAB", ""]), r.randint(0, 9999999))
    jira_header(d, c, jkey(r, "LABIF"), "ORU results filing to wrong encounter", comps="Lab results")
    d("h3. Steps\nResult below filed to the prior outpatient encounter instead of ", ACCT(c.visit), ".\n\n{code}\n")
    obx = []
    for i, lab in enumerate(r.sample(LABS, r.randint(2, 4)), 1):
        lo, hi = lab[3]
        val = ("%.1f" % r.uniform(lo, hi)) if isinstance(lo, float) else str(r.randint(lo, hi))
        obx.append(seg("OBX", {1: str(i), 2: "NM", 3: "%s^%s^LN" % (lab[0], lab[1]), 5: val, 6: lab[2],
                               8: r.choice(["N", "H", "L", ""]), 11: "F", 14: DATE(hl7_ts(coll, secs=False))}))
    segs = [msh(c, "ORU^R01^ORU_R01", res, app="SUNQUEST"), pid(c, xad_on=False, ssn=False, acct=False),
            pv1(c, cls="O", admit=False),
            seg("ORC", {1: "RE", 2: ORDER(order), 12: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))]}),
            seg("OBR", {1: "1", 2: ORDER(order), 4: "80048^BASIC METABOLIC PANEL^C4", 7: DATE(hl7_ts(coll)),
                        16: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))], 22: DATE(hl7_ts(res)), 25: "F"})] + obx
    if r.random() < 0.6:
        segs.append(["NTE|1||Critical value called to ", STAFF(c.staff[3]), " RN at ", hl7_ts(res, secs=False)[8:], ", read back OK"])
    d(hl7_join(segs, "\n"), "\n{code}\n\nOBR-7 vs PV1-44 matching logic is in ResultRouter.java.\n")
    return d


def t_jira_siu_s12(c):
    r, d = c.r, Doc()
    appt = rand_time(r, d_add(c.today, r.randint(3, 40)), (8, 16)).replace(minute=r.choice([0, 15, 30, 45]), second=0)
    ts = rand_time(r, c.today)
    jira_header(d, c, jkey(r, "SCHED"), "SIU^S12 booking shows in wrong resource calendar", kind="Incident",
                comps="Scheduling")
    d("Vendor kiosk booked the appointment under the wrong AIP. Message from our outbound queue:\n\n```\n")
    segs = [msh(c, "SIU^S12", ts, app="CADENCE", rcv="KIOSK^VENDOR"),
            seg("SCH", {1: IID(str(r.randint(10 ** 6, 10 ** 8))), 6: "NEW", 7: r.choice(["FOLLOW UP", "NEW PT", "ANNUAL"]),
                        9: str(r.choice([15, 20, 30, 40])), 10: "MIN",
                        11: ["^^^", DATE(hl7_ts(appt, secs=False)), "^", DATE(hl7_ts(appt + dt.timedelta(minutes=30), secs=False))],
                        25: "Booked"}),
            pid(c, ssn=False, acct=False, phone_style=None),
            seg("RGS", {1: "1"}),
            seg("AIS", {1: "1", 3: [CPT(r.choice(CPTS)[0]), "^", r.choice(["OFFICE VISIT", "ECHO", "PT EVAL"])]}),
            seg("AIP", {1: "1", 3: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))], 4: "ATTENDING"}),
            seg("AIL", {1: "1", 3: FAC(c.fac_code + " " + r.choice(["CARDIO", "PEDS", "IM2", "ORTHO"]))})]
    d(hl7_join(segs, "\n"), "\n```\n\nAIP-3 has the right NPI, so the kiosk maps on name. Assigning to vendor.\n")
    return d


def t_jira_dft_p03(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.svc)
    eff = dt.date(c.today.year, 1, 1)
    payer, pphone = c.payer, c.payer_phone
    insured_is_rel = c.age < 26 or r.random() < 0.4
    jira_header(d, c, jkey(r, "BILL"), "DFT^P03 charges rejected: IN1-36 missing on secondary", comps="Charge capture")
    d("Rejected batch item. Claims team says the primary IN1 is fine and IN1-36 is present, so likely the GT1 that ",
      "breaks it.\n\n{code:hl7}\n")
    cpt = r.sample(CPTS, 2)
    ins_name = c.rel if insured_is_rel else c.pt
    ins_dob = dob_for_age(r, r.randint(30, 70), c.today) if insured_is_rel else c.dob
    segs = [msh(c, "DFT^P03", ts + dt.timedelta(hours=3), app="EPIC", rcv="CLAIMS^CLEARINGHOUSE"), evn("P03", ts),
            pid(c, xad_on=True, phone=False, ssn=r.random() < 0.5),
            pv1(c, cls="O", admit=False)]
    for i, cp in enumerate(cpt, 1):
        segs.append(seg("FT1", {1: str(i), 4: DATE(fmt_date(c.svc, "hl7")), 6: "CG",
                                7: [CPT(cp[0]), "^", cp[1].upper()], 10: "1",
                                19: [ICD(c.conds[0][1].replace(".", "")), "^^I10"], 20: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))]}))
    segs.append(seg("GT1", {1: "1", 3: NAME(ins_name.hl7(False)), 5: xad(c.addr), 6: xtn(c.rel_phone if insured_is_rel else c.phone)}))
    segs.append(seg("IN1", {1: "1", 2: r.choice(["PPO01", "HMO22", "MCD", "BC1"]), 4: payer.upper(),
                            7: ["^^^^^", pphone.replace("1-", "", 1).replace("-", "")[:3], "^", pphone.replace("1-", "", 1).replace("-", "")[3:]],
                            8: GRP(c.group), 12: COVD(fmt_date(eff, "hl7")),
                            13: COVD(fmt_date(dt.date(eff.year, 12, 31), "hl7")),
                            16: NAME(ins_name.hl7(False)), 17: "01" if not insured_is_rel else "19",
                            18: DATE(fmt_date(ins_dob, "hl7")), 36: PLAN(c.member)}))
    d(hl7_join(segs, "\r\n"), "\n{code}\n\nPayer ", payer, " (", pphone, ") confirmed the subscriber id format.\n")
    return d


def t_jira_mdm_t02(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.svc)
    jira_header(d, c, jkey(r, "HIM"), "MDM T02 note text loses line breaks in document viewer", comps="Transcription")
    d("Transcription vendor sends \\.br\\ escapes; viewer renders them literally. Example (", r.choice(["prod", "PRD", "production"]),
      "):\n\n{code}\n")
    age_s = [AGE(age_text(c, "yr_old"))] if c.age >= 90 else [str(c.age) + "-year-old"]
    segs = [msh(c, "MDM^T02^MDM_T02", ts + dt.timedelta(hours=2), app="DICTATION"), evn("T02", ts),
            pid(c, xad_on=False, phone=False, ssn=False),
            pv1(c, cls="O", admit=False, visit=True),
            seg("TXA", {1: "1", 2: r.choice(["CN", "PN", "DS", "HP"]), 3: "TX", 4: DATE(hl7_ts(ts, secs=False)),
                        5: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))], 12: IID("DOC" + str(r.randint(10 ** 7, 10 ** 8))),
                        17: "AU"}),
            ["OBX|1|TX|NOTE^Clinic Note||", "SUBJECTIVE: ", NAME(c.pt.western()), " is a ", age_s, " ",
             {"F": "female", "M": "male"}[c.sex], " seen for ", COND(c.conds[0][0].lower()),
             ".\\.br\\Lives with ", c.rel_role, " ", NAME(c.rel.western()), " \\T\\ two cats.\\.br\\",
             "MEDS: ", MED(c.meds[0][0]), " ", c.meds[0][1], " daily\\.br\\PLAN: f/u 6 wks||||||F"]]
    d(hl7_join(segs, "\n"), "\n{code}\n\nExpected: \\.br\\ -> newline, \\T\\ -> &.\n")
    return d


def t_jira_vxu_v04(c):
    r, d = c.r, Doc()
    given = rand_time(r, c.svc, (8, 17))
    vac = r.choice(VACCINES)
    lot = "%s%d%s" % (r.choice(["EK", "FL", "U7", "TJ"]), r.randint(1000, 9999), r.choice("ABCX"))
    jira_header(d, c, jkey(r, "IIS"), "State registry rejects VXU: RXA-5 code not recognized", comps="Immunization registry")
    d("Registry ack returns AE for this one. VXU as sent (copied from the IIS submission log, separators shown as \\r):\n\n")
    segs = [msh(c, "VXU^V04^VXU_V04", given + dt.timedelta(hours=1), app="EHR", rcv="IIS^STATE", version="2.5.1"),
            pid(c, ssn=False, acct=False, maiden=c.age < 18),
            seg("PD1", {12: "N", 16: "A"}), nk1(c),
            seg("ORC", {1: "RE", 3: ORDER("IZ-%d" % r.randint(10 ** 5, 10 ** 6)), 12: [NPI(c.npi), "^", STAFF(staff_hl7(c.staff[0]))]}),
            seg("RXA", {1: "0", 2: "1", 3: DATE(hl7_ts(given, secs=False)), 5: [vac[0], "^", MED(vac[1]), "^CVX"],
                        6: "0.5", 7: "mL^mL^UCUM", 10: [STAFF(staff_hl7(c.staff[3]))], 15: lot, 17: "PFR^Pfizer^MVX"}),
            seg("RXR", {1: "C28161^IM^NCIT", 2: r.choice(["LD^Left Deltoid^HL70163", "RD^Right Deltoid^HL70163"])})]
    d(hl7_join(segs, "\\r"), "\n\nACK: MSA|AE|", str(r.randint(10 ** 5, 10 ** 6)), "|RXA-5 invalid\n")
    return d


def t_jira_json_log_a04(c):
    r, d = c.r, Doc()
    ts = rand_time(r, c.today)
    jira_header(d, c, jkey(r, "PLAT"), "Kafka consumer drops A04 registrations with non-ASCII names", comps="Integration platform")
    d("Consumer log line (prettified only the outer JSON):\n\n{code:json}\n")
    pt = c.pt
    segs = [msh(c, "ADT^A04^ADT_A01", ts, app="REG"), evn("A04", ts),
            pid(c, upper=False, phone=True, email=r.random() < 0.5, ssn=r.random() < 0.5), pv1(c, cls="O", admit=True)]
    d("{\n  \"ts\": \"", (ts + dt.timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3], "Z\",\n  \"level\": \"WARN\",\n",
      "  \"logger\": \"adt.consumer\",\n  \"partition\": ", str(r.randint(0, 11)), ",\n  \"offset\": ", str(r.randint(10 ** 6, 10 ** 8)),
      ",\n  \"msg\": \"decode error, skipping\",\n  \"payload\": \"")
    d(hl7_join(segs, "\\r"), "\"\n}\n{code}\n\n")
    d("The display name in the registration was ", NAME(pt.display()), " (typed by the clerk in PID-5 as ", NAME(pt.hl7(False)),
      "), so the decoder is choking on the UTF-8 in some other field.\n")
    return d


# =========================================================================== confluence_patient_table
def others(c, n, elderly=False):
    if getattr(c, "big", False):
        n += c.r.randint(7, 14)
    return [make_ctx(c.r, c.r.choice(CULTURE_KEYS), c.today, elderly=elderly) for _ in range(n)]


def conf_header(d, c, space, title):
    r = c.r
    edited = rand_time(r, d_add(c.today, -r.randint(0, 20)), (8, 19))
    d(space, " / ", title, "\n")
    d(r.choice(["Created by ", "Owned by ", "Page owner: "]), STAFF(c.staff[1]), r.choice([", last modified on ", " · Last updated "]),
      edited.strftime(r.choice(["%b %d, %Y", "%d %b %Y %H:%M", "%Y-%m-%d"])), "\n\n")


def t_conf_wiki_table(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Clinical Applications", "Migration QA - DOB mismatches after %s load" % r.choice(["wave 2", "cutover", "MPI reload"]))
    d("h2. Records where source and target DOB differ\n\n{info}Pulled from the reconciliation job on ",
      fmt_date(c.today, "iso"), ". Do not export.{info}\n\n")
    d("||MRN||Patient||DOB (legacy)||DOB (new EHR)||Owner||Status||\n")
    for x in [c] + others(c, r.randint(2, 4)):
        wrong = d_add(x.dob, r.choice([1, -1, 30, 365, -365]))
        if r.random() < 0.3:
            wrong = dt.date(x.dob.year, x.dob.day if x.dob.day <= 12 else x.dob.month, x.dob.month if x.dob.day <= 12 else x.dob.day)
        if wrong == x.dob:
            wrong = d_add(x.dob, 365)
        d("|", MRN(x.mrn), "|", NAME(x.pt.last_first()), "|", DATE(fmt_date(x.dob, "us")), "|", DATE(fmt_date(wrong, "us")),
          "|[~", STAFF(handle(r.choice(c.staff))), "]|", r.choice(["(/) fixed", "(x) open", "(?) HIM review", "open"]), "|\n")
    d("\nMost look like day/month swaps from the ", r.choice(["Meditech", "legacy", "Allscripts"]), " extract. ",
      "See ", jkey(r, "MIG"), ".\n")
    return d


def t_conf_markdown_eligibility(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Revenue Cycle", "Eligibility queue - stuck 271 responses")
    d("## Stuck items (as of ", fmt_date(c.today, "long"), ")\n\n")
    d("| # | Name | Member ID | DOB | Payer | Callback |\n|---|------|-----------|-----|-------|----------|\n")
    for i, x in enumerate([c] + others(c, r.randint(2, 5)), 1):
        d("| ", str(i), " | ", NAME(x.pt.western()), " | ", PLAN(x.member), " | ", DATE(fmt_date(x.dob, r.choice(["iso", "us"]))),
          " | ", x.payer, " | ", PHONE(x.phone.fmt(x.ps)), " |\n")
    d("\n> Payer phone numbers are in the payer directory, not here. Escalate to ", STAFF(c.staff[0]), " after 48h.\n")
    return d


def t_conf_html_portal(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Patient Portal", "Accounts locked after SSO change")
    d("<p>Accounts that hit the lockout bug on ", EVENT(fmt_date(c.today, "iso")), ". Source: portal auth log.</p>\n")
    d("<table>\n<tbody>\n<tr><th>Patient</th><th>Email</th><th>Portal link</th><th>Last login IP</th></tr>\n")
    for x in [c] + others(c, r.randint(2, 4)):
        pid_ = str(r.randint(10 ** 5, 10 ** 7))
        url = "https://%s/%s" % (r.choice(["mychart.%s" % x.dom, "portal.%s" % x.dom, "patients.%s" % x.dom]),
                                 r.choice(["MyChart/Patient/%s" % pid_, "p/%s/summary" % pid_, "account?pid=%s" % pid_]))
        d("<tr><td>", NAME(x.pt.full()), "</td><td>", EMAIL(x.email), "</td><td><a href=\"", URL(url), "\">open</a></td><td>",
          IP(x.ip), "</td></tr>\n")
    d("</tbody>\n</table>\n<p>Unlock via admin console; ", STAFF(c.staff[2]), " has the runbook.</p>\n")
    return d


def t_conf_page_export(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Nursing Informatics", "INC follow-up: bed board showed wrong isolation flags")
    d("Affected patients (unit ", r.choice(["4 West", "5N", "MICU", "Ortho"]), "):\n")
    for x in [c] + others(c, r.randint(2, 4)):
        d("• ", NAME(x.pt.upper_last_first()), " (MRN ", MRN(x.mrn), ") — DOB ", DATE(fmt_date(x.dob, x.ds)),
          " — admitted ", DATE(fmt_date(x.admit, r.choice(["us", "mon", "iso"]))), " — ", COND(x.conds[0][0]), "\n")
    d("\nRoot cause: isolation flag feed (", jkey(r), ") cached for 6h. Fixed in build ", "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 20), r.randint(0, 99)),
      ".\nOwner: ", STAFF(c.staff[0]), "\n")
    return d


def t_conf_panel_single(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Patient Access", "Escalation - duplicate billing statements")
    d("{panel:title=Patient details|borderStyle=dashed}\n")
    d("*Name:* ", c.title and TITLE(c.title), " ", NAME(c.pt.western()), "\n")
    d("*DOB:* ", DATE(fmt_date(c.dob, c.ds)))
    if c.age >= 90:
        d(" (", AGE(age_text(c, "yo")), ")")
    d("\n*Address:*\n", addr_pieces(c.addr, r.choice(["twoline", "oneline", "uk"])), "\n")
    d("*Phone:* ", PHONE(c.phone.fmt(c.ps)), " / cell ", PHONE(c.cell.fmt(r.choice(PHONE_STYLES))), "\n")
    d("*SSN:* ", SSN(fmt_ssn(c.ssn, r.choice(["dash", "plain"]))), "\n*Guarantor:* ", NAME(c.rel.western()), " (", c.rel_role, ")\n")
    d("*Account:* ", ACCT(c.acct), "\n")
    if r.random() < 0.6:
        d("*Photo ID:* ", r.choice(["DL", "Driver's license", "State ID"]), " ", LIC(c.dl), " (", STATE(c.addr.state), ")\n")
    if r.random() < 0.5:
        d("*Palm-vein enrollment ID:* ", P("biometric_id", "PV-%s-%s" % (gen_hex(r, 4).upper(), gen_hex(r, 6).upper())), "\n")
    d("{panel}\n\n")
    d("Patient received 3 statements for the same visit on ", DATE(fmt_date(c.svc, "us")), ". ",
      STAFF(c.staff[3]), " from PFS confirmed the duplicate run. Refund pending.\n")
    return d


def t_conf_merge_candidates(c):
    r, d = c.r, Doc()
    conf_header(d, c, "HIM", "EMPI potential duplicates - weekly review")
    d("||Score||MRN A||MRN B||Name A||Name B||DOB||SSN (last 4)||Decision||\n")
    for x in [c] + others(c, r.randint(2, 4)):
        alt = x.pt.upper_last_first() if r.random() < 0.5 else x.pt.initial_last()
        d("|", "%.2f" % r.uniform(0.71, 0.99), "|", MRN(x.mrn), "|", MRN(gen_mrn(r)), "|", NAME(x.pt.last_first()), "|",
          NAME(alt), "|", DATE(fmt_date(x.dob, "iso")), "|", LAST4(x.ssn[-4:]), "|", r.choice(["merge", "not dup", "pending"]), "|\n")
    d("\nReviewer: ", STAFF(c.staff[0]), ". Threshold 0.80 per policy HIM-12.\n")
    return d


def t_conf_md_devices(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Remote Patient Monitoring", "RPM kit assignments - %s cohort" % r.choice(["CHF", "COPD", "HTN", "post-op"]))
    d("| Patient | Kit serial | UDI | Hub IP | Ship to |\n|:--|:--|:--|:--|:--|\n")
    for x in [c] + others(c, r.randint(1, 3)):
        exp = d_add(c.today, r.randint(200, 900))
        a = x.addr
        d("| ", NAME(x.pt.full()), " | ", DEV(x.serial), " | ", DEV(gen_udi(r, exp)), " | ", IP(x.ip), " | ",
          STREET(a.line + (" " + a.unit if a.unit else "")), ", ", STREET(a.city), " ", STATE(a.state), " ", ZIP(a.zip), " |\n")
    d("\nKits ship from the ", FAC(c.fac), " depot. Replacement requests go to ", SCON(staff_email(c.staff[3], c.dom)), ".\n")
    return d


def t_conf_html_claims(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Revenue Cycle", "Underpaid claims - %s reconciliation" % r.choice(["Q1", "Q2", "Q3", "Q4"]))
    d("<table class=\"confluenceTable\"><tbody>\n<tr><th class=\"confluenceTh\">Claim #</th><th class=\"confluenceTh\">Member</th>",
      "<th class=\"confluenceTh\">Member ID</th><th class=\"confluenceTh\">DOS</th><th class=\"confluenceTh\">CPT</th>",
      "<th class=\"confluenceTh\">Billed</th><th class=\"confluenceTh\">Paid</th></tr>\n")
    for x in [c] + others(c, r.randint(2, 4)):
        cp = r.choice(CPTS)
        billed = r.randint(90, 4200)
        d("<tr><td class=\"confluenceTd\">", OID(x.claim), "</td><td class=\"confluenceTd\">", NAME(x.pt.last_first()),
          "</td><td class=\"confluenceTd\">", PLAN(x.member), "</td><td class=\"confluenceTd\">", DATE(fmt_date(x.svc, "us")),
          "</td><td class=\"confluenceTd\">", CPT(cp[0]), "</td><td class=\"confluenceTd\">$%d.00</td><td class=\"confluenceTd\">$%d.%02d</td></tr>\n"
          % (billed, int(billed * r.uniform(0.2, 0.7)), r.randint(0, 99)))
    d("</tbody></table>\n<p>Payer: ", c.payer, " — provider services ", c.payer_phone, ".</p>\n")
    return d


def t_conf_md_elderly(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Geriatrics Program", "Fall-risk outreach list (90+)")
    d("Exported from the registry; ages as of ", fmt_date(c.today, "long"), ".\n\n")
    d("| Name | Age | DOB | Phone | Notes |\n| --- | --- | --- | --- | --- |\n")
    styles = ["num", "yo", "yrs", "yo2", "years", "yoF"]
    for x in [c] + others(c, r.randint(2, 4), elderly=True):
        if x.age < 90:
            x.age = 90 + r.randint(0, 8)
            x.dob = dob_for_age(r, x.age, c.today)
        d("| ", NAME(x.pt.western()), " | ", AGE(age_text(x, r.choice(styles))), " | ", DATE(fmt_date(x.dob, r.choice(["us", "iso", "dmon"]))),
          " | ", PHONE(x.phone.fmt(r.choice(PHONE_STYLES))), " | ", r.choice(["lives alone", "daughter visits", "walker", "2 falls in 6 mo"]), " |\n")
    d("\nOutreach by ", STAFF(c.staff[0]), " and ", STAFF(c.staff[2]), ". Criteria page: [Fall risk protocol].\n")
    return d


def t_conf_wiki_parking(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Facilities", "Dialysis patient parking permits")
    d("{expand:title=Permit list (security desk only)}\n")
    d("||Patient||Plate||VIN (if leased)||Emergency contact||Contact phone||\n")
    for x in [c] + others(c, r.randint(1, 3)):
        vin = [VEH(x.vin)] if r.random() < 0.5 else ["—"]
        d("|", NAME(x.pt.full()), "|", VEH(x.plate), "|", vin, "|", NAME(x.rel.full()), " (", x.rel_role, ")|",
          PHONE(x.rel_phone.fmt(r.choice(PHONE_STYLES))), "|\n")
    d("{expand}\n\nPermits renew every 90 days at the ", FAC(c.fac), " front desk.\n")
    return d


# =========================================================================== support_ticket
def sd_header(d, c, key, summary, rtype):
    r = c.r
    d(r.choice(["Jira Service Management", "Service Desk", "Zendesk"]), " · ", key, "\n", summary, "\n")
    d("Request type: ", rtype, "   Status: ", r.choice(["Waiting for support", "Open", "Escalated", "Pending"]), "\n")
    d("Created: ", rand_time(r, c.today, (6, 22)).strftime("%d/%b/%y %I:%M %p"), "   Channel: ", r.choice(["Portal", "Email", "Phone", "Chat"]), "\n\n")


def t_ticket_portal_form(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "PSD"), "Can't see my lab results in the app", "Patient portal access")
    d("Raised by: ", NAME(c.pt.western()), " <", EMAIL(c.email), ">\n\n")
    d("Patient name\n", NAME(c.pt.full()), "\n\nDate of birth\n", DATE(fmt_date(c.dob, r.choice(["us", "us_nopad", "iso"]))), "\n\n")
    d("Phone number\n", PHONE(c.phone.fmt(c.ps)), "\n\nMedical record number (if known)\n", MRN(c.mrn), "\n\n")
    d("Describe the issue\n", r.choice(["i had blood work on ", "I got tests done on "]), DATE(fmt_date(c.svc, "us_short")),
      r.choice([" and its still not showing. Doctor said it would be there in 2 days.", " but the app says no results. Tried reinstalling."]), "\n\n")
    d("---\n", STAFF(c.staff[0]), " (agent) · internal note\nResults are held for provider review (", COND(c.conds[0][0]),
      " panel). Told pt to wait for ", STAFF("Dr. " + staff_last(c.staff[1])), " to release.\n")
    return d


def t_ticket_chat(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "CHAT"), "Chat with visitor - billing question", "Billing")
    t = rand_time(r, c.today, (8, 20))
    who = c.pt.first()

    def line(sender, pieces, step=None):
        nonlocal t
        t = t + dt.timedelta(seconds=step or r.randint(15, 140))
        d("[", MSGT(t.strftime("%H:%M:%S")), "] ", sender, ": ", pieces, "\n")
    d("Chat started: ", MSGT(t.strftime("%Y-%m-%d %H:%M")), "\nVisitor: ", NAME(c.pt.western()), " (", EMAIL(c.email), ")\n\n")
    line(STAFF(c.staff[0].split(" ")[0]), "Hi, thanks for contacting us. How can I help today?")
    line(NAME(who), r.choice(["hi i got a bill for something i already paid", "Hello, I have a question about a bill"]))
    line(STAFF(c.staff[0].split(" ")[0]), "I can help with that. Can you verify your date of birth and the last 4 of your SSN?")
    line(NAME(who), [DATE(fmt_date(c.dob, r.choice(["us_nopad", "us_short", "long"]))), " and ", LAST4(c.ssn[-4:])])
    line(STAFF(c.staff[0].split(" ")[0]), "Thank you. And the statement account number?")
    line(NAME(who), ["its ", ACCT(c.acct), " the visit was ", DATE(fmt_date(c.svc, r.choice(["mon", "us_short"])))])
    line(STAFF(c.staff[0].split(" ")[0]), "I see a payment posted. I'll request an adjustment; you'll get an email within 5 business days.")
    if r.random() < 0.6:
        line(NAME(who), ["ok also my new number is ", PHONE(c.cell.fmt(r.choice(PHONE_STYLES)))])
    d("\nChat ended. Transcript emailed to visitor.\n")
    return d


def t_ticket_phone_note(c):
    r, d = c.r, Doc()
    sd_header(d, c, jkey(r, "PAS"), "Caller requesting appointment records for parent", "Phone call")
    call = rand_time(r, c.today, (8, 17))
    d("Call date/time: ", EVENT(call.strftime("%m/%d/%Y %I:%M %p")), "\nTaken by: ", STAFF(c.staff[0]), " ext. ", SCON(str(r.randint(2000, 7999))), "\n")
    d("Caller: ", NAME(c.rel.western()), " — ", c.rel_role, "\nCallback: ", PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), "\n")
    d("Patient: ", NAME(c.pt.last_first()), ", DOB ", DATE(fmt_date(c.dob, c.ds)))
    if c.age >= 90:
        d(", ", AGE(age_text(c, r.choice(["yo", "yrs", "years"]))))
    d("\nMRN: ", MRN(c.mrn), "\n\nNotes: caller says ", c.rel_role, " missed the ", r.choice(["cardiology", "ortho", "PT", "eye"]),
      " appt on ", DATE(fmt_date(c.svc, r.choice(["us_short", "mon"]))), " b/c no ride. Wants to reschedule and asked if transport ",
      "can pick up at ", addr_pieces(c.addr, "oneline"), ". Verified caller is on the HIPAA release. ",
      "Sent to scheduling queue.\n")
    return d


def t_ticket_sloppy(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "HELP"), r.choice(["pt cant login!!", "portal locked again", "urgent pls reset acct"]), "General")
    her = {"F": "her", "M": "his"}[c.sex]
    d("hi team,\n\n", r.choice(["pt", "patient", "ptnt"]), " ")
    nm = c.pt.western().lower() if r.random() < 0.6 else c.pt.western()
    d(NAME(nm), " called front desk agian, cant log in to the portal since the upgrade. ", her, " dob is ",
      DATE(fmt_date(c.dob, r.choice(["us_short", "us_nopad"]))), " mrn ", MRN(c.mrn), " ,email on file is ", EMAIL(c.email),
      " but ", {"F": "she", "M": "he"}[c.sex], " says ", "never got the reset link. ")
    d("cell is ", PHONE(c.cell.fmt(r.choice(["plain", "dash", "dot", "space"]))), " if u need to call.\n\n")
    d("pls reset asap she has an appt ", DATE(fmt_date(d_add(c.today, r.randint(1, 5)), r.choice(["us_short", "mon"]))),
      " thx\n-- ", STAFF(c.staff[0].split(" ")[0].lower()), " @ front desk ", FAC(c.fac_code), "\n")
    return d


def t_ticket_email_ingest(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "REG"), "Address change", "Demographics update")
    old = make_address(r)
    sent = rand_time(r, c.today)
    d("From: ", NAME(c.pt.full()), " <", EMAIL(c.email), ">\nSent: ", MAILD(sent.strftime("%A, %B %d, %Y %I:%M %p")),
      "\nSubject: change of address\n\n")
    d("Hello,\n\nPlease update my address. I moved from\n\n", addr_pieces(old, "twoline"), "\n\nto\n\n",
      addr_pieces(c.addr, r.choice(["twoline", "euro", "aus", "uk"])), "\n\n")
    d("My date of birth is ", DATE(fmt_date(c.dob, r.choice(["long", "dlong", "us"]))), ". Thank you.\n\n", NAME(c.pt.first()), "\n\n")
    d("---\nAgent ", STAFF(c.staff[0]), ": updated in registration, A08 sent. Closing.\n")
    return d


def t_ticket_billing_card(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "PFS"), "Payment posted twice", "Billing dispute")
    d("Customer: ", NAME(c.pt.western()), "\nGuarantor account: ", ACCT(c.acct), "\nStatement date: ", EVENT(fmt_date(c.today, "us")), "\n\n")
    d("Customer message:\n> I paid $%d.%02d online for the visit on " % (r.randint(20, 600), r.randint(0, 99)),
      DATE(fmt_date(c.svc, r.choice(["us", "long"]))), " and it charged my card twice. Card is ",
      CARD(fmt_card(c.card, r)), " exp %02d/%02d. Please refund one.\n\n" % (r.randint(1, 12), r.randint(26, 30)))
    d("Internal: ", STAFF(c.staff[2]), " — masked the card in the payment system but the ticket body still has it. ",
      "Redact before closing (PCI). Refund ref ", "RF%08d" % r.randint(0, 99999999), ".\n")
    if r.random() < 0.6:
        d("\nAttachments: ", P("photo", r.choice(["IMG_%04d.HEIC" % r.randint(1000, 9999), "card_front.jpg", "photo_id_%d.png" % r.randint(1, 9)])),
          " (customer's photo of card and ID), statement.pdf\n")
    return d


def t_ticket_device_rma(c):
    r, d = c.r, Doc()
    sd_header(d, c, jkey(r, "RPM"), "Glucose meter not syncing - replacement", "Device support")
    a = make_address(r, r.choice(["pobox", "rural", "street"]))
    d("Patient: ", NAME(c.pt.full()), "   Phone: ", PHONE(c.phone.fmt(c.ps)), "\nDevice: ", r.choice(["CGM reader", "BP cuff", "scale", "pulse ox"]),
      "   Serial: ", DEV(c.serial), "\n")
    if r.random() < 0.6:
        d("UDI (from box): ", DEV(gen_udi(r, d_add(c.today, r.randint(100, 700)))), "\n")
    d("\nHub shows last upload ", r.choice(["9", "12", "21"]), " days ago. Pt reset device twice per KB-114. RMA approved.\n\n")
    d("Ship replacement to:\n", NAME(c.pt.full()), "\n", addr_pieces(a, r.choice(["twoline", "oneline", "upper"])), "\n\n")
    d("Carrier note: ", r.choice(["no street delivery, PO box only", "leave at post office", "rural route, allow extra day"]),
      ".\n— ", STAFF(c.staff[0]), "\n")
    return d


def t_ticket_roi_deceased(c):
    r, d = c.r, Doc()
    sd_header(d, c, jkey(r, "ROI"), "Records request - deceased patient", "Release of information")
    dod = rand_date(r, d_add(c.today, -200), d_add(c.today, -10))
    me = "ME-%d-%05d" % (dod.year, r.randint(1, 99999))
    d("Requester: ", NAME(c.rel.western()), " (", r.choice(["executor", "son", "daughter", "spouse"]), ")\n")
    d("Requester ID: ", r.choice(["driver's license", "DL", "state ID"]), " ", LIC(gen_dl(r, c.addr.state)), " (", STATE(c.addr.state), ")\n")
    d("Decedent: ", NAME(c.pt.last_first()), "\nDOB: ", DATE(fmt_date(c.dob, c.ds)), "   DOD: ", DATE(fmt_date(dod, c.ds)), "\n")
    d("Medical examiner case no.: ", OID(me), "\nMRN: ", MRN(c.mrn), "\n\n")
    d("Documents received: death certificate, letters testamentary. Requested: ED record and discharge summary for ",
      DATE(fmt_date(d_add(dod, -r.randint(0, 9)), "us")), ". HIM (", STAFF(c.staff[1]), ") to verify authority before release.\n")
    d("\nAttachments: death_cert.pdf, letters_testamentary.pdf, ", P("photo", r.choice(["dl_front.jpg", "requester_id_scan.jpeg", "IMG_%04d.jpg" % r.randint(1000, 9999)])), "\n")
    return d


def t_ticket_internal_ip(c):
    r, d = c.r, Doc()
    adult(c)
    sd_header(d, c, jkey(r, "SEC"), "Possible account takeover - portal", "Security")
    pid_ = str(r.randint(10 ** 5, 10 ** 7))
    url = "https://mychart.%s/MyChart/inside.asp?mode=profile&pid=%s" % (c.dom, pid_)
    d("Patient ", NAME(c.pt.western()), " reports portal messages ", {"F": "she", "M": "he"}[c.sex], " didn't send. Account: ", URL(url), "\n\n")
    d("Auth log (UTC):\n")
    t = rand_time(r, c.today, (0, 20))
    bad = gen_ip(r)
    for ip_, ok in [(c.ip, "OK"), (bad, "FAIL"), (bad, "FAIL"), (bad, "OK")]:
        t = t + dt.timedelta(minutes=r.randint(1, 300))
        d(t.strftime("%Y-%m-%dT%H:%M:%SZ"), "  login ", ok, "  src=", IP(ip_) if ip_ == c.ip else C("ip_address_other", ip_), "  ua=", r.choice(["iOS/17.4 MyChart", "Chrome/124", "okhttp/4.9"]),
          "  sid=", gen_hex(r, 12), "\n")
    d("\nFirst IP matches her home ISP per pt. Second one is unknown, geo ", r.choice(["NL", "RO", "VN", "BR"]),
      ". Forced password reset, MFA enrolled to ", PHONE(c.cell.fmt("paren")), ".\n@", STAFF(handle(c.staff[2])), " FYI for the weekly security review.\n")
    return d


def t_ticket_spanish(c):
    r, d = c.r, Doc()
    sd_header(d, c, jkey(r, "PSD"), "No puedo entrar al portal", "Acceso al portal")
    d("Nombre del paciente: ", NAME(c.pt.full()), "\nFecha de nacimiento: ", DATE(fmt_date(c.dob, r.choice(["eu_slash", "eu"]))), "\n")
    d("Teléfono: ", PHONE(c.phone.fmt(c.ps)), "\nCorreo: ", EMAIL(c.email), "\nDirección: ", addr_pieces(c.addr, "euro"), "\n\n")
    d("Descripción: Hola, desde el ", DATE(fmt_date(c.svc, "eu_slash")), " no puedo ver mis resultados. Mi familiar ", NAME(c.rel.full()), " me ayuda con la computadora. Gracias.\n\n")
    d("---\nNota interna (", STAFF(c.staff[0]), "): respondí en español, restablecí la contraseña.\n")
    return d


def t_ticket_transport_vehicle(c):
    r, d = c.r, Doc()
    if c.age < 90:
        c.age = r.randint(90, 101)
        c.dob = dob_for_age(r, c.age, c.today)
    sd_header(d, c, jkey(r, "TRN"), "Valet exception for elderly patient", "Facilities request")
    d("Requested by ", STAFF(c.staff[0]), " (care coordinator, ", SCON(staff_email(c.staff[0], c.dom, style=1)), ")\n\n")
    ast = r.choice(["words", "num", "yrs"])
    d("Patient ", NAME(c.pt.full()), " is ", AGE(age_text(c, ast)), "" if ast == "yrs" else " years old", " and comes ", r.choice(["three times a week", "every Tuesday"]),
      " for infusion. ", c.rel_role.capitalize(), " ", NAME(c.rel.first() + (" " + c.rel.family if c.rel.given else "")),
      " drives a ", r.choice(["silver Camry", "blue F-150", "white minivan"]), ", plate ", VEH(c.plate))
    if r.random() < 0.5:
        d(", VIN ", VEH(c.vin))
    d(". Please allow drop-off at the ", FAC(c.fac), " north entrance.\nDriver cell: ", PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), "\n")
    return d


# =========================================================================== bitbucket_fhir_diff
def diff_file_header(d, r, path, new=False):
    d("diff --git a/", path, " b/", path, "\n")
    if new:
        d("new file mode 100644\nindex 0000000..", gen_hex(r, 7), "\n--- /dev/null\n")
    else:
        d("index ", gen_hex(r, 7), "..", gen_hex(r, 7), " 100644\n--- a/", path, "\n")
    d("+++ b/", path, "\n")


def hunk(d, lines, old_start=1, new_start=1, ctx=""):
    old = sum(1 for p, _ in lines if p in " -")
    new = sum(1 for p, _ in lines if p in " +")
    d("@@ -%d,%d +%d,%d @@%s\n" % (old_start if old else 0, old, new_start, new, ctx))
    for p, pcs in lines:
        d(p, pcs, "\n")


def pr_header(d, c, title, branch):
    r = c.r
    d(r.choice(["Pull request #", "PR #"]), str(r.randint(40, 2400)), ": ", title, "\n")
    d(branch, " → ", r.choice(["develop", "main", "release/%d.%d" % (r.randint(3, 9), r.randint(0, 12))]), "\n")
    d("Author: ", STAFF(c.staff[1]), "   Reviewers: ", STAFF(c.staff[2]), ", ", STAFF(c.staff[3]), "\n")
    d("Commit ", gen_hex(r, 7), " · ", r.choice(["2 files changed", "1 file changed", "3 files changed"]), "\n\n")


def fhir_dt(t, tz=None):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (tz or "-05:00")


def fhir_patient_json(c, ind="  ", ssn=True, pid_=None):
    r, pt, a = c.r, c.pt, c.addr
    I = ind
    gender = {"F": "female", "M": "male"}[c.sex]
    L = [["{"], [I, '"resourceType": "Patient",'], [I, '"id": "', IID(pid_ or str(r.randint(1000, 99999))), '",'],
         [I, '"identifier": ['],
         [I, I, '{ "system": "urn:oid:1.2.840.114350.1.13.%d.2.7.5.737384.14", "value": "' % r.randint(100, 999), MRN(c.mrn), '" }',
          "," if ssn else ""]]
    if ssn:
        L.append([I, I, '{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "', SSN(c.ssn), '" }'])
    L.append([I, "],"])
    if pt.mononym:
        L.append([I, '"name": [ { "use": "official", "text": "', NAME(pt.family), '", "family": "', NAME(pt.family), '" } ],'])
    else:
        L.append([I, '"name": [ { "use": "official", "family": "', NAME(pt.family), '", "given": [ "', NAME(pt.given), '" ] } ],'])
    L += [[I, '"telecom": ['], [I, I, '{ "system": "phone", "value": "', PHONE(c.phone.fmt(c.ps)), '", "use": "home" },'],
          [I, I, '{ "system": "email", "value": "', EMAIL(c.email), '" }'], [I, "],"],
          [I, '"gender": "%s",' % gender], [I, '"birthDate": "', DATE(c.dob.isoformat()), '",']]
    line = ['"', STREET(a.line), '"'] + ([', "', STREET(a.unit), '"'] if a.unit else [])
    L.append([I, '"address": [ { "use": "home", "line": [ ', line, ' ], "city": "', STREET(a.city), '", "state": "',
              STATE(a.state), '", "postalCode": "', ZIP(a.zip), '" } ]'])
    L.append(["}"])
    return L


def t_bb_patient_json_new(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Add patient fixtures for MPI match tests", "feature/%s-mpi-fixtures" % jkey(r, "MPI"))
    path = "src/test/resources/fhir/patient-%s.json" % r.choice(["match-01", "dup-a", "real-case", "regression"])
    diff_file_header(d, r, path, new=True)
    lines = [("+", l) for l in fhir_patient_json(c, ssn=r.random() < 0.6)]
    hunk(d, lines)
    d("\n", STAFF(c.staff[2]), " commented on line 7:\n> Where did this come from? This looks like a real chart (", NAME(c.pt.western()),
      "). Please regenerate from Synthea and force-push.\n")
    return d


def t_bb_bundle_modify(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Fix encounter reference in transaction bundle", "bugfix/%s" % jkey(r, "FHIR").lower())
    path = "integration-tests/bundles/adt-transaction.json"
    diff_file_header(d, r, path)
    pid_ = str(r.randint(1000, 9999))
    I = "      "
    start = fhir_dt(rand_time(r, c.admit))
    end = fhir_dt(rand_time(r, c.disch))
    lines = [(" ", ['    {']), (" ", ['      "fullUrl": "urn:uuid:', gen_uuid(r), '",']),
             (" ", ['      "resource": {']), (" ", [I, '  "resourceType": "Patient",']),
             ("-", [I, '  "name": [ { "family": "<redacted>", "given": [ "<redacted>" ] } ],']),
             ("+", [I, '  "name": [ { "family": "', NAME(c.pt.family), '", "given": [ "', NAME(c.pt.given or c.pt.family), '" ] } ],']),
             ("-", [I, '  "birthDate": "<redacted>",']),
             ("+", [I, '  "birthDate": "', DATE(c.dob.isoformat()), '",']),
             ("+", [I, '  "identifier": [ { "type": { "text": "MRN" }, "value": "', MRN(c.mrn), '" } ],']),
             (" ", [I, '  "gender": "%s"' % {"F": "female", "M": "male"}[c.sex]]),
             (" ", ['      },']), (" ", ['      "request": { "method": "PUT", "url": "Patient/', IID(pid_), '" }']),
             (" ", ['    },']), (" ", ['    {']), (" ", ['      "resource": {']),
             (" ", [I, '  "resourceType": "Encounter",']),
             ("-", [I, '  "subject": { "reference": "Patient/123" },']),
             ("+", [I, '  "subject": { "reference": "Patient/', IID(pid_), '", "display": "', NAME(c.pt.full()), '" },']),
             ("+", [I, '  "identifier": [ { "system": "urn:visit", "value": "', ACCT(c.visit), '" } ],']),
             (" ", [I, '  "period": { "start": "', DATE(start), '", "end": "', DATE(end), '" },']),
             (" ", [I, '  "serviceProvider": { "display": "', FAC(c.fac), '" }'])]
    o = r.randint(10, 60)
    hunk(d, lines, old_start=o, new_start=o + r.randint(0, 6), ctx=' "entry": [')
    d("\nBuild #", str(r.randint(100, 9000)), " passed. Replaced the redacted placeholders with the case from ", jkey(r, "INC"),
      " so the test reproduces prod.\n")
    return d


def t_bb_patient_xml(c):
    r, d = c.r, Doc()
    pr_header(d, c, "XML round-trip test for Patient", "test/xml-roundtrip")
    path = "fhir-core/src/test/resources/xml/Patient-%d.xml" % r.randint(1, 40)
    diff_file_header(d, r, path)
    pt, a = c.pt, c.addr
    L = [(" ", ['<Patient xmlns="http://hl7.org/fhir">']), (" ", ['  <id value="', IID(str(r.randint(100, 99999))), '"/>']),
         ("-", ['  <identifier><system value="urn:mrn"/><value value="000000"/></identifier>']),
         ("+", ['  <identifier><system value="urn:mrn"/><value value="', MRN(c.mrn), '"/></identifier>']),
         ("-", ['  <name><family value="Example"/><given value="Test"/></name>']),
         ("+", ['  <name>']),
         ("+", ['    <text value="', NAME(pt.display()), '"/>']),
         ("+", ['    <family value="', NAME(pt.family), '"/>'])]
    if pt.given:
        L.append(("+", ['    <given value="', NAME(pt.given), '"/>']))
    L += [("+", ['  </name>']),
          ("+", ['  <telecom><system value="phone"/><value value="', PHONE(c.phone.fmt(c.ps)), '"/><use value="mobile"/></telecom>']),
          (" ", ['  <gender value="%s"/>' % {"F": "female", "M": "male"}[c.sex]]),
          ("-", ['  <birthDate value="', C("placeholder_date", "1900-01-01"), '"/>']),
          ("+", ['  <birthDate value="', DATE(c.dob.isoformat()), '"/>']),
          ("+", ['  <address>']), ("+", ['    <line value="', STREET(a.line), '"/>'])]
    if a.unit:
        L.append(("+", ['    <line value="', STREET(a.unit), '"/>']))
    L += [("+", ['    <city value="', STREET(a.city), '"/>']), ("+", ['    <state value="', STATE(a.state), '"/>']),
          ("+", ['    <postalCode value="', ZIP(a.zip), '"/>']), ("+", ['  </address>']),
          (" ", ['</Patient>'])]
    hunk(d, L)
    d("\n", STAFF(c.staff[3]), ": the ", C("placeholder_date", "1900-01-01"), " placeholder broke the age calc, hence the swap. Still, can we not use a real DOB?\n")
    return d


def t_bb_observation_json(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Vitals mapper: handle missing units", "fix/vitals-units")
    path = "mappers/vitals/__tests__/fixtures/observations.json"
    diff_file_header(d, r, path, new=True)
    pid_ = str(r.randint(1000, 99999))
    L = [["["]]
    n = r.randint(2, 3)
    for i in range(n):
        lab = r.choice(LABS)
        t = rand_time(r, c.svc)
        lo, hi = lab[3]
        val = ("%.1f" % r.uniform(lo, hi)) if isinstance(lo, float) else str(r.randint(lo, hi))
        L += [["  {"], ['    "resourceType": "Observation",'], ['    "id": "', IID("obs-%d" % r.randint(10 ** 4, 10 ** 6)), '",'],
              ['    "status": "final",'],
              ['    "code": { "coding": [ { "system": "http://loinc.org", "code": "%s", "display": "%s" } ] },' % (lab[0], lab[1])],
              ['    "subject": { "reference": "Patient/', IID(pid_), '", "display": "', NAME(c.pt.full()), '" },'],
              ['    "effectiveDateTime": "', DATE(fhir_dt(t, r.choice(["Z", "-04:00", "-07:00"]))), '",'],
              ['    "performer": [ { "display": "', STAFF(c.staff[0]), '" } ],'],
              ['    "valueQuantity": { "value": %s%s }' % (val, "" if i == 0 else ', "unit": "%s"' % lab[2])],
              ["  }" + ("," if i < n - 1 else "")]]
    L.append(["]"])
    hunk(d, [("+", l) for l in L])
    d("\nFirst entry intentionally has no unit.\n")
    return d


def t_bb_coverage_json(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Coverage: map subscriber relationship", "feature/coverage-relationship")
    path = "src/main/resources/samples/coverage-%s.json" % r.choice(["secondary", "medicaid", "dependent"])
    diff_file_header(d, r, path)
    sub_is_rel = c.age < 26 or r.random() < 0.5
    sub = c.rel if sub_is_rel else c.pt
    start = dt.date(c.today.year, r.choice([1, 4, 7]), 1)
    L = [(" ", ['{']), (" ", ['  "resourceType": "Coverage",']), (" ", ['  "id": "', IID("cov-%d" % r.randint(100, 99999)), '",']),
         (" ", ['  "status": "active",']),
         ("-", ['  "subscriberId": "W000000000",']),
         ("+", ['  "subscriberId": "', PLAN(c.member), '",']),
         ("+", ['  "subscriber": { "display": "', NAME(sub.full()), '" },']),
         (" ", ['  "beneficiary": { "reference": "Patient/', IID(str(r.randint(1000, 99999))), '", "display": "', NAME(c.pt.full()), '" },']),
         ("-", ['  "relationship": { "coding": [ { "code": "%s" } ] },' % ("self" if sub_is_rel else "other")]),
         ("+", ['  "relationship": { "coding": [ { "code": "%s" } ] },' % ("child" if sub_is_rel and c.age < 26 else ("spouse" if sub_is_rel else "self"))]),
         (" ", ['  "period": { "start": "', COVD(start.isoformat()), '", "end": "', COVD(dt.date(start.year, 12, 31).isoformat()), '" },']),
         (" ", ['  "payor": [ { "display": "', c.payer, '" } ],']),
         (" ", ['  "class": [ { "type": { "text": "group" }, "value": "', GRP(c.group), '" } ]']),
         (" ", ['}'])]
    hunk(d, L)
    d("\nSample copied from the ", c.payer, " eligibility response for ", jkey(r), ".\n")
    return d


def t_bb_relatedperson_xml(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Add RelatedPerson to consent export", "feature/consent-relatedperson")
    path = "consent-service/src/test/resources/RelatedPerson-emergency.xml"
    diff_file_header(d, r, path, new=True)
    rel = c.rel
    L = [['<?xml version="1.0" encoding="UTF-8"?>'], ['<RelatedPerson xmlns="http://hl7.org/fhir">'],
         ['  <id value="', IID("rp-%d" % r.randint(10, 9999)), '"/>'],
         ['  <patient><reference value="Patient/', IID(str(r.randint(1000, 99999))), '"/><display value="', NAME(c.pt.full()), '"/></patient>'],
         ['  <relationship><coding><system value="http://terminology.hl7.org/CodeSystem/v3-RoleCode"/><code value="%s"/></coding></relationship>'
          % {"mother": "MTH", "father": "FTH", "daughter": "DAU", "son": "SON", "spouse": "SPS", "wife": "WIFE", "husband": "HUSB",
             "sister": "SIS", "brother": "BRO"}.get(c.rel_role, "FAMMEMB")],
         ['  <name><family value="', NAME(rel.family), '"/>'] + (['<given value="', NAME(rel.given), '"/>'] if rel.given else []) + ['</name>'],
         ['  <telecom><system value="phone"/><value value="', PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), '"/></telecom>']]
    if r.random() < 0.5:
        L.append(['  <telecom><system value="email"/><value value="', EMAIL(rel.email_local(r) + "@gmail.com"), '"/></telecom>'])
    L += [['  <address><text value="', STREET(c.addr.line), ", ", STREET(c.addr.city), '"/><postalCode value="', ZIP(c.addr.zip5), '"/></address>'],
          ['</RelatedPerson>']]
    hunk(d, [("+", l) for l in L])
    d("\n", STAFF(c.staff[2]), " approved. ", STAFF(c.staff[3]), " requested changes: \"use synthetic names in fixtures\".\n")
    return d


def t_bb_claim_json(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Claim builder emits billablePeriod", "feature/%s-billable-period" % jkey(r, "RCM").lower())
    path = "claims-api/test/golden/claim-professional.json"
    diff_file_header(d, r, path)
    cp = r.sample(CPTS, 2)
    L = [(" ", ['{']), (" ", ['  "resourceType": "Claim",']),
         ("-", ['  "identifier": [ { "value": "CLAIM-TEST" } ],']),
         ("+", ['  "identifier": [ { "system": "urn:claim", "value": "', OID(c.claim), '" } ],']),
         (" ", ['  "use": "claim",']),
         ("+", ['  "patient": { "reference": "Patient/', IID(str(r.randint(1000, 99999))), '", "display": "', NAME(c.pt.last_first()), '" },']),
         ("+", ['  "billablePeriod": { "start": "', DATE(c.svc.isoformat()), '", "end": "', DATE(c.svc.isoformat()), '" },']),
         (" ", ['  "provider": { "display": "', FAC(c.fac), '" },']),
         (" ", ['  "insurance": [ { "sequence": 1, "focal": true, "coverage": { "display": "', c.payer, ' ', PLAN(c.member), '" } } ],']),
         (" ", ['  "diagnosis": [ { "sequence": 1, "diagnosisCodeableConcept": { "coding": [ { "code": "', ICD(c.conds[0][1]), '" } ] } } ],']),
         (" ", ['  "item": [']),
         (" ", ['    { "sequence": 1, "productOrService": { "coding": [ { "code": "', CPT(cp[0][0]), '" } ] }, "unitPrice": { "value": %d } },' % r.randint(80, 400)]),
         (" ", ['    { "sequence": 2, "productOrService": { "coding": [ { "code": "', CPT(cp[1][0]), '" } ] }, "unitPrice": { "value": %d } }' % r.randint(10, 200)]),
         (" ", ['  ]']), (" ", ['}'])]
    hunk(d, L)
    d("\nGolden file regenerated from staging claim ", jkey(r, "RCM"), ".\n")
    return d


def t_bb_encounter_xml(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Encounter XML: include hospitalization", "feature/encounter-hosp")
    path = "src/test/resources/Encounter-inpatient.xml"
    diff_file_header(d, r, path)
    s = rand_time(r, c.admit)
    e = rand_time(r, c.disch)
    L = [(" ", ['<Encounter xmlns="http://hl7.org/fhir">']),
         (" ", ['  <id value="', IID("enc-%d" % r.randint(100, 99999)), '"/>']),
         ("+", ['  <identifier><use value="official"/><value value="', ACCT(c.visit), '"/></identifier>']),
         (" ", ['  <status value="finished"/>']),
         (" ", ['  <subject><reference value="Patient/', IID(str(r.randint(100, 99999))), '"/><display value="', NAME(c.pt.full()), '"/></subject>']),
         (" ", ['  <participant><individual><display value="', STAFF("Dr. " + c.staff[0]), '"/></individual></participant>']),
         ("-", ['  <period><start value="', C("placeholder_date", "2020-01-01T00:00:00Z"), '"/></period>']),
         ("+", ['  <period><start value="', DATE(fhir_dt(s)), '"/><end value="', DATE(fhir_dt(e)), '"/></period>']),
         ("+", ['  <reasonCode><text value="', COND(c.conds[0][0]), '"/></reasonCode>']),
         ("+", ['  <hospitalization><dischargeDisposition><text value="%s"/></dischargeDisposition></hospitalization>'
                % r.choice(["Home", "SNF", "Home health", "Expired"])]),
         (" ", ['  <serviceProvider><display value="', FAC(c.fac), '"/></serviceProvider>']),
         (" ", ['</Encounter>'])]
    hunk(d, L, old_start=1, new_start=1)
    return d


def t_bb_java_builder(c):
    r, d = c.r, Doc()
    pr_header(d, c, "PatientMatcherTest: add regression for hyphenated surnames", "bugfix/matcher-hyphen")
    path = "matcher/src/test/java/org/example/mpi/PatientMatcherTest.java"
    diff_file_header(d, r, path)
    pt = c.pt
    L = [(" ", ["    @Test"]), (" ", ["    void matchesAcrossPunctuation() {"]),
         ("-", ['        Patient a = fixture("a.json");']),
         ("+", ["        Patient a = new Patient()"]),
         ("+", ['            .addIdentifier(new Identifier().setSystem(MRN_SYSTEM).setValue("', MRN(c.mrn), '"))']),
         ("+", ['            .addName(new HumanName().setFamily("', NAME(pt.family), '")'
                + ('.addGiven("' if pt.given else ""), NAME(pt.given) if pt.given else None, '"))' if pt.given else ")"]),
         ("+", ['            .setBirthDate(date("', DATE(c.dob.isoformat()), '"));']),
         ("+", ["        Patient b = copyOf(a);"]),
         ("+", ['        b.getNameFirstRep().setFamily("', NAME(fold(pt.family).upper().replace("-", " ").replace("'", "")), '");']),
         (" ", ["        assertThat(matcher.score(a, b)).isGreaterThan(0.9);"]), (" ", ["    }"])]
    o = r.randint(40, 200)
    hunk(d, L, old_start=o, new_start=o + r.randint(0, 9), ctx=" class PatientMatcherTest {")
    d("\nInline comment by ", STAFF(c.staff[2]), " on line +", str(r.randint(3, 6)),
      ":\n  This is the patient from the incident, right? Please swap for a made-up name; the repo is mirrored to the vendor.\n")
    return d


def t_bb_ndjson(c):
    r, d = c.r, Doc()
    pr_header(d, c, "Bulk export: sample NDJSON for parser benchmark", "perf/ndjson-sample")
    path = "bench/data/Patient.ndjson"
    diff_file_header(d, r, path)
    L = [(" ", ['{"resourceType":"Patient","id":"synthetic-0001","gender":"unknown"}'])]
    for x in [c] + others(c, r.randint(1, 3)):
        pt = x.pt
        name = ('{"family":"', NAME(pt.family), '"' + (',"given":["' if pt.given else ""), NAME(pt.given) if pt.given else None,
                '"]}' if pt.given else "}")
        L.append(("+", ['{"resourceType":"Patient","id":"', IID(str(r.randint(10 ** 5, 10 ** 7))), '","name":[', list(name),
                        '],"birthDate":"', DATE(x.dob.isoformat()), '","address":[{"city":"', STREET(x.addr.city),
                        '","postalCode":"', ZIP(x.addr.zip5), '"}],"telecom":[{"system":"phone","value":"',
                        PHONE(x.phone.fmt(r.choice(["dash", "plain", "e164"]))), '"}]}']))
    hunk(d, L, old_start=1, new_start=1)
    d("\n", str(len(L) - 1), " rows pulled from the ", r.choice(["staging", "prod replica", "UAT"]), " export for realistic field lengths.\n")
    return d


# =========================================================================== sql_seed
def q(v):
    return v.replace("'", "''")


def sqlq(tag_fn, v):
    """'value' with SQL quote doubling; the span covers the unquoted value as written."""
    return ["'", tag_fn(q(v)), "'"]


def given_or_fnu(pt):
    return pt.given if pt.given else None


def t_sql_pg_multirow(c):
    r, d = c.r, Doc()
    d("-- ", r.choice(["seed/020_patients.sql", "db/seeds/dev_patients.sql", "migrations/V42__demo_data.sql"]), "\n")
    d("-- ", r.choice(["copied from prod to reproduce ", "data for "]), jkey(r), " — ", STAFF(c.staff[1]), "\n")
    d("BEGIN;\n\nINSERT INTO public.patient (id, mrn, first_name, last_name, birth_date, sex, ssn, phone, email, addr_line1, city, state, zip)\nVALUES\n")
    rows = [c] + others(c, r.randint(1, 3))
    for i, x in enumerate(rows):
        pk = str(r.randint(1, 99999))
        g = given_or_fnu(x.pt)
        d("  (", IID(pk), ", ", sqlq(MRN, x.mrn), ", ", sqlq(NAME, g) if g else "NULL", ", ", sqlq(NAME, x.pt.family), ", '",
          DATE(x.dob.isoformat()), "', '", x.sex, "', ", sqlq(SSN, x.ssn) if r.random() < 0.7 else "NULL", ", ",
          sqlq(PHONE, x.phone.fmt(r.choice(["dash", "plain", "paren"]))), ", ", sqlq(EMAIL, x.email), ", ",
          sqlq(STREET, x.addr.line + (" " + x.addr.unit if x.addr.unit else "")), ", ", sqlq(STREET, x.addr.city), ", '",
          STATE(x.addr.state), "', '", ZIP(x.addr.zip5), "')", "," if i < len(rows) - 1 else ";", "\n")
    d("\nCOMMIT;\n")
    return d


def t_sql_mysql_dump(c):
    r, d = c.r, Doc()
    d("-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)\n--\n-- Host: %s    Database: ehr_stage\n" % (r.randint(20, 39), gen_server_ip(r)))
    d("-- ------------------------------------------------------\n-- Server version\t8.0.%d\n\n" % r.randint(20, 39))
    d("--\n-- Dumping data for table `encounter`\n--\n\nLOCK TABLES `encounter` WRITE;\n/*!40000 ALTER TABLE `encounter` DISABLE KEYS */;\n")
    d("INSERT INTO `encounter` VALUES ")
    rows = [c] + others(c, r.randint(1, 3))
    for i, x in enumerate(rows):
        d("(", IID(str(r.randint(1, 50000))), ",", sqlq(ACCT, x.visit), ",", sqlq(MRN, x.mrn), ",", sqlq(NAME, x.pt.last_first()),
          ",'", DATE(x.admit.isoformat() + " %02d:%02d:00" % (r.randint(0, 23), r.randint(0, 59))), "',",
"'", DATE(x.disch.isoformat()), "','", ICD(x.conds[0][1]), "',", sqlq(FAC, x.fac), ",",
          IID(str(r.randint(1, 400))), ")", "," if i < len(rows) - 1 else ";\n")
    d("/*!40000 ALTER TABLE `encounter` ENABLE KEYS */;\nUNLOCK TABLES;\n")
    d("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n-- Dump completed on ", rand_time(r, d_add(c.today, 12)).strftime("%Y-%m-%d %H:%M:%S"), "\n")
    return d


def t_sql_oracle_insert_all(c):
    r, d = c.r, Doc()
    d("REM  load_test_members.sql  -- run as EHR_APP in UAT\nSET DEFINE OFF;\n\nINSERT ALL\n")
    rows = [c] + others(c, r.randint(1, 3))
    for x in rows:
        d("  INTO MEMBER (MEMBER_ID, MBI, LAST_NM, FIRST_NM, BIRTH_DT, HOME_PHONE, GRP_NO) VALUES (",
          sqlq(PLAN, x.member), ", ", sqlq(MBI, fmt_mbi(x.mbi, False)), ", ", sqlq(NAME, fold(x.pt.family).upper()), ", ",
          sqlq(NAME, fold(x.pt.first()).upper()) if x.pt.given else "'FNU'", ", TO_DATE('", DATE(fmt_date(x.dob, "DMON")),
          "','DD-MON-RR'), ", sqlq(PHONE, x.phone.fmt("plain")), ", ", sqlq(GRP, x.group), ")\n")
    d("SELECT 1 FROM DUAL;\n\nCOMMIT;\n-- NB: DD-MON-RR turns 19xx births into 20xx for anyone born before 1950, see ", jkey(r), "\n")
    return d


def t_sql_sqlite_update(c):
    r, d = c.r, Doc()
    d("-- fix_contact_", str(r.randint(100, 999)), ".sql (sqlite, mobile app local cache)\n-- ticket ", jkey(r, "APP"),
      ": patient changed number, cache stale\n\n")
    d("UPDATE patient_cache\n   SET phone = ", sqlq(PHONE, c.cell.fmt(r.choice(["e164", "plain", "dash"]))), ",\n       email = ",
      sqlq(EMAIL, c.email), ",\n       updated_at = strftime('%s','now')\n WHERE mrn = ", sqlq(MRN, c.mrn), ";\n\n")
    d("UPDATE appointment\n   SET status = 'cancelled', note = 'pt called ", EVENT(fmt_date(c.today, "us_short")), "'\n WHERE patient_mrn = ",
      sqlq(MRN, c.mrn), " AND start_date = '", DATE(fmt_date(d_add(c.today, r.randint(2, 20)), "iso")), "';\n\n")
    d("SELECT changes();\n")
    return d


def t_sql_pg_upsert(c):
    r, d = c.r, Doc()
    d("-- upsert contact info from the registration kiosk feed\n-- author: ", STAFF(c.staff[1]), "\n")
    rows = [c] + others(c, r.randint(0, 2))
    for x in rows:
        d("INSERT INTO demographics AS t (mrn, full_name, dob, home_phone, street, unit, city, postal_code, updated_at)\nVALUES (",
          sqlq(MRN, x.mrn), ", ", sqlq(NAME, x.pt.display()), ", DATE '", DATE(x.dob.isoformat()), "', ",
          sqlq(PHONE, x.phone.fmt(x.ps)), ", ", sqlq(STREET, x.addr.line), ", ",
          sqlq(STREET, x.addr.unit) if x.addr.unit else "NULL", ", ", sqlq(STREET, x.addr.city), ", '", ZIP(x.addr.zip), "', now())\n")
        d("ON CONFLICT (mrn) DO UPDATE\n   SET home_phone = EXCLUDED.home_phone, street = EXCLUDED.street, unit = EXCLUDED.unit,\n",
          "       city = EXCLUDED.city, postal_code = EXCLUDED.postal_code, updated_at = now()\n WHERE t.updated_at < EXCLUDED.updated_at;\n\n")
    return d


def t_sql_mysql_on_dup(c):
    r, d = c.r, Doc()
    d("/* coverage backfill -- ", jkey(r, "RCM"), " */\nUSE `billing`;\n\n")
    rows = [c] + others(c, r.randint(1, 2))
    for x in rows:
        eff = dt.date(c.today.year, 1, 1)
        d("INSERT INTO `coverage` (`patient_id`, `payer`, `member_id`, `group_no`, `subscriber_name`, `subscriber_dob`, `effective`)\n",
          "VALUES (", IID(str(r.randint(1, 99999))), ", '", q(x.payer), "', ", sqlq(PLAN, x.member), ", ", sqlq(GRP, x.group), ", ",
          sqlq(NAME, x.pt.upper_last_first()), ", '", DATE(x.dob.isoformat()), "', '", COVD(eff.isoformat()), "')\n",
          "ON DUPLICATE KEY UPDATE `member_id` = VALUES(`member_id`), `group_no` = VALUES(`group_no`);\n\n")
    d("-- payer phone for questions: ", c.payer_phone, "\n")
    return d


def t_sql_yaml_fixture(c):
    r, d = c.r, Doc()
    d("# test/fixtures/patients.yml\n# Rails fixtures. ", r.choice(["Real-looking data requested by QA.", "DO NOT use prod data (oops)."]), "\n\n")
    for x in [c] + others(c, r.randint(1, 2)):
        key = fold(x.pt.first()).lower().replace(" ", "_").replace("-", "_").replace("'", "")
        d(key, "_", str(r.randint(1, 9)), ":\n  id: ", IID(str(r.randint(1, 9999))), "\n  mrn: \"", MRN(x.mrn), "\"\n")
        if x.pt.given:
            d("  first_name: ", NAME(x.pt.given), "\n")
        d("  last_name: \"", NAME(x.pt.family), "\"\n  date_of_birth: ", DATE(x.dob.isoformat()), "\n",
          "  phone: \"", PHONE(x.phone.fmt(x.ps)), "\"\n  email: ", EMAIL(x.email), "\n",
          "  address_line1: \"", STREET(x.addr.line), "\"\n")
        if x.addr.unit:
            d("  address_line2: \"", STREET(x.addr.unit), "\"\n")
        d("  city: ", STREET(x.addr.city), "\n  state: ", STATE(x.addr.state), "\n  zip: \"", ZIP(x.addr.zip), "\"\n",
          "  clinic: ", r.choice(["lakeshore", "northriver", "cedar_valley"]), "\n\n")
    return d


def t_sql_django_fixture(c):
    r, d = c.r, Doc()
    d("// patients/fixtures/initial_patients.json  (loaddata)\n[\n")
    rows = [c] + others(c, r.randint(1, 2))
    for i, x in enumerate(rows):
        d("  {\n    \"model\": \"patients.patient\",\n    \"pk\": ", IID(str(r.randint(1, 999))), ",\n    \"fields\": {\n",
          "      \"given_name\": \"", NAME(x.pt.given) if x.pt.given else "", "\",\n",
          "      \"family_name\": \"", NAME(x.pt.family), "\",\n      \"preferred_name\": \"", NAME(x.pt.display()), "\",\n",
          "      \"birth_date\": \"", DATE(x.dob.isoformat()), "\",\n      \"ssn\": \"", SSN(fmt_ssn(x.ssn, "plain")), "\",\n",
          "      \"medicare_mbi\": ", ["\"", MBI(fmt_mbi(x.mbi, r.random() < 0.5)), "\""] if x.age >= 65 else "null", ",\n",
          "      \"drivers_license\": \"", LIC(x.dl), "\",\n",
          "      \"emergency_contact\": \"", NAME(x.rel.full()), "\",\n      \"emergency_phone\": \"", PHONE(x.rel_phone.fmt(x.ps)), "\"\n",
          "    }\n  }", "," if i < len(rows) - 1 else "", "\n")
    d("]\n")
    return d


def t_sql_rails_seeds(c):
    r, d = c.r, Doc()
    d("# db/seeds.rb\n# Seeds for the demo environment (", jkey(r), ")\n\nclinic = Clinic.find_or_create_by!(name: \"", FAC(c.fac), "\")\n\n")
    for x in [c] + others(c, r.randint(1, 2)):
        d("Patient.create!(\n  clinic: clinic,\n  mrn: \"", MRN(x.mrn), "\",\n")
        if x.pt.given:
            d("  first_name: \"", NAME(x.pt.given), "\",\n")
        d("  last_name: \"", NAME(x.pt.family), "\",\n  dob: Date.parse(\"", DATE(fmt_date(x.dob, r.choice(["iso", "us", "long"]))), "\"),\n",
          "  mobile: \"", PHONE(x.cell.fmt(x.ps)), "\",\n  portal_email: \"", EMAIL(x.email), "\",\n",
          "  insurance: { payer: \"", x.payer, "\", member_id: \"", PLAN(x.member), "\", group: \"", GRP(x.group), "\" }\n)\n\n")
    d("puts \"Seeded #{Patient.count} patients\"\n")
    return d


LANGUAGE = {"russian": "Russian", "ukrainian": "Ukrainian", "greek": "Greek", "arabic": "Arabic", "hebrew": "Hebrew",
            "ethiopian": "Amharic", "hindi": "Hindi", "tamil": "Tamil", "bengali": "Bengali", "chinese": "Mandarin",
            "japanese": "Japanese", "korean": "Korean", "thai": "Thai", "armenian": "Armenian", "georgian": "Georgian",
            "vietnamese": "Vietnamese", "mexican": "Spanish", "caribbean_hispanic": "Spanish", "haitian": "Haitian Creole",
            "somali": "Somali", "hmong": "Hmong", "brazilian": "Portuguese", "polish": "Polish", "persian": "Farsi"}


def t_sql_tsql_nvarchar(c):
    r, d = c.r, Doc()
    d("-- SSMS script: interpreter-needed report test data\nUSE [PatientAccess];\nGO\nSET IDENTITY_INSERT dbo.Patient ON;\nGO\n")
    rows = [c] + others(c, r.randint(1, 3))
    for x in rows:
        d("INSERT INTO dbo.Patient (PatientID, MRN, DisplayName, NativeName, DOB, PreferredLanguage, HomePhone) VALUES (",
          IID(str(r.randint(1, 99999))), ", N'", MRN(x.mrn), "', N'", NAME(q(x.pt.western())), "', ",
          ["N'", NAME(q(x.pt.native)), "'"] if x.pt.native else "NULL", ", '", DATE(x.dob.strftime("%Y%m%d")), "', N'",
          LANGUAGE.get(x.pt.culture, "English"), "', N'",
          PHONE(x.phone.fmt(r.choice(PHONE_STYLES))), "');\n")
    d("GO\nSET IDENTITY_INSERT dbo.Patient OFF;\nGO\n")
    return d


def t_sql_knex_seed(c):
    r, d = c.r, Doc()
    d("// seeds/03_guarantors.js\nexports.seed = async function (knex) {\n  await knex('guarantor').del();\n  await knex('guarantor').insert([\n")
    rows = [c] + others(c, r.randint(1, 2))
    for x in rows:
        d("    {\n      id: ", IID(str(r.randint(1, 9999))), ",\n      patient_mrn: '", MRN(x.mrn), "',\n",
          "      guarantor_name: '", NAME(q(x.rel.western()).replace("''", "\\'")), "',\n      relationship: '", x.rel_role, "',\n",
          "      account_no: '", ACCT(x.acct), "',\n      billing_address: '", STREET(x.addr.line.replace("'", "")), ", ",
          STREET(x.addr.city), ", ", STATE(x.addr.state), " ", ZIP(x.addr.zip), "',\n      card_on_file: '", CARD(x.card), "',\n    },\n")
    d("  ]);\n};\n")
    return d


# =========================================================================== clinical_note
def he(c):
    return {"F": "she", "M": "he"}[c.sex]


def his(c):
    return {"F": "her", "M": "his"}[c.sex]


def sex_word(c):
    return {"F": "female", "M": "male"}[c.sex]


def age_piece(c, style="num"):
    """An age as text: labelled age_over_89 when 90+, plain text otherwise."""
    t = age_text(c, style)
    return AGE(t) if c.age >= 90 else t


def vitals(r):
    return "BP %d/%d, HR %d, RR %d, T %.1f F, SpO2 %d%% on %s" % (
        r.randint(98, 178), r.randint(54, 102), r.randint(52, 118), r.randint(12, 24), r.uniform(97.0, 101.8),
        r.randint(88, 100), r.choice(["RA", "2L NC", "room air"]))


def med_line(m):
    return [MED(m[0]), " ", m[1], " ", ["daily", "BID", "nightly", "q8h PRN"][len(m[0]) % 4]]


def t_note_soap(c):
    r, d = c.r, Doc()
    d("SOAP NOTE — ", FAC(c.fac), "\n\nPatient: ", NAME(c.pt.last_first()), "    DOB: ", DATE(fmt_date(c.dob, c.ds)),
      "    MRN: ", MRN(c.mrn), "\nDate of service: ", DATE(fmt_date(c.svc, r.choice(["us", "long", "iso"]))),
      "    Provider: ", STAFF(c.staff[0]), ", ", r.choice(["MD", "DO", "NP", "PA-C"]), "\n\n")
    d("S: ", age_piece(c, "num"), " y/o ", sex_word(c), " with hx of ", COND(c.conds[0][0].lower()), " and ", COND(c.conds[1][0].lower()),
      " here for follow-up. Reports ", r.choice(["good adherence", "missing some doses", "mild dizziness on standing"]),
      ". Taking ", med_line(c.meds[0]), " and ", med_line(c.meds[1]), ". ", his(c).capitalize(), " ", c.rel_role, " ",
      NAME(c.rel.western()), " helps with pillbox.\n\n")
    d("O: ", vitals(r), ". Gen: NAD. CV: RRR, no m/r/g. Lungs: CTAB. Ext: ", r.choice(["no edema", "trace pedal edema", "1+ edema bilat"]), ".\n\n")
    d("A:\n1. ", COND(c.conds[0][0]), " (", ICD(c.conds[0][1]), ") — ", r.choice(["stable", "not at goal", "improving"]), "\n2. ",
      COND(c.conds[1][0]), " (", ICD(c.conds[1][1]), ")\n\n")
    d("P: Continue ", MED(c.meds[0][0]), ". Start ", MED(c.meds[2][0]), " ", c.meds[2][1], ". Labs today (CMP, A1c). RTC ",
      r.choice(["3 months", "6 weeks", "4 weeks"]), ". Pt can be reached at ", PHONE(c.phone.fmt(c.ps)), ".\n\n")
    d("Electronically signed by ", STAFF(c.staff[0]), " on ", EVENT(fmt_date(c.svc, "us")), " ", "%02d:%02d" % (r.randint(8, 18), r.randint(0, 59)), "\n")
    return d


def t_note_hp(c):
    r, d = c.r, Doc()
    d("HISTORY AND PHYSICAL\n", FAC(c.fac), "\n\nName: ", NAME(c.pt.upper_last_first()), "\nMRN: ", MRN(c.mrn), "   Acct: ",
      ACCT(c.acct), "\nDOB: ", DATE(fmt_date(c.dob, "us")), " (", age_piece(c, "yo"), ")\nAdmit date: ",
      DATE(fmt_date(c.admit, "us")), "\nAttending: ", STAFF("Dr. " + c.staff[0]), "\n\n")
    d("CHIEF COMPLAINT: ", COND(r.choice(["shortness of breath", "fever and cough", "fall at home", "chest pain", "confusion"])), "\n\n")
    d("HPI: ", TITLE(c.title), " ", NAME(c.pt.family), " is a ", age_piece(c, "yr_old"), " ", sex_word(c),
      " with ", COND(c.conds[0][0].lower()), " who presents after ", r.choice(["3 days", "1 week", "24 hours"]), " of worsening symptoms. ",
      "Per ", c.rel_role, " (", NAME(c.rel.first()), "), ", he(c), " has been ", r.choice(["eating less", "more short of breath at night", "unsteady"]), ".\n\n")
    d("PMH: ", COND(c.conds[0][0]), "; ", COND(c.conds[1][0]), "; ", COND(c.conds[2][0]), "\n")
    d("MEDICATIONS:\n")
    for m in c.meds:
        d("  - ", med_line(m), "\n")
    d("ALLERGIES: ", r.choice(["NKDA", "Penicillin (rash)", "Sulfa"]), "\n")
    d("SOCIAL: Lives at ", addr_pieces(c.addr, "oneline"), " with ", c.rel_role, ". ", r.choice(["Never smoker.", "Former smoker, 20 pk-yr.", "Drinks 2 beers/day."]), "\n")
    d("FAMILY: ", r.choice(["Mother with CAD.", "Father with DM2.", "Noncontributory."]), "\n\n")
    d("EXAM: ", vitals(r), "\n\nASSESSMENT/PLAN: Admit to ", r.choice(["medicine", "telemetry", "step-down"]), " for ", COND(c.conds[0][0].lower()),
      " (", ICD(c.conds[0][1]), "). ", MED(r.choice(MEDS)[0]), " started. DVT ppx. Full code. Emergency contact ", NAME(c.rel.western()),
      " ", PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), ".\n")
    return d


def t_note_progress(c):
    r, d = c.r, Doc()
    hd = (c.disch - c.admit).days
    day = d_add(c.admit, max(1, hd - 1))
    d("Progress Note — Hospital Day ", str(max(2, hd)), "\n", NAME(c.pt.western()), " | ", MRN(c.mrn), " | Rm ",
      r.choice(["412-B", "5N-22", "ICU 7", "318"]), "\nDate: ", DATE(fmt_date(day, c.ds)), "\n\n")
    d("Interval: Afebrile overnight. ", r.choice(["Tolerating diet.", "Had one episode of emesis.", "Ambulated with PT."]),
      " ", c.rel_role.capitalize(), " at bedside, updated.\n\n")
    d("Labs: ")
    for lab in r.sample(LABS, 3):
        lo, hi = lab[3]
        val = ("%.1f" % r.uniform(lo, hi)) if isinstance(lo, float) else str(r.randint(lo, hi))
        d(lab[1], " ", val, " ", lab[2], "; ")
    d("\n\nA/P:\n# ", COND(c.conds[0][0]), " — on ", MED(c.meds[0][0]), ", ", r.choice(["improving", "slow to respond", "at baseline"]), "\n# ",
      COND(c.conds[1][0]), " — continue home ", MED(c.meds[1][0]), "\n# Dispo: anticipate discharge ",
      DATE(fmt_date(c.disch, r.choice(["us_short", "mon", "us"]))), " to ", r.choice(["home", "SNF", "home with services"]), ".\n\n— ",
      STAFF(c.staff[0]), ", MD (pager ", SCON(str(r.randint(1000, 9999))), ")\n")
    return d


def t_note_nursing(c):
    r, d = c.r, Doc()
    d("NURSING SHIFT NOTE  ", r.choice(["0700-1900", "1900-0700"]), "\nPt: ", NAME(c.pt.last_first()), "  MRN ", MRN(c.mrn),
      "  DOB ", DATE(fmt_date(c.dob, c.ds)), "\nShift date: ", DATE(fmt_date(c.svc, "us")), "\n\n")
    t = dt.datetime(2000, 1, 1, r.choice([7, 19]), 0)
    entries = ["Received report from night RN. Pt resting, A&Ox%d." % r.randint(2, 4),
               ["Scheduled ", MED(c.meds[0][0]), " given PO, tolerated."],
               ["Pt's ", c.rel_role, " ", NAME(c.rel.full()), " called for update; verified on contact list. Callback ",
                PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), "."],
               "Turned q2h, skin intact. Call light in reach.",
               ["PRN ", MED(r.choice(["acetaminophen", "ondansetron", "oxycodone"])), " for ", COND(r.choice(["pain 6/10", "nausea", "headache"])), "."],
               "Bed alarm on. Fall precautions maintained."]
    for e in entries:
        t = t + dt.timedelta(minutes=r.randint(30, 150))
        d(t.strftime("%H%M"), "  ", e, "\n")
    d("\nSigned: ", STAFF(c.staff[3]), ", RN\n")
    return d


def t_note_discharge(c):
    r, d = c.r, Doc()
    fu = d_add(c.disch, r.randint(5, 14))
    d("DISCHARGE SUMMARY\n\nPatient Name: ", NAME(c.pt.full()), "\nMedical Record #: ", MRN(c.mrn), "\nDate of Birth: ",
      DATE(fmt_date(c.dob, "long")), "\nAdmission Date: ", DATE(fmt_date(c.admit, "long")), "\nDischarge Date: ",
      DATE(fmt_date(c.disch, "long")), "\nAttending Physician: ", STAFF(c.staff[0]), ", MD\nPCP: ", STAFF(c.staff[1]), "\n\n")
    d("Principal diagnosis: ", COND(c.conds[0][0]), " (", ICD(c.conds[0][1]), ")\nSecondary: ", COND(c.conds[1][0]), " (", ICD(c.conds[1][1]), ")\n\n")
    d("Hospital course: ", age_piece(c, "yr_old"), " ", sex_word(c), " admitted with ", COND(c.conds[0][0].lower()),
      ". Treated with ", MED(c.meds[0][0]), " with improvement. ", r.choice(["No complications.", "Course complicated by delirium, resolved.",
                                                                           "Required 1 unit PRBC."]), "\n\n")
    d("Discharge medications:\n")
    for m in c.meds:
        d("  ", med_line(m), "\n")
    d("\nFollow-up: ", STAFF("Dr. " + staff_last(c.staff[1])), " on ", DATE(fmt_date(fu, r.choice(["us", "long", "mon"]))),
      ". Home health to visit at ", addr_pieces(c.addr, r.choice(["oneline", "aus", "euro"])), ".\n",
      "Discharged to ", r.choice(["home with daughter", "home", "home with spouse"]), "; contact ", PHONE(c.phone.fmt(c.ps)), ".\n")
    return d


def t_note_consult_letter(c):
    r, d = c.r, Doc()
    sent = d_add(c.svc, r.randint(1, 5))
    ref = c.staff[1]
    d(FAC(c.fac), "\nDepartment of ", r.choice(["Cardiology", "Nephrology", "Endocrinology", "Neurology"]), "\n\n",
      EVENT(fmt_date(sent, "long")), "\n\n", STAFF("Dr. " + ref), "\n", FAC(r.choice(FACILITIES)[0]), "\n\n")
    d("Re: ", NAME(c.pt.western()), ", DOB ", DATE(fmt_date(c.dob, r.choice(["us", "dlong"]))), "\n    ",
      addr_pieces(c.addr, "oneline"), "\n    MRN ", MRN(c.mrn), "\n\n")
    d("Dear Dr. ", STAFF(staff_last(ref)), ",\n\nThank you for referring ", TITLE(c.title), " ", NAME(c.pt.family), ", whom I saw on ",
      DATE(fmt_date(c.svc, "dlong")), " for evaluation of ", COND(c.conds[0][0].lower()), ". ", he(c).capitalize(), " is a pleasant ",
      age_piece(c, "yr_old"), " accompanied by ", his(c), " ", c.rel_role, ", ", NAME(c.rel.western()), ".\n\n")
    d("My impression is ", COND(c.conds[0][0].lower()), " (", ICD(c.conds[0][1]), "). I have recommended ", MED(c.meds[0][0]), " ",
      c.meds[0][1], " and will see ", "the patient", " again in ", r.choice(["three months", "six weeks"]), ".\n\n")
    d("Yours sincerely,\n\n", STAFF(c.staff[0]), ", MD, FACP\nTel ", SCON(Phone(r).fmt("paren")), "  Fax ", SCON(Phone(r).fmt("paren")), "\n")
    return d


def t_note_ed_triage(c):
    r, d = c.r, Doc()
    arr = rand_time(r, c.svc)
    d("ED TRIAGE — ", FAC(c.fac), "\nArrival: ", DATE(arr.strftime("%m/%d/%Y %H:%M")), "   Mode: ", r.choice(["EMS", "walk-in", "private vehicle", "police"]),
      "   ESI: ", str(r.randint(1, 4)), "\n")
    d("Pt: ", NAME(c.pt.upper_last_first()), "   Age/Sex: ", age_piece(c, r.choice(["yoF", "num"])) if c.age >= 90 else str(c.age),
      "/", c.sex, "   DOB: ", DATE(fmt_date(c.dob, "us_short")), "\nMRN: ", MRN(c.mrn), "   Visit: ", ACCT(c.visit), "\n\n")
    d("CC: ", COND(r.choice(["chest pain", "fall", "abdominal pain", "SOB", "altered mental status", "laceration L hand"])),
      " x ", r.choice(["2h", "1 day", "30 min", "3 days"]), "\n")
    d("Triage note: Per EMS, found at home (", addr_pieces(c.addr, "upper"), ") by ", c.rel_role, " ", NAME(c.rel.first()), ". ",
      vitals(r), ". Pain ", str(r.randint(0, 10)), "/10. Hx ", COND(c.conds[1][0]), ". On ", MED(c.meds[0][0]), ".\n")
    d("Triage RN: ", STAFF(c.staff[3]), "\n")
    return d


def t_note_telephone(c):
    r, d = c.r, Doc()
    call = rand_time(r, c.today, (8, 17))
    d("TELEPHONE ENCOUNTER\n", NAME(c.pt.last_first()), "  (", MRN(c.mrn), ")  DOB ", DATE(fmt_date(c.dob, c.ds)), "\n",
      "Call received: ", EVENT(call.strftime("%m/%d/%Y %I:%M %p")), "  by ", STAFF(c.staff[3]), ", RN\n\n")
    d("Reason: ", r.choice(["refill request", "question about lab results", "side effects", "needs prior auth update"]), ". Pt calling from ",
      PHONE(c.cell.fmt(c.ps)), ". Reports ", COND(r.choice(["nausea", "ankle swelling", "cough", "low sugars in AM"])),
      " since starting ", MED(c.meds[0][0]), ".\n\n")
    d("Advice: hold tonight's dose, call back if worse. Routed to ", STAFF(c.staff[0]), " for review.\n")
    d("Addendum ", EVENT(fmt_date(c.today, "us")), ": per ", STAFF(staff_last(c.staff[0])), ", decrease to ", c.meds[0][1],
      ". Left VM at ", PHONE(c.phone.fmt(r.choice(PHONE_STYLES))), " (home). ", r.choice(["Will retry tomorrow.", "Sent portal message as well."]), "\n")
    return d


def t_note_hospice_elderly(c):
    r, d = c.r, Doc()
    adult(c)
    if c.age < 90:
        c.age = r.randint(90, 103)
        c.dob = dob_for_age(r, c.age, c.today)
    snf = r.choice(["Mercy Pines Skilled Nursing", "Birchwood Manor", "Sunnyside Assisted Living"])
    d("HOSPICE RECERTIFICATION VISIT\n", NAME(c.pt.full()), " — DOB ", DATE(fmt_date(c.dob, c.ds)), " — ", FAC(snf), ", room ",
      str(r.randint(100, 250)), "\nVisit date: ", DATE(fmt_date(c.svc, "us")), "\n\n")
    d("This ", AGE(NUM_WORDS.get(c.age, str(c.age))), "-year-old ", {"F": "woman", "M": "man"}[c.sex],
      " with ", COND(r.choice(["end-stage heart failure", "advanced dementia", "metastatic prostate cancer", "ALS"])),
      " continues to decline: PPS ", str(r.choice([30, 40])), "%, weight down ", str(r.randint(3, 9)), " lb, sleeping most of the day. ",
      "Aged ", AGE(str(c.age)), ", ", he(c), " is the oldest resident on the unit.\n\n")
    d("Comfort meds: ", MED("morphine oral solution"), " 5 mg q2h PRN, ", MED("lorazepam"), " 0.5 mg q6h PRN.\n")
    d("Family: ", c.rel_role, " ", NAME(c.rel.western()), " (POA) visits daily, reachable at ", PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))),
      ". Goals: comfort, no hospital transfer. DNR/DNI on file.\n\nRecert for next benefit period. — ", STAFF(c.staff[0]), ", MD, hospice medical director\n")
    return d


def t_note_operative(c):
    r, d = c.r, Doc()
    proc = r.choice([("Dual-chamber pacemaker implantation", "33208", "pacemaker generator", "Ardent DR-2",
                      ("Sick sinus syndrome", "I49.5"), "Leads tested with adequate sensing and thresholds."),
                     ("Left total knee arthroplasty", "27447", "tibial component", "Kinetix TK 4",
                      ("Primary osteoarthritis, left knee", "M17.12"), "Tourniquet time 58 min. EBL 150 mL."),
                     ("Insertion of implantable loop recorder", "33285", "loop recorder", "SentriLoop 2",
                      ("Syncope and collapse", "R55"), "Device interrogated; R-wave sensing adequate."),
                     ("Right total hip arthroplasty", "27130", "femoral stem", "Meridia HS 6",
                      ("Fracture of right femoral neck", "S72.001A"), "Posterior approach. Hemostasis achieved.")])
    d("OPERATIVE REPORT\n\nPatient: ", NAME(c.pt.last_first()), "     MRN: ", MRN(c.mrn), "\nDate of surgery: ",
      DATE(fmt_date(c.admit, r.choice(["us", "long", "dmon"]))), "\nSurgeon: ", STAFF(c.staff[0]), ", MD   Assistant: ", STAFF(c.staff[2]), ", PA-C\n")
    d("Anesthesia: ", r.choice(["general", "spinal", "MAC with local"]), "\n\nProcedure: ", proc[0], " (CPT ", CPT(proc[1]), ")\n")
    d("Indication: ", COND(proc[4][0]), " (", ICD(proc[4][1]), ")\n\n")
    d("Implants: ", proc[2], " model ", proc[3], ", SN ", DEV(c.serial),
      "; UDI ", DEV(gen_udi(r, d_add(c.today, r.randint(300, 1500)))), "\n\n")
    d("Findings/technique: ", proc[5],
      " The patient tolerated the procedure well and was taken to PACU in stable condition. Device card given to ", c.rel_role, " ",
      NAME(c.rel.full()), ".\n")
    return d


# =========================================================================== csv_claims
def money(r, lo, hi):
    return "%d.%02d" % (r.randint(lo, hi), r.randint(0, 99))


def csvq(tag, v, always=False):
    if always or any(ch in v for ch in ',"\n'):
        return ['"', tag(v.replace('"', '""')), '"']
    return [tag(v)]


def t_csv_comma(c):
    r, d = c.r, Doc()
    hdr = r.choice(["claim_id,member_id,patient_last,patient_first,dob,dos,cpt,icd10,billed,paid,status",
                    "ClaimNumber,MemberID,LastName,FirstName,DOB,ServiceDate,CPT,DX1,Charge,Paid,Status",
                    "CLM_NO,MBR_ID,PT_LNAME,PT_FNAME,PT_DOB,FROM_DOS,PROC_CD,DIAG_CD,BILLED_AMT,PAID_AMT,CLM_STATUS"])
    d("# export: claims_", c.today.strftime("%Y%m%d"), ".csv  (", c.payer, ")\n", hdr, "\n")
    ds = r.choice(["us", "iso", "hl7"])
    for x in [c] + others(c, r.randint(3, 6)):
        cp = r.choice(CPTS)
        d(OID(x.claim), ",", PLAN(x.member), ",", csvq(NAME, x.pt.family), ",", csvq(NAME, x.pt.given) if x.pt.given else "", ",",
          DATE(fmt_date(x.dob, ds)), ",", DATE(fmt_date(x.svc, ds)), ",", CPT(cp[0]), ",", ICD(x.conds[0][1]), ",",
          money(r, 80, 3000), ",", money(r, 0, 900), ",", r.choice(["PAID", "DENIED", "PEND", "PARTIAL"]), "\n")
    return d


def t_csv_tsv_remit(c):
    r, d = c.r, Doc()
    d("PayerClaimCtrl\tPatientName\tMemberID\tServiceDate\tBilled\tAllowed\tPaid\tCARC\tCheckNo\n")
    chk = "%010d" % r.randint(0, 10 ** 10 - 1)
    for x in [c] + others(c, r.randint(3, 6)):
        d(OID(x.claim), "\t", NAME(x.pt.upper_last_first()), "\t", PLAN(x.member), "\t", DATE(fmt_date(x.svc, "us")), "\t",
          money(r, 100, 2000), "\t", money(r, 50, 900), "\t", money(r, 0, 700), "\t", r.choice(["45", "CO-45", "PR-1", "CO-97", "OA-23", ""]),
          "\t", chk, "\n")
    d("\n(copied from the 835 viewer, payer ", c.payer, ", check ", chk, ")\n")
    return d


def t_csv_pipe(c):
    r, d = c.r, Doc()
    d("MRN|PATIENT_NAME|DOB|ADMIT_DT|DISCH_DT|ACCT_NO|DRG|TOTAL_CHARGES|FACILITY\n")
    for x in [c] + others(c, r.randint(3, 5)):
        d(MRN(x.mrn), "|", NAME(x.pt.hl7(False).replace("^", ",")), "|", DATE(fmt_date(x.dob, "hl7")), "|",
          DATE(fmt_date(x.admit, "hl7")), "|", DATE(fmt_date(x.disch, "hl7")), "|", ACCT(x.acct), "|", str(r.choice([193, 291, 470, 871, 690, 392])),
          "|", money(r, 4000, 98000), "|", FAC(x.fac_code), "\n")
    d("TRAILER|", str(r.randint(4, 6)), "|", gen_hex(r, 16), "\n")
    return d


def t_csv_quoted_excel(c):
    r, d = c.r, Doc()
    d('"Patient","Address","City","ST","ZIP","Phone","Balance","Last Stmt"\r\n')
    for x in [c] + others(c, r.randint(2, 5)):
        a = x.addr
        d('"', NAME(x.pt.last_first().replace('"', '""')), '","', STREET(a.line + (", " + a.unit if a.unit else "")), '","', STREET(a.city),
          '","', STATE(a.state), '","', ZIP(a.zip), '","', PHONE(x.phone.fmt(r.choice(PHONE_STYLES))), '","$',
          money(r, 10, 4000), '","', EVENT(fmt_date(d_add(c.today, -r.randint(5, 60)), "us")), '"\r\n')
    return d


def t_csv_semicolon_eu(c):
    r, d = c.r, Doc()
    d("Coding vendor return file (semicolon, dd.mm.yyyy)\n\n")
    d("Konto;Patient;Geburtsdatum;Aufnahme;Entlassung;ICD-10-CM;CPT;Betrag\n")
    for x in [c] + others(c, r.randint(3, 5)):
        d(ACCT(x.acct), ";", NAME(x.pt.full()), ";", DATE(fmt_date(x.dob, "eu")), ";", DATE(fmt_date(x.admit, "eu")), ";",
          DATE(fmt_date(x.disch, "eu")), ";", ICD(x.conds[0][1]), ";", CPT(r.choice(CPTS)[0]), ";",
          money(r, 100, 9000).replace(".", ","), "\n")
    return d


def t_csv_jira_preview(c):
    r, d = c.r, Doc()
    key = jkey(r, "RCM")
    d("[", key, "] Denials spike for ", c.payer, "\n\n", STAFF(c.staff[1]), " added a comment - ",
      rand_time(r, c.today).strftime("%d/%b/%y %I:%M %p"), "\nAttached denials_", c.today.strftime("%m%d"), ".csv. First rows:\n{noformat}\n")
    d("Claim,Mbr ID,Patient,DOS,Denial,RARC\n")
    for x in [c] + others(c, r.randint(2, 4)):
        d(OID(x.claim), ",", PLAN(x.member), ",", csvq(NAME, x.pt.last_first()), ",", DATE(fmt_date(x.svc, "us_nopad")), ",",
          r.choice(["CO-16", "CO-197", "CO-50", "PR-204"]), ",", r.choice(["N290", "M127", "N522", ""]), "\n")
    d("{noformat}\n[~", STAFF(handle(c.staff[2])), "] most are CO-16 (missing info). Attachment has the rest.\n")
    return d


def t_csv_eligibility_mbi(c):
    r, d = c.r, Doc()
    d("Medicare Advantage eligibility roster — ", r.choice(["monthly", "MMR reconciliation"]), " ", c.today.strftime("%Y-%m"), "\n")
    d("mbi,hicn_legacy,last_name,first_name,birth_dt,gender,zip,effective_dt\n")
    for x in [c] + others(c, r.randint(3, 5)):
        if x.age < 65:
            x.age = r.randint(65, 96)
            x.dob = dob_for_age(r, x.age, c.today)
        eff = dt.date(c.today.year, r.randint(1, c.today.month), 1)
        d(MBI(fmt_mbi(x.mbi, r.random() < 0.3)), ",,", csvq(NAME, x.pt.family),
          ",", csvq(NAME, x.pt.given) if x.pt.given else "", ",", DATE(fmt_date(x.dob, "iso")), ",", x.sex, ",", ZIP(x.addr.zip5), ",",
          COVD(eff.isoformat()), "\n")
    d("# test row (documented): 1EG4-TE5-MK73,,,,,,00000,\n")
    return d


def t_csv_pharmacy(c):
    r, d = c.r, Doc()
    d("rx_number,fill_date,patient,dob,ndc,drug,qty,days_supply,prescriber_npi,pharmacy_npi,copay\n")
    for x in [c] + others(c, r.randint(3, 5)):
        ndc = r.choice(NDCS)
        d(OID("RX%07d" % r.randint(0, 9999999)), ",", DATE(fmt_date(x.svc, "iso")), ",", csvq(NAME, x.pt.western()), ",",
          DATE(fmt_date(x.dob, "iso")), ",", NDC(ndc[0]), ",", MED(ndc[1]), ",", str(r.choice([30, 60, 90])), ",", str(r.choice([30, 90])),
          ",", NPI(gen_npi(r)), ",", NPI(gen_npi(r)), ",", money(r, 0, 45), "\n")
    return d


def t_csv_fixed_width(c):
    r, d = c.r, Doc()
    d("Legacy AR aging report (fixed width), run ", c.today.strftime("%m/%d/%Y"), "\n\n")
    d("ACCOUNT     PATIENT NAME                  DOB        LAST DOS   BALANCE\n")
    d("----------- ----------------------------- ---------- ---------- ----------\n")
    for x in [c] + others(c, r.randint(3, 6)):
        acct = x.acct[:11]
        nm = fold(x.pt.upper_last_first())[:29]
        d(ACCT(acct), " " * (12 - len(acct)), NAME(nm.rstrip()), " " * (30 - len(nm.rstrip())), DATE(fmt_date(x.dob, "us")), " ",
          DATE(fmt_date(x.svc, "us")), " ", money(r, 10, 9999).rjust(10), "\n")
    return d


def t_csv_denials_carc(c):
    r, d = c.r, Doc()
    d("Denial worklist export\nPayer,Claim #,Patient Acct,Subscriber,Subscriber ID,Group,DOS From,DOS To,CARC,Description\n")
    for x in [c] + others(c, r.randint(3, 5)):
        carc = r.choice([("CO-16", "Claim lacks information"), ("CO-27", "Expenses incurred after coverage terminated"),
                         ("CO-11", "Diagnosis inconsistent with procedure"), ("CO-22", "Coordination of benefits")])
        d(['"', x.payer, '"'], ",", OID(x.claim), ",", ACCT(x.acct), ",", csvq(NAME, x.pt.last_first()), ",",
          PLAN(x.member), ",", GRP(x.group), ",", DATE(fmt_date(x.svc, "us")), ",", DATE(fmt_date(x.svc, "us")), ",", carc[0], ",\"", carc[1], "\"\n")
    return d


# =========================================================================== patient_email
def mail_date(r, t, style=None):
    style = style if style is not None else r.randrange(3)
    if style == 0:
        return t.strftime("%a, %d %b %Y %H:%M:%S -0500")
    if style == 1:
        return t.strftime("%A, %B %d, %Y %I:%M %p")
    return t.strftime("%a %b %d, %Y at %I:%M %p")


def clinic_box(c):
    return c.r.choice(["frontdesk", "billing", "cardiology.scheduling", "medrecords", "nurse.line", "pcs"]) + "@" + c.dom


def t_email_forwarded(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, d_add(c.today, -2), (6, 22))
    t1 = t0 + dt.timedelta(hours=r.randint(1, 20))
    box = clinic_box(c)
    d("From: ", STAFF(c.staff[0]), " <", SCON(staff_email(c.staff[0], c.dom)), ">\nDate: ", MAILD(mail_date(r, t1)), "\nTo: ",
      STAFF(c.staff[1]), " <", SCON(staff_email(c.staff[1], c.dom)), ">\nSubject: Fwd: ", r.choice(["question about my meds", "Refill??", "side effects"]), "\n\n")
    d(STAFF(c.staff[1].split(" ")[0]), " — can you call this patient back? Not sure the ", MED(c.meds[0][0]), " change went through.\n\n")
    d("---------- Forwarded message ---------\nFrom: ", NAME(c.pt.full()), " <", EMAIL(c.email), ">\nDate: ", MAILD(mail_date(r, t0)), "\n",
      "Subject: question about my meds\nTo: <", SCON(box), ">\n\n")
    d("Hi,\n\nThis is ", NAME(c.pt.western()), ", date of birth ", DATE(fmt_date(c.dob, r.choice(["us", "long", "us_nopad"]))),
      ". At my visit on ", DATE(fmt_date(c.svc, r.choice(["mon", "us_short", "long"]))), " the doctor said to stop ", MED(c.meds[0][0]),
      " and start ", MED(c.meds[1][0]), " but the pharmacy still filled the old one. Can someone call me at ", PHONE(c.cell.fmt(c.ps)),
      "?\n\nThanks,\n", NAME(c.pt.first()), "\n")
    return d


def t_email_reply_quoted(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, d_add(c.today, -3), (8, 17))
    t1 = t0 + dt.timedelta(hours=r.randint(2, 30))
    d("From: ", NAME(c.pt.full()), " <", EMAIL(c.email), ">\nTo: ", SCON(clinic_box(c)), "\nDate: ", MAILD(mail_date(r, t1)),
      "\nSubject: Re: Your upcoming appointment\n\n")
    d("Yes that works. I will bring my ", c.rel_role, " ", NAME(c.rel.first()), ". My new insurance is ", c.payer, ", member ID ",
      PLAN(c.member), ".\n\n", NAME(c.pt.first()), "\n\n")
    d("On ", MAILD(t0.strftime("%a, %b %d, %Y at %I:%M %p")), ", ", STAFF(c.staff[0]), " <", SCON(staff_email(c.staff[0], c.dom, style=1)), "> wrote:\n")
    appt = rand_time(r, d_add(c.today, r.randint(3, 20)), (8, 16))
    d("> Dear ", NAME(c.pt.western()), ",\n>\n> This is a reminder of your appointment with ", STAFF("Dr. " + staff_last(c.staff[1])), " on ",
      DATE(fmt_date(appt.date(), "long")), " at ", appt.strftime("%I:%M %p"), ".\n> Please reply to confirm and update your insurance if it changed.\n>\n",
      "> ", FAC(c.fac), " | ", SCON(Phone(r).fmt("paren")), "\n")
    return d


def t_email_mobile(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, c.today, (5, 23))
    d("From: ", EMAIL(c.email), "\nTo: ", SCON(clinic_box(c)), "\nDate: ", MAILD(mail_date(r, t0, 0)), "\nSubject: ",
      r.choice(["(no subject)", "appt", "test results", "Re:"]), "\n\n")
    d(r.choice(["hi its ", "Hello this is ", "hey, "]), NAME(c.pt.western().lower() if r.random() < 0.5 else c.pt.western()), " ",
      r.choice(["i cant make tmrw", "i need to resched my appt", "did u get my labs"]), ". my dob ", DATE(fmt_date(c.dob, r.choice(["us_short", "us_nopad"]))),
      " . call me ", PHONE(c.cell.fmt(r.choice(["plain", "dash", "dot"]))), " after 3\n\n")
    d(r.choice(["Sent from my iPhone", "Sent from my Galaxy", "Sent from Yahoo Mail for Android", "Get Outlook for iOS"]), "\n")
    if r.random() < 0.75:
        appt = rand_time(r, d_add(c.today, 1), (8, 16))
        d("\n> On ", MAILD((t0 - dt.timedelta(days=r.randint(1, 3))).strftime("%b %d, %Y, at %I:%M %p")), ", ", FAC(c.fac),
          " <", SCON("noreply@" + c.dom), "> wrote:\n> Reminder: ", NAME(c.pt.first()), ", you have an appointment on ",
          DATE(fmt_date(appt.date(), "long")), " at ", appt.strftime("%I:%M %p"), " with ", STAFF(c.staff[0]), ".\n",
          "> Reply C to confirm or call ", SCON(Phone(r).fmt("paren")), " to reschedule.\n")
    return d


def t_email_portal_fwd(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, c.today, (7, 21))
    pid_ = "%d" % r.randint(10 ** 6, 10 ** 8)
    url = r.choice(["https://mychart.%s/MyChart/Messaging/Inbox?pid=%s" % (c.dom, pid_),
                    "https://portal.%s/patients/%s/results/%d" % (c.dom, pid_, r.randint(10 ** 5, 10 ** 6))])
    d("From: ", NAME(c.pt.full()), " <", EMAIL(c.email), ">\nSent: ", MAILD(mail_date(r, t0, 1)), "\nTo: ", SCON(clinic_box(c)),
      "\nSubject: FW: You have a new test result\n\n")
    d("The link doesn't work for me, it says session expired. Can you just email the results?\n\n")
    d("-----Original Message-----\nFrom: ", FAC(c.fac), " <", SCON("noreply@" + c.dom), ">\nSent: ", MAILD(mail_date(r, t0 - dt.timedelta(hours=5), 1)), "\n",
      "Subject: You have a new test result\n\nHello ", NAME(c.pt.first()), ",\n\nA new result is available. View it here:\n", URL(url), "\n\n",
      "Do not reply to this message.\n")
    return d


def t_email_caregiver(c):
    r, d = c.r, Doc()
    if c.age < 90:
        c.age = r.randint(90, 102)
        c.dob = dob_for_age(r, c.age, c.today)
    c.rel_role = r.choice(["daughter", "niece"]) if c.rel.sex == "F" else r.choice(["son", "nephew"])
    t0 = rand_time(r, c.today, (6, 23))
    rel_email = c.rel.email_local(r) + "@" + r.choice(["gmail.com", "yahoo.com", "icloud.com"])
    d("From: ", NAME(c.rel.full()), " <", EMAIL(rel_email), ">\nDate: ", MAILD(mail_date(r, t0)), "\nTo: ", SCON(clinic_box(c)),
      "\nSubject: My ", {"F": "mother", "M": "father"}[c.sex], " ", NAME(c.pt.western()), "\n\n")
    mom = {"F": "mother", "M": "father"}[c.sex]
    d("Hello,\n\nI am writing about my ", mom, ", ", NAME(c.pt.full()), ", who is ", AGE(age_text(c, r.choice(["num", "words"]))),
      " (born ", DATE(fmt_date(c.dob, r.choice(["long", "us", "dlong"]))), "). ", he(c).capitalize(), " had a fall last week and since then has been ",
      r.choice(["more confused", "not eating much", "very tired"]), ". ", he(c).capitalize(), " takes ", MED(c.meds[0][0]), " and ", MED(c.meds[1][0]),
      ".\n\nCould ", STAFF("Dr. " + staff_last(c.staff[0])), " see ", "her" if c.sex == "F" else "him", " sooner than ",
      DATE(fmt_date(d_add(c.today, r.randint(20, 60)), "long")), "? ", he(c).capitalize(), " still lives alone at ",
      addr_pieces(c.addr, "oneline"), ". I am ", his(c), " healthcare proxy.\n\nThank you,\n", NAME(c.rel.western()), "\n",
      PHONE(c.rel_phone.fmt(r.choice(PHONE_STYLES))), "\n")
    return d


def t_email_billing(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, c.today, (7, 22))
    d("From: ", NAME(c.pt.western()), " <", EMAIL(c.email), ">\nTo: ", SCON("billing@" + c.dom), "\nDate: ", MAILD(mail_date(r, t0)),
      "\nSubject: Statement for account ", ACCT(c.acct), "\n\n")
    d("To whom it may concern,\n\nI received a statement for $", money(r, 80, 2400), " for my visit on ", DATE(fmt_date(c.svc, c.ds)),
      " at ", FAC(c.fac), ". This should have gone to my insurance (", c.payer, ", member ", PLAN(c.member), ", group ", GRP(c.group),
      "). Please resubmit.\n\nAccount: ", ACCT(c.acct), "\nPatient: ", NAME(c.pt.full()), "\nDOB: ", DATE(fmt_date(c.dob, c.ds)), "\n\n",
      "Regards,\n", NAME(c.pt.full()), "\n", addr_pieces(c.addr, "twoline"), "\n")
    return d


def t_email_records_transfer(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, c.today, (7, 22))
    d("From: ", NAME(c.pt.full()), " <", EMAIL(c.email), ">\nTo: ", SCON("medrecords@" + c.dom), "\nDate: ", MAILD(mail_date(r, t0)),
      "\nSubject: Request to transfer records\n\n")
    d("Hello,\n\nI am moving and need my records sent to my new doctor. My information:\n\nName: ", NAME(c.pt.last_first()),
      "\nDate of birth: ", DATE(fmt_date(c.dob, "us")), "\nSSN: ", SSN(fmt_ssn(c.ssn, r.choice(["dash", "space", "plain"]))),
      "\nOld address: ", addr_pieces(make_address(r), "oneline"), "\nNew address: ", addr_pieces(c.addr, r.choice(["oneline", "aus", "euro"])),
      "\nPhone: ", PHONE(c.phone.fmt(c.ps)), "\n\nPlease send everything from ", DATE(fmt_date(d_add(c.svc, -r.randint(300, 900)), "us")),
      " to now, including the imaging from my ", COND(r.choice(["knee injury", "kidney stone", "pregnancy", "concussion"])), ".\n\n", NAME(c.pt.first()), "\n")
    return d


def t_email_outlook_staff_thread(c):
    r, d = c.r, Doc()
    t0 = rand_time(r, c.today, (7, 17))
    t1 = t0 + dt.timedelta(minutes=r.randint(10, 200))
    d("From: ", STAFF(c.staff[1]), "\nSent: ", MAILD(mail_date(r, t1, 1)), "\nTo: ", STAFF(c.staff[0]), "; ", STAFF(c.staff[2]), "\nCc: ",
      SCON(clinic_box(c)), "\nSubject: RE: pt ", NAME(c.pt.upper_last_first()), " - duplicate MRN\n\n")
    d("Merged. ", MRN(c.mrn), " is the surviving record, ", MRN(gen_mrn(r)), " is retired. ", STAFF(c.staff[2].split(" ")[0]),
      ", the lab order from ", DATE(fmt_date(c.svc, "us")), " moved over too.\n\n", STAFF(c.staff[1].split(" ")[0]), "\n",
      "Health Information Management | ext. ", SCON(str(r.randint(2000, 7999))), "\n\n")
    d("From: ", STAFF(c.staff[0]), "\nSent: ", MAILD(mail_date(r, t0, 1)), "\nTo: ", STAFF(c.staff[1]), "\nSubject: pt ",
      NAME(c.pt.upper_last_first()), " - duplicate MRN\n\n")
    d("Registration created a second chart for ", NAME(c.pt.western()), " (DOB ", DATE(fmt_date(c.dob, "us")), ", SSN ending ", LAST4(c.ssn[-4:]),
      "). Same address on both, ", addr_pieces(c.addr, "oneline"), ". Can you merge?\n")
    return d


def t_email_spanish(c):
    r, d = c.r, Doc()
    t0 = rand_time(r, c.today, (7, 22))
    child = c.age < 18
    writer = c.rel if child else c.pt
    w_email = (c.rel.email_local(r) + "@hotmail.com") if child else c.email
    d("De: ", NAME(writer.full()), " <", EMAIL(w_email), ">\nEnviado: ", MAILD(t0.strftime("%d/%m/%Y %H:%M")), "\nPara: ", SCON(clinic_box(c)),
      "\nAsunto: ", "Cita de mi hijo/a" if child else "Cambio de cita", "\n\n")
    d("Buenos días,\n\nLes escribo para cambiar la cita de ", "mi hijo/a " if child else "", NAME(c.pt.full()),
      " del ", DATE(fmt_date(d_add(c.today, r.randint(2, 15)), "eu_slash")), ". ")
    d("La fecha de nacimiento es ", DATE(fmt_date(c.dob, "eu_slash")), " y el número de expediente es ", MRN(c.mrn), ". ",
      "Pueden llamarme al ", PHONE((c.rel_phone if child else c.cell).fmt(c.ps)), " o escribirme aquí.\n\nLa dirección nueva es ",
      addr_pieces(c.addr, "euro"), ".\n\nMuchas gracias,\n", NAME(writer.first()), "\n\nEnviado desde mi teléfono\n")
    return d


def t_email_signature(c):
    r, d = c.r, Doc()
    adult(c)
    t0 = rand_time(r, c.today, (7, 22))
    d("From: ", NAME(c.pt.western()), " <", EMAIL(c.email), ">\nDate: ", MAILD(mail_date(r, t0)), "\nTo: ", SCON(clinic_box(c)),
      "\nSubject: Prior authorization for ", MED(c.meds[0][0]), "\n\n")
    d("Hello,\n\nMy pharmacy says the prior auth for ", MED(c.meds[0][0]), " expired on ", COVD(fmt_date(d_add(c.today, -r.randint(1, 20)), "us")),
      ". I was diagnosed with ", COND(c.conds[0][0].lower()), " in ", str(c.today.year - r.randint(1, 8)),
      " and have been on it since. Please renew so I don't run out.\n\nThank you!\n\n--\n", NAME(c.pt.full()), "\n",
      addr_pieces(c.addr, r.choice(["twoline", "uk"])), "\nHome: ", PHONE(c.phone.fmt(c.ps)), " | Mobile: ", PHONE(c.cell.fmt(r.choice(PHONE_STYLES))),
      "\n", r.choice(["\"Be kind whenever possible.\"", "Proud grandparent of 4", "Retired teacher, Lincoln Elementary"]), "\n\n",
      "CONFIDENTIALITY: This email may contain privileged information. If you received it in error, delete it.\n")
    return d


# =========================================================================== clean helpers
def make_clean_ctx(r, today):
    c = Ctx()
    c.r, c.today = r, today
    c.staff = r.sample(STAFF_NAMES, 8)
    c.dom = r.choice(ORG_DOMAINS)
    c.fac, c.fac_code = r.choice(FACILITIES)
    c.conds = r.sample(CONDITIONS, 4)
    c.meds = r.sample(MEDS, 4)
    c.payer, c.payer_phone = r.choice(PAYERS)
    return c


def ver(r):
    return "%d.%d.%d" % (r.randint(1, 12), r.randint(0, 30), r.randint(0, 40))


def bridge(r):
    n = r.choice(["+1 (872) 240-3311", "+1 646 558 8656", "1-888-475-4499", "+1 312 626 6799", "(415) 655-0003"])
    code = "%03d %03d %03d" % (r.randint(100, 999), r.randint(0, 999), r.randint(0, 999))
    return n, code


def log_ts(t, style=0):
    if style == 0:
        return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)
    if style == 1:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
    return t.strftime("[%d/%b/%Y:%H:%M:%S +0000]")


# =========================================================================== clean_stack_trace
def t_clean_java_npe(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    jira_header(d, c, jkey(r, "EHRSUP"), "NPE in PatientService.formatAddress when address is missing")
    d("{code}\n", log_ts(t), " ERROR ", str(r.randint(1000, 9999)), " --- [http-nio-8080-exec-", str(r.randint(1, 40)),
      "] o.e.ehr.patient.PatientService : Failed to load demographics for patientId=", gen_uuid(r), "\n")
    d("java.lang.NullPointerException: Cannot invoke \"org.example.ehr.model.Address.getLine1()\" because the return value of ",
      "\"org.example.ehr.model.Patient.getHomeAddress()\" is null\n")
    frames = ["org.example.ehr.patient.PatientService.formatAddress(PatientService.java:%d)",
              "org.example.ehr.patient.PatientService.toSummary(PatientService.java:%d)",
              "org.example.ehr.fhir.RelatedPersonMapper.map(RelatedPersonMapper.java:%d)",
              "org.example.ehr.api.PatientController.getSummary(PatientController.java:%d)",
              "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:%d)",
              "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:%d)"]
    for f in frames:
        d("\tat ", f % r.randint(40, 900), "\n")
    d("\t... ", str(r.randint(30, 90)), " common frames omitted\n{code}\n\n")
    d("Happens for every chart registered through the kiosk since ", ver(r), ". Host ", gen_server_ip(r), ", trace id ", gen_hex(r, 32), ".\n")
    d("[~", STAFF(handle(c.staff[2])), "] guard with Optional and render 'No address on file'.\n")
    return d


def t_clean_python_tb(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    d("Sentry issue ", gen_hex(r, 12).upper(), " — KeyError: 'birthDate'\nFirst seen: ", t.strftime("%b %d, %Y %I:%M:%S %p"), " UTC   Events: ",
      str(r.randint(3, 900)), "   Users: ", str(r.randint(1, 60)), "\nrelease: patient-api@", ver(r), "   server_name: ", "api-%d.prod.internal" % r.randint(1, 9),
      "\n\nTraceback (most recent call last):\n")
    for f, line, fn, code in [("django/core/handlers/exception.py", 55, "inner", "response = get_response(request)"),
                              ("django/core/handlers/base.py", 197, "_get_response", "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
                              ("/srv/app/patients/views.py", r.randint(40, 300), "patient_detail", "ctx = build_context(resource)"),
                              ("/srv/app/patients/context.py", r.randint(10, 200), "build_context", "\"age\": compute_age(resource[\"birthDate\"]),")]:
        d("  File \"", f, "\", line ", str(line), ", in ", fn, "\n    ", code, "\n")
    d("KeyError: 'birthDate'\n\nRequest: GET /api/v2/patients/", gen_uuid(r), "/summary  (", gen_server_ip(r), " via ingress)\n",
      "request_id=", gen_uuid(r), "  user=svc-portal  tenant=", r.choice(["nrmc", "lakeshore", "cedar"]), "\n\n",
      "Resources without birthDate are valid FHIR; compute_age must tolerate it.\n")
    return d


def t_clean_dotnet(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    d("Application Insights — exception (", t.strftime("%m/%d/%Y, %I:%M:%S %p"), ")\nCloud role: claims-worker   Instance: claims-worker-",
      gen_hex(r, 5), "\nOperation Id: ", gen_hex(r, 32), "\n\n")
    d("System.FormatException: String '", r.choice(["00/00/0000", "99999999", "N/A", "UNKNOWN"]), "' was not recognized as a valid DateTime.\n")
    for f in ["System.DateTime.ParseExact(String s, String format, IFormatProvider provider)",
              "Claims.Edi.Parsers.Dtp472Parser.Parse(Segment seg) in /src/Claims.Edi/Parsers/Dtp472Parser.cs:line %d",
              "Claims.Edi.Loop2400Builder.Build(LoopContext ctx) in /src/Claims.Edi/Loop2400Builder.cs:line %d",
              "Claims.Worker.BatchProcessor.ProcessAsync(Batch batch, CancellationToken ct) in /src/Claims.Worker/BatchProcessor.cs:line %d"]:
        d("   at ", f % r.randint(20, 400) if "%d" in f else f, "\n")
    d("\nBatch ", gen_uuid(r), " from clearinghouse SFTP ", gen_server_ip(r), ":22 — ", str(r.randint(2, 40)),
      " claims skipped. The placeholder date comes from the clearinghouse test harness, not real claims.\n",
      "Assigned: ", STAFF(c.staff[0]), "\n")
    return d


def t_clean_node(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    for i in range(3):
        t = t + dt.timedelta(milliseconds=r.randint(5, 900))
        lvl = ["info", "warn", "error"][i]
        msg = ["incoming request", "upstream slow", "unhandled rejection"][i]
        d('{"level":"', lvl, '","time":"', log_ts(t, 1), '","pid":', str(r.randint(10, 999)), ',"hostname":"portal-bff-', gen_hex(r, 6),
          '","reqId":"', gen_uuid(r), '","remoteAddress":"', gen_server_ip(r), '","url":"/api/appointments?clinicId=',
          str(r.randint(10, 99)), '","msg":"', msg, '"}\n')
    d("TypeError: Cannot read properties of undefined (reading 'practitionerName')\n")
    for f in ["AppointmentMapper.toDto (/app/dist/mappers/appointment.js:%d:%d)", "Array.map (<anonymous>)",
              "PatientController.listAppointments (/app/dist/controllers/patient.js:%d:%d)", "process.processTicksAndRejections (node:internal/process/task_queues:95:5)"]:
        d("    at ", f % (r.randint(10, 300), r.randint(1, 60)) if "%d" in f else f, "\n")
    d("\nOnly for telehealth slots (no practitioner). Fix: optional chaining + fallback. ", jkey(r, "PORTAL"), "\n")
    return d


def t_clean_go_panic(c):
    r, d = c.r, Doc()
    d("panic: runtime error: index out of range [", str(r.randint(3, 9)), "] with length ", str(r.randint(1, 3)), "\n\ngoroutine ",
      str(r.randint(10, 900)), " [running]:\n")
    for fn, f in [("github.com/example/hl7router/internal/parse.(*Segment).Field", "internal/parse/segment.go"),
                  ("github.com/example/hl7router/internal/parse.PID", "internal/parse/pid.go"),
                  ("github.com/example/hl7router/internal/route.(*Router).Dispatch", "internal/route/router.go"),
                  ("main.(*server).handleConn", "cmd/hl7router/main.go")]:
        d(fn, "(0xc000", gen_hex(r, 6), ", 0x", str(r.randint(1, 30)), ")\n\t/build/", f, ":", str(r.randint(20, 400)), " +0x", gen_hex(r, 3), "\n")
    d("exit status 2\n\nPod hl7router-", gen_hex(r, 10), "-", gen_hex(r, 5), " restarted ", str(r.randint(3, 40)), " times. ",
      "Triggered by a PID segment with only 3 fields from the ", r.choice(["radiology", "outside lab", "HIE"]), " feed (MLLP ", gen_server_ip(r), ":",
      str(r.choice([2575, 6661, 7100])), "). Parser must bounds-check. — ", STAFF(c.staff[1]), "\n")
    return d


def t_clean_hapi_exception(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    jira_header(d, c, jkey(r, "HL7"), "HL7Exception on PID-7 with timezone offset")
    d("{noformat}\n", log_ts(t), " WARN  [MLLP-Receiver-", str(r.randint(1, 8)), "] c.u.h.l.app.Receiver - Rejecting message control id ",
      "%s%d" % (r.choice(["MSG", "Q", "A"]), r.randint(10 ** 5, 10 ** 8)), "\n")
    d("ca.uhn.hl7v2.model.DataTypeException: Invalid date/time value in PID-7: offset must be +/-HHMM\n",
      "\tat ca.uhn.hl7v2.model.primitive.CommonTS.setValue(CommonTS.java:", str(r.randint(100, 300)), ")\n",
      "\tat ca.uhn.hl7v2.parser.PipeParser.parse(PipeParser.java:", str(r.randint(100, 900)), ")\n",
      "\tat org.example.adt.InboundAdtHandler.handle(InboundAdtHandler.java:", str(r.randint(30, 200)), ")\n{noformat}\n\n")
    d("Sender switched to YYYYMMDDHHMMSS+ZZZZ with a three-digit offset (e.g. ", "-0500", " vs -500). ",
      "Message content withheld per policy; use the control id to pull it from the archive.\n")
    return d


def t_clean_k8s(c):
    r, d = c.r, Doc()
    pod = "fhir-gateway-%s-%s" % (gen_hex(r, 10), gen_hex(r, 5))
    d("$ kubectl -n ehr-prod describe pod ", pod, "\nName:         ", pod, "\nNamespace:    ehr-prod\nNode:         aks-nodepool1-",
      str(r.randint(10 ** 7, 10 ** 8)), "-vmss00000", str(r.randint(0, 9)), "/", gen_server_ip(r), "\nStatus:       Running\nIP:           ",
      gen_server_ip(r), "\nContainers:\n  gateway:\n    Image:          registry.internal/fhir-gateway:", ver(r),
      "\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       OOMKilled\n",
      "      Exit Code:    137\n    Restart Count:  ", str(r.randint(5, 80)), "\n    Limits:\n      memory:  ", str(r.choice([512, 1024, 2048])), "Mi\nEvents:\n")
    for ev in ["Pulled  Container image already present on machine", "Started  Started container gateway",
               "BackOff  Back-off restarting failed container"]:
        d("  Normal  ", ev, "  ", str(r.randint(1, 59)), "m\n")
    d("\nHeap dump shows the $everything cache for large Bundles. Raising limit as stopgap — ", STAFF(c.staff[3]), "\n")
    return d


def t_clean_pg_deadlock(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    p1, p2 = r.randint(1000, 60000), r.randint(1000, 60000)
    d(t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d UTC" % r.randint(0, 999), " [", str(p1), "] ehr_app@ehr ERROR:  deadlock detected\n")
    d(t.strftime("%Y-%m-%d %H:%M:%S UTC"), " [", str(p1), "] DETAIL:  Process ", str(p1), " waits for ShareLock on transaction ",
      str(r.randint(10 ** 6, 10 ** 8)), "; blocked by process ", str(p2), ".\n\tProcess ", str(p2), " waits for ShareLock on transaction ",
      str(r.randint(10 ** 6, 10 ** 8)), "; blocked by process ", str(p1), ".\n")
    d(t.strftime("%Y-%m-%d %H:%M:%S UTC"), " [", str(p1), "] HINT:  See server log for query details.\n")
    d(t.strftime("%Y-%m-%d %H:%M:%S UTC"), " [", str(p1), "] CONTEXT:  while updating tuple (", str(r.randint(1, 9000)), ",", str(r.randint(1, 60)),
      ") in relation \"patient_encounter\"\n")
    d(t.strftime("%Y-%m-%d %H:%M:%S UTC"), " [", str(p1), "] STATEMENT:  UPDATE patient_encounter SET status = $1, updated_at = now() WHERE id = $2\n\n")
    d("Nightly ADT reconciliation and the discharge job touch rows in opposite order. ", STAFF(c.staff[0]), " suggests ORDER BY id in both.\n")
    return d


def t_clean_ios_crash(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today)
    d("Incident Identifier: ", gen_uuid(r).upper(), "\nHardware Model:      iPhone", str(r.randint(12, 16)), ",", str(r.randint(1, 5)),
      "\nProcess:             PatientPortal [", str(r.randint(100, 9999)), "]\nVersion:             ", ver(r), " (", str(r.randint(1000, 9999)),
      ")\nDate/Time:           ", t.strftime("%Y-%m-%d %H:%M:%S.") + "%04d -0500" % r.randint(0, 9999), "\nOS Version:          iOS ",
      "%d.%d" % (r.randint(16, 18), r.randint(0, 5)), "\n\nException Type:  EXC_BAD_ACCESS (SIGSEGV)\nTriggered by Thread:  0\n\nThread 0 Crashed:\n")
    for i, fn in enumerate(["PatientPortal  AppointmentListViewController.tableView(_:cellForRowAt:) + %d",
                            "PatientPortal  ProxyAccessCoordinator.switchToDependent(_:) + %d",
                            "UIKitCore  -[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:] + %d"]):
        d(str(i), "   ", fn % r.randint(40, 900), "\n")
    d("\nReproduces when a proxy (parent) switches to a dependent's record with zero appointments. ", jkey(r, "MOB"), "\n")
    return d


# =========================================================================== clean_meeting_notes
def attendees(d, c, n, style="wiki"):
    names = c.staff[:n]
    if style == "wiki":
        d(join(", ", [["[~", STAFF(handle(s)), "]"] for s in names]))
    elif style == "at":
        d(join(" ", [["@", STAFF(s)] for s in names]))
    else:
        d(join(", ", [STAFF(s) for s in names]))


def t_clean_meet_wiki(c):
    r, d = c.r, Doc()
    day = rand_date(r, d_add(c.today, -10), c.today)
    num, code = bridge(r)
    d("h1. Interface team weekly — ", day.strftime("%Y-%m-%d"), "\n\n*Attendees:* ")
    attendees(d, c, r.randint(4, 6))
    d("\n*Dial-in:* ", num, ", access code ", code, "#\n\nh2. Agenda\n")
    items = ["ADT feed to the new lab vendor: %s in UAT, go-live slipped one week" % jkey(r, "INT"),
             "Mirth upgrade to %s — rollback plan reviewed" % ver(r),
             "Retention policy for message archive (90 days vs 7 years) — legal to advise",
             "Error queue backlog: %d messages, mostly PV1-19 format from %s" % (r.randint(20, 900), c.fac_code)]
    for it in r.sample(items, 3):
        d("# ", it, "\n")
    d("\nh2. Action items\n")
    for s in c.staff[:3]:
        d("* [~", STAFF(handle(s)), "] ", r.choice(["follow up with vendor on certs", "draft cutover checklist", "clean error queue",
                                                    "update the interface catalog page"]), "\n")
    return d


def t_clean_meet_md_standup(c):
    r, d = c.r, Doc()
    d("# Standup ", c.today.strftime("%a %b %d"), "\n\n")
    for s in c.staff[:r.randint(4, 6)]:
        d("**", STAFF(s), "**\n- Y: ", jkey(r, "EHR"), " ", r.choice(["review", "done", "blocked on QA", "pairing"]), "\n- T: ",
          r.choice(["FHIR Coverage mapping", "portal login bug", "eligibility batch", "release notes", "on-call"]), "\n- B: ",
          r.choice(["none", "waiting on vendor", "need prod access", "none"]), "\n\n")
    d("Parking lot: timezone bug in appointment reminders (", jkey(r, "PORTAL"), ")\n")
    return d


def t_clean_meet_retro(c):
    r, d = c.r, Doc()
    d("Sprint ", str(r.randint(20, 140)), " retro — ", FAC(c.fac), " integration squad\nFacilitator: ", STAFF(c.staff[0]), "\n\n")
    d("What went well\n  + cutover of the ", r.choice(["radiology", "lab", "pharmacy"]), " interface with zero lost messages\n  + ",
      STAFF(c.staff[2]), " automated the ADT replay tool\n\nWhat didn't\n  - test data requests took 4 days; we need a synthetic generator\n",
      "  - someone pasted a full HL7 message into a ticket again (removed by ", STAFF(c.staff[3]), ")\n\nActions\n  * ", STAFF(c.staff[1]),
      ": propose PHI scanner in the ticket workflow\n  * ", STAFF(c.staff[4]), ": Synthea profile for our demographics\n")
    return d


def t_clean_meet_vendor(c):
    r, d = c.r, Doc()
    num, code = bridge(r)
    vendor = r.choice(["Corvexa Health", "Medibridge Systems", "Acuity Labs", "Northstar RCM"])
    d("Vendor call: ", vendor, " — quarterly service review\nDate: ", c.today.strftime("%B %d, %Y"), "\nBridge: ", num, "  Passcode: ", code,
      "\n\nOurs: ")
    attendees(d, c, 3, "plain")
    d("\nVendor: ", vendor, " account team (", STAFF(r.choice(["Dana Whitcombe", "Rob Ekström", "Jess Adeyemo"])), " and a solutions engineer)\n\n")
    d("- Uptime ", "%.2f" % r.uniform(99.1, 99.99), "% vs 99.9% SLA. Two incidents (", jkey(r, "VEND"), ", ", jkey(r, "VEND"), ").\n",
      "- They will move us to API v", str(r.randint(2, 5)), " by Q", str(r.randint(1, 4)), "; sandbox creds to ", SCON(staff_email(c.staff[0], c.dom)), "\n",
      "- BAA renewal in legal; ", STAFF(c.staff[1]), " to chase.\n- Support escalation line for P1s: 1-800-", str(r.randint(200, 999)), "-", "%04d" % r.randint(0, 9999), "\n")
    return d


def t_clean_meet_cab(c):
    r, d = c.r, Doc()
    d("CHANGE ADVISORY BOARD — minutes\nMeeting: ", c.today.strftime("%m/%d/%Y"), " 14:00-15:00\nChair: ", STAFF(c.staff[0]), "\n\n")
    d("| Change | Summary | Window | Risk | Decision |\n|---|---|---|---|---|\n")
    for i in range(r.randint(3, 5)):
        w = rand_time(r, d_add(c.today, r.randint(1, 14)), (0, 4))
        d("| CHG%07d | " % r.randint(0, 9999999), r.choice(["EHR kernel upgrade " + ver(r), "Rotate MLLP TLS certs", "Patch SQL cluster",
                                                          "Portal CDN config", "Interface engine JVM flags"]),
          " | ", w.strftime("%a %m/%d %H:%M"), "-", (w + dt.timedelta(hours=2)).strftime("%H:%M"), " | ", r.choice(["Low", "Med", "High"]), " | ",
          r.choice(["Approved", "Approved w/ conditions", "Deferred"]), " |\n")
    d("\nImplementers: ")
    attendees(d, c, 3, "plain")
    d(". Downtime notice to clinics via ", SCON("it-announce@" + c.dom), ".\n")
    return d


def t_clean_meet_informatics(c):
    r, d = c.r, Doc()
    d("Clinical Informatics Committee — meeting notes\n", c.today.strftime("%d %B %Y"), "\nPresent: ")
    attendees(d, c, 5, "plain")
    d("\n\n1. Sepsis BPA: alert fatigue in ED. Proposal to suppress for patients already on ", MED(r.choice(["piperacillin-tazobactam", "cefepime", "meropenem"])), " or with comfort-care orders. Approved.\n")
    d("2. Annual wellness outreach: list will include adults 65 to 89; patients aged 90 and older are handled by the geriatrics ",
      "nurse navigator instead. ", STAFF(c.staff[1]), " to update the registry query.\n")
    d("3. Problem list cleanup: ", COND(c.conds[0][0]), " (", ICD(c.conds[0][1]), ") duplicated with ", COND(c.conds[1][0]), " (",
      ICD(c.conds[1][1]), ") in about ", str(r.randint(200, 3000)), " charts; ", STAFF(c.staff[2]), " to run the dedupe in test first.\n")
    d("4. Next meeting: first Thursday, ", FAC(c.fac), " boardroom B.\n")
    return d


def t_clean_meet_postmortem(c):
    r, d = c.r, Doc()
    t = rand_time(r, d_add(c.today, -3), (0, 20))
    d("Post-incident review: portal outage ", t.strftime("%Y-%m-%d"), "\nIncident commander: ", STAFF(c.staff[0]), "   Scribe: ", STAFF(c.staff[1]),
      "\nSeverity: SEV-", str(r.randint(1, 3)), "\n\nTimeline (UTC)\n")
    for ev in ["alerts: 5xx rate > 20% on portal-web", "on-call paged (%s)" % "PagerDuty", "rollback of release " + ver(r) + " started",
               "DNS TTL confirmed at 60s; traffic shifted to %s" % gen_server_ip(r), "recovered; 5xx < 0.1%"]:
        t = t + dt.timedelta(minutes=r.randint(2, 25))
        d("  ", t.strftime("%H:%M"), "  ", ev, "\n")
    d("\nImpact: roughly ", str(r.randint(300, 9000)), " patients could not log in for ", str(r.randint(20, 90)),
      " minutes. No data exposure. Root cause: connection pool exhausted after config change ", jkey(r, "OPS"), ".\n")
    return d


def t_clean_meet_sprint(c):
    r, d = c.r, Doc()
    d("Sprint planning — Sprint ", str(r.randint(20, 140)), " (", c.today.strftime("%b %d"), " – ", d_add(c.today, 14).strftime("%b %d"), ")\n",
      "Capacity: ", str(r.randint(30, 70)), " pts. PO: ", STAFF(c.staff[0]), "\n\n")
    d("Key | Summary | Pts | Owner\n--- | --- | --- | ---\n")
    for s in c.staff[1:r.randint(4, 7)]:
        d(jkey(r, "EHR"), " | ", r.choice(["Coverage resource: map relationship codes", "MRN validator: accept 10-digit MRNs",
                                         "Redact SSN in audit log", "ADT A40 merge handling in portal", "Upgrade HAPI FHIR to 7.x",
                                         "Age banding for 90+ in reports"]), " | ", str(r.choice([1, 2, 3, 5, 8])), " | ", STAFF(s), "\n")
    d("\nStretch: remove legacy SOAP endpoint.\n")
    return d


# =========================================================================== clean_validator_diff
def code_diff(d, c, path, lines, title, branch, new=False, ctx=""):
    r = c.r
    pr_header(d, c, title, branch)
    diff_file_header(d, r, path, new=new)
    o = r.randint(10, 200)
    hunk(d, lines, old_start=0 if new else o, new_start=1 if new else o + r.randint(0, 8), ctx=ctx)


def t_clean_val_rust_ssn(c):
    r, d = c.r, Doc()
    L = [(" ", ["    #[test]"]), (" ", ["    fn rejects_reserved_areas() {"]),
         (" ", ['        assert!(!is_valid_ssn("000-12-3456"));']),
         ("+", ['        assert!(!is_valid_ssn("666-12-3456"));']),
         ("+", ['        assert!(!is_valid_ssn("912-34-5678"));']),
         ("+", ['        assert!(!is_valid_ssn("078-05-0000"));']),
         (" ", ["    }"]), (" ", [""]), ("+", ["    #[test]"]),
         ("+", ["    fn documented_example_is_flagged_as_test_value() {"]),
         ("+", ['        // 123-45-6789 is the documented test value: valid shape, never reported']),
         ("+", ['        assert_eq!(classify("123-45-6789"), SsnClass::TestValue);']),
         ("+", ['        assert_eq!(classify("123456789"), SsnClass::TestValue);']),
         ("+", ["    }"])]
    code_diff(d, c, "src/recognizers/ssn.rs", L, "ssn: reject 666/9xx areas and zero serials", "fix/ssn-ranges", ctx=" mod tests {")
    d("\nCI: cargo test -p recognizers ... ok (", str(r.randint(80, 400)), " passed)\n")
    return d


def t_clean_val_py_phone(c):
    r, d = c.r, Doc()
    L = [(" ", ["import pytest"]), (" ", ["from phi.phone import normalize, is_fictional"]), (" ", [""]),
         ("-", ['@pytest.mark.parametrize("raw", ["(555) 010-0000"])']),
         ("+", ['@pytest.mark.parametrize("raw", [']),
         ("+", ['    "555-0100", "555-0199", "(212) 555-0142", "+1 312 555 0177", "1-800-555-0100",']),
         ("+", ["])"]),
         (" ", ["def test_fictional_range(raw):"]),
         (" ", ["    assert is_fictional(raw)"]), (" ", [""]),
         ("+", ["def test_normalize_strips_formatting():"]),
         ("+", ['    assert normalize("(212) 555-0142") == "+12125550142"']),
         ("+", ['    assert normalize("212.555.0142 ext 9") == "+12125550142"'])]
    code_diff(d, c, "tests/test_phone.py", L, "phone: treat the whole 555-0100..0199 block as fictional", "feature/fictional-phones")
    return d


def t_clean_val_java_npi(c):
    r, d = c.r, Doc()
    L = [(" ", ["class NpiValidatorTest {"]), (" ", [""]), (" ", ["    @Test"]), (" ", ["    void acceptsLuhnValidNpi() {"]),
         (" ", ['        assertTrue(NpiValidator.isValid("1234567893"));']), (" ", ["    }"]), (" ", [""]),
         ("+", ["    @ParameterizedTest"]),
         ("+", ['    @ValueSource(strings = {"1234567890", "0234567893", "123456789", "12345678934"})']),
         ("+", ["    void rejectsBadChecksumOrLength(String npi) {"]),
         ("+", ["        assertFalse(NpiValidator.isValid(npi));"]), ("+", ["    }"]), (" ", ["}"])]
    code_diff(d, c, "core/src/test/java/org/example/ids/NpiValidatorTest.java", L, "NPI: length and leading-digit checks", "fix/npi-length")
    d("\n", STAFF(c.staff[2]), " approved these changes\n")
    return d


def t_clean_val_ts_mbi(c):
    r, d = c.r, Doc()
    L = [(" ", ["describe('isMbi', () => {"]),
         (" ", ["  it('accepts the CMS example', () => {"]),
         (" ", ["    expect(isMbi('1EG4-TE5-MK73')).toBe(true);"]),
         ("+", ["    expect(isMbi('1EG4TE5MK73')).toBe(true);"]), (" ", ["  });"]),
         ("+", ["  it('rejects S, L, O, I, B, Z in alpha positions', () => {"]),
         ("+", ["    for (const bad of ['1SG4-TE5-MK73', '1EG4-TE5-MK7O', '0EG4-TE5-MK73']) {"]),
         ("+", ["      expect(isMbi(bad)).toBe(false);"]), ("+", ["    }"]), ("+", ["  });"]),
         (" ", ["});"])]
    code_diff(d, c, "packages/validators/src/mbi.test.ts", L, "mbi: excluded letters", "feat/mbi-letters")
    return d


def t_clean_val_go_zip(c):
    r, d = c.r, Doc()
    L = [(" ", ["func TestZip(t *testing.T) {"]), (" ", ["\tcases := []struct {"]), (" ", ["\t\tin   string"]), (" ", ["\t\twant bool"]),
         (" ", ["\t}{"]), ("-", ['\t\t{"00000", true},']), ("+", ['\t\t{"00000", false}, // documented placeholder, never a real ZIP']),
         ("+", ['\t\t{"00000-0000", false},']), ("+", ['\t\t{"ABCDE", false},']), ("+", ['\t\t{"1234", false},']),
         (" ", ["\t}"]), (" ", ["\tfor _, tc := range cases {"]), (" ", ["\t\tif got := IsZip(tc.in); got != tc.want {"]),
         (" ", ['\t\t\tt.Errorf("IsZip(%q) = %v, want %v", tc.in, got, tc.want)']), (" ", ["\t\t}"]), (" ", ["\t}"]), (" ", ["}"])]
    code_diff(d, c, "internal/addr/zip_test.go", L, "zip: 00000 is a placeholder", "fix/zip-placeholder")
    return d


def t_clean_val_kotlin_hl7(c):
    r, d = c.r, Doc()
    L = [(" ", ["    @Test"]), (" ", ["    fun `PID with empty name components parses`() {"]),
         ("-", ['        val msg = loadFixture("adt_a01_min.hl7")']),
         ("+", ['        val msg = listOf(']),
         ("+", ['            "MSH|^~\\\\&|TEST|TEST|TEST|TEST|', MSGT("20000101000000"), '||ADT^A01|1|T|2.5.1",']),
         ("+", ['            "PID|1||***^^^TEST^MR||***^***||***|U",']),
         ("+", ['            "PV1|1|I"']),
         ("+", ['        ).joinToString("\\r")']),
         (" ", ["        val pid = parser.parse(msg).pid"]),
         ("+", ['        assertEquals("***", pid.familyName)']),
         (" ", ["        assertNull(pid.birthDate)"]), (" ", ["    }"])]
    code_diff(d, c, "hl7-core/src/test/kotlin/PidParserTest.kt", L, "Parser: tolerate masked PID fields", "fix/masked-pid")
    d("\nFixture uses *** masking so no test message ever carries demographics.\n")
    return d


def t_clean_val_date_tests(c):
    r, d = c.r, Doc()
    L = [(" ", ["class DateShapesTest(unittest.TestCase):"]),
         (" ", ["    def test_iso(self):"]), (" ", ["        self.assertTrue(looks_like_date('2024-02-29'))"]),
         ("+", ["    def test_rejects_impossible(self):"]),
         ("+", ["        for s in ['2023-02-29', '13/13/2020', '00/00/0000', '2024-13-01']:"]),
         ("+", ["            self.assertFalse(looks_like_date(s), s)"]),
         ("+", ["    def test_versions_are_not_dates(self):"]),
         ("+", ["        for s in ['v2024.10.1', '1.2.3', '10.0.19045', 'build 20240115.3']:"]),
         ("+", ["            self.assertFalse(looks_like_date(s), s)"])]
    code_diff(d, c, "tests/test_dates.py", L, "dates: don't match version strings", "fix/version-vs-date")
    return d


def t_clean_val_policy_yaml(c):
    r, d = c.r, Doc()
    L = [(" ", ["rules:"]), (" ", ["  ssn:"]), (" ", ["    action: block"]),
         ("+", ["    allow_values:"]), ("+", ['      - "123-45-6789"   # documented test value']),
         (" ", ["  phone:"]), ("-", ["    action: block"]), ("+", ["    action: warn"]),
         ("+", ["    allow_patterns:"]), ("+", ["      - '555-01\\d\\d'     # fictional block"]),
         (" ", ["  npi:"]), (" ", ["    allow_values: ['1234567893']"]),
         (" ", ["  mbi:"]), (" ", ["    allow_values: ['1EG4-TE5-MK73']"]),
         ("+", ["  age_over_89:"]), ("+", ["    action: warn"]), ("+", ["    ignore_contexts: ['aged 90 and older', '90+ population']"])]
    code_diff(d, c, "config/phi-policy.yaml", L, "policy: warn on phones, allow documented test values", "chore/policy-2")
    d("\nReviewed with ", STAFF(c.staff[3]), " (privacy office).\n")
    return d


def t_clean_val_cs_email(c):
    r, d = c.r, Doc()
    L = [(" ", ["    [Theory]"]), (" ", ['    [InlineData("user@example.com", true)]']),
         ("+", ['    [InlineData("first.last+tag@example.org", true)]']),
         ("+", ['    [InlineData("no-at-sign.example.com", false)]']),
         ("+", ['    [InlineData("trailing.dot@example.com.", false)]']),
         (" ", ["    public void Validates(string input, bool expected) =>"]),
         (" ", ["        Assert.Equal(expected, EmailRule.IsMatch(input));"])]
    code_diff(d, c, "tests/Phi.Rules.Tests/EmailRuleTests.cs", L, "Email rule: reject trailing dot", "bugfix/email-trailing-dot")
    return d


# =========================================================================== clean_release_notes
def prev_ver(r, v):
    major, minor, patch = (int(x) for x in v.split("."))
    if patch:
        return "%d.%d.%d" % (major, minor, r.randint(0, patch - 1))
    if minor:
        return "%d.%d.%d" % (major, minor - 1, r.randint(0, 12))
    return "%d.%d.%d" % (max(major - 1, 0), r.randint(5, 20), r.randint(0, 12))


def t_clean_rel_changelog(c):
    r, d = c.r, Doc()
    v = ver(r)
    day = rand_date(r, d_add(c.today, -30), c.today)
    d("# Changelog\n\n## [", v, "] - ", day.isoformat(), "\n### Added\n- FHIR R4 `Coverage` export in bulk jobs (", jkey(r, "EHR"), ")\n",
      "- Age banding: reports show `90+` instead of exact ages over 89\n### Fixed\n- ADT A08 no longer overwrites PID-11 with stale address (",
      jkey(r, "INT"), ")\n- Portal: session timeout honoured on iOS ", "%d.%d" % (r.randint(16, 18), r.randint(0, 4)), "\n",
      "### Security\n- Bumped jackson-databind to ", ver(r), " (CVE-", str(r.randint(2023, 2025)), "-", str(r.randint(10000, 49999)), ")\n\n",
      "## [", prev_ver(r, v), "] - ", d_add(day, -r.randint(14, 40)).isoformat(), "\n### Changed\n- MRN validator accepts 10-digit MRNs from the ",
      FAC(c.fac), " merger\n")
    return d


def t_clean_rel_confluence(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Release Management", "EHR integration release %s" % ver(r))
    d("||Key||Summary||Owner||Status||\n")
    for s in c.staff[:r.randint(4, 6)]:
        d("|", jkey(r, "EHR"), "|", r.choice(["Coverage relationship mapping", "Lab result routing by encounter", "SIU kiosk resource mapping",
                                             "Redact SSN in audit export", "HL7 \\.br\\ rendering in viewer", "Retry policy for MLLP"]),
          "|[~", STAFF(handle(s)), "]|", r.choice(["Done", "Done", "Deferred"]), "|\n")
    d("\nDeployment window: ", d_add(c.today, r.randint(1, 10)).strftime("%a %d %b %Y"), " 22:00–02:00. Build ",
      str(r.randint(1000, 9999)), ", commit ", gen_hex(r, 40), ".\nRollback owner: ", STAFF(c.staff[0]), "\n")
    return d


def t_clean_rel_email(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today, (8, 18))
    v = ver(r)
    d("From: ", STAFF(c.staff[0]), " <", SCON(staff_email(c.staff[0], c.dom)), ">\nDate: ", MAILD(mail_date(r, t)), "\nTo: ",
      SCON("clinical-apps-all@" + c.dom), "\nSubject: [Release] Patient portal ", v, " tonight\n\n")
    d("Hi all,\n\nPortal ", v, " goes out tonight at 21:00. Highlights:\n  * proxy access for adult dependents (",
      jkey(r, "PORTAL"), ")\n  * appointment reminders honour the clinic time zone\n  * no more duplicate statements for guarantors with two accounts\n\n",
      "Expected downtime 15 minutes. Support line for clinics during the window: ext. ", SCON(str(r.randint(2000, 7999))), ".\n\nThanks,\n",
      STAFF(c.staff[0].split(" ")[0]), "\nRelease manager\n")
    return d


def t_clean_rel_hotfix(c):
    r, d = c.r, Doc()
    v = ver(r)
    d("HOTFIX ", v, "-hf", str(r.randint(1, 4)), " — ", c.today.strftime("%Y-%m-%d"), "\n\nIssue: eligibility batch failing for ", c.payer,
      " after their 271 format change (", jkey(r, "RCM"), ").\nFix: accept EB segments with empty EB05.\nImpact: ",
      str(r.randint(100, 4000)), " eligibility checks re-queued, no patient-facing change.\nVerified by: ", STAFF(c.staff[1]), ", ",
      STAFF(c.staff[2]), "\nChecksum: sha256:", gen_hex(r, 64), "\n")
    return d


def t_clean_rel_interface_spec(c):
    r, d = c.r, Doc()
    d("ADT outbound interface — specification change notice v", "%d.%d" % (r.randint(2, 6), r.randint(0, 9)), "\nEffective: ",
      d_add(c.today, r.randint(10, 40)).strftime("%B %d, %Y"), "\nContact: ", STAFF(c.staff[0]), ", ", SCON(staff_email(c.staff[0], c.dom, style=2)),
      "\n\nChanges:\n1. PID-7 (date of birth) will be sent as YYYYMMDD only; time components dropped.\n",
      "2. PV1-44 admit date/time will include seconds (YYYYMMDDHHMMSS).\n3. PID-19 (SSN) will no longer be populated; receivers must use PID-3.\n",
      "4. NK1 repetitions limited to 3.\n5. MSH-12 version moves from 2.3 to 2.5.1.\n\nReceivers must confirm in the interface catalog by the effective date. ",
      "Test messages are in the UAT feed on ", gen_server_ip(r), ":", str(r.choice([6661, 7001, 2575])), ".\n")
    return d


def t_clean_rel_mobile(c):
    r, d = c.r, Doc()
    v = ver(r)
    d("App Store — What's New in Version ", v, " (build ", str(r.randint(1000, 9999)), ")\n\n• Check in for your appointment from the parking lot\n",
      "• See lab results sooner, with plain-language explanations\n• Fixed a crash when switching between family members' accounts\n",
      "• Accessibility: larger text in the messages screen\n\nGoogle Play ", v, ": same as iOS plus Android 15 support.\n\nInternal: ", jkey(r, "MOB"),
      ", ", jkey(r, "MOB"), ". Phased rollout 10% → 100% over 7 days. Owner: ", STAFF(c.staff[0]), "\n")
    return d


def t_clean_rel_migration(c):
    r, d = c.r, Doc()
    d("Database migration report — ", c.today.strftime("%Y-%m-%d"), "\nEnvironment: prod (", gen_server_ip(r), ")\n\n")
    d("Migration                         Table                 Rows        Duration\n")
    for m, t in [("V%d__add_mbi_column" % r.randint(100, 300), "coverage"), ("V%d__split_address_lines" % r.randint(100, 300), "patient_address"),
                 ("V%d__index_encounter_dates" % r.randint(100, 300), "encounter"), ("V%d__drop_legacy_ssn" % r.randint(100, 300), "patient")]:
        d(m.ljust(34), t.ljust(22), str(r.randint(10 ** 4, 10 ** 7)).rjust(10), "  ", "%dm%02ds" % (r.randint(0, 40), r.randint(0, 59)), "\n")
    d("\nAll checksums verified. The legacy SSN column is dropped after the 30-day hold (", jkey(r, "DBA"), "). Run by ", STAFF(c.staff[2]), ".\n")
    return d


def t_clean_rel_vendor_bulletin(c):
    r, d = c.r, Doc()
    vendor = r.choice(["Corvexa Health", "Medibridge Systems", "Acuity Labs"])
    d(vendor, " Customer Bulletin CB-", str(r.randint(2024, 2026)), "-", str(r.randint(10, 99)), "\nPublished: ", c.today.strftime("%B %d, %Y"),
      "\n\nAffected versions: ", ver(r), " through ", ver(r), "\nSummary: Under rare conditions the scheduling module displays another ",
      "patient's appointment reason in the reminder preview. No data is transmitted externally.\nAction: apply patch ", ver(r),
      ". Customers on hosted environments will be patched automatically.\nSupport: 1-877-", str(r.randint(200, 999)), "-", "%04d" % r.randint(0, 9999),
      " (24x7), case reference ", "CS%08d" % r.randint(0, 10 ** 8), "\n\nLocal owner: ", STAFF(c.staff[0]), " — patching in the next window.\n")
    return d


# =========================================================================== clean_clinical_rule
def t_clean_rule_cds_wiki(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Clinical Decision Support", "BPA: Anticoagulation reminder for atrial fibrillation")
    d("h2. Logic\n* Fires for patients aged 65 and older with ", COND("atrial fibrillation"), " (", ICD("I48.91"), ", ", ICD("I48.0"),
      ") on the active problem list\n* and no active order for ", MED("apixaban"), ", ", MED("rivaroxaban"), ", ", MED("dabigatran"), " or ",
      MED("warfarin"), "\n* Excludes patients aged 90 and older, hospice enrollees, and CHA2DS2-VASc < 2\n\nh2. Owner\n",
      STAFF(c.staff[0]), " (cardiology), ", STAFF(c.staff[1]), " (CDS analyst)\n\nh2. Metrics\nFired ", str(r.randint(200, 5000)),
      " times last month; acceptance ", str(r.randint(8, 40)), "%.\n")
    return d


def t_clean_rule_sepsis(c):
    r, d = c.r, Doc()
    d("Sepsis screening rule — adult inpatient (v", "%d.%d" % (r.randint(1, 5), r.randint(0, 9)), ")\n\nTrigger when 2 or more SIRS criteria ",
      "within 6 hours:\n  - Temp > 38.3 C or < 36.0 C\n  - HR > 90\n  - RR > 20\n  - WBC > 12 or < 4 (x10^3/uL)\nAND suspected infection ",
      "(culture ordered or antibiotic started, e.g. ", MED("ceftriaxone"), ", ", MED("piperacillin-tazobactam"), ").\n\n",
      "Escalate if lactate >= 2.0 mmol/L. Document ", COND("sepsis"), " (", ICD("A41.9"), ") or ", COND("severe sepsis with septic shock"), " (",
      ICD("R65.21"), ").\nNot applicable to patients under 18. Reviewed by ", STAFF(c.staff[0]), ".\n")
    return d


def t_clean_rule_beers(c):
    r, d = c.r, Doc()
    d("Medication safety: potentially inappropriate medications in adults 65+ (local adaptation)\n\n")
    d("| Drug | Concern | Alternative |\n|---|---|---|\n")
    for drug, concern, alt in [("diphenhydramine", "anticholinergic, confusion", "loratadine"), ("glyburide", "prolonged hypoglycemia", "glipizide"),
                               ("diazepam", "falls, sedation", "non-drug sleep hygiene"), ("meperidine", "neurotoxicity", "hydromorphone"),
                               ("nitrofurantoin", "avoid if CrCl < 30", "cephalexin")][:r.randint(3, 5)]:
        d("| ", MED(drug), " | ", concern, " | ", MED(alt) if alt not in ("non-drug sleep hygiene",) else alt, " |\n")
    d("\nRisk is highest in patients 85 and older; for residents aged 90 and older pharmacy review is mandatory.\nMaintainer: ",
      STAFF(c.staff[2]), ", PharmD\n")
    return d


def t_clean_rule_cql(c):
    r, d = c.r, Doc()
    d("Measure logic (CQL) — diabetes A1c control\n\n```cql\nlibrary DiabetesA1cControl version '", ver(r), "'\n\nusing FHIR version '4.0.1'\n\n",
      "parameter \"Measurement Period\" Interval<DateTime>\n\ncontext Patient\n\ndefine \"Initial Population\":\n",
      "  AgeInYearsAt(date from end of \"Measurement Period\") in Interval[18, 75]\n    and exists \"Diabetes Diagnosis\"\n\n",
      "define \"Diabetes Diagnosis\":\n  [Condition: \"Diabetes\"] C\n    where C.clinicalStatus ~ \"active\"\n\n",
      "define \"Exclusion\":\n  AgeInYearsAt(date from end of \"Measurement Period\") >= 66\n    and \"Has Frailty\" and \"Has Advanced Illness\"\n```\n\n",
      "Value set Diabetes includes ", ICD("E11.9"), ", ", ICD("E11.65"), ", ", ICD("E10.9"), ". Author: ", STAFF(c.staff[1]), "\n")
    return d


def t_clean_rule_order_set(c):
    r, d = c.r, Doc()
    d("Order set: Community-acquired pneumonia, adult admission\nApproved by P&T ", c.today.strftime("%m/%Y"), "\n\n")
    d("<table><tr><th>Section</th><th>Order</th><th>Default</th></tr>\n")
    for sec, order, dflt in [("Labs", "CBC, BMP, blood cultures x2", "checked"), ("Imaging", "Chest x-ray PA/lateral (CPT 71046)", "checked"),
                             ("Antibiotics", "ceftriaxone 1 g IV q24h + azithromycin 500 mg", "checked"),
                             ("Antibiotics", "levofloxacin 750 mg if beta-lactam allergy", "unchecked"),
                             ("VTE", "enoxaparin 40 mg SC daily", "checked")]:
        d("<tr><td>", sec, "</td><td>")
        if sec == "Antibiotics":
            drug, rest = order.split(" ", 1)
            d(MED(drug), " ", rest)
        elif sec == "VTE":
            d(MED("enoxaparin"), " 40 mg SC daily")
        else:
            d(order)
        d("</td><td>", dflt, "</td></tr>\n")
    d("</table>\nDiagnosis: ", COND("pneumonia"), " (", ICD("J18.9"), "). For patients over 65 consider ", COND("aspiration"), " risk. Owner: ",
      STAFF(c.staff[0]), "\n")
    return d


def t_clean_rule_hedis(c):
    r, d = c.r, Doc()
    d("HEDIS MY", str(c.today.year), " — Controlling High Blood Pressure (CBP): local spec notes\n\nDenominator: members 18–85 years of age ",
      "with two outpatient visits with ", COND("hypertension"), " (", ICD("I10"), ").\nExclusions: members 66 years of age and older with frailty ",
      "and advanced illness; members 81 and older with frailty; hospice; ", COND("ESRD"), " (", ICD("N18.6"), ").\n",
      "Numerator: most recent BP < 140/90.\n\nData source: claims (", CPT("99213"), ", ", CPT("99214"), ") plus EHR vitals. Analyst: ",
      STAFF(c.staff[1]), ".\n")
    return d


def t_clean_rule_interactions(c):
    r, d = c.r, Doc()
    d("Drug–drug interaction alert tiers (pharmacy & therapeutics)\n\n")
    pairs = [("warfarin", "fluconazole", "major — INR rise"), ("simvastatin", "clarithromycin", "contraindicated — myopathy"),
             ("lisinopril", "spironolactone", "moderate — hyperkalemia"), ("sertraline", "tramadol", "major — serotonin syndrome"),
             ("apixaban", "rifampin", "major — reduced anticoagulant effect")]
    for a, b, t in r.sample(pairs, r.randint(3, 5)):
        d("  ", MED(a), " + ", MED(b), ": ", t, "\n")
    d("\nHard stop only for contraindicated pairs. Age-based rules (e.g. patients aged 90 and older) are handled separately. Contact: ",
      STAFF(c.staff[2]), " ", SCON(staff_email(c.staff[2], c.dom)), "\n")
    return d


def t_clean_rule_vaccine(c):
    r, d = c.r, Doc()
    d("Immunization forecasting rules (adult)\n\n")
    for vac, rule in [("Influenza", "annually, all ages 6 months and older"), ("Zoster recombinant", "2 doses, adults 50 and older"),
                      ("Pneumococcal (PCV20)", "adults 65 and older, or 19–64 with risk conditions"), ("Tdap", "once, then Td every 10 years"),
                      ("RSV", "adults 75 and older; 60–74 at increased risk")]:
        d("- ", MED(vac), ": ", rule, "\n")
    d("\nForecaster ignores doses recorded without CVX. Registry sync nightly. Owner: ", STAFF(c.staff[0]), ".\n")
    return d


def t_clean_rule_fall_risk(c):
    r, d = c.r, Doc()
    conf_header(d, c, "Nursing Practice", "Fall risk protocol (Morse)")
    d("h3. Scoring\n||Item||Points||\n|History of falling|25|\n|Secondary diagnosis|15|\n|Ambulatory aid|15-30|\n|IV/heparin lock|20|\n|Gait|10-20|\n",
      "|Mental status|15|\n\nh3. Rules\n* Score >= 45: high risk bundle (bed alarm, yellow socks, hourly rounding)\n",
      "* Patients 90 years or older are automatically high risk regardless of score\n* Reassess after ", MED("opioid"), " or ", MED("benzodiazepine"),
      " administration\n\nOwner: ", STAFF(c.staff[3]), ", RN, Nursing Practice Council\n")
    return d


# =========================================================================== clean_oncall_directory
def staff_row_contacts(c, s, i):
    r = c.r
    return {"phone": Phone(r).fmt(r.choice(["paren", "dash", "dot"])), "pager": "%d-%04d" % (r.randint(1, 9), r.randint(0, 9999)),
            "email": staff_email(s, c.dom, style=i), "ext": "x%d" % r.randint(2000, 7999)}


def t_clean_oncall_wiki(c):
    r, d = c.r, Doc()
    conf_header(d, c, "IT Operations", "Integration on-call — %s" % c.today.strftime("%B %Y"))
    d("||Service||Primary||Backup||Pager||Cell||\n")
    svcs = ["Interface engine", "EHR app tier", "Patient portal", "Lab interfaces", "Claims / EDI"]
    for i, svc in enumerate(svcs[:r.randint(3, 5)]):
        p, b = c.staff[i], c.staff[i + 3]
        ct = staff_row_contacts(c, p, i)
        d("|", svc, "|", STAFF(p), "|", STAFF(b), "|", SCON(ct["pager"]), "|", SCON(ct["phone"]), "|\n")
    num, code = bridge(r)
    d("\nMajor incident bridge: ", num, " code ", code, ". Escalate to ", STAFF(c.staff[-1]), " (manager) after 30 min.\n")
    return d


def t_clean_oncall_md(c):
    r, d = c.r, Doc()
    d("## ", FAC(c.fac), " — clinical applications contacts\n\n| Area | Name | Work phone | Email |\n|---|---|---|---|\n")
    for i, area in enumerate(["Pharmacy informatics", "Lab IS", "Radiology IS", "Nursing informatics", "HIM"][:r.randint(3, 5)]):
        s = c.staff[i]
        ct = staff_row_contacts(c, s, i)
        d("| ", area, " | ", STAFF(s), " | ", SCON(ct["phone"]), " ", SCON(ct["ext"]), " | ", SCON(ct["email"]), " |\n")
    d("\nAfter hours: page through the operator, ", SCON(Phone(r).fmt("dash")), ".\n")
    return d


def t_clean_oncall_html(c):
    r, d = c.r, Doc()
    d("<h2>Weekend coverage</h2>\n<ul>\n")
    for i in range(r.randint(3, 5)):
        s = c.staff[i]
        ct = staff_row_contacts(c, s, i)
        day = d_add(c.today, i)
        d("<li><strong>", day.strftime("%a %m/%d"), "</strong>: ", STAFF(s), " &mdash; pager ", SCON(ct["pager"]), ", <a href=\"mailto:",
          SCON(ct["email"]), "\">email</a></li>\n")
    d("</ul>\n<p>Clinical escalation: house supervisor via ", FAC(c.fac), " operator.</p>\n")
    return d


def t_clean_oncall_pagerduty_csv(c):
    r, d = c.r, Doc()
    d("schedule,user,email,start,end,escalation_level\n")
    t = dt.datetime(c.today.year, c.today.month, c.today.day, 9, 0)
    for i in range(r.randint(4, 6)):
        s = c.staff[i % len(c.staff)]
        d(r.choice(["EHR Integrations", "Portal", "EDI"]), ",", STAFF(s), ",", SCON(staff_email(s, c.dom, style=i)), ",",
          t.strftime("%Y-%m-%dT%H:%M:%S-05:00"), ",", (t + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S-05:00"), ",", str(1 + i % 2), "\n")
        if i % 2:
            t = t + dt.timedelta(days=7)
    return d


def t_clean_oncall_yaml(c):
    r, d = c.r, Doc()
    d("# escalation-policy.yaml (managed by terraform)\nescalation_policy:\n  name: hl7-interfaces\n  num_loops: 2\n  rules:\n")
    for lvl in range(1, 4):
        d("    - escalation_delay_in_minutes: ", str([15, 30, 30][lvl - 1]), "\n      targets:\n")
        for s in c.staff[(lvl - 1) * 2:(lvl - 1) * 2 + 2]:
            d("        - type: user\n          name: \"", STAFF(s), "\"\n          email: ", SCON(staff_email(s, c.dom)), "\n")
    d("  services: [mirth-prod, hl7router, fhir-gateway]\n")
    return d


def t_clean_oncall_holiday(c):
    r, d = c.r, Doc()
    yr = c.today.year
    d("Holiday on-call rota ", str(yr), "\n\n")
    for hol, md in [("New Year's Day", (1, 1)), ("Memorial Day", (5, 26)), ("Independence Day", (7, 4)), ("Labor Day", (9, 1)),
                    ("Thanksgiving", (11, 27)), ("Christmas Day", (12, 25))]:
        s = r.choice(c.staff)
        d(dt.date(yr, *md).strftime("%a %b %d"), "  ", hol.ljust(18), STAFF(s), "  (", SCON(Phone(r).fmt("dot")), ")\n")
    d("\nSwaps: agree with your peer and tell ", STAFF(c.staff[0]), " by the 15th of the prior month.\n")
    return d


def t_clean_oncall_clinic_contacts(c):
    r, d = c.r, Doc()
    d("Clinic contact sheet (internal)\n\n")
    for fac, code in r.sample(FACILITIES, r.randint(3, 5)):
        dom = r.choice(ORG_DOMAINS)
        d(FAC(fac), "\n  Front desk: ", SCON(Phone(r).fmt("paren")), "   Fax: ", SCON(Phone(r).fmt("paren")), "\n  Mailbox: ",
          SCON(code.lower() + ".frontdesk@" + dom), "   Manager: ", STAFF(r.choice(STAFF_NAMES)), "\n\n")
    d("Do not give these numbers to patients; the public line is on the website.\n")
    return d


def t_clean_oncall_slack(c):
    r, d = c.r, Doc()
    t = rand_time(r, c.today, (16, 19))
    d("#ehr-oncall  ", t.strftime("%I:%M %p"), "\n", STAFF(c.staff[0]), ": handoff to @", STAFF(handle(c.staff[1])), " for tonight\n",
      "  • Mirth error queue at ", str(r.randint(0, 200)), ", mostly A08s from ", FAC(c.fac_code), " — safe to replay after 22:00\n",
      "  • cert on ", gen_server_ip(r), " expires in ", str(r.randint(3, 20)), " days (", jkey(r, "OPS"), ")\n",
      "  • lab asked about a patient's missing result — told them to open a ticket with the order number, not the name\n",
      "  • my cell if needed: ", SCON(Phone(r).fmt("dash")), "\n", STAFF(c.staff[1]), ": 👍 got it\n")
    return d


# =========================================================================== comment threads (appended to some tickets / pages)
def comment_tail(d, c, family):
    r = c.r
    t = rand_time(r, d_add(c.today, 1), (8, 18))
    d("\n", r.choice(["Activity", "Comments", "----\nComments"]), "\n")
    texts = [
        ["Reprocessed after the fix; confirmed it filed correctly for ", NAME(c.pt.western()), " (MRN ", MRN(c.mrn), ")."],
        ["Vendor case opened, ref ", "CS%07d" % r.randint(0, 9999999), ". They want the message id, not the content."],
        ["Please scrub this ticket; it has full demographics. ", "[~" if family != "confluence_patient_table" else "@",
         STAFF(handle(c.staff[3])), "]" if family != "confluence_patient_table" else "", " can you redact?"],
        ["Same issue seen on ", str(r.randint(2, 30)), " other messages overnight, none with the same root cause."],
        ["Called ", NAME(c.pt.first()), " back on ", EVENT(fmt_date(t.date(), "us")), " to confirm; ", he(c), " is OK with the fix."],
        ["Linked to ", jkey(r), ". Closing as duplicate once the hotfix ships."],
    ]
    for pcs in r.sample(texts, r.randint(2, 4)):
        d(STAFF(r.choice(c.staff)), " · ", t.strftime(r.choice(["%d/%b/%y %I:%M %p", "%b %d, %Y %H:%M"])), "\n", pcs, "\n\n")
        t = t + dt.timedelta(minutes=r.randint(20, 1400))


# =========================================================================== registry
FAMILY_TEMPLATES = {
    "jira_hl7": [t_jira_a01_codeblock, t_jira_a03_literal_cr, t_jira_a08_cr_tags, t_jira_a28_mirth_log, t_jira_a40_merge,
                 t_jira_oru_r01, t_jira_siu_s12, t_jira_dft_p03, t_jira_mdm_t02, t_jira_vxu_v04, t_jira_json_log_a04],
    "confluence_patient_table": [t_conf_wiki_table, t_conf_markdown_eligibility, t_conf_html_portal, t_conf_page_export,
                                 t_conf_panel_single, t_conf_merge_candidates, t_conf_md_devices, t_conf_html_claims,
                                 t_conf_md_elderly, t_conf_wiki_parking],
    "support_ticket": [t_ticket_portal_form, t_ticket_chat, t_ticket_phone_note, t_ticket_sloppy, t_ticket_email_ingest,
                       t_ticket_billing_card, t_ticket_device_rma, t_ticket_roi_deceased, t_ticket_internal_ip,
                       t_ticket_spanish, t_ticket_transport_vehicle],
    "bitbucket_fhir_diff": [t_bb_patient_json_new, t_bb_bundle_modify, t_bb_patient_xml, t_bb_observation_json,
                            t_bb_coverage_json, t_bb_relatedperson_xml, t_bb_claim_json, t_bb_encounter_xml,
                            t_bb_java_builder, t_bb_ndjson],
    "sql_seed": [t_sql_pg_multirow, t_sql_mysql_dump, t_sql_oracle_insert_all, t_sql_sqlite_update, t_sql_pg_upsert,
                 t_sql_mysql_on_dup, t_sql_yaml_fixture, t_sql_django_fixture, t_sql_rails_seeds, t_sql_tsql_nvarchar,
                 t_sql_knex_seed],
    "clinical_note": [t_note_soap, t_note_hp, t_note_progress, t_note_nursing, t_note_discharge, t_note_consult_letter,
                      t_note_ed_triage, t_note_telephone, t_note_hospice_elderly, t_note_operative],
    "csv_claims": [t_csv_comma, t_csv_tsv_remit, t_csv_pipe, t_csv_quoted_excel, t_csv_semicolon_eu, t_csv_jira_preview,
                   t_csv_eligibility_mbi, t_csv_pharmacy, t_csv_fixed_width, t_csv_denials_carc],
    "patient_email": [t_email_forwarded, t_email_reply_quoted, t_email_mobile, t_email_portal_fwd, t_email_caregiver,
                      t_email_billing, t_email_records_transfer, t_email_outlook_staff_thread, t_email_spanish,
                      t_email_signature],
    "clean_stack_trace": [t_clean_java_npe, t_clean_python_tb, t_clean_dotnet, t_clean_node, t_clean_go_panic,
                          t_clean_hapi_exception, t_clean_k8s, t_clean_pg_deadlock, t_clean_ios_crash],
    "clean_meeting_notes": [t_clean_meet_wiki, t_clean_meet_md_standup, t_clean_meet_retro, t_clean_meet_vendor,
                            t_clean_meet_cab, t_clean_meet_informatics, t_clean_meet_postmortem, t_clean_meet_sprint],
    "clean_validator_diff": [t_clean_val_rust_ssn, t_clean_val_py_phone, t_clean_val_java_npi, t_clean_val_ts_mbi,
                             t_clean_val_go_zip, t_clean_val_kotlin_hl7, t_clean_val_date_tests, t_clean_val_policy_yaml,
                             t_clean_val_cs_email],
    "clean_release_notes": [t_clean_rel_changelog, t_clean_rel_confluence, t_clean_rel_email, t_clean_rel_hotfix,
                            t_clean_rel_interface_spec, t_clean_rel_mobile, t_clean_rel_migration, t_clean_rel_vendor_bulletin],
    "clean_clinical_rule": [t_clean_rule_cds_wiki, t_clean_rule_sepsis, t_clean_rule_beers, t_clean_rule_cql,
                            t_clean_rule_order_set, t_clean_rule_hedis, t_clean_rule_interactions, t_clean_rule_vaccine,
                            t_clean_rule_fall_risk],
    "clean_oncall_directory": [t_clean_oncall_wiki, t_clean_oncall_md, t_clean_oncall_html, t_clean_oncall_pagerduty_csv,
                               t_clean_oncall_yaml, t_clean_oncall_holiday, t_clean_oncall_clinic_contacts, t_clean_oncall_slack],
}


def variant_name(fn):
    return fn.__name__[2:]


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def build():
    """Return (records, cultures used by patients and relatives)."""
    records, used = [], set()
    n = len(CULTURE_KEYS)
    stride = next(s for s in range(17, n + 17) if _gcd(s, n) == 1)
    phi_i = 0
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        is_phi = fam in PHI_FAMILIES
        tmpls = FAMILY_TEMPLATES[fam]
        count = DOCS_PER_PHI_FAMILY if is_phi else DOCS_PER_CLEAN_FAMILY
        for i in range(count):
            did = "%s-%04d" % (fam, i + 1)
            r = random.Random("%s/%s" % (SEED, did))
            today = rand_date(r, dt.date(2024, 5, 1), dt.date(2025, 11, 28))
            fn = tmpls[i % len(tmpls)]
            if is_phi:
                culture = CULTURE_KEYS[(phi_i * stride) % n]
                phi_i += 1
                c = make_ctx(r, culture, today, elderly=r.random() < 0.1)
                c.big = r.random() < 0.15
            else:
                c = make_clean_ctx(r, today)
            d = fn(c)
            if fam in ("jira_hl7", "support_ticket", "confluence_patient_table") and r.random() < 0.35:
                comment_tail(d, c, fam)
            if is_phi:
                used.add(c.pt.culture)
                used.add(c.rel.culture)
            records.append({"id": did, "family": fam, "phi": is_phi, "variant": variant_name(fn),
                            "text": d.text(), "spans": d.spans})
    return records, used


_USED_ALL = set()
_orig_make_ctx = make_ctx


def make_ctx(r, culture, today, elderly=False):  # noqa: F811  (wrapper records every culture drawn)
    c = _orig_make_ctx(r, culture, today, elderly)
    _USED_ALL.add(c.pt.culture)
    _USED_ALL.add(c.rel.culture)
    return c


def serialize(records):
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records).encode("utf-8")


# =========================================================================== checks
def _isalnum(ch):
    return ch.isalnum()


def check_record(rec, errors):
    rid = rec.get("id", "?")
    text = rec["text"]
    b = text.encode("utf-8")
    prev_end = 0
    covered = []
    for sp in rec["spans"]:
        s, e = sp["start"], sp["end"]
        if not (0 <= s < e <= len(b)):
            errors.append("%s: span out of range %r" % (rid, sp))
            continue
        if s < prev_end:
            errors.append("%s: spans unsorted or overlapping at %d" % (rid, s))
        prev_end = e
        try:
            val = b[s:e].decode("utf-8")
            before = b[:s].decode("utf-8")
            after = b[e:].decode("utf-8")
        except UnicodeDecodeError:
            errors.append("%s: span splits a UTF-8 character %r" % (rid, sp))
            continue
        if not val.strip() or val != val.strip():
            errors.append("%s: empty or padded span %r" % (rid, val))
        if before and _isalnum(before[-1]) and _isalnum(val[0]):
            errors.append("%s: span starts inside a token: ...%r|%r" % (rid, before[-8:], val))
        if after and _isalnum(after[0]) and _isalnum(val[-1]):
            errors.append("%s: span ends inside a token: %r|%r..." % (rid, val, after[:8]))
        if sp["label"] not in ("phi", "dont_care"):
            errors.append("%s: bad label %r" % (rid, sp["label"]))
        if sp["label"] == "phi" and sp["kind"] not in CONTRACT_KINDS:
            errors.append("%s: phi kind not in contract: %r" % (rid, sp["kind"]))
        if not sp.get("kind"):
            errors.append("%s: span without kind" % rid)
        covered.append((s, e, sp["label"], val))
    phi_spans = [x for x in covered if x[2] == "phi"]
    if rec["phi"] and not phi_spans:
        errors.append("%s: PHI doc without phi spans" % rid)
    if not rec["phi"] and phi_spans:
        errors.append("%s: clean doc has phi spans" % rid)
    # every token-bounded repeat of a PHI value (4+ chars) must itself lie inside a span
    for s, e, label, val in phi_spans:
        if len(val) < 4:
            continue
        vb = val.encode("utf-8")
        start = 0
        while True:
            k = b.find(vb, start)
            if k < 0:
                break
            start = k + 1
            kend = k + len(vb)
            pre = b[:k].decode("utf-8", "ignore")
            post = b[kend:].decode("utf-8", "ignore")
            if (pre and _isalnum(pre[-1]) and _isalnum(val[0])) or (post and _isalnum(post[0]) and _isalnum(val[-1])):
                continue
            if not any(cs <= k and kend <= ce for cs, ce, _, _ in covered):
                errors.append("%s: PHI value %r also occurs unlabelled at byte %d" % (rid, val, k))


def check():
    errors = []
    with open(OUT, "rb") as fh:
        data = fh.read()
    records, used = build()
    if serialize(records) != data:
        errors.append("fresh4.jsonl differs from a fresh regeneration (not byte-identical)")
    recs = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    if len(recs) != 240:
        errors.append("expected 240 docs, found %d" % len(recs))
    nphi = sum(1 for x in recs if x["phi"])
    if nphi != 120 or len(recs) - nphi != 120:
        errors.append("expected 120/120 PHI/clean, found %d/%d" % (nphi, len(recs) - nphi))
    fams = {}
    for x in recs:
        fams[x["family"]] = fams.get(x["family"], 0) + 1
        if x["family"] not in PHI_FAMILIES + CLEAN_FAMILIES:
            errors.append("%s: unknown family %s" % (x["id"], x["family"]))
        if x["phi"] != (x["family"] in PHI_FAMILIES):
            errors.append("%s: phi flag disagrees with family" % x["id"])
        if not x["id"].startswith(x["family"] + "-") or not x.get("variant"):
            errors.append("%s: bad id or missing variant" % x["id"])
        if set(x) != {"id", "family", "phi", "variant", "text", "spans"}:
            errors.append("%s: unexpected keys %s" % (x["id"], sorted(x)))
        check_record(x, errors)
    if set(fams) != set(PHI_FAMILIES + CLEAN_FAMILIES):
        errors.append("family set mismatch: %s" % sorted(fams))
    if len({x["id"] for x in recs}) != len(recs):
        errors.append("duplicate ids")
    variants = {x["variant"] for x in recs}
    if len(variants) < 120:
        errors.append("only %d distinct variants (need >= 120)" % len(variants))
    cultures = len(_USED_ALL)
    if cultures < 30:
        errors.append("only %d name cultures used (need >= 30)" % cultures)
    for e in errors[:60]:
        print("ERROR:", e)
    if errors:
        print("%d error(s)" % len(errors))
        return 1
    sizes = sorted(len(x["text"].encode("utf-8")) for x in recs)
    print("ok: %d docs (%d PHI / %d clean), %d families, %d variants, %d name cultures, %d spans; sizes %d..%d bytes, median %d"
          % (len(recs), nphi, len(recs) - nphi, len(fams), len(variants), cultures, sum(len(x["spans"]) for x in recs),
             sizes[0], sizes[-1], sizes[len(sizes) // 2]))
    return 0


def stats():
    records, _ = build()
    fams, kinds = {}, {}
    for x in records:
        fams.setdefault(x["family"], set()).add(x["variant"])
        for sp in x["spans"]:
            kinds[(sp["label"], sp["kind"])] = kinds.get((sp["label"], sp["kind"]), 0) + 1
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        print("%-26s docs=%d variants=%d" % (f, sum(1 for x in records if x["family"] == f), len(fams[f])))
    print("variants total:", sum(len(v) for v in fams.values()))
    print("cultures:", len(_USED_ALL), sorted(_USED_ALL))
    for k in sorted(kinds):
        print("  %-10s %-18s %d" % (k[0], k[1], kinds[k]))


def main(argv):
    if "--check" in argv:
        return check()
    if "--stats" in argv:
        stats()
        return 0
    records, _ = build()
    with open(OUT, "wb") as fh:
        fh.write(serialize(records))
    print("wrote %s (%d docs)" % (OUT, len(records)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
