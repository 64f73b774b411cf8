#!/usr/bin/env python3
"""generate_fresh21.py -- twenty-second independent synthetic PHI corpus (standard library only).

Angle: the specialty service lines and ancillary departments of a health system and the
IT / analyst teams that support them (radiology / PACS, lab / LIS / blood bank, pharmacy,
behavioral health, dental, ophthalmology, L&D / NICU, pediatrics, oncology infusion,
dialysis and transplant, home health / hospice, occupational health, research, HIM / ROI,
transport and bed management, dietary), written in their own vocabulary and formats.

Everything is synthetic: hand-written name lists, made-up numbers. Deterministic (fixed seed).

    python3 tests/corpus/generate_fresh21.py           # writes fresh21.jsonl next to this file
    python3 tests/corpus/generate_fresh21.py --check   # re-verifies fresh21.jsonl
    python3 tests/corpus/generate_fresh21.py --stats   # templates per family, median PHI share
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
from functools import cached_property

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh21.jsonl")
SEED = "fresh21/2026-12-07/specialty-ancillary"
TODAY = dt.date(2026, 12, 7)

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff", "release_notes",
                  "clinical_rule", "oncall_directory"]
COUNTS = {**{f: 15 for f in PHI_FAMILIES}, **{f: 20 for f in CLEAN_FAMILIES}}
MAX_PER_TEMPLATE = 3

KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
         "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
         "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
         "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card"}

# documented test values: never labelled, allowed anywhere
TEST_SSNS = {"123-45-6789", "123456789"}
TEST_MBIS = {"1EG4-TE5-MK73", "1EG4TE5MK73"}
TEST_NPIS = {"1234567893"}

# ---------------------------------------------------------------- span markup
# Templates return text in which labelled values are wrapped by P() / D(); render() strips the
# markers and records UTF-8 byte offsets.
_S, _SEP, _E = "\x01", "\x1f", "\x02"


def P(v, kind):
    """a phi span"""
    assert kind in KINDS, kind
    return f"{_S}p{kind}{_SEP}{v}{_E}"


def D(v, kind):
    """a dont_care span"""
    return f"{_S}d{kind}{_SEP}{v}{_E}"


def N(v):
    return P(v, "person_name")


def vlen(s):
    """visible length of marked-up text"""
    return len(re.sub("\x01[pd][^\x1f]*\x1f", "", s).replace("\x02", ""))


def lj(s, w):
    return s + " " * max(0, w - vlen(s))


def rj(s, w):
    return " " * max(0, w - vlen(s)) + s


def render(marked):
    out, spans, pos, i = [], [], 0, 0
    while True:
        j = marked.find(_S, i)
        if j < 0:
            out.append(marked[i:])
            break
        chunk = marked[i:j]
        out.append(chunk)
        pos += len(chunk.encode("utf-8"))
        k = marked.index(_SEP, j)
        e = marked.index(_E, k)
        lab, kind, val = marked[j + 1], marked[j + 2:k], marked[k + 1:e]
        assert _S not in val, "nested span markup"
        n = len(val.encode("utf-8"))
        if n:
            spans.append({"start": pos, "end": pos + n,
                          "label": "phi" if lab == "p" else "dont_care", "kind": kind})
        out.append(val)
        pos += n
        i = e + 1
    return "".join(out), spans


# ---------------------------------------------------------------- name cultures (hand-written)
# f / m: given names, l: family names, native: (sex, given, family, native-script full name)
CULTURES = {
    "english_words": dict(
        f=["Hope", "Faith", "Grace", "Joy", "Summer", "Dawn", "Ivy", "Autumn", "Honor", "Rose"],
        m=["Will", "Hunter", "Cash", "Chase", "Forrest", "Reed", "Clay", "Miles", "Sterling", "Rusty"],
        l=["Little", "Frost", "Hill", "Young", "Short", "Wood", "Knight", "Lamb", "Rivers", "Bird",
           "Snow", "Church", "Bishop", "Stone", "Small"]),
    "anglo_rural": dict(
        f=["Brittany", "Heather", "Kimberly", "Shelby", "Darla", "Loretta", "Tammy", "Wanda"],
        m=["Cody", "Travis", "Dale", "Wayne", "Bradley", "Garrett", "Dwight", "Lonnie"],
        l=["Pruitt", "Whitaker", "McAllister", "Hargrove", "Dunaway", "Blankenship", "Crenshaw", "Tillman"]),
    "irish": dict(
        f=["Siobhán", "Aoife", "Niamh", "Caoimhe", "Róisín", "Gráinne", "Máire"],
        m=["Seán", "Pádraig", "Cian", "Oisín", "Eoghan", "Ciarán", "Dónal"],
        l=["O'Sullivan", "Mac Giolla Phádraig", "Ó Dónaill", "McGrath", "Breathnach", "Fitzgerald",
           "Ó Súilleabháin", "O'Flaherty"]),
    "mexican": dict(
        f=["María José", "Guadalupe", "Ximena", "Araceli", "Yesenia", "Rocío", "Itzel"],
        m=["José Luis", "Jesús", "Joaquín", "Aurelio", "Efraín", "Ramón", "Héctor"],
        l=["Peña-Morales", "de la Cruz", "Núñez", "Hernández Ruiz", "Zúñiga", "Ibáñez", "Villaseñor",
           "Gutiérrez"]),
    "puerto_rican": dict(
        f=["Yaritza", "Marisol", "Zoraida", "Nilsa", "Ivelisse", "Coralys"],
        m=["Ángel", "Wilfredo", "Yadiel", "Efrén", "Radamés", "Heriberto"],
        l=["Rivera Colón", "Ortiz Santiago", "Meléndez", "Quiñones", "Rosario Vélez", "Figueroa",
           "Acevedo", "Torres Batista"]),
    "brazilian": dict(
        f=["Conceição", "Luíza", "Thaís", "Lívia", "Gabriela", "Joana"],
        m=["João", "Thiago", "Luís Otávio", "Caio", "Sebastião", "Rogério"],
        l=["da Silva", "dos Santos", "Gonçalves", "Araújo", "Magalhães", "Assunção", "Brandão",
           "Figueiredo"]),
    "french_quebec": dict(
        f=["Hélène", "Élodie", "Maëlle", "Céline", "Anaïs", "Geneviève"],
        m=["Benoît", "Jérôme", "François", "Loïc", "Théo", "Gaëtan"],
        l=["Lefèvre", "Dubois-Garnier", "Fournier", "de Saint-Just", "Mercier", "Rousseau", "Lévêque",
           "Bélanger"]),
    "haitian": dict(
        f=["Mirlande", "Nadège", "Fabienne", "Guerline", "Rose-Marie", "Widline"],
        m=["Dieudonné", "Frantz", "Wesner", "Jean-Robert", "Ronald", "Fritzner"],
        l=["Pierre-Louis", "Jean-Baptiste", "Désir", "Exantus", "Dorvilien", "Augustin", "Célestin"]),
    "german": dict(
        f=["Birgit", "Ursula", "Annegret", "Jutta", "Lieselotte", "Hannelore"],
        m=["Jürgen", "Günther", "Klaus-Dieter", "Wolfgang", "Jörg", "Uwe"],
        l=["Müller", "Schäfer", "von Bülow", "Köhler", "Krämer", "Schröder", "Zimmermann"]),
    "dutch": dict(
        f=["Sanne", "Marijke", "Femke", "Anouk", "Ineke"],
        m=["Joost", "Pieter", "Bram", "Sjoerd", "Gerrit"],
        l=["van 't Hof", "de Vries", "van der Berg", "Bakker", "van Dijk", "Jansen-Kuipers", "de Groot",
           "Visser"]),
    "polish": dict(
        f=["Małgorzata", "Agnieszka", "Żaneta", "Bożena", "Grażyna"],
        m=["Łukasz", "Grzegorz", "Wojciech", "Przemysław", "Jędrzej"],
        l=["Wójcik", "Wiśniewska", "Kowalczyk", "Szczepański", "Dąbrowska", "Krzyżanowski",
           "Błaszczyk"]),
    "russian": dict(
        f=["Olga", "Svetlana", "Tatiana", "Yelena"],
        m=["Dmitri", "Sergei", "Aleksandr", "Vladimir"],
        l=["Ivanova", "Smirnov", "Kuznetsova", "Popov", "Volkov"],
        native=[("F", "Olga", "Ivanova", "Иванова Ольга"), ("M", "Dmitri", "Smirnov", "Смирнов Дмитрий"),
                ("F", "Tatiana", "Kuznetsova", "Кузнецова Татьяна"), ("M", "Sergei", "Volkov", "Волков Сергей")]),
    "ukrainian": dict(
        f=["Oksana", "Halyna", "Iryna", "Nataliia"],
        m=["Taras", "Bohdan", "Mykola", "Oleksandr"],
        l=["Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk", "Hrytsenko"],
        native=[("F", "Oksana", "Kovalenko", "Коваленко Оксана"), ("M", "Taras", "Shevchenko", "Шевченко Тарас"),
                ("F", "Halyna", "Tkachuk", "Ткачук Галина")]),
    "greek": dict(
        f=["Eleni", "Vasiliki", "Paraskevi", "Dimitra"],
        m=["Konstantinos", "Georgios", "Spyridon", "Athanasios"],
        l=["Papadopoulou", "Karagiannis", "Oikonomou", "Christodoulou", "Antonopoulos"],
        native=[("F", "Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου"),
                ("M", "Georgios", "Karagiannis", "Γεώργιος Καραγιάννης"),
                ("F", "Vasiliki", "Oikonomou", "Βασιλική Οικονόμου")]),
    "italian": dict(
        f=["Giuseppina", "Concetta", "Carmela", "Raffaella", "Nunzia"],
        m=["Salvatore", "Gennaro", "Vincenzo", "Calogero", "Pasquale"],
        l=["D'Angelo", "Di Stefano", "La Rosa", "Lo Bianco", "Esposito", "De Luca", "Ruggiero"]),
    "chinese": dict(
        f=["Xiuying", "Li Na", "Mei", "Yan", "Jing"],
        m=["Wei", "Jianguo", "Hao", "Zhiqiang", "Jun"],
        l=["Wang", "Zhang", "Liu", "Chen", "Huang", "Zhou", "Xu"],
        native=[("F", "Xiuying", "Wang", "王秀英"), ("M", "Jianguo", "Zhang", "张建国"), ("F", "Mei", "Chen", "陈梅"),
                ("M", "Hao", "Liu", "刘浩"), ("F", "Jing", "Huang", "黄静")]),
    "korean": dict(
        f=["Min-seo", "Ji-woo", "Seo-yeon", "Eun-ji"],
        m=["Min-jun", "Ji-hoon", "Hyun-woo", "Seung-ho"],
        l=["Kim", "Park", "Choi", "Jung", "Kang", "Yoon"],
        native=[("M", "Min-jun", "Kim", "김민준"), ("F", "Seo-yeon", "Park", "박서연"), ("M", "Ji-hoon", "Choi", "최지훈"),
                ("F", "Eun-ji", "Jung", "정은지")]),
    "japanese": dict(
        f=["Hanako", "Yuki", "Aiko", "Sakura"],
        m=["Takeshi", "Haruto", "Kenji", "Daisuke"],
        l=["Sato", "Suzuki", "Takahashi", "Watanabe", "Yamamoto"],
        native=[("F", "Hanako", "Sato", "佐藤 花子"), ("M", "Kenji", "Takahashi", "高橋 健二"),
                ("F", "Yuki", "Watanabe", "渡辺 由紀"), ("M", "Daisuke", "Yamamoto", "山本 大輔")]),
    "vietnamese": dict(
        f=["Thị Hồng", "Ngọc Anh", "Thu Trang", "Thị Lan"],
        m=["Văn Minh", "Quốc Bảo", "Đức Anh", "Hữu Phước"],
        l=["Nguyễn", "Trần", "Phạm", "Huỳnh", "Võ", "Đặng"]),
    "filipino": dict(
        f=["Maricel", "Rowena", "Jocelyn", "Luzviminda", "Divina"],
        m=["Rodel", "Jonrey", "Ferdinand", "Arnel", "Reynaldo"],
        l=["dela Cruz", "Bautista", "Macapagal", "Villanueva", "Dimaculangan", "Pangilinan"]),
    "hindi": dict(
        f=["Priya", "Sunita", "Kavita", "Anjali"],
        m=["Rajesh", "Amit", "Suresh", "Vikram"],
        l=["Sharma", "Verma", "Gupta", "Agarwal", "Chaturvedi"],
        native=[("F", "Priya", "Sharma", "प्रिया शर्मा"), ("M", "Rajesh", "Verma", "राजेश वर्मा"),
                ("F", "Sunita", "Gupta", "सुनीता गुप्ता")]),
    "tamil": dict(
        f=["Lakshmi", "Meenakshi", "Kalaivani", "Revathi"],
        m=["Senthil", "Murugan", "Karthikeyan", "Balasubramanian"],
        l=["Subramanian", "Ramasamy", "Krishnamurthy", "Natarajan", "Venkatesan"]),
    "arabic": dict(
        f=["Fatima", "Maryam", "Huda", "Noura"],
        m=["Mohammed", "Khalid", "Youssef", "Omar"],
        l=["Al-Zahrani", "El-Sayed", "Haddad", "Abu-Khalil", "Al-Qahtani"],
        native=[("F", "Fatima", "Al-Zahrani", "فاطمة الزهراني"), ("M", "Youssef", "Haddad", "يوسف حداد"),
                ("F", "Maryam", "El-Sayed", "مريم السيد")]),
    "persian": dict(
        f=["Shirin", "Parisa", "Nasrin", "Golnaz"],
        m=["Reza", "Farhad", "Kourosh", "Babak"],
        l=["Hosseini", "Tehrani", "Rahimzadeh", "Moghaddam", "Karimi"]),
    "turkish": dict(
        f=["Ayşe", "Gülşen", "Özlem", "Şebnem"],
        m=["Şükrü", "Mustafa", "Çağlar", "Oğuz"],
        l=["Öztürk", "Çelik", "Yılmaz", "Şahin", "Doğan", "Kılıç"]),
    "hebrew": dict(
        f=["Noa", "Tamar", "Yael", "Shira"],
        m=["Yosef", "Avi", "Eitan", "Moshe"],
        l=["Cohen", "Levi", "Mizrahi", "Friedman", "Ben-David"],
        native=[("F", "Noa", "Cohen", "נועה כהן"), ("M", "Eitan", "Levi", "איתן לוי"), ("F", "Yael", "Mizrahi", "יעל מזרחי")]),
    "yoruba": dict(
        f=["Folasade", "Titilayo", "Adéolá", "Morẹ́nikẹ́"],
        m=["Olúwaseun", "Babatunde", "Olúmídé", "Adébáyọ̀"],
        l=["Oyelaran-Oyeyinka", "Adéyẹmí", "Ogunleye", "Akinwunmi", "Ọlátúnjí"]),
    "igbo": dict(
        f=["Chiamaka", "Ngozi", "Adaeze", "Chinonye"],
        m=["Chukwuemeka", "Obinna", "Ikenna", "Nnamdi"],
        l=["Okonkwo", "Nwachukwu", "Obi-Nwosu", "Okafor", "Eze"]),
    "ethiopian": dict(
        f=["Tigist", "Meron", "Selamawit", "Hirut"],
        m=["Abebe", "Dawit", "Yonas", "Tesfaye"],
        l=["Bekele", "Haile", "Gebremedhin", "Wolde", "Alemu"],
        native=[("M", "Abebe", "Bekele", "አበበ በቀለ"), ("F", "Tigist", "Haile", "ትግስት ኃይሌ")]),
    "somali": dict(
        f=["Hodan", "Faadumo", "Sahra", "Ubah"],
        m=["Abdirahman", "Abdullahi", "Liban", "Mahad"],
        l=["Warsame", "Abdi", "Farah", "Jama", "Egal"]),
    "thai": dict(
        f=["Siriporn", "Malee", "Ratana"],
        m=["Somchai", "Anan", "Prasert"],
        l=["Jaidee", "Srisuk", "Wongsawat", "Chaiyaporn"],
        native=[("M", "Somchai", "Jaidee", "สมชาย ใจดี"), ("F", "Malee", "Srisuk", "มาลี ศรีสุข")]),
    "nordic": dict(
        f=["Åsa", "Sigríður", "Solveig", "Ingrid", "Kirsten"],
        m=["Björn", "Søren", "Håkon", "Þórður", "Øyvind"],
        l=["Lindqvist", "Østergaard", "Sigurðardóttir", "Håland", "Bergström", "Ekström"]),
    "hawaiian": dict(
        f=["Leilani", "Kaimana", "Noelani", "Mahina"],
        m=["Keoni", "Makoa", "Kawika", "Ikaika"],
        l=["Kealoha", "Kahananui", "Nāone", "Kamakau", "Keawe"]),
    "dine": dict(
        f=["Shandiin", "Nizhoni", "Darlene", "Loretta"],
        m=["Ahiga", "Delbert", "Leroy", "Hastiin"],
        l=["Begay", "Yazzie", "Tsosie", "Benally", "Etsitty", "Nez"]),
    "us_south": dict(
        f=["Tamika", "LaToya", "Bernice", "Shaquita", "Odessa"],
        m=["Darnell", "DeShawn", "Otis", "Cleon", "Jamarcus"],
        l=["Pettaway", "Coleman", "Mayfield", "Gaines", "Dukes", "Threatt"]),
    "hmong": dict(
        f=["Mai Nou", "Pa Houa", "Youa", "Kalia"],
        m=["Tou", "Pao", "Neng", "Cheng"],
        l=["Vang", "Xiong", "Thao", "Moua", "Lor"]),
}
CULT_NAMES = sorted(CULTURES)
NATIVE_CULTS = sorted(c for c in CULTURES if CULTURES[c].get("native"))

# staff / providers (dont_care); deliberately a separate hand-written list
STAFF = ["Renee Castellanos", "Tobias Greer", "Anand Mehta", "Corinne Vasquez", "Lionel Ashby",
         "Marta Kovacs", "Desmond Ruiz", "Hollis Grant", "Ingrid Solberg", "Kwame Mensah",
         "Beatriz Lozano", "Gideon Marsh", "Priyanka Rao", "Elliot Sandoval", "Farah Qureshi",
         "Nolan Pryce", "Tessa Albright", "Ravi Iyer", "Colette Dumont", "Sunil Bhattacharya",
         "Magdalena Ortiz", "Trevor Okafor-Lane", "Yvonne Tran", "Bashir Rahman", "Delia Fontaine",
         "Otto Lindgren", "Rosalind Achebe", "Maximilian Hart", "Carmen Delgado", "Howard Kim-Baxter",
         "Naledi Dlamini", "Joaquim Ferreira", "Penelope Strand", "Rafael Ocampo", "Wendell Pryor",
         "Anika Holm", "Cyrus Farahani", "Lucia Benedetti", "Jonah Feldman", "Keiko Moriyama"]
FACILITIES = ["Bayview Regional Medical Center", "St. Columba Children's Hospital",
              "Northfield Cancer Institute", "Cedar Ridge Dialysis Center", "Lakeshore Women's & Infants",
              "Meadowbrook Home Health & Hospice", "Pinecrest Behavioral Health", "Riverside Eye Institute",
              "Granite Peak Dental Clinic", "Tri-County Transplant Center", "Eastgate Occupational Health",
              "Bayview Reference Laboratory", "Bayview Specialty Pharmacy", "Harlow Imaging Center"]
CITIES = [  # city, state, zip3, area code
    ("Dorchester", "MA", "021", "617"), ("Cicero", "IL", "608", "708"), ("Pasadena", "TX", "775", "281"),
    ("Kent", "WA", "980", "253"), ("Decatur", "GA", "300", "404"), ("Beaverton", "OR", "970", "503"),
    ("Cary", "NC", "275", "919"), ("Hilliard", "OH", "430", "614"), ("McKeesport", "PA", "151", "412"),
    ("Aurora", "CO", "800", "720"), ("Provo", "UT", "846", "801"), ("Hialeah", "FL", "330", "305"),
    ("Yonkers", "NY", "107", "914"), ("Lowell", "MA", "018", "978"), ("Elizabeth", "NJ", "072", "908"),
    ("Gallup", "NM", "873", "505"), ("Hilo", "HI", "967", "808"), ("Dearborn", "MI", "481", "313"),
    ("St. Paul", "MN", "551", "651"), ("Tucson", "AZ", "857", "520"), ("Fall River", "MA", "027", "508"),
    ("Lynchburg", "VA", "245", "434"), ("Fresno", "CA", "937", "559"), ("Lewiston", "ME", "042", "207"),
]
STREETS = ["Maple Ave", "Cedar Ln", "Elm St", "Juniper Ct", "Old Mill Rd", "Kinsey Blvd", "Larkspur Dr",
           "Orchard Hill Rd", "Tremont St", "Wexford Way", "Quarry Rd", "Bellflower Cir", "Pheasant Run",
           "Prospect Ter", "Hollins Ferry Rd", "Saddleback Trl", "Magnolia Pkwy", "Dunmore St",
           "Avenida del Sol", "Kalanianaole Hwy", "Route 9 Box", "Fairmount Ave", "Sycamore Bend",
           "Chickadee Ln"]
CONDITIONS = {
    "rad": ["pulmonary embolism", "renal calculus", "pneumothorax", "appendicitis", "hepatic steatosis"],
    "onc": ["metastatic breast cancer", "diffuse large B-cell lymphoma", "stage III colon cancer",
            "multiple myeloma", "non-small cell lung cancer"],
    "renal": ["end-stage renal disease", "diabetic nephropathy", "polycystic kidney disease",
              "hypertensive nephrosclerosis"],
    "bh": ["opioid use disorder", "alcohol use disorder", "major depressive disorder",
           "generalized anxiety disorder", "bipolar I disorder"],
    "eye": ["primary open-angle glaucoma", "wet age-related macular degeneration",
            "proliferative diabetic retinopathy", "nuclear sclerotic cataract"],
    "peds": ["asthma", "type 1 diabetes", "ADHD", "eosinophilic esophagitis", "sickle cell disease"],
    "neo": ["respiratory distress syndrome", "hyperbilirubinemia", "prematurity", "neonatal abstinence syndrome"],
}
MEDS = {
    "onc": ["carboplatin", "paclitaxel", "pembrolizumab", "rituximab", "daratumumab", "oxaliplatin"],
    "spec": ["adalimumab", "etanercept", "dupilumab", "ustekinumab", "emicizumab", "tofacitinib"],
    "ctrl": ["hydromorphone 2 mg/mL", "fentanyl 100 mcg/2 mL", "morphine 4 mg/mL", "lorazepam 2 mg/mL",
             "oxycodone 5 mg tab"],
    "bh": ["buprenorphine-naloxone", "naltrexone ER", "sertraline", "lithium carbonate", "quetiapine"],
    "renal": ["epoetin alfa", "calcitriol", "sevelamer", "iron sucrose", "tacrolimus", "mycophenolate"],
    "peds": ["albuterol HFA", "insulin lispro", "methylphenidate ER", "budesonide", "hydroxyurea"],
}

# ---------------------------------------------------------------- value generators


def dig(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def dig1(r, n):
    return str(r.randint(1, 9)) + dig(r, n - 1)


def upal(r, n):
    return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    return f"{hexs(r, 8)}-{hexs(r, 4)}-4{hexs(r, 3)}-{r.choice('89ab')}{hexs(r, 3)}-{hexs(r, 12)}"


def luhn_ok(s):
    ds = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def npi(r):
    while True:
        body = "1" + dig(r, 8)
        for c in "0123456789":
            if luhn_ok("80840" + body + c):
                v = body + c
                if v not in TEST_NPIS:
                    return v


def card(r):
    return luhn_complete("4" + dig(r, 14))


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9:
        return False
    a, g, n = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g > 0 and n > 0


def ssn(r, sep="-"):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        v = f"{a:03d}{sep}{r.randint(1, 99):02d}{sep}{r.randint(1, 9999):04d}"
        if re.sub(r"\D", "", v) not in {"123456789", "078051120"}:
            return v


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi_ok(s):
    d = s.replace("-", "")
    if len(d) != 11 or d in TEST_MBIS:
        return False
    A, N_, AN = MBI_ALPHA, "0123456789", MBI_ALPHA + "0123456789"
    pat = ["123456789", A, AN, N_, A, AN, N_, A, A, N_, N_]
    return all(c in p for c, p in zip(d, pat))


def mbi(r, dashed=False):
    A, N_, AN = MBI_ALPHA, "0123456789", MBI_ALPHA + "0123456789"
    while True:
        v = (r.choice("123456789") + r.choice(A) + r.choice(AN) + r.choice(N_) + r.choice(A) + r.choice(AN)
             + r.choice(N_) + r.choice(A) + r.choice(A) + r.choice(N_) + r.choice(N_))
        if v != "1EG4TE5MK73":
            return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashed else v


def ndc(r):
    return f"{dig1(r, 5)}-{dig(r, 4)}-{dig(r, 2)}"


def ip_pub(r):
    return f"{r.choice([24, 67, 71, 73, 98, 108, 174, 184])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(2, 254)}"


def ip_srv(r):
    return f"10.{r.randint(20, 90)}.{r.randint(0, 30)}.{r.randint(5, 250)}"


def rday(r, a, b):
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def recent(r, lo=3, hi=120):
    return TODAY - dt.timedelta(days=r.randint(lo, hi))


MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]


def fd(d, s="us"):
    if s == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if s == "us1":
        return f"{d.month}/{d.day}/{d.year}"
    if s == "iso":
        return d.isoformat()
    if s == "hl7":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    if s == "dmy":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if s == "DMY":
        return f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year}"
    if s == "ora":
        return f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year % 100:02d}"
    if s == "long":
        return f"{MONTH[d.month - 1]} {d.day}, {d.year}"
    if s == "short":
        return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if s == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if s == "dm":
        return f"{d.day} {MONTH[d.month - 1]} {d.year}"
    raise ValueError(s)


DATE_SHAPES = ["us", "us1", "iso", "hl7", "dmy", "long", "short"]


def ages(dob, on=TODAY):
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def hhmm(r, lo=6, hi=19):
    return f"{r.randint(lo, hi):02d}{r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]):02d}"


def logts(r, d, sep=" "):
    return f"{d.isoformat()}{sep}{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}"


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum())).lower()


class Pt:
    """a synthetic person (patient or relative)"""

    def __init__(self, r, cult=None, sex=None, age=None, lo=18, hi=88, old=0.0, native=False,
                 last=None, dob=None, city=None):
        self.r = r
        if native:
            cult = cult if cult in NATIVE_CULTS else r.choice(NATIVE_CULTS)
        self.cult = cult or r.choice(CULT_NAMES)
        c = CULTURES[self.cult]
        self.native = None
        if native:
            cand = [x for x in c["native"] if sex is None or x[0] == sex]
            sx, self.first, self.last, self.native = r.choice(cand or c["native"])
            self.sex = sx
        else:
            self.sex = sex or r.choice("FM")
            self.first = r.choice(c["f"] if self.sex == "F" else c["m"])
            self.last = last or r.choice(c["l"])
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        if dob:
            self.dob = dob
        else:
            if age is None:
                age = r.randint(90, 103) if r.random() < old else r.randint(lo, hi)
            hi_d = dt.date(TODAY.year - age, TODAY.month, TODAY.day)
            lo_d = dt.date(TODAY.year - age - 1, TODAY.month, TODAY.day) + dt.timedelta(days=1)
            self.dob = rday(r, lo_d, hi_d)
        self.age = ages(self.dob)
        self.city, self.state, zip3, self.area = city or r.choice(CITIES)
        self.zip = zip3 + dig(r, 2)
        self.street = f"{r.randint(2, 9890)} {r.choice(STREETS)}"
        if r.random() < 0.3:
            self.street += r.choice([f" Apt {r.randint(1, 40)}{r.choice('ABCD')}", f" Unit {r.randint(101, 912)}",
                                     f" #{r.randint(2, 30)}"])
        ex = r.randint(201, 989)
        while ex == 555 or ex % 100 == 11:
            ex = r.randint(201, 989)
        self.ph_digits = (self.area, f"{ex}", dig(r, 4))

    # names
    def hl7(self, mi=True, case="upper"):
        last, first = (self.last.upper(), self.first.upper()) if case == "upper" else (self.last, self.first)
        return f"{last}^{first}" + (f"^{self.mi}" if mi else "")

    @property
    def full(self):
        return f"{self.first} {self.last}"

    @property
    def lf(self):
        return f"{self.last}, {self.first}"

    @property
    def LF(self):
        return f"{self.last.upper()}, {self.first.upper()}"

    @property
    def FULL(self):
        return f"{self.first.upper()} {self.last.upper()}"

    # contact
    def phone(self, s=None):
        a, b, c = self.ph_digits
        s = s or self.r.choice(["paren", "dash", "dot", "plus", "space", "bare"])
        return {"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dot": f"{a}.{b}.{c}",
                "plus": f"+1 {a} {b} {c}", "space": f"{a} {b} {c}", "bare": f"{a}{b}{c}",
                "plusdash": f"+1-{a}-{b}-{c}"}[s]

    @cached_property
    def email(self):
        r = self.r
        f, l = fold(self.first), fold(self.last)
        user = r.choice([f"{f}.{l}", f"{f}{l}{r.randint(2, 99)}", f"{f[0]}{l}{self.dob.year % 100:02d}",
                         f"{l}.{f}{r.randint(1, 9)}", f"{f}_{l}"])
        return f"{user}@{r.choice(['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'comcast.net', 'hotmail.com', 'proton.me'])}"

    @cached_property
    def mrn(self):
        return self.r.choice([dig1(self.r, 7), "E" + dig(self.r, 7), "00" + dig1(self.r, 6), dig1(self.r, 8)])

    @cached_property
    def ssn(self):
        return ssn(self.r)

    @cached_property
    def mbi(self):
        return mbi(self.r)

    @cached_property
    def member(self):
        r = self.r
        return r.choice([upal(r, 3) + dig(r, 9), "W" + dig(r, 10), dig1(r, 9) + "01", "M" + dig(r, 8) + "A",
                         upal(r, 2) + dig(r, 7)])

    @cached_property
    def acct(self):
        return self.r.choice(["HAR" + dig1(self.r, 9), dig1(self.r, 10), "A" + dig(self.r, 9)])

    @cached_property
    def csn(self):
        return dig1(self.r, 10)

    def relative(self, sex=None, lo=25, hi=60, same_last=True, same_addr=True):
        for _ in range(20):
            p = Pt(self.r, cult=self.cult, sex=sex, lo=lo, hi=hi, last=self.last if same_last else None,
                   city=(self.city, self.state, self.zip[:3], self.area))
            if p.first != self.first:
                break
        if same_addr:
            p.street, p.zip = self.street, self.zip
        return p


def bw_for(r, ga):
    """a birth weight in grams roughly plausible for the gestational age in weeks"""
    return max(480, 600 + (ga - 24) * 175 + r.randint(-220, 220))


def age_s(pt, suf=""):
    """age as text, labelled when over 89"""
    return P(str(pt.age) + suf, "age_over_89") if pt.age >= 90 else str(pt.age) + suf


def addr_inline(pt, sep=", "):
    return f"{P(pt.street, 'street_address')}{sep}{P(pt.city, 'street_address')}, {D(pt.state, 'state')} {P(pt.zip, 'zip_code')}"


def staff(r, k=1):
    xs = r.sample(STAFF, k)
    return xs if k > 1 else xs[0]


def S(name):
    return D(name, "staff")


def dr(r, style=None):
    n = staff(r)
    style = style or r.choice(["Dr.", "MD", "plain"])
    if style == "Dr.":
        return D("Dr. " + n, "staff")
    if style == "MD":
        return D(n + ", MD", "staff")
    return D(n, "staff")


def handle(name):
    f, l = name.split(" ", 1)
    return (f[0] + l.replace(" ", "").replace("-", "")).lower()


def fac(r, name=None):
    return D(name or r.choice(FACILITIES), "facility")


def hl7_name_staff(r):
    n = staff(r)
    f, l = n.split(" ", 1)
    return D(f"{dig1(r, 10)}^{l.upper()}^{f.upper()}", "staff")


def msg_ts(r, d):
    return D(f"{fd(d, 'hl7')}{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}", "message_time")


def ctrl(r):
    return r.choice([dig1(r, 9), "MSG" + dig(r, 8), f"{r.randint(100000, 999999)}.{r.randint(1, 9)}"])


def work_phone(r, area=None):
    a = area or r.choice(["617", "312", "614", "503", "720", "919"])
    return f"{a}-{r.randint(2, 9)}{dig(r, 2)}-{dig(r, 4)}"


def ext(r):
    return f"x{r.randint(2, 7)}{dig(r, 3)}"


def pager(r):
    return r.choice([f"{r.randint(2, 9)}{dig(r, 3)}", f"{dig1(r, 3)}-{dig(r, 4)}"])


# ---------------------------------------------------------------- template registry
TEMPLATES = {f: [] for f in PHI_FAMILIES + CLEAN_FAMILIES}


def T(family, name):
    def deco(fn):
        assert name not in {n for n, _ in TEMPLATES[family]}, name
        TEMPLATES[family].append((name, fn))
        return fn
    return deco


# ================================================================ HL7 helpers
def seg(name, fields):
    n = max(fields)
    return name + "|" + "|".join(str(fields.get(i, "")) for i in range(1, n + 1))


def msh(r, d, typ, snd="EPIC", sfac="BAYVIEW", rcv="PACS", rfac="BRMC", ver="2.3"):
    return f"MSH|^~\\&|{snd}|{sfac}|{rcv}|{rfac}|{msg_ts(r, d)}||{typ}|{ctrl(r)}|P|{ver}"


def hl7_addr(pt):
    return (f"{P(pt.street, 'street_address')}^^{P(pt.city, 'street_address')}^{D(pt.state, 'state')}"
            f"^{P(pt.zip, 'zip_code')}^USA^H")


def hl7_phone(r, pt, split=None):
    split = r.random() < 0.35 if split is None else split
    a, b, c = pt.ph_digits
    if split:
        return f"^PRN^PH^^1^{P(a, 'phone')}^{P(b + c, 'phone')}"
    return f"{P(f'({a}){b}-{c}', 'phone')}^PRN^PH"


def pid(r, pt, auth="BRMC", addr=True, phone=True, acct=None, ssn_=False, mother_mrn=None, case="upper",
        mi=True, dob_time=None, race=False):
    f = {1: "1", 3: f"{P(pt.mrn, 'mrn')}^^^{auth}^MR", 5: N(pt.hl7(mi=mi, case=case)),
         7: P(fd(pt.dob, 'hl7') + (dob_time or ""), "date"), 8: pt.sex}
    if race:
        f[10] = r.choice(["2106-3^White^HL70005", "2054-5^Black^HL70005", "2028-9^Asian^HL70005", "2131-1^Other^HL70005"])
    if addr:
        f[11] = hl7_addr(pt)
    if phone:
        f[13] = hl7_phone(r, pt)
    if acct:
        f[18] = P(acct, "account_number")
    if ssn_:
        f[19] = P(pt.ssn, "ssn")
    if mother_mrn:
        f[21] = P(mother_mrn, "mrn")
    return seg("PID", f)


def pv1(r, cls, loc, att=True, visit=None, admit=None, svc=None):
    f = {1: "1", 2: cls, 3: loc}
    if att:
        f[7] = hl7_name_staff(r)
    if svc:
        f[10] = svc
    if visit:
        f[19] = P(visit, "other_id")
    if admit:
        f[44] = P(admit, "date")
    return seg("PV1", f)


def mirth_log(r, d, lines, start=None):
    out = []
    t = start if start is not None else r.randint(0, 20 * 3600)
    for lvl, src, msg in lines:
        t += r.randint(0, 90) + r.random()
        hh, mm, ss = int(t // 3600) % 24, int(t // 60) % 60, t % 60
        out.append(f"{d.isoformat()} {hh:02d}:{mm:02d}:{ss:06.3f} {lvl:<5} [{src}] {msg}")
    return "\n".join(out)


def jira_head(r, key, title, style=None, comps=None, after=None):
    rep, asg = staff(r, 2)
    style = style or r.choice(["dc", "cloud", "plain"])
    created = recent(r, 1, 20) if after is None else min(TODAY, after + dt.timedelta(days=r.randint(0, 3)))
    if style == "dc":
        return (f"[{key}] {title}\n"
                f"Type: Bug    Priority: {r.choice(['Major', 'Critical', 'Minor'])}    Status: {r.choice(['Open', 'In Progress', 'Triage'])}\n"
                f"Component/s: {comps or 'Interfaces'}\n"
                f"Reporter: {S(rep)}    Assignee: {S(asg)}\n"
                f"Created: {fd(created, 'dmy')} {r.randint(8, 17)}:{r.randint(10, 59)}\n\n"), rep, asg, created
    if style == "cloud":
        return (f"# {key}: {title}\n\n"
                f"**Reporter:** {S(rep)} · **Assignee:** {S(asg)} · **Priority:** {r.choice(['High', 'Medium', 'Highest'])} · "
                f"**Labels:** {comps or 'integration'}\n"
                f"Created {fd(created, 'short')}\n\n"), rep, asg, created
    return (f"{key} -- {title}\n"
            f"reported by {S(rep)}, assigned to {S(asg)}, created {fd(created, 'iso')}\n\n"), rep, asg, created


# ================================================================ jira_hl7 (PHI)
@T("jira_hl7", "jira_pacs_orm_worklist")
def _(r):
    pt = Pt(r, old=0.1)
    key = f"RIS-{r.randint(1200, 4999)}"
    exam = recent(r, 4, 40)
    mod = r.choice([("CT", "CTABPEC", "CT ABD/PELVIS W CONTRAST"), ("MR", "MRBRWWO", "MRI BRAIN W/WO CONTRAST"),
                    ("US", "USRENAL", "US RENAL COMPLETE"), ("NM", "NMBONEWB", "NM BONE SCAN WHOLE BODY")])
    acc = r.choice([f"{mod[0]}{dig1(r, 8)}", f"A{dig1(r, 9)}", f"BRMC{dig(r, 7)}"])
    placer = "ORD" + dig(r, 8)
    station = f"{mod[0]}{r.randint(1, 4):02d}_BAYVIEW"
    head, rep, asg, created = jira_head(r, key, f"MWL item not created for {mod[0]} orders when accession only in ORC-3",
                                        style="dc", comps="Radiant / PACS MWL broker", after=exam)
    sched = fd(exam, "hl7") + hhmm(r)
    msg = "\n".join([
        msh(r, exam, "ORM^O01", snd="RADIANT", rcv="MWL_BROKER"),
        pid(r, pt, acct=pt.acct if r.random() < .5 else None),
        pv1(r, "O", f"{mod[0]}1^^^BRMC", visit=pt.csn),
        f"ORC|NW|{D(placer, 'internal_id')}|{P(acc, 'other_id')}||SC||^^^{P(sched, 'date')}^^R",
        f"OBR|1|{D(placer, 'internal_id')}||{mod[1]}^{mod[2]}^EAP|||||||||||||{hl7_name_staff(r)}||||||||{mod[0]}|||^^^{P(sched, 'date')}",
    ])
    log = mirth_log(r, exam, [
        ("INFO", "mwl-broker-3", f"received ORM^O01 from RADIANT, {len(msg)} bytes"),
        ("WARN", "mwl-broker-3", f"OBR-18 empty, falling back to OBR-3 (empty) for accession, PID-3={P(pt.mrn, 'mrn')}"),
        ("ERROR", "mwl-broker-3", f"MWL insert rejected: (0008,0050) AccessionNumber must not be empty, station={D(station, 'ae_title')}"),
        ("INFO", "mwl-broker-3", "ACK AE sent to RADIANT"),
    ])
    return (head +
            f"h3. What happens\n"
            f"Since the Radiant upgrade on the weekend, ORM^O01 for {mod[0]} carry the accession in *ORC-3* only. "
            f"The broker still reads OBR-18, so the worklist entry is never created and the tech at {D(station, 'ae_title')} "
            f"had to key the patient in by hand (wrong-patient risk). Example below, from prod, trimmed.\n\n"
            f"{{code:title=inbound ORM (prod)}}\n{msg}\n{{code}}\n\n"
            f"{{noformat}}\n{log}\n{{noformat}}\n\n"
            f"h3. Expected\nBroker takes ORC-3 when OBR-18 is empty (that is what the interface spec v4.2 says).\n\n"
            f"h3. Notes\n* The order was worked manually, exam completed, images reconciled by {S(rep)}.\n"
            f"* About {r.randint(14, 60)} orders affected since Saturday, list in the attached xlsx (not pasted here).\n")


@T("jira_hl7", "jira_lis_reflab_oru_nte")
def _(r):
    pt = Pt(r, old=0.15)
    key = f"LIS-{r.randint(300, 2999)}"
    coll = recent(r, 5, 30)
    res_d = coll + dt.timedelta(days=r.randint(2, 6))
    acc = f"{r.choice(['RL', 'Q', 'ML'])}{dig1(r, 9)}"
    ctime = fd(coll, "hl7") + hhmm(r)
    tests = r.choice([
        [("13950-1", "Hepatitis A Ab IgM", "Nonreactive", "", "Nonreactive"), ("5196-1", "HBsAg", "Nonreactive", "", "Nonreactive")],
        [("2132-9", "Vitamin B12", str(r.randint(150, 900)), "pg/mL", "232-1245"), ("2284-8", "Folate", f"{r.uniform(3, 20):.1f}", "ng/mL", ">3.9")],
        [("1986-9", "Vitamin D 25-OH", str(r.randint(8, 60)), "ng/mL", "30-100")],
    ])
    head, rep, asg, created = jira_head(r, key, "Reference lab ORU: NTE after OBX shifts results, last OBX dropped",
                                        style="cloud", comps="lis, reflab, mirth", after=res_d)
    lines = [msh(r, res_d, "ORU^R01", snd="REFLAB", sfac="BAYVIEWREF", rcv="SUNQUEST", rfac="BRMC", ver="2.5.1"),
             pid(r, pt, auth="BRMC", addr=r.random() < .5, phone=False),
             f"ORC|RE|{D('P' + dig(r, 8), 'internal_id')}|{P(acc, 'other_id')}",
             f"OBR|1|{D('P' + dig(r, 8), 'internal_id')}|{P(acc, 'other_id')}|REFPANEL^Send-out panel|||{P(ctime, 'date')}||||||||||{hl7_name_staff(r)}"]
    for i, (loinc, name, val, unit, rng) in enumerate(tests, 1):
        lines.append(f"OBX|{i}|{'NM' if unit else 'ST'}|{D(loinc, 'code')}^{name}^LN||{val}|{unit}|{rng}|N|||F|||{P(ctime, 'date')}")
        lines.append(f"NTE|{i}|L|Testing performed at {fac(r, 'Bayview Reference Laboratory')}, CLIA {D('22D' + dig(r, 7), 'code')}")
    lines.append("NTE|9|L|Specimen received ambient, within stability.")
    msg = "\n".join(lines)
    log = mirth_log(r, res_d, [
        ("INFO", "REFLAB_IN", f"Message {ctrl(r)} parsed, {len(tests)} OBX, {len(tests) + 1} NTE"),
        ("WARN", "REFLAB_IN", f"Transformer step 4: OBX index mismatch for accession {P(acc, 'other_id')}"),
        ("ERROR", "SUNQUEST_OUT", "Result count 1 != expected " + str(len(tests))),
    ])
    return (head +
            "## Problem\n"
            "When the reference lab sends an `NTE` after every `OBX` (they started doing that for the CLIA line), "
            "our transformer indexes NTEs as if they were results, and the final OBX never reaches Sunquest. "
            f"Client services noticed because the ordering office ({dr(r)}) called for a missing result.\n\n"
            f"```\n{msg}\n```\n\n"
            f"Channel log:\n```\n{log}\n```\n\n"
            "## Fix idea\nIterate `msg['OBX']` and look up `NTE` by group, not by position. I'll put a PR up.\n\n"
            f"_{S(asg)}_: can we also resend the affected accessions after the fix? There are {r.randint(3, 40)} in the error queue.\n")


@T("jira_hl7", "jira_bloodbank_crossmatch")
def _(r):
    pt = Pt(r, lo=20, hi=89, old=0.12)
    key = f"BBK-{r.randint(40, 900)}"
    d = recent(r, 2, 25)
    spec = f"BB{d.year % 100}-{dig1(r, 6)}"
    units = [f"W{r.randint(1000, 9999)} {d.year % 100} {dig(r, 6)} {r.choice('ABCDEFGHJK')}" for _ in range(r.randint(1, 3))]
    abo = r.choice(["O POS", "A POS", "B NEG", "AB POS", "O NEG"])
    head, rep, asg, created = jira_head(r, key, "Crossmatch results to EHR show units against the wrong encounter",
                                        style="dc", comps="Blood Bank / SafeTrace interface", after=d)
    visit_old, visit_new = dig1(r, 10), dig1(r, 10)
    lines = [msh(r, d, "ORU^R01", snd="SAFETRACE", sfac="BBANK", rcv="EPIC", rfac="BRMC", ver="2.4"),
             pid(r, pt, addr=False, phone=False),
             pv1(r, "I", f"{r.choice(['4W', 'SICU', 'ONC7', 'L&D'])}^{r.randint(401, 440)}^A", visit=visit_old),
             f"OBR|1||{P(spec, 'other_id')}|XM^CROSSMATCH|||{P(fd(d, 'hl7') + hhmm(r), 'date')}",
             f"OBX|1|ST|ABORH^ABO/Rh||{abo}||||||F",
             "OBX|2|ST|ABSC^Antibody Screen||NEGATIVE||||||F"]
    for i, u in enumerate(units, 3):
        lines.append(f"OBX|{i}|ST|XMUNIT^Crossmatched unit||{D(u, 'code')}^{r.choice(['E0336V00', 'E0291V00'])}^ISBT||||||F")
        lines.append(f"OBX|{i}|ST|XMRES^Crossmatch||COMPATIBLE (electronic)||||||F")
    msg = "\n".join(lines)
    return (head +
            f"*Summary*\nPatient was transferred and got a new visit ({P(visit_new, 'other_id')}) between type & screen and "
            f"crossmatch. SafeTrace still sends PV1-19 = {P(visit_old, 'other_id')} (the ED visit), so the units show on the closed "
            f"encounter and the floor could not see them. Transfusion went ahead after a phone verification by {S(rep)}.\n\n"
            f"{{noformat}}\n{msg}\n{{noformat}}\n\n"
            f"*Ask*: re-query the current visit from ADT before building the ORU, or let Epic remap by specimen {P(spec, 'other_id')}.\n"
            f"Unit numbers are product identifiers, not patient data, fine to keep in the ticket.\n")


@T("jira_hl7", "jira_pharmacy_rde_cabinet")
def _(r):
    pt = Pt(r, old=0.12)
    key = f"PHRM-{r.randint(1000, 6000)}"
    d = recent(r, 2, 30)
    med = r.choice(MEDS["ctrl"])
    order = dig1(r, 9)
    cab = r.choice(["Omnicell", "Pyxis"])
    unit = r.choice(["5 North", "PACU", "Oncology 7", "MICU", "L&D"])
    room = f"{r.randint(501, 560)}"
    head, rep, asg, created = jira_head(r, key, f"{cab} profile not updated: RDE^O11 rejected, PV1-3 room with letter suffix",
                                        comps="Willow / cabinet interface", after=d)
    lines = [msh(r, d, "RDE^O11", snd="WILLOW", sfac="BAYVIEW", rcv=cab.upper(), rfac="BRMC", ver="2.5"),
             pid(r, pt, addr=False, phone=False, acct=pt.acct),
             pv1(r, "I", f"{unit.replace(' ', '').upper()}^{room}B^1"),
             f"ORC|NW|{D(order, 'internal_id')}|||||^Q4H PRN",
             f"RXE|^Q4H PRN|{D(ndc(r), 'drug_code')}^{D(med, 'medication')}^NDC|1||mL|||||||||||||||||||||||||||",
             f"AL1|1|DA|^{D(r.choice(['penicillin', 'sulfa drugs', 'latex', 'codeine']), 'condition')}|MO"]
    msg = "\n".join(lines)
    log = mirth_log(r, d, [
        ("INFO", f"{cab.lower()}-out", f"RDE^O11 order={D(order, 'internal_id')} built"),
        ("WARN", f"{cab.lower()}-out", f"NAK AR from cabinet server: 'Room {room}B not mapped for unit {unit}'"),
        ("INFO", f"{cab.lower()}-out", "retry 1/3 scheduled in 60s"),
        ("ERROR", f"{cab.lower()}-out", "giving up after 3 retries; message to error queue"),
    ])
    return (head +
            f"Nurse on {unit} could not pull {D(med, 'medication')} for {N(pt.full)} (bed {room}B) and had to use override. "
            f"Pharmacy ({S(rep)}) traced it to the cabinet rejecting the room with the bed letter attached.\n\n"
            f"{{code}}\n{msg}\n{{code}}\n\n{{code}}\n{log}\n{{code}}\n\n"
            f"Workaround: strip the suffix in the outbound transformer (PV1-3.2). {S(asg)} to test in TST first.\n"
            f"Override count on {unit} since Friday: {r.randint(6, 30)} (controlled-substance report to follow from pharmacy).\n")


@T("jira_hl7", "jira_nicu_newborn_adt")
def _(r):
    mom = Pt(r, sex="F", lo=19, hi=42)
    birth = recent(r, 1, 20)
    btime = hhmm(r, 0, 23)
    sex = r.choice(["F", "M"])
    baby_first = "BABYGIRL" if sex == "F" else "BABYBOY"
    twin = r.random() < .3
    if twin:
        baby_first += r.choice([" A", " B"])
    baby_mrn = dig1(r, 8)
    key = f"ADT-{r.randint(2000, 7000)}"
    head, rep, asg, created = jira_head(r, key, "Newborn A04: PID-21 mother link missing, lab and PACS can't find mother/baby pair",
                                        comps="ADT, Stork, NICU", after=birth)
    baby_hl7 = f"{mom.last.upper()}^{baby_first}"
    bt = fd(birth, "hl7") + btime
    lines = [msh(r, birth, "ADT^A04", snd="EPIC", rcv="CLOVERLEAF", ver="2.5.1"),
             f"EVN|A04|{msg_ts(r, birth)}",
             seg("PID", {1: "1", 3: f"{P(baby_mrn, 'mrn')}^^^BRMC^MR", 5: N(baby_hl7), 6: N(mom.last.upper()),
                         7: P(bt, "date"), 8: sex, 11: hl7_addr(mom), 21: ""}),
             f"NK1|1|{N(mom.hl7(mi=False))}|MTH^Mother^HL70063|{hl7_addr(mom)}|{hl7_phone(r, mom, split=False)}",
             pv1(r, "I", f"NICU^{r.randint(1, 40):02d}^A", admit=bt)]
    msg = "\n".join(lines)
    bw = r.randint(780, 4300)
    return (head +
            f"The Stork build sends the newborn registration without *PID-21* (mother's identifier). Downstream, Sunquest and "
            f"the PACS both rely on PID-21 to link mother and baby, so the cord blood and the babygram of "
            f"{N(baby_hl7.replace('^', ' '))} sit unlinked.\n\n"
            f"Mother is {N(mom.hl7(mi=False).replace('^', ', '))}, MRN {P(mom.mrn, 'mrn')}; she was admitted to L&D the day before.\n\n"
            f"{{noformat}}\n{msg}\n{{noformat}}\n\n"
            f"Birth weight {bw} g, so NICU admission per protocol ({D(r.choice(CONDITIONS['neo']), 'condition')}). "
            f"{S(rep)} confirmed the A04 is built from the delivery summary before the link is filed.\n\n"
            f"Proposed: delay the A04 until the mother link is filed, or send an A08 with PID-21 right after.\n")


@T("jira_hl7", "jira_dicom_mwl_findscu")
def _(r):
    pt = Pt(r, lo=20, hi=89, old=0.3)
    key = f"PACS-{r.randint(500, 4000)}"
    d = recent(r, 2, 20)
    aet = r.choice(["CT02_EAST", "US3_WOMENS", "MR1_OPC", "DX_PORT4"])
    acc = f"{dig1(r, 10)}"
    sched = fd(d, "hl7")
    host = ip_srv(r)
    dage = P(f"{pt.age:03d}Y", "age_over_89") if pt.age >= 90 else f"{pt.age:03d}Y"
    head, rep, asg, created = jira_head(r, key, f"Modality worklist empty on {aet} after AE title change",
                                        comps="PACS, MWL", after=d)
    dump = "\n".join([
        f"$ findscu -v -W -aet {D(aet, 'ae_title')} -aec {D('MWL_SCP', 'ae_title')} {host} 104 -k 0008,0050 -k 0010,0010 -k \"0040,0100[0].0040,0001=CT02\"",
        "I: Requesting Association",
        "I: Association Accepted (Max Send PDV: 16372)",
        "I: Sending Find Request (MsgID 1)",
        "W: ---------------------------",
        "W: Find Response: 1 (Pending)",
        "W: # Dicom-Data-Set",
        "W: (0008,0005) CS [ISO_IR 192]",
        f"W: (0008,0050) SH [{P(acc, 'other_id')}]",
        f"W: (0010,0010) PN [{N(pt.hl7(mi=False))}]",
        f"W: (0010,0020) LO [{P(pt.mrn, 'mrn')}]",
        f"W: (0010,0030) DA [{P(fd(pt.dob, 'hl7'), 'date')}]",
        f"W: (0010,0040) CS [{pt.sex}]",
        f"W: (0010,1010) AS [{dage}]",
        "W: (0040,0100) SQ (Sequence with explicit length #=1)",
        "W:   (fffe,e000) na (Item with explicit length #=3)",
        f"W:     (0040,0001) AE [{D('CT02', 'ae_title')}]",
        f"W:     (0040,0002) DA [{P(sched, 'date')}]",
        f"W:     (0040,0003) TM [{hhmm(r)}00]",
        "W:   (fffe,e00d) na (ItemDelimitationItem)",
        "W: (fffe,e0dd) na (SequenceDelimitationItem)",
        "I: Received Final Find Response (Success)",
        "I: Releasing Association",
    ])
    return (head +
            f"Techs on {D(aet, 'ae_title')} see an empty worklist since the rename on Monday. The broker still schedules "
            f"against the old station AE `{D('CT02', 'ae_title')}` (see (0040,0001) below). Same query with the old AE, run from the modality VLAN by {S(asg)}, does return today's items:\n\n"
            f"{{noformat}}\n{dump}\n{{noformat}}\n\n"
            f"So the item exists but is scheduled for the old AE. Broker mapping table `station_ae_map` still has the old row.\n"
            f"Fix: update the map, then re-send today's ORMs. Until then techs key in by accession.\n")


@T("jira_hl7", "jira_home_dialysis_oru")
def _(r):
    pt = Pt(r, lo=30, hi=89, old=0.08)
    key = f"NEPH-{r.randint(100, 900)}"
    d = recent(r, 3, 25)
    serial = r.choice([f"NX{dig1(r, 7)}", f"HD-{upal(r, 2)}{dig(r, 6)}", f"{dig1(r, 4)}-{upal(r, 1)}{dig(r, 5)}"])
    tx = fd(d, "hl7") + hhmm(r, 5, 21)
    head, rep, asg, created = jira_head(r, key, "Home HD treatment ORU: OBX-18 serial too long, treatments not filing",
                                        style="cloud", comps="dialysis, device-integration", after=d)
    obs = [("UF_GOAL", "UF goal", f"{r.uniform(0.8, 3.5):.1f}", "L"), ("UF_ACT", "UF removed", f"{r.uniform(0.5, 3.4):.1f}", "L"),
           ("QB", "Blood flow", str(r.choice([300, 350, 400])), "mL/min"), ("DUR", "Duration", str(r.choice([150, 180, 210])), "min"),
           ("SBP_PRE", "SBP pre", str(r.randint(110, 170)), "mm[Hg]")]
    lines = [msh(r, d, "ORU^R01", snd="HHDCLOUD", sfac="VENDOR", rcv="EPIC", rfac="BRMC", ver="2.6"),
             pid(r, pt, addr=r.random() < .6, phone=False),
             f"OBR|1||{D(dig1(r, 8), 'internal_id')}|HHDTX^Home hemodialysis treatment|||{P(tx, 'date')}"]
    for i, (code, name, val, unit) in enumerate(obs, 1):
        lines.append(f"OBX|{i}|NM|{code}^{name}^L||{val}|{unit}|||||F|||{P(tx, 'date')}||||{P(serial, 'device_id')}")
    msg = "\n".join(lines)
    return (head +
            f"Home program patient {N(pt.full)} ({D(r.choice(CONDITIONS['renal']), 'condition')}) got a replacement cycler "
            f"with serial `{P(serial, 'device_id')}`; since then none of the treatments file to flowsheets. "
            f"Epic's inbound spec caps OBX-18 at 10 chars.\n\n```hl7\n{msg}\n```\n\n"
            f"Bridge error:\n```\n{logts(r, d)} ERROR obx18 length {len(serial)} exceeds 10 (segment OBX|1)\n```\n\n"
            f"Home dialysis RN ({S(rep)}) is charting by hand meanwhile. {S(asg)}: can we map the serial to OBX-18.1 and drop the suffix?\n")


@T("jira_hl7", "jira_dental_dft")
def _(r):
    child = Pt(r, lo=6, hi=16)
    parent = child.relative(sex=r.choice("FM"), lo=30, hi=50)
    key = f"DENT-{r.randint(100, 700)}"
    d = recent(r, 4, 30)
    member = child.member
    procs = r.sample([("D1120", "Prophylaxis - child", "", 62), ("D0120", "Periodic oral eval", "", 48),
                      ("D1351", "Sealant - per tooth", "30", 41), ("D2392", "Resin composite 2s, posterior", "19", 185),
                      ("D1206", "Topical fluoride varnish", "", 35), ("D0272", "Bitewings - two films", "", 52)], 3)
    head, rep, asg, created = jira_head(r, key, "DFT^P03 from dental EHR: FT1-26 tooth number lands in modifier, claims rejecting",
                                        comps="Dental / billing interface", after=d)
    lines = [msh(r, d, "DFT^P03", snd="DENTRIX", sfac="GRANITEPEAK", rcv="EPICPB", rfac="BRMC"),
             f"EVN|P03|{msg_ts(r, d)}",
             pid(r, child, auth="GPDC"),
             seg("GT1", {1: "1", 3: N(parent.hl7(mi=False)), 5: hl7_addr(parent), 6: hl7_phone(r, parent, split=False), 11: "MTH" if parent.sex == "F" else "FTH"})]
    for i, (cdt, desc, tooth, fee) in enumerate(procs, 1):
        lines.append(seg("FT1", {1: str(i), 4: P(fd(d, "hl7"), "date"), 6: "CG", 7: f"{D(cdt, 'code')}^{desc}^CDT",
                                 10: "1", 11: f"{fee}.00", 26: tooth}))
    lines.append(seg("IN1", {1: "1", 2: "DENT01", 4: r.choice(["DELTA DENTAL", "MEDICAID DENTAL", "GUARDIAN"]),
                             8: D("GRP" + dig(r, 5), "group_number"), 36: P(member, "health_plan_id")}))
    msg = "\n".join(lines)
    return (head +
            f"Pediatric dental visits from {fac(r, 'Granite Peak Dental Clinic')} come over with the tooth number in FT1-26 "
            f"(per the vendor guide) but our mapping puts FT1-26 into CPT modifier 1. The sealant line then fails the 837D edit "
            f"\"invalid modifier\". Tooth numbers are fine to keep in tickets; the rest of this message is a real visit, "
            f"please don't copy it to the vendor case.\n\n{{code}}\n{msg}\n{{code}}\n\n"
            f"Guarantor {N(parent.full)} already called the billing office about the rejected claim.\n")


# ================================================================ table helpers
def table(fmt, head, rows):
    if fmt == "wiki":
        out = ["||" + "||".join(head) + "||"]
        out += ["| " + " | ".join(c if c != "" else " " for c in row) + " |" for row in rows]
    elif fmt == "md":
        out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
    elif fmt == "html":
        out = ["<table class=\"confluenceTable\"><tbody>",
               "<tr>" + "".join(f"<th class=\"confluenceTh\">{h}</th>" for h in head) + "</tr>"]
        out += ["<tr>" + "".join(f"<td class=\"confluenceTd\">{c}</td>" for c in row) + "</tr>" for row in rows]
        out.append("</tbody></table>")
    elif fmt == "tsv":
        out = ["\t".join(head)] + ["\t".join(row) for row in rows]
    elif fmt == "pipe":
        out = ["|".join(head)] + ["|".join(row) for row in rows]
    elif fmt == "csv":
        def q(c):
            return f"\"{c}\"" if ("," in c or "\"" in c) else c
        out = [",".join(head)] + [",".join(q(c) for c in row) for row in rows]
    else:
        raise ValueError(fmt)
    return "\n".join(out)


def conf_head(r, space, title, fmt="wiki"):
    who = staff(r)
    ed = recent(r, 0, 10)
    if fmt == "md":
        return f"{space} / {title}\n\n# {title}\n_Last updated by {S(who)} on {fd(ed, 'short')}_\n\n", who
    if fmt == "html":
        return (f"<h1>{title}</h1>\n<p><em>{space}</em> &middot; Created by {S(who)}, last modified on "
                f"{fd(ed, 'short')}</p>\n", who)
    return f"{space} > {title}\nCreated by {S(who)}, last modified on {fd(ed, 'short')}\n\nh1. {title}\n", who


# ================================================================ confluence_table (PHI)
@T("confluence_table", "conf_transplant_waitlist")
def _(r):
    head, who = conf_head(r, "Transplant Services", "Kidney waitlist & living donor tracker", "wiki")
    rows = []
    coords = staff(r, 3)
    for i in range(r.randint(3, 5)):
        rec = Pt(r, lo=24, hi=74)
        unos = upal(r, 3) + dig(r, 4)
        live = r.random() < .6
        if live:
            dn = rec.relative(lo=22, hi=60, same_last=r.random() < .5)
            rel = r.choice(["sibling", "sibling", "child", "spouse", "friend", "altruistic"])
            if rel in ("friend", "altruistic", "spouse"):
                dn = Pt(r, lo=24, hi=60)
            rel = {"sibling": "sister" if dn.sex == "F" else "brother",
                   "child": "daughter" if dn.sex == "F" else "son"}.get(rel, rel)
            dcell, relc, dmrn = N(dn.full), rel, P(dn.mrn, "mrn")
        else:
            dcell, relc, dmrn = "none (DD list)", "", ""
        rows.append([N(rec.lf), P(rec.mrn, "mrn"), P(fd(rec.dob, "us"), "date"), r.choice(["O", "A", "B", "AB"]),
                     f"{r.choice([0, 0, 12, 38, 67, 86, 99])}%", P(unos, "other_id"), dcell, relc, dmrn,
                     S(r.choice(coords)),
                     r.choice(["crossmatch pending", "donor CT angio ordered", "dental clearance outstanding",
                               "insurance auth in progress", "ready, on hold (infection)", "selection committee 12/15"])])
    return (head +
            "{info}Working list for the Tuesday selection huddle. Keep this page restricted to the transplant group; "
            "do not export.{info}\n\n"
            + table("wiki", ["Recipient", "MRN", "DOB", "ABO", "cPRA", "UNOS ID", "Living donor", "Relation", "Donor MRN",
                             "Coordinator", "Next step"], rows)
            + f"\n\nh3. Reminders\n* Donor evaluation charts are separate MRNs; never merge donor and recipient.\n"
              f"* Dialysis units get the monthly status letter from {S(who)}.\n")


@T("confluence_table", "conf_infusion_chair_schedule")
def _(r):
    day = TODAY + dt.timedelta(days=r.randint(1, 6))
    head, who = conf_head(r, "Oncology Infusion", f"Chair schedule {fd(day, 'iso')}", "md")
    head = head.replace(fd(day, "iso"), P(fd(day, "iso"), "date"))
    rows = []
    t0 = 7 * 60 + 30
    nurses = staff(r, 3)
    for i in range(r.randint(4, 7)):
        pt = Pt(r, lo=28, hi=89, old=0.1)
        t0 += r.choice([15, 30, 45])
        med = " + ".join(r.sample(MEDS["onc"], r.choice([1, 2])))
        note = r.choice(["port access", "pre-meds 30 min prior", "labs drawn in clinic", "first dose - observe 60 min",
                         "interpreter (Spanish) booked", "hold if ANC < 1000", f"pt is {age_s(pt)}, daughter drives" if pt.age >= 90 else "ride: van"])
        rows.append([f"{i + 1:02d}", f"{t0 // 60}:{t0 % 60:02d}", N(pt.lf), P(pt.mrn, "mrn"), D(med, "medication"),
                     f"C{r.randint(1, 8)}D{r.choice([1, 8, 15])}", S(r.choice(nurses)), note])
    return (head + "Chairs 1-14, pod B closed for flooring. Add-ons go to chair 12.\n\n"
            + table("md", ["Chair", "Time", "Patient", "MRN", "Regimen", "Cycle/Day", "RN", "Notes"], rows)
            + f"\n\n> Pharmacy cut-off for same-day mixing is 14:00. Questions to the charge RN, {S(who)}.\n")


@T("confluence_table", "conf_home_health_visits")
def _(r):
    head, who = conf_head(r, "Home Health & Hospice", "Weekly visit board - North team", "html")
    rows = []
    clin = staff(r, 4)
    for i in range(r.randint(3, 5)):
        pt = Pt(r, lo=55, hi=89, old=0.4)
        soc = recent(r, 5, 55)
        vt = r.choice(["SOC", "ROC", "Recert", "PRN", "Discharge"])
        rows.append([S(r.choice(clin)), N(pt.FULL), f"{P(pt.street, 'street_address')}, {P(pt.city, 'street_address')} {P(pt.zip, 'zip_code')}",
                     P(pt.phone("paren"), "phone"), vt, P(fd(soc, "us1"), "date"),
                     r.choice(["dog in yard", "key in lockbox 1947", "call on arrival", "2nd floor walk-up", "spouse is caregiver", ""]),
                     age_s(pt)])
    return (head + "<p>OASIS due dates follow the SOC date in column 6. Keep the board current before 08:00 huddle.</p>\n"
            + table("html", ["Clinician", "Patient", "Address", "Phone", "Visit", "SOC", "Access notes", "Age"], rows)
            + f"\n<p>Mileage sheets to {S(who)} by Friday.</p>\n")


@T("confluence_table", "conf_research_screening_log")
def _(r):
    study = r.choice(["HEART-AGE", "BRIGHTEN-CKD", "NEO-SLEEP", "PROTECT-HIP", "ONCO-FIT"])
    head, who = conf_head(r, "Clinical Research Office", f"{study} pre-screening log (Excel paste)", "wiki")
    rows = []
    coords = staff(r, 2)
    for i in range(r.randint(4, 6)):
        pt = Pt(r, lo=60, hi=89, old=0.35)
        scr = recent(r, 3, 60)
        elig = r.choice(["Y", "N", "pending"])
        subj = f"{study.split('-')[0][:3]}-{r.randint(10, 99)}-{dig(r, 3)}" if elig == "Y" else ""
        rows.append([str(i + 1), P(subj, "other_id") if subj else "", N(pt.LF), P(pt.mrn, "mrn"), age_s(pt),
                     P(fd(scr, "us"), "date"), elig,
                     "" if elig == "Y" else r.choice(["eGFR < 20", "on anticoagulant", "declined", "no transport",
                                                     "enrolled in other trial"]),
                     S(r.choice(coords))])
    return (head + "{noformat}\n"
            + table("tsv", ["#", "Subject ID", "Name", "MRN", "Age", "Screen date", "Eligible", "Reason", "Coordinator"], rows)
            + "\n{noformat}\n\n"
            + f"Once consented, the subject ID is the only key in the REDCap export; this identified log stays on the restricted "
              f"page. IRB {D('#' + dig1(r, 4) + '-' + dig(r, 3), 'code')}, PI {dr(r, 'Dr.')}.\n")


@T("confluence_table", "conf_nicu_mother_baby_link")
def _(r):
    head = (f"<ac:layout><ac:layout-section ac:type=\"single\"><ac:layout-cell>\n"
            f"<h2>NICU mother/baby link exceptions</h2>\n"
            f"<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Rows stay until HIM confirms the link in both charts."
            f"</p></ac:rich-text-body></ac:structured-macro>\n")
    rows = []
    for i in range(r.randint(2, 4)):
        mom = Pt(r, sex="F", lo=17, hi=43)
        b = recent(r, 1, 25)
        sx = r.choice(["BABYGIRL", "BABYBOY"]) + r.choice(["", "", " A", " B"])
        ga = r.randint(24, 40)
        rows.append([N(f"{sx} {mom.last.upper()}"), P(dig1(r, 8), "mrn"), N(mom.LF), P(mom.mrn, "mrn"),
                     P(f"{fd(b, 'us')} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}", "date"),
                     f"{ga}w{r.randint(0, 6)}d", str(bw_for(r, ga)),
                     f"NICU {r.randint(1, 36)}", r.choice(["PID-21 blank", "mother MRN on wrong visit", "twin B linked to twin A",
                                                          "lab specimen on mother's MRN", "PACS babygram unmatched"])])
    body = table("html", ["Baby", "Baby MRN", "Mother", "Mother MRN", "Birth date/time", "GA", "BW (g)", "Bed", "Issue"], rows)
    body = body.replace("<table class=\"confluenceTable\">", "<table data-layout=\"wide\">")
    return (head + body + f"\n<p>Owner: {S(staff(r))} (HIM), escalation {S(staff(r))} (NICU informatics).</p>\n"
            "</ac:layout-cell></ac:layout-section></ac:layout>\n")


@T("confluence_table", "conf_dietary_tray_failures")
def _(r):
    d = recent(r, 1, 15)
    head, who = conf_head(r, "Food & Nutrition Services", f"Tray ticket misprints - {D(fd(d, 'short'), 'event_date')} lunch", "wiki")
    rows = []
    for i in range(r.randint(4, 7)):
        pt = Pt(r, lo=20, hi=89, old=0.15)
        rows.append([f"{r.choice(['3E', '4W', '5N', '6S', 'ONC', 'PEDS'])}-{r.randint(301, 640)}", N(pt.LF),
                     r.choice(["Cardiac 2g Na", "Renal 2g K / 2g Na", "Consistent carb", "Clear liquid", "Dysphagia L2 minced",
                               "NPO after midnight", "Regular peds", "Kosher", "Halal"]),
                     D(r.choice(["peanut", "shellfish", "gluten (celiac)", "none", "egg", "lactose"]), "condition"),
                     r.choice(["printed w/o allergy flag", "wrong room", "duplicate ticket", "diet not updated after order change",
                               "printed OK"])])
    return (head + "Paste from the tray-line report; the printer queue on Line 2 dropped allergy flags after the CBORD patch.\n\n"
            + table("wiki", ["Room", "Patient", "Diet order", "Allergy", "Problem"], rows)
            + f"\n\nAll trays re-checked by the diet techs before delivery. Ticket filed with IT by {S(who)}.\n")


@T("confluence_table", "conf_occhealth_clearance")
def _(r):
    fmt = r.choice(["wiki", "md"])
    head, who = conf_head(r, "Employee Health", "New-hire clearance tracker (clinical staff)", fmt)
    rows = []
    for i in range(r.randint(4, 6)):
        emp = Pt(r, lo=21, hi=64)
        eid = r.choice(["E", "00", "H"]) + dig(r, 6)
        tb = recent(r, 2, 40)
        rows.append([N(emp.full), P(eid, "other_id"), r.choice(["RN 4W", "Pharmacy tech", "Phlebotomy", "Dental assistant",
                                                              "Rad tech CT", "EVS", "Transport"]),
                     P(fd(tb, "dmy"), "date"), r.choice(["QFT neg", "QFT pos - CXR ordered", "TST 0 mm", "pending"]),
                     r.choice(["3M 1870+ M", "3M 8210 L", "failed - refit", "PAPR"]),
                     r.choice(["immune", "non-immune, series started", "pending"]), r.choice(["cleared", "not cleared", "pending"])])
    return (head + "Employees are patients of Employee Health here; this table is health information, not HR data.\n\n"
            + table(fmt, ["Employee", "Emp ID", "Role / unit", "TB test", "Result", "Fit test", "Hep B titer", "Status"], rows)
            + f"\n\nQuestions: {S(who)} (Employee Health RN).\n")


@T("confluence_table", "conf_bed_huddle")
def _(r):
    d = TODAY
    head, who = conf_head(r, "Patient Flow", "Bed huddle - pending admits and transfers", "md")
    rows = []
    for i in range(r.randint(4, 6)):
        pt = Pt(r, lo=19, hi=89, old=0.3)
        rows.append([N(pt.lf), P(pt.mrn, "mrn"), age_s(pt), r.choice(["ED 14", "ED 22", "PACU", "Cath lab", "OSH transfer", "L&D triage"]),
                     r.choice(["Med/Surg", "Tele", "Step-down", "ICU", "Obs", "Peds"]),
                     r.choice(["4W-412", "5N-518", "TBD", "3E-307", "ICU-12", "6S-622"]),
                     f"{r.randint(10, 16)}:{r.choice(['00', '15', '30', '45'])}",
                     r.choice(["contact (MRSA)", "droplet", "none", "airborne - neg pressure", "C. diff"]),
                     r.choice(["needs bariatric bed", "sitter", "family at bedside", "tele box", "needs interpreter", ""])])
    return (head + "| | |\n|---|---|\n| House supervisor | " + S(staff(r)) + " |\n| Transport lead | " + S(staff(r)) + " |\n\n"
            + table("md", ["Patient", "MRN", "Age", "From", "Level", "Bed", "Transport ETA", "Isolation", "Notes"], rows)
            + "\n\nEVS turnaround target 45 min. Escalate blocked beds in the 13:00 huddle.\n")


# ================================================================ support_ticket (PHI)
def snow_head(r, num, short, group, caller=None, cat="Clinical Applications", after=None):
    caller = caller or staff(r)
    opened = recent(r, 0, 12) if after is None else min(TODAY, after + dt.timedelta(days=r.randint(0, 2)))
    return (f"Number: {num}\nState: {r.choice(['New', 'In Progress', 'On Hold - Awaiting Caller', 'Work in Progress'])}\n"
            f"Caller: {S(caller)}\nCategory: {cat}\nAssignment group: {group}\n"
            f"Opened: {fd(opened, 'iso')} {r.randint(7, 18):02d}:{r.randint(0, 59):02d}\n"
            f"Short description: {short}\n\n"), caller, opened


@T("support_ticket", "tkt_him_roi_request")
def _(r):
    pt = Pt(r, lo=25, hi=89, old=0.1)
    a = recent(r, 120, 700)
    b = a + dt.timedelta(days=r.randint(0, 200))
    firm = r.choice(["Hartley & Bloom LLP", "Sandoval Injury Law", "Keystone Disability Advocates", "MetLife Disability"])
    head, caller, opened = snow_head(r, f"RITM{dig1(r, 7)}", "ROI - records and imaging on CD, PACS export failing",
                                     "HIM - Release of Information")
    study = rday(r, a, b)
    return (head +
            f"Description:\nAuthorization received by fax from {D(firm, 'requester')} for {N(pt.full)}, DOB {P(fd(pt.dob, 'us'), 'date')}, "
            f"MRN {P(pt.mrn, 'mrn')}. Dates of service requested: {P(fd(a, 'us'), 'date')} through {P(fd(b, 'us'), 'date')}. "
            f"Records part is done in ROI Online; the imaging part (CT from {P(fd(study, 'us'), 'date')}, accession "
            f"{P('CT' + dig1(r, 8), 'other_id')}) fails in the PACS media export with \"burner offline\".\n\n"
            f"Work notes ({S(staff(r))}):\n"
            f"- checked Rimage queue, 3 jobs stuck, restarted service on RIMAGE02 ({ip_srv(r)})\n"
            f"- job for this patient re-queued, disc printed, QA'd against the request by {S(caller)}\n"
            f"- requester's fax cover mentions a second patient; that page was returned to sender unread\n\n"
            f"Resolution pending caller confirmation. Due date per HIPAA 30-day clock: {D(fd(opened + dt.timedelta(days=30), 'us'), 'event_date')}.\n")


@T("support_ticket", "tkt_part2_disclosure")
def _(r):
    pt = Pt(r, lo=19, hi=70)
    key = f"BHIT-{r.randint(100, 999)}"
    signed = recent(r, 2, 20)
    prog = r.choice(["Opioid Treatment Program", "Intensive Outpatient (SUD)", "Pinecrest Recovery Services"])
    cond = r.choice(["opioid use disorder", "alcohol use disorder", "stimulant use disorder"])
    return (f"Jira Service Management · Behavioral Health IT · {key}\n"
            f"Request type: Access / consent configuration\nRaised by: {S(staff(r))} ({prog})\n"
            f"Priority: High - patient care\n\n"
            f"*What do you need?*\n"
            f"Patient {N(pt.LF)} (MRN {P(pt.mrn, 'mrn')}, DOB {P(fd(pt.dob, 'dmy'), 'date')}) signed a 42 CFR Part 2 consent "
            f"on {D(fd(signed, 'us'), 'event_date')} allowing disclosure of {D(cond, 'condition')} treatment information to their PCP, "
            f"{dr(r, 'Dr.')} at {fac(r, 'Bayview Regional Medical Center')}. The consent is scanned in Media, but the Part 2 "
            f"sensitivity flag still blocks the PCP from seeing the {D(r.choice(MEDS['bh']), 'medication')} dosing history.\n\n"
            f"*Consent scope*: diagnosis, medications, attendance. Expires {D(fd(signed + dt.timedelta(days=365), 'us'), 'event_date')} or on revocation.\n"
            f"*Redisclosure notice* must print with anything sent out.\n\n"
            f"--- comment from {S(staff(r))} (BH Applications)\n"
            f"Confirmed the consent record is there but scoped to 'Program staff only'. Changed recipient to the PCP's provider "
            f"record and left the flag on for everyone else. Please have the PCP office re-open the chart and confirm. "
            f"Do not paste more clinical detail into this ticket; Part 2 records can't live in Jira.\n")


@T("support_ticket", "tkt_pyxis_discrepancy")
def _(r):
    d = recent(r, 1, 10)
    unit = r.choice(["4 West", "PACU", "5 North", "Oncology 7", "ED Main"])
    med = r.choice(MEDS["ctrl"])
    pts = [Pt(r, lo=20, hi=89, old=0.1) for _ in range(r.randint(1, 2))]
    users = staff(r, 3)
    tid = r.randint(40000, 99999)
    rows = []
    for p in pts:
        when = f"{d.month}/{d.day} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
        rows.append(f"{P(when, 'date')} | {D(med, 'medication')} | "
                    f"exp {r.randint(3, 12)} / found {r.randint(1, 11)} | {N(p.LF)} ({P(p.mrn, 'mrn')}) | {S(r.choice(users))}")
    return (f"Zendesk ticket #{tid}\nSubject: Unresolved discrepancy on {unit} tower 2 - cabinet will not clear\n"
            f"Requester: {S(users[0])} (Pharmacy)   Group: Pharmacy Automation   Status: Open\n\n"
            f"{S(users[0])} wrote:\n"
            f"The cabinet on {unit} shows an unresolved count discrepancy that is older than the shift, and the resolve "
            f"screen errors out with \"Transaction not found\". Discrepancy report below (copied from the console):\n\n"
            f"Date/time | Med | Count | Last issued to | User\n" + "\n".join(rows) + "\n\n"
            f"Witness was {S(users[1])}. Per policy this has to be resolved within the shift or it goes to the "
            f"diversion committee. Can someone look at the server side?\n\n"
            f"{S(users[2])} (Automation) replied:\n"
            f"Found it - the transaction was posted after the nightly archive job started, so the console can't see it. "
            f"Resolved on the server, cabinet cleared. Please document on the paper log as usual.\n")


@T("support_ticket", "tkt_pacs_wrong_patient")
def _(r):
    a = Pt(r, lo=20, hi=89, old=0.1)
    b = Pt(r, lo=20, hi=89, last=a.last if r.random() < .5 else None, cult=a.cult if r.random() < .5 else None)
    if b.first == a.first:
        b.first = b.first + "a" if not b.first.endswith("a") else b.first[:-1]
    d = recent(r, 1, 15)
    acc = dig1(r, 9)
    num = f"INC{dig1(r, 7)}"
    mod = r.choice(["CR CHEST 1V", "CT HEAD W/O", "US ABD LTD", "MG SCREENING BILAT", "XR L KNEE 3V"])
    head, caller, opened = snow_head(r, num, "Study filed to the wrong patient - needs split/move in PACS",
                                     "Imaging Informatics", cat="Radiology / PACS", after=d)
    return (head +
            f"Description:\nTech selected the wrong worklist entry (same last name, same day). {mod} acquired for "
            f"{N(b.LF)} (MRN {P(b.mrn, 'mrn')}, DOB {P(fd(b.dob, 'us1'), 'date')}) is filed under "
            f"{N(a.LF)} (MRN {P(a.mrn, 'mrn')}, DOB {P(fd(a.dob, 'us1'), 'date')}), accession {P(acc, 'other_id')}, "
            f"study date {P(fd(d, 'iso'), 'date')}.\n"
            f"Report not yet signed. Reading radiologist {dr(r, 'Dr.')} is aware and holding the read.\n\n"
            f"Additional comments:\n"
            f"- {S(staff(r))}: study moved to the correct patient in PACS, new accession created from the correct order\n"
            f"- RIS order on the wrong patient cancelled with reason 'wrong patient - IT'\n"
            f"- VNA sync checked: both patients' study lists correct after re-index\n"
            f"- Safety event entered (reference in the event system, not here)\n")


@T("support_ticket", "tkt_dental_sensor")
def _(r):
    pt = Pt(r, lo=7, hi=80)
    d = recent(r, 0, 6)
    chart = dig1(r, 6)
    teeth = sorted(r.sample([2, 3, 14, 15, 18, 19, 30, 31, 8, 9], 3))
    tid = r.randint(1000, 9999)
    asg = staff(r)
    return (f"Freshdesk #{tid} · Granite Peak Dental - IT support\n"
            f"From: {S(staff(r))} (front desk)\nPriority: Urgent\nType: Hardware\n\n"
            f"Hi, the intraoral sensor in op 3 takes the X-ray but nothing shows in the chart. We retook the bitewings "
            f"for {N(pt.full)} (chart #{P(chart, 'mrn')}, DOB {P(fd(pt.dob, 'us'), 'date')}) twice and don't want to expose "
            f"again. Teeth #{teeth[0]}, #{teeth[1]} and #{teeth[2]} were the ones the doctor needs for the "
            f"{D(r.choice(['D2392', 'D2740', 'D3330', 'D2750']), 'code')} tomorrow.\n\n"
            f"---\n{S(asg)} (IT) wrote:\nThe sensor driver updated last night and the imaging bridge lost its acquisition "
            f"path. I pointed it back to \\\\GPDC-IMG01\\acq$ and the last two exposures were still in the temp folder; imported "
            f"them to the patient's {P(fd(d, 'short'), 'date')} visit. Please check the mount looks right (tooth numbers on the FMX template).\n\n"
            f"Front desk: Perfect, images are there, doctor confirmed. Thank you!\n")


@T("support_ticket", "tkt_ophtho_oct_export")
def _(r):
    pts = [Pt(r, lo=40, hi=89, old=0.4) for _ in range(r.randint(2, 3))]
    d = recent(r, 1, 8)
    who = staff(r)
    lines = []
    for p in pts:
        lines.append(f"  - {N(p.FULL)}   DOB {P(fd(p.dob, 'us'), 'date')}   age {age_s(p)}   exam {P(fd(d, 'us'), 'date')}   "
                     f"{r.choice(['OCT macula OU', 'OCT RNFL OU', 'OCT-A OD', 'OCT macula OS'])}")
    return (f"From: {S(who)} <{D(handle(who) + '@riversideeye.org', 'staff_contact')}>\n"
            f"To: servicedesk@bayviewhealth.org\nSubject: Cirrus OCT scans not crossing to the EHR\n\n"
            f"[This email was converted to ticket REQ-{dig1(r, 6)} - Ophthalmology Imaging]\n\n"
            f"Good morning,\n\nSince yesterday afternoon the OCT scans from room 6 go to FORUM but never show up in the "
            f"patient's imaging tab. Affected so far:\n\n" + "\n".join(lines) + "\n\n"
            f"Retina clinic ({dr(r, 'Dr.')}) needs the {D(r.choice(CONDITIONS['eye']), 'condition')} comparisons before "
            f"injections at 1 pm. The tech says the DICOM send from FORUM to the EHR gateway shows 'association rejected'.\n\n"
            f"Thanks,\n{S(who)}\nOphthalmic imaging lead, {fac(r, 'Riverside Eye Institute')}\nDesk {D(work_phone(r), 'staff_contact')}\n")


@T("support_ticket", "tkt_lab_label_dob")
def _(r):
    pt = Pt(r, lo=1, hi=89, old=0.1)
    wrong = pt.dob - dt.timedelta(days=1)
    acc = f"{r.choice(['C', 'H', 'M'])}{r.randint(10, 99)}{dig(r, 6)}"
    key = f"LABIT-{r.randint(100, 2000)}"
    coll = recent(r, 0, 5)
    return (f"{key}  Specimen labels print DOB one day early (Zebra, outpatient draw)\n"
            f"Type: Incident | Priority: High | Reporter: {S(staff(r))} | Team: Lab Systems\n\n"
            f"Outpatient phlebotomy caught a label mismatch at the two-identifier check: the armband and the chart say "
            f"DOB {P(fd(pt.dob, 'us'), 'date')} but the specimen label printed {P(fd(wrong, 'us'), 'date')}.\n"
            f"Patient: {N(pt.LF)}  MRN: {P(pt.mrn, 'mrn')}  Accession: {P(acc, 'other_id')}  Collected: "
            f"{P(fd(coll, 'us') + ' ' + f'{r.randint(7, 16):02d}:{r.randint(0, 59):02d}', 'date')}\n\n"
            f"Specimen was recollected with handwritten labels. Looks like the label service converts the DOB from local "
            f"midnight to UTC. Only the new Zebra ZD621 printers (firmware {r.randint(7, 9)}.{r.randint(0, 9)}.{r.randint(1, 30)}) do it.\n\n"
            f"Comment ({S(staff(r))}): reproduced in TST with ZZTEST,LABEL (DOB 01/01/2000 prints 12/31/1999). "
            f"Fix: send DOB as a date, not a datetime, in the label template. Hotfix tonight.\n")


@T("support_ticket", "tkt_hospice_tablet_sync")
def _(r):
    pt = Pt(r, lo=60, hi=89, old=0.5)
    d = recent(r, 0, 5)
    num = f"INC{dig1(r, 7)}"
    head, caller, opened = snow_head(r, num, "Hospice visit notes not syncing from tablet (offline queue stuck)",
                                     "Home Health Applications", cat="Mobile devices", after=d)
    death = r.random() < .4
    return (head +
            f"Description:\nRN {S(caller)} completed a {'death visit' if death else 'routine visit'} at the patient's home and the "
            f"note is stuck in the offline queue (14 items, oldest from yesterday). Patient: {N(pt.full)}, {age_s(pt)} y/o, "
            f"{P(pt.street, 'street_address')}, {P(pt.city, 'street_address')}; family phone {P(pt.phone('dash'), 'phone')}.\n"
            + (f"Time of death pronounced at home {P(fd(d, 'us'), 'date')} 04:10; funeral home is waiting on the note. " if death else
               f"Visit date {P(fd(d, 'us'), 'date')}; on-call MD needs the symptom scores tonight. ")
            + f"\n\nWork notes:\n- Tablet {D('HHT-' + dig(r, 4), 'asset_tag')} on cellular only, 1 bar. Sync fails with HTTP 413 (note has 6 photos of "
              f"a wound; photo upload limit 10 MB).\n- Asked RN to remove the photos from the note and upload them separately through the "
              f"wound app. Queue cleared at {r.randint(10, 20)}:{r.randint(10, 59)}.\n")


@T("support_ticket", "tkt_compounding_label")
def _(r):
    pt = Pt(r, lo=0, hi=17) if r.random() < .5 else Pt(r, lo=18, hi=89, old=0.1)
    d = recent(r, 0, 6)
    drug = r.choice([("vancomycin", "1,250 mg in NS 250 mL"), ("TPN (custom)", "1,150 mL, 3-in-1"), ("morphine PCA", "1 mg/mL, 30 mL syringe"),
                     ("cefazolin", "2 g in D5W 100 mL"), ("hydromorphone infusion", "0.2 mg/mL in NS 100 mL")])
    unit = r.choice(["PICU", "NICU", "4 West", "Oncology 7", "SICU"])
    room = f"{r.randint(1, 40):02d}" if unit in ("PICU", "NICU") else str(r.randint(401, 760))
    num = f"INC{dig1(r, 7)}"
    head, caller, opened = snow_head(r, num, "IV room compounding labels print the previous patient's name on the second label",
                                     "Pharmacy Applications", cat="Printing", after=d)
    bud = d + dt.timedelta(days=r.choice([1, 2, 9]))
    lab = (f"  +------------------------------------------+\n"
           f"   {N(pt.LF.upper())}\n"
           f"   MRN {P(pt.mrn, 'mrn')}   DOB {P(fd(pt.dob, 'us'), 'date')}\n"
           f"   {unit} rm {room}\n"
           f"   {D(drug[0], 'medication')} {drug[1]}\n"
           f"   Rate per order. Prepared {P(fd(d, 'us1'), 'date')} by {D(handle(staff(r)), 'staff')}  chk {D(handle(staff(r)), 'staff')}\n"
           f"   BUD {D(fd(bud, 'us1'), 'event_date')} 23:59  REFRIGERATE\n"
           f"  +------------------------------------------+")
    return (head +
            f"Description:\nIn the IV room the second (bag) label of a batch sometimes carries the name from the previous job. "
            f"Caught at the final check, nothing left the room. Label as printed for the affected {D(drug[0], 'medication')} job:\n\n"
            f"{lab}\n\n"
            f"The first label of the same job was correct. The name on the bad label belonged to another patient on the same unit, "
            f"so the pharmacist destroyed both labels and re-printed.\n\n"
            f"Work notes ({S(staff(r))}): label printer IVRM-ZEB02 spooler keeps the last variable block when the job has more than "
            f"12 fields. Vendor case opened; meanwhile the template prints one label per job.\n")


@T("support_ticket", "tkt_outside_cd_dcmdump")
def _(r):
    pt = Pt(r, lo=18, hi=89, old=0.25)
    d = recent(r, 20, 200)
    other = r.choice(["Lakeview Imaging Associates", "Mercy North Hospital", "Summit Orthopedic MRI"])
    ext_id = r.choice([dig1(r, 9), "LV" + dig(r, 7), dig1(r, 6)])
    acc = dig1(r, 8)
    uid = f"1.2.840.113704.{r.randint(1, 9)}.{dig1(r, 7)}.{dig1(r, 9)}.{r.randint(1, 999)}"
    dage = P(f"{pt.age:03d}Y", "age_over_89") if pt.age >= 90 else f"{pt.age:03d}Y"
    L = pt.last.upper()
    spelled = L.replace(" ", "") if " " in L else (L[:-2] + L[-1] if len(L) > 4 else L + "E")
    tid = r.randint(10000, 99999)
    return (f"Freshdesk #{tid} · Imaging - outside studies\nFrom: {S(staff(r))} (film library)\nStatus: Open  Priority: Medium\n\n"
            f"Outside CD from {fac(r, other)} won't reconcile: our MRN lookup finds {N(pt.full)} (MRN {P(pt.mrn, 'mrn')}) but the "
            f"header has a different spelling. dcmdump of the first image:\n\n"
            "# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n"
            "(0002,0010) UI =LittleEndianExplicit                  #  20, 1 TransferSyntaxUID\n\n"
            "# Dicom-Data-Set\n"
            f"(0008,0020) DA [{P(fd(d, 'hl7'), 'date')}]                              #   8, 1 StudyDate\n"
            f"(0008,0050) SH [{P(acc, 'other_id')}]                              #   8, 1 AccessionNumber\n"
            f"(0008,0060) CS [{r.choice(['MR', 'CT', 'CR'])}]                                    #   2, 1 Modality\n"
            f"(0008,0080) LO [{fac(r, other)}]\n"
            f"(0008,0090) PN [{D('^'.join(reversed(staff(r).upper().split(' ', 1))), 'staff')}]\n"
            f"(0010,0010) PN [{N(spelled + '^' + pt.first.upper())}]\n"
            f"(0010,0020) LO [{P(ext_id, 'mrn')}]                          # outside facility's patient ID\n"
            f"(0010,0030) DA [{P(fd(pt.dob, 'hl7'), 'date')}]                              #   8, 1 PatientBirthDate\n"
            f"(0010,0040) CS [{pt.sex}]\n"
            f"(0010,1010) AS [{dage}]\n"
            f"(0020,000d) UI [{D(uid, 'internal_id')}]\n\n"
            f"DOB and sex match, name is a typo at the outside site. OK to reconcile with the name override? "
            f"Radiologist needs the priors for a read today.\n\n"
            f"--- {S(staff(r))} (PACS admin): yes, use the override; the import tool keeps the original header in the audit. "
            f"Don't edit (0010,0020), it maps to the outside ID in the MPI.\n")


# ================================================================ fhir_diff (PHI)
def git_head(r, path, msg=None):
    h1, h2 = hexs(r, 7), hexs(r, 7)
    return (f"diff --git a/{path} b/{path}\nindex {h1}..{h2} 100644\n--- a/{path}\n+++ b/{path}\n")


def tzoff(r):
    return r.choice(["-05:00", "-06:00", "-08:00", "-07:00", "-04:00"])


@T("fhir_diff", "fhir_imagingstudy_fixture")
def _(r):
    pt = Pt(r, old=0.1)
    d = recent(r, 10, 90)
    acc = dig1(r, 10)
    pid_ = dig1(r, 7)
    uid = f"1.2.840.113619.2.{r.randint(50, 400)}.{dig1(r, 5)}.{dig1(r, 7)}.{dig1(r, 5)}.{r.randint(100, 999)}"
    started = f"{d.isoformat()}T{r.randint(7, 19):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}{tzoff(r)}"
    mod = r.choice([("CT", "CT ABDOMEN PELVIS W CONTRAST"), ("MR", "MRI LUMBAR SPINE WO"), ("US", "US PELVIS TRANSVAGINAL")])
    path = "src/test/resources/fixtures/imagingstudy/" + mod[0].lower() + "-study.json"
    who, rev = staff(r, 2)
    return (f"PR #{r.randint(200, 900)} imaging-svc: ImagingStudy fixture with real accession layout\n"
            f"Author: {S(who)}   Reviewers: {S(rev)}\n\n" + git_head(r, path) +
            "@@ -1,18 +1,27 @@\n {\n   \"resourceType\": \"ImagingStudy\",\n"
            f"-  \"id\": \"example-ct\",\n+  \"id\": \"{D(dig1(r, 6), 'internal_id')}\",\n"
            "   \"status\": \"available\",\n"
            "-  \"subject\": { \"reference\": \"Patient/example\" },\n"
            f"+  \"subject\": {{ \"reference\": \"Patient/{D(pid_, 'internal_id')}\", \"display\": \"{N(pt.full)}\" }},\n"
            "+  \"identifier\": [\n"
            f"+    {{ \"system\": \"urn:dicom:uid\", \"value\": \"urn:oid:{D(uid, 'internal_id')}\" }},\n"
            "+    { \"type\": { \"coding\": [ { \"system\": \"http://terminology.hl7.org/CodeSystem/v2-0203\", \"code\": \"ACSN\" } ] },\n"
            f"+      \"system\": \"urn:bayview:accession\", \"value\": \"{P(acc, 'other_id')}\" }}\n"
            "+  ],\n"
            f"-  \"started\": \"2017-01-01T11:01:20+03:00\",\n+  \"started\": \"{P(started, 'date')}\",\n"
            f"   \"modality\": [ {{ \"system\": \"http://dicom.nema.org/resources/ontology/DCM\", \"code\": \"{mod[0]}\" }} ],\n"
            f"+  \"description\": \"{mod[1]}\",\n"
            "   \"numberOfSeries\": 2,\n"
            f"-  \"numberOfInstances\": 11\n+  \"numberOfInstances\": {r.randint(80, 900)},\n"
            f"+  \"referrer\": {{ \"display\": \"{dr(r, 'Dr.')}\" }}\n }}\n\n"
            f"--- review comment ({S(rev)}) on line 6:\n"
            f"This is a real study (the display name, accession and start time come straight from prod). Please swap it for "
            f"the synthetic generator output before merge; we can keep the accession *format* ({len(acc)} digits).\n"
            f"--- {S(who)}: oops, copied from the VNA log. Will regenerate and force-push.\n")


@T("fhir_diff", "fhir_diagnosticreport_path")
def _(r):
    pt = Pt(r, lo=25, hi=89, old=0.1)
    coll = recent(r, 5, 60)
    issued = coll + dt.timedelta(days=r.randint(2, 7))
    acc = f"S{coll.year % 100}-{r.randint(1000, 39999)}"
    cond = r.choice(["invasive ductal carcinoma, grade 2", "tubular adenoma, no high-grade dysplasia",
                     "basal cell carcinoma, margins clear", "chronic gastritis, H. pylori negative"])
    rid = dig1(r, 7)
    return (f"Bitbucket · lab-fhir-gateway · Pull request #{r.randint(40, 400)}: map AP reports to DiagnosticReport\n"
            f"{S(staff(r))} wants to merge feature/ap-dr into develop\n\n"
            f"src/test/resources/ap/diagnosticreport-surgpath.json\n"
            f"  {'':>3}  {'':>3}  {{\n"
            f"  {'':>3}  {'':>3}    \"resourceType\": \"DiagnosticReport\",\n"
            f"  {'':>3}  {'':>3}    \"id\": \"{D(rid, 'internal_id')}\",\n"
            f"  {'':>3}  {'':>3}    \"status\": \"final\",\n"
            f"  {'':>3}  {'':>3}    \"category\": [ {{ \"coding\": [ {{ \"system\": \"http://terminology.hl7.org/CodeSystem/v2-0074\", \"code\": \"SP\" }} ] }} ],\n"
            f"  {'':>3}  {'':>3}    \"code\": {{ \"coding\": [ {{ \"system\": \"http://loinc.org\", \"code\": \"{D('60567-5', 'code')}\", \"display\": \"Comprehensive pathology report panel\" }} ] }},\n"
            f"  {'':>3} + {'':>3}    \"identifier\": [ {{ \"system\": \"urn:bayview:ap-accession\", \"value\": \"{P(acc, 'other_id')}\" }} ],\n"
            f"  {'':>3} + {'':>3}    \"subject\": {{ \"reference\": \"Patient/{D(dig1(r, 7), 'internal_id')}\", \"display\": \"{N(pt.LF)}\" }},\n"
            f"  {'':>3} + {'':>3}    \"effectiveDateTime\": \"{P(coll.isoformat(), 'date')}\",\n"
            f"  {'':>3} + {'':>3}    \"issued\": \"{P(issued.isoformat() + 'T16:' + str(r.randint(10, 59)) + ':00Z', 'date')}\",\n"
            f"  {'':>3} + {'':>3}    \"resultsInterpreter\": [ {{ \"display\": \"{dr(r, 'MD')}\" }} ],\n"
            f"  {'':>3} + {'':>3}    \"conclusion\": \"{D(cond, 'condition')}\"\n"
            f"  {'':>3}  {'':>3}  }}\n\n"
            f"Comment by {S(staff(r))}:\n> the fixture still has the accession and patient from the case we debugged on Tuesday. "
            f"Please use `ZZTEST, PATHOLOGY` and accession `S00-00000` like the other fixtures.\n")


@T("fhir_diff", "fhir_medicationrequest_specialty_ts")
def _(r):
    pt = Pt(r, lo=18, hi=80)
    authored = recent(r, 3, 40)
    med = r.choice(MEDS["spec"])
    rxnorm = dig1(r, 6)
    return (f"GitHub · specialty-rx-portal · PR #{r.randint(100, 999)} \"mock data for referral intake\"\n\n"
            + git_head(r, "src/mocks/medicationRequest.ts") +
            "@@ -3,12 +3,34 @@ import type { MedicationRequest } from 'fhir/r4';\n"
            " export const specialtyReferral: MedicationRequest = {\n"
            "   resourceType: 'MedicationRequest',\n"
            "   status: 'active',\n"
            "   intent: 'order',\n"
            "+  contained: [\n"
            "+    {\n"
            "+      resourceType: 'Patient',\n"
            "+      id: 'pt1',\n"
            f"+      name: [{{ family: '{N(pt.last)}', given: ['{N(pt.first)}'] }}],\n"
            f"+      birthDate: '{P(pt.dob.isoformat(), 'date')}',\n"
            f"+      telecom: [{{ system: 'phone', value: '{P(pt.phone('dash'), 'phone')}', use: 'mobile' }}],\n"
            f"+      address: [{{ line: ['{P(pt.street, 'street_address')}'], city: '{P(pt.city, 'street_address')}', state: '{D(pt.state, 'state')}', postalCode: '{P(pt.zip, 'zip_code')}' }}],\n"
            "+    },\n"
            "+  ],\n"
            "-  subject: { reference: 'Patient/example' },\n"
            "+  subject: { reference: '#pt1' },\n"
            f"-  authoredOn: '2020-01-01',\n+  authoredOn: '{P(authored.isoformat(), 'date')}',\n"
            f"   medicationCodeableConcept: {{ coding: [{{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '{D(rxnorm, 'code')}', display: '{D(med, 'medication')}' }}] }},\n"
            f"+  insurance: [{{ display: 'member {P(pt.member, 'health_plan_id')}' }}],\n"
            f"   requester: {{ display: '{dr(r, 'Dr.')}' }},\n"
            " };\n\n"
            f"Review ({S(staff(r))}): the contained patient is a real referral from the intake queue (phone and member id "
            f"included). Mocks must be synthetic - there's `makePatient()` in test-utils. Requesting changes.\n")


@T("fhir_diff", "fhir_specimen_yaml")
def _(r):
    pt = Pt(r, lo=1, hi=89, old=0.1)
    coll = recent(r, 2, 30)
    acc = f"{r.choice(['BB', 'CH', 'MB'])}{coll.year % 100}{dig1(r, 7)}"
    ts = f"{coll.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00{tzoff(r)}"
    typ = r.choice([("119297000", "Blood specimen"), ("122575003", "Urine specimen"), ("258580003", "Whole blood sample")])
    return (f"commit {hexs(r, 40)}\nAuthor: {S(staff(r))}\nDate:   {fd(TODAY, 'short')}\n\n    LIS-{r.randint(100, 999)} specimen seed for collector app\n\n"
            + git_head(r, "seed/specimens.yaml") +
            "@@ -12,6 +12,22 @@ specimens:\n"
            "   - resourceType: Specimen\n     id: spec-test-01\n     subject: {reference: Patient/zztest-01, display: \"ZZTEST, LAB\"}\n"
            "     accessionIdentifier: {value: T00000001}\n"
            "+  - resourceType: Specimen\n"
            f"+    id: {D('spec-' + dig(r, 5), 'internal_id')}\n"
            f"+    subject: {{reference: Patient/{D(dig1(r, 7), 'internal_id')}, display: \"{N(pt.LF)}\"}}\n"
            f"+    accessionIdentifier: {{system: urn:bayview:lis:accession, value: {P(acc, 'other_id')}}}\n"
            f"+    type: {{coding: [{{system: http://snomed.info/sct, code: \"{D(typ[0], 'code')}\", display: {typ[1]}}}]}}\n"
            "+    collection:\n"
            f"+      collectedDateTime: \"{P(ts, 'date')}\"\n"
            f"+      collector: {{display: \"{S(staff(r))}, phlebotomist\"}}\n"
            f"+    note: [{{text: \"second ID check: MRN {P(pt.mrn, 'mrn')} + DOB {P(fd(pt.dob, 'us'), 'date')}\"}}]\n")


@T("fhir_diff", "fhir_patient_newborn")
def _(r):
    mom = Pt(r, sex="F", lo=18, hi=42)
    b = recent(r, 1, 14)
    t = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00"
    first = r.choice(["BABYGIRL", "BABYBOY"])
    mrn = dig1(r, 8)
    return (f"PR !{r.randint(20, 300)} (GitLab) nicu-feed: newborn Patient fixture + birthTime extension\n\n"
            + git_head(r, "fixtures/patient-newborn.json") +
            "@@ -1,14 +1,40 @@\n {\n   \"resourceType\": \"Patient\",\n"
            f"-  \"id\": \"newborn-example\",\n+  \"id\": \"{D(dig1(r, 7), 'internal_id')}\",\n"
            "+  \"identifier\": [\n"
            f"+    {{ \"type\": {{ \"coding\": [ {{ \"code\": \"MR\" }} ] }}, \"system\": \"urn:oid:2.16.840.1.113883.3.{r.randint(1000, 9999)}\", \"value\": \"{P(mrn, 'mrn')}\" }}\n"
            "+  ],\n"
            f"-  \"name\": [ {{ \"family\": \"Example\", \"given\": [ \"Baby\" ] }} ],\n"
            f"+  \"name\": [ {{ \"use\": \"temp\", \"text\": \"{N(first + ' ' + mom.last.upper())}\", \"family\": \"{N(mom.last.upper())}\", \"given\": [ \"{first}\" ] }} ],\n"
            f"   \"gender\": \"{'female' if first == 'BABYGIRL' else 'male'}\",\n"
            f"-  \"birthDate\": \"2019-01-01\",\n+  \"birthDate\": \"{P(b.isoformat(), 'date')}\",\n"
            "+  \"_birthDate\": { \"extension\": [ { \"url\": \"http://hl7.org/fhir/StructureDefinition/patient-birthTime\",\n"
            f"+      \"valueDateTime\": \"{P(b.isoformat() + 'T' + t + tzoff(r), 'date')}\" }} ] }},\n"
            f"+  \"multipleBirthInteger\": {r.choice([1, 1, 2])},\n"
            "+  \"contact\": [ {\n"
            "+    \"relationship\": [ { \"coding\": [ { \"system\": \"http://terminology.hl7.org/CodeSystem/v3-RoleCode\", \"code\": \"MTH\" } ] } ],\n"
            f"+    \"name\": {{ \"family\": \"{N(mom.last)}\", \"given\": [ \"{N(mom.first)}\" ] }},\n"
            f"+    \"telecom\": [ {{ \"system\": \"phone\", \"value\": \"{P(mom.phone('paren'), 'phone')}\" }} ]\n"
            "+  } ],\n"
            f"+  \"managingOrganization\": {{ \"display\": \"{fac(r, 'Lakeshore Women' + chr(39) + 's & Infants')}\" }}\n"
            " }\n\n"
            f"{S(staff(r))}: :warning: this one is from the NICU feed capture, not the synthetic set. Mother's name and phone are real. "
            f"Replace before we merge; the birthTime shape is what we need, not the values.\n")


@T("fhir_diff", "fhir_relatedperson_guardian_pytest")
def _(r):
    kid = Pt(r, lo=2, hi=15)
    g = kid.relative(sex=r.choice("FM"), lo=26, hi=55, same_last=r.random() < .7)
    rel = "MTH" if g.sex == "F" else "FTH"
    return (git_head(r, "tests/conftest.py") +
            "@@ -41,6 +41,38 @@ def patient_minimal():\n"
            "     return {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"2015-06-01\"}\n \n \n"
            "+@pytest.fixture\n+def peds_patient_with_guardian():\n"
            "+    patient = {\n"
            "+        \"resourceType\": \"Patient\",\n"
            f"+        \"id\": \"{D(dig1(r, 6), 'internal_id')}\",\n"
            f"+        \"name\": [{{\"family\": \"{N(kid.last)}\", \"given\": [\"{N(kid.first)}\"]}}],\n"
            f"+        \"birthDate\": \"{P(kid.dob.isoformat(), 'date')}\",\n"
            f"+        \"identifier\": [{{\"system\": \"urn:stcolumba:mrn\", \"value\": \"{P(kid.mrn, 'mrn')}\"}}],\n"
            "+    }\n"
            "+    guardian = {\n"
            "+        \"resourceType\": \"RelatedPerson\",\n"
            f"+        \"patient\": {{\"reference\": \"Patient/{D(dig1(r, 6), 'internal_id')}\"}},\n"
            f"+        \"relationship\": [{{\"coding\": [{{\"system\": \"http://terminology.hl7.org/CodeSystem/v3-RoleCode\", \"code\": \"{rel}\"}}]}}],\n"
            f"+        \"name\": [{{\"text\": \"{N(g.full)}\"}}],\n"
            f"+        \"telecom\": [{{\"system\": \"phone\", \"value\": \"{P(g.phone('dot'), 'phone')}\"}},\n"
            f"+                    {{\"system\": \"email\", \"value\": \"{P(g.email, 'email')}\"}}],\n"
            f"+        \"address\": [{{\"line\": [\"{P(g.street, 'street_address')}\"], \"city\": \"{P(g.city, 'street_address')}\", \"postalCode\": \"{P(g.zip, 'zip_code')}\"}}],\n"
            "+    }\n"
            "+    return patient, guardian\n\n"
            f"# review ({S(staff(r))}): where did these values come from? The guardian email looks real. Our fixtures must come "
            f"from tests/factories.py. Blocking.\n")


@T("fhir_diff", "fhir_observation_dialysis_java")
def _(r):
    pt = Pt(r, lo=30, hi=89, old=0.1)
    d = recent(r, 3, 30)
    serial = f"{upal(r, 2)}{dig1(r, 7)}"
    eff = f"{d.isoformat()}T{r.randint(5, 20):02d}:{r.randint(0, 59):02d}:00{tzoff(r)}"
    return (f"Gerrit change {r.randint(10000, 99999)} · dialysis-bridge · \"HomeTreatmentMapperTest: cover device serial\"\n\n"
            + git_head(r, "src/test/java/org/bayview/dialysis/HomeTreatmentMapperTest.java") +
            "@@ -58,9 +58,21 @@ class HomeTreatmentMapperTest {\n"
            "   @Test\n   void mapsUltrafiltrationVolume() {\n"
            "-    Observation obs = mapper.map(fixture(\"tx-minimal.json\"));\n"
            "+    Observation obs = new Observation();\n"
            "+    obs.setStatus(Observation.ObservationStatus.FINAL);\n"
            f"+    obs.setSubject(new Reference(\"Patient/{D(dig1(r, 7), 'internal_id')}\").setDisplay(\"{N(pt.full)}\"));\n"
            f"+    obs.setEffective(new DateTimeType(\"{P(eff, 'date')}\"));\n"
            f"+    obs.getCode().addCoding().setSystem(\"http://loinc.org\").setCode(\"{D('8478-0', 'code')}\");\n"
            f"+    obs.setValue(new Quantity().setValue({r.uniform(0.5, 3.5):.1f}).setUnit(\"L\"));\n"
            "+    Device machine = new Device();\n"
            f"+    machine.addIdentifier().setSystem(\"urn:vendor:serial\").setValue(\"{P(serial, 'device_id')}\");\n"
            "+    obs.setDevice(new Reference(machine));\n"
            "     FhirValidator v = ctx.newValidator();\n"
            "     assertTrue(v.validateWithResult(obs).isSuccessful());\n   }\n\n"
            f"Reviewer {S(staff(r))} (-1): serial {P(serial, 'device_id')} is the cycler installed at this patient's home; "
            f"together with the name that's PHI in the repo. Use a fake serial that fails the vendor checksum.\n")


@T("fhir_diff", "fhir_occhealth_ndjson")
def _(r):
    emps = [Pt(r, lo=21, hi=66) for _ in range(r.randint(2, 3))]
    lines = []
    for e in emps:
        eid = "E" + dig(r, 6)
        pid_ = dig1(r, 6)
        dt_ = recent(r, 5, 200)
        vacc = r.choice([("140", "Influenza, split virus, trivalent, PF"), ("213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED"),
                         ("08", "Hep B, adolescent or pediatric"), ("115", "Tdap")])
        lines.append(f"+{{\"resourceType\":\"Patient\",\"id\":\"{D(pid_, 'internal_id')}\",\"identifier\":[{{\"system\":\"urn:bayview:employee-id\",\"value\":\"{P(eid, 'other_id')}\"}}],"
                     f"\"name\":[{{\"family\":\"{N(e.last)}\",\"given\":[\"{N(e.first)}\"]}}],\"birthDate\":\"{P(e.dob.isoformat(), 'date')}\"}}")
        lines.append(f"+{{\"resourceType\":\"Immunization\",\"status\":\"completed\",\"patient\":{{\"reference\":\"Patient/{D(pid_, 'internal_id')}\"}},"
                     f"\"vaccineCode\":{{\"coding\":[{{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"{D(vacc[0], 'code')}\",\"display\":\"{D(vacc[1], 'medication')}\"}}]}},"
                     f"\"occurrenceDateTime\":\"{P(dt_.isoformat(), 'date')}\",\"lotNumber\":\"{D(upal(r, 2) + dig(r, 4), 'code')}\"}}")
    return (f"MR !{r.randint(10, 200)} employee-health-export: add bulk fixture for the state registry upload\n\n"
            + git_head(r, "fixtures/bulk/employee-immunizations.ndjson") +
            f"@@ -0,0 +1,{len(lines)} @@\n" + "\n".join(lines) + "\n\n"
            f"{S(staff(r))}: heads up, these are real employee-patients pulled from the Employee Health extract; the fixture "
            f"should use the generator. Employee ids are patient identifiers in this context.\n")


# ================================================================ sql_seed (PHI)
def sq(s):
    return s.replace("'", "''")


def myq(s):
    return s.replace("'", "\\'")


@T("sql_seed", "sql_ris_accession_fix_tsql")
def _(r):
    pts = [Pt(r, lo=20, hi=89, old=0.1) for _ in range(2)]
    d = recent(r, 2, 20)
    acc = dig1(r, 9)
    inc = f"INC{dig1(r, 7)}"
    oids = [dig1(r, 7) for _ in pts]
    new = [dig1(r, 9) for _ in pts]
    grid = [f"{'order_id':<9} {'accession_no':<13} {'mrn':<10} {'last_name':<18} {'first_name':<12} exam_dt"]
    for p, o in zip(pts, oids):
        grid.append(f"{lj(D(o, 'internal_id'), 9)} {lj(P(acc, 'other_id'), 13)} {lj(P(p.mrn, 'mrn'), 10)} {lj(N(p.last.upper()), 18)} {lj(N(p.first.upper()), 12)} "
                    f"{P(d.isoformat() + ' ' + f'{r.randint(7, 19):02d}:{r.randint(0, 59):02d}:00.000', 'date')}")
    return (f"-- {inc}: duplicate accession after the RIS restore on {fd(d + dt.timedelta(days=1), 'short')}; two exams share one accession\n"
            f"-- run by {S(staff(r))}, reviewed by {S(staff(r))}\nUSE RIS_PROD;\nGO\nBEGIN TRAN;\n\n"
            f"SELECT o.order_id, o.accession_no, p.mrn, p.last_name, p.first_name, o.exam_dt\n"
            f"FROM dbo.orders o JOIN dbo.patient p ON p.patient_id = o.patient_id\nWHERE o.accession_no = '{P(acc, 'other_id')}';\n\n"
            f"/* results\n" + "\n".join(grid) + "\n(2 rows affected) */\n\n"
            f"UPDATE dbo.orders SET accession_no = '{P(new[0], 'other_id')}', modified_by = 'dbfix_{inc}' WHERE order_id = {D(oids[0], 'internal_id')};\n"
            f"UPDATE dbo.orders SET accession_no = '{P(new[1], 'other_id')}', modified_by = 'dbfix_{inc}' WHERE order_id = {D(oids[1], 'internal_id')};\n"
            f"-- expect 1 row each\nCOMMIT TRAN;\n-- then re-send ORM^O01 for both orders from the RIS interface monitor\n")


@T("sql_seed", "sql_lis_specimen_seed_pg")
def _(r):
    pts = [Pt(r, lo=0, hi=89, old=0.1) for _ in range(r.randint(2, 3))]
    rows = [f"  ({D('1', 'internal_id')}, 'T00000001', 'T000001', 'ZZTEST, LAB', '2000-01-01', '2026-01-01 08:00', 'LAV', 'CBC')"]
    for i, p in enumerate(pts, 2):
        c = recent(r, 1, 40)
        acc = f"{c.year % 100}{r.choice('HCU')}{dig1(r, 6)}"
        rows.append(f"  ({D(str(i), 'internal_id')}, '{P(acc, 'other_id')}', "
                    f"'{P(p.mrn, 'mrn')}', '{N(sq(p.LF))}', '{P(p.dob.isoformat(), 'date')}', "
                    f"'{P(c.isoformat() + ' ' + f'{r.randint(5, 22):02d}:{r.randint(0, 59):02d}', 'date')}', "
                    f"'{r.choice(['LAV', 'SST', 'LtBlu', 'URN', 'GRN'])}', '{r.choice(['CMP', 'CBC,DIFF', 'UA', 'PT/INR', 'BMP,MG', 'LIPID'])}')")
    return (f"-- db/seed/020_specimens.sql  (lis-collector dev seed)\n"
            f"-- TODO({handle(staff(r))}): rows 2+ were copied from the prod incident export to reproduce LABIT-{r.randint(100, 999)}; "
            f"replace before the branch is merged\n\n"
            "INSERT INTO lis.specimen (specimen_id, accession, mrn, patient_name, dob, collected_at, container, tests)\nVALUES\n"
            + ",\n".join(rows) + ";\n\nSELECT setval('lis.specimen_specimen_id_seq', 100);\n")


@T("sql_seed", "sql_pharmacy_340b_copy")
def _(r):
    n = r.randint(3, 5)
    rows = []
    for i in range(n):
        p = Pt(r, lo=18, hi=89, old=0.08)
        f = recent(r, 5, 80)
        rows.append("\t".join([D(dig1(r, 8), "internal_id"), P("RX" + dig1(r, 7), "other_id"), P(f.isoformat(), "date"), P(p.mrn, "mrn"),
                               P(p.dob.isoformat(), "date"), D(ndc(r).replace("-", ""), "drug_code"), str(r.choice([30, 60, 90, 1, 2])),
                               D(npi(r), "npi"), r.choice(["CH340B01", "CH340B02", "RRC-0419"]), r.choice(["t", "f"])]))
    return (f"-- 340B split-billing: eligible fills reloaded after the TPA file reject (see PHRM-{r.randint(1000, 6000)})\n"
            f"-- loaded by {S(staff(r))}\n\n"
            "COPY rx340b.eligible_fill (fill_id, rx_number, fill_date, mrn, patient_dob, ndc11, qty, prescriber_npi, site_id, eligible) FROM stdin;\n"
            + "\n".join(rows) + "\n\\.\n\n"
            "-- sanity\nSELECT site_id, count(*), sum(CASE WHEN eligible THEN 1 ELSE 0 END) FROM rx340b.eligible_fill GROUP BY 1;\n")


@T("sql_seed", "sql_dental_chart_mysqldump")
def _(r):
    pt = Pt(r, lo=6, hi=85)
    d = recent(r, 3, 60)
    pid_ = dig1(r, 5)
    procs = r.sample([("D0150", "", ""), ("D0210", "", ""), ("D2391", "3", "O"), ("D2392", "14", "MO"), ("D3310", "8", ""),
                      ("D7140", "32", ""), ("D4341", "UR", ""), ("D2740", "19", "")], 4)
    vals = []
    for i, (cdt, tooth, surf) in enumerate(procs, 1):
        vals.append(f"({D(str(r.randint(10000, 99999)), 'internal_id')},{D(pid_, 'internal_id')},'{P(d.isoformat(), 'date')}','{D(cdt, 'code')}','{tooth}','{surf}',{r.choice(['1', '2'])},'{r.choice(['C', 'TP', 'EC'])}')")
    return ("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: gpdc-db01    Database: dentrix_bridge\n"
            "-- ------------------------------------------------------\n\n"
            "LOCK TABLES `patient` WRITE;\n/*!40000 ALTER TABLE `patient` DISABLE KEYS */;\n"
            f"INSERT INTO `patient` VALUES ({D('1', 'internal_id')},'T00042','ZZTEST','DENTAL','2000-01-01','555-0142','zztest.dental@example.org'),"
            f"({D(pid_, 'internal_id')},'{P(dig1(r, 6), 'mrn')}','{N(myq(pt.last))}','{N(myq(pt.first))}','{P(pt.dob.isoformat(), 'date')}',"
            f"'{P(pt.phone('dash'), 'phone')}','{P(pt.email, 'email')}');\n"
            "/*!40000 ALTER TABLE `patient` ENABLE KEYS */;\nUNLOCK TABLES;\n\n"
            "LOCK TABLES `chart_procedure` WRITE;\n"
            "-- columns: id, patient_id, proc_date, cdt_code, tooth, surface, status_id, status\n"
            "INSERT INTO `chart_procedure` VALUES " + ",".join(vals) + ";\nUNLOCK TABLES;\n\n"
            f"-- attached to DENT-{r.randint(100, 999)} by {S(staff(r))} to show the surface column overflow (MO vs MOD)\n")


@T("sql_seed", "sql_transplant_pairs_oracle")
def _(r):
    lines = []
    for i in range(r.randint(2, 3)):
        rec = Pt(r, lo=25, hi=72)
        dn = Pt(r, lo=22, hi=62)
        ev = recent(r, 10, 120)
        lines.append(f"  INTO txp.pair (pair_id, recipient_mrn, recipient_name, donor_mrn, donor_name, donor_dob, eval_date, abo_compat, status)\n"
                     f"    VALUES ({D(str(100 + i), 'internal_id')}, '{P(rec.mrn, 'mrn')}', '{N(sq(rec.LF))}', '{P(dn.mrn, 'mrn')}', '{N(sq(dn.LF))}', "
                     f"DATE '{P(dn.dob.isoformat(), 'date')}', TO_DATE('{P(fd(ev, 'ora'), 'date')}', 'DD-MON-RR'), '{r.choice(['Y', 'N'])}', "
                     f"'{r.choice(['EVAL', 'APPROVED', 'KPD_POOL', 'ON_HOLD'])}')")
    return (f"-- paired kidney exchange: load pairs from the coordinator spreadsheet (TXP-{r.randint(10, 99)})\n"
            f"-- NOTE {S(staff(r))}: donor and recipient are different patients; never key them to the same MRN\n"
            "INSERT ALL\n" + "\n".join(lines) + "\nSELECT 1 FROM dual;\n\nCOMMIT;\n")


@T("sql_seed", "sql_hospice_visits_flyway")
def _(r):
    vals = []
    for i in range(r.randint(2, 4)):
        p = Pt(r, lo=60, hi=89, old=0.4)
        v = TODAY + dt.timedelta(days=r.randint(0, 6))
        vals.append(f"  ('{N(sq(p.first))}', '{N(sq(p.last))}', {D(str(r.randint(200, 900)), 'internal_id')}, '{P(sq(p.street), 'street_address')}', "
                    f"'{P(sq(p.city), 'street_address')}', '{D(p.state, 'state')}', '{P(p.zip, 'zip_code')}', '{P(p.phone('dash'), 'phone')}', "
                    f"'{P(v.isoformat(), 'date')}', '{r.choice(['RN', 'HHA', 'SW', 'Chaplain', 'MSW'])}')")
    return (f"-- V{r.randint(30, 90)}__visit_schedule_seed.sql\n"
            f"-- Hospice scheduling service, QA environment.\n"
            f"-- {S(staff(r))}: seeded from Monday's schedule so routing can be tested against real addresses.\n\n"
            "INSERT INTO visit_schedule (first_name, last_name, clinician_id, street, city, state, zip, phone, visit_date, discipline)\nVALUES\n"
            + ",\n".join(vals) + ";\n")


@T("sql_seed", "sql_bh_intake_psql_grid")
def _(r):
    pts = [Pt(r, lo=16, hi=75) for _ in range(r.randint(3, 4))]
    lines = [" intake_id |      name              |    dob     |  phone         | referral_src  | program  | waiting_since",
             "-----------+------------------------+------------+----------------+---------------+----------+---------------"]
    for p in pts:
        w = recent(r, 1, 30)
        lines.append(f" {rj(D(str(r.randint(3000, 9999)), 'internal_id'), 9)} | {lj(N(p.lf), 22)} | {P(p.dob.isoformat(), 'date')} | {lj(P(p.phone('paren'), 'phone'), 14)} | "
                     f"{lj(r.choice(['ED', 'PCP', 'self', 'court', 'school']), 13)} | {lj(r.choice(['IOP', 'PHP', 'OTP', 'MAT', 'adolescent']), 8)} | {P(w.isoformat(), 'date')}")
    return (f"*{S(staff(r))}* commented on BHIT-{r.randint(100, 999)}:\n\nHere's what the intake queue looks like right now, "
            f"the waiting_since column is wrong for anyone referred from the ED (it uses the ED arrival date instead of the referral date):\n\n"
            "{noformat}\nbh_intake=> SELECT intake_id, name, dob, phone, referral_src, program, waiting_since FROM intake.queue WHERE status = 'waiting';\n"
            + "\n".join(lines) + f"\n({len(pts)} rows)\n{{noformat}}\n\n"
            f"I'll delete this comment once the fix is in; please don't quote it.\n")


@T("sql_seed", "sql_dietary_sqlite")
def _(r):
    pts = [Pt(r, lo=18, hi=89, old=0.15) for _ in range(r.randint(3, 5))]
    lines = ["room    patient                diet                  allergy        meal", "------  ---------------------  --------------------  -------------  ------"]
    for p in pts:
        room = f"{r.choice(['4W', '5N', '3E', 'ONC', 'BH'])}-{r.randint(301, 640)}"
        lines.append(f"{lj(room, 6)}  {lj(N(p.LF), 21)}  "
                     f"{lj(r.choice(['Cardiac 2g Na', 'Renal', 'CCHO 60g', 'Clear liquid', 'Pureed', 'Regular']), 20)}  "
                     f"{lj(D(r.choice(['peanut', 'shellfish', 'none', 'egg', 'soy']), 'condition'), 13)}  {r.choice(['lunch', 'dinner'])}")
    return (f"$ sqlite3 trayline_cache.db\nSQLite version 3.45.1\nsqlite> .headers on\nsqlite> .mode column\n"
            f"sqlite> SELECT room, patient, diet, allergy, meal FROM tray_ticket WHERE printed = 0 ORDER BY room;\n"
            + "\n".join(lines) + "\nsqlite> .quit\n\n"
            f"(from the tray-line PC on Line 2; the unprinted tickets are the ones missing after the CBORD patch - {S(staff(r))})\n")


# ================================================================ clinical_note (PHI)
@T("clinical_note", "note_bh_intake")
def _(r):
    pt = Pt(r, lo=14, hi=68)
    minor = pt.age < 18
    ec = pt.relative(lo=30, hi=60, same_last=r.random() < .7) if minor or r.random() < .6 else Pt(r, lo=25, hi=60)
    rel = ("mother" if ec.sex == "F" else "father") if minor else r.choice(["sister", "partner", "brother", "friend"])
    d = recent(r, 1, 20)
    cond = r.choice(CONDITIONS["bh"])
    return (f"{fac(r, 'Pinecrest Behavioral Health')}\nBEHAVIORAL HEALTH INTAKE ASSESSMENT\n\n"
            f"Patient: {N(pt.LF)}    MRN: {P(pt.mrn, 'mrn')}    DOB: {P(fd(pt.dob, 'us'), 'date')} ({pt.age} y)\n"
            f"Date of service: {P(fd(d, 'us'), 'date')}    Clinician: {S(staff(r))}, LICSW\n"
            f"Referral source: {r.choice(['ED', 'PCP', 'school counselor', 'self', 'outpatient psychiatrist'])}\n\n"
            f"CHIEF COMPLAINT: \"{r.choice(['I can' + chr(39) + 't stop worrying', 'I need help with my drinking', 'I have not slept in days', 'my parents made me come'])}\"\n\n"
            f"HPI: {pt.age}-year-old {'female' if pt.sex == 'F' else 'male'} presenting with symptoms consistent with "
            f"{D(cond, 'condition')}, worsening over {r.randint(2, 10)} weeks. "
            f"{'Accompanied by ' + rel + ', ' + N(ec.full) + ', who is the legal guardian. ' if minor else 'Came alone; ' + rel + ' is aware of the visit. '}"
            f"Denies SI/HI at this time. PHQ-9 {r.randint(8, 24)}, GAD-7 {r.randint(5, 20)}.\n\n"
            f"SUBSTANCE USE: {r.choice(['denies', 'alcohol 4-6 drinks/day', 'cannabis daily', 'opioids, last use 3 days ago'])}. "
            f"If SUD treatment is provided, records fall under 42 CFR Part 2.\n"
            f"CURRENT MEDS: {D(r.choice(MEDS['bh']), 'medication')}\n\n"
            f"EMERGENCY CONTACT: {N(ec.full)} ({rel}) {P(ec.phone('paren'), 'phone')}\n"
            f"HOME ADDRESS: {addr_inline(pt)}\n\n"
            f"RISK: C-SSRS screen negative. Safety plan reviewed.\n"
            f"PLAN: {r.choice(['IOP 3x/week', 'weekly outpatient therapy', 'psychiatry eval for medication', 'PHP admission'])}; "
            f"follow-up in {r.randint(1, 3)} weeks.\n\nElectronically signed by {S(staff(r))}, LICSW\n")


@T("clinical_note", "note_ld_delivery")
def _(r):
    mom = Pt(r, sex="F", lo=18, hi=43)
    d = recent(r, 1, 30)
    t = f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"
    sx = r.choice(["female", "male"])
    baby = ("BABYGIRL " if sx == "female" else "BABYBOY ") + mom.last.upper()
    g = r.randint(1, 5)
    return (f"L&D DELIVERY NOTE - {fac(r, 'Lakeshore Women' + chr(39) + 's & Infants')}\n\n"
            f"Mother: {N(mom.full)}   MRN {P(mom.mrn, 'mrn')}   Age {mom.age}   G{g}P{g - 1}{'0' * 2}{g - 1}\n"
            f"EGA {r.randint(34, 41)}w{r.randint(0, 6)}d by {r.choice(['LMP c/w 8 wk US', '11 wk US', 'IVF dating'])}. "
            f"Prenatal course: {D(r.choice(['gestational diabetes, diet-controlled', 'chronic hypertension', 'uncomplicated', 'GBS positive']), 'condition')}.\n\n"
            f"Delivery: {r.choice(['NSVD', 'vacuum-assisted vaginal delivery', 'repeat low transverse C-section'])} on "
            f"{P(fd(d, 'us') + ' ' + t[:2] + ':' + t[2:], 'date')}.\n"
            f"Infant: {sx}, {N(baby)}, MRN {P(dig1(r, 8), 'mrn')}, birth weight {r.randint(2100, 4300)} g, "
            f"Apgars {r.randint(5, 8)}/{r.randint(8, 9)}. Delayed cord clamping 60 s. Cord gases sent.\n"
            f"EBL {r.randint(200, 900)} mL. Placenta delivered intact. {r.choice(['2nd degree laceration repaired', 'no lacerations', 'intact perineum'])}.\n\n"
            f"Pediatrics ({dr(r, 'Dr.')}) present at delivery. Baby to {r.choice(['mother-baby unit, skin to skin', 'NICU for observation'])}.\n"
            f"Attending: {dr(r, 'MD')}\n")


@T("clinical_note", "note_nicu_admission")
def _(r):
    mom = Pt(r, sex="F", lo=17, hi=42)
    b = recent(r, 1, 10)
    sx = r.choice(["BABYGIRL", "BABYBOY"])
    baby_mrn = dig1(r, 8)
    ga = r.randint(24, 36)
    return (f"NICU ADMISSION HISTORY & PHYSICAL\n"
            f"Name: {N(sx + ' ' + mom.last.upper())}   MRN: {P(baby_mrn, 'mrn')}\n"
            f"DOB/time: {P(fd(b, 'us') + ' ' + f'{r.randint(0, 23):02d}:{r.randint(0, 59):02d}', 'date')}   "
            f"GA {ga}w{r.randint(0, 6)}d   BW {bw_for(r, ga)} g   Admit to bed {r.randint(1, 40)}\n\n"
            f"Maternal: {N(mom.full)}, MRN {P(mom.mrn, 'mrn')}, {mom.age} y/o G{r.randint(1, 4)}, blood type "
            f"{r.choice(['O+', 'A+', 'B-', 'AB+'])}, GBS {r.choice(['neg', 'pos (adequately treated)', 'unknown'])}, "
            f"HIV/HBsAg/RPR neg. Betamethasone {r.choice(['complete', 'x1', 'not given'])}. "
            f"Maternal history of {D(r.choice(['preeclampsia with severe features', 'chorioamnionitis', 'opioid use disorder on buprenorphine', 'placental abruption']), 'condition')}.\n\n"
            f"Delivery: {r.choice(['emergent C-section', 'vaginal', 'C-section for breech'])}; Apgars {r.randint(1, 7)}/{r.randint(5, 9)}.\n\n"
            f"Assessment: {ga}-week infant with {D(r.choice(CONDITIONS['neo']), 'condition')}.\n"
            f"Plan: {r.choice(['CPAP +6, surfactant if FiO2 > 0.4', 'NIPPV, caffeine load', 'room air, glucose checks q3h'])}; "
            f"UVC/UAC; TPN; {D('ampicillin and gentamicin', 'medication')} pending blood culture; "
            f"mother updated at bedside, phone {P(mom.phone('dash'), 'phone')}.\n\n"
            f"{dr(r, 'Dr.')}, Neonatology\n")


@T("clinical_note", "note_infusion_nursing")
def _(r):
    pt = Pt(r, lo=25, hi=89, old=0.3)
    d = recent(r, 0, 14)
    meds = r.sample(MEDS["onc"], 2)
    cyc = f"C{r.randint(1, 8)}D{r.choice([1, 8, 15])}"
    return (f"Infusion Center Nursing Note\nPatient: {N(pt.LF)}  |  MRN {P(pt.mrn, 'mrn')}  |  DOS {P(fd(d, 'iso'), 'date')}  |  Chair {r.randint(1, 14)}\n"
            f"Dx: {D(r.choice(CONDITIONS['onc']), 'condition')}   Regimen: {D(' / '.join(meds), 'medication')} {cyc}\n\n"
            f"Pt arrived ambulatory {'with daughter' if r.random() < .5 else 'alone'}, age {age_s(pt)}. "
            f"Port accessed with 20g 3/4\" needle, + blood return. Labs from clinic: ANC {r.uniform(1.1, 6):.1f}, PLT {r.randint(90, 300)}, Cr {r.uniform(.6, 1.4):.2f}.\n"
            f"Pre-meds: {D(r.choice(['ondansetron 16 mg IV, dexamethasone 12 mg IV', 'diphenhydramine 25 mg IV, famotidine 20 mg IV', 'acetaminophen 650 mg PO']), 'medication')}.\n"
            f"VS: T 36.{r.randint(4, 9)}  HR {r.randint(60, 100)}  BP {r.randint(100, 150)}/{r.randint(60, 90)}  SpO2 {r.randint(95, 99)}%\n"
            f"{D(meds[0], 'medication')} infused over {r.choice([30, 60, 90])} min without reaction. "
            f"{D(meds[1], 'medication')} {r.choice(['infused per protocol', 'rate titrated, mild flushing at 50 mL/h resolved with slowing'])}.\n"
            f"Port flushed, heparin-locked, de-accessed. Next appointment confirmed.\n\n"
            f"{S(staff(r))}, RN, OCN\n")


@T("clinical_note", "note_dialysis_run_sheet")
def _(r):
    pt = Pt(r, lo=30, hi=89, old=0.1)
    d = recent(r, 0, 10)
    pre = r.uniform(55, 110)
    uf = r.uniform(1.0, 3.8)
    return (f"{fac(r, 'Cedar Ridge Dialysis Center')} - HEMODIALYSIS TREATMENT RECORD\n"
            f"{'Patient':<12}{N(pt.LF)}\n{'MRN':<12}{P(pt.mrn, 'mrn')}\n{'Tx date':<12}{P(fd(d, 'us1'), 'date')}   "
            f"Shift {r.choice(['MWF 1st', 'TTS 2nd', 'MWF 3rd'])}   Station {r.randint(1, 24)}   Machine {D('#' + str(r.randint(10, 60)), 'asset_tag')}\n"
            f"{'Dx':<12}{D(r.choice(CONDITIONS['renal']), 'condition')}\n"
            f"{'Access':<12}{r.choice(['L radiocephalic AVF', 'R brachiobasilic AVG', 'R IJ tunneled catheter'])}, bruit/thrill +\n\n"
            f"Pre wt {pre:.1f} kg  EDW {pre - uf:.1f} kg  UF goal {uf:.1f} L\n"
            f"Rx: {r.choice([180, 210, 240])} min, Qb {r.choice([350, 400, 450])}, Qd {r.choice([500, 600, 800])}, bath 2K/2.5Ca, "
            f"heparin {r.choice([1000, 2000])} u bolus\n"
            f"Time   BP       HR   Qb   VP   AP    UFR\n"
            + "\n".join(f"{7 + i}:{r.choice(['00', '30'])}  {r.randint(100, 170)}/{r.randint(55, 95)}  {r.randint(60, 100):<4} {r.choice([350, 400]):<4} "
                        f"{r.randint(110, 200):<4} -{r.randint(150, 230):<4} {r.randint(500, 900)}" for i in range(4)) + "\n"
            f"Post wt {pre - uf + r.uniform(-.3, .3):.1f} kg. Meds given: {D(r.choice(['epoetin alfa 4000 u IV', 'iron sucrose 100 mg IV', 'calcitriol 1 mcg IV']), 'medication')}.\n"
            f"Pt tolerated tx; {r.choice(['cramping at 3h, UF paused 10 min', 'no issues', 'hypotension 88/50 at 2h, NS 200 mL given'])}.\n"
            f"RN: {S(staff(r))}   PCT: {S(staff(r))}\n")


@T("clinical_note", "note_ophtho_exam")
def _(r):
    pt = Pt(r, lo=55, hi=89, old=0.45)
    d = recent(r, 0, 20)
    cond = r.choice(CONDITIONS["eye"])
    return (f"{fac(r, 'Riverside Eye Institute')} · Retina clinic\n"
            f"{N(pt.FULL)} · {pt.sex} · {age_s(pt)} yo · DOB {P(fd(pt.dob, 'dmy'), 'date')} · MRN {P(pt.mrn, 'mrn')}\n"
            f"Visit {P(fd(d, 'short'), 'date')} · {dr(r, 'MD')}\n\n"
            f"CC: f/u {D(cond, 'condition')} {r.choice(['OD', 'OS', 'OU'])}\n"
            f"VAsc  OD 20/{r.choice([25, 30, 40, 60, 80, 200])}  OS 20/{r.choice([20, 25, 40, 50, 100])}   (ph NI)\n"
            f"IOP (Tonopen)  OD {r.randint(11, 28)}  OS {r.randint(11, 28)} mmHg\n"
            f"SLE: {r.choice(['2+ NS OU', 'PCIOL OU', '1+ NS OD, PCIOL OS'])}; quiet AC\n"
            f"DFE: {r.choice(['SRF nasal to fovea OD, no heme', 'PRP scars OU, NVD regressed', 'C/D 0.8 OD 0.6 OS, inferior notch OD', 'drusen OU, CNV OS'])}\n"
            f"OCT: CST OD {r.randint(230, 460)} / OS {r.randint(230, 460)} um\n\n"
            f"A/P: {D(cond, 'condition')} - {r.choice(['inject today', 'extend interval to 8 wks', 'start timolol', 'refer for SLT'])}.\n"
            f"{r.choice(['Intravitreal ' + D('aflibercept 2 mg', 'medication') + ' OD after time-out; povidone-iodine prep.', 'Reviewed drops schedule with daughter.', 'RTC 6 weeks with OCT.'])}\n")


@T("clinical_note", "note_dental_progress")
def _(r):
    pt = Pt(r, lo=6, hi=85)
    d = recent(r, 0, 20)
    tooth = r.choice([3, 14, 19, 30, 18, 31, 12, 5])
    surf = r.choice(["MO", "DO", "MOD", "O"])
    cdt = {"O": "D2391", "MO": "D2392", "DO": "D2392", "MOD": "D2393"}[surf]
    guardian = pt.relative(lo=28, hi=55) if pt.age < 18 else None
    return (f"Dental progress note - {fac(r, 'Granite Peak Dental Clinic')}\n"
            f"Pt: {N(pt.full)}  DOB {P(fd(pt.dob, 'us1'), 'date')}  Chart {P(dig1(r, 6), 'mrn')}  DOS {P(fd(d, 'us1'), 'date')}\n"
            + (f"Accompanied by {('mother' if guardian.sex == 'F' else 'father')} {N(guardian.full)}, consent signed.\n" if guardian else "")
            + f"Med hx reviewed, {D(r.choice(['no changes', 'on warfarin - INR 2.4 today', 'type 2 diabetes, A1c 7.1', 'penicillin allergy']), 'condition')}.\n"
            f"Procedure: #{tooth} {surf} composite ({D(cdt, 'code')}). Anesthesia: {D(r.choice(['2% lidocaine 1:100k epi, 1.8 mL', '4% articaine 1:100k epi, 1.7 mL']), 'medication')} "
            f"{r.choice(['IANB', 'infiltration'])}. Rubber dam isolation. Caries removed, {r.choice(['Vitrebond liner', 'no liner'])}, "
            f"etch/bond, composite A{r.randint(1, 3)} placed in increments, occlusion checked.\n"
            f"#{r.choice([2, 15, 18, 31])} watch - incipient mesial. Sealants #{r.choice([3, 14])} intact.\n"
            f"NV: {D('D1110', 'code')} prophy + {D('D0120', 'code')} in 6 mo.\n{S(staff(r))}, DDS / assist {S(staff(r))}\n")


@T("clinical_note", "note_radiology_report")
def _(r):
    pt = Pt(r, lo=18, hi=89, old=0.3)
    d = recent(r, 0, 20)
    prior = d - dt.timedelta(days=r.randint(60, 900))
    acc = f"{dig1(r, 9)}"
    exam = r.choice(["CT CHEST PE PROTOCOL", "CT ABDOMEN/PELVIS WITH CONTRAST", "CT HEAD WITHOUT CONTRAST", "MRI BRAIN WITH AND WITHOUT"])
    return (f"{fac(r, 'Harlow Imaging Center')}\nDEPARTMENT OF RADIOLOGY\n\n"
            f"PATIENT: {N(pt.LF.upper())}        MRN: {P(pt.mrn, 'mrn')}\nDOB: {P(fd(pt.dob, 'us'), 'date')}  AGE: {age_s(pt, 'Y')}  SEX: {pt.sex}\n"
            f"ACCESSION: {P(acc, 'other_id')}     EXAM DATE: {P(fd(d, 'us'), 'date')}\nREFERRING: {dr(r, 'MD')}\n\n"
            f"EXAM: {exam}\nHISTORY: {r.choice(['shortness of breath, tachycardia', 'abdominal pain, fever', 'fall on anticoagulation', 'headache, new weakness'])}\n"
            f"COMPARISON: {P(fd(prior, 'us'), 'date')}\n"
            f"TECHNIQUE: Standard protocol. {r.choice(['100 mL Omnipaque 350 IV.', 'No IV contrast.', '15 mL gadoterate IV.'])} DLP {r.randint(200, 1200)} mGy-cm.\n\n"
            f"FINDINGS: {r.choice(['No filling defect in the main or segmental pulmonary arteries.', 'Appendix is dilated to 11 mm with periappendiceal stranding.', 'No acute intracranial hemorrhage.', 'Stable 6 mm RUL nodule.'])} "
            f"{r.choice(['Mild bibasilar atelectasis.', 'Liver demonstrates diffuse low attenuation.', 'Chronic microvascular changes.', 'No lymphadenopathy.'])}\n\n"
            f"IMPRESSION:\n1. {D(r.choice(CONDITIONS['rad']), 'condition')} {r.choice(['is not seen', 'is present', 'is suspected'])}.\n"
            f"2. {r.choice(['No other acute findings.', 'Follow-up per Fleischner guidelines.'])}\n\n"
            f"Critical result called to {dr(r, 'Dr.')} at {r.randint(8, 22)}:{r.randint(10, 59)} by {dr(r, 'Dr.')}.\n"
            f"Electronically signed: {dr(r, 'MD')}\n")


@T("clinical_note", "note_home_health_oasis_soc")
def _(r):
    pt = Pt(r, lo=66, hi=89, old=0.35)
    soc = recent(r, 1, 14)
    cg = pt.relative(lo=40, hi=70, same_last=r.random() < .6)
    return (f"HOME HEALTH START OF CARE - OASIS-E (excerpt)\n{fac(r, 'Meadowbrook Home Health & Hospice')}\n\n"
            f"M0030 Start of care date: {P(fd(soc, 'us'), 'date')}\n"
            f"M0040 Patient name: {N(pt.first + ' ' + pt.mi + ' ' + pt.last)}\n"
            f"M0050 State: {D(pt.state, 'state')}   M0060 ZIP: {P(pt.zip, 'zip_code')}\n"
            f"M0063 Medicare number: {P(pt.mbi, 'medicare_mbi')}\n"
            f"M0066 Birth date: {P(fd(pt.dob, 'us'), 'date')}   M0069 Gender: {pt.sex}\n"
            f"Address: {P(pt.street, 'street_address')}, {P(pt.city, 'street_address')}   Phone: {P(pt.phone('paren'), 'phone')}\n"
            f"M1021 Primary dx: {D(r.choice(['I50.22', 'J44.1', 'S72.001D', 'E11.65', 'I63.9']), 'diagnosis_code')}\n"
            f"M1033 Risk: {r.choice(['history of falls', 'multiple hospitalizations', 'decline in mental status'])}\n"
            f"M2102 Caregiver: {N(cg.full)} ({r.choice(['daughter', 'son', 'niece', 'spouse'])}), lives {r.choice(['with patient', 'nearby'])}, "
            f"{P(cg.phone('dash'), 'phone')}\n\n"
            f"Narrative: {age_s(pt)} y/o seen for SOC after discharge from {fac(r, 'Bayview Regional Medical Center')}. "
            f"Home has {r.choice(['throw rugs in hallway', 'steep entry steps, no rail', 'grab bars installed'])}; "
            f"med reconciliation found {r.randint(1, 4)} discrepancies, reviewed with caregiver. Frequency 2w3, 1w4.\n"
            f"Clinician: {S(staff(r))}, RN\n")


# ================================================================ claims_csv (PHI)
@T("claims_csv", "claims_340b_export")
def _(r):
    head = ["claim_id", "rx_number", "fill_date", "pat_last", "pat_first", "pat_dob", "member_id", "bin", "pcn", "group", "ndc11",
            "qty", "days_supply", "ingredient_cost", "prescriber_npi", "pharmacy_npi", "flag_340b", "submission_clar"]
    rows = []
    for i in range(r.randint(3, 6)):
        p = Pt(r, lo=18, hi=89, old=0.05)
        f = recent(r, 4, 50)
        rows.append([P(dig1(r, 12), "other_id"), P(dig1(r, 7), "other_id"), P(fd(f, "hl7"), "date"), N(p.last.upper()), N(p.first.upper()),
                     P(fd(p.dob, "hl7"), "date"), P(p.member, "health_plan_id"), r.choice(["610014", "004336", "610502", "003858"]),
                     r.choice(["ADV", "MEDDADV", "A4", "9999"]), D("RX" + dig(r, 4), "group_number"), D(ndc(r).replace("-", ""), "drug_code"),
                     str(r.choice([30, 60, 90, 28])), str(r.choice([30, 90, 28])), f"{r.uniform(8, 4200):.2f}", D(npi(r), "npi"),
                     D(npi(r), "npi"), "Y", r.choice(["20", "", "20"])])
    return (f"340B contract pharmacy claims - weekly export for TPA reconciliation\nsource: rx340b.eligible_fill, site CH340B01, run {fd(TODAY, 'iso')}\n"
            f"note from {S(staff(r))}: submission clarification 20 = 340B; rows without it were billed before the flag fix and need a "
            f"reversal/rebill, the TPA will not accept a correction file. Duplicate-discount check against the Medicaid exclusion file "
            f"is still manual.\n\n"
            + table("csv", head, rows) + f"\n# rows: {len(rows)}  checksum: {hexs(r, 8)}\n")


@T("claims_csv", "claims_ncpdp_flat")
def _(r):
    recs = []
    for i in range(r.randint(2, 3)):
        p = Pt(r, lo=18, hi=89, old=0.08)
        f = recent(r, 2, 30)
        recs.append("|".join([
            "101-A1=" + r.choice(["610014", "004336", "015581"]), "102-A2=D0", "103-A3=B1", "104-A4=" + r.choice(["ADV", "PDMI", "9999"]),
            "301-C1=" + D(upal(r, 2) + dig(r, 5), "group_number"), "302-C2=" + P(p.member, "health_plan_id"), "303-C3=01",
            "304-C4=" + P(fd(p.dob, "hl7"), "date"), "305-C5=" + ("2" if p.sex == "F" else "1"),
            "310-CA=" + N(p.first.upper()), "311-CB=" + N(p.last.upper()),
            "322-CM=" + P(p.street.upper(), "street_address"), "323-CN=" + P(p.city.upper(), "street_address"), "324-CO=" + D(p.state, "state"),
            "325-CP=" + P(p.zip, "zip_code"), "326-CQ=" + P("".join(p.ph_digits), "phone"),
            "401-D1=" + P(fd(f, "hl7"), "date"), "402-D2=" + P(dig1(r, 8), "other_id"), "407-D7=" + D(ndc(r).replace("-", ""), "drug_code"),
            "442-E7=" + str(r.choice([30000, 60000, 1000])), "405-D5=" + str(r.choice([30, 90])),
            "411-DB=" + D(npi(r), "npi"), "409-D9=" + f"{r.uniform(20, 9000):.2f}".replace(".", "") + "{"]))
    return (f"# specialty pharmacy switch log, B1 requests rejected with 65 (patient not covered) - {fd(TODAY, 'iso')}\n"
            f"# one transaction per line, segment separators replaced with '|' for readability\n"
            + "\n".join(recs) + "\n# response: 511-FB=65 for all above; plan says cardholder ID format changed 12/01\n")


@T("claims_csv", "claims_dental_837d")
def _(r):
    head = ["claim_no", "patient", "dob", "subscriber", "relationship", "member_id", "dos", "cdt", "tooth", "surface", "quad",
            "billed", "allowed", "paid", "denial"]
    rows = []
    for i in range(r.randint(2, 4)):
        p = Pt(r, lo=4, hi=17)
        sub = p.relative(lo=28, hi=55)
        d = recent(r, 10, 80)
        cno = P(dig1(r, 11), "other_id")
        mem = P(sub.member, "health_plan_id")
        for cdt, tooth, surf, quad, fee in r.sample([("D1120", "", "", "", "62.00"), ("D1351", "3", "O", "", "41.00"),
                                                     ("D1351", "14", "O", "", "41.00"), ("D2392", "30", "MO", "", "185.00"),
                                                     ("D0272", "", "", "", "52.00"), ("D4341", "", "", "UR", "210.00")], 2):
            paid = r.choice(["0.00", fee, f"{float(fee) * .8:.2f}"])
            rows.append([cno, N(p.lf), P(fd(p.dob, "us"), "date"), N(sub.lf), "child", mem, P(fd(d, "us"), "date"), D(cdt, "code"),
                         tooth, surf, quad, fee, fee, paid, "" if paid != "0.00" else r.choice(["frequency limit", "missing tooth number", "age limit"])])
    return ("Pediatric dental claims - remits with adjustments, export from the PM system\n"
            f"(question for {S(staff(r))}: the frequency-limit denials are for sealants on teeth already sealed at another office; "
            f"do we appeal with the x-rays or write off?)\n\n" + table("csv", head, rows) + "\n")


@T("claims_csv", "claims_dme_hcpcs")
def _(r):
    head = ["claim", "mbi", "beneficiary", "dob", "dos_from", "hcpcs", "mod", "units", "serial_no", "ordering_npi", "billed", "status"]
    rows = []
    for i in range(r.randint(2, 4)):
        p = Pt(r, lo=65, hi=89, old=0.25)
        d = recent(r, 10, 90)
        code = r.choice([("E0601", "NU", "CPAP"), ("E1390", "RR", "O2 concentrator"), ("K0001", "RR", "wheelchair"),
                         ("E0470", "RR", "RAD w/o backup"), ("E0260", "RR", "hospital bed")])
        rows.append([P(dig1(r, 13), "other_id"), P(p.mbi, "medicare_mbi"), N(p.LF), P(fd(p.dob, "us"), "date"), P(fd(d, "us"), "date"),
                     D(code[0], "procedure_code"), code[1], "1", P(upal(r, 2) + dig1(r, 8), "device_id"), D(npi(r), "npi"),
                     f"{r.uniform(40, 1900):.2f}", r.choice(["paid", "denied - CO-16 missing serial", "pended - CMN", "paid"])])
    return ("DME billing - Jurisdiction B claims with device serials (for the recall cross-check)\n"
            f"Manufacturer recall notice lists serial ranges for two CPAP models; {S(staff(r))} is matching them against what we billed. "
            f"Serial numbers below are the units delivered to these beneficiaries.\n\n"
            + table("tsv", head, rows) + "\n\nNext step: letters to affected beneficiaries from the DME office, not from billing.\n")


@T("claims_csv", "claims_radiology_professional")
def _(r):
    head = ["CLAIM#", "ACCT", "PATIENT", "DOB", "DOS", "CPT", "MOD", "ICD10", "ACCESSION", "READING_NPI", "CHARGE"]
    rows = []
    for i in range(r.randint(3, 5)):
        p = Pt(r, lo=18, hi=89, old=0.1)
        d = recent(r, 3, 40)
        cpt = r.choice([("74177", "CT abd/pel w"), ("71275", "CTA chest"), ("70553", "MRI brain w/wo"), ("76700", "US abd"), ("77067", "screen mammo")])
        rows.append([P(dig1(r, 10), "other_id"), P(p.acct, "account_number"), N(p.LF.upper()), P(fd(p.dob, "us"), "date"),
                     P(fd(d, "us"), "date"), D(cpt[0], "procedure_code"), "26", D(r.choice(["R10.9", "R06.02", "G43.909", "N20.0", "Z12.31"]), "diagnosis_code"),
                     P(dig1(r, 9), "other_id"), D(npi(r), "npi"), f"{r.uniform(60, 900):.2f}"])
    return ("PRO FEE EXPORT | Radiology Associates | professional component only\n"
            f"RUN {fd(TODAY, 'hl7')} {r.randint(1, 5):02d}:{r.randint(10, 59)} | FILTER: MOD=26, STATUS=HELD (missing signed report)\n"
            + table("pipe", head, rows) + "\n"
            f"TOTAL CLAIMS {len(rows)} | HELD REASON: report not final at charge drop; re-release after signature\n")


@T("claims_csv", "claims_reflab_client_bill")
def _(r):
    head = ["Accession", "Patient Name", "DOB", "Collected", "Test", "CPT", "Bill To", "Insurance ID", "Client", "Amount"]
    rows = []
    for i in range(r.randint(3, 5)):
        p = Pt(r, lo=1, hi=89, old=0.08)
        c = recent(r, 5, 45)
        t = r.choice([("Vitamin D 25-OH", "82306"), ("Lyme Ab w/ reflex", "86618"), ("Celiac panel", "86364"), ("Quantiferon TB", "86480")])
        bill = r.choice(["CLIENT", "INSURANCE", "PATIENT"])
        rows.append([P(f"RL{dig1(r, 8)}", "other_id"), N(p.LF), P(fd(p.dob, "us"), "date"), P(fd(c, "us"), "date"), t[0],
                     D(t[1], "procedure_code"), bill, P(p.member, "health_plan_id") if bill == "INSURANCE" else "",
                     fac(r, r.choice(["Granite Peak Dental Clinic", "Eastgate Occupational Health", "Bayview Regional Medical Center"])),
                     f"{r.uniform(12, 180):.2f}"])
    q = [[f"\"{c}\"" for c in row] for row in rows]
    return ("\"Bayview Reference Laboratory - client bill detail\"\n"
            f"\"Billing period {MON[(TODAY.month - 2) % 12]} {TODAY.year if TODAY.month > 1 else TODAY.year - 1}\",\"Client-billed tests are invoiced to the ordering client; insurance-billed tests go out on the 837P\"\n"
            + "\n".join([",".join(f"\"{h}\"" for h in head)] + [",".join(row) for row in q]) + "\n\"End of report\"\n")


@T("claims_csv", "claims_esrd_monthly")
def _(r):
    head = ["TOB", "MBI", "LAST", "FIRST", "DOB", "FROM", "THRU", "REV", "HCPCS", "UNITS", "VC_A8_WT", "VC_48_HGB", "COND", "CHARGES"]
    rows = []
    m = (TODAY.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    thru = TODAY.replace(day=1) - dt.timedelta(days=1)
    for i in range(r.randint(2, 4)):
        p = Pt(r, lo=40, hi=89, old=0.08)
        rows.append(["0721", P(p.mbi, "medicare_mbi"), N(p.last.upper()), N(p.first.upper()), P(fd(p.dob, "us"), "date"),
                     P(fd(m, "us"), "date"), P(fd(thru, "us"), "date"), "0821", D("90999", "procedure_code"), str(r.choice([12, 13, 11])),
                     f"{r.uniform(50, 120):.1f}", f"{r.uniform(8.5, 12.5):.1f}", r.choice(["", "73", "74"]), f"{r.uniform(3000, 9000):.2f}"])
    body = "\r\n".join([",".join(head)] + [",".join(x) for x in rows])
    return "\ufeff" + body + "\r\n"


@T("claims_csv", "claims_hospice_noe")
def _(r):
    head = ["MBI", "Patient", "DOB", "Election date", "Admit", "Benefit period", "LOC", "Days", "Terminal dx", "Attending NPI", "Status"]
    rows = []
    for i in range(r.randint(3, 5)):
        p = Pt(r, lo=60, hi=89, old=0.4)
        e = recent(r, 5, 100)
        rows.append([P(p.mbi, "medicare_mbi"), N(p.LF), P(fd(p.dob, "us1"), "date"), P(fd(e, "us1"), "date"), P(fd(e, "us1"), "date"),
                     str(r.randint(1, 3)), r.choice(["RHC 0651", "GIP 0656", "CHC 0652"]), str(r.randint(3, 31)),
                     D(r.choice(["C34.90", "G30.9", "I50.9", "J44.9", "C25.9"]), "diagnosis_code"), D(npi(r), "npi"),
                     r.choice(["NOE accepted", "NOE late - exception filed", "claim paid", "RTP - T0 modifier"])])
    return (f"Hospice billing - NOE / claim status (pasted from Excel)\n"
            f"NOE must be accepted within 5 calendar days of the election date or the days before acceptance are non-covered. "
            f"Late ones below need the exception request ({S(staff(r))} drafts, medical director signs).\n\n"
            + table("tsv", head, rows) + "\n")


# ================================================================ patient_email (PHI)
def email_head(r, frm_pt, to, subj, when=None, native=None):
    when = when or recent(r, 0, 10)
    disp = native or frm_pt.full
    return (f"From: {N(disp)} <{P(frm_pt.email, 'email')}>\nTo: {to}\n"
            f"Date: {D(f'{MON[when.month - 1]} {when.day}, {when.year} {r.randint(6, 22)}:{r.randint(10, 59)}', 'email_date')}\n"
            f"Subject: {subj}\n\n"), when


def mailbox(name):
    return D(name, "staff_contact")


@T("patient_email", "email_guardian_peds")
def _(r):
    kid = Pt(r, lo=5, hi=16)
    par = kid.relative(sex=r.choice("FM"), lo=30, hi=52, same_last=r.random() < .75)
    cond, med = r.choice([("asthma", "albuterol HFA"), ("asthma", "budesonide"), ("type 1 diabetes", "insulin lispro"),
                          ("ADHD", "methylphenidate ER"), ("eosinophilic esophagitis", "budesonide"),
                          ("sickle cell disease", "hydroxyurea")])
    head, when = email_head(r, par, mailbox("peds.pulm@stcolumba.org"), f"School medication form for {kid.first}".replace(kid.first, N(kid.first)))
    return (head +
            f"Hello,\n\nMy {'son' if kid.sex == 'M' else 'daughter'} {N(kid.full)} (DOB {P(fd(kid.dob, 'us'), 'date')}) is seen by "
            f"{dr(r, 'Dr.')} for {D(cond, 'condition')}. The school nurse needs the medication authorization form signed again for "
            f"{D(med, 'medication')} because the dose changed at the last visit on {P(fd(recent(r, 10, 60), 'short'), 'date')}.\n\n"
            f"Could you fax it to the school at {D(work_phone(r), 'school_fax')} or send it through the portal? "
            f"The portal still lists my old phone, the right one is {P(par.phone('dash'), 'phone')}.\n\n"
            f"Thank you,\n{N(par.full)}\n")


@T("patient_email", "email_specialty_pharmacy_refill")
def _(r):
    pt = Pt(r, lo=22, hi=80)
    med = r.choice(MEDS["spec"])
    cc = card(r)
    fmt_cc = " ".join(cc[i:i + 4] for i in range(0, 16, 4))
    exp = f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"
    head, when = email_head(r, pt, mailbox("specialtyrx@bayviewhealth.org"), f"Refill {med} - shipping address change")
    return (head +
            f"Hi,\n\nI need my {D(med, 'medication')} refill shipped to a new address this month, I'm staying with my sister:\n"
            f"{P(pt.street, 'street_address')}\n{P(pt.city, 'street_address')}, {D(pt.state, 'state')} {P(pt.zip, 'zip_code')}\n\n"
            f"Member ID {P(pt.member, 'health_plan_id')}, date of birth {P(fd(pt.dob, 'long'), 'date')}. My copay card didn't go through "
            f"last time so please charge this one: {P(fmt_cc, 'credit_card')} exp {exp}.\n\n"
            f"Please call me at {P(pt.phone('paren'), 'phone')} if anything is missing, the pen has to be delivered cold before "
            f"{r.choice(['Friday', 'the weekend', 'next Tuesday'])}.\n\n{N(pt.first)}\n\n"
            f"-----\nAuto-reply: Thank you for contacting Bayview Specialty Pharmacy. Please do not send payment card numbers by email.\n")


LANG = {"chinese": "Mandarin", "korean": "Korean", "japanese": "Japanese", "russian": "Russian", "ukrainian": "Ukrainian",
        "greek": "Greek", "hindi": "Hindi", "arabic": "Arabic", "hebrew": "Hebrew", "ethiopian": "Amharic", "thai": "Thai"}
NICU_MSG = {
    "chinese": "您好，\n\n我是 {NATIVE} ，宝宝 {BABY} 的妈妈。宝宝的病历号是 {MRN} 。\n医生说宝宝可能 {DATE} 出院，请问需要提前准备汽车安全座椅吗？\n我的手机：{PHONE}\n\n谢谢！\n{NATIVE}",
    "korean": "안녕하세요,\n\n아기 이름: {BABY}\n병록번호: {MRN}\n\n저는 아기 엄마 {NATIVE} 입니다. 아기가 {DATE} 에 퇴원할 수 있다고 들었습니다. 모유를 냉동해서 가져가도 되나요?\n연락처: {PHONE}\n\n감사합니다.\n{NATIVE} 드림",
    "japanese": "NICU ご担当者様\n\nいつもお世話になっております。{BABY} （カルテ番号 {MRN} ）の母、{NATIVE} です。\n{DATE} の退院前に、沐浴の練習をさせていただけますでしょうか。\n携帯：{PHONE}\n\nよろしくお願いいたします。\n{NATIVE}",
    "russian": "Здравствуйте!\n\nМеня зовут {NATIVE}, я мама {BABY} (номер карты {MRN}). Врач сказал, что выписка возможна {DATE}. Можно ли мне остаться на ночь в палате перед выпиской?\nМой телефон: {PHONE}\n\nСпасибо,\n{NATIVE}",
    "ukrainian": "Доброго дня!\n\nЯ {NATIVE}, мама {BABY} (номер картки {MRN}). Лікар сказав, що виписка можлива {DATE}. Чи можу я принести грудне молоко з дому?\nМій телефон: {PHONE}\n\nДякую,\n{NATIVE}",
    "greek": "Καλησπέρα σας,\n\nΕίμαι η {NATIVE}, μητέρα του μωρού {BABY} (αριθμός φακέλου {MRN}). Μας είπαν ότι το εξιτήριο ίσως είναι στις {DATE}. Μπορούμε να μιλήσουμε με τη διαιτολόγο πριν;\nΤηλέφωνο: {PHONE}\n\nΕυχαριστώ,\n{NATIVE}",
    "hindi": "नमस्ते,\n\nमैं {NATIVE} हूँ, {BABY} की माँ (MRN {MRN} )। डॉक्टर ने बताया कि छुट्टी {DATE} को हो सकती है। क्या मैं घर से दूध ला सकती हूँ?\nमेरा फ़ोन: {PHONE}\n\nधन्यवाद,\n{NATIVE}",
    "arabic": "مرحباً،\n\nأنا {NATIVE}، والدة الطفل {BABY} (رقم الملف {MRN} ). قال الطبيب إن الخروج قد يكون في {DATE}. هل يمكنني إحضار حليب الثدي من المنزل؟\nهاتفي: {PHONE}\n\nشكراً،\n{NATIVE}",
    "hebrew": "שלום,\n\nאני {NATIVE}, אמא של {BABY} (מספר תיק {MRN} ). הרופאה אמרה שהשחרור אולי ב-{DATE}. אפשר לקבוע הדרכה על כיסא בטיחות לפני?\nטלפון: {PHONE}\n\nתודה,\n{NATIVE}",
    "ethiopian": "ሰላም፣\n\nእኔ {NATIVE} ነኝ፣ የ {BABY} እናት (MRN {MRN} )። ሐኪሙ {DATE} ሊወጣ ይችላል ብሏል። የጡት ወተት ከቤት ማምጣት እችላለሁ?\nስልክ: {PHONE}\n\nአመሰግናለሁ፣\n{NATIVE}",
    "thai": "สวัสดีค่ะ\n\nดิฉัน {NATIVE} แม่ของ {BABY} (เลขที่เวชระเบียน {MRN} ) คุณหมอบอกว่าอาจกลับบ้านได้วันที่ {DATE} ขอสอบถามเรื่องการเตรียมนมแม่ค่ะ\nโทร: {PHONE}\n\nขอบคุณค่ะ\n{NATIVE}",
}


@T("patient_email", "email_nicu_parent_native")
def _(r):
    cult = r.choice(sorted(NICU_MSG))
    mom = Pt(r, cult=cult, sex="F", native=True, lo=20, hi=40)
    baby = r.choice(["BABYGIRL ", "BABYBOY "]) + mom.last.upper()
    dis = TODAY + dt.timedelta(days=r.randint(2, 14))
    if cult in ("chinese", "japanese"):
        ds = f"{dis.month}月{dis.day}日"
    elif cult == "korean":
        ds = f"{dis.month}월 {dis.day}일"
    elif cult in ("russian", "ukrainian", "greek", "hebrew"):
        ds = fd(dis, "dot")
    else:
        ds = fd(dis, "us")
    mrn = dig1(r, 8)
    body = NICU_MSG[cult]
    for k, v in (("{NATIVE}", N(mom.native)), ("{BABY}", N(baby)), ("{MRN}", P(mrn, "mrn")), ("{DATE}", P(ds, "date")),
                 ("{PHONE}", P(mom.phone("paren"), "phone"))):
        body = body.replace(k, v)
    head, when = email_head(r, mom, mailbox("nicu.family@lakeshorewi.org"), "NICU", native=mom.full)
    nurse = staff(r)
    return (head + body + "\n\n" +
            f"--- reply from {S(nurse)}, RN (NICU family liaison) ---\n"
            f"Thank you for your message. I have asked a {LANG[cult]}-speaking interpreter to call you today at the number above; "
            f"please keep messages about the baby's care to the portal when possible.\n")


@T("patient_email", "email_caregiver_hospice")
def _(r):
    pt = Pt(r, sex="M", lo=80, hi=89, old=0.6)
    dau = pt.relative(sex="F", lo=50, hi=70, same_last=r.random() < .4, same_addr=False)
    head, when = email_head(r, dau, mailbox("hospice.intake@meadowbrookhh.org"), f"Dad - bed delivery and weekend visit")
    return (head +
            f"Hello,\n\nI'm the daughter and health care proxy for {N(pt.full)}, who was admitted to your hospice program on "
            f"{P(fd(recent(r, 2, 20), 'long'), 'date')}. He is {age_s(pt)} and very frail now; the hospital bed was supposed to arrive "
            f"yesterday but nobody came. The address is {P(pt.street, 'street_address')}, {P(pt.city, 'street_address')} "
            f"{P(pt.zip, 'zip_code')}, side door, gate code at the back.\n\n"
            f"Also, the nurse ({S(staff(r))}) said someone would visit on Saturday. Could you confirm? My cell is "
            f"{P(dau.phone('dot'), 'phone')}, my brother's is {P(pt.relative(sex='M', lo=45, hi=70).phone('dash'), 'phone')}.\n\n"
            f"Thank you for everything,\n{N(dau.full)}\n")


@T("patient_email", "email_dental_billing_dispute")
def _(r):
    pt = Pt(r, lo=22, hi=80)
    d = recent(r, 30, 120)
    acct = "G" + dig1(r, 7)
    claim = dig1(r, 11)
    teeth = r.sample([3, 14, 19, 30, 2, 15], 2)
    head, when = email_head(r, pt, mailbox("billing@granitepeakdental.com"), f"Statement for account {acct}".replace(acct, P(acct, "account_number")))
    return (head +
            f"Hi,\n\nI received a statement for ${r.randint(140, 900)}.00 for my visit on {P(fd(d, 'us'), 'date')} (fillings on teeth "
            f"#{teeth[0]} and #{teeth[1]}). My insurance EOB says claim {P(claim, 'other_id')} was processed and I owe only "
            f"${r.randint(20, 90)}.00. My member ID is {P(pt.member, 'health_plan_id')}.\n\n"
            f"Can someone resubmit or adjust? I'm happy to send a copy of the EOB.\n\n"
            f"{N(pt.full)}\n{P(pt.phone('paren'), 'phone')}\nAccount {P(acct, 'account_number')}\n")


@T("patient_email", "email_radiology_cd_request")
def _(r):
    pt = Pt(r, lo=25, hi=89, old=0.1)
    d = recent(r, 20, 300)
    acc = dig1(r, 9)
    head, when = email_head(r, pt, mailbox("imaging.records@bayviewhealth.org"), "Request for MRI images on CD - second opinion")
    return (head +
            f"To the film library,\n\nI'm getting a second opinion at {fac(r, 'Northfield Cancer Institute')} and need my "
            f"{r.choice(['MRI of the pelvis', 'PET/CT', 'breast MRI', 'CT chest'])} from {P(fd(d, 'long'), 'date')} on a disc, with the report. "
            f"The accession on my portal is {P(acc, 'other_id')}.\n\n"
            f"Name: {N(pt.full)}\nDate of birth: {P(fd(pt.dob, 'us'), 'date')}\nMRN: {P(pt.mrn, 'mrn')}\n"
            f"Mail to: {P(pt.street, 'street_address')}, {P(pt.city, 'street_address')}, {D(pt.state, 'state')} {P(pt.zip, 'zip_code')}\n\n"
            f"I signed the release form at the front desk on Monday. My appointment there is on the 18th, so sooner is better.\n\n"
            f"Thanks,\n{N(pt.first)}\n")


@T("patient_email", "email_transplant_living_donor")
def _(r):
    rec = Pt(r, lo=30, hi=70)
    dn = rec.relative(lo=25, hi=60, same_last=r.random() < .6)
    rel = "brother" if rec.sex == "M" else "sister"
    coord = staff(r)
    head, when = email_head(r, dn, mailbox(handle(coord) + "@tricountytx.org"), "Donor evaluation - 24h urine and CT")
    return (head +
            f"Hi {S(coord.split()[0])},\n\nThis is {N(dn.full)}, I'm being evaluated as a living kidney donor for my {rel} "
            f"{N(rec.full)}. My DOB is {P(fd(dn.dob, 'us1'), 'date')} in case you need it to find my chart (it's separate from my "
            f"{rel}'s, right?).\n\n"
            f"I did the 24-hour urine on {P(fd(recent(r, 2, 10), 'short'), 'date')} but the lab said the jug was logged under the wrong "
            f"order. Do I need to redo it before the CT angiogram? Also my blood pressure at home has been around {r.randint(118, 138)}/{r.randint(72, 88)}.\n\n"
            f"Best number to reach me: {P(dn.phone('dash'), 'phone')}.\n\n{N(dn.first)}\n\n"
            f"> On {D(fd(recent(r, 11, 20), 'short'), 'email_date')}, {S(coord)} wrote:\n> Please complete the 24-hour urine collection before your CT. Call me with questions.\n")


@T("patient_email", "email_occhealth_employee")
def _(r):
    emp = Pt(r, lo=22, hi=63)
    eid = r.choice(["E", "00"]) + dig(r, 6)
    exp = recent(r, 1, 10)
    head, when = email_head(r, emp, mailbox("employeehealth@bayviewhealth.org"), "Needlestick follow-up labs")
    return (head +
            f"Hi Employee Health,\n\nI had a needlestick on {P(fd(exp, 'us'), 'date')} on 5 North (hollow-bore, from a patient "
            f"whose labs came back negative per the charge nurse). I got the baseline labs drawn in the ED that night. "
            f"When should I come for the 6-week draw, and do I need to keep taking the {D('PEP (bictegravir/emtricitabine/tenofovir alafenamide)', 'medication')}?\n\n"
            f"Employee ID {P(eid, 'other_id')}, DOB {P(fd(emp.dob, 'iso'), 'date')}. I work nights so mornings after 8 are best; "
            f"cell {P(emp.phone('paren'), 'phone')}.\n\nThanks,\n{N(emp.full)}\nRN, 5 North\n\n"
            f"(Sent from my personal email because the work one won't open on my phone.)\n")


# ================================================================ java_stacktrace (clean)
def frames(r, pkgs):
    out = []
    for p in pkgs:
        cls, meth = p
        out.append(f"\tat {cls}.{meth}({cls.split('.')[-1].split('$')[0]}.java:{r.randint(40, 900)})")
    return "\n".join(out)


def jts(r):
    d = recent(r, 0, 20)
    return f"{d.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d},{r.randint(0, 999):03d}"


@T("java_stacktrace", "st_dcm4che_assoc_reject")
def _(r):
    calling = r.choice(["CT03_NORTH", "US_WOMENS2", "DXR_PORT1", "MG_BREAST1"])
    host = ip_srv(r)
    return (f"{jts(r)} ERROR [pool-3-thread-{r.randint(1, 12)}] o.b.p.router.StoreForwardTask - C-STORE to {D('VNA_ARCHIVE', 'ae_title')}@{host}:{r.choice([104, 11112, 4242])} failed, will retry ({r.randint(1, 5)}/5)\n"
            "org.dcm4che3.net.IncompatibleConnectionException: A-ASSOCIATE-RJ[result: 1 - rejected-permanent, source: 1 - service-user, "
            f"reason: 3 - calling-AE-title-not-recognized]\n"
            + frames(r, [("org.dcm4che3.net.Association", "onAAssociateRJ"), ("org.dcm4che3.net.PDUDecoder", "nextPDU"),
                         ("org.dcm4che3.net.Association", "waitForLeaving"), ("org.dcm4che3.net.ApplicationEntity", "connect"),
                         ("org.bayview.pacs.router.StoreForwardTask", "openAssociation"), ("org.bayview.pacs.router.StoreForwardTask", "run"),
                         ("java.util.concurrent.ThreadPoolExecutor", "runWorker")]) +
            f"\n\nCaused by: calling AE {D(calling, 'ae_title')} is not in the archive's remote AE list (added on the router on "
            f"{fd(recent(r, 1, 5), 'short')}, not on the VNA).\n"
            f"-- {S(staff(r))}: added {D(calling, 'ae_title')} / {ip_srv(r)} / port 104 to the VNA device list, queue drained.\n")


@T("java_stacktrace", "st_hapi_lis_parse_zztest")
def _(r):
    return (f"{jts(r)} WARN  [lis-inbound-{r.randint(1, 8)}] c.b.l.i.ResultListener - rejecting message, sending AR\n"
            "ca.uhn.hl7v2.model.DataTypeException: ca.uhn.hl7v2.model.DataTypeException: Failed validation rule for value "
            "\"2026-13-01\": Version 2.5.1 TS must be in format YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]\n"
            + frames(r, [("ca.uhn.hl7v2.model.primitive.TSComponentOne", "setValue"), ("ca.uhn.hl7v2.parser.PipeParser", "parse"),
                         ("ca.uhn.hl7v2.parser.PipeParser", "doParse"), ("ca.uhn.hl7v2.parser.Parser", "parse"),
                         ("com.bayview.lis.inbound.ResultListener", "processMessage"), ("ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl", "processMessage")])
            + "\n\nMessage (validation environment, test patient):\n"
            "MSH|^~\\&|ANALYZER|LAB|LIS|BRMC|20261201083000||ORU^R01|T0001|T|2.5.1\n"
            "PID|1||T000123^^^BRMC^MR||ZZTEST^LAB^A||20000101|U\n"
            "OBR|1||T26-000001|CMP^Comprehensive metabolic panel|||2026-13-01\n"
            "OBX|1|NM|2345-7^Glucose^LN||99|mg/dL|70-99|N|||F\n\n"
            f"Note from {S(staff(r))}: the middleware test script sends ISO dates in OBR-7; prod analyzers send HL7 TS. Not a bug in the listener.\n")


@T("java_stacktrace", "st_astm_checksum")
def _(r):
    inst = r.choice(["cobas 8000 c702", "Alinity ci", "Atellica CH", "DxH 900", "Sysmex XN-10"])
    sn = f"{upal(r, 2)}{dig1(r, 6)}"
    return (f"{jts(r)} ERROR [astm-port-COM{r.randint(3, 9)}] c.b.l.astm.E1381Framer - frame rejected, sending NAK\n"
            f"com.bayview.lis.astm.ChecksumException: frame {r.randint(1, 7)} checksum mismatch (expected {hexs(r, 2).upper()}, computed {hexs(r, 2).upper()})\n"
            + frames(r, [("com.bayview.lis.astm.E1381Framer", "verify"), ("com.bayview.lis.astm.E1381Framer", "onFrame"),
                         ("com.bayview.lis.astm.SerialLink", "readLoop"), ("java.lang.Thread", "run")]) +
            f"\n\nInstrument: {inst}, serial {D(sn, 'asset_tag')}, middleware {D('DM-' + str(r.randint(2, 9)), 'asset_tag')}\n"
            "Record in error (QC run, no patient):\n"
            "2Q|1|^QC-LVL2||ALL||||||||O\\r\n"
            f"3R|1|^^^GLU|{r.randint(80, 300)}|mg/dL||N||F||||{fd(recent(r), 'hl7')}{r.randint(10, 23)}{r.randint(10, 59)}{r.randint(10, 59)}\\r\n\n"
            f"Cause: serial cable swapped during the PM by the vendor FSE; {S(staff(r))} reseated it, 3 NAKs then clean.\n")


@T("java_stacktrace", "st_cabinet_soap_fault")
def _(r):
    stn = f"{r.choice(['4W', '5N', 'PACU', 'ED'])}-TWR{r.randint(1, 3)}"
    return (f"{jts(r)} ERROR [http-nio-8443-exec-{r.randint(1, 40)}] c.b.rx.cabinet.ProfileSyncClient - profile push failed for station {stn}\n"
            f"javax.xml.ws.soap.SOAPFaultException: Station {stn} is offline (last heartbeat {r.randint(6, 40)} min ago)\n"
            + frames(r, [("com.sun.xml.ws.fault.SOAP11Fault", "getProtocolException"), ("com.sun.xml.ws.fault.SOAPFaultBuilder", "createException"),
                         ("com.sun.xml.ws.client.sei.SyncMethodHandler", "invoke"), ("com.sun.proxy.$Proxy142", "pushProfile"),
                         ("com.bayview.rx.cabinet.ProfileSyncClient", "push"), ("com.bayview.rx.cabinet.ProfileSyncJob", "execute"),
                         ("org.quartz.core.JobRunShell", "run")]) +
            f"\n\nserver: {ip_srv(r)}:{r.choice([8443, 9443])}, console {D('CABSRV0' + str(r.randint(1, 4)), 'asset_tag')}, build {r.randint(1, 3)}.{r.randint(0, 9)}.{r.randint(100, 999)}\n"
            f"Station back after the network closet switch was power-cycled ({S(staff(r))}, biomed/IT).\n")


@T("java_stacktrace", "st_ncpdp_timeout")
def _(r):
    tx = uuid(r)
    return (f"{jts(r)} WARN  [claims-adj-{r.randint(1, 6)}] c.b.sp.switch.SwitchClient - B1 {tx} BIN {r.choice(['610014', '004336', '015581'])} "
            f"PCN {r.choice(['ADV', '9999', 'PDMI'])}: no response after 15000 ms, reversing\n"
            "java.net.SocketTimeoutException: Read timed out\n"
            + frames(r, [("java.base/sun.nio.ch.NioSocketImpl", "timedRead"), ("java.base/java.net.Socket$SocketInputStream", "read"),
                         ("org.apache.http.impl.io.SessionInputBufferImpl", "fillBuffer"),
                         ("com.bayview.specialty.switch.SwitchClient", "send"), ("com.bayview.specialty.claims.AdjudicationService", "submit")]) +
            f"\n{jts(r)} INFO  [claims-adj-1] c.b.sp.switch.SwitchClient - B2 reversal for {tx} accepted (A)\n\n"
            f"Switch vendor status page showed degraded latency for {r.randint(20, 70)} min. {r.randint(30, 200)} claims retried automatically.\n")


@T("java_stacktrace", "st_wado_oom")
def _(r):
    uid = f"1.2.826.0.1.3680043.8.498.{dig1(r, 10)}{dig1(r, 9)}"
    return (f"{jts(r)} ERROR [wado-render-{r.randint(1, 16)}] o.b.v.w.RenderedResource - GET /dicom-web/studies/{uid}/series/.../rendered failed\n"
            "java.lang.OutOfMemoryError: Java heap space\n"
            + frames(r, [("java.awt.image.DataBufferUShort", "<init>"), ("java.awt.image.ComponentSampleModel", "createDataBuffer"),
                         ("org.dcm4che3.imageio.plugins.dcm.DicomImageReader", "read"), ("org.bayview.viewer.wado.RenderedResource", "renderFrame"),
                         ("org.bayview.viewer.wado.RenderedResource", "get")]) +
            f"\n\nReproduced with the phantom breast tomosynthesis study above (anonymised; PatientName (0010,0010) = ANONYMOUS). "
            f"{r.randint(60, 120)} frames x 4096x3328 x 16 bit, all decoded in one request. Heap -Xmx4g on {ip_srv(r)}.\n"
            f"Fix in {r.randint(3, 5)}.{r.randint(0, 9)}.{r.randint(0, 9)}: stream frames, cap concurrent renders at 4 ({S(staff(r))}).\n")


@T("java_stacktrace", "st_fhir_422_imagingstudy")
def _(r):
    return (f"{jts(r)} ERROR [imaging-fhir-{r.randint(1, 4)}] o.b.i.f.ImagingStudyPublisher - POST ImagingStudy rejected\n"
            "ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException: HTTP 422 Unprocessable Entity: \n"
            "  ImagingStudy.series[0].modality: minimum required = 1, but only found 0 [ImagingStudy.series]\n"
            "  ImagingStudy.subject: Unable to resolve resource 'Patient/example'\n"
            + frames(r, [("ca.uhn.fhir.rest.client.impl.BaseClient", "invokeClient"), ("ca.uhn.fhir.rest.client.impl.GenericClient$CreateInternal", "execute"),
                         ("org.bayview.imaging.fhir.ImagingStudyPublisher", "publish"), ("org.bayview.imaging.fhir.StudyCompleteListener", "onEvent")]) +
            f"\n\nrequest id {uuid(r)}, resource id {D('img-' + dig(r, 5), 'internal_id')} (integration test tenant, no real patient; subject is FHIR's 'example').\n"
            f"{S(staff(r))}: modality mapping table empty in TEST after the refresh.\n")


@T("java_stacktrace", "st_junit_dental_cdt")
def _(r):
    return (f"[INFO] Running org.gpdc.billing.CdtMapperTest\n"
            f"[ERROR] Tests run: 14, Failures: 2, Errors: 0, Skipped: 0, Time elapsed: {r.uniform(0.3, 2.5):.3f} s <<< FAILURE! - in org.gpdc.billing.CdtMapperTest\n"
            f"[ERROR] mapsTwoSurfacePosterior  Time elapsed: 0.0{r.randint(10, 99)} s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: expected: <D2392> but was: <D2391>\n"
            + frames(r, [("org.junit.jupiter.api.AssertionFailureBuilder", "build"), ("org.junit.jupiter.api.AssertEquals", "failNotEqual"),
                         ("org.gpdc.billing.CdtMapperTest", "mapsTwoSurfacePosterior")]) +
            "\n[ERROR] guarantorSsnIsMasked  Time elapsed: 0.004 s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: expected: <***-**-6789> but was: <123-45-6789>\n"
            + frames(r, [("org.gpdc.billing.CdtMapperTest", "guarantorSsnIsMasked")]) +
            "\n\n// fixture: ZZTEST, DENTAL (chart T00042), guarantor ZZTEST, GUARANTOR, SSN 123-45-6789 (documented test value)\n"
            f"// tooth #30, surfaces MO -> expects D2392\n[INFO] BUILD FAILURE\n")


@T("java_stacktrace", "st_dialysis_kafka_deser")
def _(r):
    off = r.randint(10000, 999999)
    return (f"{jts(r)} ERROR [dialysis-consumer-{r.randint(0, 5)}] o.a.k.c.c.i.Fetcher - deserialization failed, skipping\n"
            f"org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition "
            f"dialysis.treatments.v2-{r.randint(0, 11)} at offset {off}. If needed, please seek past the record to continue consumption.\n"
            + frames(r, [("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord"),
                         ("org.apache.kafka.clients.consumer.internals.Fetcher", "fetchRecords"),
                         ("org.apache.kafka.clients.consumer.KafkaConsumer", "poll"),
                         ("org.bayview.dialysis.bridge.TreatmentConsumer", "run")]) +
            "\nCaused by: com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.Duration` "
            "from String \"3h30\": not a valid representation\n"
            f"\nProducer: clinic gateway firmware {r.randint(2, 4)}.{r.randint(0, 9)}.{r.randint(0, 20)} sends duration as text. Schema registry id {r.randint(100, 999)}. "
            f"Consumer group dialysis-bridge lag {r.randint(100, 3000)}. {S(staff(r))} pinned the gateway to the previous firmware.\n")


# ================================================================ meeting_notes (clean)
def attendees(r, k):
    return ", ".join(S(x) for x in staff(r, k))


def dialin(r):
    return r.choice([
        f"Teams: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{hexs(r, 24)}%40thread.v2/0\nDial-in: +1 {r.choice(['312', '646', '469'])}-{r.randint(200, 899)}-{dig(r, 4)},,{dig(r, 9)}# (Conference ID {dig(r, 3)} {dig(r, 3)} {dig(r, 3)}#)",
        f"Zoom: https://bayviewhealth.zoom.us/j/{dig1(r, 10)}?pwd={hexs(r, 16)}\nMeeting ID: {dig(r, 3)} {dig(r, 4)} {dig(r, 4)}  Passcode: {dig(r, 6)}\nOne tap mobile: +16469313860,,{dig1(r, 10)}#",
        f"Webex: https://bayview.webex.com/meet/{hexs(r, 8)}  Access code: {dig(r, 4)} {dig(r, 3)} {dig(r, 4)}"])


@T("meeting_notes", "mtg_pacs_vendor_sync")
def _(r):
    d = recent(r, 0, 14)
    return (f"PACS vendor sync - {fd(d, 'long')}\n{dialin(r)}\n\nAttendees: {attendees(r, 4)}; vendor: {S(staff(r))} (TAM), {S(staff(r))} (support)\n\n"
            f"1. Archive migration: {r.randint(40, 92)}% of studies moved to the VNA; ETA for priors {fd(d + dt.timedelta(days=r.randint(20, 60)), 'short')}.\n"
            f"2. Hanging protocols for breast tomo: vendor to deliver v{r.randint(2, 4)} layouts; radiologists to test in the reading room on 3rd floor.\n"
            f"3. Downtime: quarterly patch window Sunday 01:00-05:00. Read-only viewer at {D('ROVIEW01', 'ae_title')} stays up.\n"
            f"4. Open tickets: {r.randint(3, 12)} (2 sev-2: WADO timeouts, MWL AE mapping).\n\n"
            f"Action items\n- {S(staff(r))}: send modality AE list to vendor\n- vendor: root-cause for WADO timeouts by next sync\n"
            f"- {S(staff(r))}: confirm downtime comms with the radiology manager\n")


@T("meeting_notes", "mtg_cabinet_upgrade")
def _(r):
    d = recent(r, 0, 14)
    return (f"# Automated dispensing cabinet upgrade - go-live readiness\n_{fd(d, 'short')}, 14:00-15:00_\n\n{dialin(r)}\n\n"
            f"**Present:** {attendees(r, 5)}\n\n"
            f"## Status\n- {r.randint(60, 140)} cabinets in scope, {r.randint(10, 59)} upgraded so far (PACU and ED done)\n"
            f"- Biometric re-enrolment for nurses: {r.randint(50, 95)}% complete; badge-tap fallback approved by the P&T committee\n"
            f"- Override list review: {D('naloxone', 'medication')}, {D('epinephrine', 'medication')}, {D('dextrose 50%', 'medication')} stay on override\n\n"
            f"## Risks\n- Unit 5N network closet still on old switch - cabinets drop heartbeats (see PHRM tickets)\n"
            f"- Night shift training attendance low\n\n## Decisions\n- Go-live for inpatient towers moved one week\n\n"
            f"## Actions\n| Owner | Item | Due |\n|---|---|---|\n| {S(staff(r))} | switch replacement | {fd(d + dt.timedelta(days=7), 'short')} |\n"
            f"| {S(staff(r))} | training sessions at 02:00 | {fd(d + dt.timedelta(days=10), 'short')} |\n")


@T("meeting_notes", "mtg_reflab_cutover")
def _(r):
    d = recent(r, 0, 14)
    return (f"Reference lab interface cutover - weekly call\nDate: {fd(d, 'us')}   Scribe: {S(staff(r))}\n{dialin(r)}\n\n"
            f"Attendees: {attendees(r, 3)} (LIS), {attendees(r, 2)} (client services), reference lab: {S(staff(r))}\n\n"
            f"- Test build: {r.randint(200, 400)} orderables mapped, {r.randint(3, 20)} remaining (mostly send-out genetics).\n"
            f"- NTE handling: ref lab adds a CLIA NTE after each OBX; our transformer fix deployed to TST, validation scripts use ZZTEST patients only.\n"
            f"- Specimen labels: new label stock for the courier boxes arrives {fd(d + dt.timedelta(days=5), 'short')}.\n"
            f"- Parallel testing: {r.randint(50, 150)} specimens split between labs, {r.randint(95, 100)}% concordance so far.\n"
            f"- Cutover date proposed {fd(d + dt.timedelta(days=r.randint(20, 40)), 'long')}, pending lab director sign-off.\n\n"
            f"Next call same time. Courier contact for the go-live weekend: {S(staff(r))}, {D(work_phone(r), 'staff_contact')}.\n")


@T("meeting_notes", "mtg_part2_governance")
def _(r):
    d = recent(r, 0, 20)
    return (f"h2. Behavioral Health data governance - {fd(d, 'short')}\n\n*Attendees:* {attendees(r, 5)}\n*Apologies:* {S(staff(r))}\n\n"
            f"h3. Agenda\n# 42 CFR Part 2 final rule: consent once for TPO now allowed; redisclosure notice still required\n"
            f"# Segmentation: Part 2 records tagged at the encounter level; {r.randint(2, 6)} interfaces still send untagged data (lab, pharmacy)\n"
            f"# Break-the-glass audit: {r.randint(10, 60)} events last month, all reviewed, {r.randint(0, 3)} referred to privacy\n\n"
            f"h3. Decisions\n* Jira is not an approved place for Part 2 content; tickets must reference the consent record id only\n"
            f"* Adolescent confidentiality rules for ages 12 and older go to the same review\n\n"
            f"h3. Actions\n* {S(staff(r))} to update the ticket template\n* {S(staff(r))} to map the pharmacy interface sensitivity flag\n")


@T("meeting_notes", "mtg_research_it_office_hours")
def _(r):
    d = recent(r, 0, 14)
    return (f"Research IT office hours - {fd(d, 'iso')}\n{dialin(r)}\n\nPresent: {attendees(r, 4)}\n\n"
            f"Q: Can coordinators keep a screening log in Confluence? A: only on the restricted space; exports to REDCap keep subject IDs only.\n"
            f"Q: Are de-identified subject codes like SUBJ-0417 PHI? A: not on their own; the crosswalk to MRN is the key, keep it in the honest-broker share.\n"
            f"Q: Ages over 89 in exports? A: aggregate to '90+' per Safe Harbor.\n"
            f"Q: Date shifting for the imaging cohort? A: yes, {r.randint(-30, -5)} to {r.randint(5, 30)} day offset per subject, stored in the broker DB.\n\n"
            f"Follow-ups: {S(staff(r))} to post the REDCap export template; {S(staff(r))} to add the DICOM de-id profile to the wiki.\n")


@T("meeting_notes", "mtg_nicu_device_integration")
def _(r):
    d = recent(r, 0, 14)
    return (f"NICU device integration huddle ({fd(d, 'short')})\nAttendees: {attendees(r, 4)}, biomed {S(staff(r))}\n{dialin(r)}\n\n"
            f"* Isolette and monitor feeds: {r.randint(20, 48)} beds live, bed 31-36 pending new gateway\n"
            f"* Breast milk barcode scanning: pilot on pod B, scanning compliance {r.randint(70, 98)}%\n"
            f"* Smart pump library update v{r.randint(10, 30)}.{r.randint(0, 9)} - neonatal concentrations for {D('dopamine', 'medication')} and {D('fentanyl', 'medication')} reviewed by pharmacy\n"
            f"* Mother/baby linking: exception list goes to HIM daily; informatics to automate\n\n"
            f"Next: {fd(d + dt.timedelta(days=14), 'short')}. Vendor escalation line in the on-call page.\n")


@T("meeting_notes", "mtg_dental_ehr_kickoff")
def _(r):
    d = recent(r, 0, 20)
    return (f"## Dental EHR integration kickoff\n{fd(d, 'long')} · Granite Peak conference room B + Zoom\n\n{dialin(r)}\n\n"
            f"**Attendees**\n- {S(staff(r))} (dental director)\n- {S(staff(r))} (revenue cycle)\n- {S(staff(r))} (interfaces)\n- {S(staff(r))} (vendor PM)\n\n"
            f"**Scope**: ADT in, DFT out (CDT codes, tooth number and surfaces), imaging via DICOM to the enterprise VNA, "
            f"MDM for perio charts.\n\n**Notes**\n- Tooth numbering: Universal (1-32, A-T) in the EHR; vendor stores FDI internally and converts.\n"
            f"- Sealant and fluoride age limits come from the payer rules engine, not the interface.\n"
            f"- Test patients: ZZTEST,DENTAL series T00040-T00060.\n\n**Timeline**: build {r.randint(6, 10)} weeks, testing 4 weeks.\n")


@T("meeting_notes", "mtg_dietary_retro")
def _(r):
    d = recent(r, 0, 14)
    return (f"Retro - tray line printer outage ({fd(d, 'short')})\nFacilitator: {S(staff(r))}   Attendees: {attendees(r, 5)}\n\n"
            f"What went well\n- Diet techs caught every missing allergy flag before delivery\n- Downtime tray tickets printed from the backup PC within 20 min\n\n"
            f"What didn't\n- CBORD patch applied without a test print of allergy flags\n- Nobody on the IT side knew the tray line printers' queue names\n\n"
            f"Actions\n1. Add allergy-flag test print to the patch checklist ({S(staff(r))})\n2. Document printer queues TRAY-L1/TRAY-L2 and their print server {ip_srv(r)} ({S(staff(r))})\n"
            f"3. Quarterly downtime drill with Food & Nutrition ({S(staff(r))})\n")


@T("meeting_notes", "mtg_home_health_standup")
def _(r):
    d = recent(r, 0, 10)
    return (f"Home Health mobile app - standup {fd(d, 'us1')}\n\n"
            + "\n".join(f"{S(x)}: {r.choice(['offline sync retry logic, PR open', 'photo upload size limit - testing 25 MB', 'OASIS-E item M1033 validation', 'iOS 18 MDM profile', 'route optimisation API quotas', 'EVV clock-in GPS accuracy'])}; "
                        f"{r.choice(['no blockers', 'blocked on MDM team', 'need QA device', 'waiting on vendor'])}" for x in staff(r, 5)) +
            f"\n\nParking lot: tablet {D('HHT-' + dig(r, 4), 'asset_tag')} keeps losing cellular - biomed to swap SIM. Call bridge {dialin(r).splitlines()[0]}\n")


# ================================================================ validator_diff (clean)
@T("validator_diff", "val_accession_format_java")
def _(r):
    return (f"PR #{r.randint(100, 900)} ris-common: AccessionValidator accepts modality prefix\nAuthor: {S(staff(r))}\n\n"
            + git_head(r, "src/main/java/org/bayview/ris/AccessionValidator.java") +
            "@@ -12,9 +12,14 @@ public final class AccessionValidator {\n"
            "-    private static final Pattern ACCESSION = Pattern.compile(\"^\\\\d{9,10}$\");\n"
            "+    // 9-10 digits, or modality prefix + 8 digits (CT12345678); max 16 chars per DICOM SH\n"
            "+    private static final Pattern ACCESSION = Pattern.compile(\"^(\\\\d{9,10}|(CT|MR|US|NM|XR|MG)\\\\d{8})$\");\n"
            " \n     public static boolean isValid(String s) {\n"
            "-        return s != null && ACCESSION.matcher(s).matches();\n"
            "+        return s != null && s.length() <= 16 && ACCESSION.matcher(s.trim()).matches();\n     }\n"
            + git_head(r, "src/test/java/org/bayview/ris/AccessionValidatorTest.java") +
            "@@ -8,6 +8,14 @@ class AccessionValidatorTest {\n"
            "     @Test void digitsOnly() { assertTrue(isValid(\"000000001\")); }\n"
            "+    @Test void modalityPrefix() { assertTrue(isValid(\"CT00000000\")); }\n"
            "+    @Test void lowerCasePrefixRejected() { assertFalse(isValid(\"ct00000000\")); }\n"
            "+    @Test void tooLong() { assertFalse(isValid(\"CT00000000XXXXXXX\")); }\n"
            "+    @Test void blank() { assertFalse(isValid(\"  \")); }\n"
            f"\nReviewed-by: {S(staff(r))}\n")


@T("validator_diff", "val_dicom_uid_python")
def _(r):
    return (git_head(r, "dicomtools/uid.py") +
            "@@ -1,12 +1,24 @@\n import re\n \n-UID_RE = re.compile(r\"^[0-9.]+$\")\n"
            "+# PS3.5 9.1: components are 0 or start with a non-zero digit; max 64 chars; no trailing dot\n"
            "+UID_RE = re.compile(r\"^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$\")\n"
            " \n \n def is_valid_uid(uid: str) -> bool:\n-    return bool(UID_RE.match(uid))\n"
            "+    return len(uid) <= 64 and bool(UID_RE.match(uid))\n"
            + git_head(r, "tests/test_uid.py") +
            "@@ -3,5 +3,15 @@ from dicomtools.uid import is_valid_uid\n"
            "+@pytest.mark.parametrize(\"uid,ok\", [\n"
            "+    (\"1.2.840.10008.1.2.1\", True),            # Explicit VR Little Endian\n"
            "+    (\"1.2.840.10008.5.1.4.1.1.2\", True),      # CT Image Storage\n"
            "+    (\"1.2.826.0.1.3680043.8.498.1\", True),    # pydicom example root\n"
            "+    (\"1.2.840.010008\", False),                # leading zero\n"
            "+    (\"1.2.840.\", False),                      # trailing dot\n"
            "+    (\"1.\" + \"2\" * 70, False),               # too long\n"
            "+])\n+def test_is_valid_uid(uid, ok):\n+    assert is_valid_uid(uid) is ok\n"
            f"\n# {S(staff(r))}: CI green on py3.11 and 3.12\n")


@T("validator_diff", "val_ndc_normalize_ts")
def _(r):
    return (f"GitHub PR #{r.randint(100, 700)} formulary-api: normalise 10-digit NDC to 11 (5-4-2)\n\n"
            + git_head(r, "src/ndc.ts") +
            "@@ -1,8 +1,25 @@\n+// 10-digit NDCs come as 4-4-2, 5-3-2 or 5-4-1; billing wants 11 digits (5-4-2) with a zero pad.\n"
            "+export function toNdc11(ndc: string): string | null {\n"
            "+  const m = /^(\\d{4,5})-(\\d{3,4})-(\\d{1,2})$/.exec(ndc.trim());\n"
            "+  if (!m) return null;\n"
            "+  const [, a, b, c] = m;\n"
            "+  if (a.length + b.length + c.length !== 10) return null;\n"
            "+  return a.padStart(5, '0') + b.padStart(4, '0') + c.padStart(2, '0');\n+}\n"
            + git_head(r, "src/ndc.test.ts") +
            "@@ -0,0 +1,12 @@\n+describe('toNdc11', () => {\n"
            "+  it('pads 4-4-2', () => expect(toNdc11('0002-1433-80')).toBe('00002143380'));\n"
            "+  it('pads 5-3-2', () => expect(toNdc11('50090-347-01')).toBe('50090034701'));\n"
            "+  it('pads 5-4-1', () => expect(toNdc11('0409-4888-2')).toBeNull());  // 4-4-1 is 9 digits\n"
            "+  it('rejects 11 already dashed wrong', () => expect(toNdc11('00002-1433-80')).toBeNull());\n+});\n"
            f"\nNote: NDCs have no check digit, so this only validates shape. ({S(staff(r))})\n")


@T("validator_diff", "val_ssn_mask_go")
def _(r):
    return (git_head(r, "internal/mask/ssn.go") +
            "@@ -9,10 +9,22 @@ var ssnRe = regexp.MustCompile(`\\b(\\d{3})-(\\d{2})-(\\d{4})\\b`)\n"
            " // ValidSSN applies the SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000.\n"
            " func ValidSSN(s string) bool {\n"
            "-    return ssnRe.MatchString(s)\n"
            "+    m := ssnRe.FindStringSubmatch(s)\n"
            "+    if m == nil || m[1] == \"000\" || m[1] == \"666\" || m[1][0] == '9' || m[2] == \"00\" || m[3] == \"0000\" {\n"
            "+        return false\n+    }\n+    return true\n }\n"
            + git_head(r, "internal/mask/ssn_test.go") +
            "@@ -5,6 +5,16 @@ func TestValidSSN(t *testing.T) {\n"
            "     cases := map[string]bool{\n"
            "-        \"123-45-6789\": true,\n"
            "+        \"123-45-6789\": true,  // SSA-documented example, never issued\n"
            "+        \"000-12-3456\": false,\n+        \"666-12-3456\": false,\n+        \"912-34-5678\": false,\n"
            "+        \"123-00-4567\": false,\n+        \"123-45-0000\": false,\n"
            "     }\n"
            f"\n{S(staff(r))} approved these changes\n")


@T("validator_diff", "val_mbi_kotlin")
def _(r):
    return (f"Merge request !{r.randint(20, 200)}: Mbi.isValid follows CMS position rules\n\n"
            + git_head(r, "src/main/kotlin/org/bayview/elig/Mbi.kt") +
            "@@ -3,7 +3,16 @@ package org.bayview.elig\n object Mbi {\n"
            "-    private val RE = Regex(\"^[0-9A-Z]{11}$\")\n"
            "+    // C A AN N A AN N A A N N ; letters exclude S, L, O, I, B, Z\n"
            "+    private const val A = \"[AC-HJKMNP-RT-Y]\"\n"
            "+    private const val AN = \"[AC-HJKMNP-RT-Y0-9]\"\n"
            "+    private val RE = Regex(\"^[1-9]$A$AN[0-9]$A$AN[0-9]$A$A[0-9]{2}$\")\n"
            "     fun isValid(raw: String) = RE.matches(raw.replace(\"-\", \"\").uppercase())\n }\n"
            + git_head(r, "src/test/kotlin/org/bayview/elig/MbiTest.kt") +
            "@@ -6,4 +6,11 @@ class MbiTest {\n"
            "     @Test fun cmsExample() = assertTrue(Mbi.isValid(\"1EG4-TE5-MK73\"))   // CMS documentation example\n"
            "+    @Test fun leadingZero() = assertFalse(Mbi.isValid(\"0EG4TE5MK73\"))\n"
            "+    @Test fun letterS() = assertFalse(Mbi.isValid(\"1SG4TE5MK73\"))\n"
            "+    @Test fun tooShort() = assertFalse(Mbi.isValid(\"1EG4TE5MK7\"))\n"
            f"\nApproved by {S(staff(r))}\n")


@T("validator_diff", "val_npi_sql")
def _(r):
    return (f"-- PR #{r.randint(100, 900)} warehouse: NPI check-digit function for the provider dimension\n"
            + git_head(r, "sql/functions/npi_is_valid.sql") +
            "@@ -0,0 +1,22 @@\n"
            "+CREATE OR REPLACE FUNCTION util.npi_is_valid(npi text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$\n"
            "+DECLARE s int := 24; d int; i int;  -- 24 = Luhn contribution of the 80840 prefix\n"
            "+BEGIN\n"
            "+  IF npi !~ '^[12][0-9]{9}$' THEN RETURN false; END IF;\n"
            "+  FOR i IN REVERSE 9..1 LOOP\n"
            "+    d := substr(npi, i, 1)::int;\n"
            "+    IF (10 - i) % 2 = 1 THEN d := d * 2; IF d > 9 THEN d := d - 9; END IF; END IF;\n"
            "+    s := s + d;\n  END LOOP;\n"
            "+  RETURN (10 - s % 10) % 10 = substr(npi, 10, 1)::int;\n+END $$;\n"
            "+\n+-- tests\n+SELECT util.npi_is_valid('1234567893');  -- t (CMS example)\n"
            "+SELECT util.npi_is_valid('1234567890');  -- f\n+SELECT util.npi_is_valid('0234567893');  -- f (must start 1 or 2)\n"
            f"\n-- reviewed by {S(staff(r))}\n")


@T("validator_diff", "val_tooth_number_cs")
def _(r):
    return (git_head(r, "Gpdc.Charting/ToothNumber.cs") +
            "@@ -4,11 +4,26 @@ namespace Gpdc.Charting\n     public static class ToothNumber\n     {\n"
            "-        public static bool IsValid(string t) => int.TryParse(t, out var n) && n >= 1 && n <= 32;\n"
            "+        // Universal: permanent 1-32, primary A-T; supernumerary 51-82 and AS-TS accepted\n"
            "+        public static bool IsValid(string t)\n+        {\n"
            "+            if (string.IsNullOrWhiteSpace(t)) return false;\n"
            "+            t = t.Trim().ToUpperInvariant();\n"
            "+            if (int.TryParse(t, out var n)) return (n >= 1 && n <= 32) || (n >= 51 && n <= 82);\n"
            "+            if (t.Length == 1) return t[0] >= 'A' && t[0] <= 'T';\n"
            "+            return t.Length == 2 && t[1] == 'S' && t[0] >= 'A' && t[0] <= 'T';\n+        }\n"
            "+        public static string FromFdi(int fdi) => FdiMap.TryGetValue(fdi, out var u) ? u : null;  // 11 -> \"8\", 36 -> \"30\"\n"
            + git_head(r, "Gpdc.Charting.Tests/ToothNumberTests.cs") +
            "@@ -1,3 +1,12 @@\n+    [Theory]\n+    [InlineData(\"1\", true)] [InlineData(\"32\", true)] [InlineData(\"33\", false)]\n"
            "+    [InlineData(\"A\", true)] [InlineData(\"T\", true)] [InlineData(\"U\", false)] [InlineData(\"AS\", true)]\n"
            "+    public void Validates(string t, bool ok) => Assert.Equal(ok, ToothNumber.IsValid(t));\n"
            f"\n{S(staff(r))}: tooth numbers aren't identifiers, fine in logs.\n")


@T("validator_diff", "val_isbt128_python")
def _(r):
    return (f"commit {hexs(r, 40)}\nAuthor: {S(staff(r))}\n\n    bloodbank: verify ISBT 128 donation identification number check character\n\n"
            + git_head(r, "bbank/isbt.py") +
            "@@ -1,6 +1,24 @@\n+ALPHABET = \"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*\"\n+\n+\n"
            "+def check_char(din13: str) -> str:\n"
            "+    \"\"\"ISO 7064 mod 37-2 over the 13-character DIN (facility code, year, sequence).\"\"\"\n"
            "+    s = 0\n+    for ch in din13:\n+        s = ((s + ALPHABET.index(ch)) * 2) % 37\n"
            "+    return ALPHABET[(38 - s) % 37]\n+\n+\n"
            "+def is_valid_din(din: str) -> bool:\n+    din = din.replace(\" \", \"\")\n"
            "+    return len(din) == 14 and check_char(din[:13]) == din[13]\n"
            + git_head(r, "tests/test_isbt.py") +
            "@@ -0,0 +1,6 @@\n+def test_rejects_wrong_length():\n+    assert not is_valid_din(\"W0000 26 00000\")\n"
            "+\n+def test_roundtrip():\n+    din = \"W000026000001\"\n+    assert is_valid_din(din + check_char(din))\n"
            "\nUnit numbers identify blood products, not patients.\n")


@T("validator_diff", "val_dicom_deid_yaml")
def _(r):
    return (f"PR #{r.randint(30, 300)} research-gateway: tighten DICOM de-identification profile (PS3.15 Annex E basic + retain long. modified dates)\n\n"
            + git_head(r, "config/deid-profile.yaml") +
            "@@ -4,14 +4,22 @@ profile: basic-application-confidentiality\n actions:\n"
            "   \"(0010,0010)\": {action: replace, value: ANONYMOUS}     # PatientName\n"
            "-  \"(0010,0020)\": {action: keep}\n"
            "+  \"(0010,0020)\": {action: replace, value: \"{subject_code}\"}   # PatientID -> study subject code\n"
            "   \"(0010,0030)\": {action: empty}                          # PatientBirthDate\n"
            "+  \"(0010,1010)\": {action: keep, cap: \"090Y\"}              # PatientAge, ages over 89 -> 090Y\n"
            "+  \"(0008,0050)\": {action: hash, salt_ref: vault:deid/salt}  # AccessionNumber\n"
            "+  \"(0008,0020)\": {action: shift_date, offset_ref: broker}  # StudyDate\n"
            "   \"(0020,000D)\": {action: remap_uid, root: \"1.2.826.0.1.3680043.8.498\"}\n"
            "+  \"(0008,0090)\": {action: empty}                          # ReferringPhysicianName\n"
            "+burned_in_annotation: reject\n"
            "\n# expected output header excerpt (phantom):\n# (0010,0010) PN [ANONYMOUS]\n# (0010,0020) LO [SUBJ-0042]\n# (0010,0030) DA []\n# (0010,1010) AS [090Y]\n"
            f"\nApproved: {S(staff(r))} (honest broker), {S(staff(r))} (privacy)\n")


# ================================================================ release_notes (clean)
def ver(r):
    return f"{r.randint(3, 12)}.{r.randint(0, 9)}.{r.randint(0, 20)}"


@T("release_notes", "rel_pacs")
def _(r):
    v = ver(r)
    return (f"# Enterprise PACS {v} - release notes\nReleased {fd(recent(r, 0, 10), 'long')} · build {r.randint(1000, 9999)}\n\n"
            f"## New\n- Breast tomosynthesis hanging protocols (3 new layouts)\n- DICOMweb STOW-RS endpoint `/dicom-web/studies` on port 8443\n"
            f"- Modality worklist broker reads ORC-3 when OBR-18 is empty\n\n"
            f"## Fixed\n- WADO-RS rendered frames no longer decoded all at once (OOM on large tomo studies)\n- Hanging protocol cache not cleared after AE rename\n\n"
            f"## Configuration\n| AE title | Host | Port | Role |\n|---|---|---|---|\n"
            f"| {D('PACS_ARCH', 'ae_title')} | {ip_srv(r)} | 104 | archive SCP |\n| {D('MWL_SCP', 'ae_title')} | {ip_srv(r)} | 11112 | worklist |\n"
            f"| {D('QR_SCP', 'ae_title')} | {ip_srv(r)} | 104 | query/retrieve |\n\n"
            f"## Security\n- Tomcat updated to 10.1.{r.randint(20, 40)} (CVE-2024-{r.randint(20000, 56000)})\n\nContact: imaging informatics on-call.\n")


@T("release_notes", "rel_lis")
def _(r):
    v = ver(r)
    return (f"LIS {v} Release Notes\n=====================\nGo-live: {fd(TODAY + dt.timedelta(days=r.randint(3, 20)), 'us')} 22:00 (downtime {r.randint(30, 90)} min)\n\n"
            f"Enhancements\n  * Reference lab ORU: NTE segments grouped with their OBX\n  * Specimen label template sends DOB as a date (fixes UTC shift on Zebra ZD621)\n"
            f"  * Autoverification rules for {r.randint(10, 40)} chemistry tests updated\n\n"
            f"Interfaces\n  * inbound ORU from reference lab: {ip_srv(r)}:{r.randint(5000, 6999)}\n  * outbound to EHR: {ip_srv(r)}:{r.randint(5000, 6999)}\n"
            f"  * analyzer middleware: {ip_srv(r)}\n\n"
            f"Known issues\n  * Blood bank crossmatch ORU still sends the visit from the type-and-screen encounter (fix in {ver(r)})\n\n"
            f"Validation: {r.randint(300, 900)} test cases, all on ZZTEST patients. Sign-off {S(staff(r))} (lab director), {S(staff(r))} (LIS manager).\n")


@T("release_notes", "rel_cabinet_server")
def _(r):
    v = ver(r)
    return (f"h1. Dispensing cabinet server {v}\n\n*Build:* {r.randint(100, 999)}.{r.randint(1000, 9999)}  *Servers:* CABSRV01 ({ip_srv(r)}), CABSRV02 ({ip_srv(r)})\n\n"
            f"h2. Changes\n* Profile push retries 3x with backoff, then error queue\n* Room mapping accepts bed suffix (4W-527B)\n"
            f"* Nightly archive no longer hides in-flight discrepancy transactions\n* Override report adds witness column\n\n"
            f"h2. Upgrade\n# Stop the interface engine channel\n# Upgrade CABSRV02, fail over, upgrade CABSRV01\n# Re-enable channel, push profiles\n\n"
            f"Owner: {S(staff(r))} (pharmacy automation)\n")


@T("release_notes", "rel_ris_broker")
def _(r):
    return (f"ris-mwl-broker CHANGELOG\n\n## [{ver(r)}] - {fd(recent(r, 0, 5), 'iso')}\n### Fixed\n- Accession fallback ORC-3 -> OBR-18 -> OBR-3\n"
            f"- `station_ae_map` reloads without restart (SIGHUP)\n### Changed\n- Default query port 11112; set `MWL_PORT` to override\n\n"
            f"## [{ver(r)}] - {fd(recent(r, 30, 60), 'iso')}\n### Added\n- Metrics endpoint `/actuator/prometheus` on 9102\n- Structured JSON logging\n"
            f"### Security\n- Dependency bump: jackson-databind 2.17.{r.randint(0, 3)}\n")


@T("release_notes", "rel_dental_ehr")
def _(r):
    return (f"Dental EHR bridge - version {ver(r)}\nPublished {fd(recent(r, 0, 10), 'short')}\n\n"
            f"What's new\n- DFT^P03 puts tooth number in FT1-26 and surfaces in a ZFT segment\n- CDT 2026 code set loaded (new codes D0396, D7296, D7297)\n"
            f"- Intraoral sensor bridge path configurable per operatory\n\nFixes\n- Surface column overflow for MOD/MODBL\n- Guarantor SSN masked in logs (last 4 only)\n\n"
            f"Deployment: gpdc-app01 ({ip_srv(r)}), database gpdc-db01 ({ip_srv(r)}). Rollback plan in the runbook.\n")


@T("release_notes", "rel_bloodbank")
def _(r):
    return (f"<h1>Blood bank system {ver(r)}</h1>\n<p>Validated {fd(recent(r, 0, 15), 'short')} by the transfusion service.</p>\n"
            f"<ul><li>ISBT 128 DIN check-character validation at receipt</li><li>Electronic crossmatch requires two ABO/Rh determinations</li>"
            f"<li>ORU crossmatch messages re-query the current visit</li><li>MTP cooler tracking screen</li></ul>\n"
            f"<p>Interface: {ip_srv(r)}:{r.randint(5000, 6999)} (HL7 2.4). Downtime forms v{r.randint(3, 9)} remain valid.</p>\n"
            f"<p>Questions: {S(staff(r))}, transfusion service manager.</p>\n")


@T("release_notes", "rel_infusion_suite")
def _(r):
    return (f"Oncology infusion suite {ver(r)} (release {r.randint(2025, 2026)}.{r.randint(1, 12)})\n\n"
            f"* Chair scheduler: pod closures, add-on chair rules\n* Dose rounding to within 10% (configurable per drug)\n"
            f"* Hazardous drug labels print the NIOSH group\n* Regimen library: {r.randint(10, 40)} regimens updated from the P&T review\n\n"
            f"Pump library sync: {r.randint(2, 8)} pump models, library v{r.randint(10, 30)}.{r.randint(0, 9)}\n"
            f"Integration endpoints: https://infusion-api.internal.bayview/v2 ({ip_srv(r)})\n")


@T("release_notes", "rel_dialysis_emr")
def _(r):
    return (f"Dialysis EMR - Release {ver(r)}\n\nHighlights\n- Home HD treatment import accepts OBX-18 serials up to 20 characters\n"
            f"- Kafka consumer handles ISO-8601 durations and the gateway's text format\n- Monthly ESRD claim builder: value codes A8 (weight) and 48 (hemoglobin)\n\n"
            f"Environment\n- app: dialysis-app-0{r.randint(1, 3)} ({ip_srv(r)})\n- broker: kafka-{r.randint(1, 3)}.internal:9093\n- schema registry id {r.randint(100, 999)}\n\n"
            f"Approved by {S(staff(r))}. Release train {r.randint(40, 60)}.\n")


@T("release_notes", "rel_research_dicom_router")
def _(r):
    return (f"Research DICOM router {ver(r)}\n\nDe-identification\n- Basic profile with retained longitudinal dates (shifted)\n- PatientAge capped at 090Y for ages over 89\n"
            f"- Burned-in annotation: studies rejected, not scrubbed\n\nSample output header (phantom):\n"
            "(0008,0020) DA [20000101]\n(0008,0050) SH [8f3a1c]\n(0010,0010) PN [ANONYMOUS]\n(0010,0020) LO [SUBJ-0042]\n(0010,0030) DA []\n"
            "(0010,1010) AS [090Y]\n(0020,000D) UI [1.2.826.0.1.3680043.8.498.12345]\n\n"
            f"Router AE {D('RSCH_ROUTER', 'ae_title')} listens on {ip_srv(r)}:{r.choice([104, 11112])}; forwards to {D('XNAT_SCP', 'ae_title')}.\n")


# ================================================================ clinical_rule (clean)
@T("clinical_rule", "rule_critical_values")
def _(r):
    rows = [("Potassium", "2823-3", "< 2.8 or > 6.2 mmol/L"), ("Sodium", "2951-2", "< 120 or > 160 mmol/L"),
            ("Glucose", "2345-7", "< 50 or > 450 mg/dL"), ("Hemoglobin", "718-7", "< 6.0 g/dL"),
            ("Platelets", "777-3", "< 20 K/uL"), ("INR", "6301-6", "> 5.0"), ("Troponin T hs", "67151-1", "> 52 ng/L (first positive)"),
            ("Lactate", "2524-7", "> 4.0 mmol/L"), ("Blood culture", "600-7", "any positive Gram stain")]
    sel = r.sample(rows, 6)
    return (f"h1. Laboratory critical values - call list\n_Policy LAB-{r.randint(100, 300)}, reviewed {fd(recent(r, 10, 200), 'short')} by the medical director_\n\n"
            + table("wiki", ["Test", "LOINC", "Critical limit", "Call within"], [[t, D(c, "code"), lim, "30 min"] for t, c, lim in sel]) +
            "\n\nh2. Who to call\n* Inpatients: the primary RN, who notifies the provider\n* Outpatients: the ordering provider or on-call covering provider\n"
            "* Read-back of the patient's name and result is required; document name of person notified and time\n\n"
            "h2. Neonatal limits\n* Total bilirubin > 20 mg/dL in infants younger than 7 days\n* Glucose < 40 mg/dL in newborns\n\n"
            f"Questions: lab client services ({D(work_phone(r), 'staff_contact')}).\n")


@T("clinical_rule", "rule_contrast_egfr")
def _(r):
    return (f"# Iodinated contrast - renal screening protocol\nRadiology protocol RAD-{r.randint(10, 99)} · effective {fd(recent(r, 30, 300), 'long')}\n\n"
            "| eGFR (mL/min/1.73 m2) | Action |\n|---|---|\n| >= 45 | proceed |\n| 30-44 | proceed; IV hydration if inpatient with AKI risk |\n"
            "| < 30 | radiologist consult; consider non-contrast or alternative |\n| dialysis | proceed; coordinate with nephrology, no urgent HD needed |\n\n"
            f"Screening creatinine required for: age 60 and older, {D('diabetes', 'condition')}, {D('chronic kidney disease', 'condition')}, "
            f"{D('metformin', 'medication')} use. Patients 90 years and older: same thresholds, but always confirm hydration status.\n\n"
            f"Premedication for prior reaction: {D('prednisone 50 mg PO 13, 7 and 1 h before', 'medication')} + {D('diphenhydramine 50 mg', 'medication')} 1 h before.\n")


@T("clinical_rule", "rule_geriatric_dosing")
def _(r):
    return (f"Formulary monograph excerpt - {D('apixaban', 'medication')}\nP&T approved {fd(recent(r, 30, 300), 'short')}\n\n"
            "Dose adjustment (non-valvular AF): reduce to 2.5 mg BID if at least 2 of: age 80 years or older, weight 60 kg or less, "
            "serum creatinine 1.5 mg/dL or more.\n\n"
            "Geriatric considerations: bleeding risk rises with age; patients 90 years and older were under-represented in trials "
            "(about 1% of enrolled subjects). Beers criteria: avoid for VTE treatment in adults 75 and older when CrCl < 25.\n\n"
            + table("md", ["Age band", "Usual dose", "Monitoring"], [["18-64", "5 mg BID", "CBC, SCr yearly"], ["65-79", "5 mg BID", "SCr every 6 months"],
                                                                   ["80-89", "2.5-5 mg BID (criteria above)", "SCr every 3 months"],
                                                                   ["90 and older", "2.5 mg BID usually", "SCr every 3 months, fall risk"]]) +
            f"\n\nRenal: CrCl < 15 or dialysis - limited data. Contact: clinical pharmacy specialist on call.\n")


@T("clinical_rule", "rule_mtp")
def _(r):
    return (f"MASSIVE TRANSFUSION PROTOCOL (MTP) - quick reference\nTransfusion service policy TS-{r.randint(10, 40)}\n\n"
            "Activation: call blood bank and say \"Activate MTP\", give location and a callback number.\n"
            "Cooler 1: 6 RBC O neg (females < 50) / O pos, 6 plasma (AB or A low-titer), 1 apheresis platelet\n"
            "Cooler 2+: 6 RBC, 6 plasma, 1 platelet; cryoprecipitate 10 units if fibrinogen < 150 mg/dL\n"
            f"Adjuncts: {D('tranexamic acid 1 g IV over 10 min', 'medication')} within 3 h of injury; {D('calcium chloride 1 g', 'medication')} per 4 units.\n"
            "Labs every 30-60 min: CBC, PT/INR, fibrinogen, ionized calcium, ABG, TEG if available.\n"
            "Deactivate: call blood bank; return unused coolers within 30 min.\n"
            "Pediatric MTP (weight < 40 kg): 20 mL/kg aliquots in a 1:1:1 ratio.\n")


@T("clinical_rule", "rule_bilirubin_nicu")
def _(r):
    return (f"<h2>Neonatal hyperbilirubinemia - phototherapy thresholds</h2>\n<p>Based on the AAP 2022 guideline. For infants 35 weeks or more.</p>\n"
            + table("html", ["Age (hours)", "GA 38+ wk, no risk factors", "GA 38+ wk with risk factors", "GA 35-37 wk"],
                    [["24", "12", "10", "10"], ["48", "15", "13", "13"], ["72", "18", "16", "15"], ["96", "20", "17", "16"]]) +
            f"\n<p>Risk factors: isoimmune hemolytic disease, G6PD deficiency, sepsis, albumin < 3.0 g/dL. Escalation of care if within 2 mg/dL of "
            f"exchange threshold. Infants under 35 weeks: use the NICU gestational-age table.</p>\n<p>Owner: {S(staff(r))}, neonatology.</p>\n")


@T("clinical_rule", "rule_dental_prophylaxis")
def _(r):
    return (f"Dental clinic guideline - antibiotic prophylaxis before procedures\nGranite Peak Dental, reviewed {fd(recent(r, 30, 300), 'short')}\n\n"
            "Indicated (AHA 2021) for procedures involving manipulation of gingival tissue or the periapical region in patients with:\n"
            "  - prosthetic cardiac valve or valve repair material\n  - previous infective endocarditis\n  - certain congenital heart disease\n"
            "  - cardiac transplant with valvulopathy\n\nNot routinely indicated for prosthetic joints.\n\n"
            f"Regimen (single dose 30-60 min before): adults {D('amoxicillin 2 g PO', 'medication')}; children {D('amoxicillin 50 mg/kg PO', 'medication')}. "
            f"Penicillin allergy: {D('azithromycin 500 mg', 'medication')} or {D('doxycycline 100 mg', 'medication')}.\n"
            "Document in the chart using CDT D9630 only when dispensed in office.\n")


@T("clinical_rule", "rule_onc_dose_rounding")
def _(r):
    return (f"Oncology pharmacy - dose rounding policy\n\nMonoclonal antibodies and cytotoxics may be rounded to the nearest vial size when within 10% of the "
            f"prescribed dose, except for regimens with curative intent when the prescriber marks \"do not round\".\n\n"
            + table("pipe", ["Drug", "Vial sizes", "Round?"], [[D("rituximab", "medication"), "100 mg, 500 mg", "yes"],
                                                             [D("pembrolizumab", "medication"), "100 mg", "flat dose"],
                                                             [D("carboplatin", "medication"), "50, 150, 450, 600 mg", "yes, recalculated AUC"],
                                                             [D("daratumumab", "medication"), "100 mg, 400 mg", "yes"]]) +
            "\n\nBSA capping: not routine; use actual weight for obese patients. Elderly patients (80 and older) - consider dose reduction per regimen.\n"
            f"Approved by the oncology P&T subcommittee; contact {S(staff(r))}.\n")


@T("clinical_rule", "rule_reference_ranges")
def _(r):
    return (f"Lab reference ranges - creatinine, serum (LOINC {D('2160-0', 'code')})\nMethod: enzymatic, Atellica CH. Updated {fd(recent(r, 10, 300), 'short')}\n\n"
            + table("tsv", ["Age", "Female (mg/dL)", "Male (mg/dL)"],
                    [["0-30 days", "0.24-0.85", "0.24-0.85"], ["1-11 months", "0.17-0.42", "0.17-0.42"], ["1-12 years", "0.24-0.73", "0.24-0.73"],
                     ["13-17 years", "0.42-0.90", "0.50-1.00"], ["18-59 years", "0.51-0.95", "0.67-1.17"], ["60-89 years", "0.55-1.02", "0.70-1.20"],
                     [">= 90 years", "0.55-1.20", "0.70-1.40"]]) +
            "\n\neGFR reported with CKD-EPI 2021 (race-free) for patients 18 and older.\n")


@T("clinical_rule", "rule_ciwa")
def _(r):
    return (f"## CIWA-Ar alcohol withdrawal protocol\nBehavioral Health & Medicine, order set v{r.randint(2, 6)}\n\n"
            "Score every 4 h (every 1 h if score >= 10).\n\n| CIWA-Ar | Action |\n|---|---|\n"
            f"| < 8 | no medication |\n| 8-15 | {D('lorazepam 1 mg PO', 'medication')} |\n| 16-20 | {D('lorazepam 2 mg PO/IV', 'medication')} |\n"
            "| > 20 | lorazepam 2-4 mg IV, notify provider, consider ICU |\n\n"
            f"Give {D('thiamine 100 mg', 'medication')} before glucose. Patients 65 and older or with {D('cirrhosis', 'condition')}: prefer lorazepam over "
            f"{D('chlordiazepoxide', 'medication')}. Seizure history: symptom-triggered dosing not appropriate; use fixed schedule.\n")


# ================================================================ oncall_directory (clean)
def contact_rows(r, roles, area=None):
    area = area or r.choice(["617", "312", "614", "503", "720", "919"])
    rows = []
    for role in roles:
        n = staff(r)
        rows.append([role, S(n), D(work_phone(r, area), "staff_contact"), D(pager(r), "staff_contact"), D(ext(r), "staff_contact")])
    return rows


@T("oncall_directory", "oncall_radiology_reading_rooms")
def _(r):
    rows = contact_rows(r, ["Body CT/MR", "Neuro", "MSK", "Breast", "IR (procedures)", "Nights (teleradiology)"])
    for row in rows:
        row.append(r.choice(["RR 3-114", "RR 3-118", "RR 2-021", "Breast Ctr 1F", "IR suite B", "remote"]))
    return (f"h1. Radiology - reading room & on-call directory ({fd(TODAY, 'short')} week)\n\n"
            + table("wiki", ["Section", "Radiologist", "Work cell", "Pager", "Ext", "Reading room"], rows) +
            f"\n\n* Tech lead CT: ext {D(ext(r), 'staff_contact')}, MRI: ext {D(ext(r), 'staff_contact')}\n"
            f"* PACS admin on-call via PagerDuty service \"imaging-informatics\"\n* Critical results: page the section radiologist, then the department chair\n")


@T("oncall_directory", "oncall_lab_sections")
def _(r):
    rows = contact_rows(r, ["Chemistry", "Hematology", "Microbiology", "Blood bank", "Send-outs", "LIS analyst"])
    return (f"# Laboratory after-hours contacts\n_Main lab {D(work_phone(r), 'staff_contact')} · client services {D(work_phone(r), 'staff_contact')}_\n\n"
            + table("md", ["Section", "On call", "Work cell", "Pager", "Bench ext"], rows) +
            "\n\nPathologist on call: see Amion \"Bayview Path\". Courier dispatch 24/7 via client services.\n")


@T("oncall_directory", "oncall_pharmacy")
def _(r):
    rows = contact_rows(r, ["Inpatient pharmacist (main)", "Oncology pharmacist", "Pediatric/NICU pharmacist", "Pharmacy automation",
                            "Specialty pharmacy", "340B program"])
    return (f"<h2>Pharmacy on-call directory</h2>\n<p>Updated {fd(recent(r, 0, 5), 'short')}. Vocera: say \"Pharmacist on call\".</p>\n"
            + table("html", ["Role", "Name", "Work phone", "Pager", "Ext"], rows) +
            f"\n<p>Cabinet downtime line {D(work_phone(r), 'staff_contact')}; vendor support 24/7 1-800-{r.randint(200, 999)}-{dig(r, 4)}.</p>\n")


@T("oncall_directory", "oncall_pacs_pagerduty")
def _(r):
    lines = []
    for lvl in (1, 2, 3):
        n = staff(r)
        lines.append(f"  - level: {lvl}\n    name: {S(n)}\n    email: {D(handle(n) + '@bayviewhealth.org', 'staff_contact')}\n"
                     f"    phone: \"{D('+1 ' + work_phone(r).replace('-', ' '), 'staff_contact')}\"\n    escalation_timeout_min: {r.choice([10, 15, 30])}")
    return (f"# pagerduty/imaging-informatics.yaml (exported {fd(TODAY, 'iso')})\nservice: imaging-informatics\nschedule: weekly-mon-0800\n"
            "escalation_policy:\n" + "\n".join(lines) +
            f"\nintegrations:\n  - type: email\n    address: imaging-informatics@bayview.pagerduty.com\n  - type: events_api_v2\n    routing_key: {hexs(r, 32)}\n")


@T("oncall_directory", "oncall_blood_bank")
def _(r):
    return (f"TRANSFUSION SERVICE - WHO TO CALL\n\nBlood bank bench (24/7) ........ {D(ext(r), 'staff_contact')} / {D(work_phone(r), 'staff_contact')}\n"
            f"Transfusion medicine MD ........ {S(staff(r))}, pager {D(pager(r), 'staff_contact')}\n"
            f"Supervisor ...................... {S(staff(r))}, cell {D(work_phone(r), 'staff_contact')}\n"
            f"Blood supplier hospital services  1-800-{r.randint(200, 999)}-{dig(r, 4)}\n"
            f"MTP activation .................. dial {D(ext(r), 'staff_contact')} and say \"Activate MTP\"\n\n"
            "Cooler returns: within 30 min. Emergency release form on the intranet (TS-FORM-7).\n")


@T("oncall_directory", "oncall_nicu_transport")
def _(r):
    rows = []
    for role in ["Neonatologist on call", "NNP", "Transport RN", "Respiratory therapist", "Charge RN", "Lactation"]:
        n = staff(r)
        rows.append([role, S(n), D(r.choice(["Vocera", "pager " + pager(r), "ext " + ext(r)[1:]]), "staff_contact"), r.choice(["07-19", "19-07", "24h"])])
    return (f"Amion - Lakeshore NICU ({fd(TODAY, 'short')})\n" + table("pipe", ["Role", "Name", "Contact", "Shift"], rows) +
            f"\n\nTransport dispatch: {D(work_phone(r), 'staff_contact')} (ask for the neonatal team). Referral center fax {D(work_phone(r), 'staff_contact')}.\n")


@T("oncall_directory", "oncall_dialysis_transplant")
def _(r):
    out = ["# dialysis-transplant on-call (used by the paging bot)", "teams:"]
    for team in ["acute-dialysis", "home-dialysis", "transplant-coordinators", "tx-nephrology"]:
        n = staff(r)
        out += [f"  {team}:", f"    primary: {{name: \"{S(n)}\", cell: \"{D(work_phone(r), 'staff_contact')}\", pager: \"{D(pager(r), 'staff_contact')}\"}}",
                f"    backup: {{name: \"{S(staff(r))}\", ext: \"{D(ext(r), 'staff_contact')}\"}}"]
    out.append(f"organ_procurement_org_line: \"1-800-{r.randint(200, 999)}-{dig(r, 4)}\"")
    return "\n".join(out) + "\n"


@T("oncall_directory", "oncall_him_roi")
def _(r):
    rows = []
    for role in ["ROI supervisor", "ROI specialist (attorneys)", "ROI specialist (patients)", "Film library", "Amendments / privacy", "Coding manager"]:
        n = staff(r)
        rows.append([role, S(n), D(handle(n) + "@bayviewhealth.org", "staff_contact"), D(work_phone(r), "staff_contact"), "Mon-Fri 8-4:30"])
    return ("HIM contacts (pasted from the department Excel)\n" + table("tsv", ["Function", "Name", "Email", "Desk", "Hours"], rows) +
            f"\n\nFax for requests: {D(work_phone(r), 'staff_contact')}. Patient requests via portal preferred; 30-day response clock.\n")


@T("oncall_directory", "oncall_interpreter_vendors")
def _(r):
    return (f"Behavioral Health & Interpreter services - contacts\n\n"
            f"Crisis team (24/7): {D(work_phone(r), 'staff_contact')}\nPsychiatry on call: Amion \"Pinecrest Psych\", backup {S(staff(r))}, pager {D(pager(r), 'staff_contact')}\n"
            f"Intake coordinator: {S(staff(r))}, {D(ext(r), 'staff_contact')}\n\n"
            f"Interpreters\n- In-person (Spanish, Haitian Creole, Portuguese): {D(ext(r), 'staff_contact')}\n"
            f"- Video remote (240+ languages): iPad carts on each unit, vendor support 1-800-{r.randint(200, 999)}-{dig(r, 4)}\n"
            f"- ASL: schedule 48 h ahead, {D(work_phone(r), 'staff_contact')}\n\n"
            "42 CFR Part 2: do not include patient details in pages or emails to these numbers.\n")


# ================================================================ verification
ALLOWED_UNLABELLED_SSN = {"123-45-6789", "123 45 6789"}


def _alnum(ch):
    return ch.isalnum()


def occurrences(text, needle, ci=False):
    """token-bounded occurrences (char offsets) of needle in text"""
    if not needle:
        return
    flags = re.I if ci else 0
    for m in re.finditer(re.escape(needle), text, flags):
        i, j = m.start(), m.end()
        if needle[0].isalnum() and i > 0 and _alnum(text[i - 1]):
            continue
        if needle[-1].isalnum() and j < len(text) and _alnum(text[j]):
            continue
        yield i, j


def check_record(rec):
    errs = []
    for k in ("id", "family", "phi", "variant", "text", "spans"):
        if k not in rec:
            errs.append(f"missing {k}")
            return errs
    fam = rec["family"]
    if fam not in COUNTS:
        errs.append(f"unknown family {fam}")
    if not re.fullmatch(re.escape(fam) + r"-\d{4}", rec["id"]):
        errs.append(f"bad id {rec['id']}")
    if rec["phi"] != (fam in PHI_FAMILIES):
        errs.append("phi flag does not match family")
    text = rec["text"]
    if any(c in text for c in (_S, _SEP, _E)):
        errs.append("markup left in text")
    b = text.encode("utf-8")
    b2c, pos = {}, 0
    for ci, ch in enumerate(text):
        b2c[pos] = ci
        pos += len(ch.encode("utf-8"))
    b2c[pos] = len(text)
    prev_end = 0
    cspans = []
    for s in rec["spans"]:
        st, en, lab, kind = s.get("start"), s.get("end"), s.get("label"), s.get("kind")
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(b)):
            errs.append(f"bad offsets {s}")
            continue
        if st < prev_end:
            errs.append(f"unsorted or overlapping span at {st}")
        prev_end = en
        if st not in b2c or en not in b2c:
            errs.append(f"span not on a character boundary {s}")
            continue
        cs, ce = b2c[st], b2c[en]
        val = text[cs:ce]
        if val != val.strip():
            errs.append(f"span with outer whitespace {val!r}")
        if cs > 0 and _alnum(text[cs - 1]) and _alnum(text[cs]):
            errs.append(f"span starts inside a token {val!r}")
        if ce < len(text) and _alnum(text[ce - 1]) and _alnum(text[ce]):
            errs.append(f"span ends inside a token {val!r}")
        if lab not in ("phi", "dont_care"):
            errs.append(f"bad label {lab}")
        if lab == "phi" and kind not in KINDS:
            errs.append(f"bad phi kind {kind}")
        if lab == "dont_care" and not (isinstance(kind, str) and re.fullmatch(r"[a-z][a-z0-9_]*", kind)):
            errs.append(f"bad dont_care kind {kind}")
        cspans.append((cs, ce, lab, kind, val))
    phis = [x for x in cspans if x[2] == "phi"]
    if rec["phi"] and not phis:
        errs.append("PHI document without a phi span")
    if not rec["phi"] and phis:
        errs.append("clean document with a phi span")

    def in_phi(i, j):
        return any(cs <= i and j <= ce for cs, ce, lab, _, _ in phis)

    def in_any(i, j):
        return any(cs <= i and j <= ce for cs, ce, _, _, _ in cspans)

    for cs, ce, lab, kind, val in phis:
        digits = re.sub(r"\D", "", val)
        if kind == "ssn" and (not ssn_ok(val) or digits in {"123456789", "078051120"}):
            errs.append(f"ssn out of range or a test value {val}")
        if kind == "medicare_mbi" and not mbi_ok(val):
            errs.append(f"invalid MBI {val}")
        if kind == "credit_card" and not luhn_ok(val):
            errs.append(f"card fails Luhn {val}")
        if kind == "phone" and re.search(r"555\D?01\d\d$", val):
            errs.append(f"fictional 555-01xx phone labelled {val}")
        if val in TEST_SSNS | TEST_MBIS | TEST_NPIS or val in ("00000", "Jane Doe", "John Doe"):
            errs.append(f"documented test value labelled {val}")
        # labelled value must not also occur unlabelled
        if len(val) >= 2:
            for i, j in occurrences(text, val, ci=(kind == "person_name")):
                if not in_phi(i, j):
                    errs.append(f"phi value also unlabelled: {val!r}")
                    break
        if kind == "person_name":
            for tok in re.findall(r"[^\W\d_]{3,}", val):
                if tok.upper() in ("BABYGIRL", "BABYBOY", "BABY", "GIRL", "BOY", "TWIN"):
                    continue
                for i, j in occurrences(text, tok):
                    if not in_phi(i, j):
                        errs.append(f"name token also unlabelled: {tok!r}")
                        break
    # SSN-shaped and card-shaped numbers outside phi spans
    for m in re.finditer(r"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])", text):
        if m.group(0) in ALLOWED_UNLABELLED_SSN or in_phi(m.start(), m.end()):
            continue
        if ssn_ok(m.group(0)):
            errs.append(f"unlabelled valid-range SSN {m.group(0)}")
    for m in re.finditer(r"(?<!\d)\d{13,19}(?!\d)", text):
        if luhn_ok(m.group(0)) and not in_phi(m.start(), m.end()):
            errs.append(f"unlabelled Luhn-valid number {m.group(0)}")
    for m in re.finditer(r"(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}(?![\d-])", text):
        if luhn_ok(m.group(0)) and not in_phi(m.start(), m.end()):
            errs.append(f"unlabelled Luhn-valid card-like number {m.group(0)}")
    if not rec["phi"]:
        for m in re.finditer(r"(?<!\d)(?:\+1[ .-]?)?\(?\d{3}\)?[ .-]?555[ .-]?(\d{4})(?!\d)", text):
            if not m.group(1).startswith("01") and not in_any(m.start(), m.end()):
                errs.append(f"clean doc with an unlabelled non-test 555 number {m.group(0)}")
    return errs


# ================================================================ generation
def generate():
    recs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tpls = TEMPLATES[fam]
        n = COUNTS[fam]
        assert tpls, fam
        assert len(tpls) * MAX_PER_TEMPLATE >= n, f"{fam}: too few templates"
        for i in range(n):
            name, fn = tpls[i % len(tpls)]
            rid = f"{fam}-{i + 1:04d}"
            last = None
            for attempt in range(400):
                r = random.Random(f"{SEED}/{fam}/{i}/{attempt}")
                text, spans = render(fn(r))
                rec = {"id": rid, "family": fam, "phi": fam in PHI_FAMILIES, "variant": name,
                       "text": text, "spans": spans}
                last = check_record(rec)
                if not last:
                    break
            else:
                raise SystemExit(f"{rid} ({name}) never passed its checks: {last[:5]}")
            recs.append(rec)
    return recs


def write(recs):
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def load():
    with open(OUT, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check(recs):
    errs = []
    seen, fams, per_tpl = set(), {}, {}
    for rec in recs:
        if rec.get("id") in seen:
            errs.append(f"duplicate id {rec.get('id')}")
        seen.add(rec.get("id"))
        fams[rec.get("family")] = fams.get(rec.get("family"), 0) + 1
        key = (rec.get("family"), rec.get("variant"))
        per_tpl[key] = per_tpl.get(key, 0) + 1
        for e in check_record(rec):
            errs.append(f"{rec.get('id')}: {e}")
    if len(recs) != 240:
        errs.append(f"{len(recs)} documents, expected 240")
    for fam, n in COUNTS.items():
        if fams.get(fam, 0) != n:
            errs.append(f"family {fam}: {fams.get(fam, 0)} documents, expected {n}")
    for fam in fams:
        if fam not in COUNTS:
            errs.append(f"unexpected family {fam}")
    for (fam, var), n in per_tpl.items():
        if n > MAX_PER_TEMPLATE:
            errs.append(f"template {fam}/{var} used {n} times")
    if sum(r["phi"] for r in recs) != 120:
        errs.append("expected 120 PHI documents")
    return errs


def phi_share(rec):
    n = len(rec["text"].encode("utf-8"))
    return sum(s["end"] - s["start"] for s in rec["spans"] if s["label"] == "phi") / n if n else 0.0


def stats(recs):
    print(f"{'family':<18} {'docs':>4} {'templates':>9} {'median PHI share':>17}")
    tot = set()
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        rs = [r for r in recs if r["family"] == fam]
        vs = {r["variant"] for r in rs}
        tot |= {(fam, v) for v in vs}
        share = statistics.median(phi_share(r) for r in rs) if rs else 0
        print(f"{fam:<18} {len(rs):>4} {len(vs):>9} {share:>17.3f}")
    phi = [r for r in recs if r["phi"]]
    print(f"templates: {len(tot)} ({len({t for t in tot if t[0] in PHI_FAMILIES})} PHI, "
          f"{len({t for t in tot if t[0] in CLEAN_FAMILIES})} clean)")
    print(f"documents: {len(recs)} ({len(phi)} PHI / {len(recs) - len(phi)} clean)")
    print(f"median PHI share of bytes (PHI docs): {statistics.median(phi_share(r) for r in phi):.3f}")
    kinds = {}
    for r in phi:
        for s in r["spans"]:
            if s["label"] == "phi":
                kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    print("phi spans by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda x: -x[1])))
    print(f"name cultures: {len(CULTURES)} ({len(NATIVE_CULTS)} with native-script names)")
    print("median bytes per doc: " + str(int(statistics.median(len(r['text'].encode('utf-8')) for r in recs))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-verify fresh21.jsonl")
    ap.add_argument("--stats", action="store_true", help="templates per family and median PHI share")
    a = ap.parse_args()
    if a.check or a.stats:
        recs = load()
        if a.check:
            errs = check(recs)
            for e in errs[:200]:
                print(e)
            if errs:
                print(f"{len(errs)} problem(s)")
                sys.exit(1)
            print(f"OK: {len(recs)} documents verified")
        if a.stats:
            stats(recs)
        return
    recs = generate()
    errs = check(recs)
    if errs:
        for e in errs[:50]:
            print(e)
        sys.exit(1)
    write(recs)
    print(f"wrote {len(recs)} documents to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
