#!/usr/bin/env python3
"""Seventh independent synthetic PHI corpus for PHI Guard (fresh6.jsonl).

Standard library only, deterministic (seed "fresh6/2026-12-05"). Every value is
made up: names come from hand-written per-culture lists below, numbers from the
seeded generator. Written from tests/corpus/README.md and CONTRACTS.md section 1
alone, without sight of the detector, its tests or the other generators.

Usage (from the repository root):
  python3 tests/corpus/generate_fresh6.py           # write tests/corpus/fresh6.jsonl
  python3 tests/corpus/generate_fresh6.py --check   # regenerate in memory, verify file and spans
  python3 tests/corpus/generate_fresh6.py --stats   # templates per family, name cultures

Documents are built by concatenating pieces (plain text, phi spans, dont_care
spans), so span offsets (UTF-8 bytes, half-open) are exact by construction.
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

SEED = "fresh6/2026-12-05"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh6.jsonl")

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
PHI_PER_FAMILY = 15
CLEAN_PER_FAMILY = 20
MIN_TPL_PHI = 8
MIN_TPL_CLEAN = 6

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
    "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
    "procedure_code", "drug_code", "medication", "condition", "credit_card",
}

# ---------------------------------------------------------------------------
# document builder
# ---------------------------------------------------------------------------


class Sp:
    __slots__ = ("value", "label", "kind")

    def __init__(self, value, label, kind):
        self.value, self.label, self.kind = str(value), label, kind


def P(value, kind):
    """a phi span"""
    return Sp(value, "phi", kind)


def D(value, kind):
    """a dont_care span"""
    return Sp(value, "dont_care", kind)


_PH = re.compile(r"@\{(\w+)\}")


def frag(template, **kw):
    """Template -> list of pieces. `@{key}` is replaced by kw[key]: a str, an Sp or a list of
    pieces. A template that starts with a newline is dedented (and the newline dropped)."""
    strip = kw.pop("_strip", None)
    if template.startswith("\n") and strip is not None:
        template = "\n".join(line[strip:] for line in template[1:].split("\n"))
    elif template.startswith("\n"):
        template = textwrap.dedent(template[1:])
    out, pos = [], 0
    for m in _PH.finditer(template):
        out.append(template[pos:m.start()])
        v = kw[m.group(1)]
        if isinstance(v, list):
            out.extend(v)
        elif isinstance(v, Sp):
            out.append(v)
        else:
            out.append(str(v))
        pos = m.end()
    out.append(template[pos:])
    return out


class Doc:
    def __init__(self):
        self.buf = []
        self.n = 0
        self.spans = []
        self.used = set()  # name parts used in this document (patients and staff)
        self.patients = []
        self.primary = None
        self.primary_used = False

    def t(self, s):
        s = str(s)
        self.buf.append(s)
        self.n += len(s.encode("utf-8"))

    def add(self, pieces):
        if isinstance(pieces, (str, Sp)):
            pieces = [pieces]
        for x in pieces:
            if isinstance(x, Sp):
                if x.value == "":
                    continue
                start = self.n
                self.t(x.value)
                self.spans.append((start, self.n, x.label, x.kind, x.value))
            elif isinstance(x, list):
                self.add(x)
            else:
                self.t(x)

    def f(self, template, **kw):
        self.add(frag(template, **kw))

    def text(self):
        return "".join(self.buf)


def join(sep, items):
    out = []
    for i, x in enumerate(items):
        if i:
            out.append(sep)
        if isinstance(x, list):
            out.extend(x)
        else:
            out.append(x)
    return out


def _dup(**kw):
    """kw plus each key again with suffix 2 (the same value used twice in a template)"""
    out = dict(kw)
    for k, v in kw.items():
        out[k + "2"] = v
    return out


# ---------------------------------------------------------------------------
# hand-written name cultures
# given: "Latin|Native:SEX; ..."  family: "LatinM/LatinF|NativeM/NativeF; ..."
# orders: latin order and native order, gf = given first, fg = family first
# ---------------------------------------------------------------------------

CULTURE_SRC = [
    ("polish", "gf", "gf", " ",
     "Anna:F; Katarzyna:F; Małgorzata:F; Jadwiga:F; Piotr:M; Krzysztof:M; Zbigniew:M; Grzegorz:M",
     "Nowak; Wójcik; Kowalczyk; Mazur; Krawczyk; Wróbel; Pawlak; Kowalski/Kowalska; Wiśniewski/Wiśniewska; Dąbrowski/Dąbrowska"),
    ("czech", "gf", "gf", " ",
     "Jiří:M; Lukáš:M; Ondřej:M; Zdeňka:F; Věra:F; Markéta:F",
     "Dvořák/Dvořáková; Novotný/Novotná; Černý/Černá; Procházka/Procházková; Kučera/Kučerová; Veselý/Veselá"),
    ("slovak", "gf", "gf", " ",
     "Ľubomír:M; Juraj:M; Ján:M; Miroslava:F; Žofia:F; Zuzana:F",
     "Hudák/Hudáková; Kováč/Kováčová; Baláž/Balážová; Šimko/Šimková; Oravec/Oravcová"),
    ("hungarian", "gf", "gf", " ",
     "Zsófia:F; Erzsébet:F; Ildikó:F; Gábor:M; László:M; Bence:M",
     "Nagy; Kovács; Szabó; Horváth; Varga; Fekete; Szűcs; Bíró"),
    ("romanian", "gf", "gf", " ",
     "Ioana:F; Andreea:F; Raluca:F; Mihai:M; Gheorghe:M; Ștefan:M",
     "Popescu; Ionescu; Dumitrescu; Stănescu; Constantinescu; Marinescu; Țurcanu"),
    ("greek", "gf", "gf", " ",
     "Georgios|Γεώργιος:M; Dimitrios|Δημήτριος:M; Nikolaos|Νικόλαος:M; Eleni|Ελένη:F; Aikaterini|Αικατερίνη:F; Sofia|Σοφία:F",
     "Papadopoulos/Papadopoulou|Παπαδόπουλος/Παπαδοπούλου; Nikolaidis/Nikolaidou|Νικολαΐδης/Νικολαΐδου; Georgiou|Γεωργίου; Karagiannis/Karagianni|Καραγιάννης/Καραγιάννη; Oikonomou|Οικονόμου"),
    ("russian", "gf", "gf", " ",
     "Dmitri|Дмитрий:M; Sergei|Сергей:M; Alexei|Алексей:M; Olga|Ольга:F; Natalia|Наталья:F; Tatiana|Татьяна:F",
     "Ivanov/Ivanova|Иванов/Иванова; Smirnov/Smirnova|Смирнов/Смирнова; Kuznetsov/Kuznetsova|Кузнецов/Кузнецова; Volkov/Volkova|Волков/Волкова; Sokolov/Sokolova|Соколов/Соколова"),
    ("ukrainian", "gf", "gf", " ",
     "Taras|Тарас:M; Bohdan|Богдан:M; Yurii|Юрій:M; Olena|Олена:F; Oksana|Оксана:F; Halyna|Галина:F",
     "Shevchenko|Шевченко; Kovalenko|Коваленко; Bondarenko|Бондаренко; Melnyk|Мельник; Tkachenko|Ткаченко; Kravchuk|Кравчук"),
    ("serbian", "gf", "gf", " ",
     "Dragan|Драган:M; Nikola|Никола:M; Miloš|Милош:M; Milica|Милица:F; Jelena|Јелена:F; Snežana|Снежана:F",
     "Petrović|Петровић; Jovanović|Јовановић; Đorđević|Ђорђевић; Marković|Марковић; Stojanović|Стојановић"),
    ("lithuanian", "gf", "gf", " ",
     "Jonas:M; Vytautas:M; Mindaugas:M; Rūta:F; Eglė:F; Aušra:F",
     "Kazlauskas/Kazlauskienė; Petrauskas/Petrauskienė; Jankauskas/Jankauskienė; Žukauskas/Žukauskienė; Stankevičius/Stankevičienė"),
    ("finnish", "gf", "gf", " ",
     "Juha:M; Mikko:M; Eero:M; Aino:F; Päivi:F; Tuula:F",
     "Virtanen; Mäkinen; Nieminen; Hämäläinen; Järvinen; Heikkilä"),
    ("icelandic", "gf", "gf", " ",
     "Sigurður:M; Ólafur:M; Gunnar:M; Guðrún:F; Þóra:F; Sigríður:F",
     "Jónsson/Jónsdóttir; Sigurðsson/Sigurðardóttir; Guðmundsson/Guðmundsdóttir; Einarsson/Einarsdóttir"),
    ("danish_norwegian", "gf", "gf", " ",
     "Søren:M; Bjørn:M; Jens:M; Ingrid:F; Mette:F; Sølvi:F",
     "Sørensen; Haugen; Østergaard; Bakke; Kjær; Frøland"),
    ("swedish", "gf", "gf", " ",
     "Lars:M; Björn:M; Göran:M; Åsa:F; Märta:F; Linnéa:F",
     "Lindqvist; Åkesson; Sjöberg; Nyström; Öberg; Bergström"),
    ("german", "gf", "gf", " ",
     "Jürgen:M; Günter:M; Jörg:M; Ursula:F; Hannelore:F; Anneliese:F",
     "Müller; Schröder; Weiß; Krüger; Groß; Hoffmann; Köhler"),
    ("dutch", "gf", "gf", " ",
     "Bram:M; Joost:M; Sjoerd:M; Sanne:F; Femke:F; Marijke:F",
     "van der Meer; de Vries; van den Berg; Bakker; de Jong; Visser; van Dijk"),
    ("french", "gf", "gf", " ",
     "François:M; Théo:M; Jérôme:M; Hélène:F; Cécile:F; Amélie:F",
     "Lefèvre; Dubois; Moreau; Girard; Lévêque; Bérubé; Chevalier"),
    ("italian", "gf", "gf", " ",
     "Giuseppe:M; Salvatore:M; Carmine:M; Francesca:F; Chiara:F; Concetta:F",
     "Esposito; Russo; Ferrara; D'Angelo; De Luca; Lombardi; Caruso"),
    ("spanish", "gf", "gf", " ",
     "José Luis:M; Iñaki:M; Xavier:M; María del Carmen:F; Begoña:F; Montserrat:F",
     "Fernández; Etxeberria; Muñoz; Ruiz; Gómez; Castañeda; Sáez"),
    ("mexican", "gf", "gf", " ",
     "Jesús:M; Rogelio:M; Juan Pablo:M; Guadalupe:F; Ximena:F; María José:F",
     "Hernández Ortega; Ramírez Soto; de la Cruz; García Peña; Villaseñor; Olvera"),
    ("brazilian", "gf", "gf", " ",
     "João:M; Thiago:M; Adriano:M; Conceição:F; Luíza:F; Graça:F",
     "Gonçalves; Araújo; Magalhães; da Silva; Nascimento; Brandão"),
    ("irish", "gf", "gf", " ",
     "Pádraig:M; Ciarán:M; Seán:M; Siobhán:F; Aoife:F; Niamh:F",
     "O'Sullivan; Ó Briain; MacCarthy; Fitzgerald; O'Donnell; Kavanagh"),
    ("scottish", "gf", "gf", " ",
     "Callum:M; Hamish:M; Angus:M; Morag:F; Isla:F; Eilidh:F",
     "MacLeod; Fraser; McIntyre; Buchanan; Drummond; Urquhart"),
    ("anglo_word_names", "gf", "gf", " ",
     "Will:M; Grant:M; Hunter:M; Bill:M; Summer:F; Hope:F; Faith:F; Rose:F; Joy:F; Dawn:F",
     "Young; Baker; Rivers; Church; Page; Hill; Bishop; Cook; Small; Stone"),
    ("african_american", "gf", "gf", " ",
     "DeShawn:M; Jamal:M; Tyrone:M; Latoya:F; Imani:F; Keisha:F; Shaniqua:F",
     "Washington; Jefferson; Booker; Freeman; Dorsey; Mayfield"),
    ("yoruba", "gf", "gf", " ",
     "Oluwaseun:M; Adebayo:M; Babatunde:M; Folake:F; Titilayo:F; Yetunde:F",
     "Adeyemi; Balogun; Ogunleye; Adebisi; Olaniyan; Akinola"),
    ("igbo", "gf", "gf", " ",
     "Chukwuemeka:M; Obinna:M; Ikenna:M; Ngozi:F; Adaeze:F; Chiamaka:F",
     "Okafor; Eze; Nwosu; Obi; Okonkwo; Nwachukwu"),
    ("amharic", "gf", "gf", " ",
     "Abebe|አበበ:M; Yohannes|ዮሐንስ:M; Dawit|ዳዊት:M; Tsion|ጽዮን:F; Meseret|መሰረት:F; Hirut|ሂሩት:F",
     "Bekele|በቀለ; Tesfaye|ተስፋዬ; Haile|ኃይሌ; Girma|ግርማ; Alemu|አለሙ"),
    ("somali", "gf", "gf", " ",
     "Abdirahman:M; Mahad:M; Abdiweli:M; Hodan:F; Faadumo:F; Ubah:F",
     "Warsame; Farah; Jama; Egal; Hirsi; Abdullahi"),
    ("arabic_levant", "gf", "gf", " ",
     "Khalil|خليل:M; Tarek|طارق:M; Samir|سمير:M; Rania|رانيا:F; Nour|نور:F; Layla|ليلى:F",
     "Haddad|حداد; Khoury|خوري; Nasser|ناصر; Al-Masri|المصري; Saliba|صليبا"),
    ("persian", "gf", "gf", " ",
     "Dariush|داریوش:M; Reza|رضا:M; Kourosh|کوروش:M; Shirin|شیرین:F; Parisa|پریسا:F; Mahnaz|مهناز:F",
     "Tehrani|تهرانی; Karimi|کریمی; Hosseini|حسینی; Mohammadi|محمدی; Rahimi|رحیمی"),
    ("turkish", "gf", "gf", " ",
     "Mehmet:M; Oğuz:M; Barış:M; Ayşe:F; Gülşen:F; Çağla:F",
     "Yılmaz; Öztürk; Çelik; Şahin; Doğan; Kılıç"),
    ("hebrew", "gf", "gf", " ",
     "Avi|אבי:M; Itzhak|יצחק:M; Eitan|איתן:M; Yael|יעל:F; Noa|נועה:F; Tamar|תמר:F",
     "Mizrahi|מזרחי; Peretz|פרץ; Ben-David|בן דוד; Biton|ביטון; Friedman|פרידמן"),
    ("armenian", "gf", "gf", " ",
     "Tigran|Տիգրան:M; Armen|Արմեն:M; Hovhannes|Հովհաննես:M; Anahit|Անահիտ:F; Lusine|Լուսինե:F; Siranush|Սիրանուշ:F",
     "Petrosyan|Պետրոսյան; Hakobyan|Հակոբյան; Sargsyan|Սարգսյան; Grigoryan|Գրիգորյան; Avetisyan|Ավետիսյան"),
    ("georgian", "gf", "gf", " ",
     "Giorgi|გიორგი:M; Levan|ლევან:M; Davit|დავით:M; Nino|ნინო:F; Tamari|თამარი:F; Eka|ეკა:F",
     "Beridze|ბერიძე; Kapanadze|კაპანაძე; Gelashvili|გელაშვილი; Lomidze|ლომიძე; Maisuradze|მაისურაძე"),
    ("hindi", "gf", "gf", " ",
     "Rajesh|राजेश:M; Suresh|सुरेश:M; Amit|अमित:M; Priya|प्रिया:F; Ananya|अनन्या:F; Sunita|सुनीता:F",
     "Sharma|शर्मा; Verma|वर्मा; Gupta|गुप्ता; Agarwal|अग्रवाल; Tiwari|तिवारी"),
    ("tamil", "gf", "gf", " ",
     "Karthik|கார்த்திக்:M; Senthil|செந்தில்:M; Murugan|முருகன்:M; Meenakshi|மீனாட்சி:F; Lakshmi|லட்சுமி:F; Kavitha|கவிதா:F",
     "Subramanian|சுப்பிரமணியன்; Ramasamy|ராமசாமி; Natarajan|நடராஜன்; Pillai|பிள்ளை"),
    ("bengali", "gf", "gf", " ",
     "Tanvir|তানভীর:M; Rahim|রহিম:M; Arif|আরিফ:M; Farhana|ফারহানা:F; Nusrat|নুসরাত:F; Anika|আনিকা:F",
     "Chowdhury|চৌধুরী; Rahman|রহমান; Hossain|হোসেন; Akter|আক্তার; Sarker|সরকার"),
    ("punjabi", "gf", "gf", " ",
     "Gurpreet|ਗੁਰਪ੍ਰੀਤ:M; Manjit|ਮਨਜੀਤ:M; Jaswinder|ਜਸਵਿੰਦਰ:M; Harpreet|ਹਰਪ੍ਰੀਤ:F; Simran|ਸਿਮਰਨ:F; Navdeep|ਨਵਦੀਪ:F",
     "Sandhu|ਸੰਧੂ; Gill|ਗਿੱਲ; Dhillon|ਢਿੱਲੋਂ; Grewal|ਗਰੇਵਾਲ; Sidhu|ਸਿੱਧੂ"),
    ("mandarin", "gf", "fg", "",
     "Wei|伟:M; Jianguo|建国:M; Hao|浩:M; Meiling|美玲:F; Xiaoling|晓玲:F; Jing|静:F",
     "Zhang|张; Wang|王; Liu|刘; Chen|陈; Huang|黄; Zhao|赵"),
    ("cantonese", "gf", "gf", " ",
     "Ka Wai:M; Siu Ming:M; Chi Keung:M; Wing Yan:F; Mei Ling:F; Suk Fan:F",
     "Chan; Wong; Leung; Cheung; Lau; Tsang"),
    ("japanese", "gf", "fg", " ",
     "Kenta|健太:M; Shota|翔太:M; Hiroshi|博:M; Misaki|美咲:F; Yumi|由美:F; Keiko|恵子:F",
     "Satō|佐藤; Suzuki|鈴木; Takahashi|高橋; Tanaka|田中; Watanabe|渡辺; Yamamoto|山本"),
    ("korean", "gf", "fg", "",
     "Min-jun|민준:M; Ji-hoon|지훈:M; Sung-ho|성호:M; Seo-yeon|서연:F; Young-hee|영희:F; Eun-ji|은지:F",
     "Kim|김; Lee|이; Park|박; Choi|최; Jung|정; Kang|강"),
    ("vietnamese", "fg", "fg", " ",
     "Thị Hương:F; Ngọc Anh:F; Thị Lan:F; Văn Minh:M; Đức Thắng:M; Quốc Bảo:M",
     "Nguyễn; Trần; Lê; Phạm; Huỳnh; Võ"),
    ("filipino", "gf", "gf", " ",
     "Rodrigo:M; Ferdinand:M; Jun:M; Maricel:F; Jocelyn:F; Rowena:F",
     "Dela Cruz; Santos; Bautista; Villanueva; Macaraeg; Dimaculangan"),
    ("thai", "gf", "gf", " ",
     "Somchai|สมชาย:M; Anan|อนันต์:M; Prasert|ประเสริฐ:M; Suda|สุดา:F; Malee|มาลี:F; Ratana|รัตนา:F",
     "Srisuk|ศรีสุข; Wongsawat|วงศ์สวัสดิ์; Chaiyaporn|ชัยพร; Boonmee|บุญมี; Sukjai|สุขใจ"),
    ("indonesian", "gf", "gf", " ",
     "Budi:M; Agus:M; Wahyu:M; Sri:F; Dewi:F; Wulan:F",
     "Santoso; Hartono; Wijaya; Kusuma; Susanto; Prasetyo"),
    ("hawaiian_samoan", "gf", "gf", " ",
     "Kanoa:M; Keoni:M; Sione:M; Leilani:F; Malia:F; Kaimana:F",
     "Kahananui; Akana; Kealoha; Tuiasosopo; Fa'alogo; Kamakau"),
    ("dine", "gf", "gf", " ",
     "Ahiga:M; Roscoe:M; Darrell:M; Nizhoni:F; Doli:F; Marlena:F",
     "Begay; Yazzie; Tsosie; Benally; Etsitty; Manygoats"),
    ("haitian", "gf", "gf", " ",
     "Wilner:M; Jean-Baptiste:M; Frantz:M; Mirlande:F; Guerline:F; Nadège:F",
     "Pierre-Louis; Joseph; Étienne; Désir; Jean-Charles; Dorvil"),
    ("kenyan", "gf", "gf", " ",
     "Kamau:M; Otieno:M; Kiprono:M; Wanjiru:F; Achieng:F; Nyokabi:F",
     "Mwangi; Odhiambo; Njoroge; Chebet; Wafula; Kariuki"),
    ("mongolian", "gf", "gf", " ",
     "Bat-Erdene|Бат-Эрдэнэ:M; Ganbaatar|Ганбаатар:M; Temuulen|Тэмүүлэн:M; Oyunchimeg|Оюунчимэг:F; Altantsetseg|Алтанцэцэг:F; Sarangerel|Сарангэрэл:F",
     "Dorj|Дорж; Tserendorj|Цэрэндорж; Enkhbayar|Энхбаяр; Batbold|Батболд"),
    ("afghan", "gf", "gf", " ",
     "Ahmad|احمد:M; Farid|فرید:M; Wahid|وحید:M; Zarghuna|زرغونه:F; Mariam|مریم:F; Frishta|فرشته:F",
     "Popal|پوپل; Stanekzai|ستانکزی; Wardak|وردک; Noorzai|نورزی"),
]


class Culture:
    def __init__(self, name, lorder, norder, nsep, given, family):
        self.name, self.lorder, self.norder, self.nsep = name, lorder, norder, nsep
        self.given = []
        for item in given.split(";"):
            item = item.strip()
            nm, sex = item.rsplit(":", 1)
            lat, _, nat = nm.partition("|")
            self.given.append((lat, nat or None, sex))
        self.family = []
        for item in family.split(";"):
            lat, _, nat = item.strip().partition("|")
            lm, _, lf = lat.partition("/")
            if nat:
                nm_, _, nf = nat.partition("/")
                natp = (nm_, nf or nm_)
            else:
                natp = None
            self.family.append(((lm, lf or lm), natp))
        self.has_native = any(g[1] for g in self.given) and any(f[1] for f in self.family)


CULTURES = [Culture(*c) for c in CULTURE_SRC]

_FOLD = {"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d",
         "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "œ": "oe"}


def fold(s):
    s = "".join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


class Person:
    def __init__(self, culture, given, family, sex, native, lat_given, lat_family, middle):
        self.culture, self.given, self.family, self.sex = culture, given, family, sex
        self.native, self.lat_given, self.lat_family, self.middle = native, lat_given, lat_family, middle
        self.dob = None

    def full(self):
        c = self.culture
        if self.native:
            return (self.family + c.nsep + self.given) if c.norder == "fg" else (self.given + c.nsep + self.family)
        return (self.family + " " + self.given) if c.lorder == "fg" else (self.given + " " + self.family)

    def full_mi(self):
        if self.native or not self.middle or self.culture.lorder == "fg":
            return self.full()
        return "%s %s. %s" % (self.given, self.middle, self.family)

    def lf(self):
        """Family, Given"""
        if self.native and self.culture.nsep == "":
            return self.full()
        return "%s, %s" % (self.family, self.given)

    def latin_full(self):
        return "%s %s" % (self.lat_given, self.lat_family)

    def up_family(self):
        return fold(self.lat_family).upper()

    def up_given(self):
        return fold(self.lat_given).upper()

    def hl7(self, mi=True, sep="^"):
        s = self.up_family() + sep + self.up_given()
        if mi and self.middle:
            s += sep + self.middle
        return s

    def ascii_lf(self):
        return "%s, %s" % (fold(self.lat_family), fold(self.lat_given))

    def ascii_full(self):
        return "%s %s" % (fold(self.lat_given), fold(self.lat_family))

    def parts(self):
        return {self.given, self.family, self.lat_given, self.lat_family}


def _pick_person(rng, culture, sex=None, native=False, family=None):
    givens = [g for g in culture.given if (sex is None or g[2] == sex) and (not native or g[1])]
    if not givens:
        givens = [g for g in culture.given if (not native or g[1])]
    lat_g, nat_g, sx = rng.choice(givens)
    if family is not None:
        fam = family
    else:
        fams = [f for f in culture.family if (not native or f[1])]
        fam = rng.choice(fams)
    (lm, lf), natp = fam
    lat_f = lf if sx == "F" else lm
    if native:
        nf = natp[1] if sx == "F" else natp[0]
        p = Person(culture, nat_g, nf, sx, True, lat_g, lat_f, None)
    else:
        p = Person(culture, lat_g, lat_f, sx, False, lat_g, lat_f, None)
    if culture.lorder == "gf" and rng.random() < 0.35:
        p.middle = rng.choice("ABCDEFGHJKLMNPRSTVW")
    p._fam = fam
    return p


def _collides(d, p):
    parts = {x.lower() for x in p.parts()}
    for u in d.used:
        if u in parts:
            return True
        for x in parts:
            if len(x) >= 3 and len(u) >= 3 and (x in u or u in x):
                return True
    return False


def person(rng, d, native=False, sex=None, culture=None, family_of=None, dob_range=(1931, 2006)):
    """a patient or relative; native=True allows the native script when the culture has one"""
    for _ in range(200):
        if family_of is not None:
            c = family_of.culture
        elif culture is not None:
            c = culture
        elif getattr(d, "primary", None) is not None and not d.primary_used:
            c = d.primary
        else:
            c = rng.choice(CULTURES)
        nat = bool(native) and c.has_native and rng.random() < (native if isinstance(native, float) else 0.45)
        if family_of is not None:
            nat = family_of.native and c.has_native
            p = _pick_person(rng, c, sex=sex, native=nat, family=family_of._fam if rng.random() < 0.8 else None)
            if p.given == family_of.given:
                continue
        else:
            p = _pick_person(rng, c, sex=sex, native=nat)
        if family_of is None and _collides(d, p):
            continue
        if family_of is not None and (p.given.lower() in d.used or p.lat_given.lower() in d.used):
            continue
        break
    if family_of is None and c is getattr(d, "primary", None):
        d.primary_used = True
    d.used |= {x.lower() for x in p.parts()}
    p.dob = rand_date(rng, dt.date(dob_range[0], 1, 1), dt.date(dob_range[1], 12, 28))
    d.patients.append(p)
    return p


def staff(rng, d, title=None):
    """a staff / provider name (dont_care); never shares a name part with anyone else in the doc"""
    for _ in range(200):
        c = rng.choice(CULTURES)
        p = _pick_person(rng, c)
        p.middle = None
        if _collides(d, p):
            continue
        break
    d.used |= {x.lower() for x in p.parts()}
    p.title = title
    return p


def sname(p, style="full"):
    """display string for a staff person"""
    if style == "full":
        s = p.full()
    elif style == "lf":
        s = p.lf()
    elif style == "dr":
        s = "Dr. " + p.family
    elif style == "init":
        s = "%s. %s" % (p.given[0], p.family)
    elif style == "handle":
        s = fold(p.lat_given).lower().replace(" ", "") + "." + fold(p.lat_family).lower().replace(" ", "").replace("'", "")
    else:
        s = p.full()
    if p.title and style in ("full", "lf"):
        if p.title in ("MD", "RN", "NP", "PA-C", "DO", "PharmD", "CPC"):
            s = s + ", " + p.title
        else:
            s = p.title + " " + s
    return s


def S(p, style="full"):
    return D(sname(p, style), "person_name")


def handle(p):
    return sname(p, "handle")


# ---------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------

PLACES = [
    ("Springfield", "IL", ["627"], ["217"]), ("Worcester", "MA", ["016"], ["508", "774"]),
    ("Dayton", "OH", ["454"], ["937"]), ("Tucson", "AZ", ["857"], ["520"]), ("Boise", "ID", ["837"], ["208"]),
    ("Fresno", "CA", ["937"], ["559"]), ("Spokane", "WA", ["992"], ["509"]), ("Duluth", "MN", ["558"], ["218"]),
    ("Lubbock", "TX", ["794"], ["806"]), ("Macon", "GA", ["312"], ["478"]), ("Asheville", "NC", ["288"], ["828"]),
    ("Burlington", "VT", ["054"], ["802"]), ("Portland", "ME", ["041"], ["207"]), ("Erie", "PA", ["165"], ["814"]),
    ("Toledo", "OH", ["436"], ["419", "567"]), ("Rochester", "NY", ["146"], ["585"]),
    ("Albuquerque", "NM", ["871"], ["505"]), ("Reno", "NV", ["895"], ["775"]), ("Billings", "MT", ["591"], ["406"]),
    ("Sioux Falls", "SD", ["571"], ["605"]), ("Des Moines", "IA", ["503"], ["515"]),
    ("Omaha", "NE", ["681"], ["402", "531"]), ("Wichita", "KS", ["672"], ["316"]), ("Tulsa", "OK", ["741"], ["918"]),
    ("Little Rock", "AR", ["722"], ["501"]), ("Baton Rouge", "LA", ["708"], ["225"]),
    ("Jackson", "MS", ["392"], ["601", "769"]), ("Mobile", "AL", ["366"], ["251"]),
    ("Knoxville", "TN", ["379"], ["865"]), ("Lexington", "KY", ["405"], ["859"]),
    ("Charleston", "WV", ["253"], ["304", "681"]), ("Richmond", "VA", ["232"], ["804"]),
    ("Wilmington", "DE", ["198"], ["302"]), ("Hartford", "CT", ["061"], ["860", "959"]),
    ("Providence", "RI", ["029"], ["401"]), ("Manchester", "NH", ["031"], ["603"]),
    ("Newark", "NJ", ["071"], ["973", "862"]), ("Honolulu", "HI", ["968"], ["808"]),
    ("Anchorage", "AK", ["995"], ["907"]), ("Salt Lake City", "UT", ["841"], ["801", "385"]),
    ("Cheyenne", "WY", ["820"], ["307"]), ("Fargo", "ND", ["581"], ["701"]), ("Madison", "WI", ["537"], ["608"]),
    ("Grand Rapids", "MI", ["495"], ["616"]), ("Fort Wayne", "IN", ["468"], ["260"]),
    ("Colorado Springs", "CO", ["809"], ["719"]), ("Eugene", "OR", ["974"], ["541", "458"]),
    ("Orlando", "FL", ["328"], ["407", "689"]), ("Savannah", "GA", ["314"], ["912"]),
    ("San Antonio", "TX", ["782"], ["210", "726"]), ("Hialeah", "FL", ["330"], ["305", "786"]),
    ("Flushing", "NY", ["113"], ["718", "347"]), ("Lowell", "MA", ["018"], ["978", "351"]),
    ("Gallup", "NM", ["873"], ["505"]), ("Hilo", "HI", ["967"], ["808"]), ("Bangor", "ME", ["044"], ["207"]),
]
STREETS = ["Maple", "Oak", "Cedar", "Elm", "Walnut", "Chestnut", "Birch", "Sycamore", "Magnolia", "Dogwood",
           "Juniper", "Laurel", "Willow", "Hawthorne", "Lakeview", "Ridgecrest", "Prospect", "Orchard",
           "Meadowbrook", "Highland", "Quarry", "Foundry", "Tanager", "Kestrel", "Heron", "Bluebonnet",
           "Saguaro", "Palmetto", "Mesquite", "Tamarack", "Aspen", "Cottonwood", "Harborview", "Millstone",
           "Bramble", "Thistle", "Larkspur", "Fairmount", "Ashgrove", "Sandpiper", "Coppermine", "Wren"]
SUFFIX = ["St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Ter", "Cir", "Pkwy", "Trl", "Street",
          "Avenue", "Road", "Drive", "Lane"]


class Addr:
    pass


def addr(rng, unit_p=0.35):
    a = Addr()
    city, st, zp, areas = rng.choice(PLACES)
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 9899), rng.randint(10000, 48999)])
    pre = rng.choice(["", "", "", "N ", "S ", "E ", "W ", "NE ", "SW "])
    a.line1 = "%d %s%s %s" % (n, pre, rng.choice(STREETS), rng.choice(SUFFIX))
    a.unit = ""
    if rng.random() < unit_p:
        a.unit = rng.choice(["Apt %d%s" % (rng.randint(1, 24), rng.choice("ABCDEF")), "Unit %d" % rng.randint(2, 480),
                             "#%d" % rng.randint(101, 1210), "Lot %d" % rng.randint(3, 88),
                             "Apt %d" % rng.randint(2, 940)])
    a.city, a.state, a.areas = city, st, areas
    a.zip = rng.choice(zp) + "%02d" % rng.randint(1, 98)
    a.zip4 = "%04d" % rng.randint(1, 9998)
    a.street = a.line1 + (" " + a.unit if a.unit else "")
    return a


def phone(rng, a=None, fmt=None, area=None):
    if area is None:
        area = rng.choice(a.areas) if a is not None else rng.choice(
            ["212", "312", "415", "617", "713", "206", "404", "503", "614", "919", "651", "720", "480", "816"])
    while True:
        ex = rng.randint(201, 989)
        if ex % 100 != 11 and ex != 555 and ex not in (950, 958, 959, 976):
            break
    line = rng.randint(1000, 9899)
    fmt = fmt or rng.choice(["paren", "dash", "dot", "plus", "dash", "paren"])
    if fmt == "paren":
        return "(%s) %d-%04d" % (area, ex, line)
    if fmt == "dash":
        return "%s-%d-%04d" % (area, ex, line)
    if fmt == "dot":
        return "%s.%d.%04d" % (area, ex, line)
    if fmt == "plus":
        return "+1 %s %d %04d" % (area, ex, line)
    if fmt == "e164":
        return "+1%s%d%04d" % (area, ex, line)
    if fmt == "digits":
        return "%s%d%04d" % (area, ex, line)
    if fmt == "parts":
        return (area, "%d%04d" % (ex, line))
    raise ValueError(fmt)


def ssn(rng, dashes=True):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
        v = "%03d-%02d-%04d" % (a, g, s)
        if v in ("123-45-6789", "078-05-1120", "219-09-9999"):
            continue
        return v if dashes else v.replace("-", "")


MBI_A = "ACDEFGHJKMNPQRTUVWXY"
MBI_AN = MBI_A + "0123456789"


def mbi(rng, dashes=False):
    while True:
        pat = ["C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N"]
        s = ""
        for k in pat:
            s += rng.choice({"C": "123456789", "A": MBI_A, "AN": MBI_AN, "N": "0123456789"}[k])
        if s != "1EG4TE5MK73":
            break
    return s[:4] + "-" + s[4:7] + "-" + s[7:] if dashes else s


def luhn_digit(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return str((10 - tot % 10) % 10)


def card(rng, sep=" "):
    while True:
        body = rng.choice(["4", "51", "53", "6011", "4"]) + "".join(rng.choice("0123456789") for _ in range(14))
        body = body[:15]
        num = body + luhn_digit(body)
        if num not in ("4111111111111111", "4242424242424242"):
            break
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def npi(rng):
    while True:
        base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
        v = base + luhn_digit("80840" + base)
        if v != "1234567893":
            return v


def digits(rng, n, lead_zero_ok=True):
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if not lead_zero_ok and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def mrn(rng, style=None):
    style = style or rng.choice(["z8", "d7", "e7", "d9", "m6", "d10", "z8", "dash"])
    if style == "z8":
        return "00" + digits(rng, 6)
    if style == "d7":
        return digits(rng, 7, False)
    if style == "e7":
        return rng.choice("EMKHP") + digits(rng, 7)
    if style == "d9":
        return digits(rng, 9, False)
    if style == "m6":
        return "MR" + digits(rng, 6)
    if style == "d10":
        return "10" + digits(rng, 8)
    if style == "dash":
        return "%s-%s-%s" % (digits(rng, 2, False), digits(rng, 3), digits(rng, 3))
    raise ValueError(style)


def member_id(rng):
    s = rng.choice(["alpha3", "w9", "zg", "mcd", "num11", "h10"])
    if s == "alpha3":
        return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + digits(rng, 9)
    if s == "w9":
        return "W" + digits(rng, 9, False)
    if s == "zg":
        return "ZG" + rng.choice("MPT") + digits(rng, 10)
    if s == "mcd":
        return rng.choice(["ME", "MC", "TX", "CA"]) + digits(rng, 8)
    if s == "num11":
        return digits(rng, 11, False)
    return "H" + digits(rng, 3) + "-" + digits(rng, 6)


def acct(rng):
    return rng.choice(["A", "HB", "PB", "", "", "V"]) + digits(rng, rng.choice([8, 9, 10]), False)


def claim_no(rng):
    return rng.choice(["", "CLM", "26", "E"]) + digits(rng, rng.choice([11, 12, 13]), False)


def group_no(rng):
    return rng.choice(["GRP", "", "G"]) + digits(rng, rng.choice([5, 6, 7]), False)


def dl(rng, state="CA"):
    return rng.choice("ABCDFGHJKLMNPRSTW") + digits(rng, 7 if rng.random() < 0.6 else 8, False)


def vin(rng):
    al = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return rng.choice(["1", "2", "3", "5", "J", "K", "W"]) + "".join(rng.choice(al) for _ in range(16))


def plate(rng):
    return "%d%s%d" % (rng.randint(1, 9), "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)),
                       rng.randint(100, 999))


def serial(rng, prefix=None):
    prefix = prefix or rng.choice(["SN", "PJN", "RNB", "HXA", "CNS", "G"])
    return prefix + digits(rng, rng.choice([6, 7, 8, 9]), False)


def pub_ip(rng):
    if rng.random() < 0.15:
        return "2600:%x:%x:%x::%x" % (rng.randint(0x1000, 0x1fff), rng.randint(0x100, 0xfff),
                                       rng.randint(0x10, 0xfff), rng.randint(1, 0xffff))
    a = rng.choice([24, 47, 50, 64, 67, 68, 69, 71, 73, 75, 76, 96, 97, 98, 99, 104, 107, 108, 136, 142, 162,
                    166, 173, 174, 184, 206, 208, 209])
    return "%d.%d.%d.%d" % (a, rng.randint(1, 254), rng.randint(0, 254), rng.randint(2, 253))


def priv_ip(rng):
    k = rng.random()
    if k < 0.5:
        return "10.%d.%d.%d" % (rng.randint(0, 254), rng.randint(0, 254), rng.randint(2, 253))
    if k < 0.8:
        return "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 254), rng.randint(2, 253))
    return "192.168.%d.%d" % (rng.randint(0, 254), rng.randint(2, 253))


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def rand_date(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fd(d, style="iso"):
    if style == "iso":
        return d.strftime("%Y-%m-%d")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us1":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if style == "us2":
        return d.strftime("%m/%d/%y")
    if style == "long":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "dmy":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "DMY":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3].upper(), d.year)
    if style == "eu":
        return d.strftime("%d.%m.%Y")
    if style == "dm":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "mon":
        return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)
    raise ValueError(style)


def svc_date(rng):
    return rand_date(rng, dt.date(2025, 1, 6), dt.date(2026, 10, 30))


def age_on(dob, on):
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def old_dob(rng):
    """a birth date giving an age of 90-101 in 2025/2026"""
    return rand_date(rng, dt.date(1924, 3, 1), dt.date(1934, 9, 30))


def ts(rng, day=None, sep=" ", frac=False):
    day = day or rand_date(rng, dt.date(2026, 11, 2), dt.date(2026, 12, 4))
    s = "%s%s%02d:%02d:%02d" % (day.isoformat(), sep, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if frac:
        s += ".%03d" % rng.randint(0, 999)
    return s


def tss(rng, n, frac=False, sep=" "):
    """n increasing log timestamps on one day"""
    day = rand_date(rng, dt.date(2026, 11, 2), dt.date(2026, 12, 4))
    t = rng.randint(0, 70000)
    out = []
    for _ in range(n):
        t += rng.randint(1, 900)
        s = "%s%s%02d:%02d:%02d" % (day.isoformat(), sep, (t // 3600) % 24, (t // 60) % 60, t % 60)
        if frac:
            s += ".%03d" % rng.randint(0, 999)
        out.append(s)
    return out


def hl7ts(d, rng, secs=False):
    s = d.strftime("%Y%m%d") + "%02d%02d" % (rng.randint(0, 23), rng.randint(0, 59))
    if secs:
        s += "%02d" % rng.randint(0, 59)
    return s


def jira_key(rng, proj=None):
    proj = proj or rng.choice(["INTG", "EHR", "HIE", "RCM", "PORTAL", "LAB", "IMG", "CLAIMS", "SUP", "DATA", "PHX"])
    return "%s-%d" % (proj, rng.randint(120, 9899))


EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me",
                 "comcast.net", "att.net", "verizon.net", "msn.com", "sbcglobal.net", "ymail.com", "live.com",
                 "gmx.com", "mail.com", "cox.net", "charter.net"]
ORG_DOMAINS = ["pinecresths.org", "stellamarishealth.org", "northvalleymed.org", "lakeshore-clinic.org",
               "cedarbluffhealth.com", "harborpointhealth.org", "mesaverde-hs.org", "tri-riverhealth.net"]


def email_of(rng, p):
    g = fold(p.lat_given).lower().replace(" ", "").replace("'", "").replace("-", "")
    f = fold(p.lat_family).lower().replace(" ", "").replace("'", "").replace("-", "")
    y = str(p.dob.year) if p.dob else "77"
    local = rng.choice([g + "." + f, g[0] + f + y[2:], f + "." + g + str(rng.randint(1, 99)),
                        g + f + str(rng.randint(100, 999)), g + "_" + f[:4] + y[2:], g + "." + f + y,
                        f + g[0] + str(rng.randint(10, 99))])
    return local + "@" + rng.choice(EMAIL_DOMAINS)


def staff_email(p, dom):
    return "%s.%s@%s" % (fold(p.lat_given).lower().replace(" ", "").replace("'", ""),
                         fold(p.lat_family).lower().replace(" ", "").replace("'", ""), dom)


FACILITIES = ["Pinecrest Regional Medical Center", "Stella Maris Hospital", "North Valley Medical Center",
              "Lakeshore Community Clinic", "Cedar Bluff Health", "Harbor Point Hospital",
              "Mesa Verde Health System", "Tri-River Family Practice", "St. Agnes Infirmary",
              "Bayou Crest Medical Center", "Red Cliffs Rehabilitation Hospital", "Copper Basin Clinic"]
PAYERS = ["Keystone Mutual Health", "BlueRiver Health Plan", "Cascadia Care Insurance", "Prairie Shield HMO",
          "Atlas Medicare Advantage", "Harborline Medicaid MCO", "Summit Choice PPO", "Evergreen Benefit Trust"]
ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
       ("J44.1", "COPD with acute exacerbation"), ("N18.4", "Chronic kidney disease, stage 4"),
       ("I48.91", "Unspecified atrial fibrillation"), ("F32.A", "Depression, unspecified"),
       ("M17.11", "Primary osteoarthritis, right knee"), ("J18.9", "Pneumonia, unspecified organism"),
       ("I50.22", "Chronic systolic heart failure"), ("S72.001A", "Fracture of neck of right femur, initial"),
       ("G30.1", "Alzheimer's disease with late onset"), ("E03.9", "Hypothyroidism, unspecified"),
       ("K57.32", "Diverticulitis of large intestine"), ("R55", "Syncope and collapse"),
       ("N39.0", "Urinary tract infection, site not specified"), ("A41.9", "Sepsis, unspecified organism"),
       ("L89.153", "Pressure ulcer of sacral region, stage 3"), ("G47.33", "Obstructive sleep apnea"),
       ("C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), ("M81.0", "Age-related osteoporosis")]
MEDS = ["apixaban 5 mg", "metformin 1000 mg", "lisinopril 20 mg", "atorvastatin 40 mg", "levothyroxine 75 mcg",
        "furosemide 40 mg", "insulin glargine 22 units", "sertraline 50 mg", "tamsulosin 0.4 mg",
        "donepezil 10 mg", "warfarin 5 mg", "amlodipine 10 mg", "pantoprazole 40 mg", "gabapentin 300 mg",
        "carvedilol 12.5 mg", "semaglutide 0.5 mg", "empagliflozin 10 mg", "tiotropium 18 mcg",
        "alendronate 70 mg", "memantine 10 mg"]
CPT = [("99214", "Office visit, est., moderate"), ("99223", "Initial hospital care, high"), ("93000", "ECG, complete"),
       ("71046", "Chest X-ray, 2 views"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ diff"),
       ("27447", "Total knee arthroplasty"), ("99285", "ED visit, high"), ("97110", "Therapeutic exercise"),
       ("45378", "Colonoscopy, diagnostic"), ("70450", "CT head w/o contrast"), ("36415", "Venipuncture"),
       ("G0439", "Annual wellness visit, subsequent"), ("E0601", "CPAP device"), ("95810", "Polysomnography")]


def icd(rng):
    return rng.choice(ICD)


def med(rng):
    return rng.choice(MEDS)


def cpt(rng):
    return rng.choice(CPT)


def money(rng, lo=40, hi=9000):
    return "%.2f" % (rng.randint(lo * 100, hi * 100) / 100)


# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------

TEMPLATES = collections.OrderedDict((f, []) for f in PHI_FAMILIES + CLEAN_FAMILIES)


def tpl(family, variant):
    def deco(fn):
        TEMPLATES[family].append((variant, fn))
        return fn
    return deco


# ---------------------------------------------------------------------------
# shared snippets
# ---------------------------------------------------------------------------


def jira_head(rng, d, summary, proj=None, typ="Bug", labels="hl7"):
    key = jira_key(rng, proj)
    rep, asg = staff(rng, d), staff(rng, d)
    style = rng.randint(0, 2)
    pri = rng.choice(["High", "Medium", "Highest", "P2", "P1"])
    stt = rng.choice(["In Progress", "Open", "To Do", "In Review", "Waiting for support"])
    if style == 0:
        d.f("""
        [@{key}] @{summary}
        Type: @{typ}    Priority: @{pri}    Status: @{stt}
        Reporter: @{rep}    Assignee: @{asg}
        Created: @{cr}    Updated: @{up}    Labels: @{labels}

        """, key=key, summary=summary, typ=typ, pri=pri, stt=stt, rep=S(rep), asg=S(asg), cr=ts(rng)[:16],
            up=ts(rng)[:16], labels=labels)
    elif style == 1:
        d.f("""
        @{key}
        @{summary}
        Details
        Type:\t@{typ}\tStatus:\t@{stt}
        Priority:\t@{pri}\tResolution:\tUnresolved
        Component/s:\tInterfaces\tLabels:\t@{labels}
        People
        Assignee:\t@{asg}
        Reporter:\t@{rep}
        Dates
        Created:\t@{cr}
        Updated:\t@{up}

        """, key=key, summary=summary, typ=typ, pri=pri, stt=stt, rep=S(rep), asg=S(asg),
            cr=rng.choice(["2 days ago", "Yesterday 4:12 PM", "18/Nov/26 9:03 AM"]), up="an hour ago", labels=labels)
    else:
        d.f("""
        h2. @{key}: @{summary}
        *Reporter:* [~@{reph}]  *Assignee:* [~@{asgh}]  *Priority:* @{pri}  *Sprint:* INT Sprint @{sp}

        """, key=key, summary=summary, reph=D(handle(rep), "person_name"), asgh=D(handle(asg), "person_name"),
            pri=pri, sp=rng.randint(40, 90))
    return key, rep, asg


def city_state_zip(a, zip4=False, sep=", "):
    z = a.zip + ("-" + a.zip4 if zip4 else "")
    return [P(a.city, "street_address"), sep, D(a.state, "state"), " ", P(z, "zip_code")]


# ---------------------------------------------------------------------------
# PHI family: jira_hl7
# ---------------------------------------------------------------------------


@tpl("jira_hl7", "jira_hl7_escape_repeat")
def _(rng, d):
    p = person(rng, d, sex="F", dob_range=(1936, 1990))
    rel = person(rng, d, family_of=p, sex="F")
    a = addr(rng, unit_p=0.9)
    if not a.unit:
        a.unit = "Apt 2"
    m, s = mrn(rng), ssn(rng)
    a1, n1 = phone(rng, a, "parts")
    a2, n2 = phone(rng, a, "parts")
    em = email_of(rng, p)
    cid = digits(rng, 8, False)
    jira_head(rng, d, "ADT^A08 escape sequences (\\T\\, \\X0D\\) stored verbatim in registration notes", labels="hl7 escaping mirth")
    d.f(r"""
    Inbound A08 messages that carry HL7 escape sequences are persisted verbatim instead of being unescaped. Repeating PID-3 and PID-13 also only keep the first repetition.

    Example from channel ADT_IN_04, control id @{cid}:
    {code}
    MSH|^~\&|CERNER|PRMC|MIRTH|HIE|@{msh7}||ADT^A08^ADT_A01|@{cid}|P|2.5.1
    EVN|A08|@{msh7}
    PID|1||@{mrn}^^^PRMC^MR~@{ssn}^^^SSA^SS||@{name}||@{dob}|F|||@{street}^@{unit}^@{city}^@{st}^@{zip}^USA^H||^PRN^PH^^1^@{a1}^@{n1}~^PRN^CP^^1^@{a2}^@{n2}~^NET^Internet^@{email}
    NK1|1|@{relname}|DAU^Daughter^HL70063
    NTE|1||Pt prefers AM appts\X0D\\X0A\Daughter @{relfirst} \T\ husband drive her\.br\Gate code on file \F\ ring twice
    {code}

    Expected in REG_NOTE: "Daughter @{relfirst2} & husband drive her" on its own line. Actual: the raw \T\ and \X0D\\X0A\ show up in the registration banner.
    Also PID-3 second repetition (SSA) and PID-13 second/third repetitions are dropped by the transformer (only [0] is read).
    """, cid=cid, msh7=hl7ts(svc_date(rng), rng), mrn=P(m, "mrn"), ssn=P(s, "ssn"), name=P(p.hl7(), "person_name"),
        dob=P(fd(p.dob, "hl7"), "date"), street=P(a.line1, "street_address"), unit=P(a.unit, "street_address"),
        city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"), a1=P(a1, "phone"),
        n1=P(n1, "phone"), a2=P(a2, "phone"), n2=P(n2, "phone"), email=P(em, "email"),
        relname=P(rel.hl7(mi=False), "person_name"), relfirst=P(rel.lat_given, "person_name"),
        relfirst2=P(rel.lat_given, "person_name"))


@tpl("jira_hl7", "jira_hl7_slack_thread")
def _(rng, d):
    p = person(rng, d, sex="M", dob_range=(1940, 1985))
    wife = person(rng, d, family_of=p, sex="F")
    a = addr(rng)
    m = mrn(rng)
    s1, s2, s3 = staff(rng, d), staff(rng, d), staff(rng, d)
    alt = p.dob + dt.timedelta(days=rng.choice([1, 30, 365, -31]))
    key = jira_key(rng, "HIE")
    d.f("""
    @{key} A31 updates rejected by state HIE (AE, "demographic mismatch")

    Pasted from #interfaces-oncall so we have the context:

    @{s1}  9:41 AM
    anyone else seeing A31s bounce from the HIE? getting AE back on this one
    ```PID|1||@{mrn}^^^SMH^MR||@{name}||@{dob}|M|||@{street}^^@{city}^@{st}^@{zip}||@{ph}```
    @{s2}  9:43 AM
    HIE rejects when PID-11 has no county code. Also they have DOB @{alt} on file, we send @{dob2}. same guy?
    @{s1}  9:44 AM
    same pt, registration typo on their side. I called his wife @{wife} on @{calld} and she confirmed @{dob3}
    @{s3}  9:52 AM
    :eyes: please no PHI in slack, moving this to @{key2}
    @{s2}  9:53 AM
    :+1: deleting the thread

    Action: add county (PID-11.9) default from ZIP lookup; ask HIE to correct their record.
    """, key=key, s1=S(s1), s2=S(s2), s3=S(s3), mrn=P(m, "mrn"), name=P(p.hl7(), "person_name"),
        dob=P(fd(p.dob, "hl7"), "date"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "digits"), "phone"),
        alt=P(fd(alt, "us"), "date"), dob2=P(fd(p.dob, "us"), "date"), wife=P(wife.full(), "person_name"),
        calld=D(fd(rand_date(rng, dt.date(2026, 11, 2), dt.date(2026, 11, 20)), "mon"), "date"),
        dob3=P(fd(p.dob, "long"), "date"), key2=key)


@tpl("jira_hl7", "jira_hl7_x12_837p")
def _(rng, d):
    p = person(rng, d, dob_range=(1950, 2001))
    a = addr(rng, unit_p=0.2)
    dos = svc_date(rng)
    ic = icd(rng)
    pcn = acct(rng)
    jira_head(rng, d, "837P rejected by clearinghouse: 2010BA N4 ZIP+4 required", proj="RCM", labels="x12 837 edi")
    ctrl = digits(rng, 9, False)
    d.f("""
    Clearinghouse 999/277CA came back with rejection A7:500 "Entity's Postal/Zip Code" for the subscriber loop. Segment dump of the claim (file CLM_@{fn}.x12):

    {noformat}
    ISA*00*          *00*          *ZZ*PRMCBILL       *ZZ*CLRHOUSE01     *261117*2214*^*00501*@{ctrl}*0*P*:~
    GS*HC*PRMCBILL*CLRHOUSE01*20261117*2214*4821*X*005010X222A1~
    ST*837*0001*005010X222A1~
    NM1*85*2*PINECREST REGIONAL MEDICAL CENTER*****XX*@{npi}~
    HL*2*1*22*0~
    SBR*P*18*@{grp}******CI~
    NM1*IL*1*@{name}****MI*@{mid}~
    N3*@{street}~
    N4*@{city}*@{st}*@{zip}~
    DMG*D8*@{dob}*@{sex}~
    REF*SY*@{ssn}~
    NM1*PR*2*KEYSTONE MUTUAL HEALTH*****PI*60054~
    CLM*@{pcn}*@{amt}***11:B:1*Y*A*Y*Y~
    DTP*472*D8*@{dos}~
    HI*ABK:@{icd}~
    SV1*HC:@{cpt}*@{amt}*UN*1***1~
    SE*17*0001~
    {noformat}

    N4-03 has only 5 digits; the payer now requires ZIP+4 for 2010BA. We have the +4 in EPI (@{zip4}) but the mapper truncates it.
    """, fn=digits(rng, 6), ctrl=ctrl, npi=D(npi(rng), "npi"), grp=D(group_no(rng), "group_number"),
        name=P(p.hl7(sep="*"), "person_name"), mid=P(member_id(rng), "health_plan_id"),
        street=P(fold(a.street).upper(), "street_address"), city=P(a.city.upper(), "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"), dob=P(fd(p.dob, "hl7"), "date"), sex=p.sex,
        ssn=P(ssn(rng, dashes=False), "ssn"), pcn=P(pcn, "account_number"), amt=money(rng, 80, 900),
        dos=P(fd(dos, "hl7"), "date"), icd=D(ic[0].replace(".", ""), "diagnosis_code"),
        cpt=D(cpt(rng)[0], "procedure_code"), zip4=P(a.zip + "-" + a.zip4, "zip_code"))


@tpl("jira_hl7", "jira_hl7_x12_271")
def _(rng, d):
    sub = person(rng, d, dob_range=(1968, 1992))
    kid = person(rng, d, family_of=sub, dob_range=(2010, 2022))
    a = addr(rng)
    mid = member_id(rng)
    dos = svc_date(rng)
    jira_head(rng, d, "271 from payer: dependent returned as subscriber, eligibility shows inactive", proj="RCM",
              typ="Defect", labels="x12 eligibility 270-271")
    d.f("""
    Real-time eligibility (270/271) for a dependent comes back with EB*6 (inactive) although the card is valid. Request/response from the RTE log, trace @{trace}:

    270 (sent):
    HL*3*2*22*1~
    TRN*1*@{trn}*9PRMCRTE01~
    NM1*IL*1*@{subname}****MI*@{mid}~
    DMG*D8*@{subdob}~
    HL*4*3*23*0~
    NM1*03*1*@{kidname}~
    DMG*D8*@{kiddob}~
    DTP*291*D8*@{dos}~
    EQ*30~

    271 (received):
    NM1*IL*1*@{subname2}****MI*@{mid2}~
    N3*@{street}~
    N4*@{city}*@{st}*@{zip}~
    DMG*D8*@{subdob2}*@{sx}~
    INS*Y*18*001*25~
    EB*6**30~
    MSG*SUBSCRIBER COVERAGE TERMED DEPENDENT MOVED TO OWN CONTRACT~

    Payer says the child now has her own member suffix (-02). We need to send the dependent as the subscriber with @{mid3}-02 when the 271 says so.
    """, trace=uuid(rng), trn=digits(rng, 10, False), subname=P(sub.hl7(mi=False, sep="*"), "person_name"),
        mid=P(mid, "health_plan_id"), subdob=P(fd(sub.dob, "hl7"), "date"),
        kidname=P(kid.hl7(mi=False, sep="*"), "person_name"), kiddob=P(fd(kid.dob, "hl7"), "date"),
        dos=P(fd(dos, "hl7"), "date"), subname2=P(sub.hl7(mi=False, sep="*"), "person_name"),
        mid2=P(mid, "health_plan_id"), street=P(fold(a.street).upper(), "street_address"),
        city=P(a.city.upper(), "street_address"), st=D(a.state, "state"), zip=P(a.zip + a.zip4, "zip_code"),
        subdob2=P(fd(sub.dob, "hl7"), "date"), sx=sub.sex, mid3=P(mid, "health_plan_id"))


@tpl("jira_hl7", "jira_hl7_java_exception")
def _(rng, d):
    p = person(rng, d, dob_range=(1933, 1975))
    m = mrn(rng)
    bad = p.dob
    if bad.day <= 12:
        bad = bad.replace(day=13 + rng.randint(0, 14))
    cid = digits(rng, 8, False)
    jira_head(rng, d, "AdtProcessor throws on dd/MM birth dates from the clinic feed", labels="hl7 parser exception")
    t0 = ts(rng, frac=True).replace(".", ",")
    d.f("""
    The clinic feed (sending facility TRFP) sends PID-7 as dd/MM/yyyy. Our parser rejects it and the whole batch stops. From app-02 catalina.out:

    {code:java}
    @{t0} ERROR [pool-4-thread-7] c.p.hie.inbound.AdtProcessor - Failed to process message @{cid}
    ca.uhn.hl7v2.model.DataTypeException: Failed validation rule: Invalid date/time: "@{bad}" in PID-7 of patient '@{nameup}' MRN @{mrn}
    \tat ca.uhn.hl7v2.model.primitive.CommonTS.setValue(CommonTS.java:206)
    \tat ca.uhn.hl7v2.model.v251.datatype.TS.parse(TS.java:88)
    \tat com.pinecrest.hie.inbound.PidMapper.birthDate(PidMapper.java:142)
    \tat com.pinecrest.hie.inbound.AdtProcessor.process(AdtProcessor.java:77)
    \tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)
    Caused by: java.lang.IllegalArgumentException: invalid DOB @{bad2} for patient '@{name}' MRN @{mrn2} (expected yyyyMMdd)
    \tat com.pinecrest.hie.util.Dates.strict(Dates.java:31)
    \t... 4 more
    {code}

    Proposed fix: accept dd/MM/yyyy only for TRFP and log the raw value masked. Also the exception message should not include the patient name/MRN at all (this went to Splunk).
    """, t0=t0, cid=cid, bad=P(fd(bad, "eu").replace(".", "/"), "date"), nameup=P(p.ascii_lf().upper(), "person_name"),
        mrn=P(m, "mrn"), bad2=P(fd(bad, "eu").replace(".", "/"), "date"), name=P(p.ascii_lf(), "person_name"),
        mrn2=P(m, "mrn"))


@tpl("jira_hl7", "jira_hl7_json_log")
def _(rng, d):
    p = person(rng, d, native=True, dob_range=(1938, 2004))
    a = addr(rng, unit_p=0)
    m = mrn(rng)
    ev = uuid(rng)
    host = priv_ip(rng)
    jira_head(rng, d, "Patient match below threshold for A04 from urgent care", labels="mpi matching logging")
    d.f("""
    EMPI router logs a WARN for every A04 from the urgent care feed and creates a new MRN instead of linking. Two lines from Kibana (index adt-router-*):

    {"@timestamp":"@{t1}","level":"WARN","logger":"empi.router","msg":"candidate below threshold","event_id":"@{ev}","host":"@{host}","patient":{"mrn":"@{mrn}","family":"@{fam}","given":"@{giv}","birth_date":"@{dob}","postal_code":"@{zip}","phone":"@{ph}"},"score":0.71,"threshold":0.80}
    {"@timestamp":"@{t2}","level":"INFO","logger":"empi.router","msg":"created new enterprise id","event_id":"@{ev}","host":"@{host}","empi_id":"@{empi}","source_mrn":"@{mrn2}"}

    The phone in the inbound message has a leading +1 and ours does not, which costs 0.12 of the score. Normalize both sides to E.164 before comparing.
    """, **dict(zip(["t1", "t2"], [x + "Z" for x in tss(rng, 2, frac=True, sep="T")])), ev=ev, host=host,
        mrn=P(m, "mrn"), fam=P(p.family, "person_name"), giv=P(p.given, "person_name"),
        dob=P(fd(p.dob, "iso"), "date"), zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "e164"), "phone"),
        empi=D("EID" + digits(rng, 9), "internal_id"), mrn2=P(m, "mrn"))


@tpl("jira_hl7", "jira_hl7_a04_guarantor")
def _(rng, d):
    p = person(rng, d, dob_range=(2008, 2019))
    mom = person(rng, d, family_of=p, sex="F", dob_range=(1975, 1992))
    dad = person(rng, d, family_of=p, sex="M", dob_range=(1972, 1990))
    a = addr(rng)
    b = addr(rng)
    ha, hn = phone(rng, a, "parts")
    ca, cn = phone(rng, a, "parts")
    mid = member_id(rng)
    visit = acct(rng)
    adm = svc_date(rng)
    jira_head(rng, d, "GT1 guarantor overwritten by NK1 when patient is a minor", labels="hl7 registration billing")
    d.f("""
    For minors, the billing system takes the guarantor from NK1 rep 1 instead of GT1. Divorced parents, different addresses; statements went to the wrong parent.

    {code}
    PID|1||@{mrn}^^^NVMC^MR||@{name}||@{dob}|@{sx}|||@{street}^^@{city}^@{st}^@{zip}^^H~@{street2}^^@{city2}^@{st2}^@{zip2}^^M||^PRN^PH^^1^@{ha}^@{hn}~^PRN^CP^^1^@{ca}^@{cn}|||||@{visit}
    PV1|1|O|PEDS^^^NVMC||||@{att}|||||||||||@{visit2}|||||||||||||||||||||||||@{adm}
    NK1|1|@{dad}|FTH^Father|@{street2b}^^@{city2b}^@{st2b}^@{zip2b}
    NK1|2|@{mom}|MTH^Mother|@{street3}^^@{city3}^@{st3}^@{zip3}
    GT1|1||@{mom2}||@{street4}^^@{city4}^@{st4}^@{zip4}|||||MTH
    IN1|1|PPO01|60054|SUMMIT CHOICE PPO|PO BOX 8812^^DALLAS^TX^75266||(800) 274-1120|@{grp}||||||||@{mom3}|01|||||||||||||||||||@{mid}
    {code}
    Guarantor should be the GT1 person (mother, @{street5}); statement of @{stmt} went to the father's address.
    """, mrn=P(mrn(rng), "mrn"), name=P(p.hl7(), "person_name"), dob=P(fd(p.dob, "hl7"), "date"), sx=p.sex,
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), st=D(a.state, "state"),
        zip=P(a.zip, "zip_code"), street2=P(b.street, "street_address"), city2=P(b.city, "street_address"),
        st2=D(b.state, "state"), zip2=P(b.zip, "zip_code"), ha=P(ha, "phone"), hn=P(hn, "phone"), ca=P(ca, "phone"),
        cn=P(cn, "phone"), visit=P(visit, "account_number"), visit2=P(visit, "account_number"),
        att=D(npi(rng) + "^" + staff(rng, d).hl7(mi=False), "person_name"), adm=P(hl7ts(adm, rng), "date"),
        dad=P(dad.hl7(mi=False), "person_name"), street2b=P(b.street, "street_address"),
        city2b=P(b.city, "street_address"), st2b=D(b.state, "state"), zip2b=P(b.zip, "zip_code"),
        mom=P(mom.hl7(mi=False), "person_name"), street3=P(a.street, "street_address"),
        city3=P(a.city, "street_address"), st3=D(a.state, "state"), zip3=P(a.zip, "zip_code"),
        mom2=P(mom.hl7(mi=False), "person_name"), street4=P(a.street, "street_address"),
        city4=P(a.city, "street_address"), st4=D(a.state, "state"), zip4=P(a.zip, "zip_code"),
        grp=D(group_no(rng), "group_number"), mom3=P(mom.hl7(mi=False), "person_name"), mid=P(mid, "health_plan_id"),
        street5=P(a.street, "street_address"), stmt=D(fd(rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 10, 30)), "us"), "date"))


@tpl("jira_hl7", "jira_hl7_ack_err_death")
def _(rng, d):
    p = person(rng, d, dob_range=(1928, 1950))
    death = svc_date(rng)
    wrong = dt.date(p.dob.year - rng.randint(1, 4), p.dob.month, min(p.dob.day, 28))
    m = mrn(rng)
    cid = "A03" + digits(rng, 7)
    jira_head(rng, d, "A03 with PID-29 rejected by registry: death date before birth date", labels="hl7 ack vital-records")
    d.f("""
    The vital records registry NAKs our A03 (expired) messages when PID-30 = Y. Outbound and the ACK:

    {code}
    MSH|^~\\&|EPIC|SAIM|VRREG|STATE|@{msh7}||ADT^A03|@{cid}|P|2.5.1
    PID|1||@{mrn}^^^SAIM^MR||@{name}||@{wrong}|@{sx}||||||||||||||||||||@{death}|Y
    PV1|1|I|4W^412^B^SAIM||||||||||||||||||||||||||||||||||||||@{adm}|@{death2}
    ---
    MSH|^~\\&|VRREG|STATE|EPIC|SAIM|@{msh7b}||ACK^A03|R@{cid}|P|2.5.1
    MSA|AE|@{cid}
    ERR||PID^1^29|207^Application internal error^HL70357|E||||Death date @{death3} precedes birth date @{wrong2} for @{name2}
    {code}

    PID-7 is wrong in this message: registration shows @{dob} but the A03 was built from the merged (MRG) record with the old DOB. Need to rebuild PID from the surviving record.
    """, msh7=hl7ts(death, rng, secs=True), cid=cid, mrn=P(m, "mrn"), name=P(p.hl7(), "person_name"),
        wrong=P(fd(wrong, "hl7"), "date"), sx=p.sex, death=P(hl7ts(death, rng), "date"),
        adm=P(hl7ts(death - dt.timedelta(days=rng.randint(2, 14)), rng), "date"),
        death2=P(hl7ts(death, rng), "date"), msh7b=hl7ts(death, rng, secs=True),
        death3=P(fd(death, "hl7"), "date"), wrong2=P(fd(wrong, "hl7"), "date"),
        name2=P(p.hl7(mi=False), "person_name"), dob=P(fd(p.dob, "us"), "date"))


@tpl("jira_hl7", "jira_hl7_ccda_recordtarget")
def _(rng, d):
    p = person(rng, d, dob_range=(1940, 1998))
    g = person(rng, d, family_of=p)
    a = addr(rng)
    m = mrn(rng)
    ph = phone(rng, a, "dash")
    jira_head(rng, d, "CCD export fails Schematron: guardian telecom missing @use", proj="HIE", labels="c-cda ccd export")
    d.f("""
    Transition-of-care CCD fails the ONC validator with "SHALL contain exactly one [1..1] @use" on guardian/telecom. Snippet from the generated document:

    {code:xml}
    <recordTarget>
      <patientRole>
        <id extension="@{mrn}" root="2.16.840.1.113883.3.7128.1.1"/>
        <id extension="@{ssn}" root="2.16.840.1.113883.4.1"/>
        <addr use="HP">
          <streetAddressLine>@{street}</streetAddressLine>
          <city>@{city}</city>
          <state>@{st}</state>
          <postalCode>@{zip}</postalCode>
        </addr>
        <telecom value="tel:@{ph}" use="HP"/>
        <telecom value="mailto:@{em}"/>
        <patient>
          <name use="L"><given>@{given}</given><family>@{family}</family></name>
          <administrativeGenderCode code="@{sx}" codeSystem="2.16.840.1.113883.5.1"/>
          <birthTime value="@{dob}"/>
          <guardian>
            <code code="@{relcode}" codeSystem="2.16.840.1.113883.5.111"/>
            <telecom value="tel:@{gph}"/>
            <guardianPerson><name><given>@{ggiven}</given><family>@{gfamily}</family></name></guardianPerson>
          </guardian>
        </patient>
      </patientRole>
    </recordTarget>
    {code}
    Fix: default guardian telecom @use to "HP" when the source has no type.
    """, mrn=P(m, "mrn"), ssn=P(ssn(rng, dashes=False), "ssn"), street=P(a.street, "street_address"),
        city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"), ph=P("+1-" + ph, "phone"),
        em=P(email_of(rng, p), "email"), given=P(p.given, "person_name"), family=P(p.family, "person_name"),
        sx=p.sex, dob=P(fd(p.dob, "hl7"), "date"), relcode=rng.choice(["SON", "DAU", "SPS", "NIECE"]),
        gph=P("+1-" + phone(rng, a, "dash"), "phone"), ggiven=P(g.given, "person_name"),
        gfamily=P(g.family, "person_name"))


@tpl("jira_hl7", "jira_hl7_dicom_mwl")
def _(rng, d):
    p = person(rng, d, dob_range=(1924, 1934))
    p.dob = old_dob(rng)
    sched = svc_date(rng)
    age = age_on(p.dob, sched)
    m = mrn(rng)
    accn = "RAD" + digits(rng, 8)
    jira_head(rng, d, "ORM^O01 -> modality worklist: PatientAge wrong for patients over 89", proj="IMG", labels="dicom mwl orm")
    d.f("""
    The ORM-to-MWL broker computes (0010,1010) from PID-7 using the order date, but for >89 it writes the wrong century. dcmdump of the C-FIND response the CT received:

    {noformat}
    # Dicom-Data-Set
    # Used TransferSyntax: Little Endian Explicit
    (0008,0050) SH [@{accn}]                              #  12, 1 AccessionNumber
    (0010,0010) PN [@{name}]                        #  16, 1 PatientName
    (0010,0020) LO [@{mrn}]                               #   8, 1 PatientID
    (0010,0030) DA [@{dob}]                               #   8, 1 PatientBirthDate
    (0010,0040) CS [@{sx}]                                     #   2, 1 PatientSex
    (0010,1010) AS [@{age}]                                   #   4, 1 PatientAge
    (0010,2154) SH [@{ph}]                          #  12, 1 PatientTelephoneNumbers
    (0032,1060) LO [CT HEAD WO CONTRAST]                   #  20, 1 RequestedProcedureDescription
    (0040,0100) SQ (Sequence with explicit length #=1)     #  70, 1 ScheduledProcedureStepSequence
      (0040,0002) DA [@{sched}]                           #   8, 1 ScheduledProcedureStepStartDate
      (0040,0006) PN [@{perf}]                      #  14, 1 ScheduledPerformingPhysicianName
    (fffe,e0dd) na (SequenceDelimitationItem)
    {noformat}
    The CT console shows the age field empty for this one; the tech typed @{age2} by hand.
    """, accn=D(accn, "accession"), name=P(p.hl7(mi=False), "person_name"), mrn=P(m, "mrn"),
        dob=P(fd(p.dob, "hl7"), "date"), sx=p.sex, age=P("%03dY" % age, "age_over_89"),
        ph=P(phone(rng, None, "digits"), "phone"), sched=P(fd(sched, "hl7"), "date"),
        perf=D(staff(rng, d).hl7(mi=False), "person_name"), age2=P("%d" % age, "age_over_89"))


@tpl("jira_hl7", "jira_hl7_teams_mirth")
def _(rng, d):
    p = person(rng, d, dob_range=(1945, 2000))
    a = addr(rng)
    m = mrn(rng)
    s1, s2 = staff(rng, d), staff(rng, d)
    dos = svc_date(rng)
    ac, an = phone(rng, a, "parts")
    mb = mrn(rng, "e7")
    jira_head(rng, d, "ORU results routed to wrong patient after Mirth upgrade", labels="mirth oru teams")
    d.f("""
    Copied from Teams (Interfaces - Prod Support):

    [10:02 AM] @{s1}
    after the 4.5 upgrade channel LAB_ORU_OUT is mapping PID-3.1 from the second repetition. see message browser:
    [10:05 AM] @{s2}
    Raw:
    MSH|^~\\&|SUNQUEST|LAB|EPIC|PRMC|@{msh7}||ORU^R01|@{cid}|P|2.3
    PID|1|@{ext}|@{mrn}^^^PRMC^MR~@{mrn_b}^^^LEGACY^PI||@{name}||@{dob}|@{sx}|||@{street}^^@{city}^@{st}^@{zip}||(@{ac})@{an}
    OBR|1||@{accn}|CBC^Complete blood count|||@{obr7}
    OBX|1|NM|HGB^Hemoglobin||9.1|g/dL|12.0-16.0|L|||F|||@{obx14}
    Transformed (JSON):
    {"patientId":"@{mrn_b2}","name":"@{name2}","collected":"@{obr7b}","tests":[{"code":"HGB","value":9.1}]}
    [10:06 AM] @{s1}
    yep patientId should be @{mrn2}, not the legacy PI. rolling back the transformer
    """, s1=S(s1), s2=S(s2), msh7=hl7ts(dos, rng, secs=True), cid=digits(rng, 10, False),
        ext=P(mrn(rng, "d7"), "mrn"), mrn=P(m, "mrn"), mrn_b=P(mb, "mrn"),
        name=P(p.hl7(), "person_name"), dob=P(fd(p.dob, "hl7"), "date"), sx=p.sex,
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), st=D(a.state, "state"),
        zip=P(a.zip, "zip_code"), ac=P(ac, "phone"), an=P(an[:3] + "-" + an[3:], "phone"),
        accn=D("L" + digits(rng, 9), "accession"), obr7=P(hl7ts(dos, rng), "date"),
        obx14=P(hl7ts(dos, rng), "date"), mrn_b2=P(mb, "mrn"), name2=P(p.ascii_full(), "person_name"),
        obr7b=P(fd(dos, "iso"), "date"), mrn2=P(m, "mrn"))


# ---------------------------------------------------------------------------
# PHI family: confluence_patient_table
# ---------------------------------------------------------------------------


def md_row(cells, sep=" | ", lead="| ", tail=" |"):
    return [lead] + join(sep, [c if isinstance(c, (list, Sp)) else str(c) for c in cells]) + [tail, "\n"]


def conf_head(rng, d, title, space="Clinical Systems"):
    author, editor = staff(rng, d), staff(rng, d)
    d.f("""
    @{space} / @{title}
    Created by @{a}, last updated by @{e} on @{upd} • @{mins} min read

    """, space=space, title=title, a=S(author), e=S(editor),
        upd=fd(rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 4)), "mon"), mins=rng.randint(2, 9))
    return author, editor


@tpl("confluence_patient_table", "conf_incident_affected")
def _(rng, d):
    inc = "INC%07d" % rng.randint(100000, 999999)
    conf_head(rng, d, "Post-incident review: %s duplicate SMS appointment reminders" % inc)
    d.f("""
    h2. Summary
    Between 06:00 and 07:40 the reminder job re-sent yesterday's batch, so patients got a second text with the wrong appointment time. Vendor confirmed @{n} messages. Affected patients we called back are listed below so the clinics can confirm; delete this table once done (retention: 30 days).

    h2. Affected patients (called back)
    """, n=rng.randint(180, 900))
    d.add(md_row(["#", "Patient", "MRN", "DOB", "Mobile texted", "Real appt", "Called by", "Outcome"]))
    for i in range(rng.randint(3, 5)):
        pt = person(rng, d, native=0.5, dob_range=(1935, 2005))
        a = addr(rng)
        appt = rand_date(rng, dt.date(2026, 10, 1), dt.date(2026, 10, 30))
        d.add(md_row([str(i + 1), P(pt.full(), "person_name"), P(mrn(rng), "mrn"), P(fd(pt.dob, "us"), "date"),
                      P(phone(rng, a, "dash"), "phone"), P(fd(appt, "us") + " %d:%02d" % (rng.randint(8, 16), rng.choice([0, 15, 30, 45])), "date"),
                      S(staff(rng, d)), rng.choice(["confirmed", "voicemail left", "rescheduled", "no answer x2"])]))
    d.f("""

    h2. Root cause
    The cron expression in reminder-scheduler (v3.14.2) was changed to UTC without shifting the window. See @{key}.
    """, key=jira_key(rng, "PORTAL"))


@tpl("confluence_patient_table", "conf_migration_recon")
def _(rng, d):
    conf_head(rng, d, "Legacy PM conversion – wave 3 demographic mismatches", space="EHR Conversion")
    d.f("""
    Rows where the converted Epic record differs from the legacy practice-management record after load 3b. Owners: HIM data quality. Status column is updated daily.

    """)
    d.add(md_row(["Legacy acct", "Field", "Legacy value", "Converted value", "Cause", "Status"]))
    for _ in range(rng.randint(4, 6)):
        pt = person(rng, d, dob_range=(1930, 2012))
        a = addr(rng)
        k = rng.choice(["name", "dob", "addr", "phone", "ssn"])
        if k == "name":
            cells = ["PATIENT_NAME", P(pt.full(), "person_name"), P(pt.ascii_lf().upper(), "person_name"),
                     "diacritics / order lost"]
        elif k == "dob":
            wrong = pt.dob.replace(day=pt.dob.month) if pt.dob.month <= 28 else pt.dob
            if wrong == pt.dob:
                wrong = pt.dob + dt.timedelta(days=1)
            cells = ["BIRTH_DATE", P(fd(pt.dob, "us"), "date"), P(fd(wrong, "iso"), "date"), "MM/DD swapped on load"]
        elif k == "addr":
            cells = ["ADDRESS_1", P(a.street, "street_address"), P(fold(a.line1).upper(), "street_address"),
                     "unit dropped (no ADDRESS_2 mapping)"]
        elif k == "phone":
            cells = ["HOME_PHONE", P(phone(rng, a, "paren"), "phone"), P(phone(rng, a, "digits"), "phone"),
                     "legacy had work number in home slot"]
        else:
            s_ = ssn(rng)
            cells = ["SSN", P(s_, "ssn"), "(blank)", "SSN suppressed by conversion rule 14"]
        d.add(md_row([P(acct(rng), "account_number")] + cells + [rng.choice(["open", "fixed in Epic", "won't fix", "HIM review"])]))
    d.f("""

    Note: rule 14 blanks SSNs for patients without a visit since 2019; HIM asked to keep them for guarantors.
    """)


@tpl("confluence_patient_table", "conf_mpi_duplicates")
def _(rng, d):
    conf_head(rng, d, "EMPI duplicate review queue – week 47", space="Patient Access")
    d.f("""
    Pairs above 0.85 that the EMPI did not auto-link. Reviewer decides Link / Not a duplicate / Needs HIM. Do not link twins (see note at bottom).

    """)
    d.add(md_row(["Pair", "Record A", "Record B", "Score", "Reviewer", "Decision"]))
    for i in range(rng.randint(3, 4)):
        pt = person(rng, d, dob_range=(1935, 2015))
        a = addr(rng)
        m1, m2 = mrn(rng, "z8"), mrn(rng, "e7")
        twin = i == 0 and rng.random() < 0.5
        if twin:
            sib = person(rng, d, family_of=pt)
            sib.dob = pt.dob
            b_name, b_dob = sib.full(), pt.dob
        else:
            b_name, b_dob = pt.ascii_full(), pt.dob
        ca = [P(pt.full(), "person_name"), " / ", P(fd(pt.dob, "us"), "date"), " / MRN ", P(m1, "mrn"), " / ", P(a.zip, "zip_code")]
        cb = [P(b_name, "person_name"), " / ", P(fd(b_dob, "us"), "date"), " / MRN ", P(m2, "mrn"), " / ",
              P(a.zip, "zip_code")]
        d.add(md_row(["P-%05d" % rng.randint(100, 99999), ca, cb, "0.%d" % rng.randint(86, 99), S(staff(rng, d)),
                      "Not a duplicate (twin)" if twin else rng.choice(["Link", "Link", "Needs HIM"])]))
    d.f("""

    Twins: same DOB, same address, same guarantor, different given name. The algorithm weighs given name only 0.15, so twins score high. Ticket to add a twin flag: @{key}.
    """, key=jira_key(rng, "EHR"))


def tsv_cell(pieces):
    """an Excel-copied cell: quoted when it contains a newline or a quote"""
    flat = "".join(x.value if isinstance(x, Sp) else x for x in pieces)
    if "\n" in flat or '"' in flat:
        return ['"'] + [Sp(x.value.replace('"', '""'), x.label, x.kind) if isinstance(x, Sp) else x.replace('"', '""') for x in pieces] + ['"']
    return pieces


@tpl("confluence_patient_table", "conf_excel_multiline")
def _(rng, d):
    conf_head(rng, d, "Home infusion referrals pending insurance (copied from tracker.xlsx)", space="Ambulatory Pharmacy")
    d.f("""
    Pasted straight from the shared workbook (sheet "Pending"), so the address and notes cells keep their line breaks:

    {noformat}
    """)
    d.add(join("\t", ["Patient", "DOB", "Address", "Phone", "Drug", "Payer / Member ID", "Notes"]) + ["\n"])
    for _ in range(rng.randint(3, 4)):
        pt = person(rng, d, dob_range=(1935, 1995))
        a = addr(rng, unit_p=0.6)
        addr_cell = [P(a.line1, "street_address")]
        if a.unit:
            addr_cell += ["\n", P(a.unit, "street_address")]
        addr_cell += ["\n"] + city_state_zip(a)
        notes = [rng.choice(["PA submitted ", "Denied, appeal filed ", "Benefits verified "]),
                 D(fd(rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 20)), "us1"), "date"),
                 "\n", rng.choice(["daughter prefers calls after 5", "needs Spanish interpreter",
                                   "call wife " + "first"])]
        cells = [[P(pt.lf(), "person_name")], [P(fd(pt.dob, "us1"), "date")], tsv_cell(addr_cell),
                 [P(phone(rng, a, "paren"), "phone")], [D(rng.choice(["infliximab", "IVIG", "ertapenem", "ocrelizumab",
                                                                       "vancomycin"]), "medication")],
                 tsv_cell([rng.choice(PAYERS), "\n", P(member_id(rng), "health_plan_id")]), tsv_cell(notes)]
        d.add(join("\t", cells) + ["\n"])
    d.f("""
    {noformat}
    """)


@tpl("confluence_patient_table", "conf_ssms_grid")
def _(rng, d):
    conf_head(rng, d, "Runbook: orphaned encounters after ADT outage (query + results)", space="Interface Ops")
    d.f("""
    Query we ran in SSMS against CLARITY_STG (read-only replica) to find encounters with no attending after the outage:

    SELECT e.PAT_ENC_CSN_ID, p.PAT_MRN_ID, p.PAT_NAME, p.BIRTH_DATE, e.CONTACT_DATE, p.HOME_PHONE, e.ATTEND_PROV_ID
    FROM PAT_ENC e JOIN PATIENT p ON p.PAT_ID = e.PAT_ID
    WHERE e.ATTEND_PROV_ID IS NULL AND e.CONTACT_DATE >= '2026-10-01';

    Results (copied with headers from the grid):

    PAT_ENC_CSN_ID\tPAT_MRN_ID\tPAT_NAME\tBIRTH_DATE\tCONTACT_DATE\tHOME_PHONE\tATTEND_PROV_ID
    """)
    for _ in range(rng.randint(4, 6)):
        pt = person(rng, d, dob_range=(1930, 2020))
        a = addr(rng)
        cd = svc_date(rng)
        ph = P(phone(rng, a, "dash"), "phone") if rng.random() < 0.8 else "NULL"
        d.add(join("\t", [D(digits(rng, 10, False), "internal_id"), P(mrn(rng, "d9"), "mrn"),
                          P(pt.ascii_lf().upper().replace(", ", ","), "person_name"),
                          [P(fd(pt.dob, "iso"), "date"), " 00:00:00.000"], [P(fd(cd, "iso"), "date"), " 00:00:00.000"],
                          ph, "NULL"]) + ["\n"])
    d.f("""
    (@{n} rows affected)

    Fix: re-send A08 for each CSN from the ADT resend tool; attending comes back on the next PV1.
    """, n=rng.randint(4, 40))


@tpl("confluence_patient_table", "conf_fax_ocr_queue")
def _(rng, d):
    conf_head(rng, d, "Fax referral intake – OCR exceptions to key by hand", space="Referral Management")
    d.f("""
    The OCR engine could not auto-index these inbound referral faxes (confidence < 0.70). Keyers: open the fax, fix the fields, then mark Done. OCR text is shown as extracted, typos included.

    """)
    d.add(md_row(["Fax ID", "Received", "OCR extract", "Conf.", "Keyer"]))
    for _ in range(rng.randint(3, 5)):
        pt = person(rng, d, dob_range=(1932, 2010))
        a = addr(rng)
        bad_name = pt.ascii_full().upper().replace("I", "l", 1) if "I" in pt.ascii_full().upper() else pt.ascii_full().upper()
        ocr = ["PATlENT: ", P(bad_name, "person_name"), "  D0B: ", P(fd(pt.dob, "us"), "date"), "  PH: ",
               P(phone(rng, a, "paren").replace("0", "O", 1), "phone"), "  REASON: ", D(icd(rng)[1].lower(), "condition")]
        d.add(md_row(["FX-%06d" % rng.randint(1000, 999999), "%s %02d:%02d" % (fd(rand_date(rng, dt.date(2026, 11, 10), dt.date(2026, 12, 3)), "iso"), rng.randint(7, 18), rng.randint(0, 59)),
                      ocr, "0.%02d" % rng.randint(41, 69), S(staff(rng, d), "init")]))
    d.f("""

    Common OCR confusions: l/I in names, O/0 in phone numbers, 5/S in member IDs.
    """)


@tpl("confluence_patient_table", "conf_pacs_reconcile")
def _(rng, d):
    conf_head(rng, d, "PACS / RIS reconciliation – unmatched studies (Nov)", space="Imaging Informatics")
    d.f("""
    Studies in PACS with no matching order in RIS. Most are outside CDs imported at the front desk. Match on name + DOB + study date, then merge into the right accession.

    """)
    d.add(md_row(["Study date", "Modality", "PatientName (DICOM)", "PatientID", "BirthDate", "Accession", "Source"]))
    for _ in range(rng.randint(4, 6)):
        pt = person(rng, d, dob_range=(1928, 2018))
        sd = svc_date(rng)
        d.add(md_row([P(fd(sd, "hl7"), "date"), rng.choice(["CT", "MR", "CR", "US", "NM", "MG"]),
                      P(pt.hl7(), "person_name"), P(rng.choice([mrn(rng), "OUTSIDE-" + digits(rng, 6)]), "mrn"),
                      P(fd(pt.dob, "hl7"), "date"), D(rng.choice(["(empty)", "A" + digits(rng, 8)]), "accession"),
                      rng.choice(["CD import", "outside PACS push", "modality manual entry"])]))
    d.f("""

    PatientID prefixed OUTSIDE- means the CD had another facility's MRN; keep it as an alternate ID, do not overwrite ours.
    """)


@tpl("confluence_patient_table", "conf_kibana_csv_export")
def _(rng, d):
    conf_head(rng, d, "Portal login failures after MFA rollout – raw export", space="Digital Front Door")
    d.f("""
    Kibana Discover export (index portal-auth-*, filter outcome:FAILURE AND reason:DOB_MISMATCH), pasted for the vendor call on Thursday:

    {code}
    "@timestamp","user.email","patient.mrn","patient.dob_entered","patient.dob_on_file","source.ip","user_agent.name"
    """)
    for _ in range(rng.randint(4, 6)):
        pt = person(rng, d, dob_range=(1938, 2004))
        ent = pt.dob.replace(year=pt.dob.year + rng.choice([-1, 1, 10])) if not (pt.dob.month == 2 and pt.dob.day == 29) else pt.dob + dt.timedelta(days=1)
        d.add(['"', "Nov %d, 2026 @ %02d:%02d:%02d.%03d" % (rng.randint(20, 30), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)),
               '","', P(email_of(rng, pt), "email"), '","', P(mrn(rng), "mrn"), '","', P(fd(ent, "iso"), "date"), '","',
               P(fd(pt.dob, "iso"), "date"), '","', P(pub_ip(rng), "ip_address"), '","',
               rng.choice(["Mobile Safari", "Chrome Mobile", "Edge", "Samsung Internet", "Firefox"]), '"\n'])
    d.f("""
    {code}
    Most failures are year typos on the native date picker (iOS wheel). Vendor to switch to three text fields.
    """)


@tpl("confluence_patient_table", "conf_prior_auth_tracker")
def _(rng, d):
    conf_head(rng, d, "Prior authorization tracker – Infusion & Imaging", space="Revenue Cycle")
    d.f("""
    Owner: PA team. Update the Status column when the payer responds. Turnaround target: 3 business days.

    """)
    d.add(md_row(["Patient", "DOB", "Member ID", "Payer", "Service (CPT)", "DOS", "Auth #", "Status"]))
    for _ in range(rng.randint(4, 5)):
        pt = person(rng, d, native=0.5, dob_range=(1935, 2008))
        c = cpt(rng)
        dos = rand_date(rng, dt.date(2026, 10, 1), dt.date(2026, 10, 30))
        d.add(md_row([P(pt.full(), "person_name"), P(fd(pt.dob, "us2"), "date"), P(member_id(rng), "health_plan_id"),
                      rng.choice(PAYERS), [D(c[0], "procedure_code"), " ", c[1]], P(fd(dos, "us2"), "date"),
                      rng.choice(["pending", "PA" + digits(rng, 9), "N/A"]),
                      rng.choice(["Approved", "Pended – clinicals requested", "Denied – peer-to-peer", "Submitted"])]))
    d.f("""

    Peer-to-peer requests go to the ordering provider's pool, not the PA inbox.
    """)


@tpl("confluence_patient_table", "conf_storage_xhtml")
def _(rng, d):
    author, _e = staff(rng, d), None
    d.f("""
    Page source (storage format) of "Wound care – weekly photo rounds" as returned by GET /wiki/rest/api/content/@{cid}?expand=body.storage, pasted while debugging the macro:

    <ac:structured-macro ac:name="info"><ac:rich-text-body><p>Owner: <ac:link><ri:user ri:account-id="@{acc}"/></ac:link></p></ac:rich-text-body></ac:structured-macro>
    <table data-layout="default"><colgroup><col/><col/><col/><col/><col/></colgroup><tbody>
    <tr><th><p>Patient</p></th><th><p>MRN</p></th><th><p>Age</p></th><th><p>Wound</p></th><th><p>Photo</p></th></tr>
    """, cid=digits(rng, 10, False), acc="5b%s" % hexs(rng, 22))
    for _ in range(rng.randint(3, 4)):
        pt = person(rng, d, dob_range=(1926, 1960))
        old = rng.random() < 0.5
        if old:
            pt.dob = old_dob(rng)
        age = age_on(pt.dob, dt.date(2026, 11, 15))
        agecell = P(str(age), "age_over_89") if age >= 90 else str(age)
        fn = "wound_%s_%s.jpg" % (fold(pt.lat_family).lower().replace(" ", "").replace("'", ""), digits(rng, 4))
        d.add(["<tr><td><p>", P(pt.full(), "person_name"), "</p></td><td><p>", P(mrn(rng), "mrn"),
               "</p></td><td><p>", agecell, "</p></td><td><p>",
               D(rng.choice(["sacral pressure injury stage 3", "venous ulcer L medial malleolus", "diabetic foot ulcer R hallux"]), "condition"),
               '</p></td><td><p><ac:image ac:height="150"><ri:attachment ri:filename="', P(fn, "photo"),
               '"/></ac:image></p></td></tr>\n'])
    d.f("""
    </tbody></table>

    The image macro renders blank for attachments over 10 MB; resize on upload.
    """)


@tpl("confluence_patient_table", "conf_lab_specimen_issues")
def _(rng, d):
    conf_head(rng, d, "Specimen labeling events – Q4 (for Lab QA committee)", space="Laboratory")
    d.f("""
    Mislabeled / unlabeled specimen events reported through the safety system. Accession numbers link to the LIS. Names are as printed on the tube vs. the order.

    """)
    d.add(md_row(["Accession", "Collected", "Name on tube", "Name on order", "DOB on order", "Unit", "Event"]))
    for _ in range(rng.randint(3, 5)):
        a_ = person(rng, d, dob_range=(1935, 2024))
        b_ = person(rng, d, dob_range=(1935, 2024)) if rng.random() < 0.6 else a_
        col = svc_date(rng)
        d.add(md_row([D("%02d-%s-%06d" % (col.year % 100, rng.choice(["CH", "HE", "MI", "BB"]), rng.randint(1, 999999)), "accession"),
                      P(fd(col, "us") + " %02d%02d" % (rng.randint(0, 23), rng.randint(0, 59)), "date"),
                      P(a_.lf(), "person_name"), P(b_.lf(), "person_name"), P(fd(b_.dob, "us"), "date"),
                      rng.choice(["4 West", "ED", "L&D", "MICU", "Oncology infusion"]),
                      "wrong blood in tube" if b_ is not a_ else rng.choice(["unlabeled", "label over old label", "missing collector ID"])]))
    d.f("""

    WBIT events go to the transfusion safety officer within 24 h.
    """)


# ---------------------------------------------------------------------------
# PHI family: support_ticket
# ---------------------------------------------------------------------------


def desk_head(rng, d, summary, requester=None, channel="Email"):
    key = jira_key(rng, rng.choice(["SUP", "PSD", "HELP", "PXD"]))
    agent = staff(rng, d)
    req = requester if requester is not None else S(staff(rng, d))
    d.f("""
    @{key} · @{summary}
    Request type: @{rt}   Channel: @{ch}   SLA: @{sla}
    Raised by: @{req}   Assigned to: @{agent}   Opened: @{opened}

    """, key=key, summary=summary, rt=rng.choice(["Patient app issue", "Billing question", "Report a problem", "Access request"]),
        ch=channel, sla=rng.choice(["4h remaining", "breached", "1d 2h remaining"]), req=req, agent=S(agent),
        opened=ts(rng)[:16])
    return key, agent


@tpl("support_ticket", "st_voicemail_transcript")
def _(rng, d):
    p = person(rng, d, sex="F", dob_range=(1924, 1960))
    old = rng.random() < 0.6
    if old:
        p.dob = old_dob(rng)
    son = person(rng, d, family_of=p, sex="M", dob_range=(1950, 1975))
    a = addr(rng)
    cb = phone(rng, a, "dash")
    appt = rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 30))
    desk_head(rng, d, "Voicemail transcription attached to wrong patient chart", channel="Phone / voicemail")
    age = age_on(p.dob, dt.date(2026, 11, 20))
    d.f("""
    The voicemail-to-text integration posted this transcript to the chart of a different patient with the same last name. Transcript as it appears in the message center (confidence 0.82):

    "Hi, this is @{son} calling for my mother @{pt}, date of birth @{dob}. She is @{age} and she can't do the stairs anymore so we need the appointment on @{appt} moved to the first floor clinic or a video visit. She's at @{street}, @{city}, if somebody needs to come out. My cell is @{cb}, that's @{cb_spoken}. Thank you, bye."

    Caller ID: @{cid}   Received: @{rcv}   Mailbox: 4410 (Geriatrics front desk)

    Please move the transcript to the correct chart and check the matching logic (it matched on last name + mailbox only).
    """, son=P(son.full(), "person_name"), pt=P(p.full(), "person_name"), dob=P(fd(p.dob, "long"), "date"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), appt=P(fd(appt, "long").rsplit(",", 1)[0], "date"),
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), cb=P(cb, "phone"),
        cb_spoken=P(" ".join(cb.replace("-", "")), "phone"), cid=P(phone(rng, a, "e164"), "phone"), rcv=ts(rng)[:16])


@tpl("support_ticket", "st_portal_login_audit")
def _(rng, d):
    p = person(rng, d, native=0.55, sex="F", dob_range=(1945, 2004))
    em = email_of(rng, p)
    m = mrn(rng)
    pid = digits(rng, 8, False)
    ip1, ip2 = pub_ip(rng), pub_ip(rng)
    desk_head(rng, d, "Patient locked out after password reset, says she never requested it",
              requester=P(em, "email"), channel="Web form")
    d.f("""
    Message from requester:
    > I got an email saying my password was changed but it wasn't me. Now I can't log in. My name is @{name}, birthday @{dob}. Please help, I need my lab results before @{appt}.

    Agent notes:
    Looked up the account: MRN @{mrn}, portal user id @{pid}. Auth audit (last 24h):

    @{t1}  RESET_REQUESTED   user=@{em2}  ip=@{ip1}  ua="Mozilla/5.0 (Linux; Android 14)"
    @{t2}  RESET_COMPLETED   user=@{em3}  ip=@{ip1}
    @{t3}  LOGIN_FAILED x5   user=@{em4}  ip=@{ip2}  ua="MyHealth/7.12 (iPhone; iOS 19.1)"
    @{t4}  ACCOUNT_LOCKED    user=@{em5}

    The reset came from a different IP than her usual one (@{ip2b}, iPhone app). Escalating to security per the account takeover runbook. Profile link: @{url}
    """, name=P(p.full(), "person_name"), dob=P(fd(p.dob, "us1"), "date"),
        appt=P(fd(rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 22)), "mon").rsplit(",", 1)[0], "date"),
        mrn=P(m, "mrn"), pid=P(pid, "other_id"), **dict(zip(["t1", "t2", "t3", "t4"], tss(rng, 4))), em2=P(em, "email"),
        em3=P(em, "email"), em4=P(em, "email"), em5=P(em, "email"), ip1=P(ip1, "ip_address"), ip2=P(ip2, "ip_address"),
        ip2b=P(ip2, "ip_address"),
        url=P("https://mychart.pinecresths.org/admin/patients/%s/security?tab=sessions" % pid, "url"))


@tpl("support_ticket", "st_insurance_card_ocr")
def _(rng, d):
    p = person(rng, d, dob_range=(1950, 2005))
    dep = person(rng, d, family_of=p, dob_range=(2012, 2022))
    mid = member_id(rng)
    desk_head(rng, d, "Card scan auto-fill puts the Rx BIN into the member ID field", channel="In-app feedback")
    d.f("""
    Patient uploaded both sides of the card in the app; the auto-fill used the wrong line. Raw OCR text from the front side (document id @{docid}):

    -----
    @{payer}
    MEMBER NAME
    @{name}
    MEMBER ID          GROUP NO.
    @{mid}       @{grp}
    DEPENDENTS  01 @{dep}
    PCP: @{pcp}      EFF 01/01/2026
    RxBIN 610014   RxPCN MEDDPRIME   RxGRP @{rxgrp}
    COPAY  PCP $25  SPEC $50  ER $250
    -----

    Auto-filled in registration: Member ID = 610014 (wrong), Group = MEDDPRIME (wrong). Expected member ID @{mid2}. Card image: @{img}
    """, docid=uuid(rng), payer=rng.choice(PAYERS).upper(), name=P(p.ascii_full().upper(), "person_name"),
        mid=P(mid, "health_plan_id"), grp=D(group_no(rng), "group_number"), dep=P(dep.ascii_full().upper(), "person_name"),
        pcp=S(staff(rng, d), "init"), rxgrp=D("RX" + digits(rng, 4), "group_number"), mid2=P(mid, "health_plan_id"),
        img=P("card_front_%s.heic" % digits(rng, 9), "photo"))


@tpl("support_ticket", "st_sms_reminder_render")
def _(rng, d):
    p = person(rng, d, native=0.6, sex="F", dob_range=(1940, 2006))
    a = addr(rng)
    mob = phone(rng, a, "e164")
    appt = rand_date(rng, dt.date(2026, 12, 7), dt.date(2027, 1, 20))
    prov = staff(rng, d, "Dr.")
    desk_head(rng, d, "Appointment reminder SMS shows raw template tokens and full DOB", channel="Phone")
    d.f("""
    Patient called the front desk; she received this text (screenshot transcribed by the agent):

      From: 72948
      Hi @{first}, this is a reminder of your appt w/ @{prov} on @{appt} at 10:40 AM, {{location.name}}. DOB on file: @{dob}. Reply C to confirm, R to reschedule. STOP to opt out.

    Sent to @{mob} via Twilio, message SID SM@{sid}. The DOB should never be in an SMS; the new template (v12) added {{patient.birthDate}} by mistake. Two other patients reported the same (@{key}).
    """, first=P(p.given, "person_name"), prov=S(prov, "dr"), appt=P("%s %d/%d" % (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][appt.weekday()], appt.month, appt.day), "date"),
        dob=P(fd(p.dob, "us"), "date"), mob=P(mob, "phone"), sid=hexs(rng, 32), key=jira_key(rng, "SUP"))


@tpl("support_ticket", "st_pharmacy_label")
def _(rng, d):
    p = person(rng, d, dob_range=(1930, 1990))
    a = addr(rng, unit_p=0.5)
    rx = digits(rng, 7, False)
    ndc = "%s-%s-%s" % (digits(rng, 5), digits(rng, 4), digits(rng, 2))
    m = med(rng)
    rph = staff(rng, d, "PharmD")
    presc = staff(rng, d, "MD")
    filled = rand_date(rng, dt.date(2026, 10, 15), dt.date(2026, 11, 25))
    desk_head(rng, d, "Mail-order label printer truncates apartment number", channel="Email")
    d.f("""
    Returned package; the label text printed as (copied from the label preview in PharmOS):

    ┌────────────────────────────────────────────
    │ Rx# @{rx}            Filled: @{filled}
    │ @{name}
    │ @{street}
    │ @{city}
    │ @{drug}  #30
    │ TAKE 1 TABLET BY MOUTH DAILY
    │ Dr. @{presc}     RPh: @{rph}
    │ NDC @{ndc}   Refills: 3
    │ Questions? Call (800) 555-0142
    └────────────────────────────────────────────

    Delivery address on file is @{street2}, @{city2} @{zip}; the label dropped "@{unit}". Carrier returned it as undeliverable. Patient phone @{ph}.
    """, rx=P(rx, "other_id"), filled=P(fd(filled, "us"), "date"), name=P(p.ascii_full().upper(), "person_name"),
        street=P(fold(a.line1).upper(), "street_address"), city=[P(a.city.upper(), "street_address"), " ", D(a.state, "state"), " ", P(a.zip, "zip_code")],
        drug=D(m.upper(), "medication"), presc=D(presc.full(), "person_name"), rph=D(rph.family, "person_name"),
        ndc=D(ndc, "drug_code"), street2=P(a.street, "street_address"), city2=P(a.city, "street_address"),
        zip=P(a.zip, "zip_code"), unit=P(a.unit or "Apt 3", "street_address"), ph=P(phone(rng, a), "phone"))


@tpl("support_ticket", "st_caregiver_chat")
def _(rng, d):
    p = person(rng, d, sex="M", dob_range=(1924, 1950))
    old = rng.random() < 0.7
    if old:
        p.dob = old_dob(rng)
    cg = person(rng, d, family_of=p, sex="F", dob_range=(1955, 1980))
    agent = staff(rng, d)
    dos = svc_date(rng)
    acc = acct(rng)
    amt = money(rng, 60, 900)
    c4 = card(rng)
    age = age_on(p.dob, dt.date(2026, 11, 25))
    desk_head(rng, d, "Chat transcript: caregiver cannot pay bill for parent (proxy access)", requester=P(cg.full(), "person_name"),
              channel="Web chat")
    d.f("""
    [14:02] @{cg}: hi, I'm trying to pay my dad's hospital bill but it says I don't have proxy access
    [14:02] @{ag}: Hi! I can help. Can you give me the patient's full name and date of birth?
    [14:03] @{cg2}: @{pt}, @{dob}. he's @{age} so I do everything for him
    [14:04] @{ag2}: Thank you. I see account @{acc} with a balance of $@{amt} for the visit on @{dos}.
    [14:05] @{cg3}: can I just give you the card? @{card} exp 08/29
    [14:05] @{ag3}: Please don't share card numbers in chat! I'll send you a secure payment link instead.
    [14:06] @{cg4}: oh sorry. my email is @{em}
    [14:07] @{ag4}: Sent. For proxy access, upload the POA form here: https://portal.pinecresths.org/proxy-request

    Agent follow-up: card number was pasted in chat; transcript needs redaction per PCI policy before it is archived.
    """, cg=P(cg.given, "person_name"), ag=S(agent), cg2=P(cg.given, "person_name"), pt=P(p.full(), "person_name"),
        dob=P(fd(p.dob, "us1"), "date"), age=P(str(age), "age_over_89") if age >= 90 else str(age),
        ag2=S(agent), acc=P(acc, "account_number"), amt=amt, dos=P(fd(dos, "us1"), "date"), cg3=P(cg.given, "person_name"),
        card=P(c4, "credit_card"), ag3=S(agent), cg4=P(cg.given, "person_name"), em=P(email_of(rng, cg), "email"), ag4=S(agent))


@tpl("support_ticket", "st_address_change_form")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1940, 2003))
    old, new = addr(rng), addr(rng, unit_p=0.6)
    m = mrn(rng)
    desk_head(rng, d, "Address change form submitted twice, second one overwrote with old address", channel="Portal form")
    d.f("""
    Form submissions (Forms service, form_id=demographics-v3):

    Submission 1 @ @{t1}
      patient_name: @{n1}
      mrn: @{m1}
      date_of_birth: @{dob1}
      new_address_line1: @{new1}
      new_address_line2: @{newunit}
      new_city: @{newcity}
      new_state: @{newst}
      new_zip: @{newzip}
      mobile: @{mob}

    Submission 2 @ @{t2} (browser back button, stale form)
      patient_name: @{n2}
      mrn: @{m2}
      date_of_birth: @{dob2}
      new_address_line1: @{old1}
      new_city: @{oldcity}
      new_state: @{oldst}
      new_zip: @{oldzip}

    Registration now shows the old address again. Please restore submission 1 and add an idempotency check on the form.
    """, t1=ts(rng), t2=ts(rng), n1=P(p.full(), "person_name"), m1=P(m, "mrn"), dob1=P(fd(p.dob, "iso"), "date"),
        new1=P(new.line1, "street_address"), newunit=P(new.unit, "street_address") if new.unit else "",
        newcity=P(new.city, "street_address"), newst=D(new.state, "state"), newzip=P(new.zip + "-" + new.zip4, "zip_code"),
        mob=P(phone(rng, new, "dash"), "phone"), n2=P(p.full(), "person_name"), m2=P(m, "mrn"),
        dob2=P(fd(p.dob, "iso"), "date"), old1=P(old.street, "street_address"), oldcity=P(old.city, "street_address"),
        oldst=D(old.state, "state"), oldzip=P(old.zip, "zip_code"))


@tpl("support_ticket", "st_kiosk_checkin_log")
def _(rng, d):
    p = person(rng, d, dob_range=(1938, 2008))
    a = addr(rng)
    m = mrn(rng)
    kiosk = "KIOSK-%s-%02d" % (rng.choice(["ORTHO", "PEDS", "IMG", "MAIN"]), rng.randint(1, 12))
    appt = svc_date(rng)
    desk_head(rng, d, "Check-in kiosk freezes at insurance step for self-pay patients", channel="Phone")
    d.f("""
    Front desk reports the kiosk hangs after the patient confirms demographics. Log from @{kiosk} (@{kip}), app 5.8.1:

    @{t1} INFO  [checkin] session=@{sess} step=identify method=DOB+NAME
    @{t2} DEBUG [checkin] matched patient {"mrn":"@{mrn}","name":"@{name}","dob":"@{dob}","appt":"@{appt}","phone":"@{ph}"}
    @{t3} DEBUG [checkin] demographics confirmed address="@{street}, @{city} @{st} @{zip}"
    @{t4} ERROR [insurance] TypeError: Cannot read properties of null (reading 'memberId')
        at renderCoverage (coverage.tsx:88:31)
        at InsuranceStep (InsuranceStep.tsx:41:12)
    @{t5} WARN  [watchdog] step timeout after 120s, session=@{sess}

    Self-pay patients have coverage=null. Also the DEBUG level should not be on in prod; these logs ship to the vendor.
    """, kiosk=kiosk, kip=priv_ip(rng), **dict(zip(["t1", "t2", "t3", "t4", "t5"], tss(rng, 5, frac=True))), sess=uuid(rng), mrn=P(m, "mrn"), name=P(p.ascii_lf(), "person_name"),
        dob=P(fd(p.dob, "iso"), "date"), appt=P(fd(appt, "iso") + "T%02d:%02d" % (rng.randint(7, 16), rng.choice([0, 20, 40])), "date"),
        ph=P(phone(rng, a, "digits"), "phone"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"))


@tpl("support_ticket", "st_turkish_ticket")
def _(rng, d):
    p = person(rng, d, culture=CULTURES[[c.name for c in CULTURES].index("turkish")], sex="F", dob_range=(1935, 1958))
    kiz = person(rng, d, family_of=p, sex="F", dob_range=(1975, 2000))
    a = addr(rng, unit_p=0.5)
    randevu = rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 30))
    desk_head(rng, d, "Turkish-language portal message routed to general inbox (translation needed)",
              requester=P(email_of(rng, kiz), "email"), channel="Portal message")
    d.f("""
    Original message (Turkish):

    Merhaba, ben @{kiz}. Annem @{pt} (doğum tarihi @{dob}) için yazıyorum. @{randevu} tarihli kardiyoloji randevusunu iptal etmemiz gerekiyor, çünkü annem hastanede yatıyor. Hasta numarası @{mrn}. Adresimiz değişti: @{street}, @{city} @{zip}. Telefonum: @{ph}. Teşekkürler.

    Machine translation (for the agent):
    Hello, I am @{kiz2}. I am writing for my mother @{pt2} (date of birth @{dob2}). We need to cancel the cardiology appointment dated @{randevu2} because my mother is in the hospital. Patient number @{mrn2}. Our address changed: @{street2}, @{city2} @{zip2}. My phone: @{ph2}. Thanks.

    Routing rule only recognizes Spanish; Turkish fell through to the general queue (5 days in queue).
    """, **_dup(kiz=P(kiz.full(), "person_name"), pt=P(p.full(), "person_name"), dob=P(fd(p.dob, "eu"), "date"),
        randevu=P(fd(randevu, "eu"), "date"), mrn=P(mrn(rng, "d7"), "mrn"), street=P(a.street, "street_address"),
        city=P(a.city, "street_address"), zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "dash"), "phone")))



@tpl("support_ticket", "st_denial_letter_render")
def _(rng, d):
    p = person(rng, d, dob_range=(1945, 2010))
    a = addr(rng, unit_p=0.4)
    mid = member_id(rng)
    cn = claim_no(rng)
    dos = svc_date(rng)
    c = cpt(rng)
    desk_head(rng, d, "Denial letter PDF renders member address in the return-address window", channel="Email")
    d.f("""
    Print vendor sample (extracted text of page 1, letter template DEN-07):

    @{payer}
    PO Box 40211, Columbus OH 43218
                                              @{date_letter}
    @{name}
    @{street}
    @{csz}

    RE: Notice of Adverse Benefit Determination
    Member ID: @{mid}     Claim #: @{cn}
    Patient: @{name2}     Date of service: @{dos}
    Service: @{cpt} @{cptd}

    We have denied payment for the service listed above because the provider did not obtain prior authorization. You have 180 days to appeal...

    Bug: the member block is placed 14mm too high and shows through the return-address window of the #10 envelope. Sample attached; member data must not be visible there.
    """, payer=rng.choice(PAYERS), date_letter=D(fd(rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 11, 28)), "long"), "date"),
        name=P(p.full_mi().upper(), "person_name"), street=P(fold(a.street).upper(), "street_address"),
        csz=[P(a.city.upper(), "street_address"), " ", D(a.state, "state"), " ", P(a.zip + "-" + a.zip4, "zip_code")],
        mid=P(mid, "health_plan_id"), cn=P(cn, "other_id"), name2=P(p.full_mi(), "person_name"),
        dos=P(fd(dos, "us"), "date"), cpt=D(c[0], "procedure_code"), cptd=c[1])


@tpl("support_ticket", "st_cgm_pairing")
def _(rng, d):
    p = person(rng, d, native=0.55, sex="F", dob_range=(1950, 2012))
    em = email_of(rng, p)
    sn1, sn2 = serial(rng, rng.choice(["8R", "SM", "DX"])), serial(rng, "TX")
    desk_head(rng, d, "Remote monitoring: CGM readings from another patient's sensor appear in chart",
              channel="Clinician report")
    d.f("""
    Diabetes educator reports glucose values in @{name}'s chart (MRN @{mrn}, DOB @{dob}) that don't match her logbook. Device registry shows:

    patient_email        : @{em}
    sensor_serial        : @{sn1}   (paired @{paired})
    transmitter_serial   : @{sn2}
    phone_app_install_id : @{inst}
    last_upload_ip       : @{ip}

    The sensor serial @{sn1b} is also registered to another patient (entered by hand at the clinic, typo). Need a uniqueness check on sensor_serial in the registry.
    """, name=P(p.full(), "person_name"), mrn=P(mrn(rng), "mrn"), dob=P(fd(p.dob, "us"), "date"), em=P(em, "email"),
        sn1=P(sn1, "device_id"), paired=D(ts(rng)[:10], "date"), sn2=P(sn2, "device_id"), inst=uuid(rng),
        ip=P(pub_ip(rng), "ip_address"), sn1b=P(sn1, "device_id"))


# ---------------------------------------------------------------------------
# PHI family: bitbucket_fhir_diff
# ---------------------------------------------------------------------------


def pr_head(rng, d, title, path, new=True, lines=40):
    author, r1, r2 = staff(rng, d), staff(rng, d), staff(rng, d)
    repo = rng.choice(["fhir-gateway", "patient-service", "ehr-integration", "cds-engine", "intake-app", "claims-api"])
    d.f("""
    @{repo} / Pull request #@{num}: @{title}
    @{author} wants to merge feature/@{branch} into develop · Reviewers: @{r1}, @{r2} · Builds: ✓ 1 passed

    diff --git a/@{path} b/@{path}
    """, repo=repo, num=rng.randint(120, 2400), title=title, author=S(author), r1=S(r1), r2=S(r2),
        branch=rng.choice(["PAT-", "FHIR-", "INT-"]) + str(rng.randint(100, 999)) + "-fixtures", path=path)
    if new:
        d.f("""
        new file mode 100644
        index 0000000..@{h}
        --- /dev/null
        +++ b/@{path}
        @@ -0,0 +1,@{n} @@
        """, h=hexs(rng, 7), path=path, n=lines)
    else:
        d.f("""
        index @{h1}..@{h2} 100644
        --- a/@{path}
        +++ b/@{path}
        @@ -@{a},@{b} +@{a},@{c} @@
        """, h1=hexs(rng, 7), h2=hexs(rng, 7), path=path, a=rng.randint(10, 120), b=rng.randint(6, 12), c=rng.randint(14, 30))
    return author, r1, r2


@tpl("bitbucket_fhir_diff", "bb_pytest_fixture")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1930, 2010))
    a = addr(rng)
    m = mrn(rng)
    pr_head(rng, d, "Add conftest fixtures for Patient $match tests", "tests/conftest.py", new=False)
    d.f("""
     import pytest
     from fhir.resources.patient import Patient

    +
    +@pytest.fixture
    +def patient_from_prod_ticket():
    +    # copied from the HIE-4471 payload so we can reproduce the mismatch
    +    return Patient.parse_obj({
    +        "resourceType": "Patient",
    +        "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.7128.1.1", "value": "@{mrn}"}],
    +        "name": [{"use": "official", "family": "@{fam}", "given": ["@{giv}"]}],
    +        "telecom": [{"system": "phone", "value": "@{ph}", "use": "mobile"}],
    +        "gender": "@{gender}",
    +        "birthDate": "@{dob}",
    +        "address": [{"line": ["@{street}"], "city": "@{city}", "state": "@{st}", "postalCode": "@{zip}"}],
    +    })
    +
    +
    +def test_match_scores_transliterated_name(client, patient_from_prod_ticket):
    +    res = client.post("/Patient/$match", json=patient_from_prod_ticket.dict())
    +    assert res.json()["entry"][0]["search"]["score"] >= 0.9
    """, mrn=P(m, "mrn"), fam=P(p.family, "person_name"), giv=P(p.given, "person_name"),
        ph=P(phone(rng, a, "dash"), "phone"), gender="female" if p.sex == "F" else "male",
        dob=P(fd(p.dob, "iso"), "date"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"))


@tpl("bitbucket_fhir_diff", "bb_junit_hapi_fluent")
def _(rng, d):
    p = person(rng, d, dob_range=(1935, 2000))
    a = addr(rng)
    m = mrn(rng)
    s = ssn(rng)
    pr_head(rng, d, "Test for SSN identifier masking in PatientExporter",
            "src/test/java/org/pinecrest/export/PatientExporterTest.java", new=False)
    d.f("""
         @Test
         void exportMasksSsn() {
    -        Patient patient = TestData.syntheticPatient();
    +        Patient patient = new Patient();
    +        patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("@{ssn}");
    +        patient.addIdentifier().setSystem("urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14").setValue("@{mrn}");
    +        patient.addName().setFamily("@{fam}").addGiven("@{giv}");
    +        patient.setBirthDate(new GregorianCalendar(@{cal}).getTime());
    +        patient.addAddress().addLine("@{street}").setCity("@{city}").setState("@{st}").setPostalCode("@{zip}");
    +        patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("@{em}");
             String csv = exporter.toCsv(List.of(patient));
    -        assertThat(csv).doesNotContain("123-45-6789");
    +        assertThat(csv).doesNotContain("@{ssn2}");
    +        assertThat(csv).contains("***-**-@{last4}");
         }
    """, ssn=P(s, "ssn"), mrn=P(m, "mrn"), fam=P(p.family, "person_name"), giv=P(p.given, "person_name"),
        cal=P("%d, Calendar.%s, %d" % (p.dob.year, MONTHS[p.dob.month - 1].upper(), p.dob.day), "date"),
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), st=D(a.state, "state"),
        zip=P(a.zip, "zip_code"), em=P(email_of(rng, p), "email"), ssn2=P(s, "ssn"), last4=D(s[-4:], "ssn_last4"))


@tpl("bitbucket_fhir_diff", "bb_go_table_test")
def _(rng, d):
    pr_head(rng, d, "Table-driven tests for birthDate normalisation", "internal/normalize/birthdate_test.go", new=False)
    d.f("""
     func TestNormalizeBirthDate(t *testing.T) {
     \ttests := []struct {
     \t\tname    string
     \t\tpatient fhir.Patient
     \t\twant    string
     \t}{
    """, _strip=4)
    for _ in range(rng.randint(2, 3)):
        p = person(rng, d, dob_range=(1930, 2012))
        m = mrn(rng)
        raw = rng.choice(["us", "eu", "hl7", "dmy"])
        d.f("""
        +\t\t{
        +\t\t\tname: "@{case}",
        +\t\t\tpatient: fhir.Patient{
        +\t\t\t\tId:         ptr("@{rid}"),
        +\t\t\t\tIdentifier: []fhir.Identifier{{System: ptr(mrnSystem), Value: ptr("@{mrn}")}},
        +\t\t\t\tName:       []fhir.HumanName{{Family: ptr("@{fam}"), Given: []string{"@{giv}"}}},
        +\t\t\t\tBirthDate:  ptr("@{raw}"),
        +\t\t\t},
        +\t\t\twant: "@{want}",
        +\t\t},
        """, case="%s input" % raw, rid=D(hexs(rng, 8), "internal_id"), mrn=P(m, "mrn"), fam=P(p.family, "person_name"),
            giv=P(p.given, "person_name"), raw=P(fd(p.dob, raw), "date"), want=P(fd(p.dob, "iso"), "date"))
    d.f("""
     \t}
     \tfor _, tt := range tests {
     \t\tt.Run(tt.name, func(t *testing.T) {
     \t\t\tif got := NormalizeBirthDate(tt.patient); got != tt.want {
     \t\t\t\tt.Errorf("got %q, want %q", got, tt.want)
    """, _strip=4)


@tpl("bitbucket_fhir_diff", "bb_jest_ts_fixture")
def _(rng, d):
    p = person(rng, d, native=0.6, dob_range=(1940, 2015))
    rp = person(rng, d, family_of=p, dob_range=(1950, 1990))
    a = addr(rng, unit_p=0.5)
    m = mrn(rng)
    pr_head(rng, d, "Fixture for RelatedPerson in the intake wizard", "src/__fixtures__/intakePatient.ts", lines=34)
    d.f("""
    +import type { Patient, RelatedPerson } from 'fhir/r4';
    +
    +// TODO(@{h}): replace with Synthea output before merge
    +export const intakePatient: Patient = {
    +  resourceType: 'Patient',
    +  id: '@{rid}',
    +  identifier: [{ system: 'urn:mrn', value: '@{mrn}' }],
    +  name: [{ family: '@{fam}', given: ['@{giv}'] }],
    +  birthDate: '@{dob}',
    +  telecom: [
    +    { system: 'phone', value: '@{ph}', use: 'home' },
    +    { system: 'email', value: '@{em}' },
    +  ],
    +  address: [{ line: [@{lines}], city: '@{city}', state: '@{st}', postalCode: '@{zip}' }],
    +};
    +
    +export const emergencyContact: RelatedPerson = {
    +  resourceType: 'RelatedPerson',
    +  patient: { reference: 'Patient/@{rid2}' },
    +  relationship: [{ coding: [{ code: 'ECON' }] }],
    +  name: [{ text: '@{rp}' }],
    +  telecom: [{ system: 'phone', value: '@{rph}' }],
    +};
    """, h=D(handle(staff(rng, d)), "person_name"), **_dup(rid=D(uuid(rng)[:8], "internal_id")), mrn=P(m, "mrn"),
        fam=P(p.family, "person_name"), giv=P(p.given, "person_name"), dob=P(fd(p.dob, "iso"), "date"),
        ph=P(phone(rng, a, "paren"), "phone"), em=P(email_of(rng, p), "email"),
        lines=["'", P(a.line1, "street_address"), "'"] + ([", '", P(a.unit, "street_address"), "'"] if a.unit else []),
        city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"),
        rp=P(rp.full(), "person_name"), rph=P(phone(rng, a, "paren"), "phone"))


@tpl("bitbucket_fhir_diff", "bb_readme_fixture_table")
def _(rng, d):
    pr_head(rng, d, "Document the e2e fixture patients", "e2e/fixtures/README.md", new=False)
    d.f("""
     # E2E fixture patients

    -Fixtures are generated by Synthea (seed 42). Do not add real data.
    +Fixtures below were pulled from the UAT tenant because Synthea did not reproduce the
    +merge bug. They are loaded by `make seed-e2e`.
    +
    +| key | name | MRN | DOB | phone | notes |
    +|-----|------|-----|-----|-------|-------|
    """)
    for i in range(rng.randint(3, 5)):
        p = person(rng, d, native=0.5, dob_range=(1925, 2018))
        a = addr(rng)
        note = rng.choice(["merged (EHR-%d)" % rng.randint(100, 999), "has proxy", "deceased", "self-pay", "two active coverages"])
        extra = []
        if note == "deceased":
            extra = [" ", P(fd(svc_date(rng), "iso"), "date")]
        d.add(["+| `pt", str(i + 1), "` | ", P(p.full(), "person_name"), " | ", P(mrn(rng), "mrn"), " | ",
               P(fd(p.dob, "iso"), "date"), " | ", P(phone(rng, a, "dash"), "phone"), " | ", note] + extra + [" |\n"])
    d.f("""
    +
    +Reset with `make e2e-reset`; the UAT tenant is refreshed from prod every quarter.
    """)


@tpl("bitbucket_fhir_diff", "bb_questionnaire_response")
def _(rng, d):
    p = person(rng, d, dob_range=(1940, 2006))
    ec = person(rng, d, family_of=p)
    a = addr(rng, unit_p=0.4)
    qid = uuid(rng)
    pr_head(rng, d, "Golden file for intake QuestionnaireResponse extraction",
            "src/test/resources/golden/intake-qr-%s.json" % digits(rng, 4), lines=40)
    d.f("""
    +{
    +  "resourceType": "QuestionnaireResponse",
    +  "id": "@{qid}",
    +  "questionnaire": "https://forms.pinecresths.org/Questionnaire/new-patient-intake|3.2",
    +  "status": "completed",
    +  "authored": "@{auth}",
    +  "item": [
    +    { "linkId": "legal-name", "answer": [{ "valueString": "@{name}" }] },
    +    { "linkId": "dob", "answer": [{ "valueDate": "@{dob}" }] },
    +    { "linkId": "ssn-last4", "answer": [{ "valueString": "@{l4}" }] },
    +    { "linkId": "home-address", "answer": [{ "valueString": "@{addr}" }] },
    +    { "linkId": "mobile", "answer": [{ "valueString": "@{ph}" }] },
    +    { "linkId": "emergency-contact", "item": [
    +      { "linkId": "ec-name", "answer": [{ "valueString": "@{ec}" }] },
    +      { "linkId": "ec-phone", "answer": [{ "valueString": "@{ecph}" }] }
    +    ]},
    +    { "linkId": "pharmacy", "answer": [{ "valueString": "Walgreens #@{store}" }] }
    +  ]
    +}
    """, qid=D(qid, "internal_id"), auth=P(fd(svc_date(rng), "iso") + "T%02d:%02d:00-05:00" % (rng.randint(7, 20), rng.randint(0, 59)), "date"),
        name=P(p.full_mi(), "person_name"), dob=P(fd(p.dob, "iso"), "date"), l4=D(digits(rng, 4), "ssn_last4"),
        addr=[P(a.street, "street_address"), ", ", P(a.city, "street_address"), ", ", D(a.state, "state"), " ", P(a.zip, "zip_code")],
        ph=P(phone(rng, a, "paren"), "phone"), ec=P(ec.full(), "person_name"), ecph=P(phone(rng, a, "paren"), "phone"),
        store=rng.randint(1000, 19999))


@tpl("bitbucket_fhir_diff", "bb_fhirpath_patch")
def _(rng, d):
    p = person(rng, d, dob_range=(1940, 2005))
    old, new = addr(rng), addr(rng)
    rid = str(rng.randint(100000, 9999999))
    pr_head(rng, d, "Use FHIRPath Patch for address updates instead of PUT",
            "src/test/resources/patch/address-change.json", lines=38)
    d.f("""
    +{
    +  "resourceType": "Parameters",
    +  "meta": { "tag": [{ "code": "captured-from-prod", "display": "PATCH /Patient/@{rid} @{when}" }] },
    +  "parameter": [
    +    { "name": "operation", "part": [
    +      { "name": "type", "valueCode": "replace" },
    +      { "name": "path", "valueString": "Patient.address.where(use='home').line[0]" },
    +      { "name": "value", "valueString": "@{nline}" }
    +    ]},
    +    { "name": "operation", "part": [
    +      { "name": "type", "valueCode": "replace" },
    +      { "name": "path", "valueString": "Patient.address.where(use='home').city" },
    +      { "name": "value", "valueString": "@{ncity}" }
    +    ]},
    +    { "name": "operation", "part": [
    +      { "name": "type", "valueCode": "replace" },
    +      { "name": "path", "valueString": "Patient.address.where(use='home').postalCode" },
    +      { "name": "value", "valueString": "@{nzip}" }
    +    ]},
    +    { "name": "operation", "part": [
    +      { "name": "type", "valueCode": "add" },
    +      { "name": "path", "valueString": "Patient" },
    +      { "name": "name", "valueString": "address" },
    +      { "name": "value", "valueAddress": { "use": "old", "line": ["@{oline}"], "city": "@{ocity}", "postalCode": "@{ozip}",
    +        "period": { "end": "@{moved}" } } }
    +    ]}
    +  ]
    +}
    """, rid=D(rid, "internal_id"), when=ts(rng, sep="T") + "Z", nline=P(new.street, "street_address"),
        ncity=P(new.city, "street_address"), nzip=P(new.zip, "zip_code"), oline=P(old.street, "street_address"),
        ocity=P(old.city, "street_address"), ozip=P(old.zip, "zip_code"), moved=P(fd(svc_date(rng), "iso"), "date"))
    d.f("""
    Comment by @{rv}: this is captured from prod (see the meta tag) — it has @{pname}'s real address. Please swap for synthetic values.
    """, rv=S(staff(rng, d)), pname=P(p.full(), "person_name"))


@tpl("bitbucket_fhir_diff", "bb_jest_snapshot")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1924, 1995))
    if rng.random() < 0.5:
        p.dob = old_dob(rng)
    age = age_on(p.dob, dt.date(2026, 11, 20))
    m = mrn(rng)
    a = addr(rng)
    pr_head(rng, d, "Update PatientBanner snapshots after age display change",
            "src/components/__snapshots__/PatientBanner.test.tsx.snap", new=False)
    d.f("""
     exports[`PatientBanner renders demographics 1`] = `
     <div
       className="banner"
     >
    -  <span className="name">Test, Patient</span>
    +  <span className="name">@{lf}</span>
       <span className="mrn">
    -    MRN 0000000
    +    MRN @{mrn}
       </span>
       <span className="dob">
    -    01/01/1970 (56 y)
    +    @{dob} (@{age} y)
       </span>
    +  <span className="phone">@{ph}</span>
     </div>
     `;
    """, lf=P(p.lf(), "person_name"), mrn=P(m, "mrn"), dob=P(fd(p.dob, "us"), "date"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), ph=P(phone(rng, a, "paren"), "phone"))


@tpl("bitbucket_fhir_diff", "bb_pr_review_thread")
def _(rng, d):
    p = person(rng, d, dob_range=(1935, 2010))
    a = addr(rng)
    m = mrn(rng)
    author, r1, r2 = pr_head(rng, d, "Map Encounter.hospitalization.dischargeDisposition",
                             "mapping/encounter.map.yaml", new=False)
    adm = svc_date(rng)
    dis = adm + dt.timedelta(days=rng.randint(1, 12))
    d.f("""
       - source: PV1-36
         target: Encounter.hospitalization.dischargeDisposition
    +  # example: PV1|1|I|5E^512^A||||...|||||||||@{visit}|||||||||||||||||01|||||||@{adm}|@{dis}
    +  # patient @{name} (@{mrn}) discharged home 01
       - source: PV1-45

    Comments (2)
    @{r1} · 2 hours ago
      Line 14-15: please don't put a real encounter in a comment. That is @{first}'s actual visit @{visit2}, admitted @{adm2}.
    @{author} · 1 hour ago
      Oops, copied from the interface log. Will replace with the synthetic example and force-push.
    """, **_dup(visit=P(acct(rng), "account_number")), adm=P(hl7ts(adm, rng), "date"), dis=P(hl7ts(dis, rng), "date"),
        name=P(p.hl7(mi=False), "person_name"), mrn=P(m, "mrn"), r1=S(r1), first=P(p.given, "person_name"),
        adm2=P(fd(adm, "mon"), "date"), author=S(author))


@tpl("bitbucket_fhir_diff", "bb_kotlin_android_fixture")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1950, 2008))
    a = addr(rng, unit_p=0.5)
    mid = member_id(rng)
    pr_head(rng, d, "Preview data for CoverageCard composable",
            "app/src/debug/java/org/pinecrest/app/preview/PreviewData.kt", lines=28)
    d.f("""
    +package org.pinecrest.app.preview
    +
    +import java.time.LocalDate
    +
    +// Preview data for @Preview composables (debug source set only)
    +object PreviewData {
    +    val member = Member(
    +        displayName = "@{name}",
    +        dateOfBirth = LocalDate.of(@{ymd}),
    +        memberId = "@{mid}",
    +        groupNumber = "@{grp}",
    +        mbi = "@{mbi}",
    +        address = Address("@{street}", "@{city}", "@{st}", "@{zip}"),
    +        phone = "@{ph}",
    +    )
    +}
    """, name=P(p.full(), "person_name"), ymd=P("%d, %d, %d" % (p.dob.year, p.dob.month, p.dob.day), "date"), mid=P(mid, "health_plan_id"), grp=D(group_no(rng), "group_number"),
        mbi=P(mbi(rng), "medicare_mbi"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "e164"), "phone"))


@tpl("bitbucket_fhir_diff", "bb_csharp_firely_xunit")
def _(rng, d):
    p = person(rng, d, dob_range=(1926, 1990))
    a = addr(rng)
    m = mrn(rng)
    dec = svc_date(rng)
    pr_head(rng, d, "Deceased patients must not receive outreach", "tests/Outreach.Tests/DeceasedFilterTests.cs", new=False)
    d.f("""
         [Fact]
         public void Excludes_deceased_patient()
         {
    +        var patient = new Patient
    +        {
    +            Id = "@{rid}",
    +            Identifier = { new Identifier("urn:oid:2.16.840.1.113883.3.7128.1.1", "@{mrn}") },
    +            Name = { new HumanName { Family = "@{fam}", Given = new[] { "@{giv}" } } },
    +            BirthDate = "@{dob}",
    +            Deceased = new FhirDateTime("@{dec}"),
    +            Address = { new Address { Line = new[] { "@{street}" }, City = "@{city}", PostalCode = "@{zip}" } },
    +            Telecom = { new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, "@{ph}") },
    +        };
             var result = _filter.Apply(new[] { patient });
             Assert.Empty(result);
         }
    """, rid=D("pat-" + hexs(rng, 6), "internal_id"), mrn=P(m, "mrn"), fam=P(p.family, "person_name"),
        giv=P(p.given, "person_name"), dob=P(fd(p.dob, "iso"), "date"), dec=P(fd(dec, "iso"), "date"),
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), zip=P(a.zip, "zip_code"),
        ph=P(phone(rng, a, "dash"), "phone"))


# ---------------------------------------------------------------------------
# PHI family: sql_seed
# ---------------------------------------------------------------------------


def file_head(rng, d, path, what="seed"):
    d.f("""
    @{path}  (@{what}, last commit @{h} by @{who})

    """, path=path, what=what, h=hexs(rng, 8), who=D(handle(staff(rng, d)), "person_name"))


@tpl("sql_seed", "sql_prisma_seed")
def _(rng, d):
    file_head(rng, d, "prisma/seed.ts")
    d.f("""
    import { PrismaClient } from '@prisma/client';
    const prisma = new PrismaClient();

    async function main() {
      // demo tenant: copied a few real-looking rows so the scheduling UI has data
    """)
    for _ in range(rng.randint(2, 3)):
        p = person(rng, d, native=0.5, dob_range=(1935, 2015))
        a = addr(rng)
        d.f("""
          await prisma.patient.create({
            data: {
              mrn: '@{mrn}',
              firstName: '@{giv}',
              lastName: '@{fam}',
              birthDate: new Date('@{dob}'),
              phone: '@{ph}',
              address: { create: { line1: '@{street}', city: '@{city}', state: '@{st}', zip: '@{zip}' } },
              appointments: { create: [{ startsAt: new Date('@{appt}'), reason: '@{reason}' }] },
            },
          });
        """, mrn=P(mrn(rng), "mrn"), giv=P(p.given, "person_name"), fam=P(p.family, "person_name"),
            dob=P(fd(p.dob, "iso"), "date"), ph=P(phone(rng, a, "e164"), "phone"), street=P(a.street, "street_address"),
            city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"),
            appt=P(fd(svc_date(rng), "iso") + "T%02d:%02d:00Z" % (rng.randint(13, 22), rng.choice([0, 15, 30, 45])), "date"),
            reason=D(icd(rng)[1], "condition"), _strip=8)
    d.f("""
    }

    main().finally(() => prisma.$disconnect());
    """)


@tpl("sql_seed", "sql_django_fixture")
def _(rng, d):
    file_head(rng, d, "ehr/fixtures/demo_patients.json", "loaddata fixture")
    d.add("[\n")
    n = rng.randint(2, 3)
    for i in range(n):
        p = person(rng, d, native=0.5, dob_range=(1930, 2012))
        a = addr(rng)
        d.f("""
          {
            "model": "ehr.patient",
            "pk": @{pk},
            "fields": {
              "mrn": "@{mrn}",
              "given_name": "@{giv}",
              "family_name": "@{fam}",
              "date_of_birth": "@{dob}",
              "ssn": "@{ssn}",
              "email": "@{em}",
              "street": "@{street}",
              "city": "@{city}",
              "state": "@{st}",
              "postal_code": "@{zip}",
              "created": "2026-11-0@{k}T09:00:00Z"
            }
          }@{comma}
        """, pk=D(str(rng.randint(1, 5000)), "internal_id"), mrn=P(mrn(rng), "mrn"), giv=P(p.given, "person_name"),
            fam=P(p.family, "person_name"), dob=P(fd(p.dob, "iso"), "date"), ssn=P(ssn(rng), "ssn"),
            em=P(email_of(rng, p), "email"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
            st=D(a.state, "state"), zip=P(a.zip, "zip_code"), k=rng.randint(1, 9), comma="," if i < n - 1 else "", _strip=8)
    d.add("]\n")


@tpl("sql_seed", "sql_knex_seed")
def _(rng, d):
    file_head(rng, d, "db/seeds/02_guarantors.js")
    d.f("""
    exports.seed = async function (knex) {
      await knex('guarantor').del();
      await knex('guarantor').insert([
    """)
    for _ in range(rng.randint(2, 4)):
        p = person(rng, d, dob_range=(1950, 1995))
        a = addr(rng, unit_p=0.4)
        d.add(["    { account_no: '", P(acct(rng), "account_number"), "', name: '", P(p.lf(), "person_name"),
               "', dob: '", P(fd(p.dob, "iso"), "date"), "', ssn: '", P(ssn(rng, dashes=False), "ssn"),
               "', addr1: '", P(a.line1, "street_address"), "', addr2: ",
               (["'", P(a.unit, "street_address"), "'"] if a.unit else ["null"]), ", city: '", P(a.city, "street_address"),
               "', state: '", D(a.state, "state"), "', zip: '", P(a.zip, "zip_code"), "', phone: '",
               P(phone(rng, a, "digits"), "phone"), "' },\n"])
    d.f("""
      ]);
    };
    """)


@tpl("sql_seed", "sql_efcore_hasdata")
def _(rng, d):
    file_head(rng, d, "src/Clinic.Data/Configurations/PatientConfiguration.cs", "EF Core model seed")
    d.f("""
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasIndex(p => p.Mrn).IsUnique();
        builder.HasData(
    """)
    n = rng.randint(2, 3)
    for i in range(n):
        p = person(rng, d, dob_range=(1928, 2010))
        a = addr(rng)
        d.add(["        new Patient { Id = ", D(str(i + 1), "internal_id"), ", Mrn = \"", P(mrn(rng), "mrn"),
               "\", GivenName = \"", P(p.given, "person_name"), "\", FamilyName = \"", P(p.family, "person_name"),
               "\", DateOfBirth = new DateOnly(", P("%d, %d, %d" % (p.dob.year, p.dob.month, p.dob.day), "date"),
               "), MedicareId = \"", P(mbi(rng), "medicare_mbi"), "\", HomePhone = \"", P(phone(rng, a, "paren"), "phone"),
               "\", PostalCode = \"", P(a.zip, "zip_code"), "\" }", "," if i < n - 1 else "", "\n"])
    d.f("""
        );
    }
    """)


@tpl("sql_seed", "sql_oracle_sqlldr")
def _(rng, d):
    file_head(rng, d, "etl/ctl/load_pat_stage.ctl", "SQL*Loader control file with inline data")
    d.f("""
    LOAD DATA
    INFILE *
    BADFILE 'load_pat_stage.bad'
    APPEND INTO TABLE PAT_STAGE
    FIELDS TERMINATED BY '|' OPTIONALLY ENCLOSED BY '"'
    TRAILING NULLCOLS
    ( MRN, LAST_NAME, FIRST_NAME, BIRTH_DT DATE "MM/DD/YYYY", SEX, ADDR1, CITY, STATE, ZIP, PHONE, ADMIT_DT DATE "MM/DD/YYYY" )
    BEGINDATA
    """)
    for _ in range(rng.randint(3, 5)):
        p = person(rng, d, dob_range=(1930, 2020))
        a = addr(rng)
        d.add([P(mrn(rng, "d7"), "mrn"), "|", P(p.up_family(), "person_name"), "|", P(p.up_given(), "person_name"), "|",
               P(fd(p.dob, "us"), "date"), "|", p.sex, "|\"", P(fold(a.street).upper(), "street_address"), "\"|",
               P(a.city.upper(), "street_address"), "|", D(a.state, "state"), "|", P(a.zip, "zip_code"), "|",
               P(phone(rng, a, "digits"), "phone"), "|", P(fd(svc_date(rng), "us"), "date"), "\n"])


@tpl("sql_seed", "sql_mongosh_insert")
def _(rng, d):
    file_head(rng, d, "scripts/mongo/seed-careplans.mongodb.js", "mongosh playground")
    d.f("""
    use('careplans');
    db.members.insertMany([
    """)
    n = rng.randint(2, 3)
    for i in range(n):
        p = person(rng, d, native=0.55, dob_range=(1925, 1990))
        if rng.random() < 0.4:
            p.dob = old_dob(rng)
        age = age_on(p.dob, dt.date(2026, 11, 1))
        a = addr(rng)
        d.add(["  {\n    _id: ObjectId('", D(hexs(rng, 24), "internal_id"), "'),\n    memberId: '",
               P(member_id(rng), "health_plan_id"), "',\n    name: { given: '", P(p.given, "person_name"),
               "', family: '", P(p.family, "person_name"), "' },\n    dob: ISODate('", P(fd(p.dob, "iso") + "T00:00:00Z", "date"),
               "'),\n    ageAtEnrollment: ", P(str(age), "age_over_89") if age >= 90 else str(age),
               ",\n    contact: { phone: '", P(phone(rng, a, "dash"), "phone"), "', email: '", P(email_of(rng, p), "email"),
               "' },\n    conditions: ['", D(icd(rng)[0], "diagnosis_code"), "', '", D(icd(rng)[0], "diagnosis_code"),
               "'],\n    careManager: '", S(staff(rng, d)), "'\n  }", "," if i < n - 1 else "", "\n"])
    d.add("]);\n")


@tpl("sql_seed", "sql_cassandra_cql")
def _(rng, d):
    file_head(rng, d, "cql/V7__seed_visit_by_patient.cql", "Cassandra migration")
    d.f("""
    CREATE TABLE IF NOT EXISTS visits_by_patient (
      mrn text, visit_ts timestamp, visit_id timeuuid, patient_name text, dob date, clinic text, phone text,
      PRIMARY KEY ((mrn), visit_ts)
    ) WITH CLUSTERING ORDER BY (visit_ts DESC);

    """)
    for _ in range(rng.randint(3, 4)):
        p = person(rng, d, dob_range=(1930, 2015))
        a = addr(rng)
        v = svc_date(rng)
        d.add(["INSERT INTO visits_by_patient (mrn, visit_ts, visit_id, patient_name, dob, clinic, phone) VALUES ('",
               P(mrn(rng), "mrn"), "', '", P(fd(v, "iso") + " %02d:%02d:00+0000" % (rng.randint(12, 23), rng.randint(0, 59)), "date"),
               "', now(), '", P(p.full(), "person_name"), "', '", P(fd(p.dob, "iso"), "date"), "', '",
               D(rng.choice(FACILITIES), "facility"), "', '", P(phone(rng, a, "dash"), "phone"), "');\n"])


@tpl("sql_seed", "sql_pg_unique_violation")
def _(rng, d):
    p = person(rng, d, dob_range=(1935, 2012))
    a = addr(rng)
    m = mrn(rng, "z8")
    em = email_of(rng, p)
    t = ts(rng)
    d.f("""
    $ psql "$STAGING_URL" -f seeds/patients_from_uat.sql
    INSERT 0 1
    INSERT 0 1
    psql:seeds/patients_from_uat.sql:41: ERROR:  duplicate key value violates unique constraint "patient_mrn_key"
    DETAIL:  Key (mrn)=(@{mrn}) already exists.
    psql:seeds/patients_from_uat.sql:58: ERROR:  null value in column "sex" of relation "patient" violates not-null constraint
    DETAIL:  Failing row contains (@{id}, @{mrn2}, @{fam}, @{giv}, @{dob}, null, @{street}, @{city}, @{st}, @{zip}, @{em}, @{t}).

    -- seeds/patients_from_uat.sql, lines 55-58
    INSERT INTO patient (mrn, family_name, given_name, birth_date, sex, address_line, city, state, zip, email)
    VALUES ('@{mrn3}', '@{fam2}', '@{giv2}', '@{dob2}', NULL, '@{street2}', '@{city2}', '@{st2}', '@{zip2}', '@{em2}');
    """, mrn=P(m, "mrn"), id=D(str(rng.randint(1000, 99999)), "internal_id"), mrn2=P(mrn(rng, "z8"), "mrn"),
        **_dup(fam=P(p.family.replace("'", "''"), "person_name") if "'" in p.family else P(p.family, "person_name"),
               giv=P(p.given, "person_name"), dob=P(fd(p.dob, "iso"), "date"), street=P(a.street, "street_address"),
               city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"), em=P(em, "email")),
        t=t + ".%06d+00" % rng.randint(0, 999999), mrn3=P(mrn(rng, "z8"), "mrn"))


@tpl("sql_seed", "sql_sqlalchemy_session")
def _(rng, d):
    file_head(rng, d, "scripts/seed_dev.py", "dev seed script")
    d.f("""
    from datetime import date
    from app.db import SessionLocal
    from app.models import Patient, Coverage

    def run():
        with SessionLocal() as s:
            s.add_all([
    """)
    for _ in range(rng.randint(2, 3)):
        p = person(rng, d, dob_range=(1935, 2010))
        d.add(["            Patient(mrn=\"", P(mrn(rng), "mrn"), "\", name=\"", P(p.full_mi(), "person_name"),
               "\", dob=date(", P("%d, %d, %d" % (p.dob.year, p.dob.month, p.dob.day), "date"), "), ssn=\"",
               P(ssn(rng), "ssn"), "\",\n                    coverages=[Coverage(payer=\"", rng.choice(PAYERS),
               "\", member_id=\"", P(member_id(rng), "health_plan_id"), "\", group=\"", D(group_no(rng), "group_number"),
               "\")]),\n"])
    d.f("""
            ])
            s.commit()

    if __name__ == "__main__":
        run()
    """)


@tpl("sql_seed", "sql_laravel_seeder")
def _(rng, d):
    file_head(rng, d, "database/seeders/ReferralSeeder.php", "Laravel seeder")
    d.f("""
    <?php

    namespace Database\\Seeders;

    use Illuminate\\Database\\Seeder;
    use Illuminate\\Support\\Facades\\DB;

    class ReferralSeeder extends Seeder
    {
        public function run(): void
        {
            DB::table('referrals')->insert([
    """)
    for _ in range(rng.randint(2, 3)):
        p = person(rng, d, native=0.5, dob_range=(1935, 2015))
        a = addr(rng)
        ref = staff(rng, d, "Dr.")
        d.add(["            ['patient_name' => '", P(p.full(), "person_name"), "', 'dob' => '", P(fd(p.dob, "iso"), "date"),
               "', 'mrn' => '", P(mrn(rng), "mrn"), "', 'phone' => '", P(phone(rng, a, "dot"), "phone"),
               "', 'referring' => '", S(ref), "', 'reason' => '", D(icd(rng)[0], "diagnosis_code"),
               "', 'received_at' => now()],\n"])
    d.f("""
            ]);
        }
    }
    """)


@tpl("sql_seed", "sql_spark_named_struct")
def _(rng, d):
    file_head(rng, d, "notebooks/gold/seed_member_dim.sql", "Databricks SQL")
    d.f("""
    -- seed for the member_dim unit tests (runs in the dev workspace)
    INSERT INTO dev_gold.member_dim
    VALUES
    """)
    n = rng.randint(2, 4)
    for i in range(n):
        p = person(rng, d, dob_range=(1925, 2015))
        a = addr(rng, unit_p=0.3)
        d.add(["  ('", P(member_id(rng), "health_plan_id"), "', named_struct('given', '", P(p.given.replace("'", "\\'"), "person_name"),
               "', 'family', '", P(p.family.replace("'", "\\'"), "person_name"), "'), DATE'", P(fd(p.dob, "iso"), "date"),
               "', named_struct('line1', '", P(a.street, "street_address"), "', 'city', '", P(a.city, "street_address"),
               "', 'state', '", D(a.state, "state"), "', 'zip', '", P(a.zip, "zip_code"), "'), array('",
               P(phone(rng, a, "e164"), "phone"), "'), current_timestamp())", "," if i < n - 1 else ";", "\n"])


# ---------------------------------------------------------------------------
# PHI family: clinical_note
# ---------------------------------------------------------------------------


def paste_context(rng, d):
    k = rng.randint(0, 3)
    if k == 0:
        d.f("""
        Pasted into @{key} as the example note that failed to file to the chart (HL7 MDM^T02 rejected):

        """, key=jira_key(rng, "EHR"))
    elif k == 1:
        d.f("""
        (copied from the note viewer for the NLP extraction bug, @{key})

        """, key=jira_key(rng, "DATA"))
    elif k == 2:
        d.f("""
        Example document for the summarization pilot evaluation — source note below.
        ---
        """)


@tpl("clinical_note", "cn_discharge_summary")
def _(rng, d):
    p = person(rng, d, native=0.5, dob_range=(1930, 1975))
    wife = person(rng, d, family_of=p, sex="F" if p.sex == "M" else "M")
    a = addr(rng)
    adm = svc_date(rng)
    dis = adm + dt.timedelta(days=rng.randint(2, 9))
    att, pcp = staff(rng, d, "MD"), staff(rng, d, "Dr.")
    ic = icd(rng)
    age = age_on(p.dob, adm)
    m1, m2, m3 = rng.sample(MEDS, 3)
    paste_context(rng, d)
    d.f("""
    DISCHARGE SUMMARY
    Patient: @{name}    MRN: @{mrn}    DOB: @{dob}
    Admission: @{adm}    Discharge: @{dis}    Attending: @{att}
    PCP: @{pcp}

    PRINCIPAL DIAGNOSIS: @{dx} (@{icd})

    HPI: @{mr} @{fam} is @{art} @{age}-year-old @{sexw} with a history of @{c1} who presented to the ED with three days of worsening dyspnea and bilateral leg swelling. @{pron} ran out of @{m1} two weeks ago.

    PMH: @{c1}; @{c2}; cholecystectomy (2009).

    SOCIAL HISTORY: Lives with @{rel} @{wife} at @{street}, @{city}. Retired bus driver. Former smoker, 30 pack-years, quit 2012. No alcohol.

    HOSPITAL COURSE: Diuresed with IV furosemide, net negative 6.2 L. Creatinine peaked at 1.9 and returned to 1.3. Echo: EF 30-35%.

    DISCHARGE MEDICATIONS: @{m1b}; @{m2}; @{m3}.

    FOLLOW-UP: @{pcpd} on @{fu}. Home health nursing referral placed; agency will call @{ph}.
    """, name=P(p.full(), "person_name"), mrn=P(mrn(rng), "mrn"), dob=P(fd(p.dob, "us"), "date"), adm=P(fd(adm, "us"), "date"),
        dis=P(fd(dis, "us"), "date"), att=S(att), pcp=S(pcp), dx=D(ic[1], "condition"), icd=D(ic[0], "diagnosis_code"),
        mr=D("Mr." if p.sex == "M" else "Ms.", "title"), fam=P(p.family, "person_name"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), sexw="man" if p.sex == "M" else "woman",
        art="an" if str(age)[0] == "8" or age in (11, 18) else "a",
        c1=D(icd(rng)[1].lower(), "condition"), c2=D(icd(rng)[1].lower(), "condition"),
        pron="He" if p.sex == "M" else "She", m1=D(m1.split()[0], "medication"), m1b=D(m1 + " daily", "medication"),
        m2=D(m2 + " daily", "medication"), m3=D(m3 + " at bedtime", "medication"),
        rel="wife" if wife.sex == "F" else "husband", wife=P(wife.full(), "person_name"),
        street=P(a.street, "street_address"), city=P(a.city, "street_address"), pcpd=S(pcp, "dr"),
        fu=P(fd(dis + dt.timedelta(days=rng.randint(5, 14)), "us"), "date"), ph=P(phone(rng, a, "paren"), "phone"))


@tpl("clinical_note", "cn_cardiology_consult")
def _(rng, d):
    p = person(rng, d, sex="F", dob_range=(1924, 1960))
    if rng.random() < 0.5:
        p.dob = old_dob(rng)
    when = svc_date(rng)
    age = age_on(p.dob, when)
    req, cons = staff(rng, d, "Dr."), staff(rng, d, "MD")
    paste_context(rng, d)
    d.f("""
    CARDIOLOGY CONSULTATION
    Date of service: @{dos}
    Requesting physician: @{req}
    Reason for consult: new atrial fibrillation, anticoagulation decision

    IDENTIFICATION: @{name} (MRN @{mrn}), @{age} y/o @{sex}, admitted @{adm} after a mechanical fall at home.

    HPI: Found on the kitchen floor by her neighbor. Telemetry shows AF with RVR, rates 120-140. No prior history of arrhythmia. CHA2DS2-VASc 5, HAS-BLED 3.

    PMH: @{c1}, @{c2}. MEDICATIONS: @{m1}, @{m2}.

    SOCIAL: Widowed, lives alone in a senior apartment (@{street}). Daughter @{dau} is health care proxy, reachable at @{dph}.

    ASSESSMENT/PLAN:
    1. AF with RVR - start @{m3}; rate control with metoprolol tartrate 25 mg q6h.
    2. Fall risk - PT/OT eval; discuss goals of care with proxy.

    @{cons}
    Electronically signed @{signed}
    """, dos=P(fd(when, "us"), "date"), req=S(req), name=P(p.full_mi(), "person_name"), mrn=P(mrn(rng), "mrn"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), sex="F" if p.sex == "F" else "M",
        adm=P(fd(when - dt.timedelta(days=1), "us"), "date"), c1=D(icd(rng)[1], "condition"), c2=D(icd(rng)[1], "condition"),
        m1=D(med(rng), "medication"), m2=D(med(rng), "medication"), street=P(addr(rng, unit_p=1).street, "street_address"),
        dau=P(person(rng, d, family_of=p, sex="F").full(), "person_name"), dph=P(phone(rng, None, "dash"), "phone"),
        m3=D("apixaban 2.5 mg BID", "medication"), cons=S(cons), signed=ts(rng)[:16])


@tpl("clinical_note", "cn_referral_letter")
def _(rng, d):
    p = person(rng, d, native=0.5, dob_range=(1950, 2015))
    a = addr(rng, unit_p=0.4)
    fr, to = staff(rng, d, "Dr."), staff(rng, d, "Dr.")
    when = svc_date(rng)
    d.f("""
    @{fac}
    Department of Family Medicine
    @{fax}

    @{date}

    @{to}
    Gastroenterology Associates

    Re: @{name}, DOB @{dob}
    Address: @{street}, @{csz}
    Phone: @{ph}   Insurance: @{payer}, member ID @{mid}

    Dear @{to2},

    Thank you for seeing @{first}, whom I have followed since @{since}. @{pron} has had intermittent rectal bleeding for six weeks with a hemoglobin drop from 13.1 to 11.4 (@{lab}). Family history is notable for colon cancer in @{pos} father at age 52. I would appreciate a colonoscopy (@{cpt}) at your earliest availability.

    Current medications: @{m1}, @{m2}.

    Sincerely,
    @{fr}
    """, fac=D(rng.choice(FACILITIES), "facility"), fax=D("Fax " + phone(rng, None, "dash"), "staff_contact"),
        date=D(fd(rand_date(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 28)), "long"), "date"), to=S(to),
        name=P(p.full(), "person_name"), dob=P(fd(p.dob, "us"), "date"), street=P(a.street, "street_address"),
        csz=city_state_zip(a), ph=P(phone(rng, a, "paren"), "phone"), payer=rng.choice(PAYERS), mid=P(member_id(rng), "health_plan_id"),
        to2=S(to, "dr"), first=P(p.given, "person_name"), since=rng.randint(2012, 2022), pron="He" if p.sex == "M" else "She",
        lab=P(fd(when, "us1"), "date"), pos="his" if p.sex == "M" else "her", cpt=D("45378", "procedure_code"),
        m1=D(med(rng), "medication"), m2=D(med(rng), "medication"), fr=S(fr))


@tpl("clinical_note", "cn_prior_auth_form")
def _(rng, d):
    p = person(rng, d, dob_range=(1945, 2010))
    a = addr(rng)
    prov = staff(rng, d, "MD")
    ic = icd(rng)
    d.f("""
    PRIOR AUTHORIZATION REQUEST — SPECIALTY PHARMACY (fillable PDF, text layer)

    SECTION A - MEMBER INFORMATION
    Member name: @{name}                     Date of birth: @{dob}
    Member ID: @{mid}                    Group #: @{grp}
    Address: @{street}  City: @{city}  State: @{st}  ZIP: @{zip}
    Phone: @{ph}

    SECTION B - PRESCRIBER INFORMATION
    Prescriber: @{prov}      NPI: @{npi}
    Office contact: @{oc}      Fax: @{fax}

    SECTION C - MEDICATION REQUESTED
    Drug: @{drug}   [X] New start  [ ] Continuation
    Diagnosis (ICD-10): @{icd} @{dx}
    Previous therapies tried/failed: [X] @{m1} (dates @{tried}) [X] @{m2}

    SECTION D - CLINICAL
    Weight: 81 kg   Most recent A1c: 9.4% on @{a1c}
    Is the patient currently hospitalized? [ ] Yes [X] No
    """, name=P(p.full_mi().upper(), "person_name"), dob=P(fd(p.dob, "us"), "date"), mid=P(member_id(rng), "health_plan_id"),
        grp=D(group_no(rng), "group_number"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        st=D(a.state, "state"), zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "paren"), "phone"), prov=S(prov),
        npi=D(npi(rng), "npi"), oc=S(staff(rng, d)), fax=D(phone(rng, None, "dash"), "staff_contact"),
        drug=D(rng.choice(["semaglutide 1 mg pen", "tirzepatide 5 mg", "dulaglutide 1.5 mg"]), "medication"),
        icd=D(ic[0], "diagnosis_code"), dx=D(ic[1], "condition"), m1=D("metformin", "medication"),
        tried=P("%s - %s" % (fd(rand_date(rng, dt.date(2023, 1, 1), dt.date(2024, 6, 1)), "us2"), fd(rand_date(rng, dt.date(2024, 7, 1), dt.date(2025, 6, 1)), "us2")), "date"),
        m2=D("glipizide", "medication"), a1c=P(fd(svc_date(rng), "us"), "date"))


@tpl("clinical_note", "cn_lab_report")
def _(rng, d):
    p = person(rng, d, dob_range=(1930, 2012))
    col = svc_date(rng)
    rep = col + dt.timedelta(days=1)
    ordp, path = staff(rng, d, "MD"), staff(rng, d, "MD")
    acc = "%s-%02d-%06d" % (rng.choice(["CH", "SP", "HM"]), col.year % 100, rng.randint(1, 999999))
    age = age_on(p.dob, col)
    d.f("""
    ========================================================================
    TRI-RIVER REFERENCE LABORATORY                    CLIA 45D0987654
    ------------------------------------------------------------------------
    PATIENT: @{lf}          ACCESSION: @{acc}
    DOB: @{dob}  AGE: @{age}  SEX: @{sex}        MRN: @{mrn}
    COLLECTED: @{col}      RECEIVED: @{rcv}
    REPORTED: @{rep}       ORDERING: @{ordp}
    ------------------------------------------------------------------------
    TEST                     RESULT    FLAG   UNITS        REF RANGE
    Sodium                   131       L      mmol/L       135-145
    Potassium                5.6       H      mmol/L       3.5-5.1
    Creatinine               2.41      H      mg/dL        0.60-1.20
    eGFR (CKD-EPI 2021)      @{egfr}        L      mL/min/1.73  >=60
    Hemoglobin A1c           8.2       H      %            4.0-5.6
    ------------------------------------------------------------------------
    CRITICAL VALUE: K 5.6 called to @{rn} at @{callt} by @{tech}, read back.
    Reviewed by: @{path}
    ========================================================================
    """, lf=P(p.ascii_lf().upper(), "person_name"), acc=D(acc, "accession"), dob=P(fd(p.dob, "us"), "date"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), sex=p.sex, mrn=P(mrn(rng), "mrn"),
        col=P(fd(col, "us") + " %02d:%02d" % (rng.randint(5, 11), rng.randint(0, 59)), "date"),
        rcv=P(fd(col, "us") + " %02d:%02d" % (rng.randint(12, 15), rng.randint(0, 59)), "date"),
        rep=P(fd(rep, "us") + " %02d:%02d" % (rng.randint(6, 9), rng.randint(0, 59)), "date"),
        ordp=S(ordp), egfr=rng.randint(18, 40), rn=S(staff(rng, d, "RN")), callt=D("%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59)), "time"),
        tech=D(staff(rng, d).given[0] + staff(rng, d).family[0] + "T", "staff_initials"), path=S(path))


@tpl("clinical_note", "cn_ocr_scanned_referral")
def _(rng, d):
    p = person(rng, d, dob_range=(1935, 2012))
    a = addr(rng)
    prov = staff(rng, d, "Dr.")
    s = ssn(rng)
    d.f("""
    [OCR output, document 4 of 7, page 1/2, engine conf 0.74 — indexed to referral queue]

    COPPER BASlN CLlNlC         REFERRAL / C0NSULT REQUEST
    Date: @{today}             Urgent [ ]   Routine [X]

    Patient Name: @{name}
    D.O.B.: @{dob}    SSN: @{ssn}
    Address: @{street}
             @{csz}
    Home Ph: @{ph}     Cell: @{cell}
    lnsurance: @{payer}   lD# @{mid}

    Referred to: Orthopedics — @{to}
    Reason: R knee pain x 8 mo, failed PT, MRl shows @{cond}
    Dx code: @{icd}

    Referring provider: @{prov}    Sig: ~~~~~~~~
    """, today=D(fd(rand_date(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 28)), "us1"), "date"),
        name=P(p.ascii_full().upper().replace("I", "l"), "person_name"), dob=P(fd(p.dob, "us").replace("0", "O", 1), "date"),
        ssn=P(s[:4] + s[4:].replace("-", " - "), "ssn"), street=P(fold(a.street).upper(), "street_address"),
        csz=[P(a.city.upper().replace("I", "l"), "street_address"), ", ", D(a.state, "state"), "  ", P(a.zip, "zip_code")],
        ph=P(phone(rng, a, "paren"), "phone"), cell=P(phone(rng, a, "dash").replace("1", "l"), "phone"),
        payer=rng.choice(PAYERS), mid=P(member_id(rng).replace("5", "S"), "health_plan_id"), to=S(staff(rng, d, "Dr.")),
        cond=D("medial meniscus tear", "condition"), icd=D("M23.221", "diagnosis_code"), prov=S(prov))


@tpl("clinical_note", "cn_hospice_admission")
def _(rng, d):
    p = person(rng, d, dob_range=(1925, 1934))
    p.dob = old_dob(rng)
    son = person(rng, d, family_of=p, sex="M")
    a = addr(rng)
    when = svc_date(rng)
    age = age_on(p.dob, when)
    rn = staff(rng, d, "RN")
    d.f("""
    HOSPICE ADMISSION NURSING ASSESSMENT
    Patient: @{lf}     Hospice ID: @{hid}     Benefit period 1 start: @{start}
    Age: @{age}     DOB: @{dob}     MBI: @{mbi}
    Terminal diagnosis: @{dx} (@{icd})     FAST 7c, PPS 30%

    Living situation: Lives with son @{son} (primary caregiver, DPOA) at @{street}, @{city} @{zip}. Two-story home; hospital bed placed in first-floor den.
    Code status: DNR/DNI, POLST on refrigerator.
    Pain: PAINAD 4 with repositioning. Started @{m1}.
    Skin: Stage 2 sacral pressure injury, 2 x 1.5 cm.
    Caregiver phone: @{ph}. Preferred visit window 10-12.

    Plan: RN 2x/wk, aide 3x/wk, chaplain offered (accepted). Next IDG review @{idg}.
    @{rn}
    """, lf=P(p.lf(), "person_name"), hid=P("HSP-" + digits(rng, 6), "other_id"), start=P(fd(when, "us"), "date"),
        age=P(str(age), "age_over_89"), dob=P(fd(p.dob, "us"), "date"), mbi=P(mbi(rng, dashes=rng.random() < 0.5), "medicare_mbi"),
        dx=D("Alzheimer's disease with late onset", "condition"), icd=D("G30.1", "diagnosis_code"),
        son=P(son.full(), "person_name"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        zip=P(a.zip, "zip_code"), m1=D("morphine sulfate 5 mg/0.25 mL SL q4h PRN", "medication"),
        ph=P(phone(rng, a), "phone"), idg=D(fd(when + dt.timedelta(days=14), "us"), "date"), rn=S(rn))


@tpl("clinical_note", "cn_home_health_visit")
def _(rng, d):
    p = person(rng, d, native=0.5, dob_range=(1930, 1960))
    a = addr(rng, unit_p=0.7)
    when = svc_date(rng)
    pt_ = staff(rng, d, "PA-C")
    d.f("""
    HOME HEALTH SKILLED NURSING VISIT NOTE
    Visit date: @{vd}   Time in 09:10  Time out 10:02   Visit type: SN follow-up
    Patient: @{name}   DOB: @{dob}   Episode: @{ep}
    Address: @{street}, @{city}   Gate/door code: 4471#   Dog in yard
    Phone: @{ph}

    Vitals: BP 148/86, HR 78, SpO2 94% RA, wt 212 lb (up 3 lb since @{last}).
    Wound: R lower leg venous ulcer 3.1 x 2.0 cm, moderate serous drainage, dressing changed per order.
    Meds: reviewed with patient; missing doses of @{m1}. Pillbox set up for 2 weeks.
    Teaching: CHF zones, daily weights; teach-back adequate.
    Plan: notify @{pcp} of weight gain. Next visit @{next}.
    """, vd=P(fd(when, "us"), "date"), name=P(p.full(), "person_name"), dob=P(fd(p.dob, "us"), "date"),
        ep=D("EP-%06d" % rng.randint(1, 999999), "internal_id"), street=P(a.street, "street_address"),
        city=P(a.city, "street_address"), ph=P(phone(rng, a, "dash"), "phone"),
        last=P(fd(when - dt.timedelta(days=7), "us1"), "date"), m1=D(med(rng), "medication"), pcp=S(pt_),
        next=P(fd(when + dt.timedelta(days=rng.randint(2, 7)), "us1"), "date"))


@tpl("clinical_note", "cn_death_pronouncement")
def _(rng, d):
    p = person(rng, d, dob_range=(1926, 1965))
    wife = person(rng, d, family_of=p, sex="F" if p.sex == "M" else "M")
    when = svc_date(rng)
    md = staff(rng, d, "MD")
    me = "ME-%d-%05d" % (when.year, rng.randint(1, 99999))
    d.f("""
    DEATH PRONOUNCEMENT NOTE
    Called by RN to evaluate @{name} (MRN @{mrn}, DOB @{dob}) on 6 North, bed 14.
    Patient unresponsive to verbal and painful stimuli. No spontaneous respirations for 1 minute. No heart sounds or carotid pulse. Pupils fixed and dilated.
    Time of death: @{tod}.
    Family: @{rel} @{wife} present at bedside; @{rel_p} notified.
    Medical examiner notified per policy (fall within 30 days); case accepted, ME case # @{me}.
    Autopsy: per ME. Organ procurement organization notified, reference @{opo}.
    @{md}
    """, name=P(p.full(), "person_name"), mrn=P(mrn(rng), "mrn"), dob=P(fd(p.dob, "us"), "date"),
        tod=P(fd(when, "us") + " at %02d%02d" % (rng.randint(0, 23), rng.randint(0, 59)), "date"),
        rel="Wife" if wife.sex == "F" else "Husband", wife=P(wife.full(), "person_name"),
        rel_p="attending" if rng.random() < 0.5 else "attending and PCP", me=P(me, "other_id"),
        opo=D("OPO-" + digits(rng, 7), "internal_id"), md=S(md))


@tpl("clinical_note", "cn_radiology_report")
def _(rng, d):
    p = person(rng, d, dob_range=(1930, 2015))
    when = svc_date(rng)
    rad = staff(rng, d, "MD")
    age = age_on(p.dob, when)
    d.f("""
    EXAM: CT CHEST WITH CONTRAST
    PATIENT: @{hl7}   MRN: @{mrn}   DOB: @{dob}   AGE/SEX: @{age}/@{sex}
    ACCESSION: @{acc}   EXAM DATE: @{ed}
    ORDERING: @{ordp}   INDICATION: @{ind}

    COMPARISON: CT chest @{prior}.
    TECHNIQUE: Helical CT from thoracic inlet to adrenals after 80 mL Omnipaque 350.
    FINDINGS: 1.4 cm spiculated nodule in the right upper lobe (series 3, image 42), previously 0.9 cm. No mediastinal adenopathy. No effusion.
    IMPRESSION:
    1. Enlarging RUL nodule, suspicious for malignancy. Lung-RADS 4B. Recommend PET/CT and tissue sampling.

    Dictated by: @{rad}   Signed: @{signed}
    """, hl7=P(p.hl7(mi=False), "person_name"), mrn=P(mrn(rng), "mrn"), dob=P(fd(p.dob, "us"), "date"),
        age=P(str(age), "age_over_89") if age >= 90 else str(age), sex=p.sex, acc=D("CT" + digits(rng, 9), "accession"),
        ed=P(fd(when, "us") + " %02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59)), "date"), ordp=S(staff(rng, d, "NP")),
        ind=D("lung nodule follow-up", "condition"), prior=P(fd(when - dt.timedelta(days=rng.randint(90, 400)), "us"), "date"),
        rad=S(rad), signed=ts(rng)[:16])


@tpl("clinical_note", "cn_ems_run_report")
def _(rng, d):
    p = person(rng, d, dob_range=(1940, 2005))
    a = addr(rng)
    when = svc_date(rng)
    age = age_on(p.dob, when)
    medic = staff(rng, d)
    d.f("""
    PATIENT CARE REPORT (ePCR export, NEMSIS 3.5) — Incident @{inc}
    Unit: Medic 14 (@{unitvin})   Crew: @{medic} (P), @{emt} (E)
    Incident date: @{idate}   Dispatch 13:42  On scene 13:51  Transport 14:08  At dest 14:22
    Incident address: @{street}, @{city} @{st} @{zip}
    Patient: @{name}   DOB: @{dob}   Age: @{age}   Sex: @{sex}
    Patient vehicle (MVC, driver): @{car} plate @{plate} (@{st2}), VIN @{vin}

    Narrative: Restrained driver in a two-vehicle collision at moderate speed, airbag deployed. GCS 15, c/o neck and L wrist pain. C-collar applied, L wrist splinted. Vitals stable. Pt's DL @{dl} photographed for the trauma registry.
    Destination: @{fac}, trauma activation level 2.
    """, inc=D(str(when.year) + "-" + digits(rng, 6), "internal_id"), unitvin="fleet #14",
        medic=S(medic), emt=S(staff(rng, d)), idate=P(fd(when, "us"), "date"), street=P(a.street, "street_address"),
        city=P(a.city, "street_address"), st=D(a.state, "state"), zip=P(a.zip, "zip_code"), name=P(p.lf(), "person_name"),
        dob=P(fd(p.dob, "us"), "date"), age=P(str(age), "age_over_89") if age >= 90 else str(age), sex=p.sex,
        car=rng.choice(["2019 Honda CR-V", "2016 Ford F-150", "2022 Toyota RAV4", "2014 Subaru Outback"]),
        plate=P(plate(rng), "vehicle_id"), st2=D(a.state, "state"), vin=P(vin(rng), "vehicle_id"),
        dl=P(dl(rng), "license_number"), fac=D(rng.choice(FACILITIES), "facility"))


# ---------------------------------------------------------------------------
# PHI family: csv_claims
# ---------------------------------------------------------------------------


def csvq(x):
    """quote a CSV cell (pieces list or Sp or str) when it contains a comma or quote"""
    pieces = x if isinstance(x, list) else [x]
    flat = "".join(p.value if isinstance(p, Sp) else str(p) for p in pieces)
    if "," in flat or '"' in flat or "\n" in flat:
        return ['"'] + [Sp(p.value.replace('"', '""'), p.label, p.kind) if isinstance(p, Sp) else str(p).replace('"', '""') for p in pieces] + ['"']
    return pieces


def csv_row(cells, sep=","):
    return join(sep, [csvq(c) for c in cells]) + ["\n"]


@tpl("csv_claims", "csv_835_remit")
def _(rng, d):
    payer = rng.choice(PAYERS)
    d.f("""
    ERA 835 from @{payer} — check EFT @{eft} — posting failed for 2 CLPs (unmatched patient control number). Raw segments:

    ST*835*0001~
    BPR*I*@{tot}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261118~
    TRN*1*@{eft}*1512345678~
    N1*PR*@{payerup}~
    N1*PE*PINECREST REGIONAL MEDICAL CENTER*XX*@{npi}~
    """, payer=payer, eft=digits(rng, 9, False), tot=money(rng, 500, 20000),
        payerup=payer.upper(), npi=D(npi(rng), "npi"))
    for _ in range(rng.randint(2, 3)):
        p = person(rng, d, dob_range=(1935, 2015))
        dos = svc_date(rng)
        billed = rng.randint(200, 4000)
        paid = round(billed * rng.uniform(0.2, 0.7), 2)
        c = cpt(rng)
        d.add(["CLP*", P(acct(rng), "account_number"), "*1*", str(billed), "*", "%.2f" % paid, "*", "%.2f" % rng.uniform(0, 60),
               "*12*", P(claim_no(rng), "other_id"), "*11*1~\n",
               "NM1*QC*1*", P(p.hl7(mi=False, sep="*"), "person_name"), "****MI*", P(member_id(rng), "health_plan_id"), "~\n",
               "DTM*232*", P(fd(dos, "hl7"), "date"), "~\n",
               "SVC*HC:", D(c[0], "procedure_code"), "*", str(billed), "*", "%.2f" % paid, "**1~\n",
               "CAS*CO*45*", "%.2f" % (billed - paid), "~\n"])
    d.f("""
    SE*@{n}*0001~

    PCN in CLP01 is our HAR, but after the billing-system cutover it has the new prefix; the poster expects the legacy one.
    """, n=rng.randint(20, 40))


@tpl("csv_claims", "csv_277ca_rejection_report")
def _(rng, d):
    batch = "B" + digits(rng, 8)
    d.f("""
    CLEARINGHOUSE CLAIM ACKNOWLEDGEMENT REPORT (277CA)            Batch: @{batch}
    Submitter: PRMCBILL                                             Run: @{run}
    -----------------------------------------------------------------------------------------------
    STATUS    PATIENT NAME             PAT CTRL #     DOS         MEMBER ID        CHARGES   CODES
    -----------------------------------------------------------------------------------------------
    """, batch=batch, run=ts(rng)[:16])
    for _ in range(rng.randint(4, 6)):
        p = person(rng, d, dob_range=(1935, 2015))
        nm = p.ascii_lf().upper()
        st = rng.choice(["REJECTED", "REJECTED", "ACCEPTED", "PENDED"])
        code = {"REJECTED": rng.choice(["A7:164 (subscriber DOB mismatch)", "A7:33 (member ID invalid)", "A6:21 (missing DX)"]),
                "ACCEPTED": "A2:20", "PENDED": "P1:35"}[st]
        d.add([st.ljust(10), P(nm, "person_name"), " " * max(2, 25 - len(nm)), P(acct(rng), "account_number"), "  ",
               P(fd(svc_date(rng), "us"), "date"), "  ", P(member_id(rng), "health_plan_id"), "  ",
               money(rng, 90, 5000).rjust(9), "  ", code, "\n"])
        if "DOB" in code:
            d.add(["          DOB submitted: ", P(fd(p.dob, "us"), "date"), "   DOB on payer file: ",
                   P(fd(p.dob + dt.timedelta(days=rng.choice([-365, 1, 31])), "us"), "date"), "\n"])
    d.f("""
    -----------------------------------------------------------------------------------------------
    Totals: see batch summary. Rejected claims must be corrected and resubmitted within 95 days of DOS.
    """)


@tpl("csv_claims", "csv_excel_denials_multiline")
def _(rng, d):
    d.f("""
    Denials to work this week (copied from Denials_Nov.xlsx, Notes column has line breaks):

    """)
    d.add(join("\t", ["Claim #", "Patient", "DOB", "DOS", "Payer", "CARC", "Amount", "Notes"]) + ["\n"])
    for _ in range(rng.randint(3, 4)):
        p = person(rng, d, native=0.4, dob_range=(1935, 2015))
        rep = staff(rng, d)
        rel = person(rng, d, family_of=p)
        notes = [D(fd(rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 11, 27)), "us1"), "date"), " ", S(rep, "init"),
                 ": called payer, ref# ", D(digits(rng, 10), "internal_id"), "\nneeds corrected ", rng.choice(["DOB", "member ID", "auth #"]),
                 "; patient's ", rng.choice(["spouse", "daughter" if rel.sex == "F" else "son"]), " ", P(rel.full(), "person_name"),
                 " says new card coming"]
        cells = [[P(claim_no(rng), "other_id")], [P(p.full(), "person_name")], [P(fd(p.dob, "us1"), "date")],
                 [P(fd(svc_date(rng), "us1"), "date")], [rng.choice(PAYERS)], [rng.choice(["CO-16", "CO-197", "CO-31", "PR-27", "CO-109"])],
                 ["$" + money(rng, 100, 9000)], tsv_cell(notes)]
        d.add(join("\t", cells) + ["\n"])


@tpl("csv_claims", "csv_ub04_extract")
def _(rng, d):
    d.f("""
    ub04_extract_@{day}.csv (FL = UB-04 form locator)
    FL03a_PCN,FL03b_MRN,FL06_FROM,FL06_THRU,FL08b_PT_NAME,FL09a_ADDR,FL09b_CITY,FL09c_ST,FL09d_ZIP,FL10_BIRTHDATE,FL11_SEX,FL12_ADMIT_DT,FL60_INSURED_ID,FL67_PDX,FL04_TOB,TOTAL_CHG
    """, day=fd(rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 3)), "hl7"))
    for _ in range(rng.randint(3, 5)):
        p = person(rng, d, dob_range=(1930, 2012))
        a = addr(rng)
        adm = svc_date(rng)
        thru = adm + dt.timedelta(days=rng.randint(1, 8))
        d.add(csv_row([P(acct(rng), "account_number"), P(mrn(rng), "mrn"), P(fd(adm, "us"), "date"), P(fd(thru, "us"), "date"),
                       P(p.ascii_lf().upper(), "person_name"), P(fold(a.street).upper(), "street_address"), P(a.city.upper(), "street_address"),
                       D(a.state, "state"), P(a.zip + a.zip4, "zip_code"), P(fd(p.dob, "us"), "date"), p.sex, P(fd(adm, "us"), "date"),
                       P(member_id(rng), "health_plan_id"), D(icd(rng)[0].replace(".", ""), "diagnosis_code"),
                       rng.choice(["0111", "0131", "0121"]), money(rng, 900, 80000)]))


@tpl("csv_claims", "csv_splunk_claim_events")
def _(rng, d):
    d.f("""
    Splunk search: index=rcm sourcetype=claim_scrubber status=FAIL earliest=-24h | table _time host claim_id patient_name dob member_id edit_code
    Export (CSV):
    "_time","host","claim_id","patient_name","dob","member_id","edit_code"
    """)
    for t in tss(rng, rng.randint(4, 6), frac=True):
        p = person(rng, d, dob_range=(1935, 2015))
        cells = [t.replace(" ", "T") + "-0500", "scrub-%02d.rcm.internal" % rng.randint(1, 6), P(claim_no(rng), "other_id"),
                 P(p.ascii_lf(), "person_name"), P(fd(p.dob, "iso"), "date"), P(member_id(rng), "health_plan_id"),
                 rng.choice(["NCCI-PTP", "MUE-UNITS", "DX-INVALID", "SUB-DOB-MISMATCH"])]
        d.add(['"'] + join('","', cells) + ['"\n'])
    d.f("""
    SUB-DOB-MISMATCH spiked after the eligibility vendor switched to returning the subscriber's DOB for dependents.
    """)


@tpl("csv_claims", "csv_denial_worklist_tsv")
def _(rng, d):
    d.f("""
    Worklist export — queue "Medicare secondary / COB" (tab separated, from the billing system's Export to Excel):

    HAR\tGuarantor\tPatient\tMBI\tDOB\tSvc Date\tBalance\tLast Action\tOwner
    """)
    for _ in range(rng.randint(4, 6)):
        p = person(rng, d, dob_range=(1925, 1960))
        if rng.random() < 0.3:
            p.dob = old_dob(rng)
        g = p if rng.random() < 0.6 else person(rng, d, family_of=p)
        d.add(join("\t", [P(acct(rng), "account_number"), P(g.ascii_lf().upper(), "person_name"), P(p.ascii_lf().upper(), "person_name"),
                          P(mbi(rng, dashes=rng.random() < 0.3), "medicare_mbi"), P(fd(p.dob, "us"), "date"),
                          P(fd(svc_date(rng), "us"), "date"), money(rng, 20, 4000),
                          rng.choice(["MSP questionnaire sent", "Rebilled to secondary", "Awaiting EOB", "Pt called"]),
                          S(staff(rng, d), "init")]) + ["\n"])


@tpl("csv_claims", "csv_837i_segments")
def _(rng, d):
    p = person(rng, d, dob_range=(1928, 1960))
    a = addr(rng)
    adm = svc_date(rng)
    dis = adm + dt.timedelta(days=rng.randint(2, 10))
    att = staff(rng, d)
    d.f("""
    837I for an inpatient stay keeps failing the payer's front-end edit "2300 DTP*435 admission date/hour required". Claim extract:

    HL*3*2*22*0~
    SBR*P*18*******MB~
    NM1*IL*1*@{name}****MI*@{mbi}~
    N3*@{street}~
    N4*@{city}*@{st}*@{zip}~
    DMG*D8*@{dob}*@{sx}~
    NM1*PR*2*MEDICARE PART A*****PI*04412~
    CLM*@{pcn}*@{amt}***11:A:1**A*Y*Y~
    DTP*434*RD8*@{stmt}~
    CL1*1*7*01~
    REF*EA*@{mrn}~
    HI*ABK:@{pdx}*ABJ:@{adx}~
    NM1*71*1*@{attn}****XX*@{npi}~

    DTP*435 (admission date/hour, e.g. DTP*435*DT*@{admdt}~) is missing; the mapper only emits it when PV1-44 has a time component.
    """, name=P(p.hl7(mi=False, sep="*"), "person_name"), mbi=P(mbi(rng), "medicare_mbi"), street=P(fold(a.street).upper(), "street_address"),
        city=P(a.city.upper(), "street_address"), st=D(a.state, "state"), zip=P(a.zip + a.zip4, "zip_code"),
        dob=P(fd(p.dob, "hl7"), "date"), sx=p.sex, pcn=P(acct(rng), "account_number"), amt=money(rng, 8000, 90000),
        stmt=P(fd(adm, "hl7") + "-" + fd(dis, "hl7"), "date"), mrn=P(mrn(rng), "mrn"),
        pdx=D(icd(rng)[0].replace(".", ""), "diagnosis_code"), adx=D(icd(rng)[0].replace(".", ""), "diagnosis_code"),
        attn=D(att.hl7(mi=False, sep="*"), "person_name"), npi=D(npi(rng), "npi"), admdt=P(hl7ts(adm, rng), "date"))


@tpl("csv_claims", "csv_ncpdp_rx_claims")
def _(rng, d):
    d.f("""
    rx_claims_rejects.csv — NCPDP D.0 rejects from the PBM for the specialty pharmacy (reject 65 = patient not covered)
    rx_number,fill_date,cardholder_id,person_code,patient_first,patient_last,patient_dob,ndc,drug,qty,reject_codes
    """)
    for _ in range(rng.randint(4, 6)):
        p = person(rng, d, dob_range=(1935, 2018))
        ndc = digits(rng, 11)
        d.add(csv_row([P(digits(rng, 7, False), "other_id"), P(fd(svc_date(rng), "hl7"), "date"), P(member_id(rng), "health_plan_id"),
                       "0%d" % rng.randint(1, 3), P(p.up_given(), "person_name"), P(p.up_family(), "person_name"),
                       P(fd(p.dob, "hl7"), "date"), D(ndc, "drug_code"),
                       D(rng.choice(["ADALIMUMAB 40MG/0.4ML", "ETANERCEPT 50MG/ML", "DUPILUMAB 300MG/2ML", "INSULIN ASPART PEN"]), "medication"),
                       str(rng.choice([1, 2, 4, 30])), rng.choice(["65", "70;75", "76", "41"])]))


@tpl("csv_claims", "csv_eligibility_batch_results")
def _(rng, d):
    d.f("""
    Batch eligibility results (270/271 via clearinghouse), run for tomorrow's surgery schedule:

    "Appt","Patient","DOB","Subscriber","Member ID","Payer","Status","Plan Begin","Message"
    """)
    for _ in range(rng.randint(4, 5)):
        p = person(rng, d, native=0.4, dob_range=(1940, 2020))
        sub = p if rng.random() < 0.6 else person(rng, d, family_of=p, dob_range=(1955, 1990))
        st = rng.choice(["Active", "Active", "Inactive", "Not found"])
        msg = {"Active": "", "Inactive": "Coverage terminated", "Not found": "Subscriber/Insured not found (AAA 75)"}[st]
        d.add(['"', P(fd(rand_date(rng, dt.date(2026, 10, 5), dt.date(2026, 10, 30)), "us") + " 07:30", "date"), '","',
               P(p.lf(), "person_name"), '","', P(fd(p.dob, "us"), "date"), '","', P(sub.lf(), "person_name"), '","',
               P(member_id(rng), "health_plan_id"), '","', rng.choice(PAYERS), '","', st, '","', D("01/01/2026", "date"),
               '","', msg, '"\n'])


@tpl("csv_claims", "csv_patient_statement_export")
def _(rng, d):
    d.f("""
    statement_run_@{day}.csv (vendor rejected the file: column 9 must not contain full card numbers)
    guarantor_acct,guarantor_name,addr1,city,state,zip,amount_due,due_date,autopay_card,email
    """, day=fd(rand_date(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 3)), "hl7"))
    for _ in range(rng.randint(3, 5)):
        p = person(rng, d, dob_range=(1945, 1995))
        a = addr(rng)
        card_cell = P(card(rng, sep=rng.choice(["", " ", "-"])), "credit_card") if rng.random() < 0.7 else ""
        d.add(csv_row([P(acct(rng), "account_number"), P(p.ascii_lf(), "person_name"), P(a.street, "street_address"),
                       P(a.city, "street_address"), D(a.state, "state"), P(a.zip, "zip_code"), money(rng, 15, 2500),
                       D("12/%02d/2026" % rng.randint(10, 28), "date"), card_cell, P(email_of(rng, p), "email")]))


@tpl("csv_claims", "csv_dme_claims")
def _(rng, d):
    d.f("""
    DME claims held for missing serial numbers (payer requires the serial for capped rentals, KH/KI/KJ modifiers).
    claim_no|member_id|patient|dob|hcpcs|modifier|dos|serial_number|supplier_note
    """)
    for _ in range(rng.randint(3, 5)):
        p = person(rng, d, dob_range=(1930, 1975))
        item = rng.choice([("E0601", "CPAP", "RNB"), ("E1390", "oxygen concentrator", "PJN"), ("K0823", "power wheelchair", "WC"),
                           ("E0260", "hospital bed", "HB")])
        sn = serial(rng, item[2])
        d.add(join("|", [P(claim_no(rng), "other_id"), P(member_id(rng), "health_plan_id"), P(p.ascii_lf(), "person_name"),
                         P(fd(p.dob, "us"), "date"), D(item[0], "procedure_code"), rng.choice(["KH", "KI", "KJ"]),
                         P(fd(svc_date(rng), "us"), "date"), P(sn, "device_id") if rng.random() < 0.7 else "",
                         item[1] + " delivered"]) + ["\n"])


# ---------------------------------------------------------------------------
# PHI family: patient_email
# ---------------------------------------------------------------------------


def mail_date(rng):
    day = rand_date(rng, dt.date(2026, 10, 20), dt.date(2026, 12, 3))
    return D("%s, %s %d, %d %d:%02d %s" % (["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday()],
                                           MONTHS[day.month - 1], day.day, day.year, rng.randint(1, 12), rng.randint(0, 59),
                                           rng.choice(["AM", "PM"])), "date")


@tpl("patient_email", "pe_forwarded_quoted")
def _(rng, d):
    p = person(rng, d, native=0.5, dob_range=(1950, 1995))
    a = addr(rng)
    em = email_of(rng, p)
    fd_, ma = staff(rng, d), staff(rng, d)
    dom = rng.choice(ORG_DOMAINS)
    appt = rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 30))
    d.f("""
    Subject: FW: Re: MRI results and next steps
    From: @{fdn} <@{fde}>
    To: Clinical Informatics <clinical-informatics@@{dom}>
    Date: @{date1}

    Forwarding so you can see why the auto-reply went out to the patient with the wrong callback number. — @{fdfirst}

    -----Original Message-----
    From: @{pname} <@{em}>
    Sent: @{date2}
    To: Neurology Clinic <neuro-clinic@@{dom}>
    Subject: Re: MRI results and next steps

    Hi, I still haven't heard back. My MRI was on @{mri} and the portal says "results available" but I can't open them. My appointment with the neurologist is @{appt}. Can someone call me? I'm at work until 5.

    Thanks,
    @{sig}
    DOB @{dob}
    @{ph} (cell)

    > On @{q1}, Neurology Clinic <neuro-clinic@@{dom}> wrote:
    > Thank you for contacting the Neurology Clinic. A member of our team will respond within 2 business days. For urgent needs call 555-0100.
    >
    >> On @{q2}, @{pname2} <@{em2}> wrote:
    >> Hello, I had my MRI done and wanted to ask about the results. My MRN is @{mrn}.
    """, fdn=S(fd_), fde=D(staff_email(fd_, dom), "staff_contact"), dom=dom, date1=mail_date(rng), fdfirst=D(fd_.given, "person_name"),
        pname=P(p.full(), "person_name"), em=P(em, "email"), date2=mail_date(rng),
        mri=P(fd(svc_date(rng), "us1"), "date"), appt=P(fd(appt, "long"), "date"), sig=P(p.given, "person_name"),
        dob=P(fd(p.dob, "us1"), "date"), ph=P(phone(rng, a, "dash"), "phone"), q1=mail_date(rng), q2=mail_date(rng),
        pname2=P(p.full(), "person_name"), em2=P(em, "email"), mrn=P(mrn(rng), "mrn"))


@tpl("patient_email", "pe_caregiver_over90")
def _(rng, d):
    p = person(rng, d, dob_range=(1925, 1934))
    p.dob = old_dob(rng)
    niece = person(rng, d, family_of=p, sex="F", dob_range=(1955, 1980))
    a = addr(rng, unit_p=1)
    age = age_on(p.dob, dt.date(2026, 11, 20))
    em = email_of(rng, niece)
    d.f("""
    From: @{nname} <@{em}>
    To: care.coordination@@{dom}
    Date: @{date}
    Subject: my aunt — medication delivery and transport

    Good morning,

    I help take care of my aunt, @{pname}, who is @{age} years old and lives alone at @{street}, @{city}. She was discharged on @{dis} and her new blood thinner (@{med}) was never delivered. She is also supposed to see cardiology on @{fu} but she cannot drive any more. Could someone arrange a ride? Her date of birth is @{dob} and her Medicare number is @{mbi}.

    You can reach me at @{ph} or this email. I am listed as her emergency contact.

    Kind regards,
    @{nname2}
    """, nname=P(niece.full(), "person_name"), em=P(em, "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng),
        pname=P(p.full(), "person_name"), age=P(str(age), "age_over_89"), street=P(a.street, "street_address"),
        city=P(a.city, "street_address"), dis=P(fd(svc_date(rng), "long"), "date"), med=D("apixaban", "medication"),
        fu=P(fd(rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 30)), "long"), "date"), dob=P(fd(p.dob, "us"), "date"),
        mbi=P(mbi(rng, dashes=True), "medicare_mbi"), ph=P(phone(rng, a, "paren"), "phone"), nname2=P(niece.full(), "person_name"))


@tpl("patient_email", "pe_records_request")
def _(rng, d):
    p = person(rng, d, native=0.5, dob_range=(1945, 2004))
    a, b = addr(rng), addr(rng, unit_p=0.6)
    em = email_of(rng, p)
    d.f("""
    From: @{em}
    To: HIM Release of Information <roi@@{dom}>
    Date: @{date}
    Subject: Request for my complete medical records (HIPAA right of access)

    To whom it may concern,

    Under 45 CFR 164.524 I request a copy of my complete medical record, including imaging, from @{y0} to present.

    Full name: @{name}
    Former name: @{former}
    Date of birth: @{dob}
    SSN (last 4): @{l4}
    Current address: @{street}, @{csz}
    Previous address (on my old records): @{ostreet}, @{ocsz}
    Phone: @{ph}

    Please send the records electronically to this email address. I have attached a photo of my driver's license (@{dl}).

    @{sig}
    """, em=P(em, "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng), y0=rng.randint(2010, 2020),
        name=P(p.full_mi(), "person_name"), former=P(p.given + " " + rng.choice(rng.choice(CULTURES).family)[0][0], "person_name"),
        dob=P(fd(p.dob, "long"), "date"), l4=D(digits(rng, 4), "ssn_last4"), street=P(b.street, "street_address"),
        csz=city_state_zip(b), ostreet=P(a.street, "street_address"), ocsz=city_state_zip(a), ph=P(phone(rng, b), "phone"),
        dl=P(dl(rng), "license_number"), sig=P(p.full(), "person_name"))


@tpl("patient_email", "pe_billing_dispute_card")
def _(rng, d):
    p = person(rng, d, dob_range=(1950, 1998))
    a = addr(rng)
    em = email_of(rng, p)
    cn = card(rng)
    d.f("""
    From: "@{lf}" <@{em}>
    To: billing@@{dom}
    Date: @{date}
    Subject: Charged twice for ER visit — account @{acct}

    Hello,

    I was charged twice ($@{amt} each) for my ER visit on @{dos}. My account number is @{acct2}. The card you charged is @{card}, expiration 04/28, CVV on the back. Please refund one of the charges to the same card.

    Also my address changed, please update it to @{street}, @{csz}.

    Thank you
    @{name}
    @{ph}
    """, lf=P(p.lf(), "person_name"), em=P(em, "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng),
        **_dup(acct=P(acct(rng), "account_number")), amt=money(rng, 150, 1800), dos=P(fd(svc_date(rng), "us"), "date"),
        card=P(cn, "credit_card"), street=P(a.street, "street_address"), csz=city_state_zip(a, zip4=True),
        name=P(p.full(), "person_name"), ph=P(phone(rng, a, "dot"), "phone"))


@tpl("patient_email", "pe_outlook_chain")
def _(rng, d):
    p = person(rng, d, dob_range=(1940, 2000))
    a = addr(rng)
    sc, rn = staff(rng, d), staff(rng, d, "RN")
    dom = rng.choice(ORG_DOMAINS)
    em = email_of(rng, p)
    surg = rand_date(rng, dt.date(2026, 12, 7), dt.date(2027, 1, 15))
    d.f("""
    From: @{scn} <@{sce}>
    Sent: @{d1}
    To: @{pn} <@{em}>
    Cc: @{rnn} <@{rne}>
    Subject: RE: Pre-op instructions for @{surg}

    Hi @{first},

    Yes, please stop the @{med} 5 days before surgery (last dose on @{last}). Arrival time is 6:00 AM at the Surgery Center, 2nd floor. Our nurse @{rnfirst} will call you at @{ph} the day before.

    @{scsig}
    Surgical Scheduling | @{scph}

    From: @{pn2} <@{em2}>
    Sent: @{d2}
    To: @{scn2} <@{sce2}>
    Subject: Pre-op instructions for @{surg2}

    Hi, I have my knee replacement scheduled on @{surg3}. Do I need to stop my blood thinner? My DOB is @{dob}, MRN @{mrn}.
    @{pn3}
    """, scn=S(sc), sce=D(staff_email(sc, dom), "staff_contact"), d1=mail_date(rng), pn=P(p.full(), "person_name"), em=P(em, "email"),
        rnn=S(rn), rne=D(staff_email(rn, dom), "staff_contact"), surg=P(fd(surg, "us1"), "date"), first=P(p.given, "person_name"),
        med=D("warfarin", "medication"), last=P(fd(surg - dt.timedelta(days=6), "us1"), "date"), rnfirst=D(rn.given, "person_name"),
        ph=P(phone(rng, a, "paren"), "phone"), scsig=D(sc.full(), "person_name"), scph=D(phone(rng, None, "dash") + " ext. %d" % rng.randint(2000, 7999), "staff_contact"),
        pn2=P(p.full(), "person_name"), em2=P(em, "email"), d2=mail_date(rng), scn2=S(sc), sce2=D(staff_email(sc, dom), "staff_contact"),
        surg2=P(fd(surg, "us1"), "date"), surg3=P(fd(surg, "long"), "date"), dob=P(fd(p.dob, "us"), "date"),
        mrn=P(mrn(rng), "mrn"), pn3=P(p.full(), "person_name"))


@tpl("patient_email", "pe_portal_notification_reply")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1945, 2005))
    em = email_of(rng, p)
    pid = digits(rng, 9, False)
    tok = hexs(rng, 24)
    d.f("""
    From: @{em}
    To: MyHealth Notifications <no-reply@mychart.pinecresths.org>
    Date: @{date}
    Subject: Re: You have a new test result

    why does this link ask me for a code?? I just want to see my biopsy result. my birthday is @{dob}, please just email it to me.

    @{sig}

    On @{qd}, MyHealth Notifications <no-reply@mychart.pinecresths.org> wrote:
    > Dear @{name},
    > A new test result is available in MyHealth. View it here:
    > @{url}
    > This link expires in 72 hours. Do not reply to this message.
    """, em=P(em, "email"), date=mail_date(rng), dob=P(fd(p.dob, "us1"), "date"), sig=P(p.given, "person_name"), qd=mail_date(rng),
        name=P(p.full(), "person_name"),
        url=P("https://mychart.pinecresths.org/MyHealth/Results/Detail?patientId=%s&resultId=%s&t=%s" % (pid, digits(rng, 8), tok), "url"))


@tpl("patient_email", "pe_efax_cover")
def _(rng, d):
    p = person(rng, d, dob_range=(1935, 2010))
    a = addr(rng)
    sender = staff(rng, d)
    d.f("""
    From: eFax Relay <relay@efax-gateway.pinecresths.org>
    To: intake.ortho@@{dom}
    Date: @{date}
    Subject: Fax received from @{faxfrom} (3 pages)

    ---------------- FAX COVER SHEET (page 1, OCR text) ----------------
    TO: Orthopedic Intake          FROM: @{sender}, Lakeshore Community Clinic
    FAX: @{faxto}             PHONE: @{sph}
    RE: Referral — @{name}, DOB @{dob}
    PATIENT PHONE: @{ph}   ADDRESS: @{street}, @{csz}
    INSURANCE: @{payer} / @{mid}
    Pages incl. cover: 3     Urgent: NO
    CONFIDENTIALITY NOTICE: This facsimile contains protected health information...
    -------------------------------------------------------------------
    """, dom=rng.choice(ORG_DOMAINS), date=mail_date(rng), faxfrom=D(phone(rng, None, "dash"), "staff_contact"),
        sender=S(sender), faxto=D(phone(rng, None, "dash"), "staff_contact"), sph=D(phone(rng, None, "paren"), "staff_contact"),
        name=P(p.full_mi(), "person_name"), dob=P(fd(p.dob, "us"), "date"), ph=P(phone(rng, a, "paren"), "phone"),
        street=P(a.street, "street_address"), csz=city_state_zip(a), payer=rng.choice(PAYERS), mid=P(member_id(rng), "health_plan_id"))


def _culture(name):
    return CULTURES[[c.name for c in CULTURES].index(name)]


@tpl("patient_email", "pe_korean_email")
def _(rng, d):
    p = person(rng, d, culture=_culture("korean"), native=1.0, sex="F", dob_range=(1940, 1965))
    child = person(rng, d, family_of=p, dob_range=(1975, 2000))
    a = addr(rng, unit_p=0.6)
    em = email_of(rng, child)
    d.f("""
    From: @{cname} <@{em}>
    To: international.patients@@{dom}
    Date: @{date}
    Subject: 어머니 진료 예약 변경 요청 (Appointment change for my mother)

    안녕하세요,

    저는 @{cname2} 입니다. 어머니 @{pname} (생년월일 @{dob}) 의 @{appt} 내과 예약을 다음 주로 변경하고 싶습니다. 환자 번호는 @{mrn} 입니다.
    주소가 바뀌었습니다: @{street}, @{city} @{zip}
    연락처: @{ph}

    감사합니다.
    @{cname3} 드림
    """, cname=P(child.full(), "person_name"), em=P(em, "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng),
        cname2=P(child.full(), "person_name"), pname=P(p.full(), "person_name"), dob=P(fd(p.dob, "iso"), "date"),
        appt=P("%d월 %d일" % (rand_date(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 30)).month, rng.randint(7, 28)), "date"),
        mrn=P(mrn(rng), "mrn"), street=P(a.street, "street_address"), city=P(a.city, "street_address"), zip=P(a.zip, "zip_code"),
        ph=P(phone(rng, a, "dash"), "phone"), cname3=P(child.full(), "person_name"))


@tpl("patient_email", "pe_greek_email")
def _(rng, d):
    p = person(rng, d, culture=_culture("greek"), native=1.0, dob_range=(1935, 1985))
    a = addr(rng)
    em = email_of(rng, p)
    d.f("""
    From: @{name} <@{em}>
    To: patient.relations@@{dom}
    Date: @{date}
    Subject: Παράπονο για τον λογαριασμό / billing complaint

    Καλησπέρα σας,

    Ονομάζομαι @{name2}, ημερομηνία γέννησης @{dob}. Έλαβα λογαριασμό για την επίσκεψη της @{dos} στα επείγοντα, αλλά η ασφάλειά μου (αριθμός μέλους @{mid}) έπρεπε να την καλύψει. Αριθμός λογαριασμού: @{acct}.
    Διεύθυνση: @{street}, @{city} @{zip}. Τηλέφωνο: @{ph}.

    Ευχαριστώ,
    @{name3}
    """, name=P(p.full(), "person_name"), em=P(em, "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng),
        name2=P(p.full(), "person_name"), dob=P(fd(p.dob, "eu").replace(".", "/"), "date"),
        dos=P(fd(svc_date(rng), "eu").replace(".", "/"), "date"), mid=P(member_id(rng), "health_plan_id"),
        acct=P(acct(rng), "account_number"), street=P(a.street, "street_address"), city=P(a.city, "street_address"),
        zip=P(a.zip, "zip_code"), ph=P(phone(rng, a, "paren"), "phone"), name3=P(p.full(), "person_name"))


@tpl("patient_email", "pe_insurance_appeal")
def _(rng, d):
    p = person(rng, d, dob_range=(1950, 2000))
    kid = person(rng, d, family_of=p, sex="M", dob_range=(2009, 2020))
    a = addr(rng)
    cn = claim_no(rng)
    d.f("""
    From: @{pname} <@{em}>
    To: appeals@@{payerdom}
    Cc: billing@@{dom}
    Date: @{date}
    Subject: Level 1 appeal — claim @{cn} — @{kname}

    To the Appeals Department,

    I am appealing the denial of claim @{cn2} for my son @{kname2} (DOB @{kdob}, member ID @{mid}, I am the subscriber). The denial says the speech therapy visits from @{from} to @{to} were "not medically necessary". His pediatrician, @{ped}, documented the diagnosis of @{dx} (@{icd}) and the evaluation is attached.

    Please reprocess the claim. You can reach me at @{ph} or at @{street}, @{csz}.

    Sincerely,
    @{pname2}
    """, pname=P(p.full(), "person_name"), em=P(email_of(rng, p), "email"), payerdom="keystonemutual-health.com",
        dom=rng.choice(ORG_DOMAINS), date=mail_date(rng), cn=P(cn, "other_id"), kname=P(kid.full(), "person_name"),
        cn2=P(cn, "other_id"), kname2=P(kid.full(), "person_name"), kdob=P(fd(kid.dob, "us"), "date"),
        mid=P(member_id(rng), "health_plan_id"), **{"from": P(fd(svc_date(rng), "us"), "date")},
        to=P(fd(rand_date(rng, dt.date(2026, 10, 31), dt.date(2026, 11, 20)), "us"), "date"), ped=S(staff(rng, d, "Dr.")),
        dx=D("mixed receptive-expressive language disorder", "condition"), icd=D("F80.2", "diagnosis_code"),
        ph=P(phone(rng, a), "phone"), street=P(a.street, "street_address"), csz=city_state_zip(a), pname2=P(p.full(), "person_name"))


@tpl("patient_email", "pe_mobile_short")
def _(rng, d):
    p = person(rng, d, native=0.55, dob_range=(1940, 2004))
    a = addr(rng)
    d.f("""
    From: @{em}
    To: frontdesk@@{dom}
    Date: @{date}
    Subject: (no subject)

    running 15 min late for my 2:30 w dr @{doc}. @{name} dob @{dob}. call me @{ph} if i need to reschedule

    Sent from my iPhone
    """, em=P(email_of(rng, p), "email"), dom=rng.choice(ORG_DOMAINS), date=mail_date(rng),
        doc=D(staff(rng, d).family.lower(), "person_name"), name=P(p.full().lower() if not p.native else p.full(), "person_name"),
        dob=P(fd(p.dob, "us1"), "date"), ph=P(phone(rng, a, "digits"), "phone"))


# ---------------------------------------------------------------------------
# clean family: clean_stack_trace (no PHI: timestamps, thread names, UUIDs, server IPs, resource ids)
# ---------------------------------------------------------------------------


@tpl("clean_stack_trace", "cst_java_hapi_validation")
def _(rng, d):
    t = tss(rng, 3, frac=True)
    d.f("""
    @{k} — FHIR gateway returns 500 on Patient validate ($validate) — assignee @{a}

    @{t0} ERROR [http-nio-8080-exec-@{n}] o.p.fhir.gateway.ValidateController - validation failed requestId=@{rid}
    ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException: HTTP 422 Unprocessable Entity: Profile http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient, Element 'Patient.identifier[0].system': minimum required = 1, but only found 0
    \tat ca.uhn.fhir.rest.server.method.ValidateMethodBinding.invokeServer(ValidateMethodBinding.java:131)
    \tat ca.uhn.fhir.rest.server.RestfulServer.handleRequest(RestfulServer.java:1143)
    \tat org.pinecrest.fhir.gateway.filter.TenantFilter.doFilter(TenantFilter.java:58)
    \tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:178)
    @{t1} WARN  [http-nio-8080-exec-@{n}] o.p.fhir.gateway.ValidateController - resource Patient/@{res} version 3 tenant=@{ten} upstream=@{ip}:8443
    @{t2} INFO  [scheduling-1] o.p.fhir.gateway.Metrics - validate p99=@{p99}ms errors_5m=@{e}

    Payload was a minimal Patient with only resourceType and meta.profile, so nothing sensitive in it. Root cause: the validator throws 500 instead of returning an OperationOutcome when identifier.system is missing. Fixed in gateway @{v}.
    """, k=jira_key(rng, "FHIR"), a=S(staff(rng, d)), t0=t[0], t1=t[1], t2=t[2], n=rng.randint(1, 40), rid=uuid(rng),
        res=D(str(rng.randint(1000, 99999)), "internal_id"), ten=rng.choice(["prmc", "nvmc", "hpth"]), ip=priv_ip(rng),
        p99=rng.randint(120, 900), e=rng.randint(3, 90), v="2.%d.%d" % (rng.randint(10, 30), rng.randint(0, 9)))


@tpl("clean_stack_trace", "cst_python_celery_traceback")
def _(rng, d):
    d.f("""
    [@{t}: ERROR/ForkPoolWorker-@{w}] Task claims.tasks.submit_batch[@{tid}] raised unexpected: OperationalError('could not connect to server: Connection timed out\\n\\tIs the server running on host "@{ip}" and accepting\\n\\tTCP/IP connections on port 5432?')
    Traceback (most recent call last):
      File "/srv/app/.venv/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task
        R = retval = fun(*args, **kwargs)
      File "/srv/app/claims/tasks.py", line 88, in submit_batch
        batch = Batch.objects.select_for_update().get(pk=batch_id)
      File "/srv/app/.venv/lib/python3.12/site-packages/django/db/backends/base/base.py", line 275, in ensure_connection
        self.connect()
    django.db.utils.OperationalError: could not connect to server: Connection timed out

    batch_id=@{bid} host=worker-@{h}.rcm.svc.cluster.local release=claims@@{ver} retries=3/5
    Paged @{oc} at @{t2} (PagerDuty incident #@{pd}).
    """, t=ts(rng).replace(" ", " ") + ",%03d" % rng.randint(0, 999), w=rng.randint(1, 16), tid=uuid(rng), ip=priv_ip(rng),
        bid=D(str(rng.randint(10000, 999999)), "internal_id"), h=rng.randint(1, 9), ver="4.%d.%d" % (rng.randint(0, 20), rng.randint(0, 9)),
        oc=S(staff(rng, d)), t2=ts(rng)[11:16], pd=rng.randint(10000, 99999))


@tpl("clean_stack_trace", "cst_go_goroutine_panic")
def _(rng, d):
    d.f("""
    panic: runtime error: invalid memory address or nil pointer dereference
    [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x@{pc}]

    goroutine @{g} [running]:
    github.com/pinecrest/hl7-router/internal/route.(*Table).Match(0x0, {0xc0001a2000, 0x@{len}, 0x@{cap}})
    \t/build/internal/route/table.go:117 +0x2c
    github.com/pinecrest/hl7-router/internal/mllp.(*Conn).handle(0xc00028e1e0, {0xc0003b4000, 0x5de, 0x600})
    \t/build/internal/mllp/conn.go:204 +0x1a8
    created by github.com/pinecrest/hl7-router/internal/mllp.(*Listener).Serve in goroutine 1
    \t/build/internal/mllp/listener.go:66 +0x3c5

    pod hl7-router-@{pod} on node @{node} (@{ip}), image ghcr.io/pinecrest/hl7-router:@{ver}@sha256:@{sha}
    Started @{t}. The routing table was nil because the ConfigMap reload raced with the first connection.
    """, pc=hexs(rng, 6), g=rng.randint(20, 9000), len=hexs(rng, 3), cap=hexs(rng, 3), pod=hexs(rng, 10)[:5] + "-" + hexs(rng, 5),
        node="ip-%s.ec2.internal" % priv_ip(rng).replace(".", "-"), ip=priv_ip(rng), ver="v1.%d.%d" % (rng.randint(2, 9), rng.randint(0, 20)),
        sha=hexs(rng, 64), t=ts(rng, sep="T") + "Z")


@tpl("clean_stack_trace", "cst_node_unhandled_rejection")
def _(rng, d):
    d.f("""
    @{t} [portal-bff] (node:@{pid}) UnhandledPromiseRejectionWarning: AxiosError: Request failed with status code 503
        at settle (/app/node_modules/axios/lib/core/settle.js:19:12)
        at IncomingMessage.handleStreamEnd (/app/node_modules/axios/lib/adapters/http.js:589:11)
        at IncomingMessage.emit (node:events:531:35)
        at endReadableNT (node:internal/streams/readable:1696:12)
      config: { url: 'http://scheduling-api.default.svc:8080/v2/slots?clinic=ORTHO&from=2026-12-01', method: 'get', timeout: 5000 }
      traceId: @{trace}  spanId: @{span}
    @{t2} [portal-bff] circuit "scheduling" OPEN for 30s (failures=12/20)

    Deploy @{ver} by @{who} at @{t3}; rolled back at @{t4}.
    """, t=ts(rng, sep="T", frac=True) + "Z", pid=rng.randint(10, 99), trace=hexs(rng, 32), span=hexs(rng, 16),
        t2=ts(rng, sep="T", frac=True) + "Z", ver="portal-bff@3.%d.%d" % (rng.randint(0, 40), rng.randint(0, 9)),
        who=S(staff(rng, d)), t3=ts(rng)[11:16], t4=ts(rng)[11:16])


@tpl("clean_stack_trace", "cst_dotnet_sql_timeout")
def _(rng, d):
    d.f("""
    fail: Microsoft.AspNetCore.Server.Kestrel[13]
          Connection id "@{cid}", Request id "@{cid}:0000000@{r}": An unhandled exception was thrown by the application.
          System.InvalidOperationException: Report generation failed for job @{job}
           ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.
             at Microsoft.Data.SqlClient.SqlCommand.EndExecuteReaderInternal(IAsyncResult asyncResult)
             at Reporting.Jobs.QualityMeasureJob.RunAsync(Guid jobId, CancellationToken ct) in /src/Reporting.Jobs/QualityMeasureJob.cs:line 142
          ClientConnectionId:@{ccid}
          Error Number:-2,State:0,Class:11
             --- End of inner exception stack trace ---
    Server: @{ip},1433  Database: QualityMart  Duration: 00:05:00.0131
    Measure: CMS165v12 (Controlling High Blood Pressure), measurement period 2026-01-01..2026-12-31, aggregate only.
    """, cid="0HN" + hexs(rng, 10).upper(), r=rng.randint(1, 9), job=uuid(rng), ccid=uuid(rng), ip=priv_ip(rng))


@tpl("clean_stack_trace", "cst_k8s_crashloop")
def _(rng, d):
    pod = "mirth-connect-%s-%s" % (hexs(rng, 9), hexs(rng, 5))
    d.f("""
    $ kubectl -n interfaces describe pod @{pod}
    Name:             @{pod}
    Node:             aks-intpool-@{n}-vmss00000@{m}/@{nip}
    Start Time:       @{st}
    Status:           Running
    IP:               @{pip}
    Containers:
      mirth:
        Image:          registry.pinecrest.internal/mirth-connect:4.5.2-@{b}
        State:          Waiting (Reason: CrashLoopBackOff)
        Last State:     Terminated (Reason: Error, Exit Code: 137)
        Restart Count:  @{rc}
        Limits:         memory: 4Gi
    Events:
      Type     Reason     Age                  From     Message
      Warning  BackOff    2m (x@{x} over 41m)   kubelet  Back-off restarting failed container mirth in pod @{pod}
      Warning  OOMKilled  41m                  kubelet  Container mirth exceeded memory limit

    $ kubectl -n interfaces logs @{pod} --previous | tail -3
    INFO  @{t1} [Main] Starting Mirth Connect 4.5.2 (Built on November 12, 2026)
    INFO  @{t2} [DonkeyEngine] Deploying 84 channels...
    ERROR @{t3} [ChannelDeploy] java.lang.OutOfMemoryError: Java heap space
    """, pod=pod, n=hexs(rng, 8), m=rng.randint(0, 9), nip=priv_ip(rng), st=ts(rng), pip=priv_ip(rng), b=rng.randint(100, 999),
        rc=rng.randint(5, 60), x=rng.randint(5, 40), **dict(zip(["t1", "t2", "t3"], tss(rng, 3, frac=True))))


@tpl("clean_stack_trace", "cst_rust_panic_backtrace")
def _(rng, d):
    d.f("""
    thread 'tokio-runtime-worker' panicked at src/ingest/ndjson.rs:@{l}:@{c}:
    called `Result::unwrap()` on an `Err` value: Error("EOF while parsing an object", line: 1, column: @{col})
    stack backtrace:
       0: rust_begin_unwind
       1: core::panicking::panic_fmt
       2: core::result::unwrap_failed
       3: bulk_ingest::ingest::ndjson::parse_line
                 at ./src/ingest/ndjson.rs:@{l}:@{c}
       4: bulk_ingest::ingest::run::{{closure}}
                 at ./src/ingest/run.rs:88:21
    note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.
    [@{t} ERROR bulk_ingest] job=@{job} file=Patient.ndjson part=@{part} bytes=@{bytes} — line truncated at the 64 KiB chunk boundary
    """, l=rng.randint(30, 300), c=rng.randint(5, 60), col=rng.randint(60000, 65536), t=ts(rng, sep="T") + "Z", job=uuid(rng),
        part=rng.randint(1, 40), bytes=rng.randint(10 ** 6, 10 ** 9))


@tpl("clean_stack_trace", "cst_json_structured_logs")
def _(rng, d):
    for t in tss(rng, rng.randint(4, 6), frac=True, sep="T"):
        d.f("""
        {"ts":"@{t}Z","level":"@{lv}","svc":"eligibility-api","trace_id":"@{tr}","route":"POST /v1/eligibility/check","status":@{st},"duration_ms":@{ms},"payer_id":"@{pid}","client_ip":"@{ip}","pod":"eligibility-api-@{pod}"}
        """, t=t, lv=rng.choice(["INFO", "WARN", "ERROR"]), tr=hexs(rng, 32), st=rng.choice([200, 200, 502, 504, 429]),
            ms=rng.randint(40, 30000), pid=rng.choice(["60054", "87726", "62308", "SX107"]), ip=priv_ip(rng), pod=hexs(rng, 5))
    d.f("""
    (Payer 87726 gateway timing out since 09:10 ET; no request bodies are logged, only payer id and status.)
    """)


@tpl("clean_stack_trace", "cst_sentry_issue")
def _(rng, d):
    d.f("""
    Sentry · patient-portal-web · TypeError: Cannot read properties of undefined (reading 'map')
    Issue PORTAL-WEB-@{iss} · first seen @{fs} · last seen @{ls} · @{ev} events · @{users} users
    Tags: environment=production release=portal-web@@{rel} browser=Safari 19.1 os=iOS 19.1 url=/appointments/upcoming transaction=/appointments/:view
    User: id:@{uid} (hashed) ip:{{auto}} geo: redacted
    Stack:
      ./src/features/appointments/UpcomingList.tsx in UpcomingList at line 42:27
      ./node_modules/react-dom/cjs/react-dom.production.min.js in renderWithHooks at line 165:210
    Breadcrumbs:
      @{b1}  fetch  GET /api/appointments?status=upcoming [200]
      @{b2}  ui.click  button#reschedule
    Assigned to @{a} · linked @{k}
    """, iss=hexs(rng, 3).upper(), fs=fd(rand_date(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 1)), "mon"),
        ls=fd(rand_date(rng, dt.date(2026, 11, 2), dt.date(2026, 12, 4)), "mon"), ev=rng.randint(100, 9000), users=rng.randint(20, 900),
        rel="2026.11.%d" % rng.randint(1, 30), uid=hexs(rng, 40), b1=ts(rng)[11:19], b2=ts(rng)[11:19], a=S(staff(rng, d)),
        k=jira_key(rng, "PORTAL"))


@tpl("clean_stack_trace", "cst_jvm_oom_threaddump")
def _(rng, d):
    d.f("""
    [@{t1}][info][gc] GC(@{g}) Pause Full (G1 Compaction Pause) 3998M->3991M(4096M) 2876.412ms
    [@{t2}][warning][gc,alloc] interface-engine-worker-@{w}: Retrying allocation of 16777232 bytes
    Exception in thread "interface-engine-worker-@{w}" java.lang.OutOfMemoryError: Java heap space
    Dumping heap to /var/log/mirth/java_pid@{pid}.hprof ...
    Heap dump file created [4187652311 bytes in 31.774 secs]

    "interface-engine-worker-@{w2}" #@{tid} prio=5 os_prio=0 cpu=@{cpu}ms elapsed=@{el}s tid=0x00007f@{x1} nid=0x@{x2} waiting on condition
       java.lang.Thread.State: TIMED_WAITING (parking)
    \tat jdk.internal.misc.Unsafe.park(java.base@21.0.5/Native Method)
    \tat java.util.concurrent.locks.LockSupport.parkNanos(java.base@21.0.5/LockSupport.java:269)

    Heap histogram top entry: byte[] 2.9 GB — the ORU batch channel keeps every attachment (base64 PDF) in memory. Note: the .hprof contains message content; it was deleted, not attached here.
    """, t1=ts(rng, sep="T", frac=True), t2=ts(rng, sep="T", frac=True), g=rng.randint(100, 9000), w=rng.randint(1, 32),
        pid=rng.randint(1000, 99999), w2=rng.randint(1, 32), tid=rng.randint(20, 400), cpu=rng.randint(100, 99999),
        el=rng.randint(1000, 900000), x1=hexs(rng, 10), x2=hexs(rng, 4))


# ---------------------------------------------------------------------------
# clean family: clean_meeting_notes
# ---------------------------------------------------------------------------


def meeting_date(rng):
    return fd(rand_date(rng, dt.date(2026, 10, 5), dt.date(2026, 12, 4)), rng.choice(["long", "iso", "mon"]))


def attendees(rng, d, n):
    return join(", ", [S(staff(rng, d)) for _ in range(n)])


def bridge(rng):
    return "+1 %d %d %04d" % (rng.choice([646, 669, 312, 253, 346, 929]), rng.randint(200, 989), rng.randint(1000, 9999))


@tpl("clean_meeting_notes", "cmn_sprint_retro")
def _(rng, d):
    d.f("""
    Integration Team — Sprint @{sp} Retrospective — @{date}
    Attendees: @{att}
    Dial-in: @{br} (US Toll), meeting ID @{mid}, passcode @{pc}

    What went well
    - ADT A08 throughput up 30% after moving to the async ACK pattern (@{k1})
    - Zero Sev-2 incidents this sprint
    What didn't
    - Test environment refresh took 3 days; synthetic data generator broke on the new Coverage profile
    - Too many ad-hoc requests via DM; please use the intake form
    Actions
    - @{o1} to write the runbook for the ACK timeout alarm by @{due}
    - @{o2} to book the ERD review with the data team
    """, sp=rng.randint(40, 90), date=meeting_date(rng), att=attendees(rng, d, rng.randint(4, 7)), br=bridge(rng),
        mid="%d %d %d" % (rng.randint(800, 999), rng.randint(1000, 9999), rng.randint(1000, 9999)), pc=rng.randint(100000, 999999),
        k1=jira_key(rng, "INTG"), o1=S(staff(rng, d)), due=fd(rand_date(rng, dt.date(2026, 12, 5), dt.date(2026, 12, 20)), "mon"),
        o2=S(staff(rng, d)))


@tpl("clean_meeting_notes", "cmn_architecture_review")
def _(rng, d):
    d.f("""
    Architecture Review Board — @{date}
    Presenter: @{p}   Reviewers: @{att}
    Topic: Moving the MPI from the legacy SOAP service to a FHIR $match endpoint

    Notes
    - Current load: ~@{rps} req/s peak, p95 280 ms; target p95 < 150 ms.
    - Matching weights stay in the MPI vendor config; nothing about individual patients is cached in the gateway.
    - Network: gateway in 10.40.0.0/16, MPI behind internal LB @{lb}; mTLS with certs from the internal CA (rotation every 90 days).
    - Decision: approved with conditions (load test at 2x, privacy review of logs).
    Follow-ups: @{f1} (load test plan), @{f2} (log field allow-list)
    Next review: @{next}
    """, date=meeting_date(rng), p=S(staff(rng, d)), att=attendees(rng, d, 4), rps=rng.randint(80, 600), lb=priv_ip(rng),
        f1=S(staff(rng, d)), f2=S(staff(rng, d)), next=fd(rand_date(rng, dt.date(2027, 1, 5), dt.date(2027, 2, 20)), "long"))


@tpl("clean_meeting_notes", "cmn_incident_review_redacted")
def _(rng, d):
    d.f("""
    Post-incident review (blameless) — @{inc} — @{date}
    Facilitator: @{f}   Scribe: @{s}
    Impact: lab results delayed up to 47 minutes for 2 hospitals between 02:10 and 02:57 ET. No results lost.
    Timeline (ET)
    02:10 Disk on @{host} (@{ip}) reached 100%; ORU channel queued.
    02:21 Alert fired; @{oc} paged.
    02:44 Log rotation fixed, queue draining.
    02:57 Backlog cleared (3,412 messages).
    Patient-level details were intentionally left out of this document; the example message is in the restricted incident folder (MRN [redacted]).
    Actions: disk alert at 80% (@{a1}); logrotate config in Ansible (@{a2}).
    """, inc="INC%07d" % rng.randint(100000, 9999999), date=meeting_date(rng), f=S(staff(rng, d)), s=S(staff(rng, d)),
        host="lis-int-%02d" % rng.randint(1, 9), ip=priv_ip(rng), oc=S(staff(rng, d)), a1=S(staff(rng, d)), a2=S(staff(rng, d)))


@tpl("clean_meeting_notes", "cmn_vendor_call")
def _(rng, d):
    v1, v2 = staff(rng, d), staff(rng, d)
    d.f("""
    Vendor call: clearinghouse migration — @{date}
    Us: @{us}
    Vendor: @{v1} (implementation lead, @{v1ph}, @{v1em}), @{v2} (EDI analyst)
    Bridge: @{br}, access code @{ac}#

    - Cutover window confirmed for the second weekend of January; 837P first, 837I one week later.
    - They need our new submitter ID and the SFTP public key by @{due}.
    - 277CA will come back within 2 hours; 835s unchanged.
    - Test files: they will send synthetic 999/277CA samples — no production claims in test.
    Escalation contact on their side after hours: @{esc} (support line, 24x7).
    """, date=meeting_date(rng), us=attendees(rng, d, 3), v1=S(v1),
        v1ph=D(phone(rng, None, "paren"), "staff_contact"), v1em=D(staff_email(v1, "claimbridge-edi.com"), "staff_contact"),
        v2=S(v2), br=bridge(rng), ac=rng.randint(100000, 999999), due=fd(rand_date(rng, dt.date(2026, 12, 8), dt.date(2026, 12, 19)), "mon"),
        esc="1-800-%03d-%04d" % (rng.randint(200, 989), rng.randint(1000, 9999)))


@tpl("clean_meeting_notes", "cmn_slack_deploy_thread")
def _(rng, d):
    a, b, c = staff(rng, d), staff(rng, d), staff(rng, d)
    d.f("""
    #release-train (Slack export)
    @{a}  4:02 PM  deploying patient-service 7.@{mi}.0 to prod-east, change @{chg}
    @{b}  4:05 PM  canary at 10%, error rate 0.02% (baseline 0.03%)
    @{a2}  4:19 PM  100%. migrations V212__add_consent_index.sql ran in 41s
    @{c}  4:22 PM  seeing 502s from 10.12.4.0/24 — ah no that's the load balancer health check restarting, ignore
    @{b2}  4:30 PM  :white_check_mark: closing the change. next train Thursday @{thu}
    """, a=S(a), mi=rng.randint(0, 30), chg="CHG%07d" % rng.randint(100000, 9999999), b=S(b), a2=S(a), c=S(c), b2=S(b),
        thu=fd(rand_date(rng, dt.date(2026, 12, 3), dt.date(2026, 12, 17)), "mon"))


@tpl("clean_meeting_notes", "cmn_teams_transcript")
def _(rng, d):
    a, b = staff(rng, d), staff(rng, d)
    d.f("""
    Meeting transcript — "Interface backlog grooming" — @{date}
    0:00:04 @{a}
    OK, let's start. First one is the HL7 escape sequence bug, that's ready for dev.
    0:00:19 @{b}
    Yes, I attached synthetic messages only. The repro uses a made-up patient, nothing from prod.
    0:01:02 @{a2}
    Good. Second, the X12 837 ZIP+4 issue. Payer deadline is January first.
    0:01:30 @{b2}
    I'll pair with the billing team on that. Can we move the grooming to 10:30 next week? My phone is 555-0147 if the link fails.
    0:02:11 @{a3}
    Sure. Recording stops here.
    """, date=meeting_date(rng), a=S(a), b=S(b), a2=S(a), b2=S(b), a3=S(a))


@tpl("clean_meeting_notes", "cmn_steering_committee")
def _(rng, d):
    golive = rand_date(rng, dt.date(2027, 2, 1), dt.date(2027, 6, 30))
    d.f("""
    EHR Optimization Steering Committee — minutes — @{date}
    Chair: @{chair}   Present: @{att}   Quorum: yes
    1. Budget: FY27 capital request of $2.4M approved for the patient portal rebuild.
    2. Go-live date for the new scheduling module moved to @{gl} (was @{old}).
    3. Risk register: R-14 (vendor staffing) raised to high. Owner @{own}.
    4. Next meeting @{next}, 7:30 AM, Boardroom B / Teams. Dial-in @{br}, conference ID @{cid}#
    """, date=meeting_date(rng), chair=S(staff(rng, d)), att=attendees(rng, d, 6), gl=fd(golive, "long"),
        old=fd(golive - dt.timedelta(days=rng.randint(30, 90)), "long"), own=S(staff(rng, d)),
        next=fd(rand_date(rng, dt.date(2026, 12, 8), dt.date(2027, 1, 20)), "long"), br=bridge(rng), cid=rng.randint(100000000, 999999999))


@tpl("clean_meeting_notes", "cmn_data_governance_deid")
def _(rng, d):
    d.f("""
    Data Governance Council — @{date}
    Attendees: @{att}
    Agenda item: de-identified extract for the readmission model

    - The extract must follow Safe Harbor: remove names, all address elements smaller than a state (first three ZIP digits allowed if the area has more than 20,000 people), all dates except year, phone/fax numbers, email addresses, SSNs, MRNs, health plan numbers, account numbers, device identifiers, URLs, IP addresses, and photos.
    - Ages over 89 are collapsed into a single "90 or older" category.
    - Free-text notes are excluded entirely for now; the NLP scrubber is still in validation.
    - Expert determination was discussed as an alternative; the statistician quote is pending.
    Decision: approved for Safe Harbor extract; privacy office (@{po}) signs off before release.
    """, date=meeting_date(rng), att=attendees(rng, d, 5), po=S(staff(rng, d)))


@tpl("clean_meeting_notes", "cmn_daily_standup")
def _(rng, d):
    rows = []
    for _ in range(rng.randint(4, 6)):
        rows.append(frag("""
        - @{who}: y: @{y} / t: @{t} / blockers: @{b}
        """, who=S(staff(rng, d)), y=rng.choice(["reviewed PR #%d" % rng.randint(100, 2400), "fixed flaky e2e test", "on-call handoff"]),
            t=rng.choice(["%s" % jira_key(rng, "INTG"), "FHIR bulk export perf", "vendor call at 2"]),
            b=rng.choice(["none", "waiting on firewall rule for %s" % priv_ip(rng), "need UAT creds"])))
    d.f("""
    Standup — @{date} — Interfaces squad
    """, date=meeting_date(rng))
    for r in rows:
        d.add(r)
    d.f("""
    Parking lot: move standup to 9:15 during the freeze (Dec 18 – Jan 4).
    """)


@tpl("clean_meeting_notes", "cmn_clinical_informatics_wg")
def _(rng, d):
    d.f("""
    Clinical Informatics Working Group — @{date}
    Present: @{att}
    1. Sepsis BPA: PPV dropped to 11% after the lactate threshold change. Proposal: require 2 SIRS criteria plus lactate >= 2.0 mmol/L. Owner @{o1}.
    2. Heart failure order set: add @{m1} titration panel; remove duplicate BMP order. Diagnosis codes in scope: @{c1}, @{c2}.
    3. Anticoagulation reversal protocol: pharmacy to update @{m2} dosing table.
    4. Alert fatigue dashboard: overrides by department, monthly. No patient-level data on the dashboard.
    Next: @{next}
    """, date=meeting_date(rng), att=attendees(rng, d, 5), o1=S(staff(rng, d)), m1=D("sacubitril/valsartan", "medication"),
        c1=D("I50.22", "diagnosis_code"), c2=D("I50.32", "diagnosis_code"), m2=D("4-factor PCC", "medication"),
        next=fd(rand_date(rng, dt.date(2026, 12, 8), dt.date(2027, 1, 20)), "long"))


# ---------------------------------------------------------------------------
# clean family: clean_validator_diff
# ---------------------------------------------------------------------------


def clean_pr(rng, d, title, path):
    d.f("""
    Pull request #@{n}: @{title} — @{a} → main · approved by @{r}
    diff --git a/@{path} b/@{path}
    index @{h1}..@{h2} 100644
    --- a/@{path}
    +++ b/@{path}
    @@ -@{l},@{x} +@{l},@{y} @@
    """, n=rng.randint(100, 3000), title=title, a=S(staff(rng, d)), r=S(staff(rng, d)), path=path, h1=hexs(rng, 7), h2=hexs(rng, 7),
        l=rng.randint(1, 200), x=rng.randint(5, 20), y=rng.randint(10, 40))


@tpl("clean_validator_diff", "cvd_rust_ssn_regex")
def _(rng, d):
    clean_pr(rng, d, "Reject SSNs with area 666 and 900-999", "crates/validate/src/ssn.rs")
    d.f(r"""
    -static SSN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b\d{3}-\d{2}-\d{4}\b").unwrap());
    +static SSN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b").unwrap());
    +
    +#[cfg(test)]
    +mod tests {
    +    use super::*;
    +    #[test]
    +    fn documented_example_is_syntactically_valid() {
    +        assert!(is_valid("123-45-6789"));
    +    }
    +    #[test]
    +    fn invalid_areas() {
    +        for s in ["000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000"] {
    +            assert!(!is_valid(s), "{s}");
    +        }
    +    }
    +}
    """)


@tpl("clean_validator_diff", "cvd_python_mrn_validator")
def _(rng, d):
    clean_pr(rng, d, "MRN format validator per facility", "intake/validators/mrn.py")
    d.f(r"""
    +MRN_PATTERNS = {
    +    "PRMC": re.compile(r"^\d{8}$"),          # zero-padded, 8 digits
    +    "NVMC": re.compile(r"^[EMK]\d{7}$"),     # letter prefix + 7 digits
    +    "HPTH": re.compile(r"^\d{2}-\d{3}-\d{3}$"),
    +}
    +
    +
    +def validate_mrn(facility: str, value: str) -> bool:
    +    # format check only; never logs the value
    +    pat = MRN_PATTERNS.get(facility)
    +    return bool(pat and pat.fullmatch(value.strip()))
    +
    +
    +@pytest.mark.parametrize("fac,value,ok", [
    +    ("PRMC", "00000000", True),
    +    ("PRMC", "1234567", False),
    +    ("NVMC", "E0000000", True),
    +    ("HPTH", "00-000-000", True),
    +])
    +def test_validate_mrn(fac, value, ok):
    +    assert validate_mrn(fac, value) is ok
    """)


@tpl("clean_validator_diff", "cvd_ts_zod_schema")
def _(rng, d):
    clean_pr(rng, d, "zod schema for the intake form", "web/src/intake/schema.ts")
    d.f("""
    +export const intakeSchema = z.object({
    +  givenName: z.string().min(1, 'Required').max(100),
    +  familyName: z.string().min(1, 'Required').max(100),
    +  birthDate: z.string().regex(/^\\d{4}-\\d{2}-\\d{2}$/, 'Use YYYY-MM-DD'),
    +  phone: z.string().regex(/^\\+1\\d{10}$/, 'E.164, e.g. +12025550143'),
    +  email: z.string().email().optional(),
    +  postalCode: z.string().regex(/^\\d{5}(-\\d{4})?$/),
    +  ssnLast4: z.string().regex(/^\\d{4}$/).optional(),
    +});
    +
    +// placeholder copy shown in the empty form
    +export const placeholders = { givenName: 'First name', familyName: 'Last name', birthDate: 'YYYY-MM-DD', postalCode: '00000' };
    """)


@tpl("clean_validator_diff", "cvd_java_npi_luhn")
def _(rng, d):
    clean_pr(rng, d, "NPI check digit validation (Luhn with 80840 prefix)", "src/main/java/org/pinecrest/validate/Npi.java")
    d.f("""
    +    /** NPI check digit: Luhn over "80840" + first 9 digits. */
    +    public static boolean isValid(String npi) {
    +        if (npi == null || !npi.matches("[12]\\\\d{9}")) return false;
    +        String body = "80840" + npi.substring(0, 9);
    +        int sum = 0;
    +        for (int i = body.length() - 1, k = 0; i >= 0; i--, k++) {
    +            int v = body.charAt(i) - '0';
    +            if (k % 2 == 0) { v *= 2; if (v > 9) v -= 9; }
    +            sum += v;
    +        }
    +        return (10 - sum % 10) % 10 == npi.charAt(9) - '0';
    +    }
    @@ test @@
    +        assertTrue(Npi.isValid("1234567893"));   // CMS documented example
    +        assertFalse(Npi.isValid("1234567890"));
    """)


@tpl("clean_validator_diff", "cvd_go_mbi_validator")
def _(rng, d):
    clean_pr(rng, d, "MBI format validation per CMS spec", "pkg/ids/mbi.go")
    d.f("""
    +// MBI: 11 chars, positions C A AN N A AN N A A N N; letters exclude S, L, O, I, B, Z.
    +var mbiRe = regexp.MustCompile(`^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$`)
    +
    +func ValidMBI(s string) bool {
    +\treturn mbiRe.MatchString(strings.ReplaceAll(strings.ToUpper(s), "-", ""))
    +}
    +
    +func TestValidMBI(t *testing.T) {
    +\tif !ValidMBI("1EG4-TE5-MK73") { // example from the CMS MBI format document
    +\t\tt.Fatal("documented example must validate")
    +\t}
    +\tif ValidMBI("1EG4-TE5-MK7S") {
    +\t\tt.Fatal("S is not allowed")
    +\t}
    +}
    """)


@tpl("clean_validator_diff", "cvd_sql_check_constraints")
def _(rng, d):
    clean_pr(rng, d, "DB-level format checks on patient identifiers", "db/migrations/V%d__identifier_checks.sql" % rng.randint(100, 400))
    d.f("""
    +ALTER TABLE patient
    +  ADD CONSTRAINT patient_zip_chk CHECK (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
    +  ADD CONSTRAINT patient_phone_chk CHECK (phone IS NULL OR phone ~ '^\\+1[2-9][0-9]{2}[2-9][0-9]{6}$'),
    +  ADD CONSTRAINT patient_ssn_chk CHECK (ssn IS NULL OR ssn ~ '^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$'),
    +  ADD CONSTRAINT patient_birth_date_chk CHECK (birth_date BETWEEN DATE '1900-01-01' AND CURRENT_DATE);
    +
    +COMMENT ON COLUMN patient.ssn IS 'Encrypted at rest (pgcrypto); never selected by reporting roles';
    """)


@tpl("clean_validator_diff", "cvd_openapi_placeholders")
def _(rng, d):
    clean_pr(rng, d, "OpenAPI: document Patient search params and examples", "api/openapi.yaml")
    d.f("""
    +  /patients:
    +    get:
    +      summary: Search patients
    +      parameters:
    +        - { name: family, in: query, schema: { type: string }, example: "<family-name>" }
    +        - { name: birthdate, in: query, schema: { type: string, format: date }, example: "YYYY-MM-DD" }
    +        - { name: identifier, in: query, schema: { type: string }, example: "urn:mrn|<mrn>" }
    +      responses:
    +        "200":
    +          content:
    +            application/json:
    +              schema: { $ref: "#/components/schemas/PatientSummary" }
    +              example:
    +                id: "00000000-0000-0000-0000-000000000000"
    +                name: "<given> <family>"
    +                dob: "YYYY-MM-DD"
    +                phone: "+1XXXXXXXXXX"
    +                email: "user@example.com"
    +                address: { line: "<street>", city: "<city>", state: "XX", postalCode: "00000" }
    """)


@tpl("clean_validator_diff", "cvd_semgrep_phi_rules")
def _(rng, d):
    clean_pr(rng, d, "Semgrep rules: no PHI fields in log statements", ".semgrep/phi-logging.yml")
    d.f("""
    +rules:
    +  - id: phi-in-log
    +    languages: [java, kotlin]
    +    severity: ERROR
    +    message: Do not log patient identifiers ($FIELD). Log the internal surrogate id instead.
    +    patterns:
    +      - pattern-either:
    +          - pattern: $LOG.$M(..., $X.getBirthDate(), ...)
    +          - pattern: $LOG.$M(..., $X.getSsn(), ...)
    +          - pattern: $LOG.$M(..., $X.getMrn(), ...)
    +          - pattern: $LOG.$M(..., $X.getNameAsSingleString(), ...)
    +      - metavariable-regex: { metavariable: $LOG, regex: '(?i)(log|logger)' }
    +  - id: ssn-literal
    +    languages: [generic]
    +    severity: WARNING
    +    message: SSN-shaped literal; use 123-45-6789 in tests
    +    pattern-regex: '\\b(?!123-45-6789)\\d{3}-\\d{2}-\\d{4}\\b'
    """)


@tpl("clean_validator_diff", "cvd_hl7_field_map")
def _(rng, d):
    clean_pr(rng, d, "Field map: drop PID-19 and mask PID-13 in the analytics feed", "config/analytics-feed/fieldmap.yaml")
    d.f("""
     segments:
       PID:
    -    "19": passthrough      # SSN
    +    "19": drop             # SSN - never forwarded
    -    "13": passthrough
    +    "13": mask_all_but_area # home phone
    +    "11":
    +      "5": truncate_zip3   # postal code -> first 3 digits
    +    "7": year_only         # birth date
       PV1:
    +    "44": month_only       # admit date
    +    "45": month_only       # discharge date
    """)


@tpl("clean_validator_diff", "cvd_fhir_profile_constraint")
def _(rng, d):
    clean_pr(rng, d, "Profile: require identifier.system and forbid text-only names", "ig/input/resources/StructureDefinition-pc-patient.json")
    d.f("""
           {
             "id": "Patient.identifier.system",
             "path": "Patient.identifier.system",
    -        "min": 0
    +        "min": 1
           },
    +      {
    +        "id": "Patient.name",
    +        "path": "Patient.name",
    +        "constraint": [{
    +          "key": "pc-name-1",
    +          "severity": "error",
    +          "human": "A name needs family or given, not text only",
    +          "expression": "family.exists() or given.exists()"
    +        }]
    +      },
           {
             "id": "Patient.birthDate",
    -        "mustSupport": false
    +        "mustSupport": true
           }
    """, _strip=4)


# ---------------------------------------------------------------------------
# clean family: clean_release_notes
# ---------------------------------------------------------------------------


def rel_date(rng):
    return rand_date(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4))


@tpl("clean_release_notes", "crn_product_release")
def _(rng, d):
    v = "%d.%d.%d" % (rng.randint(3, 9), rng.randint(0, 30), rng.randint(0, 9))
    d.f("""
    PHI Intake Platform @{v} — released @{date}
    Release manager: @{rm}

    New
    - Bulk FHIR export now streams NDJSON in 64 MiB parts (@{k1}).
    - Consent resource supports the 2026 state opt-out codes.
    Fixed
    - Patient search no longer times out when birthdate and family are both given (@{k2}).
    - Scheduling API returned 500 for clinics with no slots on a date in the past.
    Known issues
    - Safari 19.0 shows the date picker in the wrong locale.
    Upgrade notes: run migration V@{mig} before deploying; downtime under 2 minutes.
    """, v=v, date=fd(rel_date(rng), "long"), rm=S(staff(rng, d)), k1=jira_key(rng, "FHIR"), k2=jira_key(rng, "PAT"),
        mig=rng.randint(100, 400))


@tpl("clean_release_notes", "crn_keepachangelog")
def _(rng, d):
    d0 = rel_date(rng)
    maj, mi = rng.randint(1, 4), rng.randint(0, 20)
    d.f("""
    # Changelog
    All notable changes to hl7-router are documented here (Keep a Changelog, SemVer).

    ## [@{v3}] - @{d3}
    ### Fixed
    - MLLP listener leaked a goroutine per rejected connection (#@{i1}).
    ### Security
    - Bump golang.org/x/net to v0.38.0 (CVE-2025-22872).

    ## [@{v2}] - @{d2}
    ### Added
    - `route.match.timeout` setting (default 2s).
    ### Changed
    - ACKs are now sent before persistence when `ack_mode: original`.

    ## [@{v1}] - @{d1}
    ### Removed
    - Support for HL7 v2.2 MSH-12 without trigger events.
    """, v3="%d.%d.2" % (maj, mi), d3=d0.isoformat(), i1=rng.randint(100, 900), v2="%d.%d.1" % (maj, mi),
        d2=(d0 - dt.timedelta(days=rng.randint(10, 40))).isoformat(), v1="%d.%d.0" % (maj, mi),
        d1=(d0 - dt.timedelta(days=rng.randint(45, 90))).isoformat())


@tpl("clean_release_notes", "crn_helm_chart")
def _(rng, d):
    d.f("""
    fhir-gateway Helm chart @{cv} (appVersion @{av}) — @{date}

    values.yaml changes:
      replicaCount: 3 -> 4
      resources.limits.memory: 2Gi -> 3Gi
      ingress.hosts[0]: fhir.@{env}.pinecrest.internal
      service.loadBalancerIP: @{lbip}
      networkPolicy.allowFrom: ["10.40.0.0/16", "10.41.0.0/16"]
      extraEnv:
        - name: LOG_FIELDS_ALLOWLIST
          value: "requestId,tenant,resourceType,status,durationMs"

    Upgrade: helm upgrade fhir-gateway pinecrest/fhir-gateway --version @{cv} -n fhir -f values-@{env}.yaml
    Tested by @{qa} on @{tdate}.
    """, cv="1.%d.%d" % (rng.randint(10, 40), rng.randint(0, 9)), av="2.%d.0" % rng.randint(10, 40), date=fd(rel_date(rng), "iso"),
        env=rng.choice(["prod", "stage", "uat"]), lbip=priv_ip(rng), qa=S(staff(rng, d)), tdate=fd(rel_date(rng), "mon"))


@tpl("clean_release_notes", "crn_mobile_store_notes")
def _(rng, d):
    d.f("""
    MyHealth for iOS & Android — version @{v} (build @{b})
    Submitted to App Store / Play Console @{date} by @{who}

    What's New (store text, en-US):
    • Check in for appointments from your lock screen
    • Pay bills with Apple Pay and Google Pay
    • Bigger text in the medication list
    • Bug fixes and performance improvements

    Internal notes: minimum OS bumped to iOS 17 / Android 10; crash-free sessions 99.6% in beta (n=1,204 testers). Phased rollout 1% → 100% over 7 days.
    """, v="7.%d.%d" % (rng.randint(0, 30), rng.randint(0, 9)), b=rng.randint(1000, 9999), date=fd(rel_date(rng), "long"),
        who=S(staff(rng, d)))


@tpl("clean_release_notes", "crn_interface_engine_upgrade")
def _(rng, d):
    w = rand_date(rng, dt.date(2026, 12, 5), dt.date(2027, 1, 30))
    d.f("""
    Maintenance notice: interface engine upgrade to Mirth Connect 4.5.2
    Window: @{w} 01:00–04:00 ET   Change: @{chg}   Owner: @{own}
    Servers: mirth-prod-01 (@{ip1}), mirth-prod-02 (@{ip2}); DR mirth-dr-01 (@{ip3})
    Impact: inbound ADT/ORU will queue at the sending systems; no messages are lost. Downstream consumers will see a burst at ~04:00.
    Rollback: restore VM snapshots taken at 00:45.
    Contacts during window: bridge @{br} (PIN @{pin}), on-call @{oc} (@{ocph}).
    """, w=fd(w, "long"), chg="CHG%07d" % rng.randint(100000, 9999999), own=S(staff(rng, d)), ip1=priv_ip(rng), ip2=priv_ip(rng),
        ip3=priv_ip(rng), br=bridge(rng), pin=rng.randint(1000, 9999), oc=S(staff(rng, d)), ocph=D(phone(rng, None, "dash"), "staff_contact"))


@tpl("clean_release_notes", "crn_api_deprecation")
def _(rng, d):
    sunset = rand_date(rng, dt.date(2027, 3, 1), dt.date(2027, 9, 30))
    d.f("""
    Deprecation: Patient API v1 (`/api/v1/patients`)
    Announced @{ann}. Sunset @{sunset}. Replacement: FHIR R4 `/fhir/Patient`.

    | v1 field | R4 element |
    |---|---|
    | first_name / last_name | Patient.name.given / Patient.name.family |
    | dob | Patient.birthDate |
    | ssn | Patient.identifier (system http://hl7.org/fhir/sid/us-ssn) — only with the `phi.ssn.read` scope |
    | home_phone | Patient.telecom (system=phone, use=home) |

    Responses from v1 carry `Deprecation: true` and `Sunset: @{http}` headers from today. Questions: #api-consumers or @{own}.
    """, ann=fd(rel_date(rng), "long"), sunset=fd(sunset, "long"),
        http="%s, %02d %s %d 00:00:00 GMT" % (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][sunset.weekday()], sunset.day, MONTHS[sunset.month - 1][:3], sunset.year),
        own=S(staff(rng, d)))


@tpl("clean_release_notes", "crn_security_advisory")
def _(rng, d):
    d.f("""
    Security advisory PSA-2026-@{n} — published @{date}
    Severity: High (CVSS 8.1)   Affected: patient-portal-web < @{fixed}   Fixed: @{fixed}
    Summary: an open redirect in the login `returnUrl` parameter could be chained with a phishing page. No evidence of exploitation; logs reviewed for 90 days.
    Credit: reported by @{rep} through the bug bounty program.
    Action: none for users; self-hosted customers upgrade to @{fixed}.
    References: CVE-2026-@{cve}, internal @{k}
    """, n=rng.randint(10, 99), date=fd(rel_date(rng), "iso"), fixed="5.%d.%d" % (rng.randint(0, 20), rng.randint(0, 9)),
        rep=S(staff(rng, d)), cve=rng.randint(10000, 49999), k=jira_key(rng, "SEC"))


@tpl("clean_release_notes", "crn_terraform_plan")
def _(rng, d):
    d.f("""
    Release @{rel}: infra changes (terraform plan, workspace prod-east)

      # aws_security_group_rule.hl7_mllp_ingress will be created
      + resource "aws_security_group_rule" "hl7_mllp_ingress" {
          + cidr_blocks       = ["@{c1}/32", "@{c2}/32"]
          + from_port         = 6661
          + to_port           = 6669
          + protocol          = "tcp"
          + security_group_id = "sg-@{sg}"
        }

      # aws_db_instance.reporting will be updated in-place
      ~ resource "aws_db_instance" "reporting" {
          ~ instance_class = "db.r6g.xlarge" -> "db.r6g.2xlarge"
            id             = "reporting-prod"
        }

    Plan: 1 to add, 1 to change, 0 to destroy.
    Applied by @{who} at @{t}.
    """, rel=fd(rel_date(rng), "iso"), c1=priv_ip(rng), c2=priv_ip(rng), sg=hexs(rng, 17), who=S(staff(rng, d)), t=ts(rng))


@tpl("clean_release_notes", "crn_k8s_manifest")
def _(rng, d):
    d.f("""
    Release notes — consent-service @{v} (@{date})
    Deployed manifest (excerpt):

    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: consent-service
      namespace: privacy
      labels: { app: consent-service, version: "@{v}" }
    spec:
      replicas: 3
      template:
        spec:
          containers:
            - name: consent-service
              image: registry.pinecrest.internal/consent-service:@{v}
              env:
                - { name: DB_HOST, value: "@{ip}" }
                - { name: REDACT_FIELDS, value: "name,birthDate,address,telecom,identifier" }
              ports: [{ containerPort: 8080 }]
    Change owner: @{own}
    """, v="3.%d.%d" % (rng.randint(0, 20), rng.randint(0, 9)), date=fd(rel_date(rng), "long"), ip=priv_ip(rng), own=S(staff(rng, d)))


@tpl("clean_release_notes", "crn_fhir_ig_release")
def _(rng, d):
    d.f("""
    Pinecrest Patient Access IG — STU @{v} published @{date}
    Based on FHIR R4 (4.0.1) and US Core 7.0.0.
    Changes since @{pv}:
    - PCPatient: identifier.system now 1..1; name requires family or given (pc-name-1).
    - New extension `pc-preferred-contact-time` (valueTime, 0..1).
    - Examples use fictional data only (Patient/example-adult, Patient/example-newborn); no real persons.
    - QA: 0 errors, 12 warnings, 31 information messages (IG Publisher 1.8.@{p}).
    Ballot comments resolved: @{n}. Editors: @{e1}, @{e2}.
    """, v="1.%d.0" % rng.randint(1, 6), date=fd(rel_date(rng), "long"), pv="1.0.0", p=rng.randint(0, 30), n=rng.randint(10, 90),
        e1=S(staff(rng, d)), e2=S(staff(rng, d)))


# ---------------------------------------------------------------------------
# clean family: clean_clinical_rule
# ---------------------------------------------------------------------------


@tpl("clean_clinical_rule", "ccr_sepsis_alert")
def _(rng, d):
    d.f("""
    Clinical Decision Support Rule CDS-@{n}: Adult Sepsis Early Warning
    Owner: @{own}   Last reviewed: @{date}   Status: Active (inpatient, ED)

    Inclusion: age >= 18 years; not on comfort care.
    Trigger (any 2 within 6 h): temp > 38.3 °C or < 36 °C; HR > 90; RR > 20; WBC > 12 or < 4 K/uL.
    Plus one: lactate >= 2.0 mmol/L, SBP < 90 mmHg, or new vasopressor order.
    Suppression: diagnosis on problem list of @{c1} (@{i1}) already with an active sepsis order set in the last 24 h.
    Action: BPA to primary nurse and covering provider; suggest Sepsis order set (blood cultures x2, @{m1}, 30 mL/kg crystalloid).
    Metrics: PPV target >= 20%; override reasons reviewed monthly.
    """, n=rng.randint(100, 999), own=S(staff(rng, d)), date=fd(rel_date(rng), "long"), c1=D("Sepsis, unspecified organism", "condition"),
        i1=D("A41.9", "diagnosis_code"), m1=D("piperacillin-tazobactam", "medication"))


@tpl("clean_clinical_rule", "ccr_safe_harbor_rules")
def _(rng, d):
    d.f("""
    De-identification rules (Safe Harbor, 45 CFR 164.514(b)(2)) — scrubber configuration reference
    Page owner: @{own}

    | # | Identifier | Rule in scrubber |
    |---|---|---|
    | A | Names | replace with [NAME] |
    | B | Geographic subdivisions smaller than a state | keep state; ZIP → first 3 digits, or 000 when the ZIP3 area has 20,000 people or fewer |
    | C | Dates (except year) related to an individual | shift or reduce to year; ages over 89 → "90+" |
    | D–F | Phone, fax, email | replace with [CONTACT] |
    | G–K | SSN, MRN, health plan, account, certificate/license numbers | replace with [ID] |
    | L–M | Vehicle and device identifiers | replace with [ID] |
    | N–O | URLs, IP addresses | replace with [URL] / [IP] |
    | P–Q | Biometric identifiers, full-face photos | drop |
    | R | Any other unique number, characteristic or code | replace with [ID] |

    Examples in the test suite use the documented values only: SSN 123-45-6789, phone 555-0100 through 555-0199, ZIP 00000.
    """, own=S(staff(rng, d)))


@tpl("clean_clinical_rule", "ccr_drug_interaction")
def _(rng, d):
    d.f("""
    Drug–drug interaction rule DDI-@{n}: @{a} + @{b}
    Severity: major   Evidence: established
    Logic: active order for @{a2} AND new order for @{b2} (any route) → interruptive alert to prescriber; pharmacist verification required.
    Exceptions: INR monitored within 72 h and dose reduction documented.
    Override reasons: "Benefit outweighs risk", "Will monitor INR", "Patient tolerated previously".
    Reference: local anticoagulation committee, revision @{rev} approved @{date}.
    """, n=rng.randint(100, 999), a=D("warfarin", "medication"), b=D("fluconazole", "medication"), a2=D("warfarin", "medication"),
        b2=D("fluconazole", "medication"), rev=rng.randint(2, 9), date=fd(rel_date(rng), "long"))


@tpl("clean_clinical_rule", "ccr_cql_measure")
def _(rng, d):
    d.f("""
    library DiabetesA1cControl version '@{v}'

    using FHIR version '4.0.1'
    include FHIRHelpers version '4.0.1'

    valueset "Diabetes": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001'
    valueset "HbA1c Laboratory Test": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013'

    parameter "Measurement Period" Interval<DateTime>

    context Patient

    define "Initial Population":
      AgeInYearsAt(date from end of "Measurement Period") in Interval[18, 75]
        and exists ([Condition: "Diabetes"] C where C.clinicalStatus ~ "active")

    define "Numerator":
      Last([Observation: "HbA1c Laboratory Test"] O sort by effective).value < 9 '%'
    // reviewed by @{rev} on @{date}
    """, v="1.%d.%d" % (rng.randint(0, 9), rng.randint(0, 9)), rev=S(staff(rng, d)), date=fd(rel_date(rng), "iso"))


@tpl("clean_clinical_rule", "ccr_pediatric_dosing")
def _(rng, d):
    d.f("""
    Pediatric weight-based dosing guardrails — @{m}
    Applies to: patients < 18 years with a documented weight in the last 30 days.
    Dose: 15 mg/kg/dose every 6 h; max single dose 1,000 mg; max daily 75 mg/kg or 4,000 mg, whichever is lower.
    Neonates (< 28 days): 10–15 mg/kg/dose every 8 h.
    Hard stop when the calculated dose exceeds the max by > 10%. Soft stop when weight is older than 30 days.
    Owner: @{own} (Pediatric Pharmacy). Last updated @{date}.
    """, m=D("acetaminophen", "medication"), own=S(staff(rng, d, "PharmD")), date=fd(rel_date(rng), "long"))


@tpl("clean_clinical_rule", "ccr_fall_risk")
def _(rng, d):
    d.f("""
    Morse Fall Scale — inpatient rule and interventions
    | Item | Score |
    |---|---|
    | History of falling (within 3 months) | 0 / 25 |
    | Secondary diagnosis | 0 / 15 |
    | Ambulatory aid (none / crutches-cane-walker / furniture) | 0 / 15 / 30 |
    | IV / heparin lock | 0 / 20 |
    | Gait (normal / weak / impaired) | 0 / 10 / 20 |
    | Mental status (oriented / forgets limitations) | 0 / 15 |
    Risk: 0–24 low, 25–44 moderate, >= 45 high.
    Additional trigger: age 85 and older, or on @{m1} or @{m2}, adds the "high risk medication" flag.
    Interventions for high risk: bed alarm, yellow socks, hourly rounding, toileting schedule.
    Page edited by @{who} on @{date}.
    """, m1=D("zolpidem", "medication"), m2=D("opioids", "medication"), who=S(staff(rng, d)), date=fd(rel_date(rng), "mon"))


@tpl("clean_clinical_rule", "ccr_hedis_spec")
def _(rng, d):
    d.f("""
    Measure spec summary: Colorectal Cancer Screening (COL-E), measurement year 2026
    Denominator: members aged 45–75 as of December 31 of the measurement year, continuously enrolled.
    Exclusions: hospice; colorectal cancer (@{c1}) or total colectomy any time; members 66 and older with frailty and advanced illness; members aged 81 and older with frailty.
    Numerator (any of): FOBT in the measurement year; stool DNA (@{cpt1}) in the measurement year or 2 years prior; colonoscopy (@{cpt2}) in the measurement year or 9 years prior; CT colonography in the measurement year or 4 years prior.
    Data sources: claims, EHR (ECDS). Rate reported by product line. Questions: @{own}.
    """, c1=D("C18.9", "diagnosis_code"), cpt1=D("81528", "procedure_code"), cpt2=D("45378", "procedure_code"), own=S(staff(rng, d)))


@tpl("clean_clinical_rule", "ccr_synthetic_data_doc")
def _(rng, d):
    d.f("""
    Synthetic test data — how we generate it
    Maintainer: @{own}

    - Every test patient is produced by the generator with a fixed seed; names are drawn from curated lists per language, combined at random, so any resemblance to a real person is chance.
    - Birth dates are uniformly distributed between 1925 and 2024; about 3% of patients are aged 90 or older to exercise the age-collapsing logic.
    - Addresses use real city/state/ZIP3 combinations with random house numbers and street names so that geocoding works; they are not real residences.
    - Phone numbers use the 555-0100..555-0199 range; SSNs use the documented 123-45-6789 only; MBIs follow the CMS character rules.
    - Never copy a record from production or UAT into a fixture. If you need a shape that the generator does not produce, add a generator option.
    """, own=S(staff(rng, d)))


@tpl("clean_clinical_rule", "ccr_order_set_doc")
def _(rng, d):
    d.f("""
    Order set: Community-Acquired Pneumonia, Adult Inpatient (v@{v})
    Approved by P&T @{date}. Clinical owner @{own}.
    Diagnosis: @{c1} (@{i1})
    Labs: CBC, BMP, procalcitonin, blood cultures x2 before antibiotics, sputum culture if productive.
    Imaging: chest X-ray 2 views (@{cpt}).
    Antibiotics (non-ICU): @{m1} 1 g IV q24h + @{m2} 500 mg IV/PO q24h; penicillin allergy: @{m3} 750 mg IV/PO q24h.
    Duration: minimum 5 days; stop when afebrile 48–72 h and clinically stable.
    VTE prophylaxis per risk assessment.
    """, v="%d.%d" % (rng.randint(2, 9), rng.randint(0, 9)), date=fd(rel_date(rng), "long"), own=S(staff(rng, d, "MD")),
        c1=D("Pneumonia, unspecified organism", "condition"), i1=D("J18.9", "diagnosis_code"), cpt=D("71046", "procedure_code"),
        m1=D("ceftriaxone", "medication"), m2=D("azithromycin", "medication"), m3=D("levofloxacin", "medication"))


@tpl("clean_clinical_rule", "ccr_hl7_pid_spec_table")
def _(rng, d):
    d.f("""
    HL7 v2.5.1 PID segment — local conformance profile (what we send / accept)
    | Seq | Element | DT | Usage | Notes |
    |---|---|---|---|---|
    | 3 | Patient Identifier List | CX | R | repeats; MR first, then SS only to payers |
    | 5 | Patient Name | XPN | R | family^given^middle; escape & as \\T\\ |
    | 7 | Date/Time of Birth | TS | RE | YYYYMMDD |
    | 8 | Administrative Sex | IS | R | HL70001 |
    | 11 | Patient Address | XAD | RE | repeats; H then M |
    | 13 | Phone Number - Home | XTN | RE | ^PRN^PH^^1^area^number |
    | 18 | Patient Account Number | CX | RE | HAR |
    | 19 | SSN - Patient | ST | X | not sent to any downstream except billing |
    | 29 | Patient Death Date and Time | TS | RE | with PID-30 = Y |
    Example (template): PID|1||<MRN>^^^PRMC^MR||<FAMILY>^<GIVEN>^<MIDDLE>||<YYYYMMDD>|<SEX>
    Owner: @{own}, interface standards. Version @{v} ({date}).
    """.replace("{date}", "@{date}"), own=S(staff(rng, d)), v="2.%d" % rng.randint(1, 9), date=fd(rel_date(rng), "iso"))


# ---------------------------------------------------------------------------
# clean family: clean_oncall_directory
# ---------------------------------------------------------------------------


def SC(v):
    return D(v, "staff_contact")


@tpl("clean_oncall_directory", "cod_pagerduty_export")
def _(rng, d):
    d.f("""
    PagerDuty schedule export — "Interfaces Primary" — week of @{wk}
    Start (ET)            End (ET)              On call            Contact
    """, wk=fd(rand_date(rng, dt.date(2026, 11, 30), dt.date(2026, 12, 21)), "mon"))
    start = rand_date(rng, dt.date(2026, 11, 30), dt.date(2026, 12, 21))
    for i in range(rng.randint(4, 7)):
        s = staff(rng, d)
        d.add(["%s 09:00      %s 09:00      " % ((start + dt.timedelta(days=i)).isoformat(), (start + dt.timedelta(days=i + 1)).isoformat()),
               S(s), "    ", SC(phone(rng, None, "plus")), "\n"])
    d.f("""
    Escalation: Level 2 after 15 min (Interfaces Secondary), Level 3 after 30 min (@{mgr}, manager).
    Bridge for Sev-1: @{br}, PIN @{pin}
    """, mgr=S(staff(rng, d)), br=bridge(rng), pin=rng.randint(1000, 9999))


@tpl("clean_oncall_directory", "cod_hospitalist_roster")
def _(rng, d):
    d.f("""
    Hospitalist coverage — @{date} (day 07:00–19:00 / night 19:00–07:00)
    Team        Day attending                 Pager    Night                         Pager
    """, date=fd(rand_date(rng, dt.date(2026, 11, 30), dt.date(2026, 12, 31)), "long"))
    for t in ["H1", "H2", "H3", "H4", "Nocturnist"][:rng.randint(3, 5)]:
        a, b = staff(rng, d, "MD"), staff(rng, d, "MD")
        d.add([t.ljust(12), S(a), "   ", SC("pgr %d" % rng.randint(1000, 9999)), "   ", S(b), "   ",
               SC("pgr %d" % rng.randint(1000, 9999)), "\n"])
    d.f("""
    Admitting officer of the day: @{aod}, Vocera "Admitting". Transfer center: @{tc} (24/7).
    """, aod=S(staff(rng, d, "MD")), tc=SC(phone(rng, None, "paren")))


@tpl("clean_oncall_directory", "cod_it_escalation_matrix")
def _(rng, d):
    d.f("""
    IT escalation matrix (Clinical Applications)
    | Application | Tier 1 | Tier 2 (on call) | Tier 3 / vendor | Hours |
    |---|---|---|---|---|
    """)
    for app in rng.sample(["EHR inpatient", "EHR ambulatory", "Lab interface", "PACS", "Patient portal", "Pharmacy (Omnicell)", "Clearinghouse"], 4):
        t2 = staff(rng, d)
        d.add(["| ", app, " | Service Desk ext. ", SC(str(rng.randint(4000, 4999))), " | ", S(t2), " ", SC(phone(rng, None, "dash")),
               " | ", rng.choice(["vendor support portal, P1 line", "Epic TS", "Sectra 24x7", "Change Healthcare support"]), " | ",
               rng.choice(["24x7", "M–F 7–19", "24x7 (P1 only after hours)"]), " |\n"])
    d.f("""
    P1 = patient care impacted for a unit or more. Always open the incident in ServiceNow first; the bridge is @{br}.
    """, br=bridge(rng))


@tpl("clean_oncall_directory", "cod_vendor_contacts")
def _(rng, d):
    d.f("""
    Vendor contacts — Revenue Cycle systems (updated @{date})
    """, date=fd(rel_date(rng), "mon"))
    for v in rng.sample(["ClaimBridge EDI", "PayerLink Eligibility", "StatementWorks Print", "CodeRight CAC", "AuthPro"], 3):
        c = staff(rng, d)
        dom = v.lower().replace(" ", "") + ".com"
        d.add([v, "\n  Account manager: ", S(c), ", ", SC(staff_email(c, dom)), ", ", SC(phone(rng, None, "paren")),
               "\n  Support: 1-888-", "%03d-%04d" % (rng.randint(200, 989), rng.randint(1000, 9999)),
               " (24x7), portal https://support.", dom, "\n  Contract ends: ", fd(rand_date(rng, dt.date(2027, 3, 1), dt.date(2029, 12, 31)), "iso"), "\n"])


@tpl("clean_oncall_directory", "cod_interface_team_sheet")
def _(rng, d):
    d.f("""
    Interface team — who to call and where things live
    | Name | Role | Desk | Mobile (work) | Slack |
    |---|---|---|---|---|
    """)
    for role in ["Lead", "HL7 analyst", "HL7 analyst", "FHIR developer", "EDI analyst"][:rng.randint(3, 5)]:
        s = staff(rng, d)
        d.add(["| ", S(s), " | ", role, " | ", SC("x%d" % rng.randint(2000, 7999)), " | ", SC(phone(rng, None, "dash")), " | ",
               D("@" + handle(s), "person_name"), " |\n"])
    d.f("""

    Engines: mirth-prod-01 @{ip1}, mirth-prod-02 @{ip2}; VPN to the state HIE terminates on @{vpn} (peer 203.0.113.10 in the vendor's docs is a placeholder).
    MLLP ports 6661–6669. Jump host: bastion.int.pinecrest.internal (@{ip3}).
    """, ip1=priv_ip(rng), ip2=priv_ip(rng), vpn=priv_ip(rng), ip3=priv_ip(rng))


@tpl("clean_oncall_directory", "cod_opsgenie_yaml")
def _(rng, d):
    a, b, c = staff(rng, d), staff(rng, d), staff(rng, d)
    dom = rng.choice(ORG_DOMAINS)
    d.f("""
    # opsgenie/schedules/fhir-platform.yaml
    schedule:
      name: fhir-platform-primary
      timezone: America/New_York
      rotations:
        - name: weekly
          type: weekly
          start_date: "@{sd}T09:00:00"
          participants:
            - { type: user, username: "@{ua}" }
            - { type: user, username: "@{ub}" }
            - { type: user, username: "@{uc}" }
      escalation:
        - after_minutes: 10
          notify: { type: user, username: "@{ua2}" }
    """, sd=fd(rand_date(rng, dt.date(2026, 11, 30), dt.date(2026, 12, 28)), "iso"), ua=SC(staff_email(a, dom)),
        ub=SC(staff_email(b, dom)), uc=SC(staff_email(c, dom)), ua2=SC(staff_email(a, dom)))


@tpl("clean_oncall_directory", "cod_unit_phone_directory")
def _(rng, d):
    d.f("""
    Nursing unit phone directory — @{fac}
    Unit                  Charge RN phone    Unit clerk   Fax        Nurse manager
    """, fac=D(rng.choice(FACILITIES), "facility"))
    for u in rng.sample(["4 West Med-Surg", "5 East Cardiac", "MICU", "L&D", "Mother-Baby", "ED", "Oncology 6N", "Rehab 3S"], 5):
        m = staff(rng, d, "RN")
        d.add([u.ljust(22), SC("x%d" % rng.randint(4000, 7999)), "              ", SC("x%d" % rng.randint(4000, 7999)), "        ",
               SC("x%d" % rng.randint(4000, 7999)), "      ", S(m), "\n"])
    d.f("""
    Outside line: dial 9 then the number. Operator: 0. Rapid response: 5-5555.
    """)


@tpl("clean_oncall_directory", "cod_holiday_coverage")
def _(rng, d):
    d.f("""
    Holiday coverage 2026 — Clinical Applications
    """)
    for day in ["Wed Dec 24", "Thu Dec 25", "Wed Dec 31", "Thu Jan 1"]:
        p1, p2 = staff(rng, d), staff(rng, d)
        d.add([day, ": primary ", S(p1), " (", SC(phone(rng, None, "dash")), "), backup ", S(p2), " (", SC(phone(rng, None, "dash")), ")\n"])
    d.f("""
    Change freeze Dec 18 – Jan 4 except emergency changes approved by @{cab}.
    """, cab=S(staff(rng, d)))


@tpl("clean_oncall_directory", "cod_pagerduty_terraform")
def _(rng, d):
    a, b = staff(rng, d), staff(rng, d)
    dom = rng.choice(ORG_DOMAINS)
    d.f("""
    resource "pagerduty_user" "@{ra}" {
      name  = "@{na}"
      email = "@{ea}"
      role  = "responder"
    }

    resource "pagerduty_user_contact_method" "@{ra2}_sms" {
      user_id = pagerduty_user.@{ra3}.id
      type    = "sms_contact_method"
      country_code = "1"
      address = "@{pa}"
      label   = "Work mobile"
    }

    resource "pagerduty_user" "@{rb}" {
      name  = "@{nb}"
      email = "@{eb}"
    }
    """, ra=D(handle(a).replace(".", "_").replace("-", "_"), "person_name"), na=S(a), ea=SC(staff_email(a, dom)),
        ra2=D(handle(a).replace(".", "_").replace("-", "_"), "person_name"), ra3=D(handle(a).replace(".", "_").replace("-", "_"), "person_name"),
        pa=SC(phone(rng, None, "digits")), rb=D(handle(b).replace(".", "_").replace("-", "_"), "person_name"), nb=S(b),
        eb=SC(staff_email(b, dom)))


@tpl("clean_oncall_directory", "cod_department_fax_table")
def _(rng, d):
    d.f("""
    Department phone & fax numbers (for referral letters and fax cover sheets)
    | Department | Main line | Fax | Scheduling | Location |
    |---|---|---|---|---|
    """)
    for dep in rng.sample(["Cardiology", "Gastroenterology", "Orthopedics", "Neurology", "Oncology", "Pediatrics", "Radiology", "Sleep Medicine"], 5):
        d.add(["| ", dep, " | ", SC(phone(rng, None, "paren")), " | ", SC(phone(rng, None, "paren")), " | ", SC(phone(rng, None, "paren")),
               " | Building ", rng.choice("ABCDE"), ", floor ", str(rng.randint(1, 6)), " |\n"])
    d.f("""
    Page owner: @{own}. Numbers verified @{date}.
    """, own=S(staff(rng, d)), date=fd(rel_date(rng), "mon"))

# ---------------------------------------------------------------------------
# driver, verification, stats
# ---------------------------------------------------------------------------


def _isalnum(ch):
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


def _token_occurrences(text, value):
    out, i = [], text.find(value)
    while i >= 0:
        j = i + len(value)
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < len(text) else " "
        if not (_isalnum(before) and _isalnum(value[0])) and not (_isalnum(after) and _isalnum(value[-1])):
            out.append((i, j))
        i = text.find(value, i + 1)
    return out


def verify_doc(text, spans, phi, patients=()):
    """spans: (start, end, label, kind, value) with UTF-8 byte offsets. Returns a list of problems."""
    errs = []
    b = text.encode("utf-8")
    prev = 0
    for (s, e, label, kind, value) in spans:
        if not (0 <= s < e <= len(b)):
            errs.append("bad offsets %r" % ((s, e),))
            continue
        if s < prev:
            errs.append("overlap/unsorted at %d" % s)
        prev = e
        try:
            got = b[s:e].decode("utf-8")
            left = b[:s].decode("utf-8")
        except UnicodeDecodeError:
            errs.append("offset not on a character boundary %r" % ((s, e),))
            continue
        if got != value:
            errs.append("span text %r != labelled %r" % (got, value))
        if label not in ("phi", "dont_care"):
            errs.append("bad label %r" % label)
        if label == "phi" and kind not in CONTRACT_KINDS:
            errs.append("bad phi kind %r" % kind)
        if got != got.strip():
            errs.append("span with outer whitespace %r" % got)
        right = b[e:].decode("utf-8")
        if left and got and _isalnum(left[-1]) and _isalnum(got[0]):
            errs.append("span starts inside a token: %r" % (left[-10:] + "[" + got))
        if right and got and _isalnum(right[0]) and _isalnum(got[-1]):
            errs.append("span ends inside a token: %r" % (got + "]" + right[:10]))
    nphi = sum(1 for x in spans if x[2] == "phi")
    if phi and nphi == 0:
        errs.append("phi document without phi span")
    if not phi and nphi:
        errs.append("clean document with phi spans")
    # character ranges of spans, for the unlabelled-repeat check
    cov = []
    for (s, e, _l, _k, _v) in spans:
        cs = len(b[:s].decode("utf-8"))
        cov.append((cs, cs + len(b[s:e].decode("utf-8"))))

    def covered(i, j):
        return any(cs <= i and j <= ce for cs, ce in cov)
    values = {(v, k) for (_s, _e, l, k, v) in spans if l == "phi" and k != "age_over_89" and len(v) >= 3}
    for p in patients:
        for part in p.parts():
            if len(part) >= 3 or (len(part) >= 1 and ord(part[0]) > 0x2e80):
                values.add((part, "person_name"))
                values.add((fold(part).upper(), "person_name"))
    for v, k in values:
        if not v.strip():
            continue
        for i, j in _token_occurrences(text, v):
            if not covered(i, j):
                errs.append("phi value %r (%s) also occurs unlabelled at char %d: %r" % (v, k, i, text[max(0, i - 30):j + 30]))
                break
    return errs


def assignments():
    plan = []
    gi = 0
    for fam, tpls in TEMPLATES.items():
        n = PHI_PER_FAMILY if fam in PHI_FAMILIES else CLEAN_PER_FAMILY
        seq = [i % len(tpls) for i in range(n)]
        random.Random("%s/order/%s" % (SEED, fam)).shuffle(seq)
        for idx in range(n):
            plan.append((fam, idx + 1, tpls[seq[idx]], gi))
            gi += 1
    return plan


def build(verbose=False):
    records, meta = [], []
    phi_i = 0
    for fam, idx, (variant, fn), gi in assignments():
        is_phi = fam in PHI_FAMILIES
        doc_id = "%s-%04d" % (fam, idx)
        last = None
        for attempt in range(60):
            rng = random.Random("%s/%s/%d" % (SEED, doc_id, attempt))
            d = Doc()
            if is_phi:
                d.primary = CULTURES[(phi_i * 7) % len(CULTURES)]
            fn(rng, d)
            text = d.text()
            errs = verify_doc(text, d.spans, is_phi, d.patients)
            if not errs:
                break
            last = errs
            if verbose:
                print("retry %s attempt %d: %s" % (doc_id, attempt, errs[0]), file=sys.stderr)
        else:
            raise SystemExit("%s (%s): cannot build a consistent document: %s" % (doc_id, variant, last))
        if is_phi:
            phi_i += 1
        rec = collections.OrderedDict()
        rec["id"] = doc_id
        rec["family"] = fam
        rec["phi"] = is_phi
        rec["variant"] = variant
        rec["text"] = text
        rec["spans"] = [collections.OrderedDict([("start", s), ("end", e), ("label", l), ("kind", k)])
                        for (s, e, l, k, _v) in d.spans]
        records.append(rec)
        meta.append((d, attempt))
    return records, meta


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def check(records, meta):
    problems = []
    if len(records) != PHI_PER_FAMILY * len(PHI_FAMILIES) + CLEAN_PER_FAMILY * len(CLEAN_FAMILIES):
        problems.append("wrong document count %d" % len(records))
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        n = sum(1 for r in records if r["family"] == fam)
        want = PHI_PER_FAMILY if fam in PHI_FAMILIES else CLEAN_PER_FAMILY
        if n != want:
            problems.append("%s has %d docs, want %d" % (fam, n, want))
        nt = len({r["variant"] for r in records if r["family"] == fam})
        if nt < (MIN_TPL_PHI if fam in PHI_FAMILIES else MIN_TPL_CLEAN):
            problems.append("%s uses only %d templates" % (fam, nt))
    if sum(len(v) for v in TEMPLATES.values()) < 140:
        problems.append("fewer than 140 templates")
    if len(CULTURES) < 45:
        problems.append("fewer than 45 name cultures")
    for r, (d, _a) in zip(records, meta):
        spans = [(s["start"], s["end"], s["label"], s["kind"], v[4]) for s, v in zip(r["spans"], d.spans)]
        for e in verify_doc(r["text"], spans, r["phi"], d.patients):
            problems.append("%s: %s" % (r["id"], e))
        if r["phi"] != (r["family"] in PHI_FAMILIES):
            problems.append("%s: phi flag does not match family" % r["id"])
    return problems


def check_file(records):
    """re-verify the JSONL on disk on its own terms (offsets, overlap, token boundaries)"""
    problems = []
    with open(OUT, encoding="utf-8") as fh:
        disk = fh.read()
    if disk != dump(records):
        problems.append("%s differs from a fresh generation (run without --check to rewrite)" % OUT)
    for line in disk.splitlines():
        r = json.loads(line)
        b = r["text"].encode("utf-8")
        prev = 0
        for s in r["spans"]:
            if s["start"] < prev or s["end"] <= s["start"] or s["end"] > len(b):
                problems.append("%s: bad span %r" % (r["id"], s))
            prev = s["end"]
            try:
                b[s["start"]:s["end"]].decode("utf-8")
            except UnicodeDecodeError:
                problems.append("%s: span not on UTF-8 boundary %r" % (r["id"], s))
    return problems


def stats(records, meta):
    print("templates defined: %d" % sum(len(v) for v in TEMPLATES.values()))
    for fam, tpls in TEMPLATES.items():
        used = collections.Counter(r["variant"] for r in records if r["family"] == fam)
        print("  %-26s %2d templates, %2d docs: %s" % (fam, len(tpls), sum(used.values()),
                                                    ", ".join("%s×%d" % (v, used[v]) for v, _f in tpls)))
    print("name cultures defined: %d (%d with a native script)" % (len(CULTURES), sum(c.has_native for c in CULTURES)))
    cc = collections.Counter()
    nat = 0
    npat = 0
    for d, _a in meta:
        for p in d.patients:
            cc[p.culture.name] += 1
            nat += p.native
            npat += 1
    print("patients/relatives: %d, in native script: %d, cultures used: %d" % (npat, nat, len(cc)))
    print("  " + ", ".join("%s %d" % (c.name, cc[c.name]) for c in CULTURES))
    kinds = collections.Counter()
    for r in records:
        for s in r["spans"]:
            kinds[(s["label"], s["kind"])] += 1
    print("spans by label/kind:")
    for (l, k), n in sorted(kinds.items()):
        print("  %-10s %-16s %d" % (l, k, n))
    print("documents: %d (%d phi, %d clean); retries: %d" % (
        len(records), sum(r["phi"] for r in records), sum(not r["phi"] for r in records), sum(a for _d, a in meta)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="regenerate in memory and verify fresh6.jsonl")
    ap.add_argument("--stats", action="store_true", help="templates per family, name cultures")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    records, meta = build(args.verbose)
    problems = check(records, meta)
    if args.check:
        if not os.path.exists(OUT):
            problems.append("%s is missing" % OUT)
        else:
            problems += check_file(records)
        for p in problems:
            print("FAIL", p)
        if problems:
            sys.exit(1)
        print("ok: %s matches a fresh generation; %d documents, %d spans verified" % (
            os.path.relpath(OUT), len(records), sum(len(r["spans"]) for r in records)))
        return
    if args.stats:
        stats(records, meta)
        if problems:
            for p in problems:
                print("FAIL", p)
            sys.exit(1)
        return
    if problems:
        for p in problems:
            print("FAIL", p)
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(dump(records))
    print("wrote %s: %d documents" % (os.path.relpath(OUT), len(records)))


if __name__ == "__main__":
    main()
