#!/usr/bin/env python3
"""generate_fresh20.py -- a twenty-first independent synthetic corpus for PHI Guard.

Standard library only, deterministic (fixed seed).  Writes ``fresh20.jsonl`` next to
this file: 240 documents (120 PHI, 120 clean) in 14 families, written the way a small
team at a regional payer and at a health-IT vendor writes day to day: half-finished
tables, Excel ranges, Jira comments quoting comments, long quoted e-mail threads,
migration SQL and psql output, HL7 v2 with Z-segments and repetitions, FHIR R4 diffs,
837/835-derived exports and several clinical note types; clean pages are hard
negatives (stack traces, meeting notes with bridges, validator diffs with documented
test values, release notes, clinical rule pages, on-call directories).

Everything is synthetic: names come from hand-written lists, all numbers are random.

    python3 tests/corpus/generate_fresh20.py           # write fresh20.jsonl
    python3 tests/corpus/generate_fresh20.py --check   # re-verify fresh20.jsonl
    python3 tests/corpus/generate_fresh20.py --stats   # templates, cultures, PHI share
"""

import argparse
import datetime as dt
import difflib
import json
import os
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh20.jsonl")

FAMILIES = [
    ("claims_csv", 15, True), ("clinical_note", 15, True), ("confluence_table", 15, True),
    ("fhir_diff", 15, True), ("jira_hl7", 15, True), ("patient_email", 15, True),
    ("sql_seed", 15, True), ("support_ticket", 15, True),
    ("clinical_rule", 20, False), ("java_stacktrace", 20, False), ("meeting_notes", 20, False),
    ("oncall_directory", 20, False), ("release_notes", 20, False), ("validator_diff", 20, False),
]

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
    "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
    "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
    "diagnosis_code", "procedure_code", "drug_code", "medication", "condition", "credit_card",
}

# --------------------------------------------------------------------------------------
# span markup: templates return strings in which labelled values are wrapped in control
# characters; render() strips them and records the spans.
# --------------------------------------------------------------------------------------
_PHI, _DC, _SEP, _END = "\x01", "\x04", "\x02", "\x03"
_MARK_RE = re.compile("([\x01\x04])([^\x02]*)\x02([^\x03]*)\x03")


def P(kind, val):
    assert kind in CONTRACT_KINDS, kind
    return f"{_PHI}{kind}{_SEP}{val}{_END}"


def D(kind, val):
    return f"{_DC}{kind}{_SEP}{val}{_END}"


def raw(s):
    return _MARK_RE.sub(lambda m: m.group(3), s)


def rjust_m(s, w):
    return " " * max(0, w - len(raw(s))) + s


def ljust_m(s, w):
    return s + " " * max(0, w - len(raw(s)))


# phi shorthands
def pn(v): return P("person_name", v)
def pd(v): return P("date", v)
def pph(v): return P("phone", v)
def pem(v): return P("email", v)
def pst(v): return P("street_address", v)
def pzip(v): return P("zip_code", v)
def pmrn(v): return P("mrn", v)
def pssn(v): return P("ssn", v)
def pmem(v): return P("health_plan_id", v)
def pmbi(v): return P("medicare_mbi", v)
def pacct(v): return P("account_number", v)
def poid(v): return P("other_id", v)
def page(v): return P("age_over_89", v)
def pdev(v): return P("device_id", v)
def purl(v): return P("url", v)
def pip(v): return P("ip_address", v)
def pcard(v): return P("credit_card", v)
def plic(v): return P("license_number", v)
def pveh(v): return P("vehicle_id", v)


# dont_care shorthands
def dstaff(v): return D("staff_name", v)
def dcon(v): return D("staff_contact", v)
def dfac(v): return D("facility", v)
def dmed(v): return D("medication", v)
def dcond(v): return D("condition", v)
def dicd(v): return D("icd_code", v)
def dcpt(v): return D("cpt_code", v)
def dnpi(v): return D("npi", v)
def did(v): return D("internal_id", v)
def dtitle(v): return D("title", v)
def dstate(v): return D("state", v)
def devt(v): return D("event_date", v)
def dtest(v): return D("test_patient", v)
def dgrp(v): return D("group_number", v)
def dord(v): return D("order_number", v)
def dmsg(v): return D("message_time", v)
def dloinc(v): return D("loinc_code", v)
def drx(v): return D("rxnorm_code", v)
def dcov(v): return D("coverage_date", v)
def dlast4(v): return D("ssn_last4", v)


# --------------------------------------------------------------------------------------
# hand-written name cultures.  "Latin=native" gives a native-script form.
# --------------------------------------------------------------------------------------
def _l(s):
    return [x.strip() for x in s.split(",") if x.strip()]


CULTURES = {
    "us_anglo": dict(f=_l("Jennifer, Kimberly, Brittany, Courtney, Heather, Tammy, Shelby, Kaitlyn, Darlene, Misty"),
                     m=_l("Brian, Travis, Dustin, Kyle, Randall, Cody, Gregory, Wayne, Clifford, Dwayne"),
                     s=_l("Whitaker, Pruitt, Caldwell, Hensley, Blevins, McAllister, Sutherland, Tompkins, Underwood, Yarbrough, Pettigrew")),
    "english_words": dict(f=_l("Hope, Joy, Rose, Faith, Grace, Summer, April, Ivy, Dawn, Pearl, Sunny"),
                          m=_l("Will, Hunter, Chase, Bill, Guy, Miles, Drew, Cash, Rich, Gene, Forrest"),
                          s=_l("Little, Young, Frost, Bird, Stone, Field, Fox, Hill, Moody, Strong, Love, Small, Short, Snow, Sharp, Wood, Rice, Power")),
    "irish": dict(f=_l("Siobhán, Aoife, Niamh, Máire, Orla, Caoimhe, Gráinne"),
                  m=_l("Seán, Pádraig, Cian, Donal, Ciarán, Eoin, Tadhg"),
                  s=_l("O'Sullivan, Ó Briain, Mac Giolla Phádraig, O'Connell, McGuinness, Ó Súilleabháin, Kavanagh, Fitzgerald")),
    "mexican": dict(f=_l("Guadalupe, María José, Ximena, Yesenia, Araceli, Maricela, Itzel"),
                    m=_l("José Luis, Juan Carlos, Jesús, Rogelio, Efraín, Arturo, Alejandro"),
                    s=_l("Hernández, García-López, Peña-Morales, de la Cruz, Villaseñor, Treviño, Ibarra, Zúñiga, Domínguez, Ochoa")),
    "puerto_rican": dict(f=_l("Yaritza, Marisol, Nilda, Zoraida, Migdalia"),
                         m=_l("Wilfredo, Heriberto, Radamés, Ángel, Efrén"),
                         s=_l("Rivera Colón, Santiago, Torres-Quiñones, Figueroa, Rosado, Báez, Vélez")),
    "brazilian": dict(f=_l("Luíza, Conceição, Thaís, Gabriela, Fernanda"),
                      m=_l("João, Thiago, Sebastião, Gonçalo, Vinícius"),
                      s=_l("da Silva, dos Santos, Gonçalves, Araújo, Magalhães, de Souza, Brandão")),
    "french": dict(f=_l("Éloïse, Geneviève, Maëlle, Hélène, Brigitte"),
                   m=_l("Jérôme, François, Benoît, Thibault, Loïc"),
                   s=_l("Lefèvre, de Villiers, Bérubé, Thériault, Charbonneau, Lévesque, Duplessis")),
    "german": dict(f=_l("Annegret, Jutta, Sabine, Lieselotte, Birgit"),
                   m=_l("Jürgen, Wolfgang, Dieter, Günther, Matthias"),
                   s=_l("Müller, von Bergen, Schröder, Weißenborn, Fuchs, Hoffmann, Krüger")),
    "dutch": dict(f=_l("Anouk, Femke, Marijke, Sanne, Willemijn"),
                  m=_l("Joost, Maarten, Sjoerd, Bram, Pieter"),
                  s=_l("van der Berg, van 't Hof, de Vries, Bakker, Dijkstra, van Leeuwen, Visser")),
    "polish": dict(f=_l("Małgorzata, Agnieszka, Katarzyna, Bożena, Jadwiga"),
                   m=_l("Łukasz, Grzegorz, Wojciech, Przemysław, Zbigniew"),
                   s=_l("Wójcik, Kowalczyk, Zieliński, Lewandowski, Dąbrowski, Brzezicki"),
                   sf=_l("Wójcik, Kowalczyk, Zielińska, Lewandowska, Dąbrowska, Brzezicka")),
    "czech": dict(f=_l("Zdeňka, Markéta, Věra, Radka"),
                  m=_l("Jiří, Radek, Ondřej, Bohumil"),
                  s=_l("Dvořák, Procházka, Kučera, Černý, Novák"),
                  sf=_l("Dvořáková, Procházková, Kučerová, Černá, Nováková")),
    "greek": dict(f=_l("Eleni=Ελένη, Dimitra=Δήμητρα, Sofia=Σοφία, Vasiliki=Βασιλική"),
                  m=_l("Georgios=Γεώργιος, Nikolaos=Νικόλαος, Konstantinos=Κωνσταντίνος, Spyridon=Σπυρίδων"),
                  s=_l("Papadopoulos=Παπαδόπουλος, Karagiannis=Καραγιάννης, Oikonomou=Οικονόμου, Theodorakis=Θεοδωράκης")),
    "russian": dict(f=_l("Olga=Ольга, Tatiana=Татьяна, Svetlana=Светлана, Lyudmila=Людмила"),
                    m=_l("Dmitri=Дмитрий, Sergei=Сергей, Alexei=Алексей, Vladimir=Владимир"),
                    s=_l("Kuznetsov=Кузнецов, Sokolov=Соколов, Volkov=Волков, Morozov=Морозов"),
                    sf=_l("Kuznetsova=Кузнецова, Sokolova=Соколова, Volkova=Волкова, Morozova=Морозова")),
    "ukrainian": dict(f=_l("Oksana, Halyna, Iryna, Nadiya"),
                      m=_l("Taras, Bohdan, Mykola, Yaroslav"),
                      s=_l("Shevchenko, Kovalenko, Bondarenko, Tkachuk, Melnyk, Hrytsenko")),
    "arabic": dict(f=_l("Fatima=فاطمة, Layla=ليلى, Noor=نور, Mariam=مريم"),
                   m=_l("Mohammed=محمد, Omar=عمر, Youssef=يوسف, Khalid=خالد"),
                   s=_l("Al-Hashimi=الهاشمي, Haddad=حداد, Mansour=منصور, Al-Masri=المصري")),
    "turkish": dict(f=_l("Ayşe, Gülşen, Şebnem, Özlem"),
                    m=_l("Mehmet, Oğuz, Çağlar, İsmail"),
                    s=_l("Öztürk, Şahin, Yıldız, Çelik, Güneş")),
    "persian": dict(f=_l("Shirin, Parisa, Maryam, Golnaz"),
                    m=_l("Dariush, Kourosh, Reza, Behnam"),
                    s=_l("Tehrani, Ghorbani, Mohammadzadeh, Rahimi-Nejad, Khorasani")),
    "hebrew": dict(f=_l("Noa=נועה, Tamar=תמר, Yael=יעל, Shira=שירה"),
                   m=_l("Avraham=אברהם, Eitan=איתן, Yosef=יוסף, Noam=נועם"),
                   s=_l("Cohen=כהן, Levi=לוי, Mizrahi=מזרחי, Ben-David=בן-דוד")),
    "yoruba": dict(f=_l("Adebimpe, Folasade, Oluwakemi, Temitope"),
                   m=_l("Babatunde, Oluwaseun, Adeyemi, Olumide"),
                   s=_l("Oyelaran-Oyeyinka, Adeyemi, Olatunji, Ogunleye, Akinwande")),
    "igbo": dict(f=_l("Chiamaka, Ngozi, Adaeze, Ifeoma"),
                 m=_l("Chukwuemeka, Obinna, Ikenna, Nnamdi"),
                 s=_l("Okafor, Nwachukwu, Eze, Okonkwo, Obi, Uchendu")),
    "akan": dict(f=_l("Akosua, Abena, Efua, Adwoa"),
                 m=_l("Kwame, Kofi, Yaw, Kwabena"),
                 s=_l("Mensah, Asante, Boateng, Owusu-Ansah, Appiah")),
    "amharic": dict(f=_l("Tigist=ትዕግስት, Meseret=መሰረት, Hiwot=ሕይወት"),
                    m=_l("Dawit=ዳዊት, Tesfaye=ተስፋዬ, Yonas=ዮናስ"),
                    s=_l("Bekele=በቀለ, Haile=ኃይሌ, Tadesse=ታደሰ, Gebremariam=ገብረማርያም")),
    "somali": dict(f=_l("Hodan, Faadumo, Ubah, Sahra"),
                   m=_l("Abdirahman, Mohamud, Abdiweli, Liban"),
                   s=_l("Warsame, Farah, Hassan, Abdi, Jama")),
    "hindi": dict(f=_l("Priya=प्रिया, Sunita=सुनीता, Anjali=अंजलि, Kavita=कविता"),
                  m=_l("Rajesh=राजेश, Vikram=विक्रम, Anil=अनिल, Suresh=सुरेश"),
                  s=_l("Sharma=शर्मा, Verma=वर्मा, Gupta=गुप्ता, Chaturvedi=चतुर्वेदी")),
    "tamil": dict(f=_l("Meenakshi, Lakshmi, Kavitha, Revathi"),
                  m=_l("Subramanian, Karthikeyan, Venkatesh, Senthil"),
                  s=_l("Ramasubramanian, Krishnamurthy, Balasubramaniam, Sundaram")),
    "punjabi": dict(f=_l("Harpreet, Simran, Gurleen, Manjit"),
                    m=_l("Gurpreet, Jaswinder, Harjit, Sukhdev"),
                    s=_l("Sandhu, Grewal, Dhillon, Gill, Sidhu")),
    "chinese": dict(f=_l("Xiuying=秀英, Jing=静, Min=敏, Yufei=雨菲"),
                    m=_l("Wei=伟, Jianguo=建国, Hao=浩, Zhiqiang=志强"),
                    s=_l("Wang=王, Zhang=张, Chen=陈, Liu=刘, Zhou=周")),
    "taiwan_hk": dict(f=_l("Mei-Ling, Hui-Chen, Shu-Fen, Wing-Yee"),
                      m=_l("Chih-Wei, Kwok-Wing, Tsz-Hin, Ming-Hsun"),
                      s=_l("Tsai, Hsu, Cheung, Wong, Lam, Kwan")),
    "vietnamese": dict(f=_l("Hương, Thảo, Ngọc Anh, Phương"),
                       m=_l("Minh, Quốc Bảo, Dũng, Tuấn"),
                       s=_l("Nguyễn, Trần, Phạm, Huỳnh, Võ, Đặng")),
    "korean": dict(f=_l("Ji-yeon=지연, Seo-yeon=서연, Mi-kyung=미경, Eun-ji=은지"),
                   m=_l("Min-jun=민준, Sung-ho=성호, Dong-hyun=동현, Jae-won=재원"),
                   s=_l("Kim=김, Park=박, Choi=최, Jung=정, Kang=강")),
    "japanese": dict(f=_l("Yuki=由紀, Haruka=遥, Keiko=恵子, Sachiko=幸子"),
                     m=_l("Hiroshi=浩, Takeshi=武, Kenji=健二, Masato=正人"),
                     s=_l("Tanaka=田中, Suzuki=鈴木, Watanabe=渡辺, Yamamoto=山本")),
    "filipino": dict(f=_l("Maricel, Rowena, Jocelyn, Luzviminda"),
                     m=_l("Rodel, Ronaldo, Efren, Arnel"),
                     s=_l("dela Cruz, Macaraeg, Bautista, Dimaculangan, Manalastas")),
    "thai": dict(f=_l("Siriporn=ศิริพร, Malee=มาลี, Kanya=กัญญา"),
                 m=_l("Somchai=สมชาย, Anan=อนันต์, Prasert=ประเสริฐ"),
                 s=_l("Srisuk=ศรีสุข, Chaiyaporn=ไชยพร, Wongsakul=วงศ์สกุล")),
    "hmong": dict(f=_l("Mai, Pa Nhia, Xee, Youa"),
                  m=_l("Tou, Pao, Chue, Neng"),
                  s=_l("Vang, Xiong, Thao, Lor, Moua")),
    "navajo": dict(f=_l("Shandiin, Nizhoni, Marlene, Rhonda"),
                   m=_l("Darrell, Hoskie, Leonard, Delbert"),
                   s=_l("Begay, Yazzie, Tsosie, Benally, Nez")),
    "haitian": dict(f=_l("Mirlande, Guerline, Nadège, Rose-Carmel"),
                    m=_l("Jean-Baptiste, Wesner, Frantz, Jean-Robert"),
                    s=_l("Pierre-Louis, Jean-Charles, Désir, Baptiste, Dorvil")),
    "nordic": dict(f=_l("Åsa, Ingrid, Sigrún, Solveig"),
                   m=_l("Øyvind, Bjørn, Håkon, Torbjörn"),
                   s=_l("Løvås, Bjørnstad, Halvorsen, Lindqvist, Sæther")),
    "italian": dict(f=_l("Giuseppina, Carmela, Rosaria, Concetta"),
                    m=_l("Giuseppe, Salvatore, Vincenzo, Carmine"),
                    s=_l("D'Angelo, Di Stefano, Lo Bianco, Esposito, Ruggiero")),
    "polynesian": dict(f=_l("Sina, Mele, Lupe, Losaline"),
                       m=_l("Tavita, Sione, Viliami, Faleolo"),
                       s=_l("Tuiasosopo, Leota, Mauga, Fifita, Taumalolo")),
}
LANG = {"chinese": "zh", "korean": "ko", "japanese": "ja", "russian": "ru", "arabic": "ar", "hindi": "hi", "greek": "el",
        "hebrew": "he", "thai": "th", "amharic": "am"}
NATIVE_ORDER = {"chinese": "fg", "korean": "fg", "japanese": "f g"}

MIDDLES_F = _l("Ann, Marie, Lynn, Louise, Jean, Renee, Kay")
MIDDLES_M = _l("James, Lee, Ray, Allen, Dale, Edward, Wayne")

_TRANS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                        "ð": "d", "æ": "ae", "ı": "i", "'": "", " ": "", "-": ""})


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s.translate(_TRANS))
    return "".join(c for c in s if not unicodedata.combining(c) and c.isascii()).lower()


def _split(entry):
    if "=" in entry:
        a, b = entry.split("=", 1)
        return a, b
    return entry, None


# --------------------------------------------------------------------------------------
# places, organisations, numbers
# --------------------------------------------------------------------------------------
CITIES = [  # city, state, zip prefix, area codes
    ("Dayton", "OH", "454", ["937"]), ("Zanesville", "OH", "437", ["740"]),
    ("Chillicothe", "OH", "456", ["740"]), ("Lima", "OH", "458", ["419", "567"]),
    ("Marietta", "OH", "457", ["740"]), ("Portsmouth", "OH", "456", ["740"]),
    ("Xenia", "OH", "453", ["937"]), ("Mansfield", "OH", "449", ["419"]),
    ("Findlay", "OH", "458", ["419"]), ("Sandusky", "OH", "448", ["419"]),
    ("Hamilton", "OH", "450", ["513"]), ("Columbus", "OH", "432", ["614", "380"]),
    ("Huntington", "WV", "257", ["304", "681"]), ("Parkersburg", "WV", "261", ["304"]),
    ("Ashland", "KY", "411", ["606"]), ("Lexington", "KY", "405", ["859"]),
    ("Bowling Green", "KY", "421", ["270"]), ("Evansville", "IN", "477", ["812"]),
    ("Muncie", "IN", "473", ["765"]), ("Richmond", "IN", "473", ["765"]),
    ("Wheeling", "WV", "260", ["304"]), ("Washington", "PA", "153", ["724"]),
    ("Altoona", "PA", "166", ["814"]), ("Maysville", "KY", "410", ["606"]),
]
STREET_NAMES = _l("Locust, Sycamore, Buckeye, Linden, Ridgeview, Hillcrest, Orchard, Mulberry, Kenwood, "
                  "Old Route 7, County Road 12, Wayne, Shawnee, Tecumseh, Maple Grove, Cherry Hill, "
                  "Catalpa, Kingsbury, Fairmont, Sunset, Hickory Ridge, Pleasant Valley, Mill Creek")
STREET_TYPES = _l("St, Ave, Rd, Dr, Ln, Ct, Blvd, Pike, Way, Cir")
EMAIL_DOMAINS = _l("gmail.com, yahoo.com, outlook.com, aol.com, icloud.com, att.net, comcast.net, "
                   "frontier.com, windstream.net, hotmail.com, protonmail.com")
FACILITIES = _l("Mercy Valley Medical Center, St. Anselm Hospital, Lakeshore Regional Medical Center, "
                "Bayfront Community Clinic, Tri-County Family Practice, Riverbend Orthopedics, "
                "Hocking Hills Rural Health, Miami Valley Cardiology Associates, Wabash Internal Medicine, "
                "Ohio River Dialysis Center, Kanawha Pulmonary Group, Marion Street Family Health")
FAC_CODES = _l("MVMC, SAH, LRMC, BCC, TCFP, RBO, HHRH, MVCA, WIM, ORDC, KPG, MSP")
PAYERS = _l("Tri-River Health Plan, Buckeye Community Health, Appalachian Mutual, "
            "Heartland Medicaid Choice, Ohio Valley Medicare Advantage")
PAYER_PHONES = _l("1-800-337-4021, 1-866-291-7730, 1-888-640-1187, 1-877-903-2204")
CONDITIONS = _l("type 2 diabetes, CHF exacerbation, COPD, atrial fibrillation, CKD stage 3b, "
                "community-acquired pneumonia, cellulitis of left lower leg, major depressive disorder, "
                "hypertension, UTI, acute kidney injury, opioid use disorder, asthma, hip fracture, "
                "sepsis, NSTEMI, DVT, syncope")
MEDS = _l("metformin 1000 mg BID, apixaban 5 mg BID, furosemide 40 mg daily, lisinopril 10 mg daily, "
          "atorvastatin 40 mg qHS, insulin glargine 22 units qHS, sertraline 100 mg daily, "
          "buprenorphine-naloxone 8-2 mg SL, albuterol HFA 2 puffs q4h prn, levothyroxine 88 mcg, "
          "ceftriaxone 1 g IV q24h, tamsulosin 0.4 mg qHS, carvedilol 12.5 mg BID, gabapentin 300 mg TID")
ICD = [("E11.9", "type 2 diabetes"), ("I50.23", "acute on chronic systolic heart failure"),
       ("J44.1", "COPD with acute exacerbation"), ("I48.91", "atrial fibrillation"),
       ("N18.32", "CKD stage 3b"), ("J18.9", "pneumonia"), ("L03.116", "cellulitis of left lower limb"),
       ("F33.1", "major depressive disorder, recurrent, moderate"), ("I10", "essential hypertension"),
       ("N39.0", "urinary tract infection"), ("N17.9", "acute kidney injury"), ("F11.20", "opioid dependence"),
       ("J45.909", "asthma"), ("S72.001A", "fracture of femoral neck"), ("A41.9", "sepsis"),
       ("I21.4", "NSTEMI"), ("M17.11", "primary osteoarthritis, right knee"), ("Z79.4", "long-term insulin use")]
CPT = [("99213", "office visit est"), ("99214", "office visit est"), ("99284", "ED visit"),
       ("93000", "ECG"), ("80053", "CMP"), ("85025", "CBC"), ("71046", "chest x-ray 2v"),
       ("97110", "therapeutic exercise"), ("G0439", "AWV subsequent"), ("36415", "venipuncture"),
       ("90834", "psychotherapy 45 min"), ("J1885", "ketorolac inj"), ("E0607", "glucose monitor"),
       ("27447", "total knee arthroplasty"), ("99223", "initial hospital care")]


def luhn_ok(num):
    digits = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


MBI_A = "ACDEFGHJKMNPQRTUVWXY"
MBI_RE = re.compile(r"^[1-9][%s][%s0-9][0-9][%s][%s0-9][0-9][%s][%s][0-9][0-9]$" % ((MBI_A,) * 6))


def ssn_valid(s):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000" and s.replace("-", "") != "123456789"


MONTHS = _l("January, February, March, April, May, June, July, August, September, October, November, December")
MON = [m[:3] for m in MONTHS]


def fdate(d, style):
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "usn":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    if style == "dmon":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if style == "dmonu":
        return f"{d.day:02d}-{MON[d.month - 1].upper()}-{d.year}"
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "mon":
        return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if style == "dot":
        return f"{d.month:02d}.{d.day:02d}.{d.year}"
    if style == "dmy":
        return f"{d.day} {MON[d.month - 1]} {d.year}"
    if style == "dash":
        return f"{d.month:02d}-{d.day:02d}-{d.year}"
    raise ValueError(style)


DATE_STYLES = ["us", "us", "usn", "us2", "iso", "dmon", "long", "mon", "dot", "dmy", "dash"]


def fphone(ph, style):
    a, e, n = ph
    return {
        "paren": f"({a}) {e}-{n}", "paren0": f"({a}){e}-{n}", "dash": f"{a}-{e}-{n}",
        "dot": f"{a}.{e}.{n}", "plain": f"{a}{e}{n}", "plus": f"+1 {a}-{e}-{n}",
        "one": f"1-{a}-{e}-{n}", "space": f"{a} {e} {n}", "plusd": f"+1.{a}.{e}.{n}",
    }[style]


PHONE_STYLES = ["paren", "paren", "dash", "dash", "dot", "plain", "plus", "one", "space", "paren0"]


# --------------------------------------------------------------------------------------
# per-document context
# --------------------------------------------------------------------------------------
class Person:
    pass


class Ctx:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        rng = self.rng
        self.now = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28))
        self.cultures = []
        self.used = set()
        self.ds = rng.choice(DATE_STYLES)      # a document's preferred date style
        self.ps = rng.choice(PHONE_STYLES)     # and phone style
        self.style = rng.choice(["wiki", "wiki", "md", "plain"])
        self._nums = set()

    # random helpers
    def c(self, seq):
        return self.rng.choice(seq)

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, p):
        return self.rng.random() < p

    def sample(self, seq, k):
        return self.rng.sample(seq, k)

    def digits(self, n, lead_nonzero=True):
        while True:
            s = str(self.ri(1 if lead_nonzero else 0, 9)) + "".join(str(self.ri(0, 9)) for _ in range(n - 1))
            if s not in self._nums:
                self._nums.add(s)
                return s

    def days_ago(self, lo, hi):
        return self.now - dt.timedelta(days=self.ri(lo, hi))

    def dt_(self, d=None, style=None):
        return fdate(d or self.now, style or self.ds)

    def ph_(self, ph, style=None):
        return fphone(ph, style or self.ps)

    def tsseq(self, n, fmt="isoms", d=None, step=(1, 90)):
        """n increasing timestamps on day d (seconds apart within step)."""
        d = d or self.now
        t = self.ri(0, 20 * 3600)
        out = []
        for _ in range(n):
            t += self.ri(*step)
            h, m, s_ = t // 3600 % 24, t // 60 % 60, t % 60
            ms = self.ri(0, 999)
            out.append({"isoms": f"{d.isoformat()} {h:02d}:{m:02d}:{s_:02d},{ms:03d}",
                        "iso": f"{d.isoformat()} {h:02d}:{m:02d}:{s_:02d}",
                        "T": f"{d.isoformat()}T{h:02d}:{m:02d}:{s_:02d}.{ms:03d}Z",
                        "Tz": f"{d.isoformat()}T{h:02d}:{m:02d}:{s_:02d}.{ms:03d}-05:00",
                        "hms": f"{h:02d}:{m:02d}:{s_:02d}.{ms:03d}"}[fmt])
        return out

    def tick(self, hours=(1, 20)):
        """advancing clock for Jira comments / mails"""
        if not hasattr(self, "_clock"):
            self._clock = dt.datetime(self.now.year, self.now.month, self.now.day, self.ri(7, 11), self.ri(0, 59))
        self._clock += dt.timedelta(minutes=self.ri(hours[0] * 60, hours[1] * 60))
        if self._clock.hour >= 19 or self._clock.hour < 7:
            nxt = self._clock + dt.timedelta(days=1 if self._clock.hour >= 19 else 0)
            self._clock = dt.datetime(nxt.year, nxt.month, nxt.day, self.ri(7, 10), self.ri(0, 59))
        return self._clock

    def ts(self, d=None, fmt="iso"):
        d = d or self.now
        h, m, s = self.ri(0, 23), self.ri(0, 59), self.ri(0, 59)
        if fmt == "iso":
            return f"{d.isoformat()} {h:02d}:{m:02d}:{s:02d}"
        if fmt == "isoms":
            return f"{d.isoformat()} {h:02d}:{m:02d}:{s:02d},{self.ri(0, 999):03d}"
        if fmt == "T":
            return f"{d.isoformat()}T{h:02d}:{m:02d}:{s:02d}.{self.ri(0, 999):03d}Z"
        if fmt == "hl7":
            return f"{d.year}{d.month:02d}{d.day:02d}{h:02d}{m:02d}{s:02d}"
        if fmt == "hl7m":
            return f"{d.year}{d.month:02d}{d.day:02d}{h:02d}{m:02d}"
        if fmt == "jira":
            hh = h % 12 or 12
            return f"{d.day:02d}/{MON[d.month - 1]}/{d.year % 100:02d} {hh}:{m:02d} {'AM' if h < 12 else 'PM'}"
        if fmt == "hm":
            return f"{h:02d}:{m:02d}"
        if fmt == "ampm":
            hh = h % 12 or 12
            return f"{hh}:{m:02d} {'AM' if h < 12 else 'PM'}"
        raise ValueError(fmt)

    # ids
    def ssn(self):
        while True:
            a = self.ri(1, 899)
            if a == 666:
                continue
            s = f"{a:03d}-{self.ri(1, 99):02d}-{self.ri(1, 9999):04d}"
            if ssn_valid(s):
                return s

    def mbi(self):
        r = self.rng
        an = MBI_A + "0123456789"
        s = (str(r.randint(1, 9)) + r.choice(MBI_A) + r.choice(an) + str(r.randint(0, 9)) + r.choice(MBI_A)
             + r.choice(an) + str(r.randint(0, 9)) + r.choice(MBI_A) + r.choice(MBI_A)
             + str(r.randint(0, 9)) + str(r.randint(0, 9)))
        assert MBI_RE.match(s)
        return s

    def npi(self):
        while True:
            body = self.digits(8)
            base = ("1" if self.ch(0.7) else "2") + body
            full = luhn_complete("80840" + base)
            n = base + full[-1]
            if n != "1234567893":
                return n

    def card(self):
        pre = self.c(["4", "4", "51", "52", "37"])
        ln = 15 if pre == "37" else 16
        body = pre + "".join(str(self.ri(0, 9)) for _ in range(ln - len(pre) - 1))
        return luhn_complete(body)

    def mrn(self):
        k = self.ri(0, 5)
        if k == 0:
            return "E" + self.digits(7)
        if k == 1:
            return self.digits(8)
        if k == 2:
            return "MV" + self.digits(7)
        if k == 3:
            return "00" + self.digits(8)
        if k == 4:
            return self.digits(7)
        return "M" + self.digits(9)

    def member_id(self):
        k = self.ri(0, 3)
        if k == 0:
            return "TRH" + self.digits(9)
        if k == 1:
            return "W" + self.digits(9) + self.c(["01", "02", "00"])
        if k == 2:
            return "BCH" + self.digits(8)
        return "XOV" + self.digits(9)

    def acct(self):
        return self.c(["A", "HAR", "", "PA"]) + self.digits(self.c([9, 10]))

    def visit(self):
        return self.digits(10)

    def claim_no(self):
        return f"{self.now.year % 100:02d}{self.ri(1, 330):03d}" + self.c(["E", "P", "0", "I"]) + self.digits(6)

    def phone(self, area=None):
        a = area or self.c(["614", "740", "937", "513", "419", "304", "859", "606", "812", "765", "724"])
        while True:
            e = str(self.ri(201, 989))
            if e != "555" and e[1:] != "11":
                break
        return (a, e, f"{self.ri(0, 9999):04d}")

    def test_phone(self, area=None):
        return (area or self.c(["614", "937", "555", "740"]), "555", f"01{self.ri(0, 99):02d}")

    def ip_private(self):
        return f"10.{self.ri(10, 250)}.{self.ri(0, 255)}.{self.ri(2, 254)}"

    def ip_public(self):
        return f"{self.c(['73', '98', '174', '24', '71', '107', '184'])}.{self.ri(1, 254)}.{self.ri(0, 255)}.{self.ri(2, 254)}"

    def uuid(self):
        h = "".join(self.c("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.c('89ab')}{h[17:20]}-{h[20:32]}"

    def hexs(self, n):
        return "".join(self.c("0123456789abcdef") for _ in range(n))

    def key(self, proj=None):
        return f"{proj or self.c(['INTG', 'CLM', 'ELIG', 'PORTAL', 'EDI', 'MBR', 'FHIR', 'OPS', 'CM'])}-{self.ri(120, 4999)}"

    def fac(self):
        i = self.ri(0, len(FACILITIES) - 1)
        return FACILITIES[i], FAC_CODES[i]

    def hosp(self):
        i = self.ri(0, 2)
        return FACILITIES[i], FAC_CODES[i]

    def icd(self, n=1):
        return self.sample(ICD, n)

    def cpt(self, n=1):
        return self.sample(CPT, n)

    # people
    def _name(self, culture, sex):
        cu = CULTURES[culture]
        for _ in range(200):
            g, gn = _split(self.c(cu[sex.lower()]))
            sl = cu.get("sf") if (sex == "F" and "sf" in cu) else cu["s"]
            idx = self.ri(0, len(sl) - 1)
            s, sn = _split(sl[idx])
            toks = {t.lower() for t in re.findall(r"[^\W\d_]+", g + " " + s) if len(t) >= 3}
            if toks & self.used:
                continue
            self.used |= toks
            return g, s, gn, sn
        raise RuntimeError("names exhausted")

    def person(self, culture=None, sex=None, age=None, amin=19, amax=88, native=False):
        p = Person()
        if culture is None:
            pool = [k for k in CULTURES if (not native or "=" in CULTURES[k]["s"][0])]
            culture = self.c(pool)
        p.culture = culture
        self.cultures.append(culture)
        p.sex = sex or self.c("FM")
        p.first, p.last, nf, nl = self._name(culture, p.sex)
        if nf and nl:
            order = NATIVE_ORDER.get(culture, "g f")
            p.native = order.replace("f", nl).replace("g", nf)
            p.native_first, p.native_last = nf, nl
        else:
            p.native = p.native_first = p.native_last = None
        p.mid = self.c(MIDDLES_F if p.sex == "F" else MIDDLES_M) if self.ch(0.35) else ""
        p.mi = p.mid[:1] if p.mid else (self.c("ABCDEJKLMRST") if self.ch(0.3) else "")
        p.age = age if age is not None else self.ri(amin, amax)
        p.dob = self.now - dt.timedelta(days=365 * p.age + self.ri(10, 350) + p.age // 4)
        city, st, zp, areas = self.c(CITIES)
        p.city, p.state = city, st
        p.zip = zp + f"{self.ri(1, 99):02d}"
        p.zip4 = f"{self.ri(1, 9999):04d}"
        p.street = f"{self.ri(12, 9870)} {self.c(['', '', 'N ', 'S ', 'E ', 'W '])}{self.c(STREET_NAMES)} {self.c(STREET_TYPES)}"
        p.unit = self.c(["", "", "", f"Apt {self.ri(1, 40)}{self.c(['', 'B', 'C'])}", f"Unit {self.ri(100, 420)}", f"Lot {self.ri(1, 88)}"])
        p.phone = self.phone(self.c(areas))
        p.cell = self.phone(self.c(areas))
        self.mkemail(p)
        p.ssn = self.ssn()
        p.mrn = self.mrn()
        p.member = self.member_id()
        p.mbi = self.mbi()
        p.acct = self.acct()
        p.visit = self.visit()
        return p

    def mkemail(self, p):
        fa, la = ascii_fold(p.first), ascii_fold(p.last)
        pat = self.ri(0, 6)
        local = [f"{fa}.{la}", f"{fa[0]}{la}{self.ri(1, 99)}", f"{fa}{la}", f"{fa}_{la}{p.dob.year % 100:02d}",
                 f"{la}{fa[0]}", f"{fa}.{la[0]}.{p.dob.year}", f"{la}.{fa}{self.ri(1, 9)}"][pat]
        p.email = f"{local}@{self.c(EMAIL_DOMAINS)}"

    def set_last(self, p, last):
        p.last = last
        self.mkemail(p)

    def staff(self, role=None, culture=None):
        s = Person()
        culture = culture or self.c(list(CULTURES))
        s.culture = culture
        s.sex = self.c("FM")
        s.first, s.last, _, _ = self._name(culture, s.sex)
        s.role = role or self.c(["MD", "DO", "RN", "NP", "PA-C", "RN, CCM", "LPN", "PharmD", "", "", ""])
        fa, la = ascii_fold(s.first), ascii_fold(s.last)
        s.handle = (fa[0] + la)[:12]
        s.email = f"{fa}.{la}@{self.c(['trhp.org', 'kestrelhs.com', 'mvmc.org', 'tririverhealth.com'])}"
        s.ext = str(self.ri(2000, 7999))
        s.pager = str(self.ri(1000, 9999))
        s.work = self.phone(self.c(["614", "937", "513", "740"]))
        s.cell = self.phone(self.c(["614", "937", "513", "740", "859"]))
        s.npi = self.npi()
        return s

    @staticmethod
    def fl(p):
        return f"{p.first} {p.last}"

    @staticmethod
    def lf(p):
        return f"{p.last}, {p.first}"

    @staticmethod
    def hl7n(p, mid=True):
        base = f"{p.last.upper()}^{p.first.upper()}"
        if mid and p.mi:
            base += "^" + p.mi
        return base


def hl7_staff(r, s, npi=None):
    return dstaff(f"{npi or s.npi}^{s.last.upper()}^{s.first.upper()}^^^{s.role.split(',')[0] or 'MD'}")


def mention(r, s, style=None):
    style = style or r.style
    if style == "wiki":
        return dstaff(f"[~{s.handle}]")
    if style == "md":
        return "@" + dstaff(f"{s.first} {s.last}")
    return dstaff(f"{s.first} {s.last}")


def heading(style, level, text):
    if style == "wiki":
        return f"h{level}. {text}"
    if style == "md":
        return "#" * level + " " + text
    return upper_m(text) if level <= 2 else text + ":"


def upper_m(s):
    out, last = [], 0
    for m in _MARK_RE.finditer(s):
        out.append(s[last:m.start()].upper())
        out.append(f"{m.group(1)}{m.group(2)}{_SEP}{m.group(3).upper()}{_END}")
        last = m.end()
    out.append(s[last:].upper())
    return "".join(out)


def codeblock(style, body, lang=""):
    if style == "wiki":
        if lang == "nof":
            return "{noformat}\n" + body + "\n{noformat}"
        return ("{code:" + lang + "}" if lang else "{code}") + "\n" + body + "\n{code}"
    if style == "md":
        return "```" + (lang if lang not in ("", "nof") else "") + "\n" + body + "\n```"
    return body


def seg(name, fields):
    n = max(fields)
    return name + "|" + "|".join(fields.get(i, "") for i in range(1, n + 1))


def quote(style, body):
    if style == "wiki":
        return "{quote}" + body + "{quote}"
    return "\n".join("> " + ln if ln else ">" for ln in body.split("\n"))


def bold(style, t):
    return f"*{t}*" if style == "wiki" else (f"**{t}**" if style == "md" else t)


def jdump(obj, indent=2):
    """json.dumps for structures holding marked strings (markers kept raw)."""
    marks = []

    def sub(o):
        if isinstance(o, str) and (_PHI in o or _DC in o):
            marks.append(o)
            return f"@@M{len(marks) - 1}@@"
        if isinstance(o, dict):
            return {k: sub(v) for k, v in o.items()}
        if isinstance(o, list):
            return [sub(v) for v in o]
        return o

    s = json.dumps(sub(obj), indent=indent, ensure_ascii=False)
    return re.sub(r"@@M(\d+)@@", lambda m: marks[int(m.group(1))], s)


def table_wiki(head, rows):
    out = ["||" + "||".join(head) + "||"]
    for row in rows:
        out.append("|" + "|".join(c if raw(c).strip() else " " for c in row) + "|")
    return "\n".join(out)


def table_md(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out)


def table_psql(head, rows, footer=True):
    ws = [max([len(h)] + [len(raw(r_[i])) for r_ in rows]) for i, h in enumerate(head)]
    out = [" " + " | ".join(h.center(ws[i]) for i, h in enumerate(head)).rstrip()]
    out.append("-" + "-+-".join("-" * w for w in ws) + "-")
    for row in rows:
        out.append(" " + " | ".join(ljust_m(c, ws[i]) for i, c in enumerate(row)).rstrip())
    if footer:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def table(style, head, rows):
    if style == "wiki":
        return table_wiki(head, rows)
    if style == "md":
        return table_md(head, rows)
    return "\t".join(head) + "\n" + "\n".join("\t".join(r_) for r_ in rows)

# --------------------------------------------------------------------------------------
# template registry
# --------------------------------------------------------------------------------------
TEMPLATES = defaultdict(list)


def tpl(family):
    def deco(fn):
        TEMPLATES[family].append(fn)
        return fn
    return deco


def she(p):
    return "she" if p.sex == "F" else "he"


def her(p):
    return "her" if p.sex == "F" else "his"


REL_SEX = {"daughter": "F", "dtr": "F", "son": "M", "wife": "F", "husband": "M", "niece": "F", "nephew": "M",
           "mother": "F", "mom": "F", "father": "M", "sister": "F", "brother": "M", "granddaughter": "F", "grandson": "M"}


def spouse(p):
    return "husband" if p.sex == "F" else "wife"


def relative(r, p, rel, **kw):
    blood = rel in ("daughter", "dtr", "son", "mother", "mom", "father", "sister", "brother", "granddaughter", "grandson", "niece", "nephew")
    q = r.person(culture=p.culture if r.ch(0.95 if blood else 0.7) else None, sex=REL_SEX.get(rel), **kw)
    gendered = "sf" in CULTURES[p.culture] and q.sex != p.sex
    if rel in ("daughter", "dtr", "son", "mother", "father", "sister", "brother", "grandson") and r.ch(0.6) and not gendered:
        r.set_last(q, p.last)
    if rel in ("wife", "husband") and r.ch(0.5) and not gendered:
        r.set_last(q, p.last)
    return q


def hl7_addr(p, upper=True):
    f = (lambda x: x.upper()) if upper else (lambda x: x)
    unit = pst(f(p.unit)) if p.unit else ""
    return f"{pst(f(p.street))}^{unit}^{pst(f(p.city))}^{dstate(p.state)}^{pzip(p.zip)}^USA^H"


def hl7_tel(ph, kind="xtn", use="PRN", eq="PH"):
    if kind == "xtn":
        return f"^{use}^{eq}^^1^{pph(ph[0])}^{pph(ph[1] + ph[2])}"
    if kind == "flat":
        return pph(f"({ph[0]}){ph[1]}-{ph[2]}") + f"^{use}^{eq}"
    return pph(f"{ph[0]}{ph[1]}{ph[2]}")


def hl7_pid(r, p, fc, rep="", tel="xtn", email=False, ssn=True, acct=True, cell=False):
    f = {1: "1", 3: f"{pmrn(p.mrn)}^^^{fc}^MR" + rep, 5: pn(r.hl7n(p)), 7: pd(fdate(p.dob, "hl7")),
         8: p.sex, 11: hl7_addr(p)}
    if p.native and r.ch(0.7):
        f[5] += ("^^^^L^A" if p.mi else "^^^^^L^A") + f"~{pn(p.native_last + '^' + p.native_first)}^^^^^L^I"
    t = hl7_tel(p.phone, tel)
    if cell:
        t += "~" + hl7_tel(p.cell, tel, "PRN", "CP")
    if email:
        t += f"~^NET^Internet^{pem(p.email)}"
    f[13] = t
    f[15] = r.c(["ENG", "ENG^English^HL70296", "SPA", ""])
    f[16] = r.c(["M", "S", "W", "D", ""])
    if acct:
        f[18] = f"{pacct(p.acct)}^^^{fc}^AN"
    if ssn:
        f[19] = pssn(p.ssn)
    return seg("PID", f)


def hl7_pv1(r, p, fc, cls="I", att="", adm=None, dis=None, loc=None, visit=True, extra=None):
    f = {1: "1", 2: cls, 3: loc or f"{fc}^{r.ri(201, 649)}^{r.c('AB')}^{fc}", 7: att,
         10: r.c(["MED", "SUR", "CAR", "ORT", "PUL", "ONC"]), 18: cls}
    if visit:
        f[19] = poid(p.visit)
    if adm:
        f[44] = pd(adm)
    if dis:
        f[45] = pd(dis)
    f.update(extra or {})
    return seg("PV1", f)


def obx(i, typ, code, val, units, rng_="", flag="", obs=""):
    return seg("OBX", {1: str(i), 2: typ, 3: code, 5: val, 6: units, 7: rng_, 8: flag, 11: "F", 14: obs})


def msh(r, fc, typ, mt, recv="TRHP", app="EPIC", ver="2.5.1", ctrl=None):
    return f"MSH|^~\\&|{app}|{fc}|KESTREL|{recv}|{dmsg(mt)}||{typ}|{ctrl or fc + r.digits(8)}|P|{ver}"


def jira_hdr(r, st, rep, asg, key, summary, labels, prio=None):
    prio = prio or r.c(["Major", "High", "Critical", "Medium", "P2", "P3"])
    created = jira_time(r.tick((0, 0)))
    if st == "wiki":
        return (f"*{key}* {summary}\n*Type:* Bug   *Priority:* {prio}   *Status:* {r.c(['Open', 'In Progress', 'Triage'])}\n"
                f"*Reporter:* {dstaff(rep.first + ' ' + rep.last)}   *Assignee:* {dstaff(asg.first + ' ' + asg.last)}\n"
                f"*Created:* {created}   *Labels:* {labels}")
    if st == "md":
        return (f"# {key}: {summary}\n\n**Type** Bug · **Priority** {prio} · **Reporter** {dstaff(rep.first + ' ' + rep.last)} · "
                f"**Assignee** {dstaff(asg.first + ' ' + asg.last)}\n**Created** {r.now.isoformat()} · **Labels** `{labels}`")
    return (f"{key} - {summary}\nReporter: {dstaff(rep.first + ' ' + rep.last)}\nAssignee: {dstaff(asg.first + ' ' + asg.last)}\n"
            f"Priority: {prio}\nCreated: {created}\nLabels: {labels}")


def jira_time(c):
    hh = c.hour % 12 or 12
    return f"{c.day:02d}/{MON[c.month - 1]}/{c.year % 100:02d} {hh}:{c.minute:02d} {'AM' if c.hour < 12 else 'PM'}"


def jira_comment(r, st, who, body):
    t = jira_time(r.tick())
    if st == "wiki":
        return f"{dstaff(who.first + ' ' + who.last)} added a comment - {t}\n{body}"
    if st == "md":
        return f"**{dstaff(who.first + ' ' + who.last)}** · {t}\n\n{body}"
    return f"-- {dstaff(who.first + ' ' + who.last)} ({t})\n{body}"


# ======================================================================================
# jira_hl7
# ======================================================================================
@tpl("jira_hl7")
def jira_a08_pcp_wipe(r):
    st = r.c(["wiki", "md"])
    p = r.person()
    fac, fc = r.fac()
    rep, asg, pcp, op = r.staff(), r.staff(), r.staff("MD"), r.staff("RN")
    mt = r.ts(r.now - dt.timedelta(days=1), "hl7")
    adm = fdate(r.days_ago(2, 30), "hl7") + f"{r.ri(7, 17):02d}{r.c(['00', '15', '30', '45'])}"
    npi = r.npi()
    msg = "\n".join([
        msh(r, fc, "ADT^A08^ADT_A01", mt),
        f"EVN|A08|{dmsg(mt)}|||{dstaff(op.handle.upper() + '^' + op.last.upper() + '^' + op.first.upper())}",
        hl7_pid(r, p, fc, rep=f"~{pmem(p.member)}^^^TRHP^MB", email=r.ch(0.5)),
        "PD1||||",
        hl7_pv1(r, p, fc, "O", att=hl7_staff(r, pcp, npi), adm=adm, loc=f"{fc}-FM^^^{fc}"),
        f"ZPI|1|Y|{r.c(['EMAIL', 'SMS', 'MAIL'])}|{r.c(['Y', 'N'])}|{r.ri(1, 4)}",
    ])
    mid = r.digits(8)
    out = [jira_hdr(r, st, rep, asg, r.key("INTG"), f"A08 from {fc} clears PCP when PD1-4 is empty", "adt, pcp-attribution, " + fc.lower()),
           "", heading(st, 3, "Description"),
           f"Since the {r.c(['Tuesday', 'Monday', 'last'])} deploy the A08s from {dfac(fac)} come in with PD1-4 empty and the member sync "
           f"(transformer step {r.ri(3, 7)}, {'{{'}pcpFromPd1{'}}'}) wipes the PCP on the member. ~{r.ri(20, 90)} members got the "
           f"\"choose a PCP\" letter so far. Example from the message browser (msg id {mid}), copied as-is:",
           "", codeblock(st, msg, "nof"), "",
           f"PCP on file before the update: {dstaff(pcp.first + ' ' + pcp.last)}, NPI {dnpi(npi)}. After: {'{{'}null{'}}'}.",
           "", heading(st, 3, "Comments"),
           jira_comment(r, st, asg, quote(st, "PD1-4 empty") + "\nConfirmed, and not only " + fc + ". I'd rather treat an empty PD1 as \"no change\" than as a delete. Patch + replay the error queue, " + str(r.ri(20, 90)) + " msgs."),
           "",
           jira_comment(r, st, rep, quote(st, "Patch + replay the error queue") + f"\nok but skip the ones already fixed by hand. {pn(p.first + ' ' + p.last)} called member services about the letter and "
                        f"{r.c(['Ops', 'Enrollment', 'the MS lead'])} re-assigned {her(p)} PCP manually on {devt(fdate(r.now, 'usn'))}. Replaying would just flip it again."),
           ]
    return "\n".join(out)


@tpl("jira_hl7")
def jira_oru_pid3_order(r):
    st = r.c(["md", "wiki", "plain"])
    p = r.person()
    fac, fc = r.fac()
    rep, asg, ordp = r.staff(), r.staff(), r.staff("MD")
    lab = r.c(["QUESTLAB", "LABCORP", "MVMCLAB", "REFLAB"])
    mt = r.ts(r.now, "hl7")
    obs = r.days_ago(1, 6)
    obs_s = fdate(obs, "hl7") + f"{r.ri(6, 11):02d}{r.ri(10, 59)}"
    a1c = f"{r.ri(6, 11)}.{r.ri(0, 9)}"
    ordn = r.digits(9)
    msg = "\n".join([
        msh(r, lab, "ORU^R01^ORU_R01", mt, app="LIS", ver="2.5.1"),
        hl7_pid(r, p, lab, rep=f"~{pmem(p.member)}^^^TRHP^MB", ssn=False, acct=False),
        f"ORC|RE|{dord(ordn)}^{fc}|{dord('L' + r.digits(8))}^{lab}||CM",
        f"OBR|1|{dord(ordn)}^{fc}|{dord('L' + r.digits(8))}^{lab}|4548-4^Hemoglobin A1c^LN|||{pd(obs_s)}|||||||||{hl7_staff(r, ordp)}",
        obx(1, "NM", "4548-4^Hemoglobin A1c/Hemoglobin.total^LN", a1c, "%", "4.0-5.6", "H" if float(a1c) > 5.6 else "N", pd(obs_s)),
        obx(2, "NM", "27353-2^Glucose mean value^LN", str(r.ri(130, 260)), "mg/dL", "", "", pd(obs_s)),
        f"NTE|1|L|Specimen received ambient. Result verified.",
    ])
    key = r.key("ELIG")
    body = [jira_hdr(r, st, rep, asg, key, f"{lab} ORUs matching wrong member since PID-3 repetition order flipped", "oru, hedis, member-match"),
            "",
            f"{lab} started sending PID-3 with the MB identifier second instead of first. Our matcher only reads PID-3.1 (first rep) and falls back to "
            f"name+DOB fuzzy match, which is picking siblings/spouses. HEDIS A1c gap closure is off for at least {r.ri(12, 60)} members.",
            "", "Sample (prod, from the gap-closure error table):", "", codeblock(st, msg, "nof"), "",
            f"Matched to member id {did(str(r.ri(100000, 999999)))} (wrong person, {r.c(['spouse', 'son', 'daughter', 'same last name, different DOB'])}). "
            f"Should be {pmem(p.member)}.",
            "",
            jira_comment(r, st, asg, quote(st, "Our matcher only reads PID-3.1") +
                         "\nyep — `PidIdentifierResolver.firstRep()`. Changing it to scan all reps for assigning authority TRHP/MB. "
                         "Also adding a unit test with the shape above (with a fake member obviously)."),
            "",
            jira_comment(r, st, rep, quote(st, quote(st, "Our matcher only reads PID-3.1") + "\nyep — `PidIdentifierResolver.firstRep()`.") +
                         f"\nAlso need to unwind the gap closures. {pn(p.first)}'s A1c of {a1c} from {pd(fdate(obs, 'usn'))} should be on {her(p)} record, not on the other member's. "
                         f"{mention(r, ordp, st)} fyi since you ordered it."),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_siu_tz_shift(r):
    st = r.c(["plain", "wiki", "md"])
    p = r.person()
    fac, fc = r.fac()
    rep, asg, prov = r.staff(), r.staff(), r.staff(r.c(["MD", "NP", "RN, CCM"]))
    mt = r.ts(r.now, "hl7")
    appt = r.now + dt.timedelta(days=r.ri(3, 30))
    hh = r.c(["0830", "0900", "1015", "1330", "1400", "1545"])
    start = fdate(appt, "hl7") + hh
    em = int(hh[:2]) * 60 + int(hh[2:]) + 30
    end = fdate(appt, "hl7") + f"{em // 60:02d}{em % 60:02d}"
    appt_id = r.digits(8)
    cpt = r.c(CPT[:3])
    msg = "\n".join([
        msh(r, fc, "SIU^S12^SIU_S12", mt, app="CADENCE"),
        seg("SCH", {1: f"{dord(appt_id)}^{fc}", 2: f"{dord(appt_id)}^{fc}", 7: r.c(["FOLLOWUP^Follow up", "NEWPT^New patient", "TCM^Transitional care"]),
                    8: r.c(["OFFICE", "TELE"]), 9: "30", 10: "MIN", 11: f"^^30^{pd(start)}^{pd(end)}", 16: dstaff(prov.handle.upper()), 25: "Booked"}),
        hl7_pid(r, p, fc, tel=r.c(["xtn", "flat"]), cell=r.ch(0.5), acct=False, ssn=r.ch(0.3)),
        hl7_pv1(r, p, fc, "O", loc=f"{fc}^^^{fc}", visit=False),
        "RGS|1|A",
        f"AIS|1|A|{dcpt(cpt[0])}^{cpt[1].upper()}^CPT|{pd(start)}|0|MIN|30|MIN",
        f"AIL|1|A|{fc}-{r.c(['FM', 'IM', 'CARD', 'CM'])}^^^{fc}|^{dfac(fac)}",
        f"AIP|1|A|{hl7_staff(r, prov)}|{r.c(['ATT', 'PRV'])}|{pd(start)}",
    ])
    tail = r.c(["-0500", "-0400"])
    body = [jira_hdr(r, st, rep, asg, r.key("CM"), "care mgmt appointment reminders going out one hour early", "siu, reminders, dst"),
            "",
            f"Reminder texts show the appt 1h earlier than {dfac(fac)} has it. SIU carries no TZ offset in SCH-11 and our parser assumes UTC{tail}"
            " after the DST change. Example below — reminder said " + pd(fdate(appt, 'usn')) + " " + f"{int(hh[:2]) - 1}:{hh[2:]}" + ", clinic has " + hh[:2] + ":" + hh[2:] + ".",
            "", codeblock(st, msg), "",
            f"Member ({pn(p.first + ' ' + p.last)}) showed up early and complained, that's how we found it. Complaint logged by {dstaff(rep.first)} in the grievance queue.",
            "",
            jira_comment(r, st, asg, f"Fixed in `SiuTimeParser` — default to America/New_York when no offset. Will backfill reminders for the next 14 days only."),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_dft_guarantor(r):
    st = r.c(["wiki", "md"])
    p = r.person(amin=4, amax=16)
    g = r.person(culture=p.culture, age=r.ri(28, 52))
    r.set_last(g, p.last)  # same family
    fac, fc = r.fac()
    rep, asg, att = r.staff(), r.staff(), r.staff("MD")
    mt = r.ts(r.now, "hl7")
    dos = r.days_ago(3, 40)
    cpts = r.cpt(2)
    icds = r.icd(2)
    ft = []
    for i, (code, desc) in enumerate(cpts, 1):
        ft.append(seg("FT1", {1: str(i), 2: dord(r.digits(9)), 4: pd(fdate(dos, "hl7")), 5: dmsg(fdate(r.now, "hl7")), 6: "CG",
                              7: f"{dcpt(code)}^{desc.upper()}^CPT", 10: "1", 11: f"{r.ri(80, 900)}.00", 21: hl7_staff(r, att), 25: dcpt(code)}))
    msg = "\n".join([
        msh(r, fc, "DFT^P03^DFT_P03", mt, app="HB"),
        f"EVN|P03|{dmsg(mt)}",
        hl7_pid(r, p, fc, ssn=False),
        hl7_pv1(r, p, fc, "O", att=hl7_staff(r, att), adm=fdate(dos, "hl7"), loc=f"{fc}-PEDS^^^{fc}"),
        *ft,
        *[f"DG1|{i}||{dicd(c)}^{d.upper()}^I10||{pd(fdate(dos, 'hl7'))}|F" for i, (c, d) in enumerate(icds, 1)],
        f"GT1|1||{pn(r.hl7n(g))}||{hl7_addr(g if r.ch(0.3) else p)}|{hl7_tel(g.cell, 'xtn', 'PRN', 'CP')}||{pd(fdate(g.dob, 'hl7'))}|{g.sex}||{r.c(['MTH', 'FTH', 'PAR'])}|{pssn(g.ssn)}",
        seg("IN1", {1: "1", 2: r.c(["MCDPLUS", "HMO01", "CHIP"]), 3: str(r.ri(10000, 99999)), 4: r.c(PAYERS),
                    5: f"PO BOX {r.ri(1000, 9999)}^^COLUMBUS^OH^43216", 7: r.c(PAYER_PHONES), 8: dgrp("G" + r.digits(6)),
                    12: dcov(fdate(dos.replace(month=1, day=1), "hl7")), 16: pn(r.hl7n(g)), 17: "19", 18: pd(fdate(g.dob, "hl7")),
                    36: pmem(p.member)}),
    ])
    hl = hl7_addr(p)
    body = [jira_hdr(r, st, rep, asg, r.key("CLM"), "DFT P03 rejected by claims scrubber: GT1-3 not matching IN1-16", "dft, scrubber, peds"),
            "", heading(st, 3, "What happens"),
            f"Scrubber edit *GT-114* (guarantor ≠ subscriber on a dependent) rejects peds DFTs from {dfac(fac)} when the guarantor name has a middle initial "
            "and the subscriber name doesn't. Straight string compare. Charges sit in the hold queue; AR noticed the lag.",
            "", heading(st, 3, "Example"), codeblock(st, msg), "",
            f"GT1-3 `{pn(r.hl7n(g))}` vs IN1-16 `{pn(r.hl7n(g))}` — same here, but the middle initial flips between feeds. Kid is {pn(p.first)}, DOS {pd(fdate(dos, 'usn'))}.",
            "",
            jira_comment(r, st, asg, quote(st, "Straight string compare.") + "\nCompare on family + first given only, ignore XPN.3. PR up: " + f"PR-{r.ri(300, 999)}."),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_a04_engine_log(r):
    st = r.c(["wiki", "md", "plain"])
    p = r.person(age=0)
    p.dob = r.days_ago(0, 2)
    mom = r.person(culture=p.culture, sex="F", age=r.ri(19, 41))
    fac, fc = r.fac()
    rep, asg, att = r.staff(), r.staff(), r.staff("MD")
    mt = r.ts(r.now, "hl7")
    chan = r.c(["ADT_IN_" + fc, fc + "_ADT_TO_ELIG", "adt-inbound-" + fc.lower()])
    host = r.c(["mirth-prd-01", "mirth-prd-02", "ie-prod-3"])
    base = r.now
    logl = []
    n = r.ri(5, 8)
    tss = r.tsseq(n + 2)
    for i in range(n):
        logl.append(f"{tss[i]} INFO  [{chan} < pool-{r.ri(2, 9)}-thread-{r.ri(1, 40)}] c.m.s.c.MessageProcessor: processed msg {r.digits(8)} in {r.ri(8, 140)}ms")
    logl.append(f"{tss[n]} ERROR [{chan} < pool-{r.ri(2, 9)}-thread-{r.ri(1, 40)}] c.k.elig.NewbornEnrollmentStep: no subscriber for newborn, NK1 relationship MTH not resolved (mother MRN missing)")
    logl.append(f"{tss[n + 1]} WARN  [{chan}] c.m.s.c.DestinationConnector: ACK AE sent to {fc} ({r.ip_private()}:{r.c(['6661', '7001', '5010'])})")
    adm = fdate(p.dob, "hl7") + f"{r.ri(0, 23):02d}{r.ri(0, 59):02d}"
    msg = "\n".join([
        msh(r, fc, "ADT^A04^ADT_A01", mt),
        f"EVN|A04|{dmsg(mt)}",
        hl7_pid(r, p, fc, ssn=False),
        seg("NK1", {1: "1", 2: pn(r.hl7n(mom)), 3: "MTH^Mother^HL70063", 4: hl7_addr(p), 5: hl7_tel(mom.cell, "xtn", "PRN", "CP"),
                    16: pd(fdate(mom.dob, "hl7"))}),
        hl7_pv1(r, p, fc, "I", att=hl7_staff(r, att), adm=adm, loc=f"{fc}^NBN^{r.ri(1, 24)}^{fc}"),
    ])
    ack = f"MSH|^~\\&|KESTREL|TRHP|EPIC|{fc}|{dmsg(r.ts(base, 'hl7'))}||ACK^A04|ACK{r.digits(8)}|P|2.5.1\nMSA|AE|{fc}{r.digits(8)}|Newborn: NK1 MTH has no member match"
    body = [jira_hdr(r, st, rep, asg, r.key("ELIG"), "newborn A04s AE'd — NK1 mother not matched to subscriber", "adt, newborn, mirth", "High"),
            "",
            f"{host} log around the failure:", codeblock(st, "\n".join(logl), "nof"), "",
            "Inbound message:", codeblock(st, msg), "", "ACK we sent back:", codeblock(st, ack), "",
            f"Mom is on our books ({pmem(mom.member)}), just not with an MRN at {fc}. Newborn auto-enroll needs NK1 -> member lookup by name + DOB when NK1-33 is empty.",
            "",
            jira_comment(r, st, asg, "Lookup by NK1-2 + NK1-16 is risky (twins, same-name moms). I'd add mother's member id as a required Z-field with " + fc + " instead. Raising with their interface team."),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_a40_merge_thread(r):
    st = r.c(["wiki", "md"])
    p = r.person()
    fac, fc = r.fac()
    rep, asg, him = r.staff(), r.staff(), r.staff("RHIA")
    old_mrn = r.mrn()
    mt = r.ts(r.now, "hl7")
    msg = "\n".join([
        msh(r, fc, "ADT^A40^ADT_A39", mt),
        f"EVN|A40|{dmsg(mt)}|||{dstaff(him.handle.upper())}",
        hl7_pid(r, p, fc, ssn=r.ch(0.5)),
        f"MRG|{pmrn(old_mrn)}^^^{fc}^MR||{pacct(r.acct())}",
    ])
    c1 = f"After the A40 the member portal shows two {pn(p.last.upper())} records with the claims split between them. Eligibility still keys on the old MRN {pmrn(old_mrn)}."
    c2 = "We never process MRG-1 in the elig feed, only in the clinical repo. Adding a handler; merges older than 30 days need a manual backfill."
    body = [jira_hdr(r, st, rep, asg, r.key("MBR"), f"A40 merge from {fc} not propagated to eligibility", "a40, merge, duplicates"),
            "", codeblock(st, msg, "nof"), "",
            jira_comment(r, st, rep, c1), "",
            jira_comment(r, st, asg, quote(st, c1) + "\n" + c2), "",
            jira_comment(r, st, him, quote(st, c2) + f"\nHIM confirmed the merge on {devt(fdate(r.now - dt.timedelta(days=1), 'usn'))}: surviving MRN {pmrn(p.mrn)}, "
                         f"DOB {pd(fdate(p.dob, 'us'))} verified against the ID on file. The duplicate was created at registration when the patient gave "
                         f"{r.c(['a maiden name', 'a nickname', 'a different DOB', 'no SSN'])}."),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_a03_nonagenarian(r):
    st = r.c(["wiki", "plain"])
    age = r.ri(90, 101)
    p = r.person(age=age, culture=r.c(["irish", "italian", "german", "us_anglo", "polish", "japanese", "english_words"]))
    fac, fc = r.fac()
    rep, asg, att = r.staff(), r.staff(), r.staff("MD")
    mt = r.ts(r.now, "hl7")
    adm = r.days_ago(4, 12)
    dis = r.now - dt.timedelta(days=1)
    icd = r.icd(2)
    msg = "\r\n".join([
        msh(r, fc, "ADT^A03^ADT_A03", mt, ver="2.3"),
        f"EVN|A03|{dmsg(mt)}",
        hl7_pid(r, p, fc, ssn=False, acct=True),
        hl7_pv1(r, p, fc, "I", att=hl7_staff(r, att), adm=fdate(adm, "hl7") + f"{r.ri(0, 23):02d}{r.ri(10, 59)}",
                dis=fdate(dis, "hl7") + f"{r.ri(10, 18)}{r.ri(10, 59)}", extra={36: "03"}),
        *[f"DG1|{i}||{dicd(c)}^{d.upper()}^I10||{pd(fdate(adm, 'hl7'))}|A" for i, (c, d) in enumerate(icd, 1)],
        f"ZDC|1|SNF|{dfac(r.c(['Brookhaven Nursing & Rehab', 'Countryside Care Center', 'Maple Knoll Village']))}|Y",
    ])
    body = [jira_hdr(r, st, rep, asg, r.key("CM"), "TCM task not created for SNF discharges (PV1-36 = 03)", "a03, tcm, discharge"),
            "",
            f"Transitional care tasks only fire for PV1-36 in (01,06). {fc} sends 03 for SNF and we drop it. Found it reviewing a {page(str(age))}{r.c(['-year-old', ' y/o', ' yo', '-yr-old'])} "
            f"member discharged {pd(fdate(dis, 'us2'))} who never got the 2-day call.",
            "", codeblock(st, msg, "nof"), "",
            jira_comment(r, st, asg, f"ZDC-2 is the better signal anyway. Will map 03 → SNF and create the task for the SNF liaison queue. "
                         f"{dstaff(rep.first)}, can you get the CM team to call {pn(p.first + ' ' + p.last)}'s facility today?"),
            ]
    return "\n".join(body)


@tpl("jira_hl7")
def jira_oru_zseg_ack(r):
    st = r.c(["md", "wiki"])
    p = r.person()
    fac, fc = r.fac()
    rep, asg, ordp = r.staff(), r.staff(), r.staff("MD")
    mt = r.ts(r.now, "hl7")
    obs = fdate(r.days_ago(0, 3), "hl7") + f"{r.ri(10, 23)}{r.ri(10, 59)}"
    ordn = r.digits(9)
    msg = "\n".join([
        msh(r, fc, "ORU^R01", mt, app="SOARIAN", ver="2.4"),
        hl7_pid(r, p, fc, email=True, ssn=False, acct=False),
        f"ZRP|1|{pem(p.email)}|Y|{purl('https://myhealth.' + fc.lower() + '.org/portal/p/' + r.digits(7))}",
        f"OBR|1|{dord(ordn)}||24323-8^Comprehensive metabolic panel^LN|||{pd(obs)}||||||||||{hl7_staff(r, ordp)}",
        obx(1, "NM", "2345-7^Glucose^LN", str(r.ri(100, 240)), "mg/dL", "70-99", "H", pd(obs)),
        obx(2, "NM", "2160-0^Creatinine^LN", str(r.ri(6, 31) / 10), "mg/dL", "0.6-1.3", "", pd(obs)),
        f"NTE|1||Hemolyzed \\T\\ recollect advised \\E\\ called to floor",
    ])
    ack = f"MSH|^~\\&|KESTREL|TRHP|SOARIAN|{fc}|{dmsg(r.ts(r.now, 'hl7'))}||ACK|{r.digits(9)}|P|2.4\nMSA|AR|{fc}{r.digits(8)}|ZRP segment not in profile\nERR|^^^207&Application internal error&HL70357"
    body = [jira_hdr(r, st, rep, asg, r.key("INTG"), f"{fc} ORUs rejected (AR) after they added ZRP portal segment", "oru, z-segment, ack"),
            "",
            f"{fc} added a `ZRP` segment between PID and OBR (portal enrollment). Our v2.4 profile is strict on segment order so everything since "
            f"{r.ts(r.now, 'hm')} is AR'd. Sample + ACK:",
            "", codeblock(st, msg), "", codeblock(st, ack), "",
            jira_comment(r, st, asg, quote(st, "Our v2.4 profile is strict on segment order") + "\nSwitching the profile to ignore unknown Z-segments. "
                         "Also the NTE has `\\T\\` / `\\E\\` escapes, make sure the viewer unescapes them."),
            ]
    return "\n".join(body)


# ======================================================================================
# confluence_table
# ======================================================================================
def conf_meta(r, st, title, author):
    upd = r.ts(r.now, "iso")[:10]
    if st == "md":
        return f"# {title}\n_Created by {dstaff(author.first + ' ' + author.last)}, last updated {upd}_"
    return f"{title}\nCreated by {dstaff(author.first + ' ' + author.last)}, last modified on {fdate(r.now, 'mon')}"


@tpl("confluence_table")
def conf_readmit_review(r):
    st = r.c(["wiki", "md"])
    au, rn = r.staff("RN, CCM"), r.staff("MD")
    q = (r.now.month - 1) // 3 + 1
    head = ["Member", "DOB", "MRN", "Index adm", "Readmit", "Dx", "Facility", "Notes"]
    rows = []
    for i in range(r.ri(4, 7)):
        p = r.person(amin=45, amax=88)
        fac, _ = r.fac()
        a = r.days_ago(20, 80)
        b = a + dt.timedelta(days=r.ri(3, 29))
        ds = r.c(["us", "usn", "us2"])
        note = r.c(["", "", "TBD", "SNF → home, no f/u appt", "PCP visit missed", "?? check with " + rn.first, "med rec not done",
                    "called, no answer x2", "readmit planned? (chemo)"])
        rows.append([pn(f"{p.last}, {p.first}" if r.ch(0.6) else f"{p.first} {p.last}"), pd(fdate(p.dob, ds)),
                     pmrn(p.mrn) if r.ch(0.85) else "", pd(fdate(a, ds)), pd(fdate(b, ds)) if r.ch(0.9) else "?",
                     dcond(r.c(CONDITIONS)), dfac(fac), note])
    for row in rows:  # half-finished tail
        pass
    rows.append(["", "", "", "", "", "", "", ""] if st == "wiki" else [" "] * 8)
    txt = [conf_meta(r, st, f"Readmission review Q{q} {r.now.year} (DRAFT)", au), "",
           f"Working list for the {r.c(['Tuesday', 'Thursday'])} UM huddle. 30-day all-cause, {r.c(['MA', 'Medicaid', 'commercial'])} only. "
           f"{dstaff(rn.first + ' ' + rn.last)} to review the ones marked ??.", "",
           table(st, head, rows), "",
           r.c(["rows below this line not reviewed yet", "TODO: pull LOS from the claims side", "(copy of the sheet from the shared drive, don't edit there)"])]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_outreach_excel(r):
    au = r.staff("RN")
    gap = r.c(["Colorectal screening", "Breast cancer screening", "A1c > 9", "Statin therapy (SPD)", "Annual wellness visit", "Eye exam (EED)"])
    head = ["Member ID", "Last", "First", "DOB", "Phone", "Gap", "Attempt 1", "Attempt 2", "Outcome"]
    rows = []
    for i in range(r.ri(5, 9)):
        p = r.person(amin=50, amax=85)
        a1 = r.days_ago(3, 20)
        a2 = a1 + dt.timedelta(days=r.ri(2, 6))
        outcome = r.c(["scheduled", "LVM", "declined", "wrong #", "", "sched w/ PCP", "already done — need records"])
        rows.append([pmem(p.member), pn(p.last.upper() if r.ch(0.3) else p.last), pn(p.first), pd(fdate(p.dob, "usn")),
                     pph(r.ph_(p.phone, r.c(["dash", "paren", "plain"]))) if r.ch(0.9) else "",
                     gap, devt(fdate(a1, "usn")), devt(fdate(a2, "usn")) if r.ch(0.6) else "", outcome])
    tsv = "\t".join(head) + "\n" + "\n".join("\t".join(x) for x in rows)
    txt = [conf_meta(r, "wiki", f"{gap} outreach — {MONTHS[r.now.month - 1]} wk{r.ri(1, 4)}", au), "",
           f"Pasted from the tracker (sheet '{MON[r.now.month - 1]} wk{r.ri(1, 4)}'), formatting cleanup pending. Do not send this page outside CM.", "",
           tsv, "",
           f"Totals: {len(rows)} members, {sum(1 for x in rows if 'sched' in x[-1])} scheduled. Script v3 is on the [Outreach scripts] page."]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_caseload_ages(r):
    st = r.c(["md", "wiki"])
    au = r.staff("RN, CCM")
    head = ["Name", "Age", "MBI", "PCP", "Risk", "Next contact", "Notes"]
    rows = []
    pcps = [r.staff("MD") for _ in range(3)]
    for i in range(r.ri(5, 8)):
        old = r.ch(0.35)
        age = r.ri(90, 99) if old else r.ri(66, 89)
        p = r.person(age=age)
        pcp = r.c(pcps)
        nxt = r.now + dt.timedelta(days=r.ri(1, 21))
        rows.append([pn(f"{p.first} {p.last}"), page(str(age)) if old else str(age), pmbi(p.mbi if r.ch(0.5) else f"{p.mbi[:4]}-{p.mbi[4:7]}-{p.mbi[7:]}"),
                     dstaff(f"Dr. {pcp.last}"), f"{r.ri(18, 95) / 10:.1f}", devt(fdate(nxt, "usn")),
                     r.c(["lives alone", "dtr is caregiver", "HH ended", "falls x2", "", "new O2", "hospice eval?", "memory concerns"])])
    txt = [conf_meta(r, st, f"Complex care caseload — {dstaff(au.first + ' ' + au.last)}", au), "",
           "Updated weekly. Risk = HCC RAF. Ages as of today.", "", table(st, head, rows), "",
           f"Transfers pending: {r.ri(0, 3)}. Caseload cap is 45."]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_dup_mrn_cleanup(r):
    st = r.c(["wiki", "md", "plain"])
    au, him = r.staff(), r.staff("RHIT")
    fac, fc = r.fac()
    head = ["Surviving MRN", "Retired MRN", "Patient", "DOB", "Status", "Who"]
    rows = []
    for i in range(r.ri(4, 7)):
        p = r.person()
        status = r.c(["merged", "merged", "pending A40", "NOT a dup — twins", "on hold (open claim)", "merged"])
        who = r.c([him, au])
        rows.append([pmrn(p.mrn), pmrn(r.mrn()), pn(f"{p.last.upper()}, {p.first.upper()}"), pd(fdate(p.dob, "us")), status, dstaff(who.first)])
    txt = [conf_meta(r, st, f"{fc} duplicate MRN cleanup — batch {r.ri(3, 14)}", au), "",
           heading(st, 2, "Process"),
           f"1. HIM ({dstaff(him.first + ' ' + him.last)}) confirms identity against the ID scan.\n2. Merge in the EHR → A40 goes out.\n"
           f"3. We verify elig picked up the MRG (query in {r.key('MBR')}).\n4. Mark row merged. Don't delete rows.", "",
           heading(st, 2, "Batch"), table(st, head, rows), "",
           "Twins rule: same DOB + same address + different first name = not a dup. Ask before merging."]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_prior_auth_html(r):
    au = r.staff()
    rows = []
    for i in range(r.ri(3, 6)):
        p = r.person()
        svc = r.c(["MRI lumbar spine", "CPAP", "Home O2", "Ozempic", "PT 12 visits", "Knee arthroscopy", "CT abd/pelvis"])
        dos = r.now + dt.timedelta(days=r.ri(2, 40))
        status = r.c(["Approved", "Pended - need notes", "Denied (criteria)", "P2P scheduled", "Withdrawn"])
        prov = r.staff("MD")
        rows.append(f"<tr><td>{poid('PA' + r.digits(8))}</td><td>{pn(p.first + ' ' + p.last)}</td><td>{pmem(p.member)}</td>"
                    f"<td>{pd(fdate(dos, 'iso'))}</td><td>{dmed(svc) if svc == 'Ozempic' else svc}</td><td>{dstaff('Dr. ' + prov.last)}</td><td>{status}</td></tr>")
    body = (f'<p>Open prior auths escalated to the medical director this week. Owner: <ac:link><ri:user ri:username="{au.handle}"/></ac:link></p>\n'
            '<table data-layout="default"><colgroup><col/><col/><col/><col/><col/><col/><col/></colgroup><tbody>\n'
            "<tr><th><p>Auth #</p></th><th><p>Member</p></th><th><p>Member ID</p></th><th><p>Planned DOS</p></th><th><p>Service</p></th><th><p>Requesting</p></th><th><p>Status</p></th></tr>\n"
            + "\n".join(rows) + "\n<tr><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n</tbody></table>\n"
            f'<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Turnaround: urgent 72h, standard 7 days (CMS-0057-F from 2026).</p></ac:rich-text-body></ac:structured-macro>')
    return f"<!-- storage format, page id {r.digits(9)}, author {dstaff(au.handle)} -->\n" + body


@tpl("confluence_table")
def conf_appeal_props(r):
    st = r.c(["wiki", "plain"])
    p = r.person()
    rel = r.c(["daughter", "son", spouse(p), "niece", "POA"])
    rep_ = relative(r, p, rel)
    au, md = r.staff("RN"), r.staff("MD")
    recv = r.days_ago(5, 25)
    dos = recv - dt.timedelta(days=r.ri(20, 90))
    case = "APL-" + r.digits(7)
    if st == "wiki":
        props = ("{page-properties}\n"
                 f"||Case|{poid(case)}|\n||Member|{pn(p.first + ' ' + p.last)}|\n||Member ID|{pmem(p.member)}|\n||DOB|{pd(fdate(p.dob, 'us'))}|\n"
                 f"||Representative|{pn(rep_.first + ' ' + rep_.last)} ({rel}), {pph(r.ph_(rep_.cell))}|\n"
                 f"||Mailing address|{pst(p.street)}{', ' + pst(p.unit) if p.unit else ''}, {pst(p.city)}, {dstate(p.state)} {pzip(p.zip)}|\n"
                 f"||Service / DOS|{r.c(['SNF days 21-34', 'ambulance transport', 'out-of-network ED', 'genetic testing'])} / {pd(fdate(dos, 'us'))}|\n"
                 f"||Received|{devt(fdate(recv, 'us'))}|\n||Reviewer|{dstaff(md.first + ' ' + md.last)}|\n||Status|{r.c(['In review', 'Upheld', 'Overturned', 'Awaiting records'])}|\n"
                 "{page-properties}")
    else:
        props = (f"Case: {poid(case)}\nMember: {pn(p.first + ' ' + p.last)}   ID {pmem(p.member)}   DOB {pd(fdate(p.dob, 'us'))}\n"
                 f"Rep: {pn(rep_.first + ' ' + rep_.last)} ({rel}) {pph(r.ph_(rep_.cell))}\n"
                 f"Address: {pst(p.street)}{' ' + pst(p.unit) if p.unit else ''}, {pst(p.city)} {dstate(p.state)} {pzip(p.zip)}\n"
                 f"DOS: {pd(fdate(dos, 'us'))}   Received: {devt(fdate(recv, 'us'))}   Reviewer: {dstaff(md.first + ' ' + md.last)}")
    txt = [f"Appeal {poid(case)}", props, "",
           heading(st, 3, "Timeline"),
           f"* {devt(fdate(recv, 'usn'))} — appeal received by fax from {rep_.first if False else 'the representative'}, AOR form attached\n"
           f"* {devt(fdate(recv + dt.timedelta(days=2), 'usn'))} — records requested from {dfac(r.fac()[0])}\n"
           f"* {devt(fdate(recv + dt.timedelta(days=4), 'usn'))} — {dstaff(au.first)} called {pn(rep_.first)}, explained timeline (30 days standard)",
           "", heading(st, 3, "Reviewer notes"), r.c(["(pending)", "Criteria not met on original review; new records show failed conservative tx. Leaning overturn.", "Need PT notes before decision."])]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_transport_board(r):
    st = r.c(["md", "wiki"])
    au = r.staff("RN")
    fac, fc = r.hosp()
    head = ["Pt", "Rm", "Pickup / drop-off", "Contact", "Time", "Vendor", "Conf #"]
    rows = []
    for i in range(r.ri(4, 6)):
        p = r.person(amin=55, amax=89)
        rel = r.c(["dtr", "son", "wife", "neighbor"])
        fam = relative(r, p, rel)
        addr = (pst(p.street) + (" " + pst(p.unit) if p.unit else "") + ", " + pst(p.city)) if r.ch(0.75) else "same as chart"
        contact = (pn(fam.first) + f" ({rel}) " + pph(r.ph_(fam.cell))) if r.ch(0.7) else pph(r.ph_(p.phone))
        rows.append([pn(f"{p.last}, {p.first[0]}.") if r.ch(0.3) else pn(f"{p.first} {p.last}"), f"{r.ri(2, 6)}{r.c('NSEW')}-{r.ri(1, 40):02d}", addr, contact,
                     r.c(["10:30", "1300", "after lunch", "TBD", "14:15"]), r.c(["LogistiCare", "ModivCare", "family", "wheelchair van", "ALS ambulance"]),
                     r.c(["", "", r.digits(7)])])
    txt = [conf_meta(r, st, f"Discharge transport board — {dfac(fac)} {devt(fdate(r.now, 'usn'))}", au), "",
           "Copy of the whiteboard. Vendor conf # once booked. Rows stay until pickup confirmed.", "",
           table(st, head, rows), "",
           "Bariatric: call the vendor direct, not the portal."]
    return "\n".join(txt)


@tpl("confluence_table")
def conf_pdc_adherence(r):
    st = r.c(["wiki", "md", "plain"])
    au, ph = r.staff("PharmD"), r.staff("PharmD")
    cls = r.c([("RAS antagonists", ["lisinopril", "losartan", "valsartan"]), ("statins", ["atorvastatin", "rosuvastatin", "simvastatin"]),
               ("diabetes meds", ["metformin", "glipizide", "sitagliptin"])])
    head = ["MBI", "Member", "DOB", "Drug", "PDC YTD", "Last fill", "Pharmacy", "Action"]
    rows = []
    for i in range(r.ri(5, 8)):
        p = r.person(amin=66, amax=89)
        lf = r.days_ago(20, 75)
        rows.append([pmbi(p.mbi), pn(f"{p.last}, {p.first}"), pd(fdate(p.dob, "us")), dmed(r.c(cls[1])), f"{r.ri(52, 79)}%",
                     pd(fdate(lf, "us")), r.c(["CVS #" + str(r.ri(1000, 9999)), "Kroger " + str(r.ri(300, 999)), "Walgreens #" + str(r.ri(1000, 19999)), "mail order"]),
                     r.c(["90-day supply", "call member", "fax prescriber", "", "auto-refill enrolled", "cost barrier → LIS?"])])
    txt = [conf_meta(r, st, f"Part D adherence — {cls[0]} below 80% PDC", au), "",
           f"Star measure D{r.c(['10', '11', '12'])}. List from the PBM file dated {fdate(r.days_ago(2, 6), 'iso')}. Pharmacist on point: {dstaff(ph.first + ' ' + ph.last)}.", "",
           table(st, head, rows), "",
           "Last fill = dispensed date. Don't call members already on hospice/ESRD exclusion."]
    return "\n".join(txt)


# ======================================================================================
# fhir_diff
# ======================================================================================


def udiff(old, new, path, ctx=3):
    lines = list(difflib.unified_diff(old.split("\n"), new.split("\n"), f"a/{path}", f"b/{path}", n=ctx, lineterm=""))
    return "\n".join(lines)


def newfile_diff(new, path, idx):
    lines = new.split("\n")
    return (f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{idx}\n--- /dev/null\n+++ b/{path}\n"
            f"@@ -0,0 +1,{len(lines)} @@\n" + "\n".join("+" + ln for ln in lines))


def fhir_pat(r, p, rid, fc, member=False, tele=True, addr=True, mrn=True):
    res = {"resourceType": "Patient", "id": did(rid), "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]}}
    ids = []
    if mrn:
        ids.append({"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                    "system": f"urn:oid:2.16.840.1.113883.3.{r.ri(1000, 9999)}.{fc.lower()}.mrn", "value": pmrn(p.mrn)})
    if member:
        ids.append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MB"}]},
                    "system": "https://tririverhealth.com/fhir/sid/member-id", "value": pmem(p.member)})
    res["identifier"] = ids
    nm = {"use": "official", "family": pn(p.last), "given": [pn(p.first)] + ([pn(p.mid)] if p.mid else [])}
    res["name"] = [nm]
    if p.native and r.ch(0.7):
        res["name"].append({"use": "usual", "text": pn(p.native),
                            "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/language", "valueCode": LANG[p.culture]}]})
    if tele:
        res["telecom"] = [{"system": "phone", "value": pph(r.ph_(p.phone)), "use": "home"}]
        if r.ch(0.5):
            res["telecom"].append({"system": "email", "value": pem(p.email)})
    res["gender"] = "female" if p.sex == "F" else "male"
    res["birthDate"] = pd(p.dob.isoformat())
    if addr:
        a = {"use": "home", "line": [pst(p.street)] + ([pst(p.unit)] if p.unit else []), "city": pst(p.city),
             "state": dstate(p.state), "postalCode": pzip(p.zip)}
        res["address"] = [a]
    return res


TEST_PATS = [("ZZTEST", "ALPHA"), ("Test", "Patient"), ("Chalmers", "Peter"), ("Everyman", "Adam"), ("Doe", "Jane"),
             ("ZZZTEST", "BRAVO"), ("Patient", "Sandbox"), ("Testperson", "Tina")]


@tpl("fhir_diff")
def fhir_fixture_prod_leak(r):
    p = r.person()
    fac, fc = r.fac()
    dev, rev = r.staff(), r.staff()
    rid = r.c(["pat-", "p", "member-"]) + r.digits(5)
    tl, tf = r.c(TEST_PATS)
    old = {"resourceType": "Patient", "id": did(rid), "identifier": [{"system": f"urn:oid:2.16.840.1.113883.3.4421.{fc.lower()}.mrn", "value": "T0000" + str(r.ri(10, 99))}],
           "name": [{"family": dtest(tl), "given": [dtest(tf)]}], "telecom": [{"system": "phone", "value": "614-555-01" + str(r.ri(10, 99))}],
           "gender": "unknown", "birthDate": "1970-01-01", "address": [{"line": ["123 Main St"], "city": "Anytown", "state": "OH", "postalCode": "00000"}]}
    new = fhir_pat(r, p, rid, fc, member=r.ch(0.5))
    path = f"src/test/resources/fixtures/{r.c(['patient', 'member'])}-{r.c(['sync', 'match', 'dedupe'])}-{r.ri(1, 9)}.json"
    d = f"diff --git a/{path} b/{path}\nindex {r.hexs(7)}..{r.hexs(7)} 100644\n" + udiff(jdump(old), jdump(new), path)
    txt = [f"Pull request #{r.ri(200, 1400)}: {r.c(['Fix dedupe on hyphenated family names', 'Member match: compare normalized given names', 'Handle multiple MR identifiers'])}",
           f"{dstaff(dev.first + ' ' + dev.last)} wants to merge {r.c(['feature', 'bugfix'])}/{r.key('FHIR').lower()}-{r.c(['dedupe', 'match', 'ids'])} into develop", "",
           d, "",
           f"{dstaff(rev.first + ' ' + rev.last)} commented on line {r.ri(8, 30)}:",
           f"> this is a real member, not a fixture. Please take it out, rewrite history on the branch and use the ZZTEST one with a hyphenated name instead. "
           f"Also the birthDate {pd(p.dob.isoformat())} + MRN combo is exactly what we're not allowed to have in git.",
           "", f"{dstaff(dev.first + ' ' + dev.last)}: ugh, copied from the {r.c(['prod', 'UAT (prod copy)'])} response to reproduce. Will force-push."]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_bundle_encounter(r):
    p = r.person()
    fac, fc = r.fac()
    att = r.staff("MD")
    dev = r.staff()
    pid, eid = r.uuid(), r.uuid()
    adm = r.days_ago(3, 20)
    dis = adm + dt.timedelta(days=r.ri(1, 6))
    t1 = f"{adm.isoformat()}T{r.ri(0, 23):02d}:{r.ri(0, 59):02d}:00-05:00"
    t2 = f"{dis.isoformat()}T{r.ri(8, 18):02d}:{r.ri(0, 59):02d}:00-05:00"
    pat = fhir_pat(r, p, "P" + r.digits(7), fc, tele=r.ch(0.6), addr=r.ch(0.7))
    enc_old = {"resourceType": "Encounter", "id": did("E" + r.digits(8)), "status": "in-progress",
               "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
               "identifier": [{"system": f"urn:{fc.lower()}:visit", "value": poid(p.visit)}],
               "subject": {"reference": f"urn:uuid:{pid}", "display": pn(f"{p.first} {p.last}")},
               "participant": [{"individual": {"display": dstaff(f"{att.first} {att.last}, MD")}}],
               "period": {"start": pd(t1)},
               "serviceProvider": {"display": dfac(fac)}}
    enc_new = json.loads(json.dumps(enc_old))
    enc_new["status"] = "finished"
    enc_new["period"] = {"start": pd(t1), "end": pd(t2)}
    enc_new["hospitalization"] = {"dischargeDisposition": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/discharge-disposition", "code": r.c(["home", "snf", "hh"])}]}}

    def bundle(enc):
        return {"resourceType": "Bundle", "type": "transaction", "entry": [
            {"fullUrl": f"urn:uuid:{pid}", "resource": pat, "request": {"method": "PUT", "url": f"Patient?identifier={pmrn(p.mrn)}"}},
            {"fullUrl": f"urn:uuid:{eid}", "resource": enc, "request": {"method": "POST", "url": "Encounter"}}]}
    path = "src/test/resources/bundles/" + r.c(["encounter-discharge.json", "adt-a03-expected.json", "enc_finished.json"])
    d = f"diff --git a/{path} b/{path}\nindex {r.hexs(7)}..{r.hexs(7)} 100644\n" + udiff(jdump(bundle(enc_old)), jdump(bundle(enc_new)), path, 2)
    txt = [f"commit {r.hexs(40)}", f"Author: {dstaff(dev.first + ' ' + dev.last)} <{dcon(dev.email)}>", f"Date:   {r.ts(r.now, 'iso')} -0500", "",
           f"    {r.key('FHIR')} A03 -> Encounter: set period.end and dischargeDisposition", "",
           f"    Expected bundle regenerated from the {fc} sample in the ticket.", "", d]
    return "\n".join(txt)


def xml_pat(r, p, rid, fc, ind="  "):
    L = [f'<Patient xmlns="http://hl7.org/fhir">', f'{ind}<id value="{did(rid)}"/>',
         f'{ind}<identifier>', f'{ind}{ind}<system value="urn:oid:2.16.840.1.113883.3.{r.ri(1000, 9999)}.1"/>', f'{ind}{ind}<value value="{pmrn(p.mrn)}"/>', f'{ind}</identifier>',
         f'{ind}<name>', f'{ind}{ind}<family value="{pn(p.last)}"/>', f'{ind}{ind}<given value="{pn(p.first)}"/>', f'{ind}</name>',
         f'{ind}<telecom>', f'{ind}{ind}<system value="phone"/>', f'{ind}{ind}<value value="{pph(r.ph_(p.phone))}"/>', f'{ind}</telecom>',
         f'{ind}<gender value="{"female" if p.sex == "F" else "male"}"/>', f'{ind}<birthDate value="{pd(p.dob.isoformat())}"/>',
         f'{ind}<address>', f'{ind}{ind}<line value="{pst(p.street)}"/>', f'{ind}{ind}<city value="{pst(p.city)}"/>',
         f'{ind}{ind}<state value="{dstate(p.state)}"/>', f'{ind}{ind}<postalCode value="{pzip(p.zip)}"/>', f'{ind}</address>', '</Patient>']
    return "\n".join(L)


@tpl("fhir_diff")
def fhir_patient_xml(r):
    p = r.person()
    fac, fc = r.fac()
    dev = r.staff()
    rid = r.digits(6)
    new = xml_pat(r, p, rid, fc)
    old = new.replace(f'  <gender value="{"female" if p.sex == "F" else "male"}"/>\n', "")
    old = re.sub(r'(<value value=")\x01phone\x02[^\x03]*\x03("/>)', r"\1" + r.c(["", "N/A", "0000000000"]) + r"\2", old)
    path = f"interfaces/{fc.lower()}/samples/patient-{rid}.xml"
    d = f"diff --git a/{path} b/{path}\n" + udiff(old, new, path)
    st = r.c(["wiki", "md"])
    txt = [f"{r.key('INTG')}: XML sample for the {fc} Patient feed was missing gender and had a dummy phone. Updated from the latest pull "
           f"(requested by {mention(r, dev, st)}):", "", codeblock(st, d, "diff" if st == "md" else ""), "",
           r.c(["NB: sample is from UAT which is a prod copy, so this needs to be masked before merge.", "ignore the whitespace noise, the formatter changed.",
                "Validator passes now (us-core 6.1)."])]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_coverage_diff(r):
    p = r.person()
    srel = r.c(["wife", "husband", "mother", "father", None, None])
    sub = relative(r, p, srel, amin=30, amax=70) if srel else None
    payer = r.c(PAYERS)
    dev, rev = r.staff(), r.staff()
    cid = "cov-" + r.digits(6)
    start = dt.date(r.now.year - r.c([0, 0, 1, 2]), 1, 1)
    rel = "self" if sub is None else "spouse" if srel in ("wife", "husband") else "child"
    grp = r.c(["G", "GRP", ""]) + r.digits(6)
    grpname = r.c(["STATE OF OHIO RETIREES", "ACME MFG", "IND EXCH SILVER"])
    sid = p.member if sub is None else sub.member

    def cov(status, end):
        c = {"resourceType": "Coverage", "id": did(cid), "status": status,
             "identifier": [{"system": "https://tririverhealth.com/fhir/sid/member-id", "value": pmem(p.member)}],
             "subscriber": {"display": pn(f"{(sub or p).first} {(sub or p).last}")}, "subscriberId": pmem(sid),
             "beneficiary": {"reference": f"Patient/{did('pt-' + p.mrn[-6:])}", "display": pn(f"{p.first} {p.last}")},
             "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship", "code": rel}]},
             "period": {"start": dcov(start.isoformat())}, "payor": [{"display": payer}],
             "class": [{"type": {"coding": [{"code": "group"}]}, "value": dgrp(grp), "name": grpname}]}
        if end:
            c["period"]["end"] = dcov(end)
        return c
    term = dt.date(r.now.year, r.now.month, 1) - dt.timedelta(days=1)
    old, new = jdump(cov("active", None)), jdump(cov("cancelled", term.isoformat()))
    path = f"test/fixtures/coverage/{r.c(['termed', 'cancelled', 'cobra'])}-{r.ri(1, 20)}.json"
    d = f"--- a/{path}\n+++ b/{path}\n" + "\n".join(udiff(old, new, path, 60).split("\n")[2:])
    txt = [f"{dstaff(rev.first)} left a comment on {path}", "", d, "",
           f"{dstaff(rev.first + ' ' + rev.last)}: the termed fixture is fine logically but this is {pn(p.first)}'s actual coverage record "
           f"(I recognize the member id from the {r.key('ELIG')} escalation). We need synthetic data here.",
           f"{dstaff(dev.first + ' ' + dev.last)}: 👍 swapping for generated ones, sorry"]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_observation_bp(r):
    p = r.person(amin=40, amax=88)
    fac, fc = r.fac()
    dev = r.staff()
    oid_ = r.digits(7)
    when = r.days_ago(1, 15)
    eff = f"{when.isoformat()}T{r.ri(6, 20):02d}:{r.ri(0, 59):02d}:00-05:00"
    sysv, dia = r.ri(128, 182), r.ri(78, 104)
    dev_sn = r.c(["A&D", "Omron", "iHealth"]) + "-" + r.digits(9)

    def obs(fixed):
        o = {"resourceType": "Observation", "id": did(oid_), "status": "final",
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"}]},
             "subject": {"reference": f"Patient/{did('rpm-' + oid_[:5])}", "display": pn(f"{p.first} {p.last}")},
             "effectiveDateTime": pd(eff), "device": {"display": f"{r.c(['BPM Connect', 'UA-651BLE', 'BP7250'])} SN {pdev(dev_sn)}"},
             "component": [
                 {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": sysv, "unit": "mmHg" if fixed else "mm[Hg]"}},
                 {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": dia, "unit": "mmHg" if fixed else "mm[Hg]"}}]}
        if fixed:
            for c in o["component"]:
                c["valueQuantity"]["system"] = "http://unitsofmeasure.org"
                c["valueQuantity"]["code"] = "mm[Hg]"
        return o
    path = f"rpm-ingest/src/test/resources/obs/bp-{oid_}.json"
    d = f"diff --git a/{path} b/{path}\n" + udiff(jdump(obs(False)), jdump(obs(True)), path, 60)
    st = r.c(["md", "wiki", "plain"])
    txt = [heading(st, 3, f"RPM: UCUM units on BP components ({r.key('FHIR')})"),
           f"Validator complained `mm[Hg]` in `unit` without `system`/`code`. Fixture diff below; the reading itself is from the pilot export for {pn(p.first + ' ' + p.last)}, "
           f"{r.c(['device', 'cuff'])} {pdev(dev_sn)}.", "", codeblock(st, d, "diff" if st == "md" else ""), "",
           f"cc {mention(r, dev, st)}"]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_relatedperson(r):
    p = r.person(amin=70, amax=89) if r.ch(0.6) else r.person(amin=2, amax=15)
    rel = r.c(["daughter", "son", "niece"]) if p.age > 20 else r.c(["mother", "father"])
    q = relative(r, p, rel, amin=30, amax=60)
    dev = r.staff()
    code = {"daughter": "DAU", "son": "SON", "niece": "NIECE", "mother": "MTH", "father": "FTH"}[rel]
    rp = {"resourceType": "RelatedPerson", "id": did("rp-" + r.digits(6)), "active": True,
          "patient": {"reference": f"Patient/{did(r.digits(7))}", "display": pn(f"{p.first} {p.last}")},
          "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": code}]},
                           {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C", "display": "Emergency Contact"}]}],
          "name": [{"family": pn(q.last), "given": [pn(q.first)]}],
          "telecom": [{"system": "phone", "value": pph(r.ph_(q.cell)), "use": "mobile"}] + ([{"system": "email", "value": pem(q.email)}] if r.ch(0.6) else []),
          "address": [{"line": [pst(q.street)], "city": pst(q.city), "state": dstate(q.state), "postalCode": pzip(q.zip)}]}
    path = f"portal-proxy/src/test/resources/relatedperson/{rel}-{r.ri(1, 9)}.json"
    d = newfile_diff(jdump(rp), path, r.hexs(7))
    txt = [f"{r.c(['PORTAL', 'FHIR'])}-{r.ri(100, 999)} proxy access: caregiver sees patient's appointments", "",
           f"{dstaff(dev.first + ' ' + dev.last)} · {r.ri(2, 9)} files changed", "", d]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_eob_diff(r):
    p = r.person()
    fac, fc = r.fac()
    prov, dev = r.staff("MD"), r.staff()
    dos = r.days_ago(30, 90)
    claim = r.claim_no()
    cpts, icds = r.cpt(2), r.icd(2)
    amt = [r.ri(90, 600) for _ in cpts]

    def eob(paid_fix):
        items = []
        for i, ((c, dsc), a) in enumerate(zip(cpts, amt), 1):
            adj = [{"category": {"coding": [{"code": "submitted"}]}, "amount": {"value": float(a), "currency": "USD"}},
                   {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": round(a * (0.62 if paid_fix else 0.7), 2), "currency": "USD"}}]
            items.append({"sequence": i, "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": dcpt(c)}]},
                          "servicedDate": pd(dos.isoformat()), "adjudication": adj})
        return {"resourceType": "ExplanationOfBenefit", "id": did("eob-" + claim[-6:]), "status": "active",
                "identifier": [{"system": "https://tririverhealth.com/fhir/sid/claim-number", "value": poid(claim)}],
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
                "patient": {"reference": f"Patient/{did('mbr-' + p.member[-7:])}", "display": pn(f"{p.first} {p.last}")},
                "billablePeriod": {"start": pd(dos.isoformat()), "end": pd(dos.isoformat())},
                "provider": {"display": dstaff(f"{prov.first} {prov.last} {prov.role or 'MD'}")},
                "diagnosis": [{"sequence": i, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": dicd(c)}]}}
                              for i, (c, _) in enumerate(icds, 1)],
                "item": items}
    path = "cards-api/src/test/resources/eob/" + r.c(["prof-two-lines.json", "eob_allowed_fix.json", "carin-bb-prof.json"])
    d = f"diff --git a/{path} b/{path}\n" + udiff(jdump(eob(False)), jdump(eob(True)), path, 3)
    st = r.c(["md", "wiki"])
    txt = [heading(st, 2, f"{r.key('CLM')} benefit amount used 70% instead of plan coinsurance"),
           f"Patient Access API returned the wrong benefit on EOBs for {r.c(['PPO', 'MA-PD', 'Silver'])} members. {dstaff(dev.first)} regenerated the expected fixture "
           f"from claim {poid(claim)} (DOS {pd(fdate(dos, 'us'))}) which is how we found it.", "", codeblock(st, d, "diff" if st == "md" else ""), "",
           "Note: CARIN BB requires `adjudication` at item level; header-level totals are optional."]
    return "\n".join(txt)


@tpl("fhir_diff")
def fhir_bundle_xml_new(r):
    p = r.person()
    fac, fc = r.fac()
    dev = r.staff()
    adm = r.days_ago(2, 10)
    st = r.c(["md", "plain"])
    enc = "\n".join([
        "<Encounter>", f'  <id value="{did("enc" + r.digits(6))}"/>', '  <status value="arrived"/>',
        '  <class><system value="http://terminology.hl7.org/CodeSystem/v3-ActCode"/><code value="EMER"/></class>',
        f'  <subject><reference value="Patient/{did(r.digits(6))}"/><display value="{pn(p.last.upper() + ", " + p.first.upper())}"/></subject>',
        f'  <period><start value="{pd(adm.isoformat() + "T" + str(r.ri(10, 23)) + ":" + str(r.ri(10, 59)) + ":00-05:00")}"/></period>',
        f'  <reasonCode><text value="{dcond(r.c(["chest pain", "fall", "shortness of breath", "abdominal pain"]))}"/></reasonCode>',
        f'  <serviceProvider><display value="{dfac(fac)}"/></serviceProvider>', "</Encounter>"])
    pat = xml_pat(r, p, r.digits(6), fc).replace('<Patient xmlns="http://hl7.org/fhir">', "<Patient>")
    bundle = ('<Bundle xmlns="http://hl7.org/fhir">\n  <type value="collection"/>\n  <entry>\n    <resource>\n'
              + "\n".join("      " + ln for ln in pat.split("\n")) + "\n    </resource>\n  </entry>\n  <entry>\n    <resource>\n"
              + "\n".join("      " + ln for ln in enc.split("\n")) + "\n    </resource>\n  </entry>\n</Bundle>")
    path = f"ed-notify/src/test/resources/{fc.lower()}_ed_arrival_{r.ri(1, 9)}.xml"
    d = newfile_diff(bundle, path, r.hexs(7))
    txt = [f"{dstaff(dev.first + ' ' + dev.last)} added a test case for ED arrival notifications ({r.key('CM')})", "",
           codeblock(st, d, "diff"), "",
           r.c(["Reviewer: pls confirm this isn't a real patient — the address looks real.", "build #" + str(r.ri(400, 2000)) + " green", "TODO: move to synthetic data generator"])]
    return "\n".join(txt)


# ======================================================================================
# sql_seed
# ======================================================================================
def sq(v):
    return "'" + v.replace("'", "''") + "'"


def psq(wrap, v):
    """quoted SQL literal with the value (escaped) inside the span"""
    return "'" + wrap(v.replace("'", "''")) + "'"


@tpl("sql_seed")
def sql_flyway_member_seed(r):
    v = r.ri(40, 180)
    dev, rev = r.staff(), r.staff()
    rows = []
    has_test = r.ch(0.6)
    for i in range(r.ri(3, 6)):
        if i == 0 and has_test:
            tl, tf = r.c(TEST_PATS[:2] + TEST_PATS[5:6])
            rows.append(f"  ({did(str(9000 + i))}, 'T{r.digits(8)}', NULL, '{dtest(tl.upper())}', '{dtest(tf.upper())}', '1900-01-01', '614-555-01{r.ri(10, 99)}', '00000', 'LOW')")
            continue
        p = r.person()
        rows.append(f"  ({did(str(r.ri(10000, 99999)))}, {psq(pmem, p.member)}, {psq(pmbi, p.mbi) if p.age > 64 or r.ch(0.2) else 'NULL'}, {psq(pn, p.last)}, {psq(pn, p.first)}, "
                    f"{psq(pd, p.dob.isoformat())}, {psq(pph, r.ph_(p.phone, 'dash'))}, {psq(pzip, p.zip)}, '{r.c(['HIGH', 'MED', 'LOW', 'RISING'])}')")
    sql = (f"-- V{v}__seed_cm_enrollment.sql\n-- seed data for care mgmt enrollment UI ({r.key('CM')})\n\n"
           "INSERT INTO cm.enrollment_candidate\n  (candidate_id, member_id, mbi, last_name, first_name, dob, phone, zip, risk_tier)\nVALUES\n"
           + ",\n".join(rows) + "\nON CONFLICT (candidate_id) DO NOTHING;\n")
    path = f"db/migration/V{v}__seed_cm_enrollment.sql"
    txt = [f"{path}", "", sql, "",
           f"{dstaff(rev.first + ' ' + rev.last)}: {r.c(['Blocking.', 'Needs work.', '❌'])} {'Only the ZZTEST row is synthetic — the rest' if has_test else 'These rows'} came out of the {r.c(['April', 'Q2', 'nightly'])} candidate extract. "
           "Migrations run in every env incl. the vendor sandbox. Please move to a local-only seed with generated rows.",
           f"{dstaff(dev.first)}: right, I used the extract to get realistic risk tiers. Removing."]
    return "\n".join(txt)


@tpl("sql_seed")
def sql_psql_grid_jira(r):
    st = r.c(["wiki", "md"])
    dba, asg = r.staff(), r.staff()
    p = r.person()
    others = [r.person(culture=p.culture) for _ in range(r.ri(1, 3))]
    for o in others:
        r.set_last(o, p.last)
        o.zip = p.zip
    rows = []
    for q in [p] + others:
        rows.append([did(str(r.ri(100000, 999999))), pmem(q.member), pn(q.last), pn(q.first), pd(q.dob.isoformat()), pzip(q.zip),
                     r.c(["A", "T", "A", "P"]), dcov(dt.date(r.now.year, 1, 1).isoformat())])
    head = ["mbr_sk", "member_id", "last_name", "first_name", "birth_dt", "zip", "status", "eff_dt"]
    grid = table_psql(head, rows)
    pfx = p.last.replace("'", "''")
    q = (f"elig=> SELECT mbr_sk, member_id, last_name, first_name, birth_dt, zip, status, eff_dt\n"
         f"elig->   FROM elig.member WHERE last_name = '{pn(pfx)}' AND zip LIKE '{p.zip[:3]}%';\n" + grid)
    body = [jira_comment(r, st, dba, f"Looked at the dup report. Same household, {len(rows)} rows:\n" + codeblock(st, q, "nof") +
                         f"\nThe {pd(p.dob.isoformat())} one ({pn(p.first)}) is the subscriber; the others are dependents, not dups. Closing as expected behavior."),
            "", jira_comment(r, st, asg, quote(st, "the others are dependents, not dups") + "\nok. Can we at least exclude same-household dependents from the dedupe report? Otherwise this comes back every month.")]
    return f"{r.key('ELIG')} Possible duplicate members — monthly report\n\n" + "\n".join(body)


@tpl("sql_seed")
def sql_tsql_datafix(r):
    p = r.person()
    old_phone = r.phone(p.phone[0])
    dba, req = r.staff(), r.staff()
    key = r.key("MBR")
    street_new = p.street
    sql = (f"/* {key} – member moved, address + phone update requested by {dstaff(req.first + ' ' + req.last)} (member services)\n"
           f"   verified w/ member on call {devt(fdate(r.now, 'us'))} */\n"
           "USE MemberDB;\nGO\nBEGIN TRAN;\n\n"
           "SELECT MemberKey, MemberID, LastName, FirstName, AddressLine1, City, Zip, HomePhone\n"
           f"FROM dbo.Member WITH (NOLOCK) WHERE MemberID = {psq(pmem, p.member)};\n\n"
           "UPDATE dbo.Member\n"
           f"   SET AddressLine1 = {psq(pst, street_new)},\n"
           f"       AddressLine2 = {psq(pst, p.unit) if p.unit else 'NULL'},\n"
           f"       City = {psq(pst, p.city)}, State = '{dstate(p.state)}', Zip = {psq(pzip, p.zip + p.zip4)},\n"
           f"       HomePhone = {psq(pph, ''.join(p.phone))},\n"
           f"       UpdatedBy = '{dstaff(dba.handle)}', UpdatedDate = SYSDATETIME()\n"
           f" WHERE MemberID = {psq(pmem, p.member)}\n"
           f"   AND HomePhone = {psq(pph, ''.join(old_phone))};   -- guard: old value\n\n"
           "-- expect 1\nSELECT @@ROWCOUNT AS rows_updated;\n-- COMMIT TRAN;\n-- ROLLBACK TRAN;\n")
    out = f"(1 row affected)\n\nrows_updated\n------------\n1\n\n(1 row affected)\n\nCompletion time: {r.now.isoformat()}T{r.ri(9, 17):02d}:{r.ri(10, 59)}:{r.ri(10, 59)}.{r.digits(7)}-05:00"
    st = r.c(["wiki", "md", "plain"])
    return "\n".join([f"{key}: data fix — address change not flowing from the portal", "",
                      jira_comment(r, st, dba, "Script I ran in PROD (change approved in CHG" + r.digits(7) + "):\n" + codeblock(st, sql, "sql") + "\n" + codeblock(st, out, "nof")),
                      "", jira_comment(r, st, req, f"thanks! confirmed in the member view. {pn(p.first)} will get the new ID card mailed to the new address.")])


@tpl("sql_seed")
def sql_mysql_dump_appts(r):
    fac, fc = r.fac()
    rows = []
    provs = [r.staff("MD") for _ in range(2)]
    for i in range(r.ri(3, 6)):
        p = r.person()
        t = r.now + dt.timedelta(days=r.ri(1, 20))
        prov = r.c(provs)
        rows.append(f"({r.ri(40000, 99999)},{psq(pmrn, p.mrn)},{psq(pn, p.last + ', ' + p.first)},{psq(pd, p.dob.isoformat())},"
                    f"{psq(pd, t.isoformat() + ' ' + r.c(['08:30:00', '09:15:00', '13:00:00', '15:45:00']))},{psq(dstaff, prov.last)},"
                    f"{psq(pph, r.ph_(p.cell, 'plain'))},{r.c(['1', '0'])},'{r.now.isoformat()} {r.ri(0, 23):02d}:{r.ri(10, 59)}:{r.ri(10, 59)}')")
    dump = (f"-- MySQL dump 10.13  Distrib 8.0.{r.ri(30, 39)}, for Linux (x86_64)\n--\n-- Host: {r.ip_private()}    Database: reminders\n"
            "-- ------------------------------------------------------\n-- Server version\t8.0." + str(r.ri(30, 39)) + "\n\n"
            "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!50503 SET NAMES utf8mb4 */;\n\n"
            "--\n-- Dumping data for table `appointment_reminder`\n--\n\nLOCK TABLES `appointment_reminder` WRITE;\n"
            "/*!40000 ALTER TABLE `appointment_reminder` DISABLE KEYS */;\n"
            "INSERT INTO `appointment_reminder` VALUES " + ",".join(rows) + ";\n"
            "/*!40000 ALTER TABLE `appointment_reminder` ENABLE KEYS */;\nUNLOCK TABLES;\n")
    dev = r.staff()
    return "\n".join([f"{r.key('OPS')}: reminder service sending duplicates — dump attached for repro ({dfac(fac)} tenant)",
                      f"Attached by {dstaff(dev.first + ' ' + dev.last)}. reminders_{fc.lower()}_{r.now.strftime('%Y%m%d')}.sql (first lines):", "",
                      codeblock(r.c(["wiki", "md"]), dump, "sql"),
                      "", "sent flag = 1 for rows that already got the SMS; the job resends when the appointment time has seconds ≠ 00."])


@tpl("sql_seed")
def sql_pg_copy_contacts(r):
    n = r.ri(3, 6)
    rows = []
    for i in range(n):
        p = r.person()
        email = pem(p.email) if r.ch(0.7) else "\\N"
        rows.append("\t".join([did(str(r.ri(1000, 99999))), pmrn(p.mrn), pn(f"{p.first} {p.last}"), pd(p.dob.isoformat()),
                               pph(r.ph_(p.cell, "dash")), email, r.c(["sms", "email", "voice", "none"]), "t" if r.ch(0.8) else "f"]))
    dump = ("--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15." + str(r.ri(3, 8)) + "\n\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n\n"
            "--\n-- Data for Name: patient_contact; Type: TABLE DATA; Schema: outreach; Owner: outreach_app\n--\n\n"
            "COPY outreach.patient_contact (id, mrn, full_name, birth_date, mobile, email, channel, consent_sms) FROM stdin;\n"
            + "\n".join(rows) + "\n\\.\n")
    who = r.staff()
    return (f"# seed/outreach_contacts.sql\n# generated with pg_dump --data-only -t outreach.patient_contact by {dstaff(who.handle)} on {r.now.isoformat()}\n"
            "# TODO(" + who.handle + "): replace with faker data before this goes to the vendor repo\n\n" + dump)


@tpl("sql_seed")
def sql_psql_expanded(r):
    p = r.person()
    prov = r.staff("MD")
    dos = r.days_ago(20, 70)
    claim = r.claim_no()
    c, dsc = r.c(CPT)
    icd = r.c(ICD)
    recs = [("claim_sk", did(r.digits(8))), ("claim_no", poid(claim)), ("member_id", pmem(p.member)), ("patient_name", pn(f"{p.last.upper()}, {p.first.upper()}")),
            ("patient_dob", pd(p.dob.isoformat())), ("from_dos", pd(dos.isoformat())), ("to_dos", pd(dos.isoformat())),
            ("rendering_npi", dnpi(prov.npi)), ("rendering_name", dstaff(f"{prov.last.upper()}, {prov.first.upper()}")), ("proc_cd", dcpt(c)),
            ("dx1", dicd(icd[0].replace(".", ""))), ("billed_amt", f"{r.ri(80, 900)}.00"), ("allowed_amt", f"{r.ri(40, 79)}.{r.ri(10, 99)}"),
            ("claim_status", r.c(["DENIED", "PENDED", "PAID"])), ("carc", r.c(["CO-16", "CO-97", "PR-1", "CO-50", "N/A"])),
            ("received_dt", devt((dos + dt.timedelta(days=r.ri(3, 20))).isoformat()))]
    w = max(len(k) for k, _ in recs)
    lines = [f"-[ RECORD 1 ]{'-' * (w - 11)}+{'-' * 28}"] + [f"{k.ljust(w)} | {v}" for k, v in recs]
    st = r.c(["wiki", "md", "plain"])
    dba = r.staff()
    sess = (f"claims=# \\x\nExpanded display is on.\nclaims=# SELECT * FROM rpt.claim_header_v WHERE claim_no = '{poid(claim)}';\n" + "\n".join(lines) + "\n\nTime: " + f"{r.ri(2, 90)}.{r.ri(100, 999)} ms")
    return "\n".join([f"{r.key('CLM')} provider says claim was denied for missing info but they sent it", "",
                      jira_comment(r, st, dba, "Claim as it sits in the warehouse:\n" + codeblock(st, sess, "nof") +
                                   "\nCARC is from the original adjudication; the corrected claim (freq 7) never linked because the provider sent a new claim number.")])


@tpl("sql_seed")
def sql_oracle_insert_all(r):
    dev = r.staff()
    rows = []
    for i in range(r.ri(3, 5)):
        p = r.person()
        rows.append(f"  INTO hh_referral (ref_id, mrn, pat_last, pat_first, dob, addr1, city, zip, phone, ref_dt)\n"
                    f"    VALUES (ref_seq.nextval, {psq(pmrn, p.mrn)}, {psq(pn, p.last.upper())}, {psq(pn, p.first.upper())}, "
                    f"TO_DATE({psq(pd, fdate(p.dob, 'dmonu'))}, 'DD-MON-YYYY'), {psq(pst, p.street.upper())}, {psq(pst, p.city.upper())}, "
                    f"{psq(pzip, p.zip)}, {psq(pph, r.ph_(p.phone, 'paren'))}, TO_DATE({psq(pd, fdate(r.days_ago(1, 9), 'dmonu'))}, 'DD-MON-YYYY'))")
    sql = ("-- hh_referral_backfill.sql  (run as HHREF_OWNER)\n-- " + r.key("CM") + ": referrals lost during the 3/2 outage, re-keyed from the fax log\n"
           "SET DEFINE OFF;\nINSERT ALL\n" + "\n".join(rows) + "\nSELECT 1 FROM DUAL;\n\nCOMMIT;\n\n"
           f"-- {len(rows)} rows inserted.\n-- Commit complete.")
    return f"{dstaff(dev.first + ' ' + dev.last)} attached hh_referral_backfill.sql\n\n" + codeblock(r.c(["wiki", "md"]), sql, "sql")


@tpl("sql_seed")
def sql_slow_query_log(r):
    p = r.person()
    host = r.c(["pg-elig-prd-01", "pgcm-prod-2", "claimsdb-ro-1"])
    ts = [t + f".{r.ri(100, 999)}" for t in r.tsseq(4, "iso")]
    pid_ = r.ri(10000, 99999)
    lines = [
        f"{ts[0]} EST [{pid_}] app_portal@portal LOG:  duration: {r.ri(2000, 9000)}.{r.ri(100, 999)} ms  execute <unnamed>: "
        "SELECT m.member_id, m.first_name, m.last_name, m.birth_dt, a.line1, a.city, a.zip FROM elig.member m JOIN elig.address a ON a.mbr_sk = m.mbr_sk "
        "WHERE lower(m.last_name) = lower($1) AND m.birth_dt = $2 AND a.zip = $3",
        f"{ts[0]} EST [{pid_}] app_portal@portal DETAIL:  parameters: $1 = {psq(pn, p.last)}, $2 = {psq(pd, p.dob.isoformat())}, $3 = {psq(pzip, p.zip)}",
        f"{ts[1]} EST [{pid_ + 3}] app_portal@portal LOG:  duration: {r.ri(2000, 9000)}.{r.ri(100, 999)} ms  execute <unnamed>: "
        "SELECT count(*) FROM elig.member WHERE lower(last_name) = lower($1)",
        f"{ts[1]} EST [{pid_ + 3}] app_portal@portal DETAIL:  parameters: $1 = {psq(pn, p.last)}",
        f"{ts[2]} EST [{r.ri(10000, 99999)}] LOG:  checkpoint complete: wrote {r.ri(100, 9000)} buffers ({r.ri(1, 9)}.{r.ri(0, 9)}%); 0 WAL file(s) added",
    ]
    dba = r.staff()
    st = r.c(["wiki", "md"])
    return "\n".join([f"{r.key('PORTAL')}: registration lookup slow (>2s) since the address join", "",
                      f"From {host} postgresql.log (log_min_duration_statement = 2000):", codeblock(st, "\n".join(lines), "nof"), "",
                      jira_comment(r, st, dba, "No functional index on lower(last_name). `CREATE INDEX CONCURRENTLY member_lower_last_idx ON elig.member (lower(last_name));` "
                                   "Also we should stop logging bind parameters in prod (log_parameter_max_length = 0), that's member data in the logs.")])


# ======================================================================================
# clinical_note
# ======================================================================================
def age_str(r, p, style=None):
    a = str(p.age)
    w = page(a) if p.age >= 90 else a
    return w + (style or r.c([" y/o", "-year-old", " yo", " y.o.", "-yo"]))


def sexw(r, p):
    return r.c(["female", "woman", "F"]) if p.sex == "F" else r.c(["male", "man", "M"])


ED_SCEN = [
    dict(cc="chest pain", hx="hypertension", tests="ECG: {ecg}. Troponin {trop} → repeat at 3 h {trop2}. CXR no acute process.",
         ddx="ACS, PE, aortic dissection, GERD", imp=[("chest pain, ACS ruled out", "R07.9"), ("NSTEMI", "I21.4")],
         dispo=["Admit to telemetry", "Observation, stress test in AM"], who="cardiology"),
    dict(cc="fall", hx="atrial fibrillation", tests="CT head: no acute intracranial process. XR pelvis/hip: {hip}.",
         ddx="SDH given anticoagulation, hip fracture, syncope vs mechanical fall", imp=[("fracture of femoral neck", "S72.001A"), ("contusion of hip, mechanical fall", "S70.01XA")],
         dispo=["Admit to hospitalist, ortho consulted", "Discharged home with walker, PCP f/u in 2 days"], who="orthopedics"),
    dict(cc="shortness of breath", hx="CHF", tests="CXR {cxr}. BNP {bnp}. VBG pH 7.3{v}.",
         ddx="CHF exacerbation, pneumonia, COPD exacerbation, PE", imp=[("acute on chronic systolic heart failure", "I50.23"), ("COPD with acute exacerbation", "J44.1")],
         dispo=["Admit to telemetry", "Admit to hospitalist, BiPAP"], who="hospitalist"),
    dict(cc="abdominal pain", hx="type 2 diabetes", tests="Lipase {lip}. CT abd/pelvis: {ct}. UA {ua}.",
         ddx="cholecystitis, pancreatitis, SBO, pyelonephritis", imp=[("acute cholecystitis", "K81.0"), ("urinary tract infection", "N39.0")],
         dispo=["Surgery consulted, admit", "Discharged home on oral antibiotics"], who="surgery"),
    dict(cc="dizziness", hx="hypertension", tests="ECG: {ecg}. Orthostatics positive. Glucose {glu}.",
         ddx="orthostasis, arrhythmia, posterior circulation stroke", imp=[("syncope and collapse", "R55"), ("orthostatic hypotension", "I95.1")],
         dispo=["Observation, tele, echo", "Discharged home, hold antihypertensive, PCP f/u"], who="hospitalist"),
]


@tpl("clinical_note")
def note_ed_provider(r):
    old = r.ch(0.3)
    p = r.person(age=r.ri(90, 97) if old else None, amin=22, amax=86)
    fac, fc = r.hosp()
    doc, scribe, cons = r.staff("MD"), r.staff(""), r.staff("MD")
    sc = r.c(ED_SCEN)
    arr = r.days_ago(0, 5)
    m0 = r.ri(0, 23 * 60 - 240)
    hm = lambda m: f"{m // 60:02d}:{m % 60:02d}"
    med1, med2 = r.sample([m for m in MEDS if " IV " not in m], 2)
    imp = r.c(sc["imp"])
    tests = sc["tests"].format(ecg=r.c(["NSR 88, no acute ST changes", "AF 112, no ST changes", "sinus tach 104"]), trop=r.c(["<0.01", "0.02"]),
                               trop2=r.c(["<0.01", "0.03"]), hip=r.c(["displaced femoral neck fracture", "no fracture"]), cxr=r.c(["vascular congestion, small effusions", "hyperinflation, no infiltrate"]),
                               bnp=r.ri(120, 2400), v=r.ri(0, 4), lip=r.ri(20, 600), ct=r.c(["distended GB with wall thickening", "no acute process"]),
                               ua=r.c(["LE+, nitrite+", "negative"]), glu=r.ri(80, 260))
    hdr = r.c([
        f"ED PROVIDER NOTE\n{dfac(fac)} Emergency Department\nPatient: {pn(p.last.upper() + ', ' + p.first.upper())}   MRN: {pmrn(p.mrn)}   DOB: {pd(fdate(p.dob, 'us'))}\nArrival: {pd(fdate(arr, 'us') + ' ' + hm(m0))}   Acct: {pacct(p.acct)}",
        f"{pn(p.first + ' ' + p.last)} | {pmrn(p.mrn)} | DOB {pd(fdate(p.dob, 'usn'))} | ED arrival {pd(fdate(arr, 'usn'))} {hm(m0).replace(':', '')}\nED Physician Documentation — {dfac(fac)}",
    ])
    hr = r.ri(58, 124)
    return f"""{hdr}

CHIEF COMPLAINT: {sc['cc']}

HPI: {age_str(r, p)} {sexw(r, p)} with hx of {dcond(sc['hx'])} on {dmed(med1)} and {dmed(med2)} who presents via {r.c(['EMS', 'private vehicle', 'wheelchair from triage'])} with {sc['cc']} x {r.ri(1, 6)} {r.c(['hours', 'days'])}. {r.c(['Denies fever/chills.', 'Reports nausea, no emesis.', 'Symptoms worse with exertion.', 'Family states more confused than baseline.'])} Lives {r.c(['alone', 'with daughter', 'with spouse', 'in assisted living'])}.

ROS: 10-point ROS negative except as in HPI.

EXAM: T {r.ri(970, 1012) / 10} HR {hr} BP {r.ri(98, 182)}/{r.ri(52, 100)} RR {r.ri(14, 26)} SpO2 {r.ri(88, 100)}% {r.c(['RA', '2L NC'])}
Gen: {r.c(['NAD', 'uncomfortable appearing', 'elderly, frail'])}. CV: {'tachycardic' if hr > 100 else r.c(['RRR', 'irreg irreg'])}. Lungs: {r.c(['CTAB', 'crackles bilateral bases', 'diminished R base'])}. Abd: soft, {r.c(['NT', 'mild RUQ TTP'])}.

ED COURSE / MDM:
{hm(m0 + r.ri(20, 60))} {tests}
Ddx includes {sc['ddx']}. Discussed with {dstaff('Dr. ' + cons.last)} ({sc['who']}).

DISPOSITION: {r.c(sc['dispo'])}.
Clinical impression: {dcond(imp[0])} ({dicd(imp[1])})

Electronically signed by {dstaff(doc.first + ' ' + doc.last + ', MD')} {pd(fdate(arr, 'us'))} {hm(m0 + r.ri(150, 230))}
Scribe: {dstaff(scribe.first + ' ' + scribe.last)}"""


DC_SCEN = [
    ("progressive dyspnea and 12 lb weight gain", "Treated with IV diuresis, net -4.2 L. Echo EF 30%. GDMT optimized.", ("I50.23", "acute on chronic systolic heart failure"), "Home with home health"),
    ("fever and dysuria", "Started on ceftriaxone; urine and blood cultures grew pan-sensitive E. coli, transitioned to oral cefpodoxime.", ("N39.0", "urinary tract infection"), "Home"),
    ("a mechanical fall at home with R hip pain", "Found to have a femoral neck fracture; hemiarthroplasty POD 1 uncomplicated. PT/OT: SNF level.", ("S72.001A", "fracture of femoral neck"), "SNF"),
    ("chest pressure at rest", "Troponin peaked at 2.1. Cath: 80% LAD, DES placed. Started on DAPT and high-intensity statin.", ("I21.4", "NSTEMI"), "Home, cardiac rehab referral"),
    ("cough, fever and hypoxia", "CXR RLL consolidation. Treated with ceftriaxone + azithromycin, O2 weaned to room air by day 3.", ("J18.9", "pneumonia"), "Home"),
    ("confusion and poor oral intake", "Cr 3.1 from baseline 1.2, improved to 1.4 with IV fluids; held lisinopril and metformin.", ("N17.9", "acute kidney injury"), "Acute rehab"),
]


@tpl("clinical_note")
def note_progress_soap(r):
    p = r.person(amin=35, amax=89)
    fac, fc = r.fac()
    doc = r.staff("MD")
    adm = r.days_ago(2, 6)
    hd = (r.now - adm).days + 1
    cond = r.c(CONDITIONS)
    meds = r.sample(MEDS, 3)
    st = r.c(["plain", "caps"])
    H = (lambda x: x.upper() + ":") if st == "caps" else (lambda x: x[0] + ":")
    txt = f"""Hospitalist Progress Note — HD#{hd}
{pn(p.first + ' ' + p.last)}  ({p.sex}, {age_str(r, p, ' y')})  MRN {pmrn(p.mrn)}  Rm {r.ri(301, 688)}{r.c('AB')}
Admit date: {pd(fdate(adm, r.ds))}   Attending: {dstaff(doc.first + ' ' + doc.last)}

{H('Subjective')}
{r.c(['Slept poorly, c/o back pain.', 'Feels better, ambulated in hall with PT.', 'Overnight: RRT for hypotension, responded to 500 mL bolus.', 'No acute events overnight.'])} Tolerating {r.c(['regular diet', 'clears', 'cardiac diet'])}.

{H('Objective')}
Tmax {r.ri(980, 1016) / 10}  HR {r.ri(60, 110)}  BP {r.ri(100, 160)}/{r.ri(55, 95)}  SpO2 {r.ri(90, 99)}% on {r.c(['RA', '2L'])}
I/O {r.ri(800, 2400)}/{r.ri(900, 3100)}   wt {r.ri(52, 130)}.{r.ri(0, 9)} kg
Labs: Na {r.ri(129, 145)} K {r.ri(31, 52) / 10} Cr {r.ri(7, 28) / 10} (baseline {r.ri(7, 15) / 10}) WBC {r.ri(40, 180) / 10} Hgb {r.ri(72, 145) / 10}

{H('Assessment')}
{age_str(r, p)} {sexw(r, p)} adm {pd(fdate(adm, 'us2'))} for {dcond(cond)}, improving.

{H('Plan')}
1. {dcond(cond)}: continue {dmed(meds[0])}; {r.c(['repeat BMP in AM', 'wean O2 as tolerated', 'ID following'])}
2. {dcond(r.c(CONDITIONS))}: {dmed(meds[1])}
3. Home meds: resume {dmed(meds[2])}
DVT ppx: {r.c(['enoxaparin', 'SCDs', 'on apixaban'])}. Code: {r.c(['Full', 'DNR/DNI', 'DNR, OK to intubate'])}. Dispo: {r.c(['home 1-2 days', 'SNF, CM aware', 'pending PT eval'])}.

{dstaff(doc.first + ' ' + doc.last)}, MD — {r.ts(r.now, 'hm')}"""
    return txt


DC_SCEN = [
    ("progressive dyspnea and 12 lb weight gain", "Treated with IV diuresis, net -4.2 L. Echo EF 30%. GDMT optimized.", ("I50.23", "acute on chronic systolic heart failure"), "Home with home health"),
    ("fever and dysuria", "Started on ceftriaxone; urine and blood cultures grew pan-sensitive E. coli, transitioned to oral cefpodoxime.", ("N39.0", "urinary tract infection"), "Home"),
    ("a mechanical fall at home with R hip pain", "Found to have a femoral neck fracture; hemiarthroplasty POD 1 uncomplicated. PT/OT: SNF level.", ("S72.001A", "fracture of femoral neck"), "SNF"),
    ("chest pressure at rest", "Troponin peaked at 2.1. Cath: 80% LAD, DES placed. Started on DAPT and high-intensity statin.", ("I21.4", "NSTEMI"), "Home, cardiac rehab referral"),
    ("cough, fever and hypoxia", "CXR RLL consolidation. Treated with ceftriaxone + azithromycin, O2 weaned to room air by day 3.", ("J18.9", "pneumonia"), "Home"),
    ("confusion and poor oral intake", "Cr 3.1 from baseline 1.2, improved to 1.4 with IV fluids; held lisinopril and metformin.", ("N17.9", "acute kidney injury"), "Acute rehab"),
]


@tpl("clinical_note")
def note_discharge_summary(r):
    p = r.person(amin=40, amax=92)
    fac = r.c(["Mercy Valley Medical Center", "St. Anselm Hospital", "Lakeshore Regional Medical Center"])
    doc, pcp = r.staff("MD"), r.staff("MD")
    adm = r.days_ago(4, 12)
    dis = adm + dt.timedelta(days=r.ri(2, 7))
    sc = r.c(DC_SCEN)
    d2 = r.c([x for x in ICD if x[0] != sc[2][0]])
    meds = r.sample([m for m in MEDS if " IV " not in m], 4)
    f_up = dis + dt.timedelta(days=r.ri(3, 14))
    ds = r.c(["us", "long", "mon"])
    return f"""DISCHARGE SUMMARY

Name: {pn(p.last + ', ' + p.first + ((' ' + p.mid) if p.mid else ''))}
MRN: {pmrn(p.mrn)}          Account: {pacct(p.acct)}
DOB: {pd(fdate(p.dob, ds))}      Age: {page(str(p.age)) if p.age >= 90 else p.age}
Admission Date: {pd(fdate(adm, ds))}
Discharge Date: {pd(fdate(dis, ds))}
Attending: {dstaff(doc.first + ' ' + doc.last + ', MD')}
PCP: {dstaff(pcp.first + ' ' + pcp.last)}

Principal Diagnosis: {dcond(sc[2][1])} ({dicd(sc[2][0])})
Secondary: {dcond(d2[1])} ({dicd(d2[0])})

Hospital Course:
Pt presented to {dfac(fac)} with {sc[0]}. {sc[1]} {r.c(['Renal function stable at discharge.', 'Ambulating with walker.', 'Tolerating diet.'])}

Discharge Medications:
- {dmed(meds[0])} (NEW)
- {dmed(meds[1])} (CHANGED dose)
- {dmed(meds[2])}
- {dmed(meds[3])}
STOP: {dmed(r.c(['ibuprofen', 'glipizide', 'diltiazem', 'tramadol']))}

Disposition: {sc[3]}
Follow-up: PCP {dstaff('Dr. ' + pcp.last)} on {pd(fdate(f_up, 'us'))}; labs (BMP) in 1 week.
Discharge address: {pst(p.street)}{', ' + pst(p.unit) if p.unit else ''}, {pst(p.city)}, {dstate(p.state)} {pzip(p.zip)}   Phone: {pph(r.ph_(p.phone))}

Dictated by {dstaff(doc.first + ' ' + doc.last)} {pd(fdate(dis, 'us'))} / transcribed {devt(fdate(dis + dt.timedelta(days=1), 'us'))} job #{r.digits(7)}"""


@tpl("clinical_note")
def note_telephone_encounter(r):
    old = r.ch(0.4)
    p = r.person(age=r.ri(90, 98) if old else None, amin=60, amax=88)
    rel = r.c(["daughter", "son", spouse(p), "granddaughter"])
    cg = relative(r, p, rel, amin=30, amax=70)
    rn, doc = r.staff("RN"), r.staff("MD")
    t = r.ts(r.now, "ampm")
    sc = r.c([("swelling in both legs x3 days", "gained 4 lb since Monday", "No chest pain, no SOB at rest."),
              ("new confusion since yesterday", "is eating less and sleeping more", "Denies fever. No new meds."),
              ("missed doses of " + dmed(r.c(["metformin", "apixaban", "furosemide", "carvedilol", "sertraline"])), "ran out on the weekend, pharmacy needs a new Rx", "No symptoms."),
              ("fall this morning, no head strike", "got up at night without the walker", "Able to bear weight, small skin tear L forearm.")])
    txt = f"""Telephone Encounter
{pn(p.last + ', ' + p.first)}   DOB {pd(fdate(p.dob, r.c(['us', 'usn'])))}   MRN {pmrn(p.mrn)}
{devt(fdate(r.now, 'us'))} {t}   Call from: {rel} ({pn(cg.first + ' ' + cg.last)})   Call back #: {pph(r.ph_(cg.cell))}

Reason for call: {sc[0]}

{rel.capitalize()} reports pt {sc[1]}. {sc[2]} Pt is {age_str(r, p)}, lives {r.c(['with ' + rel, 'alone, ' + rel + ' checks daily', 'in independent living'])}.

Per protocol ({r.c(['Schmitt-Thompson', 'adult triage'])}): {r.c(['see within 24h', 'home care advice', 'go to ED now'])}.
Routed to {dstaff('Dr. ' + doc.last)}.
{r.c(['Appt made for tomorrow 10:40 with NP.', 'Advised ED if worse; verbalized understanding.', 'Left message, will call back by 3 pm.'])}

{dstaff(rn.first + ' ' + rn.last)}, RN"""
    return txt


@tpl("clinical_note")
def note_nursing_handoff(r):
    rn1, rn2 = r.staff("RN"), r.staff("RN")
    unit = r.c(["4 West", "5N tele", "Ortho/Neuro 3", "MedSurg 6"])
    pts = []
    for i in range(r.ri(3, 4)):
        old = r.ch(0.3)
        p = r.person(age=r.ri(90, 99) if old else None, amin=38, amax=88)
        cond = r.c(CONDITIONS)
        bed = f"{r.ri(401, 468)}{r.c(['', '-A', '-B'])}"
        pts.append(f"""Bed {bed} — {pn(p.last)}{r.c([', ' + pn(p.first), ' (' + pn(p.first) + ')'])}, {age_str(r, p, r.c([' yo ', '-yo ', ' y/o ', ' ']))}{p.sex}, MRN {pmrn(p.mrn)}
  I: {r.c(['stable', 'watcher', 'stable, watcher overnight'])}
  P: adm {pd(fdate(r.days_ago(1, 6), 'us2'))} w/ {dcond(cond)}. {r.c(['A&Ox4', 'A&Ox2, sundowns', 'lethargic but arousable'])}. {r.c(['2L NC', 'RA', 'BiPAP qHS'])}. {r.c(['fall risk, bed alarm on', 'NPO after MN for EGD', 'K 3.2 — replaced, recheck 0400', 'foley d/c at 1400, needs to void by 2000'])}
  A: {r.c(['last ' + dmed(r.c(['oxycodone 5 mg', 'morphine 2 mg IV', 'lorazepam 0.5 mg'])) + ' at ' + str(r.ri(17, 23)) + '00', 'heparin gtt — next PTT 2200', 'blood cx pending', 'daughter ' + pn(relative(r, p, 'daughter').first) + ' staying overnight'])}
  S: {r.c(['call MD if SBP <90', 'q2h turns', 'strict I/O', 'CIWA q4h'])}""")
    txt = f"""I-PASS handoff {unit} — {devt(fdate(r.now, 'usn'))} {r.c(['1900', '0700'])}
From: {dstaff(rn1.first + ' ' + rn1.last)}  To: {dstaff(rn2.first + ' ' + rn2.last)}

""" + "\n\n".join(pts) + "\n\nCharge RN ext " + dcon(rn1.ext) + ". Rapid response: 5-5555."
    return txt


@tpl("clinical_note")
def note_cardiology_consult(r):
    p = r.person(amin=45, amax=89)
    fac, fc = r.hosp()
    doc, req = r.staff("MD"), r.staff("MD")
    dt_ = r.days_ago(0, 3)
    txt = f"""CARDIOLOGY CONSULTATION
Patient: {pn(p.first + ' ' + (p.mi + '. ' if p.mi else '') + p.last)}
DOB: {pd(fdate(p.dob, 'dmon'))}  MRN: {pmrn(p.mrn)}  Location: {dfac(fac)}, {r.c(['CCU', '5 tele', 'ED hold'])}
Date of service: {pd(fdate(dt_, 'dmon'))}
Requesting: {dstaff('Dr. ' + req.first + ' ' + req.last)}  Reason: {r.c(['new AF', 'troponin elevation', 'syncope', 'reduced EF on echo'])}

HPI: pt is {'an' if str(p.age)[0] == '8' else 'a'} {age_str(r, p)} with {dcond(r.c(CONDITIONS))} and {dcond(r.c(CONDITIONS))} admitted for {dcond(r.c(CONDITIONS))}. On tele noted {r.c(['AF w/ RVR to 140s', 'NSVT 7 beats', 'pauses up to 3.2 s'])}. No prior cardiac history per pt. {r.c(['Former smoker 30 pk-yr.', 'Never smoker.', 'Drinks 3-4 beers/day.'])}

Meds: {dmed(r.c(MEDS))}; {dmed(r.c(MEDS))}
Allergies: {r.c(['NKDA', 'PCN (rash)', 'sulfa', 'iodinated contrast — hives'])}

ECG: {r.c(['AF 128, LAD, no acute ST changes', 'SR 62, 1st deg AVB, RBBB', 'SR with PVCs'])}
Echo ({pd(fdate(dt_, 'us'))}): EF {r.ri(25, 60)}%, {r.c(['mod MR', 'no significant valve dz', 'LAE'])}
CHA2DS2-VASc {r.ri(1, 7)}, HAS-BLED {r.ri(0, 4)}

Impression / Recs:
1. {r.c(['Rate control with metoprolol, uptitrate', 'Start apixaban 5 mg BID if no contraindication', 'Ischemic eval — stress test vs cath'])}
2. {r.c(['TSH, Mg', 'Repeat echo in 3 months', 'Outpt Holter'])}
Will follow. Thank you for this consult.
{dstaff(doc.first + ' ' + doc.last + ', MD, FACC')}  pgr {dcon(doc.pager)}"""
    return txt


@tpl("clinical_note")
def note_um_concurrent_review(r):
    p = r.person(amin=25, amax=89)
    fac, fc = r.hosp()
    rn, md = r.staff("RN"), r.staff("MD")
    adm = r.days_ago(2, 6)
    auth = "IP" + r.digits(9)
    sc = r.c([(("J18.9", "pneumonia"), "Pneumonia", "IV abx (ceftriaxone + azithro)", "ID consulted"),
              (("I50.23", "acute on chronic systolic heart failure"), "Heart Failure", "IV lasix 40 BID", "cardiology following"),
              (("A41.9", "sepsis"), "Sepsis", "IV abx, 30 mL/kg fluids", "ID consulted"),
              (("E11.10", "type 2 diabetes with ketoacidosis"), "DKA", "insulin gtt", "endocrine consulted"),
              (("J44.1", "COPD with acute exacerbation"), "COPD", "IV steroids, nebs", "PT/OT")])
    icd = sc[0]
    txt = f"""UM CONCURRENT REVIEW — {r.c(['Day ' + str((r.now - adm).days + 1), 'initial'])}
Member: {pn(p.last.upper() + ', ' + p.first.upper())}   ID: {pmem(p.member)}   DOB: {pd(fdate(p.dob, 'us'))}
Facility: {dfac(fac)} (NPI {dnpi(r.npi())})   Adm: {pd(fdate(adm, 'us'))}   Auth #: {poid(auth)}
Attending: {dstaff(md.first + ' ' + md.last)}   Fac UR contact: {dstaff(r.staff('RN').first)} {dcon('x' + str(r.ri(2000, 7999)))}, fax {dcon(r.ph_(r.phone(r.c(['614', '937', '740'])), 'dash'))}
Dx: {dicd(icd[0])} {dcond(icd[1])}

Clinicals (rec'd via fax {devt(fdate(r.now, 'usn'))} {r.ts(r.now, 'hm')}):
VS T {r.ri(980, 1030) / 10} HR {r.ri(70, 125)} BP {r.ri(90, 170)}/{r.ri(50, 95)} RR {r.ri(16, 28)} SpO2 {r.ri(86, 98)}% {r.c(['4L', 'RA', 'HFNC 30L'])}
Labs WBC {r.ri(40, 220) / 10}, lactate {r.ri(9, 45) / 10}, Cr {r.ri(7, 35) / 10}
Tx: {sc[2]}; {sc[3]}

Criteria: InterQual {r.now.year} Acute Adult — {sc[1]}, subset {r.c(['IS', 'IP'])} day {r.ri(1, 4)} {r.c(['MET', 'NOT MET — referred to MD review'])}
Next review: {devt(fdate(r.now + dt.timedelta(days=r.ri(1, 2)), 'usn'))}
D/C plan: {r.c(['home w/ HH, referral sent', 'SNF — 3 facilities sent', 'unknown, lives alone'])}

{dstaff(rn.first + ' ' + rn.last + ', RN')} UM nurse"""
    return txt


@tpl("clinical_note")
def note_home_visit_cm(r):
    p = r.person(amin=60, amax=95)
    cm = r.staff("RN, CCM")
    cg = relative(r, p, r.c(["daughter", "son", "niece"]), amin=30, amax=65)
    dis = r.days_ago(2, 9)
    med = r.sample(MEDS, 3)
    txt = f"""Care Management — TCM home visit
Member: {pn(p.first + ' ' + p.last)} ({pmem(p.member)})   DOB {pd(fdate(p.dob, r.c(['us', 'iso', 'dot'])))}{'   age ' + page(str(p.age)) if p.age >= 90 else ''}
Visit: {pd(fdate(r.now, 'us'))} at home — {pst(p.street)}{' ' + pst(p.unit) if p.unit else ''}, {pst(p.city)} {dstate(p.state)}
Discharged {pd(fdate(dis, 'usn'))} from {dfac(r.hosp()[0])}
Present: member, {pn(cg.first)} ({r.c(['caregiver', 'POA'])}, cell {pph(r.ph_(cg.cell))})

Med rec: found {dmed(med[0])} AND old bottle of {dmed(med[1].split(' ')[0])} in the pill box — removed old bottle w/ member's permission. {dmed(med[2])} not picked up yet (copay $47) → sent to pharmacy team for LIS check.
Home: {r.c(['throw rugs in hallway, discussed', 'no grab bars in bathroom, DME order', 'stairs to bedroom, sleeping in recliner'])}. Scale present, wt {r.ri(110, 240)} lb.
Teach-back done on {r.c(['daily weights', 'low sodium diet', 'insulin timing', 'inhaler technique'])}.
PCP f/u: {r.c(['scheduled', 'NOT scheduled — called office, LVM', 'scheduled, needs ride'])}.

Next contact 1 week (phone). Time 75 min incl. travel.
{dstaff(cm.first + ' ' + cm.last + ', RN, CCM')}   {dcon(r.ph_(cm.work, 'dash'))} {dcon('x' + cm.ext)}"""
    return txt


# ======================================================================================
# claims_csv
# ======================================================================================
def money(r, lo, hi):
    return f"{r.ri(lo, hi)}.{r.c(['00', '00', '50', str(r.ri(10, 99))])}"


CARC = ["CO-16", "CO-18", "CO-22", "CO-29", "CO-45", "CO-50", "CO-97", "CO-109", "CO-197", "PR-1", "PR-2", "PR-3", "OA-23"]


@tpl("claims_csv")
def claims_837p_extract(r):
    fac, fc = r.fac()
    rend = [r.staff("MD") for _ in range(2)]
    bill_npi = r.npi()
    head = "claim_id,patient_control_no,member_id,pat_last,pat_first,pat_dob,sex,dos_from,dos_to,pos,cpt,mod,icd1,icd2,units,charge,rendering_npi,billing_npi"
    rows = []
    for i in range(r.ri(5, 8)):
        p = r.person()
        dos = r.days_ago(10, 60)
        c = r.c(CPT)[0]
        i1, i2 = r.sample(ICD, 2)
        rp = r.c(rend)
        rows.append(",".join([poid(r.claim_no()), pacct(p.acct), pmem(p.member), pn(p.last.upper()), pn(p.first.upper()), pd(fdate(p.dob, "hl7")), p.sex,
                              pd(fdate(dos, "hl7")), pd(fdate(dos, "hl7")), r.c(["11", "11", "22", "23", "02", "10"]), dcpt(c), r.c(["", "", "25", "59", "95", "GT"]),
                              dicd(i1[0].replace(".", "")), dicd(i2[0].replace(".", "")) if r.ch(0.6) else "", str(r.ri(1, 4)), money(r, 60, 480), dnpi(rp.npi), dnpi(bill_npi)]))
    who = r.staff()
    pre = r.c([f"First rows of the 837P → CSV extract from {fc} (batch {r.digits(6)}), as requested. Full file is on the SFTP, not attaching it here.",
               f"{dstaff(who.first)}: here's what the translator produced for the rejected batch. Note pos 02/10 with mod 95 on the telehealth lines."])
    return pre + "\n\n" + head + "\n" + "\n".join(rows) + "\n"


@tpl("claims_csv")
def claims_835_remit_summary(r):
    payee, pc = r.fac()
    eft = r.digits(9)
    pay_dt = r.days_ago(1, 7)
    lines = []
    tot_b = tot_p = 0.0
    for i in range(r.ri(4, 7)):
        p = r.person()
        dos = r.days_ago(20, 80)
        b = float(r.ri(90, 1400))
        allowed = round(b * r.ri(35, 80) / 100, 2)
        paid = 0.0 if r.ch(0.25) else round(allowed * r.c([0.8, 1.0, 0.9]), 2)
        carc = "CO-45" if paid else r.c(["CO-16", "CO-197", "CO-29", "CO-50"])
        pr = round(allowed - paid, 2) if paid else 0.0
        tot_b += b
        tot_p += paid
        nm = f"{p.last.upper()}, {p.first.upper()}"[:22]
        cl = r.claim_no()
        lines.append(f"{ljust_m(pn(nm), 23)}{ljust_m(poid(cl), 15)}{ljust_m(pmem(p.member), 14)}{ljust_m(pd(fdate(dos, 'us')), 11)}"
                     f"{b:>10.2f}{allowed:>10.2f}{paid:>10.2f}{pr:>9.2f}  {carc}{' PR-2' if pr else ''}")
    rep_ = "\n".join([
        "TRI-RIVER HEALTH PLAN                                  REMITTANCE ADVICE SUMMARY",
        f"PAYEE: {dfac(payee.upper())}   NPI {dnpi(r.npi())}   TIN XX-XXX{r.digits(4)}",
        f"EFT TRACE: {eft}     PAYMENT DATE: {devt(fdate(pay_dt, 'us'))}     PAGE 1 OF 1",
        "-" * 104,
        f"{'PATIENT':23}{'CLAIM #':15}{'MEMBER ID':14}{'DOS':11}{'BILLED':>10}{'ALLOWED':>10}{'PAID':>10}{'PT RESP':>9}  CARC",
        "-" * 104, *lines, "-" * 104,
        f"{'TOTALS':63}{tot_b:>10.2f}{'':>10}{tot_p:>10.2f}",
        "", "CARC: 16 missing info · 29 timely filing · 45 contractual · 50 not med necessary · 197 no precert · PR-2 coinsurance"])
    who = r.staff()
    return (f"{r.key('CLM')} — {dfac(payee)} says the EFT {eft} doesn't reconcile to the 835. {dstaff(who.first)} pasted the remit summary:\n\n"
            + codeblock(r.c(["wiki", "md", "plain"]), rep_, "nof") + "\n\nDifference is the CO-197 line — no auth on file, provider says they got one by phone.")


@tpl("claims_csv")
def claims_pended_tsv(r):
    exs = [r.staff() for _ in range(3)]
    head = ["Claim #", "Member", "Mbr ID", "DOB", "DOS", "Billed", "Pend code", "Pend reason", "Days", "Examiner"]
    rows = []
    for i in range(r.ri(6, 10)):
        p = r.person()
        dos = r.days_ago(15, 90)
        code, why = r.c([("P14", "COB - other ins on file"), ("P22", "needs auth match"), ("P07", "duplicate suspect"), ("P31", "NCCI edit review"),
                         ("P40", "high dollar > $25k"), ("P09", "member termed on DOS")])
        rows.append([poid(r.claim_no()), pn(f"{p.last}, {p.first}"), pmem(p.member), pd(fdate(p.dob, "usn")), pd(fdate(dos, "usn")),
                     f"${r.ri(25001, 96000) if code == 'P40' else r.ri(120, 24000):,}.00", code, why, str(r.ri(3, 44)), dstaff(r.c(exs).first)])
    tsv = "\t".join(head) + "\n" + "\n".join("\t".join(x) for x in rows)
    return (f"Pended > 30 days, pulled from the queue view this morning (Excel copy). {dstaff(exs[0].first)} / {dstaff(exs[1].first)} pls work the P09s first — "
            f"those are probably retro-terms.\n\n{tsv}\n\n(sorted by Days desc in the sheet, paste lost the sort)")


@tpl("claims_csv")
def claims_pipe_837i(r):
    fac, fc = r.fac()
    head = "CLAIM_NO|PAT_ACCT|MRN|PAT_LAST|PAT_FIRST|PAT_DOB|ADMIT_DT|DISCH_DT|TOB|DRG|PRIN_DX|TOT_CHG|ATT_NPI|STATUS"
    rows = []
    atts = [r.staff("MD") for _ in range(3)]
    for i in range(r.ri(4, 7)):
        p = r.person(amin=30, amax=89)
        a = r.days_ago(15, 75)
        d = a + dt.timedelta(days=r.ri(1, 9))
        rows.append("|".join([poid(r.claim_no()), pacct(p.acct), pmrn(p.mrn), pn(p.last.upper()), pn(p.first.upper()), pd(fdate(p.dob, "iso")),
                              pd(fdate(a, "iso")), pd(fdate(d, "iso")), r.c(["0111", "0111", "0117", "0131"]), r.c(["291", "193", "871", "470", "392", "683"]),
                              dicd(r.c(ICD)[0]), f"{r.ri(4000, 98000)}.{r.ri(10, 99)}", dnpi(r.c(atts).npi), r.c(["ACCEPTED", "REJECTED", "ACCEPTED", "PENDED"])]))
    return (f"# {fc}_837I_{r.now.strftime('%Y%m%d')}_ack.txt — status after 999/277CA, {len(rows)} of {r.ri(200, 900)} shown\n"
            + head + "\n" + "\n".join(rows) + f"\n# EOF  generated {r.ts(r.now, 'iso')} by edi-gw01")


@tpl("claims_csv")
def claims_eob_print_file(r):
    head = '"MEMBER_ID","NAME","ADDR1","ADDR2","CITY","ST","ZIP","CLAIM_NO","DOS","PROVIDER","BILLED","PLAN_PAID","YOU_OWE"'
    rows = []
    for i in range(r.ri(4, 7)):
        p = r.person()
        prov = r.c([r.fac()[0], "Dr. " + r.staff("MD").last])
        dos = r.days_ago(15, 60)
        b = r.ri(100, 2500)
        paid = round(b * r.ri(30, 70) / 100, 2)
        rows.append(",".join([f'"{pmem(p.member)}"', f'"{pn(p.last + ", " + p.first)}"', f'"{pst(p.street)}"', f'"{pst(p.unit)}"' if p.unit else '""',
                              f'"{pst(p.city)}"', f'"{dstate(p.state)}"', f'"{pzip(p.zip + "-" + p.zip4)}"', f'"{poid(r.claim_no())}"', f'"{pd(fdate(dos, "us"))}"',
                              f'"{dfac(prov) if not prov.startswith("Dr.") else dstaff(prov)}"', f'"{b:.2f}"', f'"{paid:.2f}"', f'"{round(b * 0.1, 2):.2f}"']))
    who = r.staff()
    return (f"From: {dstaff(who.first + ' ' + who.last)}\nRe: EOB print vendor file rejected — row {r.ri(2, 6)} has an unescaped quote?\n\n"
            "Top of eob_print_" + r.now.strftime("%Y%m%d") + ".csv:\n\n" + head + "\n" + "\n".join(rows)
            + "\n\nVendor says their parser splits on the comma inside NAME. It's quoted, so that's on them, but they want pipe-delimited going forward.")


@tpl("claims_csv")
def claims_marx_mbi_recon(r):
    head = "MBI,LAST_NAME,FIRST_NAME,DOB,CMS_PBP,PLAN_PBP,CMS_EFF,PLAN_EFF,LIS_LVL,DISCREPANCY"
    rows = []
    for i in range(r.ri(5, 8)):
        p = r.person(amin=65, amax=89) if r.ch(0.8) else r.person(age=r.ri(90, 99))
        e1 = dt.date(r.now.year, r.ri(1, r.now.month), 1)
        e2 = e1 if r.ch(0.5) else dt.date(r.now.year, max(1, e1.month - 1), 1)
        disc = r.c(["EFF_DATE_MISMATCH" if e1 != e2 else "PBP_MISMATCH", "MISSING_IN_PLAN", "LIS_MISMATCH", "DOB_MISMATCH"])
        rows.append(",".join([pmbi(p.mbi), pn(p.last.upper()), pn(p.first.upper()), pd(fdate(p.dob, "hl7")), r.c(["001", "002", "004"]), r.c(["001", "002", "004"]),
                              dcov(fdate(e1, "hl7")), dcov(fdate(e2, "hl7")), r.c(["", "1", "2", "3", "4"]), disc]))
    return (f"MARx reconciliation {MON[r.now.month - 1]} {r.now.year} (TRR vs enrollment), discrepancies only\n"
            "source: TRR " + r.now.strftime("%Y%m") + f" + elig snapshot {r.now.isoformat()}\n\n" + head + "\n" + "\n".join(rows))


@tpl("claims_csv")
def claims_denials_dependents(r):
    head = "claim_no,subscriber_id,subscriber_name,patient_name,patient_dob,rel_cd,dos,billed_amt,carc,rarc,denial_desc"
    rows = []
    for i in range(r.ri(2, 4)):
        sub = r.person(amin=28, amax=60)
        kids = [relative(r, sub, r.c(["son", "daughter"]), amin=1, amax=17) for _ in range(r.ri(1, 2))]
        for k in kids:
            if "sf" not in CULTURES[sub.culture]:
                r.set_last(k, sub.last)
            dos = r.days_ago(10, 80)
            carc, rarc, desc = r.c([("CO-109", "N418", "not covered by this payer"), ("CO-27", "N30", "expenses after coverage terminated"),
                                    ("CO-16", "MA130", "missing info: dependent relationship"), ("OA-23", "N4", "prior payer adjudication")])
            rows.append(",".join([poid(r.claim_no()), pmem(sub.member), pn(f"{sub.last} {sub.first}"), pn(f"{k.last} {k.first}"), pd(fdate(k.dob, "iso")),
                                  "19", pd(fdate(dos, "iso")), money(r, 80, 900), carc, rarc, f'"{desc}"']))
    who = r.staff()
    return (f"{dstaff(who.first)}: dependents denied CO-27 even though the subscriber is active — looks like the kids' term date didn't roll with the renewal. "
            f"Export below (denials_dep_{r.now.strftime('%m%d')}.csv):\n\n" + head + "\n" + "\n".join(rows))


@tpl("claims_csv")
def claims_835_lines_bom(r):
    head = "\ufeffCLP01_PatCtrlNo,CLP07_PayerClaimNo,NM1_QC_Last,NM1_QC_First,NM109_MemberID,SVC_Proc,DTM472_ServiceDate,SVC02_Charge,SVC03_Paid,CAS_Group,CAS_Reason,CAS_Amt"
    rows = []
    for i in range(r.ri(3, 5)):
        p = r.person()
        dos = r.days_ago(20, 70)
        acct, cl = p.acct, r.claim_no()
        for c, _ in r.cpt(r.ri(1, 2)):
            ch = r.ri(60, 400)
            pdv = round(ch * r.ri(40, 75) / 100, 2)
            rows.append(",".join([pacct(acct), poid(cl), pn(p.last.upper()), pn(p.first.upper()), pmem(p.member), "HC:" + dcpt(c), pd(fdate(dos, "hl7")),
                                  f"{ch:.2f}", f"{pdv:.2f}", "CO", "45", f"{ch - pdv:.2f}"]))
    return "\r\n".join([head] + rows) + "\r\n"


# ======================================================================================
# patient_email
# ======================================================================================
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DOWL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def mdate(c, style):
    hh = c.hour % 12 or 12
    ap = "AM" if c.hour < 12 else "PM"
    if style == "gmail":
        return f"{DOW[c.weekday()]}, {MON[c.month - 1]} {c.day}, {c.year} at {hh}:{c.minute:02d} {ap}"
    if style == "outlook":
        return f"{DOWL[c.weekday()]}, {MONTHS[c.month - 1]} {c.day}, {c.year} {hh}:{c.minute:02d} {ap}"
    if style == "rfc":
        return f"{DOW[c.weekday()]}, {c.day} {MON[c.month - 1]} {c.year} {c.hour:02d}:{c.minute:02d}:{c.second:02d} -0500"
    raise ValueError(style)


def qlines(body, depth=1):
    return "\n".join((">" * depth + " " + ln) if ln else ">" * depth for ln in body.split("\n"))


def staff_sig(r, s, title=None, org=None):
    org = org or r.c(["Tri-River Health Plan", "Tri-River Health Plan | Member Services", "Kestrel Health Systems"])
    return (f"{dstaff(s.first + ' ' + s.last)}\n{title or r.c(['Member Services Specialist', 'Care Coordinator', 'Appeals & Grievances', 'Customer Advocate'])}\n{org}\n"
            f"{dcon(r.ph_(s.work, 'dot'))} {r.c(['ext.', 'x'])} {dcon(s.ext)} | {dcon(s.email)}\n"
            "CONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you received it in error, notify the sender and delete it.")


@tpl("patient_email")
def email_member_claim_thread(r):
    p = r.person()
    ms = r.staff()
    dos = r.days_ago(30, 80)
    fac = r.fac()[0]
    c1, c2, c3 = r.tick((1, 3)), r.tick((20, 30)), r.tick((2, 6))
    m1 = (f"Hello,\n\nI got a bill from {dfac(fac)} for ${r.ri(180, 2400)} for my visit on {pd(fdate(dos, 'usn'))}. The EOB says "
          f"\"{r.c(['not medically necessary', 'no authorization on file', 'out of network'])}\". My doctor told me it was covered. "
          f"My member ID is {pmem(p.member)} and DOB {pd(fdate(p.dob, r.c(['us', 'usn', 'long'])))}.\n\nPlease call me, I work nights so after 2pm is best.\n\n"
          f"{pn(p.first + ' ' + p.last)}\n{pph(r.ph_(p.cell))}")
    m2 = (f"Hi {pn(p.first)},\n\nThank you for reaching out. I looked at the claim for {pd(fdate(dos, 'us'))} and it was denied because the facility did not request "
          f"prior authorization. I have opened a reconsideration (ref {poid('REC' + r.digits(7))}) and asked the facility for records. You should not pay the bill while this is open.\n\n"
          f"Best regards,\n\n{staff_sig(r, ms)}")
    m3 = (f"Thank you. They already sent it to collections though?? I have a letter dated {devt(fdate(r.now - dt.timedelta(days=3), 'usn'))}. "
          f"Can you send me something in writing to {pst(p.street)}{' ' + pst(p.unit) if p.unit else ''}, {pst(p.city)} {dstate(p.state)} {pzip(p.zip)}?\n\n{pn(p.first)}")
    hdr = f"From: {pn(p.first + ' ' + p.last)} <{pem(p.email)}>\nTo: Member Services <{dcon('memberservices@trhp.org')}>\nDate: {devt(mdate(c3, 'rfc'))}\nSubject: Re: Re: bill for my visit\n\n"
    return (hdr + m3 + f"\n\nOn {devt(mdate(c2, 'gmail'))} {dstaff(ms.first + ' ' + ms.last)} <{dcon(ms.email)}> wrote:\n" + qlines(m2)
            + f"\n>\n> On {devt(mdate(c1, 'gmail'))} {pn(p.first + ' ' + p.last)} <{pem(p.email)}> wrote:\n" + qlines(m1, 2))


@tpl("patient_email")
def email_daughter_for_mother(r):
    p = r.person(sex="F", age=r.ri(90, 99))
    d = relative(r, p, "daughter", amin=55, amax=72)
    cm = r.staff("RN, CCM")
    c1, c2 = r.tick((1, 3)), r.tick((18, 40))
    m1 = (f"Hi {dstaff(cm.first)},\n\nThis is {pn(d.first)}, {pn(p.first + ' ' + p.last)}'s daughter. Mom is {page(str(p.age))} now and the new {r.c(['walker', 'hospital bed', 'oxygen concentrator'])} "
          f"still hasn't been delivered. The supply company says they're waiting on the plan. Her Medicare number is {pmbi(p.mbi)} and she's on your Advantage plan "
          f"({pmem(p.member)}).\n\nAlso she fell again on {pd(fdate(r.days_ago(2, 9), 'usn'))}, no injury, but I'm worried.\n\nThanks,\n{pn(d.first + ' ' + d.last)}\n"
          f"{pph(r.ph_(d.cell))} (cell)")
    m2 = (f"Hi {pn(d.first)},\n\nThanks for letting me know. The DME order was approved on our end {devt(fdate(r.now - dt.timedelta(days=2), 'usn'))}; I called the supplier and "
          f"delivery is set for tomorrow between 10 and 2. I'll also ask {dstaff('Dr. ' + r.staff('MD').last)}'s office about a home PT referral after the fall.\n\n"
          f"I'll call your mom tomorrow afternoon to check in.\n\n{staff_sig(r, cm, 'RN Care Manager')}")
    return (f"From: {dstaff(cm.first + ' ' + cm.last)}\nSent: {devt(mdate(c2, 'outlook'))}\nTo: {pem(d.email)}\nSubject: RE: Mom's equipment\n\n" + m2
            + f"\n\n-----Original Message-----\nFrom: {pn(d.first + ' ' + d.last)} <{pem(d.email)}>\nSent: {devt(mdate(c1, 'outlook'))}\nTo: {dstaff(cm.first + ' ' + cm.last)} <{dcon(cm.email)}>\n"
            f"Subject: Mom's equipment\n\n" + m1)


@tpl("patient_email")
def email_fw_portal_message(r):
    p = r.person()
    rn, fw, to = r.staff("RN"), r.staff(), r.staff("MD")
    c1, c2 = r.tick((1, 3)), r.tick((1, 4))
    med = r.c(MEDS)
    portal = f"{pmrn(p.mrn)}"
    msg = (f"Patient message received via MyChart {devt(mdate(c1, 'outlook'))}\nFrom: {pn(p.first + ' ' + p.last)} (MRN {portal}, DOB {pd(fdate(p.dob, 'us'))})\n"
           f"Subject: side effects\n\nI started the {dmed(med)} 2 weeks ago and I've had {r.c(['diarrhea every day', 'bad dizziness when I stand up', 'a rash on my arms', 'trouble sleeping'])}. "
           f"Should I stop it? I have a trip on the {r.ri(10, 28)}th. You can call me at {pph(r.ph_(p.phone))} or text.\n\n{pn(p.first)}")
    return (f"From: {dstaff(fw.first + ' ' + fw.last)}\nSent: {devt(mdate(c2, 'outlook'))}\nTo: {dstaff(to.first + ' ' + to.last)}; {dstaff(rn.first + ' ' + rn.last)}\n"
            f"Subject: FW: Pt msg - side effects ({pn(p.last)})\n\n{dstaff(to.first)} — routing to you since you started this med. Pool is backed up. — {dstaff(fw.first)}\n\n"
            f"________________________________\n" + msg)


@tpl("patient_email")
def email_spanish_member(r):
    p = r.person(culture=r.c(["mexican", "puerto_rican"]))
    ms = r.staff(culture=r.c(["mexican", "puerto_rican", "us_anglo"]))
    c1, c2 = r.tick((1, 3)), r.tick((20, 30))
    m1 = (f"Buenas tardes,\n\nMi nombre es {pn(p.first + ' ' + p.last)}, fecha de nacimiento {pd(f'{p.dob.day:02d}/{p.dob.month:02d}/{p.dob.year}')}. "
          f"Necesito una nueva tarjeta de seguro porque la perdí. Mi número de miembro es {pmem(p.member)}. Mi dirección nueva es {pst(p.street)}"
          f"{', ' + pst(p.unit) if p.unit else ''}, {pst(p.city)}, {dstate(p.state)} {pzip(p.zip)}.\n\nGracias,\n{pn(p.first)}\nTel. {pph(r.ph_(p.cell))}")
    m2 = (f"Estimado/a {pn(p.first)}:\n\nGracias por comunicarse con nosotros. Hemos actualizado su dirección y su nueva tarjeta llegará en 7 a 10 días hábiles. "
          f"Mientras tanto puede descargar una tarjeta temporal en el portal para miembros.\n\nAtentamente,\n{staff_sig(r, ms, 'Especialista de Servicios al Miembro')}")
    return (f"Asunto: RE: tarjeta de seguro\nDe: {dstaff(ms.first + ' ' + ms.last)} <{dcon(ms.email)}>\nPara: {pem(p.email)}\nFecha: {devt(mdate(c2, 'rfc'))}\n\n" + m2
            + f"\n\nEl {devt(f'{c1.day} {MON[c1.month - 1].lower()} {c1.year}')}, a las {c1.hour:02d}:{c1.minute:02d}, {pn(p.first + ' ' + p.last)} <{pem(p.email)}> escribió:\n" + qlines(m1))


@tpl("patient_email")
def email_appeal_letter(r):
    p = r.person()
    ag = r.staff()
    dos = r.days_ago(40, 100)
    den = dos + dt.timedelta(days=r.ri(20, 40))
    svc, why = r.c([("sleep study", "I stop breathing at night according to my " + r.c(["wife", "husband", "daughter"])),
                    ("MRI of the lumbar spine", "my symptoms got worse after 6 weeks of PT and my leg is numb"),
                    ("continuous glucose monitor", "my blood sugars drop at night and I live alone"),
                    ("physical therapy visits 13-20", "I am still not able to climb stairs after my knee replacement"),
                    ("ambulance transport", "I could not sit up and the ER told my family to call 911")])
    letter = (f"{pn(p.first + ' ' + (p.mi + '. ' if p.mi else '') + p.last)}\n{pst(p.street)}{chr(10) + pst(p.unit) if p.unit else ''}\n{pst(p.city)}, {dstate(p.state)} {pzip(p.zip)}\n"
              f"{pph(r.ph_(p.phone))}\n\n{devt(fdate(r.now, 'long'))}\n\nTri-River Health Plan\nAttn: Appeals & Grievances\nPO Box {r.ri(1000, 9999)}\nColumbus, OH 43216\n\n"
              f"RE: Appeal of denial dated {devt(fdate(den, 'long'))}\nMember ID: {pmem(p.member)}\nClaim number: {poid(r.claim_no())}\nDate of service: {pd(fdate(dos, 'long'))}\n\n"
              f"To whom it may concern,\n\nI am writing to appeal the denial of coverage for my {svc}. My doctor, {dstaff('Dr. ' + r.staff('MD').last)}, ordered it because "
              f"{why}. "
              f"I have attached the letter of medical necessity and my records.\n\nSincerely,\n{pn(p.first + ' ' + p.last)}")
    return (f"Subject: Appeal - {pn(p.last)} - {pmem(p.member)}\nFrom: {pem(p.email)}\nTo: {dcon('appeals@trhp.org')}\n\nPlease see my appeal below (also mailed).\n\n"
            + letter + f"\n\n--\nAuto-reply: Your message was received by Appeals & Grievances. Case owner: {dstaff(ag.first + ' ' + ag.last)}. Standard appeals are decided within 30 days.")


@tpl("patient_email")
def email_outlook_chain(r):
    p = r.person()
    s1, s2, s3 = r.staff(), r.staff("RN"), r.staff()
    c = [r.tick((1, 3)) for _ in range(4)]
    rx = r.c(MEDS)
    b1 = (f"Hi team, member {pn(p.first + ' ' + p.last)} ({pmem(p.member)}) called again about {dmed(rx)} being rejected at the pharmacy — "
          f"PA expired {devt(fdate(r.days_ago(3, 20), 'usn'))}. {she(p).capitalize()}'s out of meds since {pd(fdate(r.days_ago(1, 3), 'usn'))}. Can pharmacy do an override? Callback {pph(r.ph_(p.cell))}.")
    b2 = f"Override entered for a 7-day supply. New PA request faxed to the prescriber. {dstaff(s1.first)} can you let the member know?"
    b3 = f"Called {pn(p.first)}, LVM with the override info. Will try again after 4."
    b4 = f"Member called back, picked up at {r.c(['Kroger', 'CVS', 'Walgreens'])}. Closing. Thanks all."

    def blk(frm, when, to, subj):
        return f"From: {dstaff(frm.first + ' ' + frm.last)}\nSent: {devt(mdate(when, 'outlook'))}\nTo: {to}\nSubject: {subj}"
    subj = f"PA expired - {pn(p.last)}"
    return "\n\n".join([blk(s1, c[3], dstaff(s2.first + ' ' + s2.last), "RE: " + subj), b4 + "\n\n" + dstaff(s1.first),
                        "-----Original Message-----\n" + blk(s1, c[2], dstaff(s3.first + ' ' + s3.last), "RE: " + subj), b3,
                        "-----Original Message-----\n" + blk(s3, c[1], dstaff(s1.first + ' ' + s1.last), "RE: " + subj), b2 + "\n\n" + staff_sig(r, s3, "Pharmacy Technician, Clinical Pharmacy"),
                        "-----Original Message-----\n" + blk(s1, c[0], "Pharmacy Team", subj), b1])


@tpl("patient_email")
def email_native_script_parent(r):
    p = r.person(native=True, amin=70, amax=92)
    kid = relative(r, p, r.c(["son", "daughter"]), amin=38, amax=60)
    if "sf" not in CULTURES[p.culture]:
        r.set_last(kid, p.last)
    ms = r.staff()
    c1 = r.tick((1, 3))
    intro = r.c([f"My {'mother' if p.sex == 'F' else 'father'} {pn(p.native)} ({pn(p.first + ' ' + p.last)})",
                 f"{pn(p.first + ' ' + p.last)} / {pn(p.native)} — my {'mom' if p.sex == 'F' else 'dad'}"])
    body = (f"Hello,\n\n{intro} is a member, ID {pmem(p.member)}, DOB {pd(fdate(p.dob, 'iso'))}. {she(p).capitalize()} doesn't read English well. "
            f"Can you send the letters in {r.c(['her', 'his'])} language, or at least call me instead of {'her' if p.sex == 'F' else 'him'}? I am the authorized representative (form sent {devt(fdate(r.days_ago(10, 40), 'usn'))}).\n\n"
            f"The name on {her(p)} card is written {pn(p.native)}, but the pharmacy has it in English, and they said it doesn't match.\n\n"
            f"Thank you,\n{pn(kid.first + ' ' + kid.last)}\n{pph(r.ph_(kid.cell))}\n{pem(kid.email)}")
    return f"From: {pn(kid.first + ' ' + kid.last)} <{pem(kid.email)}>\nTo: {dcon('memberservices@trhp.org')}\nDate: {devt(mdate(c1, 'rfc'))}\nSubject: letters for my parent\n\n" + body


@tpl("patient_email")
def email_billing_card_dispute(r):
    p = r.person()
    bs = r.staff()
    card = r.card()
    amt = f"{r.ri(40, 600)}.{r.ri(10, 99)}"
    c1, c2 = r.tick((1, 3)), r.tick((5, 30))
    m1 = (f"Hi, I was charged ${amt} twice on my card for the same premium. Card number is {pcard(card)}, exp {r.ri(1, 12):02d}/{r.ri(27, 31)}. "
          f"Account {pacct(p.acct)}. I want the duplicate refunded.\n\n{pn(p.first + ' ' + p.last)}\n{pph(r.ph_(p.phone))}")
    m2 = (f"Hello {pn(p.first)},\n\nI've requested a refund of the duplicate ${amt} to the card ending in {D('card_last4', card[-4:])}. It should post in 5-7 business days.\n\n"
          f"For your security, please don't send full card numbers by e-mail — I've asked our team to purge your original message.\n\n{staff_sig(r, bs, 'Premium Billing')}")
    return (f"Subject: RE: charged twice\nFrom: {dstaff(bs.first + ' ' + bs.last)}\nTo: {pem(p.email)}\nDate: {devt(mdate(c2, 'rfc'))}\n\n" + m2
            + f"\n\nOn {devt(mdate(c1, 'gmail'))}, {pn(p.first + ' ' + p.last)} <{pem(p.email)}> wrote:\n" + qlines(m1))


# ======================================================================================
# support_ticket
# ======================================================================================
@tpl("support_ticket")
def ticket_zendesk_portal_login(r):
    p = r.person()
    ag, t2 = r.staff(), r.staff()
    tid = r.ri(40000, 99999)
    c = [r.tick((0, 1)) for _ in range(3)] + [r.tick((18, 30))]
    wrong = p.dob.replace(day=min(28, p.dob.month), month=min(12, p.dob.day)) if p.dob.day <= 12 and p.dob.day != p.dob.month else p.dob + dt.timedelta(days=365)
    return f"""#{tid} Can't log in to member portal — "information does not match"
Requester: {pn(p.first + ' ' + p.last)} <{pem(p.email)}>   Assignee: {dstaff(ag.first + ' ' + ag.last)}   Group: Portal Support T1
Status: {r.c(['Open', 'Pending', 'On-hold'])}   Priority: Normal   Channel: Web form   Tags: portal_login registration dob_mismatch

{pn(p.first + ' ' + p.last)} — {devt(mdate(c[0], 'gmail'))}
I have tried to register 5 times. It says my information does not match. Member ID {pmem(p.member)}, birthday {pd(fdate(p.dob, 'long'))}, zip {pzip(p.zip)}. Please fix, I need to print my ID card.

{dstaff(ag.first + ' ' + ag.last)} (internal note) — {devt(mdate(c[1], 'gmail'))}
Elig has DOB {pd(fdate(wrong, 'us'))} (day/month swapped at enrollment, broker app). Member's ID card scan shows {pd(fdate(p.dob, 'us'))}. Sent to enrollment to correct; portal registration will work after the nightly sync. @{dstaff(t2.first + ' ' + t2.last)} fyi, 3rd one from that broker this month.

{dstaff(ag.first + ' ' + ag.last)} — {devt(mdate(c[2], 'gmail'))}
Hi {pn(p.first)}, thanks for your patience. We found a typo in your date of birth in our records and have corrected it. Please try registering again tomorrow. Your temporary ID card is attached.

{pn(p.first + ' ' + p.last)} — {devt(mdate(c[3], 'gmail'))}
it worked thank you!!"""


@tpl("support_ticket")
def ticket_servicenow_overlay(r):
    a = r.person()
    b = r.person(sex=a.sex)
    fac, fc = r.fac()
    caller, asg = r.staff(), r.staff()
    inc = "INC" + r.digits(7)
    ts = [r.tick((0, 2)) for _ in range(3)]
    fmt = lambda c: f"{c.year}-{c.month:02d}-{c.day:02d} {c.hour:02d}:{c.minute:02d}:{r.ri(10, 59)}"
    return f"""Number: {inc}                                  State: In Progress
Caller: {dstaff(caller.first + ' ' + caller.last)} ({dfac(fac)} HIM)     Category: Clinical Applications > Registration
Assignment group: EHR-Identity                     Assigned to: {dstaff(asg.first + ' ' + asg.last)}
Impact: 2 - Medium   Urgency: 1 - High   Priority: 2 - High
Short description: Overlay — two patients documented in one chart

Description:
Registration selected the wrong patient on {pd(fdate(r.days_ago(1, 4), 'usn'))}. {pn(b.first + ' ' + b.last)} (DOB {pd(fdate(b.dob, 'usn'))}) was registered under the chart of {pn(a.first + ' ' + a.last)} MRN {pmrn(a.mrn)} (DOB {pd(fdate(a.dob, 'usn'))}). Vitals, a {r.c(['CBC', 'UA', 'chest x-ray'])} and one med administration are in the wrong chart. Correct MRN for {pn(b.first)} is {pmrn(b.mrn)}.
Downstream: ADT A08s already went to the HIE and to the payer feed.

Work notes:
{fmt(ts[2])} - {dstaff(asg.first + ' ' + asg.last)} (Work notes)
Results moved. Sent A08 correction + A34? no — A34 is wrong here (not a merge). Asked interface team to send corrected A08 for both MRNs and a cancel to the HIE.

{fmt(ts[1])} - {dstaff(caller.first + ' ' + caller.last)} (Work notes)
HIM reviewed; documentation split list attached (split_{pmrn(a.mrn)}.xlsx). Provider notified.

{fmt(ts[0])} - System (Work notes)
Incident created from email."""


@tpl("support_ticket")
def ticket_jsm_eob_address(r):
    p = r.person()
    q = r.person()
    ag = r.staff()
    key = r.key("MBRSVC")
    st = r.c(["wiki", "md"])
    return "\n".join([
        f"{key} — EOB mailed to previous owner of member's house",
        f"Request type: Member correspondence issue · Reporter: {dstaff(ag.first + ' ' + ag.last)} · Status: Waiting for support", "",
        heading(st, 3, "Summary"),
        f"Member {pn(p.first + ' ' + p.last)} ({pmem(p.member)}) moved to {pst(p.street)}{' ' + pst(p.unit) if p.unit else ''}, {pst(p.city)} {dstate(p.state)} {pzip(p.zip)} "
        f"in {MONTHS[r.days_ago(60, 120).month - 1]}. The new owner of {her(p)} old house called us with an EOB for {her(p)} {r.c(['ER visit', 'colonoscopy', 'behavioral health visits'])}. "
        f"Caller was {D('third_party', q.first + ' ' + q.last)}, {D('third_party', r.ph_(q.phone))} — {she(q)} is mailing it back.",
        "", heading(st, 3, "Ask"),
        "1. Why did the EOB go to the old address when the address change was in elig 3 weeks earlier? (print vendor snapshot timing?)\n"
        "2. Privacy office needs a breach risk assessment — EOB showed diagnosis codes.",
        "", jira_comment(r, st, r.staff(), "Print vendor pulls addresses at claim adjudication, not at print. Claim adjudicated before the address change. Known gap, see the address-at-print epic."),
    ])


@tpl("support_ticket")
def ticket_freshdesk_id_cards(r):
    sub = r.person(amin=30, amax=55)
    kids = [relative(r, sub, r.c(["son", "daughter"]), amin=2, amax=19) for _ in range(r.ri(1, 3))]
    ag = r.staff()
    return f"""Ticket #{r.ri(10000, 99999)} · ID cards for dependents not received
Contact: {pn(sub.first + ' ' + sub.last)} · {pem(sub.email)} · {pph(r.ph_(sub.cell))}
Company: (none)   Type: Question   Source: Phone   Priority: Low   Agent: {dstaff(ag.first + ' ' + ag.last)}
Custom fields → Member ID: {pmem(sub.member)}   Plan: {r.c(['Silver 3500', 'Gold PPO', 'Bronze HSA'])}   Effective: {dcov(fdate(dt.date(r.now.year, 1, 1), 'us'))}

Conversation
— {dstaff(ag.first)} (phone note): Subscriber got {her(sub)} own card but not the kids'. Dependents on file:
""" + "\n".join(f"   • {pn(k.first + ' ' + k.last)}  DOB {pd(fdate(k.dob, 'us'))}  suffix -0{i + 2}" for i, k in enumerate(kids)) + f"""
  Cards were mailed to {pst(sub.street)} — subscriber confirms that's right. Reissued {len(kids)} card{'s' if len(kids) > 1 else ''}, 7-10 business days. Told {'her' if sub.sex == 'F' else 'him'} about the app card.
— {dstaff(ag.first)}: closing after callback {devt(fdate(r.now, 'usn'))}."""


@tpl("support_ticket")
def ticket_provider_portal_missing(r):
    p = r.person()
    office = r.staff()
    ag = r.staff()
    fac, fc = r.fac()
    pid_ = r.digits(8)
    url = f"https://providers.tririverhealth.com/eligibility/member/{pid_}?dos={r.now.isoformat()}"
    st = r.c(["md", "wiki", "plain"])
    return "\n".join([
        f"{r.key('PORTAL')}: Provider portal — eligibility search returns no results for active member",
        f"Reported via provider services by {dstaff(office.first + ' ' + office.last)} (front desk, {dfac(fac)}, NPI {dnpi(r.npi())}), call back {dcon(r.ph_(office.work))}",
        "",
        f"Office searched by last name + DOB ({pn(p.last)}, {pd(fdate(p.dob, 'us'))}) → 0 results. Searching by member ID {pmem(p.member)} works. "
        f"Deep link from the search result they eventually got: {purl(url)}",
        "", "Repro:",
        codeblock(st, f"GET /api/v2/eligibility/search?lastName={pn(p.last.replace(' ', '%20').replace(chr(39), '%27'))}&dob={pd(p.dob.isoformat())}\n200 OK  {{\"results\": [], \"took_ms\": {r.ri(30, 400)}}}", "nof"),
        "",
        jira_comment(r, st, ag, r.c(["Name search doesn't strip diacritics / particles. The member's name is stored with an accent or space and the office types it without. Fix = normalized column + index.",
                                     "Search uses exact match on last_name; the member's record has a trailing space from the 834 load. Trim on load + backfill."])),
    ])


@tpl("support_ticket")
def ticket_call_log(r):
    p = r.person()
    caller_self = r.ch(0.5)
    c = p if caller_self else relative(r, p, r.c([spouse(p), "daughter", "son"]), amin=30, amax=75)
    ag = r.staff()
    t = r.tick((0, 1))
    reason, note = r.c([("benefits question — PT visit limit", f"Explained 20-visit limit, {r.ri(3, 19)} used YTD."),
                        ("wants to change PCP", "PCP changed effective 1st of next month, new card mailed."),
                        ("transportation to dialysis", f"Booked rides M/W/F, confirmation # {r.digits(6)}."),
                        ("bill from ambulance company", "Ambulance billed as out of network, sent to claims for review."),
                        ("OTC card balance", f"Balance ${r.ri(5, 95)}, resets quarterly.")])
    return f"""CALL LOG  ·  Case {r.c(['C-', 'CS'])}{r.digits(8)}  ·  {devt(mdate(t, 'outlook'))}
Agent: {dstaff(ag.first + ' ' + ag.last)}  ·  Queue: MS-General  ·  Handle time {r.ri(3, 24)}:{r.ri(10, 59)}
Caller: {pn(c.first + ' ' + c.last)}{'' if caller_self else ' (' + r.c(['spouse', 'family member, on HIPAA auth']) + ')'}   Callback: {pph(r.ph_(c.cell))}
Member: {pn(p.first + ' ' + p.last)}   ID {pmem(p.member)}   DOB {pd(fdate(p.dob, r.ds))}
Verified: name, DOB, {r.c(['address', 'last 4 SSN ' + dlast4(p.ssn[-4:]), 'member ID'])}

Reason: {reason}
Notes: {note}
{r.c(['Caller satisfied.', 'Caller upset, offered supervisor callback.', 'Follow-up task created for claims.'])}
FCR: {r.c(['Y', 'N'])}"""


@tpl("support_ticket")
def ticket_device_rma(r):
    p = r.person(amin=20, amax=80)
    ag = r.staff()
    dev = r.c([("Dexcom G7 receiver", "DX" + r.digits(10)), ("FreeStyle Libre 3 reader", "MAGH" + r.digits(7)), ("Omron BP7250 cuff", r.digits(11) + "LG"),
               ("Tandem t:slim X2 pump", r.digits(9)), ("Cellular glucometer", "GLU-" + r.digits(8))])
    newsn = dev[1][:-4] + r.digits(4)
    return f"""[{r.key('RPM')}] RMA — {dev[0]} not syncing
Opened by {dstaff(ag.first + ' ' + ag.last)} (RPM support) · {devt(fdate(r.now, 'us'))}

Enrollee: {pn(p.first + ' ' + p.last)}   MRN {pmrn(p.mrn)}   DOB {pd(fdate(p.dob, 'us'))}
Device: {dev[0]}   S/N {pdev(dev[1])}   Last reading received: {pd(fdate(r.days_ago(3, 12), 'us'))}
Ship replacement to: {pst(p.street)}{', ' + pst(p.unit) if p.unit else ''}, {pst(p.city)}, {dstate(p.state)} {pzip(p.zip)}   Phone: {pph(r.ph_(p.cell))}

Troubleshooting: power cycled, re-paired, cell signal 1 bar. Vendor portal shows last check-in from tower near {pst(p.city)}.
Vendor RMA # {r.c(['RMA', 'R'])}{r.digits(7)} approved. Replacement S/N {pdev(newsn)} — update the device registry so readings map to the right enrollee, otherwise they land in the unassigned queue again."""


@tpl("support_ticket")
def ticket_account_takeover_ip(r):
    p = r.person()
    sec, ag = r.staff(), r.staff()
    ip1 = r.ip_public()
    ip2 = f"{r.c(['45.134', '185.220', '103.151', '194.26'])}.{r.ri(1, 254)}.{r.ri(2, 254)}"
    ts = r.tsseq(4, "T")
    waf = r.ip_private()
    st = r.c(["wiki", "md"])
    log = "\n".join([
        f"{ts[0]} auth-svc INFO login ok user={pem(p.email)} ip={pip(ip1)} ua=\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)\" mfa=sms",
        f"{ts[1]} auth-svc WARN login failed user={pem(p.email)} ip={ip2} ua=\"python-requests/2.31\" reason=bad_password",
        f"{ts[2]} auth-svc WARN login failed user={pem(p.email)} ip={ip2} ua=\"python-requests/2.31\" reason=bad_password lockout=true",
        f"{ts[3]} waf {waf} BLOCK rule=942100 src={ip2} path=/api/v1/login",
    ])
    return "\n".join([
        f"SEC-{r.ri(100, 999)} Possible credential stuffing against member account",
        f"Reporter: {dstaff(sec.first + ' ' + sec.last)}   Assignee: {dstaff(ag.first + ' ' + ag.last)}", "",
        f"Member {pn(p.first + ' ' + p.last)} ({pmem(p.member)}) called: got MFA texts {she(p)} didn't request. Auth log:", "",
        codeblock(st, log, "nof"), "",
        f"{ip1} is {her(p)} usual address (home ISP, matches 90 days of history). {ip2} is a hosting provider, on the stuffing list since Tuesday. "
        "No successful login from it. Forced password reset, told the member. Blocking the /24 at the WAF.",
    ]).replace(f"{ip1} is", f"{pip(ip1)} is")


# ======================================================================================
# java_stacktrace (clean)
# ======================================================================================
def frames(r, pkgs, n):
    out = []
    for i in range(n):
        pk, cls, meth = r.c(pkgs)
        out.append(f"\tat {pk}.{cls}.{meth}({cls}.java:{r.ri(40, 900)})")
    return out


SPRING_FRAMES = [("org.springframework.web.servlet", "FrameworkServlet", "processRequest"), ("org.springframework.web.servlet", "DispatcherServlet", "doDispatch"),
                 ("jakarta.servlet.http", "HttpServlet", "service"), ("org.apache.catalina.core", "ApplicationFilterChain", "internalDoFilter"),
                 ("org.springframework.security.web", "FilterChainProxy", "doFilter"), ("org.apache.tomcat.util.net", "NioEndpoint$SocketProcessor", "doRun"),
                 ("java.util.concurrent", "ThreadPoolExecutor", "runWorker"), ("org.springframework.aop.framework", "CglibAopProxy$DynamicAdvisedInterceptor", "intercept"),
                 ("org.springframework.transaction.interceptor", "TransactionInterceptor", "invoke")]


def jira_wrap(r, st, title, body, extra=""):
    rep = r.staff()
    return (f"{r.key(r.c(['INTG', 'OPS', 'PORTAL', 'CLM', 'FHIR']))} {title}\nReporter: {dstaff(rep.first + ' ' + rep.last)} · Env: {r.c(['PROD', 'UAT', 'PERF', 'prod-east'])}\n\n"
            + codeblock(st, body, "nof") + ("\n\n" + extra if extra else ""))


@tpl("java_stacktrace")
def trace_hapi_parse(r):
    st = r.c(["wiki", "md", "plain"])
    ts = r.tsseq(3)
    host = f"fhir-gw-{r.c(['prd', 'uat'])}-{r.ri(1, 4)}"
    rid = r.digits(7)
    body = "\n".join([
        f"{ts[0]} ERROR [http-nio-8443-exec-{r.ri(1, 64)}] c.k.fhir.gw.BundleIngestController - bundle rejected corr={r.uuid()} client=epic-{r.c(['mvmc', 'sah', 'lrmc'])} host={host}",
        f"ca.uhn.fhir.parser.DataFormatException: HAPI-1821: [element=\"birthDate\"] Invalid attribute value \"{r.c(['00/00/0000', '19xx-01-01', '2024-02-30', 'UNKNOWN'])}\": Invalid date/time format: \"{r.c(['00/00/0000', 'UNKNOWN'])}\"",
        "\tat ca.uhn.fhir.parser.LenientErrorHandler.invalidValue(LenientErrorHandler.java:132)",
        "\tat ca.uhn.fhir.parser.ParserState$PrimitiveState.attributeValue(ParserState.java:1347)",
        "\tat ca.uhn.fhir.parser.JsonParser.parseChildren(JsonParser.java:1198)",
        "\tat ca.uhn.fhir.parser.BaseParser.parseResource(BaseParser.java:712)",
        f"\tat com.kestrel.fhir.gw.BundleIngestController.ingest(BundleIngestController.java:{r.ri(80, 200)})",
        *frames(r, SPRING_FRAMES, 5),
        f"\tat java.base/java.lang.Thread.run(Thread.java:{r.c(['833', '1583'])})",
        f"{ts[1]} WARN  [http-nio-8443-exec-{r.ri(1, 64)}] c.k.fhir.gw.OperationOutcomeMapper - returning 422 for Bundle entry[3] Patient/{did(rid)} (issue code=value)",
        f"{ts[2]} INFO  [scheduling-1] c.k.fhir.gw.metrics - rejected_bundles_1m={r.ri(1, 40)} p99_ms={r.ri(200, 3000)}",
    ])
    return jira_wrap(r, st, "HAPI rejects bundles with sentinel birthDate", body,
                     "Source system sends a placeholder birthDate for unknown-DOB registrations. Options: lenient parser mode + data-absent-reason extension, or push back on the sender.")


@tpl("java_stacktrace")
def trace_spring_npe_sync(r):
    st = r.c(["wiki", "md"])
    ts = r.tsseq(2)
    sk = r.digits(9)
    body = "\n".join([
        f"{ts[0]} ERROR 1 --- [elig-sync-{r.ri(1, 8)}] c.t.elig.sync.MemberSyncService : sync failed memberSk={did(sk)} batch={r.digits(6)} user=svc_elig_sync traceId={r.hexs(32)}",
        "",
        "java.lang.NullPointerException: Cannot invoke \"com.tririver.elig.model.Address.getPostalCode()\" because the return value of \"com.tririver.elig.model.Member.getMailingAddress()\" is null",
        f"\tat com.tririver.elig.sync.AddressNormalizer.normalize(AddressNormalizer.java:{r.ri(30, 120)})",
        f"\tat com.tririver.elig.sync.MemberSyncService.lambda$syncBatch$3(MemberSyncService.java:{r.ri(120, 300)})",
        "\tat java.base/java.util.stream.ForEachOps$ForEachOp$OfRef.accept(ForEachOps.java:183)",
        "\tat java.base/java.util.ArrayList$ArrayListSpliterator.forEachRemaining(ArrayList.java:1625)",
        f"\tat com.tririver.elig.sync.MemberSyncService.syncBatch(MemberSyncService.java:{r.ri(100, 300)})",
        *frames(r, SPRING_FRAMES[7:], 2),
        f"\tat com.tririver.elig.sync.MemberSyncJob.run(MemberSyncJob.java:{r.ri(40, 90)})",
        "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
        f"{ts[1]}  WARN 1 --- [elig-sync-{r.ri(1, 8)}] c.t.elig.sync.MemberSyncService : batch completed with 1 failure(s), {r.ri(800, 5000)} ok",
    ])
    return jira_wrap(r, st, "Nightly elig sync NPE on members without mailing address", body,
                     f"Happens for memberSk {did(sk)} and ~{r.ri(3, 30)} others — all have only a residential address (mailing null). Fall back to residential.")


@tpl("java_stacktrace")
def trace_jdbc_timeout(r):
    st = r.c(["md", "wiki", "plain"])
    ts = r.tsseq(3)
    db = f"{r.c(['claimsdb', 'pg-elig', 'dwh'])}-{r.c(['prd', 'ro'])}-{r.ri(1, 3)}.{r.c(['trhp.internal', 'kestrelhs.local'])}"
    ip = r.ip_private()
    body = "\n".join([
        f"{ts[0]} ERROR [pool-{r.ri(1, 4)}-thread-{r.ri(1, 20)}] o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: canceling statement due to statement timeout",
        f"{ts[1]} ERROR [pool-{r.ri(1, 4)}-thread-{r.ri(1, 20)}] c.t.claims.report.RemitReportJob - report failed run_id={r.uuid()}",
        "org.springframework.dao.QueryTimeoutException: could not extract ResultSet; SQL [select ch.claim_sk, ch.claim_no, cl.line_no, cl.paid_amt from claim_header ch join claim_line cl on cl.claim_sk = ch.claim_sk where ch.payee_npi = ? and ch.paid_dt between ? and ?]",
        "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:277)",
        "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.translateExceptionIfPossible(HibernateJpaDialect.java:241)",
        "Caused by: org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2725)",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2412)",
        "\tat org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)",
        "\tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)",
        f"\t... {r.ri(40, 90)} common frames omitted",
        f"{ts[2]} WARN  [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m{r.ri(2, 59)}s).",
    ])
    return jira_wrap(r, st, "Remit report times out for large payees", body,
                     f"DB: {db} ({ip}:5432), statement_timeout=60s. Plan shows seq scan on claim_line ({r.ri(200, 900)}M rows). Needs index on (claim_sk) include (paid_amt) or run against the replica.")


@tpl("java_stacktrace")
def trace_kafka_rebalance(r):
    st = r.c(["md", "plain"])
    ts = r.tsseq(4)
    grp = r.c(["adt-to-elig", "claims-status-consumer", "fhir-sub-notifier"])
    topic = r.c(["hl7.adt.v1", "claims.status.v2", "fhir.subscription.events"])
    brokers = ",".join(f"kafka-{i}.{r.c(['prd', 'msk'])}.trhp.internal:9094" for i in range(1, 4))
    body = "\n".join([
        f"{ts[0]} INFO  [{grp}-StreamThread-1] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId={grp}-{r.hexs(8)}, groupId={grp}] Revoke previously assigned partitions {topic}-{r.ri(0, 5)}, {topic}-{r.ri(6, 11)}",
        f"{ts[1]} ERROR [{grp}-StreamThread-1] o.a.k.c.c.i.ConsumerCoordinator - [Consumer clientId={grp}-{r.hexs(8)}, groupId={grp}] Offset commit failed on partition {topic}-{r.ri(0, 11)} at offset {r.ri(1000000, 99999999)}: The coordinator is not aware of this member.",
        "org.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.",
        "\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1346)",
        "\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.commitOffsetsSync(ConsumerCoordinator.java:1145)",
        "\tat org.apache.kafka.clients.consumer.KafkaConsumer.commitSync(KafkaConsumer.java:1517)",
        f"\tat com.kestrel.stream.AdtConsumerLoop.poll(AdtConsumerLoop.java:{r.ri(60, 140)})",
        f"{ts[2]} WARN  [kafka-coordinator-heartbeat-thread | {grp}] o.a.k.c.c.i.AbstractCoordinator - consumer poll timeout has expired. max.poll.interval.ms={r.c(['300000', '600000'])}, last poll {r.ri(301, 900)}s ago",
        f"{ts[3]} INFO  [main] o.a.k.c.c.ConsumerConfig - bootstrap.servers = [{brokers}]",
    ])
    return jira_wrap(r, st, f"{grp} consumer keeps getting kicked out of the group", body,
                     f"Lag on {topic} peaked at {r.ri(20, 400)}k. Batch of {r.c(['500', '1000'])} records with the enrichment call takes > max.poll.interval. Lower max.poll.records to 100.")


@tpl("java_stacktrace")
def trace_oom_heap(r):
    st = r.c(["wiki", "plain"])
    pid_ = r.ri(1000, 65000)
    ts = r.tsseq(3)
    body = "\n".join([
        f"[{ts[0].replace(',', '.')}][info][gc] GC({r.ri(3000, 9000)}) Pause Full (G1 Compaction Pause) {r.ri(3900, 4095)}M->{r.ri(3900, 4095)}M(4096M) {r.ri(900, 4000)}.{r.ri(100, 999)}ms",
        f"{ts[1]} ERROR [{r.c(['channel-dispatch-3', 'Batch-Writer-2', 'http-nio-8080-exec-12'])}] c.k.batch.Era835Writer - unrecoverable",
        "java.lang.OutOfMemoryError: Java heap space",
        "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)",
        "\tat java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:242)",
        "\tat java.base/java.lang.StringBuilder.append(StringBuilder.java:179)",
        f"\tat com.kestrel.batch.Era835Writer.appendSegment(Era835Writer.java:{r.ri(50, 300)})",
        f"\tat com.kestrel.batch.Era835Writer.write(Era835Writer.java:{r.ri(50, 300)})",
        "java.lang.OutOfMemoryError: Java heap space",
        f"Dumping heap to /var/log/kestrel/heapdump-{pid_}.hprof ...",
        f"Heap dump file created [{r.ri(4000000000, 4300000000)} bytes in {r.ri(10, 60)}.{r.ri(100, 999)} secs]",
        f"{ts[2]} INFO  [SIGTERM handler] c.k.batch.Main - shutting down, pid={pid_} uptime=3d{r.ri(1, 23)}h",
    ])
    return jira_wrap(r, st, "835 writer OOM on large payees", body,
                     "The writer builds the entire ST/SE in one StringBuilder. A payee with 40k CLPs blows 4G. Stream to file per CLP.")


@tpl("java_stacktrace")
def trace_ldap_lockout(r):
    st = r.c(["wiki", "md"])
    ts = r.tsseq(3)
    dc = f"dc{r.ri(1, 4)}.{r.c(['trhp.local', 'corp.kestrelhs.com'])}"
    svc = r.c(["svc-mirth-ldap", "svc-portal-bind", "svc_jira_sync"])
    body = "\n".join([
        f"{ts[0]} WARN  [ldap-pool-{r.ri(1, 6)}] o.s.l.c.support.AbstractContextSource - bind failed for CN={svc},OU=Service Accounts,DC=trhp,DC=local",
        "javax.naming.AuthenticationException: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09050F, comment: AcceptSecurityContext error, data 775, v4563]",
        "\tat java.naming/com.sun.jndi.ldap.LdapCtx.mapErrorCode(LdapCtx.java:3261)",
        "\tat java.naming/com.sun.jndi.ldap.LdapCtx.processReturnCode(LdapCtx.java:3207)",
        "\tat java.naming/com.sun.jndi.ldap.LdapCtx.connect(LdapCtx.java:2806)",
        "\tat org.springframework.ldap.core.support.LdapContextSource.getDirContextInstance(LdapContextSource.java:42)",
        f"\tat com.kestrel.auth.StaffDirectoryClient.lookup(StaffDirectoryClient.java:{r.ri(40, 150)})",
        f"{ts[1]} ERROR [http-nio-8443-exec-{r.ri(1, 64)}] c.k.auth.LoginController - staff login unavailable, directory bind failed (ldaps://{dc}:636, {r.ip_private()})",
        f"{ts[2]} INFO  [scheduling-1] c.k.auth.HealthIndicator - ldap=DOWN since {ts[0][:19]}",
    ])
    return jira_wrap(r, st, "Staff SSO down — service account locked", body,
                     f"data 775 = account locked. Password for {svc} was rotated in the vault {r.ri(2, 5)} days ago but the UAT box still has the old one and kept retrying. Unlocked; UAT updated.")


@tpl("java_stacktrace")
def trace_junit_testpatient(r):
    st = r.c(["md", "plain", "wiki"])
    tl, tf = r.c([("ZZTEST", "ALPHA"), ("ZZZTEST", "BRAVO"), ("TEST", "PATIENT"), ("ZZTESTING", "CHARLIE")])
    t_mrn = "T" + r.digits(6)
    body = "\n".join([
        f"[INFO] Running com.kestrel.hl7.PidSegmentParserTest",
        f"[ERROR] Tests run: {r.ri(12, 40)}, Failures: 1, Errors: 0, Skipped: {r.ri(0, 2)}, Time elapsed: {r.ri(1, 9)}.{r.ri(100, 999)} s <<< FAILURE! - in com.kestrel.hl7.PidSegmentParserTest",
        "[ERROR] parsesSsnFromPid19(com.kestrel.hl7.PidSegmentParserTest)  Time elapsed: 0.012 s  <<< FAILURE!",
        "org.opentest4j.AssertionFailedError: expected: <123-45-6789> but was: <123456789>",
        "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
        "\tat org.junit.jupiter.api.AssertionEquals.failNotEqual(AssertionEquals.java:197)",
        "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)",
        f"\tat com.kestrel.hl7.PidSegmentParserTest.parsesSsnFromPid19(PidSegmentParserTest.java:{r.ri(40, 120)})",
        "",
        "input: " + f"PID|1||{dtest(t_mrn)}^^^TEST^MR||{dtest(tl + '^' + tf)}||19000101|U|||123 MAIN ST^^ANYTOWN^OH^00000||^PRN^PH^^1^614^5550123||||||123456789",
        "",
        "[INFO] Results:",
        "[ERROR] Failures:",
        "[ERROR]   PidSegmentParserTest.parsesSsnFromPid19:" + str(r.ri(40, 120)) + " expected: <123-45-6789> but was: <123456789>",
        f"[ERROR] Tests run: {r.ri(200, 600)}, Failures: 1, Errors: 0, Skipped: {r.ri(0, 9)}",
        f"[INFO] BUILD FAILURE  Total time: {r.ri(1, 4)}:{r.ri(10, 59)} min  Finished at: {r.now.isoformat()}T{r.ri(8, 20):02d}:{r.ri(10, 59)}:{r.ri(10, 59)}-05:00",
    ])
    return jira_wrap(r, st, "build red after PID-19 normalisation change", body,
                     f"Test fixture is the standard {dtest(tl + '^' + tf)} patient with the documented SSN 123-45-6789. The parser now strips dashes; update the expectation or format on output.")


@tpl("java_stacktrace")
def trace_mirth_channel_error(r):
    st = r.c(["wiki", "md", "plain"])
    ts = r.tsseq(4)
    fac, fc = r.fac()
    chan = f"{fc}_ORU_IN"
    mid = r.ri(100000, 999999)
    ack = f"MSH|^~\\&|KESTREL|TRHP|LIS|{fc}|{dmsg(r.ts(r.now, 'hl7'))}||ACK^R01|ACK{r.digits(8)}|P|2.5.1\\rMSA|AR|{fc}{r.digits(8)}|Unable to parse message"
    body = "\n".join([
        f"[{ts[0]}]  ERROR (com.mirth.connect.donkey.server.channel.Channel:{r.ri(1200, 1500)}): Error processing message {mid} in channel {chan} ({r.uuid()}).",
        "com.mirth.connect.donkey.server.channel.ChannelException: com.mirth.connect.model.converters.SerializerException: Error converting message",
        "\tat com.mirth.connect.donkey.server.channel.SourceConnector.dispatchRawMessage(SourceConnector.java:201)",
        "\tat com.mirth.connect.connectors.tcp.TcpReceiver$TcpReader.call(TcpReceiver.java:727)",
        "Caused by: ca.uhn.hl7v2.HL7Exception: Determine encoding for message. The following is the first 50 chars of the message for reference, although this may not be where the issue is: \\x0bFHS|^~\\&|" + fc + "|...",
        "\tat ca.uhn.hl7v2.parser.GenericParser.doParse(GenericParser.java:212)",
        "\tat com.mirth.connect.plugins.datatypes.hl7v2.ER7Serializer.toXML(ER7Serializer.java:247)",
        f"[{ts[1]}]  WARN  (com.mirth.connect.connectors.tcp.TcpReceiver:{r.ri(600, 900)}): ACK sent: {ack}",
        f"[{ts[2]}]  INFO  (com.mirth.connect.connectors.tcp.TcpReceiver:{r.ri(200, 400)}): Connection closed by remote host {r.ip_private()}:{r.ri(40000, 65000)}",
        f"[{ts[3]}]  INFO  (com.mirth.connect.server.controllers.DefaultChannelController:{r.ri(300, 600)}): Channel {chan} queue size {r.ri(10, 900)}",
    ])
    return jira_wrap(r, st, f"{chan}: batch files (FHS/BHS) rejected", body,
                     f"{fc} switched to batch mode (FHS/BHS wrappers) without telling us. Enable 'Process Batch' on the source and split on MSH.")


@tpl("java_stacktrace")
def trace_hibernate_dupkey(r):
    st = r.c(["md", "wiki"])
    ts = r.tsseq(2)
    csk = r.digits(8)
    body = "\n".join([
        f"{ts[0]} ERROR [claims-adjudicate-{r.ri(1, 12)}] o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: duplicate key value violates unique constraint \"claim_line_pk\"",
        f"  Detail: Key (claim_sk, line_no)=({did(csk)}, {r.ri(1, 6)}) already exists.",
        f"{ts[1]} ERROR [claims-adjudicate-{r.ri(1, 12)}] c.t.claims.adj.AdjudicationService - adjudication failed claimSk={did(csk)} attempt=3 correlationId={r.uuid()}",
        "org.springframework.dao.DataIntegrityViolationException: could not execute statement [ERROR: duplicate key value violates unique constraint \"claim_line_pk\"]; SQL [insert into claim_line (allowed_amt,claim_sk,cpt,line_no,paid_amt,units) values (?,?,?,?,?,?)]; constraint [claim_line_pk]",
        "\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290)",
        "\tat org.springframework.orm.jpa.JpaTransactionManager.doCommit(JpaTransactionManager.java:565)",
        "Caused by: org.hibernate.exception.ConstraintViolationException: could not execute statement",
        "\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:95)",
        "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"claim_line_pk\"",
        f"\t... {r.ri(30, 80)} more",
    ])
    return jira_wrap(r, st, "retry after timeout re-inserts claim lines", body,
                     "The first attempt committed but the client timed out, so the retry inserts again. Make line insert idempotent (ON CONFLICT DO NOTHING) or check before retry.")


# ======================================================================================
# meeting_notes (clean)
# ======================================================================================
def sname(s):
    return dstaff(f"{s.first} {s.last}")


def zoom(r):
    mid = f"{r.ri(800, 999)} {r.ri(1000, 9999)} {r.ri(1000, 9999)}"
    pc = r.digits(6)
    return (f"Join Zoom: https://tririverhealth.zoom.us/j/{mid.replace(' ', '')}?pwd={r.hexs(24)}\nMeeting ID: {mid}\nPasscode: {pc}\n"
            f"Dial by your location: +1 646 558 8656 US (New York), +1 312 626 6799 US (Chicago)\nOne tap mobile: +16465588656,,{mid.replace(' ', '')}#,,,,*{pc}#")


def teams(r):
    cid = r.digits(9)
    return (f"Microsoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{r.hexs(40)}%40thread.v2/0\n"
            f"Meeting ID: {r.ri(200, 299)} {r.ri(100, 999)} {r.ri(100, 999)} {r.ri(100, 999)}   Passcode: {r.c(['x', 'Q', 'b', 'T'])}{r.hexs(5)}\n"
            f"Or call in (audio only): +1 {r.c(['614', '380', '937'])}-{r.ri(300, 899)}-{r.ri(1000, 9999)},,{cid}#   Phone Conference ID: {cid[:3]} {cid[3:6]} {cid[6:]}#")


def due(r, lo=2, hi=21):
    return fdate(r.now + dt.timedelta(days=r.ri(lo, hi)), r.c(["usn", "mon", "iso"]))


@tpl("meeting_notes")
def mtg_sprint_planning(r):
    st = r.c(["wiki", "md"])
    ppl = [r.staff() for _ in range(r.ri(5, 7))]
    sp = r.ri(40, 90)
    stories = [(r.key("ELIG"), "834 loader: handle INS*Y*18 maintenance type 024", r.c([3, 5, 8])),
               (r.key("PORTAL"), "registration: normalize diacritics in last name search", r.c([3, 5])),
               (r.key("FHIR"), "Patient Access API: CARIN BB 2.0 profile updates", r.c([8, 13])),
               (r.key("CLM"), "835 writer streaming refactor (OOM)", r.c([5, 8])),
               (r.key("OPS"), "rotate svc-mirth-ldap creds in UAT", 1)]
    rows = [[k, t, str(pt), sname(r.c(ppl))] for k, t, pt in stories]
    return "\n".join([heading(st, 2, f"Sprint {sp} planning — {fdate(r.now, 'mon')}"),
                      f"{bold(st, 'Attendees')}: " + ", ".join(sname(x) for x in ppl),
                      f"{bold(st, 'Capacity')}: {r.ri(38, 60)} pts ({sname(ppl[1])} out Thu-Fri, {sname(ppl[2])} on support rotation)", "",
                      table(st, ["Key", "Story", "Pts", "Owner"], rows), "",
                      heading(st, 3, "Notes"),
                      f"* Carry-over from sprint {sp - 1}: {stories[3][0]} (blocked on perf env).",
                      f"* {sname(ppl[0])}: no real member data in fixtures — use the generator; PR template now has a checkbox.",
                      f"* Demo {fdate(r.now + dt.timedelta(days=13), 'usn')} 2pm.", "",
                      heading(st, 3, "Action items"),
                      f"- [ ] {sname(ppl[3])} — ask {dfac(r.fac()[0])} for a de-identified 834 sample, due {due(r)}",
                      f"- [ ] {sname(ppl[4])} — perf env ticket with infra, due {due(r)}"])


@tpl("meeting_notes")
def mtg_incident_postmortem(r):
    st = r.c(["wiki", "md", "plain"])
    ic, scribe, eng, mgr = r.staff(), r.staff(), r.staff(), r.staff()
    d = r.days_ago(2, 9)
    t0 = r.ri(1, 20)
    mm = sorted(r.sample(range(0, 59), 3))
    n = r.ri(300, 4000)
    bridge = f"+1 {r.c(['614', '877', '855'])}-{r.ri(300, 899)}-{r.ri(1000, 9999)}"
    return "\n".join([heading(st, 2, f"Post-incident review — INC{r.digits(7)} eligibility API 5xx ({fdate(d, 'usn')})"),
                      f"Incident commander: {sname(ic)} · Scribe: {sname(scribe)} · Sev {r.c(['2', '2', '3'])}",
                      f"Bridge used during the incident: {bridge}, passcode {r.digits(7)}#", "",
                      heading(st, 3, "Timeline (ET)"),
                      f"* {t0:02d}:{mm[0]:02d} — synthetic check fails (eligibility 270/271 p95 > 8s)",
                      f"* {t0:02d}:{mm[1]:02d} — {sname(eng)} paged, sees connection pool exhaustion on elig-api-{r.ri(1, 4)} ({r.ip_private()})",
                      f"* {t0:02d}:{mm[2]:02d} — failover to replica; errors drop",
                      f"* {(t0 + 1) % 24:02d}:{r.ri(10, 59)} — root cause: new index build locking member table",
                      "", heading(st, 3, "Impact"),
                      f"{n:,} eligibility checks failed; {r.ri(20, 200)} provider offices called provider services. No data loss. No PHI exposure.",
                      "", heading(st, 3, "Actions"),
                      f"1. Build indexes CONCURRENTLY only — {sname(eng)}, {due(r)}",
                      f"2. Add pool saturation alert — {sname(ic)}, {due(r)}",
                      f"3. Provider comms template — {sname(mgr)}, {due(r)}"])


@tpl("meeting_notes")
def mtg_vendor_sync(r):
    st = r.c(["plain", "md"])
    ours = [r.staff() for _ in range(3)]
    vend = [r.staff() for _ in range(2)]
    vendor = r.c(["Redwood Print & Mail", "ClearPath EDI", "Northstar RPM", "Meridian Clearinghouse"])
    for v in vend:
        v.email = v.email.split("@")[0] + "@" + vendor.split()[0].lower() + r.c([".com", "health.com", "-inc.com"])
    inv = zoom(r) if r.ch(0.5) else teams(r)
    return "\n".join([f"{vendor} weekly sync — {fdate(r.now, 'long')}", "", inv, "",
                      f"Attendees: {', '.join(sname(x) for x in ours)} (TRHP); {', '.join(sname(x) + ' (' + vendor.split()[0] + ')' for x in vend)}", "",
                      "Open items:",
                      f"- SFTP key rotation: new key fingerprint SHA256:{r.hexs(20)}… uploaded; cutover {due(r)}.",
                      f"- File volume: {r.ri(20, 90)}k records/wk, up {r.ri(3, 20)}% (open enrollment).",
                      f"- Their support line for P1: 1-888-{r.ri(200, 899)}-{r.ri(1000, 9999)} (24x7). Account manager {sname(vend[0])}, {dcon(vend[0].email)}, cell {dcon(r.ph_(vend[0].cell))}.",
                      f"- SOC 2 Type II report received, {sname(ours[2])} reviewing.", "",
                      "Actions:",
                      f"* {sname(ours[0])} — send updated file spec v{r.ri(2, 5)}.{r.ri(0, 9)} by {due(r)}",
                      f"* {sname(vend[1])} — confirm retention (purge after {r.c(['30', '60', '90'])} days)"])


@tpl("meeting_notes")
def mtg_cab(r):
    st = r.c(["wiki", "md"])
    chair = r.staff()
    chg = []
    for i in range(r.ri(4, 6)):
        who = r.staff()
        win = r.now + dt.timedelta(days=r.ri(1, 7))
        chg.append([f"CHG{r.digits(7)}", r.c(["Mirth 4.5.2 upgrade (ie-prod-1/2)", "Postgres 15.7 minor on pg-elig-prd", "F5 cert renewal portal.tririverhealth.com",
                                             "Kafka broker rolling restart", "834 loader v3.8.0", "Windows patching - DC/file servers", "Firewall rule: vendor SFTP 203.0.113.0/24"]),
                    f"{fdate(win, 'usn')} {r.c(['22:00-02:00', '21:00-23:00', '05:00-06:00'])}", r.c(["Normal", "Standard", "Emergency"]), sname(who), r.c(["Approved", "Approved", "Deferred", "Need backout plan"])])
    return "\n".join([heading(st, 2, f"CAB — {fdate(r.now, 'mon')}"), f"Chair: {sname(chair)}. Quorum yes.", "",
                      table(st, ["Change", "Summary", "Window", "Type", "Owner", "Decision"], chg), "",
                      f"Freeze: {fdate(dt.date(r.now.year, 12, 15), 'mon')} – {fdate(dt.date(r.now.year + 1, 1, 3), 'mon')} (open enrollment / year-end).",
                      f"Next CAB {fdate(r.now + dt.timedelta(days=7), 'usn')}."])


@tpl("meeting_notes")
def mtg_um_committee(r):
    st = r.c(["wiki", "md", "plain"])
    md1, md2, rn, ph = r.staff("MD"), r.staff("MD"), r.staff("RN"), r.staff("PharmD")
    q = (r.now.month - 1) // 3 + 1
    return "\n".join([heading(st, 2, f"UM Committee — Q{q} {r.now.year}"),
                      f"Present: {sname(md1)} (CMO, chair), {sname(md2)}, {sname(rn)}, {sname(ph)}. Minutes: {sname(rn)}.", "",
                      heading(st, 3, "1. Metrics"),
                      f"* Prior auth volume {r.ri(3000, 9000):,}; approval rate {r.ri(80, 93)}.{r.ri(0, 9)}%; urgent TAT compliance {r.ri(94, 99)}%.",
                      f"* Overturn on appeal {r.ri(20, 45)}% — highest for lumbar MRI and {dmed('GLP-1')} requests.",
                      f"* Inpatient days/1000: {r.ri(180, 320)} (MA), readmit rate {r.ri(11, 17)}.{r.ri(0, 9)}%.",
                      heading(st, 3, "2. Policy changes"),
                      f"* Remove PA for {dcpt('93000')} and {dcpt('71046')} effective {fdate(dt.date(r.now.year + 1, 1, 1), 'long')}.",
                      f"* {dmed('Semaglutide')} criteria: BMI ≥ 30 or ≥ 27 with {dcond('type 2 diabetes')} ({dicd('E11.9')}); exclude members aged 90 and older from the step-therapy requirement per pharmacy review.",
                      heading(st, 3, "3. Case review"),
                      "Two de-identified cases discussed (case A, case B); no member identifiers in minutes per policy.",
                      f"Next meeting {fdate(r.now + dt.timedelta(days=91), 'long')}."])


@tpl("meeting_notes")
def mtg_data_governance(r):
    st = r.c(["md", "wiki"])
    ppl = [r.staff() for _ in range(4)]
    return "\n".join([heading(st, 2, f"Data governance council — {fdate(r.now, 'iso')}"),
                      "Attendees: " + ", ".join(sname(x) for x in ppl), "",
                      heading(st, 3, "Decisions"),
                      "1. Test data: lower environments use synthetic members only. Naming convention for test patients stays `ZZTEST^<NATO word>` "
                      "with MRNs in the T-range (T000001–T099999), DOB 1900-01-01, SSN 123-45-6789 and phones 555-0100–555-0199.",
                      "2. Safe Harbor de-identification for analytics extracts: drop the 18 identifiers, ZIP to 3 digits (000 for the 17 low-population prefixes), "
                      "dates to year, ages 90 and over collapsed to \"90+\".",
                      f"3. Screenshots in Jira/Confluence: blur before upload. PHI Guard browser extension pilot starts {due(r, 7, 30)} ({sname(ppl[1])}).",
                      "", heading(st, 3, "Actions"),
                      f"- {sname(ppl[2])}: update the Test Data standard page, due {due(r)}",
                      f"- {sname(ppl[3])}: inventory S3 buckets holding extracts, due {due(r)}"])


@tpl("meeting_notes")
def mtg_retro(r):
    st = r.c(["md", "wiki", "plain"])
    ppl = [r.staff() for _ in range(r.ri(4, 6))]
    sp = r.ri(40, 90)
    return "\n".join([heading(st, 2, f"Sprint {sp} retro"), "Facilitator: " + sname(ppl[0]) + " · " + ", ".join(sname(x) for x in ppl[1:]), "",
                      heading(st, 3, "Went well"),
                      f"* shipped the A08 PCP fix in 2 days ({r.key('INTG')})",
                      f"* {sname(ppl[1])}'s runbook for Mirth queue drains saved us on the {r.c(['Tuesday', 'Saturday'])} page",
                      heading(st, 3, "Didn't go well"),
                      f"* UAT down {r.ri(2, 4)} days (cert expired 🙃)",
                      "* too many ad-hoc data pulls for ops; need a request intake",
                      heading(st, 3, "Try"),
                      f"* WIP limit 2 per person · {sname(ppl[2])} owns the board",
                      f"* cert expiry alert at 30/14/7 days — {sname(ppl[3])}, by {due(r)}",
                      f"Mood: {r.ri(3, 4)}.{r.ri(0, 9)}/5 ({len(ppl)} votes)"])


@tpl("meeting_notes")
def mtg_interface_kickoff(r):
    st = r.c(["wiki", "plain"])
    fac, fc = r.fac()
    ours = [r.staff() for _ in range(3)]
    theirs = [r.staff() for _ in range(3)]
    for x in theirs:
        x.email = x.email.split("@")[0] + "@" + fc.lower() + r.c([".org", "health.org"])
    for x in ours:
        x.email = x.email.split("@")[0] + "@kestrelhs.com"
    inv = teams(r) if r.ch(0.6) else zoom(r)
    return "\n".join([heading(st, 2, f"{dfac(fac)} ADT/ORU interface — kickoff"), f"{fdate(r.now, 'long')}, {r.c(['10:00', '13:30', '15:00'])} ET", "", inv, "",
                      heading(st, 3, "Contacts"),
                      "\n".join(f"* {sname(x)} — {r.c(['interface analyst', 'project manager', 'network engineer', 'HIM director'])}, {dfac(fac)}, {dcon(r.ph_(x.work))}, {dcon(x.email)}" for x in theirs),
                      "\n".join(f"* {sname(x)} — Kestrel, {dcon(x.email)}" for x in ours), "",
                      heading(st, 3, "Scope"),
                      f"ADT A01/A03/A04/A08/A40 + ORU R01 (lab, rad reports) from {fc}, HL7 2.5.1 over MLLP/VPN. Their engine: {r.c(['Cloverleaf 2022', 'Rhapsody 7', 'Epic Bridges'])}.",
                      f"VPN peers: {r.ip_public()} ↔ {r.ip_public()}; test port {r.ri(6600, 6699)}, prod {r.ri(6700, 6799)}.",
                      "", heading(st, 3, "Next steps"),
                      f"- {sname(theirs[0])}: spec + 10 de-identified samples per event by {due(r)}",
                      f"- {sname(ours[0])}: channel skeleton in UAT by {due(r)}",
                      f"- Go-live target {fdate(r.now + dt.timedelta(days=r.ri(60, 120)), 'mon')}"])


@tpl("meeting_notes")
def mtg_standup_md(r):
    ppl = [r.staff() for _ in range(r.ri(4, 6))]
    items = [("✅", "done"), ("🚧", "in progress"), ("⛔", "blocked")]
    lines = [f"## Standup {fdate(r.now, 'iso')} (Claims integrations)", ""]
    for x in ppl:
        i = r.c(items)
        lines.append(f"**{sname(x)}** {i[0]} " + r.c([
            f"{r.key('CLM')} 837I loop 2300 validation — {i[1]}",
            f"paired with @{dstaff(r.c([y for y in ppl if y is not x]).handle)} on the 835 streaming writer",
            f"prod support: {r.ri(2, 9)} tickets, nothing urgent",
            f"{r.key('EDI')} waiting on clearinghouse for 277CA sample",
            f"PTO tomorrow, back {fdate(r.now + dt.timedelta(days=r.ri(2, 5)), 'usn')}"]))
    lines += ["", f"Parking lot: on-call swap next week — {sname(ppl[0])} ↔ {sname(ppl[-1])}. Bridge if needed: +1 614-{r.ri(300, 899)}-{r.ri(1000, 9999)} pin {r.digits(4)}#"]
    return "\n".join(lines)


# ======================================================================================
# oncall_directory (clean)
# ======================================================================================
def wk_ranges(r, n):
    start = r.now - dt.timedelta(days=r.now.weekday())
    return [(start + dt.timedelta(days=7 * i), start + dt.timedelta(days=7 * i + 6)) for i in range(n)]


@tpl("oncall_directory")
def oncall_wiki_rotation(r):
    team = r.c(["Integration Engine", "Eligibility & Enrollment", "Claims Platform", "Member Portal"])
    ppl = [r.staff(role="") for _ in range(r.ri(4, 6))]
    rows = []
    for (a, b), x in zip(wk_ranges(r, len(ppl)), ppl):
        rows.append([f"{fdate(a, 'usn')} – {fdate(b, 'usn')}", sname(x), dcon(r.ph_(x.cell, "dash")), dcon(x.pager) if r.ch(0.5) else "—", dcon("x" + x.ext), dcon(x.email)])
    mgr = r.staff()
    return "\n".join([f"h2. {team} — on-call rotation", f"Primary rotates Monday 09:00 ET. Escalation: secondary (next row) → {sname(mgr)} (mgr) {dcon(r.ph_(mgr.cell))}.", "",
                      table_wiki(["Week", "Primary", "Cell", "Pager", "Desk", "Email"], rows), "",
                      f"Swaps: edit this page *and* PagerDuty. Service desk: ext 4357 (HELP), after hours 1-866-{r.ri(200, 899)}-{r.ri(1000, 9999)}."])


@tpl("oncall_directory")
def oncall_md_table(r):
    ppl = [r.staff() for _ in range(r.ri(5, 7))]
    rows = [[sname(x), r.c(["DBA", "Network", "Interfaces", "App support", "Security", "Infra"]), dcon(r.ph_(x.work, "paren")), dcon(r.ph_(x.cell, "paren")), dcon(x.email)] for x in ppl]
    return "\n".join(["# IT on-call contacts (after hours)", f"_Last reviewed {fdate(r.now, 'iso')} by {sname(ppl[0])}_", "",
                      table_md(["Name", "Area", "Office", "Mobile", "Email"], rows), "",
                      "> Call mobile only after paging twice with no ack in 15 min. Data center NOC: 614-555-0142 (test line — real NOC number is in PagerDuty)."])


@tpl("oncall_directory")
def oncall_pagerduty_export(r):
    pol = r.c(["EDI-Production", "FHIR-API-Prod", "Mirth-Prod", "Portal-Prod"])
    ppl = [r.staff() for _ in range(4)]
    lines = [f"Escalation policy: {pol}   ({'P' + ''.join(r.c('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(6))})", f"Schedule: {pol} primary · Timezone: America/New_York", ""]
    for (a, b), x in zip(wk_ranges(r, 4), ppl):
        lines.append(f"{a.isoformat()}T09:00:00-05:00  →  {(b + dt.timedelta(days=1)).isoformat()}T09:00:00-05:00   {sname(x)} <{dcon(x.email)}>")
    lines += ["", "Notification rules (per user): push immediately, SMS after 2 min, phone after 5 min.", "Contact methods:"]
    for x in ppl:
        lines.append(f"  {ljust_m(sname(x), 30)} SMS {dcon(r.ph_(x.cell, 'plus'))}   Phone {dcon(r.ph_(x.cell, 'plus'))}")
    lines += ["", f"Level 2 (after 15 min): {sname(r.staff())} · Level 3 (after 30 min): IT Director bridge +1 877-{r.ri(300, 899)}-{r.ri(1000, 9999)} code {r.digits(6)}"]
    return "\n".join(lines)


@tpl("oncall_directory")
def oncall_amion_clinical(r):
    fac, fc = r.hosp()
    d = r.now
    svcs = ["Hospitalist A", "Hospitalist B", "Nocturnist", "Cardiology", "GI", "Gen Surg", "Ortho", "Psych consult", "Nephrology"]
    lines = [f"{dfac(fac)} — Call schedule {DOWL[d.weekday()]} {fdate(d, 'long')}", "(Amion export, 07:00–07:00)", ""]
    for svc in r.sample(svcs, r.ri(6, 8)):
        x = r.staff("MD")
        lines.append(f"{svc:<16} {ljust_m(dstaff('Dr. ' + x.first + ' ' + x.last), 34)}  pgr {dcon(x.pager)}   {r.c(['cell ' + dcon(r.ph_(x.cell, 'dash')), 'Vocera: ' + svc.split()[0] + ' ' + dstaff(x.last), 'via operator'])}")
    lines += ["", f"Operator: 0 or {dcon(r.ph_(r.phone('937'), 'dash'))} · House supervisor pgr {dcon(str(r.ri(1000, 9999)))} · Rapid response 5-5555"]
    return "\n".join(lines)


@tpl("oncall_directory")
def oncall_yaml(r):
    ppl = [r.staff() for _ in range(4)]
    svc = r.c(["elig-api", "claims-adjudication", "hl7-ingest", "member-portal"])
    y = [f"# oncall/{svc}.yaml — consumed by the alert router, keep in sync with PagerDuty", f"service: {svc}", "timezone: America/New_York", "rotation:",
         f"  handoff: monday 09:00", "  members:"]
    for x in ppl:
        y += [f"    - name: \"{dstaff(x.first + ' ' + x.last)}\"", f"      email: {dcon(x.email)}", f"      phone: \"{dcon(r.ph_(x.cell, 'plus'))}\"", f"      slack: \"@{dstaff(x.handle)}\""]
    y += ["escalation:", "  - after: 15m", f"    notify: [\"{dcon(ppl[0].email)}\"]", "  - after: 30m", "    notify: [\"it-director@trhp.org\"]",
          "test_contact:   # used by the synthetic page test, not a person", "  phone: \"+1-614-555-0199\"", "  email: \"oncall-test@example.com\""]
    return "\n".join(y)


@tpl("oncall_directory")
def oncall_excel_paste(r):
    ppl = [r.staff() for _ in range(r.ri(6, 9))]
    hol = r.c([("Thanksgiving", dt.date(r.now.year, 11, 26)), ("Winter holidays", dt.date(r.now.year, 12, 24)), ("July 4th", dt.date(r.now.year, 7, 3))])
    rows = []
    for i, x in enumerate(ppl):
        d = hol[1] + dt.timedelta(days=i // 2)
        rows.append("\t".join([fdate(d, "usn"), "Primary" if i % 2 == 0 else "Backup", x.first + " " + x.last, r.ph_(x.cell, "dash"), "x" + x.ext, r.c(["EDI", "Interfaces", "DBA", "Portal"])]))
    text = "Date\tRole\tName\tCell\tDesk\tTeam\n" + "\n".join(rows)
    # label staff values in the pasted grid
    for x in ppl:
        text = text.replace(x.first + " " + x.last, dstaff(x.first + " " + x.last), 1).replace(r.ph_(x.cell, "dash"), dcon(r.ph_(x.cell, "dash")), 1).replace("\tx" + x.ext + "\t", "\t" + dcon("x" + x.ext) + "\t", 1)
    return f"{hol[0]} coverage (copied from the sheet — please don't edit here, edit the sheet)\n\n" + text + f"\n\nQuestions → {sname(ppl[0])}"


@tpl("oncall_directory")
def oncall_vendor_escalation(r):
    st = r.c(["wiki", "md"])
    vendors = [("Meridian Clearinghouse", "EDI 837/835"), ("Redwood Print & Mail", "ID cards, EOBs"), ("NextGate", "EMPI"), ("InterSystems WRC", "HealthShare"),
               ("NextGen Mirth support", "Mirth Connect"), ("AWS Enterprise Support", "cloud")]
    rows = []
    for v, what in r.sample(vendors, r.ri(4, 6)):
        tam = r.staff()
        dom = re.sub(r"[^a-z]", "", v.split()[0].lower()) + ".com"
        rows.append([v, what, f"1-8{r.c(['00', '66', '77', '88'])}-{r.ri(200, 899)}-{r.ri(1000, 9999)}", f"{sname(tam)} ({dcon(tam.email.split('@')[0] + '@' + dom)})",
                     r.c(["P1 24x7", "business hours", "P1 24x7, P2 4h"]), f"CID {r.digits(7)}"])
    return "\n".join([heading(st, 2, "Vendor escalation contacts"), "Contract IDs are needed when opening a case. TAM = technical account manager.", "",
                      table(st, ["Vendor", "For", "Support line", "TAM", "SLA", "Account"], rows), "",
                      f"Internal owner for vendor contracts: {sname(r.staff())}."])


@tpl("oncall_directory")
def oncall_after_hours_clinical(r):
    rn1, rn2, md, ph = r.staff("RN"), r.staff("RN"), r.staff("MD"), r.staff("PharmD")
    return f"""After-hours clinical coverage — Utilization Management & Pharmacy
Effective {fdate(r.now, 'long')} until further notice

Urgent prior auth / inpatient notification (5 pm – 8 am, weekends):
  UM nurse line ........ 1-855-{r.ri(200, 899)}-{r.ri(1000, 9999)} (routes to on-call RN)
  On-call RNs this week: {sname(rn1)} (cell {dcon(r.ph_(rn1.cell, 'dot'))}), {sname(rn2)} (cell {dcon(r.ph_(rn2.cell, 'dot'))})
  Physician reviewer: {dstaff('Dr. ' + md.first + ' ' + md.last)} — pager {dcon(md.pager)}, {dcon(md.email)}

Pharmacy (PA overrides, emergency 72h supply):
  {sname(ph)}, PharmD — {dcon(r.ph_(ph.work))} {dcon('ext. ' + ph.ext)} / after hours via PBM help desk 1-800-{r.ri(200, 899)}-{r.ri(1000, 9999)}

Do not leave member details in voicemail. Use the secure fax 614-{r.ri(300, 899)}-{r.ri(1000, 9999)} for clinicals."""


@tpl("oncall_directory")
def oncall_plain_list(r):
    ppl = [(r.staff(), r.c(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat/Sun"])) for _ in range(r.ri(5, 7))]
    lines = [f"EDI desk coverage wk of {fdate(r.now - dt.timedelta(days=r.now.weekday()), 'usn')}", "-" * 40]
    for x, day in ppl:
        lines.append(f"{day:<8} {ljust_m(sname(x), 28)} {dcon(r.ph_(x.cell, r.c(['dash', 'dot', 'paren'])))}  {dcon('x' + x.ext)}")
    lines += ["", f"Clearinghouse outage line: 1-877-{r.ri(200, 899)}-{r.ri(1000, 9999)} opt 3", f"EDI mailbox: {dcon('edi-support@trhp.org')}",
              f"If nobody answers: {sname(r.staff())} (mgr)"]
    return "\n".join(lines)


# ======================================================================================
# release_notes (clean)
# ======================================================================================
def semver(r):
    return f"{r.ri(1, 9)}.{r.ri(0, 40)}.{r.ri(0, 12)}"


@tpl("release_notes")
def rel_platform(r):
    st = r.c(["wiki", "md"])
    v = semver(r)
    rm = r.staff()
    items = [f"{r.key('ELIG')} 834 loader accepts maintenance reason code XN",
             f"{r.key('PORTAL')} last-name search ignores diacritics and particles (van, de, O')",
             f"{r.key('CLM')} 835 writer streams per CLP; memory flat at ~600 MB for 40k-claim payees",
             f"{r.key('FHIR')} Patient Access API returns 422 with OperationOutcome for invalid birthDate",
             f"{r.key('INTG')} A08 with empty PD1 no longer clears PCP"]
    return "\n".join([heading(st, 1, f"Kestrel Payer Platform {v} — release notes"),
                      f"Release date: {fdate(r.now, 'long')} · Build {r.ri(1000, 9999)} ({r.hexs(7)}) · Release manager: {sname(rm)}", "",
                      heading(st, 2, "Fixes"), "\n".join(("* " if st == "wiki" else "- ") + x for x in r.sample(items, 4)), "",
                      heading(st, 2, "Upgrade notes"),
                      f"Flyway migrations V{r.ri(150, 190)}–V{r.ri(191, 210)} run automatically (≈{r.ri(2, 15)} min on prod-sized data).",
                      f"Deployed to UAT {fdate(r.now - dt.timedelta(days=7), 'usn')}, PROD window {fdate(r.now, 'usn')} 22:00–00:00 ET."])


@tpl("release_notes")
def rel_hotfix_servers(r):
    v = semver(r)
    hosts = [(f"elig-api-{i}.prod.trhp.internal", r.ip_private()) for i in range(1, r.ri(3, 5))]
    return "\n".join([f"HOTFIX {v}-hf{r.ri(1, 3)}  ({fdate(r.now, 'iso')})", "",
                      f"Fixes connection-pool leak introduced in {v} ({r.key('OPS')}). No schema change.", "",
                      "Rolled to:"] + [f"  {h:<34} {ip:<16} ok  {r.ts(r.now, 'hm')} ET" for h, ip in hosts] +
                     ["", f"Artifacts: registry.trhp.internal/elig-api:{v}-hf1@sha256:{r.hexs(64)}",
                      f"Rollback: `helm rollback elig-api {r.ri(40, 90)}` (previous revision).",
                      f"Approved under emergency change CHG{r.digits(7)} by {sname(r.staff())}."])


@tpl("release_notes")
def rel_security_bulletin(r):
    st = r.c(["md", "wiki"])
    cves = [("CVE-2024-38816", "spring-webmvc", "6.1.13"), ("CVE-2024-47554", "commons-io", "2.14.0"), ("CVE-2023-44487", "netty (HTTP/2 rapid reset)", "4.1.100.Final"),
            ("CVE-2024-22262", "spring-web UriComponentsBuilder", "6.1.6"), ("CVE-2025-24813", "tomcat-embed-core", "10.1.35"), ("CVE-2024-7254", "protobuf-java", "3.25.5")]
    sel = r.sample(cves, r.ri(3, 5))
    rows = [[c, lib, f"→ {fix}", r.c(["High", "Medium", "Critical"]), r.c(["fhir-gw, portal", "all Java services", "mirth plugins", "elig-api"])] for c, lib, fix in sel]
    return "\n".join([heading(st, 2, f"Security update {fdate(r.now, 'mon')} — dependency bumps"),
                      f"Scanner: {r.c(['Snyk', 'Dependabot', 'Trivy'])} run #{r.ri(1000, 9999)}. No evidence of exploitation. Owner: {sname(r.staff())}.", "",
                      table(st, ["CVE", "Component", "Fixed version", "Severity", "Affected"], rows), "",
                      f"Base images rebuilt: eclipse-temurin:21.0.{r.ri(3, 6)}_9-jre-jammy. WAF virtual patch removed after rollout.",
                      "Pen test retest scheduled with the vendor; source IPs to allow-list: 198.51.100.23, 198.51.100.24."])


@tpl("release_notes")
def rel_mirth_channels(r):
    st = r.c(["wiki", "plain"])
    fac, fc = r.fac()
    chans = [(f"{fc}_ADT_IN", f"{r.ri(3, 9)}.{r.ri(0, 9)}", "ignore unknown Z-segments; PD1 empty = no change"),
             (f"{fc}_ORU_IN", f"{r.ri(2, 6)}.{r.ri(0, 9)}", "batch mode (FHS/BHS) enabled"),
             ("ELIG_834_OUT", f"{r.ri(5, 12)}.{r.ri(0, 9)}", "retry 3x on SFTP timeout"),
             ("SIU_REMINDERS", f"{r.ri(1, 4)}.{r.ri(0, 9)}", "default TZ America/New_York when SCH-11 has no offset")]
    lines = [heading(st, 2, f"Interface engine release {r.now.strftime('%Y.%m')}.{r.ri(1, 4)}"),
             f"Mirth Connect 4.5.{r.ri(0, 2)} · deployed {fdate(r.now, 'usn')} by {sname(r.staff())}", ""]
    lines += [f"* {c} v{v} — {d}" for c, v, d in chans]
    lines += ["", f"Smoke test: sent the standard {dtest('ZZTEST^ALPHA')} sample set (T-range MRNs) through each channel, ACK AA for all {r.ri(20, 40)}.",
              f"Ports unchanged (6661–6670). Engine hosts ie-prod-1 ({r.ip_private()}), ie-prod-2 ({r.ip_private()})."]
    return "\n".join(lines)


@tpl("release_notes")
def rel_fhir_api_changelog(r):
    v = f"{r.ri(2, 4)}.{r.ri(0, 20)}.0"
    return "\n".join([f"## Patient Access API {v} ({r.now.isoformat()})", "",
                      "### Added", "- `GET /Coverage?patient=Patient/{id}` now returns `Coverage.class` (group, plan).",
                      "- `ExplanationOfBenefit` supports `_lastUpdated` and `service-date` search parameters.",
                      "", "### Changed",
                      "- Invalid `birthDate` values from source systems are now returned with a `data-absent-reason` extension instead of failing the whole Bundle.",
                      f"- Example in the docs switched to the spec example patient `Patient/example` ({dtest('Peter Chalmers')}); the old sandbox member is retired.",
                      "", "### Fixed", f"- EOB item adjudication amounts used a hard-coded 70% coinsurance ({r.key('CLM')}).",
                      "", f"Sandbox: https://sandbox.api.tririverhealth.com/fhir/r4 · token TTL 3600 s · rate limit {r.c(['50', '100'])} req/s per client."])


@tpl("release_notes")
def rel_mobile_app(r):
    v = f"{r.ri(3, 6)}.{r.ri(0, 30)}"
    b = r.ri(300, 900)
    return "\n".join([f"Tri-River Member app {v} (build {b})", f"iOS: App Store review submitted {fdate(r.now - dt.timedelta(days=3), 'mon')}, live {fdate(r.now, 'mon')}",
                      f"Android: staged rollout 10% → 50% → 100% ending {fdate(r.now + dt.timedelta(days=5), 'mon')}", "",
                      "What's new",
                      "• Digital ID card works offline and in Apple/Google Wallet",
                      "• Find care: filter by language spoken",
                      "• Fixed: claims list showed the wrong year for December services", "",
                      f"Crash-free sessions {v}: {r.ri(993, 999) / 10}% (7-day). Min OS: iOS 16, Android 9.",
                      f"Known issue: {r.key('PORTAL')} biometric login prompt loops on some Pixel 6 devices."])


@tpl("release_notes")
def rel_claims_edits(r):
    st = r.c(["wiki", "md"])
    eff = dt.date(r.now.year + (1 if r.now.month > 9 else 0), r.c([1, 4, 7, 10]), 1)
    rows = [[f"E{r.ri(100, 999)}", dcpt(c), d, r.c(["deny CO-97", "pend for review", "deny CO-236"]), fdate(eff, "usn")] for c, d in r.sample(CPT, 4)]
    return "\n".join([heading(st, 2, f"Claims engine quarterly release — edits effective {fdate(eff, 'long')}"),
                      f"NCCI PTP table {eff.year}Q{(eff.month - 1) // 3 + 1} loaded ({r.ri(1, 4)},{r.ri(100, 999)},{r.ri(100, 999)} pairs). MUE table updated.", "",
                      table(st, ["Edit", "Code", "Description", "Action", "Effective"], rows), "",
                      f"ICD-10-CM {eff.year + (1 if eff.month >= 10 else 0)} code set: {r.ri(200, 400)} additions, e.g. new codes under {dicd('E11.6')} and {dicd('I50.8')}.",
                      f"Regression: {r.ri(10, 40)}k historical claims re-adjudicated in test; {r.ri(0, 30)} outcome changes, all expected."])


@tpl("release_notes")
def rel_dwh(r):
    st = r.c(["md", "plain"])
    return "\n".join([heading(st, 2, f"Data warehouse release {r.now.strftime('%Y.%m.%d')}"),
                      f"dbt run {r.uuid()} · {r.ri(300, 700)} models · {r.ri(15, 60)} min", "",
                      "Changes:",
                      f"- `mart.member_month`: added `lis_level`, backfilled to 2023-01 ({r.ri(10, 40)},{r.ri(100, 999)},{r.ri(100, 999)} rows)",
                      "- `mart.claim_line`: `allowed_amt` now net of COB",
                      "- `analytics.deid_member`: Safe Harbor view — ZIP3, birth year only, ages ≥ 90 as '90+'",
                      "", "Row counts after load:",
                      "\n".join(f"  {t:<28}{r.ri(10000, 90000000):>12,}" for t in ["mart.member_month", "mart.claim_header", "mart.claim_line", "mart.rx_claim", "analytics.deid_member"]),
                      "", f"Access: request through the data access form; {sname(r.staff())} approves analytics roles."])


@tpl("release_notes")
def rel_changelog_md(r):
    maj, mn = r.ri(1, 3), r.ri(0, 15)
    out = ["# Changelog", "", "All notable changes to `hl7-pid-normalizer` are documented here. Format: Keep a Changelog, SemVer.", ""]
    d = r.now
    for i in range(3):
        out += [f"## [{maj}.{mn - i if mn - i >= 0 else 0}.{r.ri(0, 5)}] - {d.isoformat()}",
                r.c(["### Fixed\n- PID-19 output keeps dashes (`123-45-6789` in, `123-45-6789` out).",
                     "### Added\n- Support for XTN area code/local number split (PID-13.6 / 13.7).",
                     "### Changed\n- Names are normalized to NFC; particles (`van`, `de la`, `O'`) kept in family name.",
                     "### Security\n- Bump jackson-databind to 2.17.2."]), ""]
        d = d - dt.timedelta(days=r.ri(14, 60))
    out.append(f"[{maj}.{mn}.0]: https://bitbucket.kestrelhs.com/projects/INT/repos/hl7-pid-normalizer/compare/diff?targetBranch=refs/tags/v{maj}.{mn}.0")
    return "\n".join(out)


# ======================================================================================
# validator_diff (clean)
# ======================================================================================
def diff_wrap(r, path, body_lines, title):
    dev, rev = r.staff(), r.staff()
    hdr = (f"Pull request #{r.ri(100, 2000)}: {title}\n{sname(dev)} → develop · reviewers: {sname(rev)}\n\n"
           f"diff --git a/{path} b/{path}\nindex {r.hexs(7)}..{r.hexs(7)} 100644\n--- a/{path}\n+++ b/{path}\n")
    return hdr + "\n".join(body_lines), dev, rev


@tpl("validator_diff")
def val_ssn_java(r):
    bad = [f"000-{r.ri(10, 99)}-{r.ri(1000, 9999)}", f"666-{r.ri(10, 99)}-{r.ri(1000, 9999)}", f"9{r.ri(10, 99)}-{r.ri(10, 99)}-{r.ri(1000, 9999)}",
           f"{r.ri(100, 599)}-00-{r.ri(1000, 9999)}", f"{r.ri(100, 599)}-{r.ri(10, 99)}-0000"]
    body = [f"@@ -{r.ri(10, 40)},9 +{r.ri(10, 40)},24 @@ class SsnValidatorTest {{",
            "     @Test",
            "     void acceptsDocumentedExample() {",
            "-        assertTrue(SsnValidator.isValid(\"123456789\"));",
            "+        // 123-45-6789 is the SSA advertising example; we accept the shape but flag it",
            "+        assertEquals(SsnCheck.EXAMPLE, SsnValidator.check(\"123-45-6789\"));",
            "     }",
            "+",
            "+    @ParameterizedTest",
            "+    @ValueSource(strings = {" + ", ".join(f'"{b}"' for b in bad) + "})",
            "+    void rejectsNeverIssuedRanges(String ssn) {",
            "+        assertEquals(SsnCheck.INVALID_RANGE, SsnValidator.check(ssn));",
            "+    }",
            "+",
            "+    @Test",
            "+    void rejectsShortAndLetters() {",
            "+        assertEquals(SsnCheck.MALFORMED, SsnValidator.check(\"12-345-678\"));",
            "+        assertEquals(SsnCheck.MALFORMED, SsnValidator.check(\"ABC-DE-FGHI\"));",
            "+    }"]
    d, dev, rev = diff_wrap(r, "common/src/test/java/com/kestrel/common/id/SsnValidatorTest.java", body, "SSN validator: reject never-issued ranges")
    return d + f"\n\n{sname(rev)}: 👍 — please also keep 9xx rejected even though ITINs start with 9; ITIN has its own validator."


@tpl("validator_diff")
def val_npi_python(r):
    bad = ["1234567890", "0000000000", "123456789", "2" + "".join(str(r.ri(0, 9)) for _ in range(8)) + "X"]
    body = ["@@ -1,12 +1,31 @@",
            "-import re",
            "+import re",
            "+",
            "+def _luhn_ok(digits: str) -> bool:",
            "+    total = 0",
            "+    for i, ch in enumerate(reversed(digits)):",
            "+        d = int(ch)",
            "+        if i % 2 == 1:",
            "+            d = d * 2 - 9 if d > 4 else d * 2",
            "+        total += d",
            "+    return total % 10 == 0",
            " ",
            " def is_valid_npi(npi: str) -> bool:",
            "-    return bool(re.fullmatch(r\"\\d{10}\", npi))",
            "+    if not re.fullmatch(r\"[12]\\d{9}\", npi):",
            "+        return False",
            "+    return _luhn_ok(\"80840\" + npi)",
            "@@ -30,6 +49,14 @@ def test_shape():",
            "+def test_cms_documented_example():",
            "+    assert is_valid_npi(\"1234567893\")  # example from the CMS NPI check-digit doc",
            "+",
            "+@pytest.mark.parametrize(\"npi\", [" + ", ".join(f'"{b}"' for b in bad) + "])",
            "+def test_rejects(npi):",
            "+    assert not is_valid_npi(npi)"]
    d, dev, rev = diff_wrap(r, "provider_dir/validators/npi.py", body, "NPI: check digit (Luhn with 80840 prefix)")
    return d + f"\n\nCI: {r.ri(40, 200)} passed in {r.ri(1, 9)}.{r.ri(10, 99)}s"


@tpl("validator_diff")
def val_mbi_ts(r):
    body = ["@@ -3,7 +3,16 @@",
            "-const MBI = /^[0-9A-Z]{11}$/;",
            "+// CMS MBI format: C A AN N A AN N A A N N, letters exclude S L O I B Z",
            "+const A = '[AC-HJKMNP-RT-Y]';",
            "+const AN = '[AC-HJKMNP-RT-Y0-9]';",
            "+const MBI = new RegExp(`^[1-9]${A}${AN}[0-9]${A}${AN}[0-9]${A}${A}[0-9][0-9]$`);",
            " ",
            " export function isMbi(v: string): boolean {",
            "-  return MBI.test(v);",
            "+  return MBI.test(v.replace(/-/g, '').toUpperCase());",
            " }",
            "@@ -20,4 +29,18 @@ describe('isMbi', () => {",
            "+  it('accepts the CMS example', () => {",
            "+    expect(isMbi('1EG4-TE5-MK73')).toBe(true);",
            "+    expect(isMbi('1EG4TE5MK73')).toBe(true);",
            "+  });",
            "+  it.each(['0EG4-TE5-MK73', '1SG4-TE5-MK73', '1EG4-TE5-MK7', 'IEG4-TE5-MK73', '1EG4-TB5-MK73', '1EGA-TE5-MK73'])(",
            "+    'rejects %s', (v) => expect(isMbi(v)).toBe(false));"]
    d, dev, rev = diff_wrap(r, "web/src/lib/validators/mbi.ts", body, "MBI validator follows the CMS format spec")
    return d


@tpl("validator_diff")
def val_phone_go(r):
    body = [f"@@ -{r.ri(5, 30)},10 +{r.ri(5, 30)},22 @@ func TestNormalizePhone(t *testing.T) {{",
            "     cases := []struct{ in, want string; ok bool }{",
            "-        {\"6145550100\", \"+16145550100\", true},",
            "+        {\"(614) 555-0100\", \"+16145550100\", true},",
            "+        {\"614.555.0123\", \"+16145550123\", true},",
            "+        {\"+1 937 555 0188\", \"+19375550188\", true},",
            "+        {\"1-800-555-0199\", \"+18005550199\", true},",
            "+        // invalid NANP: area code or exchange starting with 0/1, N11",
            "+        {\"123-456-7890\", \"\", false},",
            "+        {\"614-011-2233\", \"\", false},",
            "+        {\"911-555-0100\", \"\", false},",
            "+        {\"555-0100\", \"\", false}, // no area code",
            "     }"]
    d, dev, rev = diff_wrap(r, "pkg/contact/phone_test.go", body, "contact: NANP validation for member phone numbers")
    return d + f"\n\n{sname(rev)}: all fixtures are 555-01xx fictional numbers 👍"


@tpl("validator_diff")
def val_dob_kotlin(r):
    body = ["@@ -12,8 +12,26 @@ class DobValidatorTest {",
            "     private val today = LocalDate.parse(\"" + r.now.isoformat() + "\")",
            " ",
            "     @Test fun `future dates are rejected`() {",
            "-        assertFalse(DobValidator(today).isValid(today.plusDays(1)))",
            "+        assertEquals(DobResult.FUTURE, DobValidator(today).check(today.plusDays(1)))",
            "     }",
            "+    @Test fun `sentinel 1900-01-01 is treated as unknown`() {",
            "+        assertEquals(DobResult.UNKNOWN, DobValidator(today).check(LocalDate.of(1900, 1, 1)))",
            "+    }",
            "+    @Test fun `older than 120 is rejected`() {",
            "+        assertEquals(DobResult.IMPLAUSIBLE, DobValidator(today).check(today.minusYears(121)))",
            "+    }",
            "+    @Test fun `age bucket collapses 90 and over`() {",
            "+        assertEquals(\"89\", AgeBucket.of(89))",
            "+        assertEquals(\"90+\", AgeBucket.of(90))",
            "+        assertEquals(\"90+\", AgeBucket.of(104))",
            "+    }"]
    d, dev, rev = diff_wrap(r, "member-core/src/test/kotlin/com/tririver/member/DobValidatorTest.kt", body, "DOB validator: sentinel + Safe Harbor age bucket")
    return d


@tpl("validator_diff")
def val_zip_sql(r):
    body = ["@@ -1,6 +1,14 @@",
            " -- V" + str(r.ri(120, 200)) + "__zip_check.sql",
            "-ALTER TABLE elig.address ADD CONSTRAINT zip_chk CHECK (zip ~ '^[0-9]{5}$');",
            "+ALTER TABLE elig.address DROP CONSTRAINT IF EXISTS zip_chk;",
            "+ALTER TABLE elig.address ADD CONSTRAINT zip_chk",
            "+  CHECK (zip ~ '^[0-9]{5}(-?[0-9]{4})?$' AND zip NOT LIKE '00000%');",
            "+",
            "+-- test vectors (run in CI against an empty schema)",
            "+-- ok:   '43215', '43215-1234', '432151234'",
            "+-- fail: '00000', '4321', 'ABCDE', '43215-12'",
            "+INSERT INTO elig.address (address_sk, line1, zip) VALUES (-1, 'TEST ROW', '43215');",
            "+DELETE FROM elig.address WHERE address_sk = -1;"]
    d, dev, rev = diff_wrap(r, "db/migration/V" + str(r.ri(120, 200)) + "__zip_check.sql", body, "ZIP check constraint allows ZIP+4")
    return d + "\n\n(43215 is the downtown Columbus ZIP used in our test data, not a member's.)"


@tpl("validator_diff")
def val_pid_parser_csharp(r):
    tl, tf = r.c([("ZZTEST", "ALPHA"), ("ZZTEST", "BRAVO"), ("ZZZTEST", "CHARLIE")])
    mrn = "T0" + r.digits(5)
    body = [f"@@ -{r.ri(10, 40)},7 +{r.ri(10, 40)},19 @@ public class PidParserTests",
            "     [Fact]",
            "     public void ParsesNameAndPhone()",
            "     {",
            "-        var pid = \"PID|1||" + mrn + "^^^TEST^MR||" + tl + "^" + tf + "||19000101|U\";",
            "+        var pid = \"PID|1||" + mrn + "^^^TEST^MR||" + tl + "^" + tf + "^^^^^L||19000101|U|||1 TEST WAY^^ANYTOWN^OH^00000||^PRN^PH^^1^614^5550100\";",
            "         var p = PidParser.Parse(pid);",
            "-        Assert.Equal(\"" + tl + "\", p.Name.Family);",
            "+        Assert.Equal(\"" + tl + "\", p.FamilyName);",
            "+        Assert.Equal(\"" + tf + "\", p.GivenName);",
            "+        Assert.Equal(\"+16145550100\", p.HomePhoneE164);",
            "+        Assert.True(p.IsTestPatient); // ZZTEST prefix + T-range MRN",
            "     }"]
    txt = "\n".join(body)
    txt = txt.replace(f"{tl}^{tf}", dtest(f"{tl}^{tf}")).replace(f'"{tl}"', '"' + dtest(tl) + '"').replace(f'"{tf}"', '"' + dtest(tf) + '"').replace(mrn, dtest(mrn))
    d, dev, rev = diff_wrap(r, "tests/Hl7.Tests/PidParserTests.cs", [txt], "PID parser: XTN split + test-patient flag")
    return d


@tpl("validator_diff")
def val_fhir_patient_jest(r):
    body = ["@@ -1,9 +1,27 @@",
            " import { validatePatient } from '../src/validate';",
            "-import fixture from './fixtures/member.json';",
            "+// spec example patient (hl7.org/fhir/R4/patient-example.html) — public, not a member",
            "+const example = {",
            "+  resourceType: 'Patient', id: 'example',",
            f"+  name: [{{ family: '{dtest('Chalmers')}', given: ['{dtest('Peter')}', '{dtest('James')}'] }}],",
            f"+  birthDate: '{dtest('1974-12-25')}',",
            "+};",
            " ",
            " test('valid example passes', () => {",
            "-  expect(validatePatient(fixture).ok).toBe(true);",
            "+  expect(validatePatient(example).ok).toBe(true);",
            " });",
            "+",
            "+test('birthDate in the future fails', () => {",
            "+  const r = validatePatient({ ...example, birthDate: '2999-01-01' });",
            "+  expect(r.issues[0].expression).toEqual(['Patient.birthDate']);",
            "+});"]
    d, dev, rev = diff_wrap(r, "packages/fhir-validate/test/patient.test.ts", body, "replace member fixture with the spec example patient")
    return d + f"\n\n{sname(rev)}: thanks for removing member.json — confirmed it's gone from history too (BFG run, force-push coordinated)."


@tpl("validator_diff")
def val_redaction_python(r):
    body = ["@@ -8,10 +8,28 @@ from phi_mask import mask",
            " def test_masks_email():",
            "-    assert mask('contact: jane@example.com') == 'contact: ***'",
            "+    assert mask('contact: jane.doe@example.com') == 'contact: [EMAIL]'",
            "+",
            "+def test_masks_phone_variants():",
            "+    for raw in ['(614) 555-0142', '614.555.0142', '+1 614 555 0142']:",
            "+        assert mask(raw) == '[PHONE]'",
            "+",
            "+def test_keeps_ticket_keys_and_versions():",
            "+    s = 'CLM-4412 fixed in 3.14.2 build 5521 on 10.20.30.40'",
            "+    assert mask(s) == s",
            "+",
            "+def test_ssn_example_is_masked_anyway():",
            "+    assert mask('SSN 123-45-6789') == 'SSN [SSN]'"]
    body = [ln.replace("jane.doe@example.com", dtest("jane.doe@example.com")) for ln in body]
    d, dev, rev = diff_wrap(r, "tools/phi_mask/tests/test_mask.py", body, "phi_mask: phone variants, keep ticket keys")
    return d


# ======================================================================================
# clinical_rule (clean)
# ======================================================================================
def page_hdr(r, st, title):
    own = r.staff(r.c(["MD", "PharmD", "RN"]))
    return (heading(st, 1, title) + "\n" + f"Owner: {sname(own)} · Status: {r.c(['Approved', 'Draft', 'In review'])} · Version {r.ri(1, 6)}.{r.ri(0, 9)} · "
            f"Last reviewed {fdate(r.now - dt.timedelta(days=r.ri(5, 200)), 'mon')}")


@tpl("clinical_rule")
def rule_bcs(r):
    st = r.c(["wiki", "md"])
    num, den = r.ri(8000, 15000), r.ri(15001, 21000)
    return "\n".join([page_hdr(r, st, "Care gap rule: Breast Cancer Screening (BCS-E)"), "",
                      heading(st, 2, "Population"),
                      f"Women aged 52–74 as of Dec 31 of the measurement year, continuously enrolled Oct 1 two years prior through Dec 31 (one gap ≤ 45 days allowed).",
                      heading(st, 2, "Numerator"),
                      "One or more mammograms (CPT " + dcpt("77067") + ", " + dcpt("77066") + ", " + dcpt("77065") + "; LOINC " + dloinc("24604-1") + ") Oct 1 two years prior – Dec 31.",
                      heading(st, 2, "Exclusions"),
                      f"* Bilateral mastectomy ({dicd('Z90.13')}) or two unilateral mastectomies",
                      f"* Hospice or palliative care in the measurement year ({dicd('Z51.5')})",
                      f"* Members 66+ with frailty AND advanced illness; members 81+ with frailty",
                      heading(st, 2, "Example calculation"),
                      f"Denominator {den:,} − exclusions {r.ri(300, 900)} = eligible {den - 600:,}; numerator {num:,} → rate {num / (den - 600) * 100:.1f}%. "
                      f"Target (4 stars) ≥ {r.ri(72, 78)}%.",
                      f"Gap list refresh: weekly, Sunday 02:00 ET, from claims + HIE (LOINC results)."])


@tpl("clinical_rule")
def rule_statin_diabetes(r):
    st = r.c(["wiki", "md", "plain"])
    return "\n".join([page_hdr(r, st, "CDS: Statin therapy for patients with diabetes (SPD)"), "",
                      heading(st, 2, "Trigger"), f"Office visit, patient aged 40–75, active {dcond('diabetes mellitus')} ({dicd('E10.*')}, {dicd('E11.*')}, {dicd('E13.*')}), "
                      f"no active statin order in the last 180 days.",
                      heading(st, 2, "Statin RxNorm ingredients"),
                      f"{dmed('atorvastatin')} ({drx('83367')}), {dmed('rosuvastatin')} ({drx('301542')}), {dmed('simvastatin')} ({drx('36567')}), {dmed('pravastatin')} ({drx('42463')})",
                      heading(st, 2, "Exclusions"),
                      f"{dcond('ESRD')} ({dicd('N18.6')}), {dcond('cirrhosis')} ({dicd('K74.60')}), pregnancy, {dcond('rhabdomyolysis')} history, documented statin intolerance ({dicd('Z78.9')} + free-text), "
                      "hospice, patients aged 76 and older.",
                      heading(st, 2, "Card text"),
                      f"\"Patient with diabetes, age 40–75, not on a statin. Consider moderate-intensity statin (e.g. {dmed('atorvastatin 10–20 mg')}).\" Actions: order set | not indicated (reason) | snooze 90 d.",
                      f"Override rate last quarter: {r.ri(30, 60)}% (most common reason: patient declined)."])


@tpl("clinical_rule")
def rule_a1c_threshold(r):
    st = r.c(["md", "wiki"])
    return "\n".join([page_hdr(r, st, "Rule: HbA1c poor control (> 9.0%) — outreach trigger"), "",
                      f"Source result: LOINC {dloinc('4548-4')} (HbA1c), {dloinc('17856-6')} (HbA1c by HPLC), {dloinc('4549-2')}.",
                      "Logic: most recent result in the measurement year; if none, member counts as > 9.0 (HEDIS convention).",
                      "", table(st, ["Most recent A1c", "Tier", "Action"], [["< 7.0%", "controlled", "none"], ["7.0–8.9%", "watch", "PCP letter"],
                                                                        ["≥ 9.0% or missing", "high", "RN outreach within 14 days"], ["≥ 12.0%", "urgent", "RN call within 3 days + PCP fax"]]),
                      "", heading(st, 3, "Worked example (synthetic)"),
                      "Results 7.8% (Feb), 9.4% (Jun), 8.6% (Oct) → most recent = 8.6% → tier *watch*. A member with no result in the year → tier *high*.",
                      f"Population: members aged 18–75 with {dcond('diabetes')}, excluding hospice and members aged 66+ in LTC."])


@tpl("clinical_rule")
def rule_fall_risk(r):
    st = r.c(["wiki", "plain"])
    return "\n".join([page_hdr(r, st, "Fall risk screening (STEADI) — annual wellness visit rule"), "",
                      heading(st, 2, "Who"), "Members aged 65 and older at the AWV (HCPCS " + dcpt("G0438") + "/" + dcpt("G0439") + ").",
                      "Members aged 90 and older: skip the 30-second chair stand (use TUG only) and always route a positive screen to PT.",
                      heading(st, 2, "Screen positive if any"),
                      "* fell in the past year\n* feels unsteady\n* worries about falling\n* TUG ≥ 12 s",
                      heading(st, 2, "Codes for reporting"),
                      f"{dicd('Z91.81')} history of falling · {dicd('R26.81')} unsteadiness on feet · {dicd('W19.XXXA')} unspecified fall",
                      heading(st, 2, "Medication review flags"),
                      f"{dmed('benzodiazepines')}, {dmed('zolpidem')}, {dmed('opioids')}, {dmed('anticholinergics')} (Beers), ≥ 2 antihypertensives with orthostasis.",
                      f"Metric: {r.ri(55, 80)}% of eligible AWVs had a documented screen last quarter ({r.ri(2000, 6000):,} visits)."])


@tpl("clinical_rule")
def rule_sepsis_alert(r):
    st = r.c(["md", "wiki"])
    return "\n".join([page_hdr(r, st, "Inpatient sepsis alert (SIRS + lactate) — v3 criteria"), "",
                      "Fires when, within a rolling 6 h window:",
                      "1. ≥ 2 SIRS: T > 38.3 °C or < 36 °C; HR > 90; RR > 20; WBC > 12 or < 4 ×10⁹/L (LOINC " + dloinc("6690-2") + ")",
                      "2. AND suspected infection: blood culture ordered or IV antibiotic started",
                      "3. AND organ dysfunction: lactate > 2 mmol/L (LOINC " + dloinc("2524-7") + "/" + dloinc("32693-4") + "), SBP < 90, creatinine > 2.0, platelets < 100",
                      "", "Suppress: comfort care orders, alert fired in last 24 h, patients < 18.",
                      f"Bundle: lactate, cultures before {dmed('antibiotics')}, 30 mL/kg crystalloid if hypotensive or lactate ≥ 4.",
                      "", heading(st, 3, "Performance (last 90 days)"),
                      f"Alerts {r.ri(900, 2500):,}; PPV {r.ri(18, 35)}%; sensitivity {r.ri(70, 88)}% vs {dicd('A41.9')}/{dicd('R65.20')}/{dicd('R65.21')} discharge coding.",
                      f"Median time alert→antibiotic {r.ri(40, 120)} min."])


@tpl("clinical_rule")
def rule_ddi_table(r):
    st = r.c(["wiki", "md"])
    rows = [[dmed("warfarin") + " + " + dmed("trimethoprim-sulfamethoxazole"), drx("11289") + " / " + drx("10831"), "major", "↑ INR; check INR in 3–5 days or use alternative"],
            [dmed("simvastatin") + " > 20 mg + " + dmed("amlodipine"), drx("36567") + " / " + drx("17767"), "moderate", "cap simvastatin 20 mg"],
            [dmed("clopidogrel") + " + " + dmed("omeprazole"), drx("32968") + " / " + drx("7646"), "moderate", "prefer pantoprazole"],
            [dmed("sildenafil") + " + " + dmed("nitroglycerin"), drx("136411") + " / " + drx("4917"), "contraindicated", "hard stop"],
            [dmed("lisinopril") + " + " + dmed("spironolactone"), drx("29046") + " / " + drx("9997"), "moderate", "K+ within 1 week; avoid if eGFR < 30"]]
    sel = r.sample(rows, r.ri(4, 5))
    return "\n".join([page_hdr(r, st, "Drug–drug interaction rules (pharmacy claims, real-time)"), "",
                      "Evaluated at point of sale against the member's last 120 days of paid pharmacy claims. Severity drives the reject code (NCPDP 88 / DUR).", "",
                      table(st, ["Pair", "RxNorm", "Severity", "Action"], sel), "",
                      f"Override codes accepted: M0/1G/1B. Monthly review by P&T ({sname(r.staff('PharmD'))}). Members aged 65+ also get Beers-list screening."])


@tpl("clinical_rule")
def rule_pa_imaging(r):
    st = r.c(["md", "plain", "wiki"])
    return "\n".join([page_hdr(r, st, "Prior auth criteria — MRI lumbar spine (CPT 72148/72149/72158)"), "",
                      f"Codes: {dcpt('72148')} w/o contrast · {dcpt('72149')} with · {dcpt('72158')} w/o & with.",
                      heading(st, 2, "Approve without clinical review if any red flag"),
                      f"* suspected {dcond('cauda equina syndrome')} ({dicd('G83.4')})\n* {dcond('cancer')} history with new back pain\n* fever + IV drug use\n* progressive motor deficit",
                      heading(st, 2, "Otherwise"),
                      f"≥ 6 weeks of conservative therapy (PT, {dmed('NSAIDs')}) documented, and pain limiting function. Age > 50 with new pain lowers the bar to 4 weeks.",
                      heading(st, 2, "Not criteria"),
                      "Imaging requested only because the member asks, or for chronic pain without change.",
                      f"Turnaround: urgent 72 h / standard 7 calendar days. Approval rate YTD {r.ri(70, 85)}%."])


@tpl("clinical_rule")
def rule_lace_index(r):
    st = r.c(["wiki", "md"])
    return "\n".join([page_hdr(r, st, "Readmission risk — LACE index (discharge planning)"), "",
                      table(st, ["Component", "Scoring"], [["L — length of stay (days)", "<1:0, 1:1, 2:2, 3:3, 4–6:4, 7–13:5, ≥14:7"],
                                                            ["A — acute (emergent) admission", "yes: 3"],
                                                            ["C — Charlson comorbidity index", "0:0, 1:1, 2:2, 3:3, ≥4:5"],
                                                            ["E — ED visits in prior 6 months", "0:0, 1:1, 2:2, 3:3, ≥4:4"]]), "",
                      "Score ≥ 10 = high risk → TCM call within 2 business days + PCP visit within 7 days.", "",
                      heading(st, 3, "Example (no real patient)"),
                      f"LOS 5 days (4) + emergent (3) + Charlson 2 ({dcond('CHF')}, {dcond('COPD')}) (2) + 1 ED visit (1) = *10* → high risk.",
                      f"Validation on {r.now.year - 1} discharges: c-statistic {r.ri(66, 72) / 100:.2f}; 30-day readmit {r.ri(18, 26)}% in high vs {r.ri(5, 9)}% in low tier."])


@tpl("clinical_rule")
def rule_cql_crc(r):
    cql = "\n".join([
        "library ColorectalCancerScreening version '" + f"{r.ri(10, 14)}.{r.ri(0, 3)}.000" + "'",
        "using FHIR version '4.0.1'",
        "include FHIRHelpers version '4.0.1'",
        "valueset \"Colonoscopy\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.108.12.1020'",
        "valueset \"Fecal Occult Blood Test (FOBT)\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1011'",
        "valueset \"sDNA FIT Test\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.108.12.1039'",
        "parameter \"Measurement Period\" Interval<DateTime>",
        "context Patient",
        "define \"Initial Population\":",
        "  AgeInYearsAt(date from end of \"Measurement Period\") in Interval[46, 75]",
        "define \"Colonoscopy Performed\":",
        "  [Procedure: \"Colonoscopy\"] C where C.status = 'completed'",
        "    and C.performed ends 10 years or less on or before end of \"Measurement Period\"",
        "define \"FIT DNA Performed\":",
        "  [Observation: \"sDNA FIT Test\"] S where S.value is not null",
        "    and S.effective ends 3 years or less on or before end of \"Measurement Period\"",
    ])
    st = r.c(["md", "wiki"])
    return "\n".join([page_hdr(r, st, "CQL: Colorectal cancer screening (CMS130) — our fork"), "",
                      "We run the eCQM logic against the FHIR store nightly. Changes from upstream: none except the library version string.", "",
                      codeblock(st, cql, "sql" if st == "wiki" else ""), "",
                      f"Test deck: {r.ri(40, 80)} synthetic patients (ZZTEST-CRC-01 … ), expected results in `crc_expected.csv`. Last run {fdate(r.now, 'iso')}: all pass."])


# ======================================================================================
# rendering, validation, generation, --check, --stats
# ======================================================================================
def _isal(ch):
    return ch.isalnum()


def render(marked):
    """Strip markers; return (text, spans) with character offsets; auto-label repeated dont_care values."""
    out, spans, pos, last = [], [], 0, 0
    for m in _MARK_RE.finditer(marked):
        chunk = marked[last:m.start()]
        out.append(chunk)
        pos += len(chunk)
        val = m.group(3)
        label = "phi" if m.group(1) == _PHI else "dont_care"
        if val:
            # trim whitespace inside a span
            lead = len(val) - len(val.lstrip())
            core = val.strip()
            if core:
                spans.append([pos + lead, pos + lead + len(core), label, m.group(2)])
        out.append(val)
        pos += len(val)
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    assert _PHI not in text and _DC not in text and _SEP not in text and _END not in text, "stray marker"
    spans.sort()
    # auto-label further occurrences of dont_care values (and staff-name tokens)
    taken = [(s, e) for s, e, _, _ in spans]
    extra = []
    seen = set()
    for s, e, lab, kind in spans:
        if lab != "dont_care" or kind in ("test_patient", "internal_id", "event_date", "message_time", "group_number", "order_number"):
            continue
        vals = [text[s:e]]
        if kind == "staff_name":
            vals += [t for t in re.findall(r"[^\W\d_][^\W\d_'\-]+", text[s:e]) if len(t) >= 3 and t[0].isupper()
                     and t not in ("MD", "RN", "NP", "DO", "PA", "MSN", "CCM", "LPN", "PharmD")]
        for v in vals:
            if len(v) < 4 or (v, kind) in seen:
                continue
            seen.add((v, kind))
            for m in re.finditer(re.escape(v), text):
                a, b = m.start(), m.end()
                if a > 0 and _isal(text[a - 1]) and _isal(text[a]):
                    continue
                if b < len(text) and _isal(text[b]) and _isal(text[b - 1]):
                    continue
                if any(a < e2 and s2 < b for s2, e2 in taken):
                    continue
                taken.append((a, b))
                extra.append([a, b, "dont_care", kind])
    spans = sorted(spans + extra)
    return text, spans


def _occurrences(text, v):
    for m in re.finditer(re.escape(v), text):
        a, b = m.start(), m.end()
        if a > 0 and _isal(text[a - 1]) and _isal(text[a]):
            continue
        if b < len(text) and _isal(text[b]) and _isal(text[b - 1]):
            continue
        yield a, b


NAME_STOP = {"the", "and", "van", "von", "der", "den", "dos", "das", "del", "dela", "los", "las"}


def validate(text, spans, phi_doc):
    """spans: [start, end, label, kind] in character offsets.  Returns a list of problems."""
    errs = []
    prev_end = -1
    for s, e, lab, kind in spans:
        if not (0 <= s < e <= len(text)):
            errs.append(f"span out of range {s}-{e}")
            continue
        if s < prev_end:
            errs.append(f"overlap/unsorted at {s}")
        prev_end = e
        if s > 0 and _isal(text[s - 1]) and _isal(text[s]):
            errs.append(f"span cuts token at start {s} {text[max(0, s - 5):e]!r}")
        if e < len(text) and _isal(text[e]) and _isal(text[e - 1]):
            errs.append(f"span cuts token at end {e} {text[s:e + 5]!r}")
        if text[s:e] != text[s:e].strip():
            errs.append(f"span has outer whitespace {text[s:e]!r}")
        if lab not in ("phi", "dont_care"):
            errs.append(f"bad label {lab}")
        if lab == "phi" and kind not in CONTRACT_KINDS:
            errs.append(f"bad phi kind {kind}")
        if lab == "phi" and not phi_doc:
            errs.append(f"phi span in clean doc {text[s:e]!r}")
        if lab == "phi" and kind == "ssn" and not ssn_valid(text[s:e]):
            errs.append(f"invalid ssn labelled {text[s:e]}")
        if lab == "phi" and kind == "medicare_mbi" and not MBI_RE.match(text[s:e].replace("-", "")):
            errs.append(f"invalid mbi labelled {text[s:e]}")
        if lab == "phi" and kind == "credit_card" and not luhn_ok(text[s:e]):
            errs.append(f"non-Luhn card labelled {text[s:e]}")
        if lab == "phi" and kind == "phone" and re.search(r"555\D?01\d\d$", text[s:e]):
            errs.append(f"fictional 555-01xx labelled as phone {text[s:e]}")
    if phi_doc and not any(lab == "phi" for _, _, lab, _ in spans):
        errs.append("phi doc without phi span")
    phi_sp = [(s, e) for s, e, lab, _ in spans if lab == "phi"]

    def covered(a, b):
        return any(s <= a and b <= e for s, e in phi_sp)

    checked = set()
    for s, e, lab, kind in spans:
        if lab != "phi":
            continue
        v = text[s:e]
        vals = [v]
        if kind == "person_name":
            vals += [t for t in re.findall(r"[^\W\d_]+", v) if len(t) >= 3 and t.lower() not in NAME_STOP]
        for x in vals:
            if x in checked:
                continue
            checked.add(x)
            for a, b in _occurrences(text, x):
                if not covered(a, b):
                    errs.append(f"PHI value {x!r} also occurs unlabelled at {a}: {text[max(0, a - 30):b + 10]!r}")
                    break
    if not phi_doc:
        for m in re.finditer(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text):
            if ssn_valid(m.group()) and not any(s <= m.start() < e for s, e, _, _ in spans):
                errs.append(f"clean doc holds valid-range SSN {m.group()}")
        for m in re.finditer(r"(?<!\d)(?:\d[ -]?){15,16}(?!\d)", text):
            dg = re.sub(r"\D", "", m.group())
            if len(dg) == 16 and dg[0] in "3456" and luhn_ok(dg):
                errs.append(f"clean doc holds Luhn-valid card-like number {m.group()}")
    return errs


def to_bytes(text, spans):
    b = [0]
    for ch in text:
        b.append(b[-1] + len(ch.encode("utf-8")))
    return [{"start": b[s], "end": b[e], "label": lab, "kind": kind} for s, e, lab, kind in spans]


def generate():
    docs = []
    cultures = Counter()
    for family, n, phi in FAMILIES:
        tpls = TEMPLATES[family]
        for i in range(n):
            fn = tpls[i % len(tpls)]
            for attempt in range(60):
                ctx = Ctx(f"{SEED}:{family}:{i}:{attempt}")
                try:
                    marked = fn(ctx)
                except RuntimeError:
                    continue
                text, spans = render(marked)
                errs = validate(text, spans, phi)
                if not errs:
                    break
            else:
                raise SystemExit(f"{family}-{i} ({fn.__name__}) keeps failing: {errs[:3]}")
            cultures.update(set(ctx.cultures))
            docs.append({"id": f"{family}-{i + 1:04d}", "family": family, "phi": phi, "variant": fn.__name__,
                         "text": text, "spans": to_bytes(text, spans)})
    return docs, cultures


def check(path):
    errs = []
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(ln) for ln in fh if ln.strip()]
    want = {f: (n, phi) for f, n, phi in FAMILIES}
    fam = Counter(d["family"] for d in docs)
    for f, (n, phi) in want.items():
        if fam[f] != n:
            errs.append(f"family {f}: {fam[f]} docs, want {n}")
    if set(fam) - set(want):
        errs.append(f"unknown families {set(fam) - set(want)}")
    nphi = sum(d["phi"] for d in docs)
    if len(docs) != 240 or nphi != 120:
        errs.append(f"{len(docs)} docs, {nphi} phi; want 240 / 120")
    ids = Counter(d["id"] for d in docs)
    errs += [f"duplicate id {k}" for k, v in ids.items() if v > 1]
    var = Counter(d["variant"] for d in docs)
    errs += [f"variant {k} used {v} times (> 3)" for k, v in var.items() if v > 3]
    if len(var) < 110:
        errs.append(f"only {len(var)} templates")
    for d in docs:
        if not re.fullmatch(re.escape(d["family"]) + r"-\d{4}", d["id"]):
            errs.append(f"bad id {d['id']}")
        if d["phi"] != want.get(d["family"], (0, None))[1]:
            errs.append(f"{d['id']}: phi flag does not match family")
        text = d["text"]
        tb = text.encode("utf-8")
        b2c = {}
        ci = 0
        for ci_, ch in enumerate(text):
            b2c[ci] = ci_
            ci += len(ch.encode("utf-8"))
        b2c[ci] = len(text)
        spans = []
        prev = -1
        for sp in d["spans"]:
            s, e = sp["start"], sp["end"]
            if not (0 <= s < e <= len(tb)) or s not in b2c or e not in b2c:
                errs.append(f"{d['id']}: span {s}-{e} out of range or inside a UTF-8 sequence")
                continue
            if s < prev:
                errs.append(f"{d['id']}: spans unsorted or overlapping at {s}")
            prev = e
            spans.append([b2c[s], b2c[e], sp["label"], sp["kind"]])
        errs += [f"{d['id']}: {x}" for x in validate(text, spans, d["phi"])]
    return docs, errs


def stats(docs, cultures):
    fam_t = defaultdict(set)
    for d in docs:
        fam_t[d["family"]].add(d["variant"])
    print("templates per family:")
    tot = 0
    for f, _, phi in FAMILIES:
        print(f"  {f:18s} {'PHI  ' if phi else 'clean'} {len(fam_t[f]):3d}")
        tot += len(fam_t[f])
    print(f"  total {tot} templates ({sum(len(fam_t[f]) for f, _, p in FAMILIES if p)} PHI, "
          f"{sum(len(fam_t[f]) for f, _, p in FAMILIES if not p)} clean)")
    print(f"name cultures used: {len(cultures)} of {len(CULTURES)} defined")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(cultures.items(), key=lambda x: -x[1])))
    shares = []
    for d in docs:
        if d["phi"]:
            n = len(d["text"].encode("utf-8"))
            shares.append(sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi") / n)
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.2f}")
    kinds = Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "phi")
    print("phi spans by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    dck = Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "dont_care")
    print("dont_care spans by kind: " + ", ".join(f"{k} {v}" for k, v in dck.most_common()))
    lens = [len(d["text"].encode("utf-8")) for d in docs]
    print(f"doc bytes: min {min(lens)}, median {int(statistics.median(lens))}, max {max(lens)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-verify fresh20.jsonl")
    ap.add_argument("--stats", action="store_true", help="print templates per family, cultures, PHI share")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    if a.check:
        docs, errs = check(a.out)
        for e in errs[:200]:
            print(e)
        print(f"{len(docs)} docs checked, {len(errs)} problem(s)")
        sys.exit(1 if errs else 0)
    docs, cultures = generate()
    if a.stats:
        stats(docs, cultures)
        return
    with open(a.out, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} docs to {a.out}")


if __name__ == "__main__":
    main()
