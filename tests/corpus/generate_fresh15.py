#!/usr/bin/env python3
"""Sixteenth independent test-data generator for the PHI detector: fresh15.jsonl.

Written from tests/corpus/README.md (record format, labelling conventions) and section 1 of
CONTRACTS.md alone, without sight of the detector or of the other generators.

Angle: output of the tools health-IT people use, pasted verbatim.  PHI documents are integration-
engine screens and logs (Mirth message browser and mirth.log, Rhapsody / Corepoint / HL7 Soup segment
trees, Cloverleaf testing tool, HealthShare visual trace, Splunk, ngrep of MLLP), query outputs (psql
``\\x``, MySQL ``\\G``, SSMS results to text, SQL*Plus, sqlcmd, sqlite ``.mode line`` / box, pg_dump
COPY, DBeaver INSERT export), BI exports (Tableau / Power BI CSV, Excel TSV, Kibana / Datadog CSV),
API clients (curl -v, Postman console, HTTPie, GraphQL), ServiceNow / Jira CSV and XML exports, X12
viewers (837P, 835, 834, 270/271 loop trees), DICOM dumps (dcmdump, pydicom), diff tools
(``git diff --word-diff``, ``diff -y``, normal diff of jq output, GitLab MR copy, HAPI ``$diff``),
mail headers (Gmail "Show original", Outlook internet headers, .eml, Postfix bounces, message
trace CSV, SendGrid events).  Clean documents are the same tools with no patient (engine stats, ACK
traces with control ids only, query plans, ``\d patients`` schema diffs, row counts, Postman
collections with ``{{patientId}}``, aggregate dashboards, anonymised phantom DICOM dumps, staff-only
rosters, documented test values, ZZTEST patients as dont_care).

113 templates (64 PHI, 49 clean) in 220 template/layout variants; 25 hand-written name cultures
(diacritics, native scripts, English-word names such as "Rose Hill", single names recorded as
``NAME^FNU``); the 14 family names of the issue.  Labelling follows tests/corpus/README.md.

Standard library only, deterministic (SEED).
  python3 tests/corpus/generate_fresh15.py            write fresh15.jsonl
  python3 tests/corpus/generate_fresh15.py --check    re-verify fresh15.jsonl
  python3 tests/corpus/generate_fresh15.py --stats    documents per family, templates, PHI byte share
"""
import argparse
import difflib
import json
import os
import random
import re
import statistics
import sys
import textwrap
import unicodedata
from datetime import date, datetime, timedelta

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh15.jsonl")
PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff", "sql_seed",
                "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff", "release_notes",
                  "clinical_rule", "oncall_directory"]
N_PHI = 15      # per PHI family  -> 120
N_CLEAN = 20    # per clean family -> 120


# ----------------------------------------------------------------------------------------------
# Labelled text
# ----------------------------------------------------------------------------------------------
class Doc:
    """A run of segments (text, label, kind); label None = unlabelled."""
    __slots__ = ("segs",)

    def __init__(self, *items):
        self.segs = []
        for it in items:
            self.add(it)

    @staticmethod
    def seg(text, label, kind):
        d = Doc()
        if text:
            d.segs.append((str(text), label, kind))
        return d

    def add(self, x):
        if x is None:
            return self
        if isinstance(x, Doc):
            self.segs.extend(x.segs)
        elif isinstance(x, (list, tuple)):
            for y in x:
                self.add(y)
        else:
            s = str(x)
            if s:
                self.segs.append((s, None, None))
        return self

    def __add__(self, o):
        return Doc(self, o)

    def __radd__(self, o):
        return Doc(o, self)

    @property
    def text(self):
        return "".join(s for s, _, _ in self.segs)

    def map(self, fn):
        d = Doc()
        d.segs = [(fn(s), l, k) for s, l, k in self.segs]
        d.segs = [x for x in d.segs if x[0]]
        return d

    def plain(self):
        return Doc(self.text)

    def has_phi(self):
        return any(l == "phi" for _, l, _ in self.segs)

    def finish(self):
        segs = []
        for s, l, k in self.segs:           # coalesce adjacent pieces of one span (word diffs)
            if segs and l and segs[-1][1] == l and segs[-1][2] == k:
                segs[-1] = (segs[-1][0] + s, l, k)
            else:
                segs.append((s, l, k))
        text, spans, pos = [], [], 0
        for s, l, k in segs:
            b = len(s.encode("utf-8"))
            if l:
                spans.append({"start": pos, "end": pos + b, "label": l, "kind": k})
            text.append(s)
            pos += b
        return "".join(text), spans


def P(s, kind):
    return Doc.seg(s, "phi", kind)


def D(s, kind):
    return Doc.seg(s, "dont_care", kind)


def cd(x):
    if isinstance(x, Doc):
        return x
    if x is None:
        return Doc()
    return Doc(str(x))


def dw(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


def pad(x, w, align="<"):
    d = cd(x)
    n = max(0, w - dw(d.text))
    if align == ">":
        return Doc(" " * n, d)
    if align == "^":
        return Doc(" " * (n // 2), d, " " * (n - n // 2))
    return Doc(d, " " * n)


def T(s):
    return textwrap.dedent(s).lstrip("\n")


TOK = re.compile(r"«([^«»]+)»")


def R(tmpl, ctx=None, **kw):
    """Render a template; «key» or «key:<20» / «key:>8» / «key:^9» take a value from ctx."""
    c = dict(ctx or {})
    c.update(kw)
    d, pos = Doc(), 0
    for m in TOK.finditer(tmpl):
        d.add(tmpl[pos:m.start()])
        key, spec = m.group(1), None
        if ":" in key:
            key, spec = key.split(":", 1)
        val = c[key]
        if callable(val):
            val = val()
        vd = cd(val)
        if spec:
            vd = pad(vd, int(spec[1:]), spec[0])
        d.add(vd)
        pos = m.end()
    d.add(tmpl[pos:])
    return d


def join(sep, items):
    d = Doc()
    for i, it in enumerate(items):
        if i:
            d.add(sep)
        d.add(cd(it))
    return d


def merge_name_runs(doc, seps="^*="):
    """HL7 / X12 / DICOM: a whole name component run is one span."""
    out = []
    for s, l, k in doc.segs:
        if (l == "phi" and k == "person_name" and len(out) >= 2 and out[-1][1] is None
                and out[-1][0] and all(ch in seps for ch in out[-1][0])
                and out[-2][1] == "phi" and out[-2][2] == "person_name"):
            sep = out.pop()
            prev = out.pop()
            out.append((prev[0] + sep[0] + s, "phi", "person_name"))
        else:
            out.append((s, l, k))
    d = Doc()
    d.segs = out
    return d


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def csv_cell(x, always=False, sep=","):
    d = cd(x)
    t = d.text
    if always or any(ch in t for ch in (sep, '"', "\n", "\r")):
        return Doc('"', d.map(lambda s: s.replace('"', '""')), '"')
    return d


def sql_str(x):
    return Doc("'", cd(x).map(lambda s: s.replace("'", "''")), "'")


# ----------------------------------------------------------------------------------------------
# Grids and record views as the tools print them
# ----------------------------------------------------------------------------------------------
def grid(headers, rows, style="psql", align=None, footer=True, elapsed="0.00"):
    H = [cd(h) for h in headers]
    Rw = [[cd(c) for c in row] for row in rows]
    n = len(H)
    align = align or ["<"] * n
    W = [max([dw(H[i].text)] + [dw(r[i].text) for r in Rw]) for i in range(n)]
    out = Doc()
    nr = len(Rw)
    if style == "psql":
        out.add(" " + " | ".join(pad(H[i], W[i], "^").text for i in range(n)).rstrip() + "\n")
        out.add("+".join("-" * (W[i] + 2) for i in range(n)) + "\n")
        for r in Rw:
            line = Doc(" ")
            for i in range(n):
                if i:
                    line.add(" | ")
                line.add(pad(r[i], W[i], align[i]) if i < n - 1 else (pad(r[i], W[i], ">") if align[i] == ">" else r[i]))
            out.add(line).add("\n")
        if footer:
            out.add("(%d row%s)\n" % (nr, "" if nr == 1 else "s"))
    elif style == "mysql":
        border = "+" + "+".join("-" * (W[i] + 2) for i in range(n)) + "+\n"
        out.add(border)
        out.add("| " + " | ".join(pad(H[i], W[i]).text for i in range(n)) + " |\n")
        out.add(border)
        for r in Rw:
            out.add("| ").add(join(" | ", [pad(r[i], W[i], align[i]) for i in range(n)])).add(" |\n")
        out.add(border)
        if footer:
            out.add("%d row%s in set (%s sec)\n" % (nr, "" if nr == 1 else "s", elapsed))
    elif style == "ssms":
        out.add(" ".join(pad(H[i], W[i]).text for i in range(n)).rstrip() + "\n")
        out.add(" ".join("-" * W[i] for i in range(n)) + "\n")
        for r in Rw:
            out.add(join(" ", [pad(r[i], W[i], align[i]) for i in range(n)])).add("\n")
        if footer:
            out.add("\n(%d row%s affected)\n" % (nr, "" if nr == 1 else "s"))
    elif style == "sqlplus":
        out.add(" ".join(pad(Doc(H[i].text.upper()), W[i]).text for i in range(n)).rstrip() + "\n")
        out.add(" ".join("-" * W[i] for i in range(n)) + "\n")
        for r in Rw:
            out.add(join(" ", [pad(r[i], W[i], align[i]) for i in range(n)])).add("\n")
        if footer:
            out.add("\n%d row%s selected.\n" % (nr, "" if nr == 1 else "s"))
    elif style == "sqlite_box":
        out.add("┌" + "┬".join("─" * (W[i] + 2) for i in range(n)) + "┐\n")
        out.add("│ " + " │ ".join(pad(H[i], W[i], "^").text for i in range(n)) + " │\n")
        out.add("├" + "┼".join("─" * (W[i] + 2) for i in range(n)) + "┤\n")
        for r in Rw:
            out.add("│ ").add(join(" │ ", [pad(r[i], W[i], align[i]) for i in range(n)])).add(" │\n")
        out.add("└" + "┴".join("─" * (W[i] + 2) for i in range(n)) + "┘\n")
    elif style == "markdown":
        out.add("| " + " | ".join(h.text for h in H) + " |\n")
        out.add("|" + "|".join("---" if a != ">" else "---:" for a in align) + "|\n")
        for r in Rw:
            out.add("| ").add(join(" | ", r)).add(" |\n")
    elif style == "confluence":
        out.add("||" + "||".join(h.text for h in H) + "||\n")
        for r in Rw:
            out.add("|").add(join("|", [c if c.text else Doc(" ") for c in r])).add("|\n")
    elif style == "html":
        out.add("<table>\n<thead><tr>" + "".join("<th>%s</th>" % xml_esc(h.text) for h in H) + "</tr></thead>\n<tbody>\n")
        for r in Rw:
            out.add("<tr>")
            for c in r:
                out.add("<td>").add(c.map(xml_esc)).add("</td>")
            out.add("</tr>\n")
        out.add("</tbody>\n</table>\n")
    elif style in ("csv", "csvq"):
        q = style == "csvq"
        out.add(join(",", [csv_cell(h, q) for h in H])).add("\n")
        for r in Rw:
            out.add(join(",", [csv_cell(c, q) for c in r])).add("\n")
    elif style == "tsv":
        out.add("\t".join(h.text for h in H) + "\n")
        for r in Rw:
            out.add(join("\t", r)).add("\n")
    elif style == "pipe":
        out.add("|".join(h.text for h in H) + "\n")
        for r in Rw:
            out.add(join("|", r)).add("\n")
    elif style == "sqlcmd":
        out.add("|".join(h.text for h in H) + "\n")
        out.add("|".join("-" * max(3, dw(h.text)) for h in H) + "\n")
        for r in Rw:
            out.add(join("|", r)).add("\n")
        if footer:
            out.add("\n(%d rows affected)\n" % nr)
    else:
        raise ValueError(style)
    return out


def records(rows, style="psql_x"):
    """rows: list of list of (key, value).  Vertical record displays."""
    out = Doc()
    for idx, row in enumerate(rows, 1):
        kw = max(dw(k) for k, _ in row)
        if style == "psql_x":
            vw = max([dw(cd(v).text) for _, v in row] + [1])
            head = "-[ RECORD %d ]" % idx
            out.add(head + "-" * max(0, kw + 1 - len(head)) + "+" + "-" * (vw + 1) + "\n")
            for k, v in row:
                out.add(pad(k, kw)).add(" | ").add(cd(v)).add("\n")
        elif style == "mysql_G":
            out.add("*" * 27 + " %d. row " % idx + "*" * 27 + "\n")
            for k, v in row:
                out.add(pad(k, kw, ">")).add(": ").add(cd(v)).add("\n")
        elif style == "sqlite_line":
            if idx > 1:
                out.add("\n")
            for k, v in row:
                out.add(pad(k, kw, ">")).add(" = ").add(cd(v)).add("\n")
        elif style == "ps_fl":
            out.add("\n")
            for k, v in row:
                out.add(pad(k, kw)).add(" : ").add(cd(v)).add("\n")
        else:
            raise ValueError(style)
    if style == "mysql_G":
        out.add("%d row%s in set (0.00 sec)\n" % (len(rows), "" if len(rows) == 1 else "s"))
    if style == "psql_x" and not rows:
        out.add("(0 rows)\n")
    return out


class Raw:
    """An unquoted JSON value (number, literal) possibly labelled."""
    def __init__(self, d):
        self.d = cd(d)


def J(obj, indent=2, level=0, ascii_only=False, compact=False):
    if compact == "tight":
        sp_item, sp_key = ",", ":"
    else:
        sp_item, sp_key = ", ", ": "

    def esc(s):
        return json.dumps(s, ensure_ascii=ascii_only)[1:-1]

    def val(o, lv):
        if isinstance(o, Raw):
            return o.d
        if isinstance(o, Doc):
            return Doc('"', o.map(esc), '"')
        if isinstance(o, bool):
            return Doc("true" if o else "false")
        if o is None:
            return Doc("null")
        if isinstance(o, (int, float)):
            return Doc(json.dumps(o))
        if isinstance(o, str):
            return Doc(json.dumps(o, ensure_ascii=ascii_only))
        if isinstance(o, dict):
            if not o:
                return Doc("{}")
            if compact:
                return Doc("{", join(sp_item, [Doc(json.dumps(k), sp_key, val(v, lv + 1)) for k, v in o.items()]), "}")
            ind = " " * (indent * (lv + 1))
            return Doc("{\n", join(",\n", [Doc(ind, json.dumps(k), ": ", val(v, lv + 1)) for k, v in o.items()]),
                       "\n", " " * (indent * lv), "}")
        if isinstance(o, (list, tuple)):
            if not o:
                return Doc("[]")
            if compact:
                return Doc("[", join(sp_item, [val(v, lv + 1) for v in o]), "]")
            ind = " " * (indent * (lv + 1))
            return Doc("[\n", join(",\n", [Doc(ind, val(v, lv + 1)) for v in o]), "\n", " " * (indent * lv), "]")
        raise TypeError(type(o))
    return val(obj, level)


def jlines(doc):
    """Split a Doc into per-line Docs (for diffs)."""
    lines, cur = [], Doc()
    for s, l, k in doc.segs:
        parts = s.split("\n")
        for i, p in enumerate(parts):
            if i:
                lines.append(cur)
                cur = Doc()
            if p:
                cur.segs.append((p, l, k))
    lines.append(cur)
    return lines


def unlabel_phi(doc):
    d = Doc()
    d.segs = [(s, None if l == "phi" else l, None if l == "phi" else k) for s, l, k in doc.segs]
    return d


# ----------------------------------------------------------------------------------------------
# Hand-written name lists (no package lists).  Pairs are (romanised, native script).
# ----------------------------------------------------------------------------------------------
CULTURES = {
    "vietnamese": dict(
        m=["Minh", "Dũng", "Quang", "Tuấn", "Khoa", "Huy", "Phúc"],
        f=["Hồng", "Lan", "Thảo", "Ngọc", "Hương", "Mai", "Trang"],
        fam=["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"],
        mid_m=["Văn", "Đức", "Hữu", "Quốc"], mid_f=["Thị", "Ngọc", "Kim"], viet=True),
    "chinese": dict(
        m=[("Wei", "伟"), ("Jianguo", "建国"), ("Haoran", "浩然"), ("Zhiqiang", "志强"), ("Jun", "军")],
        f=[("Xiuying", "秀英"), ("Mei", "梅"), ("Yuxin", "雨欣"), ("Lihua", "丽华"), ("Fang", "芳")],
        fam=[("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Huang", "黄"), ("Zhou", "周")],
        native_order="fg", native_sep=""),
    "korean": dict(
        m=[("Min-jun", "민준"), ("Seo-jun", "서준"), ("Ji-hoon", "지훈"), ("Dong-hyun", "동현")],
        f=[("Ji-woo", "지우"), ("Seo-yeon", "서연"), ("Min-ji", "민지"), ("Eun-ji", "은지"), ("Soo-ah", "수아")],
        fam=[("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강")],
        native_order="fg", native_sep=""),
    "japanese": dict(
        m=[("Hiroshi", "博"), ("Kenji", "健二"), ("Takumi", "拓海"), ("Daisuke", "大輔"), ("Shota", "翔太")],
        f=[("Yuki", "由紀"), ("Haruka", "遥"), ("Aiko", "愛子"), ("Keiko", "恵子"), ("Misaki", "美咲")],
        fam=[("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Tanaka", "田中"), ("Watanabe", "渡辺"), ("Ito", "伊藤")],
        native_order="fg", native_sep=" "),
    "hindi": dict(
        m=[("Rahul", "राहुल"), ("Arjun", "अर्जुन"), ("Vikram", "विक्रम"), ("Sanjay", "संजय"), ("Rohit", "रोहित")],
        f=[("Priya", "प्रिया"), ("Ananya", "अनन्या"), ("Kavita", "कविता"), ("Sunita", "सुनीता"), ("Lakshmi", "लक्ष्मी")],
        fam=[("Sharma", "शर्मा"), ("Patel", "पटेल"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"), ("Verma", "वर्मा"), ("Iyer", "अय्यर")],
        native_order="gf", native_sep=" "),
    "arabic": dict(
        m=[("Youssef", "يوسف"), ("Omar", "عمر"), ("Khaled", "خالد"), ("Tariq", "طارق"), ("Hamza", "حمزة")],
        f=[("Layla", "ليلى"), ("Fatima", "فاطمة"), ("Mariam", "مريم"), ("Nour", "نور"), ("Rania", "رانيا")],
        fam=[("Haddad", "حداد"), ("Khalil", "خليل"), ("Mansour", "منصور"), ("Nasser", "ناصر"), ("Saleh", "صالح"), ("Al-Amin", "الأمين")],
        native_order="gf", native_sep=" "),
    "russian": dict(
        m=[("Dmitri", "Дмитрий"), ("Sergei", "Сергей"), ("Alexei", "Алексей"), ("Nikolai", "Николай")],
        f=[("Olga", "Ольга"), ("Tatiana", "Татьяна"), ("Natalia", "Наталья"), ("Svetlana", "Светлана")],
        fam=[("Smirnov", "Смирнов", "Smirnova", "Смирнова"), ("Ivanov", "Иванов", "Ivanova", "Иванова"),
             ("Kuznetsov", "Кузнецов", "Kuznetsova", "Кузнецова"), ("Sokolov", "Соколов", "Sokolova", "Соколова"),
             ("Volkov", "Волков", "Volkova", "Волкова")],
        native_order="gf", native_sep=" "),
    "greek": dict(
        m=[("Giorgos", "Γιώργος"), ("Dimitrios", "Δημήτριος"), ("Konstantinos", "Κωνσταντίνος"), ("Nikos", "Νίκος")],
        f=[("Eleni", "Ελένη"), ("Maria", "Μαρία"), ("Katerina", "Κατερίνα"), ("Sofia", "Σοφία")],
        fam=[("Papadopoulos", "Παπαδόπουλος", "Papadopoulou", "Παπαδοπούλου"), ("Georgiou", "Γεωργίου", "Georgiou", "Γεωργίου"),
             ("Nikolaidis", "Νικολαΐδης", "Nikolaidou", "Νικολαΐδου"), ("Karagiannis", "Καραγιάννης", "Karagianni", "Καραγιάννη")],
        native_order="gf", native_sep=" "),
    "hebrew": dict(
        m=[("Avraham", "אברהם"), ("Yosef", "יוסף"), ("Eitan", "איתן"), ("Moshe", "משה")],
        f=[("Noa", "נועה"), ("Tamar", "תמר"), ("Shira", "שירה"), ("Rivka", "רבקה")],
        fam=[("Levi", "לוי"), ("Cohen", "כהן"), ("Mizrahi", "מזרחי"), ("Peretz", "פרץ"), ("Friedman", "פרידמן")],
        native_order="gf", native_sep=" "),
    "thai": dict(
        m=[("Somchai", "สมชาย"), ("Anan", "อนันต์"), ("Kittisak", "กิตติศักดิ์"), ("Prasert", "ประเสริฐ")],
        f=[("Malee", "มาลี"), ("Siriporn", "ศิริพร"), ("Nittaya", "นิตยา"), ("Pranee", "ปราณี")],
        fam=[("Jaidee", "ใจดี"), ("Srisuk", "ศรีสุข"), ("Boonmee", "บุญมี"), ("Thongdee", "ทองดี"), ("Saetang", "แซ่ตั้ง")],
        native_order="gf", native_sep=" "),
    "amharic": dict(
        m=[("Dawit", "ዳዊት"), ("Yonas", "ዮናስ"), ("Abebe", "አበበ"), ("Tewodros", "ቴዎድሮስ")],
        f=[("Selam", "ሰላም"), ("Hirut", "ሂሩት"), ("Meron", "ሜሮን"), ("Tigist", "ትዕግሥት")],
        fam=[("Tesfaye", "ተስፋዬ"), ("Bekele", "በቀለ"), ("Haile", "ኃይሌ"), ("Girma", "ግርማ"), ("Alemu", "አለሙ")],
        native_order="gf", native_sep=" "),
    "polish": dict(
        m=["Łukasz", "Paweł", "Krzysztof", "Wojciech", "Bartłomiej"],
        f=["Zofia", "Małgorzata", "Agnieszka", "Katarzyna", "Jadwiga"],
        fam=[("Kowalski", "Kowalska"), ("Wróbel", "Wróbel"), ("Wiśniewski", "Wiśniewska"), ("Kamiński", "Kamińska"),
             ("Zieliński", "Zielińska"), ("Grzegorczyk", "Grzegorczyk"), ("Dąbrowski", "Dąbrowska")]),
    "mexican": dict(
        m=["José Luis", "Jesús", "Héctor", "Raúl", "Andrés", "Joaquín"],
        f=["María Guadalupe", "Ximena", "Mónica", "Inés", "Rocío", "Itzel"],
        fam=["Hernández", "García", "Ramírez", "Núñez", "Gutiérrez", "López", "Domínguez", "Peña"], double=True),
    "portuguese": dict(
        m=["João", "Sebastião", "Luís", "Rogério", "Tomé"],
        f=["Conceição", "Lúcia", "Gabriela", "Thaís", "Graça"],
        fam=["Gonçalves", "Magalhães", "Araújo", "Simões", "Assunção", "Conceição"]),
    "nigerian": dict(
        m=["Adébáyọ̀", "Olúwaṣeun", "Chukwuemeka", "Obinna", "Tunde"],
        f=["Ngozi", "Chiamaka", "Adaeze", "Fọlákẹ́", "Yetunde"],
        fam=["Ògúnlẹ́yẹ", "Adéyẹmí", "Okafor", "Eze", "Nwosu", "Balogun"]),
    "somali": dict(
        m=["Abdirahman", "Mohamed", "Hassan", "Abdullahi", "Liban"],
        f=["Hodan", "Faadumo", "Ayaan", "Sahra", "Hawa"],
        fam=["Warsame", "Abdi", "Farah", "Jama", "Hirsi", "Osman"]),
    "irish": dict(
        m=["Seán", "Ciarán", "Pádraig", "Eoin", "Tadhg"],
        f=["Siobhán", "Aoife", "Niamh", "Róisín", "Saoirse"],
        fam=["O'Connor", "Ó Briain", "MacCarthy", "O'Sullivan", "Fitzgerald", "Mac Giolla Phádraig"]),
    "german": dict(
        m=["Jürgen", "Günther", "Björn", "Lukas", "Matthäus"],
        f=["Käthe", "Hannelore", "Birgit", "Lea", "Jördis"],
        fam=["Müller", "Schäfer", "Weiß", "Groß", "Böhm", "Krüger"]),
    "turkish": dict(
        m=["Şükrü", "Oğuz", "Çağlar", "İsmail", "Mustafa"],
        f=["Ayşe", "Gülşen", "Özlem", "Şeyma", "Elif"],
        fam=["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Aydın"]),
    "hawaiian": dict(
        m=["Keoni", "Kawika", "Makoa", "Ikaika"],
        f=["Kaʻiulani", "Leilani", "Noelani", "Mālie"],
        fam=["Kahananui", "Kealoha", "Akana", "Kamakau", "Nāone"]),
    "filipino": dict(
        m=["Rodel", "Jericho", "Ramon", "Danilo", "Efren"],
        f=["Maria Luz", "Marites", "Rowena", "Jocelyn", "Lorna"],
        fam=["Dela Cruz", "Santos", "Bautista", "Villanueva", "De Leon", "Macaraeg"]),
    "dutch": dict(
        m=["Joris", "Maarten", "Sjoerd", "Pieter"],
        f=["Femke", "Marieke", "Annelies", "Ineke"],
        fam=["van der Berg", "de Vries", "van Dijk", "Bakker", "Jansen", "van 't Hof"]),
    "english_words": dict(
        m=["Will", "Grant", "Chase", "Mark", "Bill", "Sterling", "Frank", "Guy", "Rusty"],
        f=["Rose", "Hope", "Faith", "Joy", "Amber", "Dawn", "Ivy", "Summer", "April", "June", "Grace", "Crystal"],
        fam=["Hill", "Small", "Frost", "Young", "Bishop", "Hunter", "Baker", "Stone", "Marsh", "Lane", "Brook",
             "Little", "Price", "Hall", "Day", "Rich", "Wood", "Snow"]),
    "indonesian": dict(
        m=["Sukarno", "Wiranto", "Mulyono", "Sutrisno", "Bambang"],
        f=["Suharti", "Ratna", "Wartini", "Sumiati", "Kartini"], single=True),
    "us_general": dict(
        m=["Tyler", "DeShawn", "Cody", "Michael", "Jamal", "Brandon", "Earl"],
        f=["Brittany", "Latoya", "Jennifer", "Keisha", "Dolores", "Tammy", "Shanice"],
        fam=["Johnson", "Washington", "Anderson", "Thompson", "Robinson", "Jefferson", "McAllister", "Kowalczyk"]),
}
CULTURE_NAMES = list(CULTURES)

ASCII_MAP = {"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "ß": "ss", "ø": "o", "Ø": "O", "ı": "i", "ʻ": "", "İ": "I",
             "æ": "ae", "Æ": "AE"}


def fold(s):
    s = "".join(ASCII_MAP.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


STREETS = ["Maple", "Cedar Ridge", "Wabash", "Lincoln", "Harbor View", "Kalakaua", "Sycamore", "Pulaski",
           "Old Mill", "Juniper", "Magnolia", "Riverside", "Chestnut", "Dorchester", "Elm", "Prospect",
           "Willow Bend", "Hickory", "Bayshore", "Quarry", "Ashland", "Fulton", "Kingsbury", "Larkspur"]
SUFFIX = ["St", "Ave", "Rd", "Blvd", "Dr", "Ln", "Ct", "Way", "Pl", "Street", "Avenue", "Terrace", "Pkwy"]
UNITS = ["Apt 4B", "Apt 12", "Unit 3", "#305", "Apt 2R", "Ste 110", "Unit B", "Apt 1F", "Lot 47"]
CITIES = [("Dorchester", "MA", "021"), ("Cicero", "IL", "608"), ("Tacoma", "WA", "984"), ("Hialeah", "FL", "330"),
          ("Garden Grove", "CA", "928"), ("Flushing", "NY", "113"), ("Dearborn", "MI", "481"), ("Hilo", "HI", "967"),
          ("Minneapolis", "MN", "554"), ("Gresham", "OR", "970"), ("Pasadena", "TX", "775"), ("Decatur", "GA", "300"),
          ("Paterson", "NJ", "075"), ("Aurora", "CO", "800"), ("Lowell", "MA", "018"), ("Hamtramck", "MI", "482"),
          ("Fresno", "CA", "937"), ("Columbus", "OH", "432"), ("Silver Spring", "MD", "209"), ("Anchorage", "AK", "995"),
          ("Paradise", "NV", "891"), ("Independence", "MO", "640"), ("Providence", "RI", "029"), ("Worcester", "MA", "016")]
AREA = ["617", "312", "206", "305", "714", "718", "313", "808", "612", "503", "713", "404", "973", "720", "978",
        "559", "614", "301", "907", "702", "816", "401", "508", "347"]
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "proton.me", "hotmail.com", "aol.com"]

FACILITIES = ["Cedar Valley Health", "Mercy Lakes Hospital", "St. Brigid Medical Center", "North Fork Community Hospital",
              "Bayside Children's Hospital", "Riverbend Family Clinic", "Oak Prairie Medical Group",
              "Lakeshore Regional Medical Center", "Sunrise Kidney Center", "Pinecrest Behavioral Health"]
FAC_CODES = ["CVH", "MLH", "SBMC", "NFCH", "BCH", "RFC", "OPMG", "LRMC", "SKC", "PBH"]
FAC_ADDR = ["1200 Harbor Blvd, Suite 300, Oakland, CA 94607", "880 W Roosevelt Rd, Chicago, IL 60608",
            "45 Hospital Dr, Cedar Rapids, IA 52403", "2100 Medical Pkwy, Tacoma, WA 98405",
            "600 Gateway Blvd, Decatur, GA 30030", "17 Clinic Way, Lowell, MA 01852"]
PAYERS = [("Blue Cross Blue Shield of Illinois", "BCBSIL", "800-676-2583"), ("Aetna Better Health", "AETNA", "800-306-8612"),
          ("UnitedHealthcare Community Plan", "UHC", "877-542-9238"), ("MassHealth", "MAHLTH", "800-841-2900"),
          ("Humana Gold Plus HMO", "HUMANA", "800-457-4708"), ("Cigna Healthcare", "CIGNA", "800-997-1654"),
          ("Molina Healthcare of Washington", "MOLINA", "800-869-7165"), ("Medicare Part B", "MEDICARE", "800-633-4227")]
CONDITIONS = [("Type 2 diabetes mellitus without complications", "E11.9"), ("Essential (primary) hypertension", "I10"),
              ("Pneumonia, unspecified organism", "J18.9"), ("Heart failure, unspecified", "I50.9"),
              ("COPD with (acute) exacerbation", "J44.1"), ("Acute kidney failure, unspecified", "N17.9"),
              ("Unspecified atrial fibrillation", "I48.91"), ("Urinary tract infection, site not specified", "N39.0"),
              ("Major depressive disorder, single episode", "F32.9"), ("Sepsis, unspecified organism", "A41.9"),
              ("Fracture of unspecified part of neck of left femur, initial", "S72.002A"), ("Chest pain, unspecified", "R07.9"),
              ("Cellulitis of right lower limb", "L03.115"), ("Hypothyroidism, unspecified", "E03.9")]
SHORT_COND = ["CHF exacerbation", "NSTEMI", "DKA", "COPD flare", "sepsis", "hip fracture", "CAP", "AKI on CKD 3",
              "new-onset AFib", "pyelonephritis", "syncope", "GI bleed", "stroke (L MCA)", "cellulitis"]
MEDS = ["metformin 500 mg", "lisinopril 10 mg", "apixaban 5 mg", "atorvastatin 40 mg", "furosemide 40 mg",
        "insulin glargine 20 units", "ceftriaxone 1 g", "piperacillin-tazobactam 4.5 g", "sertraline 50 mg",
        "levothyroxine 75 mcg", "amoxicillin 875 mg", "ondansetron 4 mg", "warfarin 5 mg", "prednisone 40 mg"]
CPTS = [("99213", "Office/outpatient visit est, low MDM"), ("99285", "ED visit, high MDM"), ("71046", "X-ray chest 2 views"),
        ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ auto diff"), ("93000", "ECG routine w/ interp"),
        ("74177", "CT abd & pelvis w/ contrast"), ("36415", "Routine venipuncture"), ("99223", "Initial hospital care, high"),
        ("97110", "Therapeutic exercises"), ("G0439", "Annual wellness visit, subsequent")]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99"), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3"),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0"), ("2823-3", "Potassium", "mmol/L", "3.5-5.1"),
        ("2951-2", "Sodium", "mmol/L", "135-145"), ("6690-2", "WBC", "10*3/uL", "4.0-11.0"),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6"), ("33762-6", "NT-proBNP", "pg/mL", "<125")]
EXAMS = ["CT HEAD WO CONTRAST", "CT ABD/PELVIS W CONTRAST", "XR CHEST 2 VIEWS", "MR BRAIN W/WO CONTRAST",
         "US ABDOMEN COMPLETE", "CTA CHEST PE PROTOCOL", "XR HIP LEFT 2 VIEWS", "MRI LUMBAR SPINE WO"]
RELATIONS = [("MTH", "Mother"), ("FTH", "Father"), ("SPO", "Spouse"), ("DAU", "Daughter"), ("SON", "Son"),
             ("SIS", "Sister"), ("BRO", "Brother"), ("GRD", "Guardian"), ("EMC", "Emergency Contact")]


# ----------------------------------------------------------------------------------------------
# Identifiers, dates, people
# ----------------------------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEST_SSNS = {"123-45-6789", "078-05-1120", "219-09-9999", "111-11-1111"}
MBI_A = "ACDEFGHJKMNPQRTUVWXY"          # CMS: no S L O I B Z
MBI_AN = MBI_A + "0123456789"


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


def fdate(d, style):
    y, m, dd = d.year, d.month, d.day
    mon = MONTHS[m - 1]
    return {
        "iso": "%04d-%02d-%02d" % (y, m, dd),
        "us": "%02d/%02d/%04d" % (m, dd, y),
        "us_nopad": "%d/%d/%04d" % (m, dd, y),
        "us_short": "%d/%d/%02d" % (m, dd, y % 100),
        "hl7": "%04d%02d%02d" % (y, m, dd),
        "eu_dot": "%02d.%02d.%04d" % (dd, m, y),
        "eu_slash": "%02d/%02d/%04d" % (dd, m, y),
        "dmy_mon": "%02d-%s-%04d" % (dd, mon[:3], y),
        "oracle": "%02d-%s-%02d" % (dd, mon[:3].upper(), y % 100),
        "long": "%s %d, %04d" % (mon, dd, y),
        "mon_d_y": "%s %d, %04d" % (mon[:3], dd, y),
        "d_month_y": "%d %s %04d" % (dd, mon, y),
        "sql_dt": "%04d-%02d-%02d 00:00:00.000" % (y, m, dd),
        "iso_ts": "%04d-%02d-%02dT00:00:00Z" % (y, m, dd),
        "dashes_us": "%02d-%02d-%04d" % (m, dd, y),
    }[style]


DATE_STYLES = ["iso", "us", "us_nopad", "us_short", "eu_dot", "dmy_mon", "long", "mon_d_y", "d_month_y", "dashes_us"]


class Person:
    def __init__(self, g, culture=None, sex=None, old=False, family_from=None, age_range=None):
        r = g.r
        self.g = g
        self.culture = culture or r.choice(CULTURE_NAMES)
        c = CULTURES[self.culture]
        self.sex = sex or r.choice("FM")
        pool = c["f"] if self.sex == "F" else c["m"]
        gv = r.choice(pool)
        self.native = None
        self.single = bool(c.get("single"))
        self.middle = ""
        if isinstance(gv, tuple):
            self.given, ngiven = gv
        else:
            self.given, ngiven = gv, None
        if self.single:
            self.family = ""
        elif family_from is not None and family_from.culture == self.culture and not c.get("double"):
            self.family = family_from.family
            self._nfam = getattr(family_from, "_nfam", None)
        else:
            fv = r.choice(c["fam"])
            if c.get("double"):
                a, b = r.sample(c["fam"], 2)
                self.family, self._nfam = "%s %s" % (a, b), None
            elif isinstance(fv, tuple) and len(fv) == 4:
                self.family, self._nfam = (fv[2], fv[3]) if self.sex == "F" else (fv[0], fv[1])
            elif isinstance(fv, tuple) and len(fv) == 2 and self.culture == "polish":
                self.family, self._nfam = (fv[1] if self.sex == "F" else fv[0]), None
            elif isinstance(fv, tuple):
                self.family, self._nfam = fv
            else:
                self.family, self._nfam = fv, None
        if c.get("viet"):
            self.middle = r.choice(c["mid_f"] if self.sex == "F" else c["mid_m"])
            self.native = "%s %s %s" % (self.family, self.middle, self.given)
        elif ngiven and getattr(self, "_nfam", None):
            a, b = (self._nfam, ngiven) if c.get("native_order") == "fg" else (ngiven, self._nfam)
            self.native = a + c.get("native_sep", " ") + b
        elif not self.single and r.random() < 0.35:
            self.middle = r.choice("ABCDEFGHJKLMNRSTW")
        # dates and identifiers
        today = g.today
        if age_range:
            lo, hi = age_range
        elif old or r.random() < 0.05:
            lo, hi = 90, 103
        else:
            lo, hi = r.choice([(0, 17), (18, 64), (18, 64), (40, 88), (65, 89)])
        age = r.randint(lo, hi)
        self.dob = today - timedelta(days=age * 365 + r.randint(1, 360))
        self.age = (today - self.dob).days // 365
        self.mrn = g.mrn()
        self.ssn = g.ssn()
        self.phone = g.phone_parts()
        self.phone2 = g.phone_parts()
        city, st, zp = r.choice(CITIES)
        self.street = "%d %s %s" % (r.randint(3, 9899), r.choice(STREETS), r.choice(SUFFIX))
        self.unit = r.choice(UNITS) if r.random() < 0.4 else ""
        self.city, self.state = city, st
        self.zip = zp + "%02d" % r.randint(1, 98)
        self.zip4 = self.zip + "-%04d" % r.randint(1, 9998)
        self.email = g.email_for(self)
        self.member = g.member_id()
        self.mbi = g.mbi()
        self.account = g.account()
        self.visit = str(r.randint(1000000000, 3999999999))
        self.ip = g.public_ip()
        self.dl = "%s%07d" % (r.choice("ABDFGHKLMNPRSTW"), r.randint(1000000, 9999999))
        self.fold_hl7 = r.random() < 0.7

    # --- names -------------------------------------------------------------------------------
    def n(self, style="gf"):
        g, f, m = self.given, self.family, self.middle
        if self.single:
            return {"hl7": g.upper() + "^FNU", "x12": g.upper(), "dicom": g.upper(), "DICOM": g.upper(), "fg_comma": g,
                    "FG": g.upper(), "FG_nospace": g.upper(), "native": g, "initial": g, "given": "FNU", "GIVEN": "FNU",
                    "family": g, "GF": g.upper(), "FAMILY": g.upper(), "first": g}.get(style, g)
        up = (lambda s: fold(s).upper()) if self.fold_hl7 else (lambda s: s.upper())
        mi = m[:1] if m else ""
        return {
            "gf": "%s %s" % (g, f),
            "gmf": ("%s %s %s" % (g, m if self.native and self.culture == "vietnamese" else (mi + "."), f)) if m else "%s %s" % (g, f),
            "fg_comma": "%s, %s" % (f, g),
            "fgm_comma": ("%s, %s %s" % (f, g, mi)) if mi else "%s, %s" % (f, g),
            "FG": "%s, %s" % (up(f), up(g)),
            "FG_nospace": "%s,%s" % (up(f), up(g)),
            "GF": "%s %s" % (up(g), up(f)),
            "hl7": "^".join(x for x in (up(f), up(g), up(mi) if (mi and self.culture != "vietnamese") else up(m)) if x) if m else "%s^%s" % (up(f), up(g)),
            "x12": ("%s*%s*%s" % (up(f), up(g), up(mi))) if mi else "%s*%s" % (up(f), up(g)),
            "dicom": ("%s^%s" % (f, g)) if not self.native or self.culture == "vietnamese" else "%s^%s=%s" % (fold(f), fold(g), self._dicom_ideo()),
            "DICOM": "%s^%s" % (up(f), up(g)),
            "native": self.native or "%s %s" % (g, f),
            "initial": "%s. %s" % (g[0], f),
            "given": g,
            "first": g,
            "family": f,
            "FAMILY": up(f),
            "GIVEN": up(g),
            "ascii": "%s %s" % (fold(g), fold(f)),
        }[style]

    def _dicom_ideo(self):
        c = CULTURES[self.culture]
        nat = self.native
        if c.get("native_order") == "fg" and c.get("native_sep", " ") == "":
            nf = self._nfam
            return "%s^%s" % (nf, nat[len(nf):])
        parts = nat.split(" ", 1)
        if c.get("native_order") == "fg":
            return "%s^%s" % (parts[0], parts[1])
        return "%s^%s" % (parts[1], parts[0]) if len(parts) == 2 else nat

    def N(self, style="gf"):
        v = self.n(style)
        if v == "FNU":                      # "first name unknown" placeholder of single-name people
            return Doc(v)
        return P(v, "person_name")

    def title(self):
        return D({"F": self.g.r.choice(["Mrs.", "Ms."]), "M": "Mr."}[self.sex], "title")

    # --- other phi ---------------------------------------------------------------------------
    def DOB(self, style="iso"):
        return P(fdate(self.dob, style), "date")

    def PHONE(self, style=None, second=False):
        return P(self.g.fmt_phone(self.phone2 if second else self.phone, style), "phone")

    def MRN(self):
        return P(self.mrn, "mrn")

    def SSN(self, dashed=True):
        return P(self.ssn if dashed else self.ssn.replace("-", ""), "ssn")

    def EMAIL(self):
        return P(self.email, "email")

    def STREET(self, with_unit=True):
        return P(self.street + ((" " + self.unit) if (with_unit and self.unit) else ""), "street_address")

    def CITY(self):
        return P(self.city, "street_address")

    def STATE(self):
        return D(self.state, "state")

    def ZIP(self, plus4=False):
        return P(self.zip4 if plus4 else self.zip, "zip_code")

    def ADDR(self, sep=", "):
        return Doc(self.STREET(), sep, self.CITY(), ", ", self.STATE(), " ", self.ZIP())

    def MEMBER(self):
        return P(self.member, "health_plan_id")

    def MBI(self, dashed=False):
        v = self.mbi
        if dashed:
            v = v[:4] + "-" + v[4:7] + "-" + v[7:]
        return P(v, "medicare_mbi")

    def ACCT(self):
        return P(self.account, "account_number")

    def VISIT(self):
        return P(self.visit, "account_number")

    def IP(self):
        return P(self.ip, "ip_address")

    def AGE90(self, suffix=""):
        return P("%d%s" % (self.age, suffix), "age_over_89")

    def AGE(self, suffix=""):
        """Age as written; PHI only when 90 or over."""
        s = "%d%s" % (self.age, suffix)
        return P(s, "age_over_89") if self.age >= 90 else Doc(s)


class Staff:
    def __init__(self, g, role=None):
        r = g.r
        p = Person(g, age_range=(30, 60))
        while p.single:
            p = Person(g, age_range=(30, 60))
        self.given, self.family = p.given, p.family
        self.cred = role or r.choice(["MD", "DO", "RN", "NP", "PA-C", "MD", "RN, BSN", "PharmD"])
        base = fold(self.given.split()[0]).lower().replace("'", "")
        fam = fold(self.family).lower().replace(" ", "").replace("'", "").replace("-", "") or "x"
        self.handle = "%s.%s" % (base, fam)
        self.user = (base[0] + fam)[:8]
        self.email = "%s@%s" % (self.handle, g.org_domain)
        self.ext = "x%d" % r.randint(2000, 7999)
        self.pager = "%s-%s-%04d" % (r.choice(AREA), g.exchange(), r.randint(1000, 9999))
        self.npi = g.npi()

    def n(self, style="gf"):
        f = self.family or self.given
        return {"gf": "%s %s" % (self.given, self.family) if self.family else self.given,
                "dr": "Dr. %s" % f,
                "fg": "%s, %s" % (f, self.given),
                "cred": "%s %s, %s" % (self.given, self.family, self.cred) if self.family else "%s, %s" % (self.given, self.cred),
                "hl7": "%s^%s" % (fold(f).upper(), fold(self.given).upper()),
                "FG": "%s, %s" % (fold(f).upper(), fold(self.given).upper()),
                "initial": "%s. %s" % (self.given[0], f),
                "handle": self.handle,
                "first": self.given}[style]

    def N(self, style="gf"):
        return D(self.n(style), "person_name")

    def MAIL(self):
        return D(self.email, "staff_contact")

    def EXT(self):
        return D(self.ext, "staff_contact")

    def PAGER(self):
        return D(self.pager, "staff_contact")

    def NPI(self):
        return D(self.npi, "npi")


class G:
    """Per-document random source and value factory."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        r = self.r
        self.today = date(2024, 1, 8) + timedelta(days=r.randint(0, 1050))
        self.clock = datetime(self.today.year, self.today.month, self.today.day, r.randint(6, 20), r.randint(0, 59), r.randint(0, 59))
        self.fac_i = r.randrange(len(FACILITIES))
        self.fac = FACILITIES[self.fac_i]
        self.fac_code = FAC_CODES[self.fac_i]
        self.org_domain = r.choice(["cedarvalleyhealth.org", "mercylakes.org", "stbrigidmc.org", "nfch.org",
                                    "baysidechildrens.org", "oakprairiemg.com", "lrmc-health.org"])
        self.mrn_style = r.choice(["n8", "n7", "E7", "M9", "n10", "dash"])

    # --- helpers -----------------------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def person(self, **kw):
        return Person(self, **kw)

    def staff(self, role=None):
        return Staff(self, role)

    def FAC(self):
        return D(self.fac, "facility")

    def exchange(self):
        while True:
            e = "%d%d%d" % (self.r.randint(2, 9), self.r.randint(0, 9), self.r.randint(0, 9))
            if e != "555" and e[1:] != "11":
                return e

    def phone_parts(self):
        return (self.r.choice(AREA), self.exchange(), "%04d" % self.r.randint(1000, 9999))

    def fmt_phone(self, p, style=None):
        a, e, n = p
        style = style or self.r.choice(["paren", "dash", "dot", "plus", "paren_nospace", "dash"])
        return {"paren": "(%s) %s-%s" % (a, e, n), "dash": "%s-%s-%s" % (a, e, n), "dot": "%s.%s.%s" % (a, e, n),
                "plus": "+1 %s %s %s" % (a, e, n), "paren_nospace": "(%s)%s-%s" % (a, e, n), "digits": a + e + n,
                "e164": "+1" + a + e + n, "local": "%s-%s" % (e, n), "plus_dash": "+1-%s-%s-%s" % (a, e, n)}[style]

    def test_phone(self):
        return "(%s) 555-01%02d" % (self.r.choice(AREA), self.r.randint(0, 99))

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a == 666:
                continue
            v = "%03d-%02d-%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
            if v not in TEST_SSNS:
                return v

    def mbi(self):
        r = self.r
        d = "0123456789"
        while True:
            v = "".join([r.choice("123456789"), r.choice(MBI_A), r.choice(MBI_AN), r.choice(d), r.choice(MBI_A),
                         r.choice(MBI_AN), r.choice(d), r.choice(MBI_A), r.choice(MBI_A), r.choice(d), r.choice(d)])
            if v != "1EG4TE5MK73":
                return v

    def npi(self):
        body = str(self.r.randint(100000000, 299999999))
        return body + luhn_digit("80840" + body)

    def card(self):
        body = self.r.choice(["4", "51", "37"]) + "".join(str(self.r.randint(0, 9)) for _ in range(13))
        body = body[:15] if not body.startswith("37") else body[:14]
        return body + luhn_digit(body)

    def mrn(self, style=None):
        r = self.r
        s = style or self.mrn_style
        return {"n8": "%08d" % r.randint(10000000, 99999999), "n7": "%07d" % r.randint(1000000, 9999999),
                "E7": "E%07d" % r.randint(1000000, 9999999), "M9": "M%09d" % r.randint(100000000, 999999999),
                "n10": "%010d" % r.randint(100000000, 9999999999), "dash": "%03d-%02d-%02d" % (r.randint(100, 999), r.randint(10, 99), r.randint(10, 99))}[s]

    def member_id(self):
        r = self.r
        k = r.randrange(5)
        L = "ABCDEFGHJKMNPRSTUVWXYZ"
        if k == 0:
            return "%s%s%s%09d" % (r.choice(L), r.choice(L), r.choice(L), r.randint(0, 999999999))
        if k == 1:
            return "W%09d" % r.randint(100000000, 999999999)
        if k == 2:
            return "%d%s" % (r.randint(100000000, 999999999), r.choice(["01", "00", "02"]))
        if k == 3:
            return "ZGP%08d" % r.randint(10000000, 99999999)
        return "H%d%s" % (r.randint(10000000, 99999999), r.choice(L))

    def account(self):
        r = self.r
        return r.choice(["%010d" % r.randint(1000000000, 9999999999), "A%08d" % r.randint(10000000, 99999999),
                         "%d" % r.randint(30000000, 39999999), "HAR%09d" % r.randint(100000000, 999999999)])

    def claim_no(self):
        r = self.r
        return r.choice(["%d%03d%07d" % (self.today.year % 100, r.randint(1, 365), r.randint(0, 9999999)),
                         "%dE%06d" % (r.randint(2400, 2699), r.randint(0, 999999)),
                         "CLM-%08d" % r.randint(10000000, 99999999)])

    def public_ip(self):
        r = self.r
        return "%d.%d.%d.%d" % (r.choice([73, 98, 24, 174, 67, 71, 108, 76, 99, 47]), r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))

    def server_ip(self):
        r = self.r
        return r.choice(["10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 250)),
                         "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 250)),
                         "192.168.%d.%d" % (r.randint(0, 20), r.randint(2, 250))])

    def email_for(self, p):
        r = self.r
        gi = fold(p.given.split()[0]).lower().replace("'", "")
        fa = fold(p.family).lower().replace(" ", "").replace("'", "").replace("-", "") if p.family else ""
        local = r.choice([gi + "." + fa if fa else gi + str(r.randint(10, 99)),
                          gi[0] + fa + str(r.randint(1, 99)) if fa else gi + "_" + str(r.randint(100, 999)),
                          (fa or gi) + gi[:1] + str(p.dob.year % 100 if hasattr(p, "dob") else r.randint(10, 99)),
                          gi + str(r.randint(1960, 2009))])
        return local + "@" + r.choice(MAIL_DOMAINS)

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.r.choice("89ab"), h[17:20], h[20:32])

    def hexid(self, n=16):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def tick(self, lo=0, hi=90):
        self.clock += timedelta(seconds=self.r.randint(lo, hi), milliseconds=self.r.randint(0, 999))
        return self.clock

    def ts(self, style="iso", lo=0, hi=90):
        t = self.tick(lo, hi)
        ms = t.microsecond // 1000
        return {"iso": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ms,
                "space": t.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % ms,
                "spacedot": t.strftime("%Y-%m-%d %H:%M:%S") + ".%03d" % ms,
                "plain": t.strftime("%Y-%m-%d %H:%M:%S"),
                "hl7": t.strftime("%Y%m%d%H%M%S"),
                "us": t.strftime("%m/%d/%Y %I:%M:%S %p"),
                "syslog": t.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if t.day < 10 else t.strftime("%b %d %H:%M:%S"),
                "rfc2822": t.strftime("%a, %d %b %Y %H:%M:%S -0500"),
                "splunk": t.strftime("%m/%d/%Y %H:%M:%S.") + "%03d" % ms,
                "epoch": str(int(t.timestamp()))}[style]

    def past(self, lo=0, hi=30):
        return self.today - timedelta(days=self.r.randint(lo, hi))

    def ctrl(self):
        return "%s%08d" % (self.r.choice(["MSG", "", "ADT", "Q"]), self.r.randint(1000, 99999999))


# ----------------------------------------------------------------------------------------------
# HL7 v2: structured segments, raw and tree renderings
# ----------------------------------------------------------------------------------------------
XPN = {1: "Family Name", 2: "Given Name", 3: "Second and Further Given Names", 5: "Prefix"}
XAD = {1: "Street Address", 2: "Other Designation", 3: "City", 4: "State or Province", 5: "Zip or Postal Code", 6: "Country"}
XTN = {1: "Telephone Number", 2: "Telecommunication Use Code", 3: "Telecommunication Equipment Type", 4: "Email Address",
       5: "Country Code", 6: "Area/City Code", 7: "Local Number"}
CX = {1: "ID Number", 4: "Assigning Authority", 5: "Identifier Type Code"}
XCN = {1: "ID Number", 2: "Family Name", 3: "Given Name", 6: "Prefix"}
CE = {1: "Identifier", 2: "Text", 3: "Name of Coding System"}
HL7_FIELDS = {
    "MSH": {3: ("Sending Application", {}), 4: ("Sending Facility", {}), 5: ("Receiving Application", {}),
            6: ("Receiving Facility", {}), 7: ("Date/Time of Message", {}),
            9: ("Message Type", {1: "Message Code", 2: "Trigger Event", 3: "Message Structure"}),
            10: ("Message Control ID", {}), 11: ("Processing ID", {}), 12: ("Version ID", {})},
    "EVN": {1: ("Event Type Code", {}), 2: ("Recorded Date/Time", {}), 5: ("Operator ID", XCN)},
    "PID": {1: ("Set ID - PID", {}), 2: ("Patient ID", CX), 3: ("Patient Identifier List", CX), 5: ("Patient Name", XPN),
            6: ("Mother's Maiden Name", XPN), 7: ("Date/Time of Birth", {}), 8: ("Administrative Sex", {}),
            10: ("Race", CE), 11: ("Patient Address", XAD), 13: ("Phone Number - Home", XTN),
            14: ("Phone Number - Business", XTN), 15: ("Primary Language", CE), 16: ("Marital Status", CE),
            18: ("Patient Account Number", CX), 19: ("SSN Number - Patient", {}), 20: ("Driver's License Number", {})},
    "PD1": {4: ("Patient Primary Care Provider", XCN)},
    "NK1": {1: ("Set ID - NK1", {}), 2: ("Name", XPN), 3: ("Relationship", CE), 4: ("Address", XAD),
            5: ("Phone Number", XTN), 7: ("Contact Role", CE)},
    "PV1": {1: ("Set ID - PV1", {}), 2: ("Patient Class", {}), 3: ("Assigned Patient Location", {1: "Point of Care", 2: "Room", 3: "Bed", 4: "Facility"}),
            4: ("Admission Type", {}), 7: ("Attending Doctor", XCN), 10: ("Hospital Service", {}),
            19: ("Visit Number", CX), 44: ("Admit Date/Time", {}), 45: ("Discharge Date/Time", {})},
    "IN1": {1: ("Set ID - IN1", {}), 2: ("Health Plan ID", CE), 3: ("Insurance Company ID", CX), 4: ("Insurance Company Name", {}),
            7: ("Insurance Co Phone Number", XTN), 8: ("Group Number", {}), 12: ("Plan Effective Date", {}),
            16: ("Name Of Insured", XPN), 17: ("Insured's Relationship To Patient", CE), 18: ("Insured's Date Of Birth", {}),
            36: ("Policy Number", {})},
    "DG1": {1: ("Set ID - DG1", {}), 3: ("Diagnosis Code - DG1", CE), 5: ("Diagnosis Date/Time", {}), 6: ("Diagnosis Type", {})},
    "ORC": {1: ("Order Control", {}), 2: ("Placer Order Number", {}), 3: ("Filler Order Number", {}),
            9: ("Date/Time of Transaction", {}), 12: ("Ordering Provider", XCN)},
    "OBR": {1: ("Set ID - OBR", {}), 2: ("Placer Order Number", {}), 3: ("Filler Order Number", {}),
            4: ("Universal Service Identifier", CE), 7: ("Observation Date/Time", {}), 16: ("Ordering Provider", XCN),
            25: ("Result Status", {})},
    "OBX": {1: ("Set ID - OBX", {}), 2: ("Value Type", {}), 3: ("Observation Identifier", CE), 5: ("Observation Value", {}),
            6: ("Units", CE), 7: ("References Range", {}), 8: ("Abnormal Flags", {}), 11: ("Observation Result Status", {}),
            14: ("Date/Time of the Observation", {})},
    "TXA": {1: ("Set ID - TXA", {}), 2: ("Document Type", {}), 3: ("Document Content Presentation", {}),
            4: ("Activity Date/Time", {}), 5: ("Primary Activity Provider Code/Name", XCN),
            12: ("Unique Document Number", {}), 17: ("Document Completion Status", {})},
    "MRG": {1: ("Prior Patient Identifier List", CX), 3: ("Prior Patient Account Number", CX)},
    "MSA": {1: ("Acknowledgment Code", {}), 2: ("Message Control ID", {}), 3: ("Text Message", {})},
    "ERR": {3: ("HL7 Error Code", CE), 4: ("Severity", {}), 8: ("User Message", {})},
    "AL1": {1: ("Set ID - AL1", {}), 2: ("Allergen Type Code", CE), 3: ("Allergen Code/Mnemonic/Description", CE), 4: ("Allergy Severity Code", CE)},
}


class Seg:
    def __init__(self, name, fields):
        self.name = name
        self.fields = fields          # dict idx -> value (str | Doc | list of comps)

    def raw(self):
        if self.name == "MSH":
            d = Doc("MSH|^~\\&")
            start = 3
        else:
            d = Doc(self.name)
            start = 1
        last = max(self.fields) if self.fields else 0
        for i in range(start, last + 1):
            d.add("|")
            v = self.fields.get(i)
            if isinstance(v, list):
                while v and not cd(v[-1]).text:
                    v = v[:-1]
                d.add(join("^", v))
            else:
                d.add(cd(v))
        return merge_name_runs(d)


def seg(name, **kw):
    return Seg(name, {int(k[1:]): v for k, v in kw.items()})


def hl7_raw(segs, sep="\n"):
    return join(sep, [s.raw() for s in segs])


def ptx(pt, use="PRN", equip="PH", second=False):
    a, e, n = pt.phone2 if second else pt.phone
    return ["", use, equip, "", "1", P(a, "phone"), P(e + n, "phone")]


def ptx_old(pt, g):
    return [pt.PHONE("paren_nospace")]


def msh(g, typ, ctrl=None, app=("EPIC", "ADT"), recv=("MIRTH", "LAB"), version="2.5.1"):
    ctrl = ctrl or g.ctrl()
    return seg("MSH", f3=app[0], f4=g.fac_code, f5=recv[0], f6=recv[1], f7=D(g.ts("hl7", 0, 5), "date"),
               f9=typ.split("^"), f10=ctrl, f11="P", f12=version)


def pid(g, pt, full=True, hl7_dob=True):
    f = {"f1": "1", "f3": [pt.MRN(), "", "", g.fac_code, "MR"], "f5": [P(x, "person_name") for x in pt.n("hl7").split("^")],
         "f7": pt.DOB("hl7"), "f8": pt.sex}
    if full:
        f["f11"] = [pt.STREET(False), P(pt.unit, "street_address") if pt.unit else "", pt.CITY(), pt.STATE(), pt.ZIP(), "USA"]
        f["f13"] = ptx(pt) if g.r.random() < 0.6 else ptx_old(pt, g)
        f["f15"] = g.pick(["ENG", "SPA", "VIE", "ZHO", "ARA", "RUS", "KOR", "SOM"])
        f["f18"] = [pt.ACCT()]
        if g.r.random() < 0.6:
            f["f19"] = pt.SSN()
    return seg("PID", **f)


def pv1(g, pt, admit=None, disch=None, att=None, cls=None):
    att = att or g.staff("MD")
    admit = admit or g.past(0, 6)
    f = {"f1": "1", "f2": cls or g.pick(["I", "E", "O"]), "f3": [g.pick(["4W", "ICU", "ED", "5N", "MS3"]), str(g.r.randint(400, 560)), g.pick("ABCD"), g.fac_code],
         "f7": [att.NPI(), D(fold(att.family or att.given).upper(), "person_name"), D(fold(att.given).upper(), "person_name"), "", "", "DR"],
         "f10": g.pick(["MED", "SUR", "CAR", "ONC", "EMR"]), "f19": [pt.VISIT()],
         "f44": P(fdate(admit, "hl7") + "%02d%02d" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date")}
    if disch:
        f["f45"] = P(fdate(disch, "hl7") + "%02d%02d" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date")
    return seg("PV1", **f)


def nk1(g, pt, rel):
    code, text = rel_word(g, rel)
    return seg("NK1", f1="1", f2=[P(x, "person_name") for x in rel.n("hl7").split("^")], f3=[code, text],
               f5=ptx(rel, "PRN"))


def in1(g, pt):
    name, pid_, phone = g.pick(PAYERS)
    return seg("IN1", f1="1", f2=[g.pick(["GOLDPPO", "MCD01", "HMO-STD", "MAPD"])], f3=[pid_], f4=name, f7=phone,
               f8=D("GRP%05d" % g.r.randint(1000, 99999), "group_number"),
               f12=D(fdate(date(g.today.year, 1, 1), "hl7"), "date"),
               f16=[P(x, "person_name") for x in pt.n("hl7").split("^")], f17=["SEL", "Self"],
               f18=pt.DOB("hl7"), f36=pt.MEMBER())


def dg1(g, when):
    c, code = g.pick(CONDITIONS)
    return seg("DG1", f1="1", f3=[D(code, "diagnosis_code"), D(c, "condition"), "I10"], f5=P(fdate(when, "hl7"), "date"), f6="A")


def obr_obx(g, pt, when, n=3):
    ordering = g.staff("MD")
    tm = fdate(when, "hl7") + "%02d%02d" % (g.r.randint(0, 23), g.r.randint(0, 59))
    segs = [seg("ORC", f1="RE", f2=D("ORD%07d" % g.r.randint(0, 9999999), "order_number"), f3=D("F%08d" % g.r.randint(0, 99999999), "order_number"),
                f9=D(g.ts("hl7", 1, 9), "date"), f12=[ordering.NPI(), ordering.N("FG").map(lambda s: s.split(", ")[0]), ordering.N("FG").map(lambda s: s.split(", ")[1])]),
            seg("OBR", f1="1", f2=D("ORD%07d" % g.r.randint(0, 9999999), "order_number"), f4=["80053", "CMP", "CPT"],
                f7=P(tm, "date"), f25="F")]
    for i, (loinc, name, unit, rng) in enumerate(g.r.sample(LABS, n), 1):
        segs.append(seg("OBX", f1=str(i), f2="NM", f3=[loinc, name, "LN"], f5="%.1f" % (g.r.uniform(0.5, 150)), f6=[unit],
                        f7=rng, f8=g.pick(["N", "H", "L", ""]), f11="F", f14=P(tm, "date")))
    return segs


def adt(g, pt, event="A08", rel=None, ins=True, dx=True, disch=False):
    admit = g.past(1, 9)
    segs = [msh(g, "ADT^%s^ADT_A01" % event), seg("EVN", f1=event, f2=D(g.ts("hl7", 0, 3), "date"))]
    segs.append(pid(g, pt))
    if rel:
        segs.append(nk1(g, pt, rel))
    segs.append(pv1(g, pt, admit=admit, disch=(admit + timedelta(days=g.r.randint(1, 6))) if disch else None))
    if dx:
        segs.append(dg1(g, admit))
    if ins:
        segs.append(in1(g, pt))
    return segs


def oru(g, pt, n=3):
    when = g.past(0, 3)
    return [msh(g, "ORU^R01^ORU_R01", app=("BEAKER", "LAB"), recv=("EPIC", "EHR")), pid(g, pt, full=g.r.random() < 0.5)] + obr_obx(g, pt, when, n)


def ack(g, ctrl, code="AA", text=""):
    segs = [msh(g, "ACK^A08^ACK", app=("MIRTH", "ADT"), recv=("EPIC", g.fac_code)), seg("MSA", f1=code, f2=ctrl, f3=text)]
    return segs


def field_name(segname, idx):
    return HL7_FIELDS.get(segname, {}).get(idx, ("Field %d" % idx, {}))


def hl7_tree(segs, style="rhapsody"):
    """Segment trees as message viewers show them; every component on its own line."""
    out = Doc()
    for s in segs:
        out.add(s.name + "\n")
        for idx in sorted(s.fields):
            v = s.fields[idx]
            if v is None or (not isinstance(v, list) and not cd(v).text):
                continue
            fname, comps = field_name(s.name, idx)
            path = "%s.%d" % (s.name, idx) if style != "hl7soup" else "%s-%d" % (s.name, idx)
            if isinstance(v, list) and len([c for c in v if cd(c).text]) > 1:
                out.add("  %s %s\n" % (path, fname) if style == "rhapsody" else "  %-8s %s\n" % (path, fname))
                for ci, c in enumerate(v, 1):
                    c = cd(c)
                    if not c.text:
                        continue
                    cname = comps.get(ci, "Component %d" % ci)
                    cpath = "%s.%d" % (path, ci)
                    if style == "rhapsody":
                        out.add("    %s %s: " % (cpath, cname)).add(c).add("\n")
                    else:
                        out.add("    %-10s %-34s " % (cpath, cname)).add(c).add("\n")
            else:
                if isinstance(v, list):
                    v = [c for c in v if cd(c).text][0]
                if style == "rhapsody":
                    out.add("  %s %s: " % (path, fname)).add(cd(v)).add("\n")
                else:
                    out.add("  %-8s %-36s " % (path, fname)).add(cd(v)).add("\n")
    return out


def hl7_table(segs, style="corepoint"):
    """Field | Name | Value grid."""
    rows = []
    for s in segs:
        for idx in sorted(s.fields):
            v = s.fields[idx]
            fname, comps = field_name(s.name, idx)
            if isinstance(v, list):
                for ci, c in enumerate(v, 1):
                    c = cd(c)
                    if c.text:
                        rows.append(["%s-%d.%d" % (s.name, idx, ci), "%s / %s" % (fname, comps.get(ci, "Comp %d" % ci)), c])
            elif cd(v).text:
                rows.append(["%s-%d" % (s.name, idx), fname, cd(v)])
    return rows


def ens_path(segs):
    """InterSystems virtual property paths: PID:PatientName(1).FamilyName."""
    def camel(s):
        return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^A-Za-z0-9]+", s) if w)
    out = Doc()
    for s in segs:
        for idx in sorted(s.fields):
            v = s.fields[idx]
            fname, comps = field_name(s.name, idx)
            if isinstance(v, list):
                for ci, c in enumerate(v, 1):
                    c = cd(c)
                    if c.text:
                        out.add("%s:%s(1).%s = " % (s.name, camel(fname), camel(comps.get(ci, "Component%d" % ci)))).add(c).add("\n")
            elif cd(v).text:
                out.add("%s:%s = " % (s.name, camel(fname))).add(cd(v)).add("\n")
    return out


# ----------------------------------------------------------------------------------------------
# X12: segments with element descriptions; raw, viewer tree and grid renderings
# ----------------------------------------------------------------------------------------------
class XSeg:
    def __init__(self, sid, elems):
        self.sid = sid
        self.elems = elems    # list of (value, description[, meaning])

    def raw(self, term="~"):
        vals = [cd(e[0]) for e in self.elems]
        while vals and not vals[-1].text:
            vals.pop()
        return merge_name_runs(Doc(self.sid, "*" if vals else "", join("*", vals), term), seps="*")


def nm1_person(code, meaning, pt, qual="MI", idv=None, idkind="health_plan_id", style="x12"):
    parts = pt.n(style).split("*")
    el = [(code, "Entity Identifier Code", meaning), ("1", "Entity Type Qualifier", "Person"),
          (P(parts[0], "person_name"), "Name Last or Organization Name"),
          (P(parts[1], "person_name") if len(parts) > 1 else "", "Name First"),
          (P(parts[2], "person_name") if len(parts) > 2 else "", "Name Middle"), ("", "Name Prefix"), ("", "Name Suffix")]
    if idv is not None:
        el += [(qual, "Identification Code Qualifier", {"MI": "Member Identification Number", "34": "Social Security Number", "II": "Standard Unique Health Identifier"}.get(qual, "")),
               (idv, "Identification Code")]
    return XSeg("NM1", el)


def nm1_org(code, meaning, name, qual="", idv="", name_label=None):
    nm = D(name, "facility") if name_label == "facility" else name
    el = [(code, "Entity Identifier Code", meaning), ("2", "Entity Type Qualifier", "Non-Person Entity"),
          (nm, "Name Last or Organization Name"), ("", "Name First"), ("", "Name Middle"), ("", "Name Prefix"), ("", "Name Suffix")]
    if qual:
        el += [(qual, "Identification Code Qualifier"), (idv, "Identification Code")]
    return XSeg("NM1", el)


def nm1_staff(code, meaning, st):
    el = [(code, "Entity Identifier Code", meaning), ("1", "Entity Type Qualifier", "Person"),
          (D(fold(st.family or st.given).upper(), "person_name"), "Name Last or Organization Name"),
          (D(fold(st.given).upper(), "person_name"), "Name First"), ("", "Name Middle"), ("", "Name Prefix"),
          ("", "Name Suffix"), ("XX", "Identification Code Qualifier", "NPI"), (st.NPI(), "Identification Code")]
    return XSeg("NM1", el)


def xs(sid, *elems):
    return XSeg(sid, [e if isinstance(e, tuple) else (e, "") for e in elems])


def x12_envelope(g, st_code, body_loops, version="005010X222A1"):
    icn = "%09d" % g.r.randint(1, 999999999)
    gcn = str(g.r.randint(1, 99999))
    t = g.clock
    isa = xs("ISA", ("00", "Authorization Information Qualifier"), (" " * 10, "Authorization Information"), ("00", "Security Information Qualifier"),
             (" " * 10, "Security Information"), ("ZZ", "Interchange ID Qualifier"), ("%-15s" % ("SUB" + g.fac_code), "Interchange Sender ID"),
             ("ZZ", "Interchange ID Qualifier"), ("%-15s" % "CLEARINGHOUSE", "Interchange Receiver ID"),
             (t.strftime("%y%m%d"), "Interchange Date"), (t.strftime("%H%M"), "Interchange Time"), ("^", "Repetition Separator"),
             ("00501", "Interchange Control Version Number"), (icn, "Interchange Control Number"), ("0", "Acknowledgment Requested"),
             ("P", "Usage Indicator"), (":", "Component Element Separator"))
    gs = xs("GS", (st_code[1], "Functional Identifier Code"), ("SUB" + g.fac_code, "Application Sender's Code"), ("CLEARINGHOUSE", "Application Receiver's Code"),
            (t.strftime("%Y%m%d"), "Date"), (t.strftime("%H%M"), "Time"), (gcn, "Group Control Number"), ("X", "Responsible Agency Code"),
            (version, "Version / Release / Industry Identifier Code"))
    stn = "%04d" % g.r.randint(1, 9999)
    st = xs("ST", (st_code[0], "Transaction Set Identifier Code"), (stn, "Transaction Set Control Number"), (version, "Implementation Convention Reference"))
    nseg = sum(len(l[2]) for l in body_loops) + 2
    se = xs("SE", (str(nseg), "Number of Included Segments"), (stn, "Transaction Set Control Number"))
    ge = xs("GE", ("1", "Number of Transaction Sets Included"), (gcn, "Group Control Number"))
    iea = xs("IEA", ("1", "Number of Included Functional Groups"), (icn, "Interchange Control Number"))
    return ([("ISA", "Interchange Control Header", [isa]), ("GS", "Functional Group Header", [gs]),
             ("ST", "Transaction Set Header", [st])] + body_loops +
            [("SE", "Transaction Set Trailer", [se]), ("GE", "Functional Group Trailer", [ge]), ("IEA", "Interchange Control Trailer", [iea])])


def x12_raw(loops, sep="\n"):
    return join(sep, [s.raw() for _, _, segs in loops for s in segs])


def x12_tree(loops, style="edi_notepad"):
    out = Doc()
    for lid, lname, segs in loops:
        if style == "edi_notepad":
            out.add("[%s] %s\n" % (lid, lname))
        else:
            out.add("Loop %-7s %s\n" % (lid, lname))
        for s in segs:
            out.add("    ").add(s.raw()).add("\n")
            for i, e in enumerate(s.elems, 1):
                v = cd(e[0])
                if not v.text.strip() or s.sid in ("ISA",):
                    continue
                desc = e[1] if len(e) > 1 else ""
                meaning = e[2] if len(e) > 2 and e[2] else ""
                label = "%s%02d" % (s.sid, i)
                if style == "edi_notepad":
                    out.add("        %-6s %-36s " % (label, desc)).add(v)
                else:
                    out.add("        %s  %s" % (label, (desc + " ").ljust(38, "."))).add(" ").add(v)
                if meaning:
                    out.add("  (%s)" % meaning)
                out.add("\n")
    return out


def x12_grid_rows(loops):
    rows = []
    for lid, lname, segs in loops:
        if lid in ("ISA", "GS", "ST", "SE", "GE", "IEA"):
            continue
        for s in segs:
            for i, e in enumerate(s.elems, 1):
                v = cd(e[0])
                if v.text.strip():
                    rows.append([lid, s.sid, "%s%02d" % (s.sid, i), e[1] if len(e) > 1 else "", v])
    return rows


# ----------------------------------------------------------------------------------------------
# DICOM dumps
# ----------------------------------------------------------------------------------------------
DCM_NAMES = {
    "SpecificCharacterSet": "Specific Character Set", "ImageType": "Image Type", "SOPClassUID": "SOP Class UID",
    "SOPInstanceUID": "SOP Instance UID", "StudyDate": "Study Date", "SeriesDate": "Series Date", "AcquisitionDate": "Acquisition Date",
    "StudyTime": "Study Time", "AccessionNumber": "Accession Number", "Modality": "Modality", "Manufacturer": "Manufacturer",
    "InstitutionName": "Institution Name", "InstitutionAddress": "Institution Address",
    "ReferringPhysicianName": "Referring Physician's Name", "StationName": "Station Name",
    "StudyDescription": "Study Description", "SeriesDescription": "Series Description",
    "PerformingPhysicianName": "Performing Physician's Name", "OperatorsName": "Operators' Name",
    "ManufacturerModelName": "Manufacturer's Model Name", "PatientName": "Patient's Name", "PatientID": "Patient ID",
    "IssuerOfPatientID": "Issuer of Patient ID", "PatientBirthDate": "Patient's Birth Date", "PatientSex": "Patient's Sex",
    "OtherPatientIDs": "Other Patient IDs", "PatientAge": "Patient's Age", "PatientWeight": "Patient's Weight",
    "PatientAddress": "Patient's Address", "PatientTelephoneNumbers": "Patient's Telephone Numbers",
    "EthnicGroup": "Ethnic Group", "PatientComments": "Patient Comments", "PatientIdentityRemoved": "Patient Identity Removed",
    "DeidentificationMethod": "De-identification Method", "BodyPartExamined": "Body Part Examined", "SliceThickness": "Slice Thickness",
    "KVP": "KVP", "DeviceSerialNumber": "Device Serial Number", "SoftwareVersions": "Software Versions",
    "StudyInstanceUID": "Study Instance UID", "SeriesInstanceUID": "Series Instance UID", "StudyID": "Study ID",
    "SeriesNumber": "Series Number", "InstanceNumber": "Instance Number", "Rows": "Rows", "Columns": "Columns",
    "PixelData": "Pixel Data", "BitsAllocated": "Bits Allocated", "RequestingPhysician": "Requesting Physician",
    "ScheduledProcedureStepStartDate": "Scheduled Procedure Step Start Date", "AdmissionID": "Admission ID",
    "MedicalAlerts": "Medical Alerts", "Allergies": "Allergies", "PregnancyStatus": "Pregnancy Status",
    "ContentDate": "Content Date", "VerificationFlag": "Verification Flag", "CompletionFlag": "Completion Flag",
    "ConceptNameCodeSequence": "Concept Name Code Sequence", "TextValue": "Text Value",
}
DCM_TAGS = {
    "SpecificCharacterSet": ("0008,0005", "CS"), "ImageType": ("0008,0008", "CS"), "SOPClassUID": ("0008,0016", "UI"),
    "SOPInstanceUID": ("0008,0018", "UI"), "StudyDate": ("0008,0020", "DA"), "SeriesDate": ("0008,0021", "DA"),
    "AcquisitionDate": ("0008,0022", "DA"), "ContentDate": ("0008,0023", "DA"), "StudyTime": ("0008,0030", "TM"),
    "AccessionNumber": ("0008,0050", "SH"), "Modality": ("0008,0060", "CS"), "Manufacturer": ("0008,0070", "LO"),
    "InstitutionName": ("0008,0080", "LO"), "InstitutionAddress": ("0008,0081", "ST"), "ReferringPhysicianName": ("0008,0090", "PN"),
    "StationName": ("0008,1010", "SH"), "StudyDescription": ("0008,1030", "LO"), "SeriesDescription": ("0008,103e", "LO"),
    "PerformingPhysicianName": ("0008,1050", "PN"), "OperatorsName": ("0008,1070", "PN"), "ManufacturerModelName": ("0008,1090", "LO"),
    "PatientName": ("0010,0010", "PN"), "PatientID": ("0010,0020", "LO"), "IssuerOfPatientID": ("0010,0021", "LO"),
    "PatientBirthDate": ("0010,0030", "DA"), "PatientSex": ("0010,0040", "CS"), "OtherPatientIDs": ("0010,1000", "LO"),
    "PatientAge": ("0010,1010", "AS"), "PatientWeight": ("0010,1030", "DS"), "PatientAddress": ("0010,1040", "LO"),
    "PatientTelephoneNumbers": ("0010,2154", "SH"), "EthnicGroup": ("0010,2160", "SH"), "MedicalAlerts": ("0010,2000", "LO"),
    "Allergies": ("0010,2110", "LO"), "PregnancyStatus": ("0010,21c0", "US"), "PatientComments": ("0010,4000", "LT"),
    "PatientIdentityRemoved": ("0012,0062", "CS"), "DeidentificationMethod": ("0012,0063", "LO"),
    "BodyPartExamined": ("0018,0015", "CS"), "SliceThickness": ("0018,0050", "DS"), "KVP": ("0018,0060", "DS"),
    "DeviceSerialNumber": ("0018,1000", "LO"), "SoftwareVersions": ("0018,1020", "LO"),
    "StudyInstanceUID": ("0020,000d", "UI"), "SeriesInstanceUID": ("0020,000e", "UI"), "StudyID": ("0020,0010", "SH"),
    "SeriesNumber": ("0020,0011", "IS"), "InstanceNumber": ("0020,0013", "IS"), "Rows": ("0028,0010", "US"),
    "Columns": ("0028,0011", "US"), "BitsAllocated": ("0028,0100", "US"), "AdmissionID": ("0038,0010", "LO"),
    "RequestingPhysician": ("0032,1032", "PN"), "ScheduledProcedureStepStartDate": ("0040,0002", "DA"),
    "VerificationFlag": ("0040,a493", "CS"), "CompletionFlag": ("0040,a491", "CS"), "TextValue": ("0040,a160", "UT"),
    "PixelData": ("7fe0,0010", "OW"),
}


def dcm_uid(g, root="1.2.840.113619.2.55.3"):
    return "%s.%d.%d.%d" % (root, g.r.randint(100000000, 999999999), g.r.randint(100, 9999), g.r.randint(1000000000, 1999999999))


def dcmdump(elems, meta=None, charset_note=True):
    """elems: list of (keyword, value) where value is str/Doc/None (None = no value)."""
    out = Doc("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n# Used TransferSyntax: Little Endian Explicit\n")
    for tag, vr, val, kw, ln in (meta or []):
        out.add("(%s) %s %s" % (tag, vr, val)).add(" " * max(1, 40 - len(val))).add("# %3d, 1 %s\n" % (ln, kw))
    elems = sorted(elems, key=lambda e: DCM_TAGS[e[0]][0])
    out.add("\n# Dicom-Data-Set\n# Used TransferSyntax: Little Endian Explicit\n")
    for kw, v in elems:
        tag, vr = DCM_TAGS[kw]
        if kw == "PixelData":
            out.add("(%s) %s " % (tag, vr)).add(D("0000\\0000\\0000\\0000\\0000\\0000\\0000\\0000\\0000\\0000...", "photo")).add(" # 524288, 1 PixelData\n")
            continue
        if v is None or not cd(v).text:
            out.add("(%s) %s (no value available)" % (tag, vr) + " " * 15 + "#   0, 0 %s\n" % kw)
            continue
        vd = cd(v)
        blen = len(vd.text.encode("utf-8"))
        blen += blen % 2
        shown = Doc("[", vd, "]") if vr not in ("US", "UL") else vd
        w = dw(shown.text)
        out.add("(%s) %s " % (tag, vr)).add(shown).add(" " * max(1, 40 - w)).add("# %3d, 1 %s\n" % (blen, kw))
    return out


def pydicom_print(elems, meta=None):
    out = Doc()
    if meta:
        out.add("Dataset.file_meta -------------------------------\n")
        for tag, vr, val, name in meta:
            out.add("(%s, %s) %-36s %s: %s\n" % (tag[:4], tag[5:].upper(), name, vr, val))
        out.add("-------------------------------------------------\n")
    for kw, v in sorted(elems, key=lambda e: DCM_TAGS[e[0]][0]):
        tag, vr = DCM_TAGS[kw]
        name = DCM_NAMES.get(kw, kw)
        head = "(%s, %s) %-36s %s: " % (tag[:4].upper(), tag[5:].upper(), name, vr)
        if kw == "PixelData":
            out.add(head).add(D("Array of 524288 elements", "photo")).add("\n")
        elif v is None or not cd(v).text:
            out.add(head + "''\n" if vr not in ("US", "IS", "DS") else head + "None\n")
        elif vr in ("US", "UL"):
            out.add(head).add(cd(v)).add("\n")
        else:
            out.add(head + "'").add(cd(v)).add("'\n")
    return out


DCM_META = [("0002,0000", "UL", "196", "FileMetaInformationGroupLength", 4), ("0002,0001", "OB", "00\\01", "FileMetaInformationVersion", 2),
            ("0002,0002", "UI", "=CTImageStorage", "MediaStorageSOPClassUID", 26),
            ("0002,0010", "UI", "=LittleEndianExplicit", "TransferSyntaxUID", 20),
            ("0002,0012", "UI", "[1.2.276.0.7230010.3.0.3.6.8]", "ImplementationClassUID", 28),
            ("0002,0013", "SH", "[OFFIS_DCMTK_368]", "ImplementationVersionName", 16)]


# ----------------------------------------------------------------------------------------------
# Page / issue / ticket wrappers (layout variants)
# ----------------------------------------------------------------------------------------------
def block(body, style, title=None, lang=None):
    body = cd(body)
    t = body.text
    nl = "" if t.endswith("\n") else "\n"
    if style == "code":
        return Doc("{code%s}\n" % ((":title=%s" % title) if title else ""), body, nl, "{code}\n")
    if style == "noformat":
        return Doc("{noformat}\n", body, nl, "{noformat}\n")
    if style == "fence":
        return Doc("```%s\n" % (lang or ""), body, nl, "```\n")
    if style == "pre":
        return Doc("<pre>", body.map(xml_esc), nl, "</pre>\n")
    if style == "indent":
        return Doc(*[Doc("    ", ln, "\n") for ln in jlines(body)[:-1 if t.endswith("\n") else None]])
    if style == "none":
        return Doc(body, nl)
    raise ValueError(style)


JIRA_PROJECTS = ["INT", "HL7", "IFACE", "EHRINT", "MIRTH", "ENG", "RCM", "DATA", "HIE"]


def jira(g, lay, summary, parts, itype="Bug", labels=("interface",), comments=()):
    """parts: list of (heading, Doc, is_code).  lay: wiki | cloud | xml | md."""
    key = "%s-%d" % (g.pick(JIRA_PROJECTS), g.r.randint(100, 9999))
    rep, asg = g.staff(), g.staff()
    created = g.ts("plain", 0, 1)
    pri = g.pick(["High", "Medium", "Highest", "Major", "Critical"])
    status = g.pick(["Open", "In Progress", "Triage", "Waiting for Vendor", "Reopened"])
    if lay == "xml":
        body = Doc()
        for h, d, code in parts:
            if h:
                body.add("&lt;p&gt;&lt;b&gt;%s&lt;/b&gt;&lt;/p&gt;\n" % xml_esc(h))
            if code:
                body.add("&lt;div class=&quot;code panel&quot;&gt;&lt;pre&gt;").add(cd(d).map(lambda s: xml_esc(xml_esc(s)))).add("&lt;/pre&gt;&lt;/div&gt;\n")
            else:
                body.add("&lt;p&gt;").add(cd(d).map(lambda s: xml_esc(xml_esc(s)))).add("&lt;/p&gt;\n")
        cm = Doc()
        for who, txt in comments:
            cm.add('            <comment id="%d" author="%s" created="%s">' % (g.r.randint(100000, 999999), who.user, g.ts("rfc2822", 60, 900)))
            cm.add(cd(txt).map(lambda s: xml_esc(xml_esc(s)))).add("</comment>\n")
        return R(T("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!--  RSS generated by JIRA (9.12.4#9120004-sha1:7a1c2b3) at «now»  -->
            <rss version="0.92">
            <channel>
                <title>«orgname» JIRA</title>
                <item>
                    <title>[«key»] «summary»</title>
                    <link>https://jira.«dom»/browse/«key»</link>
                    <key id="«kid»">«key»</key>
                    <summary>«summary»</summary>
                    <type id="1">«itype»</type>
                    <priority id="2">«pri»</priority>
                    <status id="3">«status»</status>
                    <assignee username="«auser»">«aname»</assignee>
                    <reporter username="«ruser»">«rname»</reporter>
                    <labels>«labels»</labels>
                    <created>«created»</created>
                    <updated>«updated»</updated>
                    <description>«body»</description>
                    <comments>
            «cm»        </comments>
                </item>
            </channel>
            </rss>
            """), key=key, summary=Doc(summary).map(xml_esc) if isinstance(summary, str) else cd(summary).map(xml_esc),
            now=g.ts("rfc2822", 0, 1), orgname=g.fac, dom=g.org_domain, kid=g.r.randint(100000, 999999), itype=itype, pri=pri,
            status=status, auser=asg.user, aname=asg.N(), ruser=rep.user, rname=rep.N(),
            labels="".join("<label>%s</label>" % l for l in labels), created=g.ts("rfc2822", 0, 1), updated=g.ts("rfc2822", 300, 4000),
            body=body, cm=cm)
    out = Doc()
    if lay == "wiki":
        out.add(R("h2. «key»: «summary»\n\n||Type||Priority||Status||Reporter||Assignee||Created||\n|«itype»|«pri»|«status»|[~«ruser»]|[~«auser»]|«created»|\n\n",
                  key=key, summary=summary, itype=itype, pri=pri, status=status, ruser=D(rep.handle, "person_name"),
                  auser=D(asg.handle, "person_name"), created=created))
        for h, d, code in parts:
            if h:
                out.add("h3. %s\n" % h)
            out.add(block(d, g.pick(["code", "noformat"]) if code else "none")).add("\n")
        for who, txt in comments:
            out.add(R("----\n*«who»* added a comment - «when»\n", who=who.N(), when=g.ts("plain", 60, 900))).add(cd(txt)).add("\n")
    elif lay == "cloud":
        out.add(R(T("""
            «proj» / «key»
            «summary»

            Type: «itype»        Priority: «pri»        Status: «status»
            Assignee: «aname»        Reporter: «rname»
            Labels: «labels»
            Created «created»  ·  Updated «updated»

            """), proj=key.split("-")[0], key=key, summary=summary, itype=itype, pri=pri, status=status, aname=asg.N(),
            rname=rep.N(), labels=" ".join(labels), created=created, updated=g.ts("plain", 100, 3000)))
        for h, d, code in parts:
            if h:
                out.add(h + "\n")
            out.add(cd(d)).add("\n" if cd(d).text.endswith("\n") else "\n\n")
        if comments:
            out.add("Activity\n")
        for who, txt in comments:
            out.add(R("«who»  «when»\n", who=who.N(), when=g.ts("plain", 60, 900))).add(cd(txt)).add("\n\n")
    elif lay == "md":
        out.add(R("## [«key»] «summary»\n\n**Reporter:** @«ruser» · **Assignee:** @«auser» · **Priority:** «pri» · **Status:** «status»  \n_created «created»_\n\n",
                  key=key, summary=summary, ruser=D(rep.handle, "person_name"), auser=D(asg.handle, "person_name"), pri=pri,
                  status=status, created=created))
        for h, d, code in parts:
            if h:
                out.add("### %s\n" % h)
            out.add(block(d, "fence" if code else "none")).add("\n")
        for who, txt in comments:
            out.add(R("> **«who»** commented · «when»\n> ", who=who.N(), when=g.ts("plain", 60, 900))).add(cd(txt)).add("\n\n")
    else:
        raise ValueError(lay)
    return out


def confluence(g, lay, title, parts, space="Integration Team"):
    """parts: list of (heading, Doc, kind) kind in text|code|table (table Docs already styled)."""
    author = g.staff()
    edited = g.ts("plain", 0, 1)
    out = Doc()
    if lay == "wiki":
        out.add(R("h1. «title»\n{info}Owned by [~«who»]. Last refreshed «edited».{info}\n{toc:maxLevel=2}\n\n", title=title,
                  who=D(author.handle, "person_name"), edited=edited))
        for h, d, kind in parts:
            if h:
                out.add("h2. %s\n" % h)
            out.add(block(d, "noformat") if kind == "code" else cd(d)).add("\n")
    elif lay == "md":
        out.add(R("# «title»\n\n> Space: «space» · Created by «who», last modified on «edited»\n\n", title=title, space=space,
                  who=author.N(), edited=edited))
        for h, d, kind in parts:
            if h:
                out.add("## %s\n\n" % h)
            out.add(block(d, "fence") if kind == "code" else cd(d)).add("\n")
    elif lay == "html":
        out.add(R('<h1>«title»</h1>\n<p class="page-metadata">Created by <a class="confluence-userlink">«who»</a>, last modified on «edited»</p>\n',
                  title=title, who=author.N(), edited=edited))
        for h, d, kind in parts:
            if h:
                out.add("<h2>%s</h2>\n" % xml_esc(h))
            if kind == "code":
                out.add(block(d, "pre"))
            elif kind == "table":
                out.add(cd(d))
            else:
                out.add("<p>").add(cd(d).map(xml_esc)).add("</p>\n")
    elif lay == "plain":
        out.add(R("«space» / Pages / «title»\n«title»\nCreated by «who», last updated «edited» • 4 min read\n\n", title=title,
                  space=space, who=author.N(), edited=edited))
        for h, d, kind in parts:
            if h:
                out.add(h + "\n")
            out.add(cd(d)).add("\n")
    else:
        raise ValueError(lay)
    return out


def table_for(lay, headers, rows, align=None):
    """Table in the markup of a confluence layout."""
    return grid(headers, rows, {"wiki": "confluence", "md": "markdown", "html": "html", "plain": "tsv"}[lay], align=align)


def ticket(g, lay, subject, body, caller=None, notes=(), number=None):
    """ServiceNow form / Zendesk / JSM portal.  caller is staff (dont_care)."""
    caller = caller or g.staff()
    agent = g.staff()
    out = Doc()
    if lay == "snow":
        num = number or "INC%07d" % g.r.randint(10000, 999999)
        out.add(R(T("""
            Incident «num»
            Caller: «caller»            Category: «cat»
            Opened: «opened»    Assignment group: «grp»
            Assigned to: «agent»       State: «state»       Priority: «pri»
            Short description: «subject»

            Description:
            """), num=num, caller=caller.N(), cat=g.pick(["Software", "Interfaces", "Clinical Apps", "Revenue Cycle"]),
            opened=g.ts("plain", 0, 1), grp=g.pick(["EHR-Interfaces", "Integration Services", "Patient Access IT", "Data Platform"]),
            agent=agent.N(), state=g.pick(["In Progress", "New", "On Hold - Awaiting Caller"]), pri=g.pick(["2 - High", "3 - Moderate"]),
            subject=subject))
        out.add(cd(body)).add("\n")
        for who, txt in notes:
            out.add(R("\nWork notes • «who» • «when»\n", who=who.N(), when=g.ts("plain", 60, 1800))).add(cd(txt)).add("\n")
    elif lay == "zendesk":
        out.add(R(T("""
            #«num» «subject»
            Requester: «caller» <«mail»>   Assignee: «agent»   Group: «grp»
            Status: «status»   Type: Incident   Priority: «pri»
            ----------------------------------------------------------------
            «caller»  «opened»

            """), num=g.r.randint(10000, 99999), subject=subject, caller=caller.N(), mail=caller.MAIL(), agent=agent.N(),
            grp=g.pick(["Tier 2 - Integrations", "Portal Support", "Billing Systems"]), status=g.pick(["Open", "Pending", "On-hold"]),
            pri=g.pick(["High", "Urgent", "Normal"]), opened=g.ts("us", 0, 1)))
        out.add(cd(body)).add("\n")
        for who, txt in notes:
            out.add(R("\n«who»  «when»  (internal note)\n", who=who.N(), when=g.ts("us", 60, 1800))).add(cd(txt)).add("\n")
    elif lay == "jsm":
        out.add(R(T("""
            «proj»-«n»  ·  «subject»
            Request type: «rtype»
            Raised by «caller» on «opened»      Status: «status»
            SLA: Time to first response 2h 14m left

            """), proj=g.pick(["ITSD", "HSD", "EHRSUP"]), n=g.r.randint(1000, 99999), subject=subject,
            rtype=g.pick(["Report a system problem", "Interface issue", "Data correction request"]), caller=caller.N(),
            opened=g.ts("plain", 0, 1), status=g.pick(["Waiting for support", "In progress", "Escalated"])))
        out.add(cd(body)).add("\n")
        for who, txt in notes:
            out.add(R("\n«who» · internal comment · «when»\n", who=who.N(), when=g.ts("plain", 60, 1800))).add(cd(txt)).add("\n")
    else:
        raise ValueError(lay)
    return out


# ----------------------------------------------------------------------------------------------
# Template registry
# ----------------------------------------------------------------------------------------------
TEMPLATES = []


def tpl(family, layouts):
    def deco(fn):
        TEMPLATES.append(dict(family=family, phi=family in PHI_FAMILIES, name=fn.__name__, fn=fn, layouts=list(layouts)))
        return fn
    return deco


def maybe_rel(g, pt, p=0.5):
    if g.r.random() < p:
        same = pt.culture not in ("russian", "greek", "polish")
        for _ in range(20):
            rel = g.person(culture=pt.culture, family_from=pt if same else None)
            if rel.given != pt.given:
                return rel
        return rel
    return None


def rel_word(g, rel, style="code"):
    """A relationship that fits the relative's sex: (HL7 code, word)."""
    opts = {"F": [("MTH", "Mother"), ("SPO", "Spouse"), ("DAU", "Daughter"), ("SIS", "Sister"), ("GRD", "Guardian")],
            "M": [("FTH", "Father"), ("SPO", "Spouse"), ("SON", "Son"), ("BRO", "Brother"), ("GRD", "Guardian")]}[rel.sex]
    return g.pick(opts)


# ============================================================================================
# jira_hl7 (PHI): engine screens and logs pasted into Jira
# ============================================================================================
@tpl("jira_hl7", ["wiki", "cloud", "xml", "md"])
def mirth_message_browser(g, lay):
    pt = g.person()
    ev = g.pick(["A08", "A04", "A01", "A03"])
    segs = adt(g, pt, ev, rel=maybe_rel(g, pt), disch=ev == "A03")
    ctrl = segs[0].fields[10]
    mid = g.r.randint(10000, 990000)
    chan = g.pick(["ADT_Inbound_Epic", "ADT_to_LIS", "HIE_Feed_Out", "ADT_Router_v3"])
    t0 = g.ts("spacedot", 0, 2)
    rows = [[mid, "Source", "TRANSFORMED", t0, g.ts("spacedot", 0, 1), ""],
            [mid, g.pick(["To_Lab_HTTP", "To_LIS_TCP", "Dest 1 - Beaker"]), "ERROR", g.ts("spacedot", 0, 1), g.ts("spacedot", 25, 31), "Yes"],
            [mid, "To_Archive_DB", "SENT", g.ts("spacedot", 0, 1), g.ts("spacedot", 0, 1), ""]]
    tbl = grid(["Id", "Connector", "Status", "Received Date", "Response Date", "Errors"], rows, "ssms", footer=False)
    resp = hl7_raw(ack(g, ctrl, "AE", Doc("PID-3 identifier ", pt.MRN(), " not on file at receiving facility")))
    err = R(T("""
        HTTP Sender error: Received error response from server (409 Conflict)
        ERROR MESSAGE: Patient «mrn» already registered under different name
        com.mirth.connect.connectors.http.HttpDispatcher.send(HttpDispatcher.java:«ln»)
        com.mirth.connect.donkey.server.channel.DestinationConnector.handleSend(DestinationConnector.java:«ln2»)
        """), mrn=pt.MRN(), ln=g.r.randint(300, 700), ln2=g.r.randint(800, 1000))
    summary = g.pick(["%s channel: %s errors on destination 2 since merge" % (chan, ev),
                      "Lab destination rejecting %s for one patient (409)" % ev,
                      "Mirth %s message stuck in ERROR - please reprocess" % ev])
    parts = [("Description", Doc("Message browser for channel %s (server mirth-prod-0%d, %s). Filter: last 1 hour, status ERROR.\n" % (chan, g.r.randint(1, 4), g.uuid())), False),
             ("Message Browser", tbl, True), ("Raw", hl7_raw(segs), True), ("Response", resp, True), ("Errors", err, True)]
    comments = [(g.staff(), Doc("Reprocessed message ", str(mid), " after the LIS team fixed the name on their side; ACK AA now."))]
    return jira(g, lay, summary, parts, labels=("mirth", "adt", "prod"), comments=comments)


@tpl("jira_hl7", ["cloud", "wiki", "md"])
def mirth_channel_log(g, lay):
    pt = g.person()
    segs = adt(g, pt, g.pick(["A04", "A08", "A31"]), rel=maybe_rel(g, pt, 0.4), ins=g.r.random() < 0.6)
    ctrl = segs[0].fields[10]
    chan = g.pick(["ADT_Inbound", "REG_to_PACS", "ADT_Enterprise_Router"])
    th = "[%s Source Thread]" % chan
    raw = hl7_raw(segs, "\r")
    lines = Doc()
    lines.add(" INFO %s %s com.mirth.connect.connectors.tcp.TcpReceiver: Message received from 10.%d.4.%d:%d\n" % (g.ts("space", 0, 2), th, g.r.randint(0, 40), g.r.randint(2, 250), g.r.randint(40000, 60000)))
    lines.add(R(" INFO «ts» [«chan» JavaScript Transformer] transformer: Processing «ev» ctrl=«ctrl» MRN=«mrn» name=«nm» dob=«dob»\n",
                ts=g.ts("space", 0, 1), chan=chan, ev=segs[1].fields[1], ctrl=ctrl, mrn=pt.MRN(), nm=pt.N("FG"), dob=pt.DOB("hl7")))
    lines.add(R(" WARN «ts» [«chan» JavaScript Transformer] transformer: PID-13 has no area code for «nm», defaulting to 000\n", ts=g.ts("space", 0, 1), chan=chan, nm=pt.N("FG")))
    if pt.native:
        lines.add(R(" INFO «ts» [«chan» JavaScript Transformer] transformer: PID-5(2) alphabetic/ideographic name present: «nat»\n", ts=g.ts("space", 0, 1), chan=chan, nat=pt.N("native")))
    lines.add(R("ERROR «ts» [«chan» Destination 2] db-writer: Error writing to patient_xref\n", ts=g.ts("space", 0, 2), chan=chan))
    lines.add(R("com.mirth.connect.connectors.jdbc.DatabaseDispatcherException: ERROR: duplicate key value violates unique constraint \"patient_xref_mrn_key\"\n  Detail: Key (mrn)=(«mrn») already exists.\n", mrn=pt.MRN()))
    lines.add("\tat com.mirth.connect.connectors.jdbc.DatabaseDispatcherQuery.send(DatabaseDispatcherQuery.java:164)\n")
    lines.add("\tat com.mirth.connect.donkey.server.channel.DestinationConnector.handleSend(DestinationConnector.java:893)\n")
    lines.add(R("ERROR «ts» [«chan» Destination 2] message content:\n", ts=g.ts("space", 0, 1), chan=chan))
    lines.add(raw.map(lambda s: s.replace("\r", "\n"))).add("\n")
    lines.add(" INFO %s [Dashboard Status Column] Channel %s: received=%d filtered=%d queued=0 sent=%d errored=1\n" % (g.ts("space", 30, 60), chan, g.r.randint(2000, 9000), g.r.randint(10, 90), g.r.randint(2000, 9000)))
    summary = "Duplicate key on patient_xref when %s replays registration" % chan
    parts = [("", Doc("Seen on mirth-prod-02 after the nightly restart. Log excerpt (/opt/mirthconnect/logs/mirth.log):"), False),
             ("mirth.log", lines, True),
             ("Notes", Doc("Only one patient affected so far; the A04 was resent by the registration desk. Suggest upsert in Destination 2."), False)]
    return jira(g, lay, summary, parts, labels=("mirth", "database"))


@tpl("jira_hl7", ["wiki", "md", "cloud", "xml"])
def rhapsody_tree(g, lay):
    pt = g.person()
    rel = maybe_rel(g, pt, 0.7)
    segs = adt(g, pt, g.pick(["A08", "A01", "A05"]), rel=rel, dx=False, ins=False)
    style = "rhapsody" if g.r.random() < 0.6 else "hl7soup"
    tree = hl7_tree([s for s in segs if s.name in ("PID", "NK1", "PV1")], style)
    tool = "Rhapsody IDE > Message Tracking > Message Tree" if style == "rhapsody" else "HL7 Soup > Message tree"
    summary = g.pick(["NK1 phone lands in PID-13 after filter change", "Rhapsody route drops PID-11 unit number",
                      "Next of kin name truncated in downstream A08"])
    parts = [("Steps", Doc("1. Open the failed message in %s\n2. Compare with what the route emitted (below)\n3. Note the field that moved\n" % tool), False),
             ("Input message", hl7_raw(segs), True),
             ("Tree view (%s)" % ("Rhapsody" if style == "rhapsody" else "HL7 Soup"), tree, True),
             ("Filter", Doc('If (PID.13.6 == "") { PID.13.6 = NK1.5.6 } // legacy rule, remove?\n'), True)]
    return jira(g, lay, summary, parts, labels=("rhapsody", "adt"))


@tpl("jira_hl7", ["cloud", "wiki", "md"])
def cloverleaf_testtool(g, lay):
    pt = g.person()
    segs = adt(g, pt, g.pick(["A08", "A04"]), rel=maybe_rel(g, pt, 0.4), ins=g.r.random() < 0.5)
    site = g.pick(["adt_site", "lab_site", "hie_prod"])
    out = Doc("$ hcitpstest -r run -e \"hcitpstestshowbydisp\" -f nl ib_adt_tps ./%s_%d.txt\n" % (g.pick(["fail", "case", "ticket"]), g.r.randint(10, 999)))
    out.add("Command Procedure: ib_adt_tps\n\nMESSAGE 1\n")
    out.add(hl7_raw(segs)).add("\n\n")
    out.add("DISPOSITION: KILL\n  reason : ").add(Doc("PID-7 ", pt.DOB("hl7"), " with patient class O on adult feed")).add("\n")
    out.add("  msgid  : %s\n\n" % segs[0].fields[10])
    xl = R(T("""
        $ hcixltest -s «site» -d nl adt_epic_to_lis.xlt ./msg1.txt
        xlt: COPY  0(0).PID(0).#5(0).[0]  ->  0(0).PID(0).#5(0).[0]   «fam»
        xlt: COPY  0(0).PID(0).#5(0).[1]  ->  0(0).PID(0).#5(0).[1]   «giv»
        xlt: COPY  0(0).PID(0).#7         ->  0(0).PID(0).#7          «dob»
        xlt: CALL  ageCheck {«dob»} -> 0
        xlt: SUPPRESS
        """), site=site, fam=pt.N("FAMILY"), giv=pt.N("GIVEN"), dob=pt.DOB("hl7"))
    summary = "Cloverleaf ib_adt_tps kills %s for pediatric/adult check" % segs[1].fields[1]
    parts = [("Description", Doc("Registration says the patient is on the adult unit but the TPS killed the update. Test tool output from %s:" % site), False),
             ("hcitpstest", out, True), ("hcixltest", xl, True)]
    return jira(g, lay, summary, parts, labels=("cloverleaf", "tps"))


@tpl("jira_hl7", ["wiki", "cloud", "md"])
def corepoint_viewer(g, lay):
    pt = g.person()
    segs = adt(g, pt, g.pick(["A08", "A01", "A28"]), rel=maybe_rel(g, pt, 0.5), ins=True, dx=g.r.random() < 0.5)
    rows = hl7_table([s for s in segs if s.name in ("PID", "NK1", "IN1", "DG1")])
    style = {"wiki": "confluence", "md": "markdown", "cloud": "ssms"}[lay]
    tbl = grid(["Field", "Name", "Value"], rows, style, footer=False)
    summary = g.pick(["Corepoint: IN1-36 missing on outbound to payer portal", "Corepoint action list maps NK1 into GT1 incorrectly",
                      "Corepoint message viewer shows PID-11 split across components"])
    parts = [("Description", Doc("Copied from Corepoint Monitor > Message Viewer (connection %s, log id %d)." % (g.pick(["IB_EPIC_ADT", "OB_PAYER_ELIG"]), g.r.randint(100000, 999999))), False),
             ("Message viewer", tbl, lay == "cloud"),
             ("Raw", hl7_raw(segs), True)]
    return jira(g, lay, summary, parts, labels=("corepoint",))


@tpl("jira_hl7", ["cloud", "wiki", "xml"])
def healthshare_trace(g, lay):
    pt = g.person()
    segs = oru(g, pt, g.r.randint(2, 4)) if g.r.random() < 0.5 else adt(g, pt, "A08", rel=maybe_rel(g, pt, 0.3))
    sess = g.r.randint(1000000, 9999999)
    hdr = grid(["Property", "Value"], [["SessionId", sess], ["MessageBodyClassname", "EnsLib.HL7.Message"],
                                       ["MessageBodyId", g.r.randint(10000000, 99999999)], ["SourceConfigName", "HL7.In.TCP.Epic"],
                                       ["TargetConfigName", "HL7.Router.Clinical"], ["TimeCreated", g.ts("spacedot", 0, 1)],
                                       ["Status", "Error"]], "ssms", footer=False)
    body = ens_path([s for s in segs if s.name in ("PID", "PV1", "OBR", "OBX")][:6])
    ev = R(T("""
        «ts» ERROR <Ens>ErrGeneral: Rule HL7.Router.ClinicalRoutingRule returned no target for patient «nm» («mrn»), DOB «dob»
        «ts2» WARN  HL7.Router.Clinical: validation 'dm' failed: PID:7 expected TS, got «dob»
        """), ts=g.ts("spacedot", 0, 1), ts2=g.ts("spacedot", 0, 1), nm=pt.N("FG"), mrn=pt.MRN(), dob=pt.DOB("hl7"))
    summary = "HealthShare router: no target for %s from Epic (session %d)" % (segs[0].fields[9][0] + "^" + segs[0].fields[9][1], sess)
    parts = [("Visual Trace - Header", hdr, True), ("Visual Trace - Contents (virtual properties)", body, True),
             ("Event Log", ev, True), ("Full message", hl7_raw(segs), True)]
    return jira(g, lay, summary, parts, labels=("healthshare", "routing"))


@tpl("jira_hl7", ["wiki", "md", "cloud"])
def splunk_hl7(g, lay):
    pts = [g.person() for _ in range(g.r.randint(2, 4))]
    q = 'index=integration sourcetype=mirth:hl7 channel="ADT_to_HIE" status=ERROR earliest=-24h | rex "PID\\|1\\|\\|(?<PID_3>[^\\^|]+)" | table _time host PID_3 PID_5 error'
    rows = []
    for p in pts:
        rows.append([g.ts("splunk", 30, 900), "mirth-prod-0%d" % g.r.randint(1, 3), p.MRN(), P(p.n("hl7"), "person_name"),
                     g.pick(["AE: PID-7 invalid", "AR: unknown facility", "timeout after 30000 ms", "AE: PID-11 ZIP missing"])])
    tbl = grid(["_time", "host", "PID_3", "PID_5", "error"], rows, {"wiki": "confluence", "md": "markdown", "cloud": "tsv"}[lay])
    p = pts[0]
    ev = Doc(g.ts("splunk", 1, 4), " host=mirth-prod-01 source=/opt/mirth/logs/hl7.log sourcetype=mirth:hl7\n")
    ev.add(hl7_raw([msh(g, "ADT^A08^ADT_A01"), pid(g, p)])).add("\n")
    summary = "%d ADT messages to the HIE failing overnight (Splunk)" % len(pts)
    parts = [("Search", Doc(q), True), ("Results (%d events)" % len(pts), tbl, False), ("Expanded event #1", ev, True)]
    return jira(g, lay, summary, parts, labels=("splunk", "hie"))


@tpl("jira_hl7", ["cloud", "wiki", "md"])
def ngrep_mllp(g, lay):
    pt = g.person()
    segs = oru(g, pt, g.r.randint(2, 3)) if g.r.random() < 0.4 else adt(g, pt, g.pick(["A04", "A08"]), rel=maybe_rel(g, pt, 0.3))
    ctrl = segs[0].fields[10]
    src, dst = g.server_ip(), g.server_ip()
    port = g.pick([6661, 2575, 7001, 5010])
    sp = g.r.randint(40000, 60000)
    out = Doc("# ngrep -d ens192 -W byline -q port %d\ninterface: ens192 (%s/255.255.255.0)\nfilter: ( port %d ) and ((ip || ip6) || (vlan && (ip || ip6)))\n\n" % (port, src.rsplit(".", 1)[0] + ".0", port))
    out.add("T %s:%d -> %s:%d [AP] #%d\n." % (src, sp, dst, port, g.r.randint(10, 90)))
    out.add(hl7_raw(segs, ".\n")).add("..\n\n")
    out.add("T %s:%d -> %s:%d [AP] #%d\n." % (dst, port, src, sp, g.r.randint(91, 99)))
    out.add(hl7_raw(ack(g, ctrl, "AE", "Application internal error: field PID-19 failed format check"), ".\n")).add("..\n")
    summary = "Receiver returns AE on %s from %s; capture attached" % (segs[0].fields[9][0], g.fac_code)
    parts = [("Description", Doc("Captured on the engine host with ngrep (MLLP start/end bytes show as dots). Vendor says our PID-19 is malformed."), False),
             ("Capture", out, True)]
    return jira(g, lay, summary, parts, labels=("mllp", "vendor"))


def F(pt, key):
    """A labelled value of a person by key (name:gf, dob:us, phone:dot, ...)."""
    k, _, arg = key.partition(":")
    if k == "name":
        return pt.N(arg or "gf")
    if k == "dob":
        return pt.DOB(arg or "iso")
    return {
        "mrn": lambda: pt.MRN(), "ssn": lambda: pt.SSN(), "ssn_nodash": lambda: pt.SSN(False),
        "ssn4": lambda: D(pt.ssn[-4:], "ssn_last4"), "phone": lambda: pt.PHONE(arg or None),
        "phone2": lambda: pt.PHONE(arg or None, True), "email": lambda: pt.EMAIL(),
        "street": lambda: pt.STREET(), "street1": lambda: pt.STREET(False),
        "unit": lambda: P(pt.unit, "street_address") if pt.unit else Doc(), "city": lambda: pt.CITY(),
        "state": lambda: pt.STATE(), "zip": lambda: pt.ZIP(), "zip4": lambda: pt.ZIP(True), "member": lambda: pt.MEMBER(),
        "mbi": lambda: pt.MBI(), "mbi_dash": lambda: pt.MBI(True), "acct": lambda: pt.ACCT(), "visit": lambda: pt.VISIT(),
        "ip": lambda: pt.IP(), "age": lambda: pt.AGE(), "sex": lambda: Doc(pt.sex), "dl": lambda: P(pt.dl, "license_number"),
        "addr": lambda: pt.ADDR(),
    }[k]()


def PD(d, style="iso"):
    return P(fdate(d, style), "date")


def DD(d, style="iso"):
    return D(fdate(d, style), "date")


def COND(g):
    c, code = g.pick(CONDITIONS)
    return D(c, "condition"), D(code, "diagnosis_code")


def MED(g):
    return D(g.pick(MEDS), "medication")


# ============================================================================================
# confluence_table (PHI): BI exports and query grids pasted into Confluence pages
# ============================================================================================
@tpl("confluence_table", ["wiki", "md", "html", "plain"])
def tableau_csv_export(g, lay):
    n = g.r.randint(4, 9)
    ds = g.pick(["us", "us_nopad", "iso"])
    rows = []
    for _ in range(n):
        p = g.person()
        dis = g.past(1, 20)
        rows.append([p.N("fg_comma"), p.MRN(), p.DOB(ds), PD(dis, ds), g.pick(["4 West", "5N Cardiac", "MICU", "Ortho 6"]),
                     g.staff("MD").N("fg"), p.PHONE(), "%.2f" % g.r.uniform(0.12, 0.71)])
    csv = grid(["Patient Name", "MRN", "DOB", "Discharge Date", "Unit", "Attending", "Phone", "Readmit Risk"], rows, "csvq")
    csv.add('"Grand Total","","","","","","","%.2f"\n' % g.r.uniform(0.2, 0.4))
    parts = [("Purpose", Doc("Daily 30-day readmission follow-up list. Transitions-of-care nurses call every row within 48 hours of discharge."), "text"),
             ("Export (Tableau > Worksheet > Export > Crosstab, CSV)", csv, "code"),
             ("How it is built", Doc("Workbook 'TOC Readmission v3' on tableau.%s, extract refreshed 05:30. Risk is the LACE+ score / 100." % g.org_domain), "text")]
    return confluence(g, lay, "TOC call list - %s" % g.today.strftime("%b %d"), parts, space="Care Management")


@tpl("confluence_table", ["wiki", "md", "html", "plain"])
def powerbi_table(g, lay):
    n = g.r.randint(4, 8)
    rows = []
    for _ in range(n):
        p = g.person(age_range=(40, 88))
        rows.append([p.N("gf"), p.MEMBER(), g.staff("MD").N("dr"), "%.1f" % g.r.uniform(9.1, 13.8), PD(g.past(30, 200), "us"),
                     p.PHONE("dash"), g.pick(["English", "Spanish", "Vietnamese", "Somali", "Arabic", "Russian"])])
    hdr = ["Patient", "Member ID", "PCP", "Last A1c", "Last A1c Date", "Phone", "Language"]
    parts = [("", Doc("Exported from the Power BI report *Diabetes Registry* (page 'Uncontrolled', filter A1c > 9, Export data > Summarized data)."), "text"),
             ("Registry - uncontrolled", table_for(lay, hdr, rows), "table"),
             ("Raw export", grid(hdr, rows, "csv"), "code")]
    return confluence(g, lay, "Diabetes outreach - uncontrolled A1c", parts, space="Population Health")


@tpl("confluence_table", ["wiki", "md", "plain", "html"])
def excel_tsv_outreach(g, lay):
    n = g.r.randint(4, 8)
    rows = []
    for _ in range(n):
        p = g.person()
        rows.append([p.N("family"), p.N("given"), p.N("native") if p.native and p.culture != "vietnamese" else "", p.DOB(g.pick(["us", "us_nopad"])), p.STREET(),
                     p.CITY(), p.ZIP(), p.PHONE(), g.pick(["LM x2", "wrong number", "scheduled", "no answer", "declined", "interpreter needed"])])
    tsv = grid(["Last Name", "First Name", "Name (own script)", "DOB", "Address", "City", "ZIP", "Phone", "Call status"], rows, "tsv")
    parts = [("", Doc("Pasted from the shared workbook Outreach_%s.xlsx (sheet 'Week %d'). Columns as in Excel." % (g.today.strftime("%Y%m"), g.r.randint(1, 52))), "text"),
             ("Sheet", tsv, "code"),
             ("Notes", Doc("Volunteers: please do not add rows here, update the workbook."), "text")]
    return confluence(g, lay, "Flu clinic outreach tracker", parts, space="Ambulatory Ops")


@tpl("confluence_table", ["plain", "wiki", "md", "html"])
def ssms_duplicates(g, lay):
    rows = []
    for _ in range(g.r.randint(2, 4)):
        p = g.person()
        q = Person(g, culture=p.culture)
        q.given, q.family, q.dob, q.middle, q.native, q.single = p.given, p.family, p.dob, p.middle, p.native, p.single
        for x in (p, q):
            rows.append([x.MRN(), x.N("FAMILY"), x.N("GIVEN"), x.DOB("sql_dt"), x.SSN(),
                         P(fdate(g.past(0, 400), "sql_dt"), "date"), g.r.randint(1, 4)])
    sql = T("""
        SELECT p.MRN, p.LAST_NAME, p.FIRST_NAME, p.BIRTH_DATE, p.SSN, p.LAST_VISIT_DATE, p.DUP_SCORE
        FROM dbo.PATIENT p
        JOIN dbo.EMPI_CANDIDATES c ON c.PAT_ID = p.PAT_ID
        WHERE c.STATUS = 'OPEN' AND c.SCORE >= 0.92
        ORDER BY p.LAST_NAME, p.BIRTH_DATE;
        """)
    res = grid(["MRN", "LAST_NAME", "FIRST_NAME", "BIRTH_DATE", "SSN", "LAST_VISIT_DATE", "DUP_SCORE"], rows, "ssms")
    res.add("\nCompletion time: %s-05:00\n" % g.ts("iso", 0, 2).replace("Z", ""))
    parts = [("Query", Doc(sql), "code"), ("Results (SSMS, Results to Text)", res, "code"),
             ("Decision", Doc("HIM to merge pairs with identical SSN; others go to the EMPI work queue."), "text")]
    return confluence(g, lay, "EMPI duplicate review %s" % g.today.isoformat(), parts, space="HIM Data Quality")


@tpl("confluence_table", ["wiki", "md", "html", "plain"])
def psql_expanded_merge(g, lay):
    p = g.person()
    old_mrn = g.mrn()
    recs = [[("patient_id", D(str(g.r.randint(100000, 999999)), "internal_id")), ("mrn", P(old_mrn, "mrn")), ("family_name", p.N("family")),
             ("given_name", p.N("given")), ("birth_date", p.DOB("iso")), ("phone_home", p.PHONE("dash")),
             ("address_line1", p.STREET()), ("city", p.CITY()), ("postal_code", p.ZIP()), ("merged_into", p.MRN()),
             ("merged_at", g.ts("plain", 0, 2) + "+00")],
            [("patient_id", D(str(g.r.randint(100000, 999999)), "internal_id")), ("mrn", p.MRN()), ("family_name", p.N("family")),
             ("given_name", p.N("given")), ("birth_date", p.DOB("iso")), ("phone_home", p.PHONE("dash", True)),
             ("address_line1", p.STREET()), ("city", p.CITY()), ("postal_code", p.ZIP()), ("merged_into", ""), ("merged_at", "")]]
    out = Doc("ehr_replica=> \\x\nExpanded display is on.\nehr_replica=> SELECT * FROM patient WHERE mrn IN ('", P(old_mrn, "mrn"), "','", p.MRN(), "');\n")
    out.add(records(recs, "psql_x")).add("\nehr_replica=> \n")
    parts = [("Context", Doc("A40 merge from Epic arrived but the replica kept both rows. Output below from the read replica."), "text"),
             ("psql", out, "code"),
             ("Fix", Doc("Run the merge backfill job for this pair only (see runbook)."), "text")]
    return confluence(g, lay, "A40 merge not applied - investigation", parts)


@tpl("confluence_table", ["md", "wiki", "html", "plain"])
def kibana_discover_csv(g, lay):
    rows = []
    for _ in range(g.r.randint(4, 7)):
        p = g.person()
        rows.append([g.ts("iso", 5, 600), p.EMAIL(), p.IP(), p.MRN(), g.pick(["login_failed", "mfa_locked", "password_reset", "login_failed"]),
                     g.pick(["Chrome 120 / Windows", "Safari / iOS 17", "MyChart Android 10.4"])])
    csv = grid(["@timestamp", "user.email", "client.ip", "patient.mrn", "event.action", "user_agent.name"], rows, "csvq")
    parts = [("", Doc("Kibana > Discover > saved search 'portal-auth-failures' > Share > CSV Reports. Time range: last 4 hours."), "text"),
             ("Export", csv, "code"),
             ("Observation", Doc("All lockouts are from the new MFA rollout; none from the same IP. Not a credential-stuffing pattern."), "text")]
    return confluence(g, lay, "Portal lockouts after MFA rollout", parts, space="Digital Front Door")


@tpl("confluence_table", ["plain", "wiki", "md", "html"])
def clarity_report_output(g, lay):
    rows = []
    dept = g.pick(["CVH FAMILY MED", "MLH CARDIOLOGY", "SBMC PEDS", "RFC WOMENS HEALTH"])
    for _ in range(g.r.randint(4, 8)):
        p = g.person()
        rows.append([p.N("FG_nospace"), p.MRN(), p.DOB("us"), P(fdate(g.past(0, 5), "us") + " " + g.pick(["8", "9", "10", "11", "1", "2", "3", "4"]) + ":%02d %s" % (g.pick([0, 15, 30, 45]), g.pick(["AM", "PM"])), "date"),
                     dept, g.staff("MD").N("FG"), p.PHONE("paren"), g.pick(["No Show", "No Show", "Left without being seen", "Late cancel"])])
    hdr = ["Patient", "MRN", "DOB", "Appt Time", "Department", "Provider", "Home Phone", "Appt Status"]
    out = Doc("Report: Clinic No-Show Outreach (Reporting Workbench)\nRun by: ", g.staff().N("FG"), "   Run time: %s   Rows: %d\n\n" % (g.ts("us", 0, 1), len(rows)))
    out.add(grid(hdr, rows, "tsv"))
    parts = [("", Doc("Export of the Reporting Workbench template 'AMB NO SHOW OUTREACH' (File > Export > Tab-delimited)."), "text"),
             ("Export", out, "code")]
    return confluence(g, lay, "No-show callbacks - %s" % dept.title(), parts, space="Ambulatory Ops")


@tpl("confluence_table", ["md", "wiki", "plain", "html"])
def datadog_log_table(g, lay):
    rows = []
    for _ in range(g.r.randint(3, 6)):
        p = g.person()
        msg = J({"event": g.pick(["appointment.reminder.sent", "sms.delivery_failed", "appointment.confirmed"]),
                 "patient": {"mrn": p.MRN(), "name": p.N("gf"), "phone": p.PHONE("e164")},
                 "appt": {"start": P(fdate(g.today + timedelta(days=g.r.randint(1, 9)), "iso") + "T%02d:%02d:00" % (g.r.randint(7, 17), g.pick([0, 20, 40])), "date"),
                          "dept": g.pick(["CARDIO", "FM", "DERM"])}}, compact=True)
        rows.append([g.ts("iso", 1, 200), "notify-worker-%d" % g.r.randint(1, 4), "reminders", g.pick(["info", "warn", "error"]), msg])
    csv = grid(["Date", "Host", "Service", "Status", "Message"], rows, "csv")
    parts = [("", Doc("Datadog Logs > Explorer, query `service:reminders status:(warn OR error)`, exported as CSV."), "text"),
             ("Export", csv, "code"),
             ("Owner", Doc("Messaging squad; Twilio errors 30003 are unreachable handsets."), "text")]
    return confluence(g, lay, "Reminder SMS failures sample", parts, space="Platform")


# ============================================================================================
# support_ticket (PHI): ITSM exports and API-client output pasted into tickets
# ============================================================================================
def fhir_patient(g, pt, rid=None, full=True, mrn_system=None):
    if rid is None:
        rid = g.hexid(8) if g.r.random() < 0.5 else str(g.r.randint(1000, 999999))
    name = {"use": "official", "family": pt.N("family"), "given": [pt.N("given")]}
    res = {"resourceType": "Patient", "id": D(rid, "internal_id"),
           "meta": {"versionId": str(g.r.randint(1, 9)), "lastUpdated": g.ts("iso", 0, 1).replace("Z", "+00:00")},
           "identifier": [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                           "system": mrn_system or "urn:oid:1.2.840.114350.1.13.%d.2.7.5.737384.14" % g.r.randint(100, 999), "value": pt.MRN()}],
           "name": [name]}
    if pt.native and g.r.random() < 0.9:
        res["name"].append({"use": "usual", "text": P(pt.native, "person_name")})
    if full:
        res["telecom"] = [{"system": "phone", "value": pt.PHONE("dash"), "use": "mobile"}, {"system": "email", "value": pt.EMAIL()}]
        res["gender"] = {"F": "female", "M": "male"}[pt.sex]
    res["birthDate"] = pt.DOB("iso")
    if full:
        res["address"] = [{"use": "home", "line": [pt.STREET()], "city": pt.CITY(), "state": pt.STATE(), "postalCode": pt.ZIP(), "country": "US"}]
    return res


@tpl("support_ticket", ["csv", "snow", "jsm"])
def servicenow_csv_export(g, lay):
    rows = []
    pts = []
    for i in range(g.r.randint(3, 5)):
        caller = g.staff()
        if i == 0 or g.r.random() < 0.4:
            p = g.person()
            pts.append(p)
            desc = R(T("""
                Patient «nm» (MRN «mrn», DOB «dob») shows two active coverages after the eligibility run.
                Front desk cannot check the patient in. Call back at «phone» if patient needs to be contacted."""),
                nm=p.N(g.pick(["gf", "fg_comma"])), mrn=p.MRN(), dob=p.DOB(g.pick(["us", "iso"])), phone=p.PHONE())
            short = "Duplicate coverage blocks check-in"
        else:
            desc = Doc(g.pick(["Label printer in %s prints blank labels since the driver update." % g.pick(["ED triage", "Lab draw 2", "Admitting"]),
                               "Citrix session freezes when opening the In Basket.", "Badge tap-in fails on WOW cart %d." % g.r.randint(10, 99)]))
            short = g.pick(["Printer issue", "Citrix freeze", "Badge reader"])
        rows.append(["INC%07d" % g.r.randint(10000, 999999), g.ts("plain", 60, 3000), caller.N("gf"), short, desc,
                     g.pick(["Patient Access IT", "Service Desk", "EUC"]), g.pick(["New", "In Progress", "Resolved"])])
    csv = grid(["number", "opened_at", "caller_id", "short_description", "description", "assignment_group", "state"], rows, "csvq")
    if lay == "csv":
        return Doc("incident.csv  (ServiceNow list export, %d rows, exported %s)\n" % (len(rows), g.ts("plain", 0, 2)), csv)
    return ticket(g, lay, "Please check these incidents - exported list attached", Doc("Exported from the incident list (filter: assignment group = Patient Access IT, opened this week):\n\n", csv))


@tpl("support_ticket", ["xml", "xml_min"])
def servicenow_xml_export(g, lay):
    p = g.person()
    rel = maybe_rel(g, p, 0.6)
    caller, agent = g.staff(), g.staff()
    desc = R(T("""
        Portal proxy access request for «rel» («relw») to access «nm»'s MyChart.
        Patient DOB «dob», MRN «mrn». Proxy email «remail», proxy phone «rphone».
        Patient lives at «street», «city» «zip»; form scanned to media tab."""),
        rel=rel.N() if rel else P(g.person(culture=p.culture).n("gf"), "person_name"), relw=rel_word(g, rel)[1].lower() if rel else "caregiver", nm=p.N(), dob=p.DOB("us"), mrn=p.MRN(),
        remail=P((rel or p).email if rel else g.email_for(p), "email"), rphone=(rel or p).PHONE("dash", second=True),
        street=p.STREET(), city=p.CITY(), zip=p.ZIP())
    esc = desc.map(xml_esc)
    sysid = g.hexid(32)
    if lay == "xml":
        return R(T("""
            <?xml version="1.0" encoding="UTF-8"?><unload unload_date="«ud»">
            <sc_req_item action="INSERT_OR_UPDATE">
            <active>true</active>
            <assignment_group display_value="Patient Portal Support">«grp»</assignment_group>
            <assigned_to display_value="«aname»">«aid»</assigned_to>
            <cat_item display_value="MyChart proxy access">«cat»</cat_item>
            <description>«desc»</description>
            <number>RITM«num»</number>
            <opened_at>«opened»</opened_at>
            <opened_by display_value="«cname»">«cid»</opened_by>
            <short_description>MyChart proxy access</short_description>
            <state>2</state>
            <sys_id>«sysid»</sys_id>
            <sys_updated_on>«upd»</sys_updated_on>
            </sc_req_item>
            </unload>
            """), ud=g.ts("plain", 0, 1), grp=g.hexid(32), aname=agent.N(), aid=g.hexid(32), cat=g.hexid(32), desc=esc,
            num="%07d" % g.r.randint(10000, 999999), opened=g.ts("plain", 0, 1), cname=caller.N(), cid=g.hexid(32), sysid=sysid,
            upd=g.ts("plain", 100, 900))
    return R('<?xml version="1.0" encoding="UTF-8"?><unload unload_date="«ud»"><incident action="INSERT_OR_UPDATE"><caller_id display_value="«cname»">«cid»</caller_id><description>«desc»</description><number>INC«num»</number><opened_at>«opened»</opened_at><short_description>Proxy access form</short_description><sys_id>«sysid»</sys_id></incident></unload>\n',
             ud=g.ts("plain", 0, 1), cname=caller.N(), cid=g.hexid(32), desc=esc, num="%07d" % g.r.randint(10000, 999999),
             opened=g.ts("plain", 0, 1), sysid=sysid)


@tpl("support_ticket", ["csv", "tsv"])
def jira_csv_export(g, lay):
    rows = []
    for i in range(g.r.randint(2, 4)):
        rep, asg = g.staff(), g.staff()
        p = g.person()
        desc = R("Statement for «nm» shows a balance for DOS «dos» that the payer already paid (claim «clm»). Guarantor account «acct». Patient called from «ph».",
                 nm=p.N("gf"), dos=PD(g.past(20, 120), "us"), clm=P(g.claim_no(), "other_id"), acct=p.ACCT(), ph=p.PHONE())
        rows.append(["Statement shows paid balance", "RCM-%d" % g.r.randint(100, 9999), str(g.r.randint(10000, 99999)), "Task", g.pick(["To Do", "In Progress"]),
                     rep.N("handle"), asg.N("handle"), g.ts("us", 100, 5000), desc, p.MRN(), p.DOB("us")])
    hdr = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Reporter", "Assignee", "Created", "Description",
           "Custom field (Patient MRN)", "Custom field (Date of Birth)"]
    if lay == "csv":
        return Doc("Jira export (%s) - project RCM\n" % g.ts("plain", 0, 1), grid(hdr, rows, "csv"))
    return Doc("Jira issues, Export > Excel CSV (all fields), opened in Excel and copied:\n", grid(hdr, rows, "tsv"))


@tpl("support_ticket", ["zendesk", "snow", "jsm"])
def zendesk_curl_v(g, lay):
    p = g.person()
    host = g.pick(["api.portal.", "mychart-api.", "patientapp-api."]) + g.org_domain
    url = "https://%s/v2/patients/%s/appointments?status=booked" % (host, p.mrn)
    ip = g.server_ip()
    body = J({"patient": {"mrn": p.MRN(), "name": p.N("gf"), "dob": p.DOB("iso"), "mobile": p.PHONE("e164")},
              "appointments": [{"id": D(str(g.r.randint(10000000, 99999999)), "internal_id"),
                                "start": P(fdate(g.today + timedelta(days=g.r.randint(1, 20)), "iso") + "T%02d:30:00-05:00" % g.r.randint(8, 16), "date"),
                                "dept": g.pick(["CARDIOLOGY", "ONCOLOGY INFUSION", "PEDS"]), "status": "booked"}]}, indent=2)
    out = Doc("$ curl -v -H \"Authorization: Bearer $TOKEN\" \"", P(url, "url"), "\"\n")
    out.add("*   Trying %s:443...\n* Connected to %s (%s) port 443\n* ALPN: server accepted h2\n* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n" % (ip, host, ip))
    out.add("> GET /v2/patients/").add(p.MRN()).add("/appointments?status=booked HTTP/2\n> Host: %s\n> User-Agent: curl/8.4.0\n> Accept: */*\n> Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9...\n>\n" % host)
    out.add("< HTTP/2 200\n< date: %s\n< content-type: application/json; charset=utf-8\n< x-request-id: %s\n< x-ratelimit-remaining: 481\n<\n" % (g.ts("rfc2822", 0, 1).replace("-0500", "GMT"), g.uuid()))
    out.add(body).add("\n* Connection #0 to host %s left intact\n" % host)
    txt = Doc("The app shows 'no upcoming visits' for this patient but the API returns one. Reproduced with curl:\n\n", out,
              "\nThe app calls the same endpoint - caching?")
    return ticket(g, lay, "Mobile app shows no upcoming visits (API returns them)", txt, notes=[(g.staff(), Doc("CDN cache key ignores the Authorization header. Purged; fix in PR."))])


@tpl("support_ticket", ["jsm", "zendesk", "snow"])
def postman_console(g, lay):
    p = g.person()
    base = "https://fhir.%s/api/FHIR/R4" % g.org_domain
    system = "urn:oid:1.2.840.114350.1.13.%d.2.7.5.737384.14" % g.r.randint(100, 999)
    url = "%s/Patient?identifier=%s|%s" % (base, system, p.mrn)
    bundle = J({"resourceType": "Bundle", "type": "searchset", "total": 1,
                "entry": [{"fullUrl": "%s/Patient/%s" % (base, g.hexid(12)), "resource": fhir_patient(g, p, mrn_system=system),
                           "search": {"mode": "match"}}]}, indent=4)
    out = Doc("GET ", P(url, "url"), "\n200 OK   •   %d ms   •   %.1f KB\n\n▶ Network\n▼ Request Headers\n" % (g.r.randint(90, 900), g.r.uniform(1, 4)))
    out.add("   Authorization: Bearer {{access_token}}\n   Accept: application/fhir+json\n   User-Agent: PostmanRuntime/7.36.1\n   Postman-Token: %s\n   Host: fhir.%s\n" % (g.uuid(), g.org_domain))
    out.add("▼ Response Headers\n   Content-Type: application/fhir+json; charset=utf-8\n   X-Request-Id: %s\n   Cache-Control: no-store\n▼ Response Body\n" % g.uuid())
    out.add(bundle).add("\n")
    txt = Doc("Postman console from the integration test workspace. Search by MRN returns the patient, but search by name+birthdate (same patient) returns 0:\n\n", out,
              "\nSecond call was GET {{base}}/Patient?family=", p.N("family"), "&birthdate=", p.DOB("iso"), " -> total 0.")
    return ticket(g, lay, "FHIR Patient search by name+DOB returns nothing", txt)


@tpl("support_ticket", ["snow", "jsm", "zendesk"])
def httpie_member(g, lay):
    p = g.person(age_range=(20, 80))
    body = J({"memberId": p.MEMBER(), "subscriber": {"firstName": p.N("given"), "lastName": p.N("family"),
                                                    "dateOfBirth": p.DOB("iso"), "relationship": "self"},
              "plan": {"name": g.pick(PAYERS)[0], "group": D("GRP%05d" % g.r.randint(1000, 99999), "group_number"),
                       "effective": DD(date(g.today.year, 1, 1)), "pcp": {"name": g.staff("MD").N("dr"), "npi": g.staff().NPI()}},
              "address": {"line1": p.STREET(), "city": p.CITY(), "state": p.STATE(), "zip": p.ZIP()},
              "status": "ACTIVE"}, indent=4)
    out = Doc("$ http GET :8443/eligibility/v1/members/", p.MEMBER(), " Authorization:\"Bearer $T\" X-Correlation-Id:%s\n" % g.uuid())
    out.add("HTTP/1.1 200 OK\nConnection: keep-alive\nContent-Length: %d\nContent-Type: application/json\nDate: %s\nServer: envoy\n\n" % (g.r.randint(600, 900), g.ts("rfc2822", 0, 1).replace("-0500", "GMT")))
    out.add(body).add("\n")
    txt = Doc("Eligibility microservice returns ACTIVE but the 271 from the payer says terminated. httpie output from the bastion host:\n\n", out)
    return ticket(g, lay, "Eligibility cache stale for a member", txt, notes=[(g.staff(), Doc("Cache TTL is 30 days for ACTIVE; lowered to 24h in config."))])


@tpl("support_ticket", ["jsm", "snow", "zendesk"])
def cloudwatch_insights(g, lay):
    q = "fields @timestamp, @message\n| filter service = 'portal-auth' and level = 'ERROR'\n| sort @timestamp desc\n| limit 20"
    rows = []
    asc = g.r.random() < 0.5
    for _ in range(g.r.randint(3, 5)):
        p = g.person()
        m = J({"level": "ERROR", "service": "portal-auth", "msg": "identity proofing failed",
               "user": {"email": p.EMAIL(), "name": p.N("gf"), "dob": p.DOB("iso")}, "sourceIp": p.IP(),
               "reason": g.pick(["DOB_MISMATCH", "SSN_LAST4_MISMATCH", "KBA_TIMEOUT"]), "ssnLast4": D(p.ssn[-4:], "ssn_last4")},
              compact="tight", ascii_only=asc)
        rows.append([g.ts("plain", 10, 400) + ".%03d" % g.r.randint(0, 999), m])
    tbl = grid(["@timestamp", "@message"], rows, "tsv")
    txt = Doc("CloudWatch Logs Insights, log group /ecs/portal-auth-prod, last 3h:\n\n", q, "\n\n", tbl,
              "\nAll failures started after the identity vendor changed their date format. Can we roll back?")
    return ticket(g, lay, "Identity proofing failing for new portal sign-ups", txt)


@tpl("support_ticket", ["zendesk", "jsm", "snow"])
def graphql_response(g, lay):
    p = g.person()
    rel = maybe_rel(g, p, 0.8) or g.person()
    query = T("""
        query PatientHeader($id: ID!) {
          patient(id: $id) {
            mrn
            name { given family text }
            birthDate
            phone
            careTeam { name role }
            emergencyContact { name relationship phone }
          }
        }""")
    vars_ = J({"id": D("pat_" + g.hexid(10), "internal_id")})
    nm = {"given": p.N("given"), "family": p.N("family")}
    if p.native:
        nm["text"] = p.N("native")
    resp = J({"data": {"patient": {"mrn": p.MRN(), "name": nm,
                                   "birthDate": p.DOB("iso"), "phone": p.PHONE("dash"),
                                   "careTeam": [{"name": g.staff("MD").N("gf"), "role": "PCP"}, {"name": g.staff("RN").N("gf"), "role": "Care manager"}],
                                   "emergencyContact": {"name": rel.N("gf"), "relationship": g.pick(["daughter", "son", "spouse", "neighbor"]), "phone": rel.PHONE("dash")}}},
              "errors": [{"message": "Cannot return null for non-nullable field Patient.preferredPharmacy", "path": ["patient", "preferredPharmacy"]}]})
    txt = Doc("Apollo Sandbox against gql-gateway (prod). Operation:\n\n", query, "\n\nVariables:\n", vars_, "\n\nResponse:\n", resp,
              "\n\nThe header component crashes on the error even though data is there.")
    return ticket(g, lay, "Patient header GraphQL returns partial data + error", txt)


# ============================================================================================
# fhir_diff (PHI): diff tools over FHIR resources
# ============================================================================================



def pvals(g, pt):
    return {"family": pt.N("family"), "given": pt.N("given"), "birth": pt.DOB("iso"),
            "phone": pt.PHONE("dash"), "email": pt.EMAIL(), "line": pt.STREET(), "city": pt.CITY(), "state": pt.STATE(),
            "zip": pt.ZIP(), "mrn": pt.MRN(), "gender": {"F": "female", "M": "male"}[pt.sex],
            "text": pt.N("native") if pt.native and pt.culture != "vietnamese" else None}


def changed_vals(g, pt, mode):
    v = pvals(g, pt)
    if mode == "scrub":
        v.update(text=None, family=D("Zztest", "person_name"), given=D(g.pick(["Alpha", "Bravo", "Patient"]), "person_name"),
                 birth=D("1990-01-01", "date"), phone="%s-555-01%02d" % (g.pick(AREA), g.r.randint(0, 99)),
                 email="zztest.%s@example.org" % g.pick(["alpha", "bravo"]), line="123 Test St", city="Anytown",
                 zip="00000", mrn=D("T%07d" % g.r.randint(0, 9999999), "mrn"))
    elif mode == "moved":
        c, st, zp = g.pick(CITIES)
        v.update(line=P("%d %s %s" % (g.r.randint(3, 9899), g.pick(STREETS), g.pick(SUFFIX)), "street_address"), city=P(c, "street_address"),
                 state=D(st, "state"), zip=P(zp + "%02d" % g.r.randint(1, 98), "zip_code"), phone=pt.PHONE("dash", True))
    elif mode == "namefix":
        f = pt.n("family")
        alt = fold(f) if fold(f) != f else f.upper()
        v.update(family=P(alt, "person_name"), phone=pt.PHONE("dash", True))
    return v


def pat_res(rid, v, system, extra=None, order=None):
    res = {"resourceType": "Patient", "id": D(rid, "internal_id"),
           "identifier": [{"system": system, "value": v["mrn"]}],
           "name": [{"family": v["family"], "given": [v["given"]]}] + ([{"use": "usual", "text": v["text"]}] if v.get("text") is not None else []),
           "telecom": [{"system": "phone", "value": v["phone"], "use": "home"}, {"system": "email", "value": v["email"]}],
           "gender": v["gender"], "birthDate": v["birth"],
           "address": [{"line": [v["line"]], "city": v["city"], "state": v["state"], "postalCode": v["zip"]}]}
    if extra:
        res.update(extra)
    return res


def udiff(a, b, fa, fb, n=3, header=True):
    al, bl = jlines(a), jlines(b)
    at, bt = [x.text for x in al], [x.text for x in bl]
    sm = difflib.SequenceMatcher(None, at, bt, autojunk=False)
    out = Doc()
    if header:
        out.add("--- %s\n+++ %s\n" % (fa, fb))
    for grp in sm.get_grouped_opcodes(n):
        i1, i2, j1, j2 = grp[0][1], grp[-1][2], grp[0][3], grp[-1][4]
        out.add("@@ -%d,%d +%d,%d @@\n" % (i1 + 1, i2 - i1, j1 + 1, j2 - j1))
        for tag, x1, x2, y1, y2 in grp:
            if tag == "equal":
                for k in range(x1, x2):
                    out.add(" ").add(al[k]).add("\n")
                continue
            for k in range(x1, x2):
                out.add("-").add(al[k]).add("\n")
            for k in range(y1, y2):
                out.add("+").add(bl[k]).add("\n")
    return out


def _tokens(line):
    toks = []
    for s, l, k in line.segs:
        for t in re.findall(r"\S+|\s+", s):
            toks.append((t, l, k))
    return toks


def word_diff(a, b, n=2):
    """git diff --word-diff=plain --word-diff-regex='\\w+'"""
    al, bl = jlines(a), jlines(b)
    at, bt = [x.text for x in al], [x.text for x in bl]
    sm = difflib.SequenceMatcher(None, at, bt, autojunk=False)
    out = Doc()
    for grp in sm.get_grouped_opcodes(n):
        i1, i2, j1, j2 = grp[0][1], grp[-1][2], grp[0][3], grp[-1][4]
        out.add("@@ -%d,%d +%d,%d @@\n" % (i1 + 1, i2 - i1, j1 + 1, j2 - j1))
        for tag, x1, x2, y1, y2 in grp:
            if tag == "equal":
                for k in range(x1, x2):
                    out.add(al[k]).add("\n")
            elif tag == "replace" and x2 - x1 == y2 - y1:
                for k in range(x2 - x1):
                    ta, tb = _tokens(al[x1 + k]), _tokens(bl[y1 + k])
                    s2 = difflib.SequenceMatcher(None, [t[0] for t in ta], [t[0] for t in tb], autojunk=False)
                    for tg, a1, a2, b1, b2 in s2.get_opcodes():
                        if tg == "equal":
                            for t in ta[a1:a2]:
                                out.segs.append(t)
                            continue
                        if a2 > a1:
                            out.add("[-")
                            out.segs.extend(ta[a1:a2])
                            out.add("-]")
                        if b2 > b1:
                            out.add("{+")
                            out.segs.extend(tb[b1:b2])
                            out.add("+}")
                    out.add("\n")
            else:
                for k in range(x1, x2):
                    out.add("[-").add(al[k]).add("-]\n")
                for k in range(y1, y2):
                    out.add("{+").add(bl[k]).add("+}\n")
    segs = out.segs
    for i, (t, l, k) in enumerate(segs):
        if l and not t.strip():
            prev_ok = i > 0 and segs[i - 1][1:] == (l, k)
            next_ok = i + 1 < len(segs) and segs[i + 1][1:] == (l, k)
            if not (prev_ok and next_ok):
                segs[i] = (t, None, None)
    return out


def side_by_side(a, b, width=64):
    al, bl = jlines(a), jlines(b)
    width = max([width] + [dw(x.text) + 2 for x in al])
    at, bt = [x.text for x in al], [x.text for x in bl]
    sm = difflib.SequenceMatcher(None, at, bt, autojunk=False)
    out = Doc()
    for tag, x1, x2, y1, y2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(x2 - x1):
                out.add(pad(al[x1 + k].map(lambda s: s.replace("\t", " ")), width)).add("   ").add(bl[y1 + k]).add("\n")
            continue
        m = max(x2 - x1, y2 - y1)
        for k in range(m):
            L = al[x1 + k] if x1 + k < x2 else None
            Rr = bl[y1 + k] if y1 + k < y2 else None
            if L is not None and Rr is not None:
                out.add(pad(L, width)).add(" | ").add(Rr).add("\n")
            elif L is not None:
                out.add(pad(L, width)).add(" <\n")
            else:
                out.add(" " * width).add(" > ").add(Rr).add("\n")
    return out


def normal_diff(a, b):
    al, bl = jlines(a), jlines(b)
    sm = difflib.SequenceMatcher(None, [x.text for x in al], [x.text for x in bl], autojunk=False)
    out = Doc()
    rng = lambda i, j: str(i + 1) if j - i == 1 else "%d,%d" % (i + 1, j)
    for tag, x1, x2, y1, y2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            out.add("%sc%s\n" % (rng(x1, x2), rng(y1, y2)))
        elif tag == "delete":
            out.add("%sd%d\n" % (rng(x1, x2), y1))
        else:
            out.add("%da%s\n" % (x1, rng(y1, y2)))
        for k in range(x1, x2):
            out.add("< ").add(al[k]).add("\n")
        if tag == "replace":
            out.add("---\n")
        for k in range(y1, y2):
            out.add("> ").add(bl[k]).add("\n")
    return out


def pr_wrap(g, lay, title, path, diff, comment=None):
    rev = g.staff()
    if lay == "raw":
        return Doc(R("$ git log -1 --format='%H %an' && git diff HEAD~1 -- «path»\n«h» «who»\n", path=path, h=g.hexid(40), who=rev.N()), diff)
    if lay == "bitbucket":
        out = R("Pull request #«n»: «title»\n«who» wants to merge feature/«br» into develop\n\nFiles changed (1)\n«path»\n", n=g.r.randint(40, 900),
                title=title, who=rev.N(), br=g.pick(["fixtures-refresh", "sync-fix", "patient-mapper"]), path=path)
        out.add(diff)
        if comment:
            out.add(R("\n«who» commented on line «ln»\n", who=g.staff().N(), ln=g.r.randint(5, 40))).add(comment).add("\n")
        return out
    if lay == "github":
        out = R("## «title» #«n»\n**«who»** requested review · `«path»`\n\n```diff\n", title=title, n=g.r.randint(40, 900), who=D(rev.handle, "person_name"), path=path)
        out.add(diff).add("```\n")
        if comment:
            out.add(R("\n> **@«who»**: ", who=D(g.staff().handle, "person_name"))).add(comment).add("\n")
        return out
    raise ValueError(lay)


@tpl("fhir_diff", ["raw", "bitbucket", "github"])
def git_word_diff_patient(g, lay):
    p = g.person()
    system = "urn:oid:2.16.840.1.113883.3.%d.1" % g.r.randint(1000, 9999)
    rid = str(g.r.randint(1000, 99999))
    mode = g.pick(["scrub", "moved", "namefix"])
    a = J(pat_res(rid, pvals(g, p), system))
    b = J(pat_res(rid, changed_vals(g, p, mode), system))
    wd = word_diff(a, b)
    path = "src/test/resources/fixtures/patient-%s.json" % g.pick(["registration", "merge-case", "adt-a08", "portal"])
    diff = Doc("diff --git a/%s b/%s\nindex %s..%s 100644\n--- a/%s\n+++ b/%s\n" % (path, path, g.hexid(7), g.hexid(7), path, path), wd)
    title = {"scrub": "Replace prod-derived patient fixture with synthetic one", "moved": "Update fixture after address change test",
             "namefix": "Fixture: keep diacritics in family name"}[mode]
    cm = Doc("The old values came from a prod export - please also purge them from history.") if mode == "scrub" else Doc("Is this a real patient? Looks copied from the A08.")
    return Doc("$ git diff --word-diff\n", diff) if lay == "raw" else pr_wrap(g, lay, title, path, diff, cm)


@tpl("fhir_diff", ["plain", "jira", "confluence"])
def diff_y_sync(g, lay):
    p = g.person()
    rid = g.hexid(8)
    system = "http://hospital.%s/mrn" % g.org_domain
    a = J(pat_res(rid, pvals(g, p), system), indent=2)
    b = J(pat_res(rid, changed_vals(g, p, g.pick(["moved", "namefix"])), system), indent=2)
    sbs = side_by_side(a, b, 58)
    cmd = "$ diff -y -W 130 expected/patient_%s.json actual/patient_%s.json\n" % (rid, rid)
    body = Doc(cmd, sbs)
    if lay == "plain":
        return Doc("HIE sync check - %s\n\n" % g.ts("plain", 0, 1), body)
    if lay == "jira":
        return jira(g, "wiki", "HIE sync overwrites newer address with stale one", [("Diff (expected = EHR, actual = HIE)", body, True)], labels=("hie", "fhir"))
    return confluence(g, "wiki", "Sync discrepancy log", [("Example", body, "code")], space="HIE Program")


@tpl("fhir_diff", ["curl", "postman"])
def hapi_diff_operation(g, lay):
    p = g.person()
    rid = str(g.r.randint(1000, 999999))
    a, b = pvals(g, p), changed_vals(g, p, g.pick(["moved", "namefix"]))
    parts = [{"name": "operation", "part": [{"name": "type", "valueCode": "replace"}, {"name": "path", "valueString": "Patient.meta.versionId"},
                                            {"name": "previousValue", "valueId": "2"}, {"name": "value", "valueId": "3"}]}]
    paths = {"family": "Patient.name[0].family", "phone": "Patient.telecom[0].value", "line": "Patient.address[0].line[0]",
             "city": "Patient.address[0].city", "zip": "Patient.address[0].postalCode"}
    for k, path in paths.items():
        if a[k].text != cd(b[k]).text:
            parts.append({"name": "operation", "part": [{"name": "type", "valueCode": "replace"}, {"name": "path", "valueString": path},
                                                        {"name": "previousValue", "valueString": a[k]}, {"name": "value", "valueString": b[k]}]})
    body = J({"resourceType": "Parameters", "parameter": parts})
    url = "https://hapi.%s/fhir/Patient/%s/$diff?fromVersion=2" % (g.org_domain, rid)
    if lay == "curl":
        out = Doc("$ curl -s '%s' -H 'Accept: application/fhir+json' | jq .\n" % url, body, "\n")
    else:
        out = Doc("GET %s\n200 OK  %d ms\n\nBody  Pretty  JSON\n" % (url, g.r.randint(40, 400)), body, "\n")
    ctx = Doc("Which version is right? Registration says the patient (", p.N("gf"), ", DOB ", p.DOB("us"), ") moved; the HIE pushed version 3 back.\n\n")
    return jira(g, g.pick(["wiki", "cloud", "md"]), "Patient/%s flip-flops between versions 2 and 3" % rid, [("", ctx, False), ("$diff", out, True)], labels=("hapi", "fhir"))


def encounter_res(g, pt, rid, pat_id, start, end):
    return {"resourceType": "Encounter", "id": D(rid, "internal_id"), "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": g.pick(["IMP", "AMB", "EMER"])},
            "identifier": [{"system": "urn:oid:1.2.3.4.5.%d" % g.r.randint(10, 99), "value": pt.VISIT()}],
            "subject": {"reference": Doc("Patient/", D(pat_id, "internal_id")), "display": pt.N("gf")},
            "period": {"start": P(fdate(start, "iso") + "T%02d:%02d:00-05:00" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date"),
                       "end": P(fdate(end, "iso") + "T%02d:%02d:00-05:00" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date")},
            "reasonCode": [{"text": D(g.pick(SHORT_COND), "condition")}],
            "serviceProvider": {"display": g.FAC()}}


@tpl("fhir_diff", ["raw", "bitbucket", "github"])
def git_unified_bundle(g, lay):
    p = g.person()
    pid_ = str(g.r.randint(1000, 99999))
    start = g.past(3, 40)
    end = start + timedelta(days=g.r.randint(0, 6))
    system = "urn:oid:1.2.840.114350.1.13.%d.3.7.5.737384.0" % g.r.randint(100, 999)

    def bundle(v, enc_end):
        return {"resourceType": "Bundle", "type": "transaction", "entry": [
            {"fullUrl": "urn:uuid:%s" % g.uuid(), "resource": pat_res(pid_, v, system), "request": {"method": "PUT", "url": Doc("Patient/", D(pid_, "internal_id"))}},
            {"fullUrl": "urn:uuid:%s" % g.uuid(), "resource": encounter_res(g, p, "enc-%d" % g.r.randint(100, 999), pid_, start, enc_end),
             "request": {"method": "POST", "url": "Encounter"}}]}
    cv = changed_vals(g, p, g.pick(["moved", "namefix"]))
    state = g.r.getstate()
    a = J(bundle(pvals(g, p), end))
    g.r.setstate(state)
    b = J(bundle(cv, end + timedelta(days=1)))
    path = "fixtures/bundles/transaction-%s.json" % g.pick(["readmit", "ed-visit", "transfer"])
    diff = udiff(a, b, "a/" + path, "b/" + path, n=2)
    if lay == "raw":
        return Doc("$ git diff %s\ndiff --git a/%s b/%s\nindex %s..%s 100644\n" % (path, path, path, g.hexid(7), g.hexid(7)), diff)
    return pr_wrap(g, lay, "Refresh transaction bundle fixture from staging", path, diff,
                   Doc("This bundle is a real encounter from staging (staging is a prod copy). Please replace with synthetic data."))


@tpl("fhir_diff", ["plain", "jira"])
def newman_assertion_diff(g, lay):
    for _ in range(30):
        p = g.person(culture=g.pick(["vietnamese", "polish", "german", "turkish", "mexican", "irish", "nigerian", "portuguese"]))
        if fold(p.family) != p.family:
            break
    url = "https://fhir-stage.%s/R4/Patient?identifier=%s" % (g.org_domain, p.mrn)
    expected = p.n("family")
    actual = fold(expected)
    rep = Doc("newman\n\nPatient registration sync\n\n→ Get patient by MRN\n  GET ", P(url, "url"), " [200 OK, 1.9kB, %dms]\n" % g.r.randint(80, 600))
    rep.add("  ✓  Status code is 200\n  ✓  One match\n  1. family name preserved\n  2. birthDate matches registration\n\n")
    tbl = T("""
        ┌─────────────────────────┬──────────────────┬─────────────────┐
        │                         │         executed │          failed │
        ├─────────────────────────┼──────────────────┼─────────────────┤
        │              iterations │                1 │               0 │
        ├─────────────────────────┼──────────────────┼─────────────────┤
        │                requests │                1 │               0 │
        ├─────────────────────────┼──────────────────┼─────────────────┤
        │              assertions │                4 │               2 │
        └─────────────────────────┴──────────────────┴─────────────────┘
        """)
    rep.add(tbl).add("\n  #  failure         detail\n\n 1.  AssertionError  family name preserved\n                     expected '").add(P(actual, "person_name"))
    rep.add("' to deeply equal '").add(P(expected, "person_name")).add("'\n                     at assertion:2 in test-script\n                     inside \"Get patient by MRN\"\n\n")
    shifted = p.dob + timedelta(days=1)
    rep.add(" 2.  AssertionError  birthDate matches registration\n                     expected '").add(PD(shifted, "iso")).add("' to deeply equal '").add(p.DOB("iso"))
    rep.add("'\n                     at assertion:3 in test-script\n")
    if lay == "plain":
        return Doc("$ newman run patient-sync.postman_collection.json -e stage.postman_environment.json\n", rep)
    return jira(g, "cloud", "Staging sync strips diacritics and shifts birthDate by one day (TZ)",
                [("Newman output", rep, True), ("", Doc("Timezone: the sync converts birthDate through a Date at local midnight."), False)], labels=("fhir", "sync"))


@tpl("fhir_diff", ["jsonl", "table"])
def jsonpatch_audit(g, lay):
    p = g.person()
    rid = str(g.r.randint(1000, 999999))
    rows = []
    a, b = pvals(g, p), changed_vals(g, p, "moved")
    ops = [("/telecom/0/value", a["phone"], b["phone"]), ("/address/0/line/0", a["line"], b["line"]),
           ("/address/0/city", a["city"], b["city"]), ("/address/0/postalCode", a["zip"], b["zip"])]
    for path, old, new in ops:
        who = g.staff()
        rows.append((g.ts("iso", 1, 5), who, path, old, new))
    if lay == "jsonl":
        out = Doc()
        for ts, who, path, old, new in rows:
            out.add(J({"ts": ts, "actor": who.N("handle"), "resource": Doc("Patient/", D(rid, "internal_id")), "patch": [{"op": "test", "path": path, "value": old}, {"op": "replace", "path": path, "value": new}]}, compact=True)).add("\n")
        head = Doc("$ grep 'Patient/%s' /var/log/fhir-gateway/audit-%s.jsonl\n" % (rid, g.today.isoformat()))
        return Doc(head, out, "\nPatch applied by the registration kiosk for ", p.N("gf"), "; the kiosk should not be able to write telecom.\n")
    out = grid(["Time", "Actor", "Path", "Old value", "New value"], [[ts, who.N("gf"), path, old, new] for ts, who, path, old, new in rows], "psql")
    return confluence(g, g.pick(["wiki", "md"]), "Audit: kiosk writes to Patient/%s" % rid,
                      [("", Doc("SELECT ts, actor, path, old_value, new_value FROM fhir_audit_patch WHERE resource_id = '%s';" % rid), "code"), ("Result", out, "code")])


def related_res(g, pt, rel, rid):
    code, text = rel_word(g, rel)
    return {"resourceType": "RelatedPerson", "id": D(rid, "internal_id"), "patient": {"reference": Doc("Patient/", D(str(g.r.randint(1000, 99999)), "internal_id")), "display": pt.N("gf")},
            "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": code, "display": text}]}],
            "name": [{"family": rel.N("family"), "given": [rel.N("given")]}],
            "telecom": [{"system": "phone", "value": rel.PHONE("dash")}], "birthDate": rel.DOB("iso")}


def coverage_res(g, pt, rid):
    name, pid_, _ = g.pick(PAYERS)
    return {"resourceType": "Coverage", "id": D(rid, "internal_id"), "status": "active", "subscriberId": pt.MEMBER(),
            "beneficiary": {"reference": Doc("Patient/", D(str(g.r.randint(1000, 99999)), "internal_id")), "display": pt.N("gf")},
            "relationship": {"coding": [{"code": "self"}]},
            "period": {"start": DD(date(g.today.year, 1, 1)), "end": DD(date(g.today.year, 12, 31))},
            "payor": [{"display": name}], "class": [{"type": {"coding": [{"code": "group"}]}, "value": D("GRP%05d" % g.r.randint(1000, 99999), "group_number")}]}


@tpl("fhir_diff", ["gitlab", "plain"])
def gitlab_mr_diff(g, lay):
    p = g.person()
    rel = maybe_rel(g, p, 1.0)
    kind = g.pick(["RelatedPerson", "Coverage"])
    state = g.r.getstate()
    a = J(related_res(g, p, rel, "rp-1") if kind == "RelatedPerson" else coverage_res(g, p, "cov-1"))
    g.r.setstate(state)
    if kind == "RelatedPerson":
        res = related_res(g, p, rel, "rp-1")
        res["telecom"].append({"system": "email", "value": rel.EMAIL()})
        res["telecom"][0]["value"] = rel.PHONE("dash", True)
    else:
        res = coverage_res(g, p, "cov-1")
        res["subscriberId"] = P(g.member_id(), "health_plan_id")
    b = J(res)
    al, bl = jlines(a), jlines(b)
    sm = difflib.SequenceMatcher(None, [x.text for x in al], [x.text for x in bl], autojunk=False)
    out = Doc()
    for tag, x1, x2, y1, y2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(x2 - x1):
                out.add("%4d %4d    " % (x1 + k + 1, y1 + k + 1)).add(al[x1 + k]).add("\n")
            continue
        for k in range(x1, x2):
            out.add("%4d      - " % (k + 1)).add(al[k]).add("\n")
        for k in range(y1, y2):
            out.add("     %4d + " % (k + 1)).add(bl[k]).add("\n")
    path = "test/fixtures/%s/%s.json" % (kind.lower(), g.pick(["emergency-contact", "primary", "proxy", "guarantor"]))
    head = "%s\n+%d -%d   View file @%s\n" % (path, sum(1 for t in sm.get_opcodes() if t[0] != "equal"), sum(1 for t in sm.get_opcodes() if t[0] != "equal"), g.hexid(8))
    if lay == "plain":
        return Doc(head, out)
    who = g.staff()
    return Doc(R("!«n» Update «kind» fixture\n«who» requested to merge «br» into main\n\nChanges 1\n", n=g.r.randint(100, 2000), kind=kind, who=who.N(), br=g.pick(["fixture-update", "coverage-sync"])), head, out,
               R("\n«who» · started a thread on line «ln»: where did this contact come from? Looks like a real next of kin.\n", who=g.staff().N(), ln=g.r.randint(8, 20)))


@tpl("fhir_diff", ["plain", "jira", "md"])
def jq_normal_diff(g, lay):
    p = g.person()
    rid = g.hexid(10)
    system = "urn:oid:1.2.36.146.595.217.0.1"
    a = J(pat_res(rid, pvals(g, p), system), indent=2)
    b = J(pat_res(rid, changed_vals(g, p, g.pick(["moved", "namefix"])), system), indent=2)
    out = Doc("$ diff <(curl -s $PROD/Patient/%s | jq -S .) <(curl -s $DR/Patient/%s | jq -S .)\n" % (rid, rid), normal_diff(a, b))
    if lay == "plain":
        return out
    if lay == "md":
        return Doc("**DR replica drift** - Patient/%s differs from prod:\n\n```\n" % rid, out, "```\n")
    return jira(g, "wiki", "DR FHIR store lagging: Patient resources differ", [("Example", out, True)], labels=("dr", "fhir"))


# ============================================================================================
# sql_seed (PHI): query consoles and seed exports
# ============================================================================================
def sql_wrap(g, lay, title, body):
    if lay == "raw":
        return body
    if lay == "jira":
        return jira(g, g.pick(["wiki", "cloud", "md"]), title, [("", Doc("Output from the reporting replica:"), False), ("", body, True)], labels=("data",))
    if lay == "slack":
        who = g.staff()
        return Doc(who.N(), "  %s\n%s\n```\n" % (g.ts("plain", 0, 1)[11:16], title), body, "```\n", g.staff().N(), "  ", g.ts("plain", 30, 300)[11:16], "\nthanks, looking\n")
    raise ValueError(lay)


@tpl("sql_seed", ["raw", "jira", "slack"])
def psql_expanded_patient(g, lay):
    p = g.person()
    rel = maybe_rel(g, p, 0.5)
    rec = [("id", D(str(g.r.randint(10000, 999999)), "internal_id")), ("mrn", p.MRN()), ("last_name", p.N("family")),
           ("first_name", p.N("given")), ("middle_name", P(p.middle, "person_name") if p.middle else ""),
           ("name_native", p.N("native") if p.native else ""),
           ("birth_date", p.DOB("iso")), ("sex", p.sex), ("ssn", p.SSN()), ("phone_mobile", p.PHONE("digits")), ("email", p.EMAIL()),
           ("addr_line1", p.STREET(False)), ("addr_line2", P(p.unit, "street_address") if p.unit else ""), ("city", p.CITY()),
           ("state", p.STATE()), ("zip", p.ZIP()),
           ("emergency_contact", rel.N("gf") if rel else ""), ("emergency_phone", rel.PHONE("dash") if rel else ""),
           ("created_at", g.ts("plain", 0, 1) + ".%06d+00" % g.r.randint(0, 999999)), ("deleted_at", "")]
    body = Doc("registry=# \\x auto\nExpanded display is used automatically.\nregistry=# SELECT * FROM patients WHERE mrn = '", p.MRN(), "';\n")
    body.add(records([rec], "psql_x")).add("\nTime: %.3f ms\nregistry=# \n" % g.r.uniform(0.3, 12))
    return sql_wrap(g, lay, "Why is emergency_phone null for the new registrations? Example:", body)


@tpl("sql_seed", ["raw", "jira", "slack"])
def mysql_vertical(g, lay):
    rows = []
    for _ in range(g.r.randint(1, 3)):
        p = g.person()
        rows.append([("appt_id", D(str(g.r.randint(100000, 999999)), "internal_id")), ("patient_mrn", p.MRN()),
                     ("patient_name", p.N("fg_comma")), ("dob", p.DOB("iso")), ("cell", p.PHONE("dash")),
                     ("appt_start", P(fdate(g.today + timedelta(days=g.r.randint(0, 14)), "iso") + " %02d:%02d:00" % (g.r.randint(7, 17), g.pick([0, 15, 30, 45])), "date")),
                     ("provider", g.staff("MD").N("fg")), ("sms_status", g.pick(["undelivered", "queued", "failed"])),
                     ("last_error", g.pick(["30003 Unreachable destination handset", "21610 Attempt to send to unsubscribed recipient", "NULL"]))])
    body = Doc("mysql> SELECT a.appt_id, p.mrn AS patient_mrn, CONCAT(p.last_name, ', ', p.first_name) AS patient_name, p.dob, p.cell,\n    ->        a.appt_start, CONCAT(d.last_name, ', ', d.first_name) AS provider, r.sms_status, r.last_error\n")
    body.add("    -> FROM appointments a JOIN patients p USING (patient_id) JOIN providers d USING (provider_id)\n    -> JOIN reminders r USING (appt_id) WHERE r.sms_status <> 'delivered' AND a.appt_start > NOW()\\G\n")
    body.add(records(rows, "mysql_G"))
    return sql_wrap(g, lay, "reminder failures from the scheduling DB", body)


@tpl("sql_seed", ["raw", "jira"])
def ssms_results_text(g, lay):
    rows = []
    for i in range(g.r.randint(3, 6)):
        p = g.person(old=i == 1)
        adm = g.past(1, 10)
        rows.append([p.MRN(), p.N("FG"), p.DOB("sql_dt"), P(fdate(adm, "iso") + " %02d:%02d:00.000" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date"),
                     g.pick(["4W-412", "ICU-07", "5N-530", "OBS-12"]), D(g.pick(SHORT_COND), "condition"), p.AGE()])
    sql = T("""
        -- census for bed board reconciliation
        SELECT pt.MRN, pt.PAT_NAME, pt.BIRTH_DATE, enc.HOSP_ADMSN_TIME, bed.BED_LABEL, enc.PRINCIPAL_PROBLEM, pt.AGE_YEARS
        FROM PATIENT pt
        JOIN PAT_ENC_HSP enc ON enc.PAT_ID = pt.PAT_ID
        JOIN CLARITY_BED bed ON bed.BED_ID = enc.BED_ID
        WHERE enc.HOSP_DISCH_TIME IS NULL AND enc.DEPARTMENT_ID = 10101004;
        """)
    res = grid(["MRN", "PAT_NAME", "BIRTH_DATE", "HOSP_ADMSN_TIME", "BED_LABEL", "PRINCIPAL_PROBLEM", "AGE_YEARS"], rows, "ssms",
               align=["<", "<", "<", "<", "<", "<", ">"])
    res.add("\nCompletion time: %s-05:00\n" % g.ts("iso", 0, 1).replace("Z", ""))
    body = Doc(sql, "\n", res)
    return sql_wrap(g, lay, "Bed board shows these patients in the wrong unit", body)


@tpl("sql_seed", ["raw", "jira", "slack"])
def sqlplus_columns(g, lay):
    rows = []
    for _ in range(g.r.randint(2, 5)):
        p = g.person()
        rows.append([p.MRN(), p.N("FAMILY"), p.N("GIVEN"), p.DOB("oracle"), p.SSN(),
                     P(fdate(g.past(0, 30), "oracle"), "date"), g.pick(["Y", "N"])])
    body = Doc(T("""
        SQL> SET LINESIZE 200 PAGESIZE 50
        SQL> COLUMN last_name FORMAT A18
        SQL> COLUMN first_name FORMAT A14
        SQL> SELECT mrn, last_name, first_name, birth_dt, ssn, last_enc_dt, deceased_yn
          2  FROM lab.patient_master
          3  WHERE upd_src = 'ADT' AND upd_dt > SYSDATE - 1
          4  ORDER BY last_name;

        """))
    body.add(grid(["MRN", "LAST_NAME", "FIRST_NAME", "BIRTH_DT", "SSN", "LAST_ENC_DT", "D"], rows, "sqlplus"))
    body.add("\nElapsed: 00:00:00.%02d\nSQL> \n" % g.r.randint(1, 99))
    return sql_wrap(g, lay, "LIS patient master after yesterday's ADT replay", body)


@tpl("sql_seed", ["raw", "pr"])
def dbeaver_insert_export(g, lay):
    out = Doc("-- Generated by DBeaver 23.3.1 (Data transfer: SQL INSERT)\n-- Source: prod-readonly / ehr.public.patient\n-- Exported: %s\n\n" % g.ts("plain", 0, 1))
    for _ in range(g.r.randint(3, 6)):
        p = g.person()
        vals = [D(str(g.r.randint(1000, 99999)), "internal_id"), sql_str(p.MRN()), sql_str(p.N("family")),
                sql_str(p.N("given")), sql_str(p.DOB("iso")), sql_str(p.PHONE("dash")), sql_str(p.EMAIL()),
                sql_str(p.STREET()), sql_str(p.CITY()), sql_str(p.STATE()), sql_str(p.ZIP())]
        out.add("INSERT INTO public.patient (id,mrn,family_name,given_name,birth_date,phone,email,line1,city,state,postal_code) VALUES\n\t (")
        out.add(join(",", vals)).add(");\n")
    if lay == "raw":
        return Doc("db/seeds/dev_patients.sql\n", out)
    who = g.staff()
    return Doc(R("Pull request: seed dev DB with realistic patients\n«who» committed «h»\n\n", who=who.N(), h=g.hexid(7)),
               "+++ b/db/seeds/dev_patients.sql\n", Doc(*[Doc("+", ln, "\n") for ln in jlines(out)[:-1]]),
               R("\nReview (changes requested) - «who»: these came from the prod read-only connection. Remove and rewrite history.\n", who=g.staff().N()))


@tpl("sql_seed", ["raw", "gz"])
def pg_dump_copy(g, lay):
    out = Doc(T("""
        --
        -- PostgreSQL database dump
        --

        -- Dumped from database version 15.5
        -- Dumped by pg_dump version 16.1

        SET statement_timeout = 0;
        SET client_encoding = 'UTF8';

        --
        -- Data for Name: guarantor; Type: TABLE DATA; Schema: billing; Owner: rcm_app
        --

        COPY billing.guarantor (guarantor_id, account_no, last_name, first_name, birth_date, ssn, address1, city, state, zip, phone) FROM stdin;
        """))
    for i in range(g.r.randint(3, 6)):
        p = g.person(age_range=(25, 80))
        out.add(join("\t", [D(str(g.r.randint(1000, 9999) + i), "internal_id"), p.ACCT(), p.N("family"), p.N("given"),
                            p.DOB("iso"), p.SSN() if g.r.random() < 0.7 else "\\N", p.STREET(), p.CITY(), p.STATE(), p.ZIP(), p.PHONE("dash")])).add("\n")
    out.add("\\.\n\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
    if lay == "raw":
        return out
    return Doc("$ zcat rcm_%s.sql.gz | sed -n '/COPY billing.guarantor/,/^\\\\./p'\n" % g.today.strftime("%Y%m%d"), out)


@tpl("sql_seed", ["raw", "jira"])
def clarity_sqlcmd(g, lay):
    rows = []
    for i in range(g.r.randint(3, 6)):
        p = g.person(old=i == 0 or g.r.random() < 0.3)
        rows.append([D("Z%d" % g.r.randint(100000, 999999), "internal_id"), p.MRN(), p.N("FG_nospace"), p.DOB("sql_dt"),
                     p.AGE(), P(p.zip, "zip_code"), D(g.pick(["E11.9", "I10", "I50.9", "N18.3"]), "diagnosis_code"),
                     P(fdate(g.past(10, 300), "iso"), "date")])
    body = Doc('C:\\> sqlcmd -S clarity-rpt01 -d Clarity -E -W -s"|" -i registry_extract.sql\n')
    body.add(grid(["PAT_ID", "PAT_MRN_ID", "PAT_NAME", "BIRTH_DATE", "AGE", "ZIP", "DX", "LAST_PCP_VISIT"], rows, "sqlcmd"))
    return sql_wrap(g, lay, "Registry extract for the state immunization report (over-90 rows look wrong)", body)


@tpl("sql_seed", ["raw", "slack"])
def sqlite_modes(g, lay):
    p = g.person()
    rel = maybe_rel(g, p, 0.6) or g.person()
    body = Doc("$ sqlite3 ~/Library/Containers/org.cvh.homecare/Data/cache.db\nSQLite version 3.43.2 2023-10-10 13:08:36\nsqlite> .mode line\n")
    body.add("sqlite> SELECT * FROM visit_queue WHERE synced = 0;\n")
    body.add(records([[("visit_id", D(str(g.r.randint(1000, 9999)), "internal_id")), ("patient_name", p.N("gf")), ("mrn", p.MRN()),
                       ("dob", p.DOB("us")), ("address", p.ADDR()), ("visit_date", PD(g.past(0, 3), "iso")),
                       ("caregiver", rel.N("gf")), ("caregiver_phone", rel.PHONE("paren")), ("synced", "0")]], "sqlite_line"))
    body.add("sqlite> .mode box\nsqlite> SELECT visit_id, mrn, vitals_json FROM visit_vitals WHERE synced = 0;\n")
    body.add(grid(["visit_id", "mrn", "vitals_json"], [[D(str(g.r.randint(1000, 9999)), "internal_id"), p.MRN(),
                                                        '{"bp":"%d/%d","hr":%d,"spo2":%d}' % (g.r.randint(100, 170), g.r.randint(60, 100), g.r.randint(55, 120), g.r.randint(88, 99))]], "sqlite_box"))
    return sql_wrap(g, lay, "home-care iPad cache has unsynced visits (from the device backup)", body)


# ============================================================================================
# clinical_note (PHI): DICOM dumps, report writers, note viewers
# ============================================================================================
def note_text(g, pt, style="short"):
    cond, code = COND(g)
    age = pt.AGE()
    sexw = {"F": g.pick(["woman", "female"]), "M": g.pick(["man", "male"])}[pt.sex]
    return R("«nm» is a «age»-year-old «sex» with «cond» («code») admitted «adm» for «short». Home meds include «med1» and «med2». "
             "Family at bedside. Plan: continue «med1», repeat BMP in AM, PT/OT eval. Discussed with Dr. «att».",
             nm=pt.N(g.pick(["gf", "initial"])), age=age, sex=sexw, cond=cond, code=code, adm=PD(g.past(1, 5), g.pick(["us", "long", "mon_d_y"])),
             short=D(g.pick(SHORT_COND), "condition"), med1=MED(g), med2=MED(g), att=D(g.staff("MD").family or "Okafor", "person_name"))


def dcm_patient_elems(g, pt, study_date, acc, old_age_fmt=True):
    ref = g.staff("MD")
    charset = "ISO_IR 192" if pt.native and g.r.random() < 0.6 else "ISO_IR 100"
    name = pt.N("dicom") if charset == "ISO_IR 192" else pt.N("DICOM")
    return [("SpecificCharacterSet", charset), ("ImageType", "ORIGINAL\\PRIMARY\\AXIAL"), ("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2"),
            ("SOPInstanceUID", dcm_uid(g)), ("StudyDate", PD(study_date, "hl7")), ("SeriesDate", PD(study_date, "hl7")),
            ("StudyTime", "%02d%02d%02d" % (g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59))),
            ("AccessionNumber", D(acc, "accession_number")), ("Modality", g.pick(["CT", "MR", "CR", "US"])),
            ("Manufacturer", g.pick(["GE MEDICAL SYSTEMS", "SIEMENS", "Philips", "Canon Medical Systems"])), ("InstitutionName", g.FAC()),
            ("ReferringPhysicianName", D(ref.n("hl7"), "person_name")), ("StudyDescription", g.pick(EXAMS)),
            ("PatientName", name), ("PatientID", pt.MRN()), ("IssuerOfPatientID", g.fac_code), ("PatientBirthDate", pt.DOB("hl7")),
            ("PatientSex", pt.sex), ("PatientAge", P("%03dY" % pt.age, "age_over_89") if pt.age >= 90 else "%03dY" % pt.age),
            ("PatientWeight", "%.1f" % g.r.uniform(40, 120))]


@tpl("clinical_note", ["raw", "jira", "md"])
def dcmdump_study(g, lay):
    pt = g.person(old=g.r.random() < 0.3)
    sd = g.past(0, 10)
    acc = "A%d%06d" % (sd.year % 100, g.r.randint(0, 999999))
    el = dcm_patient_elems(g, pt, sd, acc)
    if g.r.random() < 0.6:
        el += [("PatientAddress", Doc(pt.STREET(), ", ", pt.CITY(), " ", pt.STATE(), " ", pt.ZIP())), ("PatientTelephoneNumbers", pt.PHONE("digits"))]
    rel = maybe_rel(g, pt, 1.0)
    el += [("PatientComments", Doc("Claustrophobic - ", MED(g), " given. Call ", rel_word(g, rel)[1].lower(), " ", rel.N("gf"), " on arrival")),
           ("BodyPartExamined", g.pick(["HEAD", "CHEST", "ABDOMEN", "LSPINE"])), ("DeviceSerialNumber", D(str(g.r.randint(10000, 999999)), "device_id")),
           ("StudyInstanceUID", dcm_uid(g)), ("SeriesInstanceUID", dcm_uid(g)), ("SeriesNumber", str(g.r.randint(1, 9))),
           ("Rows", "512"), ("Columns", "512"), ("PixelData", None)]
    meta = DCM_META[:]
    body = Doc("$ dcmdump %s/IM%05d.dcm\n" % (acc, g.r.randint(1, 400)))
    body.add(dcmdump(el, meta))
    if lay == "raw":
        return body
    ctx = Doc("Study will not route to the teleradiology AE; the receiving PACS rejects on PatientName. Header dump:\n")
    if lay == "md":
        return Doc("### PACS routing failure\n\n", ctx, "\n```\n", body, "```\n")
    return jira(g, "wiki", "Teleradiology router rejects study (PatientName charset)", [("", ctx, False), ("dcmdump", body, True)], labels=("pacs", "dicom"))


@tpl("clinical_note", ["raw", "notebook"])
def pydicom_dataset_print(g, lay):
    pt = g.person(old=g.r.random() < 0.3)
    sd = g.past(0, 20)
    acc = "%s%d" % (g.fac_code, g.r.randint(1000000, 9999999))
    el = dcm_patient_elems(g, pt, sd, acc)
    el += [("OtherPatientIDs", P(g.mrn("n7"), "mrn")), ("AdmissionID", pt.VISIT()), ("MedicalAlerts", Doc(COND(g)[0])),
           ("Allergies", Doc(D(g.pick(["penicillin", "iodinated contrast", "sulfa", "latex"]), "medication"))),
           ("StudyInstanceUID", dcm_uid(g)), ("Rows", "2048"), ("Columns", "2048"), ("BitsAllocated", "16"), ("PixelData", None)]
    meta = [("0002,0000", "UL", "204", "File Meta Information Group Length"), ("0002,0002", "UI", "Digital X-Ray Image Storage - For Presentation", "Media Storage SOP Class UID"),
            ("0002,0010", "UI", "Explicit VR Little Endian", "Transfer Syntax UID")]
    dump = pydicom_print(el, meta)
    if lay == "raw":
        return Doc(">>> import pydicom\n>>> ds = pydicom.dcmread('export/%s.dcm')\n>>> print(ds)\n" % acc, dump)
    return Doc("In [3]: ds = pydicom.dcmread(path)\n\nIn [4]: print(ds)\n", dump, "\nIn [5]: ds.PatientName.family_name\nOut[5]: '",
               P(pt.n("DICOM").split("^")[0], "person_name"), "'\n")


@tpl("clinical_note", ["tsv", "grid"])
def reporting_workbench_notes(g, lay):
    rows = []
    for _ in range(g.r.randint(2, 3)):
        p = g.person()
        auth = g.staff(g.pick(["MD", "NP", "PA-C"]))
        rows.append([D(str(g.r.randint(100000000, 999999999)), "internal_id"), p.N("FG"), p.MRN(), PD(g.past(0, 14), "us"),
                     auth.N("FG"), g.pick(["Progress Notes", "H&P", "Discharge Summary", "Consults"]), note_text(g, p)])
    hdr = ["Note ID", "Patient", "MRN", "Service Date", "Author", "Note Type", "Note Text"]
    head = Doc("Reporting Workbench: IP NOTES MISSING COSIGN\nCriteria: Department = %s; Cosign required = Yes; Status = Signed\nExported %s by " % (g.pick(["4 WEST MED", "CARDIAC STEPDOWN", "HOSPITALIST A"]), g.ts("us", 0, 1)), g.staff().N("FG"), "\n\n")
    return Doc(head, grid(hdr, rows, "tsv" if lay == "tsv" else "markdown"))


@tpl("clinical_note", ["tree", "table"])
def mdm_tree_viewer(g, lay):
    pt = g.person()
    auth = g.staff("MD")
    when = g.past(0, 5)
    ctrl = g.ctrl()
    txt = jlines(note_text(g, pt))
    segs = [msh(g, "MDM^T02^MDM_T02", ctrl=ctrl, app=("DRAGON", "TRANS"), recv=("EPIC", "NOTES")), seg("EVN", f1="T02", f2=D(g.ts("hl7", 0, 2), "date")),
            pid(g, pt, full=g.r.random() < 0.5),
            seg("TXA", f1="1", f2="DS", f3="TX", f4=P(fdate(when, "hl7") + "%02d%02d" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date"),
                f5=[auth.NPI(), D(fold(auth.family or auth.given).upper(), "person_name"), D(fold(auth.given).upper(), "person_name")],
                f12=D("DOC%08d" % g.r.randint(0, 99999999), "internal_id"), f17="AU")]
    segs.append(seg("OBX", f1="1", f2="TX", f3=["NOTE", "Discharge summary"], f5=txt[0], f11="F", f14=P(fdate(when, "hl7"), "date")))
    head = Doc("7Edit 3.0 - message %s (MDM^T02) - validation: 1 warning\n" % ctrl)
    if lay == "tree":
        return Doc(head, hl7_tree(segs, "hl7soup"), "\nWarning: OBX-5 length %d exceeds 65536 for TX? no - TXA-17 'AU' but OBX-11 'F'\n" % len(txt[0].text))
    return Doc(head, grid(["Field", "Name", "Value"], hl7_table(segs), "ssms", footer=False))


@tpl("clinical_note", ["text", "xml"])
def powerscribe_export(g, lay):
    pt = g.person(old=g.r.random() < 0.25)
    rad = g.staff("MD")
    exam = g.pick(EXAMS)
    acc = "%d%07d" % (g.today.year % 100, g.r.randint(0, 9999999))
    cond = g.pick(["No acute intracranial abnormality.", "Right lower lobe consolidation compatible with pneumonia.",
                   "Nondisplaced fracture of the left femoral neck.", "Small bilateral pleural effusions, new since prior."])
    dt_ = g.past(0, 7)
    if lay == "text":
        return R(T("""
            PowerScribe 360 | Report Export
            Accession: «acc»    Status: FINAL    Site: «fac»
            Patient: «nm»    MRN: «mrn»    DOB: «dob» («age» y)    Sex: «sex»
            Exam: «exam»    Exam Date: «ed»
            Ordering: «ordp»    Reading: «rad»

            CLINICAL HISTORY: «hist»
            COMPARISON: «cmp».
            FINDINGS: As below.
            IMPRESSION:
            1. «imp»

            Electronically signed by «rad» on «signed»
            """), acc=D(acc, "accession_number"), fac=g.FAC(), nm=pt.N("FG"), mrn=pt.MRN(), dob=pt.DOB("us"), age=pt.AGE(),
            sex=pt.sex, exam=exam, ed=PD(dt_, "us"), ordp=g.staff("MD").N("cred"), rad=rad.N("cred"),
            hist=D(g.pick(SHORT_COND), "condition"), cmp=Doc("Prior study ", PD(dt_ - timedelta(days=g.r.randint(30, 900)), "us")),
            imp=D(cond, "condition"), signed=g.ts("us", 200, 900))
    body = R(T("""
        <Report>
          <AccessionNumber>«acc»</AccessionNumber>
          <Patient><Name>«nm»</Name><MRN>«mrn»</MRN><DOB>«dob»</DOB><Sex>«sex»</Sex></Patient>
          <Procedure code="«code»">«exam»</Procedure>
          <ExamDateTime>«ed»</ExamDateTime>
          <Radiologist npi="«npi»">«rad»</Radiologist>
          <Impression>«imp»</Impression>
        </Report>
        """), acc=D(acc, "accession_number"), nm=pt.N("hl7"), mrn=pt.MRN(), dob=pt.DOB("iso"), sex=pt.sex, code=D(g.pick(CPTS)[0], "procedure_code"),
        exam=exam, ed=P(fdate(dt_, "iso") + "T%02d:%02d:00" % (g.r.randint(0, 23), g.r.randint(0, 59)), "date"),
        npi=rad.NPI(), rad=rad.N("gf"), imp=D(cond, "condition"))
    return Doc("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- PS360 export job %s -->\n" % g.uuid(), body)


@tpl("clinical_note", ["text", "html"])
def ccd_rendered(g, lay):
    pt = g.person()
    rel = maybe_rel(g, pt, 0.8) or g.person()
    pcp = g.staff("MD")
    rows = [("Patient", Doc(pt.N("gf"), Doc(" / ", pt.N("native")) if pt.native and pt.culture != "vietnamese" else "")), ("Date of birth", pt.DOB("long")), ("Sex", {"F": "Female", "M": "Male"}[pt.sex]),
            ("Patient-ID", Doc(pt.MRN(), " (%s)" % g.fac_code)), ("Contact info", Doc("Primary Home: ", pt.ADDR(), "\nTel: ", pt.PHONE("plus_dash"))),
            ("Guardian / contact", Doc(rel.N("gf"), " (", rel_word(g, rel)[1], ") Tel: ", rel.PHONE("plus_dash"))),
            ("Document created", Doc(g.ts("plain", 0, 1))), ("Author", Doc(pcp.N("cred"), ", ", g.FAC())),
            ("Encounter", Doc(PD(g.past(0, 20), "long"), " - Office Visit"))]
    probs = [COND(g) for _ in range(3)]
    meds = [MED(g) for _ in range(3)]
    if lay == "text":
        out = Doc("Continuity of Care Document (rendered with CDA.xsl)\n\n")
        for k, v in rows:
            out.add("%-20s " % k).add(v).add("\n")
        out.add("\nProblems\n").add(join("\n", [Doc("  - ", c, " [", code, "]") for c, code in probs])).add("\n")
        out.add("Medications\n").add(join("\n", [Doc("  - ", m) for m in meds])).add("\n")
        return out
    out = Doc('<table class="header_table"><tbody>\n')
    for k, v in rows:
        out.add('<tr><td class="td_label">%s</td><td>' % k).add(cd(v).map(xml_esc).map(lambda s: s.replace("\n", "<br/>"))).add("</td></tr>\n")
    out.add("</tbody></table>\n<h3>Problems</h3><ul>").add(join("", [Doc("<li>", c, " [", code, "]</li>") for c, code in probs])).add("</ul>\n")
    return Doc("<!-- saved from the HIE viewer: View Source -->\n", out)


@tpl("clinical_note", ["text", "jira"])
def clinical_viewer_paste(g, lay):
    pt = g.person(old=g.r.random() < 0.3)
    encs = []
    for _ in range(g.r.randint(3, 5)):
        d0 = g.past(5, 700)
        encs.append([PD(d0, "us"), g.pick(["Inpatient", "Emergency", "Outpatient", "Observation"]), g.FAC(), g.staff("MD").N("fg"), D(g.pick(SHORT_COND), "condition")])
    encs.sort(key=lambda r: r[0].text[-4:] + r[0].text[:5], reverse=True)
    out = Doc("HealthShare Clinical Viewer\n")
    out.add(R("«nm»«nat»   «sex»   DOB: «dob» («age» yrs)   MRN: «mrn» («fac»)   MPI: «mpi»\n", nm=pt.N("FG"),
              nat=Doc(" (", pt.N("native"), ")") if pt.native else "", sex=pt.sex, dob=pt.DOB("us"), age=pt.AGE(),
              mrn=pt.MRN(), fac=g.fac_code, mpi=P(str(g.r.randint(100000000, 999999999)), "other_id")))
    out.add(R("Address: «a»    Home: «ph»\n\n", a=pt.ADDR(), ph=pt.PHONE("paren")))
    out.add("Encounters (%d)\n" % len(encs)).add(grid(["Date", "Type", "Facility", "Clinician", "Reason"], encs, "tsv")).add("\n")
    out.add("Clinical Notes\n").add(note_text(g, pt)).add("\n")
    if lay == "text":
        return out
    return jira(g, "cloud", "Clinical Viewer shows encounters from another facility's MPI link", [("Screen copy", out, True)], labels=("hie", "mpi"))


@tpl("clinical_note", ["shell", "jira"])
def docref_decoded(g, lay):
    pt = g.person()
    did = g.hexid(12)
    note = R(T("""
        TELEPHONE ENCOUNTER  «when»
        Caller: «rel» («relw») re: «nm», DOB «dob»
        Callback: «cb»
        Reason: «cond» - worse since «since». Taking «med» as prescribed.
        Advice: ED if chest pain or SOB. Appt booked with «pcp» «appt».
        «rn»
        """), when=PD(g.past(0, 3), "us"), rel=(maybe_rel(g, pt, 1.0)).N("gf"), relw=g.pick(["daughter", "wife", "husband", "son"]),
        nm=pt.N("gf"), dob=pt.DOB("us"), cb=pt.PHONE(), cond=D(g.pick(SHORT_COND), "condition"), since=PD(g.past(3, 9), "mon_d_y"),
        med=MED(g), pcp=g.staff("MD").N("dr"), appt=PD(g.today + timedelta(days=g.r.randint(1, 5)), "us"), rn=g.staff("RN").N("cred"))
    out = Doc("$ curl -s -H \"Authorization: Bearer $TOK\" https://fhir.%s/R4/DocumentReference/%s | jq -r '.content[0].attachment.data' | base64 -d\n" % (g.org_domain, did), note)
    if lay == "shell":
        return out
    return jira(g, "md", "Telephone notes arrive with CRLF stripped in the HIE feed", [("", Doc("Decoded attachment of DocumentReference/%s:" % did), False), ("", out, True)], labels=("fhir", "notes"))


# ============================================================================================
# claims_csv (PHI): X12 viewers, BI and clearinghouse exports
# ============================================================================================
def fac_addr_segs(g):
    a = g.pick(FAC_ADDR)
    parts = [x.strip() for x in a.split(",")]
    st, zp = parts[-1].split()
    return [xs("N3", (D(parts[0], "facility"), "Address Information")),
            xs("N4", (D(parts[-2], "facility"), "City Name"), (D(st, "state"), "State or Province Code"), (D(zp, "facility"), "Postal Code"))]


def icd_x12(code):
    return code.replace(".", "")


def x837_loops(g, pt):
    billing = g.staff()
    rend = g.staff("MD")
    payer = g.pick(PAYERS)
    dos = g.past(5, 60)
    icds = g.r.sample(CONDITIONS, 2)
    cpt = g.pick(CPTS)
    amt = "%d" % g.r.randint(90, 2400)
    loops = [
        ("1000A", "Submitter Name", [nm1_org("41", "Submitter", g.fac, "46", "SUB" + g.fac_code, "facility"),
                                     xs("PER", ("IC", "Contact Function Code", "Information Contact"), (billing.N("FG"), "Name"),
                                        ("TE", "Communication Number Qualifier", "Telephone"), (D(billing.pager.replace("-", ""), "staff_contact"), "Communication Number"))]),
        ("1000B", "Receiver Name", [nm1_org("40", "Receiver", "AVAILITY", "46", "030240928")]),
        ("2000A", "Billing Provider Hierarchical Level", [xs("HL", ("1", "Hierarchical ID Number"), "", ("20", "Hierarchical Level Code"), ("1", "Hierarchical Child Code"))]),
        ("2010AA", "Billing Provider Name", [nm1_org("85", "Billing Provider", g.fac, "XX", D(g.npi(), "npi"), "facility")] + fac_addr_segs(g) +
         [xs("REF", ("EI", "Reference Identification Qualifier", "Employer's Identification Number"), (D("%09d" % g.r.randint(100000000, 999999999), "internal_id"), "Reference Identification"))]),
        ("2000B", "Subscriber Hierarchical Level", [xs("HL", ("2", "Hierarchical ID Number"), ("1", "Hierarchical Parent ID Number"), ("22", "Hierarchical Level Code"), ("0", "Hierarchical Child Code")),
                                                    xs("SBR", ("P", "Payer Responsibility Sequence Number Code", "Primary"), ("18", "Individual Relationship Code", "Self"),
                                                       (D("GRP%05d" % g.r.randint(1000, 99999), "group_number"), "Group Number"), "", "", "", "", "", ("CI", "Claim Filing Indicator Code"))]),
        ("2010BA", "Subscriber Name", [nm1_person("IL", "Insured or Subscriber", pt, "MI", pt.MEMBER()),
                                       xs("N3", (pt.STREET(), "Address Information")),
                                       xs("N4", (pt.CITY(), "City Name"), (pt.STATE(), "State or Province Code"), (pt.ZIP(), "Postal Code")),
                                       xs("DMG", ("D8", "Date Time Period Format Qualifier"), (pt.DOB("hl7"), "Date Time Period"), (pt.sex, "Gender Code"))]),
        ("2010BB", "Payer Name", [nm1_org("PR", "Payer", payer[0].upper(), "PI", payer[1])]),
        ("2300", "Claim Information", [xs("CLM", (pt.ACCT(), "Claim Submitter's Identifier"), (amt, "Monetary Amount"), "", "", ("11:B:1", "Health Care Service Location Information"),
                                          ("Y", "Provider Signature Indicator"), ("A", "Assignment Code"), ("Y", "Benefits Assignment Certification"), ("Y", "Release of Information Code")),
                                       xs("DTP", ("431", "Date/Time Qualifier", "Onset of Current Illness"), ("D8", "Format Qualifier"), (PD(dos - timedelta(days=g.r.randint(1, 20)), "hl7"), "Date Time Period")),
                                       xs("HI", (Doc("ABK:", D(icd_x12(icds[0][1]), "diagnosis_code")), "Health Care Code Information"),
                                          (Doc("ABF:", D(icd_x12(icds[1][1]), "diagnosis_code")), "Health Care Code Information"))]),
        ("2310B", "Rendering Provider Name", [nm1_staff("82", "Rendering Provider", rend)]),
        ("2400", "Service Line Number", [xs("LX", ("1", "Assigned Number")),
                                         xs("SV1", (Doc("HC:", D(cpt[0], "procedure_code")), "Composite Medical Procedure Identifier"), (amt, "Line Item Charge Amount"),
                                            ("UN", "Unit or Basis for Measurement Code"), ("1", "Service Unit Count"), "", "", ("1", "Diagnosis Code Pointer")),
                                         xs("DTP", ("472", "Date/Time Qualifier", "Service"), ("D8", "Format Qualifier"), (PD(dos, "hl7"), "Service Date"))]),
    ]
    return x12_envelope(g, ("837", "HC"), loops)


@tpl("claims_csv", ["tree", "viewer", "grid"])
def x12_837_viewer(g, lay):
    pt = g.person()
    loops = x837_loops(g, pt)
    name = "%s_837P_%s.x12" % (g.fac_code, g.today.strftime("%Y%m%d"))
    if lay == "grid":
        rows = x12_grid_rows(loops)
        return Doc("%s - element view (exported from the EDI viewer, CSV)\n" % name, grid(["Loop", "Segment", "Element", "Description", "Value"], rows, "csvq"))
    head = Doc("EDI Notepad - %s  [837 Health Care Claim: Professional, 005010X222A1]\n\n" % name) if lay == "tree" else Doc("X12 Viewer > %s > Transaction 0001\n\n" % name)
    raw = Doc("Raw:\n", x12_raw(loops), "\n\nParsed:\n")
    return Doc(head, raw, x12_tree(loops, "edi_notepad" if lay == "tree" else "viewer"))


@tpl("claims_csv", ["tree", "raw_report"])
def x12_835_viewer(g, lay):
    payer = g.pick(PAYERS)
    check = str(g.r.randint(10000000, 99999999))
    body = [("1000A", "Payer Identification", [xs("N1", ("PR", "Entity Identifier Code", "Payer"), (payer[0].upper(), "Name"))]),
            ("1000B", "Payee Identification", [xs("N1", ("PE", "Entity Identifier Code", "Payee"), (g.FAC(), "Name"), ("XX", "Identification Code Qualifier"), (D(g.npi(), "npi"), "Identification Code"))])]
    report = Doc()
    for i in range(g.r.randint(2, 3)):
        pt = g.person()
        chg = g.r.randint(120, 3000)
        paid = int(chg * g.r.uniform(0.2, 0.8))
        pcn = P(g.claim_no(), "other_id")
        dos = g.past(10, 90)
        cpt = g.pick(CPTS)[0]
        segs = [xs("CLP", (pt.ACCT(), "Patient Control Number"), ("1", "Claim Status Code", "Processed as Primary"), (str(chg), "Total Claim Charge Amount"),
                   (str(paid), "Claim Payment Amount"), (str(g.r.randint(0, 80)), "Patient Responsibility Amount"), ("12", "Claim Filing Indicator Code"),
                   (pcn, "Payer Claim Control Number"), ("11", "Facility Type Code")),
                xs("CAS", ("CO", "Claim Adjustment Group Code", "Contractual Obligations"), ("45", "Claim Adjustment Reason Code"), (str(chg - paid), "Adjustment Amount")),
                nm1_person("QC", "Patient", pt, "MI", pt.MEMBER()),
                xs("DTM", ("232", "Date/Time Qualifier", "Claim Statement Period Start"), (PD(dos, "hl7"), "Date")),
                xs("SVC", (Doc("HC:", D(cpt, "procedure_code")), "Composite Medical Procedure Identifier"), (str(chg), "Line Item Charge Amount"), (str(paid), "Line Item Provider Payment Amount")),
                xs("DTM", ("472", "Date/Time Qualifier", "Service"), (PD(dos, "hl7"), "Date"))]
        body.append(("2100", "Claim Payment Information", segs))
        report.add(R("  «nm:<28» «acct:<13» «dos»  «chg:>8» «paid:>8»  CO-45\n", nm=pt.N("FG"), acct=pt.ACCT(), dos=PD(dos, "us"), chg="%.2f" % chg, paid="%.2f" % paid))
    loops = x12_envelope(g, ("835", "HP"), [("BPR", "Financial Information", [xs("BPR", ("I", "Transaction Handling Code"), ("%.2f" % g.r.uniform(1000, 9000), "Total Actual Provider Payment Amount"), ("C", "Credit/Debit Flag Code"), ("ACH", "Payment Method Code"))]),
                                             ("TRN", "Reassociation Trace Number", [xs("TRN", ("1", "Trace Type Code"), (check, "Check or EFT Trace Number"))])] + body, "005010X221A1")
    if lay == "tree":
        return Doc("835 Remittance Viewer - ERA %s (%s)\n\n" % (check, payer[0]), x12_tree(loops, "viewer"))
    return Doc("ERA SUMMARY  Check/EFT %s  Payer %s\n  %-28s %-13s %-10s  %8s %8s  ADJ\n" % (check, payer[1], "PATIENT", "ACCOUNT", "DOS", "BILLED", "PAID"),
               report, "\nRAW 835:\n", x12_raw(loops), "\n")


@tpl("claims_csv", ["tree", "grid"])
def x12_834_viewer(g, lay):
    sub = g.person(age_range=(26, 62))
    dep = g.person(culture=sub.culture, family_from=sub if sub.culture not in ("russian", "greek", "polish") else None, age_range=(1, 17))
    eff = DD(date(g.today.year, g.r.randint(1, 12), 1), "hl7")
    grp = D("GRP%05d" % g.r.randint(1000, 99999), "group_number")
    members = []
    for p, ins in ((sub, ("Y", "18", "Self")), (dep, ("N", "19", "Child"))):
        segs = [xs("INS", (ins[0], "Member Indicator"), (ins[1], "Individual Relationship Code", ins[2]), ("021", "Maintenance Type Code", "Addition"), ("28", "Maintenance Reason Code"), ("A", "Benefit Status Code")),
                xs("REF", ("0F", "Reference Identification Qualifier", "Subscriber Number"), (sub.MEMBER(), "Reference Identification")),
                xs("REF", ("1L", "Reference Identification Qualifier", "Group or Policy Number"), (grp, "Reference Identification")),
                xs("DTP", ("356", "Date Time Qualifier", "Eligibility Begin"), ("D8", "Format Qualifier"), (eff, "Date Time Period")),
                nm1_person("IL", "Insured or Subscriber", p, "34", p.SSN(False)),
                xs("PER", ("IP", "Contact Function Code", "Insured Party"), "", ("HP", "Communication Number Qualifier", "Home Phone"), (sub.PHONE("digits"), "Communication Number"),
                   ("EM", "Communication Number Qualifier", "Electronic Mail"), (sub.EMAIL(), "Communication Number")),
                xs("N3", (sub.STREET(), "Address Information")),
                xs("N4", (sub.CITY(), "City Name"), (sub.STATE(), "State Code"), (sub.ZIP(), "Postal Code")),
                xs("DMG", ("D8", "Format Qualifier"), (p.DOB("hl7"), "Date Time Period"), (p.sex, "Gender Code")),
                xs("HD", ("021", "Maintenance Type Code"), "", ("HLT", "Insurance Line Code"), ("PPO-GOLD", "Plan Coverage Description"), ("FAM", "Coverage Level Code")),
                xs("DTP", ("348", "Date Time Qualifier", "Benefit Begin"), ("D8", "Format Qualifier"), (eff, "Date Time Period"))]
        members.append(("2000", "Member Level Detail", segs))
    loops = x12_envelope(g, ("834", "BE"), [("1000A", "Sponsor Name", [xs("N1", ("P5", "Entity Identifier Code", "Plan Sponsor"), (g.pick(["ACME LOGISTICS LLC", "CITY OF SPRINGFIELD", "RIVERSIDE SCHOOL DISTRICT"]), "Name"))]),
                                            ("1000B", "Payer", [xs("N1", ("IN", "Entity Identifier Code", "Insurer"), (g.pick(PAYERS)[0].upper(), "Name"))])] + members, "005010X220A1")
    if lay == "tree":
        return Doc("834 Benefit Enrollment - file ENR_%s.txt - 2 members\n\n" % g.today.strftime("%Y%m%d"), x12_tree(loops, "edi_notepad"))
    return Doc("834 element grid (viewer export)\n", grid(["Loop", "Segment", "Element", "Description", "Value"], x12_grid_rows(loops), "tsv"))


@tpl("claims_csv", ["tree", "raw"])
def x12_271_viewer(g, lay):
    pt = g.person()
    payer = g.pick(PAYERS)
    loops = [("2000A", "Information Source Level", [xs("HL", ("1", "Hierarchical ID Number"), "", ("20", "Hierarchical Level Code"), ("1", "Hierarchical Child Code")),
                                                     nm1_org("PR", "Payer", payer[0].upper(), "PI", payer[1])]),
             ("2000B", "Information Receiver Level", [xs("HL", ("2", "Hierarchical ID Number"), ("1", "Parent ID"), ("21", "Hierarchical Level Code"), ("1", "Hierarchical Child Code")),
                                                      nm1_org("1P", "Provider", g.fac, "XX", D(g.npi(), "npi"), "facility")]),
             ("2000C", "Subscriber Level", [xs("HL", ("3", "Hierarchical ID Number"), ("2", "Parent ID"), ("22", "Hierarchical Level Code"), ("0", "Hierarchical Child Code")),
                                            xs("TRN", ("2", "Trace Type Code"), (g.uuid().replace("-", "")[:20].upper(), "Reference Identification"))]),
             ("2100C", "Subscriber Name", [nm1_person("IL", "Insured or Subscriber", pt, "MI", pt.MEMBER()),
                                           xs("N3", (pt.STREET(), "Address Information")),
                                           xs("N4", (pt.CITY(), "City Name"), (pt.STATE(), "State Code"), (pt.ZIP(), "Postal Code")),
                                           xs("DMG", ("D8", "Format Qualifier"), (pt.DOB("hl7"), "Date Time Period"), (pt.sex, "Gender Code")),
                                           xs("DTP", ("346", "Date Time Qualifier", "Plan Begin"), ("D8", "Format Qualifier"), (DD(date(g.today.year, 1, 1), "hl7"), "Date Time Period"))]),
             ("2110C", "Subscriber Eligibility or Benefit Information", [
                 xs("EB", ("1", "Eligibility or Benefit Information Code", "Active Coverage"), ("IND", "Coverage Level Code"), ("30", "Service Type Code", "Health Benefit Plan Coverage"), "", ("GOLD PPO", "Plan Coverage Description")),
                 xs("EB", ("C", "Eligibility or Benefit Information Code", "Deductible"), ("IND", "Coverage Level Code"), ("30", "Service Type Code"), "", "", ("23", "Time Period Qualifier", "Calendar Year"), ("1500", "Monetary Amount")),
                 xs("MSG", ("Deductible met to date 412.18", "Free-form Message Text"))])]
    loops = x12_envelope(g, ("271", "HB"), loops, "005010X279A1")
    if lay == "tree":
        return Doc("Eligibility response (271) for request %s\n\n" % g.uuid(), x12_tree(loops, "viewer"))
    return Doc("$ cat 271_%s.edi | tr '~' '\\n'\n" % g.hexid(6), x12_raw(loops, "\n"), "\n")


@tpl("claims_csv", ["csvq", "csv"])
def tableau_denials_csv(g, lay):
    rows = []
    for _ in range(g.r.randint(5, 10)):
        p = g.person()
        rows.append([P(g.claim_no(), "other_id"), p.ACCT(), p.N("fg_comma"), p.MEMBER(), PD(g.past(15, 120), "us"), g.pick(PAYERS)[0],
                     g.pick(["CO-16", "CO-197", "CO-50", "PR-204", "CO-97", "CO-11"]), "%.2f" % g.r.uniform(40, 5000)])
    hdr = ["Claim Number", "Patient Account", "Patient Name", "Member ID", "DOS", "Payer", "CARC", "Denied Amount"]
    return Doc(grid(hdr, rows, lay))


@tpl("claims_csv", ["csv", "tsv"])
def powerbi_ar_aging(g, lay):
    rows = []
    for _ in range(g.r.randint(5, 9)):
        p = g.person(age_range=(20, 85))
        rows.append([p.N("FG"), p.ACCT(), p.DOB("us"), "%.2f" % g.r.uniform(50, 9000), g.pick(["0-30", "31-60", "61-90", "91-120", "120+"]),
                     DD(g.past(5, 60), "us"), p.PHONE("paren"), g.pick(["Self-pay", "Payment plan", "Collections review", "Charity screen"])])
    hdr = ["Guarantor", "Account", "Guarantor DOB", "Balance", "Aging Bucket", "Last Statement", "Phone", "Financial Class"]
    return Doc("AR Aging - Self Pay (Power BI, Export data > Data with current layout)\n" if lay == "tsv" else "", grid(hdr, rows, lay))


@tpl("claims_csv", ["tsv", "csv"])
def excel_remit_tsv(g, lay):
    rows = []
    check = str(g.r.randint(10000000, 99999999))
    payer = g.pick(PAYERS)[0]
    for _ in range(g.r.randint(4, 8)):
        p = g.person()
        b = g.r.uniform(100, 4000)
        a = b * g.r.uniform(0.3, 0.9)
        pd_ = a * g.r.uniform(0.6, 1.0)
        rows.append([check, payer, p.N("FG"), p.ACCT(), p.MEMBER() if g.r.random() < 0.5 else p.MBI(), PD(g.past(10, 90), "us_nopad"),
                     "%.2f" % b, "%.2f" % a, "%.2f" % pd_, "%.2f" % (b - a), "%.2f" % (a - pd_)])
    hdr = ["Check #", "Payer", "Patient", "Acct", "Member/MBI", "DOS", "Billed", "Allowed", "Paid", "Adj", "Pt Resp"]
    return grid(hdr, rows, lay)


@tpl("claims_csv", ["fixed", "fixed_crlf"])
def clearinghouse_277ca_report(g, lay):
    out = Doc("CLAIM ACKNOWLEDGEMENT REPORT (277CA)                                        PAGE 1\n")
    out.add("SUBMITTER: %s   BATCH: %d   RECEIVED: %s\n" % (g.fac_code, g.r.randint(100000, 999999), g.ts("us", 0, 1)))
    out.add("-" * 110 + "\n")
    out.add("%-26s %-14s %-10s %-14s %-10s %s\n" % ("PATIENT NAME", "MEMBER ID", "DOS", "PAT CTRL #", "STATUS", "REASON"))
    out.add("-" * 110 + "\n")
    for _ in range(g.r.randint(4, 8)):
        p = g.person()
        st = g.pick(["A2", "A3", "A3", "A7"])
        reason = {"A2": "ACCEPTED", "A3": g.pick(["562 ENTITY'S NATIONAL PROVIDER ID", "158 ENTITY'S DATE OF BIRTH", "33 SUBSCRIBER ID INVALID"]), "A7": "21 MISSING OR INVALID INFORMATION"}[st]
        out.add(pad(p.N("FG"), 26)).add(" ").add(pad(p.MEMBER(), 14)).add(" ").add(pad(PD(g.past(5, 40), "us_short"), 10)).add(" ")
        out.add(pad(p.ACCT(), 14)).add(" ").add("%-10s %s\n" % (st, reason))
    out.add("-" * 110 + "\nTOTAL CLAIMS: %d   ACCEPTED: %d   REJECTED: %d\n" % (g.r.randint(10, 90), g.r.randint(5, 60), g.r.randint(1, 9)))
    if lay == "fixed_crlf":
        out = out.map(lambda s: s.replace("\n", "\r\n"))
    return out


# ============================================================================================
# patient_email (PHI): mail sources and mail-system logs
# ============================================================================================
NATIVE_CULTURES = ["chinese", "korean", "japanese", "hindi", "arabic", "russian", "greek", "hebrew", "thai", "amharic", "vietnamese"]


def mail_body(g, pt, rel=None, lang=None):
    lang = lang or ("native" if pt.native and g.r.random() < 0.5 else g.pick(["en", "en", "es"]))
    who = rel or pt
    if lang == "es" and who is not pt:
        return R(T("""
            Buenos días,

            Soy «who», «relw» de «nm» (fecha de nacimiento «dob», expediente «mrn»). «Pron» salió del hospital el «dis»
            y todavía no recibimos la receta de «med». ¿Pueden llamarme al «ph»?

            Gracias,
            «who»
            """), who=who.N(), relw={"F": "hija", "M": "hijo"}[who.sex], nm=pt.N(), dob=pt.DOB("eu_slash"), mrn=pt.MRN(),
            Pron={"F": "Mi mamá", "M": "Mi papá"}[pt.sex], dis=PD(g.past(1, 9), "d_month_y"), med=MED(g), ph=who.PHONE())
    if lang == "es":
        return R(T("""
            Buenos días,

            Me llamo «nm», fecha de nacimiento «dob», expediente «mrn». Me dieron de alta el «dis»
            y la farmacia todavía no tiene la receta de «med». Mi teléfono es «ph».

            Gracias,
            «sig»
            """), nm=pt.N(), dob=pt.DOB("eu_slash"), mrn=pt.MRN(), dis=PD(g.past(1, 9), "d_month_y"), med=MED(g),
            ph=pt.PHONE(), sig=pt.N("first"))
    if lang == "native" and pt.native:
        return R(T("""
            Hello,

            I am writing for my «relw» «nm» («native»), date of birth «dob», MRN «mrn».
            «cond» follow-up was moved to «appt» but the letter went to the old address. New address: «addr».
            Best number is «ph».

            «sig»
            """), relw=g.pick(["father", "mother", "grandmother"]), nm=pt.N(), native=pt.N("native"), dob=pt.DOB(g.pick(["long", "us"])),
            mrn=pt.MRN(), cond=D(g.pick(SHORT_COND), "condition"), appt=PD(g.today + timedelta(days=g.r.randint(2, 20)), "long"),
            addr=pt.ADDR(), ph=who.PHONE(), sig=who.N("native" if who.native else "gf"))
    return R(T("""
        Hi,

        This is «who». I was seen on «seen» for «cond» and was told the results would be in the portal, but I
        can't log in (it says my date of birth «dob» doesn't match). My MRN is «mrn» and my phone is «ph».
        Could someone call me back?

        Thanks,
        «sig»
        """), who=pt.N(), seen=PD(g.past(2, 20), g.pick(["us", "mon_d_y", "long"])),
        cond=D(g.pick(SHORT_COND), "condition"), dob=pt.DOB(g.pick(["us", "us_nopad", "long"])), mrn=pt.MRN(), ph=pt.PHONE(),
        sig=pt.N(g.pick(["first", "gf"])))


def clinic_box(g):
    return "%s@%s" % (g.pick(["cardiology.frontdesk", "patient.access", "mychart.help", "billing.questions", "peds.clinic"]), g.org_domain)


@tpl("patient_email", ["show_original", "show_original_es"])
def gmail_show_original(g, lay):
    pt = g.person(culture=g.pick(NATIVE_CULTURES) if g.r.random() < 0.5 else None)
    box = clinic_box(g)
    mid = "<CA%s@mail.gmail.com>" % g.hexid(24).upper()
    t = g.ts("rfc2822", 0, 1)
    subj = Doc("Portal access for ", pt.N(), " - DOB ", pt.DOB("us"))
    body = mail_body(g, pt, lang="es" if lay.endswith("_es") else g.pick(["en", "native"]))
    hdr = R(T("""
        Original Message
        Message ID	«mid»
        Created at:	«created» (Delivered after 2 seconds)
        From:	«nm» <«em»>
        To:	«box»
        Subject:	«subj»
        SPF:	PASS with IP 209.85.220.«ipt» Learn more
        DKIM:	'PASS' with domain gmail.com Learn more
        DMARC:	'PASS' Learn more

        Download Original	Copy to clipboard

        Delivered-To: «box»
        Received: by 2002:a05:7010:«h1» with SMTP id «h2»;
                «t»
        X-Received: by 2002:a17:906:«h3» with SMTP id «h4».«n»;
                «t»
        ARC-Seal: i=1; a=rsa-sha256; t=«epoch»; cv=none;
                d=google.com; s=arc-20160816;
                b=«b64»
        Return-Path: <«em»>
        Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.«ipt»])
                by mx.google.com with SMTPS id «h5»
                for <«box»>
                (Google Transport Security);
                «t»
        Received-SPF: pass (google.com: domain of «em» designates 209.85.220.«ipt» as permitted sender) client-ip=209.85.220.«ipt»;
        DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; t=«epoch»; bh=«b64s»
        MIME-Version: 1.0
        From: «nm» <«em»>
        Date: «date»
        Message-ID: «mid»
        Subject: «subj»
        To: «box»
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: 8bit

        """), mid=mid, created=D(t.replace(" -0500", ""), "date"), nm=pt.N(), em=pt.EMAIL(), box=D(box, "staff_contact"), subj=subj,
        ipt=g.r.randint(10, 90), h1=g.hexid(4), h2=g.hexid(12), h3=g.hexid(4), h4=g.hexid(12), h5=g.hexid(16), n=g.r.randint(1000000, 9999999),
        t=t, epoch=g.ts("epoch", 0, 0), b64=g.hexid(40), b64s=g.hexid(44), date=D(t, "date"))
    return Doc(hdr, body)


@tpl("patient_email", ["headers_body", "headers_only_plus_body"])
def outlook_internet_headers(g, lay):
    pt = g.person(culture=g.pick(NATIVE_CULTURES) if g.r.random() < 0.5 else None)
    rel = maybe_rel(g, pt, 0.7)
    sender = rel or pt
    box = clinic_box(g)
    t = g.ts("rfc2822", 0, 1)
    isp = g.pick(["comcast.net", "att.net", "yahoo.com", "verizon.net"])
    em = P("%s@%s" % (g.email_for(sender).split("@")[0], isp), "email")
    hdr = R(T("""
        Received: from BN8PR04MB«n1».namprd04.prod.outlook.com (2603:10b6:408:«h1»::«h2») by
         SA1PR04MB«n2».namprd04.prod.outlook.com with HTTPS; «t»
        Received: from «mx» («sip») by BN8NAM12FT«n3».mail.protection.outlook.com («sip2») with Microsoft SMTP Server
         (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.22; «t»
        Authentication-Results: spf=pass (sender IP is «sip») smtp.mailfrom=«isp»; dkim=pass (signature was verified)
         header.d=«isp»;dmarc=pass action=none header.from=«isp»;
        X-Originating-IP: [«cip»]
        From: «nm» <«em»>
        To: "«boxname»" <«box»>
        Subject: RE: «subj»
        Thread-Topic: «subj»
        Date: «date»
        Message-ID: <«mid»@«isp»>
        X-MS-Exchange-Organization-SCL: 1
        X-MS-Exchange-Organization-AuthSource: BN8NAM12FT«n3».eop-nam12.prod.protection.outlook.com
        Content-Type: text/plain; charset="utf-8"
        MIME-Version: 1.0
        """), n1=g.r.randint(1000, 9999), n2=g.r.randint(1000, 9999), n3=g.r.randint(10, 99), h1=g.hexid(3), h2=g.hexid(2), t=t,
        mx="mx%d.%s" % (g.r.randint(1, 9), isp), sip="%d.%d.%d.%d" % (g.r.choice([68, 96, 12]), g.r.randint(0, 255), g.r.randint(0, 255), g.r.randint(1, 254)),
        sip2="2a01:111:f403:%s::%d" % (g.hexid(4), g.r.randint(1, 9)), isp=isp, cip=sender.IP(), nm=sender.N(), em=em,
        boxname=g.pick(["Cardiology Front Desk", "Patient Access", "Billing Questions"]), box=D(box, "staff_contact"),
        subj=Doc("Appointment for ", pt.N("gf")), date=D(t, "date"), mid=g.hexid(20))
    body = mail_body(g, pt, rel)
    if lay == "headers_body":
        return Doc("Message options > Internet headers:\n\n", hdr, "\n", body)
    return Doc(hdr, "\n", body, "\n-----Original Message-----\nFrom: ", D(box, "staff_contact"), "\nSent: ", D(g.ts("us", -3000, -2000), "date"),
               "\nTo: ", em, "\nSubject: ", Doc("Appointment for ", pt.N("gf")), "\n\nPlease reply with the patient's date of birth so we can locate the chart.\n")


@tpl("patient_email", ["eml", "eml_html"])
def eml_mime(g, lay):
    pt = g.person(culture=g.pick(NATIVE_CULTURES) if g.r.random() < 0.5 else None)
    rel = maybe_rel(g, pt, 0.5)
    sender = rel or pt
    box = clinic_box(g)
    bnd = "----=_Part_%d_%d.%d" % (g.r.randint(100000, 999999), g.r.randint(100000, 999999), g.r.randint(10**12, 10**13 - 1))
    t = g.ts("rfc2822", 0, 1)
    body = mail_body(g, pt, rel)
    out = R(T("""
        Return-Path: <«em»>
        Received: from [«cip»] (c-«cipd».hsd1.ma.comcast.net [«cip»])
        	by smtp.«isp» with ESMTPSA id «h1»
        	for <«box»>; «t»
        From: «nm» <«em»>
        To: «box»
        Subject: «subj»
        Date: «date»
        Message-ID: <«h2»@«isp»>
        MIME-Version: 1.0
        X-Mailer: iPhone Mail (21E236)
        Content-Type: multipart/alternative; boundary="«bnd»"

        --«bnd»
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        """), em=sender.EMAIL(), cip=sender.IP(), cipd=sender.IP().map(lambda s: s.replace(".", "-")), isp=sender.email.split("@")[1],
        h1=g.hexid(12), box=D(box, "staff_contact"), t=t, nm=sender.N(), subj=Doc("Question about ", pt.N("first"), "'s visit"),
        date=D(t, "date"), h2=g.uuid().upper(), bnd=bnd)
    out.add(body).add("\n--%s\n" % bnd)
    if lay == "eml_html":
        out.add("Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n<html><body><div dir=\"ltr\">")
        out.add(body.map(xml_esc).map(lambda s: s.replace("\n\n", "</div><div>").replace("\n", "<br>"))).add("</div></body></html>\n--%s--\n" % bnd)
    else:
        out.add("Content-Type: image/jpeg; name=\"insurance_card.jpg\"\nContent-Disposition: attachment; filename=\"insurance_card.jpg\"\nContent-Transfer-Encoding: base64\n\n")
        out.add(D("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/...", "photo"))
        out.add("\n--%s--\n" % bnd)
    return out


@tpl("patient_email", ["source", "forward"])
def thunderbird_forward_source(g, lay):
    pt = g.person(culture=g.pick(NATIVE_CULTURES) if g.r.random() < 0.5 else None)
    staff = g.staff()
    fwd_to = g.staff()
    t = g.ts("rfc2822", 0, 1)
    t0 = g.ts("rfc2822", -9000, -8000)
    inner = mail_body(g, pt)
    out = R(T("""
        From - «tb»
        X-Mozilla-Status: 0001
        X-Mozilla-Status2: 00000000
        Message-ID: <«h1»@«dom»>
        Date: «date»
        MIME-Version: 1.0
        User-Agent: Mozilla Thunderbird
        From: «sname» <«smail»>
        To: «fname» <«fmail»>
        Subject: Fwd: «subj»
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 8bit

        FYI - can you fix the portal DOB? see below.

        -------- Forwarded Message --------
        Subject: 	«subj»
        Date: 	«date0»
        From: 	«nm» <«em»>
        To: 	«box»

        """), tb=g.clock.strftime("%a %b %d %H:%M:%S %Y"), h1=g.uuid(), dom=g.org_domain, date=D(t, "date"), sname=staff.N(), smail=staff.MAIL(),
        fname=fwd_to.N(), fmail=fwd_to.MAIL(), subj=Doc("Can't log in - ", pt.N("gf")), date0=D(t0, "date"), nm=pt.N(), em=pt.EMAIL(),
        box=D(clinic_box(g), "staff_contact"))
    out.add(inner)
    if lay == "forward":
        return Doc("View > Message Source (Ctrl+U)\n\n", out)
    return out


@tpl("patient_email", ["jsonl", "table"])
def sendgrid_events(g, lay):
    evs = []
    pts = [g.person() for _ in range(g.r.randint(2, 4))]
    for p in pts:
        appt = P(fdate(g.today + timedelta(days=g.r.randint(1, 10)), "us"), "date")
        for ev in g.r.sample(["processed", "delivered", "bounce", "open", "dropped"], 2):
            evs.append((p, ev, appt))
    if lay == "jsonl":
        out = Doc("$ jq -c '.[]' sendgrid-webhook-%s.json | head\n" % g.today.strftime("%Y%m%d"))
        for p, ev, appt in evs:
            o = {"email": p.EMAIL(), "timestamp": Raw(g.ts("epoch", 5, 300)), "event": ev, "sg_event_id": g.hexid(22),
                 "sg_message_id": g.hexid(22) + ".filter0001p1", "category": ["appointment-reminder"],
                 "subject": Doc("Reminder: ", p.N("first"), ", your visit on ", appt), "patient_mrn": p.MRN()}
            if ev == "bounce":
                o["reason"] = "550 5.1.1 The email account that you tried to reach does not exist."
            if ev == "open":
                o["ip"] = p.IP()
                o["useragent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X)"
            out.add(J(o, compact="tight")).add("\n")
        return out
    rows = [[g.ts("plain", 5, 300), ev, p.EMAIL(), Doc("Reminder: ", p.N("first"), ", your visit on ", appt), p.IP() if ev == "open" else ""] for p, ev, appt in evs]
    return Doc("SendGrid > Activity Feed > Export CSV\n", grid(["Date", "Event", "Recipient", "Subject", "IP"], rows, "csvq"))


@tpl("patient_email", ["csv", "ps"])
def exchange_message_trace(g, lay):
    rows = []
    for _ in range(g.r.randint(3, 6)):
        p = g.person()
        inbound = g.r.random() < 0.5
        box = D(clinic_box(g), "staff_contact")
        subj = g.pick([Doc("Lab results for ", p.N("gf")), Doc("RE: bill for account ", p.ACCT()), Doc("Records request - ", p.N("FG"), " DOB ", p.DOB("us"))])
        rows.append([g.ts("iso", 10, 900), p.EMAIL() if inbound else box, box if inbound else p.EMAIL(), subj,
                     g.pick(["Delivered", "FilteredAsSpam", "Failed", "Delivered"]), "<%s@%s>" % (g.uuid(), g.pick(["gmail.com", g.org_domain])),
                     p.IP() if inbound else g.server_ip()])
    hdr = ["date_time_utc", "sender_address", "recipient_status", "message_subject", "delivery_status", "message_id", "original_client_ip"]
    if lay == "csv":
        return Doc("MTSummary_Report_%s.csv\n" % g.hexid(8), grid(hdr, rows, "csvq"))
    recs = [[("Received", r[0]), ("SenderAddress", r[1]), ("RecipientAddress", r[2]), ("Subject", r[3]), ("Status", r[4]), ("MessageId", r[5]), ("FromIP", r[6])] for r in rows]
    return Doc("PS> Get-MessageTrace -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) | Where {$_.Subject -like '*DOB*' -or $_.Subject -like '*results*'} | Format-List\n",
               records(recs, "ps_fl"))


@tpl("patient_email", ["memo", "memo_chain"])
def outlook_print_memo(g, lay):
    pt = g.person(age_range=(66, 98))
    rel = maybe_rel(g, pt, 0.8) or g.person()
    staff = g.staff()
    t1 = g.ts("us", 0, 1)
    out = R(T("""
        «sname»
        ________________________________________
        From: «rname» <«remail»>
        Sent: «sent»
        To: «box»
        Cc: «cc»
        Subject: My «relw»'s bill - «nm»

        Hello, my «relw» «nm» (DOB «dob») got a bill for «amt» for the ER visit on «dos». «pron» has «payer» and Medicare;
        the Medicare number is «mbi». Account number on the bill is «acct». Please call me at «ph».
        Our address is «addr».

        «rsig»
        """), sname=staff.N(), rname=rel.N(), remail=rel.EMAIL(), sent=D(t1, "date"), box=D(clinic_box(g), "staff_contact"), cc=staff.MAIL(),
        relw={"F": g.pick(["mother", "grandmother", "aunt"]), "M": g.pick(["father", "grandfather", "uncle"])}[pt.sex], pron={"F": "She", "M": "He"}[pt.sex], nm=pt.N(), dob=pt.DOB(g.pick(["us", "long"])), amt="$%d.%02d" % (g.r.randint(50, 3000), g.r.randint(0, 99)),
        dos=PD(g.past(20, 90), "mon_d_y"), payer=g.pick(PAYERS[:7])[0].replace("Humana Gold Plus HMO", "a Humana supplement"), mbi=pt.MBI(g.r.random() < 0.5), acct=pt.ACCT(), ph=rel.PHONE(),
        addr=pt.ADDR(), rsig=rel.N("first"))
    if lay == "memo_chain":
        reply = R(T("""
            From: «sname» <«smail»>
            Sent: «sent»
            To: «rname» <«remail»>
            Subject: RE: «subj»

            Thank you - I have sent this to our Medicare billing team (ref «ref»). - «sfirst»

            """), sname=staff.N(), smail=staff.MAIL(), sent=D(g.ts("us", 600, 3000), "date"), rname=rel.N(), remail=rel.EMAIL(),
            ref="INC%07d" % g.r.randint(10000, 999999), sfirst=staff.N("first"), subj=Doc("My relative's bill - ", pt.N()))
        return Doc(reply, out)
    return out


@tpl("patient_email", ["maillog", "bounce"])
def postfix_bounce(g, lay):
    pt = g.person()
    qid = g.hexid(10).upper()
    relay = g.server_ip()
    bad = P(pt.email.split("@")[0] + "@" + g.pick(["gmial.com", "yaho.com", "outlok.com"]), "email")
    box = clinic_box(g)
    log = Doc()
    host = "mx-relay-%02d" % g.r.randint(1, 4)
    log.add("%s %s postfix/cleanup[%d]: %s: message-id=<%s@%s>\n" % (g.ts("syslog", 0, 1), host, g.r.randint(1000, 99999), qid, g.uuid(), g.org_domain))
    log.add("%s %s postfix/qmgr[%d]: %s: from=<" % (g.ts("syslog", 0, 1), host, g.r.randint(1000, 99999), qid)).add(D(box, "staff_contact")).add(">, size=%d, nrcpt=1 (queue active)\n" % g.r.randint(2000, 90000))
    log.add("%s %s postfix/smtp[%d]: %s: to=<" % (g.ts("syslog", 0, 2), host, g.r.randint(1000, 99999), qid)).add(bad)
    log.add(">, relay=none, delay=0.31, delays=0.01/0/0.3/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=%s type=AAAA: Host not found)\n" % bad.text.split("@")[1])
    if lay == "maillog":
        return Doc("# grep %s /var/log/maillog\n" % qid, log)
    t = g.ts("rfc2822", 0, 1)
    dsn = R(T("""
        From: MAILER-DAEMON@«host».«dom» (Mail Delivery System)
        To: «box»
        Subject: Undelivered Mail Returned to Sender
        Date: «date»

        This is the mail system at host «host».«dom».

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <«bad»>: Host or domain name not found. Name service error for name=«dom2» type=AAAA: Host not found

        --- Original message headers ---
        To: «bad»
        Subject: Your test results are ready, «given»
        Date: «date0»

        Dear «nm»,
        Your results from «dos» are available. Log in at «url» or call «clinic» («ext»).
        """), host=host, dom=g.org_domain, box=D(box, "staff_contact"), date=D(t, "date"), bad=bad, dom2=bad.text.split("@")[1],
        given=pt.N("first"), date0=D(g.ts("rfc2822", -60, -30), "date"), nm=pt.N(), dos=PD(g.past(1, 6), "long"),
        url=P("https://mychart.%s/MyChart/Results?pat=%s&tok=%s" % (g.org_domain, pt.mrn, g.hexid(16)), "url"),
        clinic=D(g.staff().pager, "staff_contact"), ext=D(g.staff().ext, "staff_contact"))
    return Doc(log, "\n", dsn)


# ============================================================================================
# Clean families.  No patient anywhere; staff are dont_care, test patients dont_care,
# documented test values unlabelled.
# ============================================================================================
def clean_wrap(g, lay, title, body, code=True, labels=("bug",)):
    if lay == "raw":
        return body
    if lay in ("wiki", "cloud", "md", "xml"):
        return jira(g, lay, title, [("", body, code)], labels=labels)
    if lay == "slack":
        return Doc(g.staff().N(), "  ", g.ts("plain", 0, 1)[11:16], "\n", title, "\n```\n", body, "```\n")
    raise ValueError(lay)


def frames(g, pkgs, n=6):
    out = []
    for _ in range(n):
        cls, meth, f = g.pick(pkgs)
        out.append("\tat %s.%s(%s:%d)\n" % (cls, meth, f, g.r.randint(40, 900)))
    return "".join(out)


MIRTH_FRAMES = [("com.mirth.connect.donkey.server.channel.Channel", "dispatchRawMessage", "Channel.java"),
                ("com.mirth.connect.donkey.server.channel.DestinationChain", "doCall", "DestinationChain.java"),
                ("com.mirth.connect.server.transformers.JavaScriptFilterTransformer", "doTransform", "JavaScriptFilterTransformer.java"),
                ("com.mirth.connect.connectors.tcp.TcpDispatcher", "send", "TcpDispatcher.java"),
                ("java.util.concurrent.FutureTask", "run", "FutureTask.java"),
                ("java.util.concurrent.ThreadPoolExecutor$Worker", "run", "ThreadPoolExecutor.java")]
HAPI_FRAMES = [("ca.uhn.hl7v2.parser.PipeParser", "doParse", "PipeParser.java"), ("ca.uhn.hl7v2.parser.Parser", "parse", "Parser.java"),
               ("ca.uhn.hl7v2.validation.impl.ValidationContextImpl", "checkPrimitive", "ValidationContextImpl.java"),
               ("ca.uhn.hl7v2.model.AbstractPrimitive", "setValue", "AbstractPrimitive.java"),
               ("org.cvh.iface.adt.AdtListener", "processMessage", "AdtListener.java"),
               ("ca.uhn.hl7v2.protocol.impl.ProcessorImpl", "processIncoming", "ProcessorImpl.java")]
SPRING_FRAMES = [("org.springframework.web.client.DefaultResponseErrorHandler", "handleError", "DefaultResponseErrorHandler.java"),
                 ("org.springframework.web.client.RestTemplate", "doExecute", "RestTemplate.java"),
                 ("org.springframework.web.client.RestTemplate", "getForObject", "RestTemplate.java"),
                 ("org.cvh.portal.fhir.PatientClient", "readPatient", "PatientClient.java"),
                 ("org.cvh.portal.api.ChartController", "header", "ChartController.java"),
                 ("jdk.internal.reflect.GeneratedMethodAccessor412", "invoke", "Unknown Source")]


@tpl("java_stacktrace", ["raw", "wiki", "cloud"])
def mirth_error_stack(g, lay):
    chan = g.uuid()
    ctrl = g.ctrl()
    body = Doc("[%s]  ERROR (com.mirth.connect.donkey.server.channel.Channel:%d): Error processing message %d on channel %s (ADT_to_LIS).\n"
               % (g.ts("space", 0, 1), g.r.randint(1000, 2000), g.r.randint(10000, 999999), chan))
    body.add("com.mirth.connect.donkey.server.channel.ChannelException: com.mirth.connect.donkey.server.DeployException: Failed to send message MSH-10=%s\n" % ctrl)
    body.add(frames(g, MIRTH_FRAMES, 5))
    body.add("Caused by: java.net.SocketTimeoutException: Read timed out (remote %s:%d)\n" % (g.server_ip(), g.pick([6661, 2575, 7700])))
    body.add("\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)\n")
    body.add(frames(g, MIRTH_FRAMES, 3))
    body.add("\t... %d more\n" % g.r.randint(5, 30))
    body.add("\nDashboard: ADT_to_LIS  Received %d  Filtered %d  Queued %d  Sent %d  Errored %d\n" % (g.r.randint(5000, 90000), g.r.randint(10, 400), g.r.randint(0, 300), g.r.randint(5000, 90000), g.r.randint(1, 40)))
    return clean_wrap(g, lay, "ADT_to_LIS read timeouts after LIS upgrade", body, labels=("mirth",))


@tpl("java_stacktrace", ["raw", "md", "wiki"])
def hapi_parser_exception(g, lay):
    ctrl = g.ctrl()
    fld = g.pick([("PID", 7, "DTM", "Invalid date/time: must be of form YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]"),
                  ("PV1", 44, "DTM", "Invalid date/time"), ("OBX", 5, "NM", "Value must be numeric"),
                  ("MSH", 7, "DTM", "Timezone offset must be +/-HHMM")])
    body = Doc("%s ERROR [hl7-listener-%d] o.c.i.adt.AdtListener - Rejecting message %s\n" % (g.ts("spacedot", 0, 1), g.r.randint(1, 8), ctrl))
    body.add("ca.uhn.hl7v2.model.DataTypeException: ca.uhn.hl7v2.validation.ValidationException: Validation failed: Primitive value '(redacted)' requires to be %s at %s-%d (%s)\n" % (fld[2], fld[0], fld[1], fld[3]))
    body.add("\tat ca.uhn.hl7v2.model.AbstractPrimitive.setValue(AbstractPrimitive.java:%d)\n" % g.r.randint(90, 140))
    body.add(frames(g, HAPI_FRAMES, 5))
    body.add("Caused by: ca.uhn.hl7v2.validation.ValidationException: Validation failed: Primitive value '(redacted)' requires to be %s\n" % fld[2])
    body.add(frames(g, HAPI_FRAMES, 3)).add("\t... %d common frames omitted\n" % g.r.randint(8, 20))
    body.add("%s WARN  [hl7-listener-1] o.c.i.adt.AdtListener - Sent ACK AE for %s (ERR|^^^207&Application internal error&HL70357)\n" % (g.ts("spacedot", 0, 1), ctrl))
    return clean_wrap(g, lay, "HAPI rejects %s-%d since 2.5.1 validation switch" % (fld[0], fld[1]), body, labels=("hapi",))


@tpl("java_stacktrace", ["raw", "cloud", "slack"])
def spring_fhir_404(g, lay):
    body = Doc("%s ERROR 1 --- [nio-8080-exec-%d] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception\n" % (g.ts("spacedot", 0, 1), g.r.randint(1, 9)))
    oo = J({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-found", "diagnostics": "HAPI-2001: Resource Patient/example is not known"}]}, compact=True)
    body.add("org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: \"").add(oo).add("\"\n")
    body.add(frames(g, SPRING_FRAMES, 6))
    body.add("\nRequest: GET https://fhir-sandbox.%s/R4/Patient/example  (trace_id=%s span_id=%s)\n" % (g.org_domain, g.hexid(32), g.hexid(16)))
    body.add("Note: 'example' is the id of the FHIR spec's example Patient, loaded only in the sandbox seed.\n")
    return clean_wrap(g, lay, "Portal sandbox: 404 on Patient/example after reseed", body, labels=("portal",))


@tpl("java_stacktrace", ["raw", "md"])
def kibana_exception_doc(g, lay):
    doc = {"_index": ".ds-logs-iface-prod-%s-000042" % g.today.strftime("%Y.%m.%d"), "_id": g.hexid(20), "_score": None,
           "_source": {"@timestamp": g.ts("iso", 0, 1), "host": {"name": "iface-worker-%d" % g.r.randint(1, 9), "ip": [g.server_ip()]},
                       "log": {"level": "ERROR", "logger": "org.cvh.iface.router.RouteEngine"},
                       "message": "No route for message type ORU^R30 from sending facility %s" % g.fac_code,
                       "error": {"type": "org.cvh.iface.router.NoRouteException",
                                 "stack_trace": "org.cvh.iface.router.NoRouteException: No route for ORU^R30\n\tat org.cvh.iface.router.RouteEngine.resolve(RouteEngine.java:212)\n\tat org.cvh.iface.router.RouteEngine.route(RouteEngine.java:88)\n\tat org.cvh.iface.worker.Consumer.onMessage(Consumer.java:57)\n\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.invokeCompletedOffsetCommitCallbacks(ConsumerCoordinator.java:1021)"},
                       "kafka": {"topic": "hl7.inbound.oru", "partition": g.r.randint(0, 11), "offset": g.r.randint(100000, 9999999)},
                       "hl7": {"msh10": g.ctrl(), "msh9": "ORU^R30"}, "trace": {"id": g.hexid(32)}},
           "fields": {"@timestamp": [g.ts("iso", 0, 0)]}}
    body = J(doc)
    if lay == "raw":
        return Doc("Kibana > Discover > Expanded document > JSON\n", body, "\n")
    return Doc("**Kibana doc for the ORU^R30 routing error** (only control id, no patient fields are indexed):\n\n```json\n", body, "\n```\n")


@tpl("java_stacktrace", ["raw", "wiki"])
def jenkins_junit_failure(g, lay):
    build = g.r.randint(200, 4000)
    t1 = D("ZZTEST, ALPHA", "person_name")
    body = Doc("Started by GitHub push by ", D(g.staff().handle, "person_name"), "\n")
    body.add("[Pipeline] stage (Test)\n+ ./mvnw -B test -pl adt-mapper\n")
    body.add("[INFO] Running org.cvh.adt.mapper.PidMapperTest\n")
    body.add("[ERROR] Tests run: 14, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: %.3f s <<< FAILURE! - in org.cvh.adt.mapper.PidMapperTest\n" % g.r.uniform(0.2, 3))
    body.add("[ERROR] mapsHomePhone(org.cvh.adt.mapper.PidMapperTest)  Time elapsed: 0.012 s  <<< FAILURE!\n")
    body.add("org.opentest4j.AssertionFailedError: expected: <(312) 555-0143> but was: <312-555-0143>\n")
    body.add("\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n\tat org.cvh.adt.mapper.PidMapperTest.mapsHomePhone(PidMapperTest.java:%d)\n" % g.r.randint(40, 200))
    body.add("\n[INFO] fixture: PID|1||").add(D("T000123", "mrn")).add("^^^CVH^MR||").add(D("ZZTEST^ALPHA", "person_name")).add("||").add(D("19000101", "date")).add("|F|||123 TEST ST^^ANYTOWN^ZZ^00000||(312)555-0143|||||||123-45-6789\n")
    body.add("[INFO] patient under test: ").add(t1).add(" (synthetic, see test-data/README)\n")
    body.add("[ERROR] Failures: \n[ERROR]   PidMapperTest.mapsHomePhone:%d expected: <(312) 555-0143> but was: <312-555-0143>\n" % g.r.randint(40, 200))
    body.add("[INFO] BUILD FAILURE\nFinished: FAILURE (build #%d)\n" % build)
    return clean_wrap(g, lay, "adt-mapper build #%d red: phone formatting test" % build, body, labels=("ci",))


@tpl("java_stacktrace", ["raw", "cloud"])
def datadog_apm_trace(g, lay):
    rows = []
    t0 = 0
    for svc, res, dur in [("portal-api", "GET /api/chart/{patientId}/summary", 3012), ("portal-api", "PatientClient.readPatient", 3004),
                          ("fhir-gateway", "GET /R4/Patient/{id}", 3001), ("fhir-gateway", "jdbc.query", 2988), ("postgres", "SELECT patient", 2980)]:
        rows.append([svc, res, "%d ms" % dur, "+%d ms" % t0])
        t0 += g.r.randint(1, 8)
    body = Doc("Datadog APM > Traces > trace_id %s (error)\n" % g.r.randint(10**17, 10**18))
    body.add(grid(["Service", "Resource", "Duration", "Start"], rows, "ssms", footer=False))
    body.add("\nerror.type: org.springframework.dao.QueryTimeoutException\nerror.msg: PreparedStatementCallback; SQL [select * from patient where id = ?]; ERROR: canceling statement due to statement timeout\n")
    body.add("error.stack:\norg.springframework.dao.QueryTimeoutException: PreparedStatementCallback; SQL [select * from patient where id = ?]\n")
    body.add("\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:%d)\n" % g.r.randint(80, 120))
    body.add("\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:%d)\n\tat org.cvh.fhir.dao.PatientDao.read(PatientDao.java:%d)\n" % (g.r.randint(600, 700), g.r.randint(30, 90)))
    body.add("Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout\n\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)\n")
    body.add("\nhost: %s   env: prod   version: 4.%d.%d\n" % (g.server_ip(), g.r.randint(0, 20), g.r.randint(0, 9)))
    return clean_wrap(g, lay, "Chart summary p99 > 3s: statement timeouts on patient read", body, labels=("perf",))


@tpl("java_stacktrace", ["raw", "md", "wiki"])
def jdbc_ora_exception(g, lay):
    body = Doc("%s ERROR [EnrollmentLoader-%d] c.c.e.loader.BatchWriter - batch %d failed at row %d of 500\n" % (g.ts("space", 0, 1), g.r.randint(1, 4), g.r.randint(100, 999), g.r.randint(1, 500)))
    body.add("java.sql.BatchUpdateException: ORA-00001: unique constraint (ENROLL.PK_MEMBER_COVERAGE) violated\n\n")
    body.add("\tat oracle.jdbc.driver.OraclePreparedStatement.executeLargeBatch(OraclePreparedStatement.java:%d)\n" % g.r.randint(9000, 12000))
    body.add("\tat oracle.jdbc.driver.OracleStatementWrapper.executeBatch(OracleStatementWrapper.java:237)\n\tat com.zaxxer.hikari.pool.HikariProxyStatement.executeBatch(HikariProxyStatement.java)\n")
    body.add("\tat com.cvh.enroll.loader.BatchWriter.flush(BatchWriter.java:%d)\n" % g.r.randint(60, 140))
    body.add("SQL: INSERT INTO ENROLL.MEMBER_COVERAGE (MEMBER_ID, PLAN_CD, EFF_DT, TERM_DT, SUBSCRIBER_ID) VALUES (?, ?, ?, ?, ?)\n")
    body.add("\nSQL> SELECT index_name, uniqueness, column_name FROM user_ind_columns JOIN user_indexes USING (index_name) WHERE table_name = 'MEMBER_COVERAGE';\n\n")
    body.add(grid(["INDEX_NAME", "UNIQUENESS", "COLUMN_NAME"], [["PK_MEMBER_COVERAGE", "UNIQUE", "MEMBER_ID"], ["PK_MEMBER_COVERAGE", "UNIQUE", "PLAN_CD"],
                                                             ["IX_MC_SUBSCRIBER", "NONUNIQUE", "SUBSCRIBER_ID"]], "sqlplus"))
    body.add("\nThe 834 contains a 021 (addition) for a member that already has the same plan + effective date; loader should treat it as 030 (audit).\n")
    return clean_wrap(g, lay, "834 loader: ORA-00001 on re-sent additions", body, labels=("834", "oracle"))


@tpl("java_stacktrace", ["raw", "cloud"])
def jstack_thread_dump(g, lay):
    body = Doc("$ jstack -l %d\n%s\nFull thread dump OpenJDK 64-Bit Server VM (17.0.9+9 mixed mode, sharing):\n\n" % (g.r.randint(1000, 40000), g.ts("plain", 0, 1)))
    for i in range(g.r.randint(2, 4)):
        tid = g.hexid(12)
        body.add('"%s" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f%s nid=0x%x waiting for monitor entry  [0x00007f%s]\n'
                 % (g.pick(["pool-12-thread-%d" % g.r.randint(1, 40), "ADT_to_LIS Destination 1", "qtp-%d-%d" % (g.r.randint(100, 999), g.r.randint(10, 99))]),
                    g.r.randint(20, 400), g.r.uniform(10, 9000), g.r.uniform(100, 90000), tid[:10], g.r.randint(1000, 60000), g.hexid(10)))
        body.add("   java.lang.Thread.State: BLOCKED (on object monitor)\n")
        body.add("\tat com.mirth.connect.donkey.server.queue.DestinationQueue.acquire(DestinationQueue.java:%d)\n" % g.r.randint(100, 300))
        body.add("\t- waiting to lock <0x00000006%s> (a com.mirth.connect.donkey.server.queue.DestinationQueue)\n" % g.hexid(7))
        body.add("\tat com.mirth.connect.donkey.server.channel.DestinationConnector.run(DestinationConnector.java:%d)\n\tat java.lang.Thread.run(java.base@17.0.9/Thread.java:840)\n\n" % g.r.randint(600, 900))
    body.add("Found one Java-level deadlock:\n=============================\n")
    return clean_wrap(g, lay, "Engine hangs nightly at 02:10 - thread dump", body, labels=("mirth", "deadlock"))


@tpl("java_stacktrace", ["raw", "wiki", "md"])
def mllp_ack_trace(g, lay):
    port = g.pick([6661, 2575, 7001])
    src, dst = g.server_ip(), g.server_ip()
    body = Doc("# ngrep -d any -W byline -q 'MSA' port %d\n" % port)
    ctrls = [g.ctrl() for _ in range(g.r.randint(3, 5))]
    for i, c in enumerate(ctrls):
        code = "AA" if i < len(ctrls) - 1 else "AE"
        body.add("T %s:%d -> %s:%d [AP] #%d\n." % (dst, port, src, g.r.randint(40000, 60000), g.r.randint(10, 900)))
        segs = [msh(g, "ACK^A08^ACK", app=("LIS", "LAB"), recv=("MIRTH", g.fac_code)), seg("MSA", f1=code, f2=c, f3="" if code == "AA" else "Required field missing")]
        if code == "AE":
            segs.append(seg("ERR", f3=["101", "Required field missing", "HL70357"], f4="E", f8="PID-3 repetition 1 empty"))
        body.add(unlabel_phi(hl7_raw(segs, ".\n"))).add("..\n\n")
    body.add("%d ACKs, %d AE. Control ids only; the engine's message browser has the payloads (no PHI in this ticket).\n" % (len(ctrls), 1))
    body.add("java.lang.IllegalStateException: ACK %s reported AE; destination queue paused\n\tat com.mirth.connect.connectors.tcp.TcpDispatcher.checkAck(TcpDispatcher.java:%d)\n" % (ctrls[-1], g.r.randint(300, 700)))
    return clean_wrap(g, lay, "LIS returns AE on a fraction of A08s - ACK trace", body, labels=("mllp", "ack"))


# ============================================================================================
# meeting_notes (clean)
# ============================================================================================
def attendees(g, n):
    return [g.staff() for _ in range(n)]


@tpl("meeting_notes", ["text", "md"])
def teams_meeting_recap(g, lay):
    ppl = attendees(g, g.r.randint(4, 7))
    out = Doc("Microsoft Teams meeting recap - %s cutover stand-up\n%s  |  %d min  |  Recorded\n\n" % (g.pick(["Lab", "Pharmacy", "ADT"]), g.ts("us", 0, 1), g.r.randint(20, 55)))
    out.add("Attendees (%d)\n" % len(ppl)).add(join("\n", [Doc("  ", p.N("gf"), " (", p.MAIL(), ")") for p in ppl])).add("\n\n")
    out.add("Join by phone\n  +1 872-%s-%04d,,%d#   United States, Chicago\n  Phone conference ID: %d %d %d#\n\n" % ("240", g.r.randint(1000, 9999), g.r.randint(100000000, 999999999), g.r.randint(100, 999), g.r.randint(100, 999), g.r.randint(100, 999)))
    out.add("AI notes\n")
    out.add(Doc("  - ", ppl[0].N("gf"), " confirmed the LIS interface is sending ORU in 2.5.1; %d messages replayed in test, all ACK AA.\n" % g.r.randint(200, 3000)))
    out.add(Doc("  - ", ppl[1].N("gf"), " raised that the reference lab still sends OBX-5 as ST for numeric results.\n"))
    out.add(Doc("  - Go/no-go set for Thursday 05:00; downtime procedures reviewed.\n\nTasks\n"))
    out.add(Doc("  [ ] Update the channel map for OBX-5 coercion  - ", ppl[2].N("gf"), "\n  [ ] Send downtime comms to nursing  - ", ppl[-1].N("gf"), "\n"))
    if lay == "md":
        out = Doc("## Teams recap\n\n```\n", out, "```\n")
    return out


@tpl("meeting_notes", ["wiki", "md", "html"])
def confluence_meeting_stats(g, lay):
    ppl = attendees(g, g.r.randint(3, 6))
    rows = []
    for ch in ["ADT_Inbound", "ORU_Outbound_HIE", "SIU_Scheduling", "MDM_Notes", "DFT_Charges", "VXU_Registry"]:
        rec = g.r.randint(1000, 90000)
        rows.append([ch, "Started", str(rec), str(g.r.randint(0, 300)), str(g.r.randint(0, 40)), str(rec - g.r.randint(0, 400)), str(g.r.randint(0, 12))])
    tbl = table_for(lay, ["Channel", "Status", "Received", "Filtered", "Queued", "Sent", "Errored"], rows)
    att = join(", ", [p.N("gf") for p in ppl])
    parts = [("Date", Doc(g.today.strftime("%d %b %Y")), "text"), ("Attendees", att, "text"),
             ("Mirth dashboard (24h)", tbl, "table"),
             ("Discussion", Doc("Errored counts are all ACK timeouts from the registry at night. No message content was pasted; control ids are in INC tickets."), "text"),
             ("Action items", join("\n", [Doc("* ", p.N("gf"), ": ", g.pick(["raise registry timeout to 60s", "open vendor case", "add Splunk alert on Queued > 200", "review DFT filter"])) for p in ppl[:3]]), "text")]
    return confluence(g, lay, "Interface ops weekly - %s" % g.today.isoformat(), parts)


@tpl("meeting_notes", ["text", "ics"])
def zoom_invite(g, lay):
    host = g.staff()
    mid = "%d %04d %04d" % (g.r.randint(800, 999), g.r.randint(1000, 9999), g.r.randint(1000, 9999))
    pc = g.r.randint(100000, 999999)
    body = R(T("""
        «host» is inviting you to a scheduled Zoom meeting.

        Topic: «topic»
        Time: «when» Central Time (US and Canada)

        Join Zoom Meeting
        https://cvh.zoom.us/j/«mid2»?pwd=«pwd»

        Meeting ID: «mid»
        Passcode: «pc»

        ---
        One tap mobile
        +13126266799,,«mid2»#,,,,*«pc»# US (Chicago)
        +16469313860,,«mid2»#,,,,*«pc»# US

        Dial by your location
        • +1 312 626 6799 US (Chicago)
        • +1 646 931 3860 US
        • +1 669 444 9171 US

        Agenda: review «topic2»; no patient examples please - use the ZZTEST patients in TST.
        """), host=host.N(), topic=g.pick(["Epic Bridges upgrade - interface regression", "HIE onboarding: Sunrise Kidney Center", "FHIR API rate limits"]),
        when=g.ts("us", 86400, 200000), mid2=mid.replace(" ", ""), pwd=g.hexid(24), mid=mid, pc=pc,
        topic2=g.pick(["the test script", "cutover checklist", "open defects"]))
    if lay == "text":
        return body
    return Doc("BEGIN:VCALENDAR\nPRODID:-//zoom.us//iCalendar Event//EN\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:%s\nORGANIZER;CN=" % g.ts("hl7", 0, 1), host.N(), ":mailto:", host.MAIL(),
               "\nDESCRIPTION:", body.map(lambda s: s.replace("\n", "\\n")), "\nEND:VEVENT\nEND:VCALENDAR\n")


@tpl("meeting_notes", ["text", "srt"])
def otter_transcript(g, lay):
    ppl = attendees(g, 3)
    lines = [(0, "Okay, so the Bridges upgrade is Saturday. Are we still on for the 2am window?"),
             (1, "Yes. I re-ran the regression pack, eleven hundred messages, two diffs, both MSH-7 precision."),
             (2, "Is that the seconds versus milliseconds thing? The HIE doesn't care."),
             (1, "Right, it's cosmetic. I logged it anyway."),
             (0, "Good. Pharmacy wanted a heads-up for the RDE queue - can someone email them?"),
             (2, "I'll do it after this.")]
    out = Doc()
    t = 0
    for i, (who, txt) in enumerate(lines, 1):
        t += g.r.randint(4, 30)
        if lay == "text":
            out.add(ppl[who].N("gf")).add("  %d:%02d\n%s\n\n" % (t // 60, t % 60, txt))
        else:
            out.add("%d\n00:%02d:%02d,000 --> 00:%02d:%02d,500\n" % (i, t // 60, t % 60, (t + 4) // 60, (t + 4) % 60)).add(ppl[who].N("gf")).add(": %s\n\n" % txt)
    return Doc("Otter.ai - Bridges upgrade sync - %s\n\n" % g.today.strftime("%b %d, %Y"), out)


@tpl("meeting_notes", ["print", "md"])
def outlook_calendar_item(g, lay):
    org = g.staff()
    req = attendees(g, g.r.randint(3, 6))
    opt = attendees(g, 2)
    out = Doc("Subject:        Downtime planning - %s\nLocation:       %s; Microsoft Teams Meeting\n\n" % (g.pick(["ADT feed", "PACS migration", "Pharmacy carousel"]), g.pick(["Conf Rm 4B", "IT Huddle Room", "Admin 210"])))
    out.add("Start:          %s\nEnd:            %s\n\nRecurrence:     (none)\n\nMeeting Status: Accepted\n\nOrganizer:      " % (g.ts("us", 86400, 90000), g.ts("us", 3600, 3600))).add(org.N("gf")).add("\n")
    out.add("Required Attendees: ").add(join("; ", [p.N("gf") for p in req])).add("\nOptional Attendees: ").add(join("; ", [p.N("gf") for p in opt])).add("\n\n")
    out.add("Agenda\n1. Downtime window and read-only BCA reports\n2. Message queue drain (expect ~%d queued)\n3. Communication plan\n\nConference: +1 872-240-%04d   ID %d#\n" % (g.r.randint(400, 4000), g.r.randint(1000, 9999), g.r.randint(10**8, 10**9)))
    if lay == "md":
        return Doc("```\n", out, "```\n")
    return out


@tpl("meeting_notes", ["wiki", "md"])
def cab_minutes(g, lay):
    chair = g.staff()
    rows = []
    for _ in range(g.r.randint(3, 6)):
        own = g.staff()
        rows.append(["CHG%07d" % g.r.randint(10000, 999999), g.pick(["Mirth 4.5 upgrade", "FHIR gateway cert rotation", "Splunk forwarder update", "Clarity ETL index", "PACS router patch"]),
                     own.N("gf"), g.pick(["Approved", "Approved w/ conditions", "Deferred"]), g.pick(["Low", "Moderate", "High"])])
    spl = grid(["sourcetype", "count", "errors", "error_rate"], [["mirth:hl7", str(g.r.randint(10**5, 10**6)), str(g.r.randint(10, 900)), "%.3f%%" % g.r.uniform(0, 0.2)],
                                                           ["fhir:gateway", str(g.r.randint(10**5, 10**6)), str(g.r.randint(10, 900)), "%.3f%%" % g.r.uniform(0, 0.2)]], "ssms", footer=False)
    parts = [("Chair", chair.N("gf"), "text"), ("Changes reviewed", table_for(lay, ["Change", "Summary", "Owner", "Decision", "Risk"], rows), "table"),
             ("Error baseline (Splunk, 7 days)", spl, "code"),
             ("Notes", Doc("Post-implementation reviews due within 5 business days. Freeze from the 20th for year-end."), "text")]
    return confluence(g, lay, "CAB minutes %s" % g.today.isoformat(), parts, space="IT Change Management")


@tpl("meeting_notes", ["text", "md"])
def golive_huddle_dashboard(g, lay):
    ppl = attendees(g, g.r.randint(3, 5))
    rows = [["ED arrivals (24h)", str(g.r.randint(150, 320))], ["Admissions", str(g.r.randint(30, 90))], ["Median door-to-provider", "%d min" % g.r.randint(12, 60)],
            ["Avg LOS (inpatient)", "%.1f days" % g.r.uniform(3, 6)], ["Patients aged 90+ in house", str(g.r.randint(3, 14))],
            ["Open tickets (go-live)", str(g.r.randint(10, 80))], ["Interface errors", str(g.r.randint(0, 30))]]
    out = Doc("Go-live huddle %s, %s\nPresent: " % (g.today.strftime("%m/%d"), g.pick(["07:30", "12:00", "16:30"]))).add(join(", ", [p.N("gf") for p in ppl])).add("\n\n")
    out.add("Power BI 'Go-Live Command Center' (aggregate tiles):\n").add(grid(["Metric", "Value"], rows, "markdown" if lay == "md" else "ssms", footer=False))
    out.add("\nTop issues: label printers on 5N, BCMA scanner pairing, SSO timeout on WOWs.\nNext huddle 16:30 - bridge +1 312-626-6799, code %d#.\n" % g.r.randint(10**6, 10**7))
    return out


@tpl("meeting_notes", ["text", "md"])
def webex_summary(g, lay):
    ppl = attendees(g, g.r.randint(3, 6))
    out = Doc("Webex AI Assistant - Meeting summary\n%s - %s\nHost: " % (g.pick(["HIE governance", "Data warehouse steering", "Patient portal roadmap"]), g.ts("us", 0, 1))).add(ppl[0].N("gf")).add("\n\n")
    out.add("Key points\n• Consent model for the HIE stays opt-out; registry counts reviewed (%d,%03d enrolled, %d%% with email).\n" % (g.r.randint(10, 900), g.r.randint(0, 999), g.r.randint(30, 80)))
    out.add("• De-identified extract for research will follow Safe Harbor: dates to year, ZIP to 3 digits, ages 90 and older grouped as 90+.\n")
    out.add(Doc("• ", ppl[1].N("gf"), " will circulate the data dictionary; ", ppl[-1].N("gf"), " owns the DUA.\n\n"))
    out.add("Join info\nMeeting number (access code): %d %d %d\nMeeting password: %s\nTap to join from a mobile device: +1-650-479-3208,,%d## Call-in toll number (US/Canada)\n"
            % (g.r.randint(2000, 2999), g.r.randint(100, 999), g.r.randint(1000, 9999), g.hexid(10), g.r.randint(10**9, 10**10)))
    if lay == "md":
        return Doc("> ", out.map(lambda s: s.replace("\n", "\n> ")), "\n")
    return out


# ============================================================================================
# validator_diff (clean): validators, schemas, collections with documented test values
# ============================================================================================
TESTP = ["ZZTEST, ALPHA", "ZZTEST, BRAVO", "ZZTEST, CHARLIE", "TEST, PATIENT", "ZZZPRACTICE, DELTA"]


def TP(g, style="fg"):
    s = g.pick(TESTP)
    if style == "hl7":
        s = s.replace(", ", "^")
    return D(s, "person_name")


@tpl("validator_diff", ["raw", "github", "bitbucket"])
def git_word_diff_validator(g, lay):
    lang = g.pick(["java", "python", "ts"])
    if lang == "java":
        a = Doc(T("""
            public final class SsnValidator {
                private static final Pattern SSN = Pattern.compile("^\\\\d{3}-\\\\d{2}-\\\\d{4}$");
                public static boolean isValid(String s) {
                    return SSN.matcher(s).matches();
                }
                // e.g. isValid("123-45-6789") == true
            }
            """))
        b = Doc(T("""
            public final class SsnValidator {
                private static final Pattern SSN = Pattern.compile("^(?!000|666|9\\\\d\\\\d)\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}$");
                public static boolean isValid(String s) {
                    return SSN.matcher(s).matches() && !DOCUMENTED.contains(s);
                }
                // e.g. isValid("123-45-6789") == false (documented example), isValid("900-12-3456") == false
            }
            """))
        path = "src/main/java/org/cvh/phi/SsnValidator.java"
    elif lang == "python":
        a = Doc(T("""
            PHONE = re.compile(r"\\(?\\d{3}\\)?[ .-]?\\d{3}-\\d{4}")

            def is_phone(s):
                return bool(PHONE.fullmatch(s))

            assert is_phone("(617) 555-0100")
            """))
        b = Doc(T("""
            PHONE = re.compile(r"\\(?[2-9]\\d{2}\\)?[ .-]?[2-9]\\d{2}-\\d{4}")
            FICTIONAL = re.compile(r"555-01\\d\\d$")

            def is_phone(s):
                return bool(PHONE.fullmatch(s)) and not FICTIONAL.search(s)

            assert not is_phone("(617) 555-0100")  # reserved for fiction
            """))
        path = "phi_rules/phone.py"
    else:
        a = Doc(T("""
            export const MBI = /^[1-9][A-Z][A-Z0-9]\\d[A-Z][A-Z0-9]\\d[A-Z]{2}\\d{2}$/;
            // CMS sample: 1EG4-TE5-MK73
            test('mbi', () => expect(MBI.test('1EG4TE5MK73')).toBe(true));
            """))
        b = Doc(T("""
            export const MBI = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$/;
            // CMS sample: 1EG4-TE5-MK73 (letters S, L, O, I, B, Z never used)
            test('mbi', () => expect(MBI.test('1EG4TE5MK73')).toBe(true));
            test('mbi rejects S', () => expect(MBI.test('1SG4TE5MK73')).toBe(false));
            """))
        path = "src/rules/mbi.ts"
    wd = word_diff(a, b)
    diff = Doc("diff --git a/%s b/%s\nindex %s..%s 100644\n--- a/%s\n+++ b/%s\n" % (path, path, g.hexid(7), g.hexid(7), path, path), wd)
    if lay == "raw":
        return Doc("$ git diff --word-diff\n", diff)
    return pr_wrap(g, lay, "Tighten %s validation" % {"java": "SSN", "python": "phone", "ts": "MBI"}[lang], path, diff,
                   Doc("LGTM - the documented examples stay as fixtures only."))


@tpl("validator_diff", ["json", "newman"])
def postman_collection(g, lay):
    coll = {"info": {"_postman_id": g.uuid(), "name": "Patient API - contract tests", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "variable": [{"key": "baseUrl", "value": "https://fhir-tst.%s/R4" % g.org_domain}, {"key": "patientId", "value": ""}, {"key": "mrn", "value": "T0000123"}],
            "item": [{"name": "Read patient", "request": {"method": "GET", "url": {"raw": "{{baseUrl}}/Patient/{{patientId}}", "host": ["{{baseUrl}}"], "path": ["Patient", "{{patientId}}"]},
                                                           "header": [{"key": "Authorization", "value": "Bearer {{token}}"}]},
                      "event": [{"listen": "test", "script": {"exec": ["pm.test('200', () => pm.response.to.have.status(200));",
                                                                      "pm.test('test patient only', () => pm.expect(pm.response.json().name[0].family).to.eql('Zztest'));"]}}],
                      "response": [{"name": "example", "code": 200, "body": J({"resourceType": "Patient", "id": "tst-1", "name": [{"family": D("Zztest", "person_name"), "given": [D("Alpha", "person_name")]}],
                                                                              "birthDate": D("1900-01-01", "date"), "telecom": [{"system": "phone", "value": "617-555-0100"}],
                                                                              "address": [{"line": ["123 Test St"], "city": "Anytown", "postalCode": "00000"}]}, compact="tight")}]},
                     {"name": "Search by identifier", "request": {"method": "GET", "url": {"raw": "{{baseUrl}}/Patient?identifier={{mrnSystem}}|{{mrn}}"}}}]}
    if lay == "json":
        return Doc("patient-api.postman_collection.json\n", J(coll, indent=2))
    out = Doc("$ newman run patient-api.postman_collection.json -e tst.postman_environment.json\n\nPatient API - contract tests\n\n→ Read patient\n")
    out.add("  GET https://fhir-tst.%s/R4/Patient/tst-1 [200 OK, 812B, %dms]\n  ✓  200\n  ✓  test patient only\n\n→ Search by identifier\n" % (g.org_domain, g.r.randint(30, 300)))
    out.add("  GET https://fhir-tst.%s/R4/Patient?identifier=urn:oid:2.16.840.1.113883.19.5|T0000123 [200 OK, 1.1kB, %dms]\n\n" % (g.org_domain, g.r.randint(30, 300)))
    out.add("┌─────────────────────────┬───────────────────┬──────────────────┐\n│                         │          executed │           failed │\n├─────────────────────────┼───────────────────┼──────────────────┤\n│              assertions │                 2 │                0 │\n└─────────────────────────┴───────────────────┴──────────────────┘\n")
    return out


@tpl("validator_diff", ["raw", "md"])
def psql_describe_patients(g, lay):
    cols = [("id", "bigint", "", "not null", "nextval('patients_id_seq'::regclass)"), ("mrn", "character varying(16)", "", "not null", ""),
            ("family_name", "text", "", "", ""), ("given_name", "text", "", "", ""), ("birth_date", "date", "", "", ""),
            ("ssn", "character(11)", "", "", ""), ("phone_home", "text", "", "", ""), ("email", "citext", "", "", ""),
            ("zip", "character varying(10)", "", "", ""), ("created_at", "timestamp with time zone", "", "not null", "now()")]
    tbl = grid(["Column", "Type", "Collation", "Nullable", "Default"], [list(c) for c in cols], "psql", footer=False)
    before = Doc('                         Table "public.patients"\n', tbl, 'Indexes:\n    "patients_pkey" PRIMARY KEY, btree (id)\n    "patients_mrn_key" UNIQUE CONSTRAINT, btree (mrn)\n')
    after = Doc('                         Table "public.patients"\n', tbl, 'Indexes:\n    "patients_pkey" PRIMARY KEY, btree (id)\n    "patients_mrn_key" UNIQUE CONSTRAINT, btree (mrn)\n    "ix_patients_family_birth" btree (lower(family_name), birth_date)\n',
                'Check constraints:\n    "ssn_format" CHECK (ssn IS NULL OR ssn ~ \'^(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}$\'::text AND ssn <> \'123-45-6789\'::bpchar)\n    "zip_format" CHECK (zip ~ \'^\\d{5}(-\\d{4})?$\'::text)\n')
    d = udiff(before, after, "schema_before.txt", "schema_after.txt", n=3)
    out = Doc("$ psql -d registry_dev -c '\\d patients' > schema_after.txt && diff -u schema_before.txt schema_after.txt\n", d,
              "\n$ cat schema_after.txt\n", after,
              "\nregistry_dev=# SELECT count(*) FILTER (WHERE ssn IS NOT NULL) AS with_ssn, count(*) AS total FROM patients;\n",
              grid(["with_ssn", "total"], [[str(g.r.randint(100, 9000)), str(g.r.randint(9000, 20000))]], "psql", align=[">", ">"]))
    return out if lay == "raw" else Doc("### Migration V%d__ssn_check.sql\n\n```diff\n" % g.r.randint(20, 90), out, "```\n")


@tpl("validator_diff", ["text", "html"])
def nist_validator_report(g, lay):
    msg = Doc("MSH|^~\\&|TESTAPP|TESTFAC|NIST|NIST|20240101120000||ADT^A04^ADT_A01|NIST-IZ-AD-1.1|T|2.5.1\n", "EVN|A04|20240101120000\n", "PID|1||",
              D("T0000123", "mrn"), "^^^NIST-MPI-1^MR||", TP(g, "hl7"), "^^^^^L||", D("19000101", "date"), "|F|||123 Test St^^Anytown^ZZ^00000^USA^H||^PRN^PH^^1^555^5550100\n",
              "PV1|1|O\n")
    issues = [("Error", "PID-7", "Birth date 19000101 is before 1901-01-01 (IZ-AD rule)"), ("Warning", "PID-13.6", "Area code 555 is not assigned"),
              ("Error", "PID-11.4", "State 'ZZ' not in table 0347"), ("Info", "MSH-11", "Processing ID 'T' (test)")]
    if lay == "text":
        out = Doc("NIST HL7 v2 Validation Tool - Context-free validation\nProfile: IZ ADT A04 (2.5.1)  Test case: %s\n\nMessage\n" % "NIST-IZ-AD-1.1", msg, "\nResults: %d errors, %d warnings\n" % (2, 1))
        out.add(grid(["Severity", "Location", "Description"], [list(i) for i in issues], "ssms", footer=False))
        return out
    out = Doc("<h3>Validation report</h3>\n<pre>", msg.map(xml_esc), "</pre>\n")
    out.add(grid(["Severity", "Location", "Description"], [list(i) for i in issues], "html"))
    return out


@tpl("validator_diff", ["raw", "jira"])
def fhir_validator_cli(g, lay):
    files = g.r.sample(["patient-example.json", "patient-example-b.json", "bundle-transaction-example.json", "coverage-example.json", "relatedperson-example.json"], 3)
    out = Doc("$ java -jar validator_cli.jar %s -version 4.0.1 -ig hl7.fhir.us.core#6.1.0\nFHIR Validation tool Version 6.2.%d (Git# %s). Built %s\n" % (" ".join("examples/" + f for f in files), g.r.randint(0, 15), g.hexid(12), g.ts("iso", -90000, -80000)))
    out.add("  Java:   17.0.9 from /usr/lib/jvm/java-17 on amd64 (64bit). 4096MB available\n  Paths:  Current = /work/ig, Package Cache = ~/.fhir/packages\n  Jurisdiction: United States of America\n")
    out.add("Loading\n  Load FHIR v4.0 from hl7.fhir.r4.core#4.0.1 - 4576 resources (00:04.221)\n  Load hl7.fhir.us.core#6.1.0 - 234 resources (00:00.812)\n")
    for f in files:
        e, w = g.r.randint(0, 2), g.r.randint(0, 4)
        out.add("\n*FAILURE*: %d errors, %d warnings, 1 notes\n" % (e, w) if e else "\nSuccess: 0 errors, %d warnings, 1 notes\n" % w)
        out.add("  Validate %s\n" % f)
        if e:
            out.add("  Error @ Patient.identifier[0].system (line 12, col 18): US Core requires identifier.system\n")
        out.add("  Warning @ Patient (line 1, col 2): Constraint failed: dom-6: 'A resource should have narrative for robust management'\n")
        out.add("  Information @ Patient.telecom[0].value: '(03) 5555 6473' is the phone of the spec's example patient; 555-01xx numbers are reserved for fiction\n")
    out.add("Done. Times: Loading: 00:07.512, validation: 00:01.104. Memory = 1Gb\n")
    if lay == "raw":
        return out
    return jira(g, "wiki", "US Core 6.1 validation of the spec examples in CI", [("validator_cli", out, True)], labels=("fhir", "ci"))


@tpl("validator_diff", ["dcmdump", "sbs"])
def dicom_phantom_dump(g, lay):
    phantom = g.pick(["CATPHAN^600", "ACR^CT^PHANTOM", "QA^WATER^PHANTOM", "GAMMEX^467"])
    base = [("SpecificCharacterSet", "ISO_IR 100"), ("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2"), ("StudyDate", D("19000101", "date")),
            ("AccessionNumber", None), ("Modality", "CT"), ("Manufacturer", "GE MEDICAL SYSTEMS"), ("InstitutionName", None),
            ("ReferringPhysicianName", None), ("StudyDescription", "QA DAILY"), ("PatientName", D(phantom, "person_name")),
            ("PatientID", D("QA-PHANTOM-%02d" % g.r.randint(1, 20), "mrn")), ("PatientBirthDate", None), ("PatientSex", "O"),
            ("PatientIdentityRemoved", "YES"), ("DeidentificationMethod", "CTP DICOM-S142 Basic Profile; Retain Device Identity"),
            ("KVP", "120"), ("SliceThickness", "5"), ("StudyInstanceUID", dcm_uid(g, "2.25")), ("Rows", "512"), ("Columns", "512")]
    if lay == "dcmdump":
        return Doc("$ dcmdump --search 0010 --search 0012 --search 0008 out/anon/%s.dcm   # anonymizer regression (phantom only)\n" % g.hexid(8), dcmdump(base))
    exp = dcmdump(base[:12])
    act_el = base[:12]
    act_el = [(k, ("GE MEDICAL SYSTEMS" if k == "Manufacturer" else v)) for k, v in act_el]
    act_el[7] = ("ReferringPhysicianName", D("ANONYMIZED", "person_name"))
    act = dcmdump(act_el)
    return Doc("$ diff -y -W 140 expected/phantom.txt actual/phantom.txt\n", side_by_side(exp, act, 68))


@tpl("validator_diff", ["raw", "github"])
def sbs_regex_config(g, lay):
    a = Doc(T("""
        rules:
          ssn:
            pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b'
            allow: []
          phone:
            pattern: '\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}'
            allow: []
          mrn:
            pattern: '\\bMRN[:# ]*\\d{6,10}\\b'
          dob:
            label: '(DOB|Date of Birth)'
        """))
    b = Doc(T("""
        rules:
          ssn:
            pattern: '\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b'
            allow: ['123-45-6789', '078-05-1120']
          phone:
            pattern: '\\(?[2-9]\\d{2}\\)?[-. ]?[2-9]\\d{2}[-. ]?\\d{4}'
            allow: ['555-0100..555-0199']
          mrn:
            pattern: '\\bMRN[:# ]*\\d{6,10}\\b'
            allow_prefix: ['T']   # test-range MRNs
          dob:
            label: '(DOB|D\\.O\\.B\\.|Date of Birth|birthDate)'
        """))
    d = side_by_side(a, b, 60)
    out = Doc("$ diff -y --left-column phi-rules.v3.yaml phi-rules.v4.yaml\n", d)
    if lay == "raw":
        return out
    return Doc("## phi-rules v4 #%d\n\n```\n" % g.r.randint(10, 300), out, "```\n\n", D("@" + g.staff().handle, "person_name"), " the allow-lists only contain documented example values.\n")


@tpl("validator_diff", ["raw", "ci"])
def pytest_validator_output(g, lay):
    cases = [("ssn", "123-45-6789", "PASSED", "documented"), ("ssn", "000-12-3456", "PASSED", "area 000"), ("ssn", "666-12-3456", "PASSED", "area 666"),
             ("phone", "(617) 555-0100", "PASSED", "fictional"), ("phone", "312-555-0199", "PASSED", "fictional"),
             ("mbi", "1EG4-TE5-MK73", "PASSED", "cms sample"), ("npi", "1234567893", "PASSED", "cms sample"),
             ("zip", "00000", "FAILED", "placeholder"), ("dob", "1900-01-01", "PASSED", "sentinel")]
    out = Doc("$ pytest -v tests/test_validators.py\n============================= test session starts ==============================\nplatform linux -- Python 3.11.7, pytest-8.0.1, pluggy-1.4.0\ncollected %d items\n\n" % len(cases))
    for i, (k, v, st, why) in enumerate(cases, 1):
        out.add("tests/test_validators.py::test_not_phi[%s-%s-%s] %s%s[%3d%%]\n" % (k, v, why.replace(" ", "_"), st, " " * 8, i * 100 // len(cases)))
    out.add("\n=================================== FAILURES ===================================\n_______________ test_not_phi[zip-00000-placeholder] _______________\n\n")
    out.add("kind = 'zip', value = '00000'\n\n    @pytest.mark.parametrize('kind,value,why', DOCUMENTED)\n    def test_not_phi(kind, value, why):\n>       assert not VALIDATORS[kind](value)\nE       AssertionError: assert not True\n\n")
    out.add("tests/test_validators.py:%d: AssertionError\n=========================== short test summary info ============================\nFAILED tests/test_validators.py::test_not_phi[zip-00000-placeholder]\n========================= 1 failed, %d passed in %.2fs =========================\n" % (g.r.randint(20, 80), len(cases) - 1, g.r.uniform(0.1, 2)))
    if lay == "raw":
        return out
    return Doc("GitHub Actions › validators › test (3.11)\n", out)


# ============================================================================================
# release_notes (clean)
# ============================================================================================
@tpl("release_notes", ["md", "text"])
def github_release(g, lay):
    v = "v%d.%d.%d" % (g.r.randint(1, 5), g.r.randint(0, 30), g.r.randint(0, 9))
    ppl = [g.staff() for _ in range(4)]
    out = Doc("# %s\n\n## What's Changed\n" % v)
    for p in ppl:
        out.add("* %s by " % g.pick(["Map PID-13 XTN.6/7 into FHIR telecom", "Handle A40 merges idempotently", "Add OBX-14 timezone handling",
                                     "Drop legacy MSA-3 parsing", "Bump HAPI to 7.0.2", "Retry 429 from the HIE with backoff"])).add(D("@" + p.handle, "person_name"))
        out.add(" in https://github.com/cvh/iface-mapper/pull/%d\n" % g.r.randint(100, 999))
    out.add("\n## Numbers\nRegression pack: %d messages, %d diffs (all MSH-7 precision).\nThroughput test: %d msg/s sustained, p99 %d ms.\n" % (g.r.randint(1000, 9000), g.r.randint(0, 5), g.r.randint(80, 600), g.r.randint(20, 300)))
    out.add("\n**Full Changelog**: https://github.com/cvh/iface-mapper/compare/v1.%d.0...%s\n" % (g.r.randint(0, 20), v))
    if lay == "text":
        return out.map(lambda s: s.replace("## ", "").replace("# ", "").replace("**", ""))
    return out


@tpl("release_notes", ["text", "wiki"])
def mirth_channel_release(g, lay):
    rows = []
    for ch in g.r.sample(["ADT_Inbound", "ORU_to_HIE", "SIU_Out", "MDM_In", "DFT_Charges", "VXU_Registry", "RDE_Pharmacy"], 4):
        rows.append([ch, "%d -> %d" % (g.r.randint(3, 20), g.r.randint(21, 40)), str(g.r.randint(1000, 90000)), str(g.r.randint(0, 50)), str(g.r.randint(0, 8))])
    body = Doc("Channel export %s (Mirth Connect 4.5.%d)\n\nChanges\n- ORU_to_HIE: filter drops OBX with status 'W' (wrong result)\n- ADT_Inbound: A40 handled by MRG-1 only; PID-3 repetitions ignored\n- New code template library 'xtn-utils' v2\n\n" % (g.today.isoformat(), g.r.randint(0, 2)))
    body.add(grid(["Channel", "Revision", "Received (7d)", "Errored (7d)", "Queued now"], rows, "ssms" if lay == "text" else "confluence", footer=False))
    body.add(Doc("\nDeployed by ", g.staff().N("gf"), " during the Sunday window; rollback = import %s_prev.xml.\n" % g.today.strftime("%Y%m%d")))
    return body


@tpl("release_notes", ["md", "text"])
def explain_analyze_notes(g, lay):
    ms_before = g.r.uniform(800, 4000)
    ms_after = g.r.uniform(0.05, 3)
    plan_b = T("""
        Seq Scan on patients  (cost=0.00..48211.00 rows=1 width=412) (actual time=%.3f..%.3f rows=1 loops=1)
          Filter: (lower(family_name) = lower($1) AND birth_date = $2)
          Rows Removed by Filter: %d
        Planning Time: 0.112 ms
        Execution Time: %.3f ms
        """) % (ms_before * 0.4, ms_before, g.r.randint(500000, 2000000), ms_before)
    plan_a = T("""
        Index Scan using ix_patients_family_birth on patients  (cost=0.43..8.45 rows=1 width=412) (actual time=%.3f..%.3f rows=1 loops=1)
          Index Cond: ((lower(family_name) = lower($1)) AND (birth_date = $2))
        Planning Time: 0.201 ms
        Execution Time: %.3f ms
        """) % (ms_after * 0.5, ms_after, ms_after)
    out = Doc("## Registry API 2.%d - release notes\n\n### Performance\nPatient search by name + birth date now uses an expression index (migration V%d).\n\nBefore:\n```\n" % (g.r.randint(0, 30), g.r.randint(20, 90)),
              plan_b, "```\nAfter:\n```\n", plan_a, "```\n\n### Fixes\n- `birthDate` search no longer shifts by the server time zone\n- 429 responses include Retry-After\n")
    if lay == "text":
        return out.map(lambda s: s.replace("```\n", "").replace("### ", "").replace("## ", ""))
    return out


@tpl("release_notes", ["md", "text"])
def changelog_keepachangelog(g, lay):
    out = Doc("# Changelog\nAll notable changes to phi-scrubber are documented here (Keep a Changelog, SemVer).\n\n")
    for i in range(3):
        v = "%d.%d.%d" % (3, 9 - i, g.r.randint(0, 5))
        out.add("## [%s] - %s\n### Added\n- %s\n### Fixed\n- %s\n\n" % (v, (g.today - timedelta(days=30 * i)).isoformat(),
                                                            g.pick(["MBI detection with CMS character rules", "DICOM tag dump support (PN, DA, LO)", "X12 NM1/DMG/N3 awareness", "HL7 XTN split area code"]),
                                                            g.pick(["False positive on 555-01xx fictional numbers", "ZIP 00000 no longer reported", "NPI 1234567893 (CMS sample) ignored", "Ages under 90 no longer reported"])))
    out.add("[3.9.0]: https://git.%s/sec/phi-scrubber/compare/v3.8.0...v3.9.0\n" % g.org_domain)
    return out if lay == "md" else out.map(lambda s: s.replace("### ", "").replace("## ", "").replace("# ", ""))


@tpl("release_notes", ["text", "html"])
def tableau_dashboard_release(g, lay):
    rows = [[dep, str(g.r.randint(100, 4000)), "%.1f" % g.r.uniform(2, 7), "%.1f%%" % g.r.uniform(5, 20), str(g.r.randint(0, 40))]
            for dep in g.r.sample(["Cardiology", "Oncology", "Orthopedics", "Medicine", "Surgery", "Pediatrics", "OB/GYN"], 5)]
    hdr = ["Service line", "Discharges", "Avg LOS", "Readmit %", "Pts 90+"]
    out = Doc("Quality dashboard %s - release\nNew: readmission by service line (aggregates only, cells < 11 suppressed)\n\n" % g.pick(["v5", "2025.1", "Q3"]))
    out.add(grid(hdr, rows, "ssms" if lay == "text" else "html", footer=False))
    out.add(Doc("\nPublished to tableau.%s by " % g.org_domain, g.staff().N("gf"), "; extract refresh 05:30 daily.\n"))
    return out


@tpl("release_notes", ["text", "md"])
def db_migration_rowcounts(g, lay):
    rows = [[t, str(g.r.randint(10**4, 10**7)), str(g.r.randint(10**4, 10**7)), "OK"] for t in ["PATIENT", "PAT_ENC", "PAT_ENC_HSP", "ORDER_PROC", "ORDER_RESULTS", "HSP_ACCOUNT", "CLARITY_DEP"]]
    for r in rows:
        r[2] = r[1] if g.r.random() < 0.8 else str(int(r[1]) - g.r.randint(1, 40))
        r[3] = "OK" if r[1] == r[2] else "DIFF"
    out = Doc("Clarity -> Snowflake migration, wave %d - row count reconciliation\n\n" % g.r.randint(1, 6))
    out.add("C:\\> sqlcmd -S clarity-rpt01 -d Clarity -i rowcounts.sql -W\n")
    out.add(grid(["TABLE_NAME", "SOURCE_ROWS", "TARGET_ROWS", "STATUS"], rows, "ssms", align=["<", ">", ">", "<"]))
    out.add("\nDIFF rows are late-arriving records from the 02:00 extract; re-run scheduled.\n")
    return out if lay == "text" else Doc("```\n", out, "```\n")


@tpl("release_notes", ["raw", "md"])
def helm_upgrade_output(g, lay):
    rev = g.r.randint(10, 200)
    out = Doc("$ helm upgrade --install fhir-gateway charts/fhir-gateway -n interfaces -f values-prod.yaml --set image.tag=%d.%d.%d\n" % (g.r.randint(1, 4), g.r.randint(0, 20), g.r.randint(0, 9)))
    out.add("Release \"fhir-gateway\" has been upgraded. Happy Helming!\nNAME: fhir-gateway\nLAST DEPLOYED: %s\nNAMESPACE: interfaces\nSTATUS: deployed\nREVISION: %d\nNOTES:\n" % (g.clock.strftime("%a %b %d %H:%M:%S %Y"), rev))
    out.add("1. Gateway URL: https://fhir.%s/R4\n2. Smoke test: curl -s https://fhir.%s/R4/metadata | jq .fhirVersion\n" % (g.org_domain, g.org_domain))
    out.add("\n$ kubectl -n interfaces get pods -l app=fhir-gateway\n")
    out.add(grid(["NAME", "READY", "STATUS", "RESTARTS", "AGE"], [["fhir-gateway-%s-%s" % (g.hexid(10), g.hexid(5)), "1/1", "Running", "0", "%ds" % g.r.randint(20, 90)] for _ in range(3)], "sqlplus", footer=False).map(lambda s: s.replace("-" * 3, "---")))
    return out if lay == "raw" else Doc("### fhir-gateway rev %d\n```\n" % rev, out, "```\n")


@tpl("release_notes", ["xml", "text"])
def servicenow_change_export(g, lay):
    who = g.staff()
    if lay == "xml":
        return R(T("""
            <?xml version="1.0" encoding="UTF-8"?><unload unload_date="«ud»">
            <change_request action="INSERT_OR_UPDATE">
            <number>CHG«num»</number>
            <short_description>Upgrade Mirth Connect to 4.5.2 (prod)</short_description>
            <assigned_to display_value="«who»">«sid»</assigned_to>
            <implementation_plan>1. Stop channels  2. Backup config  3. Upgrade  4. Redeploy 42 channels  5. Replay regression pack (1,200 msgs)</implementation_plan>
            <backout_plan>Restore VM snapshot; import channel export «day».</backout_plan>
            <test_plan>Regression pack in TST: 1,200 messages, 0 unexpected diffs.</test_plan>
            <close_notes>Completed. Queue drained in 11 min. Error rate unchanged (0.02%).</close_notes>
            <state>3</state>
            </change_request>
            </unload>
            """), ud=g.ts("plain", 0, 1), num="%07d" % g.r.randint(10000, 999999), who=who.N(), sid=g.hexid(32), day=g.today.isoformat())
    return R(T("""
        Change CHG«num» - Upgrade Mirth Connect to 4.5.2 (prod)
        Assigned to: «who»     State: Closed Complete
        Implementation: stop channels, backup, upgrade, redeploy 42 channels, replay 1,200 regression messages.
        Result: queue drained in 11 min; error rate unchanged (0.02%).
        """), num="%07d" % g.r.randint(10000, 999999), who=who.N())


# ============================================================================================
# clinical_rule (clean): CDS rules, value sets, guidance; conditions / codes / meds dont_care
# ============================================================================================
@tpl("clinical_rule", ["wiki", "md", "html"])
def cds_rule_page(g, lay):
    rule = g.pick([("Sepsis screen (adult)", "A41.9", "lactate >= 2 mmol/L and 2+ SIRS criteria"),
                   ("AKI alert", "N17.9", "creatinine rise >= 0.3 mg/dL within 48 h"),
                   ("Anticoagulation duplicate", "I48.91", "two active anticoagulant orders")])
    rows = [[D(c, "diagnosis_code"), D(t, "condition"), g.pick(["include", "include", "exclude"])] for t, c in g.r.sample(CONDITIONS, 4)]
    rows.insert(0, [D(rule[1], "diagnosis_code"), D(dict((c, t) for t, c in CONDITIONS).get(rule[1], "sepsis"), "condition"), "trigger"])
    parts = [("Logic", Doc("Fires when %s. Suppressed for patients aged 90 and older on comfort care, and for patients under 18 (pediatric rule applies)." % rule[2]), "text"),
             ("Diagnosis codes", table_for(lay, ["ICD-10-CM", "Description", "Role"], rows), "table"),
             ("Actions", Doc("BPA to the primary nurse; order panel with ", D("lactate", "procedure"), ", blood cultures x2, ", D("ceftriaxone 2 g", "medication"), "."), "text"),
             ("Performance (last 30 days)", Doc("Fired %d times, accepted %d%%, overridden %d%% (aggregate; no patient-level data on this page)." % (g.r.randint(100, 3000), g.r.randint(20, 70), g.r.randint(10, 60))), "text")]
    return confluence(g, lay, "CDS rule: %s" % rule[0], parts, space="Clinical Informatics")


@tpl("clinical_rule", ["postman", "curl"])
def valueset_expand(g, lay):
    vs = g.pick([("diabetes", ["E11.9", "E11.65", "E10.9", "E13.9"]), ("heart-failure", ["I50.9", "I50.22", "I50.32", "I11.0"]),
                 ("hypertension", ["I10", "I11.9", "I12.9", "I15.0"])])
    names = {c: t for t, c in CONDITIONS}
    names.update({"E11.65": "Type 2 diabetes mellitus with hyperglycemia", "E10.9": "Type 1 diabetes mellitus without complications",
                  "E13.9": "Other specified diabetes mellitus without complications", "I50.22": "Chronic systolic (congestive) heart failure",
                  "I50.32": "Chronic diastolic (congestive) heart failure", "I11.0": "Hypertensive heart disease with heart failure",
                  "I11.9": "Hypertensive heart disease without heart failure", "I12.9": "Hypertensive chronic kidney disease with stage 1-4 CKD",
                  "I15.0": "Renovascular hypertension"})
    contains = [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(c, "diagnosis_code"), "display": D(names.get(c, "%s (see ICD-10-CM)" % vs[0]), "condition")} for c in vs[1]]
    body = J({"resourceType": "ValueSet", "id": vs[0], "status": "active",
              "expansion": {"identifier": "urn:uuid:%s" % g.uuid(), "timestamp": g.ts("iso", 0, 1), "total": len(contains), "contains": contains}})
    url = "https://tx.%s/fhir/ValueSet/%s/$expand" % (g.org_domain, vs[0])
    if lay == "postman":
        return Doc("GET %s\n200 OK  %d ms  %.1f KB\n\n" % (url, g.r.randint(40, 700), g.r.uniform(1, 9)), body, "\n")
    return Doc("$ curl -s '%s' | jq .\n" % url, body, "\n")


@tpl("clinical_rule", ["raw", "diff"])
def cql_library(g, lay):
    lib = Doc(T("""
        library AnticoagDuplicate version '1.2.0'
        using FHIR version '4.0.1'
        include FHIRHelpers version '4.0.1'
        codesystem "RXNORM": 'http://www.nlm.nih.gov/research/umls/rxnorm'
        valueset "Anticoagulants": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113762.1.4.1110.19'

        context Patient

        define "Active Anticoagulant Orders":
          [MedicationRequest: "Anticoagulants"] M
            where M.status = 'active'

        define "Duplicate":
          Count("Active Anticoagulant Orders") > 1

        define "Age Exclusion":
          AgeInYears() >= 90 and exists "Comfort Care"
        """))
    if lay == "raw":
        return Doc("AnticoagDuplicate.cql\n", lib, "\n-- ", D("apixaban", "medication"), " + ", D("enoxaparin", "medication"), " bridging is excluded via the BridgingProtocol valueset\n")
    b = Doc(lib.text.replace("> 1", "> 1\n            and not exists [ServiceRequest: \"Bridging Protocol\"]").replace("'1.2.0'", "'1.3.0'"))
    return Doc("$ git diff cql/AnticoagDuplicate.cql\n", udiff(lib, b, "a/cql/AnticoagDuplicate.cql", "b/cql/AnticoagDuplicate.cql"))


@tpl("clinical_rule", ["wiki", "md", "html"])
def drug_interaction_table(g, lay):
    pairs = [("warfarin", "amiodarone", "Major", "Increase INR monitoring; reduce warfarin 30-50%"),
             ("clopidogrel", "omeprazole", "Moderate", "Prefer pantoprazole"), ("simvastatin", "clarithromycin", "Contraindicated", "Hold statin during course"),
             ("lisinopril", "spironolactone", "Moderate", "Monitor potassium in 1 week"), ("sertraline", "linezolid", "Major", "Risk of serotonin syndrome"),
             ("metformin", "iodinated contrast", "Moderate", "Hold 48 h if eGFR < 30")]
    rows = [[D(a, "medication"), D(b, "medication"), s, act] for a, b, s, act in g.r.sample(pairs, 4)]
    parts = [("", Doc("Interaction alerts tuned by P&T on %s. Severity per First Databank; actions are local." % g.today.strftime("%B %Y")), "text"),
             ("Alerts", table_for(lay, ["Drug A", "Drug B", "Severity", "Local action"], rows), "table"),
             ("Override reasons tracked", Doc("'Patient tolerated before', 'Benefit outweighs risk', 'Will monitor'."), "text")]
    return confluence(g, lay, "Drug-drug interaction tiering", parts, space="Pharmacy Informatics")


@tpl("clinical_rule", ["wiki", "md"])
def sepsis_alert_spec(g, lay):
    thr = grid(["Parameter", "Threshold", "Source"], [["Temperature", "> 38.3 C or < 36 C", "Flowsheet"], ["Heart rate", "> 90 /min", "Flowsheet"],
                                                      ["Respiratory rate", "> 20 /min", "Flowsheet"], ["WBC", "> 12 or < 4 x10^9/L", "Lab (LOINC 6690-2)"],
                                                      ["Lactate", ">= 2 mmol/L", "Lab (LOINC 2524-7)"]], {"wiki": "confluence", "md": "markdown"}[lay])
    spl = grid(["unit", "fired", "acknowledged", "median_ack_min"], [[u, str(f), str(f - g.r.randint(0, f // 3)), str(g.r.randint(2, 30))] for u, f in [(u, g.r.randint(10, 300)) for u in ["ED", "4W", "5N", "MICU"]]], "ssms", footer=False)
    parts = [("Criteria", thr, "table"), ("Firing (Splunk, last 14 days, aggregate)", spl, "code"),
             ("Exclusions", Doc("Comfort-care orders; age 90 and older only if goals-of-care note present; ", D("neutropenia", "condition"), " handled by the oncology variant."), "text")]
    return confluence(g, lay, "Sepsis BPA v4 specification", parts, space="Clinical Informatics")


@tpl("clinical_rule", ["tsv", "csv"])
def dose_range_excel(g, lay):
    rows = []
    for med, unit in [("acetaminophen", "mg/kg"), ("amoxicillin", "mg/kg/day"), ("ibuprofen", "mg/kg"), ("ondansetron", "mg/kg"), ("ceftriaxone", "mg/kg/day")]:
        for band in ["1-23 months", "2-11 years", "12-17 years"]:
            lo = g.r.randint(5, 20)
            rows.append([D(med, "medication"), band, "%d-%d %s" % (lo, lo + g.r.randint(5, 40), unit), "%d mg" % g.r.randint(500, 4000)])
    hdr = ["Medication", "Age band", "Dose range", "Max daily"]
    return Doc("Pediatric dose ranges (copied from DoseRanges_v7.xlsx, sheet 'Peds')\n" if lay == "tsv" else "", grid(hdr, rows, lay))


@tpl("clinical_rule", ["xml", "text"])
def order_set_export(g, lay):
    items = [("CBC with differential", "85025"), ("Comprehensive metabolic panel", "80053"), ("Chest X-ray 2 views", "71046"), ("ECG 12-lead", "93000")]
    meds = g.r.sample(MEDS, 3)
    if lay == "xml":
        out = Doc('<?xml version="1.0"?>\n<OrderSet id="%d" name="ED Chest Pain" version="%d">\n' % (g.r.randint(1000, 9999), g.r.randint(2, 9)))
        for n, c in items:
            out.add('  <Order type="procedure" cpt="').add(D(c, "procedure_code")).add('">%s</Order>\n' % n)
        for m in meds:
            out.add('  <Order type="medication">').add(D(m, "medication")).add("</Order>\n")
        out.add('  <Guidance>Troponin at 0 and 3 h. Consider HEART score; age 65 and older scores +2.</Guidance>\n</OrderSet>\n')
        return out
    out = Doc("ORDER SET: ED Chest Pain (v%d)\n" % g.r.randint(2, 9))
    for n, c in items:
        out.add("  [x] %s  (CPT " % n).add(D(c, "procedure_code")).add(")\n")
    for m in meds:
        out.add("  [ ] ").add(D(m, "medication")).add("\n")
    return out


@tpl("clinical_rule", ["text", "md"])
def guideline_health_text(g, lay):
    topic = g.pick(["falls", "flu vaccine", "colorectal screening"])
    body = {"falls": "Adults 65 and older should be screened for fall risk every year. Patients aged 90 and older have the highest rate of injurious falls. "
                     "People who take sleep medicines such as ",
            "flu vaccine": "Everyone 6 months and older should get a flu vaccine every season. People 65 and older should get a high-dose or adjuvanted vaccine. "
                           "People who take blood thinners such as ",
            "colorectal screening": "Screening is recommended for adults aged 45 to 75. For ages 76 to 85 the decision is individual; screening is generally not recommended after 85. "
                                    "People who take "}[topic]
    out = Doc("Patient education: %s\n\n" % topic.title(), body, D(g.pick(["zolpidem", "warfarin", "apixaban", "lorazepam"]), "medication"),
              " should ask their care team before changing anything.\n\nQuestions? Call the nurse line (not for emergencies). Source: ", D(g.fac, "facility"), " Patient Education, rev. %s.\n" % g.today.strftime("%m/%Y"))
    if lay == "md":
        return Doc("# ", out)
    return out


# ============================================================================================
# oncall_directory (clean): staff rosters from directory and paging tools
# ============================================================================================
def staff_rows(g, n, roles):
    return [(g.staff(), g.pick(roles)) for _ in range(n)]


@tpl("oncall_directory", ["text", "json"])
def pagerduty_schedule(g, lay):
    rows = staff_rows(g, g.r.randint(4, 7), ["Primary", "Secondary", "Manager escalation"])
    start = g.today
    if lay == "json":
        entries = [{"user": {"summary": s.N("gf"), "email": s.MAIL()}, "start": "%sT08:00:00-05:00" % (start + timedelta(days=i)).isoformat(),
                    "end": "%sT08:00:00-05:00" % (start + timedelta(days=i + 1)).isoformat(), "layer": role} for i, (s, role) in enumerate(rows)]
        return Doc("$ pd schedule render -i P%s --since %s --until %s -o json\n" % (g.hexid(6).upper(), start.isoformat(), (start + timedelta(days=7)).isoformat()), J(entries), "\n")
    tbl = grid(["Start", "End", "Layer", "User", "Contact"], [[(start + timedelta(days=i)).isoformat() + " 08:00", (start + timedelta(days=i + 1)).isoformat() + " 08:00", role, s.N("gf"), s.PAGER()] for i, (s, role) in enumerate(rows)], "ssms", footer=False)
    return Doc("$ pd schedule render -i P%s\nSchedule: Interface Engine On-Call (America/Chicago)\n\n" % g.hexid(6).upper(), tbl)


@tpl("oncall_directory", ["ldif", "ldif_wrapped"])
def ldapsearch_staff(g, lay):
    out = Doc("$ ldapsearch -LLL -H ldaps://ad.%s -b 'OU=Clinical Informatics,DC=cvh,DC=local' '(title=*On-Call*)' cn mail telephoneNumber pager title\n" % g.org_domain)
    for s, role in staff_rows(g, g.r.randint(3, 5), ["Interface Analyst On-Call", "Epic Bridges On-Call", "DBA On-Call", "Integration Lead On-Call"]):
        out.add("dn: CN=").add(s.N("gf")).add(",OU=Clinical Informatics,DC=cvh,DC=local\ncn: ").add(s.N("gf")).add("\nmail: ").add(s.MAIL())
        out.add("\ntelephoneNumber: ").add(D("+1 %s %s %04d" % (g.pick(AREA), g.exchange(), g.r.randint(1000, 9999)), "staff_contact")).add("\npager: ").add(s.PAGER())
        out.add("\ntitle: %s\n\n" % role)
    out.add("# numResponses: %d\n" % g.r.randint(4, 6))
    return out


@tpl("oncall_directory", ["csv", "tsv"])
def servicenow_group_csv(g, lay):
    rows = [[s.N("gf"), s.MAIL(), D(s.user, "person_name"), g.pick(["EHR-Interfaces", "EHR-Interfaces", "Integration Services"]), role, s.PAGER()]
            for s, role in staff_rows(g, g.r.randint(4, 8), ["Member", "Manager", "Member", "Escalation"])]
    return Doc("sys_user_grmember.csv\n" if lay == "csv" else "", grid(["user.name", "user.email", "user.user_name", "group", "role", "user.mobile_phone"], rows, "csvq" if lay == "csv" else "tsv"))


@tpl("oncall_directory", ["tsv", "md"])
def excel_oncall_grid(g, lay):
    weeks = [g.today + timedelta(days=7 * i) for i in range(4)]
    rows = []
    for w in weeks:
        p1, p2 = g.staff(), g.staff()
        rows.append([w.strftime("%m/%d/%Y"), p1.N("gf"), p1.EXT(), p2.N("gf"), p2.PAGER(), g.pick(["", "holiday week", "swap approved"])])
    hdr = ["Week of", "Primary", "Ext", "Backup", "Pager", "Notes"]
    head = Doc("Interface on-call Q%d (copied from OnCall.xlsx)\nEscalation: Integration manager, then IT command center %s\n" % ((g.today.month - 1) // 3 + 1, g.pick(["x4357", "x2000"])))
    return Doc(head, grid(hdr, rows, "tsv" if lay == "tsv" else "markdown"))


@tpl("oncall_directory", ["csv", "text"])
def vocera_directory(g, lay):
    rows = []
    for unit in g.r.sample(["4 West", "5 North", "MICU", "ED Pod B", "L&D", "Pharmacy", "Rad Tech"], 5):
        s = g.staff(g.pick(["RN", "RN, BSN", "PharmD", "RT"]))
        rows.append([unit, g.pick(["Charge Nurse", "Resource RN", "On-call Pharmacist", "Lead Tech"]), s.N("gf"), D("%d" % g.r.randint(20000, 29999), "staff_contact"), D(g.fmt_phone(g.phone_parts(), "dash"), "staff_contact")])
    hdr = ["Unit", "Role", "Current user", "Badge ext", "Wireless"]
    if lay == "csv":
        return Doc("Vocera Administration Console > Users > Export (role groups)\n", grid(hdr, rows, "csv"))
    return Doc("Role directory as of %s\n" % g.ts("plain", 0, 1), grid(hdr, rows, "ssms", footer=False))


@tpl("oncall_directory", ["ps", "ps_table"])
def get_aduser_output(g, lay):
    ppl = staff_rows(g, g.r.randint(2, 4), ["Interface Analyst", "Clinical Systems Engineer", "Lab Systems Analyst"])
    if lay == "ps_table":
        rows = [[s.N("gf"), D(s.user, "person_name"), s.MAIL(), role, D(g.fmt_phone(g.phone_parts(), "paren"), "staff_contact")] for s, role in ppl]
        return Doc("PS> Get-ADGroupMember 'IS-Interfaces-OnCall' | Get-ADUser -Properties mail,title,officePhone | ft Name,SamAccountName,mail,title,officePhone\n\n",
                   grid(["Name", "SamAccountName", "mail", "title", "officePhone"], rows, "ssms", footer=False))
    recs = [[("DistinguishedName", Doc("CN=", s.N("gf"), ",OU=IS,DC=cvh,DC=local")), ("Enabled", "True"), ("GivenName", D(s.given, "person_name")),
             ("Name", s.N("gf")), ("SamAccountName", D(s.user, "person_name")), ("mail", s.MAIL()), ("title", role), ("Office", g.pick(["IT Annex 2", "Admin 310", "Remote"])),
             ("officePhone", D(g.fmt_phone(g.phone_parts(), "paren"), "staff_contact")), ("Manager", Doc("CN=", g.staff().N("gf"), ",OU=IS,DC=cvh,DC=local"))] for s, role in ppl]
    return Doc("PS> Get-ADUser -Filter \"title -like '*Analyst*'\" -Properties mail,title,Office,officePhone,Manager | Format-List\n", records(recs, "ps_fl"))


@tpl("oncall_directory", ["text", "csv"])
def amion_export(g, lay):
    days = [g.today + timedelta(days=i) for i in range(3)]
    rows = []
    for d in days:
        for svc in ["Hospitalist Nights", "Cardiology", "GI", "Radiology (IR)"]:
            s = g.staff("MD")
            rows.append([d.strftime("%m/%d"), svc, s.N("fg"), s.PAGER(), "1900-0700" if "Night" in svc else "0700-0700"])
    if lay == "csv":
        return Doc("Amion export (%s)\n" % g.fac, grid(["Date", "Service", "Staff", "Pager", "Shift"], rows, "csv"))
    return Doc("Amion  %s  %s - %s\n" % (g.fac, days[0].strftime("%b %d"), days[-1].strftime("%b %d")), grid(["Date", "Service", "Staff", "Pager", "Shift"], rows, "ssms", footer=False))


@tpl("oncall_directory", ["text", "vcf"])
def outlook_gal_card(g, lay):
    boxes = [("Cardiology Front Desk", "cardiology.frontdesk"), ("Patient Access", "patient.access"), ("HIM Release of Information", "him.roi"), ("Interface Team", "interfaces")]
    out = Doc()
    for name, local in g.r.sample(boxes, 3):
        owner = g.staff()
        addr = g.pick(FAC_ADDR)
        ph = D(g.fmt_phone(g.phone_parts(), "paren"), "staff_contact")
        if lay == "vcf":
            out.add("BEGIN:VCARD\nVERSION:3.0\nFN:%s\nORG:%s\nEMAIL;TYPE=WORK:" % (name, g.fac)).add(D("%s@%s" % (local, g.org_domain), "staff_contact"))
            out.add("\nTEL;TYPE=WORK:").add(ph).add("\nADR;TYPE=WORK:;;").add(D(addr.replace(", ", ";"), "facility")).add("\nNOTE:Owner ").add(owner.N("gf")).add("\nEND:VCARD\n")
        else:
            out.add("%s\n  Shared mailbox   %s\n  Email:   " % (name, g.fac)).add(D("%s@%s" % (local, g.org_domain), "staff_contact"))
            out.add("\n  Work:    ").add(ph).add("\n  Office:  ").add(D(addr, "facility")).add("\n  Owner:   ").add(owner.N("gf")).add("\n\n")
    return out


# ----------------------------------------------------------------------------------------------
# Build, check, stats
# ----------------------------------------------------------------------------------------------
PHI_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn", "mrn",
             "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id", "device_id", "url",
             "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code", "drug_code",
             "medication", "condition", "credit_card"}


def build():
    docs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tpls = [t for t in TEMPLATES if t["family"] == fam]
        n = N_PHI if fam in PHI_FAMILIES else N_CLEAN
        orng = random.Random("%d-%s-order" % (SEED, fam))
        seq = []
        while len(seq) < n:
            blk = tpls[:]
            orng.shuffle(blk)
            seq += blk
        seq = seq[:n]
        seen = {}
        offset = {t["name"]: orng.randrange(len(t["layouts"])) for t in tpls}
        for i, t in enumerate(seq):
            k = seen.get(t["name"], 0)
            seen[t["name"]] = k + 1
            lay = t["layouts"][(k + offset[t["name"]]) % len(t["layouts"])]
            g = G("%d-%s-%d" % (SEED, fam, i))
            doc = t["fn"](g, lay)
            text, spans = doc.finish()
            rec = {"id": "%s-%04d" % (fam, i), "family": fam, "phi": fam in PHI_FAMILIES, "variant": "%s/%s" % (t["name"], lay),
                   "text": text, "spans": spans}
            docs.append(rec)
    return docs


def _tokch(ch):
    return ch.isalnum() or ch == "_" or unicodedata.combining(ch) > 0


def check_records(recs, verbose=True):
    errs, warns = [], []
    ids = set()
    n_phi = n_clean = 0
    templates = set()
    for r in recs:
        rid = r.get("id")
        if rid in ids:
            errs.append("%s: duplicate id" % rid)
        ids.add(rid)
        fam = r.get("family")
        if fam not in PHI_FAMILIES + CLEAN_FAMILIES:
            errs.append("%s: unknown family %r" % (rid, fam))
        if r.get("phi") != (fam in PHI_FAMILIES):
            errs.append("%s: phi flag does not match family" % rid)
        templates.add(r.get("variant", "").split("/")[0])
        text = r["text"]
        b = text.encode("utf-8")
        prev_end = 0
        nphi = 0
        covered = []
        for s in r["spans"]:
            st, en, lab, kind = s["start"], s["end"], s["label"], s["kind"]
            if not (0 <= st < en <= len(b)):
                errs.append("%s: span out of range %r" % (rid, s))
                continue
            if st < prev_end:
                errs.append("%s: spans unsorted or overlapping at %d" % (rid, st))
            prev_end = en
            try:
                before = b[:st].decode("utf-8")
                piece = b[st:en].decode("utf-8")
            except UnicodeDecodeError:
                errs.append("%s: span %d-%d not on a character boundary" % (rid, st, en))
                continue
            after = b[en:].decode("utf-8")
            if lab not in ("phi", "dont_care"):
                errs.append("%s: bad label %r" % (rid, lab))
            if lab == "phi":
                nphi += 1
                if kind not in PHI_KINDS:
                    errs.append("%s: phi kind %r not a contract kind" % (rid, kind))
            if piece != piece.strip():
                errs.append("%s: span %r has outer whitespace" % (rid, piece))
            if before and piece and _tokch(before[-1]) and _tokch(piece[0]):
                errs.append("%s: span %r starts inside a token (%r)" % (rid, piece, before[-12:]))
            if after and piece and _tokch(after[0]) and _tokch(piece[-1]):
                errs.append("%s: span %r ends inside a token (%r)" % (rid, piece, after[:12]))
            covered.append((len(before), len(before) + len(piece), lab, piece))
        if fam in PHI_FAMILIES:
            n_phi += 1
            if nphi == 0:
                errs.append("%s: PHI document without phi spans" % rid)
        else:
            n_clean += 1
            if nphi:
                errs.append("%s: clean document with %d phi spans" % (rid, nphi))
        # a PHI value that also occurs unlabelled elsewhere in the same document
        for cs, ce, lab, piece in covered:
            if lab != "phi" or len(piece) < 5:
                continue
            for m in re.finditer(re.escape(piece), text):
                a, z = m.start(), m.end()
                if any(x0 <= a and z <= x1 for x0, x1, _, _ in covered):
                    continue
                if (a > 0 and _tokch(text[a - 1])) or (z < len(text) and _tokch(text[z])):
                    continue
                warns.append("%s: %r also occurs unlabelled at char %d" % (rid, piece, a))
    if n_phi != 120 or n_clean != 120:
        errs.append("expected 120 PHI / 120 clean, got %d / %d" % (n_phi, n_clean))
    if len(templates) < 100:
        errs.append("only %d distinct templates" % len(templates))
    return errs, warns


def stats(recs):
    fams = {}
    tmpl = {}
    lays = set()
    shares = []
    kinds = {}
    for r in recs:
        fams[r["family"]] = fams.get(r["family"], 0) + 1
        t = r["variant"].split("/")[0]
        tmpl.setdefault(r["family"], set()).add(t)
        lays.add(r["variant"])
        n = len(r["text"].encode("utf-8"))
        phi_b = sum(s["end"] - s["start"] for s in r["spans"] if s["label"] == "phi")
        if r["phi"]:
            shares.append(phi_b / n)
        for s in r["spans"]:
            key = (s["label"], s["kind"])
            kinds[key] = kinds.get(key, 0) + 1
    print("documents per family (templates):")
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        print("  %-18s %3d  (%d templates)" % (f, fams.get(f, 0), len(tmpl.get(f, ()))))
    print("templates: %d   template/layout variants: %d" % (sum(len(v) for v in tmpl.values()), len(lays)))
    print("name cultures (hand-written lists): %d" % len(CULTURES))
    if shares:
        print("PHI share of bytes in PHI documents: median %.3f  mean %.3f  min %.3f  max %.3f" % (
            statistics.median(shares), statistics.mean(shares), min(shares), max(shares)))
    print("spans by label/kind:")
    for (l, k), c in sorted(kinds.items()):
        print("  %-10s %-18s %5d" % (l, k, c))
    sizes = [len(r["text"].encode("utf-8")) for r in recs]
    print("document size bytes: median %d  min %d  max %d" % (statistics.median(sizes), min(sizes), max(sizes)))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-verify %s" % os.path.basename(OUT))
    ap.add_argument("--stats", action="store_true", help="documents per family, templates, PHI byte share")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    if a.check or a.stats:
        recs = load(a.out)
        if a.stats:
            stats(recs)
        if a.check:
            errs, warns = check_records(recs)
            for w in warns:
                print("warning:", w)
            for e in errs:
                print("error:", e)
            print("%s: %d records, %d errors, %d warnings" % (a.out, len(recs), len(errs), len(warns)))
            return 1 if errs else 0
        return 0
    recs = build()
    errs, warns = check_records(recs)
    if errs:
        for e in errs[:50]:
            print("error:", e)
        print("%d errors; not written" % len(errs))
        return 1
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %s: %d documents (%d warnings; run --check to list)" % (a.out, len(recs), len(warns)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
