#!/usr/bin/env python3
"""generate_fresh2.py -- a third, independent synthetic labelled corpus for PHI Guard.

Written from tests/corpus/README.md (record format, labelling conventions) and the
finding kinds of shared/CONTRACTS.md only, without sight of the detector, of the
other generators or of their output (beyond the two first records of fresh.jsonl,
looked at for the JSON layout).  Standard library only, deterministic.

    python3 tests/corpus/generate_fresh2.py           # write fresh2.jsonl, then check it
    python3 tests/corpus/generate_fresh2.py --check   # re-verify the written file only

Everything here is made up: names come from the hand-written lists below, numbers
from a seeded random generator.  Family names: the README names only `jira_hl7`
and says the corpora have 14 families; the other 13 names below are this
generator's own.  Every family holds both PHI and clean documents.

Labelling choices where the README leaves room (all follow its conventions):
- phi/other_id: claim numbers, payer claim control numbers (CLP07, ICN), pharmacy Rx
  numbers, DICOM accession numbers, a Brazilian CPF.
- phi/date: appointment and scheduled-procedure times, onset dates (837 DTP*431),
  research consent dates; date-times are one span ("2025-07-18 04:00").
- phi/street_address: street line, unit and city of a patient's or relative's address
  (one span when street and unit are written together, two when separated).
- dont_care: staff and their work contacts, facility names and facility addresses
  (facility_address), states, codes, conditions, medications, NPIs, group and order
  numbers, database keys, FHIR ids, DICOM UIDs and scanner serials (internal_id),
  research subject codes (internal_id), HL7 MSH-7/EVN-2 and X12 ISA/GS/BHT dates
  (message_time), email Date/Sent headers, coverage dates, dates of calls and events,
  the DICOM pixel-data line (photo).
- unlabelled: log timestamps, ticket dates, server IPs, UUIDs, payer names and payer
  phones, bridge numbers and passcodes, documented test values, population ages.
"""
import argparse
import datetime as dt
import json
import random
import re
import sys
import textwrap
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "fresh2.jsonl"
SEED = "phi-guard/fresh2/2026-12"

PHI_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
    "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
    "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
    "credit_card",
}
DC_KINDS = {
    "person_name", "title", "staff_contact", "facility", "facility_address", "state",
    "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "npi",
    "group_number", "order_number", "internal_id", "message_time", "coverage_date",
    "header_date", "event_date", "ssn_last4", "photo",
}

# --------------------------------------------------------------------------------------
# labelled pieces and a tiny template language
# --------------------------------------------------------------------------------------


class L:
    """A labelled piece of text."""
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = str(text), label, kind


def P(text, kind):
    return L(text, "phi", kind)


def D(text, kind):
    return L(text, "dont_care", kind)


def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    elif x is None:
        return
    else:
        yield x


def J(sep, items):
    """Join pieces with a separator (a plain string)."""
    out = []
    for i, x in enumerate(items):
        if i:
            out.append(sep)
        out.append(x)
    return out


TOK = re.compile(r"«(?:([pd]):(\w+):)?([^«»]*)»")


def T(tpl, **kw):
    """Render a template.  «key» is replaced by kw[key] (a str, an L or a list of pieces);
    «p:kind:text» and «d:kind:text» are literal labelled text (phi / dont_care)."""
    tpl = textwrap.dedent(tpl)
    if tpl.startswith("\n"):
        tpl = tpl[1:]
    out, pos = [], 0
    for m in TOK.finditer(tpl):
        out.append(tpl[pos:m.start()])
        lab, kind, body = m.groups()
        if lab:
            out.append(L(body, "phi" if lab == "p" else "dont_care", kind))
        else:
            out.append(kw[body])
        pos = m.end()
    out.append(tpl[pos:])
    return out


def build(pieces):
    parts, spans, b = [], [], 0
    for x in flatten(pieces):
        if isinstance(x, L):
            n = len(x.text.encode("utf-8"))
            if n:
                spans.append({"start": b, "end": b + n, "label": x.label, "kind": x.kind})
            parts.append(x.text)
        else:
            x = str(x)
            n = len(x.encode("utf-8"))
            parts.append(x)
        b += n
    return "".join(parts), spans


# --------------------------------------------------------------------------------------
# names: hand-written lists, many cultures
# --------------------------------------------------------------------------------------

CULTURES = {
    "yoruba": dict(f=["Adebola", "Folasade", "Oluwaseun", "Titilayo", "Ọlámidé", "Yetunde", "Morẹ́nikẹ́"],
                   m=["Babatunde", "Adebayo", "Olumide", "Kehinde", "Oluwatobi", "Ayọ̀dèjì"],
                   fam=["Adeyemi", "Ogunbanjo", "Adébáyọ̀", "Olawale", "Akinola", "Ọlátúnjí", "Fashola"]),
    "igbo": dict(f=["Chiamaka", "Ngozi", "Adaeze", "Ifeoma", "Chinwe", "Nneka"],
                 m=["Chukwuemeka", "Obinna", "Ikenna", "Nnamdi", "Chidi", "Ifeanyi"],
                 fam=["Okafor", "Eze", "Nwosu", "Okonkwo", "Chukwu", "Nwachukwu-Ibe", "Anyanwu"]),
    "amharic": dict(f=["Tigist", "Meseret", "Selamawit", "Hirut", "Bethlehem", "Tsion"],
                    m=["Dawit", "Yohannes", "Tesfaye", "Getachew", "Abebe", "Kidus"],
                    fam=["Bekele", "Haile", "Tadesse", "Gebremedhin", "Wolde", "Desta", "Alemayehu"]),
    "somali": dict(f=["Hodan", "Faadumo", "Ayaan", "Sahra", "Hibo", "Ubah"],
                   m=["Abdirahman", "Mahad", "Guled", "Abdiweli", "Liban", "Cabdi"],
                   fam=["Warsame", "Farah", "Jama", "Abdi", "Mohamud", "Hirsi", "Cumar"]),
    "arabic": dict(f=["Fatima", "Layla", "Noor", "Mariam", "Huda", "Rania"],
                   m=["Omar", "Khalid", "Youssef", "Tariq", "Hamza", "Mohammed"],
                   fam=["al-Hashimi", "Haddad", "El-Sayed", "Al-Masri", "Khoury", "Abu-Zeid", "Al-Zahrani"],
                   native=[("Mohammed", "al-Hashimi", "محمد الهاشمي"), ("Layla", "Haddad", "ليلى حداد"),
                           ("Omar", "Khoury", "عمر خوري")]),
    "persian": dict(f=["Shirin", "Parisa", "Niloufar", "Maryam", "Azadeh", "Golnaz"],
                    m=["Dariush", "Kourosh", "Reza", "Behnam", "Arash", "Farhad"],
                    fam=["Tehrani", "Moradi", "Karimi", "Hosseinzadeh", "Farahani", "Jafari", "Ghorbani"]),
    "turkish": dict(f=["Ayşe", "Elif", "Zeynep", "Gülşen", "Çiğdem", "Şule"],
                    m=["Mehmet", "Emre", "Çağrı", "Oğuz", "Kemal", "İsmail"],
                    fam=["Öztürk", "Yılmaz", "Şahin", "Çelik", "Aydın", "Doğan", "Kaya"]),
    "greek": dict(f=["Eleni", "Dimitra", "Katerina", "Vasiliki", "Georgia", "Paraskevi"],
                  m=["Konstantinos", "Georgios", "Nikolaos", "Spyridon", "Christos", "Evangelos"],
                  fam=["Georgiou", "Karagiannis", "Nikolaidis", "Papadakis", "Vlachos", "Oikonomou"]),
    "polish": dict(f=["Agnieszka", "Małgorzata", "Katarzyna", "Zofia", "Joanna", "Grażyna"],
                   m=["Łukasz", "Krzysztof", "Wojciech", "Tomasz", "Paweł", "Zbigniew"],
                   fam=["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Szymczak", "Woźniak"]),
    "ukrainian": dict(f=["Oksana", "Olena", "Iryna", "Nataliia", "Yuliia", "Halyna"],
                      m=["Taras", "Bohdan", "Andrii", "Mykola", "Oleksandr", "Yurii"],
                      fam=["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk"],
                      native=[("Oksana", "Shevchenko", "Оксана Шевченко"), ("Taras", "Melnyk", "Тарас Мельник")]),
    "russian": dict(f=["Olga", "Svetlana", "Tatiana", "Anastasia", "Lyudmila"],
                    m=["Dmitri", "Sergei", "Alexei", "Ivan", "Vladimir"],
                    fam=["Volkov", "Sokolov", "Morozov", "Lebedev", "Kuznetsov"], gendered="a",
                    native=[("Olga", "Smirnova", "Ольга Смирнова"), ("Dmitri", "Volkov", "Дмитрий Волков")]),
    "hungarian": dict(f=["Zsófia", "Erzsébet", "Katalin", "Réka", "Ildikó"],
                      m=["László", "Gábor", "Zoltán", "Balázs", "Ferenc"],
                      fam=["Szabó", "Nagy", "Tóth", "Horváth", "Kovács", "Varga", "Fehér"]),
    "portuguese": dict(f=["Inês", "Beatriz", "Mariana", "Leonor", "Conceição"],
                       m=["João", "Tiago", "Rui", "Gonçalo", "Joaquim"],
                       fam=["da Silva", "Ferreira", "Gonçalves", "Rodrigues", "dos Santos", "Sousa Pereira"]),
    "brazilian": dict(f=["Ana Júlia", "Luana", "Thaís", "Francisca", "Raimunda"],
                      m=["Luiz Henrique", "Thiago", "Caio", "Wellington", "Sebastião"],
                      fam=["de Oliveira", "Souza", "Carvalho", "dos Santos Lima", "Nascimento", "Araújo"]),
    "mexican": dict(f=["Guadalupe", "María José", "Ximena", "Itzel", "Rosalba"],
                    m=["José Luis", "Juan Carlos", "Emiliano", "Jesús", "Refugio"],
                    fam=["García Márquez", "Hernández", "de la Cruz", "Ramírez Soto", "Villalobos", "Martínez-Ruiz"]),
    "filipino": dict(f=["Maricel", "Rowena", "Jocelyn", "Liezl", "Perla"],
                     m=["Reynaldo", "Arnel", "Jericho", "Danilo", "Rommel"],
                     fam=["Dela Cruz", "Macapagal", "Bautista", "Villanueva", "Manalo", "Dimaculangan"]),
    "vietnamese": dict(f=["Thị Hương", "Ngọc Anh", "Thu Trang", "Lan", "Bích Ngọc"],
                       m=["Văn Minh", "Quốc Bảo", "Đức Anh", "Tuấn", "Hữu Phước"],
                       fam=["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng"]),
    "korean": dict(f=["Min-ji", "Seo-yeon", "Ji-woo", "Eun-ji", "Soo-ah"],
                   m=["Min-jun", "Jae-hyun", "Dong-hyun", "Sung-min", "Tae-yang"],
                   fam=["Kim", "Park", "Choi", "Jung", "Kang", "Yoon"],
                   native=[("Min-jun", "Kim", "김민준"), ("Seo-yeon", "Park", "박서연"),
                           ("Jae-hyun", "Choi", "최재현"), ("Ji-woo", "Jung", "정지우")]),
    "chinese": dict(f=["Xiuying", "Meiling", "Jing", "Yan", "Huifang"],
                    m=["Wei", "Jianguo", "Hao", "Zhiwei", "Guoqiang"],
                    fam=["Wang", "Zhang", "Liu", "Chen", "Huang", "Zhou"],
                    native=[("Xiuying", "Wang", "王秀英"), ("Jianguo", "Zhang", "张建国"),
                            ("Meiling", "Chen", "陈美玲")]),
    "japanese": dict(f=["Yuki", "Haruka", "Keiko", "Aiko", "Sachiko"],
                     m=["Hiroshi", "Takeshi", "Kenji", "Daisuke", "Shigeru"],
                     fam=["Tanaka", "Sato", "Watanabe", "Nakamura", "Kobayashi", "Yamaguchi"],
                     native=[("Kenji", "Sato", "佐藤 健二"), ("Keiko", "Tanaka", "田中 恵子")]),
    "hindi": dict(f=["Priya", "Sunita", "Anjali", "Kavita", "Pushpa"],
                  m=["Rajesh", "Amit", "Vikram", "Sanjay", "Ramesh"],
                  fam=["Sharma", "Verma", "Agarwal", "Chaturvedi", "Mishra", "Tripathi"],
                  native=[("Priya", "Sharma", "प्रिया शर्मा"), ("Ramesh", "Tripathi", "रमेश त्रिपाठी")]),
    "tamil": dict(f=["Lakshmi", "Kavitha", "Meenakshi", "Revathi", "Thenmozhi"],
                  m=["Senthil", "Karthik", "Murugan", "Arjun", "Saravanan"],
                  fam=["Subramanian", "Ramasamy", "Krishnan", "Venkatesan", "Palaniappan", "Annamalai"]),
    "bengali": dict(f=["Mousumi", "Rupa", "Tanisha", "Shampa", "Nasreen"],
                    m=["Sourav", "Arnab", "Tanvir", "Rafiq", "Debashis"],
                    fam=["Chowdhury", "Banerjee", "Mukherjee", "Rahman", "Sen Gupta", "Bhattacharya"]),
    "punjabi": dict(f=["Harpreet", "Gurpreet", "Simran", "Jasleen", "Manjit"],
                    m=["Manpreet", "Gurdeep", "Harjit", "Navdeep", "Jaswinder"],
                    fam=["Sandhu", "Gill", "Dhillon", "Grewal", "Sidhu", "Brar"]),
    "haitian": dict(f=["Marie-Claude", "Roseline", "Fabienne", "Nadège", "Guerline"],
                    m=["Jean-Baptiste", "Wilner", "Frantz", "Dieunel", "Jean-Robert"],
                    fam=["Pierre-Louis", "Jean-Charles", "Toussaint", "Desrosiers", "Jean-Baptiste", "Dorvil"]),
    "irish": dict(f=["Siobhán", "Aoife", "Niamh", "Caoimhe", "Bríd"],
                  m=["Seán", "Ciarán", "Pádraig", "Eoin", "Donncha"],
                  fam=["O'Brien", "Ó Súilleabháin", "Mac Giolla Phádraig", "Kavanagh", "McCarthy", "Ní Bhriain"]),
    "scottish": dict(f=["Morag", "Isla", "Eilidh", "Catriona", "Kirsty"],
                     m=["Hamish", "Angus", "Ruaridh", "Callum", "Fraser"],
                     fam=["MacLeod", "McAllister", "Buchanan", "MacKenzie", "Urquhart", "Drummond"]),
    "navajo": dict(f=["Shandiin", "Nizhoni", "Dezbah", "Marlene", "Doli"],
                   m=["Ahiga", "Nastas", "Delbert", "Lorenzo", "Hosteen"],
                   fam=["Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty", "Tsinajinnie"]),
    "samoan": dict(f=["Malia", "Sina", "Losa", "Tasi", "Fetu"],
                   m=["Tavita", "Sione", "Ioane", "Faleolo", "Pita"],
                   fam=["Tuiasosopo", "Leota", "Fonoti", "Sapolu", "Tuilagi", "Aumua"]),
    "hebrew": dict(f=["Tamar", "Noa", "Yael", "Shira", "Hadas"],
                   m=["Eitan", "Avraham", "Yosef", "Nadav", "Amir"],
                   fam=["Ben-David", "Katz", "Friedman", "Mizrahi", "Peretz", "Shapiro"],
                   native=[("Yael", "Mizrahi", "יעל מזרחי"), ("Eitan", "Katz", "איתן כץ")]),
    "dutch": dict(f=["Annelies", "Femke", "Sanne", "Geertje"],
                  m=["Pieter", "Joost", "Bram", "Hendrik"],
                  fam=["van der Berg", "de Vries", "van den Heuvel", "Bakker", "van Dijk"]),
    "malay": dict(f=["Nurul Aini", "Siti Aisyah", "Farah Wahida"],
                  m=["Ahmad Faizal", "Mohd Hafiz", "Zulkifli"],
                  fam=["Ismail", "Rahman", "Yusof", "Abdullah"], particle=("bin", "binti")),
    "appalachian": dict(f=["Brenda", "Loretta", "Tammy", "Wanda"],
                        m=["Dewey", "Clyde", "Earl", "Randall"],
                        fam=["Whitt", "Caudill", "Slone", "Barnes-Whitaker", "Pruitt"]),
}

FOLD = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"})


def fold(s):
    s = unicodedata.normalize("NFKD", s.translate(FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------
# places, payers, facilities, clinical vocabulary
# --------------------------------------------------------------------------------------

CITIES = [  # city, state, first three zip digits
    ("Yonkers", "NY", "107"), ("Queens Village", "NY", "114"), ("Paterson", "NJ", "075"),
    ("Allentown", "PA", "181"), ("Dorchester", "MA", "021"), ("Lowell", "MA", "018"),
    ("Silver Spring", "MD", "209"), ("Columbus", "OH", "432"), ("Dearborn", "MI", "481"),
    ("Hamtramck", "MI", "482"), ("Minneapolis", "MN", "554"), ("St. Paul", "MN", "551"),
    ("Cicero", "IL", "608"), ("Milwaukee", "WI", "532"), ("Houston", "TX", "770"),
    ("Laredo", "TX", "780"), ("El Paso", "TX", "799"), ("Tucson", "AZ", "857"),
    ("Gallup", "NM", "873"), ("Window Rock", "AZ", "865"), ("Fresno", "CA", "937"),
    ("San Jose", "CA", "951"), ("Daly City", "CA", "940"), ("Garden Grove", "CA", "928"),
    ("Kent", "WA", "980"), ("Tukwila", "WA", "981"), ("Honolulu", "HI", "968"),
    ("Miami Gardens", "FL", "330"), ("North Miami", "FL", "331"), ("Orlando", "FL", "328"),
    ("Decatur", "GA", "300"), ("Nashville", "TN", "372"), ("Hazard", "KY", "417"),
    ("Pikeville", "KY", "415"), ("Framingham", "MA", "017"), ("Providence", "RI", "029"),
    ("Aurora", "CO", "800"), ("Salt Lake City", "UT", "841"), ("Anchorage", "AK", "995"),
]
STREETS = ["Kensington", "Magnolia", "Wabash", "Tamarack", "Old Mill", "Ridgecrest", "Harbor View",
           "Juniper", "Pulaski", "Sycamore", "Ocotillo", "Cedar Bluff", "Frontenac", "Bayou Glen",
           "Lincoln", "Quarry", "Mesquite", "Walnut Grove", "Marigold", "Saint Anselm", "Elmhurst",
           "Kamehameha", "Paseo del Sol", "Lakeshore", "Prospect Hill", "Chickasaw", "Brookline"]
SUFFIXES = ["St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Ct", "Way", "Pl", "Terrace", "Street", "Avenue", "Pkwy"]
UNITS = ["Apt 4B", "Apt. 12", "Unit 305", "#7", "Apt 2R", "Unit C", "Apt 1104", "# 18", "Trlr 22", "Bsmt"]
AREA = ["212", "347", "718", "914", "201", "973", "215", "484", "617", "978", "301", "614", "313",
        "612", "651", "708", "414", "713", "832", "956", "915", "520", "505", "928", "559", "408",
        "650", "714", "206", "253", "808", "305", "786", "407", "404", "615", "606", "508", "401",
        "720", "801", "907", "470", "346"]
PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
                    "proton.me", "comcast.net", "att.net", "ymail.com", "live.com", "sbcglobal.net"]
PAYERS = [("Aetna Better Health", "1-800-279-1878"), ("UnitedHealthcare Community Plan", "1-877-542-8997"),
          ("Cigna", "1-800-997-1654"), ("Humana Gold Plus", "1-800-457-4708"),
          ("Blue Cross Blue Shield of Michigan", "1-800-637-2227"), ("Molina Healthcare", "1-888-665-4621"),
          ("Anthem Blue Cross", "1-800-331-1476"), ("Medicare Part A/B", "1-800-633-4227"),
          ("Kaiser Foundation Health Plan", "1-800-464-4000"), ("Ambetter from Superior", "1-877-687-1196")]
FACILITIES = [
    ("Mercy Ridge Medical Center", "MRMC", "mercyridge.org"), ("Harbor Bay Hospital", "HBH", "harborbay.org"),
    ("Three Rivers Health", "TRH", "threerivershealth.org"), ("Lakeview Children's Hospital", "LVCH", "lakeviewkids.org"),
    ("Cedar Plains Regional Hospital", "CPRH", "cedarplains.org"), ("Northgate Community Hospital", "NGCH", "northgatech.org"),
    ("Sonoran Valley Medical Center", "SVMC", "sonoranvalley.org"), ("Bayou Methodist Hospital", "BMH", "bayoumethodist.org"),
    ("Kettle Moraine Clinic", "KMC", "kmclinic.org"), ("Blue Mesa Indian Health Center", "BMIHC", "bluemesaihc.org"),
    ("Pioneer Valley Cancer Institute", "PVCI", "pvci.org"), ("Saint Casimir Hospital", "SCH", "stcasimir.org"),
]
ICD = [("I50.9", "heart failure, unspecified"), ("E11.9", "type 2 diabetes mellitus"),
       ("J18.9", "pneumonia"), ("N17.9", "acute kidney injury"), ("I48.91", "atrial fibrillation"),
       ("J44.1", "COPD with acute exacerbation"), ("S72.001A", "fracture of right femoral neck"),
       ("F03.90", "dementia"), ("A41.9", "sepsis"), ("N39.0", "urinary tract infection"),
       ("I10", "essential hypertension"), ("K35.80", "acute appendicitis"), ("C34.90", "lung cancer"),
       ("M17.11", "primary osteoarthritis, right knee"), ("I63.9", "cerebral infarction"),
       ("E87.1", "hyponatremia"), ("R55", "syncope"), ("N18.4", "chronic kidney disease, stage 4")]
CHRONIC = [("E11.9", "type 2 diabetes mellitus"), ("I10", "essential hypertension"), ("I50.9", "heart failure, unspecified"),
           ("I48.91", "atrial fibrillation"), ("E78.5", "hyperlipidemia"), ("N18.3", "chronic kidney disease, stage 3"),
           ("J44.9", "COPD"), ("E03.9", "hypothyroidism")]
CPT = [("99213", "office visit, est, low"), ("99214", "office visit, est, moderate"),
       ("99285", "ED visit, high severity"), ("71046", "chest x-ray, 2 views"), ("80053", "comprehensive metabolic panel"),
       ("85025", "CBC with differential"), ("93000", "ECG, 12-lead"), ("27447", "total knee arthroplasty"),
       ("44970", "laparoscopic appendectomy"), ("36415", "venipuncture"), ("90686", "influenza vaccine"),
       ("99232", "subsequent hospital care"), ("70450", "CT head without contrast")]
MEDS = ["metformin 500 mg", "lisinopril 10 mg", "apixaban 5 mg", "atorvastatin 40 mg", "furosemide 40 mg",
        "insulin glargine 22 units", "levothyroxine 75 mcg", "sertraline 50 mg", "tamsulosin 0.4 mg",
        "donepezil 10 mg", "carvedilol 12.5 mg", "prednisone 20 mg", "albuterol HFA", "enoxaparin 40 mg",
        "ondansetron 4 mg", "pantoprazole 40 mg", "gabapentin 300 mg", "amlodipine 5 mg", "warfarin 3 mg"]
NDC = [("00093-7214-01", "atorvastatin 40 mg tab"), ("00378-0208-01", "furosemide 40 mg tab"),
       ("00003-0894-21", "apixaban 5 mg tab"), ("00088-2220-33", "insulin glargine 100 u/mL"),
       ("68180-0513-01", "lisinopril 10 mg tab"), ("00071-0155-23", "atorvastatin 10 mg tab")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
MONTHS_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
             "outubro", "novembro", "dezembro"]


def fd(d, style):
    """Format a date."""
    m, y = d.month, d.year
    mon = MONTHS[m - 1]
    return {
        "us": f"{m:02d}/{d.day:02d}/{y}", "us_short": f"{m}/{d.day}/{y % 100:02d}",
        "us_nopad": f"{m}/{d.day}/{y}", "iso": d.isoformat(), "hl7": f"{y}{m:02d}{d.day:02d}",
        "long": f"{mon} {d.day}, {y}", "dmon": f"{d.day:02d}-{mon[:3]}-{y}",
        "oracle": f"{d.day:02d}-{mon[:3].upper()}-{y}", "dot": f"{d.day:02d}.{m:02d}.{y}",
        "dmy": f"{d.day:02d}/{m:02d}/{y}", "es": f"{d.day} de {MONTHS_ES[m - 1]} de {y}",
        "pt": f"{d.day} de {MONTHS_PT[m - 1]} de {y}", "abbr": f"{mon[:3]} {d.day}, {y}",
        "dmy_long": f"{d.day} {mon} {y}", "dash_us": f"{m:02d}-{d.day:02d}-{y}",
    }[style]


US_DATE_STYLES = ["us", "us_short", "us_nopad", "iso", "long", "dmon", "abbr", "dash_us", "dmy_long"]


def luhn_digit(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def vin_check(v):
    tr = {**{str(i): i for i in range(10)},
          **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
          **dict(zip("STUVWXYZ", range(2, 10)))}
    w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    s = sum(tr[c] * w[i] for i, c in enumerate(v)) % 11
    return "X" if s == 10 else str(s)


# --------------------------------------------------------------------------------------
# random generator with people, staff, facilities
# --------------------------------------------------------------------------------------

class Person:
    pass


class Staff:
    pass


class Gen(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.now = dt.datetime(2024, 2, 1, 7) + dt.timedelta(minutes=self.randint(0, 880 * 24 * 60))
        self.used_names = set()

    # -- small values
    def digits(self, n, first_nonzero=False):
        s = "".join(self.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.randint(1, 9)) + s[1:]
        return s

    def letters(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.choice(alphabet) for _ in range(n))

    def day(self, back=0, fwd=0):
        return (self.now + dt.timedelta(days=self.randint(-back, fwd))).date()

    def ts(self, fmt="%Y-%m-%d %H:%M:%S", back_minutes=0):
        t = self.now - dt.timedelta(minutes=back_minutes, seconds=self.randint(0, 59))
        return t.strftime(fmt)

    def hl7ts(self, back_minutes=0):
        return self.ts("%Y%m%d%H%M%S", back_minutes)

    def uuid(self):
        h = "%032x" % self.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[self.randint(0, 3)]}{h[17:20]}-{h[20:]}"

    def ip_private(self):
        return f"10.{self.randint(0, 255)}.{self.randint(0, 255)}.{self.randint(2, 254)}"

    def ip_public(self):  # residential-looking public addresses
        a = self.choice([24, 47, 67, 68, 71, 73, 75, 76, 98, 99, 108, 174, 184])
        return f"{a}.{self.randint(1, 254)}.{self.randint(0, 255)}.{self.randint(2, 254)}"

    def phone_parts(self):
        while True:
            ex = self.randint(201, 989)
            if ex != 555 and ex % 100 != 11:
                return self.choice(AREA), str(ex), self.digits(4)

    def ssn(self, sep="-"):
        while True:
            a = self.randint(1, 899)
            if a != 666:
                break
        s = (f"{a:03d}", f"{self.randint(1, 99):02d}", f"{self.randint(1, 9999):04d}")
        if s == ("123", "45", "6789"):
            return self.ssn(sep)
        return sep.join(s)

    def mbi(self, dashes=False):
        al = "ACDEFGHJKMNPQRTUVWXY"
        an = al + "0123456789"
        c = [str(self.randint(1, 9)), self.choice(al), self.choice(an), self.digits(1),
             self.choice(al), self.choice(an), self.digits(1), self.choice(al), self.choice(al),
             self.digits(1), self.digits(1)]
        s = "".join(c)
        return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashes else s

    def npi(self):
        base = self.choice("12") + self.digits(8)
        return base + luhn_digit("80840" + base)

    def card(self):
        base = "4" + self.digits(14)
        return base + luhn_digit(base)

    def vin(self):
        al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = self.choice(["1HG", "2T1", "1FT", "5YJ", "3VW", "JTD", "1C4"]) + "".join(self.choice(al) for _ in range(5))
        rest = self.choice("ABCDEFGHJKLMNPRSTVWXY123456789") + self.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(6)
        v = v + "0" + rest
        return v[:8] + vin_check(v) + v[9:]

    def mrn(self, shape=None):
        shape = shape or self.choice(["E7", "d8", "MRN-8", "d3-3-3", "M8", "HX7", "d7", "d10", "K2-6"])
        return {
            "E7": "E" + self.digits(7), "d8": self.digits(8), "MRN-8": "MRN-" + self.digits(8),
            "d3-3-3": f"{self.digits(3, True)}-{self.digits(3)}-{self.digits(3)}", "M8": "M" + self.digits(8),
            "HX7": "HX" + self.digits(7), "d7": self.digits(7, True), "d10": "00" + self.digits(8),
            "K2-6": f"K{self.digits(2)}-{self.digits(6)}",
        }[shape]

    def member_id(self):
        k = self.randint(0, 5)
        return [lambda: "W" + self.digits(9), lambda: self.letters(3) + self.digits(9),
                lambda: "MBR" + self.digits(8), lambda: self.digits(10, True) + "-0" + str(self.randint(1, 4)),
                lambda: "ZG" + self.letters(1) + self.digits(7), lambda: self.letters(2) + self.digits(5) + self.letters(1)][k]()

    def account(self):
        return self.choice([lambda: "A" + self.digits(10), lambda: self.digits(9, True),
                            lambda: f"ACCT-{self.digits(4)}-{self.digits(4)}", lambda: "44" + self.digits(8),
                            lambda: "V" + self.digits(9)])()

    # -- people
    def name(self, culture=None, sex=None, native_ok=False):
        for _ in range(50):
            c = culture or self.choice(sorted(k for k, v in CULTURES.items() if native_ok != "force" or "native" in v))
            d = CULTURES[c]
            sx = sex or self.choice("FM")
            native = None
            if native_ok and "native" in d and (native_ok == "force" or self.random() < 0.6):
                g, f, native = self.choice(d["native"])
                sx = "F" if g in d["f"] else "M"
            else:
                g = self.choice(d["f"] if sx == "F" else d["m"])
                f = self.choice(d["fam"])
                if d.get("gendered") and sx == "F":
                    f = f + d["gendered"]
                if "particle" in d:
                    f = f"{d['particle'][0 if sx == 'M' else 1]} {f}"
            if (g, f) not in self.used_names:
                self.used_names.add((g, f))
                return c, sx, g, f, native
        return c, sx, g, f, native

    def person(self, age=(19, 88), culture=None, sex=None, native_ok=False, family=None):
        p = Person()
        p.culture, p.sex, p.given, p.family, p.native = self.name(culture, sex, native_ok)
        if family:
            p.family = family
        p.middle = self.choice("ABCDEFGHJKLMNPRSTW")
        a = self.randint(*age)
        today = self.now.date()
        p.dob = today - dt.timedelta(days=a * 365 + self.randint(5, 360) + a // 4)
        p.age = today.year - p.dob.year - ((today.month, today.day) < (p.dob.month, p.dob.day))
        p.ssn = self.ssn()
        p.mrn = self.mrn()
        p.phone = self.phone_parts()
        p.cell = self.phone_parts()
        city, p.state, z3 = self.choice(CITIES)
        p.city = city
        p.zip = z3 + self.digits(2)
        if p.zip.endswith("00"):
            p.zip = p.zip[:3] + "17"
        p.zip4 = self.digits(4, True)
        p.street = f"{self.randint(2, 9899)} {self.choice(STREETS)} {self.choice(SUFFIXES)}"
        p.unit = self.choice(UNITS) if self.random() < 0.45 else ""
        p.member = self.member_id()
        p.mbi = self.mbi(dashes=self.random() < 0.4)
        p.acct = self.account()
        local = fold(p.given.split()[0]).lower().replace("-", "") + self.choice([".", "_", "", "."]) + \
            re.sub(r"[^a-z]", "", fold(p.family).lower())
        if self.random() < 0.6:
            local += str(self.randint(1, 99) if self.random() < 0.5 else p.dob.year % 100)
        p.email = f"{local}@{self.choice(PERSONAL_DOMAINS)}"
        return p

    def relative(self, p, age=(20, 80), same_family=True, sex=None):
        q = self.person(age=age, culture=p.culture, sex=sex)
        if same_family and self.random() < 0.7:
            q.family = p.family
            suffix = CULTURES[p.culture].get("gendered")
            if suffix:
                base = p.family[:-len(suffix)] if p.sex == "F" else p.family
                q.family = base + suffix if q.sex == "F" else base
        if q.given == p.given:
            d = CULTURES[p.culture]
            q.given = next(g for g in d["f" if q.sex == "F" else "m"] if g != p.given)
        q.street, q.unit, q.city, q.state, q.zip = p.street, p.unit, p.city, p.state, p.zip
        return q

    def staff(self, role=None):
        s = Staff()
        _, s.sex, s.given, s.family, _ = self.name()
        s.name = f"{s.given} {s.family}"
        s.handle = (fold(s.given.split()[0])[0] + re.sub(r"[^a-z]", "", fold(s.family).lower()))[:12].lower()
        s.role = role or self.choice(["MD", "RN", "NP", "PA-C", "DO", "RN, BSN", "PharmD", "LCSW"])
        s.npi = self.npi()
        s.ext = f"x{self.randint(2000, 7999)}"
        s.pager = f"{self.choice([x for x in range(200, 900) if x != 555])}-{self.digits(4)}"
        return s

    def fac(self):
        f = self.choice(FACILITIES)
        return f

    def icd(self, k=1):
        return self.sample(ICD, k)

    def cpt(self, k=1):
        return self.sample(CPT, k)

    def med(self, k=1):
        return self.sample(MEDS, k)


# --------------------------------------------------------------------------------------
# formatting helpers for people (return labelled pieces)
# --------------------------------------------------------------------------------------

def pn(text):
    return P(text, "person_name")


def full(p):
    return f"{p.given} {p.family}"


def hl7n(p, middle=True):
    s = f"{fold(p.family).upper()}^{fold(p.given).upper()}"
    return s + (f"^{p.middle}" if middle else "")


def phone_fmt(parts, style):
    a, e, n = parts
    return {
        "paren": f"({a}) {e}-{n}", "dash": f"{a}-{e}-{n}", "dot": f"{a}.{e}.{n}", "raw": f"{a}{e}{n}",
        "plus1": f"+1 {a} {e} {n}", "plus1dash": f"+1-{a}-{e}-{n}", "one_paren": f"1 ({a}) {e}-{n}",
        "space": f"{a} {e} {n}", "parennospace": f"({a}){e}-{n}", "e164": f"+1{a}{e}{n}",
    }[style]


PHONE_STYLES = ["paren", "dash", "dot", "raw", "plus1", "plus1dash", "one_paren", "space", "parennospace"]


def ph(r, parts, style=None):
    return P(phone_fmt(parts, style or r.choice(PHONE_STYLES)), "phone")


def addr(p, style="oneline", zip4=False):
    z = P(p.zip + (f"-{p.zip4}" if zip4 else ""), "zip_code")
    st = P(p.street + (f" {p.unit}" if p.unit else ""), "street_address")
    if style == "oneline":
        return [st, ", ", P(p.city, "street_address"), ", ", D(p.state, "state"), " ", z]
    if style == "twoline":
        return [st, "\n", P(p.city, "street_address"), ", ", D(p.state, "state"), " ", z]
    if style == "hl7":
        return [P(p.street, "street_address"), "^", P(p.unit, "street_address") if p.unit else "", "^",
                P(fold(p.city), "street_address"), "^", D(p.state, "state"), "^", z, "^USA^H"]
    raise ValueError(style)


def her(p):
    return "her" if p.sex == "F" else "his"


def him(p):
    return "her" if p.sex == "F" else "him"


def she(p):
    return "she" if p.sex == "F" else "he"


def kin(q, p=None, spouse=True):
    """The relative's relation to the patient, fitting sex and age difference."""
    f = q.sex == "F"
    diff = q.age - p.age if p is not None else 0
    if diff >= 16:
        opts = ["mother"] if f else ["father"]
    elif diff <= -40:
        opts = ["granddaughter", "daughter"] if f else ["grandson", "son"]
    elif diff <= -16:
        opts = ["daughter", "niece"] if f else ["son", "nephew"]
    else:
        opts = (["wife"] if spouse else []) + ["sister"] if f else (["husband"] if spouse else []) + ["brother"]
    return opts[sum(map(ord, q.given)) % len(opts)]


def staff_n(s, dr=False):
    return D(("Dr. " if dr else "") + s.name, "person_name")


def staff_mail(s, fac):
    return D(f"{s.handle}@{fac[2]}", "staff_contact")


def fac_n(fac, abbr=False):
    return D(fac[1] if abbr else fac[0], "facility")


# --------------------------------------------------------------------------------------
# template registry
# --------------------------------------------------------------------------------------

TEMPLATES = {}


def tpl(family, phi):
    def deco(fn):
        TEMPLATES.setdefault(family, {True: [], False: []})[phi].append(fn)
        return fn
    return deco


# --------------------------------------------------------------------------------------
# HL7 v2 helpers
# --------------------------------------------------------------------------------------

def msh(r, fac, typ, ver="2.5.1", app="EPIC", recv="ENGINE", back=0):
    return ["MSH|^~\\&|", app, "|", fac[1], "|", recv, "|", r.choice(["RCV", "EMPI", "LIS", "HIE"]), "|",
            D(r.hl7ts(back), "message_time"), "||", typ, "|", D(fac[1] + r.digits(9), "internal_id"),
            "|P|", ver]


def xtn(r, parts, use="PRN", equip="PH", split=None):
    split = r.random() < 0.5 if split is None else split
    if split:
        return [f"^{use}^{equip}^^1^", P(parts[0], "phone"), "^", P(parts[1] + parts[2], "phone")]
    return [P(phone_fmt(parts, r.choice(["parennospace", "paren", "dash"])), "phone"), f"^{use}^{equip}"]


def pid(r, p, fac, ssn3=False, cell=False, acct=True, ssn=True, mmn=None, email=False, dl=False,
        assigner=None):
    f3 = [P(p.mrn, "mrn"), "^^^", assigner or fac[1], "^MR"]
    if ssn3:
        f3 += ["~", P(p.ssn.replace("-", ""), "ssn"), "^^^SSA^SS"]
    f13 = [xtn(r, p.phone)]
    if cell:
        f13 += ["~", xtn(r, p.cell, "PRN", "CP")]
    if email:
        f13 += ["~^NET^Internet^", P(p.email, "email")]
    fields = ["1", "", f3, "", pn(hl7n(p)), pn(fold(mmn.family).upper()) if mmn else "",
              P(fd(p.dob, "hl7"), "date"), p.sex, "", r.choice(["2106-3", "2054-5", "2028-9", "1002-5", ""]),
              addr(p, "hl7"), "", f13, "", r.choice(["ENG", "SPA", "VIE", "SOM", "KOR", "POR", ""]),
              r.choice(["M", "S", "W", "D"]), "", P(p.acct, "account_number") if acct else "",
              P(p.ssn.replace("-", ""), "ssn") if ssn else "",
              [P("D" + r.digits(7), "license_number"), "^", p.state] if dl else ""]
    while fields and fields[-1] == "":
        fields.pop()
    return ["PID|", J("|", fields)]


def xcn(s):
    return [D(s.npi, "npi"), "^", D(f"{fold(s.family).upper()}^{fold(s.given).upper()}", "person_name"), "^^^^MD"]


def pv1(r, fac, att, visit, cls="I", admit=None, disch=None):
    f = ["1", cls, f"{r.choice(['4W', '5E', 'ICU', 'MS3', 'TELE'])}^{r.randint(401, 599)}^{r.choice('AB')}^{fac[1]}",
         "", "", "", xcn(att), "", "", r.choice(["MED", "SUR", "CAR", "ONC"]), "", "", "", "1", "", "", xcn(att),
         r.choice(["IN", "OP", "ER"]), P(visit, "account_number")] + [""] * 25
    f[43] = P(admit, "date") if admit else ""
    if disch:
        f.append(P(disch, "date"))
    else:
        while f[-1] == "":
            f.pop()
    return ["PV1|", J("|", f)]


def hl7_dt(d, r):
    return fd(d, "hl7") + f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45', '12', '51'])}"


# ======================================================================================
# family: jira_hl7
# ======================================================================================

@tpl("jira_hl7", True)
def t_jira_hl7_a08_noformat_nk1(r):
    fac, p = r.fac(), r.person()
    rel = r.relative(p)
    rep, asg, att = r.staff(), r.staff(), r.staff("MD")
    ev, struct = r.choice([("A08", "ADT_A01"), ("A31", "ADT_A05"), ("A28", "ADT_A05")])
    msg = J("\n", [
        msh(r, fac, f"ADT^{ev}^{struct}", "2.4", "REG"),
        [f"EVN|{ev}|", D(r.hl7ts(), "message_time"), "|||", D(fold(asg.handle).upper(), "person_name")],
        pid(r, p, fac, ssn3=True, cell=True, dl=True),
        ["NK1|1|", pn(hl7n(rel, False)), "|", r.choice(["SPO^Spouse", "DAU^Daughter", "SIS^Sister", "MTH^Mother"] if rel.sex == "F" else ["SPO^Spouse", "SON^Son", "BRO^Brother", "FTH^Father"]),
         "|", addr(rel, "hl7"), "|", xtn(r, rel.phone, split=False)],
        pv1(r, fac, att, r.account(), "O") if ev == "A08" else "PV1|1|N",
        ["ZPD|1|Y|", P(p.email, "email"), "|PORTAL_ACTIVE"],
    ])
    return T("""
        *Summary:* {ev} updates drop the second PID-13 repetition ({{~}}) for «fac»
        *Reporter:* «rep»   *Assignee:* «asg»   *Components:* ADT, EMPI   *Labels:* repetition, {evl}

        Registration updated the cell phone yesterday. The {ev} reaches the EMPI but after the transform only the first repetition survives. Raw message from the inbound queue:
        {noformat}
        «msg»
        {noformat}
        Expected in EMPI: home «h1», mobile «c1». Actual: only «h2».
        The Z-segment (ZPD) also carries the portal email; that one arrives fine.

        [~«asgh»] I think the {{split('~')}} in the PID-13 mapping only runs when PID-14 is populated.
        """.replace("{ev}", ev).replace("{evl}", ev.lower()), fac=fac_n(fac), rep=staff_n(rep), asg=staff_n(asg), msg=msg,
             h1=ph(r, p.phone, "paren"), c1=ph(r, p.cell, "dash"), h2=ph(r, p.phone, "dot"),
             asgh=D(asg.handle, "person_name"))


@tpl("jira_hl7", True)
def t_jira_hl7_oru_lines_lost(r):
    fac, p, lab, rn = r.fac(), r.person(), r.staff("MD"), r.staff("RN")
    coll = r.now - dt.timedelta(hours=r.randint(3, 30))
    c14 = coll.strftime("%Y%m%d%H%M")
    ordn = r.digits(8)
    segs = [
        msh(r, fac, "ORU^R01", "2.5.1", "SUNQUEST"),
        pid(r, p, fac, acct=False, ssn=False),
        ["PV1|1|E|ED^^^", fac[1]],
        ["ORC|RE|", D(ordn, "order_number"), "|", D("L" + r.digits(7), "order_number")],
        ["OBR|1|", D(ordn, "order_number"), "||", D("80053", "procedure_code"), "^CMP^CPT|||", P(c14, "date")],
        ["OBX|1|NM|2345-7^Glucose^LN||", str(r.randint(240, 480)), "|mg/dL|70-99|HH|||F|||", P(c14, "date")],
        ["OBX|2|NM|2823-3^Potassium^LN||", f"{r.randint(30, 62) / 10}", "|mmol/L|3.5-5.1|N|||F|||", P(c14, "date")],
        ["NTE|1||Critical value called to ", D(fold(rn.family).upper(), "person_name"),
         " RN \\T\\ read back; specimen slightly hemolyzed\\F\\recollect if K+ > 5.5"],
    ]
    return T("""
        Comment by «lab» (edited)

        pasting from the Mirth message browser, it ate the carriage returns, sorry:

        `«msg»`

        The viewer shows `\\T\\` and `\\F\\` literally instead of & and |, which is why the NTE is unreadable for the ED. Can we unescape in the result viewer before display?
        """, lab=staff_n(lab), msg=J(" ", segs))


@tpl("jira_hl7", True)
def t_jira_hl7_engine_log_siu(r):
    fac, p, doc = r.fac(), r.person(), r.staff("MD")
    appt = r.now + dt.timedelta(days=r.randint(2, 40), hours=r.randint(0, 8))
    appt = appt.replace(minute=r.choice([0, 15, 30, 45]))
    a14 = appt.strftime("%Y%m%d%H%M")
    a_end = (appt + dt.timedelta(minutes=30)).strftime("%Y%m%d%H%M")
    ip = r.ip_private()
    lines = [
        [f"[{r.ts('%Y-%m-%d %H:%M:%S.%f', 3)[:-3]}] siu-in     INFO  recv 1 msg ({r.randint(600, 1400)} bytes) from {ip}:{r.randint(6000, 6999)}"],
        [f"[{r.ts('%Y-%m-%d %H:%M:%S.%f', 3)[:-3]}] xlate-siu  ERROR AIL-3 location 'ORTHO-{r.randint(2, 9)}' not in table; patient ",
         pn(f"{fold(p.family).upper()}, {fold(p.given).upper()}"), " (MRN ", P(p.mrn, "mrn"), ") appt ",
         P(appt.strftime("%Y-%m-%d %H:%M"), "date"), " with ", staff_n(doc, True)],
        [f"[{r.ts('%Y-%m-%d %H:%M:%S.%f', 2)[:-3]}] xlate-siu  DEBUG SCH|", D(r.digits(6), "order_number"),
         "^EPIC|", D(r.digits(6), "order_number"), "^EPIC|||||ROUTINE^Routine|FOLLOWUP|30|min|^^30^",
         P(a14, "date"), "^", P(a_end, "date")],
        [f"[{r.ts('%Y-%m-%d %H:%M:%S.%f', 2)[:-3]}] xlate-siu  DEBUG ", pid(r, p, fac, acct=False, ssn=False)],
        [f"[{r.ts('%Y-%m-%d %H:%M:%S.%f', 1)[:-3]}] siu-in     WARN  NAK sent, MSA|AE, retry 3/3 exhausted, moved to /err/siu/{r.digits(6)}.hl7"],
    ]
    return T("""
        h4. SIU^S12 for new ortho rooms rejected since Monday
        Reporter: «rep» • Priority: High • Env: PRD Cloverleaf site {{sched}}

        Log excerpt:
        {code:none}
        «log»
        {code}
        About 40 of these a day. Patient called the front desk because no reminder text went out. Table {{ail_location.tbl}} needs the new rooms.
        """, rep=staff_n(r.staff()), log=J("\n", lines))


@tpl("jira_hl7", True)
def t_jira_hl7_dft_guarantor(r):
    fac, p = r.fac(), r.person(age=(3, 17))
    g = r.relative(p, age=(28, 55))
    payer, payer_phone = r.choice(PAYERS)
    svc = r.day(back=20)
    cpt = r.cpt(2)
    eff = dt.date(r.now.year, 1, 1)
    segs = [
        msh(r, fac, "DFT^P03", "2.3", "CHARGE"),
        ["EVN|P03|", D(r.hl7ts(), "message_time")],
        pid(r, p, fac, ssn=False),
        ["PV1|1|O|PEDS^^^", fac[1], "||||", xcn(r.staff("MD")), "||||||||||||", P(r.account(), "account_number")],
        ["FT1|1|||", P(fd(svc, "hl7"), "date"), "||CG|", D(cpt[0][0], "procedure_code"), "^", cpt[0][1].upper(), "^CPT|||1"],
        ["FT1|2|||", P(fd(svc, "hl7"), "date"), "||CG|", D(cpt[1][0], "procedure_code"), "^", cpt[1][1].upper(), "^CPT|||1"],
        ["GT1|1|", D(r.digits(6), "internal_id"), "|", pn(hl7n(g)), "||", addr(g, "hl7"), "|", xtn(r, g.phone, split=True),
         "|||", g.sex, "||", "MTH^Mother" if g.sex == "F" else "FTH^Father", "|", P(g.ssn.replace("-", ""), "ssn")],
        ["IN1|1|", r.choice(["MCD", "COM", "HMO"]), "^", r.digits(3), "|", r.digits(5), "|", payer, "|||", payer_phone.replace("1-", "").replace("-", ""),
         "|", D("GRP" + r.digits(5), "group_number"), "||||", D(fd(eff, "hl7"), "coverage_date"), "||||",
         pn(hl7n(g, False)), "|PAR^Parent|", P(fd(g.dob, "hl7"), "date"), "|" * 18,
         P(g.member, "health_plan_id")],
    ]
    return T("""
        {panel:title=DFT^P03 - guarantor SSN shows up in statement export}
        Reporter: «rep» | Assignee: «asg» | Sprint: RCM 24.{sp}
        {panel}

        The statement vendor file has the guarantor SSN in clear text. It comes from GT1-12. Message:
        {code:title=dft_p03_sample.hl7}
        «msg»
        {code}
        Payer on file: «payer». The guarantor called on «called» asking why the SSN was printed on the bill.
        """.replace("{sp}", str(r.randint(1, 26))), rep=staff_n(r.staff()), asg=staff_n(r.staff()),
             msg=J("\n", segs), payer=payer, called=D(fd(r.day(back=3), "us"), "event_date"))


@tpl("jira_hl7", True)
def t_jira_hl7_mdm_markdown(r):
    fac, p, att = r.fac(), r.person(age=(90, 101)), r.staff("MD")
    adm = r.day(back=9)
    dis = adm + dt.timedelta(days=r.randint(2, 6))
    dx = r.icd(1)[0]
    med = r.med(1)[0]
    segs = [
        msh(r, fac, "MDM^T02", "2.5", "DICT"),
        ["EVN|T02|", D(r.hl7ts(), "message_time")],
        pid(r, p, fac, acct=True, ssn=False),
        pv1(r, fac, att, r.account(), "I", hl7_dt(adm, r), hl7_dt(dis, r)),
        ["TXA|1|DS^Discharge Summary|TX|", P(hl7_dt(dis, r), "date"), "|", xcn(att), "||||||",
         D(r.digits(10), "internal_id"), "|||||AU"],
        ["OBX|1|TX|DS^Discharge Summary||", pn(full(p)), " is a ", P(str(p.age), "age_over_89"),
         "-year-old admitted with ", D(dx[1], "condition"), " (", D(dx[0], "diagnosis_code"), ")."],
        ["OBX|2|TX|DS^Discharge Summary||Discharged on ", D(med, "medication"), " daily\\.br\\Follow up with ",
         staff_n(att, True), " in 1 week."],
    ]
    return T("""
        ### Discharge summaries split into 2 OBX but viewer shows only the first

        **Reporter:** «rep»
        **Found in:** 2024.3 build 118

        ```hl7
        «msg»
        ```

        `\\.br\\` isn't converted to a line break either. cc @«cc»
        """, rep=staff_n(r.staff()), msg=J("\n", segs), cc=staff_n(r.staff()))


@tpl("jira_hl7", True)
def t_jira_hl7_vxu_newborn(r):
    fac = r.fac()
    mom = r.person(age=(19, 40), sex="F")
    baby = r.relative(mom, age=(0, 0))
    baby.dob = r.day(back=60)
    adm = r.day(back=1)
    segs = [
        msh(r, fac, "VXU^V04^VXU_V04", "2.5.1", "IMMZ", "STATEIIS"),
        pid(r, baby, fac, acct=False, ssn=False, mmn=mom),
        ["PD1|||||||||||02^Reminder/recall - any method|N"],
        ["NK1|1|", pn(hl7n(mom, False)), "|MTH^Mother^HL70063|", addr(mom, "hl7"), "|", xtn(r, mom.cell, "PRN", "CP", split=True)],
        ["ORC|RE||", D(r.digits(9), "order_number"), "^", fac[1]],
        ["RXA|0|1|", P(fd(adm, "hl7"), "date"), "||08^HepB-Peds^CVX|0.5|mL^mL^UCUM||00^New Record^NIP001||||||",
         r.letters(2) + r.digits(5), "||MSD^Merck^MVX"],
    ]
    return T("""
        State registry rejects newborn HepB doses (VXU_V04) - "PID-6 required when PID-7 < 30 days"

        Reporter «rep», created «created»

        We DO send PID-6. Sample from this morning, registry ack below.

        {noformat}
        «msg»
        {noformat}
        {noformat}
        MSH|^~\\&|STATEIIS||IMMZ|«fab»|«ackt»||ACK^V04|«ackc»|P|2.5.1
        MSA|AE|«ackr»
        ERR||PID^1^6|101^Required field missing^HL70357|E
        {noformat}
        Their spec wants PID-6 as XPN with the given name too? Asking the registry help desk.
        """, rep=staff_n(r.staff()), created=r.ts("%d/%b/%y %I:%M %p"), msg=J("\n", segs), fab=fac[1],
             ackt=D(r.hl7ts(), "message_time"), ackc=D(r.digits(12), "internal_id"), ackr=D(r.digits(12), "internal_id"))


@tpl("jira_hl7", True)
def t_jira_hl7_a01_a03_field_table(r):
    fac, p = r.fac(), r.person()
    adm = r.day(back=6)
    dis = adm + dt.timedelta(days=r.randint(1, 5))
    visit = r.account()
    admt = hl7_dt(adm, r)
    return T("""
        Comparing what we got for the same encounter (A01 vs A03). PV1-45 missing in A03 so the readmission report never closes the stay.

        ||Field||A01 value||A03 value||Note||
        |PID-3|«m1»|«m2»|ok|
        |PID-5|«n1»|«n2»|ok|
        |PID-7|«d1»|«d2»|ok|
        |PV1-19|«v1»|«v2»|ok|
        |PV1-44|«a1»|«a2»|ok|
        |PV1-45| |(empty)|(x) should be «dis»|
        |PV1-36| |01|disposition home|

        Patient was discharged «dis2» per the nursing note. Ticket raised by «rep», watching: «w».
        """, m1=P(p.mrn, "mrn"), m2=P(p.mrn, "mrn"), n1=pn(hl7n(p)), n2=pn(hl7n(p)),
             d1=P(fd(p.dob, "hl7"), "date"), d2=P(fd(p.dob, "hl7"), "date"), v1=P(visit, "account_number"),
             v2=P(visit, "account_number"), a1=P(admt, "date"), a2=P(admt, "date"),
             dis=P(fd(dis, "hl7") + "1130", "date"), dis2=P(fd(dis, "long"), "date"), rep=staff_n(r.staff()),
             w=staff_n(r.staff()))


@tpl("jira_hl7", True)
def t_jira_hl7_orm_log_cr(r):
    fac, p, doc = r.fac(), r.person(), r.staff("MD")
    when = r.now + dt.timedelta(days=r.randint(1, 6))
    ordn = r.digits(9)
    dx = r.choice([("K35.80", "acute appendicitis"), ("K57.92", "diverticulitis"), ("R10.31", "right lower quadrant pain"),
                   ("K85.90", "acute pancreatitis")])
    raw = J("<CR>", [
        msh(r, fac, "ORM^O01", "2.3", "EPIC", "RIS"),
        pid(r, p, fac, ssn3=True, acct=False, ssn=False),
        ["PV1|1|O|RAD^^^", fac[1], "||||", xcn(doc)],
        ["ORC|NW|", D(ordn, "order_number"), "|||||^^^", P(when.strftime("%Y%m%d%H%M"), "date"), "^^R"],
        ["OBR|1|", D(ordn, "order_number"), "||", D("74177", "procedure_code"), "^CT ABD\\T\\PELVIS W CONTRAST^CPT4|||",
         P(when.strftime("%Y%m%d%H%M"), "date"), "||||||", D(dx[1], "condition"), " - eval\\F\\r/o abscess"],
        ["DG1|1|I10|", D(dx[0], "diagnosis_code"), "^", D(dx[1].upper(), "condition"), "^I10||", P(fd(r.day(back=3), "hl7"), "date"), "|W"],
    ])
    return T("""
        Rad orders with an ampersand in the procedure name never reach the RIS. Rhapsody route log (one line, CRs shown as <CR>):

        {noformat}
        «ts» WARN  [RadOrders-Out] Filter 'mapped procedure' rejected message «ctl»: OBR-4.2 contains escape sequence. raw=«raw»<CR>
        {noformat}
        The filter compares the unescaped text but the table has {{CT ABD & PELVIS}}. Reproduced in TEST with a ZZTEST patient. Owner «o».
        """, ts=r.ts("%Y-%m-%dT%H:%M:%S.000Z"), ctl=D(r.digits(10), "internal_id"), raw=raw, o=staff_n(r.staff()))


@tpl("jira_hl7", False)
def t_jira_hl7_spec_pid_table(r):
    rows = [("1", "4", "SI", "O", "Set ID - PID"), ("3", "250", "CX", "R", "Patient Identifier List"),
            ("5", "250", "XPN", "R", "Patient Name"), ("6", "250", "XPN", "O", "Mother's Maiden Name"),
            ("7", "24", "DTM", "O", "Date/Time of Birth"), ("8", "1", "IS", "O", "Administrative Sex"),
            ("11", "250", "XAD", "O", "Patient Address"), ("13", "250", "XTN", "O", "Phone Number - Home"),
            ("18", "250", "CX", "O", "Patient Account Number"), ("19", "16", "ST", "B", "SSN Number - Patient"),
            ("29", "24", "DTM", "O", "Patient Death Date and Time")]
    r.shuffle(rows)
    rows = sorted(rows[:r.randint(7, 11)], key=lambda x: int(x[0]))
    body = "\n".join(f"|{a}|{b}|{c}|{d}|{e}|" for a, b, c, d, e in rows)
    return T("""
        h2. PID segment - what we accept from community partners (v2.5.1)
        _Last edited by «ed» on «when»_

        ||SEQ||LEN||DT||OPT||ELEMENT NAME||
        «body»

        * PID-3 must carry an assigning authority; we only accept type codes MR, PI and SS.
        * PID-19 is deprecated - send SS in PID-3 instead. We never store it.
        * Dates: {{YYYYMMDD[HHMM[SS]]}}, time zone offset optional.
        * Repetition separator is {{~}}, escape is {{\\}}. Use {{\\F\\}} for a pipe inside a value.
        {info}Questions go to the integration team channel, not to this page's comments.{info}
        """, ed=staff_n(r.staff()), when=r.ts("%b %d, %Y"), body=body)


@tpl("jira_hl7", False)
def t_jira_hl7_ack_errors(r):
    fac = r.fac()
    lines = []
    for _ in range(r.randint(3, 5)):
        ctl = fac[1] + r.digits(9)
        lines.append(["MSH|^~\\&|ENGINE|", fac[1], "|EPIC|", fac[1], "|", D(r.hl7ts(r.randint(1, 90)), "message_time"),
                      "||ACK^A01|", D("ACK" + r.digits(9), "internal_id"), "|P|2.5.1\nMSA|AE|", D(ctl, "internal_id"),
                      "\nERR||", r.choice(["PV1^1^3", "PID^1^11", "PV1^1^19", "IN1^1^36"]), "|",
                      r.choice(["102^Data type error", "103^Table value not found", "207^Application internal error"]),
                      "^HL70357|E\n"])
    return T("""
        After the 2.5.1 cut-over the engine NAKs some A01s with AE. Only the ACKs are in the archive (the inbound store purges after 24h):

        {code}
        «acks»{code}

        Count per ERR code in the last 7 days: 102 -> 14, 103 -> 212, 207 -> 3. Build «b», host {{ie-prd-0«h»}} ({ip}:{port}).
        """.replace("{ip}", r.ip_private()).replace("{port}", str(r.randint(5000, 7999))),
             acks=lines, b=f"{r.randint(7, 9)}.{r.randint(0, 12)}.{r.randint(100, 4000)}", h=str(r.randint(1, 6)))


@tpl("jira_hl7", False)
def t_jira_hl7_channel_stats(r):
    types = ["ADT^A01", "ADT^A03", "ADT^A04", "ADT^A08", "ADT^A31", "ORU^R01", "ORM^O01", "SIU^S12",
             "MDM^T02", "DFT^P03", "VXU^V04", "ADT^A28"]
    r.shuffle(types)
    rows = []
    for t in types[:8]:
        n = r.randint(200, 90000)
        rows.append(f"| {t:<8} | {n:>6} | {r.randint(0, n // 200):>5} | {r.randint(3, 900):>4} ms |")
    return T("""
        ## Weekly interface health - week «wk»

        | type     |  msgs  | NAKs  | p95 lat |
        |----------|--------|-------|---------|
        «rows»

        * Outbound to the HIE (`{ip}:{port}`) was down «down» min on Tuesday; the queue drained by 02:14.
        * Channel `ADT_OUT_REG` restarted twice (OOM). Heap raised to 4 GB in build {build}.
        * The ORM^O01 NAKs are all `ORC-12 ordering provider not found`; owner: «owner».
        """.replace("{ip}", r.ip_private()).replace("{port}", str(r.randint(5000, 7999)))
             .replace("{build}", f"{r.randint(3, 5)}.{r.randint(0, 9)}.{r.randint(10, 999)}"),
             wk=r.now.strftime("%G-W%V"), rows="\n".join(rows), down=str(r.randint(3, 95)), owner=staff_n(r.staff()))


@tpl("jira_hl7", False)
def t_jira_hl7_placeholder_mapping(r):
    return T("""
        *Mapping spec for the new lab partner (draft v{v})* - «who»

        {code}
        MSH|^~\\&|<SENDING_APP>|<SENDING_FAC>|LIS|<FAC>|<YYYYMMDDHHMMSS>||ORU^R01|<CONTROL_ID>|P|2.5.1
        PID|1||<MRN>^^^<AUTH>^MR||<LAST>^<FIRST>^<MI>||<YYYYMMDD>|<SEX>|||<STREET>^^<CITY>^<ST>^<ZIP>
        OBR|1|<PLACER>|<FILLER>|<LOINC>^<NAME>^LN|||<YYYYMMDDHHMM>
        OBX|1|NM|<LOINC>^<NAME>^LN||<VALUE>|<UNITS>|<RANGE>|<FLAG>|||F
        {code}

        Test messages from their side use the documented test identity only: SSN 123-45-6789, phone 555-0142, ZIP 00000. Anything else in UAT is rejected by the validator.

        ||HL7||Our field||Rule||
        |PID-3.1|patient.mrn|required, 7-10 digits, strip leading zeros? (open question for «who2»)|
        |PID-7|patient.birth_date|YYYYMMDD only, reject partial dates|
        |OBX-14|result.observed_at|fallback to OBR-7|
        """.replace("{v}", f"0.{r.randint(2, 9)}"), who=staff_n(r.staff()), who2=staff_n(r.staff()))


# ======================================================================================
# family: jira_log (application logs, stack traces)
# ======================================================================================

def logts(r, back, fmt="%Y-%m-%d %H:%M:%S"):
    return r.ts(fmt, back) + f",{r.randint(0, 999):03d}"


@tpl("jira_log", True)
def t_jira_log_java_duplicate_mrn(r):
    p = r.person()
    mrn = r.mrn("d8")
    thread = f"http-nio-8443-exec-{r.randint(1, 40)}"
    return T("""
        Merge job fails for one pair every night since the EMPI upgrade. From {{registration-svc}} (pod {pod}):

        {noformat}
        «t1» ERROR [«th»] c.h.r.merge.PatientMergeService - merge «uuid» failed
        org.springframework.dao.DataIntegrityViolationException: could not execute statement; constraint [uq_patient_mrn]; nested exception is org.hibernate.exception.ConstraintViolationException: Duplicate entry '«mrn»' for key 'uq_patient_mrn' (surviving=«name» dob=«dob»)
        	at org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:59)
        	at org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:113)
        	at com.harbor.registration.merge.PatientMergeService.merge(PatientMergeService.java:«ln»)
        	at com.harbor.registration.merge.NightlyMergeJob.run(NightlyMergeJob.java:77)
        	at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
        «t2» WARN  [«th»] c.h.r.merge.NightlyMergeJob - 1 of «n» merges failed, see above
        {noformat}

        The two charts are the same person (same SSN ending «last4», same address); HIM already confirmed. Can we merge by hand and fix the constraint check order?
        """.replace("{pod}", f"registration-svc-{r.uuid()[:10]}-{r.letters(5).lower()}"),
             t1=logts(r, 5), t2=logts(r, 4), th=thread, uuid=r.uuid(), mrn=P(mrn, "mrn"),
             name=pn(f"{fold(p.family).upper()}, {fold(p.given).upper()}"), dob=P(fd(p.dob, "iso"), "date"),
             ln=str(r.randint(150, 400)), n=str(r.randint(20, 300)), last4=D(p.ssn[-4:], "ssn_last4"))


@tpl("jira_log", True)
def t_jira_log_json_lines(r):
    lines = []
    ps = [r.person() for _ in range(r.randint(2, 3))]
    for p in ps:
        lines.append(['{"@timestamp":"', r.ts("%Y-%m-%dT%H:%M:%S.", r.randint(1, 50)) + f'{r.randint(0, 999):03d}Z",',
                      '"log.level":"WARN","service":"eligibility-api","trace.id":"', r.uuid().replace("-", ""),
                      '","message":"270 timeout, cached response used","member":{"id":"', P(p.member, "health_plan_id"),
                      '","name":"', pn(f"{p.given} {p.family}"), '","dob":"', P(fd(p.dob, "iso"), "date"),
                      '"},"payer":"', r.choice(PAYERS)[0], '","elapsed_ms":', str(r.randint(3000, 31000)), '}'])
    return T("""
        **Eligibility API logs full member object at WARN level**

        We agreed in the design review to log only the request id. Kibana shows this (index `elig-prod-*`, last hour):

        ```json
        «lines»
        ```
        Please mask `member.*` in the `LoggingInterceptor` and purge the index per the retention runbook. Assigning to «a».
        """, lines=J("\n", lines), a=staff_n(r.staff()))


@tpl("jira_log", True)
def t_jira_log_nginx_portal(r):
    fac, p = r.fac(), r.person()
    pid_ = r.digits(7, True)
    ip = r.ip_public()
    host = f"portal.{fac[2]}"
    url1 = f"https://{host}/mychart/patient/{pid_}/documents"
    path = f"/api/v2/patients/{pid_}/documents/{r.digits(6)}/download"
    ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
    lines = []
    for i in range(3):
        lines.append([P(ip, "ip_address"), " - - [", r.ts("%d/%b/%Y:%H:%M:%S +0000", 30 - i * 3), '] "GET ',
                      P(path if i else f"/mychart/patient/{pid_}/documents", "url"), ' HTTP/2.0" ',
                      r.choice(["200", "200", "206"]), " ", str(r.randint(900, 90000)), ' "', P(url1, "url"), '" "', ua, '"'])
    return T("""
        h3. Patient says {she} saw documents that are not {hers}
        *Reporter:* «rep» (Patient Experience)   *Security level:* Privacy

        «name» (portal login «email») called on «called». {She} opened Documents and saw a letter for a different person. {Her} access from the edge proxy:

        {noformat}
        «lines»
        {noformat}
        The document ids in the download calls belong to another chart. Possibly the CDN cache key ignores the session cookie. Upstream: {{{up}}}.
        """.replace("{up}", f"{r.ip_private()}:8080").replace("{she}", she(p)).replace("{She}", she(p).capitalize())
             .replace("{hers}", "hers" if p.sex == "F" else "his").replace("{Her}", her(p).capitalize()), rep=staff_n(r.staff()), name=pn(full(p)), email=P(p.email, "email"),
             called=D(fd(r.day(back=2), "long"), "event_date"), lines=J("\n", lines))


@tpl("jira_log", True)
def t_jira_log_python_traceback(r):
    p = r.person()
    task = r.uuid()
    rec = ["{'first_name': '", pn(p.given), "', 'last_name': '", pn(p.family), "', 'dob': '",
           P(fd(p.dob, "iso"), "date"), "', 'ssn': '", P(p.ssn.replace("-", ""), "ssn"), "', 'phone': '",
           P(phone_fmt(p.phone, "dash"), "phone"), "', 'zip': '", P(p.zip, "zip_code"), "'}"]
    return T("""
        Celery worker crashes on one row of the enrollment file from the broker - traceback attached below (from Sentry, issue ENRL-{n}).

        ```
        [«ts»: ERROR/ForkPoolWorker-3] Task enrollment.tasks.import_row[«task»] raised unexpected: ValueError("time data '«bad»' does not match format '%m/%d/%Y'")
        Traceback (most recent call last):
          File "/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", line 477, in trace_task
            R = retval = fun(*args, **kwargs)
          File "/app/enrollment/tasks.py", line 88, in import_row
            member = build_member(record)
          File "/app/enrollment/mapping.py", line 41, in build_member
            eff = datetime.strptime(record["effective"], "%m/%d/%Y")
        ValueError: time data '«bad»' does not match format '%m/%d/%Y'
        record = «rec»
        ```
        Sentry's data scrubber didn't catch the `record` local because the key is not in the deny list. We should add `record` and purge.
        """.replace("{n}", str(r.randint(100, 999))), ts=r.ts("%Y-%m-%d %H:%M:%S,%f")[:-3], task=task,
             bad=f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.now.year}T00:00", rec=rec)


@tpl("jira_log", True)
def t_jira_log_kafka_dump(r):
    fac, p = r.fac(), r.person(age=(90, 99))
    adm = r.now - dt.timedelta(hours=r.randint(2, 20))
    return T("""
        kcat output for the stuck offset (partition 7). The consumer dies on `age` being a string:

            $ kcat -C -b {broker}:9092 -t adt.events.v2 -p 7 -o {off} -c 1 -f 'key=%k headers=%h\\n%s\\n'
            key=«mrn» headers=source=epic,type=A01,schema=3
            {"eventType":"ADMIT","facility":"«fac»","patient":{"mrn":"«mrn2»","name":"«name»","age":"«age»","sex":"«sex»"},"encounter":{"csn":"«csn»","admitTime":"«adm»","unit":"«unit»"}}

        Schema v3 says `age` is an int. Producer fix in «who»'s PR; until then I skip the offset with the reset tool.
        """.replace("{broker}", f"kafka-{r.randint(1, 5)}.int").replace("{off}", str(r.randint(10 ** 6, 10 ** 7))),
             mrn=P(p.mrn, "mrn"), mrn2=P(p.mrn, "mrn"), fac=fac_n(fac, True), name=pn(full(p)), age=P(str(p.age), "age_over_89"),
             sex=p.sex, csn=P(r.digits(10, True), "account_number"), adm=P(adm.strftime("%Y-%m-%dT%H:%M:00"), "date"),
             unit=r.choice(["4W", "5E", "MICU", "TELE2"]), who=staff_n(r.staff()))


@tpl("jira_log", False)
def t_jira_log_npe_findbymrn(r):
    cid = r.uuid()
    return T("""
        NPE in PatientService.findByMrn after upgrade to «ver»

        {code:java}
        «t1» ERROR [«th»] [corr=«cid»] c.h.c.api.ErrorHandler - Unhandled exception on GET /api/v1/patients/by-mrn
        java.lang.NullPointerException: Cannot invoke "com.harbor.core.identity.Mrn.normalized()" because "mrn" is null
        	at com.harbor.core.patient.PatientService.findByMrn(PatientService.java:«ln»)
        	at com.harbor.core.patient.PatientController.byMrn(PatientController.java:58)
        	at jdk.internal.reflect.GeneratedMethodAccessor412.invoke(Unknown Source)
        	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
        «t2» INFO  [«th»] [corr=«cid»] c.h.c.api.AccessLog - «ip» GET /api/v1/patients/by-mrn?mrn= 500 «ms»ms
        {code}
        Happens when the query param is empty; before «ver» the validator rejected it with a 400. Build #«b», node {{app-«node»}}, {port}.
        """.replace("{port}", f"port {r.randint(8000, 9000)}"), ver=f"4.{r.randint(1, 9)}.{r.randint(0, 20)}",
             t1=logts(r, 3), t2=logts(r, 3), th=f"http-nio-8080-exec-{r.randint(1, 50)}", cid=cid,
             ln=str(r.randint(90, 300)), ip=r.ip_private(), ms=str(r.randint(3, 90)), b=str(r.randint(1000, 9999)),
             node=f"{r.randint(1, 9):02d}")


@tpl("jira_log", False)
def t_jira_log_k8s_events(r):
    pod = f"fhir-gateway-{r.uuid()[:10]}-{r.letters(5).lower()}"
    img = f"registry.int/fhir-gateway:{r.randint(2, 3)}.{r.randint(0, 14)}.{r.randint(0, 9)}-b{r.randint(100, 999)}"
    return T("""
        Gateway pods crashloop in `prod-east` since the 02:00 deploy.

        ```
        $ kubectl -n clinical get events --sort-by=.lastTimestamp | tail -5
        LAST SEEN   TYPE      REASON      OBJECT                              MESSAGE
        4m12s       Normal    Pulled      pod/{pod}   Container image "{img}" already present on machine
        4m11s       Warning   BackOff     pod/{pod}   Back-off restarting failed container
        3m58s       Warning   Unhealthy   pod/{pod}   Readiness probe failed: Get "http://{ip}:8081/actuator/health": dial tcp {ip}:8081: connect: connection refused
        2m02s       Normal    Killing     pod/{pod}   Container gateway failed liveness probe, will be restarted
        $ kubectl -n clinical logs {pod} --previous | tail -2
        Caused by: java.lang.IllegalStateException: Keystore /etc/tls/keystore.p12 password mismatch
        Exiting with code 1
        ```
        Secret rotated at 01:55 by the vault job. Rolled back to the previous image; RCA owner «o».
        """.replace("{pod}", pod).replace("{img}", img).replace("{ip}", r.ip_private()), o=staff_n(r.staff()))


@tpl("jira_log", False)
def t_jira_log_audit_hashes(r):
    fac = r.fac()
    rows = []
    for i in range(r.randint(4, 6)):
        s = r.staff()
        rows.append([r.ts("%Y-%m-%dT%H:%M:%SZ", 60 - i * 7), "  user=", D(s.handle, "person_name"), "  role=",
                     r.choice(["RN", "MD", "REG", "HIM", "PHARM"]), "  action=", r.choice(["VIEW", "PRINT", "EXPORT", "VIEW"]),
                     "  subject=sha256:", "%064x" % r.getrandbits(256), "  ws=", f"WS{r.randint(1000, 9999)}",
                     "  ip=", r.ip_private()])
    return T("""
        Privacy audit export format v2 (sample from TEST, hashed subjects only) - for review by «rev»

        {noformat}
        «rows»
        {noformat}
        Subjects are salted SHA-256 of the enterprise id, salt rotates monthly (KMS key {kid}). Workstation and IP are the «f» internal ones.
        """.replace("{kid}", r.uuid()), rev=staff_n(r.staff()), rows=J("\n", rows), f=fac_n(fac, True))


@tpl("jira_log", False)
def t_jira_log_slow_query(r):
    return T("""
        Slow query on the encounter lookup - postgres log from `pg-clin-02`:

        ```
        «t» UTC [«pid»] app=encounter-svc user=svc_enc db=clinical LOG:  duration: «ms» ms  execute S_14: SELECT e.id, e.csn, e.admit_ts, p.mrn FROM encounter e JOIN patient p ON p.id = e.patient_id WHERE p.mrn = $1 AND e.status <> 'CANCELLED' ORDER BY e.admit_ts DESC LIMIT 20
        «t» UTC [«pid»] app=encounter-svc user=svc_enc db=clinical DETAIL:  parameters: $1 = '<redacted>'
        ```
        `patient.mrn` lost its index in migration V{mig}__split_identity.sql (the index moved to `patient_identifier`). Plan shows a seq scan over {rows}M rows. Fix: query `patient_identifier` or recreate `ix_patient_mrn`.
        """.replace("{mig}", str(r.randint(120, 260))).replace("{rows}", str(r.randint(2, 40))),
             t=r.ts("%Y-%m-%d %H:%M:%S.%f")[:-3], pid=str(r.randint(1000, 65000)), ms=f"{r.randint(2000, 90000)}.{r.randint(100, 999)}")


# ======================================================================================
# family: confluence_table (census tables, directories)
# ======================================================================================

def age_piece(age):
    return P(str(age), "age_over_89") if age >= 90 else str(age)


@tpl("confluence_table", True)
def t_confluence_table_census_wiki(r):
    fac = r.fac()
    rows = []
    for _ in range(r.randint(4, 6)):
        p = r.person(age=r.choice([(30, 88), (60, 89), (90, 102)]))
        att = r.staff("MD")
        dx = r.icd(1)[0]
        adm = r.day(back=8)
        rows.append(["|", f"{r.choice(['4W', '5E', '6N'])}-{r.randint(401, 440)}{r.choice('AB')}", "|", pn(full(p)), "|",
                     P(p.mrn, "mrn"), "|", age_piece(p.age), "|", P(fd(adm, "us_short"), "date"), "|", staff_n(att), "|",
                     D(dx[1], "condition"), "|", r.choice(["full code", "DNR/DNI", "DNR", "full code"]), "|"])
    return T("""
        h1. «unit» Census - night handoff
        {status:colour=Red|title=Internal - PHI}  Updated by charge RN each shift. Do not export.

        ||Bed||Patient||MRN||Age||Admit||Attending||Dx||Code||
        «rows»

        {note}Isolation rooms are marked on the whiteboard only.{note}
        """, unit=[fac_n(fac, True), " ", r.choice(["4 West", "5 East", "6 North"])], rows=J("\n", rows))


@tpl("confluence_table", True)
def t_confluence_table_census_html(r):
    fac = r.fac()
    rows = []
    for _ in range(r.randint(3, 5)):
        p = r.person(age=(40, 99))
        iso = r.choice(["Contact", "Droplet", "None", "None"])
        colour = "Red" if iso != "None" else "Grey"
        rows.append(["<tr><td>", str(r.randint(300, 399)), "</td><td>", pn(f"{p.family}, {p.given}"), "</td><td>",
                     P(fd(p.dob, "us"), "date"), "</td><td>", P(p.mrn, "mrn"),
                     '</td><td><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">', colour,
                     '</ac:parameter><ac:parameter ac:name="title">', iso, "</ac:parameter></ac:structured-macro></td><td>",
                     D(r.med(1)[0], "medication"), "</td></tr>"])
    return T("""
        <h2>Step-down unit - high-alert meds</h2>
        <p>Source view of the page (copied for the storage-format bug, the status lozenges break the table on mobile):</p>
        <table><tbody>
        <tr><th>Rm</th><th>Name</th><th>DOB</th><th>MRN</th><th>Isolation</th><th>High-alert med</th></tr>
        «rows»
        </tbody></table>
        <p>Page owner: «own»</p>
        """, rows=J("\n", rows), own=staff_n(r.staff("RN")))


@tpl("confluence_table", True)
def t_confluence_table_followup_md(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        p = r.person()
        dis = r.day(back=5)
        rows.append(["| ", pn(full(p)), " | ", ph(r, p.cell), " | ", P(fd(dis, r.choice(["us", "iso", "abbr"])), "date"), " | ",
                     staff_n(r.staff("MD"), True), " | ", r.choice(["yes", "no answer x2", "left VM", "wrong number", "-"]), " |"])
    return T("""
        ## 48h post-discharge calls - «who»

        | Patient | Best phone | Discharged | PCP | Reached? |
        |---|---|---|---|---|
        «rows»

        > Script: confirm meds picked up, follow-up booked, red flags. Escalate to the transitions RN pool if no answer after 2 tries.
        """, who=staff_n(r.staff("RN")), rows=J("\n", rows))


@tpl("confluence_table", True)
def t_confluence_table_expand_bullets(r):
    items = []
    for _ in range(r.randint(3, 4)):
        p = r.person(age=(70, 101))
        rel = r.relative(p)
        agep = [P(str(p.age), "age_over_89"), " y/o"] if p.age >= 90 else [str(p.age), " y/o"]
        items.append(["* *Rm ", str(r.randint(401, 460)), "* - ", pn(full(p)), ", ", agep, " ", p.sex, ", ",
                      D(r.icd(1)[0][1], "condition"), ". Contact: ", kin(rel, p),
                      " ", pn(full(rel)), " ", ph(r, rel.cell), ". ", r.choice(["Falls risk.", "NPO after midnight.", "Sitter ordered.", "Goals-of-care talk pending."])])
    return T("""
        {expand:title=Weekend handoff - 4 West (click to open)}
        {panel:bgColor=#fffae6}
        Only for the weekend charge nurses. Remove on Monday.
        {panel}
        «items»
        {expand}
        """, items=J("\n", items))


@tpl("confluence_table", True)
def t_confluence_table_dialysis_chairs(r):
    rows = []
    for i in range(r.randint(4, 6)):
        p = r.person()
        rows.append(["|", str(i + 1), "|", r.choice(["MWF", "TTS"]), " ", r.choice(["06:00", "10:30", "15:00"]), "|",
                     pn(f"{fold(p.family).upper()}, {p.given}"), "|", P(p.mrn, "mrn"), "|",
                     r.choice(["Access-A-Ride", "family", "taxi voucher", "self"]), " ", ph(r, p.phone), "|",
                     r.choice(["AVF L arm", "tunneled cath R IJ", "AVG R arm"]), "|"])
    return T("""
        *Outpatient dialysis - chair assignments* ({fac})
        ||Chair||Slot||Patient||MRN||Transport||Access||
        «rows»
        Changes: message the unit clerk. Last updated «when».
        """.replace("{fac}", r.fac()[1]), rows=J("\n", rows), when=r.ts("%d %b %Y"))


@tpl("confluence_table", True)
def t_confluence_table_interpreter_schedule(r):
    cults = r.sample(sorted(k for k, v in CULTURES.items() if "native" in v), 8)
    lang = {"arabic": "Arabic", "ukrainian": "Ukrainian", "russian": "Russian", "korean": "Korean", "chinese": "Mandarin",
            "japanese": "Japanese", "hindi": "Hindi", "hebrew": "Hebrew"}
    rows = []
    t0 = (r.now + dt.timedelta(days=1)).replace(hour=8, minute=0)
    for i, c in enumerate(cults):
        p = r.person(culture=c, native_ok="force")
        t = t0 + dt.timedelta(minutes=40 * i)
        rows.append(["|", P(t.strftime("%m/%d %H:%M"), "date"), "|", pn(full(p)), "|", pn(p.native), "|", lang[c], "|",
                     P(p.mrn, "mrn"), "|", r.choice(["Cardiology", "Oncology infusion", "Pre-op", "Endocrine", "Wound care"]), "|",
                     r.choice(["in person", "video", "phone"]), "|"])
    return T("""
        h2. Interpreter services - tomorrow's scheduled sessions
        Names "as written" are copied from the registration alias field so the interpreter can confirm identity at check-in.
        ||Appt||Patient||Name as written||Language||MRN||Clinic||Modality||
        «rows»
        Coordinator on duty: «c» («cx»). Cancellations after 16:00 go to the vendor line.
        """, rows=J("\n", rows), c=staff_n(r.staff()), cx=D(r.staff().ext, "staff_contact"))


@tpl("confluence_table", False)
def t_confluence_table_oncall(r):
    fac = r.fac()
    rows = []
    for svc in r.sample(["Cardiology", "Nephrology", "Hospitalist A", "Hospitalist B", "Neurology", "General Surgery",
                         "Interventional Radiology", "Pharmacy", "Interface Team", "Epic Analyst"], 6):
        a, b = r.staff(), r.staff()
        rows.append(["|", svc, "|", staff_n(a), "|", D(a.pager, "staff_contact"), "|", staff_n(b), "|",
                     D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"), "|", staff_mail(a, fac), "|"])
    return T("""
        h2. On-call this week ({wk})
        ||Service||Primary||Pager||Backup||Backup cell||Email||
        «rows»

        Operator: dial 0 from any house phone. Page the AOD through the operator for anything not listed.
        """.replace("{wk}", r.now.strftime("week of %b %d")), rows=J("\n", rows))


@tpl("confluence_table", False)
def t_confluence_table_provider_directory(r):
    fac = r.fac()
    rows = []
    for spec in r.sample(["Family Medicine", "Endocrinology", "Geriatrics", "OB/GYN", "Pediatrics", "Podiatry", "Oncology"], 5):
        s = r.staff("MD")
        c = r.choice(CITIES)
        rows.append(["| ", staff_n(s, True), " | ", spec, " | ", D(s.npi, "npi"), " | ",
                     D(f"{r.randint(10, 9999)} {r.choice(STREETS)} {r.choice(SUFFIXES)}, Suite {r.randint(100, 450)}", "facility_address"),
                     ", ", D(c[0], "facility_address"), ", ", D(c[1], "state"), " | ", D(phone_fmt(r.phone_parts(), "paren"), "staff_contact"),
                     " | ", r.choice(["yes", "no", "waitlist"]), " |"])
    return T("""
        ### Referral directory - accepting new patients
        | Provider | Specialty | NPI | Clinic | Clinic phone | New pts |
        |---|---|---|---|---|---|
        «rows»

        NPIs checked against NPPES on «d». Fax referrals through the e-fax queue, not the clinic line.
        """, rows=J("\n", rows), d=r.ts("%m/%d/%Y"))


@tpl("confluence_table", False)
def t_confluence_table_bed_board(r):
    rows = []
    for _ in range(r.randint(6, 9)):
        st = r.choice(["Dirty", "Cleaning", "Clean - ready", "Blocked (maintenance)", "Occupied", "Isolation clean"])
        rows.append(["|", f"{r.choice(['3', '4', '5'])}{r.randint(10, 60)}", "|", st, "|", r.ts("%H:%M", r.randint(0, 300)), "|",
                     staff_n(r.staff()) if st.startswith("Clean") else "-", "|", str(r.randint(18, 95)) + " min", "|"])
    return T("""
        *EVS turnover board - snapshot* (times are last status change)
        ||Room||Status||Since||EVS tech||Turnaround||
        «rows»
        Target turnaround 45 min; escalate to the EVS lead on ext. 4410 after 90 min.
        """, rows=J("\n", rows))


@tpl("confluence_table", False)
def t_confluence_table_interface_inventory(r):
    rows = []
    for name, vendor in r.sample([("ADT feed to HIE", "Rhapsody"), ("Lab results in", "Sunquest"), ("Rad orders out", "Mirth"),
                                  ("Pharmacy dispense", "Omnicell"), ("Immunization registry", "Iguana"),
                                  ("Charges to billing", "Cloverleaf"), ("Transcription in", "Nuance")], 5):
        rows.append(f"| {name} | {vendor} | {r.ip_private()} | {r.randint(5000, 7999)} | {r.choice(['MLLP', 'MLLP/TLS', 'SFTP', 'HTTPS'])} | ")
        rows[-1] = [rows[-1], staff_n(r.staff()), " |"]
    return T("""
        ## Interface inventory (prod)
        | Interface | Engine/vendor | Host | Port | Transport | Owner |
        |---|---|---|---|---|---|
        «rows»

        Firewall rules are tracked in NETOPS; certificates expire on the dates in the cert register.
        """, rows=J("\n", rows))


# ======================================================================================
# family: confluence_page (runbooks, post-mortems, guidelines, release notes)
# ======================================================================================

@tpl("confluence_page", True)
def t_confluence_page_postmortem_merge(r):
    fac = r.fac()
    sr = r.person(age=(60, 85), sex="M")
    jr = r.relative(sr, age=(25, 45))
    jr.given, jr.family, jr.sex = sr.given, sr.family, "M"
    jr.phone = sr.phone
    when = r.day(back=20)
    tl = []
    t0 = r.randint(7, 11)
    for i, ev in enumerate(["EMPI auto-link job runs, score 0.93 (threshold 0.90)", "ED registers son, chart shows father's allergies",
                            f"Pharmacist flags warfarin on a {jr.age}-year-old", "HIM unmerges charts", "Downstream A37 unlink sent to all subscribers"]):
        tl.append(["|", f"{t0 + i:02d}:{r.choice(['05', '20', '40', '52'])}", "|", ev, "|", staff_n(r.staff()), "|"])
    return T("""
        h1. Post-incident review - wrong-patient link in EMPI
        {info}Severity 2 | Incident date «when» | Facilitator «fac_p» | Status: final{info}

        h2. What happened
        The EMPI linked *«n1»* (MRN «m1», DOB «d1») and his son *«n2» Jr.* (MRN «m2», DOB «d2»). Same name, same address («a»), same home phone «ph». Only the birth date differed.

        h2. Timeline
        ||Time||Event||Who||
        «tl»

        h2. Why
        Name + address + phone outweighed a DOB mismatch of «gap» years. Generational suffix is dropped at registration because the field is not in the quick-reg form.

        h2. Actions
        * Add suffix to quick registration - owner «o1»
        * Hard DOB disagreement > 1 year blocks auto-link - owner «o2»
        """, when=D(fd(when, "long"), "event_date"), fac_p=staff_n(r.staff()), n1=pn(full(sr)), m1=P(sr.mrn, "mrn"),
             d1=P(fd(sr.dob, "us"), "date"), n2=pn(full(jr)), m2=P(jr.mrn, "mrn"), d2=P(fd(jr.dob, "us"), "date"),
             a=addr(sr), ph=ph(r, sr.phone), tl=J("\n", tl), gap=str(sr.dob.year - jr.dob.year).lstrip("-"),
             o1=staff_n(r.staff()), o2=staff_n(r.staff()))


@tpl("confluence_page", True)
def t_confluence_page_runbook_example(r):
    fac, p = r.fac(), r.person()
    visit = r.account()
    adm = r.day(back=4)
    return T("""
        = Runbook: re-sending an ADT to downstream systems =

        *When:* a unit reports that a patient is missing from the bed board / dietary / pharmacy.

        # Find the encounter in the engine: *Messages > Search*, field {{PID-3}} = the MRN.
        # Check the outbound route status. {{ERROR}} means the downstream NAK'd; read MSA-3.
        # Re-send with the CLI:
        {code:bash}
        ie-cli resend --route ADT_OUT_DIETARY --mrn «mrn» --visit «visit» --since «since»
        {code}
        # Confirm on the bed board.

        h3. Worked example (from last week, leave it, it helps new analysts)
        Dietary had no tray for «name» (DOB «dob»), admitted «adm» to «fac». Route showed {{AR - PV1-3 bed not in table}}. Added the bed, re-sent as above, tray ordered at 11:40. Ticket by «who».
        """, mrn=P(p.mrn, "mrn"), visit=P(visit, "account_number"), since=P(fd(adm, "iso"), "date"), name=pn(full(p)),
             dob=P(fd(p.dob, r.choice(["us", "long", "dmon"])), "date"), adm=P(fd(adm, "abbr"), "date"), fac=fac_n(fac),
             who=staff_n(r.staff()))


@tpl("confluence_page", True)
def t_confluence_page_research_log(r):
    rows = []
    for i in range(r.randint(4, 6)):
        p = r.person(age=(40, 92))
        consent = r.day(back=120)
        rows.append(["| ", D(f"HF-{r.randint(100, 999)}-{i + 1:03d}", "internal_id"), " | ", pn(full(p)), " | ",
                     P(fd(p.dob, "iso"), "date"), " | ", ph(r, p.cell), " | ", P(fd(consent, "iso"), "date"), " | ",
                     r.choice(["enrolled", "screen fail", "withdrawn", "enrolled"]), " |"])
    return T("""
        # HF-REMOTE study - enrollment tracker (coordinators only)

        > IRB #{irb}. Keep this page restricted. The master linking log lives in REDCap; this is the working copy for call scheduling.

        | Subject | Name | DOB | Phone | Consented | Status |
        |---|---|---|---|---|---|
        «rows»

        PI: «pi» · Coordinator: «co»
        """.replace("{irb}", f"{r.now.year}-{r.randint(100, 999)}"), rows=J("\n", rows), pi=staff_n(r.staff("MD"), True),
             co=staff_n(r.staff()))


@tpl("confluence_page", True)
def t_confluence_page_billing_faq(r):
    p = r.person()
    g = r.relative(p, age=(30, 70))
    svc1 = r.day(back=90)
    svc2 = svc1 + dt.timedelta(days=r.randint(1, 20))
    return T("""
        h2. FAQ - why does one guarantor get two statements?

        Statements are produced per *guarantor account*, not per person. When registration creates a new guarantor instead of picking the existing one, the family gets two.

        *Real example we fixed (copy of the case notes):*
        * Guarantor «g» - account «a1» (service «s1») and account «a2» (service «s2»)
        * Patient on both: «p», DOB «dob»
        * Fix: combine under «a1b», refund the duplicate copay of $«amt»

        h3. How to spot it
        Run the {{GUAR_DUP}} report weekly; anything with the same guarantor SSN and two active accounts is a candidate. Owner: «o».
        """, g=pn(full(g)), a1=P(p.acct, "account_number"), s1=P(fd(svc1, "us"), "date"),
             a2=P(r.account(), "account_number"), s2=P(fd(svc2, "us"), "date"), p=pn(full(p)),
             dob=P(fd(p.dob, "us"), "date"), a1b=P(p.acct, "account_number"), amt=f"{r.randint(20, 80)}.00",
             o=staff_n(r.staff()))


@tpl("confluence_page", False)
def t_confluence_page_release_notes(r):
    v = f"{r.now.year}.{r.randint(1, 4)}.{r.randint(0, 9)}"
    items = []
    for txt in r.sample([
            "Faster MRN lookups in the patient search (index on patient_identifier)",
            "New HL7 ADT^A40 merge handling in the EMPI sync",
            "Fixed: discharge date not shown when PV1-45 has a time zone",
            "Upgraded Spring Boot to 3.3.4 and Jackson to 2.17.2",
            "Fixed: FHIR Patient search by birthdate ignored the 'ge' prefix",
            "Removed deprecated /v1/eligibility endpoint",
            "Printing labels now uses the Zebra ZPL driver 2.9"], r.randint(4, 6)):
        items.append(["* ", f"[PHIG-{r.randint(100, 2000)}] ", txt, " (", staff_n(r.staff()), ")"])
    return T("""
        h1. Release «v» - «date»
        {status:colour=Green|title=Deployed}  Build {b}, tag {{v«v»}}, deployed to PROD at 06:10 CT.

        h2. Changes
        «items»

        h2. Known issues
        * Label printers on 5E need the new driver; Desktop Support is pushing it (CHG{chg}).

        Rollback plan: redeploy {{v{prev}}} from Artifactory; DB migrations are backward compatible.
        """.replace("{b}", str(r.randint(1000, 9999))).replace("{chg}", r.digits(7)).replace("{prev}", v[:-1] + str(max(0, int(v[-1]) - 1))),
             v=v, date=r.ts("%B %d, %Y"), items=J("\n", items))


@tpl("confluence_page", False)
def t_confluence_page_guideline(r):
    return T("""
        h1. Community-acquired pneumonia - inpatient pathway (adults)
        _Owner: Antimicrobial Stewardship. Reviewed annually._

        h2. Who this applies to
        Adults admitted with «d:condition:community-acquired pneumonia» («d:diagnosis_code:J18.9», «d:diagnosis_code:J15.9», «d:diagnosis_code:J13»). Not for «d:condition:hospital-acquired pneumonia» («d:diagnosis_code:Y95»).

        h2. Severity
        * CURB-65: confusion, urea > 7 mmol/L, RR >= 30, BP < 90/60, age >= 65.
        * Patients aged 90 and older: consider goals of care early; aspiration risk is higher.

        h2. Empiric therapy
        ||Setting||First line||Penicillin allergy||
        |Ward|«d:medication:ceftriaxone 1 g IV daily» + «d:medication:azithromycin 500 mg»|«d:medication:levofloxacin 750 mg daily»|
        |ICU|«d:medication:ceftriaxone 2 g IV» + «d:medication:azithromycin»|«d:medication:aztreonam» + «d:medication:levofloxacin»|
        |MRSA risk|add «d:medication:vancomycin» per pharmacy dosing|same|

        h2. Duration
        Minimum 5 days and afebrile 48 h. Switch to oral when tolerating diet. Contact stewardship pager «pg» with questions.
        """, pg=D(f"{r.randint(200, 899)}-{r.digits(4)}", "staff_contact"))


@tpl("confluence_page", False)
def t_confluence_page_architecture(r):
    return T("""
        # Integration platform - architecture overview

        ```
        [Epic] --MLLP/TLS--> [Rhapsody {ip1}:{p1}] --> [Kafka adt.events.v2] --> [fhir-gateway (k8s, 3 pods)]
                                                                          \\--> [EMPI {ip2}:443]
        ```

        | Component | URL | Notes |
        |---|---|---|
        | FHIR gateway | https://fhir.int.example-health.org/r4/metadata | CapabilityStatement only is public |
        | Rhapsody admin | https://{ip1}:8444/ | VPN + AD group INT-ADMIN |
        | Kafka UI | http://kafka-ui.int:8080/ | read-only |
        | Grafana | https://grafana.int/d/{uid}/integration | dashboard id {uid} |

        * Service accounts are rotated every 90 days (vault path `secret/integration/*`).
        * Request correlation: header `X-Correlation-Id`, UUID v4, e.g. `{u}`.
        * Maintainers: «m1», «m2».
        """.replace("{ip1}", r.ip_private()).replace("{ip2}", r.ip_private()).replace("{p1}", str(r.randint(5000, 7999)))
             .replace("{uid}", r.letters(9).lower()).replace("{u}", r.uuid()), m1=staff_n(r.staff()), m2=staff_n(r.staff()))


@tpl("confluence_page", False)
def t_confluence_page_identifier_glossary(r):
    return T("""
        h2. Identifier glossary (for analysts and testers)

        ||Identifier||Format||Example for test data||Notes||
        |MRN|8 digits, zero-padded|{{00000000}} / {{NNNNNNNN}}|assigned by the EMPI; never reuse|
        |SSN|AAA-GG-SSSS|{{123-45-6789}}|only in registration; do not copy into tickets|
        |MBI|11 chars, no S, L, O, I, B, Z|{{1EG4-TE5-MK73}} (CMS sample)|replaces the HICN on Medicare cards|
        |NPI|10 digits, Luhn with prefix 80840|{{1234567893}}|provider, not patient|
        |Phone|NANP|{{555-0100}} .. {{555-0199}}|the fictional range|
        |ZIP|5 or 9 digits|{{00000}}|use a real ZIP only for address validation tests|

        {tip}If you need realistic-looking test patients, use the synthetic generator in the QA repo instead of copying from PROD.{tip}
        Page maintained by «m».
        """, m=staff_n(r.staff()))


# ======================================================================================
# family: support_ticket (Jira Service Management requests from patients and families)
# ======================================================================================

@tpl("support_ticket", True)
def t_support_ticket_portal_form(r):
    p = r.person()
    svc = r.day(back=45)
    return T("""
        Request type: Billing question
        Raised by: «rb» (customer)   Channel: Portal   Request participants: none

        Patient full name
        «name»
        Date of birth
        «dob»
        Account number on your statement
        «acct»
        Best phone number
        «phone»
        Email
        «email»
        What can we help with?
        i was charged twice for the same visit on «svc» , once on my card and again on the statement. the 2nd one says self pay but i have insurance thru my job. pls fix befor it goes to collections

        ---
        Agent «ag» - internal note: duplicate payment confirmed in PB, refund request sent to cash posting.
        """, rb=pn(full(p)), name=pn(full(p)), dob=P(fd(p.dob, r.choice(["us_short", "us_nopad", "us"])), "date"),
             acct=P(p.acct, "account_number"), phone=ph(r, p.cell), email=P(p.email, "email"),
             svc=P(fd(svc, r.choice(["us_short", "us_nopad"])), "date"), ag=staff_n(r.staff()))


@tpl("support_ticket", True)
def t_support_ticket_parent_prose(r):
    mom = r.person(age=(25, 45), sex="F")
    kid = r.relative(mom, age=(4, 15), sex="M")
    kid.family = mom.family
    visit = r.day(back=10)
    nm = full(kid).lower()
    return T("""
        hi, my son «kid» was seen in the ER on «visit» for his asthma and the doctor said they would send the school form but nobody did. his mrn on the paper is «mrn». his birthday is «dob». i called 3 times already. you can text me at «ph» or email «em»
        thank you
        «sig»
        sent from my iphone
        """, kid=pn(nm), visit=P(fd(visit, "us_short"), "date"), mrn=P(kid.mrn, "mrn"),
             dob=P(fd(kid.dob, r.choice(["long", "us_nopad"])).lower(), "date"), ph=ph(r, mom.cell, r.choice(["raw", "dot", "dash"])),
             em=P(mom.email, "email"), sig=pn(mom.given.lower() if r.random() < 0.5 else full(mom)))


@tpl("support_ticket", True)
def t_support_ticket_spanish(r):
    hija = r.person(age=(30, 55), culture="mexican", sex="F")
    madre = r.relative(hija, age=(91, 99), sex="F")
    cita = r.day(fwd=20)
    return T("""
        Asunto: cita de mi mamá - cambio de fecha

        Buenas tardes, les escribo por mi madre «madre», tiene «edad» años y no puede venir sola. Su fecha de nacimiento es «fn» y su número de expediente es «exp». Tiene cita el «cita» con el cardiólogo pero ese día no tengo quien la lleve.
        ¿Se puede cambiar para la semana siguiente? Mi teléfono es «tel» (celular, WhatsApp también). Vivimos en «dom».
        Gracias,
        «hija»

        --
        Agente «ag»: llamé a la hija el «llamada», nueva cita confirmada.
        """, madre=pn(full(madre)), edad=P(str(madre.age), "age_over_89"), fn=P(fd(madre.dob, "dmy"), "date"),
             exp=P(madre.mrn, "mrn"), cita=P(fd(cita, "es"), "date"),
             tel=r.choice([ph(r, hija.cell, r.choice(["paren", "dash", "plus1"])),
                           P(f"+52 {r.choice(['55', '33', '81', '656'])} {r.digits(4)} {r.digits(4)}", "phone")]),
             dom=addr(hija), hija=pn(full(hija)), ag=staff_n(r.staff()), llamada=D(fd(r.day(), "dmy"), "event_date"))


@tpl("support_ticket", True)
def t_support_ticket_portuguese(r):
    p = r.person(culture=r.choice(["brazilian", "portuguese"]))
    cpf = f"{r.digits(3)}.{r.digits(3)}.{r.digits(3)}-{r.digits(2)}"
    intl = f"+55 {r.choice(['11', '21', '31', '71'])} 9{r.digits(4)}-{r.digits(4)}"
    alta = r.day(back=15)
    return T("""
        Olá, meu nome é «nome» e fiquei internado(a) no hospital de «ent» até «alta». Voltei para o Brasil e preciso do relatório de alta em português ou inglês para o meu plano de saúde aqui.
        Dados: data de nascimento «dn», prontuário «pr», CPF «cpf».
        Telefone aqui no Brasil: «tel» (WhatsApp) ou e-mail «em».
        Obrigado(a)!

        [Internal] «ag»: routed to HIM release of information; ROI form sent by email in Portuguese.
        """, nome=pn(full(p)), ent=P(fd(alta - dt.timedelta(days=r.randint(2, 7)), "dmy"), "date"), alta=P(fd(alta, "dmy"), "date"),
             dn=P(fd(p.dob, "pt"), "date"), pr=P(p.mrn, "mrn"), cpf=P(cpf, "other_id"), tel=P(intl, "phone"),
             em=P(p.email, "email"), ag=staff_n(r.staff()))


@tpl("support_ticket", True)
def t_support_ticket_portal_login(r):
    fac, p = r.fac(), r.person()
    pid_ = r.digits(8, True)
    ip = r.ip_public()
    return T("""
        *Summary:* Patient locked out after MFA phone change
        *Reporter:* «rep»  *Request type:* Portal access  *Priority:* P3

        Customer «name» («email») changed {her} mobile to «new» but MFA codes still go to the old number «old».
        Login attempts from «ip» ({her} home connection per the fraud tool, ISP residential) - 6 failures then lockout.
        Account page: «url»

        Steps taken:
        # Verified identity with DOB «dob» and last visit.
        # Cleared MFA factors in the IdP admin console.
        # Asked {him} to re-enroll.

        Escalating to «esc» because the IdP keeps re-adding the old factor.
        """.replace("{her}", her(p)).replace("{him}", him(p)), rep=staff_n(r.staff()), name=pn(full(p)), email=P(p.email, "email"), new=ph(r, p.cell), old=ph(r, p.phone),
             ip=P(ip, "ip_address"), url=P(f"https://portal.{fac[2]}/admin/patients/{pid_}/security", "url"),
             dob=P(fd(p.dob, "us"), "date"), esc=staff_n(r.staff()))


@tpl("support_ticket", True)
def t_support_ticket_records_deceased(r):
    dad = r.person(age=(78, 96), sex="M")
    kid = r.relative(dad, age=(45, 65))
    death = r.day(back=60)
    return T("""
        Customer request - Medical records (deceased patient)

        Requester: «kid» (personal representative, executor of estate)
        Relationship: «rel»
        Patient: «dad»
        Date of birth: «dob»     Date of death: «dod»
        Medicare number: «mbi»
        Last address: «addr»
        Requester phone: «ph»   Requester email: «em»

        Message:
        Dad passed away at your hospice unit. The life insurance company needs the records from his last admission and the death certificate worksheet. I have the letters testamentary, attached as letters_testamentary.pdf.
        """, kid=pn(full(kid)), rel="daughter" if kid.sex == "F" else "son", dad=pn(full(dad)), dob=P(fd(dad.dob, "long"), "date"),
             dod=P(fd(death, "long"), "date"), mbi=P(dad.mbi, "medicare_mbi"), addr=addr(dad, zip4=True),
             ph=ph(r, kid.cell), em=P(kid.email, "email"))


@tpl("support_ticket", True)
def t_support_ticket_card_pasted(r):
    p = r.person()
    card = r.card()
    card_fmt = " ".join(card[i:i + 4] for i in range(0, 16, 4)) if r.random() < 0.6 else card
    return T("""
        From customer portal, request «key»:
        > Hello my payment keeps failing on the website. Here is my card so you can just charge it: «card» exp {exp} cvv {cvv}. Its for my balance on account «acct». Name on card «name». Zip «zip».

        Comment by «ag» (internal): customer pasted full PAN in the request. Per PCI procedure I have NOT charged it. Need Jira admin to purge the description history. Called customer at «ph» to take payment over the IVR.
        """.replace("{exp}", f"{r.randint(1, 12):02d}/{r.randint(26, 30)}").replace("{cvv}", r.digits(3)),
             key=f"PBS-{r.randint(1000, 9999)}", card=P(card_fmt, "credit_card"), acct=P(p.acct, "account_number"),
             name=pn(full(p).upper()), zip=P(p.zip, "zip_code"), ag=staff_n(r.staff()), ph=ph(r, p.phone))


@tpl("support_ticket", True)
def t_support_ticket_parking_tow(r):
    dad = r.person(age=(70, 94), sex="M")
    kid = r.relative(dad, age=(35, 60))
    plate = r.choice([lambda: str(r.randint(1, 9)) + r.letters(3) + r.digits(3), lambda: r.letters(3) + "-" + r.digits(4),
                      lambda: r.letters(3) + " " + r.digits(3)])()
    adm = r.day(back=5)
    return T("""
        Request type: Security / Parking
        Summary: car towed from the ED lot while my father was admitted

        my dad «dad» came in through the ER on «adm» and got admitted, his car stayed in the ED short-term lot. now it is gone and security says it was towed. its a {car}, plate «plate» ({st}), VIN «vin». he is still upstairs (room 5{rm}). the tow company wants a release letter from the hospital. please call me «kid» at «ph»

        Agent («ag»): contacted Security; tow authorised in error (lot sweep on «sweep»). Release letter faxed to the tow yard.
        """.replace("{car}", r.choice(["2014 Honda Accord", "2019 Toyota RAV4", "2011 Ford F-150", "2016 Chevy Malibu"]))
             .replace("{st}", dad.state).replace("{rm}", str(r.randint(10, 60))),
             dad=pn(full(dad)), adm=P(fd(adm, "us_short"), "date"), plate=P(plate, "vehicle_id"), vin=P(r.vin(), "vehicle_id"),
             kid=pn(full(kid)), ph=ph(r, kid.cell), ag=staff_n(r.staff()), sweep=D(fd(r.day(back=2), "us_short"), "event_date"))


@tpl("support_ticket", False)
def t_support_ticket_agent_vpn(r):
    fac = r.fac()
    s = r.staff()
    return T("""
        Request type: VPN / remote access
        Raised by: «s» («mail», ext «ext»)
        Laptop asset tag: «tag»   OS: Windows 11 23H2   GlobalProtect {gp}

        Since Monday the VPN connects but Epic Hyperspace shows "Unable to reach server". Tried from home and from the hotspot.
        Diagnostics:
        - Gateway: vpn-east.{dom} ({ip1})
        - Assigned IP: {ip2}, DNS {ip3}
        - tracert to the Citrix StoreFront stops at hop 4

        Agent note («ag»): split-tunnel profile was missing the new Citrix subnet. Pushed profile v{pv}; user confirmed working.
        """.replace("{gp}", f"6.{r.randint(0, 3)}.{r.randint(0, 9)}").replace("{dom}", fac[2]).replace("{ip1}", f"203.0.113.{r.randint(2, 250)}")
             .replace("{ip2}", r.ip_private()).replace("{ip3}", r.ip_private()).replace("{pv}", str(r.randint(10, 40))),
             s=staff_n(s), mail=staff_mail(s, fac), ext=D(s.ext[1:], "staff_contact"), tag=f"LT-{r.digits(6)}",
             ag=staff_n(r.staff()))


@tpl("support_ticket", False)
def t_support_ticket_macro_template(r):
    return T("""
        *Canned response:* PB-07 "We need more information" (used by Patient Financial Services)

        {code}
        Hello {{reporter.displayName}},

        Thank you for contacting Patient Financial Services. To look up your account we need:
          - the patient's full name and date of birth (MM/DD/YYYY)
          - the account number printed at the top right of your statement (starts with A or 44)

        Please do NOT send your Social Security number, card numbers or photos of your insurance card through this portal.
        You can also call us at «pfs», Monday to Friday 8 am - 5 pm.

        {{agent.displayName}}
        {code}
        Last edited by «ed». Variables are filled in by the automation rule "PFS macros".
        """, pfs=D("1-866-" + r.digits(3, True) + "-" + r.digits(4), "staff_contact"), ed=staff_n(r.staff()))


@tpl("support_ticket", False)
def t_support_ticket_kb_article(r):
    fac = r.fac()
    return T("""
        How do I reset my patient portal password?

        1. Go to https://portal.«dom»/login and select *Forgot password*.
        2. Enter your portal username (usually your email address) and date of birth.
        3. We send a code to the mobile number on file. Codes expire after 10 minutes.
        4. Still stuck? Call the portal help line at «hl» (7 am-7 pm). We will never ask for your password.

        Related: "Giving a family member proxy access", "Why can't I see my lab results yet?"
        Article KB-{n} · helpful? 212 yes / 19 no
        """.replace("{n}", str(r.randint(100, 999))), dom=fac[2], hl=D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"))


@tpl("support_ticket", False)
def t_support_ticket_badge_access(r):
    fac = r.fac()
    s, m = r.staff(), r.staff()
    c = r.choice(CITIES)
    return T("""
        Request type: Facilities - badge access
        Raised by: «s» (employee ID «eid», «mail»)
        Manager approval: «m» - approved {d}

        Please add access for the new «dept» float pool role:
        - Building C, 4th floor clean utility (door C4-117)
        - Pharmacy satellite (door B2-009), nights only
        Site: «fac», «addr»
        Badge number printed on card: {badge}

        Security desk note: access groups updated, effective at next badge tap. Call the security desk at «sec» if a door still shows red.
        """.replace("{d}", r.ts("%m/%d/%Y")).replace("{badge}", r.digits(6)), s=staff_n(s), eid=D("E" + r.digits(6), "internal_id"),
             mail=staff_mail(s, fac), m=staff_n(m), dept=r.choice(["ICU", "ED", "Tele", "Med-Surg"]), fac=fac_n(fac),
             addr=[D(f"{r.randint(100, 9999)} {r.choice(STREETS)} {r.choice(SUFFIXES)}", "facility_address"), ", ",
                   D(c[0], "facility_address"), ", ", D(c[1], "state")],
             sec=D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"))


# ======================================================================================
# family: bitbucket_fhir (FHIR fixtures in diffs and PR comments)
# ======================================================================================

def diff_new(r, path, lines, prefix="+"):
    """A git diff of a new file; lines is a list of pieces (one per line)."""
    head = (f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{r.getrandbits(28):07x}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n")
    return [head, J("\n", [[prefix, ln] for ln in lines])]


def js(s, kind=None, label="phi"):
    """A JSON string value, the content labelled."""
    if kind is None:
        return ['"', s, '"']
    return ['"', L(s, label, kind), '"']


@tpl("bitbucket_fhir", True)
def t_bitbucket_fhir_patient_diff(r):
    p = r.person()
    rel = r.relative(p)
    given = p.given.split()
    lines = [
        "{", '  "resourceType": "Patient",', ['  "id": ', js(f"pat-{r.digits(5)}", "internal_id", "dont_care"), ","],
        '  "identifier": [',
        ['    { "system": "urn:oid:1.2.840.114350.1.13.', r.digits(3), '.2.7.5.737384.14", "value": ', js(p.mrn, "mrn"), " },"],
        ['    { "system": "http://hl7.org/fhir/sid/us-ssn", "value": ', js(p.ssn, "ssn"), " }"], "  ],",
        ['  "name": [ { "use": "official", "family": ', js(p.family, "person_name"), ', "given": [ ',
         J(", ", [js(g, "person_name") for g in given]), " ] } ],"],
        '  "telecom": [',
        ['    { "system": "phone", "value": ', js(phone_fmt(p.phone, "paren"), "phone"), ', "use": "home" },'],
        ['    { "system": "email", "value": ', js(p.email, "email"), " }"], "  ],",
        ['  "gender": "', "female" if p.sex == "F" else "male", '",'],
        ['  "birthDate": ', js(fd(p.dob, "iso"), "date"), ","],
        ['  "address": [ { "line": [ ', js(p.street, "street_address")] + ([", ", js(p.unit, "street_address")] if p.unit else []) +
        [' ], "city": ', js(p.city, "street_address"), ', "state": ', js(p.state, "state", "dont_care"),
         ', "postalCode": ', js(p.zip, "zip_code"), " } ],"],
        ['  "contact": [ { "relationship": [ { "text": "', kin(rel, p), '" } ], "name": { "text": ', js(full(rel), "person_name"),
         ' }, "telecom": [ { "system": "phone", "value": ', js(phone_fmt(rel.cell, "dash"), "phone"), " } ] } ]"],
        "}",
    ]
    return T("""
        «rev» commented on `src/test/resources/fixtures/patient-admit.json`

        «d»

        > Where does this fixture come from? The MRN format and the OID are our PROD ones and the name/DOB look real. Please replace it with the Synthea export before merging - this PR can't go in as is.
        """, rev=staff_n(r.staff()), d=diff_new(r, "src/test/resources/fixtures/patient-admit.json", lines))


@tpl("bitbucket_fhir", True)
def t_bitbucket_fhir_coverage_claim(r):
    p, doc = r.person(), r.staff("MD")
    payer = r.choice(PAYERS)[0]
    svc = r.day(back=40)
    dx, cpt = r.icd(1)[0], r.cpt(1)[0]
    pref = f"Patient/{r.digits(6)}"
    return T("""
        PR #{pr}: map 837P claims to FHIR Claim - comment from «me» on the sample output

        ```json
        {
          "resourceType": "Coverage",
          "status": "active",
          "subscriberId": "«sub»",
          "beneficiary": { "reference": "«ref»", "display": "«name»" },
          "relationship": { "coding": [ { "code": "self" } ] },
          "period": { "start": "«eff»" },
          "payor": [ { "display": "{payer}" } ],
          "class": [ { "type": { "coding": [ { "code": "group" } ] }, "value": "«grp»" } ]
        }
        ```
        ```json
        {
          "resourceType": "Claim",
          "identifier": [ { "system": "urn:claim-number", "value": "«clm»" } ],
          "patient": { "reference": "«ref2»", "display": "«name2»" },
          "billablePeriod": { "start": "«bp1»", "end": "«bp2»" },
          "provider": { "identifier": { "system": "http://hl7.org/fhir/sid/us-npi", "value": "«npi»" } },
          "diagnosis": [ { "sequence": 1, "diagnosisCodeableConcept": { "coding": [ { "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "«icd»" } ] } } ],
          "item": [ { "sequence": 1, "productOrService": { "coding": [ { "code": "«cpt»" } ] }, "servicedDate": "«sd»" } ]
        }
        ```
        The `display` on `beneficiary` should not be populated in the outbound bundle (minimum necessary). Also this sample was generated from a real 837 in the PROD drop folder - please regenerate from the test file.
        """.replace("{pr}", str(r.randint(100, 999))).replace("{payer}", payer), me=staff_n(r.staff()),
             sub=P(p.member, "health_plan_id"), ref=D(pref, "internal_id"), name=pn(full(p)),
             eff=D(f"{r.now.year}-01-01", "coverage_date"), grp=D(r.digits(6), "group_number"),
             clm=P(f"{r.now.year % 100}{r.digits(9)}", "other_id"), ref2=D(pref, "internal_id"), name2=pn(full(p)),
             bp1=P(fd(svc, "iso"), "date"), bp2=P(fd(svc, "iso"), "date"), npi=D(doc.npi, "npi"),
             icd=D(dx[0], "diagnosis_code"), cpt=D(cpt[0], "procedure_code"), sd=P(fd(svc, "iso"), "date"))


@tpl("bitbucket_fhir", True)
def t_bitbucket_fhir_eob_ndjson(r):
    lines = []
    for _ in range(r.randint(2, 3)):
        p = r.person(age=(66, 95))
        svc = r.day(back=200)
        pid_ = r.digits(7)
        lines.append(['{"resourceType":"Patient","id":"', D(pid_, "internal_id"), '","identifier":[{"type":{"coding":[{"code":"MC"}]},"value":"',
                      P(p.mbi.replace("-", ""), "medicare_mbi"), '"}],"name":[{"family":"', pn(p.family), '","given":["', pn(p.given),
                      '"]}],"birthDate":"', P(fd(p.dob, "iso"), "date"), '","address":[{"postalCode":"', P(p.zip, "zip_code"), '"}]}'])
        lines.append(['{"resourceType":"ExplanationOfBenefit","id":"carrier-', D(r.digits(11), "internal_id"), '","patient":{"reference":"Patient/',
                      D(pid_, "internal_id"), '"},"identifier":[{"system":"https://bluebutton.cms.gov/resources/variables/clm_id","value":"',
                      P(r.digits(11), "other_id"), '"}],"billablePeriod":{"start":"', P(fd(svc, "iso"), "date"), '","end":"',
                      P(fd(svc, "iso"), "date"), '"},"diagnosis":[{"diagnosisCodeableConcept":{"coding":[{"code":"',
                      D(r.icd(1)[0][0].replace(".", ""), "diagnosis_code"), '"}]}}],"total":[{"amount":{"value":', f"{r.randint(40, 900)}.{r.randint(10, 99)}", "}}]}"])
    return T("""
        Bulk $export from the payer sandbox? No - the job pointed at PROD by mistake. First lines of `ExplanationOfBenefit.ndjson` as attached to the bug (attachment removed since):

        {noformat}
        «lines»
        {noformat}
        Export job id {job}; files were in the bucket for 40 minutes. Raising with Privacy.
        """.replace("{job}", r.uuid()), lines=J("\n", lines))


@tpl("bitbucket_fhir", True)
def t_bitbucket_fhir_observation_device(r):
    p = r.person(age=(8, 70))
    t = r.now - dt.timedelta(minutes=r.randint(30, 3000))
    sn = r.choice(["NG", "HX", "PT"]) + r.digits(7) + r.choice("HKLM")
    udi = f"(01)00386270000{r.digits(3)}(17){(r.now.year + 1) % 100:02d}{r.randint(1, 12):02d}28(21){sn}"
    return T("""
        Reviewer note on `cgm-ingest/test/data/observation_glucose.json` (line 1-40)

        ```json
        {
          "resourceType": "Bundle",
          "type": "transaction",
          "entry": [
            { "resource": { "resourceType": "Device", "id": "«did»",
                "serialNumber": "«sn»",
                "udiCarrier": [ { "carrierHRF": "«udi»" } ],
                "patient": { "reference": "Patient/«pid1»", "display": "«name»" } } },
            { "resource": { "resourceType": "Observation", "status": "final",
                "code": { "coding": [ { "system": "http://loinc.org", "code": "2339-0", "display": "Glucose [Mass/volume] in Blood" } ] },
                "subject": { "reference": "Patient/«pid2»", "display": "«name2»" },
                "effectiveDateTime": "«eff»",
                "valueQuantity": { "value": {v}, "unit": "mg/dL" },
                "device": { "reference": "Device/«did2»" } } }
          ]
        }
        ```
        Serial and UDI are from a real pump (the support export). Please swap for the vendor's demo serial.
        """.replace("{v}", str(r.randint(55, 320))), did=D(r.digits(5), "internal_id"), sn=P(sn, "device_id"), udi=P(udi, "device_id"),
             pid1=D(r.digits(6), "internal_id"), name=pn(full(p)), pid2=D(r.digits(6), "internal_id"), name2=pn(full(p)),
             eff=P(t.strftime("%Y-%m-%dT%H:%M:00-05:00"), "date"), did2=D(r.digits(5), "internal_id"))


@tpl("bitbucket_fhir", True)
def t_bitbucket_fhir_patient_xml(r):
    p = r.person(age=(88, 100), native_ok=True)
    death = r.day(back=30)
    pre = "Mrs." if p.sex == "F" else "Mr."
    native = ['\n+  <name>\n+    <use value="usual"/>\n+    <text value="', pn(p.native), '"/>\n+  </name>'] if p.native else ""
    return T("""
        diff --git a/it/fixtures/deceased-patient.xml b/it/fixtures/deceased-patient.xml
        @@ -3,14 +3,26 @@
         <Patient xmlns="http://hl7.org/fhir">
        -  <id value="example-deceased"/>
        +  <id value="«id»"/>
        +  <identifier>
        +    <system value="urn:oid:2.16.840.1.113883.3.{oid}"/>
        +    <value value="«mrn»"/>
        +  </identifier>
        +  <name>
        +    <family value="«fam»"/>
        +    <given value="«giv»"/>
        +    <prefix value="«pre»"/>
        +  </name>«native»
        +  <gender value="«g»"/>
        +  <birthDate value="«dob»"/>
        +  <deceasedDateTime value="«dod»"/>
        +  <address>
        +    <line value="«st»"/>
        +    <city value="«city»"/>
        +    <postalCode value="«zip»"/>
        +  </address>
         </Patient>

        Comment («c»): the integration test needs a deceased patient; a synthetic one is fine - this is the real chart from the hospice feed.
        """.replace("{oid}", r.digits(4)), id=D(r.uuid(), "internal_id"), mrn=P(p.mrn, "mrn"), fam=pn(p.family), giv=pn(p.given),
             pre=D(pre, "title"), native=native, g="female" if p.sex == "F" else "male", dob=P(fd(p.dob, "iso"), "date"),
             dod=P(fd(death, "iso") + f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00Z", "date"), st=P(p.street, "street_address"),
             city=P(p.city, "street_address"), zip=P(p.zip, "zip_code"), c=staff_n(r.staff()))


@tpl("bitbucket_fhir", False)
def t_bitbucket_fhir_structuredefinition(r):
    return T("""
        +{
        +  "resourceType": "StructureDefinition",
        +  "url": "https://fhir.example-health.org/StructureDefinition/eh-patient",
        +  "name": "EHPatient",
        +  "status": "draft",
        +  "fhirVersion": "4.0.1",
        +  "kind": "resource",
        +  "type": "Patient",
        +  "baseDefinition": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient",
        +  "derivation": "constraint",
        +  "differential": { "element": [
        +    { "id": "Patient.identifier", "path": "Patient.identifier", "min": 1,
        +      "constraint": [ { "key": "eh-1", "severity": "error", "human": "An MRN identifier is required",
        +        "expression": "identifier.where(type.coding.code = 'MR').exists()" } ] },
        +    { "id": "Patient.birthDate", "path": "Patient.birthDate", "min": 1, "mustSupport": true },
        +    { "id": "Patient.telecom", "path": "Patient.telecom", "mustSupport": true },
        +    { "id": "Patient.address.postalCode", "path": "Patient.address.postalCode",
        +      "constraint": [ { "key": "eh-2", "severity": "warning", "human": "ZIP is 5 or 9 digits",
        +        "expression": "matches('^[0-9]{5}(-[0-9]{4})?$')" } ] }
        +  ] }
        +}

        «a» approved this pull request. «b»: please bump the IG version to {v} before publishing.
        """.replace("{v}", f"0.{r.randint(3, 9)}.{r.randint(0, 5)}"), a=staff_n(r.staff()), b=staff_n(r.staff()))


@tpl("bitbucket_fhir", False)
def t_bitbucket_fhir_operationoutcome(r):
    return T("""
        Build #{b} failed in `fhir-validator` stage. The validator returns:

        ```json
        {
          "resourceType": "OperationOutcome",
          "issue": [
            { "severity": "error", "code": "invariant", "diagnostics": "Patient.identifier: eh-1: An MRN identifier is required", "expression": [ "Bundle.entry[2].resource" ] },
            { "severity": "error", "code": "value", "diagnostics": "Invalid date format in Patient.birthDate (expected YYYY, YYYY-MM or YYYY-MM-DD)", "expression": [ "Bundle.entry[2].resource.birthDate" ] },
            { "severity": "warning", "code": "code-invalid", "diagnostics": "Coding http://loinc.org#2339-0 not in value set", "expression": [ "Bundle.entry[5].resource.code" ] }
          ]
        }
        ```
        The failing bundle is `synthetic/bundle-0{n}.json` - the generator leaves birthDate as an empty string when the age bucket is 90+. «who», can you make it omit the element instead?
        """.replace("{b}", str(r.randint(100, 9999))).replace("{n}", str(r.randint(10, 99))), who=staff_n(r.staff()))


@tpl("bitbucket_fhir", False)
def t_bitbucket_fhir_search_params(r):
    return T("""
        ## Supported search parameters (CapabilityStatement excerpt) - PR description

        | Resource | Param | Type | Example |
        |---|---|---|---|
        | Patient | identifier | token | `GET /Patient?identifier=urn:oid:1.2.3|{mrn}` |
        | Patient | birthdate | date | `GET /Patient?birthdate=ge{yyyy}` |
        | Patient | family | string | `GET /Patient?family={family}&_count=10` |
        | Encounter | date | date | `GET /Encounter?patient={id}&date=ge{date}` |
        | Observation | code | token | `GET /Observation?code=http://loinc.org|4548-4` |

        Placeholders in braces are filled by the client. `_count` max 200. Paging uses `_getpages` tokens (opaque, expire after 10 min).

        Tested with Touchstone suite {suite}; report attached. Reviewers: «a», «b».
        """.replace("{suite}", f"US-Core-{r.randint(3, 7)}.{r.randint(0, 1)}.0"), a=staff_n(r.staff()), b=staff_n(r.staff()))


@tpl("bitbucket_fhir", False)
def t_bitbucket_fhir_valueset(r):
    codes = r.sample(CHRONIC, 4)
    inc = J(",\n", [['            { "code": "', D(c, "diagnosis_code"), '", "display": "', D(d, "condition"), '" }'] for c, d in codes])
    return T("""
        terminology/valueset-chronic-conditions.json
        @@ -1,6 +1,22 @@
         {
           "resourceType": "ValueSet",
           "id": "eh-chronic-conditions",
        -  "version": "0.{v0}.0",
        +  "version": "0.{v1}.0",
           "status": "active",
           "compose": {
             "include": [ {
               "system": "http://hl7.org/fhir/sid/icd-10-cm",
               "concept": [
        «inc»
               ]
             } ]
           }
         }

        CI: `fhir validate` passed, 0 errors, 2 warnings (display text differs from the CMS long description). Reviewed by «a».
        """.replace("{v0}", str(r.randint(1, 4))).replace("{v1}", str(r.randint(5, 9))), inc=inc, a=staff_n(r.staff()))


# ======================================================================================
# family: bitbucket_code (test code, config and fixtures in diffs)
# ======================================================================================

@tpl("bitbucket_code", True)
def t_bitbucket_code_java_builder(r):
    p = r.person()
    y, m, d = p.dob.year, p.dob.month, p.dob.day
    lines = [
        "    @Test",
        "    void admitsReturningPatientWithExistingMrn() {",
        ["        Patient patient = PatientBuilder.aPatient()"],
        ['                .withName(', js(p.given, "person_name"), ", ", js(p.family, "person_name"), ")"],
        ["                .withBirthDate(LocalDate.of(", P(f"{y}, {m}, {d}", "date"), "))"],
        ['                .withMrn(', js(p.mrn, "mrn"), ")"],
        ['                .withSsn(', js(p.ssn, "ssn"), ")"],
        ['                .withHomePhone(', js(phone_fmt(p.phone, "dash"), "phone"), ")"],
        ["                .build();"],
        "        AdmitResult result = admitService.admit(patient, Unit.MED_SURG);",
        "        assertThat(result.isDuplicate()).isFalse();",
        "    }",
    ]
    return T("""
        src/test/java/org/threerivers/adt/AdmitServiceTest.java
        @@ -112,6 +112,18 @@ class AdmitServiceTest {
        «body»

        «rev»: This is copied from the chart of the patient in INC{inc}, isn't it? Same DOB and MRN. Use `TestPatients.random()`.
        «auth»: oops, yes - fixing, and I'll ask for the commit to be squashed out of history.
        """.replace("{inc}", r.digits(7)), body=J("\n", [["+", ln] for ln in lines]), rev=staff_n(r.staff()), auth=staff_n(r.staff()))


@tpl("bitbucket_code", True)
def t_bitbucket_code_pytest_fixture(r):
    ps = [r.person() for _ in range(2)]
    rows = []
    for p in ps:
        rows.append(['+    {"member_id": ', js(p.member, "health_plan_id"), ', "first": ', js(p.given, "person_name"),
                     ', "last": ', js(p.family, "person_name"), ', "dob": ', js(fd(p.dob, "us"), "date"),
                     ', "zip": ', js(p.zip, "zip_code"), "},"])
    return T("""
        tests/eligibility/conftest.py
        @@ -1,8 +1,21 @@
         import pytest
        +
        +# members that failed in prod last week - keep for regression
        +FAILED_MEMBERS = [
        «rows»
        +]
        +
        +@pytest.fixture(params=FAILED_MEMBERS, ids=lambda m: m["member_id"])
        +def failed_member(request):
        +    return request.param

        Pipeline: ✔ 412 passed  ✖ 0 failed   (build {b})
        Comment by «c»: member ids + DOB from prod logs are PHI, we can't keep these in git. Please build them with the factory.
        """.replace("{b}", str(r.randint(1000, 9999))), rows=J("\n", rows), c=staff_n(r.staff()))


@tpl("bitbucket_code", True)
def t_bitbucket_code_ts_mock(r):
    p = r.person(native_ok="force")
    nm = p.native
    return T("""
        `web/src/features/visits/__mocks__/patient.ts`

        ```ts
        export const mockPatient: PatientSummary = {
          id: '«id»',
          displayName: '«nm»',
          mrn: '«mrn»',
          birthDate: '«dob»',
          preferredLanguage: '«lang»',
          phone: '«ph»',
          email: '«em»',
          address: { line1: '«st»', city: '«city»', state: '«state»', postalCode: '«zip»' },
        };
        ```
        «rev»: the name-rendering tests need a non-Latin name, but please don't take one from the support queue. I recognise this one from a ticket last week.
        """, id=D(r.uuid(), "internal_id"), nm=pn(nm), mrn=P(p.mrn, "mrn"), dob=P(fd(p.dob, "iso"), "date"),
             lang=r.choice(["ko", "zh", "ar", "he", "ru", "hi", "ja", "uk"]), ph=ph(r, p.cell, "e164"), em=P(p.email, "email"),
             st=P(p.street, "street_address"), city=P(p.city, "street_address"), state=D(p.state, "state"),
             zip=P(p.zip, "zip_code"), rev=staff_n(r.staff()))


@tpl("bitbucket_code", True)
def t_bitbucket_code_csharp_seed(r):
    ps = [r.person(age=(30, 97)) for _ in range(2)]
    rows = []
    for i, p in enumerate(ps):
        rows.append(["+            new Member { Id = ", D(str(i + 1), "internal_id"), ", FirstName = ", js(p.given, "person_name"),
                     ", LastName = ", js(p.family, "person_name"), ", DateOfBirth = new DateTime(",
                     P(f"{p.dob.year}, {p.dob.month}, {p.dob.day}", "date"), "), Mbi = ", js(p.mbi.replace("-", ""), "medicare_mbi"),
                     ", Phone = ", js(phone_fmt(p.phone, "paren"), "phone"), " },"])
    return T("""
        Data/Migrations/20{yy}{mm}_SeedDemoMembers.cs
        @@ -8,6 +8,12 @@ public partial class SeedDemoMembers : Migration
             protected override void Up(MigrationBuilder migrationBuilder)
             {
                 modelBuilder.Entity<Member>().HasData(
        «rows»
                 );

        «c» (blocking): demo environment must only contain synthetic members. These MBIs validate against CMS, they're real beneficiaries from the Humana file.
        """.replace("{yy}", str(r.now.year % 100)).replace("{mm}", f"{r.randint(1, 12):02d}"), rows=J("\n", rows), c=staff_n(r.staff()))


@tpl("bitbucket_code", True)
def t_bitbucket_code_env_yaml(r):
    p = r.person()
    return T("""
        Commit «sha» - "smoke tests against staging"
        .env.staging
        +SMOKE_BASE_URL=https://staging.{dom}
        +SMOKE_USER=svc_smoke
        +SMOKE_PATIENT_MRN=«mrn»
        +SMOKE_PATIENT_DOB=«dob»
        +SMOKE_PATIENT_LAST=«last»

        e2e/fixtures/appointment.yaml
        +patient:
        +  name: «name»
        +  phone: "«ph»"
        +  email: «em»
        +appointment:
        +  date: «appt»
        +  department: CARDIOLOGY

        Secret scanner: 0 secrets found. Privacy bot: staging is a PROD clone - the smoke patient is a real person. Use the TEST-ONLY patient created by the seed job.
        """.replace("{dom}", r.fac()[2]), sha="%07x" % r.getrandbits(28), mrn=P(p.mrn, "mrn"),
             dob=P(fd(p.dob, r.choice(["iso", "hl7", "us"])), "date"), last=pn(fold(p.family).upper()), name=pn(full(p)),
             ph=ph(r, p.cell), em=P(p.email, "email"), appt=P(fd(r.day(fwd=30), "iso"), "date"))


@tpl("bitbucket_code", False)
def t_bitbucket_code_validator_diff(r):
    return T("""
        src/main/java/org/threerivers/validation/SsnValidator.java
        @@ -14,9 +14,14 @@ public final class SsnValidator {
        -    private static final Pattern SSN = Pattern.compile("\\\\d{3}-\\\\d{2}-\\\\d{4}");
        +    // area 000, 666 and 900-999, group 00 and serial 0000 are never issued
        +    private static final Pattern SSN = Pattern.compile(
        +        "^(?!000|666|9\\\\d\\\\d)\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}$");
        +    public static final String MASK = "XXX-XX-XXXX";

        src/test/java/org/threerivers/validation/SsnValidatorTest.java
        +    @ParameterizedTest
        +    @ValueSource(strings = {"000-00-0000", "666-12-3456", "900-11-2222", "123-00-4567", "XXX-XX-XXXX"})
        +    void rejectsNeverIssued(String s) { assertFalse(SsnValidator.isValid(s)); }
        +
        +    @Test
        +    void acceptsDocumentedExample() { assertTrue(SsnValidator.isValid("123-45-6789")); }
        +
        +    @Test
        +    void masks() { assertEquals("XXX-XX-6789", SsnValidator.mask("123-45-6789")); }

        «rev» approved. Build #{b} green, coverage 91.4%.
        """.replace("{b}", str(r.randint(100, 9999))), rev=staff_n(r.staff()))


@tpl("bitbucket_code", False)
def t_bitbucket_code_service_refactor(r):
    return T("""
        src/main/java/org/threerivers/patient/PatientService.java
        @@ -41,17 +41,22 @@ public class PatientService {
        -    public Patient findByMrn(String mrn) {
        -        return repository.findByMrn(mrn).orElse(null);
        +    public Optional<Patient> findByMrn(Mrn mrn) {
        +        Objects.requireNonNull(mrn, "mrn");
        +        return repository.findByIdentifier(IdentifierType.MRN, mrn.normalized());
             }
        -    public List<Patient> searchByNameAndDob(String last, String first, LocalDate dob) {
        +    public List<Patient> searchByNameAndDob(NameQuery name, LocalDate dob) {
        +        if (dob.isBefore(LocalDate.of(1900, 1, 1))) throw new IllegalArgumentException("dob");
                 return repository.search(name.last(), name.first(), dob, PageRequest.of(0, 50));
             }

        Comments
        «a»: `Mrn.normalized()` strips leading zeros - is that safe for the outreach clinics whose MRNs start with 00?
        «b»: good catch, changed to `Mrn.canonical()` which keeps them. See commit {sha}.
        """.replace("{sha}", "%07x" % r.getrandbits(28)), a=staff_n(r.staff()), b=staff_n(r.staff()))


@tpl("bitbucket_code", False)
def t_bitbucket_code_ci_pipeline(r):
    return T("""
        bitbucket-pipelines.yml
        @@ -1,12 +1,24 @@
         image: maven:3.9.{m}-eclipse-temurin-21
        +definitions:
        +  services:
        +    postgres:
        +      image: postgres:16.{pg}
        +      variables:
        +        POSTGRES_DB: patient_test
        +        POSTGRES_USER: test
        +        POSTGRES_PASSWORD: $TEST_DB_PASSWORD
         pipelines:
           pull-requests:
             '**':
               - step:
                   name: Build and test
        +          services: [postgres]
                   script:
        -            - mvn -B verify
        +            - export PATIENT_DB_URL=jdbc:postgresql://localhost:5432/patient_test
        +            - mvn -B verify -Dsynthetic.patients=500 -Dsynthetic.seed=42
        +            - phi-scan --fail-on block src/test/resources

        Pipeline #{n} · 6 min 12 s · commit {sha} · «who»
        """.replace("{m}", str(r.randint(4, 9))).replace("{pg}", str(r.randint(1, 4))).replace("{n}", str(r.randint(100, 5000)))
             .replace("{sha}", "%07x" % r.getrandbits(28)), who=staff_n(r.staff()))


@tpl("bitbucket_code", False)
def t_bitbucket_code_masking_util(r):
    return T("""
        phi_utils/masking.py  (+48 −3)

        ```python
        MRN_RE = re.compile(r"\\bMRN[:#]?\\s*(\\d{7,10})\\b")
        AGE_TOP_CODE = 90          # Safe Harbor: ages over 89 are aggregated into one bucket

        def mask_phone(s: str) -> str:
            \"\"\"
            >>> mask_phone("555-0100")
            '***-0100'
            \"\"\"
            return re.sub(r"\\d(?=\\d{0,3}-?\\d{4}$)", "*", s)

        def bucket_age(age: int) -> str:
            return "90+" if age >= AGE_TOP_CODE else str(age)
        ```
        ```python
        @pytest.mark.parametrize("raw,expected", [
            ("2024-02-29", date(2024, 2, 29)),   # leap day
            ("1900-01-01", date(1900, 1, 1)),    # sentinel used by the legacy system
            ("02/30/2023", None),                 # impossible date
        ])
        def test_parse_date(raw, expected): ...

        def test_bucket_age():
            assert bucket_age(89) == "89"
            assert bucket_age(90) == "90+"
            assert bucket_age(104) == "90+"
        ```
        «a»: nit - document that the parse tests are calendar edge cases, not birth dates. Otherwise LGTM.
        """, a=staff_n(r.staff()))


# ======================================================================================
# family: sql_seed
# ======================================================================================

def sq(v, kind=None, label="phi", n=False):
    """A SQL string literal."""
    return [("N'" if n else "'"), L(v, label, kind) if kind else v, "'"]


@tpl("sql_seed", True)
def t_sql_seed_pg_multirow(r):
    rows = []
    for i in range(r.randint(3, 4)):
        p = r.person()
        rows.append(["  (", D(str(1000 + i), "internal_id"), ", ", sq(p.mrn, "mrn"), ", ", sq(p.family, "person_name"), ", ",
                     sq(p.given, "person_name"), ", ", sq(fd(p.dob, "iso"), "date"), ", '", p.sex, "', ",
                     sq(p.ssn, "ssn") if r.random() < 0.7 else "NULL", ", ", sq(phone_fmt(p.phone, r.choice(PHONE_STYLES)), "phone"),
                     ", ", sq(p.email, "email"), ", ", sq(p.street, "street_address"), ", ", sq(p.city, "street_address"), ", ",
                     sq(p.state, "state", "dont_care"), ", ", sq(p.zip, "zip_code"), ")"])
    return T("""
        PR #{pr} - db/migration/V{v}__seed_demo_patients.sql

        ```sql
        -- demo data for the training environment
        INSERT INTO patient (id, mrn, last_name, first_name, birth_date, sex, ssn, phone, email, address_line1, city, state, zip)
        VALUES
        «rows»;
        ```
        «c»: these are not synthetic - I checked two of the MRNs in PROD and they match. Decline.
        """.replace("{pr}", str(r.randint(100, 999))).replace("{v}", str(r.randint(20, 90))), rows=J(",\n", rows), c=staff_n(r.staff()))


@tpl("sql_seed", True)
def t_sql_seed_mssql_brackets(r):
    rows = []
    for _ in range(r.randint(2, 3)):
        g = r.person(age=(30, 80))
        rows.append(["INSERT INTO [dbo].[Guarantor] VALUES (", sq(g.acct, "account_number"), ", ", sq(f"{fold(g.family).upper()}, {fold(g.given).upper()}", "person_name", n=True),
                     ", CONVERT(date, ", sq(fd(g.dob, "us"), "date"), ", 101), ", sq(g.ssn.replace("-", ""), "ssn"), ", ",
                     sq(g.street + (f" {g.unit}" if g.unit else ""), "street_address", n=True), ", ", sq(g.city, "street_address", n=True), ", ",
                     sq(g.state, "state", "dont_care"), ", ", sq(f"{g.zip}{g.zip4}", "zip_code"), ", ", sq(phone_fmt(g.phone, "raw"), "phone"),
                     ", 1, GETDATE());"])
    return T("""
        Restore script for the RCM reporting DB fails on the collation change. Script excerpt (from the vendor's support case attachment):

        {code:sql}
        USE [RCM_Reporting]
        GO
        SET IDENTITY_INSERT [dbo].[Guarantor] OFF
        GO
        «rows»
        GO
        {code}
        Error: Msg 468, Level 16, State 9 - Cannot resolve the collation conflict between "SQL_Latin1_General_CP1_CI_AS" and "Latin1_General_100_CI_AS_SC_UTF8". Vendor ticket {vt}.
        """.replace("{vt}", f"CS{r.digits(7)}"), rows=J("\nGO\n", rows))


@tpl("sql_seed", True)
def t_sql_seed_copy_block(r):
    rows = []
    for i in range(r.randint(3, 5)):
        p = r.person(age=(20, 99))
        adm = r.now - dt.timedelta(days=r.randint(3, 30), hours=r.randint(0, 23))
        dis = adm + dt.timedelta(days=r.randint(1, 8), hours=r.randint(0, 10))
        dx = r.icd(1)[0][0]
        rows.append([D(str(88000 + i * 7), "internal_id"), "\t", P(p.mrn, "mrn"), "\t", P(r.digits(10, True), "account_number"), "\t",
                     P(adm.strftime("%Y-%m-%d %H:%M:00"), "date"), "\t", P(dis.strftime("%Y-%m-%d %H:%M:00"), "date"), "\t",
                     D(dx, "diagnosis_code"), "\t", age_piece(p.age), "\t", r.choice(["01", "03", "06", "62", "20"])])
    return T("""
        pg_dump of the readmission mart, the COPY block that breaks the restore (column 7 is int in the new schema):

        ```
        COPY mart.encounter_fact (encounter_key, mrn, csn, admit_ts, discharge_ts, principal_dx, age_at_admit, disch_disposition) FROM stdin;
        «rows»
        \\.
        ```
        `ERROR:  invalid input syntax for type integer` - the source has `age_at_admit` as text for the top-coded ages. Will cast in the loader.
        """, rows=J("\n", rows))


@tpl("sql_seed", True)
def t_sql_seed_update_where(r):
    p = r.person()
    return T("""
        Comment by «dba»:
        Ran in PROD per the member's phone call on «called» (CHG{chg} approved):
        {code:sql}
        BEGIN TRANSACTION;
        UPDATE member
           SET home_phone = '«ph»',
               email      = '«em»',
               addr_line1 = '«st»',
               city       = '«city»',
               zip        = '«zip»'
         WHERE member_id = '«mid»'
           AND last_name = '«ln»'
           AND dob = DATE '«dob»';
        -- (1 row affected)
        COMMIT;
        {code}
        Eligibility will pick it up in tonight's 834 extract.
        """.replace("{chg}", r.digits(7)), dba=staff_n(r.staff()), called=D(fd(r.day(back=2), "us"), "event_date"),
             ph=ph(r, p.cell, "dash"), em=P(p.email, "email"), st=P(p.street + (f" {p.unit}" if p.unit else ""), "street_address"),
             city=P(p.city, "street_address"), zip=P(f"{p.zip}-{p.zip4}", "zip_code"), mid=P(p.member, "health_plan_id"),
             ln=pn(p.family), dob=P(fd(p.dob, "iso"), "date"))


@tpl("sql_seed", True)
def t_sql_seed_oracle(r):
    rows = []
    for _ in range(r.randint(2, 3)):
        p = r.person(age=(50, 97))
        rows.append(["INSERT INTO PAT_MASTER (PAT_ID, PAT_MRN, PAT_LNAME, PAT_FNAME, PAT_DOB, PAT_MBI, PAT_HPHONE) VALUES (PAT_SEQ.NEXTVAL, ",
                     sq(p.mrn, "mrn"), ", ", sq(fold(p.family).upper(), "person_name"), ", ", sq(fold(p.given).upper(), "person_name"),
                     ", TO_DATE(", sq(fd(p.dob, "oracle"), "date"), ", 'DD-MON-YYYY'), ", sq(p.mbi.replace("-", ""), "medicare_mbi"), ", ",
                     sq(phone_fmt(p.phone, "dash"), "phone"), ");"])
    return T("""
        h3. ORA-01843 on the conversion script
        The conversion from the legacy HIS writes month names in lower case when NLS_DATE_LANGUAGE is PORTUGUESE on the new host. Lines from {{conv_0{n}.sql}}:
        {code:sql}
        «rows»
        COMMIT;
        {code}
        {{ORA-01843: not a valid month}} on the second statement. Fix: {{ALTER SESSION SET NLS_DATE_LANGUAGE = AMERICAN}} at the top of the script. - «who»
        """.replace("{n}", str(r.randint(10, 99))), rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("sql_seed", True)
def t_sql_seed_psql_result(r):
    rows = []
    ps = [r.person() for _ in range(r.randint(3, 4))]
    w = max(len(f"{p.family}, {p.given}") for p in ps) + 1
    for p in ps:
        nm = f"{p.family}, {p.given}"
        rows.append([" ", P(p.mrn, "mrn"), " " * max(1, 11 - len(p.mrn)), "| ", pn(nm), " " * (w - len(nm)), "| ",
                     P(fd(p.dob, "iso"), "date"), " | ", P(p.member, "health_plan_id"), " " * (14 - len(p.member)), "| ",
                     r.choice(["TERMED", "INACTIVE", "TERMED", "PENDING"])])
    return T("""
        Members showing termed in the portal but active in the payer file. Query + output:

            clinical=> SELECT p.mrn, p.last_name || ', ' || p.first_name AS name, p.birth_date, c.member_id, c.status
            clinical->   FROM patient p JOIN coverage c ON c.patient_id = p.id
            clinical->  WHERE c.payer_code = 'MOL' AND c.status <> 'ACTIVE' AND c.updated_at > now() - interval '2 days';
                mrn     | «hdr»| birth_date |   member_id   | status
            ------------+-«dash»+------------+---------------+---------
            «rows»
            ({n} rows)

        Looks like the 271 parser maps EB*6 (inactive) for the dental plan onto the medical coverage.
        """.replace("{n}", str(len(ps))), rows=J("\n    ", rows), hdr="name".center(w), dash="-" * w)


@tpl("sql_seed", False)
def t_sql_seed_ddl(r):
    return T("""
        db/migration/V{v}__patient_identifier.sql
        ```sql
        CREATE TABLE patient_identifier (
            id              BIGSERIAL PRIMARY KEY,
            patient_id      BIGINT       NOT NULL REFERENCES patient(id),
            type            VARCHAR(8)   NOT NULL CHECK (type IN ('MR', 'SS', 'MB', 'MC', 'DL')),
            value_enc       BYTEA        NOT NULL,   -- AES-GCM, key in KMS
            value_hash      CHAR(64)     NOT NULL,   -- HMAC-SHA256 for lookups
            assigning_auth  VARCHAR(64),
            valid_from      DATE         NOT NULL DEFAULT CURRENT_DATE,
            valid_to        DATE
        );
        CREATE UNIQUE INDEX ux_pid_type_hash ON patient_identifier (type, value_hash) WHERE valid_to IS NULL;
        COMMENT ON COLUMN patient_identifier.value_enc IS 'never log; decrypt only in the identity service';
        ALTER TABLE patient DROP COLUMN ssn;
        ```
        Reviewed by «a». Rollback: V{v2}__restore_ssn_column.sql (restores from the encrypted column).
        """.replace("{v2}", str(r.randint(300, 400))).replace("{v}", str(r.randint(100, 299))), a=staff_n(r.staff()))


@tpl("sql_seed", False)
def t_sql_seed_reference(r):
    icd = r.icd(4)
    meds = r.sample(NDC, 3)
    prov = [r.staff("MD") for _ in range(2)]
    return T("""
        Reference data seed (safe to run in all environments):
        {code:sql}
        INSERT INTO ref_diagnosis (code, description) VALUES
          ('«i0»', '«d0»'), ('«i1»', '«d1»'), ('«i2»', '«d2»'), ('«i3»', '«d3»');
        INSERT INTO ref_formulary (ndc, description, tier) VALUES
          ('«n0»', '«m0»', 1), ('«n1»', '«m1»', 2), ('«n2»', '«m2»', 2);
        INSERT INTO ref_provider (npi, last_name, first_name, specialty) VALUES
          ('«p0»', '«l0»', '«f0»', 'Hospitalist'), ('«p1»', '«l1»', '«f1»', 'Cardiology');
        {code}
        Source: CMS {y} ICD-10-CM release, FDA NDC directory extract of «dl», NPPES.
        """.replace("{y}", str(r.now.year)),
             **{f"i{k}": D(icd[k][0], "diagnosis_code") for k in range(4)}, **{f"d{k}": D(icd[k][1], "condition") for k in range(4)},
             **{f"n{k}": D(meds[k][0], "drug_code") for k in range(3)}, **{f"m{k}": D(meds[k][1], "medication") for k in range(3)},
             **{f"p{k}": D(prov[k].npi, "npi") for k in range(2)}, **{f"l{k}": D(prov[k].family, "person_name") for k in range(2)},
             **{f"f{k}": D(prov[k].given, "person_name") for k in range(2)}, dl=r.ts("%m/%d/%Y"))


@tpl("sql_seed", False)
def t_sql_seed_explain(r):
    n = r.randint(2, 40) * 100000
    return T("""
        ```
        EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM claim_line WHERE member_id = $1 AND service_date >= $2;
                                                              QUERY PLAN
        -------------------------------------------------------------------------------------------------------------
         Gather  (cost=1000.00..{c1}.44 rows=12 width=311) (actual time=0.412..{t}.118 rows=9 loops=1)
           Workers Planned: 2
           ->  Parallel Seq Scan on claim_line  (cost=0.00..{c2}.24 rows=5 width=311) (actual time={t2}.3..{t}.0 rows=3 loops=3)
                 Filter: (((member_id)::text = $1) AND (service_date >= $2))
                 Rows Removed by Filter: {n}
         Planning Time: 0.221 ms
         Execution Time: {t}.164 ms
        ```
        Partition pruning doesn't kick in with a generic plan. Setting `plan_cache_mode = force_custom_plan` for the claims service fixes it (p95 from 4.1 s to 38 ms). - «who»
        """.replace("{c1}", str(r.randint(90000, 900000))).replace("{c2}", str(r.randint(80000, 800000))).replace("{t2}", str(r.randint(100, 900)))
             .replace("{t}", str(r.randint(1000, 5000))).replace("{n}", str(n)), who=staff_n(r.staff()))


@tpl("sql_seed", False)
def t_sql_seed_age_band_stats(r):
    bands = ["0-17", "18-44", "45-64", "65-79", "80-89", "90+"]
    rows = "\n".join(f" {b:<9}| {r.randint(100, 90000):>8} | {r.uniform(2, 18):>5.1f}" for b in bands)
    return T("""
        Readmission rate by age band for the quality dashboard (aggregate only, cell sizes < 11 suppressed):

            quality=> SELECT age_band, count(*) AS discharges, round(100.0 * avg(readmit_30d::int), 1) AS readmit_pct
            quality->   FROM mart.discharge_fact WHERE discharge_year = {y} GROUP BY 1 ORDER BY 1;
             age_band | discharges | readmit_pct
            ----------+------------+-------------
            «rows»
            (6 rows)

        The 90+ band is top-coded upstream, so no single ages above 89 reach the mart. Numbers reconcile with the {y} CMS file within 0.3%.
        """.replace("{y}", str(r.now.year - 1)), rows=rows.replace("\n", "\n    "))


# ======================================================================================
# family: clinical_note
# ======================================================================================

@tpl("clinical_note", True)
def t_clinical_note_soap(r):
    p, doc = r.person(age=(40, 88)), r.staff("MD")
    dx1, dx2 = r.sample(CHRONIC, 2)
    m1, m2 = r.med(2)
    visit = r.day(back=3)
    return T("""
        Pasted note for the CDS alert bug - the alert fired on this visit:

        PROGRESS NOTE - «fac» Internal Medicine
        Patient: «name»   MRN: «mrn»   DOB: «dob»   Visit: «visit»
        Provider: «doc», «role»

        S: «age» yo «sex» here for f/u of «c1». Reports good adherence to «m1». Occasional dizziness on standing, no falls. Lives with «kin» «rel».
        O: BP 148/86, HR 72, SpO2 97% RA, wt 81.4 kg. A1c 8.2 (was 7.6).
        A: 1. «c1» («i1») - not at goal. 2. «c2» («i2»).
        P: Increase «m2». Orthostatics next visit. RTC 3 months. Labs before: CMP, A1c.

        Electronically signed by «doc2» on «signed»
        """, fac=fac_n(r.fac()), name=pn(full(p)), mrn=P(p.mrn, "mrn"), dob=P(fd(p.dob, r.choice(US_DATE_STYLES)), "date"),
             visit=P(fd(visit, "us"), "date"), doc=staff_n(doc), role=doc.role, age=str(p.age), sex="F" if p.sex == "F" else "M",
             c1=D(dx1[1], "condition"), i1=D(dx1[0], "diagnosis_code"), c2=D(dx2[1], "condition"), i2=D(dx2[0], "diagnosis_code"),
             m1=D(m1, "medication"), m2=D(m2, "medication"), kin="spouse", rel=pn(r.relative(p).given),
             doc2=staff_n(doc), signed=P(fd(visit, "us") + " 16:42", "date"))


@tpl("clinical_note", True)
def t_clinical_note_ed_triage(r):
    p = r.person(age=(18, 99))
    ec = r.relative(p)
    arr = r.now - dt.timedelta(minutes=r.randint(30, 600))
    agep = age_piece(p.age)
    return T("""
        ED TRIAGE  |  Arrival «arr»  |  ESI 2  |  Mode: EMS
        «name» («agep» y, «sex»)  MRN «mrn»  Acct «acct»
        CC: «cc»
        HPI (triage): per EMS found on floor at home by «kin», unknown down time, c/o L hip pain. Takes «m1».
        Vitals: T 36.4  HR 104  BP 102/61  RR 20  SpO2 94% RA  Pain 8/10
        Allergies: «al»
        Home: «addr» - lives alone, «kin» checks daily.
        Emergency contact: «ec» («kin») cell «ecph»
        Triage RN: «rn»
        """, arr=P(arr.strftime("%m/%d/%Y %H:%M"), "date"), name=pn(f"{p.family.upper()}, {p.given}"), agep=agep,
             sex=p.sex, mrn=P(p.mrn, "mrn"), acct=P(p.acct, "account_number"), cc=D("fall, hip pain", "condition"),
             kin=kin(ec, p), m1=D(r.choice(["apixaban 5 mg BID", "warfarin 3 mg daily", "clopidogrel 75 mg"]), "medication"),
             al=D(r.choice(["penicillin (hives)", "sulfa", "NKDA", "codeine (nausea)"]), "medication"), addr=addr(p),
             ec=pn(full(ec)), ecph=ph(r, ec.cell), rn=staff_n(r.staff("RN")))


@tpl("clinical_note", True)
def t_clinical_note_referral(r):
    p, doc, to = r.person(), r.staff("MD"), r.staff("MD")
    fac = r.fac()
    dx = r.icd(1)[0]
    title = "Mrs." if p.sex == "F" else "Mr."
    return T("""
        «fac»
        Department of Family Medicine

        «date»

        «to»
        Gastroenterology

        Re: «tt» «name», DOB «dob», MRN «mrn»
            «st»
            «city», «state» «zip»
            Tel. «ph»

        Dear «to2»,

        Thank you for seeing «tt2» «fam», whom I am referring for evaluation of iron-deficiency anaemia and a positive FIT. «she» has a history of «c» («i») and takes «m». «she» would prefer a morning appointment and needs an interpreter ({lang}).

        Yours sincerely,
        «doc»
        """.replace("{lang}", r.choice(["Amharic", "Somali", "Vietnamese", "Haitian Creole", "Punjabi", "Tamil", "Tigrinya"])),
             fac=fac_n(fac), date=D(r.ts("%d %B %Y"), "event_date"), to=staff_n(to, True), tt=D(title, "title"),
             name=pn(full(p)), dob=P(fd(p.dob, "dmy_long"), "date"), mrn=P(p.mrn, "mrn"),
             st=P(p.street + (f", {p.unit}" if p.unit else ""), "street_address"), city=P(p.city, "street_address"),
             state=D(p.state, "state"), zip=P(p.zip, "zip_code"),
             ph=ph(r, p.phone), to2=D(f"Dr. {to.family}", "person_name"), tt2=D(title, "title"), fam=pn(p.family),
             she=she(p).capitalize(), c=D(dx[1], "condition"), i=D(dx[0], "diagnosis_code"), m=D(r.med(1)[0], "medication"),
             doc=[staff_n(doc, True), ", ", doc.role])


@tpl("clinical_note", True)
def t_clinical_note_operative(r):
    p, surg, anes = r.person(age=(55, 85)), r.staff("MD"), r.staff("MD")
    dos = r.day(back=2)
    sn1, sn2 = r.digits(8, True), r.letters(2) + r.digits(6)
    return T("""
        OPERATIVE REPORT
        Patient: «name»     MRN: «mrn»     Date of surgery: «dos»
        Surgeon: «surg»     Anesthesia: «anes» (general + adductor canal block)
        Preop/Postop dx: «c» («i»)
        Procedure: right total knee arthroplasty («cpt»)
        Implants:
          - Femoral component, cemented, size 6, SN «sn1»
          - Tibial baseplate size 5, lot 72{lot}, SN «sn2»
        EBL 150 mL. Tourniquet 62 min. No complications. To PACU in stable condition.
        """.replace("{lot}", r.digits(5)), name=pn(full(p)), mrn=P(p.mrn, "mrn"), dos=P(fd(dos, r.choice(["us", "long", "dmon"])), "date"),
             surg=staff_n(surg, True), anes=staff_n(anes, True), c=D("primary osteoarthritis, right knee", "condition"),
             i=D("M17.11", "diagnosis_code"), cpt=D("27447", "procedure_code"), sn1=P(sn1, "device_id"), sn2=P(sn2, "device_id"))


@tpl("clinical_note", True)
def t_clinical_note_sbar(r):
    p = r.person(age=(60, 101))
    dx = r.icd(1)[0]
    return T("""
        SBAR handoff - Rm {rm}, 19:00
        S: «name», «agep»-year-old, «mrn», new confusion since 16:00, pulled out IV x1.
        B: Admitted «adm» with «c» («i»). Baseline A&O x3 per «kin» «rel» (at bedside until 18:00, phone «ph»).
        A: Afebrile, HR 96, BP 138/70, glucose 142. Na 128 this AM. Possible delirium vs worsening «c2».
        R: Page hospitalist «hosp» if agitation escalates; recheck Na at 22:00; bed alarm on; sitter requested.
        Off-going RN «rn1» → on-coming RN «rn2»
        """.replace("{rm}", str(r.randint(300, 699))), name=pn(full(p)), agep=age_piece(p.age), mrn=P(p.mrn, "mrn"),
             adm=P(fd(r.day(back=4), "us_short"), "date"), c=D(dx[1], "condition"), i=D(dx[0], "diagnosis_code"),
             kin="family member", rel=pn(full(r.relative(p))), ph=ph(r, r.phone_parts()), c2=D("hyponatremia", "condition"),
             hosp=staff_n(r.staff("MD"), True), rn1=staff_n(r.staff("RN")), rn2=staff_n(r.staff("RN")))


@tpl("clinical_note", True)
def t_clinical_note_med_rec(r):
    p = r.person(age=(65, 95))
    rows = []
    for m in r.med(r.randint(4, 6)):
        rows.append(["| ", D(m, "medication"), " | ", r.choice(["daily", "BID", "at bedtime", "TID", "weekly"]), " | ",
                     r.choice(["continue", "hold", "stop", "continue", "change dose"]), " | ", r.choice(["patient", "pharmacy fill hx", "bottle"]), " |"])
    return T("""
        ### Admission medication reconciliation
        **Patient:** «name» · **DOB:** «dob» · **MRN:** «mrn» · **Age:** «agep»
        **Preferred pharmacy:** {pharm} · «pph»

        | Medication | Frequency | Action | Source |
        |---|---|---|---|
        «rows»

        Reconciled by «pharmd» with the patient's «kin», «rel», who brought the bottles. Discrepancy: «kin» says the «m» was stopped by the cardiologist in «mon».
        """.replace("{pharm}", r.choice(["Walgreens #", "CVS #", "Rite Aid #", "Kroger Pharmacy #"]) + str(r.randint(1000, 19999))),
             name=pn(full(p)), dob=P(fd(p.dob, "long"), "date"), mrn=P(p.mrn, "mrn"), agep=age_piece(p.age),
             pph=D(phone_fmt(r.phone_parts(), "paren"), "staff_contact"), rows=J("\n", rows), pharmd=staff_n(r.staff("PharmD")),
             kin="daughter", rel=pn(full(r.relative(p, age=(max(20, p.age - 45), p.age - 20), sex="F"))), m=D(r.choice(MEDS).split()[0], "medication"),
             mon=r.choice(MONTHS))


@tpl("clinical_note", True)
def t_clinical_note_discharge_summary(r):
    p, att = r.person(age=(88, 102)), r.staff("MD")
    adm = r.day(back=12)
    dis = adm + dt.timedelta(days=r.randint(3, 9))
    fu = dis + dt.timedelta(days=r.randint(5, 14))
    dx = r.icd(2)
    return T("""
        DISCHARGE SUMMARY
        Name: «name»                    MRN: «mrn»
        Age: «agep»                      Sex: «sex»
        Admitted: «adm»                Discharged: «dis»
        Attending: «att»
        Principal diagnosis: «c1» («i1»)
        Secondary: «c2» («i2»)
        Hospital course: treated with «m1», transitioned to oral «m2» on day 3. Mobilising with a frame.
        Disposition: home with home health (agency to visit at «addr»).
        Follow-up: PCP on «fu» at 10:20.
        """, name=pn(full(p)), mrn=P(p.mrn, "mrn"), agep=age_piece(p.age), sex="Female" if p.sex == "F" else "Male",
             adm=P(fd(adm, "us"), "date"), dis=P(fd(dis, "us"), "date"), att=staff_n(att, True),
             c1=D(dx[0][1], "condition"), i1=D(dx[0][0], "diagnosis_code"), c2=D(dx[1][1], "condition"), i2=D(dx[1][0], "diagnosis_code"),
             m1=D("piperacillin-tazobactam", "medication"), m2=D("amoxicillin-clavulanate", "medication"), addr=addr(p),
             fu=P(fd(fu, "long"), "date"))


@tpl("clinical_note", False)
def t_clinical_note_sepsis_orderset(r):
    return T("""
        h2. Adult sepsis order set - v{v} (approved by P&T {month})
        *Triggers:* SIRS >= 2 plus suspected infection, or lactate >= 2 mmol/L. Applies to «d:condition:sepsis» («d:diagnosis_code:A41.9») and «d:condition:septic shock» («d:diagnosis_code:R65.21»).

        ||Step||Order||Timing||
        |1|Lactate, blood cultures x2 before antibiotics|0-1 h|
        |2|«d:medication:piperacillin-tazobactam 4.5 g IV» q6h (or «d:medication:cefepime 2 g IV» q8h) + «d:medication:vancomycin» per pharmacy|within 1 h|
        |3|30 mL/kg crystalloid if MAP < 65 or lactate >= 4|within 3 h|
        |4|«d:medication:norepinephrine» if MAP < 65 after fluids|as needed|

        Notes: reduce fluid bolus in «d:condition:heart failure» and ESRD. Patients 90 years or older are included; the age alone does not change the bundle.
        Questions: pharmacy pager «pg».
        """.replace("{v}", f"{r.randint(3, 7)}.{r.randint(0, 4)}").replace("{month}", r.choice(MONTHS) + " " + str(r.now.year)),
             pg=D(f"{r.randint(200, 899)}-{r.digits(4)}", "staff_contact"))


@tpl("clinical_note", False)
def t_clinical_note_smartphrase(r):
    return T("""
        SmartPhrase .HFDCSUMMARY (shared, owner «own»)

        @NAME@ is a @AGE@ @SEX@ with @PROBLIST@ admitted on @ADMITDATE@ for acute decompensated heart failure.
        Weight on admission: *** kg; discharge weight: *** kg (dry weight ***).
        Diuretic at discharge: {furosemide/torsemide:12345} *** mg PO ***.
        GDMT: ***
        Follow-up: HF clinic within 7 days (@FOLLOWUPDATE@), BMP in 3-5 days.
        Patient education: daily weights, 2 g sodium, call if weight up > 2 lb/day or 5 lb/week.
        @SIGNATURE@
        """, own=staff_n(r.staff("MD"), True))


@tpl("clinical_note", False)
def t_clinical_note_renal_dosing(r):
    return T("""
        ### Renal dose adjustment quick reference (adults)
        | Drug | CrCl 30-50 | CrCl 15-29 | CrCl < 15 / HD |
        |---|---|---|---|
        | «d:medication:apixaban» (AF) | 5 mg BID unless 2 of: age ≥ 80, wt ≤ 60 kg, SCr ≥ 1.5 | same rule | 5 mg BID (limited data) |
        | «d:medication:enoxaparin» (treatment) | 1 mg/kg q12h | 1 mg/kg q24h | avoid; use UFH |
        | «d:medication:gabapentin» | 200-700 mg/day | 200-700 mg/day | 100-300 mg/day |
        | «d:medication:levofloxacin» | 750 mg q48h | 750 mg then 500 mg q48h | same |
        | «d:medication:metformin» | max 1000 mg/day (eGFR 30-45) | contraindicated | contraindicated |

        Use Cockcroft-Gault with actual body weight unless BMI > 30. Older adults (including those 90 and over) often have low creatinine from low muscle mass - estimate carefully.
        Maintained by the pharmacy clinical team - «who».
        """, who=staff_n(r.staff("PharmD")))


@tpl("clinical_note", False)
def t_clinical_note_patient_education(r):
    fac = r.fac()
    return T("""
        Patient education handout - Going home on a blood thinner («m»)

        * Take it at the same time every day. If you miss a dose, take it as soon as you remember the same day; do not double up.
        * Call us or go to the emergency department for black stools, vomiting blood, a severe headache or a fall with a head injury.
        * Tell every dentist and doctor that you take «m2».
        * Avoid «m3» and «m4» for pain unless your doctor says so; «m5» is usually safe.

        Questions? Anticoagulation clinic, «fac»: «ph» (Mon-Fri 8-4:30). After hours, ask the operator for the on-call pharmacist.
        Handout AC-{n}, revised {rev}. Reviewed by «who».
        """.replace("{n}", str(r.randint(10, 99))).replace("{rev}", r.ts("%m/%Y")), m=D("apixaban", "medication"),
             m2=D("apixaban", "medication"), m3=D("ibuprofen", "medication"), m4=D("naproxen", "medication"),
             m5=D("acetaminophen", "medication"), fac=fac_n(fac), ph=D(phone_fmt(r.phone_parts(), "paren"), "staff_contact"),
             who=staff_n(r.staff("PharmD")))


# ======================================================================================
# family: claims_csv (CSV / TSV / pipe exports)
# ======================================================================================

def csvq(piece, text):
    """Quote a CSV cell when its text needs it."""
    return ['"', piece, '"'] if ("," in text or '"' in text) else piece


@tpl("claims_csv", True)
def t_claims_csv_837_flat(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p, doc = r.person(), r.staff("MD")
        svc = r.day(back=60)
        cpt, dx = r.cpt(1)[0], r.icd(1)[0]
        nm = f"{p.family}, {p.given}"
        rows.append([P(f"{r.now.year % 100}{r.digits(3)}{r.digits(8)}", "other_id"), ",", P(p.acct, "account_number"), ",",
                     P(p.member, "health_plan_id"), ",", csvq(pn(nm), nm), ",", P(fd(p.dob, "us"), "date"), ",", p.sex, ",",
                     P(fd(svc, "us"), "date"), ",", D(cpt[0], "procedure_code"), ",", D(dx[0], "diagnosis_code"), ",",
                     f"{r.randint(80, 2400)}.00", ",", D(doc.npi, "npi"), ",", csvq(r.choice(PAYERS)[0], "x")])
    return T("""
        Attached `rejects_{d}.csv` (first rows) - clearinghouse rejected these for a missing rendering provider taxonomy:

        ```
        claim_no,patient_ctrl_no,member_id,patient_name,dob,sex,dos,cpt,dx1,billed,rendering_npi,payer
        «rows»
        ```
        «who» will add PRV*PE in loop 2310B and resubmit.
        """.replace("{d}", r.ts("%Y%m%d")), rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("claims_csv", True)
def t_claims_csv_remit_pipe(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p = r.person()
        svc = r.day(back=90)
        billed = r.randint(90, 900)
        paid = round(billed * r.uniform(0.3, 0.8), 2)
        rows.append([P(fd(svc, "hl7"), "date"), "|", P(p.acct, "account_number"), "|", pn(hl7n(p, False)), "|", P(p.member, "health_plan_id"),
                     "|", D(r.cpt(1)[0][0], "procedure_code"), f"|{billed}.00|{paid:.2f}|", r.choice(["CO-45", "PR-1", "PR-2", "CO-97", "OA-23"]),
                     "|", P(r.digits(13, True), "other_id")])
    return T("""
        Underpayment analysis - raw 835 flattened export (no header, layout: DOS|PCN|NAME|MEMBER|CPT|BILLED|PAID|CARC|ICN):
        {noformat}
        «rows»
        {noformat}
        All CO-45 lines are under the contracted rate for «payer». Escalating to managed care («mc»).
        """, rows=J("\n", rows), payer=r.choice(PAYERS)[0], mc=staff_n(r.staff()))


@tpl("claims_csv", True)
def t_claims_csv_pharmacy_tsv(r):
    rows = []
    for _ in range(r.randint(3, 4)):
        p, pres = r.person(), r.staff("MD")
        ndc = r.choice(NDC)
        rows.append([P(r.digits(7, True), "other_id"), "\t", P(fd(r.day(back=30), "us"), "date"), "\t", P(p.member, "health_plan_id"),
                     "\t", pn(fold(p.family).upper()), "\t", pn(fold(p.given).upper()), "\t", P(fd(p.dob, "hl7"), "date"), "\t",
                     D(ndc[0], "drug_code"), "\t", D(ndc[1], "medication"), "\t", str(r.choice([30, 90])), "\t", D(pres.npi, "npi"), "\t",
                     r.choice(["M/I Prior Auth", "Refill too soon", "Paid", "Non-formulary"])])
    return T("""
        PBM file for the 340B audit, rows that failed to match to an encounter (TSV as received):

        rx_no	fill_date	member_id	last	first	dob	ndc	drug	qty	prescriber_npi	status
        «rows»

        Matching logic requires an encounter within 365 days of fill; these members may be new. -- «who»
        """, rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("claims_csv", True)
def t_claims_csv_enrollment(r):
    sub = r.person(age=(30, 60))
    fam = [sub, r.relative(sub, age=(30, 60)), r.relative(sub, age=(1, 17))]
    for q in fam[1:]:
        q.family = sub.family
    rels = ["18", "01", "19"]
    eff = dt.date(r.now.year, r.choice([1, 7]), 1)
    sid = r.digits(9, True)
    rows = []
    for i, q in enumerate(fam):
        rows.append([P(sid, "health_plan_id"), f",0{i + 1},{rels[i]},", pn(q.family), ",", pn(q.given), ",", P(fd(q.dob, "hl7"), "date"), ",",
                     q.sex, ",", P(q.ssn.replace("-", ""), "ssn"), ",", csvq(P(sub.street, "street_address"), sub.street), ",",
                     P(sub.city, "street_address"), ",", D(sub.state, "state"), ",", P(f"{sub.zip}{sub.zip4}", "zip_code"), ",",
                     P(phone_fmt(sub.phone, "raw"), "phone"), ",", D(fd(eff, "hl7"), "coverage_date")])
    return T("""
        834 conversion output for one family, dependents dropped by the portal (see attached). CSV:

        subscriber_id,member_seq,rel_code,last,first,dob,gender,ssn,addr1,city,st,zip,phone,eff_date
        «rows»

        Seq 03 never shows in the portal. Relationship code 19 (child) isn't in the portal's mapping table. Assigned to «who».
        """, rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("claims_csv", True)
def t_claims_csv_eligibility_paste(r):
    rows = []
    for _ in range(r.randint(3, 5)):
        p = r.person(age=(65, 97))
        rows.append([pn(f"{fold(p.family).upper()}, {fold(p.given).upper()}"), "\t", P(p.mbi, "medicare_mbi"), "\t",
                     P(fd(p.dob, "us_nopad"), "date"), "\t", r.choice(["A/B", "A only", "C (MA)", "A/B"]), "\t",
                     r.choice(["", "QMB", "SLMB", ""]), "\t", ph(r, p.phone, "paren")])
    return T("""
        copied from the Excel the outreach team keeps (Medicare wellness visit list):
        «rows»
        The MBI column is sometimes with dashes and sometimes not - the import needs to accept both.
        """, rows=J("\n", rows))


@tpl("claims_csv", False)
def t_claims_csv_aggregate(r):
    rows = []
    for cpt, desc in r.cpt(6):
        rows.append([D(cpt, "procedure_code"), ",", csvq(desc, desc), ",", str(r.randint(20, 4000)), ",", f"{r.uniform(0.01, 0.2):.3f}",
                     ",", f"{r.randint(40, 900)}.{r.randint(10, 99)}"])
    return T("""
        Denial rate by CPT, {q} (all payers, no patient-level data):

        cpt,description,claims,denial_rate,avg_paid
        «rows»

        Highest denial payer: {payer}. Source: claims warehouse snapshot {snap}; refresh nightly at 02:00.
        """.replace("{q}", f"Q{r.randint(1, 4)} {r.now.year}").replace("{payer}", r.choice(PAYERS)[0]).replace("{snap}", r.uuid()[:8]),
             rows=J("\n", rows))


@tpl("claims_csv", False)
def t_claims_csv_file_layout(r):
    return T("""
        ||Pos||Field||Type||Len||Format / notes||
        |1|record_type|AN|2|'PR' patient record, 'CL' claim line|
        |3|member_id|AN|12|left-justified, space filled|
        |15|last_name|AN|35|upper case, no diacritics|
        |50|first_name|AN|25| |
        |75|birth_date|N|8|CCYYMMDD|
        |83|gender|AN|1|M, F, U|
        |84|service_from|N|8|CCYYMMDD|
        |92|cpt_hcpcs|AN|5| |
        |97|icd_primary|AN|7|no decimal point|
        |104|billed_amt|N|9|implied 2 decimals, zero filled|

        Example record (all test values): {{PR000000000000ZZTEST                             ZZTEST                   00000000U}}
        Layout v{v}, owner «who».
        """.replace("{v}", f"{r.randint(2, 6)}.{r.randint(0, 9)}"), who=staff_n(r.staff()))


@tpl("claims_csv", False)
def t_claims_csv_fee_schedule(r):
    rows = []
    for cpt, desc in r.cpt(6):
        rows.append([D(cpt, "procedure_code"), ",", r.choice(["", "26", "TC", "25", ""]), ",", csvq(desc, desc), ",",
                     f"{r.randint(20, 1500)}.{r.randint(10, 99)}", ",", r.ts("%Y-01-01")])
    return T("""
        fee_schedule_{y}.csv - commercial contract, effective Jan 1:

        cpt,modifier,description,allowed,effective
        «rows»

        Loaded into the contract module by «who». Variance report vs {py}: +3.1% average.
        """.replace("{y}", str(r.now.year)).replace("{py}", str(r.now.year - 1)), rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("claims_csv", False)
def t_claims_csv_provider_roster(r):
    rows = []
    for _ in range(r.randint(4, 6)):
        s = r.staff("MD")
        c = r.choice(CITIES)
        rows.append([D(s.npi, "npi"), ",", D(fold(s.family).upper(), "person_name"), ",", D(fold(s.given).upper(), "person_name"), ",",
                     r.choice(["207Q00000X", "207R00000X", "208D00000X", "363LF0000X", "207RC0000X"]), ",",
                     D(f"{r.randint(10, 9999)} {r.choice(STREETS)} {r.choice(SUFFIXES)}", "facility_address"), ",",
                     D(c[0], "facility_address"), ",", D(c[1], "state"), ",", D(phone_fmt(r.phone_parts(), "raw"), "staff_contact"), ",",
                     r.choice(["Y", "Y", "N"])])
    return T("""
        Provider roster for the payer directory refresh (quarterly attestation):

        npi,last_name,first_name,taxonomy,practice_address,city,state,office_phone,accepting_new
        «rows»

        TIN on file for the group: {tin}. Submitted through the payer portal by «who»; confirmation {conf}.
        """.replace("{tin}", f"{r.digits(2)}-{r.digits(7)}").replace("{conf}", r.letters(3) + r.digits(8)), rows=J("\n", rows),
             who=staff_n(r.staff()))


# ======================================================================================
# family: email_forward
# ======================================================================================

def mail_date(r, back=0):
    t = r.now - dt.timedelta(minutes=back + r.randint(0, 90))
    return t.strftime("%A, %B %d, %Y %I:%M %p").replace(" 0", " ")


@tpl("email_forward", True)
def t_email_forward_outlook_fw(r):
    fac, p = r.fac(), r.person(age=(40, 70))
    mom = r.relative(p, age=(86, 99), sex="F")
    st = r.staff()
    adm = r.day(back=20)
    return T("""
        FYI - forwarding for the grievance log. «st»

        From: «pname» <«pem»>
        Sent: «d1»
        To: Patient Relations <«pr»>
        Subject: Complaint - my mother's stay on 5 East

        To whom it may concern,

        My mother, «mom» (date of birth «mdob»), was admitted on «adm» and spent two nights on 5 East. She is «mage» and hard of hearing, and nobody used the pocket talker we brought. Her hearing aids went missing on the second night.
        Her MRN is «mrn». Please call me at «ph» or write back to this address.

        «pname2»
        «paddr»
        """, st=staff_n(st), pname=pn(full(p)), pem=P(p.email, "email"), d1=D(mail_date(r, 600), "header_date"),
             pr=D(f"patientrelations@{fac[2]}", "staff_contact"), mom=pn(full(mom)), mdob=P(fd(mom.dob, "long"), "date"),
             adm=P(fd(adm, "long"), "date"), mage=age_piece(mom.age), mrn=P(mom.mrn, "mrn"), ph=ph(r, p.cell),
             pname2=pn(full(p)), paddr=addr(p, "twoline"))


@tpl("email_forward", True)
def t_email_forward_reply_chain(r):
    fac, p, st = r.fac(), r.person(), r.staff("RN")
    appt = r.day(fwd=14)
    return T("""
        Hi «pg»,

        I've moved you to «appt» at 9:40 with the same nurse practitioner. You'll get a text reminder two days before.

        Kind regards,
        «st», «role»
        Scheduling, «fac» | «sph»

        On «d1», «pname» <«pem»> wrote:
        > hello, can i change my appointment next week? i start a new job. my date of birth is «dob» and my
        > chart number is «mrn». my new cell is «ph». thanks
        > «pname2»
        >
        > Sent from Yahoo Mail for Android
        """, pg=pn(p.given), appt=P(fd(appt, "long"), "date"), st=staff_n(st), role=st.role, fac=fac_n(fac),
             sph=D(phone_fmt(r.phone_parts(), "dash") + " " + st.ext, "staff_contact"),
             d1=D(r.ts("%a, %b %d, %Y at %I:%M %p", 900), "header_date"), pname=pn(full(p)), pem=P(p.email, "email"),
             dob=P(fd(p.dob, r.choice(["us_short", "us_nopad", "dash_us"])), "date"), mrn=P(p.mrn, "mrn"), ph=ph(r, p.cell, "raw"),
             pname2=pn(p.given.lower()))


@tpl("email_forward", True)
def t_email_forward_gmail_attach(r):
    fac, p = r.fac(), r.person()
    dl = r.choice(["D", "S", "F"]) + r.digits(7)
    img = f"IMG_{r.randint(1000, 9999)}.jpg"
    return T("""
        ---------- Forwarded message ---------
        From: «pname» <«pem»>
        Date: «d1»
        Subject: ID for new patient registration
        To: <«reg»>

        Hi, attaching my driver's license and insurance card for the registration next week.
        DL # «dl» ({st}), member id «mid».
        Address on the license is old, new one is «addr».

        2 attachments
        «img» (1.8 MB)
        «card» (1.1 MB)

        -- forwarded to the service desk by «fw»: the registration mailbox rejects attachments over 1 MB, can you raise the limit?
        """.replace("{st}", p.state), pname=pn(full(p)), pem=P(p.email, "email"), d1=D(r.ts("%a, %b %d, %Y at %I:%M %p"), "header_date"),
             reg=D(f"registration@{fac[2]}", "staff_contact"), dl=P(dl, "license_number"), mid=P(p.member, "health_plan_id"),
             addr=addr(p), img=P(img, "photo"), card=f"insurance_card_{r.choice(['front', 'both_sides'])}.pdf", fw=staff_n(r.staff()))


@tpl("email_forward", True)
def t_email_forward_spanish(r):
    hijo = r.person(age=(25, 50), culture="mexican", sex="M")
    padre = r.relative(hijo, age=(70, 95), sex="M")
    sw = r.staff("LCSW")
    alta = r.day(back=7)
    return T("""
        De: «hijo» <«em»>
        Enviado el: «d1»
        Para: Trabajo Social <«ts»>
        Asunto: RE: alta de mi papá

        Buenos días, les confirmo que mi papá «padre» (fecha de nacimiento «fn», expediente «exp») va a vivir conmigo después del alta del «alta». Mi dirección es «dir». Mi celular: «tel».
        Necesitamos la cama de hospital y el oxígeno en casa antes de esa fecha.

        Saludos,
        «hijo2»

        -----Mensaje original-----
        De: «sw» <«swm»>
        Asunto: alta de mi papá
        ¿Nos puede confirmar la dirección donde va a estar su papá después del alta?
        """, hijo=pn(full(hijo)), em=P(hijo.email, "email"), d1=D(r.ts("%d/%m/%Y %H:%M"), "header_date"),
             ts=D(f"trabajosocial@{r.fac()[2]}", "staff_contact"), padre=pn(full(padre)), fn=P(fd(padre.dob, "dmy"), "date"),
             exp=P(padre.mrn, "mrn"), alta=P(fd(alta, "es"), "date"), dir=addr(hijo), tel=ph(r, hijo.cell), hijo2=pn(hijo.given),
             sw=staff_n(sw), swm=D(f"{sw.handle}@{r.fac()[2]}", "staff_contact"))


@tpl("email_forward", True)
def t_email_forward_efax(r):
    fac, p, doc = r.fac(), r.person(age=(50, 95)), r.staff("MD")
    return T("""
        You have received a 3 page fax from «from» at «d1».
        ======================================================
        FAX COVER - PRIOR AUTHORIZATION REQUEST
        To: Utilization Management   Fax: «umfax»
        From: «doc», «fac»   Fax: «docfax»

        Patient: «name»     DOB: «dob»     Member ID: «mid»
        Requested: MRI lumbar spine without contrast («cpt»)  Dx: «c» («i»)
        Planned date of service: «dos»
        Patient phone: «ph»
        ======================================================
        (pages 2-3: clinical notes, OCR text not available)

        Jira automation created this issue from the UM inbox. «um» please route to the nurse reviewer queue.
        """, **{"from": D(phone_fmt(r.phone_parts(), "plus1dash"), "staff_contact")}, d1=D(r.ts("%m/%d/%Y %I:%M %p"), "header_date"),
             umfax=D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"), doc=staff_n(doc, True), fac=fac_n(fac),
             docfax=D(phone_fmt(r.phone_parts(), "dot"), "staff_contact"), name=pn(full(p)), dob=P(fd(p.dob, "us"), "date"),
             mid=P(p.member, "health_plan_id"), cpt=D("72148", "procedure_code"), c=D("low back pain with radiculopathy", "condition"),
             i=D("M54.16", "diagnosis_code"), dos=P(fd(r.day(fwd=21), "us"), "date"), ph=ph(r, p.phone), um=staff_n(r.staff()))


@tpl("email_forward", False)
def t_email_forward_vendor_downtime(r):
    t = r.now + dt.timedelta(days=r.randint(3, 12))
    return T("""
        From: Customer Success <notifications@{vendor}.com>
        Sent: «d1»
        Subject: [Scheduled Maintenance] Hosted interface engine - {when}

        Dear customer,

        We will upgrade the hosted interface engine to version {ver} on {when}, 01:00-03:00 US Central. Inbound MLLP connections will queue on your side; no messages will be lost.

        Join the bridge during the window: +1 646 558 8656, meeting ID 941 2288 5517, passcode 774201.
        Status page: https://status.{vendor}.com

        Questions: support@{vendor}.com or 1-800-{tf}.
        Ticket reference: CHG-{chg}
        """.replace("{vendor}", r.choice(["interlinkhealth", "medbridgeio", "corepointhub"])).replace("{when}", t.strftime("%A, %B %d"))
             .replace("{ver}", f"{r.randint(6, 9)}.{r.randint(0, 9)}.{r.randint(0, 20)}").replace("{tf}", f"{r.randint(200, 999)}-{r.digits(4)}")
             .replace("{chg}", r.digits(6)), d1=D(mail_date(r, 3000), "header_date"))


@tpl("email_forward", False)
def t_email_forward_staff_schedule(r):
    fac = r.fac()
    a, b, c = r.staff("RN"), r.staff("RN"), r.staff("RN")
    return T("""
        From: «a» <«am»>
        Sent: «d1»
        To: 5E Nursing <«dl»>
        Cc: «b»
        Subject: Holiday schedule swap - please confirm

        Hi all,
        «c» and I swapped: I'm now on nights 12/24-12/25, «c2» takes 12/31. Unit clerk please update the board. If anyone needs me, my cell is «acell» (work phone).

        Thanks!
        «a2», RN, Charge Nurse 5 East
        «fac» | Vocera: «vo»
        """, a=staff_n(a), am=staff_mail(a, fac), d1=D(mail_date(r, 200), "header_date"), dl=D(f"5e-nursing@{fac[2]}", "staff_contact"),
             b=staff_n(b), c=staff_n(c), c2=staff_n(c), acell=D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"), a2=staff_n(a),
             fac=fac_n(fac), vo=D(f"{a.given.split()[0]} {a.family}", "person_name"))


@tpl("email_forward", False)
def t_email_forward_phishing(r):
    fac = r.fac()
    return T("""
        Reported via the Phish Alert button by «rep» - forwarded to Security:

        From: "Payroll Services" <payroll-update@{bad}>
        Date: «d1»
        Subject: ACTION REQUIRED: confirm your direct deposit before Friday

        Your payroll profile will be suspended. Verify at hxxps://{bad}/{fac}/login?session={sess}
        Received: from mail-{mx}.{bad} ([{ip}]) by mx1.{dom}; X-Originating-IP: [{ip}]

        SOC note («soc»): domain registered 2 days ago, blocked at the proxy; 14 other recipients, 1 click, password reset forced for that user.
        """.replace("{bad}", r.choice(["hr-payroll-portal.top", "benefits-verify.click", "workday-secure.help"]))
             .replace("{fac}", fac[1].lower()).replace("{sess}", r.uuid().replace("-", "")).replace("{mx}", str(r.randint(1, 40)))
             .replace("{ip}", f"185.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}").replace("{dom}", fac[2]),
             rep=staff_n(r.staff()), d1=D(r.ts("%a, %d %b %Y %H:%M:%S +0000"), "header_date"), soc=staff_n(r.staff()))


@tpl("email_forward", False)
def t_email_forward_cme_invite(r):
    fac = r.fac()
    sp, org = r.staff("MD"), r.staff()
    when = r.now + dt.timedelta(days=r.randint(7, 40))
    return T("""
        From: Medical Staff Office <«mso»>
        Sent: «d1»
        To: All Medical Staff
        Subject: Grand Rounds - "Delirium in patients aged 90 and older"

        Please join us on {when}, 12:00-13:00, Auditorium B, or online.
        Speaker: «sp», Geriatric Medicine
        1.0 AMA PRA Category 1 Credit™. Lunch provided for in-person attendees.

        Microsoft Teams: join link in the calendar invite. Dial in: +1 323-849-4874, conference ID 731 502 118#
        Questions: «org», «orgph»
        """.replace("{when}", when.strftime("%A, %B %d")), mso=D(f"medstaff@{fac[2]}", "staff_contact"),
             d1=D(mail_date(r, 2000), "header_date"), sp=staff_n(sp, True), org=staff_n(org),
             orgph=D(phone_fmt(r.phone_parts(), "dash") + " " + org.ext, "staff_contact"))


# ======================================================================================
# family: x12_edi
# ======================================================================================

def x12_env(r, kind, ver):
    """ISA and GS segments; their dates are file creation times (like HL7 MSH-7)."""
    d = r.now
    ctl = r.digits(9)
    return [f"ISA*00*          *00*          *ZZ*{r.letters(6):<15}*ZZ*{r.letters(5):<15}*", D(f"{d:%y%m%d}", "message_time"),
            f"*{d:%H%M}*^*00501*{ctl}*0*P*:~\n",
            f"GS*{kind}*{r.letters(6)}*{r.letters(5)}*", D(f"{d:%Y%m%d}", "message_time"), f"*{d:%H%M}*{int(ctl) % 10000}*X*{ver}~\n"]


def bht(r, purpose, tail="*CH~"):
    return [f"BHT*{purpose}*{r.digits(6)}*", D(f"{r.now:%Y%m%d}", "message_time"), f"*{r.now:%H%M}{tail}"]


def nm1_il(p, idq="MI", idv=None, idkind="health_plan_id"):
    return ["NM1*IL*1*", pn(fold(p.family).upper()), "*", pn(fold(p.given).upper()), f"****{idq}*", P(idv or p.member, idkind), "~"]


def n3n4(p, zip4=True):
    n3 = ["N3*", P(fold(p.street).upper(), "street_address")] + (["*", P(p.unit.upper(), "street_address")] if p.unit else []) + ["~"]
    n4 = ["N4*", P(fold(p.city).upper(), "street_address"), "*", D(p.state, "state"), "*", P(p.zip + (p.zip4 if zip4 else ""), "zip_code"), "~"]
    return [n3, "\n", n4]


@tpl("x12_edi", True)
def t_x12_edi_837p(r):
    fac, p, doc = r.fac(), r.person(), r.staff("MD")
    svc = r.day(back=20)
    onset = svc - dt.timedelta(days=r.randint(2, 30))
    dx1, dx2 = r.icd(2)
    cpt = r.cpt(1)[0]
    amt = r.randint(90, 600)
    fac_npi = r.npi()
    body = J("\n", [
        "ST*837*0001*005010X222A1~", bht(r, "0019*00"),
        ["NM1*85*2*", D(fold(fac[0]).upper(), "facility"), "*****XX*", D(fac_npi, "npi"), "~"],
        ["REF*EI*", D(r.digits(9), "internal_id"), "~"],
        "HL*2*1*22*0~", ["SBR*P*18*", D(r.digits(6), "group_number"), "******CI~"],
        nm1_il(p), n3n4(p), ["DMG*D8*", P(fd(p.dob, "hl7"), "date"), "*", p.sex, "~"],
        f"NM1*PR*2*{fold(r.choice(PAYERS)[0]).upper()}*****PI*{r.digits(5)}~",
        ["CLM*", P(p.acct, "account_number"), f"*{amt}***11:B:1*Y*A*Y*Y~"],
        ["DTP*431*D8*", P(fd(onset, "hl7"), "date"), "~"],
        ["HI*ABK:", D(dx1[0].replace(".", ""), "diagnosis_code"), "*ABF:", D(dx2[0].replace(".", ""), "diagnosis_code"), "~"],
        ["NM1*82*1*", D(fold(doc.family).upper(), "person_name"), "*", D(fold(doc.given).upper(), "person_name"), "****XX*", D(doc.npi, "npi"), "~"],
        "LX*1~", ["SV1*HC:", D(cpt[0], "procedure_code"), f"*{amt}*UN*1***1~"], ["DTP*472*D8*", P(fd(svc, "hl7"), "date"), "~"],
        f"SE*{r.randint(20, 30)}*0001~",
    ])
    return T("""
        Clearinghouse 277CA rejected the claim with A7:562 (entity's NPI) - but the NPI is valid. The 837P as sent:

        {code}
        «env»«body»
        GE*1*{gs}~
        IEA*1*{isa}~
        {code}
        Is the rendering NPI (2310B) required to be enrolled with this payer even when it equals the billing NPI? «who» to check the companion guide.
        """.replace("{gs}", r.digits(4)).replace("{isa}", r.digits(9)), env=x12_env(r, "HC", "005010X222A1"), body=body,
             who=staff_n(r.staff()))


@tpl("x12_edi", True)
def t_x12_edi_270_271(r):
    p = r.person()
    req = J("\n", [
        "ST*270*0001*005010X279A1~", bht(r, "0022*13", "~"),
        "HL*1**20*1~", "NM1*PR*2*PAYER*****PI*" + r.digits(5) + "~", "HL*3*2*22*0~",
        nm1_il(p), ["REF*SY*", P(p.ssn.replace("-", ""), "ssn"), "~"], ["DMG*D8*", P(fd(p.dob, "hl7"), "date"), "~"],
        ["DTP*291*D8*", D(r.ts("%Y%m%d"), "coverage_date"), "~"], "EQ*30~",
    ])
    resp = J("\n", [
        nm1_il(p), n3n4(p, zip4=False), ["DMG*D8*", P(fd(p.dob, "hl7"), "date"), "*", p.sex, "~"],
        ["DTP*346*D8*", D(f"{r.now.year}0101", "coverage_date"), "~"],
        f"EB*1*IND*30**{r.choice(['PPO', 'HMO', 'EPO'])} GOLD~", "EB*B*IND*98***27*40~",
        "MSG*PCP VISIT COPAY~", "EB*C*IND*30****23*1500*****Y~",
    ])
    return T("""
        *Eligibility check returns AAA*Y**72 (invalid member id) intermittently*

        Request:
        {noformat}
        «req»
        {noformat}
        Successful response 10 min later, same request:
        {noformat}
        «resp»
        {noformat}
        Payer said their 270 front end fails over to a node without the SSN index. Case opened with payer EDI support on «d».
        """, req=req, resp=resp, d=D(r.ts("%m/%d"), "event_date"))


@tpl("x12_edi", True)
def t_x12_edi_835(r):
    lines = []
    for _ in range(r.randint(2, 3)):
        p = r.person()
        svc = r.day(back=60)
        cpt = r.cpt(1)[0]
        billed = r.randint(100, 900)
        paid = round(billed * r.uniform(0.4, 0.8), 2)
        lines += [["CLP*", P(p.acct, "account_number"), f"*1*{billed}*{paid}*{round((billed - paid) * 0.2, 2)}*12*",
                   P(r.digits(14, True), "other_id"), "*11*1~"],
                  ["NM1*QC*1*", pn(fold(p.family).upper()), "*", pn(fold(p.given).upper()), "****MI*", P(p.member, "health_plan_id"), "~"],
                  ["DTM*232*", P(fd(svc, "hl7"), "date"), "~"], ["DTM*233*", P(fd(svc, "hl7"), "date"), "~"],
                  ["SVC*HC:", D(cpt[0], "procedure_code"), f"*{billed}*{paid}**1~"], ["DTM*472*", P(fd(svc, "hl7"), "date"), "~"],
                  f"CAS*CO*45*{round((billed - paid) * 0.8, 2)}~"]
    return T("""
        835 posting error: payments posted to the wrong account when CLP01 has a leading zero stripped. ERA segment excerpt:

        «lines»

        Our PCNs are alphanumeric; the poster casts CLP01 to a number. Fix in the 835 loader mapping (owner «o»).
        """, lines=J("\n", lines), o=staff_n(r.staff()))


@tpl("x12_edi", True)
def t_x12_edi_834(r):
    sub = r.person(age=(28, 60))
    spouse = r.relative(sub, age=(28, 60))
    eff = D(f"{r.now.year}0101", "coverage_date")
    grp = D(r.letters(2) + r.digits(5), "group_number")

    def member(q, ins):
        return J("\n", [ins, ["REF*0F*", P(sub.member, "health_plan_id"), "~"], ["REF*1L*", grp, "~"], ["DTP*356*D8*", eff, "~"],
                        ["NM1*IL*1*", pn(fold(q.family).upper()), "*", pn(fold(q.given).upper()), "****34*", P(q.ssn.replace("-", ""), "ssn"), "~"],
                        ["PER*IP**HP*", P(phone_fmt(sub.phone, "raw"), "phone"), "*EM*", P(sub.email, "email"), "~"],
                        n3n4(sub), ["DMG*D8*", P(fd(q.dob, "hl7"), "date"), "*", q.sex, "*M~"], "HD*021**HLT*PPO500*FAM~"])
    return T("""
        834 from the employer group fails our validator on the spouse loop: "DMG03 gender inconsistent with prior enrollment". Two INS loops:

        ```
        «m1»
        «m2»
        ```
        The employer's HRIS changed the spouse's gender marker; our validator should accept changes with INS03=001. - «who»
        """, m1=member(sub, "INS*Y*18*021*28*A***FT~"), m2=member(spouse, "INS*N*01*001*25*A***FT~"), who=staff_n(r.staff()))


@tpl("x12_edi", False)
def t_x12_edi_999(r):
    return T("""
        999 rejecting the whole batch since the payer's upgrade:
        {code}
        «env»ST*999*0001*005010X231A1~
        AK1*HC*{gs}*005010X222A1~
        AK2*837*0001*005010X222A1~
        IK3*NM1*{seg}*2010BA*8~
        IK4*9*67*7*XX~
        IK5*R*5~
        AK9*R*{n}*{n}*0~
        SE*8*0001~
        GE*1*{gs2}~
        IEA*1*{isa}~
        {code}
        IK4 says NM109 (id code) in 2010BA has an invalid qualifier: we send {{XX}} where the payer expects {{MI}}. Our map hard-codes XX for every NM1 - see mapping rule 2010BA-NM108. Fix by «who».
        """.replace("{gs}", r.digits(4)).replace("{seg}", str(r.randint(10, 30))).replace("{n}", str(r.randint(20, 400)))
             .replace("{gs2}", r.digits(4)).replace("{isa}", r.digits(9)), env=x12_env(r, "FA", "005010X231A1"), who=staff_n(r.staff()))


@tpl("x12_edi", False)
def t_x12_edi_companion_guide(r):
    return T("""
        h3. Companion guide notes - 837P loop 2010BA (Subscriber Name)
        ||Seg||Elem||Name||Our usage||
        |NM1|NM101|Entity Identifier Code|IL|
        |NM1|NM103|Subscriber Last Name|as on the card, upper case|
        |NM1|NM104|Subscriber First Name|optional for organisations|
        |NM1|NM108|Identification Code Qualifier|MI (member id) - never II|
        |NM1|NM109|Subscriber Primary Identifier|member id incl. 2-digit suffix|
        |N3|N301|Address Information|required when the subscriber is the patient|
        |DMG|DMG02|Date Time Period|CCYYMMDD|
        |DMG|DMG03|Gender Code|F, M or U|

        Test files must use the payer's test subscriber (member id from the payer's test kit, DOB 19000101). Revision {rev}, «who».
        """.replace("{rev}", f"{r.randint(1, 9)}.{r.randint(0, 9)}"), who=staff_n(r.staff()))


@tpl("x12_edi", False)
def t_x12_edi_277ca_summary(r):
    rows = []
    for code, desc in r.sample([("A7:562", "Entity's NPI"), ("A7:21", "Missing or invalid information"), ("A3:116", "Claim submitted to the incorrect payer"),
                                ("A7:187", "Date(s) of service"), ("A8:503", "Entity's tax id"), ("A7:164", "Entity's contract/member number")], 4):
        rows.append(f"| {code} | {desc} | {r.randint(3, 400)} | {r.randint(0, 100)}% |")
    return T("""
        277CA rejection summary, batch week {wk}

        | STC | Meaning | Claims | Fixed by resubmission |
        |---|---|---|---|
        «rows»

        Trend is down from last week. Most A7:562 are from the new urgent care site whose billing NPI is not yet enrolled with two payers (enrollment pending, ETA 30 days). - «who»
        """.replace("{wk}", r.now.strftime("%G-W%V")), rows="\n".join(rows), who=staff_n(r.staff()))


@tpl("x12_edi", False)
def t_x12_edi_payer_list(r):
    rows = []
    for name, phone in r.sample(PAYERS, 5):
        rows.append(f"| {name} | {r.digits(5)} | {r.choice(['837P, 837I, 270/271, 276/277, 835', '837P, 835', '270/271, 837P, 835'])} | {phone} | {r.choice(['yes', 'no'])} |")
    return T("""
        h3. Payer ID list - clearinghouse enrollment status
        ||Payer||Payer ID||Transactions||Provider services phone||ERA enrollment required||
        «rows»

        Payer IDs change; always check the clearinghouse list before adding a new payer to the claim scrubber. Last synced {d} by «who».
        """.replace("{d}", r.ts("%Y-%m-%d")), rows="\n".join(rows), who=staff_n(r.staff()))


# ======================================================================================
# family: dicom_dump
# ======================================================================================

def uid(r):
    return "1.2.840.113619.2." + ".".join(str(r.randint(1, 99999)) for _ in range(5))


def dcm(tag, vr, val, comment):
    """One dcmdump line; val is a piece (or list)."""
    return [f"({tag}) {vr} [", val, f"]  # {comment}"]


@tpl("dicom_dump", True)
def t_dicom_dump_dcmdump(r):
    fac, p, ref = r.fac(), r.person(age=r.choice([(30, 88), (90, 100)])), r.staff("MD")
    study = r.day(back=5)
    age = f"{p.age:03d}Y"
    lines = [
        "# Dicom-File-Format", "", "# Dicom-Meta-Information-Header", "# Used TransferSyntax: Little Endian Explicit",
        dcm("0002,0003", "UI", D(uid(r), "internal_id"), "MediaStorageSOPInstanceUID"), "", "# Dicom-Data-Set",
        dcm("0008,0020", "DA", P(fd(study, "hl7"), "date"), "StudyDate"),
        dcm("0008,0030", "TM", f"{r.randint(7, 20):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}", "StudyTime"),
        dcm("0008,0050", "SH", P(f"A{r.digits(9)}", "other_id"), "AccessionNumber"),
        dcm("0008,0060", "CS", r.choice(["CT", "MR", "CR", "US"]), "Modality"),
        dcm("0008,0080", "LO", D(fac[0], "facility"), "InstitutionName"),
        dcm("0008,0090", "PN", D(f"{fold(ref.family).upper()}^{fold(ref.given).upper()}", "person_name"), "ReferringPhysicianName"),
        dcm("0010,0010", "PN", pn(hl7n(p, False)), "PatientName"),
        dcm("0010,0020", "LO", P(p.mrn, "mrn"), "PatientID"),
        dcm("0010,0030", "DA", P(fd(p.dob, "hl7"), "date"), "PatientBirthDate"),
        dcm("0010,0040", "CS", p.sex, "PatientSex"),
        dcm("0010,1010", "AS", P(age, "age_over_89") if p.age >= 90 else age, "PatientAge"),
        dcm("0010,1040", "LO", [P(fold(p.street), "street_address"), " ", P(fold(p.city), "street_address"), " ", D(p.state, "state"), " ",
                                P(p.zip, "zip_code")], "PatientAddress"),
        dcm("0010,2154", "SH", P(phone_fmt(p.phone, "dash"), "phone"), "PatientTelephoneNumbers"),
        dcm("0018,1000", "LO", D(r.digits(6), "internal_id"), "DeviceSerialNumber"),
        dcm("0020,000d", "UI", D(uid(r), "internal_id"), "StudyInstanceUID"),
    ]
    return T("""
        Images from the outside CD don't import: PACS says "Patient ID conflict". dcmdump of the first file:

        {noformat}
        «lines»
        {noformat}
        The outside hospital put the address in (0010,1040) which our import rule maps to OtherPatientIDs by mistake. «who» is fixing the tag morphing rule.
        """, lines=J("\n", lines), who=staff_n(r.staff()))


@tpl("dicom_dump", True)
def t_dicom_dump_pydicom(r):
    p = r.person(age=(2, 80))
    study = r.day(back=2)

    def row(tag, name, vr, val):
        return [f"({tag}) {name:<35} {vr}: ", val]
    lines = [
        row("0008, 0020", "Study Date", "DA", ["'", P(fd(study, "hl7"), "date"), "'"]),
        row("0008, 0050", "Accession Number", "SH", ["'", P(r.digits(10, True), "other_id"), "'"]),
        row("0010, 0010", "Patient's Name", "PN", ["'", pn(hl7n(p, True)), "'"]),
        row("0010, 0020", "Patient ID", "LO", ["'", P(p.mrn, "mrn"), "'"]),
        row("0010, 0030", "Patient's Birth Date", "DA", ["'", P(fd(p.dob, "hl7"), "date"), "'"]),
        row("0010, 1000", "Other Patient IDs", "LO", ["'", P(p.ssn.replace("-", ""), "ssn"), "'"]),
        row("0010, 21b0", "Additional Patient History", "LT", ["'", D(r.choice(["r/o fracture", "cough x3 wks", "follow-up nodule"]), "condition"), "'"]),
        row("0020, 000d", "Study Instance UID", "UI", D(uid(r), "internal_id")),
        row("0028, 0010", "Rows", "US", str(r.choice([512, 1024, 2048]))),
        row("7fe0, 0010", "Pixel Data", "OW", D(f"Array of {r.randint(500000, 9000000)} elements", "photo")),
    ]
    return T("""
        ```python
        >>> ds = pydicom.dcmread("incoming/{f}.dcm")
        >>> print(ds)
        «lines»
        ```
        Why is the SSN in Other Patient IDs? The registration system at the imaging center copies it there. Need a scrub rule before these go to the research archive. @«who»
        """.replace("{f}", r.uuid()[:8]), lines=J("\n", lines), who=staff_n(r.staff()))


@tpl("dicom_dump", True)
def t_dicom_dump_worklist(r):
    fac = r.fac()
    rows = []
    for _ in range(r.randint(2, 3)):
        p = r.person(age=(20, 92))
        t = r.now + dt.timedelta(hours=r.randint(1, 30))
        rows.append([f"I: ---------------------------\nI: (0008,0050) SH [", P(f"{fac[1]}{r.digits(7)}", "other_id"), "]\n",
                     "I: (0010,0010) PN [", pn(hl7n(p, False)), "]\nI: (0010,0020) LO [", P(p.mrn, "mrn"), "]\n",
                     "I: (0010,0030) DA [", P(fd(p.dob, "hl7"), "date"), "]\nI: (0040,0100) SQ (Sequence)\n",
                     "I:   (0040,0002) DA [", P(t.strftime("%Y%m%d"), "date"), "]  # ScheduledProcedureStepStartDate\n",
                     "I:   (0040,0003) TM [", t.strftime("%H%M00"), "]\nI:   (0040,0007) LO [",
                     r.choice(["CT ABD/PELVIS W CONTRAST", "MRI BRAIN WO", "XR CHEST 2V", "US RENAL"]), "]"])
    return T("""
        Modality worklist on CT2 shows nothing after 14:00. findscu from the modality subnet returns entries, so the broker works:

        ```
        $ findscu -v -W -aet CT2 -aec MWL_BROKER {ip} 104 -k 0008,0060=CT -k 0040,0100[0].0040,0001=CT2
        «rows»
        I: Received Final Find Response (Success)
        ```
        So the CT2 console filters out something. Vendor case opened; «who» on site tomorrow.
        """.replace("{ip}", r.ip_private()), rows=J("\n", rows), who=staff_n(r.staff()))


@tpl("dicom_dump", True)
def t_dicom_dump_pacs_merge(r):
    fac = r.fac()
    p = r.person(native_ok="force", culture=r.choice(["korean", "chinese", "japanese"]))
    ideo = p.native.replace(" ", "^") if " " in p.native else (p.native[0] + "^" + p.native[1:])
    other = r.mrn()
    return T("""
        h3. Merge request: two PACS patients for the same person
        *Requested by:* «req» (film library)   *Approver:* «appr»

        ||Field||PACS patient A||PACS patient B||
        |(0010,0010)|«na»|«nb»|
        |(0010,0020)|«ma»|«mb»|
        |(0010,0030)|«da»|«db»|
        |Studies|{na} ({first} .. {last})|1 (outside CD)|

        Patient B came from an outside CD with the name in Latin and ideographic groups. EMPI says «mc» is the surviving MRN. Please merge B into A and re-send the A40 to the VNA.
        """.replace("{na}", str(r.randint(2, 14))).replace("{first}", str(r.now.year - r.randint(3, 8))).replace("{last}", str(r.now.year)),
             req=staff_n(r.staff()), appr=staff_n(r.staff()), na=pn(hl7n(p, False)),
             nb=pn(f"{fold(p.family).upper()}^{fold(p.given).upper()}={ideo}"), ma=P(p.mrn, "mrn"), mb=P(other, "mrn"),
             da=P(fd(p.dob, "hl7"), "date"), db=P(fd(p.dob, "hl7"), "date"), mc=P(p.mrn, "mrn"))


@tpl("dicom_dump", False)
def t_dicom_dump_anonymized(r):
    lines = [
        dcm("0008,0020", "DA", "", "StudyDate"), dcm("0008,0050", "SH", "", "AccessionNumber"),
        "(0010,0010) PN (no value available)  # PatientName", dcm("0010,0020", "LO", f"RSCH-{r.digits(5)}", "PatientID (study code)"),
        "(0010,0030) DA (no value available)  # PatientBirthDate", dcm("0012,0062", "CS", "YES", "PatientIdentityRemoved"),
        dcm("0012,0063", "LO", "DICOM PS3.15 E.1 Basic Profile, Retain Longitudinal Temporal Information Modified Dates", "DeidentificationMethod"),
        dcm("0020,000d", "UI", D(uid(r), "internal_id"), "StudyInstanceUID"),
        dcm("0028,0010", "US", str(r.choice([512, 1024])), "Rows"), dcm("0028,0011", "US", str(r.choice([512, 1024])), "Columns"),
    ]
    return T("""
        De-identification check for the research export (CTP pipeline {v}) - output header of a sample file:
        {noformat}
        «lines»
        {noformat}
        Burned-in annotation check: passed (OCR found no text in pixel data). UIDs are remapped with the project root. Approved by «who».
        """.replace("{v}", f"{r.randint(1, 3)}.{r.randint(0, 9)}"), lines=J("\n", lines), who=staff_n(r.staff()))


@tpl("dicom_dump", False)
def t_dicom_dump_conformance(r):
    return T("""
        ## Storage SCP - conformance statement excerpt (VNA v{v})

        | SOP Class | UID | Role |
        |---|---|---|
        | CT Image Storage | 1.2.840.10008.5.1.4.1.1.2 | SCP |
        | MR Image Storage | 1.2.840.10008.5.1.4.1.1.4 | SCP |
        | Digital X-Ray Image Storage - For Presentation | 1.2.840.10008.5.1.4.1.1.1.1 | SCP |
        | Encapsulated PDF Storage | 1.2.840.10008.5.1.4.1.1.104.1 | SCP |

        Transfer syntaxes accepted: 1.2.840.10008.1.2 (Implicit VR LE), 1.2.840.10008.1.2.1 (Explicit VR LE), 1.2.840.10008.1.2.4.90 (JPEG 2000 lossless).
        Max PDU 131072. Association timeout 30 s. Patient-level attributes are coerced from the EMPI on receipt; (0010,0020) must carry the issuer in (0010,0021).
        Doc owner: «who».
        """.replace("{v}", f"{r.randint(5, 8)}.{r.randint(0, 9)}"), who=staff_n(r.staff()))


@tpl("dicom_dump", False)
def t_dicom_dump_modality_config(r):
    rows = []
    for mod in r.sample(["CT1", "CT2", "MR1", "US3", "CR-ED", "MAMMO1"], 4):
        rows.append(f"|{mod}|{mod.replace('-', '')}_SCU|{r.ip_private()}|104|{r.choice(['MWL_BROKER', 'MWL_EPIC'])}|{r.choice(['JPEG2000', 'Explicit LE'])}|")
    return T("""
        h2. Modality AE configuration (prod)
        ||Modality||AE title||IP||Port||Worklist AE||Compression||
        «rows»
        Storage target for all: VNA_STORE @ {vna}:11112. Changes go through the imaging CAB (next meeting Thursday). Maintainer «who».
        """.replace("{vna}", r.ip_private()), rows="\n".join(rows), who=staff_n(r.staff()))


@tpl("dicom_dump", False)
def t_dicom_dump_storescu_log(r):
    ip = r.ip_private()
    lines = []
    for _ in range(3):
        lines.append(["I: Sending file: /export/study_", r.digits(4), "/IM", r.digits(4), ".dcm\nI: Converting transfer syntax: JPEG 2000 -> Little Endian Explicit\n",
                      "I: Sending Store Request (MsgID ", str(r.randint(1, 300)), ", CT)\nI: Received Store Response (Success)\n",
                      "I:   Affected SOP Instance UID: ", D(uid(r), "internal_id")])
    return T("""
        Transfer to the cloud archive is slow (about 3 images/s). storescu from the gateway:

        ```
        $ storescu -v -aet GW_EXPORT -aec CLOUD_VNA {ip} 11112 +sd /export
        I: Requesting Association
        I: Association Accepted (Max Send PDV: 16372)
        «lines»
        I: Releasing Association
        ```
        The conversion from JPEG 2000 happens per file because the cloud AE only proposes Explicit LE. Asked the vendor to accept 1.2.840.10008.1.2.4.90. - «who»
        """.replace("{ip}", ip), lines=J("\n", lines), who=staff_n(r.staff()))


# ======================================================================================
# family: meeting_notes
# ======================================================================================

@tpl("meeting_notes", True)
def t_meeting_notes_mm_conference(r):
    att = [r.staff("MD") for _ in range(4)]
    p = r.person(age=(85, 99))
    adm = r.day(back=40)
    death = adm + dt.timedelta(days=r.randint(2, 9))
    return T("""
        h2. Medicine M&M - {mon}
        *Attendees:* «a0», «a1», «a2», «a3», chief residents, quality (Moderator: «a0b»)

        h3. Case 1 (presented by «a1b»)
        «name», «agep» y/o, MRN «mrn», admitted «adm» from a nursing facility with «c». Started on «m». On day 2 developed «c2»; rapid response called twice. Died «death».
        *Discussion:* delay in recognising the bleed; INR was not rechecked after the antibiotic was started.
        *Actions:* pharmacy to add an interaction alert (owner «a2b»).

        h3. Case 2
        Deferred to next month.
        """.replace("{mon}", r.now.strftime("%B %Y")), a0=staff_n(att[0], True), a1=staff_n(att[1], True), a2=staff_n(att[2], True),
             a3=staff_n(att[3], True), a0b=staff_n(att[0], True), a1b=staff_n(att[1], True), a2b=staff_n(att[2], True),
             name=pn(full(p)), agep=age_piece(p.age), mrn=P(p.mrn, "mrn"), adm=P(fd(adm, "us"), "date"),
             c=D("urinary tract infection", "condition"), m=D("ciprofloxacin", "medication"), c2=D("GI bleed", "condition"),
             death=[P(fd(death, "us"), "date"), " at 04:12"])


@tpl("meeting_notes", True)
def t_meeting_notes_discharge_huddle(r):
    people = [r.staff() for _ in range(3)]
    items = []
    for _ in range(r.randint(3, 5)):
        p = r.person(age=(40, 95))
        edd = r.day(fwd=3)
        items.append(["- [ ] ", pn(full(p)), " (", str(r.randint(401, 460)), ") - EDD ", P(fd(edd, r.choice(["us_short", "abbr"])), "date"),
                      " - ", r.choice(["needs SNF bed, referrals sent", "waiting on PT eval", "home with family, meds to beds",
                                       "insurance auth pending for rehab", "O2 set-up at home needed"])])
    return T("""
        # Daily discharge huddle - 4 West - {d}
        Present: «p0» (CM), «p1» (charge RN), «p2» (SW)

        «items»

        Barriers escalated to the physician advisor: 1. Next huddle 08:45 tomorrow.
        """.replace("{d}", r.ts("%a %d %b")), p0=staff_n(people[0]), p1=staff_n(people[1]), p2=staff_n(people[2]), items=J("\n", items))


@tpl("meeting_notes", True)
def t_meeting_notes_grievance(r):
    p = r.person(age=(60, 95))
    rel = r.relative(p, age=(30, 65))
    vis = r.day(back=30)
    return T("""
        *Grievance committee - notes* ({d})
        Present: «c0» (chair), «c1», «c2», «c3»

        *G-{n}* - complainant «rel» («kin» of the patient), phone «ph», email «em».
        Patient «pname», MRN «mrn», ED visit «vis». Complaint: 6-hour wait, patient left without being seen, returned next day by ambulance.
        Finding: triage re-assessment was not documented at 2 h. Response letter to be sent to «addr» within 7 days (owner «c1b»).
        """.replace("{d}", r.ts("%m/%d/%Y")).replace("{n}", f"{r.now.year}-{r.randint(10, 300):03d}"),
             c0=staff_n(r.staff()), c1=staff_n(s1 := r.staff()), c2=staff_n(r.staff()), c3=staff_n(r.staff()), c1b=staff_n(s1),
             rel=pn(full(rel)), kin=kin(rel, p), ph=ph(r, rel.cell), em=P(rel.email, "email"), pname=pn(full(p)), mrn=P(p.mrn, "mrn"),
             vis=P(fd(vis, "us"), "date"), addr=addr(rel))


@tpl("meeting_notes", True)
def t_meeting_notes_teams_chat(r):
    a, b = r.staff("RN"), r.staff("MD")
    p = r.person(age=(88, 100))
    ttl = "Mrs." if p.sex == "F" else "Mr."
    t0 = r.now.replace(minute=r.randint(0, 40))
    return T("""
        Pasted from the Teams chat for the incident timeline (times as shown):

        [«t1»] «a»: bed 12 - «ttl» «fam» «agep» yo, sats 86% on 2L, can you come?
        [«t2»] «b»: on my way. is that «first» «fam2» from the ED this morning?
        [«t3»] «a»: yes, MRN «mrn». «kin» is here, wants a call from you - «ph»
        [«t4»] «b»: ok after I see {him}. order a VBG and CXR pls
        [«t5»] «a»: 👍
        """.replace("{him}", him(p)), t1=t0.strftime("%H:%M"), t2=(t0 + dt.timedelta(minutes=1)).strftime("%H:%M"), t3=(t0 + dt.timedelta(minutes=2)).strftime("%H:%M"),
             t4=(t0 + dt.timedelta(minutes=3)).strftime("%H:%M"), t5=(t0 + dt.timedelta(minutes=4)).strftime("%H:%M"),
             a=staff_n(a), b=staff_n(b), ttl=D(ttl, "title"), fam=pn(p.family), agep=age_piece(p.age), first=pn(p.given),
             fam2=pn(p.family), mrn=P(p.mrn, "mrn"), kin="daughter", ph=ph(r, r.phone_parts()))


@tpl("meeting_notes", False)
def t_meeting_notes_retro(r):
    names = [r.staff() for _ in range(5)]
    mid = r.digits(11, True)
    return T("""
        h2. Sprint {s} retro - Integration squad
        *Date:* {d}  *Attendees:* «n0», «n1», «n2», «n3», «n4»
        *Zoom:* https://zoom.us/j/{mid}?pwd={pwd}  (Meeting ID {mid_s}, passcode {pc}; dial-in +1 669 900 6833)

        ||Went well||To improve||
        |ADT A40 merge handling shipped|Flaky SIU integration test (INT-{k1})|
        |Pairing on the FHIR gateway|Too many unplanned tickets from the service desk|

        *Actions*
        * «n1b» to quarantine the flaky test by Wednesday
        * «n3b» to propose an intake rotation for service desk tickets
        """.replace("{s}", str(r.randint(30, 120))).replace("{d}", r.ts("%Y-%m-%d")).replace("{mid_s}", f"{mid[:3]} {mid[3:7]} {mid[7:]}")
             .replace("{mid}", mid).replace("{pwd}", r.letters(20, "abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789"))
             .replace("{pc}", r.digits(6)).replace("{k1}", str(r.randint(100, 999))),
             **{f"n{i}": staff_n(names[i]) for i in range(5)}, n1b=staff_n(names[1]), n3b=staff_n(names[3]))


@tpl("meeting_notes", False)
def t_meeting_notes_steering(r):
    golive = r.now + dt.timedelta(days=r.randint(40, 200))
    return T("""
        # EHR integration steering committee - {d}
        **Present:** «a» (CIO), «b» (CMIO), «c» (VP Revenue Cycle), «e» (PMO)

        1. **Go-live date** confirmed for {gl}. Dress rehearsal 3 weeks before. Cutover window Saturday 22:00 - Sunday 06:00.
        2. **Budget:** 82% spent, forecast within 3%. Change request CR-{cr} (additional interface licences) approved.
        3. **Risks:** payer enrollment for the new NPIs (amber); lab interface vendor resourcing (red).
        4. **Decisions:** downtime procedures to be drilled on all units by the end of next month.

        Next meeting: same time in four weeks. Teams: +1 323-849-4874, conference ID 418 552 907#
        """.replace("{d}", r.ts("%B %d, %Y")).replace("{gl}", golive.strftime("%B %d, %Y")).replace("{cr}", str(r.randint(10, 99))),
             a=staff_n(r.staff()), b=staff_n(r.staff("MD"), True), c=staff_n(r.staff()), e=staff_n(r.staff()))


@tpl("meeting_notes", False)
def t_meeting_notes_vendor_call(r):
    v = r.staff()
    return T("""
        Vendor call - lab interface upgrade ({d}, 30 min)
        Us: «a», «b». Vendor: «v» (implementation lead, «vm», «vp»)

        - Vendor will move us to the v{ver} interface build on the test system next week.
        - They need our VPN profile re-issued; the certificate expires {exp}.
        - Test scripts: they send 40 synthetic ORU^R01 messages (test patients only, ZZTEST names) - we validate in the test engine.
        - Open: OBX-5 max length for microbiology comments (their 64k vs our 2k). They'll check.
        Follow-up call Thursday, same bridge: +1 929 205 6099, meeting ID 812 4410 2931, passcode 55120.
        """.replace("{d}", r.ts("%d.%m.%Y")).replace("{ver}", f"{r.randint(2, 5)}.{r.randint(0, 9)}").replace("{exp}", (r.now + dt.timedelta(days=20)).strftime("%b %d")),
             a=staff_n(r.staff()), b=staff_n(r.staff()), v=staff_n(v), vm=D(f"{v.handle}@labvendor-example.com", "staff_contact"),
             vp=D(phone_fmt(r.phone_parts(), "dash"), "staff_contact"))


@tpl("meeting_notes", False)
def t_meeting_notes_standup(r):
    names = [r.staff() for _ in range(4)]
    items = []
    for n, txt in zip(names, r.sample([
            "finished the retry logic for PatientService.findByMrn callers; PR up for review",
            "still debugging the flaky SIU test, suspect a timezone issue in the fixture clock",
            "on call last night, 2 pages, both disk alerts on ie-prd-03",
            "pairing on the 835 loader mapping, should merge today",
            "reviewing the de-identification rules for the research export"], 4)):
        items.append(["* *", staff_n(n), "*: ", txt, " (", f"INT-{r.randint(100, 999)}", ")"])
    return T("""
        Stand-up {d}
        «items»
        Blockers: test environment refresh is delayed until Friday (ticket with infra). Build {b} is the release candidate.
        """.replace("{d}", r.ts("%a %b %d")).replace("{b}", f"{r.randint(3, 5)}.{r.randint(0, 20)}.{r.randint(100, 999)}"), items=J("\n", items))


# ======================================================================================
# driver and checks
# ======================================================================================

FAMILIES = ["jira_hl7", "jira_log", "confluence_table", "confluence_page", "support_ticket", "bitbucket_fhir",
            "bitbucket_code", "sql_seed", "clinical_note", "claims_csv", "email_forward", "x12_edi",
            "dicom_dump", "meeting_notes"]


def allocation():
    """(family, n_phi, n_clean): 120 PHI and 120 clean documents, 17 or 18 per family."""
    out = []
    for i, fam in enumerate(FAMILIES):
        out.append((fam, 9 if i < 8 else 8, 9 if i >= 6 else 8))
    return out


def generate():
    records = []
    for fam, n_phi, n_clean in allocation():
        fam_docs = []
        for phi, n in ((True, n_phi), (False, n_clean)):
            fns = TEMPLATES[fam][phi]
            for k in range(n):
                fn = fns[k % len(fns)]
                r = Gen(f"{SEED}/{fam}/{int(phi)}/{k}")
                text, spans = build(fn(r))
                fam_docs.append((phi, k, fn.__name__[2:], text, spans))
        # interleave PHI and clean documents
        fam_docs.sort(key=lambda d: (d[1], not d[0]))
        for idx, (phi, _, variant, text, spans) in enumerate(fam_docs):
            records.append({"id": f"{fam}-{idx:04d}", "family": fam, "phi": phi, "variant": variant,
                            "text": text, "spans": spans})
    return records


def _wordy(c):
    return c.isalnum() or unicodedata.category(c).startswith("M")


def check_records(records, regenerate=True):
    errors = []
    ids = set()
    n_phi = sum(1 for r in records if r["phi"])
    if len(records) != 240 or n_phi != 120:
        errors.append(f"expected 240 docs / 120 PHI, got {len(records)} / {n_phi}")
    for rec in records:
        rid = rec["id"]
        if set(rec) != {"id", "family", "phi", "variant", "text", "spans"}:
            errors.append(f"{rid}: fields {sorted(rec)}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        if rec["family"] not in FAMILIES or not rid.startswith(rec["family"] + "-"):
            errors.append(f"{rid}: family {rec['family']}")
        b = rec["text"].encode("utf-8")
        prev_end = 0
        phi_spans = [s for s in rec["spans"] if s["label"] == "phi"]
        if rec["phi"] and not phi_spans:
            errors.append(f"{rid}: PHI document without phi span")
        if not rec["phi"] and phi_spans:
            errors.append(f"{rid}: clean document with {len(phi_spans)} phi spans")
        covered = []
        for s in rec["spans"]:
            st, en = s["start"], s["end"]
            where = f"{rid} [{st},{en}) {s['label']}/{s['kind']}"
            if not (0 <= st < en <= len(b)):
                errors.append(f"{where}: out of range")
                continue
            if st < prev_end:
                errors.append(f"{where}: overlaps or unsorted")
            prev_end = en
            if any(0x80 <= b[i] < 0xC0 for i in (st, en) if i < len(b)):
                errors.append(f"{where}: not on a UTF-8 character boundary")
                continue
            frag = b[st:en].decode("utf-8")
            if frag != frag.strip():
                errors.append(f"{where}: surrounding whitespace {frag!r}")
            before = b[:st].decode("utf-8")[-1:]
            after = b[en:].decode("utf-8")[:1]
            if before and _wordy(before) and _wordy(frag[0]):
                errors.append(f"{where}: starts inside a token {before + frag!r}")
            if after and _wordy(after) and _wordy(frag[-1]):
                errors.append(f"{where}: ends inside a token {frag + after!r}")
            if s["kind"] == "age_over_89" and int(re.sub(r"\D", "", frag)) < 90:
                errors.append(f"{where}: age {frag!r} is under 90")
            kinds = PHI_KINDS if s["label"] == "phi" else DC_KINDS if s["label"] == "dont_care" else None
            if kinds is None or s["kind"] not in kinds:
                errors.append(f"{where}: bad label/kind")
            covered.append((st, en))
        # every PHI value that occurs again must be labelled there too
        text = rec["text"]
        for s in phi_spans:
            frag = b[s["start"]:s["end"]].decode("utf-8")
            needles = {frag} if len(frag) >= 4 else set()
            if s["kind"] == "person_name":
                needles |= {t for t in re.split(r"[\s^,=]+", frag) if len(t) >= 4}
            for nd in needles:
                for m in re.finditer(re.escape(nd), text, re.IGNORECASE):
                    bs = len(text[:m.start()].encode("utf-8"))
                    be = bs + len(m.group().encode("utf-8"))
                    pre, post = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
                    if (pre and _wordy(pre)) or (post and _wordy(post)):
                        continue
                    if not any(cs < be and bs < ce for cs, ce in covered):
                        errors.append(f"{rid}: PHI value {nd!r} also occurs unlabelled at byte {bs}")
    if regenerate:
        fresh = generate()
        if fresh != records:
            diff = [a["id"] for a, b2 in zip(fresh, records) if a != b2]
            errors.append(f"file differs from a regeneration (not deterministic or edited): {diff[:5]}")
    return errors


def stats(records):
    from collections import Counter
    fam = Counter((r["family"], r["phi"]) for r in records)
    kinds = Counter((s["label"], s["kind"]) for r in records for s in r["spans"])
    variants = {r["variant"] for r in records}
    n_tpl = sum(len(v[True]) + len(v[False]) for v in TEMPLATES.values())
    lines = ["family               PHI clean total"]
    for f in FAMILIES:
        lines.append(f"{f:<20} {fam[(f, True)]:>4} {fam[(f, False)]:>5} {fam[(f, True)] + fam[(f, False)]:>5}")
    lines.append(f"templates defined: {n_tpl}, used: {len(variants)}")
    for (lab, k), n in sorted(kinds.items()):
        lines.append(f"  {lab:<9} {k:<17} {n}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only re-verify the written file")
    ap.add_argument("--stats", action="store_true", help="print per-family and per-kind counts")
    args = ap.parse_args()
    if not args.check:
        records = generate()
        with OUT.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} documents to {OUT}")
    with OUT.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    errors = check_records(records)
    if args.stats or not args.check:
        print(stats(records))
    if errors:
        for e in errors[:200]:
            print("ERROR", e)
        print(f"{len(errors)} errors")
        return 1
    print(f"check ok: {len(records)} documents, {sum(len(r['spans']) for r in records)} spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
