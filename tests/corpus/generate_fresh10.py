#!/usr/bin/env python3
"""fresh10: an independent labelled synthetic corpus for the PHI detector.

Written on 2026-12-06 from tests/corpus/README.md and section 1 of CONTRACTS.md
only, without sight of the detector, its tests or the other generators.

Theme: what people really paste, at every length.  About a third of the
documents are short pastes (one line to six lines), a third are ordinary
(10-40 lines) and a third are long (60-200 lines).

Everything is synthetic: names come from hand-written lists per culture,
identifiers are random but valid where a rule exists (SSN ranges, Luhn for
cards, NPI Luhn with the 80840 prefix, MBI character rules, NANP phones,
VIN check digit).

Documents are built from pieces (plain text, phi spans, dont_care spans), so
the UTF-8 byte offsets are exact by construction.

    python3 generate_fresh10.py            # write fresh10.jsonl
    python3 generate_fresh10.py --check    # regenerate in memory, compare, verify spans
    python3 generate_fresh10.py --stats    # templates per family, cultures, length buckets

Standard library only; deterministic (seed "fresh10/2026-12-06").
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict

SEED = "fresh10/2026-12-06"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh10.jsonl")

CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
    "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
    "procedure_code", "drug_code", "medication", "condition", "credit_card",
}
# dont_care kinds named by the README conventions in addition to the contract kinds
README_DC_KINDS = {"title", "staff_contact", "internal_id"}

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
FAMILY_SIZE = {f: 15 for f in PHI_FAMILIES}
FAMILY_SIZE.update({f: 20 for f in CLEAN_FAMILIES})
BUCKETS = ("short", "medium", "long")
BUCKET_LINES = {"short": (1, 6), "medium": (10, 40), "long": (60, 200)}

# ---------------------------------------------------------------------------
# pieces
# ---------------------------------------------------------------------------


def P(kind, text):
    """a phi span"""
    return ("phi", kind, str(text))


def DC(kind, text):
    """a dont_care span"""
    return ("dont_care", kind, str(text))


def add(out, v):
    if v is None:
        return
    if isinstance(v, str):
        out.append(v)
    elif isinstance(v, tuple):
        out.append(v)
    elif isinstance(v, (list, Seg)):
        for x in v:
            add(out, x)
    else:
        out.append(str(v))


class Seg(list):
    pass


_MARK = re.compile(r"\{\{(\w+)\}\}")


def R(tpl, **ctx):
    """render a template with {{key}} markers; values are str, span tuples or piece lists"""
    out = Seg()
    pos = 0
    for m in _MARK.finditer(tpl):
        if m.start() > pos:
            out.append(tpl[pos:m.start()])
        add(out, ctx[m.group(1)])
        pos = m.end()
    if pos < len(tpl):
        out.append(tpl[pos:])
    return out


def J(sep, items):
    out = Seg()
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        add(out, it)
    return out


def L(*lines):
    """join lines (each a str, span or piece list) with newlines; None lines are left out"""
    return J("\n", [x for x in lines if x is not None])


def flatten(parts):
    out = []
    add(out, parts)
    return out


def build(parts):
    pieces = [p for p in flatten(parts) if not (isinstance(p, str) and p == "")]
    # trim surrounding blank space of the whole document (plain pieces only)
    while pieces and isinstance(pieces[0], str) and not pieces[0].strip():
        pieces.pop(0)
    while pieces and isinstance(pieces[-1], str) and not pieces[-1].strip():
        pieces.pop()
    if pieces and isinstance(pieces[0], str):
        pieces[0] = pieces[0].lstrip()
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] = pieces[-1].rstrip()
    text = []
    spans = []
    off = 0
    for p in pieces:
        if isinstance(p, str):
            s = p
        else:
            label, kind, s = p
            if not s or s != s.strip():
                raise ValueError("bad span text %r" % (s,))
            b = len(s.encode("utf-8"))
            spans.append({"start": off, "end": off + b, "label": label, "kind": kind})
        text.append(s)
        off += len(s.encode("utf-8"))
    return "".join(text), spans


# ---------------------------------------------------------------------------
# names: 61 cultures, hand-written lists.  "_" stands for a space inside a name.
# (male given names | female given names, family names, order)
# ---------------------------------------------------------------------------

CULTURES = {
    "english_us": ("James Robert Hunter Mason Wade Chase Grant Will Bill Jack Dean | Mary Grace Hope Faith Joy Dawn April June Summer Ruby Pearl Rose Holly",
                   "Smith Johnson Brown White Young King Baker Cook Bell Hill Stone Little Wood Rich Lane Page Fields Sharp Swift Gay Hardy", "w"),
    "irish": ("Ciarán Seán Pádraig Oisín Cormac Declan | Aoife Siobhán Niamh Saoirse Gráinne Róisín",
              "O'Brien Ó_Súilleabháin Murphy Kavanagh MacCarthy Byrne Gallagher Ní_Bhriain", "w"),
    "scottish": ("Angus Hamish Callum Euan Fraser Alasdair | Isla Morag Eilidh Kirsty Catriona Ailsa",
                 "MacLeod Campbell Robertson McIntyre Drummond Buchanan", "w"),
    "welsh": ("Rhys Dafydd Gethin Iwan Emrys Llŷr | Cerys Angharad Seren Ffion Bethan Nia",
              "Llewellyn Pritchard Vaughan Powell Rees ap_Gruffydd", "w"),
    "mexican": ("José Alejandro Jesús Rogelio Efraín Ulises | María_Guadalupe Ximena Itzel Socorro Yesenia Citlali",
                "Hernández García_López Martínez Ramírez Cervantes Villaseñor Ochoa", "w"),
    "puerto_rican": ("Yadiel Luis_Ángel Edwin Wilfredo Jadiel Héctor | Yamilet Nilda Zuleyka Maritza Ivelisse Glorimar",
                     "Rivera Colón Santiago Vélez Rosario Quiñones Figueroa", "w"),
    "brazilian": ("João Thiago Caio Vinícius Luiz Anderson | Conceição Luíza Thaís Letícia Raíssa Jussara",
                  "da_Silva Gonçalves Araújo Brandão Magalhães Pereira", "w"),
    "french": ("Benoît Théo Étienne Loïc Jérôme Gaël | Hélène Léa Océane Maëlle Françoise Anaïs",
               "Lefèvre Dubois Moreau Girard Bérenger Lemaître Faure", "w"),
    "german": ("Jürgen Lukas Matthias Günther Felix Dieter | Käthe Sabine Ursula Jana Lena Sophie",
               "Müller Schröder Weiß Krüger Hoffmann Großmann Becker", "w"),
    "dutch": ("Sander Joost Pieter Bram Wouter Maarten | Anouk Femke Sanne Lieke Marieke Ineke",
              "van_den_Berg de_Vries Jansen Bakker Visser van_Dijk Smit", "w"),
    "italian": ("Giuseppe Salvatore Niccolò Lorenzo Matteo Gianluca | Giulia Francesca Chiara Assunta Concetta Raffaella",
                "Esposito Russo Ferrari Bianchi Romano D'Angelo Colombo De_Luca", "w"),
    "polish": ("Łukasz Paweł Wojciech Grzegorz Jędrzej Zbigniew | Małgorzata Agnieszka Żaneta Bożena Katarzyna Jadwiga",
               "Wiśniewski Kowalczyk Wójcik Zieliński Dąbrowski Szczęsny", "w"),
    "czech": ("Jiří Tomáš Lukáš Ondřej Vojtěch Miroslav | Tereza Lucie Kateřina Zdeňka Markéta Věra",
              "Novák Dvořák Černý Procházka Kučera Veselý Růžička", "w"),
    "hungarian": ("László Zoltán Gábor Ferenc Bence Árpád | Erzsébet Zsófia Katalin Ágnes Réka Ildikó",
                  "Nagy Kovács Tóth Szabó Horváth Varga Fehér", "e"),
    "romanian": ("Ștefan Andrei Mihai Răzvan Bogdan Ionuț | Ioana Mădălina Andreea Roxana Ecaterina Simona",
                 "Popescu Ionescu Dumitrescu Constantinescu Stănescu Bălan Munteanu", "w"),
    "greek": ("Georgios Konstantinos Dimitrios Nikolaos Panagiotis Spyridon | Eleni Katerina Vasiliki Athina Chrysoula Despina",
              "Papadopoulos Georgiou Konstantinidis Karagiannis Oikonomou Vlachos", "w"),
    "russian": ("Dmitri Sergei Aleksandr Yuri Mikhail Nikolai | Olga Svetlana Natalia Yekaterina Irina Lyudmila",
                "Ivanov Smirnov Kuznetsov Volkov Sokolov Morozov Lebedev", "w"),
    "ukrainian": ("Oleksandr Taras Bohdan Mykola Andriy Yaroslav | Oksana Iryna Halyna Olena Khrystyna Solomiya",
                  "Kovalenko Bondarenko Tkachenko Melnyk Kravchuk Hrytsenko", "w"),
    "turkish": ("Mehmet Mustafa Çağrı Oğuz Emre Yiğit | Ayşe Fatma Gülşen Şule Özlem Büşra",
                "Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın", "w"),
    "arabic": ("Mohammed Ahmad Khalid Omar Youssef Tariq | Fatima Aisha Layla Noor Mariam Huda",
               "Al-Sayed Haddad Nasser Khoury Abdallah El-Amin Mansour", "w"),
    "persian": ("Dariush Kourosh Mehdi Reza Babak Farhad | Shirin Parisa Niloufar Mahsa Roya Golnar",
                "Hosseini Tehrani Karimi Moradi Rahimi Jafari Sadeghi", "w"),
    "hebrew": ("Yosef Avraham Eitan Noam Moshe Ariel | Tamar Noa Shira Yael Rivka Hadas",
               "Cohen Levi Mizrahi Peretz Friedman Ben-David Shapiro", "w"),
    "hindi": ("Rahul Vikram Arjun Sanjay Amit Rajesh | Priya Anjali Sunita Kavita Pooja Lakshmi",
              "Sharma Verma Gupta Agarwal Mishra Srivastava Tiwari", "w"),
    "tamil": ("Karthik Senthil Murugan Arun Balaji Vignesh | Meenakshi Kavitha Revathi Divya Anitha Selvi",
              "Subramanian Ramasamy Krishnan Natarajan Venkatesan Sundaram Pillai", "w"),
    "bengali": ("Sourav Arnab Tanvir Rafiq Anirban Debashis | Moumita Tahmina Rupa Shampa Nusrat Ishita",
                "Chatterjee Banerjee Mukherjee Chowdhury Rahman Sarkar Bhattacharya", "w"),
    "punjabi": ("Gurpreet Harjit Jaswinder Manpreet Amrit Baldev | Harpreet Simran Jasleen Navneet Gurleen Kiranjit",
                "Sandhu Gill Dhillon Grewal Sidhu Bains", "w"),
    "pakistani": ("Imran Bilal Faisal Usman Zeeshan Kashif | Ayesha Sana Hina Rabia Sadia Mehwish",
                  "Qureshi Chaudhry Butt Malik Siddiqui Akhtar Raza", "w"),
    "chinese": ("Wei Jun Hao Qiang Zhiwei Jianguo | Fang Xiaoling Mei Yan Lihua Jing",
                "Wang Li Zhang Liu Chen Huang Zhao", "e"),
    "cantonese": ("Ka-Ho Wing-Kei Chi-Ming Siu-Lung Tsz-Hin Kwok-Wai | Mei-Ling Wai-Man Ka-Yan Suk-Yee Hoi-Yan Pui-Shan",
                  "Chan Wong Leung Cheung Lau Tsang Kwok", "e"),
    "japanese": ("Hiroshi Takeshi Kenji Daisuke Haruto Shota | Yuki Haruka Keiko Sakura Aiko Misaki",
                 "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto", "e"),
    "korean": ("Min-jun Seo-jun Ji-ho Hyun-woo Dong-hyun Jae-won | Seo-yeon Ji-woo Min-seo Eun-ji Soo-ah Ha-eun",
               "Kim Lee Park Choi Jung Kang Yoon", "e"),
    "vietnamese": ("Minh Tuấn Dũng Quang Huy Phúc | Lan Hương Thảo Ngọc Linh Trang",
                   "Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ", "e"),
    "filipino": ("Rodrigo Jericho Marlon Arnel Reynaldo Ramil | Maricel Rowena Lourdes Analyn Jocelyn Rosario",
                 "Dela_Cruz Santos Reyes Bautista Mendoza Villanueva", "w"),
    "thai": ("Somchai Anan Chaiwat Kittisak Prasert Niran | Siriporn Malee Ploy Kanya Wanida Nok",
             "Saetang Srisuk Chaiyaporn Wongsawat Phongphan Boonmee", "w"),
    "indonesian": ("Budi Agus Bambang Joko Adi Hendra | Siti Dewi Wulan Putri Ratna Intan",
                   "Santoso Wijaya Hidayat Saputra Kusuma Setiawan Halim", "w"),
    "yoruba": ("Olumide Babatunde Oluwaseun Ayodele Kehinde Femi | Folasade Adeola Titilayo Omolara Funmilayo Bukola",
               "Adeyemi Ogunleye Ogunbiyi Akinola Olaniyan Oyelaran", "w"),
    "igbo": ("Chukwuemeka Obinna Ikenna Nnamdi Chidi Uchenna | Ngozi Chiamaka Adaeze Nneka Ifeoma Chinwe",
             "Okafor Nwosu Eze Okeke Nwachukwu Onyekachi", "w"),
    "akan": ("Kwame Kofi Kwabena Yaw Kwaku Kojo | Akosua Abena Ama Efua Adwoa Yaa",
             "Mensah Owusu Asante Boateng Osei Agyeman Darko", "w"),
    "kenyan": ("Baraka Juma Jabari Otieno Mwangi Kamau | Wanjiru Akinyi Zawadi Neema Achieng Imani",
               "Odhiambo Kipchoge Wambui Njoroge Mutua Kariuki", "w"),
    "ethiopian": ("Tesfaye Dawit Abebe Yohannes Bereket Haile | Meron Selam Tigist Hiwot Bethlehem Mekdes",
                  "Bekele Tadesse Girma Alemu Wolde Desta Tefera", "w"),
    "somali": ("Abdirahman Abdullahi Hassan Liban Abdiwali Farah | Hodan Ubah Faadumo Hibaaq Sahra Ayaan",
               "Warsame Abdi Yusuf Jama Egal Hirsi Nur", "w"),
    "swedish": ("Björn Anders Sven Lars Göran Mikael | Åsa Ingrid Märta Linnéa Sofie Elin",
                "Andersson Johansson Lindqvist Sjöberg Åkesson Nyström", "w"),
    "norwegian": ("Øyvind Håkon Ståle Torbjørn Eirik Sindre | Ingeborg Solveig Kari Ragnhild Tone Åse",
                  "Hansen Bråthen Solberg Haugen Kjærstad Lie", "w"),
    "finnish": ("Jukka Mikko Väinö Antti Teemu Pekka | Päivi Aino Sirkka Tuulikki Hanna Satu",
                "Virtanen Mäkinen Nieminen Järvinen Hämäläinen Koskinen Heikkilä", "w"),
    "icelandic": ("Guðmundur Sigurður Þórður Ólafur Einar Halldór | Guðrún Sigríður Þóra Ásdís Hrafnhildur Björk",
                  "Jónsdóttir Sigurðsson Þorsteinsson Guðmundsdóttir Ólafsson Magnússon", "w"),
    "hawaiian": ("Kekoa Makoa Keoni Kaleo Ikaika Kainoa | Leilani Malia Kalena Noelani Keala Pualani",
                 "Kahananui Kealoha Akana Kamakana Kahale Kaʻiliwai", "w"),
    "samoan": ("Tavita Sione Ioane Pita Fetu Tasi | Sina Lusia Mele Losa Fiapito Ana",
               "Tuilagi Faleolo Leota Sapolu Tuiasosopo Faʻamausili", "w"),
    "haitian": ("Jean-Baptiste Wilner Frantz Reginald Dieuseul Wislet | Marie-Claude Guerline Nadège Rose-Marie Fabienne Ketly",
                "Pierre-Louis Saint-Fleur Desrosiers Toussaint Dorvil Jean-Charles", "w"),
    "jamaican": ("Devon Delroy Andre Jermaine Winston Dwayne | Shanice Kerry-Ann Tamika Sherine Latoya Monique",
                 "McKenzie Whyte Thompson Ferguson Gordon Bailey Francis", "w"),
    "armenian": ("Armen Hovhannes Vartan Tigran Aram Gevorg | Anahit Lusine Siranush Nare Ani Tatevik",
                 "Hakobyan Petrosyan Sargsyan Grigoryan Avetisyan Mkrtchyan", "w"),
    "georgian": ("Giorgi Levan Davit Irakli Zurab Nikoloz | Nino Tamar Ketevan Mariam Eka Natia",
                 "Beridze Kapanadze Gelashvili Tsiklauri Lomidze Maisuradze", "w"),
    "lithuanian": ("Mindaugas Tomas Darius Vytautas Žilvinas Rokas | Rūta Aušra Giedrė Eglė Jūratė Ieva",
                   "Kazlauskas Jankauskas Petrauskas Stankevičius Žukauskas Butkus", "w"),
    "croatian": ("Ivan Marko Tomislav Dražen Krešimir Luka | Ana Ivana Snježana Dubravka Mirjana Vesna",
                 "Horvat Kovačević Babić Marić Jurić Knežević", "w"),
    "serbian": ("Nemanja Miloš Dragan Đorđe Vuk Nikola | Jelena Milica Dragana Snežana Tijana Ljiljana",
                "Petrović Jovanović Nikolić Đorđević Stojanović Ilić", "w"),
    "khmer": ("Sokha Vuthy Dara Rithy Sopheak Chanthou | Sreymom Chenda Bopha Sokunthea Phalla Sothea",
              "Chhim Sok Keo Heng Chea Ly", "w"),
    "hmong": ("Tou Pheng Xeng Kou Chue Nhia | Mai Pa Yer Zoua Bao Kia",
              "Vang Xiong Thao Yang Lor Moua Her", "w"),
    "afrikaans": ("Johannes Hendrik Gerhardus Francois Willem Jaco | Annemarie Elmarie Susanna Magdalena Riana Charlene",
                  "van_der_Merwe Botha Pretorius Steyn Venter du_Plessis Coetzee", "w"),
    "mongolian": ("Ganbaatar Enkhbold Temuulen Bat-Erdene Munkh-Orgil Baatar | Oyunchimeg Sarangerel Altantsetseg Enkhjargal Tsetseg Nomin",
                  "Batbayar Gantulga Dashdorj Tserendorj Purevdorj Erdenebat", "w"),
    "spanish": ("Íñigo Jordi Álvaro Pau Xabier Sergio | Nuria Begoña Montserrat Ainhoa Lucía Rocío",
                "Fernández Sánchez Gómez Muñoz Álvarez Iglesias Etxeberria", "w"),
    "portuguese": ("Duarte Rui Tiago Nuno Afonso Vasco | Inês Leonor Matilde Beatriz Margarida Joana",
                   "Rodrigues Ferreira Sousa Carvalho Pinto Marques", "w"),
    "nepali": ("Bishnu Ramesh Suman Prakash Dipendra Santosh | Sabina Sarita Gita Anjana Pratima Sushila",
               "Shrestha Gurung Tamang Thapa Magar Adhikari", "w"),
}

# native-script forms: (culture, sex, given, family, native full name)
NATIVE = [
    ("greek", "M", "Georgios", "Papadopoulos", "Γεώργιος Παπαδόπουλος"),
    ("greek", "F", "Eleni", "Karagianni", "Ελένη Καραγιάννη"),
    ("greek", "M", "Dimitrios", "Oikonomou", "Δημήτριος Οικονόμου"),
    ("russian", "M", "Dmitri", "Volkov", "Дмитрий Волков"),
    ("russian", "F", "Olga", "Smirnova", "Ольга Смирнова"),
    ("russian", "F", "Natalia", "Lebedeva", "Наталья Лебедева"),
    ("ukrainian", "F", "Oksana", "Tkachenko", "Оксана Ткаченко"),
    ("ukrainian", "M", "Bohdan", "Melnyk", "Богдан Мельник"),
    ("serbian", "M", "Miloš", "Petrović", "Милош Петровић"),
    ("serbian", "F", "Jelena", "Jovanović", "Јелена Јовановић"),
    ("arabic", "M", "Mohammed", "Haddad", "محمد حداد"),
    ("arabic", "F", "Fatima", "Mansour", "فاطمة منصور"),
    ("arabic", "M", "Omar", "Nasser", "عمر ناصر"),
    ("persian", "F", "Shirin", "Karimi", "شیرین کریمی"),
    ("persian", "M", "Babak", "Rahimi", "بابک رحیمی"),
    ("hebrew", "F", "Yael", "Cohen", "יעל כהן"),
    ("hebrew", "M", "Noam", "Mizrahi", "נעם מזרחי"),
    ("hindi", "M", "Rahul", "Sharma", "राहुल शर्मा"),
    ("hindi", "F", "Sunita", "Verma", "सुनीता वर्मा"),
    ("hindi", "F", "Pooja", "Mishra", "पूजा मिश्रा"),
    ("nepali", "F", "Sabina", "Shrestha", "सबिना श्रेष्ठ"),
    ("tamil", "M", "Karthik", "Subramanian", "கார்த்திக் சுப்பிரமணியன்"),
    ("tamil", "F", "Meenakshi", "Sundaram", "மீனாட்சி சுந்தரம்"),
    ("bengali", "F", "Nusrat", "Rahman", "নুসরাত রহমান"),
    ("bengali", "M", "Arnab", "Sarkar", "অর্ণব সরকার"),
    ("chinese", "M", "Wei", "Wang", "王伟"),
    ("chinese", "F", "Xiuying", "Li", "李秀英"),
    ("chinese", "M", "Jianguo", "Zhang", "张建国"),
    ("chinese", "F", "Fang", "Liu", "刘芳"),
    ("chinese", "F", "Jing", "Chen", "陈静"),
    ("cantonese", "M", "Ka-Ho", "Chan", "陳嘉豪"),
    ("cantonese", "F", "Mei-Ling", "Wong", "黃美玲"),
    ("japanese", "M", "Hiroshi", "Sato", "佐藤 博"),
    ("japanese", "F", "Keiko", "Tanaka", "田中 恵子"),
    ("japanese", "F", "Yuki", "Watanabe", "渡辺 由紀"),
    ("korean", "M", "Min-jun", "Kim", "김민준"),
    ("korean", "F", "Seo-yeon", "Park", "박서연"),
    ("korean", "F", "Eun-ji", "Choi", "최은지"),
    ("thai", "M", "Somchai", "Srisuk", "สมชาย ศรีสุข"),
    ("thai", "F", "Malee", "Wongsawat", "มาลี วงศ์สวัสดิ์"),
    ("ethiopian", "F", "Tigist", "Bekele", "ትዕግስት በቀለ"),
    ("ethiopian", "M", "Dawit", "Alemu", "ዳዊት አለሙ"),
    ("armenian", "M", "Tigran", "Petrosyan", "Տիգրան Պետրոսյան"),
    ("armenian", "F", "Anahit", "Sargsyan", "Անահիտ Սարգսյան"),
    ("georgian", "F", "Nino", "Beridze", "ნინო ბერიძე"),
    ("georgian", "M", "Giorgi", "Gelashvili", "გიორგი გელაშვილი"),
    ("mongolian", "M", "Enkhbold", "Batbayar", "Батбаярын Энхболд"),
    ("khmer", "F", "Sreymom", "Chea", "ជា ស្រីមុំ"),
]

_parsed = {}
for _c, (_g, _f, _o) in CULTURES.items():
    _m, _w = _g.split("|")
    _parsed[_c] = ([x.replace("_", " ") for x in _m.split()],
                   [x.replace("_", " ") for x in _w.split()],
                   [x.replace("_", " ") for x in _f.split()], _o)

_FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "æ": "ae", "þ": "th",
         "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "ʻ": "", "'": "", "’": ""}


def ascii_fold(s):
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return s


def slug(s):
    return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())


# ---------------------------------------------------------------------------
# places, facilities, payers, clinical vocabulary
# ---------------------------------------------------------------------------

CITIES = [
    ("Worcester", "MA", "016"), ("Lowell", "MA", "018"), ("Providence", "RI", "029"), ("Hartford", "CT", "061"),
    ("Albany", "NY", "122"), ("Yonkers", "NY", "107"), ("Paterson", "NJ", "075"), ("Allentown", "PA", "181"),
    ("Scranton", "PA", "185"), ("Baltimore", "MD", "212"), ("Richmond", "VA", "232"), ("Durham", "NC", "277"),
    ("Charleston", "SC", "294"), ("Savannah", "GA", "314"), ("Tampa", "FL", "336"), ("Orlando", "FL", "328"),
    ("Hialeah", "FL", "330"), ("Birmingham", "AL", "352"), ("Knoxville", "TN", "379"), ("Louisville", "KY", "402"),
    ("Dayton", "OH", "454"), ("Toledo", "OH", "436"), ("Dearborn", "MI", "481"), ("Grand Rapids", "MI", "495"),
    ("Fort Wayne", "IN", "468"), ("Milwaukee", "WI", "532"), ("St. Paul", "MN", "551"), ("Des Moines", "IA", "503"),
    ("Omaha", "NE", "681"), ("Wichita", "KS", "672"), ("Tulsa", "OK", "741"), ("El Paso", "TX", "799"),
    ("Houston", "TX", "770"), ("San Antonio", "TX", "782"), ("Albuquerque", "NM", "871"), ("Tucson", "AZ", "857"),
    ("Mesa", "AZ", "852"), ("Boise", "ID", "837"), ("Spokane", "WA", "992"), ("Tacoma", "WA", "984"),
    ("Salem", "OR", "973"), ("Fresno", "CA", "937"), ("Oakland", "CA", "946"), ("Santa Ana", "CA", "927"),
    ("Stockton", "CA", "952"), ("Honolulu", "HI", "968"), ("Anchorage", "AK", "995"), ("Reno", "NV", "895"),
    ("Provo", "UT", "846"), ("Aurora", "CO", "800"), ("St. Louis", "MO", "631"), ("Little Rock", "AR", "722"),
    ("Jackson", "MS", "392"), ("Baton Rouge", "LA", "708"), ("Burlington", "VT", "054"), ("Manchester", "NH", "031"),
    ("Portland", "ME", "041"), ("Minot", "ND", "587"), ("Sioux Falls", "SD", "571"), ("Cheyenne", "WY", "820"),
]
STREETS = ["Linden", "Maple", "Oak Hill", "Cedar", "Willow", "Prospect", "Elm", "Chestnut", "Birch", "Summit",
           "Ridgeview", "Lakeview", "Orchard", "Harrison", "Jefferson", "Franklin", "Walnut", "Sycamore",
           "Magnolia", "Hawthorne", "Bayberry", "Sunset", "Canal", "Mill Pond", "Juniper", "Aspen", "Locust",
           "Beacon", "Riverside", "Pleasant", "Garfield", "Whitney", "Kensington", "Tamarack", "Dogwood",
           "Greenwood", "Foxglove", "Quarry", "Delancey", "Palisade", "Mesquite", "Saguaro", "Kukui", "Pinecrest"]
SUFFIXES = ["St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Ter", "Street", "Avenue", "Road", "Drive",
            "Lane", "Circle", "Parkway"]
UNITS = ["Apt 3B", "Apt 12", "Unit 4", "#207", "Apt 1F", "Unit C", "Apt 5A", "#3", "Suite 2", "Apt 411", "Unit 18",
         "Apt B", "Trlr 22", "Apt 2R"]
AREA_CODES = ("201 203 205 206 207 208 210 212 214 215 216 217 218 219 224 225 228 229 231 234 239 240 248 251 252 253 "
              "254 256 260 262 267 269 270 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316 317 318 319 "
              "320 321 323 330 334 336 337 339 347 351 352 360 361 385 386 401 402 404 405 406 407 408 409 410 412 "
              "413 414 415 417 419 423 424 425 432 434 435 440 443 469 470 478 479 480 484 501 502 503 504 505 507 "
              "508 509 510 512 513 515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 573 574 575 580 "
              "585 586 601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 630 631 636 641 "
              "646 650 651 660 661 662 678 682 701 702 703 704 706 707 708 712 713 714 715 716 717 718 719 720 724 "
              "727 731 732 734 737 740 754 757 760 763 765 770 772 773 774 775 781 785 786 801 802 803 804 805 806 "
              "808 810 812 813 814 815 816 817 818 828 830 831 832 843 845 847 850 856 857 858 859 860 862 863 864 "
              "865 870 901 903 904 906 907 908 909 910 912 913 914 915 916 917 918 919 920 925 928 931 936 937 940 "
              "941 949 951 952 954 956 970 971 972 973 978 979 980 984 985 989").split()
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net",
                 "proton.me", "att.net", "live.com", "msn.com", "verizon.net", "ymail.com", "me.com"]

FACILITIES = [
    ("St. Brigid Medical Center", "SBMC", "stbrigid-med.org"),
    ("Lakeshore Community Hospital", "LCH", "lakeshorech.org"),
    ("Mercy Valley Hospital", "MVH", "mercyvalley.org"),
    ("North Ridge Health", "NRH", "northridgehealth.org"),
    ("Cedar Point Family Medicine", "CPFM", "cedarpointfm.com"),
    ("Riverbend Regional Medical Center", "RRMC", "riverbendrmc.org"),
    ("Pine Hollow Clinic", "PHC", "pinehollowclinic.org"),
    ("Summit Valley Hospital", "SVH", "summitvalleyhosp.org"),
    ("Bayview Orthopedic Institute", "BOI", "bayviewortho.org"),
    ("Harlow County Medical Center", "HCMC", "harlowcmc.org"),
    ("Eastgate Urgent Care", "EUC", "eastgateuc.com"),
    ("Oak Terrace Rehabilitation Center", "OTRC", "oakterrace-rehab.org"),
    ("Granite State Cardiology", "GSC", "granitecardio.com"),
    ("Blue Heron Health Partners", "BHHP", "blueheronhp.org"),
]
PAYERS = ["Aetna", "UnitedHealthcare", "Cigna", "Humana", "Blue Cross Blue Shield", "Anthem", "Medicare Part B",
          "Medicaid", "Tricare", "Kaiser Permanente", "Molina Healthcare", "Centene Ambetter", "Highmark",
          "Oscar Health", "WellCare", "Harvard Pilgrim"]

CONDITIONS = [
    ("E11.9", "Type 2 diabetes mellitus without complications", "type 2 diabetes"),
    ("I10", "Essential (primary) hypertension", "hypertension"),
    ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "COPD exacerbation"),
    ("N18.30", "Chronic kidney disease, stage 3 unspecified", "CKD stage 3"),
    ("I50.9", "Heart failure, unspecified", "heart failure"),
    ("J18.9", "Pneumonia, unspecified organism", "pneumonia"),
    ("M17.11", "Unilateral primary osteoarthritis, right knee", "right knee osteoarthritis"),
    ("F32.9", "Major depressive disorder, single episode, unspecified", "depression"),
    ("I48.91", "Unspecified atrial fibrillation", "atrial fibrillation"),
    ("E78.5", "Hyperlipidemia, unspecified", "hyperlipidemia"),
    ("K21.9", "Gastro-esophageal reflux disease without esophagitis", "GERD"),
    ("N39.0", "Urinary tract infection, site not specified", "UTI"),
    ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter", "right hip fracture"),
    ("J45.909", "Unspecified asthma, uncomplicated", "asthma"),
    ("R07.9", "Chest pain, unspecified", "chest pain"),
    ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus", "seizure disorder"),
    ("L03.115", "Cellulitis of right lower limb", "cellulitis"),
    ("E03.9", "Hypothyroidism, unspecified", "hypothyroidism"),
    ("A41.9", "Sepsis, unspecified organism", "sepsis"),
    ("I63.9", "Cerebral infarction, unspecified", "stroke"),
    ("R55", "Syncope and collapse", "syncope"),
    ("K35.80", "Unspecified acute appendicitis", "acute appendicitis"),
    ("N17.9", "Acute kidney failure, unspecified", "acute kidney injury"),
    ("M54.50", "Low back pain, unspecified", "low back pain"),
]
CPTS = [
    ("99213", "Office/outpatient visit, established, low MDM", 128.00),
    ("99214", "Office/outpatient visit, established, moderate MDM", 189.00),
    ("99203", "Office/outpatient visit, new, low MDM", 167.00),
    ("93000", "Electrocardiogram, complete", 38.50),
    ("80053", "Comprehensive metabolic panel", 42.00),
    ("85025", "Complete CBC w/ auto differential", 28.00),
    ("71046", "Radiologic exam, chest, 2 views", 96.00),
    ("36415", "Routine venipuncture", 12.00),
    ("99284", "Emergency dept visit, moderate MDM", 612.00),
    ("27447", "Arthroplasty, knee, total", 1850.00),
    ("97110", "Therapeutic exercises, each 15 min", 44.00),
    ("G0439", "Annual wellness visit, subsequent", 173.00),
    ("90471", "Immunization administration", 25.00),
    ("45378", "Colonoscopy, diagnostic", 721.00),
    ("81001", "Urinalysis, automated, with microscopy", 14.00),
    ("99223", "Initial hospital inpatient care, high MDM", 410.00),
    ("83036", "Hemoglobin A1c", 31.00),
    ("70450", "CT head/brain without contrast", 388.00),
    ("99232", "Subsequent hospital inpatient care, moderate MDM", 146.00),
    ("J1885", "Injection, ketorolac tromethamine, per 15 mg", 6.40),
]
MEDS = [
    ("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("atorvastatin", "40 mg PO nightly"),
    ("apixaban", "5 mg PO BID"), ("furosemide", "40 mg PO daily"), ("levothyroxine", "75 mcg PO daily"),
    ("albuterol HFA", "2 puffs q4h PRN"), ("sertraline", "50 mg PO daily"), ("amlodipine", "5 mg PO daily"),
    ("insulin glargine", "20 units SC nightly"), ("tiotropium", "18 mcg inhaled daily"),
    ("omeprazole", "20 mg PO daily"), ("ceftriaxone", "1 g IV q24h"), ("levetiracetam", "500 mg PO BID"),
    ("cephalexin", "500 mg PO QID"), ("gabapentin", "300 mg PO TID"), ("metoprolol succinate", "50 mg PO daily"),
    ("prednisone", "40 mg PO daily x5 days"), ("warfarin", "5 mg PO daily"), ("tamsulosin", "0.4 mg PO nightly"),
    ("losartan", "50 mg PO daily"), ("enoxaparin", "40 mg SC daily"), ("acetaminophen", "650 mg PO q6h PRN"),
    ("ondansetron", "4 mg IV q8h PRN"),
]
NDCS = ["0093-7214-01", "0781-5184-01", "68180-0513-03", "0378-0208-01", "60505-0141-00", "0071-0155-23",
        "65862-0010-01", "0904-6322-61"]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99", (60, 260)), ("2160-0", "Creatinine", "mg/dL", "0.6-1.2", (0.5, 3.4)),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", (7.1, 16.8)), ("6690-2", "WBC", "10*3/uL", "4.0-11.0", (2.1, 19.5)),
        ("2823-3", "Potassium", "mmol/L", "3.5-5.1", (2.9, 6.1)), ("2951-2", "Sodium", "mmol/L", "136-145", (124, 149)),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", (5.1, 11.9)), ("33762-6", "NT-proBNP", "pg/mL", "<125", (40, 9800)),
        ("1742-6", "ALT", "U/L", "7-56", (9, 240)), ("777-3", "Platelets", "10*3/uL", "150-400", (60, 510))]
RELATIONS = [("daughter", "DAU", "Daughter"), ("son", "SON", "Son"), ("wife", "SPO", "Spouse"),
             ("husband", "SPO", "Spouse"), ("mother", "MTH", "Mother"), ("father", "FTH", "Father"),
             ("sister", "SIS", "Sister"), ("brother", "BRO", "Brother"), ("niece", "NIE", "Niece"),
             ("grandson", "GRD", "Grandchild"), ("partner", "DOM", "Life partner")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# ---------------------------------------------------------------------------
# identifier rules
# ---------------------------------------------------------------------------


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    digits = re.sub(r"\D", "", num)
    return luhn_digit(digits[:-1]) == digits[-1]


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
VIN_MAP = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_MAP.update({str(i): i for i in range(10)})
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    s = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def fd(d, style):
    """format a date"""
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us1":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if style == "us2":
        return d.strftime("%m/%d/%y")
    if style == "iso":
        return d.strftime("%Y-%m-%d")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "long":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "abbr":
        return "%s %d, %d" % (MONTHS[d.month - 1][:3], d.day, d.year)
    if style == "dmy":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "dmyu":
        return "%02d-%s-%02d" % (d.day, MONTHS[d.month - 1][:3].upper(), d.year % 100)
    if style == "eu":
        return d.strftime("%d.%m.%Y")
    if style == "md":
        return "%d/%d" % (d.month, d.day)
    if style == "mdl":
        return "%s %d" % (MONTHS[d.month - 1], d.day)
    raise ValueError(style)


def age_on(dob, when):
    return when.year - dob.year - ((when.month, when.day) < (dob.month, dob.day))


def money(x):
    return "%.2f" % x


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------


class Person:
    """a patient or a relative; every accessor returns a phi piece"""

    def __init__(self, g, given, family, sex, culture, native=None, middle=None):
        self.g = g
        self.given, self.family, self.sex, self.culture = given, family, sex, culture
        self.native = native
        self.middle = middle
        r = g.r
        self.city, self.state, zp = r.choice(CITIES)
        self.zip5 = zp + "%02d" % r.randint(1, 99)
        self.zip = self.zip5 + ("-%04d" % r.randint(1, 9999) if r.random() < 0.2 else "")
        self.street = "%d %s %s" % (r.choice([r.randint(2, 99), r.randint(100, 999), r.randint(1000, 9899),
                                              r.randint(10000, 48999)]), r.choice(STREETS), r.choice(SUFFIXES))
        self.unit = r.choice(UNITS) if r.random() < 0.3 else None
        self.area = r.choice(AREA_CODES)
        self.exch = g.exchange()
        self.line = "%04d" % r.randint(0, 9999)
        self.cell_area = r.choice([self.area, r.choice(AREA_CODES)])
        self.cell = (self.cell_area, g.exchange(), "%04d" % r.randint(0, 9999))
        self.ssn = g.ssn()
        self.mrn = g.mrn()
        self.member = g.member_id()
        self.mbi = g.mbi()
        self.acct = g.account()
        self.visit = g.visit()
        self.email = g.email_for(given, family)
        self.dob = None

    # names
    def full(self, middle=False):
        if self.middle and middle:
            return "%s %s. %s" % (self.given, self.middle, self.family)
        return "%s %s" % (self.given, self.family)

    def name(self):
        return P("person_name", self.full())

    def name_m(self):
        return P("person_name", self.full(middle=True))

    def first(self):
        return P("person_name", self.given)

    def last(self):
        return P("person_name", self.family)

    def lf(self):
        """Family, Given"""
        return P("person_name", "%s, %s" % (self.family, self.given) + (" %s" % self.middle if self.middle else ""))

    def LF(self):
        return P("person_name", "%s, %s" % (self.family.upper(), self.given.upper()))

    def hl7(self):
        s = "%s^%s" % (self.family.upper(), self.given.upper())
        if self.middle:
            s += "^" + self.middle
        return P("person_name", s)

    def disp(self):
        """name as a person writes it: native script when there is one"""
        return P("person_name", self.native if self.native else self.full())

    def disp_both(self):
        if self.native:
            return [P("person_name", self.full()), " (", P("person_name", self.native), ")"]
        return P("person_name", self.full())

    # dates
    def dob_(self, style):
        return P("date", fd(self.dob, style))

    def age(self, when=None):
        return age_on(self.dob, when or self.g.today)

    def age_(self, when=None):
        a = self.age(when)
        return P("age_over_89", a) if a >= 90 else str(a)

    def age_glued(self, suffix):
        """an age written together with a unit or sex ("92yo", "91F"): the whole token is the span"""
        a = self.age()
        return P("age_over_89", "%d%s" % (a, suffix)) if a >= 90 else "%d%s" % (a, suffix)

    # address
    def street_(self, upper=False):
        return P("street_address", self.street.upper() if upper else self.street)

    def unit_(self, upper=False):
        return P("street_address", self.unit.upper() if upper else self.unit) if self.unit else None

    def city_(self, upper=False):
        return P("street_address", self.city.upper() if upper else self.city)

    def state_(self):
        return DC("street_address", self.state)

    def zip_(self):
        return P("zip_code", self.zip)

    def addr1(self, upper=False):
        """one line: street, unit, city, ST zip"""
        out = [self.street_(upper)]
        if self.unit:
            out += [" ", self.unit_(upper)] if self.g.r.random() < 0.5 else [", ", self.unit_(upper)]
        out += [", ", self.city_(upper), ", ", self.state_(), " ", self.zip_()]
        return out

    def addr_lines(self):
        out = [self.street_()]
        if self.unit:
            out += [" ", self.unit_()]
        out += ["\n", self.city_(), ", ", self.state_(), " ", self.zip_()]
        return out

    def hl7_addr(self):
        return [self.street_(True), "^", self.unit_(True) if self.unit else "", "^", self.city_(True), "^",
                self.state_(), "^", P("zip_code", self.zip5), "^USA^H"]

    # contact
    def phone_(self, style=None):
        return P("phone", self.g.fmt_phone((self.area, self.exch, self.line), style))

    def cell_(self, style=None):
        return P("phone", self.g.fmt_phone(self.cell, style))

    def xtn_split(self):
        return ["^PRN^PH^^1^", P("phone", self.area), "^", P("phone", self.exch + self.line)]

    def email_(self):
        return P("email", self.email)

    # ids
    def ssn_(self, style="dash"):
        s = self.ssn
        if style == "plain":
            s = s.replace("-", "")
        elif style == "space":
            s = s.replace("-", " ")
        return P("ssn", s)

    def mrn_(self):
        return P("mrn", self.mrn)

    def member_(self):
        return P("health_plan_id", self.member)

    def mbi_(self, dashed=False):
        m = self.mbi
        if dashed:
            m = "%s-%s-%s" % (m[:4], m[4:7], m[7:])
        return P("medicare_mbi", m)

    def acct_(self):
        return P("account_number", self.acct)

    def visit_(self):
        return P("account_number", self.visit)

    def title(self):
        return DC("title", "Mr." if self.sex == "M" else self.g.r.choice(["Ms.", "Mrs."]))

    def he(self):
        return "he" if self.sex == "M" else "she"

    def his(self):
        return "his" if self.sex == "M" else "her"


class Staff:
    """staff: names and work contacts are dont_care"""

    def __init__(self, g, given, family, culture, role):
        self.g = g
        self.given, self.family, self.culture, self.role = given, family, culture, role
        self.cred = {"md": "MD", "do": "DO", "np": "NP", "pa": "PA-C", "rn": "RN"}.get(role, "")
        fac = g.fac
        self.email = "%s.%s@%s" % (slug(given), slug(family), fac[2])
        self.handle = "%s.%s" % (slug(given), slug(family))
        self.ext = str(g.r.randint(2000, 7999))
        self.work = (g.r.choice(AREA_CODES), g.exchange(), "%04d" % g.r.randint(0, 9999))
        self.npi = g.npi()

    def name(self):
        return DC("person_name", "%s %s" % (self.given, self.family))

    def name_cred(self):
        if self.cred:
            return [DC("person_name", "%s %s" % (self.given, self.family)), ", " + self.cred]
        return self.name()

    def dr(self):
        return [DC("title", "Dr."), " ", DC("person_name", self.family)]

    def first(self):
        return DC("person_name", self.given)

    def last(self):
        return DC("person_name", self.family)

    def lf(self):
        return DC("person_name", "%s, %s" % (self.family, self.given))

    def hl7(self):
        return DC("person_name", "%s^%s" % (self.family.upper(), self.given.upper()))

    def at(self):
        return ["@", DC("person_name", self.handle)]

    def jira(self):
        return ["[~", DC("person_name", self.handle), "]"]

    def email_(self):
        return DC("staff_contact", self.email)

    def ext_(self):
        return DC("staff_contact", "x" + self.ext)

    def phone_(self, style=None):
        return DC("staff_contact", self.g.fmt_phone(self.work, style))

    def npi_(self):
        return DC("other_id", self.npi)


class Gen:
    """per-document generation context"""

    def __init__(self, rng):
        self.r = rng
        self.taken = set()
        self.cultures = set()
        self.fac = rng.choice(FACILITIES)
        y = 2026
        m = rng.choice([9, 10, 11, 11, 12])
        self.today = dt.date(y, m, rng.randint(1, 28 if m != 12 else 5))
        self.now = dt.datetime(self.today.year, self.today.month, self.today.day, rng.randint(7, 18),
                               rng.randint(0, 59), rng.randint(0, 59))

    # basic random helpers
    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def n(self, a, b):
        return self.r.randint(a, b)

    def sample(self, seq, k):
        return self.r.sample(list(seq), k)

    # names
    def _free(self, *names):
        toks = set()
        for nm in names:
            for t in re.split(r"[\s\-']+", nm.lower()):
                if t:
                    toks.add(t)
        if toks & self.taken:
            return False
        self.taken |= toks
        return True

    def _name(self, sex=None, culture=None, native_p=0.0):
        r = self.r
        for _ in range(200):
            sex_ = sex or r.choice("MF")
            if native_p and r.random() < native_p and (culture is None):
                cand = [x for x in NATIVE if x[1] == sex_]
                c, s, gv, fm, nat = r.choice(cand)
                if self._free(gv, fm, nat):
                    self.cultures.add(c)
                    return gv, fm, sex_, c, nat
                continue
            c = culture or r.choice(sorted(_parsed))
            m, w, fams, order = _parsed[c]
            gv = r.choice(m if sex_ == "M" else w)
            fm = r.choice(fams)
            if c == "icelandic":
                fm = r.choice([f for f in fams if f.endswith("son" if sex_ == "M" else "dóttir")])
            if c == "russian" and sex_ == "F" and fm[-2:] in ("ov", "ev", "in"):
                fm += "a"
            if c == "polish" and sex_ == "F" and fm.endswith("ski"):
                fm = fm[:-1] + "a"
            if self._free(gv, fm):
                self.cultures.add(c)
                return gv, fm, sex_, c, None
        raise RuntimeError("no free name")

    def person(self, sex=None, min_age=18, max_age=88, native_p=0.25, culture=None, relative_of=None):
        if (relative_of is not None and relative_of.native is None and relative_of.culture != "icelandic"
                and self.r.random() < 0.6):
            # relatives often share the family name; give a free given name of the same culture
            for _ in range(100):
                sex_ = sex or self.r.choice("MF")
                m, w, fams, order = _parsed[relative_of.culture]
                gv = self.r.choice(m if sex_ == "M" else w)
                if self._free(gv):
                    p = Person(self, gv, relative_of.family, sex_, relative_of.culture)
                    break
            else:
                raise RuntimeError("no relative name")
        else:
            if relative_of is not None and culture is None:
                culture = relative_of.culture
            gv, fm, sex_, c, nat = self._name(sex, culture, native_p)
            mid = None
            if nat is None and self.r.random() < 0.3:
                mid = self.r.choice("ABCDEFGHJKLMNPRSTVW")
            p = Person(self, gv, fm, sex_, c, nat, mid)
        age = self.r.randint(min_age, max_age)
        p.dob = self.today - dt.timedelta(days=age * 365 + self.r.randint(10, 350))
        p.dob = p.dob.replace(year=self.today.year - age) if not (p.dob.month == 2 and p.dob.day == 29) else p.dob
        if age_on(p.dob, self.today) != age:
            p.dob = p.dob - dt.timedelta(days=1)
        return p

    def staff(self, role="md", native_p=0.0):
        gv, fm, sex_, c, nat = self._name(None, None, 0.0)
        return Staff(self, gv, fm, c, role)

    # identifiers
    def exchange(self):
        while True:
            e = self.r.randint(200, 999)
            if e == 555 or e % 100 == 11:
                continue
            return str(e)

    def fmt_phone(self, t, style=None):
        a, e, l_ = t
        style = style or self.r.choice(["paren", "paren", "dash", "dash", "dot", "plus", "plain", "paren0"])
        return {"paren": "(%s) %s-%s", "paren0": "(%s)%s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s",
                "plus": "+1 %s %s %s", "plain": "%s%s%s", "plusdash": "+1-%s-%s-%s", "space": "%s %s %s"}[style] % (a, e, l_)

    def phone_str(self, style=None):
        return self.fmt_phone((self.pick(AREA_CODES), self.exchange(), "%04d" % self.n(0, 9999)), style)

    def tollfree(self):
        return "1-%s-%s-%04d" % (self.pick(["800", "888", "877", "866"]), self.exchange(), self.n(0, 9999))

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a == 666:
                continue
            s = "%03d-%02d-%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
            if s in ("123-45-6789", "078-05-1120", "219-09-9999"):
                continue
            return s

    def mrn(self):
        r = self.r
        style = r.randint(0, 6)
        if style == 0:
            return "%08d" % r.randint(100000, 99999999)
        if style == 1:
            return "%07d" % r.randint(1000000, 9999999)
        if style == 2:
            return "E%07d" % r.randint(0, 9999999)
        if style == 3:
            return "%s%06d" % (r.choice(["MR", "HM", "RB", "NR"]), r.randint(0, 999999))
        if style == 4:
            return "%09d" % r.randint(10000000, 999999999)
        if style == 5:
            return "%d-%03d-%03d" % (r.randint(10, 99), r.randint(0, 999), r.randint(0, 999))
        return "M%08d" % r.randint(0, 99999999)

    def member_id(self):
        r = self.r
        style = r.randint(0, 5)
        if style == 0:
            return "%s%09d" % ("".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), r.randint(0, 999999999))
        if style == 1:
            return "W%09d" % r.randint(0, 999999999)
        if style == 2:
            return "%011d" % r.randint(10 ** 9, 10 ** 11 - 1)
        if style == 3:
            return "MBR%08d" % r.randint(0, 99999999)
        if style == 4:
            return "%s%08d%02d" % (r.choice("UHKZ"), r.randint(0, 99999999), r.randint(0, 99))
        return "%08d%s" % (r.randint(10000000, 99999999), r.choice("ABCDE"))

    def mbi(self):
        r = self.r
        while True:
            a = MBI_ALPHA
            an = MBI_ALPHA + "0123456789"
            m = (str(r.randint(1, 9)) + r.choice(a) + r.choice(an) + str(r.randint(0, 9)) + r.choice(a) +
                 r.choice(an) + str(r.randint(0, 9)) + r.choice(a) + r.choice(a) + str(r.randint(0, 9)) +
                 str(r.randint(0, 9)))
            if m != "1EG4TE5MK73":
                return m

    def npi(self):
        while True:
            base = self.r.choice("12") + "%08d" % self.r.randint(0, 99999999)
            v = base + luhn_digit("80840" + base)
            if v != "1234567893":
                return v

    def card(self, brand=None):
        r = self.r
        brand = brand or r.choice(["visa", "visa", "mc", "amex", "disc"])
        if brand == "visa":
            body = "4" + "".join(str(r.randint(0, 9)) for _ in range(14))
        elif brand == "mc":
            body = "5" + str(r.randint(1, 5)) + "".join(str(r.randint(0, 9)) for _ in range(13))
        elif brand == "amex":
            body = r.choice(["34", "37"]) + "".join(str(r.randint(0, 9)) for _ in range(12))
        else:
            body = "6011" + "".join(str(r.randint(0, 9)) for _ in range(11))
        num = body + luhn_digit(body)
        if len(num) == 15:
            return "%s %s %s" % (num[:4], num[4:10], num[10:]), brand
        sep = r.choice([" ", "-", ""])
        return sep.join(num[i:i + 4] for i in range(0, 16, 4)), brand

    def vin(self):
        r = self.r
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = [r.choice(chars) for _ in range(17)]
        v[9] = r.choice("GHJKLMNPRST")
        v[8] = "0"
        v[8] = vin_check("".join(v))
        return "".join(v)

    def plate(self):
        r = self.r
        st = r.randint(0, 2)
        L3 = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
        if st == 0:
            return "%d%s%03d" % (r.randint(1, 9), L3, r.randint(0, 999))
        if st == 1:
            return "%s %04d" % (L3, r.randint(0, 9999))
        return "%s-%d%02d" % (L3, r.randint(1, 9), r.randint(0, 99))

    def account(self):
        r = self.r
        return r.choice(["%010d", "A%08d", "%09d", "HAR%07d", "%d"]) % r.randint(10000000, 99999999)

    def visit(self):
        r = self.r
        return r.choice(["V%08d", "%010d", "CSN%09d", "ENC%07d", "%d"]) % r.randint(1000000, 99999999)

    def claim(self):
        r = self.r
        st = r.randint(0, 3)
        if st == 0:
            return "%d%09d" % (r.choice([2025, 2026]), r.randint(0, 999999999))
        if st == 1:
            return "CLM%010d" % r.randint(0, 9999999999)
        if st == 2:
            return "%02d%03d%07d" % (r.randint(20, 26), r.randint(1, 366), r.randint(0, 9999999))
        return "E%011d" % r.randint(0, 99999999999)

    def email_for(self, given, family):
        r = self.r
        g, f = slug(given), slug(family)
        if not g or not f:
            g, f = "pt", "user%d" % r.randint(10, 99)
        style = r.randint(0, 6)
        local = [g + "." + f, g[0] + f, g + f + str(r.randint(1, 99)), f + "." + g[0], g + "_" + f,
                 g + str(r.randint(1950, 2005)), f + g[0] + str(r.randint(1, 9))][style]
        return local + "@" + r.choice(EMAIL_DOMAINS)

    def ts(self, when=None, fmt="log"):
        w = when or self.now
        if fmt == "log":
            return w.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % self.r.randint(0, 999)
        if fmt == "iso":
            return w.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % self.r.randint(0, 999)
        if fmt == "hl7":
            return w.strftime("%Y%m%d%H%M%S")
        raise ValueError(fmt)

    def tick(self, seconds_min=1, seconds_max=90):
        self.now = self.now + dt.timedelta(seconds=self.r.randint(seconds_min, seconds_max))
        return self.now

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.r.choice("89ab"), h[17:20], h[20:32])

    def hexid(self, n=12):
        return "%0*x" % (n, self.r.getrandbits(4 * n))

    def ip_private(self):
        r = self.r
        st = r.randint(0, 2)
        if st == 0:
            return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254))
        if st == 1:
            return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254))
        return "192.168.%d.%d" % (r.randint(0, 255), r.randint(2, 254))

    def ip_public(self):
        r = self.r
        a = r.choice([24, 47, 50, 64, 67, 68, 71, 73, 75, 76, 96, 98, 99, 107, 108, 173, 174, 184])
        return "%d.%d.%d.%d" % (a, r.randint(0, 255), r.randint(0, 255), r.randint(2, 254))

    def key(self, proj=None):
        return "%s-%d" % (proj or self.pick(["INTEG", "HL7", "IFACE", "EHR", "DATA", "CLIN", "PLAT"]), self.n(120, 9999))

    def cond(self):
        return self.pick(CONDITIONS)

    def med(self):
        return self.pick(MEDS)

    def cpt(self):
        return self.pick(CPTS)

    def version(self):
        return "%d.%d.%d" % (self.n(1, 9), self.n(0, 24), self.n(0, 30))


def icd(c):
    return DC("diagnosis_code", c[0])


def cond_long(c):
    return DC("condition", c[1])


def cond_short(c):
    return DC("condition", c[2])


def med_(m, dose=True):
    return [DC("medication", m[0])] + ([" " + m[1]] if dose else [])


def cptc(c):
    return DC("procedure_code", c[0])


def fac_name(g):
    return DC("street_address", g.fac[0])


def jira_date(w):
    return w.strftime("%d/%b/%y %I:%M %p").replace(" 0", " ")


def seg(name, **f):
    """an HL7 segment from fields f1..fn (values: str, span or piece list)"""
    idx = [int(k[1:]) for k, v in f.items() if flatten(v) and flatten(v) != [""]]
    n = max(idx) if idx else 0
    out = Seg([name])
    for i in range(1, n + 1):
        out.append("|")
        add(out, f.get("f%d" % i, ""))
    return out


# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------

TEMPLATES = defaultdict(lambda: {"short": [], "medium": [], "long": []})


def tpl(family, bucket):
    def deco(fn):
        TEMPLATES[family][bucket].append(fn)
        return fn
    return deco


def logline(g, level, logger, msg, fmt="log"):
    g.tick(1, 40)
    return [g.ts(fmt=fmt), " ", level, " ", logger, " ", msg] if fmt == "log" else [g.ts(fmt=fmt), " ", level, " ", msg]


# ===================== TEMPLATES =====================

# ---------------------------------------------------------------------------
# HL7 helpers
# ---------------------------------------------------------------------------

HL7_APPS = ["EPIC", "CERNER", "MEDITECH", "ATHENA", "ALLSCRIPTS", "NEXTGEN", "SUNQUEST", "CLOVERLEAF", "RHAPSODY"]
RACES = ["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC",
         "2131-1^Other Race^CDCREC", "1002-5^American Indian or Alaska Native^CDCREC", ""]
LANGS = ["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "CHI^Chinese", "POR^Portuguese", "ARA^Arabic", "RUS^Russian",
         "HAT^Haitian Creole", "KOR^Korean", ""]
REL_SEX = {"daughter": "F", "son": "M", "wife": "F", "husband": "M", "mother": "F", "father": "M", "sister": "F",
           "brother": "M", "niece": "F", "grandson": "M", "partner": None}


def hts(w, secs=True):
    return w.strftime("%Y%m%d%H%M%S" if secs else "%Y%m%d%H%M")


def msh_(g, typ, when=None, ver=None, ctrl=None):
    when = when or g.now
    return R("MSH|^~\\&|{{a}}|{{f}}|{{ra}}|{{rf}}|{{ts}}||{{t}}|{{c}}|P|{{v}}",
             a=g.pick(HL7_APPS[:6]), f=g.fac[1], ra=g.pick(["RHAPSODY", "MIRTH", "CLOVERLEAF", "IGUANA", "CORR"]),
             rf=g.pick(["LAB", "RAD", "BILLING", "HIE", "PHARM", "DW"]), ts=DC("date", hts(when)), t=typ,
             c=ctrl or "%s%07d" % (g.pick(["MSG", "Q", "A", ""]), g.n(1, 9999999)), v=ver or g.pick(["2.3", "2.4", "2.5.1", "2.5.1", "2.6"]))


def evn_(g, ev, when=None):
    return seg("EVN", f1=ev, f2=DC("date", hts(when or g.now)))


def pid_(g, pt, ssn=False, acct=True, mmn=None, split=None, phone=True, addr=True, lang=True):
    split = g.chance(0.35) if split is None else split
    ids = [pt.mrn_(), "^^^", g.fac[1], "^MR"]
    if ssn and g.chance(0.5):
        ids += ["~", P("ssn", pt.ssn.replace("-", "")), "^^^USSSA^SS"]
        ssn19 = None
    else:
        ssn19 = P("ssn", pt.ssn) if ssn else None
    if split:
        ph = pt.xtn_split()
    else:
        ph = [P("phone", g.fmt_phone((pt.area, pt.exch, pt.line), g.pick(["paren0", "dash", "plain"]))), "^PRN^PH"]
    return seg("PID", f1="1", f3=ids, f5=pt.hl7(), f6=P("person_name", mmn.upper()) if mmn else "",
               f7=pt.dob_("hl7"), f8=pt.sex, f10=g.pick(RACES), f11=pt.hl7_addr() if addr else "",
               f13=ph if phone else "", f15=g.pick(LANGS) if lang else "", f16=g.pick(["S", "M", "W", "D", ""]),
               f18=pt.acct_() if acct else "", f19=ssn19 or "")


def pv1_(g, pt, att, cls=None, admit=None, disch=None, visit=True):
    cls = cls or g.pick(["I", "E", "O", "I"])
    loc = {"I": g.pick(["4W^412^A", "MS3^318^B", "ICU^07^1", "5N^522^2", "TELE^14^A"]),
           "E": g.pick(["ED^12^01", "ED^HALL3^", "EDOBS^4^"]),
           "O": g.pick(["CLIN^^", "CARD^^", "ORTHO^^", "FM2^^"])}.get(cls, "4W^401^A")
    return seg("PV1", f1="1", f2=cls, f3=[loc, "^", g.fac[1]], f7=[att.npi_(), "^", att.hl7(), "^^^^", att.cred or "MD"],
               f10=g.pick(["MED", "SUR", "CAR", "ORT", "EME", "ONC"]), f14=g.pick(["1", "7", "2"]),
               f18=g.pick(["INP", "EMR", "OUT"]), f19=pt.visit_() if visit else "", f20=g.pick(["C", "M", "S", ""]),
               f44=P("date", hts(admit, False)) if admit else "", f45=P("date", hts(disch, False)) if disch else "")


def relative(g, pt, min_age=20, max_age=80):
    word, code, text = g.pick(RELATIONS)
    sex = REL_SEX[word]
    rel = g.person(sex=sex, min_age=min_age, max_age=max_age, relative_of=pt, native_p=0.1)
    return rel, word, code, text


def nk1_(g, rel, code, text, i=1):
    return seg("NK1", f1=str(i), f2=rel.hl7(), f3="%s^%s^HL70063" % (code, text),
               f4=rel.hl7_addr() if g.chance(0.4) else "",
               f5=P("phone", g.fmt_phone((rel.area, rel.exch, rel.line), g.pick(["paren0", "dash", "plain"]))),
               f7="EC^Emergency Contact^HL70131" if g.chance(0.6) else "")


def in1_(g, pt, insured=None, rel="SEL"):
    payer = g.pick(PAYERS)
    ins = insured or pt
    eff = dt.date(g.today.year - g.n(0, 3), g.pick([1, 1, 7, 4]), 1)
    return seg("IN1", f1="1", f2="%s%03d^%s" % (payer[:3].upper(), g.n(1, 999), payer), f3=str(g.n(10000, 99999)),
               f4=payer, f7=g.tollfree(), f8=DC("other_id", "%s%05d" % (g.pick(["GRP", "G", ""]), g.n(100, 99999))),
               f12=DC("date", fd(eff, "hl7")), f16=ins.hl7(), f17=rel, f18=ins.dob_("hl7"),
               f36=pt.member_())


def dg1_(g, c, when, i=1):
    return seg("DG1", f1=str(i), f3=[icd(c), "^", cond_long(c), "^I10"], f5=P("date", hts(when, False)),
               f6=g.pick(["A", "W", "F"]))


def al1_(g, i=1):
    a = g.pick([("Penicillin", "Hives"), ("Sulfa drugs", "Rash"), ("Codeine", "Nausea"), ("Latex", "Swelling"),
                ("Shellfish", "Anaphylaxis"), ("Lisinopril", "Angioedema")])
    return seg("AL1", f1=str(i), f2="DA" if a[0] not in ("Latex", "Shellfish") else "MA",
               f3=["^", DC("medication", a[0]) if a[0] not in ("Latex", "Shellfish") else a[0]],
               f4=g.pick(["SV", "MO", "MI"]), f5=DC("condition", a[1]))


def obx_lines(g, when, k, start=1):
    out = []
    for i, lab in enumerate(g.sample(LABS, k)):
        code, nm, unit, rng_, (lo, hi) = lab
        v = g.r.uniform(lo, hi)
        val = ("%.1f" % v) if hi < 50 else str(int(v))
        out.append(seg("OBX", f1=str(start + i), f2="NM", f3="%s^%s^LN" % (code, nm), f5=val, f6=unit, f7=rng_,
                       f8=g.pick(["N", "H", "L", "N", ""]), f11="F", f14=P("date", hts(when))))
    return out


def obr_(g, when, doc, test=None):
    test = test or g.pick(["24323-8^Comprehensive metabolic panel^LN", "58410-2^CBC panel^LN",
                           "24331-1^Lipid panel^LN", "4548-4^Hemoglobin A1c^LN", "57021-8^CBC W Auto Differential^LN"])
    return seg("OBR", f1="1", f2=DC("internal_id", "ORD%07d" % g.n(0, 9999999)),
               f3=DC("internal_id", "%d" % g.n(10 ** 8, 10 ** 9)), f4=test, f7=P("date", hts(when)),
               f16=[doc.npi_(), "^", doc.hl7()], f25="F")


def orc_(g):
    return seg("ORC", f1="RE", f2=DC("internal_id", "ORD%07d" % g.n(0, 9999999)))


def ack_(g, ctrl, code="AE", msg="Invalid value"):
    return L(R("MSH|^~\\&|{{a}}|{{f}}|{{b}}|{{c}}|{{ts}}||ACK^A01|ACK{{n}}|P|2.5.1", a=g.pick(["RHAPSODY", "MIRTH"]),
               f=g.pick(["LAB", "HIE", "DW"]), b=g.pick(HL7_APPS[:4]), c=g.fac[1], ts=DC("date", hts(g.now)),
               n=str(g.n(100000, 999999))),
             "MSA|%s|%s|%s" % (code, ctrl, msg))


# ---------------------------------------------------------------------------
# Jira helpers
# ---------------------------------------------------------------------------


def jira_head(g, key, summary, rep, asg, style=None, typ=None, comps=None, labels=None):
    style = style or g.pick("ABC")
    typ = typ or g.pick(["Bug", "Bug", "Task", "Incident", "Support Request"])
    prio = g.pick(["Highest", "High", "Medium", "Major", "Critical"])
    status = g.pick(["Open", "In Progress", "To Do", "Waiting for Vendor", "In Review"])
    created = g.now - dt.timedelta(days=g.n(1, 12), hours=g.n(0, 9))
    comps = comps or g.pick(["ADT Inbound", "Interfaces/Lab", "Results Routing", "HIE Feed", "Registration"])
    labels = labels or g.pick(["prod-issue", "hl7 adt", "go-live", "mirth", "data-quality", "p1"])
    if style == "A":
        return L(["[", key, "] ", summary],
                 "Type: %s    Status: %s    Priority: %s" % (typ, status, prio),
                 R("Reporter: {{r}}    Assignee: {{a}}", r=rep.name(), a=asg.name() if asg else "Unassigned"),
                 "Created: %s    Updated: %s" % (jira_date(created), jira_date(g.now)),
                 "Component/s: %s    Labels: %s" % (comps, labels))
    if style == "B":
        return L("Key: " + key, "Summary: " + summary, "Issue Type: " + typ, "Priority: " + prio,
                 R("Reporter: {{r}}", r=rep.name()), R("Assignee: {{a}}", a=asg.name() if asg else "Unassigned"),
                 "Created: " + created.strftime("%Y-%m-%d %H:%M"), "Status: " + status)
    return L(key, summary, "", "Details", "Type:\t" + typ, "Priority:\t" + prio, "Status:\t" + status,
             "Component/s:\t" + comps, "", "People", R("Assignee:\t{{a}}", a=asg.name() if asg else "Unassigned"),
             R("Reporter:\t{{r}}", r=rep.name()), "", "Dates", "Created:\t" + jira_date(created),
             "Updated:\t" + jira_date(g.now))


def jira_comment(g, who, body, style=None):
    style = style or g.pick("abc")
    g.tick(600, 20000)
    if style == "a":
        head = R("{{n}} added a comment - {{d}}", n=who.name(), d=jira_date(g.now))
    elif style == "b":
        head = R("*{{n}}* · {{d}}", n=who.name(), d=g.now.strftime("%d %b %Y, %H:%M"))
    else:
        head = R("{{n}} commented on {{d}}:", n=who.name(), d=g.now.strftime("%b %d, %Y %I:%M %p"))
    return L(head, body)


def code_block(g, lines, lang=None):
    st = g.pick(["{code}", "{noformat}", "```"])
    if st == "{code}" and lang:
        return L("{code:%s}" % lang, *lines, "{code}")
    return L(st, *lines, st)


# ---------------------------------------------------------------------------
# jira_hl7
# ---------------------------------------------------------------------------

@tpl("jira_hl7", "short")
def jira_hl7_pid_with_comment(g):
    pt = g.person(min_age=1, max_age=96)
    intro = g.pick(["PID from the message that failed overnight, PID-11 has the unit in the wrong component:",
                    "here's the segment - DOB is 8 digits but the engine still rejects it",
                    "Raw PID copied out of the message viewer:",
                    "Same thing again on this one (only PID pasted, rest of msg is fine)",
                    "pasting the PID so we don't have to dig through the archive again:"])
    return L(intro, pid_(g, pt, ssn=g.chance(0.3)))


@tpl("jira_hl7", "short")
def jira_hl7_pid_pv1_repro(g):
    pt = g.person(min_age=18, max_age=95)
    att = g.staff()
    adm = g.now - dt.timedelta(days=g.n(0, 6), hours=g.n(1, 20))
    return L(g.pick(["Repro msg (trimmed to PID/PV1):", "Minimal repro, only the PID and PV1 matter:",
                     "Trimmed message that reproduces it in TEST:"]),
             code_block(g, [pid_(g, pt), pv1_(g, pt, att, admit=adm)]))


@tpl("jira_hl7", "short")
def jira_hl7_error_logline(g):
    pt = g.person(min_age=2, max_age=99)
    err = g.pick([
        R("A08 rejected for MRN {{m}} ({{n}}): PID-13 '{{ph}}' failed XTN parse",
          m=pt.mrn_(), n=pt.hl7(), ph=pt.phone_("paren0")),
        R("duplicate MRN {{m}} on PID-3 for {{n}}, DOB {{d}} - message held", m=pt.mrn_(), n=pt.hl7(),
          d=pt.dob_("hl7")),
        R("PV1-19 visit {{v}} not in ADT cache (patient {{n}}, MRN {{m}})", v=pt.visit_(), n=pt.hl7(), m=pt.mrn_()),
        R("A03 ignored: no open encounter for {{n}} / {{m}}", n=pt.hl7(), m=pt.mrn_()),
    ])
    who = g.staff()
    lines = [[g.ts(), " ERROR [", g.pick(["ADT-IN-03", "adt-router-1", "pool-4-thread-2", "LabOut"]), "] ",
              g.pick(["c.h.i.AdtRouter", "com.corepoint.Route", "MirthChannel[ADT_IN]", "hl7.listener"]), " - ", err]]
    if g.chance(0.7):
        lines.insert(0, g.pick([["^ ", who.jira(), " this is the one from the 3am page"],
                                "Only error in the log for that window:", "From prod logs, node 2:"]))
    return L(*lines)


@tpl("jira_hl7", "short")
def jira_hl7_slack_oneliner(g):
    pt = g.person(min_age=30, max_age=99)
    st = g.staff()
    dis = g.today - dt.timedelta(days=g.n(0, 4))
    return R(g.pick([
        "{{at}} can you check why the A03 for {{lf}} (MRN {{m}}) didn't close visit {{v}}? Floor says discharged {{d}}.",
        "{{at}} A03 for {{lf}} / MRN {{m}} never closed {{v}} - unit confirms discharge on {{d}}, any idea?",
    ]), at=st.at(), lf=pt.LF(), m=pt.mrn_(), v=pt.visit_(), d=P("date", fd(dis, g.pick(["md", "us", "us1"]))))


@tpl("jira_hl7", "medium")
def jira_hl7_bug_adt(g):
    pt = g.person(min_age=18, max_age=97)
    rep, asg, att = g.staff(), g.staff(), g.staff()
    rel, word, code, text = relative(g, pt)
    adm = g.now - dt.timedelta(days=g.n(0, 3), hours=g.n(1, 12))
    ev = g.pick(["A04", "A01", "A08"])
    c = g.cond()
    msg = [msh_(g, "ADT^%s" % ev), evn_(g, ev), pid_(g, pt, ssn=g.chance(0.5)), nk1_(g, rel, code, text),
           pv1_(g, pt, att, admit=adm), in1_(g, pt), dg1_(g, c, adm)]
    problem = g.pick([
        ("NK1 is dropped when PV1 arrives before the NK1 in the same batch",
         "The emergency contact (NK1) never shows up in the downstream registration screen."),
        ("IN1-36 policy number truncated to 10 characters",
         "Coverage shows a truncated member id in billing, eligibility check then fails."),
        ("PID-11 second address line lost on A08",
         "Unit/apartment is dropped on update; mail comes back returned."),
        ("DG1-5 date mapped into the wrong column",
         "Diagnosis date lands in 'onset' instead of 'recorded' in the data warehouse."),
    ])
    return L(jira_head(g, g.key(), problem[0], rep, asg),
             "", "h3. Description", problem[1],
             R("Seen for {{n}} (MRN {{m}}) on the {{ev}} below, admitted {{d}}.", n=pt.name(), m=pt.mrn_(), ev=ev,
               d=P("date", fd(adm, "us"))),
             "", code_block(g, msg),
             "", "h3. Expected", g.pick(["Field stored as sent.", "Downstream gets the full value.",
                                         "Message processes without manual edit."]),
             "h3. Actual", g.pick(["Value is cut / missing, see screenshot.", "Field empty in target.",
                                   "Engine logs a warning and continues."]),
             "", "Environment: %s, engine %s" % (g.pick(["PROD", "TST2", "STAGE"]), g.version()))


@tpl("jira_hl7", "medium")
def jira_hl7_oru_results(g):
    pt = g.person(min_age=1, max_age=99)
    rep, asg, doc = g.staff(), g.staff(), g.staff()
    coll = g.now - dt.timedelta(days=g.n(0, 5), hours=g.n(1, 10))
    k = g.n(4, 9)
    msg = [msh_(g, "ORU^R01"), pid_(g, pt, addr=g.chance(0.5)), pv1_(g, pt, doc, cls="O", visit=True), orc_(g),
           obr_(g, coll, doc)] + obx_lines(g, coll, k)
    c1 = R("{{a}} I checked the filing rules - results went to the {{x}} encounter. The PV1-19 ({{v}}) was right in the message.",
           a=rep.jira(), x=g.pick(["previous", "oldest open", "ED"]), v=pt.visit_())
    c2 = R("Confirmed with the lab, specimen collected {{d}}. Moving to vendor queue.", d=P("date", fd(coll, "us")))
    return L(jira_head(g, g.key("LAB"), "ORU results filing to the wrong encounter", rep, asg, style=g.pick("AB")),
             "", "Description:",
             R("Lab results for {{n}} filed under the wrong visit. Message from {{f}}:", n=pt.lf(), f=fac_name(g)),
             code_block(g, msg), "", jira_comment(g, asg, c1), "", jira_comment(g, rep, c2))


@tpl("jira_hl7", "medium")
def jira_hl7_engine_log(g):
    pt = g.person(min_age=5, max_age=98)
    rep, asg, att = g.staff(), g.staff(), g.staff()
    ctrl = "MSG%07d" % g.n(0, 9999999)
    adm = g.now - dt.timedelta(hours=g.n(2, 30))
    ch = g.pick(["ADT_IN_EPIC", "adt-inbound", "ADT_FROM_REG", "HIE_ADT"])
    logs = []
    logs.append(logline(g, "INFO ", "[%s]" % ch, "Received message %s type ADT^A01 (%d bytes)" % (ctrl, g.n(900, 4000))))
    logs.append(logline(g, "DEBUG", "[%s]" % ch, R("PID-3={{m}} PID-5={{n}}", m=pt.mrn_(), n=pt.hl7())))
    logs.append(logline(g, "INFO ", "[%s]" % ch, "Filter 'inpatient only' passed"))
    logs.append(logline(g, "WARN ", "[%s]" % ch, "Transformer step 4 (map PV1) returned null for PV1-3.4"))
    logs.append(logline(g, "ERROR", "[%s]" % ch, "Destination 'EHR writer' failed: ORA-01400 cannot insert NULL into (\"ADT\".\"ENCOUNTER\".\"FACILITY_CD\")"))
    logs.append(logline(g, "INFO ", "[%s]" % ch, "Queued %s for retry (attempt 1/5)" % ctrl))
    return L(jira_head(g, g.key(), "A01 fails at EHR writer: FACILITY_CD null", rep, asg),
             "", "Steps to reproduce:", "1. Send the A01 below to %s" % ch, "2. Watch the channel log",
             "", "Message:", code_block(g, [msh_(g, "ADT^A01", ctrl=ctrl), evn_(g, "A01"), pid_(g, pt),
                                            pv1_(g, pt, att, cls="I", admit=adm)]),
             "", "Log:", code_block(g, logs),
             "", R("Workaround: ops re-keyed the facility by hand for {{n}}.", n=pt.name()) if g.chance(0.6) else
             "Workaround: none yet, messages are piling up in the retry queue.")


@tpl("jira_hl7", "medium")
def jira_hl7_field_mapping(g):
    pt = g.person(min_age=60, max_age=99)
    rel, word, code, text = relative(g, pt)
    rep, asg = g.staff(), g.staff()
    rows = [
        ("PID-3", pt.mrn_(), pt.mrn_(), "OK"),
        ("PID-5", pt.hl7(), pt.lf(), "OK"),
        ("PID-7", pt.dob_("hl7"), pt.dob_("iso"), "OK"),
        ("PID-11.1", pt.street_(True), pt.street_(), "OK"),
        ("PID-11.3", pt.city_(True), pt.city_(), "OK"),
        ("PID-11.5", P("zip_code", pt.zip5), "(empty)", "*FAIL*"),
        ("PID-13", pt.phone_("paren0"), pt.phone_("dash"), "OK"),
        ("NK1-2", rel.hl7(), rel.lf(), "OK"),
        ("NK1-3", code, text, "OK"),
        ("NK1-5", rel.phone_("dash"), "(empty)", "*FAIL*"),
        ("IN1-36", pt.member_(), pt.member_(), "OK"),
    ]
    if pt.age() >= 65:
        rows.append(("PID-3 (MBI)", pt.mbi_(), pt.mbi_(), "OK"))
    tbl = ["||Field||Inbound value||Stored value||Result||"]
    for f, a, b, r_ in rows:
        tbl.append(R("|{{f}}|{{a}}|{{b}}|{{r}}|", f=f, a=a, b=b, r=r_))
    return L(jira_head(g, g.key(), "Mapping check: ZIP and NK1 phone not stored", rep, asg, style="B"),
             "", R("{{a}} mapping walk-through for one of the affected registrations (A04, {{f}}):", a=asg.jira(),
                   f=fac_name(g)),
             "", *tbl, "",
             "Both failures are on fields after a repeating component. Suspect the ~ handling in the PID-11 parser.")


@tpl("jira_hl7", "long")
def jira_hl7_full_issue(g):
    pt = g.person(min_age=18, max_age=101)
    rel, word, code, text = relative(g, pt)
    rep, asg, att, ops = g.staff(), g.staff(), g.staff(), g.staff()
    key = g.key()
    adm = g.now - dt.timedelta(days=g.n(1, 5), hours=g.n(1, 12))
    c = g.cond()
    ctrl = "%07d" % g.n(0, 9999999)
    ch = g.pick(["ADT_IN", "ADT-EPIC-IN", "ADT_HIE_OUT"])
    msg = [msh_(g, "ADT^A08", ctrl=ctrl), evn_(g, "A08"), pid_(g, pt, ssn=True), nk1_(g, rel, code, text),
           pv1_(g, pt, att, admit=adm), in1_(g, pt), dg1_(g, c, adm), al1_(g)]
    out = [jira_head(g, key, "A08 updates overwrite NK1 with the patient's own phone", rep, asg, style="C"),
           "", "Description", "",
           R("Since the {{v}} upgrade on the engine, every A08 for an inpatient copies PID-13 into NK1-5. "
             "Found while the unit was trying to reach the patient's {{w}}.", v=g.version(), w=word),
           "",
           R("Example patient: {{n}}, MRN {{m}}, admitted {{d}} to {{f}}.", n=pt.name(), m=pt.mrn_(),
             d=P("date", fd(adm, "long")), f=fac_name(g)),
           R("Their {{w}} {{rn}} should be reachable at {{rp}}, but the chart shows {{pp}} for both.", w=word,
             rn=rel.name(), rp=rel.phone_("dash"), pp=pt.phone_("dash")),
           "", "Steps to reproduce", "1. Register patient in TST with an NK1 phone",
           "2. Send an A08 with only PID-13 changed", "3. Look at NK1-5 in the outbound message", "",
           "Original message (from the archive):", code_block(g, msg), ""]
    # engine log
    logs = []
    tv, dest = g.version(), "%s:%d" % (g.ip_private(), g.pick([6661, 7001, 5000, 2575]))
    for i in range(g.n(10, 24)):
        lvl, m = g.pick([
            ("INFO ", "Received ADT^A08 control id %07d" % g.n(0, 9999999)),
            ("DEBUG", "Applying transformer 'NK1 defaults' v%s" % tv),
            ("DEBUG", "NK1 repetition count=%d" % g.n(0, 2)),
            ("WARN ", "NK1-5 empty, falling back to PID-13"),
            ("INFO ", "Sent to destination 'Registration' in %d ms" % g.n(5, 400)),
            ("DEBUG", "ACK AA received from %s" % dest),
            ("INFO ", "Heartbeat ok, queue depth %d" % g.n(0, 80)),
        ])
        logs.append(logline(g, lvl, "[%s]" % ch, m))
    out += ["Engine log around the message:", code_block(g, logs), ""]
    out += ["Activity", ""]
    comments = [
        (asg, R("Reproduced in TST. The transformer falls back to PID-13 when NK1-5 is blank, but our parser "
                "reads the XTN from the wrong component when the area code is split ({{a}}).", a=rep.jira())),
        (ops, R("Paging the floor: the {{w}} ({{rn}}) came in person and gave {{rp}} again. "
                "Updated manually in the chart for {{n}}.", w=word, rn=rel.first(), rp=rel.cell_("paren"), n=pt.lf())),
        (rep, L("Other affected registrations from the last 48h (from the audit query):",
                *[R("- MRN {{m}} / {{n}}", m=p.mrn_(), n=p.hl7()) for p in [g.person(min_age=20, max_age=90) for _ in range(g.n(3, 7))]])),
        (asg, L("Fix is in the transformer, PR linked. Test message replayed:",
                code_block(g, [ack_(g, ctrl, "AA", "Message accepted")]))),
        (att, R("Thanks - for the record the patient was discharged {{d}}, family contact details confirmed.",
                d=P("date", fd(g.today - dt.timedelta(days=g.n(0, 2)), "us")))),
        (ops, "Deployed to PROD in the %s window, CHG%07d. Monitoring." % (g.pick(["Tuesday", "Thursday"]), g.n(0, 9999999))),
    ]
    for who, body in comments[:g.n(4, 6)]:
        out += [jira_comment(g, who, body), ""]
    return L(*out)


@tpl("jira_hl7", "long")
def jira_hl7_batch_replay(g):
    rep, asg = g.staff(), g.staff()
    n = g.n(5, 9)
    pts = [g.person(min_age=0, max_age=98) for _ in range(n)]
    atts = [g.staff() for _ in range(2)]
    key = g.key()
    out = [jira_head(g, key, "Replay of ADT batch after the %s outage" % g.pick(["Sunday", "weekend", "night"]),
                     rep, asg, style="A"), "",
           "Batch file pulled from the SFTP drop, replaying into TST before PROD. Content below (trimmed to %d messages):" % n, "",
           g.pick(["{noformat}", "```"])]
    fence = out[-1]
    out.append("FHS|^~\\&|%s|%s|||%s" % (g.pick(HL7_APPS[:4]), g.fac[1], g.ts(fmt="hl7")))
    out.append("BHS|^~\\&|%s|%s|||%s" % (g.pick(HL7_APPS[:4]), g.fac[1], g.ts(fmt="hl7")))
    for p in pts:
        ev = g.pick(["A04", "A08", "A01", "A03"])
        adm = g.now - dt.timedelta(days=g.n(0, 7), hours=g.n(1, 20))
        out += [msh_(g, "ADT^%s" % ev), evn_(g, ev), pid_(g, p), pv1_(g, p, g.pick(atts), admit=adm,
                                                                   disch=(adm + dt.timedelta(days=g.n(1, 4))) if ev == "A03" else None)]
        if g.chance(0.4):
            rel, w, code, text = relative(g, p)
            out.append(nk1_(g, rel, code, text))
    out += ["BTS|%d" % n, "FTS|1", fence, "", "Replay result:", fence]
    g.tick(300, 900)
    for i, p in enumerate(pts):
        ok = g.chance(0.7)
        out.append(logline(g, "INFO " if ok else "ERROR", "[replay]",
                           R("msg {{i}}/{{n}} MRN {{m}} -> {{r}}", i=str(i + 1), n=str(n), m=p.mrn_(),
                             r="AA" if ok else g.pick(["AE duplicate visit", "AR unknown location", "AE PID-7 invalid"]))))
    out += [fence, ""]
    for who, body in [(asg, "Two failures are the same visit sent twice; the third is a location code retired last month."),
                      (rep, R("OK to replay the rest in PROD. {{p}} please skip the duplicates.", p=asg.at())),
                      (asg, "Done, %d accepted. Closing after the 24h check." % n)]:
        out += [jira_comment(g, who, body), ""]
    return L(*out)


@tpl("jira_hl7", "long")
def jira_hl7_merge_incident(g):
    rep, asg, him, mgr = g.staff(), g.staff(), g.staff(), g.staff()
    pt = g.person(min_age=20, max_age=99)
    # the duplicate registration: same person, different MRN
    old_mrn = g.mrn()
    adm = g.now - dt.timedelta(days=g.n(1, 4), hours=g.n(1, 8))
    key = g.key("EHR")
    g.now = g.now - dt.timedelta(hours=10)
    out = [jira_head(g, key, "Incident: A40 merge moved results to the wrong chart", rep, asg, style="B",
                     typ="Incident"), "",
           "*Summary*",
           R("An A40 from registration merged MRN {{o}} into {{m}} ({{n}}). The surviving record was correct, but "
             "the lab system applied the merge the other way round and {{k}} results now show under the retired MRN.",
             o=P("mrn", old_mrn), m=pt.mrn_(), n=pt.hl7(), k=str(g.n(3, 30))),
           "", "*Impact*", "- 1 patient chart, results not visible to the care team for ~%d hours" % g.n(2, 9),
           "- no wrong-patient results (HIM confirmed)", "", "*Timeline*"]
    a40 = None
    for item in ["registration creates duplicate at ED triage", "HIM requests merge", "A40 sent by EHR",
                 "lab system processes A40", "nurse reports missing results", "interface team paged",
                 "root cause found (MRG-1 vs PID-3 swapped in lab mapping)", "manual fix applied by lab admin",
                 "results visible again"]:
        g.tick(300, 3600)
        out.append("- %s %s" % (g.now.strftime("%H:%M"), item))
        if item.startswith("A40 sent"):
            a40 = g.now
    end = g.now
    g.now = a40
    out += ["", "*The merge message*", code_block(g, [
        msh_(g, "ADT^A40"), evn_(g, "A40"), pid_(g, pt, ssn=g.chance(0.5)),
        seg("MRG", f1=[P("mrn", old_mrn), "^^^", g.fac[1], "^MR"], f3=P("account_number", g.account())),
        pv1_(g, pt, g.staff(), admit=adm)]), "",
        "*Lab engine log*"]
    logs = []
    for i in range(g.n(14, 30)):
        lvl, m = g.pick([
            ("INFO ", "A40 received, merging"),
            ("DEBUG", R("source MRN={{o}} target MRN={{m}}", o=P("mrn", old_mrn), m=pt.mrn_())),
            ("DEBUG", "moving result set %d" % g.n(100000, 999999)),
            ("INFO ", "merge complete in %d ms" % g.n(50, 900)),
            ("DEBUG", "cache refresh for patient index node %s" % g.ip_private()),
            ("WARN ", "result %d already linked, skipping" % g.n(100000, 999999)),
            ("INFO ", "heartbeat"),
        ])
        logs.append(logline(g, lvl, "[LAB-ADT]", m))
    out += [code_block(g, logs), ""]
    g.now = max(g.now, end)
    comments = [
        (him, R("HIM here. Confirmed identity with the patient at bedside: {{n}}, DOB {{d}}. The surviving MRN is {{m}}.",
                n=pt.name(), d=pt.dob_("us"), m=pt.mrn_())),
        (asg, "Lab mapping takes MRG-1 as the survivor. Fixed in the channel, will add a test with a real A40 shape."),
        (mgr, R("Thanks all. {{a}} please add this to the Friday review; no patient notification needed per compliance.",
                a=rep.at())),
        (rep, "Postmortem doc drafted, linked under Confluence > Interfaces > Incidents."),
    ]
    for who, body in comments:
        out += [jira_comment(g, who, body), ""]
    return L(*out)


# ---------------------------------------------------------------------------
# table cells shared by Confluence pages and CSV exports
# ---------------------------------------------------------------------------

STATUS_WORDS = ["scheduled", "left VM", "reached", "no answer", "declined", "done", "pending", "needs interpreter",
                "wrong number", "callback requested", "transport arranged", "seen"]
NEXT_STEPS = ["PCP f/u 7 days", "labs in 1 wk", "cardiology referral", "home health eval", "med rec call",
              "wound check", "repeat CXR 6 wks", "PT/OT", "social work", "dietitian", "no action"]
LANG_WORDS = ["English", "Spanish", "Vietnamese", "Cantonese", "Haitian Creole", "Portuguese", "Arabic", "Russian",
              "Somali", "Nepali", "Korean", "Amharic"]


class Row:
    def __init__(self, g, pt, staff):
        self.pt = pt
        self.admit = g.today - dt.timedelta(days=g.n(3, 40))
        self.disch = self.admit + dt.timedelta(days=g.n(1, 9))
        if self.disch > g.today:
            self.disch = g.today
        self.svc = g.today - dt.timedelta(days=g.n(0, 60))
        self.cond = g.cond()
        self.owner = g.pick(staff) if staff else None
        self.call = g.today - dt.timedelta(days=g.n(0, 5))


def cell(g, row, col, ds):
    pt = row.pt
    c = col.lower()
    if c in ("patient", "name", "patient name", "pt"):
        return pt.disp() if c == "patient name" else pt.name()
    if c in ("last, first", "name (last, first)"):
        return pt.lf()
    if c == "last":
        return pt.last()
    if c == "first":
        return pt.first()
    if c in ("dob", "date of birth", "birth date"):
        return pt.dob_(ds)
    if c == "age":
        return pt.age_()
    if c == "sex":
        return pt.sex
    if c in ("mrn", "mrn#", "med rec #"):
        return pt.mrn_()
    if c in ("phone", "home phone", "best phone", "contact #"):
        return pt.phone_()
    if c in ("cell", "mobile"):
        return pt.cell_()
    if c == "email":
        return pt.email_()
    if c == "address":
        return pt.addr1()
    if c == "street":
        return [pt.street_()] + ([" ", pt.unit_()] if pt.unit else [])
    if c == "city":
        return pt.city_()
    if c in ("state", "st"):
        return pt.state_()
    if c in ("zip", "zip code"):
        return pt.zip_()
    if c in ("member id", "member #", "subscriber id", "policy #"):
        return pt.member_()
    if c == "mbi":
        return pt.mbi_()
    if c in ("ssn", "ssn#"):
        return pt.ssn_()
    if c in ("account", "acct #", "hospital account"):
        return pt.acct_()
    if c in ("visit", "visit #", "csn", "encounter"):
        return pt.visit_()
    if c in ("admitted", "admit date", "admit"):
        return P("date", fd(row.admit, ds))
    if c in ("discharged", "discharge date", "d/c date", "d/c"):
        return P("date", fd(row.disch, ds))
    if c in ("visit date", "dos", "appt", "seen"):
        return P("date", fd(row.svc, ds))
    if c in ("dx", "diagnosis", "reason"):
        return cond_short(row.cond)
    if c in ("icd-10", "icd10", "dx code"):
        return icd(row.cond)
    if c in ("owner", "pcp", "provider", "caller", "rn", "assigned to", "navigator"):
        return row.owner.name() if row.owner else ""
    if c == "status":
        return g.pick(STATUS_WORDS)
    if c in ("next step", "plan", "follow-up"):
        return g.pick(NEXT_STEPS)
    if c in ("last call", "called", "last contact"):
        return DC("date", fd(row.call, "md"))
    if c == "language":
        return g.pick(LANG_WORDS)
    if c == "unit":
        return g.pick(["4W", "5N", "MICU", "Tele", "OBS", "3S", "Ortho"])
    if c == "notes":
        return g.pick(["", "", "prefers text", "daughter manages appts", "hard of hearing", "needs ride",
                       "interpreter needed", "moved - update address", "VM full", "ok to leave msg"])
    raise KeyError(col)


def rows_for(g, n, staff, min_age=18, max_age=99):
    return [Row(g, g.person(min_age=min_age, max_age=max_age), staff) for _ in range(n)]


def wiki_table(g, cols, rows, ds):
    out = ["||" + "||".join(cols) + "||"]
    for r in rows:
        out.append(["|"] + J("|", [cell(g, r, c, ds) or " " for c in cols]) + ["|"])
    return out


def md_table(g, cols, rows, ds):
    out = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for r in rows:
        out.append(["| "] + J(" | ", [cell(g, r, c, ds) for c in cols]) + [" |"])
    return out


def tsv_table(g, cols, rows, ds, sep="\t"):
    out = [sep.join(cols)]
    for r in rows:
        out.append(J(sep, [cell(g, r, c, ds) for c in cols]))
    return out


def conf_meta(g, author, editor=None):
    created = g.today - dt.timedelta(days=g.n(10, 200))
    edited = g.today - dt.timedelta(days=g.n(0, 9))
    return g.pick([
        R("Created by {{a}}, last modified by {{e}} on {{d}}", a=author.name(), e=(editor or author).name(),
          d=fd(edited, "abbr")),
        R("Owned by {{a}} · Last updated: {{d}} · {{m}} min read", a=author.name(), d=fd(edited, "abbr"),
          m=str(g.n(2, 9))),
        R("{{a}} · Created {{c}} · Edited {{d}}", a=author.name(), c=fd(created, "abbr"), d=fd(edited, "abbr")),
    ])


def breadcrumb(g):
    return g.pick(["Pages / Care Management / Transitions of Care", "Spaces / Clinical Ops / Follow-up lists",
                   "Pages / Population Health / Outreach", "Space: Nursing Informatics / Unit pages",
                   "Pages / Integration / UAT / Test patients"])


# ---------------------------------------------------------------------------
# confluence_patient_table
# ---------------------------------------------------------------------------

@tpl("confluence_patient_table", "short")
def conf_wiki_one_row(g):
    st = [g.staff("rn")]
    cols = g.pick([["Patient", "DOB", "MRN", "Follow-up", "Owner"], ["Name (Last, First)", "MRN", "D/C date", "Phone"],
                   ["Patient", "Age", "MRN", "Dx", "Next step"]])
    rows = rows_for(g, g.n(1, 2), st, min_age=40, max_age=101)
    head = g.pick(["h3. Still open", "h2. Escalations this week", "", "*Carried over from last huddle*"])
    return L(head, *wiki_table(g, cols, rows, g.pick(["us", "us1", "iso"])))


@tpl("confluence_patient_table", "short")
def conf_md_rows(g):
    st = [g.staff("rn"), g.staff("np")]
    cols = g.pick([["Patient", "DOB", "Phone", "Status"], ["Last, First", "MRN", "Visit date", "Provider"],
                   ["Patient", "MRN", "Admitted", "Unit"]])
    rows = rows_for(g, g.n(1, 3), st)
    return L(*md_table(g, cols, rows, g.pick(["us", "iso", "abbr"])))


@tpl("confluence_patient_table", "short")
def conf_test_patient_line(g):
    pt = g.person(min_age=25, max_age=90)
    return g.pick([
        R("Pilot patient for the scheduling fix: {{n}}, MRN {{m}}, DOB {{d}}, cell {{c}} (consented, see chart).",
          n=pt.name(), m=pt.mrn_(), d=pt.dob_("us"), c=pt.cell_("dash")),
        L("*Escalation contact*",
          R("{{n}} - MRN {{m}} - {{p}} - prefers email {{e}}", n=pt.disp_both(), m=pt.mrn_(), p=pt.phone_("paren"),
            e=pt.email_())),
    ])


@tpl("confluence_patient_table", "short")
def conf_excel_paste(g):
    st = [g.staff("rn")]
    cols = g.pick([["MRN", "Last", "First", "DOB", "Cell"], ["Patient", "DOB", "Member ID", "Visit date"],
                   ["Last, First", "Age", "Discharged", "Next step"]])
    rows = rows_for(g, g.n(2, 4), st, max_age=100)
    return L(*tsv_table(g, cols, rows, g.pick(["us1", "us"])))


@tpl("confluence_patient_table", "medium")
def conf_followup_tracker(g):
    author, editor = g.staff("rn"), g.staff("rn")
    st = [g.staff("rn"), g.staff("np"), g.staff("rn")]
    cols = g.pick([["Patient", "DOB", "MRN", "Phone", "Discharged", "Next step", "Owner"],
                   ["Name (Last, First)", "MRN", "Admitted", "Discharged", "Dx", "Caller", "Status"],
                   ["Patient", "Age", "MRN", "D/C date", "Best phone", "Owner", "Notes"]])
    n = g.n(8, 14)
    rows = rows_for(g, n, st, min_age=50, max_age=102)
    return L(breadcrumb(g), "", g.pick(["Post-discharge follow-up calls", "48h call-back list",
                                        "Readmission risk - call list"]) + " - week of " + fd(g.today, "abbr"),
             conf_meta(g, author, editor), "",
             R("Calls are due within 48h of discharge. Update Status after each attempt; escalate to {{a}} after two "
               "failed attempts.", a=st[1].name()),
             "", *wiki_table(g, cols, rows, g.pick(["us", "us1"])), "",
             "{info}Do not export this page. Use the Epic worklist for anything older than 30 days.{info}")


@tpl("confluence_patient_table", "medium")
def conf_pilot_md(g):
    author = g.staff("md")
    st = [g.staff("rn"), g.staff("np")]
    cols = ["Patient", "Age", "MRN", "Visit date", "Dx", "Navigator"]
    rows = rows_for(g, g.n(8, 13), st, min_age=65, max_age=103)
    return L("# Remote BP monitoring pilot - enrolled patients", "",
             conf_meta(g, author), "",
             "## Enrolled", "", *md_table(g, cols, rows, g.pick(["iso", "us"])), "",
             "## Notes",
             R("- Cuffs shipped from the {{f}} pharmacy; serials are tracked in the device sheet.", f=fac_name(g)),
             "- Navigator calls weekly for the first month.")


@tpl("confluence_patient_table", "medium")
def conf_html_table(g):
    st = [g.staff("rn"), g.staff("md")]
    cols = g.pick([["Patient", "DOB", "MRN", "Admitted", "Unit", "RN"], ["Last, First", "MRN", "Member ID", "Visit date", "Provider"]])
    rows = rows_for(g, g.n(5, 9), st)
    ds = g.pick(["us", "iso"])
    out = ['<h2>%s</h2>' % g.pick(["Census snapshot", "Observation patients > 24h", "Transfers pending"]),
           '<p>Exported from the unit board at %s. Refresh before rounds.</p>' % g.now.strftime("%H:%M"),
           '<table class="confluenceTable"><tbody>',
           "<tr>" + "".join('<th class="confluenceTh">%s</th>' % c for c in cols) + "</tr>"]
    for r in rows:
        out.append(["<tr>"] + [['<td class="confluenceTd">', cell(g, r, c, ds), "</td>"] for c in cols] + ["</tr>"])
    out += ["</tbody></table>"]
    return L(*out)


@tpl("confluence_patient_table", "medium")
def conf_outreach_contacts(g):
    author = g.staff("rn")
    st = [g.staff("rn"), g.staff("rn"), g.staff("np")]
    cols = g.pick([["Patient", "Phone", "Email", "Language", "Last contact", "Caller"],
                   ["Name (Last, First)", "Cell", "Address", "Language", "Caller", "Status"]])
    rows = rows_for(g, g.n(8, 12), st)
    return L(g.pick(["Flu clinic outreach - no-shows", "Colorectal screening outreach, batch %d" % g.n(2, 9),
                     "Care gap outreach (A1c overdue)"]),
             conf_meta(g, author), "",
             "Call script is on the child page. Log every attempt here so we don't double-call.", "",
             *wiki_table(g, cols, rows, "us"), "",
             R("Questions to {{a}} or the outreach channel.", a=st[2].at()))


@tpl("confluence_patient_table", "long")
def conf_discharge_tracker_long(g):
    author, editor = g.staff("rn"), g.staff("rn")
    st = [g.staff("rn") for _ in range(4)] + [g.staff("np")]
    cols = g.pick([["#", "Patient", "DOB", "MRN", "Discharged", "Dx", "Best phone", "Owner", "Status"],
                   ["#", "Name (Last, First)", "Age", "MRN", "D/C date", "Next step", "Caller", "Status"]])
    n = g.n(30, 40)
    rows = rows_for(g, n, st, min_age=45, max_age=103)
    ds = g.pick(["us", "us1"])
    tbl = ["||" + "||".join(cols) + "||"]
    for i, r in enumerate(rows):
        tbl.append(["|"] + J("|", [str(i + 1) if c == "#" else (cell(g, r, c, ds) or " ") for c in cols]) + ["|"])
    out = [breadcrumb(g), "", "Transitions of care - discharge call tracker (%s)" % MONTHS[g.today.month - 1],
           conf_meta(g, author, editor), "",
           "{panel:title=How to use this page}",
           "* One row per discharge from the medicine units.",
           "* First call within 2 business days. Second call day 5.",
           R("* Escalate clinical concerns to the on-call NP ({{n}}).", n=st[4].name()),
           "* Rows older than 30 days move to the archive page.",
           "{panel}", "", "h2. Status values", "",
           "* *scheduled* - follow-up appointment booked",
           "* *reached* - spoke with patient or caregiver, no issues",
           "* *left VM* - voicemail left, retry next business day",
           "* *declined* - patient declined the call program",
           "", "h2. Open", ""] + tbl
    out += ["", "h2. Notes from huddle", ""]
    for r in g.sample(rows, 3):
        out.append(R("* {{n}}: {{x}}", n=r.pt.name(), x=g.pick(["pharmacy could not fill, resent", "family asked for a call "
                                                               "before noon", "readmitted, removed from list",
                                                               "transport booked for f/u", "needs Spanish interpreter"])))
    out += ["", "h2. Comments", ""]
    for who in g.sample(st, 2):
        g.tick(3600, 40000)
        out += [R("{{n}} - {{d}}", n=who.name(), d=g.now.strftime("%b %d, %Y")),
                g.pick(["Cleared my rows through row 12.", "Left VMs for the rest, will retry tomorrow AM.",
                        "Moved the readmits to the other page.", "Added two from the weekend."]), ""]
    return L(*out)


@tpl("confluence_patient_table", "long")
def conf_md_roster_long(g):
    author = g.staff("md")
    st = [g.staff("rn") for _ in range(3)] + [g.staff("md"), g.staff("np")]
    units = g.sample(["4 West", "5 North", "MICU", "Telemetry", "Observation", "3 South", "Ortho"], 4)
    ds = g.pick(["iso", "us"])
    cols = g.pick([["Patient", "Age", "MRN", "Admitted", "Dx", "Attending"],
                   ["Last, First", "DOB", "MRN", "Admitted", "ICD-10", "Plan"]])
    cols = ["Provider" if c == "Attending" else c for c in cols]
    out = ["# Hospital medicine census - %s" % fd(g.today, "long"), "", conf_meta(g, author), "",
           "> Internal working list for the handoff huddle. Source: ADT census at 06:00.", ""]
    for u in units:
        rows = rows_for(g, g.n(8, 11), st, min_age=18, max_age=103)
        out += ["## %s" % u, ""] + md_table(g, cols, rows, ds) + [""]
        out.append(g.pick(["Charge RN notes: two pending transfers.", "No isolation changes.",
                           "Bed 12 closed for maintenance.", "Expected discharges before noon: 3."]))
        out.append("")
    out += ["## Handoff reminders", "", "- Update code status in the chart, not here.",
            "- Remove patients from this page at discharge."]
    return L(*out)


@tpl("confluence_patient_table", "long")
def conf_tsv_dump_long(g):
    author = g.staff("rn")
    st = [g.staff("rn") for _ in range(3)]
    cols = g.pick([["MRN", "Last", "First", "DOB", "Phone", "Street", "City", "ZIP", "Language"],
                   ["Patient", "DOB", "Member ID", "MBI", "Visit date", "Dx", "Navigator"],
                   ["Med rec #", "Last, First", "Age", "Cell", "Email", "Last contact", "Status"]])
    n = g.n(40, 50)
    rows = rows_for(g, n, st, min_age=66, max_age=99)
    out = [g.pick(["Outreach sheet (pasted from Excel)", "Annual wellness visit list - pasted from the report",
                   "Home visit roster"]),
           conf_meta(g, author), "",
           "Pasted from the shared drive on %s. Columns as exported; do not re-sort, the callers work top down." %
           fd(g.today, "abbr"), "",
           "h3. Before you call", "",
           "# Check the chart for a newer phone number first.",
           "# Verify two identifiers before discussing anything.",
           "# Mark *wrong number* rows so the data team can fix the source.",
           "# Do not leave results on voicemail.", "",
           "h3. Sheet", ""]
    out += tsv_table(g, cols, rows, g.pick(["us1", "us"]))
    out += ["", "Page comments:", ""]
    for who in st[:2]:
        g.tick(2000, 30000)
        out += [R("{{n}} · {{d}}", n=who.name(), d=g.now.strftime("%d %b %Y")),
                g.pick(["Rows 1-15 done.", "Several numbers are wrong in the source, fixing in Epic first.",
                        "Please add the interpreter column back."])]
    return L(*out)


# ---------------------------------------------------------------------------
# support_ticket
# ---------------------------------------------------------------------------


def kin_word(word, sex):
    """what the requester calls the patient, given the requester's relation to the patient"""
    m = {"daughter": ("father", "mother"), "son": ("father", "mother"), "wife": ("husband", "husband"),
         "husband": ("wife", "wife"), "mother": ("son", "daughter"), "father": ("son", "daughter"),
         "sister": ("brother", "sister"), "brother": ("brother", "sister"), "niece": ("uncle", "aunt"),
         "grandson": ("grandfather", "grandmother"), "partner": ("partner", "partner")}[word]
    return m[0] if sex == "M" else m[1]


def portal_url(g):
    return P("url", "https://%s/%s" % (g.pick(["portal.", "mychart.", "my."]) + g.fac[2],
                                       g.pick(["patient/%d/messages", "account/%d/billing", "p/%d/profile",
                                               "mychart/patients/%d"]) % g.n(100000, 9999999)))


def ticket_date(g, d=None):
    return DC("date", fd(d or g.today - dt.timedelta(days=g.n(0, 4)), g.pick(["md", "us", "us1"])))


@tpl("support_ticket", "short")
def ticket_slack_oneliner(g):
    pt = g.person(min_age=20, max_age=97)
    return g.pick([
        R("pt {{n}} DOB {{d}} can't get into the portal, says reset link goes to {{e}} which she no longer has - acct {{a}}",
          n=pt.name(), d=pt.dob_("us1"), e=pt.email_(), a=pt.acct_()),
        R("anyone know why {{n}} ({{m}}) got two statements for the same visit? {{he}}'s on the line, cb {{p}}",
          n=pt.lf(), m=pt.mrn_(), he=pt.he(), p=pt.phone_("dash")),
        R("caller {{n}} dob {{d}} says {{his}} member id {{i}} isn't on file and the clinic is turning {{him}} away",
          n=pt.name(), d=pt.dob_("us"), i=pt.member_(), his=pt.his(), him="him" if pt.sex == "M" else "her"),
        R("valet desk: car for {{n}} (rm {{r}}) is a {{c}}, plate {{p}}, keys are at security - family picking it up",
          n=pt.name(), r=str(g.n(200, 899)), c=g.pick(["gray Camry", "white RAV4", "blue F-150", "silver Civic"]),
          p=P("vehicle_id", g.plate())),
    ])


@tpl("support_ticket", "short")
def ticket_subject_body(g):
    pt = g.person(min_age=20, max_age=85)
    k = g.n(0, 3)
    subj = ["Can't see my test results", "Wrong address on my bill", "Appointment reminder texts", "Portal locked"][k]
    body = [
        R("Hi, I'm {{n}} (DOB {{d}}). The portal says my results are ready but the page is blank.\nCan someone call me at {{p}}?",
          n=pt.name(), d=pt.dob_("us"), p=pt.cell_()),
        R("My statement still goes to the old address. New one is {{a}}.\nAccount {{c}}. Thanks, {{f}}",
          a=pt.addr1(), c=pt.acct_(), f=pt.first()),
        R("I keep getting reminders for someone else's appointments on {{p}}.\nPlease take my number off. - {{n}}",
          p=pt.cell_(), n=pt.name()),
        R("Locked out after 3 tries. Email on file is {{e}}, DOB {{d}}.\n{{n}}", e=pt.email_(), d=pt.dob_("us1"),
          n=pt.name()),
    ][k]
    return L("Subject: " + subj, body)


@tpl("support_ticket", "short")
def ticket_chat_snippet(g):
    pt = g.person(min_age=20, max_age=90)
    ag = g.staff("")
    t = g.now
    def ts():
        g.tick(10, 90)
        return "[%s]" % g.now.strftime("%H:%M")
    return L(R("{{t}} {{a}}: Thanks for waiting! Can I have your full name and date of birth?", t=ts(), a=ag.first()),
             R("{{t}} Visitor: {{n}}, {{d}}", t=ts(), n=pt.name(), d=pt.dob_(g.pick(["us", "long", "us1"]))),
             R("{{t}} Visitor: member id is {{i}} if that helps", t=ts(), i=pt.member_()),
             R("{{t}} {{a}}: Got it, I see your account. One moment.", t=ts(), a=ag.first()))


@tpl("support_ticket", "short")
def ticket_callback_note(g):
    pt = g.person(min_age=25, max_age=99)
    ag = g.staff("")
    return L(R("Callback requested - {{n}}, {{p}}, re: statement for acct {{a}}. Best time after 3pm.",
               n=pt.name(), p=pt.phone_(), a=pt.acct_()),
             R("Taken by {{s}} {{d}}", s=ag.name(), d=ticket_date(g)))


@tpl("support_ticket", "medium")
def ticket_zendesk(g):
    pt = g.person(min_age=20, max_age=95)
    ag, lead = g.staff(""), g.staff("")
    num = g.n(10000, 999999)
    subj = g.pick(["Billed for a visit I cancelled", "Need my immunization record", "Insurance not applied"])
    svc = g.today - dt.timedelta(days=g.n(10, 60))
    out = ["#%d %s" % (num, subj),
           R("Requester: {{n}} <{{e}}>", n=pt.name(), e=pt.email_()),
           "Status: %s   Priority: %s   Group: Patient Billing" % (g.pick(["Open", "Pending", "On-hold"]),
                                                                    g.pick(["Normal", "High"])),
           R("Assignee: {{a}}", a=ag.name()), "",
           R("{{n}} · {{t}}", n=pt.name(), t=g.now.strftime("%b %d, %Y %H:%M")),
           R("Hello, I was charged ${{x}} for the visit on {{d}} but my insurance ({{p}}, member id {{i}}) should "
             "have covered it. My date of birth is {{b}}.", x=money(g.n(40, 900)), d=P("date", fd(svc, "us")),
             p=g.pick(PAYERS), i=pt.member_(), b=pt.dob_("us")),
           ""]
    g.tick(3600, 20000)
    out += [R("{{a}} · {{t}}", a=ag.name(), t=g.now.strftime("%b %d, %Y %H:%M")),
            R("Hi {{f}}, thanks for reaching out. I've sent the claim back to the payer. You should see a corrected "
              "statement in 2-3 weeks.", f=pt.first()), ""]
    g.tick(3600, 20000)
    out += [R("Internal note - {{a}}", a=ag.name()),
            R("Claim {{c}} was billed with the old policy. Rebilled. {{l}} FYI in case she calls again.",
              c=P("other_id", g.claim()), l=lead.at()), ""]
    g.tick(3600, 40000)
    out += [R("{{n}} · {{t}}", n=pt.name(), t=g.now.strftime("%b %d, %Y %H:%M")),
            R("Thank you. Please call {{p}} if you need anything else.", p=pt.cell_())]
    return L(*out)


@tpl("support_ticket", "medium")
def ticket_servicenow(g):
    pt = g.person(min_age=0, max_age=99)
    caller, tech = g.staff("rn"), g.staff("")
    inc = "INC%07d" % g.n(0, 9999999)
    dev = g.pick(["Zebra ZD421 wristband printer", "label printer", "Epic workstation", "badge tap reader"])
    out = ["Number: " + inc, R("Caller: {{c}}", c=caller.name_cred()),
           "Location: %s, %s" % (g.pick(["4 West", "ED Triage", "L&D", "PACU", "Main Lab"]), g.fac[0]),
           "Category: Hardware / %s" % dev, "Impact: 2 - Medium   Urgency: 1 - High",
           R("Assignment group: Clinical Apps Support   Assigned to: {{t}}", t=tech.name()), "",
           "Short description: %s not printing for one patient" % dev, "",
           "Description:",
           R("Trying to print the wristband for {{n}} (MRN {{m}}, DOB {{d}}) at registration. Prints a blank label "
             "every time. Other patients print fine. Workstation {{w}}.", n=pt.name(), m=pt.mrn_(),
             d=pt.dob_("us"), w="WS-%s-%03d" % (g.fac[1], g.n(1, 400))), "",
           "Work notes:"]
    for body in [
        "Remoted in, driver version %s. Test label prints." % g.version(),
        R("Name on the chart contains a character the printer font cannot render ({{n}}). Escalating to Epic team.",
          n=pt.disp()),
        "Workaround: printed band from the ED printer, walked over.",
    ]:
        g.tick(600, 5400)
        out += [R("{{ts}} - {{t}} (Work notes)", ts=g.now.strftime("%Y-%m-%d %H:%M:%S"), t=tech.name()), body, ""]
    return L(*out)


@tpl("support_ticket", "medium")
def ticket_billing_card(g):
    pt = g.person(min_age=25, max_age=90)
    ag = g.staff("")
    card, brand = g.card()
    exp = "%02d/%02d" % (g.n(1, 12), g.n(27, 31))
    amt = money(g.n(25, 1500) + g.r.random())
    return L("Ticket %d - Payment not posted" % g.n(100000, 999999),
             "Channel: Phone   Queue: Patient Financial Services",
             R("Agent: {{a}}", a=ag.name()), "",
             R("Patient {{n}}, guarantor on account {{c}}, called about a payment of ${{x}} made {{d}} that is not on "
               "the statement.", n=pt.name(), c=pt.acct_(), x=amt, d=ticket_date(g)),
             R("Caller read the full card number during verification: {{k}} exp {{e}}. Please redact from this "
               "ticket once posted.", k=P("credit_card", card), e=exp),
             R("Address on card: {{a}}", a=pt.addr1()),
             R("Callback: {{p}}", p=pt.phone_()), "",
             "Next steps:", "- Research payment in the lockbox file",
             "- If found, post and send receipt", "- Redact card data (PCI)",
             "", R("-- {{a}}, PFS", a=ag.first()))


@tpl("support_ticket", "medium")
def ticket_portal_access(g):
    pt = g.person(min_age=18, max_age=95)
    ag = g.staff("")
    ip = g.ip_public()
    out = ["[%s] Portal account locked - possible takeover" % g.key("PORTAL"),
           R("Reporter: patient via contact form   Assignee: {{a}}", a=ag.name()), ""]
    out += ["Form submission:",
            R("  Name: {{n}}", n=pt.name()),
            R("  Date of birth: {{d}}", d=pt.dob_("us")),
            R("  Email: {{e}}", e=pt.email_()),
            R("  Phone: {{p}}", p=pt.cell_()),
            "  Message: I got an email that my password was changed but I didn't do it.",
            "", "Investigation:",
            R("- Account {{u}}", u=portal_url(g)),
            R("- Last successful login from {{ip}} ({{c}})", ip=P("ip_address", ip),
              c=g.pick(["Comcast", "Verizon", "Spectrum", "T-Mobile"])),
            "- %d failed logins from %s (TOR exit node) in the last 24h" % (g.n(5, 40), g.ip_public()),
            "- Password reset at %s UTC from the same node" % g.now.strftime("%Y-%m-%d %H:%M"),
            "", "Actions:", "- Locked account, reset MFA", R("- Called patient at {{p}} on {{d}}, verified identity",
                                                          p=pt.cell_(), d=ticket_date(g)),
            "- Security team notified (SEC-%d)" % g.n(100, 999)]
    return L(*out)


@tpl("support_ticket", "long")
def ticket_full_thread(g):
    pt = g.person(min_age=20, max_age=96)
    ag, ag2, sup = g.staff(""), g.staff(""), g.staff("")
    num = g.n(100000, 999999)
    svc = g.today - dt.timedelta(days=g.n(20, 80))
    c = g.cond()
    out = ["Ticket #%d" % num, "Subject: Surprise bill after ER visit", "Status: Pending    Priority: High",
           "Type: Question    Source: Email    Group: Billing Escalations",
           R("Requester: {{n}} ({{e}})", n=pt.name(), e=pt.email_()),
           R("Agent: {{a}}", a=ag.name()), "Tags: er, balance-billing, nsa", "", "-" * 60]

    def entry(who, kind, lines):
        g.tick(1800, 40000)
        return ["", R("{{w}} {{k}} - {{t}}", w=who, k=kind, t=g.now.strftime("%a, %d %b %Y at %H:%M")), ""] + lines

    out += entry(pt.name(), "wrote", [
        R("Hi, I went to your emergency room on {{d}} for {{c}} and now I have a bill for ${{x}}.", d=P("date", fd(svc, "long")),
          c=cond_short(c), x=money(g.n(800, 4000))),
        R("I have {{p}} through my job, member ID {{i}}. I was told the hospital was in network.", p=g.pick(PAYERS),
          i=pt.member_()),
        R("My account number on the bill is {{a}}.", a=pt.acct_()), "",
        R("Please call me at {{p}} or reply here.", p=pt.cell_()), "", "Thank you,", pt.name()])
    out += entry(ag.name(), "replied", [
        R("Hello {{f}},", f=pt.first()), "",
        "Thank you for contacting Patient Financial Services. I'm sorry about the confusion.",
        "I've opened a review of the charges and asked our coding team to check the visit level.",
        "You will not be sent to collections while the review is open.", "", "Best regards,", ag.name()])
    out += entry(ag.name(), "added an internal note", [
        R("Claim {{c}} denied CO-197 (no auth). ED visits don't need auth under the plan - rebill with "
          "correct place of service. CPT {{cpt}} billed.", c=P("other_id", g.claim()), cpt=cptc(g.pick(CPTS[8:9]))),
        R("{{s}} can you approve the hold?", s=sup.at())])
    out += entry(sup.name(), "added an internal note", ["Approved 60-day hold."])
    out += entry(pt.name(), "wrote", [
        "Thanks. Also, my address changed, please update it:",
        pt.addr1(),
        "", R("And my {{w}} insurance is secondary now, I can send the card. - {{f}}",
              w=g.pick(["husband's", "wife's", "partner's"]), f=pt.first())])
    out += entry(ag2.name(), "replied", [
        R("Hi {{f}}, address updated. Please upload the secondary card through the portal under Billing > "
          "Insurance, or reply with a photo.", f=pt.first()), "", ag2.name()])
    out += entry("System", "", ["Status changed from Open to Pending", "Assignee changed to %s" % "Billing Escalations",
                                R("Portal activity linked: login by {{e}} from {{ip}}", e=pt.email_(),
                                  ip=P("ip_address", g.ip_public()))])
    out += entry(ag2.name(), "added an internal note", [
        R("Secondary card received. Added coverage, rebilled. Patient balance now ${{x}}.", x=money(g.n(0, 250)))])
    out += entry(pt.name(), "wrote", ["Got the new statement. Thank you for fixing it!", "", pt.first()])
    out += entry("System", "", ["Status changed from Pending to Solved",
                                "Satisfaction survey sent to requester"])
    return L(*out)


@tpl("support_ticket", "long")
def ticket_escalation_timeline(g):
    pt = g.person(min_age=75, max_age=104)
    rel, word, code, text = relative(g, pt, 40, 75)
    ag, nurse, mgr = g.staff(""), g.staff("rn"), g.staff("")
    dis = g.today - dt.timedelta(days=g.n(2, 10))
    out = [g.key("PX") + " Escalation: home oxygen not delivered after discharge",
           "Priority: P1    Status: In Progress    Channel: Phone",
           R("Owner: {{a}}    Escalated to: {{m}}", a=ag.name(), m=mgr.name()), "",
           "== Caller verification ==",
           R("Caller: {{r}} ({{w}}, listed as POA)", r=rel.name(), w=word),
           R("Patient: {{n}}", n=pt.name_m()),
           R("DOB: {{d}}   Age: {{a}}", d=pt.dob_("us"), a=pt.age_()),
           R("MRN: {{m}}", m=pt.mrn_()),
           R("SSN last 4: {{s}}", s=DC("ssn", pt.ssn[-4:])),
           R("Address: {{a}}", a=pt.addr1()),
           R("Home phone: {{p}}   Caller cell: {{c}}", p=pt.phone_(), c=rel.cell_()),
           R("Discharged: {{d}} from {{f}}", d=P("date", fd(dis, "us")), f=fac_name(g)), "",
           "== Issue ==",
           R("Patient went home on 2 L/min O2. DME vendor says no order received. {{w}} reports sats in the high 80s "
             "on the home pulse ox.", w=word.capitalize()), "",
           "== Timeline =="]
    events = [
        (ag, "Call from %s, verified POA on file." % word),
        (ag, "Called DME vendor, no order in their system."),
        (ag, "Paged discharge planner, no answer."),
        (nurse, "Spoke with caller, advised ED if short of breath. Caller understands."),
        (nurse, "Found the order in 'pended' status. Signed by covering provider."),
        (ag, "DME vendor confirms order received, delivery window 4-8pm."),
        (ag, "Called caller back with delivery window."),
        (mgr, "Reviewed. Adding to the discharge process review."),
        (ag, "Delivery confirmed by vendor driver."),
        (nurse, "Follow-up call: patient comfortable, sats 93-94% on 2 L."),
    ]
    for who, what in events[:g.n(8, 10)]:
        g.tick(900, 6000)
        out.append(R("{{d}} {{t}}  {{w}}: {{x}}", d=DC("date", fd(g.now, "md")), t=g.now.strftime("%H:%M"),
                     w=who.name(), x=what))
    out += ["", "== Notes =="]
    for who, body in [
        (nurse, R("Home health referral re-sent to the agency; {{w}} has the intake number.", w=word)),
        (ag, R("Caller asked that all calls go to {{h}} cell {{c}}, not the home line.", h=rel.his(), c=rel.cell_())),
        (mgr, "Root cause: discharge order pended during shift change. Tracking in the monthly DME review."),
        (ag, "Survey declined."),
    ]:
        g.tick(3600, 20000)
        out += ["", R("-- {{w}}, {{t}}", w=who.name(), t=g.now.strftime("%Y-%m-%d %H:%M")), body]
    out += ["", "== Equipment ==",
            R("Concentrator: {{m}}, serial {{s}}", m=g.pick(["Inogen One G5", "Philips EverFlo", "Invacare Platinum 10"]),
              s=P("device_id", "%s-%07d" % (g.pick(["IG5", "EF", "IRC", "SN"]), g.n(0, 9999999)))),
            "Pulse oximeter: patient-owned, fingertip",
            "Delivery vendor: %s Home Medical, ticket %d" % (g.pick(["Apex", "Northstar", "Keystone", "Harbor"]), g.n(10000, 99999)),
            "", "== Related ==", "- %s (DME order interface)" % g.key("IFACE"), "- %s (discharge checklist)" % g.key("CLIN"),
            "", "== Resolution ==",
            R("Resolved {{d}}. Oxygen delivered, patient stable at home, follow-up with PCP booked.",
              d=DC("date", fd(g.now, "md"))),
            "Closure code: Resolved - Process gap", "Reopen window: 14 days", "",
            "== SLA ==", "First response: met", "Resolution: breached (by %d h)" % g.n(1, 9), "",
            "== Survey ==", "Sent to caller; declined."]
    return L(*out)


@tpl("support_ticket", "long")
def ticket_roi_request(g):
    pt = g.person(min_age=40, max_age=98)
    rel, word, code, text = relative(g, pt, 30, 70)
    roi, lead = g.staff(""), g.staff("")
    d1 = g.today - dt.timedelta(days=g.n(200, 600))
    d2 = d1 + dt.timedelta(days=g.n(2, 9))
    dl = P("license_number", "%s%07d" % (g.pick("ABDFGHKLMNPRSTW"), g.n(0, 9999999)))
    fax = P("phone", g.phone_str("dash"))
    out = ["ROI-%d  Request for medical records" % g.n(10000, 99999), "Queue: Health Information Management",
           R("Assigned: {{a}}", a=roi.name()), "Status: Waiting on requester", "",
           "--- Original request (web form) ---",
           R("Requester name: {{r}}", r=rel.name()),
           "Relationship to patient: %s" % word,
           R("Patient name: {{n}}", n=pt.name()),
           R("Patient DOB: {{d}}", d=pt.dob_("us")),
           R("Patient MRN (if known): {{m}}", m=pt.mrn_()),
           R("Dates of service requested: {{a}} - {{b}}", a=P("date", fd(d1, "us")), b=P("date", fd(d2, "us"))),
           "Records requested: Discharge summary, labs, imaging reports",
           "Purpose: Continuity of care / personal",
           R("Delivery: mail to {{a}}", a=pt.addr1()),
           R("Requester phone: {{p}}", p=rel.phone_()),
           R("Requester email: {{e}}", e=rel.email_()),
           R("ID provided: driver license {{l}}", l=dl), ""]
    thread = [
        (roi, "outbound email", [R("Hello {{r}},", r=rel.first()), "",
                                 "We received your request. Because you are not the patient, we need either a signed "
                                 "authorization from the patient or documentation that you are the personal "
                                 "representative (POA or guardianship).", "",
                                 "You can reply to this email with a scan.", "", roi.name(), "HIM Release of Information"]),
        (rel.name(), "inbound email", ["Attached is the healthcare POA. My %s is in memory care now so %s can't sign." %
                                       (kin_word(word, pt.sex), pt.he()), "",
                                       R("You can also fax to {{f}} if that's easier.", f=fax), "", rel.first()]),
        (roi, "internal note", [R("POA reviewed with {{l}} - valid, includes access to medical records.", l=lead.name()),
                                "Pulled records: %d pages. Imaging reports included, images not requested." % g.n(20, 140)]),
        (roi, "outbound email", [R("Hi {{r}},", r=rel.first()), "",
                                 R("The records for {{n}} were mailed today to the address on the request.",
                                   n=pt.name()),
                                 "", "Thank you,", roi.name()]),
        (rel.name(), "inbound email", ["Received, thank you. One page is missing from the discharge summary (page 3 of 5).",
                                       R("Could you email it to {{e}}? I'm fine with unencrypted.", e=rel.email_())]),
        (roi, "internal note", ["Policy: we do not send unencrypted. Sending via secure message portal instead.",
                                R("Created guest access for requester, link expires in 7 days.")]),
        (roi, "outbound email", [R("Hi {{r}}, I sent page 3 through our secure message system; you'll get a separate "
                                   "email with the link. - {{a}}", r=rel.first(), a=roi.first())]),
        ("System", "status change", ["Waiting on requester -> Solved"]),
    ]
    for who, kind, lines in thread:
        g.tick(3600, 90000)
        w = who.name() if isinstance(who, Staff) else who
        out += ["--- %s ---" % kind, R("From: {{w}}   {{t}}", w=w, t=g.now.strftime("%m/%d/%Y %I:%M %p"))] + lines + [""]
    out += ["--- Disclosure log ---",
            R("Disclosed to: {{r}} ({{w}}, POA)", r=rel.name(), w=word),
            "Pages: see internal note",
            R("Disclosure date: {{d}}", d=DC("date", fd(g.now, "us")))]
    return L(*out)


# ---------------------------------------------------------------------------
# JSON with spans
# ---------------------------------------------------------------------------


class JStr(list):
    """a JSON string value made of several pieces (e.g. "Patient/" + an internal id)"""


def ref(kind, rid):
    return JStr([kind + "/", DC("internal_id" if kind != "Practitioner" else "other_id", str(rid))])


def _jscalar(v):
    if isinstance(v, tuple):
        return Seg(['"', v, '"'])
    if isinstance(v, JStr):
        return Seg(['"'] + list(v) + ['"'])
    return Seg([json.dumps(v, ensure_ascii=False)])


def _is_scalar(v):
    return isinstance(v, JStr) or not isinstance(v, (dict, list))


def jp(v, ind=2, level=0, inline=False):
    """pretty JSON as a list of line Segs (first line without its own indent);
    inline=True keeps small objects of scalars on one line"""
    if isinstance(v, dict):
        if not v:
            return [Seg(["{}"])]
        if inline and len(v) <= 4 and all(_is_scalar(x) or (isinstance(x, list) and all(_is_scalar(y) for y in x))
                                          for x in v.values()):
            return [jc(v)]
        out = [Seg(["{"])]
        items = list(v.items())
        for i, (k, x) in enumerate(items):
            sub = jp(x, ind, level + 1, inline)
            lines = [Seg([" " * (ind * (level + 1)) + json.dumps(k, ensure_ascii=False) + ": "] + sub[0])] + sub[1:]
            if i < len(items) - 1:
                lines[-1] = Seg(lines[-1] + [","])
            out += lines
        out.append(Seg([" " * (ind * level) + "}"]))
        return out
    if isinstance(v, list) and not isinstance(v, JStr):
        if not v:
            return [Seg(["[]"])]
        if all(_is_scalar(x) for x in v) and len(v) <= 3:
            return [Seg(["["] + J(", ", [_jscalar(x) for x in v]) + ["]"])]
        out = [Seg(["["])]
        for i, x in enumerate(v):
            sub = jp(x, ind, level + 1, inline)
            lines = [Seg([" " * (ind * (level + 1))] + sub[0])] + sub[1:]
            if i < len(v) - 1:
                lines[-1] = Seg(lines[-1] + [","])
            out += lines
        out.append(Seg([" " * (ind * level) + "]"]))
        return out
    return [_jscalar(v)]


def jc(v, tight=False):
    """compact JSON on one line"""
    cs, ks = ("," , ":") if tight else (", ", ": ")
    if isinstance(v, dict):
        return Seg(["{"] + J(cs, [Seg([json.dumps(k, ensure_ascii=False) + ks] + jc(x, tight)) for k, x in v.items()]) + ["}"])
    if isinstance(v, list) and not isinstance(v, JStr):
        return Seg(["["] + J(cs, [jc(x, tight) for x in v]) + ["]"])
    return _jscalar(v)


ORAL_MEDS = [m for m in MEDS if " IV " not in " %s " % m[1]]


def fhir_id(g, prefix):
    return DC("internal_id", g.pick(["%s-%05d" % (prefix, g.n(1, 99999)), g.uuid(), "%d" % g.n(1000, 999999)]))


def fhir_patient(g, pt, rid=None, ssn=None, mbi=False, native=False):
    rid = rid or fhir_id(g, "pat")
    ident = [{"use": "usual", "system": "urn:oid:1.2.840.%d.1.%d" % (g.n(100000, 999999), g.n(1, 9)) if g.chance(0.3)
              else "https://%s/fhir/sid/mrn" % g.fac[2], "value": pt.mrn_()}]
    if ssn:
        ident.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": pt.ssn_()})
    if mbi:
        ident.append({"system": "http://hl7.org/fhir/sid/us-mbi", "value": pt.mbi_()})
    given = [pt.first()] + ([P("person_name", pt.middle)] if pt.middle else [])
    names = [{"use": "official", "family": pt.last(), "given": given}]
    if native and pt.native:
        names.append({"use": "usual", "text": P("person_name", pt.native)})
    tel = [{"system": "phone", "value": pt.phone_(), "use": "home"}]
    if g.chance(0.5):
        tel.append({"system": "phone", "value": pt.cell_(), "use": "mobile"})
    if g.chance(0.6):
        tel.append({"system": "email", "value": pt.email_()})
    addr = {"use": "home", "line": [pt.street_()] + ([pt.unit_()] if pt.unit else []), "city": pt.city_(),
            "state": pt.state_(), "postalCode": pt.zip_()}
    return {"resourceType": "Patient", "id": rid, "identifier": ident, "active": True, "name": names,
            "telecom": tel, "gender": "male" if pt.sex == "M" else "female", "birthDate": pt.dob_("iso"),
            "address": [addr]}


def iso_dt(w):
    return w.strftime("%Y-%m-%dT%H:%M:%S") + g_tz(w)


def g_tz(w):
    return "-05:00" if w.month in (11, 12, 1, 2, 3) else "-04:00"


def fhir_encounter(g, pt, pref, doc, start, end=None, rid=None):
    e = {"resourceType": "Encounter", "id": rid or fhir_id(g, "enc"),
         "identifier": [{"system": "https://%s/fhir/sid/visit" % g.fac[2], "value": pt.visit_()}],
         "status": "finished" if end else "in-progress",
         "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": g.pick(["IMP", "AMB", "EMER"])},
         "subject": {"reference": pref, "display": pt.name()},
         "participant": [{"individual": {"reference": ref("Practitioner", doc.npi), "display": doc.name()}}],
         "period": {"start": P("date", iso_dt(start))}}
    if end:
        e["period"]["end"] = P("date", iso_dt(end))
    return e


def fhir_obs(g, pref, when, rid=None):
    code, nm, unit, rng_, (lo, hi) = g.pick(LABS)
    v = round(g.r.uniform(lo, hi), 1)
    return {"resourceType": "Observation", "id": rid or fhir_id(g, "obs"), "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": code, "display": nm}]},
            "subject": {"reference": pref}, "effectiveDateTime": P("date", iso_dt(when)),
            "valueQuantity": {"value": v, "unit": unit}}


def fhir_coverage(g, pt, pref, sub=None):
    payer = g.pick(PAYERS)
    eff = dt.date(g.today.year - g.n(0, 2), g.pick([1, 7]), 1)
    c = {"resourceType": "Coverage", "id": fhir_id(g, "cov"), "status": "active",
         "subscriberId": pt.member_(), "beneficiary": {"reference": pref},
         "relationship": {"coding": [{"code": "self" if sub is None else "spouse"}]},
         "period": {"start": DC("date", fd(eff, "iso"))}, "payor": [{"display": payer}],
         "class": [{"type": {"coding": [{"code": "group"}]}, "value": DC("other_id", "%05d" % g.n(100, 99999))}]}
    if sub is not None:
        c["subscriber"] = {"display": sub.name()}
    return c


def fhir_related(g, rel, word, pref):
    return {"resourceType": "RelatedPerson", "id": fhir_id(g, "rp"), "patient": {"reference": pref},
            "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                          "code": word.upper()[:3]}], "text": word}],
            "name": [{"family": rel.last(), "given": [rel.first()]}],
            "telecom": [{"system": "phone", "value": rel.phone_()}]}


def diff_head(g, path, new=False):
    h = g.hexid(7), g.hexid(7)
    out = ["diff --git a/%s b/%s" % (path, path)]
    if new:
        out += ["new file mode 100644", "index 0000000..%s" % h[1], "--- /dev/null"]
    else:
        out += ["index %s..%s 100644" % h, "--- a/%s" % path]
    out.append("+++ b/%s" % path)
    return out


def hunk(g, a, alen, b, blen, ctx=""):
    return "@@ -%d,%d +%d,%d @@%s" % (a, alen, b, blen, (" " + ctx) if ctx else "")


def pfx(ch, lines):
    return [Seg([ch]) + ln for ln in lines]


FIXTURE_DIRS = ["src/test/resources/fhir", "test/fixtures", "tests/data/fhir", "fixtures/patients",
                "packages/api/__fixtures__", "spec/fixtures/fhir"]


# ---------------------------------------------------------------------------
# bitbucket_fhir_diff
# ---------------------------------------------------------------------------

@tpl("bitbucket_fhir_diff", "short")
def fhir_birthdate_hunk(g):
    pt = g.person(min_age=1, max_age=99)
    old = pt.dob + dt.timedelta(days=g.pick([-1, 1, 30, -31, 365]))
    path = "%s/%s.json" % (g.pick(FIXTURE_DIRS), g.pick(["patient", "patient-minimal", "adt-a04-expected", "pt_001"]))
    n = g.n(8, 40)
    return L(g.pick(["", "fixture change in this PR:", "+++ b/" + path]), hunk(g, n, 3, n, 3),
             R('   "gender": "{{s}}",', s="male" if pt.sex == "M" else "female"),
             R('-  "birthDate": "{{d}}",', d=P("date", fd(old, "iso"))),
             R('+  "birthDate": "{{d}}",', d=pt.dob_("iso")))


@tpl("bitbucket_fhir_diff", "short")
def fhir_name_oneline(g):
    pt = g.person(min_age=18, max_age=95)
    n = g.n(5, 60)
    line = jc({"use": "official", "family": pt.last(), "given": [pt.first()]})
    return L(hunk(g, n, 1, n, 1, g.pick(["class PatientMapperTest", "describe('toFhirPatient'", "def test_name_mapping"])),
             Seg(['-      "name": [{"use": "official", "family": "Doe", "given": ["Jane"]}],']),
             Seg(['+      "name": ['] + line + ["],"]))


@tpl("bitbucket_fhir_diff", "short")
def fhir_review_comment(g):
    pt = g.person(min_age=18, max_age=95)
    rv = g.staff("")
    path = "%s/%s" % (g.pick(FIXTURE_DIRS), g.pick(["patient.json", "bundle-adt.json", "encounter.json"]))
    val = g.pick([("mrn", pt.mrn_(), "identifier[0].value"), ("phone", pt.phone_(), "telecom[0].value"),
                  ("dob", pt.dob_("iso"), "birthDate")])
    key = {"mrn": '"value"', "phone": '"value"', "dob": '"birthDate"'}[val[0]]
    return L(R("{{r}} commented on {{p}} line {{n}}", r=rv.name(), p=path, n=str(g.n(9, 80))),
             R("> +      {{k}}: \"{{v}}\",", k=key, v=val[1]),
             g.pick(["Is this copied from a real chart? Please use synthetic data in fixtures.",
                     "This looks like production data - please replace with a generated value before merging.",
                     "Where did this come from? We can't commit real identifiers."]))


@tpl("bitbucket_fhir_diff", "short")
def fhir_identifier_hunk(g):
    pt = g.person(min_age=18, max_age=95)
    n = g.n(4, 30)
    ids = [{"system": "https://%s/fhir/sid/mrn" % g.fac[2], "value": pt.mrn_()}]
    if g.chance(0.5):
        ids.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": pt.ssn_()})
    else:
        ids.append({"system": "https://%s/fhir/sid/visit" % g.fac[2], "value": pt.visit_()})
    return L(hunk(g, n, 2, n, 4),
             '   "identifier": [',
             *[Seg(["+    "]) + jc(x) + ([","] if i == 0 else []) for i, x in enumerate(ids)],
             "   ],")


@tpl("bitbucket_fhir_diff", "medium")
def fhir_new_patient_fixture(g):
    pt = g.person(min_age=0, max_age=101, native_p=0.4)
    fname = g.pick(["patient-%s.json" % slug(pt.family), "patient-example.json", "pt-%d.json" % g.n(1, 40)])
    path = "%s/%s" % (g.pick(FIXTURE_DIRS), fname)
    res = fhir_patient(g, pt, ssn=g.chance(0.3), mbi=pt.age() >= 65 and g.chance(0.5), native=True)
    lines = jp(res, inline=True)
    head = diff_head(g, path, new=True)
    if fname.startswith("patient-") and slug(pt.family) in fname and fname != "patient-example.json":
        fn = "%s/patient-" % g.pick(FIXTURE_DIRS)
        d = path.rsplit("/", 1)[0]
        head = [R("diff --git a/{{d}}/patient-{{n}}.json b/{{d}}/patient-{{n}}.json", d=d, n=P("person_name", slug(pt.family))),
                "new file mode 100644", "index 0000000..%s" % g.hexid(7), "--- /dev/null",
                R("+++ b/{{d}}/patient-{{n}}.json", d=d, n=P("person_name", slug(pt.family)))]
    return L(*head, hunk(g, 0, 0, 1, len(lines)), *pfx("+", lines), "\\ No newline at end of file" if g.chance(0.3) else "")


@tpl("bitbucket_fhir_diff", "medium")
def fhir_encounter_change(g):
    pt = g.person(min_age=18, max_age=99)
    doc = g.staff()
    pref = ref("Patient", g.n(1000, 99999))
    start = g.now - dt.timedelta(days=g.n(1, 20), hours=g.n(1, 10))
    end = start + dt.timedelta(days=g.n(0, 5), hours=g.n(2, 20))
    old_end = end - dt.timedelta(hours=g.n(1, 5))
    enc = fhir_encounter(g, pt, pref, doc, start, end)
    lines = jp(enc)
    # find the period end line and show old/new
    out = diff_head(g, "%s/encounter-discharged.json" % g.pick(FIXTURE_DIRS))
    out.append(hunk(g, 1, len(lines), 1, len(lines)))
    for ln in lines:
        flat = flatten(ln)
        txt = "".join(x if isinstance(x, str) else x[2] for x in flat)
        if '"end"' in txt:
            old = [P("date", iso_dt(old_end)) if isinstance(x, tuple) and x[1] == "date" else x for x in flat]
            out.append(Seg(["-"]) + old)
            out.append(Seg(["+"]) + ln)
        elif '"status"' in txt:
            out.append(Seg(['-  "status": "in-progress",']))
            out.append(Seg(["+"]) + ln)
        else:
            out.append(Seg([" "]) + ln)
    return L(*out)


@tpl("bitbucket_fhir_diff", "medium")
def fhir_coverage_diff(g):
    pt = g.person(min_age=18, max_age=90)
    sub = g.person(min_age=25, max_age=90, relative_of=pt) if g.chance(0.4) else None
    pref = ref("Patient", g.n(1000, 99999))
    cov = fhir_coverage(g, pt, pref, sub)
    lines = jp(cov, inline=True)
    msg = g.pick(["Add coverage fixture for eligibility tests", "Coverage: include subscriber for dependents",
                  "fix(eligibility): use subscriberId from Coverage"])
    return L("commit %s" % g.hexid(40), R("Author: {{a}} <{{e}}>", a=g.staff("").name(), e=DC("staff_contact", "dev%d@%s" % (g.n(1, 99), g.fac[2]))),
             "Date:   %s" % g.now.strftime("%a %b %d %H:%M:%S %Y -0500"), "", "    " + msg, "",
             *diff_head(g, "%s/coverage-%s.json" % (g.pick(FIXTURE_DIRS), g.pick(["primary", "dependent", "001"])), new=True),
             hunk(g, 0, 0, 1, len(lines)), *pfx("+", lines))


@tpl("bitbucket_fhir_diff", "medium")
def fhir_ts_test_builder(g):
    pt = g.person(min_age=18, max_age=99)
    n = g.n(10, 80)
    ph = pt.phone_()
    body = [
        Seg(["+  it('maps the home phone and address', () => {"]),
        Seg(["+    const patient: Patient = {"]),
        Seg(["+      resourceType: 'Patient',"]),
        R("+      identifier: [{ system: MRN_SYSTEM, value: '{{m}}' }],", m=pt.mrn_()),
        R("+      name: [{ family: '{{f}}', given: ['{{g}}'] }],", f=pt.last(), g=pt.first()),
        R("+      birthDate: '{{d}}',", d=pt.dob_("iso")),
        R("+      telecom: [{ system: 'phone', use: 'home', value: '{{p}}' }],", p=ph),
        R("+      address: [{ line: ['{{s}}'], city: '{{c}}', state: '{{st}}', postalCode: '{{z}}' }],",
          s=pt.street_(), c=pt.city_(), st=pt.state_(), z=pt.zip_()),
        Seg(["+    };"]),
        Seg(["+"]),
        Seg(["+    const row = toRegistrationRow(patient);"]),
        R("+    expect(row.homePhone).toBe('{{p}}');", p=P("phone", re.sub(r"\D", "", ph[2]))),
        R("+    expect(row.zip).toBe('{{z}}');", z=P("zip_code", pt.zip5)),
        R("+    expect(row.city).toBe('{{c}}');", c=pt.city_(True)),
        Seg(["+  });"]),
        Seg(["+"]),
    ]
    return L(*diff_head(g, "src/mappers/__tests__/registration.test.ts"),
             hunk(g, n, 6, n, 6 + len(body), "describe('toRegistrationRow', () => {"),
             "   });", "", *body, "   it('drops inactive telecoms', () => {", "     const patient = buildPatient({ telecom: [] });")


@tpl("bitbucket_fhir_diff", "long")
def fhir_bundle_fixture_long(g):
    pt = g.person(min_age=0, max_age=103)
    rel, word, code, text = relative(g, pt)
    doc = g.staff()
    pid = "%d" % g.n(1000, 99999)
    pref = ref("Patient", pid)
    start = g.now - dt.timedelta(days=g.n(1, 20), hours=g.n(1, 10))
    end = start + dt.timedelta(days=g.n(1, 5))
    entries = [fhir_patient(g, pt, rid=DC("internal_id", pid), ssn=g.chance(0.3)), fhir_related(g, rel, word, pref),
               fhir_encounter(g, pt, pref, doc, start, end)]
    for i in range(g.n(1, 3)):
        entries.append(fhir_obs(g, pref, start + dt.timedelta(hours=g.n(1, 40))))
    bundle = {"resourceType": "Bundle", "type": "transaction",
              "entry": [{"fullUrl": "urn:uuid:%s" % g.uuid(), "resource": e,
                         "request": {"method": "POST", "url": e["resourceType"]}} for e in entries]}
    lines = jp(bundle, inline=g.chance(0.5))
    path = "%s/bundle-admission-%s.json" % (g.pick(FIXTURE_DIRS), g.pick(["full", "with-family", "e2e"]))
    return L(*diff_head(g, path, new=True), hunk(g, 0, 0, 1, len(lines)), *pfx("+", lines))


@tpl("bitbucket_fhir_diff", "long")
def fhir_pr_page_long(g):
    pt = g.person(min_age=18, max_age=98)
    au, r1, r2 = g.staff(""), g.staff(""), g.staff("")
    pref = ref("Patient", g.n(1000, 99999))
    res = fhir_patient(g, pt, ssn=g.chance(0.4))
    plines = jp(res)
    num = g.n(100, 2999)
    br = g.pick(["feature/fhir-patient-sync", "bugfix/telecom-use", "chore/fixtures-from-tst"])
    out = ["Pull request #%d: %s" % (num, g.pick(["Patient sync: map telecom.use and address lines",
                                                  "Add fixtures for ADT to FHIR sync"])),
           R("{{a}} wants to merge {{b}} into develop", a=au.name(), b=br),
           R("Reviewers: {{a}}, {{b}}", a=r1.name(), b=r2.name()), "Builds: 1 of 1 passed", "",
           "Description", "",
           "Maps PID-13/14 into Patient.telecom with the right use codes and splits PID-11 into address.line.",
           "Fixtures are from TST (copied the message from the interface log).", "",
           "Files changed (3)", ""]
    out += diff_head(g, "src/test/resources/fhir/patient-from-adt.json", new=True)
    out += [hunk(g, 0, 0, 1, len(plines))] + pfx("+", plines) + [""]
    code_lines = [
        "     public Patient map(PID pid) {",
        "         Patient p = new Patient();",
        "-        p.addTelecom().setValue(pid.getPhoneNumberHome(0).getTelephoneNumber().getValue());",
        "+        for (XTN xtn : pid.getPhoneNumberHome()) {",
        "+            ContactPoint cp = p.addTelecom().setSystem(ContactPointSystem.PHONE);",
        "+            cp.setUse(useFor(xtn.getTelecommunicationUseCode().getValue()));",
        "+            cp.setValue(formatXtn(xtn));",
        "+        }",
        "         mapAddress(pid, p);",
        "         return p;",
        "     }",
    ]
    out += diff_head(g, "src/main/java/org/example/sync/PatientMapper.java")
    out += [hunk(g, 41, 6, 41, 10, "public class PatientMapper {")] + code_lines + [""]
    test_lines = [
        "+    @Test",
        "+    void mapsHomeAndMobile() throws Exception {",
        "+        Patient p = mapper.map(loadPid(\"adt-a04.hl7\"));",
        R("+        assertEquals(\"{{f}}\", p.getNameFirstRep().getFamily());", f=pt.last()),
        R("+        assertEquals(\"{{d}}\", p.getBirthDateElement().getValueAsString());", d=pt.dob_("iso")),
        "+        assertEquals(2, p.getTelecom().size());",
        "+    }",
    ]
    out += diff_head(g, "src/test/java/org/example/sync/PatientMapperTest.java")
    out += [hunk(g, 88, 3, 88, 10)] + test_lines + [""]
    out += ["Activity", ""]
    for who, body in [
        (r1, R("The fixture has what looks like a real address and phone ({{c}}). Did this come straight from TST? "
               "TST is a copy of prod.", c=pt.city_())),
        (au, "Yes it did, sorry. I'll regenerate with synthetic values."),
        (r2, "Also please don't put the family name in the assertion, use the builder."),
        (au, "Will do. Leaving this open until the fixture is replaced."),
    ]:
        g.tick(600, 20000)
        out += [R("{{w}} · {{t}}", w=who.name(), t=g.now.strftime("%d %b %Y %H:%M")), body, ""]
    return L(*out)


@tpl("bitbucket_fhir_diff", "long")
def fhir_ndjson_export_long(g):
    n = g.n(56, 80)
    pts = [g.person(min_age=0, max_age=100) for _ in range(n)]
    out = ["commit %s" % g.hexid(40), R("Author: {{a}}", a=g.staff("").name()),
           "Date:   %s" % g.now.strftime("%a %b %d %H:%M:%S %Y -0500"), "",
           "    add sample bulk export for the loader benchmark", ""]
    out += diff_head(g, "bench/data/Patient.ndjson", new=True)
    out.append(hunk(g, 0, 0, 1, n))
    for p in pts:
        res = {"resourceType": "Patient", "id": DC("internal_id", g.uuid()),
               "identifier": [{"system": "urn:mrn", "value": p.mrn_()}],
               "name": [{"family": p.last(), "given": [p.first()]}], "gender": "male" if p.sex == "M" else "female",
               "birthDate": p.dob_("iso")}
        if g.chance(0.5):
            res["address"] = [{"city": p.city_(), "state": p.state_(), "postalCode": p.zip_()}]
        if g.chance(0.4):
            res["telecom"] = [{"system": "phone", "value": p.phone_()}]
        out.append(Seg(["+"]) + jc(res, tight=True))
    out.append("\\ No newline at end of file")
    return L(*out)


# ---------------------------------------------------------------------------
# sql_seed
# ---------------------------------------------------------------------------


def esc(v, style="sql"):
    """escape a piece (span or str) for a SQL string literal"""
    def e(s):
        if style == "sql":
            return s.replace("'", "''")
        if style == "mysql":
            return s.replace("'", "\\'")
        return s
    if isinstance(v, tuple):
        return (v[0], v[1], e(v[2]))
    if isinstance(v, str):
        return e(v)
    return [esc(x, style) for x in flatten(v)]


def q(v, style="sql"):
    return ["'", esc(v, style), "'"]


def pt_sql_values(g, pt, cols, style="sql", rid=None):
    out = []
    for c in cols:
        if c == "id":
            out.append(DC("internal_id", str(rid if rid is not None else g.n(1, 99999))))
        elif c == "mrn":
            out.append(q(pt.mrn_(), style))
        elif c in ("first_name", "given_name"):
            out.append(q(pt.first(), style))
        elif c in ("last_name", "family_name"):
            out.append(q(pt.last(), style))
        elif c == "full_name":
            out.append(q(pt.name(), style))
        elif c in ("dob", "birth_date", "date_of_birth"):
            out.append(q(pt.dob_("iso"), style))
        elif c in ("sex", "gender"):
            out.append("'%s'" % pt.sex)
        elif c in ("phone", "home_phone"):
            out.append(q(pt.phone_(), style))
        elif c == "email":
            out.append(q(pt.email_(), style) if g.chance(0.85) and pt.age() >= 14 else "NULL")
        elif c in ("address_line1", "street"):
            out.append(q(pt.street_(), style))
        elif c == "address_line2":
            out.append(q(pt.unit_(), style) if pt.unit else "NULL")
        elif c == "city":
            out.append(q(pt.city_(), style))
        elif c == "state":
            out.append(q(pt.state_(), style))
        elif c in ("zip", "postal_code"):
            out.append(q(pt.zip_(), style))
        elif c == "ssn":
            out.append(q(pt.ssn_(), style))
        elif c == "member_id":
            out.append(q(pt.member_(), style))
        elif c == "created_at":
            out.append("'%s'" % (g.now - dt.timedelta(days=g.n(0, 400), seconds=g.n(0, 86400))).strftime("%Y-%m-%d %H:%M:%S"))
        else:
            raise KeyError(c)
    return out


PT_COLSETS = [
    ["id", "mrn", "first_name", "last_name", "dob", "sex", "phone", "email"],
    ["id", "mrn", "last_name", "first_name", "birth_date", "address_line1", "city", "state", "zip"],
    ["mrn", "family_name", "given_name", "date_of_birth", "gender", "home_phone", "postal_code"],
    ["id", "mrn", "full_name", "dob", "ssn", "phone", "created_at"],
    ["id", "mrn", "first_name", "last_name", "dob", "address_line1", "address_line2", "city", "state", "zip", "phone"],
]


def sql_table(g):
    return g.pick(["patient", "patients", "public.patient", "dbo.Patient", "pt_demographics", "core.person",
                   "registration.patient"])


@tpl("sql_seed", "short")
def sql_single_insert(g):
    pt = g.person(min_age=0, max_age=100)
    cols = g.pick(PT_COLSETS)
    vals = pt_sql_values(g, pt, cols)
    if g.chance(0.5):
        return L("INSERT INTO %s (%s)" % (sql_table(g), ", ".join(cols)),
                 ["VALUES ("] + J(", ", vals) + [");"])
    return Seg(["INSERT INTO %s (%s) VALUES (" % (sql_table(g), ", ".join(cols))] + J(", ", vals) + [");"])


@tpl("sql_seed", "short")
def sql_copy_one_row(g):
    pts = [g.person(min_age=0, max_age=99) for _ in range(g.n(1, 3))]
    cols = ["id", "mrn", "last_name", "first_name", "birth_date", "zip"]
    lines = ["COPY public.patient (%s) FROM stdin;" % ", ".join(cols)]
    for p in pts:
        lines.append(J("\t", [DC("internal_id", str(g.n(1, 99999))), p.mrn_(), p.last(), p.first(), p.dob_("iso"),
                              P("zip_code", p.zip5)]))
    lines.append("\\.")
    return L(*lines)


def grid(cols, rows, style="psql"):
    """psql / sqlcmd style result grid; rows are lists of cell pieces"""
    def txt(c):
        return "".join(x if isinstance(x, str) else x[2] for x in flatten(c))
    w = [max([len(c)] + [len(txt(r[i])) for r in rows]) for i, c in enumerate(cols)]
    out = []
    if style == "psql":
        out.append(" " + " | ".join(c.center(w[i]) for i, c in enumerate(cols)).rstrip())
        out.append("-" + "-+-".join("-" * x for x in w) + "-")
        for r in rows:
            line = Seg([" "])
            for i, c in enumerate(r):
                if i:
                    line.append(" | ")
                add(line, c)
                pad = w[i] - len(txt(c))
                if i < len(r) - 1 and pad:
                    line.append(" " * pad)
            out.append(line)
        out.append("(%d row%s)" % (len(rows), "" if len(rows) == 1 else "s"))
    else:  # mysql client
        bar = "+" + "+".join("-" * (x + 2) for x in w) + "+"
        out.append(bar)
        out.append("| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(cols)) + " |")
        out.append(bar)
        for r in rows:
            line = Seg(["| "])
            for i, c in enumerate(r):
                if i:
                    line.append(" | ")
                add(line, c)
                pad = w[i] - len(txt(c))
                if pad:
                    line.append(" " * pad)
            line.append(" |")
            out.append(line)
        out.append(bar)
        out.append("%d row%s in set (0.%02d sec)" % (len(rows), "" if len(rows) == 1 else "s", len(rows) % 97))
    return out


def pt_grid_row(g, pt, cols):
    m = {"id": lambda: DC("internal_id", str(g.n(1, 99999))), "mrn": pt.mrn_, "last_name": pt.last,
         "first_name": pt.first, "dob": lambda: pt.dob_("iso"), "birth_date": lambda: pt.dob_("iso"),
         "phone": pt.phone_, "zip": lambda: P("zip_code", pt.zip5), "city": pt.city_, "email": pt.email_,
         "member_id": pt.member_, "visit_no": pt.visit_, "ssn": pt.ssn_,
         "admit_date": lambda: P("date", fd(g.today - dt.timedelta(days=g.n(1, 30)), "iso"))}
    return [m[c]() for c in cols]


GRID_COLS = [["id", "mrn", "last_name", "first_name", "dob"], ["mrn", "last_name", "first_name", "birth_date", "phone"],
             ["id", "mrn", "last_name", "dob", "zip", "member_id"], ["mrn", "last_name", "first_name", "visit_no", "admit_date"],
             ["id", "last_name", "first_name", "email", "city"]]


@tpl("sql_seed", "short")
def sql_psql_one_row(g):
    pt = g.person(min_age=0, max_age=100)
    cols = g.pick(GRID_COLS)
    prompt = g.pick(["ehr_tst=> ", "ehr_prod=# ", "reporting=> "])
    q_ = "SELECT %s FROM patient WHERE mrn = '" % ", ".join(cols)
    return L(Seg([prompt + q_]) + [pt.mrn_(), "';"], *grid(cols, [pt_grid_row(g, pt, cols)], "psql"))


@tpl("sql_seed", "short")
def sql_update_fix(g):
    pt = g.person(min_age=0, max_age=100)
    tk = g.key("HIM")
    return g.pick([
        L("-- %s: DOB keyed wrong at registration, corrected per HIM" % tk,
          R("UPDATE patient SET birth_date = '{{d}}' WHERE mrn = '{{m}}';", d=pt.dob_("iso"), m=pt.mrn_())),
        L("-- %s merge cleanup" % tk, R("UPDATE patient SET phone = '{{p}}', email = '{{e}}'", p=pt.phone_(), e=pt.email_()),
          R(" WHERE mrn = '{{m}}' AND last_name = '{{l}}';", m=pt.mrn_(), l=esc(pt.last()))),
        L(R("DELETE FROM appointment WHERE patient_mrn = '{{m}}' AND appt_date = '{{d}}'; -- dup from import", m=pt.mrn_(),
            d=P("date", fd(g.today + dt.timedelta(days=g.n(1, 30)), "iso")))),
    ])


@tpl("sql_seed", "medium")
def sql_seed_multirow(g):
    cols = g.pick(PT_COLSETS)
    tbl = sql_table(g)
    n = g.n(8, 14)
    typ = {"id": "serial PRIMARY KEY", "mrn": "varchar(20) NOT NULL UNIQUE", "first_name": "text", "last_name": "text",
           "given_name": "text", "family_name": "text", "full_name": "text", "dob": "date", "birth_date": "date",
           "date_of_birth": "date", "sex": "char(1)", "gender": "char(1)", "phone": "varchar(20)",
           "home_phone": "varchar(20)", "email": "text", "address_line1": "text", "address_line2": "text",
           "city": "text", "state": "char(2)", "zip": "varchar(10)", "postal_code": "varchar(10)",
           "ssn": "char(11)", "created_at": "timestamp DEFAULT now()"}
    out = ["-- seed: %s (dev data)" % tbl, "CREATE TABLE IF NOT EXISTS %s (" % tbl]
    for i, c in enumerate(cols):
        out.append("    %s %s%s" % (c, typ[c], "," if i < len(cols) - 1 else ""))
    out += [");", "", "INSERT INTO %s (%s) VALUES" % (tbl, ", ".join(cols))]
    for i in range(n):
        p = g.person(min_age=0, max_age=101)
        out.append(["  ("] + J(", ", pt_sql_values(g, p, cols, rid=i + 1)) + ["),"if i < n - 1 else ");"])
    return L(*out)


@tpl("sql_seed", "medium")
def sql_mysql_dump(g):
    n = g.n(4, 9)
    cols = ["id", "mrn", "last_name", "first_name", "dob", "sex", "phone", "email"]
    rows = []
    for i in range(n):
        p = g.person(min_age=0, max_age=99)
        rows.append(["("] + J(",", pt_sql_values(g, p, cols, style="mysql", rid=g.n(1000, 99999))) + [")"])
    return L("-- MySQL dump 10.13  Distrib 8.0.%d, for Linux (x86_64)" % g.n(20, 40), "--",
             "-- Host: %s    Database: clinic_tst" % g.ip_private(),
             "-- ------------------------------------------------------",
             "-- Server version\t8.0.%d" % g.n(20, 40), "",
             "--", "-- Table structure for table `patient`", "--", "",
             "DROP TABLE IF EXISTS `patient`;",
             "CREATE TABLE `patient` (", "  `id` int NOT NULL AUTO_INCREMENT,", "  `mrn` varchar(20) NOT NULL,",
             "  `last_name` varchar(80) DEFAULT NULL,", "  `first_name` varchar(80) DEFAULT NULL,", "  `dob` date DEFAULT NULL,",
             "  `sex` char(1) DEFAULT NULL,", "  `phone` varchar(20) DEFAULT NULL,", "  `email` varchar(120) DEFAULT NULL,",
             "  PRIMARY KEY (`id`),", "  UNIQUE KEY `ux_mrn` (`mrn`)",
             ") ENGINE=InnoDB AUTO_INCREMENT=%d DEFAULT CHARSET=utf8mb4;" % g.n(1000, 99999), "",
             "--", "-- Dumping data for table `patient`", "--", "",
             "LOCK TABLES `patient` WRITE;", "/*!40000 ALTER TABLE `patient` DISABLE KEYS */;",
             Seg(["INSERT INTO `patient` VALUES "]) + J(",", rows) + [";"],
             "/*!40000 ALTER TABLE `patient` ENABLE KEYS */;", "UNLOCK TABLES;")


@tpl("sql_seed", "medium")
def sql_psql_grid(g):
    cols = g.pick(GRID_COLS)
    n = g.n(8, 16)
    pts = [g.person(min_age=0, max_age=100) for _ in range(n)]
    st = g.staff("")
    where = g.pick(["WHERE created_at > now() - interval '1 day'", "WHERE zip IS NULL OR length(zip) < 5",
                    "WHERE last_name ILIKE '%-%'", "ORDER BY id DESC LIMIT %d" % n])
    style = g.pick(["psql", "mysql"])
    if style == "mysql":
        where = where.replace("ILIKE", "LIKE").replace("now() - interval '1 day'", "NOW() - INTERVAL 1 DAY")
    return L(R("-- {{s}}: rows that failed the nightly export, from ehr_tst", s=st.name()) if g.chance(0.5) else "",
             ("ehr_tst=> " if style == "psql" else "mysql> ") + "SELECT %s FROM patient %s;" % (", ".join(cols), where),
             *grid(cols, [pt_grid_row(g, p, cols) for p in pts], style))


@tpl("sql_seed", "medium")
def sql_encounter_migration(g):
    n = g.n(4, 7)
    pts = [g.person(min_age=0, max_age=99) for _ in range(n)]
    docs = [g.staff() for _ in range(2)]
    out = ["-- V%d__seed_encounters.sql" % g.n(20, 140), "-- test data for the discharge worklist", "",
           "INSERT INTO patient (id, mrn, last_name, first_name, dob) VALUES"]
    for i, p in enumerate(pts):
        out.append(["  (", DC("internal_id", str(100 + i)), ", "] + q(p.mrn_()) + [", "] + q(p.last()) + [", "] +
                   q(p.first()) + [", "] + q(p.dob_("iso")) + [")", "," if i < n - 1 else ";"])
    out += ["", "INSERT INTO encounter (id, patient_id, visit_no, admit_ts, discharge_ts, attending, dx_code) VALUES"]
    for i, p in enumerate(pts):
        a = g.now - dt.timedelta(days=g.n(2, 30), hours=g.n(0, 20))
        d = a + dt.timedelta(days=g.n(1, 6), hours=g.n(0, 10))
        c = g.cond()
        out.append(["  (", DC("internal_id", str(500 + i)), ", ", DC("internal_id", str(100 + i)), ", "] + q(p.visit_()) +
                   [", "] + q(P("date", a.strftime("%Y-%m-%d %H:%M"))) + [", "] +
                   q(P("date", d.strftime("%Y-%m-%d %H:%M"))) + [", "] + q(esc(g.pick(docs).name())) + [", "] +
                   q(icd(c)) + [")", "," if i < n - 1 else ";"])
    return L(*out)


@tpl("sql_seed", "long")
def sql_big_seed(g):
    n = g.n(52, 72)
    tbl = sql_table(g)
    cols = g.pick(PT_COLSETS[:3] + PT_COLSETS[4:])
    out = ["-- =============================================",
           "-- Demo seed for %s" % g.pick(["the scheduling sandbox", "UAT", "the analytics training env"]),
           "-- generated %s" % g.now.strftime("%Y-%m-%d"),
           "-- =============================================", "", "BEGIN;", "",
           "TRUNCATE %s RESTART IDENTITY CASCADE;" % tbl, ""]
    for i in range(n):
        p = g.person(min_age=0, max_age=103)
        out.append(Seg(["INSERT INTO %s (%s) VALUES (" % (tbl, ", ".join(cols))]) + J(", ", pt_sql_values(g, p, cols, rid=i + 1)) + [");"])
    out += ["", "SELECT setval(pg_get_serial_sequence('%s', 'id'), %d);" % (tbl, n + 1), "", "COMMIT;"]
    return L(*out)


@tpl("sql_seed", "long")
def sql_tsql_merge(g):
    n = g.n(40, 55)
    out = ["USE [EHR_Staging];", "GO", "", "SET NOCOUNT ON;", "",
           "IF OBJECT_ID('tempdb..#pt') IS NOT NULL DROP TABLE #pt;",
           "CREATE TABLE #pt (", "    MRN varchar(20) NOT NULL,", "    LastName nvarchar(80),", "    FirstName nvarchar(80),",
           "    BirthDate date,", "    Phone varchar(20),", "    Zip varchar(10),", "    MemberID varchar(20)", ");", "",
           "INSERT INTO #pt (MRN, LastName, FirstName, BirthDate, Phone, Zip, MemberID) VALUES"]
    for i in range(n):
        p = g.person(min_age=0, max_age=99)
        out.append(["("] + q(p.mrn_()) + [", N"] + q(p.last()) + [", N"] + q(p.first()) + [", "] + q(p.dob_("iso")) +
                   [", "] + q(p.phone_("dash")) + [", "] + q(P("zip_code", p.zip5)) + [", "] + q(p.member_()) +
                   [")", "," if i < n - 1 else ";"])
    out += ["", "MERGE dbo.Patient AS t", "USING #pt AS s ON t.MRN = s.MRN",
            "WHEN MATCHED THEN UPDATE SET t.LastName = s.LastName, t.FirstName = s.FirstName, t.BirthDate = s.BirthDate,",
            "    t.Phone = s.Phone, t.Zip = s.Zip, t.MemberID = s.MemberID, t.UpdatedAt = SYSUTCDATETIME()",
            "WHEN NOT MATCHED BY TARGET THEN INSERT (MRN, LastName, FirstName, BirthDate, Phone, Zip, MemberID)",
            "    VALUES (s.MRN, s.LastName, s.FirstName, s.BirthDate, s.Phone, s.Zip, s.MemberID)",
            "OUTPUT $action, inserted.MRN;", "GO"]
    return L(*out)


@tpl("sql_seed", "long")
def sql_pg_dump_copy(g):
    n = g.n(24, 34)
    pts = [g.person(min_age=0, max_age=101) for _ in range(n)]
    docs = [g.staff() for _ in range(3)]
    out = ["--", "-- PostgreSQL database dump", "--", "",
           "-- Dumped from database version 15.%d" % g.n(2, 9), "-- Dumped by pg_dump version 16.%d" % g.n(1, 4), "",
           "SET statement_timeout = 0;", "SET client_encoding = 'UTF8';", "SET standard_conforming_strings = on;", "",
           "--", "-- Data for Name: patient; Type: TABLE DATA; Schema: public; Owner: app", "--", "",
           "COPY public.patient (id, mrn, last_name, first_name, birth_date, sex, phone, zip) FROM stdin;"]
    for i, p in enumerate(pts):
        out.append(J("\t", [DC("internal_id", str(i + 1)), p.mrn_(), p.last(), p.first(), p.dob_("iso"), p.sex,
                            p.phone_() if g.chance(0.8) else "\\N", P("zip_code", p.zip5)]))
    out += ["\\.", "", "--", "-- Data for Name: encounter; Type: TABLE DATA; Schema: public; Owner: app", "--", "",
            "COPY public.encounter (id, patient_id, visit_no, admitted_at, discharged_at, attending) FROM stdin;"]
    for i, p in enumerate(pts):
        if g.chance(0.35):
            continue
        a = g.now - dt.timedelta(days=g.n(2, 60), hours=g.n(0, 20))
        d = a + dt.timedelta(days=g.n(1, 6))
        out.append(J("\t", [DC("internal_id", str(1000 + i)), DC("internal_id", str(i + 1)), p.visit_(),
                            P("date", a.strftime("%Y-%m-%d %H:%M:00")),
                            P("date", d.strftime("%Y-%m-%d %H:%M:00")) if g.chance(0.8) else "\\N",
                            g.pick(docs).name()]))
    out += ["\\.", "", "SELECT pg_catalog.setval('public.patient_id_seq', %d, true);" % n, "", "--",
            "-- PostgreSQL database dump complete", "--"]
    return L(*out)


# ---------------------------------------------------------------------------
# clinical_note
# ---------------------------------------------------------------------------

SYMPTOMS = {
    "heart failure": "3 days of worsening dyspnea on exertion, orthopnea (now sleeping on 3 pillows) and leg swelling",
    "pneumonia": "4 days of productive cough, fevers to 101.8 F and pleuritic right-sided chest pain",
    "COPD exacerbation": "increased sputum, wheeze and shortness of breath despite using the rescue inhaler every 2 hours",
    "cellulitis": "spreading redness and warmth of the right shin for 2 days after a scrape",
    "UTI": "dysuria, frequency and new confusion per family",
    "chest pain": "substernal pressure at rest lasting about 20 minutes, radiating to the left arm",
    "syncope": "a witnessed fall after standing up from the toilet, brief loss of consciousness",
    "sepsis": "fever, rigors and low blood pressure at the nursing facility",
    "stroke": "sudden right arm weakness and slurred speech noticed at breakfast",
    "right hip fracture": "a mechanical fall at home with right hip pain and inability to bear weight",
    "acute kidney injury": "poor oral intake for a week and decreased urine output",
    "acute appendicitis": "periumbilical pain migrating to the right lower quadrant with nausea",
}
EXAM = ["General: alert, in no acute distress", "HEENT: mucous membranes moist, no scleral icterus",
        "Neck: supple, no JVD", "CV: regular rate and rhythm, no murmurs", "Lungs: clear to auscultation bilaterally",
        "Abdomen: soft, non-tender, non-distended, normal bowel sounds", "Extremities: no edema, pulses 2+ bilaterally",
        "Skin: warm and dry, no rashes", "Neuro: alert and oriented x3, no focal deficits",
        "Psych: normal mood and affect"]
ROS = ["Constitutional: denies weight loss", "Eyes: no vision changes", "ENT: no sore throat",
       "Cardiovascular: see HPI", "Respiratory: see HPI", "GI: no nausea, vomiting or diarrhea",
       "GU: no hematuria", "MSK: chronic knee pain", "Skin: no rashes", "Neuro: no headaches",
       "Psych: no depression", "Heme: no easy bruising"]
ACUTE = [c for c in CONDITIONS if c[2] in SYMPTOMS]
COND_MEDS = {
    "type 2 diabetes": ["metformin", "insulin glargine"], "hypertension": ["lisinopril", "amlodipine", "losartan"],
    "CKD stage 3": ["losartan", "furosemide"], "heart failure": ["furosemide", "metoprolol succinate", "lisinopril"],
    "right knee osteoarthritis": ["acetaminophen"], "depression": ["sertraline"],
    "atrial fibrillation": ["apixaban", "metoprolol succinate"], "hyperlipidemia": ["atorvastatin"],
    "GERD": ["omeprazole"], "asthma": ["albuterol HFA"], "seizure disorder": ["levetiracetam"],
    "hypothyroidism": ["levothyroxine"], "low back pain": ["acetaminophen", "gabapentin"],
}
CHRONIC = [c for c in CONDITIONS if c[2] in COND_MEDS]
MED_BY_NAME = {m[0]: m for m in MEDS}


def meds_for(g, c, extra=0):
    names = list(COND_MEDS.get(c[2], []))
    names = g.sample(names, g.n(1, len(names))) if names else []
    others = [m for m in ORAL_MEDS if m[0] not in names]
    return [MED_BY_NAME[n] for n in names] + g.sample(others, extra)


def vitals(g):
    return "T %.1f  HR %d  BP %d/%d  RR %d  SpO2 %d%% %s" % (
        g.r.uniform(36.4, 38.9), g.n(58, 124), g.n(96, 178), g.n(52, 98), g.n(12, 26), g.n(86, 100),
        g.pick(["RA", "on 2L NC", "RA", "on 4L NC"]))


def note_header(g, pt, doc, when, kind="Progress Note", dob_style="us"):
    style = g.pick("abc")
    if style == "a":
        return L(R("{{f}} - {{k}}", f=fac_name(g), k=kind),
                 R("Patient: {{n}}    DOB: {{d}}    MRN: {{m}}", n=pt.lf(), d=pt.dob_(dob_style), m=pt.mrn_()),
                 R("Date of service: {{s}}    Provider: {{p}}", s=P("date", fd(when, "us")), p=doc.name_cred()))
    if style == "b":
        return L(kind.upper(),
                 R("Name: {{n}}", n=pt.name_m()),
                 R("DOB: {{d}} ({{a}} y.o. {{s}})", d=pt.dob_(dob_style), a=pt.age_(), s=pt.sex),
                 R("MRN: {{m}}  Acct: {{c}}", m=pt.mrn_(), c=pt.acct_()),
                 R("Seen: {{s}}  Attending: {{p}}", s=P("date", fd(when, "long")), p=doc.name_cred()))
    return L(R("{{n}} | {{m}} | DOB {{d}} | {{a}}", n=pt.LF(), m=pt.mrn_(), d=pt.dob_(dob_style),
               a=pt.age_glued(pt.sex)), R("{{k}} - {{w}} - {{p}}", k=kind, w=P("date", fd(when, "us")), p=doc.name_cred()))


@tpl("clinical_note", "short")
def note_two_line(g):
    pt = g.person(min_age=30, max_age=99)
    c = g.pick(CHRONIC)
    m = meds_for(g, c)[0]
    when = g.today - dt.timedelta(days=g.n(0, 20))
    return g.pick([
        L(R("Pt {{n}} (MRN {{mr}}) seen {{d}} for f/u {{c}}. BP {{bp}}, wt stable.", n=pt.name(), mr=pt.mrn_(),
            d=P("date", fd(when, "md")), c=cond_short(c), bp="%d/%d" % (g.n(118, 162), g.n(68, 96))),
          R("Cont {{m}}. RTC 3 mo, sooner prn.", m=med_(m))),
        L(R("{{n}}, {{a}}, DOB {{d}} - {{c}}, stable on {{m}}.", n=pt.name(), a=pt.age_glued(pt.sex.lower()),
            d=pt.dob_("us1"), c=cond_short(c), m=DC("medication", m[0])),
          "Labs ordered, will call with results."),
    ])


@tpl("clinical_note", "short")
def note_slack_oneliner(g):
    pt = g.person(min_age=70, max_age=104)
    rel, word, code, text = relative(g, pt, 35, 75)
    return g.pick([
        R("FYI {{t}} {{l}} in {{r}}, {{a}}, family ({{w}} {{rn}} {{p}}) wants a call before d/c",
          t=pt.title(), l=pt.last(), r=g.pick(["4B", "512", "MICU 7", "ED hall 3", "Tele 14"]), a=pt.age_glued("yo"), w=word,
          rn=rel.name(), p=rel.cell_()),
        R("heads up: {{n}} ({{a}} y/o, MRN {{m}}) back in the ED again, third time this month. {{w}} is at bedside.",
          n=pt.name(), a=pt.age_(), m=pt.mrn_(), w=word.capitalize()),
    ])


@tpl("clinical_note", "short")
def note_phone_msg(g):
    pt = g.person(min_age=20, max_age=96)
    rn = g.staff("rn")
    m = g.med()
    return L(R("Telephone encounter {{d}} {{t}}", d=ticket_date(g), t=g.now.strftime("%H:%M")),
             R("Caller: patient {{n}}, DOB {{b}}, cb {{p}}", n=pt.name(), b=pt.dob_("us"), p=pt.phone_()),
             R("Reason: requesting refill of {{m}}; out since yesterday.", m=DC("medication", m[0])),
             R("Routed to PCP pool. - {{r}}", r=rn.name_cred()))


@tpl("clinical_note", "short")
def note_flowsheet_line(g):
    pt = g.person(min_age=18, max_age=99)
    doc = g.staff()
    when = g.now - dt.timedelta(hours=g.n(0, 12))
    return L(R("{{d}} {{n}} ({{m}}): {{v}}", d=P("date", when.strftime("%m/%d %H:%M")), n=pt.LF(), m=pt.mrn_(),
               v=vitals(g)),
             R("MD notified ({{d}}), 500 mL NS bolus ordered, recheck in 1h.", d=doc.dr()))


@tpl("clinical_note", "medium")
def note_soap(g):
    pt = g.person(min_age=18, max_age=99)
    doc = g.staff()
    c = g.pick(CHRONIC)
    meds = meds_for(g, c, g.n(0, 2))
    when = g.today - dt.timedelta(days=g.n(0, 14))
    return L(note_header(g, pt, doc, when, "Clinic Progress Note"), "",
             "S:", R("{{a}} y.o. with {{c}} here for follow-up. Reports {{x}}. Taking meds as prescribed.",
                     a=pt.age_(), c=cond_short(c), x=g.pick(["feeling better overall", "occasional dizziness in the "
                                                             "morning", "poor sleep", "no new complaints"])),
             R("Lives {{w}}. Non-smoker.", w=g.pick(["alone", "with spouse", "with daughter", "in assisted living"])), "",
             "O:", vitals(g), *g.sample(EXAM, 4), "",
             "A/P:", R("1. {{c}} ({{i}}) - {{x}}", c=cond_long(c), i=icd(c), x=g.pick(["stable", "improving",
                                                                                      "not at goal"])),
             *[R("   - continue {{m}}", m=med_(m)) for m in meds],
             R("2. Health maintenance - {{x}}", x=g.pick(["flu shot given today", "due for colonoscopy",
                                                       "mammogram ordered"])), "",
             R("Follow-up {{d}} or sooner if worse.", d=P("date", fd(when + dt.timedelta(days=g.pick([28, 42, 90])), "us"))),
             "", R("Electronically signed by {{d}} on {{t}}", d=doc.name_cred(),
                   t=P("date", fd(when, "us"))))


@tpl("clinical_note", "medium")
def note_discharge_summary_med(g):
    pt = g.person(min_age=40, max_age=103)
    doc, pcp = g.staff(), g.staff()
    c = g.pick(ACUTE)
    adm = g.today - dt.timedelta(days=g.n(3, 20))
    dis = adm + dt.timedelta(days=g.n(2, 7))
    meds = g.sample(ORAL_MEDS, g.n(3, 5))
    return L("DISCHARGE SUMMARY", "",
             R("Patient: {{n}}   MRN: {{m}}   DOB: {{d}}", n=pt.lf(), m=pt.mrn_(), d=pt.dob_("us")),
             R("Admitted: {{a}}   Discharged: {{b}}", a=P("date", fd(adm, "us")), b=P("date", fd(dis, "us"))),
             R("Attending: {{d}}   PCP: {{p}}", d=doc.name_cred(), p=pcp.name()), "",
             R("Principal diagnosis: {{c}} ({{i}})", c=cond_long(c), i=icd(c)), "",
             "Hospital course:",
             R("{{a}}-year-old admitted with {{s}}. Treated per protocol, improved steadily and is back to baseline "
               "function.", a=pt.age_(), s=DC("condition", SYMPTOMS[c[2]])), "",
             "Discharge medications:", *[R("- {{m}}", m=med_(m)) for m in meds], "",
             R("Disposition: {{x}}", x=g.pick(["home with family", "home with home health", "skilled nursing facility"])),
             R("Follow-up: PCP within 7 days; cardiology {{d}}.", d=P("date", fd(dis + dt.timedelta(days=g.n(10, 30)), "us"))),
             "", R("Dictated by {{d}}", d=doc.name_cred()))


@tpl("clinical_note", "medium")
def note_ed_note(g):
    pt = g.person(min_age=18, max_age=99)
    doc = g.staff()
    c = g.pick(ACUTE)
    rel, word, code, text = relative(g, pt)
    when = g.now - dt.timedelta(hours=g.n(1, 50))
    return L(R("ED Provider Note - {{f}}", f=fac_name(g)),
             R("{{n}}  {{a}}  MRN {{m}}  Arrived {{t}}", n=pt.name(), a=pt.age_glued(pt.sex), m=pt.mrn_(),
               t=P("date", when.strftime("%m/%d/%Y %H:%M"))), "",
             R("CC: {{c}}", c=cond_short(c)),
             R("HPI: Patient presents with {{s}}. History obtained from patient and {{w}} ({{r}}), who is at bedside.",
               s=DC("condition", SYMPTOMS[c[2]]), w=word, r=rel.name()), "",
             "Vitals: " + vitals(g), *g.sample(EXAM, 5), "",
             "ED course: labs and imaging obtained; see results. Symptoms improved with treatment.", "",
             R("Impression: {{c}}", c=cond_long(c)),
             R("Disposition: admit to medicine under {{d}}.", d=g.staff().dr()), "",
             R("{{w}} contact for updates: {{p}}", w=word.capitalize(), p=rel.phone_()),
             R("-- {{d}}", d=doc.name_cred()))


@tpl("clinical_note", "medium")
def note_refill_phone(g):
    pt = g.person(min_age=30, max_age=97)
    rn, doc = g.staff("rn"), g.staff()
    m = g.med()
    pharm = g.pick(["CVS #%d" % g.n(1000, 9999), "Walgreens #%05d" % g.n(1, 19999), "Rite Aid", "Costco Pharmacy"])
    return L("TELEPHONE ENCOUNTER",
             R("Date/time: {{d}} {{t}}", d=ticket_date(g), t=g.now.strftime("%I:%M %p")),
             R("Patient: {{n}}  DOB: {{b}}  MRN: {{m}}", n=pt.name(), b=pt.dob_("us"), m=pt.mrn_()),
             R("Spoke with: {{w}}", w=g.pick(["patient", "patient's spouse", "patient's daughter"])),
             R("Phone: {{p}}", p=pt.phone_()), "",
             R("Reason for call: refill of {{m}}. Last filled {{d}} (90-day supply).", m=med_(m),
               d=P("date", fd(g.today - dt.timedelta(days=g.n(80, 120)), "us"))),
             R("Pharmacy: {{p}}", p=pharm),
             R("Last office visit: {{d}}. Next: not scheduled.", d=P("date", fd(g.today - dt.timedelta(days=g.n(100, 300)), "us"))),
             "", "Protocol: refill x1 per protocol, needs appointment before next refill.",
             R("Sent to {{d}} for signature.", d=doc.dr()),
             R("Patient informed, will schedule via portal. -- {{r}}", r=rn.name_cred()))


@tpl("clinical_note", "long")
def note_hp_long(g):
    pt = g.person(min_age=55, max_age=104)
    rel, word, code, text = relative(g, pt, 30, 75)
    doc, pcp = g.staff(), g.staff()
    c = g.pick(ACUTE)
    when = g.now - dt.timedelta(hours=g.n(1, 40))
    pmh = g.sample(CHRONIC, g.n(3, 6))
    meds = []
    for x in pmh:
        meds += [m for m in meds_for(g, x) if m not in meds]
    out = [note_header(g, pt, doc, when, "History and Physical"), "",
           R("CHIEF COMPLAINT: {{c}}", c=cond_short(c)), "",
           "HISTORY OF PRESENT ILLNESS:",
           R("{{n}} is a {{a}}-year-old {{sx}} with a history of {{h}} who presents with {{s}}. {{He}} was in "
             "{{his}} usual state of health until about {{k}} days ago. {{W}} ({{r}}) noticed {{him}} becoming more "
             "tired and brought {{him}} in today.", n=pt.name(), a=pt.age_(), sx="man" if pt.sex == "M" else "woman",
             h=J(", ", [cond_short(x) for x in pmh[:3]]), s=DC("condition", SYMPTOMS[c[2]]), He=pt.he().capitalize(),
             his=pt.his(), k=str(g.n(2, 6)), W=("Her " if pt.sex == "F" else "His ") + word, r=rel.name(),
             him="him" if pt.sex == "M" else "her"), "",
           "PAST MEDICAL HISTORY:", *[R("- {{c}}", c=cond_short(x)) for x in pmh], "",
           R("Cardiac device: {{d}}, serial {{s}}", d=g.pick(["Medtronic Azure XT DR pacemaker", "Boston Scientific ICD",
                                                              "Abbott Assurity pacemaker"]),
             s=P("device_id", "%s%06d%s" % (g.pick(["RNB", "PJN", "SN"]), g.n(0, 999999), g.pick(["S", "H", ""])))) if g.chance(0.4) else None,
           "PAST SURGICAL HISTORY:", *g.pick([["- cholecystectomy", "- cataract surgery, both eyes"],
                                              ["- appendectomy", "- right knee arthroscopy"], ["- none"],
                                              ["- hysterectomy" if pt.sex == "F" else "- inguinal hernia repair",
                                               "- tonsillectomy (childhood)"]]), "",
           "MEDICATIONS:", *[R("- {{m}}", m=med_(m)) for m in meds], "",
           R("ALLERGIES: {{a}}", a=g.pick([DC("medication", "penicillin"), DC("medication", "sulfa"), "NKDA"])), "",
           "SOCIAL HISTORY:",
           R("Lives at {{a}} with {{his}} {{w}}, {{r}}, who is the main caregiver (cell {{p}}).", a=pt.addr1(),
             his=pt.his(), w=word, r=rel.first(), p=rel.cell_()),
           g.pick(["Former smoker, quit 20 years ago. No alcohol.", "Never smoker. Occasional wine.",
                   "Smokes 1/2 ppd. Drinks 2-3 beers on weekends."]),
           R("PCP: {{p}}", p=pcp.dr()), "",
           "FAMILY HISTORY:", "Mother with hypertension; father with colon cancer.", "",
           "REVIEW OF SYSTEMS:", *g.sample(ROS, 9), "All other systems reviewed and negative.", "",
           "PHYSICAL EXAM:", "Vitals: " + vitals(g), *EXAM, "",
           "LABS:"]
    for lab in g.sample(LABS, g.n(5, 8)):
        code_, nm, unit, rng_, (lo, hi) = lab
        v = g.r.uniform(lo, hi)
        out.append("%-16s %8s %-8s (%s)" % (nm, ("%.1f" % v) if hi < 50 else str(int(v)), unit, rng_))
    out += ["", "IMAGING:", g.pick(["CXR: no acute cardiopulmonary process.", "CXR: right lower lobe opacity.",
                                    "CT head: no acute intracranial abnormality."]), "",
            "ASSESSMENT AND PLAN:",
            R("{{a}} y.o. with {{c}}.", a=pt.age_(), c=cond_long(c)),
            R("1. {{c}} ({{i}})", c=cond_short(c), i=icd(c)),
            "   - admit to medicine, telemetry", "   - labs in AM, trend", "   - PT/OT eval"]
    for i, x in enumerate(pmh[:3]):
        out.append(R("{{k}}. {{c}} - continue home regimen", k=str(i + 2), c=cond_short(x)))
    out += ["", "DVT prophylaxis: enoxaparin. Code status: %s." % g.pick(["Full code", "DNR/DNI", "DNR, OK to intubate"]),
            R("Discussed with patient and {{w}} {{r}} at bedside; questions answered.", w=word, r=rel.first()), "",
            R("{{d}}", d=doc.name_cred()), fac_name(g)]
    return L(*out)


@tpl("clinical_note", "long")
def note_discharge_long(g):
    pt = g.person(min_age=40, max_age=104)
    rel, word, code, text = relative(g, pt, 30, 75)
    doc, pcp, cons = g.staff(), g.staff(), g.staff()
    c = g.pick(ACUTE)
    adm = g.today - dt.timedelta(days=g.n(6, 20))
    los = g.n(4, 8)
    dis = adm + dt.timedelta(days=los)
    meds = g.sample(ORAL_MEDS, g.n(5, 9))
    out = ["DISCHARGE SUMMARY", fac_name(g), "",
           R("Patient name: {{n}}", n=pt.name_m()),
           R("Date of birth: {{d}}   Age: {{a}}   Sex: {{s}}", d=pt.dob_("long"), a=pt.age_(), s=pt.sex),
           R("MRN: {{m}}   Visit: {{v}}", m=pt.mrn_(), v=pt.visit_()),
           R("Admission date: {{a}}", a=P("date", fd(adm, "us"))),
           R("Discharge date: {{b}}", b=P("date", fd(dis, "us"))),
           R("Attending: {{d}}   Consultants: {{c}} (cardiology)", d=doc.name_cred(), c=cons.name_cred()),
           R("Primary care: {{p}}", p=pcp.name_cred()), "",
           "DIAGNOSES", R("Principal: {{c}} ({{i}})", c=cond_long(c), i=icd(c))]
    for x in g.sample([y for y in CONDITIONS if y != c], 3):
        out.append(R("Secondary: {{c}} ({{i}})", c=cond_long(x), i=icd(x)))
    out += ["", "HOSPITAL COURSE"]
    course = ["Admitted to medicine, started on IV therapy, vitals monitored closely."] + g.sample([
        "Improving, tolerating diet, ambulating with PT.", "Labs trending toward baseline; IV switched to oral.",
        "Overnight episode of confusion, resolved with reorientation.", "Seen by cardiology, echo obtained.",
        "Family meeting held, goals of care discussed.", "Weaned off oxygen; walking the halls.",
        "Afebrile for 24 hours; cultures negative so far.", "PT recommends home with walker and home PT.",
        "Electrolytes repleted; diuresis continued."], los - 1) + ["Cleared for discharge by PT and case management."]
    for d in range(los + 1):
        day = adm + dt.timedelta(days=d)
        out.append(R("{{d}}: {{t}}", d=P("date", fd(day, "md")), t=course[d]))
    out += ["", "PROCEDURES", g.pick(["None.", "Transthoracic echocardiogram.", "PICC line placement."]), "",
            "CONDITION AT DISCHARGE", "Stable. Alert, oriented, ambulating with walker.", "",
            "DISCHARGE MEDICATIONS"]
    for m in meds:
        out.append(R("- {{m}}{{s}}", m=med_(m), s=g.pick(["", "", " (NEW)", " (CHANGED dose)"])))
    out += ["", "STOPPED MEDICATIONS", R("- {{m}}", m=DC("medication", g.pick(["ibuprofen", "naproxen", "glipizide"]))), "",
            "FOLLOW-UP APPOINTMENTS",
            R("- {{p}}, primary care, {{d}} at 10:20 AM", p=pcp.dr(), d=P("date", fd(dis + dt.timedelta(days=g.n(5, 10)), "long"))),
            R("- {{p}}, cardiology, {{d}} at 2:40 PM", p=cons.dr(), d=P("date", fd(dis + dt.timedelta(days=g.n(14, 30)), "long"))),
            "- Labs (BMP) in 1 week at any lab", "",
            "PATIENT INSTRUCTIONS",
            "- Weigh yourself every morning; call if up more than 3 lb in a day or 5 lb in a week.",
            "- Low salt diet, 2 g sodium.", "- Return to the ED for chest pain, trouble breathing or fainting.", "",
            "CONTACTS",
            R("Patient phone: {{p}}", p=pt.phone_()),
            R("Emergency contact: {{r}} ({{w}}), {{p}}", r=rel.name(), w=word, p=rel.phone_()),
            R("Home address: {{a}}", a=pt.addr1()), "",
            "PENDING RESULTS AT DISCHARGE", "Blood cultures x2 - no growth to date, final in 48 h.", "",
            R("Time spent on discharge: {{m}} minutes.", m=str(g.n(31, 55))),
            R("Electronically signed: {{d}} {{t}}", d=doc.name_cred(), t=P("date", fd(dis, "us")))]
    return L(*out)


@tpl("clinical_note", "long")
def note_progress_multi(g):
    pt = g.person(min_age=20, max_age=102)
    docs = [g.staff(), g.staff(), g.staff("np")]
    c = g.pick(ACUTE)
    adm = g.today - dt.timedelta(days=g.n(5, 15))
    days = g.n(4, 6)
    out = [R("Progress notes for {{n}} (MRN {{m}}, DOB {{d}}) - copied from the chart for the case review",
             n=pt.name(), m=pt.mrn_(), d=pt.dob_("us")), ""]
    for k in range(days):
        day = adm + dt.timedelta(days=k + 1)
        doc = g.pick(docs)
        out += ["=" * 50, R("HOSPITAL DAY {{k}} - {{d}} - {{p}}", k=str(k + 2), d=P("date", fd(day, "us")), p=doc.name_cred()),
                "=" * 50,
                "Subjective: " + g.pick(["Slept poorly. Pain 4/10.", "Feels better, ate breakfast.",
                                         "Still short of breath walking to the bathroom.", "No complaints overnight."]),
                "Objective: " + vitals(g),
                "  I/O: %d / %d mL" % (g.n(800, 2400), g.n(600, 3100)),
                "  Labs: Na %d, K %.1f, Cr %.1f, WBC %.1f" % (g.n(128, 145), g.r.uniform(3.1, 5.4), g.r.uniform(0.6, 2.9),
                                                            g.r.uniform(4, 18)),
                "  " + g.pick(EXAM), "  " + g.pick(EXAM),
                "Assessment/Plan:",
                R("  # {{c}} - {{x}}", c=cond_short(c), x=g.pick(["improving", "slow improvement", "unchanged"])),
                "    - " + g.pick(["continue current antibiotics", "diurese, goal net negative 1 L",
                                   "advance diet", "wean O2 as tolerated"]),
                "    - " + g.pick(["PT/OT", "repeat labs AM", "case management for dispo", "family update by phone"]),
                "  # Dispo: " + g.pick(["home in 1-2 days", "SNF, referrals sent", "pending PT rec"]), ""]
    return L(*out)


# ---------------------------------------------------------------------------
# csv_claims
# ---------------------------------------------------------------------------

CARC = ["CO-45", "CO-97", "PR-1", "PR-2", "CO-16", "CO-197", "CO-50", "OA-23", "PR-3", "CO-4"]
CLAIM_STATUS = ["PAID", "DENIED", "PENDED", "PAID", "PARTIAL", "REJECTED", "PAID"]


class Claim:
    def __init__(self, g, pt=None, npis=None):
        self.pt = pt or g.person(min_age=0, max_age=101)
        self.id = g.claim()
        self.dos = g.today - dt.timedelta(days=g.n(5, 120))
        self.cpt = g.cpt()
        self.cond = g.cond()
        self.units = g.pick([1, 1, 1, 2, 3])
        self.billed = self.cpt[2] * self.units * g.r.uniform(1.4, 2.6)
        self.allowed = self.cpt[2] * self.units * g.r.uniform(0.7, 1.0)
        self.status = g.pick(CLAIM_STATUS)
        self.paid = 0.0 if self.status in ("DENIED", "REJECTED", "PENDED") else self.allowed * g.r.uniform(0.6, 0.95)
        self.carc = "" if self.status == "PAID" else g.pick(CARC)
        self.npi = g.pick(npis) if npis else g.npi()
        self.payer = g.pick(PAYERS)
        self.pos = g.pick(["11", "21", "22", "23", "11", "02"])


def qcsv(v, sep=","):
    txt = "".join(x if isinstance(x, str) else x[2] for x in flatten(v))
    if sep in txt or '"' in txt:
        return ['"', v, '"']
    return v


def claim_cell(g, c, col, ds, sep=","):
    pt = c.pt
    m = {
        "claim_id": lambda: P("other_id", c.id), "claim_no": lambda: P("other_id", c.id),
        "member_id": pt.member_, "subscriber_id": pt.member_, "mbi": pt.mbi_,
        "patient_name": lambda: qcsv(pt.lf(), sep), "patient_last": pt.last, "patient_first": pt.first,
        "dob": lambda: pt.dob_(ds), "patient_dob": lambda: pt.dob_(ds),
        "dos": lambda: P("date", fd(c.dos, ds)), "from_dos": lambda: P("date", fd(c.dos, ds)),
        "cpt": lambda: cptc(c.cpt), "hcpcs": lambda: cptc(c.cpt), "icd10": lambda: icd(c.cond), "dx1": lambda: icd(c.cond),
        "units": lambda: str(c.units), "billed": lambda: money(c.billed), "charge": lambda: money(c.billed),
        "allowed": lambda: money(c.allowed), "paid": lambda: money(c.paid), "status": lambda: c.status,
        "carc": lambda: c.carc, "rendering_npi": lambda: DC("other_id", c.npi), "npi": lambda: DC("other_id", c.npi),
        "payer": lambda: qcsv(c.payer, sep), "pos": lambda: c.pos, "acct": pt.acct_, "patient_acct": pt.acct_,
        "zip": lambda: P("zip_code", pt.zip5), "sex": lambda: pt.sex, "phone": pt.phone_,
        "subscriber_ssn": pt.ssn_, "address": lambda: qcsv(pt.street_(), sep), "city": pt.city_, "state": pt.state_,
        "patient_resp": lambda: money(max(0.0, c.allowed - c.paid)),
    }
    return m[col]()


CLAIM_COLSETS = [
    ["claim_id", "member_id", "patient_name", "dob", "dos", "cpt", "icd10", "units", "billed", "allowed", "paid", "status"],
    ["claim_no", "patient_last", "patient_first", "patient_dob", "subscriber_id", "from_dos", "hcpcs", "dx1", "charge", "payer", "carc"],
    ["claim_id", "patient_acct", "patient_name", "dob", "zip", "dos", "cpt", "rendering_npi", "billed", "status"],
    ["claim_no", "mbi", "patient_last", "patient_first", "dob", "dos", "hcpcs", "pos", "allowed", "paid", "patient_resp"],
]


def claim_csv(g, cols, claims, ds, sep=","):
    out = [sep.join(cols)]
    for c in claims:
        out.append(J(sep, [claim_cell(g, c, col, ds, sep) for col in cols]))
    return out


@tpl("csv_claims", "short")
def csv_header_one_row(g):
    cols = g.pick(CLAIM_COLSETS)
    if "mbi" in cols:
        claims = [Claim(g, g.person(min_age=66, max_age=101))]
    else:
        claims = [Claim(g)]
    return L(*claim_csv(g, cols, claims, g.pick(["us", "iso", "us1"])))


@tpl("csv_claims", "short")
def csv_row_no_header(g):
    cols = g.pick(CLAIM_COLSETS[:3])
    c = Claim(g)
    intro = g.pick(["this row fails validation (dob after dos??):", "row 4411 from the 837 flat file:",
                    "Only this one errored out of the batch:", "payer kicked back this line -"])
    return L(intro, J(",", [claim_cell(g, c, col, "us") for col in cols]))


@tpl("csv_claims", "short")
def csv_pipe_rows(g):
    cols = g.pick(CLAIM_COLSETS)
    n = g.n(2, 3)
    claims = [Claim(g, g.person(min_age=66, max_age=100)) if "mbi" in cols else Claim(g) for _ in range(n)]
    return L(*claim_csv(g, cols, claims, g.pick(["iso", "hl7"]), sep="|"))


@tpl("csv_claims", "short")
def csv_error_logline(g):
    c = Claim(g)
    row = J(",", [claim_cell(g, c, col, "us") for col in ["claim_id", "member_id", "patient_name", "dob", "dos", "cpt"]])
    return L(Seg([g.ts(), " ERROR ClaimLoader - line %d: %s: " % (g.n(2, 90000), g.pick(
        ["member not found", "DOS outside coverage period", "invalid CPT/ICD pairing", "duplicate claim"]))]) + row,
        g.ts() + " WARN  ClaimLoader - skipping row, %d errors so far" % g.n(2, 40))


@tpl("csv_claims", "medium")
def csv_claims_export(g):
    cols = g.pick(CLAIM_COLSETS)
    n = g.n(10, 22)
    npis = [g.npi() for _ in range(3)]
    claims = [Claim(g, g.person(min_age=66, max_age=101) if "mbi" in cols else None, npis) for _ in range(n)]
    out = []
    if g.chance(0.5):
        out.append("# export %s_claims_%s.csv" % (g.fac[1].lower(), g.today.strftime("%Y%m%d")))
    return L(*out, *claim_csv(g, cols, claims, g.pick(["us", "iso"])))


@tpl("csv_claims", "medium")
def csv_remit_flat(g):
    n = g.n(10, 18)
    payer = g.pick(PAYERS)
    cols = ["payer_claim_no", "pt_acct", "last", "first", "member_id", "svc_date", "proc", "billed", "allowed",
            "paid", "adj_code", "adj_amt"]
    out = ["ERA %s  check/EFT %s  paid %s" % (payer, "%010d" % g.n(0, 9999999999), g.today.strftime("%Y-%m-%d")),
           ",".join(cols)]
    for _ in range(n):
        c = Claim(g)
        out.append(J(",", [P("other_id", c.id), c.pt.acct_(), qcsv(c.pt.last()), qcsv(c.pt.first()), c.pt.member_(),
                           P("date", fd(c.dos, "hl7")), cptc(c.cpt), money(c.billed), money(c.allowed), money(c.paid),
                           c.carc or "CO-45", money(c.billed - c.allowed)]))
    return L(*out)


@tpl("csv_claims", "medium")
def csv_eligibility_roster(g):
    n = g.n(10, 18)
    plan = g.pick(["HMO Silver", "PPO 2000", "Medicare Advantage", "Medicaid MCO"])
    cols = ["member_id", "last_name", "first_name", "dob", "sex", "address", "city", "state", "zip", "phone",
            "plan", "eff_date", "term_date"]
    out = [",".join(cols)]
    for _ in range(n):
        p = g.person(min_age=0, max_age=99)
        eff = dt.date(g.today.year - g.n(0, 3), g.pick([1, 4, 7, 10]), 1)
        out.append(J(",", [p.member_(), qcsv(p.last()), qcsv(p.first()), p.dob_("us"), p.sex, qcsv(p.street_()),
                           p.city_(), p.state_(), P("zip_code", p.zip5), p.phone_("dash"), plan,
                           DC("date", fd(eff, "us")), g.pick(["", "", DC("date", "12/31/2026")])]))
    return L(*out)


@tpl("csv_claims", "medium")
def csv_denial_report(g):
    st = g.staff("")
    n = g.n(8, 14)
    cols = ["claim_no", "patient_name", "dob", "dos", "cpt", "dx1", "carc", "work_note"]
    out = ["Denial Worklist Report", "Run: %s  User: %s" % (g.now.strftime("%m/%d/%Y %H:%M"), "svc_rcm_batch"),
           R("Owner: {{o}}", o=st.name()), "", ",".join(cols)]
    for _ in range(n):
        c = Claim(g)
        c.status = "DENIED"
        c.carc = c.carc or g.pick(CARC)
        note = g.pick(["resubmit w/ modifier 25", "need auth #", "appeal - med nec letter", "coord of benefits - ask pt",
                       "wrong member id, fixed", "timely filing, write off"])
        out.append(J(",", [P("other_id", c.id), qcsv(c.pt.lf()), c.pt.dob_("us"), P("date", fd(c.dos, "us")),
                           cptc(c.cpt), icd(c.cond), c.carc, note]))
    out += ["", "Total denied: %d" % n]
    return L(*out)


@tpl("csv_claims", "long")
def csv_claim_export_long(g):
    cols = g.pick(CLAIM_COLSETS)
    n = g.n(60, 100)
    npis = [g.npi() for _ in range(5)]
    claims = [Claim(g, g.person(min_age=66, max_age=101) if "mbi" in cols else None, npis) for _ in range(n)]
    return L(*claim_csv(g, cols, claims, g.pick(["us", "iso", "us1"])))


@tpl("csv_claims", "long")
def csv_line_level_long(g):
    cols = ["claim_id", "line", "member_id", "patient_name", "dob", "dos", "cpt", "icd10", "units", "charge", "rendering_npi"]
    out = [",".join(cols)]
    npis = [g.npi() for _ in range(4)]
    k = g.n(22, 34)
    for _ in range(k):
        c = Claim(g, None, npis)
        for ln in range(g.n(1, 4)):
            cp = g.cpt() if ln else c.cpt
            out.append(J(",", [P("other_id", c.id), str(ln + 1), c.pt.member_(), qcsv(c.pt.lf()), c.pt.dob_("us"),
                               P("date", fd(c.dos, "us")), cptc(cp), icd(c.cond), str(c.units), money(cp[2] * 1.8),
                               DC("other_id", c.npi)]))
    return L(*out[:180])


@tpl("csv_claims", "long")
def csv_recon_long(g):
    st = g.staff("")
    n = g.n(45, 70)
    claims = [Claim(g) for _ in range(n)]
    tot_b = sum(c.billed for c in claims)
    tot_p = sum(c.paid for c in claims)
    out = ["Monthly claims reconciliation - %s %d" % (MONTHS[(g.today.month - 2) % 12], g.today.year),
           R("Prepared by: {{s}}", s=st.name()), "Source: clearinghouse export + remit files", "",
           "SUMMARY", "claims,%d" % n, "billed,%s" % money(tot_b), "paid,%s" % money(tot_p),
           "denied,%d" % sum(1 for c in claims if c.status == "DENIED"),
           "pended,%d" % sum(1 for c in claims if c.status == "PENDED"), "", "DETAIL",
           "claim_id,patient_acct,patient_name,dob,dos,cpt,billed,paid,status,carc"]
    for c in claims:
        out.append(J(",", [P("other_id", c.id), c.pt.acct_(), qcsv(c.pt.lf()), c.pt.dob_("iso"),
                           P("date", fd(c.dos, "iso")), cptc(c.cpt), money(c.billed), money(c.paid), c.status, c.carc]))
    out += ["", "EXCEPTIONS"]
    for c in g.sample(claims, 4):
        out.append(R("{{c}}: {{x}}", c=P("other_id", c.id), x=g.pick(["paid amount differs from remit by $0.01",
                                                                     "no remit received", "posted to wrong account",
                                                                     "duplicate payment"])))
    return L(*out)


# ---------------------------------------------------------------------------
# patient_email
# ---------------------------------------------------------------------------


def mailbox(g):
    return DC("staff_contact", g.pick(["frontdesk", "billing", "refills", "careteam", "records", "scheduling",
                                        "patientrelations"]) + "@" + g.fac[2])


def email_date(g, w=None):
    w = w or g.now
    return DC("date", g.pick([w.strftime("%a, %d %b %Y %H:%M:%S -0500"), w.strftime("%A, %B %d, %Y %I:%M %p"),
                              w.strftime("%m/%d/%Y %I:%M %p")]))


def pt_from(pt):
    return R("{{n}} <{{e}}>", n=pt.disp(), e=pt.email_())


def staff_sig(g, st):
    return L(R("{{n}}", n=st.name_cred()), R("{{r}}, {{f}}", r=g.pick(["Care Coordinator", "Patient Access",
                                                                        "Clinic RN", "Billing Specialist"]), f=fac_name(g)),
             R("Direct: {{p}} | {{e}}", p=st.phone_("dash"), e=st.email_()))


@tpl("patient_email", "short")
def email_snippet_header(g):
    pt = g.person(min_age=18, max_age=95)
    subj, body = g.pick([
        ("question about my results", R("Hi, it's {{f}}. Can you send me the results from {{d}}? Thanks", f=pt.first(),
                                        d=P("date", fd(g.today - dt.timedelta(days=g.n(3, 20)), "md")))),
        ("need a letter for work", R("I need a note for my employer for the visit on {{d}}. - {{n}}",
                                     d=P("date", fd(g.today - dt.timedelta(days=g.n(1, 10)), "us1")), n=pt.name())),
        ("refill please", R("My inhaler ran out, can you send a refill to the usual pharmacy? DOB {{d}}. {{f}}",
                            d=pt.dob_("us"), f=pt.first())),
    ])
    return L(R("From: {{f}}", f=pt_from(pt)), R("To: {{t}}", t=mailbox(g)), "Subject: " + subj, "", body)


@tpl("patient_email", "short")
def email_quick_message(g):
    pt = g.person(min_age=18, max_age=99)
    return g.pick([
        L(R("Hello, this is {{n}}, DOB {{d}}. My phone number changed to {{p}}, please update my chart.",
            n=pt.name(), d=pt.dob_("us"), p=pt.cell_()), "Thank you!"),
        L(R("Hola, soy {{n}} (fecha de nacimiento {{d}}). Mi nuevo número es {{p}}.", n=pt.name(), d=pt.dob_("eu"),
            p=pt.cell_()), "Gracias."),
        L("Hi there,", R("I moved - new address is {{a}}. Please send the bill there. {{n}}", a=pt.addr1(), n=pt.name())),
    ])


@tpl("patient_email", "short")
def email_forward_oneliner(g):
    pt = g.person(min_age=18, max_age=99)
    st = g.staff("")
    return L(R("FYI - see below, can someone call her back? {{s}}", s=st.first()) if pt.sex == "F" else
             R("FYI - see below, can someone call him back? {{s}}", s=st.first()),
             R("> From: {{f}}", f=pt_from(pt)),
             R("> I still haven't heard about my MRI from {{d}}. My cell is {{p}}.",
               d=P("date", fd(g.today - dt.timedelta(days=g.n(5, 20)), "mdl")), p=pt.cell_()))


@tpl("patient_email", "short")
def email_appt_confirm(g):
    pt = g.person(min_age=18, max_age=99)
    doc = g.staff()
    when = g.today + dt.timedelta(days=g.n(1, 20))
    return L(R("Hi {{f}}, this is a reminder of your appointment with {{d}} on {{w}} at {{t}} at {{fac}}.",
               f=pt.first(), d=doc.dr(), w=P("date", fd(when, "abbr")), t="%d:%02d %s" % (g.n(8, 11), g.pick([0, 15, 20, 40]), "AM"),
               fac=fac_name(g)),
             "Reply C to confirm or R to reschedule. Msg&data rates may apply.")


@tpl("patient_email", "medium")
def email_refill_request(g):
    pt = g.person(min_age=30, max_age=96)
    m = g.med()
    return L(R("From: {{f}}", f=pt_from(pt)), R("To: {{t}}", t=mailbox(g)), R("Date: {{d}}", d=email_date(g)),
             "Subject: refill", "",
             "Hello,", "",
             R("I'm almost out of my {{m}} and the pharmacy says they need a new prescription. I've been on it for "
               "years. Could you please send it to the {{p}} on {{s}}?", m=DC("medication", m[0]),
               p=g.pick(["CVS", "Walgreens", "Walmart pharmacy"]), s=g.pick(["Main St", "Route 9", "the corner of 5th"])),
             "", R("My date of birth is {{d}} in case you need it.", d=pt.dob_("long")), "",
             "Thanks so much,", pt.name(), pt.addr_lines(), pt.phone_())


@tpl("patient_email", "medium")
def email_staff_reply_quoted(g):
    pt = g.person(min_age=18, max_age=96)
    st = g.staff("rn")
    orig = g.now - dt.timedelta(hours=g.n(3, 50))
    appt = g.today + dt.timedelta(days=g.n(2, 14))
    return L(R("From: {{s}} <{{e}}>", s=st.name(), e=st.email_()), R("To: {{p}}", p=pt.email_()),
             R("Sent: {{d}}", d=email_date(g)), "Subject: RE: rescheduling", "",
             R("Hi {{f}},", f=pt.first()), "",
             R("I've moved you to {{d}} at 9:40 AM. Please arrive 15 minutes early and bring your insurance card.",
               d=P("date", fd(appt, "long"))), "", "Take care,", staff_sig(g, st), "",
             R("-----Original Message-----"), R("From: {{f}}", f=pt_from(pt)), R("Sent: {{d}}", d=email_date(g, orig)),
             R("To: {{t}}", t=st.email_()), "Subject: rescheduling", "",
             "Hi, I can't make my appointment next week because of work. Do you have anything the week after? Mornings are best.",
             "", pt.first())


@tpl("patient_email", "medium")
def email_relative_concern(g):
    pt = g.person(min_age=70, max_age=104)
    rel, word, code, text = relative(g, pt, 35, 72)
    adm = g.today - dt.timedelta(days=g.n(1, 6))
    kin = kin_word(word, pt.sex)
    return L(R("From: {{f}}", f=pt_from(rel)), R("To: {{t}}", t=mailbox(g)), R("Date: {{d}}", d=email_date(g)),
             R("Subject: my {{k}} {{n}}", k=kin, n=pt.name()), "",
             "To the care team,", "",
             R("My {{k}}, {{n}} (DOB {{d}}), was admitted on {{a}} and nobody has called the family with an update. "
               "{{He}} is {{age}} and gets confused at night, so {{he}} can't tell us what the doctors said.",
               k=kin, n=pt.name(), d=pt.dob_("us"), a=P("date", fd(adm, "mdl")), He=pt.he().capitalize(), age=pt.age_(),
               he=pt.he()), "",
             R("I am listed as the emergency contact. Please call me at {{p}} any time, or our home line {{q}}.",
               p=rel.cell_(), q=rel.phone_()), "",
             "Thank you,", rel.name())


@tpl("patient_email", "medium")
def email_billing_question(g):
    pt = g.person(min_age=20, max_age=92)
    svc = g.today - dt.timedelta(days=g.n(30, 90))
    return L(R("From: {{f}}", f=pt_from(pt)), R("To: {{t}}", t=mailbox(g)), R("Date: {{d}}", d=email_date(g)),
             "Subject: Statement question", "",
             "Hi,", "",
             R("I got a statement for ${{x}} for a visit on {{d}}. Account number {{a}}.", x=money(g.n(40, 700)),
               d=P("date", fd(svc, "us")), a=pt.acct_()),
             R("My insurance is {{p}}, member ID {{i}}, and I gave the card at check-in.", p=g.pick(PAYERS), i=pt.member_()),
             "Can you please resubmit to them before I pay anything?" if g.chance(0.5) else
             R("I tried to pay the copay part online with my card {{k}} but the page timed out - did it go through?",
               k=P("credit_card", g.card()[0])), "",
             R("The account is under my name, {{n}}, DOB {{d}}.", n=pt.name(), d=pt.dob_("us1")), "",
             "Thanks,", pt.first(), pt.phone_())


@tpl("patient_email", "long")
def email_long_thread(g):
    pt = g.person(min_age=25, max_age=95)
    rn, doc, sch = g.staff("rn"), g.staff(), g.staff("")
    old, new, effect, check, q2 = g.pick([
        ("lisinopril", ("losartan", "50 mg PO daily"), "a dry cough that keeps me up at night", "BP check",
         "Any fever or shortness of breath?"),
        ("metformin", ("metformin ER", "500 mg PO with dinner"), "stomach upset and diarrhea most mornings",
         "A1c check", "Are you taking it with food?"),
        ("atorvastatin", ("rosuvastatin", "10 mg PO nightly"), "aching in my thighs and shoulders", "lipid panel",
         "Any dark urine or weakness?"),
    ])
    msgs = []
    seq = [
        ("pt", ["Hi,", "", R("Since starting the {{m}} two weeks ago I've had {{e}}.", m=DC("medication", old), e=effect),
                "Is that normal? Should I stop it?", "", pt.first()]),
        ("rn", [R("Hi {{f}},", f=pt.first()), "",
                R("Thanks for letting us know. That can happen with this medication. Please don't stop it yet - I'm "
                  "sending your message to {{d}}.", d=doc.dr()), "", q2]),
        ("pt", ["No, nothing like that. Otherwise I feel fine.", "",
                R("Also my pharmacy changed, it's now the one near my new place ({{a}}).", a=pt.addr1())]),
        ("doc", [R("Hi {{f}},", f=pt.first()), "",
                 R("Let's switch you to {{m}}. I've sent it to the new pharmacy. Stop the old one once you pick this up.",
                   m=med_(new)), "",
                 "Please book a %s in 2-3 weeks." % check, "", doc.name_cred()]),
        ("pt", ["Thank you doctor. How do I book the %s? The portal only shows appointments next month." % check]),
        ("sch", [R("Hi {{f}}, I booked you for a nurse visit on {{d}} at 8:20 AM. Reply here if it doesn't work.",
                   f=pt.first(), d=P("date", fd(g.today + dt.timedelta(days=g.n(10, 20)), "long"))), "",
                 staff_sig(g, sch)]),
        ("pt", ["That works. See you then.", "", pt.name(), pt.cell_()]),
    ]
    who = {"pt": (pt_from(pt), None), "rn": (rn, rn), "doc": (doc, doc), "sch": (sch, sch)}
    out = ["Subject: Question about my medication (conversation, %d messages)" % len(seq), ""]
    for k, body in seq:
        g.tick(1800, 60000)
        if k == "pt":
            frm = pt_from(pt)
        else:
            s_ = who[k][0]
            frm = R("{{n}} <{{e}}>", n=s_.name(), e=s_.email_())
        out += ["-" * 40, R("From: {{f}}", f=frm), R("Date: {{d}}", d=email_date(g)), ""] + body + [""]
    out += ["-" * 40, R("This conversation is about: {{n}} (MRN {{m}})", n=pt.name(), m=pt.mrn_())]
    return L(*out)


@tpl("patient_email", "long")
def email_complaint_letter(g):
    pt = g.person(min_age=25, max_age=99)
    rel, word, code, text = relative(g, pt)
    st1, st2, doc = g.staff("rn"), g.staff(""), g.staff()
    visit = g.today - dt.timedelta(days=g.n(10, 40))
    c = g.pick(ACUTE)
    out = [R("From: {{f}}", f=pt_from(pt)), R("To: {{t}}", t=DC("staff_contact", "patientrelations@" + g.fac[2])),
           R("Date: {{d}}", d=email_date(g)), "Subject: Formal complaint about my ER visit", "",
           "To whom it may concern,", "",
           R("My name is {{n}} and I am writing about my visit to your emergency department on {{d}}. I want this "
             "complaint on record and I would like a written response.", n=pt.name(), d=P("date", fd(visit, "long"))), "",
           "What happened:", ""]
    t = dt.datetime(visit.year, visit.month, visit.day, g.n(8, 20), g.pick([5, 15, 30, 45]))
    events = [
        R("I arrived with my {{w}}, {{r}}, because of {{s}}.", w=word, r=rel.name(), s=DC("condition", SYMPTOMS[c[2]])),
        "I waited in the lobby for over four hours without anyone checking my vitals again.",
        "When I asked the front desk, I was told to sit down and wait my turn.",
        R("A nurse finally took me back. She was kind, but said there were no beds."),
        "I was placed in a hallway bed next to the bathroom.",
        "Nobody told me the results of my blood work until I asked twice.",
        R("The doctor ({{d}}) spent about two minutes with me and said I could go home.", d=doc.dr()),
        "I was discharged without a prescription for the pain medicine the doctor said would be sent.",
        "My pharmacy called the next day and had never received anything.",
        "I called the ER three times the next day and was transferred to voicemail each time.",
    ]
    timed = g.chance(0.5)
    for e in events:
        t = t + dt.timedelta(minutes=g.n(20, 150))
        out.append(["- " + (t.strftime("%I:%M %p").lstrip("0") + ": " if timed else ""), e])
    out += ["", "Other concerns:", "",
            "- The bathroom in the hallway had no soap the entire time I was there.",
            "- I asked for a blanket and an interpreter for my " + word + " and got neither.",
            "- My discharge papers had another patient's medication list on page 2. I am attaching a photo with "
            "the other name covered.",
            "- The parking validation machine was broken and I was charged $28."]
    out += ["", "Calls I made afterwards:", ""]
    cd = visit
    for what in ["ED front desk - transferred to voicemail", "ED front desk - told someone would call back",
                 "billing - they said to email patient relations", "patient relations - mailbox full"]:
        cd = cd + dt.timedelta(days=g.n(1, 4))
        out.append(R("- {{d}}: {{w}}", d=DC("date", fd(cd, "us")), w=what))
    out += ["", "Visit details:",
            R("Date of visit: {{d}}", d=P("date", fd(visit, "us"))),
            R("Facility: {{f}}", f=fac_name(g)),
            R("Came with: {{r}} ({{w}})", r=rel.name(), w=word)]
    out += ["", "What I am asking for:", "",
            "1. An explanation of why the wait was so long.", "2. Review of my bill, since I received very little care.",
            "3. A call from someone in patient relations.", "",
            R("The account number on my bill is {{a}} and my medical record number is {{m}}.", a=pt.acct_(), m=pt.mrn_()),
            R("I can be reached at {{p}} (cell) or by mail at:", p=pt.cell_()), pt.addr_lines(), "",
            R("If I am not available, you may speak to my {{w}} {{r}} at {{q}}; I give permission.", w=word,
              r=rel.first(), q=rel.phone_()), "",
            "I have been a patient at your hospital for many years and I have always had good care until now. I hope",
            "this can be fixed for the next person.", "", "Sincerely,", "", pt.name(), "",
            "---", R("Auto-acknowledgement sent {{d}} from patientrelations. Case PR-{{n}} opened, assigned to {{s}}.",
                     d=email_date(g), n=str(g.n(1000, 9999)), s=st2.name()), "",
            R("Internal note ({{s}}): pulled the ED record, triage time and room time match the patient's account. "
              "Routing to ED nursing leadership ({{t}}).", s=st2.first(), t=st1.name())]
    return L(*out)


@tpl("patient_email", "long")
def email_records_forward_chain(g):
    pt = g.person(min_age=18, max_age=99)
    a, b, c_ = g.staff(""), g.staff(""), g.staff("")
    d1 = g.today - dt.timedelta(days=g.n(100, 400))
    t1 = g.now
    t2 = t1 - dt.timedelta(minutes=g.n(30, 3000))
    t3 = t2 - dt.timedelta(minutes=g.n(30, 5000))
    out = [R("From: {{n}} <{{e}}>", n=c_.name(), e=c_.email_()), R("Sent: {{d}}", d=email_date(g, t1)),
           R("To: {{n}} <{{e}}>", n=a.name(), e=a.email_()), "Subject: FW: FW: records from last year", "",
           R("{{f}} - this one is yours, it's an outside request. Patient already signed the authorization (attached).",
             f=a.first()), "", staff_sig(g, c_), "", "", "-----Original Message-----"]
    out += [R("From: {{n}} <{{e}}>", n=b.name(), e=b.email_()), R("Sent: {{d}}", d=email_date(g, t2)),
            R("To: {{n}} <{{e}}>", n=c_.name(), e=c_.email_()), "Subject: FW: records from last year", "",
            "Not sure who handles this, forwarding to HIM. Patient called twice.", "", staff_sig(g, b), "", "",
            "-----Original Message-----",
            R("From: {{f}}", f=pt_from(pt)), R("Sent: {{d}}", d=email_date(g, t3)),
            R("To: {{t}}", t=mailbox(g)), "Subject: records from last year", "",
            "Hello,", "",
            R("I am moving out of state and my new doctor needs my records, especially the surgery on {{d}} and the "
              "follow-up visits after.", d=P("date", fd(d1, "long"))), "",
            "Please send them to:", "",
            DC("street_address", g.pick(["Desert Sky Family Practice", "Coastal Primary Care Associates",
                                         "Bluegrass Internal Medicine"])),
            R("Fax: {{f}}", f=DC("staff_contact", g.phone_str("dash"))), "",
            "My information:",
            R("Name: {{n}}", n=pt.name_m()),
            R("Date of birth: {{d}}", d=pt.dob_("us")),
            R("Old address: {{a}}", a=pt.addr1()),
            R("Phone: {{p}}", p=pt.cell_()),
            R("Last 4 of SSN: {{s}}", s=DC("ssn", pt.ssn[-4:])), "",
            "I also need the imaging on a CD if possible. Please let me know if there is a fee.", "",
            "Thank you very much,", pt.name(), "", "Sent from my iPhone"]
    out += ["", "", "-----", "HIM worklog:"]
    for step in ["authorization verified", "records pulled (op note, path, 3 clinic notes)",
                 "imaging CD requested from radiology", "fax sent, confirmation saved", "patient notified by phone"]:
        g.tick(3000, 50000)
        out.append(R("{{t}}  {{w}}  {{s}}", t=g.now.strftime("%m/%d %H:%M"), w=a.name(), s=step))
    return L(*out)


# ---------------------------------------------------------------------------
# clean_stack_trace
# ---------------------------------------------------------------------------

JAVA_PKGS = ["org.example.integration", "com.acme.health.iface", "edu.stbrigid.hl7", "io.northridge.fhir"]


def jframe(g, cls, meth, line=None):
    return "\tat %s.%s(%s.java:%d)" % (cls, meth, cls.rsplit(".", 1)[-1].split("$")[0], line or g.n(20, 900))


def java_stack(g, depth, top=None):
    """a plausible call chain, innermost frame first, ending in Thread.run"""
    pkg = g.pick(JAVA_PKGS)
    tops = {
        "parse": [("ca.uhn.hl7v2.model.primitive.DT", "setValue"), ("ca.uhn.hl7v2.parser.PipeParser", "parse"),
                  ("ca.uhn.hl7v2.parser.PipeParser", "doParse"), ("ca.uhn.hl7v2.parser.Parser", "parse"),
                  ("%s.transform.PidMapper" % pkg, "mapBirthDate"), ("%s.transform.PidMapper" % pkg, "map")],
        "db": [("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate"),
               ("org.hibernate.engine.jdbc.internal.ResultSetReturnImpl", "executeUpdate"),
               ("org.hibernate.engine.jdbc.spi.SqlExceptionHelper", "convert"),
               ("org.hibernate.persister.entity.AbstractEntityPersister", "insert"),
               ("%s.store.EncounterRepository" % pkg, "save"), ("%s.store.EncounterService" % pkg, "upsert")],
    }[top or g.pick(["parse", "db"])]
    bottom = [("%s.route.MessageRouter" % pkg, "route"), ("%s.route.MessageRouter" % pkg, "lambda$dispatch$3"),
              ("%s.inbound.AdtListener" % pkg, "onMessage"),
              ("org.springframework.jms.listener.AbstractMessageListenerContainer", "doInvokeListener"),
              ("org.springframework.jms.listener.AbstractMessageListenerContainer", "invokeListener"),
              ("org.springframework.jms.listener.DefaultMessageListenerContainer$AsyncMessageListenerInvoker", "run"),
              ("java.util.concurrent.ThreadPoolExecutor", "runWorker"),
              ("java.util.concurrent.ThreadPoolExecutor$Worker", "run"), ("java.lang.Thread", "run")]
    chain = tops + bottom
    if depth < len(chain):
        chain = chain[:max(1, depth - 1)] + chain[-1:]
    return [jframe(g, c, m) for c, m in chain]


@tpl("clean_stack_trace", "short")
def trace_exception_line(g):
    return L(g.pick([
        'ca.uhn.hl7v2.model.DataTypeException: ca.uhn.hl7v2.model.DataTypeException: Failed validation rule for value "[redacted]": Doesn\'t match regex ^\\d{8}$',
        "ca.uhn.hl7v2.HL7Exception: Can't find field separator in MSH (message length %d)" % g.n(0, 40),
        "java.lang.IllegalArgumentException: PID-7 must be YYYYMMDD[HHMM[SS]], got length %d" % g.n(3, 7),
        "org.hl7.fhir.r4.model.codesystems.AdministrativeGenderEnumFactory: Unknown AdministrativeGender code 'U '",
    ]), jframe(g, "ca.uhn.hl7v2.model.primitive.DT", "setValue", 71),
        jframe(g, "%s.transform.PidMapper" % g.pick(JAVA_PKGS), "mapBirthDate"))


@tpl("clean_stack_trace", "short")
def trace_log_error_uuid(g):
    return L("%s ERROR [req=%s] %s - %s" % (g.ts(fmt="iso"), g.uuid(), g.pick(["c.e.fhir.PatientResource",
                                                                              "o.e.claims.SubmitController",
                                                                              "fhir-gateway"]),
                                          g.pick(["POST /fhir/Patient failed: 422 Unprocessable Entity (2 issues)",
                                                  "upstream %s:%d timed out after 30000 ms" % (g.ip_private(), g.pick([8443, 9090, 443])),
                                                  "PUT /fhir/Encounter/%s -> 409 version conflict" % g.uuid()])))


@tpl("clean_stack_trace", "short")
def trace_python_tail(g):
    return L(g.pick(["Traceback (most recent call last):", "  ...", ""]),
             '  File "/app/etl/%s.py", line %d, in parse_row' % (g.pick(["claims", "adt_flat", "roster"]), g.n(40, 400)),
             '    dos = datetime.strptime(row["dos"], "%m/%d/%Y")',
             "ValueError: time data '' does not match format '%m/%d/%Y'")


@tpl("clean_stack_trace", "short")
def trace_go_panic(g):
    return L("panic: runtime error: invalid memory address or nil pointer dereference",
             "[signal SIGSEGV: segmentation violation code=0x1 addr=0x%x pc=0x%x]" % (g.n(8, 64), g.n(0x400000, 0x7fffff)), "",
             "goroutine %d [running]:" % g.n(1, 400),
             "github.com/example/hl7gw/internal/mllp.(*Conn).readFrame(0xc000%06x)" % g.n(0, 0xffffff),
             "\t/src/internal/mllp/conn.go:%d +0x%x" % (g.n(40, 300), g.n(0x10, 0xfff)))


@tpl("clean_stack_trace", "medium")
def trace_java_hapi(g):
    rep = g.staff("")
    out = [R("Reported by {{r}} in #integrations-alerts, node {{n}} ({{ip}})", r=rep.at(), n="iface-prod-%02d" % g.n(1, 8),
             ip=g.ip_private()), "",
           "%s ERROR [%s] o.e.i.inbound.AdtListener - Failed to process message %s" % (
               g.ts(), g.pick(["DefaultMessageListenerContainer-3", "pool-2-thread-7"]), g.uuid()),
           "ca.uhn.hl7v2.HL7Exception: Failed to parse segment PID at position 3 (field 7: value not a valid DT)"]
    out += java_stack(g, g.n(10, 16), "parse")
    out += ["Caused by: ca.uhn.hl7v2.model.DataTypeException: Failed validation rule: Doesn't match regex ^(\\d{4}|\\d{6}|\\d{8})$",
            jframe(g, "ca.uhn.hl7v2.model.primitive.DT", "setValue", 71),
            jframe(g, "ca.uhn.hl7v2.parser.PipeParser", "parse", 486), "\t... %d more" % g.n(8, 30), "",
            "Message content was not logged (PHI logging disabled). Control ID in the dead-letter queue."]
    return L(*out)


@tpl("clean_stack_trace", "medium")
def trace_python_full(g):
    job = g.pick(["nightly_claims_load", "roster_sync", "adt_flatten"])
    return L("[%s] job=%s run_id=%s host=%s" % (g.ts(fmt="iso"), job, g.uuid(), g.pick(["etl-01", "airflow-worker-3", "batch-2"])),
             "Traceback (most recent call last):",
             '  File "/opt/airflow/dags/%s.py", line %d, in run' % (job, g.n(30, 200)),
             "    for batch in reader.batches(size=5000):",
             '  File "/app/etl/reader.py", line %d, in batches' % g.n(30, 200),
             "    yield [self._parse(r) for r in chunk]",
             '  File "/app/etl/reader.py", line %d, in <listcomp>' % g.n(30, 200),
             "    yield [self._parse(r) for r in chunk]",
             '  File "/app/etl/reader.py", line %d, in _parse' % g.n(30, 200),
             "    return Row(**{k: conv[k](v) for k, v in raw.items()})",
             '  File "/app/etl/reader.py", line %d, in <dictcomp>' % g.n(30, 200),
             "    return Row(**{k: conv[k](v) for k, v in raw.items()})",
             '  File "/app/etl/convert.py", line %d, in to_date' % g.n(10, 80),
             "    return datetime.strptime(v.strip(), fmt).date()",
             '  File "/usr/lib/python3.11/_strptime.py", line 568, in _strptime_datetime',
             "    tt, fraction, gmtoff_fraction = _strptime(data_string, format)",
             '  File "/usr/lib/python3.11/_strptime.py", line 349, in _strptime',
             "    raise ValueError(\"time data %r does not match format %r\" %",
             "ValueError: time data '13/45/20' does not match format '%m/%d/%Y'", "",
             "During handling of the above exception, another exception occurred:", "",
             "RowError: file=%s_%s.csv line=%d column=dos (value logged as sha256:%s)" % (
                 g.pick(["claims", "roster"]), g.today.strftime("%Y%m%d"), g.n(2, 90000), g.hexid(16)))


@tpl("clean_stack_trace", "medium")
def trace_node(g):
    return L("%s error: Request failed with status code 500" % g.ts(fmt="iso"),
             "    at createError (/srv/app/node_modules/axios/lib/core/createError.js:16:15)",
             "    at settle (/srv/app/node_modules/axios/lib/core/settle.js:17:12)",
             "    at IncomingMessage.handleStreamEnd (/srv/app/node_modules/axios/lib/adapters/http.js:269:11)",
             "    at IncomingMessage.emit (node:events:529:35)",
             "    at endReadableNT (node:internal/streams/readable:1400:12)",
             "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
             "  config: {",
             "    url: 'https://fhir-%s.internal:8443/fhir/Patient/$match'," % g.pick(["tst", "stage", "prod"]),
             "    method: 'post',",
             "    headers: { 'X-Request-Id': '%s', Authorization: '[redacted]' }," % g.uuid(),
             "    timeout: 15000",
             "  },",
             "  response: { status: 500, statusText: 'Internal Server Error', data: { resourceType: 'OperationOutcome', issue: [Array] } }",
             "Node.js v%d.%d.%d" % (g.pick([18, 20, 22]), g.n(0, 19), g.n(0, 9)))


@tpl("clean_stack_trace", "medium")
def trace_dotnet(g):
    key = g.n(10000, 99999)
    return L("%s [ERR] Unhandled exception while processing batch %s" % (g.now.strftime("%Y-%m-%d %H:%M:%S.%f")[:23], g.uuid()),
             "Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.",
             [" ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Violation of PRIMARY KEY constraint 'PK_Encounter'. "
              "Cannot insert duplicate key in object 'dbo.Encounter'. The duplicate key value is (", DC("internal_id", str(key)), ")."],
             "The statement has been terminated.",
             "   at Microsoft.Data.SqlClient.SqlCommand.<>c.<ExecuteDbDataReaderAsync>b__211_0(Task`1 result)",
             "   at System.Threading.Tasks.ContinuationResultTaskFromResultTask`2.InnerInvoke()",
             "   at Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)",
             "ClientConnectionId:%s" % g.uuid(),
             "Error Number:2627,State:1,Class:14",
             "   --- End of inner exception stack trace ---",
             "   at Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)",
             "   at Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor.ExecuteAsync(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)",
             "   at Microsoft.EntityFrameworkCore.DbContext.SaveChangesAsync(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)",
             "   at Northridge.Adt.Worker.EncounterSink.FlushAsync(CancellationToken ct) in /src/Adt.Worker/EncounterSink.cs:line %d" % g.n(30, 300),
             "   at Northridge.Adt.Worker.Program.<Main>$(String[] args) in /src/Adt.Worker/Program.cs:line %d" % g.n(10, 60))


@tpl("clean_stack_trace", "long")
def trace_java_long_with_logs(g):
    out = []
    node = "iface-prod-%02d" % g.n(1, 8)
    for i in range(g.n(14, 24)):
        out.append(logline(g, g.pick(["INFO ", "INFO ", "DEBUG", "WARN "]), "[%s]" % g.pick(["main", "mllp-acceptor-2", "router-5"]),
                           g.pick(["MLLP connection accepted from %s:%d" % (g.ip_private(), g.n(30000, 65000)),
                                   "Routed ADT^A08 to 3 destinations in %d ms" % g.n(2, 300),
                                   "Heap used %d MB of 4096 MB" % g.n(800, 4000),
                                   "Retry queue depth=%d" % g.n(0, 900),
                                   "ACK AA sent, control id %d" % g.n(10 ** 6, 10 ** 7),
                                   "GC pause %d ms (G1 Young Generation)" % g.n(5, 900)])))
    out.append(logline(g, "ERROR", "[router-5]", "Unexpected exception in route 'ADT_TO_EHR' on %s" % node))
    out.append("org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [ux_encounter_visit]")
    out += java_stack(g, 15, "db")
    out.append("Caused by: org.hibernate.exception.ConstraintViolationException: could not execute statement")
    out += java_stack(g, g.n(8, 12), "db")
    out.append("\t... %d more" % g.n(10, 20))
    out.append("Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"ux_encounter_visit\"")
    out.append("  Detail: Key (facility_id, visit_no)=(<redacted>) already exists.")
    out += ["\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)",
            "\tat org.postgresql.core.v3.QueryExecutorImpl.processResults(QueryExecutorImpl.java:2401)",
            "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:518)",
            "\tat org.postgresql.jdbc.PgPreparedStatement.executeUpdate(PgPreparedStatement.java:152)",
            "\tat com.zaxxer.hikari.pool.ProxyPreparedStatement.executeUpdate(ProxyPreparedStatement.java:61)"]
    out.append("\t... %d more" % g.n(20, 60))
    for i in range(g.n(8, 16)):
        out.append(logline(g, g.pick(["INFO ", "WARN "]), "[router-5]", g.pick(
            ["Message moved to DLQ adt.dlq (depth=%d)" % g.n(1, 50), "Circuit breaker 'ehr-db' state CLOSED -> OPEN",
             "Circuit breaker 'ehr-db' state OPEN -> HALF_OPEN", "Health check /actuator/health status=DOWN",
             "Pool stats (total=20, active=%d, idle=%d, waiting=%d)" % (g.n(0, 20), g.n(0, 20), g.n(0, 40))])))
    return L(*out)


@tpl("clean_stack_trace", "long")
def trace_k8s_logs(g):
    pod = "fhir-gateway-%s-%s" % (g.hexid(10), g.hexid(5))
    out = ["$ kubectl -n integrations logs %s --previous" % pod]
    for i in range(g.n(50, 80)):
        lvl, msg = g.pick([
            ("info", "listening on 0.0.0.0:8080"),
            ("info", "connected to redis %s:6379" % g.ip_private()),
            ("warn", "token refresh took %dms" % g.n(200, 9000)),
            ("info", "GET /healthz 200 %dms" % g.n(1, 9)),
            ("error", "POST /fhir/Bundle 502 upstream connect error or disconnect/reset before headers"),
            ("error", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
            ("info", "request_id=%s route=/fhir/Observation status=201 dur=%dms" % (g.uuid(), g.n(20, 900))),
            ("warn", "memory usage %d%% of limit" % g.n(70, 99)),
        ])
        g.tick(1, 20)
        out.append('{"ts":"%s","level":"%s","msg":"%s","pod":"%s"}' % (g.now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:23] + "Z", lvl,
                                                                     msg.replace('"', "'"), pod))
    out += ["fatal error: runtime: out of memory", "", "$ kubectl -n integrations describe pod %s | tail -8" % pod,
            "  Last State:     Terminated", "    Reason:       OOMKilled", "    Exit Code:    137",
            "  Restart Count:  %d" % g.n(3, 40), "Events:",
            "  Warning  BackOff  %dm  kubelet  Back-off restarting failed container" % g.n(1, 50)]
    return L(*out)


@tpl("clean_stack_trace", "long")
def trace_thread_dump(g):
    out = ['%s' % g.now.strftime("%Y-%m-%d %H:%M:%S"),
           "Full thread dump OpenJDK 64-Bit Server VM (17.0.%d+%d mixed mode, sharing):" % (g.n(1, 12), g.n(1, 9)), ""]
    for i in range(g.n(8, 11)):
        name = g.pick(["mllp-acceptor-%d", "router-%d", "DefaultMessageListenerContainer-%d", "HikariPool-1 housekeeper",
                       "pool-%d-thread-1", "scheduling-%d"])
        name = name % g.n(1, 12) if "%d" in name else name
        state = g.pick(["RUNNABLE", "WAITING (parking)", "BLOCKED (on object monitor)", "TIMED_WAITING (sleeping)"])
        out.append('"%s" #%d prio=5 os_prio=0 cpu=%d.%02dms elapsed=%d.%02ds tid=0x00007f%08x nid=0x%x %s' % (
            name, g.n(10, 200), g.n(1, 90000), g.n(0, 99), g.n(100, 90000), g.n(0, 99), g.n(0, 0xffffffff), g.n(100, 9999),
            state.split(" ")[0].lower()))
        out.append("   java.lang.Thread.State: %s" % state)
        out += java_stack(g, g.n(5, 10))
        if "BLOCKED" in state:
            out.append("\t- waiting to lock <0x00000007%08x> (a %s.route.MessageRouter)" % (g.n(0, 0xffffffff), g.pick(JAVA_PKGS)))
        out.append("")
    out.append("JNI global refs: %d, weak refs: %d" % (g.n(20, 90), g.n(0, 9)))
    return L(*out)


# ---------------------------------------------------------------------------
# clean_meeting_notes
# ---------------------------------------------------------------------------


def bridge(g):
    return g.pick(["Bridge: +1 %s-%d-%04d, access code %d %d %d#" % (g.pick(["646", "872", "312", "415"]), g.n(200, 999),
                                                                      g.n(0, 9999), g.n(100, 999), g.n(100, 999), g.n(100, 999)),
                   "Zoom: https://zoom.us/j/%d (passcode %d)" % (g.n(10 ** 9, 10 ** 10 - 1), g.n(100000, 999999)),
                   "Teams link in the invite; dial-in +1 %s-%d-%04d,,%d#" % (g.pick(["323", "202", "469"]), g.n(200, 999),
                                                                            g.n(0, 9999), g.n(10 ** 8, 10 ** 9 - 1))])


def meet_date(g, d=None):
    d = d or g.today
    return g.pick([d.strftime("%a %b %d"), fd(d, "abbr"), d.strftime("%m/%d"), fd(d, "iso")])


def attendees(g, k):
    st = [g.staff("") for _ in range(k)]
    return st, J(", ", [s.name() for s in st])


@tpl("clean_meeting_notes", "short")
def meet_standup_line(g):
    st = [g.staff("") for _ in range(g.n(2, 4))]
    return R("Standup {{d}} - {{a}}. {{x}}", d=meet_date(g), a=J(" ", [s.at() for s in st]),
             x=g.pick(["Blocked on the ADT cert renewal; lab feed green.", "No blockers. Claims loader fix in review.",
                       "Waiting on vendor for the VPN change; FHIR gateway p95 back under 300 ms."]))


@tpl("clean_meeting_notes", "short")
def meet_time_bridge(g):
    d = g.today + dt.timedelta(days=g.n(1, 10))
    return L("%s moved to %s, %d:00-%d:30 PM ET." % (g.pick(["Interface review", "HL7 upgrade sync", "Epic cutover dry run"]),
                                                    d.strftime("%a %b %d"), g.n(1, 4), g.n(1, 4)),
             bridge(g))


@tpl("clean_meeting_notes", "short")
def meet_action_item(g):
    s1, s2 = g.staff(""), g.staff("")
    return g.pick([
        R("AI: {{a}} to file the change request for the v2.5.1 upgrade by Fri; {{b}} to review.", a=s1.at(), b=s2.at()),
        L(R("Action items ({{d}}):", d=meet_date(g)),
          R("- {{a}}: rotate the SFTP key before {{x}}", a=s1.name(), x=fd(g.today + dt.timedelta(days=7), "abbr")),
          R("- {{b}}: share the load-test numbers", b=s2.name())),
    ])


@tpl("clean_meeting_notes", "short")
def meet_decision(g):
    s = g.staff("")
    return L("Decision (%s arch review): keep MLLP over the site-to-site VPN for now; revisit TLS MLLP in Q%d." % (
        meet_date(g), g.n(1, 4)), R("Owner: {{s}}. Notes in Confluence.", s=s.name()))


@tpl("clean_meeting_notes", "medium")
def meet_sprint_planning(g):
    st, names = attendees(g, g.n(4, 7))
    out = ["Sprint %d planning - %s" % (g.n(20, 90), meet_date(g)), R("Attendees: {{a}}", a=names), "",
           "Goal: finish the ADT A08 de-duplication and start the claims file v2 parser.", "",
           "Capacity: %d points (%s out Thu-Fri)" % (g.n(30, 60), "1 person"), "", "Committed:"]
    for i in range(g.n(5, 8)):
        out.append(R("- {{k}} {{t}} ({{p}} pts) - {{o}}", k=g.key(), t=g.pick(
            ["Dedupe A08 within 5s window", "Claims v2 parser skeleton", "Alert on DLQ depth > 100",
             "Upgrade HAPI to 6.x", "Rotate MLLP TLS certs", "Dashboard for FHIR p95", "Retire old lab route",
             "Document the replay tool"]), p=str(g.pick([1, 2, 3, 5, 8])), o=g.pick(st).name()))
    out += ["", "Stretch:", R("- {{k}} Remove legacy SOAP endpoint - {{o}}", k=g.key(), o=g.pick(st).name()), "",
            "Risks: vendor test env availability; change freeze starts %s." % fd(g.today + dt.timedelta(days=g.n(10, 30)), "abbr")]
    return L(*out)


@tpl("clean_meeting_notes", "medium")
def meet_retro(g):
    st, names = attendees(g, g.n(4, 6))
    return L("Retro - %s" % meet_date(g), R("Facilitator: {{f}}", f=st[0].name()), R("Present: {{a}}", a=names), "",
             "What went well", "- Replay tool saved us during the Sunday outage",
             "- Pairing on the HAPI upgrade", "- On-call handoffs were clear", "",
             "What didn't", "- Flaky integration tests (3 reruns per PR on average)",
             "- Too many alerts on queue depth at night", "- Test env down 2 days", "",
             "Actions",
             R("- {{a}}: quarantine the flaky tests, ticket per test", a=st[1].name()),
             R("- {{a}}: raise DLQ alert threshold, add business-hours routing", a=st[2].name()),
             R("- {{a}}: ask infra for a test env SLA", a=st[0].name()))


@tpl("clean_meeting_notes", "medium")
def meet_cab(g):
    st, names = attendees(g, g.n(5, 7))
    out = ["Change Advisory Board - %s" % meet_date(g), R("Chair: {{c}}", c=st[0].name()), R("Attendees: {{a}}", a=names),
           bridge(g), "", "| Change | Summary | Window | Implementer | Decision |", "|---|---|---|---|---|"]
    for i in range(g.n(5, 8)):
        w = g.today + dt.timedelta(days=g.n(1, 14))
        out.append(R("| CHG{{n}} | {{s}} | {{w}} 22:00-02:00 | {{i}} | {{d}} |", n="%07d" % g.n(0, 9999999), s=g.pick(
            ["Interface engine patch %s" % g.version(), "Firewall rule for new lab vendor (%s/32)" % g.ip_private(),
             "Rotate MLLP certificates", "Epic REST API upgrade", "Increase DB pool to 40", "Decommission fax server 2"]),
                     w=fd(w, "iso"), i=g.pick(st).name(), d=g.pick(["Approved", "Approved", "Deferred", "Needs backout plan"])))
    out += ["", "Notes:", "- Freeze window for year-end starts %s." % fd(g.today + dt.timedelta(days=20), "abbr"),
            "- Emergency changes need director approval by phone."]
    return L(*out)


@tpl("clean_meeting_notes", "medium")
def meet_vendor_call(g):
    ours = [g.staff("") for _ in range(2)]
    v1, v2 = g.staff(""), g.staff("")
    vendor = g.pick(["the reference lab", "the interface engine vendor", "the HIE", "our clearinghouse"])
    vdom = g.pick(["vendor-support.com", "hie-partners.org", "clearinghouse.net"])
    return L("Vendor call with %s - %s" % (vendor, meet_date(g)),
             R("Us: {{a}}, {{b}}", a=ours[0].name(), b=ours[1].name()),
             R("Them: {{a}} (account manager, {{e}}), {{b}} (engineer)", a=v1.name(),
               e=DC("staff_contact", "%s.%s@%s" % (slug(v1.given), slug(v1.family), vdom)), b=v2.name()), "",
             "Topics", "1. Outbound ORU volume doubled since %s; they see timeouts on their side." % fd(g.today - dt.timedelta(days=20), "abbr"),
             "2. New IP range for their listener: %s.%d/28." % (g.ip_public().rsplit(".", 1)[0], 16 * g.n(0, 15)),
             "3. TLS 1.0 shutdown on their side %s." % fd(g.today + dt.timedelta(days=45), "abbr"),
             "4. Test environment refresh - they will clone prod config, no prod data.", "",
             "Follow-ups",
             R("- {{a}} sends our ACK timing stats", a=ours[0].name()),
             R("- {{b}} confirms firewall change window", b=ours[1].name()),
             R("- vendor ({{v}}) opens case for the timeouts; case # to follow", v=v2.name()), "",
             R("Next call: {{d}}, same bridge.", d=meet_date(g, g.today + dt.timedelta(days=14))))


@tpl("clean_meeting_notes", "long")
def meet_quarterly_planning_long(g):
    st, names = attendees(g, g.n(6, 9))
    q = g.n(1, 4)
    out = ["# Integration team - Q%d planning" % q, "", "Date: %s, %d:00-%d:00 ET" % (meet_date(g), g.n(9, 11), g.n(12, 15)),
           R("Attendees: {{a}}", a=names), bridge(g), "", "## Agenda", "1. Review of last quarter", "2. Capacity",
           "3. Roadmap items", "4. Risks and dependencies", "5. Decisions", "", "## 1. Last quarter", ""]
    for item in ["ADT de-dup shipped, duplicates down %d%%" % g.n(40, 90), "Claims v2 parser 60% done",
                 "FHIR gateway p95 from %d ms to %d ms" % (g.n(400, 900), g.n(120, 380)),
                 "3 Sev2 incidents (postmortems linked)", "HAPI upgrade slipped to this quarter"]:
        out.append("- " + item)
    out += ["", "## 2. Capacity", "", "| Person | Days available | Notes |", "|---|---|---|"]
    for s in st:
        out.append(R("| {{n}} | {{d}} | {{x}} |", n=s.name(), d=str(g.n(30, 60)),
                     x=g.pick(["", "on-call 3 weeks", "parental leave in month 2", "training 1 week", ""])))
    out += ["", "## 3. Roadmap", ""]
    for i in range(g.n(8, 12)):
        out.append(R("- {{k}} {{t}} (owner {{o}}, size {{s}})", k=g.key(), t=g.pick(
            ["TLS MLLP for all external feeds", "Retire fax-to-EHR bridge", "FHIR bulk export for payer API",
             "Self-serve replay UI", "Prior auth API pilot", "Move interface engine to new cluster",
             "Audit log shipping to SIEM", "Claims v2 go-live", "Lab results auto-release rules (no PHI in logs)",
             "Synthetic test data generator for all feeds"]), o=g.pick(st).name(), s=g.pick(["S", "M", "L", "XL"])))
    out += ["", "## 4. Risks", "", "- Vendor availability in December", "- Epic upgrade freeze (dates TBD)",
            "- Two people on-call heavy in month 1", "", "## 5. Decisions", "",
            "- Claims v2 go-live before anything new", "- No new feeds without synthetic test data",
            "- Replay UI deferred to Q%d" % (q % 4 + 1), "", "## Action items", ""]
    for s in g.sample(st, 4):
        out.append(R("- [ ] {{n}}: {{t}} by {{d}}", n=s.name(), t=g.pick(["draft the TLS MLLP plan", "size the bulk export",
                                                                          "book vendor dates", "update the roadmap page",
                                                                          "write the freeze calendar"]),
                     d=fd(g.today + dt.timedelta(days=g.n(5, 20)), "abbr")))
    out += ["", "## Parking lot", "", "- Should we page on DLQ depth at night?", "- Shared on-call with the EHR team?"]
    return L(*out)


@tpl("clean_meeting_notes", "long")
def meet_postmortem_long(g):
    st, names = attendees(g, g.n(5, 8))
    d = g.today - dt.timedelta(days=g.n(2, 10))
    t = dt.datetime(d.year, d.month, d.day, g.n(0, 5), g.n(0, 59))
    out = ["Postmortem: interface engine outage %s" % fd(d, "abbr"), "", "Severity: 2   Duration: %d min" % g.n(40, 200),
           R("Incident commander: {{i}}", i=st[0].name()), R("Scribe: {{s}}", s=st[1].name()), R("Attendees: {{a}}", a=names),
           "", "Summary", "",
           "The primary interface engine node ran out of disk after a log rotation job failed. Inbound ADT and ORU",
           "queued at the senders; no messages were lost. Outbound results were delayed up to %d minutes." % g.n(30, 150), "",
           "Impact", "", "- ADT: %d messages delayed" % g.n(1000, 40000), "- ORU: %d results delayed" % g.n(500, 20000),
           "- No data loss, no wrong-patient events (verified by reconciliation counts)", "", "Timeline (ET)", ""]
    for what in ["disk usage alert at 85% (not paged, business hours only)", "disk full on iface-prod-01",
                 "senders start queueing; ACK timeouts", "on-call paged by synthetic monitor",
                 "IC declared, bridge opened", "old logs moved to NFS, 40 GB freed",
                 "engine restarted, channels resumed", "backlog drained", "all-clear sent"]:
        t = t + dt.timedelta(minutes=g.n(3, 30))
        out.append("- %s  %s" % (t.strftime("%H:%M"), what))
    out += ["", "Metrics during the incident", "", "| Metric | Normal | Peak |", "|---|---|---|",
            "| ADT queue depth | < 50 | %d |" % g.n(2000, 30000), "| ORU latency p95 | 2 s | %d s |" % g.n(300, 5000),
            "| Disk used | 55% | 100% |", "| CPU | 30%% | %d%% |" % g.n(60, 99), "",
            "Root cause", "", "Logrotate config was overwritten by the %s package upgrade; compression stopped." % g.version(),
            "", "What went well", "", "- Senders queued correctly; no loss", "- Replay not needed", "",
            "What went poorly", "", "- Disk alert not paging at night", "- Runbook had an outdated NFS path", "",
            "Action items", ""]
    for s in g.sample(st, 4):
        out.append(R("- {{k}} {{t}} - {{n}}", k=g.key("PLAT"), t=g.pick(["page on disk > 85% 24x7", "pin logrotate config in Ansible",
                                                                           "update runbook NFS path", "add disk to synthetic checks",
                                                                           "capacity review of log volume"]), n=s.name()))
    out += ["", "Server details: iface-prod-01 (%s), iface-prod-02 (%s), NFS %s:/exports/logs" % (
        g.ip_private(), g.ip_private(), g.ip_private())]
    return L(*out)


@tpl("clean_meeting_notes", "long")
def meet_informatics_committee_long(g):
    st = [g.staff("md"), g.staff("rn"), g.staff("md"), g.staff("np"), g.staff(""), g.staff("rn")]
    out = ["Clinical Informatics Committee - minutes", "Meeting date: %s" % fd(g.today, "long"),
           R("Chair: {{c}}, MD", c=st[0].name()), R("Present: {{a}}", a=J(", ", [s.name() for s in st[1:]])),
           R("Guests: {{g}} (pharmacy)", g=g.staff("").name()), "", "1. Approval of prior minutes - approved.", "",
           "2. Sepsis alert performance (Q%d)" % g.n(1, 4)]
    out += ["   - Alerts fired: %d; positive predictive value %d%%; median time to antibiotics %d min." % (
        g.n(800, 4000), g.n(12, 40), g.n(50, 180)),
            "   - Most false positives are post-op patients with transient tachycardia.",
            "   - Proposal: suppress for 6 h after PACU discharge unless lactate > 2.",
            R("   - {{a}} to bring revised logic next month.", a=st[2].name()), "",
            "3. Fall risk rule",
            "   - Current rule excludes patients aged 90 and older from the automated score; nursing assesses them directly.",
            "   - Committee agreed to keep the exclusion and add a reminder for a manual assessment every shift.",
            "   - Pediatric units remain out of scope.", "",
            "4. Order set updates"]
    for os_, meds in [("Community-acquired pneumonia", ["ceftriaxone", "azithromycin"]),
                      ("DKA", ["insulin regular", "potassium chloride"]),
                      ("Alcohol withdrawal (CIWA)", ["lorazepam", "thiamine"])]:
        out.append(["   - ", os_, ": ", J(" + ", [DC("medication", m) for m in meds]), g.pick([" - approved", " - approved with edits",
                                                                                              " - tabled"])])
    out += ["", "5. Documentation burden",
            "   - Median note length up %d%% since the template change." % g.n(5, 30),
            "   - Proposal to remove the auto-inserted ROS block from progress notes.",
            R("   - {{a}} will pilot on two units.", a=st[3].name()), "",
            "6. Code set maintenance",
            ["   - New ICD-10-CM codes effective Oct 1 loaded; ", DC("diagnosis_code", "U09.9"), " and ",
             DC("diagnosis_code", "Z28.310"), " mapped in problem list."],
            ["   - CPT ", DC("procedure_code", "99459"), " added to the chaperone charge rule."], "",
            "7. Downtime procedures", "   - Next downtime drill: %s, 02:00-04:00." % fd(g.today + dt.timedelta(days=g.n(10, 40)), "abbr"),
            "   - Paper forms refreshed; BCA workstations tested on all units.", "",
            "8. Alert fatigue review",
            "   - Top 5 interruptive alerts account for %d%% of overrides." % g.n(40, 80),
            "   - Duplicate therapy alert to become non-interruptive for PRN orders.", "",
            "9. Data quality report",
            "   - Duplicate patient records created this quarter: %d (target < %d)." % (g.n(20, 90), g.n(20, 60)),
            "   - Most duplicates come from ED quick registration; registration leadership to review the search step.",
            "   - Unknown-sex values in feeds down after the HL7 mapping fix.",
            "   - Interface error queue cleared weekly; no backlog older than 7 days.", "",
            "10. Education",
            "   - New resident onboarding session on CDS alerts scheduled for next month.",
            "   - Super-user refresher on the new medication reconciliation screen.",
            "   - Tip sheet on problem-list hygiene to be sent with the newsletter.", "",
            "11. Open forum",
            "   - Request for a smart phrase library for telehealth visits.",
            "   - Question about the new discharge summary template for SNF transfers.", "",
            "Action items"]
    for s in g.sample(st, 4):
        out.append(R("   - {{n}}: {{t}}", n=s.name(), t=g.pick(["revise sepsis suppression logic", "pilot ROS removal",
                                                                 "update downtime binders", "draft alert fatigue report",
                                                                 "review SNF template"])))
    out += ["", "Next meeting: %s, 07:30, Conference Room B / Teams." % fd(g.today + dt.timedelta(days=28), "long"),
            R("Minutes recorded by {{s}}.", s=st[5].name())]
    return L(*out)


# ---------------------------------------------------------------------------
# clean_validator_diff
# ---------------------------------------------------------------------------


@tpl("clean_validator_diff", "short")
def val_regex_oneline(g):
    n = g.n(10, 90)
    if g.chance(0.5):
        return L(hunk(g, n, 1, n, 1, g.pick(["PHONE_RE", "def is_nanp(value):"])),
                 "-PHONE_RE = re.compile(r\"^\\d{3}-\\d{3}-\\d{4}$\")",
                 "+PHONE_RE = re.compile(r\"^\\(?([2-9]\\d{2})\\)?[-. ]?([2-9]\\d{2})[-. ]?(\\d{4})$\")")
    return L(hunk(g, n, 1, n, 1, "class PhoneValidator {"),
             "-    static final Pattern NANP = Pattern.compile(\"\\\\d{10}\");",
             "+    static final Pattern NANP = Pattern.compile(\"[2-9]\\\\d{2}[2-9]\\\\d{2}\\\\d{4}\");")


@tpl("clean_validator_diff", "short")
def val_test_values(g):
    return g.pick([
        L('+    assert is_valid_ssn("123-45-6789") is False  # documented example value',
          '+    assert is_valid_ssn("666-12-3456") is False',
          '+    assert is_valid_ssn("900-12-3456") is False'),
        L("+        assertTrue(Npi.isValid(\"1234567893\"));   // CMS example NPI",
          "+        assertFalse(Npi.isValid(\"1234567890\"));"),
        L('+  expect(formatPhone("2125550123")).toBe("(212) 555-0123"); // 555-01xx is reserved for fiction',
          '+  expect(formatPhone("555-0199")).toBeNull();'),
        L('+    ("1EG4-TE5-MK73", True),   # CMS sample MBI', '+    ("1EG4-TE5-MK7S", False),  # S not allowed'),
    ])


@tpl("clean_validator_diff", "short")
def val_config_line(g):
    return L("validators.yml", hunk(g, g.n(3, 30), 2, g.n(3, 30), 2, "ssn:"),
             "-  reject_areas: [\"000\", \"666\"]", "+  reject_areas: [\"000\", \"666\", \"9xx\"]",
             "   reject_serial_zero: true")


@tpl("clean_validator_diff", "short")
def val_commit_msg(g):
    a = g.staff("")
    return L(R("{{h}} fix(validator): reject SSN area 666 and 9xx (#{{n}}) - {{a}}", h=g.hexid(8), n=str(g.n(100, 999)),
               a=a.name()),
             R("{{h}} test: add NANP exchange cases (N11, 555-01xx) - {{a}}", h=g.hexid(8), a=a.name()))


def _val_python_mrn_a(g):
    return L(*diff_head(g, "phiguard_rules/mrn.py"),
             hunk(g, 12, 14, 12, 22, "def looks_like_mrn(value: str, label: str | None = None) -> bool:"),
             '     """Return True when value is shaped like an MRN for one of our facilities."""',
             "-    return value.isdigit() and 6 <= len(value) <= 10",
             "+    v = value.strip().upper()",
             "+    if label and label.lower() in MRN_LABELS:",
             "+        return bool(_ANY_ID.fullmatch(v))",
             "+    for prefix, width in FACILITY_FORMATS:",
             "+        if v.startswith(prefix) and len(v) == len(prefix) + width and v[len(prefix):].isdigit():",
             "+            return True",
             "+    return v.isdigit() and 6 <= len(v) <= 10",
             " ",
             " ",
             " MRN_LABELS = {\"mrn\", \"med rec\", \"medical record\", \"mr#\"}",
             "+FACILITY_FORMATS = [(\"E\", 7), (\"MR\", 6), (\"HM\", 6)]",
             "+_ANY_ID = re.compile(r\"[A-Z]{0,3}\\d{5,10}\")",
             *diff_head(g, "tests/test_mrn.py"),
             hunk(g, 1, 3, 1, 9),
             " from phiguard_rules.mrn import looks_like_mrn",
             " ",
             "+def test_prefix_formats():",
             "+    assert looks_like_mrn(\"E0000000\")",
             "+    assert looks_like_mrn(\"MR000000\")",
             "+    assert not looks_like_mrn(\"MR12\")",
             "+    assert looks_like_mrn(\"ABC12345\", label=\"MRN\")")


@tpl("clean_validator_diff", "medium")
def val_python_mrn(g):
    return g.pick([_val_python_mrn_a, _val_python_mrn_b])(g)


def _val_rust_npi_a(g):
    return L(*diff_head(g, "crates/rules/src/npi.rs"),
             hunk(g, 1, 8, 1, 21),
             "-/// NPI: ten digits.",
             "-pub fn is_npi(s: &str) -> bool {",
             "-    s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit())",
             "+/// NPI: ten digits, first digit 1 or 2, Luhn check over \"80840\" + the first nine digits.",
             "+pub fn is_npi(s: &str) -> bool {",
             "+    let b = s.as_bytes();",
             "+    if b.len() != 10 || !b.iter().all(u8::is_ascii_digit) || !(b[0] == b'1' || b[0] == b'2') {",
             "+        return false;",
             "+    }",
             "+    let payload: Vec<u8> = b\"80840\".iter().chain(&b[..9]).map(|c| c - b'0').collect();",
             "+    luhn_check_digit(&payload) == b[9] - b'0'",
             " }",
             " ",
             " #[cfg(test)]",
             " mod tests {",
             "     use super::*;",
             "+    #[test]",
             "+    fn cms_example() {",
             "+        assert!(is_npi(\"1234567893\"));",
             "+        assert!(!is_npi(\"1234567890\"));",
             "+        assert!(!is_npi(\"3234567893\"));",
             "+    }")


@tpl("clean_validator_diff", "medium")
def val_rust_npi(g):
    return g.pick([_val_rust_npi_a, _val_rust_npi_b])(g)


def _val_json_schema_a(g):
    return L(*diff_head(g, "schemas/patient-demographics.schema.json"),
             hunk(g, 14, 12, 14, 20, '"properties": {'),
             '     "birthDate": {',
             '       "type": "string",',
             '-      "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$"',
             '+      "format": "date",',
             '+      "description": "ISO 8601 date; partial dates are rejected here and handled by the mapper"',
             "     },",
             '     "postalCode": {',
             '       "type": "string",',
             '-      "pattern": "^\\\\d{5}$"',
             '+      "pattern": "^\\\\d{5}(-\\\\d{4})?$",',
             '+      "examples": ["00000", "00000-0000"]',
             "     },",
             '     "phone": {',
             '       "type": "string",',
             '+      "pattern": "^\\\\+?1?[ .-]?\\\\(?[2-9]\\\\d{2}\\\\)?[ .-]?[2-9]\\\\d{2}[ .-]?\\\\d{4}$",',
             '+      "examples": ["(212) 555-0142"]',
             "     },")


@tpl("clean_validator_diff", "medium")
def val_json_schema(g):
    return g.pick([_val_json_schema_a, _val_json_schema_b])(g)


@tpl("clean_validator_diff", "medium")
def val_hl7_rules_yaml(g):
    r = g.staff("")
    return L(R("Reviewed-by: {{r}}", r=r.name()), "",
             *diff_head(g, "config/hl7-validation/adt.yaml"),
             hunk(g, 20, 10, 20, 18, "segments:"),
             "   PID:",
             "     - field: 3",
             "       required: true",
             "       max_repeats: 5",
             "     - field: 7",
             "-      required: false",
             "+      required: true",
             "+      format: \"YYYYMMDD[HHMM[SS]]\"",
             "+      allow_partial: [\"YYYY\", \"YYYYMM\"]",
             "     - field: 8",
             "       table: HL70001",
             "+    - field: 11",
             "+      components: {5: {pattern: \"^\\\\d{5}(-\\\\d{4})?$\"}}",
             "+    - field: 19",
             "+      deprecated: true   # SSN should come in PID-3 with type SS",
             "   PV1:",
             "     - field: 2",
             "       table: HL70004")


def _val_large_diff_tests_a(g):
    out = ["commit %s" % g.hexid(40), R("Author: {{a}} <{{e}}>", a=g.staff("").name(),
                                         e=DC("staff_contact", "dev%d@%s" % (g.n(1, 99), g.fac[2]))),
           "Date:   %s" % g.now.strftime("%a %b %d %H:%M:%S %Y -0500"), "",
           "    validators: SSN ranges, MBI character rules, VIN check digit", "",
           "    All fixtures are documented example values or generated from the rules;",
           "    no values copied from any environment.", ""]
    out += diff_head(g, "src/validators/ssn.ts") + [hunk(g, 1, 6, 1, 14),
        " export function isValidSsn(s: string): boolean {",
        "-  return /^\\d{3}-?\\d{2}-?\\d{4}$/.test(s);",
        "+  const m = /^(\\d{3})-?(\\d{2})-?(\\d{4})$/.exec(s);",
        "+  if (!m) return false;",
        "+  const [area, group, serial] = [m[1], m[2], m[3]];",
        "+  if (area === '000' || area === '666' || area[0] === '9') return false;",
        "+  if (group === '00' || serial === '0000') return false;",
        "+  if (s.replace(/-/g, '') === '123456789') return false; // advertised example",
        "+  return true;",
        " }", ""]
    out += diff_head(g, "src/validators/mbi.ts", new=True) + [hunk(g, 0, 0, 1, 16),
        "+// CMS MBI: 11 chars. Positions: 1 numeric 1-9; 2,5,8,9 alphabetic; 4,7,10,11 numeric;",
        "+// 3 and 6 alphanumeric. Letters S, L, O, I, B, Z are never used.",
        "+const A = '[AC-HJKMNP-RT-Y]';",
        "+const AN = '[AC-HJKMNP-RT-Y0-9]';",
        "+const MBI = new RegExp(`^[1-9]${A}${AN}\\\\d${A}${AN}\\\\d${A}${A}\\\\d\\\\d$`);",
        "+",
        "+export function isValidMbi(s: string): boolean {",
        "+  return MBI.test(s.replace(/-/g, '').toUpperCase());",
        "+}",
        "+",
        "+export const MBI_EXAMPLE = '1EG4-TE5-MK73'; // from the CMS MBI format document",
        "+", "+export function maskMbi(s: string): string {", "+  return s.slice(0, 1) + '*'.repeat(s.length - 1);", "+}", ""]
    out += diff_head(g, "src/validators/vin.ts", new=True) + [hunk(g, 0, 0, 1, 14),
        "+const MAP: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3,",
        "+  M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 };",
        "+const W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];",
        "+",
        "+export function isValidVin(v: string): boolean {",
        "+  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;",
        "+  const sum = [...v].reduce((acc, c, i) => acc + (/\\d/.test(c) ? +c : MAP[c]) * W[i], 0);",
        "+  const check = sum % 11 === 10 ? 'X' : String(sum % 11);",
        "+  return v[8] === check;",
        "+}", "+", "+// 11111111111111111 is the classic all-ones test VIN (check digit 1).",
        "+export const VIN_EXAMPLE = '11111111111111111';", "+", ""]
    out += diff_head(g, "src/validators/__tests__/validators.test.ts", new=True) + [hunk(g, 0, 0, 1, 26),
        "+import { isValidSsn } from '../ssn';", "+import { isValidMbi, MBI_EXAMPLE } from '../mbi';",
        "+import { isValidVin, VIN_EXAMPLE } from '../vin';", "+",
        "+describe('ssn', () => {", "+  it.each(['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '123-45-6789'])(",
        "+    'rejects %s', (s) => expect(isValidSsn(s)).toBe(false));", "+});", "+",
        "+describe('mbi', () => {", "+  it('accepts the CMS example', () => expect(isValidMbi(MBI_EXAMPLE)).toBe(true));",
        "+  it('rejects S/L/O/I/B/Z', () => expect(isValidMbi('1SG4-TE5-MK73')).toBe(false));", "+});", "+",
        "+describe('vin', () => {", "+  it('accepts the all-ones VIN', () => expect(isValidVin(VIN_EXAMPLE)).toBe(true));",
        "+  it('rejects I/O/Q', () => expect(isValidVin('1IIII11111111111')).toBe(false));", "+});", "+",
        "+describe('placeholders', () => {", "+  it('treats Jane Doe / John Doe as placeholders', () => {",
        "+    expect(isPlaceholderName('Jane Doe')).toBe(true);", "+    expect(isPlaceholderName('John Q. Public')).toBe(true);",
        "+  });", "+});"]
    return L(*out)


@tpl("clean_validator_diff", "long")
def val_large_diff_tests(g):
    return g.pick([_val_large_diff_tests_a, _val_large_diff_tests_b])(g)


@tpl("clean_validator_diff", "long")
def val_pr_review_long(g):
    au, r1, r2 = g.staff(""), g.staff(""), g.staff("")
    out = ["Pull request #%d: Phone and ZIP validators - stricter NANP rules" % g.n(100, 900),
           R("{{a}} wants to merge feature/nanp-rules into main", a=au.name()),
           R("Reviewers: {{a}} (approved), {{b}} (needs work)", a=r1.name(), b=r2.name()), "",
           "Description", "",
           "- Area code and exchange cannot start with 0 or 1; exchange cannot be N11.",
           "- 555-0100 through 555-0199 are fictional numbers and are allowed only in tests.",
           "- ZIP accepts 5 or 9 digits; 00000 is treated as a placeholder.", ""]
    out += diff_head(g, "lib/validators/phone.rb") + [hunk(g, 3, 10, 3, 22, "module Validators"),
        "   class Phone",
        "-    PATTERN = /\\A\\d{10}\\z/",
        "+    PATTERN = /\\A(?:\\+?1[ .-]?)?\\(?([2-9]\\d{2})\\)?[ .-]?([2-9]\\d{2})[ .-]?(\\d{4})\\z/",
        "+    FICTIONAL = (100..199)",
        " ",
        "     def self.valid?(s)",
        "-      PATTERN.match?(s.gsub(/\\D/, ''))",
        "+      m = PATTERN.match(s.strip)",
        "+      return false unless m",
        "+      area, exch, line = m.captures",
        "+      return false if exch.end_with?('11')",
        "+      return false if exch == '555' && FICTIONAL.cover?(line.to_i)",
        "+      true",
        "     end",
        "   end", ""]
    out += diff_head(g, "spec/validators/phone_spec.rb") + [hunk(g, 1, 4, 1, 20),
        " RSpec.describe Validators::Phone do",
        "+  it 'accepts ordinary NANP numbers' do",
        "+    expect(described_class.valid?('(212) 867-5309')).to be true",
        "+  end",
        "+",
        "+  it 'rejects fictional 555-01xx' do",
        "+    expect(described_class.valid?('212-555-0142')).to be false",
        "+  end",
        "+",
        "+  it 'rejects N11 exchanges' do",
        "+    expect(described_class.valid?('212-411-1234')).to be false",
        "+  end",
        "+",
        "+  it 'rejects area codes starting with 0 or 1' do",
        "+    expect(described_class.valid?('012-345-6789')).to be false",
        "+  end",
        "   # existing specs below", ""]
    out += ["Activity", ""]
    for who, body in [
        (r2, "867-5309 is a real-world number people get calls on. Can we use a 555-01xx in the positive test too, "
             "with a flag that allows fictional numbers in test mode?"),
        (au, "Good point. Added `allow_fictional:` option, tests use 555-0100..0199 everywhere now."),
        (r1, "LGTM. Nit: the regex allows a trailing space before the line number; fine for now."),
        (r2, "Approved after the change. Please squash."),
    ]:
        g.tick(600, 20000)
        out += [R("{{w}} · {{t}}", w=who.name(), t=g.now.strftime("%b %d, %Y %I:%M %p")), body, ""]
    out += ["Build #%d passed in %dm %02ds" % (g.n(1000, 9999), g.n(2, 9), g.n(0, 59)),
            "Merged by %s" % "squash"]
    return L(*out)


@tpl("clean_validator_diff", "long")
def val_code_table_long(g):
    rows = g.sample(CONDITIONS, g.n(18, 24))
    cpts = g.sample(CPTS, g.n(14, 18))
    out = ["diff --git a/rules/valuesets/diagnosis_context.csv b/rules/valuesets/diagnosis_context.csv",
           "index %s..%s 100644" % (g.hexid(7), g.hexid(7)), "--- a/rules/valuesets/diagnosis_context.csv",
           "+++ b/rules/valuesets/diagnosis_context.csv", hunk(g, 1, len(rows) // 2, 1, len(rows)),
           " code,system,description,weight"]
    for i, c in enumerate(rows):
        out.append([("+" if i >= len(rows) // 2 else " "), icd(c), ",ICD-10-CM,\"", cond_long(c), "\",",
                    "%.1f" % g.r.uniform(0.2, 1.0)])
    out += ["diff --git a/rules/valuesets/procedure_context.csv b/rules/valuesets/procedure_context.csv",
            "index %s..%s 100644" % (g.hexid(7), g.hexid(7)), "--- a/rules/valuesets/procedure_context.csv",
            "+++ b/rules/valuesets/procedure_context.csv", hunk(g, 1, 2, 1, len(cpts) + 1), " code,system,description,weight"]
    for c in cpts:
        out.append(["+", cptc(c), ",CPT,\"", c[1], "\",", "%.1f" % g.r.uniform(0.2, 1.0)])
    out += ["diff --git a/rules/README.md b/rules/README.md", "index %s..%s 100644" % (g.hexid(7), g.hexid(7)),
            "--- a/rules/README.md", "+++ b/rules/README.md", hunk(g, 40, 6, 40, 14),
            " ## Value sets", " ",
            " Codes in these files raise the context score of nearby identifiers; they are never findings themselves.",
            "+",
            "+- `diagnosis_context.csv`: ICD-10-CM codes, weight 0-1.",
            "+- `procedure_context.csv`: CPT/HCPCS codes, weight 0-1.",
            "+- Descriptions are the short CMS descriptors; keep them under 100 characters.",
            "+- Add codes in sorted order; CI checks for duplicates.",
            "+",
            "+Maintainers: see CODEOWNERS.", " ", " ## Testing"]
    return L(*out)


# ---------------------------------------------------------------------------
# clean_release_notes
# ---------------------------------------------------------------------------

FEATURES = ["Parse PID-7 partial dates (YYYY, YYYYMM) without rejecting the message",
            "New replay tool: re-send a message from the archive by control id",
            "FHIR gateway: support _count and _elements on Patient search",
            "Claims loader: accept 9-digit ZIP codes",
            "Dashboard: queue depth and ACK latency per channel",
            "Masking of identifiers in engine logs (on by default)",
            "MLLP over TLS for outbound connections",
            "Support for ORU^R01 with embedded PDF (ED datatype)",
            "SFTP poller retries with exponential backoff",
            "Audit events shipped to the SIEM in CEF format",
            "Config: per-channel time zone",
            "Bulk export ($export) for Patient and Encounter"]
FIXES = ["Fix NullPointerException when PV1-3 is empty", "Fix duplicate A08 when two updates arrive within 1 s",
         "Fix memory leak in the MLLP acceptor under reconnect storms", "Fix wrong time zone on OBR-7 from one sender",
         "Fix CSV export quoting for values containing commas", "Fix 500 on FHIR search with an empty family parameter",
         "Fix retry queue never draining after a DB failover", "Fix UI showing stale channel status after restart"]


@tpl("clean_release_notes", "short")
def rel_one_bullet(g):
    return "- v%s (%s): %s (%s)" % (g.version(), fd(g.today - dt.timedelta(days=g.n(0, 20)), "iso"), g.pick(FIXES + FEATURES),
                                   g.key())


@tpl("clean_release_notes", "short")
def rel_version_line(g):
    return g.pick(["interface-engine %s (build %d, commit %s) deployed to PROD %s %02d:%02d ET" % (
        g.version(), g.n(1000, 9999), g.hexid(7), fd(g.today, "iso"), g.n(0, 6), g.n(0, 59)),
        "fhir-gateway:%s sha256:%s" % (g.version(), g.hexid(64))])


@tpl("clean_release_notes", "short")
def rel_two_bullets(g):
    return L("### %s - %s" % (g.version(), fd(g.today - dt.timedelta(days=g.n(0, 30)), "iso")),
             *["- " + x for x in g.sample(FIXES + FEATURES, g.n(2, 3))])


@tpl("clean_release_notes", "short")
def rel_slack_tag(g):
    s = g.staff("")
    return R("@channel tagged v{{v}} - changelog in #releases, rollout starts 22:00 UTC tonight. Ping {{s}} with issues.",
             v=g.version(), s=s.at())


@tpl("clean_release_notes", "medium")
def rel_markdown_notes(g):
    v = g.version()
    return L("# Release %s" % v, "", "Released %s" % fd(g.today, "long"), "", "## Highlights", "",
             *["- " + x for x in g.sample(FEATURES, 3)], "", "## Fixes", "",
             *["- %s (%s)" % (x, g.key()) for x in g.sample(FIXES, g.n(3, 5))], "", "## Upgrade notes", "",
             "- Requires Java 17.", "- Run `migrate --to %s` before starting the engine." % v,
             "- Log masking is on by default; set `logging.mask=false` only in dev.")


@tpl("clean_release_notes", "medium")
def rel_changelog_excerpt(g):
    out = ["# Changelog", ""]
    d = g.today
    for i in range(g.n(3, 4)):
        d = d - dt.timedelta(days=g.n(7, 30))
        out += ["## [%s] - %s" % (g.version(), fd(d, "iso")), ""]
        out += ["### Added"] + ["- " + x for x in g.sample(FEATURES, g.n(1, 2))]
        out += ["### Fixed"] + ["- " + x for x in g.sample(FIXES, g.n(1, 2))] + [""]
    return L(*out)


@tpl("clean_release_notes", "medium")
def rel_hotfix_email(g):
    s = g.staff("")
    v = g.version()
    return L(R("From: {{n}} <{{e}}>", n=s.name(), e=s.email_()),
             R("To: {{t}}", t=DC("staff_contact", "it-clinical-apps@" + g.fac[2])),
             R("Date: {{d}}", d=email_date(g)), "Subject: Hotfix %s tonight 23:00-23:30" % v, "",
             "Hello all,", "",
             "We will deploy hotfix %s to the interface engine tonight between 23:00 and 23:30." % v,
             "Inbound messages will queue at the senders during the restart (about 2 minutes); nothing is lost.", "",
             "Fixes:", *["- " + x for x in g.sample(FIXES, 2)], "",
             "No action needed from clinical staff. If you see delayed results after 23:30, call the service desk.", "",
             "Thanks,", s.name(), R("Integration Services | {{p}}", p=s.phone_("dash")))


@tpl("clean_release_notes", "medium")
def rel_whats_new(g):
    return L("What's new in the patient app %s" % g.version(), "",
             "- Message your care team with photos (up to 5 per message)",
             "- Pay your bill with Apple Pay and Google Pay",
             "- Proxy access: parents can switch between their children's accounts",
             "- Appointment check-in from the lobby with a QR code",
             "- Larger text option and better screen reader labels", "",
             "Fixed", "- Lab results sometimes showed the reference range twice",
             "- Push notifications were delayed on some Android phones", "",
             "Thanks for the feedback! Rate us in the app store.")


@tpl("clean_release_notes", "long")
def rel_big_changelog(g):
    out = ["# Changelog", "", "All notable changes to this project are documented here.",
           "The format follows Keep a Changelog; versions follow SemVer.", ""]
    d = g.today
    major, minor = g.n(2, 6), g.n(5, 20)
    for i in range(g.n(6, 10)):
        d = d - dt.timedelta(days=g.n(10, 40))
        patch = g.n(0, 5)
        out += ["## [%d.%d.%d] - %s" % (major, minor, patch, fd(d, "iso")), ""]
        if g.chance(0.7):
            out += ["### Added"] + ["- %s ([%s])" % (x, g.key()) for x in g.sample(FEATURES, g.n(1, 3))] + [""]
        out += ["### Fixed"] + ["- %s ([%s])" % (x, g.key()) for x in g.sample(FIXES, g.n(1, 3))] + [""]
        if g.chance(0.3):
            out += ["### Security", "- Bump jackson-databind to 2.%d.%d (CVE-2026-%05d)" % (g.n(13, 18), g.n(0, 9), g.n(1000, 40000)), ""]
        minor -= 1
    return L(*out)


@tpl("clean_release_notes", "long")
def rel_quarterly_table(g):
    st = [g.staff("") for _ in range(5)]
    out = ["Integration platform - Q%d release summary" % g.n(1, 4), "", R("Prepared by {{s}}", s=st[0].name()),
           "Releases: %s" % ", ".join(g.version() for _ in range(4)), "", "|| Key || Summary || Assignee || Release || Status ||"]
    for i in range(g.n(52, 80)):
        out.append(R("| {{k}} | {{s}} | {{a}} | {{r}} | {{st}} |", k=g.key(), s=g.pick(FIXES + FEATURES),
                     a=g.pick(st).name(), r=g.version(), st=g.pick(["Done", "Done", "Done", "Won't fix", "Moved to next Q"])))
    out += ["", "Totals: %d done, %d moved." % (g.n(40, 60), g.n(2, 9)),
            "Incidents caused by releases: %d (postmortems linked)." % g.n(0, 2)]
    return L(*out)


@tpl("clean_release_notes", "long")
def rel_upgrade_guide(g):
    v = g.version()
    db = g.ip_private()
    out = ["# Upgrading to %s" % v, "", "Estimated downtime: 20 minutes per node (rolling).", "",
           "## Before you start", "", "1. Read the changelog for breaking changes (config keys renamed).",
           "2. Take a database snapshot:", "", "```", "pg_dump -h %s -U engine -Fc engine > engine_pre_%s.dump" % (db, v.replace(".", "_")),
           "```", "", "3. Confirm the archive volume has 20% free space.", "", "## Config changes", "",
           "| Old key | New key | Notes |", "|---|---|---|"]
    for old, new, note in [("mllp.port", "listeners.mllp.port", "per listener now"),
                           ("mllp.tls", "listeners.mllp.tls.enabled", ""),
                           ("log.phi", "logging.mask", "inverted meaning!"),
                           ("db.url", "datasource.url", ""),
                           ("retry.max", "delivery.retry.max_attempts", "default 5"),
                           ("archive.days", "archive.retention_days", "default 30")]:
        out.append("| `%s` | `%s` | %s |" % (old, new, note))
    out += ["", "## Rolling upgrade", ""]
    for i, node in enumerate(["iface-prod-01", "iface-prod-02", "iface-prod-03"]):
        out += ["### %s (%s)" % (node, g.ip_private()), "", "```",
                "ssh %s" % node, "sudo systemctl stop engine", "sudo dnf install -y interface-engine-%s" % v,
                "sudo -u engine engine migrate --to %s" % v, "sudo systemctl start engine",
                "curl -s http://localhost:8080/actuator/health | jq .status", "```", ""]
    out += ["## Verify", "", "- All channels show Started in the console", "- ACK latency p95 < 2 s for 15 minutes",
            "- No growth in the DLQ", "", "## Rollback", "", "```", "sudo dnf downgrade interface-engine",
            "pg_restore -h %s -U engine -d engine --clean engine_pre_%s.dump" % (db, v.replace(".", "_")), "```"]
    return L(*out)


# ---------------------------------------------------------------------------
# clean_clinical_rule
# ---------------------------------------------------------------------------

SEPSIS_CODES = [("A41.9", "Sepsis, unspecified organism"), ("A41.51", "Sepsis due to Escherichia coli"),
                ("R65.20", "Severe sepsis without septic shock"), ("R65.21", "Severe sepsis with septic shock"),
                ("A40.9", "Streptococcal sepsis, unspecified"), ("A41.01", "Sepsis due to MSSA")]
CRC_CODES = [("Z12.11", "Encounter for screening for malignant neoplasm of colon"),
             ("Z80.0", "Family history of malignant neoplasm of digestive organs"),
             ("Z86.010", "Personal history of colonic polyps")]


@tpl("clean_clinical_rule", "short")
def rule_oneliner(g):
    return g.pick([
        "IF age >= 65 AND no pneumococcal vaccine on file THEN show BPA 'Pneumococcal vaccine due' (soft stop)",
        "IF eGFR < 30 AND active order for metformin THEN interruptive alert, override reasons required",
        "Rule FALL-03: score >= 45 on Morse scale -> add 'High fall risk' banner and bed alarm order",
        "IF QTc > 500 ms AND new order for ondansetron THEN warn prescriber",
    ])


def _rule_cql_define_a(g):
    return L('define "Qualifying Encounters":',
             '  ["Encounter": "Office Visit"] E', '    where E.period during "Measurement Period"',
             '      and E.status = \'finished\'')


@tpl("clean_clinical_rule", "short")
def rule_cql_define(g):
    return g.pick([_rule_cql_define_a, _rule_cql_define_b])(g)


@tpl("clean_clinical_rule", "short")
def rule_valueset_line(g):
    codes = g.sample(SEPSIS_CODES, g.n(3, 5))
    return ["Sepsis dx value set (v%d): " % g.n(2, 9)] + J(", ", [DC("diagnosis_code", c[0]) for c in codes])


@tpl("clean_clinical_rule", "short")
def rule_orderset_note(g):
    return L(["Order set 'CAP admission' v%d: " % g.n(3, 9), DC("medication", "ceftriaxone"), " 1 g IV q24h + ",
              DC("medication", "azithromycin"), " 500 mg IV/PO daily; PCN allergy -> ", DC("medication", "levofloxacin"),
              " 750 mg daily."],
             "Approved by P&T %s." % fd(g.today - dt.timedelta(days=g.n(5, 60)), "abbr"))


def _rule_sepsis_spec_a(g):
    o = g.staff("md")
    return L("Sepsis screening rule - specification v%d.%d" % (g.n(1, 4), g.n(0, 9)), R("Clinical owner: {{o}}", o=o.name_cred()), "",
             "Population: adult inpatients (age >= 18) on medical and surgical units; excludes comfort care.",
             "Trigger: evaluated on every new vital sign or lab result.", "",
             "Criteria (2 of the following within 6 hours):",
             "- Temperature > 38.3 C or < 36.0 C", "- Heart rate > 90", "- Respiratory rate > 20",
             "- WBC > 12,000 or < 4,000 or > 10% bands", "",
             "AND one of:", "- Lactate > 2.0 mmol/L", "- SBP < 90 mmHg or MAP < 65", "- New oxygen requirement", "",
             "Action: page the rapid response nurse; suggest the sepsis order set.",
             ["Suppress if an active diagnosis in the sepsis value set exists (", J(", ", [DC("diagnosis_code", c[0]) for c in SEPSIS_CODES[:4]]), ")."],
             "Re-fire no sooner than 12 hours.")


@tpl("clean_clinical_rule", "medium")
def rule_sepsis_spec(g):
    return g.pick([_rule_sepsis_spec_a, _rule_sepsis_spec_b])(g)


def _rule_cds_doc_codes_a(g):
    return L("Colorectal cancer screening reminder", "", "Who: adults 45-75 without a qualifying screening on file.",
             "Not shown for: hospice, total colectomy, or life expectancy < 10 years documented.", "",
             "Counts as screening:",
             ["- Colonoscopy within 10 years (CPT ", DC("procedure_code", "45378"), ", ", DC("procedure_code", "45380"),
              ", ", DC("procedure_code", "45385"), ")"],
             ["- FIT within 1 year (CPT ", DC("procedure_code", "82274"), ")"],
             ["- Stool DNA within 3 years (CPT ", DC("procedure_code", "81528"), ")"],
             ["- CT colonography within 5 years (CPT ", DC("procedure_code", "74263"), ")"], "",
             "Risk modifiers (shorten interval):",
             *[["- ", DC("diagnosis_code", c[0]), " ", DC("condition", c[1])] for c in CRC_CODES[1:]], "",
             "Display: health maintenance sidebar; no interruptive alert.",
             "Measure alignment: CMS130 (eCQM).")


@tpl("clean_clinical_rule", "medium")
def rule_cds_doc_codes(g):
    return g.pick([_rule_cds_doc_codes_a, _rule_cds_doc_codes_b])(g)


@tpl("clean_clinical_rule", "medium")
def rule_drug_interaction(g):
    pairs = [("warfarin", "trimethoprim-sulfamethoxazole", "INR increase; consider alternative or check INR in 3-5 days"),
             ("simvastatin", "clarithromycin", "myopathy risk; hold statin during course"),
             ("clopidogrel", "omeprazole", "reduced antiplatelet effect; prefer pantoprazole"),
             ("lisinopril", "spironolactone", "hyperkalemia; check potassium in 1 week"),
             ("methotrexate", "trimethoprim", "bone marrow toxicity; avoid"),
             ("sertraline", "linezolid", "serotonin syndrome; avoid unless no alternative")]
    out = ["Drug-drug interaction rules (local overrides of the vendor knowledge base)", "",
           "| Drug A | Drug B | Severity | Advice |", "|---|---|---|---|"]
    for a, b, adv in g.sample(pairs, g.n(4, 6)):
        out.append(["| ", DC("medication", a), " | ", DC("medication", b), " | ", g.pick(["major", "moderate", "contraindicated"]),
                    " | ", adv, " |"])
    out += ["", "Overrides require a reason. Pharmacy reviews override rates monthly.",
            "Alerts are suppressed when both drugs were on the home medication list for > 30 days."]
    return L(*out)


@tpl("clean_clinical_rule", "medium")
def rule_yaml_file(g):
    return L("# rules/inpatient.yaml", "rules:",
             "  - id: AKI-NEPHROTOXIN", "    description: Nephrotoxic drug with rising creatinine",
             "    when:", "      all:", "        - lab: creatinine", "          rise_from_baseline_pct: 50",
             "        - active_med_class: [NSAID, aminoglycoside, vancomycin]",
             "    action: {type: advisory, audience: pharmacist}",
             "  - id: VTE-PROPHYLAXIS", "    description: No VTE prophylaxis 24h after admission",
             "    when:", "      all:", "        - hours_since_admission: {gte: 24}",
             "        - no_active_order: [enoxaparin, heparin_sc, scd]", "        - not: {contraindication: bleeding}",
             "    action: {type: bpa, audience: admitting_provider}",
             "  - id: GERI-BEERS", "    description: Beers list medication for patients 65 and older",
             "    when:", "      all:", "        - age: {gte: 65}", "        - new_order_in: beers_list_2023",
             "    action: {type: advisory, audience: prescriber}")


def _rule_full_spec_long_a(g):
    st = [g.staff("md"), g.staff("rn"), g.staff(""), g.staff("md")]
    out = ["# CDS Rule Specification: Inpatient Fall Risk", "",
           R("Owner: {{a}} (Nursing Informatics) · Clinical sponsor: {{b}}", a=st[1].name(), b=st[0].name_cred()),
           "Status: Approved · Version %d.%d · Effective %s" % (g.n(1, 3), g.n(0, 9), fd(g.today + dt.timedelta(days=14), "abbr")), "",
           "## 1. Purpose", "", "Identify adult inpatients at high risk of falls at admission and every shift, and prompt",
           "standard precautions. The rule supports, and does not replace, nursing judgement.", "",
           "## 2. Population", "", "- Included: adult inpatients (18 years and older) on all medical, surgical and",
           "  observation units.", "- Excluded: pediatric units, labor and delivery, patients on comfort care.",
           "- Patients aged 90 and older are always treated as high risk; the score is still documented.", "",
           "## 3. Inputs", "", "| Input | Source | Notes |", "|---|---|---|",
           "| Morse Fall Scale total | flowsheet row 3045 | latest within 12 h |",
           "| Age | demographics | computed at evaluation time |",
           "| Sedating medications | MAR, last 24 h | opioids, benzodiazepines, sedating antihistamines |",
           "| Diagnoses | problem list | see value set below |", "| Mobility aid | flowsheet row 3051 | walker, cane |", "",
           "## 4. Logic", "", "```",
           "high_risk = morse_total >= 45",
           "         OR age >= 90",
           "         OR (morse_total >= 25 AND sedating_med_last_24h)",
           "         OR any(problem in FALL_DX)", "```", "",
           "## 5. Value set FALL_DX", "", "| Code | Description |", "|---|---|"]
    fall_dx = [("R26.81", "Unsteadiness on feet"), ("R29.6", "Repeated falls"), ("Z91.81", "History of falling"),
               ("G20.A1", "Parkinson's disease without dyskinesia"), ("F03.90", "Unspecified dementia"),
               ("R55", "Syncope and collapse"), ("M62.81", "Muscle weakness (generalized)"),
               ("H54.7", "Unspecified visual loss")]
    for c, d in fall_dx:
        out.append(["| ", DC("diagnosis_code", c), " | ", DC("condition", d), " |"])
    out += ["", "## 6. Actions", "", "- Banner 'High fall risk' on the patient header.",
            "- Nursing order set suggestion: bed alarm, non-slip socks, hourly rounding.",
            "- No interruptive alert to providers.", "", "## 7. Testing", "",
            "| Case | Morse | Age | Sedating med | Expected |", "|---|---|---|---|---|",
            "| 1 | 50 | 40 | no | high |", "| 2 | 30 | 92 | no | high |", "| 3 | 30 | 60 | yes | high |",
            "| 4 | 20 | 70 | no | not high |", "| 5 | 0 | 18 | no | not high |", "",
            "All cases use synthetic test patients in the TST environment.", "",
            "## 8. Monitoring", "", "- Monthly: firing rate per unit, falls per 1,000 patient days.",
            "- Quarterly review at the Clinical Informatics Committee.", "", "## 9. Sign-off", ""]
    for s in st:
        out.append(R("- {{n}} - {{d}}", n=s.name(), d=fd(g.today - dt.timedelta(days=g.n(1, 20)), "abbr")))
    return L(*out)


@tpl("clean_clinical_rule", "long")
def rule_full_spec_long(g):
    return g.pick([_rule_full_spec_long_a, _rule_full_spec_long_b])(g)


def _rule_cql_library_long_a(g):
    out = ["library DiabetesA1cControl version '%d.%d.%d'" % (g.n(1, 3), g.n(0, 9), g.n(0, 9)), "",
           "using FHIR version '4.0.1'", "", "include FHIRHelpers version '4.0.1' called FHIRHelpers", "",
           "codesystem \"LOINC\": 'http://loinc.org'", "codesystem \"ICD10CM\": 'http://hl7.org/fhir/sid/icd-10-cm'", "",
           "valueset \"Diabetes\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001'",
           "valueset \"HbA1c Laboratory Test\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013'",
           "valueset \"Hospice Encounter\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.1003'", "",
           "code \"HbA1c\": '4548-4' from \"LOINC\" display 'Hemoglobin A1c/Hemoglobin.total in Blood'",
           ["code \"Type 2 DM\": '", DC("diagnosis_code", "E11.9"), "' from \"ICD10CM\""], "",
           "parameter \"Measurement Period\" Interval<DateTime>", "", "context Patient", "",
           "define \"Age at Start\":", "  AgeInYearsAt(start of \"Measurement Period\")", "",
           "define \"Initial Population\":", "  \"Age at Start\" between 18 and 75",
           "    and exists \"Diabetes Diagnosis\"", "    and exists \"Qualifying Encounter\"", "",
           "define \"Diabetes Diagnosis\":", "  [Condition: \"Diabetes\"] C",
           "    where C.clinicalStatus ~ 'active'", "", "define \"Qualifying Encounter\":",
           "  [Encounter] E", "    where E.period during \"Measurement Period\"", "      and E.status = 'finished'", "",
           "define \"Denominator\":", "  \"Initial Population\"", "", "define \"Denominator Exclusions\":",
           "  exists [Encounter: \"Hospice Encounter\"] H", "    where H.period overlaps \"Measurement Period\"", "",
           "define \"Most Recent HbA1c\":", "  Last(", "    [Observation: \"HbA1c Laboratory Test\"] O",
           "      where O.effective during \"Measurement Period\"", "        and O.status in { 'final', 'amended' }",
           "      sort by effective", "  )", "", "define \"Numerator\":",
           "  \"Most Recent HbA1c\".value > 9 '%'", "    or \"Most Recent HbA1c\" is null", "",
           "define \"SDE Sex\":", "  Patient.gender", "", "define \"SDE Payer\":", "  [Coverage] C return C.payor", "",
           "// Inverse measure: lower is better.",
           "// Test bundles for this library live in input/tests/*; all are synthetic.",
           "// Reviewed %s." % fd(g.today - dt.timedelta(days=g.n(1, 60)), "abbr")]
    return L(*out)


@tpl("clean_clinical_rule", "long")
def rule_cql_library_long(g):
    return g.pick([_rule_cql_library_long_a, _rule_cql_library_long_b])(g)


@tpl("clean_clinical_rule", "long")
def rule_valueset_table_long(g):
    st = g.staff("")
    rows = CONDITIONS + [(c, d, "") for c, d in SEPSIS_CODES] + [(c, d, "") for c, d in CRC_CODES] + [
        ("Z79.01", "Long term (current) use of anticoagulants", ""), ("Z79.4", "Long term (current) use of insulin", ""),
        ("E66.9", "Obesity, unspecified", ""), ("F17.210", "Nicotine dependence, cigarettes, uncomplicated", ""),
        ("I25.10", "Atherosclerotic heart disease of native coronary artery", ""), ("J96.01", "Acute respiratory failure with hypoxia", ""),
        ("N40.0", "Benign prostatic hyperplasia without LUTS", ""), ("E87.1", "Hypo-osmolality and hyponatremia", "")]
    out = ["Value set: Readmission risk - comorbidities (ICD-10-CM)", "OID 2.16.840.1.113883.3.%d.%d" % (g.n(100, 999), g.n(1, 99)),
           R("Steward: Clinical Analytics ({{s}}) · Last reviewed {{d}}", s=st.name(), d=fd(g.today - dt.timedelta(days=30), "abbr")),
           "", "code\tdescription\tweight"]
    for c in g.sample(rows, min(len(rows), g.n(36, 42))):
        out.append([DC("diagnosis_code", c[0]), "\t", DC("condition", c[1]), "\t%.2f" % g.r.uniform(0.05, 1.5)])
    out += ["", "CPT context codes (utilisation):", "code\tdescription"]
    for c in g.sample(CPTS, 16):
        out.append([cptc(c), "\t", c[1]])
    out += ["", "Notes: weights from the %d model refresh; codes expire with the annual ICD-10-CM update." % (g.today.year - 1)]
    return L(*out)


# ---------------------------------------------------------------------------
# clean_oncall_directory
# ---------------------------------------------------------------------------

TEAMS = ["Interfaces", "Clinical Apps", "EHR Build", "Database", "Network", "Service Desk", "Lab Systems",
         "Radiology PACS", "Revenue Cycle IT", "Security Operations", "Identity & Access", "Cloud Platform"]


def pager(g):
    return DC("staff_contact", "%d-%04d" % (g.n(200, 999), g.n(0, 9999)))


@tpl("clean_oncall_directory", "short")
def oncall_line(g):
    s = g.staff("")
    return R("{{t}} on-call this week: {{n}}, pager {{p}}, ext {{e}}", t=g.pick(TEAMS), n=s.name(),
             p=DC("staff_contact", g.fmt_phone(s.work, "dash")), e=DC("staff_contact", s.ext))


@tpl("clean_oncall_directory", "short")
def oncall_escalation_3(g):
    a, b, c = g.staff(""), g.staff(""), g.staff("")
    return L(R("L1: {{n}} (pager {{p}})", n=a.name(), p=pager(g)), R("L2: {{n}} (cell {{p}})", n=b.name(), p=b.phone_()),
             R("L3: {{n}}, manager - {{e}}", n=c.name(), e=c.email_()))


@tpl("clean_oncall_directory", "short")
def oncall_slack(g):
    a, b = g.staff(""), g.staff("")
    return R("@oncall-{{t}} is {{a}} until Fri 08:00, backup {{b}}", t=g.pick(["integrations", "ehr", "db", "lab"]),
             a=a.name(), b=b.at())


@tpl("clean_oncall_directory", "short")
def oncall_table_one_row(g):
    s, t = g.staff(""), g.staff("")
    return L("| Week of | Primary | Secondary | Bridge |", "|---|---|---|---|",
             R("| {{d}} | {{a}} ({{p}}) | {{b}} | {{x}} |", d=fd(g.today, "abbr"), a=s.name(), p=s.phone_("dash"),
               b=t.name(), x="+1 %s-%d-%04d ,,%d#" % (g.pick(["646", "872", "312"]), g.n(200, 999), g.n(0, 9999), g.n(10 ** 6, 10 ** 7))))


@tpl("clean_oncall_directory", "medium")
def oncall_weekly_rotation(g):
    st = [g.staff("") for _ in range(g.n(4, 6))]
    team = g.pick(TEAMS)
    out = ["%s on-call rotation" % team, "Handoff Mondays 09:00 ET. Swap via the scheduling tool, not by email.", "",
           "| Week of | Primary | Secondary |", "|---|---|---|"]
    d = g.today - dt.timedelta(days=g.today.weekday())
    for i in range(g.n(8, 12)):
        a, b = g.sample(st, 2)
        out.append(R("| {{d}} | {{a}} | {{b}} |", d=fd(d + dt.timedelta(days=7 * i), "abbr"), a=a.name(), b=b.name()))
    out += ["", "Contacts:"]
    for s in st:
        out.append(R("- {{n}}: {{p}}, {{e}}", n=s.name(), p=s.phone_(), e=s.email_()))
    return L(*out)


@tpl("clean_oncall_directory", "medium")
def oncall_escalation_policy(g):
    st = [g.staff("") for _ in range(4)]
    return L("# Escalation policy - %s" % g.pick(TEAMS), "",
             "Sev1 (patient-care impact, e.g. results not flowing): page primary, 5 min ack, then secondary, then manager.",
             "Sev2 (degraded, workaround exists): page primary during business hours, ticket after hours.",
             "Sev3: ticket only.", "",
             "| Level | Who | How | Ack within |", "|---|---|---|---|",
             R("| 1 | Primary on-call | PagerDuty service {{s}} | 5 min |", s="P%06d" % g.n(0, 999999)),
             R("| 2 | Secondary on-call | PagerDuty, then cell | 10 min |"),
             R("| 3 | {{n}} (manager) | {{p}} | 15 min |", n=st[0].name(), p=st[0].phone_("dash")),
             R("| 4 | {{n}} (director) | {{p}} | 30 min |", n=st[1].name(), p=st[1].phone_("dash")), "",
             R("Vendor escalation: engine vendor support {{p}} (contract #{{c}}).", p=DC("staff_contact", g.tollfree()),
               c=str(g.n(10000, 99999))),
             R("Service desk: ext {{e}}; after hours {{p}}.", e=DC("staff_contact", str(g.n(2000, 7999))),
               p=DC("staff_contact", g.phone_str("dash"))), "",
             R("Owner of this page: {{n}}", n=st[2].name()))


@tpl("clean_oncall_directory", "medium")
def oncall_department_directory(g):
    out = ["IT department directory (internal)", "", "Team\tName\tRole\tDesk\tEmail"]
    for i in range(g.n(12, 20)):
        s = g.staff("")
        out.append([g.pick(TEAMS), "\t", s.name(), "\t", g.pick(["Engineer", "Analyst", "Lead", "Manager", "Architect"]),
                    "\t", s.ext_(), "\t", s.email_()])
    out += ["", R("Main line: {{p}} (press 2 for IT)", p=DC("staff_contact", g.phone_str("dash")))]
    return L(*out)


@tpl("clean_oncall_directory", "medium")
def oncall_pagerduty_export(g):
    st = [g.staff("") for _ in range(g.n(4, 6))]
    out = ["schedule,start,end,user,email"]
    t = dt.datetime(g.today.year, g.today.month, g.today.day, 9, 0)
    for i in range(g.n(10, 16)):
        s = g.pick(st)
        t2 = t + dt.timedelta(hours=g.pick([12, 24, 168]))
        out.append([g.pick(["Interfaces Primary", "Interfaces Secondary"]), ",", t.strftime("%Y-%m-%dT%H:%M:%S-05:00"), ",",
                    t2.strftime("%Y-%m-%dT%H:%M:%S-05:00"), ",", s.name(), ",", s.email_()])
        t = t2
    return L(*out)


@tpl("clean_oncall_directory", "long")
def oncall_full_directory_long(g):
    out = ["# %s - IT on-call and contact directory" % g.fac[0], "", "Updated weekly by the service desk. Internal use only.", ""]
    out[0] = R("# {{f}} - IT on-call and contact directory", f=fac_name(g))
    teams = g.sample(TEAMS, g.n(8, 10))
    for t in teams:
        out += ["## %s" % t, "", "| Name | Role | Work phone | Pager | Email |", "|---|---|---|---|---|"]
        for i in range(g.n(4, 6)):
            s = g.staff("")
            out.append(R("| {{n}} | {{r}} | {{p}} | {{pg}} | {{e}} |", n=s.name(), r=g.pick(["Primary", "Secondary", "Lead", "Manager", "Engineer"]),
                         p=s.phone_("dash"), pg=pager(g), e=s.email_()))
        out.append("")
    out += ["## Bridges", "", "- Major incident bridge: +1 %s-%d-%04d, passcode %d#" % (g.pick(["646", "312"]), g.n(200, 999), g.n(0, 9999), g.n(10 ** 5, 10 ** 6)),
            "- Change window bridge: see the CAB invite"]
    return L(*out)


@tpl("clean_oncall_directory", "long")
def oncall_quarter_rotation_long(g):
    teams = g.sample(TEAMS, 5)
    people = {t: [g.staff("") for _ in range(4)] for t in teams}
    d = g.today - dt.timedelta(days=g.today.weekday())
    out = ["Q%d on-call rotation (all teams)" % ((g.today.month - 1) // 3 + 1), "",
           "Week\t" + "\t".join(teams)]
    for w in range(13):
        out.append(J("\t", [fd(d + dt.timedelta(days=7 * w), "abbr")] + [people[t][w % 4].name() for t in teams]))
    out += ["", "Contacts"]
    for t in teams:
        out += ["", t]
        for s in people[t]:
            out.append(R("  {{n}}  {{p}}  {{e}}", n=s.name(), p=s.phone_(), e=s.email_()))
    out += ["", "Holiday coverage", ""]
    for h in ["Thanksgiving", "Christmas Eve", "Christmas Day", "New Year's Eve", "New Year's Day", "MLK Day"]:
        t = g.pick(teams)
        out.append(R("{{h}}: {{t}} - {{n}}", h=h, t=t, n=g.pick(people[t]).name()))
    out += ["", "Handoff checklist", "", "1. Open incidents and their owners", "2. Changes scheduled this week",
            "3. Known noisy alerts", "4. Vendor cases waiting on us", "5. Anything odd in the queues",
            "", "Holidays: swap requests to the team lead 2 weeks ahead.",
            "Comp time: 1 day per week of primary on-call."]
    return L(*out)


@tpl("clean_oncall_directory", "long")
def oncall_runbook_contacts_long(g):
    st = [g.staff("") for _ in range(8)]
    out = ["Runbook: HL7 interface engine - contacts and escalation", "",
           "Scope: inbound ADT/ORM from the EHR, outbound ORU to the EHR, lab and radiology vendors.",
           "Hosts: iface-prod-01 (%s), iface-prod-02 (%s), DR iface-dr-01 (%s)" % (g.ip_private(), g.ip_private(), g.ip_private()), "",
           "== Internal contacts =="]
    for s, role in zip(st, ["Primary on-call (rotates)", "Secondary on-call", "Team lead", "Manager", "DBA on-call",
                             "Network on-call", "EHR interface analyst", "Service desk lead"]):
        out.append(R("{{r}}: {{n}}, {{p}}, {{e}}", r=role, n=s.name(), p=s.phone_("dash"), e=s.email_()))
    out += ["", "== Vendor contacts =="]
    for v in ["Interface engine vendor", "Reference lab", "Radiology vendor", "HIE", "Clearinghouse", "EHR vendor",
              "Fax gateway vendor", "Network carrier (VPN circuits)"]:
        out.append(R("{{v}}: support {{p}}, portal case required for Sev2+", v=v, p=DC("staff_contact", g.tollfree())))
    out += ["", "== Escalation matrix ==", "", "| Symptom | First check | Escalate to |", "|---|---|---|"]
    for sym, chk, who in [("No ADT for > 10 min", "EHR outbound queue", "EHR interface analyst"),
                          ("ORU backlog > 500", "engine DB connections", "DBA on-call"),
                          ("ACK timeouts to lab", "VPN tunnel status", "Network on-call"),
                          ("All channels stopped", "disk and memory on node", "Team lead"),
                          ("Vendor reports missing results", "message search by control id", "Secondary on-call"),
                          ("Certificate expiry warning", "cert inventory", "Team lead"),
                          ("DR failover needed", "DR checklist", "Manager")]:
        out.append("| %s | %s | %s |" % (sym, chk, who))
    out += ["", "== Common commands ==", "", "```", "systemctl status engine", "engine channels --status",
            "engine queue --depth adt.inbound", "engine replay --control-id <id> --dry-run",
            "tail -f /var/log/engine/engine.log | grep -v DEBUG", "```", "",
            "== Bridges ==", "", "Sev1 bridge: +1 %s-%d-%04d, passcode %d#" % (g.pick(["646", "872"]), g.n(200, 999), g.n(0, 9999), g.n(10 ** 5, 10 ** 6)),
            "Vendor bridge: provided by vendor per incident", "",
            "== Change history ==", ""]
    for back in sorted(g.sample(range(1, 300), g.n(8, 12))):
        out.append(R("{{d}} {{n}}: {{c}}", d=fd(g.today - dt.timedelta(days=back), "iso"), n=g.pick(st).name(),
                     c=g.pick(["updated DBA contacts", "added DR host", "new vendor support number", "escalation matrix review",
                               "removed retired lab route"])))
    return L(*out)


# ---------------------------------------------------------------------------
# second versions of clean templates that are used twice
# ---------------------------------------------------------------------------


def _val_python_mrn_b(g):
    return L(*diff_head(g, "phiguard_rules/zip.py"),
             hunk(g, 5, 9, 5, 16, "def looks_like_zip(value: str, context: str = \"\") -> bool:"),
             '     """ZIP or ZIP+4; needs an address-like context unless the field is labelled."""',
             "-    return bool(re.fullmatch(r\"\\d{5}\", value))",
             "+    v = value.strip()",
             "+    if not ZIP_RE.fullmatch(v):",
             "+        return False",
             "+    if v[:5] == \"00000\":",
             "+        return False  # placeholder used in test data",
             "+    return bool(STATE_BEFORE.search(context)) or \"zip\" in context.lower()",
             " ",
             " ",
             "+ZIP_RE = re.compile(r\"\\d{5}(?:-\\d{4})?\")",
             "+STATE_BEFORE = re.compile(r\"\\b[A-Z]{2}\\s*$\")",
             *diff_head(g, "tests/test_zip.py"),
             hunk(g, 1, 2, 1, 10),
             " from phiguard_rules.zip import looks_like_zip",
             " ",
             "+def test_placeholder_rejected():",
             "+    assert not looks_like_zip(\"00000\", \"ZIP\")",
             "+",
             "+def test_needs_context():",
             "+    assert not looks_like_zip(\"12345\", \"order qty\")",
             "+    assert looks_like_zip(\"12345\", \"Springfield, IL \")",
             "+    assert looks_like_zip(\"12345-6789\", \"zip code\")")


def _val_rust_npi_b(g):
    return L(*diff_head(g, "crates/rules/src/card.rs"),
             hunk(g, 1, 6, 1, 24),
             "-/// Card numbers: 13-19 digits.",
             "-pub fn is_card(s: &str) -> bool {",
             "-    (13..=19).contains(&s.chars().filter(char::is_ascii_digit).count())",
             "+/// Card numbers: 13-19 digits, known issuer prefix, Luhn checksum.",
             "+pub fn is_card(s: &str) -> bool {",
             "+    let d: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();",
             "+    if !(13..=19).contains(&d.len()) || !known_prefix(&d) {",
             "+        return false;",
             "+    }",
             "+    let sum: u32 = d.iter().rev().enumerate().map(|(i, &x)| {",
             "+        let x = x as u32;",
             "+        if i % 2 == 1 { let y = x * 2; if y > 9 { y - 9 } else { y } } else { x }",
             "+    }).sum();",
             "+    sum % 10 == 0",
             " }",
             " ",
             " #[cfg(test)]",
             " mod tests {",
             "     use super::*;",
             "+    #[test]",
             "+    fn network_test_numbers() {",
             "+        // published test card numbers, not real accounts",
             "+        assert!(is_card(\"4111 1111 1111 1111\"));",
             "+        assert!(is_card(\"5555 5555 5555 4444\"));",
             "+        assert!(!is_card(\"4111 1111 1111 1112\"));",
             "+    }")


def _val_json_schema_b(g):
    return L(*diff_head(g, "openapi/components/schemas/Appointment.yaml"),
             hunk(g, 8, 10, 8, 19, "properties:"),
             "     start:",
             "       type: string",
             "-      format: date",
             "+      format: date-time",
             "+      description: Start of the slot in the clinic's local time with offset.",
             "     patientRef:",
             "       type: string",
             "-      example: Patient/123",
             "+      pattern: \"^Patient/[A-Za-z0-9-]{1,64}$\"",
             "+      example: Patient/example",
             "     reason:",
             "       type: string",
             "+      maxLength: 200",
             "+      description: Free text is not allowed to carry identifiers; the API rejects values that match",
             "+        the phone, SSN or MRN validators.",
             "     status:",
             "       $ref: '#/components/schemas/AppointmentStatus'")


def _val_large_diff_tests_b(g):
    out = ["commit %s" % g.hexid(40), R("Author: {{a}}", a=g.staff("").name()),
           "Date:   %s" % g.now.strftime("%a %b %d %H:%M:%S %Y -0500"), "",
           "    validators: DEA registration numbers, NPI, driver licence shapes", "",
           "    Examples come from the published check-digit descriptions only.", ""]
    out += diff_head(g, "src/validators/dea.ts", new=True) + [hunk(g, 0, 0, 1, 18),
        "+// DEA number: 2 letters + 7 digits. Check digit = last digit of",
        "+// (d1 + d3 + d5) + 2 * (d2 + d4 + d6).",
        "+export function isValidDea(s: string): boolean {",
        "+  const m = /^([A-Z])([A-Z9])(\\d{7})$/.exec(s.toUpperCase());",
        "+  if (!m) return false;",
        "+  const d = m[3].split('').map(Number);",
        "+  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);",
        "+  return sum % 10 === d[6];",
        "+}",
        "+",
        "+// Registrant type letters accepted by the validator",
        "+export const DEA_FIRST = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'U', 'X'];",
        "+",
        "+// textbook example from the check digit description",
        "+export const DEA_EXAMPLE = 'AB1234563';", "+", "+export default isValidDea;", "+", ""]
    out += diff_head(g, "src/validators/npi.ts") + [hunk(g, 1, 5, 1, 13),
        " export function isValidNpi(s: string): boolean {",
        "-  return /^\\d{10}$/.test(s);",
        "+  if (!/^[12]\\d{9}$/.test(s)) return false;",
        "+  const digits = ('80840' + s.slice(0, 9)).split('').map(Number);",
        "+  const sum = digits.reverse().reduce((acc, x, i) => {",
        "+    const y = i % 2 === 0 ? x * 2 : x;",
        "+    return acc + (y > 9 ? y - 9 : y);",
        "+  }, 0);",
        "+  return (10 - (sum % 10)) % 10 === Number(s[9]);",
        " }", ""]
    out += diff_head(g, "src/validators/dl.ts", new=True) + [hunk(g, 0, 0, 1, 12),
        "+// Driver licence shapes by state (subset). Shapes only - no checksum exists.",
        "+export const DL_SHAPES: Record<string, RegExp> = {",
        "+  CA: /^[A-Z]\\d{7}$/,",
        "+  FL: /^[A-Z]\\d{12}$/,",
        "+  IL: /^[A-Z]\\d{11}$/,",
        "+  NY: /^\\d{9}$/,",
        "+  TX: /^\\d{8}$/,",
        "+  WA: /^[A-Z*]{7}\\d{3}[A-Z0-9]{2}$/,",
        "+};", "+", "+export const hasLabel = (ctx: string) => /\\b(DL|driver'?s? licen[cs]e)\\b/i.test(ctx);", "+", ""]
    out += diff_head(g, "src/validators/__tests__/ids.test.ts", new=True) + [hunk(g, 0, 0, 1, 22),
        "+import { isValidDea, DEA_EXAMPLE } from '../dea';", "+import { isValidNpi } from '../npi';",
        "+import { DL_SHAPES, hasLabel } from '../dl';", "+",
        "+describe('dea', () => {", "+  it('accepts the textbook example', () => expect(isValidDea(DEA_EXAMPLE)).toBe(true));",
        "+  it('rejects a wrong check digit', () => expect(isValidDea('AB1234567')).toBe(false));", "+});", "+",
        "+describe('npi', () => {", "+  it('accepts the CMS example', () => expect(isValidNpi('1234567893')).toBe(true));",
        "+  it('rejects leading 3', () => expect(isValidNpi('3234567893')).toBe(false));", "+});", "+",
        "+describe('driver licence', () => {", "+  it('needs a label', () => {",
        "+    expect(hasLabel('DL: A1234567')).toBe(true);", "+    expect(hasLabel('order A1234567')).toBe(false);",
        "+  });", "+  it('CA shape', () => expect(DL_SHAPES.CA.test('A0000000')).toBe(true));", "+});"]
    return L(*out)


def _rule_cql_define_b(g):
    return g.pick([
        L('define "Has Recent HbA1c":', '  exists ([Observation: "HbA1c Laboratory Test"] O',
          '    where O.effective 6 months or less before Today()', "      and O.status in { 'final', 'amended' })"),
        L('define "On Anticoagulant":', '  exists [MedicationRequest: "Anticoagulant Medications"] M',
          "    where M.status = 'active'", "      and M.intent = 'order'"),
        L('define "Age 65 or Older":', '  AgeInYearsAt(start of "Measurement Period") >= 65'),
    ])


def _rule_sepsis_spec_b(g):
    o = g.staff("md")
    return L("Acute kidney injury alert - specification v%d.%d" % (g.n(1, 4), g.n(0, 9)),
             R("Clinical owner: {{o}} (Nephrology)", o=o.name_cred()), "",
             "Population: adult inpatients with at least one creatinine in the last 7 days; excludes dialysis patients.",
             "Trigger: each new serum creatinine result.", "",
             "KDIGO criteria:",
             "- Stage 1: rise >= 0.3 mg/dL within 48 h, or 1.5-1.9x baseline within 7 days",
             "- Stage 2: 2.0-2.9x baseline", "- Stage 3: >= 3.0x baseline, or >= 4.0 mg/dL, or dialysis started", "",
             "Baseline: lowest creatinine in the prior 7 days; if none, the admission value.", "",
             "Actions:", "- Stage 1: advisory to pharmacist to review nephrotoxic drugs",
             ["- Stage 2+: BPA to the primary team; suggests holding ", DC("medication", "ibuprofen"), ", ",
              DC("medication", "lisinopril"), " and adjusting ", DC("medication", "vancomycin"), " dosing"],
             ["Suppress when ", DC("diagnosis_code", "N18.6"), " (", DC("condition", "end stage renal disease"), ") is on the problem list."],
             "Re-fire only when the stage increases.")


def _rule_cds_doc_codes_b(g):
    return L("Diabetic eye exam reminder", "",
             ["Who: adults 18-75 with ", DC("condition", "diabetes"), " (", DC("diagnosis_code", "E11.9"), ", ",
              DC("diagnosis_code", "E10.9"), " or any E11.3x retinopathy code) and no eye exam in 12 months."],
             "Not shown for: hospice, bilateral enucleation.", "",
             "Counts as an eye exam:",
             ["- Retinal imaging with remote interpretation (CPT ", DC("procedure_code", "92227"), ", ",
              DC("procedure_code", "92228"), ")"],
             ["- Ophthalmology exam (CPT ", DC("procedure_code", "92004"), ", ", DC("procedure_code", "92014"), ")"],
             ["- Category II result code (CPT ", DC("procedure_code", "2022F"), " / ", DC("procedure_code", "2023F"), ")"], "",
             "Display: health maintenance sidebar and pre-visit planning report.",
             "Order suggestion: retinal camera referral at the primary care site.",
             "Measure alignment: CMS131 (eCQM).")


def _rule_full_spec_long_b(g):
    st = [g.staff("rn"), g.staff("md"), g.staff(""), g.staff("rn")]
    out = ["# CDS Rule Specification: Pressure Injury Prevention", "",
           R("Owner: {{a}} (Wound Care) · Clinical sponsor: {{b}}", a=st[0].name(), b=st[1].name_cred()),
           "Status: In review · Version %d.%d" % (g.n(1, 3), g.n(0, 9)), "",
           "## 1. Purpose", "", "Prompt preventive care for inpatients at risk of pressure injury, using the Braden",
           "scale documented by nursing, and route new stage 2+ injuries to the wound care team.", "",
           "## 2. Population", "", "- Included: inpatients 18 years and older with an expected stay over 24 hours.",
           "- Excluded: comfort care; patients in the operating room at the time of evaluation.",
           "- Patients aged 90 and older receive the reassessment reminder every shift regardless of score.", "",
           "## 3. Inputs", "", "| Input | Source | Notes |", "|---|---|---|",
           "| Braden total | flowsheet row 4102 | latest within 24 h |",
           "| Braden subscales | flowsheet rows 4103-4108 | mobility and moisture used for actions |",
           "| Albumin | lab | last 30 days |", "| Support surface | flowsheet row 4120 | |", "",
           "## 4. Logic", "", "```", "at_risk   = braden_total <= 18", "high_risk = braden_total <= 12",
           "reassess  = hours_since_braden > 24 OR age >= 90", "```", "",
           "## 5. Value set PI_DX", "", "| Code | Description |", "|---|---|"]
    for c, d in [("L89.152", "Pressure ulcer of sacral region, stage 2"), ("L89.153", "Pressure ulcer of sacral region, stage 3"),
                 ("L89.154", "Pressure ulcer of sacral region, stage 4"), ("L89.612", "Pressure ulcer of right heel, stage 2"),
                 ("L89.622", "Pressure ulcer of left heel, stage 2"), ("L89.90", "Pressure ulcer of unspecified site, unspecified stage"),
                 ("E43", "Unspecified severe protein-calorie malnutrition")]:
        out.append(["| ", DC("diagnosis_code", c), " | ", DC("condition", d), " |"])
    out += ["", "## 6. Actions", "", "- at_risk: nursing order set suggestion (turning every 2 h, heel offloading).",
            "- high_risk: add specialty mattress order suggestion and dietitian consult.",
            "- New PI_DX diagnosis: in-basket message to the wound care pool.", "", "## 7. Testing", "",
            "| Case | Braden | Age | Expected |", "|---|---|---|---|", "| 1 | 19 | 50 | no action |",
            "| 2 | 16 | 70 | at risk |", "| 3 | 11 | 45 | high risk |", "| 4 | 20 | 93 | reassess reminder only |", "",
            "Test patients are synthetic records in TST.", "", "## 8. Monitoring", "",
            "- Hospital-acquired pressure injuries per 1,000 patient days (monthly).",
            "- Override and dismissal rates per unit.", "", "## 9. Sign-off", ""]
    for s_ in st:
        out.append(R("- {{n}} - {{d}}", n=s_.name(), d=g.pick(["approved", "pending", "approved with comments"])))
    return L(*out)


def _rule_cql_library_long_b(g):
    out = ["library ControllingHighBloodPressure version '%d.%d.%d'" % (g.n(1, 3), g.n(0, 9), g.n(0, 9)), "",
           "using FHIR version '4.0.1'", "", "include FHIRHelpers version '4.0.1' called FHIRHelpers",
           "include Status version '1.%d.000' called Status" % g.n(0, 8), "",
           "codesystem \"LOINC\": 'http://loinc.org'", "",
           "valueset \"Essential Hypertension\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.104.12.1011'",
           "valueset \"Pregnancy\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.526.3.378'",
           "valueset \"ESRD Diagnosis\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.526.3.353'", "",
           "code \"Systolic blood pressure\": '8480-6' from \"LOINC\"",
           "code \"Diastolic blood pressure\": '8462-4' from \"LOINC\"",
           ["code \"Hypertension\": '", DC("diagnosis_code", "I10"), "' from \"ICD10CM\""], "",
           "parameter \"Measurement Period\" Interval<DateTime>", "", "context Patient", "",
           "define \"Initial Population\":", "  AgeInYearsAt(end of \"Measurement Period\") in Interval[18, 85]",
           "    and exists \"Hypertension Diagnosis\"", "", "define \"Hypertension Diagnosis\":",
           "  [Condition: \"Essential Hypertension\"] C",
           "    where C.prevalenceInterval() overlaps before end of \"Measurement Period\"", "",
           "define \"Denominator Exclusions\":", "  exists [Condition: \"Pregnancy\"]",
           "    or exists [Condition: \"ESRD Diagnosis\"]",
           "    or AgeInYearsAt(end of \"Measurement Period\") >= 81 // frailty exclusion handled elsewhere", "",
           "define \"Last BP Date\":", "  Max(\"Qualifying BP Readings\" R return date from R.effective)", "",
           "define \"Qualifying BP Readings\":", "  [Observation: \"Blood pressure\"] BP",
           "    where BP.effective during \"Measurement Period\"", "      and BP.status in { 'final', 'amended' }", "",
           "define \"Lowest Systolic On Last Date\":",
           "  Min(\"Qualifying BP Readings\" R where date from R.effective = \"Last BP Date\"",
           "    return R.component.where(code ~ \"Systolic blood pressure\").value)", "",
           "define \"Lowest Diastolic On Last Date\":",
           "  Min(\"Qualifying BP Readings\" R where date from R.effective = \"Last BP Date\"",
           "    return R.component.where(code ~ \"Diastolic blood pressure\").value)", "",
           "define \"Numerator\":", "  \"Lowest Systolic On Last Date\" < 140 'mm[Hg]'",
           "    and \"Lowest Diastolic On Last Date\" < 90 'mm[Hg]'", "",
           "define \"SDE Sex\":", "  Patient.gender", "", "define \"SDE Payer\":", "  [Coverage] C return C.payor", "",
           "define \"SDE Race\":", "  Patient.extension.where(url = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race')", "",
           "// Inverse of the old measure: higher is better.",
           "// Test cases in input/tests/ControllingHighBloodPressure; all synthetic."]
    return L(*out)


# ===================== DRIVER =====================


def bucket_of(nlines):
    for b, (lo, hi) in BUCKET_LINES.items():
        if lo <= nlines <= hi:
            return b
    return None


MBI_RE = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d"
                    r"[AC-HJKMNP-RT-Y]{2}\d\d$")


def id_problem(label, kind, val):
    """identifier rules: SSN ranges, Luhn, NPI, MBI, NANP, VIN"""
    d = re.sub(r"\D", "", val)
    if label == "phi" and kind == "ssn" and len(d) == 9:
        if d[:3] in ("000", "666") or d[0] == "9" or d[3:5] == "00" or d[5:] == "0000" or d == "123456789":
            return "SSN outside the valid ranges"
    if label == "phi" and kind == "credit_card" and not luhn_ok(d):
        return "card number fails Luhn"
    if label == "phi" and kind == "medicare_mbi" and not MBI_RE.match(val.replace("-", "")):
        return "MBI breaks the character rules"
    if label == "phi" and kind == "phone":
        if len(d) == 11 and d[0] == "1":
            d = d[1:]
        if len(d) == 10 and (d[0] in "01" or d[3] in "01" or (d[3:6] == "555" and d[6:8] == "01")):
            return "phone is not a valid NANP number"
        if len(d) == 3 and d[0] in "01":
            return "area code starts with 0/1"
        if len(d) == 7 and d[0] in "01":
            return "exchange starts with 0/1"
        if len(d) not in (3, 7, 10):
            return "phone has %d digits" % len(d)
    if label == "dont_care" and kind == "other_id" and re.fullmatch(r"[12]\d{9}", val):
        if luhn_digit("80840" + val[:9]) != val[9]:
            return "NPI fails the 80840 Luhn check"
    if label == "phi" and kind == "vehicle_id" and len(val) == 17 and vin_check(val) != val[8]:
        return "VIN check digit wrong"
    return None


def verify(rec, bucket=None):
    """problems of one record (empty list when fine)"""
    probs = []
    text = rec["text"]
    raw = text.encode("utf-8")
    # byte offset -> char index
    b2c = {}
    pos = 0
    for i, ch in enumerate(text):
        b2c[pos] = i
        pos += len(ch.encode("utf-8"))
    b2c[pos] = len(text)
    last = 0
    cspans = []
    for s in rec["spans"]:
        st, en = s["start"], s["end"]
        if not (0 <= st < en <= len(raw)):
            probs.append("span out of range %r" % s)
            continue
        if st < last:
            probs.append("span overlaps or unsorted %r" % s)
        last = en
        if st not in b2c or en not in b2c:
            probs.append("span not on a character boundary %r" % s)
            continue
        cs, ce = b2c[st], b2c[en]
        if cs > 0 and text[cs - 1].isalnum() and text[cs].isalnum():
            probs.append("span starts inside a token %r %r" % (s, text[cs - 3:ce]))
        if ce < len(text) and text[ce - 1].isalnum() and text[ce].isalnum():
            probs.append("span ends inside a token %r %r" % (s, text[cs:ce + 3]))
        val = text[cs:ce]
        if val != val.strip():
            probs.append("span has outer whitespace %r" % s)
        if s["label"] == "phi":
            if s["kind"] not in CONTRACT_KINDS:
                probs.append("phi kind not in contract: %r" % s)
        elif s["label"] == "dont_care":
            if s["kind"] not in CONTRACT_KINDS | README_DC_KINDS:
                probs.append("dont_care kind unknown: %r" % s)
        else:
            probs.append("bad label %r" % s)
        ip = id_problem(s["label"], s["kind"], val)
        if ip:
            probs.append("%s: %r" % (ip, val))
        cspans.append((cs, ce, s["label"], s["kind"], val))
    nphi = sum(1 for c in cspans if c[2] == "phi")
    if rec["phi"] and nphi == 0:
        probs.append("phi document without phi spans")
    if not rec["phi"] and nphi:
        probs.append("clean document with phi spans")
    # every occurrence of a phi value must be inside a phi span
    phis = [c for c in cspans if c[2] == "phi"]
    for val in sorted({c[4] for c in phis}):
        start = 0
        while True:
            i = text.find(val, start)
            if i < 0:
                break
            j = i + len(val)
            start = i + 1
            if i > 0 and text[i - 1].isalnum() and text[i].isalnum():
                continue
            if j < len(text) and text[j - 1].isalnum() and text[j].isalnum():
                continue
            if not any(c[0] <= i and j <= c[1] for c in phis):
                probs.append("phi value %r also occurs unlabelled at char %d" % (val, i))
                break
    nl = text.count("\n") + 1
    if bucket and bucket_of(nl) != bucket:
        probs.append("length %d lines is not %s" % (nl, bucket))
    return probs


def line_overlap(a, b):
    """Jaccard overlap of the non-blank line sets of two texts"""
    sa = {x.strip() for x in a.splitlines() if x.strip()}
    sb = {x.strip() for x in b.splitlines() if x.strip()}
    return len(sa & sb) / max(1, len(sa | sb))


MAX_OVERLAP = 0.75


def generate():
    recs = []
    meta = []
    seen = defaultdict(list)
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        T = TEMPLATES[fam]
        for i in range(FAMILY_SIZE[fam]):
            bucket = BUCKETS[i % 3]
            fns = T[bucket]
            fn = fns[(i // 3) % len(fns)]
            last_probs = None
            for attempt in range(60):
                g = Gen(random.Random("%s|%s|%d|%d" % (SEED, fam, i, attempt)))
                text, spans = build(fn(g))
                rec = {"id": "%s-%04d" % (fam, i), "family": fam, "phi": fam in PHI_FAMILIES,
                       "variant": fn.__name__, "text": text, "spans": spans}
                probs = verify(rec, bucket)
                for other in seen[fn.__name__]:
                    if line_overlap(other, text) > MAX_OVERLAP:
                        probs.append("too close to an earlier document of the same template")
                        break
                if not probs:
                    break
                last_probs = probs
            else:
                raise SystemExit("cannot generate %s %d (%s): %s" % (fam, i, fn.__name__, last_probs[:3]))
            recs.append(rec)
            seen[fn.__name__].append(text)
            meta.append({"cultures": sorted(g.cultures), "bucket": bucket, "attempts": attempt + 1})
    return recs, meta


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def stats(recs, meta):
    fams = PHI_FAMILIES + CLEAN_FAMILIES
    print("templates per family (short/medium/long):")
    total = 0
    for f in fams:
        T = TEMPLATES[f]
        n = sum(len(v) for v in T.values())
        total += n
        print("  %-26s %2d  (%d/%d/%d)" % (f, n, len(T["short"]), len(T["medium"]), len(T["long"])))
    print("  total templates: %d" % total)
    used = Counter(r["variant"] for r in recs)
    print("  templates used: %d" % len(used))
    cult = Counter()
    for m in meta:
        cult.update(m["cultures"])
    print("name cultures used: %d of %d" % (len(cult), len(CULTURES)))
    print("  " + ", ".join("%s:%d" % kv for kv in sorted(cult.items())))
    nat = sum(1 for r in recs for s in r["spans"] if s["kind"] == "person_name" and any(
        ord(ch) > 0x36F for ch in r["text"].encode()[s["start"]:s["end"]].decode()))
    print("native-script name spans: %d" % nat)
    print("length buckets (lines):")
    bk = Counter()
    per = defaultdict(Counter)
    lines = defaultdict(list)
    for r in recs:
        nl = r["text"].count("\n") + 1
        b = bucket_of(nl)
        bk[b] += 1
        per[r["family"]][b] += 1
        lines[b].append(nl)
    for b in BUCKETS:
        print("  %-6s %3d docs, lines %d-%d" % (b, bk[b], min(lines[b]), max(lines[b])))
    for f in fams:
        print("  %-26s %s" % (f, " ".join("%s=%d" % (b, per[f][b]) for b in BUCKETS)))
    print("docs: %d (phi %d, clean %d)" % (len(recs), sum(r["phi"] for r in recs), sum(not r["phi"] for r in recs)))
    kinds = Counter((s["label"], s["kind"]) for r in recs for s in r["spans"])
    print("spans by label/kind:")
    for (lab, k), c in sorted(kinds.items()):
        print("  %-9s %-16s %5d" % (lab, k, c))
    sz = sum(len(r["text"].encode()) for r in recs)
    print("text bytes: %d" % sz)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate in memory, compare with the file, verify spans")
    ap.add_argument("--stats", action="store_true", help="templates per family, cultures, length buckets")
    a = ap.parse_args()
    recs, meta = generate()
    data = dump(recs)
    if a.check:
        ok = True
        with open(OUT, encoding="utf-8") as fh:
            disk = fh.read()
        if disk != data:
            print("fresh10.jsonl differs from a fresh regeneration")
            ok = False
        loaded = [json.loads(x) for x in disk.splitlines() if x.strip()]
        for r in loaded:
            nl = r["text"].count("\n") + 1
            probs = verify(r)
            if bucket_of(nl) is None:
                probs.append("length %d lines falls between buckets" % nl)
            for p in probs:
                print("%s: %s" % (r["id"], p))
                ok = False
        fams = Counter(r["family"] for r in loaded)
        for f, n in FAMILY_SIZE.items():
            if fams[f] != n:
                print("family %s has %d docs, want %d" % (f, fams[f], n))
                ok = False
        nphi = sum(r["phi"] for r in loaded)
        if nphi != 120 or len(loaded) != 240:
            print("want 240 docs, 120 phi; got %d, %d" % (len(loaded), nphi))
            ok = False
        print("check: %s (%d docs, %d spans)" % ("OK" if ok else "FAILED", len(loaded),
                                                 sum(len(r["spans"]) for r in loaded)))
        sys.exit(0 if ok else 1)
    if a.stats:
        stats(recs, meta)
        return
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(data)
    print("wrote %s: %d docs, %d bytes" % (OUT, len(recs), len(data.encode())))


if __name__ == "__main__":
    main()
