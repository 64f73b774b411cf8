#!/usr/bin/env python3
"""Eighteenth synthetic corpus generator for the PHI detector (fresh17.jsonl).

Standard library only, deterministic (fixed seed).  Written from
tests/corpus/README.md and section 1 of CONTRACTS.md only.

The angle: text exactly as a browser extension receives it on paste, i.e. the
text/plain of a copy from a RENDERED page or app (Jira issue views and
sidebars, ServiceNow / Zendesk forms, Confluence Page Properties, EHR banners
and flowsheets, tables flattened to tab rows or to one cell per line, Outlook
web / Gmail renderings, Teams / Slack chat copies, PDF text with hard line
breaks, hyphenation and page furniture, rendered diff views with line numbers).

Every name, number and address is invented.  Spans are UTF-8 byte offsets,
computed while the text is built (pieces are appended and their offsets
recorded), never by searching afterwards.

Usage:
    python3 generate_fresh17.py            # write fresh17.jsonl
    python3 generate_fresh17.py --check    # re-read and verify fresh17.jsonl
    python3 generate_fresh17.py --stats    # counts per family / variant / kind
"""

import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import unicodedata

SEED = 17_2026_1207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh17.jsonl")
TODAY = dt.date(2026, 12, 7)

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone",
    "email", "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number",
    "license_number", "vehicle_id", "device_id", "url", "ip_address",
    "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code",
    "drug_code", "medication", "condition", "credit_card",
}

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]

# ---------------------------------------------------------------------------
# pieces and the builder
# ---------------------------------------------------------------------------
# A piece is a str (unlabelled text), a tuple (label, kind, text), or a list of
# pieces.  Builder.add() appends pieces and records byte offsets as it goes.


def P(v, kind):
    return ("phi", kind, v)


def D(v, kind):
    return ("dont_care", kind, v)


class Builder:
    def __init__(self):
        self.parts = []
        self.pos = 0
        self.spans = []

    def add(self, *pieces):
        for pc in pieces:
            if pc is None:
                continue
            if isinstance(pc, str):
                self.parts.append(pc)
                self.pos += len(pc.encode("utf-8"))
            elif isinstance(pc, tuple):
                label, kind, text = pc
                if not text:
                    continue
                start = self.pos
                self.parts.append(text)
                self.pos += len(text.encode("utf-8"))
                self.spans.append({"start": start, "end": self.pos,
                                   "label": label, "kind": kind})
            elif isinstance(pc, list):
                self.add(*pc)
            else:
                raise TypeError(repr(pc))
        return self

    def text(self):
        return "".join(self.parts)


_PH = re.compile(r"«([a-z_][a-z0-9_]*)»")


def T(fmt, **kw):
    """Template: «name» placeholders replaced by pieces (str / tuple / list)."""
    out = []
    last = 0
    for m in _PH.finditer(fmt):
        if m.start() > last:
            out.append(fmt[last:m.start()])
        out.append(kw[m.group(1)])
        last = m.end()
    if last < len(fmt):
        out.append(fmt[last:])
    return out


def flatten(pieces):
    for pc in pieces:
        if pc is None:
            continue
        if isinstance(pc, list):
            yield from flatten(pc)
        else:
            yield pc


def join(pieces, sep):
    out = []
    for i, pc in enumerate(pieces):
        if i:
            out.append(sep)
        out.append(pc)
    return out


def lines(*rows):
    out = []
    for r in rows:
        out.append(r)
        out.append("\n")
    return out


# ---------------------------------------------------------------------------
# rendered-copy layouts
# ---------------------------------------------------------------------------

def vblock(pairs, colon=False, blank=False, indent=""):
    """Label on its own line, value on the next (rendered forms / sidebars)."""
    out = []
    for lab, val in pairs:
        out += [indent, lab, ":" if colon else "", "\n", indent, val, "\n"]
        if blank:
            out.append("\n")
    return out


def hblock(pairs, sep=": ", tab=False):
    out = []
    for lab, val in pairs:
        out += [lab, "\t" if tab else sep, val, "\n"]
    return out


def table(header, rows, mode="tsv", total=None):
    """Rendered table copied: 'tsv' rows, 'cells' one cell per line,
    'cells_blank' one cell per line with a blank line between rows."""
    out = []
    if mode == "tsv":
        out += [join(list(header), "\t"), "\n"]
        for r in rows:
            out += [join(list(r), "\t"), "\n"]
        if total:
            out += [join(list(total), "\t"), "\n"]
    else:
        for h in header:
            out += [h, "\n"]
        allrows = list(rows) + ([total] if total else [])
        for r in allrows:
            if mode == "cells_blank":
                out.append("\n")
            for c in r:
                out += [c, "\n"]
    return out


def wrap(pieces, width, rng, hyph=0.6):
    """PDF text copy: hard line breaks at `width`, some plain words hyphenated
    across lines.  Labelled pieces are never split."""
    items = []
    for pc in flatten(pieces):
        if isinstance(pc, str):
            for part in re.split(r"( |\n)", pc):
                if part:
                    items.append(part)
        else:
            items.append(pc)
    out = []
    col = 0
    for it in items:
        if it == "\n":
            if out and out[-1] == " ":
                out.pop()
            out.append("\n")
            col = 0
            continue
        if it == " ":
            if col == 0:
                continue
            out.append(" ")
            col += 1
            continue
        txt = it if isinstance(it, str) else it[2]
        n = len(txt)
        if col + n > width and col > 0:
            core = re.match(r"[^\W\d_]+", it) if isinstance(it, str) else None
            if core and core.end() >= 8 and rng.random() < hyph:
                k = min(width - col - 1, core.end() - 3)
                if k >= 4:
                    out.append(it[:k] + "-\n")
                    out.append(it[k:])
                    col = n - k
                    continue
            if out and out[-1] == " ":
                out[-1] = "\n"
            else:
                out.append("\n")
            col = 0
        out.append(it)
        col += n
    return out


def paginate(pieces, per_page, header_fn, footer_fn):
    """Insert page footers / headers every `per_page` lines (PDF copies)."""
    out = []
    count = 0
    page = 1
    for pc in flatten(pieces):
        if isinstance(pc, str) and "\n" in pc:
            segs = pc.split("\n")
            for j, s in enumerate(segs):
                if s:
                    out.append(s)
                if j < len(segs) - 1:
                    out.append("\n")
                    count += 1
                    if count >= per_page:
                        out.append(footer_fn(page))
                        page += 1
                        out.append(header_fn(page))
                        count = 0
        else:
            out.append(pc)
    return out, page


# ---------------------------------------------------------------------------
# hand-written name lists (no Faker)
# ---------------------------------------------------------------------------
# Each culture: female given names, male given names, family names; optional
# 'LF' female family names (gendered), optional native-script maps.

CULTURES = [
    dict(id="anglo_us", F=["Emily", "Katherine", "Megan", "Brittany", "Diane", "Lorraine", "Shirley"],
         M=["James", "Robert", "Tyler", "Dennis", "Harold", "Bradley", "Walter"],
         L=["Whitaker", "Carter", "Pruitt", "Holloway", "McAllister", "Sorensen", "Abernathy"]),
    dict(id="english_words", F=["Rose", "Hope", "Faith", "Summer", "Joy", "Amber", "Dawn", "Crystal", "Ivy"],
         M=["Will", "Grant", "Glen", "Frank", "Victor", "Hunter", "Jack", "Chase", "Forrest"],
         L=["Hill", "Frost", "Small", "Young", "Little", "Lane", "Rivers", "Marsh", "Bishop", "Baker",
            "Stone", "Woods", "Banks", "Snow", "Cross", "Bird"]),
    dict(id="mexican", F=["María José", "Lucía", "Guadalupe", "Ximena", "Rocío"],
         M=["José Luis", "Ramón", "Joaquín", "Jesús", "Andrés"],
         L=["González", "Hernández", "Ramírez", "Ibáñez", "Zúñiga", "Peña", "Gutiérrez"]),
    dict(id="puerto_rican", F=["Yaritza", "Maribel", "Nilda", "Zoraida"],
         M=["Héctor", "Wilfredo", "Radamés", "Edwin"],
         L=["Rivera Colón", "Santiago", "Maldonado", "Quiñones", "Vélez"]),
    dict(id="irish", F=["Siobhán", "Niamh", "Aoife", "Gráinne"],
         M=["Pádraig", "Seán", "Cathal", "Oisín"],
         L=["O'Sullivan", "Kavanagh", "Ó Briain", "MacCárthaigh", "Ní Bhriain"]),
    dict(id="italian", F=["Chiara", "Giulia", "Annunziata", "Rosaria"],
         M=["Giuseppe", "Salvatore", "Niccolò", "Vittorio"],
         L=["Ferraro", "Bianchi", "D'Angelo", "Esposito", "Lo Russo"]),
    dict(id="portuguese_br", F=["Graça", "Conceição", "Luíza", "Thaís"],
         M=["João", "Sebastião", "Antônio", "Caetano"],
         L=["Magalhães", "Conceição", "Araújo", "Gonçalves", "Assunção"]),
    dict(id="french", F=["Geneviève", "Hélène", "Mélanie", "Françoise"],
         M=["François", "Jérôme", "Benoît", "Gaëtan"],
         L=["Lefèvre", "Bélanger", "Côté", "Desrosiers", "Gagné"]),
    dict(id="german", F=["Anneliese", "Jutta", "Bärbel", "Hannelore"],
         M=["Jürgen", "Dieter", "Günther", "Björn"],
         L=["Großmann", "Müller", "Schäfer", "Köhler", "Weiß"]),
    dict(id="polish", F=["Małgorzata", "Agnieszka", "Grażyna", "Jadwiga"],
         M=["Grzegorz", "Łukasz", "Wojciech", "Zbigniew"],
         L=["Wiśniewski", "Żółkowski", "Szczepański", "Kowalczyk"],
         LF=["Wiśniewska", "Żółkowska", "Szczepańska", "Kowalczyk"]),
    dict(id="russian", F=["Olga", "Tatiana", "Svetlana", "Yelena"],
         M=["Dmitri", "Sergei", "Aleksandr", "Yuri"],
         L=["Smirnov", "Volkov", "Kuznetsov", "Morozov"],
         LF=["Smirnova", "Volkova", "Kuznetsova", "Morozova"],
         nat={"Olga": "Ольга", "Tatiana": "Татьяна", "Svetlana": "Светлана", "Yelena": "Елена",
              "Dmitri": "Дмитрий", "Sergei": "Сергей", "Aleksandr": "Александр", "Yuri": "Юрий",
              "Smirnov": "Смирнов", "Volkov": "Волков", "Kuznetsov": "Кузнецов", "Morozov": "Морозов",
              "Smirnova": "Смирнова", "Volkova": "Волкова", "Kuznetsova": "Кузнецова",
              "Morozova": "Морозова"}),
    dict(id="ukrainian", F=["Oksana", "Halyna", "Iryna"], M=["Bohdan", "Taras", "Mykola"],
         L=["Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk"]),
    dict(id="greek", F=["Eleni", "Vasiliki", "Despina"], M=["Georgios", "Konstantinos", "Spyridon"],
         L=["Papadopoulos", "Nikolaidis", "Karagiannis"], LF=["Papadopoulou", "Nikolaidou", "Karagianni"],
         nat={"Eleni": "Ελένη", "Vasiliki": "Βασιλική", "Despina": "Δέσποινα", "Georgios": "Γεώργιος",
              "Konstantinos": "Κωνσταντίνος", "Spyridon": "Σπυρίδων", "Papadopoulos": "Παπαδόπουλος",
              "Nikolaidis": "Νικολαΐδης", "Karagiannis": "Καραγιάννης", "Papadopoulou": "Παπαδοπούλου",
              "Nikolaidou": "Νικολαΐδου", "Karagianni": "Καραγιάννη"}),
    dict(id="turkish", F=["Ayşe", "Gülşen", "Şükran"], M=["Mehmet", "Oğuz", "İsmail"],
         L=["Yılmaz", "Öztürk", "Çelik", "Şahin"]),
    dict(id="arabic", F=["Fatima", "Layla", "Noor", "Huda"], M=["Omar", "Khalid", "Yousef", "Tariq"],
         L=["Al-Sayed", "Haddad", "Khoury", "Al-Masri", "Nasrallah"],
         nat={"Fatima": "فاطمة", "Layla": "ليلى", "Noor": "نور", "Huda": "هدى", "Omar": "عمر",
              "Khalid": "خالد", "Yousef": "يوسف", "Tariq": "طارق", "Al-Sayed": "السيد",
              "Haddad": "حداد", "Khoury": "خوري", "Al-Masri": "المصري", "Nasrallah": "نصرالله"}),
    dict(id="persian", F=["Shirin", "Parisa", "Golnaz"], M=["Dariush", "Kourosh", "Babak"],
         L=["Tehrani", "Farahani", "Mohammadi", "Rezaei"]),
    dict(id="hebrew", F=["Noa", "Tamar", "Yael"], M=["Avi", "Eitan", "Yosef"],
         L=["Ben-David", "Mizrahi", "Peretz", "Friedman"],
         nat={"Noa": "נועה", "Tamar": "תמר", "Yael": "יעל", "Avi": "אבי", "Eitan": "איתן",
              "Yosef": "יוסף", "Ben-David": "בן דוד", "Mizrahi": "מזרחי", "Peretz": "פרץ",
              "Friedman": "פרידמן"}),
    dict(id="hindi", F=["Priya", "Sunita", "Anjali", "Kavita"], M=["Amit", "Rajesh", "Vikram", "Sanjay"],
         L=["Sharma", "Verma", "Gupta", "Chaudhary"],
         nat={"Priya": "प्रिया", "Sunita": "सुनीता", "Anjali": "अंजलि", "Kavita": "कविता",
              "Amit": "अमित", "Rajesh": "राजेश", "Vikram": "विक्रम", "Sanjay": "संजय",
              "Sharma": "शर्मा", "Verma": "वर्मा", "Gupta": "गुप्ता", "Chaudhary": "चौधरी"}),
    dict(id="tamil", F=["Lakshmi", "Meenakshi", "Kavya"], M=["Karthik", "Senthil", "Murugan"],
         L=["Subramanian", "Venkataraman", "Ramasamy", "Krishnan"]),
    dict(id="pakistani", F=["Ayesha", "Saima", "Rabia"], M=["Imran", "Bilal", "Faisal"],
         L=["Qureshi", "Siddiqui", "Chaudhry", "Malik"]),
    dict(id="bangladeshi", F=["Nusrat", "Farzana", "Taslima"], M=["Tanvir", "Rashed", "Mahbub"],
         L=["Rahman", "Hossain", "Chowdhury", "Islam"]),
    dict(id="chinese", F=["Fang", "Jing", "Xiu Ying", "Li Na"], M=["Wei", "Jian", "Hao", "Zhi Qiang"],
         L=["Wang", "Li", "Chen", "Zhang", "Liu"], order="family_first_nospace",
         nat={"Fang": "芳", "Jing": "静", "Xiu Ying": "秀英", "Li Na": "丽娜", "Wei": "伟",
              "Jian": "建", "Hao": "浩", "Zhi Qiang": "志强", "Wang": "王", "Li": "李",
              "Chen": "陈", "Zhang": "张", "Liu": "刘"}),
    dict(id="japanese", F=["Hanako", "Yuki", "Keiko", "Sakura"], M=["Kenji", "Hiroshi", "Takumi", "Daisuke"],
         L=["Sato", "Takahashi", "Yamamoto", "Watanabe"], order="family_first_space",
         nat={"Hanako": "花子", "Yuki": "由紀", "Keiko": "恵子", "Sakura": "さくら", "Kenji": "健二",
              "Hiroshi": "博", "Takumi": "拓海", "Daisuke": "大輔", "Sato": "佐藤",
              "Takahashi": "高橋", "Yamamoto": "山本", "Watanabe": "渡辺"}),
    dict(id="korean", F=["Ji-yeon", "Soo-jin", "Min-seo"], M=["Min-jun", "Sung-ho", "Jae-won"],
         L=["Kim", "Park", "Choi", "Jung"], order="family_first_nospace",
         nat={"Ji-yeon": "지연", "Soo-jin": "수진", "Min-seo": "민서", "Min-jun": "민준",
              "Sung-ho": "성호", "Jae-won": "재원", "Kim": "김", "Park": "박", "Choi": "최",
              "Jung": "정"}),
    dict(id="vietnamese", F=["Thị Lan", "Thu Hà", "Ngọc Ánh"], M=["Văn Minh", "Đức Anh", "Quốc Bảo"],
         L=["Nguyễn", "Trần", "Phạm", "Lê", "Huỳnh"]),
    dict(id="filipino", F=["Maricel", "Luzviminda", "Rowena"], M=["Rodrigo", "Jericho", "Bienvenido"],
         L=["Dela Cruz", "Bautista", "Macaraeg", "Villanueva"]),
    dict(id="thai", F=["Siriporn", "Malee"], M=["Somchai", "Anan"], L=["Wongsakul", "Srisuk"],
         nat={"Siriporn": "ศิริพร", "Malee": "มาลี", "Somchai": "สมชาย", "Anan": "อนันต์",
              "Wongsakul": "วงศ์สกุล", "Srisuk": "ศรีสุข"}),
    dict(id="yoruba", F=["Oluwaseun", "Folasade", "Adebisi"], M=["Adebayo", "Olumide", "Babatunde"],
         L=["Ogunleye", "Adeyemi", "Olaniyan", "Fashola"]),
    dict(id="igbo", F=["Ngozi", "Chiamaka", "Adaeze"], M=["Chinonso", "Emeka", "Obinna"],
         L=["Okonkwo", "Eze", "Nwachukwu", "Okafor"]),
    dict(id="amharic", F=["Tigist", "Meseret", "Hirut"], M=["Abebe", "Dawit", "Yonas"],
         L=["Bekele", "Girma", "Tesfaye", "Haile"]),
    dict(id="somali", F=["Hodan", "Faadumo", "Ifrah"], M=["Abdirahman", "Mahad", "Liban"],
         L=["Warsame", "Farah", "Abdi", "Jama"]),
    dict(id="akan", F=["Akosua", "Efua", "Abena"], M=["Kwame", "Kofi", "Yaw"],
         L=["Mensah", "Boateng", "Asante", "Owusu"]),
    dict(id="haitian", F=["Nadège", "Mirlande", "Guerline"], M=["Jean-Baptiste", "Wesner", "Fritznel"],
         L=["Pierre-Louis", "Désir", "Joseph", "Théodore"]),
    dict(id="nordic", F=["Åsa", "Sigrid", "Ingrid"], M=["Bjørn", "Håkon", "Sølve"],
         L=["Lindqvist", "Håkonsen", "Ødegård", "Sjöberg"]),
    dict(id="hungarian_czech", F=["Erzsébet", "Zsófia", "Květa"], M=["Jiří", "László", "Tamás"],
         L=["Kovács", "Dvořák", "Szabó", "Procházka"]),
    dict(id="navajo", F=["Nizhoni", "Shandiin", "Doli"], M=["Hastiin", "Ahiga", "Kele"],
         L=["Begay", "Tsosie", "Yazzie", "Benally"]),
    dict(id="hawaiian_samoan", F=["Leilani", "Malia", "Luana"], M=["Keoni", "Tavita", "Iosefa"],
         L=["Kahananui", "Kealoha", "Faleolo", "Tuiasosopo"]),
    dict(id="armenian", F=["Anahit", "Lusine", "Siranush"], M=["Tigran", "Hovhannes", "Aram"],
         L=["Petrosyan", "Hakobyan", "Sargsyan"],
         nat={"Anahit": "Անահիտ", "Lusine": "Լուսինե", "Siranush": "Սիրանուշ", "Tigran": "Տիգրան",
              "Hovhannes": "Հովհաննես", "Aram": "Արամ", "Petrosyan": "Պետրոսյան",
              "Hakobyan": "Հակոբյան", "Sargsyan": "Սարգսյան"}),
]

FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D",
        "ı": "i", "İ": "I"}


def ascii_fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


DOC_NAMES = set()
DOC_LASTS = set()


class Person:
    def __init__(self, rng, sex=None, culture=None, last=None, dob=None, old=None):
        c = culture or rng.choice(CULTURES)
        self.c = c
        self.culture = c["id"]
        self.sex = sex or rng.choice("FM")
        for _ in range(30):
            self.first = rng.choice(c["F"] if self.sex == "F" else c["M"])
            if last:
                self.last = last
            elif self.sex == "F" and "LF" in c:
                self.last = rng.choice(c["LF"])
            else:
                self.last = rng.choice(c["L"])
            # no two people in one document share a full name (nor a family
            # name, unless they are relatives passed `last`)
            if (self.first, self.last) not in DOC_NAMES and (last or self.last not in DOC_LASTS):
                break
        DOC_NAMES.add((self.first, self.last))
        DOC_LASTS.add(self.last)
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTW")
        self.dob = dob
        if self.dob is None:
            if old is None:
                old = rng.random() < 0.12
            if old:
                self.dob = rand_date(rng, dt.date(1925, 1, 1), dt.date(1936, 6, 30))
            elif rng.random() < 0.85:
                self.dob = rand_date(rng, dt.date(1938, 1, 1), dt.date(2004, 12, 31))
            else:
                self.dob = rand_date(rng, dt.date(2005, 1, 1), dt.date(2023, 12, 31))
        self.age = age_on(self.dob, TODAY)

    def full(self):
        return f"{self.first} {self.last}"

    def full_mi(self):
        return f"{self.first} {self.mi}. {self.last}"

    def last_first(self):
        return f"{self.last}, {self.first}"

    def banner(self):
        return f"{self.last.upper()}, {self.first.upper()}"

    def hl7(self, fold=False, mi=True):
        last, first = self.last.upper(), self.first.upper()
        if fold:
            last, first = ascii_fold(last), ascii_fold(first)
        return f"{last}^{first}" + (f"^{self.mi}" if mi else "")

    def native(self):
        nat = self.c.get("nat")
        if not nat or self.first not in nat or self.last not in nat:
            return None
        order = self.c.get("order")
        if order == "family_first_nospace":
            return nat[self.last] + nat[self.first]
        if order == "family_first_space":
            return nat[self.last] + " " + nat[self.first]
        return nat[self.first] + " " + nat[self.last]

    def title(self):
        return "Mrs." if self.sex == "F" else "Mr."

    def pron(self):
        return ("she", "her") if self.sex == "F" else ("he", "his")


def staff(rng, avoid=()):
    while True:
        p = Person(rng, old=False)
        if p.full() not in avoid:
            return p


# ---------------------------------------------------------------------------
# dates, numbers, contacts
# ---------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def recent(rng, a=dt.date(2026, 8, 1), b=dt.date(2026, 12, 5)):
    return rand_date(rng, a, b)


def age_on(dob, day):
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


DATE_STYLES = ["us", "us_short", "us_nopad", "iso", "long", "dmy_mon", "dmy_space", "mon_short", "dot"]


def fd(d, style):
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "us_short":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "us_nopad":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return f"{d.year:04d}{d.month:02d}{d.day:02d}"
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "dmy_mon":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if style == "dmy_space":
        return f"{d.day} {MON[d.month - 1]} {d.year}"
    if style == "mon_short":
        return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if style == "dot":
        return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if style == "jira":
        return f"{d.day:02d}/{MON[d.month - 1]}/{d.year % 100:02d}"
    raise ValueError(style)


def rdate(rng, d, styles=None):
    return fd(d, rng.choice(styles or DATE_STYLES))


def hl7ts(rng, d, secs=False):
    s = fd(d, "hl7") + f"{rng.randrange(0, 24):02d}{rng.randrange(0, 60):02d}"
    if secs:
        s += f"{rng.randrange(0, 60):02d}"
    return s


def clock(rng, ampm=True):
    h = rng.randrange(7, 19)
    m = rng.randrange(0, 60)
    if ampm:
        return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"
    return f"{h:02d}:{m:02d}"


def logts(rng, d=None, ms=True):
    d = d or recent(rng)
    s = f"{d.isoformat()} {rng.randrange(0, 24):02d}:{rng.randrange(0, 60):02d}:{rng.randrange(0, 60):02d}"
    if ms:
        s += f",{rng.randrange(0, 1000):03d}"
    return s


AREA = ["617", "508", "781", "978", "413", "212", "718", "646", "917", "312", "773", "630", "847",
        "206", "253", "425", "415", "510", "408", "503", "971", "602", "480", "720", "303", "919",
        "704", "404", "678", "214", "469", "713", "832", "305", "786", "412", "216", "313", "614",
        "801", "615", "502", "405", "504", "651", "612", "414", "608", "317", "816", "314", "702",
        "505", "907", "808", "207", "603", "802", "401", "860", "203", "410", "301", "202", "703",
        "757", "804", "843", "205", "901", "865", "859", "330", "513", "262", "763", "515", "402",
        "316", "913", "918", "210", "512", "956", "719", "970", "208", "509", "360", "541", "559",
        "619", "858", "949", "714", "562", "818", "310", "323", "213", "928", "520"]


def phone_parts(rng):
    a = rng.choice(AREA)
    while True:
        e = rng.randrange(200, 1000)
        if e % 100 != 11 and e != 555 and e != 950 and e != 958 and e != 959:
            break
    return a, f"{e:03d}", f"{rng.randrange(0, 10000):04d}"


PHONE_STYLES = ["paren", "dash", "dot", "plus", "plus_paren", "bare", "one_dash", "space"]


def fphone(parts, style):
    a, e, l = parts
    return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}",
            "plus": f"+1 {a} {e} {l}", "plus_paren": f"+1 ({a}) {e}-{l}", "bare": f"{a}{e}{l}",
            "one_dash": f"1-{a}-{e}-{l}", "space": f"{a} {e} {l}"}[style]


def rphone(rng, parts=None, styles=None):
    return fphone(parts or phone_parts(rng), rng.choice(styles or PHONE_STYLES))


def test_phone(rng, area=True):
    n = f"555-01{rng.randrange(0, 100):02d}"
    if area:
        return f"({rng.choice(AREA)}) {n}"
    return n


def ssn_val(rng):
    while True:
        a = rng.randrange(1, 900)
        if a == 666:
            continue
        g = rng.randrange(1, 100)
        s = rng.randrange(1, 10000)
        if (a, g, s) in [(123, 45, 6789), (78, 5, 1120)]:
            continue
        return f"{a:03d}", f"{g:02d}", f"{s:04d}"


def fssn(parts, style="dash"):
    a, g, s = parts
    return {"dash": f"{a}-{g}-{s}", "bare": f"{a}{g}{s}", "space": f"{a} {g} {s}"}[style]


def rssn(rng, styles=("dash", "dash", "bare", "space")):
    return fssn(ssn_val(rng), rng.choice(styles))


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def mbi(rng, dashes=None):
    L = lambda: rng.choice(MBI_L)
    N = lambda: str(rng.randrange(10))
    A = lambda: rng.choice(MBI_L + "0123456789")
    s = str(rng.randrange(1, 10)) + L() + A() + N() + L() + A() + N() + L() + L() + N() + N()
    if s == "1EG4TE5MK73":
        return mbi(rng, dashes)
    if dashes is None:
        dashes = rng.random() < 0.4
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s


def luhn_ok(digits):
    tot = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def card(rng, style=None):
    kind = rng.choice(["visa", "mc", "amex", "disc"])
    if kind == "visa":
        pre, n = "4", 16
    elif kind == "mc":
        pre, n = "5" + str(rng.randrange(1, 6)), 16
    elif kind == "amex":
        pre, n = rng.choice(["34", "37"]), 15
    else:
        pre, n = "6011", 16
    body = pre + "".join(str(rng.randrange(10)) for _ in range(n - len(pre) - 1))
    num = next(body + c for c in "0123456789" if luhn_ok(body + c))
    style = style or rng.choice(["space", "dash", "bare"])
    if n == 15:
        g = [num[:4], num[4:10], num[10:]]
    else:
        g = [num[i:i + 4] for i in range(0, 16, 4)]
    if style == "space":
        return " ".join(g)
    if style == "dash":
        return "-".join(g)
    return num


def digits(rng, n):
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def mrn(rng, style=None):
    style = style or rng.choice(["E7", "d8", "d10", "M6", "dash", "d7", "HX"])
    if style == "E7":
        return "E" + digits(rng, 7)
    if style == "d8":
        return digits(rng, 8)
    if style == "d10":
        return "00" + digits(rng, 8)
    if style == "M6":
        return "M" + digits(rng, 6)
    if style == "dash":
        return f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}"
    if style == "d7":
        return digits(rng, 7)
    return "HX" + digits(rng, 6)


def member_id(rng):
    s = rng.choice(["abc9", "w9", "xj", "zz", "d11", "mix"])
    if s == "abc9":
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + digits(rng, 9)
    if s == "w9":
        return "W" + digits(rng, 9)
    if s == "xj":
        return "XJH" + digits(rng, 8) + "01"
    if s == "zz":
        return "ZGP" + digits(rng, 6) + "-0" + str(rng.randrange(1, 5))
    if s == "d11":
        return digits(rng, 11)
    return "U" + digits(rng, 8) + rng.choice("ABCD")


def acct(rng):
    return rng.choice(["", "A", "HAR"]) + digits(rng, rng.choice([9, 10]))


def visit_no(rng):
    return rng.choice(["V", "", "ENC"]) + digits(rng, 9)


def claim_no(rng):
    return rng.choice(["", "CLM", "2026"]) + digits(rng, rng.choice([9, 11]))


def npi(rng):
    while True:
        body = "1" + "".join(str(rng.randrange(10)) for _ in range(8))
        for c in "0123456789":
            if luhn_ok("80840" + body + c):
                val = body + c
                if val != "1234567893":
                    return val


EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com",
                 "proton.me", "comcast.net", "att.net", "verizon.net"]


def pemail(rng, p):
    f = re.sub(r"[^a-z]", "", ascii_fold(p.first).lower())
    l = re.sub(r"[^a-z]", "", ascii_fold(p.last).lower())
    s = rng.choice(["f.l", "fl##", "f_l", "fil", "lf##", "nick"])
    if s == "f.l":
        u = f"{f}.{l}"
    elif s == "fl##":
        u = f"{f}{l}{rng.randrange(1, 99)}"
    elif s == "f_l":
        u = f"{f}_{l}"
    elif s == "fil":
        u = f"{f[0]}{l}{p.dob.year % 100:02d}"
    elif s == "lf##":
        u = f"{l}.{f[0]}{rng.randrange(10, 99)}"
    else:
        u = f"{rng.choice(['sunny', 'grandma', 'mama', 'papa', 'blue', 'tiger', 'lucky'])}{f}{rng.randrange(1, 999)}"
    return f"{u}@{rng.choice(EMAIL_DOMAINS)}"


STREETS = ["Beacon St", "Maple Ave", "Oak Hollow Dr", "W Diversey Pkwy", "Martin Luther King Jr Blvd",
           "County Road 12", "Elm St", "Cedar Ln", "N Broadway", "Harrison Ave", "Magnolia Ct",
           "Pleasant St", "Lakeview Ter", "Sycamore Rd", "E 149th St", "Bergenline Ave", "Calle Loíza",
           "Rue Sainte-Anne", "Fulton St", "S Kedzie Ave", "Old Mill Rd", "Riverside Dr", "Kapiolani Blvd",
           "Navajo Route 12", "Piedmont Ave", "Dorchester Ave", "Washington St", "Belmont Ave"]
UNITS = ["Apt 4B", "Apt 12", "Unit 3", "#305", "Apt. 2R", "Fl 2", "Lot 14", "Unit 1106", "Apt 7C",
         "Suite 2", "Bsmt", "Apt 21"]
CITIES = [("Boston", "MA", "02115"), ("Dorchester", "MA", "02124"), ("Worcester", "MA", "01604"),
          ("Lowell", "MA", "01852"), ("Providence", "RI", "02908"), ("Hartford", "CT", "06106"),
          ("Yonkers", "NY", "10701"), ("Brooklyn", "NY", "11226"), ("Bronx", "NY", "10451"),
          ("Newark", "NJ", "07102"), ("Union City", "NJ", "07087"), ("Philadelphia", "PA", "19134"),
          ("Baltimore", "MD", "21218"), ("Richmond", "VA", "23220"), ("Durham", "NC", "27701"),
          ("Atlanta", "GA", "30310"), ("Miami", "FL", "33125"), ("Tampa", "FL", "33604"),
          ("Nashville", "TN", "37208"), ("Louisville", "KY", "40211"), ("Columbus", "OH", "43205"),
          ("Detroit", "MI", "48209"), ("Chicago", "IL", "60623"), ("Milwaukee", "WI", "53204"),
          ("Minneapolis", "MN", "55407"), ("St. Louis", "MO", "63118"), ("New Orleans", "LA", "70119"),
          ("Houston", "TX", "77036"), ("San Antonio", "TX", "78207"), ("El Paso", "TX", "79905"),
          ("Denver", "CO", "80219"), ("Albuquerque", "NM", "87108"), ("Phoenix", "AZ", "85008"),
          ("Window Rock", "AZ", "86515"), ("Las Vegas", "NV", "89101"), ("Los Angeles", "CA", "90011"),
          ("Fresno", "CA", "93701"), ("Oakland", "CA", "94601"), ("Portland", "OR", "97206"),
          ("Seattle", "WA", "98118"), ("Anchorage", "AK", "99504"), ("Honolulu", "HI", "96817"),
          ("San Juan", "PR", "00907"), ("Salem", "OR", "97301")]


class Addr:
    def __init__(self, rng):
        self.street = f"{rng.randrange(1, 9999)} {rng.choice(STREETS)}"
        self.unit = rng.choice(UNITS) if rng.random() < 0.6 else ""
        self.city, self.st, z = rng.choice(CITIES)
        self.zip = z + (f"-{rng.randrange(1000, 9999)}" if rng.random() < 0.2 else "")

    def one_line(self, upper=False):
        """pieces: 1420 Beacon St, Apt 4B, Boston, MA 02115"""
        f = (lambda s: s.upper()) if upper else (lambda s: s)
        out = [P(f(self.street), "street_address")]
        if self.unit:
            out += [", ", P(f(self.unit), "street_address")]
        out += [", ", P(f(self.city), "street_address"), ", ", D(self.st, "state"), " ",
                P(self.zip, "zip_code")]
        return out

    def two_lines(self):
        out = [P(self.street, "street_address")]
        if self.unit:
            out += [" ", P(self.unit, "street_address")]
        out += ["\n", P(self.city, "street_address"), ", ", D(self.st, "state"), " ", P(self.zip, "zip_code")]
        return out

    def hl7(self, fold=True):
        f = (lambda s: ascii_fold(s).upper()) if fold else (lambda s: s.upper())
        return [P(f(self.street), "street_address"), "^", P(f(self.unit), "street_address") if self.unit else "",
                "^", P(f(self.city), "street_address"), "^", D(self.st, "state"), "^",
                P(self.zip, "zip_code"), "^USA^H"]


class Patient(Person):
    def __init__(self, rng, **kw):
        super().__init__(rng, **kw)
        self.mrn = mrn(rng)
        self.acct = acct(rng)
        self.visit = visit_no(rng)
        self.ssn = ssn_val(rng)
        self.phone = phone_parts(rng)
        self.cell = phone_parts(rng)
        self.email = pemail(rng, self)
        self.addr = Addr(rng)
        self.member = member_id(rng)
        self.mbi = mbi(rng)
        self.admit = recent(rng)
        self.disch = self.admit + dt.timedelta(days=rng.randrange(1, 9))


def age_piece(p, unit=""):
    """Age as text; labelled only when 90 or over."""
    if p.age >= 90:
        return [P(str(p.age), "age_over_89"), unit]
    return [str(p.age), unit]


ORGS = [("Mercy Valley Medical Center", "MVMC", "mercyvalley.org"),
        ("Lakeshore Regional Hospital", "LRH", "lakeshoreregional.org"),
        ("St. Brigid Health", "SBH", "stbrigidhealth.org"),
        ("Northfield Community Clinic", "NCC", "northfieldclinic.org"),
        ("Cedar Ridge Health", "CRH", "cedarridgehealth.org"),
        ("Bayview Children's Hospital", "BCH", "bayviewchildrens.org"),
        ("Riverbend Family Medicine", "RFM", "riverbendfm.org"),
        ("Harbor Point Hospital", "HPH", "harborpoint.org")]
FAC_ADDR = ["2100 Harborview Dr, Suite 300, Tacoma, WA 98402", "455 Medical Center Blvd, Worcester, MA 01605",
            "1 Hospital Plaza, Building C, Hartford, CT 06102", "8800 Riverbend Pkwy, Floor 4, Louisville, KY 40222",
            "300 Cedar Ridge Way, Denver, CO 80218", "72 Lakeshore Ave, Milwaukee, WI 53202",
            "1900 N Mercy Dr, Fresno, CA 93720", "15 Northfield Commons, Lowell, MA 01854"]
PAYERS = ["Blue Cross Blue Shield of Massachusetts", "Aetna", "UnitedHealthcare", "Cigna",
          "Humana Gold Plus", "Medicare Part B", "MassHealth", "Tufts Health Plan", "Molina Healthcare",
          "Anthem Blue Cross", "Kaiser Permanente", "Ambetter"]
JOB_TITLES = ["Integration Engineer", "Interface Analyst II", "Clinical Informatics Specialist",
              "Revenue Cycle Analyst", "Service Desk Analyst", "HIM Specialist", "Senior Software Engineer",
              "QA Lead", "Product Manager", "Nurse Manager, 4 West", "Patient Access Supervisor",
              "Pharmacy Informaticist", "Director, Interoperability", "Application Analyst, Epic ADT",
              "Care Coordinator", "Billing Specialist", "Privacy Officer", "Site Reliability Engineer"]

CONDITIONS = [("E11.9", "type 2 diabetes mellitus"), ("I50.9", "congestive heart failure"),
              ("J44.1", "COPD exacerbation"), ("I48.91", "atrial fibrillation"),
              ("J18.9", "community-acquired pneumonia"), ("I10", "hypertension"),
              ("N18.30", "chronic kidney disease stage 3"), ("A41.9", "sepsis"), ("L03.115", "cellulitis"),
              ("S72.001A", "hip fracture"), ("E03.9", "hypothyroidism"), ("F32.1", "major depressive disorder"),
              ("J45.40", "moderate persistent asthma"), ("K85.90", "acute pancreatitis"),
              ("N39.0", "urinary tract infection"), ("I82.401", "deep vein thrombosis"),
              ("G30.9", "Alzheimer's disease"), ("C50.911", "breast cancer"), ("O24.410", "gestational diabetes"),
              ("I63.9", "ischemic stroke"), ("K57.32", "diverticulitis"), ("R55", "syncope")]
MEDS = [("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("apixaban", "5 mg PO BID"),
        ("atorvastatin", "40 mg PO nightly"), ("furosemide", "40 mg PO daily"),
        ("levothyroxine", "75 mcg PO daily"), ("insulin glargine", "18 units SC nightly"),
        ("amoxicillin-clavulanate", "875 mg PO BID x 7 days"), ("sertraline", "50 mg PO daily"),
        ("albuterol", "2 puffs q4h PRN"), ("warfarin", "5 mg PO daily"),
        ("metoprolol succinate", "25 mg PO daily"), ("ceftriaxone", "1 g IV q24h"),
        ("enoxaparin", "40 mg SC daily"), ("donepezil", "10 mg PO nightly"), ("tamsulosin", "0.4 mg PO daily"),
        ("pantoprazole", "40 mg PO daily"), ("gabapentin", "300 mg PO TID")]
CPTS = [("99213", "Office visit, est, low"), ("99214", "Office visit, est, moderate"),
        ("99223", "Initial hospital care, high"), ("93000", "ECG complete"), ("71046", "Chest X-ray 2 views"),
        ("80053", "Comprehensive metabolic panel"), ("36415", "Venipuncture"), ("97110", "Therapeutic exercise"),
        ("G0439", "Annual wellness visit, subsequent"), ("99285", "ED visit, high"), ("85025", "CBC w/ diff"),
        ("J1885", "Ketorolac injection"), ("99232", "Subsequent hospital care")]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99", 60, 320), ("2160-0", "Creatinine", "mg/dL", "0.6-1.2", 0.5, 3.5),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", 7.0, 17.0), ("2823-3", "Potassium", "mmol/L", "3.5-5.1", 2.9, 6.4),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", 4.8, 12.5), ("33762-6", "NT-proBNP", "pg/mL", "<125", 40, 9000),
        ("6690-2", "WBC", "10*3/uL", "4.0-11.0", 2.1, 24.0), ("2951-2", "Sodium", "mmol/L", "136-145", 124, 148)]


def cond(rng):
    return rng.choice(CONDITIONS)


def med(rng):
    return rng.choice(MEDS)


def C(term):
    return D(term, "condition")


def M(name):
    return D(name, "medication")


def ICD(code):
    return D(code, "diagnosis_code")


def CPT(code):
    return D(code, "procedure_code")


def SN(p):
    """a staff name as dont_care"""
    return D(p.full(), "person_name") if isinstance(p, Person) else D(p, "person_name")


def SC(v):
    return D(v, "staff_contact")


def org(rng):
    return rng.choice(ORGS)


def staff_email(p, dom):
    f = re.sub(r"[^a-z]", "", ascii_fold(p.first).lower())
    l = re.sub(r"[^a-z]", "", ascii_fold(p.last).lower())
    return f"{f}.{l}@{dom}"


def work_phone(rng, ext=None):
    a, e, l = phone_parts(rng)
    s = rng.choice([f"({a}) {e}-{l}", f"{a}-{e}-{l}", f"{a}.{e}.{l}", f"+1 {a} {e} {l}"])
    if ext is None:
        ext = rng.random() < 0.5
    if ext:
        s += rng.choice([" ext. ", " x", " ext "]) + str(rng.randrange(2000, 9999))
    return s


def uuid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def ip(rng):
    return f"10.{rng.randrange(0, 255)}.{rng.randrange(0, 255)}.{rng.randrange(2, 254)}"


def ver(rng):
    return f"{rng.randrange(1, 9)}.{rng.randrange(0, 20)}.{rng.randrange(0, 30)}"


def tkey(rng, proj=None):
    return f"{proj or rng.choice(['INT', 'HL7', 'EHRI', 'PORTAL', 'RCM', 'DATA', 'CDS', 'PLAT'])}-{rng.randrange(100, 9999)}"


def rel_time(rng):
    return rng.choice(["2 days ago", "yesterday", "3 hours ago", "last week", "5 days ago", "just now",
                       "an hour ago", f"{MON[rng.randrange(12)]} {rng.randrange(1, 28)}, 2026"])


def sent_long(rng, d=None):
    d = d or recent(rng)
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year} {clock(rng)}"


def sent_gmail(rng, d=None, year=False):
    d = d or recent(rng)
    return f"{WEEKDAYS[d.weekday()][:3]}, {MON[d.month - 1]} {d.day}, " + (f"{d.year} at " if year else "") + clock(rng)


def jira_when(rng, d=None):
    d = d or recent(rng)
    return f"{fd(d, 'jira')} {clock(rng)}"


# ---------------------------------------------------------------------------
# rendered app chrome: Jira, email, chat, signatures, logs
# ---------------------------------------------------------------------------
PRIORITIES = ["Highest", "High", "Medium", "Low", "Critical", "Major", "Minor"]
STATUSES = ["TO DO", "IN PROGRESS", "IN REVIEW", "OPEN", "BLOCKED", "WAITING FOR SUPPORT", "DONE"]


def jira_cloud_top(rng, key, summary, project):
    crumbs = rng.choice([f"Projects\n{project}\n{key}\n", f"Projects / {project} / {key}\n",
                         f"{project}\n/\n{key}\n"])
    bar = rng.choice(["Attach\nCreate subtask\nLink issue\n", "Add epic\n\nAttach\nLink issue\nAdd apps\n", ""])
    return [crumbs, summary, "\n", bar]


def jira_cloud_sidebar(rng, assignee, reporter, labels, colon=None, blank=None, extra=None):
    colon = rng.random() < 0.3 if colon is None else colon
    blank = rng.random() < 0.3 if blank is None else blank
    pairs = [("Assignee", SN(assignee)), ("Reporter", SN(reporter))]
    if rng.random() < 0.5:
        pairs.append(("Development", rng.choice(["Create branch", "1 branch", "2 commits", "1 pull request OPEN"])))
    pairs += [("Labels", labels), ("Priority", rng.choice(PRIORITIES))]
    if rng.random() < 0.6:
        pairs.append(("Components", rng.choice(["ADT inbound", "Interface engine", "Results routing",
                                                "Scheduling", "Patient portal", "Claims"])))
    if rng.random() < 0.5:
        pairs.append(("Sprint", f"{rng.choice(['INT', 'Integrations', 'Portal'])} Sprint {rng.randrange(20, 90)}"))
    if extra:
        pairs += extra
    out = ["Details\n" if rng.random() < 0.7 else ""]
    out += vblock(pairs, colon=colon, blank=blank)
    if rng.random() < 0.5:
        out += [f"Created {rel_time(rng)}\nUpdated {rel_time(rng)}\n"]
    else:
        out += vblock([("Created", jira_when(rng)), ("Updated", rel_time(rng))], colon=colon, blank=blank)
    if rng.random() < 0.4:
        out.append("Configure\n")
    return out


def jira_dc_details(rng, assignee, reporter, labels, version):
    out = ["Details\n",
           f"Type:\tBug\tStatus:\t{rng.choice(STATUSES)}\n",
           f"Priority:\t{rng.choice(PRIORITIES)}\tResolution:\tUnresolved\n",
           f"Affects Version/s:\t{version}\tFix Version/s:\tNone\n",
           f"Component/s:\t{rng.choice(['ADT inbound', 'HL7 outbound', 'Lab results', 'Scheduling'])}\n",
           f"Labels:\t{labels}\n",
           "People\n", "Assignee:\n", SN(assignee), "\n", "Reporter:\n", SN(reporter), "\n",
           "Votes:\n0 Vote for this issue\nWatchers:\n", str(rng.randrange(1, 9)), " Start watching this issue\n",
           "Dates\n", "Created:\n", jira_when(rng), "\n", "Updated:\n", jira_when(rng), "\n"]
    return out


def jira_cloud_comment(rng, who, body, when=None):
    return [SN(who), "\n", when or rel_time(rng), "\n", body, "\n",
            rng.choice(["Edit · Delete · 👍\n", "Reply\n", "Edit\nDelete\n", "👍 1\n", ""])]


def jira_dc_comment(rng, who, body):
    return [SN(who), " added a comment - ", jira_when(rng), "\n", body, "\n"]


def outlook_head(rng, frm, frm_addr, to, subject, when_d=None, cc=None, frm_phi=False):
    """Outlook web / desktop rendered header block (From / Sent / To / Subject)."""
    when_d = when_d or recent(rng)
    wd = WEEKDAYS[when_d.weekday()]
    sent = f"{wd}, {MONTHS[when_d.month - 1]} {when_d.day}, {when_d.year} {clock(rng)}"
    lab = "phi" if frm_phi else "dont_care"
    name_pc = (lab, "person_name", frm) if isinstance(frm, str) else frm
    addr_pc = (lab, "email" if frm_phi else "staff_contact", frm_addr)
    out = ["From: ", name_pc, " <", addr_pc, ">\n", "Sent: ", D(sent, "date"), "\n", "To: ", to, "\n"]
    if cc:
        out += ["Cc: ", cc, "\n"]
    out += ["Subject: ", subject, "\n"]
    return out


def gmail_head(rng, frm, frm_addr, to_me=True, frm_phi=False, when_d=None):
    when_d = when_d or recent(rng)
    wd = WEEKDAYS[when_d.weekday()][:3]
    stamp = f"{wd}, {MON[when_d.month - 1]} {when_d.day}, {clock(rng)}"
    ago = (TODAY - when_d).days
    lab = "phi" if frm_phi else "dont_care"
    return [(lab, "person_name", frm), " <", (lab, "email" if frm_phi else "staff_contact", frm_addr), ">\n",
            D(stamp, "date"), f" ({ago} days ago)\n" if ago > 1 else "\n",
            "to me\n" if to_me else "to\n"]


def signature(rng, p, dom, orgname, pager=None, fax=False, titles=None):
    out = [SN(p), rng.choice([", RN", ", MBA", "", "", ", CPC", ", MD"]), "\n", rng.choice(titles or JOB_TITLES), "\n",
           D(orgname, "facility"), "\n"]
    out += [rng.choice(["Office: ", "O: ", "Direct: ", "Tel "]), SC(work_phone(rng)), "\n"]
    if pager or rng.random() < 0.3:
        out += ["Pager: ", SC(f"{rng.choice(AREA)}-{phone_parts(rng)[1]}-{rng.randrange(1000, 9999)}"), "\n"]
    if fax:
        out += ["Fax: ", SC(work_phone(rng, ext=False)), "\n"]
    out += [SC(staff_email(p, dom)), "\n"]
    if rng.random() < 0.5:
        out.append(rng.choice([
            "CONFIDENTIALITY NOTICE: This e-mail may contain information that is privileged and confidential. "
            "If you received it in error, notify the sender and delete it.\n",
            "Please consider the environment before printing this email.\n",
            "[EXTERNAL] This message came from outside the organization.\n"]))
    return out


CHAT_T = [None]


def chat_time(rng):
    """monotonic chat clock for one document"""
    if CHAT_T[0] is None:
        CHAT_T[0] = dt.datetime(2026, 12, 1, rng.randrange(7, 16), rng.randrange(60))
    else:
        CHAT_T[0] += dt.timedelta(minutes=rng.randrange(1, 25))
    h, m = CHAT_T[0].hour, CHAT_T[0].minute
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"


def slack_msg(rng, who, body, edited=False, react=None, reply=None):
    out = [SN(who), "  ", chat_time(rng), "\n", body]
    if edited:
        out.append(" (edited)")
    out.append("\n")
    if react:
        out.append(react + "\n")
    if reply:
        out.append(f"{reply} replies\nLast reply today\n")
    return out


def teams_msg(rng, who, body, style=None):
    style = style or rng.choice(["stacked", "bracket", "comma"])
    if style == "stacked":
        return [SN(who), "\n", chat_time(rng), "\n", body, "\n"]
    if style == "bracket":
        return ["[", chat_time(rng), "] ", SN(who), "\n", body, "\n"]
    return [D(f"{who.last}, {who.first}", "person_name"), "  ", f"Dec 1 {chat_time(rng)}", "\n", body, "\n"]


REACTS = ["👍 2", "👀 1", "✅ 1", ":white_check_mark: 1", "🙏 3", "❤️ 1", ":eyes: 2", "👍 1  😬 1"]

LOG_MSGS = [
    "Connection accepted from {ip}:{port}", "Channel {ch} started, poll interval 5000 ms",
    "MLLP frame received ({n} bytes)", "Transformer step 'map PID' completed in {ms} ms",
    "Sending ACK AA for control id {ctrl}", "Retrying delivery attempt {k}/5 to {ip}:{port}",
    "Queue depth {n} on {ch}", "Heartbeat OK node={node}", "GC pause {ms} ms (G1 Young)",
    "Filter rejected message: MSH-9 not in allow list", "Writing to dead-letter queue {ch}.dlq id={uid}",
    "Reloaded code template library (rev {rev})", "TLS handshake completed with {ip}",
    "Session {uid} closed by peer", "Request {uid} completed status=200 duration={ms}ms",
]


class LogClock:
    """monotonic log timestamps for one pasted log window"""

    def __init__(self, rng, d=None, step=40):
        self.rng = rng
        self.step = step
        self.t = dt.datetime.combine(d or recent(rng), dt.time(rng.randrange(0, 22), rng.randrange(60), rng.randrange(60)))

    def __call__(self, ms=True):
        self.t += dt.timedelta(seconds=self.rng.randrange(0, self.step), milliseconds=self.rng.randrange(0, 1000))
        s = self.t.strftime("%Y-%m-%d %H:%M:%S")
        return s + (f",{self.t.microsecond // 1000:03d}" if ms else "")


def logline(rng, d=None, level=None, fmt=None, clk=None):
    d = d or recent(rng)
    msg = (fmt or rng.choice(LOG_MSGS)).format(
        ip=ip(rng), port=rng.choice([6661, 6662, 2575, 8443, 443]), ch=rng.choice(["ADT_IN", "ORU_OUT", "SIU_IN", "EPIC_ADT"]),
        n=rng.randrange(200, 9000), ms=rng.randrange(1, 400), ctrl=f"MSG{rng.randrange(10**7, 10**8)}",
        k=rng.randrange(1, 5), node=f"engine-{rng.randrange(1, 4)}", uid=uuid(rng), rev=hexs(rng, 7))
    level = level or rng.choice(["INFO", "INFO", "INFO", "DEBUG", "WARN"])
    thread = rng.choice(["main", "pool-3-thread-2", "mllp-listener-1", "qtp1149-42", "Channel-ADT_IN", "worker-7"])
    return f"{clk() if clk else logts(rng, d)} {level:<5} [{thread}] {msg}"


def loglines(rng, n, d=None, clk=None):
    clk = clk or LogClock(rng, d)
    return [logline(rng, d, clk=clk) + "\n" for _ in range(n)]


# ---------------------------------------------------------------------------
# HL7 v2
# ---------------------------------------------------------------------------

def seg(name, fields):
    n = max(fields)
    out = [name]
    for i in range(1, n + 1):
        out.append("|")
        if i in fields and fields[i] is not None:
            out.append(fields[i])
    return out


def msh(rng, typ, d=None, sender=None, ctrl=None):
    d = d or recent(rng)
    sender = sender or rng.choice(["EPIC", "CERNER", "MEDITECH", "ATHENA", "SOARIAN"])
    fac = rng.choice(ORGS)[1]
    return ["MSH|^~\\&|", sender, "|", fac, "|", rng.choice(["RHAPSODY", "MIRTH", "CLOVERLEAF", "IRIS"]), "|",
            rng.choice(["LAB", "RIS", "PORTAL", "DW"]), "|", D(hl7ts(rng, d, True), "date"), "||", typ, "|",
            ctrl or f"MSG{rng.randrange(10**7, 10**8)}", "|P|", rng.choice(["2.3", "2.4", "2.5.1"])]


def hl7_phone(rng, parts, mode=None):
    mode = mode or rng.choice(["split", "whole", "whole"])
    if mode == "split":
        return ["^PRN^PH^^1^", P(parts[0], "phone"), "^", P(parts[1] + parts[2], "phone")]
    return [P(fphone(parts, rng.choice(["paren", "dash", "bare"])), "phone"), "^PRN^PH"]


def pid(rng, pt, fold=None, rich=None, with_ssn=None, mother=None):
    fold = rng.random() < 0.5 if fold is None else fold
    rich = rng.random() < 0.7 if rich is None else rich
    with_ssn = rng.random() < 0.4 if with_ssn is None else with_ssn
    fac = rng.choice(ORGS)[1]
    f = {1: "1", 3: [P(pt.mrn, "mrn"), f"^^^{fac}^MR"], 5: P(pt.hl7(fold=fold), "person_name"),
         7: P(fd(pt.dob, "hl7"), "date"), 8: pt.sex}
    if mother:
        f[6] = P(mother, "person_name")
    if rich:
        f[10] = rng.choice(["2106-3^White^HL70005", "2054-5^Black or African American^HL70005",
                            "2028-9^Asian^HL70005", "2131-1^Other Race^HL70005", ""])
        f[11] = pt.addr.hl7(fold=fold)
        f[13] = hl7_phone(rng, pt.phone)
        if rng.random() < 0.3:
            f[13] = [f[13], "~^NET^Internet^", P(pt.email, "email")]
        f[15] = rng.choice(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "POR^Portuguese", "ARA^Arabic"])
        f[16] = rng.choice(["M", "S", "W", "D"])
        f[18] = [P(pt.acct, "account_number"), f"^^^{fac}^AN"]
    if with_ssn:
        f[19] = P(fssn(pt.ssn, rng.choice(["dash", "bare"])), "ssn")
    return seg("PID", f)


def pv1(rng, pt, attending, admit=True, disch=False):
    f = {1: "1", 2: rng.choice(["I", "O", "E"]), 3: f"{rng.choice(['4W', '5E', 'ED', 'ICU', 'MS3'])}^{rng.randrange(100, 599)}^{rng.choice('AB')}",
         7: [D(npi(rng), "other_id"), "^", D(attending.hl7(fold=True, mi=False), "person_name"), "^^^^MD"],
         10: rng.choice(["MED", "SUR", "CAR", "ONC", "EMR"]), 19: P(pt.visit, "other_id")}
    if admit:
        f[44] = P(hl7ts(rng, pt.admit), "date")
    if disch:
        f[45] = P(hl7ts(rng, pt.disch), "date")
    return seg("PV1", f)


def nk1(rng, pt, rel=None):
    rel = rel or Patient(rng, last=pt.last if rng.random() < 0.7 else None, old=False)
    code = rng.choice(["DAU^Daughter", "SON^Son", "SPO^Spouse", "MTH^Mother", "BRO^Brother", "SIS^Sister"])
    return seg("NK1", {1: "1", 2: P(rel.hl7(fold=True, mi=False), "person_name"), 3: code + "^HL70063",
                       5: hl7_phone(rng, rel.phone, "whole")}), rel


def in1(rng, pt, insured_self=True):
    f = {1: "1", 2: rng.choice(["BCBSMA01", "AETNAPPO", "UHCCHOICE", "MCRB"]),
         3: str(rng.randrange(10000, 99999)), 4: rng.choice(PAYERS).upper(),
         7: f"800{rng.randrange(2000000, 9999999)}", 8: D(f"GRP{rng.randrange(10000, 999999)}", "other_id"),
         12: D(fd(dt.date(2026, 1, 1), "hl7"), "date"),
         16: P(pt.hl7(fold=True), "person_name"), 17: "SEL" if insured_self else "SPO",
         18: P(fd(pt.dob, "hl7"), "date"), 36: P(pt.member, "health_plan_id")}
    return seg("IN1", f)


def dg1(rng, pt, i=1):
    code, term = cond(rng)
    return seg("DG1", {1: str(i), 3: [ICD(code), "^", C(term.upper() if rng.random() < 0.5 else term), "^I10"],
                       5: P(hl7ts(rng, pt.admit), "date"), 6: rng.choice(["A", "W", "F"])})


def obr(rng, pt, attending, d):
    return seg("OBR", {1: "1", 2: D(f"ORD{rng.randrange(10**6, 10**7)}", "internal_id"),
                       3: D(f"{rng.randrange(10**8, 10**9)}", "internal_id"), 4: "24323-8^Comprehensive metabolic panel^LN",
                       7: P(d, "date"), 16: [D(npi(rng), "other_id"), "^", D(attending.hl7(fold=True, mi=False), "person_name")],
                       25: "F"})


def obx(rng, i, lab, d, val=None):
    code, name, unit, rngtxt, lo, hi = lab
    val = val or f"{rng.uniform(lo, hi):.1f}"
    return seg("OBX", {1: str(i), 2: "NM", 3: f"{code}^{name}^LN", 5: val, 6: unit, 7: rngtxt,
                       8: rng.choice(["", "H", "L", "N"]), 11: "F", 14: P(d, "date")})


def hl7_render(segs, mode="lines"):
    sep = {"lines": "\n", "runon": " ", "crlf": "\r\n"}[mode]
    out = join(segs, sep)
    out.append("\n")
    return out


def adt_msg(rng, pt, attending, event=None, nk=None, ins=None, dg=None, runon=False):
    event = event or rng.choice(["A01", "A04", "A08", "A03"])
    d = pt.admit
    segs = [msh(rng, f"ADT^{event}^ADT_A01", d), ["EVN|", event, "|", D(hl7ts(rng, d, True), "date")],
            pid(rng, pt)]
    if nk if nk is not None else rng.random() < 0.4:
        segs.append(nk1(rng, pt)[0])
    segs.append(pv1(rng, pt, attending, disch=event == "A03"))
    if dg if dg is not None else rng.random() < 0.5:
        segs.append(dg1(rng, pt))
    if ins if ins is not None else rng.random() < 0.4:
        segs.append(in1(rng, pt))
    return segs


def oru_msg(rng, pt, attending, nobs=None):
    d = hl7ts(rng, pt.admit)
    segs = [msh(rng, "ORU^R01^ORU_R01", pt.admit), pid(rng, pt, rich=rng.random() < 0.4), obr(rng, pt, attending, d)]
    for i, lab in enumerate(rng.sample(LABS, nobs or rng.randrange(2, 5)), 1):
        segs.append(obx(rng, i, lab, d))
    return segs


def ack_msg(rng, ctrl=None, code="AA", err=None, d=None):
    ctrl = ctrl or f"MSG{rng.randrange(10**7, 10**8)}"
    segs = [msh(rng, "ACK^A08^ACK", d=d, ctrl=f"ACK{rng.randrange(10**6, 10**7)}"), ["MSA|", code, "|", ctrl]]
    if err:
        segs.append(["ERR|^^^", err])
    return segs


# ---------------------------------------------------------------------------
# FHIR JSON lines and rendered diffs
# ---------------------------------------------------------------------------

def jl(indent, *pieces):
    return [" " * indent] + list(pieces)


def fhir_patient_lines(rng, pt, base=0, telecom=True, address=True, ident_sys=None, rid=None):
    i = base
    sys_ = ident_sys or rng.choice(["urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14",
                                    "http://mercyvalley.org/fhir/sid/mrn", "urn:oid:2.16.840.1.113883.3.4523.1"])
    L = [jl(i, "{"), jl(i + 2, '"resourceType": "Patient",'),
         jl(i + 2, '"id": "', D(rid or f"pat-{hexs(rng, 6)}", "internal_id"), '",'),
         jl(i + 2, '"identifier": ['), jl(i + 4, "{"),
         jl(i + 6, f'"system": "{sys_}",'), jl(i + 6, '"value": "', P(pt.mrn, "mrn"), '"'),
         jl(i + 4, "}"), jl(i + 2, "],"),
         jl(i + 2, '"name": ['), jl(i + 4, "{"), jl(i + 6, '"use": "official",'),
         jl(i + 6, '"family": "', P(pt.last, "person_name"), '",'),
         jl(i + 6, '"given": ["', P(pt.first, "person_name"), '", "', P(pt.mi, "person_name"), '"]'),
         jl(i + 4, "}"), jl(i + 2, "],")]
    if telecom:
        L += [jl(i + 2, '"telecom": ['),
              jl(i + 4, '{ "system": "phone", "value": "', P(fphone(pt.phone, rng.choice(["dash", "paren", "plus"])), "phone"), '", "use": "home" },'),
              jl(i + 4, '{ "system": "email", "value": "', P(pt.email, "email"), '" }'),
              jl(i + 2, "],")]
    L += [jl(i + 2, f'"gender": "{"female" if pt.sex == "F" else "male"}",'),
          jl(i + 2, '"birthDate": "', P(fd(pt.dob, "iso"), "date"), '"' + ("," if address else ""))]
    if address:
        a = pt.addr
        ln = [jl(i + 6, '"line": ["', P(a.street, "street_address"), '"' if not a.unit else '", "',
                 P(a.unit, "street_address") if a.unit else "", '"],' if a.unit else "],")]
        L += [jl(i + 2, '"address": ['), jl(i + 4, "{")] + ln + [
              jl(i + 6, '"city": "', P(a.city, "street_address"), '",'),
              jl(i + 6, '"state": "', D(a.st, "state"), '",'),
              jl(i + 6, '"postalCode": "', P(a.zip, "zip_code"), '"'),
              jl(i + 4, "}"), jl(i + 2, "]")]
    L.append(jl(i, "}"))
    return L


def fhir_test_patient_lines(rng, base=0, rid=None):
    i = base
    return [jl(i, "{"), jl(i + 2, '"resourceType": "Patient",'),
            jl(i + 2, '"id": "', D(rid or "example", "internal_id"), '",'),
            jl(i + 2, '"identifier": [{ "system": "http://example.org/mrn", "value": "TEST-000001" }],'),
            jl(i + 2, '"name": [{ "family": "', D("Test", "person_name"), '", "given": ["', D("Patient", "person_name"), '"] }],'),
            jl(i + 2, '"telecom": [{ "system": "phone", "value": "555-0100" }],'),
            jl(i + 2, '"gender": "unknown",'), jl(i + 2, '"birthDate": "1900-01-01"'), jl(i, "}")]


def diff_ops(old, new, ctx_before=(), ctx_after=(), start=1):
    """Build diff rows (op, oldno, newno, pieces) for a simple replace hunk."""
    rows = []
    o = n = start
    for l in ctx_before:
        rows.append((" ", o, n, l)); o += 1; n += 1
    for l in old:
        rows.append(("-", o, None, l)); o += 1
    for l in new:
        rows.append(("+", None, n, l)); n += 1
    for l in ctx_after:
        rows.append((" ", o, n, l)); o += 1; n += 1
    return rows


def render_diff(rows, mode, width=0):
    out = []
    if mode == "side":
        left = [r for r in rows if r[0] in " -"]
        right = [r for r in rows if r[0] in " +"]
        # align: context rows pair up; changes listed side by side
        li = ri = 0
        while li < len(left) or ri < len(right):
            L = left[li] if li < len(left) else None
            R = right[ri] if ri < len(right) else None
            if L and R and L[0] == " " and R[0] == " ":
                out += [str(L[1]), "\t", L[3], "\t", str(R[2]), "\t", R[3], "\n"]; li += 1; ri += 1
            elif L and L[0] == "-":
                if R and R[0] == "+":
                    out += [str(L[1]), "\t", L[3], "\t", str(R[2]), "\t", R[3], "\n"]; li += 1; ri += 1
                else:
                    out += [str(L[1]), "\t", L[3], "\t\t", "\n"]; li += 1
            elif R and R[0] == "+":
                out += ["\t\t", str(R[2]), "\t", R[3], "\n"]; ri += 1
            else:
                break
        return out
    for op, o, n, pcs in rows:
        if mode == "plain":
            out += [op, pcs, "\n"]
        elif mode == "bb":          # Bitbucket: old no, new no, marker, content
            out += [f"{o if o else '':>4} {n if n else '':>4} {op}", "  " if op != " " else "  ", pcs, "\n"]
        elif mode == "bb_tabs":
            out += [str(o or ""), "\t", str(n or ""), "\t", op, pcs, "\n"]
        elif mode == "gh":          # GitHub rendered: markers are CSS, not copied
            out += [str(o or ""), "\t", str(n or ""), "\t", pcs, "\n"]
        elif mode == "one_no":      # single new-line number then marker
            out += [f"{(n or o):<5}{op}", pcs, "\n"]
        else:
            raise ValueError(mode)
    return out


# ---------------------------------------------------------------------------
# variant registry
# ---------------------------------------------------------------------------
VARIANTS = {}


def variant(family, name):
    def deco(fn):
        VARIANTS.setdefault(family, []).append((name, fn))
        return fn
    return deco


HL7_SUMMARIES = ["ADT^A08 from Epic rejected: PID-7 parse error", "Inbound ORU stuck in ADT_IN queue after 2.5.1 upgrade",
                 "SIU^S12 creates duplicate appointment in portal", "PID-11 address truncated at 50 chars",
                 "MRN leading zeros stripped in outbound feed", "A40 merge not applied downstream",
                 "NK1 phone not mapped to emergency contact", "IN1-36 member id lost on A08 update",
                 "ACK AE returned for valid A04", "PV1-44 admit time shifted by timezone",
                 "OBX-14 missing on microbiology results", "Repeated PID-3 identifiers break MPI match"]


def project(rng):
    return rng.choice(["Interface Engine", "Integrations", "HL7 Support", "EHR Interfaces", "Clinical Data Platform"])


def labels(rng):
    return rng.choice(["hl7, adt", "hl7 adt prod", "interface, mirth", "hl7v2, oru", "prod-issue, hl7", "siu, scheduling"])


@variant("jira_hl7", "jira_cloud_view_adt")
def jh_cloud_view(rng):
    pt = Patient(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    key = tkey(rng, "INT")
    segs = adt_msg(rng, pt, att)
    out = jira_cloud_top(rng, key, rng.choice(HL7_SUMMARIES), project(rng))
    out += ["Description\n",
            rng.choice(["Message below fails in the ", "Seeing this on the ", "Prod feed from Epic to the "]),
            rng.choice(["ADT_IN channel", "Rhapsody route EPIC_ADT_TO_PORTAL", "Mirth channel 'ADT Inbound'"]),
            " since the weekend. Copied from the message viewer:\n"]
    out += hl7_render(segs)
    out += ["Engine log around the failure:\n"] + loglines(rng, rng.randrange(3, 7))
    out += ["Activity\nShow:\nAll\nComments\nHistory\n"]
    c1 = staff(rng)
    out += jira_cloud_comment(rng, c1, rng.choice([
        "Reproduced in TEST with the same message. Field 7 is fine, it is the repeat in PID-3 that trips the parser.",
        "Looks like the upgrade changed the date parser. I'll push a fix to the filter.",
        ["Can we scrub the message above, @", SN(a), "? It has the real patient in it."]]))
    out += jira_cloud_sidebar(rng, a, r, labels(rng))
    return out


@variant("jira_hl7", "jira_dc_runon_segments")
def jh_runon(rng):
    pt = Patient(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    key = tkey(rng, "HL7")
    out = [f"{project(rng)} / {key}\n", rng.choice(HL7_SUMMARIES), "\n",
           "Edit\tComment\tAssign\tMore\tStart Progress\tResolve Issue\n"]
    out += jira_dc_details(rng, a, r, labels(rng), ver(rng))
    out += ["Description\n",
            "Pasting the raw message from the {code} block on the interface dashboard (the carriage returns got eaten):\n"]
    out += hl7_render(adt_msg(rng, pt, att, nk=rng.random() < 0.5), "runon")
    out += ["\nError from the engine: ", rng.choice([
        "ca.uhn.hl7v2.model.DataTypeException: Invalid date/time format in PID-7",
        "Segment PV1 field 44 contains an unparsable TS value",
        "HL7Exception: Message type ADT^A08 not supported by route"]), "\n",
        "Attachments\n", f"message_{rng.randrange(1000, 9999)}.hl7\n", f"{rng.randrange(2, 40)} kB\n"]
    out += ["Activity\nAll\tComments\tWork Log\tHistory\tActivity\n"]
    out += jira_dc_comment(rng, staff(rng), "Which build is the engine on? We saw the same after the 2.5.1 profile change.")
    out += jira_dc_comment(rng, a, f"Build {ver(rng)}. Splitting on the segment names fixes the display; the parser is fine with \\r.")
    return out


@variant("jira_hl7", "jira_dc_comments_oru")
def jh_oru(rng):
    pt = Patient(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    segs = oru_msg(rng, pt, att)
    out = [tkey(rng, "LAB"), "\n", rng.choice(["ORU results not filing to chart", "OBX-14 missing on some results",
                                               "Critical potassium not flagged in portal"]), "\n"]
    out += jira_dc_details(rng, a, r, "hl7v2, oru, lab", ver(rng))
    out += ["Description\n", "Result message as shown in the Rhapsody message viewer:\n"]
    out += hl7_render(segs)
    out += ["Activity\n"]
    quote = [rng.choice(["The one for ", "Patient is "]), P(pt.full(), "person_name"), " (MRN ", P(pt.mrn, "mrn"),
             "), result time ", P(fd(pt.admit, rng.choice(["us", "iso"])), "date"),
             ". Lab says it resulted but the chart shows nothing."]
    out += jira_dc_comment(rng, staff(rng), quote)
    out += jira_dc_comment(rng, a, "OBR-25 is F but the filer expects the order number in OBR-2 to match. Checking the map.")
    return out


def field_rows(rng, pt, att):
    rows = [("MSH-9", "ADT^A08", "ADT^A08"),
            ("PID-3", [P(pt.mrn, "mrn"), "^^^MVMC^MR"], "MRN with assigning authority"),
            ("PID-5", P(pt.hl7(mi=False), "person_name"), "LAST^FIRST"),
            ("PID-7", P(fd(pt.dob, "hl7"), "date"), "YYYYMMDD"),
            ("PID-8", pt.sex, "F/M/U"),
            ("PID-13", P(fphone(pt.phone, "paren"), "phone"), "(NNN) NNN-NNNN"),
            ("PV1-7", D(att.hl7(fold=True, mi=False), "person_name"), "attending, NPI first"),
            ("PV1-44", P(hl7ts(rng, pt.admit), "date"), "YYYYMMDDHHMM")]
    k = rng.randrange(5, len(rows) + 1)
    return rows[:k]


@variant("jira_hl7", "jira_field_table_tsv")
def jh_table_tsv(rng):
    pt = Patient(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    out = jira_cloud_top(rng, tkey(rng, "INT"), "Field mapping mismatch on A08 (see table)", project(rng))
    out += ["Description\n", "Values we received vs. what the spec says. Copied from the table in the description:\n"]
    out += table(["Field", "Received", "Expected"], field_rows(rng, pt, att), "tsv")
    out += ["\nSteps to reproduce\n1. Replay control id ", f"MSG{rng.randrange(10**7, 10**8)}", " in TEST\n2. Check the portal\n"]
    out += jira_cloud_sidebar(rng, a, r, labels(rng))
    return out


@variant("jira_hl7", "jira_field_table_cells")
def jh_table_cells(rng):
    pt = Patient(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    out = [tkey(rng, "EHRI"), "\n", "Outbound PID differs from registration screen\n", "Description\n",
           "Registration shows the correct values but the feed sends these:\n"]
    out += table(["Segment.Field", "Value in feed", "Registration"],
                 [(f, v, rng.choice(["same", "blank", "different", "OK"])) for f, v, _ in field_rows(rng, pt, att)],
                 rng.choice(["cells", "cells_blank"]))
    out += ["Environment\n", f"PROD engine {ver(rng)}, node engine-{rng.randrange(1, 4)}\n"]
    out += jira_cloud_sidebar(rng, a, r, labels(rng), blank=True)
    return out


@variant("jira_hl7", "jira_sparse_engine_log")
def jh_sparse(rng):
    pt = Patient(rng)
    a, r = staff(rng), staff(rng)
    d = recent(rng)
    out = jira_cloud_top(rng, tkey(rng, "INT"), "Intermittent MLLP timeouts on ADT_IN (node 2)", project(rng))
    out += ["Description\n", "Node 2 drops connections every ~40 minutes. Full log window from the engine below.\n"]
    n = rng.randrange(30, 55)
    where = rng.randrange(8, n - 5)
    mode = rng.choice(["mrn_line", "pid_line", "name_line"])
    clk = LogClock(rng, d)
    for i in range(n):
        if i == where:
            ts = clk()
            if mode == "mrn_line":
                out += [f"{ts} ERROR [Channel-ADT_IN] Transformer failed for patient MRN=", P(pt.mrn, "mrn"),
                        f" control id MSG{rng.randrange(10**7, 10**8)}: NullPointerException\n"]
            elif mode == "pid_line":
                out += [f"{ts} DEBUG [Channel-ADT_IN] raw segment: "] + pid(rng, pt, rich=False) + ["\n"]
            else:
                out += [f"{ts} WARN  [Channel-ADT_IN] MPI match failed name=", P(pt.hl7(fold=True, mi=False), "person_name"),
                        " dob=", P(fd(pt.dob, "hl7"), "date"), "\n"]
        else:
            out.append(logline(rng, d, clk=clk) + "\n")
    out += ["\nAny ideas? ", rng.choice(["Firewall team says nothing changed.", "Restarting the channel clears it for a while."]), "\n"]
    out += jira_cloud_sidebar(rng, a, r, "mllp, prod-issue")
    return out


@variant("jira_hl7", "jira_a40_merge")
def jh_merge(rng):
    pt = Patient(rng)
    old_mrn = mrn(rng)
    a, r, att = staff(rng), staff(rng), staff(rng)
    d = recent(rng)
    segs = [msh(rng, "ADT^A40^ADT_A39", d), ["EVN|A40|", D(hl7ts(rng, d, True), "date")], pid(rng, pt, rich=False),
            seg("MRG", {1: [P(old_mrn, "mrn"), "^^^MVMC^MR"], 7: P(pt.hl7(fold=True, mi=False), "person_name")})]
    out = jira_cloud_top(rng, tkey(rng, "MPI"), "A40 merge not applied in portal", "Master Patient Index")
    out += ["Description\n", "HIM merged the duplicate charts yesterday. The portal still shows both.\n",
            rng.choice(["Surviving MRN ", "Kept "]), P(pt.mrn, "mrn"), ", retired ", P(old_mrn, "mrn"), ".\n",
            "Message:\n"]
    out += hl7_render(segs, rng.choice(["lines", "lines", "runon"]))
    out += ["Activity\n"]
    out += jira_cloud_comment(rng, staff(rng), "Portal only listens to A34 today. We need to add A40 to the subscription.")
    out += jira_cloud_sidebar(rng, a, r, "mpi, merge, hl7")
    return out


@variant("jira_hl7", "jira_siu_slack_quote")
def jh_siu(rng):
    pt = Patient(rng)
    a, r, prov = staff(rng), staff(rng), staff(rng)
    appt = recent(rng, dt.date(2026, 12, 8), dt.date(2027, 1, 30))
    ts = hl7ts(rng, appt)
    segs = [msh(rng, "SIU^S12^SIU_S12"),
            seg("SCH", {1: D(str(rng.randrange(10**6, 10**7)), "internal_id"), 7: "FOLLOWUP^Follow-up visit",
                        11: ["^^30^", P(ts, "date")], 25: "Booked"}),
            pid(rng, pt, rich=rng.random() < 0.5),
            seg("AIS", {1: "1", 3: "OV30^Office visit 30", 4: P(ts, "date"), 7: "30", 8: "min"}),
            seg("AIP", {1: "1", 3: [D(npi(rng), "other_id"), "^", D(prov.hl7(fold=True, mi=False), "person_name")], 4: "ATT"})]
    out = jira_cloud_top(rng, tkey(rng, "SCHED"), "SIU^S12 creates duplicate appointment in portal", "Scheduling Interfaces")
    out += ["Description\n", "From the #interfaces thread (copied):\n"]
    s1, s2 = staff(rng), staff(rng)
    out += slack_msg(rng, s1, ["clinic called, ", P(pt.full(), "person_name"), " sees two appointments on ",
                               P(fd(appt, "mon_short"), "date"), " in the app"], react=rng.choice(REACTS))
    out += slack_msg(rng, s2, "found it, the S12 came twice with different SCH-1", edited=rng.random() < 0.5)
    out += ["\nMessage:\n"] + hl7_render(segs)
    out += jira_cloud_sidebar(rng, a, r, "siu, scheduling")
    return out


@variant("jira_hl7", "jira_notification_email")
def jh_notify(rng):
    pt = Patient(rng)
    a, r, att, who = staff(rng), staff(rng), staff(rng), staff(rng)
    key = tkey(rng, "INT")
    o = org(rng)
    summ = rng.choice(HL7_SUMMARIES)
    out = outlook_head(rng, [SN(who), " (Jira)"], f"jira@{o[2]}", [SN(a)], f"[JIRA] ({key}) {summ}")
    out += ["\n", SN(who), " commented on ", key, "\n", "Re: ", summ, "\n"]
    out += ["Replaying this one from TEST fails the same way:\n"]
    segs = [msh(rng, "ADT^A04^ADT_A01"), pid(rng, pt), pv1(rng, pt, att)]
    out += hl7_render(segs)
    out += ["\nReply to this email to add a comment\n", "View issue\n",
            "Get Jira notifications on your phone! Download the Jira Cloud app for Android or iOS.\n",
            "This message was sent by Atlassian Jira (v", ver(rng), "#", str(rng.randrange(100000, 999999)), "-sha1:", hexs(rng, 7), ")\n"]
    return out


# ---------------------------------------------------------------------------
# confluence_table
# ---------------------------------------------------------------------------

def conf_meta(rng, space, title):
    o, e = staff(rng), staff(rng)
    style = rng.choice(["cloud", "dc", "crumbs"])
    if style == "cloud":
        return [f"Spaces\n{space}\nPages\n", title, "\n", "Owned by ", SN(o), "\n",
                f"Last updated: {MON[rng.randrange(12)]} {rng.randrange(1, 29)}, 2026", "\n•\n",
                f"{rng.randrange(1, 9)} min read\n•\n", f" {rng.randrange(2, 60)} people viewed\n"]
    if style == "dc":
        return [f"Pages / {space} / ", title, "\n", title, "\n", "Created by ", SN(o), ", last modified by ", SN(e),
                f" on {MON[rng.randrange(12)]} {rng.randrange(1, 29):02d}, 2026\n"]
    return [f"{space} / {rng.choice(['Huddles', 'Worklists', 'Projects', 'Quality'])}\n", title, "\n",
            "By ", SN(o), f"\n{rel_time(rng)}\n"]


def conf_comments(rng):
    s = staff(rng)
    return ["Comments\n", SN(s), "\n", rel_time(rng), "\n",
            rng.choice(["Please move this page to the restricted HIM space.", "Updated the status column after the call.",
                        "Can we get this on the Thursday agenda?"]), "\n", "Reply\nLike\n"]


@variant("confluence_table", "conf_census_tsv")
def ct_census(rng):
    unit = rng.choice(["4 West", "5 East Telemetry", "MICU", "Ortho 7"])
    out = conf_meta(rng, "Nursing Informatics", f"{unit} huddle board – week of {fd(recent(rng), 'mon_short')}")
    out += [rng.choice(["Census as of this morning. ", "Copied from the unit board. "]), "Discharges in bold on the page.\n"]
    atts = [staff(rng) for _ in range(3)]
    rows = []
    for i in range(rng.randrange(4, 9)):
        pt = Patient(rng)
        code, term = cond(rng)
        rows.append([f"{rng.randrange(400, 480)}{rng.choice('AB')}", P(pt.banner() if rng.random() < 0.5 else pt.full(), "person_name"),
                     P(pt.mrn, "mrn"), P(rdate(rng, pt.dob, ["us", "us_nopad", "iso"]), "date"), age_piece(pt),
                     C(term), SN(rng.choice(atts)), rng.choice(["DC today", "PT eval", "NPO after MN", "", "family mtg 2pm"])])
    out += table(["Room", "Patient", "MRN", "DOB", "Age", "Dx", "Attending", "Notes"], rows, "tsv")
    out += conf_comments(rng) if rng.random() < 0.6 else []
    return out


@variant("confluence_table", "conf_outreach_cells")
def ct_outreach(rng):
    out = conf_meta(rng, "Population Health", rng.choice(["Flu outreach call list", "Overdue A1c outreach", "Post-discharge calls"]))
    out += ["Please update Status after each call. Do not leave voicemail with clinical details.\n"]
    owners = [staff(rng) for _ in range(2)]
    rows = []
    for i in range(rng.randrange(3, 7)):
        pt = Patient(rng)
        rows.append([P(pt.full(), "person_name"), P(rphone(rng, pt.phone), "phone"), P(rdate(rng, pt.dob), "date"),
                     P(rdate(rng, pt.admit, ["us", "mon_short"]), "date"), rng.choice(["Left VM", "Scheduled", "No answer", "Declined", "Not started"]),
                     ["@", SN(rng.choice(owners))]])
    out += table(["Patient", "Phone", "DOB", "Last visit", "Status", "Owner"], rows, rng.choice(["cells", "cells_blank"]))
    return out


@variant("confluence_table", "conf_page_properties_case")
def ct_props(rng):
    pt = Patient(rng)
    att, rev = staff(rng), staff(rng)
    code, term = cond(rng)
    title = f"Case review {rng.randrange(2026001, 2026400)} – {rng.choice(['fall with injury', 'unplanned ICU transfer', 'readmission within 30 days', 'medication event'])}"
    out = conf_meta(rng, "Quality & Safety", title)
    pairs = [("Patient", P(pt.full(), "person_name")), ("MRN", P(pt.mrn, "mrn")),
             ("DOB", P(rdate(rng, pt.dob), "date")), ("Admission", P(rdate(rng, pt.admit), "date")),
             ("Discharge", P(rdate(rng, pt.disch), "date")), ("Attending", SN(att)),
             ("Primary diagnosis", [ICD(code), " ", C(term)]), ("Reviewer", SN(rev)),
             ("Status", rng.choice(["IN REVIEW", "OPEN", "CLOSED"]))]
    if rng.random() < 0.5:
        out += vblock(pairs, colon=rng.random() < 0.4, blank=rng.random() < 0.4)
    else:
        out += hblock(pairs, tab=True)
    out += ["Summary\n", rng.choice(["Patient was found on the floor at 0310 by night RN. ", "Transferred to ICU 14 hours after admission. "]),
            "Timeline and contributing factors below are to be completed by the reviewer.\n",
            "Timeline\n", "Contributing factors\n", "Action items\n", "☐ ", SN(rev), " to interview unit staff\n"]
    return out


@variant("confluence_table", "conf_mrn_recon_tsv")
def ct_recon(rng):
    out = conf_meta(rng, "HIM", "Duplicate MRN reconciliation – batch " + str(rng.randrange(10, 99)))
    out += ["Pairs flagged by the MPI job. Merge only after two-identifier check.\n"]
    rows = []
    for i in range(rng.randrange(3, 7)):
        pt = Patient(rng)
        rows.append([P(mrn(rng), "mrn"), P(pt.mrn, "mrn"), P(pt.last_first(), "person_name"),
                     P(rdate(rng, pt.dob, ["us", "iso"]), "date"), SN(staff(rng)),
                     D(rdate(rng, recent(rng), ["us"]), "date"), rng.choice(["MERGED", "PENDING", "NOT A DUP"])])
    out += table(["Retired MRN", "Surviving MRN", "Name", "DOB", "Merged by", "Merged on", "Status"], rows, "tsv")
    out += ["\nLast run: job ", f"mpi-dedupe-{rng.randrange(100, 999)}", " on ", ip(rng), "\n"]
    return out


@variant("confluence_table", "conf_rows_as_cards")
def ct_cards(rng):
    out = conf_meta(rng, "Care Management", "High-risk follow-up (mobile view copy)")
    n = rng.randrange(2, 5)
    cm = staff(rng)
    for i in range(n):
        pt = Patient(rng)
        code, term = cond(rng)
        pairs = [("Patient", P(pt.full(), "person_name")), ("DOB", P(rdate(rng, pt.dob), "date")),
                 ("Phone", P(rphone(rng, pt.phone), "phone")), ("Condition", C(term)),
                 ("Care manager", SN(cm)), ("Next call", D(fd(recent(rng, dt.date(2026, 12, 8), dt.date(2026, 12, 30)), "mon_short"), "date"))]
        out += vblock(pairs, colon=False, blank=False) + ["\n"]
    return out


@variant("confluence_table", "conf_excel_preview")
def ct_excel(rng):
    out = conf_meta(rng, "Revenue Integrity", "Self-pay balances > $5k (from attached workbook)")
    out += [f"selfpay_{rng.randrange(1, 12):02d}.xlsx\n", "Sheet1\n", "\tA\tB\tC\tD\tE\n"]
    rows = [["1", "Account", "Guarantor", "DOB", "Balance", "Last statement"]]
    for i in range(rng.randrange(3, 7)):
        pt = Patient(rng)
        rows.append([str(i + 2), P(pt.acct, "account_number"), P(pt.last_first().upper(), "person_name"),
                     P(fd(pt.dob, "us"), "date"), f"${rng.randrange(5000, 40000):,}.{rng.randrange(100):02d}",
                     D(fd(recent(rng), "us"), "date")])
    for r in rows:
        out += [join(r, "\t"), "\n"]
    out += [f"{len(rows) + 1}\tTotal\t\t\t${rng.randrange(40000, 200000):,}.00\t\n"]
    return out


@variant("confluence_table", "conf_task_list")
def ct_tasks(rng):
    out = conf_meta(rng, "Access Center", "Callback queue " + fd(recent(rng), "mon_short"))
    out += ["Incomplete tasks\n"]
    for i in range(rng.randrange(3, 6)):
        pt = Patient(rng)
        s = staff(rng)
        due = recent(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 20))
        kind = rng.choice(["phone", "dob", "mrn"])
        item = ["Call back ", P(pt.full(), "person_name")]
        if kind == "phone":
            item += [" at ", P(rphone(rng, pt.phone), "phone")]
        elif kind == "dob":
            item += [" (DOB ", P(rdate(rng, pt.dob), "date"), ")"]
        else:
            item += [" MRN ", P(pt.mrn, "mrn")]
        item += [" re: ", rng.choice(["referral status", "prior auth", "MyChart activation code", "refill request"]),
                 " @", SN(s), " ", D(fd(due, "mon_short"), "date")]
        out += item + ["\n"]
    out += ["Completed tasks\n", "Send template to front desk @", SN(staff(rng)), "\n"]
    return out


@variant("confluence_table", "conf_expand_registry")
def ct_registry(rng):
    out = conf_meta(rng, "Research Office", rng.choice(["Centenarian cohort screening", "Heart failure registry – new enrollees"]))
    out += ["Inclusion: age 90 and older at screening; excludes hospice. Protocol ", f"IRB-{rng.randrange(2020, 2027)}-{rng.randrange(100, 999)}", ".\n",
            "Click here to expand...\n"]
    rows = []
    for i in range(rng.randrange(3, 6)):
        pt = Patient(rng, old=True)
        rows.append([D(f"S{rng.randrange(100, 999)}", "internal_id"), P(pt.full(), "person_name"), P(pt.mrn, "mrn"), age_piece(pt),
                     P(rdate(rng, pt.dob, ["us", "long", "dmy_mon"]), "date"), rng.choice(["Consented", "Screen fail", "Pending"])])
    out += table(["Study ID", "Name", "MRN", "Age", "DOB", "Status"], rows, "tsv")
    out += conf_comments(rng)
    return out


@variant("confluence_table", "conf_test_rows_one_real")
def ct_testrows(rng):
    out = conf_meta(rng, "EHR Build", "Test patients for the portal regression")
    out += ["Use only these patients in TST. ", rng.choice(["One prod row slipped in during the refresh – remove it.", "Rows below were copied from the refresh sheet."]), "\n"]
    rows = []
    for i in range(rng.randrange(4, 8)):
        nm = rng.choice(["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF"])
        rows.append([D(f"ZZTEST, {nm}", "person_name"), f"T{rng.randrange(100000, 999999)}", "01/01/1950",
                     "555-01" + f"{rng.randrange(100):02d}", rng.choice(["portal on", "portal off", "proxy"])])
    pt = Patient(rng)
    real = [P(pt.banner(), "person_name"), P(pt.mrn, "mrn"), P(fd(pt.dob, "us"), "date"),
            P(fphone(pt.phone, "dash"), "phone"), "portal on"]
    rows.insert(rng.randrange(1, len(rows)), real)
    out += table(["Name", "MRN", "DOB", "Phone", "Notes"], rows, rng.choice(["tsv", "cells"]))
    return out


# ---------------------------------------------------------------------------
# support_ticket
# ---------------------------------------------------------------------------

def ehr_banner(rng, pt, pcp=None, layout=None):
    """EHR patient banner as copied from the screen."""
    layout = layout or rng.choice(["one_line", "stacked", "two_line"])
    sexage = [pt.sex, "  ", age_piece(pt, " y.o.")]
    if layout == "one_line":
        out = [P(pt.banner(), "person_name"), "  ", sexage, "  MRN: ", P(pt.mrn, "mrn"), "  DOB: ",
               P(fd(pt.dob, rng.choice(["us", "us_nopad"])), "date"), "\n"]
    elif layout == "two_line":
        out = [P(pt.banner(), "person_name"), "\n", sexage, " | DOB ", P(fd(pt.dob, "us"), "date"),
               " | MRN ", P(pt.mrn, "mrn"), " | CSN ", P(pt.visit, "other_id"), "\n"]
    else:
        out = [P(pt.full(), "person_name"), "\n", "Legal Sex: ", pt.sex, "\n", "Age: ", age_piece(pt, " y.o."), "\n",
               "DOB: ", P(fd(pt.dob, "us"), "date"), "\n", "MRN: ", P(pt.mrn, "mrn"), "\n"]
    if pt.native() and rng.random() < 0.7:
        out += ["Preferred Name: ", P(pt.native(), "person_name"), "\n"]
    extras = []
    if pcp:
        extras += ["PCP: ", SN(pcp), "\n"]
    if rng.random() < 0.6:
        extras += ["Allergies: ", rng.choice([[M("Penicillins")], [M("Sulfa (Sulfonamide Antibiotics)")], ["No Known Allergies"],
                                              [M("Codeine"), ", ", M("Latex")]]), "\n"]
    if rng.random() < 0.5:
        extras += ["Code Status: ", rng.choice(["Full Code", "DNR/DNI", "Prior"]), "\n"]
    if rng.random() < 0.4:
        extras += ["Coverage: ", rng.choice(PAYERS), "\n"]
    return out + extras


TICKET_ISSUES = ["I can't log in to the patient portal", "I was billed twice for the same visit",
                 "My activation code expired", "I can see someone else's lab result in my account",
                 "I need my ex-husband's proxy access removed", "The appointment reminder texts go to the wrong number",
                 "My statement shows the wrong insurance"]


@variant("support_ticket", "st_zendesk_agent_view")
def st_zendesk(rng):
    pt = Patient(rng, old=False)
    ag, fol = staff(rng), staff(rng)
    o = org(rng)
    issue = rng.choice(TICKET_ISSUES)
    out = [f"#{rng.randrange(100000, 999999)}\n", rng.choice(["Portal login help", "Billing question", "Re: my account", "Help!!"]), "\n"]
    pairs = [("Requester", P(pt.full(), "person_name")), ("Assignee", [f"{o[1]} Patient Support/", SN(ag)]),
             ("Followers", SN(fol)), ("Tags", rng.choice(["portal_login  password_reset", "billing  duplicate_charge", "proxy_access"])),
             ("Type", rng.choice(["Question", "Incident", "Problem"])), ("Priority", rng.choice(["Normal", "High", "Urgent"]))]
    out += vblock(pairs, colon=False, blank=rng.random() < 0.4)
    when = recent(rng)
    h1 = rng.randrange(7, 15)
    out += ["\n", P(pt.full(), "person_name"), "\n", D(f"{MON[when.month - 1]} {when.day}, {when.year} {h1:02d}:{rng.randrange(60):02d}", "date"), "\n"]
    body = [rng.choice(["Hi, ", "Hello, ", "To whom it may concern, ", ""]), issue if rng.random() < 0.5 else issue[0].lower() + issue[1:], ". "]
    body += [rng.choice(["My date of birth is ", "DOB ", "Born "]), P(rdate(rng, pt.dob), "date"), " and my phone is ",
             P(rphone(rng, pt.phone), "phone"), "."]
    if "billed" in issue or "statement" in issue:
        body += [" The card I used was ", P(card(rng), "credit_card"), ", please refund it."]
    elif ("activation" in issue or "log in" in issue) and rng.random() < 0.7:
        body += [" The link you sent me (", P(f"https://portal.{o[2]}/activate?pid={rng.randrange(10**6, 10**7)}&token={hexs(rng, 16)}", "url"), ") says expired."]
    if rng.random() < 0.5:
        body += [" My account number is ", P(pt.acct, "account_number"), "."]
    body += ["\n", "Thanks,\n", P(pt.first, "person_name"), "\n"]
    out += body
    out += ["\n", SN(ag), "\n", D(f"{MON[when.month - 1]} {when.day}, {when.year} {h1 + rng.randrange(1, 5):02d}:{rng.randrange(60):02d}", "date"), "\n",
            "Internal note\n", rng.choice(["Verified two identifiers. Escalating to Tier 2.", "Reset sent. Waiting on requester."]), "\n"]
    out += ["\nApply macro\nSubmit as Open\n"]
    return out


@variant("support_ticket", "st_servicenow_form")
def st_snow(rng):
    pt = Patient(rng)
    caller, assignee = staff(rng), staff(rng)
    o = org(rng)
    inc = f"INC{rng.randrange(10**6, 10**7):07d}"
    pairs = [("Number", inc), ("Caller", SN(caller)), ("Category", rng.choice(["Clinical Application", "Interfaces", "Patient Portal"])),
             ("Subcategory", rng.choice(["Registration", "Results", "Access"])), ("Configuration item", rng.choice(["Epic Hyperspace", "Cerner PowerChart", "MyChart"])),
             ("Impact", "3 - Low"), ("Urgency", "2 - Medium"), ("Assignment group", "EHR Application Support"), ("Assigned to", SN(assignee)),
             ("Short description", rng.choice(["Registration shows wrong DOB", "Results filed to wrong chart", "Wristband printed wrong name"]))]
    out = [f"Incident\n{inc}\n", "Update\nResolve\nDelete\n"]
    out += vblock(pairs, colon=False, blank=rng.random() < 0.3)
    out += ["Description\n", rng.choice(["Front desk reports that ", "Unit clerk on 5 East reports that ", "Nurse called: "]),
            P(pt.full(), "person_name"), ", MRN ", P(pt.mrn, "mrn"), ", DOB ", P(rdate(rng, pt.dob), "date"),
            rng.choice([" shows as born on the wrong date after the merge.", " got another patient's result in the In Basket.", " needs a name correction (legal name change)."]),
            " Caller extension ", SC(f"x{rng.randrange(2000, 9999)}"), ".\n"]
    out += ["Activities: ", str(rng.randrange(2, 6)), "\n", SN(assignee), "\n", "Work notes • ", logts(rng, ms=False), "\n",
            "Called back, confirmed with registration. Correction request sent to HIM.\n"]
    return out


@variant("support_ticket", "st_freshdesk_prose")
def st_fresh(rng):
    pt = Patient(rng)
    ag = staff(rng)
    pt = Patient(rng, dob=rand_date(rng, dt.date(1928, 1, 1), dt.date(1962, 12, 31)))
    rel = Patient(rng, culture=pt.c, last=pt.last, old=False)
    out = [rng.choice(["Ticket ", "Freshdesk #"]), str(rng.randrange(10000, 99999)), " – ", rng.choice(["Records request", "Proxy access", "Address change"]), "\n",
           "Status: Open   Priority: Medium   Group: Patient Services\n\n"]
    prose = [P(rel.full(), "person_name"), " called on behalf of ", "her" if rel.sex == "F" else "his", " ",
             rng.choice(["mother", "grandmother", "aunt"] if pt.sex == "F" else ["father", "grandfather", "uncle"]),
             ", ", P(pt.full(), "person_name"), " (",
             age_piece(pt, rng.choice([" yo", "-year-old", " years"])), ", DOB ", P(rdate(rng, pt.dob), "date"),
             "). They moved to ", P(pt.addr.street, "street_address")]
    if pt.addr.unit:
        prose += [" ", P(pt.addr.unit, "street_address")]
    prose += [", ", P(pt.addr.city, "street_address"), ", ", D(pt.addr.st, "state"), " ", P(pt.addr.zip, "zip_code"),
              " and want the statements sent there. Best number is ", P(rphone(rng, rel.phone), "phone"),
              ". ", rng.choice(["Proxy form is on file.", "No proxy on file yet — sent the form."]), "\n\n"]
    out += prose
    out += ["— ", SN(ag), ", Patient Services\n"]
    return out


@variant("support_ticket", "st_teams_chat")
def st_teams(rng):
    pt = Patient(rng)
    a, b = staff(rng), staff(rng)
    out = [rng.choice(["Chat", "EHR Support – General"]), "\n"]
    out += teams_msg(rng, a, ["anyone know why ", P(pt.banner(), "person_name"), " can't be found in the portal admin? MRN ",
                              P(pt.mrn, "mrn")], "stacked")
    out += teams_msg(rng, b, "looking", "stacked")
    out += teams_msg(rng, b, ["DOB in Epic is ", P(fd(pt.dob, "us"), "date"), " but the portal has ",
                              "01/01/1900", ", so the match fails"], "stacked")
    out += ["Edited\n" if rng.random() < 0.5 else "", rng.choice(REACTS), "\n"]
    out += teams_msg(rng, a, "ok I'll open a ticket with the vendor", "stacked")
    return out


@variant("support_ticket", "st_slack_thread")
def st_slack(rng):
    pt = Patient(rng)
    a, b, c = staff(rng), staff(rng), staff(rng)
    out = [f"#{rng.choice(['access-center', 'portal-support', 'rev-cycle-help'])}\n"]
    he, his = pt.pron()
    him = "her" if pt.sex == "F" else "him"
    out += slack_msg(rng, a, [f"caller says {he} is ", P(pt.full(), "person_name"), f" and wants {his} results read out, gave DOB ",
                              P(rdate(rng, pt.dob, ["us_short", "us", "long"]), "date"), " but the chart has a different one"], reply=rng.randrange(2, 5))
    out += slack_msg(rng, b, f"don't read results over the phone, send {him} to the portal", react=rng.choice(REACTS))
    out += slack_msg(rng, c, [f"{his} cell on file is ", P(rphone(rng, pt.cell), "phone"), ", call back on that one only"], edited=True)
    out += slack_msg(rng, a, "👍 thanks")
    return out


@variant("support_ticket", "st_jsm_portal_request")
def st_jsm(rng):
    pt = Patient(rng)
    agent = staff(rng)
    out = ["Help Center / ", rng.choice(["Patient Access", "Digital Front Door"]), "\n", f"PA-{rng.randrange(100, 9999)}\n",
           rng.choice(["Portal account locked", "Update contact details", "Unlink proxy"]), "\n"]
    pairs = [("Request type", rng.choice(["Patient portal access", "Demographics change"])),
             ("Patient name", P(pt.full(), "person_name")), ("Date of birth", P(rdate(rng, pt.dob), "date")),
             ("MRN", P(pt.mrn, "mrn")), ("Contact phone", P(rphone(rng, pt.phone), "phone")),
             ("Email on file", P(pt.email, "email")), ("Details", rng.choice(["Locked after 5 attempts", "New email address", "Remove ex-spouse as proxy"]))]
    if rng.random() < 0.5:
        pairs.append(("Last login IP", P(f"{rng.choice([73, 98, 174, 71, 24, 67])}.{rng.randrange(1, 255)}.{rng.randrange(0, 255)}.{rng.randrange(2, 254)}", "ip_address")))
    if rng.random() < 0.5:
        pairs.append(("Activation link", P(f"https://mychart.{org(rng)[2]}/MyChart/Signup?patId={rng.randrange(10**7, 10**8)}&code={hexs(rng, 12).upper()}", "url")))
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.5)
    out += ["Status\n", rng.choice(["WAITING FOR SUPPORT", "IN PROGRESS"]), "\n", "Shared with\n", SN(agent), "\n",
            "Activity\n", SN(agent), "\n", rel_time(rng), "\n", "Unlocked the account; please try again.\n"]
    return out


@variant("support_ticket", "st_zendesk_talk_call")
def st_call(rng):
    pt = Patient(rng)
    ag = staff(rng)
    d = recent(rng)
    out = ["Call from ", P(fphone(pt.phone, rng.choice(["plus", "paren"])), "phone"), "\n",
           "Inbound call\n", f"Duration\n{rng.randrange(1, 14)}:{rng.randrange(60):02d}\n", "Agent\n", SN(ag), "\n",
           "Call started\n", D(f"{MON[d.month - 1]} {d.day}, {d.year} {clock(rng)}", "date"), "\n",
           "Recording\n0:00 / ", f"{rng.randrange(1, 14)}:{rng.randrange(60):02d}", "\n", "Call summary\n",
           rng.choice(["Caller ", "Pt "]), P(pt.full(), "person_name"), " asking about ",
           rng.choice(["a bill for the ED visit", "her MRI results", "his prescription refill", "a referral"]),
           ". Verified DOB ", P(rdate(rng, pt.dob), "date"), ". Transferred to nurse line ", SC(f"ext. {rng.randrange(2000, 9999)}"), ".\n"]
    return out


@variant("support_ticket", "st_sn_activity_stream")
def st_activity(rng):
    pt = Patient(rng)
    s1, s2 = staff(rng), staff(rng)
    out = [f"RITM{rng.randrange(10**6, 10**7):07d}\n", "Activities\n"]
    clk = LogClock(rng, step=7200)
    for who, body in [
        (s1, ["Spoke with ", P(pt.full(), "person_name"), ". ",
              rng.choice([["Last four of SSN ", D(fssn(pt.ssn)[-4:], "ssn"), " matches."],
                          ["Caller read out the full SSN ", P(fssn(pt.ssn, rng.choice(["dash", "space"])), "ssn"), " – please mask this note."]]),
              " Member ID on the card is ", P(pt.member, "health_plan_id"), "."]),
        (s2, ["Eligibility re-run, coverage active. Updated the registration."]),
        (s1, ["Closing. Patient to call ", "1-800-" + f"{rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}", " (payer) for the EOB."])]:
        out += [SN(who), "\n", rng.choice(["Work notes", "Additional comments (Customer visible)"]), " • ", clk(ms=False), "\n", body, "\n\n"]
    return out


@variant("support_ticket", "st_ehr_banner_ticket")
def st_banner(rng):
    pt = Patient(rng)
    pcp, rep, ag = staff(rng), staff(rng), staff(rng)
    out = [f"{tkey(rng, 'EHRS')}: ", rng.choice(["Banner shows wrong PCP", "Allergy banner not refreshing", "Wrong age in banner after DOB fix"]), "\n",
           "Reporter\n", SN(rep), "\n", "Assignee\n", SN(ag), "\n", "Description\n",
           "Copied from the chart banner:\n"]
    out += ehr_banner(rng, pt, pcp=pcp)
    out += [rng.choice(["The PCP was changed yesterday but the banner still shows the old one.",
                        "Banner age does not match the DOB.", "Allergies were updated at 14:05, banner unchanged after relog."]), "\n"]
    return out


# ---------------------------------------------------------------------------
# fhir_diff
# ---------------------------------------------------------------------------
FIXTURE_PATHS = ["src/test/resources/fixtures/patient-{n}.json", "fixtures/fhir/Patient/{n}.json",
                 "test/data/bundles/admit-{n}.json", "packages/fhir-mapper/__fixtures__/patient_{n}.json",
                 "integration-tests/src/test/resources/fhir/patient-{n}.json"]


def pr_title(rng):
    return rng.choice(["Add admit bundle fixture for mapper tests", "Update patient fixtures for R4 address mapping",
                       "Fix telecom rank in Patient mapper", "Replace fixture with synthetic patient",
                       "Add regression fixture for PLAT-" + str(rng.randrange(100, 999))])


def bb_pr_head(rng, author, reviewers, title):
    out = [f"Pull request #{rng.randrange(10, 900)}\n", title, "\n", SN(author), f" wants to merge feature/{rng.choice(['fixtures', 'r4-address', 'telecom-rank', 'plat-fix'])}-{rng.randrange(10, 99)} into develop\n",
           "Reviewers\n"]
    for r in reviewers:
        out += [SN(r), "\n", rng.choice(["Approved", "Needs work", ""]), "\n" if True else ""]
    out += [f"Files changed ({rng.randrange(1, 6)})\n"]
    return out


def patient_hunk(rng, pt, swap=None):
    """old = synthetic, new = real (swap: the reverse: real removed)."""
    real = fhir_patient_lines(rng, pt)
    fake = fhir_test_patient_lines(rng)
    swap = rng.random() < 0.35 if swap is None else swap
    if swap:
        return diff_ops(real[2:-1], fake[2:-1], real[:2], [real[-1]])
    return diff_ops(fake[2:-1], real[2:-1], fake[:2], [fake[-1]])


@variant("fhir_diff", "fd_bb_unified_linenos")
def fd_bb(rng):
    pt = Patient(rng)
    au, r1, r2 = staff(rng), staff(rng), staff(rng)
    path = rng.choice(FIXTURE_PATHS).format(n=rng.randrange(1, 120))
    out = bb_pr_head(rng, au, [r1, r2], pr_title(rng))
    out += [path, "\n", rng.choice(["MODIFIED", ""]), "\n", "Side-by-side diff\nView the entire source for this file\n"]
    out += render_diff(patient_hunk(rng, pt), rng.choice(["bb", "bb_tabs"]))
    out += ["\n", SN(r1), "\n", rng.choice(["Is this a real person? The DOB and address look real.", "Please use the synthetic generator for fixtures."]), "\n"]
    return out


@variant("fhir_diff", "fd_bb_side_by_side")
def fd_side(rng):
    pt = Patient(rng)
    path = rng.choice(FIXTURE_PATHS).format(n=rng.randrange(1, 120))
    out = [path, "\n", "Unified diff\tSide-by-side diff\n"]
    out += render_diff(patient_hunk(rng, pt), "side")
    out += ["\nComments\n", SN(staff(rng)), " ", rel_time(rng), "\n", "Left side is what was in develop.\n"]
    return out


@variant("fhir_diff", "fd_github_files_changed")
def fd_gh(rng):
    pt = Patient(rng)
    au = staff(rng)
    path = rng.choice(FIXTURE_PATHS).format(n=rng.randrange(1, 120))
    rows = patient_hunk(rng, pt, swap=False)
    adds = sum(1 for r in rows if r[0] == "+")
    dels = sum(1 for r in rows if r[0] == "-")
    out = [pr_title(rng), f" #{rng.randrange(100, 3000)}\n", "Open\n", SN(au), f" wants to merge 1 commit into main from {rng.choice(['fixtures', 'mapper'])}-{rng.randrange(1, 50)}\n",
           "Conversation 0\nCommits 1\nChecks 3\nFiles changed 1\n", path, "\n", f"+{adds} −{dels}\n", "Viewed\n",
           f"@@ -1,{dels + 2} +1,{adds + 2} @@\n"]
    out += render_diff(rows, "gh")
    return out


@variant("fhir_diff", "fd_gitlab_inline_comment")
def fd_gitlab(rng):
    pt = Patient(rng)
    r = staff(rng)
    handle = re.sub(r"[^a-z]", "", ascii_fold(r.first[0] + r.last).lower())
    path = rng.choice(FIXTURE_PATHS).format(n=rng.randrange(1, 120))
    out = [f"!{rng.randrange(100, 999)} ", pr_title(rng), "\n", "Overview 2\nCommits 1\nPipelines 1\nChanges 1\n", path, "\n"]
    out += render_diff(patient_hunk(rng, pt), "one_no")
    out += [SN(r), " @", D(handle, "person_name"), " · ", rel_time(rng), "\n",
            rng.choice(["This looks like prod data (name + DOB + MRN). Please rewrite the branch history.",
                        "blocking: real identifiers in a fixture"]), "\n", "Resolve thread\n"]
    return out


@variant("fhir_diff", "fd_plain_bundle_encounter")
def fd_bundle(rng):
    pt = Patient(rng)
    start = pt.admit
    end = pt.disch
    rid = f"pat-{hexs(rng, 6)}"
    path = rng.choice(FIXTURE_PATHS).format(n=rng.randrange(1, 120))
    enc = [jl(6, '"resource": {'), jl(8, '"resourceType": "Encounter",'), jl(8, '"id": "', D(f"enc-{hexs(rng, 8)}", "internal_id"), '",'),
           jl(8, '"status": "finished",'), jl(8, '"class": { "code": "IMP" },'),
           jl(8, '"subject": { "reference": "Patient/', D(rid, "internal_id"), '", "display": "', P(pt.full(), "person_name"), '" },'),
           jl(8, '"period": { "start": "', P(f"{fd(start, 'iso')}T{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:00-05:00", "date"),
              '", "end": "', P(f"{fd(end, 'iso')}T{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}:00-05:00", "date"), '" },'),
           jl(8, '"reasonCode": [{ "text": "', C(cond(rng)[1]), '" }]'), jl(6, "}")]
    patl = fhir_patient_lines(rng, pt, base=6, rid=rid)
    patl[0] = jl(6, '"resource": {')
    new = [jl(4, "{")] + patl + [jl(4, "},"), jl(4, "{")] + enc + [jl(4, "}")]
    rows = diff_ops([], new, [jl(2, '"entry": [')], [jl(2, "]")], start=4)
    out = [f"diff --git a/{path} b/{path}\n", f"index {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n", f"--- a/{path}\n", f"+++ b/{path}\n",
           f"@@ -4,2 +4,{len(new) + 2} @@\n"]
    out += render_diff(rows, "plain")
    return out


@variant("fhir_diff", "fd_coverage_member")
def fd_coverage(rng):
    pt = Patient(rng)
    path = f"fixtures/fhir/Coverage/cov-{rng.randrange(1, 99)}.json"
    old_member = "MBR-TEST-0001"
    new = [jl(2, '"subscriberId": "', P(pt.member, "health_plan_id"), '",'),
           jl(2, '"beneficiary": { "reference": "Patient/', D(f"pat-{hexs(rng, 6)}", "internal_id"), '", "display": "', P(pt.full(), "person_name"), '" },'),
           jl(2, '"relationship": { "coding": [{ "code": "self" }] },'),
           jl(2, '"period": { "start": "', D("2026-01-01", "date"), '" },'),
           jl(2, f'"payor": [{{ "display": "{rng.choice(PAYERS)}" }}],'),
           jl(2, '"class": [{ "type": { "text": "group" }, "value": "', D(f"GRP{rng.randrange(10000, 999999)}", "other_id"), '" }]')]
    old = [jl(2, f'"subscriberId": "{old_member}",'), jl(2, '"beneficiary": { "reference": "Patient/example" },')]
    rows = diff_ops(old, new, [jl(0, "{"), jl(2, '"resourceType": "Coverage",'), jl(2, '"status": "active",')], [jl(0, "}")])
    out = [path, "\n", rng.choice(["2 comments", "No comments", ""]), "\n"]
    out += render_diff(rows, rng.choice(["bb_tabs", "bb", "one_no"]))
    return out


@variant("fhir_diff", "fd_related_person")
def fd_related(rng):
    pt = Patient(rng)
    rel = Patient(rng, culture=pt.c, last=pt.last if rng.random() < 0.6 else None, old=False)
    rcode = rng.choice([("DAU", "daughter"), ("SON", "son"), ("SPS", "spouse"), ("MTH", "mother")])
    path = f"src/test/resources/fhir/RelatedPerson/{rng.choice(['emergency-contact', 'guardian', 'proxy'])}.json"
    new = [jl(2, '"patient": { "reference": "Patient/', D(f"pat-{hexs(rng, 6)}", "internal_id"), '", "display": "', P(pt.full(), "person_name"), '" },'),
           jl(2, f'"relationship": [{{ "coding": [{{ "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "{rcode[0]}", "display": "{rcode[1]}" }}] }}],'),
           jl(2, '"name": [{ "family": "', P(rel.last, "person_name"), '", "given": ["', P(rel.first, "person_name"), '"] }],'),
           jl(2, '"telecom": [{ "system": "phone", "value": "', P(fphone(rel.phone, rng.choice(["dash", "paren", "plus"])), "phone"), '", "use": "mobile" }]')]
    old = [jl(2, '"patient": { "reference": "Patient/example" },'), jl(2, '"name": [{ "family": "Doe", "given": ["Jane"] }],'),
           jl(2, '"telecom": [{ "system": "phone", "value": "555-0142" }]')]
    rows = diff_ops(old, new, [jl(0, "{"), jl(2, '"resourceType": "RelatedPerson",')], [jl(0, "}")])
    out = [f"diff --git a/{path} b/{path}\n", f"--- a/{path}\n+++ b/{path}\n", "@@ -1,6 +1,7 @@\n"]
    out += render_diff(rows, "plain")
    return out


def ndjson_patient(rng, pt):
    return ['{"resourceType":"Patient","id":"', D(f"{rng.randrange(10**5, 10**6)}", "internal_id"),
            '","identifier":[{"system":"urn:mrn","value":"', P(pt.mrn, "mrn"), '"}],"name":[{"family":"',
            P(pt.last, "person_name"), '","given":["', P(pt.first, "person_name"), '"]}],"gender":"',
            "female" if pt.sex == "F" else "male", '","birthDate":"', P(fd(pt.dob, "iso"), "date"), '"}']


@variant("fhir_diff", "fd_ndjson_bulk")
def fd_ndjson(rng):
    path = f"test/bulk/Patient.{rng.randrange(1, 9)}.ndjson"
    old = []
    for i in range(rng.randrange(1, 3)):
        old.append([f'{{"resourceType":"Patient","id":"test-{i + 1}","name":[{{"family":"Synthetic","given":["Case{i + 1}"]}}],"birthDate":"1970-01-01"}}'])
    new = [ndjson_patient(rng, Patient(rng)) for _ in range(rng.randrange(1, 4))]
    rows = diff_ops(old, new)
    out = [path, "\n", rng.choice(["Load diff", "Large diffs are not rendered by default.", ""]), "\n"]
    out += render_diff(rows, rng.choice(["plain", "bb_tabs"]))
    return out


@variant("fhir_diff", "fd_observation_pr_overview")
def fd_obs(rng):
    pt = Patient(rng)
    au, r1, r2 = staff(rng), staff(rng), staff(rng)
    lab = rng.choice(LABS)
    eff = f"{fd(pt.admit, 'iso')}T{rng.randrange(5, 23):02d}:{rng.randrange(60):02d}:00Z"
    new = [jl(0, "{"), jl(2, '"resourceType": "Observation",'), jl(2, '"status": "final",'),
           jl(2, f'"code": {{ "coding": [{{ "system": "http://loinc.org", "code": "{lab[0]}", "display": "{lab[1]}" }}] }},'),
           jl(2, '"subject": { "reference": "Patient/', D(f"pat-{hexs(rng, 6)}", "internal_id"), '", "display": "', P(pt.full(), "person_name"), '" },'),
           jl(2, '"effectiveDateTime": "', P(eff, "date"), '",'),
           jl(2, f'"valueQuantity": {{ "value": {rng.uniform(lab[4], lab[5]):.1f}, "unit": "{lab[2]}" }}'), jl(0, "}")]
    rows = diff_ops([], new)
    out = bb_pr_head(rng, au, [r1, r2], "Add Observation fixture for " + lab[1] + " trend chart")
    out += ["Overview\n", "Activity\n", SN(r2), " approved the pull request\n", rel_time(rng), "\n",
            SN(r1), " commented\n", "Where did this value come from? The subject display is a real name.\n",
            f"src/test/resources/fhir/observation-{lab[1].lower().replace(' ', '-')}.json\n"]
    out += render_diff(rows, rng.choice(["bb", "gh", "one_no"]))
    return out


# ---------------------------------------------------------------------------
# sql_seed
# ---------------------------------------------------------------------------
SQL_COLS = ["patient_id", "mrn", "first_name", "last_name", "dob", "sex", "phone", "email", "address_line1", "city", "state", "zip"]


def sqlq(s):
    return s.replace("'", "''")


def pt_values(rng, pt, cols, pid_=None, sql=True, dstyle="iso"):
    """cell pieces for a patient row: sql=True gives quoted literals."""
    q = (lambda pc: ["'", pc, "'"]) if sql else (lambda pc: pc)
    esc = sqlq if sql else (lambda s: s)
    v = {"patient_id": D(str(pid_ or rng.randrange(1000, 99999)), "internal_id"),
         "mrn": q(P(pt.mrn, "mrn")), "first_name": q(P(esc(pt.first), "person_name")),
         "last_name": q(P(esc(pt.last), "person_name")), "dob": q(P(fd(pt.dob, dstyle), "date")),
         "sex": q(pt.sex), "phone": q(P(fphone(pt.phone, rng.choice(["dash", "bare", "paren"])), "phone")),
         "email": q(P(pt.email, "email")), "address_line1": q(P(esc(pt.addr.street), "street_address")),
         "city": q(P(esc(pt.addr.city), "street_address")), "state": q(D(pt.addr.st, "state")),
         "zip": q(P(pt.addr.zip, "zip_code")), "ssn": q(P(fssn(pt.ssn, rng.choice(["dash", "bare"])), "ssn")),
         "admit_date": q(P(fd(pt.admit, dstyle), "date")), "member_id": q(P(pt.member, "health_plan_id"))}
    return [v[c] for c in cols]


def test_values(i, cols, sql=True):
    q = (lambda s: f"'{s}'") if sql else (lambda s: s)
    qd = (lambda s: ["'", D(s, "person_name"), "'"]) if sql else (lambda s: D(s, "person_name"))
    v = {"patient_id": str(90000 + i), "mrn": q(f"T{100000 + i}"), "first_name": qd("Test"), "last_name": qd(f"Zztest{i}"),
         "dob": q("1900-01-01"), "sex": q("U"), "phone": q(f"555-01{i:02d}"), "email": q(f"test{i}@example.com"),
         "address_line1": q("1 Main St"), "city": q("Anytown"), "state": q("MA"), "zip": q("00000"), "ssn": q("123-45-6789"),
         "admit_date": q("2026-01-01"), "member_id": q(f"TESTMBR{i:03d}")}
    return [v[c] for c in cols]


def pick_cols(rng, extra=()):
    cols = ["patient_id", "mrn", "first_name", "last_name", "dob"]
    for c in ["sex", "phone", "email", "address_line1", "city", "state", "zip"]:
        if rng.random() < 0.55:
            cols.append(c)
    cols += list(extra)
    return cols


def insert_lines(rng, table_name, cols, rows):
    out = [[f"INSERT INTO {table_name} ({', '.join(cols)}) VALUES"]]
    for i, r in enumerate(rows):
        out.append(["  (", join(r, ", "), ")" + ("," if i < len(rows) - 1 else ";")])
    return out


@variant("sql_seed", "sql_bb_diff_linenos")
def sq_bbdiff(rng):
    cols = pick_cols(rng)
    n = rng.randrange(2, 5)
    rows = [pt_values(rng, Patient(rng), cols, 1000 + i) for i in range(n)]
    path = f"db/migration/V{rng.randrange(20, 99)}__seed_{rng.choice(['demo', 'uat', 'regression'])}_patients.sql"
    new = [["-- seed for UAT refresh"]] + insert_lines(rng, "patient", cols, rows)
    out = [path, "\n", "ADDED\n"]
    out += render_diff(diff_ops([], new), rng.choice(["bb", "bb_tabs"]))
    out += ["\n", SN(staff(rng)), "\n", "Where did these rows come from? They look like an extract, not generated.\n"]
    return out


def grid_rows(rng, cols, n, real=None):
    rows = []
    for i in range(n):
        pt = Patient(rng)
        rows.append(pt_values(rng, pt, cols, rng.randrange(1000, 99999), sql=False, dstyle=rng.choice(["iso", "iso", "us"])))
    return rows


@variant("sql_seed", "sql_dbeaver_grid_tsv")
def sq_dbeaver(rng):
    cols = pick_cols(rng)
    n = rng.randrange(2, 7)
    cond_ = rng.choice(["updated_at >= '2026-12-01'", "source_system = 'LEGACY_ADT'", "mpi_status = 'REVIEW'", f"batch_id = {rng.randrange(100, 999)}"])
    out = [f"SELECT {', '.join(cols)}\n  FROM registration.patient\n WHERE {cond_}\n ORDER BY last_name;\n\n"]
    out += table(cols, grid_rows(rng, cols, n), "tsv")
    out += [f"\n{n} row(s) fetched - {rng.randrange(3, 400)}ms, on {logts(rng, ms=False)}\n"]
    return out


@variant("sql_seed", "sql_pgadmin_grid_cells")
def sq_pgadmin(rng):
    cols = pick_cols(rng)
    n = rng.randrange(2, 4)
    out = ["Query\tQuery History\n", f"select * from staging.patient_import where batch_id = {rng.randrange(100, 999)};\n",
           "Data Output\tMessages\tNotifications\n"]
    types = {"patient_id": "integer", "mrn": "character varying (20)", "first_name": "character varying", "last_name": "character varying",
             "dob": "date", "sex": "character (1)", "phone": "text", "email": "text", "address_line1": "text", "city": "text",
             "state": "character (2)", "zip": "character varying (10)", "ssn": "character (11)"}
    typed = rng.random() < 0.5
    hdr = [f"{c}\n{types[c]}" if typed else c for c in cols]
    out += table(hdr, grid_rows(rng, cols, n), "cells")
    out += [f"Total rows: {n} of {n}\tQuery complete 00:00:00.{rng.randrange(40, 900)}\n"]
    return out


@variant("sql_seed", "sql_conf_code_gutter")
def sq_gutter(rng):
    cols = pick_cols(rng)
    rows = [pt_values(rng, Patient(rng), cols, 2000 + i) for i in range(rng.randrange(2, 4))]
    code = [["-- restore rows deleted by the purge job, see ", tkey(rng, "DATA")]] + insert_lines(rng, "clinic.patient", cols, rows) + [["COMMIT;"]]
    out = conf_meta(rng, "Data Platform", "Restore script for purge incident")
    out += ["Run in PROD after approval. Script (copied from the code block):\n"]
    gutter = rng.random() < 0.6
    if gutter:
        out += [f"{i + 1}\n" for i in range(len(code))]
    for ln in code:
        out += [ln, "\n"]
    return out


@variant("sql_seed", "sql_update_runbook")
def sq_update(rng):
    pt = Patient(rng)
    owner, appr = staff(rng), staff(rng)
    out = conf_meta(rng, "EHR Data Fixes", f"Data fix – wrong DOB after merge ({tkey(rng, 'DFX')})")
    pairs = [("Owner", SN(owner)), ("Approved by", SN(appr)), ("Environment", "PROD"), ("Status", rng.choice(["APPROVED", "EXECUTED"]))]
    out += vblock(pairs, colon=False, blank=False)
    new_dob = pt.dob
    out += ["Steps\n", "1. Verify the row:\n",
            "SELECT patient_id, mrn, last_name, dob FROM patient WHERE mrn = '", P(pt.mrn, "mrn"), "';\n",
            "2. Apply the fix:\n", "UPDATE patient\n   SET dob = '", P(fd(new_dob, "iso"), "date"), "',\n       updated_by = 'dfx_", str(rng.randrange(100, 999)), "'\n",
            " WHERE mrn = '", P(pt.mrn, "mrn"), "'\n   AND last_name = '", P(sqlq(pt.last.upper()), "person_name"), "';\n",
            "3. Expect 1 row updated. Rollback:\n",
            "UPDATE patient SET dob = '", P(fd(new_dob.replace(year=new_dob.year + rng.choice([-1, 1]) * 10) if not (new_dob.month == 2 and new_dob.day == 29) else new_dob, "iso"), "date"),
            "' WHERE mrn = '", P(pt.mrn, "mrn"), "';\n"]
    return out


@variant("sql_seed", "sql_copy_stdin")
def sq_copy(rng):
    cols = pick_cols(rng)
    out = [f"COPY public.patient ({', '.join(cols)}) FROM stdin;\n"]
    for i in range(rng.randrange(2, 6)):
        pt = Patient(rng)
        out += [join(pt_values(rng, pt, cols, 3000 + i, sql=False), "\t"), "\n"]
    out += ["\\.\n", "\n", f"SELECT pg_catalog.setval('public.patient_patient_id_seq', {rng.randrange(3000, 9000)}, true);\n"]
    return out


@variant("sql_seed", "sql_workbench_copy_row")
def sq_workbench(rng):
    cols = pick_cols(rng, ["ssn"] if rng.random() < 0.5 else [])
    out = [rng.choice(["Copied from Workbench (Copy Row with names):\n", "Result grid:\n"])]
    out += ["# ", join(cols, "\t"), "\n"]
    for r in grid_rows(rng, cols, rng.randrange(1, 4)):
        out += [join(r, "\t"), "\n"]
    out += [f"\nAction Output\n{rng.randrange(1, 80)}\t{clock(rng, False)}:{rng.randrange(10, 59)}\tSELECT * FROM ehr.patients LIMIT 0, 1000\t{rng.randrange(1, 4)} row(s) returned\t0.{rng.randrange(10, 99)} sec\n"]
    return out


@variant("sql_seed", "sql_ssms_results_text")
def sq_ssms(rng):
    cols = ["mrn", "last_name", "first_name", "dob"] + (["member_id"] if rng.random() < 0.5 else ["admit_date"])
    rows = []
    raw = []
    for i in range(rng.randrange(2, 5)):
        pt = Patient(rng)
        vals = pt_values(rng, pt, cols, sql=False)
        raw.append(vals)
    widths = [max(len(c), 22) for c in cols]
    out = ["SELECT TOP 5 " + ", ".join(cols) + " FROM dbo.Patient p JOIN dbo.Encounter e ON e.PatientID = p.PatientID;\n\n"]
    out += [" ".join(c.ljust(w) for c, w in zip(cols, widths)), "\n", " ".join("-" * w for w in widths), "\n"]
    for vals in raw:
        line = []
        for v, w in zip(vals, widths):
            txt = v[2]
            line += [v, " " * (w - len(txt) + 1)]
        line[-1] = ""
        out += [line, "\n"]
    out += [f"\n({len(raw)} rows affected)\n\nCompletion time: {dt.date(2026, 12, rng.randrange(1, 7)).isoformat()}T{clock(rng, False)}:{rng.randrange(10, 59)}.{rng.randrange(1000000, 9999999)}-05:00\n"]
    return out


@variant("sql_seed", "sql_gitlab_blob_one_real")
def sq_blob(rng):
    cols = ["patient_id", "mrn", "first_name", "last_name", "dob", "phone"]
    path = f"seed-data/V{rng.randrange(10, 60)}__seed_demo_patients.sql"
    out = [path, "\n", f"{rng.randrange(40, 120)} lines · {rng.randrange(2, 9)}.{rng.randrange(10)} KiB\n", "Open in Web IDE\nReplace\nDelete\n"]
    rows = [test_values(i + 1, cols) for i in range(rng.randrange(5, 10))]
    pt = Patient(rng)
    rows.insert(rng.randrange(2, len(rows)), pt_values(rng, pt, cols, 90000 + len(rows) + 1))
    body = [["-- demo patients: only the Zztest range may be used outside PROD"]] + insert_lines(rng, "demo.patient", cols, rows)
    if rng.random() < 0.5:
        out += [f"{i + 1}\n" for i in range(len(body))]
    for ln in body:
        out += [ln, "\n"]
    return out


# ---------------------------------------------------------------------------
# clinical_note
# ---------------------------------------------------------------------------

def hospital_course(rng, pt, att, dx=None):
    code, term = dx or cond(rng)
    code2, term2 = cond(rng)
    m1, m2 = med(rng), med(rng)
    he, his = pt.pron()
    return [[D(pt.title(), "title"), " ", P(pt.last, "person_name")] if rng.random() < 0.6 else [P(pt.full(), "person_name")],
            " is a ", age_piece(pt, "-year-old"), " ", "woman" if pt.sex == "F" else "man", " with a history of ", C(term2),
            " who presented with ", rng.choice(["shortness of breath", "fever and productive cough", "a mechanical fall", "chest pain", "confusion"]),
            " and was found to have ", C(term), " (", ICD(code), "). ", he.capitalize(), " was treated with ", M(m1[0]), " ", m1[1],
            " and ", M(m2[0]), " with steady improvement. ", his.capitalize(), " creatinine peaked at ", f"{rng.uniform(1.1, 2.9):.1f}",
            " and returned to baseline by day ", str(rng.randrange(2, 6)), ". Physical therapy recommended ",
            rng.choice(["home with services", "a short rehab stay", "discharge home without needs"]), ".\n"]


def note_header_pairs(rng, pt, att, with_dates=True):
    pairs = [("Patient", P(pt.full() if rng.random() < 0.5 else pt.last_first(), "person_name")), ("MRN", P(pt.mrn, "mrn")),
             ("DOB", P(rdate(rng, pt.dob), "date"))]
    if with_dates:
        pairs += [("Admission Date", P(rdate(rng, pt.admit), "date")), ("Discharge Date", P(rdate(rng, pt.disch), "date"))]
    pairs += [("Attending", [SN(att), ", MD"])]
    return pairs


@variant("clinical_note", "cn_pdf_discharge")
def cn_pdf(rng):
    pt = Patient(rng)
    att, printer = staff(rng), staff(rng)
    o = org(rng)
    ds = rng.choice(["us", "us_nopad"])
    body = [D(o[0], "facility"), "\nDISCHARGE SUMMARY\n"]
    body += hblock(note_header_pairs(rng, pt, att))
    body += ["\nHOSPITAL COURSE\n"] + hospital_course(rng, pt, att)
    body += ["\nDISCHARGE MEDICATIONS\n"]
    for m in rng.sample(MEDS, rng.randrange(3, 6)):
        body += ["- ", M(m[0]), " ", m[1], "\n"]
    body += ["\nFOLLOW-UP\n", "Primary care within 7 days. Call the clinic at ", SC(f"({rng.choice(AREA)}) {phone_parts(rng)[1]}-{rng.randrange(1000, 9999)}"),
             " with questions. Return to the emergency department for worsening symptoms, fever above 101.5, or new confusion.\n",
             "\nElectronically signed by ", SN(att), ", MD on ", D(fd(pt.disch, "us") + f" {clock(rng, False)}", "date"), "\n"]
    wrapped = wrap(body, rng.choice([68, 74, 80]), rng)
    pd_ = fd(TODAY - dt.timedelta(days=rng.randrange(0, 5)), "us")
    pclock = clock(rng)

    def header(page):
        return [P(pt.banner(), "person_name"), "   MRN: ", P(pt.mrn, "mrn"), "   DOB: ", P(fd(pt.dob, ds), "date"), "\n"]

    _, total = paginate(wrapped, 18, header, lambda p: "\n")

    def footer(page):
        return [f"Page {page} of {total}", "\n", "Printed by ", SN(printer), f" on {pd_} {pclock}\n"]

    paged, _ = paginate(wrapped, 18, header, footer)
    return header(1) + paged + ["\n"] + footer(total)


@variant("clinical_note", "cn_ehr_banner_progress")
def cn_progress(rng):
    pt = Patient(rng)
    att, pcp = staff(rng), staff(rng)
    code, term = cond(rng)
    m = med(rng)
    out = ehr_banner(rng, pt, pcp=pcp)
    out += ["Progress Notes\n", SN(att), ", MD (Physician)\t", rel_time(rng), "\n", "Hospital Medicine\n",
            "S: ", rng.choice(["Feels better, ate breakfast.", "Slept poorly, some dyspnea overnight.", "No acute events overnight."]), "\n",
            "O: T 98.", str(rng.randrange(0, 9)), "  HR ", str(rng.randrange(58, 110)), "  BP ", f"{rng.randrange(100, 160)}/{rng.randrange(60, 95)}",
            "  SpO2 ", str(rng.randrange(90, 99)), "% RA\n",
            "A/P: ", C(term), " – continue ", M(m[0]), " ", m[1], ". Recheck BMP in AM. Dispo: ",
            rng.choice(["home tomorrow if stable", "SNF placement pending", "continue inpatient"]), ".\n",
            "Cosigned by ", SN(staff(rng)), "\n"]
    return out


@variant("clinical_note", "cn_flowsheet_tsv")
def cn_flowsheet(rng):
    pt = Patient(rng)
    out = ehr_banner(rng, pt, layout="one_line")
    base = pt.admit
    times = [f"{fd(base, 'us_short')} {h:02d}00" for h in sorted(rng.sample([0, 4, 8, 12, 16, 20], rng.randrange(3, 6)))]
    out += ["Flowsheets\n", "Vitals\tLast Filed\n"]
    out += ["\t", join([P(t, "date") for t in times], "\t"), "\n"]
    rows = [("BP", lambda: f"{rng.randrange(95, 170)}/{rng.randrange(55, 100)}"), ("Pulse", lambda: str(rng.randrange(55, 120))),
            ("Temp", lambda: f"{rng.uniform(97.0, 101.8):.1f} °F"), ("Resp", lambda: str(rng.randrange(12, 26))),
            ("SpO2", lambda: f"{rng.randrange(88, 100)} %"), ("Pain Score", lambda: str(rng.randrange(0, 10)))]
    for name, f in rows:
        out += [name, "\t", "\t".join(f() for _ in times), "\n"]
    out += ["Intake/Output\n", "P.O.\t", "\t".join(str(rng.randrange(0, 600)) for _ in times), "\n",
            "Urine\t", "\t".join(str(rng.randrange(0, 700)) for _ in times), "\n"]
    return out


@variant("clinical_note", "cn_problem_list_vertical")
def cn_problems(rng):
    pt = Patient(rng)
    out = ehr_banner(rng, pt)
    out += ["Problem List\n", "Hospital Problems\tNoted\tPriority\tClass\n" if rng.random() < 0.4 else "Problem\nNoted\nPriority\n"]
    for code, term in rng.sample(CONDITIONS, rng.randrange(3, 6)):
        out += [C(term[0].upper() + term[1:]), "\n", "ICD-10-CM: ", ICD(code), "\n",
                P(fd(rand_date(rng, dt.date(2015, 1, 1), pt.admit), rng.choice(["us", "us_nopad"])), "date"), "\n",
                rng.choice(["High", "Medium", "Low", "–"]), "\n"]
    out += ["Resolved Problems\n", "No resolved problems to display.\n"]
    return out


@variant("clinical_note", "cn_discharge_plain")
def cn_discharge(rng):
    pt = Patient(rng)
    att = staff(rng)
    code, term = cond(rng)
    out = ["Discharge Summary\n"]
    out += hblock(note_header_pairs(rng, pt, att), sep=rng.choice([": ", ":  ", " - "]))
    out += ["Principal Diagnosis: ", C(term), " (", ICD(code), ")\n", "\nHospital Course:\n"] + hospital_course(rng, pt, att, (code, term))
    out += ["\nDischarge Medications:\n"]
    for i, m in enumerate(rng.sample(MEDS, rng.randrange(2, 5)), 1):
        out += [f"{i}. ", M(m[0]), " ", m[1], "\n"]
    out += ["\nDisposition: ", rng.choice(["Home", "Home with VNA", "SNF", "Acute rehab"]), "\n",
            "Follow-up: ", SN(staff(rng)), ", ", rng.choice(["PCP", "Cardiology", "Pulmonology"]), ", in 1–2 weeks.\n"]
    if rng.random() < 0.5:
        ec = Person(rng, culture=pt.c, last=pt.last, old=False)
        out += ["Emergency contact: ", P(ec.full(), "person_name"), " (", rng.choice(["daughter", "spouse"] if ec.sex == "F" else ["son", "spouse"]), ") ",
                P(rphone(rng), "phone"), "\n"]
    return out


@variant("clinical_note", "cn_ed_triage_vertical")
def cn_triage(rng):
    pt = Patient(rng)
    rn = staff(rng)
    arrival = pt.admit
    out = ["ED Triage Note\n"]
    pairs = [("Patient", P(pt.banner(), "person_name")), ("Arrival Date/Time", P(f"{fd(arrival, 'us')} {clock(rng, False)}", "date")),
             ("Age", age_piece(pt, " y")), ("Arrival Mode", rng.choice(["EMS", "Private vehicle", "Walk-in", "Police"])),
             ("Chief Complaint", rng.choice(["Chest pain", "Fall", "Abdominal pain", "Shortness of breath", "Dizziness"])),
             ("Acuity", f"ESI {rng.randrange(1, 5)}"), ("Triage RN", SN(rn)),
             ("Home Phone", P(rphone(rng, pt.phone), "phone"))]
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.4)
    out += ["Triage Assessment\n", "Alert, oriented x", str(rng.randrange(2, 5)), ". History of ", C(cond(rng)[1]),
            ". Takes ", M(med(rng)[0]), ".\n"]
    return out


@variant("clinical_note", "cn_telephone_encounter")
def cn_phone(rng):
    pt = Patient(rng)
    rn, md = staff(rng), staff(rng)
    d = recent(rng)
    out = ["Telephone Encounter\n", P(pt.last_first(), "person_name"), "  ", D(fd(d, "us"), "date"), "\n",
           "Call from: ", rng.choice(["Patient", "Daughter", "Pharmacy"]), "\n", "Call back #: ", P(rphone(rng, pt.cell), "phone"), "\n",
           "Reason for call: ", rng.choice(["Medication question", "Refill", "Lab results", "Side effects"]), "\n",
           "Message: Pt states ", rng.choice(["swelling in both ankles since starting ", "dizziness after the new dose of ", "rash on arms after "]),
           M(med(rng)[0]), ". ", rng.choice(["Advised to hold tonight's dose.", "Routed to provider."]), "\n",
           SN(rn), ", RN ", clock(rng), "\n", "Routing History\n", SN(md), "\t", rng.choice(["Seen", "Not seen"]), "\n"]
    return out


@variant("clinical_note", "cn_consult_letter_pdf")
def cn_letter(rng):
    pt = Patient(rng)
    cons, ref = staff(rng), staff(rng)
    o = org(rng)
    code, term = cond(rng)
    d = pt.disch
    letter = [D(o[0], "facility"), "\n", rng.choice(FAC_ADDR), "\n", "Tel ", SC(work_phone(rng, ext=False)), "  Fax ", SC(work_phone(rng, ext=False)), "\n\n",
              D(fd(d, "long"), "date"), "\n\n", "Dear Dr. ", D(ref.last, "person_name"), ",\n\n",
              "Re: ", P(pt.full(), "person_name"), ", DOB ", P(fd(pt.dob, rng.choice(["us", "long"])), "date"), ", MRN ", P(pt.mrn, "mrn"), "\n\n",
              "Thank you for referring ", P(pt.full(), "person_name"), ", whom I saw in consultation on ", P(fd(pt.admit, "long"), "date"),
              " for evaluation of ", C(term), ". ", pt.pron()[0].capitalize(), " reports symptoms for approximately ", str(rng.randrange(2, 12)),
              " months. Examination was notable for ", rng.choice(["bilateral lower extremity edema", "a systolic murmur", "decreased breath sounds at the bases"]),
              ". I recommend starting ", M(med(rng)[0]), " and repeating the echocardiogram in three months. ",
              "I will see ", pt.pron()[1], " again after the study.\n\n", "Sincerely,\n", SN(cons), ", MD\n"]
    wrapped = wrap(letter, rng.choice([70, 78]), rng)
    return wrapped + ["\n", f"Page 1 of 1", "\n"]


@variant("clinical_note", "cn_mar_cells")
def cn_mar(rng):
    pt = Patient(rng)
    out = ehr_banner(rng, pt, layout="two_line")
    out += ["MAR\n", "Medication\n", "Dose\n", "Route\n", "Admin Time\n", "Given By\n"]
    for m in rng.sample(MEDS, rng.randrange(2, 5)):
        giver = staff(rng)
        route = next((r for r in ("PO", "IV", "SC") if r in m[1].split()), "INH")
        out += [M(m[0]), "\n", m[1].split(" ")[0] + " " + m[1].split(" ")[1], "\n", route, "\n",
                P(f"{fd(pt.admit, 'us_short')} {rng.randrange(6, 22):02d}{rng.choice(['00', '15', '30', '45'])}", "date"), "\n",
                SN(giver), ", RN\n"]
    return out


# ---------------------------------------------------------------------------
# claims_csv
# ---------------------------------------------------------------------------

def money(rng, lo=60, hi=4000):
    return rng.randrange(lo * 100, hi * 100) / 100


def claim_row(rng, pt, cols, dstyle="us"):
    code, term = cond(rng)
    cpt = rng.choice(CPTS)
    billed = money(rng)
    allowed = round(billed * rng.uniform(0.3, 0.9), 2)
    paid = round(allowed * rng.choice([0, 0.8, 1.0, 0.9]), 2)
    dos = recent(rng)
    v = {"claim": P(claim_no(rng), "other_id"), "member": P(pt.member, "health_plan_id"), "mbi": P(pt.mbi, "medicare_mbi"),
         "patient": P(pt.last_first() if rng.random() < 0.6 else pt.full(), "person_name"),
         "dob": P(fd(pt.dob, dstyle), "date"), "dos": P(fd(dos, dstyle), "date"), "cpt": CPT(cpt[0]), "icd": ICD(code),
         "billed": f"{billed:,.2f}", "allowed": f"{allowed:,.2f}", "paid": f"{paid:,.2f}",
         "status": "Denied" if paid == 0 else rng.choice(["Paid", "Paid", "Partial"]),
         "payer": rng.choice(PAYERS), "acct": P(pt.acct, "account_number"),
         "carc": rng.choice(["CO-45", "CO-97", "PR-1", "PR-2", "CO-16", "CO-50", "CO-197"]) if paid == 0 or rng.random() < 0.5 else "",
         "npi": D(npi(rng), "other_id")}
    return [v[c] for c in cols], (billed, allowed, paid)


CLAIM_HDR = {"claim": "Claim #", "member": "Member ID", "mbi": "MBI", "patient": "Patient", "dob": "DOB", "dos": "DOS",
             "cpt": "CPT", "icd": "ICD-10", "billed": "Billed", "allowed": "Allowed", "paid": "Paid", "status": "Status",
             "payer": "Payer", "acct": "Account", "carc": "CARC", "npi": "Rendering NPI"}


@variant("claims_csv", "cl_sheet_tsv_totals")
def cl_totals(rng):
    cols = ["claim", "member", "patient", "dob", "dos", "cpt", "icd", "billed", "allowed", "paid", "status"]
    rows, tot = [], [0, 0, 0]
    for i in range(rng.randrange(4, 10)):
        r, m = claim_row(rng, Patient(rng), cols)
        rows.append(r)
        tot = [a + b for a, b in zip(tot, m)]
    total = ["Total", "", "", "", "", "", "", f"{tot[0]:,.2f}", f"{tot[1]:,.2f}", f"{tot[2]:,.2f}", ""]
    out = [rng.choice(["Pasting from the AR sheet (tab " + rng.choice(["Nov", "Oct", "Q4"]) + "):\n", "Copied from Google Sheets:\n", ""])]
    out += table([CLAIM_HDR[c] for c in cols], rows, "tsv", total=total)
    return out


@variant("claims_csv", "cl_csv_quoted_comment")
def cl_csv(rng):
    cols = ["claim", "acct", "patient", "dob", "dos", "cpt", "billed", "paid", "payer"]
    a = staff(rng)
    out = [SN(a), " added a comment - ", jira_when(rng), "\n", "Rows the clearinghouse rejected (export attached, first lines here):\n"]
    out += [",".join({"claim": "claim_no", "acct": "account_no"}.get(c, c) for c in cols), "\n"]
    ds = rng.choice(["iso", "us"])
    for i in range(rng.randrange(2, 6)):
        r, _ = claim_row(rng, Patient(rng), cols, dstyle=ds)
        cells = []
        for c, v in zip(cols, r):
            if c in ("patient", "payer", "billed", "paid"):
                cells.append(['"', v, '"'])
            else:
                cells.append(v)
        out += [join(cells, ","), "\n"]
    return out


@variant("claims_csv", "cl_denials_cells")
def cl_cells(rng):
    cols = ["claim", "patient", "member", "dos", "cpt", "carc", "billed", "status"]
    rows = []
    for i in range(rng.randrange(2, 5)):
        r, _ = claim_row(rng, Patient(rng), cols)
        r[-1] = "Denied"
        if not r[5]:
            r[5] = "CO-16"
        rows.append(r)
    out = ["Denials worklist – ", rng.choice(PAYERS), "\n", f"{len(rows)} items\n"]
    out += table([CLAIM_HDR[c] for c in cols], rows, rng.choice(["cells", "cells_blank"]))
    out += ["Assigned to\n", SN(staff(rng)), "\n"]
    return out


@variant("claims_csv", "cl_835_viewer_vertical")
def cl_835(rng):
    pt = Patient(rng)
    rend = staff(rng)
    cpt = rng.choice(CPTS)
    billed = money(rng)
    paid = round(billed * rng.uniform(0.2, 0.8), 2)
    dos = recent(rng)
    out = ["Remittance Advice Detail\n", f"Check/EFT #: {rng.randrange(10**8, 10**9)}\tPayer: {rng.choice(PAYERS)}\n"]
    pairs = [("Patient Name", P(pt.last_first().upper(), "person_name")), ("Patient Control #", P(pt.acct, "account_number")),
             ("Payer Claim Control #", P(claim_no(rng), "other_id")), ("Member ID", P(pt.member, "health_plan_id")),
             ("Service Date", P(fd(dos, rng.choice(["us", "hl7"])), "date")), ("Procedure", [CPT(cpt[0]), " ", cpt[1]]),
             ("Billed", f"${billed:,.2f}"), ("Paid", f"${paid:,.2f}"),
             ("Adjustment", f"{rng.choice(['CO-45', 'PR-2', 'PR-3'])} ${billed - paid:,.2f}"), ("Rendering Provider", SN(rend))]
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.4)
    return out


@variant("claims_csv", "cl_mbi_denials_tsv")
def cl_mbi(rng):
    cols = ["claim", "mbi", "patient", "dob", "dos", "cpt", "carc", "billed"]
    rows = []
    for i in range(rng.randrange(2, 6)):
        pt = Patient(rng, dob=rand_date(rng, dt.date(1928, 1, 1), dt.date(1959, 12, 31)))
        r, _ = claim_row(rng, pt, cols)
        r[6] = r[6] or "CO-16"
        rows.append(r)
    out = ["MAC rejects – invalid MBI / name mismatch\n", "Source: ", rng.choice(["Noridian portal", "NGS Connex", "Palmetto eServices"]), " export, pasted\n"]
    out += table([CLAIM_HDR[c] for c in cols], rows, "tsv")
    return out


@variant("claims_csv", "cl_pivot_one_detail")
def cl_pivot(rng):
    out = ["PivotTable – Paid by payer, ", rng.choice(["November", "October", "Q3"]), " 2026\n", "Payer\tClaims\tBilled\tPaid\t% Paid\n"]
    tc = tb = tp = 0
    for p in rng.sample(PAYERS, 5):
        c = rng.randrange(40, 900)
        b = money(rng, 20000, 900000)
        pd_ = b * rng.uniform(0.3, 0.8)
        tc += c; tb += b; tp += pd_
        out += [f"{p}\t{c}\t{b:,.2f}\t{pd_:,.2f}\t{pd_ / b:.0%}\n"]
    out += [f"Grand Total\t{tc}\t{tb:,.2f}\t{tp:,.2f}\t{tp / tb:.0%}\n"]
    out += ["\nDrill-down (double-clicked the outlier):\n"]
    cols = ["claim", "patient", "dob", "dos", "cpt", "billed", "paid"]
    r, _ = claim_row(rng, Patient(rng), cols)
    out += table([CLAIM_HDR[c] for c in cols], [r], "tsv")
    return out


@variant("claims_csv", "cl_powerbi_export")
def cl_pbi(rng):
    cols = ["acct", "patient", "dob", "dos", "icd", "cpt", "billed", "paid", "npi"]
    out = ["Export data – Summarized data\n", "Visual: Outstanding AR > 90 days\n"]
    out += [",".join(f'"{CLAIM_HDR[c]}"' for c in cols), "\n"]
    for i in range(rng.randrange(3, 7)):
        r, _ = claim_row(rng, Patient(rng), cols, dstyle="iso")
        out += [join([['"', v, '"'] for v in r], ","), "\n"]
    out += [f"\nData as of {fd(TODAY, 'us')} 6:00 AM. Applied filters: Facility is {rng.choice(ORGS)[1]}\n"]
    return out


@variant("claims_csv", "cl_271_vertical")
def cl_271(rng):
    pt = Patient(rng)
    out = ["Eligibility & Benefits Response\n", "Trace # ", D(str(rng.randrange(10**8, 10**9)), "internal_id"), "\n"]
    pairs = [("Subscriber", P(pt.banner(), "person_name")), ("Member ID", P(pt.member, "health_plan_id")),
             ("Date of Birth", P(fd(pt.dob, rng.choice(["us", "hl7", "iso"])), "date")), ("Gender", pt.sex),
             ("Address", [P(pt.addr.street.upper(), "street_address"), ", ", P(pt.addr.city.upper(), "street_address"), " ", D(pt.addr.st, "state"), " ", P(pt.addr.zip, "zip_code")]),
             ("Plan", rng.choice(PAYERS)), ("Group Number", D(f"{rng.randrange(100000, 999999)}", "other_id")),
             ("Coverage Begin", D("01/01/2026", "date")), ("Office Copay", f"${rng.choice([20, 25, 30, 40])}.00"),
             ("Deductible Remaining", f"${rng.randrange(0, 3000)}.00")]
    if pt.age >= 65:
        pairs.insert(2, ("MBI", P(pt.mbi, "medicare_mbi")))
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.5)
    return out


@variant("claims_csv", "cl_payment_posting_tsv")
def cl_payments(rng):
    out = ["Patient payments – batch ", str(rng.randrange(1000, 9999)), " (copied from the posting grid)\n"]
    hdr = ["Posted", "Account", "Guarantor", "Method", "Card", "Amount", "Posted by"]
    rows = []
    total = 0.0
    poster = staff(rng)
    n = rng.randrange(3, 7)
    leak = rng.randrange(n)
    for i in range(n):
        pt = Patient(rng, old=False)
        amt = money(rng, 10, 900)
        total += amt
        method = rng.choice(["Visa", "Mastercard", "Amex", "Discover"])
        if i == leak:
            cardpc = P(card(rng, rng.choice(["space", "bare"])), "credit_card")
        else:
            cardpc = f"XXXX-XXXX-XXXX-{rng.randrange(1000, 9999)}" if method != "Amex" else f"XXXX-XXXXXX-X{rng.randrange(1000, 9999)}"
        rows.append([D(fd(recent(rng), "us"), "date"), P(pt.acct, "account_number"), P(pt.last_first(), "person_name"), method, cardpc,
                     f"{amt:,.2f}", SN(poster)])
    out += table(hdr, rows, "tsv", total=["Total", "", "", "", "", f"{total:,.2f}", ""])
    out += ["Row ", str(leak + 1), " shows the full card number – the kiosk import skipped masking.\n"]
    return out


# ---------------------------------------------------------------------------
# patient_email
# ---------------------------------------------------------------------------
CLINIC_BOXES = ["frontdesk", "cardiology.scheduling", "billing.questions", "patientrelations", "refills", "himrequests"]


def clinic_box(rng, dom):
    return f"{rng.choice(CLINIC_BOXES)}@{dom}"


TOPIC_SUBJ = {"results": ["question about my results", "Lab results?"], "refill": ["refill please", "Prescription refill"],
              "bill": ["Bill", "Statement question", "billing error"], "appointment": ["appointment", "Need to reschedule"],
              "records": ["records request", "Copy of my records"]}
TOPIC_REPLY = {"results": "The nurse will call you about your results today.", "refill": "I've sent the refill to your pharmacy.",
               "bill": "I've corrected the statement and resubmitted the claim.", "appointment": "I've moved your appointment and updated your address.",
               "records": "Your records were sent to your new doctor this morning."}
PATIENT_FACING = ["Patient Access Supervisor", "Care Coordinator", "Billing Specialist", "Nurse Manager, 4 West", "HIM Specialist",
                  "Patient Services Representative", "Practice Manager"]


def topic_subj(rng):
    t = rng.choice(list(TOPIC_SUBJ))
    return t, rng.choice(TOPIC_SUBJ[t])


def patient_body(rng, pt, topic=None):
    topic = topic or rng.choice(list(TOPIC_SUBJ))
    out = [rng.choice(["Hello,\n\n", "Hi there,\n\n", "Good morning,\n\n", "Dear Dr. office,\n\n", ""])]
    if topic == "results":
        out += ["I had blood work on ", P(fd(pt.admit, rng.choice(["mon_short", "us_nopad", "long"])), "date"),
                " and still don't see the results in the portal. Can someone call me at ", P(rphone(rng, pt.cell), "phone"), "?"]
    elif topic == "refill":
        m = med(rng)
        out += ["I am almost out of my ", M(m[0]), " and the pharmacy says they need a new prescription. My date of birth is ",
                P(rdate(rng, pt.dob), "date"), "."]
    elif topic == "bill":
        out += ["I received a bill for account ", P(pt.acct, "account_number"), " but my insurance (member ID ",
                P(pt.member, "health_plan_id"), ") should have covered it."]
    elif topic == "appointment":
        out += ["I need to move my appointment on ", P(fd(recent(rng, dt.date(2026, 12, 8), dt.date(2027, 1, 20)), rng.choice(["long", "us_nopad"])), "date"),
                ". I also moved to ", P(pt.addr.street, "street_address"), [", ", P(pt.addr.unit, "street_address")] if pt.addr.unit else "",
                ", ", P(pt.addr.city, "street_address"), ", ", D(pt.addr.st, "state"), " ", P(pt.addr.zip, "zip_code"), "."]
    else:
        out += ["Please send a copy of my records to my new doctor. My MRN is ", P(pt.mrn, "mrn"), " and DOB ", P(rdate(rng, pt.dob), "date"), "."]
    out += ["\n\n", rng.choice(["Thank you,\n", "Thanks so much,\n", "Regards,\n", "Sent from my iPhone\n"]), P(pt.full(), "person_name"), "\n"]
    if rng.random() < 0.4:
        out += [P(rphone(rng, pt.phone), "phone"), "\n"]
    return out


@variant("patient_email", "pe_outlook_web_forward")
def pe_fwd(rng):
    pt = Patient(rng)
    s1, s2 = staff(rng), staff(rng)
    o = org(rng)
    box = clinic_box(rng, o[2])
    topic, subj = topic_subj(rng)
    d0 = recent(rng)
    out = outlook_head(rng, SN(s1), staff_email(s1, o[2]), [SN(s2), " <", SC(staff_email(s2, o[2])), ">"], "FW: " + subj,
                       when_d=min(d0 + dt.timedelta(days=rng.randrange(0, 3)), TODAY))
    out += ["\n", SN(s2), " – can you take this one? Patient wrote to the shared inbox.\n\n", SN(s1), "\n\n",
            "________________________________\n"]
    out += outlook_head(rng, pt.full(), pt.email, [SC(box)], subj, frm_phi=True, when_d=d0)
    out += ["\n"] + patient_body(rng, pt, topic)
    return out


@variant("patient_email", "pe_gmail_thread")
def pe_gmail(rng):
    pt = Patient(rng)
    st = staff(rng)
    o = org(rng)
    topic, subj = topic_subj(rng)
    out = [subj, "\n", "Inbox\n", "x\n"]
    out += gmail_head(rng, pt.full(), pt.email, to_me=True, frm_phi=True)
    out += patient_body(rng, pt, topic)
    out += ["\n", SN(st), " <", SC(staff_email(st, o[2])), ">\n", D(sent_gmail(rng, recent(rng, dt.date(2026, 12, 1), dt.date(2026, 12, 6))), "date"),
            "\n", "to ", P(pt.first, "person_name"), "\n", "Hi ", P(pt.first, "person_name"), ", ", TOPIC_REPLY[topic], "\n"]
    out += signature(rng, st, o[2], o[0], titles=PATIENT_FACING)
    out += ["\nReply\nForward\n"]
    return out


@variant("patient_email", "pe_outlook_reply_sig")
def pe_reply(rng):
    pt = Patient(rng)
    st = staff(rng)
    o = org(rng)
    topic, s0 = topic_subj(rng)
    subj = "RE: " + s0
    out = outlook_head(rng, SN(st), staff_email(st, o[2]), [P(pt.full(), "person_name"), " <", P(pt.email, "email"), ">"], subj)
    out += ["\n", "Hi ", rng.choice([[D(pt.title(), "title"), " ", P(pt.last, "person_name")], [P(pt.first, "person_name")]]), ",\n\n",
            TOPIC_REPLY[topic], " Please call me if you have any questions.\n\n"]
    out += signature(rng, st, o[2], o[0], fax=rng.random() < 0.4, titles=PATIENT_FACING)
    out += ["\n", "From: ", P(pt.full(), "person_name"), " <", P(pt.email, "email"), ">\n",
            "Sent: ", D(sent_long(rng), "date"), "\n",
            "To: ", SN(st), " <", SC(staff_email(st, o[2])), ">\n", "Subject: ", s0, "\n\n"]
    out += patient_body(rng, pt, topic)
    return out


@variant("patient_email", "pe_relative_forward")
def pe_relative(rng):
    pt = Patient(rng, dob=rand_date(rng, dt.date(1925, 1, 1), dt.date(1950, 12, 31)))
    rel = Patient(rng, culture=pt.c, last=pt.last if rng.random() < 0.7 else None, old=False)
    st = staff(rng)
    o = org(rng)
    parent = "mother" if pt.sex == "F" else "father"
    fwd_d = min(pt.disch + dt.timedelta(days=rng.randrange(1, 6)), TODAY)
    out = outlook_head(rng, SN(st), staff_email(st, o[2]), [SC(clinic_box(rng, o[2]))], f"FW: My {parent}",
                       when_d=min(fwd_d + dt.timedelta(days=rng.randrange(0, 2)), TODAY))
    out += ["\n", "Forwarding to the care team. Not sure we have a proxy on file.\n\n", "---------- Forwarded message ---------\n",
            "From: ", P(rel.full(), "person_name"), " <", P(rel.email, "email"), ">\n",
            "Date: ", D(sent_gmail(rng, fwd_d, year=True), "date"), "\n",
            "Subject: My ", parent, "\n", "To: <", SC(clinic_box(rng, o[2])), ">\n\n",
            "Hello, I'm writing about my ", parent, ", ", P(pt.full(), "person_name"), " (DOB ", P(rdate(rng, pt.dob), "date"), ", ",
            age_piece(pt, " years old"), "). ", "She" if pt.sex == "F" else "He", " was discharged on ",
            P(fd(pt.disch, rng.choice(["long", "us_nopad"])), "date"), " and has been ", rng.choice(["more confused", "not eating", "falling at night"]),
            " since. ", "Her" if pt.sex == "F" else "His", " MRN is ", P(pt.mrn, "mrn"), ". Please call me at ", P(rphone(rng, rel.cell), "phone"), ".\n\n",
            P(rel.first, "person_name"), "\n"]
    return out


@variant("patient_email", "pe_portal_message")
def pe_portal(rng):
    pt = Patient(rng)
    md = staff(rng)
    sent = recent(rng)
    out = ["Messages\n", rng.choice(["Patient Medical Advice Request", "Non-urgent medical question"]), "\n"]
    pairs = [("From", P(pt.full(), "person_name")), ("To", ["Dr. ", SN(md), "'s Care Team"]),
             ("Sent", D(f"{fd(sent, 'us_nopad')} {clock(rng)}", "date")), ("Subject", rng.choice(["Rash", "Blood pressure readings", "Medication question"]))]
    out += vblock(pairs, colon=rng.random() < 0.3, blank=rng.random() < 0.5)
    bp = [f"{rng.randrange(120, 170)}/{rng.randrange(70, 100)}" for _ in range(3)]
    out += [rng.choice(["My blood pressure readings this week: ", "Readings: "]), ", ".join(bp), ". I take ", M(rng.choice(["lisinopril", "amlodipine", "metoprolol succinate", "losartan"])),
            " every morning. Should I change anything?\n", P(pt.first, "person_name"), "\n", "Patient DOB: ", P(fd(pt.dob, "us"), "date"), "\n",
            "Reply\nFlag\n"]
    return out


ES_BODIES = [
    ["Buenas tardes, soy ", "«name»", ", fecha de nacimiento ", "«dob»", ". Necesito una cita con el cardiólogo. Mi teléfono es ", "«phone»", ". Gracias."],
    ["Hola, les escribo porque no puedo entrar al portal. Mi nombre es ", "«name»", " y nací el ", "«dob»", ". Pueden llamarme al ", "«phone»", "."],
]


@variant("patient_email", "pe_spanish_gmail")
def pe_spanish(rng):
    c = rng.choice([x for x in CULTURES if x["id"] in ("mexican", "puerto_rican")])
    pt = Patient(rng, culture=c)
    o = org(rng)
    out = [rng.choice(["Cita", "Ayuda con el portal", "Pregunta"]), "\n", "Inbox\n"]
    out += gmail_head(rng, pt.full(), pt.email, frm_phi=True)
    body = rng.choice(ES_BODIES)
    repl = {"«name»": P(pt.full(), "person_name"),
            "«dob»": P(rng.choice([fd(pt.dob, "dmy_space"), f"{pt.dob.day}/{pt.dob.month}/{pt.dob.year}",
                                   f"{pt.dob.day} de {['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][pt.dob.month - 1]} de {pt.dob.year}"]), "date"),
            "«phone»": P(rphone(rng, pt.cell), "phone")}
    out += [repl.get(x, x) for x in body] + ["\n", P(pt.first, "person_name"), "\n\n"]
    st = staff(rng)
    out += [SN(st), " <", SC(clinic_box(rng, o[2])), ">\n", "to ", P(pt.first, "person_name"), "\n",
            "Hola ", P(pt.first, "person_name"), ", le llamaremos hoy. / We will call you today.\n"]
    return out


@variant("patient_email", "pe_teams_paste")
def pe_teams(rng):
    pt = Patient(rng)
    a, b = staff(rng), staff(rng)
    o = org(rng)
    out = teams_msg(rng, a, "forwarding from the clinic inbox, who picks these up?", "bracket")
    out += ["From: ", P(pt.full(), "person_name"), " <", P(pt.email, "email"), ">\n", "Sent: ",
            D(sent_long(rng), "date"), "\n",
            "To: ", SC(clinic_box(rng, o[2])), "\n", "Subject: "]
    topic, s0 = topic_subj(rng)
    out += [s0, "\n\n"] + patient_body(rng, pt, topic)
    out += teams_msg(rng, b, "that's us, I'll reach out to her" if pt.sex == "F" else "that's us, I'll reach out to him", "bracket")
    out += [rng.choice(REACTS), "\n"]
    return out


@variant("patient_email", "pe_outlook_print_pdf")
def pe_print(rng):
    pt = Patient(rng)
    st = staff(rng)
    o = org(rng)
    body = [SN(st), "\n", "From:\t", P(pt.full(), "person_name"), " <", P(pt.email, "email"), ">\n",
            "Sent:\t", D(sent_long(rng), "date"), "\n",
            "To:\t", SC(clinic_box(rng, o[2])), "\n", "Subject:\t", rng.choice(["Follow up after surgery", "Questions about my discharge instructions"]), "\n\n"]
    he, his = pt.pron()
    txt = ["I was discharged on ", P(fd(pt.disch, "long"), "date"), " after my ", rng.choice(["knee replacement", "gallbladder surgery", "hernia repair"]),
           " and I am having more pain than expected around the incision, especially at night. The instructions said to call if the "
           "redness spreads, and it has spread a little since yesterday. I am taking ", M(med(rng)[0]), " as prescribed. "
           "My number is ", P(rphone(rng, pt.cell), "phone"), " and my date of birth is ", P(rdate(rng, pt.dob), "date"), ".\n\n",
           P(pt.full(), "person_name"), "\n"]
    out = wrap(body + txt, rng.choice([72, 80]), rng)
    out += ["\n", "1\n"]
    return out


NATIVE_BODIES = {
    "chinese": ["您好，\n姓名：", "«name»", "\n出生日期：", "«dob_iso»", "\n我想查询上周的化验结果，请回电 ", "«phone»", "。谢谢！\n"],
    "japanese": ["お世話になっております。\n氏名：", "«name»", "\n生年月日：", "«dob_iso»", "\n予約の変更をお願いしたいです。電話番号：", "«phone»", "\n"],
    "korean": ["안녕하세요.\n이름: ", "«name»", "\n생년월일: ", "«dob_ko»", "\n검사 결과를 알고 싶습니다. 연락처: ", "«phone»", "\n"],
    "russian": ["Здравствуйте! Меня зовут ", "«name»", ", дата рождения ", "«dob_dot»", ". Прошу перенести приём. Мой телефон ", "«phone»", ".\n"],
    "arabic": ["مرحباً، اسمي ", "«name»", "، تاريخ الميلاد ", "«dob_slash»", ". أرجو الاتصال بي على ", "«phone»", " بخصوص نتائج التحاليل.\n"],
    "greek": ["Καλησπέρα σας, ονομάζομαι ", "«name»", ", ημερομηνία γέννησης ", "«dob_slash»", ". Θα ήθελα να αλλάξω το ραντεβού μου. Τηλέφωνο: ", "«phone»", "\n"],
    "hindi": ["नमस्ते, मेरा नाम ", "«name»", " है। जन्म तिथि ", "«dob_slash»", " है। कृपया मुझे ", "«phone»", " पर कॉल करें।\n"],
    "hebrew": ["שלום, שמי ", "«name»", ", תאריך לידה ", "«dob_dot»", ". אבקש לקבוע תור. טלפון: ", "«phone»", "\n"],
    "thai": ["สวัสดีค่ะ ดิฉันชื่อ ", "«name»", " วันเกิด ", "«dob_slash»", " ขอเลื่อนนัดค่ะ โทร ", "«phone»", "\n"],
    "armenian": ["Բարև Ձեզ, իմ անունը ", "«name»", " է, ծննդյան ամսաթիվը ", "«dob_dot»", ": Խնդրում եմ զանգահարել ", "«phone»", "\n"],
}


@variant("patient_email", "pe_native_script")
def pe_native(rng):
    c = rng.choice([x for x in CULTURES if x["id"] in NATIVE_BODIES])
    pt = Patient(rng, culture=c)
    nat = pt.native()
    st = staff(rng)
    o = org(rng)
    dob = pt.dob
    repl = {"«name»": P(nat, "person_name"), "«dob_iso»": P(fd(dob, "iso"), "date"),
            "«dob_ko»": P(f"{dob.year}년 {dob.month}월 {dob.day}일", "date"),
            "«dob_dot»": P(f"{dob.day:02d}.{dob.month:02d}.{dob.year}", "date"),
            "«dob_slash»": P(f"{dob.day:02d}/{dob.month:02d}/{dob.year}", "date"),
            "«phone»": P(rphone(rng, pt.cell, ["dash", "paren", "plus"]), "phone")}
    out = outlook_head(rng, SN(st), staff_email(st, o[2]), [SC("interpreter.services@" + o[2])], "FW: message in " + c["id"].capitalize() + " – please translate")
    out += ["\n", "Can someone translate? Came in through the contact form.\n\n", "-----Original Message-----\n",
            "From: ", P(nat if rng.random() < 0.5 else pt.full(), "person_name"), " <", P(pt.email, "email"), ">\n", "Subject: ", "(no subject)", "\n\n"]
    out += [repl.get(x, x) for x in NATIVE_BODIES[c["id"]]]
    return out


# ---------------------------------------------------------------------------
# clean: java_stacktrace
# ---------------------------------------------------------------------------
EXC = [("java.lang.NullPointerException", 'Cannot invoke "String.length()" because "value" is null'),
       ("ca.uhn.hl7v2.HL7Exception", "Can't parse message beginning MSH|^~\\&|EPIC"),
       ("ca.uhn.hl7v2.model.DataTypeException", "Invalid date/time format: '2026120'"),
       ("java.lang.IllegalStateException", "Channel ADT_IN is not started"),
       ("org.springframework.dao.DataIntegrityViolationException", "could not execute statement; constraint [uk_encounter_visit]"),
       ("java.net.SocketTimeoutException", "Read timed out"),
       ("com.fasterxml.jackson.databind.exc.MismatchedInputException", "Cannot deserialize value of type `java.time.LocalDate` from String \"00/00/0000\""),
       ("java.util.ConcurrentModificationException", None),
       ("javax.net.ssl.SSLHandshakeException", "PKIX path building failed"),
       ("ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException", "HAPI-0450: Failed to parse request body as JSON resource")]
FRAMES = ["org.mercyvalley.integration.adt.PidMapper.mapName(PidMapper.java:{n})",
          "org.mercyvalley.integration.adt.AdtRouter.route(AdtRouter.java:{n})",
          "org.mercyvalley.integration.retry.ChaseRetryPolicy.next(ChaseRetryPolicy.java:{n})",
          "org.mercyvalley.mpi.HunterReconciler.reconcile(HunterReconciler.java:{n})",
          "org.mercyvalley.portal.cache.FrostCacheWarmer.warm(FrostCacheWarmer.java:{n})",
          "ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:{n})",
          "ca.uhn.hl7v2.parser.Parser.parse(Parser.java:{n})",
          "ca.uhn.hl7v2.llp.MinLowerLayerProtocol.getReader(MinLowerLayerProtocol.java:{n})",
          "org.springframework.jdbc.core.JdbcTemplate.update(JdbcTemplate.java:{n})",
          "org.springframework.transaction.support.TransactionTemplate.execute(TransactionTemplate.java:{n})",
          "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:{n})",
          "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:{n})",
          "java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:{n})",
          "java.base/java.lang.Thread.run(Thread.java:{n})",
          "org.apache.camel.processor.Pipeline.process(Pipeline.java:{n})",
          "com.mirth.connect.donkey.server.channel.Channel.dispatchRawMessage(Channel.java:{n})"]


def stacktrace(rng, thread=True):
    e, msg = rng.choice(EXC)
    out = []
    if thread:
        out.append(f'Exception in thread "{rng.choice(["main", "pool-2-thread-4", "mllp-reader-3", "http-nio-8080-exec-7"])}" ')
    out.append(e + (f": {msg}" if msg else "") + "\n")
    rank = lambda f: 2 if f.startswith("java.base") else (0 if f.startswith("org.mercyvalley") else 1)
    frames = sorted(rng.sample(FRAMES, rng.randrange(5, 10)), key=rank)
    for f in frames:
        out.append("\tat " + f.format(n=rng.randrange(20, 900)) + "\n")
    if rng.random() < 0.6:
        e2, m2 = rng.choice(EXC)
        out.append(f"Caused by: {e2}" + (f": {m2}" if m2 else "") + "\n")
        for f in rng.sample(FRAMES, 3):
            out.append("\tat " + f.format(n=rng.randrange(20, 900)) + "\n")
        out.append(f"\t... {rng.randrange(8, 60)} more\n")
    return out


@variant("java_stacktrace", "js_jira_cloud_view")
def js_cloud(rng):
    a, r, c1 = staff(rng), staff(rng), staff(rng)
    out = jira_cloud_top(rng, tkey(rng, "PLAT"), rng.choice(["NPE in PidMapper after 4.12 deploy", "HikariPool exhausted on node 3",
                                                            "Deserialization failure on Encounter import"]), project(rng))
    out += ["Description\n", "Started after build ", f"#{rng.randrange(1000, 9999)}", f" ({ver(rng)}). Host {ip(rng)}. Trace:\n"]
    out += stacktrace(rng)
    out += ["Activity\n"]
    out += jira_cloud_comment(rng, c1, ["@", SN(a), " can you look? Same trace on ", ip(rng), " since ", clock(rng), "."])
    out += jira_cloud_comment(rng, a, "Rolled back to the previous build, monitoring.")
    out += jira_cloud_sidebar(rng, a, r, rng.choice(["java, prod-issue", "backend", "npe, regression"]))
    return out


@variant("java_stacktrace", "js_hl7_ack_trace")
def js_ack(rng):
    a, r = staff(rng), staff(rng)
    out = [tkey(rng, "INT"), "\n", "AE ACKs from lab system after cert rotation\n"]
    out += jira_dc_details(rng, a, r, "hl7, ack, tls", ver(rng))
    out += ["Description\n", "Only ACKs are in the trace (no patient messages were captured). Engine log:\n"]
    d = recent(rng)
    clk = LogClock(rng, d)
    for i in range(rng.randrange(3, 6)):
        ctrl = f"MSG{rng.randrange(10**7, 10**8)}"
        out += [logline(rng, d, "INFO", "Sending message control id " + ctrl + " to {ip}:{port}", clk=clk) + "\n",
                f"{clk()} INFO  [mllp-reader-1] ACK received:\n"]
        out += hl7_render(ack_msg(rng, ctrl, rng.choice(["AA", "AE", "AR"]), rng.choice([None, "207^Application internal error^HL70357"]), d=d))
    out += stacktrace(rng, thread=False)
    return out


@variant("java_stacktrace", "js_teams_chat")
def js_teams(rng):
    a, b, c = staff(rng), staff(rng), staff(rng)
    out = [rng.choice(["Integration Eng – Prod Support", "Chat with " + b.full()]), "\n"]
    sty = rng.choice(["stacked", "bracket", "comma"])
    out += teams_msg(rng, a, "getting this on the UAT box after the merge, anyone seen it?", sty)
    out += stacktrace(rng)
    out += teams_msg(rng, b, ["that's the HikariPool thing, ", "@", SN(c), " bumped maxPoolSize to 40 on prod"], sty)
    out += [rng.choice(REACTS), "\n"]
    out += teams_msg(rng, c, style=sty, body=["yep, PR is ", tkey(rng, "PLAT"), ", deploy window tonight 21:00, bridge ", f"+1 {rng.choice(AREA)} {phone_parts(rng)[1]} {rng.randrange(1000, 9999)}", ",,", str(rng.randrange(10**8, 10**9)), "#"])
    return out


@variant("java_stacktrace", "js_spring_boot_log")
def js_spring(rng):
    d = recent(rng)
    out = [f"{logts(rng, d)}  INFO 1 --- [           main] o.m.i.AdtApplication : Starting AdtApplication v{ver(rng)} using Java 17.0.{rng.randrange(1, 12)} with PID 1\n",
           f"{logts(rng, d)}  INFO 1 --- [           main] o.m.i.AdtApplication : The following 1 profile is active: \"prod\"\n",
           f"{logts(rng, d)}  INFO 1 --- [           main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting...\n",
           f"{logts(rng, d)}  WARN 1 --- [           main] o.h.e.j.e.i.JdbcEnvironmentInitiator : HHH000342: Could not obtain connection to query metadata\n",
           f"{logts(rng, d)} ERROR 1 --- [           main] o.s.boot.SpringApplication : Application run failed\n\n"]
    out += stacktrace(rng, thread=False)
    out += [f"\njdbc:postgresql://{ip(rng)}:5432/adt?ssl=true  requestId={uuid(rng)}  pod=adt-{hexs(rng, 5)}-{hexs(rng, 5)}\n"]
    return out


@variant("java_stacktrace", "js_test_patient_quote")
def js_testpt(rng):
    a = staff(rng)
    out = ["[ERROR] Tests run: ", str(rng.randrange(40, 300)), ", Failures: 1, Errors: 0, Skipped: 2, Time elapsed: ", f"{rng.uniform(1, 30):.3f}", " s <<< FAILURE! - in org.mercyvalley.integration.adt.PidMapperTest\n",
           "[ERROR] mapsTestPatient(org.mercyvalley.integration.adt.PidMapperTest)  Time elapsed: 0.", str(rng.randrange(10, 99)), " s  <<< FAILURE!\n",
           "org.opentest4j.AssertionFailedError: expected: <", D("ZZTEST", "person_name"), ", ", D("PATIENT", "person_name"),
           "> but was: <", D("ZZTEST^PATIENT", "person_name"), ">\n",
           "\tat org.mercyvalley.integration.adt.PidMapperTest.mapsTestPatient(PidMapperTest.java:", str(rng.randrange(30, 200)), ")\n",
           "input: PID|1||T0000001^^^TEST^MR||", D("ZZTEST^PATIENT", "person_name"), "||19000101|U|||1 MAIN ST^^ANYTOWN^MA^00000||555-0100|||||||123-45-6789\n",
           "[INFO] \n[INFO] Results:\n[INFO] \n[ERROR] Failures: \n[ERROR]   PidMapperTest.mapsTestPatient:", str(rng.randrange(30, 200)), " expected: <", D("ZZTEST", "person_name"), ", ", D("PATIENT", "person_name"), ">\n",
           "\nLast commit by ", SN(a), ": \"format names as LAST, FIRST\" (", hexs(rng, 7), ")\n"]
    return out


@variant("java_stacktrace", "js_github_issue")
def js_gh(rng):
    a, b = staff(rng), staff(rng)
    ha = re.sub(r"[^a-z]", "", ascii_fold(a.first + a.last[0]).lower())
    hb = re.sub(r"[^a-z]", "", ascii_fold(b.first[0] + b.last).lower())
    out = [rng.choice(["PipeParser throws on escaped repetition in OBX-5", "NPE when MSH-12 missing", "Memory leak in MLLP reader"]),
           f" #{rng.randrange(100, 2000)}\n", "Open\n", D(ha, "person_name"), f" opened this issue {rel_time(rng)} · {rng.randrange(1, 9)} comments\n",
           D(ha, "person_name"), "\ncommented ", rel_time(rng), "\n", "Environment\n", f"Library version: {ver(rng)}\nJDK: Temurin 17.0.{rng.randrange(1, 12)}\nOS: Ubuntu 22.04\n",
           "Stack trace\n"]
    out += stacktrace(rng)
    out += [D(hb, "person_name"), "\ncommented ", rel_time(rng), "\n", "Thanks, reproduced with the sample in the test folder. Fix in ",
            f"#{rng.randrange(100, 2000)}", ".\n", "Assignees\n", D(hb, "person_name"), "\n", "Labels\n", "bug  parser\n", "Milestone\n", f"v{ver(rng)}\n"]
    return out


@variant("java_stacktrace", "js_jenkins_console")
def js_jenkins(rng):
    a = staff(rng)
    n = rng.randrange(100, 3000)
    out = [f"Started by user ", SN(a), "\n", f"Running as SYSTEM\nBuilding on agent build-{rng.randrange(1, 9)} in workspace /var/jenkins/workspace/adt-service_main\n",
           f"[Pipeline] sh\n+ ./mvnw -B verify -Drevision={ver(rng)}-b{n}\n"]
    out += [f"[INFO] Building adt-service {ver(rng)}-SNAPSHOT\n"]
    out += stacktrace(rng, thread=False)
    out += [f"[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.{rng.randrange(1, 5)}:test (default-test) on project adt-service\n",
            f"Finished: FAILURE\n", f"Build #{n} ({fd(recent(rng), 'mon_short')} {clock(rng)})\n", "Changes\n", f"{hexs(rng, 7)} fix mapper (", SN(staff(rng)), ")\n"]
    return out


@variant("java_stacktrace", "js_dc_printable")
def js_printable(rng):
    a, r, gen = staff(rng), staff(rng), staff(rng)
    key = tkey(rng, "PLAT")
    out = [f"[{key}] ", rng.choice(["FHIR import fails on large bundles", "Scheduler thread dies silently", "TLS errors to lab vendor"]),
           " Created: ", jira_when(rng), "  Updated: ", jira_when(rng), "\n",
           "Status:\t", rng.choice(STATUSES), "\n", "Project:\t", project(rng), "\n", "Component/s:\t", "fhir-import", "\n",
           "Affects Version/s:\t", ver(rng), "\n", "Type:\tBug\tPriority:\t", rng.choice(PRIORITIES), "\n",
           "Reporter:\t", SN(r), "\tAssignee:\t", SN(a), "\n", "Resolution:\tUnresolved\tVotes:\t0\n", "Labels:\t", "fhir, import", "\n",
           "Description\n"]
    out += stacktrace(rng)
    out += [" Comments \n", "Comment by ", SN(a), " [ ", jira_when(rng), " ]\n", "Raised the max payload size to 20 MB in TEST.\n",
            "Generated at ", f"{WEEKDAYS[TODAY.weekday()][:3]} Dec 0{TODAY.day} {clock(rng, False)}:00 UTC 2026", " by ", SN(gen), " using Jira ", ver(rng), "#", str(rng.randrange(800000, 999999)), "-sha1:", hexs(rng, 7), ".\n"]
    return out


@variant("java_stacktrace", "js_sn_incident_form")
def js_snow(rng):
    caller, assignee = staff(rng), staff(rng)
    o = org(rng)
    inc = f"INC{rng.randrange(10**6, 10**7):07d}"
    pairs = [("Number", inc), ("Caller", SN(caller)), ("Caller phone", SC(work_phone(rng, ext=True))),
             ("Location", rng.choice(FAC_ADDR)), ("Category", "Software"), ("Configuration item", rng.choice(["adt-service", "fhir-gateway", "mirth-prod-02"])),
             ("Assignment group", "Integration Engineering"), ("Assigned to", SN(assignee)),
             ("Short description", rng.choice(["Interface down – stack trace attached", "Java error on results router"]))]
    out = [f"Incident\n{inc}\n"]
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.3)
    out += ["Description\n"]
    out += stacktrace(rng)
    out += ["Work notes\n", SN(assignee), " • ", logts(rng, ms=False), "\n", f"Restarted the service on {ip(rng)}; recovered.\n"]
    return out


# ---------------------------------------------------------------------------
# clean: meeting_notes
# ---------------------------------------------------------------------------

def dialin(rng):
    a = rng.choice(AREA)
    return f"+1 {a}-{phone_parts(rng)[1]}-{rng.randrange(1000, 9999)}"


def meeting_date(rng):
    d = recent(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 18))
    return d


@variant("meeting_notes", "mn_outlook_invite")
def mn_invite(rng):
    people = [staff(rng) for _ in range(rng.randrange(3, 8))]
    org_ = org(rng)
    d = meeting_date(rng)
    h = rng.randrange(8, 16)
    out = [rng.choice(["Interface go-live readiness", "Portal release triage", "HL7 upgrade weekly sync", "Denials workgroup"]), "\n",
           "Required: "] + join([SN(p) for p in people[:-1]], "; ") + ["\n", "Optional: ", SN(people[-1]), "\n",
           f"When: {WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year} {(h - 1) % 12 + 1}:00 {'AM' if h < 12 else 'PM'}-{h % 12 + 1}:00 {'AM' if h + 1 < 12 else 'PM'} (UTC-05:00) Eastern Time (US & Canada)\n",
           "Where: Microsoft Teams Meeting\n\n", "_" * 40, "\n", "Microsoft Teams meeting\n", "Join on your computer, mobile app or room device\n",
           "Click here to join the meeting\n", f"Meeting ID: {rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}\n",
           f"Passcode: {''.join(rng.choice('abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6))}\n",
           "Download Teams | Join on the web\n", "Or call in (audio only)\n",
           f"{dialin(rng)},,{rng.randrange(10**8, 10**9)}#   United States, {rng.choice(['Boston', 'Chicago', 'Denver', 'Los Angeles'])}\n",
           f"Phone Conference ID: {rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}#\n",
           "Find a local number | Reset PIN\n", "Learn More | Meeting options\n", "_" * 40, "\n"]
    return out


@variant("meeting_notes", "mn_conf_meeting_notes")
def mn_conf(rng):
    people = [staff(rng) for _ in range(rng.randrange(3, 7))]
    d = meeting_date(rng)
    out = conf_meta(rng, "Integration Team", f"{d.isoformat()} Interface weekly")
    pairs = [("Date", fd(d, "mon_short")), ("Participants", join([["@", SN(p)] for p in people], "\n")),
             ("Goals", "Review go-live blockers; agree cutover window")]
    out += vblock(pairs, colon=False, blank=rng.random() < 0.5)
    out += ["Discussion items\n"]
    rows = []
    for t, item in zip(["5 min", "15 min", "10 min", "10 min"], ["ACK latency", "Cutover plan", "Test patient refresh", "Open defects"]):
        rows.append([t, item, SN(rng.choice(people)), rng.choice(["Latency back under 300 ms after the MLLP pool change.",
                                                              "Cutover Sat 02:00–04:00; rollback owner confirmed.",
                                                              "TST refresh uses ZZTEST patients only.", "12 open, 3 high."])])
    out += table(["Time", "Item", "Who", "Notes"], rows, rng.choice(["tsv", "cells"]))
    out += ["Action items\n"]
    for i in range(rng.randrange(2, 4)):
        due = d + dt.timedelta(days=rng.randrange(2, 14))
        out += ["@", SN(rng.choice(people)), " ", rng.choice(["send the cutover checklist", "confirm vendor bridge", "close PLAT defects", "update the runbook"]),
                " ", fd(due, "mon_short"), "\n"]
    return out


@variant("meeting_notes", "mn_teams_transcript")
def mn_transcript(rng):
    people = [staff(rng) for _ in range(3)]
    lines_ = ["Okay, let's start, we have a hard stop at the hour.", "The ACK backlog cleared around six this morning.",
              "Do we know how many messages went to the dead letter queue?", "About four hundred, all A08s, we'll replay them after the fix.",
              "Can we get the vendor on the bridge tomorrow?", "I'll send the invite after this call.",
              "Any patient impact?", "No, the portal just showed stale data for a couple of hours."]
    out = [f"Transcript\n{fd(meeting_date(rng), 'long')}, {clock(rng)}\n"]
    sec = 0
    for ln in lines_[: rng.randrange(5, len(lines_) + 1)]:
        p = rng.choice(people)
        sec += rng.randrange(5, 60)
        out += [SN(p), f"   {sec // 60}:{sec % 60:02d}\n", ln, "\n"]
    out += [SN(people[0]), " stopped transcription\n"]
    return out


@variant("meeting_notes", "mn_zoom_gmail_invite")
def mn_zoom(rng):
    host = staff(rng)
    guests = [staff(rng) for _ in range(rng.randrange(3, 7))]
    o = org(rng)
    d = meeting_date(rng)
    mid = f"{rng.randrange(800, 999)} {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}"
    out = [f"Invitation: {rng.choice(['Claims vendor check-in', 'CDS governance', 'Epic upgrade cutover'])} @ {WEEKDAYS[d.weekday()][:3]} {MON[d.month - 1]} {d.day}, {d.year} {rng.randrange(9, 12)}am - 12pm (EST) (",
           SC(staff_email(host, o[2])), ")\n", "Inbox\n", SN(host), " <", SC(staff_email(host, o[2])), ">\n",
           "Join Zoom Meeting\n", f"https://{o[2].split('.')[0]}.zoom.us/j/{mid.replace(' ', '')}?pwd={hexs(rng, 24)}\n",
           f"Meeting ID: {mid}\n", f"Passcode: {rng.randrange(100000, 999999)}\n", "One tap mobile\n",
           f"+1{rng.choice(AREA)}{rng.randrange(2000000, 9999999)},,{mid.replace(' ', '')}# US\n",
           "Dial by your location\n", f"        {dialin(rng)} US\n", f"        {dialin(rng)} US\n",
           "Guests\n"]
    for g in guests:
        out += [SN(g), "\n", SC(staff_email(g, o[2])), "\n"]
    out += ["View all guest info\n", "Reply for ", SC(staff_email(guests[0], o[2])), "\n", "Yes\nNo\nMaybe\nmore options\n"]
    return out


@variant("meeting_notes", "mn_attendee_cells")
def mn_attendees(rng):
    people = [staff(rng) for _ in range(rng.randrange(4, 8))]
    out = [rng.choice(["Attendance – ", "Sign-in sheet – "]), rng.choice(["Sepsis bundle workgroup", "Interface change board", "Revenue cycle huddle"]), "\n",
           fd(meeting_date(rng), "us"), "\n"]
    rows = [[SN(p), rng.choice(JOB_TITLES), rng.choice(["IT", "Nursing", "Pharmacy", "HIM", "Revenue Cycle", "Quality"]), rng.choice(["Yes", "Yes", "No", "Delegate"])] for p in people]
    out += table(["Name", "Role", "Department", "Attended"], rows, rng.choice(["cells", "cells_blank"]))
    return out


@variant("meeting_notes", "mn_pdf_minutes")
def mn_pdf(rng):
    people = [staff(rng) for _ in range(rng.randrange(5, 9))]
    chair, sec = people[0], people[1]
    o = org(rng)
    d = meeting_date(rng)
    body = [D(o[0], "facility"), "\nPharmacy and Therapeutics Committee – Minutes\n", fd(d, "long"), "\n",
            "Present: "] + join([SN(p) for p in people], ", ") + ["\n", "Chair: ", SN(chair), "   Recorder: ", SN(sec), "\n\n",
            "1. Formulary review. The committee reviewed utilization of ", M("apixaban"), " and ", M("rivaroxaban"),
            " across inpatient units. Utilization increased eleven percent over the prior quarter, driven by the new anticoagulation "
            "pathway. No formulary change was recommended.\n",
            "2. Renal dosing alerts. Override rates for the ", M("enoxaparin"), " renal dosing alert remain high (72 percent). Pharmacy "
            "informatics will revise the alert to fire only when creatinine clearance is below 30 mL/min.\n",
            "3. Geriatric prescribing. The committee endorsed the updated Beers list guidance for patients aged 65 and older and "
            "an additional review step for patients aged 90 and older receiving ", M("benzodiazepines"), ".\n",
            "Next meeting: ", fd(d + dt.timedelta(days=28), "long"), ".\n"]
    wrapped = wrap(body, rng.choice([70, 76]), rng)
    total_probe = paginate(wrapped, 12, lambda p: "", lambda p: "")[1]
    paged, _ = paginate(wrapped, 12, lambda p: ["P&T Minutes ", fd(d, "us"), "\n"],
                        lambda p: [f"\nPage {p} of {total_probe}\n", "CONFIDENTIAL – Peer review privileged\n"])
    return paged + [f"\nPage {total_probe} of {total_probe}\n"]


@variant("meeting_notes", "mn_slack_standup")
def mn_slack(rng):
    people = [staff(rng) for _ in range(rng.randrange(3, 6))]
    out = [f"#{rng.choice(['int-standup', 'portal-team', 'rcm-dev'])}\n", "Standup ", fd(meeting_date(rng), "mon_short"), "\n"]
    for p in people:
        out += slack_msg(rng, p, rng.choice([
            "Y: finished ACK timeout fix. T: replay DLQ in TEST. B: none",
            f"Y: reviewed {tkey(rng, 'PLAT')}. T: pairing on mapper tests. B: waiting on vendor cert",
            "Y: on-call, quiet night. T: runbook updates. B: none",
            f"out this afternoon, ping me on my cell if urgent"]), edited=rng.random() < 0.2, react=rng.choice(REACTS) if rng.random() < 0.5 else None)
    return out


@variant("meeting_notes", "mn_webex_vertical")
def mn_webex(rng):
    host = staff(rng)
    o = org(rng)
    out = [rng.choice(["Vendor escalation – lab interface", "Quarterly business review"]), "\n", "Meeting information\n"]
    pairs = [("Meeting link", f"https://{o[2].split('.')[0]}.webex.com/{o[2].split('.')[0]}/j.php?MTID=m{hexs(rng, 32)}"),
             ("Meeting number", f"{rng.randrange(2000, 2999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"),
             ("Password", "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(10))),
             ("Host", SN(host)), ("Host key", str(rng.randrange(100000, 999999))),
             ("Join by phone", f"{dialin(rng)} United States Toll"), ("Access code", f"{rng.randrange(2000, 2999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}")]
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.4)
    out += ["Need help? Contact ", SN(staff(rng)), " at ", SC(work_phone(rng, ext=True)), "\n"]
    return out


@variant("meeting_notes", "mn_retro_board")
def mn_retro(rng):
    people = [staff(rng) for _ in range(5)]
    out = [f"Sprint {rng.randrange(20, 90)} Retrospective\n", "Went well\n"]
    for t in rng.sample(["Cutover done in 40 minutes", "Good pairing on the FHIR mapper", "Vendor responded same day", "No pages over the weekend"], 2):
        out += [t, "\n", SN(rng.choice(people)), f"\n{rng.randrange(0, 6)} votes\n"]
    out += ["To improve\n"]
    for t in rng.sample(["Test data refresh took 3 days", "Too many meetings", "Flaky integration tests", "Unclear ownership of DLQ replays"], 2):
        out += [t, "\n", SN(rng.choice(people)), f"\n{rng.randrange(0, 6)} votes\n"]
    out += ["Action items\n", SN(rng.choice(people)), " – automate test patient refresh\n", SN(rng.choice(people)), " – quarantine flaky tests\n"]
    return out


# ---------------------------------------------------------------------------
# clean: release_notes
# ---------------------------------------------------------------------------
CHANGES = ["Added support for HL7 v2.8 ORU messages", "Fixed PID-11 truncation at 50 characters", "Patient portal: new proxy access flow",
           "Improved MPI match scoring for hyphenated surnames", "Upgraded HAPI FHIR to 7.4", "Removed legacy SOAP endpoint /v1/eligibility",
           "Claims export now includes CARC/RARC columns", "Fixed timezone shift on PV1-44", "New CDS rule: sepsis screening v3",
           "Performance: ACK latency reduced by 35%", "Security: TLS 1.0/1.1 disabled on MLLP listeners"]


@variant("release_notes", "rn_conf_page_properties")
def rn_props(rng):
    owner = staff(rng)
    v = ver(rng)
    d = recent(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 20))
    out = conf_meta(rng, "Release Management", f"Release {v}")
    pairs = [("Release", v), ("Target date", fd(d, "mon_short")), ("Owner", SN(owner)), ("Status", rng.choice(["RELEASED", "PLANNED", "IN PROGRESS"])),
             ("Epic", tkey(rng, "PLAT")), ("Change ticket", f"CHG{rng.randrange(10**6, 10**7)}")]
    out += vblock(pairs, colon=False, blank=rng.random() < 0.4) if rng.random() < 0.6 else hblock(pairs, tab=True)
    out += ["Release notes\n"]
    for c in rng.sample(CHANGES, rng.randrange(3, 6)):
        out += [f"{tkey(rng, 'PLAT')} – {c}\n"]
    out += ["Known issues\n", f"{tkey(rng, 'PLAT')} – Retry counter resets after failover (workaround in runbook)\n",
            "Sign-off\n", SN(staff(rng)), " (QA) ", fd(d - dt.timedelta(days=1), "mon_short"), "\n"]
    return out


@variant("release_notes", "rn_jira_release_view")
def rn_jira(rng):
    v = ver(rng)
    d = recent(rng)
    out = ["Releases\n", v, "\n", "RELEASED\n", f"Start date: {fd(d - dt.timedelta(days=14), 'jira')}\nRelease date: {fd(d, 'jira')}\n",
           f"{rng.randrange(10, 40)} issues done\t0 issues in progress\t0 issues to do\n", "Release notes\n"]
    rows = []
    for c in rng.sample(CHANGES, rng.randrange(4, 8)):
        rows.append([tkey(rng, "PLAT"), c, SN(staff(rng)), "DONE", rng.choice(PRIORITIES)])
    out += table(["Key", "Summary", "Assignee", "Status", "Priority"], rows, rng.choice(["tsv", "cells"]))
    return out


@variant("release_notes", "rn_outlook_announcement")
def rn_email(rng):
    s = staff(rng)
    o = org(rng)
    v = ver(rng)
    d = recent(rng, dt.date(2026, 12, 5), dt.date(2026, 12, 20))
    out = outlook_head(rng, SN(s), staff_email(s, o[2]), [SC(f"it-announce@{o[2]}")], f"Scheduled downtime: Interface engine upgrade to {v}")
    out += ["\n", "All,\n\n", f"The interface engine will be upgraded to {v} on {WEEKDAYS[d.weekday()]}, {fd(d, 'long')}, from 01:00 to 03:00. ",
            "Inbound ADT and results will queue and be delivered after the upgrade. Downtime procedures apply to lab results only.\n\n",
            "What's new\n"]
    for c in rng.sample(CHANGES, 3):
        out += ["• ", c, "\n"]
    out += ["\nQuestions: Service Desk ", SC(work_phone(rng, ext=False)), " or ", SC(f"servicedesk@{o[2]}"), "\n\n"]
    out += signature(rng, s, o[2], o[0])
    return out


@variant("release_notes", "rn_github_release")
def rn_gh(rng):
    v = ver(rng)
    a, b, c = staff(rng), staff(rng), staff(rng)
    hs = [re.sub(r"[^a-z]", "", ascii_fold(p.first[0] + p.last).lower()) for p in (a, b, c)]
    rel_d = recent(rng)
    out = [f"v{v}\n", "Latest\n", D(hs[0], "person_name"), f" released this {rel_time(rng)}\n", f"v{v}\n", hexs(rng, 7), "\n",
           "What's Changed\n"]
    for ch, h in zip(rng.sample(CHANGES, 3), hs):
        out += [f"{ch} by @", D(h, "person_name"), f" in #{rng.randrange(100, 999)}\n"]
    out += ["New Contributors\n", "@", D(hs[2], "person_name"), f" made their first contribution in #{rng.randrange(100, 999)}\n",
            f"Full Changelog: v{ver(rng)}...v{v}\n", "Assets\n"]
    for fn in [f"adt-service-{v}.jar", f"adt-service-{v}.jar.sha256", "Source code (zip)", "Source code (tar.gz)"]:
        size = "" if "Source" in fn else ("104 Bytes\n" if fn.endswith("sha256") else f"{rng.randrange(1, 90)}.{rng.randrange(10)} MB\n")
        out += [fn, "\n", size, f"{fd(rel_d, 'mon_short')}\n"]
    out += [f"sha256:{hexs(rng, 64)}\n"]
    return out


@variant("release_notes", "rn_pdf_release_notes")
def rn_pdf(rng):
    v = ver(rng)
    o = org(rng)
    appr = staff(rng)
    body = [D(o[0], "facility"), "\nClinical Systems Release Notes – Version ", v, "\n\n", "Summary\n",
            "This release introduces configurable notification thresholds for critical laboratory results, improves "
            "performance of the medication reconciliation screen, and corrects an intermittent synchronization problem "
            "between the scheduling module and the patient portal. Validation was completed in the test environment using "
            "synthetic records only; no production data was used.\n\n", "Validation results\n",
            f"Test cases executed: {(ex := rng.randrange(200, 900))}. Passed: {ex - (dd := rng.randrange(0, 5)) - rng.randrange(0, 3)}. Deferred defects: {dd}.\n\n",
            "Approval\n", "Approved by ", SN(appr), ", ", rng.choice(JOB_TITLES), "\n"]
    wrapped = wrap(body, rng.choice([66, 72]), rng)
    total = paginate(wrapped, 10, lambda p: "", lambda p: "")[1]
    paged, _ = paginate(wrapped, 10, lambda p: [f"Release Notes {v}\n"], lambda p: [f"\nInternal use only                                  Page {p} of {total}\n"])
    return paged + [f"\nInternal use only                                  Page {total} of {total}\n"]


@variant("release_notes", "rn_changelog_rendered")
def rn_changelog(rng):
    out = ["Changelog\n", "All notable changes to this project are documented in this file.\n"]
    d = recent(rng)
    for k in range(rng.randrange(2, 4)):
        v = ver(rng)
        out += [f"[{v}] - {(d - dt.timedelta(days=21 * k)).isoformat()}\n"]
        for sec in rng.sample(["Added", "Fixed", "Changed", "Removed", "Security"], 2):
            out += [sec, "\n"]
            for c in rng.sample(CHANGES, 2):
                out += [c, f" (#{rng.randrange(100, 999)})\n"]
    out += ["Maintainers: "] + join([SN(staff(rng)) for _ in range(3)], ", ") + ["\n"]
    return out


@variant("release_notes", "rn_metrics_aggregates")
def rn_metrics(rng):
    v = ver(rng)
    out = [f"Post-release report {v}\n", f"Window: 7 days after deploy ({fd(recent(rng), 'mon_short')})\n", "Metric\tBefore\tAfter\tChange\n"]
    for m in ["ADT messages processed", "ORU messages processed", "Patients matched automatically", "Manual MPI reviews", "Portal logins", "Median ACK latency (ms)"]:
        b = rng.randrange(200, 900000)
        a = int(b * rng.uniform(0.7, 1.3))
        out += [f"{m}\t{b:,}\t{a:,}\t{(a - b) / b:+.1%}\n"]
    out += ["Patients aged 90 and older are reported in the 90+ bucket only, per the de-identification standard.\n",
            "Age band\tPortal users\n"]
    for band in ["0–17", "18–44", "45–64", "65–89", "90+"]:
        out += [f"{band}\t{rng.randrange(50, 90000):,}\n"]
    out += ["Report owner: ", SN(staff(rng)), "\n"]
    return out


@variant("release_notes", "rn_security_bulletin")
def rn_sec(rng):
    out = [f"Security Bulletin SB-2026-{rng.randrange(10, 99)}\n", f"Published: {fd(recent(rng), 'long')}\n", "Severity: High\n",
           f"CVE-2026-{rng.randrange(10000, 59999)}: Deserialization issue in message transformer (CVSS {rng.uniform(7, 9.8):.1f})\n",
           f"Affected versions: {ver(rng)} through {ver(rng)}\nFixed in: {ver(rng)}\n", "Affected hosts (internal):\n"]
    for i in range(rng.randrange(2, 5)):
        out += [f"  mirth-prod-0{i + 1}  {ip(rng)}  build {rng.randrange(1000, 9999)}\n"]
    out += [f"Package checksum (SHA-256): {hexs(rng, 64)}\n", "Contact: ", SN(staff(rng)), ", Information Security, ", SC(work_phone(rng)), "\n"]
    return out


@variant("release_notes", "rn_slack_announcement")
def rn_slack(rng):
    a, b, c = staff(rng), staff(rng), staff(rng)
    v = ver(rng)
    out = ["#releases\n"]
    out += slack_msg(rng, a, [f":rocket: {v} is live in PROD. Highlights: ", "; ".join(rng.sample(CHANGES, 2)),
                              f". Rollback plan in {tkey(rng, 'PLAT')}. Thanks ", "@", SN(b), " and ", "@", SN(c), "!"],
                     react=rng.choice(REACTS), reply=rng.randrange(1, 4))
    out += slack_msg(rng, b, "smoke tests green, ACK latency 180 ms p95")
    out += slack_msg(rng, c, f"release notes page updated, build {rng.randrange(1000, 9999)}", edited=True)
    return out


# ---------------------------------------------------------------------------
# clean: validator_diff
# ---------------------------------------------------------------------------
INVALID_SSNS = ["000-12-3456", "666-45-1234", "900-12-3456", "987-65-4321", "123-00-4567", "123-45-0000", "999-99-9999"]


def bad_card(rng):
    while True:
        body = rng.choice(["4", "51", "37", "6011"])
        n = 15 if body == "37" else 16
        num = body + "".join(str(rng.randrange(10)) for _ in range(n - len(body)))
        if not luhn_ok(num):
            return num


def code_rows(rng, old, new, before=(), after=()):
    return diff_ops([[l] for l in old], [[l] for l in new], [[l] for l in before], [[l] for l in after], start=rng.randrange(10, 120))


def reviewers_block(rng, people):
    out = ["Reviewers\n"]
    for p in people:
        out += [SN(p), "\n", rng.choice(["Approved", "Needs work", "Unapproved"]), "\n"]
    return out


@variant("validator_diff", "vd_bb_ssn_java")
def vd_ssn(rng):
    au, r1, r2 = staff(rng), staff(rng), staff(rng)
    old = ['    private static final Pattern SSN = Pattern.compile("\\\\d{3}-\\\\d{2}-\\\\d{4}");']
    new = ['    private static final Pattern SSN = Pattern.compile("^(?!000|666|9\\\\d{2})\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}$");']
    tests = [f'        assertFalse(SsnValidator.isValid("{v}"));' for v in rng.sample(INVALID_SSNS, 4)]
    tests.append('        assertTrue(SsnValidator.isValid("123-45-6789")); // documented example value')
    out = [f"Pull request #{rng.randrange(10, 900)}\n", "Reject SSNs in never-issued ranges\n", SN(au), " wants to merge ssn-ranges into main\n"]
    out += reviewers_block(rng, [r1, r2])
    out += ["src/main/java/org/mercyvalley/validation/SsnValidator.java\n"]
    out += render_diff(code_rows(rng, old, new, ["public final class SsnValidator {"], ["", "    public static boolean isValid(String s) {"]), rng.choice(["bb", "bb_tabs"]))
    out += ["src/test/java/org/mercyvalley/validation/SsnValidatorTest.java\n"]
    out += render_diff(code_rows(rng, [], tests, ["    @Test", "    void rejectsNeverIssuedRanges() {"], ["    }"]), rng.choice(["bb", "bb_tabs"]))
    out += [SN(r1), "\n", rel_time(rng), "\n", "Can we also cover 9xx ITIN-looking values? 900-70-0000 style.\n"]
    return out


@variant("validator_diff", "vd_github_luhn_side")
def vd_luhn(rng):
    au = staff(rng)
    cards = [bad_card(rng) for _ in range(3)]
    old = ["    return digits.length >= 13 && digits.length <= 19;"]
    new = ["    if (digits.length < 13 || digits.length > 19) return false;", "    return luhn(digits);"]
    tests = [f'  expect(isCardNumber("{c}")).toBe(false); // fails Luhn' for c in cards]
    out = ["Validate card numbers with Luhn before masking", f" #{rng.randrange(100, 2000)}\n", SN(au), " merged 2 commits into main\n",
           "src/validators/card.ts\n"]
    out += render_diff(code_rows(rng, old, new, ["export function isCardNumber(s: string): boolean {", "    const digits = s.replace(/[ -]/g, '');"], ["}"]), "side")
    out += ["src/validators/card.test.ts\n"]
    out += render_diff(code_rows(rng, [], tests, ["test('rejects Luhn failures', () => {"], ["});"]), "gh")
    return out


@variant("validator_diff", "vd_ts_nanp_phone")
def vd_phone(rng):
    au, rv = staff(rng), staff(rng)
    tests = [f"  ['555-01{rng.randrange(0, 100):02d}', true], // reserved fictional range",
             "  ['(011) 234-5678', false], // area code cannot start with 0",
             "  ['(123) 456-7890', false], // area code cannot start with 1",
             "  ['(617) 911-2345', false], // N11 exchange",
             "  ['+1 (800) 555-0199', true],",
             f"  ['{rng.choice(AREA)}-123-4567', false], // exchange cannot start with 1"]
    out = [f"!{rng.randrange(100, 999)} NANP phone validator: reject N11 exchanges\n", "Overview\nCommits\nChanges 2\n",
           "src/phone/nanp.spec.ts\n"]
    out += render_diff(code_rows(rng, ["  ['617-911-2345', true],"], tests, ["const cases: Array<[string, boolean]> = ["], ["];"]), "one_no")
    out += [SN(rv), " @", D(re.sub(r"[^a-z]", "", ascii_fold(rv.first + rv.last[0]).lower()), "person_name"), " · ", rel_time(rng), "\n",
            "LGTM. Keep the 555-01xx cases, docs reference them.\n", "Approved by ", SN(rv), "\n"]
    return out


@variant("validator_diff", "vd_py_mbi")
def vd_mbi(rng):
    au = staff(rng)
    bad = ["0EG4-TE5-MK73", "1SG4-TE5-MK73", "1EG4-TE5-MK7O", "1EL4-TB5-MK73", "1EG4TE5MK7"]
    new = ["MBI_RE = re.compile(r'^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$')"]
    old = ["MBI_RE = re.compile(r'^[0-9A-Z]{11}$')"]
    tests = ['@pytest.mark.parametrize("value,ok", [', '    ("1EG4-TE5-MK73", True),   # CMS documentation example'] + \
            [f'    ("{b}", False),' for b in rng.sample(bad, 4)] + ["])"]
    out = ["diff --git a/phi_rules/mbi.py b/phi_rules/mbi.py\n", f"index {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n", "--- a/phi_rules/mbi.py\n+++ b/phi_rules/mbi.py\n",
           "@@ -8,3 +8,3 @@\n"]
    out += render_diff(code_rows(rng, old, new, ["import re", ""], [""]), "plain")
    out += ["diff --git a/tests/test_mbi.py b/tests/test_mbi.py\n", "@@ -1,0 +1,8 @@\n"]
    out += render_diff(code_rows(rng, [], tests), "plain")
    out += ["\nAuthor: ", SN(au), " <", SC(staff_email(au, org(rng)[2])), ">\n"]
    return out


@variant("validator_diff", "vd_hl7_pid_java")
def vd_pid(rng):
    au, rv = staff(rng), staff(rng)
    tests = [['        String pid = "PID|1||T0000001^^^TEST^MR||', D("ZZTEST^PATIENT", "person_name"), '||19000101|U|||1 MAIN ST^^ANYTOWN^MA^00000||555-0100";'],
             '        PidValidation v = validator.validate(parser.parse(MSH + "\\r" + pid));',
             '        assertThat(v.errors()).containsExactly("PID-7: implausible birth date 19000101");']
    rows = code_rows(rng, [], tests, ["    @Test", "    void flagsPlaceholderBirthDate() {"], ["    }"])
    out = jira_cloud_top(rng, tkey(rng, "INT"), "Code review: PID validator flags placeholder DOB", project(rng))
    out += ["Description\n", "Diff from the PR (copied from Bitbucket):\n"]
    out += render_diff(rows, "bb")
    # the test patient is labelled dont_care where it occurs
    out += ["\n", "Test patient ", D("ZZTEST^PATIENT", "person_name"), " is the documented placeholder; no real data in the fixture.\n"]
    out += jira_cloud_sidebar(rng, au, rv, "validation, hl7")
    return out


@variant("validator_diff", "vd_dob_plausibility")
def vd_dob(rng):
    au, rv = staff(rng), staff(rng)
    tests = ['    assertEquals(AgeBucket.NINETY_PLUS, AgeBucket.of(LocalDate.of(1930, 1, 1), ASOF)); // 90 and older collapse',
             '    assertEquals(AgeBucket.of(LocalDate.of(1937, 6, 30), ASOF).label(), "89");',
             '    assertThrows(DateTimeException.class, () -> DobValidator.parse("2026-02-30"));',
             '    assertFalse(DobValidator.isPlausible(LocalDate.of(1899, 12, 31)));',
             '    assertFalse(DobValidator.isPlausible(LocalDate.of(2031, 1, 1))); // future']
    out = [f"Pull request #{rng.randrange(10, 900)}: Age buckets – collapse 90+ per Safe Harbor\n"]
    out += reviewers_block(rng, [rv])
    out += ["src/test/java/org/mercyvalley/deid/AgeBucketTest.java\n"]
    out += render_diff(code_rows(rng, ['    assertEquals(AgeBucket.of(LocalDate.of(1930, 1, 1), ASOF).label(), "96");'], tests,
                                 ["    static final LocalDate ASOF = LocalDate.of(2026, 12, 1);", "    @Test void buckets() {"], ["    }"]), rng.choice(["bb", "gh", "one_no"]))
    out += [SN(au), " commented\n", "Ages of 90 and older now come out as 90+; the test fixtures use fixed dates, no patients.\n"]
    return out


@variant("validator_diff", "vd_npi_gitlab")
def vd_npi(rng):
    au, rv = staff(rng), staff(rng)
    tests = ['  it("accepts the CMS example", () => expect(isNpi("1234567893")).toBe(true));',
             '  it("rejects a bad check digit", () => expect(isNpi("1234567890")).toBe(false));',
             '  it("rejects 9 digits", () => expect(isNpi("123456789")).toBe(false));']
    out = [f"!{rng.randrange(100, 999)} NPI check digit (Luhn with 80840 prefix)\n", SN(au), " requested to merge npi-luhn into main\n",
           "Approvals\n", SN(rv), "\n", "Pipeline #", str(rng.randrange(10000, 99999)), " passed\n", "Changes\n", "src/npi.spec.js\n"]
    out += render_diff(code_rows(rng, [], tests, ['describe("isNpi", () => {'], ["});"]), rng.choice(["one_no", "bb_tabs"]))
    return out


@variant("validator_diff", "vd_pr_overview_regex")
def vd_overview(rng):
    au, r1, r2, r3 = staff(rng), staff(rng), staff(rng), staff(rng)
    old = ['PHONE = r"\\d{3}[-.]\\d{3}[-.]\\d{4}"', 'ZIP = r"\\d{5}"']
    new = ['PHONE = r"\\(?[2-9]\\d{2}\\)?[-. ]?[2-9]\\d{2}[-. ]?\\d{4}"', 'ZIP = r"\\b\\d{5}(?:-\\d{4})?\\b"', 'ZIP_PLACEHOLDERS = {"00000", "99999"}']
    out = [f"Pull request #{rng.randrange(10, 900)}\n", "Tighten phone and ZIP patterns\n", "OPEN\n", "Author\n", SN(au), "\n"]
    out += reviewers_block(rng, [r1, r2, r3])
    out += ["Builds\n", f"1 of 1 passed (build {rng.randrange(1000, 9999)})\n", "Tasks\n0 of 1 completed\n", "Overview\tCommits\tDiff\n",
            "phi_rules/patterns.py\n"]
    out += render_diff(code_rows(rng, old, new), rng.choice(["bb", "bb_tabs", "plain"]))
    out += ["Activity\n", SN(r2), " approved the pull request\n", SN(r1), " commented on line 14\n",
            "Do we still allow 555-0100 through 555-0199? They're the documented fictional numbers.\n",
            SN(au), " replied\n", "Yes – see test_redacts_placeholder: redact(\"", D("Jane Doe", "person_name"), ", 555-0142\") keeps both.\n"]
    return out


@variant("validator_diff", "vd_sql_check_constraint")
def vd_sql(rng):
    au = staff(rng)
    path = f"db/migration/V{rng.randrange(60, 99)}__ssn_check.sql"
    new = ["ALTER TABLE guarantor ADD CONSTRAINT ck_guarantor_ssn",
           "  CHECK (ssn IS NULL OR ssn ~ '^(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$');",
           "-- expected failures (run in CI only):",
           "-- INSERT INTO guarantor (id, ssn) VALUES (1, '000-12-3456');  -- ERROR: violates ck_guarantor_ssn",
           "-- INSERT INTO guarantor (id, ssn) VALUES (2, '666-12-3456');  -- ERROR",
           "-- INSERT INTO guarantor (id, ssn) VALUES (3, '123-45-6789');  -- OK, documented example"]
    out = [path, "\n", "ADDED\n"]
    out += render_diff(code_rows(rng, [], new), rng.choice(["bb", "gh", "plain"]))
    out += ["\n", SN(au), "\n", rel_time(rng), "\n", "Postgres regex has no lookahead in CHECK – switching to explicit substring tests.\n"]
    return out


# ---------------------------------------------------------------------------
# clean: clinical_rule
# ---------------------------------------------------------------------------
RULES = [("Sepsis screening (adult inpatient)", ["A41.9", "R65.20", "R65.21"], "SIRS >= 2 and lactate > 2.0 mmol/L"),
         ("AKI nephrotoxin stewardship", ["N17.9", "N18.30"], "creatinine rise >= 0.3 mg/dL within 48 h"),
         ("VTE prophylaxis reminder", ["I82.401", "I26.99"], "no pharmacologic prophylaxis ordered within 24 h of admission"),
         ("Heart failure GDMT gap", ["I50.9", "I50.22"], "EF <= 40% and no beta blocker on the active med list"),
         ("Falls risk in older adults", ["R29.6", "W19.XXXA"], "age 65 and older with sedative ordered"),
         ("Diabetes A1c overdue", ["E11.9", "E11.65"], "no HbA1c in 180 days")]


def rule(rng):
    return rng.choice(RULES)


@variant("clinical_rule", "cr_page_properties")
def cr_props(rng):
    name, codes, logic = rule(rng)
    owner, rev = staff(rng), staff(rng)
    out = conf_meta(rng, "Clinical Decision Support", f"BPA – {name}")
    pairs = [("Rule ID", f"BPA-{rng.randrange(1000, 9999)}"), ("Owner", SN(owner)), ("Clinical reviewer", [SN(rev), ", MD"]),
             ("Status", rng.choice(["ACTIVE", "PILOT", "RETIRED"])), ("Diagnosis codes", join([ICD(c) for c in codes], ", ")),
             ("Last reviewed", fd(recent(rng), "mon_short")), ("Fires for", "Adult inpatients, all units except L&D")]
    out += vblock(pairs, colon=rng.random() < 0.5, blank=rng.random() < 0.3)
    out += ["Logic\n", f"Fire when {logic}. Suppress for 24 h after acknowledgement. Exclude comfort-care orders.\n",
            "Performance (last 90 days)\n", f"Fired {rng.randrange(500, 9000):,} times; accepted {rng.randrange(10, 60)}%; overridden {rng.randrange(20, 70)}%.\n"]
    return out


@variant("clinical_rule", "cr_logic_table_tsv")
def cr_logic(rng):
    name, codes, logic = rule(rng)
    out = conf_meta(rng, "Clinical Decision Support", f"{name} – criteria")
    rows = [["Diagnosis on problem list", "ICD-10-CM", join([ICD(c) for c in codes], ", "), "any"],
            ["Lactate", "LOINC", "2524-7", "> 2.0 mmol/L"], ["Creatinine", "LOINC", "2160-0", "rise >= 0.3 mg/dL / 48 h"],
            ["Age", "—", "—", ">= 18 years"], ["Excluded", "Order", "Comfort care", "active"]]
    out += table(["Criterion", "Code system", "Code(s)", "Threshold"], rows[: rng.randrange(3, 6)], "tsv")
    out += ["Owner: ", SN(staff(rng)), "\n"]
    return out


RENAL = [("enoxaparin", "CrCl < 30 mL/min", "30 mg SC daily"), ("apixaban", "Cr >= 1.5 and age >= 80 or wt <= 60 kg", "2.5 mg PO BID"),
         ("gabapentin", "CrCl 30–59 mL/min", "200–700 mg/day in 2 doses"), ("metformin", "eGFR < 30", "contraindicated"),
         ("ceftriaxone", "no adjustment", "1–2 g IV q24h"), ("levofloxacin", "CrCl 20–49 mL/min", "750 mg q48h")]


@variant("clinical_rule", "cr_dose_table_cells")
def cr_dose(rng):
    out = [rng.choice(["Renal dose adjustment quick reference", "Pharmacy renal dosing table"]), "\n", "Last updated by ", SN(staff(rng)), ", PharmD\n"]
    rows = [[M(m), c, d] for m, c, d in rng.sample(RENAL, rng.randrange(3, 6))]
    out += table(["Drug", "Criterion", "Adjusted dose"], rows, rng.choice(["cells", "cells_blank"]))
    out += ["Questions: pharmacy informatics ", SC(work_phone(rng, ext=True)), "\n"]
    return out


@variant("clinical_rule", "cr_pdf_guideline")
def cr_pdf(rng):
    o = org(rng)
    auth = [staff(rng) for _ in range(3)]
    body = [D(o[0], "facility"), "\nClinical Practice Guideline: Anticoagulation in Older Adults\n", "Authors: "] + join([[SN(a), ", MD"] for a in auth], "; ") + [
            "\n\n", "Scope. This guideline applies to hospitalized patients aged 65 and older, with specific recommendations for patients "
            "aged 90 and older, in whom bleeding risk frequently outweighs thromboembolic benefit. ",
            "For patients with ", C("atrial fibrillation"), " (", ICD("I48.91"), "), ", M("apixaban"), " 2.5 mg twice daily is preferred "
            "when two of the following are present: age 80 years or older, body weight 60 kg or less, or serum creatinine 1.5 mg/dL or higher. ",
            "Concomitant ", M("aspirin"), " should be discontinued unless there is a compelling indication. Interdisciplinary review "
            "is recommended before initiating anticoagulation in nonagenarians with a history of falls.\n\n",
            "Evidence grade: moderate. Approved by the Pharmacy and Therapeutics Committee.\n"]
    wrapped = wrap(body, rng.choice([64, 70, 76]), rng)
    total = paginate(wrapped, 9, lambda p: "", lambda p: "")[1]
    paged, _ = paginate(wrapped, 9, lambda p: ["Anticoagulation in Older Adults\n"], lambda p: [f"\n{p}\n"])
    return paged + [f"\n{total}\n", "Printed by ", SN(staff(rng)), f" on {fd(TODAY, 'us')} {clock(rng)}\n"]


@variant("clinical_rule", "cr_cds_card_rendered")
def cr_card(rng):
    name, codes, logic = rule(rng)
    out = ["CDS Hooks sandbox – patient-view\n", "Cards returned (1)\n", rng.choice(["warning", "info", "critical"]).upper(), "\n",
           f"{name}: criteria met\n", f"Detail: {logic}. Review and act.\n", "Source: ", D(org(rng)[0], "facility"), " CDS service\n",
           "Suggestions\n", f"Open the {name.split(' (')[0]} order set\n", "Links\n", "Guideline (SMART app)\n", "Request context\n",
           '{ "patientId": "{{context.patientId}}", "userId": "Practitioner/{{userPractitionerId}}", "hookInstance": "', uuid(rng), '" }\n',
           "Prefetch template: Patient/{{context.patientId}}, Observation?patient={{context.patientId}}&code=http://loinc.org|2524-7\n"]
    return out


@variant("clinical_rule", "cr_ehr_build_screen")
def cr_build(rng):
    name, codes, logic = rule(rng)
    ed = staff(rng)
    out = [f"Rule Editor – {rng.randrange(100000, 999999)} {name.upper()}\n", "General\tCriteria\tActions\tRelease\n"]
    pairs = [("Rule ID", str(rng.randrange(100000, 999999))), ("Display name", name), ("Context", "Encounter"),
             ("Properties", ["Diagnoses (ICD): "] + join([ICD(c) for c in codes], ", ")), ("Status", rng.choice(["Released", "Ready for testing"])),
             ("Last edited", [SN(ed), f" {fd(recent(rng), 'us')} {clock(rng)}"])]
    out += vblock(pairs, colon=True, blank=False)
    out += ["Test patient: ", D("ZZTEST, CDS", "person_name"), " (T-range, TST only)\n", "Accept\tCancel\n"]
    return out


@variant("clinical_rule", "cr_order_set_vertical")
def cr_orderset(rng):
    out = [rng.choice(["ADULT COMMUNITY-ACQUIRED PNEUMONIA ADMISSION", "ADULT SEPSIS BUNDLE", "DKA ORDER SET"]), "\n", "Order set properties\n"]
    out += vblock([("Version", ver(rng)), ("Owner", SN(staff(rng))), ("Approved", fd(recent(rng), "us"))], colon=False, blank=False)
    for m in rng.sample(MEDS, rng.randrange(3, 6)):
        out += vblock([("Order", M(m[0])), ("Dose", m[1]), ("Default", rng.choice(["Selected", "Not selected"]))], colon=False, blank=True)
    out += ["Diagnosis association: ", ICD(rng.choice(CONDITIONS)[0]), "\n", "Procedure: ", CPT(rng.choice(CPTS)[0]), "\n"]
    return out


INTERACTIONS = [("warfarin", "amiodarone", "Major", "increased INR; reduce warfarin 30–50%"),
                ("apixaban", "ketoconazole", "Major", "increased apixaban exposure; avoid"),
                ("sertraline", "linezolid", "Contraindicated", "serotonin syndrome"),
                ("metformin", "iodinated contrast", "Moderate", "hold 48 h if eGFR < 30"),
                ("lisinopril", "spironolactone", "Moderate", "hyperkalemia; monitor potassium"),
                ("simvastatin", "clarithromycin", "Contraindicated", "rhabdomyolysis risk")]


@variant("clinical_rule", "cr_interaction_table_tsv")
def cr_inter(rng):
    out = conf_meta(rng, "Pharmacy Informatics", "Interruptive DDI alerts – tier 1")
    rows = [[M(a), M(b), s, e] for a, b, s, e in rng.sample(INTERACTIONS, rng.randrange(3, 6))]
    out += table(["Drug A", "Drug B", "Severity", "Effect / action"], rows, "tsv")
    out += ["Override reasons tracked monthly. Contact ", SN(staff(rng)), ", ", SC(work_phone(rng)), "\n"]
    return out


@variant("clinical_rule", "cr_scheduling_template")
def cr_sched(rng):
    prov = staff(rng)
    o = org(rng)
    out = ["Template Editor\n", "Provider: ", SN(prov), ", MD\t", "Department: ", rng.choice(["CARDIOLOGY", "FAMILY MED", "ENDOCRINOLOGY"]), "\n",
           D(o[0], "facility"), "\t", rng.choice(FAC_ADDR), "\n", "Effective: ", fd(dt.date(2027, 1, 1), "us"), " – ", fd(dt.date(2027, 6, 30), "us"), "\n",
           "Time\tMon\tTue\tWed\tThu\tFri\n"]
    for h in range(8, 12):
        for m in ("00", "30"):
            out.append(f"{h}:{m}\t" + "\t".join(rng.choice(["NEW 60", "RETURN 30", "RETURN 30", "BLOCK-ADMIN", "TELEHEALTH 20", "OPEN"]) for _ in range(5)) + "\n")
    out += ["12:00\tLUNCH\tLUNCH\tLUNCH\tLUNCH\tLUNCH\n", "Visit types: NEW 60, RETURN 30, TELEHEALTH 20. Release blocks 48 h before.\n",
            "Template built by ", SN(staff(rng)), "\n"]
    return out


# ---------------------------------------------------------------------------
# clean: oncall_directory
# ---------------------------------------------------------------------------
SERVICES = ["Interface Engineering", "EHR Ambulatory", "Lab Systems", "Radiology IT", "Pharmacy Informatics", "Network Operations",
            "Hospitalist", "Cardiology", "Nephrology", "Revenue Cycle Apps"]


def pager(rng):
    return f"{rng.choice(AREA)}-{phone_parts(rng)[1]}-{rng.randrange(1000, 9999)}"


@variant("oncall_directory", "oc_tsv_roster")
def oc_tsv(rng):
    out = conf_meta(rng, "IT Operations", f"On-call roster – week of {fd(recent(rng, dt.date(2026, 12, 1), dt.date(2026, 12, 21)), 'mon_short')}")
    rows = []
    for svc in rng.sample(SERVICES, rng.randrange(4, 8)):
        p, b = staff(rng), staff(rng)
        rows.append([svc, SN(p), SC(work_phone(rng, ext=False)), SC(pager(rng)), SN(b)])
    out += table(["Service", "Primary", "Cell (work)", "Pager", "Backup"], rows, "tsv")
    out += ["Escalate to the manager on duty after 15 minutes without response.\n"]
    return out


@variant("oncall_directory", "oc_cells_roster")
def oc_cells(rng):
    out = [rng.choice(["Who's on call", "On-call contacts"]), "\n", fd(recent(rng), "long"), "\n"]
    rows = []
    for svc in rng.sample(SERVICES, rng.randrange(3, 6)):
        p = staff(rng)
        rows.append([svc, SN(p), SC(f"x{rng.randrange(2000, 9999)}"), SC(f"Vocera: {p.first} {p.last[0]}")])
    out += table(["Service", "On call", "Extension", "Vocera"], rows, rng.choice(["cells", "cells_blank"]))
    return out


@variant("oncall_directory", "oc_ehr_staff_directory")
def oc_dir(rng):
    o = org(rng)
    out = ["Provider/Staff Directory\n", "Search results\n"]
    for i in range(rng.randrange(2, 4)):
        p = staff(rng)
        pairs = [("Name", [SN(p), rng.choice([", MD", ", RN", ", NP", ", PharmD", ""])]), ("Title", rng.choice(JOB_TITLES)),
                 ("Department", rng.choice(SERVICES)), ("Office", SC(work_phone(rng, ext=True))), ("Pager", SC(pager(rng))),
                 ("Email", SC(staff_email(p, o[2]))), ("Location", rng.choice(FAC_ADDR))]
        out += vblock(pairs, colon=rng.random() < 0.5, blank=False) + ["\n"]
    return out


@variant("oncall_directory", "oc_pagerduty_schedule")
def oc_pd(rng):
    people = [staff(rng) for _ in range(4)]
    out = [f"{rng.choice(['Integrations', 'EHR Platform', 'Database'])} – Primary\n", "On call now\n", SN(people[0]), "\n",
           f"until {WEEKDAYS[rng.randrange(7)][:3]} {clock(rng)}\n", "Upcoming\n"]
    d = TODAY
    for p in people[1:]:
        d2 = d + dt.timedelta(days=7)
        out += [SN(p), "\n", f"{MON[d.month - 1]} {d.day}, 9:00 AM – {MON[d2.month - 1]} {d2.day}, 9:00 AM\n"]
        d = d2
    out += ["Escalation policy\n", "Level 1\t", SN(people[0]), "\tafter 15 min\n", "Level 2\t", SN(people[1]), "\tafter 30 min\n",
            "Level 3\t", SN(staff(rng)), " (manager)\n", "Contact methods: ", SC(work_phone(rng, ext=False)), " (SMS) · ",
            SC(staff_email(people[0], org(rng)[2])), "\n"]
    return out


@variant("oncall_directory", "oc_profile_cards")
def oc_cards(rng):
    o = org(rng)
    out = []
    for i in range(rng.randrange(2, 4)):
        p, mgr = staff(rng), staff(rng)
        out += [SN(p), "\n", rng.choice(["Available", "Busy", "Away", "Do not disturb"]), "\n",
                rng.choice([f"Free until {clock(rng)}", "In a meeting", "Out of office until Monday"]), "\n", rng.choice(JOB_TITLES), "\n",
                "Contact information\n", "Email\n", SC(staff_email(p, o[2])), "\n", "Work phone\n", SC(work_phone(rng, ext=True)), "\n",
                "Mobile\n", SC(work_phone(rng, ext=False)), "\n", "Office location\n", rng.choice(FAC_ADDR), "\n",
                "Reports to\n", SN(mgr), "\n\n"]
    return out


@variant("oncall_directory", "oc_amion_grid")
def oc_grid(rng):
    start = recent(rng, dt.date(2026, 12, 1), dt.date(2026, 12, 14))
    days = [start + dt.timedelta(days=i) for i in range(7)]
    out = [rng.choice(["Hospitalist call schedule", "Medicine on-call"]), "\n", "\t" + "\t".join(f"{WEEKDAYS[d.weekday()][:3]} {d.month}/{d.day}" for d in days), "\n"]
    pool = [staff(rng) for _ in range(6)]
    for svc in ["Nocturnist", "Admitter 1", "Admitter 2", "Consults", "Backup"]:
        out += [svc, "\t", join([D(rng.choice(pool).last, "person_name") for _ in days], "\t"), "\n"]
    out += ["Page via operator ", SC(work_phone(rng, ext=False)), " or Vocera \"Hospitalist on call\"\n"]
    return out


@variant("oncall_directory", "oc_conf_escalation")
def oc_esc(rng):
    o = org(rng)
    out = conf_meta(rng, "Interface Engineering", "Escalation path – HL7 interfaces")
    out += vblock([("Service", "HL7 interfaces (Mirth / Rhapsody)"), ("Hours", "24x7"), ("Bridge", f"{dialin(rng)},,{rng.randrange(10**8, 10**9)}#"),
                   ("Team mailbox", SC(f"interfaces@{o[2]}")), ("Runbook", f"https://confluence.{o[2]}/x/{hexs(rng, 6)}")], colon=False, blank=rng.random() < 0.4)
    rows = []
    for lvl in ["1", "2", "3"]:
        p = staff(rng)
        rows.append([lvl, SN(p), rng.choice(JOB_TITLES), SC(work_phone(rng, ext=rng.random() < 0.5)), rng.choice(["15 min", "30 min", "60 min"])])
    out += table(["Level", "Name", "Role", "Phone", "Escalate after"], rows, rng.choice(["tsv", "cells"]))
    out += ["Vendor support: Lab vendor 1-800-", f"{rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}", " (contract #", str(rng.randrange(10000, 99999)), ")\n"]
    return out


@variant("oncall_directory", "oc_department_list")
def oc_depts(rng):
    o = org(rng)
    out = [D(o[0], "facility"), " – Departments\n"]
    for dep in rng.sample(["Cardiology Clinic", "Infusion Center", "Imaging", "Laboratory Outpatient Draw", "Pharmacy", "Billing Office"], 3):
        out += [dep, "\n", rng.choice(FAC_ADDR), "\n", "Main: ", SC(work_phone(rng, ext=False)), "\n", "Fax: ", SC(work_phone(rng, ext=False)), "\n",
                "Hours: Mon–Fri 7:30 AM – 5:00 PM\n", "Manager: ", SN(staff(rng)), "\n\n"]
    return out


@variant("oncall_directory", "oc_slack_oncall_bot")
def oc_slack(rng):
    p, q = staff(rng), staff(rng)
    out = [f"#{rng.choice(['ehr-support', 'integrations', 'noc'])}\n"]
    out += slack_msg(rng, staff(rng), "who's on call for interfaces tonight?")
    out += ["OnCallBot  APP  ", clock(rng), "\n", "@oncall-integrations is ", SN(p), " until Mon 9:00 AM. Secondary: ", SN(q),
            ". Phone: ", SC(work_phone(rng, ext=False)), "\n"]
    out += slack_msg(rng, p, "here, what's up?", react=rng.choice(REACTS))
    return out


# ---------------------------------------------------------------------------
# sparse PHI pages and more clean Jira views
# ---------------------------------------------------------------------------

@variant("support_ticket", "st_long_thread_one_callback")
def st_long(rng):
    pt = Patient(rng)
    people = [staff(rng) for _ in range(5)]
    o = org(rng)
    inc = f"INC{rng.randrange(10**6, 10**7):07d}"
    clk = LogClock(rng, step=1800)
    out = [f"{inc}\n", "Patient portal slow / timeouts for all users\n"]
    out += vblock([("Caller", SN(people[0])), ("Assignment group", "Digital Front Door"), ("Assigned to", SN(people[1])),
                   ("Priority", "2 - High"), ("Opened", clk(ms=False))], colon=False, blank=False)
    out += ["Activities\n"]
    notes = [f"Load balancer {ip(rng)} shows 40% 5xx since 07:10.", f"Restarted app pool on web-0{rng.randrange(1, 4)}; no change.",
             f"DB wait stats point to a blocking session from the nightly job {uuid(rng)}.", "Killed the job; response times recovering.",
             f"Vendor case {rng.randrange(10**6, 10**7)} opened, bridge {dialin(rng)},,{rng.randrange(10**8, 10**9)}#.",
             "Monitoring for 30 minutes before resolving.", f"Change {f'CHG{rng.randrange(10**6, 10**7)}'} raised to move the job to 02:00."]
    where = rng.randrange(2, len(notes))
    for i, n in enumerate(notes):
        out += [SN(rng.choice(people)), "\n", "Work notes • ", clk(ms=False), "\n", n, "\n\n"]
        if i == where:
            out += [SN(people[0]), "\n", "Additional comments • ", clk(ms=False), "\n",
                    rng.choice(["One patient called the help line twice, please call back ", "Front desk asks us to call back "]),
                    P(rphone(rng, pt.phone), "phone"), rng.choice([" when the portal is back.", " (left VM)."]), "\n\n"]
    out += ["Resolution code: Solved (Work Around)\n", "Resolved by ", SN(people[1]), "\n"]
    return out


@variant("patient_email", "pe_it_thread_one_mrn")
def pe_itthread(rng):
    pt = Patient(rng)
    a, b, c = staff(rng), staff(rng), staff(rng)
    o = org(rng)
    out = outlook_head(rng, SN(a), staff_email(a, o[2]), [SN(b), "; ", SN(c)], "RE: Shared mailbox rules not firing")
    out += ["\n", "Rule is fixed – it was matching on the display name, not the address. Thanks both.\n\n"]
    out += signature(rng, a, o[2], o[0])
    out += ["\n", "From: ", SN(b), " <", SC(staff_email(b, o[2])), ">\n", "Sent: ", D(sent_long(rng), "date"), "\n", "To: ", SN(a), "\n",
            "Subject: RE: Shared mailbox rules not firing\n\n",
            "Still seeing messages land in the inbox instead of the Refills folder. Example from this morning, subject line was \"Refill – MRN ",
            P(pt.mrn, "mrn"), "\" and it did not move. Headers attached.\n\n"]
    out += signature(rng, b, o[2], o[0])
    out += ["\n", "From: ", SN(c), " <", SC(staff_email(c, o[2])), ">\n", "Sent: ", D(sent_long(rng), "date"), "\n",
            "Subject: Shared mailbox rules not firing\n\n", f"Mailbox {clinic_box(rng, o[2])} has 3 rules; only the first runs. Exchange server EXCH-0{rng.randrange(1, 5)} ({ip(rng)}).\n"]
    return out


@variant("fhir_diff", "fd_long_mapper_one_line")
def fd_mapper(rng):
    pt = Patient(rng)
    au, rv = staff(rng), staff(rng)
    old = ["    const line = addr.line?.join(', ') ?? '';", "    return { line, city: addr.city };"]
    new = ["    const line = (addr.line ?? []).filter(Boolean).join(', ');", "    const city = addr.city?.trim();",
           "    if (!city) log.warn(`address without city for ${resourceId}`);", "    return { line, city, state: addr.state, postalCode: addr.postalCode };"]
    rows = diff_ops([[l] for l in old], [[l] for l in new], [["export function mapAddress(addr: Address, resourceId: string) {"]], [["}"]], start=40)
    test_old = ["  it('maps a single line', () => {"]
    real_line = ["  // repro from prod: ", P(pt.full(), "person_name"), ", born ", P(fd(pt.dob, "iso"), "date"), " – city came through blank"]
    test_new = [["  it('keeps state and postal code', () => {"], real_line,
                ["    expect(mapAddress({ line: ['1 Main St'], city: 'Anytown', state: 'MA', postalCode: '00000' }, 'example').postalCode).toBe('00000');"], ["  });"]]
    rows2 = diff_ops([[l] for l in test_old], test_new, [["describe('mapAddress', () => {"]], [["});"]], start=12)
    out = [f"Pull request #{rng.randrange(10, 900)}\n", "Address mapper: keep state and postalCode\n", SN(au), " wants to merge addr-fix into develop\n"]
    out += reviewers_block(rng, [rv])
    out += ["src/mappers/address.ts\n"]
    out += render_diff(rows, "bb")
    out += ["src/mappers/address.spec.ts\n"]
    out += render_diff(rows2, "bb")
    out += [SN(rv), "\n", rel_time(rng), "\n", "Please drop the repro comment in the spec, it names a real patient.\n"]
    return out


@variant("meeting_notes", "mn_jira_action_item")
def mn_jira(rng):
    a, r = staff(rng), staff(rng)
    att = [staff(rng) for _ in range(4)]
    out = jira_cloud_top(rng, tkey(rng, "PMO"), "Action item from interface weekly: confirm cutover bridge", "PMO")
    out += ["Description\n", f"From the {fd(meeting_date(rng), 'mon_short')} meeting (attendees: "] + join([SN(p) for p in att], ", ") + ["):\n",
            f"Confirm bridge {dialin(rng)},,{rng.randrange(10**8, 10**9)}# and passcode {rng.randrange(100000, 999999)} with the vendor. Rollback owner: ", SN(att[1]), ".\n"]
    out += jira_cloud_sidebar(rng, a, r, "meeting, cutover")
    return out


@variant("release_notes", "rn_dashboard_aggregate_export")
def rn_dash(rng):
    out = [f"Denials dashboard {ver(rng)} – release check\n", "Export of the summary visual (aggregates only; row-level export is disabled):\n",
           "Payer\tCARC\tClaims\tBilled\tDenied $\tDenial rate\n"]
    tc = tb = td = 0
    for p in rng.sample(PAYERS, rng.randrange(4, 7)):
        c = rng.randrange(20, 800)
        b = money(rng, 10000, 400000)
        dn = b * rng.uniform(0.02, 0.2)
        tc += c; tb += b; td += dn
        out += [f"{p}\t{rng.choice(['CO-16', 'CO-97', 'CO-50', 'PR-204', 'CO-197'])}\t{c}\t{b:,.2f}\t{dn:,.2f}\t{dn / b:.1%}\n"]
    out += [f"Total\t\t{tc}\t{tb:,.2f}\t{td:,.2f}\t{td / tb:.1%}\n", "Validated against the warehouse by ", SN(staff(rng)), ".\n"]
    return out


@variant("clinical_rule", "cr_jira_build_request")
def cr_jira(rng):
    name, codes, logic = rule(rng)
    a, r = staff(rng), staff(rng)
    out = jira_cloud_top(rng, tkey(rng, "CDS"), f"Build request: {name}", "Clinical Decision Support")
    out += ["Description\n", f"Requested by the sepsis committee. Criteria: {logic}. Diagnosis codes ",
            join([ICD(c) for c in codes], ", "), ". Exclude patients aged 90 and older on comfort care; population is adults 18+.\n",
            "Acceptance: fires in TST for ", D("ZZTEST, SEPSIS", "person_name"), " only; no production patients used.\n"]
    out += jira_cloud_sidebar(rng, a, r, "cds, bpa", extra=[("Clinical owner", SN(staff(rng)))])
    return out


@variant("oncall_directory", "oc_jira_rotation_request")
def oc_jira(rng):
    a, r, p1, p2 = staff(rng), staff(rng), staff(rng), staff(rng)
    out = [tkey(rng, "OPS"), "\n", "Swap on-call week\n"]
    out += jira_dc_details(rng, a, r, "oncall, pagerduty", ver(rng))
    out += ["Description\n", "Please swap ", SN(p1), " (cell ", SC(work_phone(rng, ext=False)), ", pager ", SC(pager(rng)), ") with ",
            SN(p2), f" for the week of {fd(recent(rng, dt.date(2026, 12, 14), dt.date(2026, 12, 28)), 'mon_short')}. Both agreed in Slack.\n"]
    return out


# ---------------------------------------------------------------------------
# build, check, stats
# ---------------------------------------------------------------------------

def build_all():
    docs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        vs = VARIANTS.get(fam, [])
        if not vs:
            continue
        n = 15 if fam in PHI_FAMILIES else 20
        order = list(range(len(vs)))
        random.Random(f"{SEED}-{fam}-order").shuffle(order)
        for i in range(n):
            name, fn = vs[order[i % len(vs)]]
            rng = random.Random(f"{SEED}-{fam}-{i}")
            DOC_NAMES.clear()
            DOC_LASTS.clear()
            CHAT_T[0] = None
            b = Builder()
            b.add(fn(rng))
            text = b.text()
            is_phi = fam in PHI_FAMILIES
            if is_phi and not any(s["label"] == "phi" for s in b.spans):
                raise SystemExit(f"{fam}-{i + 1:04d} ({name}) has no phi span")
            docs.append({"id": f"{fam}-{i + 1:04d}", "family": fam, "phi": is_phi, "variant": name,
                         "text": text, "spans": b.spans})
    return docs


def write(docs):
    with open(OUT, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def _alnum(ch):
    return ch.isalnum()


def mbi_ok(v):
    s = v.replace("-", "")
    if len(s) != 11:
        return False
    pat = [("num19",), ("L",), ("LN",), ("N",), ("L",), ("LN",), ("N",), ("L",), ("L",), ("N",), ("N",)]
    for ch, (p,) in zip(s, pat):
        if p == "num19" and ch not in "123456789":
            return False
        if p == "L" and ch not in MBI_L:
            return False
        if p == "N" and not ch.isdigit():
            return False
        if p == "LN" and not (ch in MBI_L or ch.isdigit()):
            return False
    return True


def ssn_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 9:
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and s != "0000" and d != "123456789"


def phone_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 10:
        return d[0] in "23456789" and d[3] in "23456789" and not (d[3:6] == "555" and d[6:8] == "01")
    if len(d) == 3:
        return d[0] in "23456789"
    if len(d) == 7:
        return d[0] in "23456789" and not (d[:3] == "555" and d[3:5] == "01")
    return False


CARD_RE = re.compile(r"(?<![\w-])(?:[3456]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{3,4}|3[47]\d{2}[ -]?\d{6}[ -]?\d{5})(?![\w-])")


def check(path=OUT):
    errs = []
    docs = [json.loads(l) for l in open(path, encoding="utf-8")]
    if len(docs) != 240:
        errs.append(f"{len(docs)} docs, want 240")
    nphi = sum(1 for d in docs if d["phi"])
    if nphi != 120 or len(docs) - nphi != 120:
        errs.append(f"phi/clean = {nphi}/{len(docs) - nphi}, want 120/120")
    ids = set()
    per_variant = {}
    for d in docs:
        did = d["id"]
        if did in ids:
            errs.append(f"duplicate id {did}")
        ids.add(did)
        if not re.fullmatch(r"[a-z0-9_]+-\d{4}", did) or not did.startswith(d["family"] + "-"):
            errs.append(f"bad id {did}")
        if d["phi"] != (d["family"] in PHI_FAMILIES):
            errs.append(f"{did}: phi flag does not match family")
        per_variant[d["variant"]] = per_variant.get(d["variant"], 0) + 1
        text = d["text"]
        b = text.encode("utf-8")
        prev_end = 0
        has_phi = False
        for s in d["spans"]:
            st, en, lab, kind = s["start"], s["end"], s["label"], s["kind"]
            where = f"{did} [{st},{en}) {lab}/{kind}"
            if not (0 <= st < en <= len(b)):
                errs.append(f"{where}: out of range"); continue
            if st < prev_end:
                errs.append(f"{where}: unsorted or overlapping")
            prev_end = en
            try:
                before = b[:st].decode("utf-8")
                val = b[st:en].decode("utf-8")
                after = b[en:].decode("utf-8")
            except UnicodeDecodeError:
                errs.append(f"{where}: cuts a UTF-8 sequence"); continue
            if before and val and _alnum(before[-1]) and _alnum(val[0]):
                errs.append(f"{where}: starts inside a token {before[-5:]!r}|{val[:10]!r}")
            if after and val and _alnum(after[0]) and _alnum(val[-1]):
                errs.append(f"{where}: ends inside a token {val[-10:]!r}|{after[:5]!r}")
            if val != val.strip():
                errs.append(f"{where}: span has outer whitespace {val!r}")
            if lab not in ("phi", "dont_care"):
                errs.append(f"{where}: bad label")
            if not kind:
                errs.append(f"{where}: no kind")
            if lab == "phi":
                has_phi = True
                if kind not in CONTRACT_KINDS:
                    errs.append(f"{where}: phi kind not in contract")
                if kind == "ssn" and not ssn_ok(val):
                    errs.append(f"{where}: invalid SSN {val!r}")
                if kind == "phone" and not phone_ok(val):
                    errs.append(f"{where}: invalid phone {val!r}")
                if kind == "credit_card" and not luhn_ok(re.sub(r"\D", "", val)):
                    errs.append(f"{where}: card fails Luhn {val!r}")
                if kind == "medicare_mbi" and not mbi_ok(val):
                    errs.append(f"{where}: invalid MBI {val!r}")
                if kind == "age_over_89" and not (val.isdigit() and int(val) >= 90):
                    errs.append(f"{where}: age {val!r}")
                if re.search(r"555[-. ]?01\d\d", val):
                    errs.append(f"{where}: 555-01xx labelled phi")
        if d["phi"] and not has_phi:
            errs.append(f"{did}: PHI document without a phi span")
        if not d["phi"] and has_phi:
            errs.append(f"{did}: clean document with a phi span")
        if not d["phi"]:
            for m in CARD_RE.finditer(text):
                if luhn_ok(re.sub(r"\D", "", m.group(0))):
                    errs.append(f"{did}: clean document holds a Luhn-valid card number {m.group(0)!r}")
    for v, n in per_variant.items():
        if n > 3:
            errs.append(f"variant {v}: {n} docs (max 3)")
    if len(per_variant) < 110:
        errs.append(f"only {len(per_variant)} variants (want >= 110)")
    for e in errs[:200]:
        print("ERROR", e)
    print(f"checked {len(docs)} docs, {len(per_variant)} variants: {len(errs)} error(s)")
    return not errs


def stats(path=OUT):
    docs = [json.loads(l) for l in open(path, encoding="utf-8")]
    fam, var, kinds = {}, {}, {}
    shares = []
    for d in docs:
        fam[d["family"]] = fam.get(d["family"], 0) + 1
        var[d["variant"]] = var.get(d["variant"], 0) + 1
        for s in d["spans"]:
            k = f'{s["label"]}:{s["kind"]}'
            kinds[k] = kinds.get(k, 0) + 1
        if d["phi"]:
            n = len(d["text"].encode("utf-8"))
            p = sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi")
            shares.append(p / n)
    print(f"docs {len(docs)}  phi {sum(d['phi'] for d in docs)}  clean {sum(not d['phi'] for d in docs)}")
    print("per family:")
    for k in PHI_FAMILIES + CLEAN_FAMILIES:
        if k in fam:
            print(f"  {k:<18} {fam[k]:>3}  variants {len([v for v, fn in VARIANTS.get(k, [])])}")
    print(f"per variant ({len(var)} variants):")
    for k in sorted(var):
        print(f"  {k:<40} {var[k]}")
    print("per span kind:")
    for k in sorted(kinds):
        print(f"  {k:<32} {kinds[k]}")
    sizes = sorted(len(d["text"].encode("utf-8")) for d in docs)
    print(f"bytes per doc: min {sizes[0]}  median {statistics.median(sizes):.0f}  max {sizes[-1]}")
    if shares:
        print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.2f}  "
              f"(min {min(shares):.3f}, max {max(shares):.3f})")


def main(argv):
    if "--check" in argv:
        sys.exit(0 if check() else 1)
    if "--stats" in argv:
        stats()
        return
    docs = build_all()
    write(docs)
    print(f"wrote {len(docs)} docs to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
