#!/usr/bin/env python3
"""fresh8: an independent, labelled, synthetic PHI corpus (standard library only).

Written on 2026-12-06 from tests/corpus/README.md and section 1 of the contract only,
without sight of the detector, its tests, the other generators or their output.
Everyday, mainstream content of the 14 families, in this author's own wording.

    python3 tests/corpus/generate_fresh8.py           # write fresh8.jsonl
    python3 tests/corpus/generate_fresh8.py --check   # regenerate in memory, compare, verify spans
    python3 tests/corpus/generate_fresh8.py --stats   # templates per family, cultures

Every person, number and address is made up.  Names come from hand-written lists.
Identifiers are valid where a rule exists (SSN ranges, Luhn cards, NPI with the 80840
prefix, CMS MBI character rules, NANP phones, VIN check digits, GS1 check digits).
Documents are built from pieces (plain text, phi spans, dont_care spans), so UTF-8 byte
offsets are exact by construction; a document in which a PHI value also occurs outside a
phi span is regenerated with the next attempt seed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata

SEED = "fresh8/2026-12-06"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "fresh8.jsonl")

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
    "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
    "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
    "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card",
}

# ----------------------------------------------------------------------------------------
# document building
# ----------------------------------------------------------------------------------------


class Sp:
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        text = str(text)
        if not text:
            raise ValueError("empty span")
        self.text, self.label, self.kind = text, label, kind


def P(text, kind="person_name"):
    """A phi span."""
    return Sp(text, "phi", kind)


def D(text, kind):
    """A dont_care span."""
    return Sp(text, "dont_care", kind)


def _flat(x, out):
    if x is None or x == "":
        return
    if isinstance(x, (str, Sp)):
        out.append(x)
    elif isinstance(x, (list, tuple)):
        for y in x:
            _flat(y, out)
    else:
        out.append(str(x))


def build(items):
    flat = []
    _flat(items, flat)
    parts, spans, pos = [], [], 0
    for it in flat:
        if isinstance(it, str):
            parts.append(it)
            pos += len(it.encode("utf-8"))
            continue
        n = len(it.text.encode("utf-8"))
        spans.append({"start": pos, "end": pos + n, "label": it.label, "kind": it.kind})
        parts.append(it.text)
        pos += n
    return "".join(parts), spans


def J(sep, seq):
    out = []
    for i, x in enumerate(seq):
        if i:
            out.append(sep)
        out.append(x)
    return out


def lines(*rows):
    """Each row is an item list; rows are joined with newlines and end with one."""
    return [[r, "\n"] for r in rows]


def prefix_lines(prefix, rows):
    return [[prefix, r, "\n"] for r in rows]


def seg(name, fields, sep="|"):
    """An HL7 segment from {position: items}."""
    n = max(fields) if fields else 0
    out = [name]
    for i in range(1, n + 1):
        out.append(sep)
        v = fields.get(i)
        if v is not None:
            out.append(v)
    return out


# ----------------------------------------------------------------------------------------
# verification
# ----------------------------------------------------------------------------------------


def verify_record(rec):
    errs = []
    text = rec["text"]
    tb = text.encode("utf-8")
    prev = 0
    has_phi = False
    for s in rec["spans"]:
        st, en = s.get("start"), s.get("end")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(tb)):
            errs.append(f"bad offsets {s}")
            continue
        if st < prev:
            errs.append(f"unsorted/overlapping {s}")
        prev = en
        try:
            before = tb[:st].decode("utf-8")
            val = tb[st:en].decode("utf-8")
            after = tb[en:].decode("utf-8")
        except UnicodeDecodeError:
            errs.append(f"span not on a character boundary {s}")
            continue
        if before and before[-1].isalnum() and val[0].isalnum():
            errs.append(f"span starts inside a token {val!r}")
        if after and after[0].isalnum() and val[-1].isalnum():
            errs.append(f"span ends inside a token {val!r}")
        if val != val.strip():
            errs.append(f"span has edge whitespace {val!r}")
        if s.get("label") == "phi":
            has_phi = True
            if s.get("kind") not in CONTRACT_KINDS:
                errs.append(f"phi span with non-contract kind {s}")
        elif s.get("label") != "dont_care":
            errs.append(f"bad label {s}")
        if not s.get("kind"):
            errs.append(f"missing kind {s}")
    if has_phi != rec["phi"]:
        errs.append(f"phi flag {rec['phi']} but phi spans present={has_phi}")
    if repeated_value(text, rec["spans"]):
        errs.append(f"phi value repeated unlabelled: {repeated_value(text, rec['spans'])}")
    return errs


def _char_spans(text, spans):
    tb = text.encode("utf-8")
    out = []
    for s in spans:
        cs = len(tb[: s["start"]].decode("utf-8"))
        ce = cs + len(tb[s["start"]: s["end"]].decode("utf-8"))
        out.append((cs, ce, s))
    return out


def repeated_value(text, spans):
    """A phi value (or a name part) that also occurs outside every phi span."""
    cs = _char_spans(text, spans)
    phi_ranges = [(a, b) for a, b, s in cs if s["label"] == "phi"]
    for a, b, s in cs:
        if s["label"] != "phi":
            continue
        v = text[a:b]
        cands = []
        if len(v) >= 4:
            cands.append((v, s["kind"] == "person_name" or len(v) < 6))
        if s["kind"] == "person_name":
            for part in re.split(r"[\s\^,]+", v):
                part = part.strip(".")
                if len(part) >= 3:
                    cands.append((part, True))
        for c, boundary in cands:
            i = text.find(c)
            while i >= 0:
                j = i + len(c)
                ok_occ = True
                if boundary:
                    if i > 0 and text[i - 1].isalnum() and c[0].isalnum():
                        ok_occ = False
                    if j < len(text) and text[j].isalnum() and c[-1].isalnum():
                        ok_occ = False
                if ok_occ and not any(x <= i and j <= y for x, y in phi_ranges):
                    return c
                i = text.find(c, i + 1)
    return None


# ----------------------------------------------------------------------------------------
# names: hand-written lists, "Roman|Native" where a native script is given
# ----------------------------------------------------------------------------------------

CULTURES = {
    "anglo_american": dict(
        f=["Jennifer", "Linda", "Megan", "Ashley", "Brittany", "Deborah", "Kayla", "Heather", "Tammy", "Courtney"],
        m=["Michael", "Robert", "Kevin", "Brian", "Tyler", "Gary", "Douglas", "Travis", "Dennis", "Randall"],
        last=["Harrington", "Prescott", "Holloway", "Kendrick", "Pruitt", "Atwood", "Blevins", "Crenshaw", "Whitaker", "Caldwell"]),
    "irish": dict(
        f=["Siobhan", "Niamh", "Aoife", "Maeve", "Bridget", "Róisín", "Caoimhe"],
        m=["Cormac", "Declan", "Eoin", "Pádraig", "Ciarán", "Seamus", "Donal"],
        last=["O'Sullivan", "McCarthy", "Donnelly", "Fitzgerald", "Kavanagh", "Gallagher", "Ó Súilleabháin", "MacNamara"]),
    "scottish": dict(
        f=["Morag", "Isla", "Eilidh", "Fiona", "Kirsty"],
        m=["Angus", "Hamish", "Callum", "Fraser", "Euan"],
        last=["MacLeod", "Drummond", "Munro", "Buchanan", "Urquhart", "Lindsay"]),
    "english_words": dict(
        f=["Hope", "Faith", "Joy", "Grace", "Rose", "June", "April", "Dawn", "Ivy", "Summer", "Crystal", "Amber", "Pearl", "Holly"],
        m=["Will", "Mark", "Bill", "Hunter", "Chase", "Rich", "Gene", "Forrest", "Clay", "Lance", "Wade", "Miles"],
        last=["Young", "Bishop", "Church", "Rice", "Hill", "Wood", "Price", "Fox", "Lane", "Sharp", "Best", "Love",
              "Page", "Story", "Cash", "Frost", "King", "Long", "Bell", "Rivers", "Gray", "Small", "Strong", "Moody", "Hardy"]),
    "african_american": dict(
        f=["Latoya", "Imani", "Keisha", "Shanice", "Tamika", "Ebony", "Aaliyah", "Jazmine"],
        m=["DeShawn", "Jamal", "Darnell", "Tyrone", "Marquis", "DeAndre", "Terrell", "Rashad"],
        last=["Washington", "Jefferson", "Banks", "Gaines", "Mayfield", "Battle", "Merriweather", "Dixon", "Simmons"]),
    "mexican": dict(
        f=["Guadalupe", "María José", "Xóchitl", "Yesenia", "Araceli", "Itzel", "Rocío"],
        m=["José Luis", "Jesús", "Alejandro", "Juan Carlos", "Ramón", "Efraín", "Joaquín"],
        last=["Hernández", "García López", "Ramírez", "Gutiérrez", "Villaseñor", "Ochoa", "De la Cruz", "Zúñiga"]),
    "puerto_rican": dict(
        f=["Marisol", "Yadira", "Nilda", "Zoraida", "Glorimar"],
        m=["Luis Ángel", "Héctor", "Wilfredo", "Edwin", "Yamil"],
        last=["Rivera", "Santiago", "Colón", "Quiñones", "Rosado", "Maldonado", "Vélez"]),
    "dominican": dict(
        f=["Yokasta", "Altagracia", "Mercedes", "Yanelis"],
        m=["Yunior", "Fausto", "Radhamés", "Deivi"],
        last=["Peña", "Almonte", "Ureña", "Polanco", "Reyes", "Batista"]),
    "cuban": dict(
        f=["Yusimi", "Dayamí", "Odalys", "Yaquelín"],
        m=["Yoandri", "Orestes", "Yasiel", "Reinier"],
        last=["Cabrera", "Echevarría", "Quintana", "Pérez-Abreu", "Llanes"]),
    "colombian": dict(
        f=["Paola", "Luz Marina", "Yuliana", "Marleny"],
        m=["Andrés Felipe", "Jhon Jairo", "Wilmer", "Hernán"],
        last=["Restrepo", "Ospina", "Londoño", "Cárdenas", "Zapata"]),
    "brazilian": dict(
        f=["Conceição", "Luíza", "Thaís", "Fernanda", "Joana"],
        m=["João", "Sebastião", "Thiago", "Caio", "Rogério"],
        last=["Gonçalves", "Araújo", "Magalhães", "dos Santos", "Assunção", "Figueiredo"]),
    "cape_verdean": dict(
        f=["Fátima", "Arlinda", "Domingas"],
        m=["Duarte", "Rui", "Adilson"],
        last=["Tavares", "Furtado", "Monteiro", "Semedo", "Brito"]),
    "italian": dict(
        f=["Giuseppina", "Antonella", "Chiara", "Rosaria", "Concetta"],
        m=["Giuseppe", "Salvatore", "Vincenzo", "Carmine", "Gennaro"],
        last=["Esposito", "Russo", "Lombardi", "D'Amico", "Mancuso", "Giordano", "Caruso"]),
    "french_canadian": dict(
        f=["Geneviève", "Josée", "Mélanie", "Chantal"],
        m=["Réjean", "Gaétan", "Étienne", "Benoît"],
        last=["Thériault", "Bélanger", "Tremblay", "Côté", "Lévesque", "Gagnon"]),
    "haitian": dict(
        f=["Guerline", "Mirlande", "Roseline", "Nadège", "Fabienne"],
        m=["Jean-Baptiste", "Wesner", "Fritznel", "Jean-Robert", "Wilner"],
        last=["Pierre-Louis", "Jean-Charles", "Dorvil", "Saint-Fleur", "Toussaint", "Desrosiers"]),
    "german": dict(
        f=["Ingrid", "Gudrun", "Annelise", "Jutta", "Hannelore"],
        m=["Jürgen", "Dieter", "Klaus", "Wolfgang", "Günther"],
        last=["Schäfer", "Müller", "Weißmann", "Hoffmann", "Krüger", "Vogel", "Zimmermann"]),
    "polish": dict(
        f=["Małgorzata", "Agnieszka", "Bożena", "Krystyna"],
        m=["Łukasz", "Wojciech", "Grzegorz", "Zbigniew"],
        last=["Wójcik", "Kowalczyk", "Szczepański", "Lewandowski", "Nowak", "Dąbrowski"],
        last_f=["Wójcik", "Kowalczyk", "Szczepańska", "Lewandowska", "Nowak", "Dąbrowska"]),
    "russian": dict(
        f=["Svetlana|Светлана", "Olga|Ольга", "Tatiana|Татьяна", "Natalia|Наталья"],
        m=["Dmitry|Дмитрий", "Sergei|Сергей", "Alexei|Алексей", "Vladimir|Владимир"],
        last=["Petrov|Петров", "Volkov|Волков", "Smirnov|Смирнов", "Kuznetsov|Кузнецов"],
        last_f=["Petrova|Петрова", "Volkova|Волкова", "Smirnova|Смирнова", "Kuznetsova|Кузнецова"]),
    "ukrainian": dict(
        f=["Oksana|Оксана", "Halyna|Галина", "Iryna|Ірина"],
        m=["Bohdan|Богдан", "Taras|Тарас", "Mykola|Микола"],
        last=["Shevchenko|Шевченко", "Kovalenko|Коваленко", "Bondarenko|Бондаренко", "Tkachuk|Ткачук"]),
    "greek": dict(
        f=["Eleni|Ελένη", "Konstantina|Κωνσταντίνα", "Despina|Δέσποινα"],
        m=["Georgios|Γεώργιος", "Dimitrios|Δημήτριος", "Nikolaos|Νικόλαος"],
        last=["Papadopoulos|Παπαδόπουλος", "Georgiou|Γεωργίου", "Karagiannis|Καραγιάννης"],
        last_f=["Papadopoulou|Παπαδοπούλου", "Georgiou|Γεωργίου", "Karagianni|Καραγιάννη"]),
    "armenian": dict(
        f=["Anahit|Անահիտ", "Lusine|Լուսինե", "Siranush|Սիրանուշ"],
        m=["Aram|Արամ", "Hovhannes|Հովհաննես", "Tigran|Տիգրան"],
        last=["Petrosyan|Պետրոսյան", "Hakobyan|Հակոբյան", "Sargsyan|Սարգսյան"]),
    "georgian": dict(
        f=["Nino|ნინო", "Tamari|თამარი", "Ketevan|ქეთევანი"],
        m=["Giorgi|გიორგი", "Levan|ლევანი", "Davit|დავითი"],
        last=["Beridze|ბერიძე", "Kapanadze|კაპანაძე", "Gelashvili|გელაშვილი"]),
    "turkish": dict(
        f=["Ayşe", "Gülşen", "Özlem", "Şebnem"],
        m=["Mehmet", "Çağlar", "Oğuz", "Hüseyin"],
        last=["Öztürk", "Yılmaz", "Şahin", "Çelik", "Doğan", "Aydın"]),
    "arab_levantine": dict(
        f=["Rania|رانيا", "Fatima|فاطمة", "Layla|ليلى", "Nour|نور"],
        m=["Omar|عمر", "Khaled|خالد", "Youssef|يوسف", "Samir|سمير"],
        last=["Haddad|حداد", "Khoury|خوري", "Nasser|ناصر", "Al-Masri|المصري"]),
    "persian": dict(
        f=["Maryam|مریم", "Shirin|شیرین", "Parisa|پریسا"],
        m=["Reza|رضا", "Dariush|داریوش", "Behrouz|بهروز"],
        last=["Rezaei|رضایی", "Hosseini|حسینی", "Tehrani|تهرانی", "Karimi|کریمی"]),
    "israeli": dict(
        f=["Tamar|תמר", "Yael|יעל", "Noa|נועה"],
        m=["Avraham|אברהם", "Eitan|איתן", "Moshe|משה"],
        last=["Cohen|כהן", "Levi|לוי", "Mizrahi|מזרחי", "Friedman|פרידמן"]),
    "hindi": dict(
        f=["Priyanka|प्रियंका", "Sunita|सुनीता", "Kavita|कविता", "Anjali|अंजलि"],
        m=["Rajesh|राजेश", "Vikram|विक्रम", "Sanjay|संजय", "Arvind|अरविंद"],
        last=["Sharma|शर्मा", "Verma|वर्मा", "Agarwal|अग्रवाल", "Chaturvedi|चतुर्वेदी"]),
    "punjabi": dict(
        f=["Harpreet|ਹਰਪ੍ਰੀਤ", "Manjit|ਮਨਜੀਤ", "Simran|ਸਿਮਰਨ"],
        m=["Gurpreet|ਗੁਰਪ੍ਰੀਤ", "Jaswinder|ਜਸਵਿੰਦਰ", "Harjit|ਹਰਜੀਤ"],
        last=["Singh|ਸਿੰਘ", "Sandhu|ਸੰਧੂ", "Gill|ਗਿੱਲ"],
        last_f=["Kaur|ਕੌਰ", "Sandhu|ਸੰਧੂ", "Gill|ਗਿੱਲ"]),
    "tamil": dict(
        f=["Lakshmi", "Meenakshi", "Kaveri", "Vasanthi"],
        m=["Senthil", "Karthikeyan", "Murugan", "Balaji"],
        last=["Subramanian", "Ramasamy", "Venkataraman", "Krishnamurthy"]),
    "pakistani": dict(
        f=["Ayesha", "Sana", "Farzana", "Rubina"],
        m=["Imran", "Tariq", "Usman", "Kashif"],
        last=["Qureshi", "Chaudhry", "Siddiqui", "Abbasi"]),
    "bangladeshi": dict(
        f=["Nusrat", "Taslima", "Rokeya", "Shirin"],
        m=["Shafiqul", "Mizanur", "Rafiq", "Anwar"],
        last=["Rahman", "Hossain", "Chowdhury", "Uddin", "Talukder"]),
    "nepali": dict(
        f=["Sabina", "Sarita", "Pemba", "Sunmaya"],
        m=["Bishnu", "Ramesh", "Dorje", "Bikram"],
        last=["Gurung", "Thapa", "Shrestha", "Tamang"]),
    "chinese": dict(
        f=["Mei|美", "Xiuying|秀英", "Jing|静", "Yan|燕"],
        m=["Wei|伟", "Jianguo|建国", "Hao|浩", "Zhiqiang|志强"],
        last=["Wang|王", "Zhang|张", "Liu|刘", "Chen|陈", "Huang|黄", "Zhou|周"],
        order="cjk"),
    "cantonese": dict(
        f=["Wing Yee", "Mei Ling", "Suk Fan"],
        m=["Ka Wai", "Chi Keung", "Kwok Wah"],
        last=["Wong", "Chan", "Leung", "Cheung", "Lau"]),
    "japanese": dict(
        f=["Hanako|花子", "Yuki|由紀", "Keiko|恵子", "Michiko|美智子"],
        m=["Hiroshi|浩", "Takeshi|武", "Kenji|健二", "Shigeru|茂"],
        last=["Sato|佐藤", "Suzuki|鈴木", "Takahashi|高橋", "Yamamoto|山本", "Watanabe|渡辺"],
        order="ja"),
    "korean": dict(
        f=["Minji|민지", "Soo-jin|수진", "Eunji|은지", "Young-hee|영희"],
        m=["Minjun|민준", "Jae-won|재원", "Sung-ho|성호", "Dong-hyun|동현"],
        last=["Kim|김", "Park|박", "Choi|최", "Jung|정", "Yoon|윤"],
        order="cjk"),
    "vietnamese": dict(
        f=["Anh", "Thảo", "Hương", "Ngọc Lan", "Phương"],
        m=["Minh", "Tuấn", "Dũng", "Quốc Bảo", "Hùng"],
        last=["Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng", "Nguyen", "Tran"]),
    "filipino": dict(
        f=["Maricel", "Rosalinda", "Jocelyn", "Lorna"],
        m=["Rodrigo", "Bienvenido", "Ferdinand", "Arnel"],
        last=["Dela Cruz", "Bautista", "Macaraeg", "Villanueva", "Pangilinan", "Magbanua"]),
    "thai": dict(
        f=["Siriporn|ศิริพร", "Malee|มาลี", "Kanya|กัญญา"],
        m=["Somchai|สมชาย", "Prasert|ประเสริฐ", "Anan|อนันต์"],
        last=["Jaidee|ใจดี", "Srisuk|ศรีสุข", "Wongsawat|วงศ์สวัสดิ์"]),
    "hmong": dict(
        f=["Pa Nhia", "Mai Xee", "Kia", "Yer"],
        m=["Tou", "Pao", "Chue", "Neng"],
        last=["Vang", "Xiong", "Yang", "Thao", "Moua", "Lor"]),
    "khmer": dict(
        f=["Sophea", "Chanthy", "Sreymom", "Bopha"],
        m=["Sokha", "Vannak", "Rithy", "Sambath"],
        last=["Chhim", "Prak", "Keo", "Touch", "Sokhom"]),
    "yoruba": dict(
        f=["Adebimpe", "Folasade", "Oluwaseun", "Titilayo"],
        m=["Oluwatobi", "Babatunde", "Adewale", "Olumide"],
        last=["Adeyemi", "Ogunleye", "Adebayo", "Oyelaran", "Akinola"]),
    "igbo": dict(
        f=["Chiamaka", "Ngozi", "Ifeoma", "Adaeze"],
        m=["Chukwuemeka", "Obinna", "Ikenna", "Nnamdi"],
        last=["Okafor", "Nwosu", "Okonkwo", "Chukwu", "Eze", "Anyanwu"]),
    "ethiopian": dict(
        f=["Selam|ሰላም", "Tigist|ትዕግስት", "Meseret|መሰረት"],
        m=["Dawit|ዳዊት", "Yohannes|ዮሐንስ", "Tesfaye|ተስፋዬ"],
        last=["Alemu|አለሙ", "Bekele|በቀለ", "Haile|ኃይሌ", "Gebremariam|ገብረማርያም"]),
    "somali": dict(
        f=["Hodan", "Faadumo", "Sahra", "Ifrah"],
        m=["Abdirahman", "Abdullahi", "Yusuf", "Mahad"],
        last=["Warsame", "Farah", "Abdi", "Jama", "Osman"]),
    "akan": dict(
        f=["Akosua", "Abena", "Efua", "Adwoa"],
        m=["Kwame", "Kofi", "Kwabena", "Yaw"],
        last=["Mensah", "Owusu", "Boateng", "Asante", "Ofori"]),
    "kenyan": dict(
        f=["Wanjiru", "Achieng", "Nyambura", "Chebet"],
        m=["Otieno", "Kamau", "Mwangi", "Kiprop"],
        last=["Odhiambo", "Njoroge", "Kariuki", "Wafula", "Kiprono"]),
    "navajo": dict(
        f=["Shandiin", "Nizhoni", "Dezbah", "Darlene"],
        m=["Leroy", "Delbert", "Ahiga", "Kee"],
        last=["Begay", "Yazzie", "Tsosie", "Benally", "Manygoats"]),
    "samoan_tongan": dict(
        f=["Salote", "Mele", "Losana", "Fetu"],
        m=["Sione", "Tavita", "Viliami", "Ioane"],
        last=["Faleolo", "Tuiasosopo", "Leota", "Taufa", "Mataafa"]),
    "nordic": dict(
        f=["Åsa", "Björg", "Ingeborg", "Sigrid"],
        m=["Øyvind", "Björn", "Anders", "Torbjørn"],
        last=["Lindqvist", "Sjöberg", "Ødegaard", "Bergström", "Halvorsen"]),
    "dutch": dict(
        f=["Femke", "Marijke", "Anneke"],
        m=["Joost", "Pieter", "Hendrik", "Maarten"],
        last=["van der Berg", "de Vries", "Bakker", "van Dijk", "Visser"]),
    "hungarian": dict(
        f=["Zsófia", "Erzsébet", "Katalin"],
        m=["Zoltán", "László", "Gábor"],
        last=["Szabó", "Kovács", "Tóth", "Horváth"]),
    "czech": dict(
        f=["Jana", "Lenka", "Zdeňka"],
        m=["Jiří", "Tomáš", "Přemysl"],
        last=["Dvořák", "Novák", "Černý", "Procházka"],
        last_f=["Dvořáková", "Nováková", "Černá", "Procházková"]),
    "jamaican": dict(
        f=["Sheneika", "Kerry-Ann", "Tashana", "Novelette"],
        m=["Delroy", "Everton", "Fitzroy", "Garfield"],
        last=["Campbell-Grant", "McKenzie", "Brissett", "Gayle", "Chambers"]),
}
CULTURE_KEYS = sorted(CULTURES)
NATIVE_KEYS = [k for k in CULTURE_KEYS if "|" in CULTURES[k]["last"][0]]

_FOLD = {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Đ": "D", "đ": "d", "Æ": "AE", "æ": "ae", "ı": "i", "’": "'"}


def ascii_fold(s):
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def split_nat(entry):
    if "|" in entry:
        a, b = entry.split("|", 1)
        return a, b
    return entry, None


# ----------------------------------------------------------------------------------------
# places, organisations, clinical vocabularies
# ----------------------------------------------------------------------------------------

CITIES = [
    ("Quincy", "MA", "021", ["617", "857"]), ("Dorchester", "MA", "021", ["617"]), ("Worcester", "MA", "016", ["508", "774"]),
    ("Lowell", "MA", "018", ["978", "351"]), ("Brockton", "MA", "023", ["508"]), ("Providence", "RI", "029", ["401"]),
    ("Pawtucket", "RI", "028", ["401"]), ("Hartford", "CT", "061", ["860"]), ("New Haven", "CT", "065", ["203", "475"]),
    ("Yonkers", "NY", "107", ["914"]), ("Brooklyn", "NY", "112", ["718", "347", "929"]), ("Bronx", "NY", "104", ["718", "347"]),
    ("Newark", "NJ", "071", ["973", "862"]), ("Paterson", "NJ", "075", ["973"]), ("Philadelphia", "PA", "191", ["215", "267"]),
    ("Pittsburgh", "PA", "152", ["412"]), ("Baltimore", "MD", "212", ["410", "443"]), ("Silver Spring", "MD", "209", ["301", "240"]),
    ("Alexandria", "VA", "223", ["703", "571"]), ("Richmond", "VA", "232", ["804"]), ("Durham", "NC", "277", ["919", "984"]),
    ("Charlotte", "NC", "282", ["704", "980"]), ("Atlanta", "GA", "303", ["404", "678", "470"]), ("Decatur", "GA", "300", ["404"]),
    ("Orlando", "FL", "328", ["407", "321"]), ("Miami", "FL", "331", ["305", "786"]), ("Hialeah", "FL", "330", ["305"]),
    ("Nashville", "TN", "372", ["615", "629"]), ("Louisville", "KY", "402", ["502"]), ("Columbus", "OH", "432", ["614", "380"]),
    ("Cleveland", "OH", "441", ["216"]), ("Dearborn", "MI", "481", ["313"]), ("Detroit", "MI", "482", ["313"]),
    ("Chicago", "IL", "606", ["312", "773", "872"]), ("Evanston", "IL", "602", ["847", "224"]), ("Milwaukee", "WI", "532", ["414"]),
    ("Minneapolis", "MN", "554", ["612"]), ("St. Paul", "MN", "551", ["651"]), ("Des Moines", "IA", "503", ["515"]),
    ("Omaha", "NE", "681", ["402", "531"]), ("Houston", "TX", "770", ["713", "281", "832"]), ("San Antonio", "TX", "782", ["210", "726"]),
    ("Dallas", "TX", "752", ["214", "469", "972"]), ("El Paso", "TX", "799", ["915"]), ("Albuquerque", "NM", "871", ["505"]),
    ("Gallup", "NM", "873", ["505"]), ("Phoenix", "AZ", "850", ["602", "480", "623"]), ("Tucson", "AZ", "857", ["520"]),
    ("Denver", "CO", "802", ["303", "720"]), ("Salt Lake City", "UT", "841", ["801", "385"]), ("Las Vegas", "NV", "891", ["702", "725"]),
    ("Sacramento", "CA", "958", ["916", "279"]), ("Oakland", "CA", "946", ["510", "341"]), ("San Jose", "CA", "951", ["408", "669"]),
    ("Fresno", "CA", "937", ["559"]), ("Garden Grove", "CA", "928", ["714", "657"]), ("Los Angeles", "CA", "900", ["213", "323"]),
    ("Seattle", "WA", "981", ["206"]), ("Tacoma", "WA", "984", ["253"]), ("Portland", "OR", "972", ["503", "971"]),
    ("Honolulu", "HI", "968", ["808"]), ("Anchorage", "AK", "995", ["907"]),
]
STATE_NAMES = {"MA": "Massachusetts", "RI": "Rhode Island", "CT": "Connecticut", "NY": "New York", "NJ": "New Jersey",
               "PA": "Pennsylvania", "MD": "Maryland", "VA": "Virginia", "NC": "North Carolina", "GA": "Georgia",
               "FL": "Florida", "TN": "Tennessee", "KY": "Kentucky", "OH": "Ohio", "MI": "Michigan", "IL": "Illinois",
               "WI": "Wisconsin", "MN": "Minnesota", "IA": "Iowa", "NE": "Nebraska", "TX": "Texas", "NM": "New Mexico",
               "AZ": "Arizona", "CO": "Colorado", "UT": "Utah", "NV": "Nevada", "CA": "California", "WA": "Washington",
               "OR": "Oregon", "HI": "Hawaii", "AK": "Alaska"}

STREETS = ["Alder Ct", "Hollis Ave", "Hancock St", "Columbia Rd", "Blue Hill Ave", "Maple Ave", "Oak Ridge Dr", "Sycamore Ln",
           "Birchwood Ter", "Willow Bend Rd", "Cedar Crest Blvd", "Riverside Dr", "Garfield Pl", "Kossuth St", "Ocean Pkwy",
           "Bergenline Ave", "SW 8th St", "N Kedzie Ave", "W 26th St", "E Colfax Ave", "S Halsted St", "Mission St",
           "International Blvd", "Bellaire Blvd", "Buford Hwy", "Grand Concourse", "Dorchester Ave", "Magnolia Way",
           "Juniper Hill Rd", "Brookside Cir", "Fieldstone Way", "Harbor View Ln", "Chestnut Hill Rd", "Pinecrest Dr",
           "Laurel Ave", "Quail Run", "Meadowlark Ln", "Prospect St", "Summit Ave", "Highland Ave", "Central Ave",
           "Mulberry St", "Vine St", "Tremont St", "Lafayette Blvd", "Greenwood Ave", "Kenwood Rd", "Old Mill Rd",
           "Fairmount Ter", "Poplar Grove Dr"]
STREET_LONG = {"Ct": "Court", "Ave": "Avenue", "St": "Street", "Rd": "Road", "Dr": "Drive", "Ln": "Lane", "Ter": "Terrace",
               "Blvd": "Boulevard", "Pl": "Place", "Pkwy": "Parkway", "Hwy": "Highway", "Cir": "Circle"}

ORGS = [
    dict(name="Northgate Health", domain="northgatehealth.org", code="NGH",
         facs=["Northgate Medical Center", "Northgate Family Medicine - Braintree", "Northgate Rehab Pavilion"]),
    dict(name="Cedar Valley Health System", domain="cedarvalleyhealth.org", code="CVH",
         facs=["Cedar Valley Regional Hospital", "Cedar Valley Heart & Vascular", "Cedar Valley Urgent Care - Route 9"]),
    dict(name="St. Brendan Health", domain="stbrendan.org", code="SBH",
         facs=["St. Brendan's Hospital", "St. Brendan Senior Care Clinic", "St. Brendan Imaging Center"]),
    dict(name="Harbor Point Health", domain="harborpointhealth.org", code="HPH",
         facs=["Harbor Point Medical Center", "Harbor Point Dialysis", "Harbor Point Women's Health"]),
    dict(name="Lakeshore Medical Group", domain="lakeshoremg.com", code="LMG",
         facs=["Lakeshore Internal Medicine", "Lakeshore Pediatrics", "Lakeshore Surgery Center"]),
    dict(name="Mercy Ridge Health", domain="mercyridge.org", code="MRH",
         facs=["Mercy Ridge Hospital", "Mercy Ridge Cancer Institute", "Mercy Ridge Behavioral Health"]),
    dict(name="Riverbend Health Partners", domain="riverbendhp.org", code="RBH",
         facs=["Riverbend Community Hospital", "Riverbend Orthopedics", "Riverbend Home Health"]),
    dict(name="Summit Crest Physicians", domain="summitcrestmd.com", code="SCP",
         facs=["Summit Crest Primary Care", "Summit Crest Endocrinology", "Summit Crest Sleep Lab"]),
]
PAYERS = [("Blue Cross Blue Shield", "1-800-262-2583"), ("Aetna", "1-800-872-3862"), ("UnitedHealthcare", "1-877-842-3210"),
          ("Cigna", "1-800-997-1654"), ("Humana", "1-800-457-4708"), ("Tufts Health Plan", "1-888-884-2404"),
          ("Harvard Pilgrim", "1-888-333-4742"), ("Anthem", "1-800-676-2583"), ("Molina Healthcare", "1-888-562-5442"),
          ("Keystone Mutual Health Plan", "1-866-410-7733"), ("Medicare Part A/B", "1-800-633-4227"),
          ("MassHealth", "1-800-841-2900")]

DX = [("Type 2 diabetes mellitus without complications", "E11.9", "T2DM"), ("Essential (primary) hypertension", "I10", "HTN"),
      ("Hyperlipidemia, unspecified", "E78.5", "hyperlipidemia"), ("COPD with (acute) exacerbation", "J44.1", "COPD exacerbation"),
      ("Heart failure, unspecified", "I50.9", "CHF"), ("Unspecified atrial fibrillation", "I48.91", "afib"),
      ("Pneumonia, unspecified organism", "J18.9", "pneumonia"), ("Urinary tract infection, site not specified", "N39.0", "UTI"),
      ("Acute kidney failure, unspecified", "N17.9", "AKI"), ("Chronic kidney disease, stage 3a", "N18.31", "CKD 3a"),
      ("Major depressive disorder, single episode, unspecified", "F32.9", "depression"),
      ("Generalized anxiety disorder", "F41.1", "anxiety"), ("Low back pain, unspecified", "M54.50", "low back pain"),
      ("Sepsis, unspecified organism", "A41.9", "sepsis"), ("Cellulitis of left lower limb", "L03.116", "LLE cellulitis"),
      ("Fracture of unspecified part of neck of right femur, initial", "S72.001A", "right hip fracture"),
      ("Syncope and collapse", "R55", "syncope"), ("Chest pain, unspecified", "R07.9", "chest pain"),
      ("Hypothyroidism, unspecified", "E03.9", "hypothyroidism"),
      ("Unspecified dementia without behavioral disturbance", "F03.90", "dementia"),
      ("Unilateral primary osteoarthritis, right knee", "M17.11", "right knee OA"),
      ("Gastro-esophageal reflux disease without esophagitis", "K21.9", "GERD")]
CPT = [("99213", "Office/outpatient visit, established, low MDM"), ("99214", "Office/outpatient visit, established, moderate MDM"),
       ("99223", "Initial hospital inpatient care, high"), ("99285", "Emergency department visit, high MDM"),
       ("93000", "Electrocardiogram, complete"), ("71046", "X-ray chest, 2 views"), ("80053", "Comprehensive metabolic panel"),
       ("85025", "CBC with automated differential"), ("36415", "Routine venipuncture"), ("83036", "Hemoglobin A1c"),
       ("93306", "Echocardiography, TTE complete"), ("27447", "Total knee arthroplasty"), ("45378", "Colonoscopy, diagnostic"),
       ("77067", "Screening mammography, bilateral"), ("97110", "Therapeutic exercise, each 15 min"), ("G0439", "Annual wellness visit, subsequent"),
       ("90686", "Influenza vaccine, quadrivalent, preservative free"), ("70450", "CT head without contrast")]
MEDS = [("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("atorvastatin", "40 mg PO nightly"),
        ("apixaban", "5 mg PO BID"), ("furosemide", "40 mg PO daily"), ("levothyroxine", "50 mcg PO daily"),
        ("sertraline", "50 mg PO daily"), ("amlodipine", "5 mg PO daily"), ("insulin glargine", "20 units SC at bedtime"),
        ("albuterol", "2 puffs q4h PRN"), ("ceftriaxone", "1 g IV q24h"), ("acetaminophen", "650 mg PO q6h PRN"),
        ("donepezil", "10 mg PO nightly"), ("metoprolol succinate", "25 mg PO daily"), ("warfarin", "5 mg PO daily"),
        ("prednisone", "40 mg PO daily"), ("omeprazole", "20 mg PO daily"), ("gabapentin", "300 mg PO TID"),
        ("tamsulosin", "0.4 mg PO daily"), ("losartan", "50 mg PO daily")]
HOME_MEDS = [m for m in MEDS if " IV " not in m[1]]
NDCS = ["00093-7214-01", "00071-0155-23", "68180-0513-01", "00378-0208-01", "16729-0020-01", "00172-5728-60", "50090-2875-0"]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99"), ("2160-0", "Creatinine", "mg/dL", "0.6-1.2"), ("2823-3", "Potassium", "mmol/L", "3.5-5.1"),
        ("2951-2", "Sodium", "mmol/L", "136-145"), ("718-7", "Hemoglobin", "g/dL", "12.0-16.0"), ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6"),
        ("6690-2", "WBC", "10*3/uL", "4.0-11.0"), ("33762-6", "NT-proBNP", "pg/mL", "0-450")]
RELS = [("daughter", "F", "DAU", "Daughter"), ("son", "M", "SON", "Son"), ("wife", "F", "SPO", "Spouse"),
        ("husband", "M", "SPO", "Spouse"), ("sister", "F", "SIS", "Sister"), ("brother", "M", "BRO", "Brother"),
        ("granddaughter", "F", "GCH", "Grandchild"), ("grandson", "M", "GCH", "Grandchild"), ("niece", "F", "NIE", "Niece"),
        ("mother", "F", "MTH", "Mother")]
EMAIL_HOSTS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "aol.com", "hotmail.com", "verizon.net", "att.net"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
REF = dt.date(2026, 12, 1)


# ----------------------------------------------------------------------------------------
# identifiers
# ----------------------------------------------------------------------------------------

def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def make_npi(rng):
    while True:
        base = rng.choice("12") + digits(rng, 8)
        npi = base + luhn_digit("80840" + base)
        if npi != "1234567893":
            return npi


def make_card(rng, brand=None):
    brand = brand or rng.choice(["visa", "mc", "amex", "disc"])
    if brand == "visa":
        body = "4" + digits(rng, 14)
    elif brand == "mc":
        body = "5" + rng.choice("12345") + digits(rng, 13)
    elif brand == "amex":
        body = "3" + rng.choice("47") + digits(rng, 12)
    else:
        body = "6011" + digits(rng, 11)
    return brand, body + luhn_digit(body)


def fmt_card(num, style):
    if style == "plain":
        return num
    if len(num) == 15:
        return f"{num[:4]} {num[4:10]} {num[10:]}" if style == "space" else f"{num[:4]}-{num[4:10]}-{num[10:]}"
    sep = " " if style == "space" else "-"
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def make_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        s = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if s not in ("123-45-6789", "078-05-1120", "219-09-9999"):
            return s


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    an = MBI_ALPHA + "0123456789"
    while True:
        c = [rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice("0123456789"),
             rng.choice(MBI_ALPHA), rng.choice(an), rng.choice("0123456789"), rng.choice(MBI_ALPHA),
             rng.choice(MBI_ALPHA), rng.choice("0123456789"), rng.choice("0123456789")]
        m = "".join(c)
        if m != "1EG4TE5MK73":
            return m


def fmt_mbi(m, dashed):
    return f"{m[:4]}-{m[4:7]}-{m[7:]}" if dashed else m


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2,
           "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_ok(v):
    s = sum(VIN_VAL[ch] * w for ch, w in zip(v, VIN_W)) % 11
    return v[8] == ("X" if s == 10 else str(s))


def make_vin(rng):
    wmi = rng.choice(["1HG", "1FT", "2T1", "JTD", "5YJ", "3FA", "1G1", "WBA", "KNA", "4T1", "1C4", "5NP"])
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    year = rng.choice("BCDEFGHJKLMNPRS")
    plant = rng.choice(VIN_CHARS)
    serial = digits(rng, 6)
    v = wmi + vds + "0" + year + plant + serial
    s = sum(VIN_VAL[ch] * w for ch, w in zip(v, VIN_W)) % 11
    v = v[:8] + ("X" if s == 10 else str(s)) + v[9:]
    assert vin_ok(v)
    return v


def make_plate(rng):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([
        lambda: f"{rng.randint(1, 9)}{''.join(rng.choice(L) for _ in range(3))}{digits(rng, 3)}",
        lambda: f"{''.join(rng.choice(L) for _ in range(3))}-{digits(rng, 4)}",
        lambda: f"{''.join(rng.choice(L) for _ in range(3))} {digits(rng, 3)}",
        lambda: f"{digits(rng, 3)}-{''.join(rng.choice(L) for _ in range(3))}",
    ])()


def gs1_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def make_udi(rng, exp):
    gtin = "0" + rng.choice(["0643169", "0884521", "0381780", "0885074", "0705036"]) + digits(rng, 5)
    gtin += gs1_digit(gtin)
    lot = rng.choice("ABCDEFGHJK") + digits(rng, 5)
    serial = rng.choice(["RA", "PJN", "SN", "N"]) + digits(rng, 7)
    return gtin, f"(01){gtin}(17){exp.strftime('%y%m%d')}(10){lot}(21){serial}", serial


def make_serial(rng):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([
        lambda: f"{''.join(rng.choice(L) for _ in range(3))}{digits(rng, 6)}{rng.choice(L)}",
        lambda: f"{digits(rng, 2)}{rng.choice(L)}{digits(rng, 7)}",
        lambda: f"NG{digits(rng, 4)}-{digits(rng, 5)}",
        lambda: f"{rng.choice(L)}{rng.choice(L)}{digits(rng, 8)}",
    ])()


def make_mrn(rng, style=None):
    style = style or rng.choice(["num8", "E7", "num9", "dash", "num7", "MR6"])
    if style == "num8":
        return "0" + digits(rng, 7) if rng.random() < 0.4 else str(rng.randint(10000000, 99999999))
    if style == "E7":
        return "E" + str(rng.randint(1000000, 9999999))
    if style == "num9":
        return str(rng.randint(100000000, 999999999))
    if style == "dash":
        return f"{rng.randint(10, 99)}-{digits(rng, 2)}-{digits(rng, 2)}-{rng.randint(10, 99)}"
    if style == "num7":
        return str(rng.randint(1000000, 9999999))
    return "MR" + str(rng.randint(100000, 999999))


def make_member_id(rng):
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return rng.choice([
        lambda: "".join(rng.choice(L) for _ in range(3)) + str(rng.randint(100000000, 999999999)),
        lambda: "W" + str(rng.randint(100000000, 999999999)) + rng.choice(["01", "02", "00"]),
        lambda: str(rng.randint(100000000000, 999999999999)),
        lambda: "".join(rng.choice(L) for _ in range(2)) + str(rng.randint(1000000, 9999999)) + rng.choice(L),
        lambda: "H" + str(rng.randint(10000000, 99999999)) + "-0" + str(rng.randint(1, 4)),
    ])()


def make_account(rng):
    return rng.choice([
        lambda: str(rng.randint(1000000000, 9999999999)),
        lambda: "A" + str(rng.randint(10000000, 99999999)),
        lambda: str(rng.randint(100000, 999999)) + "-" + str(rng.randint(10, 99)),
        lambda: "HAR" + str(rng.randint(1000000, 9999999)),
    ])()


def make_visit(rng):
    return rng.choice([lambda: "V" + str(rng.randint(100000000, 999999999)),
                       lambda: str(rng.randint(3000000000, 3999999999)),
                       lambda: "ENC" + str(rng.randint(10000000, 99999999))])()


def make_claim(rng):
    return rng.choice([lambda: "26" + str(rng.randint(300, 339)) + str(rng.randint(10000000, 99999999)),
                       lambda: f"CLM-26-{rng.randint(10000000, 99999999)}",
                       lambda: "E" + str(rng.randint(10000000000, 99999999999)),
                       lambda: f"{rng.randint(100, 999)}{rng.choice('ABCDEFGH')}{rng.randint(1000000, 9999999)}"])()


def make_dl(rng, state):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if state == "MA":
        return "S" + digits(rng, 8)
    if state == "IL":
        return f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}"
    if state == "CA":
        return rng.choice(L) + digits(rng, 7)
    if state == "NY":
        return f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"
    if state == "FL":
        return f"{rng.choice(L)}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-0"
    return str(rng.randint(10000000, 99999999))


def make_phone(rng, area=None):
    area = area or rng.choice(["617", "312", "713", "404", "206", "215", "602", "303", "412", "919"])
    while True:
        ex = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
        if ex[1:] == "11" or ex == "555" or ex in ("950", "958", "959", "976"):
            continue
        return area + ex + digits(rng, 4)


def fmt_phone(d, style):
    a, e, l = d[:3], d[3:6], d[6:]
    return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}", "intl": f"+1 {a} {e} {l}",
            "plain": d, "one": f"1-{a}-{e}-{l}", "space": f"{a} {e} {l}", "tight": f"({a}){e}-{l}",
            "e164": f"+1{d}"}[style]


PHONE_STYLES = ["paren", "dash", "dot", "intl", "one", "space", "tight", "paren", "dash"]


def make_public_ip(rng):
    first = rng.choice([24, 50, 67, 68, 71, 73, 76, 98, 99, 107, 108, 173, 174, 184])
    return f"{first}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"


def make_server_ip(rng):
    return rng.choice([lambda: f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                       lambda: f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                       lambda: f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}"])()


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# ----------------------------------------------------------------------------------------
# dates
# ----------------------------------------------------------------------------------------

def fd(d, style):
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "us_np":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us_short":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "mon":
        return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if style == "dmy_mon":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dmy":
        return f"{d.day} {MON[d.month - 1]} {d.year}"
    if style == "sas":
        return f"{d.day:02d}{MON[d.month - 1].upper()}{d.year}"
    if style == "us_dash":
        return f"{d.month:02d}-{d.day:02d}-{d.year}"
    raise KeyError(style)


DOB_STYLES = ["us", "us_np", "us_short", "iso", "long", "mon", "dmy_mon", "dot", "us", "iso"]


def rdate(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def rdt(rng, start, end):
    d = rdate(rng, start, end)
    return dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def hl7ts(t, secs=True):
    return t.strftime("%Y%m%d%H%M%S" if secs else "%Y%m%d%H%M")


def jira_ts(t):
    h = t.hour % 12 or 12
    return f"{t.day:02d}/{MON[t.month - 1]}/{t.year % 100:02d} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def recent(rng):
    return rdt(rng, dt.date(2026, 9, 8), dt.date(2026, 12, 4))


def age_on(dob, on=REF):
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def age_adj(rng, age):
    """An attributive age ('a 92-year-old woman'): phi span for 90+, plain otherwise."""
    style = rng.choice(["yearold", "yo", "yo_sp", "yo_dot", "glued"])
    if age < 90:
        return {"yearold": f"{age}-year-old", "yo": f"{age} y/o", "yo_sp": f"{age} yo", "yo_dot": f"{age} y.o.", "glued": f"{age}yo"}[style]
    if style == "glued":
        return P(f"{age}yo", "age_over_89")
    return [P(str(age), "age_over_89"), {"yearold": "-year-old", "yo": " y/o", "yo_sp": " yo", "yo_dot": " y.o."}[style]]


def a_an(age):
    return "an" if str(age).startswith("8") or age in (11, 18) else "a"


def age_pred(rng, age):
    """A predicative age ('she is 92', 'patient was aged 94')."""
    style = rng.choice(["bare", "years", "aged", "yo", "glued"])
    if age < 90:
        return {"bare": str(age), "years": f"{age} years old", "aged": f"aged {age}", "yo": f"{age} y/o", "glued": f"{age}yo"}[style]
    if style == "glued":
        return P(f"{age}yo", "age_over_89")
    if style == "aged":
        return ["aged ", P(str(age), "age_over_89")]
    return [P(str(age), "age_over_89"), {"bare": "", "years": " years old", "yo": " y/o"}[style]]


def age_items(age, suffix=""):
    """An age as items: phi if 90+, plain otherwise."""
    if age >= 90:
        return [P(str(age), "age_over_89"), suffix]
    return [str(age), suffix]


# ----------------------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------------------

class Address:
    def __init__(self, rng, city=None, unit=None):
        self.city, self.state, zp, self.areas = city or rng.choice(CITIES)
        self.zip = zp + f"{rng.randint(1, 99):02d}"
        self.zip4 = f"{rng.randint(1, 9999):04d}"
        name = rng.choice(STREETS)
        if rng.random() < 0.25:
            last = name.split()[-1]
            if last in STREET_LONG:
                name = name[: -len(last)] + STREET_LONG[last]
        self.street = f"{rng.randint(2, 9899)} {name}"
        if unit is None:
            unit = rng.random() < 0.55
        self.unit = rng.choice([f"Apt {rng.randint(1, 12)}{rng.choice('ABCD')}", f"Apt. {rng.randint(101, 912)}",
                                f"Unit {rng.randint(1, 40)}", f"Suite {rng.randint(100, 450)}", f"#{rng.randint(2, 30)}",
                                f"Unit {rng.randint(1, 6)}R", f"Fl {rng.randint(2, 3)}", f"Apt {rng.randint(1, 9)}"]) if unit else None
        self.state_name = STATE_NAMES[self.state]

    def inline(self, joined=None, zip4=False, state_full=False, upper=False, rng=None):
        """street[, unit], city, ST zip"""
        up = (lambda s: s.upper()) if upper else (lambda s: s)
        st = [P(up(self.street), "street_address")]
        if self.unit:
            if joined:
                st = [P(up(self.street + " " + self.unit), "street_address")]
            else:
                st += [", ", P(up(self.unit), "street_address")]
        z = self.zip + ("-" + self.zip4 if zip4 else "")
        return [st, ", ", P(up(self.city), "street_address"), ", ",
                D(self.state_name if state_full else self.state, "state"), " ", P(z, "zip_code")]

    def two_lines(self, upper=False):
        up = (lambda s: s.upper()) if upper else (lambda s: s)
        first = [P(up(self.street), "street_address")]
        if self.unit:
            first += [" ", P(up(self.unit), "street_address")]
        return [first, "\n", P(up(self.city), "street_address"), ", ", D(self.state, "state"), " ", P(self.zip, "zip_code")]

    def hl7(self, home="H"):
        return [P(ascii_fold(self.street).upper(), "street_address"), "^",
                P(self.unit.upper(), "street_address") if self.unit else "", "^",
                P(self.city.upper(), "street_address"), "^", D(self.state, "state"), "^", P(self.zip, "zip_code"), "^USA^", home]


class Person:
    def __init__(self, rng, culture=None, sex=None, age=None, min_age=19, max_age=88, family_of=None, addr=None):
        self.ckey = culture or (family_of.ckey if family_of else rng.choice(CULTURE_KEYS))
        c = CULTURES[self.ckey]
        self.sex = sex or rng.choice("FM")
        self.given, self.given_nat = split_nat(rng.choice(c["f"] if self.sex == "F" else c["m"]))
        if family_of is not None and rng.random() < 0.85:
            idx = family_of.fidx
        else:
            idx = rng.randrange(len(c["last"]))
        self.fidx = idx
        fam = c["last_f"][idx] if (self.sex == "F" and "last_f" in c) else c["last"][idx]
        self.family, self.family_nat = split_nat(fam)
        self.order = c.get("order", "western")
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTVW")
        if age is None:
            age = rng.randint(min_age, max_age)
        self.age = age
        hi = REF.replace(year=REF.year - age)
        lo = REF.replace(year=REF.year - age - 1) + dt.timedelta(days=1)
        self.dob = rdate(rng, lo, hi)
        assert age_on(self.dob) == age
        self.addr = addr or Address(rng)
        self.phone = make_phone(rng, rng.choice(self.addr.areas))
        self.cell = make_phone(rng, rng.choice(self.addr.areas))
        a, g, f = ascii_fold, ascii_fold(self.given).lower(), ascii_fold(self.family).lower()
        g = re.sub(r"[^a-z]", "", g)
        f = re.sub(r"[^a-z]", "", f)
        y = self.dob.year % 100
        local = rng.choice([f"{g}.{f}", f"{g}{f}{y:02d}", f"{g[0]}{f}{rng.randint(1, 99)}", f"{f}.{g}", f"{g}_{f}{self.dob.year}",
                            f"{g}{self.mi.lower()}{f}", f"{f}{g[0]}{rng.randint(10, 999)}"])
        self.email = f"{local}@{rng.choice(EMAIL_HOSTS)}"
        self.ssn = make_ssn(rng)
        self.mrn = make_mrn(rng)
        self.member = make_member_id(rng)
        self.mbi = make_mbi(rng)
        self.acct = make_account(rng)

    # name renderings
    def full(self, mid=False):
        return f"{self.given} {self.mi}. {self.family}" if mid else f"{self.given} {self.family}"

    def lf(self, mid=False):
        return f"{self.family}, {self.given}" + (f" {self.mi}." if mid else "")

    def LF(self):
        return f"{ascii_fold(self.family).upper()}, {ascii_fold(self.given).upper()}"

    def hl7(self, mid=True):
        return f"{ascii_fold(self.family).upper()}^{ascii_fold(self.given).upper()}" + (f"^{self.mi}" if mid else "")

    def upper_full(self):
        return f"{ascii_fold(self.given).upper()} {ascii_fold(self.family).upper()}"

    @property
    def has_native(self):
        return bool(self.given_nat and self.family_nat)

    def native(self):
        if self.order == "cjk":
            return self.family_nat + self.given_nat
        if self.order == "ja":
            return self.family_nat + " " + self.given_nat
        return self.given_nat + " " + self.family_nat

    def name_any(self, rng):
        """A name span in one of several everyday orders."""
        return P(rng.choice([self.full(), self.full(True), self.lf(), self.LF(), self.lf(True)]))

    @property
    def her(self):
        return "her" if self.sex == "F" else "his"

    @property
    def she(self):
        return "she" if self.sex == "F" else "he"

    @property
    def She(self):
        return "She" if self.sex == "F" else "He"

    @property
    def title(self):
        return "Ms." if self.sex == "F" else "Mr."

    @property
    def gender(self):
        return "female" if self.sex == "F" else "male"


def patient(rng, old=None, **kw):
    """A patient; old=True gives an age of 90 or more."""
    if old:
        kw["age"] = rng.randint(90, 101)
    if "culture" not in kw and "family_of" not in kw and rng.random() < 0.25:
        kw["culture"] = rng.choice(NATIVE_KEYS)
    return Person(rng, **kw)


def maybe_native(rng, p=0.75):
    """A culture with native-script names, or None (random culture), for templates that show native names."""
    return rng.choice(NATIVE_KEYS) if rng.random() < p else None


def relative(rng, pt, rel=None, **kw):
    if rel is None:
        pool = [r for r in RELS if not (r[0] == "mother" and pt.age > 65) and not (r[0] in ("granddaughter", "grandson") and pt.age < 55)]
        rel = rng.choice(pool)
    if rel[0] in ("wife", "husband") and rng.random() < 0.9:
        rel = ("husband", "M", "SPO", "Spouse") if pt.sex == "F" else ("wife", "F", "SPO", "Spouse")
    word, sex, code, desc = rel
    if word in ("mother",):
        age = min(pt.age + rng.randint(20, 32), 99)
    elif word in ("wife", "husband", "sister", "brother"):
        age = max(19, min(99, pt.age + rng.randint(-6, 6)))
    elif word in ("granddaughter", "grandson", "niece"):
        age = max(19, pt.age - rng.randint(40, 60)) if pt.age > 60 else rng.randint(19, 30)
    else:
        age = max(19, pt.age - rng.randint(22, 36)) if pt.age > 45 else rng.randint(19, 25)
    same_home = word in ("wife", "husband") or rng.random() < 0.3
    r = Person(rng, sex=sex, age=age, family_of=pt, addr=pt.addr if same_home else None, **kw)
    for _ in range(6):
        if r.given != pt.given:
            break
        r.given, r.given_nat = split_nat(rng.choice(CULTURES[r.ckey]["f" if sex == "F" else "m"]))
    if word in ("wife", "husband") and rng.random() < 0.2:
        r.family = Person(rng, culture=pt.ckey).family
    r.rel = word
    r.rel_code = code
    r.rel_desc = desc
    return r


class Staff:
    def __init__(self, rng, org=None, kind=None):
        p = Person(rng)
        self.first, self.last = p.given, p.family
        self.name = f"{self.first} {self.last}"
        self.kind = kind or rng.choice(["md", "md", "rn", "np", "admin", "it"])
        self.cred = {"md": rng.choice(["MD", "DO"]), "rn": rng.choice(["RN", "BSN, RN"]), "np": rng.choice(["NP", "APRN", "PA-C"]),
                     "admin": "", "it": ""}[self.kind]
        self.dr = self.kind == "md"
        org = org or ORGS[0]
        f = re.sub(r"[^a-z]", "", ascii_fold(self.first).lower())
        l = re.sub(r"[^a-z]", "", ascii_fold(self.last).lower())
        self.handle = rng.choice([f"{f[0]}{l}", f"{f}.{l}", f"{f}{l[0]}", f"{l}{f[0]}"])
        self.email = f"{rng.choice([f + '.' + l, f[0] + l, f + '.' + l + str(rng.randint(2, 9))])}@{org['domain']}"
        self.phone = make_phone(rng, rng.choice(["617", "508", "312", "404", "713", "215", "206", "602"]))
        self.ext = str(rng.randint(2000, 7999))
        self.pager = rng.choice([str(rng.randint(1000, 9999)), make_phone(rng, rng.choice(["617", "312", "404"]))])
        self.npi = make_npi(rng)

    def n(self, style="plain"):
        """Staff name as a dont_care span (with a title span for Dr.)."""
        if style == "dr":
            return [D("Dr.", "title"), " ", D(self.name, "person_name")]
        if style == "cred":
            return [D(self.name, "person_name"), (", " + self.cred) if self.cred else ""]
        if style == "last":
            return [D("Dr.", "title"), " ", D(self.last, "person_name")]
        if style == "lf":
            return D(f"{self.last}, {self.first}", "person_name")
        if style == "at":
            return D("@" + self.name, "person_name")
        if style == "handle":
            return D("@" + self.handle, "person_name")
        if style == "jira":
            return ["[", D("~" + self.handle, "person_name"), "]"]
        if style == "hl7":
            return D(f"{ascii_fold(self.last).upper()}^{ascii_fold(self.first).upper()}", "person_name")
        return D(self.name, "person_name")

    def hl7xcn(self):
        return [D(self.npi, "npi"), "^", self.n("hl7"), "^^^^", self.cred.split(",")[0] if self.cred else "", "^^^NPI"]

    def email_s(self):
        return D(self.email, "staff_contact")

    def phone_s(self, style="dash"):
        return D(fmt_phone(self.phone, style), "staff_contact")


def staff_list(rng, org, n, kinds=None):
    out, seen = [], set()
    while len(out) < n:
        s = Staff(rng, org, kind=(kinds[len(out)] if kinds else None))
        if s.last in seen or s.first in seen:
            continue
        seen.update([s.last, s.first])
        out.append(s)
    return out


def org_of(rng):
    return rng.choice(ORGS)


def pick_dx(rng, n=1):
    return rng.sample(DX, n)


def pick_med(rng, n=1):
    return rng.sample(MEDS, n)


def med_line(m):
    return [D(m[0], "medication"), " ", m[1]]


# ----------------------------------------------------------------------------------------
# shared pieces: Jira, HL7, logs
# ----------------------------------------------------------------------------------------

PROJECTS = ["INTF", "HL7OPS", "EHRSUP", "IE", "ADTX", "LABIF", "REVCYC", "INTEG", "CLINAPP"]


def jira_key(rng, proj=None):
    return f"{proj or rng.choice(PROJECTS)}-{rng.randint(120, 9876)}"


def jira_head(rng, key, summary, rep, asg, created, kind="Bug", labels=None, comp=None, style=None):
    style = style or rng.choice(["plain", "md", "cloud", "email"])
    upd = created + dt.timedelta(hours=rng.randint(2, 70), minutes=rng.randint(0, 59))
    pri = rng.choice(["High", "Highest", "Medium", "P2", "Critical"])
    status = rng.choice(["Open", "In Progress", "Waiting for Vendor", "In Review", "Reopened"])
    labels = labels or rng.sample(["interface", "hl7", "prod", "adt", "epic", "rhapsody", "mirth", "cloverleaf", "hotfix", "sev2"], 3)
    comp = comp or rng.choice(["Interfaces - Inbound", "Interface Engine", "ADT Feeds", "Lab Results", "Revenue Cycle Interfaces"])
    if style == "plain":
        return [key, " ", summary, "\n",
                f"Type: {kind}    Priority: {pri}    Status: {status}\n",
                "Reporter: ", rep.n(), "    Assignee: ", asg.n(), "\n",
                f"Created: {jira_ts(created)}    Updated: {jira_ts(upd)}\n",
                f"Labels: {' '.join(labels)}\nComponent/s: {comp}\n\nDescription:\n"]
    if style == "md":
        return ["## [", key, "] ", summary, "\n\n",
                f"**Type:** {kind} | **Priority:** {pri} | **Status:** {status}  \n",
                "**Reporter:** ", rep.n("at"), " | **Assignee:** ", asg.n("at"), "  \n",
                f"**Created:** {created:%Y-%m-%d %H:%M} | **Updated:** {upd:%Y-%m-%d %H:%M}\n\n### Description\n"]
    if style == "cloud":
        return [summary, "\n", key, "\n\nDetails\n", f"Type:\t{kind}\nPriority:\t{pri}\nStatus:\t{status.upper()}\n",
                f"Component/s:\t{comp}\nLabels:\t{', '.join(labels)}\n\nPeople\n", "Assignee:\t", asg.n(), "\n",
                "Reporter:\t", rep.n(), "\n\nDates\n",
                f"Created:\t{MONTHS[created.month - 1]} {created.day}, {created.year}, {created:%I:%M %p}\n",
                f"Updated:\t{MONTHS[upd.month - 1]} {upd.day}, {upd.year}, {upd:%I:%M %p}\n\nDescription\n"]
    return [rep.n(), f" created {key}\n", "-" * 56, "\n", "Summary: ", summary, "\n", f"Issue Type: {kind}\n",
            "Assignee: ", asg.n(), "\n", "Reporter: ", rep.n(), "\n", f"Priority: {pri}\n",
            f"Created: {created:%a %b %d %H:%M:%S} EST {created.year}\n", "-" * 56, "\n\n"]


def jira_comment(rng, who, t, body):
    style = rng.choice(["added", "bracket", "md", "added"])
    if style == "added":
        return ["\n", who.n(), f" added a comment - {jira_ts(t)}\n", body, "\n"]
    if style == "bracket":
        return ["\n", "Comment by ", who.n(), f" [ {jira_ts(t)} ]\n", body, "\n"]
    return ["\n", "**", who.n(), f"** commented on {MON[t.month - 1]} {t.day}, {t.year} {t:%H:%M}:\n", body, "\n"]


def codeblock(rng, body, fence=None):
    fence = fence or rng.choice(["{code}", "{noformat}", "```", "{code:text}"])
    close = "{code}" if fence.startswith("{code") else fence
    return [fence, "\n", body, close, "\n"]


def hl7msg(segs, eol="\n"):
    return [[s, eol] for s in segs]


def msh(org, t, mtype, ctrl, app="EPIC", recv="RHAPSODY", ver="2.5.1"):
    return ["MSH|^~\\&|", app, "|", org["code"], "|", recv, "|", org["code"] + "_ENT", "|", D(hl7ts(t), "date"), "||",
            mtype, "|", ctrl, "|P|", ver]


def xtn(rng, num, style=None, email=None):
    style = style or rng.choice(["split", "split", "fmt", "fmtplain"])
    if style == "split":
        out = ["^PRN^PH^^1^", P(num[:3], "phone"), "^", P(num[3:], "phone")]
    elif style == "fmt":
        out = [P(fmt_phone(num, "tight"), "phone"), "^PRN^PH"]
    else:
        out = [P(num, "phone")]
    if email:
        out += ["~^NET^Internet^", P(email, "email")]
    return out


def pid(rng, pt, org, ssn=None, acct=True, email=None, dl=None, death=None, alias=False, hl7_ssn_dashes=None):
    rng = random.Random(f"pid|{pt.mrn}|{org['code']}")  # the same patient renders the same PID every time
    f = {1: "1", 3: [P(pt.mrn, "mrn"), "^^^", org["code"], "^MR"]}
    if rng.random() < 0.35:
        f[2] = P(pt.mrn, "mrn")
    f[5] = [P(pt.hl7(rng.random() < 0.7)), rng.choice(["", "", "^^^^L"])]
    if rng.random() < 0.25:
        mm = Person(rng, culture=pt.ckey, sex="F")
        f[6] = P(ascii_fold(mm.family).upper())
    f[7] = P(fd(pt.dob, "hl7"), "date")
    f[8] = pt.sex
    f[10] = rng.choice(["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC", "2131-1^Other Race^CDCREC", ""])
    f[11] = pt.addr.hl7()
    f[13] = xtn(rng, pt.phone, email=email)
    if rng.random() < 0.4:
        f[14] = xtn(rng, pt.cell, "fmtplain")
    f[15] = rng.choice(["ENG^English^ISO6392", "SPA^Spanish^ISO6392", "VIE^Vietnamese^ISO6392", "ENG", "POR^Portuguese^ISO6392"])
    f[16] = rng.choice(["M", "S", "W", "D"])
    if acct:
        f[18] = [P(pt.acct, "account_number"), "^^^", org["code"], "^AN"]
    if ssn is None:
        ssn = rng.random() < 0.7
    if ssn:
        dashes = rng.random() < 0.5 if hl7_ssn_dashes is None else hl7_ssn_dashes
        f[19] = P(pt.ssn if dashes else pt.ssn.replace("-", ""), "ssn")
    if dl:
        f[20] = [P(dl, "license_number"), "^", D(pt.addr.state, "state")]
    if death:
        f[29] = P(death, "date")
        f[30] = "Y"
    return seg("PID", f)


def pv1(rng, org, klass, att, admit=None, disch=None, visit=None, loc=None, svc=None, adm_doc=None):
    f = {1: "1", 2: klass,
         3: loc or f"{rng.choice(['4W', '5E', '6N', 'MICU', '3S', '7W', 'TELE'])}^{rng.randint(401, 660)}^{rng.choice('AB')}^{org['code']}",
         4: rng.choice(["E", "U", "R", "EL"]), 7: att.hl7xcn(), 10: svc or rng.choice(["MED", "SUR", "CAR", "ONC", "ORT"]),
         14: rng.choice(["1", "7", "EMR"]), 18: {"I": "IP", "O": "OP", "E": "ER"}.get(klass, "IP")}
    if adm_doc:
        f[17] = adm_doc.hl7xcn()
    if visit:
        f[19] = [P(visit, "account_number")]
    f[20] = rng.choice(["MC", "BC", "CM", "SP"])
    if admit:
        f[44] = P(hl7ts(admit, False), "date")
    if disch:
        f[45] = P(hl7ts(disch, False), "date")
    return seg("PV1", f)


def nk1(rng, rel, i=1):
    f = {1: str(i), 2: P(rel.hl7(False)), 3: f"{rel.rel_code}^{rel.rel_desc}^HL70063"}
    if rng.random() < 0.5:
        f[4] = rel.addr.hl7()
    f[5] = xtn(rng, rel.phone)
    if rng.random() < 0.5:
        f[7] = "EC^Emergency Contact^HL70131"
    return seg("NK1", f)


def in1(rng, pt, insured=None, payer=None, medicare=False, eff=None):
    payer, pphone = payer or rng.choice(PAYERS)
    insured = insured or pt
    f = {1: "1", 2: f"{rng.randint(100, 999)}^{payer.upper()[:12].strip()} PPO", 3: str(rng.randint(10000, 99999)), 4: payer.upper(),
         7: pphone, 8: D(str(rng.randint(100000, 999999)) if rng.random() < 0.6 else f"GRP{rng.randint(1000, 99999)}", "group_number"),
         12: D(fd(eff or dt.date(2026, 1, 1), "hl7"), "date"), 15: rng.choice(["PPO", "HMO", "MCR", "POS"]),
         16: P(insured.hl7(False)), 17: "01^Self^HL70063" if insured is pt else f"{'02^Spouse' if insured.rel in ('wife', 'husband') else '19^Child'}^HL70063",
         18: P(fd(insured.dob, "hl7"), "date"),
         36: P(fmt_mbi(pt.mbi, False), "medicare_mbi") if medicare else P(insured.member, "health_plan_id")}
    if rng.random() < 0.5:
        f[19] = insured.addr.hl7()
    return seg("IN1", f)


def dg1(rng, dx, when=None, i=1, typ="A"):
    f = {1: str(i), 2: "I10", 3: [D(dx[1], "diagnosis_code"), "^", D(dx[0].upper() if rng.random() < 0.5 else dx[0], "condition"), "^I10"]}
    if when:
        f[5] = P(hl7ts(when, False), "date")
    f[6] = typ
    return seg("DG1", f)


def log_ts(t, style, ms=None):
    ms = ms if ms is not None else (t.second * 37 + t.minute) % 1000
    if style == "log4j":
        return f"{t:%Y-%m-%d %H:%M:%S},{ms:03d}"
    if style == "iso":
        return f"{t:%Y-%m-%dT%H:%M:%S}.{ms:03d}Z"
    if style == "ws":
        return f"[{t.month}/{t.day}/{t.year % 100} {t:%H:%M:%S}:{ms:03d} EST]"
    return f"{t:%b %d %H:%M:%S}"


# ----------------------------------------------------------------------------------------
# PHI family: jira_hl7
# ----------------------------------------------------------------------------------------

def t_jira_adt_a01_nak(rng):
    org = org_of(rng)
    rep, asg, c1 = staff_list(rng, org, 3, ["it", "it", "it"])
    att, clerk = Staff(rng, org, "md"), Staff(rng, org, "admin")
    pt = patient(rng, old=rng.random() < 0.3)
    rel = relative(rng, pt)
    created = recent(rng)
    msgt = created - dt.timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
    admit = msgt - dt.timedelta(minutes=rng.randint(3, 50))
    key = jira_key(rng)
    chan = f"ADT_IN_{org['code']}_{rng.choice(['EPIC', 'PROD', '01'])}"
    ctrl = str(rng.randint(10 ** 8, 10 ** 9 - 1))
    issue = rng.choice([("PID-11 street line over 50 chars after unit concatenation", "XAD.1 length 50 exceeded"),
                        ("PV1-3 bed not found in location master", "Unknown location"),
                        ("NK1-3 relationship code not mapped", "Table HL70063 lookup failed"),
                        ("IN1-2 plan id not in payer crosswalk", "Plan crosswalk miss")])
    sip, port = make_server_ip(rng), rng.choice([6661, 6662, 7001, 5500, 10250])
    msg = hl7msg([
        msh(org, msgt, "ADT^A01^ADT_A01", ctrl),
        ["EVN|A01|", D(hl7ts(msgt), "date"), "|||", f"REG{rng.randint(100, 999)}^", clerk.n("hl7")],
        pid(rng, pt, org),
        ["PD1|||", D(rng.choice(org["facs"]), "facility"), "|", D(att.npi, "npi"), "^", att.n("hl7")],
        nk1(rng, rel),
        pv1(rng, org, "I", att, admit=admit, visit=make_visit(rng)),
        in1(rng, pt, medicare=pt.age >= 65 and rng.random() < 0.6),
    ])
    lt = msgt + dt.timedelta(seconds=rng.randint(1, 20))
    ls = rng.choice(["log4j", "iso"])
    body = [
        f"Channel {chan} started getting AE acks from the downstream billing system around {msgt:%H:%M} - {issue[0]}. ",
        "Queue depth was ", str(rng.randint(40, 900)), " when I paused it. Sample from the error queue:\n\n",
        codeblock(rng, msg),
        "\nEngine log:\n",
        codeblock(rng, [
            f"{log_ts(lt, ls)} INFO  [{chan}-worker-{rng.randint(1, 8)}] Sending message control id {ctrl} to {sip}:{port}\n",
            f"{log_ts(lt + dt.timedelta(milliseconds=412), ls)} ERROR [{chan}-worker-{rng.randint(1, 8)}] ACK MSA|AE|{ctrl}|{issue[1]}\n",
            f"{log_ts(lt + dt.timedelta(seconds=2), ls)} WARN  [{chan}-retry] Retry 3/3 exhausted, routed to error queue (msgId={uuid4(rng)})\n",
        ], "{noformat}"),
        "\nExpected: message filed, account created in billing. Actual: rejected, no account.\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 5)), [
            "Reproduced in TST with this message. ", c1.n("jira"),
            " the map in v", f"{rng.randint(3, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
            " truncates before the lookup, not after. Patching the filter now."]),
        jira_comment(rng, rep, created + dt.timedelta(hours=rng.randint(6, 20)), [
            "Billing confirmed the account for ", D(pt.title, "title"), " ", P(pt.family), " (MRN ", P(pt.mrn, "mrn"),
            ") was created manually, so no need to resend that one. Resending the other ", str(rng.randint(12, 300)), " from the queue."]),
    ]
    head = jira_head(rng, key, [f"ADT^A01 from {org['code']} rejected downstream - ", issue[0]], rep, asg, created)
    return [head, body]


def t_jira_oru_units(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["it", "it"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.25)
    created = recent(rng)
    coll = created - dt.timedelta(days=rng.randint(0, 2), hours=rng.randint(2, 14))
    res = coll + dt.timedelta(hours=rng.randint(1, 6))
    key = jira_key(rng, rng.choice(["LABIF", "INTF"]))
    lab = rng.choice(["Quest", "LabCorp", "ARUP", "Mayo Clinic Laboratories", "BioReference"])
    pnl = rng.choice([c for c in CPT if c[0] in ("80053", "85025", "83036")])
    tests = rng.sample(LABS, 4)
    order, filler = f"{rng.randint(10 ** 7, 10 ** 8 - 1)}", f"{rng.choice(['QST', 'LC', 'AR'])}{rng.randint(10 ** 6, 10 ** 7 - 1)}"
    obx = []
    for i, (loinc, name, unit, rngv) in enumerate(tests, 1):
        val = round(rng.uniform(0.4, 160), 1)
        obx.append([f"OBX|{i}|NM|{loinc}^{name}^LN||{val}|{unit if i != 2 else 'umol/L'}|{rngv}|{'H' if i == 2 else 'N'}|||F|||",
                    P(hl7ts(coll, False), "date")])
    msg = hl7msg([
        msh(org, res + dt.timedelta(minutes=2), "ORU^R01^ORU_R01", f"{lab[:2].upper()}{rng.randint(10 ** 7, 10 ** 8 - 1)}", app=lab.upper()[:8]),
        pid(rng, pt, org, ssn=False, acct=rng.random() < 0.5),
        seg("PV1", {1: "1", 2: "O", 3: f"{org['code']}LAB", 7: doc.hl7xcn()}),
        ["ORC|RE|", D(order, "order_number"), "|", D(filler, "order_number"), "||CM"],
        ["OBR|1|", D(order, "order_number"), "|", D(filler, "order_number"), "|", D(pnl[0], "procedure_code"), "^", pnl[1].upper(), "^C4|||",
         P(hl7ts(coll, False), "date"), "|||||||", doc.hl7xcn(), "||||||", D(hl7ts(res, False), "date"), "|||F"],
    ] + obx)
    body = [
        f"Results from {lab} are coming across with the second analyte in umol/L instead of mg/dL, so the flowsheet flags everything H. ",
        "Example below (", doc.n("dr"), "'s patient, ordered ", P(fd(coll.date(), rng.choice(["us", "us_np", "mon"])), "date"), "):\n\n",
        codeblock(rng, msg),
        f"\nUnit conversion table in the ORU inbound map was last touched in build {rng.randint(1000, 9999)} ({hexs(rng, 7)}).\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(2, 30)), [
            f"{lab} confirmed they switched units on their side on {MON[created.month - 1]} {max(1, created.day - 2)}. ",
            "Adding a conversion rule keyed on OBX-6 and rerunning the last 48h. ", rep.n("jira"), " fyi"]),
    ]
    return [jira_head(rng, key, f"ORU^R01 from {lab}: OBX-6 units changed, abnormal flags wrong", rep, asg, created), body]


def t_jira_a08_address_diff(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "it"])
    att = Staff(rng, org, "md")
    pt = patient(rng)
    old = Address(rng)
    created = recent(rng)
    t1 = created - dt.timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 8))
    key = jira_key(rng, rng.choice(["INTF", "REVCYC", "ADTX"]))
    ctrl = str(rng.randint(10 ** 9, 10 ** 10 - 1))
    billing = rng.choice(["Soarian", "Cerner PA", "Meditech", "the clearinghouse"])
    body = [
        "Patient updated ", pt.her, f" address at the front desk on ", D(fd(t1.date(), "us"), "date"),
        f", Epic has the new one but {billing} still shows the old address so statements keep bouncing. ",
        "A08 did go out (control id ", ctrl, ").\n\n",
        "||Field||Epic (source)||", billing, " (target)||\n",
        "|Name|", P(pt.lf()), "|", P(pt.LF()), "|\n",
        "|MRN|", P(pt.mrn, "mrn"), "|", P(pt.mrn, "mrn"), "|\n",
        "|Street|", P(pt.addr.street, "street_address"), (" " if pt.addr.unit else ""),
        P(pt.addr.unit, "street_address") if pt.addr.unit else "", "|", P(ascii_fold(old.street).upper(), "street_address"), "|\n",
        "|City/State/ZIP|", P(pt.addr.city, "street_address"), ", ", D(pt.addr.state, "state"), " ", P(pt.addr.zip, "zip_code"), "|",
        P(old.city.upper(), "street_address"), " ", D(old.state, "state"), " ", P(old.zip, "zip_code"), "|\n\n",
        "A08 as sent:\n",
        codeblock(rng, hl7msg([
            msh(org, t1, "ADT^A08^ADT_A01", ctrl),
            ["EVN|A08|", D(hl7ts(t1), "date")],
            pid(rng, pt, org, ssn=False),
            pv1(rng, org, "O", att, visit=make_visit(rng)),
        ])),
        "\nMy guess is the outbound filter drops A08s without a PV1-44. ",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 20)), [
            "Right, filter rule 4 on the ", billing, " route requires PV1-44 for A08. Outpatient updates never carry it. ",
            "Changing the rule to only require PID-3. Will resend A08s since ", f"{t1:%m/%d}", " once the change is in."]),
    ]
    return [jira_head(rng, key, f"Address updates (A08) not reaching {billing}", rep, asg, created, kind=rng.choice(["Bug", "Incident"])), body]


def t_jira_siu_appointments(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "it"])
    prov = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.3)
    created = recent(rng)
    appt = dt.datetime.combine(rdate(rng, created.date() + dt.timedelta(days=3), created.date() + dt.timedelta(days=40)),
                               dt.time(rng.choice([8, 9, 10, 13, 14, 15]), rng.choice([0, 15, 30, 45])))
    key = jira_key(rng, rng.choice(["INTF", "EHRSUP"]))
    dept_a, dept_b = rng.sample(["CARDIOLOGY", "ENDOCRINOLOGY", "PULMONARY", "NEUROLOGY", "GI", "RHEUM", "UROLOGY"], 2)
    apptid = str(rng.randint(10 ** 6, 10 ** 7 - 1))
    lang = rng.choice(["Vietnamese", "Spanish", "Haitian Creole", "Cantonese", "Portuguese", "Somali"])
    msgt = created - dt.timedelta(hours=rng.randint(1, 30))
    msg = hl7msg([
        msh(org, msgt, "SIU^S12^SIU_S12", str(rng.randint(10 ** 7, 10 ** 8 - 1)), recv="QLESS"),
        ["SCH|", D(apptid, "order_number"), "|", D(apptid, "order_number"), "|||||", "FOLLOWUP^Follow up^L|", "|30|MIN|^^30^",
         P(hl7ts(appt, False), "date"), "^", P(hl7ts(appt + dt.timedelta(minutes=30), False), "date"), "|||||", prov.hl7xcn(),
         "||||", prov.hl7xcn(), "|||||BOOKED"],
        pid(rng, pt, org, ssn=False, email=pt.email if rng.random() < 0.5 else None),
        seg("PV1", {1: "1", 2: "O", 3: f"{dept_a}^^^{org['code']}", 7: prov.hl7xcn()}),
        ["RGS|1|A"],
        ["AIS|1|A|FOLLOWUP^Follow up^L|", P(hl7ts(appt, False), "date"), "|||30|MIN"],
        ["AIL|1|A|", f"{dept_a}^^^{org['code']}", "^", D(rng.choice(org["facs"]), "facility")],
        ["AIP|1|A|", prov.hl7xcn(), "|MD"],
        ["NTE|1||Pt requests ", lang, " interpreter. Call ", P(fmt_phone(pt.cell, "dash"), "phone"),
         " day before."],
    ])
    body = [
        f"Appointments booked in {dept_a} are showing up in the {dept_b} kiosk queue. Example: ",
        P(pt.full()), " booked for ", P(f"{appt:%m/%d}", "date"), f" at {appt:%H:%M} with ", prov.n("dr"), ".\n\n",
        codeblock(rng, msg),
        "\nAIL-3 looks right, so it is probably the kiosk's department crosswalk.\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 8)), [
            "Crosswalk row for ", dept_a, " was pointing at the ", dept_b, " queue id since the ", f"{rng.randint(2, 8)}.{rng.randint(0, 9)}",
            " upgrade. Fixed in prod at ", f"{created + dt.timedelta(hours=9):%H:%M}", ". ", rep.n("jira"), " can you ask the front desk to re-check tomorrow?"]),
    ]
    return [jira_head(rng, key, f"SIU^S12 appointments for {dept_a} landing in wrong kiosk queue", rep, asg, created), body]


def t_jira_orm_duplicates(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["rn", "it"])
    doc1, doc2 = staff_list(rng, org, 2, ["md", "md"])
    pt = patient(rng)
    created = recent(rng)
    ordt = created - dt.timedelta(hours=rng.randint(2, 40))
    key = jira_key(rng, rng.choice(["INTF", "CLINAPP"]))
    proc = rng.choice([c for c in CPT if c[0] in ("71046", "70450", "93306", "93000")])
    dx = rng.choice(DX)
    o1, o2 = str(rng.randint(10 ** 7, 10 ** 8 - 1)), str(rng.randint(10 ** 7, 10 ** 8 - 1))
    acc = f"{org['code']}{rng.randint(10 ** 6, 10 ** 7 - 1)}"

    def orm(oid, doc, t):
        return hl7msg([
            msh(org, t + dt.timedelta(seconds=rng.randint(70, 400)), "ORM^O01^ORM_O01", str(rng.randint(10 ** 7, 10 ** 8 - 1)), recv="PACS"),
            pid(rng, pt, org, ssn=False, acct=False),
            pv1(rng, org, rng.choice(["I", "E"]), doc, visit=None),
            ["ORC|NW|", D(oid, "order_number"), "|||SC||^^^", P(hl7ts(t, False), "date"), "^^R|||||", doc.hl7xcn()],
            ["OBR|1|", D(oid, "order_number"), "|", D(acc, "order_number"), "|", D(proc[0], "procedure_code"), "^", proc[1].upper(), "^C4|||",
             P(hl7ts(t, False), "date"), "|||||", dx[2], "|||", doc.hl7xcn()],
            dg1(rng, dx),
        ])
    t2 = ordt + dt.timedelta(minutes=rng.randint(5, 45))
    body = [
        "When the ordering provider is changed on an existing imaging order, we send a second NW instead of an XO, so radiology gets two exams. ",
        "Both below are the same exam for the same patient (", P(pt.lf()), ", MRN ", P(pt.mrn, "mrn"), ").\n\n",
        "First:\n", codeblock(rng, orm(o1, doc1, ordt), "{noformat}"),
        "\nAfter the provider change:\n", codeblock(rng, orm(o2, doc2, t2), "{noformat}"),
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(2, 20)), [
            "The order-control mapping treats a provider change as discontinue+new. Vendor ticket opened (case ",
            str(rng.randint(10 ** 6, 10 ** 7 - 1)), "). ", rep.n("jira"), " rad desk cancelled the duplicate accession."]),
    ]
    return [jira_head(rng, key, f"Duplicate {proc[1].split(',')[0]} orders after ordering provider change", rep, asg, created), body]


def t_jira_dft_charges(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "it"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, min_age=3, max_age=17) if rng.random() < 0.4 else patient(rng)
    guar = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("mother", "son", "daughter", "wife", "husband")])) \
        if pt.age >= 18 else relative(rng, pt, rel=("mother", "F", "MTH", "Mother"))
    if pt.age < 18:
        guar.addr = pt.addr
        guar.age = rng.randint(28, 48)
        guar.dob = REF.replace(year=REF.year - guar.age - 1) + dt.timedelta(days=rng.randint(1, 360))
    created = recent(rng)
    svc = created.date() - dt.timedelta(days=rng.randint(1, 12))
    key = jira_key(rng, "REVCYC")
    charges = rng.sample([c for c in CPT if c[0] in ("99213", "99214", "85025", "80053", "36415", "93000", "83036", "90686", "97110")], 3)
    dx = rng.choice(DX)
    ft = []
    for i, c in enumerate(charges, 1):
        ft.append(seg("FT1", {1: str(i), 4: P(fd(svc, "hl7"), "date"), 5: D(hl7ts(created - dt.timedelta(hours=i)), "date"), 6: "CG",
                              7: [D(c[0], "procedure_code"), "^", c[1].upper()[:30], "^CPT"], 10: "1",
                              19: [D(dx[1], "diagnosis_code"), "^", dx[2], "^I10"], 20: doc.hl7xcn()}))
    msg = hl7msg([
        msh(org, created - dt.timedelta(hours=1), "DFT^P03^DFT_P03", str(rng.randint(10 ** 7, 10 ** 8 - 1)), recv="PB_BILLING"),
        ["EVN|P03|", D(hl7ts(created - dt.timedelta(hours=1)), "date")],
        pid(rng, pt, org, ssn=False),
        pv1(rng, org, "O", doc, visit=make_visit(rng)),
    ] + ft + [
        ["GT1|1||", P(guar.hl7(False)), "||", guar.addr.hl7(), "|", xtn(rng, guar.phone), "||", P(fd(guar.dob, "hl7"), "date"), "|",
         guar.sex, "||", "01" if guar is pt else guar.rel_code, "|", P(guar.ssn, "ssn") if rng.random() < 0.5 else ""],
    ])
    body = [
        f"Professional charges for {svc:%m/%d} clinic visits are dropping in the DFT router - they never reach the PB system. ",
        f"{rng.randint(20, 180)} charges so far, about ${rng.randint(3, 60)}k. One example:\n\n",
        codeblock(rng, msg),
        "\nThe router rejects on FT1-20 when the performing NPI is not in the provider table; ", doc.n("dr"),
        " was credentialed last week so that fits.\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 10)), [
            "Confirmed, provider table sync job failed on ", f"{created - dt.timedelta(days=6):%m/%d}",
            ". Re-ran it and replayed the ", f"{rng.randint(20, 180)}", " held charges. ", rep.n("at"), " please confirm in the WQ."]),
    ]
    return [jira_head(rng, key, "DFT^P03 charges held - FT1-20 provider not found", rep, asg, created, kind="Incident"), body]


def t_jira_a03_discharge(rng):
    org = org_of(rng)
    rep, asg, nurse = staff_list(rng, org, 3, ["it", "it", "rn"])
    att = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.45)
    created = recent(rng)
    adm = created - dt.timedelta(days=rng.randint(2, 9), hours=rng.randint(1, 12))
    dis = created - dt.timedelta(hours=rng.randint(3, 20))
    dx1, dx2 = pick_dx(rng, 2)
    key = jira_key(rng, rng.choice(["ADTX", "INTF"]))
    disp = rng.choice([("01", "to home"), ("03", "to a skilled nursing facility"), ("06", "home with home health"), ("07", "against medical advice")])
    msg = hl7msg([
        msh(org, dis + dt.timedelta(minutes=rng.randint(1, 9)), "ADT^A03^ADT_A03", str(rng.randint(10 ** 8, 10 ** 9 - 1))),
        ["EVN|A03|", D(hl7ts(dis + dt.timedelta(minutes=rng.randint(1, 9))), "date")],
        pid(rng, pt, org),
        seg("PV1", {1: "1", 2: "I", 3: f"{rng.choice(['4W', '6N', 'TELE'])}^{rng.randint(401, 660)}^A^{org['code']}", 7: att.hl7xcn(),
                    10: "MED", 19: P(make_visit(rng), "account_number"), 36: disp[0], 44: P(hl7ts(adm, False), "date"),
                    45: P(hl7ts(dis, False), "date")}),
        dg1(rng, dx1, adm, 1, "F"),
        dg1(rng, dx2, adm, 2, "F"),
    ], rng.choice(["\n", "\n"]))
    who = [D(pt.title, "title"), " ", P(pt.family)]
    body = [
        "Bed board still shows the patient in the bed after discharge; the A03 went out but the bed management system never released it. ",
        "EVS could not clean the room for ", str(rng.randint(2, 6)), " hours.\n\n",
        codeblock(rng, msg),
        jira_comment(rng, nurse, created + dt.timedelta(hours=1), [
            "From the unit: ", who, " (", age_pred(rng, pt.age), ") left at ",
            f"{dis:%H:%M}", f" {disp[1]}, ", pt.her, " ", rng.choice(["son", "daughter", "niece"]), " picked ", "her" if pt.sex == "F" else "him",
            " up. Room is still blocked."]),
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(3, 9)), [
            "PV1-36 = ", disp[0], " is not in the bed board's disposition table, so it ignored the event. Added the code and replayed ",
            "everything from ", f"{dis - dt.timedelta(hours=rng.randint(2, 9)):%H}:00", " onward."]),
    ]
    return [jira_head(rng, key, "A03 discharges not releasing beds in bed board", rep, asg, created), body]


def t_jira_ack_mpi_log(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng)
    created = recent(rng)
    t0 = created - dt.timedelta(hours=rng.randint(1, 6), minutes=rng.randint(0, 59))
    key = jira_key(rng, rng.choice(["HL7OPS", "IE"]))
    ctrl = str(rng.randint(10 ** 8, 10 ** 9 - 1))
    chan = rng.choice(["LAB_RESULTS_OUT", "HIE_FEED", "REGISTRY_VXU", "PHARMACY_RDE"])
    sip = make_server_ip(rng)
    ls = rng.choice(["log4j", "iso", "ws"])
    wrong_dob = pt.dob + dt.timedelta(days=rng.choice([1, 30, 365, -1]))
    body = [
        f"{chan} has been throwing MPI match failures since the {rng.choice(['Sunday', 'weekend', 'overnight'])} patch. Log excerpt "
        f"(mirth-{rng.randint(1, 4)}, {sip}):\n\n",
        codeblock(rng, [
            f"{log_ts(t0, ls)} INFO  {chan} (channel id {uuid4(rng)}) received message {ctrl}\n",
            f"{log_ts(t0 + dt.timedelta(seconds=1), ls)} WARN  MpiLookup - no exact match for MRN ", P(pt.mrn, "mrn"),
            " name=", P(pt.hl7(False)), " dob=", P(fd(pt.dob, "hl7"), "date"), "\n",
            f"{log_ts(t0 + dt.timedelta(seconds=1), ls)} WARN  MpiLookup - candidate score=0.{rng.randint(70, 89)} ",
            P(pt.LF()), " dob=", P(fd(wrong_dob, "hl7"), "date"), " zip=", P(pt.addr.zip, "zip_code"), "\n",
            f"{log_ts(t0 + dt.timedelta(seconds=2), ls)} ERROR AckBuilder - MSA|AE|{ctrl}|Patient not found\n",
            f"{log_ts(t0 + dt.timedelta(seconds=2), ls)} INFO  Queued for retry in 300s (attempt 1 of 5)\n",
        ]),
        "\nThe candidate has a slightly different DOB - registration typo or a second chart? Either way the channel should not AE, it should queue to the MPI WQ.\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 12)), [
            "HIM says it is the same person, DOB in the second chart was keyed wrong. They fixed the chart. ",
            "I changed the filter so a score between 0.70 and 0.90 goes to the WQ instead of AE. Deployed as ",
            f"{chan.lower()}-v{rng.randint(10, 40)}", "."]),
    ]
    return [jira_head(rng, key, f"{chan}: MPI lookup AE for near-match candidates", rep, asg, created), body]


def t_jira_a40_merge(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "it"])
    pt = patient(rng)
    created = recent(rng)
    t0 = created - dt.timedelta(hours=rng.randint(2, 48))
    key = jira_key(rng, rng.choice(["ADTX", "HL7OPS"]))
    old_mrn, old_acct = make_mrn(rng), make_account(rng)
    msg = hl7msg([
        msh(org, t0, "ADT^A40^ADT_A39", str(rng.randint(10 ** 8, 10 ** 9 - 1))),
        ["EVN|A40|", D(hl7ts(t0), "date"), "|||", f"HIM{rng.randint(10, 99)}"],
        pid(rng, pt, org, ssn=rng.random() < 0.5),
        ["MRG|", P(old_mrn, "mrn"), "^^^", org["code"], "^MR||", P(old_acct, "account_number"), "|||||", P(pt.hl7(False))],
    ])
    body = [
        "HIM merged a duplicate chart (created at an urgent care registration) into the surviving MRN. ",
        "The A40 went to the lab system fine but the document imaging system still shows two patients:\n\n",
        "* surviving: ", P(pt.full()), " / MRN ", P(pt.mrn, "mrn"), " / DOB ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n",
        "* retired: MRN ", P(old_mrn, "mrn"), " / acct ", P(old_acct, "account_number"), "\n\n",
        codeblock(rng, msg),
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(2, 20)), [
            "Imaging only subscribes to A34, not A40. Vendor says A40 support is in ", f"{rng.randint(7, 12)}.{rng.randint(0, 4)}",
            ". For now I'll translate A40 -> A34 in the engine. ", rep.n("jira"), " there are ", str(rng.randint(3, 40)),
            " other merges since the go-live, list attached as merges.csv."]),
    ]
    return [jira_head(rng, key, "Chart merges (A40) not applied in document imaging", rep, asg, created), body]


def t_jira_vxu_registry(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["rn", "it"])
    nurse = Staff(rng, org, "rn")
    child = patient(rng, min_age=1, max_age=12) if rng.random() < 0.6 else patient(rng, old=rng.random() < 0.5)
    mom = relative(rng, child, rel=("mother", "F", "MTH", "Mother"))
    created = recent(rng)
    given = created.date() - dt.timedelta(days=rng.randint(1, 10))
    key = jira_key(rng, rng.choice(["INTF", "CLINAPP"]))
    vax = rng.choice([("141", "influenza, seasonal, injectable"), ("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL"),
                      ("115", "Tdap"), ("33", "pneumococcal polysaccharide PPV23"), ("21", "varicella"), ("03", "MMR")])
    lot = f"{rng.choice('ABCDEFGHJK')}{rng.randint(1000, 9999)}{rng.choice('ABCD')}"
    state = child.addr.state
    msg = hl7msg([
        msh(org, created - dt.timedelta(hours=2), "VXU^V04^VXU_V04", str(rng.randint(10 ** 7, 10 ** 8 - 1)), recv=f"{state}IIS", ver="2.5.1"),
        pid(rng, child, org, ssn=False, acct=False),
        ["PD1|||||||||||02^Reminder/recall - any method^HL70215|N"],
        nk1(rng, mom) if child.age < 18 else nk1(rng, relative(rng, child)),
        ["ORC|RE||", D(str(rng.randint(10 ** 6, 10 ** 7 - 1)), "order_number"), "|||||||", nurse.n("hl7")],
        ["RXA|0|1|", P(fd(given, "hl7"), "date"), "||", vax[0], "^", D(vax[1], "medication"), "^CVX|0.5|mL^mL^UCUM||00^New record^NIP001|",
         nurse.n("hl7"), "|^^^", org["code"], "||||", lot, "|", f"{created.year + 1}0{rng.randint(1, 9)}01", "|", rng.choice(["PFR^Pfizer^MVX", "MSD^Merck^MVX", "SKB^GSK^MVX"]), "|||CP|A"],
        ["RXR|C28161^Intramuscular^NCIT|LD^Left Deltoid^HL70163"],
    ])
    body = [
        f"The {STATE_NAMES[state]} immunization registry is rejecting VXUs with error 'NK1-3 invalid for adult patient' / 'PD1-11 required'. ",
        "Sample (dose given ", P(fd(given, rng.choice(["us", "mon"])), "date"), "):\n\n",
        codeblock(rng, msg),
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 30)), [
            "Registry spec v", f"{rng.randint(1, 3)}.{rng.randint(0, 9)}", " changed PD1 handling. Updated the template; ",
            rep.n("jira"), " resend from the failed queue after ", f"{created + dt.timedelta(days=1):%m/%d}", "."]),
    ]
    return [jira_head(rng, key, f"VXU to {state} IIS rejected - PD1/NK1 validation", rep, asg, created), body]


def t_jira_a04_coverage(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "it"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, min_age=20, max_age=64)
    sub = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("wife", "husband")]))
    created = recent(rng)
    t0 = created - dt.timedelta(hours=rng.randint(1, 30))
    key = jira_key(rng, "REVCYC")
    payer = rng.choice([p for p in PAYERS if "Medicare" not in p[0]])
    msg = hl7msg([
        msh(org, t0, "ADT^A04^ADT_A01", str(rng.randint(10 ** 8, 10 ** 9 - 1))),
        ["EVN|A04|", D(hl7ts(t0), "date")],
        pid(rng, pt, org, dl=make_dl(rng, pt.addr.state) if rng.random() < 0.7 else None),
        pv1(rng, org, "O", doc, visit=make_visit(rng), loc=f"{rng.choice(['FM', 'IM', 'PEDS', 'OB'])}CLINIC^^^{org['code']}"),
        in1(rng, pt, insured=sub, payer=payer),
        seg("IN2", {2: P(sub.ssn, "ssn"), 61: P(sub.member + "-02", "health_plan_id")}),
    ])
    body = [
        "Claims for dependents are denying with 'subscriber not found'. The payer gets IN1-36 cut at 10 chars. Example registration - patient is the dependent, ",
        "subscriber is ", pt.her, " ", sub.rel, " ", P(sub.full()), ":\n\n",
        codeblock(rng, msg),
        "\nPayer (", payer[0], ", provider services ", payer[1], ") confirmed they need the full id including the suffix.\n",
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 12)), [
            "The 837 map uses a fixed-width field for the subscriber id. Widened to 20, test claim accepted. ", rep.n("jira")]),
    ]
    return [jira_head(rng, key, f"{payer[0]} dependent claims deny - subscriber id truncated from IN1-36", rep, asg, created), body]


def t_jira_mdm_transcription(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["md", "it"])
    auth = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.6)
    rel = relative(rng, pt)
    created = recent(rng)
    svc = created - dt.timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 6))
    key = jira_key(rng, rng.choice(["CLINAPP", "INTF"]))
    docid = f"{rng.randint(10 ** 7, 10 ** 8 - 1)}"
    dx = rng.choice(DX)
    med = rng.choice(HOME_MEDS)
    txt = [
        ["OBX|1|TX|11506-3^Progress note^LN||", P(pt.upper_full()), " IS A ", age_items(pt.age), "-YEAR-OLD ", "WOMAN" if pt.sex == "F" else "MAN",
         " SEEN ON ", P(fd(svc.date(), "us"), "date"), " FOR FOLLOW UP OF ", D(dx[0].upper(), "condition"), ".||||||F"],
        ["OBX|2|TX|11506-3^Progress note^LN||LIVES WITH ", rel.rel.upper(), " ", P(ascii_fold(rel.given).upper()), ". CONTINUE ",
         D(med[0].upper(), "medication"), " ", med[1].upper(), ".||||||F"],
        ["OBX|3|TX|11506-3^Progress note^LN||RETURN IN 3 MONTHS. ELECTRONICALLY SIGNED BY ", D(ascii_fold(auth.name).upper(), "person_name"), ".||||||F"],
    ]
    msg = hl7msg([
        msh(org, created - dt.timedelta(hours=3), "MDM^T02^MDM_T02", str(rng.randint(10 ** 7, 10 ** 8 - 1)), app="DICTATE"),
        ["EVN|T02|", D(hl7ts(created - dt.timedelta(hours=3)), "date")],
        pid(rng, pt, org, ssn=False),
        seg("PV1", {1: "1", 2: "O", 7: auth.hl7xcn(), 19: P(make_visit(rng), "account_number")}),
        ["TXA|1|PN^Progress Note|TX|", P(hl7ts(svc, False), "date"), "|", auth.hl7xcn(), "||", D(hl7ts(created - dt.timedelta(hours=3)), "date"),
         "|||||", D(docid, "internal_id"), "||||||AU"],
    ] + txt)
    body = [
        "Transcribed notes are arriving with every line upper-cased and the line breaks lost (all text in OBX-5 of 3 segments). Providers are complaining. ",
        "Example from ", auth.n("dr"), ":\n\n",
        codeblock(rng, msg),
        jira_comment(rng, asg, created + dt.timedelta(hours=rng.randint(1, 24)), [
            "Dictation vendor enabled 'legacy uppercase' in their ", f"{rng.randint(2025, 2026)}.{rng.randint(1, 4)}", " release. They will turn it off tonight; ",
            "the ones already filed need a re-send, doc ids in the attached list. ", rep.n("jira")]),
    ]
    return [jira_head(rng, key, "MDM^T02 transcriptions arrive upper-cased", rep, asg, created), body]


# ----------------------------------------------------------------------------------------
# PHI family: confluence_patient_table
# ----------------------------------------------------------------------------------------

def cohort(rng, n, old_share=0.25, region=False, **kw):
    if region:
        city = rng.choice(CITIES)
        return [patient(rng, culture=k, old=rng.random() < old_share, addr=Address(rng, city=city), **kw)
                for k in _cohort_keys(rng, n)]
    keys = _cohort_keys(rng, n)
    return [patient(rng, culture=k, old=rng.random() < old_share, **kw) for k in keys]


def _cohort_keys(rng, n):
    keys = rng.sample(CULTURE_KEYS, n)
    if rng.random() < 0.5 and not set(keys) & set(NATIVE_KEYS):
        keys[-1] = rng.choice(NATIVE_KEYS)
    return keys


def conf_head(rng, title, author, editor, t, space=None):
    space = space or rng.choice(["Interfaces", "Revenue Cycle", "Care Management", "Clinical Applications", "Patient Access", "Quality & Safety"])
    style = rng.choice(["crumb", "owned", "md", "wiki"])
    ed = t + dt.timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 9))
    if style == "crumb":
        return [f"{space} / {rng.choice(['Projects', 'Working pages', 'Team notes', 'Go-live'])} / {title}\n",
                "Created by ", author.n(), ", last modified by ", editor.n(), f" on {MON[ed.month - 1]} {ed.day:02d}, {ed.year}\n\n"]
    if style == "owned":
        return [title, "\n", "Owned by ", author.n(), f"\nLast updated: {MON[ed.month - 1]} {ed.day}, {ed.year} by ", editor.n(),
                f"\n{rng.randint(2, 9)} min read\n\n"]
    if style == "md":
        return ["# ", title, "\n\n", "_Last edited by ", editor.n(), f" on {ed:%Y-%m-%d %H:%M}_\n\n"]
    return ["h1. ", title, "\n\n", "{info}Page owner: ", author.n("jira"), f" | reviewed {ed:%m/%d/%Y}", "{info}\n\n"]


LANGS = ["Spanish", "Vietnamese", "Haitian Creole", "Portuguese", "Cantonese", "Somali", "Arabic", "Russian", "Korean", "Nepali"]


def row_note(rng, pt, t):
    r = rng.random()
    if pt.has_native and r < 0.6:
        return ["chart name also ", P(pt.native())]
    if pt.age >= 90 and r < 0.5:
        return ["lives alone, ", age_pred(rng, pt.age)]
    if r < 0.2:
        rel = relative(rng, pt)
        return [rel.rel, " ", P(rel.given), " is proxy"]
    if r < 0.35:
        return ["interpreter: ", rng.choice(LANGS)]
    if r < 0.5:
        return ["left VM ", D(f"{t:%m/%d}", "date")]
    if r < 0.62:
        return ["prefers text to cell"]
    if r < 0.75:
        return ["no answer x2"]
    if r < 0.87:
        return ["call after 3pm"]
    return ["ok"]


def t_conf_wiki_pilot_roster(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "admin"])
    docs = staff_list(rng, org, 3, ["md", "md", "np"])
    t = recent(rng)
    prog = rng.choice(["Remote BP monitoring", "CHF telemonitoring", "Diabetes text coaching", "Post-discharge call program"])
    pts = cohort(rng, region=True, n=rng.randint(4, 6), old_share=0.3)
    if rng.random() < 0.6:
        pts[-1] = patient(rng, culture=rng.choice(NATIVE_KEYS), addr=Address(rng, city=next(c for c in CITIES if c[0] == pts[0].addr.city)))
    rows = []
    for i, p in enumerate(pts, 1):
        d = rng.choice(docs)
        enr = t - dt.timedelta(days=rng.randint(3, 40))
        rows.append(["|", str(i), "|", P(p.mrn, "mrn"), "|", P(p.lf(rng.random() < 0.5)), "|", P(fd(p.dob, rng.choice(["us", "us_np", "iso"])), "date"),
                     "|", P(fmt_phone(p.cell, rng.choice(PHONE_STYLES)), "phone"), "|", d.n("last"), "|", D(f"{enr:%m/%d}", "date"), "|",
                     row_note(rng, p, t - dt.timedelta(days=rng.randint(0, 3))), "|\n"])
    return [conf_head(rng, f"{prog} - pilot roster ({rng.choice(org['facs'])})", a, e, t),
            "{warning}Contains PHI. Restricted to the pilot team - do not move this page or copy rows into Jira.{warning}\n\n",
            f"Enrolled by the care managers, devices shipped by the vendor. Target is {rng.randint(40, 120)} patients by end of quarter.\n\n",
            "h2. Roster\n",
            "||#||MRN||Patient||DOB||Cell||PCP||Enrolled||Notes||\n", rows,
            "\nh2. Open items\n", "* vendor portal access for ", docs[0].n("jira"), "\n* consent form v", f"{rng.randint(2, 5)}", " still not in media tab\n"]


def t_conf_md_member_escalations(rng):
    org = dict(name="Keystone Mutual", domain="keystonemutual.com", code="KMH", facs=["Keystone Mutual"])
    a, e = staff_list(rng, org, 2, ["admin", "admin"])
    owners = staff_list(rng, org, 3, ["admin", "rn", "admin"])
    t = recent(rng)
    pts = cohort(rng, rng.randint(4, 6), old_share=0.2, min_age=25)
    issues = ["PA for MRI denied, provider resubmitted", "ID card never arrived", "claim denied as OON - ER visit", "wants to switch PCP",
              "billed for covered preventive visit", "pharmacy says coverage terminated", "grievance - wait time"]
    rows = []
    for p in pts:
        plan = rng.choice(["Gold PPO", "Silver HMO", "MA-PD", "Bronze EPO", "Medicaid MCO"])
        mid = P(fmt_mbi(p.mbi, True), "medicare_mbi") if plan == "MA-PD" else P(p.member, "health_plan_id")
        rows.append(["| ", mid, " | ", P(p.full() if rng.random() < 0.6 else p.lf()), " | ", P(fd(p.dob, rng.choice(["iso", "us"])), "date"), " | ",
                     plan, " | ", P(fmt_phone(p.phone, rng.choice(PHONE_STYLES)), "phone"), " | ", rng.choice(issues), " | ",
                     rng.choice(owners).n("at"), " |\n"])
    return [conf_head(rng, f"Member escalations - week of {MON[t.month - 1]} {t.day}", a, e, t, space="Member Services"),
            "Escalations from the call center that need a callback within 2 business days. Move rows to *Closed* when done.\n\n",
            "## Open\n\n", "| Member ID | Member | DOB | Plan | Callback | Issue | Owner |\n", "|---|---|---|---|---|---|---|\n", rows,
            "\n## Notes\n\n", f"- Call center line for members is {rng.choice(PAYERS)[1]} (not for callbacks).\n",
            "- Anything involving an appeal goes to the appeals queue, not here.\n"]


def t_conf_html_census(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "rn"])
    docs = staff_list(rng, org, 3, ["md", "md", "md"])
    t = recent(rng)
    unit = rng.choice(["5 West", "6 North", "Telemetry", "Ortho/Neuro", "MICU step-down"])
    pts = cohort(rng, region=True, n=rng.randint(4, 6), old_share=0.45)
    rows = []
    for p in pts:
        adm = t.date() - dt.timedelta(days=rng.randint(0, 9))
        dx = rng.choice(DX)
        rows.append(["<tr><td>", f"{rng.randint(501, 540)}{rng.choice('AB')}", "</td><td>", P(p.LF()), "</td><td>", age_items(p.age), "</td><td>",
                     p.sex, "</td><td>", P(fd(adm, "us"), "date"), "</td><td>", rng.choice(docs).n("last"), "</td><td>", D(dx[2], "condition"),
                     "</td><td>", rng.choice(["Home", "SNF", "Home w/ VNA", "Rehab", "TBD"]), "</td></tr>\n"])
    return [conf_head(rng, f"{unit} daily census and discharge planning", a, e, t),
            "Pasted from the census report each morning before huddle (8:30). Expected discharges in bold on the board.\n\n",
            "<table>\n<thead><tr><th>Bed</th><th>Patient</th><th>Age</th><th>Sex</th><th>Admit</th><th>Attending</th><th>Problem</th><th>Dispo</th></tr></thead>\n<tbody>\n",
            rows, "</tbody>\n</table>\n\n", "Case management: ", a.n(), " (", D("x" + str(rng.randint(2000, 7999)), "staff_contact"), ")\n"]


def t_conf_excel_paste(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["admin", "admin"])
    docs = staff_list(rng, org, 2, ["md", "np"])
    t = recent(rng)
    pts = cohort(rng, region=True, n=rng.randint(4, 6), old_share=0.2)
    rows = []
    for p in pts:
        ap = dt.datetime.combine(t.date() + dt.timedelta(days=rng.randint(1, 14)), dt.time(rng.randint(8, 16), rng.choice([0, 20, 40])))
        rows.append([P(p.lf()), "\t", P(fd(p.dob, "us_np"), "date"), "\t", P(p.mrn, "mrn"), "\t", P(fd(ap.date(), "us_np"), "date"), f" {ap:%I:%M %p}",
                     "\t", rng.choice(docs).n("lf"), "\t", P(fmt_phone(p.phone, rng.choice(["paren", "dash"])), "phone"), "\t",
                     rng.choice(["Confirmed", "Left msg", "Needs reschedule", "Wrong number"]), "\n"])
    return [conf_head(rng, "Provider leave - appointments to reschedule", a, e, t, space="Patient Access"),
            docs[0].n("dr"), f" is out {t + dt.timedelta(days=3):%m/%d} - {t + dt.timedelta(days=17):%m/%d}. Pasted from the Cadence report (Excel), ",
            "call scripts are on the parent page.\n\n",
            "Patient Name\tDOB\tMRN\tAppt Date\tProvider\tHome Phone\tStatus\n", rows,
            "\nWhen rescheduling, offer telehealth first. Update the Status column here AND in the report.\n"]


def t_conf_storage_xhtml(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "rn"])
    cm = staff_list(rng, org, 2, ["rn", "rn"])
    t = recent(rng)
    pts = cohort(rng, rng.randint(3, 5), old_share=0.35)
    rows = []
    for p in pts:
        dis = t.date() - dt.timedelta(days=rng.randint(1, 6))
        who = rng.choice(cm)
        rows.append(["<tr><td><p>", P(p.full()), "</p></td><td><p>", P(p.mrn, "mrn"), "</p></td><td><p>", P(fd(dis, "iso"), "date"), "</p></td>",
                     "<td><p>", P(fmt_phone(p.phone, "dash"), "phone"), "</p></td><td><p><ac:link><ri:user ri:username=\"", D(who.handle, "person_name"),
                     "\" /></ac:link></p></td><td><p>", rng.choice(["48h call done", "no answer", "readmitted", "pending"]), "</p></td></tr>\n"])
    return [conf_head(rng, "Post-discharge 48-hour calls (storage format)", a, e, t),
            "<ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\" ac:macro-id=\"", uuid4(rng), "\"><ac:rich-text-body>",
            "<p>Copied from the page source so the table survives the migration. Discharge date is the date of discharge, not the call.</p>",
            "</ac:rich-text-body></ac:structured-macro>\n",
            "<table data-layout=\"default\" ac:local-id=\"", uuid4(rng), "\"><colgroup><col /><col /><col /><col /><col /><col /></colgroup><tbody>\n",
            "<tr><th><p>Patient</p></th><th><p>MRN</p></th><th><p>Discharged</p></th><th><p>Phone</p></th><th><p>Owner</p></th><th><p>Status</p></th></tr>\n",
            rows, "</tbody></table>\n"]


def t_conf_dq_findings(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    pts = cohort(rng, 3, old_share=0.1)
    p1, p2, p3 = pts
    bad_zip = p2.addr.zip[1:] if p2.addr.zip.startswith("0") else p2.addr.zip[:4]
    zip_cause = "leading zero lost in Excel export" if p2.addr.zip.startswith("0") else "truncated to 4 characters by the loader"
    rows = [
        ["|", P(p1.mrn, "mrn"), "|PID-13 home phone|", P(fmt_phone(p1.phone, "paren"), "phone"), "|", P(p1.phone, "phone"), "|formatting stripped|\n"],
        ["|", P(p2.mrn, "mrn"), "|PID-11.5 ZIP|", P(p2.addr.zip, "zip_code"), "|", P(bad_zip, "zip_code"), "|", zip_cause, "|\n"],
        ["|", P(p3.mrn, "mrn"), "|PID-7 DOB|", P(fd(p3.dob, "hl7"), "date"), "|", P(fd(p3.dob, "us_short"), "date"), "|two-digit year|\n"],
        ["|", P(p1.mrn, "mrn"), "|PID-5 name|", P(p1.hl7(True)), "|", P(p1.LF()), "|middle initial dropped|\n"],
    ]
    return [conf_head(rng, f"Data quality review - warehouse load {t:%Y-%m-%d}", a, e, t, space="Data & Analytics"),
            f"Sample of mismatches between the source ADT feed and the warehouse PATIENT_DIM after the {rng.randint(2, 9)}.{rng.randint(0, 9)} ETL release. ",
            f"Total mismatched rows: {rng.randint(200, 9000)} of {rng.randint(300000, 900000)}.\n\n",
            "||MRN||Field||Source||Warehouse||Cause||\n", rows,
            "\nh3. Fix\n", f"* ZIP columns to VARCHAR(10) ({jira_key(rng, 'DATA')})\n", "* stop round-tripping through CSV for the DOB column\n"]


def t_conf_mpi_migration(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["admin", "it"])
    t = recent(rng)
    pts = cohort(rng, rng.randint(4, 6), old_share=0.15)
    rows = []
    for p in pts:
        legacy = f"{rng.choice(['M', 'L', '0'])}{rng.randint(100000, 999999)}"
        st = rng.choice(["merged", "linked", "needs review", "merged", "split"])
        rows.append(["| ", P(legacy, "mrn"), " | ", P(p.mrn, "mrn"), " | ", P(p.LF()), " | ", P(fd(p.dob, "us"), "date"), " | ",
                     P(p.addr.zip, "zip_code"), " | ", st, " |\n"])
    return [conf_head(rng, f"{rng.choice(['Meditech', 'Allscripts', 'NextGen'])} to Epic MPI crosswalk - exceptions", a, e, t, space="Epic Conversion"),
            "Records the matching job could not auto-resolve (score 0.80-0.92). HIM reviews each row; do not merge from this list.\n\n",
            "| Legacy MRN | Epic MRN | Name | DOB | ZIP | Status |\n|---|---|---|---|---|---|\n", rows,
            "\nMatching weights: last name 0.25, DOB 0.30, SSN 0.30, ZIP 0.15. Run id ", uuid4(rng), ".\n"]


def t_conf_outage_callbacks(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "admin"])
    callers = staff_list(rng, org, 2, ["rn", "rn"])
    t = recent(rng)
    pts = cohort(rng, region=True, n=rng.randint(4, 5), old_share=0.3)
    items = []
    for p in pts:
        calld = t.date() + dt.timedelta(days=rng.randint(0, 2))
        mode = rng.random()
        if mode < 0.35:
            rel = relative(rng, p)
            contact = [" - spoke with ", p.her, " ", rel.rel, " ", P(rel.full()), " at ", P(fmt_phone(rel.phone, rng.choice(PHONE_STYLES)), "phone")]
        else:
            contact = [" - ", P(fmt_phone(p.phone, rng.choice(PHONE_STYLES)), "phone")]
        items.append(["* ", P(p.full(rng.random() < 0.3)), " (MRN ", P(p.mrn, "mrn"), ", DOB ", P(fd(p.dob, rng.choice(DOB_STYLES)), "date"), ")",
                      contact, "; called ", D(fd(calld, "us_np"), "date"), " by ", rng.choice(callers).n(), "\n"])
    return [conf_head(rng, f"Lab interface outage {t:%m/%d} - patients needing result callbacks", a, e, t),
            "{panel:title=What happened}", f"Results from the reference lab queued from {t:%H}:00 to {(t + dt.timedelta(hours=5)):%H}:00. ",
            "Critical values were phoned to the ordering offices, but these patients were told they would get a call.{panel}\n\n",
            "h3. Call list\n", items,
            "\nScript: identify yourself, verify name and DOB, tell them results are available in the portal.\n"]


def t_conf_implant_registry(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "admin"])
    surgs = staff_list(rng, org, 2, ["md", "md"])
    t = recent(rng)
    pts = cohort(rng, rng.randint(3, 5), old_share=0.3, min_age=50)
    dev = rng.choice([("Dual-chamber pacemaker", "CRM"), ("Implantable loop recorder", "CRM"), ("Total knee tibial component", "Ortho"),
                      ("Cochlear implant", "ENT"), ("Insulin pump", "Endo")])
    rows = []
    for p in pts:
        imp = t.date() - dt.timedelta(days=rng.randint(30, 900))
        gtin, udi, serial = make_udi(rng, imp + dt.timedelta(days=900))
        rows.append(["|", P(p.lf()), "|", P(p.mrn, "mrn"), "|", P(fd(imp, "us"), "date"), "|", rng.choice(surgs).n("last"), "|",
                     P(udi, "device_id"), "|", P(serial, "device_id"), "|\n"])
    return [conf_head(rng, f"{dev[0]} recall - affected patients", a, e, t, space="Quality & Safety"),
            f"Manufacturer advisory received {t - dt.timedelta(days=rng.randint(1, 6)):%m/%d}. Serial range per the advisory letter; these are our patients in range.\n\n",
            "||Patient||MRN||Implant date||Surgeon||UDI (as scanned)||Serial||\n", rows,
            "\nNext steps: ", dev[1], " clinic to schedule device checks within 30 days. ", e.n("jira"), " owns the patient letters.\n"]


def t_conf_portal_lockouts(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    pts = cohort(rng, rng.randint(3, 5), old_share=0.2)
    rows = []
    host = f"mychart.{org['domain']}"
    for p in pts:
        pid_ = f"{rng.randint(10 ** 7, 10 ** 8 - 1)}"
        url = rng.choice([f"https://{host}/MyChart/Patient/{pid_}/Account", f"https://{host}/app/patients/{pid_}/proxy-access",
                          f"https://{host}/MyChart/Authentication/Login?acct={pid_}"])
        rows.append(["| ", P(p.full()), " | ", P(p.email, "email"), " | ", P(make_public_ip(rng), "ip_address"), " | ", P(url, "url"), " | ",
                     rng.choice(["MFA loop", "locked after 5 tries", "proxy expired", "email changed"]), " |\n"])
    return [conf_head(rng, f"Portal lockouts after the {t:%B} MFA change", a, e, t, space="Digital Front Door"),
            "Accounts the help desk could not unlock with the standard script. IP is the last failed login from the audit log.\n\n",
            "| Patient | Login email | Last IP | Account link | Problem |\n|---|---|---|---|---|\n", rows,
            f"\nVendor case {rng.randint(10 ** 6, 10 ** 7 - 1)} is open for the MFA loop. Auth servers ", make_server_ip(rng), " and ",
            make_server_ip(rng), " were restarted at ", f"{t:%H:%M}", ".\n"]


def t_conf_dialysis_transport(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["admin", "rn"])
    t = recent(rng)
    pts = cohort(rng, region=True, n=rng.randint(4, 5), old_share=0.3, min_age=40)
    rows = []
    for p in pts:
        rows.append(["| ", P(p.full()), " | ", rng.choice(["MWF", "TTS"]), f" {rng.choice(['05:45', '06:30', '10:45', '11:30', '15:15'])} | ",
                     p.addr.inline(joined=rng.random() < 0.5), " | ", P(fmt_phone(p.cell, rng.choice(PHONE_STYLES)), "phone"), " | ",
                     rng.choice(["ambulatory", "wheelchair", "stretcher", "walker"]), " |\n"])
    return [conf_head(rng, f"{rng.choice([f for f in org['facs']])} - transport schedule", a, e, t, space="Dialysis"),
            "Standing rides with the transport vendor. Changes must be called in 48h ahead.\n\n",
            "| Patient | Chair | Pickup address | Phone | Mobility |\n|---|---|---|---|---|\n", rows,
            "\nVendor dispatch: ", rng.choice(["Medi-Ride", "CareCar", "RideWell"]), " (business line, not for patients).\n"]


def t_conf_huddle_high_risk(rng):
    org = org_of(rng)
    a, e = staff_list(rng, org, 2, ["rn", "rn"])
    att = staff_list(rng, org, 4, ["md", "rn", "rn", "admin"])
    t = recent(rng)
    pts = cohort(rng, region=True, n=3, old_share=0.7, min_age=60)
    rows = []
    for p in pts:
        rel = relative(rng, p)
        dx = rng.choice(DX)
        rows.append(["|", P(p.full()), "|", age_pred(rng, p.age), "|", D(dx[2], "condition"), "|",
                     rel.rel, " ", P(rel.given), " ", P(fmt_phone(rel.phone, rng.choice(PHONE_STYLES)), "phone"), "|",
                     rng.choice(["home visit this week", "med rec by pharmacy", "SW referral", "palliative consult offered"]), "|\n"])
    return [conf_head(rng, f"Care coordination huddle {t:%m/%d/%Y}", a, e, t, space="Care Management"),
            "*Attendees:* ", J(", ", [s.n() for s in att]), "\n", "*Bridge:* ", f"1-877-{rng.randint(200, 899)}-{rng.randint(1000, 9999)}",
            f" passcode {rng.randint(100000, 999999)}#\n\n",
            "h3. High-risk patients\n", "||Patient||Age||Main problem||Family contact||Plan||\n", rows,
            "\nh3. Action items\n", "* ", att[1].n("jira"), " send updated list to the SNF liaison\n"]


# ----------------------------------------------------------------------------------------
# PHI family: support_ticket
# ----------------------------------------------------------------------------------------

def t_tkt_zendesk_portal(rng):
    org = org_of(rng)
    agent, t2 = staff_list(rng, org, 2, ["admin", "it"])
    pt = patient(rng, culture=maybe_native(rng))
    t = recent(rng)
    tid = rng.randint(20000, 99999)
    host = f"mychart.{org['domain']}"
    url = f"https://{host}/MyChart/Patient/{rng.randint(10 ** 7, 10 ** 8 - 1)}/Security"
    ip = make_public_ip(rng)
    return [f"#{tid} ", rng.choice(["Can't log into MyChart after password reset", "Locked out of patient portal", "Portal says my account is disabled"]), "\n",
            "Requester: ", P(pt.native() if pt.has_native else pt.full()), " <", P(pt.email, "email"), ">\n",
            "Assignee: Patient Portal Support / ", agent.n(), "\n",
            f"Status: Open   Priority: Normal   Type: Problem   Channel: Web form\n",
            f"Created: {MON[t.month - 1]} {t.day}, {t.year} {t:%H:%M}\nTags: portal login mfa\n\n",
            "---\n", P(pt.given), f" ({t:%b %d %H:%M})\n",
            "Hi, I reset my password ", rng.choice(["yesterday", "this morning", "last night"]), " and now it keeps saying my account is locked. ",
            "My date of birth is ", P(fd(pt.dob, rng.choice(["us_np", "long", "us_short", "us"])), "date"), " and my phone is ",
            P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), " if you need to verify. Thank you\n",
            P(pt.full()), "\n\n",
            "---\n", agent.n(), " (internal note)\n",
            "Verified name/DOB/phone. Audit log shows 6 failed logins from ", P(ip, "ip_address"), " then lock. Account page: ", P(url, "url"),
            ". Unlocked and sent reset link.\n\n",
            "---\n", agent.n(), "\n",
            "Hi ", P(pt.given), ", your account is unlocked. Please use the link we just emailed to set a new password. ",
            "If it happens again reply here.\n\n", agent.n(), "\nPatient Portal Support | ", org["name"], "\n"]


def t_tkt_servicenow_incident(rng):
    org = org_of(rng)
    caller, opener, asg = staff_list(rng, org, 3, ["rn", "admin", "it"])
    pcp, wrong = staff_list(rng, org, 2, ["md", "md"])
    pt = patient(rng, old=rng.random() < 0.3)
    t = recent(rng)
    inc = f"INC{rng.randint(10 ** 6, 10 ** 7 - 1):07d}"
    notes_t = t + dt.timedelta(hours=rng.randint(1, 5), minutes=rng.randint(0, 59))
    return [f"Number: {inc}\n", "Caller: ", caller.n(), "\n", "Category: Clinical Applications    Subcategory: EHR\n",
            f"Configuration item: Epic Hyperspace PRD\nImpact: 3 - Low    Urgency: 2 - Medium    Priority: 4\n",
            f"Opened: {t:%Y-%m-%d %H:%M:%S}    Opened by: ", opener.n(), "\n", "Assignment group: EHR Ambulatory    Assigned to: ", asg.n(), "\n",
            "Short description: Wrong PCP showing on patient header\n\n",
            "Description:\n", "Patient ", P(pt.lf(True)), " (MRN ", P(pt.mrn, "mrn"), ", DOB ", P(fd(pt.dob, rng.choice(["us", "iso", "mon"])), "date"),
            ") shows PCP ", wrong.n("dr"), " in the header but ", pt.her, " PCP is ", pcp.n("dr"), " since ",
            f"{MONTHS[(t.month + 6) % 12]}", ". Care team tab is correct. Patient ",
            ["(", age_pred(rng, pt.age), ") "] if pt.age >= 90 else "", "got a letter from the wrong office. Callback for the clinic: ", caller.phone_s("dash"), " ext ", D(caller.ext, "staff_contact"), "\n\n",
            "Work notes:\n", f"{notes_t:%Y-%m-%d %H:%M:%S} - ", asg.n(), " (Work notes)\n",
            "Header reads from the PCP field on the registration, care team reads from the relationship table. Registration still has the old PCP. ",
            "Updated registration, header now correct. Letters come from the outreach list which refreshes nightly.\n\n",
            f"{notes_t + dt.timedelta(minutes=37):%Y-%m-%d %H:%M:%S} - ", asg.n(), " (Additional comments)\n",
            "Fixed - please have the patient disregard the letter. Resolving.\n"]


def t_tkt_freshdesk_billing(rng):
    org = org_of(rng)
    agent = Staff(rng, org, "admin")
    pt = patient(rng, min_age=25, max_age=80)
    t = recent(rng)
    svc = t.date() - dt.timedelta(days=rng.randint(20, 120))
    brand, card = make_card(rng)
    amt = f"{rng.randint(40, 900)}.{rng.randint(0, 99):02d}"
    claim = make_claim(rng)
    payer = rng.choice(PAYERS)[0]
    cpt = rng.choice(CPT)
    return [f"Ticket {rng.randint(100000, 999999)} | Billing - Disputed charge\n",
            "Contact: ", P(pt.full()), " | ", P(pt.email, "email"), " | ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), "\n",
            f"Group: Patient Financial Services   Agent: ", agent.n(), "\nStatus: Pending   Source: Email\n\n",
            "Customer wrote:\n",
            "> I was charged $", amt, " for my visit on ", P(fd(svc, rng.choice(["us_np", "long", "mon"])), "date"),
            " but my insurance (", payer, ") should have paid it. I already paid with my card ending in ", D(card[-4:], "credit_card"),
            " because I didn't want it to go to collections. My account number is ", P(pt.acct, "account_number"), ". Please refund.\n\n",
            "Private note (", agent.n(), "):\n",
            "Claim ", P(claim, "other_id"), " denied CO-", str(rng.choice([16, 22, 27, 197])), " for CPT ", D(cpt[0], "procedure_code"),
            ", we resubmitted with corrected COB ", D(f"{t:%m/%d}", "date"), ". Payment was taken over the phone, full card number was typed into the payment note by mistake: ",
            P(fmt_card(card, rng.choice(["space", "dash", "plain"])), "credit_card"), " - need the note redacted in the billing system too.\n\n",
            "Reply (", agent.n(), "):\n", "Hi ", P(pt.given), ", thanks for your patience. We resubmitted the claim to ", payer,
            ". Once it pays we'll refund the $", amt, " to the same card within 7-10 business days.\n"]


def t_tkt_jsm_form(rng):
    org = org_of(rng)
    req, agent = staff_list(rng, org, 2, ["admin", "admin"])
    pt = patient(rng)
    t = recent(rng)
    key = jira_key(rng, rng.choice(["HIMSD", "PASD", "EHRSD"]))
    field = rng.choice(["date of birth", "legal name", "address", "phone"])
    newp = Person(rng, culture=pt.ckey, sex=pt.sex)
    if field == "date of birth":
        cur, cor = P(fd(pt.dob, "us"), "date"), P(fd(pt.dob.replace(day=min(28, pt.dob.day % 28 + 1)), "us"), "date")
    elif field == "legal name":
        cur, cor = P(pt.full()), P(f"{pt.given} {newp.family}")
    elif field == "address":
        cur, cor = pt.addr.inline(), newp.addr.inline(joined=True)
    else:
        cur, cor = P(fmt_phone(pt.phone, "dash"), "phone"), P(fmt_phone(pt.cell, "dash"), "phone")
    return [f"{key}  Patient record correction\n", "Raised by ", req.n(), " via portal  |  Assignee: ", agent.n(), "  |  Status: Waiting for support\n",
            f"Created {t:%d/%b/%y %I:%M %p}\n\n",
            "Patient Name: ", P(pt.full(rng.random() < 0.5)), "\n",
            rng.choice(["Date of Birth - ", "D.O.B.: ", "DOB: ", "Birthdate: "]), P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n",
            "MRN #: ", P(pt.mrn, "mrn"), "\n",
            "Callback number: ", P(fmt_phone(pt.cell, "plain"), "phone"), "\n",
            f"What needs to change?: {field}\n", "Current value: ", cur, "\n", "Correct value: ", cor, "\n",
            "How was it verified?: ", rng.choice(["Photo ID at front desk", "Birth certificate scanned to media", "Patient called, verified 2 identifiers"]), "\n",
            "Urgency: ", rng.choice(["claims denying", "patient upset", "routine"]), "\n\n",
            "Comment from ", agent.n(), f" ({(t + dt.timedelta(hours=3)):%d/%b/%y}):\n",
            "Corrected in registration and sent to HIM for the legal record amendment. Closing.\n"]


def t_tkt_call_log_relative(rng):
    org = org_of(rng)
    agent, nurse = staff_list(rng, org, 2, ["admin", "rn"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.6, min_age=70)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son", "niece", "granddaughter", "grandson")]))
    t = recent(rng)
    cd = t.date()
    return [f"Case {rng.randint(10 ** 7, 10 ** 8 - 1)} - Phone call\n", f"Queue: Nurse Advice Line   Owner: ", nurse.n(), "\n",
            f"Opened: {t:%m/%d/%Y %I:%M %p}\n\n",
            "Call note (", agent.n(), "):\n",
            "Caller is ", pt.her, " ", rel.rel, ", ", P(rel.full()), ", calling from ", P(fmt_phone(rel.cell, rng.choice(PHONE_STYLES)), "phone"),
            ". Patient is ", P(pt.full()), ", ", age_pred(rng, pt.age),
            ", DOB ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), ". ", rel.rel.capitalize(), " is on the HIPAA release form. ",
            "Reports the patient has been more confused since starting ",
            D(rng.choice(HOME_MEDS)[0], "medication"), " last week, no falls, eating ok. Warm transferred to nurse line.\n\n",
            "Nurse note (", nurse.n("cred"), "):\n",
            "Spoke with ", P(rel.given), ". Advised to hold the new med tonight; message sent to ", doc.n("dr"),
            ". Will call back at ", P(fmt_phone(rel.phone, "dash"), "phone"),
            f" by {rng.choice(['4pm', '5pm', 'noon'])} (call of ", D(f"{cd:%m/%d}", "date"), ").\n"]


def t_tkt_records_request(rng):
    org = org_of(rng)
    spec = Staff(rng, org, "admin")
    pt = patient(rng, min_age=25)
    t = recent(rng)
    dl = make_dl(rng, pt.addr.state)
    since = t.date() - dt.timedelta(days=rng.randint(200, 1400))
    return [f"ROI-{t.year}-{rng.randint(1000, 9999)}  Release of information - patient request\n",
            "Assigned: ", spec.n(), f"   Received: {t:%m/%d/%Y}   Due: {(t + dt.timedelta(days=30)):%m/%d/%Y}\n\n",
            "Requester (self): ", P(pt.lf()), "\n", "DOB: ", P(fd(pt.dob, "us"), "date"), "\n",
            "Mailing address:\n", pt.addr.two_lines(), "\n",
            "Phone: ", P(fmt_phone(pt.phone, "paren"), "phone"), "   Email: ", P(pt.email, "email"), "\n",
            "ID verified: ", D(STATE_NAMES[pt.addr.state], "state"), " driver's license ", P(dl, "license_number"), ", copy scanned (", P("dl_front.jpg", "photo"), ")\n",
            "Records requested: office notes, labs and imaging reports from ", P(fd(since, "us"), "date"), " to present\n",
            "Delivery: ", rng.choice(["encrypted email", "paper, mailed", "CD pickup"]), "\n\n",
            "Notes:\n", "- signature on the authorization matches ID\n", "- fee waived (patient copy)\n",
            "- ", spec.n(), " ", D(f"{t + dt.timedelta(days=2):%m/%d}", "date"), ": pulled ", str(rng.randint(40, 400)), " pages, QA pending\n"]


def t_tkt_duplicate_chart(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["rn", "admin"])
    pt = patient(rng)
    other = Person(rng, culture=pt.ckey, sex=pt.sex, age=pt.age)
    other.family = pt.family
    t = recent(rng)
    return [f"HIM-{rng.randint(1000, 9999)}: Possible duplicate / wrong patient - please review\n", "Reporter: ", rep.n(), "  Assignee: ", asg.n(), "\n",
            f"Created: {t:%Y-%m-%d %H:%M}\n\n",
            "Two charts with the same last name and close DOBs got mixed up at check-in; a result was filed to the wrong one.\n\n",
            "Chart A: ", P(pt.full(True)), ", MRN ", P(pt.mrn, "mrn"), ", DOB ", P(fd(pt.dob, "us"), "date"), ", ", pt.addr.inline(), "\n",
            "Chart B: ", P(other.full(True)), ", MRN ", P(other.mrn, "mrn"), ", DOB ", P(fd(other.dob, "us"), "date"), ", ", other.addr.inline(), "\n\n",
            "Result that belongs on A but filed on B: ", rng.choice(["CBC", "BMP", "chest x-ray report", "A1c"]), " collected ",
            P(fd(t.date() - dt.timedelta(days=rng.randint(1, 4)), "us_np"), "date"), ". These are different people (different SSNs: A ends ",
            D(pt.ssn[-4:], "ssn"), ", B ends ", D(other.ssn[-4:], "ssn"), "), do NOT merge.\n\n",
            "Comment (", asg.n(), "): moved the result, sent correction notice to the ordering provider, added a name alert to both charts.\n"]


def t_tkt_device_replacement(rng):
    org = org_of(rng)
    agent = Staff(rng, org, "admin")
    doc = Staff(rng, org, "md")
    pt = patient(rng, min_age=30)
    t = recent(rng)
    dev = rng.choice(["CPAP", "insulin pump", "continuous glucose monitor receiver", "home oxygen concentrator", "wearable defibrillator"])
    serial = make_serial(rng)
    return [f"Request #{rng.randint(100000, 999999)} - DME replacement ({dev})\n", "Owner: ", agent.n(), f"   Status: In progress   Opened {t:%b %d, %Y}\n\n",
            "Patient: ", P(pt.full()), "\n", "DOB: ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n", "Member ID: ", P(pt.member, "health_plan_id"), "\n",
            f"Device: {dev}, serial ", P(serial, "device_id"), "\n", "Problem: ", rng.choice(["alarm error E-04 repeatedly", "will not power on", "cracked screen", "water damage"]), "\n",
            "Ordering provider: ", doc.n("dr"), " (NPI ", D(doc.npi, "npi"), ")\n\n",
            "Ship replacement to:\n", P(pt.full()), "\n", pt.addr.two_lines(), "\n", "Best number: ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "Vendor confirmed warranty, RMA ", f"RMA-{rng.randint(10 ** 5, 10 ** 6 - 1)}", ". Old unit to be returned in the prepaid box.\n"]


def t_tkt_valet_vehicle(rng):
    org = org_of(rng)
    agent, sec = staff_list(rng, org, 2, ["admin", "admin"])
    pt = patient(rng, min_age=30)
    t = recent(rng)
    vin = make_vin(rng)
    plate = make_plate(rng)
    car = rng.choice(["2019 Honda CR-V, gray", "2021 Toyota Camry, white", "2016 Ford F-150, black", "2022 Kia Sorento, blue", "2018 Subaru Outback, green"])
    return [f"Guest Services ticket GS-{rng.randint(1000, 9999)}\n", "Category: Parking / valet damage claim\n", "Assigned to: ", agent.n(), "\n",
            f"Logged: {t:%m/%d/%Y %H:%M}\n\n",
            "Patient ", P(pt.full()), " (", P(pt.mrn, "mrn"), ") reports a scrape on the rear bumper after valet at the ",
            D(rng.choice(org["facs"]), "facility"), " garage during ", pt.her, " infusion appointment.\n",
            "Vehicle: ", car, "\n", "Plate: ", P(plate, "vehicle_id"), " (", D(pt.addr.state, "state"), ")\n", "VIN: ", P(vin, "vehicle_id"), "\n",
            "Contact: ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "Security (", sec.n(), "): pulled camera P2-", str(rng.randint(1, 30)), " for ", f"{t:%H}", ":00-", f"{(t + dt.timedelta(hours=2)):%H}",
            ":00, damage visible on arrival photos. Forwarded to risk management.\n"]


def t_tkt_pharmacy_refill(rng):
    org = org_of(rng)
    agent, rph = staff_list(rng, org, 2, ["admin", "rn"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.25)
    t = recent(rng)
    med = rng.choice(HOME_MEDS)
    rx = f"{rng.randint(10 ** 6, 10 ** 7 - 1)}"
    return [f"Pharmacy ticket {rng.randint(10 ** 5, 10 ** 6 - 1)} - refill not received\n", "Queue: Outpatient Pharmacy   Owner: ", rph.n(), "\n\n",
            "From: ", P(pt.full()), "\n", "D.O.B. ", P(fd(pt.dob, "dot" if rng.random() < 0.3 else "us"), "date"), "   Tel ", P(fmt_phone(pt.phone, "intl"), "phone"), "\n",
            "Message: I requested a refill of my ", D(med[0], "medication"), " on the app ", rng.choice(["5 days ago", "last Monday", "a week ago"]),
            " and it still says pending. I have ", str(rng.randint(1, 3)), " pills left. Rx ", D(rx, "order_number"), ".\n\n",
            "Internal (", agent.n(), "): refill request routed to ", doc.n("dr"), "'s pool but the pool owner is on leave. Re-routed to covering provider. ",
            "Patient ", ["is ", age_pred(rng, pt.age), ", "] if pt.age >= 90 else "", "prefers pickup at the ", D(rng.choice(org["facs"]), "facility"), " pharmacy.\n",
            "Internal (", rph.n(), "): approved ", D(f"{(t + dt.timedelta(hours=4)):%m/%d %H:%M}", "date"), ", ready for pickup, left voicemail.\n"]


def t_tkt_death_record(rng):
    org = org_of(rng)
    rep, asg = staff_list(rng, org, 2, ["admin", "admin"])
    pt = patient(rng, old=rng.random() < 0.5, min_age=55)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son", "wife", "husband")]))
    t = recent(rng)
    dod = t.date() - dt.timedelta(days=rng.randint(5, 40))
    me = f"ME-{dod.year % 100:02d}-{rng.randint(1000, 9999)}"
    return [f"HIM request {rng.randint(10 ** 4, 10 ** 5 - 1)}: Deceased patient still receiving reminders\n", "Requested by: ", rep.n(), "   Assigned: ", asg.n(), "\n\n",
            "The family of ", P(pt.full()), " (MRN ", P(pt.mrn, "mrn"), ") called upset because ", pt.she, " is still getting appointment reminders. ",
            "Patient died ", P(fd(dod, rng.choice(["us", "long", "dmy_mon"])), "date"), " at home", ["" if pt.age < 90 else [" at age ", P(str(pt.age), "age_over_89")]],
            ". Medical examiner case ", P(me, "other_id"), ".\n",
            "Caller: ", pt.her, " ", rel.rel, " ", P(rel.full()), ", ", P(fmt_phone(rel.phone, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "Action: set patient status to deceased with date of death, cancel future appointments, stop MyChart and outreach. ",
            "Condolence letter to ", P(rel.given), " at ", rel.addr.inline(), ".\n"]


def t_tkt_spanish_caller(rng):
    org = org_of(rng)
    agent = Staff(rng, org, "admin")
    pt = patient(rng, culture=rng.choice(["mexican", "puerto_rican", "dominican", "colombian", "cuban"]))
    rel = relative(rng, pt)
    t = recent(rng)
    svc = t.date() - dt.timedelta(days=rng.randint(10, 80))
    return [f"Ticket {rng.randint(10 ** 5, 10 ** 6 - 1)} - Llamada en español / Spanish-language call\n", "Agent: ", agent.n(), f"   Language line used: yes   {t:%m/%d/%Y}\n\n",
            "Resumen (agent's notes, Spanish then English):\n",
            "La Sra./el Sr. ", P(pt.full()), " llamó porque recibió una factura por la visita del ", P(fd(svc, "dmy" if rng.random() < 0.5 else "us"), "date"),
            ". Fecha de nacimiento: ", P(fd(pt.dob, rng.choice(["dot", "us", "iso"])), "date"), ". Su ", {"daughter": "hija", "son": "hijo", "wife": "esposa",
                                                                                                              "husband": "esposo", "sister": "hermana", "brother": "hermano",
                                                                                                              "granddaughter": "nieta", "grandson": "nieto",
                                                                                                              "niece": "sobrina", "mother": "madre"}[rel.rel], " ",
            P(rel.given), " ayuda con la traducción. Teléfono: ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), ".\n",
            "Dirección: ", pt.addr.inline(), "\n\n",
            "English: patient called about a bill for the visit above; insurance on file was expired. New Medicaid ID ", P(pt.member, "health_plan_id"),
            " given over the phone; updated coverage and sent claim back for rebill. Callback in Spanish requested.\n"]


# ----------------------------------------------------------------------------------------
# JSON emitters (leaves may be spans) and diffs
# ----------------------------------------------------------------------------------------

def jscalar(v):
    if isinstance(v, Sp):
        return ['"', v, '"']
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list) and v and v[0] == "__raw__":
        return v[1:]
    return json.dumps(v, ensure_ascii=False)


def RAW(*items):
    """An unquoted JSON scalar made of items (e.g. a number span)."""
    return ["__raw__", *items]


def jlines(obj, ind=0, key=None, comma=False, step=2):
    pad = " " * ind
    k = [json.dumps(key, ensure_ascii=False), ": "] if key is not None else []
    c = "," if comma else ""
    if isinstance(obj, dict):
        if not obj:
            return [[pad, k, "{}", c]]
        out = [[pad, k, "{"]]
        its = list(obj.items())
        for i, (kk, v) in enumerate(its):
            out += jlines(v, ind + step, kk, i < len(its) - 1, step)
        out.append([pad, "}", c])
        return out
    if isinstance(obj, list) and not (obj and obj[0] == "__raw__"):
        if not obj:
            return [[pad, k, "[]", c]]
        if all(not isinstance(x, (dict, list)) or (isinstance(x, list) and x and x[0] == "__raw__") for x in obj) and len(obj) <= 3:
            return [[pad, k, "[", J(", ", [jscalar(x) for x in obj]), "]", c]]
        out = [[pad, k, "["]]
        for i, v in enumerate(obj):
            out += jlines(v, ind + step, None, i < len(obj) - 1, step)
        out.append([pad, "]", c])
        return out
    return [[pad, k, jscalar(obj), c]]


def jcompact(obj):
    if isinstance(obj, dict):
        return ["{", J(",", [[json.dumps(k, ensure_ascii=False), ":", jcompact(v)] for k, v in obj.items()]), "}"]
    if isinstance(obj, list) and not (obj and obj[0] == "__raw__"):
        return ["[", J(",", [jcompact(v) for v in obj]), "]"]
    return jscalar(obj)


def diff_new(rng, path, rows):
    return [f"diff --git a/{path} b/{path}\n", "new file mode 100644\n", f"index 0000000..{hexs(rng, 7)}\n", "--- /dev/null\n", f"+++ b/{path}\n",
            f"@@ -0,0 +1,{len(rows)} @@\n", [["+", r, "\n"] for r in rows]]


def diff_mod(rng, path, start, rows):
    """rows: (tag, items) with tag in ' ', '-', '+'."""
    old = sum(1 for t, _ in rows if t != "+")
    new = sum(1 for t, _ in rows if t != "-")
    return [f"diff --git a/{path} b/{path}\n", f"index {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n", f"--- a/{path}\n", f"+++ b/{path}\n",
            f"@@ -{start},{old} +{start},{new} @@\n", [[t, r, "\n"] for t, r in rows]]


REPOS = ["clin/fhir-gateway", "int/fhir-facade", "digital/patient-api", "rcm/claims-fhir", "data/bulk-export", "clin/cds-services"]


def pr_head(rng, num, title, author, reviewers, t, branch, target="develop"):
    style = rng.choice(["bb", "server", "md"])
    repo = rng.choice(REPOS)
    if style == "bb":
        return [f"Pull request #{num}: {title}\n", f"{rng.choice(['OPEN', 'OPEN', 'MERGED'])}  ", author.n(), f" wants to merge {branch} into {target}\n",
                "Reviewers: ", J(", ", [r.n() for r in reviewers]), f"\nRepository: {repo}   Created {t:%Y-%m-%d %H:%M}\n\n"]
    if style == "server":
        return [author.n(), f" opened pull request #{num} in {repo.upper().replace('/', '/')}\n", f"{title}\n",
                f"{branch} -> {target}    {rng.randint(1, 6)} commits    {rng.randint(1, 5)} files\n", "Reviewers: ",
                J(", ", [[r.n(), " (", rng.choice(["approved", "needs work", "unapproved"]), ")"] for r in reviewers]), "\n\n"]
    return [f"### #{num} {title}\n\n", f"**Author:** ", author.n("at"), f"  \n**Branch:** `{branch}` → `{target}`  \n", "**Reviewers:** ",
            J(" ", [r.n("at") for r in reviewers]), f"  \n**Build:** #{rng.randint(1000, 9999)} passed ({hexs(rng, 12)})\n\n"]


def pr_comment(rng, who, t, body):
    return ["\n", who.n(), f" commented {rng.choice(['on line', 'on'])} {rng.randint(3, 60)} ({t:%b %d %H:%M}):\n> ", body, "\n"]


def fhir_patient(rng, pt, rid, ssn=None, email=None, unit_line=True, phone_style=None, extra_ids=True):
    idents = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
               "system": f"urn:oid:2.16.840.1.113883.3.{rng.randint(100, 9999)}.{rng.randint(1, 9)}", "value": P(pt.mrn, "mrn")}]
    if ssn if ssn is not None else rng.random() < 0.35:
        idents.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": P(pt.ssn, "ssn")})
    given = [P(pt.given)] + ([P(pt.mi)] if rng.random() < 0.4 else [])
    tel = [{"system": "phone", "value": P(fmt_phone(pt.phone, phone_style or rng.choice(["dash", "paren", "e164", "plain"])), "phone"), "use": "home"}]
    if rng.random() < 0.5:
        tel.append({"system": "phone", "value": P(fmt_phone(pt.cell, rng.choice(["dash", "paren"])), "phone"), "use": "mobile"})
    if email if email is not None else rng.random() < 0.5:
        tel.append({"system": "email", "value": P(pt.email, "email")})
    line = [P(pt.addr.street, "street_address")]
    if pt.addr.unit:
        line.append(P(pt.addr.unit, "street_address"))
    addr = {"use": "home", "line": line, "city": P(pt.addr.city, "street_address"), "state": D(pt.addr.state, "state"),
            "postalCode": P(pt.addr.zip, "zip_code"), "country": "US"}
    names = [{"use": "official", "family": P(pt.family), "given": given}]
    if pt.has_native and rng.random() < 0.7:
        names.append({"use": "usual", "text": P(pt.native())})
    return {"resourceType": "Patient", "id": D(rid, "internal_id"),
            "meta": {"versionId": str(rng.randint(1, 9)), "lastUpdated": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"},
            "identifier": idents, "active": True,
            "name": names,
            "telecom": tel, "gender": pt.gender, "birthDate": P(pt.dob.isoformat(), "date"), "address": [addr]}


def fid(rng):
    return rng.choice([lambda: str(rng.randint(1000, 99999)), lambda: uuid4(rng), lambda: f"pat-{rng.randint(100, 999)}",
                       lambda: f"e{hexs(rng, 8)}"])()


def fhir_ref_display(rid, name):
    return {"reference": ["__raw__", '"Patient/', D(rid, "internal_id"), '"'], "display": name}


# ----------------------------------------------------------------------------------------
# PHI family: bitbucket_fhir_diff
# ----------------------------------------------------------------------------------------

def t_fhir_patient_fixture(rng):
    org = org_of(rng)
    author, r1, r2 = staff_list(rng, org, 3, ["it", "it", "it"])
    pt = patient(rng, culture=maybe_native(rng))
    t = recent(rng)
    rid = fid(rng)
    path = f"src/test/resources/fixtures/patient/{rng.choice(['patient-001', 'pt_registration', 'valid-patient', 'demo'])}.json"
    rows = jlines(fhir_patient(rng, pt, rid))
    return [pr_head(rng, rng.randint(100, 2999), "Add Patient fixture for registration round-trip test", author, [r1, r2], t,
                    f"feature/{jira_key(rng, 'INTF')}-registration-roundtrip"),
            "Description: copied the Patient from the TST Epic instance so the round-trip test has realistic data (multiple telecoms, apartment line).\n\n",
            diff_new(rng, path, rows),
            pr_comment(rng, r2, t + dt.timedelta(hours=rng.randint(1, 30)),
                       ["TST is refreshed from prod. Is ", P(pt.full()), " a real patient? We can't commit this - please use synthetic data."]),
            ]


def t_fhir_coverage_bundle(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng, min_age=20, max_age=64, culture=maybe_native(rng))
    sub = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("wife", "husband", "mother")]))
    t = recent(rng)
    pid_, cid = fid(rng), fid(rng)
    payer = rng.choice([p for p in PAYERS if "Medicare" not in p[0]])[0]
    grp = f"{rng.randint(100000, 999999)}"
    cov = {"resourceType": "Coverage", "id": D(cid, "internal_id"), "status": "active",
           "subscriber": {"display": P(sub.full())}, "subscriberId": P(sub.member, "health_plan_id"),
           "beneficiary": fhir_ref_display(pid_, P(pt.full())), "dependent": "02",
           "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": "child" if sub.rel == "mother" else "spouse"}]},
           "period": {"start": D(f"{t.year}-01-01", "date"), "end": D(f"{t.year}-12-31", "date")},
           "payor": [{"display": payer}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": D(grp, "group_number"), "name": f"{org['name']} employees"}]}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": ["__raw__", '"urn:uuid:', uuid4(rng), '"'], "resource": fhir_patient(rng, pt, pid_)},
        {"fullUrl": ["__raw__", '"urn:uuid:', uuid4(rng), '"'], "resource": cov}]}
    path = f"fixtures/eligibility/{rng.choice(['dependent-coverage', 'coverage-bundle-02', 'spouse_plan'])}.json"
    return [pr_head(rng, rng.randint(100, 2999), "Eligibility: handle dependents whose subscriber is a spouse/parent", author, [r1], t,
                    f"bugfix/{jira_key(rng, 'REVCYC')}-dependent-subscriber"),
            "The 270 builder took subscriber info from the Patient. Now it reads Coverage.subscriber. Fixture is from the failing case in the ticket.\n\n",
            diff_new(rng, path, jlines(bundle))]


def t_fhir_encounter(rng):
    org = org_of(rng)
    author, r1, r2 = staff_list(rng, org, 3, ["it", "it", "it"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.3)
    t = recent(rng)
    pid_, eid = fid(rng), fid(rng)
    st = t - dt.timedelta(days=rng.randint(3, 20), hours=rng.randint(0, 12))
    en = st + dt.timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 9))
    dx = rng.choice(DX)
    enc = {"resourceType": "Encounter", "id": D(eid, "internal_id"), "status": "finished",
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP", "display": "inpatient encounter"},
           "identifier": [{"system": f"urn:oid:1.2.840.114350.1.13.{rng.randint(100, 999)}.2.7.3.698084.8", "value": P(make_visit(rng), "account_number")}],
           "subject": fhir_ref_display(pid_, P(pt.full())),
           "participant": [{"individual": {"display": D(f"{doc.name}, {doc.cred}", "person_name")}}],
           "period": {"start": P(st.strftime("%Y-%m-%dT%H:%M:%S-05:00"), "date"), "end": P(en.strftime("%Y-%m-%dT%H:%M:%S-05:00"), "date")},
           "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(dx[1], "diagnosis_code"), "display": D(dx[0], "condition")}]}],
           "hospitalization": {"dischargeDisposition": {"text": rng.choice(["Home", "Skilled nursing facility", "Home health"])}},
           "serviceProvider": {"display": D(rng.choice(org["facs"]), "facility")}}
    path = f"src/test/resources/encounters/{rng.choice(['inpatient-discharge', 'enc-finished', 'readmit-case'])}.json"
    return [pr_head(rng, rng.randint(100, 2999), "Readmission rule: use Encounter.period.end instead of meta.lastUpdated", author, [r1, r2], t,
                    f"feature/{jira_key(rng, 'CLINAPP')}-readmit-period"),
            diff_new(rng, path, jlines(enc)),
            pr_comment(rng, r1, t + dt.timedelta(hours=rng.randint(1, 20)),
                       ["nit: the period here spans ", P(fd(st.date(), "us_np"), "date"), " to ", P(fd(en.date(), "us_np"), "date"),
                        " - can we add a case that crosses midnight UTC too?"])]


def t_fhir_eob(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    doc = Staff(rng, org, "md")
    pt = patient(rng, min_age=66, max_age=99) if rng.random() < 0.5 else patient(rng)
    t = recent(rng)
    pid_ = fid(rng)
    svc = t.date() - dt.timedelta(days=rng.randint(15, 90))
    dx = rng.choice(DX)
    lines_ = rng.sample(CPT, 2)
    medicare = pt.age >= 65
    eob = {"resourceType": "ExplanationOfBenefit", "id": D(fid(rng), "internal_id"), "status": "active",
           "identifier": [{"system": "https://bluebutton.example/claim-id", "value": P(make_claim(rng), "other_id")}],
           "type": {"coding": [{"code": "professional"}]}, "use": "claim",
           "patient": fhir_ref_display(pid_, P(pt.full())),
           "billablePeriod": {"start": P(svc.isoformat(), "date"), "end": P(svc.isoformat(), "date")},
           "created": D(f"{(svc + dt.timedelta(days=rng.randint(3, 9))).isoformat()}T00:00:00Z", "date"),
           "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": D(doc.npi, "npi")}, "display": D(doc.name, "person_name")},
           "insurance": [{"focal": True, "coverage": {"identifier": {"value": P(fmt_mbi(pt.mbi, False), "medicare_mbi") if medicare else P(pt.member, "health_plan_id")}}}],
           "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": D(dx[1], "diagnosis_code")}]}}],
           "item": [{"sequence": i + 1, "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": D(c[0], "procedure_code")}]},
                     "servicedDate": P(svc.isoformat(), "date"), "net": {"value": round(rng.uniform(40, 600), 2), "currency": "USD"}} for i, c in enumerate(lines_)]}
    return [pr_head(rng, rng.randint(100, 2999), "EOB mapper: carry servicedDate per line", author, [r1], t, f"feature/{jira_key(rng, 'RCM')}-eob-lines"),
            diff_new(rng, f"tests/data/eob/{rng.choice(['professional_2lines', 'eob-medicare', 'eob_case_17'])}.json", jlines(eob))]


def t_fhir_observation(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng, old=rng.random() < 0.3)
    t = recent(rng)
    pid_ = fid(rng)
    eff = t - dt.timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 10))
    lab = rng.choice(LABS)
    obs = {"resourceType": "Observation", "id": D(fid(rng), "internal_id"), "status": "final",
           "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
           "code": {"coding": [{"system": "http://loinc.org", "code": lab[0], "display": lab[1]}]},
           "subject": fhir_ref_display(pid_, P(pt.full())),
           "effectiveDateTime": P(eff.strftime("%Y-%m-%dT%H:%M:00Z"), "date"),
           "issued": D((eff + dt.timedelta(hours=rng.randint(2, 8))).strftime("%Y-%m-%dT%H:%M:00Z"), "date"),
           "valueQuantity": {"value": round(rng.uniform(0.5, 150), 1), "unit": lab[2], "system": "http://unitsofmeasure.org"},
           "referenceRange": [{"text": lab[3]}]}
    old_v = round(rng.uniform(0.5, 150), 1)
    path = f"fixtures/observations/{lab[1].lower().replace(' ', '-')}.json"
    rows = jlines(obs)
    return [pr_head(rng, rng.randint(100, 2999), f"Fix {lab[1]} fixture: subject display and effective time", author, [r1], t,
                    f"fix/{jira_key(rng, 'LABIF')}-obs-fixture"),
            f"Old fixture had value {old_v} and no display; replaced with the one from the {org['code']} TST export.\n\n",
            diff_new(rng, path, rows)]


def t_fhir_ts_spec(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng)
    t = recent(rng)
    path = f"src/app/patient/{rng.choice(['patient-banner', 'demographics', 'header'])}.component.spec.ts"
    q = "'"
    esc = lambda s: s.replace("'", "\\'")
    rows = [
        ["import { Patient } from 'fhir/r4';"],
        ["import { formatBanner } from './patient-banner';"],
        [""],
        ["const patient: Patient = {"],
        ["  resourceType: 'Patient',"],
        ["  id: '", D(fid(rng), "internal_id"), "',"],
        ["  identifier: [{ system: 'urn:oid:1.2.3.4', value: '", P(pt.mrn, "mrn"), "' }],"],
        ["  name: [{ family: '", P(esc(pt.family)), "', given: ['", P(esc(pt.given)), "'] }],"],
        ["  birthDate: '", P(pt.dob.isoformat(), "date"), "',"],
        ["  telecom: [{ system: 'phone', value: '", P(fmt_phone(pt.phone, "paren"), "phone"), "' }],"],
        ["  address: [{ line: ['", P(pt.addr.street, "street_address"), "'], city: '", P(pt.addr.city, "street_address"), "', state: '",
         D(pt.addr.state, "state"), "', postalCode: '", P(pt.addr.zip, "zip_code"), "' }],"],
        ["};"],
        [""],
        ["describe('formatBanner', () => {"],
        ["  it('shows last, first and age', () => {"],
        ["    expect(formatBanner(patient, new Date('2026-12-01'))).toContain('", P(esc(ascii_fold(pt.family)).upper() + ", " + esc(ascii_fold(pt.given)).upper()), "');"],
        ["  });"],
        ["});"],
    ]
    return [pr_head(rng, rng.randint(100, 2999), "Patient banner: show preferred name and age", author, [r1], t, f"feature/{jira_key(rng, 'DIG')}-banner"),
            diff_new(rng, path, rows)]


def t_fhir_pytest(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng, old=rng.random() < 0.4)
    t = recent(rng)
    path = f"tests/{rng.choice(['test_age_rules', 'test_patient_mapper', 'test_demographics'])}.py"
    sq = lambda s: s.replace('"', '\\"')
    rows = [["import pytest"], ["from mapper.patient import to_fhir"], [""], [""], ["@pytest.fixture"], ["def epic_row():"],
            ["    return {"],
            ['        "PAT_MRN_ID": "', P(pt.mrn, "mrn"), '",'],
            ['        "PAT_NAME": "', P(sq(pt.LF())), '",'],
            ['        "BIRTH_DATE": "', P(fd(pt.dob, "us"), "date"), '",'],
            ['        "SSN": "', P(pt.ssn, "ssn"), '",'],
            ['        "ADD_LINE_1": "', P(pt.addr.street.upper(), "street_address"), '",'],
            ['        "CITY": "', P(pt.addr.city.upper(), "street_address"), '",'],
            ['        "STATE_C": "', D(pt.addr.state, "state"), '",'],
            ['        "ZIP": "', P(pt.addr.zip, "zip_code"), '",'],
            ['        "HOME_PHONE": "', P(fmt_phone(pt.phone, "dash"), "phone"), '",'],
            ["    }"], [""], [""],
            ["def test_birthdate_iso(epic_row):"],
            ['    assert to_fhir(epic_row)["birthDate"] == "', P(pt.dob.isoformat(), "date"), '"'],
            [""], [""],
            ["def test_age_over_89_flag(epic_row):"],
            ["    # patient is ", age_items(pt.age), " on the reference date"],
            ['    assert to_fhir(epic_row, as_of="2026-12-01")["extension"][0]["valueBoolean"] is ', "True" if pt.age >= 90 else "False"]]
    return [pr_head(rng, rng.randint(100, 2999), "Mapper: Clarity row -> FHIR Patient, with tests", author, [r1], t, f"feature/{jira_key(rng, 'DATA')}-clarity-mapper"),
            diff_new(rng, path, rows)]


def t_fhir_hapi_java(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng)
    t = recent(rng)
    jq = lambda s: s.replace('"', '\\"')
    rows = [["    @Test"], ["    void createsPatientWithHomeAddress() throws Exception {"],
            ["        Patient p = new Patient();"],
            ['        p.addIdentifier().setSystem(MRN_SYSTEM).setValue("', P(pt.mrn, "mrn"), '");'],
            ['        p.addName().setFamily("', P(jq(pt.family)), '").addGiven("', P(jq(pt.given)), '");'],
            ['        p.setBirthDateElement(new DateType("', P(pt.dob.isoformat(), "date"), '"));'],
            ['        p.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("', P(fmt_phone(pt.phone, "dash"), "phone"), '");'],
            ['        p.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("', P(pt.email, "email"), '");'],
            ['        p.addAddress().addLine("', P(pt.addr.street, "street_address"), '")',
             ('.addLine("', P(pt.addr.unit, "street_address"), '")') if pt.addr.unit else "", '.setCity("', P(pt.addr.city, "street_address"),
             '").setState("', D(pt.addr.state, "state"), '").setPostalCode("', P(pt.addr.zip, "zip_code"), '");'],
            ["        MethodOutcome out = client.create().resource(p).execute();"],
            ["        assertTrue(out.getCreated());"],
            ["    }"]]
    path = f"src/test/java/org/{org['code'].lower()}/fhir/PatientProviderIT.java"
    return [pr_head(rng, rng.randint(100, 2999), "IT for Patient create with address lines", author, [r1], t, f"feature/{jira_key(rng, 'INTF')}-patient-it"),
            diff_mod(rng, path, rng.randint(40, 200), [(" ", ["    }"]), (" ", [""])] + [("+", r) for r in rows] + [("+", [""])])]


def t_fhir_ndjson(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pts = cohort(rng, 3, old_share=0.2)
    t = recent(rng)
    rows = []
    for p in pts:
        rows.append(jcompact({"resourceType": "Patient", "id": D(fid(rng), "internal_id"),
                              "identifier": [{"system": "urn:oid:2.16.840.1.113883.19.5", "value": P(p.mrn, "mrn")}],
                              "name": [{"family": P(p.family), "given": [P(p.given)]}], "gender": p.gender,
                              "birthDate": P(p.dob.isoformat(), "date"),
                              "address": [{"city": P(p.addr.city, "street_address"), "state": D(p.addr.state, "state"), "postalCode": P(p.addr.zip, "zip_code")}]}))
    return [pr_head(rng, rng.randint(100, 2999), "Bulk $export: sample Patient.ndjson for the loader tests", author, [r1], t,
                    f"feature/{jira_key(rng, 'DATA')}-bulk-loader"),
            "Took the first 3 lines of last night's export so the parser test sees real-world shapes.\n\n",
            diff_new(rng, "loader/testdata/Patient.ndjson", rows),
            pr_comment(rng, r1, t + dt.timedelta(hours=rng.randint(1, 8)), ["last night's export is production. Please replace with Synthea output before merging."])]


def t_fhir_phone_update(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng)
    t = recent(rng)
    rid = fid(rng)
    old_phone = make_phone(rng, pt.phone[:3])
    rows = [(" ", ['  "resourceType": "Patient",']), (" ", ['  "id": "', D(rid, "internal_id"), '",']),
            (" ", ['  "name": [ { "family": "', P(pt.family), '", "given": [ "', P(pt.given), '" ] } ],']),
            (" ", ['  "telecom": [']),
            ("-", ['    { "system": "phone", "value": "', P(fmt_phone(old_phone, "dash"), "phone"), '", "use": "home" }']),
            ("+", ['    { "system": "phone", "value": "', P(fmt_phone(pt.phone, "e164"), "phone"), '", "use": "home" },']),
            ("+", ['    { "system": "email", "value": "', P(pt.email, "email"), '" }']),
            (" ", ['  ],']),
            (" ", ['  "birthDate": "', P(pt.dob.isoformat(), "date"), '",'])]
    return [pr_head(rng, rng.randint(100, 2999), "Normalize telecom to E.164 in fixtures", author, [r1], t, f"chore/{jira_key(rng, 'INTF')}-e164"),
            diff_mod(rng, f"fixtures/patients/{rid}.json", rng.randint(1, 6), rows),
            pr_comment(rng, r1, t + dt.timedelta(hours=2), ["LGTM once the email is removed - we don't need it for the E.164 test."])]


def t_fhir_related_person(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng, old=rng.random() < 0.5, min_age=70)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son", "niece", "grandson", "granddaughter")]))
    t = recent(rng)
    pid_ = fid(rng)
    rp = {"resourceType": "RelatedPerson", "id": D(fid(rng), "internal_id"), "active": True,
          "patient": fhir_ref_display(pid_, P(pt.full())),
          "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": rel.rel_code[:3],
                                        "display": rel.rel}]}],
          "name": [{"family": P(rel.family), "given": [P(rel.given)]}],
          "telecom": [{"system": "phone", "value": P(fmt_phone(rel.cell, rng.choice(["dash", "paren"])), "phone"), "use": "mobile"},
                      {"system": "email", "value": P(rel.email, "email")}],
          "address": [{"line": [P(rel.addr.street, "street_address")], "city": P(rel.addr.city, "street_address"), "state": D(rel.addr.state, "state"),
                       "postalCode": P(rel.addr.zip, "zip_code")}],
          "period": {"start": D(f"{t.year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "date")}}
    return [pr_head(rng, rng.randint(100, 2999), "Proxy access: RelatedPerson fixtures", author, [r1], t, f"feature/{jira_key(rng, 'DIG')}-proxy"),
            "Adds the proxy (", rel.rel, ") for the elderly-patient scenario; patient is ", age_items(pt.age), " in this fixture.\n\n",
            diff_new(rng, f"fixtures/proxy/relatedperson-{rel.rel}.json", jlines(rp))]


def t_fhir_device_udi(rng):
    org = org_of(rng)
    author, r1 = staff_list(rng, org, 2, ["it", "it"])
    pt = patient(rng, min_age=55)
    t = recent(rng)
    imp = t.date() - dt.timedelta(days=rng.randint(60, 900))
    gtin, udi, serial = make_udi(rng, imp + dt.timedelta(days=1200))
    dev = {"resourceType": "Device", "id": D(fid(rng), "internal_id"),
           "udiCarrier": [{"deviceIdentifier": gtin, "carrierHRF": P(udi, "device_id")}],
           "status": "active", "manufacturer": rng.choice(["Medtronic", "Abbott", "Boston Scientific", "Zimmer Biomet"]),
           "serialNumber": P(serial, "device_id"),
           "type": {"text": rng.choice(["Implantable cardiac pacemaker", "Knee joint tibial component", "Implantable loop recorder"])},
           "patient": fhir_ref_display(fid(rng), P(pt.full())),
           "manufactureDate": f"{imp.year - 1}-0{rng.randint(1, 9)}-15"}
    proc = {"resourceType": "Procedure", "id": D(fid(rng), "internal_id"), "status": "completed",
            "performedDateTime": P(imp.isoformat(), "date"),
            "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": D(rng.choice(["33208", "27447", "33285"]), "procedure_code")}]}}
    return [pr_head(rng, rng.randint(100, 2999), "Implant registry export: include Device.udiCarrier", author, [r1], t, f"feature/{jira_key(rng, 'CLINAPP')}-udi"),
            diff_new(rng, "fixtures/implants/device.json", jlines(dev)), diff_new(rng, "fixtures/implants/procedure.json", jlines(proc))]


# ----------------------------------------------------------------------------------------
# PHI family: sql_seed
# ----------------------------------------------------------------------------------------

def sq(s):
    return s.replace("'", "''")


def Q(span):
    """A span inside single quotes."""
    return ["'", span, "'"]


def sql_addr_cols(p):
    return [Q(P(sq(p.addr.street), "street_address")), ", ", Q(P(p.addr.unit, "street_address")) if p.addr.unit else "NULL", ", ",
            Q(P(p.addr.city, "street_address")), ", ", Q(D(p.addr.state, "state")), ", ", Q(P(p.addr.zip, "zip_code"))]


def t_sql_pg_insert(rng):
    pts = cohort(rng, rng.randint(3, 5), old_share=0.15)
    base = rng.randint(1000, 90000)
    t = recent(rng)
    rows = []
    for i, p in enumerate(pts):
        rows.append(["  (", D(str(base + i), "internal_id"), ", ", Q(P(p.mrn, "mrn")), ", ", Q(P(sq(p.family))), ", ", Q(P(sq(p.given))), ", ",
                     Q(P(p.dob.isoformat(), "date")), ", '", p.sex, "', ", Q(P(fmt_phone(p.phone, "dash"), "phone")), ", ",
                     Q(P(p.email, "email")) if rng.random() < 0.7 else "NULL", ", ", sql_addr_cols(p), ")", "," if i < len(pts) - 1 else ";", "\n"])
    return [f"-- seed/{rng.choice(['001_patients', 'demo_patients', 'sandbox_patients'])}.sql\n",
            f"-- Demo patients for the scheduling sandbox. Pulled from the nightly extract on {t:%Y-%m-%d} ({jira_key(rng, 'SCHED')}).\n",
            "-- TODO replace with synthetic rows before the vendor gets access\n\n",
            "BEGIN;\n\n",
            "INSERT INTO patient (patient_id, mrn, last_name, first_name, birth_date, sex, home_phone, email,\n",
            "                     address_line1, address_line2, city, state, zip)\nVALUES\n", rows,
            f"\nSELECT setval('patient_patient_id_seq', {base + 100});\n\nCOMMIT;\n"]


def t_sql_mysql_dump(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.15, min_age=22)
    t = recent(rng)
    vals = []
    for i, p in enumerate(pts):
        vals.append(["(", D(str(rng.randint(100, 99999)), "internal_id"), ",", Q(P(p.member, "health_plan_id")), ",", Q(P(sq(p.given))), ",",
                     Q(P(sq(p.family))), ",", Q(P(p.dob.isoformat(), "date")), ",", Q(P(p.ssn.replace("-", ""), "ssn")), ",",
                     Q(P(p.phone, "phone")), ",", Q(P(sq(p.addr.street + (" " + p.addr.unit if p.addr.unit else "")), "street_address")), ",",
                     Q(P(p.addr.city, "street_address")), ",", Q(D(p.addr.state, "state")), ",", Q(P(p.addr.zip, "zip_code")), ",",
                     f"'{rng.choice(['ACTIVE', 'ACTIVE', 'TERMED'])}','{t:%Y-%m-%d %H:%M:%S}')"])
    return [f"-- MySQL dump 10.13  Distrib 8.0.{rng.randint(30, 40)}, for Linux (x86_64)\n--\n-- Host: {make_server_ip(rng)}    Database: enrollment\n",
            "-- ------------------------------------------------------\n-- Server version\t8.0.", str(rng.randint(30, 40)), "\n\n",
            "/*!40101 SET NAMES utf8mb4 */;\n\n--\n-- Dumping data for table `members`\n--\n\n",
            "LOCK TABLES `members` WRITE;\n/*!40000 ALTER TABLE `members` DISABLE KEYS */;\n",
            "INSERT INTO `members` VALUES ", J(",", vals), ";\n",
            "/*!40000 ALTER TABLE `members` ENABLE KEYS */;\nUNLOCK TABLES;\n",
            f"-- Dump completed on {t:%Y-%m-%d %H:%M:%S}\n"]


def t_sql_tsql_identity(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.25)
    base = rng.randint(5000, 60000)
    rows = []
    for i, p in enumerate(pts):
        rows.append(["INSERT INTO dbo.Patients (PatientID, MRN, LastName, FirstName, MiddleInitial, DOB, SSN, HomePhone, Address1, City, State, Zip)\n",
                     "VALUES (", D(str(base + i), "internal_id"), ", N", Q(P(p.mrn, "mrn")), ", N", Q(P(sq(p.family))), ", N", Q(P(sq(p.given))), ", N'",
                     P(p.mi), "', ", Q(P(fd(p.dob, "iso"), "date")), ", ", Q(P(p.ssn, "ssn")), ", ", Q(P(fmt_phone(p.phone, "paren"), "phone")), ", N",
                     Q(P(sq(p.addr.street), "street_address")), ", N", Q(P(p.addr.city, "street_address")), ", ", Q(D(p.addr.state, "state")), ", ",
                     Q(P(p.addr.zip + ("-" + p.addr.zip4 if rng.random() < 0.3 else ""), "zip_code")), ");\n"])
    return [f"/* Restore test data for the {rng.choice(['eligibility', 'registration', 'billing'])} regression suite\n",
            f"   Source: PRD copy, {rng.choice(['Nov', 'Oct'])} snapshot. Run against QA only. */\n", "USE PatientHub_QA;\nGO\n\n",
            "SET IDENTITY_INSERT dbo.Patients ON;\nGO\n\n", rows, "GO\n\nSET IDENTITY_INSERT dbo.Patients OFF;\nGO\n"]


def t_sql_copy_stdin(rng):
    pts = cohort(rng, rng.randint(3, 5), old_share=0.3)
    t = recent(rng)
    rows = []
    for p in pts:
        adm = rdt(rng, t.date() - dt.timedelta(days=60), t.date() - dt.timedelta(days=5))
        dis = adm + dt.timedelta(days=rng.randint(1, 8), hours=rng.randint(0, 10))
        dx = rng.choice(DX)
        rows.append([D(str(rng.randint(10 ** 5, 10 ** 6 - 1)), "internal_id"), "\t", P(p.mrn, "mrn"), "\t", P(p.lf()), "\t",
                     P(adm.strftime("%Y-%m-%d %H:%M:%S"), "date"), "\t", P(dis.strftime("%Y-%m-%d %H:%M:%S"), "date"), "\t",
                     D(dx[1], "diagnosis_code"), "\t", str(rng.randint(0, 1)), "\t", age_items(p.age), "\n"])
    return ["--\n-- PostgreSQL database dump\n--\n\n", f"-- Dumped from database version 15.{rng.randint(2, 8)}\n\n",
            "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n\n",
            "--\n-- Data for Name: readmit_cohort; Type: TABLE DATA; Schema: analytics; Owner: etl\n--\n\n",
            "COPY analytics.readmit_cohort (encounter_id, mrn, patient_name, admit_ts, discharge_ts, principal_dx, readmit_30d, age_at_admit) FROM stdin;\n",
            rows, "\\.\n\n"]


def t_sql_update_fix(rng):
    pt = patient(rng)
    newa = Address(rng)
    t = recent(rng)
    key = jira_key(rng, rng.choice(["HIM", "PASD", "DATAFIX"]))
    return [f"-- {key}: patient moved, registration could not edit because the record is locked by the merge job\n",
            "-- verified by phone with the patient ", D(f"{t:%m/%d}", "date"), "\n",
            "BEGIN TRANSACTION;\n\n",
            "SELECT patient_id, mrn, last_name, first_name, address_line1, city, zip\n  FROM registration.patient\n WHERE mrn = ", Q(P(pt.mrn, "mrn")), ";\n\n",
            "-- old: ", P(pt.addr.street, "street_address"), ", ", P(pt.addr.city, "street_address"), " ", P(pt.addr.zip, "zip_code"), "\n",
            "UPDATE registration.patient\n   SET address_line1 = ", Q(P(sq(newa.street), "street_address")), ",\n",
            "       address_line2 = ", Q(P(newa.unit, "street_address")) if newa.unit else "NULL", ",\n",
            "       city = ", Q(P(newa.city, "street_address")), ",\n       state = ", Q(D(newa.state, "state")), ",\n",
            "       zip = ", Q(P(newa.zip, "zip_code")), ",\n       home_phone = ", Q(P(fmt_phone(make_phone(rng, newa.areas[0]), "dash"), "phone")), ",\n",
            f"       updated_by = 'dba_{rng.choice(['jk', 'mt', 'rs', 'al'])}',\n       updated_at = now()\n",
            " WHERE mrn = ", Q(P(pt.mrn, "mrn")), "\n   AND last_name = ", Q(P(sq(pt.family))), ";\n\n",
            "-- expect 1 row\nCOMMIT;\n"]


def t_sql_flyway_seed(rng):
    pts = cohort(rng, rng.randint(2, 4), old_share=0.2)
    v = rng.randint(12, 140)
    rows = []
    for p in pts:
        rows.append(["INSERT INTO portal_user (user_id, patient_mrn, login_email, display_name, phone_e164, birth_date, created_at)\n",
                     "VALUES (", ["'", D(uuid4(rng), "internal_id"), "'"], ", ", Q(P(p.mrn, "mrn")), ", ",
                     Q(P(p.email, "email")), ", ", Q(P(sq(p.full()))), ", ", Q(P(fmt_phone(p.cell, "e164"), "phone")), ", DATE ",
                     Q(P(p.dob.isoformat(), "date")), ", now())\n",
                     "ON CONFLICT (patient_mrn) DO NOTHING;\n\n"])
    return [f"-- V{v}__seed_portal_users.sql\n", "-- Flyway migration: seed portal users so the UAT testers can log in.\n",
            "-- These are the UAT testers' own charts (they consented), but still PHI - keep this out of the public mirror.\n\n", rows]


def t_sql_psql_output(rng):
    pts = cohort(rng, 3, old_share=0.25)
    fam = pts[0].family
    for p in pts[1:]:
        p.family = fam
    q = ascii_fold(fam).lower()[:3]
    rows = []
    for p in pts:
        rows.append([" ", P(p.mrn, "mrn"), " " * (11 - len(p.mrn)), "| ", P(p.family), " | ", P(p.given), " | ",
                     P(p.dob.isoformat(), "date"), " | ", P(fmt_phone(p.phone, "dash"), "phone"), " | ", P(p.addr.city, "street_address"), "\n"])
    return [f"ehr_ro=> SELECT mrn, last_name, first_name, birth_date, home_phone, city\nehr_ro->   FROM patient\nehr_ro->  WHERE last_name ILIKE '{q}%'\nehr_ro->  ORDER BY birth_date;\n",
            "    mrn     | last_name | first_name | birth_date |  home_phone  |   city\n",
            "------------+-----------+------------+------------+--------------+----------\n", rows, "(3 rows)\n\n",
            f"Time: {rng.randint(2, 90)}.{rng.randint(100, 999)} ms\n",
            "ehr_ro=> -- which of these is the one in the ticket? the caller gave only last name and city\n"]


def t_sql_claims_fk(rng):
    pt = patient(rng, min_age=30)
    doc = Staff(rng, ORGS[0], "md")
    t = recent(rng)
    pid_ = rng.randint(1000, 99999)
    enc = rng.randint(10 ** 5, 10 ** 6)
    svc = t.date() - dt.timedelta(days=rng.randint(10, 60))
    claim = make_claim(rng)
    dx = rng.choice(DX)
    cpts = rng.sample(CPT, 2)
    lines_ = []
    for i, c in enumerate(cpts, 1):
        lines_.append(["  (", D(str(enc * 10 + i), "internal_id"), ", ", D(str(enc), "internal_id"), ", ", str(i), ", ", Q(D(c[0], "procedure_code")), ", ",
                       Q(P(svc.isoformat(), "date")), ", ", f"{rng.randint(40, 800)}.00", ")", "," if i < len(cpts) else ";", "\n"])
    return ["-- test data for the claim scrubber: one professional claim, two lines\n",
            "INSERT INTO patient (id, mrn, first_name, last_name, dob, member_id) VALUES\n",
            "  (", D(str(pid_), "internal_id"), ", ", Q(P(pt.mrn, "mrn")), ", ", Q(P(sq(pt.given))), ", ", Q(P(sq(pt.family))), ", ", Q(P(pt.dob.isoformat(), "date")), ", ",
            Q(P(pt.member, "health_plan_id")), ");\n\n",
            "INSERT INTO encounter (id, patient_id, visit_number, service_date, rendering_npi, primary_dx) VALUES\n",
            "  (", D(str(enc), "internal_id"), ", ", D(str(pid_), "internal_id"), ", ", Q(P(make_visit(rng), "account_number")), ", ", Q(P(svc.isoformat(), "date")), ", ",
            Q(D(doc.npi, "npi")), ", ", Q(D(dx[1], "diagnosis_code")), ");\n\n",
            "INSERT INTO claim (id, encounter_id, claim_number, status) VALUES\n",
            "  (", D(str(rng.randint(10 ** 6, 10 ** 7)), "internal_id"), ", ", D(str(enc), "internal_id"), ", ", Q(P(claim, "other_id")), ", 'READY');\n\n",
            "INSERT INTO claim_line (id, encounter_id, line_no, cpt, service_date, charge) VALUES\n", lines_]


def t_sql_oracle(rng):
    pts = cohort(rng, rng.randint(2, 4), old_share=0.3)
    rows = []
    for p in pts:
        rows.append(["INSERT INTO HIS.PATIENTS (PAT_ID, MRN, LAST_NAME, FIRST_NAME, BIRTH_DT, GENDER, ADDR1, CITY, ST, ZIP, PHONE)\n",
                     "VALUES (HIS.PAT_SEQ.NEXTVAL, ", Q(P(p.mrn, "mrn")), ", ", Q(P(sq(ascii_fold(p.family).upper()))), ", ", Q(P(sq(ascii_fold(p.given).upper()))), ", ",
                     "TO_DATE(", Q(P(fd(p.dob, "sas"), "date")), ", 'DDMONYYYY'), '", p.sex, "', ", Q(P(sq(ascii_fold(p.addr.street).upper()), "street_address")), ", ",
                     Q(P(p.addr.city.upper(), "street_address")), ", ", Q(D(p.addr.state, "state")), ", ", Q(P(p.addr.zip, "zip_code")), ", ",
                     Q(P(p.phone, "phone")), ");\n"])
    return ["-- Load script for the interface test harness (Oracle 19c)\n", "SET DEFINE OFF;\nWHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK;\n\n", rows,
            "\nCOMMIT;\nEXIT;\n"]


def t_sql_sqlite_app(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.5, min_age=70)
    rows = []
    for i, p in enumerate(pts, 1):
        rel = relative(rng, p)
        rows.append(["INSERT INTO residents VALUES (", D(str(i), "internal_id"), ", ", Q(P(sq(p.full()))), ", ", Q(P(fd(p.dob, "us"), "date")), ", ",
                     age_items(p.age), ", ", Q(f"{rng.randint(101, 340)}{rng.choice('AB')}"), ", ", Q(P(sq(rel.full()))), ", ", Q(rel.rel), ", ",
                     Q(P(fmt_phone(rel.phone, "dash"), "phone")), ");\n"])
    return ["-- assets/db/seed.sql for the facility tablet app (SQLite)\n",
            "CREATE TABLE IF NOT EXISTS residents (\n  id INTEGER PRIMARY KEY,\n  full_name TEXT NOT NULL,\n  dob TEXT,\n  age INTEGER,\n  room TEXT,\n",
            "  contact_name TEXT,\n  contact_relation TEXT,\n  contact_phone TEXT\n);\n\n", rows,
            "\n-- got these from the front office spreadsheet, the app shows the contact on the room card\n"]


def t_sql_upsert_mbi(rng):
    pts = cohort(rng, rng.randint(2, 4), old_share=0.3, min_age=65)
    t = recent(rng)
    rows = []
    for i, p in enumerate(pts):
        eff = dt.date(rng.choice([2024, 2025, 2026]), rng.randint(1, 12), 1)
        rows.append(["  (", Q(P(p.member, "health_plan_id")), ", ", Q(P(fmt_mbi(p.mbi, rng.random() < 0.3), "medicare_mbi")), ", ", Q(P(sq(p.family))), ", ",
                     Q(P(sq(p.given))), ", ", Q(P(p.dob.isoformat(), "date")), ", ", Q(D(eff.isoformat(), "date")), ", '", rng.choice(["MAPD", "DSNP", "MA"]), "')",
                     "," if i < len(pts) - 1 else "", "\n"])
    return [f"-- monthly CMS enrollment reconciliation, load {t:%Y%m}\n",
            "INSERT INTO ma_member (member_id, mbi, last_name, first_name, birth_date, coverage_start, plan_type)\nVALUES\n", rows,
            "ON CONFLICT (member_id) DO UPDATE\n   SET mbi = EXCLUDED.mbi,\n       coverage_start = EXCLUDED.coverage_start,\n       updated_at = now();\n"]


def t_sql_error_log(rng):
    pt = patient(rng)
    t = recent(rng)
    ls = log_ts(t, "log4j").replace(",", ".")
    pidn = rng.randint(10000, 99999)
    return [f"{ls} UTC [{pidn}] etl_user@registration ERROR:  duplicate key value violates unique constraint \"patient_ssn_key\"\n",
            f"{ls} UTC [{pidn}] etl_user@registration DETAIL:  Key (ssn)=(", P(pt.ssn, "ssn"), ") already exists.\n",
            f"{ls} UTC [{pidn}] etl_user@registration STATEMENT:  INSERT INTO patient (mrn, last_name, first_name, birth_date, ssn, home_phone) ",
            "VALUES (", Q(P(pt.mrn, "mrn")), ", ", Q(P(sq(pt.family))), ", ", Q(P(sq(pt.given))), ", ", Q(P(pt.dob.isoformat(), "date")), ", ",
            Q(P(pt.ssn, "ssn")), ", ", Q(P(fmt_phone(pt.phone, "dash"), "phone")), ")\n",
            f"{log_ts(t + dt.timedelta(seconds=1), 'log4j').replace(',', '.')} UTC [{pidn}] etl_user@registration LOG:  could not receive data from client: Connection reset by peer\n\n",
            "^ from the nightly load on ", make_server_ip(rng), f":5432. Two MRNs share an SSN - registration or a real duplicate? ",
            "The other row has MRN ", P(make_mrn(rng), "mrn"), ".\n"]


# ----------------------------------------------------------------------------------------
# PHI family: clinical_note
# ----------------------------------------------------------------------------------------

def note_header(rng, pt, org, extra=None, style=None):
    style = style or rng.choice(["grid", "lines", "banner"])
    dob = P(fd(pt.dob, rng.choice(["us", "us", "us_np", "dmy_mon"])), "date")
    name = P(rng.choice([pt.LF(), pt.lf(True), pt.full()]))
    extra = extra or []
    if style == "grid":
        out = ["Patient: ", name, "        MRN: ", P(pt.mrn, "mrn"), "        DOB: ", dob, "\n"]
        for i in range(0, len(extra), 2):
            out += [extra[i][0], ": ", extra[i][1]]
            if i + 1 < len(extra):
                out += ["        ", extra[i + 1][0], ": ", extra[i + 1][1]]
            out.append("\n")
        return out
    if style == "lines":
        out = ["Name: ", name, "\n", rng.choice(["Date of Birth: ", "DOB: ", "D.O.B.: "]), dob, "\n", "Medical Record #: ", P(pt.mrn, "mrn"), "\n"]
        for k, v in extra:
            out += [k, ": ", v, "\n"]
        return out
    out = [name, " | ", age_items(pt.age, " y.o. " if pt.age < 90 else " y.o. "), pt.sex, " | DOB ", dob, " | MRN ", P(pt.mrn, "mrn"), "\n"]
    for k, v in extra:
        out += [k, ": ", v, " | "]
    return out + ["\n"]


def sig(rng, doc, t):
    return ["\n", rng.choice(["Electronically signed by ", "Signed: ", "Attested by "]), doc.n("cred"), " on ", P(f"{t:%m/%d/%Y}", "date"), f" {t:%H:%M}\n"]


def t_note_hp(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pcp = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.6, min_age=60, culture=maybe_native(rng))
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son", "granddaughter", "niece")]))
    rel.addr = pt.addr
    t = recent(rng)
    dx1, dx2, dx3 = pick_dx(rng, 3)
    meds = rng.sample(HOME_MEDS, 4)
    allergy = rng.choice(["penicillin", "sulfamethoxazole", "codeine", "lisinopril"])
    hx = [["- ", D(d[0], "condition"), "\n"] for d in (dx1, dx2, dx3)]
    mlist = [["- ", med_line(m), "\n"] for m in meds]
    return ["ADMISSION HISTORY AND PHYSICAL\n", D(org["facs"][0], "facility"), " - Hospital Medicine\n\n",
            note_header(rng, pt, org, [("Admit date", P(fd(t.date(), "us"), "date")), ("Attending", doc.n()),
                                       ("PCP", pcp.n("dr")), ("Room", f"{rng.randint(401, 699)}{rng.choice('AB')}")]),
            "\nCHIEF COMPLAINT: ", rng.choice(["shortness of breath x3 days", "fall at home", "confusion", "fever and cough"]), "\n\n",
            "HISTORY OF PRESENT ILLNESS:\n", D(pt.title, "title"), " ", P(pt.family), " is ", a_an(pt.age), " ", age_adj(rng, pt.age),
            " ", "woman" if pt.sex == "F" else "man", " with ", D(dx1[2], "condition"), " and ", D(dx2[2], "condition"),
            " who presents with the above. History is from the patient and ", pt.her, " ", rel.rel, " ", P(rel.given),
            ", who lives with ", "her" if pt.sex == "F" else "him", " and noticed ", pt.her, " symptoms ", rng.choice(["two days ago", "on Sunday", "last night"]),
            ". No recent travel. ", pt.She, " has been taking ", pt.her, " ", D(meds[0][0], "medication"), " as prescribed.\n\n",
            "PAST MEDICAL HISTORY:\n", hx, "\nMEDICATIONS PRIOR TO ADMISSION:\n", mlist,
            "\nALLERGIES: ", D(allergy, "medication"), " (", rng.choice(["hives", "rash", "angioedema", "nausea"]), ")\n\n",
            ["Name in native script per registration: ", P(pt.native()), ". "] if pt.has_native else "",
            "SOCIAL HISTORY: Lives with ", rel.rel, " ", P(rel.full()), " at ", pt.addr.inline(joined=rng.random() < 0.5), ". ",
            rng.choice(["Former smoker, quit 1998.", "Never smoker.", "Rare alcohol."]), " Uses a ", rng.choice(["cane", "walker", "no assistive device"]), ".\n",
            "Emergency contact: ", P(rel.given), " ", P(fmt_phone(rel.cell, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "PHYSICAL EXAM: T 37.", str(rng.randint(0, 9)), " BP ", f"{rng.randint(100, 170)}/{rng.randint(55, 95)}", " HR ", str(rng.randint(58, 118)),
            " RR ", str(rng.randint(14, 26)), " SpO2 ", str(rng.randint(88, 99)), "% on ", rng.choice(["RA", "2L NC"]), "\n",
            "Gen: frail, NAD. Lungs: bibasilar crackles. CV: irregular. Ext: 1+ edema.\n\n",
            "ASSESSMENT AND PLAN:\n1. ", D(dx1[0], "condition"), " (", D(dx1[1], "diagnosis_code"), ") - ", rng.choice(["diuresis, daily weights", "cultures, empiric antibiotics", "telemetry, trend troponin"]), "\n",
            "2. ", D(dx2[0], "condition"), " - continue home ", D(meds[1][0], "medication"), "\n",
            "3. Code status: ", rng.choice(["Full code", "DNR/DNI, confirmed with patient and " + rel.rel]), "\n",
            sig(rng, doc, t + dt.timedelta(hours=rng.randint(1, 4)))]


def t_note_soap(rng):
    org = org_of(rng)
    doc = Staff(rng, org, rng.choice(["md", "np"]))
    pt = patient(rng, old=rng.random() < 0.3)
    t = recent(rng)
    dx = rng.choice(DX)
    m1, m2 = rng.sample(HOME_MEDS, 2)
    a1c = round(rng.uniform(5.6, 11.5), 1)
    return ["PROGRESS NOTE - ", D(rng.choice(org["facs"]), "facility"), "\n",
            note_header(rng, pt, org, [("Visit date", P(fd(t.date(), rng.choice(["us", "mon"])), "date")), ("Provider", doc.n("cred"))]),
            "\nS: ", P(pt.given), " returns for follow-up of ", D(dx[2], "condition"), ". Reports ", rng.choice(["better energy", "occasional dizziness", "no new complaints"]),
            ". Taking ", D(m1[0], "medication"), " most days, missed ", str(rng.randint(1, 5)), " doses. ", pt.She, " asks about stopping ", D(m2[0], "medication"), ".\n",
            "O: BP ", f"{rng.randint(110, 160)}/{rng.randint(60, 95)}", ", wt ", str(rng.randint(110, 260)), " lb. A1c ", str(a1c), "% (prior ", str(round(a1c + rng.uniform(-1, 1), 1)), "%).\n",
            "A: ", D(dx[0], "condition"), ", ", rng.choice(["improving", "not at goal", "stable"]), ".\n",
            "P: continue ", med_line(m1), "; ", rng.choice(["taper", "hold", "continue"]), " ", D(m2[0], "medication"), ". Labs in 3 months. ",
            "RTC ", P(fd(t.date() + dt.timedelta(days=rng.choice([84, 91, 98])), "us_np"), "date"), ".\n",
            "Patient can be reached at ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), " (cell, ok to text).\n",
            sig(rng, doc, t + dt.timedelta(hours=rng.randint(1, 6)))]


def t_note_discharge(rng):
    org = org_of(rng)
    doc, pcp = staff_list(rng, org, 2, ["md", "md"])
    pt = patient(rng, old=rng.random() < 0.4, min_age=50)
    t = recent(rng)
    adm = t.date() - dt.timedelta(days=rng.randint(2, 9))
    fu = t.date() + dt.timedelta(days=rng.randint(5, 14))
    dx1, dx2 = pick_dx(rng, 2)
    meds = pick_med(rng, 4)
    hh = rng.random() < 0.6
    return ["DISCHARGE SUMMARY\n\n",
            note_header(rng, pt, org, [("Admission Date", P(fd(adm, "us"), "date")), ("Discharge Date", P(fd(t.date(), "us"), "date")),
                                       ("Attending", doc.n()), ("Primary Care", pcp.n())], style=rng.choice(["grid", "lines"])),
            "\nDischarge diagnoses:\n1. ", D(dx1[0], "condition"), " (", D(dx1[1], "diagnosis_code"), ")\n2. ", D(dx2[0], "condition"), " (", D(dx2[1], "diagnosis_code"), ")\n\n",
            "Hospital course:\n", D(pt.title, "title"), " ", P(pt.family), " was admitted with ", D(dx1[2], "condition"), " and treated with ", D(meds[0][0], "medication"),
            ". ", pt.She, " improved and was ambulating with PT by hospital day ", str(rng.randint(2, 5)), ". ",
            ["Given ", pt.her, " age (", age_pred(rng, pt.age), "), goals of care were discussed and ", pt.she, " wishes to remain full code. "] if pt.age >= 90 else "",
            "\n\nDischarge medications:\n", [["  ", med_line(m), "\n"] for m in meds],
            "\nDisposition: ", "home with home health (VNA)" if hh else "home", "\n",
            ["Home health to visit at: ", pt.addr.inline(zip4=rng.random() < 0.3), "; phone ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), "\n"] if hh else "",
            "Follow-up: ", pcp.n("dr"), " on ", P(fd(fu, rng.choice(["us_np", "mon", "long"])), "date"), " at ", f"{rng.choice([9, 10, 11, 1, 2, 3])}:{rng.choice(['00', '15', '30', '45'])}", "\n",
            sig(rng, doc, dt.datetime.combine(t.date(), dt.time(rng.randint(10, 17), rng.randint(0, 59))))]


def t_note_ed_triage(rng):
    org = org_of(rng)
    rn, doc = Staff(rng, org, "rn"), Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.5, min_age=60)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("grandson", "granddaughter", "son", "daughter", "wife", "husband")]))
    t = recent(rng)
    dx = rng.choice(DX)
    med = rng.choice(HOME_MEDS)
    return ["ED TRIAGE NOTE\n", "Arrival: ", P(f"{t:%m/%d/%Y}", "date"), f" {t:%H:%M}", " via ", rng.choice(["EMS", "private vehicle", "wheelchair from lobby"]), "\n",
            "Pt: ", P(pt.LF()), "   MRN ", P(pt.mrn, "mrn"), "   DOB ", P(fd(pt.dob, "us_short"), "date"), "   ESI ", str(rng.randint(2, 3)), "\n\n",
            age_adj(rng, pt.age), " ", "F" if pt.sex == "F" else "M", " from home, brought in by ", pt.her, " ", rel.rel, " (",
            P(rel.full()), ", ", P(fmt_phone(rel.cell, rng.choice(PHONE_STYLES)), "phone"), ") for ", rng.choice(["unwitnessed fall", "increasing confusion", "SOB", "chest pain"]),
            ". Hx ", D(dx[2], "condition"), ". On ", D(med[0], "medication"), ". ",
            rng.choice(["+ head strike, no LOC.", "Denies pain.", "Pain 6/10."]), "\n",
            "VS: BP ", f"{rng.randint(90, 190)}/{rng.randint(50, 100)}", " HR ", str(rng.randint(50, 130)), " T ", f"{rng.randint(36, 38)}.{rng.randint(0, 9)}",
            " SpO2 ", str(rng.randint(86, 99)), "%\n", "Fall risk: HIGH. Placed in room ", f"{rng.randint(1, 40)}", ". ", doc.n("dr"), " notified.\n",
            "- ", rn.n("cred"), "\n"]


def t_note_telephone(rng):
    org = org_of(rng)
    rn, doc = Staff(rng, org, "rn"), Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.5, min_age=55)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("son", "daughter", "niece")]))
    t = recent(rng)
    med = rng.choice(HOME_MEDS)
    parent = ("aunt" if pt.sex == "F" else "uncle") if rel.rel == "niece" else ("mother" if pt.sex == "F" else "father")
    return ["Telephone Encounter\n", D(rng.choice(org["facs"]), "facility"), "\n",
            "Date of call: ", D(fd(t.date(), "us"), "date"), f"  {t:%I:%M %p}\n", "Patient: ", P(pt.full(True)), " (", P(pt.mrn, "mrn"), ")   DOB ",
            P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n", "Caller: ", rel.rel, ", ", P(rel.full()), "   Callback: ", P(fmt_phone(rel.phone, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "Reason for call: ", rel.rel.capitalize(), " reports ", "her" if rel.sex == "F" else "his", " ", parent, " ",
            rng.choice(["has had poor appetite for 4 days", "is more short of breath at night", "fell last night but got up on his own" if pt.sex == "M" else "fell last night but got up on her own"]),
            ". Patient is ", age_pred(rng, pt.age), [" and lives alone at ", pt.addr.inline()] if rng.random() < 0.5 else "",
            ". Takes ", D(med[0], "medication"), ".\n\n",
            "Advice: ", rng.choice(["go to ED if worse", "appointment offered tomorrow 10:20, accepted", "RN visit arranged"]), ". Routed to ", doc.n("dr"), ".\n",
            "- ", rn.n("cred"), "\n"]


def t_note_sbar(rng):
    org = org_of(rng)
    rn1, rn2 = staff_list(rng, org, 2, ["rn", "rn"])
    doc = Staff(rng, org, "md")
    pts = cohort(rng, 2, old_share=0.6, min_age=60)
    t = recent(rng)
    out = [f"Shift handoff {rng.choice(['7p', '7a'])} - ", D(org["facs"][0], "facility"), " ", rng.choice(["4 West", "6 North", "Tele"]), "\n",
           "From ", rn1.n(), " to ", rn2.n(), "\n\n"]
    for p in pts:
        dx = rng.choice(DX)
        med = rng.choice(MEDS)
        adm = t.date() - dt.timedelta(days=rng.randint(1, 6))
        out += [f"Bed {rng.randint(1, 30)} - ", P(p.LF()), " (", P(f"{p.age}{p.sex}", "age_over_89") if p.age >= 90 else f"{p.age}{p.sex}", ") MRN ", P(p.mrn, "mrn"), "\n",
                "S: ", rng.choice(["new O2 requirement 2L", "pain controlled", "sundowning last night", "BP soft 90s"]), "\n",
                "B: admitted ", P(fd(adm, "us_np")[:-5], "date"), " for ", D(dx[2], "condition"), "; on ", D(med[0], "medication"), "\n",
                "A: ", rng.choice(["stable", "watch UO", "confused, redirectable", "improving"]), "\n",
                "R: ", rng.choice(["recheck lytes at 0400", "call " + ("her" if p.sex == "F" else "his") + " daughter with update", "PT eval in AM"]), "; ",
                doc.n("dr"), " aware\n\n"]
    return out


def t_note_operative(rng):
    org = org_of(rng)
    surg, asst, anes = staff_list(rng, org, 3, ["md", "np", "md"])
    pt = patient(rng, min_age=50)
    t = recent(rng)
    proc = rng.choice([("Right total knee arthroplasty", "27447", "M17.11", "Right knee osteoarthritis", ["tibial baseplate", "femoral component", "poly insert"]),
                       ("Dual-chamber pacemaker implantation", "33208", "I49.5", "Sick sinus syndrome", ["generator", "RA lead", "RV lead"]),
                       ("Left total hip arthroplasty", "27130", "M16.12", "Left hip osteoarthritis", ["acetabular shell", "femoral stem", "femoral head"])])
    comps = []
    for c in proc[4]:
        comps.append(["  ", c, ": REF ", f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}", ", LOT ", f"{rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)}",
                      ", SN ", P(make_serial(rng), "device_id"), "\n"])
    return ["OPERATIVE REPORT\n\n", note_header(rng, pt, org, [("Date of surgery", P(fd(t.date(), "us"), "date")), ("Surgeon", surg.n()),
                                                            ("Assistant", asst.n("cred")), ("Anesthesia", [anes.n("dr"), ", general"])]),
            "\nPreoperative diagnosis: ", D(proc[3], "condition"), " (", D(proc[2], "diagnosis_code"), ")\nPostoperative diagnosis: same\n",
            "Procedure: ", proc[0], " (CPT ", D(proc[1], "procedure_code"), ")\n", "EBL: ", str(rng.randint(50, 400)), " mL   Complications: none\n\n",
            "Implants:\n", comps,
            "\nDescription: The patient was identified in the holding area by name and date of birth, the site was marked, and consent confirmed. ",
            "Time-out performed. ", rng.choice(["Tourniquet was not used.", "Standard approach.", "Fluoroscopy confirmed lead position."]), " Closed in layers.\n\n",
            "Disposition: PACU, stable. Family (", rng.choice(["wife", "husband", "daughter", "son"]), ") updated in the waiting room.\n",
            sig(rng, surg, dt.datetime.combine(t.date(), dt.time(rng.randint(12, 19), rng.randint(0, 59))))]


def t_note_home_health(rng):
    org = org_of(rng)
    rn = Staff(rng, org, "rn")
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.6, min_age=65)
    cg = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("wife", "husband", "daughter", "son")]))
    cg.addr = pt.addr
    t = recent(rng)
    dx = rng.choice(DX)
    return ["HOME HEALTH SKILLED NURSING VISIT\n", D(rng.choice([f for f in org["facs"]]), "facility"), "\n\n",
            "Patient: ", P(pt.full()), "   DOB ", P(fd(pt.dob, "us"), "date"), "   Visit ", str(rng.randint(2, 12)), " of ", str(rng.randint(12, 18)), "\n",
            "Visit date: ", P(fd(t.date(), "us"), "date"), "   Time in ", f"{rng.randint(8, 11)}:{rng.randint(10, 59)}", "   Time out ", f"{rng.randint(12, 14)}:{rng.randint(10, 59)}", "\n",
            "Address: ", pt.addr.inline(), "\n", "Directions: ", rng.choice(["2nd floor, ring bell marked", "side door, dog in yard", "elevator broken, use stairs B"]), " ",
            P(pt.addr.unit, "street_address") if pt.addr.unit else "", "\n\n",
            "Primary caregiver: ", cg.rel, " ", P(cg.given), " (", P(fmt_phone(cg.cell, rng.choice(PHONE_STYLES)), "phone"), ")\n\n",
            "Subjective: patient states ", pt.she, " is ", rng.choice(["tired but ok", "short of breath on stairs", "sleeping better"]), ". ",
            cg.rel.capitalize(), " manages pill box.\n",
            "Objective: BP ", f"{rng.randint(100, 160)}/{rng.randint(55, 90)}", ", HR ", str(rng.randint(55, 110)), ", wt ", str(rng.randint(100, 230)), " lb (",
            rng.choice(["+2", "-1", "+4", "0"]), " lb from last visit). ", ["Patient is ", age_pred(rng, pt.age), ", "] if pt.age >= 90 else "", "Lungs clear.\n",
            "Assessment: ", D(dx[0], "condition"), ", ", rng.choice(["stable", "early decompensation"]), ".\n",
            "Plan: reported weight to ", doc.n("dr"), "'s office. Next visit in 3 days.\n", "- ", rn.n("cred"), "\n"]


def t_note_consult_letter(rng):
    org = org_of(rng)
    cons, ref = staff_list(rng, org, 2, ["md", "md"])
    pt = patient(rng, old=rng.random() < 0.3)
    t = recent(rng)
    dx = rng.choice(DX)
    med = rng.choice(HOME_MEDS)
    return [D(rng.choice(org["facs"]), "facility"), "\n", f"{rng.randint(10, 900)} {rng.choice(['Medical Center Dr', 'Hospital Way', 'Professional Park'])}, Suite {rng.randint(100, 500)}\n\n",
            P(fd(t.date(), "long"), "date"), "\n\n", D("Dr.", "title"), " ", D(ref.name, "person_name"), "\n", D(rng.choice(org["facs"]), "facility"), "\n\n",
            "RE: ", P(pt.full()), "\nDOB: ", P(fd(pt.dob, rng.choice(["us", "long"])), "date"), "\nMRN: ", P(pt.mrn, "mrn"), "\n\n",
            "Dear ", D("Dr.", "title"), " ", D(ref.last, "person_name"), ",\n\n",
            "Thank you for referring ", D(pt.title, "title"), " ", P(pt.family), ", whom I saw in consultation today for ", D(dx[0].lower(), "condition"), ". ",
            "As you know, ", pt.she, " is ", a_an(pt.age), " ", age_items(pt.age), "-year-old ", rng.choice(["retired teacher", "former machinist", "retired nurse", "bus driver"]),
            " with a long history of this problem. ", rng.choice(["Her" if pt.sex == "F" else "His", "The patient's"]), " ", rng.choice(["husband" if pt.sex == "F" else "wife", "daughter", "son"]),
            " accompanied ", "her" if pt.sex == "F" else "him", " today.\n\n",
            "My impression is ", D(dx[2], "condition"), ", reasonably controlled. I recommend continuing ", D(med[0], "medication"), " and adding ",
            D(rng.choice(HOME_MEDS)[0], "medication"), " if symptoms persist. I will see ", "her" if pt.sex == "F" else "him", " again in ", str(rng.randint(2, 6)), " months.\n\n",
            "Sincerely,\n\n", cons.n("cred"), "\n", "cc: ", P(pt.full()), " (patient), ", pt.addr.inline(joined=True), "\n"]


def t_note_social_work(rng):
    org = org_of(rng)
    sw = Staff(rng, org, "admin")
    sw.cred = "LICSW"
    pt = patient(rng, old=rng.random() < 0.5, min_age=60)
    r1 = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("niece", "son", "daughter")]))
    r2 = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("sister", "brother", "grandson", "granddaughter")]))
    t = recent(rng)
    return ["SOCIAL WORK ASSESSMENT\n", note_header(rng, pt, org, [("Date", P(fd(t.date(), "us"), "date")), ("Unit", rng.choice(["5W", "6N", "ICU"]))]),
            "\nReferral: discharge planning, possible long-term care.\n\n",
            "Patient is ", a_an(pt.age), " ", age_adj(rng, pt.age), " ", rng.choice(["widowed", "divorced", "married"]),
            " ", "woman" if pt.sex == "F" else "man", " who lives alone in a second-floor apartment (", pt.addr.inline(), "). Family:\n",
            "- ", r1.rel, " ", P(r1.full()), ", health care proxy, ", P(fmt_phone(r1.cell, rng.choice(PHONE_STYLES)), "phone"), ", ", P(r1.email, "email"), "\n",
            "- ", r2.rel, " ", P(r2.full()), ", lives out of state, ", P(fmt_phone(r2.phone, rng.choice(PHONE_STYLES)), "phone"), "\n\n",
            "Income: Social Security only. Started MassHealth/Medicaid long-term care application with ", r1.rel, "; SSN ", P(pt.ssn, "ssn"),
            " and Medicare ID ", P(fmt_mbi(pt.mbi, rng.random() < 0.5), "medicare_mbi"), " copied to the application.\n\n",
            "Plan: SNF referrals sent to 3 facilities. Family meeting ", D(fd(t.date() + dt.timedelta(days=2), "us_np"), "date"), " at 2 pm.\n",
            "- ", sw.n("cred"), "\n"]


def t_note_death(rng):
    org = org_of(rng)
    doc, rn = Staff(rng, org, "md"), Staff(rng, org, "rn")
    pt = patient(rng, old=rng.random() < 0.6, min_age=70)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("son", "daughter", "wife", "husband")]))
    t = recent(rng)
    me = rng.random() < 0.5
    return ["DEATH PRONOUNCEMENT NOTE\n", note_header(rng, pt, org, [("Unit", rng.choice(["MICU", "5W", "Palliative Care Unit"]))], style="lines"),
            "\nCalled to bedside by ", rn.n("cred"), " at ", f"{t:%H:%M}", " on ", P(fd(t.date(), "us"), "date"), ". Patient unresponsive to verbal and tactile stimuli, ",
            "no heart sounds or breath sounds for one minute, pupils fixed.\n",
            "Time of death: ", P(f"{t:%m/%d/%Y}", "date") if rng.random() < 0.5 else P(fd(t.date(), "iso"), "date"), f" {(t + dt.timedelta(minutes=4)):%H:%M}\n\n",
            "Family: ", pt.her, " ", rel.rel, " ", P(rel.full()), " was at the bedside and was informed. ", rng.choice(["Declined autopsy.", "Autopsy requested.", "Will discuss autopsy with siblings."]), "\n",
            ["Medical examiner notified (unwitnessed fall on admission); ME case number ", P(f"{t.year % 100}-{rng.randint(1000, 9999)}", "other_id"), ", body released.\n"] if me
            else "Medical examiner not notified - expected death, comfort measures only.\n",
            "Patient was ", age_pred(rng, pt.age), ". Cause: ", D(rng.choice(DX)[0], "condition"), ".\n",
            "Funeral home: ", rng.choice(["Brennan & Sons", "Riverside Memorial", "Greenlawn Chapel"]), ", per family.\n",
            sig(rng, doc, t + dt.timedelta(minutes=30))]


def t_note_radiology(rng):
    org = org_of(rng)
    rad, ordr = staff_list(rng, org, 2, ["md", "md"])
    pt = patient(rng, old=rng.random() < 0.5, min_age=55)
    t = recent(rng)
    exam = rng.choice([("CT HEAD WITHOUT CONTRAST", "70450", "fall, on anticoagulation", "No acute intracranial hemorrhage. Chronic small vessel ischemic changes."),
                       ("XR CHEST 2 VIEWS", "71046", "cough, fever", "Mild cardiomegaly. Patchy right lower lobe opacity."),
                       ("XR PELVIS AND RIGHT HIP", "73502", "fall, right hip pain", "Nondisplaced fracture of the right femoral neck.")])
    return [D(org["facs"][0], "facility"), " - Department of Radiology\n\n",
            "PATIENT: ", P(pt.LF()), "\nMRN: ", P(pt.mrn, "mrn"), "      DOB: ", P(fd(pt.dob, "us"), "date"), "      SEX: ", pt.sex, "\n",
            "EXAM: ", exam[0], " (", D(exam[1], "procedure_code"), ")\n", "EXAM DATE: ", P(f"{t:%m/%d/%Y}", "date"), f" {t:%H:%M}\n",
            "ACCESSION: ", D(f"{org['code']}{rng.randint(10 ** 7, 10 ** 8 - 1)}", "order_number"), "\n", "ORDERING: ", ordr.n(), "\n\n",
            "CLINICAL HISTORY: ", age_adj(rng, pt.age), " ", "female" if pt.sex == "F" else "male", " with ", exam[2], ".\n\n",
            "COMPARISON: ", P(fd(t.date() - dt.timedelta(days=rng.randint(200, 900)), "us"), "date"), ".\n\n",
            "FINDINGS: ", exam[3], "\n\n",
            "IMPRESSION:\n1. ", rng.choice(["No acute abnormality.", "Findings as above, discussed with the ordering provider."]), "\n\n",
            "Dictated by: ", rad.n("dr"), "\n", "Signed: ", P(f"{(t + dt.timedelta(minutes=40)):%m/%d/%Y}", "date"), f" {(t + dt.timedelta(minutes=40)):%H:%M}\n"]


# ----------------------------------------------------------------------------------------
# PHI family: csv_claims
# ----------------------------------------------------------------------------------------

def cval(x, delim=",", quote_all=False):
    text = x.text if isinstance(x, Sp) else "".join(i.text if isinstance(i, Sp) else i for i in _flatten_items(x))
    if quote_all or delim in text or '"' in text:
        return ['"', x, '"']
    return x


def _flatten_items(x):
    out = []
    _flat(x, out)
    return out


def crow(vals, delim=",", quote_all=False):
    return [J(delim, [cval(v, delim, quote_all) for v in vals]), "\n"]


def money(rng, lo=30, hi=2500):
    return f"{rng.uniform(lo, hi):.2f}"


def t_csv_837_lines(rng):
    org = org_of(rng)
    docs = staff_list(rng, org, 2, ["md", "md"])
    bill_npi = make_npi(rng)
    pts = cohort(rng, rng.randint(2, 3), old_share=0.15)
    t = recent(rng)
    out = [crow(["claim_id", "line_no", "member_id", "patient_last", "patient_first", "patient_dob", "dos_from", "dos_to", "cpt", "modifier",
                 "icd10_1", "icd10_2", "billing_npi", "rendering_npi", "units", "charge_amt"])]
    for p in pts:
        cid = make_claim(rng)
        dos = t.date() - dt.timedelta(days=rng.randint(5, 60))
        d1, d2 = pick_dx(rng, 2)
        doc = rng.choice(docs)
        for ln, c in enumerate(rng.sample(CPT, rng.randint(1, 3)), 1):
            out.append(crow([P(cid, "other_id"), str(ln), P(p.member, "health_plan_id"), P(p.family), P(p.given), P(fd(p.dob, "iso"), "date"),
                             P(dos.isoformat(), "date"), P(dos.isoformat(), "date"), D(c[0], "procedure_code"), rng.choice(["", "25", "59", ""]),
                             D(d1[1], "diagnosis_code"), D(d2[1], "diagnosis_code"), D(bill_npi, "npi"), D(doc.npi, "npi"), "1", money(rng)]))
    return out


def t_csv_medicare_mbi(rng):
    pts = cohort(rng, rng.randint(3, 5), old_share=0.4, min_age=66)
    t = recent(rng)
    out = [crow(["MBI", "BENE_LAST_NAME", "BENE_FIRST_NAME", "BENE_BIRTH_DT", "CLM_FROM_DT", "CLM_THRU_DT", "HCPCS_CD", "PRNCPL_DGNS_CD", "PRVDR_NPI", "CLM_PMT_AMT"])]
    for p in pts:
        fr = t.date() - dt.timedelta(days=rng.randint(20, 120))
        th = fr + dt.timedelta(days=rng.choice([0, 0, 3, 5]))
        c, d = rng.choice(CPT), rng.choice(DX)
        out.append(crow([P(p.mbi, "medicare_mbi"), P(ascii_fold(p.family).upper()), P(ascii_fold(p.given).upper()), P(fd(p.dob, "hl7"), "date"),
                         P(fd(fr, "hl7"), "date"), P(fd(th, "hl7"), "date"), D(c[0], "procedure_code"), D(d[1].replace(".", ""), "diagnosis_code"),
                         D(make_npi(rng), "npi"), money(rng, 20, 900)]))
    return out


def t_csv_denials_quoted(rng):
    org = org_of(rng)
    owners = staff_list(rng, org, 3, ["admin", "admin", "admin"])
    pts = cohort(rng, rng.randint(3, 5), old_share=0.15)
    t = recent(rng)
    reasons = [("CO-16", "Claim lacks information"), ("CO-197", "Precertification absent"), ("CO-29", "Time limit for filing expired"),
               ("PR-1", "Deductible amount"), ("CO-50", "Not medically necessary"), ("CO-22", "Coordination of benefits")]
    out = [crow(["Patient Name", "Acct #", "DOS", "Payer", "CARC", "Denial Reason", "Balance", "Owner"], quote_all=True)]
    for p in pts:
        r = rng.choice(reasons)
        out.append(crow([P(p.lf()), P(p.acct, "account_number"), P(fd(t.date() - dt.timedelta(days=rng.randint(30, 200)), "us"), "date"),
                         rng.choice(PAYERS)[0], r[0], r[1], money(rng, 80, 12000), rng.choice(owners).n("lf")], quote_all=True))
    return out


def t_csv_pharmacy_ndc(rng):
    pts = cohort(rng, rng.randint(3, 5), old_share=0.15)
    t = recent(rng)
    out = [crow(["rx_claim_id", "member_id", "first_name", "last_name", "dob", "fill_date", "ndc", "drug_name", "qty", "days_supply", "prescriber_npi", "paid_amt"])]
    for p in pts:
        m = rng.choice(MEDS)
        out.append(crow([D(str(rng.randint(10 ** 9, 10 ** 10 - 1)), "internal_id"), P(p.member, "health_plan_id"), P(p.given), P(p.family),
                         P(fd(p.dob, "us"), "date"), P(fd(t.date() - dt.timedelta(days=rng.randint(1, 40)), "us"), "date"), D(rng.choice(NDCS), "drug_code"),
                         D(m[0], "medication"), str(rng.choice([30, 60, 90])), str(rng.choice([30, 90])), D(make_npi(rng), "npi"), money(rng, 2, 400)]))
    return out


def t_csv_semicolon(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.15)
    t = recent(rng)
    out = [f"# export {t:%d.%m.%Y %H:%M} claims_tool v{rng.randint(3, 6)}.{rng.randint(0, 9)}\n",
           crow(["Claim_No", "Name", "Geburtsdatum/DOB", "Service_Date", "Member_ID", "CPT", "ICD", "Amount"], ";")]
    for p in pts:
        out.append(crow([P(make_claim(rng), "other_id"), P(p.lf()), P(fd(p.dob, "dot"), "date"),
                         P(fd(t.date() - dt.timedelta(days=rng.randint(10, 90)), "dot"), "date"), P(p.member, "health_plan_id"),
                         D(rng.choice(CPT)[0], "procedure_code"), D(rng.choice(DX)[1], "diagnosis_code"), money(rng).replace(".", ",")], ";"))
    return out


def t_csv_tsv_address(rng):
    pts = cohort(rng, region=True, n=rng.randint(3, 5), old_share=0.2)
    out = ["\t".join(["account", "guarantor_name", "address1", "address2", "city", "state", "zip", "phone", "return_reason"]) + "\n"]
    for p in pts:
        out.append([P(p.acct, "account_number"), "\t", P(p.LF()), "\t", P(p.addr.street.upper(), "street_address"), "\t",
                    P(p.addr.unit.upper(), "street_address") if p.addr.unit else "", "\t", P(p.addr.city.upper(), "street_address"), "\t",
                    D(p.addr.state, "state"), "\t", P(p.addr.zip + "-" + p.addr.zip4 if rng.random() < 0.4 else p.addr.zip, "zip_code"), "\t",
                    P(fmt_phone(p.phone, "plain"), "phone"), "\t", rng.choice(["UNDELIVERABLE", "NO SUCH NUMBER", "MOVED LEFT NO ADDRESS", "FORWARD EXPIRED"]), "\n"])
    return ["statement_returned_mail.tsv\n", out]


def t_csv_report_preamble(rng):
    org = org_of(rng)
    run = recent(rng)
    pts = cohort(rng, rng.randint(3, 5), old_share=0.2)
    out = [f"Report:,Open AR > 90 days by guarantor\nRun date:,{run:%m/%d/%Y %H:%M}\n", "Facility:,", D(org["facs"][0], "facility"), "\n\n",
           crow(["MRN", "Patient", "DOB", "Admit", "Discharge", "Fin Class", "Total Charges", "Balance", "Aging Bucket"])]
    tot = 0.0
    for p in pts:
        adm = run.date() - dt.timedelta(days=rng.randint(95, 300))
        dis = adm + dt.timedelta(days=rng.randint(0, 6))
        bal = rng.uniform(100, 30000)
        tot += bal
        out.append(crow([P(p.mrn, "mrn"), P(p.LF()), P(fd(p.dob, "us_np"), "date"), P(fd(adm, "us_np"), "date"), P(fd(dis, "us_np"), "date"),
                         rng.choice(["Commercial", "Medicare", "Self Pay", "Medicaid"]), f"{bal * rng.uniform(1.1, 3):.2f}", f"{bal:.2f}",
                         rng.choice(["91-120", "121-180", "181+"])]))
    out.append(f",,,,,,Total,{tot:.2f},\n")
    return out


def t_csv_835_remit(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.2)
    t = recent(rng)
    payer = rng.choice(PAYERS)[0]
    eft = f"{rng.randint(10 ** 9, 10 ** 10 - 1)}"
    out = [f"# 835 remittance viewer export - payer {payer} - EFT trace {eft}\n",
           crow(["patient_control_no", "payer_claim_no", "patient_name", "member_id", "svc_date", "billed", "allowed", "paid", "pt_resp", "paid_date", "claim_status"])]
    for p in pts:
        billed = rng.uniform(100, 3000)
        allowed = billed * rng.uniform(0.3, 0.9)
        paid = allowed * rng.uniform(0.6, 1.0)
        out.append(crow([P(p.acct, "account_number"), P(make_claim(rng), "other_id"), P(p.LF().replace(", ", ",")), P(p.member, "health_plan_id"),
                         P(fd(t.date() - dt.timedelta(days=rng.randint(20, 90)), "iso"), "date"), f"{billed:.2f}", f"{allowed:.2f}", f"{paid:.2f}",
                         f"{allowed - paid:.2f}", D(fd(t.date(), "iso"), "date"), rng.choice(["1", "1", "2", "4", "22"])]))
    return out


def t_csv_eligibility(rng):
    sub = patient(rng, min_age=30, max_age=60)
    sp = relative(rng, sub, rel=rng.choice([("wife", "F", "SPO", "Spouse"), ("husband", "M", "SPO", "Spouse")]))
    kid = Person(rng, culture=sub.ckey, family_of=sub, age=rng.randint(1, 17), addr=sub.addr)
    kid.family = sub.family
    t = recent(rng)
    grp = f"{rng.randint(10000, 99999)}"
    eff = dt.date(t.year, 1, 1)
    out = [crow(["subscriber_id", "rel_code", "last_name", "first_name", "dob", "gender", "ssn", "address", "city", "state", "zip", "group_no", "eff_date"])]
    for person, rc in ((sub, "18"), (sp, "01"), (kid, "19")):
        out.append(crow([P(sub.member, "health_plan_id"), rc, P(person.family), P(person.given), P(fd(person.dob, "us"), "date"), person.sex,
                         P(person.ssn, "ssn") if rc != "19" else "", P(sub.addr.street + (" " + sub.addr.unit if sub.addr.unit else ""), "street_address"),
                         P(sub.addr.city, "street_address"), D(sub.addr.state, "state"), P(sub.addr.zip, "zip_code"), D(grp, "group_number"), D(fd(eff, "us"), "date")]))
    return [f"834_to_csv output, file {rng.randint(1000, 9999)}_{t:%Y%m%d}.csv\n", out]


def t_csv_inpatient_drg(rng):
    org = org_of(rng)
    pts = cohort(rng, rng.randint(3, 5), old_share=0.35, min_age=45)
    t = recent(rng)
    drgs = [("291", "Heart failure and shock w MCC"), ("871", "Septicemia w/o MV >96 hrs w MCC"), ("470", "Major hip and knee joint replacement"),
            ("190", "COPD w MCC"), ("683", "Renal failure w CC"), ("193", "Simple pneumonia w MCC")]
    out = [crow(["fin", "mrn", "patient", "age", "admit_dt", "disch_dt", "los", "drg", "drg_desc", "princ_dx", "disch_disp", "facility"])]
    for p in pts:
        adm = t.date() - dt.timedelta(days=rng.randint(10, 90))
        los = rng.randint(1, 12)
        d = rng.choice(drgs)
        out.append(crow([P(make_visit(rng), "account_number"), P(p.mrn, "mrn"), P(p.lf()), age_items(p.age), P(fd(adm, "us"), "date"),
                         P(fd(adm + dt.timedelta(days=los), "us"), "date"), str(los), D(d[0], "drg"), d[1], D(rng.choice(DX)[1], "diagnosis_code"),
                         rng.choice(["01", "03", "06", "62"]), D(org["facs"][0], "facility")]))
    return out


def t_csv_dme_serials(rng):
    pts = cohort(rng, rng.randint(3, 4), old_share=0.25, min_age=40)
    t = recent(rng)
    items = [("E0601", "CPAP device"), ("E1390", "Oxygen concentrator"), ("E0470", "RAD bilevel w/o backup"), ("K0823", "Power wheelchair group 2"),
             ("E0784", "External ambulatory infusion pump")]
    out = [crow(["claim_number", "member_id", "beneficiary", "dob", "hcpcs", "item", "serial_no", "rental_month", "dos", "allowed"])]
    for p in pts:
        it = rng.choice(items)
        out.append(crow([P(make_claim(rng), "other_id"), P(p.member, "health_plan_id"), P(p.full()), P(fd(p.dob, "us"), "date"),
                         D(it[0], "procedure_code"), it[1], P(make_serial(rng), "device_id"), str(rng.randint(1, 13)),
                         P(fd(t.date() - dt.timedelta(days=rng.randint(5, 60)), "us"), "date"), money(rng, 40, 600)]))
    return out


def t_csv_appeals_log(rng):
    org = org_of(rng)
    revs = staff_list(rng, org, 3, ["rn", "md", "rn"])
    pts = cohort(rng, rng.randint(3, 4), old_share=0.25)
    t = recent(rng)
    out = [crow(["appeal_id", "claim_no", "member_name", "member_dob", "member_phone", "dos", "received", "level", "decision", "reviewer"])]
    for p in pts:
        out.append(crow([f"APL-{t.year}-{rng.randint(10000, 99999)}", P(make_claim(rng), "other_id"), P(p.full()), P(fd(p.dob, rng.choice(["us", "iso"])), "date"),
                         P(fmt_phone(p.phone, "dash"), "phone"), P(fd(t.date() - dt.timedelta(days=rng.randint(40, 200)), "us"), "date"),
                         D(fd(t.date() - dt.timedelta(days=rng.randint(1, 30)), "us"), "date"), rng.choice(["1", "2"]),
                         rng.choice(["Overturned", "Upheld", "Partially overturned", "Pending"]), rng.choice(revs).n()]))
    return out


# ----------------------------------------------------------------------------------------
# PHI family: patient_email
# ----------------------------------------------------------------------------------------

def mail_date(rng, t, style):
    if style == "gmail":
        return D(f"{t:%a}, {MON[t.month - 1]} {t.day}, {t.year} at {(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}", "date")
    if style == "outlook":
        return D(f"{t:%A}, {MONTHS[t.month - 1]} {t.day}, {t.year} {(t.hour % 12) or 12}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}", "date")
    return D(f"{t:%a}, {t.day:02d} {MON[t.month - 1]} {t.year} {t:%H:%M:%S} -0500", "date")


def addr_of(name_item, email_item):
    return [name_item, " <", email_item, ">"]


def mail_head(rng, frm, to, t, subj, cc=None, style=None, attach=None):
    style = style or rng.choice(["gmail", "outlook", "rfc"])
    if style == "outlook":
        out = ["From: ", frm, "\n", "Sent: ", mail_date(rng, t, style), "\n", "To: ", to, "\n"]
        if cc:
            out += ["Cc: ", cc, "\n"]
        out += ["Subject: ", subj, "\n"]
    else:
        out = ["From: ", frm, "\n", "To: ", to, "\n"]
        if cc:
            out += ["Cc: ", cc, "\n"]
        out += ["Date: ", mail_date(rng, t, style), "\n", "Subject: ", subj, "\n"]
        if style == "rfc":
            out += [f"Message-ID: <{hexs(rng, 16)}.{rng.randint(1000, 9999)}@mail.{rng.choice(['gmail.com', 'yahoo.com', 'outlook.com'])}>\n"]
    if attach:
        out += ["Attachments: ", attach, "\n"]
    return out + ["\n"]


def mailbox(org, local):
    return D(f"{local}@{org['domain']}", "staff_contact")


def pt_from(rng, pt):
    return addr_of(P(pt.full()), P(pt.email, "email"))


def t_mail_bill_question(rng):
    org = org_of(rng)
    pt = patient(rng, min_age=22, culture=maybe_native(rng))
    t = recent(rng)
    svc = t.date() - dt.timedelta(days=rng.randint(20, 90))
    amt = f"{rng.randint(60, 1800)}.{rng.randint(0, 99):02d}"
    frm = addr_of(P(pt.native()), P(pt.email, "email")) if pt.has_native else pt_from(rng, pt)
    return [mail_head(rng, frm, [org["name"], " Billing <", mailbox(org, "billing"), ">"], t, "Question about my bill"),
            "Hello,\n\n", "I got a statement for $", amt, " for my visit on ", P(fd(svc, rng.choice(["us_np", "long", "mon", "us_short"])), "date"),
            " and I don't understand why it's so high. I have ", rng.choice(PAYERS)[0], " and my member ID is ", P(pt.member, "health_plan_id"),
            ". The account number on the statement is ", P(pt.acct, "account_number"), ".\n\n",
            "Can someone call me? The best number is ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), ", I'm usually free after ",
            rng.choice(["3", "4", "5"]), ".\n\n", "Thanks,\n", P(pt.full()), "\n", rng.choice(["DOB ", "Date of birth: ", "born "]),
            P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n\n", "Sent from my iPhone\n"]


def t_mail_reply_quoted(rng):
    org = org_of(rng)
    ma, doc = Staff(rng, org, "admin"), Staff(rng, org, "md")
    pt = patient(rng, min_age=25)
    t0 = recent(rng)
    t1 = t0 + dt.timedelta(hours=rng.randint(2, 30))
    lab = rng.choice(["cholesterol", "A1c", "thyroid", "kidney function"])
    quoted = [f"On {t0:%a}, {MON[t0.month - 1]} {t0.day}, {t0.year} at {(t0.hour % 12) or 12}:{t0.minute:02d} {'AM' if t0.hour < 12 else 'PM'} ",
              P(pt.full()), " <", P(pt.email, "email"), "> wrote:\n",
              "> Hi, I had my blood work done on ", P(fd(t0.date() - dt.timedelta(days=rng.randint(2, 6)), "us_np"), "date"), ". Are my ", lab, " results back?\n",
              "> I'm taking ", D(rng.choice(HOME_MEDS)[0], "medication"), " and want to know if the dose needs to change.\n", "> \n",
              "> ", P(pt.given), "\n", "> ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), "\n"]
    return [mail_head(rng, [ma.n(), " <", ma.email_s(), ">"], pt_from(rng, pt), t1, ["RE: lab results"], style=rng.choice(["gmail", "outlook"])),
            "Hi ", P(pt.given), ",\n\n", doc.n("dr"), " reviewed your ", lab, " results and they are ", rng.choice(["within normal range", "slightly high", "improved"]),
            ". No change to your medication for now. ", doc.n("dr"), " would like to see you in 3 months - please call ",
            D(fmt_phone(make_phone(rng, '617'), "dash"), "staff_contact"), " to schedule.\n\n", "For your privacy, please use the patient portal for future questions about results.\n\n",
            ma.n(), "\n", "Medical Assistant, ", D(rng.choice(org["facs"]), "facility"), "\n\n", quoted]


def t_mail_fw_records(rng):
    org = org_of(rng)
    fd_, him = staff_list(rng, org, 2, ["admin", "admin"])
    pt = patient(rng, min_age=25)
    t0 = recent(rng)
    t1 = t0 + dt.timedelta(hours=rng.randint(1, 20))
    other = rng.choice(["Boston Orthopedic Associates", "Lakeview Cardiology", "Coastal Pain Management",
                        [D("Dr.", "title"), " ", D("Ferreira", "person_name"), "'s office in Fall River"]])
    return [mail_head(rng, [fd_.n(), " <", fd_.email_s(), ">"], ["HIM Release of Information <", mailbox(org, "roi"), ">"], t1,
                      ["FW: request for my records"], cc=[him.n(), " <", him.email_s(), ">"], style=rng.choice(["outlook", "gmail"])),
            "Forwarding - patient emailed the front desk. Can ROI take this? Thanks, ", D(fd_.first, "person_name"), "\n\n",
            "---------- Forwarded message ---------\n", "From: ", pt_from(rng, pt), "\n", "Date: ", mail_date(rng, t0, "gmail"), "\n",
            "Subject: request for my records\n", "To: <", mailbox(org, "frontdesk"), ">\n\n",
            "Hi, I'm switching to ", other, " and need my records sent there. My name is ", P(pt.full(True)), ", date of birth ",
            P(fd(pt.dob, rng.choice(["long", "us", "dmy_mon"])), "date"), ". I was seen at your clinic from about ",
            str(rng.randint(2015, 2022)), " until this year. My address is ", pt.addr.inline(), " and phone ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"),
            ".\nDo I need to sign something?\n\nThank you\n", P(pt.given), "\n"]


def t_mail_update_info(rng):
    org = org_of(rng)
    pt = patient(rng, min_age=22)
    newa = Address(rng)
    t = recent(rng)
    payer = rng.choice(PAYERS)[0]
    imgs = [P(f"IMG_{rng.randint(1000, 9999)}.jpg", "photo"), " (license), ", D(f"IMG_{rng.randint(1000, 9999)}.jpg", "photo"), " (insurance card front)"]
    return [mail_head(rng, pt_from(rng, pt), ["Patient Registration <", mailbox(org, "registration"), ">"], t, "New address and insurance", attach=imgs),
            "Hello,\n\nI moved and changed insurance, please update my file before my appointment on ", P(fd(t.date() + dt.timedelta(days=rng.randint(3, 20)), "us_np"), "date"), ".\n\n",
            "Name: ", P(pt.lf()), "\n", "D.O.B.: ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n",
            "New address:\n", [P(newa.street, "street_address"), [" ", P(newa.unit, "street_address")] if newa.unit else "", "\n",
                               P(newa.city, "street_address"), ", ", D(newa.state_name if rng.random() < 0.3 else newa.state, "state"), " ", P(newa.zip, "zip_code")], "\n",
            "(old address was ", P(pt.addr.street, "street_address"), ", ", P(pt.addr.city, "street_address"), ")\n",
            "New insurance: ", payer, ", member ID ", P(pt.member, "health_plan_id"), ", group ", D(str(rng.randint(10000, 999999)), "group_number"), "\n",
            "Cell: ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), "\n\n", "I attached pictures of my license and the card.\n\n", P(pt.given), "\n"]


def t_mail_caregiver(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=True)
    cg = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son", "granddaughter", "niece")]))
    t = recent(rng)
    parent = {"daughter": "father" if pt.sex == "M" else "mother", "son": "father" if pt.sex == "M" else "mother",
              "granddaughter": "grandfather" if pt.sex == "M" else "grandmother", "niece": "uncle" if pt.sex == "M" else "aunt"}[cg.rel]
    med = rng.choice(HOME_MEDS)
    return [mail_head(rng, addr_of(P(cg.full()), P(cg.email, "email")), [doc.n("dr"), " <", doc.email_s(), ">"], t,
                      ["My ", parent, " ", P(pt.full()), " - question about ", pt.her, " medication"]),
            D("Dr.", "title"), " ", D(doc.last, "person_name"), ",\n\n",
            "I'm writing about my ", parent, ", ", P(pt.full()), " (DOB ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "). ", pt.She, " is ",
            age_pred(rng, pt.age), " and lives with me now at ", cg.addr.inline() if cg.addr is not pt.addr else pt.addr.inline(), ".\n\n",
            "Since the ", D(med[0], "medication"), " was increased ", pt.she, " has been very sleepy during the day and ",
            rng.choice(["had a fall last Tuesday", "is not eating much", "seems more confused in the evening"]), ". ",
            "Should we lower the dose or come in? I'm on the HIPAA form, you can call me at ", P(fmt_phone(cg.cell, rng.choice(PHONE_STYLES)), "phone"), ".\n\n",
            "Thank you,\n", P(cg.given), "\n"]


def t_mail_appt_request(rng):
    org = org_of(rng)
    doc = Staff(rng, org, rng.choice(["md", "np"]))
    pt = patient(rng, min_age=20)
    t = recent(rng)
    return [mail_head(rng, pt_from(rng, pt), ["Scheduling <", mailbox(org, "appointments"), ">"], t,
                      rng.choice(["Appointment request", "need to see doctor", "Reschedule my appointment"])),
            "Hi,\n\nI'd like an appointment with ", doc.n("dr"), " ", rng.choice(["as soon as possible", "next week if possible", "in the morning"]), ". ",
            rng.choice(["My back pain is back.", "I need a physical for work.", "I have a rash that isn't going away.", "I need a follow up for my blood pressure."]), "\n\n",
            rng.choice(["DOB: ", "Date of Birth - ", "D.O.B. ", "My birthday is "]), P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n",
            rng.choice(["Phone: ", "Tel. ", "Call me at "]), P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES + ["plain"])), "phone"), "\n",
            "MRN (from my card): ", P(pt.mrn, "mrn"), "\n\n", "Thanks!\n", P(rng.choice([pt.full(), pt.given])), "\n"]


def t_mail_native_signature(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pt = patient(rng, culture=rng.choice(NATIVE_KEYS), min_age=25)
    t = recent(rng)
    svc = t.date() + dt.timedelta(days=rng.randint(2, 20))
    return [mail_head(rng, addr_of(P(pt.native()), P(pt.email, "email")), ["Interpreter Services <", mailbox(org, "interpreters"), ">"], t,
                      "Interpreter for appointment"),
            "Hello,\n\nI need an interpreter for my appointment with ", doc.n("dr"), " on ", P(fd(svc, rng.choice(["us_np", "mon", "long"])), "date"),
            ". My English is not good. My name in English is ", P(pt.full()), ", birthday ", P(fd(pt.dob, rng.choice(["dot", "iso", "us"])), "date"),
            ". Please call my ", rng.choice(["son", "daughter"]), "'s phone ", P(fmt_phone(pt.cell, rng.choice(PHONE_STYLES)), "phone"), ".\n\n",
            "Thank you\n", P(pt.native()), "\n", P(pt.full()), "\n"]


def t_mail_staff_thread(rng):
    org = org_of(rng)
    a, b, c = staff_list(rng, org, 3, ["rn", "md", "admin"])
    pt = patient(rng, old=rng.random() < 0.4, min_age=55)
    t = recent(rng)
    dx = rng.choice(DX)
    return [mail_head(rng, [a.n(), " <", a.email_s(), ">"], [b.n(), " <", b.email_s(), ">"], t,
                      ["Readmission - ", P(pt.LF()), " ", P(pt.mrn, "mrn")], cc=[c.n(), " <", c.email_s(), ">"], style="outlook"),
            "Hi ", D(b.first, "person_name"), ",\n\n", "FYI ", D(pt.title, "title"), " ", P(pt.family), " (DOB ", P(fd(pt.dob, "us"), "date"), ") bounced back to the ED last night, ",
            "discharged from us on ", P(fd(t.date() - dt.timedelta(days=rng.randint(3, 20)), "us_np"), "date"), " with ", D(dx[2], "condition"), ". ",
            ["", ["Age ", P(str(pt.age), "age_over_89"), ", lives alone. "]][pt.age >= 90],
            "Home health never went out - the referral had the wrong phone (", P(fmt_phone(make_phone(rng, pt.phone[:3]), "dash"), "phone"), " instead of ",
            P(fmt_phone(pt.phone, "dash"), "phone"), ").\n\n", "Can we review at Thursday's readmission huddle? ", D(c.first, "person_name"),
            " can you pull the referral audit trail?\n\n", "Thanks,\n", a.n("cred"), "\nCase Management | ", a.phone_s("dot"), " | pager ", D(a.pager, "staff_contact"), "\n\n",
            "CONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you received it in error, delete it and notify the sender.\n"]


def t_mail_refill(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pt = patient(rng, old=rng.random() < 0.25, min_age=40)
    t = recent(rng)
    meds = rng.sample(HOME_MEDS, 2)
    pharm = rng.choice(["CVS", "Walgreens", "Rite Aid", "Stop & Shop pharmacy", "Costco pharmacy"])
    return [mail_head(rng, pt_from(rng, pt), ["Refills - ", doc.n("dr"), " <", mailbox(org, "refills"), ">"], t, "Refill please"),
            "Hi, can you please send refills for my ", D(meds[0][0], "medication"), " and ", D(meds[1][0], "medication"), " to the ", pharm, " on ",
            rng.choice(["Main", "Broadway", "Central", "Washington"]) + " St",
            "? I have 2 days left.\n\n", P(pt.full()), "\n", "born ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), "\n"]


def t_mail_portal_notification(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pt = patient(rng, min_age=20)
    t = recent(rng)
    host = f"mychart.{org['domain']}"
    url = f"https://{host}/MyChart/Messaging/Inbox?pid={rng.randint(10 ** 7, 10 ** 8 - 1)}&msg={rng.randint(10 ** 6, 10 ** 7 - 1)}"
    return [mail_head(rng, [org["name"], " MyChart <", D(f"noreply@{host}", "staff_contact"), ">"], addr_of(P(pt.full()), P(pt.email, "email")), t,
                      "You have a new message in MyChart", style="rfc"),
            "Dear ", P(pt.given), ",\n\n", "You have a new message from ", doc.n("dr"), ". To read it, sign in to MyChart:\n", P(url, "url"), "\n\n",
            "Upcoming appointment: ", P(fd(t.date() + dt.timedelta(days=rng.randint(3, 40)), "long"), "date"), " at ", D(rng.choice(org["facs"]), "facility"), "\n\n",
            "Please do not reply to this email. If you did not expect this message, call us at ", D(fmt_phone(make_phone(rng, "617"), "dash"), "staff_contact"), ".\n",
            "To stop these emails, update your notification preferences in MyChart.\n"]


def t_mail_spanish(rng):
    org = org_of(rng)
    doc = Staff(rng, org, "md")
    pt = patient(rng, culture=rng.choice(["mexican", "puerto_rican", "dominican", "colombian", "cuban"]), min_age=30)
    rel = relative(rng, pt, rel=rng.choice([r for r in RELS if r[0] in ("daughter", "son")]))
    t = recent(rng)
    relword = "hija" if rel.rel == "daughter" else "hijo"
    return [mail_head(rng, pt_from(rng, pt), ["Clínica - ", D(rng.choice(org["facs"]), "facility"), " <", mailbox(org, "espanol"), ">"], t,
                      "Cita y resultados"),
            "Buenas tardes,\n\n", "Mi nombre es ", P(pt.full()), " y mi fecha de nacimiento es el ", P(fd(pt.dob, rng.choice(["dot", "us", "dmy"])), "date"),
            ". Tuve una cita con ", doc.n("dr"), " el ", P(fd(t.date() - dt.timedelta(days=rng.randint(5, 20)), rng.choice(["dot", "us_np"])), "date"),
            " y todavía no recibo los resultados de los análisis.\n",
            "Por favor llamen a mi ", relword, " ", P(rel.full()), " al ", P(fmt_phone(rel.cell, rng.choice(PHONE_STYLES)), "phone"), ", ", "ella" if rel.sex == "F" else "él",
            " habla inglés.\n", "Mi dirección nueva es ", pt.addr.inline(), ".\n\n", "Gracias,\n", P(pt.given), "\n"]


def t_mail_records_release(rng):
    org = org_of(rng)
    him = Staff(rng, org, "admin")
    pt = patient(rng, min_age=25)
    t = recent(rng)
    return [mail_head(rng, pt_from(rng, pt), [him.n(), " <", him.email_s(), ">"], t, "Re: authorization form"),
            "Hi ", D(him.first, "person_name"), ",\n\nHere is the info you asked for to match my chart:\n\n",
            "Full name: ", P(pt.full(True)), "\n", "Previous name: ", P(f"{pt.given} {Person(rng, culture=pt.ckey).family}"), "\n",
            "Date of Birth: ", P(fd(pt.dob, rng.choice(DOB_STYLES)), "date"), "\n", "Last 4 of SSN: ", D(pt.ssn[-4:], "ssn"), "\n",
            "Address: ", pt.addr.inline(zip4=rng.random() < 0.5), "\n", "Phone: ", P(fmt_phone(pt.phone, rng.choice(PHONE_STYLES)), "phone"), "\n",
            "Dates of treatment: ", P(fd(t.date() - dt.timedelta(days=rng.randint(300, 900)), "us"), "date"), " - ", P(fd(t.date() - dt.timedelta(days=rng.randint(10, 200)), "us"), "date"), "\n\n",
            "Signed form is attached (", D("ROI_form_signed.pdf", "attachment"), ").\n\n", P(pt.given), "\n"]


# ----------------------------------------------------------------------------------------
# clean family: clean_stack_trace
# ----------------------------------------------------------------------------------------

def ver(rng):
    return f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def t_cs_java_hapi(rng):
    t = recent(rng)
    pidn = rng.randint(1000, 60000)
    rid = rng.randint(10000, 999999)
    bad = rng.choice(['"1962-13-45"', '"19xx-01-01"', '"2026-02-30"', '"00/00/0000"'])
    hv = f"{rng.randint(5, 7)}.{rng.randint(0, 10)}.{rng.randint(0, 5)}"
    return [f"{log_ts(t, 'log4j').replace(',', '.')} ERROR {pidn} --- [nio-8443-exec-{rng.randint(1, 40)}] o.n.fhir.gateway.PatientController  : ",
            f"Request failed requestId={uuid4(rng)} method=PUT path=/fhir/R4/Patient/", D(str(rid), "internal_id"), f" client={make_server_ip(rng)}\n\n",
            f"ca.uhn.fhir.parser.DataFormatException: HAPI-1821: [element=\"birthDate\"] Invalid attribute value {bad}: Invalid date/time format: {bad}\n",
            f"\tat ca.uhn.fhir.parser.ParserState$PrimitiveState.attributeValue(ParserState.java:{rng.randint(900, 1500)})\n",
            f"\tat ca.uhn.fhir.parser.JsonParser.parseChildren(JsonParser.java:{rng.randint(900, 1500)})\n",
            f"\tat ca.uhn.fhir.parser.JsonParser.doParseResource(JsonParser.java:{rng.randint(200, 400)})\n",
            f"\tat ca.uhn.fhir.parser.BaseParser.parseResource(BaseParser.java:{rng.randint(600, 900)})\n",
            f"\tat org.{rng.choice(['ngh', 'cvh', 'hph'])}.fhir.gateway.PatientController.update(PatientController.java:{rng.randint(40, 200)})\n",
            "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n",
            "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n",
            f"\t... {rng.randint(40, 90)} common frames omitted\n",
            f"Caused by: java.time.format.DateTimeParseException: Text {bad} could not be parsed at index 5\n",
            "\tat java.base/java.time.format.DateTimeFormatter.parseResolved0(DateTimeFormatter.java:2108)\n",
            f"\t... {rng.randint(10, 30)} more\n\n",
            f"hapi-fhir-base {hv}, gateway build {rng.randint(1000, 9999)} ({hexs(rng, 10)}), JVM 21.0.{rng.randint(1, 5)}+{rng.randint(5, 13)}\n"]


def t_cs_python_etl(rng):
    t = recent(rng)
    col = rng.choice(["PAT_MRN_ID", "BIRTH_DATE", "ZIP", "HOME_PHONE", "SSN"])
    return [f"[{t:%Y-%m-%d %H:%M:%S}] INFO  claims_etl.load batch={t:%Y%m%d}-{rng.randint(1, 24):02d} rows=", str(rng.randint(10 ** 4, 10 ** 6)),
            f" source=s3://{rng.choice(['rcm', 'edw', 'claims'])}-landing-prod/837/{t:%Y/%m/%d}/\n",
            f"[{(t + dt.timedelta(seconds=rng.randint(5, 90))):%Y-%m-%d %H:%M:%S}] ERROR claims_etl.transform failed on chunk {rng.randint(1, 40)}/40\n",
            "Traceback (most recent call last):\n",
            f'  File "/opt/etl/venv/lib/python3.11/site-packages/pandas/core/indexes/base.py", line {rng.randint(3600, 3900)}, in get_loc\n',
            "    return self._engine.get_loc(casted_key)\n",
            '  File "index.pyx", line 167, in pandas._libs.index.IndexEngine.get_loc\n',
            f"KeyError: '{col}'\n\n", "The above exception was the direct cause of the following exception:\n\n",
            "Traceback (most recent call last):\n",
            f'  File "/opt/etl/claims_etl/transform.py", line {rng.randint(80, 300)}, in normalize_member\n',
            f"    df['{col.lower()}'] = df['{col}'].astype(str).str.strip()\n",
            f'  File "/opt/etl/venv/lib/python3.11/site-packages/pandas/core/frame.py", line {rng.randint(3800, 4100)}, in __getitem__\n',
            "    indexer = self.columns.get_loc(key)\n",
            f"KeyError: '{col}'\n\n",
            f"pandas=={rng.randint(1, 2)}.{rng.randint(0, 3)}.{rng.randint(0, 3)} pyarrow=={rng.randint(12, 17)}.0.0 python=3.11.{rng.randint(4, 9)}\n",
            f"Upstream renamed the column in extract v{ver(rng)}; see {jira_key(rng, 'DATA')}.\n"]


def t_cs_dotnet(rng):
    t = recent(rng)
    corr = uuid4(rng)
    ns = rng.choice(["Claims.Adjudication", "Eligibility.Service", "Portal.Api"])
    return [f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(1000000, 9999999)}Z [ERR] {ns}.Handlers.SubmitHandler: Unhandled exception. CorrelationId={corr} ",
            f"Host=APP{rng.randint(10, 99)}-PRD Env=Production\n",
            "System.NullReferenceException: Object reference not set to an instance of an object.\n",
            f"   at {ns}.Mapping.MemberMapper.MapSubscriber(X12Loop2010BA loop) in D:\\a\\1\\s\\src\\{ns}\\Mapping\\MemberMapper.cs:line {rng.randint(30, 300)}\n",
            f"   at {ns}.Handlers.SubmitHandler.Handle(SubmitClaimCommand cmd, CancellationToken ct) in D:\\a\\1\\s\\src\\{ns}\\Handlers\\SubmitHandler.cs:line {rng.randint(30, 300)}\n",
            "   at MediatR.Pipeline.RequestExceptionProcessorBehavior`2.Handle(TRequest request, RequestHandlerDelegate`1 next, CancellationToken cancellationToken)\n",
            "--- End of stack trace from previous location ---\n",
            "   at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.<Invoke>g__Awaited|10_0(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)\n",
            f"ClaimBatchId: {rng.randint(10 ** 5, 10 ** 6)}  Segment count: {rng.randint(20, 4000)}  ISA13: {rng.randint(10 ** 8, 10 ** 9 - 1):09d}\n",
            f"Assembly {ns}, Version={ver(rng)}.0, Culture=neutral, PublicKeyToken={hexs(rng, 16)}\n"]


def t_cs_node(rng):
    t = recent(rng)
    pid_ = uuid4(rng)
    return [f"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(100, 999)}Z ", f"{rng.choice(['portal-web', 'patient-api', 'banner-svc'])}-{hexs(rng, 10)}-{hexs(rng, 5)} ",
            f'{{"level":50,"time":{int(t.timestamp() * 1000)},"reqId":"req-{rng.randint(1, 9999)}","msg":"request errored",',
            '"req":{"method":"GET","url":"/api/v2/patients/', D(pid_, "internal_id"), '/summary","remoteAddress":"', make_server_ip(rng), '","remotePort":',
            str(rng.randint(30000, 65000)), "},", f'"responseTime":{rng.randint(5, 900)}.{rng.randint(10, 99)}}}\n',
            "TypeError: Cannot read properties of undefined (reading 'family')\n",
            f"    at formatName (/app/dist/lib/banner.js:{rng.randint(10, 90)}:{rng.randint(5, 40)})\n",
            f"    at buildSummary (/app/dist/routes/summary.js:{rng.randint(10, 200)}:{rng.randint(5, 40)})\n",
            "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n",
            f"    at async Object.handler (/app/dist/routes/summary.js:{rng.randint(10, 200)}:{rng.randint(5, 40)})\n",
            f"node v20.{rng.randint(5, 18)}.{rng.randint(0, 2)}, fastify {ver(rng)}, image sha256:{hexs(rng, 64)}\n",
            "Note: Patient.name can be absent for confidential registrations, mapper must handle name === undefined.\n"]


def t_cs_go_panic(rng):
    t = recent(rng)
    return [f"{t:%Y/%m/%d %H:%M:%S} hl7-splitter: reading from {make_server_ip(rng)}:{rng.choice([2575, 6661, 7777])}\n",
            "panic: runtime error: index out of range [5] with length 5\n\n",
            f"goroutine {rng.randint(10, 4000)} [running]:\n",
            f"github.com/{rng.choice(['ngh-int', 'cvh-eng', 'hph-platform'])}/hl7-splitter/internal/segment.(*Segment).Field(...)\n",
            f"\t/build/internal/segment/segment.go:{rng.randint(30, 120)}\n",
            f"github.com/{rng.choice(['ngh-int', 'cvh-eng'])}/hl7-splitter/internal/route.pidName(0xc000{hexs(rng, 6)}, 0x{hexs(rng, 4)})\n",
            f"\t/build/internal/route/route.go:{rng.randint(30, 300)} +0x{hexs(rng, 3)}\n",
            f"main.(*worker).handle(0xc000{hexs(rng, 6)}, {{0xc00{hexs(rng, 7)}, 0x{hexs(rng, 3)}, 0x{hexs(rng, 3)}}})\n",
            f"\t/build/cmd/splitter/worker.go:{rng.randint(30, 300)} +0x{hexs(rng, 3)}\n",
            f"created by main.run in goroutine 1\n\t/build/cmd/splitter/main.go:{rng.randint(30, 200)} +0x{hexs(rng, 3)}\n",
            "exit status 2\n\n",
            "Cause: PID with fewer than 6 fields (no PID-5). Guard added in ", f"v{ver(rng)}", f", commit {hexs(rng, 40)}.\n"]


def t_cs_mirth(rng):
    t = recent(rng)
    ch = rng.choice(["ADT_Inbound_Epic", "ORU_to_HIE", "SIU_Kiosk"])
    return [f"[{t:%Y-%m-%d %H:%M:%S},{rng.randint(100, 999)}]  ERROR (com.mirth.connect.server.channel.ChannelWorker:{rng.randint(100, 600)}): ",
            f"Error processing message {rng.randint(10 ** 5, 10 ** 7)} on channel {ch} ({uuid4(rng)}), connector Destination {rng.randint(1, 4)}\n",
            "com.mirth.connect.server.MirthJavascriptTransformerException: \n",
            f"CHANNEL:\t{ch}\nCONNECTOR:\tsourceConnector\nSCRIPT SOURCE:\tTRANSFORMER\nSOURCE CODE:\t\n",
            f"{rng.randint(40, 120)}: var mrn = msg['PID']['PID.3']['PID.3.1'].toString();\n",
            f"{rng.randint(121, 130)}: var family = msg['PID']['PID.5']['PID.5.1'].toString().toUpperCase();\n",
            "LINE NUMBER:\t", str(rng.randint(121, 130)), "\nDETAILS:\tTypeError: Cannot read property \"PID.5.1\" from undefined\n",
            "\tat com.mirth.connect.server.transformers.JavaScriptFilterTransformer.doTransform(JavaScriptFilterTransformer.java:184)\n",
            "\tat com.mirth.connect.donkey.server.channel.FilterTransformerExecutor.processConnectorMessage(FilterTransformerExecutor.java:100)\n",
            f"Mirth Connect {rng.randint(3, 4)}.{rng.randint(0, 5)}.{rng.randint(0, 3)}, server id {uuid4(rng)}, host {make_server_ip(rng)}:8443\n"]


def t_cs_k8s(rng):
    t = recent(rng)
    app = rng.choice(["eligibility-api", "claims-router", "fhir-facade", "portal-bff"])
    pod = f"{app}-{hexs(rng, 10)}-{hexs(rng, 5)}"
    return [f"$ kubectl -n {rng.choice(['rcm-prod', 'int-prod', 'digital-prod'])} describe pod {pod}\n",
            f"Name:             {pod}\nNode:             aks-pool{rng.randint(1, 4)}-{rng.randint(10 ** 7, 10 ** 8)}-vmss0000{rng.randint(1, 9)}/{make_server_ip(rng)}\n",
            f"Start Time:       {t:%a, %d %b %Y %H:%M:%S} +0000\nStatus:           Running\nIP:               {make_server_ip(rng)}\n",
            "Containers:\n", f"  {app}:\n", f"    Image:          acr{rng.randint(1, 9)}.azurecr.io/{app}:{ver(rng)}\n",
            f"    Image ID:       acr.azurecr.io/{app}@sha256:{hexs(rng, 64)}\n", f"    Port:           {rng.choice([8080, 8443, 9000])}/TCP\n",
            "    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n",
            f"    Restart Count:  {rng.randint(5, 60)}\n    Limits:\n      memory:  {rng.choice([512, 768, 1024])}Mi\n",
            "Events:\n  Type     Reason   Age                  From     Message\n  ----     ------   ----                 ----     -------\n",
            f"  Warning  BackOff  {rng.randint(1, 50)}s (x{rng.randint(10, 300)} over {rng.randint(10, 59)}m)  kubelet  Back-off restarting failed container\n\n",
            f"$ kubectl logs {pod} --previous | tail -3\n",
            f"{t:%Y-%m-%dT%H:%M:%S}Z WARN  heap usage 97% after loading payer crosswalk ({rng.randint(200, 900)}k rows)\n",
            f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR java.lang.OutOfMemoryError: Java heap space\n",
            f"{t:%Y-%m-%dT%H:%M:%S}Z INFO  Shutdown hook invoked\n"]


def t_cs_sql_deadlock(rng):
    t = recent(rng)
    spid = rng.randint(50, 300)
    return [f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(10, 99)} spid{rng.randint(5, 40)}s     deadlock-list\n",
            f"Msg 1205, Level 13, State 51, Procedure dbo.usp_UpsertPatientAddress, Line {rng.randint(20, 200)} [Batch Start Line 0]\n",
            f"Transaction (Process ID {spid}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.\n\n",
            "<deadlock>\n <victim-list><victimProcess id=\"process", hexs(rng, 12), "\" /></victim-list>\n",
            f" <process-list>\n  <process id=\"process{hexs(rng, 12)}\" spid=\"{spid}\" waitresource=\"KEY: 7:{rng.randint(10 ** 16, 10 ** 17)} ({hexs(rng, 12)})\" ",
            f"lasttranstarted=\"{t:%Y-%m-%dT%H:%M:%S}.{rng.randint(100, 999)}\" hostname=\"INTAPP{rng.randint(10, 99)}\" loginname=\"svc_adt\" isolationlevel=\"read committed (2)\">\n",
            "   <inputbuf>Proc [Database Id = 7 Object Id = ", str(rng.randint(10 ** 8, 10 ** 9)), "]</inputbuf>\n  </process>\n </process-list>\n",
            f" <resource-list><keylock hobtid=\"{rng.randint(10 ** 16, 10 ** 17)}\" dbid=\"7\" objectname=\"PatientHub.dbo.PatientAddress\" indexname=\"IX_PatientAddress_PatientId\" mode=\"X\" /></resource-list>\n",
            "</deadlock>\n\n", f"Query hash 0x{hexs(rng, 16).upper()}, plan hash 0x{hexs(rng, 16).upper()}. SQL Server 2019 CU{rng.randint(18, 28)}.\n"]


def t_cs_jira_trace(rng):
    org = org_of(rng)
    rep, asg, c = staff_list(rng, org, 3, ["it", "it", "it"])
    t = recent(rng)
    key = jira_key(rng)
    ls = rng.choice(["log4j", "iso"])
    return [jira_head(rng, key, f"NPE in EligibilityPoller after upgrade to {ver(rng)}", rep, asg, t),
            "Poller stops every night around 02:10 after the batch from the clearinghouse. No patient impact so far (retries succeed at 02:30). Trace:\n\n",
            codeblock(rng, [f"{log_ts(t, ls)} ERROR [eligibility-poller-1] o.e.p.EligibilityPoller - poll failed (batch={rng.randint(1000, 9999)}, host={make_server_ip(rng)}:{rng.choice([22, 443, 8443])})\n",
                            "java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"segment.getElement(3)\" is null\n",
                            f"\tat org.edi.x12.Loop2110C.parse(Loop2110C.java:{rng.randint(40, 200)})\n",
                            f"\tat org.edi.x12.Transaction271.read(Transaction271.java:{rng.randint(40, 200)})\n",
                            f"\tat org.elig.poller.EligibilityPoller.poll(EligibilityPoller.java:{rng.randint(40, 200)})\n"]),
            jira_comment(rng, c, t + dt.timedelta(hours=rng.randint(2, 20)), ["EB segments with an empty EB03 are valid per the 5010 guide. ", asg.n("jira"),
                                                                               " the parser should treat it as optional."]),
            jira_comment(rng, asg, t + dt.timedelta(hours=rng.randint(21, 40)), ["Fixed in ", f"{ver(rng)}", ", deployed to prod ", f"{(t + dt.timedelta(days=2)):%m/%d}", "."])]


def t_cs_spring_startup(rng):
    t = recent(rng)
    host = make_server_ip(rng)
    return [f"{log_ts(t, 'log4j').replace(',', '.')}  INFO 1 --- [           main] o.c.masking.MaskingApplication           : Starting MaskingApplication v{ver(rng)} using Java 21.0.{rng.randint(1, 5)}\n",
            f"{log_ts(t, 'log4j').replace(',', '.')}  INFO 1 --- [           main] o.c.masking.MaskingApplication           : The following 1 profile is active: \"uat\"\n",
            f"{log_ts(t, 'log4j').replace(',', '.')}  WARN 1 --- [           main] o.c.masking.config.MaskingRules          : rule 'ssn' sample 123-45-6789 -> ***-**-6789 ok\n",
            f"{log_ts(t, 'log4j').replace(',', '.')}  WARN 1 --- [           main] o.c.masking.config.MaskingRules          : rule 'phone' sample (617) 555-0123 -> (***) ***-0123 ok\n",
            f"{log_ts(t, 'log4j').replace(',', '.')} ERROR 1 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : \n\n",
            "***************************\nAPPLICATION FAILED TO START\n***************************\n\n",
            "Description:\n\n", f"Failed to configure a DataSource: unable to connect to jdbc:postgresql://{host}:5432/masking_uat (Connection refused)\n\n",
            "Action:\n\n", "Check that the database is reachable from the pod network and that spring.datasource.url is correct.\n\n",
            f"Caused by: org.postgresql.util.PSQLException: Connection to {host}:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n",
            "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)\n"]


# ----------------------------------------------------------------------------------------
# clean family: clean_meeting_notes
# ----------------------------------------------------------------------------------------

def bridge(rng):
    num = rng.choice([f"+1 {rng.choice(['646', '312', '929', '301'])} {rng.randint(200, 899)} {rng.randint(1000, 9999)}", f"1-877-{rng.randint(200, 899)}-{rng.randint(1000, 9999)}",
                      f"(888) {rng.randint(200, 899)}-{rng.randint(1000, 9999)}"])
    return num, f"{rng.randint(100000, 999999)}#", f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def attendees(rng, org, n):
    return staff_list(rng, org, n)


def t_mn_interface_sync(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 5)
    t = recent(rng)
    num, pc, mid = bridge(rng)
    return [f"Interface team weekly sync - {t:%A} {MON[t.month - 1]} {t.day}, {t.year}\n\n",
            "Attendees: ", J(", ", [p.n() for p in ppl]), "\n", "Regrets: ", staff_list(rng, org, 1)[0].n(), "\n",
            f"Dial-in: {num}, passcode {pc}  |  Meeting ID {mid}\n\n",
            "Agenda / notes\n",
            f"1. ADT volume: {rng.randint(80, 300)}k messages/day, p95 latency {rng.randint(200, 900)} ms. Rhapsody {ver(rng)} patch scheduled {(t + dt.timedelta(days=9)):%m/%d}.\n",
            f"2. {jira_key(rng, 'INTF')} (A08 filter) - fixed, monitoring. ", ppl[1].n("at"), " to close after one more week.\n",
            f"3. Lab vendor moving to new endpoint {make_server_ip(rng)}:{rng.choice([6661, 7001, 10443])} on {(t + dt.timedelta(days=14)):%m/%d}; firewall request {jira_key(rng, 'NET')}.\n",
            "4. Test patients in TST: keep using the ZZTEST series only, no copies of real charts (reminder from privacy).\n\n",
            "Action items\n", "- [ ] ", ppl[2].n("at"), " send cutover plan for the lab endpoint\n", "- [ ] ", ppl[3].n("at"), " update runbook for the A08 filter\n",
            "- [x] ", ppl[0].n("at"), " renew the VPN cert (expires ", f"{(t + dt.timedelta(days=30)):%Y-%m-%d}", ")\n"]


def t_mn_retro(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 6)
    t = recent(rng)
    s = rng.randint(40, 90)
    return [f"## Sprint {s} retro ({(t - dt.timedelta(days=14)):%b %d} - {t:%b %d})\n\n", "Facilitator: ", ppl[0].n(), " | Notes: ", ppl[1].n(), "\n",
            "Present: ", J(", ", [p.n("at") for p in ppl]), "\n\n",
            f"Velocity: {rng.randint(20, 60)} pts committed / {rng.randint(18, 60)} done. Carryover: {jira_key(rng, 'CLINAPP')}, {jira_key(rng, 'CLINAPP')}.\n\n",
            "### Went well\n- banner release shipped without a hotfix\n", "- pairing with ", ppl[2].n(), " on the FHIR mapper\n\n",
            "### Didn't go well\n", f"- UAT env down {rng.randint(2, 3)} days (disk full on {make_server_ip(rng)})\n",
            "- test data requests took a week; we need the synthetic generator instead of asking HIM for charts\n\n",
            "### Actions\n", "- ", ppl[3].n("at"), " add disk alert at 80%\n", "- ", ppl[4].n("at"), f" spike on Synthea for the {rng.randint(2, 5)} core scenarios\n"]


def t_mn_informatics_committee(rng):
    org = org_of(rng)
    docs = staff_list(rng, org, 4, ["md", "md", "rn", "md"])
    t = recent(rng)
    med = rng.choice(MEDS)
    return [f"Clinical Informatics Committee - minutes\n{MONTHS[t.month - 1]} {t.day}, {t.year}, 7:00-8:00 AM, ", D(org["facs"][0], "facility"), " Board Room B and Teams\n\n",
            "Chair: ", docs[0].n("dr"), "\n", "Members present: ", docs[1].n("dr"), ", ", docs[2].n("cred"), ", ", docs[3].n("dr"), "\n\n",
            "1. Beers criteria alert for patients aged 65 and older\n",
            f"   Override rate {rng.randint(80, 97)}% over the last quarter. Proposal: suppress for ", D(med[0], "medication"),
            " when an active ", D("dementia", "condition"), " diagnosis (", D("F03.90", "diagnosis_code"), ") is on the problem list. Approved, ", docs[3].n("last"), " abstained.\n",
            "2. Age display\n   Per privacy, the banner will show \"90+\" for patients aged 90 and older in exports and research views; the chart itself keeps the exact age.\n",
            f"3. Sepsis BPA v{rng.randint(2, 5)}.{rng.randint(0, 9)}\n   Lactate threshold stays at 2.0 mmol/L. Go-live {(t + dt.timedelta(days=21)):%m/%d/%Y}.\n\n",
            "Next meeting: ", f"{(t + dt.timedelta(days=28)):%B %d}", ". Minutes approved by ", docs[0].n("dr"), ".\n"]


def t_mn_vendor_call(rng):
    org = org_of(rng)
    ours = attendees(rng, org, 3)
    vorg = dict(domain=rng.choice(["medibridge.io", "clearpathedi.com", "healthlinkx.com"]))
    vend = staff_list(rng, vorg, 2, ["it", "admin"])
    t = recent(rng)
    zoom = f"{rng.randint(800, 999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    return [f"Vendor call: {vorg['domain'].split('.')[0].capitalize()} - 270/271 throughput\n", f"{t:%m/%d/%Y} {t:%I}:00 PM ET\n",
            f"Zoom: https://zoom.us/j/{zoom.replace(' ', '')}  Meeting ID: {zoom}  Passcode: {rng.randint(100000, 999999)}\n\n",
            "Us: ", J(", ", [p.n() for p in ours]), "\n", "Vendor: ", vend[0].n(), " (", D(vend[0].email, "staff_contact"), ", ", vend[0].phone_s("paren"), "), ",
            vend[1].n(), " (account manager, ", D(vend[1].email, "staff_contact"), ")\n\n",
            f"- Their gateway caps us at {rng.randint(5, 30)} TPS; we burst to {rng.randint(40, 120)} at 7 AM registration peak.\n",
            f"- They will raise the cap after we move to the new cert (SHA-256 fingerprint {':'.join(hexs(rng, 2).upper() for _ in range(8))}...).\n",
            f"- Their SFTP for 277CA moves to {make_server_ip(rng)} port {rng.choice([22, 2222, 10022])} on {(t + dt.timedelta(days=10)):%b %d}.\n",
            "- Test file: they will use their standard test subscriber (SSN 123-45-6789, member id TEST0001) - nothing from production.\n\n",
            "Follow-ups: ", ours[0].n("at"), " cert CSR; ", ours[1].n("at"), " firewall ticket ", jira_key(rng, "NET"), ".\n"]


def t_mn_postmortem(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 4)
    t = recent(rng)
    ts = [t + dt.timedelta(minutes=m) for m in sorted(rng.sample(range(0, 240), 5))]
    return [f"Post-incident review: INC{rng.randint(10 ** 6, 10 ** 7 - 1)} - ADT feed delay\n", f"Date of incident: {t:%Y-%m-%d}   Severity: 2   Author: ", ppl[0].n(), "\n",
            "Participants: ", J(", ", [p.n() for p in ppl]), "\n\n",
            "Timeline (ET)\n",
            f"{ts[0]:%H:%M}  disk on {make_server_ip(rng)} (/var/lib/rhapsody) reached 100%\n",
            f"{ts[1]:%H:%M}  queue depth alert fired, {rng.randint(500, 5000)} messages pending\n",
            f"{ts[2]:%H:%M}  ", ppl[1].n(), " paged (", D(fmt_phone(ppl[1].phone, "dash"), "staff_contact"), "), joined bridge\n",
            f"{ts[3]:%H:%M}  archived logs older than 7 days, engine resumed\n",
            f"{ts[4]:%H:%M}  backlog drained; {rng.randint(10, 60)}k messages delayed, none lost\n\n",
            "Impact: bed board and lab orders up to ", str(rng.randint(20, 140)), " minutes behind. No wrong-patient events reported.\n",
            f"Root cause: log rotation disabled in build {rng.randint(1000, 9999)} ({hexs(rng, 7)}).\n",
            f"Actions: {jira_key(rng, 'IE')} re-enable rotation; {jira_key(rng, 'IE')} disk alert at 80%; ", ppl[2].n("at"), " owns both.\n"]


def t_mn_privacy_training(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 3)
    t = recent(rng)
    return [f"Privacy office - developer training notes ({t:%m/%d})\n", "Presenter: ", ppl[0].n(), ", Privacy Officer\n", "Scribe: ", ppl[1].n(), "\n\n",
            "Key points\n",
            "- Safe Harbor lists 18 identifiers: names, geographic units smaller than a state (first 3 ZIP digits allowed if the area has more than 20,000 people), ",
            "all date elements except year, ages over 89, phone and fax, email, SSN, MRN, health plan numbers, account numbers, license numbers, vehicle and device ids, URLs, IPs, biometrics, photos, any other unique code.\n",
            "- Ages: patients aged 90 and older are grouped into one category, \"90 or older\".\n",
            "- Use only documented test values in tickets and code: SSN 123-45-6789, phone numbers 555-0100 through 555-0199, NPI 1234567893, MBI 1EG4-TE5-MK73, ZIP 00000.\n",
            "- Never paste screenshots of Hyperspace into Jira; use the de-identified test environment.\n\n",
            "Questions\n", "- ", ppl[2].n(), ": can we keep real data in the UAT refresh? -> no, masking job required (", jira_key(rng, "PRIV"), ").\n",
            "Slides: https://", org["domain"], "/privacy/training/", str(t.year), "-dev.pdf\n"]


def t_mn_golive(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 5)
    t = recent(rng)
    gl = t + dt.timedelta(days=rng.randint(5, 20))
    num, pc, _ = bridge(rng)
    return [f"Go-live readiness - {rng.choice(['Ambulatory wave 3', 'Lab interface cutover', 'Patient portal 2.0'])}\n", f"Meeting {t:%m/%d/%Y}, go-live {gl:%A %m/%d} 02:00\n\n",
            "Go/no-go owners: ", J("; ", [[p.n(), f" ({r})"] for p, r in zip(ppl, ["PM", "Interfaces", "Training", "Security", "Clinical lead"])]), "\n\n",
            "| Area | Status | Notes |\n|---|---|---|\n",
            f"| Interfaces | green | {rng.randint(40, 60)}/{rng.randint(60, 62)} channels tested |\n",
            f"| Training | yellow | {rng.randint(70, 95)}% of users trained |\n",
            "| Security | green | pen test findings closed |\n",
            "| Downtime | green | BCA reports printed at 00:00 |\n\n",
            f"Command center bridge: {num} passcode {pc}, open from {(gl - dt.timedelta(hours=2)):%H:%M} {gl:%m/%d} for 72 hours.\n",
            "Escalation: ", ppl[0].n(), " ", D(fmt_phone(ppl[0].phone, "dot"), "staff_contact"), "\n"]


def t_mn_data_governance(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 4)
    t = recent(rng)
    return [f"Data Governance Council - {t:%B %Y}\n", "Present: ", J(", ", [p.n() for p in ppl]), "\n\n",
            "1. Member identifiers in the warehouse\n",
            "   MBI format is 11 characters (positions 2, 5, 8, 9 alphabetic, no S, L, O, I, B, Z). Documentation will use the CMS sample 1EG4-TE5-MK73 only.\n",
            "2. Provider data\n   NPI check digit uses Luhn with the 80840 prefix; sample NPI 1234567893 for docs.\n",
            "3. Unknown ZIP\n   Default to 00000 when missing, never to the facility ZIP (was inflating counts for 021xx).\n",
            "4. Small cells\n   Suppress counts under 11 in external reports; combine ages into a 90+ band.\n\n",
            "Decisions recorded in ", jira_key(rng, "DGC"), ". Next review ", f"{(t + dt.timedelta(days=35)):%m/%d/%Y}", ". Owner: ", ppl[0].n(), ".\n"]


def t_mn_teams_recap(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 4)
    t = recent(rng)
    lines_ = []
    msgs = ["is anyone else seeing 502s from the portal BFF?", "yes since about 9:40, looks like the LB health check", f"pool member {make_server_ip(rng)}:8443 marked down",
            "restarted it, coming back", f"ok, 200s again. opening {jira_key(rng, 'DIG')} for the health check timeout", "thanks all"]
    for i, m in enumerate(msgs):
        who = ppl[i % len(ppl)]
        lines_.append([f"[{(t + dt.timedelta(minutes=i * rng.randint(1, 4))):%I:%M %p}] ", who.n(), ": ", m, "\n"])
    return [f"Teams chat export - #digital-oncall - {t:%m/%d/%Y}\n\n", lines_,
            "\nSummary for the handoff: ", ppl[0].n("at"), " follow up with network on the health check; no patient-facing data issue, only availability.\n"]


def t_mn_arch_review(rng):
    org = org_of(rng)
    ppl = attendees(rng, org, 4)
    t = recent(rng)
    return [f"Architecture Review Board - ADR-{rng.randint(10, 99)}: FHIR facade caching\n", f"Date: {t:%Y-%m-%d}   Status: Accepted\n",
            "Reviewers: ", J(", ", [p.n() for p in ppl]), "\n\n",
            "Context: facade p95 at ", str(rng.randint(600, 1500)), f" ms for Patient reads; backend is Epic Interconnect {ver(rng)} behind {make_server_ip(rng)}:443.\n",
            f"Decision: Redis 7 cache (cluster {make_server_ip(rng)}:6379), TTL {rng.choice([60, 120, 300])}s, keys are resource ids only (e.g. Patient/",
            D(str(rng.randint(1000, 99999)), "internal_id"), "), no demographics in keys or logs.\n",
            "Consequences: stale reads up to TTL; cache flush on A08/A40 events.\n", "Approved by ", ppl[0].n(), " and ", ppl[1].n(), ".\n"]


# ----------------------------------------------------------------------------------------
# clean family: clean_validator_diff
# ----------------------------------------------------------------------------------------

def plain_diff(rng, path, start, rows, new=False):
    if new:
        return diff_new(rng, path, [r for _, r in rows])
    return diff_mod(rng, path, start, rows)


def commit_head(rng, author, t, msg):
    return [f"commit {hexs(rng, 40)}\n", "Author: ", author.n(), " <", author.email_s(), ">\n", f"Date:   {t:%a %b %d %H:%M:%S %Y} -0500\n\n    {msg}\n\n"]


def t_vd_python_ssn(rng):
    org = org_of(rng)
    a = Staff(rng, org, "it")
    t = recent(rng)
    rows = [("+", ['SSN_RE = re.compile(r"^(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}$")']), ("+", [""]),
            ("+", ["def is_valid_ssn(value: str) -> bool:"]), ("+", ['    """Area 001-899 except 666, group 01-99, serial 0001-9999."""']),
            ("+", ["    return bool(SSN_RE.match(value.strip()))"]), ("+", [""]),
            (" ", ["def test_ssn():"]),
            ("+", ['    assert is_valid_ssn("123-45-6789")  # documented test value']),
            ("+", ['    assert not is_valid_ssn("000-12-3456")']), ("+", ['    assert not is_valid_ssn("666-12-3456")']),
            ("+", ['    assert not is_valid_ssn("912-34-5678")']), ("+", ['    assert not is_valid_ssn("123-00-4567")']),
            ("-", ['    assert is_valid_ssn("1234")  # wrong, removed'])]
    return [commit_head(rng, a, t, f"validators: stricter SSN ranges ({jira_key(rng, 'SEC')})"), plain_diff(rng, "src/validators/ids.py", rng.randint(10, 80), rows)]


def t_vd_java_npi(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [("+", ["    /** NPI check digit: Luhn over \"80840\" + first 9 digits. */"]),
            ("+", ["    public static boolean isValidNpi(String npi) {"]),
            ("+", ["        if (npi == null || !npi.matches(\"[12]\\\\d{9}\")) return false;"]),
            ("+", ["        return Luhn.isValid(\"80840\" + npi);"]), ("+", ["    }"]), (" ", [""]),
            (" ", ["    @Test"]), (" ", ["    void npiCheckDigit() {"]),
            ("+", ["        assertTrue(NpiValidator.isValidNpi(\"1234567893\")); // CMS documented example"]),
            ("+", ["        assertFalse(NpiValidator.isValidNpi(\"1234567890\"));"]),
            ("+", ["        assertFalse(NpiValidator.isValidNpi(\"0234567893\"));"]), (" ", ["    }"])]
    return [pr_head(rng, rng.randint(100, 3000), "NPI validator: apply 80840 prefix before Luhn", a, [r], t, f"fix/{jira_key(rng, 'PROV')}-npi-luhn"),
            plain_diff(rng, "provider-core/src/main/java/org/prov/NpiValidator.java", rng.randint(10, 60), rows)]


def t_vd_ts_phone(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [("-", ["export const PHONE = /^\\d{10}$/;"]),
            ("+", ["// NANP: area and exchange cannot start with 0 or 1"]),
            ("+", ["export const PHONE = /^\\(?([2-9]\\d{2})\\)?[-. ]?([2-9]\\d{2})[-. ]?(\\d{4})$/;"]), (" ", [""]),
            (" ", ["describe('PHONE', () => {"]),
            ("+", ["  it.each(['(617) 555-0142', '617.555.0199', '617-555-0100'])('accepts %s', (v) => expect(PHONE.test(v)).toBe(true));"]),
            ("+", ["  it.each(['(017) 555-0142', '617-155-0100', '555-0142'])('rejects %s', (v) => expect(PHONE.test(v)).toBe(false));"]),
            (" ", ["});"])]
    return [pr_head(rng, rng.randint(100, 3000), "Form validation: NANP phone rule", a, [r], t, f"feature/{jira_key(rng, 'DIG')}-phone-rule"),
            plain_diff(rng, "web/src/forms/validators.ts", rng.randint(1, 40), rows)]


def t_vd_rust_mbi(rng):
    org = org_of(rng)
    a = Staff(rng, org, "it")
    t = recent(rng)
    rows = [("+", ["/// CMS MBI: C A AN N A AN N A A N N, letters exclude S L O I B Z."]),
            ("+", ["static MBI: Lazy<Regex> = Lazy::new(|| {"]),
            ("+", ["    Regex::new(r\"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$\").unwrap()"]),
            ("+", ["});"]), ("+", [""]), ("+", ["#[test]"]), ("+", ["fn mbi_examples() {"]),
            ("+", ["    assert!(is_mbi(\"1EG4TE5MK73\")); // CMS sample, also written 1EG4-TE5-MK73"]),
            ("+", ["    assert!(!is_mbi(\"1SG4TE5MK73\")); // S not allowed"]),
            ("+", ["    assert!(!is_mbi(\"0EG4TE5MK73\")); // first char 1-9"]), ("+", ["}"])]
    return [commit_head(rng, a, t, "ids: add MBI validator"), plain_diff(rng, "crates/ids/src/mbi.rs", 0, rows, new=True)]


def t_vd_go_zip(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [(" ", ["func NormalizeZIP(s string) (string, error) {"]),
            ("-", ["\treturn strings.TrimSpace(s), nil"]),
            ("+", ["\ts = strings.TrimSpace(s)"]), ("+", ["\tif s == \"\" {"]), ("+", ["\t\treturn \"00000\", nil // unknown, per data governance"]), ("+", ["\t}"]),
            ("+", ["\tif !zipRe.MatchString(s) {"]), ("+", ["\t\treturn \"\", fmt.Errorf(\"invalid ZIP %q\", s)"]), ("+", ["\t}"]), ("+", ["\treturn s[:5], nil"]),
            (" ", ["}"]), (" ", [""]),
            ("+", ["var zipRe = regexp.MustCompile(`^\\d{5}(-\\d{4})?$`)"]),
            ("+", ["// tests: \"\" -> 00000, \"ABCDE\" -> error, \"1234\" -> error"])]
    return [pr_head(rng, rng.randint(100, 3000), "NormalizeZIP: default unknown to 00000", a, [r], t, f"fix/{jira_key(rng, 'DATA')}-zip"),
            plain_diff(rng, "internal/address/zip.go", rng.randint(10, 60), rows)]


def t_vd_hl7_date(rng):
    org = org_of(rng)
    a = Staff(rng, org, "it")
    t = recent(rng)
    rows = [("+", ["// PID-7 / PV1-44 must be YYYYMMDD[HHMM[SS]]; reject impossible dates before mapping"]),
            ("+", ["function validTS(ts) {"]), ("+", ["  if (!/^\\d{8}(\\d{4}(\\d{2})?)?$/.test(ts)) return false;"]),
            ("+", ["  const y = +ts.slice(0, 4), m = +ts.slice(4, 6), d = +ts.slice(6, 8);"]),
            ("+", ["  const dt = new Date(Date.UTC(y, m - 1, d));"]),
            ("+", ["  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;"]), ("+", ["}"]),
            ("+", ["// validTS('20261340') === false, validTS('00000000') === false, validTS('2026023') === false"]),
            (" ", ["if (!validTS(msg['PID']['PID.7']['PID.7.1'].toString())) {"]),
            (" ", ["  logger.warn('PID-7 invalid, message ' + channelMap.get('msgId'));"])]
    return [commit_head(rng, a, t, f"ADT transformer: validate timestamps ({jira_key(rng, 'INTF')})"),
            plain_diff(rng, f"channels/ADT_Inbound/transformer_step_{rng.randint(2, 9)}.js", rng.randint(1, 30), rows)]


def t_vd_icd10(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [("+", ["ICD10_CM = re.compile(r\"^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$\")"]), ("+", [""]),
            ("+", ["@pytest.mark.parametrize(\"code\", [\"", D("E11.9", "diagnosis_code"), "\", \"", D("I10", "diagnosis_code"), "\", \"",
                   D("S72.001A", "diagnosis_code"), "\", \"", D("U07.1", "diagnosis_code"), "\"])"]),
            ("+", ["def test_valid(code):"]), ("+", ["    assert ICD10_CM.match(code)"]), ("+", [""]),
            ("+", ["@pytest.mark.parametrize(\"code\", [\"E119.\", \"11.9\", \"E11.12345\"])"]),
            ("+", ["def test_invalid(code):"]), ("+", ["    assert not ICD10_CM.match(code)"])]
    return [pr_head(rng, rng.randint(100, 3000), "Claim scrubber: ICD-10-CM format check", a, [r], t, f"feature/{jira_key(rng, 'RCM')}-icd-format"),
            plain_diff(rng, "scrubber/tests/test_codes.py", 0, rows, new=True)]


def t_vd_sql_constraint(rng):
    org = org_of(rng)
    a = Staff(rng, org, "it")
    t = recent(rng)
    v = rng.randint(20, 200)
    rows = [("+", [f"-- V{v}__patient_checks.sql"]),
            ("+", ["ALTER TABLE patient"]),
            ("+", ["  ADD CONSTRAINT chk_ssn_format CHECK (ssn IS NULL OR ssn ~ '^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$'),"]),
            ("+", ["  ADD CONSTRAINT chk_zip CHECK (zip ~ '^[0-9]{5}(-[0-9]{4})?$'),"]),
            ("+", ["  ADD CONSTRAINT chk_birth_date CHECK (birth_date BETWEEN DATE '1900-01-01' AND CURRENT_DATE);"]),
            ("+", [""]),
            ("+", ["-- smoke test rows use documented values only: ssn '123-45-6789', zip '00000', phone '555-0100'"])]
    return [commit_head(rng, a, t, "db: add format checks to patient"), plain_diff(rng, f"db/migration/V{v}__patient_checks.sql", 0, rows, new=True)]


def t_vd_card_luhn(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [(" ", ["export function luhnOk(num: string): boolean {"]),
            ("-", ["  return num.length === 16;"]),
            ("+", ["  const digits = num.replace(/[ -]/g, '');"]),
            ("+", ["  if (!/^\\d{13,19}$/.test(digits)) return false;"]),
            ("+", ["  let sum = 0;"]),
            ("+", ["  for (let i = 0; i < digits.length; i++) {"]),
            ("+", ["    let d = +digits[digits.length - 1 - i];"]),
            ("+", ["    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }"]),
            ("+", ["    sum += d;"]), ("+", ["  }"]), ("+", ["  return sum % 10 === 0;"]), (" ", ["}"]),
            ("+", ["// negative fixtures: '1234 5678 9012 3456', '0000-0000-0000-0001'"])]
    return [pr_head(rng, rng.randint(100, 3000), "Payments: real Luhn check in the card form", a, [r], t, f"fix/{jira_key(rng, 'PAY')}-luhn"),
            plain_diff(rng, "web/src/payments/luhn.ts", rng.randint(1, 20), rows)]


def t_vd_age_bucket(rng):
    org = org_of(rng)
    a, r = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    rows = [("+", ["AGE_TOP_CODE = 90  # Safe Harbor: ages over 89 are aggregated"]), ("+", [""]),
            (" ", ["def age_band(age: int) -> str:"]),
            ("-", ["    return str(age)"]),
            ("+", ["    if age >= AGE_TOP_CODE:"]), ("+", ["        return \"90+\""]), ("+", ["    return str(age)"]), (" ", [""]),
            ("+", ["def test_age_band():"]), ("+", ["    assert age_band(89) == \"89\""]), ("+", ["    assert age_band(90) == \"90+\""]),
            ("+", ["    assert age_band(104) == \"90+\""])]
    return [pr_head(rng, rng.randint(100, 3000), "De-id export: top-code ages at 90", a, [r], t, f"feature/{jira_key(rng, 'DEID')}-age-topcode"),
            plain_diff(rng, "deid/transforms/age.py", rng.randint(1, 40), rows)]


# ----------------------------------------------------------------------------------------
# clean family: clean_release_notes
# ----------------------------------------------------------------------------------------

def t_rn_product(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 3, ["it", "it", "it"])
    t = recent(rng)
    v = ver(rng)
    return [f"# {rng.choice(['PatientHub', 'CareLink', 'ClaimFlow'])} {v} release notes\n\nReleased {t:%B %d, %Y} · build {rng.randint(1000, 9999)} · commit {hexs(rng, 10)}\n\n",
            "## New\n", f"- Registration screen validates SSN ranges and NANP phone numbers ({jira_key(rng, 'REG')})\n",
            f"- FHIR Patient export adds `address.period` ({jira_key(rng, 'INTF')})\n\n",
            "## Fixed\n", f"- Ages of 90 and older now show as \"90+\" in the de-identified extract ({jira_key(rng, 'DEID')})\n",
            f"- PID-7 dates with a time component no longer shift by one day in UTC-5 ({jira_key(rng, 'INTF')})\n\n",
            "## Upgrade notes\n", f"- Requires PostgreSQL 14+; run migration V{rng.randint(40, 90)} before starting the service\n",
            f"- Default listen port changed from 8080 to {rng.choice([8081, 8443, 9090])}\n\n",
            "Thanks to ", J(", ", [p.n("at") for p in ppl]), ".\n"]


def t_rn_engine_channels(rng):
    org = org_of(rng)
    owner = Staff(rng, org, "it")
    t = recent(rng)
    rows = []
    for ch in rng.sample(["ADT_IN_EPIC", "ORU_OUT_HIE", "SIU_KIOSK", "DFT_PB", "VXU_STATE_IIS", "MDM_DICTATION"], 4):
        rows.append([f"| {ch} | {rng.randint(3, 40)} | {rng.randint(4, 41)} | {make_server_ip(rng)}:{rng.randint(5000, 7999)} | {rng.choice(['mapping fix', 'new filter', 'TLS 1.3', 'retry policy'])} |\n"])
    return [f"Interface engine deployment {t:%Y-%m-%d} (change {rng.choice(['CHG', 'CRQ'])}{rng.randint(10 ** 6, 10 ** 7)})\n", "Implementer: ", owner.n(), "\n\n",
            "| Channel | From rev | To rev | Destination | Change |\n|---|---|---|---|---|\n", rows,
            f"\nRollback: redeploy revision bundle {hexs(rng, 8)}.zip from the release share. Window {t:%H}:00-{(t + dt.timedelta(hours=2)):%H}:00 ET.\n"]


def t_rn_ehr_upgrade(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 2, ["it", "admin"])
    t = recent(rng)
    return ["Subject: EHR upgrade this weekend - what changes for you\n", "From: ", ppl[0].n(), " <", ppl[0].email_s(), ">\n", "To: All Clinical Staff <",
            mailbox(org, "allclinical"), ">\n\n",
            f"The EHR will be upgraded to version {rng.choice(['May', 'August', 'November'])} {t.year} on Saturday {(t + dt.timedelta(days=3)):%m/%d}.\n",
            f"Downtime: 01:00-04:30. Use downtime forms; BCA PCs on each unit have reports printed at 00:30.\n\n",
            "What's new\n- In Basket: new filters for results\n- Orders: ", D("apixaban", "medication"), " dosing advisory now checks weight and creatinine\n",
            "- Problem list: ", D("Z00.00", "diagnosis_code"), " no longer auto-added at annual visits\n\n",
            "Questions during the upgrade: command center ", D(fmt_phone(ppl[1].phone, "dash"), "staff_contact"), ", or page the on-call analyst via the operator.\n\n",
            ppl[0].n(), "\nApplications Director\n"]


def t_rn_changelog(rng):
    t = recent(rng)
    v = [ver(rng) for _ in range(3)]
    return ["# Changelog\n\nAll notable changes to this project are documented here (Keep a Changelog, SemVer).\n\n",
            f"## [{v[0]}] - {t:%Y-%m-%d}\n### Added\n- `--redact` flag for the HL7 dumper (masks PID-5, PID-7, PID-11, PID-13, PID-19)\n",
            "### Fixed\n- crash on segments with trailing `|` (#", str(rng.randint(100, 900)), ")\n\n",
            f"## [{v[1]}] - {(t - dt.timedelta(days=rng.randint(20, 60))):%Y-%m-%d}\n### Changed\n- minimum Python 3.10\n- default port 2575 -> 6661\n\n",
            f"## [{v[2]}] - {(t - dt.timedelta(days=rng.randint(61, 200))):%Y-%m-%d}\n### Security\n- bump `cryptography` to 42.0.{rng.randint(1, 8)} (GHSA-{hexs(rng, 4)}-{hexs(rng, 4)}-{hexs(rng, 4)})\n"]


def t_rn_app_store(rng):
    t = recent(rng)
    return [f"What's New - Version {ver(rng)}\n{t:%b %d, %Y}\n\n",
            "• Check in for appointments from your phone\n• Pay bills with Apple Pay and Google Pay\n",
            "• Proxy access: parents can switch between their children's accounts\n• Fixed: some users saw the wrong time zone for telehealth visits\n\n",
            "Ratings and Reviews\n4.7 out of 5 · ", str(rng.randint(2000, 90000)), " ratings\n\n",
            "Version history\n", f"{ver(rng)}  {(t - dt.timedelta(days=30)):%b %d, %Y}  Bug fixes and performance improvements\n",
            "Size ", str(rng.randint(80, 250)), " MB · Requires iOS 16.0 or later · Age rating 17+ (Medical/Treatment Information)\n"]


def t_rn_terminology(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 2, ["it", "md"])
    t = recent(rng)
    new_codes = [("E11.A", "Type 2 diabetes mellitus without complications in remission"), ("R63.30", "Feeding difficulties, unspecified"),
                 ("Z91.A4", "Caregiver's noncompliance with patient's medication regimen"), ("F43.81", "Prolonged grief disorder")]
    return [f"Terminology release {t.year}.{rng.randint(1, 4)} - ICD-10-CM FY{t.year + 1} and CPT {t.year + 1}\n", "Owner: ", ppl[0].n(), "   Clinical review: ", ppl[1].n("dr"), "\n",
            f"Loaded to TST {(t - dt.timedelta(days=5)):%m/%d}, PRD {t:%m/%d}.\n\n", "New ICD-10-CM codes used in our order sets:\n",
            [["- ", D(c, "diagnosis_code"), " ", D(d, "condition"), "\n"] for c, d in rng.sample(new_codes, 3)],
            "\nCPT changes affecting charge capture:\n", "- ", D("99459", "procedure_code"), " pelvic exam add-on\n", "- ", D("G2211", "procedure_code"),
            " visit complexity add-on, remapped in the fee schedule\n\n",
            f"{rng.randint(200, 500)} preference list records updated; no patient-level data changed.\n"]


def t_rn_hotfix_email(rng):
    org = org_of(rng)
    a, b = staff_list(rng, org, 2, ["it", "it"])
    t = recent(rng)
    return ["From: ", a.n(), " <", a.email_s(), ">\n", "To: it-change-notices <", mailbox(org, "it-change-notices"), ">\n",
            "Cc: ", b.n(), " <", b.email_s(), ">\n", f"Date: {t:%a, %d %b %Y %H:%M:%S} -0500\n",
            f"Subject: [HOTFIX] portal-bff {ver(rng)} deployed {t:%m/%d} {t:%H:%M}\n\n",
            f"Hotfix for {jira_key(rng, 'DIG')}: appointment list returned 500 for accounts with more than 200 visits. ",
            f"Deployed to prod at {t:%H:%M}, image sha256:{hexs(rng, 64)}.\n",
            f"Pods: 6/6 ready on {make_server_ip(rng)} - {make_server_ip(rng)}. Error rate back to 0.0{rng.randint(1, 9)}%.\n\n",
            "Contact ", b.n(), " (", b.phone_s("dash"), ") with questions.\n"]


def t_rn_docker(rng):
    t = recent(rng)
    imgs = ["fhir-facade", "hl7-splitter", "eligibility-api", "claims-router", "deid-export"]
    rows = [[f"{i:<16} {ver(rng):<8} sha256:{hexs(rng, 64)}  {(t - dt.timedelta(days=rng.randint(0, 10))):%Y-%m-%d}\n"] for i in rng.sample(imgs, 4)]
    return [f"Release bundle {t:%Y.%m}.{rng.randint(1, 4)} - image manifest\n\n", "IMAGE            TAG      DIGEST                                                                   BUILT\n",
            rows, f"\nSigned with cosign key {hexs(rng, 16)}. SBOMs in the release bucket. CVE scan: 0 critical, {rng.randint(0, 4)} high (accepted, see {jira_key(rng, 'SEC')}).\n"]


def t_rn_db_migration(rng):
    org = org_of(rng)
    dba = Staff(rng, org, "it")
    t = recent(rng)
    v = rng.randint(60, 200)
    return [f"Schema release {v}.0 - registration database\n", f"Applied {t:%Y-%m-%d %H:%M} by ", dba.n(), f" (flyway 10.{rng.randint(0, 15)}.{rng.randint(0, 3)})\n\n",
            "| Version | Description | Type | Checksum | Time |\n|---|---|---|---|---|\n",
            [[f"| {v}.{i} | {d} | SQL | {rng.randint(-2 ** 31, 2 ** 31)} | {rng.randint(20, 9000)} ms |\n"] for i, d in enumerate(
                ["add patient.preferred_name", "index encounter(admit_ts)", "check constraint ssn format", "drop legacy_mrn_xref"], 1)],
            f"\nRows touched: 0 (DDL only). Backup taken at {(t - dt.timedelta(minutes=30)):%H:%M}, restore point rp_{t:%Y%m%d}_{rng.randint(1, 9)}.\n"]


def t_rn_cds_content(rng):
    org = org_of(rng)
    docs = staff_list(rng, org, 2, ["md", "rn"])
    t = recent(rng)
    return [f"CDS content release {t:%Y-%m} ({rng.randint(5, 20)} rules)\n", "Approved by ", docs[0].n("dr"), ", CMIO; ", docs[1].n("cred"), ", nursing informatics\n\n",
            "Changed\n", "- Duplicate anticoagulation alert: now fires for ", D("apixaban", "medication"), " + ", D("warfarin", "medication"), " and ",
            D("rivaroxaban", "medication"), " + ", D("enoxaparin", "medication"), "\n",
            "- Fall-risk BPA: suppressed in the ED; unchanged for inpatients aged 65 and older\n",
            "- ", D("Metformin", "medication"), " renal alert: eGFR threshold 30 mL/min/1.73m2\n\n",
            "Retired\n", "- Legacy ", D("CHF", "condition"), " discharge reminder (replaced by order set)\n\n",
            f"Build ids: {', '.join(str(rng.randint(10 ** 5, 10 ** 6)) for _ in range(4))}\n"]


# ----------------------------------------------------------------------------------------
# clean family: clean_clinical_rule
# ----------------------------------------------------------------------------------------

def rule_head(rng, org, title, owner, approver, t):
    return [f"{title}\n", f"Rule id: CDS-{rng.randint(100, 999)}   Version {rng.randint(1, 6)}.{rng.randint(0, 9)}   Effective {t:%m/%d/%Y}\n",
            "Owner: ", owner.n(), "   Approved: ", approver.n("dr"), "\n\n"]


def t_cr_sepsis(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["rn", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Adult sepsis screening BPA", o, a, t),
            "Population: adult inpatients and ED patients (age 18 and older); excludes comfort care.\n\n",
            "Fires when 2+ SIRS criteria within 6 hours AND suspected infection:\n",
            "- Temp > 38.3 C or < 36.0 C\n- HR > 90\n- RR > 20\n- WBC > 12,000 or < 4,000\n",
            "Suspected infection = blood culture ordered OR active order for ", D("ceftriaxone", "medication"), ", ", D("piperacillin-tazobactam", "medication"),
            ", or ", D("vancomycin", "medication"), ".\n\n",
            "Actions: lactate, 30 mL/kg crystalloid if hypotensive, document source.\n",
            "Diagnosis codes suggested on acknowledgement: ", D("A41.9", "diagnosis_code"), " ", D("Sepsis, unspecified organism", "condition"), "; ",
            D("R65.20", "diagnosis_code"), " ", D("Severe sepsis without septic shock", "condition"), ".\n"]


def t_cr_fall_risk(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["rn", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Inpatient fall risk - high-risk flag", o, a, t),
            "Population: all inpatients. Automatic high-risk flag for patients aged 90 and older, regardless of Morse score.\n",
            "Other triggers (any): Morse >= 45; fall in last 3 months; active order for ", D("zolpidem", "medication"), ", ", D("lorazepam", "medication"), " or ",
            D("oxycodone", "medication"), "; diagnosis of ", D("dementia", "condition"), " (", D("F03.90", "diagnosis_code"), ") or ", D("Parkinson's disease", "condition"),
            " (", D("G20.A1", "diagnosis_code"), ").\n\n", "Interventions: bed alarm, hourly rounding, non-slip socks, PT consult.\n",
            "Reporting: falls per 1,000 patient days, stratified 65-79, 80-89, 90+.\n"]


def t_cr_anticoag(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["rn", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Apixaban dose check (non-valvular AF)", o, a, t),
            "Applies to: active order for ", D("apixaban", "medication"), " with ", D("atrial fibrillation", "condition"), " (", D("I48.91", "diagnosis_code"), ", ",
            D("I48.0", "diagnosis_code"), ").\n\n",
            "Recommend 2.5 mg BID if at least 2 of: age >= 80 years, weight <= 60 kg, serum creatinine >= 1.5 mg/dL.\n",
            "Otherwise 5 mg BID. Alert if ordered dose does not match.\n",
            "Interactions flagged: strong CYP3A4 + P-gp inhibitors (", D("ketoconazole", "medication"), ", ", D("ritonavir", "medication"), ").\n",
            "References: product labeling; ACC/AHA AF guideline.\n"]


def t_cr_diabetes_measure(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["admin", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Quality measure: HbA1c poor control (>9%)", o, a, t),
            "Denominator: patients 18-75 years with diabetes (", D("E10.*", "diagnosis_code"), ", ", D("E11.*", "diagnosis_code"), ", ", D("E13.*", "diagnosis_code"),
            ") and a visit in the measurement period (", D("99202", "procedure_code"), "-", D("99215", "procedure_code"), ", ", D("G0438", "procedure_code"), ", ",
            D("G0439", "procedure_code"), ").\n",
            "Exclusions: hospice, patients 66 and older in long-term care, palliative care.\n",
            "Numerator: most recent HbA1c (", D("83036", "procedure_code"), ", LOINC 4548-4) > 9.0% or missing.\n",
            f"Measurement period: 01/01/{t.year} - 12/31/{t.year}. Lower is better.\n"]


def t_cr_prior_auth(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["admin", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Advanced imaging prior authorization - routing rule", o, a, t),
            "| CPT | Description | PA required | Exception |\n|---|---|---|---|\n",
            "| ", D("70553", "procedure_code"), " | MRI brain w/o and w/ contrast | Yes | ED orders |\n",
            "| ", D("72148", "procedure_code"), " | MRI lumbar spine w/o contrast | Yes | red-flag dx ", D("G83.4", "diagnosis_code"), " |\n",
            "| ", D("74177", "procedure_code"), " | CT abdomen/pelvis w/ contrast | Payer specific | inpatient |\n",
            "| ", D("78815", "procedure_code"), " | PET/CT skull base to mid-thigh | Yes | none |\n\n",
            "Routing: orders with PA required go to the PA work queue; turnaround target 2 business days. Payer phone numbers are in the payer grid, not here.\n"]


def t_cr_vaccine(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["rn", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Health maintenance: adult immunizations", o, a, t),
            "- ", D("Influenza vaccine", "medication"), " (CVX 141/150): annually, all patients 6 months and older, due Sep 1\n",
            "- ", D("Pneumococcal conjugate vaccine", "medication"), " (PCV20, CVX 216): once at age 65+, or 19-64 with ", D("CKD", "condition"), ", ", D("diabetes", "condition"), " or ",
            D("COPD", "condition"), "\n",
            "- ", D("Zoster recombinant vaccine", "medication"), " (CVX 187): 2 doses, age 50+\n",
            "- ", D("Tdap", "medication"), " (CVX 115): once, then Td/Tdap every 10 years\n\n",
            "Administration code: ", D("90471", "procedure_code"), "; Medicare flu admin ", D("G0008", "procedure_code"), ".\n"]


def t_cr_ddi(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["rn", "md"])
    t = recent(rng)
    pairs = [("warfarin", "fluconazole", "increased INR"), ("simvastatin", "clarithromycin", "myopathy"), ("lisinopril", "spironolactone", "hyperkalemia"),
             ("sertraline", "tramadol", "serotonin syndrome"), ("methotrexate", "trimethoprim", "bone marrow suppression")]
    return [rule_head(rng, org, "Drug-drug interaction alerts - local overrides", o, a, t),
            "| Drug A | Drug B | Effect | Severity | Local action |\n|---|---|---|---|---|\n",
            [["| ", D(x, "medication"), " | ", D(y, "medication"), " | ", D(e, "condition"), " | ", rng.choice(["major", "moderate"]), " | ",
              rng.choice(["interruptive", "passive", "suppress in ICU"]), " |\n"] for x, y, e in rng.sample(pairs, 4)],
            f"\nOverride rate target < 80%. Reviewed quarterly by P&T; last review {t:%m/%d/%Y}.\n"]


def t_cr_readmission(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["admin", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "30-day readmission risk model (v3) - documentation", o, a, t),
            "Features: age band (18-44, 45-64, 65-79, 80-89, 90+), prior admissions in 12 months, LOS, ED visits, Charlson index, ",
            D("CHF", "condition"), ", ", D("COPD", "condition"), ", ", D("CKD", "condition"), ", discharge to SNF.\n",
            f"Training data: {rng.randint(80, 200)}k index admissions {t.year - 3}-{t.year - 1}, de-identified (ages over 89 top-coded).\n",
            f"AUC {rng.uniform(0.68, 0.76):.3f} on the {t.year - 1} holdout; calibration slope {rng.uniform(0.9, 1.1):.2f}.\n",
            "Output: score 0-100, high risk >= 30 triggers a transitions-of-care referral.\n",
            f"Model artifact: s3://models/readmit/v3/{hexs(rng, 12)}.pkl\n"]


def t_cr_awv(rng):
    org = org_of(rng)
    o, a = staff_list(rng, org, 2, ["admin", "md"])
    t = recent(rng)
    return [rule_head(rng, org, "Medicare annual wellness visit eligibility", o, a, t),
            "- Initial AWV (", D("G0438", "procedure_code"), "): once per lifetime, 12+ months after Part B enrollment and no IPPE (", D("G0402", "procedure_code"), ") in the past 12 months\n",
            "- Subsequent AWV (", D("G0439", "procedure_code"), "): 11 full months after the last AWV\n",
            "- Advance care planning (", D("99497", "procedure_code"), ") may be billed same day with modifier 33, no cost share\n",
            "- Screening codes often attached: ", D("Z00.00", "diagnosis_code"), ", ", D("Z13.31", "diagnosis_code"), " (depression screening)\n\n",
            "Eligibility check uses the 270/271 with the MBI; documentation examples use the CMS sample MBI 1EG4-TE5-MK73.\n"]


def t_cr_cds_hooks(rng):
    org = org_of(rng)
    o = Staff(rng, org, "it")
    t = recent(rng)
    return ["CDS Hooks service definition - opioid-naloxone co-prescribing\n", "Maintainer: ", o.n(), f"   Service version {ver(rng)}\n\n",
            "```json\n{\n  \"services\": [\n    {\n      \"hook\": \"order-sign\",\n      \"id\": \"naloxone-coprescribe\",\n",
            "      \"title\": \"Offer naloxone with high-dose opioids\",\n      \"prefetch\": {\n        \"patient\": \"Patient/{{context.patientId}}\",\n",
            "        \"meds\": \"MedicationRequest?patient={{context.patientId}}&status=active\"\n      }\n    }\n  ]\n}\n```\n\n",
            "Card fires when total daily dose >= 50 MME from ", D("oxycodone", "medication"), ", ", D("hydromorphone", "medication"), " or ", D("morphine", "medication"),
            " and no active ", D("naloxone", "medication"), ". Suggestion: ", D("naloxone", "medication"), " 4 mg nasal spray.\n",
            f"Endpoint: https://cds.{org['domain']}/cds-services (internal, {make_server_ip(rng)}:443).\n"]


# ----------------------------------------------------------------------------------------
# clean family: clean_oncall_directory
# ----------------------------------------------------------------------------------------

def t_oc_roster(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 5, ["it"] * 5)
    t = recent(rng)
    rows = []
    for i, p in enumerate(ppl):
        wk = t.date() + dt.timedelta(days=7 * i)
        rows.append(["| ", f"{wk:%m/%d}", " | ", p.n(), " | ", p.phone_s(rng.choice(["paren", "dash", "dot"])), " | ", D(p.pager, "staff_contact"), " | ",
                     ppl[(i + 1) % len(ppl)].n(), " |\n"])
    return [f"# Integration on-call rotation - Q{(t.month - 1) // 3 + 1} {t.year}\n\n", "Handoff Mondays 09:00. Primary carries the phone; secondary is the backup.\n\n",
            "| Week of | Primary | Mobile | Pager | Secondary |\n|---|---|---|---|---|\n", rows,
            f"\nIncident bridge (always open): {bridge(rng)[0]}, passcode {rng.randint(100000, 999999)}#\n"]


def t_oc_escalation(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 4, ["it", "it", "it", "admin"])
    return ["Escalation path - Interface Engine (P1/P2)\n\n",
            "1. On-call engineer - PagerDuty schedule 'IE-Primary' (auto-pages)\n",
            "2. After 15 min: ", ppl[0].n(), ", team lead - ", ppl[0].phone_s("dash"), "\n",
            "3. After 30 min: ", ppl[1].n(), ", manager - ", ppl[1].phone_s("paren"), " / ", ppl[1].email_s(), "\n",
            "4. Clinical impact: ", ppl[3].n(), ", nursing informatics - pager ", D(ppl[3].pager, "staff_contact"), "\n\n",
            "Vendor support (Rhapsody): 24x7 line 1-866-", f"{rng.randint(200, 899)}-{rng.randint(1000, 9999)}", ", contract #", f"{rng.randint(10 ** 5, 10 ** 6)}", "\n",
            "Do not share patient details with the vendor over the phone; use the secure case portal.\n"]


def t_oc_dept_directory(rng):
    org = org_of(rng)
    depts = ["Admitting", "Health Information Mgmt", "Patient Financial Services", "Pharmacy (inpatient)", "Radiology front desk", "Lab client services", "IT Service Desk"]
    ppl = staff_list(rng, org, len(depts))
    rows = []
    for d, p in zip(depts, ppl):
        rows.append([d.ljust(28), " ", p.n(), "  ext ", D(p.ext, "staff_contact"), "  fax ", D(fmt_phone(make_phone(rng, p.phone[:3]), "dash"), "staff_contact"), "\n"])
    return [D(org["facs"][0], "facility"), " - internal phone directory (updated ", f"{recent(rng):%m/%Y}", ")\n",
            "Main operator: dial 0\n\n",
            "Department                   Contact               Ext    Fax\n", rows,
            "\nExternal callers use the main number; extensions are 4 digits. Test line for phone system checks: 555-0100.\n"]


def t_oc_holiday(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 4, ["md", "md", "md", "md"])
    t = recent(rng)
    days = ["Thanksgiving", "Day after Thanksgiving", "Christmas Eve", "Christmas Day", "New Year's Eve", "New Year's Day"]
    rows = []
    for d in days:
        p = rng.choice(ppl)
        rows.append([d, ": ", p.n("dr"), " (cell ", p.phone_s("dot"), ")\n"])
    return [f"Hospitalist holiday coverage {t.year}-{t.year + 1}\n", "Scheduler: ", Staff(rng, org, "admin").n(), "\n\n", rows,
            "\nNight coverage follows the usual nocturnist schedule. Swaps must be approved by ", ppl[0].n("dr"), ".\n"]


def t_oc_jsm_matrix(rng):
    org = org_of(rng)
    groups = ["EHR Ambulatory", "EHR Inpatient", "Integration", "Revenue Cycle Apps", "Identity & Access"]
    ppl = staff_list(rng, org, len(groups))
    rows = [["| ", g, " | ", p.n("jira"), " | ", p.email_s(), " | ", rng.choice(["P1 15m / P2 1h", "P1 30m / P2 4h"]), " |\n"] for g, p in zip(groups, ppl)]
    return ["h2. Service desk assignment groups - escalation contacts\n\n", "||Group||Lead||Email||Response target||\n", rows,
            f"\nQueue filter ids: {', '.join(str(rng.randint(10000, 99999)) for _ in range(3))}. SLA calendar: business hours ET.\n"]


def t_oc_yaml(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 3, ["it", "it", "it"])
    t = recent(rng)
    return ["# oncall.yaml - consumed by the alert router\n", "schedule:\n  name: fhir-platform\n  timezone: America/New_York\n", f"  rotation_start: {t:%Y-%m-%d}T09:00:00\n",
            "  layers:\n", [["    - user: ", D(p.email, "staff_contact"), "\n      name: ", D(p.name, "person_name"), "\n      phone: \"", D(fmt_phone(p.phone, "e164"), "staff_contact"),
                             "\"\n"] for p in ppl],
            "escalation:\n  - after: 15m\n    notify: team-lead\n  - after: 30m\n    notify: director\n",
            f"webhook: https://alerts.{org['domain']}/hooks/{hexs(rng, 24)}\n", "# test number for the router smoke test: +1-617-555-0147\n"]


def t_oc_slack_topic(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 3, ["it", "it", "admin"])
    t = recent(rng)
    return [f"#ehr-oncall  |  topic set by ", ppl[2].n("handle"), f" on {t:%b %d}\n",
            "This week: ", ppl[0].n("handle"), " (primary) ", ppl[1].n("handle"), " (secondary) | page via /page ehr | bridge ",
            bridge(rng)[0], " pin ", str(rng.randint(1000, 9999)), " | runbooks: https://wiki.", org["domain"], "/x/", hexs(rng, 6), "\n\n",
            "Pinned:\n", "• Never paste MRNs or patient names here - use the incident number.\n",
            "• After-hours analyst line: ", D(fmt_phone(make_phone(rng, "617"), "dash"), "staff_contact"), "\n"]


def t_oc_hospitalist(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 6, ["md"] * 4 + ["np", "np"])
    t = recent(rng)
    teams = ["Team A", "Team B", "Team C", "Team D", "Admitter", "Nocturnist"]
    rows = [[tm.ljust(11), " ", p.n("dr") if p.kind == "md" else p.n("cred"), "   pager ", D(p.pager, "staff_contact"), "   Vocera: ", D(p.first.lower() + " " + p.last.lower(), "staff_contact"), "\n"]
            for tm, p in zip(teams, ppl)]
    return [D(org["facs"][0], "facility"), " Hospital Medicine - daily assignments ", f"{t:%a %m/%d}\n\n", rows,
            "\nRapid response: 5555 (internal). Census cap 16 per team. Sign-out at 18:30 in the conference room, 4th floor.\n"]


def t_oc_vendor_contacts(rng):
    org = org_of(rng)
    vendors = [("Rhapsody / Lyniate", "lyniate.example"), ("Epic TS", "epic.example"), ("Change Healthcare clearinghouse", "changehc.example"),
               ("Quest interface team", "questint.example")]
    rows = []
    for v, dom in vendors:
        p = Staff(rng, dict(domain=dom), "it")
        rows.append(["- ", v, ": ", p.n(), ", ", D(p.email, "staff_contact"), ", ", p.phone_s(rng.choice(["paren", "dash"])), "\n"])
    return ["Vendor contacts - Integration team (internal)\n\n", rows,
            f"\nWeekly vendor bridge: Tuesdays 11:00, {bridge(rng)[0]} code {rng.randint(100000, 999999)}.\n",
            "Contract numbers and SOWs are in the procurement share.\n"]


def t_oc_pagerduty_csv(rng):
    org = org_of(rng)
    ppl = staff_list(rng, org, 4, ["it"] * 4)
    t = recent(rng)
    out = ["schedule,start,end,user,email,phone\n"]
    for i, p in enumerate(ppl):
        st = t + dt.timedelta(days=7 * i)
        out.append(["claims-platform,", f"{st:%Y-%m-%dT09:00:00-05:00}", ",", f"{(st + dt.timedelta(days=7)):%Y-%m-%dT09:00:00-05:00}", ",", p.n(), ",", p.email_s(), ",",
                    D(fmt_phone(p.phone, "e164"), "staff_contact"), "\n"])
    return [f"pagerduty_export_{t:%Y%m%d}.csv\n", out]


# ----------------------------------------------------------------------------------------
# families, generation, CLI
# ----------------------------------------------------------------------------------------

FAMILIES = [
    ("jira_hl7", True, 15, [t_jira_adt_a01_nak, t_jira_oru_units, t_jira_a08_address_diff, t_jira_siu_appointments, t_jira_orm_duplicates,
                            t_jira_dft_charges, t_jira_a03_discharge, t_jira_ack_mpi_log, t_jira_a40_merge, t_jira_vxu_registry,
                            t_jira_a04_coverage, t_jira_mdm_transcription]),
    ("confluence_patient_table", True, 15, [t_conf_wiki_pilot_roster, t_conf_md_member_escalations, t_conf_html_census, t_conf_excel_paste,
                                            t_conf_storage_xhtml, t_conf_dq_findings, t_conf_mpi_migration, t_conf_outage_callbacks,
                                            t_conf_implant_registry, t_conf_portal_lockouts, t_conf_dialysis_transport, t_conf_huddle_high_risk]),
    ("support_ticket", True, 15, [t_tkt_zendesk_portal, t_tkt_servicenow_incident, t_tkt_freshdesk_billing, t_tkt_jsm_form, t_tkt_call_log_relative,
                                  t_tkt_records_request, t_tkt_duplicate_chart, t_tkt_device_replacement, t_tkt_valet_vehicle, t_tkt_pharmacy_refill,
                                  t_tkt_death_record, t_tkt_spanish_caller]),
    ("bitbucket_fhir_diff", True, 15, [t_fhir_patient_fixture, t_fhir_coverage_bundle, t_fhir_encounter, t_fhir_eob, t_fhir_observation, t_fhir_ts_spec,
                                       t_fhir_pytest, t_fhir_hapi_java, t_fhir_ndjson, t_fhir_phone_update, t_fhir_related_person, t_fhir_device_udi]),
    ("sql_seed", True, 15, [t_sql_pg_insert, t_sql_mysql_dump, t_sql_tsql_identity, t_sql_copy_stdin, t_sql_update_fix, t_sql_flyway_seed,
                            t_sql_psql_output, t_sql_claims_fk, t_sql_oracle, t_sql_sqlite_app, t_sql_upsert_mbi, t_sql_error_log]),
    ("clinical_note", True, 15, [t_note_hp, t_note_soap, t_note_discharge, t_note_ed_triage, t_note_telephone, t_note_sbar, t_note_operative,
                                 t_note_home_health, t_note_consult_letter, t_note_social_work, t_note_death, t_note_radiology]),
    ("csv_claims", True, 15, [t_csv_837_lines, t_csv_medicare_mbi, t_csv_denials_quoted, t_csv_pharmacy_ndc, t_csv_semicolon, t_csv_tsv_address,
                              t_csv_report_preamble, t_csv_835_remit, t_csv_eligibility, t_csv_inpatient_drg, t_csv_dme_serials, t_csv_appeals_log]),
    ("patient_email", True, 15, [t_mail_bill_question, t_mail_reply_quoted, t_mail_fw_records, t_mail_update_info, t_mail_caregiver, t_mail_appt_request,
                                 t_mail_native_signature, t_mail_staff_thread, t_mail_refill, t_mail_portal_notification, t_mail_spanish,
                                 t_mail_records_release]),
    ("clean_stack_trace", False, 20, [t_cs_java_hapi, t_cs_python_etl, t_cs_dotnet, t_cs_node, t_cs_go_panic, t_cs_mirth, t_cs_k8s, t_cs_sql_deadlock,
                                      t_cs_jira_trace, t_cs_spring_startup]),
    ("clean_meeting_notes", False, 20, [t_mn_interface_sync, t_mn_retro, t_mn_informatics_committee, t_mn_vendor_call, t_mn_postmortem,
                                        t_mn_privacy_training, t_mn_golive, t_mn_data_governance, t_mn_teams_recap, t_mn_arch_review]),
    ("clean_validator_diff", False, 20, [t_vd_python_ssn, t_vd_java_npi, t_vd_ts_phone, t_vd_rust_mbi, t_vd_go_zip, t_vd_hl7_date, t_vd_icd10,
                                         t_vd_sql_constraint, t_vd_card_luhn, t_vd_age_bucket]),
    ("clean_release_notes", False, 20, [t_rn_product, t_rn_engine_channels, t_rn_ehr_upgrade, t_rn_changelog, t_rn_app_store, t_rn_terminology,
                                        t_rn_hotfix_email, t_rn_docker, t_rn_db_migration, t_rn_cds_content]),
    ("clean_clinical_rule", False, 20, [t_cr_sepsis, t_cr_fall_risk, t_cr_anticoag, t_cr_diabetes_measure, t_cr_prior_auth, t_cr_vaccine, t_cr_ddi,
                                        t_cr_readmission, t_cr_awv, t_cr_cds_hooks]),
    ("clean_oncall_directory", False, 20, [t_oc_roster, t_oc_escalation, t_oc_dept_directory, t_oc_holiday, t_oc_jsm_matrix, t_oc_yaml,
                                           t_oc_slack_topic, t_oc_hospitalist, t_oc_vendor_contacts, t_oc_pagerduty_csv]),
]

MAX_ATTEMPTS = 200


def variant_name(family, fn):
    return f"{family}__{fn.__name__[2:]}"


def generate():
    recs = []
    for family, is_phi, n, tmpls in FAMILIES:
        order = list(tmpls)
        random.Random(f"{SEED}|order|{family}").shuffle(order)
        for i in range(n):
            fn = order[i % len(order)]
            for attempt in range(MAX_ATTEMPTS):
                rng = random.Random(f"{SEED}|{family}|{i}|{attempt}")
                text, spans = build(fn(rng))
                if repeated_value(text, spans) is None:
                    break
            else:
                raise RuntimeError(f"{family} #{i}: could not avoid a repeated PHI value")
            recs.append({"id": f"{family}-{i + 1:04d}", "family": family, "phi": is_phi, "variant": variant_name(family, fn),
                         "text": text, "spans": spans})
    return recs


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))


def self_checks(recs):
    errs = []
    fams = {}
    for r in recs:
        fams.setdefault(r["family"], []).append(r)
        for e in verify_record(r):
            errs.append(f"{r['id']}: {e}")
        if r["phi"] and not any(s["label"] == "phi" for s in r["spans"]):
            errs.append(f"{r['id']}: PHI document without phi spans")
    if len(recs) != 240:
        errs.append(f"expected 240 documents, got {len(recs)}")
    if sum(r["phi"] for r in recs) != 120:
        errs.append("expected 120 PHI documents")
    for family, is_phi, n, tmpls in FAMILIES:
        got = fams.get(family, [])
        if len(got) != n:
            errs.append(f"{family}: expected {n} docs, got {len(got)}")
        if len({r["variant"] for r in got}) != len(tmpls):
            errs.append(f"{family}: not every template used")
        if len(tmpls) < (10 if is_phi else 8):
            errs.append(f"{family}: too few templates")
    # identifier rules on the phi values
    for r in recs:
        tb = r["text"].encode("utf-8")
        for s in r["spans"]:
            if s["label"] != "phi":
                continue
            v = tb[s["start"]: s["end"]].decode("utf-8")
            k = s["kind"]
            if k == "ssn":
                d = v.replace("-", "")
                a, g, sn = int(d[:3]), int(d[3:5]), int(d[5:])
                if not (len(d) == 9 and 0 < a < 900 and a != 666 and g and sn) or d == "123456789":
                    errs.append(f"{r['id']}: invalid SSN {v}")
            elif k == "credit_card":
                d = re.sub(r"[ -]", "", v)
                if not luhn_ok(d):
                    errs.append(f"{r['id']}: card fails Luhn {v}")
            elif k == "medicare_mbi":
                m = v.replace("-", "")
                if not re.fullmatch(r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}", m) or m == "1EG4TE5MK73":
                    errs.append(f"{r['id']}: invalid MBI {v}")
            elif k == "vehicle_id" and len(v) == 17 and not vin_ok(v):
                errs.append(f"{r['id']}: VIN check digit {v}")
            elif k == "phone":
                d = re.sub(r"\D", "", v)
                if len(d) == 11 and d[0] == "1":
                    d = d[1:]
                if len(d) == 10 and (d[0] in "01" or d[3] in "01" or d[3:6] == "555"):
                    errs.append(f"{r['id']}: phone not NANP-plausible {v}")
        for s in r["spans"]:
            if s["kind"] == "npi":
                v = tb[s["start"]: s["end"]].decode("utf-8")
                if not luhn_ok("80840" + v):
                    errs.append(f"{r['id']}: NPI fails check digit {v}")
    return errs


def cultures_used(recs=None):
    return len(CULTURES), len(NATIVE_KEYS)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="regenerate in memory, compare with the file and verify every span")
    ap.add_argument("--stats", action="store_true", help="templates per family, cultures")
    ap.add_argument("--out", default=OUT_PATH)
    args = ap.parse_args(argv)
    recs = generate()
    errs = self_checks(recs)
    if args.stats:
        print(f"{'family':28} docs  phi  templates")
        for family, is_phi, n, tmpls in FAMILIES:
            print(f"{family:28} {n:4d}  {'yes' if is_phi else 'no ':3}  {len(tmpls):3d}")
        print(f"total templates: {sum(len(t) for _, _, _, t in FAMILIES)}")
        print(f"name cultures: {len(CULTURES)} ({len(NATIVE_KEYS)} with native-script names: {', '.join(NATIVE_KEYS)})")
        print(f"documents: {len(recs)} ({sum(r['phi'] for r in recs)} PHI / {sum(not r['phi'] for r in recs)} clean), "
              f"spans: {sum(len(r['spans']) for r in recs)} "
              f"({sum(1 for r in recs for s in r['spans'] if s['label'] == 'phi')} phi)")
        kinds = {}
        for r in recs:
            for s in r["spans"]:
                if s["label"] == "phi":
                    kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
        print("phi kinds: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])))
        if errs:
            print("\n".join(errs[:50]))
        return 1 if errs else 0
    if args.check:
        ok = True
        if errs:
            ok = False
            print("\n".join(errs[:50]))
        try:
            with open(args.out, encoding="utf-8") as f:
                file_recs = [json.loads(line) for line in f if line.strip()]
        except FileNotFoundError:
            print(f"missing {args.out}")
            return 1
        for r in file_recs:
            for e in verify_record(r):
                ok = False
                print(f"{r.get('id')}: {e}")
        if file_recs != recs:
            ok = False
            print(f"{args.out} differs from a fresh generation ({len(file_recs)} records on file, {len(recs)} generated)")
        print("ok" if ok else "FAILED", f"- {len(file_recs)} records checked")
        return 0 if ok else 1
    if errs:
        print("\n".join(errs[:50]))
        return 1
    with open(args.out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(dumps(r) + "\n")
    print(f"wrote {len(recs)} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
