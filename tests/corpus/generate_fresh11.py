#!/usr/bin/env python3
"""Twelfth independent corpus generator for PHI Guard: sparse PHI in everyday content.

Standard library only, deterministic (fixed seed). Written from tests/corpus/README.md and
CONTRACTS.md section 1 alone, without sight of the detector or of the other generators.

Axis of this corpus: real leaks are often one patient buried in otherwise technical or routine
text. About half of the PHI documents are long technical or routine documents (Jira bugs with
engine logs and stack traces, runbooks, code reviews, support threads, migrations, claim exports,
email threads) in which the PHI is one or two items; the other half are ordinary PHI documents
of the families in this generator's own words. The clean documents are hard negatives: staff
names and work contacts, release and meeting dates, ticket keys, build numbers, server IPs,
UUIDs, documented test values, health text with no patient.

Every text is built by concatenating pieces while the byte offsets of labelled pieces are
recorded; values are never searched for afterwards.

    python3 tests/corpus/generate_fresh11.py            # writes tests/corpus/fresh11.jsonl
    python3 tests/corpus/generate_fresh11.py --check    # re-verifies the written file
    python3 tests/corpus/generate_fresh11.py --stats    # counts per family / variant / kind
"""

import argparse
import collections
import datetime as dt
import json
import os
import random
import re
import sys
import textwrap
import unicodedata

SEED = 11_2026_1206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh11.jsonl")

PHI_FAMILIES = [
    "jira_hl7",
    "confluence_patient_table",
    "support_ticket",
    "bitbucket_fhir_diff",
    "sql_seed",
    "clinical_note",
    "csv_claims",
    "patient_email",
]
CLEAN_FAMILIES = [
    "java_stacktrace",
    "meeting_notes",
    "validator_diff",
    "release_notes",
    "clinical_rule_page",
    "oncall_directory",
]
DOCS_PER_PHI_FAMILY = 15
DOCS_PER_CLEAN_FAMILY = 20

# ---------------------------------------------------------------------------
# text builder
# ---------------------------------------------------------------------------


class S:
    """A labelled piece of text."""

    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text = text
        self.label = label
        self.kind = kind

    def __str__(self):
        return self.text


def P(kind, text):
    return S(text, "phi", kind)


def D(kind, text):
    return S(text, "dont_care", kind)


PLACEHOLDER = re.compile(r"§([a-z0-9_]+)§")


class Doc:
    def __init__(self):
        self.buf = []
        self.pos = 0
        self.spans = []

    def emit(self, x):
        if x is None:
            return
        if isinstance(x, int):
            x = str(x)
        if isinstance(x, str):
            self.buf.append(x)
            self.pos += len(x.encode("utf-8"))
        elif isinstance(x, S):
            if not x.text or x.text != x.text.strip():
                raise ValueError("bad span text %r" % x.text)
            start = self.pos
            self.buf.append(x.text)
            self.pos += len(x.text.encode("utf-8"))
            span = {"start": start, "end": self.pos, "label": x.label}
            if x.kind:
                span["kind"] = x.kind
            self.spans.append(span)
        elif isinstance(x, (list, tuple)):
            for y in x:
                self.emit(y)
        else:
            raise TypeError(type(x))
        return self

    def t(self, *pieces):
        for x in pieces:
            self.emit(x)
        return self

    def f(self, fmt, **kw):
        """Emit fmt, replacing §key§ by kw[key] (a str, S or list of pieces)."""
        pos = 0
        for m in PLACEHOLDER.finditer(fmt):
            self.emit(fmt[pos:m.start()])
            self.emit(kw[m.group(1)])
            pos = m.end()
        self.emit(fmt[pos:])
        return self

    def b(self, fmt, **kw):
        """Block: dedent a triple-quoted template (first newline dropped), then f()."""
        if fmt.startswith("\n"):
            fmt = fmt[1:]
        return self.f(textwrap.dedent(fmt), **kw)

    def ln(self, *pieces):
        self.t(*pieces)
        self.emit("\n")
        return self

    def text(self):
        return "".join(self.buf)


# ---------------------------------------------------------------------------
# names: 68 hand-written name cultures
# f / m: given names, s: surnames for anyone, sf / sm: sex-specific surnames,
# native: (given, family, native-script display, sex), east: family name first when written natively
# ---------------------------------------------------------------------------

CULTURES = {
    "anglo_american": dict(f=["Jennifer", "Megan", "Brittany", "Lorraine"], m=["Travis", "Dustin", "Kyle", "Garrett"],
                           s=["Whitfield", "Hargrove", "Pennington", "Dunbar", "Ashworth"]),
    "english_words": dict(f=["Hope", "Joy", "Grace", "Dawn", "Summer", "Ivy", "Rose", "Faith", "Autumn", "Honey"],
                          m=["Will", "Mark", "Bill", "Frank", "Rusty", "Chase", "Hunter", "Art", "Sonny", "Guy"],
                          s=["Baker", "Young", "Long", "Little", "Bird", "Street", "Hill", "Wood", "Cook", "King", "Fox",
                             "Church", "Strong", "Sharp", "May", "Price", "Love", "Winter", "Mills", "Marsh", "Best",
                             "Moody", "Bush", "Park", "Banks", "Black"]),
    "irish": dict(f=["Siobhán", "Aoife", "Niamh", "Gráinne"], m=["Pádraig", "Cian", "Eoghan", "Seán"],
                  s=["Ó Súilleabháin", "McNamara", "Keane", "Ó Ceallaigh", "Flanagan"]),
    "scottish": dict(f=["Morag", "Eilidh", "Isla"], m=["Hamish", "Callum", "Ruaridh"],
                     s=["MacLeod", "Urquhart", "Drummond", "Menzies"]),
    "welsh": dict(f=["Angharad", "Cerys", "Bethan"], m=["Dafydd", "Rhodri", "Gethin"],
                  s=["Llewellyn", "Pritchard", "Vaughan", "Bowen"]),
    "polish": dict(f=["Joanna", "Małgorzata", "Agnieszka", "Zofia"], m=["Łukasz", "Grzegorz", "Wojciech"],
                   s=["Wróbel", "Nowak", "Zając", "Wójcik", "Kaczmarek", "Pietrzak"],
                   sf=["Dąbrowska", "Szymańska"], sm=["Dąbrowski", "Szymański"]),
    "czech": dict(f=["Kateřina", "Lenka", "Markéta"], m=["Jiří", "Tomáš", "Přemysl"],
                  sf=["Dvořáková", "Procházková", "Černá"], sm=["Dvořák", "Procházka", "Černý"]),
    "slovak": dict(f=["Zuzana", "Ľubica"], m=["Ľubomír", "Miroslav"], sf=["Hudáková", "Kováčová"], sm=["Hudák", "Kováč"]),
    "hungarian": dict(f=["Erzsébet", "Zsófia", "Katalin", "Margit"], m=["László", "Gábor", "Zoltán"],
                      s=["Szabó", "Tóth", "Kovács", "Halász"]),
    "romanian": dict(f=["Ioana", "Mădălina", "Florentina"], m=["Ștefan", "Răzvan", "Mihai"],
                     s=["Popescu", "Țurcanu", "Dumitrescu", "Stănescu"]),
    "german": dict(f=["Ursula", "Brigitte", "Anneliese"], m=["Jürgen", "Günther", "Dieter"],
                   s=["Müller", "Schröder", "Weiß", "Großmann"]),
    "dutch": dict(f=["Femke", "Anouk", "Marijke"], m=["Joost", "Sjoerd", "Pieter"],
                  s=["van der Berg", "de Vries", "Bakker", "Visser", "van Dijk"]),
    "french": dict(f=["Hélène", "Geneviève", "Maëlle"], m=["François", "Jérôme", "Benoît"],
                   s=["Lefèvre", "Dubois", "Gauthier", "Bélanger"]),
    "italian": dict(f=["Giuseppina", "Chiara", "Rosaria"], m=["Salvatore", "Gennaro", "Vittorio"],
                    s=["Esposito", "Russo", "De Luca", "Barbieri"]),
    "spanish": dict(f=["Begoña", "Nerea", "Inmaculada"], m=["Íñigo", "Álvaro", "Joaquín"],
                    s=["Ibáñez", "Gutiérrez", "Muñoz", "Echeverría"]),
    "mexican": dict(f=["Guadalupe", "Xóchitl", "Marisol"], m=["Jesús", "Rigoberto", "Héctor"],
                    s=["Hernández", "Ramírez", "Ávila", "Zamora", "Villaseñor"]),
    "puerto_rican": dict(f=["Yaritza", "Migdalia", "Nilda"], m=["Edwin", "Wilfredo", "Ángel"],
                         s=["Rivera Colón", "Santiago", "Figueroa", "Quiñones"]),
    "brazilian": dict(f=["Luana", "Thaís", "Conceição"], m=["João", "Thiago", "Sebastião"],
                      s=["Gonçalves", "Araújo", "Magalhães", "Nascimento"]),
    "portuguese": dict(f=["Inês", "Leonor"], m=["Duarte", "Rui"], s=["Sequeira", "Teixeira", "Mendonça"]),
    "filipino": dict(f=["Maricel", "Rosalinda", "Jocelyn"], m=["Rodrigo", "Ferdinand", "Jun"],
                     s=["Dela Cruz", "Bautista", "Macaraeg", "Villanueva"]),
    "vietnamese": dict(f=["Thảo", "Hương", "Lan"], m=["Minh", "Dũng", "Quốc"], s=["Nguyễn", "Trần", "Phạm", "Lê", "Võ"],
                       east=True),
    "chinese": dict(f=["Xiuying", "Mei", "Lihua"], m=["Wei", "Jianguo", "Zhiqiang"], s=["Wang", "Zhang", "Liu", "Chen"],
                    native=[("Xiuying", "Wang", "王秀英", "F"), ("Jianguo", "Liu", "刘建国", "M"),
                            ("Mei", "Chen", "陈梅", "F"), ("Zhiqiang", "Zhang", "张志强", "M")], east=True),
    "cantonese": dict(f=["Ka Yan", "Wing Sze"], m=["Chi Keung", "Ho Yin"], s=["Chan", "Wong", "Leung", "Cheung"],
                      native=[("Ka Yan", "Chan", "陳嘉欣", "F"), ("Chi Keung", "Wong", "黃志強", "M")], east=True),
    "korean": dict(f=["Ji-woo", "Seo-yeon", "Min-ji"], m=["Sung-ho", "Jae-won", "Dong-hyun"],
                   s=["Kim", "Park", "Choi", "Yoon"],
                   native=[("Seo-yeon", "Park", "박서연", "F"), ("Sung-ho", "Kim", "김성호", "M"),
                           ("Min-ji", "Choi", "최민지", "F")], east=True),
    "japanese": dict(f=["Yuki", "Haruka", "Keiko"], m=["Hiroshi", "Takeshi", "Kenji"],
                     s=["Nakamura", "Takahashi", "Watanabe", "Yamamoto"],
                     native=[("Hiroshi", "Nakamura", "中村 博", "M"), ("Keiko", "Takahashi", "高橋 恵子", "F"),
                             ("Kenji", "Watanabe", "渡辺 健二", "M")], east=True),
    "thai": dict(f=["Siriporn", "Nattaya"], m=["Somchai", "Prasert"], s=["Srisuk", "Wongsawat", "Chaiyaporn"],
                 native=[("Somchai", "Srisuk", "สมชาย ศรีสุข", "M"), ("Siriporn", "Wongsawat", "ศิริพร วงศ์สวัสดิ์", "F")]),
    "hindi": dict(f=["Priya", "Sunita", "Kavita"], m=["Rajesh", "Amit", "Vikram"], s=["Sharma", "Verma", "Agarwal", "Tiwari"],
                  native=[("Priya", "Sharma", "प्रिया शर्मा", "F"), ("Rajesh", "Verma", "राजेश वर्मा", "M")]),
    "tamil": dict(f=["Lakshmi", "Meenakshi"], m=["Karthik", "Senthil"], s=["Subramanian", "Ramasamy", "Venkatesan"],
                  native=[("Senthil", "Ramasamy", "செந்தில் ராமசாமி", "M"),
                          ("Meenakshi", "Subramanian", "மீனாட்சி சுப்பிரமணியன்", "F")]),
    "bengali": dict(f=["Rumana", "Nasrin"], m=["Tanvir", "Arif"], s=["Chowdhury", "Rahman", "Hossain"],
                    native=[("Nasrin", "Hossain", "নাসরিন হোসেন", "F")]),
    "punjabi": dict(f=["Harpreet", "Gurleen", "Manpreet"], m=["Gurpreet", "Jaswinder", "Harjit"],
                    s=["Sandhu", "Gill", "Dhillon"], sf=["Kaur"], sm=["Singh"]),
    "pakistani": dict(f=["Ayesha", "Saima", "Rabia"], m=["Imran", "Faisal", "Tariq"], s=["Qureshi", "Malik", "Siddiqui", "Butt"]),
    "arabic": dict(f=["Fatima", "Noor", "Layla", "Huda"], m=["Mohammed", "Omar", "Youssef", "Khaled"],
                   s=["Al-Haddad", "Mansour", "El-Amin", "Al-Farsi"],
                   native=[("Fatima", "Al-Haddad", "فاطمة الحداد", "F"), ("Omar", "Mansour", "عمر منصور", "M")]),
    "persian": dict(f=["Shirin", "Maryam", "Parisa"], m=["Dariush", "Reza", "Kourosh"], s=["Hosseini", "Tehrani", "Karimi", "Rostami"],
                    native=[("Shirin", "Karimi", "شیرین کریمی", "F")]),
    "turkish": dict(f=["Ayşe", "Gülşen", "Şükran"], m=["Mehmet", "Çağrı", "Oğuz"], s=["Yılmaz", "Öztürk", "Çelik", "Şahin"]),
    "greek": dict(f=["Eleni", "Vasiliki", "Panagiota"], m=["Georgios", "Dimitrios", "Spyridon"],
                  sf=["Papadopoulou", "Konstantinidou"], sm=["Papadopoulos", "Konstantinidis"],
                  native=[("Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου", "F"),
                          ("Dimitrios", "Konstantinidis", "Δημήτριος Κωνσταντινίδης", "M")]),
    "russian": dict(f=["Svetlana", "Tatiana", "Olga"], m=["Dmitri", "Sergei", "Vladimir"],
                    sf=["Ivanova", "Smirnova", "Kuznetsova"], sm=["Ivanov", "Smirnov", "Kuznetsov"],
                    native=[("Svetlana", "Kuznetsova", "Светлана Кузнецова", "F"), ("Sergei", "Smirnov", "Сергей Смирнов", "M")]),
    "ukrainian": dict(f=["Oksana", "Nataliia", "Halyna"], m=["Taras", "Bohdan", "Oleksandr"],
                      s=["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk"],
                      native=[("Oksana", "Shevchenko", "Оксана Шевченко", "F"), ("Bohdan", "Tkachuk", "Богдан Ткачук", "M")]),
    "serbian": dict(f=["Jelena", "Dragana", "Milica"], m=["Dragan", "Nenad", "Miloš"], s=["Petrović", "Jovanović", "Đorđević", "Nikolić"],
                    native=[("Milica", "Jovanović", "Милица Јовановић", "F")]),
    "croatian": dict(f=["Ivana", "Snježana"], m=["Krešimir", "Zvonimir"], s=["Horvat", "Kovačević", "Babić", "Jurić"]),
    "lithuanian": dict(f=["Rūta", "Aušra"], m=["Vytautas", "Mindaugas"], sf=["Kazlauskienė", "Jankauskaitė"],
                       sm=["Kazlauskas", "Jankauskas"]),
    "latvian": dict(f=["Ilze", "Līga"], m=["Jānis", "Andris"], sf=["Bērziņa", "Kalniņa"], sm=["Bērziņš", "Kalniņš"]),
    "finnish": dict(f=["Aino", "Päivi", "Sirkka"], m=["Jukka", "Pekka", "Matti"], s=["Virtanen", "Mäkinen", "Häkkinen", "Korhonen"]),
    "swedish": dict(f=["Ingrid", "Åsa", "Birgitta"], m=["Göran", "Björn", "Lennart"], s=["Lindqvist", "Åberg", "Sjöberg", "Ekström"]),
    "norwegian": dict(f=["Solveig", "Ragnhild"], m=["Øystein", "Håkon"], s=["Bjørnstad", "Haugen", "Solberg", "Lie"]),
    "danish": dict(f=["Mette", "Signe"], m=["Søren", "Rasmus"], s=["Jørgensen", "Rasmussen", "Kjærgaard"]),
    "icelandic": dict(f=["Guðrún", "Sigríður"], m=["Þórður", "Ólafur"], sf=["Jónsdóttir", "Guðmundsdóttir"],
                      sm=["Jónsson", "Guðmundsson"]),
    "hebrew": dict(f=["Tamar", "Yael", "Noa"], m=["Avi", "Eitan", "Yosef"], s=["Cohen", "Levi", "Mizrahi", "Friedman"],
                   native=[("Yael", "Mizrahi", "יעל מזרחי", "F"), ("Eitan", "Levi", "איתן לוי", "M")]),
    "armenian": dict(f=["Anahit", "Lusine", "Nare"], m=["Armen", "Tigran", "Hovhannes"], s=["Petrosyan", "Hakobyan", "Sargsyan"],
                     native=[("Tigran", "Petrosyan", "Տիգրան Պետրոսյան", "M"), ("Anahit", "Hakobyan", "Անահիտ Հակոբյան", "F")]),
    "georgian": dict(f=["Nino", "Tamari", "Ketevan"], m=["Giorgi", "Levan", "Zurab"], s=["Beridze", "Kapanadze", "Gelashvili"],
                     native=[("Nino", "Beridze", "ნინო ბერიძე", "F"), ("Giorgi", "Kapanadze", "გიორგი კაპანაძე", "M")]),
    "amharic": dict(f=["Tigist", "Meseret", "Hiwot"], m=["Dawit", "Yohannes", "Tesfaye"], s=["Bekele", "Alemu", "Haile", "Gebremedhin"],
                    native=[("Tigist", "Bekele", "ትዕግስት በቀለ", "F"), ("Dawit", "Alemu", "ዳዊት አለሙ", "M")]),
    "somali": dict(f=["Hodan", "Faadumo", "Ifrah"], m=["Abdirahman", "Mahad", "Liban"], s=["Warsame", "Farah", "Abdi", "Hirsi"]),
    "yoruba": dict(f=["Folake", "Titilayo", "Oluwaseun"], m=["Babatunde", "Olumide", "Adewale"],
                   s=["Adeyemi", "Ogunleye", "Olawale", "Bankole"]),
    "igbo": dict(f=["Chiamaka", "Ngozi", "Adaeze"], m=["Chukwuemeka", "Obinna", "Ikenna"], s=["Okafor", "Nwosu", "Eze", "Okonkwo"]),
    "kenyan": dict(f=["Wanjiru", "Akinyi", "Njeri"], m=["Kamau", "Otieno", "Kipchoge"], s=["Mwangi", "Odhiambo", "Kiptoo", "Wambui"]),
    "ghanaian": dict(f=["Akosua", "Abena", "Ama"], m=["Kwame", "Kofi", "Yaw"], s=["Mensah", "Boateng", "Asante", "Owusu"]),
    "zulu": dict(f=["Nomvula", "Thandeka", "Zanele"], m=["Sipho", "Themba", "Bongani"], s=["Dlamini", "Ndlovu", "Khumalo", "Zulu"]),
    "hawaiian": dict(f=["Leilani", "Kalani", "Mālie"], m=["Keoni", "Kekoa", "Makana"], s=["Kahananui", "Kealoha", "Akana", "Kamakana"]),
    "samoan": dict(f=["Sina", "Malia"], m=["Tavita", "Sione"], s=["Faleolo", "Tuiasosopo", "Leiataua"]),
    "navajo": dict(f=["Shandiin", "Nizhoni", "Darlene"], m=["Raymond", "Leander", "Delbert"], s=["Begay", "Yazzie", "Tsosie", "Benally"]),
    "haitian": dict(f=["Nadège", "Fabienne", "Marie-Ange"], m=["Wilner", "Jean-Robert", "Fritznel"],
                    s=["Pierre-Louis", "Désir", "Joseph", "Célestin"]),
    "khmer": dict(f=["Sreymom", "Chanthy", "Bopha"], m=["Sokha", "Vuthy", "Dara"], s=["Chea", "Sok", "Keo", "Heng"],
                  native=[("Sokha", "Chea", "ជា សុខា", "M")], east=True),
    "hmong": dict(f=["Mai Yer", "Pa Nhia", "Kia"], m=["Tou", "Pheng", "Xeng"], s=["Vang", "Xiong", "Lor", "Thao"]),
    "indonesian": dict(f=["Siti", "Dewi", "Wulan"], m=["Budi", "Agus", "Bambang"], s=["Santoso", "Wibowo", "Susanto", "Hartono"]),
    "nepali": dict(f=["Sabina", "Anjali"], m=["Bishnu", "Prakash"], s=["Shrestha", "Gurung", "Tamang", "Adhikari"]),
    "mongolian": dict(f=["Oyunchimeg", "Sarangerel"], m=["Batbayar", "Ganbold"], s=["Enkhbat", "Dorj", "Ganzorig"],
                      native=[("Batbayar", "Dorj", "Батбаяр Дорж", "M")]),
    "albanian": dict(f=["Blerta", "Mirela"], m=["Arben", "Ilir"], s=["Hoxha", "Krasniqi", "Gashi", "Berisha"]),
    "basque": dict(f=["Itziar", "Amaia"], m=["Iñaki", "Aitor"], s=["Etxeberria", "Goikoetxea", "Agirre"]),
    "jamaican": dict(f=["Shanice", "Tameka"], m=["Delroy", "Winston"], s=["Campbell", "Grant", "McKenzie"]),
}

CULTURE_NAMES = sorted(CULTURES)

ASCII_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d",
                            "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "ə": "e"})


def ascii_fold(s):
    s = s.translate(ASCII_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


class Person:
    def __init__(self, culture, sex, given, family, middle=None, native=None):
        self.culture = culture
        self.sex = sex
        self.given = given
        self.family = family
        self.middle = middle
        self.native = native

    # display forms ---------------------------------------------------------
    def first_last(self):
        return "%s %s" % (self.given, self.family)

    def last_first(self):
        return "%s, %s" % (self.family, self.given)

    def with_middle(self):
        if self.middle:
            return "%s %s. %s" % (self.given, self.middle, self.family)
        return self.first_last()

    def upper(self):
        return self.first_last().upper()

    def upper_last_first(self):
        return self.last_first().upper()

    def lower(self):
        return self.first_last().lower()

    def hl7(self, fold=False):
        fam, giv = self.family, self.given
        if fold:
            fam, giv = ascii_fold(fam), ascii_fold(giv)
        fam, giv = fam.upper(), giv.upper()
        if self.middle:
            return "%s^%s^%s" % (fam, giv, self.middle)
        return "%s^%s" % (fam, giv)

    def styled(self, rng, styles=("fl", "lf", "mid", "up", "uplf", "fl", "fl")):
        st = rng.choice(styles)
        return {
            "fl": self.first_last,
            "lf": self.last_first,
            "mid": self.with_middle,
            "up": self.upper,
            "uplf": self.upper_last_first,
            "low": self.lower,
            "native": lambda: self.native or self.first_last(),
        }[st]()

    def handle(self):
        return (ascii_fold(self.given)[:1] + ascii_fold(self.family).replace(" ", "").replace("-", "")).lower()

    def dotted(self):
        return (ascii_fold(self.given).replace(" ", "") + "." +
                ascii_fold(self.family).replace(" ", "").replace("-", "")).lower()


NATIVE_CULTURES = sorted(k for k, v in CULTURES.items() if v.get("native"))


def new_person(rng, culture=None, sex=None, allow_native=True, force_native=False):
    if force_native:
        culture = rng.choice(NATIVE_CULTURES)
    culture = culture or rng.choice(CULTURE_NAMES)
    c = CULTURES[culture]
    natives = [n for n in c.get("native", []) if sex is None or n[3] == sex]
    if allow_native and natives and (force_native or rng.random() < 0.45):
        g, fam, nat, sx = rng.choice(natives)
        return Person(culture, sx, g, fam, None, nat)
    sex = sex or rng.choice("FM")
    givens = c["f"] if sex == "F" else c["m"]
    fams = list(c.get("s", [])) + list(c.get("sf" if sex == "F" else "sm", []))
    middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.35 else None
    return Person(culture, sex, rng.choice(givens), rng.choice(fams), middle)


def relation(rng, pt, rel, style="word"):
    """A relationship word that fits the relative's sex (and the patient's, for spouses)."""
    if rel.sex == "F":
        opts = [("daughter", "DAU", "DAU^Daughter"), ("sister", "SIS", "SIB^Sibling"), ("niece", "NIECE", "OTH^Other")]
        if pt.sex == "M":
            opts.append(("wife", "WIFE", "SPO^Spouse"))
    else:
        opts = [("son", "SON", "SON^Son"), ("brother", "BRO", "SIB^Sibling"), ("nephew", "NEPHEW", "OTH^Other")]
        if pt.sex == "F":
            opts.append(("husband", "HUSB", "SPO^Spouse"))
    w = rng.choice(opts)
    return {"word": w[0], "code": w[1], "hl7": w[2]}[style]


def relative_of(rng, pt, sex=None):
    """A relative from the same culture, usually sharing the family name."""
    r = new_person(rng, pt.culture, sex, allow_native=False)
    if rng.random() < 0.6 and pt.culture not in ("icelandic", "amharic", "somali", "punjabi", "lithuanian",
                                                   "latvian", "greek", "russian", "czech", "slovak", "polish"):
        r.family = pt.family
    return r


# ---------------------------------------------------------------------------
# places, facilities, payers
# ---------------------------------------------------------------------------

CITIES = [
    ("Pittsburgh", "PA", "152", "412"), ("Toledo", "OH", "436", "419"), ("Fresno", "CA", "937", "559"),
    ("Albuquerque", "NM", "871", "505"), ("Duluth", "MN", "558", "218"), ("Hilo", "HI", "967", "808"),
    ("Lowell", "MA", "018", "978"), ("Dearborn", "MI", "481", "313"), ("St. Paul", "MN", "551", "651"),
    ("Gallup", "NM", "873", "505"), ("Paterson", "NJ", "075", "973"), ("El Paso", "TX", "799", "915"),
    ("Spokane", "WA", "992", "509"), ("Savannah", "GA", "314", "912"), ("Flagstaff", "AZ", "860", "928"),
    ("Lancaster", "PA", "176", "717"), ("Providence", "RI", "029", "401"), ("Tulsa", "OK", "741", "918"),
    ("Boise", "ID", "837", "208"), ("Hialeah", "FL", "330", "305"), ("Mobile", "AL", "366", "251"),
    ("Independence", "MO", "640", "816"), ("Normal", "IL", "617", "309"), ("Columbus", "OH", "432", "614"),
    ("Seattle", "WA", "981", "206"), ("Minneapolis", "MN", "554", "612"), ("Lewiston", "ME", "042", "207"),
    ("Brockton", "MA", "023", "508"), ("Worcester", "MA", "016", "508"), ("Fargo", "ND", "581", "701"),
]
STREETS = ["Birchwood Ave", "Old Mill Rd", "Magnolia Ct", "Kamehameha Ave", "N Halsted St", "Larkspur Ln",
           "Cottonwood Dr", "Elm Street", "Harbor View Rd", "Pinecrest Blvd", "Quarry Hill Rd", "Sycamore Pl",
           "Wabash Ave", "Calle Tres", "Orchard Way", "Juniper Trl", "Riverbend Pkwy", "Station St",
           "W 4th Ave", "Maplewood Ter", "Cedar Hollow Rd", "Union Tpke", "Prospect St", "Lakeshore Dr"]
UNITS = ["Apt 4B", "Unit 12", "#307", "Apt 2", "Lot 44", "Suite 3", "Apt 11C", "Trlr 9"]

FACILITIES = [
    # name, code, domain, main phone
    ("Riverside Regional Medical Center", "RRMC", "riversidergnl.org", "(412) 647-3000"),
    ("St. Brigid Hospital", "SBH", "stbrigid.org", "(978) 322-4100"),
    ("Lakeview Community Clinic", "LVCC", "lakeviewcc.org", "(218) 726-1900"),
    ("Mercy Valley Health", "MVH", "mercyvalley.org", "(559) 459-6000"),
    ("Harbor Point Medical Group", "HPMG", "harborpointmg.com", "(912) 350-8800"),
    ("Cedar Ridge Family Practice", "CRFP", "cedarridgefp.com", "(208) 381-2200"),
    ("Pinecrest Oncology Associates", "PCOA", "pinecrestonc.com", "(505) 272-4946"),
    ("Northgate Children's Hospital", "NGCH", "northgatekids.org", "(614) 722-2000"),
    ("Kapiolani Shores Medical", "KSM", "kapshores.org", "(808) 935-3711"),
    ("Three Rivers Kidney Center", "TRKC", "3riverskidney.org", "(412) 578-1200"),
]
PAYERS = [("Blue Harbor Health Plan", "1-800-555-0199"), ("Keystone Mutual", "1-800-555-0123"),
          ("Medicare Part A", "1-800-633-4227"), ("Prairie Care HMO", "1-800-555-0187"),
          ("United Cascade Insurance", "1-800-555-0111"), ("State Medicaid", "1-800-555-0160")]

ICD = [("E11.9", "type 2 diabetes mellitus without complications"), ("I10", "essential hypertension"),
       ("J44.1", "COPD with acute exacerbation"), ("N18.4", "chronic kidney disease, stage 4"),
       ("I48.91", "atrial fibrillation"), ("M17.11", "primary osteoarthritis, right knee"),
       ("F32.A", "depression, unspecified"), ("J18.9", "pneumonia"), ("I50.32", "chronic diastolic heart failure"),
       ("C50.911", "malignant neoplasm of right breast"), ("S72.001A", "fracture of right femoral neck"),
       ("K21.9", "GERD"), ("E78.5", "hyperlipidemia"), ("G30.9", "Alzheimer disease"), ("R55", "syncope"),
       ("A41.9", "sepsis, unspecified organism"), ("N39.0", "urinary tract infection")]
CPT = [("99213", "office visit, est., low"), ("99214", "office visit, est., moderate"), ("93000", "ECG"),
       ("80053", "CMP"), ("85025", "CBC w/ diff"), ("71046", "chest x-ray 2 views"), ("90935", "hemodialysis"),
       ("27130", "total hip arthroplasty"), ("G0439", "annual wellness visit"), ("36415", "venipuncture"),
       ("99285", "ED visit, high"), ("97110", "therapeutic exercise")]
MEDS = [("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("apixaban", "5 mg PO BID"),
        ("atorvastatin", "40 mg PO nightly"), ("furosemide", "40 mg PO daily"), ("levothyroxine", "75 mcg PO daily"),
        ("tiotropium", "18 mcg inhaled daily"), ("sertraline", "50 mg PO daily"), ("insulin glargine", "22 units SC at bedtime"),
        ("amlodipine", "5 mg PO daily"), ("donepezil", "10 mg PO nightly"), ("tamsulosin", "0.4 mg PO daily"),
        ("pantoprazole", "40 mg PO daily"), ("warfarin", "5 mg PO daily, INR goal 2-3"), ("gabapentin", "300 mg PO TID")]
NDC = ["00093-7214-01", "00378-1805-10", "68180-0513-09", "00003-0894-21", "00071-0155-23", "60505-0141-09"]

# ---------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = [m[:3] for m in MONTHS]
REF = dt.date(2026, 11, 30)


def rdate(rng, start, end):
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def dob_for_age(rng, lo, hi):
    age = rng.randint(lo, hi)
    d = rdate(rng, dt.date(2026 - age - 1, 6, 1), dt.date(2026 - age, 5, 31))
    return d, age


def recent(rng, start=dt.date(2025, 9, 1), end=dt.date(2026, 11, 20)):
    return rdate(rng, start, end)


def fdate(d, style):
    return {
        "us": "%02d/%02d/%04d" % (d.month, d.day, d.year),
        "us_short": "%d/%d/%04d" % (d.month, d.day, d.year),
        "us2": "%02d/%02d/%02d" % (d.month, d.day, d.year % 100),
        "iso": d.isoformat(),
        "hl7": d.strftime("%Y%m%d"),
        "dot": "%02d.%02d.%04d" % (d.day, d.month, d.year),
        "long": "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year),
        "dmy_mon": "%02d-%s-%04d" % (d.day, MON[d.month - 1], d.year),
        "DMY_MON": "%02d-%s-%04d" % (d.day, MON[d.month - 1].upper(), d.year),
        "mon_d_y": "%s %d %d" % (MON[d.month - 1], d.day, d.year),
        "d_mon_y": "%d %s %d" % (d.day, MON[d.month - 1], d.year),
        "dash_us": "%02d-%02d-%04d" % (d.month, d.day, d.year),
    }[style]


DOB_STYLES = ["us", "us_short", "iso", "long", "dmy_mon", "mon_d_y", "d_mon_y", "us", "dash_us", "DMY_MON", "us2", "dot"]


def rdate_style(rng, styles=DOB_STYLES):
    return rng.choice(styles)


AREAS = [c[3] for c in CITIES]


def phone_parts(rng, area=None):
    area = area or rng.choice(AREAS)
    while True:
        exch = "%d%02d" % (rng.randint(2, 9), rng.randint(0, 99))
        if exch != "555" and not exch.endswith("11"):
            break
    return area, exch, "%04d" % rng.randint(0, 9999)


def fphone(parts, style):
    a, e, n = parts
    return {
        "paren": "(%s) %s-%s" % (a, e, n),
        "dash": "%s-%s-%s" % (a, e, n),
        "dot": "%s.%s.%s" % (a, e, n),
        "intl": "+1 %s %s %s" % (a, e, n),
        "plain": "%s%s%s" % (a, e, n),
        "one": "1-%s-%s-%s" % (a, e, n),
        "intl_dash": "+1-%s-%s-%s" % (a, e, n),
    }[style]


PHONE_STYLES = ["paren", "dash", "dot", "intl", "paren", "dash", "one", "plain", "intl_dash"]


def rphone(rng, area=None, styles=PHONE_STYLES):
    return fphone(phone_parts(rng, area), rng.choice(styles))


def rssn(rng, dashed=True):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
        v = "%03d-%02d-%04d" % (area, g, s)
        if v in ("123-45-6789", "078-05-1120"):
            continue
        return v if dashed else v.replace("-", "")


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def rmbi(rng, dashed=False):
    an = "0123456789" + MBI_ALPHA
    c = [str(rng.randint(1, 9)), rng.choice(MBI_ALPHA), rng.choice(an), str(rng.randint(0, 9)),
         rng.choice(MBI_ALPHA), rng.choice(an), str(rng.randint(0, 9)), rng.choice(MBI_ALPHA),
         rng.choice(MBI_ALPHA), str(rng.randint(0, 9)), str(rng.randint(0, 9))]
    v = "".join(c)
    if v == "1EG4TE5MK73":
        return rmbi(rng, dashed)
    return "%s-%s-%s" % (v[:4], v[4:7], v[7:]) if dashed else v


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def rmrn(rng, style=None):
    style = style or rng.choice(["d8", "d7", "e7", "d10", "mr6", "d9"])
    return {
        "d8": lambda: "%d%s" % (rng.randint(1, 9), digits(rng, 7)),
        "d7": lambda: "%d%s" % (rng.randint(1, 9), digits(rng, 6)),
        "e7": lambda: "E%d%s" % (rng.randint(1, 9), digits(rng, 6)),
        "d10": lambda: "00%d%s" % (rng.randint(1, 9), digits(rng, 7)),
        "mr6": lambda: "MR%d%s" % (rng.randint(1, 9), digits(rng, 5)),
        "d9": lambda: "%d%s" % (rng.randint(1, 9), digits(rng, 8)),
    }[style]()


def rmember(rng):
    st = rng.randrange(4)
    if st == 0:
        return "%s%s" % ("".join(rng.choice("BCDFGHJKLMNPRTWXZ") for _ in range(3)), digits(rng, 9))
    if st == 1:
        return "W%d%s" % (rng.randint(1, 9), digits(rng, 8))
    if st == 2:
        return "%s%d%s-%s" % (rng.choice("KMPQ"), rng.randint(1, 9), digits(rng, 4), digits(rng, 2))
    return "%d%s%s" % (rng.randint(1, 9), digits(rng, 7), rng.choice("ABCDEFHJ"))


def racct(rng):
    return rng.choice(["%d%s" % (rng.randint(1, 9), digits(rng, 9)), "V%s" % digits(rng, 8),
                       "A%s" % digits(rng, 7), "%d%s" % (rng.randint(1, 9), digits(rng, 6))])


def rclaim(rng, d=None):
    d = d or recent(rng)
    return rng.choice(["CLM%s%s" % (d.strftime("%Y%m%d"), digits(rng, 5)),
                       "%s%s" % (d.strftime("%y%j"), digits(rng, 8)),
                       "C%d%s" % (rng.randint(1, 9), digits(rng, 10))])


def rzip(rng, prefix, plus4=False):
    z = "%s%02d" % (prefix, rng.randint(1, 99))
    if plus4:
        z += "-%04d" % rng.randint(1, 9999)
    return z


def luhn_complete(prefix, length):
    body = prefix
    rng = random.Random(prefix)
    while len(body) < length - 1:
        body += str(rng.randint(0, 9))
    tot = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return body + str((10 - tot % 10) % 10)


def rcard(rng):
    v = luhn_complete(rng.choice(["4", "51", "37", "6011"]) + digits(rng, 3), 16)
    return " ".join(v[i:i + 4] for i in range(0, 16, 4))


EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me",
                 "comcast.net", "att.net", "verizon.net"]


def remail(rng, p):
    g = ascii_fold(p.given).replace(" ", "").replace("-", "").lower()
    f = ascii_fold(p.family).replace(" ", "").replace("-", "").lower()
    local = rng.choice(["%s.%s" % (g, f), "%s%s%02d" % (g, f, rng.randint(1, 99)), "%s%s" % (g[0], f),
                        "%s_%s" % (g, f), "%s.%s%d" % (f, g[0], rng.randint(1, 9)), "%s%d" % (g, rng.randint(40, 99))])
    return "%s@%s" % (local, rng.choice(EMAIL_DOMAINS))


class Patient:
    """A synthetic patient with lazily drawn identifiers."""

    def __init__(self, rng, age_lo=19, age_hi=88, culture=None, sex=None, native=False):
        self.p = new_person(rng, culture, sex, force_native=native)
        self.dob, self.age = dob_for_age(rng, age_lo, age_hi)
        city = rng.choice(CITIES)
        self.city, self.state, zp, self.area = city
        self.zip = rzip(rng, zp)
        self.street = "%d %s" % (rng.randint(3, 9899), rng.choice(STREETS))
        self.unit = rng.choice(UNITS) if rng.random() < 0.3 else None
        self.mrn = rmrn(rng)
        self.ssn = rssn(rng)
        self.phone_parts = phone_parts(rng, self.area)
        self.email = remail(rng, self.p)
        self.member = rmember(rng)
        self.mbi = rmbi(rng)
        self.acct = racct(rng)

    def phone(self, rng, styles=PHONE_STYLES):
        return fphone(self.phone_parts, rng.choice(styles))

    def street_line(self):
        return self.street + (" " + self.unit if self.unit else "")

    def shown(self, fallback=None):
        """The name as the patient would write it: native script when there is one."""
        return self.p.native or (fallback or self.p.first_last())


def staff(rng, n=1):
    out = []
    while len(out) < n:
        s = new_person(rng, allow_native=False)
        if all(s.family != o.family for o in out):
            out.append(s)
    return out if n > 1 else out[0]


def staff_email(s, fac):
    return "%s@%s" % (s.dotted() if len(s.handle()) > 9 else s.handle(), fac[2])


def work_phone(rng, fac):
    a = fac[3][1:4]
    return "(%s) %s-%s" % (a, fac[3][6:9], "%04d" % rng.randint(1000, 9999))


# ---------------------------------------------------------------------------
# technical noise
# ---------------------------------------------------------------------------

HEX = "0123456789abcdef"


def ruuid(rng):
    h = "".join(rng.choice(HEX) for _ in range(32))
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:32])


def rhash(rng, n=40):
    return "".join(rng.choice(HEX) for _ in range(n))


def server_ip(rng):
    return rng.choice(["10.%d.%d.%d" % (rng.randint(0, 254), rng.randint(0, 254), rng.randint(2, 254)),
                       "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 254), rng.randint(2, 254)),
                       "192.168.%d.%d" % (rng.randint(0, 254), rng.randint(2, 254))])


def public_ip(rng):
    while True:
        a = rng.choice([24, 50, 67, 68, 71, 73, 76, 98, 99, 104, 108, 174])
        return "%d.%d.%d.%d" % (a, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


PROJECTS = ["INTEG", "EHRSUP", "HIM", "RCM", "PORTAL", "LABIF", "CLININF", "DATA", "PLAT", "SEC", "MOB", "FHIR"]


def rkey(rng, proj=None):
    return "%s-%d" % (proj or rng.choice(PROJECTS), rng.randint(102, 9890))


def rversion(rng):
    return "%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 24), rng.randint(0, 15))


def rbuild(rng):
    return "%d" % rng.randint(1400, 98000)


class Clock:
    def __init__(self, rng, start):
        self.rng = rng
        self.t = start

    def tick(self, lo=0.01, hi=4.0):
        self.t += dt.timedelta(seconds=self.rng.uniform(lo, hi))
        return self.t

    def stamp(self, style="iso", lo=0.01, hi=4.0):
        t = self.tick(lo, hi)
        if style == "iso":
            return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)
        if style == "isoz":
            return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
        if style == "syslog":
            return t.strftime("%b %d %H:%M:%S")
        return t.strftime("%H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def rtime(rng, day=None):
    day = day or recent(rng)
    return dt.datetime(day.year, day.month, day.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                       rng.randint(0, 999999))


ENGINE_MSGS = [
    "INFO  [{thr}] c.i.engine.ChannelRunner - channel {ch} polled {n} message(s) in {ms} ms",
    "DEBUG [{thr}] c.i.mllp.MllpReader - frame received from {ip}:{port}, {bytes} bytes",
    "INFO  [{thr}] c.i.engine.Router - msgId={uuid} routed to {dest}",
    "DEBUG [{thr}] c.i.transform.Mapper - applied map {map} v{ver} in {ms} ms",
    "WARN  [{thr}] c.i.mllp.MllpWriter - ACK not received within {to} ms from {ip}:{port}, retry {r}/5",
    "INFO  [{thr}] c.i.mllp.MllpWriter - ACK AA for ctrl={ctrl}",
    "DEBUG [{thr}] c.i.queue.DiskQueue - depth={n} oldest={ms}ms",
    "INFO  [{thr}] c.i.db.Pool - active={a} idle={i} waiting={w}",
    "WARN  [{thr}] c.i.queue.DiskQueue - queue {ch} above high-water mark ({hw} > 5000)",
    "DEBUG [{thr}] c.i.engine.Filter - rule '{rule}' evaluated false, message skipped",
    "INFO  [{thr}] c.i.engine.ChannelRunner - channel {ch} state=STARTED",
    "ERROR [{thr}] c.i.mllp.MllpWriter - connection reset by peer {ip}:{port}",
]
CHANNELS = ["ADT_IN_EPIC", "ORU_OUT_LIS", "SIU_IN_CADENCE", "ORM_OUT_RAD", "DFT_OUT_PB", "MDM_IN_TRANSCR", "VXU_OUT_IIS"]
RULES = ["skip test facilities", "drop A31 from CERT", "only inpatient PV1-2=I", "exclude OBX-11=D"]


def engine_line(rng, clk, style="iso"):
    tmpl = rng.choice(ENGINE_MSGS)
    return clk.stamp(style) + " " + tmpl.format(
        thr=rng.choice(["pool-3-thread-%d" % rng.randint(1, 16), "mllp-listener-6661", "dispatcher-%d" % rng.randint(1, 4),
                        "qtimer-1"]),
        ch=rng.choice(CHANNELS), n=rng.randint(0, 7000), ms=rng.randint(1, 900), ip=server_ip(rng),
        port=rng.choice([6661, 6662, 7001, 2575, 5050]), bytes=rng.randint(300, 9000), uuid=ruuid(rng),
        dest=rng.choice(["LIS", "RAD", "PB", "DW", "IIS", "HIE"]), map=rng.choice(["adt-core", "oru-lab", "pid-normalize"]),
        ver=rng.randint(2, 19), to=rng.choice([3000, 5000, 10000]), r=rng.randint(1, 5),
        hw=rng.randint(5001, 9000), ctrl="MSG%08d" % rng.randint(1, 99999999), a=rng.randint(1, 40), i=rng.randint(0, 20), w=rng.randint(0, 9),
        rule=rng.choice(RULES))


JAVA_FRAMES = {
    "hl7": ["ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:{n})", "ca.uhn.hl7v2.parser.Parser.parse(Parser.java:{n})",
            "com.acme.ie.transform.PidNormalizer.apply(PidNormalizer.java:{n})",
            "com.acme.ie.engine.ChannelRunner.process(ChannelRunner.java:{n})",
            "com.acme.ie.engine.ChannelRunner.lambda$run$0(ChannelRunner.java:{n})",
            "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
            "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)",
            "java.base/java.lang.Thread.run(Thread.java:840)"],
    "jdbc": ["org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:{n})",
             "org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:{n})",
             "org.postgresql.jdbc.PgPreparedStatement.executeWithFlags(PgPreparedStatement.java:{n})",
             "com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)",
             "org.hibernate.engine.jdbc.internal.ResultSetReturnImpl.executeUpdate(ResultSetReturnImpl.java:{n})",
             "org.hibernate.persister.entity.AbstractEntityPersister.update(AbstractEntityPersister.java:{n})",
             "org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:{n})",
             "org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:{n})",
             "com.acme.encounter.close.EncounterCloseJob.execute(EncounterCloseJob.java:{n})",
             "org.quartz.core.JobRunShell.run(JobRunShell.java:202)"],
    "web": ["org.springframework.validation.beanvalidation.MethodValidationInterceptor.invoke(MethodValidationInterceptor.java:{n})",
            "org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:{n})",
            "com.acme.elig.RequestBuilder$$SpringCGLIB$$0.buildRequest(<generated>)",
            "com.acme.elig.EligibilityService.check(EligibilityService.java:{n})",
            "com.acme.elig.web.EligibilityController.check(EligibilityController.java:{n})",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:{n})",
            "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:{n})",
            "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
            "org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)",
            "java.base/java.lang.Thread.run(Thread.java:840)"],
    "mpi": ["org.acme.mpi.match.PatientMatchService.candidates(PatientMatchService.java:{n})",
            "org.acme.mpi.web.MatchController.match(MatchController.java:{n})",
            "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:{n})",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:{n})",
            "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:{n})",
            "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
            "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:{n})",
            "org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:{n})",
            "java.base/java.lang.Thread.run(Thread.java:840)"],
    "batch": ["java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:{n})",
              "java.base/java.lang.StringBuilder.append(StringBuilder.java:{n})",
              "org.acme.export.NdjsonWriter.write(NdjsonWriter.java:{n})",
              "org.acme.export.ExportWorker.writeType(ExportWorker.java:{n})",
              "org.acme.export.ExportWorker.run(ExportWorker.java:{n})",
              "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
              "java.base/java.lang.Thread.run(Thread.java:840)"],
    "spring": ["org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:{n})",
               "org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBean(AbstractAutowireCapableBeanFactory.java:{n})",
               "org.springframework.beans.factory.support.AbstractBeanFactory.doGetBean(AbstractBeanFactory.java:{n})",
               "org.springframework.beans.factory.support.DefaultListableBeanFactory.preInstantiateSingletons(DefaultListableBeanFactory.java:{n})",
               "org.springframework.context.support.AbstractApplicationContext.refresh(AbstractApplicationContext.java:{n})",
               "org.springframework.boot.SpringApplication.refreshContext(SpringApplication.java:{n})",
               "org.springframework.boot.SpringApplication.run(SpringApplication.java:{n})",
               "org.acme.claims.ClaimsApiApplication.main(ClaimsApiApplication.java:14)"],
    "pgconn": ["org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:{n})",
               "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:{n})",
               "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:{n})",
               "org.postgresql.Driver.makeConnection(Driver.java:{n})",
               "com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:{n})",
               "com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:{n})",
               "com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:{n})"],
}


def frame_domain(first):
    if not first:
        return "hl7"
    for key, dom in (("ConnectionFactoryImpl", "pgconn"), ("postgresql", "jdbc"), ("validator", "web"), ("Arrays", "batch"),
                     ("springframework.beans", "spring"), ("mpi", "mpi"), ("uhn", "hl7")):
        if key in first:
            return dom
    return "hl7"


def java_frames(rng, n, first=None, domain=None):
    frames = JAVA_FRAMES[domain or frame_domain(first)]
    out = []
    if first:
        out.append("\tat " + first)
    for f in frames[:n]:
        out.append("\tat " + f.format(n=rng.randint(40, 900)))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------

TEMPLATES = collections.OrderedDict()


def tpl(family, mode):
    """mode: 's' sparse PHI, 'o' ordinary PHI, 'c' clean."""

    def deco(fn):
        TEMPLATES.setdefault(family, {"s": [], "o": [], "c": []})[mode].append(fn)
        return fn

    return deco


# ---------------------------------------------------------------------------
# shared document pieces
# ---------------------------------------------------------------------------


def sname(s, style="fl"):
    txt = {"fl": s.first_last, "lf": s.last_first, "up": s.upper, "mid": s.with_middle}[style]()
    return D("person_name", txt)


def dr(s, style="fl"):
    return [D("title", "Dr."), " ", sname(s, style)]


def jira_created(t, style):
    if style == 0:
        return t.strftime("%Y-%m-%d %H:%M")
    if style == 1:
        return "%d/%s/%s %d:%02d %s" % (t.day, MON[t.month - 1], t.strftime("%y"), (t.hour % 12) or 12, t.minute,
                                       "AM" if t.hour < 12 else "PM")
    return "%s %d, %d, %d:%02d %s" % (MON[t.month - 1], t.day, t.year, (t.hour % 12) or 12, t.minute,
                                      "am" if t.hour < 12 else "pm")


def jira_head(d, rng, key, summary, reporter, assignee, created, typ="Bug", prio=None, status=None,
              comps=None, labels=None, env=None):
    prio = prio or rng.choice(["Highest", "High", "Medium", "Low"])
    status = status or rng.choice(["Open", "In Progress", "Waiting for support", "In Review", "Blocked"])
    st = rng.randrange(3)
    upd = created + dt.timedelta(hours=rng.randint(1, 70))
    if st == 0:
        d.ln(key, "  ", summary)
        d.ln("Type: ", typ, "    Priority: ", prio, "    Status: ", status)
        d.ln("Reporter: ", sname(reporter), "    Assignee: ", sname(assignee))
        d.ln("Created: ", jira_created(created, 0), "    Updated: ", jira_created(upd, 0))
        if comps:
            d.ln("Components: ", comps, ("    Labels: " + labels) if labels else "")
    elif st == 1:
        d.ln(summary)
        d.ln(key)
        d.ln("")
        d.ln("Details")
        d.ln("Type:\t", typ)
        d.ln("Priority:\t", prio)
        d.ln("Status:\t", status.upper())
        if comps:
            d.ln("Component/s:\t", comps)
        if labels:
            d.ln("Labels:\t", labels)
        d.ln("People")
        d.ln("Assignee:\t", sname(assignee))
        d.ln("Reporter:\t", sname(reporter))
        d.ln("Dates")
        d.ln("Created:\t", jira_created(created, 1))
        d.ln("Updated:\t", jira_created(upd, 1))
    else:
        d.ln("[", key, "] ", summary)
        d.ln("| *Type* | ", typ, " | *Priority* | ", prio, " |")
        d.ln("| *Reporter* | [~", D("person_name", reporter.handle()), "] | *Assignee* | [~",
             D("person_name", assignee.handle()), "] |")
        d.ln("| *Created* | ", jira_created(created, 2), " | *Status* | ", status, " |")
    if env:
        d.ln("Environment: ", env)
    d.ln("")


def jira_comment(d, rng, author, when, style=None):
    if style is None:
        if not hasattr(d, "cstyle"):
            d.cstyle = rng.randrange(3)
        style = d.cstyle
    if style == 0:
        d.ln(sname(author), " added a comment - ", jira_created(when, 1))
    elif style == 1:
        d.ln("*", sname(author), "* commented on ", jira_created(when, 2), ":")
    else:
        d.ln("--- ", sname(author), " (", jira_created(when, 0), ")")


TECH_COMMENTS = [
    "Linked the change record; CAB approved for the Thursday window.",
    "Added a Grafana panel for this (dashboard 'integration-overview', row 3).",
    "Could not reproduce in TEST with the same build; TEST has a quarter of the PROD volume.",
    "Vendor case opened, they asked for the engine version and the exact timestamps (UTC).",
    "Raised priority, two more sites reported the same thing this morning.",
    "Moving to In Review - PR merged, waiting for the nightly deploy to staging.",
    "Please keep attachments in the secure share, not on the ticket.",
    "Runbook updated with the workaround, see the Related section of the page.",
    "Deployed to PROD at 21:40, monitoring overnight; will close tomorrow if quiet.",
    "Root cause documented in the problem record; closing this one as a duplicate of the parent.",
]


def tech_comments(d, rng, people, start, n=None):
    t = start
    for body in rng.sample(TECH_COMMENTS, n or rng.randint(2, 4)):
        t += dt.timedelta(hours=rng.randint(1, 30), minutes=rng.randint(0, 59))
        jira_comment(d, rng, rng.choice(people), t)
        d.ln(body)
        d.ln("")


def seg(d, name, fields, end="\n"):
    """One HL7 segment: fields are pieces; field 1 comes first."""
    d.emit(name)
    for f in fields:
        d.emit("|")
        d.emit(f)
    d.emit(end)


def msh_fields(rng, fac, mtype, when, ctrl, ver="2.5.1", app=None, dest=("IE", "HUB")):
    return ["^~\\&", app or rng.choice(["EPIC", "CERNER", "MEDITECH", "ATHENA", "SUNQUEST"]), D("facility", fac[1]),
            dest[0], dest[1], D("date", when.strftime("%Y%m%d%H%M%S")), "", mtype, ctrl, rng.choice("PPPT"), ver]


def ctrl_id(rng):
    return rng.choice(["MSG%08d" % rng.randint(1, 99999999), "%d" % rng.randint(10 ** 9, 10 ** 10),
                       "Q%dT%d" % (rng.randint(100000, 999999), rng.randint(1, 99))])


def xad(pt):
    out = [P("street_address", pt.street), "^"]
    if pt.unit:
        out.append(P("street_address", pt.unit))
    out += ["^", P("street_address", pt.city), "^", D("state", pt.state), "^", P("zip_code", pt.zip), "^USA"]
    return out


def xtn(pt, rng, use="PRN"):
    a, e, n = pt.phone_parts
    if rng.random() < 0.6:
        return ["^%s^PH^^1^" % use, P("phone", a), "^", P("phone", e + n)]
    return [P("phone", "(%s)%s-%s" % (a, e, n)), "^%s^PH" % use]


def pid_fields(rng, pt, fac, parts=("mrn", "name", "dob", "sex"), fold=None):
    fold = rng.random() < 0.4 if fold is None else fold
    f = [""] * 19
    f[0] = "1"
    f[2] = [P("mrn", pt.mrn), "^^^", D("facility", fac[1]), "^MR"]
    if "name" in parts:
        f[4] = P("person_name", pt.p.hl7(fold))
    if "dob" in parts:
        f[6] = P("date", fdate(pt.dob, "hl7"))
    if "sex" in parts:
        f[7] = pt.p.sex
    if "addr" in parts:
        f[10] = xad(pt)
    if "phone" in parts:
        f[12] = xtn(pt, rng)
    if "lang" in parts:
        f[14] = rng.choice(["ENG", "SPA", "VIE", "POL", "SOM", "ARA"])
    if "acct" in parts:
        f[17] = P("account_number", pt.acct)
    if "ssn" in parts:
        f[18] = P("ssn", pt.ssn.replace("-", "") if rng.random() < 0.5 else pt.ssn)
    while f and f[-1] == "":
        f.pop()
    return f


def xcn(rng, s):
    return D("person_name", "%d^%s^%s" % (rng.randint(1000, 99999), ascii_fold(s.family).upper().replace(" ", ""),
                                           ascii_fold(s.given).upper()))


def pv1_fields(rng, att, adm=None, dis=None, visit=None, pclass=None):
    f = [""] * 45
    f[0] = "1"
    f[1] = pclass or rng.choice(["I", "O", "E"])
    f[2] = rng.choice(["4W^412^A", "ED^TRG^03", "ICU^07^B", "5N^518^1", "OBS^22^2", "CLIN^EXAM3^"])
    f[6] = xcn(rng, att)
    f[9] = rng.choice(["MED", "SUR", "CAR", "ONC", "EMR"])
    if visit:
        f[18] = P("account_number", visit)
    if adm:
        f[43] = P("date", adm.strftime("%Y%m%d%H%M"))
    if dis:
        f[44] = P("date", dis.strftime("%Y%m%d%H%M"))
    while f and f[-1] == "":
        f.pop()
    return f


# ===========================================================================
# jira_hl7
# ===========================================================================

ENG_SUMMARIES = [
    "{ch} stalls for several minutes after A08 burst",
    "Intermittent MLLP resets on {ch} since Tuesday's patch",
    "Queue depth alarm on {ch} every morning around 07:00",
    "{ch}: duplicate messages forwarded to downstream after failover",
]


@tpl("jira_hl7", "s")
def jira_hl7_s_engine_log(rng):
    """A long engine log with one raw inbound message dumped at DEBUG."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, c1 = staff(rng, 3)
    pt = Patient(rng)
    ch = rng.choice(CHANNELS)
    created = rtime(rng)
    host = "prod-ie-%02d" % rng.randint(1, 6)
    jira_head(d, rng, rkey(rng, "INTEG"), rng.choice(ENG_SUMMARIES).format(ch=ch), rep, asg, created,
              comps="Interface Engine", labels="mllp prod-only", env="%s (%s), engine %s" % (host, server_ip(rng), rversion(rng)))
    d.b("""
        Since the weekend the {{§ch§}} channel stops pulling from the queue for 3-6 minutes at a time.
        No errors on our side until the MLLP writer gives up. Downstream (§dest§) says they are up the whole time.
        Grabbed the log around the last stall below; I turned on DEBUG for c.i.engine for ten minutes so it is noisy.

        {noformat}
        """, ch=ch, dest=rng.choice(["LIS", "PACS", "HIE", "data warehouse"]))
    clk = Clock(rng, created - dt.timedelta(minutes=rng.randint(20, 90)))
    n = rng.randint(48, 66)
    k = rng.randint(12, n - 12)
    when = clk.t
    for i in range(n):
        if i == k:
            ctrl = ctrl_id(rng)
            d.ln(clk.stamp(), " DEBUG [pool-3-thread-%d] c.i.engine.MessageLogger - inbound raw ctrl=%s:" % (rng.randint(1, 16), ctrl))
            seg(d, "MSH", msh_fields(rng, fac, "ADT^A08^ADT_A01", clk.t, ctrl))
            seg(d, "EVN", ["A08", D("date", clk.t.strftime("%Y%m%d%H%M%S"))])
            seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex")))
            seg(d, "PV1", pv1_fields(rng, staff(rng)))
        else:
            d.ln(engine_line(rng, clk))
    d.b("""
        {noformat}

        Observations:
        * the stall always starts right after the DiskQueue high-water warning
        * thread dump shows pool-3 threads parked in MllpWriter.awaitAck
        * restarting the channel clears it, restarting the whole engine is not needed

        """)
    jira_comment(d, rng, c1, created + dt.timedelta(hours=2))
    d.b("""
        Looks like the ack timeout is still 3000 ms on this channel but §dest§ moved to the new VIP last month and
        their p99 is ~4s. Proposing we bump to 10000 and set max in-flight to 1. Change request to follow.
        """, dest=rng.choice(["LIS", "PACS", "HIE"]))
    return d


@tpl("jira_hl7", "s")
def jira_hl7_s_ack_errors(rng):
    """MLLP session trace full of ACKs; one AE acknowledgement quotes the patient."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    created = rtime(rng)
    jira_head(d, rng, rkey(rng, "LABIF"), "Lab results rejected by %s with AE after OBX-5 length change" % fac[1],
              rep, asg, created, typ="Incident", comps="Lab interface", labels="oru ack")
    d.ln("Receiver started answering AE for some ORU^R01 today. Most of the traffic is fine (AA). tcpdump summary")
    d.ln("from the interface host, ACK payloads only:")
    d.ln("")
    d.ln("```")
    clk = Clock(rng, created - dt.timedelta(hours=1))
    n = rng.randint(30, 44)
    k = rng.randint(8, n - 6)
    for i in range(n):
        ctrl = "%d" % rng.randint(10 ** 8, 10 ** 9)
        st = clk.stamp("hms", 0.2, 20)
        if i == k:
            d.t(st, " <- MSH|^~\\&|LIS|", D("facility", fac[1]), "|IE|HUB|", D("date", clk.t.strftime("%Y%m%d%H%M%S")),
                "||ACK^R01|A", ctrl, "|P|2.5.1  MSA|AE|", ctrl, "|Patient ", P("mrn", pt.mrn), " ",
                P("person_name", pt.p.hl7(True)), " OBX-5 exceeds 64k (id=", rng.choice(["GLU", "HGBA1C", "CBC", "BMP"]), ")\n")
        elif rng.random() < 0.08:
            d.ln(st, " -- keepalive")
        else:
            d.ln(st, " <- MSA|AA|", ctrl)
    d.ln("```")
    d.b("""

        Only one AE in the last hour, the rest are AA. The AE is a pathology narrative report so it is the new
        length limit on their side. Can we split OBX-5 into multiple OBX with continuation?

        h3. Config
        ||setting||old||new||
        |obx.max.length|65536|32000|
        |obx.split|false|true|
        |ack.timeout.ms|5000|5000|
        """)
    return d


@tpl("jira_hl7", "s")
def jira_hl7_s_comment_thread(rng):
    """Mapping bug with several staff comments; one comment names the MRN and admit date used for the repro."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    people = staff(rng, 4)
    pt = Patient(rng)
    created = rtime(rng)
    adm = recent(rng)
    jira_head(d, rng, rkey(rng, "INTEG"), "PV1-3 bed truncated to 4 chars in ADT feed to bed board", people[0],
              people[1], created, comps="ADT", labels="mapping")
    d.b("""
        Bed board shows "4W-4" instead of "4W-412A" for some patients. Map adt-core v14 has substr(0,4) on the bed
        component. Introduced by §key§ (location cleanup).

        Acceptance:
        - bed component passed through unchanged up to 10 chars
        - unit tests for 2-, 4-, 7-char beds
        - replay yesterday's A02/A08 to bed board in TEST

        """, key=rkey(rng, "INTEG"))
    t = created
    bodies = [
        lambda: d.ln("Confirmed in TEST, map v14 line 212. Fix is trivial, will add tests."),
        lambda: d.t("Repro'd with a prod message for MRN ", P("mrn", pt.mrn), " (admitted ",
                    P("date", fdate(adm, rng.choice(["us", "us_short", "iso"]))),
                    "), bed 4W-412A came out as 4W-4. Message is in the secure share, not attaching here.\n"),
        lambda: d.ln("PR is up: ", "https://bitbucket.example.org/projects/IE/repos/maps/pull-requests/%d" % rng.randint(100, 999)),
        lambda: d.ln("Replayed %d messages from yesterday in TEST, all beds correct now. Ready for CAB." % rng.randint(300, 2000)),
        lambda: d.ln("CAB approved for Thursday 19:00 window."),
    ]
    for i, body in enumerate(bodies):
        t += dt.timedelta(hours=rng.randint(1, 20))
        jira_comment(d, rng, people[(i + 1) % 4], t)
        body()
        d.ln("")
    return d


@tpl("jira_hl7", "s")
def jira_hl7_s_parser_trace(rng):
    """Java stack trace from the HL7 parser; the exception message echoes the PID segment."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    created = rtime(rng)
    jira_head(d, rng, rkey(rng, "INTEG"), "EncodingNotSupportedException on SIU feed after vendor upgrade", rep, asg,
              created, comps="Scheduling", labels="hapi siu")
    d.ln("Vendor upgraded their scheduling system to %s last night. Since then ~2%% of SIU^S12 fail to parse." % rversion(rng))
    d.ln("Stack trace from the error channel:")
    d.ln("")
    d.ln("{code:java}")
    clk = Clock(rng, created - dt.timedelta(hours=3))
    d.ln(clk.stamp(), " ERROR [SIU_IN_CADENCE-reader] c.a.ie.engine.ChannelRunner - message %s failed" % ruuid(rng))
    d.t("ca.uhn.hl7v2.model.DataTypeException: Failed to validate PID-8 value 'U ' in segment ",
        "PID|1||", P("mrn", pt.mrn), "^^^", D("facility", fac[1]), "^MR||", P("person_name", pt.p.hl7(True)), "||",
        P("date", fdate(pt.dob, "hl7")), "|U |\n")
    d.t(java_frames(rng, rng.randint(4, 6), first="ca.uhn.hl7v2.model.primitive.IS.setValue(IS.java:88)"))
    d.ln("Caused by: java.lang.IllegalArgumentException: value not in table 0001 (administrative sex)")
    d.t(java_frames(rng, rng.randint(6, 10)))
    d.ln("\t... %d common frames omitted" % rng.randint(8, 30))
    d.ln("{code}")
    d.b("""

        Table 0001 allows F, M, O, U, A, N. The vendor now pads PID-8 with a space. Options:
        # trim PID-8 in the pre-processor (cheap, works for all channels)
        # ask vendor to fix (ticket §vkey§ opened, ETA unknown)

        Going with 1 as a stopgap; failed messages (§n§) can be reprocessed from the error channel afterwards.
        """, vkey="VND-%d" % rng.randint(1000, 9999), n=rng.randint(20, 180))
    return d


@tpl("jira_hl7", "s")
def jira_hl7_s_filter_config(rng):
    """Routing-filter change with JavaScript, a config table and one sample message whose PID is real-looking."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, rv = staff(rng, 3)
    pt = Patient(rng)
    created = rtime(rng)
    jira_head(d, rng, rkey(rng, "LABIF"), "Route ORM from new outpatient draw sites to reference lab", rep, asg, created,
              typ="Story", comps="Orders", labels="routing")
    d.b("""
        New draw sites go live on the 1st. Orders with ORC-17 in (DRAW1, DRAW2, DRAW3) must go to the reference
        lab channel instead of in-house.

        Filter (source filter on ORM_OUT_RAD copy):
        {code:javascript}
        var site = msg['ORC']['ORC.17']['ORC.17.1'].toString();
        var drawSites = ['DRAW1', 'DRAW2', 'DRAW3'];
        if (drawSites.indexOf(site) >= 0) {
            channelMap.put('dest', 'REFLAB');
            return true;
        }
        return false;
        {code}

        ||site code||name||go-live||
        |DRAW1|North campus draw station|§d1§|
        |DRAW2|Mall kiosk|§d1§|
        |DRAW3|Westside clinic lab|§d2§|

        Test message used in TEST (copied from the §fac§ feed):
        {noformat}
        """, d1=(dt.date(2026, rng.randint(1, 11), 1)).isoformat(), d2=(dt.date(2026, 12, 1)).isoformat(),
        fac=D("facility", fac[0]))
    ctrl = ctrl_id(rng)
    when = rtime(rng)
    seg(d, "MSH", msh_fields(rng, fac, "ORM^O01", when, ctrl))
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex")))
    seg(d, "ORC", ["NW", D("other_id", "ORD%d" % rng.randint(100000, 999999)), "", "", "SC", "", "", "", "", "", "", "",
                   "", "", "", "", "DRAW%d" % rng.randint(1, 3)])
    seg(d, "OBR", ["1", D("other_id", "ORD%d" % rng.randint(100000, 999999)), "", "%s^%s^L" % rng.choice(
        [("LIPID", "Lipid panel"), ("TSH", "TSH"), ("CMP", "Comprehensive metabolic panel")])])
    d.b("""
        {noformat}

        Reviewer: §rv§ - filter looks fine, please add a unit test for an empty ORC-17.

        """, rv=sname(rv))
    tech_comments(d, rng, [rep, asg, rv], created)
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_adt_a01(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, att = staff(rng, 3)
    pt = Patient(rng)
    nk = relative_of(rng, pt.p)
    created = rtime(rng)
    adm = rtime(rng, created.date() - dt.timedelta(days=rng.randint(0, 2)))
    jira_head(d, rng, rkey(rng, "EHRSUP"), "Admitted patient not showing on bed board", rep, asg, created,
              comps="ADT", labels="bedboard")
    d.ln("Nursing called, patient was admitted to %s but the bed board still shows the bed as clean." % rng.choice(["4W", "5N", "ICU", "OBS"]))
    d.ln("Here is the A01 from the engine:")
    d.ln("")
    fence = rng.choice([("{code}", "{code}"), ("{noformat}", "{noformat}"), ("```", "```")])
    d.ln(fence[0])
    ctrl = ctrl_id(rng)
    seg(d, "MSH", msh_fields(rng, fac, "ADT^A01^ADT_A01", adm, ctrl))
    seg(d, "EVN", ["A01", D("date", adm.strftime("%Y%m%d%H%M%S"))])
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex", "addr", "phone", "lang", "acct", "ssn")))
    nkp = phone_parts(rng, pt.area)
    seg(d, "NK1", ["1", P("person_name", nk.hl7(True)), relation(rng, pt.p, nk, "hl7"),
                   "", ["^PRN^PH^^1^", P("phone", nkp[0]), "^", P("phone", nkp[1] + nkp[2])]])
    seg(d, "PV1", pv1_fields(rng, att, adm=adm, visit=racct(rng), pclass="I"))
    payer = rng.choice(PAYERS)
    seg(d, "IN1", ["1", rng.choice(["BHHP01", "KM200", "MCR", "PCH"]), "%d" % rng.randint(10000, 99999), payer[0], "", "",
                   payer[1], D("group_number", "GRP%d" % rng.randint(10000, 99999))] + [""] * 27 +
        [P("health_plan_id", pt.member)])
    code, desc = rng.choice(ICD)
    seg(d, "DG1", ["1", "I10", [D("diagnosis_code", code), "^", D("condition", desc.upper()), "^I10"], "",
                   P("date", adm.strftime("%Y%m%d%H%M")), "A"])
    d.ln(fence[1])
    d.ln("")
    d.ln("The A01 looks complete to me. Bed board log shows it was filtered as a duplicate, checking the dedupe key.")
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_oru_results(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, ordering = staff(rng, 3)
    pt = Patient(rng)
    created = rtime(rng)
    coll = rtime(rng, created.date() - dt.timedelta(days=rng.randint(0, 3)))
    d.ln(rng.choice(["hey team", "hi all", "fyi"]), " - results for this pt are not filing to the chart, ",
         "lab says they sent them. msg below. ", rkey(rng, "LABIF"))
    d.ln("reported by ", sname(rep), ", assigned ", sname(asg))
    d.ln("")
    ctrl = ctrl_id(rng)
    seg(d, "MSH", msh_fields(rng, fac, "ORU^R01", coll + dt.timedelta(hours=3), ctrl, app="SUNQUEST"))
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex", "phone")))
    seg(d, "ORC", ["RE", D("other_id", "%d" % rng.randint(10 ** 6, 10 ** 7))])
    seg(d, "OBR", ["1", D("other_id", "%d" % rng.randint(10 ** 6, 10 ** 7)), "", "BMP^Basic metabolic panel^L", "", "",
                   P("date", coll.strftime("%Y%m%d%H%M")), "", "", "", "", "", "", "", "", xcn(rng, ordering)])
    tests = [("NA", "Sodium", "mmol/L", "135-145", 128, 146), ("K", "Potassium", "mmol/L", "3.5-5.1", 3.1, 5.9),
             ("CL", "Chloride", "mmol/L", "98-107", 95, 110), ("CO2", "Carbon dioxide", "mmol/L", "22-29", 18, 31),
             ("BUN", "Urea nitrogen", "mg/dL", "7-20", 5, 60), ("CREAT", "Creatinine", "mg/dL", "0.6-1.3", 0.5, 4.2),
             ("GLU", "Glucose", "mg/dL", "70-99", 60, 320)]
    for i, (c, nm, u, ref, lo, hi) in enumerate(tests[:rng.randint(4, 7)]):
        v = round(rng.uniform(lo, hi), 1)
        seg(d, "OBX", [str(i + 1), "NM", "%s^%s^L" % (c, nm), "", str(v), u, ref, "", "", "", "F", "", "",
                       P("date", (coll + dt.timedelta(hours=2)).strftime("%Y%m%d%H%M"))])
    d.ln("")
    d.ln("error in the inbound log: 'OBR-16 provider not found'. ordering provider is ", dr(ordering),
         " - new hire, probably not in the provider master yet?")
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_siu_appointment(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, prov = staff(rng, 3)
    pt = Patient(rng)
    created = rtime(rng)
    appt = rtime(rng, created.date() + dt.timedelta(days=rng.randint(2, 30)))
    jira_head(d, rng, rkey(rng, "EHRSUP"), "Appointment booked in Cadence not visible in the kiosk", rep, asg, created,
              typ="Support", comps="Scheduling")
    d.ln("Front desk at ", D("facility", fac[0]), " says the patient checked in at the kiosk and was told there is no")
    d.ln("appointment. SIU from that morning:")
    d.ln("")
    ctrl = ctrl_id(rng)
    seg(d, "MSH", msh_fields(rng, fac, "SIU^S12", created - dt.timedelta(days=3), ctrl, app="CADENCE"))
    seg(d, "SCH", ["", D("other_id", "%d" % rng.randint(10 ** 7, 10 ** 8)), "", "", "", "ROUTINE", "", "OFFICE",
                   "30", "MIN", ["^^^", P("date", appt.strftime("%Y%m%d%H%M"))]])
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex", "phone")))
    seg(d, "AIL", ["1", "", "%s^EXAM%d" % (fac[1], rng.randint(1, 9))])
    seg(d, "AIP", ["1", "", xcn(rng, prov), "ATT"])
    d.ln("")
    d.ln("Kiosk matches on ", rng.choice(["last name + DOB", "MRN", "phone"]), "; the PID looks right. Kiosk cache refresh ran at 06:00,")
    d.ln("the SIU came in at 06:14. Will move the refresh to every 15 minutes.")
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_a08_demographics(rng):
    """Old and new PID side by side: two addresses and two phones."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    new = Patient(rng)
    new.p, new.dob, new.mrn = pt.p, pt.dob, pt.mrn
    created = rtime(rng)
    jira_head(d, rng, rkey(rng, "HIM"), "A08 demographic update overwrote the new address with the old one", rep, asg,
              created, comps="Registration", labels="a08 ordering")
    d.ln("Registration updated the address twice within a minute; the two A08s arrived out of order at the MPI.")
    d.ln("")
    for label, p in (("first A08 (arrived second)", new), ("second A08 (arrived first)", pt)):
        d.ln(label, ":")
        when = rtime(rng, created.date())
        seg(d, "MSH", msh_fields(rng, fac, "ADT^A08", when, ctrl_id(rng)))
        seg(d, "PID", pid_fields(rng, p, fac, ("mrn", "name", "dob", "sex", "addr", "phone"), fold=True))
        d.ln("")
    d.ln("MPI has no sequence-number check. Proposal: use MSH-7 and reject older updates.")
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_vxu_caps(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg, nurse = staff(rng, 3)
    pt = Patient(rng, 60, 97)
    created = rtime(rng)
    given = rtime(rng, created.date() - dt.timedelta(days=rng.randint(1, 9)))
    d.ln("IMMUNIZATION REGISTRY REJECTED VXU - ", rkey(rng, "INTEG"))
    d.ln("REPORTER: ", sname(rep, "up"), "  ASSIGNEE: ", sname(asg, "up"))
    d.ln("")
    d.ln("STATE IIS RETURNED 'INVALID CVX' FOR THIS ONE. PLEASE CHECK MAPPING.")
    d.ln("")
    seg(d, "MSH", msh_fields(rng, fac, "VXU^V04^VXU_V04", given + dt.timedelta(hours=1), ctrl_id(rng), ver="2.5.1",
                             dest=("IIS", "STATE")))
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex", "addr"), fold=True))
    seg(d, "ORC", ["RE", "", D("other_id", "%d" % rng.randint(10 ** 5, 10 ** 6))])
    vac = rng.choice([("141", "INFLUENZA, SEASONAL"), ("213", "COVID-19 MRNA"), ("33", "PNEUMOCOCCAL POLYSACCHARIDE"),
                      ("187", "ZOSTER RECOMBINANT")])
    seg(d, "RXA", ["0", "1", P("date", given.strftime("%Y%m%d%H%M")), "", [vac[0], "^", D("medication", vac[1]), "^CVX"],
                   "0.5", "mL", "", "00^NEW IMMUNIZATION RECORD^NIP001", xcn(rng, nurse)])
    seg(d, "RXR", ["C28161^INTRAMUSCULAR^NCIT", "LD^LEFT DELTOID^HL70163"])
    d.ln("")
    d.ln("NOTE: PATIENT IS ", P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age),
         " - REGISTRY ALSO FLAGGED AGE. CVX ", vac[0], " IS VALID, SUSPECT WHITESPACE.")
    return d


@tpl("jira_hl7", "o")
def jira_hl7_o_a40_merge(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    old_mrn = rmrn(rng)
    created = rtime(rng)
    jira_head(d, rng, rkey(rng, "HIM"), "Merge (A40) not applied in PACS, images still under old MRN", rep, asg, created,
              comps="Merges", labels="a40 pacs")
    d.ln("HIM merged the duplicate chart yesterday. PACS still has the prior studies on the old number.")
    d.ln("")
    d.ln("```")
    seg(d, "MSH", msh_fields(rng, fac, "ADT^A40^ADT_A39", rtime(rng, created.date()), ctrl_id(rng)))
    seg(d, "EVN", ["A40", D("date", created.strftime("%Y%m%d%H%M%S"))])
    seg(d, "PID", pid_fields(rng, pt, fac, ("mrn", "name", "dob", "sex")))
    seg(d, "MRG", [[P("mrn", old_mrn), "^^^", D("facility", fac[1]), "^MR"]])
    d.ln("```")
    d.ln("")
    d.t("PACS log: 'MRG-1 ", P("mrn", old_mrn), " not found'. The PACS stores the MRN with leading zeros stripped?\n")
    return d


# ===========================================================================
# verification
# ===========================================================================


def _is_word(ch):
    return ch.isalnum()


def check_record(rec):
    """Return a list of problems with one record (empty when it is fine)."""
    errs = []
    text = rec["text"]
    b = text.encode("utf-8")
    prev_end = -1
    n_phi = 0
    for sp in rec["spans"]:
        s, e = sp["start"], sp["end"]
        if not (0 <= s < e <= len(b)):
            errs.append("span out of range %r" % sp)
            continue
        if s < prev_end:
            errs.append("spans unsorted or overlapping at %d" % s)
        prev_end = e
        try:
            piece = b[s:e].decode("utf-8")
            before = b[:s].decode("utf-8")
            after = b[e:].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("span %d-%d not on a character boundary" % (s, e))
            continue
        if piece != piece.strip():
            errs.append("span %r has surrounding whitespace" % piece)
        if before and _is_word(before[-1]) and _is_word(piece[0]):
            errs.append("span %r starts inside a token" % piece)
        if after and _is_word(after[0]) and _is_word(piece[-1]):
            errs.append("span %r ends inside a token" % piece)
        if sp["label"] not in ("phi", "dont_care"):
            errs.append("bad label %r" % sp["label"])
        if sp["label"] == "phi":
            n_phi += 1
            if sp.get("kind") not in CONTRACT_KINDS:
                errs.append("phi span with non-contract kind %r" % sp.get("kind"))
    if rec["phi"] and n_phi == 0:
        errs.append("PHI document without phi span")
    if not rec["phi"] and n_phi:
        errs.append("clean document with %d phi span(s)" % n_phi)
    return errs


CONTRACT_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn", "mrn",
                  "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id", "device_id",
                  "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code",
                  "drug_code", "medication", "condition", "credit_card"}


def unlabelled_repeats(rec):
    """PHI values that also occur, as whole tokens, outside every span of the same document."""
    text = rec["text"]
    b = text.encode("utf-8")
    covered = [(sp["start"], sp["end"]) for sp in rec["spans"]]
    out = []
    seen = set()
    for sp in rec["spans"]:
        if sp["label"] != "phi":
            continue
        val = b[sp["start"]:sp["end"]]
        if len(val) < 4 or val in seen:
            continue
        seen.add(val)
        i = b.find(val)
        while i >= 0:
            j = i + len(val)
            inside = any(s <= i and j <= e for s, e in covered)
            left = b[:i].decode("utf-8", "ignore")[-1:]
            right = b[j:].decode("utf-8", "ignore")[:1]
            vs = val.decode("utf-8")
            whole = not (left and left.isalnum() and vs[0].isalnum()) and not (right and right.isalnum() and vs[-1].isalnum())
            if not inside and whole:
                out.append(vs)
                break
            i = b.find(val, i + 1)
    return out


# ===========================================================================
# confluence_patient_table
# ===========================================================================


def conf_head(d, rng, title, author, editor, space=None):
    t = rtime(rng)
    space = space or rng.choice(["Interfaces", "Revenue Cycle", "Clinical Applications", "Service Desk", "Nursing Informatics",
                                 "Data Platform"])
    st = rng.randrange(3)
    if st == 0:
        d.ln(space, " / ", title)
        d.ln("Created by ", sname(author), ", last modified by ", sname(editor), " on ", "%s %d, %d" % (MON[t.month - 1], t.day, t.year))
    elif st == 1:
        d.ln("h1. ", title)
        d.ln("_Owner: ", sname(author), " | Last reviewed ", t.date().isoformat(), "_")
    else:
        d.ln("# ", title)
        d.ln("")
        d.ln("> Space: ", space, " · Page owner: @", D("person_name", author.handle()), " · v", rng.randint(3, 41))
    d.ln("")


TEST_PATIENTS = [("ZZTEST", "ALPHA"), ("ZZTEST", "BRAVO"), ("TESTPATIENT", "CHARLIE"), ("ZZZMYCHART", "TEST"),
                 ("TEST", "INTERFACE"), ("ZZTEST", "DELTA"), ("TESTPT", "ECHO"), ("ZZTEST", "FOXTROT"), ("TESTLAB", "GOLF"),
                 ("ZZREGRESSION", "HOTEL")]


def test_row_values(rng, i):
    fam, giv = TEST_PATIENTS[i % len(TEST_PATIENTS)]
    return dict(name=D("person_name", "%s, %s" % (fam, giv)), hl7=D("person_name", "%s^%s" % (fam, giv)),
                mrn=D("mrn", "T%07d" % (i + 1 + rng.randint(0, 9) * 10)),
                dob=D("date", "01/%02d/19%02d" % (i + 1, 50 + i)),
                ssn="123-45-6789", phone="(412) 555-01%02d" % rng.randint(0, 99), member="TESTMBR%04d" % (i + 1))


@tpl("confluence_patient_table", "s")
def cpt_s_runbook_example_row(rng):
    d = Doc()
    a, e, oncall = staff(rng, 3)
    pt = Patient(rng)
    payer = rng.choice(PAYERS)[0]
    conf_head(d, rng, "Runbook: reprocessing rejected 271 eligibility responses", a, e, "Revenue Cycle")
    d.b("""
        h2. When to use
        The eligibility job (elig-271-import) marks a response REJECTED when the payer returns AAA segments or the
        subscriber loop cannot be matched. Registration sees "Eligibility: unknown" on the encounter.

        h2. Steps
        # Check the job dashboard: https://grafana.internal/d/elig/eligibility?orgId=1 (panel "rejects per hour").
        # SSH to the batch host and list today's rejects:
        {code:bash}
        ssh batch@§host§
        cd /opt/elig/rejects/$(date +%Y%m%d)
        ls -1 | wc -l
        {code}
        # Look up the AAA reason code in the table below.
        # For 72/73/75 fix the subscriber data in registration and requeue with {{elig requeue --id <response-id>}}.
        # For 42/80 (payer down) do nothing, the job retries every 30 minutes.
        # If more than 500 rejects in an hour, page the on-call (§oncall§, see the on-call page).

        h2. AAA reason codes
        ||code||meaning||action||
        |42|Unable to respond at current time|wait, auto-retry|
        |72|Invalid/missing subscriber id|fix member id, requeue|
        |73|Invalid/missing subscriber name|fix name, requeue|
        |75|Subscriber not found|verify payer, requeue|
        |76|Duplicate subscriber|escalate to RCM lead|
        |80|No response received|wait, auto-retry|

        h2. Example
        This is what a typical 73 looks like in the reject viewer (from last week's ticket §key§):
        ||response id||payer||subscriber||DOB||member id||AAA||
        """, host=server_ip(rng), oncall=sname(oncall), key=rkey(rng, "RCM"))
    d.ln("|", ruuid(rng)[:13], "|", payer, "|", P("person_name", pt.p.upper_last_first()), "|",
         P("date", fdate(pt.dob, "us")), "|", P("health_plan_id", pt.member), "|73|")
    d.b("""

        The name on the card had a hyphen that registration left out. After the fix the requeue returned AA.

        h2. Related
        * [Eligibility job architecture]
        * [Payer downtime calendar]
        """)
    return d


@tpl("confluence_patient_table", "s")
def cpt_s_test_patients_page(rng):
    """Test patients for UAT; one row added later is a real-looking patient."""
    d = Doc()
    a, e, c = staff(rng, 3)
    pt = Patient(rng)
    fac = rng.choice(FACILITIES)
    conf_head(d, rng, "UAT test patients (CERT environment)", a, e, "Clinical Applications")
    d.b("""
        Use only these patients in CERT. They exist in every downstream system (LIS, RIS, PACS, pharmacy).
        Do not create new test patients without asking the build team; MRNs in the T range are reserved.

        ||#||Name||MRN||DOB||SSN||Phone||Use for||
        """)
    n = rng.randint(7, 10)
    k = rng.randint(3, n - 1)
    uses = ["ADT", "orders/results", "pharmacy", "MyChart", "billing", "scheduling", "merges", "blood bank", "imaging",
            "interfaces"]
    for i in range(n):
        if i == k:
            d.ln("|", i + 1, "|", P("person_name", pt.p.last_first()), "|", P("mrn", pt.mrn), "|",
                 P("date", fdate(pt.dob, "us")), "|", P("ssn", pt.ssn), "|", P("phone", pt.phone(rng, ["paren", "dash"])),
                 "|", "merges (copied from PROD for the duplicate-chart defect)", "|")
        else:
            v = test_row_values(rng, i)
            d.ln("|", i + 1, "|", v["name"], "|", v["mrn"], "|", v["dob"], "|", v["ssn"], "|", v["phone"], "|", uses[i], "|")
    d.b("""

        h3. Resetting a test patient
        Run the CERT reset script from the build server (§ip§): {{reset_pt.sh <MRN>}}. It discharges open encounters,
        cancels future appointments and clears results older than 7 days.

        h3. Comments
        §c§: row §k§ does not look like a test patient, it was copied from §fac§ production. Please remove it and
        use §bravo§ for the merge scenario instead.
        """, ip=server_ip(rng), c=sname(c), k=k + 1, fac=D("facility", fac[0]), bravo=D("person_name", "ZZTEST, BRAVO"))
    return d


@tpl("confluence_patient_table", "s")
def cpt_s_incident_retro(rng):
    d = Doc()
    a, e, ic, nurse = staff(rng, 4)
    pt = Patient(rng)
    fac = rng.choice(FACILITIES)
    day = recent(rng)
    conf_head(d, rng, "Post-incident review: wristband printer queue outage %s" % day.isoformat(), a, e, "Service Desk")
    d.b("""
        *Severity:* SEV-2   *Incident commander:* §ic§   *Duration:* 2 h 41 min
        *Ticket:* §key§

        h2. Summary
        After the print server patch the Zebra queues on the inpatient floors were recreated with the wrong driver.
        Wristbands and specimen labels printed blank or shifted by 2 cm. Registration fell back to handwritten bands.

        h2. Timeline (all times local)
        ||time||event||
        |07:58|Patch window ends, print server §srv§ rebooted|
        |08:20|First call to service desk: "labels printing blank" (4W)|
        |08:35|Second and third calls (ED, 5N); incident declared|
        """, ic=sname(ic), key=rkey(rng, "SEC"), srv="prt-%02d (%s)" % (rng.randint(1, 9), server_ip(rng)))
    d.t("|09:42|Charge nurse ", sname(nurse), " reports a wrong wristband printed for ",
        P("person_name", pt.p.first_last()), " (MRN ", P("mrn", pt.mrn), "); band removed, no care impact|\n")
    d.b("""
        |10:05|Driver rolled back on 14 queues|
        |10:39|All floors confirm labels OK; incident resolved|

        h2. Root cause
        The patch reinstalled the generic text driver over the ZDesigner driver because the queue template in the
        deployment script still pointed to the 2019 image.

        h2. What went well
        * Downtime procedure for wristbands worked; handwritten bands used on 3 units
        * Service desk correlated calls within 15 minutes

        h2. Action items
        ||#||action||owner||due||
        |1|Fix queue template in deploy script|§o1§|§d1§|
        |2|Add a test print to the patch checklist|§o2§|§d2§|
        |3|Safety report filed for the wrong band (done)|§o3§|done|
        """, o1=sname(a), o2=sname(e), o3=sname(nurse), d1=(day + dt.timedelta(days=7)).isoformat(),
        d2=(day + dt.timedelta(days=14)).isoformat())
    return d


@tpl("confluence_patient_table", "s")
def cpt_s_census_dashboard(rng):
    d = Doc()
    a, e, cm = staff(rng, 3)
    pt = Patient(rng, 55, 96)
    day = recent(rng)
    conf_head(d, rng, "Daily capacity huddle - %s" % day.strftime("%a %d %b %Y"), a, e, "Nursing Informatics")
    d.ln("Huddle lead: ", sname(a), "   Bed management: ", sname(cm))
    d.ln("")
    d.ln("| Unit | Staffed beds | Occupied | Pending admits | Pending discharges | Blocked | Notes |")
    d.ln("|---|---|---|---|---|---|---|")
    units = ["4W Med/Surg", "5N Tele", "ICU", "6S Ortho", "OBS", "Peds", "L&D", "Rehab"]
    k = rng.randrange(len(units))
    for i, u in enumerate(units):
        staffed = rng.randint(12, 36)
        occ = rng.randint(staffed - 6, staffed)
        blocked = rng.randint(0, 2)
        d.t("| ", u, " | ", staffed, " | ", occ, " | ", rng.randint(0, 6), " | ", rng.randint(0, 7), " | ",
            blocked + (1 if i == k else 0), " | ")
        if i == k:
            age = pt.age
            d.t("bed %s%02d blocked - pt " % (u.split()[0], rng.randint(1, 30)), P("person_name", pt.p.last_first()), ", ",
                P("age_over_89", str(age)) if age >= 90 else str(age), " yo, awaiting SNF, DOB ",
                P("date", fdate(pt.dob, "us_short")), " |\n")
        else:
            d.ln(rng.choice(["", "2 isolation rooms", "1 bed out (maintenance)", "float RN needed", "", "sitter x1"]), " |")
    d.b("""

        Totals: ED boarders §b§, transfers pending §t§, discharge-before-noon rate yesterday §dbn§%.

        | ED metric | value | goal |
        |---|---|---|
        | arrivals last 24 h | §arr§ | - |
        | door-to-provider (median) | §dtp§ min | < 30 min |
        | left without being seen | §lwbs§% | < 2% |
        | admit decision to bed (median) | §dtb§ min | < 120 min |

        Staffing: 2 RN call-outs on nights (4W, ICU); float pool covering 4W, ICU running at 1:2 with charge taking a pair.
        Environmental services: §evs§ beds waiting to be cleaned at 07:00.

        Follow-ups
        - [ ] Case management to escalate SNF placements older than 48 h (§cm§)
        - [ ] Environmental services: turnaround time report for Thursday
        """, b=rng.randint(0, 14), t=rng.randint(0, 5), dbn=rng.randint(12, 41), cm=sname(cm), arr=rng.randint(90, 260),
        dtp=rng.randint(12, 70), lwbs=rng.randint(1, 6), dtb=rng.randint(60, 400), evs=rng.randint(0, 12))
    return d


@tpl("confluence_patient_table", "s")
def cpt_s_known_issues(rng):
    d = Doc()
    people = staff(rng, 5)
    pt = Patient(rng, native=rng.random() < 0.6)
    conf_head(d, rng, "Patient portal - known issues (%s release)" % rversion(rng), people[0], people[1], "Clinical Applications")
    d.ln("Open issues that the service desk should recognise. Link new tickets to the parent issue, do not open new bugs.")
    d.ln("")
    d.ln("||Key||Summary||Status||Owner||Workaround||")
    issues = [
        ("Proxy access request form times out on Safari 17", "In Progress", "Use Chrome or the mobile app"),
        ("Statement PDFs show previous balance twice", "Open", "None; billing aware"),
        ("Appointment reminders sent in English for Spanish preference", "Fix ready", "Change language in Preferences"),
        ("Password reset email delayed up to 20 min", "Monitoring", "Ask patient to wait, do not resend"),
        ("Lab results with comments cut off after 4000 chars", "Open", "Print from Results > Details"),
        ("Video visit link missing for same-day bookings", "In Progress", "Clinic sends link by SMS"),
    ]
    k = rng.randrange(len(issues))
    for i, (summ, stt, wa) in enumerate(issues):
        d.t("|", rkey(rng, "PORTAL"), "|", summ, "|", stt, "|", sname(people[i % 5]), "|", wa)
        if i == k:
            d.t(". Reported first by ", P("person_name", pt.shown()), ", callback ",
                P("phone", pt.phone(rng)))
        d.ln("|")
    d.b("""

        h3. Escalation
        Sev-1 (portal down for everyone): page the portal on-call through the ops bridge.
        Everything else: ticket to the Portal queue, P3.
        """)
    return d


@tpl("confluence_patient_table", "o")
def cpt_o_wiki_followup(rng):
    d = Doc()
    a, e = staff(rng, 2)
    fac = rng.choice(FACILITIES)
    conf_head(d, rng, "Post-discharge follow-up calls - week %d" % rng.randint(1, 52), a, e, "Nursing Informatics")
    d.ln("Calls made by the transition-of-care RNs. Keep this page restricted to the TOC group.")
    d.ln("")
    d.ln("||Patient||DOB||MRN||Phone||Discharged||Reached?||Notes||")
    notes = ["no answer, left VM", "doing well, has meds", "needs ride to PCP appt", "readmitted", "wrong number on file",
             "daughter answered, will call back", "questions about %s" % rng.choice(MEDS)[0]]
    for _ in range(rng.randint(5, 9)):
        pt = Patient(rng, native=rng.random() < 0.35)
        dis = recent(rng)
        nm = pt.shown() if rng.random() < 0.7 else pt.p.styled(rng, ("fl", "lf", "mid"))
        d.ln("|", P("person_name", nm), "|", P("date", fdate(pt.dob, rng.choice(["us", "us_short"]))), "|",
             P("mrn", pt.mrn), "|", P("phone", pt.phone(rng, ["paren", "dash", "dot"])), "|",
             P("date", fdate(dis, "us_short")), "|", rng.choice(["Y", "N", "Y", "2nd try"]), "|", rng.choice(notes), "|")
    return d


@tpl("confluence_patient_table", "o")
def cpt_o_markdown_discharges(rng):
    d = Doc()
    a, e = staff(rng, 2)
    pcps = staff(rng, 4)
    conf_head(d, rng, "Discharges pending PCP follow-up", a, e)
    d.ln("| Name | Age | Admit | Discharge | Dx | PCP |")
    d.ln("|------|-----|-------|-----------|----|-----|")
    for _ in range(rng.randint(6, 10)):
        pt = Patient(rng, 40, 101)
        adm = recent(rng)
        dis = adm + dt.timedelta(days=rng.randint(1, 12))
        code, desc = rng.choice(ICD)
        age = P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age)
        d.ln("| ", P("person_name", pt.p.styled(rng, ("fl", "lf", "up"))), " | ", age, " | ",
             P("date", fdate(adm, "iso")), " | ", P("date", fdate(dis, "iso")), " | ", D("diagnosis_code", code), " ",
             D("condition", desc), " | ", dr(rng.choice(pcps)), " |")
    d.ln("")
    d.ln("Ages over 89 are shown as exact here because this page is internal; do not copy into reports.")
    return d


@tpl("confluence_patient_table", "o")
def cpt_o_html_dialysis(rng):
    d = Doc()
    a, e = staff(rng, 2)
    nephs = staff(rng, 3)
    fac = FACILITIES[9]
    conf_head(d, rng, "Chair schedule - %s" % fac[0], a, e)
    d.ln('<table class="confluenceTable"><tbody>')
    d.ln("<tr><th>Chair</th><th>Shift</th><th>Patient</th><th>MRN</th><th>DOB</th><th>Nephrologist</th></tr>")
    for c in range(1, rng.randint(7, 12)):
        pt = Patient(rng, 30, 94)
        d.ln("<tr><td>", c, "</td><td>", rng.choice(["MWF 06:00", "MWF 11:00", "TTS 06:00", "TTS 11:00", "MWF 16:00"]),
             "</td><td>", P("person_name", pt.p.last_first()), "</td><td>", P("mrn", pt.mrn), "</td><td>",
             P("date", fdate(pt.dob, "us")), "</td><td>", dr(rng.choice(nephs)), "</td></tr>")
    d.ln("</tbody></table>")
    d.ln("<p>Swap requests go to the charge nurse. Transport issues: see the transport page.</p>")
    return d


@tpl("confluence_patient_table", "o")
def cpt_o_excel_outreach(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Care gap outreach list (pasted from Excel)", a, e, "Revenue Cycle")
    d.ln("Member ID\tName\tDOB\tPhone\tAddress\tCity\tZIP\tGap")
    for _ in range(rng.randint(6, 9)):
        pt = Patient(rng, 45, 92)
        d.ln(P("health_plan_id", pt.member), "\t", P("person_name", pt.p.upper_last_first()), "\t",
             P("date", fdate(pt.dob, "us_short")), "\t", P("phone", pt.phone(rng, ["paren", "dash"])), "\t",
             P("street_address", pt.street_line()), "\t", P("street_address", pt.city), "\t", P("zip_code", pt.zip), "\t",
             rng.choice(["A1c overdue", "mammogram", "colorectal screen", "eye exam", "statin adherence", "BP check"]))
    d.ln("")
    d.ln("Owner for calls: ", sname(e), ". Update the Gap column when closed.")
    return d


@tpl("confluence_patient_table", "o")
def cpt_o_caps_transport(rng):
    d = Doc()
    a, e = staff(rng, 2)
    day = recent(rng)
    conf_head(d, rng, "WHEELCHAIR VAN PICKUPS %s" % fdate(day, "us"), a, e)
    d.ln("PT NAME | D.O.B | PICKUP ADDRESS | PHONE | TIME | DEST")
    for _ in range(rng.randint(5, 8)):
        pt = Patient(rng, 50, 99)
        fac = rng.choice(FACILITIES)
        d.ln(P("person_name", pt.p.upper()), " | ", P("date", fdate(pt.dob, rng.choice(["us", "dash_us", "DMY_MON"]))), " | ",
             P("street_address", pt.street_line().upper()), ", ", P("street_address", pt.city.upper()), " ",
             D("state", pt.state), " ", P("zip_code", pt.zip), " | ", P("phone", pt.phone(rng, ["dash", "dot"])), " | ",
             "%02d:%02d" % (rng.randint(6, 15), rng.choice([0, 15, 30, 45])), " | ", D("facility", fac[1]))
    d.ln("")
    d.ln("DISPATCH: ", sname(a, "up"), " ", D("staff_contact", "X%d" % rng.randint(2000, 7999)))
    return d


# ===========================================================================
# support_ticket
# ===========================================================================


def signature(d, rng, s, fac, role=None):
    role = role or rng.choice(["Service Desk Analyst II", "Application Analyst", "Tier 2 Support", "Clinical Apps Specialist",
                               "Revenue Cycle Analyst", "Interface Analyst"])
    st = rng.randrange(3)
    if st == 0:
        d.ln("--")
        d.ln(sname(s), " | ", role, " | ", D("staff_contact", "x%d" % rng.randint(2000, 7999)), " | ",
             D("staff_contact", staff_email(s, fac)))
    elif st == 1:
        d.ln("Thanks,")
        d.ln(sname(s))
        d.ln(role, ", ", D("facility", fac[0]))
        d.ln("Direct: ", D("staff_contact", work_phone(rng, fac)))
    else:
        d.ln("- ", D("person_name", s.given))


def zd_reply(d, rng, who, when, internal=False):
    d.ln("")
    d.ln(sname(who), "  ", when.strftime("%b %d, %Y, %H:%M"), "  (internal note)" if internal else "")


@tpl("support_ticket", "s")
def st_s_portal_login_thread(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    clinic, agent, tier2, agent2 = staff(rng, 4)
    pt = Patient(rng, native=rng.random() < 0.6)
    t = rtime(rng)
    tid = rng.randint(100000, 999999)
    d.ln("#", tid, " Patients unable to log in to portal after password reset")
    d.ln("Requester: ", sname(clinic), " <", D("staff_contact", staff_email(clinic, fac)), ">   Group: Portal Support   ",
         "Priority: High   Channel: email")
    d.ln("")
    d.ln(sname(clinic), "  ", t.strftime("%b %d, %Y, %H:%M"))
    d.b("""
        Hi, since this morning several of our patients cannot log in after using "forgot password". They get the reset
        email, set a new password, then the login page says "Something went wrong (code 4031)". Front desk has had about
        ten calls. For example the patient (§name§, DOB §dob§) couldn't log in even after two resets and was
        very upset on the phone. Can someone look at this today?
        """, name=P("person_name", pt.shown()), dob=P("date", fdate(pt.dob, rng.choice(["us", "us_short", "long"]))))
    signature(d, rng, clinic, fac, "Practice Manager")
    replies = [
        (agent, False, """
            Thank you for reporting this. We are seeing a spike of error 4031 in the portal logs as well. Could you tell
            us which browser the patients are using, and whether the mobile app works for them?
            """),
        (clinic, False, """
            Mostly phones, a mix of Safari and Chrome. The app seems to work for the ones who have it.
            """),
        (tier2, True, """
            4031 = CSRF token mismatch after reset. The reset page is served from the new CDN (cdn2) but the login page
            still from the old origin, so the cookie domain differs. Started with change §chg§ at 06:10.
            Error count last 4 h: §n§. Affects web only, app uses the token API.
            """),
        (agent2, True, """
            Linked to problem §prb§. Comms drafted for the clinics.
            """),
        (agent, False, """
            Update: the portal team has rolled back the CDN change at 14:20. Patients who reset their password today can
            log in again now. No further action needed on their side. We will keep this ticket open until tomorrow.
            """),
        (clinic, False, """
            Confirmed, two patients just called back and it works. Thanks for the quick fix!
            """),
    ]
    for who, internal, body in replies:
        t += dt.timedelta(minutes=rng.randint(12, 160))
        zd_reply(d, rng, who, t, internal)
        d.b(body, chg="CHG%07d" % rng.randint(10 ** 5, 10 ** 6), n=rng.randint(300, 4000), prb="PRB%07d" % rng.randint(10 ** 4, 10 ** 5))
        if who in (agent, agent2) and not internal:
            signature(d, rng, who, fac)
    return d


@tpl("support_ticket", "s")
def st_s_servicenow_worknotes(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    caller, a1, a2 = staff(rng, 3)
    pt = Patient(rng)
    t = rtime(rng)
    inc = "INC%07d" % rng.randint(10 ** 5, 10 ** 6)
    d.ln("Number: ", inc, "            State: In Progress")
    d.ln("Caller: ", sname(caller), "        Location: ", D("facility", fac[0]))
    d.ln("Category: Telephony         Subcategory: Call routing")
    d.ln("Assignment group: Unified Communications   Assigned to: ", sname(a1))
    d.ln("Short description: After-hours nurse line drops calls after the IVR menu")
    d.ln("Description: Calls to the after-hours nurse triage line disconnect after pressing 2 (clinical question).")
    d.ln("Since the IVR update on Monday. Affects all clinics routed through the ", fac[1], " call center.")
    d.ln("")
    d.ln("Activity")
    notes = [
        (a1, "Work notes", "Reproduced from a test handset: option 2 -> transfer to hunt group 7740 -> fast busy."),
        (a1, "Work notes", "Hunt group 7740 shows 0 members in CUCM since the Monday change. Members were removed when the "
                           "old nurse pool was deleted."),
        (a2, "Work notes", "Re-added 12 lines to the hunt group, test call connects. Asking caller to verify."),
        (caller, "Additional comments", None),
        (a1, "Work notes", "Monitoring overnight. Call detail records show %d completed transfers since 18:00." % rng.randint(15, 70)),
        (a2, "Work notes", "Root cause documented in the change record. Resolving."),
    ]
    for who, kind, body in notes:
        t += dt.timedelta(minutes=rng.randint(7, 140))
        d.ln(t.strftime("%Y-%m-%d %H:%M:%S"), " - ", sname(who), " (", kind, ")")
        if body is None:
            d.ln("Works from our side now. One patient who got cut off last night asked for a call back from the nurse, "
                 "callback number is ", P("phone", pt.phone(rng)), " - forwarded to the triage RNs.")
        else:
            d.ln(body)
        d.ln("")
    d.ln("Resolution code: Solved (Permanently)   Resolved by: ", sname(a2))
    return d


@tpl("support_ticket", "s")
def st_s_label_printer(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    req, agent = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    model = rng.choice(["Zebra ZD621", "Zebra GX430t", "Brother QL-820NWB"])
    d.ln("Ticket ", rkey(rng, "EHRSUP"), " | Lab label printer prints shifted labels | Opened ", t.strftime("%m/%d/%Y %I:%M %p"))
    d.ln("Submitted by: ", sname(req), " (Lab, ", D("facility", fac[0]), ")")
    d.ln("")
    d.b("""
        Printer: §model§, asset tag §tag§, IP §ip§, driver §drv§
        Queue: \\\\print-§pn§\\LAB-DRAW-§dn§

        Problem: specimen labels print about 3 mm too low, the barcode gets cut so the analyzer can't read it.
        Started after the printer was moved to the new draw station.

        Tried:
        1. Power cycle - no change
        2. Calibrate from the front panel (hold feed 2 flashes) - better for a few labels then drifts again
        3. Printed a config label: darkness 25, print speed 4, media type gap/notch, label length 203 dots

        Attachment: IMG_§img§.jpg (photo of the bad label). What it shows: §name§  MRN §mrn§, barcode
        cut in half at the bottom edge.
        """, model=model, tag="A%06d" % rng.randint(10 ** 4, 10 ** 6), ip=server_ip(rng),
        drv="ZDesigner %s" % rversion(rng), name=P("person_name", pt.p.upper_last_first()), mrn=P("mrn", pt.mrn),
        pn="%02d" % rng.randint(1, 12), dn=rng.randint(1, 9), img="%04d" % rng.randint(1000, 9999))
    d.ln("")
    d.ln("Update from ", sname(agent), ":")
    d.b("""
        Label length on the new stock is 1.25 in (250 dots at 203 dpi), the printer was still set to the old 1.0 in
        stock. Changed ^LL250 in the driver defaults and ran media calibration with the new roll. Test prints OK,
        analyzer reads 10/10. Please replace the photo attachment with a test label photo - it shows a real patient.

        """)
    tech_comments(d, rng, [req, agent], t, 2)
    return d


@tpl("support_ticket", "s")
def st_s_statement_job(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    req, agent = staff(rng, 2)
    pt = Patient(rng)
    guar = relative_of(rng, pt.p)
    t = rtime(rng)
    d.ln("Freshdesk #", rng.randint(20000, 99999), " - Monthly statement batch failed (", t.strftime("%B"), " cycle)")
    d.ln("From: ", sname(req), "   To: Billing Systems   Status: Open   Priority: Urgent")
    d.ln("")
    d.ln("The statement batch stopped at 62%. Vendor print file not delivered. Log below.")
    d.ln("")
    clk = Clock(rng, t - dt.timedelta(hours=5))
    total = rng.randint(18000, 42000)
    done = 0
    n = rng.randint(18, 28)
    k = rng.randint(8, n - 4)
    for i in range(n):
        if i == k:
            d.t(clk.stamp("isoz"), " ERROR StatementJob - record rejected: acct ", P("account_number", pt.acct),
                " guarantor ", P("person_name", pt.p.last_first() if rng.random() < 0.5 else guar.last_first()),
                " - address line 2 exceeds 40 chars\n")
            d.ln(clk.stamp("isoz"), " ERROR StatementJob - aborting batch after validation error (fail-fast=true)")
            break
        done += rng.randint(600, 1500)
        d.ln(clk.stamp("isoz", 20, 200), " INFO  StatementJob - chunk %d committed, %d/%d statements" % (i + 1, done, total))
        if rng.random() < 0.2:
            d.ln(clk.stamp("isoz"), " WARN  AddressService - USPS CASS lookup slow (", rng.randint(900, 4000), " ms)")
    d.ln("")
    d.b("""
        §agent§: fail-fast should have been false for statement runs, it was flipped in the last config deploy.
        Setting it back and re-running from the last committed chunk; the rejected record goes to the exception
        queue for the billing office to fix.
        """, agent=sname(agent))
    return d


@tpl("support_ticket", "s")
def st_s_fax_routing(rng):
    d = Doc()
    fac, fac2 = rng.sample(FACILITIES, 2)
    req, agent, doc = staff(rng, 3)
    pt = Patient(rng)
    t = rtime(rng)
    d.ln("Subject: Inbound faxes for Cardiology landing in the wrong e-fax folder")
    d.ln("Ticket: ", rkey(rng, "EHRSUP"), "   Requester: ", sname(req), "   Agent: ", sname(agent))
    d.ln("")
    d.b("""
        Since the fax number port on §day§ faxes sent to the cardiology line end up in the General Medicine
        folder. DID mapping in the fax server:

        | DID        | old folder   | new folder      |
        | 4127 x1201 | CARDIO-IN    | GENMED-IN       |
        | 4127 x1202 | GENMED-IN    | GENMED-IN       |
        | 4127 x1210 | ORTHO-IN     | ORTHO-IN        |

        Example: the cover sheet of one misrouted fax (received §rcv§):

            TO: Cardiology, §fac§   FAX §fax1§
            FROM: §doc§, §fac2§   FAX §fax2§
            RE: §name§  DOB §dob§
            Pages: 6 (incl. cover)  - echo report and referral

        Please fix the DID mapping and move the misrouted faxes (about 40) to CARDIO-IN.
        """, day=fdate(recent(rng), "us"), rcv=t.strftime("%m/%d %H:%M"), fac=D("facility", fac[0]),
        fax1=D("staff_contact", work_phone(rng, fac)), doc=dr(doc), fac2=D("facility", fac2[0]),
        fax2=D("staff_contact", work_phone(rng, fac2)), name=P("person_name", pt.p.first_last()),
        dob=P("date", fdate(pt.dob, rng.choice(["iso", "us", "dot"]))))
    d.ln("")
    d.ln("Fax server log (inbound, excerpt):")
    clk = Clock(rng, t - dt.timedelta(hours=3))
    for _ in range(rng.randint(10, 16)):
        d.ln(clk.stamp("iso", 20, 600), "  RX  did=4127x12%02d  pages=%d  status=%s  route=%s  job=%d" % (
            rng.choice([1, 1, 2, 10]), rng.randint(1, 14), rng.choice(["OK", "OK", "OK", "PARTIAL"]),
            rng.choice(["GENMED-IN", "GENMED-IN", "ORTHO-IN"]), rng.randint(100000, 999999)))
    d.ln("")
    d.ln("Agent note: DID 1201 was mapped to the wrong folder during the port. Fixed, moved 43 faxes.")
    d.ln("Follow-up: added a check to the porting checklist to compare the DID table before and after.")
    return d


@tpl("support_ticket", "s")
def st_s_portal_lockout_audit(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    req, sec = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    ip = public_ip(rng)
    d.ln("[", rkey(rng, "SEC"), "] Account lockouts from credential stuffing - request to tune WAF")
    d.ln("Reporter: ", sname(req), "  Assignee: ", sname(sec), "  Created: ", jira_created(t, 0))
    d.ln("")
    d.ln("WAF summary for the last 24 h (portal.%s):" % fac[2])
    d.ln("")
    d.ln("  rule               hits     blocked   top source ASN")
    for r in ["rate-limit-login", "bad-bot-ua", "geo-block", "sqli-generic", "xss-generic"]:
        d.ln("  %-18s %-8d %-9d AS%d" % (r, rng.randint(200, 90000), rng.randint(100, 80000), rng.randint(1000, 65000)))
    d.ln("")
    d.ln("Most blocked sources are hosting ranges. One real patient got locked out as collateral damage and called")
    d.t("the clinic: account ", P("email", pt.email), ", her home IP ", P("ip_address", ip),
        " was rate-limited because it sits behind carrier NAT.\n") if pt.p.sex == "F" else \
        d.t("the clinic: account ", P("email", pt.email), ", his home IP ", P("ip_address", ip),
            " was rate-limited because it sits behind carrier NAT.\n")
    d.b("""

        Proposal:
        - raise the per-IP threshold from 20 to 60 login attempts / 10 min
        - keep per-account threshold at 5 / 10 min
        - add CAPTCHA after 3 failures instead of a hard block

        WAF policy id §uuid§, change window Thursday.

        Sample of blocked requests (source IPs are hosting ranges, no patients):
        """, uuid=ruuid(rng))
    clk = Clock(rng, t - dt.timedelta(hours=6))
    for _ in range(rng.randint(8, 12)):
        d.ln(clk.stamp("isoz", 0.01, 3), " BLOCK rule=rate-limit-login src=", rng.choice(["45.", "185.", "193.", "103."]),
             "%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)), " path=/MyChart/Authentication/Login ua=\"",
             rng.choice(["python-requests/2.31", "Mozilla/5.0", "curl/8.4.0", "okhttp/4.12"]), "\"")
    d.ln("")
    tech_comments(d, rng, [req, sec], t, 2)
    return d


@tpl("support_ticket", "o")
def st_o_record_merge(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    req, him = staff(rng, 2)
    pt = Patient(rng)
    mrn2 = rmrn(rng)
    t = rtime(rng)
    d.ln("Request type: Duplicate chart / merge request")
    d.ln("Submitted by: ", sname(req), "  on ", t.strftime("%m/%d/%Y"))
    d.ln("Assigned to: HIM Data Integrity (", sname(him), ")")
    d.ln("")
    d.ln("Patient name: ", P("person_name", pt.p.last_first()))
    alt = pt.p.upper() if rng.random() < 0.5 else "%s %s" % (ascii_fold(pt.p.given), ascii_fold(pt.p.family))
    d.ln("Also registered as: ", P("person_name", alt))
    d.ln("DOB: ", P("date", fdate(pt.dob, "us")), "   SSN (last 4): ", D("ssn", pt.ssn[-4:]))
    d.ln("Surviving MRN: ", P("mrn", pt.mrn), "   Duplicate MRN: ", P("mrn", mrn2))
    d.ln("")
    why = ("the name was entered without diacritics" if ascii_fold(pt.p.family + pt.p.given) != pt.p.family + pt.p.given
           else rng.choice(["first and last name were swapped", "the DOB was keyed with day and month reversed",
                            "the patient was registered as a trauma alias first"]))
    d.ln("Reason: registered twice in the ED on ", D("date", fdate(recent(rng), "us")), " because ", why, ". Both charts have orders.")
    d.ln("")
    d.ln(sname(him), ": verified photo ID and insurance card match. Merge scheduled for tonight's batch.")
    return d


@tpl("support_ticket", "o")
def st_o_proxy_access(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    agent = staff(rng)
    pt = Patient(rng, 70, 99)
    rel = relative_of(rng, pt.p, "F")
    rel_email = remail(rng, rel)
    t = rtime(rng)
    d.ln("Zendesk ticket #", rng.randint(100000, 999999), " - Proxy access for my mother")
    d.ln("Requester: ", P("person_name", rel.first_last()), " <", P("email", rel_email), ">")
    d.ln("")
    d.b("""
        Hello, I am trying to get proxy access to my mother's portal account. She is §age§ and can't manage
        the app herself. Her name is §name§, born §dob§, her MRN on the card is §mrn§. My phone is §ph§.
        I uploaded the POA form twice but nothing happened.
        """, age=P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age), name=P("person_name", pt.p.first_last()),
        dob=P("date", fdate(pt.dob, "long")), mrn=P("mrn", pt.mrn), ph=P("phone", rphone(rng, pt.area)))
    d.ln("")
    d.ln(sname(agent), "  ", (t + dt.timedelta(hours=3)).strftime("%b %d, %H:%M"))
    d.ln("Hi ", P("person_name", rel.given), ", thank you. The POA form is in the queue for HIM review (2-3 business days).")
    d.ln("You will get an activation code by email at ", P("email", rel_email), ".")
    signature(d, rng, agent, fac)
    return d


@tpl("support_ticket", "o")
def st_o_billing_dispute(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    agent = staff(rng)
    pt = Patient(rng)
    dos = recent(rng)
    t = rtime(rng)
    d.ln("CASE ", rng.randint(1000000, 9999999), "  |  Billing inquiry  |  Phone  |  ", t.strftime("%m/%d/%Y %H:%M"))
    d.ln("Agent: ", sname(agent))
    d.ln("")
    d.ln("Caller: ", P("person_name", pt.p.with_middle()), " (self)")
    d.ln("Verified with DOB ", P("date", fdate(pt.dob, "us")), " and address ", P("street_address", pt.street_line()), ", ",
         P("street_address", pt.city), ", ", D("state", pt.state), " ", P("zip_code", pt.zip))
    d.ln("Guarantor acct: ", P("account_number", pt.acct), "   DOS: ", P("date", fdate(dos, "us")))
    d.ln("Callback: ", P("phone", pt.phone(rng)))
    d.ln("")
    d.ln("Patient says the ", rng.choice(["ER visit", "MRI", "colonoscopy", "lab work"]), " was billed as self-pay although ",
         "insurance was on file. Payment of $", rng.randint(40, 900), ".00 was taken on card ",
         P("credit_card", rcard(rng)), " by mistake per caller.")
    d.ln("Action: rebilled to primary, refund request submitted. Told caller 7-10 business days.")
    return d


@tpl("support_ticket", "o")
def st_o_lowercase_chat(rng):
    d = Doc()
    agent = staff(rng)
    pt = Patient(rng)
    t = rtime(rng)
    clk = Clock(rng, t)
    d.ln("chat transcript - web chat - ", t.strftime("%Y-%m-%d"))
    d.ln("")
    lines = [
        ("visitor", ["hi i cant see my test results from last week"]),
        ("agent", ["hi! i can help. can you confirm full name and date of birth?"]),
        ("visitor", [P("person_name", pt.p.lower()), " ", P("date", fdate(pt.dob, rng.choice(["us_short", "us2", "dash_us"])))]),
        ("agent", ["thanks. and the mrn from your card if you have it"]),
        ("visitor", [P("mrn", pt.mrn.lower())]),
        ("agent", ["ok i see it. results are released after the provider reviews them, ",
                   "yours were reviewed today so they should show within the hour"]),
        ("visitor", ["ok. can you also update my phone it's ", P("phone", pt.phone(rng, ["plain", "dash", "dot"]))]),
        ("agent", ["done, updated. anything else?"]),
        ("visitor", ["no thanks"]),
    ]
    for who, body in lines:
        label = sname(agent) if who == "agent" else "visitor"
        d.ln("[", clk.stamp("hms", 5, 90)[:8], "] ", label, ": ", body)
    d.ln("")
    d.ln("-- chat ended, tagged: results, demographics")
    return d


@tpl("support_ticket", "o")
def st_o_jsm_form(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    req, agent = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    d.ln("Service request ", rkey(rng, "HIM"), " — Release of information")
    d.ln("Raised by ", sname(req), " via portal · ", jira_created(t, 2))
    d.ln("")
    dos1, dos2 = sorted([recent(rng), recent(rng)])
    fields = [
        ("Patient name", P("person_name", pt.p.styled(rng))),
        (rng.choice(["Date of Birth", "DOB -", "d.o.b", "Birthdate"]), P("date", fdate(pt.dob, rdate_style(rng)))),
        ("MRN", P("mrn", pt.mrn)),
        ("Requester relationship", "Self"),
        ("ID verified", ["Driver's license ", D("state", pt.state), " ", P("license_number", "%s%s" % (rng.choice("ABDFGKLMNPS"), digits(rng, 8)))]),
        ("Records requested", "%s, %s" % tuple(rng.sample(["Discharge summary", "Imaging reports", "Lab results",
                                                           "Immunizations", "Clinic notes"], 2))),
        ("Dates of service", [P("date", fdate(dos1, "us")), " to ", P("date", fdate(dos2, "us"))]),
        ("Deliver to", P("email", pt.email)),
    ]
    for k, v in fields:
        d.ln(k, ": ", v)
    d.ln("")
    d.ln(sname(agent), " — Authorization form complete, records sent via secure email.")
    return d


# ===========================================================================
# bitbucket_fhir_diff
# ===========================================================================


def diff_file(d, rng, path, lines, new=False, start=1):
    """lines: list of (prefix, pieces) with prefix in '+', '-', ' '."""
    d.ln("diff --git a/", path, " b/", path)
    if new:
        d.ln("new file mode 100644")
        d.ln("index 0000000..", rhash(rng, 7))
        d.ln("--- /dev/null")
    else:
        d.ln("index ", rhash(rng, 7), "..", rhash(rng, 7), " 100644")
        d.ln("--- a/", path)
    d.ln("+++ b/", path)
    old_n = sum(1 for p, _ in lines if p in " -")
    new_n = sum(1 for p, _ in lines if p in " +")
    d.ln("@@ -%d,%d +%d,%d @@" % (0 if new else start, old_n, 1 if new else start, new_n))
    for p, pieces in lines:
        d.ln(p, pieces)


def plus(lines):
    return [("+", l) for l in lines]


def fhir_patient_json(rng, pt, ind="  ", parts=("id", "mrn", "name", "gender", "birthDate"), rid=None, fac=None):
    fac = fac or rng.choice(FACILITIES)
    rid = rid or str(rng.randint(1000, 99999))
    L = [["{"], [ind, '"resourceType": "Patient",']]
    if "id" in parts:
        L.append([ind, '"id": "', D("internal_id", rid), '",'])
    if "mrn" in parts or "ssn" in parts:
        L.append([ind, '"identifier": ['])
        ids = []
        if "mrn" in parts:
            ids.append([ind * 2, '{ "system": "urn:oid:2.16.840.1.113883.3.%d.1", "type": { "text": "MRN" }, "value": "' % rng.randint(100, 9999),
                        P("mrn", pt.mrn), '" }'])
        if "ssn" in parts:
            ids.append([ind * 2, '{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "', P("ssn", pt.ssn), '" }'])
        for i, x in enumerate(ids):
            L.append(x + ([","] if i < len(ids) - 1 else []))
        L.append([ind, "],"])
    if "name" in parts:
        giv = [P("person_name", pt.p.given)]
        if pt.p.middle:
            giv += ['", "', P("person_name", pt.p.middle)]
        L.append([ind, '"name": [ { "use": "official", "family": "', P("person_name", pt.p.family), '", "given": [ "'] + giv + ['" ] } ],'])
    if "telecom" in parts:
        L.append([ind, '"telecom": [ { "system": "phone", "value": "', P("phone", pt.phone(rng, ["paren", "dash", "intl"])),
                  '", "use": "home" }, { "system": "email", "value": "', P("email", pt.email), '" } ],'])
    if "gender" in parts:
        L.append([ind, '"gender": "%s",' % ("female" if pt.p.sex == "F" else "male")])
    if "address" in parts:
        L.append([ind, '"address": [ { "line": [ "', P("street_address", pt.street_line()), '" ], "city": "',
                  P("street_address", pt.city), '", "state": "', D("state", pt.state), '", "postalCode": "', P("zip_code", pt.zip),
                  '" } ],'])
    if "birthDate" in parts:
        L.append([ind, '"birthDate": "', P("date", pt.dob.isoformat()), '"'])
    else:
        L[-1] = L[-1][:-1] + [L[-1][-1].rstrip(",")] if isinstance(L[-1][-1], str) else L[-1]
    L.append(["}"])
    return L


def pr_head(d, rng, title, author, reviewers, repo):
    n = rng.randint(40, 1900)
    st = rng.randrange(2)
    if st == 0:
        d.ln("Pull request #", n, ": ", title)
        d.ln(repo, "  ", rng.choice(["feature", "bugfix", "chore"]), "/", "-".join(title.lower().split()[:4]).replace(":", ""),
             " -> main")
        d.ln("Author: ", sname(author), "   Reviewers: ", [[sname(r), ", "] for r in reviewers[:-1]], sname(reviewers[-1]))
    else:
        d.ln("# PR ", n, " · ", title)
        nc = rng.randint(1, 9)
        d.ln("@", D("person_name", author.handle()), " wants to merge ", nc, " commit" if nc == 1 else " commits", " into `main`")
        d.ln("Reviewers: ", [[" " if i else "", "@", D("person_name", r.handle())] for i, r in enumerate(reviewers)])
    d.ln("")


@tpl("bitbucket_fhir_diff", "s")
def bf_s_config_diff_with_fixture(rng):
    d = Doc()
    author, r1, r2 = staff(rng, 3)
    pt = Patient(rng)
    pr_head(d, rng, "Bump HAPI FHIR to 7.4 and tidy server config", author, [r1, r2], "platform/fhir-gateway")
    v_old, v_new = "6.10.%d" % rng.randint(0, 5), "7.4.%d" % rng.randint(0, 5)
    diff_file(d, rng, "pom.xml", [
        (" ", ["    <properties>"]),
        (" ", ["        <java.version>17</java.version>"]),
        ("-", ["        <hapi.version>", v_old, "</hapi.version>"]),
        ("+", ["        <hapi.version>", v_new, "</hapi.version>"]),
        (" ", ["        <spring-boot.version>3.2.%d</spring-boot.version>" % rng.randint(1, 9)]),
        (" ", ["    </properties>"]),
    ], start=rng.randint(20, 40))
    diff_file(d, rng, "src/main/resources/application.yml", [
        (" ", ["hapi:"]),
        (" ", ["  fhir:"]),
        (" ", ["    fhir_version: R4"]),
        ("+", ["    narrative_enabled: false"]),
        (" ", ["    server_address: https://fhir-gw.internal:8443/fhir"]),
        ("-", ["    default_page_size: 20"]),
        ("+", ["    default_page_size: 50"]),
        ("+", ["    max_page_size: 500"]),
        (" ", ["    allow_external_references: true"]),
        (" ", ["spring:"]),
        (" ", ["  datasource:"]),
        ("-", ["    url: jdbc:postgresql://", server_ip(rng), ":5432/fhir"]),
        ("+", ["    url: jdbc:postgresql://fhir-db.internal:5432/fhir"]),
        (" ", ["    hikari:"]),
        ("-", ["      maximum-pool-size: 10"]),
        ("+", ["      maximum-pool-size: 30"]),
        ("+", ["      connection-timeout: 15000"]),
    ], start=3)
    fix = fhir_patient_json(rng, pt, parts=("id", "name", "gender", "birthDate"))
    diff_file(d, rng, "src/test/resources/fixtures/patient-merge-candidate.json", plus(fix), new=True)
    diff_file(d, rng, "src/test/java/org/acme/gw/MergeCandidateIT.java", plus([
        ["@Test"],
        ["void mergeCandidateIsFoundByDemographics() throws Exception {"],
        ['    Patient p = load("fixtures/patient-merge-candidate.json");'],
        ["    var result = matcher.candidates(p);"],
        ["    assertThat(result).hasSize(1);"],
        ["}"],
    ]), start=41)
    d.ln("")
    d.ln("Comments")
    d.ln(sname(r1), ": HAPI bump looks fine, the paging limits match what we agreed.")
    d.ln(sname(r2), ": patient-merge-candidate.json - where did this come from? The name and birth date look real, ",
         "our fixtures are supposed to use the generated ones from fixtures/synthetic/. Please regenerate before merging.")
    d.ln(sname(author), ": copied it from a support ticket, my bad. Will replace.")
    return d


@tpl("bitbucket_fhir_diff", "s")
def bf_s_mapper_unit_test(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng)
    pr_head(d, rng, "Map PID-13 repetitions to Patient.telecom", author, [r1], "integration/hl7-fhir-mapper")
    diff_file(d, rng, "src/main/java/org/acme/mapper/PidMapper.java", [
        (" ", ["    private void mapTelecom(PID pid, Patient patient) {"]),
        ("-", ["        XTN home = pid.getPhoneNumberHome(0);"]),
        ("-", ["        if (home != null && !home.isEmpty()) {"]),
        ("-", ["            patient.addTelecom(toContactPoint(home, ContactPointUse.HOME));"]),
        ("-", ["        }"]),
        ("+", ["        for (XTN xtn : pid.getPhoneNumberHome()) {"]),
        ("+", ["            if (xtn == null || xtn.isEmpty()) continue;"]),
        ("+", ["            ContactPoint cp = toContactPoint(xtn, useOf(xtn.getTelecommunicationUseCode().getValue()));"]),
        ("+", ["            if (cp.hasValue()) patient.addTelecom(cp);"]),
        ("+", ["        }"]),
        (" ", ["    }"]),
        (" ", [""]),
        ("+", ["    private static ContactPointUse useOf(String code) {"]),
        ("+", ["        return switch (code == null ? \"\" : code) {"]),
        ("+", ["            case \"WPN\" -> ContactPointUse.WORK;"]),
        ("+", ["            case \"ORN\", \"PRS\" -> ContactPointUse.MOBILE;"]),
        ("+", ["            default -> ContactPointUse.HOME;"]),
        ("+", ["        };"]),
        ("+", ["    }"]),
    ], start=rng.randint(80, 140))
    a, e, n = pt.phone_parts
    diff_file(d, rng, "src/test/java/org/acme/mapper/PidMapperTest.java", [
        (" ", ["    @Test"]),
        (" ", ["    void mapsSingleHomePhone() throws Exception {"]),
        (" ", ['        PID pid = parsePid("PID|1||', D("mrn", "T0001"), '^^^TST^MR||||||||||^PRN^PH^^1^412^5550100");']),
        (" ", ["        Patient p = mapper.map(pid);"]),
        (" ", ['        assertEquals("(412) 555-0100", p.getTelecomFirstRep().getValue());']),
        (" ", ["    }"]),
        ("+", [""]),
        ("+", ["    @Test"]),
        ("+", ["    void mapsRepeatedPhones() throws Exception {"]),
        ("+", ["        // taken from the failing message in ", rkey(rng, "INTEG")]),
        ("+", ['        PID pid = parsePid("PID|1||', D("mrn", "T0002"), '^^^TST^MR||', P("person_name", pt.p.hl7(True)),
               '||||||||^PRN^PH^^1^', P("phone", a), "^", P("phone", e + n), '~^ORN^CP^^1^412^5550101");']),
        ("+", ["        Patient p = mapper.map(pid);"]),
        ("+", ["        assertEquals(2, p.getTelecom().size());"]),
        ("+", ["        assertEquals(ContactPointUse.MOBILE, p.getTelecom().get(1).getUse());"]),
        ("+", ["    }"]),
    ], start=rng.randint(30, 60))
    d.ln("")
    d.ln(sname(r1), " commented on PidMapperTest.java line 47:")
    d.ln("> nit: the new test has a real-looking name and home number; can we use ", D("mrn", "T0002"),
         " with the 555-01xx numbers like the ",
         "other tests?")
    return d


@tpl("bitbucket_fhir_diff", "s")
def bf_s_helm_and_seed(rng):
    d = Doc()
    author, r1, r2 = staff(rng, 3)
    pt = Patient(rng)
    fac = rng.choice(FACILITIES)
    pr_head(d, rng, "Helm: enable bulk export in staging, add seed bundle", author, [r1, r2], "infra/fhir-helm")
    diff_file(d, rng, "charts/fhir-server/values-staging.yaml", [
        (" ", ["replicaCount: 2"]),
        (" ", ["image:"]),
        (" ", ["  repository: registry.internal/fhir-server"]),
        ("-", ["  tag: \"", rversion(rng), "\""]),
        ("+", ["  tag: \"", rversion(rng), "\""]),
        (" ", ["resources:"]),
        (" ", ["  limits:"]),
        ("-", ["    memory: 2Gi"]),
        ("+", ["    memory: 4Gi"]),
        (" ", ["config:"]),
        ("+", ["  bulkExport:"]),
        ("+", ["    enabled: true"]),
        ("+", ["    maxFileSizeMb: 256"]),
        ("+", ["    retention: 48h"]),
        (" ", ["  seed:"]),
        ("-", ["    enabled: false"]),
        ("+", ["    enabled: true"]),
        ("+", ["    bundle: /seed/seed-bundle.json"]),
    ], start=1)
    rid = [str(rng.randint(100, 9999)) for _ in range(4)]
    lines = [
        ["{"], ['  "resourceType": "Bundle",'], ['  "type": "transaction",'], ['  "entry": ['],
        ['    { "resource": { "resourceType": "Organization", "id": "', D("internal_id", "org-" + rid[0]), '", "name": "',
         D("facility", fac[0]), '" },'],
        ['      "request": { "method": "PUT", "url": "Organization/', D("internal_id", "org-" + rid[0]), '" } },'],
        ['    { "resource": { "resourceType": "Location", "id": "', D("internal_id", "loc-" + rid[1]),
         '", "name": "Staging Ward A" },'],
        ['      "request": { "method": "PUT", "url": "Location/', D("internal_id", "loc-" + rid[1]), '" } },'],
        ['    { "resource": { "resourceType": "Patient", "id": "', D("internal_id", "pat-" + rid[2]), '",'],
        ['        "identifier": [ { "system": "urn:oid:2.16.840.1.113883.3.%d.1", "value": "' % rng.randint(100, 999),
         P("mrn", pt.mrn), '" } ],'],
        ['        "active": true },'],
        ['      "request": { "method": "PUT", "url": "Patient/', D("internal_id", "pat-" + rid[2]), '" } }'],
        ["  ]"], ["}"],
    ]
    diff_file(d, rng, "charts/fhir-server/seed/seed-bundle.json", plus(lines), new=True)
    d.ln("")
    d.ln(sname(r1), ": the Patient identifier in the seed bundle is a production MRN format (", fac[1],
         " range). Use the T-prefixed test range please.")
    d.ln(sname(author), ": good catch, that one came from the prod export I used to size the bulk job.")
    return d


@tpl("bitbucket_fhir_diff", "s")
def bf_s_review_thread(rng):
    d = Doc()
    author, r1, r2 = staff(rng, 3)
    pt = Patient(rng, native=rng.random() < 0.6)
    pr_head(d, rng, "Retry Subscription notifications with exponential backoff", author, [r1, r2], "platform/notify")
    diff_file(d, rng, "src/notify/retry.ts", [
        (" ", ["export async function deliver(sub: Subscription, bundle: Bundle): Promise<void> {"]),
        ("-", ["  await post(sub.channel.endpoint, bundle);"]),
        ("+", ["  let delay = INITIAL_DELAY_MS;"]),
        ("+", ["  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {"]),
        ("+", ["    try {"]),
        ("+", ["      await post(sub.channel.endpoint, bundle);"]),
        ("+", ["      return;"]),
        ("+", ["    } catch (err) {"]),
        ("+", ["      log.warn({ sub: sub.id, attempt, err: String(err) }, 'notification failed');"]),
        ("+", ["      await sleep(delay);"]),
        ("+", ["      delay = Math.min(delay * 2, MAX_DELAY_MS);"]),
        ("+", ["    }"]),
        ("+", ["  }"]),
        ("+", ["  throw new DeliveryError(sub.id);"]),
        (" ", ["}"]),
    ], start=rng.randint(10, 60))
    d.ln("")
    d.ln("Activity")
    d.ln("")
    comments = [
        (r1, ["Should we add jitter? With 300 subscribers retrying in lockstep we'll hammer the endpoint."]),
        (author, ["Good point, will add +-20% jitter."]),
        (r2, ["Also: please don't log the whole error. Saw this in the prod logs yesterday from the old code path: ",
              "`notification failed: 422 Patient/", D("internal_id", str(rng.randint(1000, 99999))), " name=\"",
              P("person_name", pt.shown()), "\" birthDate=", P("date", pt.dob.isoformat()),
              "` - the endpoint echoes the resource in its error body."]),
        (author, ["Ugh. Will log status code and sub id only."]),
        (r1, ["Approved once jitter is in."]),
    ]
    for who, body in comments:
        d.ln(sname(who), " · ", rng.randint(1, 23), "h ago")
        d.ln(body)
        d.ln("")
    return d


@tpl("bitbucket_fhir_diff", "s")
def bf_s_openapi_example(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng)
    pr_head(d, rng, "OpenAPI: document $match operation", author, [r1], "platform/fhir-gateway")
    diff_file(d, rng, "api/openapi.yaml", [
        (" ", ["paths:"]),
        ("+", ["  /Patient/$match:"]),
        ("+", ["    post:"]),
        ("+", ["      summary: Probabilistic patient match"]),
        ("+", ["      operationId: patientMatch"]),
        ("+", ["      requestBody:"]),
        ("+", ["        required: true"]),
        ("+", ["        content:"]),
        ("+", ["          application/fhir+json:"]),
        ("+", ["            schema:"]),
        ("+", ["              $ref: '#/components/schemas/Parameters'"]),
        ("+", ["            example:"]),
        ("+", ["              resourceType: Parameters"]),
        ("+", ["              parameter:"]),
        ("+", ["                - name: resource"]),
        ("+", ["                  resource:"]),
        ("+", ["                    resourceType: Patient"]),
        ("+", ["                    name:"]),
        ("+", ["                      - family: ", P("person_name", pt.p.family)]),
        ("+", ["                        given: [", P("person_name", pt.p.given), "]"]),
        ("+", ["                    telecom:"]),
        ("+", ["                      - system: phone"]),
        ("+", ["                        value: '", P("phone", pt.phone(rng, ["paren", "dash"])), "'"]),
        ("+", ["                - name: count"]),
        ("+", ["                  valueInteger: 3"]),
        ("+", ["                - name: onlyCertainMatches"]),
        ("+", ["                  valueBoolean: false"]),
        ("+", ["      responses:"]),
        ("+", ["        '200':"]),
        ("+", ["          description: Bundle of candidates with match-grade extension"]),
        ("+", ["        '422':"]),
        ("+", ["          description: Not enough demographics to match"]),
    ], start=rng.randint(200, 400))
    d.ln("")
    d.ln(sname(r1), ": Can the example use the published sample (family `Example`, phone `555-0100`)? This looks like "
         "someone from the call log.")
    return d


@tpl("bitbucket_fhir_diff", "o")
def bf_o_patient_json(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng)
    pr_head(d, rng, "Add fixture for address normalisation tests", author, [r1], "integration/mpi-sync")
    parts = ("id", "mrn", "ssn", "name", "telecom", "gender", "address", "birthDate")
    diff_file(d, rng, "test/fixtures/patient-%s.json" % ascii_fold(pt.p.family).lower().replace(" ", "-"),
              plus(fhir_patient_json(rng, pt, parts=parts)), new=True)
    return d


@tpl("bitbucket_fhir_diff", "o")
def bf_o_bundle_encounter(rng):
    d = Doc()
    author, r1, att = staff(rng, 3)
    pt = Patient(rng)
    adm = rtime(rng)
    dis = adm + dt.timedelta(days=rng.randint(1, 9), hours=rng.randint(1, 10))
    code, desc = rng.choice(ICD)
    pid, eid, cid = (str(rng.randint(100, 99999)) for _ in range(3))
    pr_head(d, rng, "Readmission rule: add inpatient bundle fixture", author, [r1], "cds/readmit-rules")
    lines = [["{"], ['  "resourceType": "Bundle", "type": "collection",'], ['  "entry": ['], ['    { "resource":']]
    lines += [["    "] + l for l in fhir_patient_json(rng, pt, ind="  ", parts=("id", "mrn", "name", "birthDate"), rid=pid)]
    lines += [
        ["    },"],
        ['    { "resource": { "resourceType": "Encounter", "id": "', D("internal_id", eid), '", "status": "finished",'],
        ['        "class": { "code": "IMP" }, "subject": { "reference": "Patient/', D("internal_id", pid), '" },'],
        ['        "participant": [ { "individual": { "display": "', dr(att), '" } } ],'],
        ['        "period": { "start": "', P("date", adm.strftime("%Y-%m-%dT%H:%M:00-05:00")), '", "end": "',
         P("date", dis.strftime("%Y-%m-%dT%H:%M:00-05:00")), '" } } },'],
        ['    { "resource": { "resourceType": "Condition", "id": "', D("internal_id", cid), '",'],
        ['        "code": { "coding": [ { "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "', D("diagnosis_code", code),
         '", "display": "', D("condition", desc), '" } ] },'],
        ['        "subject": { "reference": "Patient/', D("internal_id", pid), '" } } }'],
        ["  ]"], ["}"],
    ]
    diff_file(d, rng, "fixtures/readmit/inpatient-%s.json" % cid, plus(lines), new=True)
    return d


@tpl("bitbucket_fhir_diff", "o")
def bf_o_coverage_eob(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng, 66, 95)
    payer = rng.choice(PAYERS)[0]
    svc = recent(rng)
    pr_head(d, rng, "EOB mapper: carry subscriberId and billablePeriod", author, [r1], "rcm/claims-fhir")
    pid = str(rng.randint(1000, 99999))
    lines = [
        ["{"], ['  "resourceType": "Coverage",'], ['  "id": "', D("internal_id", "cov-" + pid), '",'],
        ['  "status": "active",'], ['  "subscriberId": "', P("medicare_mbi", pt.mbi) if "Medicare" in payer else P("health_plan_id", pt.member), '",'],
        ['  "beneficiary": { "reference": "Patient/', D("internal_id", pid), '", "display": "', P("person_name", pt.p.first_last()), '" },'],
        ['  "payor": [ { "display": "', payer, '" } ],'],
        ['  "class": [ { "type": { "text": "group" }, "value": "', D("group_number", "G%d" % rng.randint(10000, 99999)), '" } ]'],
        ["}"],
    ]
    diff_file(d, rng, "src/test/resources/coverage-%s.json" % pid, plus(lines), new=True)
    clm = rclaim(rng, svc)
    lines = [
        (" ", ['  "resourceType": "ExplanationOfBenefit",']),
        (" ", ['  "status": "active",']),
        ("+", ['  "identifier": [ { "system": "urn:acme:claim", "value": "', P("other_id", clm), '" } ],']),
        ("+", ['  "billablePeriod": { "start": "', P("date", svc.isoformat()), '", "end": "', P("date", svc.isoformat()), '" },']),
        (" ", ['  "patient": { "reference": "Patient/', D("internal_id", pid), '" },']),
        (" ", ['  "insurer": { "display": "', payer, '" },']),
        ("-", ['  "outcome": "complete"']),
        ("+", ['  "outcome": "complete",']),
        ("+", ['  "total": [ { "category": { "text": "submitted" }, "amount": { "value": %d.00, "currency": "USD" } } ]' % rng.randint(90, 4000)]),
    ]
    diff_file(d, rng, "src/test/resources/eob-%s.json" % pid, lines, start=1)
    return d


@tpl("bitbucket_fhir_diff", "o")
def bf_o_xml_patient(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng)
    pr_head(d, rng, "CDA->FHIR: keep patient address and telecom", author, [r1], "integration/cda-import")
    a, e, n = pt.phone_parts
    lines = [
        (" ", ['<Patient xmlns="http://hl7.org/fhir">']),
        (" ", ['  <id value="', D("internal_id", str(rng.randint(100, 99999))), '"/>']),
        (" ", ['  <identifier><system value="urn:oid:2.16.840.1.113883.19.5"/><value value="', P("mrn", pt.mrn), '"/></identifier>']),
        (" ", ['  <name><family value="', P("person_name", pt.p.family), '"/><given value="', P("person_name", pt.p.given), '"/></name>']),
        ("+", ['  <telecom><system value="phone"/><value value="', P("phone", "%s-%s-%s" % (a, e, n)), '"/><use value="home"/></telecom>']),
        (" ", ['  <gender value="%s"/>' % ("female" if pt.p.sex == "F" else "male")]),
        (" ", ['  <birthDate value="', P("date", pt.dob.isoformat()), '"/>']),
        ("+", ['  <address>']),
        ("+", ['    <line value="', P("street_address", pt.street_line()), '"/>']),
        ("+", ['    <city value="', P("street_address", pt.city), '"/>']),
        ("+", ['    <state value="', D("state", pt.state), '"/>']),
        ("+", ['    <postalCode value="', P("zip_code", pt.zip), '"/>']),
        ("+", ['  </address>']),
        (" ", ['</Patient>']),
    ]
    diff_file(d, rng, "src/test/resources/expected/patient-from-ccd.xml", lines, start=1)
    return d


@tpl("bitbucket_fhir_diff", "o")
def bf_o_yaml_relatedperson(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pt = Patient(rng, 70, 102)
    rel = relative_of(rng, pt.p)
    died = rtime(rng)
    pr_head(d, rng, "Deceased handling: notify next of kin", author, [r1], "clinical/decedent-workflow")
    pid = str(rng.randint(1000, 99999))
    lines = [
        ["patient:"],
        ["  resourceType: Patient"],
        ["  id: \"", D("internal_id", pid), "\""],
        ["  name:"],
        ["    - family: ", P("person_name", pt.p.family)],
        ["      given: [", P("person_name", pt.p.given), "]"],
        ["  birthDate: ", P("date", pt.dob.isoformat())],
        ["  deceasedDateTime: ", P("date", died.strftime("%Y-%m-%dT%H:%M:00Z"))],
        ["relatedPerson:"],
        ["  resourceType: RelatedPerson"],
        ["  patient: { reference: Patient/", D("internal_id", pid), " }"],
        ["  relationship: [{ coding: [{ code: ", relation(rng, pt.p, rel, "code"), " }] }]"],
        ["  name: [{ text: \"", P("person_name", rel.first_last()), "\" }]"],
        ["  telecom: [{ system: phone, value: \"", P("phone", rphone(rng, pt.area)), "\" }]"],
        ["expect:"],
        ["  notification: sms"],
        ["  template: nok-decedent-v2"],
    ]
    diff_file(d, rng, "tests/fixtures/decedent_%s.yaml" % pid, plus(lines), new=True)
    return d


# ===========================================================================
# sql_seed
# ===========================================================================


def sql_header(d, rng, path, author):
    st = rng.randrange(3)
    if st == 0:
        d.ln("-- ", path)
        d.ln("-- author: ", D("person_name", author.handle()), "  ticket: ", rkey(rng, "DATA"))
    elif st == 1:
        d.ln("/* ", path, " */")
        d.ln("/* Reviewed-by: ", sname(author), " */")
    else:
        d.ln("-- File: ", path, " (", rhash(rng, 8), ")")
    d.ln("")


@tpl("sql_seed", "s")
def sq_s_flyway_one_insert(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    fac = rng.choice(FACILITIES)
    v = rng.randint(40, 160)
    sql_header(d, rng, "db/migration/V%d__referral_tracking.sql" % v, author)
    d.b("""
        SET search_path TO clinical, public;

        CREATE TABLE referral_source (
            id            smallint PRIMARY KEY,
            code          varchar(16) NOT NULL UNIQUE,
            description   varchar(120) NOT NULL,
            active        boolean NOT NULL DEFAULT true
        );

        CREATE TABLE referral_status (
            id            smallint PRIMARY KEY,
            code          varchar(16) NOT NULL UNIQUE,
            is_terminal   boolean NOT NULL DEFAULT false
        );

        CREATE TABLE referral (
            id              bigserial PRIMARY KEY,
            patient_mrn     varchar(20) NOT NULL,
            patient_name    varchar(200) NOT NULL,
            birth_date      date NOT NULL,
            source_id       smallint NOT NULL REFERENCES referral_source(id),
            status_id       smallint NOT NULL REFERENCES referral_status(id),
            specialty       varchar(40) NOT NULL,
            received_at     timestamptz NOT NULL DEFAULT now(),
            created_by      varchar(64) NOT NULL DEFAULT current_user
        );

        CREATE INDEX ix_referral_mrn ON referral (patient_mrn);
        CREATE INDEX ix_referral_status ON referral (status_id) WHERE status_id IN (1, 2);
        CREATE INDEX ix_referral_received ON referral USING brin (received_at);

        CREATE TABLE referral_status_history (
            referral_id   bigint NOT NULL REFERENCES referral(id) ON DELETE CASCADE,
            status_id     smallint NOT NULL REFERENCES referral_status(id),
            changed_at    timestamptz NOT NULL DEFAULT now(),
            changed_by    varchar(64) NOT NULL,
            PRIMARY KEY (referral_id, changed_at)
        );

        INSERT INTO referral_source (id, code, description) VALUES
            (1, 'FAX', 'Inbound fax'),
            (2, 'EHR', 'Electronic referral from EHR'),
            (3, 'PORTAL', 'Patient self-referral via portal'),
            (4, 'PHONE', 'Phone intake'),
            (5, 'HIE', 'Direct message via HIE');

        INSERT INTO referral_status (id, code, is_terminal) VALUES
            (1, 'RECEIVED', false),
            (2, 'TRIAGED', false),
            (3, 'SCHEDULED', false),
            (4, 'COMPLETED', true),
            (5, 'DECLINED', true),
            (6, 'CANCELLED', true);

        -- one referral so the work queue screen is not empty in the demo environment
        """)
    d.ln("INSERT INTO referral (patient_mrn, patient_name, birth_date, source_id, status_id, specialty) VALUES")
    d.ln("    ('", P("mrn", pt.mrn), "', '", P("person_name", pt.p.last_first()), "', DATE '", P("date", pt.dob.isoformat()),
         "', 1, 2, '", rng.choice(["CARDIOLOGY", "NEPHROLOGY", "ONCOLOGY", "ORTHO", "GI"]), "');")
    d.b("""

        GRANT SELECT, INSERT, UPDATE ON referral, referral_status_history TO app_referral;
        GRANT SELECT ON referral_source, referral_status TO app_referral, app_reporting;
        GRANT USAGE ON SEQUENCE referral_id_seq TO app_referral;
        """)
    return d


@tpl("sql_seed", "s")
def sq_s_backfill_comment(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    inc = "INC%07d" % rng.randint(10 ** 5, 10 ** 6)
    w0 = recent(rng)
    w1 = w0 + dt.timedelta(days=rng.randint(0, 3))
    sql_header(d, rng, "migrations/2026_%02d_%02d_fix_orphan_orders.sql" % (rng.randint(1, 11), rng.randint(1, 28)), author)
    d.b("""
        BEGIN;

        -- Orders created while the encounter service was down (§inc§) have encounter_id NULL.
        -- Re-link them to the encounter that was open at order time.
        CREATE TEMP TABLE orphan_orders AS
        SELECT o.id, o.patient_id, o.ordered_at
          FROM orders o
         WHERE o.encounter_id IS NULL
           AND o.ordered_at BETWEEN '§d1§' AND '§d2§';

        UPDATE orders o
           SET encounter_id = e.id,
               updated_by   = 'migration'
          FROM orphan_orders x
          JOIN encounters e
            ON e.patient_id = x.patient_id
           AND x.ordered_at >= e.start_at
           AND (e.end_at IS NULL OR x.ordered_at < e.end_at)
         WHERE o.id = x.id;

        """, inc=inc, d1="%s 00:00" % w0.isoformat(), d2="%s 23:59" % w1.isoformat())
    d.t("-- ", P("person_name", pt.p.first_last()), " (MRN ", P("mrn", pt.mrn),
        ") had two open encounters at the time; HIM picked the ED one, see ", inc, "\n")
    d.t("UPDATE orders SET encounter_id = ", D("internal_id", str(rng.randint(10 ** 6, 10 ** 7))), "\n")
    d.t(" WHERE encounter_id IS NULL\n   AND patient_id = (SELECT id FROM patients WHERE mrn = '", P("mrn", pt.mrn), "');\n")
    d.b("""

        -- sanity: nothing left unlinked in the window
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM orders o JOIN orphan_orders x ON x.id = o.id WHERE o.encounter_id IS NULL) THEN
            RAISE EXCEPTION 'orphan orders remain';
          END IF;
        END $$;

        COMMIT;
        """)
    return d


@tpl("sql_seed", "s")
def sq_s_psql_explain(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    pid = rng.randint(10000, 999999)
    d.ln("Slow patient lookup on the registration screen - psql session from the replica (", server_ip(rng), ")")
    d.ln("")
    d.ln("reg=> \\timing on")
    d.ln("Timing is on.")
    d.ln("reg=> EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM patients WHERE lower(last_name) = lower($1) AND birth_date = $2;")
    d.ln("                                                        QUERY PLAN")
    d.ln("--------------------------------------------------------------------------------------------------------------------------")
    rows = rng.randint(2_000_000, 9_000_000)
    d.ln(" Gather  (cost=1000.00..%d.21 rows=3 width=412) (actual time=312.441..%d.902 rows=1 loops=1)" % (rng.randint(90000, 200000), rng.randint(1800, 4000)))
    d.ln("   Workers Planned: 2")
    d.ln("   Workers Launched: 2")
    d.ln("   Buffers: shared hit=%d read=%d" % (rng.randint(1000, 9000), rng.randint(50000, 200000)))
    d.ln("   ->  Parallel Seq Scan on patients  (cost=0.00..%d.91 rows=1 width=412) (actual time=%d.2..%d.7 rows=0 loops=3)"
         % (rng.randint(80000, 190000), rng.randint(900, 2000), rng.randint(2000, 3900)))
    d.ln("         Filter: ((birth_date = $2) AND (lower((last_name)::text) = lower($1)))")
    d.ln("         Rows Removed by Filter: %d" % (rows // 3))
    d.ln("         Buffers: shared hit=%d read=%d" % (rng.randint(1000, 9000), rng.randint(50000, 200000)))
    d.ln(" Planning Time: 0.%03d ms" % rng.randint(100, 999))
    d.ln(" Execution Time: %d.%03d ms" % (rng.randint(1800, 4000), rng.randint(0, 999)))
    d.ln("(11 rows)")
    d.ln("")
    d.ln("Time: %d.%03d ms (00:0%d.%03d)" % (rng.randint(1800, 4000), rng.randint(0, 999), rng.randint(2, 4), rng.randint(0, 999)))
    d.ln("reg=> \\d patients")
    d.ln("                        Table \"public.patients\"")
    d.ln("     Column     |           Type           | Nullable |      Default")
    d.ln("----------------+--------------------------+----------+-------------------")
    for c, ty, nn, df in [("id", "bigint", "not null", "nextval('patients_id_seq')"), ("mrn", "character varying(20)", "not null", ""),
                          ("last_name", "character varying(100)", "not null", ""), ("first_name", "character varying(100)", "not null", ""),
                          ("birth_date", "date", "not null", ""), ("zip", "character varying(10)", "", ""),
                          ("updated_at", "timestamp with time zone", "not null", "now()")]:
        d.ln(" %-14s | %-24s | %-8s | %s" % (c, ty, nn, df))
    d.ln("Indexes:")
    d.ln("    \"patients_pkey\" PRIMARY KEY, btree (id)")
    d.ln("    \"patients_mrn_key\" UNIQUE CONSTRAINT, btree (mrn)")
    d.ln("    \"ix_patients_last_name\" btree (last_name)")
    d.ln("")
    d.ln("reg=> SELECT id, mrn, last_name, first_name, birth_date, zip FROM patients WHERE id = ", D("internal_id", str(pid)), ";")
    d.ln("   id   |   mrn    | last_name  | first_name | birth_date |  zip")
    d.ln("--------+----------+------------+------------+------------+-------")
    d.ln(" ", D("internal_id", str(pid)), " | ", P("mrn", pt.mrn), " | ", P("person_name", pt.p.family), " | ",
         P("person_name", pt.p.given), " | ", P("date", pt.dob.isoformat()), " | ", P("zip_code", pt.zip))
    d.ln("(1 row)")
    d.ln("")
    d.b("""
        The index is on last_name but the query uses lower(last_name), so it falls back to a seq scan. Fix:

            CREATE INDEX CONCURRENTLY ix_patients_lower_last_dob ON patients (lower(last_name), birth_date);

        -- §who§
        """, who=sname(author))
    return d


@tpl("sql_seed", "s")
def sq_s_liquibase_yaml(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    d.ln("# src/main/resources/db/changelog/changes/", rng.randint(100, 400), "-notification-prefs.yaml")
    d.ln("databaseChangeLog:")
    ids = rng.randint(300, 900)
    for i, (tbl, cols) in enumerate([
        ("notification_channel", [("id", "SMALLINT"), ("code", "VARCHAR(16)"), ("label", "VARCHAR(80)")]),
        ("notification_pref", [("id", "BIGINT"), ("patient_id", "BIGINT"), ("channel_id", "SMALLINT"),
                               ("destination", "VARCHAR(255)"), ("opted_in_at", "TIMESTAMP")]),
    ]):
        d.ln("  - changeSet:")
        d.ln("      id: ", ids + i)
        d.ln("      author: ", D("person_name", author.handle()))
        d.ln("      changes:")
        d.ln("        - createTable:")
        d.ln("            tableName: ", tbl)
        d.ln("            columns:")
        for c, ty in cols:
            d.ln("              - column: { name: ", c, ", type: ", ty, (", constraints: { primaryKey: true }" if c == "id" else ""), " }")
    d.ln("  - changeSet:")
    d.ln("      id: ", ids + 2)
    d.ln("      author: ", D("person_name", author.handle()))
    d.ln("      changes:")
    d.ln("        - insert: { tableName: notification_channel, columns: [ { column: { name: id, valueNumeric: 1 } }, { column: { name: code, value: SMS } } ] }")
    d.ln("        - insert: { tableName: notification_channel, columns: [ { column: { name: id, valueNumeric: 2 } }, { column: { name: code, value: EMAIL } } ] }")
    d.ln("        - insert: { tableName: notification_channel, columns: [ { column: { name: id, valueNumeric: 3 } }, { column: { name: code, value: VOICE } } ] }")
    d.ln("  - changeSet:")
    d.ln("      id: ", ids + 3)
    d.ln("      author: ", D("person_name", author.handle()))
    d.ln("      context: dev")
    d.ln("      comment: prefs for the pilot patient so QA can test the opt-out flow")
    d.ln("      changes:")
    pid = D("internal_id", str(rng.randint(1000, 99999)))
    d.ln("        - insert:")
    d.ln("            tableName: notification_pref")
    d.ln("            columns:")
    d.ln("              - column: { name: patient_id, valueNumeric: ", pid, " }")
    d.ln("              - column: { name: channel_id, valueNumeric: 1 }")
    d.ln("              - column: { name: destination, value: \"", P("phone", pt.phone(rng, ["plain", "intl_dash", "dash"])), "\" }")
    d.ln("        - insert:")
    d.ln("            tableName: notification_pref")
    d.ln("            columns:")
    d.ln("              - column: { name: patient_id, valueNumeric: ", D("internal_id", pid.text), " }")
    d.ln("              - column: { name: channel_id, valueNumeric: 2 }")
    d.ln("              - column: { name: destination, value: \"", P("email", pt.email), "\" }")
    d.ln("  - changeSet:")
    d.ln("      id: ", ids + 4)
    d.ln("      author: ", D("person_name", author.handle()))
    d.ln("      changes:")
    d.ln("        - createIndex: { tableName: notification_pref, indexName: ix_pref_patient, columns: [ { column: { name: patient_id } } ] }")
    return d


@tpl("sql_seed", "s")
def sq_s_test_seed_one_real(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    sql_header(d, rng, "seeds/dev/010_patients.sql", author)
    d.ln("-- Dev seed: synthetic patients only (T-prefixed MRNs, 555-01xx phones, SSN 123-45-6789).")
    d.ln("TRUNCATE patients RESTART IDENTITY CASCADE;")
    d.ln("")
    d.ln("INSERT INTO patients (mrn, last_name, first_name, birth_date, sex, phone, ssn) VALUES")
    n = rng.randint(8, 12)
    k = rng.randint(2, n - 2)
    for i in range(n):
        end = ",\n" if i < n - 1 else ";\n"
        if i == k:
            d.t("  ('", P("mrn", pt.mrn), "', '", P("person_name", pt.p.family), "', '", P("person_name", pt.p.given), "', '",
                P("date", pt.dob.isoformat()), "', '", pt.p.sex, "', '", P("phone", pt.phone(rng, ["dash", "paren"])), "', '",
                P("ssn", pt.ssn), "')", end)
        else:
            fam, giv = TEST_PATIENTS[i % len(TEST_PATIENTS)]
            d.t("  ('", D("mrn", "T%07d" % (i + 1)), "', '", D("person_name", fam), "', '", D("person_name", giv), "', '",
                D("date", "19%02d-01-01" % (40 + i * 3)), "', '", rng.choice("FM"), "', '412-555-01%02d" % (i + 10),
                "', '123-45-6789')", end)
    d.ln("")
    d.ln("SELECT setval('patients_id_seq', (SELECT max(id) FROM patients));")
    d.ln("")
    d.ln("-- encounters for the scenarios in the QA plan (test patients only)")
    d.ln("INSERT INTO encounters (patient_id, class, status, department, start_at) VALUES")
    m = rng.randint(5, 8)
    for j in range(m):
        d.ln("  ((SELECT id FROM patients WHERE mrn = '", D("mrn", "T%07d" % (j + 1 if j + 1 != k + 1 else j + 2)), "'), '",
             rng.choice(["IMP", "AMB", "EMER"]), "', '", rng.choice(["planned", "in-progress", "finished"]), "', '",
             rng.choice(["4W", "ED", "CLINIC-A", "ONC"]), "', now() - interval '%d days')" % rng.randint(0, 30), "," if j < m - 1 else ";")
    d.ln("")
    d.ln("INSERT INTO allergies (patient_id, substance, reaction) VALUES")
    d.ln("  ((SELECT id FROM patients WHERE mrn = '", D("mrn", "T0000001"), "'), '", D("medication", "penicillin"), "', 'hives'),")
    d.ln("  ((SELECT id FROM patients WHERE mrn = '", D("mrn", "T0000002"), "'), 'latex', 'rash');")
    return d


@tpl("sql_seed", "o")
def sq_o_insert_batch(rng):
    d = Doc()
    author = staff(rng)
    sql_header(d, rng, "seed/patients_batch_%d.sql" % rng.randint(1, 40), author)
    d.ln("INSERT INTO patient (mrn, family_name, given_name, dob, ssn, home_phone, address_line, city, state, zip) VALUES")
    n = rng.randint(4, 7)
    for i in range(n):
        pt = Patient(rng)
        d.t("  ('", P("mrn", pt.mrn), "', '", P("person_name", pt.p.family), "', '", P("person_name", pt.p.given), "', '",
            P("date", pt.dob.isoformat()), "', '", P("ssn", pt.ssn), "', '", P("phone", pt.phone(rng, ["paren", "dash"])),
            "', '", P("street_address", pt.street_line()), "', '", P("street_address", pt.city), "', '", D("state", pt.state),
            "', '", P("zip_code", pt.zip), "')", ",\n" if i < n - 1 else ";\n")
    return d


@tpl("sql_seed", "o")
def sq_o_copy_encounters(rng):
    d = Doc()
    author = staff(rng)
    sql_header(d, rng, "fixtures/encounters.copy.sql", author)
    d.ln("COPY encounter (encounter_id, mrn, patient_name, admit_ts, discharge_ts, unit, attending) FROM stdin;")
    docs = staff(rng, 3)
    for _ in range(rng.randint(5, 9)):
        pt = Patient(rng)
        adm = rtime(rng)
        dis = adm + dt.timedelta(days=rng.randint(0, 10), hours=rng.randint(1, 20))
        d.ln(D("internal_id", str(rng.randint(10 ** 6, 10 ** 7))), "\t", P("mrn", pt.mrn), "\t", P("person_name", pt.p.upper_last_first()),
             "\t", P("date", adm.strftime("%Y-%m-%d %H:%M:%S")), "\t", P("date", dis.strftime("%Y-%m-%d %H:%M:%S")) if rng.random() < 0.85 else "\\N",
             "\t", rng.choice(["4W", "5N", "ICU", "OBS", "6S"]), "\t", sname(rng.choice(docs), "up"))
    d.ln("\\.")
    return d


@tpl("sql_seed", "o")
def sq_o_tsql_merge(rng):
    d = Doc()
    author = staff(rng)
    sql_header(d, rng, "dbo.usp_LoadMembers_seed.sql", author)
    d.ln("MERGE dbo.Member AS tgt")
    d.ln("USING (VALUES")
    n = rng.randint(4, 7)
    for i in range(n):
        pt = Patient(rng, 65, 98)
        d.t("    (N'", P("medicare_mbi", pt.mbi), "', N'", P("health_plan_id", pt.member), "', N'",
            P("person_name", pt.p.last_first()), "', '", P("date", fdate(pt.dob, "iso")), "', N'",
            P("zip_code", pt.zip), "')", ",\n" if i < n - 1 else "\n")
    d.b("""
        ) AS src (Mbi, MemberId, FullName, BirthDate, Zip)
        ON tgt.MemberId = src.MemberId
        WHEN MATCHED THEN UPDATE SET tgt.Mbi = src.Mbi, tgt.FullName = src.FullName, tgt.Zip = src.Zip
        WHEN NOT MATCHED THEN INSERT (Mbi, MemberId, FullName, BirthDate, Zip)
             VALUES (src.Mbi, src.MemberId, src.FullName, src.BirthDate, src.Zip);
        GO
        """)
    return d


@tpl("sql_seed", "o")
def sq_o_mysql_dump_nok(rng):
    d = Doc()
    d.ln("-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)" % rng.randint(30, 40))
    d.ln("--")
    d.ln("-- Host: ", server_ip(rng), "    Database: carecoord")
    d.ln("-- ------------------------------------------------------")
    d.ln("")
    d.ln("LOCK TABLES `next_of_kin` WRITE;")
    d.ln("/*!40000 ALTER TABLE `next_of_kin` DISABLE KEYS */;")
    d.t("INSERT INTO `next_of_kin` VALUES ")
    n = rng.randint(3, 6)
    for i in range(n):
        pt = Patient(rng)
        rel = relative_of(rng, pt.p)
        d.t("(", D("internal_id", str(rng.randint(100, 9999))), ",'", P("mrn", pt.mrn), "','", P("person_name", rel.first_last()), "','",
            relation(rng, pt.p, rel), "','", P("phone", rphone(rng, pt.area)), "')",
            "," if i < n - 1 else ";\n")
    d.ln("/*!40000 ALTER TABLE `next_of_kin` ENABLE KEYS */;")
    d.ln("UNLOCK TABLES;")
    d.ln("-- Dump completed on ", rtime(rng).strftime("%Y-%m-%d %H:%M:%S"))
    return d


@tpl("sql_seed", "o")
def sq_o_oracle_caps(rng):
    d = Doc()
    author = staff(rng)
    sql_header(d, rng, "SEED_ADMISSIONS.SQL", author)
    d.ln("INSERT ALL")
    n = rng.randint(4, 6)
    for i in range(n):
        pt = Patient(rng, 30, 99)
        adm = recent(rng)
        d.ln("  INTO ADMISSION (MRN, PT_NAME, DOB, AGE, ADMIT_DT, ACCT_NO) VALUES ('", P("mrn", pt.mrn), "', '",
             P("person_name", pt.p.hl7(True).replace("^", " ")), "', TO_DATE('", P("date", fdate(pt.dob, "DMY_MON")), "','DD-MON-YYYY'), ",
             P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age), ", TO_DATE('", P("date", fdate(adm, "DMY_MON")),
             "','DD-MON-YYYY'), '", P("account_number", pt.acct), "')")
    d.ln("SELECT * FROM DUAL;")
    d.ln("COMMIT;")
    return d


# ===========================================================================
# clinical_note
# ===========================================================================


def med_line(rng, med=None):
    m, sig = med or rng.choice(MEDS)
    return [D("medication", m), " ", sig]


def vitals(rng, caps=False):
    s = "BP %d/%d, HR %d, RR %d, T %.1f C, SpO2 %d%% on %s" % (
        rng.randint(100, 168), rng.randint(58, 96), rng.randint(56, 112), rng.randint(12, 24), rng.uniform(36.1, 38.6),
        rng.randint(88, 99), rng.choice(["RA", "2L NC", "room air"]))
    return s.upper() if caps else s


def labs_block(d, rng):
    d.ln("Labs:")
    d.ln("  Na %d  K %.1f  Cl %d  CO2 %d  BUN %d  Cr %.2f  Glu %d" % (
        rng.randint(128, 145), rng.uniform(3.2, 5.6), rng.randint(96, 110), rng.randint(19, 30), rng.randint(8, 58),
        rng.uniform(0.6, 3.4), rng.randint(72, 290)))
    d.ln("  WBC %.1f  Hgb %.1f  Plt %d  INR %.1f" % (rng.uniform(3.8, 16), rng.uniform(7.9, 15.2), rng.randint(90, 420),
                                                   rng.uniform(0.9, 3.1)))


@tpl("clinical_note", "s")
def cn_s_long_progress_note(rng):
    """A long hospitalist progress note; the identifiers are only in the header line."""
    d = Doc()
    att, res = staff(rng, 2)
    pt = Patient(rng)
    dos = recent(rng)
    probs = rng.sample(ICD, 4)
    meds = rng.sample(MEDS, 5)
    d.ln("HOSPITAL MEDICINE PROGRESS NOTE")
    d.ln("Pt: ", P("person_name", pt.p.styled(rng, ("lf", "uplf"))), "    DOS: ", P("date", fdate(dos, rng.choice(["us", "us_short"]))),
         "    Hospital day ", rng.randint(2, 9))
    d.ln("")
    d.ln("SUBJECTIVE")
    d.ln("No acute events overnight. Slept poorly because of frequent vitals. Denies chest pain, reports mild dyspnea on")
    d.ln("exertion, improved from yesterday. Tolerating diet. Ambulated twice with PT. Urine output adequate per nursing.")
    d.ln("")
    d.ln("OBJECTIVE")
    d.ln("Vitals: ", vitals(rng), ". Tmax 24 h %.1f C." % rng.uniform(36.6, 38.4))
    d.ln("I/O: %d in / %d out. Weight %.1f kg (admission %.1f kg)." % (rng.randint(900, 2400), rng.randint(900, 3400),
                                                                      rng.uniform(55, 120), rng.uniform(55, 122)))
    d.ln("General: awake, alert, in no distress.")
    d.ln("CV: irregularly irregular, no murmur. JVP ~%d cm." % rng.randint(6, 12))
    d.ln("Lungs: bibasilar crackles, improved. No wheeze.")
    d.ln("Abd: soft, non-tender. Ext: 1+ bilateral edema to mid-shin.")
    d.ln("Neuro: oriented x3, no focal deficit.")
    d.ln("")
    labs_block(d, rng)
    d.ln("Imaging: CXR today - decreased bilateral pleural effusions compared with prior.")
    d.ln("")
    d.ln("ASSESSMENT AND PLAN")
    for i, (code, desc) in enumerate(probs):
        d.ln("%d. " % (i + 1), D("condition", desc[0].upper() + desc[1:]), " (", D("diagnosis_code", code), ")")
        d.ln("   - ", rng.choice(["continue current regimen", "trend daily labs", "consult following, appreciate recs",
                                   "reassess tomorrow", "PT/OT, fall precautions"]))
        d.ln("   - ", med_line(rng, meds[i]))
    d.ln("%d. Disposition: anticipate discharge in 1-2 days if diuresis continues; case management aware." % (len(probs) + 1))
    d.ln("")
    d.ln("Medications reviewed: ", [[D("medication", m), ", "] for m, _ in meds[:-1]], D("medication", meds[-1][0]), ".")
    d.ln("Code status: ", rng.choice(["Full code", "DNR/DNI", "DNR, OK to intubate"]), ". VTE prophylaxis: ",
         D("medication", rng.choice(["heparin SC", "enoxaparin"])), ".")
    d.ln("")
    d.ln("Seen and examined with resident ", sname(res), ". I agree with the findings and plan above.")
    d.ln(sname(att), ", MD - electronically signed")
    return d


@tpl("clinical_note", "s")
def cn_s_template_bug(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "CLININF"), "SmartPhrase .DCSUMMARY leaves *** in rendered note", rep, asg, t,
              typ="Bug", comps="Documentation templates")
    d.b("""
        After the quarterly upgrade the discharge summary SmartPhrase leaves some wildcards unresolved. Template source:

        {noformat}
        DISCHARGE SUMMARY
        Patient: @NAME@   MRN: @MRN@   DOB: @DOB@
        Admission date: @ADMITDATE@   Discharge date: @DISCHDATE@
        Attending: @ATTPROV@
        Principal diagnosis: @PRINCIPALPROBLEM@
        Hospital course: ***
        Discharge medications: @DISCHMEDS@
        Follow-up: @FOLLOWUP@ {FOLLOWUP DAYS:1234}
        {noformat}

        Rendered result in PRD (copied from the note preview, other fields trimmed):
        {noformat}
        """)
    d.ln("DISCHARGE SUMMARY")
    d.ln("Patient: ", P("person_name", pt.p.upper_last_first()), "   MRN: ***   DOB: ***")
    d.ln("Admission date: ***   Discharge date: ***")
    d.b("""
        {noformat}

        So @NAME@ resolves but @MRN@, @DOB@ and the encounter dates don't. In POC (same build) everything resolves.
        Suspect the upgrade reset the record-level security on the SmartLinks. Affects every discharge summary started
        since Sunday (about §n§ notes).

        """, n=rng.randint(80, 700))
    tech_comments(d, rng, [rep, asg], t)
    return d


@tpl("clinical_note", "s")
def cn_s_dictation_qa(rng):
    d = Doc()
    qa, mgr = staff(rng, 2)
    pt = Patient(rng, 90, 103)
    month = recent(rng)
    d.ln("Speech recognition QA - ", MONTHS[month.month - 1], " ", month.year)
    d.ln("Prepared by ", sname(qa), " for ", sname(mgr))
    d.ln("")
    d.ln("Sample: %d dictations, stratified by service. Word error rate after editor correction:" % rng.randint(120, 400))
    d.ln("")
    d.ln("service        jobs   WER raw   WER edited   turnaround (h)")
    for s in ["Hospital med", "Cardiology", "Ortho", "Radiology", "ED", "Psych"]:
        d.ln("%-14s %4d   %5.1f%%    %5.1f%%       %4.1f" % (s, rng.randint(10, 90), rng.uniform(4, 15), rng.uniform(0.5, 3),
                                                            rng.uniform(2, 30)))
    d.ln("")
    d.ln("Common error classes")
    d.ln("- drug names split into two words (\"", D("medication", "levo thyroxine"), "\" for ", D("medication", "levothyroxine"), ")")
    d.ln("- numbers: \"fifteen\" vs \"fifty\" in doses, 4 of 9 caught by editors")
    d.ln("- laterality dropped after \"knee\" in ortho op notes")
    d.ln("- names: the recognizer capitalises words like Hope, Grace or Will mid-sentence")
    d.ln("")
    d.ln("Example of an uncorrected error (job ", rng.randint(10 ** 6, 10 ** 7), ", cardiology):")
    ttl = "Mr." if pt.p.sex == "M" else rng.choice(["Mrs.", "Ms."])
    d.t("  raw:    \"", D("title", ttl), " ", P("person_name", pt.p.first_last()), " is a ", P("age_over_89", str(pt.age)),
        " year old with ", D("condition", "a fib"), " on ", D("medication", "a pixaban"), " presenting with ...\"\n")
    d.t("  edited: \"... is a ", P("age_over_89", str(pt.age)), "-year-old with ", D("condition", "atrial fibrillation"),
        " on ", D("medication", "apixaban"), " presenting with ...\"\n")
    d.ln("")
    d.ln("Recommendation: add the formulary list to the custom vocabulary; re-measure next month.")
    return d


@tpl("clinical_note", "s")
def cn_s_unit_handoff(rng):
    d = Doc()
    charge, oncoming = staff(rng, 2)
    pt = Patient(rng, 90, 101)
    day = recent(rng)
    d.ln("5 North - charge nurse handoff, ", fdate(day, "us"), " 1900")
    d.ln("From: ", sname(charge), "  To: ", sname(oncoming))
    d.ln("")
    d.ln("Census %d/28, %d pending admits (ED), %d discharges done today." % (rng.randint(20, 28), rng.randint(0, 4), rng.randint(2, 9)))
    d.ln("Staffing: %d RNs, %d PCTs, 1 unit clerk until 2300. Float RN arrives 2300." % (rng.randint(5, 8), rng.randint(2, 4)))
    d.ln("Equipment: bladder scanner #2 back from biomed; telemetry box T-14 missing, security notified.")
    d.ln("Isolation: 3 contact, 1 droplet. Supplies for droplet restocked in the clean utility room.")
    d.ln("Codes/RRTs today: 1 RRT at 1420 (resolved, stayed on unit).")
    d.ln("")
    d.ln("Safety huddle items:")
    d.ln("- new IV pump library goes live tomorrow 0700; pumps must be docked overnight to receive it")
    d.ln("- reminder: two-RN verification for ", D("medication", "insulin"), " drips and PCA changes")
    d.ln("- hand hygiene audit %d%% last week, goal 95%%" % rng.randint(80, 97))
    d.ln("- CLABSI bundle checklist due on all central lines by 2200")
    d.ln("")
    d.ln("Pending tasks for night shift:")
    d.ln("- 3 admissions expected from ED after 2100, beds 507, 512, 520 cleaned and ready")
    d.ln("- 2 discharges delayed to the morning (awaiting rides)")
    d.ln("- restraint documentation q2h for one patient, order renewed at 1800")
    d.ln("- crash cart check not done on days, please complete")
    d.ln("")
    d.ln("Watch list:")
    d.t("- Rm ", rng.randint(501, 528), ": ", P("person_name", pt.p.first_last()), ", ", P("age_over_89", str(pt.age)),
        " y/o, high fall risk, bed alarm on, family at bedside until 2100\n")
    d.ln("- two patients on ", D("medication", "heparin"), " drips - next aPTT at 2200 and 0100")
    d.ln("- pharmacy: ", D("medication", "vancomycin"), " troughs due at 0530")
    d.ln("")
    d.ln("Nothing else outstanding. Pyxis count correct.")
    return d


@tpl("clinical_note", "s")
def cn_s_path_report(rng):
    d = Doc()
    path, surg = staff(rng, 2)
    pt = Patient(rng)
    coll = recent(rng)
    acc = "S%02d-%05d" % (coll.year % 100, rng.randint(100, 60000))
    d.ln("SURGICAL PATHOLOGY REPORT")
    d.ln("Accession: ", P("other_id", acc), "     Patient: ", P("person_name", pt.p.upper_last_first()))
    d.ln("Collected: ", P("date", fdate(coll, "us")), "     Submitting physician: ", dr(surg))
    d.ln("")
    d.ln("FINAL DIAGNOSIS")
    d.ln("A. Sigmoid colon, segmental resection:")
    d.ln("   - ", D("condition", "Invasive adenocarcinoma"), ", moderately differentiated, 3.2 cm.")
    d.ln("   - Tumor invades through the muscularis propria into pericolorectal tissue (pT3).")
    d.ln("   - Margins negative; closest (radial) 0.8 cm.")
    d.ln("   - Lymph nodes: 0/17 involved (pN0).")
    d.ln("   - Lymphovascular invasion: not identified. Perineural invasion: not identified.")
    d.ln("B. Additional distal margin: benign colonic mucosa.")
    d.ln("")
    d.ln("SYNOPTIC SUMMARY (CAP Colon Resection protocol, v4.3)")
    for k, v in [("Procedure", "Sigmoidectomy"), ("Tumor site", "Sigmoid colon"), ("Histologic type", "Adenocarcinoma"),
                 ("Histologic grade", "G2"), ("Tumor extent", "Invades pericolorectal tissue"), ("Tumor deposits", "Not identified"),
                 ("Mismatch repair", "MLH1, PMS2, MSH2, MSH6 intact"), ("pTNM", "pT3 pN0")]:
        d.ln("  %-20s %s" % (k + ":", v))
    d.ln("")
    d.ln("GROSS DESCRIPTION")
    d.ln("Received fresh labeled with the patient's name and 'sigmoid colon' is a segment of colon, 22.5 cm in length")
    d.ln("and 4.5 cm in average circumference. There is a circumferential, ulcerated mass 3.2 x 2.8 x 1.1 cm located")
    d.ln("6.0 cm from the distal margin. Representative sections submitted in cassettes A1-A18.")
    d.ln("")
    d.ln("MICROSCOPIC DESCRIPTION")
    d.ln("Sections show an invasive gland-forming neoplasm with complex cribriform architecture and dirty necrosis,")
    d.ln("extending through the muscularis propria. Seventeen lymph nodes are negative for metastatic carcinoma.")
    d.ln("")
    d.ln("Electronically signed out by ", sname(path), ", MD")
    return d


@tpl("clinical_note", "o")
def cn_o_soap(rng):
    d = Doc()
    prov = staff(rng)
    pt = Patient(rng, native=rng.random() < 0.6)
    dos = recent(rng)
    code, desc = rng.choice(ICD)
    nm = [P("person_name", pt.p.styled(rng))]
    if pt.p.native:
        nm += [" (", P("person_name", pt.p.native), ")"]
    d.ln("Name: ", nm, "   DOB: ", P("date", fdate(pt.dob, rdate_style(rng))), "   MRN: ", P("mrn", pt.mrn))
    d.ln("Date of service: ", P("date", fdate(dos, rng.choice(["us", "long", "iso"]))))
    d.ln("")
    d.ln("S: ", pt.age, "-year-old here for follow-up of ", D("condition", desc), ". Reports good adherence, occasional ",
         rng.choice(["dizziness", "ankle swelling", "fatigue", "heartburn"]), ".")
    d.ln("O: ", vitals(rng), ". Exam unremarkable except as noted.")
    d.ln("A: ", D("condition", desc), " (", D("diagnosis_code", code), "), ", rng.choice(["stable", "improving", "not at goal"]), ".")
    d.ln("P: continue ", med_line(rng), "; labs in 3 months; return in ", rng.choice(["6 weeks", "3 months", "6 months"]), ".")
    d.ln("")
    d.ln(sname(prov), ", ", rng.choice(["MD", "DO", "NP", "PA-C"]))
    return d


@tpl("clinical_note", "o")
def cn_o_hp_caps(rng):
    d = Doc()
    att = staff(rng)
    pt = Patient(rng, 60, 99)
    adm = recent(rng)
    code, desc = rng.choice(ICD)
    d.ln("ADMISSION HISTORY AND PHYSICAL")
    d.ln("PATIENT: ", P("person_name", pt.p.upper()), "  MR#: ", P("mrn", pt.mrn), "  ADMIT: ", P("date", fdate(adm, "us")))
    d.ln("")
    age = P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age)
    d.ln("CHIEF COMPLAINT: ", rng.choice(["SHORTNESS OF BREATH", "FALL AT HOME", "CONFUSION", "CHEST PAIN", "FEVER"]))
    d.ln("HPI: ", age, " YO ", "FEMALE" if pt.p.sex == "F" else "MALE", " WITH HX OF ", D("condition", desc.upper()),
         " BROUGHT IN BY ", rng.choice(["DAUGHTER", "EMS", "SON", "HUSBAND" if pt.p.sex == "F" else "WIFE"]),
         ". SYMPTOMS FOR %d DAYS." % rng.randint(1, 6))
    d.ln("PMH: ", D("condition", rng.choice(ICD)[1].upper()), ", ", D("condition", rng.choice(ICD)[1].upper()))
    m1, m2 = rng.sample(MEDS, 2)
    d.ln("MEDS: ", D("medication", m1[0].upper()), " ", m1[1].upper(), "; ", D("medication", m2[0].upper()), " ", m2[1].upper())
    d.ln("SOCIAL: LIVES AT ", P("street_address", pt.street_line().upper()), ", ", P("street_address", pt.city.upper()),
         rng.choice([" WITH SPOUSE", " WITH DAUGHTER", " ALONE", " WITH SON AND DAUGHTER-IN-LAW"]), ". NO TOBACCO.")
    d.ln("EXAM: ", vitals(rng, True))
    d.ln("ASSESSMENT/PLAN: ADMIT TO ", rng.choice(["MEDICINE", "TELEMETRY", "STEPDOWN"]), " FOR ", D("condition", desc.upper()),
         " (", D("diagnosis_code", code), ").")
    d.ln("")
    d.ln("ATTENDING: ", sname(att, "up"), ", MD")
    return d


@tpl("clinical_note", "o")
def cn_o_discharge_summary(rng):
    d = Doc()
    att, pcp = staff(rng, 2)
    pt = Patient(rng)
    rel = relative_of(rng, pt.p)
    adm = recent(rng)
    dis = adm + dt.timedelta(days=rng.randint(2, 12))
    code, desc = rng.choice(ICD)
    fac = rng.choice(FACILITIES)
    d.ln("Discharge Summary - ", D("facility", fac[0]))
    d.ln("Patient: ", P("person_name", pt.p.with_middle()), "  (", P("mrn", pt.mrn), ")")
    d.ln("Admitted: ", P("date", fdate(adm, "long")), "   Discharged: ", P("date", fdate(dis, "long")))
    d.ln("Attending: ", dr(att), "   PCP: ", dr(pcp))
    d.ln("")
    d.ln("Principal diagnosis: ", D("condition", desc), " (", D("diagnosis_code", code), ")")
    d.ln("Hospital course: treated with ", D("medication", rng.choice(["IV ceftriaxone", "IV furosemide", "prednisone", "heparin"])),
         ", improved clinically, ambulating independently at discharge.")
    d.ln("Discharge medications:")
    for m in rng.sample(MEDS, 3):
        d.ln("  - ", med_line(rng, m))
    d.ln("Follow-up: PCP within 7 days. Patient's ", relation(rng, pt.p, rel), " ",
         P("person_name", rel.first_last()), " will drive; contact ", P("phone", rphone(rng, pt.area)), ".")
    return d


@tpl("clinical_note", "o")
def cn_o_ed_triage_typos(rng):
    d = Doc()
    rn = staff(rng)
    pt = Patient(rng)
    t = rtime(rng)
    d.ln("ED TRIAGE  ", t.strftime("%m/%d %H%M"))
    d.ln(rng.choice(["pt nm", "Pt name", "PT NAME", "patient nm"]), ": ", P("person_name", pt.p.styled(rng, ("lf", "fl", "up", "low"))))
    d.ln(rng.choice(["DOB -", "d.o.b", "D.O.B.:", "dob:", "DOB-"]), " ", P("date", fdate(pt.dob, rdate_style(rng))))
    d.ln(rng.choice(["ph#", "phone:", "cb#", "tel"]), " ", P("phone", pt.phone(rng)))
    d.ln("arrvd via: ", rng.choice(["POV", "EMS", "walk-in", "wheelchair"]), "   acuity: ESI ", rng.randint(2, 4))
    d.ln("cc: ", rng.choice(["abd pain x2d", "lac L hand", "SOB", "dizzy, near syncope", "fall, R hip pain"]))
    d.ln("vs: ", vitals(rng))
    d.ln("allergies: ", rng.choice(["NKDA", "PCN (rash)", "sulfa", "latex"]))
    d.ln("meds: ", D("medication", rng.choice(MEDS)[0]), ", ", D("medication", rng.choice(MEDS)[0]))
    d.ln("triage rn: ", sname(rn))
    return d


@tpl("clinical_note", "o")
def cn_o_death_pronouncement(rng):
    d = Doc()
    res = staff(rng)
    pt = Patient(rng, 88, 104)
    t = rtime(rng)
    rel = relative_of(rng, pt.p)
    d.ln("DEATH PRONOUNCEMENT NOTE")
    d.ln("")
    d.ln("Called by RN to evaluate ", P("person_name", pt.p.first_last()), " (MRN ", P("mrn", pt.mrn), "), ",
         P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age), "-year-old on comfort care for ",
         D("condition", rng.choice(["metastatic lung cancer", "end-stage heart failure", "advanced dementia"])), ".")
    d.ln("No spontaneous respirations, no heart sounds for 60 seconds, pupils fixed and dilated.")
    d.ln("Time of death: ", P("date", t.strftime("%m/%d/%Y")), " at ", t.strftime("%H:%M"), ".")
    d.ln("Family (", relation(rng, pt.p, rel), ", ", P("person_name", rel.first_last()), ") at bedside, notified.")
    if rng.random() < 0.5:
        d.ln("Medical examiner notified, case # ", P("other_id", "ME-%d-%05d" % (t.year, rng.randint(1, 9999))), "; ME declined jurisdiction.")
    else:
        d.ln("Medical examiner not required per criteria. Autopsy declined by family.")
    d.ln("Attending notified. ", sname(res), ", MD (resident)")
    return d


# ===========================================================================
# csv_claims
# ===========================================================================


def rnpi(rng):
    while True:
        body = "1" + digits(rng, 8)
        tot = 24  # the 80840 prefix contributes 24 to the Luhn sum
        for i, ch in enumerate(reversed(body)):
            n = int(ch)
            if i % 2 == 0:
                n *= 2
                if n > 9:
                    n -= 9
            tot += n
        v = body + str((10 - tot % 10) % 10)
        if v != "1234567893":
            return v


def money(rng, lo=40, hi=9000):
    return "%d.%02d" % (rng.randint(lo, hi), rng.randint(0, 99))


@tpl("csv_claims", "s")
def cc_s_test_rows_one_real(rng):
    d = Doc()
    author = staff(rng)
    pt = Patient(rng)
    d.ln("# claims_regression_input.csv - synthetic members only (TESTMBR range); owner ", D("person_name", author.handle()))
    d.ln("claim_id,member_id,patient_name,dob,dos,cpt,icd10,billed,expected_status")
    n = rng.randint(10, 16)
    k = rng.randint(3, n - 2)
    for i in range(n):
        cpt = rng.choice(CPT)[0]
        icd = rng.choice(ICD)[0]
        if i == k:
            dos = recent(rng)
            d.ln(P("other_id", rclaim(rng, dos)), ",", P("health_plan_id", pt.member), ",\"", P("person_name", pt.p.last_first()), "\",",
                 P("date", fdate(pt.dob, "us")), ",", P("date", fdate(dos, "us")), ",", D("procedure_code", cpt), ",",
                 D("diagnosis_code", icd), ",", money(rng), ",PAID")
        else:
            v = test_row_values(rng, i)
            d.ln("TESTCLM%05d" % (i + 1), ",", v["member"], ",\"", v["name"], "\",", v["dob"], ",", D("date", "01/%02d/2026" % (i + 1)), ",",
                 D("procedure_code", cpt), ",", D("diagnosis_code", icd), ",", money(rng), ",",
                 rng.choice(["PAID", "DENIED", "PENDED", "PAID"]))
    return d


@tpl("csv_claims", "s")
def cc_s_summary_with_exception(rng):
    d = Doc()
    analyst = staff(rng)
    pt = Patient(rng)
    month = recent(rng)
    d.ln("Monthly claims summary - ", MONTHS[month.month - 1], " ", month.year, " (generated ", rtime(rng).strftime("%Y-%m-%d %H:%M"), ")")
    d.ln("")
    d.ln("payer,claims_submitted,claims_paid,claims_denied,billed_total,paid_total,denial_rate,avg_days_to_pay")
    for payer, _ in PAYERS:
        sub = rng.randint(400, 9000)
        den = rng.randint(10, sub // 6)
        d.ln("\"", payer, "\",", sub, ",", sub - den - rng.randint(0, 40), ",", den, ",", money(rng, 100000, 9000000), ",",
             money(rng, 50000, 6000000), ",", "%.1f%%" % (100.0 * den / sub), ",", rng.randint(9, 48))
    d.ln("")
    d.ln("by_place_of_service,claims,billed_total")
    for pos, name in [("11", "Office"), ("21", "Inpatient"), ("22", "Outpatient hospital"), ("23", "Emergency room"), ("81", "Independent lab")]:
        d.ln(pos, " ", name, ",", rng.randint(100, 8000), ",", money(rng, 10000, 4000000))
    d.ln("")
    d.ln("exceptions (manual review required): 1")
    d.ln("claim_id,member_id,patient,dos,reason")
    dos = recent(rng)
    d.ln(P("other_id", rclaim(rng, dos)), ",", P("health_plan_id", pt.member), ",", P("person_name", pt.p.upper_last_first().replace(",", "")),
         ",", P("date", fdate(dos, "iso")), ",billed amount > 10x fee schedule")
    d.ln("")
    d.ln("prepared by ", sname(analyst))
    return d


@tpl("csv_claims", "s")
def cc_s_etl_error_log(rng):
    d = Doc()
    pt = Patient(rng)
    t = rtime(rng)
    clk = Clock(rng, t)
    d.ln("*** Reading local file: /opt/airflow/logs/dag_id=claims_837_ingest/run_id=scheduled__", t.strftime("%Y-%m-%dT%H:00:00+00:00"),
         "/task_id=load_csv/attempt=1.log")
    n = rng.randint(30, 48)
    k = rng.randint(12, n - 6)
    tasks = ["validate_header", "load_csv", "dedupe", "load_csv", "load_csv"]
    rows = 0
    for i in range(n):
        st = "[" + clk.stamp("iso", 0.3, 9) + "]"
        if i == k:
            dos = recent(rng, end=t.date() - dt.timedelta(days=3))
            d.t(st, " {loader.py:212} ERROR - row ", rows + 17, " rejected (NPI checksum): ",
                P("other_id", rclaim(rng, dos)), "|", P("health_plan_id", pt.member), "|", P("person_name", pt.p.hl7(True)), "|",
                P("date", fdate(pt.dob, "hl7")), "|", P("date", fdate(dos, "hl7")), "|", D("procedure_code", rng.choice(CPT)[0]), "|",
                D("other_id", "1%s" % digits(rng, 9)), "\n")
            continue
        r = rng.random()
        if r < 0.5:
            rows += rng.randint(500, 5000)
            d.ln(st, " {loader.py:188} INFO - batch committed, rows=", rows)
        elif r < 0.65:
            d.ln(st, " {taskinstance.py:1157} INFO - Dependencies all met for <TaskInstance: claims_837_ingest.",
                 rng.choice(tasks), " ", ruuid(rng)[:8], " [running]>")
        elif r < 0.8:
            d.ln(st, " {s3.py:91} INFO - fetched s3://rcm-landing/837/", t.strftime("%Y/%m/%d"), "/part-", "%05d" % rng.randint(0, 300),
                 ".csv (", rng.randint(100, 9000), " KiB)")
        elif r < 0.9:
            d.ln(st, " {pool.py:64} WARNING - connection to ", server_ip(rng), ":5432 slow (", rng.randint(800, 4000), " ms)")
        else:
            d.ln(st, " {loader.py:140} INFO - schema version ", rversion(rng), ", delimiter '|'")
    d.ln("[", clk.stamp(), "] {taskinstance.py:1400} INFO - Marking task as SUCCESS. rejected_rows=1")
    return d


@tpl("csv_claims", "s")
def cc_s_denial_reference(rng):
    d = Doc()
    analyst = staff(rng)
    pt = Patient(rng)
    d.ln("carc_code,group,description,count_q%d,amount_q%d,top_payer,sample_claim" % ((rng.randint(1, 4),) * 2))
    carcs = [("CO-16", "Claim lacks information needed for adjudication"), ("CO-97", "Payment included in another service"),
             ("PR-1", "Deductible amount"), ("PR-2", "Coinsurance amount"), ("CO-45", "Charge exceeds fee schedule"),
             ("CO-50", "Non-covered: not deemed a medical necessity"), ("CO-29", "Time limit for filing has expired"),
             ("OA-23", "Impact of prior payer adjudication"), ("CO-197", "Precertification/authorization absent"),
             ("CO-11", "Diagnosis inconsistent with procedure")]
    k = rng.randrange(len(carcs))
    for i, (code, desc) in enumerate(carcs):
        grp = code.split("-")[0]
        d.t(code, ",", grp, ",\"", desc, "\",", rng.randint(5, 3000), ",", money(rng, 1000, 900000), ",\"", rng.choice(PAYERS)[0], "\",")
        if i == k:
            d.t(P("other_id", rclaim(rng)), " (", P("person_name", pt.p.last_first().replace(",", "")), ")")
        d.ln("")
    d.ln("")
    d.ln("rarc_code,description,count")
    for code, desc in [("N290", "Missing/incomplete/invalid rendering provider primary identifier"),
                       ("MA130", "Claim contains incomplete and/or invalid information"),
                       ("N30", "Patient ineligible for this service"), ("M15", "Separately billed services have been bundled"),
                       ("N381", "Consult our contractual agreement for restrictions/billing/payment information"),
                       ("MA04", "Secondary payment cannot be considered without the identity of the primary payer")]:
        d.ln(code, ",\"", desc, "\",", rng.randint(3, 900))
    d.ln("")
    d.ln("# export by ", sname(analyst), "; sample_claim left blank unless a denial was reviewed manually")
    return d


@tpl("csv_claims", "s")
def cc_s_jira_recon(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "RCM"), "835 remit totals do not match bank deposit for %s" % rng.choice(PAYERS)[0], rep, asg, t,
              typ="Task", comps="Remittance")
    dep = rng.randint(80000, 600000)
    diff = rng.randint(80, 4000)
    d.b("""
        EFT trace §trace§ deposited $§dep§.00 but the 835 (ISA13 §isa§) totals $§tot§.00. Difference $§diff§.00.

        Reconciliation so far:
        ||batch||claims||paid||
        |A (BPR02)|§c1§|§p1§|
        |B|§c2§|§p2§|
        |PLB adjustments|n/a|-§plb§|

        """, trace="1%s" % digits(rng, 14), dep=dep, isa="%09d" % rng.randint(1, 999999999), tot=dep + diff, diff=diff,
        c1=rng.randint(100, 900), p1=money(rng, 10000, 300000), c2=rng.randint(50, 400), p2=money(rng, 10000, 200000),
        plb=money(rng, 10, 5000))
    d.t("The difference is exactly one claim: ", P("other_id", rclaim(rng)), ", patient account ",
        P("account_number", pt.acct), " - paid in the 835 but reversed (CLP02=22) in a later file.\n")
    d.ln("Proposal: post the reversal, re-run the match. ", sname(asg), " to confirm with the payer.")
    d.ln("")
    d.ln("Matcher job output (remit-recon, run ", ruuid(rng)[:8], "):")
    d.ln("{noformat}")
    clk = Clock(rng, t - dt.timedelta(hours=2))
    for step in ["loading 835 files from sftp://edi-in/", "parsed %d CLP loops" % rng.randint(400, 1400),
                 "matched %d claims to open AR" % rng.randint(380, 1300), "unmatched claims: 1",
                 "PLB: %d adjustments, total -%s" % (rng.randint(1, 9), money(rng, 10, 5000)),
                 "EFT lookup: trace found, deposit date %s" % recent(rng).isoformat(),
                 "variance detected; report written to /reports/recon/%s.csv" % ruuid(rng)[:8],
                 "done in %d s" % rng.randint(20, 400)]:
        d.ln(clk.stamp("iso", 1, 30), " INFO  RemitRecon - ", step)
    d.ln("{noformat}")
    d.ln("")
    tech_comments(d, rng, [rep, asg], t)
    return d


@tpl("csv_claims", "o")
def cc_o_837_lines(rng):
    d = Doc()
    npis = [rnpi(rng) for _ in range(3)]
    d.ln("claim_id,member_id,last_name,first_name,dob,sex,dos,cpt,icd10_1,icd10_2,rendering_npi,billed")
    for _ in range(rng.randint(6, 11)):
        pt = Patient(rng)
        dos = recent(rng)
        d.ln(P("other_id", rclaim(rng, dos)), ",", P("health_plan_id", pt.member), ",", P("person_name", pt.p.family), ",",
             P("person_name", pt.p.given), ",", P("date", fdate(pt.dob, "iso")), ",", pt.p.sex, ",", P("date", fdate(dos, "iso")), ",",
             D("procedure_code", rng.choice(CPT)[0]), ",", D("diagnosis_code", rng.choice(ICD)[0]), ",",
             D("diagnosis_code", rng.choice(ICD)[0]), ",", D("other_id", rng.choice(npis)), ",", money(rng))
    return d


@tpl("csv_claims", "o")
def cc_o_835_pipe(rng):
    d = Doc()
    d.ln("PAYER|CHECK_NO|PATIENT|PAT_ACCT|CLAIM_NO|DOS|BILLED|ALLOWED|PAID|PT_RESP|CARC")
    payer = rng.choice(PAYERS)[0].upper()
    chk = "%d" % rng.randint(10 ** 7, 10 ** 8)
    for _ in range(rng.randint(6, 10)):
        pt = Patient(rng)
        dos = recent(rng)
        b = rng.randint(100, 5000)
        a = int(b * rng.uniform(0.3, 0.9))
        p = int(a * rng.uniform(0.6, 1.0))
        d.ln(payer, "|", chk, "|", P("person_name", pt.p.hl7(True).replace("^", ",", 1).replace("^", " ")), "|",
             P("account_number", pt.acct), "|", P("other_id", rclaim(rng, dos)), "|", P("date", fdate(dos, "hl7")), "|",
             b, ".00|", a, ".00|", p, ".00|", a - p, ".00|", rng.choice(["", "PR-2", "PR-1", "CO-45", "PR-3"]))
    return d


@tpl("csv_claims", "o")
def cc_o_ub04_semicolon(rng):
    d = Doc()
    d.ln("Patient Control No;MBI;Patient Name;Birth Date;Admission;Discharge;Type of Bill;DRG;Principal Dx;Total Charges")
    for _ in range(rng.randint(5, 9)):
        pt = Patient(rng, 65, 99)
        adm = recent(rng)
        dis = adm + dt.timedelta(days=rng.randint(1, 14))
        d.ln(P("account_number", pt.acct), ";", P("medicare_mbi", pt.mbi), ";", P("person_name", pt.p.upper_last_first()), ";",
             P("date", fdate(pt.dob, "dot")), ";", P("date", fdate(adm, "dot")), ";", P("date", fdate(dis, "dot")), ";",
             rng.choice(["111", "0111", "121"]), ";", rng.choice(["291", "193", "470", "871", "683"]), ";",
             D("diagnosis_code", rng.choice(ICD)[0]), ";", money(rng, 4000, 90000).replace(".", ","))
    return d


@tpl("csv_claims", "o")
def cc_o_pharmacy_claims(rng):
    d = Doc()
    d.ln("rx_claim_id\tmember_id\tmember_name\tdob\tfill_date\tndc\tdrug\tqty\tdays_supply\tpharmacy_npi\tplan_paid")
    for _ in range(rng.randint(6, 10)):
        pt = Patient(rng)
        fill = recent(rng)
        med = rng.choice(MEDS)[0]
        d.ln(P("other_id", "RX%s" % digits(rng, 11)), "\t", P("health_plan_id", pt.member), "\t", P("person_name", pt.p.first_last()),
             "\t", P("date", fdate(pt.dob, "us")), "\t", P("date", fdate(fill, "us")), "\t", D("drug_code", rng.choice(NDC)), "\t",
             D("medication", med), "\t", rng.choice([30, 60, 90, 180]), "\t", rng.choice([30, 90]), "\t", D("other_id", rnpi(rng)),
             "\t", money(rng, 2, 900))
    return d


@tpl("csv_claims", "o")
def cc_o_quoted_lastfirst(rng):
    d = Doc()
    d.ln('"Subscriber","Member ID","DOB","Address","City","State","ZIP","Phone","Claim","Service Date","Amount"')
    for _ in range(rng.randint(5, 8)):
        pt = Patient(rng)
        dos = recent(rng)
        d.ln('"', P("person_name", pt.p.last_first()), '","', P("health_plan_id", pt.member), '","', P("date", fdate(pt.dob, "us_short")),
             '","', P("street_address", pt.street_line()), '","', P("street_address", pt.city), '","', D("state", pt.state), '","',
             P("zip_code", rzip(rng, pt.zip[:3], True)), '","', P("phone", pt.phone(rng, ["paren", "dash"])), '","',
             P("other_id", rclaim(rng, dos)), '","', P("date", fdate(dos, "us_short")), '","$', money(rng), '"')
    return d


# ===========================================================================
# patient_email
# ===========================================================================


def mail_date(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S -0500")


def outlook_sent(t):
    return "%s, %s %d, %d %d:%02d %s" % (t.strftime("%A"), MONTHS[t.month - 1], t.day, t.year, (t.hour % 12) or 12, t.minute,
                                         "AM" if t.hour < 12 else "PM")


def staff_addr(s, fac):
    return [sname(s), " <", D("staff_contact", staff_email(s, fac)), ">"]


@tpl("patient_email", "s")
def pe_s_forwarded_infra_thread(rng):
    """An IT thread about a results-interface outage; only the forwarded clinic message names the patient."""
    d = Doc()
    fac = rng.choice(FACILITIES)
    it1, it2, it3, clinic = staff(rng, 4)
    pt = Patient(rng)
    t0 = rtime(rng)
    t1 = t0 + dt.timedelta(hours=rng.randint(1, 5))
    t2 = t1 + dt.timedelta(minutes=rng.randint(10, 90))
    d.ln("From: ", staff_addr(it1, fac))
    d.ln("To: ", staff_addr(it2, fac), "; ", staff_addr(it3, fac))
    d.ln("Date: ", D("date", mail_date(t2)))
    d.ln("Subject: RE: FW: results not crossing to portal since the cert renewal")
    d.ln("")
    d.b("""
        Found it. The renewed certificate on the results API gateway (§host§) only has the new SAN, the portal still
        calls the old hostname. TLS handshake fails, the portal job logs "PKIX path building failed" and skips the batch.

        Options:
        1. reissue the certificate with both SANs (needs CA ticket, ~1 day)
        2. point the portal job to the new hostname (config change, needs a restart at night)

        I'd do 2 tonight and 1 anyway. Backlog is about §n§ results, they will flow once the job runs.

        """, host="results-gw-%02d.%s (%s)" % (rng.randint(1, 4), fac[2], server_ip(rng)), n=rng.randint(800, 9000))
    signature(d, rng, it1, fac, "Integration Engineer")
    d.ln("")
    d.ln("-----Original Message-----")
    d.ln("From: ", staff_addr(it2, fac))
    d.ln("Sent: ", D("date", outlook_sent(t1)))
    d.ln("To: ", staff_addr(it1, fac))
    d.ln("Subject: FW: results not crossing to portal since the cert renewal")
    d.ln("")
    d.ln("Can you look at this? Clinic says it is not the first one this week. Forwarding as received.")
    d.ln("")
    d.ln("-----Original Message-----")
    d.ln("From: ", staff_addr(clinic, fac))
    d.ln("Sent: ", D("date", outlook_sent(t0)))
    d.ln("To: Service Desk <", D("staff_contact", "servicedesk@" + fac[2]), ">")
    d.ln("Subject: results not crossing to portal since the cert renewal")
    d.ln("")
    d.t("Hi, pt ", P("person_name", pt.p.first_last()), " MRN ", P("mrn", pt.mrn),
        " called - her labs from Monday are final in the chart but she can't see them in the portal. Same for a couple of others.\n"
        if pt.p.sex == "F" else
        " called - his labs from Monday are final in the chart but he can't see them in the portal. Same for a couple of others.\n")
    d.ln("Thanks, ", D("person_name", clinic.given))
    return d


@tpl("patient_email", "s")
def pe_s_bounce(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    pt = Patient(rng)
    appt = rtime(rng)
    sent = appt - dt.timedelta(days=rng.randint(2, 7))
    qid = rhash(rng, 10).upper()
    d.ln("From: Mail Delivery Subsystem <MAILER-DAEMON@mx%d.%s>" % (rng.randint(1, 3), fac[2]))
    d.ln("To: <no-reply@", fac[2], ">")
    d.ln("Date: ", D("date", mail_date(sent + dt.timedelta(minutes=2))))
    d.ln("Subject: Undelivered Mail Returned to Sender")
    d.ln("Auto-Submitted: auto-replied")
    d.ln("Content-Type: multipart/report; report-type=delivery-status; boundary=\"", qid, ".", rng.randint(10 ** 9, 10 ** 10), "\"")
    d.ln("")
    d.ln("This is the mail system at host mx%d.%s." % (rng.randint(1, 3), fac[2]))
    d.ln("")
    d.ln("I'm sorry to have to inform you that your message could not")
    d.ln("be delivered to one or more recipients. It's attached below.")
    d.ln("")
    d.ln("                   The mail system")
    d.ln("")
    d.ln("<", P("email", pt.email), ">: host ", rng.choice(["gmail-smtp-in.l.google.com", "mta7.am0.yahoodns.net",
                                                            "outlook-com.olc.protection.outlook.com"]),
         "[", public_ip(rng), "] said: 550 5.1.1 The email account that you tried to reach does not exist. (in reply to RCPT TO command)")
    d.ln("")
    d.ln("Reporting-MTA: dns; mx%d.%s" % (rng.randint(1, 3), fac[2]))
    d.ln("X-Postfix-Queue-ID: ", qid)
    d.ln("Arrival-Date: ", mail_date(sent))
    d.ln("")
    d.ln("Final-Recipient: rfc822; ", P("email", pt.email))
    d.ln("Action: failed")
    d.ln("Status: 5.1.1")
    d.ln("Diagnostic-Code: smtp; 550 5.1.1 user unknown")
    d.ln("")
    d.ln("--- original message headers ---")
    d.ln("Received: from app-notify-%02d (%s) by mx1.%s (Postfix) with ESMTPS id %s" % (rng.randint(1, 9), server_ip(rng), fac[2], qid))
    d.ln("Message-ID: <", ruuid(rng), "@notify.", fac[2], ">")
    d.ln("Subject: Reminder: your appointment on ", P("date", fdate(appt, rng.choice(["long", "us"]))), " at ",
         appt.strftime("%I:%M %p").lstrip("0"))
    d.ln("X-Template: appt-reminder-v7")
    return d


@tpl("patient_email", "s")
def pe_s_newsletter_reply(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    pt = Patient(rng, native=rng.random() < 0.5)
    t = rtime(rng)
    d.ln("From: ", P("person_name", pt.p.first_last()), " <", P("email", pt.email), ">")
    d.ln("To: news@", fac[2])
    d.ln("Date: ", D("date", mail_date(t)))
    d.ln("Subject: Re: Your ", MONTHS[t.month - 1], " health newsletter")
    d.ln("")
    d.ln("Please take me off this list, I already asked at the front desk. Thank you.")
    d.ln(P("person_name", pt.p.native) if pt.p.native else P("person_name", pt.p.given))
    d.ln("")
    d.ln("On ", (t - dt.timedelta(days=2)).strftime("%a, %b %d, %Y"), ", ", D("facility", fac[0]), " <news@", fac[2], "> wrote:")
    d.ln("> ", D("facility", fac[0].upper()), " | COMMUNITY HEALTH NEWS")
    body = [
        ">",
        "> Flu and COVID vaccines are here",
        "> Walk-in vaccine clinics run Tuesdays and Thursdays, 8 am to 6 pm, at all primary care sites.",
        "> Adults 65 and older should ask about the high-dose flu vaccine.",
        ">",
        "> Five tips for a healthier heart",
        "> 1. Move for 30 minutes most days - walking counts.",
        "> 2. Know your numbers: blood pressure, cholesterol and blood sugar.",
        "> 3. Fill half your plate with vegetables and fruit.",
        "> 4. Limit salt; most of it comes from packaged food.",
        "> 5. If you smoke, our quit line can help.",
        ">",
        "> New: evening hours in pediatrics",
        "> Our pediatric clinic is now open until 8 pm on Mondays and Wednesdays.",
        ">",
        "> Ask the pharmacist",
        "> Q: Can I take ibuprofen with my blood pressure medicine?",
        "> A: Sometimes, but check first - some pain relievers raise blood pressure.",
        ">",
        "> You are receiving this because you opted in at a visit. Unsubscribe: https://news." + fac[2] + "/u/" + rhash(rng, 16),
    ]
    for line in body:
        d.ln(line)
    return d


@tpl("patient_email", "s")
def pe_s_reminder_digest(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    owner = staff(rng)
    pt = Patient(rng)
    day = recent(rng)
    d.ln("From: reminders-bot@", fac[2])
    d.ln("To: ", staff_addr(owner, fac))
    d.ln("Date: ", D("date", mail_date(rtime(rng, day))))
    d.ln("Subject: [digest] appointment reminder run ", day.isoformat())
    d.ln("")
    d.ln("Run id: ", ruuid(rng))
    d.ln("Started: ", day.isoformat(), " 06:00:02   Finished: ", day.isoformat(), " 06:%02d:%02d" % (rng.randint(4, 40), rng.randint(0, 59)))
    d.ln("")
    sms = rng.randint(2000, 9000)
    em = rng.randint(1000, 6000)
    d.ln("channel   queued   sent    delivered   failed   opted-out")
    d.ln("sms       %-6d   %-6d  %-9d   %-6d   %d" % (sms, sms - 3, sms - rng.randint(20, 90), rng.randint(1, 40), rng.randint(0, 20)))
    d.ln("email     %-6d   %-6d  %-9d   %-6d   %d" % (em, em, em - rng.randint(10, 80), rng.randint(1, 30), rng.randint(0, 10)))
    d.ln("voice     %-6d   %-6d  %-9d   %-6d   %d" % (300, 298, rng.randint(200, 290), rng.randint(1, 20), 0))
    d.ln("")
    d.ln("Carrier errors by code: 30003 (unreachable) %d, 30005 (unknown number) %d, 30007 (filtered) %d" %
         (rng.randint(1, 30), rng.randint(1, 12), rng.randint(0, 5)))
    d.ln("")
    d.ln("By department (sms+email+voice):")
    d.ln("dept        reminders   confirmed   cancelled   no reply")
    for dept in ["PCP-NORTH", "PCP-WEST", "CARDIOLOGY", "ORTHO", "DERM", "IMAGING", "LAB-DRAW", "PEDS"]:
        n = rng.randint(100, 1500)
        c = rng.randint(n // 3, n - 20)
        x = rng.randint(0, 40)
        d.ln("%-11s %-11d %-11d %-11d %d" % (dept, n, c, x, n - c - x))
    d.ln("")
    d.ln("Templates: appt-reminder-v7 (en, es, vi, so, ar), prep-instructions-v3 (imaging, GI)")
    d.ln("Quiet hours respected: yes (no sends 21:00-08:00 local)")
    d.ln("Warnings: %d messages over 160 characters split into 2 segments; 1 template missing Somali translation" % rng.randint(10, 300))
    d.ln("")
    appt = rtime(rng, day + dt.timedelta(days=rng.randint(1, 3)))
    d.ln("Escalated for manual call (landline flagged as mobile, 3 consecutive failures):")
    d.ln("  ", P("phone", pt.phone(rng, ["intl", "plain", "intl_dash"])), "  appt ", P("date", appt.strftime("%Y-%m-%d")), " ",
         appt.strftime("%H:%M"), "  ", D("facility", fac[1]), "-", rng.choice(["CARD", "PCP", "ORTHO", "DERM"]))
    d.ln("")
    d.ln("Dashboard: https://reminders.", fac[2], "/runs/", day.isoformat())
    return d


@tpl("patient_email", "s")
def pe_s_vendor_thread(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    ours, vendor = staff(rng, 2)
    pt = Patient(rng)
    t = rtime(rng)
    vdom = rng.choice(["medlinkvendor.com", "cloudrx-support.io", "imagingpartners.net"])
    d.ln("From: ", sname(vendor), " <", D("staff_contact", "%s@%s" % (vendor.handle(), vdom)), ">")
    d.ln("To: ", staff_addr(ours, fac))
    d.ln("Date: ", D("date", mail_date(t)))
    d.ln("Subject: RE: Case ", rng.randint(100000, 999999), " - duplicate orders after upgrade")
    d.ln("")
    d.b("""
        Hi §g§,

        Engineering confirmed the duplicate orders come from the retry logic in build §b§: when your engine returns
        the ACK after 30 s we resend, and the order arrives twice. Build §b2§ (released today) waits for the ACK
        before retrying. We recommend upgrading the interface node first, then the app servers.

        Also, a request: please avoid sending patient identifiers in case comments, our portal is not approved for PHI.
        We have scrubbed the earlier comment.

        Regards,
        §vname§
        Tier 3 Support

        > On §qd§, §oname§ wrote:
        """, g=D("person_name", ours.given), b=rbuild(rng), b2=rbuild(rng), vname=sname(vendor),
        qd=(t - dt.timedelta(days=1)).strftime("%a %b %d, %Y"), oname=sname(ours))
    d.ln("> Still happening. Latest example this morning: ", P("person_name", pt.p.upper_last_first()), ", DOB ",
         P("date", fdate(pt.dob, rng.choice(["us", "iso"]))), ", two identical CT orders 40 seconds apart.")
    d.ln("> Order numbers ", D("other_id", "%d" % rng.randint(10 ** 6, 10 ** 7)), " and ", D("other_id", "%d" % rng.randint(10 ** 6, 10 ** 7)), ".")
    d.ln(">")
    d.ln("> > On an earlier date the vendor wrote:")
    d.ln("> > Can you send the interface logs for the time window (UTC) and the engine version?")
    return d


@tpl("patient_email", "o")
def pe_o_refill_request(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    pt = Patient(rng, native=rng.random() < 0.6)
    t = rtime(rng)
    med = rng.choice(MEDS)
    doc = staff(rng)
    d.ln("From: ", P("email", pt.email))
    d.ln("To: refills@", fac[2])
    d.ln("Date: ", D("date", mail_date(t)))
    d.ln("Subject: refill ", D("medication", med[0]))
    d.ln("")
    d.ln(rng.choice(["Hello", "Hi", "Good morning"]), ",")
    d.ln("I need a refill of my ", D("medication", med[0]), " (", med[1], "). ", dr(doc), " is my doctor.")
    d.ln("My name is ", P("person_name", pt.p.styled(rng, ("fl", "mid"))), ", ", rng.choice(["date of birth", "DOB", "born"]), " ",
         P("date", fdate(pt.dob, rdate_style(rng))), ".")
    d.ln("Please send it to the pharmacy on ", rng.choice(["Main St", "the corner of 5th and Oak", "Route 9"]),
         ". You can call me at ", P("phone", pt.phone(rng)), " if there is a problem.")
    d.ln("")
    d.ln("Thank you,")
    if pt.p.native:
        d.ln(P("person_name", pt.p.native), " (", P("person_name", pt.p.first_last()), ")")
    else:
        d.ln(P("person_name", pt.p.first_last()))
    return d


@tpl("patient_email", "o")
def pe_o_daughter_request(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    pt = Patient(rng, 88, 101, sex="M")
    dau = relative_of(rng, pt.p, "F")
    demail = remail(rng, dau)
    t = rtime(rng)
    d.ln("From: ", P("person_name", dau.first_last()), " <", P("email", demail), ">")
    d.ln("To: Patient Relations <patientrelations@", fac[2], ">")
    d.ln("Date: ", D("date", mail_date(t)))
    d.ln("Subject: My father - transport and records")
    d.ln("")
    d.ln("Dear Patient Relations,")
    d.ln("")
    age = P("age_over_89", str(pt.age)) if pt.age >= 90 else str(pt.age)
    d.ln("My father, ", P("person_name", pt.p.with_middle()), ", is ", age, " and was discharged on ",
         P("date", fdate(t.date() - dt.timedelta(days=rng.randint(2, 20)), "long")), ". The discharge papers list his old address. He now lives with me at ",
         P("street_address", pt.street_line()), ", ", P("street_address", pt.city), ", ", D("state", pt.state), " ",
         P("zip_code", pt.zip), ".")
    d.ln("Could you update the address and mail a copy of the discharge summary there? His MRN is ", P("mrn", pt.mrn), ".")
    d.ln("")
    d.ln("Best regards,")
    d.ln(P("person_name", dau.first_last()))
    d.ln(P("phone", rphone(rng, pt.area)))
    return d


@tpl("patient_email", "o")
def pe_o_appointment_confirmation(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    prov = staff(rng)
    pt = Patient(rng)
    appt = rtime(rng)
    tok = rhash(rng, 12)
    d.ln("From: ", D("facility", fac[0]), " <no-reply@", fac[2], ">")
    d.ln("To: ", P("email", pt.email))
    d.ln("Date: ", D("date", mail_date(appt - dt.timedelta(days=3))))
    d.ln("Subject: Appointment confirmed")
    d.ln("")
    d.ln("Dear ", P("person_name", pt.p.given), ",")
    d.ln("")
    d.ln("Your appointment with ", dr(prov), " is confirmed for ", P("date", fdate(appt, "long")), " at ",
         appt.strftime("%I:%M %p").lstrip("0"), ".")
    d.ln("Location: ", D("facility", fac[0]), ", ", rng.choice(["Building B, 2nd floor", "Suite 210", "Main lobby check-in"]))
    d.ln("")
    d.ln("Check in online: ", P("url", "https://portal.%s/checkin?patient=%s&appt=%d&t=%s" % (fac[2], pt.mrn, rng.randint(10 ** 6, 10 ** 7), tok)))
    d.ln("")
    d.ln("To cancel, reply CANCEL or call ", D("staff_contact", fac[3]), ".")
    return d


@tpl("patient_email", "o")
def pe_o_spanish(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    pt = Patient(rng, culture=rng.choice(["mexican", "puerto_rican", "spanish", "basque"]))
    t = rtime(rng)
    d.ln("De: ", P("person_name", pt.p.first_last()), " <", P("email", pt.email), ">")
    d.ln("Para: citas@", fac[2])
    d.ln("Fecha: ", D("date", t.strftime("%d/%m/%Y %H:%M")))
    d.ln("Asunto: cambio de cita")
    d.ln("")
    d.ln("Buenas tardes,")
    cita = t.date() + dt.timedelta(days=rng.randint(2, 20))
    meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
             "diciembre"]
    d.ln("Mi nombre es ", P("person_name", pt.p.first_last()), ", fecha de nacimiento ", P("date", fdate(pt.dob, "dot").replace(".", "/")),
         ". Tengo cita el ", P("date", "%d de %s" % (cita.day, meses[cita.month - 1])), " pero no puedo ir por trabajo.")
    d.ln("¿Me pueden llamar al ", P("phone", pt.phone(rng, ["paren", "dash"])), " para cambiarla? Mi número de expediente es ",
         P("mrn", pt.mrn), ".")
    d.ln("Muchas gracias.")
    return d


@tpl("patient_email", "o")
def pe_o_referral_coordination(rng):
    d = Doc()
    fac, fac2 = rng.sample(FACILITIES, 2)
    a, b, specialist = staff(rng, 3)
    pt = Patient(rng)
    t = rtime(rng)
    code, desc = rng.choice(ICD)
    d.ln("From: ", staff_addr(a, fac))
    d.ln("Sent: ", D("date", outlook_sent(t)))
    d.ln("To: ", staff_addr(b, fac2))
    d.ln("Subject: Referral - ", P("person_name", pt.p.last_first()))
    d.ln("")
    d.ln("Hi ", D("person_name", b.given), ",")
    d.ln("")
    d.ln("Sending over a referral to ", dr(specialist), " for ", D("condition", desc), " (", D("diagnosis_code", code), ").")
    d.ln("")
    d.ln("Patient: ", P("person_name", pt.p.first_last()))
    d.ln("DOB: ", P("date", fdate(pt.dob, "us")))
    d.ln("Member ID: ", P("health_plan_id", pt.member), " (", rng.choice(PAYERS)[0], ")")
    d.ln("Phone: ", P("phone", pt.phone(rng)))
    d.ln("")
    d.ln("Records are in the shared fax queue. Let me know if you need anything else.")
    signature(d, rng, a, fac, "Referral Coordinator")
    return d


# ===========================================================================
# clean: java_stacktrace
# ===========================================================================


def trace_block(d, rng, exc, msg, frames_first, n=8, caused=None):
    d.ln(exc, ": ", msg)
    d.t(java_frames(rng, n, first=frames_first))
    if caused:
        d.ln("Caused by: ", caused[0], ": ", caused[1])
        d.t(java_frames(rng, rng.randint(3, 7), first=caused[2]))
        d.ln("\t... %d more" % rng.randint(10, 40))


@tpl("java_stacktrace", "c")
def js_npe_match_service(rng):
    d = Doc()
    rep, asg, c1 = staff(rng, 3)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "PLAT"), "NPE in PatientMatchService.score when the candidate has no birthDate", rep, asg, t,
              comps="MPI", labels="npe matching", env="mpi-api %s, build %s" % (rversion(rng), rbuild(rng)))
    d.ln("Seen %d times in the last 24 h in prod. Request ids below are from the gateway logs; payloads are not logged." % rng.randint(20, 400))
    d.ln("")
    d.ln("{code}")
    clk = Clock(rng, t - dt.timedelta(hours=2))
    d.ln(clk.stamp(), " ERROR [http-nio-8080-exec-", rng.randint(1, 40), "] o.a.c.c.C.[.[.[/].[dispatcherServlet] - Servlet.service() threw exception")
    trace_block(d, rng, "java.lang.NullPointerException",
                'Cannot invoke "java.time.LocalDate.getYear()" because "candidate.birthDate" is null',
                "org.acme.mpi.match.PatientMatchService.score(PatientMatchService.java:%d)" % rng.randint(100, 300), rng.randint(6, 10))
    d.ln("{code}")
    d.ln("")
    d.ln("requestId: ", ruuid(rng))
    d.ln("requestId: ", ruuid(rng))
    d.ln("correlationId: %08d" % rng.randint(0, 99999999))
    d.ln("")
    d.ln("Scoring assumes birthDate is present; merged/unknown patients from the ED (\"Trauma, Unknown\" registrations)")
    d.ln("have none. Fix: treat a missing birthDate as a non-match for that feature (weight 0) rather than failing.")
    d.ln("")
    jira_comment(d, rng, c1, t + dt.timedelta(hours=3))
    d.ln("Agree. Also add a metric for candidates without birthDate so we can see how often it happens.")
    return d


@tpl("java_stacktrace", "c")
def js_hl7_datatype(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    fac = rng.choice(FACILITIES)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "INTEG"), "HL7Exception: unsupported version 2.8 on inbound lab feed", rep, asg, t,
              comps="Interface Engine", labels="hapi version")
    d.ln("Lab vendor started sending MSH-12 = 2.8 after their upgrade; our HAPI context only has structures up to 2.6.")
    d.ln("No patient data in the error (MSH only); full messages are in the error queue.")
    d.ln("")
    d.ln("{noformat}")
    clk = Clock(rng, t - dt.timedelta(hours=1))
    when = rtime(rng, t.date())
    d.t(clk.stamp(), " WARN  [LAB_IN-reader] c.a.ie.Receiver - rejecting message, header: MSH|^~\\&|LABSYS|",
        D("facility", fac[1]), "|IE|HUB|", D("date", when.strftime("%Y%m%d%H%M%S")), "||ORU^R01^ORU_R01|",
        "%d" % rng.randint(10 ** 6, 10 ** 7), "|P|2.8\n")
    trace_block(d, rng, "ca.uhn.hl7v2.HL7Exception", "The HL7 version 2.8 is not recognized",
                "ca.uhn.hl7v2.parser.ModelClassFactory.getMessageClass(DefaultModelClassFactory.java:109)", rng.randint(5, 8),
                caused=("ca.uhn.hl7v2.HL7Exception", "Can't find message structure ORU_R01 for version 2.8",
                        "ca.uhn.hl7v2.parser.GenericModelClassFactory.getMessageClass(GenericModelClassFactory.java:57)"))
    d.ln("{noformat}")
    d.ln("")
    d.ln("Options: add hapi-structures-v28 (", rversion(rng), ") or use CanonicalModelClassFactory(\"2.6\") for this channel.")
    return d


@tpl("java_stacktrace", "c")
def js_spring_startup(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    t = rtime(rng)
    ip = server_ip(rng)
    d.ln("Deploy of claims-api ", rversion(rng), " (build #", rbuild(rng), ") to staging failed, pods in CrashLoopBackOff.")
    d.ln("Reported by ", sname(rep), ", looking: ", sname(asg))
    d.ln("")
    d.ln("```")
    clk = Clock(rng, t)
    for line in ["  .   ____          _            __ _ _",
                 " :: Spring Boot ::                (v3.2.%d)" % rng.randint(1, 9)]:
        d.ln(line)
    d.ln(clk.stamp("isoz"), "  INFO 1 --- [           main] o.a.claims.ClaimsApiApplication          : Starting ClaimsApiApplication using Java 17.0.%d" % rng.randint(5, 12))
    d.ln(clk.stamp("isoz"), "  INFO 1 --- [           main] o.a.claims.ClaimsApiApplication          : The following 2 profiles are active: \"staging\", \"k8s\"")
    d.ln(clk.stamp("isoz"), "  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...")
    d.ln(clk.stamp("isoz"), " ERROR 1 --- [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.")
    d.ln("")
    trace_block(d, rng, "org.springframework.beans.factory.BeanCreationException",
                "Error creating bean with name 'entityManagerFactory' defined in class path resource [org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaConfiguration.class]",
                "org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1786)",
                rng.randint(5, 9),
                caused=("org.postgresql.util.PSQLException",
                        "FATAL: no pg_hba.conf entry for host \"%s\", user \"claims_app\", database \"claims\", SSL off" % ip,
                        "org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)"))
    d.ln("```")
    d.ln("")
    d.ln("Pod IP changed with the new node pool (", ip, "), pg_hba only allows the old CIDR. DBA ticket ", rkey(rng, "PLAT"), ".")
    return d


@tpl("java_stacktrace", "c")
def js_kotlin_coroutine(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "MOB"), "Appointment sync worker cancelled after 30 s on Android 14", rep, asg, t,
              comps="Android", env="app %s (%s), Pixel 7, Android 14" % (rversion(rng), rbuild(rng)))
    d.ln("Crashlytics issue ", rhash(rng, 32), " - %d users, %d events." % (rng.randint(40, 900), rng.randint(100, 5000)))
    d.ln("")
    d.ln("{code}")
    d.ln("Fatal Exception: kotlinx.coroutines.JobCancellationException: Job was cancelled; job=SupervisorJobImpl{Cancelling}@",
         rhash(rng, 7))
    for f in ["org.acme.mobile.sync.AppointmentSyncWorker.doWork(AppointmentSyncWorker.kt:%d)",
              "org.acme.mobile.sync.AppointmentSyncWorker$doWork$1.invokeSuspend(AppointmentSyncWorker.kt:%d)",
              "kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)",
              "kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)",
              "androidx.work.CoroutineWorker$startWork$1.invokeSuspend(CoroutineWorker.kt:%d)",
              "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker.run(CoroutineScheduler.kt:%d)"]:
        d.ln("       at ", f.replace("%d", str(rng.randint(30, 700))))
    d.ln("{code}")
    d.ln("")
    d.ln("WorkManager stops expedited work after the quota on Android 14. The worker fetches 90 days of appointments in one")
    d.ln("request; switch to paging (30 days per call) and setForeground() for long syncs.")
    return d


@tpl("java_stacktrace", "c")
def js_validation_test_values(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "RCM"), "Eligibility request validator rejects the payer's published test member", rep, asg, t,
              comps="Eligibility", labels="validation testdata")
    d.ln("Certification with the clearinghouse uses their documented test subscriber. Our validator blocks it:")
    d.ln("")
    d.ln("{code}")
    clk = Clock(rng, t)
    d.ln(clk.stamp(), " WARN  [elig-worker-3] o.a.elig.RequestBuilder - validation failed for request ", ruuid(rng))
    d.ln("jakarta.validation.ConstraintViolationException: buildRequest.subscriber: 4 constraint violations")
    d.ln("  subscriber.ssn: value 123-45-6789 is a documented test SSN and is not allowed in PROD mode")
    d.ln("  subscriber.mbi: value 1EG4-TE5-MK73 is the CMS example MBI and is not allowed in PROD mode")
    d.ln("  subscriber.phone: value 555-01%02d is in the reserved 555-01xx range" % rng.randint(0, 99))
    d.ln("  provider.npi: value 1234567893 is the NPPES example NPI")
    d.t(java_frames(rng, rng.randint(4, 7), first="org.hibernate.validator.internal.engine.ValidatorImpl.validateParameters(ValidatorImpl.java:287)"))
    d.ln("{code}")
    d.ln("")
    d.ln("The clearinghouse connection is flagged as PROD even for their CERT endpoint. Fix: derive the mode from the")
    d.ln("endpoint config (cert.clearinghouse.example.com -> TEST) instead of the environment variable.")
    return d


@tpl("java_stacktrace", "c")
def js_oom_gc(rng):
    d = Doc()
    rep, asg, c1 = staff(rng, 3)
    t = rtime(rng)
    jira_head(d, rng, rkey(rng, "DATA"), "Nightly FHIR bulk export OOM since build %s" % rbuild(rng), rep, asg, t,
              comps="Bulk export", env="export-worker, -Xmx4g, G1")
    d.ln("{noformat}")
    clk = Clock(rng, t - dt.timedelta(hours=6))
    for _ in range(rng.randint(8, 14)):
        st = clk.t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "+0000"
        clk.tick(0.5, 40)
        before = rng.randint(3200, 4090)
        d.ln("[", st, "][gc] GC(", rng.randint(100, 999), ") Pause Young (Normal) (G1 Evacuation Pause) ", before, "M->",
             before - rng.randint(0, 200), "M(4096M) ", "%.3f" % rng.uniform(20, 400), "ms")
    d.ln("Exception in thread \"export-writer-2\" java.lang.OutOfMemoryError: Java heap space")
    d.t(java_frames(rng, 4, first="java.base/java.util.Arrays.copyOf(Arrays.java:3537)"))
    d.ln("{noformat}")
    d.ln("")
    d.ln("Heap dump (", rng.randint(3, 4), ".", rng.randint(0, 9), " GB) shows 2.9 GB of char[] held by NdjsonWriter's StringBuilder:")
    d.ln("the writer buffers a whole resource type before flushing since ", rkey(rng, "DATA"), ".")
    d.ln("")
    jira_comment(d, rng, c1, t + dt.timedelta(hours=5))
    d.ln("Reverting the buffering change; flush every 1000 resources as before.")
    return d


@tpl("java_stacktrace", "c")
def js_deadlock(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    t = rtime(rng)
    p1, p2 = rng.randint(10000, 60000), rng.randint(10000, 60000)
    x1, x2 = rng.randint(10 ** 7, 10 ** 8), rng.randint(10 ** 7, 10 ** 8)
    jira_head(d, rng, rkey(rng, "PLAT"), "Deadlock between encounter close job and ADT consumer", rep, asg, t, comps="Encounters")
    d.ln("{code}")
    d.ln("org.springframework.dao.CannotAcquireLockException: could not execute statement [ERROR: deadlock detected")
    d.ln("  Detail: Process %d waits for ShareLock on transaction %d; blocked by process %d." % (p1, x2, p2))
    d.ln("Process %d waits for ShareLock on transaction %d; blocked by process %d." % (p2, x1, p1))
    d.ln("  Hint: See server log for query details.")
    d.ln("  Where: while updating tuple (%d,%d) in relation \"encounter\"]" % (rng.randint(1000, 90000), rng.randint(1, 60)))
    d.ln("[update encounter set status=?, end_at=?, updated_at=? where id=?]")
    d.t(java_frames(rng, rng.randint(7, 11), first="org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)"))
    d.ln("{code}")
    d.ln("")
    d.ln("The close job updates encounter then patient_location; the ADT consumer updates patient_location then encounter.")
    d.ln("Fix: same lock order in both (encounter first), and retry on 40P01.")
    return d


@tpl("java_stacktrace", "c")
def js_mirth_rhino(rng):
    d = Doc()
    rep, asg = staff(rng, 2)
    t = rtime(rng)
    ch_id = ruuid(rng)
    jira_head(d, rng, rkey(rng, "INTEG"), "Transformer error on ORU_OUT_LIS after adding the OBX-5 split step", rep, asg, t,
              comps="Interface Engine")
    d.ln("{code}")
    d.ln("ERROR (com.mirth.connect.server.transformers.JavaScriptTransformer:%d): Error evaluating transformer" % rng.randint(100, 300))
    d.ln("com.mirth.connect.server.MirthJavascriptTransformerException:")
    d.ln("CHANNEL:\tORU_OUT_LIS")
    d.ln("CONNECTOR:\tDestination 2 - LIS")
    d.ln("SCRIPT SOURCE:\tTRANSFORMER")
    d.ln("SOURCE CODE:\t")
    d.ln("%d: var obx = msg['OBX'][i];" % rng.randint(40, 90))
    d.ln("%d: var value = obx['OBX.5']['OBX.5.1'].toString();" % rng.randint(40, 90))
    d.ln("LINE NUMBER:\t%d" % rng.randint(40, 90))
    d.ln("DETAILS:\tTypeError: Cannot read property \"OBX.5\" from undefined")
    d.ln("\tat ", ch_id, ":", rng.randint(40, 90), " (doTransform)")
    d.ln("\tat ", ch_id, ":", rng.randint(100, 140), " (doScript)")
    d.ln("\tat org.mozilla.javascript.Interpreter.interpretLoop(Interpreter.java:1003)")
    d.ln("\tat org.mozilla.javascript.Interpreter.interpret(Interpreter.java:798)")
    d.ln("{code}")
    d.ln("")
    d.ln("Loop uses i <= msg['OBX'].length(); off by one. Channel id ", ch_id, ", server ", server_ip(rng), ".")
    return d


# ===========================================================================
# clean: meeting_notes
# ===========================================================================


def attendees(d, rng, people, label="Attendees"):
    d.ln(label, ": ", [[sname(p), ", "] for p in people[:-1]], sname(people[-1]))


@tpl("meeting_notes", "c")
def mn_sprint_retro(rng):
    d = Doc()
    people = staff(rng, 6)
    day = recent(rng)
    d.ln("# Sprint ", rng.randint(40, 140), " retrospective - ", day.strftime("%d %b %Y"))
    attendees(d, rng, people)
    d.ln("Facilitator: ", sname(people[0]))
    d.ln("")
    d.ln("## Went well")
    d.ln("- FHIR bulk export shipped to staging (", rkey(rng, "FHIR"), ")")
    d.ln("- on-call load down to ", rng.randint(2, 9), " pages/week")
    d.ln("- pairing between ", sname(people[1]), " and ", sname(people[2]), " on the MPI refactor")
    d.ln("")
    d.ln("## Didn't go well")
    d.ln("- flaky integration tests on the HL7 listener (", rng.randint(5, 30), "% of builds)")
    d.ln("- release ", rversion(rng), " slipped two days waiting for the CAB")
    d.ln("")
    d.ln("## Actions")
    for p in people[1:4]:
        d.ln("- [ ] @", D("person_name", p.handle()), " ", rng.choice(["quarantine the flaky tests", "draft CAB template",
                                                                    "write the runbook for export retries",
                                                                    "book the design review", "update the on-call rota"]),
             " (", rkey(rng, "PLAT"), ")")
    d.ln("")
    d.ln("Next retro: ", (day + dt.timedelta(days=14)).isoformat())
    return d


@tpl("meeting_notes", "c")
def mn_interface_sync(rng):
    d = Doc()
    ours = staff(rng, 3)
    vend = staff(rng, 2)
    fac = rng.choice(FACILITIES)
    day = recent(rng)
    d.ln("Weekly interface sync with ", rng.choice(["LabCorp-like vendor", "the PACS vendor", "the HIE"]), " - ", fdate(day, "long"))
    d.ln("Bridge: 1-888-555-0142, passcode %d#  |  Teams link in the invite" % rng.randint(100000, 999999))
    d.ln("")
    attendees(d, rng, ours, "Us")
    attendees(d, rng, vend, "Vendor")
    d.ln("")
    d.ln("1. Go-live date for the new ORM feed moved to ", (day + dt.timedelta(days=rng.randint(10, 40))).isoformat(), ".")
    d.ln("2. Test messages: vendor will use the CERT test patients only; no production data in the shared folder.")
    d.ln("3. MLLP over VPN: tunnel ", server_ip(rng), " <-> ", server_ip(rng), " up since Tuesday, port 6661.")
    d.ln("4. ACK timeout agreed at 10 s.")
    d.ln("")
    d.ln("Contacts")
    for p in vend:
        d.ln("- ", sname(p), ": ", D("staff_contact", "%s@vendor-example.com" % p.handle()), ", ",
             D("staff_contact", "+1 %s %s %04d" % (rng.choice(AREAS), rng.randint(200, 999), rng.randint(0, 9999))))
    d.ln("- ", sname(ours[0]), ": ", D("staff_contact", staff_email(ours[0], fac)))
    return d


@tpl("meeting_notes", "c")
def mn_privacy_committee(rng):
    d = Doc()
    people = staff(rng, 5)
    day = recent(rng)
    d.ln("Privacy & Security Committee - minutes")
    d.ln("Date: ", fdate(day, "long"), "   Chair: ", sname(people[0]), "   Scribe: ", sname(people[1]))
    attendees(d, rng, people)
    d.ln("")
    d.ln("1. Minimum necessary for reporting extracts")
    d.ln("   Approved: analytic extracts drop direct identifiers; ages for patients aged 90 and older are reported")
    d.ln("   as a single \"90+\" category; ZIP codes truncated to three digits where the population is over 20,000.")
    d.ln("2. Jira and Confluence")
    d.ln("   %d pages flagged by the scanner last quarter, all remediated within 5 business days. Reminder to teams:" % rng.randint(3, 40))
    d.ln("   use test patients (T-range MRNs) in tickets; never paste screenshots of the chart.")
    d.ln("3. Breach risk assessments: 2 completed, both low probability of compromise; no notification required.")
    d.ln("4. Training completion: %d%% of workforce; managers of units under 90%% receive a list." % rng.randint(88, 99))
    d.ln("")
    d.ln("Next meeting: ", fdate(day + dt.timedelta(days=28), "long"))
    return d


@tpl("meeting_notes", "c")
def mn_cutover_plan(rng):
    d = Doc()
    people = staff(rng, 5)
    day = recent(rng)
    d.ln("h2. Cutover planning - lab interface migration")
    d.ln("*Date:* ", day.isoformat(), "  *Owner:* ", sname(people[0]))
    d.ln("")
    d.ln("||time||step||who||")
    t = dt.datetime(day.year, day.month, day.day, 22, 0)
    steps = ["freeze orders in LIS", "drain ORM queue on old engine", "switch DNS lis-if.internal to %s" % server_ip(rng),
             "start channels on new engine", "send test order (CERT patient)", "verify ACKs", "unfreeze orders",
             "monitor for 2 h"]
    for s in steps:
        d.ln("|", t.strftime("%H:%M"), "|", s, "|", sname(rng.choice(people)), "|")
        t += dt.timedelta(minutes=rng.choice([10, 15, 20, 30]))
    d.ln("")
    d.ln("Rollback: DNS back to the old engine (TTL 60 s), old channels stay deployed but stopped until ",
         (day + dt.timedelta(days=7)).isoformat(), ".")
    d.ln("War room bridge: 1-877-555-0188, passcode ", rng.randint(1000000, 9999999))
    return d


@tpl("meeting_notes", "c")
def mn_order_set_review(rng):
    d = Doc()
    people = staff(rng, 5)
    day = recent(rng)
    d.ln("Clinical Informatics - order set review, ", day.strftime("%B %d"))
    d.ln("Present: ", [[dr(p), ", "] for p in people[:2]], [[sname(p), ", "] for p in people[2:4]], sname(people[4]))
    d.ln("")
    d.ln("Community-acquired pneumonia order set (v", rng.randint(3, 9), ")")
    d.ln("- default ", D("medication", "ceftriaxone"), " 1 g IV daily + ", D("medication", "azithromycin"), " 500 mg; ",
         D("medication", "doxycycline"), " as alternative")
    d.ln("- add procalcitonin to the admission panel (pilot on 5N)")
    d.ln("- remove the duplicate blood culture order")
    d.ln("")
    d.ln(D("condition", "Heart failure"), " admission order set")
    d.ln("- ", D("medication", "furosemide"), " IV dose = 2.5x home oral dose, max 200 mg")
    d.ln("- daily weights and strict I/O default on")
    d.ln("")
    d.ln("Decisions: both changes go to P&T on ", (day + dt.timedelta(days=10)).isoformat(), "; build ticket ", rkey(rng, "CLININF"), ".")
    return d


@tpl("meeting_notes", "c")
def mn_standup_lowercase(rng):
    d = Doc()
    people = staff(rng, 5)
    day = recent(rng)
    d.ln("standup ", day.strftime("%m/%d"))
    d.ln("")
    work = ["finishing the 835 parser tests", "pairing on the mllp reconnect bug", "reviewing pr %d" % rng.randint(100, 999),
            "on call, 2 pages overnight (disk on %s)" % server_ip(rng), "writing the runbook for eligibility rejects",
            "out friday", "blocked on firewall rule for %s:6661" % server_ip(rng), "upgrading hapi to 7.4"]
    for p, w in zip(people, rng.sample(work, len(people))):
        d.ln("- ", D("person_name", p.given.lower()), ": ", w)
    d.ln("")
    d.ln("parking lot: who owns the test patient refresh in cert? -> ", D("person_name", people[0].given.lower()),
         " to ask ", D("person_name", people[1].given.lower()))
    return d


@tpl("meeting_notes", "c")
def mn_vendor_demo(rng):
    d = Doc()
    ours = staff(rng, 4)
    vend = staff(rng)
    day = recent(rng)
    d.ln("Notes - vendor demo: ambient documentation assistant (", fdate(day, "us"), ")")
    attendees(d, rng, ours + [vend])
    d.ln("")
    d.ln("Demo used the vendor's scripted encounter (actors, no real patient). Observations:")
    d.ln("- draft note appeared ~%d s after the visit; HPI and plan were good, ROS over-documented" % rng.randint(20, 90))
    d.ln("- medication list pulled ", D("medication", "metformin"), " and ", D("medication", "lisinopril"),
         " correctly from the conversation")
    d.ln("- vendor stores audio for 30 days in US-East; BAA template sent to legal")
    d.ln("- pricing: per-provider per-month, pilot of 20 providers for 90 days")
    d.ln("")
    d.ln("Next steps: security review (", sname(ours[1]), "), reference calls (", sname(ours[2]), "), decision by ",
         (day + dt.timedelta(days=30)).strftime("%B %d"), ".")
    return d


@tpl("meeting_notes", "c")
def mn_ops_review(rng):
    d = Doc()
    people = staff(rng, 4)
    q = rng.randint(1, 4)
    d.ln("Q", q, " operations review - Integration team")
    attendees(d, rng, people)
    d.ln("")
    d.ln("| metric | Q%d | target |" % q)
    d.ln("|---|---|---|")
    for m, v, tg in [("messages/day (avg)", "%d" % rng.randint(400000, 2000000), "-"), ("p95 latency", "%d ms" % rng.randint(200, 2000), "< 1500 ms"),
                     ("error rate", "%.2f%%" % rng.uniform(0.01, 0.9), "< 0.5%"), ("SEV-1 incidents", str(rng.randint(0, 3)), "0"),
                     ("on-call pages", str(rng.randint(20, 140)), "< 100")]:
        d.ln("| ", m, " | ", v, " | ", tg, " |")
    d.ln("")
    d.ln("Highlights: engine upgrade to ", rversion(rng), " done; 14 channels migrated to the new VIP.")
    d.ln("Risks: certificate renewals for 6 partners due next quarter, owner ", sname(people[2]), ".")
    return d


# ===========================================================================
# clean: validator_diff
# ===========================================================================


def review_footer(d, rng, reviewers):
    d.ln("")
    for r in reviewers:
        d.ln(sname(r), " approved ", rng.randint(1, 20), "h ago")


@tpl("validator_diff", "c")
def vd_ssn_validator_java(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "SsnValidator: reject reserved areas and documented test numbers", author, [r1], "common/validation")
    diff_file(d, rng, "src/main/java/org/acme/validation/SsnValidator.java", [
        (" ", ["public final class SsnValidator {"]),
        ("-", ['    private static final Pattern SSN = Pattern.compile("\\\\d{3}-?\\\\d{2}-?\\\\d{4}");']),
        ("+", ['    private static final Pattern SSN = Pattern.compile("(\\\\d{3})-?(\\\\d{2})-?(\\\\d{4})");']),
        ("+", ['    private static final Set<String> DOCUMENTED_TEST = Set.of("123456789");']),
        (" ", [""]),
        (" ", ["    public static boolean isPlausible(String raw) {"]),
        ("-", ["        return SSN.matcher(raw).matches();"]),
        ("+", ["        Matcher m = SSN.matcher(raw);"]),
        ("+", ["        if (!m.matches()) return false;"]),
        ("+", ["        int area = Integer.parseInt(m.group(1));"]),
        ("+", ["        if (area == 0 || area == 666 || area >= 900) return false;"]),
        ("+", ['        if (m.group(2).equals("00") || m.group(3).equals("0000")) return false;']),
        ("+", ["        return !DOCUMENTED_TEST.contains(m.group(1) + m.group(2) + m.group(3));"]),
        (" ", ["    }"]),
    ], start=rng.randint(10, 30))
    diff_file(d, rng, "src/test/java/org/acme/validation/SsnValidatorTest.java", [
        (" ", ["    @ParameterizedTest"]),
        ("-", ['    @ValueSource(strings = {"000-12-3456"})']),
        ("+", ['    @ValueSource(strings = {"000-12-3456", "666-12-3456", "900-12-3456", "987-65-4320", "123-00-4567",']),
        ("+", ['                            "123-45-0000", "123-45-6789", "123456789"})']),
        (" ", ["    void rejects(String s) {"]),
        (" ", ["        assertFalse(SsnValidator.isPlausible(s));"]),
        (" ", ["    }"]),
    ], start=rng.randint(10, 40))
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_mbi_python(rng):
    d = Doc()
    author, r1, r2 = staff(rng, 3)
    pr_head(d, rng, "mbi: enforce CMS character positions", author, [r1, r2], "rcm/eligibility-tools")
    diff_file(d, rng, "eligibility/mbi.py", [
        (" ", ["import re"]),
        (" ", [""]),
        ("-", ['MBI_RE = re.compile(r"^[0-9A-Z]{11}$")']),
        ("+", ['_A = "[AC-HJKMNP-RT-Y]"          # letters except S, L, O, I, B, Z']),
        ("+", ['_AN = "[0-9AC-HJKMNP-RT-Y]"']),
        ("+", ['MBI_RE = re.compile(rf"^[1-9]{_A}{_AN}[0-9]{_A}{_AN}[0-9]{_A}{_A}[0-9][0-9]$")']),
        (" ", [""]),
        (" ", [""]),
        (" ", ["def normalize(raw: str) -> str:"]),
        (" ", ['    return raw.replace("-", "").strip().upper()']),
    ], start=1)
    diff_file(d, rng, "tests/test_mbi.py", [
        (" ", ["import pytest"]),
        (" ", ["from eligibility.mbi import MBI_RE, normalize"]),
        (" ", [""]),
        ("+", ['CMS_EXAMPLE = "1EG4-TE5-MK73"  # example from the CMS MBI format guide'])  ,
        ("+", [""]),
        ("+", [""]),
        ("+", ["def test_cms_example_is_valid():"]),
        ("+", ["    assert MBI_RE.match(normalize(CMS_EXAMPLE))"]),
        ("+", [""]),
        ("+", [""]),
        ("+", ['@pytest.mark.parametrize("bad", ["0EG4TE5MK73", "1SG4TE5MK73", "1EG4TE5MK7", "1EG4TE5MK7Z", "1EG4-TE5-MKL3"])']),
        ("+", ["def test_invalid_positions(bad):"]),
        ("+", ["    assert not MBI_RE.match(normalize(bad))"]),
    ], start=1)
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_npi_luhn_go(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "npi: Luhn check with the 80840 prefix", author, [r1], "provider-directory")
    diff_file(d, rng, "internal/npi/npi.go", [
        (" ", ["// Valid reports whether s is a syntactically valid NPI."]),
        (" ", ["func Valid(s string) bool {"]),
        (" ", ["\tif len(s) != 10 {"]),
        (" ", ["\t\treturn false"]),
        (" ", ["\t}"]),
        ("-", ["\treturn s[0] == '1' || s[0] == '2'"]),
        ("+", ["\tsum := 24 // contribution of the 80840 prefix"]),
        ("+", ["\tfor i := 8; i >= 0; i-- {"]),
        ("+", ["\t\td := int(s[i] - '0')"]),
        ("+", ["\t\tif (8-i)%2 == 0 {"]),
        ("+", ["\t\t\td *= 2"]),
        ("+", ["\t\t\tif d > 9 {"]),
        ("+", ["\t\t\t\td -= 9"]),
        ("+", ["\t\t\t}"]),
        ("+", ["\t\t}"]),
        ("+", ["\t\tsum += d"]),
        ("+", ["\t}"]),
        ("+", ["\treturn (10-sum%10)%10 == int(s[9]-'0')"]),
        (" ", ["}"]),
    ], start=rng.randint(10, 40))
    diff_file(d, rng, "internal/npi/npi_test.go", [
        (" ", ["func TestValid(t *testing.T) {"]),
        (" ", ["\tcases := map[string]bool{"]),
        ("+", ['\t\t"1234567893": true,  // NPPES documentation example']),
        ("+", ['\t\t"1234567890": false, // bad check digit']),
        (" ", ['\t\t"123456789":  false,']),
        (" ", ['\t\t"abcdefghij": false,']),
        (" ", ["\t}"]),
    ], start=rng.randint(5, 20))
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_phone_ts(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "normalizePhone: accept +1 and dotted formats", author, [r1], "web/patient-portal")
    diff_file(d, rng, "src/util/phone.ts", [
        (" ", ["export function normalizePhone(input: string): string | null {"]),
        ("-", ["  const digits = input.replace(/[^0-9]/g, '');"]),
        ("-", ["  return digits.length === 10 ? digits : null;"]),
        ("+", ["  let digits = input.replace(/[^0-9]/g, '');"]),
        ("+", ["  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);"]),
        ("+", ["  if (digits.length !== 10 || /^[01]/.test(digits)) return null;"]),
        ("+", ["  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;"]),
        (" ", ["}"]),
    ], start=1)
    lines = [(" ", ["describe('normalizePhone', () => {"])]
    for fmt in ["(412) 555-01%02d", "412.555.01%02d", "+1 412 555 01%02d", "1-412-555-01%02d"]:
        v = rng.randint(0, 99)
        lines.append(("+", ["  it('accepts ", fmt % v, "', () => expect(normalizePhone('", fmt % v, "')).toBe('(412) 555-01%02d'));" % v]))
    lines.append(("+", ["  it('rejects 011 prefixes', () => expect(normalizePhone('011-555-0100')).toBeNull());"]))
    lines.append((" ", ["});"]))
    diff_file(d, rng, "src/util/phone.test.ts", lines, start=1)
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_fhir_profile(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "Profile: require birthDate and one identifier on AcmePatient", author, [r1], "fhir/ig-acme")
    diff_file(d, rng, "input/resources/StructureDefinition-acme-patient.json", [
        (" ", ['      {']),
        (" ", ['        "id": "Patient.identifier",']),
        (" ", ['        "path": "Patient.identifier",']),
        ("-", ['        "min": 0,']),
        ("+", ['        "min": 1,']),
        (" ", ['        "max": "*"']),
        (" ", ['      },']),
        (" ", ['      {']),
        (" ", ['        "id": "Patient.birthDate",']),
        (" ", ['        "path": "Patient.birthDate",']),
        ("-", ['        "min": 0']),
        ("+", ['        "min": 1,']),
        ("+", ['        "constraint": [ {']),
        ("+", ['          "key": "acme-pat-1",']),
        ("+", ['          "severity": "error",']),
        ("+", ['          "human": "birthDate must not be in the future",']),
        ("+", ['          "expression": "$this <= today()"']),
        ("+", ['        } ]']),
        (" ", ['      },']),
    ], start=rng.randint(40, 120))
    d.ln("")
    d.ln("IG publisher run: ", rng.randint(0, 3), " errors, ", rng.randint(4, 30), " warnings (all pre-existing). QA report build ", rbuild(rng), ".")
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_hl7_rules_yaml(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "HL7 conformance rules for ADT feed v3", author, [r1], "integration/conformance")
    diff_file(d, rng, "rules/adt_v3.yaml", [
        (" ", ["segments:"]),
        (" ", ["  PID:"]),
        (" ", ["    \"3\": { required: true, repeat: true, components: { \"5\": { table: \"0203\", must_contain: MR } } }"]),
        (" ", ["    \"5\": { required: true, max_length: 250 }"]),
        ("-", ["    \"7\": { required: false }"]),
        ("+", ["    \"7\": { required: true, format: YYYYMMDD, not_after: MSH-7 }"]),
        ("+", ["    \"8\": { required: true, table: \"0001\" }"]),
        (" ", ["  PV1:"]),
        ("+", ["    \"2\": { required: true, table: \"0004\" }"]),
        ("+", ["    \"44\": { required_if: \"PV1-2 in (I, E)\", format: YYYYMMDDHHMM }"]),
        (" ", ["examples:"]),
        ("-", ["  - \"PID|1||<mrn>^^^<auth>^MR||<family>^<given>\""]),
        ("+", ["  - \"PID|1||<mrn>^^^<auth>^MR||<family>^<given>||<YYYYMMDD>|<sex>\""]),
    ], start=1)
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_date_parser_rust(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "dates: reject impossible calendar dates in the loose parser", author, [r1], "tools/etl-rs")
    diff_file(d, rng, "src/dates.rs", [
        (" ", ["pub fn parse_loose(s: &str) -> Option<NaiveDate> {"]),
        (" ", ["    for fmt in FORMATS {"]),
        ("-", ["        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) { return Some(d); }"]),
        ("+", ["        if let Ok(d) = NaiveDate::parse_from_str(s.trim(), fmt) {"]),
        ("+", ["            if d.year() >= 1900 && d <= Local::now().date_naive() { return Some(d); }"]),
        ("+", ["        }"]),
        (" ", ["    }"]),
        (" ", ["    None"]),
        (" ", ["}"]),
    ], start=rng.randint(10, 50))
    diff_file(d, rng, "tests/dates.rs", [
        (" ", ["#[test]"]),
        (" ", ["fn loose_formats() {"]),
        ("+", ['    assert_eq!(parse_loose("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));']),
        ("+", ['    assert_eq!(parse_loose("02/29/2023"), None); // not a leap year']),
        ("+", ['    assert_eq!(parse_loose("13/01/2020"), None);']),
        ("+", ['    assert_eq!(parse_loose("1899-12-31"), None);']),
        ("+", ['    assert_eq!(parse_loose(" 2020-01-01 "), NaiveDate::from_ymd_opt(2020, 1, 1));']),
        (" ", ["}"]),
    ], start=rng.randint(5, 20))
    review_footer(d, rng, [r1])
    return d


@tpl("validator_diff", "c")
def vd_zip_detector_python(rng):
    d = Doc()
    author, r1 = staff(rng, 2)
    pr_head(d, rng, "redact: only treat 5/9-digit numbers as ZIP next to an address label", author, [r1], "data/redaction")
    diff_file(d, rng, "redact/zip.py", [
        (" ", ["ZIP_RE = re.compile(r\"\\b\\d{5}(?:-\\d{4})?\\b\")"]),
        ("+", ["ZIP_LABELS = (\"zip\", \"postal\", \"postcode\")"]),
        (" ", [""]),
        (" ", ["def find_zips(text):"]),
        ("-", ["    return [m.span() for m in ZIP_RE.finditer(text)]"]),
        ("+", ["    out = []"]),
        ("+", ["    for m in ZIP_RE.finditer(text):"]),
        ("+", ["        left = text[max(0, m.start() - 24):m.start()].lower()"]),
        ("+", ["        if any(l in left for l in ZIP_LABELS) or re.search(r\"\\b[A-Z]{2}\\s*$\", text[:m.start()]):"]),
        ("+", ["            out.append(m.span())"]),
        ("+", ["    return out"]),
    ], start=1)
    diff_file(d, rng, "tests/test_zip.py", [
        ("+", ["def test_build_number_is_not_zip():"]),
        ("+", ["    assert find_zips(\"build 48213 passed\") == []"]),
        ("+", [""]),
        ("+", ["def test_placeholder_zip():"]),
        ("+", ["    assert find_zips(\"zip: 00000\") == [(5, 10)]"]),
    ], start=1)
    review_footer(d, rng, [r1])
    return d


# ===========================================================================
# clean: release_notes
# ===========================================================================


@tpl("release_notes", "c")
def rn_markdown_semver(rng):
    d = Doc()
    people = staff(rng, 4)
    v = rversion(rng)
    day = recent(rng)
    d.ln("# phi-scanner-service v", v, " (", day.isoformat(), ")")
    d.ln("")
    d.ln("## Features")
    d.ln("- Confluence macro scanning (", rkey(rng, "SEC"), ") - @", D("person_name", people[0].handle()))
    d.ln("- New admin report: findings per space per week (", rkey(rng, "SEC"), ") - @", D("person_name", people[1].handle()))
    d.ln("")
    d.ln("## Fixes")
    d.ln("- Build numbers like `", rbuild(rng), "` no longer reported as ZIP codes")
    d.ln("- UUIDs in log lines (`", ruuid(rng), "`) no longer split into phone numbers")
    d.ln("- Test SSN 123-45-6789 ignored as documented")
    d.ln("")
    d.ln("## Upgrade notes")
    d.ln("Requires Java 17. Database migration V", rng.randint(20, 80), " runs automatically (adds `finding.kind` index).")
    d.ln("")
    d.ln("Thanks to ", sname(people[2]), " and ", sname(people[3]), " for testing in CERT.")
    return d


@tpl("release_notes", "c")
def rn_jira_release_page(rng):
    d = Doc()
    people = staff(rng, 5)
    v = rversion(rng)
    day = recent(rng)
    d.ln("Release ", v, "  RELEASED  Start date ", (day - dt.timedelta(days=14)).strftime("%d/%b/%y"), "  Release date ", day.strftime("%d/%b/%y"))
    d.ln("")
    d.ln("Issues in this release (", rng.randint(8, 20), ")")
    d.ln("")
    d.ln("Type\tKey\tSummary\tAssignee\tStatus")
    summaries = ["Bed board shows stale bed status after transfer", "Export job retries forever on 403", "Add PV1-44 to the ADT audit view",
                 "Upgrade HAPI FHIR to 7.4", "Portal: proxy form accessible labels", "Eligibility: 271 parsing of EB segments",
                 "Reduce log noise in MllpReader", "Remove deprecated SOAP endpoint"]
    for s in rng.sample(summaries, rng.randint(5, 8)):
        d.ln(rng.choice(["Bug", "Story", "Task"]), "\t", rkey(rng), "\t", s, "\t", sname(rng.choice(people)), "\tDone")
    d.ln("")
    d.ln("Release notes owner: ", sname(people[0]), ". Deployed to PROD by pipeline #", rbuild(rng), ".")
    return d


@tpl("release_notes", "c")
def rn_hotfix_email(rng):
    d = Doc()
    fac = rng.choice(FACILITIES)
    rm, dl = staff(rng, 2)
    t = rtime(rng)
    d.ln("From: ", staff_addr(rm, fac))
    hv = rversion(rng)
    d.ln("To: IT Change Notifications <", D("staff_contact", "it-changes@" + fac[2]), ">")
    d.ln("Cc: ", staff_addr(dl, fac))
    d.ln("Date: ", D("date", mail_date(t)))
    d.ln("Subject: [HOTFIX] Lab results interface ", hv, " deployed tonight")
    d.ln("")
    d.ln("All,")
    d.ln("")
    d.ln("Hotfix ", hv, " (build ", rbuild(rng), ") will be deployed tonight ", t.strftime("%m/%d"), " 22:00-22:30.")
    d.ln("Fixes: duplicate ORU when the ACK is late (", rkey(rng, "LABIF"), "); OBX-5 split for long narrative reports.")
    d.ln("Impact: results may be delayed up to 15 minutes during the window. No downtime procedures needed.")
    d.ln("Rollback: previous build stays on the node, switch takes 5 minutes.")
    d.ln("")
    d.ln("Questions: reply here or call the service desk at ", D("staff_contact", fac[3]), ".")
    signature(d, rng, rm, fac, "Release Manager")
    return d


@tpl("release_notes", "c")
def rn_keepachangelog(rng):
    d = Doc()
    people = staff(rng, 3)
    d.ln("# Changelog")
    d.ln("All notable changes to this project are documented in this file.")
    d.ln("")
    day = recent(rng)
    for i in range(rng.randint(3, 5)):
        v = rversion(rng)
        d.ln("## [", v, "] - ", (day - dt.timedelta(days=21 * i)).isoformat())
        d.ln("### ", rng.choice(["Added", "Changed", "Fixed"]))
        for _ in range(rng.randint(2, 4)):
            d.ln("- ", rng.choice(["Patient search: support diacritics in family names", "Retry 429 from the FHIR server",
                                   "Drop Python 3.9", "Config: `export.batch_size` default 1000",
                                   "Fix crash when Encounter.period.end is missing", "Redact member ids in debug logs",
                                   "Bump jackson to 2.17", "Handle HL7 escape sequences in OBX-5"]),
                 " (#", rng.randint(100, 999), ", @", D("person_name", rng.choice(people).handle()), ")")
        d.ln("")
    return d


@tpl("release_notes", "c")
def rn_interface_engine_upgrade(rng):
    d = Doc()
    people = staff(rng, 3)
    v_old, v_new = rversion(rng), rversion(rng)
    day = recent(rng)
    d.ln("h1. Interface engine upgrade ", v_old, " -> ", v_new)
    d.ln("*Window:* ", day.strftime("%A %d %B %Y"), ", 01:00-04:00   *Change:* CHG%07d" % rng.randint(10 ** 5, 10 ** 6))
    d.ln("*Engineers:* ", sname(people[0]), ", ", sname(people[1]), "   *Approver:* ", sname(people[2]))
    d.ln("")
    d.ln("h2. What changes")
    d.ln("* Java runtime 11 -> 17")
    d.ln("* TLS 1.0/1.1 disabled on all MLLP listeners (ports 6661-6670)")
    d.ln("* New HL7 v2.8 structures available")
    d.ln("* Channel statistics moved to the metrics endpoint http://", server_ip(rng), ":9100/metrics")
    d.ln("")
    d.ln("h2. Partner impact")
    d.ln("||partner||protocol||action needed||")
    for p in ["Reference lab", "PACS", "State IIS", "HIE", "Pharmacy"]:
        d.ln("|", p, "|", rng.choice(["MLLP/TLS", "MLLP", "HTTPS", "SFTP"]), "|", rng.choice(["none", "verify TLS 1.2", "retest ACK"]), "|")
    return d


@tpl("release_notes", "c")
def rn_ehr_clinician(rng):
    d = Doc()
    people = staff(rng, 3)
    day = recent(rng)
    d.ln("What's new in the EHR - ", MONTHS[day.month - 1], " ", day.year, " update (for clinicians)")
    d.ln("")
    d.ln("Orders")
    d.ln("- ", D("medication", "Enoxaparin"), " dosing now suggests renal adjustment when CrCl < 30 mL/min.")
    d.ln("- ", D("condition", "Sepsis"), " order set: lactate repeat is pre-checked when the first lactate is >= 2.")
    d.ln("- ", D("medication", "Insulin glargine"), " orders default to bedtime administration.")
    d.ln("")
    d.ln("Documentation")
    d.ln("- New SmartPhrase .FALLRISK pulls the Morse score and interventions.")
    d.ln("- Discharge summary template shows pending results at the top.")
    d.ln("")
    d.ln("Training: 15-minute tip sheets on the intranet. Questions: ", dr(people[0]), " (CMIO) or ", sname(people[1]), " (nursing informatics).")
    return d


@tpl("release_notes", "c")
def rn_mobile_app(rng):
    d = Doc()
    people = staff(rng, 2)
    v = rversion(rng)
    d.ln("App Store / Google Play release ", v, " (", rbuild(rng), ")")
    d.ln("")
    d.ln("What's New")
    d.ln("• Face ID / fingerprint sign-in is faster")
    d.ln("• See your upcoming appointments on the home screen")
    d.ln("• Fixed: some lab results didn't show reference ranges")
    d.ln("• Accessibility improvements for screen readers")
    d.ln("")
    d.ln("Internal: phased rollout 1% -> 10% -> 100% over 7 days. Crash-free sessions target 99.8%.")
    d.ln("QA sign-off: ", sname(people[0]), "; release captain: ", sname(people[1]))
    return d


@tpl("release_notes", "c")
def rn_schema_release(rng):
    d = Doc()
    people = staff(rng, 2)
    d.ln("Data warehouse schema release ", rng.randint(2026, 2026), ".", rng.randint(1, 12), ".", rng.randint(1, 4))
    d.ln("")
    d.ln("| table | change | notes |")
    d.ln("|---|---|---|")
    for t, c, n in [("dim_patient", "add `birth_year` (int)", "replaces `birth_date` in analyst views"),
                    ("dim_patient", "drop `ssn`", "moved to the restricted schema"),
                    ("fact_encounter", "add `discharge_disposition_code`", "HL7 table 0112"),
                    ("fact_claim", "rename `mbr_id` -> `member_key`", "surrogate key, not the payer member id"),
                    ("dim_provider", "add `npi`", "validated with Luhn (80840 prefix)")]:
        d.ln("| ", t, " | ", c, " | ", n, " |")
    d.ln("")
    d.ln("Views for patients aged 90 and older show age as '90+'. Contact: ", sname(people[0]), ", ", sname(people[1]))
    return d


# ===========================================================================
# clean: clinical_rule_page
# ===========================================================================


@tpl("clinical_rule_page", "c")
def cr_sepsis_bpa(rng):
    d = Doc()
    a, e, cmio = staff(rng, 3)
    conf_head(d, rng, "BPA: Sepsis screening alert (adult inpatient)", a, e, "Clinical Decision Support")
    d.ln("Clinical owner: ", dr(cmio), "   Build: CDS team   Version ", rng.randint(3, 12))
    d.ln("")
    d.ln("h2. Criteria (any 2 within 6 h, adults 18 and older)")
    d.ln("* Temperature > 38.3 C or < 36 C")
    d.ln("* Heart rate > 90")
    d.ln("* Respiratory rate > 20")
    d.ln("* WBC > 12 or < 4 x10^9/L")
    d.ln("* Lactate >= 2 mmol/L")
    d.ln("")
    d.ln("h2. Exclusions")
    d.ln("* Active comfort-care order")
    d.ln("* Alert acknowledged in the last 12 h")
    d.ln("* Problem list contains ", D("diagnosis_code", "A41.9"), " (", D("condition", "sepsis, unspecified organism"), ") with a treatment plan already ordered")
    d.ln("")
    d.ln("h2. Action")
    d.ln("Opens the ", D("condition", "sepsis"), " order set: blood cultures x2, lactate, ", D("medication", "piperacillin-tazobactam"),
         " or ", D("medication", "cefepime"), " per antibiogram, 30 mL/kg crystalloid if hypotensive.")
    d.ln("")
    d.ln("h2. Performance (last quarter)")
    d.ln("Fired %d times, accepted %d%%, median time to antibiotics %d min." % (rng.randint(2000, 9000), rng.randint(20, 60), rng.randint(40, 180)))
    return d


@tpl("clinical_rule_page", "c")
def cr_anticoag_reference(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Anticoagulant quick reference", a, e, "Pharmacy")
    d.ln("| Drug | Usual dose (", D("condition", "AF"), ") | Renal adjustment | Reversal |")
    d.ln("|---|---|---|---|")
    for drug, dose, renal, rev in [("apixaban", "5 mg BID", "2.5 mg BID if 2 of: age >= 80, weight <= 60 kg, Cr >= 1.5", "andexanet alfa"),
                                   ("rivaroxaban", "20 mg daily with evening meal", "15 mg if CrCl 15-50", "andexanet alfa"),
                                   ("dabigatran", "150 mg BID", "75 mg BID if CrCl 15-30 (US)", "idarucizumab"),
                                   ("warfarin", "per INR, goal 2-3", "none", "vitamin K + 4F-PCC")]:
        d.ln("| ", D("medication", drug), " | ", dose, " | ", renal, " | ", D("medication", rev), " |")
    d.ln("")
    d.ln("Hold before procedures per the periprocedural table; questions to the anticoagulation service.")
    return d


@tpl("clinical_rule_page", "c")
def cr_fall_risk_rule(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Fall risk rule (Morse) - logic", a, e, "Nursing Informatics")
    d.b("""
        Score components (Morse Fall Scale):
        - history of falling within 3 months: 25
        - secondary diagnosis: 15
        - ambulatory aid: crutches/cane/walker 15, furniture 30
        - IV or heparin lock: 20
        - gait: weak 10, impaired 20
        - mental status: forgets limitations 15

        Risk levels: 0-24 low, 25-44 moderate, 45+ high.

        Additional rule: patients aged 90 and older are treated as at least moderate risk regardless of score, and
        patients aged 65 and older on §m1§ or §m2§ get a pharmacy review flag.

        Outputs: bed alarm order suggestion (high), yellow wristband and socks (moderate/high), PT consult (high).
        """, m1=D("medication", "benzodiazepines"), m2=D("medication", "opioids"))
    return d


@tpl("clinical_rule_page", "c")
def cr_safe_harbor_guide(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "De-identification guide for engineers (Safe Harbor)", a, e, "Privacy")
    d.ln("When you need example data in a ticket, page or test, use the documented test values below, never copy from")
    d.ln("production. The 18 Safe Harbor identifiers include names, geographic units smaller than a state, all elements")
    d.ln("of dates (except year) related to an individual, ages over 89, phone and fax numbers, email, SSN, MRN, health")
    d.ln("plan ids, account numbers, licence numbers, vehicle and device ids, URLs, IP addresses, biometrics, photos and any")
    d.ln("other unique code.")
    d.ln("")
    d.ln("||identifier||safe example||")
    d.ln("|SSN|123-45-6789|")
    d.ln("|Phone|(412) 555-01", "%02d" % rng.randint(0, 99), "|")
    d.ln("|NPI (provider)|1234567893|")
    d.ln("|MBI|1EG4-TE5-MK73|")
    d.ln("|ZIP|00000|")
    d.ln("|MRN|", D("mrn", "T0000001"), " (CERT test range)|")
    d.ln("|Name|", D("person_name", "ZZTEST, ALPHA"), " (CERT test patient)|")
    d.ln("")
    d.ln("Ages: report anyone aged 90 or older as \"90+\". Dates: keep the year only, or shift consistently per patient.")
    return d


@tpl("clinical_rule_page", "c")
def cr_immunization_schedule(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Adult immunization reminders - rule table", a, e, "Clinical Decision Support")
    d.ln("| Vaccine | Population | Interval | Health maintenance topic |")
    d.ln("|---|---|---|---|")
    for v, pop, iv, hm in [("Influenza", "all adults", "yearly, Sep-Mar", "HM-FLU"),
                           ("Td/Tdap", "all adults", "every 10 years", "HM-TD"),
                           ("Zoster recombinant", "50 and older", "2 doses, 2-6 months apart", "HM-ZOS"),
                           ("Pneumococcal conjugate", "65 and older, or 19-64 with risk conditions", "once", "HM-PCV"),
                           ("RSV", "75 and older; 60-74 at increased risk", "once", "HM-RSV"),
                           ("Hepatitis B", "19-59; 60+ with risk factors", "2-4 doses", "HM-HEPB")]:
        d.ln("| ", D("medication", v), " | ", pop, " | ", iv, " | ", hm, " |")
    d.ln("")
    d.ln("Risk conditions include ", D("condition", "diabetes"), ", ", D("condition", "chronic kidney disease"), ", ",
         D("condition", "COPD"), " and immunocompromise. Reminders suppressed when a refusal is documented in the last year.")
    return d


@tpl("clinical_rule_page", "c")
def cr_cql_measure(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "CQL: diabetes HbA1c poor control measure (draft)", a, e, "Quality")
    d.ln("{code}")
    d.ln("library DiabetesA1cPoorControl version '0.%d.0'" % rng.randint(1, 9))
    d.ln("using FHIR version '4.0.1'")
    d.ln("include FHIRHelpers version '4.0.1'")
    d.ln("valueset \"Diabetes\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001'")
    d.ln("valueset \"HbA1c Laboratory Test\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013'")
    d.ln("parameter \"Measurement Period\" Interval<DateTime>")
    d.ln("context Patient")
    d.ln("define \"Initial Population\":")
    d.ln("  AgeInYearsAt(date from end of \"Measurement Period\") in Interval[18, 75]")
    d.ln("    and exists ([Condition: \"Diabetes\"] C where C.onset before end of \"Measurement Period\")")
    d.ln("define \"Most Recent HbA1c\":")
    d.ln("  Last([Observation: \"HbA1c Laboratory Test\"] O where O.effective during \"Measurement Period\" sort by effective)")
    d.ln("define \"Numerator\":")
    d.ln("  \"Most Recent HbA1c\".value > 9 '%' or \"Most Recent HbA1c\" is null")
    d.ln("{code}")
    d.ln("")
    d.ln("Note: the ", D("condition", "diabetes"), " value set includes ", D("diagnosis_code", "E11.9"), " and ",
         D("diagnosis_code", "E10.9"), "; gestational diabetes is excluded.")
    return d


@tpl("clinical_rule_page", "c")
def cr_drug_interaction(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Interaction alerts kept at 'interruptive' level", a, e, "Pharmacy")
    d.ln("||Drug A||Drug B||Effect||Recommendation||")
    for x, y, eff, rec in [("warfarin", "fluconazole", "INR increase", "reduce warfarin, check INR in 3-5 days"),
                           ("simvastatin", "clarithromycin", "myopathy risk", "hold statin during course"),
                           ("linezolid", "sertraline", "serotonin syndrome", "avoid or monitor closely"),
                           ("clopidogrel", "omeprazole", "reduced antiplatelet effect", "use pantoprazole"),
                           ("methotrexate", "trimethoprim", "bone marrow suppression", "avoid combination")]:
        d.ln("|", D("medication", x), "|", D("medication", y), "|", eff, "|", rec, "|")
    d.ln("")
    d.ln("Override rate last quarter: %d%%. Review by P&T every 6 months." % rng.randint(20, 70))
    return d


@tpl("clinical_rule_page", "c")
def cr_ckd_dosing(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Renal dosing prompts by eGFR", a, e, "Pharmacy")
    d.ln("Stages: G1 >= 90, G2 60-89, G3a 45-59, G3b 30-44, G4 15-29, G5 < 15 mL/min/1.73m2.")
    d.ln("")
    d.ln("| Medication | eGFR 30-44 | eGFR < 30 |")
    d.ln("|---|---|---|")
    for m, a1, a2 in [("metformin", "do not start; continue with review", "contraindicated"),
                      ("gabapentin", "200-700 mg/day", "100-300 mg/day"),
                      ("enoxaparin", "usual", "1 mg/kg once daily"),
                      ("nitrofurantoin", "avoid if long term", "avoid")]:
        d.ln("| ", D("medication", m), " | ", a1, " | ", a2, " |")
    d.ln("")
    d.ln("Prompt fires on order entry when the most recent eGFR is within 7 days; ", D("condition", "AKI"), " suppresses it.")
    return d


# ===========================================================================
# clean: oncall_directory
# ===========================================================================


def pager(rng):
    return "%d-%04d" % (rng.randint(200, 999), rng.randint(0, 9999))


@tpl("oncall_directory", "c")
def od_wiki_table(rng):
    d = Doc()
    a, e = staff(rng, 2)
    fac = rng.choice(FACILITIES)
    start = recent(rng)
    conf_head(d, rng, "Integration team on-call - from %s" % fdate(start, "long"), a, e, "Interfaces")
    d.ln("||Week||Primary||Secondary||Primary cell||Pager||")
    people = staff(rng, 6)
    for i in range(rng.randint(4, 6)):
        p, s = people[i % 6], people[(i + 2) % 6]
        wk = start + dt.timedelta(days=7 * i)
        d.ln("|", wk.strftime("%b %d"), " - ", (wk + dt.timedelta(days=6)).strftime("%b %d"), "|", sname(p), "|", sname(s), "|",
             D("staff_contact", work_phone(rng, fac)), "|", D("staff_contact", pager(rng)), "|")
    d.ln("")
    d.ln("Escalation after 15 minutes: manager ", sname(a), " ", D("staff_contact", work_phone(rng, fac)), ".")
    d.ln("Bridge for SEV-1: 1-888-555-0177, passcode ", rng.randint(100000, 999999), "#")
    return d


@tpl("oncall_directory", "c")
def od_pagerduty_yaml(rng):
    d = Doc()
    people = staff(rng, 5)
    fac = rng.choice(FACILITIES)
    d.ln("# oncall/schedules/ehr-apps.yaml")
    d.ln("schedule:")
    d.ln("  name: EHR Applications")
    d.ln("  time_zone: America/New_York")
    d.ln("  rotation_virtual_start: \"", recent(rng).isoformat(), "T08:00:00-05:00\"")
    d.ln("  handoff: monday 08:00")
    d.ln("  users:")
    for p in people:
        d.ln("    - name: ", sname(p))
        d.ln("      email: ", D("staff_contact", staff_email(p, fac)))
        d.ln("      phone: \"", D("staff_contact", "+1%s%d%04d" % (fac[3][1:4], rng.randint(200, 999), rng.randint(0, 9999))), "\"")
    d.ln("escalation_policy:")
    d.ln("  - level: 1")
    d.ln("    target: schedule/ehr-apps")
    d.ln("    delay_minutes: 15")
    d.ln("  - level: 2")
    d.ln("    target: user/", D("person_name", people[0].handle()))
    return d


@tpl("oncall_directory", "c")
def od_escalation_matrix(rng):
    d = Doc()
    people = staff(rng, 6)
    fac = rng.choice(FACILITIES)
    d.ln("## Escalation matrix - clinical systems")
    d.ln("")
    d.ln("| System | Tier 1 | Tier 2 | Vendor | Hours |")
    d.ln("|---|---|---|---|---|")
    for i, (sysname, vendor) in enumerate([("EHR (inpatient)", "vendor TS line"), ("Lab (LIS)", "LIS vendor"), ("PACS", "PACS vendor"),
                                           ("Interface engine", "n/a"), ("Patient portal", "portal vendor"), ("Pharmacy (ADC)", "ADC vendor")]):
        p = people[i % 6]
        d.ln("| ", sysname, " | Service desk ", D("staff_contact", fac[3]), " | ", sname(p), " ", D("staff_contact", "x%d" % rng.randint(2000, 7999)),
             " | ", vendor, " | ", rng.choice(["24x7", "business hours", "24x7 (P1 only after hours)"]), " |")
    d.ln("")
    d.ln("P1 = patient care impacted for a whole unit or more. Always open a ticket first (", rkey(rng, "EHRSUP"), " is the template).")
    return d


@tpl("oncall_directory", "c")
def od_holiday_coverage(rng):
    d = Doc()
    people = staff(rng, 6)
    fac = rng.choice(FACILITIES)
    yr = 2026
    d.ln("Holiday coverage ", yr, " - Revenue Cycle IT")
    d.ln("")
    for hol, day in [("New Year's Day", dt.date(yr, 1, 1)), ("Memorial Day", dt.date(yr, 5, 25)), ("Independence Day", dt.date(yr, 7, 3)),
                     ("Labor Day", dt.date(yr, 9, 7)), ("Thanksgiving", dt.date(yr, 11, 26)), ("Christmas", dt.date(yr, 12, 25))]:
        p = rng.choice(people)
        d.ln(hol.ljust(18), day.strftime("%a %m/%d"), "   ", sname(p), "   ", D("staff_contact", work_phone(rng, fac)))
    d.ln("")
    d.ln("Swaps: agree between yourselves, then tell ", sname(people[0]), ". Holiday pay per policy HR-", rng.randint(100, 400), ".")
    return d


@tpl("oncall_directory", "c")
def od_department_phone_list(rng):
    d = Doc()
    a, e = staff(rng, 2)
    fac = rng.choice(FACILITIES)
    conf_head(d, rng, "Department phone list - %s" % fac[0], a, e, "Service Desk")
    d.ln("||Department||Main||Fax||Manager||")
    for dept in ["Admitting", "Radiology scheduling", "Lab client services", "Pharmacy", "Health Information Management",
                 "Case management", "Patient financial services", "Security"]:
        m = staff(rng)
        d.ln("|", dept, "|", D("staff_contact", work_phone(rng, fac)), "|", D("staff_contact", work_phone(rng, fac)), "|", sname(m), "|")
    d.ln("")
    d.ln("Main operator: ", D("staff_contact", fac[3]), ". Numbers are internal work lines, not for patients' personal use.")
    return d


@tpl("oncall_directory", "c")
def od_slack_handoff(rng):
    d = Doc()
    a, b, c = staff(rng, 3)
    t = rtime(rng)
    d.ln("#ehr-oncall")
    d.ln(sname(a), "  ", t.strftime("%I:%M %p").lstrip("0"))
    d.ln(":wave: handing off to @", D("person_name", b.given), " for the week. Summary:")
    d.ln("• ", rkey(rng, "EHRSUP"), " - print server ", server_ip(rng), " patched, monitor queue LAB-DRAW-3")
    d.ln("• ", rkey(rng, "EHRSUP"), " - Citrix session limit raised to 1200, no alerts since")
    d.ln("• disk on db-rep-02 at 81%, cleanup job scheduled tonight")
    d.ln("• nothing patient-impacting open")
    d.ln("")
    d.ln(sname(b), "  ", (t + dt.timedelta(minutes=rng.randint(2, 30))).strftime("%I:%M %p").lstrip("0"))
    d.ln("got it, thanks! @", D("person_name", c.given), " is my backup, cell in the on-call page")
    return d


@tpl("oncall_directory", "c")
def od_vendor_contacts(rng):
    d = Doc()
    a, e = staff(rng, 2)
    conf_head(d, rng, "Vendor support contacts", a, e, "Interfaces")
    d.ln("| Vendor | Product | Support line | Portal | Account # |")
    d.ln("|---|---|---|---|---|")
    for v, p in [("Acme Imaging", "PACS"), ("LabWorks", "LIS"), ("RxFlow", "Pharmacy interface"), ("CloudFax", "e-fax"), ("NotifyHub", "reminders")]:
        d.ln("| ", v, " | ", p, " | 1-800-555-01%02d" % rng.randint(0, 99), " | https://support.", v.lower().replace(" ", ""),
             ".example.com | ", D("internal_id", "CUST-%d" % rng.randint(10000, 99999)), " |")
    d.ln("")
    d.ln("Numbers above are the vendors' published support lines. Our customer numbers are for vendor tickets only.")
    return d


@tpl("oncall_directory", "c")
def od_csv_export(rng):
    d = Doc()
    people = staff(rng, 6)
    fac = rng.choice(FACILITIES)
    d.ln("team,week_start,primary,primary_phone,secondary,secondary_phone")
    start = recent(rng)
    for i in range(rng.randint(6, 10)):
        p, s = rng.sample(people, 2)
        d.ln(rng.choice(["interfaces", "ehr-apps", "rcm-it", "data-platform"]), ",", (start + dt.timedelta(days=7 * i)).isoformat(), ",",
             sname(p), ",", D("staff_contact", work_phone(rng, fac)), ",", sname(s), ",", D("staff_contact", work_phone(rng, fac)))
    return d


# ===========================================================================
# generation, --check, --stats
# ===========================================================================


def mode_of(variant):
    for fam, modes in TEMPLATES.items():
        for m, fns in modes.items():
            if any(f.__name__ == variant for f in fns):
                return m
    return None


def conflicts(rec):
    """Problems that make a draw ambiguous: a patient sharing a staff member's name, or a PHI value (other than a
    single alphabetic word) that also occurs unlabelled."""
    b = rec["text"].encode("utf-8")
    phi = {b[s["start"]:s["end"]] for s in rec["spans"] if s["label"] == "phi"}
    dc = {b[s["start"]:s["end"]] for s in rec["spans"] if s["label"] == "dont_care"}
    out = [v.decode() for v in phi & dc]
    out += [v for v in unlabelled_repeats(rec) if not v.isalpha()]
    return out


def build(rng, family, i, fn, is_phi):
    for _ in range(20):
        d = fn(rng)
        rec = collections.OrderedDict([("id", "%s-%04d" % (family, i)), ("family", family), ("phi", is_phi),
                                       ("variant", fn.__name__), ("text", d.text()), ("spans", d.spans)])
        if not check_record(rec) and not conflicts(rec):
            return rec
    raise RuntimeError("could not draw a clean %s document" % fn.__name__)


def generate():
    rng = random.Random(SEED)
    records = []
    for fi, fam in enumerate(PHI_FAMILIES):
        sparse = list(TEMPLATES[fam]["s"])
        ordinary = list(TEMPLATES[fam]["o"])
        rng.shuffle(sparse)
        rng.shuffle(ordinary)
        n_sparse = (DOCS_PER_PHI_FAMILY + 1) // 2 if fi % 2 == 0 else DOCS_PER_PHI_FAMILY // 2
        modes = ["s"] * n_sparse + ["o"] * (DOCS_PER_PHI_FAMILY - n_sparse)
        rng.shuffle(modes)
        cs = co = 0
        for i, m in enumerate(modes):
            if m == "s":
                fn = sparse[cs % len(sparse)]
                cs += 1
            else:
                fn = ordinary[co % len(ordinary)]
                co += 1
            records.append(build(rng, fam, i, fn, True))
    for fam in CLEAN_FAMILIES:
        clean = list(TEMPLATES[fam]["c"])
        rng.shuffle(clean)
        for i in range(DOCS_PER_CLEAN_FAMILY):
            records.append(build(rng, fam, i, clean[i % len(clean)], False))
    return records


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)


def write(records, path=OUT):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(dumps(rec) + "\n")


def load(path=OUT):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def cmd_check(path):
    recs = load(path)
    errors = 0
    ids = set()
    for rec in recs:
        problems = check_record(rec)
        if rec["id"] in ids:
            problems.append("duplicate id")
        ids.add(rec["id"])
        if rec["family"] not in PHI_FAMILIES + CLEAN_FAMILIES:
            problems.append("unknown family %r" % rec["family"])
        elif rec["phi"] != (rec["family"] in PHI_FAMILIES):
            problems.append("phi flag does not match family")
        for p in problems:
            print("%s: %s" % (rec["id"], p))
            errors += 1
    n_phi = sum(1 for r in recs if r["phi"])
    print("%d documents (%d PHI, %d clean), %d spans checked" % (len(recs), n_phi, len(recs) - n_phi,
                                                                  sum(len(r["spans"]) for r in recs)))
    reps = collections.Counter()
    for rec in recs:
        for v in unlabelled_repeats(rec):
            reps[v] += 1
    if reps:
        print("PHI words that also occur unlabelled in the same document (ordinary words, by design): %s"
              % ", ".join("%s (%d)" % kv for kv in sorted(reps.items())))
    if os.path.abspath(path) == os.path.abspath(OUT):
        fresh = [dumps(r) for r in generate()]
        with open(path, encoding="utf-8") as fh:
            on_disk = [line.rstrip("\n") for line in fh if line.strip()]
        if fresh != on_disk:
            print("file differs from a fresh generation (run the generator again)")
            errors += 1
        else:
            print("file matches a fresh generation (deterministic)")
    print("OK" if errors == 0 else "%d problem(s)" % errors)
    return 0 if errors == 0 else 1


def cmd_stats(path):
    recs = load(path)
    fams = collections.Counter(r["family"] for r in recs)
    print("documents: %d (%d PHI / %d clean)" % (len(recs), sum(r["phi"] for r in recs), sum(not r["phi"] for r in recs)))
    print("")
    print("per family:")
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        sub = [r for r in recs if r["family"] == fam]
        ms = collections.Counter(mode_of(r["variant"]) for r in sub)
        print("  %-26s %3d  %s  variants used %d" % (fam, fams[fam],
                                                     "sparse %d / ordinary %d" % (ms["s"], ms["o"]) if fam in PHI_FAMILIES else "clean" + " " * 15,
                                                     len({r["variant"] for r in sub})))
    print("")
    phi_docs = [r for r in recs if r["phi"]]
    for m, name in (("s", "sparse"), ("o", "ordinary")):
        sub = [r for r in phi_docs if mode_of(r["variant"]) == m]
        if not sub:
            continue
        per = sorted(sum(1 for s in r["spans"] if s["label"] == "phi") for r in sub)
        lens = sorted(len(r["text"].encode("utf-8")) for r in sub)
        share = sorted(sum(s["end"] - s["start"] for s in r["spans"] if s["label"] == "phi") / max(1, len(r["text"].encode("utf-8")))
                       for r in sub)
        print("%-8s PHI docs: %3d  phi spans/doc min %d median %d max %d  bytes median %d  phi share of bytes median %.1f%%"
              % (name, len(sub), per[0], per[len(per) // 2], per[-1], lens[len(lens) // 2], 100 * share[len(share) // 2]))
    clean = [r for r in recs if not r["phi"]]
    lens = sorted(len(r["text"].encode("utf-8")) for r in clean)
    print("clean    docs:     %3d  bytes median %d" % (len(clean), lens[len(lens) // 2]))
    print("")
    for lab in ("phi", "dont_care"):
        kinds = collections.Counter(s.get("kind") for r in recs for s in r["spans"] if s["label"] == lab)
        print("%s spans: %d  %s" % (lab, sum(kinds.values()), ", ".join("%s %d" % kv for kv in kinds.most_common())))
    print("")
    n_t = sum(len(v) for modes in TEMPLATES.values() for v in modes.values())
    n_s = sum(len(modes["s"]) for modes in TEMPLATES.values())
    n_o = sum(len(modes["o"]) for modes in TEMPLATES.values())
    print("templates: %d (%d sparse PHI, %d ordinary PHI, %d clean); variants used: %d"
          % (n_t, n_s, n_o, n_t - n_s - n_o, len({r["variant"] for r in recs})))
    native = [c for c, v in CULTURES.items() if v.get("native")]
    print("name cultures: %d (%d with native-script names: %s)" % (len(CULTURES), len(native), ", ".join(sorted(native))))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-verify the written JSONL")
    ap.add_argument("--stats", action="store_true", help="print counts per family, variant and kind")
    ap.add_argument("--out", default=OUT, help="output / input path (default: %(default)s)")
    args = ap.parse_args(argv)
    if args.check:
        return cmd_check(args.out)
    if args.stats:
        return cmd_stats(args.out)
    recs = generate()
    write(recs, args.out)
    print("wrote %d documents to %s" % (len(recs), os.path.relpath(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
