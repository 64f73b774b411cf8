#!/usr/bin/env python3
"""Seventeenth independent corpus generator (standard library only).

Theme: the full spread of the 18 HIPAA Safe Harbor identifiers in the shapes
they take in real pastes -- fax numbers, patient e-mail, SSNs in several shapes,
Medicare MBIs, member / policy / account / visit / claim numbers, driver
licences, VINs and plates in MVA notes, device serials and GS1 UDIs, portal
URLs, a patient's IP in an access audit, Luhn-valid card numbers in billing
tickets, ages over 89, full addresses -- beside clean look-alikes that must not
be flagged (server IPs, hardware serials, licence keys, VIN-shaped part numbers
with a bad check digit, documented test cards, invalid SSNs, MBI test vectors,
departmental faxes, versioned API URLs, population ages, NDC codes and lots).

Written from tests/corpus/README.md and CONTRACTS.md section 1 only.

    python3 tests/corpus/generate_fresh16.py           # writes fresh16.jsonl
    python3 tests/corpus/generate_fresh16.py --check   # re-verifies the file
    python3 tests/corpus/generate_fresh16.py --stats   # counts per family / kind
"""
import argparse
import collections
import json
import os
import random
import re
import statistics
import sys
import unicodedata
from datetime import date, datetime, timedelta

SEED = 1620261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh16.jsonl")
TODAY = date(2026, 12, 7)

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]
PHI_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone",
             "email", "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number",
             "license_number", "vehicle_id", "device_id", "url", "ip_address", "biometric_id",
             "photo", "other_id", "diagnosis_code", "procedure_code", "drug_code",
             "medication", "condition", "credit_card"}
DONT_CARE_EXTRA = {"title", "staff_contact", "internal_id", "facility"}


# --------------------------------------------------------------------------- spans

class L:
    """A labelled piece of text."""
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = str(text), label, kind


def P(text, kind):
    return L(text, "phi", kind)


def D(text, kind):
    return L(text, "dont_care", kind)


SLOT = re.compile(r"⟦(\w+)⟧")


class Doc:
    def __init__(self):
        self.parts = []

    def add(self, *parts):
        for p in parts:
            if p is None:
                continue
            if isinstance(p, (list, tuple)):
                self.add(*p)
            elif isinstance(p, L):
                self.parts.append(p)
            else:
                self.parts.append(str(p))
        return self

    def f(self, template, **kw):
        """Template with ⟦slot⟧ placeholders; slot values are str, L or lists."""
        pos = 0
        for m in SLOT.finditer(template):
            self.parts.append(template[pos:m.start()])
            self.add(kw[m.group(1)])
            pos = m.end()
        self.parts.append(template[pos:])
        return self

    def build(self, crlf=False, bom=False):
        out, spans, off = [], [], 0
        if bom:
            out.append("\ufeff")
            off = 3
        for p in self.parts:
            s = p.text if isinstance(p, L) else p
            if crlf:
                s = s.replace("\r\n", "\n").replace("\n", "\r\n")
            b = len(s.encode("utf-8"))
            if isinstance(p, L):
                if not s or s != s.strip() or "\n" in s:
                    raise ValueError("bad span text %r" % s)
                spans.append({"start": off, "end": off + b, "label": p.label, "kind": p.kind})
            out.append(s)
            off += b
        return "".join(out), spans


def flat(*parts):
    """Flatten to a list of parts (for re-use inside other templates)."""
    d = Doc()
    d.add(*parts)
    return d.parts


# --------------------------------------------------------------------------- names
# Hand-written lists; (latin, native) pairs where a culture has its own script.

class Culture:
    def __init__(self, key, female, male, family, native_join=None, family_first=False):
        self.key, self.female, self.male, self.family = key, female, male, family
        self.native_join = native_join          # None when the lists are latin only
        self.family_first = family_first


def _pairs(s):
    return [tuple(x.split("=")) for x in s.split("|")]


CULTURES = [
    Culture("vietnamese", ["Thị Hoa", "Ngọc Ánh", "Thu Hằng", "Mỹ Linh", "Bích Ngọc", "Kim Oanh"],
            ["Văn Minh", "Quốc Bảo", "Đức Huy", "Thanh Tùng", "Hữu Phước", "Công Danh"],
            ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]),
    Culture("chinese", _pairs("Xiuying=秀英|Meiling=美玲|Jing=静|Yuqing=雨晴|Lihua=丽华"),
            _pairs("Wei=伟|Jianguo=建国|Haoran=浩然|Zhiqiang=志强|Guoliang=国梁"),
            _pairs("Wang=王|Li=李|Zhang=张|Liu=刘|Chen=陈|Zhou=周|Huang=黄"), native_join="", family_first=True),
    Culture("korean", _pairs("Minji=민지|Seo-yeon=서연|Jiyoung=지영|Eunji=은지"),
            _pairs("Minjun=민준|Dong-hyun=동현|Sungho=성호|Jaewon=재원"),
            _pairs("Kim=김|Park=박|Choi=최|Jeong=정|Kang=강|Yoon=윤"), native_join="", family_first=True),
    Culture("japanese", _pairs("Hanako=花子|Yui=結衣|Keiko=恵子|Sachiko=幸子|Aoi=葵"),
            _pairs("Takeshi=武|Hiroshi=博|Kenta=健太|Shigeru=茂|Daisuke=大輔"),
            _pairs("Yamada=山田|Sato=佐藤|Takahashi=高橋|Watanabe=渡辺|Kobayashi=小林|Inoue=井上"),
            native_join=" ", family_first=True),
    Culture("russian", _pairs("Olga=Ольга|Tatiana=Татьяна|Svetlana=Светлана|Irina=Ирина"),
            _pairs("Dmitri=Дмитрий|Sergei=Сергей|Aleksandr=Александр|Mikhail=Михаил"),
            _pairs("Volkov=Волков|Sokolov=Соколов|Morozov=Морозов|Kuznetsov=Кузнецов|Lebedev=Лебедев"),
            native_join=" "),
    Culture("greek", _pairs("Eleni=Ελένη|Despina=Δέσποινα|Katerina=Κατερίνα|Sofia=Σοφία"),
            _pairs("Giorgos=Γιώργος|Dimitrios=Δημήτριος|Nikos=Νίκος|Vasilis=Βασίλης"),
            _pairs("Papadopoulos=Παπαδόπουλος|Georgiou=Γεωργίου|Karalis=Καραλής|Antoniou=Αντωνίου"),
            native_join=" "),
    Culture("arabic", _pairs("Fatima=فاطمة|Layla=ليلى|Mariam=مريم|Huda=هدى"),
            _pairs("Ahmed=أحمد|Omar=عمر|Khaled=خالد|Youssef=يوسف"),
            _pairs("Haddad=حداد|Mansour=منصور|Khalil=خليل|Nasser=ناصر|Saleh=صالح"), native_join=" "),
    Culture("hindi", _pairs("Priya=प्रिया|Sunita=सुनीता|Kavita=कविता|Anjali=अंजलि"),
            _pairs("Rajesh=राजेश|Amit=अमित|Suresh=सुरेश|Vikram=विक्रम"),
            _pairs("Sharma=शर्मा|Verma=वर्मा|Gupta=गुप्ता|Mishra=मिश्रा|Yadav=यादव"), native_join=" "),
    Culture("thai", _pairs("Malee=มาลี|Siriporn=ศิริพร|Nittaya=นิตยา"),
            _pairs("Somchai=สมชาย|Prasert=ประเสริฐ|Anan=อนันต์"),
            _pairs("Srisuk=ศรีสุข|Wongsakul=วงศ์สกุล|Boonmee=บุญมี|Chaiyaporn=ชัยพร"), native_join=" "),
    Culture("hebrew", _pairs("Yael=יעל|Miriam=מרים|Noa=נועה|Tamar=תמר"),
            _pairs("Avi=אבי|Yosef=יוסף|Eitan=איתן|Moshe=משה"),
            _pairs("Cohen=כהן|Levi=לוי|Mizrahi=מזרחי|Peretz=פרץ|Friedman=פרידמן"), native_join=" "),
    Culture("persian", _pairs("Shirin=شیرین|Parisa=پریسا|Nasrin=نسرین"),
            _pairs("Reza=رضا|Dariush=داریوش|Kourosh=کوروش"),
            _pairs("Hosseini=حسینی|Tehrani=تهرانی|Karimi=کریمی|Farahani=فراهانی"), native_join=" "),
    Culture("amharic", _pairs("Tigist=ትዕግስት|Selam=ሰላም|Hiwot=ሕይወት"),
            _pairs("Dawit=ዳዊት|Yohannes=ዮሐንስ|Bereket=በረከት"),
            _pairs("Tesfaye=ተስፋዬ|Bekele=በቀለ|Haile=ኃይሌ|Alemu=አለሙ"), native_join=" "),
    Culture("polish", ["Małgorzata", "Agnieszka", "Jadwiga", "Grażyna", "Zofia"],
            ["Krzysztof", "Włodzimierz", "Łukasz", "Zbigniew", "Paweł"],
            ["Wiśniewski", "Kowalczyk", "Łuczak", "Zieliński", "Szymański", "Wójcik"]),
    Culture("turkish", ["Ayşe", "Gülşen", "Şule", "Özlem", "Nurcan"],
            ["Mehmet", "Oğuz", "Çağrı", "Hüseyin", "İbrahim"],
            ["Yılmaz", "Şahin", "Öztürk", "Kılıç", "Doğan", "Aydın"]),
    Culture("yoruba", ["Adéyẹmí", "Folúkẹ́", "Títílayọ̀", "Bọ́lá"],
            ["Olúwáṣeun", "Babátúndé", "Tèmítọ́pẹ́", "Kúnlé"],
            ["Adébáyọ̀", "Ọlátúnjí", "Àjàyí", "Ògúnlẹ̀yẹ"]),
    Culture("igbo", ["Ngozi", "Chiamaka", "Adaeze", "Ifeoma"],
            ["Chukwuemeka", "Obinna", "Ikenna", "Nnamdi"],
            ["Okonkwo", "Nwosu", "Eze", "Okafor", "Onyekachi"]),
    Culture("mexican", ["María Guadalupe", "Xóchitl", "Rocío", "Itzel", "Ana Sofía"],
            ["José Luis", "Juan Carlos", "Maximiliano", "Jesús", "Rubén"],
            ["García Hernández", "Martínez", "López Ortiz", "Ramírez", "Cervantes Ávila", "Núñez"]),
    Culture("brazilian", ["Conceição", "Luíza", "Mariana", "Tainá"],
            ["João", "Sebastião", "Thiago", "Caio"],
            ["Araújo", "Gonçalves", "Magalhães", "Brandão", "Assunção"]),
    Culture("irish", ["Siobhán", "Niamh", "Aoife", "Caoimhe", "Gráinne"],
            ["Pádraig", "Seán", "Ciarán", "Donnchadh", "Eoin"],
            ["Ó Súilleabháin", "O'Brien", "Mac Cárthaigh", "Ní Bhriain", "Ó Conaill"]),
    Culture("norwegian", ["Solveig", "Åse", "Ingrid", "Bjørg", "Sigrid"],
            ["Øyvind", "Bjørn", "Håkon", "Torstein", "Ørjan"],
            ["Kjærstad", "Håland", "Sæther", "Løvås", "Bråten"]),
    Culture("german", ["Ulrike", "Hildegard", "Bärbel", "Gisela", "Jutta", "Käthe"],
            ["Jürgen", "Günther", "Jörg", "Dieter", "Klaus", "Björn", "Matthäus"],
            ["Müller", "Schröder", "Weiß", "Groß", "Köhler", "Bäcker"]),
    Culture("french", ["Hélène", "Bérénice", "Éloïse", "Maëlle", "Geneviève"],
            ["François", "Jérôme", "Benoît", "Loïc", "Anaël"],
            ["Lefèvre", "Béranger", "Duchêne", "Gaudreault", "Lemaître"]),
    Culture("filipino", ["Maricel", "Ma. Theresa", "Lorna", "Jocelyn", "Rowena"],
            ["Rodel", "Jun-Jun", "Arnel", "Reynaldo", "Marlon"],
            ["Dela Cruz", "Bautista", "Macaraeg", "Villanueva", "Dimaculangan"]),
    Culture("somali", ["Hodan", "Faadumo", "Sahra", "Ubah"],
            ["Abdirahman", "Mahad", "Liban", "Cabdi"],
            ["Warsame", "Hirsi", "Farah", "Cali", "Jaamac"]),
    Culture("hawaiian", ["Leilani", "Keʻala", "Noelani", "Pualani"],
            ["Kawika", "Makana", "Keoni", "Kaleo"],
            ["Kahananui", "Kealoha", "Kamakea", "Nāone", "Kaʻaihue"]),
    Culture("english_words", ["Hope", "Rose", "Faith", "Grace", "Dawn", "Joy", "Summer"],
            ["Will", "Hunter", "Bill", "Mark", "Rich", "Chase", "Sonny"],
            ["Little", "Hill", "Frost", "Young", "Long", "Price", "Banks", "Rivers", "Field", "Street"]),
    Culture("ukrainian", _pairs("Olena=Олена|Oksana=Оксана|Halyna=Галина"),
            _pairs("Taras=Тарас|Bohdan=Богдан|Mykola=Микола"),
            _pairs("Shevchenko=Шевченко|Kovalenko=Коваленко|Bondarenko=Бондаренко|Tkachuk=Ткачук"),
            native_join=" "),
    Culture("punjabi", _pairs("Harpreet=ਹਰਪ੍ਰੀਤ|Gurpreet=ਗੁਰਪ੍ਰੀਤ|Simran=ਸਿਮਰਨ"),
            _pairs("Jaswinder=ਜਸਵਿੰਦਰ|Balwinder=ਬਲਵਿੰਦਰ|Manpreet=ਮਨਪ੍ਰੀਤ"),
            _pairs("Sandhu=ਸੰਧੂ|Gill=ਗਿੱਲ|Dhillon=ਢਿੱਲੋਂ|Grewal=ਗਰੇਵਾਲ"), native_join=" "),
    Culture("haitian", ["Mirlande", "Guerline", "Nadège", "Fabiola"],
            ["Wisly", "Jean-Robert", "Fritznel", "Dieuseul"],
            ["Jean-Baptiste", "Pierre-Louis", "Dieujuste", "Joseph", "Célestin"]),
    Culture("samoan", ["Mele", "Losa", "Faʻamoe", "Sina"],
            ["Sione", "Tavita", "Iosefa", "Pita"],
            ["Tuilagi", "Faleolo", "Leota", "Fuimaono", "Lealaiauloto"]),
]

FEM = {"Papadopoulos": ("Papadopoulou", "Παπαδοπούλου"), "Karalis": ("Karali", "Καραλή"),
       "Wiśniewski": ("Wiśniewska", None), "Zieliński": ("Zielińska", None), "Szymański": ("Szymańska", None)}


def feminine(key, f):
    """Family names that change with the bearer's sex (Russian -ov/-ova, Greek, Polish -ski/-ska)."""
    lat = _lat(f)
    if key == "russian":
        return (lat + "a", _nat(f) + "а")
    if lat in FEM:
        fl, fn = FEM[lat]
        return (fl, fn) if isinstance(f, tuple) else fl
    return f


SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D",
           "ı": "i", "ʻ": "", "’": "", "œ": "oe"}


def fold(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _lat(x):
    return x[0] if isinstance(x, tuple) else x


def _nat(x):
    return x[1] if isinstance(x, tuple) else None


class Person:
    def __init__(self, r, culture=None, sex=None, age=None, min_age=19, max_age=88):
        c = culture or r.choice(CULTURES)
        self.culture = c
        self.sex = sex or r.choice("FM")
        used = getattr(r, "_names", None)
        if used is None:
            used = r._names = set()
        for _ in range(12):
            g = r.choice(c.female if self.sex == "F" else c.male)
            f = r.choice(c.family)
            if (_lat(g), _lat(f)) not in used:
                break
        used.add((_lat(g), _lat(f)))
        if self.sex == "F":
            f = feminine(c.key, f)
        self.given, self.family = _lat(g), _lat(f)
        self.native = None
        if c.native_join is not None:
            a, b = (_nat(f), _nat(g)) if c.family_first else (_nat(g), _nat(f))
            self.native = a + c.native_join + b
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW")
        self.age = age if age is not None else r.randint(min_age, max_age)
        hi = date(TODAY.year - self.age, TODAY.month, TODAY.day)
        lo = date(TODAY.year - self.age - 1, TODAY.month, TODAY.day) + timedelta(days=1)
        self.dob = lo + timedelta(days=r.randint(0, (hi - lo).days))

    @property
    def full(self):
        if self.culture.key == "vietnamese":
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    @property
    def lf(self):
        return f"{self.family}, {self.given}"

    @property
    def hl7(self):
        return f"{fold(self.family).upper()}^{fold(self.given).upper()}^{self.mi}"

    @property
    def hl7_2(self):
        return f"{fold(self.family).upper()}^{fold(self.given).upper()}"

    @property
    def upper_lf(self):
        return f"{fold(self.family).upper()}, {fold(self.given).upper()}"

    @property
    def first(self):
        return self.given.split(" ")[0] if self.culture.key not in ("vietnamese",) else self.given.split(" ")[-1]

    def name(self, style="full"):
        v = {"full": self.full, "lf": self.lf, "hl7": self.hl7, "hl7_2": self.hl7_2,
             "upper": self.upper_lf, "family": self.family, "given": self.given,
             "first": self.first, "lfm": f"{self.lf} {self.mi}.", "fml": f"{self.given} {self.mi}. {self.family}",
             "native": self.native or self.full, "ascii": fold(self.full)}[style]
        return v


def nm(p, style="full"):
    return P(p.name(style), "person_name")


def sn(p, style="full"):
    """Staff name -> dont_care."""
    return D(p.name(style), "person_name")


def kin(q, older=False):
    """Relationship word for a relative q as seen from the patient."""
    if older:
        return "mother" if q.sex == "F" else "father"
    return "daughter" if q.sex == "F" else "son"


def kin_any(r, q):
    return r.choice({"F": ["daughter", "niece", "granddaughter", "sister", "wife"],
                     "M": ["son", "nephew", "grandson", "brother", "husband"]}[q.sex])


def she(p):
    return "she" if p.sex == "F" else "he"


def her(p):
    return "her" if p.sex == "F" else "his"


def him(p):
    return "her" if p.sex == "F" else "him"


def title(p):
    return D("Mrs." if p.sex == "F" else "Mr.", "title")


def titled(p):
    """'Mrs. Kowalczyk' as a title (dont_care) and a family name (phi)."""
    return [title(p), " ", nm(p, "family")]


def mk_family(r, p, rel_sex=None, age=None):
    """A relative sharing the family name."""
    for _ in range(20):
        q = Person(r, p.culture, sex=rel_sex, age=age)
        if q.given != p.given:
            break
    q.family = p.family
    base = [x for x in p.culture.family if _lat(x) == p.family or _lat(feminine(p.culture.key, x)) == p.family]
    if base:
        fx = feminine(p.culture.key, base[0]) if q.sex == "F" else base[0]
        q.family = _lat(fx)
    if p.culture.native_join is not None and p.native:
        # rebuild native from a same-culture given name
        c = p.culture
        famn = [_nat(feminine(c.key, x) if q.sex == "F" else x) for x in c.family if _lat(x) == p.family or _lat(feminine(c.key, x)) == p.family]
        gl = c.female if q.sex == "F" else c.male
        gg = [x for x in gl if _lat(x) == q.given]
        if famn and gg:
            a, b = (famn[0], _nat(gg[0])) if c.family_first else (_nat(gg[0]), famn[0])
            q.native = a + c.native_join + b
    return q


# --------------------------------------------------------------------------- identifiers

AREA = ["206", "212", "213", "215", "216", "248", "267", "281", "301", "303", "305", "312", "313",
        "314", "323", "347", "404", "408", "410", "412", "414", "415", "425", "469", "480", "503",
        "504", "510", "512", "602", "612", "614", "617", "619", "626", "646", "650", "702", "703",
        "704", "713", "718", "720", "773", "786", "808", "813", "818", "832", "858", "916", "917",
        "919", "925", "949", "971", "972"]


def phone_parts(r, area=None):
    a = area or r.choice(AREA)
    while True:
        e = r.randint(201, 989)
        if e % 100 != 11 and e not in (555, 950, 958, 959, 976):
            break
    return a, str(e), "%04d" % r.randint(0, 9999)


def fmt_phone(parts, style):
    a, e, n = parts
    return {"paren": f"({a}) {e}-{n}", "dash": f"{a}-{e}-{n}", "dot": f"{a}.{e}.{n}",
            "plus": f"+1 {a} {e} {n}", "plain": f"{a}{e}{n}", "one": f"1-{a}-{e}-{n}",
            "plusdash": f"+1-{a}-{e}-{n}", "tight": f"({a}){e}-{n}"}[style]


PHONE_STYLES = ["paren", "dash", "dot", "plus", "one", "paren", "dash", "tight", "plusdash"]


def phone(r, style=None, area=None):
    return fmt_phone(phone_parts(r, area), style or r.choice(PHONE_STYLES))


def ssn(r, style="dash"):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v in ("123-45-6789", "078-05-1120", "219-09-9999"):
            continue
        if style == "plain":
            return v.replace("-", "")
        if style == "space":
            return v.replace("-", " ")
        return v


MBI_L = "ACDEFGHJKMNPQRTUVWXY"
MBI_AN = MBI_L + "0123456789"


def mbi(r, dashed=False):
    while True:
        c = [str(r.randint(1, 9)), r.choice(MBI_L), r.choice(MBI_AN), str(r.randint(0, 9)),
             r.choice(MBI_L), r.choice(MBI_AN), str(r.randint(0, 9)), r.choice(MBI_L),
             r.choice(MBI_L), str(r.randint(0, 9)), str(r.randint(0, 9))]
        v = "".join(c)
        if v != "1EG4TE5MK73":
            break
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashed else v


def mbi_valid(v):
    v = v.replace("-", "")
    if len(v) != 11:
        return False
    rules = ["19", "L", "A", "D", "L", "A", "D", "L", "L", "D", "D"]
    for ch, rule in zip(v, rules):
        if rule == "19" and ch not in "123456789":
            return False
        if rule == "L" and ch not in MBI_L:
            return False
        if rule == "A" and ch not in MBI_AN:
            return False
        if rule == "D" and not ch.isdigit():
            return False
    return True


VIN_VAL = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7,
           "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4,
           "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
WMI = [("1HG", "Honda Accord"), ("2HK", "Honda CR-V"), ("1FT", "Ford F-150"), ("1FA", "Ford Fusion"),
       ("JTD", "Toyota Prius"), ("4T1", "Toyota Camry"), ("2T3", "Toyota RAV4"), ("5YJ", "Tesla Model 3"),
       ("WBA", "BMW 330i"), ("3VW", "Volkswagen Jetta"), ("KMH", "Hyundai Elantra"), ("1G1", "Chevrolet Malibu"),
       ("JN8", "Nissan Rogue"), ("5NP", "Hyundai Sonata"), ("1C4", "Jeep Cherokee"), ("JF2", "Subaru Forester"),
       ("3GN", "Chevrolet Equinox"), ("KNA", "Kia Forte")]


def vin_check(v):
    c = sum(VIN_VAL[ch] * w for ch, w in zip(v, VIN_W)) % 11
    return "X" if c == 10 else str(c)


def vin(r, valid=True):
    wmi, model = r.choice(WMI)
    v = (wmi + "".join(r.choice(VIN_CH) for _ in range(5)) + "0" + r.choice("GHJKLMNPR")
         + r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + "%06d" % r.randint(0, 999999))
    cd = vin_check(v)
    if not valid:
        cd = r.choice([c for c in "0123456789X" if c != cd])
    return v[:8] + cd + v[9:]


def vin_model(v):
    for w, m in WMI:
        if v.startswith(w):
            return m
    return "sedan"


def vin_ok(v):
    return len(v) == 17 and all(c in VIN_CH for c in v) and vin_check(v) == v[8]


def plate(r):
    k = r.randint(0, 4)
    if k == 0:
        return "%d%s%03d" % (r.randint(5, 9), "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), r.randint(0, 999))
    if k == 1:
        return "".join(r.choice("BCDFGHJKLMNPRSTVWXYZ") for _ in range(3)) + "%04d" % r.randint(0, 9999)
    if k == 2:
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "-" + "%04d" % r.randint(0, 9999)
    if k == 3:
        return "%03d" % r.randint(100, 999) + "-" + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + "%d" % r.randint(1, 9) + "-" + "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + "%d" % r.randint(10, 99)


def dl(r, state=None):
    st = state or r.choice(["CA", "NY", "TX", "FL", "WA", "IL", "MA", "OR", "MN", "AZ", "NJ", "MI"])
    L_ = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if st == "CA":
        v = r.choice(L_) + "%07d" % r.randint(0, 9999999)
    elif st == "NY":
        v = "%03d %03d %03d" % (r.randint(100, 999), r.randint(0, 999), r.randint(0, 999))
    elif st == "TX":
        v = "%08d" % r.randint(10000000, 49999999)
    elif st == "FL":
        v = "%s%03d-%03d-%02d-%03d-%d" % (r.choice(L_), r.randint(0, 999), r.randint(0, 999), r.randint(0, 99), r.randint(0, 999), r.randint(0, 9))
    elif st == "WA":
        v = "WDL" + "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ0123456789") for _ in range(9))
    elif st == "IL":
        v = "%s%03d-%04d-%04d" % (r.choice(L_), r.randint(0, 999), r.randint(0, 9999), r.randint(0, 9999))
    elif st == "MA":
        v = "S%08d" % r.randint(0, 99999999)
    elif st == "MI":
        v = "%s %03d %03d %03d %03d" % (r.choice(L_), r.randint(0, 999), r.randint(0, 999), r.randint(0, 999), r.randint(0, 999))
    elif st == "NJ":
        v = "%s%04d %05d %05d" % (r.choice(L_), r.randint(0, 9999), r.randint(0, 99999), r.randint(0, 99999))
    else:
        v = r.choice(L_) + "%08d" % r.randint(0, 99999999)
    return st, v


def luhn_digit(partial):
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    num = re.sub(r"\D", "", num)
    return luhn_digit(num[:-1]) == num[-1]


TEST_CARDS = {"4111111111111111", "4242424242424242", "5555555555554444", "378282246310005",
              "6011111111111117", "4012888888881881", "5105105105105100", "371449635398431",
              "4000056655665556", "2223003122003222", "4000000000000002", "4000000000009995"}


def card(r, brand=None, style="space"):
    brand = brand or r.choice(["visa", "visa", "mc", "amex", "disc"])
    while True:
        if brand == "visa":
            part = "4" + "".join(str(r.randint(0, 9)) for _ in range(14))
        elif brand == "mc":
            part = "5" + str(r.randint(1, 5)) + "".join(str(r.randint(0, 9)) for _ in range(13))
        elif brand == "amex":
            part = "3" + r.choice("47") + "".join(str(r.randint(0, 9)) for _ in range(12))
        else:
            part = "6011" + "".join(str(r.randint(0, 9)) for _ in range(11))
        n = part + luhn_digit(part)
        if n not in TEST_CARDS:
            break
    if style == "plain":
        return n
    sep = " " if style == "space" else "-"
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def card_bad(r):
    """Luhn-invalid 16-digit number."""
    part = "4" + "".join(str(r.randint(0, 9)) for _ in range(14))
    good = luhn_digit(part)
    bad = str((int(good) + r.randint(1, 9)) % 10)
    n = part + bad
    return " ".join(n[i:i + 4] for i in range(0, 16, 4))


def gtin14(r):
    body = "0" + "".join(str(r.randint(0, 9)) for _ in range(12))
    s = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - s % 10) % 10)


def gtin_ok(g):
    s = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(g[:-1])))
    return str((10 - s % 10) % 10) == g[-1]


DEVICES = [  # kind, maker, model, serial prefix
    ("pacemaker", "Medtronic", "Azure XT DR MRI W1DR01", "RNB"),
    ("pacemaker", "Abbott", "Assurity MRI PM2272", "SA"),
    ("pacemaker", "Boston Scientific", "ACCOLADE MRI L331", "BS"),
    ("icd", "Medtronic", "Cobalt XT DR DDPA2D1", "PZX"),
    ("icd", "Biotronik", "Rivacor 7 VR-T DX", "BT"),
    ("insulin pump", "Medtronic", "MiniMed 780G MMT-1886", "NG"),
    ("insulin pump", "Tandem", "t:slim X2", "TS"),
    ("insulin pump", "Insulet", "Omnipod 5 PDM", "OP"),
    ("CGM", "Dexcom", "G7 sensor", "DX"),
    ("neurostimulator", "Medtronic", "Percept PC B35200", "NWB"),
    ("loop recorder", "Medtronic", "LINQ II LNQ22", "RLB"),
    ("cochlear implant", "Cochlear", "Nucleus CI632", "CI"),
]


def device_serial(r, prefix):
    return prefix + "%06d" % r.randint(0, 999999) + r.choice("HSGRKV")


def lot(r):
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + "%05d" % r.randint(0, 99999)


def udi(r, serial, exp=None, gt=None, with_lot=True):
    gt = gt or gtin14(r)
    exp = exp or date(2027 + r.randint(0, 3), r.randint(1, 12), r.randint(1, 28))
    s = f"(01){gt}(17){exp:%y%m%d}"
    if with_lot:
        s += f"(10){lot(r)}"
    return s + f"(21){serial}"


def mrn(r, style=None):
    style = style or r.choice(["n8", "n7", "e", "dash", "n9", "m"])
    return {"n8": "%08d" % r.randint(10000000, 99999999), "n7": "%07d" % r.randint(1000000, 9999999),
            "e": "E%07d" % r.randint(1000000, 9999999), "dash": "%03d-%02d-%02d" % (r.randint(100, 999), r.randint(0, 99), r.randint(0, 99)),
            "n9": "%09d" % r.randint(100000000, 999999999), "m": "M%08d" % r.randint(10000000, 99999999)}[style]


def acct(r):
    return r.choice(["%010d" % r.randint(4000000000, 4999999999), "HAR%09d" % r.randint(1, 999999999),
                     "%d" % r.randint(30000000, 39999999), "A%08d" % r.randint(0, 99999999)])


def visit(r):
    return r.choice(["V%09d" % r.randint(1, 999999999), "%010d" % r.randint(7000000000, 7999999999),
                     "FIN%08d" % r.randint(1, 99999999), "ENC-%07d" % r.randint(1, 9999999)])


def claim_no(r):
    return r.choice(["%d%03d%07d" % (r.randint(20, 26), r.randint(1, 365), r.randint(0, 9999999)),
                     "CLM%010d" % r.randint(0, 9999999999), "%013d" % r.randint(1, 9999999999999),
                     "E%02d%09d" % (r.randint(24, 26), r.randint(0, 999999999))])


def member_id(r):
    return r.choice([
        "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "%09d" % r.randint(0, 999999999),
        "W%09d" % r.randint(0, 999999999), "%d%02d" % (r.randint(100000000, 999999999), r.randint(0, 99)),
        "MBR%08d" % r.randint(0, 99999999), "U%08d%02d" % (r.randint(0, 99999999), r.randint(1, 3)),
        "ZGP%09d" % r.randint(0, 999999999)])


def medicaid(r):
    return r.choice(["%08d%s" % (r.randint(90000000, 99999999), r.choice("ABCDEFGHJ")),
                     "%s%s%05d%s" % (r.choice("ABCDEFGHJK"), r.choice("ABCDEFGHJK"), r.randint(0, 99999), r.choice("ABCDEFGHJK"))])


def group_no(r):
    return r.choice(["%06d" % r.randint(0, 999999), "GRP-%05d" % r.randint(0, 99999), "%d-%03d" % (r.randint(100, 999), r.randint(0, 999))])


def npi(r):
    """NPI with a valid Luhn over 80840 prefix."""
    while True:
        base = str(r.choice([1, 2])) + "".join(str(r.randint(0, 9)) for _ in range(8))
        n = base + luhn_digit("80840" + base)
        if n != "1234567893":
            return n


def ip_public(r):
    first = r.choice([24, 50, 67, 68, 69, 71, 73, 75, 76, 96, 97, 98, 99, 107, 108, 174, 184, 209])
    return "%d.%d.%d.%d" % (first, r.randint(1, 254), r.randint(0, 255), r.randint(1, 254))


def ip6_public(r):
    return "2601:%x:%x:%x:%x:%x:%x:%x" % tuple(r.randint(0x100, 0xffff) for _ in range(7))


def ip_private(r):
    k = r.randint(0, 2)
    if k == 0:
        return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
    if k == 1:
        return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254))
    return "192.168.%d.%d" % (r.randint(0, 255), r.randint(1, 254))


def uuid(r):
    h = "%032x" % r.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


MAIL = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "proton.me", "comcast.net",
        "aol.com", "att.net", "verizon.net", "me.com", "sbcglobal.net"]


def email_of(r, p):
    g = re.sub(r"[^a-z]", "", fold(p.given).lower().split(" ")[0]) or "x"
    f = re.sub(r"[^a-z]", "", fold(p.family).lower()) or "y"
    local = r.choice([f"{g}.{f}", f"{g}{f}{p.dob.year % 100:02d}", f"{g[0]}{f}{r.randint(1, 99)}",
                      f"{f}.{g}{p.dob.year}", f"{g}_{f}", f"{g}{r.randint(100, 999)}", f"{f}{g[0]}.{p.dob.month:02d}"])
    return f"{local}@{r.choice(MAIL)}"


CITIES = [("Oakland", "CA", "946"), ("Fremont", "CA", "945"), ("Daly City", "CA", "940"), ("Stockton", "CA", "952"),
          ("Dorchester", "MA", "021"), ("Quincy", "MA", "021"), ("Cicero", "IL", "608"), ("Evanston", "IL", "602"),
          ("Kent", "WA", "980"), ("Tukwila", "WA", "981"), ("Beaverton", "OR", "970"), ("Gresham", "OR", "970"),
          ("Pasadena", "TX", "775"), ("Sugar Land", "TX", "774"), ("Hialeah", "FL", "330"), ("Kissimmee", "FL", "347"),
          ("Flushing", "NY", "113"), ("Yonkers", "NY", "107"), ("Paterson", "NJ", "075"), ("Dearborn", "MI", "481"),
          ("Lakewood", "CO", "802"), ("Mesa", "AZ", "852"), ("Henderson", "NV", "890"), ("Hilo", "HI", "967"),
          ("St. Paul", "MN", "551"), ("Decatur", "GA", "300"), ("Brockton", "MA", "023"), ("Lowell", "MA", "018")]
STREETS = ["Alder Creek Rd", "Marlowe Ave", "N Kedzie Ave", "Pacific Hwy S", "Bayshore Blvd", "Linden St",
           "Old Mill Rd", "E 14th St", "Brookhaven Dr", "Quarry Ln", "Saint Ann St", "Wildrose Ct",
           "Harbor View Ter", "Kamehameha Ave", "Cedar Bluff Way", "Tremont St", "Orchard Park Rd",
           "Mission Blvd", "Del Paso Blvd", "Oakmont Pkwy", "W Lawrence Ave", "Magnolia Dr", "Fenwick Pl",
           "Sycamore Hollow Rd", "Bergen Blvd", "Juniper Ridge Ln", "S Normandie Ave", "Keeaumoku St"]


class Addr:
    def __init__(self, r, unit=None):
        self.num = str(r.randint(12, 9899))
        self.street = r.choice(STREETS)
        self.unit = unit if unit is not None else (r.choice(["Apt 3B", "Unit 12", "#407", "Apt. 2", "Apt 1104", "Unit C", "#2R", "Apt 5F", "Fl 2"]) if r.random() < 0.6 else "")
        self.city, self.state, zp = r.choice(CITIES)
        self.zip = zp + "%02d" % r.randint(1, 99)
        if r.random() < 0.2:
            self.zip += "-%04d" % r.randint(1, 9999)

    @property
    def line(self):
        return f"{self.num} {self.street}" + (f", {self.unit}" if self.unit else "")

    @property
    def line_nounit(self):
        return f"{self.num} {self.street}"

    def parts(self, sep=", "):
        """street line, city, state, zip as labelled parts: '12 X St, Apt 1, City, ST 94601'."""
        return [P(self.line, "street_address"), sep, P(self.city, "street_address"), sep,
                D(self.state, "street_address"), " ", P(self.zip, "zip_code")]

    def upper_parts(self):
        return [P(fold(self.line).upper(), "street_address"), ", ", P(self.city.upper(), "street_address"), ", ",
                D(self.state, "street_address"), " ", P(self.zip, "zip_code")]

    def hl7(self):
        """XAD: street^other^city^state^zip^country^H."""
        return [P(fold(self.line_nounit).upper(), "street_address"), "^",
                P(self.unit.upper(), "street_address") if self.unit else "", "^",
                P(self.city.upper(), "street_address"), "^", D(self.state, "street_address"), "^",
                P(self.zip, "zip_code"), "^USA^H"]


FACILITIES = ["Lakeshore Health", "Mercy Ridge Medical Center", "Cascade Valley Hospital", "Sunfield Community Health",
              "Riverbend Medical Group", "Palisade Heart Institute", "Kittredge Memorial Hospital",
              "Oak Hollow Family Practice", "Northgate Clinics", "Bayview Community Hospital"]
ORG_DOMAINS = ["example-health.org", "lakeshorehealth.org", "mercyridge.org", "cascadevalleyhealth.org", "sunfieldhealth.org",
               "riverbendmed.com", "palisadeheart.org", "kittredgememorial.org"]
PAYERS = [("Blue Shield of California", "800-393-6130"), ("Aetna Better Health", "800-279-1878"),
          ("UnitedHealthcare Community Plan", "866-633-2446"), ("Kaiser Permanente", "800-464-4000"),
          ("Cigna Healthcare", "800-997-1654"), ("Humana Gold Plus", "800-457-4708"),
          ("Medicare Part B", "800-633-4227"), ("Molina Healthcare", "888-665-4621"),
          ("Anthem Blue Cross", "800-676-2583"), ("Tufts Health Plan", "800-462-0224")]


def dom_of(r):
    """One organisation per document (its mail domain, portal host, ...)."""
    d = getattr(r, "_dom", None)
    if d is None:
        d = r._dom = ORG_DOMAINS[r.randint(0, len(ORG_DOMAINS) - 1)]
    return d


def fac(r):
    return D(r.choice(FACILITIES), "facility")


def staff(r, culture=None):
    return Person(r, culture, age=r.randint(28, 64))


def handle(p):
    return fold(p.given.split(" ")[0]).lower().replace("'", "") + "." + re.sub(r"[^a-z]", "", fold(p.family).lower())


def staff_mail(p, domain):
    return D(f"{handle(p)}@{domain}", "staff_contact")


# --------------------------------------------------------------------------- dates

MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]


def fd(d, style):
    return {
        "us": f"{d.month:02d}/{d.day:02d}/{d.year}", "us1": f"{d.month}/{d.day}/{d.year}",
        "us2": f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}", "iso": d.isoformat(),
        "hl7": f"{d:%Y%m%d}", "dmon": f"{d.day:02d} {MON[d.month - 1]} {d.year}",
        "mond": f"{MON[d.month - 1]} {d.day}, {d.year}", "long": f"{MONTH[d.month - 1]} {d.day}, {d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}", "ora": f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year}",
        "ora2": f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year % 100:02d}", "dash_us": f"{d.month:02d}-{d.day:02d}-{d.year}",
        "dmy": f"{d.day}/{d.month}/{d.year}", "monyy": f"{MON[d.month - 1]}-{d.day:02d}-{d.year}",
    }[style]


DSTYLES = ["us", "us1", "iso", "dmon", "mond", "long", "us2", "dash_us", "monyy"]


def rdate(r, a, b):
    return a + timedelta(days=r.randint(0, (b - a).days))


def recent(r, days_back=120, days_fwd=0):
    return rdate(r, TODAY - timedelta(days=days_back), TODAY + timedelta(days=days_fwd))


def hl7ts(r, d, secs=False):
    t = f"{d:%Y%m%d}{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
    return t + (f"{r.randint(0, 59):02d}" if secs else "")


def clock(r):
    return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"


def tick(r, max_s=90):
    """A per-document clock for log lines, moving forward."""
    t = getattr(r, "_clk", None)
    if t is None:
        d = recent(r, 30)
        t = datetime(d.year, d.month, d.day, r.randint(0, 20), r.randint(0, 59), r.randint(0, 59))
    t = t + timedelta(seconds=r.randint(0, max_s), milliseconds=r.randint(0, 999))
    r._clk = t
    return t


def stamp(r, d=None, ms=True):
    if d is not None:
        s = f"{d.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        return s + (f",{r.randint(0, 999):03d}" if ms else "")
    t = tick(r)
    s = t.strftime("%Y-%m-%d %H:%M:%S")
    return s + (f",{t.microsecond // 1000:03d}" if ms else "")


def ticket_key(r, proj=None):
    return f"{proj or r.choice(['INTG', 'HL7', 'EHRSUP', 'REV', 'PORTAL', 'DATA', 'CDS', 'PLAT'])}-{r.randint(120, 9800)}"


def seg(name, fields):
    """HL7 segment from {index: parts}; returns a parts list ending in a newline-free string."""
    n = max(fields) if fields else 0
    out = [name]
    for i in range(1, n + 1):
        out.append("|")
        v = fields.get(i)
        if v is not None:
            out.extend(flat(v))
    return out


def xtn(parts, use="PRN", equip="PH"):
    a, e, n = parts
    return ["^", use, "^", equip, "^^1^", P(a, "phone"), "^", P(e + n, "phone")]


def xtn_old(parts, use="PRN", equip="PH"):
    return [P(fmt_phone(parts, "tight"), "phone"), "^", use, "^", equip]


def xcn(r, s):
    return [D(npi(r), "other_id"), "^", D(s.hl7_2, "person_name"), "^^^^MD"]


# --------------------------------------------------------------------------- registry and layouts

TEMPLATES = collections.OrderedDict((f, []) for f in PHI_FAMILIES + CLEAN_FAMILIES)


def tpl(family):
    def deco(fn):
        TEMPLATES[family].append(fn)
        return fn
    return deco


FAC_CODES = ["LKSH", "MRMC", "CVH", "SFCH", "RBMG", "KMH", "NGC", "BVCH"]
AMPM = ["AM", "PM"]


def jfmt(t):
    h = t.hour % 12 or 12
    return f"{t.day:02d}/{MON[t.month - 1]}/{t.year % 100:02d} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def jdate(r, d=None):
    """Ticket clock: the first call opens the ticket, later calls move forward."""
    t = getattr(r, "_jclk", None)
    if t is None:
        day = d or (TODAY - timedelta(days=r.randint(2, 12)))
        t = datetime(day.year, day.month, day.day, r.randint(7, 18), r.randint(0, 59))
    else:
        t = t + timedelta(minutes=r.randint(12, 26 * 60))
    r._jclk = t
    return jfmt(t)


def jira_head(r, d, layout, key, summary, rep, asg, typ="Bug", comp=None, labels=None):
    pri = r.choice(["Major", "Critical", "High", "Medium", "P2", "P3"])
    comp = comp or r.choice(["Interfaces", "ADT inbound", "Results outbound", "Integration Engine", "Registration"])
    st = r.choice(["In Progress", "Open", "Waiting for Support", "In Review", "To Do"])
    cr = jdate(r)
    if layout == "wiki":
        d.f("h2. ⟦k⟧ ⟦s⟧\n*Type:* ⟦t⟧ | *Priority:* ⟦p⟧ | *Status:* ⟦st⟧ | *Component/s:* ⟦c⟧\n"
            "*Reporter:* [~⟦rh⟧] | *Assignee:* [~⟦ah⟧]\n*Created:* ⟦cr⟧"
            + (" | *Labels:* " + " ".join(labels) if labels else "") + "\n----\nh3. Description\n",
            k=key, s=summary, t=typ, p=pri, st=st, c=comp, rh=D(handle(rep), "person_name"),
            ah=D(handle(asg), "person_name"), cr=cr)
    elif layout == "md":
        d.f("# [⟦k⟧] ⟦s⟧\n\n| Field | Value |\n|---|---|\n| Type | ⟦t⟧ |\n| Priority | ⟦p⟧ |\n| Status | ⟦st⟧ |\n"
            "| Reporter | ⟦rn⟧ |\n| Assignee | ⟦an⟧ |\n| Created | ⟦cr⟧ |\n\n## Description\n\n",
            k=key, s=summary, t=typ, p=pri, st=st, rn=sn(rep), an=sn(asg), cr=cr)
    elif layout == "mail":
        d.f("[JIRA] (⟦k⟧) ⟦s⟧\n\n⟦rn⟧ created ⟦t⟧ ⟦k⟧\n---------------------------------------------\n"
            "  Issue Type: ⟦t⟧\n  Assignee: ⟦an⟧\n  Components: ⟦c⟧\n  Created: ⟦cr⟧\n  Priority: ⟦p⟧\n  Reporter: ⟦rn2⟧\n\n",
            k=key, s=summary, t=typ, p=pri, c=comp, rn=sn(rep), rn2=sn(rep), an=sn(asg), cr=cr)
    else:  # html
        d.f("<h1 id=\"summary-val\">⟦k⟧ ⟦s⟧</h1>\n<table class=\"issue-fields\">\n<tr><th>Type</th><td>⟦t⟧</td></tr>\n"
            "<tr><th>Priority</th><td>⟦p⟧</td></tr>\n<tr><th>Reporter</th><td><a class=\"user-hover\" rel=\"⟦rh⟧\">⟦rn⟧</a></td></tr>\n"
            "<tr><th>Assignee</th><td><a class=\"user-hover\" rel=\"⟦ah⟧\">⟦an⟧</a></td></tr>\n</table>\n<div class=\"user-content-block\">\n",
            k=key, s=summary, t=typ, p=pri, rh=D(handle(rep), "person_name"), rn=sn(rep),
            ah=D(handle(asg), "person_name"), an=sn(asg))


def jira_tail(d, layout):
    if layout == "html":
        d.add("</div>\n")


def code_open(r, layout, title=None):
    if layout == "wiki":
        return r.choice(["{code}\n", "{noformat}\n", "{code:title=%s}\n" % (title or "message.hl7")])
    if layout == "md":
        return r.choice(["```\n", "```hl7\n", "```text\n"])
    if layout == "html":
        return "<pre>"
    return "\n"


def code_close(open_):
    if open_.startswith("{noformat}"):
        return "\n{noformat}\n"
    if open_.startswith("{code"):
        return "\n{code}\n"
    if open_.startswith("```"):
        return "\n```\n"
    if open_ == "<pre>":
        return "</pre>\n"
    return "\n\n"


def para(layout, text):
    if layout == "html":
        return "<p>" + text + "</p>\n"
    return text + "\n\n"


def jira_comment(r, d, layout, who, when=None):
    when = when or jdate(r)
    if layout == "wiki":
        d.f("----\n*[~⟦h⟧]* added a comment - ⟦w⟧\n", h=D(handle(who), "person_name"), w=when)
    elif layout == "md":
        d.f("\n**⟦n⟧** commented · ⟦w⟧\n\n", n=sn(who), w=when)
    elif layout == "html":
        d.f("<div class=\"activity-comment\"><p><b>⟦n⟧</b> added a comment - ⟦w⟧</p>\n", n=sn(who), w=when)
    else:
        d.f("\n⟦n⟧ commented on the issue (⟦w⟧):\n", n=sn(who), w=when)


def jira_comment_end(d, layout):
    d.add("</div>\n" if layout == "html" else "\n")


def amp(layout):
    return "^~\\&amp;" if layout == "html" else "^~\\&"


def msh(r, layout, typ, ts, ctl=None, app="EPIC", fac_code="LKSH", rcv="MIRTH", ver="2.5.1"):
    ctl = ctl or "%d" % r.randint(10000000, 99999999)
    return ["MSH|", amp(layout), f"|{app}|{fac_code}|{rcv}|{fac_code}_HUB|", D(ts, "date"), f"||{typ}|{ctl}|P|{ver}"]


def evn(code, ts, op=None):
    out = ["EVN|", code, "|", D(ts, "date")]
    if op is not None:
        out += ["|||", D(op.hl7_2, "person_name")]
    return out


def pid(r, p, mrn_v, fac_code="LKSH", addr=None, ssn_v=None, dl_v=None, acct_v=None, home=None,
        fax=None, mail=None, work=None, death=None, old_xtn=False, extra_ids=None, mother=None):
    f = {1: "1"}
    ids = [P(mrn_v, "mrn"), f"^^^{fac_code}^MR"]
    if extra_ids:
        ids += extra_ids
    f[3] = ids
    f[5] = [nm(p, "hl7"), "^^", D("MRS" if p.sex == "F" else "MR", "title")] if r.random() < 0.2 else nm(p, "hl7")
    if mother is not None:
        f[6] = mother
    f[7] = P(fd(p.dob, "hl7"), "date")
    f[8] = p.sex
    if addr:
        f[11] = addr.hl7()
    tel = []
    if home:
        tel.append(xtn_old(home) if old_xtn else xtn(home))
    if fax:
        tel.append(xtn(fax, "PRN", "FX"))
    if mail:
        tel.append(["^NET^Internet^", P(mail, "email")])
    if tel:
        out = []
        for i, t in enumerate(tel):
            if i:
                out.append("~")
            out += t
        f[13] = out
    if work:
        f[14] = xtn(work, "WPN")
    f[15] = "ENG"
    if acct_v:
        f[18] = [P(acct_v, "account_number"), f"^^^{fac_code}^AN"]
    if ssn_v:
        f[19] = P(ssn_v, "ssn")
    if dl_v:
        st, num, exp = dl_v
        f[20] = [P(num.replace(" ", "").replace("-", ""), "license_number"), "^", D(st, "street_address"), "^", D(fd(exp, "hl7"), "date")]
    if death:
        f[29] = P(death, "date")
        f[30] = "Y"
    return seg("PID", f)


def pv1(r, cls, loc, att, visit_v=None, admit=None, disch=None, fac_code="LKSH"):
    f = {1: "1", 2: cls, 3: loc, 4: r.choice(["E", "R", "U", "EL"]), 7: xcn(r, att),
         10: r.choice(["MED", "CAR", "EDM", "SUR", "ONC", "GER"])}
    if visit_v:
        f[19] = [P(visit_v, "account_number"), f"^^^{fac_code}^VN"]
    f[20] = r.choice(["SP", "MC", "CO", "MA"])
    if admit:
        f[44] = P(admit, "date")
    if disch:
        f[45] = P(disch, "date")
    return seg("PV1", f)


def in1(r, payer, policy, insured=None, rel="SEL", ins_dob=None, kind="health_plan_id", grp=True, eff=None, ins_addr=None):
    name, ph = payer
    f = {1: "1", 2: r.choice(["BSC01", "AET22", "UHC10", "MCRB", "CIG07", "HUM3", "MOL5", "ANT12"]),
         3: "%d" % r.randint(10000, 99999), 4: name.upper(), 7: ph}
    if grp:
        f[8] = D(group_no(r), "other_id")
    f[12] = D(fd(eff or date(2026, 1, 1), "hl7"), "date")
    if insured is not None:
        f[16] = nm(insured, "hl7")
        f[17] = rel
        f[18] = P(fd(ins_dob or insured.dob, "hl7"), "date")
        if ins_addr is not None:
            f[19] = ins_addr.hl7()
    f[36] = P(policy, kind)
    return seg("IN1", f)


def obx(i, vt, code, value, units="", status="F", ts=None):
    f = {1: str(i), 2: vt, 3: code, 5: value, 6: units, 11: status}
    if ts is not None:
        f[14] = ts
    return seg("OBX", f)


def nl(parts_list):
    """Join segments with newlines."""
    out = []
    for i, s in enumerate(parts_list):
        if i:
            out.append("\n")
        out += flat(s)
    return out


def mllp_log(r, n, host=None, channel=None):
    host = host or ip_private(r)
    channel = channel or r.choice(["ADT_IN_EPIC", "ORU_OUT_LAB", "SIU_TELEHEALTH", "DFT_BILLING", "ADT_TO_PAS"])
    lines = []
    for _ in range(n):
        k = r.randint(0, 7)
        ts = stamp(r)
        if k == 0:
            lines.append(f"{ts} INFO  [{channel}-src-{r.randint(1, 4)}] MllpReceiver: connection accepted from {host}:{r.randint(40000, 65000)}")
        elif k == 1:
            lines.append(f"{ts} DEBUG [{channel}-dst] Writer: sent {r.randint(800, 4000)} bytes, ack wait {r.randint(3, 90)} ms")
        elif k == 2:
            lines.append(f"{ts} INFO  [pool-{r.randint(1, 9)}-thread-{r.randint(1, 40)}] MessageRouter: msgId={uuid(r)} status=SENT")
        elif k == 3:
            lines.append(f"{ts} WARN  [{channel}-queue] QueueManager: depth={r.randint(10, 900)} threshold=500")
        elif k == 4:
            lines.append(f"{ts} INFO  [{channel}-dst] AckProcessor: MSA|AA|{r.randint(10000000, 99999999)} from {ip_private(r)}:{r.choice([6661, 6662, 7001, 2575])}")
        elif k == 5:
            lines.append(f"{ts} DEBUG [Heartbeat] ChannelMonitor: {channel} received={r.randint(1000, 90000)} filtered={r.randint(0, 900)} errored={r.randint(0, 9)}")
        elif k == 6:
            lines.append(f"{ts} INFO  [JobScheduler] Pruner: removed {r.randint(100, 5000)} messages older than 30 days (took {r.randint(100, 9999)} ms)")
        else:
            lines.append(f"{ts} TRACE [{channel}-src-1] Parser: segment count={r.randint(5, 40)} version=2.5.1 hash={hexs(r, 12)}")
    return "\n".join(lines)


# =========================================================================== jira_hl7

@tpl("jira_hl7")
def t_hl7_pid19_ssn_dl(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail", "html"])
    p, a, rep, asg = Person(r), Addr(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    ss = ssn(r)
    st, num = dl(r, a.state)
    home, fax, work = phone_parts(r), phone_parts(r), phone_parts(r)
    mail = email_of(r, p)
    m, ac, vn = mrn(r), acct(r), visit(r)
    adm = recent(r, 20)
    pol = member_id(r)
    jira_head(r, d, layout, ticket_key(r, "INTG"),
              r.choice(["PID-19 with hyphens makes PAS reject the A04", "A04 NAK'd by PAS: PID-19 length > 9",
                        "Registration feed: SSN format breaks downstream, DL in PID-20 ignored"]), rep, asg)
    d.add(para(layout, r.choice([
        "Since Tuesday's transformer release, every A04 where registration typed the SSN with dashes comes back AR from PAS. Prod example below, pulled from the error queue.",
        "PAS rejects the registration when PID-19 contains hyphens. Here's the failing message straight from the Mirth error queue (prod, needed it to reproduce).",
        "Registration at the front desk sends PID-19 as entered. PAS wants 9 digits. Failing message:"])))
    ts = hl7ts(r, adm, True)
    o = code_open(r, layout)
    d.add(o)
    d.add(nl([msh(r, layout, "ADT^A04^ADT_A01", ts, fac_code=fc),
              evn("A04", ts, staff(r)),
              pid(r, p, m, fc, a, ss, (st, num, date(2029 + r.randint(0, 3), p.dob.month, min(p.dob.day, 28))), ac, home, fax, mail, work),
              pv1(r, "O", "ADMREG^^^" + fc, staff(r), vn, hl7ts(r, adm), fac_code=fc),
              in1(r, r.choice(PAYERS), pol)]))
    d.add(code_close(o))
    d.f("ACK from PAS:\n" + ("{noformat}\n" if layout == "wiki" else "") + "MSA|AR|⟦c⟧|PID-19 value '⟦s⟧' exceeds length 9\nERR|^^^101&Required field missing&HL70357|PID^1^19\n"
        + ("{noformat}\n" if layout == "wiki" else "") + "\n", c=str(r.randint(10000000, 99999999)), s=P(ss, "ssn"))
    jira_comment(r, d, layout, asg)
    d.f(para(layout, "Repro'd in TEST. Transformer now strips non-digits so ⟦s1⟧ goes out as ⟦s2⟧. While I was in there: "
             "PID-20 (⟦dl⟧, ⟦st⟧) and the fax repetition in PID-13 (⟦fx⟧) are dropped by the PAS mapping, but that's by design per the interface spec."),
        s1=P(ss, "ssn"), s2=P(ss.replace("-", ""), "ssn"), dl=P(num.replace(" ", "").replace("-", ""), "license_number"),
        st=D(st, "street_address"), fx=P(fmt_phone(fax, "paren"), "phone"))
    jira_comment_end(d, layout)
    jira_comment(r, d, layout, rep)
    d.add(para(layout, r.choice(["Thanks. Please scrub the example from the ticket once merged.", "LGTM, deploying Thursday night.",
                                 "Can we also check the A08 path? Same field."])))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {"crlf": r.random() < 0.2}


@tpl("jira_hl7")
def t_hl7_oru_idc_device(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail", "html"])
    p, rep, asg = Person(r, age=r.randint(55, 97)), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("pacemaker", "icd", "loop recorder")])
    ser = device_serial(r, pre)
    imp = rdate(r, date(2016, 1, 1), date(2025, 12, 1))
    obs = recent(r, 15)
    m = mrn(r)
    ts = hl7ts(r, obs, True)
    obs_ts = hl7ts(r, obs)
    jira_head(r, d, layout, ticket_key(r, "HL7"),
              r.choice(["Remote interrogation ORU: device serial lands in wrong OBX", "IDC ORU from device vendor: implant date parsed as observation date",
                        "Device clinic ORU^R01 rejected - MDC_IDC_DEV_SERIAL longer than 10"]), rep, asg, comp="Device integration")
    d.add(para(layout, f"The {maker} remote monitoring feed sends IEEE 11073 IDC observations. After the vendor upgrade the serial number comes through as OBX-5 of the model row, so the device clinic flowsheet shows the model twice. Message that failed this morning:"))
    o = code_open(r, layout)
    d.add(o)
    rows = [msh(r, layout, "ORU^R01^ORU_R01", ts, app="PACEART", fac_code=fc, rcv="EPIC"),
            pid(r, p, m, fc),
            seg("OBR", {1: "1", 3: "%d" % r.randint(100000, 999999), 4: "753738^MDC_IDC_ENUM_SESS_TYPE_REMOTE^MDC", 7: P(obs_ts, "date")}),
            obx(1, "ST", "720897^MDC_IDC_DEV_MDL^MDC", model, ts=P(obs_ts, "date")),
            obx(2, "ST", "720898^MDC_IDC_DEV_SERIAL^MDC", P(ser, "device_id"), ts=P(obs_ts, "date")),
            obx(3, "ST", "720899^MDC_IDC_DEV_MFG^MDC", maker.upper()),
            obx(4, "DTM", "720900^MDC_IDC_DEV_IMPLANT_DT^MDC", P(fd(imp, "hl7"), "date"), ts=P(obs_ts, "date")),
            obx(5, "NM", "720969^MDC_IDC_MSMT_BATTERY_VOLTAGE^MDC", "%.2f" % (r.uniform(2.7, 3.2)), "V"),
            obx(6, "NM", "737480^MDC_IDC_STAT_BRADY_RA_PERCENT_PACED^MDC", str(r.randint(1, 99)), "%")]
    d.add(nl(rows))
    d.add(code_close(o))
    d.f(para(layout, "Flowsheet (Device Clinic > Remote) shows Model = ⟦mo⟧ and Serial = ⟦mo2⟧ instead of ⟦s⟧. Implant date also shifted to ⟦od⟧."),
        mo=model, mo2=model, s=P(ser, "device_id"), od=P(fd(obs, "us"), "date"))
    jira_comment(r, d, layout, asg)
    d.f(para(layout, "Vendor changed OBX-3 ordering. Our mapping keyed on set id instead of the MDC code. Fixed in channel `IDC_ORU_IN` v⟦v⟧, reprocessed the 14 messages from the error queue including ⟦pt⟧ (MRN ⟦m⟧)."),
        v="%d.%d.%d" % (r.randint(1, 4), r.randint(0, 20), r.randint(0, 9)), pt=nm(p, "lf"), m=P(m, "mrn"))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_a08_mbi(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail"])
    p, a, rep, asg = Person(r, age=r.randint(66, 99)), Addr(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    mb = mbi(r)
    m, ac = mrn(r), acct(r)
    ts = hl7ts(r, recent(r, 10), True)
    ss = ssn(r, "plain")
    jira_head(r, d, layout, ticket_key(r, "REV"),
              r.choice(["A08 Medicare update: IN1-36 MBI rejected by eligibility", "MBI validation fails on A08 when dashes present",
                        "Eligibility 270 built from A08 carries wrong member id"]), rep, asg, comp="Patient Access")
    d.add(para(layout, "Patient access updated the Medicare coverage on an existing account; the A08 went out, the eligibility engine built the 270 and the clearinghouse answered AAA*N**72 (invalid member id). Message:"))
    o = code_open(r, layout)
    d.add(o)
    d.add(nl([msh(r, layout, "ADT^A08^ADT_A01", ts, fac_code=fc),
              evn("A08", ts),
              pid(r, p, m, fc, a, ssn_v=ss, acct_v=ac, home=phone_parts(r)),
              in1(r, ("Medicare Part A", "800-633-4227"), mb, kind="medicare_mbi", grp=False,
                  insured=p, eff=date(2026, r.randint(1, 11), 1))]))
    d.add(code_close(o))
    d.f(para(layout, "Note the spec's sample MBI is the CMS one (1EG4-TE5-MK73) and passes our regex; the real value above is ⟦mb⟧ and also passes, so the regex is not the problem. Looks like the 270 builder reads IN1-49 instead of IN1-36."),
        mb=P(mb, "medicare_mbi"))
    jira_comment(r, d, layout, asg)
    d.f(para(layout, "Confirmed: IN1-49 is empty and the builder falls back to PID-19 (⟦s⟧). So we sent the SSN as member id. Patch in review."),
        s=P(ss, "ssn"))
    jira_comment_end(d, layout)
    if r.random() < 0.5:
        jira_comment(r, d, layout, rep)
        d.f(para(layout, "Ugh. Age ⟦ag⟧, been a Medicare patient with us for years - please re-run eligibility for ⟦n⟧ after the fix so the claim for the ⟦dt⟧ visit goes out."),
            ag=P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), n=nm(p, "full"), dt=P(fd(recent(r, 30), "us1"), "date"))
        jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_a03_death(r):
    d, layout = Doc(), r.choice(["wiki", "md", "html"])
    p, a, rep, asg = Person(r, age=r.randint(90, 104)), Addr(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    m, vn = mrn(r), visit(r)
    adm = recent(r, 25)
    dth = adm + timedelta(days=r.randint(1, 9))
    dts = hl7ts(r, dth)
    ts = hl7ts(r, dth, True)
    jira_head(r, d, layout, ticket_key(r, "HL7"),
              r.choice(["A03 with PID-30=Y not closing the bed board encounter", "Expired discharge (A03) missing PID-29 in downstream copy",
                        "Death indicator not propagated to the registry feed"]), rep, asg)
    d.add(para(layout, "Downstream registry still shows the patient as inpatient after an expired discharge. The A03 does carry PID-29/30:"))
    o = code_open(r, layout)
    d.add(o)
    d.add(nl([msh(r, layout, "ADT^A03^ADT_A03", ts, fac_code=fc),
              evn("A03", ts),
              pid(r, p, m, fc, a, home=phone_parts(r), death=dts),
              pv1(r, "I", "5E^%d^A^%s" % (r.randint(501, 560), fc), staff(r), vn, hl7ts(r, adm), dts, fac_code=fc),
              seg("PV2", {3: "^Expired"}),
              seg("DG1", {1: "1", 3: [D(r.choice(["I21.4", "J18.9", "N17.9", "I63.9", "C34.90"]), "diagnosis_code"), "^^I10"], 5: P(hl7ts(r, adm), "date"), 6: "A"})]))
    d.add(code_close(o))
    d.f(para(layout, "Registry channel filter `pv1_45_present && pid_30 != 'Y'` — wrong operator. The patient (⟦n⟧, ⟦ag⟧ y/o, died ⟦dd⟧) is still on the census list the ⟦u⟧ charge nurse sees."),
        n=nm(p, "full"), ag=P(str(p.age), "age_over_89"), dd=P(fd(dth, "us1"), "date"), u=r.choice(["5 East", "4W", "MICU", "Telemetry"]))
    jira_comment(r, d, layout, asg)
    d.add(para(layout, "Fixed the filter and replayed the A03. Census cleared. Closing."))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {"crlf": r.random() < 0.3}


@tpl("jira_hl7")
def t_hl7_engine_log_sparse(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail"])
    p, rep, asg = Person(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    m = mrn(r)
    host = ip_private(r)
    ts = hl7ts(r, recent(r, 5), True)
    jira_head(r, d, layout, ticket_key(r, "PLAT"),
              r.choice(["Mirth node 2: ADT_IN_EPIC stalls every ~40 min", "Intermittent MLLP timeouts on ADT inbound after JVM upgrade",
                        "Queue depth alarms on ADT inbound overnight"]), rep, asg, comp="Integration Engine")
    d.add(para(layout, f"Node mirth-prd-02 ({host}) stops acking roughly every 40 minutes. Heap looks fine. Log around the last stall:"))
    o = code_open(r, layout, "mirth.log")
    d.add(o)
    d.add(mllp_log(r, r.randint(25, 45), host))
    d.add("\n" + stamp(r) + " ERROR [ADT_IN_EPIC-src-1] Parser: unable to parse segment 3 of message, raw: ")
    d.add(nl([pid(r, p, m, fc, ssn_v=ssn(r, r.choice(["dash", "plain"])), home=phone_parts(r), old_xtn=True)]))
    d.add("\n" + mllp_log(r, r.randint(15, 30), host))
    d.add(code_close(o))
    d.add(para(layout, "GC logs attached (gc-prd-02.log.gz). Thread dump at the stall shows 32 threads blocked in `MllpReceiver.readFrame`."))
    jira_comment(r, d, layout, asg)
    d.add(para(layout, r.choice(["The parse error is a red herring - one bad message with an unescaped ^ in the street line. Stall is the socket read timeout set to 0 after the JVM upgrade. Set to 30000, watching.",
                                 "Found it: keepalive disabled on the new image. Re-enabled, no stall in 6h. The unparseable PID is unrelated, opened a separate ticket."])))
    jira_comment_end(d, layout)
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_dft_guarantor(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail", "html"])
    p = Person(r, age=r.randint(3, 17))
    g = mk_family(r, p, age=r.randint(30, 55))
    a, rep, asg = Addr(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    m, ac = mrn(r), acct(r)
    dos = recent(r, 40)
    gss = ssn(r, r.choice(["plain", "dash"]))
    ts = hl7ts(r, dos + timedelta(days=1), True)
    gph = phone_parts(r)
    jira_head(r, d, layout, ticket_key(r, "REV"),
              r.choice(["DFT^P03: guarantor SSN copied into patient SSN on the PB account", "GT1 parsed as patient on pediatric charges",
                        "Statements mailed to the child instead of the guarantor"]), rep, asg, comp="Charges")
    d.add(para(layout, "For minors the billing system is taking the guarantor from PID instead of GT1. Example charge message from last week:"))
    o = code_open(r, layout)
    d.add(o)
    cpt = r.choice(["99213", "99392", "90460", "87880", "99214"])
    d.add(nl([msh(r, layout, "DFT^P03", ts, fac_code=fc, rcv="PBBILL"),
              evn("P03", ts),
              pid(r, p, m, fc, a, acct_v=ac, home=gph),
              seg("PV1", {1: "1", 2: "O", 3: "PEDS^^^" + fc, 7: xcn(r, staff(r)), 44: P(hl7ts(r, dos), "date")}),
              seg("FT1", {1: "1", 4: P(fd(dos, "hl7"), "date"), 6: "CG", 7: [D(cpt, "procedure_code"), "^", r.choice(["OFFICE VISIT EST", "WELL CHILD", "STREP RAPID"])], 10: "1",
                          19: [D(r.choice(["J02.0", "Z00.129", "J06.9"]), "diagnosis_code"), "^^I10"]}),
              seg("GT1", {1: "1", 2: "%d" % r.randint(100000, 999999), 3: nm(g, "hl7"), 5: a.hl7(), 6: xtn(gph), 8: P(fd(g.dob, "hl7"), "date"),
                          9: g.sex, 11: "MTH" if g.sex == "F" else "FTH", 12: P(gss, "ssn")})]))
    d.add(code_close(o))
    d.f(para(layout, "PB shows guarantor = ⟦pn⟧ (the patient) and the SSN on the guarantor record is ⟦gs⟧, which belongs to the parent ⟦gn⟧. Statement went to ⟦pn2⟧."),
        pn=nm(p, "full"), gs=P(gss, "ssn"), gn=nm(g, "full"), pn2=nm(p, "full"))
    jira_comment(r, d, layout, asg)
    d.add(para(layout, "GT1 mapping only ran when PID-8 != 'U'. Removed the condition. Will rebuild affected accounts from the DFT archive."))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_mva_acc(r):
    d, layout = Doc(), r.choice(["wiki", "md", "mail"])
    p, a, rep, asg = Person(r, age=r.randint(17, 80)), Addr(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    m, vn = mrn(r), visit(r)
    arr = recent(r, 10)
    ats = hl7ts(r, arr)
    v = vin(r)
    pl = plate(r)
    st, num = dl(r, a.state)
    claim = claim_no(r)
    jira_head(r, d, layout, ticket_key(r, "INTG"),
              r.choice(["ED registration: ACC segment and ZAC (auto insurance) not reaching PAS", "MVA registrations: auto claim # missing on account",
                        "ZAC custom segment breaks the ADT parser in PAS"]), rep, asg)
    d.add(para(layout, "Trauma registration sends ACC plus our custom ZAC with the auto carrier details so PFS can bill the auto policy first. PAS drops both. Example (prod, ED arrival):"))
    o = code_open(r, layout)
    d.add(o)
    d.add(nl([msh(r, layout, "ADT^A04^ADT_A01", hl7ts(r, arr, True), fac_code=fc),
              pid(r, p, m, fc, a, dl_v=(st, num, date(2028, p.dob.month, min(p.dob.day, 28))), home=phone_parts(r)),
              pv1(r, "E", "ED^TR%d^1^%s" % (r.randint(1, 4), fc), staff(r), vn, ats, fac_code=fc),
              ["ACC|", P(ats, "date"), "|MV^Motor vehicle accident^HL70050|", r.choice(["I-880 NB AT 23RD AVE", "HWY 101 SB EXIT 12", "ROUTE 9 AND MAIN ST", "I-94 EB MM 210"]), "|||N"],
              ["ZAC|1|", r.choice(["GEICO", "PROGRESSIVE", "STATE FARM", "ALLSTATE"]), "|", P(claim, "other_id"), "|VIN^", P(v, "vehicle_id"), "|PLATE^", P(pl, "vehicle_id"), "^", D(a.state, "street_address")]]))
    d.add(code_close(o))
    d.f(para(layout, "Expected on the PAS account: auto claim ⟦c⟧, vehicle ⟦vv⟧ (⟦mo⟧). Got nothing. Note the VIN is 17 chars so the ZAC-4 length limit (16) truncates it anyway."),
        c=P(claim, "other_id"), vv=P(v, "vehicle_id"), mo=vin_model(v))
    jira_comment(r, d, layout, asg)
    d.add(para(layout, "PAS profile didn't list ZAC as an allowed Z-segment. Added it and widened ZAC-4 to 20. ACC-1 now maps to the accident date field."))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_siu_portal(r):
    d, layout = Doc(), r.choice(["wiki", "md", "html", "mail"])
    p, rep, asg, prov = Person(r), staff(r), staff(r), staff(r)
    fc = r.choice(FAC_CODES)
    m = mrn(r)
    appt = recent(r, 0, 30)
    mail = email_of(r, p)
    cell = phone_parts(r)
    pid_num = "%d" % r.randint(1000000, 9999999)
    dom = dom_of(r)
    url = f"https://portal.{dom}/patients/{pid_num}/visits/telehealth"
    jira_head(r, d, layout, ticket_key(r, "PORTAL"),
              r.choice(["SIU^S12 for video visits: NTE join link points at patient chart URL", "Telehealth invite email contains chart URL instead of join link",
                        "Video visit reminder sends wrong link"]), rep, asg, comp="Telehealth")
    d.add(para(layout, "Patients get the reminder but the link opens the chart, not the video room. The SIU we send to the reminder vendor:"))
    o = code_open(r, layout)
    d.add(o)
    ts = hl7ts(r, TODAY - timedelta(days=r.randint(1, 5)), True)
    d.add(nl([msh(r, layout, "SIU^S12^SIU_S12", ts, fac_code=fc, rcv="REMINDERS"),
              seg("SCH", {1: "%d" % r.randint(100000, 999999), 6: "^Telehealth", 7: "^VIDEO FOLLOW UP", 11: ["^^20^", P(hl7ts(r, appt), "date")]}),
              ["NTE|1||Join: ", P(url, "url")],
              pid(r, p, m, fc, home=cell, mail=mail),
              seg("AIP", {1: "1", 3: xcn(r, prov), 4: "ATTENDING"})]))
    d.add(code_close(o))
    d.f(para(layout, "The reminder went to ⟦e⟧ and by SMS to ⟦c⟧. The join link should be `https://video.⟦dm⟧/join/{visitToken}`, not ⟦u⟧."),
        e=P(mail, "email"), c=P(fmt_phone(cell, "dash"), "phone"), dm=dom, u=P(url, "url"))
    jira_comment(r, d, layout, asg)
    d.add(para(layout, "The template used `{{patient.chartUrl}}`. Switched to `{{appointment.joinUrl}}`. Vendor will resend reminders for tomorrow's visits."))
    jira_comment_end(d, layout)
    if r.random() < 0.4:
        tech_thread(r, d, layout, r.randint(2, 6))
    jira_tail(d, layout)
    return d, layout, {}


@tpl("jira_hl7")
def t_hl7_short_paste(r):
    """One segment and a sentence."""
    d = Doc()
    p, a = Person(r, age=r.choice([r.randint(20, 80), r.randint(90, 99)])), Addr(r)
    fc = r.choice(FAC_CODES)
    k = r.randint(0, 3)
    if k == 0:
        d.add("PID-13 has the fax first and the home phone second, so the IVR calls the fax line:\n")
        d.add(nl([pid(r, p, mrn(r), fc, a, fax=phone_parts(r), home=phone_parts(r))]))
        d.add("\n")
    elif k == 1:
        d.f("@⟦h⟧ this one has PID-19 filled without dashes: ", h=D(handle(staff(r)), "person_name"))
        d.add(nl([pid(r, p, mrn(r), fc, ssn_v=ssn(r, "plain"))]))
        d.add("\n")
    elif k == 2:
        d.add("{noformat}\n")
        d.add(nl([pid(r, p, mrn(r), fc, a, home=phone_parts(r), mail=email_of(r, p), acct_v=acct(r))]))
        d.add("\n{noformat}\nwhy is the email in PID-13 and not PID-14?\n")
    else:
        st, num = dl(r)
        d.add("`")
        d.add(nl([pid(r, p, mrn(r), fc, dl_v=(st, num, date(2030, 1, 31)))]))
        d.add("` <- PID-20 driver's licence, does PAS even store that?\n")
    return d, "oneliner", {}


# =========================================================================== confluence_table

def page_head(r, d, layout, title_, author=None):
    author = author or staff(r)
    upd = fd(recent(r, 70), "mond")
    if layout == "wiki":
        d.f("h1. ⟦t⟧\n_Created by [~⟦a⟧], last updated ⟦u⟧_\n\n", t=title_, a=D(handle(author), "person_name"), u=upd)
    elif layout == "md":
        d.f("# ⟦t⟧\n\n*Owned by ⟦a⟧ · Last updated ⟦u⟧*\n\n", t=title_, a=sn(author), u=upd)
    elif layout in ("html", "storage"):
        d.f("<h1>⟦t⟧</h1>\n<p class=\"page-metadata\">Created by <a href=\"/display/~⟦h⟧\">⟦a⟧</a>, last modified on ⟦u⟧</p>\n",
            t=title_, h=D(handle(author), "person_name"), a=sn(author), u=upd)
    else:
        d.f("⟦t⟧\n", t=title_)


def ptext(d, layout, text, **kw):
    if layout in ("html", "storage"):
        d.f("<p>" + text + "</p>\n", **kw)
    elif layout == "excel":
        d.f(text + "\n", **kw)
    else:
        d.f(text + "\n\n", **kw)


def table(d, layout, headers, rows):
    if layout == "wiki":
        d.add("||" + "||".join(headers) + "||\n")
        for row in rows:
            d.add("|")
            for c in row:
                d.add(c if c != "" else " ", "|")
            d.add("\n")
        d.add("\n")
    elif layout == "md":
        d.add("| " + " | ".join(headers) + " |\n|" + "|".join("---" for _ in headers) + "|\n")
        for row in rows:
            d.add("|")
            for c in row:
                d.add(" ", c, " |")
            d.add("\n")
        d.add("\n")
    elif layout == "html":
        d.add("<table class=\"confluenceTable\">\n<tr>" + "".join(f"<th class=\"confluenceTh\">{h}</th>" for h in headers) + "</tr>\n")
        for row in rows:
            d.add("<tr>")
            for c in row:
                d.add("<td class=\"confluenceTd\">", c, "</td>")
            d.add("</tr>\n")
        d.add("</table>\n")
    elif layout == "storage":
        d.add("<table data-layout=\"default\"><tbody>\n<tr>" + "".join(f"<th><p><strong>{h}</strong></p></th>" for h in headers) + "</tr>\n")
        for row in rows:
            d.add("<tr>")
            for c in row:
                d.add("<td><p>", c, "</p></td>")
            d.add("</tr>\n")
        d.add("</tbody></table>\n")
    else:  # excel paste: tabs
        d.add("\t".join(headers) + "\n")
        for row in rows:
            for i, c in enumerate(row):
                if i:
                    d.add("\t")
                d.add(c)
            d.add("\n")


TLAYOUTS = ["wiki", "md", "html", "storage", "excel"]


@tpl("confluence_table")
def t_conf_device_roster(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, r.choice(["Remote Monitoring - Enrolment Tracker (CIED)", "Device Clinic: patients pending first remote transmission",
                                      "Insulin pump / CGM onboarding - cohort 3"]))
    pump = r.random() < 0.4
    ptext(d, layout, "Patients enrolled this month. Serial and UDI copied from the implant record so the vendor portal can link the transmitter. Please keep this page restricted to the device clinic space.")
    rows = []
    for _ in range(pad_rows(r, 4, 11)):
        p = Person(r, age=r.randint(30, 96))
        kind_, maker, model, pre = r.choice([x for x in DEVICES if (x[0] in ("insulin pump", "CGM")) == pump])
        ser = device_serial(r, pre)
        rows.append([nm(p, r.choice(["lf", "full"])), P(mrn(r), "mrn"), P(fd(p.dob, "us"), "date"), f"{maker} {model}",
                     P(ser, "device_id"), P(udi(r, ser), "device_id") if r.random() < 0.6 else "n/a",
                     P(phone(r), "phone"), P(fd(recent(r, 30), "iso"), "date")])
    table(d, layout, ["Patient", "MRN", "DOB", "Device", "Serial #", "UDI (HRF)", "Home phone", "Implant / start"], rows)
    ptext(d, layout, "Vendor support line for enrolment problems: ⟦v⟧ (not for patients).", v=r.choice(["1-800-929-4043", "1-800-722-3774", "1-877-665-6670"]))
    return d, layout, {}


@tpl("confluence_table")
def t_conf_mva_registry(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, r.choice(["Trauma Registry - MVC abstraction QA (Nov)", "ED: Motor vehicle collision log for PD records requests",
                                      "Level II trauma: vehicle data for crash-injury study (pilot)"]))
    ptext(d, layout, "Rows flagged by the abstractor because the police report and the ED record disagree. VIN/plate are from the PD crash report; DL from registration.")
    rows = []
    for _ in range(pad_rows(r, 3, 9)):
        p = Person(r, age=r.choice([r.randint(17, 70), r.randint(90, 98)]))
        v = vin(r)
        st, num = dl(r)
        age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
        rows.append([nm(p, r.choice(["lf", "upper", "full"])), age, P(fd(recent(r, 40), r.choice(["us", "iso", "dmon"])), "date"),
                     r.choice(["driver", "front passenger", "rear passenger", "pedestrian", "motorcyclist"]),
                     P(v, "vehicle_id"), [P(plate(r), "vehicle_id"), " (", D(st, "street_address"), ")"],
                     [D(st, "street_address"), " ", P(num, "license_number")],
                     r.choice(["VIN on PD report differs by 1 char", "plate state missing", "ED lists as passenger", "ok after recheck", "ISS 17 vs 22"])])
    table(d, layout, ["Patient", "Age", "Arrival", "Role", "VIN", "Plate", "Driver licence", "QA note"], rows)
    ptext(d, layout, "Reminder: ages are entered as of arrival. The NTDB export buckets anyone 90 and older, but this page is internal.")
    return d, layout, {}


@tpl("confluence_table")
def t_conf_billing_exceptions(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, r.choice(["PFS claim exceptions - week %d" % r.randint(40, 49), "Denials huddle - eligibility mismatches",
                                      "Clearinghouse rejects (277CA) needing registration fixes"]))
    ptext(d, layout, "Work these before Friday's batch. If the member id is wrong, fix it on the coverage, not on the claim.")
    rows = []
    for _ in range(pad_rows(r, 5, 12)):
        p = Person(r, age=r.randint(20, 97))
        payer = r.choice(PAYERS)
        if payer[0].startswith("Medicare"):
            mid = P(mbi(r, r.random() < 0.3), "medicare_mbi")
        elif r.random() < 0.2:
            mid = P(medicaid(r), "health_plan_id")
        else:
            mid = P(member_id(r), "health_plan_id")
        rows.append([P(acct(r), "account_number"), P(claim_no(r), "other_id"), nm(p, r.choice(["lf", "upper"])),
                     P(fd(recent(r, 90), "us"), "date"), payer[0], mid,
                     r.choice(["MBI required (HICN sent)", "Beneficiary not on file", "Duplicate claim"]) if payer[0].startswith("Medicare")
                     else r.choice(["Subscriber ID invalid", "DOB mismatch", "Coverage terminated", "Duplicate claim", "Missing referral"])])
    table(d, layout, ["Account", "Claim #", "Patient", "DOS", "Payer", "Member ID / MBI", "Reject reason"], rows)
    return d, layout, {}


@tpl("confluence_table")
def t_conf_portal_lockouts(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    dom = dom_of(r)
    page_head(r, d, layout, r.choice(["Patient portal - lockout review (security)", "Portal account takeover investigation - affected patients",
                                      "MyChart lockouts after MFA rollout"]))
    waf = ip_private(r)
    ptext(d, layout, f"Source: portal access audit export, filtered on status=LOCKED. WAF node {waf} and the health-check from {ip_private(r)} are excluded. Client IPs below are the patients' (from X-Forwarded-For).")
    rows = []
    for _ in range(pad_rows(r, 4, 10)):
        p = Person(r)
        pidn = "%d" % r.randint(1000000, 9999999)
        rows.append([nm(p, r.choice(["full", "lf"])), P(email_of(r, p), "email"),
                     P(ip_public(r) if r.random() < 0.8 else ip6_public(r), "ip_address"),
                     P(f"https://portal.{dom}/patients/{pidn}/chart", "url"),
                     f"{fd(recent(r, 7), 'iso')} {clock(r)}", r.choice(["reset MFA", "unlocked after ID check", "escalated to security", "no contact"])])
    table(d, layout, ["Patient", "Portal login", "Client IP", "Chart URL", "Locked at", "Action"], rows)
    ptext(d, layout, "Security asks that we don't copy more rows here; the full export lives in the restricted SharePoint folder.")
    return d, layout, {}


@tpl("confluence_table")
def t_conf_ssn_mismatch(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, r.choice(["Registration QA - SSN verification mismatches", "Patient Access: SSA verification exceptions (Q4)",
                                      "MPI cleanup: SSN conflicts between duplicate charts"]))
    ptext(d, layout, "The verification service returns 'no match' for these. Most are transpositions at the front desk. Column 'Last 4 (caller)' is what the patient read back on the phone.")
    rows = []
    for _ in range(pad_rows(r, 4, 10)):
        p = Person(r)
        s1 = ssn(r)
        s2 = s1[:4] + s1[5] + s1[4] + s1[6:] if r.random() < 0.5 else ssn(r)
        rows.append([nm(p, r.choice(["lf", "upper", "lfm"])), P(mrn(r), "mrn"), P(fd(p.dob, r.choice(["us", "iso"])), "date"),
                     P(s1, "ssn"), P(s2, "ssn") if s2 != s1 else "", D(s2[-4:], "ssn"), r.choice(["fixed", "patient to bring card", "merged charts", "open"])])
    table(d, layout, ["Patient", "MRN", "DOB", "SSN in EHR", "SSN (verified)", "Last 4 (caller)", "Status"], rows)
    return d, layout, {}


@tpl("confluence_table")
def t_conf_nonagenarian_outreach(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    clinic = staff(r)
    page_head(r, d, layout, r.choice(["Geriatrics: home-visit outreach list (90+)", "RSV / flu home vaccination - homebound patients",
                                      "Winter check-in calls - oldest panel patients"]))
    cf = phone_parts(r)
    ptext(d, layout, "Panel patients aged 90 and over who are homebound. Call first, then schedule the home visit. Clinic fax for signed consents: ⟦f⟧ (Geriatrics front desk).",
          f=D(fmt_phone(cf, "paren"), "staff_contact"))
    rows = []
    for _ in range(pad_rows(r, 4, 10)):
        p = Person(r, age=r.randint(90, 104))
        a = Addr(r)
        cg = mk_family(r, p, age=r.randint(45, 70))
        rows.append([nm(p, r.choice(["full", "lf"])), P(str(p.age), "age_over_89"), a.parts(), P(phone(r), "phone"),
                     [nm(cg, "full"), " (", kin_any(r, cg), ") ", P(phone(r), "phone")],
                     r.choice(["due RSV", "due flu + RSV", "declined last year", "needs interpreter", "done " + fd(recent(r, 20), "us1")])])
    table(d, layout, ["Patient", "Age", "Address", "Home phone", "Caregiver", "Status"], rows)
    ptext(d, layout, "Questions: ⟦n⟧, RN care coordinator, ext. ⟦x⟧.", n=sn(clinic), x=D(str(r.randint(4000, 7999)), "staff_contact"))
    return d, layout, {}


@tpl("confluence_table")
def t_conf_fax_referrals(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, r.choice(["Referral fax inbox - triage board", "Incoming faxes not yet indexed (RightFax queue)",
                                      "Cardiology referral intake - week of " + fd(recent(r, 7), "mond")]))
    ptext(d, layout, "Sending clinic fax is the office's, not the patient's. A few patients asked for copies by fax to their home number - those are flagged.")
    rows = []
    for _ in range(pad_rows(r, 5, 11)):
        p = Person(r)
        own = r.random() < 0.35
        rows.append([f"{fd(recent(r, 5), 'us1')} {clock(r)}",
                     [r.choice(["Oak Hollow FP", "Dr. office", "Northgate Peds", "Urgent care", "SNF"]), " ", D(phone(r, "paren"), "staff_contact")],
                     nm(p, r.choice(["lf", "full"])), P(fd(p.dob, "us"), "date"), P(phone(r), "phone"),
                     ["pt requests copy to home fax ", P(phone(r, "dash"), "phone")] if own else "",
                     r.choice(["indexed", "needs auth", "incomplete - no insurance", "scheduled"])])
    table(d, layout, ["Received", "From (fax)", "Patient", "DOB", "Callback", "Notes", "Status"], rows)
    return d, layout, {}


@tpl("confluence_table")
def t_conf_runbook_sparse(r):
    d, layout = Doc(), r.choice(["wiki", "md", "html", "storage"])
    page_head(r, d, layout, r.choice(["Interface runbook: ADT and results feeds", "Integration engine - channel inventory and on-call runbook",
                                      "HL7 feeds: ports, hosts and owners"]))
    ptext(d, layout, "Channel inventory. Hosts are the VIPs; individual nodes are in the CMDB.")
    rows = []
    for _ in range(r.randint(12, 24)):
        rows.append([r.choice(["ADT", "ORU", "ORM", "SIU", "MDM", "DFT", "VXU"]) + "_" + r.choice(["IN", "OUT"]) + "_" + r.choice(["EPIC", "LAB", "RAD", "PAS", "REG", "IIS", "BILL"]),
                     ip_private(r), str(r.choice([6661, 6662, 6663, 7001, 7002, 2575, 5000, 5001])),
                     r.choice(["MLLP", "MLLP/TLS", "SFTP", "HTTPS"]), sn(staff(r)), r.choice(["24x7", "business hours", "best effort"])])
    table(d, layout, ["Channel", "Host", "Port", "Transport", "Owner", "Support"], rows)
    ptext(d, layout, "Common failures: ACK timeouts (restart the destination), disk full on the archive volume (run the pruner), expired TLS certificate (renew via Venafi).")
    p = Person(r)
    k = r.randint(0, 2)
    if k == 0:
        ptext(d, layout, "Known issue: a registration with an apostrophe in the family name still breaks the PAS mapping - last seen for ⟦n⟧ (MRN ⟦m⟧), fixed by hand.",
              n=nm(p, "upper"), m=P(mrn(r), "mrn"))
    elif k == 1:
        ptext(d, layout, "Known issue: if PID-19 has a space instead of a dash the A04 NAKs, e.g. ⟦s⟧ last month. Front desk was re-trained.",
              s=P(ssn(r, "space"), "ssn"))
    else:
        ptext(d, layout, "Known issue: fax numbers in PID-13 (equipment type FX) are sent to the IVR as voice numbers; one patient, ⟦n⟧, complained that the reminder call went to their fax at ⟦f⟧.",
              n=nm(p, "full"), f=P(phone(r), "phone"))
    ptext(d, layout, "Escalation: integration on-call via PagerDuty service INTG-PRIMARY.")
    return d, layout, {}


# =========================================================================== support_ticket

TIX = ["servicenow", "zendesk", "jsm", "freshdesk", "plain"]


def tix_head(r, d, layout, subject, agent, requester=None, req_mail=None, category="Patient Financial Services"):
    """requester: list of parts for the requester (patient -> phi, staff -> dont_care)."""
    jdate(r)
    opened = r._jclk.strftime("%Y-%m-%d %H:%M:%S")
    if layout == "servicenow":
        d.f("Number: INC⟦n⟧\nOpened: ⟦o⟧\nCaller: ⟦c⟧\nCategory: ⟦cat⟧\nAssignment group: ⟦g⟧\nAssigned to: ⟦a⟧\nShort description: ⟦s⟧\n\nDescription:\n",
            n="%07d" % r.randint(100000, 9999999), o=opened, c=requester if requester else sn(staff(r)), cat=category,
            g=r.choice(["PFS Customer Service", "Service Desk L2", "Clinical Apps - Ambulatory", "HIM Release of Information"]), a=sn(agent), s=subject)
    elif layout == "zendesk":
        d.f("#⟦n⟧ ⟦s⟧\nRequester: ⟦q⟧⟦m⟧\nAssignee: ⟦a⟧\nStatus: ⟦st⟧ | Priority: ⟦pr⟧ | Channel: ⟦ch⟧\n----------------------------------------\n",
            n=str(r.randint(10000, 99999)), s=subject, q=requester if requester else sn(staff(r)),
            m=[" <", P(req_mail, "email"), ">"] if req_mail else "", a=sn(agent),
            st=r.choice(["Open", "Pending", "New"]), pr=r.choice(["Normal", "High", "Urgent"]), ch=r.choice(["Email", "Web form", "Phone"]))
    elif layout == "jsm":
        d.f("⟦k⟧ · ⟦s⟧\nRequest type: ⟦rt⟧\nRaised by ⟦q⟧ on ⟦o⟧\nStatus: ⟦st⟧\nAssignee: ⟦a⟧\n\n",
            k=ticket_key(r, r.choice(["PSD", "HELP", "PFS"])), s=subject, rt=category, q=requester if requester else sn(staff(r)), o=opened,
            st=r.choice(["Waiting for support", "In progress", "Escalated"]), a=sn(agent))
    elif layout == "freshdesk":
        d.f("Ticket #⟦n⟧ - ⟦s⟧\nContact: ⟦q⟧⟦m⟧\nSource: ⟦src⟧   Type: ⟦cat⟧   Group: ⟦g⟧   Agent: ⟦a⟧\nCreated: ⟦o⟧\n\n",
            n=str(r.randint(1000, 99999)), s=subject, q=requester if requester else sn(staff(r)),
            m=[" (", P(req_mail, "email"), ")"] if req_mail else "", src=r.choice(["Phone", "Email", "Portal", "Chat"]),
            cat=category, g=r.choice(["Billing", "Patient Support", "Portal"]), a=sn(agent), o=opened)
    else:
        d.f("Subject: ⟦s⟧\nFrom: ⟦q⟧\nTo: ⟦a⟧\n\n", s=subject, q=requester if requester else sn(staff(r)), a=sn(agent))


def tix_note(r, d, layout, who, internal=True):
    jdate(r)
    when = r._jclk.strftime("%Y-%m-%d %H:%M")
    if layout == "servicenow":
        d.f("\n⟦w⟧ - ⟦n⟧ (" + ("Work notes" if internal else "Additional comments") + ")\n", w=when, n=sn(who))
    elif layout == "zendesk":
        d.f("\n⟦n⟧ · ⟦w⟧" + (" · Internal note" if internal else "") + "\n", w=when, n=sn(who))
    elif layout == "jsm":
        d.f("\n⟦n⟧ " + ("added an internal comment" if internal else "replied") + " · ⟦w⟧\n", w=when, n=sn(who))
    elif layout == "freshdesk":
        d.f("\n--- " + ("Private note" if internal else "Reply") + " by ⟦n⟧, ⟦w⟧ ---\n", w=when, n=sn(who))
    else:
        d.f("\n> ⟦n⟧ wrote on ⟦w⟧:\n", w=when, n=sn(who))


def exp_mmyy(r):
    return f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"


@tpl("support_ticket")
def t_tix_billing_card(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent, sup = Person(r), staff(r), staff(r)
    ac = acct(r)
    cd = card(r, style=r.choice(["space", "plain", "dash"]))
    cb = phone(r)
    dos = recent(r, 90)
    tix_head(r, d, layout, r.choice(["Payment declined - patient called twice", "Pt payment over phone failed, please retry",
                                     "Self-pay balance: card payment not posting"]), agent)
    d.f("Patient ⟦n⟧ called about the balance on account ⟦a⟧ (DOS ⟦dos⟧, $⟦amt⟧). Tried to pay by card, the terminal declined twice. "
        "Card she read me: ⟦c⟧ exp ⟦e⟧, billing ZIP ⟦z⟧. Please retry in the payment portal when the processor is back. Call back at ⟦cb⟧.\n",
        n=nm(p, "full"), a=P(ac, "account_number"), dos=P(fd(dos, r.choice(DSTYLES)), "date"), amt="%d.%02d" % (r.randint(40, 2400), r.randint(0, 99)),
        c=P(cd, "credit_card"), e=D(exp_mmyy(r), "date"), z=P(Addr(r).zip[:5], "zip_code"), cb=P(cb, "phone"))
    if p.sex == "M":
        d.parts = [x.replace("Card she read", "Card he read") if isinstance(x, str) else x for x in d.parts]
    tix_note(r, d, layout, sup)
    d.f("Please do NOT put full card numbers in tickets (PCI). I masked it in the payment system as ****⟦l4⟧ and ran it - approved. "
        "Asking the admin to purge the description. ⟦n⟧ notified by phone.\n", l4=D(re.sub(r"\D", "", cd)[-4:], "credit_card"), n=nm(p, "given"))
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {"crlf": layout == "servicenow" and r.random() < 0.5}


@tpl("support_ticket")
def t_tix_portal_ip(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent, sec = Person(r), staff(r), staff(r)
    dom = dom_of(r)
    mail = email_of(r, p)
    pidn = "%d" % r.randint(1000000, 9999999)
    ip1, ip2 = ip_public(r), ip_public(r)
    tix_head(r, d, layout, r.choice(["Patient reports she can't log in - audit shows two IPs", "Portal: possible unauthorized access, patient request",
                                     "Account locked repeatedly - patient portal"]), agent,
             requester=nm(p, "full") if layout in ("zendesk", "freshdesk") else None, req_mail=mail if layout in ("zendesk", "freshdesk") else None,
             category="Patient Portal")
    d.f("⟦n⟧ (portal user ⟦e⟧) says her account keeps locking. She only logs in from home. Access audit for ⟦u⟧:\n\n",
        n=nm(p, "full"), e=P(mail, "email"), u=P(f"https://portal.{dom}/patients/{pidn}/chart", "url"))
    if p.sex == "M":
        d.parts = [x.replace("her account", "his account").replace("She only", "He only") if isinstance(x, str) else x for x in d.parts]
    lb = ip_private(r)
    d.add("time (UTC)            client_ip         via            result\n")
    rows = sorted((f"{fd(recent(r, 6), 'iso')} {clock(r)}", r.choice([ip1, ip1, ip2]), r.choice(["LOGIN_OK", "LOGIN_FAIL bad_password", "MFA_FAIL", "LOCKED"]))
                  for _ in range(r.randint(4, 8)))
    for t, ip, res in rows:
        d.f("⟦t⟧   ⟦ip⟧   ⟦lb⟧   ⟦res⟧\n", t=t, ip=P(ip, "ip_address"), lb=lb, res=res)
    tix_note(r, d, layout, sec)
    d.f("⟦a⟧ geolocates to the patient's ISP at home, ⟦b⟧ is a mobile carrier range - " + she(p) + " confirmed that's " + her(p) + " phone. No third party. "
        "The lockouts are the app retrying with the old password. Cleared lockout, asked " + him(p) + " to update the saved password. ⟦lb⟧ is our load balancer, ignore.\n",
        a=P(ip1, "ip_address"), b=P(ip2, "ip_address"), lb=lb)
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_records_fax(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r), staff(r)
    hfax = phone_parts(r)
    him_fax = phone_parts(r)
    tix_head(r, d, layout, r.choice(["ROI: patient wants records faxed to home", "Release of information - fax to patient",
                                     "Records request by phone, fax destination is patient's own"]), agent, category="HIM Release of Information")
    dob = p.dob
    d.f("Caller: ⟦n⟧, DOB ⟦dob⟧, MRN ⟦m⟧. Verified identity with DOB and address (⟦ad⟧).\n"
        "Requests: discharge summary and imaging reports from the ⟦adm⟧ admission.\nDeliver by fax to the patient's home office: ⟦hf⟧ (attn: ⟦n2⟧).\n"
        "Signed authorization received by fax from the patient on ⟦rcv⟧ to our ROI fax ⟦him⟧.\n",
        n=nm(p, "full"), dob=P(fd(dob, r.choice(DSTYLES)), "date"), m=P(mrn(r), "mrn"), ad=Addr(r).parts(),
        adm=P(fd(recent(r, 200), "mond"), "date"), hf=P(fmt_phone(hfax, r.choice(["paren", "dash", "one"])), "phone"), n2=nm(p, "given"),
        rcv=D(fd(recent(r, 5), "us1"), "date"), him=D(fmt_phone(him_fax, "paren"), "staff_contact"))
    tix_note(r, d, layout, staff(r))
    d.f("Policy allows fax to the patient's own number after a test page. Sent test page to ⟦hf⟧, ⟦tn⟧ confirmed receipt by phone at ⟦cb⟧. Sending 14 pages.\n",
        hf=P(fmt_phone(hfax, "dash"), "phone"), tn=titled(p), cb=P(phone(r), "phone"))
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_pump_rma(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r, age=r.randint(9, 80)), staff(r)
    a = Addr(r, unit=r.choice(["Apt 3B", "Unit 12", "#407", "Apt 1104"]))
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("insulin pump", "CGM")])
    ser = device_serial(r, pre)
    u = udi(r, ser)
    tix_head(r, d, layout, r.choice([f"{maker} {kind_} replacement - occlusion alarms", f"RMA for {kind_}, shipping to patient home",
                                     f"Diabetes ed: {kind_} failure, need replacement before weekend"]), agent, category="Clinical Apps - Diabetes Center")
    d.f("Patient: ⟦n⟧ (MRN ⟦m⟧, DOB ⟦dob⟧)\nDevice: ⟦mk⟧ ⟦mo⟧, serial ⟦s⟧\nUDI from the box label: ⟦u⟧\n"
        "Problem: ⟦pb⟧ since ⟦since⟧. Vendor case ⟦vc⟧ opened, replacement ships overnight to:\n⟦ad1⟧\n⟦city⟧, ⟦st⟧ ⟦z⟧\nPhone for courier: ⟦ph⟧\n",
        n=nm(p, "full"), m=P(mrn(r), "mrn"), dob=P(fd(p.dob, "us"), "date"), mk=maker, mo=model, s=P(ser, "device_id"), u=P(u, "device_id"),
        pb=r.choice(["sensor signal loss every night", "transmitter not found after restart", "sensor error within 24 h of insertion"]) if kind_ == "CGM"
        else r.choice(["repeated occlusion alarms", "no delivery / motor error", "cracked reservoir housing", "button error after a drop"]),
        since=P(fd(recent(r, 6), "mond"), "date"), vc="%08d" % r.randint(0, 99999999),
        ad1=P(a.line, "street_address"), city=P(a.city, "street_address"), st=D(a.state, "street_address"), z=P(a.zip, "zip_code"), ph=P(phone(r), "phone"))
    tix_note(r, d, layout, staff(r))
    d.f("Vendor needs the old unit back; prepaid label emailed to the family. Updated the device record: old serial ⟦o⟧ taken out of service ⟦dt⟧, new serial pending.\n",
        o=P(ser, "device_id"), dt=D(fd(TODAY - timedelta(days=r.randint(0, 3)), "us1"), "date"))
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_ssn_correction(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r), staff(r)
    s_old = ssn(r, r.choice(["dash", "plain"]))
    s_new = ssn(r, "dash")
    tix_head(r, d, layout, r.choice(["Registration correction: wrong SSN on account", "Patient got a collections letter - SSN belongs to someone else",
                                     "Demographics fix request (SSN + DOB)"]), agent, category="Patient Access")
    d.f("⟦n⟧ called: statement shows the wrong SSN and her credit report has our collection account. On file: ⟦so⟧. Correct per her card: ⟦sn⟧. "
        "DOB on file ⟦d1⟧, correct ⟦d2⟧. Account ⟦a⟧. Please correct both and recall the account from the agency.\n",
        n=nm(p, "lf"), so=P(s_old, "ssn"), sn=P(s_new, "ssn"), d1=P(fd(p.dob + timedelta(days=r.choice([-31, 1, 365])), "us"), "date"),
        d2=P(fd(p.dob, "us"), "date"), a=P(acct(r), "account_number"))
    if p.sex == "M":
        d.parts = [x.replace("her credit", "his credit").replace("her card", "his card") if isinstance(x, str) else x for x in d.parts]
    tix_note(r, d, layout, staff(r))
    d.f("Corrected in registration. The old SSN ⟦so⟧ is on another chart (different patient) - sent to HIM for a possible overlay review. Letter of correction mailed to ⟦ad⟧.\n",
        so=P(s_old, "ssn"), ad=Addr(r).parts())
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_mbi_eligibility(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r, age=r.randint(66, 99)), staff(r)
    mb = mbi(r, r.random() < 0.5)
    hicn = ssn(r, "plain") + r.choice(["A", "B", "D", "C1"])
    dos = recent(r, 30)
    tix_head(r, d, layout, r.choice(["Eligibility 271 error AAA*72 on Medicare patient", "Medicare patient shows inactive - MBI vs HICN",
                                     "Clearinghouse rejects: invalid MBI"]), agent, category="Revenue Cycle - Eligibility")
    d.f("Pt ⟦n⟧, ⟦ag⟧ y/o, DOB ⟦dob⟧. Registration still has the old HICN ⟦h⟧ from 2018. The card the daughter brought shows MBI ⟦m⟧. "
        "271 response for the ⟦dos⟧ visit:\n\n", n=nm(p, "upper"), ag=P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age),
        dob=P(fd(p.dob, "us"), "date"), h=P(hicn, "health_plan_id"), m=P(mb, "medicare_mbi"), dos=P(fd(dos, "us"), "date"))
    d.f("NM1*IL*1*⟦ln⟧*⟦fn⟧****MI*⟦h⟧~\nAAA*N**72*C~\nDMG*D8*⟦dob⟧~\n\n", ln=P(fold(p.family).upper(), "person_name"),
        fn=P(fold(p.given).upper(), "person_name"), h=P(hicn, "health_plan_id"), dob=P(fd(p.dob, "hl7"), "date"))
    tix_note(r, d, layout, staff(r))
    d.f("Updated coverage with ⟦m⟧, re-ran eligibility - active Part A/B. Rebilled.\n", m=P(mb.replace("-", ""), "medicare_mbi"))
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_auto_claim(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r), staff(r)
    v, pl = vin(r), plate(r)
    cl = "%02d-%07d-%s" % (r.randint(10, 99), r.randint(0, 9999999), r.choice(["A", "B", "C"]))
    pol = "%d%s%07d" % (r.randint(1, 9), r.choice(["AU", "PA", "XK"]), r.randint(0, 9999999))
    tix_head(r, d, layout, r.choice(["MVA: patient asks us to bill auto insurer first", "ED bill after car accident - coordinate with auto carrier",
                                     "PIP claim info for accident-related visits"]), agent,
             requester=nm(p, "full") if layout in ("zendesk", "freshdesk") else None, req_mail=email_of(r, p) if layout in ("zendesk", "freshdesk") else None)
    d.f("From the patient's message: \"I was in an accident on ⟦acc⟧ and the ER bill went to my health plan. My auto insurance is ⟦ins⟧, claim ⟦c⟧, policy ⟦po⟧. "
        "Car was my ⟦mo⟧, VIN ⟦v⟧, plate ⟦pl⟧. Please bill them.\"\n\nAccounts affected: ⟦a1⟧ (ED), ⟦a2⟧ (ortho follow-up on ⟦fu⟧).\n",
        acc=P(fd(recent(r, 60), r.choice(["mond", "us1", "long"])), "date"), ins=r.choice(["GEICO", "Progressive", "State Farm", "Allstate", "Farmers"]),
        c=P(cl, "other_id"), po=P(pol, "other_id"), mo=vin_model(v), v=P(v, "vehicle_id"), pl=P(pl, "vehicle_id"),
        a1=P(acct(r), "account_number"), a2=P(acct(r), "account_number"), fu=P(fd(recent(r, 20), "us1"), "date"))
    tix_note(r, d, layout, staff(r))
    d.add("Added auto as primary with accident indicator. Auto carrier wants the police report number; asked patient to send it.\n")
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_home_monitor(r):
    d, layout = Doc(), r.choice(TIX)
    p, agent = Person(r, age=r.randint(60, 99)), staff(r)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("pacemaker", "icd", "loop recorder")])
    ser = device_serial(r, pre)
    mon = r.choice(["MyCareLink 24950", "Merlin@home EX1150", "LATITUDE 6290", "CardioMessenger Smart"]) 
    mser = "%s%07d" % (r.choice(["HSN", "MCL", "LAT", "CMS"]), r.randint(0, 9999999))
    tix_head(r, d, layout, r.choice(["Remote monitor not transmitting - patient home", "Device clinic: missed transmissions x3",
                                     "Bedside monitor offline since move"]), agent, category="Device Clinic")
    age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
    d.f("⟦n⟧ (⟦ag⟧-year-old, ⟦k⟧ serial ⟦s⟧) has missed three scheduled transmissions. Home monitor ⟦mon⟧ s/n ⟦ms⟧. "
        "Family says they moved her to ⟦ad⟧ on ⟦mv⟧ and the monitor was unplugged. Phone there: ⟦ph⟧.\n",
        n=nm(p, "full"), ag=age, k=kind_.upper() if kind_ == "icd" else kind_, s=P(ser, "device_id"), mon=mon, ms=P(mser, "device_id"), ad=Addr(r).parts(),
        mv=D(fd(recent(r, 30), "us1"), "date"), ph=P(phone(r), "phone"))
    if p.sex == "M":
        d.parts = [x.replace("moved her", "moved him") if isinstance(x, str) else x for x in d.parts]
    tix_note(r, d, layout, staff(r))
    d.add("Talked the grandson through plugging it in near the bed. Manual transmission received, battery OK. Updated address in the vendor portal.\n")
    if r.random() < 0.4:
        tix_thread(r, d, layout, r.randint(3, 8))
    return d, layout, {}


@tpl("support_ticket")
def t_tix_oneliner(r):
    d = Doc()
    p = Person(r)
    k = r.randint(0, 4)
    if k == 0:
        d.f("pt ⟦n⟧ called re bill, acct ⟦a⟧, card ending ⟦l4⟧ declined, cb ⟦c⟧\n", n=nm(p, "full"), a=P(acct(r), "account_number"),
            l4=D("%04d" % r.randint(0, 9999), "credit_card"), c=P(phone(r), "phone"))
    elif k == 1:
        d.f("can someone unlock ⟦u⟧ ? patient ⟦n⟧ on the phone now\n", u=P("https://portal.%s/patients/%d/chart" % (dom_of(r), r.randint(1000000, 9999999)), "url"),
            n=nm(p, "lf"))
    elif k == 2:
        d.f("refund to card ⟦c⟧ (pt ⟦n⟧), dup payment ⟦dt⟧\n", c=P(card(r, style="plain"), "credit_card"), n=nm(p, "family"),
            dt=D(fd(recent(r, 10), "us1"), "date"))
    elif k == 3:
        d.f("ROI: fax to pt home fax ⟦f⟧, ⟦n⟧ DOB ⟦dob⟧\n", f=P(phone(r), "phone"), n=nm(p, "full"), dob=P(fd(p.dob, "us1"), "date"))
    else:
        d.f("⟦n⟧ says her new email is ⟦e⟧ - update portal pls (MRN ⟦m⟧)\n", n=nm(p, "full"), e=P(email_of(r, p), "email"), m=P(mrn(r), "mrn"))
    return d, "oneliner", {}


# =========================================================================== fhir_diff

class Num:
    """A labelled value rendered without quotes."""
    def __init__(self, v):
        self.v = v


def render(obj, style="json", ind=2):
    """Render to a list of lines; each line is a list of parts. style: json | ts | yaml."""
    lines = []

    def q(v):
        if isinstance(v, L):
            return ['"' if style != "ts" else "'", v, '"' if style != "ts" else "'"]
        if isinstance(v, Num):
            return [v.v]
        if isinstance(v, bool):
            return ["true" if v else "false"]
        if isinstance(v, (int, float)):
            return [str(v)]
        if v is None:
            return ["null"]
        s = str(v)
        if style == "yaml":
            return [s if re.match(r"^[A-Za-z][\w ./:-]*$", s) and ": " not in s else json.dumps(s, ensure_ascii=False)]
        if style == "ts":
            return ["'" + s.replace("'", "\\'") + "'"]
        return [json.dumps(s, ensure_ascii=False)]

    def key(k):
        if style == "json":
            return '"%s": ' % k
        if style == "ts":
            return (k if re.match(r"^[A-Za-z_]\w*$", k) else "'%s'" % k) + ": "
        return k + ": "

    def emit(v, level, prefix, last):
        pad = " " * (ind * level)
        comma = "" if (last or style == "yaml") else ","
        if isinstance(v, dict):
            if style == "yaml":
                if prefix:
                    lines.append([pad + prefix.rstrip()])
                items = list(v.items())
                for i, (k, x) in enumerate(items):
                    emit(x, level + (1 if prefix else 0), key(k), i == len(items) - 1)
                return
            lines.append([pad + prefix + "{"])
            items = list(v.items())
            for i, (k, x) in enumerate(items):
                emit(x, level + 1, key(k), i == len(items) - 1)
            lines.append([pad + "}" + comma])
        elif isinstance(v, list):
            if style == "yaml":
                lines.append([pad + prefix.rstrip()])
                for x in v:
                    if isinstance(x, dict):
                        sub = render(x, "yaml", ind)
                        for j, ln in enumerate(sub):
                            lines.append([" " * (ind * (level + 1)) + ("- " if j == 0 else "  ")] + ln)
                    else:
                        lines.append([" " * (ind * (level + 1)) + "- "] + q(x))
                return
            lines.append([pad + prefix + "["])
            for i, x in enumerate(v):
                emit(x, level + 1, "", i == len(v) - 1)
            lines.append([pad + "]" + comma])
        else:
            lines.append([pad + prefix] + q(v) + [comma])

    emit(obj, 0, "", True)
    return lines


def ltext(line):
    return "".join(x.text if isinstance(x, L) else x for x in line)


def udiff(d, a_lines, b_lines, path, ctx=3, git=True, r=None):
    import difflib
    at, bt = [ltext(x) for x in a_lines], [ltext(x) for x in b_lines]
    if git:
        d.add(f"diff --git a/{path} b/{path}\nindex {hexs(r, 7)}..{hexs(r, 7)} 100644\n")
    d.add(f"--- a/{path}\n+++ b/{path}\n")
    sm = difflib.SequenceMatcher(None, at, bt, autojunk=False)
    for group in sm.get_grouped_opcodes(ctx):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        d.add(f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@\n")
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                for ln in b_lines[b1:b2]:
                    d.add(" ", ln, "\n")
                continue
            if tag in ("replace", "delete"):
                for ln in a_lines[a1:a2]:
                    d.add("-", ln, "\n")
            if tag in ("replace", "insert"):
                for ln in b_lines[b1:b2]:
                    d.add("+", ln, "\n")


FLAYOUTS = ["git", "bitbucket", "gitlab", "github"]


def git_date(r, tz):
    x = recent(r, 12)
    return f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][x.weekday()]} {MON[x.month - 1]} {x.day} {clock(r)}:{r.randint(10, 59)} {x.year} {tz}"


def pr_head(r, d, layout, title_, author, files):
    n = r.randint(40, 2400)
    if layout == "bitbucket":
        d.f("Pull request #⟦n⟧: ⟦t⟧\n⟦a⟧ wants to merge feature/⟦br⟧ into develop\nFiles changed (⟦fc⟧)\n\n", n=str(n), t=title_, a=sn(author),
            br=re.sub(r"[^a-z0-9]+", "-", title_.lower())[:30].strip("-"), fc=str(files))
    elif layout == "gitlab":
        d.f("!⟦n⟧ ⟦t⟧\nOpened by ⟦a⟧ · Draft: no · Target: main\nChanges ⟦fc⟧\n\n", n=str(n), t=title_, a=sn(author), fc=str(files))
    elif layout == "github":
        d.f("⟦t⟧ #⟦n⟧\n⟦h⟧ wants to merge 1 commit into main from ⟦h2⟧/fixtures\n\n", n=str(n), t=title_,
            h=D(handle(author).replace(".", "-"), "person_name"), h2=D(handle(author).replace(".", "-"), "person_name"))
    else:
        d.f("commit ⟦c⟧\nAuthor: ⟦a⟧ <⟦m⟧>\nDate:   ⟦dt⟧\n\n    ⟦t⟧\n\n", c=hexs(r, 40), a=sn(author), m=staff_mail(author, dom_of(r)),
            dt=git_date(r, "-0800"), t=title_)


def review(r, d, layout, who, text, **kw):
    if layout == "git":
        d.f("\n# review (" + "⟦who⟧" + "): " + text + "\n", who=sn(who), **kw)
    else:
        d.f("\n⟦who⟧ commented on line ⟦ln⟧:\n" + text + "\n", who=sn(who), ln=str(r.randint(8, 60)), **kw)


def fixture_path(r, res):
    return r.choice([f"src/test/resources/fixtures/{res.lower()}-{r.randint(1, 40):02d}.json",
                     f"tests/fixtures/fhir/{res}_{r.choice(['prod_repro', 'bug', 'sample'])}.json",
                     f"packages/fhir-mapper/__fixtures__/{res.lower()}.json"])


def placeholder_patient(pid_):
    return {"resourceType": "Patient", "id": D(pid_, "internal_id"),
            "identifier": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14", "value": "T0000001"}],
            "name": [{"family": "Testpatient", "given": ["Fixture"]}], "gender": "unknown"}


@tpl("fhir_diff")
def t_fhir_patient_identifiers(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, a, dev, rev = Person(r), Addr(r), staff(r), staff(r)
    pid_ = str(r.randint(100000, 9999999))
    st, num = dl(r)
    fax, home = phone_parts(r), phone_parts(r)
    ss = ssn(r)
    mb = mbi(r) if p.age >= 65 or r.random() < 0.3 else None
    mail = email_of(r, p)
    ids = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
            "system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14", "value": P(mrn(r), "mrn")},
           {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "SS"}]},
            "system": "http://hl7.org/fhir/sid/us-ssn", "value": P(ss, "ssn")},
           {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "DL"}]},
            "system": "urn:oid:2.16.840.1.113883.4.3.%02d" % r.randint(1, 56), "value": P(num, "license_number")}]
    if mb:
        ids.append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MC"}]},
                    "system": "http://hl7.org/fhir/sid/us-mbi", "value": P(mb, "medicare_mbi")})
    after = {"resourceType": "Patient", "id": D(pid_, "internal_id"), "identifier": ids,
             "name": [{"use": "official", "family": P(p.family, "person_name"), "given": [P(p.given, "person_name")]}],
             "telecom": [{"system": "phone", "value": P(fmt_phone(home, "paren"), "phone"), "use": "home"},
                         {"system": "fax", "value": P(fmt_phone(fax, r.choice(["paren", "dash", "plus"])), "phone"), "use": "home"},
                         {"system": "email", "value": P(mail, "email")}],
             "gender": "female" if p.sex == "F" else "male", "birthDate": P(p.dob.isoformat(), "date"),
             "address": [{"use": "home", "line": [P(a.line_nounit, "street_address")] + ([P(a.unit, "street_address")] if a.unit else []),
                          "city": P(a.city, "street_address"), "state": D(a.state, "street_address"), "postalCode": P(a.zip, "zip_code")}]}
    before = placeholder_patient(pid_)
    before["telecom"] = [{"system": "phone", "value": "555-0100", "use": "home"}]
    before["birthDate"] = "1900-01-01"
    pr_head(r, d, layout, r.choice(["Add identifier mapping fixture (SSN, DL, MBI)", "Fix telecom fax mapping; update Patient fixture",
                                    "PID-19/PID-20 to Patient.identifier"]), dev, r.randint(2, 5))
    udiff(d, render(before), render(after), fixture_path(r, "Patient"), r=r)
    review(r, d, layout, rev, "This is a real chart, isn't it? ⟦n⟧ with a real SSN (⟦s⟧). Please regenerate with synthetic values before merging.",
           n=nm(p, "full"), s=P(ss, "ssn"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_device_udi(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r, age=r.randint(40, 96)), staff(r), staff(r)
    kind_, maker, model, pre = r.choice(DEVICES)
    ser = device_serial(r, pre)
    gt = gtin14(r)
    exp = date(2028 + r.randint(0, 2), r.randint(1, 12), r.randint(1, 28))
    lt = lot(r)
    hrf = f"(01){gt}(17){exp:%y%m%d}(10){lt}(21){ser}"
    pid_ = str(r.randint(100000, 9999999))
    after = {"resourceType": "Device", "id": D("dev-" + hexs(r, 6), "internal_id"),
             "udiCarrier": [{"deviceIdentifier": D(gt, "device_id"), "issuer": "http://hl7.org/fhir/NamingSystem/gs1-di",
                             "carrierHRF": P(hrf, "device_id")}],
             "status": "active", "manufacturer": maker, "manufactureDate": D(rdate(r, date(2021, 1, 1), date(2025, 6, 30)).isoformat(), "date"),
             "expirationDate": D(exp.isoformat(), "date"), "lotNumber": D(lt, "device_id"), "serialNumber": P(ser, "device_id"),
             "deviceName": [{"name": model, "type": "model-name"}], "type": {"text": kind_},
             "patient": {"reference": D("Patient/" + pid_, "internal_id"), "display": nm(p, "full")}}
    before = {"resourceType": "Device", "id": after["id"], "udiCarrier": [{"deviceIdentifier": after["udiCarrier"][0]["deviceIdentifier"]}],
              "status": "active", "manufacturer": maker, "deviceName": after["deviceName"], "type": {"text": kind_},
              "patient": {"reference": D("Patient/" + pid_, "internal_id")}}
    pr_head(r, d, layout, r.choice(["Map implant serial and UDI from the implant log", "Device: populate serialNumber + carrierHRF",
                                    "Implant registry export: include full UDI"]), dev, 3)
    udiff(d, render(before), render(after), fixture_path(r, "Device"), r=r)
    review(r, d, layout, rev, "Fixture uses a live implant record (⟦s⟧, implanted in ⟦n⟧). Swap for the GS1 sample UDI from the FDA guidance please.",
           s=P(ser, "device_id"), n=nm(p, "full"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_coverage(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r), staff(r), staff(r)
    medicare = r.random() < 0.4
    sub = p if medicare or r.random() < 0.5 else mk_family(r, p, age=r.randint(30, 70))
    mid = mbi(r) if medicare else member_id(r)
    payer = ("Medicare Part B", "") if medicare else r.choice(PAYERS)
    ident = {"system": "http://hl7.org/fhir/sid/us-mbi" if medicare else "https://%s/member-id" % r.choice(["bsca.com", "aetna.com", "uhc.com", "cigna.com"]),
             "value": P(mid, "medicare_mbi" if medicare else "health_plan_id")}
    cov = {"resourceType": "Coverage", "id": D("cov-" + hexs(r, 8), "internal_id"), "status": "active",
           "identifier": [ident], "subscriberId": P(mid, "medicare_mbi" if medicare else "health_plan_id"),
           "beneficiary": {"reference": D("Patient/" + str(r.randint(10000, 999999)), "internal_id"), "display": nm(p, "full")},
           "relationship": {"coding": [{"code": "self" if sub is p else "child"}]},
           "period": {"start": D("2026-01-01", "date"), "end": D("2026-12-31", "date")},
           "payor": [{"display": payer[0]}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": D(group_no(r), "other_id"), "name": "Employer group"}]}
    if sub is not p:
        cov["subscriber"] = {"display": nm(sub, "full")}
    before = dict(cov)
    before.pop("identifier")
    before["subscriberId"] = "MEMBER-ID-HERE"
    before["beneficiary"] = {"reference": cov["beneficiary"]["reference"]}
    pr_head(r, d, layout, r.choice(["Coverage: send identifier alongside subscriberId", "Fix 271 -> Coverage mapping for MBI",
                                    "Coverage fixture for dependent coverage"]), dev, 2)
    udiff(d, render(before), render(cov), fixture_path(r, "Coverage"), r=r)
    review(r, d, layout, rev, "nit: use a synthetic member id here, ⟦m⟧ looks like it came off a real card.", m=P(mid, "medicare_mbi" if medicare else "health_plan_id"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_encounter_account(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r), staff(r), staff(r)
    adm = recent(r, 60)
    dis = adm + timedelta(days=r.randint(1, 8))
    vn, ac = visit(r), acct(r)
    enc = {"resourceType": "Encounter", "id": D(hexs(r, 12), "internal_id"), "status": "finished",
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
           "identifier": [{"type": {"text": "Visit number"}, "system": "urn:oid:1.2.840.114350.1.13.0.1.7.3.698084.8", "value": P(vn, "account_number")}],
           "subject": {"reference": D("Patient/" + str(r.randint(10000, 999999)), "internal_id"), "display": nm(p, r.choice(["full", "lf"]))},
           "period": {"start": P(f"{adm.isoformat()}T{clock(r)}:00-08:00", "date"), "end": P(f"{dis.isoformat()}T{clock(r)}:00-08:00", "date")},
           "account": [{"reference": D("Account/" + hexs(r, 10), "internal_id"), "display": P(ac, "account_number")}],
           "hospitalization": {"dischargeDisposition": {"text": r.choice(["Home", "SNF", "Home health"])}}}
    before = json.loads(json.dumps({"resourceType": "Encounter", "status": "in-progress"}))
    before.update({k: enc[k] for k in ("id", "class", "subject")})
    before["period"] = {"start": enc["period"]["start"]}
    pr_head(r, d, layout, r.choice(["Encounter: add visit number identifier and account link", "A03 -> Encounter.period.end",
                                    "Encounter fixture for discharge flow"]), dev, 4)
    style = "json" if layout != "gitlab" else r.choice(["json", "yaml"])
    udiff(d, render(before, style), render(enc, style), fixture_path(r, "Encounter").replace(".json", ".yaml" if style == "yaml" else ".json"), r=r)
    review(r, d, layout, rev, "Where is ⟦v⟧ from? That's a prod FIN.", v=P(vn, "account_number"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_claim(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r), staff(r), staff(r)
    dos = recent(r, 50)
    cn = claim_no(r)
    mid = member_id(r)
    icd = r.choice(["E11.9", "I10", "M54.50", "J44.1", "S82.201A", "N39.0"])
    cpt = r.choice(["99214", "99284", "71046", "27759", "93000"])
    claim = {"resourceType": "Claim", "id": D(hexs(r, 10), "internal_id"), "status": "active",
             "identifier": [{"system": "https://claims.%s/claim-number" % dom_of(r), "value": P(cn, "other_id")}],
             "type": {"coding": [{"code": "professional"}]}, "use": "claim",
             "patient": {"reference": D("Patient/" + str(r.randint(1000, 99999)), "internal_id"), "display": nm(p, "full")},
             "billablePeriod": {"start": P(dos.isoformat(), "date"), "end": P(dos.isoformat(), "date")},
             "created": D(f"{(dos + timedelta(days=2)).isoformat()}T08:00:00Z", "date"),
             "provider": {"display": D(r.choice(FACILITIES), "facility")},
             "insurance": [{"sequence": 1, "focal": True, "coverage": {"display": ["member ", mid] and P(mid, "health_plan_id")}}],
             "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(icd, "diagnosis_code")}]}}],
             "item": [{"sequence": 1, "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": D(cpt, "procedure_code")}]},
                       "servicedDate": P(dos.isoformat(), "date"), "unitPrice": {"value": Num("%d.00" % r.randint(80, 900)), "currency": "USD"}}]}
    before = {k: v for k, v in claim.items() if k not in ("identifier", "billablePeriod")}
    before["item"] = [{"sequence": 1, "productOrService": claim["item"][0]["productOrService"]}]
    pr_head(r, d, layout, r.choice(["Claim builder: add billablePeriod and claim number", "837P -> Claim mapping fixture",
                                    "Fix servicedDate on claim items"]), dev, 2)
    udiff(d, render(before), render(claim), fixture_path(r, "Claim"), r=r)
    review(r, d, layout, rev, "Claim ⟦c⟧ is a real claim from the ⟦dos⟧ batch; please anonymise.", c=P(cn, "other_id"), dos=P(fd(dos, "us"), "date"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_audit_ip(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r), staff(r), staff(r)
    ip = ip_public(r) if r.random() < 0.7 else ip6_public(r)
    pidn = str(r.randint(1000000, 9999999))
    dom = dom_of(r)
    ev = {"resourceType": "AuditEvent", "id": D(uuid(r), "internal_id"),
          "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest"},
          "action": "R", "recorded": D(f"{recent(r, 5).isoformat()}T{clock(r)}:{r.randint(10, 59)}Z", "date"), "outcome": "0",
          "agent": [{"type": {"text": "patient"}, "who": {"reference": D("Patient/" + pidn, "internal_id"), "display": nm(p, "full")},
                     "requestor": True, "network": {"address": P(ip, "ip_address"), "type": "2"}},
                    {"type": {"text": "server"}, "who": {"display": "portal-api"}, "requestor": False,
                     "network": {"address": ip_private(r), "type": "2"}}],
          "source": {"observer": {"display": f"portal.{dom}"}},
          "entity": [{"what": {"reference": D("Patient/" + pidn, "internal_id")}, "description": P(f"https://portal.{dom}/patients/{pidn}/chart", "url")}]}
    before = json.loads(json.dumps({"resourceType": "AuditEvent", "action": "R", "outcome": "0"}))
    before["agent"] = [{"type": {"text": "patient"}, "requestor": True}]
    pr_head(r, d, layout, r.choice(["AuditEvent: record client address for portal reads", "BALP AuditEvent fixture from portal access",
                                    "Portal audit -> FHIR AuditEvent"]), dev, 3)
    udiff(d, render(before), render(ev), fixture_path(r, "AuditEvent"), r=r)
    review(r, d, layout, rev, "The fixture has the patient's real home IP (⟦ip⟧) and chart link. Use 203.0.113.x from the docs range.", ip=P(ip, "ip_address"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_deceased_elderly(r):
    d, layout = Doc(), r.choice(FLAYOUTS)
    p, dev, rev = Person(r, age=r.randint(90, 103)), staff(r), staff(r)
    dth = recent(r, 30)
    pt = {"resourceType": "Patient", "id": D(str(r.randint(10000, 999999)), "internal_id"),
          "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-age", "valueAge": {"value": Num(P(str(p.age), "age_over_89")), "unit": "a"}}],
          "name": [{"family": P(p.family, "person_name"), "given": [P(p.given, "person_name")], "prefix": [D("Mrs." if p.sex == "F" else "Mr.", "title")]}],
          "birthDate": P(p.dob.isoformat(), "date"), "deceasedDateTime": P(f"{dth.isoformat()}T{clock(r)}:00-05:00", "date"),
          "contact": [{"relationship": [{"text": "daughter"}], "telecom": [{"system": "fax", "value": P(phone(r, "paren"), "phone")}]}]}
    before = {k: v for k, v in pt.items() if k not in ("deceasedDateTime", "extension")}
    before["deceasedBoolean"] = False
    pr_head(r, d, layout, r.choice(["Death indicator: map PID-29 to deceasedDateTime", "Age extension for 90+ patients",
                                    "Fix deceased mapping (A03 expired)"]), dev, 2)
    udiff(d, render(before), render(pt), fixture_path(r, "Patient"), r=r)
    review(r, d, layout, rev, "Safe Harbor says ages over 89 get aggregated - we shouldn't even have ⟦ag⟧ in a fixture.", ag=P(str(p.age), "age_over_89"))
    return d, layout, {}


@tpl("fhir_diff")
def t_fhir_ts_fixture(r):
    d, layout = Doc(), r.choice(["git", "gitlab", "github"])
    p, dev, rev = Person(r), staff(r), staff(r)
    a = Addr(r)
    rel = mk_family(r, p, age=r.randint(25, 70))
    cellp, faxp = phone_parts(r), phone_parts(r)
    obj = {"resourceType": "RelatedPerson", "id": D("rp-" + hexs(r, 6), "internal_id"),
           "patient": {"reference": D("Patient/" + str(r.randint(1000, 99999)), "internal_id"), "display": nm(p, "full")},
           "relationship": [{"text": kin_any(r, rel)}],
           "name": [{"text": nm(rel, "full")}],
           "telecom": [{"system": "phone", "value": P(fmt_phone(cellp, "dash"), "phone"), "use": "mobile"},
                       {"system": "fax", "value": P(fmt_phone(faxp, "paren"), "phone")},
                       {"system": "email", "value": P(email_of(r, rel), "email")}],
           "address": [{"line": [P(a.line, "street_address")], "city": P(a.city, "street_address"), "state": D(a.state, "street_address"), "postalCode": P(a.zip, "zip_code")}]}
    before = {"resourceType": "RelatedPerson", "id": obj["id"], "patient": {"reference": obj["patient"]["reference"]},
              "relationship": obj["relationship"], "name": [{"text": "Jane Doe"}]}
    pr_head(r, d, layout, r.choice(["test: RelatedPerson fixture with fax + email", "proxy access: add RelatedPerson telecom",
                                    "fixtures: caregiver contact"]), dev, 1)
    bl, al = render(before, "ts"), render(obj, "ts")
    bl[0] = ["export const relatedPerson: RelatedPerson = {"]
    al[0] = ["export const relatedPerson: RelatedPerson = {"]
    bl[-1] = ["};"]
    al[-1] = ["};"]
    udiff(d, bl, al, "src/__fixtures__/relatedPerson.ts", r=r)
    review(r, d, layout, rev, "Jane Doe was fine. Who is ⟦n⟧?", n=nm(rel, "full"))
    return d, layout, {}


# =========================================================================== sql_seed

def sq(v, kind=None, label="phi", n=False):
    """SQL string literal; labelled inside the quotes."""
    s = str(v).replace("'", "''")
    pre = "N'" if n else "'"
    if kind is None:
        return pre + s + "'"
    return [pre, L(s, label, kind), "'"]


def sql_wrap_open(r, layout):
    if layout == "jira":
        return "{code:sql}\n"
    if layout == "md":
        return "```sql\n"
    return ""


def sql_wrap_close(layout):
    return {"jira": "{code}\n", "md": "```\n"}.get(layout, "")


SLAYOUTS = ["raw", "jira", "md"]


def values_rows(d, rows, indent="  "):
    for i, row in enumerate(rows):
        d.add(indent + "(")
        for j, c in enumerate(row):
            if j:
                d.add(", ")
            d.add(c)
        d.add(")" + (",\n" if i < len(rows) - 1 else ";\n"))


@tpl("sql_seed")
def t_sql_patients_insert(r):
    d, layout = Doc(), r.choice(SLAYOUTS)
    d.add(sql_wrap_open(r, layout))
    if r.random() < 0.4:
        ddl_block(r, d, "registration.patient")
    d.add(r.choice(["-- seed: registration e2e (demographics + identifiers)\n", "-- repro data for PAS-2291, do not run in prod\n",
                    "-- V17 seed, reviewed by data governance? (TODO)\n"]))
    d.add("INSERT INTO registration.patient\n  (mrn, last_name, first_name, birth_date, sex, ssn, dl_number, dl_state, home_phone, fax_phone, email,\n   addr_line1, addr_line2, city, state, zip)\nVALUES\n")
    rows = []
    for _ in range(r.randint(2, 6)):
        p, a = Person(r), Addr(r)
        st, num = dl(r)
        rows.append([sq(mrn(r), "mrn"), ", ".join([]) or sq(p.family, "person_name"), sq(p.given, "person_name"),
                     sq(p.dob.isoformat(), "date"), sq(p.sex), sq(ssn(r, r.choice(["dash", "plain"])), "ssn"),
                     sq(num, "license_number"), sq(st, "street_address", "dont_care"), sq(phone(r, r.choice(["dash", "paren"])), "phone"),
                     sq(phone(r, "dash"), "phone") if r.random() < 0.5 else "NULL", sq(email_of(r, p), "email"),
                     sq(a.line_nounit, "street_address"), sq(a.unit, "street_address") if a.unit else "NULL",
                     sq(a.city, "street_address"), sq(a.state, "street_address", "dont_care"), sq(a.zip, "zip_code")])
    values_rows(d, rows)
    d.add(sql_wrap_close(layout))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_devices_copy(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    d.add(sql_wrap_open(r, layout))
    d.add(f"--\n-- Data for Name: implanted_device; Type: TABLE DATA; Schema: registry; Owner: registry_owner\n--\n\n"
          "COPY registry.implanted_device (id, patient_mrn, patient_name, device_type, manufacturer, model, serial_number, udi, implant_date) FROM stdin;\n")
    for i in range(r.randint(3, 9)):
        p = Person(r, age=r.randint(35, 97))
        kind_, maker, model, pre = r.choice(DEVICES)
        ser = device_serial(r, pre)
        d.add(D(str(1000 + i * r.randint(1, 7)), "internal_id"), "\t", P(mrn(r), "mrn"), "\t", nm(p, "upper"), "\t", kind_, "\t", maker, "\t", model, "\t",
              P(ser, "device_id"), "\t", P(udi(r, ser), "device_id") if r.random() < 0.7 else "\\N", "\t", P(fd(rdate(r, date(2014, 1, 1), TODAY), "iso"), "date"), "\n")
    d.add("\\.\n\n")
    d.add(f"SELECT pg_catalog.setval('registry.implanted_device_id_seq', {r.randint(1100, 9000)}, true);\n")
    d.add(sql_wrap_close(layout))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_payments_card(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    d.add(sql_wrap_open(r, layout))
    d.add("-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)\n--\n-- Host: %s    Database: billing\n" % (r.randint(30, 40), ip_private(r)))
    d.add("-- ------------------------------------------------------\n\nLOCK TABLES `patient_payment` WRITE;\n/*!40000 ALTER TABLE `patient_payment` DISABLE KEYS */;\n")
    d.add("INSERT INTO `patient_payment` (`id`,`account_no`,`payer_name`,`card_number`,`card_exp`,`amount`,`posted_at`) VALUES ")
    n = r.randint(2, 6)
    for i in range(n):
        p = Person(r)
        masked = r.random() < 0.4
        cn = card(r, style="plain")
        d.add("(", D(str(r.randint(10000, 99999)), "internal_id"), ",", sq(acct(r), "account_number"), ",", sq(p.full, "person_name"), ",",
              sq("XXXXXXXXXXXX" + cn[-4:]) if masked else sq(cn, "credit_card"), ",", sq(exp_mmyy(r), "date", "dont_care"), ",",
              "%d.%02d" % (r.randint(10, 900), r.randint(0, 99)), ",'", f"{fd(recent(r, 30), 'iso')} {clock(r)}:00", "')", "," if i < n - 1 else ";\n")
    d.add("/*!40000 ALTER TABLE `patient_payment` ENABLE KEYS */;\nUNLOCK TABLES;\n")
    d.add(sql_wrap_close(layout))
    if layout != "raw":
        d.add("\nThe legacy kiosk wrote full PANs before tokenisation was switched on. These rows need to be purged, not migrated.\n")
    return d, layout, {}


@tpl("sql_seed")
def t_sql_trauma_vehicle(r):
    d, layout = Doc(), r.choice(SLAYOUTS)
    d.add(sql_wrap_open(r, layout))
    if r.random() < 0.4:
        ddl_block(r, d, "dbo.CrashVehicle_stage")
    d.add("USE [TraumaRegistry];\nGO\nSET IDENTITY_INSERT dbo.CrashVehicle ON;\n")
    for i in range(r.randint(2, 5)):
        p = Person(r, age=r.choice([r.randint(16, 80), r.randint(90, 96)]))
        st, num = dl(r)
        v = vin(r)
        d.add("INSERT INTO dbo.CrashVehicle (CrashVehicleId, EncounterCsn, PatientName, AgeAtArrival, ArrivalDt, Vin, Plate, PlateState, DriverLicense, Restraint)\nVALUES (",
              D(str(r.randint(100, 9999)), "internal_id"), ", ", D(str(r.randint(10 ** 9, 10 ** 10 - 1)), "internal_id"), ", ", sq(p.lf, "person_name", n=True), ", ",
              P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), ", ", sq(f"{recent(r, 40).isoformat()}T{clock(r)}:00", "date"), ", ",
              sq(v, "vehicle_id"), ", ", sq(plate(r), "vehicle_id"), ", ", sq(st, "street_address", "dont_care"), ", ", sq(num, "license_number"), ", ",
              sq(r.choice(["lap+shoulder", "none", "unknown", "airbag deployed"])), ");\n")
    d.add("SET IDENTITY_INSERT dbo.CrashVehicle OFF;\nGO\n")
    d.add(sql_wrap_close(layout))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_portal_sessions(r):
    d, layout = Doc(), r.choice(SLAYOUTS)
    dom = dom_of(r)
    d.add(sql_wrap_open(r, layout))
    if r.random() < 0.4:
        ddl_block(r, d, "portal.session_audit")
    d.add("-- fixtures for the session-anomaly job; pulled from portal_audit on " + fd(recent(r, 10), "iso") + "\n")
    d.add("INSERT INTO portal.session_audit (session_id, patient_id, login_email, client_ip, landing_url, user_agent, started_at) VALUES\n")
    rows = []
    for _ in range(r.randint(3, 7)):
        p = Person(r)
        pidn = str(r.randint(1000000, 9999999))
        rows.append([sq(uuid(r)), D(pidn, "internal_id"), sq(email_of(r, p), "email"), sq(ip_public(r) if r.random() < 0.8 else ip6_public(r), "ip_address"),
                     sq(f"https://portal.{dom}/patients/{pidn}/" + r.choice(["chart", "messages", "billing", "results"]), "url"),
                     sq(r.choice(["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "okhttp/4.12.0"])),
                     sq(f"{recent(r, 10).isoformat()} {clock(r)}:{r.randint(10, 59)}+00", "date", "dont_care")])
    values_rows(d, rows)
    d.add(sql_wrap_close(layout))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_oracle_coverage(r):
    d, layout = Doc(), r.choice(SLAYOUTS)
    d.add(sql_wrap_open(r, layout))
    if r.random() < 0.4:
        ddl_block(r, d, "pas.coverage_hist")
    d.add("-- data fix DF-%d: Medicare members still keyed on HICN\n" % r.randint(100, 999))
    for _ in range(r.randint(2, 5)):
        p = Person(r, age=r.randint(66, 99))
        d.add("UPDATE PAS.COVERAGE SET MBI = ", sq(mbi(r), "medicare_mbi"), ", HICN = NULL, UPD_DT = SYSDATE\n WHERE MEMBER_ID = ",
              sq(ssn(r, "plain") + r.choice(["A", "B", "D"]), "health_plan_id"), " AND PAT_NAME = ", sq(p.upper_lf, "person_name"),
              " AND BIRTH_DT = TO_DATE(", sq(fd(p.dob, "ora"), "date"), ", 'DD-MON-YYYY');\n")
    d.add("COMMIT;\n")
    d.add(sql_wrap_close(layout))
    return d, layout, {}


def grid(d, headers, rows):
    """psql-style aligned grid; cells are (text, label-kind-or-None) pairs or plain strings."""
    def txt(c):
        return c.text if isinstance(c, L) else str(c)
    w = [max(len(h), *(len(txt(rw[i])) for rw in rows)) for i, h in enumerate(headers)]
    d.add(" " + " | ".join(h.ljust(w[i]) for i, h in enumerate(headers)) + "\n")
    d.add("-" + "-+-".join("-" * x for x in w) + "-\n")
    for rw in rows:
        d.add(" ")
        for i, c in enumerate(rw):
            if i:
                d.add(" | ")
            d.add(c, " " * (w[i] - len(txt(c))))
        d.add("\n")
    d.add(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


@tpl("sql_seed")
def t_sql_psql_grid(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    d.add({"jira": "{noformat}\n", "md": "```\n"}.get(layout, ""))
    q = r.choice(["SELECT mrn, last_name, first_name, dob, ssn, cell_phone FROM mpi.person WHERE last_name ILIKE 'dup%' OR ssn IN (SELECT ssn FROM mpi.person GROUP BY ssn HAVING count(*) > 1);",
                  "SELECT mrn, last_name, first_name, dob, ssn, cell_phone FROM mpi.person WHERE updated_at > now() - interval '1 day' LIMIT 20;"])
    d.add(f"mpi=> {q}\n")
    rows = []
    for _ in range(r.randint(2, 7)):
        p = Person(r)
        rows.append([P(mrn(r), "mrn"), P(p.family, "person_name"), P(p.given, "person_name"), P(p.dob.isoformat(), "date"),
                     P(ssn(r), "ssn"), P(phone(r, "dash"), "phone")])
    grid(d, ["mrn", "last_name", "first_name", "dob", "ssn", "cell_phone"], rows)
    d.add("\nmpi=> \\q\n")
    d.add({"jira": "{noformat}\n", "md": "```\n"}.get(layout, ""))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_flyway_sparse(r):
    d, layout = Doc(), r.choice(["raw", "md"])
    d.add(sql_wrap_open(r, layout))
    v = r.randint(40, 180)
    d.add(f"-- V{v}__billing_guarantor_and_card_tokens.sql\n-- Flyway migration; owner: billing-platform\n\n")
    tables = ["guarantor", "payment_token", "statement_run", "collection_referral"]
    for t in tables[: r.randint(2, 4)]:
        d.add(f"CREATE TABLE IF NOT EXISTS billing.{t} (\n    id              bigserial PRIMARY KEY,\n    account_id      varchar(16) NOT NULL,\n    status          varchar(16) NOT NULL,\n")
        for col in r.sample(["created_at timestamptz NOT NULL DEFAULT now()", "token varchar(64)", "last4 char(4)", "amount numeric(12,2)", "run_id uuid",
                             "agency_code varchar(8)", "relationship varchar(12)", "updated_by varchar(64)"], 4):
            d.add(f"    {col},\n")
        d.add(f"    CONSTRAINT {t}_chk CHECK (status IN ('NEW','ACTIVE','CLOSED'))\n);\n")
        d.add(f"CREATE INDEX IF NOT EXISTS ix_{t}_account ON billing.{t} (account_id);\n")
        d.add(f"COMMENT ON TABLE billing.{t} IS 'see ADR-{r.randint(10, 60)}';\n\n")
    d.add("-- backfill: Tier 2 asked us to fix one guarantor by hand (REV-%d)\n" % r.randint(1000, 9999))
    p = Person(r)
    g = mk_family(r, p, age=r.randint(35, 70))
    a = Addr(r)
    d.add("INSERT INTO billing.guarantor (account_id, status, name, relationship, ssn, phone, addr) VALUES (", sq(acct(r), "account_number"), ", 'ACTIVE', ",
          sq(g.full, "person_name"), ", 'parent', ", sq(ssn(r), "ssn"), ", ", sq(phone(r), "phone"), ", '", P(a.line, "street_address"), " ",
          P(a.city, "street_address"), " ", D(a.state, "street_address"), " ", P(a.zip, "zip_code"), "');\n\n")
    d.add("GRANT SELECT ON ALL TABLES IN SCHEMA billing TO billing_ro;\n")
    d.add(sql_wrap_close(layout))
    return d, layout, {}


@tpl("sql_seed")
def t_sql_sqlite_box(r):
    d, layout = Doc(), r.choice(["raw", "md"])
    d.add("```\n" if layout == "md" else "")
    d.add("sqlite> .mode box\nsqlite> SELECT name, age, dob, zip, member_id FROM cohort WHERE age >= 90 ORDER BY age DESC;\n")
    rows = []
    for _ in range(r.randint(2, 6)):
        p = Person(r, age=r.randint(90, 104))
        rows.append([nm(p, "full"), P(str(p.age), "age_over_89"), P(p.dob.isoformat(), "date"), P(Addr(r).zip[:5], "zip_code"), P(member_id(r), "health_plan_id")])
    hdr = ["name", "age", "dob", "zip", "member_id"]
    w = [max(len(h), *(len(rw[i].text) for rw in rows)) for i, h in enumerate(hdr)]
    w = [x + 0 for x in w]
    d.add("┌" + "┬".join("─" * (x + 2) for x in w) + "┐\n")
    d.add("│" + "│".join(" " + h.center(w[i]) + " " for i, h in enumerate(hdr)) + "│\n")
    d.add("├" + "┼".join("─" * (x + 2) for x in w) + "┤\n")
    for rw in rows:
        d.add("│")
        for i, c in enumerate(rw):
            if i:
                d.add("│")
            d.add(" ", c, " " * (w[i] - len(c.text)) + " ")
        d.add("│\n")
    d.add("└" + "┴".join("─" * (x + 2) for x in w) + "┘\n")
    d.add("```\n" if layout == "md" else "")
    return d, layout, {}


# =========================================================================== clinical_note

CONDS = ["atrial fibrillation", "type 2 diabetes", "CKD stage 3b", "COPD", "hypertension", "heart failure with reduced EF",
         "sick sinus syndrome", "complete heart block", "osteoporosis", "dementia, moderate", "hypothyroidism", "major depressive disorder",
         "type 1 diabetes", "Parkinson disease", "chronic low back pain", "macular degeneration"]
MEDS = ["apixaban 5 mg BID", "metoprolol succinate 50 mg daily", "furosemide 40 mg daily", "insulin lispro via pump", "levothyroxine 75 mcg",
        "donepezil 10 mg qhs", "atorvastatin 40 mg", "tiotropium inhaler", "sertraline 50 mg", "carbidopa-levodopa 25/100 TID",
        "lisinopril 10 mg", "alendronate 70 mg weekly", "acetaminophen 650 mg q6h PRN"]


def cond(r):
    return D(r.choice(CONDS), "condition")


def med(r):
    return D(r.choice(MEDS), "medication")


def note_head(r, d, layout, kind_, p, m, when, fac_name=None):
    fac_name = fac_name or r.choice(FACILITIES)
    if layout == "epic":
        d.f("⟦f⟧\n⟦k⟧\n\n⟦n⟧   MRN: ⟦m⟧   DOB: ⟦dob⟧   Sex: ⟦s⟧\nDate of Service: ⟦w⟧\n\n", f=D(fac_name, "facility"), k=kind_.upper(),
            n=nm(p, "upper"), m=P(m, "mrn"), dob=P(fd(p.dob, "us"), "date"), s=p.sex, w=P(fd(when, "us"), "date"))
    elif layout == "soap":
        d.f("⟦k⟧ - ⟦w⟧\nPatient: ⟦n⟧ (⟦m⟧), DOB ⟦dob⟧\n\n", k=kind_, w=P(fd(when, "long"), "date"), n=nm(p, "full"), m=P(m, "mrn"),
            dob=P(fd(p.dob, r.choice(["us", "iso", "dmon"])), "date"))
    else:
        d.f("Name: ⟦n⟧\nMRN: ⟦m⟧\nD.O.B.: ⟦dob⟧\n⟦k⟧ | ⟦w⟧ | ⟦f⟧\n----------------------------------------------------------\n",
            n=nm(p, "lf"), m=P(m, "mrn"), dob=P(fd(p.dob, "us1"), "date"), k=kind_, w=P(fd(when, "us1"), "date"), f=D(fac_name, "facility"))


def sign(r, d, s, when=None):
    d.f("\nElectronically signed by ⟦n⟧, ⟦c⟧ on ⟦w⟧\n", n=sn(s), c=r.choice(["MD", "DO", "NP", "PA-C", "RN", "LCSW"]),
        w=D(f"{fd((when + timedelta(days=r.randint(0, 1))) if when else recent(r, 3), 'us')} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", "date"))


NLAYOUTS = ["epic", "soap", "plain"]


@tpl("clinical_note")
def t_note_ed_mva(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_ = Person(r, age=r.choice([r.randint(17, 75), r.randint(90, 95)])), staff(r)
    m = mrn(r)
    arr = recent(r, 20)
    v = vin(r)
    yr = {"G": 2016, "H": 2017, "J": 2018, "K": 2019, "L": 2020, "M": 2021, "N": 2022, "P": 2023, "R": 2024}[v[9]]
    pl = plate(r)
    st, num = dl(r)
    note_head(r, d, layout, "ED Provider Note", p, m, arr)
    age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
    d.f("CHIEF COMPLAINT: MVC\n\nHPI: ⟦ag⟧ y/o ⟦sx⟧, restrained driver of a ⟦yr⟧ ⟦mo⟧ struck on the driver side at ~⟦mph⟧ mph at ⟦loc⟧. Airbags deployed. "
        "Brought by ⟦ems⟧. Arrived ⟦arr⟧ ⟦tm⟧. Complains of left chest wall pain and neck pain. No LOC per bystanders. PMH: ⟦c1⟧. Meds: ⟦m1⟧.\n\n",
        ag=age, sx="female" if p.sex == "F" else "male", yr=str(yr), mo=vin_model(v), mph=str(r.randint(20, 50)),
        loc=r.choice(["an intersection downtown", "the freeway on-ramp", "a parking lot"]), ems=r.choice(["Medic 14", "Engine 7 / AMR 22", "County EMS unit 3"]),
        arr=P(fd(arr, "us"), "date"), tm=clock(r), c1=cond(r), m1=med(r))
    d.f("Per police: " + r.choice(["crash report", "PD report", "collision report"]) + " ⟦rep⟧. Vehicle ⟦v⟧, plate ⟦pl⟧ (⟦st⟧) - towed. Patient's licence ⟦st2⟧ ⟦dl⟧ held with belongings.\n\n",
        rep=P("%d-%06d" % (r.randint(20, 26), r.randint(0, 999999)), "other_id"), v=P(v, "vehicle_id"), pl=P(pl, "vehicle_id"), st=D(st, "street_address"),
        st2=D(st, "street_address"), dl=P(num, "license_number"))
    d.add("EXAM: GCS 15. C-collar in place. Seatbelt sign across the left chest. Tender left ribs 4-6. Abdomen soft.\n\n")
    d.f("ED COURSE: CT head/C-spine negative. CXR: nondisplaced left 5th rib fracture. Pain controlled with ⟦m⟧.\n\n", m=D("ketorolac 15 mg IV", "medication"))
    d.f("BELONGINGS (security inventory): wallet with ⟦st⟧ driver licence ⟦dl⟧, debit card ending ⟦l4⟧, phone. Released to ⟦rel⟧ (⟦kin⟧), ⟦ph⟧.\n",
        st=D(st, "street_address"), dl=P(num, "license_number"), l4=D("%04d" % r.randint(0, 9999), "credit_card"),
        rel=nm(mk_family(r, p), "full"), kin=r.choice(["spouse", "sibling", "parent"]), ph=P(phone(r), "phone"))
    d.add("\nDISPOSITION: Discharged home, incentive spirometer, return precautions.\n")
    if r.random() < 0.5:
        long_labs(r, d)
    sign(r, d, doc_, arr)
    return d, layout, {"crlf": r.random() < 0.25}


@tpl("clinical_note")
def t_note_device_interrogation(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_ = Person(r, age=r.randint(55, 99)), staff(r)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("pacemaker", "icd")])
    ser = device_serial(r, pre)
    imp = rdate(r, date(2015, 1, 1), date(2025, 1, 1))
    when = recent(r, 15)
    note_head(r, d, layout, "Device Clinic - In-office Interrogation", p, mrn(r), when)
    age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
    d.f("⟦ag⟧-year-old with ⟦c⟧ s/p ⟦k⟧ implant ⟦imp⟧.\n\nDEVICE\n  Manufacturer: ⟦mk⟧\n  Model: ⟦mo⟧\n  Serial: ⟦s⟧\n  UDI: ⟦u⟧\n"
        "  Leads: RA ⟦l1⟧ s/n ⟦ls1⟧, RV ⟦l2⟧ s/n ⟦ls2⟧\n\n",
        ag=age, c=D(r.choice(["sick sinus syndrome", "complete heart block", "ischemic cardiomyopathy", "tachy-brady syndrome"]), "condition"),
        k=kind_.upper() if kind_ == "icd" else kind_, imp=P(fd(imp, r.choice(["us", "mond", "iso"])), "date"), mk=maker, mo=model, s=P(ser, "device_id"),
        u=P(udi(r, ser), "device_id"), l1=r.choice(["5076-52", "CapSureFix 5076", "Tendril STS 2088TC"]), ls1=P("PJN" + "%07d" % r.randint(0, 9999999), "device_id"),
        l2=r.choice(["5076-58", "3830 SelectSecure", "Ingevity+ 7841"]), ls2=P("LFF" + "%06d" % r.randint(0, 999999), "device_id"))
    d.f("FINDINGS\n  Battery: ⟦b⟧ V (RRT 2.63 V), longevity ⟦y⟧ years\n  RA pacing ⟦ra⟧%, RV pacing ⟦rv⟧%\n  RV threshold 0.75 V @ 0.4 ms, impedance ⟦imped⟧ ohms\n"
        "  Episodes: ⟦ep⟧ AT/AF episodes, longest ⟦dur⟧ (⟦epd⟧)\n\n",
        b="%.2f" % r.uniform(2.8, 3.1), y=str(r.randint(2, 11)), ra=str(r.randint(1, 80)), rv=str(r.randint(1, 99)), imped=str(r.randint(400, 900)),
        ep=str(r.randint(0, 12)), dur=f"{r.randint(0, 14)} h {r.randint(0, 59)} min", epd=P(fd(when - timedelta(days=r.randint(2, 60)), "us1"), "date"))
    d.f("PLAN: No changes. Next remote transmission ⟦nx⟧. Home monitor paired (s/n ⟦hm⟧). Questions to device clinic ⟦dc⟧.\n",
        nx=P(fd(when + timedelta(days=91), "us"), "date"), hm=P("%s%07d" % (r.choice(["HSN", "MCL", "LAT"]), r.randint(0, 9999999)), "device_id"),
        dc=D(phone(r, "dash"), "staff_contact"))
    if r.random() < 0.5:
        d.add("\nTRANSMISSION HISTORY\n")
        t = when - timedelta(days=91 * r.randint(4, 9))
        while t < when:
            d.add("  ", P(fd(t, "us"), "date"), "  " + r.choice(["scheduled remote, normal", "scheduled remote, AT/AF burden < 1%", "alert: high RV impedance (transient)",
                                                               "patient-initiated, no events", "missed - monitor offline"]) + "\n")
            t += timedelta(days=91 + r.randint(-5, 5))
    sign(r, d, doc_, when)
    return d, layout, {}


@tpl("clinical_note")
def t_note_geriatric_hp(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_, pcp = Person(r, age=r.randint(90, 104)), staff(r), staff(r)
    a = Addr(r, unit=r.choice(["Apt 3B", "Unit 12", "#407", "Apt 1104", "Apt 2"]))
    dau = mk_family(r, p, rel_sex="F", age=r.randint(55, 75))
    adm = recent(r, 10)
    note_head(r, d, layout, "History and Physical", p, mrn(r), adm)
    d.f("HPI: ⟦tn⟧ is a ⟦ag⟧ y/o ⟦sx⟧ with ⟦c1⟧ and ⟦c2⟧ admitted ⟦adm⟧ after a fall at home. Found on the kitchen floor by the daughter, ⟦dn⟧, "
        "who visits daily. Down time unknown, possibly overnight.\n\nSOCIAL: Widowed. Lives alone at ⟦ad⟧, ⟦city⟧ ⟦z⟧ (third floor, elevator). "
        "Home phone ⟦hp⟧. Daughter's cell ⟦dc⟧. Former ⟦job⟧.\n\nMEDS: ⟦m1⟧; ⟦m2⟧; ⟦m3⟧.\n\n",
        tn=titled(p), ag=P(str(p.age), "age_over_89"), sx="woman" if p.sex == "F" else "man", c1=cond(r), c2=cond(r), adm=P(fd(adm, "mond"), "date"),
        dn=nm(dau, "full"), ad=P(a.line, "street_address"), city=P(a.city, "street_address"), z=P(a.zip, "zip_code"),
        hp=P(phone(r), "phone"), dc=P(phone(r), "phone"), job=r.choice(["schoolteacher", "machinist", "seamstress", "bus driver", "nurse"]),
        m1=med(r), m2=med(r), m3=med(r))
    d.add("EXAM: Frail, oriented x2. Bruising over the left hip. Shortened, externally rotated left leg.\n\n")
    d.f("A/P: Left femoral neck fracture. Ortho consulted. Goals-of-care discussion with patient and daughter - full code for now.\n"
        "Copy to PCP ⟦pcp⟧, fax ⟦fx⟧.\n", pcp=sn(pcp), fx=D(phone(r, "paren"), "staff_contact"))
    if r.random() < 0.5:
        long_labs(r, d)
    sign(r, d, doc_, adm)
    return d, layout, {"crlf": r.random() < 0.3}


@tpl("clinical_note")
def t_note_discharge_summary(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_, pcp = Person(r), staff(r), staff(r)
    adm = recent(r, 30)
    dis = adm + timedelta(days=r.randint(2, 9))
    m = mrn(r)
    note_head(r, d, layout, "Discharge Summary", p, m, dis)
    dx = r.choice([("Acute on chronic systolic heart failure", "I50.23", "Diuresed with IV furosemide, net -4.2 L. Creatinine peaked at 1.9 and improved to 1.4."),
                   ("COPD exacerbation", "J44.1", "Treated with nebulised bronchodilators, prednisone 40 mg x5 days and doxycycline. Weaned to room air on day 3."),
                   ("Type 2 diabetes with hyperglycemia", "E11.65", "Insulin drip for 18 h, transitioned to basal-bolus. Diabetes education completed."),
                   ("Atrial fibrillation with RVR", "I48.91", "Rate controlled with IV diltiazem then oral metoprolol. Anticoagulation started after shared decision-making."),
                   ("Pneumonia, unspecified organism", "J18.9", "Ceftriaxone and azithromycin, defervesced on day 2, switched to oral amoxicillin-clavulanate.")])
    d.f("Admission date: ⟦a⟧    Discharge date: ⟦b⟧\nVisit #: ⟦v⟧    HAR: ⟦h⟧\nAttending: ⟦att⟧\n\nPRINCIPAL DIAGNOSIS: ⟦c1⟧ (⟦icd⟧)\nSECONDARY: ⟦c2⟧\n\n",
        a=P(fd(adm, "us"), "date"), b=P(fd(dis, "us"), "date"), v=P(visit(r), "account_number"), h=P(acct(r), "account_number"), att=sn(doc_),
        c1=D(dx[0], "condition"), icd=D(dx[1], "diagnosis_code"), c2=cond(r))
    d.add("HOSPITAL COURSE: " + dx[2] + " Ambulating with PT.\n\n")
    d.f("DISCHARGE MEDICATIONS: ⟦m1⟧; ⟦m2⟧; ⟦m3⟧\n\nFOLLOW-UP: PCP ⟦pcp⟧ within 7 days (office fax ⟦fx⟧). Heart failure clinic ⟦hf⟧. "
        "Home health referral faxed to ⟦hh⟧.\nPatient contact after discharge: ⟦ph⟧ (cell), ⟦em⟧.\n",
        m1=med(r), m2=med(r), m3=med(r), pcp=sn(pcp), fx=D(phone(r, "paren"), "staff_contact"), hf=P(fd(dis + timedelta(days=r.randint(5, 14)), "us1"), "date"),
        hh=D(phone(r, "dash"), "staff_contact"), ph=P(phone(r), "phone"), em=P(email_of(r, p), "email"))
    if r.random() < 0.5:
        long_labs(r, d)
    sign(r, d, doc_, dis)
    return d, layout, {}


@tpl("clinical_note")
def t_note_death(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_ = Person(r, age=r.randint(90, 105)), staff(r)
    dth = recent(r, 10)
    kin_ = mk_family(r, p, age=r.randint(50, 75))
    note_head(r, d, layout, "Death Pronouncement Note", p, mrn(r), dth)
    d.f("Called by RN to evaluate ⟦tn⟧ (⟦n⟧), ⟦ag⟧ y/o on comfort care for ⟦c⟧. No response to verbal or painful stimuli. No heart sounds for 1 minute, no breath sounds, "
        "pupils fixed. Time of death ⟦t⟧ on ⟦dd⟧.\n\nNext of kin ⟦k⟧ (⟦rel⟧) notified by phone at ⟦kp⟧. Family declined autopsy.\n"
        "Medical examiner notified per policy (age, fall within 30 days): case ⟦me⟧ accepted for jurisdiction review; released.\n"
        "Funeral home: ⟦fh⟧, ⟦fhp⟧.\n",
        tn=titled(p), n=nm(p, "full"), ag=P(str(p.age), "age_over_89"), c=cond(r), t=clock(r), dd=P(fd(dth, r.choice(["us", "long", "iso"])), "date"),
        k=nm(kin_, "full"), rel=kin_any(r, kin_), kp=P(phone(r), "phone"), me=P("ME-%d-%05d" % (dth.year, r.randint(0, 99999)), "other_id"),
        fh=r.choice(["Greenlawn Funeral Home", "Hillcrest Mortuary", "St. Anne Funeral Chapel"]), fhp=D(phone(r, "paren"), "staff_contact"))
    sign(r, d, doc_, dth)
    return d, layout, {}


@tpl("clinical_note")
def t_note_telephone(r):
    d, layout = Doc(), r.choice(["plain", "soap"])
    p, rn = Person(r), staff(r)
    call = recent(r, 5)
    cell = phone(r)
    d.f("TELEPHONE ENCOUNTER ⟦dt⟧ ⟦t⟧\nCaller: ⟦n⟧ (self)   DOB ⟦dob⟧   Call-back: ⟦cb⟧\n\n", dt=D(fd(call, "us"), "date"), t=clock(r), n=nm(p, "full"),
        dob=P(fd(p.dob, r.choice(DSTYLES)), "date"), cb=P(cell, "phone"))
    d.f("Reason: ⟦rs⟧. Pt states ⟦st⟧.\nPt asks that results go to the portal; personal email ⟦e⟧ (updated in demographics). "
        "Does not want voicemails on the home line ⟦hp⟧.\nPharmacy: ⟦ph⟧ (⟦php⟧).\n\nPlan: ⟦pl⟧\n",
        rs=r.choice(["refill request", "side effects", "lab results question", "swelling in ankles"]),
        st=r.choice([["she ran out of ", D(r.choice(MEDS).split(" ")[0], "medication"), " 2 days ago"], ["dizziness when standing since the ",
                      D(r.choice(MEDS).split(" ")[0], "medication"), " dose change"], "she saw 'high' on the portal and is worried"]),
        e=P(email_of(r, p), "email"), hp=P(phone(r), "phone"), ph=r.choice(["Walgreens #%d" % r.randint(1000, 19999), "CVS/pharmacy #%d" % r.randint(1000, 9999), "Rite Aid #%d" % r.randint(1000, 9999)]),
        php=D(phone(r, "dash"), "staff_contact"), pl=r.choice(["routed to MD", "refill sent x30 days", "advised BMP this week", "scheduled video visit"]))
    if p.sex == "M":
        d.parts = [x.replace("she ran out", "he ran out").replace("she saw", "he saw") if isinstance(x, str) else x for x in d.parts]
    d.f("\n-- ⟦n⟧, RN\n", n=sn(rn))
    return d, layout, {}


@tpl("clinical_note")
def t_note_pump_visit(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, doc_ = Person(r, age=r.randint(8, 70)), staff(r)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] == "insulin pump"])
    ser = device_serial(r, pre)
    tx = "%s%s" % (r.choice("8ABC"), "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5)))
    when = recent(r, 20)
    note_head(r, d, layout, "Diabetes Clinic - Pump Follow-up", p, mrn(r), when)
    d.f("⟦c⟧ on ⟦mk⟧ ⟦mo⟧ (s/n ⟦s⟧, started ⟦st⟧) with ⟦cgm⟧ CGM, transmitter ID ⟦tx⟧.\n"
        "Upload ⟦u1⟧-⟦u2⟧: time in range ⟦tir⟧%, below 70 ⟦tbr⟧%, GMI ⟦gmi⟧%.\n\nSettings reviewed: basal 0.⟦b⟧ U/h overnight, ICR 1:⟦icr⟧, ISF ⟦isf⟧.\n\n",
        c=D("Type 1 diabetes", "condition"), mk=maker, mo=model, s=P(ser, "device_id"), st=P(fd(rdate(r, date(2019, 1, 1), date(2026, 6, 1)), "us2"), "date"),
        cgm=r.choice(["Dexcom G7", "Dexcom G6", "Libre 3"]), tx=P(tx, "device_id"), u1=P(fd(when - timedelta(days=14), "us1"), "date"), u2=P(fd(when, "us1"), "date"),
        tir=str(r.randint(45, 85)), tbr=str(r.randint(0, 6)), gmi="%.1f" % r.uniform(6.4, 8.6), b=str(r.randint(4, 9)), icr=str(r.randint(6, 15)),
        isf=str(r.randint(25, 80)))
    d.f("Plan: Pump warranty ends ⟦we⟧, supplier to contact patient at ⟦ph⟧. Ok to continue ⟦m⟧.\n",
        we=D(fd(when + timedelta(days=r.randint(30, 400)), "mond"), "date"), ph=P(phone(r), "phone"), m=D("insulin aspart (pump)", "medication"))
    sign(r, d, doc_, when)
    return d, layout, {}


@tpl("clinical_note")
def t_note_social_work(r):
    d, layout = Doc(), r.choice(NLAYOUTS)
    p, sw = Person(r, age=r.randint(30, 64)), staff(r)
    a = Addr(r)
    when = recent(r, 10)
    note_head(r, d, layout, "Social Work Progress Note", p, mrn(r), when)
    d.f("Met with patient at bedside to help complete the SSDI application. Patient provided SSN ⟦s⟧ and Medicaid CIN ⟦cin⟧ (⟦st⟧). "
        "Confirmed mailing address ⟦ad⟧. Patient's phone was disconnected; new cell ⟦ph⟧.\n\n"
        "Patient has been unable to work since ⟦since⟧ due to ⟦c⟧. Prior employer: ⟦emp⟧.\n\nPlan: Fax SSA-827 to the DDS office (⟦dds⟧). Follow up in 1 week.\n",
        s=P(ssn(r, r.choice(["dash", "plain", "space"])), "ssn"), cin=P(medicaid(r), "health_plan_id"), st=D(a.state, "street_address"), ad=a.parts(),
        ph=P(phone(r), "phone"), since=P(fd(recent(r, 500), "monyy"), "date"), c=cond(r), emp=r.choice(["a warehouse", "a nursing home", "the school district", "a trucking company"]),
        dds=D(phone(r, "paren"), "staff_contact"))
    sign(r, d, sw, when)
    return d, layout, {}


@tpl("clinical_note")
def t_note_ems_pcr(r):
    d, layout = Doc(), "pcr"
    p, medic = Person(r, age=r.choice([r.randint(20, 85), r.randint(90, 99)])), staff(r)
    a = Addr(r)
    when = recent(r, 15)
    v = vin(r)
    age = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
    d.f("PATIENT CARE REPORT  Incident #⟦inc⟧   Unit: ⟦u⟧   Date: ⟦dt⟧\n", inc=P("%d%06d" % (when.year, r.randint(0, 999999)), "other_id"),
        u=r.choice(["M14", "A22", "R7", "Medic 3"]), dt=P(fd(when, "us"), "date"))
    d.f("Patient: ⟦n⟧   Age: ⟦ag⟧   DOB: ⟦dob⟧   Sex: ⟦sx⟧\nHome address: ⟦ad⟧\nPhone: ⟦ph⟧\n", n=nm(p, "lf"), ag=age, dob=P(fd(p.dob, "us"), "date"),
        sx=p.sex, ad=a.parts(), ph=P(phone(r), "phone"))
    d.f("Dispatch: ⟦t1⟧ MVC, 2 vehicles. On scene ⟦t2⟧. Pt self-extricated from ⟦his⟧ ⟦mo⟧ (VIN ⟦v⟧, plate ⟦pl⟧) before arrival.\n"
        "Narrative: Pt ambulatory at scene, c/o neck pain 4/10. Vitals BP ⟦bp⟧, HR ⟦hr⟧, SpO2 ⟦sp⟧% RA. C-spine precautions per protocol.\n"
        "Transport to ⟦f⟧, priority 3. Care transferred to ED RN ⟦rn⟧ at ⟦t3⟧.\n",
        t1=f"{(h0 := r.randint(0, 20)):02d}:{(m0 := r.randint(0, 30)):02d}", t2=f"{h0:02d}:{m0 + r.randint(6, 14):02d}", his=her(p), mo=vin_model(v), v=P(v, "vehicle_id"), pl=P(plate(r), "vehicle_id"), bp=f"{r.randint(100, 170)}/{r.randint(60, 100)}",
        hr=str(r.randint(60, 120)), sp=str(r.randint(93, 100)), f=D(r.choice(FACILITIES), "facility"), rn=sn(staff(r)), t3=f"{h0 + 1:02d}:{r.randint(0, 59):02d}")
    d.f("Crew: ⟦c1⟧ (EMT-P), ⟦c2⟧ (EMT)\n", c1=sn(medic), c2=sn(staff(r)))
    return d, layout, {"crlf": r.random() < 0.4}


# =========================================================================== claims_csv

def csv_out(d, headers, rows, sep=",", quote_all=False, eol="\n"):
    def cell(c):
        t = c.text if isinstance(c, L) else ("".join(x.text if isinstance(x, L) else x for x in c) if isinstance(c, list) else str(c))
        need = quote_all or sep in t or '"' in t
        return need
    d.add(sep.join(('"%s"' % h) if quote_all else h for h in headers) + eol)
    for row in rows:
        for i, c in enumerate(row):
            if i:
                d.add(sep)
            if cell(c):
                d.add('"', c, '"')
            else:
                d.add(c)
        d.add(eol)


def csv_dialect(r):
    return r.choice([(",", False), (",", True), ("|", False), ("\t", False)])


CPT = ["99213", "99214", "99284", "71046", "93000", "97110", "36415", "80053", "G0439", "99223"]
ICD = ["I10", "E11.9", "J44.1", "M54.50", "N39.0", "R07.9", "S06.0X0A", "Z00.00", "I48.91", "F32.A"]


@tpl("claims_csv")
def t_csv_837_export(r):
    d = Doc()
    sep, qa = csv_dialect(r)
    hdr = ["claim_id", "member_id", "patient_last", "patient_first", "dob", "dos_from", "dos_to", "cpt", "icd10_1", "billed_amt", "payer"]
    rows = []
    for _ in range(r.randint(5, 16)):
        p = Person(r)
        dos = recent(r, 90)
        ds = r.choice(["iso", "us", "hl7"])
        payer = r.choice(PAYERS)[0]
        mid = P(mbi(r), "medicare_mbi") if payer.startswith("Medicare") else P(member_id(r), "health_plan_id")
        if payer.startswith("Medicare") and p.age < 65:
            p = Person(r, age=r.randint(65, 95))
        rows.append([P(claim_no(r), "other_id"), mid, P(p.family, "person_name"), P(p.given, "person_name"),
                     P(fd(p.dob, ds), "date"), P(fd(dos, ds), "date"), P(fd(dos, ds), "date"), D(r.choice(CPT), "procedure_code"),
                     D(r.choice(ICD), "diagnosis_code"), "%d.%02d" % (r.randint(60, 3000), r.randint(0, 99)), payer])
    csv_out(d, hdr, rows, sep, qa)
    return d, {",": "comma", "|": "pipe", "\t": "tab"}[sep] + ("_quoted" if qa else ""), {"crlf": r.random() < 0.4, "bom": r.random() < 0.2}


@tpl("claims_csv")
def t_csv_mbi_denials(r):
    d = Doc()
    sep, qa = csv_dialect(r)
    hdr = ["mbi", "beneficiary_name", "birth_dt", "from_dos", "icn", "carc", "rarc", "billed", "paid"]
    rows = []
    for _ in range(r.randint(4, 12)):
        p = Person(r, age=r.randint(65, 101))
        dos = recent(r, 120)
        rows.append([P(mbi(r, r.random() < 0.3), "medicare_mbi"), P(p.upper_lf, "person_name"), P(fd(p.dob, "us"), "date"), P(fd(dos, "us"), "date"),
                     P("%d%03d%07d" % (r.randint(10, 29), dos.timetuple().tm_yday, r.randint(0, 9999999)), "other_id"),
                     r.choice(["CO-16", "CO-31", "PR-1", "CO-109", "CO-50"]), r.choice(["N382", "MA130", "N265", ""]),
                     "%d.00" % r.randint(80, 900), "0.00"])
    d.add("# MAC remittance denials, Part B, batch %s\n" % fd(recent(r, 10), "hl7"))
    csv_out(d, hdr, rows, sep, qa)
    return d, {",": "comma", "|": "pipe", "\t": "tab"}[sep], {"crlf": r.random() < 0.3}


@tpl("claims_csv")
def t_csv_dme_serials(r):
    d = Doc()
    sep, qa = csv_dialect(r)
    hdr = ["claim_no", "member_id", "patient", "dob", "hcpcs", "modifier", "item_serial", "udi", "dos", "supplier_npi"]
    rows = []
    for _ in range(r.randint(4, 10)):
        p = Person(r, age=r.randint(10, 95))
        kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("insulin pump", "CGM", "cochlear implant", "neurostimulator")])
        ser = device_serial(r, pre)
        rows.append([P(claim_no(r), "other_id"), P(member_id(r), "health_plan_id"), nm(p, "lf"), P(fd(p.dob, "iso"), "date"),
                     D({"insulin pump": "E0784", "CGM": r.choice(["A9276", "E2103", "K0553"]), "cochlear implant": "L8614", "neurostimulator": "L8680"}[kind_], "procedure_code"),
                     r.choice(["NU", "RR", "KX", "NU KX"]),
                     P(ser, "device_id"), P(udi(r, ser), "device_id") if r.random() < 0.5 else "", P(fd(recent(r, 60), "iso"), "date"), D(npi(r), "other_id")])
    csv_out(d, hdr, rows, sep, qa)
    return d, {",": "comma", "|": "pipe", "\t": "tab"}[sep], {}


@tpl("claims_csv")
def t_csv_ambulance(r):
    d = Doc()
    sep, qa = csv_dialect(r)
    hdr = ["run_no", "patient_name", "age", "dob", "pickup_address", "pickup_city", "pickup_zip", "destination", "loaded_miles", "hcpcs", "dos"]
    rows = []
    for _ in range(r.randint(4, 12)):
        p = Person(r, age=r.choice([r.randint(20, 89), r.randint(90, 99)]))
        a = Addr(r)
        rows.append([P("%d-%05d" % (r.randint(24, 26), r.randint(0, 99999)), "other_id"), nm(p, "upper"),
                     P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), P(fd(p.dob, "us"), "date"), P(a.line, "street_address"),
                     P(a.city, "street_address"), P(a.zip, "zip_code"), D(r.choice(FACILITIES), "facility"), "%.1f" % r.uniform(1, 30),
                     D(r.choice(["A0427", "A0429", "A0425", "A0433"]), "procedure_code"), P(fd(recent(r, 60), "us"), "date")])
    csv_out(d, hdr, rows, sep, qa)
    return d, {",": "comma", "|": "pipe", "\t": "tab"}[sep], {"crlf": r.random() < 0.5}


@tpl("claims_csv")
def t_csv_payments(r):
    d = Doc()
    sep, qa = (",", r.random() < 0.5)
    hdr = ["txn_id", "posted", "account_no", "patient", "card_brand", "card_number", "exp", "amount", "status"]
    rows = []
    for _ in range(r.randint(4, 12)):
        p = Person(r)
        brand = r.choice(["visa", "mc", "amex", "disc"])
        cn = card(r, brand, style="plain")
        masked = r.random() < 0.5
        rows.append([hexs(r, 16), f"{fd(recent(r, 15), 'iso')} {clock(r)}", P(acct(r), "account_number"), nm(p, "full"),
                     {"visa": "VISA", "mc": "MASTERCARD", "amex": "AMEX", "disc": "DISCOVER"}[brand],
                     ("*" * (len(cn) - 4) + cn[-4:]) if masked else P(cn, "credit_card"), D(exp_mmyy(r), "date"), "%d.%02d" % (r.randint(5, 900), r.randint(0, 99)),
                     r.choice(["SETTLED", "DECLINED", "REFUNDED", "SETTLED"])])
    d.add(r.choice(["# export from kiosk_payments (legacy) - PAN column not masked before 2026-10\n", "", "# PCI finding 4.2 evidence\n"]))
    csv_out(d, hdr, rows, sep, qa)
    return d, "comma" + ("_quoted" if qa else ""), {"crlf": r.random() < 0.3}


@tpl("claims_csv")
def t_csv_834_pipe(r):
    d = Doc()
    hdr = ["sub_ssn", "member_id", "rel", "last", "first", "dob", "gender", "addr1", "addr2", "city", "st", "zip", "phone", "cov_start", "plan"]
    rows = []
    for _ in range(r.randint(2, 5)):
        sub = Person(r, age=r.randint(26, 64))
        fam = [sub] + [mk_family(r, sub, age=r.randint(1, 24)) for _ in range(r.randint(0, 2))]
        a = Addr(r)
        sss = ssn(r, "plain")
        mid = member_id(r)
        plan = r.choice(["HMO-GOLD", "PPO500", "EPO-SILVER"])
        for i, m in enumerate(fam):
            rows.append([P(sss, "ssn"), P(mid + ("-%02d" % i if i else ""), "health_plan_id"),
                         "18" if i == 0 else "19", P(fold(m.family).upper(), "person_name"), P(fold(m.given).upper(), "person_name"), P(fd(m.dob, "hl7"), "date"),
                         m.sex, P(fold(a.line_nounit).upper(), "street_address"), P(a.unit.upper(), "street_address") if a.unit else "",
                         P(a.city.upper(), "street_address"), D(a.state, "street_address"), P(a.zip.replace("-", ""), "zip_code"),
                         P(phone(r, "plain"), "phone") if i == 0 else "", D("20260101", "date"), plan])
    csv_out(d, hdr, rows, "|")
    return d, "pipe834", {"crlf": r.random() < 0.5}


@tpl("claims_csv")
def t_csv_liability(r):
    d = Doc()
    sep, qa = csv_dialect(r)
    hdr = ["account", "patient", "dob", "accident_date", "accident_type", "carrier", "carrier_claim", "vin", "plate", "balance"]
    rows = []
    for _ in range(r.randint(3, 9)):
        p = Person(r)
        auto = r.random() < 0.75
        rows.append([P(acct(r), "account_number"), nm(p, "lf"), P(fd(p.dob, "us"), "date"), P(fd(recent(r, 200), "us"), "date"),
                     "AA auto" if auto else r.choice(["OA other", "EM employment"]),
                     r.choice(["GEICO", "Progressive", "State Farm", "Allstate", "USAA"]) if auto else r.choice(["Travelers", "Zenith", "The Hartford"]),
                     P("%d-%07d" % (r.randint(10, 99), r.randint(0, 9999999)), "other_id"), P(vin(r), "vehicle_id") if auto and r.random() < 0.85 else "",
                     P(plate(r), "vehicle_id") if auto and r.random() < 0.6 else "", "%d.%02d" % (r.randint(200, 40000), r.randint(0, 99))])
    csv_out(d, hdr, rows, sep, qa)
    return d, {",": "comma", "|": "pipe", "\t": "tab"}[sep], {}


@tpl("claims_csv")
def t_csv_summary_sparse(r):
    d = Doc()
    d.add("payer,month,claims,billed,paid,denial_rate\n")
    for payer, _ in PAYERS:
        for mth in range(r.randint(3, 6)):
            mm = (TODAY.month - mth - 1) % 12 + 1
            billed = r.randint(100000, 9000000)
            d.add(f"\"{payer}\",2026-{mm:02d},{r.randint(200, 9000)},{billed}.00,{int(billed * r.uniform(0.3, 0.7))}.00,{r.uniform(0.02, 0.2):.3f}\n")
    d.add("\n# outlier flagged by the denial model (see REV-%d):\n" % r.randint(1000, 9999))
    p = Person(r)
    d.add("claim_id,member_id,patient,dob,dos,billed\n")
    d.add(P(claim_no(r), "other_id"), ",", P(member_id(r), "health_plan_id"), ",\"", nm(p, "lf"), "\",", P(fd(p.dob, "iso"), "date"), ",",
          P(fd(recent(r, 60), "iso"), "date"), ",%d.00\n" % r.randint(20000, 90000))
    return d, "summary", {}


# =========================================================================== patient_email

MLAYOUTS = ["gmail", "outlook", "eml", "apple"]


def mail_date(r, d=None):
    d = d or recent(r, 14)
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday()]
    return f"{wd}, {d.day} {MON[d.month - 1]} {d.year} {clock(r)}:{r.randint(10, 59)} -0{r.choice([5, 6, 7, 8])}00"


def mail_head(r, d, layout, frm_name, frm_mail, to_parts, subject, when=None):
    """frm_name / frm_mail: L values. to_parts: parts list."""
    dt = mail_date(r, when)
    if layout == "gmail":
        d.f("⟦s⟧\nInbox\n\n⟦fn⟧ <⟦fm⟧>\t⟦dt⟧\nto ⟦to⟧\n\n", s=subject, fn=frm_name, fm=frm_mail, dt=D(dt, "date"), to=to_parts)
    elif layout == "outlook":
        d.f("From: ⟦fn⟧ <⟦fm⟧>\nSent: ⟦dt⟧\nTo: ⟦to⟧\nSubject: ⟦s⟧\n\n", s=subject, fn=frm_name, fm=frm_mail, dt=D(dt, "date"), to=to_parts)
    elif layout == "eml":
        d.f("Return-Path: <⟦fm0⟧>\nReceived: from mail-⟦h⟧.google.com (mail-⟦h⟧.google.com [⟦ip⟧])\n        by mx1.⟦dom⟧ (Postfix) with ESMTPS id ⟦id⟧\n"
            "        for <⟦to0⟧>; ⟦dt0⟧\nMessage-ID: <⟦mid⟧>\nDate: ⟦dt⟧\nFrom: ⟦fn⟧ <⟦fm⟧>\nTo: ⟦to⟧\nSubject: ⟦s⟧\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\n\n",
            fm0=P(frm_mail.text, "email"), h="%s%d-f%d" % (r.choice(["sor", "ej1", "pj1", "qt1"]), r.randint(1, 9), r.randint(40, 199)),
            ip="209.85.%d.%d" % (r.randint(128, 255), r.randint(1, 254)), dom=dom_of(r), id=hexs(r, 10).upper(),
            to0=[x for x in flat(to_parts) if isinstance(x, L)][0] if any(isinstance(x, L) for x in flat(to_parts)) else "inbox",
            dt0=dt, mid=D("CA" + hexs(r, 24) + "+" + hexs(r, 6) + "@mail.gmail.com", "internal_id"), dt=D(dt, "date"), fn=frm_name, fm=frm_mail, to=to_parts, s=subject)
    else:
        d.f("Begin forwarded message:\n\nFrom: ⟦fn⟧ <⟦fm⟧>\nSubject: ⟦s⟧\nDate: ⟦dt⟧\nTo: ⟦to⟧\n\n", s=subject, fn=frm_name, fm=frm_mail,
            dt=D(dt, "date"), to=to_parts)


def org_box(r, box=None):
    dom = dom_of(r)
    return D(f"{box or r.choice(['billing', 'patientaccounts', 'records', 'his', 'customerservice', 'deviceclinic'])}@{dom}", "staff_contact")


def quoted_reply(r, d, who, dom, text, **kw):
    d.f("\nOn ⟦dt⟧, ⟦n⟧ <⟦m⟧> wrote:\n", dt=D(mail_date(r, rdate(r, TODAY - timedelta(days=40), TODAY - timedelta(days=15))), "date"),
        n=sn(who), m=staff_mail(who, dom))
    for line in text.split("\n"):
        d.f("> " + line + "\n", **kw)


@tpl("patient_email")
def t_mail_ssn_member(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p, agent = Person(r), staff(r)
    mail = email_of(r, p)
    dom = dom_of(r)
    mail_head(r, d, layout, nm(p, "full"), P(mail, "email"), [org_box(r, "billing")],
              r.choice(["Re: Statement - insurance not billed?", "Question about my bill", "Re: Your account is past due"]))
    d.f("Hello,\n\nI got a bill for ⟦amt⟧ for my visit on ⟦dos⟧ but I have insurance. You asked for my information so here it is:\n\n"
        "Name: ⟦n⟧\nDate of birth: ⟦dob⟧\nSSN: ⟦ss⟧\nInsurance: ⟦ins⟧, member ID ⟦mid⟧, group ⟦grp⟧\nAccount number on the statement: ⟦ac⟧\n\n"
        "Please bill them and call me at ⟦ph⟧ if you need anything else.\n\nThank you,\n⟦n2⟧\n",
        amt="$%d.%02d" % (r.randint(90, 4000), r.randint(0, 99)), dos=P(fd(recent(r, 90), r.choice(["long", "us1", "mond"])), "date"),
        n=nm(p, "full"), dob=P(fd(p.dob, r.choice(["us", "long", "us1"])), "date"), ss=P(ssn(r, r.choice(["dash", "plain", "space"])), "ssn"),
        ins=r.choice(PAYERS)[0], mid=P(member_id(r), "health_plan_id"), grp=D(group_no(r), "other_id"), ac=P(acct(r), "account_number"),
        ph=P(phone(r), "phone"), n2=nm(p, "first"))
    quoted_reply(r, d, agent, dom, "Dear ⟦tn⟧,\nWe could not find active coverage for the date of service. Please reply with your insurance\n"
                 "information so we can rebill. Do not send your full SSN by email.", tn=titled(p))
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {"crlf": layout == "eml"}


@tpl("patient_email")
def t_mail_daughter_fax(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p = Person(r, sex="M", age=r.randint(90, 100))
    dau = mk_family(r, p, rel_sex="F", age=r.randint(55, 72))
    a = Addr(r)
    mail = email_of(r, dau)
    mail_head(r, d, layout, nm(dau, "full"), P(mail, "email"), [org_box(r, "records")],
              r.choice(["Records for my father", "Request for copies - dad's hospital stay", "Please fax Dad's records"]))
    d.f("Hi,\n\nI'm writing for my father, ⟦n⟧ (DOB ⟦dob⟧). He is ⟦ag⟧ and was at your hospital from ⟦a1⟧ to ⟦a2⟧. "
        "I am his healthcare POA (attached). Could you please fax the discharge papers and the medication list to my home fax, ⟦fx⟧? "
        "His PCP never got them.\n\nHis address is ⟦ad⟧ if you need it for your records. My cell is ⟦ph⟧.\n\nThanks so much,\n⟦dn⟧\n",
        n=nm(p, "full"), dob=P(fd(p.dob, r.choice(["us", "long"])), "date"), ag=P(str(p.age), "age_over_89"),
        a1=P(fd(recent(r, 40), "mond"), "date"), a2=P(fd(recent(r, 20), "mond"), "date"), fx=P(phone(r, r.choice(["paren", "dash", "dot"])), "phone"),
        ad=a.parts(), ph=P(phone(r), "phone"), dn=nm(dau, "first"))
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {}


@tpl("patient_email")
def t_mail_portal_ip(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p, it = Person(r), staff(r)
    dom = dom_of(r)
    mail = email_of(r, p)
    pidn = str(r.randint(1000000, 9999999))
    ip = ip_public(r)
    mail_head(r, d, layout, nm(p, "full"), P(mail, "email"), [org_box(r, "portalsupport")],
              r.choice(["Re: [Case %d] Can't log in" % r.randint(10000, 99999), "Still locked out", "Portal says access denied"]))
    d.f("Hi ⟦it⟧,\n\nI did what you said. The page that says access denied is ⟦u⟧ (copied from the top of the browser). "
        "The what-is-my-IP site says ⟦ip⟧. I'm on my home wifi. My username is this email address. My birthday is ⟦dob⟧ in case you need to verify me.\n\n⟦n⟧\n",
        it=sn(it, "first"), u=P(f"https://portal.{dom}/patients/{pidn}/" + r.choice(["chart", "messages", "appointments"]), "url"), ip=P(ip, "ip_address"),
        dob=P(fd(p.dob, r.choice(["long", "us1"])), "date"), n=nm(p, "first"))
    quoted_reply(r, d, it, dom, "Hello,\nCould you send me the address of the page showing the error and your IP address (go to\n"
                 "https://www.whatismyip.com and copy the number)? Our firewall may be blocking your network.")
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {}


@tpl("patient_email")
def t_mail_card_payment(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p = Person(r)
    mail = email_of(r, p)
    cn = card(r, style=r.choice(["space", "plain", "dash"]))
    mail_head(r, d, layout, nm(p, "full"), P(mail, "email"), [org_box(r, "billing")], r.choice(["payment", "Pay my bill", "Re: Statement " + acct(r)]))
    d.f("I can't get the online payment to work so here is my card to pay the balance on account ⟦ac⟧:\n\n⟦cn⟧  exp ⟦ex⟧\nName on card: ⟦n⟧\n"
        "Billing address: ⟦ad⟧\n\nPlease charge the full amount ($⟦amt⟧). Call ⟦ph⟧ if there is a problem.\n",
        ac=P(acct(r), "account_number"), cn=P(cn, "credit_card"), ex=D(exp_mmyy(r), "date"), n=nm(p, "upper"), ad=Addr(r).parts(),
        amt="%d.%02d" % (r.randint(20, 1500), r.randint(0, 99)), ph=P(phone(r), "phone"))
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {}


@tpl("patient_email")
def t_mail_accident(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p = Person(r)
    mail = email_of(r, p)
    v = vin(r)
    st, num = dl(r)
    mail_head(r, d, layout, nm(p, "full"), P(mail, "email"), [org_box(r, "patientaccounts")],
              r.choice(["Accident bills - auto insurance info", "Re: Hospital lien notice", "Info you asked for (car accident)"]))
    d.f("Hello,\n\nAs requested, the info for the accident on ⟦acc⟧:\n\n- Patient: ⟦n⟧, DOB ⟦dob⟧\n- Driver's license: ⟦st⟧ ⟦dl⟧\n- Auto insurer: ⟦ins⟧, claim # ⟦cl⟧\n"
        "- My vehicle: ⟦mo⟧, VIN ⟦v⟧, plate ⟦pl⟧\n- Police report: ⟦pr⟧\n\nMy attorney's office will contact you about the lien. Hospital account numbers: ⟦a1⟧ and ⟦a2⟧.\n\n⟦n2⟧\n⟦ph⟧\n",
        acc=P(fd(recent(r, 90), r.choice(["long", "us1"])), "date"), n=nm(p, "full"), dob=P(fd(p.dob, "us1"), "date"), st=D(st, "street_address"),
        dl=P(num, "license_number"), ins=r.choice(["GEICO", "Progressive", "State Farm", "Allstate", "Liberty Mutual"]),
        cl=P("%d%07d" % (r.randint(10, 99), r.randint(0, 9999999)), "other_id"), mo="%d %s" % (r.randint(2012, 2024), vin_model(v)),
        v=P(v, "vehicle_id"), pl=P(plate(r), "vehicle_id"), pr=P("%s-%d-%05d" % (r.choice(["OPD", "SPD", "CHP", "HPD"]), recent(r, 90).year, r.randint(0, 99999)), "other_id"),
        a1=P(acct(r), "account_number"), a2=P(acct(r), "account_number"), n2=nm(p, "full"), ph=P(phone(r), "phone"))
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {}


@tpl("patient_email")
def t_mail_device_recall(r):
    d, layout = Doc(), r.choice(MLAYOUTS)
    p, nurse = Person(r, age=r.randint(55, 96)), staff(r)
    dom = dom_of(r)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("pacemaker", "icd", "insulin pump", "neurostimulator")])
    ser = device_serial(r, pre)
    mail = email_of(r, p)
    mail_head(r, d, layout, nm(p, "full"), P(mail, "email"), [org_box(r, "deviceclinic")],
              r.choice(["Recall letter about my " + kind_, "Is my device in the recall?", "Question - " + maker + " advisory"]))
    d.f("Dear device clinic,\n\nI received a letter from ⟦mk⟧ about a safety advisory. My ID card says ⟦mo⟧, serial number ⟦s⟧, "
        + ("started" if kind_ == "insulin pump" else "implanted") + " ⟦imp⟧ by ⟦dr⟧. "
        "Is mine affected? I'm ⟦ag⟧ and live alone, so I'm a bit worried.\n\nYou can reach me at ⟦ph⟧.\n\n⟦n⟧\nDOB ⟦dob⟧\n",
        mk=maker, mo=model, s=P(ser, "device_id"), imp=P(fd(rdate(r, date(2016, 1, 1), date(2025, 6, 1)), r.choice(["long", "us"])), "date"),
        dr=["Dr. ", sn(staff(r), "family")], ag=P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age), ph=P(phone(r), "phone"), n=nm(p, "full"),
        dob=P(fd(p.dob, "us"), "date"))
    quoted_reply(r, d, nurse, dom, "Thank you for writing. We are checking every serial against the manufacturer's list\n"
                 "and will call each affected patient this week.")
    if r.random() < 0.35:
        mail_chain(r, d, r.randint(2, 4))
    return d, layout, {}


NATIVE_MSG = {
    "chinese": ("关于我母亲的预约", "您好，\n\n我母亲（姓名：⟦n⟧，出生日期 ⟦dob⟧）下周在贵院有复诊。她的医保卡号是 ⟦mid⟧。请回电 ⟦ph⟧ 或发邮件到这个地址。\n\n谢谢！\n"),
    "korean": ("어머니 진료 예약 관련", "안녕하세요.\n\n저희 어머니 ⟦n⟧ 님(생년월일 ⟦dob⟧)의 다음 주 예약을 확인하고 싶습니다. 보험 회원번호는 ⟦mid⟧ 입니다. 연락처: ⟦ph⟧\n\n감사합니다.\n"),
    "japanese": ("母の予約について", "お世話になっております。\n\n母 ⟦n⟧ （生年月日 ⟦dob⟧）の来週の予約について確認させてください。保険の会員番号は ⟦mid⟧ です。電話：⟦ph⟧\n\nよろしくお願いいたします。\n"),
    "russian": ("Запись моей мамы", "Здравствуйте!\n\nПишу по поводу моей мамы, ⟦n⟧ (дата рождения ⟦dob⟧). У неё приём на следующей неделе. Номер полиса: ⟦mid⟧. Мой телефон: ⟦ph⟧.\n\nСпасибо.\n"),
    "ukrainian": ("Запис моєї мами", "Добрий день!\n\nПишу щодо моєї мами, ⟦n⟧ (дата народження ⟦dob⟧). Номер страхового полісу: ⟦mid⟧. Мій телефон: ⟦ph⟧.\n\nДякую.\n"),
    "arabic": ("بخصوص موعد والدتي", "مرحباً،\n\nأكتب بخصوص والدتي ⟦n⟧ (تاريخ الميلاد ⟦dob⟧). رقم العضوية في التأمين ⟦mid⟧. رقم هاتفي ⟦ph⟧.\n\nشكراً لكم.\n"),
    "greek": ("Ραντεβού της μητέρας μου", "Καλησπέρα σας,\n\nΓράφω για τη μητέρα μου, ⟦n⟧ (ημερομηνία γέννησης ⟦dob⟧). Αριθμός μέλους ασφάλισης: ⟦mid⟧. Τηλέφωνο: ⟦ph⟧.\n\nΕυχαριστώ.\n"),
    "vietnamese": ("Lịch hẹn của mẹ tôi", "Xin chào,\n\nTôi viết thư về mẹ tôi, ⟦n⟧ (ngày sinh ⟦dob⟧). Mã số thành viên bảo hiểm: ⟦mid⟧. Số điện thoại của tôi: ⟦ph⟧.\n\nCảm ơn.\n"),
    "mexican": ("Cita de mi mamá", "Buenas tardes,\n\nLes escribo por mi mamá, ⟦n⟧ (fecha de nacimiento ⟦dob⟧). Su número de miembro del seguro es ⟦mid⟧. Mi teléfono: ⟦ph⟧.\n\nGracias.\n"),
    "brazilian": ("Consulta da minha mãe", "Olá,\n\nEscrevo sobre minha mãe, ⟦n⟧ (data de nascimento ⟦dob⟧). O número de membro do plano é ⟦mid⟧. Meu telefone: ⟦ph⟧.\n\nObrigado.\n"),
}


@tpl("patient_email")
def t_mail_native(r):
    d, layout = Doc(), r.choice(["gmail", "outlook", "apple"])
    ck = r.choice(list(NATIVE_MSG))
    cul = [c for c in CULTURES if c.key == ck][0]
    mom = Person(r, cul, sex="F", age=r.randint(60, 95))
    kid = mk_family(r, mom, age=r.randint(30, 60))
    subj, body = NATIVE_MSG[ck]
    mail_head(r, d, layout, nm(kid, "full"), P(email_of(r, kid), "email"), [org_box(r, "appointments")], subj)
    ds = "iso" if ck in ("chinese", "korean", "japanese") else ("dot" if ck in ("russian", "ukrainian", "greek") else "dmy")
    d.f(body, n=nm(mom, "native") if mom.native else nm(mom, "full"), dob=P(fd(mom.dob, ds), "date"), mid=P(member_id(r), "health_plan_id"),
        ph=P(phone(r), "phone"))
    d.f("\n⟦k⟧\n", k=nm(kid, "native") if kid.native else nm(kid, "full"))
    return d, layout, {}


@tpl("patient_email")
def t_mail_eml_origip(r):
    d = Doc()
    p = Person(r)
    mail = email_of(r, p)
    ip = ip_public(r)
    dom = dom_of(r)
    mx = ip_private(r)
    dt = mail_date(r)
    d.f("Received: from ⟦mx⟧ (⟦mx2⟧) by exch-mbx-02.⟦dom⟧ (15.2.1544.9) with Microsoft SMTP Server id 15.2.1544.9; ⟦dt0⟧\n"
        "Received: from NAM12-BN8-obe.outbound.protection.outlook.com (mail-bn8nam12on20⟦n1⟧.outbound.protection.outlook.com [40.107.⟦o1⟧.⟦o2⟧])\n"
        "\tby mx1.⟦dom⟧ with ESMTPS id ⟦id⟧; ⟦dt0⟧\nX-Originating-IP: [⟦ip⟧]\nX-MS-Exchange-Organization-AuthSource: exch-mbx-02.⟦dom⟧\n"
        "From: ⟦n⟧ <⟦m⟧>\nTo: ⟦to⟧\nSubject: ⟦s⟧\nDate: ⟦dt⟧\nContent-Type: text/plain; charset=utf-8\n\n",
        mx=mx, mx2=mx, dom=dom, dt0=dt, n1=str(r.randint(10, 99)), o1=str(r.randint(1, 255)), o2=str(r.randint(1, 254)), id=hexs(r, 12),
        ip=P(ip, "ip_address"), n=nm(p, "full"), m=P(mail, "email"), to=org_box(r, "his"), s=r.choice(["Medical records", "Test results", "Referral"]),
        dt=D(dt, "date"))
    d.f("Hello, please send my lab results from ⟦dt⟧ to this email. My MRN is ⟦m⟧ and my date of birth is ⟦dob⟧.\n\n⟦n⟧\n⟦ph⟧\n",
        dt=P(fd(recent(r, 30), "us1"), "date"), m=P(mrn(r), "mrn"), dob=P(fd(p.dob, "us1"), "date"), n=nm(p, "full"), ph=P(phone(r), "phone"))
    return d, "eml_headers", {"crlf": r.random() < 0.6}


@tpl("patient_email")
def t_mail_thread_sparse(r):
    d, layout = Doc(), r.choice(["outlook", "gmail"])
    people = [staff(r) for _ in range(4)]
    dom = dom_of(r)
    mail_head(r, d, layout, sn(people[0]), staff_mail(people[0], dom), [staff_mail(people[1], dom), ", ", staff_mail(people[2], dom)],
              "RE: Saturday maintenance window - fax server cutover", when=TODAY)
    d.f("All,\n\nReminder: the RightFax cutover is Saturday 02:00-06:00. During the window inbound faxes queue on the carrier side (up to 4 h). "
        "New fax server is ⟦ip1⟧, old one ⟦ip2⟧ will be kept read-only for 30 days.\n\nDepartment DIDs that move:\n"
        "  Cardiology intake  ⟦f1⟧\n  HIM / ROI         ⟦f2⟧\n  Pharmacy          ⟦f3⟧\n\nTesting checklist is on the Confluence page. Ping me with questions.\n\n⟦n⟧\n",
        ip1=ip_private(r), ip2=ip_private(r), f1=D(phone(r, "paren"), "staff_contact"), f2=D(phone(r, "paren"), "staff_contact"),
        f3=D(phone(r, "paren"), "staff_contact"), n=sn(people[0], "first"))
    back = TODAY - timedelta(days=1)
    for w in people[1:3]:
        back -= timedelta(days=r.randint(0, 2))
        d.f("\n-----Original Message-----\nFrom: ⟦n⟧ <⟦m⟧>\nSent: ⟦dt⟧\nSubject: RE: Saturday maintenance window - fax server cutover\n\n", n=sn(w),
            m=staff_mail(w, dom), dt=D(mail_date(r, back), "date"))
        d.add(r.choice(["Does the cutover affect the e-fax to the portal inbox? We get ~40/day.\n", "Pharmacy is fine with the window. Please confirm the test fax number.\n",
                        "Can we keep the old cover sheet template? Providers are used to it.\n"]))
    p = Person(r, age=r.randint(66, 99))
    d.f("\n-----Original Message-----\nFrom: ⟦n⟧ <⟦m⟧>\nSent: ⟦dt⟧\nSubject: FW: failed fax - please resend\n\n"
        "Example of what went missing last time (patient called us): fax from ⟦pn⟧, MBI ⟦mb⟧, home fax ⟦hf⟧, sent ⟦sd⟧ - never arrived in the HIM queue.\n",
        n=sn(people[3]), m=staff_mail(people[3], dom), dt=D(mail_date(r, back - timedelta(days=r.randint(3, 20))), "date"), pn=nm(p, "full"), mb=P(mbi(r, r.random() < 0.5), "medicare_mbi"),
        hf=P(phone(r), "phone"), sd=D(fd(recent(r, 60), "us1"), "date"))
    return d, layout, {}


# =========================================================================== java_stacktrace (clean)

PKGS = ["com.lakeshore.registration", "org.mercyridge.billing", "com.cascadevalley.integration", "org.sunfield.portal",
        "com.riverbend.devices", "org.kittredge.fleet"]


def frames(r, pkg, n, classes=None):
    classes = classes or ["Service", "Controller", "Mapper", "Repository", "Handler", "Processor", "Validator", "Router"]
    out = []
    for _ in range(n):
        noun = r.choice(["Patient", "Coverage", "Payment", "Encounter", "Message", "Device", "Claim", "Session"])
        c = noun + r.choice(classes)
        m = r.choice(["handle", "process", "validate", "map", "save", "lambda$execute$0", "doFilterInternal", "apply", "invoke"])
        out.append(f"\tat {pkg}.{noun.lower()}.{c}.{m}({c}.java:{r.randint(20, 900)})")
    lib = ["\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
           "\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)",
           "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)",
           "\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:642)",
           "\tat java.base/java.lang.Thread.run(Thread.java:1583)"]
    return "\n".join(out + lib[r.randint(0, 2):]) + "\n"


def trace_prefix(r, d, layout, summary):
    if layout == "jira":
        rep = staff(r)
        d.f("⟦k⟧: ⟦s⟧\nReporter: ⟦n⟧\nEnvironment: prod-⟦env⟧, build ⟦b⟧\n\n{noformat}\n", k=ticket_key(r), s=summary, n=sn(rep),
            env=r.choice(["east", "west", "2"]), b=f"{r.randint(1, 9)}.{r.randint(0, 40)}.{r.randint(0, 20)}-{hexs(r, 7)}")
        return "{noformat}\n"
    if layout == "md":
        d.add(f"**{summary}**\n\n```\n")
        return "```\n"
    return ""


def log_ts(r):
    t = tick(r, 20)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{t.microsecond // 1000:03d}Z"


@tpl("java_stacktrace")
def t_js_ssn_validator(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "Registration API returns 500 instead of 400 for invalid SSNs")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    pkg = r.choice(PKGS)
    bad, why = r.choice([("000-12-3456", "area number 000 is never issued"),
                         ("666-%02d-%04d" % (r.randint(1, 99), r.randint(1, 9999)), "area number 666 is never issued"),
                         ("9%02d-%02d-%04d" % (r.randint(0, 99), r.randint(1, 99), r.randint(1, 9999)), "area numbers 900-999 are not issued (ITIN range)"),
                         ("%03d-00-%04d" % (r.randint(100, 665), r.randint(1, 9999)), "group number 00 is never issued"),
                         ("%03d-%02d-0000" % (r.randint(100, 665), r.randint(1, 99)), "serial number 0000 is never issued")])
    d.add(f"{log_ts(r)} ERROR [http-nio-8443-exec-{r.randint(1, 40)}] {pkg}.api.GlobalExceptionHandler - Unhandled exception, requestId={uuid(r)}\n")
    d.add(f"{pkg}.validation.InvalidSsnException: SSN '{bad}' rejected: {why}\n")
    d.add(f"\tat {pkg}.validation.SsnValidator.requireValid(SsnValidator.java:{r.randint(40, 90)})\n")
    d.add(frames(r, pkg, r.randint(4, 9)))
    d.add(f"Caused by: java.lang.IllegalArgumentException: refusing documented test value 123-45-6789\n\tat {pkg}.validation.SsnValidator.rejectKnownFakes(SsnValidator.java:{r.randint(91, 130)})\n\t... {r.randint(10, 40)} more\n")
    d.add(close)
    if layout != "raw":
        d.add("\nThe validator is right to reject these (they are the invalid vectors from SsnValidatorTest), but the handler maps the exception to 500. Should be 400 with problem+json.\n")
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_hl7_parse(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "HAPI parser fails on test message from the conformance suite")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    host, port = ip_private(r), r.choice([6661, 2575, 7001])
    d.add(f"{log_ts(r)} WARN  [mllp-listener-{port}-{r.randint(1, 8)}] c.u.h.l.MinLowerLayerProtocol - frame from /{host}:{r.randint(40000, 65000)} parsed with errors\n")
    d.add(f"{log_ts(r)} ERROR [mllp-listener-{port}-{r.randint(1, 8)}] c.c.i.inbound.AdtListener - could not parse inbound message, sending AE\n")
    d.add("ca.uhn.hl7v2.model.DataTypeException: Failed validation rule: Maxumim length 26: Segment: PID Field #7 value 19610615XYZ\n")
    d.add("\tat ca.uhn.hl7v2.validation.impl.ValidationExceptionHandler.error(ValidationExceptionHandler.java:61)\n")
    d.add("\tat ca.uhn.hl7v2.parser.PipeParser.parse(PipeParser.java:1096)\n")
    d.add(frames(r, r.choice(PKGS), r.randint(3, 6)))
    d.add("Raw message (conformance test case ADT_A01_07, sample patient from the HL7 v2.5 spec):\n")
    d.add("MSH|^~\\&|TESTHARNESS|NIST|ADT|HOSP|", D("20240101120000", "date"), "||ADT^A01|MSG00001|T|2.5\n")
    d.add("PID|||PATID1234^^^TEST^MR||EVERYMAN^ADAM^A||19610615XYZ|M\n")
    d.add(close)
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_vin_checkdigit(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "Fleet telematics import aborts on parts catalogue rows")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    pkg = "org.kittredge.fleet"
    bads = [vin(r, valid=False) for _ in range(r.randint(2, 4))]
    d.add(f"{log_ts(r)} INFO  [import-worker-{r.randint(1, 4)}] {pkg}.imports.PartsCatalogImport - reading parts_2026Q4.csv ({r.randint(2000, 9000)} rows) from sftp://{ip_private(r)}/inbound\n")
    for b in bads:
        d.add(f"{log_ts(r)} WARN  [import-worker-{r.randint(1, 4)}] {pkg}.vin.VinDecoder - value '{b}' in column part_no looks like a VIN but check digit is wrong (expected {vin_check(b[:8] + '0' + b[9:])}, got {b[8]}); treating as part number\n")
    d.add(f"{log_ts(r)} ERROR [import-worker-1] {pkg}.imports.PartsCatalogImport - aborting batch {uuid(r)}\n")
    d.add(f"{pkg}.vin.VinDecodeException: check digit mismatch for '{bads[-1]}' (position 9)\n\tat {pkg}.vin.VinDecoder.decode(VinDecoder.java:{r.randint(50, 140)})\n")
    d.add(frames(r, pkg, r.randint(3, 6)))
    d.add(close)
    if layout != "raw":
        d.add(f"\nThese are OEM part numbers for the ambulance chassis (unit {r.choice(['M14', 'A22', 'R7'])}), not vehicles. The decoder shouldn't run on part_no at all.\n")
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_payment_gateway(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "Payment service integration tests fail against the sandbox")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    pkg = "org.mercyridge.billing"
    tests = ["4111 1111 1111 1111", "4000 0000 0000 0002", "4242 4242 4242 4242", "5555 5555 5555 4444", "3782 822463 10005"]
    d.add(f"[INFO] Running {pkg}.payments.GatewayClientIT\n")
    for t in r.sample(tests, 3):
        d.add(f"{log_ts(r)} DEBUG [main] {pkg}.payments.GatewayClient - POST https://sandbox.payments.example.com/v2/charges card={t} amount=100 -> {r.choice(['402 card_declined', '200 approved', '402 insufficient_funds'])}\n")
    bad = card_bad(r)
    d.add(f"{log_ts(r)} ERROR [main] {pkg}.payments.PanValidator - Luhn check failed for synthetic PAN {bad} (fixture generator bug)\n")
    d.add(f"[ERROR] Tests run: 14, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: {r.uniform(2, 20):.3f} s <<< FAILURE! - in {pkg}.payments.GatewayClientIT\n")
    d.add(f"[ERROR] chargeDeclinedCard  Time elapsed: 0.412 s  <<< ERROR!\n{pkg}.payments.GatewayException: HTTP 503 from sandbox.payments.example.com ({ip_private(r)}): upstream connect error\n")
    d.add(frames(r, pkg, r.randint(3, 5)))
    d.add(close)
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_jdbc(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "Registration pods crashloop after DB failover")
    pkg = r.choice(PKGS)
    db = ip_private(r)
    for _ in range(r.randint(2, 5)):
        d.add(f"{log_ts(r)} WARN  [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta={r.randint(30, 90)}s{r.randint(100, 999)}ms).\n")
    d.add(f"{log_ts(r)} ERROR [main] o.s.boot.SpringApplication - Application run failed\n")
    d.add(f"org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection\nCaused by: org.postgresql.util.PSQLException: Connection to {db}:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n")
    d.add("\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)\n\tat org.postgresql.Driver.makeConnection(Driver.java:443)\n")
    d.add(frames(r, pkg, r.randint(2, 5)))
    d.add(f"Caused by: java.net.ConnectException: Connection refused\n\t... {r.randint(20, 60)} more\n")
    d.add(f"\n$ kubectl -n registration get pods -o wide\nNAME                                READY   STATUS             RESTARTS   AGE   IP\n")
    for i in range(3):
        d.add(f"registration-api-{hexs(r, 9)}-{hexs(r, 5)}   0/1     CrashLoopBackOff   {r.randint(3, 14)}          {r.randint(5, 50)}m   10.244.{r.randint(0, 9)}.{r.randint(2, 250)}\n")
    d.add(close)
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_asset_registry(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "CMDB sync rejects switch serials")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    pkg = "com.riverbend.devices"
    ser = "FCW%04d%s%s" % (r.randint(1800, 2999), r.choice("ABCDL"), "".join(r.choice("0123456789ABCDEFGH") for _ in range(3)))
    tag = "".join(r.choice("0123456789BCDFGHJKLMNPQRSTVWXYZ") for _ in range(7))
    key = "-".join("".join(r.choice("0123456789ABCDEF") for _ in range(5)) for _ in range(5))
    d.add(f"{log_ts(r)} INFO  [cmdb-sync] {pkg}.cmdb.SyncJob - discovered {r.randint(100, 900)} CIs from {ip_private(r)}/24\n")
    d.add(f"{log_ts(r)} ERROR [cmdb-sync] {pkg}.cmdb.SyncJob - duplicate serial_number '{ser}' for core-sw-0{r.randint(1, 4)} and idf-{r.randint(1, 9)}-sw-01 (model C9300-48P)\n")
    d.add(f"{pkg}.cmdb.DuplicateCiException: serial {ser} already bound to asset {uuid(r)}\n\tat {pkg}.cmdb.CiRepository.bind(CiRepository.java:{r.randint(50, 300)})\n")
    d.add(frames(r, pkg, r.randint(2, 5)))
    d.add(f"{log_ts(r)} WARN  [cmdb-sync] {pkg}.cmdb.SyncJob - server {r.choice(['esx', 'sql', 'app'])}-{r.randint(10, 99)} service tag {tag} missing warranty record\n")
    d.add(f"{log_ts(r)} WARN  [cmdb-sync] {pkg}.cmdb.Licensing - license key {key} (VMware vSphere 8 Enterprise Plus) expires in {r.randint(5, 60)} days\n")
    d.add(f"{log_ts(r)} INFO  [cmdb-sync] {pkg}.cmdb.SyncJob - infusion pump fleet: {r.randint(300, 1200)} devices (model 8015 PC unit, firmware 12.1.{r.randint(0, 9)}), 0 changes\n")
    d.add(close)
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_fhir_validation(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "FHIR validator rejects our Patient profile examples")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    base = r.choice(["https://fhir.%s/r4" % dom_of(r), "https://api.%s/fhir/R4" % dom_of(r)])
    rid = uuid(r)
    d.add(f"{log_ts(r)} INFO  [validator] Loading package hl7.fhir.us.core#6.1.0 from https://packages.fhir.org\n")
    d.add(f"{log_ts(r)} ERROR [validator] {base}/Patient/{rid}/_history/{r.randint(1, 9)}: Patient.identifier[1].value: value '000-00-0000' does not match regex for http://hl7.org/fhir/sid/us-ssn\n")
    d.add(f"{log_ts(r)} ERROR [validator] {base}/Patient/example: Patient.telecom[0].value '555-0100' - phone is a documented fictitious number (warning only)\n")
    d.add(f"{log_ts(r)} WARN  [validator] {base}/Observation/{uuid(r)}: Observation.effective[x]: min cardinality 1\n")
    d.add("ca.uhn.fhir.validation.ResultSeverityEnum ERROR: 2 issues\n\tat ca.uhn.fhir.validation.FhirValidator.validateWithResult(FhirValidator.java:226)\n")
    d.add(frames(r, r.choice(PKGS), r.randint(2, 4)))
    d.add(close)
    if layout != "raw":
        d.add(f"\nBoth failing resources are our own profile examples (Patient/example is the spec's Peter Chalmers). Docs: https://docs.{dom_of(r)}/fhir/v{r.randint(2, 4)}.{r.randint(0, 9)}/profiles/patient.html\n")
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_mbi_format(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "Eligibility batch: MbiFormatException on CMS sample value")
    if r.random() < 0.35:
        d.add(app_log(r, r.randint(20, 45)))
    pkg = "org.mercyridge.billing"
    bad, why = r.choice([("1EG4-TE5-MK7", "expected 11 characters"), ("IEG4-TE5-MK73", "position 1 must be 1-9"),
                         ("1EG4-TS5-MK73", "position 6 must be alphanumeric (no S, L, O, I, B, Z)"), ("0EG4-TE5-MK73", "position 1 must be 1-9"),
                         ("1EG4-TE5-ML73", "position 9 must be alphabetic (no S, L, O, I, B, Z)"), ("1BG4-TE5-MK73", "position 2 must be alphabetic (no S, L, O, I, B, Z)")])
    d.add(f"{log_ts(r)} INFO  [batch-elig-{r.randint(1, 4)}] {pkg}.elig.Batch270Builder - batch {uuid(r)}: {r.randint(100, 900)} members\n")
    d.add(f"{log_ts(r)} DEBUG [batch-elig-1] {pkg}.elig.MbiNormalizer - sample from CMS MBI format spec accepted: 1EG4-TE5-MK73\n")
    d.add(f"{log_ts(r)} ERROR [batch-elig-1] {pkg}.elig.MbiNormalizer - rejected '{bad}'\n")
    d.add(f"{pkg}.elig.MbiFormatException: '{bad}': {why}\n")
    d.add(f"\tat {pkg}.elig.MbiNormalizer.normalize(MbiNormalizer.java:{r.randint(30, 80)})\n")
    d.add(frames(r, pkg, r.randint(3, 6)))
    d.add(close)
    return d, layout, {}


@tpl("java_stacktrace")
def t_js_python_traceback(r):
    d, layout = Doc(), r.choice(["raw", "jira", "md"])
    close = trace_prefix(r, d, layout, "provider-directory loader crashes on NPI checksum")
    d.add(f"[{fd(recent(r, 5), 'iso')} {clock(r)}:{r.randint(10, 59)},{r.randint(100, 999)}] INFO loader: fetching https://npiregistry.cms.hhs.gov/api/?version=2.1&number=1234567893\n")
    d.add("Traceback (most recent call last):\n")
    d.add(f'  File "/opt/provdir/loader/main.py", line {r.randint(40, 200)}, in <module>\n    run(batch_id="{uuid(r)}")\n')
    d.add(f'  File "/opt/provdir/loader/npi.py", line {r.randint(20, 90)}, in validate\n    raise NpiChecksumError(value)\n')
    d.add(f"loader.npi.NpiChecksumError: NPI '{r.choice(['1234567890', '1000000000', '9876543210'])}' fails the Luhn check (prefix 80840)\n")
    d.add(f"\nworker host: provdir-{r.randint(1, 3)} ({ip_private(r)}), python 3.{r.randint(10, 12)}.{r.randint(0, 9)}\n")
    d.add(close)
    return d, layout, {}


# =========================================================================== meeting_notes (clean)

def attendees(r, n):
    return [staff(r) for _ in range(n)]


def mn_head(r, d, layout, title_, people, when=None):
    when = when or recent(r, 20)
    if layout == "wiki":
        d.f("h1. ⟦t⟧ - ⟦w⟧\n*Attendees:* ", t=title_, w=fd(when, "iso"))
        for i, p in enumerate(people):
            d.add(", " if i else "", "[~", D(handle(p), "person_name"), "]")
        d.add("\n\n")
    elif layout == "md":
        d.f("# ⟦t⟧\n**Date:** ⟦w⟧  \n**Attendees:** ", t=title_, w=fd(when, "long"))
        for i, p in enumerate(people):
            d.add(", " if i else "", sn(p))
        d.add("\n\n")
    else:
        d.f("Subject: Minutes - ⟦t⟧ (⟦w⟧)\n\nPresent: ", t=title_, w=fd(when, "us"))
        for i, p in enumerate(people):
            d.add("; " if i else "", sn(p))
        d.add("\n\n")


def mention(layout, p):
    if layout == "wiki":
        return ["[~", D(handle(p), "person_name"), "]"]
    return ["@", D(handle(p), "person_name")]


@tpl("meeting_notes")
def t_mn_standup(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(4, 7))
    mn_head(r, d, layout, "Interfaces team standup", ppl)
    for p in ppl:
        k1, k2 = ticket_key(r, "INTG"), ticket_key(r, "HL7")
        k = r.randint(0, 4)
        d.add("- ", sn(p), ": ")
        if k == 4:
            d.add(f"pairing on {k2} with ", *mention(layout, r.choice([x for x in ppl if x is not p])), "\n")
        else:
            d.add([f"finished {k1} (PID-13 fax repetition), PR up", f"still on {k1}, waiting on vendor spec v{r.randint(2, 5)}.{r.randint(0, 9)}",
                   f"{k2} deployed to TEST build {r.randint(100, 999)}, regression green", f"on-call, two ACK timeouts from {ip_private(r)} overnight"][k], "\n")
    d.add("\nBlockers: TLS cert on the lab VIP expires ", fd(recent(r, 0, 20), "iso"), "; change CHG", str(r.randint(100000, 999999)), " pending CAB.\n")
    d.add("Sprint ends ", fd(recent(r, 0, 10), "mond"), ". Demo Thursday 10:00.\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_vendor_call(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(3, 5))
    vend = staff(r)
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("insulin pump", "CGM", "pacemaker", "icd")])
    mn_head(r, d, layout, f"{maker} quarterly call - {kind_} integration", ppl + [vend])
    d.f("Dial-in: ⟦z⟧ | Meeting ID ⟦mid⟧ | Passcode ⟦pc⟧\nVendor contact: ⟦vn⟧, ⟦ve⟧, ⟦vp⟧, fax ⟦vf⟧\n\n",
        z=r.choice(["+1 669 900 6833", "+1 646 558 8656", "+1 312 626 6799", "+1 253 215 8782"]), mid="%d %d %d" % (r.randint(100, 999), r.randint(1000, 9999), r.randint(1000, 9999)),
        pc=str(r.randint(100000, 999999)), vn=sn(vend), ve=D(f"{handle(vend)}@{maker.lower().replace(' ', '')}.com", "staff_contact"), vp=D(phone(r, "dash"), "staff_contact"),
        vf=D(phone(r, "dash"), "staff_contact"))
    lo = r.randint(100000, 400000)
    d.add(f"1. Firmware {r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 30)} for the {model} is released; remote update from {fd(recent(r, 0, 40), 'mond')}.\n")
    d.add(f"2. Field safety notice FSN-{r.randint(2025, 2026)}-{r.randint(10, 99)} covers serial range {pre}{lo:06d}H to {pre}{lo + r.randint(5000, 40000):06d}H, lots {lot(r)}-{lot(r)}. "
          "They will send the affected list through the secure portal - do NOT email it.\n")
    d.add(f"3. Data feed: IDC ORU now includes MDC_IDC_DEV_SERIAL; our mapping ticket is {ticket_key(r, 'HL7')}.\n")
    d.add(f"4. Test devices for the lab: demo units DEMO-{r.randint(1000, 9999)} and DEMO-{r.randint(1000, 9999)} (not implanted).\n")
    d.add("\nAction items\n")
    for p, act in zip(r.sample(ppl, 2), r.sample(["confirm sandbox credentials", "update interface spec to v3", "ask CE about depot shipping", "schedule go-live rehearsal"], 2)):
        d.add("- [ ] ", *mention(layout, p), " " + act + "\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_incident_retro(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(4, 7))
    mn_head(r, d, layout, f"Post-incident review: SMS reminders delayed (INC{r.randint(1000000, 9999999)})", ppl)
    day = recent(r, 10)
    d.add(f"Summary: appointment reminder SMS for ~{r.randint(800, 4000):,} patients went out 3-5 hours late on {fd(day, 'mond')}. No clinical harm reported; 14 no-shows above baseline.\n\nTimeline (UTC)\n")
    for t, what in sorted([(clock(r), "queue depth alarm on reminders-worker (threshold 5k)"), (clock(r), f"on-call restarts worker on {ip_private(r)}"),
                           (clock(r), "Twilio 429s identified; rate limit lowered by carrier"), (clock(r), "backlog drained"), (clock(r), "status page updated")]):
        d.add(f"- {t} {what}\n")
    d.add("\nContributing factors: single sender number, no back-off on 429, alert routed to a retired pager group.\n\nActions\n")
    for p, act in zip(r.sample(ppl, 3), r.sample(["add exponential back-off", "register 3 more sender numbers (10DLC)", "fix alert routing", "write runbook section"], 3)):
        d.add("- ", sn(p), ": " + act + f" ({ticket_key(r, 'PLAT')})\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_pci_scoping(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(3, 6))
    mn_head(r, d, layout, "PCI DSS 4.0 scoping - patient payments", ppl)
    d.add("Decisions\n")
    d.add("- Lower environments use only processor test PANs: 4111 1111 1111 1111, 5555 5555 5555 4444, 3782 822463 10005. Anything else found in TEST is an incident.\n")
    d.add(f"- Kiosk tokenisation goes live {fd(recent(r, 0, 60), 'mond')}; after that only the token and last 4 are stored.\n")
    d.add(f"- DLP rule PAN-01 tuned: ignore Luhn-invalid 16-digit strings such as order numbers (e.g. {card_bad(r)}) to cut false positives.\n")
    d.add(f"- CDE network: {ip_private(r)}/27 (payment app), {ip_private(r)}/28 (HSM). Jump host only.\n")
    d.add("\nOpen questions\n- Do IVR recordings capture DTMF card entry? (Genesys says masked)\n- Who owns the quarterly ASV scan? ")
    d.add(*mention(layout, r.choice(ppl)), "\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_fleet(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(3, 6))
    mn_head(r, d, layout, "EMS fleet & equipment monthly", ppl)
    for u in r.sample(["M14", "M22", "A7", "A9", "R3", "Supervisor 1"], 3):
        d.add(f"- Unit {u}: {r.randint(80000, 240000):,} mi, " + r.choice(["PM due", "transmission replaced", "stretcher mount recall done", "back in service"]) + ".\n")
    d.add(f"- Parts order: chassis harness {vin(r, valid=False)} (OEM part no. - looks like a VIN, isn't), qty 2.\n")
    d.add(f"- Cardiac monitors: {r.randint(10, 30)} x LIFEPAK 15 (model V15-2-000{r.randint(100, 999)}), battery recall lot {lot(r)} swapped.\n")
    d.add(f"- Radio IDs re-keyed after the P25 upgrade (console {ip_private(r)}).\n")
    d.add("\nNext meeting: first Tuesday, station 4 training room. Dial-in +1 872 240 3212, access code " + str(r.randint(100, 999)) + " " + str(r.randint(100, 999)) + " " + str(r.randint(100, 999)) + ".\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_geriatrics_committee(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(4, 8))
    mn_head(r, d, layout, "Geriatrics quality committee", ppl)
    d.add(f"1. Falls: inpatient falls with injury {r.uniform(0.2, 0.9):.2f} per 1,000 patient days (goal < 0.5). Patients 90 and older account for {r.randint(15, 35)}% of falls.\n")
    d.add("2. Delirium screening: CAM compliance 84% overall; lowest on 5 East. Proposal: auto-order screening for everyone aged 80 or older on admission.\n")
    d.add("3. Research data requests must bucket ages of 90 and above into a single '90+' category (Safe Harbor); the registry export already does this.\n")
    d.add(f"4. Deprescribing pilot: Beers list review for patients 65+ on {r.randint(8, 15)} or more medications.\n")
    d.add("\nNext: ", *mention(layout, r.choice(ppl)), " to present the hip fracture pathway data.\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


@tpl("meeting_notes")
def t_mn_teams_transcript(r):
    d, layout = Doc(), "transcript"
    ppl = attendees(r, 3)
    d.add(f"Meeting transcript - Registration tools sync\n{fd(recent(r, 10), 'long')}\n\n")
    lines = [
        "so the new SSN field mask is live in TEST, it only accepts valid area numbers now",
        "did we keep the placeholder? front desk uses 000-00-0000 when the patient doesn't know it",
        "yes, 000-00-0000 and 999-99-9999 are allowed as 'unknown' and get flagged for follow-up",
        "what about the 123-45-6789 people type in training?",
        f"blocked in prod, allowed in TRN. Build {r.randint(100, 999)} has it",
        f"ok, and the MBI mask - CMS example 1EG4-TE5-MK73 still passes, which is fine",
        "can you share the test plan link after this?",
        f"sure, it's https://confluence.{dom_of(r)}/display/REG/Field+masks+v{r.randint(2, 4)}",
    ]
    t = r.randint(0, 50)
    for i, ln in enumerate(lines):
        who = ppl[i % 3]
        d.add(sn(who), f"   {t // 60}:{t % 60:02d}\n{ln}\n\n")
        t += r.randint(5, 40)
    return d, layout, {"crlf": r.random() < 0.4}


@tpl("meeting_notes")
def t_mn_access_huddle(r):
    d, layout = Doc(), r.choice(["wiki", "md", "plain"])
    ppl = attendees(r, r.randint(4, 6))
    mn_head(r, d, layout, "Patient Access daily huddle", ppl)
    d.add(f"- Yesterday: {r.randint(300, 900)} registrations, {r.randint(5, 40)} SSA verification mismatches, {r.randint(0, 6)} duplicate charts created.\n")
    d.add(f"- Eligibility: {r.randint(1, 8)}% of Medicare checks failed because registration typed the HICN instead of the MBI. Reminder: MBIs never contain S, L, O, I, B or Z.\n")
    d.add(f"- Fax queue: HIM ROI fax ", D(phone(r, "paren"), "staff_contact"), " backed up to 60 pages; second line ", D(phone(r, "paren"), "staff_contact"), " added.\n")
    d.add(f"- Kudos to ", sn(r.choice(ppl)), " for catching the overlay before it merged.\n")
    d.add(f"- Reminder: never paste patient details in Teams - use the MRN in the secure chat only.\n")
    if r.random() < 0.4:
        discussion(r, d, r.randint(4, 9))
    return d, layout, {}


# =========================================================================== validator_diff (clean)

def code_diff(d, r, path, before, after, layout="git"):
    if layout == "github":
        d.add(f"{path}\n")
    udiff(d, [[x] for x in before], [[x] for x in after], path, ctx=3, git=(layout != "github"), r=r)


def vd_head(r, d, layout, title_):
    dev = staff(r)
    if layout == "bitbucket":
        d.f("Pull request #⟦n⟧: ⟦t⟧\n⟦a⟧ wants to merge into develop\n\n", n=str(r.randint(100, 3000)), t=title_, a=sn(dev))
    elif layout == "github":
        d.f("⟦t⟧ #⟦n⟧\n⟦h⟧ wants to merge 2 commits into main\n\n", n=str(r.randint(100, 3000)), t=title_, h=D(handle(dev).replace(".", "-"), "person_name"))
    else:
        d.f("commit ⟦c⟧\nAuthor: ⟦a⟧ <⟦m⟧>\nDate:   ⟦dt⟧\n\n    ⟦t⟧\n\n", c=hexs(r, 40), a=sn(dev), m=staff_mail(dev, dom_of(r)),
            dt=git_date(r, "+0000"), t=title_)


VLAYOUTS = ["git", "bitbucket", "github"]


@tpl("validator_diff")
def t_vd_ssn(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "SsnValidator: reject never-issued ranges and known fakes")
    invalid = ["000-12-3456", "666-%02d-%04d" % (r.randint(1, 99), r.randint(1, 9999)), "9%02d-%02d-%04d" % (r.randint(0, 99), r.randint(1, 99), r.randint(1, 9999)),
               "%03d-00-%04d" % (r.randint(100, 665), r.randint(1, 9999)), "%03d-%02d-0000" % (r.randint(100, 665), r.randint(1, 99)), "123-45-6789", "078-05-1120", "219-09-9999"]
    lang = r.choice(["java", "py", "ts"])
    if lang == "java":
        before = ["class SsnValidatorTest {", "", "    private final SsnValidator v = new SsnValidator();", "", "    @Test", "    void rejectsWrongLength() {",
                  "        assertFalse(v.isValid(\"12-345\"));", "    }", "}"]
        after = before[:-1] + ["", "    @ParameterizedTest", "    @ValueSource(strings = {"] + [f"        \"{x}\"," for x in invalid] + ["    })",
                                                                                                   "    void rejectsNeverIssuedAndAdvertisingNumbers(String ssn) {", "        assertFalse(v.isValid(ssn), ssn);", "    }", "}"]
        path = "src/test/java/org/mercyridge/registration/validation/SsnValidatorTest.java"
    elif lang == "py":
        before = ["import pytest", "", "from registration.validation import is_valid_ssn", "", "", "def test_rejects_wrong_length():", "    assert not is_valid_ssn(\"12-345\")"]
        after = before + ["", "", "@pytest.mark.parametrize(\"value\", ["] + [f"    \"{x}\"," for x in invalid] + ["])",
                          "def test_rejects_never_issued_and_advertising_numbers(value):", "    assert not is_valid_ssn(value)"]
        path = "tests/validation/test_ssn.py"
    else:
        before = ["import { isValidSsn } from '../src/ssn';", "", "describe('isValidSsn', () => {", "  it('rejects wrong length', () => {",
                  "    expect(isValidSsn('12-345')).toBe(false);", "  });", "});"]
        after = before[:-1] + ["", "  it.each(["] + [f"    '{x}'," for x in invalid] + ["  ])('rejects %s', (v) => {", "    expect(isValidSsn(v)).toBe(false);", "  });", "});"]
        path = "packages/validators/test/ssn.test.ts"
    code_diff(d, r, path, before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_mbi(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "MBI: enforce CMS character rules per position")
    good = ["1EG4-TE5-MK73", "1EG4TE5MK73", "1AA0-AA0-AA00"]
    bad = ["0EG4-TE5-MK73", "1SG4-TE5-MK73", "1EG4-TE5-MK7", "1EG4-TE5-MO73", "1EG4-BE5-MK73", "IEG4TE5MK73", "1EG4-TE5-MK73X"]
    before = ["MBI_RE = re.compile(r\"^[1-9][A-Z][A-Z0-9][0-9][A-Z][A-Z0-9][0-9][A-Z]{2}[0-9]{2}$\")", "", "", "def is_valid_mbi(value: str) -> bool:",
              "    return bool(MBI_RE.match(value.replace(\"-\", \"\").upper()))"]
    after = ["_L = \"AC-HJKMNP-RT-Y\"  # excludes S, L, O, I, B, Z", "MBI_RE = re.compile(", "    rf\"^[1-9][{_L}][{_L}0-9][0-9][{_L}][{_L}0-9][0-9][{_L}][{_L}][0-9][0-9]$\"",
             ")", "", "", "def is_valid_mbi(value: str) -> bool:", "    return bool(MBI_RE.match(value.replace(\"-\", \"\").upper()))", "", "",
             "# vectors: CMS MBI format specification, section 3"] + [f"VALID_EXAMPLES = {good!r}", f"INVALID_EXAMPLES = {bad!r}"]
    code_diff(d, r, "eligibility/mbi.py", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_luhn(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "PanDetector: skip processor test cards, require Luhn")
    bads = [card_bad(r) for _ in range(3)]
    before = ["func TestDetectsPAN(t *testing.T) {", "\tif !LooksLikePAN(\"4111111111111111\") {", "\t\tt.Fatal(\"expected PAN\")", "\t}", "}"]
    after = ["var testCards = []string{", "\t\"4111111111111111\", // Visa test", "\t\"4012888888881881\", // Visa test", "\t\"5105105105105100\", // Mastercard test",
             "\t\"378282246310005\",  // Amex test", "}", "", "var luhnInvalid = []string{"] + [f"\t\"{b}\"," for b in bads] + ["}", "",
             "func TestTestCardsAreIgnored(t *testing.T) {", "\tfor _, c := range testCards {", "\t\tif IsRealPAN(c) {", "\t\t\tt.Errorf(\"%s is a documented test card\", c)",
             "\t\t}", "\t}", "}", "", "func TestLuhnInvalidRejected(t *testing.T) {", "\tfor _, c := range luhnInvalid {", "\t\tif LooksLikePAN(c) {",
             "\t\t\tt.Errorf(\"%s fails Luhn\", c)", "\t\t}", "\t}", "}"]
    code_diff(d, r, "internal/dlp/pan_test.go", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_vin(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "VinValidator: check digit and forbidden letters")
    bads = [vin(r, valid=False) for _ in range(3)]
    before = ["class VinValidatorTest {", "    @Test void length() { assertFalse(VinValidator.isValid(\"1M8GDM9A\")); }", "}"]
    after = ["class VinValidatorTest {", "    @Test void length() { assertFalse(VinValidator.isValid(\"1M8GDM9A\")); }", "",
             "    // canonical check-digit example from the NHTSA / ISO 3779 docs", "    @Test void checkDigitExample() { assertTrue(VinValidator.isValid(\"1M8GDM9AXKP042788\")); }",
             "    @Test void allOnesIsValidButSynthetic() { assertTrue(VinValidator.isValid(\"11111111111111111\")); }", "",
             "    @Test void forbiddenLetters() { assertFalse(VinValidator.isValid(\"1M8GDM9AXKP04278O\")); }", "", "    @ParameterizedTest",
             "    @ValueSource(strings = {" + ", ".join(f"\"{b}\"" for b in bads) + "})", "    void wrongCheckDigit(String v) { assertFalse(VinValidator.isValid(v)); }", "}"]
    code_diff(d, r, "fleet/src/test/java/org/kittredge/fleet/vin/VinValidatorTest.java", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_phone(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "Phone normaliser: NANP rules, fictitious 555-01xx")
    before = ["describe('normalizePhone', () => {", "  it('formats 10 digits', () => {", "    expect(normalizePhone('2025550143')).toBe('+12025550143');", "  });", "});"]
    after = ["describe('normalizePhone', () => {", "  it('formats 10 digits', () => {", "    expect(normalizePhone('2025550143')).toBe('+12025550143');", "  });", "",
             "  it.each(['(123) 456-7890', '(212) 011-4455', '911-555-1212', '555-0199', '+1 (000) 555-0100'])('rejects %s', (v) => {",
             "    expect(() => normalizePhone(v)).toThrow(InvalidPhoneError);", "  });", "",
             "  it('keeps extensions', () => {", "    expect(normalizePhone('(312) 555-0100 x4412')).toBe('+13125550100;ext=4412');", "  });", "});"]
    code_diff(d, r, "src/contact/__tests__/normalizePhone.test.ts", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_npi(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "NPI check digit (Luhn with 80840 prefix)")
    before = ["def npi_ok(npi: str) -> bool:", "    return len(npi) == 10 and npi.isdigit()"]
    after = ["def npi_ok(npi: str) -> bool:", "    if len(npi) != 10 or not npi.isdigit():", "        return False", "    return luhn_ok(\"80840\" + npi)", "", "",
             "def test_npi_ok():", "    assert npi_ok(\"1234567893\")  # CMS example", "    assert not npi_ok(\"1234567890\")", "    assert not npi_ok(\"123456789\")"]
    code_diff(d, r, "provdir/npi.py", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_ip_allowlist(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "ingress: tighten allowlist for the MLLP VIP")
    a1, a2, a3 = ip_private(r), ip_private(r), ip_private(r)
    before = ["allowlist:", "  mllp:", "    - 0.0.0.0/0  # TODO remove", "  admin:", f"    - {a1}/32"]
    after = ["allowlist:", "  mllp:", f"    - {a2}/28   # Epic Bridges", f"    - {a3}/32   # lab analyser gateway", "    - 198.51.100.0/24  # vendor (doc range in example only)",
             "  admin:", f"    - {a1}/32", "    - 203.0.113.17/32  # example bastion"]
    code_diff(d, r, f"deploy/helm/mllp-gateway/values-{r.choice(['prod', 'stage'])}.yaml", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_udi(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "UDI parser: GS1 AIs 01/17/10/21 and GTIN check digit")
    g = gtin14(r)
    badg = g[:-1] + str((int(g[-1]) + 3) % 10)
    before = ["def test_parse_di_only():", "    assert parse_udi(\"(01)00643169007222\").di == \"00643169007222\""]
    after = before + ["", "", "def test_parse_fda_example():", "    u = parse_udi(\"(01)00643169007222(17)141120(10)7654321D(21)10987654d321\")",
                      "    assert u.expiry == date(2014, 11, 20)", "    assert u.lot == \"7654321D\"", "    assert u.serial == \"10987654d321\"", "", "",
                      "def test_bad_gtin_check_digit():", "    with pytest.raises(UdiError):", f"        parse_udi(\"(01){badg}(21)TESTSERIAL01\")"]
    code_diff(d, r, "implants/tests/test_udi.py", before, after, layout)
    return d, layout, {}


@tpl("validator_diff")
def t_vd_age_bucket(r):
    d, layout = Doc(), r.choice(VLAYOUTS)
    vd_head(r, d, layout, "deid: bucket ages 90+ and shift dates")
    before = ["def bucket_age(age: int) -> str:", "    return str(age)"]
    after = ["def bucket_age(age: int) -> str:", "    \"\"\"Safe Harbor: ages over 89 are aggregated into a single category.\"\"\"", "    return \"90+\" if age >= 90 else str(age)",
             "", "", "@pytest.mark.parametrize(\"age,expected\", [(89, \"89\"), (90, \"90+\"), (104, \"90+\")])", "def test_bucket_age(age, expected):",
             "    assert bucket_age(age) == expected", "", "", "def test_age_on():", "    assert age_on(date(1936, 1, 1), date(2026, 1, 1)) == 90",
             "    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25"]
    code_diff(d, r, "deid/ages.py", before, after, layout)
    return d, layout, {}


# =========================================================================== release_notes (clean)

def ver(r):
    return f"{r.randint(1, 12)}.{r.randint(0, 30)}.{r.randint(0, 15)}"


def rn_head(r, d, layout, title_, v, rel):
    if layout == "md":
        d.add(f"## {title_} {v} ({rel.isoformat()})\n\n")
    elif layout == "wiki":
        d.add(f"h2. {title_} {v}\n_Released {fd(rel, 'long')}_\n\n")
    elif layout == "html":
        d.add(f"<h2>{title_} {v}</h2>\n<p><em>Released {fd(rel, 'mond')}</em></p>\n")
    else:
        d.add(f"{title_} {v} - release notes\nRelease date: {fd(rel, 'us')}\nBuild: {r.randint(1000, 9999)} ({hexs(r, 10)})\n\n")


def rn_items(d, layout, heading, items):
    if layout == "html":
        d.add(f"<h3>{heading}</h3>\n<ul>\n")
        for it in items:
            d.add("<li>", it, "</li>\n")
        d.add("</ul>\n")
    else:
        d.add(("h3. " if layout == "wiki" else "### " if layout == "md" else "") + heading + "\n")
        for it in items:
            d.add("* " if layout == "wiki" else "- ", it, "\n")
        d.add("\n")


RLAYOUTS = ["md", "wiki", "html", "plain"]


@tpl("release_notes")
def t_rn_product(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    v, rel = ver(r), recent(r, 30)
    rn_head(r, d, layout, r.choice(["Registration Service", "Patient Access Workbench", "Eligibility Gateway"]), v, rel)
    rn_items(d, layout, "Added", [f"SSN field mask rejects never-issued area numbers (000, 666, 900-999) ({ticket_key(r, 'REG')})",
                                   f"MBI entry validates per-position character rules ({ticket_key(r, 'REG')})",
                                   f"Fax numbers captured as a separate telecom type ({ticket_key(r, 'REG')})"])
    rn_items(d, layout, "Fixed", [f"Apostrophes in family names no longer break the PAS export ({ticket_key(r, 'REG')})",
                                   f"Driver licence state dropdown now includes US territories ({ticket_key(r, 'REG')})",
                                   f"Duplicate-check ignores the placeholder SSN 000-00-0000 ({ticket_key(r, 'REG')})"])
    contrib = [staff(r) for _ in range(r.randint(2, 4))]
    items = []
    for c in contrib:
        items.append([sn(c)])
    rn_items(d, layout, "Contributors", items)
    d.add(f"Upgrade: helm upgrade registration charts/registration --version {v}; DB migration V{r.randint(40, 200)} runs automatically.\n")
    return d, layout, {}


@tpl("release_notes")
def t_rn_firmware(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    kind_, maker, model, pre = r.choice(DEVICES)
    v, rel = ver(r), recent(r, 60)
    rn_head(r, d, layout, f"{maker} {model} firmware", v, rel)
    lo = r.randint(100000, 500000)
    rn_items(d, layout, "Changes", [f"Improved battery longevity estimate (RRT margin now {r.randint(30, 90)} days)", "Bluetooth LE pairing timeout extended to 60 s",
                                     "IDC export includes MDC_IDC_DEV_SERIAL and MDC_IDC_DEV_IMPLANT_DT fields"])
    rn_items(d, layout, "Applicability", [f"Devices with serial numbers {pre}{lo:06d}H through {pre}{lo + r.randint(10000, 90000):06d}H manufactured before {fd(rel - timedelta(days=400), 'mond')}",
                                           f"Programmer software {r.randint(8, 12)}.{r.randint(0, 9)} or later; lots {lot(r)} and {lot(r)} excluded (already updated at factory)"])
    d.add(f"GUDID primary DI: {gtin14(r)}. Contact your representative for the affected-device list; it is not published here.\n")
    return d, layout, {}


@tpl("release_notes")
def t_rn_interface_engine(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    v, rel = ver(r), recent(r, 30)
    rn_head(r, d, layout, "Integration engine channel bundle", v, rel)
    items = []
    for ch in r.sample(["ADT_IN_EPIC", "ORU_OUT_LAB", "SIU_TELEHEALTH", "DFT_BILLING", "IDC_ORU_IN", "VXU_TO_IIS", "MDM_OUT_HIM"], r.randint(4, 7)):
        items.append(f"{ch} v{ver(r)}: " + r.choice([f"destination moved to {ip_private(r)}:{r.choice([6661, 6662, 7001, 2575])}",
                                                     "maps PID-20 (driver licence) to the PAS identifier table",
                                                     "PID-13 repetitions with equipment type FX routed to the fax field",
                                                     "ACK timeout 30 s, 3 retries", "strips non-digits from PID-19 before PAS"]))
    rn_items(d, layout, "Channels", items)
    rn_items(d, layout, "Infrastructure", [f"Mirth Connect {r.randint(4, 4)}.{r.randint(4, 5)}.{r.randint(0, 2)} on JDK 21", f"Nodes: {ip_private(r)}, {ip_private(r)} (VIP {ip_private(r)})",
                                            f"TLS certificate renewed, expires {fd(rel + timedelta(days=365), 'iso')}"])
    return d, layout, {}


@tpl("release_notes")
def t_rn_api_changelog(r):
    d, layout = Doc(), r.choice(["md", "html", "plain"])
    v, rel = ver(r), recent(r, 30)
    dom = dom_of(r)
    rn_head(r, d, layout, "FHIR API", v, rel)
    rid = uuid(r)
    rn_items(d, layout, "New", [f"`GET https://api.{dom}/fhir/r4/Device?patient={{id}}` returns serialNumber and udiCarrier for implant records",
                                 f"AuditEvent search by `agent-network` (see https://docs.{dom}/api/v{v.split('.')[0]}/audit)",
                                 f"Example response: https://api.{dom}/fhir/r4/Coverage/{rid}/_history/2"])
    rn_items(d, layout, "Deprecated", [f"`/v1/patients/{{patientId}}/chart` (removed after {fd(rel + timedelta(days=180), 'iso')}); use `/fhir/r4/Patient/{{id}}`",
                                        f"Query parameter `ssn` on Patient search - use `identifier=http://hl7.org/fhir/sid/us-ssn|{{value}}`"])
    d.add(f"OpenAPI: https://api.{dom}/openapi/v{v}.json (sha256 {hexs(r, 64)})\n")
    return d, layout, {}


@tpl("release_notes")
def t_rn_portal_app(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    v, rel = ver(r), recent(r, 30)
    dom = dom_of(r)
    rn_head(r, d, layout, "Patient portal (web + iOS/Android)", v, rel)
    rn_items(d, layout, "What's new", ["Video visits: join link opens the waiting room directly", "Pay your bill with Apple Pay / Google Pay (no card number stored)",
                                        "Proxy access for caregivers of patients aged 90 and older no longer needs a notarised form"])
    rn_items(d, layout, "Fixes", [f"Deep links of the form https://portal.{dom}/patients/:patientId/chart no longer 404 when the session expires",
                                   "Fax-number field on the records request form accepts extensions",
                                   f"Login throttling: 5 attempts / 15 min per client IP (was 3); allowlisted health-check {ip_private(r)}"])
    d.add(f"iOS build {r.randint(1000, 9999)}, Android versionCode {r.randint(100000, 999999)}. Staged rollout 10% -> 100% by {fd(rel + timedelta(days=7), 'mond')}.\n")
    return d, layout, {}


@tpl("release_notes")
def t_rn_data_release(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    v, rel = ver(r), recent(r, 40)
    rn_head(r, d, layout, "Research data warehouse - quarterly refresh", v, rel)
    rn_items(d, layout, "Contents", [f"Encounters {fd(date(2015, 1, 1), 'iso')} to {fd(rel - timedelta(days=30), 'iso')}: {r.randint(2, 9)},{r.randint(100, 999)},{r.randint(100, 999)} rows",
                                      f"Implant registry: {r.randint(5, 30)},{r.randint(100, 999)} devices (serials hashed with the project salt)",
                                      f"Claims: {r.randint(10, 60)} million lines, paid amounts rounded to dollars"])
    rn_items(d, layout, "De-identification", ["Ages of 90 and above reported as '90+'; birth year suppressed for them",
                                               "ZIP codes truncated to 3 digits; 3-digit ZIPs with population under 20,000 set to 000",
                                               "Dates shifted per patient by a random offset of -180..+180 days"])
    d.add(f"Row counts by year are in the attached profile (dq_profile_{v}.html).\n")
    return d, layout, {}


@tpl("release_notes")
def t_rn_security_bulletin(r):
    d, layout = Doc(), r.choice(RLAYOUTS)
    v, rel = ver(r), recent(r, 20)
    rn_head(r, d, layout, "Security bulletin - portal gateway", v, rel)
    cve = f"CVE-2026-{r.randint(10000, 59999)}"
    rn_items(d, layout, "Summary", [f"{cve}: request smuggling in the portal gateway (CVSS {r.uniform(6, 9.8):.1f}); fixed in {v}",
                                     "No evidence that patient data was accessed."])
    rn_items(d, layout, "Indicators of compromise (scanner traffic, blocked at WAF)", [f"{ip_public(r)} ({r.choice(['AS14061 DigitalOcean', 'AS16509 Amazon', 'AS63949 Akamai Linode'])})" for _ in range(3)] +
             [f"User-Agent: Mozilla/5.0 zgrab/0.x, first seen {fd(rel - timedelta(days=r.randint(1, 9)), 'iso')}"])
    rn_items(d, layout, "Action", [f"Upgrade gateway nodes {ip_private(r)} and {ip_private(r)}", "Rotate the session signing key"])
    return d, layout, {}


@tpl("release_notes")
def t_rn_formulary(r):
    d, layout = Doc(), r.choice(["md", "wiki", "plain"])
    v, rel = f"2026.{TODAY.month}", recent(r, 20)
    rn_head(r, d, layout, "Inpatient formulary update", v, rel)
    items = []
    for name, ndc in r.sample([("apixaban 5 mg tab", "0003-0894-21"), ("insulin glargine 100 unit/mL pen", "0088-2219-05"), ("enoxaparin 40 mg/0.4 mL", "0075-0624-40"),
                               ("ceftriaxone 1 g vial", "0409-7332-01"), ("metoprolol succinate ER 25 mg", "0186-1088-05"), ("semaglutide 1 mg pen", "0169-4130-13")], 4):
        items.append([D(name, "medication"), " - NDC ", D(ndc, "drug_code"), f", lot {lot(r)} exp {fd(rel + timedelta(days=r.randint(90, 700)), 'iso')}, " +
                      r.choice(["added", "preferred", "restricted to ID approval", "removed (shortage)"])])
    rn_items(d, layout, "Changes", items)
    d.add("Automated dispensing cabinets update overnight. Questions: pharmacy informatics.\n")
    return d, layout, {}


# =========================================================================== clinical_rule (clean)

CLAYOUTS = ["wiki", "md", "html", "storage"]


def cr_head(r, d, layout, title_):
    page_head(r, d, layout if layout != "storage" else "html", title_)
    ptext(d, layout if layout != "storage" else "html", f"Rule owner: CDS committee. Version {r.randint(1, 9)}.{r.randint(0, 9)}, effective {fd(recent(r, 90), 'mond')}. "
          f"Build ticket {ticket_key(r, 'CDS')}.")


@tpl("clinical_rule")
def t_cr_fall_risk(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "BPA: High fall risk on admission (older adults)")
    ptext(d, layout, "Fires for inpatients aged 65 and older; escalates to the 'very high' pathway for patients 90 and older or with any of the conditions below.")
    rows = [[D("Hip fracture", "condition"), D("S72.0", "diagnosis_code"), "very high"], [D("Dementia", "condition"), D("F03.90", "diagnosis_code"), "high"],
            [D("Parkinson disease", "condition"), D("G20.A1", "diagnosis_code"), "high"], [D("Orthostatic hypotension", "condition"), D("I95.1", "diagnosis_code"), "high"],
            [D("Syncope", "condition"), D("R55", "diagnosis_code"), "moderate"]]
    table(d, layout, ["Condition", "ICD-10-CM", "Tier"], rows)
    ptext(d, layout, "Medication triggers: ⟦a⟧, ⟦b⟧, ⟦c⟧ (any active order). Suppressed for 24 h after acknowledgement.",
          a=D("zolpidem", "medication"), b=D("lorazepam", "medication"), c=D("oxycodone", "medication"))
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_formulary(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "Anticoagulant formulary and restrictions")
    rows = []
    for name, ndc, strength in r.sample([("apixaban", "0003-0893-21", "2.5 mg tab"), ("rivaroxaban", "50458-0579-30", "20 mg tab"), ("warfarin", "0056-0172-70", "5 mg tab"),
                                         ("enoxaparin", "0075-0620-40", "40 mg/0.4 mL syringe"), ("heparin", "63323-0540-11", "5,000 units/mL vial"),
                                         ("dabigatran", "0597-0135-60", "150 mg cap")], 5):
        rows.append([D(name, "medication"), strength, D(ndc, "drug_code"), lot(r), r.choice(["formulary", "restricted (hematology)", "non-formulary", "formulary, renal dosing"])])
    table(d, layout, ["Drug", "Strength", "NDC", "Current lot", "Status"], rows)
    ptext(d, layout, "Renal dosing: CrCl < 30 mL/min see pharmacy protocol PHM-{0}. Patients 80 years or older with weight 60 kg or less get the reduced apixaban dose.".format(r.randint(10, 99)))
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_sepsis(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "Sepsis early warning - logic")
    rows = [["Temperature", "> 38.3 or < 36.0 C", "8310-5"], ["Heart rate", "> 90 /min", "8867-4"], ["Respiratory rate", "> 20 /min", "9279-1"],
            ["WBC", "> 12 or < 4 K/uL", "6690-2"], ["Lactate", ">= 2 mmol/L", "2524-7"], ["SBP", "< 90 mm Hg", "8480-6"]]
    table(d, layout, ["Criterion", "Threshold", "LOINC"], rows)
    ptext(d, layout, "Alert if 2 SIRS criteria plus suspected infection within a 6-hour window. Excluded: comfort-care orders, age under 18. "
          "Bundle: lactate, blood cultures, ⟦ab⟧ within 1 h, 30 mL/kg crystalloid for hypotension.", ab=D("broad-spectrum antibiotics", "medication"))
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_mri_devices(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "MRI safety screening - implanted devices")
    ptext(d, layout, "Radiology checks the implant record before scheduling. The table lists models, never individual serial numbers.")
    rows = []
    for kind_, maker, model, pre in r.sample(DEVICES, 6):
        rows.append([maker, model, kind_, r.choice(["MR Conditional 1.5T/3T", "MR Conditional 1.5T only", "MR Unsafe", "MR Conditional, SAR limit 2 W/kg"]),
                     r.choice(["programme MRI mode", "cardiology present", "remove pump before scan", "none"])])
    table(d, layout, ["Manufacturer", "Model", "Type", "MR status", "Requirement"], rows)
    ptext(d, layout, "Abandoned leads: MR Unsafe unless the system is labelled otherwise. Questions: MRI safety officer (pager via operator).")
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_beers(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "Potentially inappropriate medications in older adults (Beers 2023)")
    ptext(d, layout, "Applies to patients aged 65 and older. For patients 90 and older, pharmacy reviews every flagged order.")
    rows = [[D("diphenhydramine", "medication"), "anticholinergic; confusion, constipation", "avoid"], [D("glyburide", "medication"), "prolonged hypoglycaemia", "avoid"],
            [D("diazepam", "medication"), "falls, fractures, cognitive impairment", "avoid"], [D("nitrofurantoin", "medication"), "avoid if CrCl < 30", "conditional"],
            [D("aspirin", "medication"), "primary prevention - bleeding risk", "avoid starting"], [D("sliding-scale insulin", "medication"), "hypoglycaemia without benefit", "avoid"]]
    table(d, layout, ["Drug", "Concern", "Recommendation"], r.sample(rows, 5))
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_peds_dosing(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "Pediatric weight-based dosing guardrails")
    rows = [[D("acetaminophen", "medication"), "15 mg/kg q6h", "75 mg/kg/day", "max 4 g/day; 3 months and older"],
            [D("ibuprofen", "medication"), "10 mg/kg q6-8h", "40 mg/kg/day", "6 months and older"],
            [D("amoxicillin", "medication"), "45 mg/kg/day div BID", "90 mg/kg/day (AOM)", "any age"],
            [D("ondansetron", "medication"), "0.15 mg/kg", "8 mg/dose", "6 months and older"]]
    table(d, layout, ["Drug", "Dose", "Max", "Age"], rows)
    ptext(d, layout, "Hard stop above the max; soft stop at 90% of max. Weight older than 30 days prompts re-weigh.")
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_cql(r):
    d, layout = Doc(), r.choice(["md", "wiki", "plain"])
    o = {"md": "```cql\n", "wiki": "{code:language=sql}\n", "plain": ""}[layout]
    d.add(r.choice(["CQL for the 90+ annual wellness outreach measure (draft)\n\n", "Measure logic - very elderly polypharmacy\n\n"]))
    d.add(o)
    d.add(f"library VeryElderlyOutreach version '{r.randint(1, 3)}.{r.randint(0, 9)}.0'\n\nusing FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n")
    d.add("valueset \"Annual Wellness Visit\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.526.3.1240'\n")
    d.add("valueset \"Home Health Services\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.101.12.1016'\n\n")
    d.add("parameter \"Measurement Period\" Interval<DateTime>\n  default Interval[@2026-01-01T00:00:00.0, @2027-01-01T00:00:00.0)\n\ncontext Patient\n\n")
    d.add("define \"Initial Population\":\n  AgeInYearsAt(date from start of \"Measurement Period\") >= 90\n    and not exists \"Hospice Encounter\"\n\n")
    d.add("define \"Numerator\":\n  exists ([Encounter: \"Annual Wellness Visit\"] E where E.period during \"Measurement Period\")\n")
    d.add({"md": "```\n", "wiki": "{code}\n", "plain": ""}[layout])
    return d, layout, {}


@tpl("clinical_rule")
def t_cr_reversal(r):
    d, layout = Doc(), r.choice(CLAYOUTS)
    cr_head(r, d, layout, "Anticoagulant reversal - order set guidance")
    rows = [[D("warfarin", "medication"), D("4F-PCC", "medication"), "INR 2-4: 25 units/kg; 4-6: 35 units/kg; >6: 50 units/kg", D("vitamin K 10 mg IV", "medication")],
            [D("dabigatran", "medication"), D("idarucizumab", "medication"), "5 g IV", "-"],
            [D("apixaban", "medication"), D("andexanet alfa", "medication"), "low or high dose by last dose timing", "-"],
            [D("heparin", "medication"), D("protamine", "medication"), "1 mg per 100 units (last 2-3 h)", "max 50 mg"]]
    table(d, layout, ["Agent", "Reversal", "Dose", "Adjunct"], rows)
    ptext(d, layout, "Pharmacy verifies within 15 minutes; page the anticoagulation stewardship pharmacist for patients over 80 or weight under 50 kg.")
    return d, layout, {}


# =========================================================================== oncall_directory (clean)

SERVICES = ["Cardiology", "Electrophysiology / Device clinic", "Hospital medicine", "Interfaces (HL7)", "Patient Access", "HIM / ROI", "Pharmacy informatics",
            "Network operations", "Endocrinology / Pump clinic", "Trauma surgery", "Radiology", "Lab (core)"]


@tpl("oncall_directory")
def t_oc_roster(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    dom = dom_of(r)
    page_head(r, d, layout, f"On-call directory - week of {fd(recent(r, 0, 7), 'mond')}")
    ptext(d, layout, "Page through the operator for anything clinical. Cells are work phones; do not share with patients.")
    rows = []
    for svc in r.sample(SERVICES, r.randint(5, 9)):
        a, b = staff(r), staff(r)
        rows.append([svc, sn(a), D(phone(r, "dash"), "staff_contact"), D("%d-%04d" % (r.randint(200, 999), r.randint(0, 9999)), "staff_contact"), sn(b),
                     D(phone(r, "paren"), "staff_contact") if r.random() < 0.5 else "-"])
    table(d, layout, ["Service", "Primary", "Work cell", "Pager", "Backup", "Dept fax"], rows)
    ptext(d, layout, f"Escalation: shift supervisor ext. ⟦x⟧; switchboard ⟦sw⟧. Updated by ⟦u⟧.", x=D(str(r.randint(4000, 7999)), "staff_contact"),
          sw=D(phone(r, "paren"), "staff_contact"), u=staff_mail(staff(r), dom))
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_network(r):
    d, layout = Doc(), r.choice(["wiki", "md", "html", "excel"])
    page_head(r, d, layout, "Network on-call: core devices and out-of-band access")
    rows = []
    for i in range(r.randint(5, 10)):
        model = r.choice(["C9500-48Y4C", "C9300-48P", "N9K-C93180YC-FX", "PA-5450", "FortiGate 600F", "Opengear OM2248"])
        ser = r.choice(["FDO", "FCW", "FOC", "PA", "FGT"]) + "%04d%s%03d" % (r.randint(2000, 2999), r.choice("ABCDLRX"), r.randint(0, 999))
        rows.append([f"{r.choice(['core', 'dist', 'fw', 'oob', 'idf'])}-{r.choice(['a', 'b'])}{i:02d}", model, ser, ip_private(r), f"{ip_private(r)}:{r.choice([22, 2001, 3001, 7001])}",
                     r.choice(["MDF rm 0B12", "Data center row C", "IDF 4-2", "Tower B L3"])])
    table(d, layout, ["Hostname", "Model", "Serial", "Mgmt IP", "Console", "Location"], rows)
    ptext(d, layout, "Vendor TAC: Cisco 1-800-553-2447 (contract %d), Palo Alto 1-866-898-9087. Primary on-call: ⟦a⟧ ⟦ac⟧; backup ⟦b⟧ ⟦bc⟧." % r.randint(10 ** 8, 10 ** 9 - 1),
          a=sn(staff(r)), ac=D(phone(r, "dash"), "staff_contact"), b=sn(staff(r)), bc=D(phone(r, "dash"), "staff_contact"))
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_lab_directory(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    fac_ = r.choice(FACILITIES)
    page_head(r, d, layout, f"Department phone and fax directory - {fac_}")
    ptext(d, layout, f"Main campus: {r.randint(100, 9000)} {r.choice(['Medical Center Dr', 'Hospital Way', 'Healthcare Blvd'])}, {r.choice(CITIES)[0]}. Fax numbers are departmental.")
    rows = []
    for dept in r.sample(["Core lab", "Microbiology", "Blood bank", "Pathology", "Radiology scheduling", "HIM / ROI", "Pharmacy", "Case management", "Device clinic", "Wound care"], r.randint(5, 9)):
        rows.append([dept, D(phone(r, "paren"), "staff_contact"), D(phone(r, "paren"), "staff_contact"), D(str(r.randint(4000, 7999)), "staff_contact"),
                     r.choice(["24/7", "M-F 7-19", "M-F 8-16:30", "M-Sa 7-17"])])
    table(d, layout, ["Department", "Phone", "Fax", "Ext.", "Hours"], rows)
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_vendor_escalation(r):
    d, layout = Doc(), r.choice(TLAYOUTS)
    page_head(r, d, layout, "Vendor escalation matrix - clinical systems")
    rows = []
    for vendor, prod in r.sample([("Epic", "Bridges / Interconnect"), ("NextGen", "Mirth Connect"), ("Medtronic", "CareLink"), ("Abbott", "Merlin.net"),
                                  ("Tandem", "t:connect"), ("Philips", "IntelliVue"), ("Baxter", "Spectrum IQ pumps"), ("RightFax", "Fax server")], r.randint(4, 7)):
        am = staff(r)
        rows.append([vendor, prod, r.choice(["1-800-", "1-888-", "1-877-"]) + "%03d-%04d" % (r.randint(200, 999), r.randint(0, 9999)), sn(am),
                     D(phone(r, "dash"), "staff_contact"), f"https://support.{vendor.lower()}.com/cases?account={r.randint(100000, 999999)}", "C-" + hexs(r, 8).upper()])
    table(d, layout, ["Vendor", "Product", "Support line", "Account manager", "AM cell", "Portal", "Contract"], rows)
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_pagerduty_yaml(r):
    d, layout = Doc(), r.choice(["md", "raw"])
    dom = dom_of(r)
    if layout == "md":
        d.add("```yaml\n")
    d.add(f"# pagerduty/schedules/{r.choice(['interfaces', 'device-clinic-it', 'patient-access-apps'])}.yaml  (managed by terraform)\nschedule:\n  name: Interfaces primary\n  time_zone: America/Los_Angeles\n  layers:\n")
    for i in range(r.randint(1, 2)):
        d.add(f"    - name: layer-{i + 1}\n      rotation_turn_length_seconds: 604800\n      start: \"{fd(recent(r, 200), 'iso')}T09:00:00-08:00\"\n      users:\n")
        for _ in range(r.randint(3, 5)):
            p = staff(r)
            d.add("        - name: \"", sn(p), "\"\n          email: ", staff_mail(p, dom), "\n          phone: \"", D(fmt_phone(phone_parts(r), "plusdash"), "staff_contact"), "\"\n")
    d.add(f"escalation_policy:\n  repeat: 2\n  rules:\n    - delay_minutes: 15\n      targets: [schedule.interfaces_primary]\n    - delay_minutes: 30\n      targets: [user.{'x' + hexs(r, 6).upper()}]\n")
    if layout == "md":
        d.add("```\n")
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_amion_grid(r):
    d, layout = Doc(), r.choice(["md", "excel", "wiki"])
    start = recent(r, 0, 14)
    page_head(r, d, layout, f"Hospitalist and device clinic call - {fd(start, 'mond')}")
    days = [start + timedelta(days=i) for i in range(r.randint(4, 7))]
    rows = []
    for svc in ["Hospitalist nights", "Cardiology", "EP / devices", "Endocrine (pumps)"]:
        rows.append([svc] + [sn(staff(r), r.choice(["full", "family"])) for _ in days])
    table(d, layout, ["Service"] + [f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][x.weekday()]} {x.month}/{x.day}" for x in days], rows)
    ptext(d, layout, "Swaps must be entered in Amion by 17:00 the day before. Moonlighter pager ⟦p⟧.", p=D("%d-%04d" % (r.randint(200, 999), r.randint(0, 9999)), "staff_contact"))
    return d, layout, {}


@tpl("oncall_directory")
def t_oc_ldap(r):
    d, layout = Doc(), r.choice(["raw", "md"])
    dom = dom_of(r)
    if layout == "md":
        d.add("```\n")
    d.add(f"$ ldapsearch -LLL -H ldaps://{ip_private(r)} -b ou=people,dc={dom.split('.')[0]},dc=org '(departmentNumber=ONCALL*)' cn mail telephoneNumber mobile pager employeeNumber\n")
    for _ in range(r.randint(2, 5)):
        p = staff(r)
        h = handle(p)
        d.add("dn: uid=", D(h, "person_name"), f",ou=people,dc={dom.split('.')[0]},dc=org\n")
        d.add("cn: ", sn(p), "\nmail: ", staff_mail(p, dom), "\ntelephoneNumber: ", D(fmt_phone(phone_parts(r), "plus"), "staff_contact"), "\nmobile: ",
              D(fmt_phone(phone_parts(r), "plus"), "staff_contact"), "\npager: ", D("%d-%04d" % (r.randint(200, 999), r.randint(0, 9999)), "staff_contact"),
              "\nemployeeNumber: ", D("%06d" % r.randint(0, 999999), "internal_id"), "\n\n")
    if layout == "md":
        d.add("```\n")
    return d, layout, {}


# =========================================================================== length: short pastes and long pages

TECH = [
    "Reproduced in TEST with the same build; the transformer step is the only difference.",
    "I checked the channel statistics: {n} received, {m} errored since the last deploy.",
    "Vendor confirmed the spec change in their release {v}; they will send the updated conformance profile.",
    "Rolled the change to node 2 only; node 1 still runs {v} for comparison.",
    "The ACK latency went from ~40 ms to ~{m}0 ms after the JVM flag change, probably unrelated.",
    "Added a filter so the error queue only keeps the last 7 days.",
    "CAB approved CHG{n} for Thursday 22:00.",
    "Regression suite green ({n} cases), attaching the report.",
    "We should add a contract test for this field; created a sub-task.",
    "The downstream team asked for a replay window of 48 h, which the archive supports.",
]


def tech_sentence(r):
    return r.choice(TECH).format(n=r.randint(1000, 99999), m=r.randint(6, 90), v=ver(r))


def tech_thread(r, d, layout, n, log_host=None):
    """Technical comments without patient data (staff names are dont_care)."""
    for _ in range(n):
        jira_comment(r, d, layout, staff(r))
        d.add(para(layout, " ".join(tech_sentence(r) for _ in range(r.randint(1, 3)))))
        if r.random() < 0.4:
            o = code_open(r, layout, "engine.log")
            d.add(o, mllp_log(r, r.randint(8, 25), log_host), code_close(o))
        jira_comment_end(d, layout)


def long_labs(r, d):
    d.add("\nADDENDUM - labs, ROS and exam copied forward from the admission H&P\nLABS\n")
    for name, lo, hi, unit in [("Na", 128, 146, "mmol/L"), ("K", 3.1, 5.6, "mmol/L"), ("Cl", 95, 110, "mmol/L"), ("CO2", 18, 30, "mmol/L"),
                               ("BUN", 8, 60, "mg/dL"), ("Creat", 0.6, 2.8, "mg/dL"), ("Glucose", 70, 320, "mg/dL"), ("WBC", 3.5, 16, "K/uL"),
                               ("Hgb", 7.5, 15.5, "g/dL"), ("Plt", 90, 420, "K/uL"), ("INR", 0.9, 3.4, ""), ("BNP", 40, 2400, "pg/mL")]:
        v = r.uniform(lo, hi)
        d.add(f"  {name:<8} {v:>7.1f} {unit}\n")
    d.add("\nREVIEW OF SYSTEMS: Constitutional: fatigue, no fever. Cardiac: no chest pain at rest. Respiratory: dyspnea on exertion. "
          "GI: no melena. GU: no dysuria. Neuro: no focal weakness. Psych: mood 'okay'. All other systems reviewed and negative.\n")
    d.add("\nPHYSICAL EXAM: General: in no acute distress. HEENT: dry mucous membranes. Neck: JVP 9 cm. Lungs: bibasilar crackles. "
          "Heart: irregularly irregular, 2/6 systolic murmur at the apex. Abdomen: soft, non-tender. Extremities: 2+ pitting edema to the knees. "
          "Skin: ecchymoses on forearms. Neuro: alert, follows commands, moves all extremities.\n")


ADMIN = [
    "Escalated to Tier 2 per the SOP (section 4.3).",
    "Supervisor reviewed; no further approval needed.",
    "Vendor case updated; they aim to respond within 2 business days.",
    "Auto-reminder sent after 48 h without reply.",
    "Linked to problem record PRB{n} (same root cause as last month).",
    "KB article KB{n} updated with the new screenshots.",
    "Reassigned from Service Desk L1 to the application team.",
    "Confirmed the fix with QA in the TEST environment (build {v}).",
    "SLA paused while waiting on the customer.",
    "Added the team lead as a watcher.",
    "Duplicate ticket merged into this one.",
    "Left a voicemail on the callback number listed above; no answer.",
]


def admin_sentence(r, k=1):
    return " ".join(x.format(n=r.randint(10000, 99999), v=ver(r)) for x in r.sample(ADMIN, k))


def tix_thread(r, d, layout, n):
    for _ in range(n):
        tix_note(r, d, layout, staff(r), internal=r.random() < 0.7)
        d.add(admin_sentence(r, r.randint(1, 3)) + "\n")


def mail_chain(r, d, n):
    """Older staff-only messages quoted under the patient's mail."""
    dom = dom_of(r)
    for _ in range(n):
        w = staff(r)
        d.f("\n________________________________\nFrom: ⟦n⟧ <⟦m⟧>\nSent: ⟦dt⟧\nTo: ⟦to⟧\nSubject: RE: routing of patient correspondence\n\n", n=sn(w), m=staff_mail(w, dom),
            dt=D(mail_date(r, rdate(r, TODAY - timedelta(days=60), TODAY - timedelta(days=20))), "date"), to=org_box(r))
        d.add(r.choice(["Please route anything with insurance details to the billing queue, not to the general mailbox. ",
                        "Reminder that we cannot accept card numbers by email; reply with the secure payment link template. ",
                        "The shared mailbox rule now tags messages with 'records' in the subject for HIM. "]) +
              admin_sentence(r, r.randint(1, 3)) + "\n\n" +
              r.choice(["CONFIDENTIALITY NOTICE: This e-mail, including attachments, is for the sole use of the intended recipient(s) and may contain confidential "
                        "and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, "
                        "please contact the sender by reply e-mail and destroy all copies of the original message.\n", "Sent from my iPhone\n", ""]))


def ddl_block(r, d, table_):
    d.add(f"-- schema for {table_} (for reference)\nCREATE TABLE IF NOT EXISTS {table_} (\n    id bigserial PRIMARY KEY,\n")
    for col in r.sample(["created_at timestamptz NOT NULL DEFAULT now()", "updated_at timestamptz", "source_system varchar(16) NOT NULL DEFAULT 'EPIC'",
                         "row_version integer NOT NULL DEFAULT 1", "deleted boolean NOT NULL DEFAULT false", "load_batch uuid", "checksum char(64)",
                         "tenant_id smallint NOT NULL DEFAULT 1"], 6):
        d.add(f"    {col},\n")
    d.add("    CONSTRAINT chk_source CHECK (source_system IN ('EPIC','PAS','PORTAL','MIGR'))\n);\n")
    for ix in r.sample(["created_at", "updated_at", "load_batch", "tenant_id, id", "source_system"], 3):
        d.add(f"CREATE INDEX IF NOT EXISTS ix_{table_.split('.')[-1]}_{ix.split(',')[0]} ON {table_} ({ix});\n")
    d.add(f"ALTER TABLE {table_} ENABLE ROW LEVEL SECURITY;\nCREATE POLICY tenant_isolation ON {table_} USING (tenant_id = current_setting('app.tenant')::smallint);\n\n")


def app_log(r, n, pkg=None):
    pkg = pkg or r.choice(PKGS)
    out = []
    for _ in range(n):
        out.append(f"{log_ts(r)} {r.choice(['INFO ', 'INFO ', 'DEBUG', 'WARN '])} [{r.choice(['main', 'http-nio-8443-exec-%d' % r.randint(1, 40), 'scheduling-1', 'kafka-consumer-%d' % r.randint(1, 6)])}] "
                   f"{pkg}.{r.choice(['web.RequestLogger', 'kafka.Consumer', 'cache.RedisCache', 'jobs.Scheduler', 'db.Migrations'])} - "
                   + r.choice([f"GET /api/v{r.randint(1, 3)}/health 200 {r.randint(1, 40)}ms", f"offset committed partition={r.randint(0, 11)} offset={r.randint(10 ** 5, 10 ** 7)}",
                               f"cache miss ratio {r.uniform(0, 0.3):.2f}", f"job {uuid(r)} finished in {r.randint(10, 9000)} ms",
                               f"connection pool stats active={r.randint(0, 20)} idle={r.randint(0, 10)}", f"upstream {ip_private(r)}:8080 healthy"]))
    return "\n".join(out) + "\n"


DISCUSS = [
    "Discussed whether to move the nightly extract to 02:00 to avoid the backup window; agreed to try for two weeks.",
    "The vendor roadmap slides were shared after the call (see attachment).",
    "Budget for the next phase is pending the capital committee in January.",
    "Security review is complete; one medium finding (log retention) accepted with a compensating control.",
    "Training materials will be updated before go-live; super-users identified for each unit.",
    "Go-live readiness: 34 of 41 checklist items complete; the remaining items are owned by the vendor.",
    "Decision log updated in Confluence; no objections raised.",
    "Parking lot: data retention for the archive, downtime procedures for the fax server.",
]


def discussion(r, d, n):
    d.add("\nDiscussion\n")
    for x in r.sample(DISCUSS, min(n, len(DISCUSS))):
        d.add("- " + x + "\n")


def pad_rows(r, lo, hi):
    return r.randint(lo, hi) if r.random() < 0.75 else r.randint(20, 36)


@tpl("confluence_table")
def t_conf_single_row(r):
    d = Doc()
    p = Person(r, age=r.randint(40, 99))
    kind_, maker, model, pre = r.choice(DEVICES)
    ser = device_serial(r, pre)
    d.add("||MRN||Patient||DOB||Device||Serial||\n|", P(mrn(r), "mrn"), "|", nm(p, "lf"), "|", P(fd(p.dob, "us"), "date"), f"|{model}|", P(ser, "device_id"), "|\n")
    return d, "wiki_row", {}


@tpl("fhir_diff")
def t_fhir_short_hunk(r):
    d = Doc()
    p = Person(r)
    ss = ssn(r)
    d.add("@@ -12,7 +12,7 @@\n", '       "system": "http://hl7.org/fhir/sid/us-ssn",\n', '-      "value": "000-00-0000"\n', '+      "value": "', P(ss, "ssn"), '"\n',
          '     }\n   ],\n-  "birthDate": "1900-01-01",\n+  "birthDate": "', P(p.dob.isoformat(), "date"), '",\n')
    return d, "hunk", {}


@tpl("sql_seed")
def t_sql_one_insert(r):
    d = Doc()
    p = Person(r)
    k = r.randint(0, 2)
    if k == 0:
        d.add("INSERT INTO patient_contact (mrn, fax, email) VALUES (", sq(mrn(r), "mrn"), ", ", sq(phone(r, "dash"), "phone"), ", ", sq(email_of(r, p), "email"), ");\n")
    elif k == 1:
        d.add("UPDATE coverage SET mbi = ", sq(mbi(r), "medicare_mbi"), " WHERE patient_name = ", sq(p.upper_lf, "person_name"), ";\n")
    else:
        v = vin(r)
        d.add("insert into mva_vehicle(enc_id, vin, plate) values (", D(str(r.randint(10 ** 7, 10 ** 8)), "internal_id"), ", ", sq(v, "vehicle_id"), ", ", sq(plate(r), "vehicle_id"), ");\n")
    return d, "one_statement", {}


@tpl("clinical_note")
def t_note_oneliner(r):
    d = Doc()
    p = Person(r, age=r.randint(90, 99))
    kind_, maker, model, pre = r.choice([x for x in DEVICES if x[0] in ("pacemaker", "icd")])
    d.f(r.choice(["⟦ag⟧ y/o ⟦sx⟧ s/p ⟦k⟧ (⟦mk⟧ SN ⟦s⟧) for battery check, DOB ⟦dob⟧\n",
                  "pt ⟦n⟧, ⟦ag⟧-year-old, ⟦k⟧ serial ⟦s⟧ - ERI reached, schedule gen change\n",
                  "⟦n⟧ age ⟦ag⟧ - ⟦k⟧ ⟦s⟧ interrogated, battery 2.79 V (DOB ⟦dob⟧)\n"]),
        ag=P(str(p.age), "age_over_89"), sx=p.sex, k=kind_, mk=maker, s=P(device_serial(r, pre), "device_id"), dob=P(fd(p.dob, "us1"), "date"), n=nm(p, "full"))
    return d, "oneliner", {}


@tpl("claims_csv")
def t_csv_one_row(r):
    d = Doc()
    p = Person(r)
    d.add("account_no,patient,dob,card_number,amount\n", P(acct(r), "account_number"), ",", nm(p, "full"), ",", P(fd(p.dob, "iso"), "date"), ",",
          P(card(r, style="plain"), "credit_card"), ",%d.%02d\n" % (r.randint(10, 500), r.randint(0, 99)))
    return d, "one_row", {}


@tpl("patient_email")
def t_mail_sms(r):
    d = Doc()
    p = Person(r)
    d.f(r.choice(["Portal message from ⟦n⟧: hi its ⟦f⟧ dob ⟦dob⟧, new fax at home is ⟦fx⟧ for the forms\n",
                  "SMS reply (from ⟦ph⟧): This is ⟦n⟧. My member id is ⟦mid⟧, please rebill\n"]),
        n=nm(p, "full"), f=nm(p, "first"), dob=P(fd(p.dob, "us1"), "date"), fx=P(phone(r, "dash"), "phone"), ph=P(phone(r, "plus"), "phone"),
        mid=P(member_id(r), "health_plan_id"))
    return d, "oneliner", {}


@tpl("java_stacktrace")
def t_js_oneline(r):
    d = Doc()
    d.add(r.choice([f"Caused by: java.net.SocketTimeoutException: Read timed out (connecting to {ip_private(r)}:{r.choice([6661, 5432, 8443])})\n",
                    f"{r.choice(PKGS)}.validation.InvalidSsnException: SSN '9{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}' rejected: ITIN range\n",
                    f"java.lang.IllegalStateException: VIN '{vin(r, valid=False)}' failed check digit\n"]))
    return d, "oneliner", {}


@tpl("meeting_notes")
def t_mn_oneline(r):
    d = Doc()
    d.add("AI: ", "@", D(handle(staff(r)), "person_name"), f" renew the MLLP cert on {ip_private(r)} before {fd(recent(r, 0, 20), 'mond')}\n")
    return d, "oneliner", {}


@tpl("validator_diff")
def t_vd_oneline(r):
    d = Doc()
    d.add(r.choice(['-    assertTrue(isValid("000-12-3456"));\n+    assertFalse(isValid("000-12-3456"));\n',
                    "-VALID_MBI = ['1EG4-TE5-MK73', '1EG4-SE5-MK73']\n+VALID_MBI = ['1EG4-TE5-MK73']  # S is not allowed\n",
                    f"-    expect(luhn('{card_bad(r)}')).toBe(true);\n+    expect(luhn('4111 1111 1111 1111')).toBe(true);\n"]))
    return d, "oneliner", {}


@tpl("release_notes")
def t_rn_oneline(r):
    d = Doc()
    d.add(f"v{ver(r)} ({fd(recent(r, 20), 'iso')}): strip dashes from PID-19 before PAS; map FX telecoms to fax; build {r.randint(100, 9999)}\n")
    return d, "oneliner", {}


@tpl("clinical_rule")
def t_cr_oneline(r):
    d = Doc()
    d.add("Rule GER-", str(r.randint(10, 99)), ": age >= 90 and ", D(r.choice(["hip fracture", "delirium", "dementia"]), "condition"), " -> auto-consult geriatrics\n")
    return d, "oneliner", {}


@tpl("oncall_directory")
def t_oc_oneline(r):
    d = Doc()
    s = staff(r)
    d.add("EP on call tonight: Dr. ", sn(s, "family"), " ", D(phone(r, "dash"), "staff_contact"), " (cell), device rep pager ", D("%d-%04d" % (r.randint(200, 999), r.randint(0, 9999)), "staff_contact"), "\n")
    return d, "oneliner", {}



# =========================================================================== driver

PER_FAMILY = {**{f: 15 for f in PHI_FAMILIES}, **{f: 20 for f in CLEAN_FAMILIES}}


def generate():
    records = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        fns = list(TEMPLATES[fam])
        order_rng = random.Random(f"{SEED}:order:{fam}")
        order_rng.shuffle(fns)
        for i in range(PER_FAMILY[fam]):
            fn = fns[i % len(fns)]
            r = random.Random(f"{SEED}:{fam}:{i}")
            doc, layout, opts = fn(r)
            if "crlf" not in opts and layout not in ("oneliner",):
                opts["crlf"] = r.random() < 0.1  # a Windows paste now and then
            text, spans = doc.build(crlf=opts.get("crlf", False), bom=opts.get("bom", False))
            variant = fn.__name__[2:] + "_" + layout + ("_crlf" if opts.get("crlf") else "") + ("_bom" if opts.get("bom") else "")
            records.append({"id": f"{fam}-{i:04d}", "family": fam, "phi": fam in PHI_FAMILIES, "variant": variant,
                            "text": text, "spans": spans})
    return records


def _alnum(c):
    return c.isalnum()


def check_records(records, verbose=True):
    errors = []
    ids = set()
    n_phi = n_clean = 0
    for rec in records:
        rid = rec.get("id")
        if set(rec) != {"id", "family", "phi", "variant", "text", "spans"}:
            errors.append(f"{rid}: keys {sorted(rec)}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        fam = rec["family"]
        if fam not in PER_FAMILY:
            errors.append(f"{rid}: unknown family {fam}")
        if rec["phi"] != (fam in PHI_FAMILIES):
            errors.append(f"{rid}: phi flag does not match family")
        n_phi += rec["phi"]
        n_clean += not rec["phi"]
        text = rec["text"]
        b = text.encode("utf-8")
        prev_end = 0
        n_phi_spans = 0
        for s in rec["spans"]:
            st, en = s["start"], s["end"]
            if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(b)):
                errors.append(f"{rid}: span out of range {s}")
                continue
            if st < prev_end:
                errors.append(f"{rid}: spans unsorted or overlapping at {st}")
            prev_end = en
            try:
                val = b[st:en].decode("utf-8")
                before = b[:st].decode("utf-8")
                after = b[en:].decode("utf-8")
            except UnicodeDecodeError:
                errors.append(f"{rid}: span {st}-{en} splits a UTF-8 sequence")
                continue
            if before and _alnum(before[-1]) and _alnum(val[0]):
                errors.append(f"{rid}: span {st}-{en} {val!r} starts inside a token")
            if after and _alnum(after[0]) and _alnum(val[-1]):
                errors.append(f"{rid}: span {st}-{en} {val!r} ends inside a token")
            if val != val.strip():
                errors.append(f"{rid}: span {val!r} has outer whitespace")
            if s["label"] not in ("phi", "dont_care"):
                errors.append(f"{rid}: bad label {s['label']}")
            if s["label"] == "phi":
                n_phi_spans += 1
                if s["kind"] not in PHI_KINDS:
                    errors.append(f"{rid}: phi kind {s['kind']} not in the contract")
            elif s["kind"] not in PHI_KINDS | DONT_CARE_EXTRA:
                errors.append(f"{rid}: dont_care kind {s['kind']} unknown")
            if set(s) != {"start", "end", "label", "kind"}:
                errors.append(f"{rid}: span keys {sorted(s)}")
        if rec["phi"] and n_phi_spans == 0:
            errors.append(f"{rid}: PHI document without a phi span")
        if not rec["phi"] and n_phi_spans:
            errors.append(f"{rid}: clean document with {n_phi_spans} phi spans")
    if n_phi != 120 or n_clean != 120:
        errors.append(f"expected 120/120, got {n_phi}/{n_clean}")
    errors += theme_checks(records)
    if verbose:
        for e in errors[:200]:
            print("ERROR", e)
        print(f"{len(records)} records, {n_phi} PHI / {n_clean} clean: " + ("OK" if not errors else f"{len(errors)} errors"))
    return errors


NANP_TEST = re.compile(r"555[-. ]?01\d\d")
SSN_RE = re.compile(r"^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$")


def theme_checks(records):
    """The identifiers this generator is about must have valid shapes where labelled phi,
    and the clean look-alikes must really be look-alikes."""
    errs = []
    for rec in records:
        b = rec["text"].encode("utf-8")
        covered = []
        for s in rec["spans"]:
            v = b[s["start"]:s["end"]].decode("utf-8")
            covered.append((s["start"], s["end"]))
            if s["label"] != "phi":
                continue
            k = s["kind"]
            if k == "ssn":
                m = SSN_RE.match(v)
                if not m or m.group(1) in ("000", "666") or m.group(1)[0] == "9" or m.group(2) == "00" or m.group(3) == "0000" \
                        or v.replace(" ", "-") in ("123-45-6789", "078-05-1120", "219-09-9999"):
                    errs.append(f"{rec['id']}: phi ssn {v!r} is not a valid issued shape")
            elif k == "medicare_mbi" and not mbi_valid(v):
                errs.append(f"{rec['id']}: phi MBI {v!r} breaks the CMS rules")
            elif k == "vehicle_id" and len(v) == 17 and not vin_ok(v):
                errs.append(f"{rec['id']}: phi VIN {v!r} has a bad check digit")
            elif k == "credit_card":
                digits = re.sub(r"\D", "", v)
                if len(digits) > 4 and (not luhn_ok(digits) or digits in TEST_CARDS):
                    errs.append(f"{rec['id']}: phi card {v!r} not Luhn-valid or a test card")
            elif k == "device_id" and v.startswith("(01)") and not gtin_ok(v[4:18]):
                errs.append(f"{rec['id']}: phi UDI {v!r} has a bad GTIN check digit")
            elif k == "phone" and NANP_TEST.search(v):
                errs.append(f"{rec['id']}: phi phone {v!r} is a documented fictitious number")
        if not rec["phi"]:
            text = rec["text"]
            for m in re.finditer(r"(?<![A-Z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])", text):
                if vin_ok(m.group(0)) and m.group(0) not in ("1M8GDM9AXKP042788", "11111111111111111"):
                    errs.append(f"{rec['id']}: clean document has a check-digit-valid VIN {m.group(0)}")
            for m in re.finditer(r"(?<!\d)(?:\d[ -]?){13,16}\d(?!\d)", text):
                dg = re.sub(r"\D", "", m.group(0))
                if 15 <= len(dg) <= 16 and dg[0] in "3456" and luhn_ok(dg) and dg not in TEST_CARDS \
                        and not any(a <= len(text[:m.start()].encode()) < e for a, e in covered):
                    errs.append(f"{rec['id']}: clean document has a Luhn-valid card-shaped number {m.group(0)}")
    return errs


def repeats(records):
    """PHI values that also occur unlabelled in the same document."""
    out = []
    for rec in records:
        if not rec["phi"]:
            continue
        b = rec["text"].encode("utf-8")
        cov = [(s["start"], s["end"]) for s in rec["spans"]]
        vals = {b[s["start"]:s["end"]] for s in rec["spans"] if s["label"] == "phi" and s["end"] - s["start"] >= 4}
        for v in sorted(vals):
            for m in re.finditer(re.escape(v), b):
                a, e = m.start(), m.end()
                if any(x <= a and e <= y for x, y in cov):
                    continue
                pre = b[max(0, a - 1):a].decode("utf-8", "ignore")
                post = b[e:e + 1].decode("utf-8", "ignore")
                if (pre and pre.isalnum()) or (post and post.isalnum()):
                    continue
                out.append((rec["id"], v.decode("utf-8")))
    return out


def stats(records):
    fam = collections.Counter()
    kinds = collections.Counter()
    variants = collections.defaultdict(set)
    shares, sizes = [], collections.Counter()
    for rec in records:
        fam[(rec["family"], rec["phi"])] += 1
        variants[rec["family"]].add(rec["variant"])
        n = len(rec["text"].encode("utf-8"))
        sizes["short (<400 B)" if n < 400 else "medium (<2 KB)" if n < 2048 else "long (>=2 KB)"] += 1
        ph = 0
        for s in rec["spans"]:
            kinds[(s["label"], s["kind"])] += 1
            if s["label"] == "phi":
                ph += s["end"] - s["start"]
        if rec["phi"]:
            shares.append(ph / n)
    ntpl = sum(len(v) for v in TEMPLATES.values())
    print(f"templates: {ntpl} ({sum(len(TEMPLATES[f]) for f in PHI_FAMILIES)} PHI, {sum(len(TEMPLATES[f]) for f in CLEAN_FAMILIES)} clean); "
          f"name cultures: {len(CULTURES)} ({sum(1 for c in CULTURES if c.native_join is not None)} with native scripts)")
    print("family                docs  phi  templates  variants")
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        n = fam[(f, True)] + fam[(f, False)]
        print(f"  {f:20s} {n:4d} {fam[(f, True)]:4d} {len(TEMPLATES[f]):10d} {len(variants[f]):9d}")
    print("spans by label / kind:")
    for (lab, k), n in sorted(kinds.items(), key=lambda x: (x[0][0] != "phi", -x[1])):
        print(f"  {lab:9s} {k:16s} {n:5d}")
    print("sizes: " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
    if shares:
        print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f}; min {min(shares):.3f}, max {max(shares):.3f}")


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-verify fresh16.jsonl")
    ap.add_argument("--stats", action="store_true", help="counts per family and per kind")
    ap.add_argument("--repeats", action="store_true", help="list PHI values that also occur unlabelled")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args(argv)
    if a.check or a.stats or a.repeats:
        recs = load(a.out)
        rc = 0
        if a.check:
            rc = 1 if check_records(recs) else 0
        if a.stats:
            stats(recs)
        if a.repeats:
            for rid, v in repeats(recs):
                print(f"{rid}\t{v}")
        return rc
    recs = generate()
    errs = check_records(recs, verbose=False)
    if errs:
        for e in errs[:50]:
            print("ERROR", e)
        return 1
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
