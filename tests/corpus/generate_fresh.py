#!/usr/bin/env python3
"""Independent synthetic PHI / clean test corpus ("fresh" corpus).

Writes fresh.jsonl next to this file: 240 documents, 14 families, 120 with PHI
and 120 clean.  Everything is synthetic: names are random combinations drawn
from the lists below, numbers are random (with valid shapes).  Standard library
only; deterministic (fixed seed).

Documents are built from templates with «key» placeholders; each placeholder is
filled with plain text, a labelled value (P = phi, D = dont_care) or a nested
list of those, so byte offsets are computed while the text is assembled.

Run:  python3 generate_fresh.py          (writes fresh.jsonl and runs the self-check)
      python3 generate_fresh.py --check  (re-verifies fresh.jsonl only)
"""
import datetime as dt
import json
import os
import random
import re
import sys
import textwrap
import unicodedata
import uuid

SEED = 7_340_221
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh.jsonl")


# --------------------------------------------------------------------------
# labelled pieces and rendering
# --------------------------------------------------------------------------
class V:
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = str(text), label, kind

    def __str__(self):
        return self.text


def P(text, kind):
    return V(text, "phi", kind)


def D(text, kind):
    return V(text, "dont_care", kind)


_TOK = re.compile(r"«(\w+)»")


def T(s):
    """Dedent a template written as an indented triple-quoted string."""
    if s.startswith("\n"):
        s = s[1:]
    return textwrap.dedent(s)


def render(tpl, **vals):
    """Return a list of pieces (str or V or nested lists)."""
    out, pos = [], 0
    for m in _TOK.finditer(tpl):
        out.append(tpl[pos:m.start()])
        key = m.group(1)
        if key not in vals:
            raise KeyError("template placeholder without value: " + key)
        out.append(vals[key])
        pos = m.end()
    out.append(tpl[pos:])
    return out


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


def _flat(v, acc):
    if v is None:
        return
    if isinstance(v, V):
        if v.text:
            acc.append((v.text, v.label, v.kind))
    elif isinstance(v, (list, tuple)):
        for x in v:
            _flat(x, acc)
    else:
        s = str(v)
        if s:
            acc.append((s, None, None))


def plain(v):
    acc = []
    _flat(v, acc)
    return "".join(a[0] for a in acc)


# terms labelled dont_care automatically wherever they appear unlabelled
MED_TERMS = [
    "metformin", "lisinopril", "apixaban", "warfarin", "furosemide", "atorvastatin",
    "insulin glargine", "insulin lispro", "ceftriaxone", "azithromycin", "vancomycin",
    "piperacillin-tazobactam", "metoprolol succinate", "metoprolol tartrate", "metoprolol",
    "amlodipine", "enoxaparin", "heparin", "acetaminophen", "oxycodone", "prednisone",
    "albuterol", "tiotropium", "levothyroxine", "sertraline", "donepezil", "tamsulosin",
    "pantoprazole", "gabapentin", "Eliquis", "Lasix", "Coumadin", "Lipitor", "Zosyn",
    "Tylenol", "Keppra", "levetiracetam", "rivaroxaban", "Xarelto", "clopidogrel",
    "aspirin", "nitroglycerin", "morphine", "hydromorphone", "ondansetron", "Zofran",
    "cefazolin", "norepinephrine", "lactated Ringer's", "normal saline", "potassium chloride",
    "semaglutide", "Ozempic", "empagliflozin", "Jardiance", "sacubitril-valsartan", "Entresto",
    "spironolactone", "carvedilol", "hydrochlorothiazide", "losartan", "memantine", "quetiapine",
    "haloperidol", "lorazepam", "alendronate", "calcitriol", "epoetin alfa", "sevelamer",
    "amoxicillin-clavulanate", "amoxicillin", "nitrofurantoin", "cephalexin", "doxycycline",
    "fluticasone-salmeterol", "budesonide", "montelukast", "tramadol", "naloxone", "Narcan",
    "insulin", "fentanyl", "propofol", "dexamethasone", "tacrolimus", "mycophenolate",
]
COND_TERMS = [
    "type 2 diabetes mellitus", "type 2 diabetes", "diabetes", "hypertension", "HTN",
    "heart failure with reduced ejection fraction", "heart failure", "CHF", "HFrEF",
    "community-acquired pneumonia", "pneumonia", "acute kidney injury", "AKI", "CKD stage 3b",
    "chronic kidney disease", "atrial fibrillation", "AFib", "COPD exacerbation", "COPD",
    "sepsis", "septic shock", "hip fracture", "dementia", "Alzheimer's disease",
    "urinary tract infection", "UTI", "acute ischemic stroke", "stroke", "appendicitis",
    "hyponatremia", "syncope", "delirium", "cellulitis", "DVT", "deep vein thrombosis",
    "pulmonary embolism", "NSTEMI", "STEMI", "GI bleed", "hyperlipidemia", "hypothyroidism",
    "osteoarthritis", "major depressive disorder", "depression", "anxiety", "asthma",
    "obstructive sleep apnea", "OSA", "ESRD", "end-stage renal disease", "cirrhosis",
    "pressure injury", "COVID-19", "influenza", "anemia", "hypokalemia",
    "diabetic ketoacidosis", "DKA", "obesity", "seizure", "epilepsy", "migraine",
    "rheumatoid arthritis", "lung adenocarcinoma", "breast cancer", "prostate cancer",
    "benign prostatic hyperplasia", "BPH", "macular degeneration", "glaucoma", "opioid use disorder",
]
ICD_LIST = [
    ("E11.9", "Type 2 diabetes mellitus without complications"),
    ("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
    ("I10", "Essential (primary) hypertension"),
    ("I50.9", "Heart failure, unspecified"),
    ("I50.22", "Chronic systolic (congestive) heart failure"),
    ("J18.9", "Pneumonia, unspecified organism"),
    ("N17.9", "Acute kidney failure, unspecified"),
    ("I48.91", "Unspecified atrial fibrillation"),
    ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
    ("A41.9", "Sepsis, unspecified organism"),
    ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"),
    ("F03.90", "Unspecified dementia without behavioral disturbance"),
    ("N39.0", "Urinary tract infection, site not specified"),
    ("I63.9", "Cerebral infarction, unspecified"),
    ("K35.80", "Unspecified acute appendicitis"),
    ("E87.1", "Hypo-osmolality and hyponatremia"),
    ("R55", "Syncope and collapse"),
    ("C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung"),
    ("M17.11", "Unilateral primary osteoarthritis, right knee"),
    ("U07.1", "COVID-19"),
    ("L89.154", "Pressure ulcer of sacral region, stage 4"),
    ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"),
    ("N18.32", "Chronic kidney disease, stage 3b"),
    ("Z79.01", "Long term (current) use of anticoagulants"),
    ("E78.5", "Hyperlipidemia, unspecified"),
    ("R26.81", "Unsteadiness on feet"),
    ("W19.XXXA", "Unspecified fall, initial encounter"),
    ("G30.9", "Alzheimer's disease, unspecified"),
    ("J96.01", "Acute respiratory failure with hypoxia"),
    ("K92.2", "Gastrointestinal hemorrhage, unspecified"),
    ("Z91.81", "History of falling"),
    ("R65.21", "Severe sepsis with septic shock"),
]
CPT_LIST = [
    ("99223", "Initial hospital care, high complexity"), ("99233", "Subsequent hospital care"),
    ("99285", "ED visit, high severity"), ("99214", "Office visit, established, moderate"),
    ("99213", "Office visit, established, low"), ("93000", "ECG, 12-lead with interpretation"),
    ("71046", "Chest X-ray, 2 views"), ("80053", "Comprehensive metabolic panel"),
    ("85025", "CBC with differential"), ("27130", "Total hip arthroplasty"),
    ("G0439", "Annual wellness visit, subsequent"), ("36415", "Routine venipuncture"),
    ("97110", "Therapeutic exercise"), ("90662", "Influenza vaccine, high dose"),
    ("70450", "CT head without contrast"), ("99232", "Subsequent hospital care, moderate"),
    ("J1885", "Ketorolac injection"), ("A0427", "ALS emergency transport"),
]


def _auto_regex():
    terms = sorted(set(MED_TERMS), key=len, reverse=True)
    conds = sorted(set(COND_TERMS), key=len, reverse=True)
    icds = sorted({c for c, _ in ICD_LIST}, key=len, reverse=True)
    b = r"(?<![\w.\-])(%s)(?![\w])"
    acr = [t for t in conds if len(t) <= 5 and t.upper() == t]
    longc = [t for t in conds if t not in acr]
    return [
        (re.compile(b % "|".join(re.escape(t) for t in terms), re.I), "medication"),
        (re.compile(b % "|".join(re.escape(t) for t in longc), re.I), "condition"),
        (re.compile(b % "|".join(re.escape(t) for t in acr)), "condition"),
        (re.compile(b % "|".join(re.escape(t) for t in icds)), "diagnosis_code"),
    ]


AUTO = _auto_regex()


def build(pieces):
    """Flatten pieces into (text, spans) with UTF-8 byte offsets."""
    acc = []
    _flat(pieces, acc)
    text_parts, spans, bpos, cpos = [], [], 0, 0
    covered = []  # char ranges of labelled pieces
    for s, label, kind in acc:
        bl = len(s.encode("utf-8"))
        if label:
            spans.append({"start": bpos, "end": bpos + bl, "label": label, "kind": kind})
            covered.append((cpos, cpos + len(s)))
        text_parts.append(s)
        bpos += bl
        cpos += len(s)
    text = "".join(text_parts)
    # automatic dont_care for medications / conditions / ICD codes in unlabelled text
    extra = []
    for rx, kind in AUTO:
        for m in rx.finditer(text):
            a, b = m.start(1), m.end(1)
            if any(a < y and x < b for x, y in covered):
                continue
            covered.append((a, b))
            extra.append({"start": len(text[:a].encode()), "end": len(text[:b].encode()),
                          "label": "dont_care", "kind": kind})
    spans.extend(extra)
    spans.sort(key=lambda s: s["start"])
    return text, spans


# --------------------------------------------------------------------------
# names: many cultures and scripts (random combinations; no real people)
# --------------------------------------------------------------------------
# each culture: given_f, given_m, family (or family_f/family_m), optional middle,
# native pairs: lists of (native, latin)
CULT = {}
CULT["hispanic"] = dict(
    f=["María José", "Guadalupe", "Lucía", "Sofía", "Ximena", "Inés", "Araceli", "Yesenia",
       "Marisol", "Begoña", "Itzel", "Ana Belén", "Rocío", "Concepción", "Dulce María"],
    m=["José Luis", "Jesús", "Joaquín", "Andrés", "Héctor", "Raúl", "Ramón", "Iván", "Adrián",
       "Óscar", "Efraín", "Juan Carlos", "Rubén", "Nicolás", "Tomás"],
    fam=["García López", "Martínez", "Hernández", "López", "González Ruiz", "Rodríguez", "Pérez",
         "Sánchez", "Ramírez", "Peña", "Muñoz", "Ibáñez", "Castañeda", "Zúñiga", "Villaseñor",
         "Ordóñez", "Echeverría", "De la Cruz", "Núñez-Alvarado", "Saldaña"])
CULT["vietnamese"] = dict(
    f=["Ánh", "Hương", "Lan", "Thảo", "Linh", "Mai", "Hằng", "Trang", "Ngọc Bích", "Thúy"],
    m=["Hùng", "Dũng", "Tuấn", "Khoa", "Phúc", "Bảo", "Long", "Thắng", "Quốc Huy", "Đạt"],
    mid_f=["Thị", "Ngọc", "Thu", ""], mid_m=["Văn", "Đức", "Minh", "Quang", ""],
    fam=["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ",
         "Ngô", "Dương"], family_first=True)
CULT["chinese"] = dict(
    nf=[("秀英", "Xiuying"), ("静", "Jing"), ("美玲", "Meiling"), ("子涵", "Zihan"),
        ("娜", "Na"), ("桂兰", "Guilan"), ("欣怡", "Xinyi"), ("丽华", "Lihua")],
    nm=[("小明", "Xiaoming"), ("伟", "Wei"), ("一凡", "Yifan"), ("浩然", "Haoran"),
        ("建国", "Jianguo"), ("志强", "Zhiqiang"), ("俊杰", "Junjie"), ("德华", "Dehua")],
    nfam=[("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
          ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
          ("徐", "Xu"), ("孙", "Sun"), ("梁", "Leung"), ("陳", "Chan")], family_first=True,
    nojoin=True)
CULT["korean"] = dict(
    nf=[("서연", "Seo-yeon"), ("하은", "Ha-eun"), ("수빈", "Su-bin"), ("은정", "Eun-jung"),
        ("순자", "Soon-ja"), ("정숙", "Jung-sook"), ("지민", "Ji-min"), ("미경", "Mi-kyung")],
    nm=[("민준", "Min-jun"), ("지훈", "Ji-hoon"), ("현우", "Hyun-woo"), ("영호", "Young-ho"),
        ("성민", "Sung-min"), ("동현", "Dong-hyun"), ("재석", "Jae-seok"), ("상철", "Sang-chul")],
    nfam=[("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"),
          ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"),
          ("한", "Han"), ("오", "Oh")], family_first=True, nojoin=True)
CULT["arabic"] = dict(
    nf=[("فاطمة", "Fatima"), ("عائشة", "Aisha"), ("ليلى", "Layla"), ("مريم", "Maryam"),
        ("نور", "Nour"), ("زينب", "Zainab"), ("هدى", "Huda"), ("رانيا", "Rania")],
    nm=[("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("يوسف", "Youssef"), ("خالد", "Khaled"),
        ("عمر", "Omar"), ("حسن", "Hassan"), ("طارق", "Tariq"), ("إبراهيم", "Ibrahim")],
    nfam=[("الحسن", "Al-Hassan"), ("حداد", "Haddad"), ("منصور", "Mansour"),
          ("الخطيب", "Al-Khatib"), ("عبد الله", "Abdullah"), ("الرشيد", "Al-Rashid"),
          ("نصر", "Nasser"), ("قاسم", "Qasim"), ("سعيد", "Saeed"), ("العلي", "Al-Ali"),
          ("الشمري", "Al-Shammari"), ("عودة", "Odeh")])
CULT["hebrew"] = dict(
    nf=[("שרה", "Sarah"), ("רבקה", "Rivka"), ("מרים", "Miriam"), ("אסתר", "Esther"),
        ("נועה", "Noa"), ("חנה", "Chana"), ("יעל", "Yael")],
    nm=[("יוסף", "Yosef"), ("אברהם", "Avraham"), ("דוד", "David"), ("יעקב", "Yaakov"),
        ("איתן", "Eitan"), ("משה", "Moshe"), ("שמואל", "Shmuel")],
    nfam=[("כהן", "Cohen"), ("לוי", "Levi"), ("מזרחי", "Mizrahi"), ("פרץ", "Peretz"),
          ("ביטון", "Biton"), ("שפירא", "Shapira"), ("פרידמן", "Friedman"),
          ("גולדברג", "Goldberg"), ("אזולאי", "Azoulay")])
CULT["russian"] = dict(
    nf=[("Ольга", "Olga"), ("Наталья", "Natalya"), ("Татьяна", "Tatyana"),
        ("Людмила", "Lyudmila"), ("Галина", "Galina"), ("Светлана", "Svetlana")],
    nm=[("Иван", "Ivan"), ("Дмитрий", "Dmitri"), ("Сергей", "Sergei"), ("Алексей", "Aleksei"),
        ("Николай", "Nikolai"), ("Виктор", "Viktor")],
    nfam_m=[("Петров", "Petrov"), ("Смирнов", "Smirnov"), ("Кузнецов", "Kuznetsov"),
            ("Волков", "Volkov"), ("Соколов", "Sokolov"), ("Морозов", "Morozov")],
    nfam_f=[("Петрова", "Petrova"), ("Смирнова", "Smirnova"), ("Кузнецова", "Kuznetsova"),
            ("Волкова", "Volkova"), ("Соколова", "Sokolova"), ("Морозова", "Morozova")])
CULT["westslavic"] = dict(
    f=["Małgorzata", "Zofia", "Božena", "Kateřina", "Jadwiga", "Oksana", "Lyudmyla", "Agnieszka"],
    m=["Łukasz", "Wojciech", "Jiří", "Tomáš", "Oleksandr", "Bohdan", "Grzegorz", "Přemysl"],
    fam_f=["Wójcik", "Kowalczyk", "Dvořáková", "Nováková", "Szymańska", "Wiśniewska",
           "Shevchenko", "Kovalenko", "Bondarenko", "Jabłońska", "Krawczyk"],
    fam_m=["Wójcik", "Kowalczyk", "Dvořák", "Novák", "Szymański", "Wiśniewski", "Shevchenko",
           "Kovalenko", "Bondarenko", "Jabłoński", "Krawczyk"])
CULT["irish"] = dict(
    f=["Siobhán", "Aoife", "Niamh", "Caoimhe", "Bríd", "Róisín", "Saoirse", "Máire", "Gráinne"],
    m=["Seán", "Pádraig", "Ciarán", "Eoin", "Tadhg", "Cillian", "Donnchadh", "Ruairí", "Colm"],
    fam=["O'Brien", "Ó Súilleabháin", "O'Sullivan", "McCarthy", "Fitzgerald", "Ó Ceallaigh",
         "Gallagher", "Byrne", "Kavanagh", "MacNamara", "Mac Giolla Phádraig", "Ní Bhriain",
         "O'Donoghue", "Breathnach"])
CULT["nigerian"] = dict(
    f=["Ngozi", "Chiamaka", "Adaeze", "Funmilayo", "Yetunde", "Folake", "Ifeoma", "Olúwadámilọ́lá",
       "Ìfẹ́olúwa", "Hauwa", "Nneka", "Bùkọ́lá"],
    m=["Chukwuemeka", "Oluwaseun", "Babatunde", "Obinna", "Emeka", "Tunde", "Ikechukwu",
       "Abubakar", "Adébáyọ̀", "Olúwaṣeun", "Chidi", "Yusuf"],
    fam=["Okonkwo", "Adebayo", "Eze", "Okafor", "Nwosu", "Adeyemi", "Obi", "Balogun", "Ogunleye",
         "Adéwálé", "Ọlátúnjí", "Bello", "Okwuosa", "Nnamdi-Uche", "Akínwùmí"])
CULT["indian"] = dict(
    f=["Priya", "Lakshmi", "Ananya", "Kavita", "Sunita", "Deepika", "Meenakshi", "Harpreet",
       "Revathi", "Shreya"],
    m=["Rajesh", "Arjun", "Venkatesh", "Sanjay", "Gurpreet", "Suresh", "Vikram", "Karthik",
       "Mohan", "Abhishek"],
    fam=["Venkataraman", "Sharma", "Patel", "Iyer", "Reddy", "Chatterjee", "Singh", "Gupta",
         "Nair", "Krishnamurthy", "Subramanian", "Banerjee", "Desai", "Mukherjee"],
    nf=[("प्रिया", "Priya"), ("सुनीता", "Sunita"), ("कविता", "Kavita")],
    nm=[("राजेश", "Rajesh"), ("विक्रम", "Vikram"), ("संजय", "Sanjay")],
    nfam=[("शर्मा", "Sharma"), ("गुप्ता", "Gupta"), ("पटेल", "Patel"), ("सिंह", "Singh")])
CULT["anglo"] = dict(
    f=["Dorothy", "Margaret", "Jennifer", "Ashley", "Brittany", "Kayla", "Evelyn", "Shirley",
       "Tamika", "LaToya", "Mildred", "Gladys", "Harriet", "Peggy Sue"],
    m=["Robert", "James", "Michael", "Tyrone", "DeShawn", "Cody", "Harold", "Eugene", "Walter",
       "Bryce", "Earl", "Clarence", "Dwayne", "Leroy"],
    fam=["Thompson", "Whitaker", "Johnson", "Washington", "Miller", "Baker", "Jefferson",
         "Holloway", "Pruitt", "McAllister", "Hargrove", "Stanfield", "Tillman", "Boudreaux",
         "Smith-Kendrick", "Delacroix"])
CULT["haitian"] = dict(
    f=["Marie-Claude", "Roselène", "Widelyne", "Nadège", "Fabienne"],
    m=["Jean-Baptiste", "Wilner", "Jean-Robert", "Dieuveut", "Frantz"],
    fam=["Pierre-Louis", "Fils-Aimé", "Jean-Charles", "Désir", "Toussaint", "Beauvoir"])
CULT["somali"] = dict(
    f=["Hodan", "Faadumo", "Ifrah", "Sahra", "Ubah"], m=["Abdirahman", "Mahamed", "Abdiweli", "Hassan", "Liibaan"],
    fam=["Warsame", "Farah", "Jama", "Abdullahi", "Osman", "Hirsi"])
CULT["filipino"] = dict(
    f=["Maria Lourdes", "Ma. Cristina", "Rosalinda", "Jocelyn", "Marites"], m=["Rolando", "Jose Rizal", "Ferdinand", "Reynaldo", "Bong"],
    fam=["Dela Cruz", "Reyes", "Santos", "Bautista", "Villanueva", "Macapagal"])
CULT["lusophone"] = dict(
    f=["Conceição", "Maria da Graça", "Fernanda", "Luíza", "Gabriela"], m=["João", "Sebastião", "Gonçalo", "Thiago", "Antônio"],
    fam=["Gonçalves", "Conceição Alves", "Magalhães", "Araújo", "Carvalho", "Sousa"])
CULT["greek_turkish"] = dict(
    nf=[("Ελένη", "Eleni"), ("Μαρία", "Maria"), ("Αικατερίνη", "Aikaterini")],
    nm=[("Γιώργος", "Giorgos"), ("Δημήτρης", "Dimitris"), ("Κωνσταντίνος", "Konstantinos")],
    nfam=[("Παπαδοπούλου", "Papadopoulou"), ("Οικονόμου", "Oikonomou"), ("Γεωργίου", "Georgiou")],
    f=["Ayşe", "Zeynep", "Şükran", "Gülsüm"], m=["Mehmet", "Mustafa", "Hüseyin", "Ömer"],
    fam=["Yılmaz", "Öztürk", "Çelik", "Şahin", "Aydın"])
CULT["japanese"] = dict(
    nf=[("花子", "Hanako"), ("由美", "Yumi"), ("明美", "Akemi")], nm=[("健", "Takeshi"), ("浩", "Hiroshi"), ("翔太", "Shota")],
    nfam=[("佐藤", "Sato"), ("山本", "Yamamoto"), ("高橋", "Takahashi"), ("渡辺", "Watanabe")], family_first=True)
CULT["ghanaian_andean"] = dict(
    f=["Akosua", "Abena", "Efua", "Rosa Amelia", "Yupanqui"], m=["Kwame", "Kofi", "Yaw", "Tupac", "Wilfredo"],
    fam=["Mensah", "Owusu", "Asante", "Quispe Mamani", "Huamán", "Condori"])
CULT["nordic"] = dict(
    f=["Guðrún", "Sigríður", "Åsa", "Ingrid"], m=["Björn", "Søren", "Þórður", "Håkon"],
    fam=["Sigurðardóttir", "Øvergaard", "Jónsson", "Lindqvist", "Ångström"])

CULT_WEIGHTS = [("hispanic", 16), ("vietnamese", 9), ("chinese", 9), ("korean", 7),
                ("arabic", 8), ("hebrew", 6), ("russian", 5), ("westslavic", 6), ("irish", 8),
                ("nigerian", 8), ("indian", 9), ("anglo", 14), ("haitian", 2), ("somali", 2), ("filipino", 2),
                ("lusophone", 2), ("greek_turkish", 2), ("japanese", 1), ("ghanaian_andean", 2), ("nordic", 1)]

_FOLD = {"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ð": "d", "Ð": "D",
         "ß": "ss", "ı": "i", "Æ": "AE", "æ": "ae"}


def fold(s):
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


class Name:
    """A person's name; .given .middle .family in Latin script, .native if any."""

    def __init__(self, r, culture=None, sex=None, family=None):
        if culture is None:
            culture = r.choices([c for c, _ in CULT_WEIGHTS], [w for _, w in CULT_WEIGHTS])[0]
        self.culture = culture
        self.sex = sex or r.choice("FM")
        c = CULT[culture]
        self.middle = ""
        self.native = None
        self.family_first = c.get("family_first", False)
        f = self.sex == "F"
        use_native = ("nf" in c) and (("f" not in c) or r.random() < 0.4)
        if use_native:
            ng, lg = r.choice(c["nf"] if f else c["nm"])
            if "nfam" in c:
                nfam, lfam = r.choice(c["nfam"])
            else:
                nfam, lfam = r.choice(c["nfam_f"] if f else c["nfam_m"])
            self.given, self.family = lg, lfam
            if c.get("nojoin"):
                self.native = nfam + ng
            elif culture in ("arabic", "hebrew", "indian", "russian", "greek_turkish"):
                self.native = ng + " " + nfam
            else:
                self.native = nfam + " " + ng
        else:
            self.given = r.choice(c["f"] if f else c["m"])
            if "fam" in c:
                self.family = r.choice(c["fam"])
            else:
                self.family = r.choice(c["fam_f"] if f else c["fam_m"])
            mids = c.get("mid_f" if f else "mid_m")
            if mids:
                self.middle = r.choice(mids)
            elif r.random() < 0.25 and culture in ("anglo", "irish", "nigerian"):
                self.middle = r.choice(CULT["anglo"]["f" if f else "m"]).split()[0]
        if family is not None:
            self.family = family
        self.initial = self.middle[:1] if self.middle else ""

    # ---- formats ----
    def first_last(self, mid=False):
        g = self.given + (" " + self.middle if (mid and self.middle) else "")
        return g + " " + self.family

    def last_first(self, mid=False):
        return self.family + ", " + self.given + (" " + self.middle if mid and self.middle else "")

    def viet_order(self):
        return " ".join(x for x in (self.family, self.middle, self.given) if x)

    def display(self, r):
        """a 'full name' as a clinician or a form would show it"""
        if self.culture == "vietnamese" and r.random() < 0.4:
            return self.viet_order()
        return self.first_last(mid=r.random() < 0.3)

    def hl7(self, up=True, asc=True):
        fam, giv, mid = self.family, self.given, self.middle
        if asc:
            fam, giv, mid = fold(fam), fold(giv), fold(mid)
        if up:
            fam, giv, mid = fam.upper(), giv.upper(), mid.upper()
        s = fam + "^" + giv
        if mid:
            s += "^" + mid
        return s

    def handle(self):
        g = fold(self.given).lower().replace(" ", "").replace("-", "").replace("'", "")
        f = fold(self.family).lower().replace(" ", "").replace("-", "").replace("'", "")
        return g, f

    def title(self):
        return "Mrs." if self.sex == "F" else "Mr."


def relative_of(r, pt, sex=None):
    """a relative sharing (often) the family name"""
    n = Name(r, culture=pt.culture, sex=sex)
    if r.random() < 0.7 and n.native is None and pt.native is None:
        n.family = pt.family
    return n


def distinct_name(r, used, **kw):
    for _ in range(50):
        n = Name(r, **kw)
        toks = set(fold(n.first_last(True)).lower().replace("-", " ").replace(",", " ").split())
        if not toks & used:
            used |= toks
            return n
    return n


# --------------------------------------------------------------------------
# identifiers, dates, places
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def rdate(r, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 28).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


def fdate(d, style):
    m, dd, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    return {
        "us": f"{m:02d}/{dd:02d}/{y}",
        "us_np": f"{m}/{dd}/{y}",
        "us2": f"{m}/{dd}/{y % 100:02d}",
        "iso": d.isoformat(),
        "hl7": f"{y}{m:02d}{dd:02d}",
        "long": f"{mon} {dd}, {y}",
        "abbr": f"{mon[:3]} {dd}, {y}",
        "dmy_abbr": f"{dd:02d}-{mon[:3]}-{y}",
        "dmy_long": f"{dd} {mon} {y}",
        "ora": f"{dd:02d}-{mon[:3].upper()}-{y}",
        "dots": f"{dd:02d}.{m:02d}.{y}",
        "us_dash": f"{m:02d}-{dd:02d}-{y}",
        "slash_iso": f"{y}/{m:02d}/{dd:02d}",
    }[style]


DATE_STYLES = ["us", "us_np", "us2", "iso", "long", "abbr", "dmy_abbr", "dmy_long", "us_dash"]


def age_on(dob, ref):
    return ref.year - dob.year - ((ref.month, ref.day) < (dob.month, dob.day))


def hl7ts(d, r, secs=False):
    s = fdate(d, "hl7") + f"{r.randint(0, 23):02d}{r.choice([0, 5, 10, 15, 20, 30, 42, 45, 50]):02d}"
    if secs:
        s += f"{r.randint(0, 59):02d}"
    return s


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def nanp(r):
    while True:
        a = f"{r.randint(2, 9)}{r.randint(0, 8)}{r.randint(0, 9)}"
        if a[1:] == "11" or a in ("555", "800", "888", "877", "866", "855", "844", "833", "900"):
            continue
        e = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}"
        if e[1:] == "11" or e == "555":
            continue
        return a, e, digits(r, 4)


def fphone(parts, style):
    a, e, n = parts
    return {
        "dash": f"{a}-{e}-{n}", "paren": f"({a}) {e}-{n}", "paren_tight": f"({a}){e}-{n}",
        "plus_sp": f"+1 {a} {e} {n}", "dot": f"{a}.{e}.{n}", "e164": f"+1{a}{e}{n}",
        "bare": f"{a}{e}{n}", "one_dash": f"1-{a}-{e}-{n}", "plus_dash": f"+1-{a}-{e}-{n}",
        "sp": f"{a} {e} {n}",
    }[style]


PHONE_STYLES = ["dash", "paren", "plus_sp", "dot", "e164", "one_dash", "paren_tight", "dash", "sp"]


def phone(r, style=None, ext=False):
    s = fphone(nanp(r), style or r.choice(PHONE_STYLES))
    if ext:
        s += r.choice([" x", " ext. ", " ext ", " x."]) + digits(r, r.choice([3, 4]))
    return s


def ssn(r, dashes=True):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v in ("123-45-6789", "078-05-1120", "219-09-9999"):
            continue
        return v if dashes else v.replace("-", "")


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def mbi(r, dashes=None):
    an = MBI_L + "0123456789"
    c = [r.choice("123456789"), r.choice(MBI_L), r.choice(an), r.choice("0123456789"),
         r.choice(MBI_L), r.choice(an), r.choice("0123456789"), r.choice(MBI_L),
         r.choice(MBI_L), r.choice("0123456789"), r.choice("0123456789")]
    s = "".join(c)
    if s == "1EG4TE5MK73":
        return mbi(r, dashes)
    if dashes is None:
        dashes = r.random() < 0.5
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s


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


def npi(r):
    while True:
        body = r.choice("12") + digits(r, 8)
        # NPI check digit: Luhn over 80840 + 9 digits
        full = "80840" + body
        v = body + luhn_digit(full)
        if v != "1234567893":
            return v


def card(r):
    pre = r.choice(["4", "51", "52", "53", "54", "55", "37", "6011"])
    n = 15 if pre == "37" else 16
    body = pre + digits(r, n - 1 - len(pre))
    v = body + luhn_digit(body)
    if n == 16:
        return " ".join(v[i:i + 4] for i in range(0, 16, 4)) if r.random() < 0.6 else v
    return f"{v[:4]} {v[4:10]} {v[10:]}"


_VIN_T = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
          **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
          **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(r):
    al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    wmi = r.choice(["1HG", "2T1", "3FA", "5YJ", "1FT", "JTD", "KMH", "WBA", "1G1", "4T1"])
    s = list(wmi + "".join(r.choice(al) for _ in range(5)) + "0" + r.choice("KLMNPRS")
             + r.choice("ABCDEFGH123") + digits(r, 6))
    tot = sum(_VIN_T[ch] * w for ch, w in zip(s, _VIN_W))
    s[8] = "X" if tot % 11 == 10 else str(tot % 11)
    return "".join(s)


def plate(r):
    return r.choice([f"{r.randint(1, 9)}{r.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{r.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{r.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{digits(r, 3)}",
                     f"{''.join(r.choice('ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(3))}-{digits(r, 4)}",
                     f"{digits(r, 3)} {''.join(r.choice('ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(3))}"])


def udi(r):
    gtin = "0" + r.choice(["0884521", "0613994", "0763000", "0885556", "0380652"]) + digits(r, 6)
    exp = rdate(r, 2025, 2029)
    return f"(01){gtin}(17){exp.strftime('%y%m%d')}(10){r.choice('ABCDEFGHKMNPRTX')}{digits(r, 4)}(21){r.choice(['PX', 'SN', 'R', 'G'])}{digits(r, 6)}"


def serial(r):
    return r.choice([
        f"{r.choice(['PJN', 'RLX', 'SBV', 'G7'])}{digits(r, 6)}{r.choice('HKRT')}",
        f"{digits(r, 2)}{''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{digits(r, 5)}",
        f"SN{digits(r, 10)}", f"{digits(r, 4)}-{digits(r, 4)}-{digits(r, 3)}"])


def mrn(r):
    return r.choice([
        digits(r, 8), digits(r, 7), "00" + digits(r, 6), "E" + digits(r, 7), "M" + digits(r, 8),
        f"{r.choice(['BMC', 'SLH', 'MVH', 'RGH'])}{digits(r, 7)}", f"{digits(r, 3)}-{digits(r, 2)}-{digits(r, 2)}",
        f"M-{digits(r, 7)}", digits(r, 10)])


def member_id(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return r.choice([
        f"{''.join(r.choice(L) for _ in range(3))}{digits(r, 9)}", f"W{digits(r, 9)}",
        f"{digits(r, 9)}{r.choice(['01', '02', '00'])}", f"ZGP{digits(r, 10)}",
        f"{r.choice(L)}{digits(r, 8)}", f"{digits(r, 3)}{r.choice(L)}{digits(r, 5)}{r.choice(L)}",
        f"H{digits(r, 8)}-0{r.randint(1, 4)}", f"XJH{digits(r, 9)}"])


def account(r):
    return r.choice([f"A{digits(r, 10)}", digits(r, 9), f"{digits(r, 4)}-{digits(r, 6)}",
                     f"V{digits(r, 9)}", f"HAR{digits(r, 8)}", f"{digits(r, 12)}", f"FIN{digits(r, 7)}"])


def claim_no(r):
    return r.choice([f"{digits(r, 4)}{digits(r, 3)}{digits(r, 6)}", f"CLM-{digits(r, 9)}",
                     f"{digits(r, 2)}{r.choice('ABCDEFGH')}{digits(r, 9)}", f"E{digits(r, 11)}"])


def dl_number(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return r.choice([f"S{digits(r, 8)}", f"{r.choice(L)}{digits(r, 3)}-{digits(r, 4)}-{digits(r, 4)}",
                     digits(r, 9), f"{r.choice(L)}{digits(r, 7)}", f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}"])


def rand_uuid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def rhex(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def server_ip(r):
    return r.choice([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
                     f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(2, 254)}",
                     f"192.168.{r.randint(0, 255)}.{r.randint(2, 254)}"])


def public_ip(r):
    return f"{r.choice([73, 98, 24, 71, 174, 108, 67, 96, 184, 47])}.{r.randint(1, 254)}.{r.randint(0, 255)}.{r.randint(2, 254)}"


CITIES = [("Dorchester", "MA", "021"), ("Lowell", "MA", "018"), ("Worcester", "MA", "016"),
          ("Chelsea", "MA", "021"), ("Pawtucket", "RI", "028"), ("Hartford", "CT", "061"),
          ("Yonkers", "NY", "107"), ("Flushing", "NY", "113"), ("Paterson", "NJ", "075"),
          ("Allentown", "PA", "181"), ("Silver Spring", "MD", "209"), ("Garden Grove", "CA", "928"),
          ("San Jose", "CA", "951"), ("Houston", "TX", "770"), ("Brownsville", "TX", "785"),
          ("Dearborn", "MI", "481"), ("Hialeah", "FL", "330"), ("St. Paul", "MN", "551"),
          ("Columbus", "OH", "432"), ("Aurora", "CO", "800"), ("Tucson", "AZ", "857"),
          ("Skokie", "IL", "600"), ("Decatur", "GA", "300"), ("Lexington", "KY", "405"),
          ("Spokane", "WA", "992"), ("Gresham", "OR", "970"), ("Sioux Falls", "SD", "571"),
          ("Bangor", "ME", "044"), ("Fall River", "MA", "027"), ("Cicero", "IL", "608"),
          ("Lawrence", "MA", "018"), ("Framingham", "MA", "017"), ("New Bedford", "MA", "027")]
STATE_NAMES = {"MA": "Massachusetts", "TX": "Texas", "NY": "New York", "CA": "California"}
STREETS = ["Elm", "Washington", "Dudley", "Maple", "Blue Hill", "Commonwealth", "Tremont",
           "Centre", "Dorchester", "Quincy", "Oak Ridge", "Pleasant", "Magnolia", "Lakeview",
           "Cedar Hollow", "Kensington", "Bowdoin", "Hancock", "Linden", "Willow Creek",
           "Martin Luther King Jr", "Pine", "Juniper", "Harborview", "Sycamore", "Prospect",
           "Calle Ocho", "Saint Rose", "Riverside", "Orchard Hill"]
ST_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Way",
            "Ct", "Terrace", "Pl", "Pkwy", "Cir"]


class Addr:
    def __init__(self, r):
        self.num = str(r.choice([r.randint(1, 99), r.randint(100, 999), r.randint(1000, 9999),
                                 r.randint(10000, 48999)]))
        self.street = f"{r.choice(STREETS)} {r.choice(ST_TYPES)}"
        if r.random() < 0.15:
            self.street = r.choice(["N ", "S ", "E ", "W ", "North ", "West "]) + self.street
        self.unit = ""
        if r.random() < 0.55:
            self.unit = r.choice([f"Apt {r.randint(1, 9)}{r.choice('ABCDEF')}", f"Apt. {r.randint(1, 40)}",
                                  f"Unit {r.randint(1, 350)}", f"#{r.randint(1, 40)}", f"Suite {r.randint(100, 900)}",
                                  f"Apt {r.randint(101, 1220)}", f"Fl {r.randint(1, 3)}",
                                  f"Bldg {r.choice('ABCD')} Apt {r.randint(1, 30)}", f"Lot {r.randint(1, 99)}"])
        self.city, self.state, zp = r.choice(CITIES)
        self.zip = zp + digits(r, 2)
        if self.zip.endswith("00") and r.random() < 0.5:
            self.zip = zp + "1" + digits(r, 1)
        self.zip4 = self.zip + "-" + digits(r, 4) if r.random() < 0.3 else self.zip

    @property
    def line1(self):
        return f"{self.num} {self.street}"

    def one_line(self, r=None, unit_sep=", "):
        """labelled pieces: street[, unit], city, ST zip"""
        out = [P(self.line1 + (unit_sep + self.unit if self.unit and unit_sep == " " else ""), "street_address")]
        if self.unit and unit_sep != " ":
            out += [unit_sep, P(self.unit, "street_address")]
        out += [", ", P(self.city, "street_address"), ", ", D(self.state, "state"), " ", P(self.zip4, "zip_code")]
        return out

    def two_lines(self, indent=""):
        out = [indent, P(self.line1 + (" " + self.unit if self.unit else ""), "street_address"), "\n", indent,
               P(self.city, "street_address"), ", ", D(self.state, "state"), " ", P(self.zip4, "zip_code")]
        return out


FACILITIES = ["St. Brendan's Medical Center", "Lakeshore Regional Hospital", "Mercy Valley Health",
              "Harborview Community Hospital", "North Shore Family Health Center",
              "Riverside General Hospital", "Good Samaritan Medical Center", "Eastgate Clinic",
              "Cedar Ridge Rehabilitation Hospital", "Pinecrest Skilled Nursing Facility",
              "Bayside Pediatrics", "Holy Cross Hospital of Westfield", "Tri-County Dialysis Center",
              "Summit Orthopedic Associates", "Beacon Hill Primary Care"]
FAC_CODES = ["SBMC", "LRH", "MVH", "HCH", "NSFHC", "RGH", "GSMC", "EGC", "CRRH", "PSNF", "BPED",
             "HCHW", "TCDC", "SOA", "BHPC"]
PAYERS = [("Blue Cross Blue Shield of Massachusetts", "800-262-2583"), ("Harvard Pilgrim Health Care", "888-333-4742"),
          ("Tufts Health Plan", "800-462-0224"), ("Aetna", "800-872-3862"), ("UnitedHealthcare", "877-842-3210"),
          ("Medicare Part A/B", "800-633-4227"), ("MassHealth", "800-841-2900"), ("Cigna", "800-882-4462"),
          ("Humana Gold Plus", "800-457-4708"), ("Ambetter from Peach State", "877-687-1180"),
          ("Oscar Health", "855-672-2755"), ("Medicaid (TX STAR)", "800-964-2777")]
VENDORS = ["Mirth Connect", "Rhapsody", "Cloverleaf", "InterSystems HealthShare", "Iguana"]

# generic staff roles
DEPTS = ["Cardiology", "Hospital Medicine", "Emergency Medicine", "Nephrology", "Neurology",
         "General Surgery", "Orthopedics", "Pulmonology", "Geriatrics", "Oncology", "Psychiatry",
         "Infectious Disease", "Anesthesiology", "Radiology", "Pediatrics", "OB/GYN", "Palliative Care"]


def staff(r, used=None):
    n = distinct_name(r, used if used is not None else set())
    return n


def staff_email(n, domain):
    g, f = n.handle()
    return f"{g}.{f}@{domain}" if len(g) + len(f) < 22 else f"{g[0]}{f}@{domain}"


def jira_handle(n, r):
    g, f = n.handle()
    return r.choice([f"{g[0]}{f}"[:12], f"{g}.{f}", f"{g}{f[0]}", f"{f}{g[0]}"])


DOMAINS = ["sbmc.org", "lakeshorehealth.org", "mercyvalley.org", "hvch.org", "rgh-health.org",
           "gsmc.org", "medlinkhit.com", "clarusehr.io", "northwindpayer.com", "tcdc-dialysis.org"]
PT_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "hotmail.com",
              "aol.com", "verizon.net", "protonmail.com", "att.net"]


def pt_email(r, n):
    g, f = n.handle()
    return r.choice([f"{g}.{f}{r.randint(1, 99)}", f"{g[0]}{f}{r.randint(40, 99)}", f"{f}{g}",
                     f"{g}_{f[:4]}", f"{g}{r.randint(1950, 2005)}", f"{f}.family", f"{g}{f}{digits(r, 3)}"]) \
        + "@" + r.choice(PT_DOMAINS)


# --------------------------------------------------------------------------
# a synthetic patient
# --------------------------------------------------------------------------
class Pt:
    def __init__(self, r, used=None, ref=None, old=None, culture=None, sex=None, adult=False, senior=False):
        used = used if used is not None else set()
        self.r = r
        self.name = distinct_name(r, used, culture=culture, sex=sex)
        self.sex = self.name.sex
        self.ref = ref or rdate(r, 2023, 2025)          # "today" for this document
        if old is None:
            old = r.random() < 0.22
        if old:
            self.dob = rdate(r, self.ref.year - 101, self.ref.year - 91)
        elif senior:
            self.dob = rdate(r, self.ref.year - 89, self.ref.year - 66)
        elif adult:
            self.dob = rdate(r, self.ref.year - 89, self.ref.year - 35)
        elif r.random() < 0.88:
            self.dob = rdate(r, self.ref.year - 89, self.ref.year - 19)
        else:
            self.dob = rdate(r, self.ref.year - 18, self.ref.year - 1)
        self.age = age_on(self.dob, self.ref)
        self.addr = Addr(r)
        self.phone_parts = nanp(r)
        self.cell_parts = nanp(r)
        self.email = pt_email(r, self.name)
        self.mrn = mrn(r)
        self.ssn = ssn(r)
        self.mbi = mbi(r)
        self.member = member_id(r)
        self.acct = account(r)
        self.visit = account(r)
        self.admit = self.ref - dt.timedelta(days=r.randint(2, 12))
        self.disch = self.admit + dt.timedelta(days=r.randint(1, 9))
        self.used = used

    def phone(self, style=None):
        return fphone(self.phone_parts, style or self.r.choice(PHONE_STYLES))

    def cell(self, style=None):
        return fphone(self.cell_parts, style or self.r.choice(PHONE_STYLES))

    # labelled helpers
    def pname(self, fmt="fl", mid=False):
        n = self.name
        t = {"fl": n.first_last(mid), "lf": n.last_first(mid), "up": n.last_first(mid).upper(),
             "disp": n.display(self.r), "viet": n.viet_order(), "fold": fold(n.first_last(mid)),
             "foldlf": fold(n.last_first(mid)), "native": n.native or n.first_last(mid),
             "given": n.given, "family": n.family}[fmt]
        return P(t, "person_name")

    def native_paren(self):
        """' (王秀英)' after a Latin-script name, when the patient has a native-script name"""
        if self.name.native:
            return [" (", P(self.name.native, "person_name"), ")"]
        return ""

    def pdob(self, style):
        return P(fdate(self.dob, style), "date")

    def age_piece(self, fmt="{}"):
        """age: labelled only when >= 90"""
        if self.age >= 90:
            return P(fmt.format(self.age), "age_over_89")
        return fmt.format(self.age)

    def age_sex(self, sep=""):
        """'93F' style token; the whole token is the age span when the age is 90+"""
        t = f"{self.age}{sep}{self.sex}"
        return P(t, "age_over_89") if self.age >= 90 and not sep else ([self.age_piece(), sep, self.sex] if sep else t)

    def sexword(self):
        return "woman" if self.sex == "F" else "man"

    def he(self):
        return "she" if self.sex == "F" else "he"

    def his(self):
        return "her" if self.sex == "F" else "his"


KIN = {"child": ("daughter", "son"), "spouse": ("wife", "husband"), "sibling": ("sister", "brother"),
       "grandchild": ("granddaughter", "grandson"), "nibling": ("niece", "nephew"), "parent": ("mother", "father")}


def kin(r, pt_name, used, roles=("child", "spouse", "sibling", "grandchild", "nibling")):
    """a relative of the patient and the matching relation word ('daughter', 'husband', ...)"""
    role = r.choice(roles)
    if role == "spouse":
        sex = ("M" if pt_name.sex == "F" else "F") if r.random() < 0.9 else pt_name.sex
    else:
        sex = r.choice("FM")
    for _ in range(20):
        n = relative_of(r, pt_name, sex)
        if n.given != pt_name.given and not (set(fold(n.given).lower().split()) & (used - set(fold(pt_name.first_last(True)).lower().split()))):
            break
    used |= set(fold(n.first_last(True)).lower().replace("-", " ").split())
    return n, KIN[role][0 if sex == "F" else 1]


def sdoc(name, mention="plain"):
    """staff name as dont_care"""
    return D(name, "person_name")


def xtn(r, parts, style=None):
    """HL7 XTN pieces for a patient phone"""
    a, e, n = parts
    style = style or r.choice(["split", "split", "paren", "dash", "split_email"])
    if style == "split":
        return ["^PRN^PH^^1^", P(a, "phone"), "^", P(e + n, "phone")]
    if style == "paren":
        return [P(f"({a}){e}-{n}", "phone"), "^PRN^PH"]
    if style == "dash":
        return [P(f"{a}-{e}-{n}", "phone")]
    return ["^PRN^PH^^1^", P(a, "phone"), "^", P(e + n, "phone")]


def seg(name, fields):
    """an HL7 segment from {field_no: pieces}; MSH numbering handled (MSH-1 = '|')."""
    if name == "MSH":
        out = ["MSH|^~\\&"]
        for i in range(3, max(fields) + 1):
            out += ["|", fields.get(i, "")]
        return out
    out = [name]
    for i in range(1, max(fields) + 1):
        out += ["|", fields.get(i, "")]
    return out


def hl7msg(segs, sep="\n"):
    return join(sep, segs)


def staff_xcn(r, n, id_=None):
    """XCN: id^FAMILY^GIVEN^^^^MD with the whole thing dont_care"""
    if not hasattr(n, "_xcn"):
        n._xcn = (id_ or npi(r), r.random() < 0.5, r.choice(["MD", "MD", "DO", "NP", "PA-C"]))
    nid, up, cred = n._xcn
    return [D(nid, "npi"), "^", D(n.hl7(up=up), "person_name"), "^^^", cred]


def log_times(r, d, n, style="comma"):
    """n increasing log timestamps on day d"""
    base = dt.datetime(d.year, d.month, d.day, r.randint(0, 20), r.randint(0, 59), r.randint(0, 59))
    out = []
    for _ in range(n):
        base += dt.timedelta(milliseconds=r.randint(5, 90000))
        t = base.strftime("%Y-%m-%d %H:%M:%S")
        ms = f"{base.microsecond // 1000:03d}"
        out.append({"comma": f"{t},{ms}", "iso": t.replace(" ", "T") + f".{ms}Z", "dot": f"{t}.{ms}",
                    "iso_off": t.replace(" ", "T") + f".{ms}-04:00", "plain": t}[style])
    return out


def log_ts(r, d, style="comma"):
    t = f"{d.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
    ms = f"{r.randint(0, 999):03d}"
    if style == "comma":
        return f"{t},{ms}"
    if style == "iso":
        return t.replace(" ", "T") + f".{ms}Z"
    if style == "iso_off":
        return t.replace(" ", "T") + f".{ms}-04:00"
    return f"{t}.{ms}"


THREADS = ["pool-3-thread-7", "http-nio-8443-exec-12", "main", "qtp1432104-88", "Channel Reader Thread",
           "ForkJoinPool.commonPool-worker-3", "kafka-consumer-adt-1", "scheduling-1", "MLLPListener-6661",
           "SourceConnector-ADT_IN", "DestinationConnector-2", "reactor-http-epoll-4"]
JAVA_PKGS = ["com.medlink.integration.hl7", "org.clarus.ehr.adt", "com.northwind.claims.edi",
             "io.hspc.fhir.bridge", "com.mirthcorp.connect.donkey", "ca.uhn.hl7v2.parser",
             "org.hl7.fhir.r4.model", "com.sbmc.interfaces.lab"]


def ticket_key(r, proj=None):
    return f"{proj or r.choice(['EHR', 'INTEG', 'HL7', 'IFACE', 'CLIN', 'RCM', 'PORTAL', 'FHIR', 'DATA', 'LAB'])}-{r.randint(12, 9999)}"


def jira_created(r, ref):
    d = ref + dt.timedelta(days=r.randint(0, 3))
    return d, f"{d.isoformat()} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}"


def version(r):
    return f"{r.randint(1, 24)}.{r.randint(0, 19)}.{r.randint(0, 30)}"


# ==========================================================================
# PHI family: jira_hl7
# ==========================================================================
def _people(r, n=3):
    used = set()
    staff_ = [distinct_name(r, used) for _ in range(n)]
    return used, staff_


def jira_hl7_adt_wiki(r):
    used, (rep, asg, att) = _people(r)
    pt = Pt(r, used)
    fac_i = r.randrange(len(FACILITIES))
    fc = FAC_CODES[fac_i]
    key = ticket_key(r, "INTEG")
    cd, created = jira_created(r, pt.ref)
    ctrl = f"{fc}{digits(r, 9)}"
    a = pt.addr
    pid = seg("PID", {1: "1", 3: [P(pt.mrn, "mrn"), "^^^", fc, "^MR"], 5: P(pt.name.hl7(), "person_name"),
                      7: P(fdate(pt.dob, "hl7"), "date"), 8: pt.sex,
                      11: [P(a.line1, "street_address"), "^", P(a.unit, "street_address") if a.unit else "", "^",
                           P(a.city, "street_address"), "^", D(a.state, "state"), "^", P(a.zip, "zip_code"), "^USA^H"],
                      13: xtn(r, pt.phone_parts, "split"), 18: P(pt.acct, "account_number"),
                      19: P(pt.ssn.replace("-", ""), "ssn")})
    pv1 = seg("PV1", {1: "1", 2: "I", 3: f"4W^{r.randint(401, 440)}^{r.choice('AB')}^{fc}", 7: staff_xcn(r, att),
                      10: "MED", 14: "1", 17: staff_xcn(r, att), 18: "IN", 19: P(pt.visit, "account_number"),
                      44: P(hl7ts(pt.admit, r), "date")})
    msh = seg("MSH", {3: "EPIC", 4: D(fc, "facility"), 5: r.choice(VENDORS).split()[0].upper(), 6: "RCV",
                      7: D(hl7ts(pt.admit, r, True), "message_time"), 9: "ADT^A01^ADT_A01", 10: D(ctrl, "internal_id"),
                      11: "P", 12: "2.5.1"})
    evn = seg("EVN", {1: "A01", 2: D(hl7ts(pt.admit, r, True), "message_time")})
    ip = server_ip(r)
    lts = log_times(r, cd, 3)
    tpl = T("""
        h3. Summary
        ADT^A01 from «fc» rejected by «vendor» channel {{ADT-IN}} (source «fc») — PID-11 parse error

        *Key:* «key»   *Created:* «created»
        *Reporter:* «rep»   *Assignee:* «asg»
        *Priority:* Major   *Environment:* PROD interface engine ({{ie-prd-0«n»}}, «ip»)

        h3. Description
        Since the «fac» upgrade last night some A01s land in the error queue. Message that failed (copied from the queue, unedited):
        {code}
        «msg»
        {code}

        Engine log:
        {noformat}
        «l1» ERROR [«th»] c.m.i.h.PidParser - Unable to parse XAD in PID-11 (component 2 length > 50) msgId=«ctrl2»
        «l2» WARN  [«th»] c.m.i.h.AdtRouter - Routing to ERROR queue, MRN=«mrn2» visit=«visit2»
        «l3» INFO  [«th»] c.m.i.h.AdtRouter - queue depth=«qd»
        {noformat}

        [~«h»] can you check whether the new unit field (second component) is being sent now? We didn't see this in TST.
    """)
    return render(tpl, fc=D(fc, "facility"), vendor=r.choice(VENDORS), key=key, created=created,
                  rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), n=str(r.randint(1, 4)), ip=ip,
                  fac=D(FACILITIES[fac_i], "facility"), msg=hl7msg([msh, evn, pid, pv1]), l1=lts[0], l2=lts[1],
                  l3=lts[2], th=r.choice(THREADS), ctrl2=D(ctrl, "internal_id"), mrn2=P(pt.mrn, "mrn"),
                  visit2=P(pt.visit, "account_number"), qd=str(r.randint(3, 140)), h=D(jira_handle(asg, r), "person_name"))


def jira_hl7_oru_markdown(r):
    used, (rep, asg, ordp) = _people(r)
    pt = Pt(r, used)
    fc = r.choice(FAC_CODES)
    key = ticket_key(r, "LAB")
    cd, created = jira_created(r, pt.ref)
    coll = pt.admit + dt.timedelta(days=1)
    cts = hl7ts(coll, r)
    tests = r.sample([("2823-3", "Potassium", "mmol/L", "3.5-5.1", "H", f"{r.uniform(5.3, 6.9):.1f}"),
                      ("2951-2", "Sodium", "mmol/L", "135-145", "L", str(r.randint(118, 131))),
                      ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", "H", f"{r.uniform(1.5, 4.2):.2f}"),
                      ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", "L", f"{r.uniform(6.1, 9.8):.1f}"),
                      ("2345-7", "Glucose", "mg/dL", "70-99", "H", str(r.randint(180, 420))),
                      ("1742-6", "ALT", "U/L", "7-56", "", str(r.randint(10, 50)))], 3)
    obx = []
    for i, (loinc, nm, u, rng, fl, val) in enumerate(tests, 1):
        obx.append(seg("OBX", {1: str(i), 2: "NM", 3: f"{loinc}^{nm}^LN", 5: val, 6: u, 7: rng, 8: fl, 11: "F",
                               14: P(cts, "date")}))
    order = f"ORD{digits(r, 7)}"
    msg = hl7msg([
        seg("MSH", {3: "SUNQUEST", 4: D(fc, "facility"), 5: "EPIC", 6: D(fc, "facility"), 7: D(hl7ts(coll, r, True), "message_time"),
                    9: "ORU^R01", 10: D(digits(r, 10), "internal_id"), 11: "P", 12: "2.3"}),
        seg("PID", {1: "1", 2: P(pt.mrn, "mrn"), 3: [P(pt.mrn, "mrn"), "^^^MRN"], 5: P(pt.name.hl7(up=False, asc=False), "person_name"),
                    7: P(fdate(pt.dob, "hl7"), "date"), 8: pt.sex, 13: xtn(r, pt.phone_parts, "paren")}),
        seg("ORC", {1: "RE", 2: D(order, "order_number"), 12: staff_xcn(r, ordp)}),
        seg("OBR", {1: "1", 2: D(order, "order_number"), 4: "80048^BASIC METABOLIC PANEL^L", 7: P(cts, "date"),
                    16: staff_xcn(r, ordp), 25: "F"}),
    ] + obx)
    d = cd
    l1, l2 = log_times(r, d, 2, "iso")
    tpl = T("""
        **«key»: ORU results display with wrong abnormal flag in Results Review**

        Reporter: «rep» · Assignee: «asg» · Component: Lab Interfaces · Created «created»

        ### What happened
        Results for «fam» came across with the H flag but Results Review shows them as normal. Provider («ordp») called the help desk on «calld» to complain.

        ### Raw message
        ```
        «msg»
        ```

        ### Interface log
        ```
        «l1» [«th»] DEBUG ResultMapper: OBX-8 '«flag»' -> interpretation null (mapping table LAB_FLAGS_v«v»)
        «l2» [«th»] INFO  ResultFiler: filed «n» results for PID «mrn2» order «order2»
        ```
        Expected: interpretation = H/L from OBX-8. Repro in TST with any flagged result.

        @«h» fyi
    """)
    return render(tpl, key=key, rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), created=created,
                  fam=[D(pt.name.title(), "title"), " ", P(pt.name.family, "person_name")],
                  ordp=D("Dr. " + ordp.family, "person_name"), calld=D(fdate(d, "us_np"), "event_date"), msg=msg,
                  l1=l1, l2=l2, th=r.choice(THREADS), flag=tests[0][4] or "N",
                  v=str(r.randint(2, 9)), n=str(len(tests)), mrn2=P(pt.mrn, "mrn"), order2=D(order, "order_number"),
                  h=D(jira_handle(rep, r), "person_name"))


def jira_hl7_a08_nk1_comments(r):
    used, (rep, asg, c3) = _people(r)
    pt = Pt(r, used)
    rel, rw = kin(r, pt.name, used, ("child", "spouse", "sibling"))
    relword = {"daughter": "DAU^Daughter", "son": "SON^Son", "wife": "SPO^Spouse", "husband": "SPO^Spouse",
               "sister": "SIB^Sibling", "brother": "SIB^Sibling"}[rw]
    ra = Addr(r)
    fc = r.choice(FAC_CODES)
    cd, created = jira_created(r, pt.ref)
    key = ticket_key(r, "HL7")
    msg = hl7msg([
        seg("MSH", {3: "REG", 4: D(fc, "facility"), 5: "HIE", 6: "STATEHIE", 7: D(hl7ts(cd, r, True), "message_time"),
                    9: "ADT^A08^ADT_A01", 10: D(rand_uuid(r)[:20], "internal_id"), 11: "P", 12: "2.5.1"}),
        seg("EVN", {1: "A08", 2: D(hl7ts(cd, r, True), "message_time")}),
        seg("PID", {1: "1", 3: [P(pt.mrn, "mrn"), "^^^", fc, "^MR~", P(pt.ssn, "ssn"), "^^^SSA^SS"],
                    5: [P(pt.name.hl7(), "person_name"), "^^^L"] + (["~", P(pt.name.native, "person_name"), "^^^^^^A"] if pt.name.native else []),
                    6: P(Name(r, culture=pt.name.culture, sex="F").family.upper(), "person_name"),
                    7: P(fdate(pt.dob, "hl7"), "date"), 8: pt.sex,
                    11: [P(pt.addr.line1.upper(), "street_address"), "^^", P(pt.addr.city.upper(), "street_address"), "^",
                         D(pt.addr.state, "state"), "^", P(pt.addr.zip4, "zip_code")],
                    13: [P(pt.phone("dash"), "phone"), "~^NET^Internet^", P(pt.email, "email")], 15: "VIE" if pt.name.culture == "vietnamese" else "ENG",
                    20: [P(dl_number(r), "license_number"), "^", D(pt.addr.state, "state")]}),
        seg("NK1", {1: "1", 2: P(rel.hl7(), "person_name"), 3: relword,
                    4: [P(ra.line1, "street_address"), "^", P(ra.unit, "street_address") if ra.unit else "", "^",
                        P(ra.city, "street_address"), "^", D(ra.state, "state"), "^", P(ra.zip, "zip_code")],
                    5: xtn(r, nanp(r), "split"), 7: "EC^Emergency Contact"}),
        seg("PV1", {1: "1", 2: "O", 19: P(pt.visit, "account_number")}),
    ])
    t1, t2, t3 = [f"{(cd + dt.timedelta(days=i)).strftime('%d/%b/%y')} {r.randint(8, 11)}:{r.randint(10, 59)} {r.choice(['AM', 'PM'])}" for i in range(3)]
    tpl = T("""
        «key» — State HIE rejects A08 when NK1 present (AR: "NK1-4 invalid")
        Type: Bug   Status: In Progress   Priority: High
        Reporter: «rep»   Assignee: «asg»
        Labels: hie, adt, nk1

        Description
        HIE returns AR for some updates. Example below (patient asked for the emergency contact update at the front desk, so it is a real update):

        «msg»

        ACK from HIE:
        MSA|AR|«ctrl»|NK1-4 invalid: missing component 2
        ERR|^^^207&Application internal error&HL70357|NK1^1^4

        --- Comments ---
        «c3» added a comment - «t1»
        The HIE spec wants the second component even if empty, we strip trailing ^ in the outbound transform. [~«h1»] is that the «eng» "trimTrailing" setting?

        «asg» added a comment - «t2»
        Yes. Turned it off for the HIE destination in TST, resent «mrn2» and it ACKed AA. Will move in the Thursday window.

        «rep» added a comment - «t3»
        Thanks. Also note the «relrole» («relname») phone changed, make sure the resend carries the new one.
    """)
    return render(tpl, key=key, rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), msg=msg,
                  ctrl=D(digits(r, 12), "internal_id"), c3=sdoc(c3.first_last()), t1=t1, t2=t2, t3=t3,
                  h1=D(jira_handle(asg, r), "person_name"), eng=r.choice(VENDORS), mrn2=P(pt.mrn, "mrn"),
                  relrole=rw, relname=P(rel.first_last(), "person_name"))


def jira_hl7_siu_schedule(r):
    used, (rep, asg, prov) = _people(r)
    pt = Pt(r, used)
    fc = r.choice(FAC_CODES)
    cd, created = jira_created(r, pt.ref)
    appt = cd + dt.timedelta(days=r.randint(3, 30))
    start = fdate(appt, "hl7") + f"{r.choice([8, 9, 10, 13, 14, 15]):02d}{r.choice(['00', '15', '30', '45'])}"
    dur = r.choice([15, 20, 30, 40, 60])
    apid = digits(r, 8)
    msg = hl7msg([
        seg("MSH", {3: "CADENCE", 4: D(fc, "facility"), 5: "TELEHLTH", 6: "VENDOR", 7: D(hl7ts(cd, r, True), "message_time"),
                    9: "SIU^S12", 10: D(digits(r, 14), "internal_id"), 11: "P", 12: "2.4"}),
        seg("SCH", {1: [D(apid, "internal_id"), "^", fc], 2: D(apid, "internal_id"), 6: "NEW", 7: "FU^Follow-up",
                    8: "TELE", 9: str(dur), 10: "MIN", 11: ["^^", str(dur), "^", P(start, "date")], 25: "Booked"}),
        seg("PID", {1: "1", 3: [P(pt.mrn, "mrn"), "^^^", fc], 5: P(pt.name.hl7(), "person_name"),
                    7: P(fdate(pt.dob, "hl7"), "date"), 8: pt.sex, 13: [P(pt.cell("paren_tight"), "phone"), "^PRN^CP~^NET^Internet^", P(pt.email, "email")],
                    19: P(pt.ssn, "ssn")}),
        seg("AIP", {1: "1", 3: staff_xcn(r, prov), 4: "ATTENDING"}),
        seg("AIL", {1: "1", 3: "TELEHEALTH^^^" + fc}),
    ])
    lines = [f"[{t}] {x}" for t, x in zip(log_times(r, cd, 2, "dot"), (
        f"POST https://api.televisit-vendor.example/v2/appointments -> 422",
        f"body: {{\"error\":\"invalid_start\",\"detail\":\"start must be ISO-8601\",\"request_id\":\"{rand_uuid(r)}\"}}",
    ))]
    tpl = T("""
        Summary: SIU^S12 → telehealth vendor: appointment start rejected (422) when TQ1 missing
        Project: «proj»   Issue: «key»   Created: «created»   Fix Version: «fv»
        Reporter: «rep»   Assignee: «asg»

        The vendor can't parse SCH-11 start time without seconds/offset. The visit for this patient on «appt» with «prov» never got a video link and the patient called in. Sample:

        «msg»

        Outbound call log (adapter pod «pod», «ip»):
        «l1»
        «l2»

        Proposed fix: add TQ1-7 with the offset, or convert SCH-11.4 to ISO in the adapter.
    """)
    return render(tpl, proj="IFACE", key=ticket_key(r, "IFACE"), created=created, fv=version(r),
                  rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()),
                  appt=P(fdate(appt, r.choice(["us", "abbr", "iso"])), "date"),
                  prov=D("Dr. " + prov.first_last(), "person_name"), msg=msg, pod=f"tele-adapter-{rhex(r, 5)}",
                  ip=server_ip(r), l1=lines[0], l2=lines[1])


def jira_hl7_dft_billing(r):
    used, (rep, asg, rend) = _people(r)
    pt = Pt(r, used)
    guar, grel = kin(r, pt.name, used, ("parent",) if pt.age < 18 else ("spouse", "child"))
    fc = r.choice(FAC_CODES)
    cd, created = jira_created(r, pt.ref)
    svc = pt.admit
    payer, pphone = r.choice(PAYERS)
    cpt1, cpt2 = r.sample(CPT_LIST, 2)
    icd = r.choice(ICD_LIST)
    eff = dt.date(pt.ref.year, 1, 1)
    gdob = rdate(r, 1950, 1990)
    msg = hl7msg([
        seg("MSH", {3: "CHARGES", 4: D(fc, "facility"), 5: "PB", 6: "ATHENA", 7: D(hl7ts(cd, r, True), "message_time"),
                    9: "DFT^P03", 10: D(digits(r, 9), "internal_id"), 11: "P", 12: "2.3.1"}),
        seg("EVN", {1: "P03", 2: D(hl7ts(cd, r, True), "message_time")}),
        seg("PID", {1: "1", 3: P(pt.mrn, "mrn"), 5: P(pt.name.hl7(), "person_name"), 7: P(fdate(pt.dob, "hl7"), "date"),
                    8: pt.sex, 11: [P(pt.addr.line1 + (" " + pt.addr.unit if pt.addr.unit else ""), "street_address"), "^^",
                                    P(pt.addr.city, "street_address"), "^", D(pt.addr.state, "state"), "^", P(pt.addr.zip, "zip_code")],
                    18: P(pt.acct, "account_number")}),
        seg("FT1", {1: "1", 4: P(fdate(svc, "hl7"), "date"), 6: "CG", 7: [D(cpt1[0], "procedure_code"), "^", cpt1[1], "^CPT"],
                    10: "1", 19: [D(icd[0], "diagnosis_code"), "^", icd[1], "^ICD10"], 20: staff_xcn(r, rend)}),
        seg("FT1", {1: "2", 4: P(fdate(svc, "hl7"), "date"), 6: "CG", 7: [D(cpt2[0], "procedure_code"), "^", cpt2[1], "^CPT"],
                    10: "1", 19: [D(icd[0], "diagnosis_code"), "^", icd[1], "^ICD10"], 20: staff_xcn(r, rend)}),
        seg("GT1", {1: "1", 3: P(guar.hl7(), "person_name"), 5: [P(pt.addr.line1, "street_address"), "^^", P(pt.addr.city, "street_address"),
                                                               "^", D(pt.addr.state, "state"), "^", P(pt.addr.zip, "zip_code")],
                    6: xtn(r, nanp(r), "dash"), 8: P(fdate(gdob, "hl7"), "date"), 11: "1", 12: P(ssn(r), "ssn")}),
        seg("IN1", {1: "1", 2: f"{r.randint(100, 999)}", 3: digits(r, 5), 4: payer, 7: pphone, 8: D(f"GRP{digits(r, 6)}", "group_number"),
                    12: D(fdate(eff, "hl7"), "coverage_date"), 16: P(guar.hl7(), "person_name"), 17: {"wife": "01", "husband": "01", "mother": "03", "father": "03"}.get(grel, "19"),
                    18: P(fdate(gdob, "hl7"), "date"), 36: P(pt.member, "health_plan_id")}),
    ])
    lt = log_times(r, cd, 3)
    tpl = T("""
        [«key»] DFT P03 charges post to wrong guarantor when GT1 and IN1-16 differ

        Reporter: «rep»
        Assignee: «asg»
        Sprint: RCM Sprint «sp»
        Created: «created»

        Billing found charges for account «acct» posted under the guarantor's own account instead of the patient's. Happens when the guarantor is a different person (here the «relrole» «gname»). Source message:

        --- begin message ---
        «msg»
        --- end message ---

        Posting service log:
        «l1» INFO  [«th»] PostingService: resolved guarantor by GT1-12, account=«gacct»
        «l2» WARN  [«th»] PostingService: PID-18 «acct2» ignored (guarantor match wins)
        «l3» INFO  [«th»] PostingService: posted 2 line(s), batch=«batch»

        We think the lookup order in PostingService#resolveAccount is reversed since build «build».
    """)
    return render(tpl, key=ticket_key(r, "RCM"), rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), sp=str(r.randint(20, 80)),
                  created=created, acct=P(pt.acct, "account_number"), relrole=grel,
                  gname=P(guar.first_last(), "person_name"), msg=msg, l1=lt[0], l2=lt[1], l3=lt[2],
                  th=r.choice(THREADS), gacct=P(account(r), "account_number"), acct2=P(pt.acct, "account_number"),
                  batch=rand_uuid(r), build=f"{version(r)}+{digits(r, 4)}")


def jira_hl7_vxu_json_log(r):
    used, (rep, asg, nurse) = _people(r)
    pt = Pt(r, used, old=r.random() < 0.5)
    fc = r.choice(FAC_CODES)
    cd, created = jira_created(r, pt.ref)
    given = pt.ref - dt.timedelta(days=r.randint(0, 3))
    vax = r.choice([("197", "Influenza, high-dose, quadrivalent"), ("309", "COVID-19, mRNA, LNP-S, bivalent"),
                    ("33", "pneumococcal polysaccharide PPV23"), ("187", "zoster recombinant"), ("115", "Tdap")])
    lot = f"{r.choice('ABCDEFGHK')}{digits(r, 4)}{r.choice('ABCD')}"
    sep = "\\r"
    segs = [
        seg("MSH", {3: "EHR", 4: D(fc, "facility"), 5: "IIS", 6: "STATEIIS", 7: D(hl7ts(given, r, True), "message_time"),
                    9: "VXU^V04^VXU_V04", 10: D(digits(r, 10), "internal_id"), 11: "P", 12: "2.5.1"}),
        seg("PID", {1: "1", 3: [P(pt.mrn, "mrn"), "^^^", fc, "^MR"], 5: [P(pt.name.hl7(), "person_name"), "^^^^L"],
                    6: [P(Name(r, culture=pt.name.culture, sex="F").family.upper(), "person_name"), "^^^^^^M"],
                    7: P(fdate(pt.dob, "hl7"), "date"), 8: pt.sex,
                    11: [P(pt.addr.line1, "street_address"), "^^", P(pt.addr.city, "street_address"), "^", D(pt.addr.state, "state"),
                         "^", P(pt.addr.zip, "zip_code"), "^USA^P"], 13: xtn(r, pt.phone_parts, "split")}),
        seg("ORC", {1: "RE", 3: [D(digits(r, 8), "order_number"), "^", fc], 10: staff_xcn(r, nurse)}),
        seg("RXA", {1: "0", 2: "1", 3: P(hl7ts(given, r), "date"), 4: P(hl7ts(given, r), "date"),
                    5: [vax[0], "^", D(vax[1], "medication"), "^CVX"], 6: "0.5", 7: "mL^mL^UCUM", 9: "00^New record^NIP001",
                    10: staff_xcn(r, nurse), 15: lot, 17: r.choice(["SKB^GlaxoSmithKline^MVX", "PFR^Pfizer^MVX", "MOD^Moderna^MVX", "SEQ^Seqirus^MVX"])}),
    ]
    segs[0][0] = "MSH|^~\\\\&"
    body = join(sep, segs)
    rid = rand_uuid(r)
    tpl = T("""
        h2. «key» IIS submission: VXU rejected, "RXA-3 must not be in the future"

        || Field || Value ||
        | Reporter | «rep» |
        | Assignee | «asg» |
        | Component | Immunization Registry |
        | Affects Version | «ver» |
        | Environment | prod, iis-gw-«n» («ip») |

        Clinic says the dose given by «nurse» on «given» never reached the registry. Our gateway logs the full payload (we should stop doing that — separate ticket):

        {code:json}
        {"ts":"«ts»","level":"ERROR","logger":"IisGateway","request_id":"«rid»","status":"AE","payload":"«body»","ack":"MSA|AE|...|RXA-3 future date"}
        {code}

        Looks like RXA-3 is sent in UTC while the IIS compares in local time, so evening doses show as tomorrow.
    """)
    return render(tpl, key=ticket_key(r, "EHR"), rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), ver=version(r),
                  n=str(r.randint(1, 3)), ip=server_ip(r), nurse=D(nurse.first_last() + ", RN", "person_name"),
                  given=P(fdate(given, "us_np"), "date"), ts=log_ts(r, cd, "iso"), rid=rid, body=body)


# ==========================================================================
# PHI family: confluence_patient_table
# ==========================================================================
def _page_meta(r, who, ref):
    ed = ref + dt.timedelta(days=r.randint(0, 20))
    return r.choice([
        ["Created by ", sdoc(who.first_last()), ", last modified on ", ed.strftime("%b %d, %Y")],
        ["Owned by ", sdoc(who.first_last()), " · Last updated: ", ed.strftime("%d %B %Y"), " · ", str(r.randint(2, 9)), " min read"],
        ["Last edited by ", sdoc(who.first_last()), " on ", ed.isoformat()],
    ])


def conf_uat_wiki_table(r):
    used = set()
    own, qa = distinct_name(r, used), distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref) for _ in range(r.randint(3, 6))]
    ds, ps = r.choice(["us", "us_np", "iso"]), r.choice(["dash", "paren", "dot"])
    hdr = r.choice(["||MRN||Patient Name||DOB||Phone||Scenario||", "||MR#||Name (Last, First)||D.O.B.||Home Phone||Test case||"])
    scen = ["ED → inpatient admit", "Transfer 4W → ICU", "Discharge w/ home health", "Cancel admit (A11)",
            "Merge (A40) — dup record", "Outpatient lab only", "Newborn link to mother", "Pre-admit, then A05 update"]
    rows = []
    for p in pts:
        rows.append(["|", P(p.mrn, "mrn"), "|", p.pname("lf"), "|", p.pdob(ds), "|", P(p.phone(ps), "phone"), "|", r.choice(scen), "|"])
    tpl = T("""
        h1. UAT — ADT scenarios (Go-live wave «wave»)
        «meta»

        {warning}These are real charts copied from PROD because TST data didn't cover the edge cases. Do not export. Delete after sign-off — «qa}{warning}

        h2. Patients used
        «hdr»
        «rows»

        h2. Sign-off
        ||Step||Owner||Status||
        |Build ADT routes in TST|«own»|(/) done|
        |Run scenarios above|«qa»|(!) in progress|
        |Compare A08 output with legacy|«own»|(x) blocked on «tk»|
    """).replace("«qa}", "«qa2»")
    return render(tpl, wave=str(r.randint(1, 4)), meta=_page_meta(r, own, ref), qa2=["@", sdoc(qa.first_last())],
                  hdr=hdr, rows=join("\n", rows), own=sdoc(own.first_last()), qa=sdoc(qa.first_last()),
                  tk=ticket_key(r))


def conf_rounding_markdown(r):
    used = set()
    att, res = distinct_name(r, used), distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref, adult=r.random() < 0.8) for _ in range(r.randint(4, 7))]
    conds = r.sample(["CHF exacerbation", "COPD exacerbation", "sepsis, UTI source", "NSTEMI", "AKI on CKD stage 3b",
                      "hip fracture s/p ORIF", "community-acquired pneumonia", "hyponatremia", "syncope w/u",
                      "GI bleed", "cellulitis LLE", "DKA"], len(pts))
    rows = []
    for i, (p, c) in enumerate(zip(pts, conds)):
        bed = f"{r.choice(['5', '6', '7'])}{r.choice(['N', 'S', 'E'])}-{r.randint(1, 30):02d}"
        age = p.age_sex(r.choice(["/", " "]))
        nm = r.choice([p.pname("lf"), p.pname("fl"), [P(p.name.family.upper(), "person_name"), ", ", P(p.name.given, "person_name")]])
        adm = P(fdate(p.admit, r.choice(["us_np", "iso"])[:]), "date") if r.random() < 0.7 else P(fdate(p.admit, "us2"), "date")
        rows.append(["| ", D(bed, "room"), " | ", nm, " | ", age, " | ", P(p.mrn, "mrn"), " | ", adm, " | ", c, " | ",
                     r.choice(["diurese, daily wts", "abx day 3", "PT/OT, dispo SNF", "trend trop", "renal US", "GI c-scope am",
                               "hold anticoag", "family mtg 2pm", "wean O2"]), " |"])
    tpl = T("""
        # «team» Team — Sign-out / Rounding List

        _Attending: «att» · Senior: «res» · Updated «upd»_

        > Keep this page restricted to the team space. Moving to the EHR handoff tool next month.

        | Bed | Patient | Age/Sex | MRN | Admit | Problem | To do |
        |-----|---------|---------|-----|-------|---------|-------|
        «rows»

        **Pending discharges:** «pend» — needs «need».
    """)
    pend = r.choice(pts)
    return render(tpl, team=r.choice(["Gold", "Blue", "Hospitalist B", "Medicine 3", "Ortho-Geri"]),
                  att=sdoc("Dr. " + att.first_last()), res=sdoc(res.first_last()),
                  upd=f"{ref.isoformat()} {r.randint(6, 8):02d}:{r.randint(0, 59):02d}", rows=join("\n", rows),
                  pend=[D(pend.name.title(), "title"), " ", P(pend.name.family, "person_name")],
                  need=r.choice(["HH referral", "SNF auth", "oxygen eval", "ride home arranged"]))


def conf_xhtml_mpi_dupes(r):
    used = set()
    own = distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    rows = []
    for i in range(r.randint(2, 4)):
        p = Pt(r, used, ref=ref)
        mrn2 = mrn(r)
        alt_dob = p.dob.replace(day=min(28, p.dob.month)) if p.dob.day != p.dob.month else p.dob + dt.timedelta(days=1)
        name_b = r.choice([fold(p.name.first_last()).upper(), p.name.given[:1] + ". " + p.name.family, p.name.last_first()])
        score = r.randint(71, 96)
        last4 = p.ssn[-4:]
        for (m, nm, dob) in ((p.mrn, p.name.first_last(), p.dob), (mrn2, name_b, alt_dob)):
            rows.append(["<tr><td>", P(m, "mrn"), "</td><td>", P(nm, "person_name"), "</td><td>", P(fdate(dob, "us"), "date"),
                         "</td><td>", D(last4, "ssn_last4"), "</td><td>", P(p.addr.line1, "street_address"), ", ",
                         P(p.addr.city, "street_address"), " ", P(p.addr.zip, "zip_code"), "</td><td>", str(score), "</td></tr>"])
    tpl = T("""
        <ac:structured-macro ac:name="info"><ac:rich-text-body><p>EMPI potential duplicates queue export, reviewed weekly by HIM. Owner: «own»</p></ac:rich-text-body></ac:structured-macro>
        <h2>Potential duplicates — batch «batch»</h2>
        <table data-layout="wide"><colgroup><col/><col/><col/><col/><col/><col/></colgroup><tbody>
        <tr><th><p>MR #</p></th><th><p>Patient name</p></th><th><p>Birthdate</p></th><th><p>SSN (last 4)</p></th><th><p>Address</p></th><th><p>Match score</p></th></tr>
        «rows»
        </tbody></table>
        <p>Merge decisions go in <a href="https://jira.example.org/browse/«tk»">«tk»</a>. Algorithm version «ver».</p>
    """)
    return render(tpl, own=sdoc(own.first_last()), batch=f"{ref.isoformat()}-{rhex(r, 6)}", rows=join("\n", rows),
                  tk=ticket_key(r, "HIM"), ver=version(r))


def conf_readmit_tsv(r):
    used = set()
    own, rev = distinct_name(r, used), distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    ds = r.choice(["us_np", "us", "dmy_abbr"])
    lines = ["\t".join(["Patient", "Acct #", "Admit", "Disch", "Readmit", "Days", "Primary Dx", "Reviewer"])]
    rows = []
    for _ in range(r.randint(4, 7)):
        p = Pt(r, used, ref=ref, adult=True)
        readm = p.disch + dt.timedelta(days=r.randint(2, 29))
        icd = r.choice(ICD_LIST)
        rows.append([p.pname(r.choice(["lf", "up"])), "\t", P(p.acct, "account_number"), "\t", P(fdate(p.admit, ds), "date"), "\t",
                     P(fdate(p.disch, ds), "date"), "\t", P(fdate(readm, ds), "date"), "\t", str((readm - p.disch).days), "\t",
                     D(icd[0], "diagnosis_code"), "\t", sdoc(rev.family)])
    tpl = T("""
        Readmission Review — Q«q» «yr» (30-day, all-cause)
        «meta»

        Pasted from the Crimson export; see the filter in the sheet. Cases with Days < 7 get a full chart review.

        «hdr»
        «rows»

        Notes
        - Two cases had home health refused at discharge; see «tk».
        - Next huddle: «nd» (staff only).
    """)
    return render(tpl, q=str((ref.month - 1) // 3 + 1), yr=str(ref.year), meta=_page_meta(r, own, ref), hdr=lines[0],
                  rows=join("\n", rows), tk=ticket_key(r, "QI"), nd=(ref + dt.timedelta(days=14)).strftime("%A %b %d"))


def conf_homevisit_list(r):
    used = set()
    own = distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    items = []
    for _ in range(r.randint(3, 5)):
        p = Pt(r, used, ref=ref, senior=True, old=r.random() < 0.35)
        rel, rw = kin(r, p.name, used)
        note = r.choice([["lives with ", rw, " ", P(rel.given, "person_name"), ", call before arriving"],
                         ["key in lockbox, code with ", P(rel.first_last(), "person_name"), " (", rw, ")"],
                         ["dog in yard; ", r.choice(["insulin teaching", "wound vac check", "INR draw", "PT eval"])],
                         ["speaks ", r.choice(["Vietnamese", "Spanish", "Arabic", "Haitian Creole", "Russian", "Cantonese"]), " — interpreter line booked"]])
        items.append(["* *", p.pname(r.choice(["lf", "fl"])), "*", p.native_paren(), " (", r.choice(["MRN", "MR#", "Chart #"]), " ", P(p.mrn, "mrn"), "), ",
                      p.age_piece(), " y/o — ", p.addr.one_line(unit_sep=r.choice([" ", ", "])), " — ", P(p.phone(), "phone"),
                      "\n** ", note])
    tpl = T("""
        h2. Home Health — «area» route, week of «wk»
        «meta»
        _RN assignments are in the scheduler; this page is the driving order._

        «items»

        Mileage forms to «own» by Friday.
    """)
    return render(tpl, area=r.choice(["North", "Route 9", "Merrimack Valley", "South Shore", "Eastside"]),
                  wk=ref.strftime("%m/%d"), meta=_page_meta(r, own, ref), items=join("\n", items), own=sdoc(own.first_last()))


def conf_portal_enrollment(r):
    used = set()
    own, sup = distinct_name(r, used), distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    rows = []
    for _ in range(r.randint(3, 5)):
        p = Pt(r, used, ref=ref)
        pid = digits(r, 7)
        url = f"https://{r.choice(['mychart', 'portal', 'myhealth'])}.{r.choice(['lakeshorehealth.org', 'sbmc.org', 'mercyvalley.org'])}/patient/{pid}/activate?token={rhex(r, 12)}"
        rows.append(["| ", p.pname("fl"), " | ", P(p.member, "health_plan_id"), " | ", P(p.email, "email"), " | ",
                     P(url, "url"), " | ", r.choice(["bounced", "expired link", "wrong DOB on file", "duplicate account", "locked"]), " |"])
    tpl = T("""
        ## Portal enrollment escalations («mon»)

        Owner: «own» · Escalation contact: «sup» («supmail»)

        Patients below could not finish activation; the help desk re-sent links. Tracking so we can see if the SMTP relay change fixed it.

        | Patient | Member ID | Email on file | Activation link sent | Issue |
        | --- | --- | --- | --- | --- |
        «rows»

        Relay: smtp-relay-02 («ip»), change «tk» on «chg».
    """)
    return render(tpl, mon=ref.strftime("%B %Y"), own=sdoc(own.first_last()), sup=sdoc(sup.first_last()),
                  supmail=D(staff_email(sup, r.choice(DOMAINS)), "staff_contact"), rows=join("\n", rows),
                  ip=server_ip(r), tk=ticket_key(r, "CHG"), chg=(ref - dt.timedelta(days=3)).isoformat())


# ==========================================================================
# PHI family: support_ticket
# ==========================================================================
def sup_zendesk_patient_prose(r):
    used = set()
    agent = distinct_name(r, used)
    pt = Pt(r, used)
    tno = r.randint(10000, 899999)
    sent = pt.ref
    svc = pt.ref - dt.timedelta(days=r.randint(20, 90))
    payer, _ = r.choice(PAYERS)
    greet = r.choice(["Hello,", "Hi there", "To whom it may concern,", "Good morning"])
    tpl = T("""
        Ticket #«tno» — Billing question
        Requester: «nm» <«em»>
        Status: Open · Group: Patient Financial Services · Assignee: «agent»
        Channel: Web widget · Received «rcv»

        «greet»
        I got a bill for «amt» for my visit on «svc» but my insurance («payer») should have paid it. My member ID is «mid» and my date of birth is «dob». The account number on the statement is «acct». I called twice and was on hold forever. Please call me at «ph» after 3pm or just email back.

        Thank you,
        «nm2»

        --
        Internal note («agent2»): Claim was denied for missing auth. Sent to PB follow-up queue.
    """)
    return render(tpl, tno=str(tno), nm=pt.pname("fl"), em=P(pt.email, "email"), agent=sdoc(agent.first_last()),
                  rcv=f"{sent.strftime('%b %d, %Y')} {r.randint(1, 12)}:{r.randint(10, 59)} {r.choice(['AM', 'PM'])}",
                  greet=greet, amt=f"${r.randint(80, 2400)}.{r.randint(0, 99):02d}", svc=P(fdate(svc, r.choice(["long", "us_np", "abbr"])), "date"),
                  payer=payer, mid=P(pt.member, "health_plan_id"), dob=pt.pdob(r.choice(["us", "us_np", "long", "us2"])),
                  acct=P(pt.acct, "account_number"), ph=P(pt.cell(), "phone"), nm2=pt.pname("given") if r.random() < 0.5 else pt.pname("fl"),
                  agent2=sdoc(agent.given))


def sup_webform_dump(r):
    used = set()
    pt = Pt(r, used)
    fid = rand_uuid(r)
    a = pt.addr
    labels = r.choice([
        ("First Name", "Last Name", "Date of Birth", "Phone Number", "Email Address", "Street Address", "Apt/Suite", "City", "State", "ZIP Code", "Member ID #"),
        ("first_name", "last_name", "dob", "phone", "email", "address_1", "address_2", "city", "state", "zip", "subscriber_id"),
        ("Patient first name", "Patient last name", "Birthdate (MM/DD/YYYY)", "Best contact number", "E-mail", "Address", "Address line 2", "Town/City", "State", "Postal code", "Insurance ID"),
    ])
    ds = "us" if "MM" in labels[2] else r.choice(["us", "iso", "us_np"])
    vals = [pt.pname("given"), pt.pname("family"), pt.pdob(ds), P(pt.phone(), "phone"), P(pt.email, "email"),
            P(a.line1, "street_address"), P(a.unit, "street_address") if a.unit else "", P(a.city, "street_address"),
            D(a.state, "state"), P(a.zip, "zip_code"), P(pt.member, "health_plan_id")]
    sep = r.choice([": ", ":\t", " = "])
    fields = [[lab, sep, v] for lab, v in zip(labels, vals)]
    if pt.name.native:
        fields.insert(2, [r.choice(["Name in your language (optional)", "native_name", "Name (other script)"]), sep,
                          P(pt.name.native, "person_name")])
    topic = r.choice(["Request medical records", "Update my address", "Prescription refill", "Appointment request", "Billing dispute"])
    msg = r.choice([
        ["I moved and need my records sent to my new doctor. Please also update my address. ", pt.pname("given"), "'s phone is above."],
        ["Need to reschedule the MRI from ", P(fdate(pt.ref + dt.timedelta(days=r.randint(3, 20)), "us_np"), "date"), ", I have work. Thanks"],
        ["My ", r.choice(["mother", "sister", "aunt"]), " ", P(relative_of(r, pt.name, "F").first_last(), "person_name"), " is my emergency contact now, not my ex."],
        ["Pharmacy says the refill for my ", "metformin", " needs a new prescription. Please send to the CVS in ", P(a.city, "street_address"), "."],
    ])
    tpl = T("""
        From: «wf»
        Subject: [Web Form] «topic» - submission «fid»

        Form: «topic»
        Submitted: «sub»
        IP: «ip»
        -----------------------------
        «fields»
        Message: «msg»
        -----------------------------
        Consent checkbox: yes
        Routing: queue=HIM-ROI priority=normal

        This ticket was created automatically from the website form. Reply above this line.
    """)
    return render(tpl, wf=D("webforms@" + r.choice(DOMAINS), "staff_contact"), topic=topic, fid=fid, sub=log_ts(r, pt.ref, "iso"),
                  ip=P(public_ip(r), "ip_address"), fields=join("\n", fields), msg=msg)


def sup_servicenow_portal(r):
    used = set()
    caller, tech = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    inc = f"INC{digits(r, 7)}"
    pid = digits(r, 8)
    url = f"https://{r.choice(['mychart', 'myhealth', 'patientportal'])}.{r.choice(['rgh-health.org', 'gsmc.org', 'hvch.org'])}/MyChart/Authentication/Login?patientId={pid}&mode=stdfile"
    ip = public_ip(r)
    opened = log_ts(r, pt.ref, "plain")
    tpl = T("""
        Number: «inc»
        Caller: «caller» (Patient Access, ext «ext»)
        Category: Software › Patient Portal     Assignment group: «grp»
        Assigned to: «tech»
        Opened: «opened»     State: Work in Progress

        Short description: Patient locked out of portal after password reset

        Description:
        Pt «title» «fam» called the front desk. Full name «full», DOB «dob», MRN «mrn». «he» reset the password «times» and still gets "account locked". Pt gave cell «cell» for a callback. Link the patient was sent:
        «url»

        Work notes:
        «w1» - «tech»
        Auth log shows 6 failed logins from «ip» (patient's home ISP), then lockout. Lockout policy = 5. Unlocked and sent new activation code.
        «w2» - «tech»
        Called «given» back at the cell number, confirmed login works. Resolving.
    """)
    return render(tpl, inc=inc, caller=sdoc(caller.first_last()), ext=D(digits(r, 4), "staff_contact"),
                  grp=r.choice(["EHR-Portal-L2", "Service Desk L1", "Digital Front Door"]), tech=sdoc(tech.first_last()),
                  opened=opened, title=D(pt.name.title(), "title"), fam=pt.pname("family"), full=pt.pname("disp"),
                  dob=pt.pdob(r.choice(["us", "dmy_abbr", "iso"])), mrn=P(pt.mrn, "mrn"), times=r.choice(["twice", "3 times", "this morning"]), he=pt.he().capitalize(),
                  cell=P(pt.cell(), "phone"), url=P(url, "url"), w1=log_ts(r, pt.ref, "plain")[:19], ip=P(ip, "ip_address"),
                  w2=log_ts(r, pt.ref, "plain")[:19], given=pt.pname("given"))


def sup_payer_callnote(r):
    used = set()
    rep = distinct_name(r, used)
    pt = Pt(r, used, old=r.random() < 0.4, adult=True)
    if pt.age < 65 and r.random() < 0.8:
        pt.dob = rdate(r, pt.ref.year - 88, pt.ref.year - 66)
        pt.age = age_on(pt.dob, pt.ref)
    caller, crel = kin(r, pt.name, used, ("child", "spouse", "grandchild"))
    call_d = pt.ref
    svc = pt.ref - dt.timedelta(days=r.randint(10, 80))
    clm = claim_no(r)
    tpl = T("""
        CALL LOG — Member Services
        Call date: «cd»   Agent: «rep» (ID «agentid»)   Queue: Medicare Advantage
        Caller: «caller», «relation» of member (HIPAA auth on file: «auth»)
        Member: «mem»   Subscriber #: «sub»   MBI: «mbi»
        DOB verified: «dob»   Age: «age»
        Address verified: «addr»

        Reason: Claim «clm» for DOS «dos» denied (CO-197, no precert). Caller states the member was taken by ambulance from home and could not get precert. Advised appeal rights; mailed appeal form to address on file. Callback number «cb».

        Disposition: Appeal packet mailed. Follow-up task created for «fu».
    """)
    return render(tpl, cd=D(fdate(call_d, "us"), "event_date"), rep=sdoc(rep.first_last()), agentid=f"A{digits(r, 5)}",
                  caller=P(caller.first_last(), "person_name"), relation=crel,
                  auth=r.choice(["yes", "Y (exp 12/31)", "verified"]), mem=pt.pname("up"), sub=P(pt.member, "health_plan_id"),
                  mbi=P(pt.mbi, "medicare_mbi"), dob=pt.pdob(r.choice(["us", "us_np"])), age=pt.age_piece(),
                  addr=pt.addr.one_line(unit_sep=" "), clm=P(clm, "other_id"), dos=P(fdate(svc, "us"), "date"),
                  cb=P(phone(r), "phone"), fu=D(fdate(call_d + dt.timedelta(days=14), "us"), "event_date"))


def sup_freshdesk_thread_payment(r):
    used = set()
    agent = distinct_name(r, used)
    pt = Pt(r, used)
    new = Addr(r)
    tkt = r.randint(1000, 99999)
    tpl = T("""
        [#«tkt»] Re: Payment plan + address change

        ---- «agent» (Agent) replied, «d3» ----
        Hi «given», the payment went through and your new address is saved. Please don't send card numbers by email next time, use the secure pay page. I've removed it from our records.

        ---- «nm» replied, «d2» ----
        ok here it is, card «card» exp «exp» cvv «cvv». Also I moved, new address is «newaddr». Guarantor account «acct».

        ---- «agent» (Agent) replied, «d1» ----
        Hello «given», I can set up 6 payments. To verify, what is your date of birth?

        ---- «nm» wrote, «d0» ----
        I can't pay «amt» at once. Born «dob» if you need it. Phone «ph».
    """)
    days = [pt.ref + dt.timedelta(days=i) for i in range(4)]
    return render(tpl, tkt=str(tkt), agent=sdoc(agent.first_last()), given=pt.pname("given"), nm=pt.pname("fl"),
                  card=P(card(r), "credit_card"), exp=f"{r.randint(1, 12):02d}/{r.randint(26, 30)}", cvv=digits(r, 3),
                  newaddr=new.one_line(unit_sep=r.choice([" ", ", "])), acct=P(pt.acct, "account_number"),
                  amt=f"${r.randint(600, 9000):,}", dob=pt.pdob(r.choice(["long", "dmy_long", "us"])), ph=P(pt.phone(), "phone"),
                  d0=days[0].strftime("%a, %d %b %Y"), d1=days[1].strftime("%a, %d %b %Y"),
                  d2=days[2].strftime("%a, %d %b %Y"), d3=days[3].strftime("%a, %d %b %Y"))


def sup_dme_device_ticket(r):
    used = set()
    tech, rt = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    dev = r.choice([("CPAP", "AirSense 11"), ("insulin pump", "t:slim X2"), ("home O2 concentrator", "Inogen One G5"),
                    ("CGM receiver", "Dexcom G7"), ("implanted pacemaker", "Azure XT DR")])
    tpl = T("""
        Subject: DME — «dev» not uploading data (pt ID «mrn»)
        Priority: P3  |  Queue: Respiratory/DME Support  |  Opened by «rt»

        Patient: «nm»
        Birthdate: «dob»
        Patient ID: «mrn2»
        Device: «model» «dev», serial «sn»
        UDI: «udi»
        Home: «addr»
        Phone: «ph»

        Issue: «he_» says the «dev» shows "no signal" since «since». Modem firmware «fw». Vendor portal shows last upload «last». The patient's «kin» drives «veh» (plate «plate») and can bring it to the clinic if a swap is needed.

        Next step: «tech» to call vendor with serial; loaner if no fix within 48h.
    """)
    since = pt.ref - dt.timedelta(days=r.randint(2, 10))
    return render(tpl, dev=dev[0], mrn=P(pt.mrn, "mrn"), rt=sdoc(rt.first_last() + ", RRT"), nm=pt.pname("lf"),
                  dob=pt.pdob(r.choice(["us", "iso", "dmy_abbr"])), mrn2=P(pt.mrn, "mrn"), model=dev[1], sn=P(serial(r), "device_id"),
                  udi=P(udi(r), "device_id"), addr=pt.addr.one_line(unit_sep=", "), ph=P(pt.phone(), "phone"),
                  he_=r.choice(["Patient", "Pt", "Caregiver"]), since=D(fdate(since, "us_np"), "event_date"), fw=version(r),
                  last=D(log_ts(r, since, "iso"), "event_date"), veh=r.choice(["a 2016 Camry", "a gray Honda CR-V", "a white F-150"]),
                  plate=P(plate(r), "vehicle_id"), kin=r.choice(["son", "daughter", "neighbor", "husband" if pt.sex == "F" else "wife"]), tech=sdoc(tech.first_last()))


# ==========================================================================
# PHI family: bitbucket_fhir_diff
# ==========================================================================
def PH(s):
    """placeholder value of a dummy fixture (removed diff lines): dont_care"""
    return D(s, "placeholder")


def _git_header(r, path, new=False):
    a, b = rhex(r, 7), rhex(r, 7)
    if new:
        return [f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{b}\n--- /dev/null\n+++ b/{path}\n"]
    return [f"diff --git a/{path} b/{path}\nindex {a}..{b} 100644\n--- a/{path}\n+++ b/{path}\n"]


def _pr_head(r, author, reviewers, title, src, dst="develop"):
    return ["Pull request #", str(r.randint(40, 2900)), ": ", title, "\n", sdoc(author.first_last()), " wants to merge ",
            src, " into ", dst, "\nReviewers: ", join(", ", [sdoc(x.first_last()) for x in reviewers]), "\n\n"]


def fhir_json_patient_diff(r):
    used = set()
    dev, rv1, rv2 = [distinct_name(r, used) for _ in range(3)]
    pt = Pt(r, used)
    old_dob = rdate(r, 1970, 1990)
    a = pt.addr
    rid = r.choice([f"pat-{digits(r, 4)}", rand_uuid(r), f"example-{digits(r, 2)}"])
    path = r.choice(["src/test/resources/fixtures/patient-minimal.json", "fhir-bridge/src/test/resources/Patient/edge-case-address.json",
                     "test/fixtures/fhir/r4/patient_us_core.json"])
    body = T("""
        @@ -1,22 +1,31 @@
         {
           "resourceType": "Patient",
           "id": "«rid»",
           "meta": { "profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"] },
           "identifier": [
             {
               "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR" }] },
               "system": "urn:oid:2.16.840.1.113883.3.«oid»",
        -      "value": "«ph_mrn»"
        +      "value": "«mrn»"
             }
           ],
           "name": [
             {
               "use": "official",
        -      "family": "«ph_fam»",
        -      "given": ["«ph_giv»"]
        +      "family": "«fam»",
        +      "given": [«givens»]
             }
           ],
        -  "gender": "unknown",
        -  "birthDate": "«olddob»",
        +  "gender": "«gender»",
        +  "birthDate": "«dob»",
        +  "telecom": [
        +    { "system": "phone", "value": "«ph»", "use": "home" },
        +    { "system": "email", "value": "«em»" }
        +  ],
           "address": [
             {
        -      "line": ["«ph_line»"],
        -      "city": "«ph_city»",
        -      "postalCode": "00000"
        +      "line": [«lines»],
        +      "city": "«city»",
        +      "state": "«st»",
        +      "postalCode": "«zip»"
             }
           ]
         }
    """)
    givens = join(", ", [['"', P(x, "person_name"), '"'] for x in ([pt.name.given] + ([pt.name.middle] if pt.name.middle else []))])
    lines = ['"', P(a.line1, "street_address"), '"'] + ([', "', P(a.unit, "street_address"), '"'] if a.unit else [])
    vals = dict(rid=D(rid, "internal_id"), oid=f"{r.randint(1000, 9999)}.{r.randint(1, 99)}", mrn=P(pt.mrn, "mrn"),
                fam=P(pt.name.family, "person_name"), givens=givens, olddob=PH("1970-01-01"), ph_mrn=PH("12345"), ph_fam=PH("Test"), ph_giv=PH("Patient"),
                ph_line=PH("1 Main St"), ph_city=PH("Anytown"),
                gender="female" if pt.sex == "F" else "male", dob=pt.pdob("iso"), ph=P(pt.phone(), "phone"),
                em=P(pt.email, "email"), lines=lines, city=P(a.city, "street_address"), st=D(a.state, "state"),
                zip=P(a.zip, "zip_code"))
    desc = r.choice(["Use the record from the prod incident so the address parser test reproduces " + ticket_key(r, "FHIR") + ".",
                     "Replaced the dummy fixture with the failing one from the support case; the unit line was dropped by our mapper.",
                     "Fixture copied from the prod payload (sorry, will anonymise before release)."])
    head = _pr_head(r, dev, [rv1, rv2], "Fix address.line mapping for multi-line addresses",
                    f"bugfix/{ticket_key(r, 'FHIR').lower()}-address-lines")
    return [head, desc, "\n\n", _git_header(r, path), render(body, **vals)]


def fhir_xml_patient_pr(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    rel = relative_of(r, pt.name)
    a = pt.addr
    path = r.choice(["interop/src/test/resources/xml/Patient-deceased.xml", "src/test/resources/fhir/patient-with-contact.xml"])
    death = pt.ref - dt.timedelta(days=r.randint(1, 30))
    body = T("""
        @@ -3,18 +3,34 @@
           <id value="«rid»"/>
           <identifier>
             <system value="http://hospital.example.org/mrn"/>
        -    <value value="«ph_mrn»"/>
        +    <value value="«mrn»"/>
           </identifier>
        +  <identifier>
        +    <system value="http://hl7.org/fhir/sid/us-ssn"/>
        +    <value value="«ssn»"/>
        +  </identifier>
           <name>
        -    <family value="«ph_fam»"/>
        -    <given value="«ph_giv»"/>
        +    <family value="«fam»"/>
        +    <given value="«giv»"/>
           </name>
        -  <birthDate value="«ph_dob»"/>
        +  <birthDate value="«dob»"/>
        +  <deceasedDateTime value="«death»"/>
           <address>
        -    <line value="«ph_line»"/>
        +    <line value="«line»"/>
        +    <city value="«city»"/>
        +    <state value="«st»"/>
        +    <postalCode value="«zip»"/>
           </address>
        +  <contact>
        +    <relationship><coding><system value="http://terminology.hl7.org/CodeSystem/v2-0131"/><code value="N"/></coding></relationship>
        +    <name><text value="«relname»"/></name>
        +    <telecom><system value="phone"/><value value="«relph»"/></telecom>
        +  </contact>
         </Patient>
    """)
    vals = dict(ph_mrn=PH("MRN-0001"), ph_fam=PH("Doe"), ph_giv=PH("Jane"), ph_dob=PH("1980-01-01"), ph_line=PH("123 Main Street"),
                rid=D(f"{rhex(r, 8)}", "internal_id"), mrn=P(pt.mrn, "mrn"), ssn=P(pt.ssn, "ssn"),
                fam=P(pt.name.family, "person_name"), giv=P(pt.name.given, "person_name"), dob=pt.pdob("iso"),
                death=P(death.isoformat() + f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00-05:00", "date"),
                line=P(a.line1 + (" " + a.unit if a.unit else ""), "street_address"), city=P(a.city, "street_address"),
                st=D(a.state, "state"), zip=P(a.zip4, "zip_code"), relname=P(rel.first_last(), "person_name"),
                relph=P(phone(r), "phone"))
    cmt = T("""

        --- Comment by «rv» ---
        Is this a real patient? «fam2» + a real-looking SSN in a fixture in git is a problem even if the repo is private. Please swap for Synthea output.
        --- Reply by «dev» ---
        It's from the «site» support dump. Will replace before merge, needed it to reproduce the deceasedDateTime offset bug.
    """)
    return [_pr_head(r, dev, [rv], "Handle deceasedDateTime with offset in Patient XML parser", "feature/deceased-offset", "main"),
            _git_header(r, path), render(body, **vals),
            render(cmt, rv=sdoc(rv.first_last()), fam2=pt.pname("family"), dev=sdoc(dev.first_last()),
                   site=r.choice(FACILITIES))]


def fhir_yaml_seed_diff(r):
    used = set()
    dev = distinct_name(r, used)
    pts = [Pt(r, used) for _ in range(2)]
    path = r.choice(["deploy/seed/demo-patients.yaml", "charts/ehr-sandbox/values-seed.yaml", "e2e/fixtures/patients.yml"])
    blocks = []
    for i, p in enumerate(pts):
        a = p.addr
        blk = [f"+  - resourceType: Patient\n+    id: ", D(f"seed-{i + 1:03d}", "internal_id"), "\n",
               "+    identifier:\n+      - system: urn:mrn\n+        value: \"", P(p.mrn, "mrn"), "\"\n",
               "+      - system: http://hl7.org/fhir/sid/us-mbi\n+        value: ", P(p.mbi, "medicare_mbi"), "\n",
               "+    name:\n+      - family: ", P(p.name.family, "person_name"), "\n+        given: [", P(p.name.given, "person_name"), "]\n",
               "+    birthDate: '", p.pdob("iso"), "'\n",
               "+    telecom:\n+      - {system: phone, value: '", P(p.phone("dash"), "phone"), "'}\n",
               "+    address:\n+      - line: ['", P(a.line1, "street_address"), "'" + ("" if not a.unit else ", '"),
               P(a.unit, "street_address") if a.unit else "", "" if not a.unit else "'", "]\n",
               "+        city: ", P(a.city, "street_address"), "\n+        state: ", D(a.state, "state"), "\n",
               "+        postalCode: '", P(a.zip, "zip_code"), "'\n"]
        blocks.append(blk)
    tpl = T("""
        commit «sha»
        Author: «dev» <«devmail»>
        Date:   «cdate»

            seed: add two demo patients for the «env» sandbox

        «hdr»@@ -12,6 +12,30 @@ patients:
           - resourceType: Patient
             id: seed-000
             name: [{family: «ph_fam», given: [«ph_giv»]}]
        «blocks» 
         encounters: []
    """)
    cd = pts[0].ref
    return render(tpl, sha=rhex(r, 40), dev=sdoc(dev.first_last()), devmail=D(staff_email(dev, r.choice(DOMAINS)), "staff_contact"),
                  cdate=cd.strftime("%a %b %d ") + f"{r.randint(8, 20)}:{r.randint(10, 59)}:{r.randint(10, 59)} {cd.year} -0400",
                  env=r.choice(["sales-demo", "partner", "training"]), ph_fam=PH("Example"), ph_giv=PH("Test"), hdr=_git_header(r, path), blocks=blocks)


def fhir_bundle_new_file(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    sub = relative_of(r, pt.name)
    payer, _ = r.choice(PAYERS)
    eff = dt.date(pt.ref.year, 1, 1)
    enc_id, cov_id, pat_id = rand_uuid(r), rand_uuid(r), rand_uuid(r)
    path = "src/test/resources/bundles/" + r.choice(["inpatient-with-coverage.json", "claim-submit-bundle.json", "adt-to-fhir-expected.json"])
    tpl = T("""
        @@ -0,0 +1,41 @@
        +{
        +  "resourceType": "Bundle",
        +  "type": "collection",
        +  "entry": [
        +    { "fullUrl": "urn:uuid:«pid»",
        +      "resource": { "resourceType": "Patient", "id": "«pid2»",
        +        "identifier": [{ "system": "urn:oid:1.2.36.146.595.217.0.1", "value": "«mrn»" }],
        +        "name": [{ "text": "«fullname»" }],
        +        "birthDate": "«dob»", "gender": "«g»" } },
        +    { "fullUrl": "urn:uuid:«cid»",
        +      "resource": { "resourceType": "Coverage", "id": "«cid2»", "status": "active",
        +        "subscriberId": "«memid»",
        +        "subscriber": { "display": "«subname»" },
        +        "beneficiary": { "reference": "urn:uuid:«pid3»" },
        +        "relationship": { "coding": [{ "code": "«relcode»" }] },
        +        "period": { "start": "«eff»" },
        +        "payor": [{ "display": "«payer»" }],
        +        "class": [{ "type": { "coding": [{ "code": "group" }] }, "value": "«grp»" }] } },
        +    { "fullUrl": "urn:uuid:«eid»",
        +      "resource": { "resourceType": "Encounter", "id": "«eid2»", "status": "finished",
        +        "class": { "code": "IMP" },
        +        "identifier": [{ "type": { "text": "Visit Number" }, "value": "«visit»" }],
        +        "subject": { "reference": "urn:uuid:«pid4»", "display": "«disp»" },
        +        "period": { "start": "«adm»", "end": "«dis»" },
        +        "reasonCode": [{ "coding": [{ "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "«icd»" }] }] } }
        +  ]
        +}
    """)
    icd = r.choice(ICD_LIST)[0]
    v = dict(pid=D(pat_id, "internal_id"), pid2=D(pat_id, "internal_id"), pid3=D(pat_id, "internal_id"), pid4=D(pat_id, "internal_id"),
             mrn=P(pt.mrn, "mrn"), fullname=pt.pname("disp"), dob=pt.pdob("iso"), g="female" if pt.sex == "F" else "male",
             cid=D(cov_id, "internal_id"), cid2=D(cov_id, "internal_id"), memid=P(pt.member, "health_plan_id"),
             subname=P(sub.first_last(), "person_name"), relcode=r.choice(["spouse", "child", "other"]), eff=D(eff.isoformat(), "coverage_date"),
             payer=payer, grp=D(digits(r, 6), "group_number"), eid=D(enc_id, "internal_id"), eid2=D(enc_id, "internal_id"),
             visit=P(pt.visit, "account_number"), disp=pt.pname("fl"),
             adm=P(pt.admit.isoformat() + f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z", "date"),
             dis=P(pt.disch.isoformat() + f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z", "date"), icd=D(icd, "diagnosis_code"))
    return [_pr_head(r, dev, [rv], "Add expected bundle for ADT→FHIR inpatient mapping test", f"test/{rhex(r, 6)}-adt-fhir"),
            "Expected output captured from the staging run.\n\n", _git_header(r, path, new=True), render(tpl, **v)]


def fhir_ndjson_bulk_diff(r):
    used = set()
    dev = distinct_name(r, used)
    pts = [Pt(r, used) for _ in range(r.randint(2, 3))]
    path = "bulk-export/src/test/resources/export/Patient.ndjson"
    lines = []
    for i, p in enumerate(pts):
        a = p.addr
        rid = str(r.randint(100000, 999999))
        ln = ['{"resourceType":"Patient","id":"', D(rid, "internal_id"), '","identifier":[{"system":"urn:mrn","value":"', P(p.mrn, "mrn"),
              '"},{"system":"http://hl7.org/fhir/sid/us-ssn","value":"', P(p.ssn, "ssn"), '"}],"name":[{"family":"', P(p.name.family, "person_name"),
              '","given":["', P(p.name.given, "person_name"), '"]}],"telecom":[{"system":"phone","value":"', P(p.phone("e164"), "phone"),
              '"}],"gender":"', "female" if p.sex == "F" else "male", '","birthDate":"', p.pdob("iso"),
              '","address":[{"line":["', P(a.line1, "street_address"), '"],"city":"', P(a.city, "street_address"), '","state":"',
              D(a.state, "state"), '","postalCode":"', P(a.zip, "zip_code"), '"}]}']
        lines.append(ln)
    diff = ["@@ -1,2 +1,", str(len(lines)), " @@\n",
            '-{"resourceType":"Patient","id":"1","name":[{"family":"', PH("Example"), '"}]}\n',
            '-{"resourceType":"Patient","id":"2","name":[{"family":"', PH("Example"), '"}]}\n',
            join("\n", [["+", ln] for ln in lines]), "\n"]
    tpl = T("""
        «key»: bulk $export golden files regenerated

        Regenerated with `./gradlew :bulk-export:regenGolden -Penv=uat` after the «ver» upgrade. The UAT database is a prod copy, so please double check before merging.
        Author: «dev»  ·  Build «build»  ·  «ts»

    """)
    return [render(tpl, key=ticket_key(r, "DATA"), ver=f"HAPI {r.randint(6, 7)}.{r.randint(0, 8)}.{r.randint(0, 4)}",
                   dev=sdoc(dev.first_last()), build=f"#{r.randint(1000, 9999)}", ts=log_ts(r, pts[0].ref, "iso")),
            _git_header(r, path), diff]


def fhir_xml_eob_diff(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    prov = distinct_name(r, used)
    pt = Pt(r, used)
    svc = pt.ref - dt.timedelta(days=r.randint(10, 60))
    clm = claim_no(r)
    cpt = r.choice(CPT_LIST)
    path = "payer-api/src/test/resources/eob/ExplanationOfBenefit-professional.xml"
    tpl = T("""
        @@ -1,25 +1,27 @@
         <ExplanationOfBenefit xmlns="http://hl7.org/fhir">
        -  <id value="eob-example"/>
        +  <id value="«eid»"/>
           <identifier>
             <system value="https://northwindpayer.com/fhir/claim-number"/>
        -    <value value="«ph_clm»"/>
        +    <value value="«clm»"/>
           </identifier>
           <patient>
        -    <display value="«ph_name»"/>
        +    <reference value="Patient/«prid»"/>
        +    <display value="«pname»"/>
           </patient>
        -  <billablePeriod><start value="«ph_d»"/><end value="«ph_d»"/></billablePeriod>
        +  <billablePeriod><start value="«svc»"/><end value="«svc2»"/></billablePeriod>
           <provider>
             <identifier><system value="http://hl7.org/fhir/sid/us-npi"/><value value="«npi»"/></identifier>
        +    <display value="«prov»"/>
           </provider>
           <insurance>
             <coverage>
        -      <identifier><value value="«ph_mem»"/></identifier>
        +      <identifier><value value="«mid»"/></identifier>
             </coverage>
           </insurance>
           <item>
             <sequence value="1"/>
             <productOrService><coding><system value="http://www.ama-assn.org/go/cpt"/><code value="«cpt»"/></coding></productOrService>
        -    <servicedDate value="«ph_d»"/>
        +    <servicedDate value="«svc3»"/>
           </item>
         </ExplanationOfBenefit>
    """)
    ds = svc.isoformat()
    v = dict(ph_clm=PH("CLAIM-0000"), ph_name=PH("Example Patient"), ph_d=PH("2020-01-01"), ph_mem=PH("MEMBER-0001"),
             eid=D(f"eob-{digits(r, 8)}", "internal_id"), clm=P(clm, "other_id"), prid=D(digits(r, 7), "internal_id"),
             pname=pt.pname("fl"), svc=P(ds, "date"), svc2=P(ds, "date"), npi=D(npi(r), "npi"),
             prov=D(prov.first_last() + ", " + r.choice(["MD", "DO", "NP"]), "person_name"), mid=P(pt.member, "health_plan_id"),
             cpt=D(cpt[0], "procedure_code"), svc3=P(ds, "date"))
    return [_pr_head(r, dev, [rv], "EOB: populate provider display and coverage identifier", f"feature/eob-{rhex(r, 5)}", "release/" + version(r)),
            _git_header(r, path), render(tpl, **v)]


# ==========================================================================
# PHI family: sql_seed
# ==========================================================================
def _q(v, quote="'"):
    """SQL quoted labelled value; doubles embedded quotes inside the label"""
    if isinstance(v, V):
        return [quote, V(v.text.replace("'", "''"), v.label, v.kind), quote]
    return [quote, str(v).replace("'", "''"), quote]


def sql_pg_multirow(r):
    used = set()
    dev = distinct_name(r, used)
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref, culture=r.choice([None, None, "chinese", "korean", "vietnamese", "arabic"])) for _ in range(r.randint(3, 6))]
    rows = []
    for i, p in enumerate(pts, 1):
        rows.append(["  (", D(str(1000 + i), "internal_id"), ", ", _q(P(p.mrn, "mrn")), ", ", _q(p.pname("given")), ", ",
                     _q(p.pname("family")), ", ", _q(p.pdob("iso")), ", ", _q(p.sex), ", ", _q(P(p.ssn, "ssn")), ", ",
                     _q(P(p.phone("dash"), "phone")), ", ", _q(P(p.email, "email")) if r.random() < 0.8 else "NULL", ", ",
                     _q(P(p.addr.zip, "zip_code")), ", now())"])
    tpl = T("""
        -- V«n»__seed_demo_patients.sql
        -- Demo data for the «env» environment. Author: «dev», «d»
        -- NOTE: pulled from the reporting replica to get realistic distributions («tk»)

        BEGIN;

        INSERT INTO clinical.patient (patient_id, mrn, first_name, last_name, birth_date, sex, ssn, home_phone, email, zip, created_at)
        VALUES
        «rows»;

        SELECT setval('clinical.patient_patient_id_seq', (SELECT max(patient_id) FROM clinical.patient));

        COMMIT;
    """)
    return render(tpl, n=str(r.randint(12, 140)), env=r.choice(["demo", "training", "perf-test", "sandbox"]), dev=sdoc(dev.first_last()),
                  d=ref.isoformat(), tk=ticket_key(r, "DATA"), rows=join(",\n", rows))


def sql_mysql_dump(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref) for _ in range(r.randint(3, 5))]
    vals = []
    for i, p in enumerate(pts):
        a = p.addr
        vals.append(["(", D(str(r.randint(20000, 90000)), "internal_id"), ",", _q(P(p.member, "health_plan_id")), ",",
                     _q(p.pname("lf")), ",", _q(p.pdob("iso")), ",", _q(P(a.line1, "street_address")), ",",
                     _q(P(a.unit, "street_address")) if a.unit else "NULL", ",", _q(P(a.city, "street_address")), ",",
                     _q(D(a.state, "state")), ",", _q(P(a.zip4, "zip_code")), ",", _q(P(p.phone("bare"), "phone")), ",",
                     _q(D(fdate(dt.date(ref.year, 1, 1), "iso"), "coverage_date")), ")"])
    tpl = T("""
        -- MySQL dump 10.13  Distrib 8.0.«m», for Linux (x86_64)
        --
        -- Host: «ip»    Database: «db»
        -- ------------------------------------------------------
        -- Server version	8.0.«m»

        /*!40101 SET NAMES utf8mb4 */;

        --
        -- Dumping data for table `member`
        --

        LOCK TABLES `member` WRITE;
        /*!40000 ALTER TABLE `member` DISABLE KEYS */;
        INSERT INTO `member` VALUES «vals»;
        /*!40000 ALTER TABLE `member` ENABLE KEYS */;
        UNLOCK TABLES;

        -- Dump completed on «ts»
    """)
    return render(tpl, m=str(r.randint(28, 39)), ip=server_ip(r), db=r.choice(["elig_prod", "member_svc", "claims_stage"]),
                  vals=join(",", vals), ts=f"{ref.isoformat()} {r.randint(0, 23):2d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}")


def sql_pg_copy(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref) for _ in range(r.randint(3, 6))]
    rows = []
    for i, p in enumerate(pts):
        icd = r.choice(ICD_LIST)[0]
        rows.append([D(str(r.randint(500000, 999999)), "internal_id"), "\t", P(p.mrn, "mrn"), "\t", P(p.visit, "account_number"),
                     "\t", P(p.admit.isoformat() + f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00", "date"), "\t",
                     P(p.disch.isoformat() + f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00", "date") if r.random() < 0.8 else "\\N",
                     "\t", D(icd, "diagnosis_code"), "\t", r.choice(["IP", "OBS", "ED"]), "\t", p.age_piece()])
    tpl = T("""
        --
        -- PostgreSQL database dump
        --

        -- Dumped from database version «pgv»
        -- Dumped by pg_dump version «pgv»

        SET statement_timeout = 0;
        SET client_encoding = 'UTF8';

        --
        -- Data for Name: encounter; Type: TABLE DATA; Schema: adt; Owner: etl_svc
        --

        COPY adt.encounter (encounter_id, mrn, visit_number, admit_ts, discharge_ts, principal_dx, enc_class, age_at_admit) FROM stdin;
        «rows»
        \\.

        --
        -- PostgreSQL database dump complete
        --
    """)
    return render(tpl, pgv=f"{r.randint(12, 16)}.{r.randint(1, 9)}", rows=join("\n", rows))


def sql_flyway_claims(r):
    used = set()
    dev = distinct_name(r, used)
    provs = [distinct_name(r, used) for _ in range(2)]
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref) for _ in range(r.randint(2, 4))]
    mem, clm = [], []
    for i, p in enumerate(pts, 1):
        mem.append(["INSERT INTO member (member_id, subscriber_no, mbi, full_name, dob, gender) VALUES (", D(str(i), "internal_id"), ", ",
                    _q(P(p.member, "health_plan_id")), ", ", _q(P(p.mbi, "medicare_mbi")) if r.random() < 0.7 else "NULL", ", ",
                    _q(p.pname("fl")), ", DATE ", _q(p.pdob("iso")), ", ", _q(p.sex), ");"])
        for j in range(r.randint(1, 2)):
            cpt = r.choice(CPT_LIST)
            pv = r.choice(provs)
            dos = p.ref - dt.timedelta(days=r.randint(5, 120))
            clm.append(["INSERT INTO claim (claim_no, member_id, dos, cpt, icd10, rendering_npi, billed_amt) VALUES (",
                        _q(P(claim_no(r), "other_id")), ", ", D(str(i), "internal_id"), ", DATE ", _q(P(dos.isoformat(), "date")), ", ",
                        _q(D(cpt[0], "procedure_code")), ", ", _q(D(r.choice(ICD_LIST)[0], "diagnosis_code")), ", ",
                        _q(D(npi(r), "npi")), ", ", f"{r.randint(60, 4200)}.{r.randint(0, 99):02d}", ");  -- ", sdoc(pv.last_first())])
    tpl = T("""
        -- src/main/resources/db/migration/R__seed_claims_uat.sql
        -- Repeatable migration: UAT seed for adjudication tests.
        -- Owner: «dev» / «tk»
        -- Members were copied from the eligibility file dated «efd» so that the 270/271 tests match.

        DELETE FROM claim WHERE claim_no NOT LIKE 'TEST%';
        DELETE FROM member WHERE member_id < 100;

        «mem»

        «clm»
    """)
    return render(tpl, dev=sdoc(dev.first_last()), tk=ticket_key(r, "RCM"), efd=ref.strftime("%Y%m%d"), mem=join("\n", mem),
                  clm=join("\n", clm))


def sql_mssql_nvarchar(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref, culture=r.choice(["chinese", "korean", "arabic", "hebrew", "russian", "indian", None])) for _ in range(r.randint(3, 5))]
    rows = []
    for i, p in enumerate(pts):
        nat = p.name.native
        rows.append(["INSERT [dbo].[Patients] ([PatientKey], [HospitalNo], [LastName], [FirstName], [NameLocal], [BirthDate], [HomePhone], [Street], [City], [Zip]) VALUES (",
                     D(str(r.randint(1, 99999)), "internal_id"), ", N'", P(p.mrn, "mrn"), "', N'", P(p.name.family.replace("'", "''"), "person_name"), "', N'",
                     P(p.name.given, "person_name"), "', ", ["N'", P(nat, "person_name"), "'"] if nat else "NULL", ", CAST(N'", p.pdob("iso"),
                     "' AS Date), N'", P(p.phone(r.choice(["paren", "dash"])), "phone"), "', N'", P(p.addr.line1 + (" " + p.addr.unit if p.addr.unit else ""), "street_address"),
                     "', N'", P(p.addr.city, "street_address"), "', N'", P(p.addr.zip, "zip_code"), "')"])
    tpl = T("""
        USE [«db»]
        GO
        SET IDENTITY_INSERT [dbo].[Patients] ON
        GO
        «rows»
        GO
        SET IDENTITY_INSERT [dbo].[Patients] OFF
        GO
        /****** Script generated by SSMS «ssms» on «ts» — «note» ******/
    """)
    return render(tpl, db=r.choice(["RegistrationDB_UAT", "Interpreters", "LangServices"]), rows=join("\nGO\n", rows),
                  ssms=f"19.{r.randint(0, 3)}", ts=f"{ref.strftime('%m/%d/%Y')} {r.randint(1, 12)}:{r.randint(10, 59)} PM",
                  note=r.choice(["interpreter services test data", "do not check in", "used for Unicode collation bug"]))


def sql_oracle_insert_all(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    pts = [Pt(r, used, ref=ref) for _ in range(r.randint(3, 5))]
    ins = []
    for i, p in enumerate(pts):
        dod = ["TO_DATE('", P(fdate(p.ref - dt.timedelta(days=r.randint(1, 40)), "ora"), "date"), "','DD-MON-YYYY')"] if r.random() < 0.35 else "NULL"
        ins.append(["  INTO pat_master (pat_seq, chart_no, pat_name, dob, dod, ssn_no, acct_no, phone_1) VALUES (", D(str(7000 + i), "internal_id"),
                    ", '", P(p.mrn, "mrn"), "', '", P(fold(p.name.last_first()).upper().replace("'", "''"), "person_name"),
                    "', TO_DATE('", p.pdob("ora"), "','DD-MON-YYYY'), ", dod, ", '", P(p.ssn.replace("-", ""), "ssn"), "', '",
                    P(p.acct, "account_number"), "', '", P(p.phone("bare"), "phone"), "')"])
    tpl = T("""
        REM  load_pat_master_sample.sql   -- «who» «d»
        REM  sample rows for the HIM extract rewrite; source = PRD snapshot
        SET DEFINE OFF;
        INSERT ALL
        «ins»
        SELECT 1 FROM dual;
        COMMIT;
        EXIT;
    """)
    who = distinct_name(r, used)
    return render(tpl, who=sdoc(fold(who.handle()[0][0] + who.handle()[1]).upper()), d=ref.strftime("%d-%b-%Y").upper(), ins=join("\n", ins))


# ==========================================================================
# PHI family: clinical_note
# ==========================================================================
def _meds(r, k):
    pool = ["metformin 500 mg PO BID", "lisinopril 10 mg PO daily", "apixaban 5 mg PO BID", "furosemide 40 mg PO daily",
            "atorvastatin 40 mg PO nightly", "insulin glargine 18 units SC at bedtime", "metoprolol succinate 25 mg PO daily",
            "amlodipine 5 mg PO daily", "levothyroxine 75 mcg PO daily", "donepezil 10 mg PO nightly", "tamsulosin 0.4 mg PO daily",
            "pantoprazole 40 mg PO daily", "sertraline 50 mg PO daily", "acetaminophen 650 mg PO q6h PRN pain",
            "tiotropium 18 mcg inhaled daily", "albuterol 2 puffs q4h PRN", "warfarin 5 mg PO daily (goal INR 2-3)",
            "spironolactone 25 mg PO daily", "carvedilol 6.25 mg PO BID", "empagliflozin 10 mg PO daily",
            "amoxicillin-clavulanate 875 mg PO BID x 5 more days", "cephalexin 500 mg PO QID x 7 days"]
    return r.sample(pool, k)


ICD = dict(ICD_LIST)

# coherent inpatient scenarios: (principal, secondary) ICD, history, presentation, course, meds
DC_SCEN = [
    dict(dx=(("I50.22", ICD["I50.22"]), ("I48.91", ICD["I48.91"])),
         hx="heart failure with reduced ejection fraction, atrial fibrillation on apixaban and CKD stage 3b",
         cc="3 days of worsening dyspnea, orthopnea and leg swelling",
         course="{He} was diuresed with IV furosemide (net negative 4.2 L) with improvement in symptoms and weight. Creatinine peaked at 1.9 and returned to baseline.",
         meds=["furosemide 40 mg PO BID", "carvedilol 6.25 mg PO BID", "apixaban 5 mg PO BID", "sacubitril-valsartan 24-26 mg PO BID",
               "spironolactone 25 mg PO daily", "atorvastatin 40 mg PO nightly"]),
    dict(dx=(("S72.001A", ICD["S72.001A"]), ("W19.XXXA", ICD["W19.XXXA"])),
         hx="osteoporosis, hypertension and mild dementia, independent with a walker at baseline",
         cc="a fall at home with right hip pain and inability to bear weight",
         course="Orthopedics performed a right hip hemiarthroplasty on hospital day 2 without complication. Post-op delirium resolved by day 4.",
         meds=["enoxaparin 40 mg SC daily x 28 days", "acetaminophen 650 mg PO q6h PRN pain", "oxycodone 2.5 mg PO q6h PRN severe pain",
               "amlodipine 5 mg PO daily", "donepezil 10 mg PO nightly", "alendronate 70 mg PO weekly"]),
    dict(dx=(("A41.9", ICD["A41.9"]), ("N39.0", ICD["N39.0"])),
         hx="type 2 diabetes, hypertension and recurrent urinary tract infections",
         cc="fever to 39.2 °C, rigors and new confusion",
         course="Blood and urine cultures grew E. coli. Treated with ceftriaxone, narrowed to cephalexin on day 3. Mental status back to baseline.",
         meds=["cephalexin 500 mg PO QID x 7 days", "metformin 500 mg PO BID", "lisinopril 10 mg PO daily", "insulin glargine 18 units SC at bedtime"]),
    dict(dx=(("J44.1", ICD["J44.1"]), ("J96.01", ICD["J96.01"])),
         hx="COPD on 2 L home oxygen and hypertension",
         cc="productive cough and hypoxia to 84% on room air",
         course="Treated with nebulizers, prednisone and azithromycin; briefly required BiPAP. Weaned back to home oxygen.",
         meds=["prednisone 40 mg PO daily x 2 more days", "azithromycin 250 mg PO daily x 2 more days", "tiotropium 18 mcg inhaled daily",
               "fluticasone-salmeterol 250/50 1 puff BID", "albuterol 2 puffs q4h PRN"]),
    dict(dx=(("I63.9", ICD["I63.9"]), ("I10", ICD["I10"])),
         hx="hypertension, hyperlipidemia and prior TIA",
         cc="sudden right arm weakness and slurred speech",
         course="MRI confirmed a small left MCA infarct. Not a tPA candidate (outside window). Started aspirin and clopidogrel for 21 days and high-intensity statin.",
         meds=["aspirin 81 mg PO daily", "clopidogrel 75 mg PO daily x 21 days", "atorvastatin 80 mg PO nightly", "losartan 50 mg PO daily"]),
]


def note_discharge_summary(r):
    used = set()
    att, pcp, res = [distinct_name(r, used) for _ in range(3)]
    pt = Pt(r, used, adult=True)
    rel, rw = kin(r, pt.name, used, ("child", "spouse", "nibling"))
    fac = r.choice(FACILITIES[:9])
    sc = r.choice(DC_SCEN)
    dx, dx2 = sc["dx"]
    fu = pt.disch + dt.timedelta(days=r.randint(5, 14))
    lab = r.choice(["MRN", "Med Rec #", "MR#", "Medical Record No."])
    ds = r.choice(["us", "us_np", "dmy_abbr"])
    tpl = T("""
        «fac»
        DISCHARGE SUMMARY

        Patient: «nm»          «lab»: «mrn»
        DOB: «dob»   Age: «age»   Sex: «sex»
        Admission Date: «adm»          Discharge Date: «dis»
        Attending: «att»          PCP: «pcp»
        Account #: «acct»

        PRINCIPAL DIAGNOSIS: «dx1» («dx1c»)
        SECONDARY: «dx2» («dx2c»)

        HOSPITAL COURSE:
        «title» «fam» is a «age2»-year-old «sw» with «hx» who presented to the ED with «cc». «course» «he» was seen by PT/OT who recommended home with services.

        DISCHARGE MEDICATIONS:
        «meds»

        DISPOSITION: Home with VNA. Lives with «his» «rel» «relname», who will help with medications («relph»).
        FOLLOW-UP: «pcp2» on «fu» at «time». Labs (BMP) in 1 week.

        Electronically signed by: «att2» «sig»
    """)
    return render(tpl, fac=D(fac, "facility"), nm=pt.pname(r.choice(["up", "lf"])), lab=lab, mrn=P(pt.mrn, "mrn"),
                  dob=pt.pdob(ds), age=pt.age_piece(), sex="Female" if pt.sex == "F" else "Male", adm=P(fdate(pt.admit, ds), "date"),
                  dis=P(fdate(pt.disch, ds), "date"), att=sdoc(att.first_last() + ", MD"), pcp=sdoc("Dr. " + pcp.family),
                  acct=P(pt.acct, "account_number"), dx1=dx[1], dx1c=D(dx[0], "diagnosis_code"), dx2=dx2[1], dx2c=D(dx2[0], "diagnosis_code"),
                  title=D(pt.name.title(), "title"), fam=pt.pname("family"), age2=pt.age_piece(), sw=pt.sexword(), hx=sc["hx"], cc=sc["cc"],
                  course=sc["course"].replace("{He}", pt.he().capitalize()), he=pt.he().capitalize(),
                  meds=join("\n", [f"{i}. {m}" for i, m in enumerate(sc["meds"], 1)]), his=pt.his(), rel=rw,
                  relname=P(rel.given, "person_name"), relph=P(phone(r), "phone"), pcp2=sdoc("Dr. " + pcp.first_last()),
                  fu=P(fdate(fu, r.choice(["us", "long"])), "date"), time=f"{r.randint(8, 11)}:{r.choice(['00', '20', '40'])} AM",
                  att2=sdoc(att.first_last() + ", MD"), sig=D(log_ts(r, pt.disch, "plain")[:16], "event_date"))


SOAP_SCEN = [
    dict(probs="diabetes and HTN", sx="fasting sugars 130-180, no lows", p1="Type 2 diabetes", plan1="A1c {a1c}%; continue metformin, add empagliflozin 10 mg daily",
         p2="Hypertension", plan2="at goal on lisinopril, continue"),
    dict(probs="CHF and AFib", sx="mild ankle swelling, sleeps on 2 pillows", p1="Heart failure (EF 35%)", plan1="weight up 2 kg; increase furosemide to 40 mg BID x 3 days, BMP Friday",
         p2="Atrial fibrillation", plan2="rate controlled, continue apixaban 5 mg BID"),
    dict(probs="COPD and anxiety", sx="more winded climbing stairs since the cold weather", p1="COPD", plan1="refill tiotropium, start fluticasone-salmeterol, pulmonary rehab referral",
         p2="Anxiety", plan2="GAD-7 12; continue sertraline 50 mg"),
    dict(probs="hypothyroidism and hyperlipidemia", sx="feels well, some fatigue", p1="Hypothyroidism", plan1="TSH 6.8; increase levothyroxine to 88 mcg",
         p2="Hyperlipidemia", plan2="LDL 141; increase atorvastatin to 80 mg"),
]


def note_soap_clinic(r):
    used = set()
    prov, ma = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used, adult=True)
    visit = pt.ref
    sc = r.choice(SOAP_SCEN)
    a1c = f"{r.uniform(6.8, 10.2):.1f}"
    tpl = T("""
        PROGRESS NOTE — «clinic»
        Date of service: «dos»
        Name: «nm»   D.O.B. «dob»   Chart #: «mrn»
        Insurance: «payer» — Member ID «mid»
        Rooming: «ma», MA

        S: «age» y/o «sex» here for f/u of «probs». Reports «sx». «social»
        O: BP «bp» | HR «hr» | SpO2 «spo2»% RA | Wt «wt» kg
        A/P:
        1. «p1» — «plan1».
        2. «p2» — «plan2».
        3. Health maintenance — «hm».

        RTC 3 months. Pt can be reached at «ph» (cell) or «em».
        — «prov»
    """)
    sp, sw = kin(r, pt.name, used, ("spouse",))
    social = r.choice([["Lives alone in ", P(pt.addr.city, "street_address"), ", still drives."],
                       ["Lives with ", sw, " ", P(sp.given, "person_name"), "."],
                       ["Retired ", r.choice(["bus driver", "nurse", "teacher", "machinist"]), ". Never smoker."]])
    payer, _ = r.choice(PAYERS)
    return render(tpl, clinic=r.choice(["Eastgate Internal Medicine", "Beacon Hill Primary Care", "North Shore Family Health"]),
                  dos=P(fdate(visit, r.choice(["us", "long", "iso"])), "date"), nm=pt.pname(r.choice(["fl", "lf"])),
                  dob=pt.pdob(r.choice(["us", "us2", "dmy_abbr"])), mrn=P(pt.mrn, "mrn"), payer=payer, mid=P(pt.member, "health_plan_id"),
                  ma=sdoc(ma.first_last()), age=pt.age_piece(), sex=pt.sex, probs=sc["probs"], sx=sc["sx"], social=social,
                  bp=f"{r.randint(112, 168)}/{r.randint(60, 96)}", hr=str(r.randint(58, 104)), spo2=str(r.randint(90, 99)),
                  wt=f"{r.uniform(48, 120):.1f}", p1=sc["p1"], plan1=sc["plan1"].replace("{a1c}", a1c), p2=sc["p2"], plan2=sc["plan2"],
                  hm=r.choice(["flu shot given", "colonoscopy referral", "DEXA ordered", "declined pneumococcal vaccine"]),
                  ph=P(pt.cell(), "phone"), em=P(pt.email, "email"), prov=sdoc(prov.first_last() + r.choice([", MD", ", NP", ", PA-C", ", DO"])))


ED_SCEN = [
    dict(cc="Fall", event="found on the floor by the bed this morning, unclear down time", pmh="PMH dementia, HTN, AFib on warfarin.",
         exam="Frail, oriented x1. R leg shortened and externally rotated.", course="CT head neg. INR 3.1. Hip XR: displaced femoral neck fx. Ortho consulted.",
         mdm="High complexity; elderly on anticoagulation with fall and hip fracture.", svc="Ortho-Geri"),
    dict(cc="SOB", event="short of breath overnight, sleeping in the recliner, legs more swollen", pmh="PMH CHF (EF 30%), CKD, DM2.",
         exam="Tachypneic, crackles bilat bases, 2+ edema to knees.", course="BNP 2,840, CXR pulmonary edema. IV Lasix 80 mg given, on 4 L NC.",
         mdm="Acute decompensated heart failure.", svc="Hospitalist"),
    dict(cc="AMS", event="more confused for 2 days, not eating, urine smells strong", pmh="PMH dementia, recurrent UTI, HTN.",
         exam="Dry mucous membranes, oriented x1, no focal deficits.", course="Na 121, UA positive. Started ceftriaxone, gentle fluids.",
         mdm="Delirium from UTI with hyponatremia.", svc="Medicine"),
]


def note_ed_triage(r):
    used = set()
    doc, rn = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used, old=r.random() < 0.6, adult=True)
    arr = pt.ref
    sc = r.choice(ED_SCEN)
    rel, rw = kin(r, pt.name, used, ("child", "spouse", "grandchild"))
    tpl = T("""
        ED PROVIDER NOTE
        Arrival: «arr» «atime»   Mode: «mode»
        Pt: «nm», «agesx»   Hospital No.: «mrn»   FIN: «fin»
        Triage RN: «rn»

        CC: «cc»

        HPI: «age2» yo «sexw» brought in by «by» from home («addr»). Per «his» «relrole» «relname» («relph»), pt was «event». «pmh»

        ROS: otherwise negative per pt/family.
        EXAM: «exam»
        ED COURSE: «course»
        MDM: «mdm»
        DISPO: Admit to «svc», «att» accepting. Code status: «code».

        «doc» — «sign»
    """)
    return render(tpl, arr=P(fdate(arr, r.choice(["us", "us_np", "iso"])), "date"), atime=f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}",
                  mode=r.choice(["EMS", "Private vehicle", "BLS ambulance"]), nm=pt.pname(r.choice(["up", "lf", "fl"])),
                  agesx=pt.age_sex(), mrn=P(pt.mrn, "mrn"), fin=P(pt.visit, "account_number"), rn=sdoc(rn.first_last() + ", RN"),
                  cc=sc["cc"], age2=pt.age_piece(), sexw="F" if pt.sex == "F" else "M", by=r.choice(["EMS", "family"]),
                  addr=pt.addr.one_line(unit_sep=" "), his=pt.his(), relrole=rw, relname=P(rel.first_last(), "person_name"),
                  relph=P(phone(r), "phone"), event=sc["event"], pmh=sc["pmh"], exam=sc["exam"], course=sc["course"], mdm=sc["mdm"],
                  svc=sc["svc"], att=sdoc("Dr. " + distinct_name(r, used).family),
                  code=r.choice(["DNR/DNI (MOLST on file)", "Full code", "DNR, OK to intubate"]), doc=sdoc(doc.first_last() + ", MD"),
                  sign=D(log_ts(r, arr, "plain")[:16], "event_date"))


HP_SCEN = [
    dict(cc="Shortness of breath.", hpi="with a history of heart failure and atrial fibrillation who presents with worsening dyspnea on exertion and orthopnea over one week.",
         ap="Admit to telemetry, IV diuresis, echo, daily BMP."),
    dict(cc="Chest pain.", hpi="with hypertension and hyperlipidemia who developed substernal chest pressure while shoveling snow. Troponin 0.42.",
         ap="ACS protocol, heparin drip, cardiology consult for cath."),
    dict(cc="Fever and confusion.", hpi="with dementia and recurrent UTI sent from assisted living for fever to 102.1 and new confusion.",
         ap="Blood/urine cultures, ceftriaxone, delirium precautions."),
]


def note_hp_admission(r):
    used = set()
    att = distinct_name(r, used)
    pt = Pt(r, used, senior=True, old=r.random() < 0.35)
    hcp, hw = kin(r, pt.name, used, ("child", "spouse", "nibling"))
    sc = r.choice(HP_SCEN)
    tpl = T("""
        HISTORY AND PHYSICAL

        NAME: «nm»«nat»
        BIRTHDATE: «dob» («age» years)
        MED REC NO: «mrn»     ADMIT: «adm»
        SSN: «ssn»     MEDICARE #: «mbi»
        ADDRESS: «addr»
        HOME PHONE: «ph»     HEALTH CARE PROXY: «hcp» («hcprel»), «hcpph»

        CHIEF COMPLAINT: «cc»
        HISTORY OF PRESENT ILLNESS: The patient is a «age2»-year-old «sexw» «hpi»
        PAST MEDICAL HISTORY: «pmh»
        MEDICATIONS: «meds»
        ALLERGIES: «allg»
        SOCIAL HISTORY: Former «job». «soc»
        ASSESSMENT AND PLAN: «ap»

        «att»
        «dept»
    """)
    return render(tpl, nm=pt.pname(r.choice(["up", "fl"])), nat=pt.native_paren(), dob=pt.pdob(r.choice(["long", "us", "dmy_long"])), age=pt.age_piece(),
                  mrn=P(pt.mrn, "mrn"), adm=P(fdate(pt.admit, "us"), "date"), ssn=P(pt.ssn, "ssn"), mbi=P(pt.mbi, "medicare_mbi"),
                  addr=pt.addr.one_line(unit_sep=", "), ph=P(pt.phone(), "phone"), hcp=P(hcp.first_last(), "person_name"),
                  hcprel=hw, hcpph=P(phone(r), "phone"), cc=sc["cc"], age2=pt.age_piece(), sexw=pt.sexword(), hpi=sc["hpi"],
                  pmh=", ".join(r.sample(["hypertension", "hyperlipidemia", "type 2 diabetes", "atrial fibrillation", "CKD stage 3b",
                                          "osteoarthritis", "hypothyroidism", "glaucoma"] + (["BPH"] if pt.sex == "M" else []), 4)),
                  meds="; ".join(_meds(r, 4)), allg=r.choice(["NKDA", "Penicillin (rash)", "Sulfa (hives), codeine (nausea)"]),
                  job=r.choice(["machinist", "school teacher", "seamstress", "longshoreman", "nurse"]),
                  soc=r.choice(["Quit smoking 1988. No alcohol.", "Lives with family, uses a walker."]),
                  ap=sc["ap"], att=sdoc(att.first_last() + ", " + r.choice(["MD", "DO"])), dept=r.choice(["Hospital Medicine", "Internal Medicine", "Cardiology"]))


PHONE_SCEN = [
    dict(reason="Blood sugar readings high", body=["Readings 280-340 fasting x 3 days since starting prednisone on ", "{d4}", "."],
         advice="increase insulin glargine by 4 units, call if >400"),
    dict(reason="Swelling in legs", body=["Weight up 4 lb since discharge on ", "{disch}", ". No SOB at rest."],
         advice="increase furosemide to 40 mg BID x 3 days and recheck weight"),
    dict(reason="Question about new medication", body=["Pharmacy substituted generic; patient worried the pills look different."],
         advice="same medication, different manufacturer, OK to take"),
]


def note_phone_encounter(r):
    used = set()
    rn, md = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used, adult=True)
    caller, cw = kin(r, pt.name, used, ("child", "spouse"))
    cdate = pt.ref
    sc = r.choice(PHONE_SCEN)
    body = []
    for piece in sc["body"]:
        if piece == "{d4}":
            body.append(P(fdate(cdate - dt.timedelta(days=4), "us_np"), "date"))
        elif piece == "{disch}":
            body.append(P(fdate(pt.disch - dt.timedelta(days=14), "us_np"), "date"))
        else:
            body.append(piece)
    tpl = T("""
        Telephone Encounter
        «when»   «rn»

        Patient: «nm» | DOB «dob» | «idl» «mrn»
        Caller: «caller» («rel»), call back # «cb»

        Reason for call: «reason»
        «body»
        Per «md», «advice». Caller verbalized understanding. Will call back if worse.

        Routing: «md» — FYI
    """)
    return render(tpl, when=D(f"{fdate(cdate, 'us')} {r.randint(8, 16)}:{r.randint(10, 59)}", "event_date"),
                  rn=sdoc(rn.first_last() + ", RN"), nm=pt.pname(r.choice(["lf", "fl"])), dob=pt.pdob(r.choice(["us", "us2", "iso"])),
                  idl=r.choice(["MRN", "Patient ID", "Pt #"]), mrn=P(pt.mrn, "mrn"), caller=P(caller.first_last(), "person_name"),
                  rel=cw, cb=P(phone(r), "phone"), reason=sc["reason"], body=body, md=sdoc("Dr. " + md.family), advice=sc["advice"])


CONSULT_SCEN = [
    dict(clinic="Cedar Ridge Neurology", why="progressive memory loss over two years",
         finding="MoCA 17/30 with deficits in recall and executive function. MRI shows generalised atrophy with hippocampal predominance.",
         imp="Probable Alzheimer's disease, mild stage.", plan="Start donepezil 5 mg nightly; driving assessment; social work referral.",
         dept="Neurology"),
    dict(clinic="Harborview Cardiology Clinic", why="exertional chest discomfort",
         finding="Exercise treadmill test was stopped at 4 minutes with 2 mm horizontal ST segment changes.",
         imp="Stable angina, likely multivessel coronary disease.", plan="Coronary angiography; continue aspirin and atorvastatin.",
         dept="Cardiology"),
    dict(clinic="Summit Orthopedic Associates", why="right knee pain limiting walking",
         finding="X-rays show severe tricompartmental osteoarthritis with varus deformity.",
         imp="End-stage osteoarthritis, right knee.", plan="Listed for total knee replacement; pre-op assessment clinic.",
         dept="Orthopedics"),
]


def note_consult_letter(r):
    used = set()
    ref_md, cons = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used, adult=True)
    seen = pt.ref
    sc = r.choice(CONSULT_SCEN)
    rel, rw = kin(r, pt.name, used, ("child", "spouse", "nibling"))
    tpl = T("""
        «clinic»
        «caddr»

        «date»

        «refmd»
        «refaddr»

        Re: «nm»
        Date of birth: «dob»
        Hospital number: «mrn»
        Seen in clinic: «seen»

        Dear Dr. «reffam»,

        Thank you for referring «title» «fam», a «age»-year-old «sexw» with «why». «he» attended with «his» «rw», «relname».

        «finding»

        Impression: «imp»
        Plan: «plan»

        I will see «him» again in «months» months. The family asked that letters also go to «his» home address at «addr».

        Yours sincerely,

        «cons»
        Consultant, «cdept»
        cc: Patient
    """)
    return render(tpl, clinic=D(sc["clinic"], "facility"),
                  caddr=D(f"{r.randint(10, 900)} Medical Park Dr, Suite {r.randint(100, 500)}", "facility_address"),
                  date=D(fdate(seen + dt.timedelta(days=2), "dmy_long"), "event_date"),
                  refmd=sdoc("Dr. " + ref_md.first_last()), refaddr=D(r.choice(FACILITIES), "facility"), nm=pt.pname("fl"),
                  dob=pt.pdob(r.choice(["dmy_long", "dots", "long"])), mrn=P(pt.mrn, "mrn"), seen=P(fdate(seen, "dmy_long"), "date"),
                  reffam=sdoc(ref_md.family), title=D(pt.name.title(), "title"), fam=pt.pname("family"), age=pt.age_piece(),
                  sexw=pt.sexword(), why=sc["why"], he=pt.he().capitalize(), his=pt.his(), rw=rw, relname=P(rel.first_last(), "person_name"),
                  finding=sc["finding"], imp=sc["imp"], plan=sc["plan"], him="her" if pt.sex == "F" else "him", months=str(r.randint(2, 6)),
                  addr=pt.addr.one_line(unit_sep=", "), cons=sdoc(cons.first_last() + ", " + r.choice(["MD", "FRCP", "MD, PhD"])),
                  cdept=sc["dept"])


# ==========================================================================
# PHI family: csv_claims
# ==========================================================================
def _csvq(v, force=False):
    t = plain(v)
    if force or any(c in t for c in ',"\n'):
        if isinstance(v, V):
            return ['"', V(v.text.replace('"', '""'), v.label, v.kind), '"']
        return ['"', t.replace('"', '""'), '"']
    return v


def csv_837_flat(r):
    used = set()
    provs = [distinct_name(r, used) for _ in range(3)]
    ref = rdate(r, 2023, 2025)
    hdr = "claim_id,member_id,patient_last,patient_first,patient_dob,sex,dos_from,dos_to,cpt,icd10_1,icd10_2,rendering_npi,billed,payer"
    rows = []
    for _ in range(r.randint(4, 8)):
        p = Pt(r, used, ref=ref)
        dos = ref - dt.timedelta(days=r.randint(3, 60))
        d1, d2 = r.sample(ICD_LIST, 2)
        payer = r.choice(PAYERS)[0]
        rows.append(join(",", [P(claim_no(r), "other_id"), P(p.member, "health_plan_id"), _csvq(p.pname("family")), _csvq(p.pname("given")),
                               p.pdob("iso"), p.sex, P(dos.isoformat(), "date"), P(dos.isoformat(), "date"),
                               D(r.choice(CPT_LIST)[0], "procedure_code"), D(d1[0], "diagnosis_code"), D(d2[0], "diagnosis_code"),
                               D(npi(r), "npi"), f"{r.randint(80, 5000)}.{r.randint(0, 99):02d}", _csvq(payer)]))
    return [f"{hdr}\n", join("\n", rows), "\n"]


def csv_remit_tsv(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    hdr = "\t".join(["CHECK_NO", "PAYER", "PATIENT NAME", "PAT ACCT #", "CLAIM #", "SVC DATE", "CPT", "BILLED", "ALLOWED", "PAID", "PT RESP", "CARC"])
    chk = f"{r.randint(100000, 999999)}"
    rows = []
    for _ in range(r.randint(4, 7)):
        p = Pt(r, used, ref=ref)
        b = r.randint(100, 3000)
        al = int(b * r.uniform(0.3, 0.8))
        pd = int(al * r.uniform(0.6, 1.0))
        rows.append(join("\t", [chk, r.choice(PAYERS)[0], P(fold(p.name.last_first()).upper(), "person_name"), P(p.acct, "account_number"),
                                P(claim_no(r), "other_id"), P(fdate(ref - dt.timedelta(days=r.randint(10, 90)), "us"), "date"),
                                D(r.choice(CPT_LIST)[0], "procedure_code"), f"{b:.2f}", f"{al:.2f}", f"{pd:.2f}", f"{al - pd:.2f}",
                                r.choice(["45", "45;2", "1", "3", "45;253", "CO-97"])]))
    return [f"# 835 remittance export, run {ref.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}\n", hdr, "\n", join("\n", rows), "\n"]


def csv_quoted_lastfirst(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    hdr = '"Claim Number","Patient","DOB","Subscriber #","Policy No.","Service Date","Dx","Status","Denial Reason"'
    rows = []
    ds = r.choice(["us", "us_np"])
    for _ in range(r.randint(4, 7)):
        p = Pt(r, used, ref=ref)
        rows.append(join(",", [_csvq(P(claim_no(r), "other_id"), True), _csvq(p.pname("lf"), True), _csvq(p.pdob(ds), True),
                               _csvq(P(p.member, "health_plan_id"), True), _csvq(P(member_id(r), "health_plan_id"), True),
                               _csvq(P(fdate(ref - dt.timedelta(days=r.randint(5, 100)), ds), "date"), True),
                               _csvq(D(r.choice(ICD_LIST)[0], "diagnosis_code"), True), '"' + r.choice(["DENIED", "PENDED", "PAID"]) + '"',
                               '"' + r.choice(["CO-16 missing info", "CO-197 precert", "PR-1 deductible", "", "CO-50 not med. necessary"]) + '"']))
    return [hdr, "\r\n", join("\r\n", rows), "\r\n"]


def csv_medicare_denials(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    own = distinct_name(r, used)
    hdr = "mbi;beneficiary_name;birth_dt;age;hicn_xref;dos;hcpcs;claim_ctrl_no;denial;worked_by"
    rows = []
    for _ in range(r.randint(4, 7)):
        p = Pt(r, used, ref=ref, old=r.random() < 0.45)
        if p.age < 65 and r.random() < 0.8:
            p.dob = rdate(r, ref.year - 95, ref.year - 66)
            p.age = age_on(p.dob, ref)
        rows.append(join(";", [P(p.mbi, "medicare_mbi"), p.pname("up"), p.pdob("us"), p.age_piece(), "", P(fdate(ref - dt.timedelta(days=r.randint(3, 60)), "us"), "date"),
                               D(r.choice(CPT_LIST)[0], "procedure_code"), P(f"{digits(r, 2)}{digits(r, 12)}", "other_id"),
                               r.choice(["MA130", "N290", "CO-16/MA130", "CO-96", "N115"]), sdoc(jira_handle(own, r))]))
    return [f"Medicare denials worklist ({ref.strftime('%b %Y')}) - semicolon separated (EU locale export)\n", hdr, "\n", join("\n", rows), "\n"]


def csv_elig_dependents(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    hdr = "SUBSCRIBER_ID\tREL\tLAST\tFIRST\tMI\tDOB\tGENDER\tADDR1\tADDR2\tCITY\tST\tZIP\tPHONE\tEFF_DT\tTERM_DT\tGROUP"
    rows = []
    for _ in range(r.randint(2, 3)):
        sub = Pt(r, used, ref=ref, old=False, adult=True)
        if sub.age > 62:
            sub.dob = rdate(r, ref.year - 60, ref.year - 28)
        grp = D(f"{digits(r, 6)}", "group_number")
        eff = D(fdate(dt.date(ref.year, 1, 1), "hl7"), "coverage_date")
        fam = [(sub.name, "SUB", sub.dob)]
        for _ in range(r.randint(1, 3)):
            has_spouse = any(x[1] == "SPO" for x in fam)
            role = "child" if has_spouse or r.random() < 0.5 else "spouse"
            dep, _w = kin(r, sub.name, used, (role,))
            if role == "spouse":
                ddob = sub.dob + dt.timedelta(days=r.randint(-2500, 2500))
            else:
                y0 = min(ref.year - 1, sub.dob.year + 22)
                ddob = rdate(r, y0, max(y0, min(ref.year - 1, sub.dob.year + 42)))
            fam.append((dep, "SPO" if role == "spouse" else "CHD", ddob))
        memb = sub.member
        for nm, rel, dob in fam:
            a = sub.addr
            rows.append(join("\t", [P(memb, "health_plan_id"), rel, P(nm.family, "person_name"), P(nm.given, "person_name"),
                                    P(nm.middle[:1], "person_name") if nm.middle else "", P(fdate(dob, "hl7"), "date"), nm.sex,
                                    P(a.line1, "street_address"), P(a.unit, "street_address") if a.unit else "", P(a.city, "street_address"),
                                    D(a.state, "state"), P(a.zip, "zip_code"), P(sub.phone("bare"), "phone"), eff, "", grp]))
    return [hdr, "\n", join("\n", rows), "\n"]


def csv_pharmacy_claims(r):
    used = set()
    ref = rdate(r, 2023, 2025)
    hdr = "rx_claim_id,fill_date,rx_number,ndc,drug_name,qty,days_supply,cardholder_id,person_code,patient_name,patient_dob,prescriber_npi,prescriber,pharmacy_ncpdp,ingredient_cost,copay"
    drugs = [("00003-0894-21", "Eliquis 5 mg tab", 60, 30), ("00093-7214-01", "metformin 500 mg tab", 60, 30),
             ("00169-4132-12", "Ozempic 1 mg/dose pen", 1, 28), ("00597-0153-30", "Jardiance 10 mg tab", 30, 30),
             ("00088-2220-33", "insulin glargine 100 unit/mL", 3, 30), ("00071-0155-23", "Lipitor 40 mg tab", 30, 30)]
    rows = []
    for _ in range(r.randint(4, 8)):
        p = Pt(r, used, ref=ref)
        pr = distinct_name(r, used)
        ndc, dn, q, ds = r.choice(drugs)
        rows.append(join(",", [D(f"{digits(r, 12)}", "internal_id"), P(fdate(ref - dt.timedelta(days=r.randint(1, 40)), "hl7"), "date"),
                               P(f"{digits(r, 7)}", "other_id"), D(ndc, "drug_code"), D(dn, "medication"), str(q), str(ds),
                               P(p.member, "health_plan_id"), r.choice(["01", "02", "03"]), _csvq(p.pname("up")), p.pdob("hl7"),
                               D(npi(r), "npi"), _csvq(sdoc(pr.last_first().upper())), digits(r, 7), f"{r.uniform(5, 900):.2f}",
                               f"{r.choice([0, 5, 10, 35, 47]):.2f}"]))
    return [hdr, "\n", join("\n", rows), "\n"]


# ==========================================================================
# PHI family: patient_email
# ==========================================================================
def _email_date(r, d, style):
    t = f"{r.randint(7, 21):02d}:{r.randint(0, 59):02d}"
    if style == "outlook":
        return f"{d.strftime('%A, %B')} {d.day}, {d.year} {int(t[:2]) % 12 or 12}:{t[3:]} {'PM' if int(t[:2]) >= 12 else 'AM'}"
    if style == "gmail":
        return f"{d.strftime('%a, %b')} {d.day}, {d.year} at {int(t[:2]) % 12 or 12}:{t[3:]} {'PM' if int(t[:2]) >= 12 else 'AM'}"
    return f"{d.strftime('%a, %d %b %Y')} {t}:{r.randint(10, 59)} -0400"


def mail_outlook_fwd(r):
    used = set()
    nurse, it = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    dom = r.choice(DOMAINS)
    d0 = pt.ref
    tpl = T("""
        From: «nurse» <«nmail»>
        Sent: «sent1»
        To: «it» <«itmail»>
        Subject: FW: question about my test results

        «itg» — forwarding per our call, the patient says the portal shows someone else's results. Can you look? «His» chart # is «mrn».
        Thanks, «nurseg»
        «nurse_sig»

        -----Original Message-----
        From: «pname» <«pmail»>
        Sent: «sent0»
        To: «clinicbox»
        Subject: question about my test results

        Hi, this is «pname2», DOB «dob». I logged in to the portal tonight and the results from my blood work on «lab» don't look like mine (it says «wrongsex» and I'm not). Can someone call me at «ph»? My address in your system might also be old, it should be «addr».

        Sent from my iPhone
    """)
    return render(tpl, nurse=sdoc(nurse.first_last()), nmail=D(staff_email(nurse, dom), "staff_contact"),
                  sent1=D(_email_date(r, d0 + dt.timedelta(days=1), "outlook"), "email_date"), it=sdoc(it.first_last()),
                  itmail=D(staff_email(it, dom), "staff_contact"), itg=sdoc(it.given), His=pt.his().capitalize(),
                  wrongsex="male" if pt.sex == "F" else "female", mrn=P(pt.mrn, "mrn"), nurseg=sdoc(nurse.given),
                  nurse_sig=[sdoc(nurse.first_last() + ", RN"), " | ", r.choice(["Cardiology Clinic", "Primary Care", "Women's Health"]), " | ",
                             D(phone(r, "dash", ext=r.random() < 0.5), "staff_contact")],
                  pname=pt.pname("fl"), pmail=P(pt.email, "email"), sent0=D(_email_date(r, d0, "outlook"), "email_date"),
                  clinicbox=D(f"{r.choice(['cardiology', 'primarycare', 'internalmed', 'womenshealth' if pt.sex == 'F' else 'urology'])}@{dom}", "staff_contact"), pname2=pt.pname("fl"),
                  dob=pt.pdob(r.choice(["us_np", "us", "long"])), lab=P(fdate(d0 - dt.timedelta(days=r.randint(1, 5)), "us_np"), "date"),
                  ph=P(pt.cell(), "phone"), addr=pt.addr.one_line(unit_sep=" "))


def mail_gmail_fwd(r):
    used = set()
    staff_ = distinct_name(r, used)
    pt = Pt(r, used, adult=True)
    dom = r.choice(DOMAINS)
    d0 = pt.ref
    tpl = T("""
        ---------- Forwarded message ---------
        From: «pname» <«pmail»>
        Date: «date»
        Subject: Records request for «pname2»
        To: <«hbox»>

        Hello,

        Please send my complete records from «fac» (admission «adm» to «dis») to my new PCP. My info:
        Full name: «pname3»
        Date of Birth: «dob»
        Social Security: «ssn»
        Patient ID: «mrn»
        Phone: «ph»

        I attached a photo of my driver's license (no. «dl»).

        «pgiv»
    """)
    body = render(tpl, pname=pt.pname("fl"), pmail=P(pt.email, "email"), date=D(_email_date(r, d0, "gmail"), "email_date"),
                  pname2=pt.pname("fl"), hbox=D("him-roi@" + dom, "staff_contact"), fac=D(r.choice(FACILITIES), "facility"),
                  adm=P(fdate(pt.admit, "long"), "date"), dis=P(fdate(pt.disch, "long"), "date"), pname3=pt.pname("fl", mid=True),
                  dob=pt.pdob(r.choice(["us", "long", "dmy_long"])), ssn=P(pt.ssn, "ssn"), mrn=P(pt.mrn, "mrn"), ph=P(pt.phone(), "phone"),
                  dl=P(dl_number(r), "license_number"), pgiv=pt.pname("given"))
    top = ["Hi team — this came to the general inbox, can ROI take it? ", "\n\n", sdoc(staff_.first_last()), "\nRelease of Information\n\n"]
    return [top, body]


def mail_daughter_thread(r):
    used = set()
    sw = distinct_name(r, used)
    pt = Pt(r, used, old=True, sex="F")
    dau = relative_of(r, pt.name, "F")
    while dau.given == pt.name.given:
        dau = relative_of(r, pt.name, "F")
    used |= set(fold(dau.first_last()).lower().split())
    dom = r.choice(DOMAINS)
    d0 = pt.ref
    dem = pt_email(r, dau)
    tpl = T("""
        From: «sw» <«swmail»>
        To: «dname» <«dmail»>
        Date: «d1»
        Subject: RE: Mom's discharge

        Hi «dgiv», I spoke to the SNF in «city» and they can take your mother on «trans». I faxed the PASRR. I'll call you at «dph» tomorrow.
        «sw»
        Case Management, «fac»

        > On «d0q», «dname2» <«dmail2»> wrote:
        > My mother «mom» («mrel») is on 6 West, room «room». She is «age» and can't go home alone. Her Medicare number is «mbi» and she also has a supplement, member «mid».
        > Her DOB is «dob». Please call me, I work nights.
        > «dname3»
    """)
    return render(tpl, sw=sdoc(sw.first_last()), swmail=D(staff_email(sw, dom), "staff_contact"), dname=P(dau.first_last(), "person_name"),
                  dmail=P(dem, "email"), d1=D(_email_date(r, d0 + dt.timedelta(days=1), "rfc"), "email_date"),
                  dgiv=P(dau.given, "person_name"), city=r.choice(["Haverhill", "Quincy", "Methuen", "Brockton"]),
                  trans=P(fdate(d0 + dt.timedelta(days=3), r.choice(["long", "us_np"])), "date"), dph=P(phone(r), "phone"),
                  fac=D(r.choice(FACILITIES), "facility"), d0q=D(_email_date(r, d0, "gmail"), "email_date"), dname2=P(dau.first_last(), "person_name"),
                  dmail2=P(dem, "email"), mom=pt.pname("fl"), mrel=["MRN ", P(pt.mrn, "mrn")], room=D(str(r.randint(601, 640)), "room"),
                  age=pt.age_piece(), mbi=P(pt.mbi, "medicare_mbi"), mid=P(pt.member, "health_plan_id"), dob=pt.pdob(r.choice(["us", "long"])),
                  dname3=P(dau.given, "person_name"))


def mail_apple_native(r):
    used = set()
    doc = distinct_name(r, used)
    for _ in range(20):
        pt = Pt(r, used, culture=r.choice(["chinese", "korean", "arabic", "hebrew", "russian", "indian", "greek_turkish", "japanese"]), old=r.random() < 0.4, senior=True)
        if pt.name.native:
            break
    d0 = pt.ref
    dom = r.choice(DOMAINS)
    tpl = T("""
        Begin forwarded message:

        From: «pname» <«pmail»>
        Subject: appointment / «subj»
        Date: «date»
        To: «docmail»

        Dear Dr. «docfam»,

        I am writing for my «relw» «pname2» («native»), born «dob». «he» has an appointment on «appt» but we need an interpreter. Our phone is «ph». We moved to «addr».

        Thank you,
        «sender»
        «sender_native»
    """)
    sender, _sw = kin(r, pt.name, used, ("child", "grandchild"))
    subj = {"chinese": "预约", "korean": "예약", "arabic": "موعد", "hebrew": "תור", "russian": "запись на приём",
            "indian": "अपॉइंटमेंट", "greek_turkish": "ραντεβού", "japanese": "予約"}.get(pt.name.culture, "")
    return render(tpl, subj=subj, pname=P(sender.first_last(), "person_name"), pmail=P(pt_email(r, sender), "email"),
                  date=D(_email_date(r, d0, "gmail").replace(" at ", " at "), "email_date"), docmail=D(staff_email(doc, dom), "staff_contact"),
                  docfam=sdoc(doc.family), relw=(("mother" if pt.sex == "F" else "father") if _sw in ("son", "daughter") else ("grandmother" if pt.sex == "F" else "grandfather")), pname2=pt.pname("fl"),
                  native=P(pt.name.native, "person_name"), dob=pt.pdob(r.choice(["slash_iso", "dmy_long", "long"])), he=pt.he().capitalize(),
                  appt=P(fdate(d0 + dt.timedelta(days=r.randint(3, 20)), "long"), "date"), ph=P(pt.phone(), "phone"),
                  addr=pt.addr.one_line(unit_sep=", "), sender=P(sender.first_last(), "person_name"),
                  sender_native=P(sender.native, "person_name") if sender.native else "")


def mail_portal_message(r):
    used = set()
    rn, it = distinct_name(r, used), distinct_name(r, used)
    pt = Pt(r, used)
    dom = r.choice(DOMAINS)
    d0 = pt.ref
    msgid = digits(r, 9)
    url = f"https://{r.choice(['mychart', 'myhealth'])}.{dom}/mychart/inside.asp?mode=msgdetail&pid={digits(r, 7)}&msgid={msgid}"
    tpl = T("""
        From: «rn»
        To: «it»
        Subject: Fwd: Secure message from «pname» — attachment won't open
        Date: «d1»

        The patient's photo of the rash (attached to the portal message below) shows as a broken image for all of us. Link: «url»
        — «rn2»

        >>> Secure message
        >>> From: «pname2» (MRN «mrn», DOB «dob»)
        >>> Sent: «d0»
        >>> I uploaded a picture of the rash on my arm from «since». It is getting bigger. I am allergic to penicillin. Please have someone call «ph» or write to «em».
    """)
    return render(tpl, rn=sdoc(rn.first_last() + ", RN"), it=sdoc(it.first_last()), pname=pt.pname("fl"),
                  d1=D(_email_date(r, d0, "rfc"), "email_date"), url=P(url, "url"), rn2=sdoc(rn.given), pname2=pt.pname("lf"),
                  mrn=P(pt.mrn, "mrn"), dob=pt.pdob(r.choice(["us", "us_np"])), d0=D(_email_date(r, d0 - dt.timedelta(days=1), "outlook"), "email_date"),
                  since=r.choice(["Sunday", "last week", "the weekend"]), ph=P(pt.cell(), "phone"), em=P(pt.email, "email"))


def mail_spanish(r):
    used = set()
    coord = distinct_name(r, used)
    pt = Pt(r, used, culture="hispanic", sex="F", adult=True)
    dom = r.choice(DOMAINS)
    d0 = pt.ref
    meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
    dob_es = f"{pt.dob.day} de {meses[pt.dob.month - 1]} de {pt.dob.year}"
    tpl = T("""
        -----Mensaje original-----
        De: «pname» <«pmail»>
        Enviado el: «d0»
        Para: «box»
        Asunto: cita para mi esposo

        Buenos días. Mi nombre es «pname2» y escribo por mi esposo «hname», fecha de nacimiento «hdob». Su número de Medicare es «mbi». Necesita cambiar la cita del «appt» porque no tenemos transporte. Vivimos en «addr». Mi teléfono: «ph».
        Gracias, «pgiv»

        -----
        «coord» (Interpreter Services) — translation for the scheduling team: wife asks to move her husband's appointment, no transportation. Please call her back in Spanish.
    """)
    hus = relative_of(r, pt.name, "M")
    while hus.given == pt.name.given:
        hus = relative_of(r, pt.name, "M")
    used |= set(fold(hus.first_last()).lower().split())
    return render(tpl, pname=pt.pname("fl"), pmail=P(pt.email, "email"), d0=D(d0.strftime("%d/%m/%Y") + f" {r.randint(8, 20)}:{r.randint(10, 59)}", "email_date"),
                  box=D("citas@" + dom, "staff_contact"), pname2=pt.pname("fl"), hname=P(hus.first_last(), "person_name"),
                  hdob=P(dob_es, "date"), mbi=P(mbi(r), "medicare_mbi"), appt=P(f"{(d0 + dt.timedelta(days=6)).day} de {meses[(d0 + dt.timedelta(days=6)).month - 1]}", "date"),
                  addr=pt.addr.one_line(unit_sep=" "), ph=P(pt.phone(), "phone"), pgiv=pt.pname("given"), coord=sdoc(coord.first_last()))


# ==========================================================================
# clean family: clean_stack_trace
# ==========================================================================
JCLS = {
    "com.medlink.integration.hl7": ["PidParser", "AdtRouter", "SegmentReader", "XadMapper", "MllpInboundHandler", "AckBuilder"],
    "org.clarus.ehr.adt": ["EncounterService", "BedBoardController", "PatientMergeJob", "AdtEventListener", "VisitRepository"],
    "com.northwind.claims.edi": ["X12Parser", "Loop2300Handler", "ClaimAdjudicator", "RemitPoster", "EligibilityClient"],
    "io.hspc.fhir.bridge": ["BundleTransformer", "PatientResourceProvider", "SearchParamResolver", "R4Converter", "SmartAuthFilter"],
    "org.hl7.fhir.r4.model": ["Patient", "HumanName", "Period", "Reference"],
}


def java_trace(r, exc, msg, depth=None, caused=None):
    lines = [f"{exc}: {msg}" if msg else exc]
    pkgs = list(JCLS)
    for _ in range(depth or r.randint(5, 11)):
        p = r.choice(pkgs)
        c = r.choice(JCLS[p])
        m = r.choice(["parse", "handle", "apply", "map", "lambda$process$3", "doFilter", "invoke", "resolve", "toResource", "run", "call", "get"])
        lines.append(f"\tat {p}.{c}.{m}({c}.java:{r.randint(30, 900)})")
    lines += r.sample([
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:635)",
        "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)",
        "\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)",
        "\tat java.base/java.lang.Thread.run(Thread.java:833)",
        "\tat ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:241)",
        "\tat ca.uhn.fhir.rest.server.RestfulServer.handleRequest(RestfulServer.java:1132)"], r.randint(2, 4))
    if caused:
        lines.append(f"Caused by: {caused[0]}: {caused[1]}")
        for _ in range(r.randint(2, 5)):
            p = r.choice(pkgs)
            c = r.choice(JCLS[p])
            lines.append(f"\tat {p}.{c}.{r.choice(['read', 'decode', 'validate', 'load'])}({c}.java:{r.randint(20, 600)})")
        lines.append(f"\t... {r.randint(8, 40)} more")
    return "\n".join(lines)


def _env_bits(r):
    return dict(ver=version(r), build=f"{r.randint(1000, 99999)}", jvm=r.choice(["17.0.9+9", "21.0.2+13-LTS", "11.0.22+7", "17.0.11"]),
                host=f"{r.choice(['app', 'ie', 'fhir', 'claims'])}-{r.choice(['prd', 'stg', 'uat'])}-{r.randint(1, 12):02d}", ip=server_ip(r),
                sha=rhex(r, 40), uuid=rand_uuid(r))


def st_jira_wiki_npe(r):
    used = set()
    rep, asg, c = [distinct_name(r, used) for _ in range(3)]
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    tr = java_trace(r, "java.lang.NullPointerException", "Cannot invoke \"String.trim()\" because the return value of \"ca.uhn.hl7v2.model.v251.datatype.XAD.getCity()\" is null")
    tpl = T("""
        h3. «key»: NPE in address mapper when PID-11 has no city component
        *Reporter:* «rep» | *Assignee:* «asg» | *Priority:* Critical | *Created:* «created»
        *Environment:* «host» ({{«ip»}}), build {{«ver»-b«build»}}, JDK «jvm»

        Channel stops after the first bad message, queue backs up. Messages themselves are fine, they just omit the city when the address is a PO box.

        {noformat}
        «ts» ERROR [«th»] c.m.i.h.XadMapper - mapping failed, correlationId=«uuid»
        «trace»
        {noformat}

        [~«h»] this started after commit {{«short»}}. Proposed: null-safe trim + unit test with empty component.

        «c» added a comment - «created2»
        Reproduced on stg with the sample in {{src/test/resources/hl7/adt_a04_no_city.hl7}}. PR is up.
    """)
    return render(tpl, key=ticket_key(r, "INTEG"), rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()),
                  created=f"{cd.isoformat()} {r.randint(7, 19):02d}:{r.randint(0, 59):02d}", host=e["host"], ip=e["ip"], ver=e["ver"],
                  build=e["build"], jvm=e["jvm"], ts=log_ts(r, cd), th=r.choice(THREADS), uuid=e["uuid"], trace=tr,
                  h=D(jira_handle(asg, r), "person_name"), short=e["sha"][:8], c=sdoc(c.first_last()),
                  created2=f"{(cd + dt.timedelta(days=1)).strftime('%d/%b/%y')} {r.randint(1, 12)}:{r.randint(10, 59)} {r.choice(['AM', 'PM'])}")


def st_markdown_caused_by(r):
    used = set()
    rep, asg = distinct_name(r, used), distinct_name(r, used)
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    tr = java_trace(r, "org.springframework.dao.DataIntegrityViolationException",
                    "could not execute statement; SQL [n/a]; constraint [uq_encounter_visit]",
                    caused=("org.postgresql.util.PSQLException", f"ERROR: duplicate key value violates unique constraint \"uq_encounter_visit\"\n  Detail: Key (tenant_id, source_key)=({r.randint(1, 40)}, {rand_uuid(r)}) already exists."))
    tpl = T("""
        ## «key» Duplicate key on encounter upsert under concurrent A08s

        **Reporter:** @«rh» **Assignee:** @«ah»
        **Version:** «ver» (build «build»), Postgres «pg», 3 replicas behind «ip»:8443

        When two A08s for the same visit arrive within ~50 ms, both threads try to insert. Seen «n» times since «since».

        ```
        «trace»
        ```

        ### Expected
        Upsert (`ON CONFLICT DO UPDATE`) or a per-visit lock.

        ### Notes
        - Kafka partition key is the source key, but the retry topic is not partitioned the same way.
        - Related: «rel1», «rel2»
    """)
    return render(tpl, key=ticket_key(r, "EHR"), rh=D(jira_handle(rep, r), "person_name"), ah=D(jira_handle(asg, r), "person_name"),
                  ver=e["ver"], build=e["build"], pg=f"{r.randint(13, 16)}.{r.randint(1, 9)}", ip=e["ip"], n=str(r.randint(3, 80)),
                  since=cd.isoformat(), trace=tr, rel1=ticket_key(r, "EHR"), rel2=ticket_key(r, "INTEG"))


def st_log_excerpt_pods(r):
    used = set()
    rep = distinct_name(r, used)
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    pods = [f"claims-api-{rhex(r, 9)}-{rhex(r, 5)}" for _ in range(2)]
    tr = java_trace(r, "java.net.SocketTimeoutException", "Read timed out", depth=6)
    lines = []
    for t in log_times(r, cd, 5, "iso"):
        lines.append(f"{t} {r.choice(['WARN', 'ERROR', 'INFO'])} {r.randint(1, 9)} --- [{r.choice(THREADS)}] "
                     f"{r.choice(['c.n.c.e.EligibilityClient', 'c.n.c.e.ClaimAdjudicator', 'o.a.h.i.e.RetryExec'])} : "
                     f"{r.choice(['I/O exception (java.net.SocketTimeoutException) caught when processing request', 'retrying request to {s}->https://eligibility.partner.example:443', 'circuit breaker OPEN for eligibility', 'trace_id=' + rhex(r, 32) + ' span_id=' + rhex(r, 16)])}")
    tpl = T("""
        Title: 271 eligibility calls time out after partner cert rotation
        Reported by: «rep» — «created»
        Cluster: prod-east, namespace claims, pods «p1», «p2» («ip1», «ip2»)

        Logs (kubectl logs --since=1h):
        «lines»
        «trace»

        The partner endpoint resolves to «ext» now; our egress allowlist still has the old range. Opened FW change «chg».
    """)
    return render(tpl, rep=sdoc(rep.first_last()), created=log_ts(r, cd, "iso_off"), p1=pods[0], p2=pods[1], ip1=server_ip(r), ip2=server_ip(r),
                  lines="\n".join(lines), trace=tr, ext=f"{r.randint(13, 54)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                  chg=f"CHG{digits(r, 7)}")


def st_env_table_oom(r):
    used = set()
    rep, asg = distinct_name(r, used), distinct_name(r, used)
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    tr = java_trace(r, "java.lang.OutOfMemoryError", "Java heap space", depth=7)
    tpl = T("""
        *Summary:* Nightly bulk $export job OOMs on Patient resources > 2M
        ||Field||Value||
        |Issue|«key»|
        |Reporter|«rep»|
        |Assignee|«asg»|
        |Build|«ver» ({{«sha»}})|
        |JVM|«jvm», -Xmx4g, G1|
        |Host|«host» / «ip»|
        |Job id|«uuid»|
        |First seen|«first»|

        {code:java}
        «trace»
        {code}

        Heap dump (hprof, 3.9 GB) is on the jump box under /dumps/«dumpname». Dominator: ArrayList<Patient> held by NdjsonWriter — we buffer the whole page set instead of streaming.
    """)
    return render(tpl, key=ticket_key(r, "FHIR"), rep=sdoc(rep.first_last()), asg=sdoc(asg.first_last()), ver=e["ver"], sha=e["sha"][:12],
                  jvm=e["jvm"], host=e["host"], ip=e["ip"], uuid=e["uuid"], first=log_ts(r, cd, "iso"), trace=tr,
                  dumpname=f"java_pid{r.randint(1000, 65000)}.hprof")


def st_comment_thread_fixed(r):
    used = set()
    a, b, c = [distinct_name(r, used) for _ in range(3)]
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    tr = java_trace(r, "java.lang.IllegalArgumentException", "Invalid date format for PID-7: '00000000'", depth=5)
    fixv = version(r)
    tpl = T("""
        «key» — ADT inbound rejects PID-7 of all zeros instead of treating as unknown

        «a» created issue — «t0»
        Some sending systems send 00000000 in PID-7 when the birth date is unknown. We throw:
        {noformat}
        «trace»
        {noformat}

        «b» commented — «t1»
        @«ch» per the interface spec we should map it to null and set the data-absent-reason extension. I'll take it.

        «c» commented — «t2»
        Agreed. Also 19000101 is used as "unknown" by one site, please include it.

        «b» commented — «t3»
        Fixed in «fixv» (PR #«pr», commit «sha»). Deployed to stg-2 at «dep».

        «a» changed the status to Resolved — «t4»
    """)
    ts = [f"{(cd + dt.timedelta(days=i)).strftime('%b %d, %Y')}, {r.randint(1, 12)}:{r.randint(10, 59)} {r.choice(['AM', 'PM'])}" for i in range(5)]
    return render(tpl, key=ticket_key(r, "HL7"), a=sdoc(a.first_last()), b=sdoc(b.first_last()), c=sdoc(c.first_last()), t0=ts[0], t1=ts[1],
                  t2=ts[2], t3=ts[3], t4=ts[4], trace=tr, ch=D(jira_handle(c, r), "person_name"), fixv=fixv, pr=str(r.randint(100, 3000)),
                  sha=e["sha"][:10], dep=log_ts(r, cd + dt.timedelta(days=3), "iso"))


def st_spring_startup(r):
    used = set()
    rep = distinct_name(r, used)
    e = _env_bits(r)
    cd = rdate(r, 2023, 2025)
    dbip = server_ip(r)
    tpl = T("""
        Bug: portal-api fails to start in UAT after secrets rotation
        Reporter: «rep»   Environment: uat   Version: «ver»   Created: «created»

        ```
          .   ____          _            __ _ _
         /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\
        ( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\
          :: Spring Boot ::                (v3.«sb»)

        «l1»  INFO «pid» --- [           main] c.c.portal.PortalApiApplication          : Starting PortalApiApplication v«ver» using Java «jvm» with PID «pid»
        «l2» ERROR «pid» --- [           main] o.s.boot.SpringApplication               : Application run failed

        «trace»
        ```

        JDBC URL is jdbc:postgresql://«dbip»:5432/portal?sslmode=verify-full; password in vault path secret/uat/portal-api was rotated at «rot» but the pod kept the old lease.
    """)
    lts = log_times(r, cd, 2, "dot")
    tr = java_trace(r, "org.springframework.beans.factory.BeanCreationException", "Error creating bean with name 'entityManagerFactory'",
                    caused=("org.postgresql.util.PSQLException", "FATAL: password authentication failed for user \"portal_app\""))
    return render(tpl, rep=sdoc(rep.first_last()), ver=e["ver"], created=f"{cd.isoformat()} {r.randint(8, 18)}:{r.randint(10, 59)}",
                  sb=f"{r.randint(1, 3)}.{r.randint(0, 9)}", l1=lts[0], l2=lts[1], pid=str(r.randint(1, 32000)),
                  jvm=e["jvm"], trace=tr, dbip=dbip, rot=log_ts(r, cd, "iso"))


# ==========================================================================
# clean family: clean_meeting_notes
# ==========================================================================
def _bridge(r):
    a, e, n = nanp(r)
    return dict(num=r.choice([f"+1 {a} {e} {n}", f"+1 {a}-{e}-{n}", f"({a}) {e}-{n}", f"{a}.{e}.{n}"]),
                mid=f"{digits(r, 3)} {digits(r, 4)} {digits(r, 4)}", pc=digits(r, r.choice([6, 8])),
                conf=f"{digits(r, 3)} {digits(r, 3)} {digits(r, 3)}#")


def _attendees(r, k, used, style):
    ppl = [distinct_name(r, used) for _ in range(k)]
    if style == "at":
        return ppl, join(" ", [["@", D(p.first_last(), "person_name")] for p in ppl])
    if style == "bullets":
        return ppl, join("\n", [["* ", D(p.first_last(), "person_name"), " (", r.choice(["Clinical Informatics", "Interfaces", "Revenue Cycle", "Nursing", "HIM", "Pharmacy", "IT Security", "Vendor - Clarus"]), ")"] for p in ppl])
    return ppl, join(", ", [D(p.first_last(), "person_name") for p in ppl])


def mn_confluence_template(r):
    used = set()
    ppl, att = _attendees(r, r.randint(4, 7), used, "at")
    d = rdate(r, 2023, 2025)
    tpl = T("""
        h1. «date» Interface Team Weekly
        h2. Date
        «date»
        h2. Attendees
        «att»
        h2. Goals
        * Review go-live readiness for the lab interface cutover
        * Triage open P1/P2 tickets

        h2. Discussion items
        ||Time||Item||Who||Notes||
        |5 min|Cutover runbook|«p0»|Dry run on «dry» went OK; rollback took 14 min.|
        |10 min|«k1» ORU flag mapping|«p1»|Fix in «v1», needs regression on stg.|
        |10 min|Vendor cert rotation|«p2»|New cert expires «exp»; install window Tue 22:00.|

        h2. Action items
        [] «p1» — confirm mapping table version with lab
        [] «p2» — open CHG for cert install
        [x] «p0» — share runbook link
    """)
    return render(tpl, date=d.isoformat(), att=att, p0=["@", D(ppl[0].first_last(), "person_name")],
                  p1=["@", D(ppl[1].first_last(), "person_name")], p2=["@", D(ppl[2].first_last(), "person_name")],
                  dry=fdate(d - dt.timedelta(days=2), "us"), k1=ticket_key(r, "LAB"), v1=version(r), exp=fdate(d + dt.timedelta(days=60), "iso"))


def mn_zoom_markdown(r):
    used = set()
    ppl, att = _attendees(r, r.randint(3, 6), used, "plain")
    d = rdate(r, 2023, 2025)
    b = _bridge(r)
    tpl = T("""
        # Revenue Cycle / IT sync — «date»

        **Join Zoom:** https://«org».zoom.us/j/«midn»?pwd=«pwd»
        Meeting ID: «mid» · Passcode: «pc»
        Dial by your location: «num» US
        Find your local number: https://«org».zoom.us/u/«u»

        **Present:** «att»
        **Notes:** «scribe»

        ## Agenda
        1. 835 auto-posting error rate (was 4.1%, now 1.3% after «k»)
        2. Denials dashboard — refresh moved to 05:30 ET
        3. Clearinghouse outage on «out» — root cause from vendor still pending

        ## Decisions
        - Freeze on payer mapping changes until month-end close («close»).
        - «owner» owns the vendor follow-up.

        Next meeting: «next», same link.
    """)
    return render(tpl, date=d.strftime("%B %d, %Y"), org=r.choice(["lakeshorehealth", "mercyvalley", "northwind"]), midn=digits(r, 11),
                  pwd=rhex(r, 24), mid=b["mid"], pc=b["pc"], num=b["num"], u=rhex(r, 10), att=att, scribe=D(ppl[-1].first_last(), "person_name"),
                  k=ticket_key(r, "RCM"), out=fdate(d - dt.timedelta(days=r.randint(2, 9)), "us_np"), close=fdate(d + dt.timedelta(days=12), "abbr"),
                  owner=D(ppl[0].first_last(), "person_name"), next=fdate(d + dt.timedelta(days=14), "long"))


def mn_teams_invite_notes(r):
    used = set()
    ppl, att = _attendees(r, r.randint(4, 8), used, "bullets")
    d = rdate(r, 2023, 2025)
    b = _bridge(r)
    tpl = T("""
        Subject: EHR Upgrade Steering — notes «date»

        ________________________________________________________________________________
        Microsoft Teams meeting
        Join on your computer, mobile app or room device
        Click here to join the meeting
        Meeting ID: «mid»
        Passcode: «pc»
        Or call in (audio only)
        «num»,,«confn»#   United States, Boston
        Phone Conference ID: «conf»
        ________________________________________________________________________________

        Attendees:
        «att»

        1. Upgrade date confirmed: «go» 01:00–05:00 downtime.
        2. Build freeze starts «freeze». Exceptions via «owner».
        3. Test scripts: 82% passed, 11 open defects (3 critical: «k1», «k2», «k3»).
        4. Downtime procedures refresher for nursing — «nurse» to schedule.
    """)
    return render(tpl, date=fdate(d, "us"), mid=b["mid"], pc=b["pc"], num=b["num"], confn=digits(r, 9), conf=b["conf"], att=att,
                  go=fdate(d + dt.timedelta(days=r.randint(20, 60)), "long"), freeze=fdate(d + dt.timedelta(days=10), "us"),
                  owner=D(ppl[0].first_last(), "person_name"), k1=ticket_key(r, "EHR"), k2=ticket_key(r, "EHR"), k3=ticket_key(r, "EHR"),
                  nurse=D(ppl[1].first_last(), "person_name"))


def mn_retro(r):
    used = set()
    ppl, att = _attendees(r, r.randint(4, 6), used, "plain")
    d = rdate(r, 2023, 2025)
    sp = r.randint(30, 120)
    tpl = T("""
        Sprint «sp» Retrospective («s» – «e»)
        Facilitator: «fac» · Team: «att»

        :) Went well
        - Shipped FHIR $everything paging («k1»), p95 down from 2.4 s to 640 ms
        - Pairing on the HL7 parser refactor
        :| Could improve
        - Flaky e2e test `PatientSearchIT.searchByBirthdate` (timezone) — quarantine until fixed
        - Stg deploys blocked 2 days by expired cert on «ip»
        :( Didn't go well
        - Story points: committed 42, done 29

        Action items
        - «p1»: fix TZ in test fixture clock (use 2000-01-01T00:00:00Z)
        - «p2»: add cert expiry alert (30 days)
    """)
    return render(tpl, sp=str(sp), s=fdate(d, "abbr"), e=fdate(d + dt.timedelta(days=13), "abbr"), fac=D(ppl[0].first_last(), "person_name"),
                  att=att, k1=ticket_key(r, "FHIR"), ip=server_ip(r), p1=D(ppl[1].first_last(), "person_name"), p2=D(ppl[2].first_last(), "person_name"))


def mn_minutes_formal(r):
    used = set()
    ppl = [distinct_name(r, used) for _ in range(r.randint(5, 8))]
    reg = [distinct_name(r, used) for _ in range(2)]
    d = rdate(r, 2023, 2025)
    b = _bridge(r)
    titles = ["MD, CMIO", "RN, CNIO", "Director, Applications", "Pharmacy Informatics", "Compliance Officer", "Privacy Officer",
              "VP Revenue Cycle", "Manager, Integration"]
    tpl = T("""
        CLINICAL INFORMATICS COMMITTEE — MINUTES
        Meeting date: «date»   Location: Conf Rm 4B / dial-in «num», access code «conf»

        Present: «present»
        Regrets: «regrets»

        1. Call to order at «t» by the chair, «chair».
        2. Minutes of the previous meeting approved (motion «m1», second «m2»).
        3. Sepsis BPA revision — reviewed alert burden data (Q«q»: 1,842 firings, 31% acted on). Committee approved raising the lactate threshold per the CDS page.
        4. Downtime report: 2 unplanned outages («o1», «o2»), both < 20 min.
        5. Next meeting «next».
    """)
    return render(tpl, date=d.strftime("%A, %B %d, %Y"), num=b["num"], conf=b["conf"],
                  present=join("; ", [[D(p.first_last(), "person_name"), ", ", r.choice(titles)] for p in ppl]),
                  regrets=join("; ", [D(p.first_last(), "person_name") for p in reg]), t=f"{r.randint(7, 16)}:{r.choice(['00', '02', '05'])}",
                  chair=D("Dr. " + ppl[0].family, "person_name"), m1=D(ppl[1].family, "person_name"), m2=D(ppl[2].family, "person_name"),
                  q=str(r.randint(1, 4)), o1=fdate(d - dt.timedelta(days=r.randint(3, 20)), "us_np"), o2=fdate(d - dt.timedelta(days=r.randint(21, 40)), "us_np"),
                  next=fdate(d + dt.timedelta(days=28), "long"))


def mn_postmortem(r):
    used = set()
    ppl, att = _attendees(r, r.randint(4, 6), used, "at")
    d = rdate(r, 2023, 2025)
    t0 = dt.datetime(d.year, d.month, d.day, r.randint(0, 20), r.randint(0, 59))
    tl = []
    tcur = t0
    for i, ev in enumerate(["PagerDuty alert: ADT queue depth > 5000 on ie-prd-02",
                            f"On-call ({ppl[1].first_last()}) acknowledges", "Identified stuck MLLP connection to lab system",
                            "Restarted ADT_OUT channel; queue draining", "Queue back to normal, incident resolved"]):
        tcur = tcur + dt.timedelta(minutes=0 if i == 0 else r.randint(4, 19))
        ts = tcur.strftime("%Y-%m-%dT%H:%MZ")
        if ppl[1].first_last() in ev:
            tl.append(["| ", ts, " | On-call (", D(ppl[1].first_last(), "person_name"), ") acknowledges |"])
        else:
            tl.append(f"| {ts} | {ev} |")
    tpl = T("""
        # Post-incident review: «inc» — ADT outbound backlog

        Date of review: «date» · Attendees: «att»
        Severity: SEV-2 · Duration: 1h 12m · Customer impact: bed board and lab orders delayed

        ## Timeline (UTC)
        | Time | Event |
        |---|---|
        «tl»

        ## Root cause
        TCP keepalive disabled on the new load balancer VIP («vip»:6661). Half-open connection never reset.

        ## Follow-ups
        - [ ] «k1» enable keepalive / idle timeout 300 s
        - [ ] «k2» alert on queue depth growth rate, not absolute depth
    """)
    return render(tpl, inc=f"INC-{r.randint(1000, 9999)}", date=d.isoformat(), att=att, tl=join("\n", tl), vip=server_ip(r),
                  k1=ticket_key(r, "OPS"), k2=ticket_key(r, "OPS"))


# ==========================================================================
# clean family: clean_validator_diff
# ==========================================================================
def vd_java_ssn(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    tpl = T("""
        Pull request #«pr»: SsnValidator: reject 000 group/serial and 9xx areas
        «dev» wants to merge feature/«br» into develop · Reviewers: «rv»

        diff --git a/core/src/main/java/org/clarus/ehr/validation/SsnValidator.java b/core/src/main/java/org/clarus/ehr/validation/SsnValidator.java
        index «h1»..«h2» 100644
        --- a/core/src/main/java/org/clarus/ehr/validation/SsnValidator.java
        +++ b/core/src/main/java/org/clarus/ehr/validation/SsnValidator.java
        @@ -14,9 +14,16 @@ public final class SsnValidator {
             private static final Pattern SSN = Pattern.compile("^(\\\\d{3})-?(\\\\d{2})-?(\\\\d{4})$");
         
             public static boolean isValid(String raw) {
                 Matcher m = SSN.matcher(raw == null ? "" : raw.trim());
                 if (!m.matches()) return false;
        -        return !m.group(1).equals("000");
        +        int area = Integer.parseInt(m.group(1));
        +        if (area == 0 || area == 666 || area >= 900) return false;
        +        if (m.group(2).equals("00")) return false;
        +        if (m.group(3).equals("0000")) return false;
        +        return true;
             }
        diff --git a/core/src/test/java/org/clarus/ehr/validation/SsnValidatorTest.java b/core/src/test/java/org/clarus/ehr/validation/SsnValidatorTest.java
        index «h3»..«h4» 100644
        --- a/core/src/test/java/org/clarus/ehr/validation/SsnValidatorTest.java
        +++ b/core/src/test/java/org/clarus/ehr/validation/SsnValidatorTest.java
        @@ -8,6 +8,14 @@ class SsnValidatorTest {
           @ParameterizedTest
        -  @ValueSource(strings = {"000-00-0000"})
        +  @ValueSource(strings = {"000-00-0000", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "12-345-6789", "abc-de-fghi"})
           void rejectsInvalid(String s) { assertFalse(SsnValidator.isValid(s)); }
        +
        +  @Test
        +  void acceptsDocumentedExample() {
        +    // the SSA-documented example value used throughout our docs
        +    assertTrue(SsnValidator.isValid("123-45-6789"));
        +    assertTrue(SsnValidator.isValid("123456789"));
        +  }
         }
    """)
    return render(tpl, pr=str(r.randint(100, 4000)), dev=sdoc(dev.first_last()), br=f"{ticket_key(r, 'EHR').lower()}-ssn-ranges",
                  rv=sdoc(rv.first_last()), h1=rhex(r, 7), h2=rhex(r, 7), h3=rhex(r, 7), h4=rhex(r, 7))


def vd_python_mbi(r):
    used = set()
    dev = distinct_name(r, used)
    tpl = T("""
        commit «sha»
        Author: «dev» <«mail»>
        Date:   «date»

            mbi: enforce CMS position rules (no S, L, O, I, B, Z)

        diff --git a/payer/validators/mbi.py b/payer/validators/mbi.py
        --- a/payer/validators/mbi.py
        +++ b/payer/validators/mbi.py
        @@ -1,12 +1,20 @@
         import re
        -MBI_RE = re.compile(r"^[0-9A-Z]{11}$")
        +_L = "[AC-HJKMNP-RT-Y]"          # letters allowed by CMS
        +_A = "[AC-HJKMNP-RT-Y0-9]"
        +MBI_RE = re.compile(rf"^[1-9]{_L}{_A}\\d{_L}{_A}\\d{_L}{_L}\\d\\d$")
         
         def normalize(s: str) -> str:
             return s.replace("-", "").replace(" ", "").upper()
         
         def is_valid_mbi(s: str) -> bool:
             return bool(MBI_RE.match(normalize(s)))
        diff --git a/payer/tests/test_mbi.py b/payer/tests/test_mbi.py
        --- a/payer/tests/test_mbi.py
        +++ b/payer/tests/test_mbi.py
        @@ -3,7 +3,13 @@ from payer.validators.mbi import is_valid_mbi
         def test_cms_example():
             assert is_valid_mbi("1EG4-TE5-MK73")
        +    assert is_valid_mbi("1eg4te5mk73")
         
        +@pytest.mark.parametrize("bad", ["0EG4-TE5-MK73", "1SG4-TE5-MK73", "1EG4-TE5-MK7", "1EG4-TE5-MKZ3", "", "ABCDEFGHIJK"])
        +def test_rejects(bad):
        +    assert not is_valid_mbi(bad)
    """)
    d = rdate(r, 2023, 2025)
    return render(tpl, sha=rhex(r, 40), dev=sdoc(dev.first_last()), mail=D(staff_email(dev, r.choice(DOMAINS)), "staff_contact"),
                  date=d.strftime("%a %b %d ") + f"{r.randint(8, 20)}:{r.randint(10, 59)}:{r.randint(10, 59)} {d.year} +0000")


def vd_ts_phone(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    tpl = T("""
        «key» phone normalizer: accept extensions, reject N11 exchanges
        Author: @«dh» · Approved by @«rh»

        --- a/src/validation/phone.ts
        +++ b/src/validation/phone.ts
        @@ -1,9 +1,15 @@
        -const NANP = /^\\(?(\\d{3})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})$/;
        +const NANP = /^(?:\\+?1[-. ]?)?\\(?([2-9]\\d\\d)\\)?[-. ]?([2-9]\\d\\d)[-. ]?(\\d{4})(?:\\s*(?:x|ext\\.?)\\s*(\\d{1,5}))?$/i;
         
         export function normalizePhone(raw: string): string | null {
           const m = NANP.exec(raw.trim());
           if (!m) return null;
        +  if (m[2].endsWith("11")) return null; // N11 service codes are not subscriber numbers
           return `+1${m[1]}${m[2]}${m[3]}`;
         }
        --- a/src/validation/phone.test.ts
        +++ b/src/validation/phone.test.ts
        @@ -4,6 +4,12 @@ describe("normalizePhone", () => {
           it("normalizes fictional numbers", () => {
             expect(normalizePhone("(617) 555-0123")).toBe("+16175550123");
        +    expect(normalizePhone("617-555-0199 x204")).toBe("+16175550199");
        +    expect(normalizePhone("+1 212 555 0100")).toBe("+12125550100");
           });
        +  it("rejects junk", () => {
        +    expect(normalizePhone("555-0123")).toBeNull();
        +    expect(normalizePhone("000-000-0000")).toBeNull();
        +  });
         });
    """)
    return render(tpl, key=ticket_key(r, "PORTAL"), dh=D(jira_handle(dev, r), "person_name"), rh=D(jira_handle(rv, r), "person_name"))


def vd_npi_luhn(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    tpl = T("""
        PR !«pr» — NpiValidator: apply the 80840 prefix before Luhn
        Source: «dev»   Target: main   Pipeline: #«pipe» passed («dur»)

        diff --git a/Claims.Validation/NpiValidator.cs b/Claims.Validation/NpiValidator.cs
        @@ -10,11 +10,14 @@ public static class NpiValidator
             public static bool IsValid(string npi)
             {
                 if (string.IsNullOrWhiteSpace(npi) || npi.Length != 10 || !npi.All(char.IsDigit)) return false;
        -        return Luhn.Check(npi);
        +        // CMS: prefix 80840 to the 10-digit NPI before computing the Luhn check digit
        +        return Luhn.Check("80840" + npi);
             }
        diff --git a/Claims.Validation.Tests/NpiValidatorTests.cs b/Claims.Validation.Tests/NpiValidatorTests.cs
        @@ -5,8 +5,10 @@ public class NpiValidatorTests
        -    [InlineData("1234567890", true)]
        +    [InlineData("1234567893", true)]   // CMS example NPI
        +    [InlineData("1234567890", false)]
             [InlineData("0000000000", false)]
        +    [InlineData("123456789", false)]
             public void Validates(string npi, bool expected) => Assert.Equal(expected, NpiValidator.IsValid(npi));

        Review («rv»): LGTM. Could we also log the payer id (not the NPI) on failure?
    """)
    return render(tpl, pr=str(r.randint(10, 900)), dev=sdoc(dev.first_last()), pipe=str(r.randint(10000, 99999)),
                  dur=f"{r.randint(2, 14)}m {r.randint(0, 59)}s", rv=sdoc(rv.first_last()))


def vd_zip_and_dates(r):
    used = set()
    dev = distinct_name(r, used)
    tpl = T("""
        diff --git a/intake/validators/address.go b/intake/validators/address.go
        index «h1»..«h2» 100644
        --- a/intake/validators/address.go
        +++ b/intake/validators/address.go
        @@ -22,7 +22,12 @@ var zipRe = regexp.MustCompile(`^\\d{5}(-\\d{4})?$`)
         func ValidZip(z string) bool {
        -	return zipRe.MatchString(z)
        +	if !zipRe.MatchString(z) {
        +		return false
        +	}
        +	// 00000 is a placeholder some feeds send for "unknown"
        +	return !strings.HasPrefix(z, "00000")
         }
        diff --git a/intake/validators/address_test.go b/intake/validators/address_test.go
        --- a/intake/validators/address_test.go
        +++ b/intake/validators/address_test.go
        @@ -9,6 +9,11 @@ func TestValidZip(t *testing.T) {
         	cases := map[string]bool{
        -		"1234":  false,
        +		"1234":       false,
        +		"00000":      false,
        +		"00000-0000": false,
        +		"ABCDE":      false,
        +		"9999":       false,
         	}
        @@ -30,4 +35,9 @@ func TestValidBirthDate(t *testing.T) {
        +	// sentinels and impossible dates must be rejected
        +	for _, s := range []string{"0000-00-00", "1900-01-01", "9999-12-31", "2023-02-30", "19000101"} {
        +		if ValidBirthDate(s, now) {
        +			t.Errorf("%s accepted", s)
        +		}
        +	}
         }
        --
        «dev» · signed-off-by · CI run «run»
    """)
    return render(tpl, h1=rhex(r, 7), h2=rhex(r, 7), dev=sdoc(dev.first_last()), run=rand_uuid(r))


def vd_hl7_pid_rules(r):
    used = set()
    dev, rv = distinct_name(r, used), distinct_name(r, used)
    tpl = T("""
        «key»: PID validation rules for inbound ADT (config diff)
        Author: «dev» · Reviewer: «rv» · «date»

        --- a/config/validation/pid-rules.yaml
        +++ b/config/validation/pid-rules.yaml
        @@ -1,14 +1,22 @@
         rules:
           - field: PID-3
             required: true
        -    pattern: "^[0-9]{7,10}$"
        +    pattern: "^[A-Z]{0,3}[0-9]{6,10}$"
        +    example: "ABC0000000"
           - field: PID-7
             required: false
        +    reject: ["00000000", "99999999"]
        +    example: "19700101"
           - field: PID-19
        -    pattern: "^\\\\d{9}$"
        +    pattern: "^\\\\d{3}-?\\\\d{2}-?\\\\d{4}$"
        +    reject: ["000000000", "123456789", "999999999"]
        +    example: "000-00-0000"
           - field: PID-13
        +    normalize: e164
        +    example: "^PRN^PH^^1^555^0100"
    """)
    d = rdate(r, 2023, 2025)
    return render(tpl, key=ticket_key(r, "HL7"), dev=sdoc(dev.first_last()), rv=sdoc(rv.first_last()), date=d.isoformat())


# ==========================================================================
# clean family: clean_release_notes
# ==========================================================================
def rn_markdown(r):
    used = set()
    contrib = [distinct_name(r, used) for _ in range(3)]
    d = rdate(r, 2023, 2025)
    v = version(r)
    tpl = T("""
        ## «v» («date»)

        ### Features
        - FHIR: `Patient/$match` now returns `search.score` («k1»)
        - HL7: support for ADT^A47 (change patient identifier list) («k2»)
        - Admin: new policy flag `mask_birthdates_in_logs` (default: true)

        ### Fixes
        - Fixed time-zone shift of `Encounter.period.end` on DST boundaries («k3»)
        - Fixed NPE when PID-11 has no city (thanks @«c0»)
        - `X12Parser` no longer drops the last segment when the file has no trailing newline

        ### Upgrade notes
        - Requires Postgres 14+. Migration `V«mig»__encounter_tz.sql` runs in ~4 min per 10M rows.
        - Docker image: `registry.example.org/clarus/ehr-core:«v»` (digest `sha256:«dig»`)

        Contributors: «cs»
    """)
    return render(tpl, v=v, date=d.isoformat(), k1=ticket_key(r, "FHIR"), k2=ticket_key(r, "HL7"), k3=ticket_key(r, "EHR"),
                  c0=D(jira_handle(contrib[0], r), "person_name"), mig=str(r.randint(80, 400)), dig=rhex(r, 64),
                  cs=join(", ", [["@", D(jira_handle(c, r), "person_name")] for c in contrib]))


def rn_confluence_table(r):
    d = rdate(r, 2023, 2025)
    rows = []
    for _ in range(r.randint(5, 9)):
        summ = r.choice(["Bed board refresh lags after transfer", "Add Spanish translations to discharge AVS",
                         "Remit posting skips CAS*PR segments", "Lab result comments truncated at 255 chars",
                         "SSO timeout too short on shared workstations", "Printer mapping for 5 West",
                         "Upgrade Tomcat to 10.1." + str(r.randint(10, 30))])
        stat = r.choice(["Done", "Done", "Won't Fix", "Deferred"])
        key = ticket_key(r, r.choice(["EHR", "PORTAL", "RCM", "LAB"]))
        rows.append(f"|{key}|{summ}|{stat}|{r.choice(['Bug', 'Story', 'Task'])}|")
    tpl = T("""
        h1. Release «rel» — Production deployment
        {info}Deployed «when» by the release train. Build {{«build»}} from tag {{v«v»}}.{info}

        h2. Scope
        ||Key||Summary||Status||Type||
        «rows»

        h2. Servers
        * app tier: «ip1», «ip2» (rolling restart, no downtime)
        * interface engine: ie-prd-0«n» — channel redeploy only

        h2. Rollback
        Tag {{v«prev»}}; DB migration is backward compatible.
    """)
    return render(tpl, rel=f"{d.year}.{r.randint(1, 12)}", when=f"{d.isoformat()}T0{r.randint(1, 5)}:00:00Z", build=f"{d.strftime('%Y%m%d')}.{r.randint(1, 9)}",
                  v=version(r), rows="\n".join(rows), ip1=server_ip(r), ip2=server_ip(r), n=str(r.randint(1, 4)), prev=version(r))


def rn_customer_facing(r):
    d = rdate(r, 2023, 2025)
    a, e, n = nanp(r)
    tpl = T("""
        ClarusEHR «v» Release Notes
        General availability: «ga»

        What's new for clinicians
        • Medication reconciliation now shows the last fill date from Surescripts.
        • New sepsis screening flowsheet row (SIRS + qSOFA); see the CDS configuration guide.
        • ICD-10-CM «fy» code set loaded (e.g. new codes under E11 and I50).

        What's new for administrators
        • Break-the-glass reasons are configurable per department.
        • Audit export adds the user's workstation ID.

        Known issues
        • «k1»: Printing a discharge packet with more than 40 pages may time out in Internet Explorer mode.
        • «k2»: The "Age ≥ 90" de-identification rule does not apply to free-text comments in reports exported before «v».

        Support: «sup» (24x7) · «supm» · Knowledge base article KB«kb»
    """)
    return render(tpl, v=f"{d.year % 100}.{r.randint(1, 4)}", ga=fdate(d, "long"), fy=f"FY{d.year + 1}", k1=ticket_key(r, "CLAR"),
                  k2=ticket_key(r, "CLAR"), supm=D("support@clarusehr.io", "staff_contact"), sup=D(f"1-{r.choice(['800', '888', '877'])}-{e}-{n}", "staff_contact"), kb=digits(r, 6))


def rn_changelog(r):
    d = rdate(r, 2023, 2025)
    maj, mi = r.randint(2, 14), r.randint(3, 12)
    vs = [f"{maj}.{mi}.{r.randint(0, 9)}", f"{maj}.{mi - 1}.{r.randint(0, 9)}", f"{maj}.{mi - 3}.0"]
    tpl = T("""
        # Changelog
        All notable changes to this project will be documented in this file.
        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and this project adheres to Semantic Versioning.

        ## [Unreleased]
        ### Changed
        - Bump `hapi-fhir-structures-r4` to 7.«h».0

        ## [«v0»] - «d0»
        ### Added
        - `--dry-run` flag for the MPI merge CLI
        ### Fixed
        - Retry budget for 429 responses from the eligibility API (#«i1»)

        ## [«v1»] - «d1»
        ### Security
        - Patched CVE-«cy»-«cn» in the XML parser (XXE). Upgrade recommended.
        ### Removed
        - Legacy SOAP endpoint `/ws/PatientLookup` (deprecated since «v2»)

        [Unreleased]: https://bitbucket.example.org/projects/EHR/repos/mpi/compare/diff?targetBranch=refs/tags/v«v0»
    """)
    return render(tpl, h=str(r.randint(0, 4)), v0=vs[0], d0=d.isoformat(), i1=str(r.randint(100, 999)), v1=vs[1],
                  d1=(d - dt.timedelta(days=r.randint(20, 90))).isoformat(), cy=str(d.year - 1), cn=str(r.randint(20000, 49999)), v2=vs[2])


def rn_hotfix_email(r):
    used = set()
    rm, lead = distinct_name(r, used), distinct_name(r, used)
    d = rdate(r, 2023, 2025)
    tpl = T("""
        Subject: [Deployed] «prod» «rel» HF«hf» — PROD
        From: «rm» <«rmmail»>
        To: «dl»

        Team,

        Hotfix «rel» HF«hf» was deployed to PROD at «at» (window 02:00–03:00 ET). Build «build», artifact checksum «sum».

        Included:
          «k1»  Lab results: abnormal flag mapping (LAB_FLAGS v«lf»)
          «k2»  Eligibility: timeout raised from 10 s to 30 s

        Hosts: «h1» («ip1»), «h2» («ip2»). Smoke tests passed at «smoke».
        Rollback plan: redeploy build «prevb».

        Questions to «lead» or the release channel.
        «rm»
        Release Management
    """)
    dom = r.choice(DOMAINS)
    return render(tpl, prod=r.choice(["Interface Engine", "Patient Portal", "Claims Platform"]), rel=f"{d.year}.{r.randint(1, 4)}", hf=str(r.randint(1, 6)),
                  rm=sdoc(rm.first_last()), rmmail=D(staff_email(rm, dom), "staff_contact"), dl=D("it-change-notify@" + dom, "staff_contact"),
                  at=f"{d.isoformat()}T0{r.randint(2, 2)}:{r.randint(10, 55)}:00-04:00", build=f"{r.randint(2000, 9999)}",
                  sum=f"sha256:{rhex(r, 16)}…", k1=ticket_key(r, "LAB"), lf=str(r.randint(3, 9)), k2=ticket_key(r, "RCM"),
                  h1=f"app-prd-{r.randint(1, 9):02d}", ip1=server_ip(r), h2=f"app-prd-{r.randint(10, 19):02d}", ip2=server_ip(r),
                  smoke=f"{r.randint(2, 3)}:{r.randint(10, 59)} AM", prevb=str(r.randint(1000, 1999)), lead=sdoc(lead.first_last()))


def rn_mobile(r):
    d = rdate(r, 2023, 2025)
    tpl = T("""
        MyHealth app — What's New
        Version «v» (build «b») · Released «date» · Requires iOS 16 or Android 10+

        - Check in for appointments from the lock-screen notification
        - Proxy access: parents can view records for children under 12
        - Dark mode for the medication list
        - Bug fixes: messages with attachments over 10 MB now upload; Spanish date formats (14/03) display correctly

        Previous: «pv» («pd») — «pn»
    """)
    return render(tpl, v=f"{r.randint(4, 9)}.{r.randint(0, 20)}.{r.randint(0, 9)}", b=str(r.randint(1000, 30000)), date=fdate(d, "abbr"),
                  pv=f"{r.randint(3, 8)}.{r.randint(0, 20)}", pd=fdate(d - dt.timedelta(days=r.randint(14, 60)), "abbr"),
                  pn=r.choice(["performance improvements", "new login screen", "accessibility fixes"]))


# ==========================================================================
# clean family: clean_clinical_rule
# ==========================================================================
def cr_sepsis(r):
    used = set()
    own, rev = distinct_name(r, used), distinct_name(r, used)
    d = rdate(r, 2023, 2025)
    tpl = T("""
        h1. CDS Rule: Adult Sepsis Screening BPA (v«v»)
        *Owner:* «own» · *Clinical reviewer:* «rev» · *Last reviewed:* «d»

        h2. Purpose
        Prompt nurses to screen for sepsis and notify the provider when SIRS criteria and a suspected infection are present.

        h2. Inclusion
        * Inpatients and ED patients aged 18 and older
        * Excludes comfort-care orders and patients with an active sepsis order set in the last 24 h

        h2. Criteria (any 2 SIRS + suspected infection)
        ||Parameter||Threshold||
        |Temperature|> 38.3 °C or < 36.0 °C|
        |Heart rate|> 90 /min|
        |Respiratory rate|> 20 /min|
        |WBC|> 12,000 or < 4,000 /µL|
        |Lactate|≥ «lac» mmol/L (escalates to "severe")|

        h2. Suppress if the problem list contains
        A41.9 (sepsis, unspecified), R65.21 (severe sepsis with septic shock) already documented this encounter.

        h2. Actions
        # Order the sepsis bundle: blood cultures x2, lactate, 30 mL/kg lactated Ringer's for hypotension
        # Empiric antibiotics per antibiogram, e.g. piperacillin-tazobactam + vancomycin
        # Reassess lactate in 2-4 h

        _Change log: v«pv» → v«v» raised lactate threshold after committee review on «cd»._
    """)
    return render(tpl, v=f"{r.randint(2, 6)}.{r.randint(0, 9)}", own=sdoc(own.first_last() + ", RN"), rev=sdoc("Dr. " + rev.first_last()),
                  d=d.isoformat(), lac=r.choice(["2.0", "2.5", "4.0"]), pv=f"{r.randint(1, 2)}.{r.randint(0, 9)}", cd=fdate(d - dt.timedelta(days=20), "abbr"))


def cr_anticoag_interaction(r):
    used = set()
    own = distinct_name(r, used)
    tpl = T("""
        # Drug–drug interaction rule: warfarin + interacting antimicrobials

        Rule ID: DDI-«rid» · Severity: High · Owner: «own», PharmD · Status: Active

        **Trigger:** a new order for fluconazole, metronidazole, trimethoprim-sulfamethoxazole or ciprofloxacin when the patient has an active warfarin order.

        **Logic:**
        ```
        IF active_med(class = "vitamin K antagonist")
           AND new_order.ingredient IN ValueSet(«vs»)
        THEN show_alert(level = HIGH, override_reasons = ["monitoring INR", "short course"])
        ```

        **Recommended action:** check INR within 3–5 days; consider apixaban or rivaroxaban alternatives where appropriate (not in mechanical valves).

        **Do not fire for:** topical formulations; single-dose surgical prophylaxis with cefazolin.

        References: local anticoagulation guideline rev. «rev»; alert override rate target < 60%.
    """)
    return render(tpl, rid=str(r.randint(100, 999)), own=sdoc(own.first_last()), vs=f"2.16.840.1.113762.1.4.{r.randint(1000, 1300)}.{r.randint(1, 200)}",
                  rev=f"{r.randint(2019, 2024)}-{r.randint(1, 12):02d}")


def cr_fall_risk_elderly(r):
    used = set()
    own = distinct_name(r, used)
    tpl = T("""
        Fall Risk Protocol — Inpatient (Nursing Policy NUR-«n»)
        Approved by: Nursing Practice Council · Contact: «own»

        Scope: all adult inpatients. Patients aged 90 and older, and patients aged 65–89 with a fall in the last 6 months, are automatically scored as HIGH risk regardless of the Morse score.

        Triggers for reassessment: transfer, change in condition, new sedating medication (e.g. lorazepam, quetiapine, oxycodone), post-procedure.

        Interventions (HIGH):
        1. Bed alarm on, bed in lowest position, non-slip socks
        2. Hourly rounding (pain, potty, position, possessions)
        3. Pharmacy review for anticholinergic burden
        4. PT consult within 24 h

        Related codes for reporting: W19.XXXA (unspecified fall), R26.81 (unsteadiness on feet), Z91.81 (history of falling).
        Evidence: AHRQ Fall Prevention Toolkit; local rate target < 2.5 falls / 1,000 patient days.
    """)
    return render(tpl, n=str(r.randint(100, 400)), own=sdoc(own.first_last() + ", MSN, RN"))


def cr_hedis_measure(r):
    used = set()
    own = distinct_name(r, used)
    my = r.randint(2023, 2025)
    tpl = T("""
        ## Measure spec: Comprehensive Diabetes Care — HbA1c Poor Control (>9.0%) — MY «my»

        **Steward:** NCQA (HEDIS) · **Internal owner:** «own» (Quality Analytics)

        | Element | Definition |
        |---|---|
        | Denominator | Members 18–75 with diabetes (type 1 or type 2) as of Dec 31 |
        | Diabetes identification | ≥2 outpatient visits with E10.x/E11.x, or dispensed insulin or oral hypoglycemics (metformin, SGLT2, GLP-1 e.g. semaglutide) |
        | Numerator | Most recent HbA1c in MY > 9.0% or missing (lower is better) |
        | Codes | CPT II «c1» (HbA1c > 9.0%), «c2», «c3»; LOINC 4548-4, 17856-6 |
        | Exclusions | Hospice, members 66+ in I-SNP/LTC, frailty + advanced illness |

        Data sources: claims (837), lab feeds (ORU), EHR extracts. Refresh: monthly, 3rd business day.
        Run id for last refresh: «run»
    """)
    return render(tpl, my=str(my), own=sdoc(own.first_last()), run=rand_uuid(r), c1=D("3046F", "procedure_code"),
                  c2=D("3051F", "procedure_code"), c3=D("3052F", "procedure_code"))


def cr_cql_snippet(r):
    used = set()
    dev = distinct_name(r, used)
    tpl = T("""
        CDS Hooks service: «svc» — rule source (CQL «cqlv»)
        Maintainer: «dev» · repo cds-rules, tag v«v»

        ```cql
        library AKIRenalDosing version '«v»'
        using FHIR version '4.0.1'
        include FHIRHelpers version '4.0.1'

        valueset "Nephrotoxic Medications": 'http://example.org/fhir/ValueSet/nephrotoxic-meds'
        code "Creatinine [Mass/volume] in Serum or Plasma": '2160-0' from "LOINC"

        context Patient

        define "Baseline Creatinine":
          Min([Observation: "Creatinine [Mass/volume] in Serum or Plasma"] O
              where O.effective during Interval[Now() - 7 days, Now()]) 

        define "AKI Stage 1":
          "Latest Creatinine" >= 1.5 * "Baseline Creatinine"

        define "Show Card":
          "AKI Stage 1" and exists [MedicationRequest: "Nephrotoxic Medications"]
        ```

        Card text: "Possible acute kidney injury (creatinine ≥ 1.5× baseline). Review dosing of vancomycin, gentamicin, NSAIDs."
        Related diagnosis codes used for suppression: N17.9, N18.32.
    """)
    return render(tpl, svc=r.choice(["renal-dosing", "aki-alert"]), cqlv="1.5", dev=sdoc(dev.first_last()), v=f"{r.randint(1, 3)}.{r.randint(0, 9)}.{r.randint(0, 9)}")


def cr_vte_orderset(r):
    used = set()
    own, rev = distinct_name(r, used), distinct_name(r, used)
    tpl = T("""
        ORDER SET: VTE Prophylaxis — Adult Medical (OS-«n»)
        Version «v» · Effective «eff» · Authors: «own» (Pharmacy), «rev» (Hospital Medicine)

        Step 1 — Risk (Padua score): ≥ 4 = high risk.
        Step 2 — Bleeding risk: active bleeding, platelets < 50,000, recent neurosurgery → mechanical only.

        Pharmacologic options (choose one):
          [ ] enoxaparin 40 mg SC daily (CrCl ≥ 30)
          [ ] enoxaparin 30 mg SC daily (CrCl < 30)
          [ ] heparin 5,000 units SC q8h
          [ ] heparin 5,000 units SC q12h (weight < 50 kg or age ≥ 75)
        Mechanical:
          [ ] Sequential compression devices, both legs

        Do not order if already on therapeutic apixaban, rivaroxaban or warfarin.
        Documentation codes: Z79.01 (long-term anticoagulants) — for reporting only.
    """)
    d = rdate(r, 2023, 2025)
    return render(tpl, n=str(r.randint(1000, 9999)), v=f"{r.randint(3, 12)}", eff=fdate(d, "us"), own=sdoc(own.first_last() + ", PharmD"),
                  rev=sdoc(rev.first_last() + ", MD"))


# ==========================================================================
# clean family: clean_oncall_directory
# ==========================================================================
def _sphone(r, style=None, ext=False):
    return D(phone(r, style, ext), "staff_contact")


def oc_weekly_roster(r):
    used = set()
    d = rdate(r, 2023, 2025)
    d = d - dt.timedelta(days=d.weekday())
    rows = []
    for w in range(r.randint(4, 6)):
        p, b = distinct_name(r, used), distinct_name(r, used)
        rows.append(["|", fdate(d + dt.timedelta(days=7 * w), "us"), "|", D(p.first_last(), "person_name"), "|", _sphone(r, "dash"), "|",
                     D(b.first_last(), "person_name"), "|", D(f"pager {digits(r, 4)}", "staff_contact"), "|"])
    tpl = T("""
        h1. Interface Engine On-Call Rotation — «q»
        _Primary carries the phone; backup covers if no ack in 15 min. Escalate to manager after 30 min._

        ||Week of||Primary||Primary mobile||Backup||Backup pager||
        «rows»

        Manager escalation: «mgr», «mgrph»
        PagerDuty service: {{ie-prod}} · Bridge for P1: «bridge», code «code»
    """)
    mgr = distinct_name(r, used)
    b = _bridge(r)
    return render(tpl, q=f"Q{(d.month - 1) // 3 + 1} {d.year}", rows=join("\n", rows), mgr=D(mgr.first_last(), "person_name"),
                  mgrph=_sphone(r, "paren"), bridge=b["num"], code=b["conf"])


def oc_dept_extensions(r):
    used = set()
    rows = []
    for dep in r.sample(DEPTS, r.randint(6, 9)):
        p = distinct_name(r, used)
        rows.append(["| ", dep, " | ", D("Dr. " + p.first_last(), "person_name"), " | ", D(f"x{digits(r, 4)}", "staff_contact"), " | ",
                     D(f"{digits(r, 3)}-{digits(r, 4)}", "staff_contact"), " |"])
    tpl = T("""
        # Hospital On-Call Directory (Tonight)

        Operator: dial 0 from any house phone. Outside line: «main». Updated by the page operator at «upd».

        | Service | On call | Extension | Pager |
        |---|---|---|---|
        «rows»

        Rapid response: x5555 · Code blue: x2222 · Stroke alert: x7777
    """)
    return render(tpl, main=_sphone(r, "dash"), upd=f"{r.randint(16, 19)}:{r.choice(['00', '30'])}", rows=join("\n", rows))


def oc_pagerduty_csv(r):
    used = set()
    d = rdate(r, 2023, 2025)
    lines = ["schedule,start,end,user,email,phone"]
    rows = []
    for i in range(r.randint(5, 8)):
        p = distinct_name(r, used)
        s = dt.datetime(d.year, d.month, d.day, 9) + dt.timedelta(days=i)
        rows.append([r.choice(["FHIR API Primary", "Claims Primary", "Portal Secondary"]), ",", s.strftime("%Y-%m-%dT%H:%M:%S-04:00"), ",",
                     (s + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S-04:00"), ",", D(p.first_last(), "person_name"), ",",
                     D(staff_email(p, "medlinkhit.com"), "staff_contact"), ",", _sphone(r, "e164")])
    return ["# exported from PagerDuty ", d.isoformat(), " (schedules API), for the weekend coverage review\n", lines[0], "\n",
            join("\n", rows), "\n"]


def oc_operator_list(r):
    used = set()
    d = rdate(r, 2023, 2025)
    items = []
    for svc in r.sample(["Cardiology fellow", "Neurology resident", "GI attending", "Trauma surgery", "OB anesthesia", "Interventional radiology",
                         "Psychiatry consult", "Ortho resident", "Nephrology (dialysis)", "Pharmacy (inpatient)"], r.randint(5, 8)):
        p = distinct_name(r, used)
        items.append([svc, ": ", D(("Dr. " if "Pharmacy" not in svc else "") + p.first_last(), "person_name"), ", pager ",
                      D(f"{r.randint(2, 9)}-{digits(r, 4)}", "staff_contact"), r.choice(["", ["; cell ", _sphone(r)], ["; Vocera \"", svc.split()[0], " on call\""]])])
    tpl = T("""
        PAGE OPERATOR — ON-CALL LIST for «date» (07:00 to 07:00)

        «items»

        Nursing supervisor: «sup», «supph»
        If the listed person does not answer in 10 minutes, page the attending of record or call the operator.
    """)
    sup = distinct_name(r, used)
    return render(tpl, date=d.strftime("%A %m/%d/%Y"), items=join("\n", items), sup=D(sup.first_last() + ", RN", "person_name"),
                  supph=_sphone(r, None, ext=True))


def oc_it_escalation(r):
    used = set()
    l1, l2, l3, vend = [distinct_name(r, used) for _ in range(4)]
    dom = r.choice(DOMAINS)
    b = _bridge(r)
    tpl = T("""
        h2. Escalation policy — EHR Interfaces (P1/P2)

        # *Level 1 — Service Desk* (24x7): «sd» / «sdmail»
        # *Level 2 — Interface analyst on call*: «l2» ({{«l2m»}}), mobile «l2p»
        # *Level 3 — Integration architect*: «l3» ({{«l3m»}}), mobile «l3p»
        # *Vendor* — Clarus support «vp», account rep «vend» («vm»)

        Major incident bridge (always open): «bn», passcode «bpc»
        Status page: https://status.example.org · Monitoring: https://grafana.internal/d/ie-overview (host «ip»)

        {note}Do not paste message content (PID segments) into Slack or the bridge chat. Use the ticket attachment with restricted visibility.{note}
    """)
    return render(tpl, sd=_sphone(r, "dash", ext=True), sdmail=D("servicedesk@" + dom, "staff_contact"), l2=D(l2.first_last(), "person_name"), l2m=D(staff_email(l2, dom), "staff_contact"),
                  l2p=_sphone(r), l3=D(l3.first_last(), "person_name"), l3m=D(staff_email(l3, dom), "staff_contact"), l3p=_sphone(r),
                  vp=D(f"1-888-{r.randint(200, 999)}-{digits(r, 4)}", "staff_contact"), vend=D(vend.first_last(), "person_name"),
                  vm=D(staff_email(vend, "clarusehr.io"), "staff_contact"), bn=b["num"], bpc=b["pc"], ip=server_ip(r))


def oc_holiday_coverage(r):
    used = set()
    y = r.randint(2023, 2025)
    nov1 = dt.date(y, 11, 1)
    hol = [("Thanksgiving", nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)), ("Christmas Eve", dt.date(y, 12, 24)), ("Christmas Day", dt.date(y, 12, 25)),
           ("New Year's Eve", dt.date(y, 12, 31)), ("New Year's Day", dt.date(y + 1, 1, 1))]
    rows = []
    for h, d in hol:
        a, b = distinct_name(r, used), distinct_name(r, used)
        rows.append(["- **", h, "** (", fdate(d, r.choice(["abbr", "us"])), "): ", D(a.first_last(), "person_name"), " (day) / ",
                     D(b.first_last(), "person_name"), " (night) — ", _sphone(r, r.choice(["dot", "dash"]))])
    tpl = T("""
        ### Holiday coverage «y» — Pharmacy Informatics

        Coverage phones forward to the person listed. Swaps must be posted here and in the #pharm-informatics channel by Dec 1.

        «rows»

        Backup for all holidays: «bk» («bkm»)
    """)
    bk = distinct_name(r, used)
    return render(tpl, y=str(y), rows=join("\n", rows), bk=D(bk.first_last() + ", PharmD", "person_name"),
                  bkm=D(staff_email(bk, r.choice(DOMAINS)), "staff_contact"))


# ==========================================================================
# registry, generation, self-check
# ==========================================================================
FAMILIES = [
    ("jira_hl7", True, [jira_hl7_adt_wiki, jira_hl7_oru_markdown, jira_hl7_a08_nk1_comments, jira_hl7_siu_schedule,
                        jira_hl7_dft_billing, jira_hl7_vxu_json_log]),
    ("confluence_patient_table", True, [conf_uat_wiki_table, conf_rounding_markdown, conf_xhtml_mpi_dupes, conf_readmit_tsv,
                                        conf_homevisit_list, conf_portal_enrollment]),
    ("support_ticket", True, [sup_zendesk_patient_prose, sup_webform_dump, sup_servicenow_portal, sup_payer_callnote,
                              sup_freshdesk_thread_payment, sup_dme_device_ticket]),
    ("bitbucket_fhir_diff", True, [fhir_json_patient_diff, fhir_xml_patient_pr, fhir_yaml_seed_diff, fhir_bundle_new_file,
                                   fhir_ndjson_bulk_diff, fhir_xml_eob_diff]),
    ("sql_seed", True, [sql_pg_multirow, sql_mysql_dump, sql_pg_copy, sql_flyway_claims, sql_mssql_nvarchar, sql_oracle_insert_all]),
    ("clinical_note", True, [note_discharge_summary, note_soap_clinic, note_ed_triage, note_hp_admission, note_phone_encounter,
                             note_consult_letter]),
    ("csv_claims", True, [csv_837_flat, csv_remit_tsv, csv_quoted_lastfirst, csv_medicare_denials, csv_elig_dependents,
                          csv_pharmacy_claims]),
    ("patient_email", True, [mail_outlook_fwd, mail_gmail_fwd, mail_daughter_thread, mail_apple_native, mail_portal_message,
                             mail_spanish]),
    ("clean_stack_trace", False, [st_jira_wiki_npe, st_markdown_caused_by, st_log_excerpt_pods, st_env_table_oom,
                                  st_comment_thread_fixed, st_spring_startup]),
    ("clean_meeting_notes", False, [mn_confluence_template, mn_zoom_markdown, mn_teams_invite_notes, mn_retro, mn_minutes_formal,
                                    mn_postmortem]),
    ("clean_validator_diff", False, [vd_java_ssn, vd_python_mbi, vd_ts_phone, vd_npi_luhn, vd_zip_and_dates, vd_hl7_pid_rules]),
    ("clean_release_notes", False, [rn_markdown, rn_confluence_table, rn_customer_facing, rn_changelog, rn_hotfix_email, rn_mobile]),
    ("clean_clinical_rule", False, [cr_sepsis, cr_anticoag_interaction, cr_fall_risk_elderly, cr_hedis_measure, cr_cql_snippet,
                                    cr_vte_orderset]),
    ("clean_oncall_directory", False, [oc_weekly_roster, oc_dept_extensions, oc_pagerduty_csv, oc_operator_list, oc_it_escalation,
                                       oc_holiday_coverage]),
]
N_PHI_PER_FAMILY = 15     # 8 families x 15 = 120
N_CLEAN_PER_FAMILY = 20   # 6 families x 20 = 120

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn", "mrn", "health_plan_id",
    "medicare_mbi", "account_number", "license_number", "vehicle_id", "device_id", "url", "ip_address", "biometric_id",
    "photo", "other_id", "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card"}


def _is_tok(ch):
    return ch.isalnum()


def _ranges_chars(text, spans):
    """byte spans -> char spans"""
    b = text.encode("utf-8")
    out = []
    for s in spans:
        out.append((len(b[:s["start"]].decode("utf-8")), len(b[:s["end"]].decode("utf-8")), s))
    return out


def repeats(text, spans):
    """PHI values (and name words of 3+ letters) that also occur outside phi spans, at token boundaries."""
    cs = _ranges_chars(text, spans)
    phi_ranges = [(a, b) for a, b, s in cs if s["label"] == "phi"]
    low = text.lower()
    probs = []
    needles = set()
    for a, b, s in cs:
        if s["label"] != "phi":
            continue
        val = text[a:b]
        if len(val) >= 4:
            needles.add(val.lower())
        if s["kind"] == "person_name":
            for w in re.split(r"[\s,^'\-.]+", val):
                if len(w) >= 3:
                    needles.add(w.lower())
    for nd in needles:
        start = 0
        while True:
            i = low.find(nd, start)
            if i < 0:
                break
            j = i + len(nd)
            start = i + 1
            if (i > 0 and _is_tok(low[i - 1])) or (j < len(low) and _is_tok(low[j])):
                continue
            if any(x <= i and j <= y for x, y in phi_ranges):
                continue
            probs.append((nd, i))
    return probs


def verify(records):
    errs = []
    seen_ids = set()
    for rec in records:
        rid = rec["id"]
        if rid in seen_ids:
            errs.append(f"{rid}: duplicate id")
        seen_ids.add(rid)
        text = rec["text"]
        b = text.encode("utf-8")
        prev_end = 0
        n_phi = 0
        for s in rec["spans"]:
            st, en = s["start"], s["end"]
            if not (0 <= st < en <= len(b)):
                errs.append(f"{rid}: span out of range {s}")
                continue
            if st < prev_end:
                errs.append(f"{rid}: spans unsorted or overlapping at {st}")
            prev_end = en
            for off in (st, en):
                if off < len(b) and (b[off] & 0xC0) == 0x80:
                    errs.append(f"{rid}: offset {off} inside a UTF-8 sequence")
            seg_ = b[st:en].decode("utf-8", "replace")
            before = b[:st].decode("utf-8", "replace")[-1:]
            after = b[en:].decode("utf-8", "replace")[:1]
            if before and _is_tok(before):
                errs.append(f"{rid}: span {st}-{en} {seg_!r} starts inside a token (prev {before!r})")
            if after and _is_tok(after):
                errs.append(f"{rid}: span {st}-{en} {seg_!r} ends inside a token (next {after!r})")
            if seg_ != seg_.strip():
                errs.append(f"{rid}: span {seg_!r} has surrounding whitespace")
            if s["label"] not in ("phi", "dont_care"):
                errs.append(f"{rid}: bad label {s['label']}")
            if s["label"] == "phi":
                n_phi += 1
                if s["kind"] not in CONTRACT_KINDS:
                    errs.append(f"{rid}: phi kind {s['kind']} not a contract kind")
        if rec["phi"] and n_phi == 0:
            errs.append(f"{rid}: phi document without phi spans")
        if not rec["phi"] and n_phi:
            errs.append(f"{rid}: clean document with {n_phi} phi spans")
        rp = repeats(text, rec["spans"])
        if rp:
            errs.append(f"{rid}: PHI value also occurs unlabelled: {rp[:3]}")
    fam_counts = {}
    for rec in records:
        fam_counts.setdefault(rec["family"], [0, 0])[0 if rec["phi"] else 1] += 1
    n_phi_docs = sum(1 for x in records if x["phi"])
    if len(records) != 240 or n_phi_docs != 120:
        errs.append(f"counts: {len(records)} docs, {n_phi_docs} phi")
    return errs


def generate():
    records = []
    retries = {}
    for fam, is_phi, tpls in FAMILIES:
        n = N_PHI_PER_FAMILY if is_phi else N_CLEAN_PER_FAMILY
        for i in range(n):
            fn = tpls[i % len(tpls)]
            for attempt in range(40):
                r = random.Random(f"{SEED}:{fam}:{i}:{attempt}")
                text, spans = build(fn(r))
                if not repeats(text, spans):
                    break
                retries[fn.__name__] = retries.get(fn.__name__, 0) + 1
            else:
                raise SystemExit(f"{fam}/{fn.__name__}: could not avoid unlabelled repeats")
            records.append({"id": f"{fam}-{i:04d}", "family": fam, "phi": is_phi, "variant": fn.__name__, "text": text,
                            "spans": spans})
    return records, retries


def main():
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
    else:
        records, retries = generate()
        with open(OUT, "w", encoding="utf-8") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if "-v" in sys.argv:
            print("retries:", retries)
    errs = verify(records)
    fams = {}
    for rec in records:
        e = fams.setdefault(rec["family"], {"docs": 0, "variants": set(), "phi_spans": 0})
        e["docs"] += 1
        e["variants"].add(rec["variant"])
        e["phi_spans"] += sum(1 for s in rec["spans"] if s["label"] == "phi")
    for fam, e in fams.items():
        print(f"{fam:26s} docs={e['docs']:3d} templates={len(e['variants'])} phi_spans={e['phi_spans']}")
    print(f"total {len(records)} docs, {sum(r_['phi'] for r_ in records)} with PHI")
    if errs:
        print(f"SELF-CHECK FAILED: {len(errs)} problem(s)")
        for e in errs[:60]:
            print("  " + e)
        sys.exit(1)
    print("self-check OK")


if __name__ == "__main__":
    main()
