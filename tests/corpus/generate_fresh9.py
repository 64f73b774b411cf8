#!/usr/bin/env python3
"""Tenth independent synthetic PHI corpus generator (fresh9).

Standard library only, deterministic (seed "fresh9/2026-12-06"). Written from
tests/corpus/README.md and section 1 of the contracts alone, without sight of the
detector or of the other generators.

Theme: the everyday content that hospital, payer and health-IT staff paste into
Jira, Confluence and Bitbucket *after a copy from rich text*: CRLF line endings,
tabs, non-breaking spaces, smart quotes, bullets, en/em dashes, Jira wiki markup
and Markdown, HTML remnants, Excel rows, Outlook forwarded blocks, numbered lists.

Documents are assembled from pieces: plain text, P(value, kind) for PHI and
D(value, kind) for dont_care, so UTF-8 byte offsets are exact by construction.
Everything is made up; names come from hand-written lists (no Faker).

    python3 generate_fresh9.py           # write fresh9.jsonl
    python3 generate_fresh9.py --check   # regenerate in memory, compare, re-verify spans
    python3 generate_fresh9.py --stats   # templates per family, name cultures
"""
import argparse
import datetime as dt
import json
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path

SEED = "fresh9/2026-12-06"
HERE = Path(__file__).resolve().parent
OUT = HERE / "fresh9.jsonl"

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
DOCS_PER_PHI_FAMILY = 15
DOCS_PER_CLEAN_FAMILY = 20

# CONTRACTS.md section 1
CONTRACT_KINDS = {
    "person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
    "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
    "procedure_code", "drug_code", "medication", "condition", "credit_card",
}
# dont_care kinds named by the README conventions (title, staff_contact, internal_id) plus
# facility and state, which the README lists as dont_care without naming a kind.
DONT_CARE_EXTRA = {"title", "staff_contact", "internal_id", "facility", "state"}

# ---------------------------------------------------------------------------
# piece markers
# ---------------------------------------------------------------------------
_S, _K, _E = "\x01", "\x02", "\x03"
MARK = re.compile("\x01([pd])\x02([a-z_0-9]+)\x02([^\x01\x03]*)\x03")


def P(value, kind):
    """A PHI piece."""
    value = str(value)
    assert kind in CONTRACT_KINDS, kind
    assert value == value.strip() and value, repr(value)
    return f"{_S}p{_K}{kind}{_K}{value}{_E}"


def D(value, kind):
    """A dont_care piece."""
    value = str(value)
    assert kind in CONTRACT_KINDS or kind in DONT_CARE_EXTRA, kind
    assert value == value.strip() and value, repr(value)
    return f"{_S}d{_K}{kind}{_K}{value}{_E}"


def render(marked):
    """Marked string -> (text, spans) with UTF-8 byte offsets."""
    out, spans, pos, blen = [], [], 0, 0
    for m in MARK.finditer(marked):
        plain = marked[pos:m.start()]
        assert _S not in plain and _E not in plain and _K not in plain, repr(plain[-80:])
        out.append(plain)
        blen += len(plain.encode("utf-8"))
        v = m.group(3)
        b = len(v.encode("utf-8"))
        spans.append({"start": blen, "end": blen + b,
                      "label": "phi" if m.group(1) == "p" else "dont_care", "kind": m.group(2)})
        out.append(v)
        blen += b
        pos = m.end()
    tail = marked[pos:]
    assert _S not in tail and _E not in tail and _K not in tail, repr(tail[:80])
    out.append(tail)
    return "".join(out), spans


# ---------------------------------------------------------------------------
# identifier rules
# ---------------------------------------------------------------------------
def luhn_ok(digits):
    s, alt = 0, False
    for ch in reversed(digits):
        d = int(ch)
        if alt:
            d *= 2
            if d > 9:
                d -= 9
        s += d
        alt = not alt
    return s % 10 == 0


def luhn_check_digit(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return c
    raise AssertionError


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9:
        return False
    a, g, n = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"          # no S L O I B Z
MBI_ALNUM = "0123456789" + MBI_ALPHA


def mbi_ok(s):
    m = s.replace("-", "")
    if len(m) != 11:
        return False
    rules = ["19", MBI_ALPHA, MBI_ALNUM, "d", MBI_ALPHA, MBI_ALNUM, "d", MBI_ALPHA, MBI_ALPHA, "d", "d"]
    for ch, rule in zip(m, rules):
        if rule == "d":
            if not ch.isdigit():
                return False
        elif rule == "19":
            if ch not in "123456789":
                return False
        elif ch not in rule:
            return False
    return True


def npi_ok(n):
    return len(n) == 10 and n.isdigit() and luhn_ok("80840" + n)


VIN_TRANS = {**{str(i): i for i in range(10)},
             **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    s = sum(VIN_TRANS[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def vin_ok(v):
    return len(v) == 17 and not set(v) & set("IOQ") and v[8] == vin_check(v)


def nanp_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) != 10:
        return False
    if d[0] in "01" or d[3] in "01":
        return False
    if d[1:3] == "11" or d[4:6] == "11":
        return False
    if d[3:6] == "555" and d[6:8] == "01":
        return False          # reserved fictional range: documented test values only
    return True


TEST_VALUES = {"123-45-6789", "123456789", "1234567893", "1EG4-TE5-MK73", "1EG4TE5MK73", "00000"}

# ---------------------------------------------------------------------------
# names: hand-written lists, 59 cultures
# ---------------------------------------------------------------------------
# Latin-script cultures: (female given; male given; family). ';' separates entries.
LATIN = {
    "english": ("Margaret;Linda;Deborah;Heather;Brittany;Gillian;Rosalind;Tamsin",
                "Robert;Timothy;Douglas;Wayne;Nigel;Clive;Travis;Gordon",
                "Whitaker;Harrington;Caldwell;Pemberton;Ashworth;Blackwood;Hutchins;Fairbanks;Thornbury"),
    "english_wordnames": ("Hope;Faith;Grace;Joy;Dawn;Summer;Amber;Ivy;Autumn;Crystal",
                          "Frank;Bill;Will;Rich;Hunter;Lane;Mark;Chase;Cliff;Forrest",
                          "Baker;Brown;King;Young;Street;Page;Hall;Bishop;Church;Little;Stone;Wood;Fisher;Field;Marsh;Cook;Rice"),
    "irish": ("Siobhán;Niamh;Aoife;Caoimhe;Gráinne;Róisín", "Seán;Pádraig;Cathal;Eoin;Tadhg;Diarmuid",
              "Ó Briain;O’Sullivan;Mac Giolla;Ní Mhurchú;Ó Conaill;McGillycuddy;Ó Dálaigh"),
    "scottish": ("Mhairi;Eilidh;Isla;Kirsty;Morag", "Callum;Hamish;Ruaridh;Angus;Euan",
                 "MacLeod;Fraser;Sinclair;Urquhart;MacKenzie;Drummond"),
    "welsh": ("Rhiannon;Gwenllian;Angharad;Carys;Ffion", "Dafydd;Gethin;Rhodri;Iolo;Emrys",
              "Llewellyn;Pryce;Vaughan;Bowen;ap Rhys;Gruffydd"),
    "spanish": ("María José;Inmaculada;Begoña;Almudena;Nuria;Pilar", "José Luis;Íñigo;Álvaro;Jesús;Rubén;Ignacio",
                "García;Núñez;Ibáñez;Fernández de Córdoba;Muñoz;Peña;Olmedo"),
    "mexican": ("Guadalupe;Ximena;Itzel;Marisol;Citlali;Yesenia", "Jesús;Joaquín;Ulises;Efraín;Octavio;Leobardo",
                "Hernández;Cázares;Zúñiga;Villaseñor;Tlapaltotoli;Ochoa;Avendaño"),
    "puerto_rican": ("Yarelis;Nilsa;Migdalia;Wanda;Ivelisse", "Wilfredo;Héctor;Edwin;Nelson;Ángel",
                     "Rivera;Colón;Santiago;Quiñones;Figueroa;Maldonado"),
    "colombian": ("Yuliana;Luz Dary;Marleny;Paola;Valentina", "Jhon Jairo;Wilmar;Andrés Felipe;Yeison;Hernán",
                  "Restrepo;Londoño;Cardona;Arango;Betancur;Echeverri"),
    "portuguese": ("Conceição;Margarida;Inês;Leonor;Graça", "João;Gonçalo;Tomás;Duarte;Rui",
                   "Gonçalves;Magalhães;Conceição;Simões;Brandão;Lourenço"),
    "brazilian": ("Luíza;Thaís;Letícia;Francisca;Jéssica", "Thiago;Caio;Luís Otávio;Anderson;Wellington",
                  "Araújo;Assunção;Nascimento;Vieira da Silva;Cavalcanti;Peixoto"),
    "french": ("Hélène;Amélie;Clémence;Geneviève;Maëlle", "François;Jérôme;Benoît;Loïc;Thibault",
               "Lefèvre;Bélanger;Dubois;Moreau;Chevalier;Mercier"),
    "quebecois": ("Josée;Ginette;Mélanie;Nathalie;Sylvie", "Gaétan;Réjean;Yvon;Ghislain;Sébastien",
                  "Tremblay;Gagnon;Bouchard;Côté;Pelletier;Thibodeau"),
    "german": ("Käthe;Jutta;Annegret;Hannelore;Wiebke", "Jürgen;Horst;Dieter;Uwe;Björn",
               "Müller;Weiß;Schröder;Großmann;Kühn;Böhm;Straßburger"),
    "dutch": ("Sanne;Femke;Anouk;Marijke;Lieke", "Joost;Sjoerd;Bram;Thijs;Wouter",
              "van der Berg;de Vries;van Dijk;Bakker;Visser;de Jong"),
    "italian": ("Ilaria;Giuseppina;Chiara;Annunziata;Benedetta", "Giuseppe;Salvatore;Niccolò;Gennaro;Vittorio",
                "Esposito;Dell’Acqua;Russo;Lo Bianco;Santangelo;Fumagalli"),
    "polish": ("Małgorzata;Agnieszka;Jadwiga;Grażyna;Bożena", "Wojciech;Grzegorz;Przemysław;Zbigniew;Łukasz",
               "Wiśniewski/Wiśniewska;Łukasiewicz;Szczepański/Szczepańska;Wróbel;Kołodziej;Dąbrowski/Dąbrowska"),
    "czech": ("Zdeňka;Jiřina;Věra;Markéta;Radka", "Jiří;Přemysl;Vojtěch;Luboš;Radek",
              "Dvořák/Dvořáková;Procházka/Procházková;Černý/Černá;Kučera/Kučerová;Novotný/Novotná;Růžička/Růžičková"),
    "hungarian": ("Zsófia;Erzsébet;Ildikó;Réka;Gyöngyi", "László;Gábor;Zoltán;Ferenc;Árpád",
                  "Szőke;Kovács;Nagy;Tóth;Fehér;Bíró"),
    "romanian": ("Ioana;Mihaela;Ștefania;Loredana;Anca", "Ștefan;Mihai;Răzvan;Bogdan;Costel",
                 "Popescu;Țurcanu;Ionescu;Dumitrescu;Stănescu;Bălan"),
    "croatian": ("Ivana;Snježana;Mirjana;Jasna;Dubravka", "Dražen;Krešimir;Goran;Tihomir;Željko",
                 "Horvat;Jurić;Kovačević;Babić;Marković;Božić"),
    "swedish": ("Åsa;Birgitta;Linnéa;Märta;Ingrid", "Björn;Håkan;Göran;Sven;Anders",
                "Lindström;Åkesson;Söderberg;Bergqvist;Ström;Nyström"),
    "norwegian": ("Solveig;Ragnhild;Tone;Sigrid;Gro", "Øystein;Håvard;Torbjørn;Espen;Sindre",
                  "Bjørnstad;Haugen;Løvås;Solberg;Strømme;Aasheim"),
    "danish": ("Mette;Birthe;Signe;Lærke;Dorthe", "Søren;Jørgen;Mads;Rasmus;Niels",
               "Sørensen;Kjær;Jørgensen;Møller;Østergaard;Frandsen"),
    "finnish": ("Päivi;Tuulikki;Sirpa;Aino;Riikka", "Jyrki;Pekka;Jouni;Ilkka;Tapani",
                "Mäkinen;Häkkinen;Virtanen;Järvinen;Kärkkäinen;Nieminen"),
    "icelandic": ("Þóra;Guðrún;Sigríður;Hrafnhildur;Ásdís", "Guðmundur;Sigurður;Þórður;Ólafur;Einar",
                  "Jónsson/Jónsdóttir;Ólafsson/Ólafsdóttir;Sigurðsson/Sigurðardóttir;Magnússon/Magnúsdóttir;Þórsson/Þórsdóttir;Gunnarsson/Gunnarsdóttir"),
    "turkish": ("Ayşe;Gülşen;Özlem;Şükran;Nilüfer", "Çağrı;Mustafa;Hüseyin;Oğuz;Ertuğrul",
                "Yılmaz;Öztürk;Şahin;Çelik;Aydın;Doğan"),
    "lithuanian": ("Rūta;Aušra;Jūratė;Dalia;Giedrė", "Žygimantas;Mindaugas;Vytautas;Darius;Saulius",
                   "Kazlauskas/Kazlauskienė;Žukauskas/Žukauskaitė;Petrauskas/Petrauskienė;Jankauskas/Jankauskienė;Vasiliauskas/Vasiliauskaitė;Balčiūnas/Balčiūnienė"),
    "latvian": ("Ilze;Līga;Dace;Inese;Baiba", "Jānis;Andris;Māris;Edgars;Artūrs",
                "Bērziņš/Bērziņa;Kalniņš/Kalniņa;Ozoliņš/Ozoliņa;Liepiņš/Liepiņa;Krūmiņš/Krūmiņa;Zariņš/Zariņa"),
    "vietnamese": ("Thu Hà;Ngọc Lan;Thị Mai;Phương Anh;Bích Ngọc", "Văn Hùng;Minh Tuấn;Quốc Bảo;Đức Anh;Thanh Sơn",
                   "Nguyễn;Trần;Lê;Phạm;Huỳnh;Đặng;Võ"),
    "filipino": ("Maricel;Rowena;Jocelyn;Mary Grace;Lorna", "Rodrigo;Jun;Ferdinand;Rommel;Bienvenido",
                 "dela Cruz;Bautista;Macaraeg;Villanueva;Dimaculangan;Santos"),
    "indonesian": ("Siti;Dewi;Wulan;Rini;Ayu", "Budi;Agus;Bambang;Hendra;Joko",
                   "Wijaya;Santoso;Gunawan;Hidayat;Kusuma;Setiawan"),
    "hawaiian": ("Kaʻiulani;Leilani;Noelani;Mahina;Pualani", "Keoni;Kaleo;Makoa;Kawika;Ikaika",
                 "Kahananui;Akana;Kealoha;Kamakau;Nāone;Kaʻaihue"),
    "samoan": ("Sina;Mele;Losa;Fetu;Malia", "Tavita;Sione;Faʻafetai;Ioane;Tasi",
               "Faleolo;Tuilagi;Leota;Taufaʻao;Sapolu;Aumua"),
    "yoruba": ("Olúwaseun;Fọlákẹ́;Títílayọ̀;Adéọlá;Bọ́lá", "Adébáyọ̀;Olúwaṣeun;Babátúndé;Ọláolúwa;Kúnlé",
               "Adéyẹmí;Ògúnlẹ̀yẹ;Àjàyí;Ọlátúnjí;Ọdúnsì"),
    "igbo": ("Ngozi;Chiamaka;Adaeze;Ifeoma;Nneka", "Chinonso;Obinna;Emeka;Ikenna;Chukwudi",
             "Okonkwo;Nwachukwu;Eze;Okafor;Nwosu;Obi"),
    "ghanaian": ("Akosua;Abena;Efua;Ama;Adwoa", "Kwame;Kofi;Yaw;Kwabena;Kwaku",
                 "Mensah;Boateng;Asante;Owusu;Ofori;Appiah"),
    "somali": ("Hodan;Ifrah;Sahra;Ubah;Fadumo", "Abdirahman;Abdiweli;Mohamud;Said;Guled",
               "Warsame;Farah;Jama;Hirsi;Egal;Duale"),
    "kenyan": ("Wanjiru;Achieng;Nyokabi;Wairimu;Atieno", "Otieno;Kiprono;Mwangi;Kipchoge;Onyango",
               "Kamau;Odhiambo;Wekesa;Njoroge;Chebet;Mutua"),
    "haitian": ("Widlène;Marie-Ange;Rose-Merline;Guerline;Nadège", "Jean-Baptiste;Wilner;Jocelyn;Fritznel;Ronel",
                "Pierre-Louis;Dorvilus;Saint-Fleur;Jean-Charles;Exantus;Théodore"),
    "navajo": ("Shándíin;Darlene;Nizhóní;Sharon;Loretta", "Leonard;Tsosie;Delbert;Harrison;Nelson",
               "Begay;Yazzie;Tsosie;Benally;Nez;Tso"),
    "jamaican": ("Shanice;Tanisha;Keisha;Sherika;Andrene", "Delroy;Errol;Fitzroy;Clive;Omari",
                 "Campbell;McKenzie;Grant;Ferguson;Wint;Samuels"),
    "hausa": ("Aisha;Hauwa;Zainab;Hadiza;Binta", "Abubakar;Musa;Sani;Ibrahim;Usman",
              "Bello;Danjuma;Garba;Lawal;Yakubu;Abdullahi"),
}

# Native-script cultures: given (latin, native, sex), family (latin, native[, latin_f, native_f]).
# order: how the native full name is written.  'fg' family first, 'gf' given first; sep between.
NATIVE = {
    "chinese": dict(order="fg", sep="", given=[("Xiuying", "秀英", "F"), ("Lihua", "丽华", "F"), ("Jing", "静", "F"),
                                               ("Tingting", "婷婷", "F"), ("Wei", "伟", "M"), ("Jianguo", "建国", "M"),
                                               ("Zhiqiang", "志强", "M"), ("Haoran", "浩然", "M")],
                    family=[("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
                            ("Yang", "杨"), ("Zhao", "赵"), ("Huang", "黄")]),
    "cantonese": dict(order="fg", sep="", given=[("Ka Yan", "嘉欣", "F"), ("Mei Ling", "美玲", "F"), ("Wing Sze", "詠詩", "F"),
                                                 ("Ka Ho", "家豪", "M"), ("Chi Ming", "志明", "M"), ("Wai Keung", "偉強", "M")],
                      family=[("Chan", "陳"), ("Wong", "黃"), ("Cheung", "張"), ("Leung", "梁"), ("Ho", "何"), ("Lau", "劉")]),
    "japanese": dict(order="fg", sep=" ", given=[("Yuki", "由紀", "F"), ("Keiko", "恵子", "F"), ("Misaki", "美咲", "F"),
                                                 ("Hina", "陽菜", "F"), ("Kenta", "健太", "M"), ("Daisuke", "大輔", "M"),
                                                 ("Shota", "翔太", "M"), ("Hiroshi", "浩", "M")],
                     family=[("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Tanaka", "田中"),
                             ("Watanabe", "渡辺"), ("Yamamoto", "山本"), ("Nakamura", "中村")]),
    "korean": dict(order="fg", sep="", given=[("Min-jun", "민준", "M"), ("Seo-yeon", "서연", "F"), ("Ji-hoon", "지훈", "M"),
                                              ("Su-jin", "수진", "F"), ("Young-ho", "영호", "M"), ("Mi-sook", "미숙", "F"),
                                              ("Ha-eun", "하은", "F")],
                   family=[("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Yoon", "윤")]),
    "russian": dict(order="gf", sep=" ", given=[("Olga", "Ольга", "F"), ("Natalya", "Наталья", "F"), ("Tatyana", "Татьяна", "F"),
                                                ("Sergei", "Сергей", "M"), ("Dmitry", "Дмитрий", "M"), ("Alexei", "Алексей", "M"),
                                                ("Vladimir", "Владимир", "M")],
                    family=[("Ivanov", "Иванов", "Ivanova", "Иванова"), ("Smirnov", "Смирнов", "Smirnova", "Смирнова"),
                            ("Kuznetsov", "Кузнецов", "Kuznetsova", "Кузнецова"), ("Volkov", "Волков", "Volkova", "Волкова"),
                            ("Sokolov", "Соколов", "Sokolova", "Соколова")]),
    "ukrainian": dict(order="gf", sep=" ", given=[("Oksana", "Оксана", "F"), ("Nataliia", "Наталія", "F"), ("Iryna", "Ірина", "F"),
                                                  ("Oleksandr", "Олександр", "M"), ("Taras", "Тарас", "M"), ("Bohdan", "Богдан", "M")],
                      family=[("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"), ("Kovalenko", "Коваленко"),
                              ("Tkachenko", "Ткаченко"), ("Melnyk", "Мельник"), ("Kravchuk", "Кравчук")]),
    "serbian": dict(order="gf", sep=" ", given=[("Milica", "Милица", "F"), ("Jelena", "Јелена", "F"), ("Snežana", "Снежана", "F"),
                                                ("Dragan", "Драган", "M"), ("Nemanja", "Немања", "M")],
                    family=[("Petrović", "Петровић"), ("Jovanović", "Јовановић"), ("Nikolić", "Николић"),
                            ("Đorđević", "Ђорђевић"), ("Stojanović", "Стојановић")]),
    "greek": dict(order="gf", sep=" ", given=[("Giorgos", "Γιώργος", "M"), ("Dimitris", "Δημήτρης", "M"), ("Nikos", "Νίκος", "M"),
                                              ("Maria", "Μαρία", "F"), ("Eleni", "Ελένη", "F"), ("Aikaterini", "Αικατερίνη", "F")],
                  family=[("Papadopoulos", "Παπαδόπουλος", "Papadopoulou", "Παπαδοπούλου"), ("Oikonomou", "Οικονόμου"),
                          ("Georgiou", "Γεωργίου"), ("Nikolaou", "Νικολάου"), ("Vasileiou", "Βασιλείου")]),
    "arabic": dict(order="gf", sep=" ", given=[("Mohammed", "محمد", "M"), ("Ahmed", "أحمد", "M"), ("Omar", "عمر", "M"),
                                               ("Khaled", "خالد", "M"), ("Fatima", "فاطمة", "F"), ("Maryam", "مريم", "F"),
                                               ("Layla", "ليلى", "F")],
                   family=[("Al-Hassan", "الحسن"), ("Haddad", "حداد"), ("Al-Khatib", "الخطيب"), ("Mansour", "منصور"),
                           ("Al-Ali", "العلي"), ("Suleiman", "سليمان")]),
    "hebrew": dict(order="gf", sep=" ", given=[("Noa", "נועה", "F"), ("Tamar", "תמר", "F"), ("Sarah", "שרה", "F"),
                                               ("Yosef", "יוסף", "M"), ("David", "דוד", "M"), ("Avraham", "אברהם", "M"), ("Itai", "איתי", "M")],
                   family=[("Cohen", "כהן"), ("Levi", "לוי"), ("Mizrahi", "מזרחי"), ("Peretz", "פרץ"), ("Biton", "ביטון")]),
    "persian": dict(order="gf", sep=" ", given=[("Fatemeh", "فاطمه", "F"), ("Zahra", "زهرا", "F"), ("Shirin", "شیرین", "F"),
                                                ("Ali", "علی", "M"), ("Reza", "رضا", "M"), ("Hossein", "حسین", "M")],
                    family=[("Rezaei", "رضایی"), ("Mohammadi", "محمدی"), ("Hosseini", "حسینی"), ("Karimi", "کریمی"),
                            ("Ahmadi", "احمدی"), ("Mousavi", "موسوی")]),
    "hindi": dict(order="gf", sep=" ", given=[("Priya", "प्रिया", "F"), ("Anita", "अनीता", "F"), ("Sunita", "सुनीता", "F"),
                                              ("Rahul", "राहुल", "M"), ("Amit", "अमित", "M"), ("Rajesh", "राजेश", "M"), ("Vikram", "विक्रम", "M")],
                  family=[("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Agarwal", "अग्रवाल"),
                          ("Trivedi", "त्रिवेदी"), ("Chaturvedi", "चतुर्वेदी")]),
    "bengali": dict(order="gf", sep=" ", given=[("Suman", "সুমন", "M"), ("Rajib", "রাজীব", "M"), ("Anindita", "অনিন্দিতা", "F"),
                                                ("Mousumi", "মৌসুমী", "F"), ("Tania", "তানিয়া", "F")],
                    family=[("Das", "দাস"), ("Chowdhury", "চৌধুরী"), ("Rahman", "রহমান"), ("Basu", "বসু"), ("Sen", "সেন"),
                            ("Hossain", "হোসেন")]),
    "tamil": dict(order="gf", sep=" ", given=[("Karthik", "கார்த்திக்", "M"), ("Murugan", "முருகன்", "M"), ("Lakshmi", "லட்சுமி", "F"),
                                              ("Meena", "மீனா", "F"), ("Selvi", "செல்வி", "F")],
                  family=[("Subramaniam", "சுப்பிரமணியம்"), ("Rajendran", "ராஜேந்திரன்"), ("Krishnan", "கிருஷ்ணன்"),
                          ("Velu", "வேலு"), ("Annamalai", "அண்ணாமலை")]),
    "thai": dict(order="gf", sep=" ", given=[("Somchai", "สมชาย", "M"), ("Somsak", "สมศักดิ์", "M"), ("Malee", "มาลี", "F"),
                                             ("Sudarat", "สุดารัตน์", "F"), ("Wilai", "วิไล", "F")],
                 family=[("Jaidee", "ใจดี"), ("Srisuk", "ศรีสุข"), ("Wongyai", "วงศ์ใหญ่"), ("Suksawat", "สุขสวัสดิ์"),
                         ("Thongdee", "ทองดี")]),
    "armenian": dict(order="gf", sep=" ", given=[("Aram", "Արամ", "M"), ("Tigran", "Տիգրան", "M"), ("Narek", "Նարեկ", "M"),
                                                 ("Ani", "Անի", "F"), ("Lusine", "Լուսինե", "F")],
                     family=[("Petrosyan", "Պետրոսյան"), ("Hovhannisyan", "Հովհաննիսյան"), ("Sargsyan", "Սարգսյան"),
                             ("Grigoryan", "Գրիգորյան"), ("Mkrtchyan", "Մկրտչյան")]),
    "georgian": dict(order="gf", sep=" ", given=[("Nino", "ნინო", "F"), ("Tamar", "თამარ", "F"), ("Giorgi", "გიორგი", "M"),
                                                 ("Davit", "დავით", "M"), ("Levan", "ლევან", "M")],
                     family=[("Beridze", "ბერიძე"), ("Kapanadze", "კაპანაძე"), ("Gelashvili", "გელაშვილი"),
                             ("Maisuradze", "მაისურაძე"), ("Lomidze", "ლომიძე")]),
    "punjabi": dict(order="gf", sep=" ", given=[("Gurpreet", "ਗੁਰਪ੍ਰੀਤ", "F"), ("Manpreet", "ਮਨਪ੍ਰੀਤ", "F"), ("Simran", "ਸਿਮਰਨ", "F"),
                                                ("Harjit", "ਹਰਜੀਤ", "M"), ("Jaswinder", "ਜਸਵਿੰਦਰ", "M")],
                    family=[("Gill", "ਗਿੱਲ"), ("Sandhu", "ਸੰਧੂ"), ("Dhaliwal", "ਧਾਲੀਵਾਲ"), ("Grewal", "ਗਰੇਵਾਲ"), ("Sidhu", "ਸਿੱਧੂ")]),
    "amharic": dict(order="gf", sep=" ", given=[("Abebe", "አበበ", "M"), ("Dawit", "ዳዊት", "M"), ("Tigist", "ትግስት", "F"),
                                                ("Selam", "ሰላም", "F"), ("Meskerem", "መስከረም", "F")],
                    family=[("Bekele", "በቀለ"), ("Haile", "ኃይሌ"), ("Tesfaye", "ተስፋዬ"), ("Girma", "ግርማ"), ("Alemu", "አለሙ")]),
}

CULTURES = sorted(list(LATIN) + list(NATIVE))
FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae",
                      "Æ": "AE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "ʻ": "", "’": "'", "ọ": "o"})


def fold(s):
    s = s.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


class Person:
    def __init__(self, culture, given, family, sex, given_nat=None, family_nat=None, order="gf", sep=" ",
                 middle=""):
        self.culture, self.given, self.family, self.sex = culture, given, family, sex
        self.given_nat, self.family_nat, self.order, self.sep = given_nat, family_nat, order, sep
        self.middle = middle          # a middle initial, latin

    @property
    def first(self):
        return self.given.split(" ")[0] if self.culture not in ("vietnamese", "cantonese", "korean") else self.given

    def full(self):
        return f"{self.given} {self.family}"

    def lf(self):
        return f"{self.family}, {self.given}"

    def lfm(self):
        return f"{self.family}, {self.given}" + (f" {self.middle}." if self.middle else "")

    def fml(self):
        return f"{self.given} " + (f"{self.middle}. " if self.middle else "") + self.family

    def native(self):
        if not self.given_nat:
            return None
        if self.order == "fg":
            return f"{self.family_nat}{self.sep}{self.given_nat}"
        return f"{self.given_nat}{self.sep}{self.family_nat}"

    def a_given(self):
        return fold(self.given)

    def a_family(self):
        return fold(self.family)

    def hl7(self, mid=True, keep=False):
        fam = self.family if keep else self.a_family()
        giv = self.given if keep else self.a_given()
        s = f"{fam.upper()}^{giv.upper()}"
        if mid and self.middle:
            s += f"^{self.middle}"
        return s

    def initials(self):
        return self.given[0] + self.family.replace("’", "").replace("'", "")[0]


# ---------------------------------------------------------------------------
# places, organisations, clinical vocabulary
# ---------------------------------------------------------------------------
CITIES = [("Worcester", "MA", "016"), ("Lowell", "MA", "018"), ("Providence", "RI", "029"), ("Hartford", "CT", "061"),
          ("Albany", "NY", "122"), ("Rochester", "NY", "146"), ("Yonkers", "NY", "107"), ("Newark", "NJ", "071"),
          ("Trenton", "NJ", "086"), ("Allentown", "PA", "181"), ("Scranton", "PA", "185"), ("Baltimore", "MD", "212"),
          ("Richmond", "VA", "232"), ("Raleigh", "NC", "276"), ("Durham", "NC", "277"), ("Charleston", "SC", "294"),
          ("Savannah", "GA", "314"), ("Macon", "GA", "312"), ("Tampa", "FL", "336"), ("Orlando", "FL", "328"),
          ("Gainesville", "FL", "326"), ("Mobile", "AL", "366"), ("Jackson", "MS", "392"), ("Memphis", "TN", "381"),
          ("Knoxville", "TN", "379"), ("Louisville", "KY", "402"), ("Dayton", "OH", "454"), ("Toledo", "OH", "436"),
          ("Akron", "OH", "443"), ("Flint", "MI", "485"), ("Lansing", "MI", "489"), ("Gary", "IN", "464"),
          ("Peoria", "IL", "616"), ("Rockford", "IL", "611"), ("Madison", "WI", "537"), ("Duluth", "MN", "558"),
          ("Des Moines", "IA", "503"), ("Omaha", "NE", "681"), ("Wichita", "KS", "672"), ("Tulsa", "OK", "741"),
          ("Lubbock", "TX", "794"), ("El Paso", "TX", "799"), ("Laredo", "TX", "780"), ("Albuquerque", "NM", "871"),
          ("Tucson", "AZ", "857"), ("Mesa", "AZ", "852"), ("Boise", "ID", "837"), ("Spokane", "WA", "992"),
          ("Tacoma", "WA", "984"), ("Eugene", "OR", "974"), ("Fresno", "CA", "937"), ("Modesto", "CA", "953"),
          ("Oakland", "CA", "946"), ("Reno", "NV", "895"), ("Provo", "UT", "846"), ("Billings", "MT", "591"),
          ("Fargo", "ND", "581"), ("Anchorage", "AK", "995"), ("Hilo", "HI", "967"), ("Burlington", "VT", "054"),
          ("Portland", "ME", "041"), ("Manchester", "NH", "031"), ("Pawtucket", "RI", "028"), ("Joliet", "IL", "604")]
STREETS = ["Maple", "Oak", "Elm", "Cedar", "Birch", "Walnut", "Chestnut", "Highland", "Pleasant", "Prospect",
           "Union", "Mill", "River", "Lake", "Hillcrest", "Sunset", "Meadowbrook", "Orchard", "Willow", "Magnolia",
           "Dogwood", "Pinecrest", "Ridgeview", "Summit", "Greenwood", "Fairview", "Juniper", "Sycamore", "Laurel",
           "Canal", "Depot", "Quarry", "Spruce", "Bayberry", "Tamarack", "Sandpiper", "Cottonwood", "Old Mill"]
STREET_TYPES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Ln", "Ct", "Blvd", "Way", "Pl", "Terrace", "Cir"]
AREA_CODES = ["617", "508", "413", "401", "860", "518", "585", "914", "973", "609", "610", "570", "410", "804",
              "919", "843", "912", "478", "813", "407", "352", "251", "601", "901", "865", "502", "937", "419",
              "330", "810", "517", "219", "309", "815", "608", "218", "515", "402", "316", "918", "806", "915",
              "956", "505", "520", "480", "208", "509", "253", "541", "559", "209", "510", "775", "801", "406",
              "701", "907", "808", "802", "207", "603", "773", "312", "713", "832", "206", "503", "303", "404"]

ORGS = [
    dict(name="St. Brendan Medical Center", dom="brendanhealth.org", code="SBMC", short="St. Brendan"),
    dict(name="Lakeshore Regional Hospital", dom="lakeshoreregional.org", code="LRH", short="Lakeshore"),
    dict(name="Mercy Valley Health", dom="mercyvalley.org", code="MVH", short="Mercy Valley"),
    dict(name="Cedar Hollow Clinic", dom="cedarhollowclinic.com", code="CHC", short="Cedar Hollow"),
    dict(name="Northgate Community Hospital", dom="northgatech.org", code="NGCH", short="Northgate"),
    dict(name="Riverbend Health System", dom="riverbendhs.org", code="RBHS", short="Riverbend"),
    dict(name="Harbor Point Medical Group", dom="harborpointmg.com", code="HPMG", short="Harbor Point"),
    dict(name="Pinecrest Children’s Hospital", dom="pinecrestkids.org", code="PCH", short="Pinecrest"),
    dict(name="Granite Peak Health", dom="granitepeakhealth.org", code="GPH", short="Granite Peak"),
    dict(name="Prairie Wind Medical Center", dom="prairiewindmc.org", code="PWMC", short="Prairie Wind"),
    dict(name="Bayview Family Practice", dom="bayviewfp.com", code="BVFP", short="Bayview"),
    dict(name="Three Rivers Orthopedics", dom="threeriversortho.com", code="TRO", short="Three Rivers"),
]
PAYERS = [("Blue Harbor Health Plan", "1-800-448-2273"), ("Aetna", "1-800-872-3862"), ("Cigna", "1-800-997-1654"),
          ("UnitedHealthcare", "1-877-842-3210"), ("Humana", "1-800-457-4708"), ("Keystone Mutual", "1-888-631-4470"),
          ("Tri-County HMO", "1-866-294-7781"), ("Anthem Blue Cross", "1-800-676-2583"),
          ("Medicare Part B", "1-800-633-4227"), ("Medicaid (state plan)", "1-877-623-6447")]
MEDS = ["metoprolol tartrate 25 mg", "lisinopril 10 mg", "apixaban 5 mg", "atorvastatin 40 mg", "metformin 500 mg",
        "insulin glargine", "furosemide 40 mg", "levothyroxine 75 mcg", "amlodipine 5 mg", "sertraline 50 mg",
        "gabapentin 300 mg", "pantoprazole 40 mg", "albuterol HFA", "prednisone 20 mg", "ceftriaxone 1 g",
        "vancomycin", "piperacillin-tazobactam", "ondansetron 4 mg", "acetaminophen 650 mg", "oxycodone 5 mg",
        "enoxaparin 40 mg", "warfarin 5 mg", "donepezil 10 mg", "tamsulosin 0.4 mg", "losartan 50 mg",
        "carvedilol 12.5 mg", "spironolactone 25 mg", "tiotropium", "methotrexate 15 mg", "levetiracetam 500 mg"]
MED_NAMES = ["metoprolol", "lisinopril", "apixaban", "atorvastatin", "metformin", "insulin glargine", "furosemide",
             "levothyroxine", "amlodipine", "sertraline", "gabapentin", "pantoprazole", "albuterol", "prednisone",
             "ceftriaxone", "vancomycin", "warfarin", "donepezil", "tamsulosin", "losartan", "carvedilol", "enoxaparin"]
DX = [("I50.9", "Heart failure, unspecified"), ("J18.9", "Pneumonia, unspecified organism"),
      ("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
      ("N17.9", "Acute kidney failure, unspecified"), ("J44.1", "COPD with (acute) exacerbation"),
      ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"),
      ("I48.91", "Unspecified atrial fibrillation"), ("A41.9", "Sepsis, unspecified organism"),
      ("N39.0", "Urinary tract infection, site not specified"), ("K35.80", "Unspecified acute appendicitis"),
      ("R07.9", "Chest pain, unspecified"), ("F03.90", "Unspecified dementia without behavioral disturbance"),
      ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("E78.5", "Hyperlipidemia, unspecified"),
      ("G40.909", "Epilepsy, unspecified, not intractable"), ("I63.9", "Cerebral infarction, unspecified"),
      ("K57.32", "Diverticulitis of large intestine without perforation"), ("R55", "Syncope and collapse"),
      ("E87.1", "Hypo-osmolality and hyponatremia"), ("L03.115", "Cellulitis of right lower limb")]
CONDS = ["congestive heart failure", "community-acquired pneumonia", "type 2 diabetes", "hypertension",
         "acute kidney injury", "COPD exacerbation", "right hip fracture", "atrial fibrillation", "sepsis",
         "urinary tract infection", "acute appendicitis", "chest pain", "dementia", "osteoarthritis", "hyperlipidemia",
         "seizure disorder", "ischemic stroke", "diverticulitis", "syncope", "hyponatremia", "cellulitis"]
CPT = [("99213", "Office visit, est. patient, low MDM"), ("99214", "Office visit, est. patient, moderate MDM"),
       ("99284", "ED visit, moderate MDM"), ("99285", "ED visit, high MDM"), ("71046", "Chest X-ray, 2 views"),
       ("93000", "ECG with interpretation"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC with diff"),
       ("27447", "Total knee arthroplasty"), ("45378", "Diagnostic colonoscopy"), ("36415", "Venipuncture"),
       ("97110", "Therapeutic exercise, 15 min"), ("99223", "Initial hospital care, high"),
       ("99232", "Subsequent hospital care"), ("99238", "Discharge day management"), ("74177", "CT abd/pelvis w contrast"),
       ("70450", "CT head w/o contrast"), ("G0439", "Annual wellness visit, subsequent"), ("90471", "Immunization admin")]
IMAGING_CPT = [("71046", "Chest X-ray, 2 views"), ("74177", "CT abd/pelvis w contrast"), ("70450", "CT head w/o contrast"),
               ("72148", "MRI lumbar spine w/o contrast"), ("73721", "MRI knee w/o contrast"),
               ("70553", "MRI brain w/o & w contrast"), ("78815", "PET/CT skull base to mid-thigh"),
               ("93306", "Echo, complete, with Doppler")]
RELATIONS = [("daughter", "DAU", "F"), ("son", "SON", "M"), ("wife", "SPO", "F"), ("husband", "SPO", "M"),
             ("sister", "SIS", "F"), ("brother", "BRO", "M"), ("mother", "MTH", "F"), ("father", "FTH", "M"),
             ("granddaughter", "GRD", "F"), ("niece", "NIE", "F")]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net",
                 "verizon.net", "att.net", "protonmail.com", "msn.com", "live.com"]
UNITS = ["4 West", "5 North", "MICU", "3B Med/Surg", "Telemetry 6", "ED Pod C", "PACU", "L&D", "Ortho 7", "CCU"]
CREDS = ["MD", "DO", "NP", "PA-C", "RN", "RN, BSN", "MSN, RN", "PharmD", "RHIA", "CPC"]
STAFF_ROLES = ["Interface Analyst", "HIM Specialist", "Revenue Cycle Analyst", "Clinical Informaticist",
               "Epic Analyst", "Integration Engineer", "Nurse Manager", "Patient Access Lead", "Data Engineer",
               "Release Manager", "Service Desk Lead", "Privacy Officer", "QA Engineer", "Site Reliability Engineer"]
NOW = dt.date(2026, 12, 6)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fd(d, style):
    """Format a date."""
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us1":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "mon":
        return f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}"
    if style == "month":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "dmy":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "dmon":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "jira":
        return f"{d.day:02d}/{MONTHS[d.month - 1][:3]}/{d.year % 100:02d}"
    raise KeyError(style)


def age_on(dob, when=NOW):
    return when.year - dob.year - ((when.month, when.day) < (dob.month, dob.day))


class Patient:
    pass


class Ctx:
    """Per-document random context."""

    def __init__(self, rng):
        self.r = rng
        self.used = set()
        self.cultures = []
        self.org = rng.choice(ORGS)
        self.b = rng.choice(["• ", "• ", "▪ ", "- ", "* ", "· ", "◦ "])    # the doc's bullet
        self.nb = rng.random() < 0.45                                      # NBSPs after labels
        self.dash = rng.choice(["–", "—", "-"])

    # -- small helpers -----------------------------------------------------
    def c(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def chance(self, p):
        return self.r.random() < p

    def digits(self, n, first_nonzero=False):
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.ri(1, 9)) + s[1:]
        return s

    def letters(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def sp(self):
        """Space after a label: sometimes a non-breaking space (rich-text copy)."""
        return "\u00a0" if self.nb and self.chance(0.6) else " "

    def q(self, s):
        return f"“{s}”"

    # -- people ------------------------------------------------------------
    def person(self, sex=None, culture=None, native_ok=True, latin_only=False):
        for _ in range(200):
            cu = culture or self.c(CULTURES)
            if latin_only and cu in NATIVE:
                continue
            sx = sex or self.c("FM")
            if cu in LATIN:
                f, m, fam = LATIN[cu]
                given = self.c((f if sx == "F" else m).split(";"))
                family = self.c(fam.split(";"))
                if "/" in family:
                    family = family.split("/")[0 if sx == "M" else 1]
                p = Person(cu, given, family, sx)
            else:
                spec = NATIVE[cu]
                gs = [g for g in spec["given"] if g[2] == sx] or spec["given"]
                g = self.c(gs)
                sx = g[2]
                fm = self.c(spec["family"])
                if len(fm) == 4 and sx == "F":
                    fam_l, fam_n = fm[2], fm[3]
                else:
                    fam_l, fam_n = fm[0], fm[1]
                if cu == "punjabi" and self.chance(0.35):
                    fam_l, fam_n = ("Kaur", "ਕੌਰ") if sx == "F" else ("Singh", "ਸਿੰਘ")
                p = Person(cu, g[0], fam_l, sx, g[1] if native_ok else None, fam_n if native_ok else None,
                           spec["order"], spec["sep"])
            keys = {fold(p.family).lower(), fold(p.given).lower(), fold(p.first).lower()}
            if keys & self.used:
                continue
            self.used |= keys
            if self.chance(0.45):
                p.middle = self.c("ABCDEFGHJKLMNPRSTW")
            self.cultures.append(cu)
            return p
        raise RuntimeError("no fresh name")

    def staff(self, cred=None):
        p = self.person(latin_only=self.chance(0.5))
        p.cred = cred or self.c(CREDS)
        fam = re.sub(r"[^a-z]", "", fold(p.family).lower())
        giv = re.sub(r"[^a-z]", "", fold(p.first).lower())
        p.handle = self.c([giv[0] + fam, giv + "." + fam, fam + giv[0], giv + fam[:1]])
        p.email = self.c([f"{giv}.{fam}", f"{giv[0]}{fam}", f"{giv}.{fam}{self.ri(1, 9)}"]) + "@" + self.org["dom"]
        p.ext = f"x{self.ri(2, 7)}{self.digits(3)}"
        p.work_phone = self.phone_parts()
        p.role = self.c(STAFF_ROLES)
        return p

    def patient(self, sex=None, culture=None, min_age=1, max_age=96, latin_only=False, old=0.0):
        if old and self.chance(old):
            min_age, max_age = 90, 103
        pe = self.person(sex=sex, culture=culture, latin_only=latin_only)
        pt = pe
        age = self.ri(min_age, max_age)
        pt.dob = NOW - dt.timedelta(days=age * 365 + self.ri(0, 364))
        pt.age = age_on(pt.dob)
        pt.addr = self.address()
        pt.phone = self.phone_parts()
        pt.phone2 = self.phone_parts()
        pt.email = self.email_for(pe)
        pt.mrn = self.mrn()
        pt.ssn = self.ssn()
        pt.member = self.member_id()
        pt.mbi = self.mbi()
        pt.acct = self.account()
        pt.visit = self.visit()
        return pt

    def relative(self, pt, rel=None):
        if rel is None:
            age = getattr(pt, "age", 50)
            if age < 18:
                ok = ("mother", "father", "sister", "brother")
            elif age < 40:
                ok = ("mother", "father", "wife", "husband", "sister", "brother")
            elif age < 65:
                ok = ("wife", "husband", "daughter", "son", "sister", "brother")
            else:
                ok = ("wife", "husband", "daughter", "son", "granddaughter", "niece")
            rel = self.c([r for r in RELATIONS if r[0] in ok])
        same = pt.culture if self.chance(0.7) else None
        share = {"daughter": 0.6, "son": 0.7, "granddaughter": 0.4, "brother": 0.8, "sister": 0.6, "father": 0.8,
                 "mother": 0.5, "wife": 0.4, "husband": 0.5, "niece": 0.2}[rel[0]]
        if self.chance(share):
            same = pt.culture
            rp = self.person(sex=rel[2], culture=same)
            if pt.culture in NATIVE and len(NATIVE[pt.culture]["family"][0]) == 4:
                pass        # gendered family forms: keep the relative's own form
            else:
                rp.family, rp.family_nat = pt.family, pt.family_nat
                if pt.culture in LATIN:
                    for pair in LATIN[pt.culture][2].split(";"):
                        if "/" in pair and pt.family in pair.split("/"):
                            rp.family = pair.split("/")[0 if rel[2] == "M" else 1]
        else:
            rp = self.person(sex=rel[2], culture=same)
        rp.rel, rp.rel_code = rel[0], rel[1]
        rp.phone = self.phone_parts()
        rp.email = self.email_for(rp)
        return rp

    # -- identifiers -------------------------------------------------------
    def phone_parts(self):
        while True:
            area = self.c(AREA_CODES)
            ex = f"{self.ri(2, 9)}{self.digits(2)}"
            if ex[1:] == "11" or ex == "555":
                continue
            line = self.digits(4)
            return (area, ex, line)

    def phone(self, parts=None, style=None):
        a, e, l = parts or self.phone_parts()
        style = style or self.c(["paren", "dash", "dash", "dot", "plus", "paren1", "plain", "one"])
        return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}",
                "plus": f"+1 {a} {e} {l}", "paren1": f"+1 ({a}) {e}-{l}", "plain": f"{a}{e}{l}",
                "one": f"1-{a}-{e}-{l}", "parennosp": f"({a}){e}-{l}"}[style]

    def ssn(self, dashes=True):
        while True:
            a = self.ri(1, 899)
            if a == 666:
                continue
            s = f"{a:03d}-{self.ri(1, 99):02d}-{self.ri(1, 9999):04d}"
            if s in ("123-45-6789", "078-05-1120"):
                continue
            return s if dashes else s.replace("-", "")

    def mrn(self, style=None):
        style = style or self.c(["d8", "d8", "e7", "d10", "code", "m9", "d7"])
        if style == "d8":
            return "00" + self.digits(6, True) if self.chance(0.4) else self.digits(8, True)
        if style == "e7":
            return "E" + self.digits(7, True)
        if style == "d10":
            return self.digits(10, True)
        if style == "code":
            return self.org["code"][:2] + self.digits(6, True)
        if style == "m9":
            return "M" + self.digits(9)
        return self.digits(7, True)

    def member_id(self):
        style = self.c(["pfx", "w", "num", "zz", "dash"])
        if style == "pfx":
            return self.letters(3) + self.digits(9)
        if style == "w":
            return "W" + self.digits(9, True)
        if style == "num":
            return self.digits(9, True) + self.c(["01", "02", "00"])
        if style == "zz":
            return self.letters(2) + self.digits(5) + self.letters(1)
        return f"{self.letters(1)}{self.digits(2)}-{self.digits(3)}-{self.digits(4)}"

    def mbi(self, dashes=None):
        r = self.r
        while True:
            m = (r.choice("123456789") + r.choice(MBI_ALPHA) + r.choice(MBI_ALNUM) + r.choice("0123456789")
                 + r.choice(MBI_ALPHA) + r.choice(MBI_ALNUM) + r.choice("0123456789") + r.choice(MBI_ALPHA)
                 + r.choice(MBI_ALPHA) + self.digits(2))
            if m != "1EG4TE5MK73":
                break
        if dashes is None:
            dashes = self.chance(0.4)
        return f"{m[:4]}-{m[4:7]}-{m[7:]}" if dashes else m

    def npi(self):
        while True:
            base = self.c("12") + self.digits(8)
            n = base + luhn_check_digit("80840" + base)
            if n != "1234567893":
                return n

    def card(self, kind=None):
        kind = kind or self.c(["visa", "visa", "mc", "amex", "disc"])
        if kind == "visa":
            part, n = "4" + self.digits(14), 16
        elif kind == "mc":
            part, n = str(self.ri(51, 55)) + self.digits(13), 16
        elif kind == "amex":
            part, n = self.c(["34", "37"]) + self.digits(12), 15
        else:
            part, n = "6011" + self.digits(11), 16
        num = part + luhn_check_digit(part)
        assert len(num) == n
        if num in ("4111111111111111", "4242424242424242"):
            return self.card(kind)
        if self.chance(0.6):
            if n == 16:
                return " ".join(num[i:i + 4] for i in range(0, 16, 4))
            return f"{num[:4]} {num[4:10]} {num[10:]}"
        return num

    def vin(self):
        alph = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        while True:
            v = self.c(["1", "2", "3", "4", "5", "J", "K", "W"]) + "".join(self.c(alph) for _ in range(7)) + "0" \
                + self.c("LMNPRSTV") + "".join(self.c(alph) for _ in range(7))
            v = v[:8] + vin_check(v) + v[9:]
            if vin_ok(v):
                return v

    def plate(self):
        return self.c([f"{self.ri(1, 9)}{self.letters(3)}{self.digits(3)}", f"{self.letters(3)}-{self.digits(4)}",
                       f"{self.letters(3)} {self.digits(3)}"])

    def account(self):
        return self.c([self.digits(10, True), "A" + self.digits(9), "HAR" + self.digits(8, True),
                       self.digits(12, True)])

    def visit(self):
        return self.c(["V" + self.digits(8), self.digits(11, True), "ENC" + self.digits(7, True),
                       self.org["code"][:2] + self.digits(8)])

    def claim(self):
        return self.c([f"{NOW.year % 100}{self.digits(3)}{self.digits(8)}", "CLM" + self.digits(10),
                       f"E{self.digits(13)}", f"{self.digits(4, True)}-{self.digits(6)}-{self.digits(3)}"])

    def license(self):
        return self.c([f"S{self.digits(3)}-{self.digits(4)}-{self.digits(4)}", "D" + self.digits(7),
                       self.letters(1) + self.digits(8), self.digits(9, True), f"{self.letters(2)}{self.digits(6)}"])

    def device_serial(self):
        return self.c([f"{self.letters(3)}{self.digits(6)}{self.letters(1)}", f"SN{self.digits(9)}",
                       f"{self.digits(4)}-{self.letters(2)}{self.digits(5)}", f"RNH{self.digits(7)}"])

    def udi(self):
        return f"(01){self.digits(14)}(17){NOW.year % 100 + 2}{self.ri(1, 12):02d}{self.ri(1, 28):02d}(10){self.letters(1)}{self.digits(4)}(21){self.letters(1)}{self.digits(7)}"

    def pub_ip(self):
        return f"{self.c([24, 47, 50, 67, 68, 71, 73, 76, 98, 99, 108, 172, 174, 184])}.{self.ri(1, 254)}.{self.ri(0, 254)}.{self.ri(1, 254)}"

    def priv_ip(self):
        return self.c([f"10.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}",
                       f"172.{self.ri(16, 31)}.{self.ri(0, 255)}.{self.ri(1, 254)}",
                       f"192.168.{self.ri(0, 255)}.{self.ri(1, 254)}"])

    def uuid(self):
        h = "".join(self.c("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.c('89ab')}{h[17:20]}-{h[20:]}"

    def hexs(self, n):
        return "".join(self.c("0123456789abcdef") for _ in range(n))

    def email_for(self, p):
        g = re.sub(r"[^a-z]", "", fold(p.first).lower()) or "pt"
        f = re.sub(r"[^a-z]", "", fold(p.family).lower()) or "x"
        y = str(self.ri(50, 99)) if self.chance(0.5) else str(self.ri(1, 999))
        local = self.c([f"{g}.{f}", f"{g}{f}{y}", f"{g[0]}{f}{y}", f"{f}.{g}", f"{g}_{f}", f"{g}.{f[0]}{y}",
                        f"{g}{y}"])
        return f"{local}@{self.c(EMAIL_DOMAINS)}"

    def address(self):
        city, st, z3 = self.c(CITIES)
        num = self.ri(3, 9899)
        street = f"{num} {self.c(['', '', '', 'N ', 'S ', 'E ', 'W '])}{self.c(STREETS)} {self.c(STREET_TYPES)}"
        unit = self.c(["", "", "", f"Apt {self.ri(1, 30)}{self.c('ABCD')}", f"Unit {self.ri(1, 400)}",
                       f"#{self.ri(1, 40)}", f"Apt {self.ri(101, 912)}"])
        zp = z3 + f"{self.ri(1, 99):02d}"
        if self.chance(0.15):
            zp += "-" + self.digits(4, True)
        return dict(street=street, unit=unit, city=city, state=st, zip=zp)

    # -- dates -------------------------------------------------------------
    def recent(self, start=dt.date(2025, 3, 1), end=dt.date(2026, 11, 28)):
        return start + dt.timedelta(days=self.ri(0, (end - start).days))

    def tm(self):
        return f"{self.ri(0, 23):02d}{self.ri(0, 59):02d}"

    def hl7ts(self, d, secs=False):
        s = d.strftime("%Y%m%d") + self.tm()
        return s + f"{self.ri(0, 59):02d}" if secs else s

    def log_ts(self, d=None):
        d = d or self.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
        return f"{d.isoformat()} {self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d}.{self.digits(3)}"

    def jira_created(self, after=None):
        d = self.recent(after or dt.date(2026, 8, 1), dt.date(2026, 12, 5)) if not after or after < dt.date(2026, 12, 5) \
            else after
        return self.c([f"{fd(d, 'jira')} {self.ri(1, 12)}:{self.ri(0, 59):02d} {self.c(['AM', 'PM'])}",
                       f"{d.isoformat()} {self.ri(7, 18):02d}:{self.ri(0, 59):02d}",
                       f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}, {self.ri(1, 12)}:{self.ri(0, 59):02d} {self.c(['AM', 'PM'])}"])

    def ticket_key(self, proj=None):
        return f"{proj or self.c(['INT', 'HL7', 'EHR', 'RCM', 'SD', 'HIM', 'DATA', 'PLAT', 'IFACE', 'CLIN'])}-{self.ri(120, 9899)}"

    # -- formatted pieces --------------------------------------------------
    def age_piece(self, age, fmt="{a}"):
        s = fmt.format(a=age)
        return P(s, "age_over_89") if age >= 90 else s

    def addr_line(self, a, sep=", ", unit_sep=", "):
        s = P(a["street"], "street_address")
        if a["unit"]:
            s += unit_sep + P(a["unit"], "street_address")
        return s + sep + P(a["city"], "street_address") + ", " + D(a["state"], "state") + " " + P(a["zip"], "zip_code")

    def pname(self, p, how="full"):
        return P(getattr(p, how)(), "person_name")

    def sname(self, s, how="full"):
        return D(getattr(s, how)(), "person_name")

    def dx(self):
        return self.c(DX)

    def cpt(self):
        return self.c(CPT)

    def med(self):
        return self.c(MEDS)


# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------
TEMPLATES = OrderedDict((f, []) for f in PHI_FAMILIES + CLEAN_FAMILIES)


def tpl(family, crlf=0.0):
    def deco(fn):
        name = fn.__name__
        assert name.startswith(family + "_"), name
        TEMPLATES[family].append((name, fn, crlf))
        return fn
    return deco


def J(*lines):
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------
def _char_index(text):
    """byte offset -> char index (only for char boundaries)."""
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def _alnum(ch):
    return ch.isalnum()


def verify(rec):
    """Return a list of problems with one record (empty when fine)."""
    errs = []
    text, spans = rec["text"], rec["spans"]
    if any(c in text for c in (_S, _K, _E)):
        errs.append("marker characters left in text")
    idx = _char_index(text)
    raw = text.encode("utf-8")
    prev_end = -1
    covered = []
    for s in spans:
        a, b = s["start"], s["end"]
        if not (0 <= a < b <= len(raw)):
            errs.append(f"bad offsets {s}")
            continue
        if a not in idx or b not in idx:
            errs.append(f"span not on char boundary {s}")
            continue
        if a < prev_end:
            errs.append(f"unsorted/overlapping {s}")
        prev_end = b
        ca, cb = idx[a], idx[b]
        if ca > 0 and _alnum(text[ca - 1]) and _alnum(text[ca]):
            errs.append(f"span starts inside a token {s} {text[ca - 5:cb + 5]!r}")
        if cb < len(text) and _alnum(text[cb - 1]) and _alnum(text[cb]):
            errs.append(f"span ends inside a token {s} {text[ca - 5:cb + 5]!r}")
        val = text[ca:cb]
        if val != val.strip():
            errs.append(f"span has outer whitespace {s} {val!r}")
        if s["label"] == "phi":
            if s["kind"] not in CONTRACT_KINDS:
                errs.append(f"phi kind not in contract {s}")
            if val in TEST_VALUES:
                errs.append(f"documented test value labelled phi {val!r}")
            k = s["kind"]
            if k == "ssn" and not ssn_ok(val):
                errs.append(f"invalid SSN {val!r}")
            if k == "credit_card" and not luhn_ok(re.sub(r"\D", "", val)):
                errs.append(f"card fails Luhn {val!r}")
            if k == "medicare_mbi" and not mbi_ok(val):
                errs.append(f"invalid MBI {val!r}")
            if k == "phone" and len(re.sub(r"\D", "", val)) >= 10 and not nanp_ok(val):
                errs.append(f"invalid NANP phone {val!r}")
            if k == "vehicle_id" and len(val) == 17 and not vin_ok(val):
                errs.append(f"invalid VIN {val!r}")
            if k == "age_over_89" and int(re.sub(r"\D", "", val) or 0) < 90:
                errs.append(f"age under 90 labelled {val!r}")
        elif s["label"] == "dont_care":
            if s["kind"] not in CONTRACT_KINDS | DONT_CARE_EXTRA:
                errs.append(f"unknown dont_care kind {s}")
            if s["kind"] == "other_id" and re.fullmatch(r"\d{10}", val) and val.startswith(("1", "2")) \
                    and not npi_ok(val) and "npi" in text[max(0, ca - 60):ca].lower():
                errs.append(f"NPI fails Luhn {val!r}")
        else:
            errs.append(f"bad label {s}")
        covered.append((ca, cb))
    n_phi = sum(1 for s in spans if s["label"] == "phi")
    if rec["phi"] and n_phi == 0:
        errs.append("phi doc without phi spans")
    if not rec["phi"] and n_phi:
        errs.append("clean doc with phi spans")
    # a PHI value must not also occur unlabelled (every alphanumeric char of each occurrence inside some span)
    cov = [False] * len(text)
    for ca, cb in covered:
        for k in range(ca, cb):
            cov[k] = True
    seen = set()
    for s in spans:
        if s["label"] != "phi" or s["start"] not in idx or s["end"] not in idx:
            continue
        val = text[idx[s["start"]]:idx[s["end"]]]
        if val in seen:
            continue
        seen.add(val)
        for m in re.finditer(re.escape(val), text):
            a, b = m.start(), m.end()
            if a > 0 and _alnum(text[a - 1]) and _alnum(text[a]):
                continue
            if b < len(text) and _alnum(text[b - 1]) and _alnum(text[b]):
                continue
            if not all(cov[k] or not _alnum(text[k]) for k in range(a, b)):
                errs.append(f"PHI value {val!r} also occurs unlabelled at {a}")
                break
    return errs


# ---------------------------------------------------------------------------
# generation
# ---------------------------------------------------------------------------
RICH_TEXT_FAMILIES = {"jira_hl7", "confluence_patient_table", "support_ticket", "clinical_note", "patient_email",
                      "clean_meeting_notes", "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"}
_PIECE = re.compile("(\x01[pd]\x02[a-z_0-9]+\x02[^\x01\x03]*\x03)")


def nbspify(marked, rng):
    """What a copy from Word / Outlook / a browser does to plain text: NBSP after label colons and before dashes."""
    parts = _PIECE.split(marked)
    for k in range(0, len(parts), 2):
        parts[k] = re.sub(r"(?<=[A-Za-z)]): (?=\S)", lambda m: ":\u00a0" if rng.random() < 0.6 else m.group(0), parts[k])
        parts[k] = re.sub(r" (?=[–—] )", lambda m: "\u00a0" if rng.random() < 0.5 else m.group(0), parts[k])
    return "".join(parts)


def build(family, i, name, fn, crlf):
    for attempt in range(80):
        rng = random.Random(f"{SEED}|{family}|{i}|{name}|{attempt}")
        ctx = Ctx(rng)
        marked = fn(ctx)
        if family in RICH_TEXT_FAMILIES and rng.random() < 0.4:
            marked = nbspify(marked, rng)
        if crlf and rng.random() < crlf:
            marked = marked.replace("\r\n", "\n").replace("\n", "\r\n")
        text, spans = render(marked)
        rec = OrderedDict(id=f"{family}-{i + 1:04d}", family=family, phi=family in PHI_FAMILIES,
                          variant=name, text=text, spans=spans)
        errs = verify(rec)
        if not errs:
            return rec, ctx.cultures
        last = errs
    raise RuntimeError(f"{family} #{i} ({name}) keeps failing: {last[:3]}")


def generate():
    recs, cultures = [], Counter()
    for family, tpls in TEMPLATES.items():
        n = DOCS_PER_PHI_FAMILY if family in PHI_FAMILIES else DOCS_PER_CLEAN_FAMILY
        assert tpls, family
        order = list(range(len(tpls)))
        random.Random(f"{SEED}|order|{family}").shuffle(order)
        for i in range(n):
            name, fn, crlf = tpls[order[i % len(tpls)]]
            rec, cus = build(family, i, name, fn, crlf)
            recs.append(rec)
            cultures.update(cus)
    return recs, cultures


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate in memory, compare with the file, verify spans")
    ap.add_argument("--stats", action="store_true", help="templates per family and name cultures")
    ap.add_argument("--out", default=str(OUT))
    a = ap.parse_args(argv)
    recs, cultures = generate()
    lines = [dumps(r) for r in recs]
    if a.check:
        path = Path(a.out)
        on_disk = path.read_text(encoding="utf-8").splitlines()
        bad = 0
        if on_disk != lines:
            diff = [i for i, (x, y) in enumerate(zip(on_disk, lines)) if x != y]
            print(f"MISMATCH: file has {len(on_disk)} lines, regenerated {len(lines)}; first differing line {diff[:5]}")
            bad += 1
        ids = set()
        for ln in on_disk:
            rec = json.loads(ln)
            if rec["id"] in ids:
                print("duplicate id", rec["id"])
                bad += 1
            ids.add(rec["id"])
            if rec["family"] not in TEMPLATES:
                print("unknown family", rec["id"])
                bad += 1
            for e in verify(rec):
                print(rec["id"], e)
                bad += 1
        fam = Counter((json.loads(ln)["family"], json.loads(ln)["phi"]) for ln in on_disk)
        for f in PHI_FAMILIES:
            if fam[(f, True)] != DOCS_PER_PHI_FAMILY:
                print("wrong count", f, fam[(f, True)])
                bad += 1
        for f in CLEAN_FAMILIES:
            if fam[(f, False)] != DOCS_PER_CLEAN_FAMILY:
                print("wrong count", f, fam[(f, False)])
                bad += 1
        print(f"check: {len(on_disk)} docs, {sum(len(json.loads(l)['spans']) for l in on_disk)} spans, "
              f"{'OK' if not bad else str(bad) + ' problem(s)'}")
        return 1 if bad else 0
    if a.stats:
        total = 0
        print("templates per family (docs):")
        for f, t in TEMPLATES.items():
            used = Counter(r["variant"] for r in recs if r["family"] == f)
            total += len(t)
            print(f"  {f:28s} {len(t):3d} templates, {sum(used.values()):3d} docs, every template used: "
                  f"{all(used[n] for n, _, _ in t)}")
        print(f"  total templates: {total}")
        kinds = Counter((s['label'], s['kind']) for r in recs for s in r['spans'])
        print(f"name cultures defined: {len(CULTURES)} ({len(NATIVE)} with native script); used: {len(cultures)}")
        print("  " + ", ".join(f"{c}:{n}" for c, n in sorted(cultures.items())))
        print("span kinds:")
        for (lab, k), n in sorted(kinds.items()):
            print(f"  {lab:9s} {k:16s} {n}")
        crlf = sum(1 for r in recs if "\r\n" in r["text"])
        nbsp = sum(1 for r in recs if "\u00a0" in r["text"])
        tabs = sum(1 for r in recs if "\t" in r["text"])
        smart = sum(1 for r in recs if re.search("[’“”]", r["text"]))
        print(f"docs with CRLF {crlf}, NBSP {nbsp}, tabs {tabs}, smart quotes {smart}; "
              f"phi docs {sum(r['phi'] for r in recs)}, clean {sum(not r['phi'] for r in recs)}")
        return 0
    Path(a.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} docs to {a.out}")
    return 0

# ===========================================================================
# templates
# ===========================================================================

# ---------------------------------------------------------------------------
# HL7 v2 helpers (segments built field by field, PHI wrapped as pieces)
# ---------------------------------------------------------------------------
def hseg(name, f):
    n = max(f)
    start = 2 if name == "MSH" else 1
    return name + "|" + "|".join(str(f.get(i, "")) for i in range(start, n + 1))


SEND_APPS = ["EPIC", "CERNER", "MEDITECH", "ALLSCRIPTS", "ATHENA", "SOARIAN", "CPSI", "NEXTGEN"]
ENGINES = ["RHAPSODY", "MIRTH", "CLOVERLEAF", "IGUANA", "CORAPOINT", "ENSEMBLE"]
DOWNSTREAM = ["LAB", "RADIS", "PHARMACY", "BILLING", "HIE", "DIETARY", "PACS", "CDR"]
RACES = ["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC",
         "2131-1^Other Race^CDCREC", "1002-5^American Indian or Alaska Native^CDCREC", ""]
LANGS = ["ENG^English^HL70296", "SPA^Spanish^HL70296", "VIE^Vietnamese^HL70296", "ZHO^Chinese^HL70296",
         "RUS^Russian^HL70296", "ARA^Arabic^HL70296", "ENG", "SPA", ""]


def msh(c, typ, when, ver=None):
    ctrl = c.c([c.digits(10, True), "MSG" + c.digits(8), c.org["code"] + c.digits(9), c.hexs(12).upper()])
    f = {2: "^~\\&", 3: c.c(SEND_APPS), 4: c.org["code"], 5: c.c(ENGINES), 6: c.c(DOWNSTREAM),
         7: D(c.hl7ts(when, True), "date"), 9: typ, 10: ctrl, 11: "P", 12: ver or c.c(["2.3", "2.4", "2.5.1", "2.5.1"])}
    c.msh_ts = MARK.match(f[7]).group(3)
    return hseg("MSH", f), ctrl


def evn(c, typ, extra=None):
    f = {1: typ, 2: D(c.msh_ts[:12] if c.chance(0.5) else c.msh_ts, "date")}
    f.update(extra or {})
    return hseg("EVN", f)


def xad(c, a, typ="H"):
    return (P(a["street"], "street_address") + "^" + (P(a["unit"], "street_address") if a["unit"] else "") + "^"
            + P(a["city"], "street_address") + "^" + D(a["state"], "state") + "^" + P(a["zip"], "zip_code")
            + "^USA^" + typ)


def xtn(c, parts, split=None, use="PRN"):
    if split is None:
        split = c.chance(0.5)
    if split:
        return f"^{use}^PH^^1^" + P(parts[0], "phone") + "^" + P(parts[1] + parts[2], "phone")
    return P(c.phone(parts, c.c(["parennosp", "paren", "dash", "plain"])), "phone") + f"^{use}^PH"


def xcn(c, st, npi=None):
    npi = npi or c.npi()
    return D(npi, "other_id") + "^" + D(st.hl7(mid=False), "person_name") + "^^^^" + st.cred.split(",")[0]


def pid(c, pt, ssn=True, acct=True, split=None, keep=False, mother=None, email=False, ts_dob=False, alt=None):
    f = {1: "1", 3: P(pt.mrn, "mrn") + f"^^^{c.org['code']}^MR", 5: P(pt.hl7(keep=keep), "person_name"),
         7: P(fd(pt.dob, "hl7") + ("0000" if ts_dob else ""), "date"), 8: pt.sex, 10: c.c(RACES), 11: xad(c, pt.addr),
         13: xtn(c, pt.phone, split), 15: c.c(LANGS), 16: c.c(["M", "S", "W", "D", ""])}
    if alt:
        f[3] += "~" + P(alt, "mrn") + "^^^EPI^PI"
    if email:
        f[13] += "~^NET^Internet^" + P(pt.email, "email")
    if mother:
        f[6] = P(mother.hl7(mid=False), "person_name")
    if acct:
        f[18] = P(pt.acct, "account_number")
    if ssn:
        f[19] = P(pt.ssn, "ssn")
    return hseg("PID", f)


def pv1(c, pt, admit, disch=None, cls="I", att=None, unit=None):
    att = att or c.staff("MD")
    unit = unit or c.c(["4W", "5N", "MICU", "3B", "TELE6", "ED", "7ORT", "CCU", "OBS"])
    f = {1: "1", 2: cls, 3: f"{unit}^{c.ri(100, 799)}^{c.c('ABCD')}^{c.org['code']}", 4: c.c(["E", "U", "R", "EL"]),
         7: xcn(c, att), 10: c.c(["MED", "SUR", "CAR", "ORT", "NEU", "ONC", "EMR"]), 14: c.c(["1", "7", "EMD", "PHY"]),
         18: cls + "P" if cls in "IO" else cls, 19: P(pt.visit, "account_number"), 20: c.c(["SP", "MC", "CO", ""]),
         39: c.org["code"], 44: P(c.hl7ts(admit), "date")}
    if disch:
        f[45] = P(c.hl7ts(disch), "date")
        f[36] = c.c(["01", "03", "06", "62"])
    return hseg("PV1", f), att


def nk1(c, rel, n=1, addr=None):
    f = {1: str(n), 2: P(rel.hl7(mid=False), "person_name"), 3: f"{rel.rel_code}^{rel.rel.title()}^HL70063",
         5: xtn(c, rel.phone), 7: "EC^Emergency Contact^HL70131"}
    if addr:
        f[4] = xad(c, addr)
    return hseg("NK1", f)


def in1(c, pt, payer=None, insured=None):
    payer = payer or c.c(PAYERS)
    ins = insured or pt
    eff = dt.date(c.c([2024, 2025, 2026]), 1, 1)
    f = {1: "1", 2: c.letters(3) + c.digits(2), 3: c.digits(5, True), 4: payer[0],
         7: "(" + payer[1][2:5] + ")" + payer[1][6:], 8: D("GRP" + c.digits(6), "other_id"),
         12: D(fd(eff, "hl7"), "date"), 15: c.c(["PPO", "HMO", "MCR", "MCD", "POS"]),
         16: P(ins.hl7(mid=False), "person_name"), 17: "SEL" if ins is pt else "SPO",
         18: P(fd(ins.dob, "hl7"), "date"), 36: P(pt.member, "health_plan_id")}
    return hseg("IN1", f)


def dg1(c, when, n=1, dx=None):
    code, desc = dx or c.dx()
    return hseg("DG1", {1: str(n), 3: D(code, "diagnosis_code") + "^" + D(desc, "condition") + "^I10",
                        5: P(c.hl7ts(when), "date"), 6: c.c(["A", "W", "F"])})


LABS = [("2345-7", "Glucose", "mg/dL", "70-99", (60, 320)), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", (0.5, 4.2)),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", (7.1, 16.9)), ("6690-2", "WBC", "10*3/uL", "4.0-11.0", (2.1, 23.0)),
        ("2823-3", "Potassium", "mmol/L", "3.5-5.1", (2.9, 6.2)), ("2951-2", "Sodium", "mmol/L", "135-145", (121, 149)),
        ("1920-8", "AST", "U/L", "10-40", (12, 260)), ("33762-6", "NT-proBNP", "pg/mL", "<125", (40, 9800)),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", (4.8, 12.4)), ("10839-9", "Troponin I", "ng/mL", "<0.04", (0.01, 2.8))]


def obx(c, n, lab, when, ts=True):
    code, name, unit, rng, (lo, hi) = lab
    v = round(c.r.uniform(lo, hi), 1 if hi < 50 else 0)
    v = int(v) if hi >= 50 else v
    f = {1: str(n), 2: "NM", 3: f"{code}^{name}^LN", 5: str(v), 6: unit, 7: rng, 8: c.c(["", "", "H", "L"]), 11: "F"}
    if ts:
        f[14] = P(c.hl7ts(when), "date")
    return hseg("OBX", f)


def jira_people(c, rep, asg, style=None):
    style = style or c.c(["inline", "tabbed", "pipes"])
    if style == "inline":
        return f"Reporter: {D(rep.full(), 'person_name')}    Assignee: {D(asg.full(), 'person_name')}"
    if style == "tabbed":
        return f"Assignee:\t{D(asg.full(), 'person_name')}\nReporter:\t{D(rep.full(), 'person_name')}"
    return f"*Reporter:* {D(rep.full(), 'person_name')} | *Assignee:* {D(asg.full(), 'person_name')}"


def handle(s):
    return D(f"[~{s.handle}]", "person_name")


# ---------------------------------------------------------------------------
# jira_hl7
# ---------------------------------------------------------------------------
@tpl("jira_hl7", crlf=0.3)
def jira_hl7_adt_a01_wiki_code(c):
    pt = c.patient()
    rel = c.relative(pt)
    rep, asg = c.staff(), c.staff()
    adm = c.recent()
    m, ctrl = msh(c, "ADT^A01^ADT_A01", adm)
    pv, att = pv1(c, pt, adm)
    err_field = c.c(["PID-11.5", "PID-13", "NK1-5", "IN1-36", "PV1-44"])
    key = c.ticket_key("INT")
    body = J(
        f"{key} — ADT^A01 rejected by downstream {c.c(['lab', 'pharmacy', 'HIE', 'bed board'])} feed since {c.c(['Sunday’s', 'the weekend', 'last night’s'])} upgrade",
        jira_people(c, rep, asg),
        f"Created: {c.jira_created()}   Priority: {c.c(['Major', 'Critical', 'High'])}   Component: Interfaces / ADT",
        "",
        "h2. Summary",
        f"Since the engine upgrade the outbound A01s from {D(c.org['name'], 'facility')} are NAK’d with “AE”. "
        f"Only some messages fail – looks like the ones with {err_field} populated.",
        "",
        "h3. Sample message (copied from the message viewer)",
        "{code:title=" + f"A01_{ctrl}.hl7" + "}",
        m,
        evn(c, "A01"),
        pid(c, pt),
        nk1(c, rel),
        pv,
        in1(c, pt),
        dg1(c, adm),
        "{code}",
        "",
        "h3. ACK returned",
        "{noformat}",
        f"MSH|^~\\&|{c.c(DOWNSTREAM)}||{c.c(ENGINES)}||{c.hl7ts(adm, True)}||ACK^A01|{c.digits(8)}|P|2.5.1",
        f"MSA|AE|{ctrl}|{err_field} failed validation",
        f"ERR|^^^207&Application internal error&HL70357|{err_field}",
        "{noformat}",
        "",
        f"{handle(asg)} can you check the length table for {err_field}? Reprocessing is on hold until we know.",
    )
    return body


@tpl("jira_hl7", crlf=0.2)
def jira_hl7_oru_noformat_smartquotes(c):
    pt = c.patient()
    rep, asg = c.staff(), c.staff()
    coll = c.recent()
    m, ctrl = msh(c, "ORU^R01", coll)
    labs = c.r.sample(LABS, c.ri(2, 4))
    obr_f = {1: "1", 2: D(c.digits(9, True), "other_id"), 3: D("L" + c.digits(8), "other_id"),
             4: "24323-8^Comprehensive metabolic panel^LN", 7: P(c.hl7ts(coll), "date"),
             16: xcn(c, c.staff("MD")), 25: "F"}
    segs = [m, pid(c, pt, ssn=c.chance(0.4)), hseg("OBR", obr_f)]
    segs += [obx(c, i + 1, lab, coll) for i, lab in enumerate(labs)]
    ref = labs[0][1]
    body = J(
        f"*{c.ticket_key('LAB')}: Results “stuck” in Pending for {ref} – provider says they never crossed to the chart*",
        jira_people(c, rep, asg, "pipes"),
        "",
        f"Hi team – the {c.c(['hospitalist', 'PCP', 'cardiology NP'])} called the help desk because the {ref} result "
        f"isn’t showing in {c.c(['Results Review', 'the Chart Review tab', 'the inbasket'])}. "
        f"The lab system shows it as “Final”, so I grabbed the raw ORU from the engine:",
        "",
        "{noformat}",
        *segs,
        "{noformat}",
        "",
        f"Note OBX-11 is “F” on every line but the engine log says “no matching order” – the OBR-2 placer number "
        f"doesn’t exist on our side. Could this be the order that was cancelled and re-placed?",
        "",
        f"{c.b}Patient: {P(pt.full(), 'person_name')} ({P(pt.mrn, 'mrn')})",
        f"{c.b}Collected: {P(fd(coll, 'us'), 'date')}",
        f"{c.b}Ordering: see OBR-16",
        "",
        f"Thanks, {D(rep.first, 'person_name')}",
    )
    return body


@tpl("jira_hl7", crlf=0.5)
def jira_hl7_a08_outlook_forward(c):
    pt = c.patient()
    old = c.address()
    rep, asg, nurse = c.staff(), c.staff(), c.staff("RN")
    upd = c.recent()
    m, ctrl = msh(c, "ADT^A08", upd)
    sent = c.recent(upd, upd + dt.timedelta(days=2))
    body = J(
        f"Forwarding from the registration team – see below. Demographic update (A08) didn’t reach {c.c(['the HIE', 'Cerner', 'the lab system'])}.",
        "",
        "________________________________",
        f"From: {D(nurse.full(), 'person_name')} <{D(nurse.email, 'staff_contact')}>",
        f"Sent: {D(sent.strftime('%A, ') + fd(sent, 'month') + ' ' + str(c.ri(7, 11)) + ':' + f'{c.ri(0, 59):02d}' + ' AM', 'date')}",
        f"To: {D(rep.full(), 'person_name')} <{D(rep.email, 'staff_contact')}>",
        "Subject: RE: address not updating",
        "",
        f"Hi {D(rep.first, 'person_name')},",
        f"The patient came in and gave us a new address. We updated it in Prelude but the lab still mails to the old one:",
        f"{c.b}Old:{c.sp()}{c.addr_line(old)}",
        f"{c.b}New:{c.sp()}{c.addr_line(pt.addr)}",
        f"{c.b}MRN:{c.sp()}{P(pt.mrn, 'mrn')}",
        f"Patient is {P(pt.full(), 'person_name')}, DOB {P(fd(pt.dob, 'us'), 'date')}.",
        "",
        f"Thanks, {D(nurse.first, 'person_name')}",
        f"{D(nurse.full(), 'person_name')}, {nurse.cred} | Patient Access | {D(c.org['name'], 'facility')}",
        f"{D(c.phone(nurse.work_phone, 'dot'), 'staff_contact')} | ext {D(nurse.ext[1:], 'staff_contact')}",
        "",
        "________________________________",
        "",
        "Engine shows the A08 went out but was filtered:",
        "{code}",
        m,
        evn(c, "A08", {5: D(f"{rep.handle.upper()[:8]}", "person_name")}),
        pid(c, pt, ssn=False, split=True),
        "{code}",
        f"Filter rule #{c.ri(3, 40)} drops A08 when PV1 is missing. {handle(asg)} please confirm we can relax it.",
    )
    return body


@tpl("jira_hl7")
def jira_hl7_siu_field_table(c):
    pt = c.patient()
    rep, asg, prov = c.staff(), c.staff(), c.staff("MD")
    appt = c.recent(dt.date(2026, 10, 1), dt.date(2027, 2, 28))
    sent = c.recent(dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    m, ctrl = msh(c, "SIU^S12", sent)
    appt_ts = c.hl7ts(appt)
    rows = [
        ("MSH-9", "Message type", "SIU^S12"),
        ("SCH-1", "Placer appointment ID", D(c.digits(8, True), "other_id")),
        ("SCH-11.4", "Start date/time", P(appt_ts, "date")),
        ("SCH-25", "Filler status", "Booked"),
        ("PID-3", "MRN", P(pt.mrn, "mrn")),
        ("PID-5", "Name", P(pt.hl7(), "person_name")),
        ("PID-7", "DOB", P(fd(pt.dob, "hl7"), "date")),
        ("PID-13", "Home phone", P(c.phone(pt.phone, "paren"), "phone")),
        ("AIP-3", "Provider", D(prov.hl7(mid=False), "person_name")),
        ("AIL-3", "Location", D(c.org["code"] + "^" + c.c(["CARD", "ORTHO", "GI", "ENDO", "PULM"]) + "CLINIC", "facility")),
    ]
    table = ["||Segment-Field||Description||Value in failing message||"]
    table += [f"|{a}|{b}|{v}|" for a, b, v in rows]
    body = J(
        f"h2. {c.ticket_key('SCHED')} Appointment reminders texting the wrong time",
        f"{jira_people(c, rep, asg, 'tabbed')}",
        f"Labels: siu, reminders, {c.c(['twilio', 'patient-outreach', 'cadence'])}",
        "",
        f"The reminder vendor sends the text one hour early for some appointments. The SIU has no TZ offset in SCH-11 "
        f"so the vendor assumes UTC{c.dash}we think. Parsed fields from one message:",
        "",
        *table,
        "",
        f"Reminder went to the number in PID-13 on {D(fd(sent, 'us'), 'date')} with the wrong hour.",
        "",
        "h3. Ask",
        f"# confirm what TZ the vendor assumes",
        f"# add the offset (e.g. -0500) in SCH-11.4 on our side",
        f"# re-send reminders for tomorrow’s {c.c(['cardiology', 'ortho', 'GI'])} clinic",
        "",
        f"cc {handle(prov)}",
    )
    return body


@tpl("jira_hl7", crlf=0.25)
def jira_hl7_a03_numbered_repro(c):
    pt = c.patient(min_age=60, old=0.4)
    rep, asg = c.staff(), c.staff()
    adm = c.recent()
    dis = adm + dt.timedelta(days=c.ri(1, 9))
    m, ctrl = msh(c, "ADT^A03", dis)
    pv, att = pv1(c, pt, adm, dis)
    age = c.age_piece(pt.age)
    body = J(
        f"Summary: A03 discharge not closing the encounter in the bed board",
        f"Key: {c.ticket_key('EHR')}   Status: Open   {jira_people(c, rep, asg, 'inline')}",
        "",
        "Steps to reproduce:",
        f"1. Admit a patient on {c.c(['4 West', 'Telemetry', '5 North'])} (A01 fires normally).",
        "2. Discharge from the ADT navigator with disposition “Home”.",
        "3. Watch the bed board – the bed stays “occupied”, status never flips to dirty.",
        "4. Check the engine: the A03 is delivered and ACK’d AA.",
        "",
        f"Real example from prod ({P(pt.full(), 'person_name')}, {age}{pt.sex}, discharged {P(fd(dis, 'mon'), 'date')}):",
        "",
        "{code}",
        m,
        evn(c, "A03"),
        pid(c, pt, ssn=False, acct=True),
        pv,
        "{code}",
        "",
        "Expected: PV1-45 populated → bed released.",
        f"Actual: bed board reads PV1-45 from the *second* repetition only. {handle(asg)} FYI.",
    )
    return body


@tpl("jira_hl7")
def jira_hl7_orm_markdown_fence(c):
    pt = c.patient()
    rep, asg = c.staff(), c.staff()
    od = c.recent()
    m, ctrl = msh(c, "ORM^O01", od)
    proc = c.c([("71046", "XR CHEST 2 VIEWS"), ("70450", "CT HEAD WO CONTRAST"), ("74177", "CT ABD PELVIS W CONTRAST"),
                ("93000", "ECG 12 LEAD")])
    orc = hseg("ORC", {1: "NW", 2: D(c.digits(9, True), "other_id"), 9: D(c.hl7ts(od, True), "date"),
                       12: xcn(c, c.staff("MD"))})
    obr = hseg("OBR", {1: "1", 2: D(c.digits(9, True), "other_id"), 4: D(proc[0], "procedure_code") + "^" + proc[1] + "^CPT",
                       7: P(c.hl7ts(od), "date"), 13: c.c(["r/o pneumonia", "fall, head strike", "abd pain RLQ", "palpitations"]),
                       27: "^^^^^" + c.c(["R", "S"])})
    body = J(
        f"## {c.ticket_key('RAD')} – Orders from the ED arriving in RIS without the reason for exam",
        "",
        f"**Reporter:** {D(rep.full(), 'person_name')}  ",
        f"**Assignee:** {D(asg.full(), 'person_name')}  ",
        f"**Environment:** PRD, {c.c(ENGINES).title()} {c.ri(3, 12)}.{c.ri(0, 9)}",
        "",
        "Techs are calling the ED because OBR-13 (relevant clinical info) is blank on their side. "
        "It *is* in the outbound message:",
        "",
        "```hl7",
        m,
        pid(c, pt, ssn=c.chance(0.3)),
        orc,
        obr,
        "```",
        "",
        f"- RIS maps reason for exam from `OBR-31`, not `OBR-13`",
        f"- Only affects {proc[1].title()} orders placed after the {c.c(['Oct', 'Nov', 'Sept'])} build",
        f"- Patient in this example: {P(pt.lf(), 'person_name')}, MRN {P(pt.mrn, 'mrn')}",
        "",
        f"@{D(asg.full(), 'person_name')} can we copy 13 → 31 in the outbound translation?",
    )
    return body


@tpl("jira_hl7", crlf=0.3)
def jira_hl7_a40_merge_comments(c):
    pt = c.patient()
    dup_mrn = c.mrn()
    dup_name = pt.hl7(mid=False) if c.chance(0.5) else fold(pt.family).upper() + "^" + fold(pt.first).upper()[:1]
    a, b, d = c.staff(), c.staff(), c.staff()
    md = c.recent()
    m, ctrl = msh(c, "ADT^A40^ADT_A39", md)
    mrg = hseg("MRG", {1: P(dup_mrn, "mrn") + f"^^^{c.org['code']}^MR", 3: P(c.account(), "account_number"),
                       7: P(dup_name, "person_name")})
    body = J(
        f"{c.ticket_key('HIM')}: Merge (A40) left orphaned results under the old MRN",
        "",
        f"{D(a.full(), 'person_name')} added a comment – {c.jira_created()}",
        f"HIM merged the duplicate this morning. Surviving MRN {P(pt.mrn, 'mrn')}, non-surviving {P(dup_mrn, 'mrn')}. "
        f"Message below:",
        "{noformat}",
        m,
        evn(c, "A40"),
        pid(c, pt, ssn=False, acct=False),
        mrg,
        "{noformat}",
        "",
        f"{D(b.full(), 'person_name')} added a comment – {c.jira_created()}",
        f"{handle(a)} the lab system doesn’t process A40, only A34. The old chart still has the "
        f"{c.c(['CBC', 'BMP', 'troponin', 'urine culture'])} from {P(fd(c.recent(), 'us'), 'date')}.",
        "",
        f"{D(d.full(), 'person_name')} added a comment – {c.jira_created()}",
        f"Confirmed. Manually moved 3 results to {P(pt.full(), 'person_name')}’s chart. Leaving this open for the A40→A34 mapping.",
    )
    return body


@tpl("jira_hl7")
def jira_hl7_vxu_excel_grid(c):
    pt = c.patient(max_age=17)
    mom = c.relative(pt, ("mother", "MTH", "F"))
    rep, asg = c.staff(), c.staff()
    given = c.recent()
    vacc = c.c([("20", "DTaP", "Daptacel"), ("10", "IPV", "IPOL"), ("08", "Hep B, pediatric", "Engerix-B"),
                ("03", "MMR", "M-M-R II"), ("21", "varicella", "Varivax"), ("141", "Influenza, seasonal", "Fluzone")])
    rows = [
        ("MSH", "9", "Message type", "VXU^V04^VXU_V04"),
        ("PID", "3", "Patient ID", P(pt.mrn, "mrn")),
        ("PID", "5", "Patient name", P(pt.hl7(), "person_name")),
        ("PID", "6", "Mother’s maiden name", P(fold(mom.family).upper(), "person_name")),
        ("PID", "7", "Date of birth", P(fd(pt.dob, "hl7"), "date")),
        ("PID", "11", "Address", P(pt.addr["street"], "street_address") + "^^" + P(pt.addr["city"], "street_address")
         + "^" + D(pt.addr["state"], "state") + "^" + P(pt.addr["zip"], "zip_code")),
        ("NK1", "2", "Next of kin", P(mom.hl7(mid=False), "person_name")),
        ("RXA", "3", "Administered", P(c.hl7ts(given), "date")),
        ("RXA", "5", "Vaccine", vacc[0] + "^" + D(vacc[1], "medication") + "^CVX"),
        ("RXA", "15", "Lot", c.letters(2) + c.digits(4)),
        ("RXA", "20", "Completion", "CP"),
    ]
    body = J(
        f"{c.ticket_key('IMM')} State registry rejected VXU – “Mother’s maiden name required”",
        jira_people(c, rep, asg, "inline"),
        "",
        "Pasted from the registry’s error spreadsheet:",
        "",
        "Segment\tField\tName\tValue",
        *[f"{s}\t{f}\t{n}\t{v}" for s, f, n, v in rows],
        "",
        f"Registry error code {c.ri(100, 999)}: PID-6 present but only the surname component. The registry now wants "
        f"the given name as well (PID-6.2). We don’t capture that in registration today.",
        f"{c.b}Option A: default PID-6.2 to “UNKNOWN” (registry says they’ll accept)",
        f"{c.b}Option B: add a field to the peds registration form",
        "",
        f"{handle(asg)} thoughts?",
    )
    return body


@tpl("jira_hl7")
def jira_hl7_dft_html_remnants(c):
    pt = c.patient()
    rep, asg = c.staff(), c.staff()
    svc = c.recent()
    m, ctrl = msh(c, "DFT^P03", svc)
    cpt = c.cpt()
    dx = c.dx()
    ft1 = hseg("FT1", {1: "1", 2: D(c.digits(10, True), "other_id"), 4: P(fd(svc, "hl7"), "date"), 6: "CG",
                       7: D(cpt[0], "procedure_code") + "^" + cpt[1] + "^CPT", 10: "1",
                       19: D(dx[0], "diagnosis_code") + "^" + D(dx[1], "condition") + "^I10",
                       20: xcn(c, c.staff("MD"))})
    body = J(
        f"<p><b>{c.ticket_key('RCM')}</b> – charges dropping for {D(cpt[1], 'procedure_code')} (CPT {D(cpt[0], 'procedure_code')})</p>",
        f"<p>Reporter:&nbsp;{D(rep.full(), 'person_name')}<br>Assignee:&nbsp;{D(asg.full(), 'person_name')}</p>",
        "<p>The charge router shows the DFT below as “posted” but PB never received it. This is one of "
        f"{c.ri(12, 140)} charges in the last week.</p>",
        "<pre>",
        m,
        pid(c, pt, ssn=c.chance(0.5)),
        pv1(c, pt, svc, cls="O")[0],
        ft1,
        "</pre>",
        "<ul>",
        f"<li>Guarantor account: {P(pt.acct, 'account_number')}</li>",
        f"<li>Patient: {P(pt.lf(), 'person_name')}&nbsp;(DOB&nbsp;{P(fd(pt.dob, 'us'), 'date')})</li>",
        f"<li>Date of service: {P(fd(svc, 'us'), 'date')}</li>",
        "</ul>",
        "<p>Suspect the FT1-20 provider NPI isn’t in the PB provider master.</p>",
    )
    return body


@tpl("jira_hl7")
def jira_hl7_engine_log_ack(c):
    pt = c.patient()
    rep, asg = c.staff(), c.staff()
    adm = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    m, ctrl = msh(c, "ADT^A04", adm)
    ip = c.priv_ip()
    port = c.c([6661, 6670, 7001, 5555, 2575])
    t0 = dt.datetime(adm.year, adm.month, adm.day, c.ri(0, 23), c.ri(0, 59), c.ri(0, 59), c.ri(0, 999) * 1000)
    t = [(t0 + dt.timedelta(seconds=off, milliseconds=c.ri(0, 900))).strftime("%Y-%m-%d %H:%M:%S.%f")[:23]
         for off in (0, 1, 31, 62, 93)]
    thread = c.c(["pool-3-thread-7", "LLP-Listener-2", "Dispatcher-1", "worker-04"])
    body = J(
        f"{c.ticket_key('IFACE')} Registration (A04) messages timing out to {c.c(['the PACS broker', 'the HIE', 'the ED tracking board'])}",
        f"Reporter: {D(rep.full(), 'person_name')}  Assignee: {D(asg.full(), 'person_name')}  Created: {c.jira_created(adm)}",
        "",
        "Log from the outbound connection:",
        "{code:none}",
        f"{t[0]} INFO  [{thread}] Connecting to {ip}:{port}",
        f"{t[1]} INFO  [{thread}] Sent message {ctrl} ({c.ri(900, 2400)} bytes)",
        f"{t[2]} WARN  [{thread}] No ACK within 30000 ms for {ctrl}, retry 1/3",
        f"{t[3]} WARN  [{thread}] No ACK within 30000 ms for {ctrl}, retry 2/3",
        f"{t[4]} ERROR [{thread}] Giving up on {ctrl}; queued to error store (queue depth {c.ri(40, 900)})",
        "{code}",
        "",
        "Message in the error store:",
        "{code}",
        m,
        evn(c, "A04"),
        pid(c, pt, email=c.chance(0.5)),
        pv1(c, pt, adm, cls="O")[0],
        "{code}",
        "",
        f"Receiver at {ip} answers ping. Their side says the MLLP listener restarted at {t[0][11:16]}. "
        f"{handle(asg)} can you bounce the connection and resend the error queue?",
    )
    return body


@tpl("jira_hl7", crlf=1.0)
def jira_hl7_mdm_t02_crlf(c):
    pt = c.patient(min_age=40)
    rep, asg, auth = c.staff(), c.staff(), c.staff("MD")
    dos = c.recent()
    m, ctrl = msh(c, "MDM^T02", dos)
    txa = hseg("TXA", {1: "1", 2: c.c(["DS", "HP", "CN", "OP"]), 3: "TX", 4: D(c.hl7ts(dos), "date"),
                       5: xcn(c, auth), 12: D(c.digits(10, True), "other_id"), 17: "AU"})
    cond = c.c(CONDS)
    lines = [
        f"OBX|1|TX|{c.c(['18842-5^Discharge summary', '11506-3^Progress note', '28570-0^Procedure note'])}^LN||"
        f"Patient: {P(pt.full().upper(), 'person_name')}  DOB: {P(fd(pt.dob, 'us'), 'date')}||||||F",
        f"OBX|2|TX|||Admitted {P(fd(dos, 'us'), 'date')} with {D(cond, 'condition')}.||||||F",
        f"OBX|3|TX|||Home meds continued: {D(c.med(), 'medication')}, {D(c.med(), 'medication')}.||||||F",
        f"OBX|4|TX|||Follow up with PCP in 1 week. Call {P(c.phone(pt.phone, 'dash'), 'phone')} if not scheduled.||||||F",
    ]
    body = J(
        f"Title: Transcribed notes split into one OBX per line – downstream shows them out of order",
        f"{c.ticket_key('HIM')} · {jira_people(c, rep, asg, 'inline')}",
        "",
        "Copied from the Windows-side viewer (so CRLFs):",
        "{noformat}",
        m,
        pid(c, pt, ssn=False),
        txa,
        *lines,
        "{noformat}",
        "",
        "The HIE sorts OBX by OBX-4 (sub-id) which we leave blank, so the lines come back shuffled.",
        f"Proposed fix: number OBX-4 1..n. {handle(asg)} owns the outbound route.",
    )
    return body


# ---------------------------------------------------------------------------
# confluence_patient_table
# ---------------------------------------------------------------------------
def conf_head(c, title, space=None, when=None):
    a, b = c.staff(), c.staff()
    d = when or c.recent(dt.date(2026, 6, 1), dt.date(2026, 12, 4))
    space = space or c.c(["Nursing Informatics", "Revenue Cycle", "Interfaces Team", "Care Management",
                          "HIM Operations", "Clinical Applications", "Patient Access"])
    style = c.c(["created", "breadcrumb", "owner"])
    if style == "created":
        h = f"{title}\nCreated by {D(a.full(), 'person_name')}, last modified by {D(b.full(), 'person_name')} on {fd(d, 'mon')}"
    elif style == "breadcrumb":
        h = f"Spaces / {space} / Pages\n{title}\nOwned by {D(a.full(), 'person_name')} · Last updated: {fd(d, 'mon')} · {c.ri(2, 9)} min read"
    else:
        h = f"h1. {title}\n{{info}}Page owner: {D(a.full(), 'person_name')} ({D(a.email, 'staff_contact')}). Restricted to {space}.{{info}}"
    return h, a, b


@tpl("confluence_patient_table")
def confluence_patient_table_wiki_census(c):
    unit = c.c(UNITS)
    head, a, b = conf_head(c, f"{unit} – Weekend Census Handoff")
    rows = []
    for _ in range(c.ri(4, 7)):
        pt = c.patient(min_age=18)
        att = c.staff("MD")
        adm = c.recent(dt.date(2026, 10, 1))
        rows.append(f"|{P(pt.mrn, 'mrn')}|{P(pt.lf(), 'person_name')}|{P(fd(pt.dob, 'us'), 'date')}|"
                    f"{c.ri(401, 436)}{c.c('AB')}|{P(fd(adm, 'us1'), 'date')}|{D(att.family, 'person_name')}|"
                    f"{D(c.c(CONDS), 'condition')}{c.c(['', '; NPO after midnight', '; fall risk', '; isolation – contact', '; DNR'])}|")
    return J(head, "", f"h2. Current patients ({unit})", "",
             "||MRN||Patient||DOB||Room||Admit||Attending||Dx / notes||", *rows, "",
             "h2. Reminders",
             f"* Update this table by 0700 Saturday – {D(b.first, 'person_name')} pulls it into the huddle deck",
             "* Do *not* export to email; link to this page instead")


@tpl("confluence_patient_table", crlf=0.5)
def confluence_patient_table_excel_tabs(c):
    head, a, b = conf_head(c, c.c(["Outreach tracker – Q4", "No-show follow-up list", "Care gap calls – November"]))
    rows = ["Last Name\tFirst Name\tDOB\tMRN\tPhone\tPayer\tMember ID\tStatus"]
    for _ in range(c.ri(4, 8)):
        pt = c.patient()
        pay = c.c(PAYERS)[0]
        rows.append("\t".join([P(pt.family, "person_name"), P(pt.given, "person_name"), P(fd(pt.dob, "us1"), "date"),
                               P(pt.mrn, "mrn"), P(c.phone(pt.phone, c.c(["paren", "dash"])), "phone"), pay,
                               P(pt.member, "health_plan_id"),
                               c.c(["Left VM", "Scheduled", "Wrong number", "Declined", "", "Mailed letter"])]))
    return J(head, "", "Pasted from the team spreadsheet (tab “Calls”). Please keep the columns in this order.", "",
             *rows, "", f"Questions → {D(a.full(), 'person_name')} or {D(b.full(), 'person_name')}.")


@tpl("confluence_patient_table")
def confluence_patient_table_markdown_uat(c):
    head, a, b = conf_head(c, "UAT – patients for the new discharge workflow", "Clinical Applications")
    rows = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append(f"| {P(pt.full(), 'person_name')} | {P(pt.mrn, 'mrn')} | {P(fd(pt.dob, 'iso'), 'date')} | "
                    f"{P(pt.visit, 'account_number')} | {c.c(['happy path', 'no PCP on file', 'SNF discharge', 'AMA', 'expired'])} |")
    return J(head, "",
             "> ⚠️ These came from a PROD refresh of the TST environment – they are real charts. "
             "Do not screenshot outside the test team.", "",
             "| Patient | MRN | DOB | Encounter (CSN) | Scenario |", "|---|---|---|---|---|", *rows, "",
             "**Test steps**", "1. Open the encounter by CSN", "2. Complete the discharge navigator",
             "3. Confirm the AVS prints with the correct follow-up", "",
             f"Sign-off: {D(a.full(), 'person_name')} (nursing), {D(b.full(), 'person_name')} (pharmacy)")


@tpl("confluence_patient_table")
def confluence_patient_table_html_remnant(c):
    head, a, b = conf_head(c, c.c(["Pending ROI requests", "Records requests – open", "Chart correction queue"]), "HIM Operations")
    trs = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rq = c.recent(dt.date(2026, 9, 1))
        trs.append(f"<tr><td>{P(pt.lf(), 'person_name')}</td><td>{P(fd(pt.dob, 'us'), 'date')}</td>"
                   f"<td>{P(pt.mrn, 'mrn')}</td><td>{D(fd(rq, 'us'), 'date')}</td>"
                   f"<td>{c.c(['Attorney', 'Patient', 'Insurance', 'SSA disability', 'Other provider'])}</td>"
                   f"<td>{c.c(['Waiting on auth form', 'Sent', 'In QA', 'Invoice mailed'])}</td></tr>")
    return J(head, "", "<p>Copied from the ROI system report (<em>export did not keep formatting</em>):</p>",
             '<table class="confluenceTable"><tbody>',
             "<tr><th>Patient</th><th>DOB</th><th>MRN</th><th>Received</th><th>Requester</th><th>Status</th></tr>",
             *trs, "</tbody></table>",
             f"<p>Owner:&nbsp;{D(a.full(), 'person_name')}&nbsp;&middot;&nbsp;backup {D(b.full(), 'person_name')}</p>")


@tpl("confluence_patient_table", crlf=0.3)
def confluence_patient_table_bullet_roster(c):
    head, a, b = conf_head(c, c.c(["Dialysis chair schedule – Tue/Thu/Sat", "Infusion roster – this week",
                                   "Wound clinic roster"]))
    lines = []
    for _ in range(c.ri(4, 7)):
        pt = c.patient(min_age=30)
        lines.append(f"{c.b}{P(pt.family.upper() if c.chance(0.5) else pt.family, 'person_name')}, {P(pt.given, 'person_name')} "
                     f"{c.dash} DOB {P(fd(pt.dob, c.c(['us', 'us1', 'dmy'])), 'date')} {c.dash} MRN {P(pt.mrn, 'mrn')} "
                     f"{c.dash} chair {c.ri(1, 14)} {c.dash} {c.c(['06:00', '10:30', '15:00'])}"
                     f"{c.c(['', ' (needs transport)', ' – interpreter: ' + c.c(['Spanish', 'Vietnamese', 'Somali', 'Russian']), ' – new start'])}")
    return J(head, "", f"Charge nurse: {D(a.full(), 'person_name')} {D(a.ext, 'staff_contact')}", "", *lines, "",
             "Changes after 1500 go through the charge nurse, not this page.")


@tpl("confluence_patient_table")
def confluence_patient_table_mrn_crosswalk(c):
    head, a, b = conf_head(c, "Legacy → Epic MRN crosswalk (exceptions)", "Interfaces Team")
    rows = []
    for _ in range(c.ri(4, 7)):
        pt = c.patient()
        legacy = c.c(["L", "A", ""]) + c.digits(7, True)
        rows.append(f"|{P(legacy, 'mrn')}|{P(pt.mrn, 'mrn')}|{P(pt.hl7(mid=False), 'person_name')}|"
                    f"{P(fd(pt.dob, 'hl7'), 'date')}|{c.c(['name mismatch', 'DOB mismatch', 'two legacy charts', 'SSN missing', 'sex mismatch'])}|")
    return J(head, "",
             "These did not auto-match during the conversion load and were resolved by hand. "
             "Keep the table until the legacy archive is retired.", "",
             "||Legacy MRN||Epic MRN||Name (as in legacy)||DOB||Reason||", *rows, "",
             f"Matching rules are on the parent page. Contact {D(a.full(), 'person_name')} before editing.")


@tpl("confluence_patient_table", crlf=0.3)
def confluence_patient_table_callback_numbered(c):
    head, a, b = conf_head(c, c.c(["Abnormal results – call-back list", "Post-discharge phone calls", "Med recall outreach"]))
    med = c.c(MED_NAMES)
    lines = []
    for i in range(c.ri(4, 7)):
        pt = c.patient()
        lines.append(f"{i + 1}. {P(pt.full(), 'person_name')} – {P(c.phone(pt.phone), 'phone')}"
                     f"{(' / ' + P(c.phone(pt.phone2), 'phone')) if c.chance(0.3) else ''} – "
                     f"{c.c(['2nd attempt', 'prefers text', 'call after 5pm', 'daughter answers', 'no VM set up', 'OK to leave msg'])}")
    return J(head, "",
             f"Recall of {D(med, 'medication')} lot numbers – everyone below filled an affected lot. "
             f"Script is in the attachment; document the call as a telephone encounter.", "",
             *lines, "",
             f"Done calls: strike through (Ctrl+Shift+S) and add your initials. Questions: {D(a.full(), 'person_name')}.")


@tpl("confluence_patient_table")
def confluence_patient_table_readmit_tracker(c):
    head, a, b = conf_head(c, "30-day readmissions – case review", "Care Management")
    rows = []
    for _ in range(c.ri(4, 6)):
        pt = c.patient(min_age=55, max_age=99, old=0.2)
        d1 = c.recent(dt.date(2026, 7, 1), dt.date(2026, 10, 15))
        d2 = d1 + dt.timedelta(days=c.ri(2, 9))
        d3 = d2 + dt.timedelta(days=c.ri(3, 29))
        rows.append(f"|{P(pt.lf(), 'person_name')}|{c.age_piece(pt.age)}|{P(pt.mrn, 'mrn')}|{P(fd(d1, 'us1'), 'date')}|"
                    f"{P(fd(d2, 'us1'), 'date')}|{P(fd(d3, 'us1'), 'date')}|{D(c.c(CONDS), 'condition')}|"
                    f"{c.c(['Y', 'N', 'pending'])}|")
    return J(head, "", "h3. Cases for Thursday’s review",
             "||Patient||Age||MRN||Index admit||Index discharge||Readmit||Readmit reason||Preventable?||", *rows, "",
             "h3. Notes", f"* Reviewer assignments: {D(a.full(), 'person_name')} (odd rows), {D(b.full(), 'person_name')} (even rows)",
             "* “Preventable” = reviewer’s call, not final until committee")


@tpl("confluence_patient_table")
def confluence_patient_table_prior_auth_log(c):
    head, a, b = conf_head(c, "Prior auth log – imaging", "Revenue Cycle")
    rows = []
    for _ in range(c.ri(4, 7)):
        pt = c.patient()
        cpt = c.c(IMAGING_CPT)
        pay = c.c(PAYERS)[0]
        svc = c.recent(dt.date(2026, 10, 1), dt.date(2027, 1, 31))
        rows.append(f"|{P(pt.full(), 'person_name')}|{P(pt.member, 'health_plan_id')}|{pay}|{D(cpt[0], 'procedure_code')}|"
                    f"{P(fd(svc, 'us'), 'date')}|{c.c(['Approved', 'Pending clinicals', 'Denied – P2P scheduled', 'Not required'])}|"
                    f"{D('PA' + c.digits(8), 'other_id')}|")
    return J(head, "",
             "||Patient||Member ID||Payer||CPT||DOS||Status||Auth #||", *rows, "",
             f"{{note}}Auths expire 60 days from approval unless the payer says otherwise.{{note}}",
             f"Owner: {D(a.full(), 'person_name')} – {D(c.phone(a.work_phone, 'dash'), 'staff_contact')}")


@tpl("confluence_patient_table")
def confluence_patient_table_panel_macros(c):
    head, a, b = conf_head(c, c.c(["Isolation tracking", "Sitter / 1:1 observation list", "Bariatric equipment requests"]))
    rows = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append(f"|{P(pt.given + ' ' + pt.family[0] + '.', 'person_name') if c.chance(0.3) else P(pt.full(), 'person_name')}"
                    f"|{P(pt.mrn, 'mrn')}|{c.c(UNITS)} {c.ri(1, 40)}|{P(fd(c.recent(dt.date(2026, 10, 1)), 'us2'), 'date')}|"
                    f"{c.c(['C. diff', 'MRSA', 'VRE', 'COVID-19', 'TB rule-out', 'CRE'])}|")
    return J(head, "",
             "{panel:title=Read me first|borderStyle=dashed}",
             "Started date = first day of isolation for this admission. Remove the row when isolation is discontinued.",
             "{panel}", "",
             "||Patient||MRN||Location||Start||Organism||", *rows, "",
             "{expand:Who to call}",
             f"Infection prevention: {D(a.full(), 'person_name')} {D(a.ext, 'staff_contact')}, {D(b.full(), 'person_name')} {D(b.ext, 'staff_contact')}",
             "{expand}")


@tpl("confluence_patient_table", crlf=0.3)
def confluence_patient_table_huddle_page(c):
    d = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 4))
    head, a, b = conf_head(c, f"{fd(d, 'iso')} Safety huddle", when=d + dt.timedelta(days=c.ri(0, 2)))
    att = [c.staff() for _ in range(3)]
    rows = []
    for _ in range(c.ri(2, 4)):
        pt = c.patient(min_age=20)
        rows.append(f"| {P(pt.full(), 'person_name')} | {P(pt.mrn, 'mrn')} | "
                    f"{c.c(['fall without injury', 'wrong-dose near miss', 'pressure injury stage 2', 'elopement attempt', 'IV infiltration'])} | "
                    f"{c.c(['RL filed', 'RL pending', 'family notified'])} |")
    return J(head, "", "## Attendees", *[f"{c.b}@{D(s.full(), 'person_name')}" for s in att], "",
             "## Events since last huddle", "| Patient | MRN | Event | Follow-up |", "|---|---|---|---|", *rows, "",
             "## Action items",
             f"- [ ] @{D(att[0].full(), 'person_name')} re-educate night shift on bed alarms",
             f"- [ ] @{D(att[1].full(), 'person_name')} pull the pump library version for the infiltration case",
             f"- [x] @{D(att[2].full(), 'person_name')} order the additional low beds")


# ---------------------------------------------------------------------------
# support_ticket
# ---------------------------------------------------------------------------
@tpl("support_ticket", crlf=0.3)
def support_ticket_portal_login_zendesk(c):
    pt = c.patient(min_age=25)
    ag, ag2 = c.staff(), c.staff()
    tno = c.ri(20000, 99999)
    portal = f"https://{c.c(['mychart', 'portal', 'myhealth'])}.{c.org['dom']}/{c.c(['MyChart/Patient', 'patient/account', 'app/profile'])}?{c.c(['pid', 'patientId', 'acct'])}={pt.mrn}"
    ip = c.pub_ip()
    lock = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 3))
    return J(
        f"#{tno} Can’t log in – “account locked” after password reset",
        f"Requester: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"Status: Open   Priority: Normal   Group: Patient Portal Support   Assignee: {D(ag.full(), 'person_name')}",
        "",
        f"{P(pt.first, 'person_name')} {P(pt.family, 'person_name')} — via web form — {D(fd(lock, 'mon'), 'date')}",
        f"I’ve tried to reset my password three times and it keeps saying “Your account is locked”. "
        f"My date of birth is {P(fd(pt.dob, c.c(['us', 'month', 'us1'])), 'date')} and my phone is "
        f"{P(c.phone(pt.phone), 'phone')}. I need to see my {c.c(['biopsy', 'MRI', 'blood work', 'colonoscopy'])} results before "
        f"Friday. Please help!!",
        "",
        f"{D(ag.full(), 'person_name')} — internal note",
        f"Audit log shows {c.ri(6, 14)} failed attempts from {P(ip, 'ip_address')} then a lockout. Profile link: {P(portal, 'url')}",
        "Identity verified on callback (name + DOB + last visit). Unlocked and sent a new activation code.",
        "",
        f"{D(ag.full(), 'person_name')} — public reply",
        f"Hi {P(pt.first, 'person_name')}, your account is unlocked now. The activation code we texted expires in 24 hours. "
        f"If you still can’t get in, reply here or call us at {D(c.phone(ag.work_phone, 'dash'), 'staff_contact')}.",
        "",
        f"— {D(ag.first, 'person_name')}, {c.org['short']} Patient Portal Support",
    )


@tpl("support_ticket", crlf=0.6)
def support_ticket_billing_outlook_forward(c):
    pt = c.patient(min_age=22)
    fw, ag = c.staff(), c.staff()
    stmt = c.recent(dt.date(2026, 8, 1), dt.date(2026, 11, 20))
    svc = stmt - dt.timedelta(days=c.ri(20, 60))
    amt = f"${c.ri(40, 2400)}.{c.ri(0, 99):02d}"
    card = c.card()
    sent = stmt + dt.timedelta(days=c.ri(3, 12))
    return J(
        f"Subject: FW: Billing question – charged twice?",
        f"Ticket: {c.ticket_key('BILL')}    Queue: PFS Customer Service    Assigned: {D(ag.full(), 'person_name')}",
        "",
        "Forwarding to the billing queue.",
        "",
        f"{D(fw.full(), 'person_name')}",
        f"{fw.role} | {D(c.org['name'], 'facility')}",
        "",
        "-----Original Message-----",
        f"From: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"Sent: {D(sent.strftime('%A, ') + fd(sent, 'month') + ' ' + str(c.ri(1, 11)) + ':' + f'{c.ri(0, 59):02d}' + ' PM', 'date')}",
        f"To: Billing <{D('billing@' + c.org['dom'], 'staff_contact')}>",
        "Subject: Billing question – charged twice?",
        "",
        "Hello,",
        f"I got a statement dated {D(fd(stmt, 'us'), 'date')} for {amt} for my visit on {P(fd(svc, 'us'), 'date')}, "
        f"but I already paid that amount on the phone with my card {P(card, 'credit_card')}. "
        f"Can you check? My account number is {P(pt.acct, 'account_number')}.",
        "",
        f"The bill is in my name ({P(pt.full(), 'person_name')}) at {c.addr_line(pt.addr)}.",
        "",
        "Thank you,",
        f"{P(pt.first, 'person_name')}",
        f"{P(c.phone(pt.phone, 'dash'), 'phone')}",
    )


@tpl("support_ticket")
def support_ticket_servicenow_duplicate(c):
    pt = c.patient()
    dup = c.mrn()
    caller, ag = c.staff(), c.staff()
    opened = c.jira_created()
    return J(
        f"Number:\tINC{c.digits(7, True)}",
        f"Caller:\t{D(caller.full(), 'person_name')}",
        f"Category:\tClinical Applications",
        f"Subcategory:\tPatient identity / duplicates",
        f"Assignment group:\tHIM – Data Integrity",
        f"Assigned to:\t{D(ag.full(), 'person_name')}",
        f"Opened:\t{opened}",
        f"Short description:\tPossible duplicate chart – {P(pt.family.upper(), 'person_name')}, {P(pt.first.upper(), 'person_name')}",
        "Description:",
        f"Registration created a new MRN ({P(dup, 'mrn')}) this morning for a patient who already has MRN {P(pt.mrn, 'mrn')}. "
        f"Same DOB ({P(fd(pt.dob, 'us'), 'date')}), same address ({P(pt.addr['street'], 'street_address')}), "
        f"name spelled slightly differently on the insurance card. Labs were already resulted on the new chart.",
        "",
        "Work notes:",
        f"{c.b}{D(ag.full(), 'person_name')}: verified – EMPI score {c.ri(82, 97)}. Scheduling merge for tonight’s window.",
        f"{c.b}{D(ag.full(), 'person_name')}: please don’t add orders to {P(dup, 'mrn')} until merged.",
        "",
        f"Impact:\t3 - Low\tUrgency:\t2 - Medium\tState:\tIn Progress",
    )


@tpl("support_ticket", crlf=0.3)
def support_ticket_jsm_demographics_form(c):
    pt = c.patient()
    ag, req = c.staff(), c.staff()
    key = c.ticket_key("PAS")
    return J(
        f"{key}",
        f"Update patient demographics",
        f"Raised by {D(req.full(), 'person_name')} via portal · {c.jira_created()}",
        "",
        "Request type",
        "Demographics correction (registration error)",
        "",
        "Patient full name",
        f"{P(pt.full(), 'person_name')}",
        "",
        "Date of birth",
        f"{P(fd(pt.dob, c.c(['us', 'iso', 'month'])), 'date')}",
        "",
        "MRN",
        f"{P(pt.mrn, 'mrn')}",
        "",
        "What needs to change?",
        f"Home phone is wrong – should be {P(c.phone(pt.phone), 'phone')} (was {P(c.phone(pt.phone2), 'phone')}). "
        f"Also the email on file bounces; correct one is {P(pt.email, 'email')}.",
        "",
        "Did you verify with the patient?",
        "Yes – in person, with photo ID",
        "",
        "Activity",
        f"{D(ag.full(), 'person_name')} changed the status to In Progress",
        f"{D(ag.full(), 'person_name')}: Updated in registration. Leaving open one day to confirm the A08 reaches the lab system.",
    )


@tpl("support_ticket")
def support_ticket_fax_misroute_privacy(c):
    pt = c.patient()
    rep, po = c.staff(), c.staff(cred="CHPC")
    intended = c.phone(c.phone_parts(), "dash")
    wrong = c.phone(c.phone_parts(), "dash")
    when = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    docs = c.c(["discharge summary and med list", "referral packet (notes + imaging report)", "lab results (CBC, CMP)",
                "operative report"])
    return J(
        f"*Privacy incident – misdirected fax* ({c.ticket_key('PRIV')})",
        f"Reported by: {D(rep.full(), 'person_name')}, {rep.role}",
        f"Privacy officer: {D(po.full(), 'person_name')}",
        "",
        "*What happened*",
        f"On {D(fd(when, 'us'), 'date')} the {docs} for {P(pt.full(), 'person_name')} "
        f"(DOB {P(fd(pt.dob, 'us'), 'date')}, MRN {P(pt.mrn, 'mrn')}) went by fax to {D(wrong, 'staff_contact')} instead of "
        f"the specialist’s office at {D(intended, 'staff_contact')}. Two digits were transposed in the fax directory entry.",
        "",
        "*Recipient*",
        f"A {c.c(['dental office', 'law firm', 'veterinary clinic', 'pharmacy'])} – they called us and confirmed the pages were shredded. "
        "Attestation form requested.",
        "",
        "*Next steps*",
        "# Correct the fax directory entry (done)",
        "# Risk assessment (4-factor) – privacy office",
        f"# Patient notification letter to {c.addr_line(pt.addr)} if required",
        "",
        f"{D(po.first, 'person_name')}: logged in the incident register; will decide on notification by Friday.",
    )


@tpl("support_ticket")
def support_ticket_eligibility_271(c):
    pt = c.patient(min_age=66, max_age=97)
    ag, req = c.staff(), c.staff()
    dos = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 20))
    wrong_mbi = c.mbi(dashes=False)
    return J(
        f"{c.ticket_key('ELIG')} | Eligibility check returns AAA*72 (invalid member ID) for Medicare patient",
        f"Reporter: {D(req.full(), 'person_name')}   Assignee: {D(ag.full(), 'person_name')}   Component: Patient Access / RTE",
        "",
        f"Front desk ran eligibility for {P(pt.lf(), 'person_name')} (DOB {P(fd(pt.dob, 'us'), 'date')}, "
        f"age {c.age_piece(pt.age)}) ahead of the appointment on {P(fd(dos, 'us'), 'date')}.",
        "",
        f"MBI entered: {P(wrong_mbi, 'medicare_mbi')}",
        f"MBI on the red-white-blue card (patient brought it): {P(c.mbi(dashes=True), 'medicare_mbi')}",
        "",
        "Response segment (from the 271 viewer):",
        "{noformat}",
        f"NM1*IL*1*{P(fold(pt.family).upper(), 'person_name')}*{P(fold(pt.given).upper(), 'person_name')}****MI*{P(wrong_mbi, 'medicare_mbi')}~",
        "AAA*N**72*C~",
        f"DMG*D8*{P(fd(pt.dob, 'hl7'), 'date')}~",
        "{noformat}",
        "",
        "Looks like registration typed the MBI from the old HICN letter. Corrected in the coverage and re-ran → active Part A/B.",
        f"Leaving this open because the RTE screen should reject an MBI with an S or L in it at entry – {D('@' + ag.first, 'person_name')}?",
    )


@tpl("support_ticket", crlf=0.3)
def support_ticket_device_rma(c):
    pt = c.patient(min_age=45)
    ag = c.staff()
    sn = c.device_serial()
    dev = c.c(["home BP cuff (RPM kit)", "cellular scale (heart failure RPM)", "pulse oximeter hub", "CGM reader",
               "cardiac event monitor"])
    return J(
        f"Ticket {c.ticket_key('RPM')} · Remote monitoring device not transmitting",
        f"Agent: {D(ag.full(), 'person_name')} ({D(ag.email, 'staff_contact')})",
        "",
        f"Enrolled patient’s {dev} hasn’t sent a reading for {c.ri(3, 11)} days. Dashboard flags it as “offline”.",
        "",
        f"{c.b}Patient: {P(pt.full(), 'person_name')}",
        f"{c.b}DOB: {P(fd(pt.dob, 'us1'), 'date')}",
        f"{c.b}Device serial: {P(sn, 'device_id')}",
        f"{c.b}UDI (from the box label): {P(c.udi(), 'device_id')}",
        f"{c.b}Ship replacement to: {P(pt.addr['street'], 'street_address')}"
        + (f", {P(pt.addr['unit'], 'street_address')}" if pt.addr["unit"] else "")
        + f", {P(pt.addr['city'], 'street_address')} {D(pt.addr['state'], 'state')} {P(pt.addr['zip'], 'zip_code')}",
        f"{c.b}Best phone: {P(c.phone(pt.phone), 'phone')}",
        "",
        f"Vendor RMA opened. Old unit {P(sn, 'device_id')} to be returned in the prepaid mailer.",
        "Patient was told readings may be missing for 2–3 days; care team notified in the RPM inbasket.",
    )


@tpl("support_ticket")
def support_ticket_roi_daughter(c):
    pt = c.patient(min_age=70, max_age=99, old=0.4)
    dau = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "granddaughter", "niece")]))
    ag = c.staff()
    last4 = pt.ssn[-4:]
    dod = c.recent(dt.date(2026, 5, 1), dt.date(2026, 11, 1)) if c.chance(0.4) else None
    return J(
        f"Request #{c.ri(100000, 999999)} – Release of Information",
        f"Channel: phone → web form   Assigned: {D(ag.full(), 'person_name')}   SLA: 30 days",
        "",
        f"Caller: {P(dau.full(), 'person_name')} ({dau.rel}) – {P(c.phone(dau.phone), 'phone')} – {P(dau.email, 'email')}",
        f"Patient: {P(pt.full(), 'person_name')}, DOB {P(fd(pt.dob, 'us'), 'date')}, SSN last 4 {D(last4, 'ssn')}",
        (f"Patient passed away on {P(fd(dod, 'us'), 'date')}; caller says she is the executor." if dod else
         f"Patient is {c.age_piece(pt.age, '{a} years old')} and lives with the caller; caller has healthcare POA."),
        "",
        "Records requested:",
        f"1. All notes from the {c.c(['cardiology', 'oncology', 'neurology', 'orthopedic'])} visits 2024–2026",
        "2. Imaging reports (not images)",
        "3. Medication list",
        "",
        "Agent notes:",
        f"– Sent the authorization form to {P(dau.email, 'email')}. Need a copy of the "
        f"{'letters testamentary' if dod else 'POA document'} before release.",
        f"– Mailing address for the records: {c.addr_line(pt.addr)}",
    )


@tpl("support_ticket", crlf=0.4)
def support_ticket_outage_excel_rows(c):
    ag, inc = c.staff(), c.staff()
    start = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 2))
    rows = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append("\t".join([P(pt.mrn, "mrn"), P(pt.lf(), "person_name"), P(fd(pt.dob, "us"), "date"),
                               c.c(UNITS), c.c(["POC glucose", "vitals", "I&O", "wound assessment", "pain score"]),
                               c.c(["entered late", "back-charted", "lost – redo", "duplicate"])]))
    return J(
        f"{c.ticket_key('INC')} – Downtime {fd(start, 'mon')} {c.ri(1, 4)}:{c.ri(0, 5)}0–{c.ri(5, 8)}:{c.ri(0, 5)}0 AM: device integration",
        f"Incident manager: {D(inc.full(), 'person_name')} · Resolver: {D(ag.full(), 'person_name')}",
        "",
        "Root cause: the device integration service lost its DB connection after the certificate rotation; "
        "vitals and POC glucose from the monitors were queued and some were dropped.",
        "",
        "Charts that need review (pasted from the nursing informatics sheet):",
        "MRN\tPatient\tDOB\tUnit\tData\tAction",
        *rows,
        "",
        f"{c.b}Nursing managers notified by {D(inc.first, 'person_name')}",
        f"{c.b}Problem record {c.ticket_key('PRB')} opened for the cert rotation runbook",
    )


@tpl("support_ticket")
def support_ticket_freshdesk_refill_chat(c):
    pt = c.patient(min_age=30)
    ag = c.staff()
    med = c.med()
    t0 = c.ri(8, 16)
    return J(
        f"Freshdesk · Ticket {c.ri(10000, 99999)} · Source: Chat · Type: Pharmacy refill",
        f"Contact: {P(pt.full(), 'person_name')} · {P(pt.email, 'email')} · {P(c.phone(pt.phone, 'plus'), 'phone')}",
        "",
        "Chat transcript",
        f"[{t0}:02] {P(pt.first, 'person_name')}: hi, the app says my refill for {D(med, 'medication')} was “denied” ??",
        f"[{t0}:03] {D(ag.first, 'person_name')} (Agent): Hi {P(pt.first, 'person_name')}! I can look. Can you confirm your date of birth?",
        f"[{t0}:03] {P(pt.first, 'person_name')}: {P(fd(pt.dob, c.c(['us1', 'us2', 'month'])), 'date')}",
        f"[{t0}:05] {D(ag.first, 'person_name')} (Agent): Thanks. It was denied because you’re due for a visit – "
        f"your last one with Dr. {D(c.staff('MD').family, 'person_name')} was over a year ago.",
        f"[{t0}:06] {P(pt.first, 'person_name')}: i only have 2 pills left 😟",
        f"[{t0}:08] {D(ag.first, 'person_name')} (Agent): I’ve sent a message to the office to ask for a 30-day bridge. "
        f"They’ll call you at the number on file.",
        "",
        f"Internal: routed to clinic pool. MRN {P(pt.mrn, 'mrn')}. Patient’s pharmacy is on file.",
    )


@tpl("support_ticket", crlf=0.3)
def support_ticket_security_vehicle(c):
    pt = c.patient(min_age=25)
    off, ag = c.staff(), c.staff()
    vin = c.vin()
    plate = c.plate()
    when = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    car = c.c(["2016 Honda CR-V", "2019 Toyota Camry", "2012 Ford F-150", "2021 Subaru Outback", "2014 Nissan Altima"])
    return J(
        f"Security – Incident {c.ticket_key('SEC')}",
        f"Officer: {D(off.full(), 'person_name')}   Supervisor: {D(ag.full(), 'person_name')}",
        "",
        f"Patient {P(pt.full(), 'person_name')} (ED visit {P(fd(when, 'us'), 'date')}) reports their vehicle was towed "
        f"from Garage B while they were being treated. Vehicle: {car}, plate {P(plate, 'vehicle_id')} ({D(pt.addr['state'], 'state')}), "
        f"VIN {P(vin, 'vehicle_id')}.",
        "",
        "Findings:",
        f"{c.b}Tow company has the car; tow was requested by the garage vendor for “no permit”.",
        f"{c.b}Patient had a valid ED parking validation – vendor error.",
        "",
        f"Resolution: hospital covers the tow fee. Release letter emailed to {P(pt.email, 'email')}; "
        f"patient contact {P(c.phone(pt.phone), 'phone')}.",
        f"Driver’s licence on the release form: {P(c.license(), 'license_number')}",
    )


# ---------------------------------------------------------------------------
# bitbucket_fhir_diff
# ---------------------------------------------------------------------------
def diff_head(c, path, new=False):
    if new:
        return [f"diff --git a/{path} b/{path}", "new file mode 100644", f"index 0000000..{c.hexs(7)}",
                "--- /dev/null", f"+++ b/{path}"]
    return [f"diff --git a/{path} b/{path}", f"index {c.hexs(7)}..{c.hexs(7)} 100644", f"--- a/{path}", f"+++ b/{path}"]


def hunk(c, ops, a_start=None, ctx_label=""):
    if a_start is None:
        a_start = c.ri(1, 60)
    old = sum(1 for o, _ in ops if o in " -")
    new = sum(1 for o, _ in ops if o in " +")
    b_start = a_start + (c.ri(0, 4) if a_start > 1 else 0)
    head = f"@@ -{a_start},{old} +{b_start},{new} @@" + (f" {ctx_label}" if ctx_label else "")
    if a_start == 0:
        head = f"@@ -0,0 +1,{new} @@"
    return [head] + [o + l for o, l in ops]


def pr_head(c, title, branch=None):
    au, r1, r2 = c.staff(), c.staff(), c.staff()
    n = c.ri(40, 1900)
    branch = branch or f"feature/{c.ticket_key(c.c(['INT', 'FHIR', 'API', 'PLAT']))}-{c.c(['fixtures', 'patient-search', 'coverage-sync', 'bundle-import', 'us-core-6'])}"
    style = c.c(["bb", "bbweb", "email"])
    if style == "bb":
        h = [f"Pull request #{n}: {title}", f"{branch} → {c.c(['develop', 'main', 'release/2026.12'])}",
             f"Author: {D(au.full(), 'person_name')}   Reviewers: {D(r1.full(), 'person_name')}, {D(r2.full(), 'person_name')}",
             f"State: OPEN · {c.ri(1, 9)} commits · {c.ri(1, 6)} files changed"]
    elif style == "bbweb":
        h = [f"{c.c(['fhir-gateway', 'interop-service', 'patient-api', 'cds-hooks-svc', 'bulk-export'])} / Pull requests / #{n}",
             title, f"{D(au.full(), 'person_name')} wants to merge {c.ri(2, 9)} commits from {branch} into main",
             f"APPROVED ✓ {D(r1.full(), 'person_name')}   NEEDS WORK ✗ {D(r2.full(), 'person_name')}"]
    else:
        h = [f"[Bitbucket] {D(au.full(), 'person_name')} commented on pull request #{n}",
             f"“{title}”", f"Repository: {c.c(['health-it/fhir-gateway', 'int/interop-service', 'platform/patient-api'])}"]
    return h, au, r1, r2


def rid(c):
    return D(c.c([c.digits(c.ri(4, 7), True), c.uuid(), "pat-" + c.digits(4), c.hexs(16)]), "internal_id")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_patient_json(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "Add telecom + address to Patient fixtures for the address-validation tests")
    path = f"src/test/resources/fixtures/fhir/patient-{c.ri(1, 60):03d}.json"
    a = pt.addr
    line = [f'"{P(a["street"], "street_address")}"'] + ([f'"{P(a["unit"], "street_address")}"'] if a["unit"] else [])
    ops = [(" ", '  "resourceType": "Patient",'), (" ", f'  "id": "{rid(c)}",'),
           (" ", '  "identifier": [ {'), (" ", f'    "system": "urn:oid:2.16.840.1.113883.3.{c.ri(100, 9999)}.2.1",'),
           (" ", f'    "value": "{P(pt.mrn, "mrn")}"'), (" ", "  } ],"),
           (" ", f'  "name": [ {{ "use": "official", "family": "{P(pt.family, "person_name")}", "given": [ "{P(pt.given, "person_name")}" ] }} ],'),
           (" ", f'  "gender": "{"female" if pt.sex == "F" else "male"}",'),
           ("-", f'  "birthDate": "{P(fd(pt.dob, "iso"), "date")}"'),
           ("+", f'  "birthDate": "{P(fd(pt.dob, "iso"), "date")}",'),
           ("+", '  "telecom": ['),
           ("+", f'    {{ "system": "phone", "value": "{P(c.phone(pt.phone, "dash"), "phone")}", "use": "home" }},'),
           ("+", f'    {{ "system": "email", "value": "{P(pt.email, "email")}" }}'),
           ("+", "  ],"),
           ("+", '  "address": [ {'),
           ("+", f'    "line": [ {", ".join(line)} ],'),
           ("+", f'    "city": "{P(a["city"], "street_address")}",'),
           ("+", f'    "state": "{D(a["state"], "state")}",'),
           ("+", f'    "postalCode": "{P(a["zip"], "zip_code")}"'),
           ("+", "  } ]"),
           (" ", "}")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, 1), "",
             f"{D(r2.full(), 'person_name')}: Where did this address come from? The old fixtures were Synthea. "
             f"This one has a real-looking MRN format ({c.org['code']}).")


@tpl("bitbucket_fhir_diff", crlf=0.2)
def bitbucket_fhir_diff_bundle_comment(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "Bundle import: handle Encounter before Patient ordering")
    adm = c.recent()
    pid_ = rid(c)
    return J(
        *head, "",
        f"{D(r1.full(), 'person_name')} commented on `src/test/resources/bundles/import-order-{c.ri(1, 30)}.json`",
        "",
        "> Please don’t commit this as-is. I opened the file and it isn’t synthetic:",
        ">",
        "> ```json",
        '> { "fullUrl": "urn:uuid:' + c.uuid() + '",',
        ">   \"resource\": {",
        '>     "resourceType": "Patient",',
        f'>     "id": "{pid_}",',
        f'>     "name": [{{ "text": "{P(pt.full(), "person_name")}" }}],',
        f'>     "birthDate": "{P(fd(pt.dob, "iso"), "date")}",',
        f'>     "identifier": [{{ "type": {{ "text": "MRN" }}, "value": "{P(pt.mrn, "mrn")}" }},',
        f'>                    {{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "{P(pt.ssn, "ssn")}" }}]',
        ">   } },",
        '> { "resource": {',
        '>     "resourceType": "Encounter",',
        f'>     "subject": {{ "reference": "Patient/{pid_}" }},',
        f'>     "period": {{ "start": "{P(fd(adm, "iso") + "T" + f"{c.ri(0, 23):02d}:{c.ri(0, 59):02d}:00-05:00", "date")}" }}',
        ">   } }",
        "> ```",
        "",
        f"It came out of the {c.c(['TST', 'STG', 'UAT'])} export which is a PROD copy. Swap it for a Synthea bundle "
        f"and scrub the history (BFG) – {D('@' + au.first, 'person_name')}",
        "",
        f"{D(au.full(), 'person_name')} replied",
        "Ugh, sorry. Force-pushing a clean fixture in a few minutes.",
    )


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_encounter_period(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "Fix timezone on Encounter.period in discharge fixtures")
    adm = c.recent()
    dis = adm + dt.timedelta(days=c.ri(1, 8))
    t1, t2 = f"{c.ri(0, 23):02d}:{c.ri(0, 59):02d}:00", f"{c.ri(8, 18):02d}:{c.ri(0, 59):02d}:00"
    path = f"app/src/test/resources/encounter/discharged-{c.ri(1, 20)}.json"
    eid, pid_ = rid(c), rid(c)
    ops = [(" ", '    "resourceType": "Encounter",'), (" ", f'    "id": "{eid}",'),
           (" ", '    "status": "finished",'),
           (" ", '    "class": { "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP" },'),
           (" ", f'    "subject": {{ "reference": "Patient/{pid_}", "display": "{P(pt.full(), "person_name")}" }},'),
           (" ", '    "period": {'),
           ("-", f'      "start": "{P(fd(adm, "iso") + "T" + t1 + "Z", "date")}",'),
           ("-", f'      "end": "{P(fd(dis, "iso") + "T" + t2 + "Z", "date")}"'),
           ("+", f'      "start": "{P(fd(adm, "iso") + "T" + t1 + "-05:00", "date")}",'),
           ("+", f'      "end": "{P(fd(dis, "iso") + "T" + t2 + "-05:00", "date")}"'),
           (" ", "    },"),
           (" ", f'    "hospitalization": {{ "dischargeDisposition": {{ "text": "{c.c(["Home", "SNF", "Home health", "Rehab"])}" }} }},'),
           (" ", f'    "serviceProvider": {{ "display": "{D(c.org["name"], "facility")}" }}')]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, c.ri(3, 30)), "",
             f"{D(r1.first, 'person_name')}: LGTM, but the display name on the subject should be a test name, not "
             f"“{P(pt.full(), 'person_name')}”.")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_coverage(c):
    pt = c.patient()
    sub = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("wife", "husband", "mother", "father")])) if c.chance(0.5) else None
    head, au, r1, r2 = pr_head(c, "Coverage sync: map subscriberId and dependent number")
    pay = c.c(PAYERS)[0]
    eff = dt.date(c.c([2025, 2026]), c.c([1, 1, 7]), 1)
    path = "src/test/resources/coverage/coverage-dependent.json"
    ops = [(" ", "{"), (" ", '  "resourceType": "Coverage",'), (" ", f'  "id": "{rid(c)}",'), (" ", '  "status": "active",'),
           ("-", f'  "subscriberId": "{P(pt.member, "health_plan_id")}",'),
           ("+", f'  "subscriberId": "{P(pt.member[:-2] if len(pt.member) > 8 else pt.member, "health_plan_id")}",'),
           ("+", f'  "dependent": "{c.c(["01", "02", "03"])}",'),
           (" ", f'  "subscriber": {{ "display": "{P((sub or pt).full(), "person_name")}" }},'),
           (" ", f'  "beneficiary": {{ "reference": "Patient/{rid(c)}", "display": "{P(pt.full(), "person_name")}" }},'),
           (" ", f'  "relationship": {{ "coding": [ {{ "code": "{"self" if not sub else "spouse" if sub.rel in ("wife", "husband") else "parent"}" }} ] }},'),
           (" ", f'  "period": {{ "start": "{D(fd(eff, "iso"), "date")}" }},'),
           (" ", f'  "payor": [ {{ "display": "{pay}" }} ],'),
           (" ", f'  "class": [ {{ "type": {{ "text": "group" }}, "value": "{D(c.digits(6, True), "other_id")}" }} ]'),
           (" ", "}")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, 1), "",
             f"{D(r2.full(), 'person_name')}: the payer strips the 2-digit suffix, so the trimmed id is right. "
             f"Is {P(pt.family, 'person_name')} a test patient though? Looks like a real member ID.")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_relatedperson(c):
    pt = c.patient(max_age=17) if c.chance(0.5) else c.patient(min_age=75)
    rel = c.relative(pt, c.c([("mother", "MTH", "F"), ("father", "FTH", "M")]) if pt.age < 18 else
                     c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "wife", "husband")]))
    head, au, r1, r2 = pr_head(c, "RelatedPerson: emergency contact round-trip test")
    code = {"mother": "MTH", "father": "FTH", "daughter": "DAU", "son": "SON", "wife": "WIFE", "husband": "HUSB"}[rel.rel]
    path = f"src/test/java/org/{c.c(['mercy', 'lakeshore', 'riverbend'])}/fhir/RelatedPersonRoundTripTest.java"
    ops = [(" ", "    @Test"), (" ", "    void emergencyContactSurvivesRoundTrip() {"),
           ("-", '        RelatedPerson rp = load("relatedperson-minimal.json");'),
           ("+", "        RelatedPerson rp = new RelatedPerson();"),
           ("+", f'        rp.setPatient(new Reference("Patient/{rid(c)}"));'),
           ("+", f'        rp.addName().setFamily("{P(rel.family, "person_name")}").addGiven("{P(rel.given, "person_name")}");'),
           ("+", f'        rp.addTelecom().setSystem(PHONE).setValue("{P(c.phone(rel.phone, "paren"), "phone")}");'),
           ("+", f'        rp.addRelationship().addCoding().setSystem(V3_ROLE_CODE).setCode("{code}");'),
           ("+", f'        // contact for {P(pt.full(), "person_name")} – copied from the ADT sample in {c.ticket_key("INT")}'),
           (" ", "        RelatedPerson back = roundTrip(rp);"),
           (" ", f'        assertEquals("{code}", back.getRelationshipFirstRep().getCodingFirstRep().getCode());'),
           (" ", "    }")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, c.ri(20, 90), "class RelatedPersonRoundTripTest {"), "",
             f"{D(r1.full(), 'person_name')}: the comment on line {c.ri(25, 95)} names a real patient from the ticket – please drop it "
             f"and use a made-up contact.")


@tpl("bitbucket_fhir_diff", crlf=0.2)
def bitbucket_fhir_diff_observation(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "Observation mapper: keep effectiveDateTime precision")
    when = c.recent()
    lab = c.c(LABS)
    ts_old = fd(when, "iso")
    ts_new = fd(when, "iso") + f"T{c.ri(0, 23):02d}:{c.ri(0, 59):02d}:00-0{c.c('45')}:00"
    val = round(c.r.uniform(*lab[4]), 1)
    path = f"mapper/src/test/resources/expected/observation-{lab[1].lower().replace(' ', '-')}.json"
    ops = [(" ", '  "resourceType": "Observation",'), (" ", '  "status": "final",'),
           (" ", f'  "code": {{ "coding": [ {{ "system": "http://loinc.org", "code": "{lab[0]}", "display": "{lab[1]}" }} ] }},'),
           (" ", f'  "subject": {{ "reference": "Patient/{rid(c)}", "display": "{P(pt.lf(), "person_name")}" }},'),
           ("-", f'  "effectiveDateTime": "{P(ts_old, "date")}",'),
           ("+", f'  "effectiveDateTime": "{P(ts_new, "date")}",'),
           (" ", f'  "valueQuantity": {{ "value": {val}, "unit": "{lab[2]}" }}')]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, c.ri(2, 12)), "",
             "Build #" + str(c.ri(1000, 9999)) + " passed · 1 task open")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_typescript_fixture(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "patient-banner: show preferred name and pronouns")
    pref = c.person(sex=pt.sex, culture=pt.culture if c.chance(0.5) else None).first
    path = "libs/patient-banner/src/__fixtures__/patient.ts"
    ops = [(" ", "import type { Patient } from 'fhir/r4';"), (" ", ""),
           (" ", "export const bannerPatient: Patient = {"), (" ", "  resourceType: 'Patient',"),
           (" ", f"  id: '{rid(c)}',"),
           (" ", "  name: ["),
           (" ", f"    {{ use: 'official', family: '{P(pt.family, 'person_name')}', given: ['{P(pt.given, 'person_name')}'] }},"),
           ("+", f"    {{ use: 'usual', given: ['{P(pref, 'person_name')}'] }},"),
           (" ", "  ],"),
           (" ", f"  birthDate: '{P(fd(pt.dob, 'iso'), 'date')}',"),
           (" ", f"  identifier: [{{ system: 'urn:mrn', value: '{P(pt.mrn, 'mrn')}' }}],"),
           ("+", "  extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/individual-pronouns',"),
           ("+", f"    valueCodeableConcept: {{ text: '{'she/her' if pt.sex == 'F' else 'he/him'}' }} }}],"),
           (" ", "};")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, 1), "",
             f"{D(r2.first, 'person_name')}: Storybook snapshot updated too? Also – fixture values look copied from a chart; "
             "let’s use the “Test, Patient” convention.")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_pytest_conftest(c):
    pts = [c.patient() for _ in range(2)]
    head, au, r1, r2 = pr_head(c, "tests: parametrize patient-match cases")
    path = "tests/matching/test_patient_match.py"
    ops = [(" ", "@pytest.mark.parametrize("), (" ", '    "a, b, expected",'), (" ", "    ["),
           ("+", f'        ({{"family": "{P(pts[0].family, "person_name")}", "given": "{P(pts[0].given, "person_name")}", '
                 f'"birthDate": "{P(fd(pts[0].dob, "iso"), "date")}", "ssn": "{P(pts[0].ssn, "ssn")}"}},'),
           ("+", f'         {{"family": "{P(fold(pts[0].family).upper(), "person_name")}", "given": "{P(fold(pts[0].given).upper(), "person_name")}", '
                 f'"birthDate": "{P(fd(pts[0].dob, "iso"), "date")}", "ssn": None}}, "probable"),'),
           ("+", f'        ({{"family": "{P(pts[1].family, "person_name")}", "given": "{P(pts[1].given, "person_name")}", '
                 f'"birthDate": "{P(fd(pts[1].dob, "iso"), "date")}", "phone": "{P(c.phone(pts[1].phone, "dash"), "phone")}"}},'),
           ("+", f'         {{"family": "{P(pts[1].family, "person_name")}", "given": "{P(fold(pts[1].first).upper(), "person_name")}", '
                 f'"birthDate": "{P(fd(pts[1].dob, "iso"), "date")}", "phone": None}}, "possible"),'),
           (" ", '        (SYNTHETIC_A, SYNTHETIC_B, "no-match"),'), (" ", "    ],"), (" ", ")")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, c.ri(10, 60)), "",
             f"{D(r1.full(), 'person_name')}: These two new cases are the real pair from the EMPI ticket, right? "
             "Please replace with made-up values before merge.")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_yaml_seed(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "e2e: seed patients for the scheduling flow")
    appt = c.recent(dt.date(2026, 12, 1), dt.date(2027, 1, 30))
    a = pt.addr
    lines = ["patients:", f"  - id: {rid(c)}", f"    mrn: \"{P(pt.mrn, 'mrn')}\"",
             f"    name: {{ family: {P(pt.family, 'person_name')}, given: [{P(pt.given, 'person_name')}] }}",
             f"    birthDate: {P(fd(pt.dob, 'iso'), 'date')}",
             f"    phone: \"{P(c.phone(pt.phone, 'dash'), 'phone')}\"",
             "    address:", f"      line: [\"{P(a['street'], 'street_address')}\"]",
             f"      city: {P(a['city'], 'street_address')}", f"      state: {D(a['state'], 'state')}",
             f"      postalCode: \"{P(a['zip'], 'zip_code')}\"",
             "appointments:", f"  - patient: {P(pt.mrn, 'mrn')}",
             f"    start: {P(fd(appt, 'iso') + 'T' + c.c(['08:30', '09:15', '13:40']) + ':00-05:00', 'date')}",
             f"    practitioner: {D(c.staff('MD').full(), 'person_name')}", f"    serviceType: {c.c(['new-patient', 'follow-up', 'telehealth'])}"]
    path = f"e2e/seed/{c.c(['scheduling', 'booking', 'appointments'])}.yaml"
    return J(*head, "", *diff_head(c, path, new=True), *hunk(c, [("+", l) for l in lines], 0), "",
             f"{D(r1.full(), 'person_name')}: we have a rule against real demographics in e2e seeds – where did these come from?")


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_xml_patient(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "XML parser: accept multiple given names")
    g2 = c.person(sex=pt.sex, culture=pt.culture).first
    path = "src/test/resources/xml/Patient-multi-given.xml"
    ops = [(" ", '<Patient xmlns="http://hl7.org/fhir">'), (" ", f'  <id value="{rid(c)}"/>'),
           (" ", "  <identifier>"), (" ", '    <system value="http://hospital.example.org/mrn"/>'),
           (" ", f'    <value value="{P(pt.mrn, "mrn")}"/>'), (" ", "  </identifier>"),
           (" ", "  <name>"), (" ", f'    <family value="{P(pt.family, "person_name")}"/>'),
           (" ", f'    <given value="{P(pt.given, "person_name")}"/>'),
           ("+", f'    <given value="{P(g2, "person_name")}"/>'),
           (" ", "  </name>"),
           (" ", f'  <gender value="{"female" if pt.sex == "F" else "male"}"/>'),
           (" ", f'  <birthDate value="{P(fd(pt.dob, "iso"), "date")}"/>'),
           ("-", f'  <telecom><system value="phone"/><value value="{P(c.phone(pt.phone2, "paren"), "phone")}"/></telecom>'),
           ("+", f'  <telecom><system value="phone"/><value value="{P(c.phone(pt.phone, "paren"), "phone")}"/><use value="mobile"/></telecom>'),
           (" ", "</Patient>")]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, 1))


@tpl("bitbucket_fhir_diff")
def bitbucket_fhir_diff_claim(c):
    pt = c.patient()
    head, au, r1, r2 = pr_head(c, "Claim builder: add diagnosis sequence and billablePeriod")
    svc = c.recent()
    dx1, dx2 = c.r.sample(DX, 2)
    cp = c.cpt()
    clm = c.claim()
    path = "claims-builder/src/test/resources/claim-professional.json"
    ops = [(" ", '  "resourceType": "Claim",'),
           (" ", f'  "identifier": [ {{ "system": "urn:claim-number", "value": "{P(clm, "other_id")}" }} ],'),
           (" ", '  "use": "claim",'),
           (" ", f'  "patient": {{ "reference": "Patient/{rid(c)}", "display": "{P(pt.full(), "person_name")}" }},'),
           ("+", f'  "billablePeriod": {{ "start": "{P(fd(svc, "iso"), "date")}", "end": "{P(fd(svc, "iso"), "date")}" }},'),
           (" ", f'  "provider": {{ "identifier": {{ "system": "http://hl7.org/fhir/sid/us-npi", "value": "{D(c.npi(), "other_id")}" }} }},'),
           ("+", '  "diagnosis": ['),
           ("+", f'    {{ "sequence": 1, "diagnosisCodeableConcept": {{ "coding": [ {{ "code": "{D(dx1[0], "diagnosis_code")}" }} ] }} }},'),
           ("+", f'    {{ "sequence": 2, "diagnosisCodeableConcept": {{ "coding": [ {{ "code": "{D(dx2[0], "diagnosis_code")}" }} ] }} }}'),
           ("+", "  ],"),
           (" ", f'  "insurance": [ {{ "sequence": 1, "focal": true, "identifier": {{ "value": "{P(pt.member, "health_plan_id")}" }} }} ],'),
           (" ", f'  "item": [ {{ "sequence": 1, "productOrService": {{ "coding": [ {{ "code": "{D(cp[0], "procedure_code")}" }} ] }},'),
           ("-", f'             "servicedDate": "{P(fd(svc, "iso"), "date")}" }} ]'),
           ("+", f'             "servicedDate": "{P(fd(svc, "iso"), "date")}", "diagnosisSequence": [1, 2] }} ]')]
    return J(*head, "", *diff_head(c, path), *hunk(c, ops, c.ri(1, 8)))


# ---------------------------------------------------------------------------
# sql_seed
# ---------------------------------------------------------------------------
def sq(v, kind, phi=True):
    v = str(v).replace("'", "''")
    return "'" + (P(v, kind) if phi else D(v, kind)) + "'"


def sql_patient_values(c, pt, idv, cols):
    out = []
    for col in cols:
        if col == "id":
            out.append(D(idv, "internal_id"))
        elif col == "mrn":
            out.append(sq(pt.mrn, "mrn"))
        elif col == "first_name":
            out.append(sq(pt.given, "person_name"))
        elif col == "last_name":
            out.append(sq(pt.family, "person_name"))
        elif col == "dob":
            out.append(sq(fd(pt.dob, "iso"), "date"))
        elif col == "sex":
            out.append(f"'{pt.sex}'")
        elif col == "phone":
            out.append(sq(c.phone(pt.phone, "dash"), "phone"))
        elif col == "email":
            out.append(sq(pt.email, "email"))
        elif col == "ssn":
            out.append(sq(pt.ssn, "ssn"))
        elif col == "address_line1":
            out.append(sq(pt.addr["street"], "street_address"))
        elif col == "city":
            out.append(sq(pt.addr["city"], "street_address"))
        elif col == "state":
            out.append("'" + D(pt.addr["state"], "state") + "'")
        elif col == "zip":
            out.append(sq(pt.addr["zip"], "zip_code"))
        elif col == "member_id":
            out.append(sq(pt.member, "health_plan_id"))
        elif col == "created_at":
            out.append("now()")
        else:
            raise KeyError(col)
    return out


@tpl("sql_seed")
def sql_seed_pg_multirow_insert(c):
    cols = c.c([["id", "mrn", "first_name", "last_name", "dob", "sex", "phone", "email"],
                ["id", "mrn", "last_name", "first_name", "dob", "address_line1", "city", "state", "zip"],
                ["id", "mrn", "first_name", "last_name", "dob", "ssn", "member_id", "created_at"]])
    base = c.ri(1, 5000)
    rows = []
    for k in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append("  (" + ", ".join(sql_patient_values(c, pt, base + k, cols)) + ")")
    return J(f"-- seed/{c.c(['dev', 'local', 'demo'])}_patients.sql",
             f"-- Loaded by `make db-seed`. Rows copied from the {c.c(['UAT', 'TST', 'training'])} database on request of "
             f"{D(c.staff().full(), 'person_name')}.",
             "BEGIN;", "",
             f"INSERT INTO clinical.patient ({', '.join(cols)})", "VALUES",
             ",\n".join(rows) + "",
             "ON CONFLICT (mrn) DO NOTHING;", "",
             f"SELECT setval('clinical.patient_id_seq', (SELECT max(id) FROM clinical.patient));", "COMMIT;")


@tpl("sql_seed")
def sql_seed_mysqldump(c):
    rows = []
    for k in range(c.ri(3, 5)):
        pt = c.patient()
        vals = [D(c.ri(100, 90000), "internal_id"), sq(pt.mrn, "mrn"), sq(pt.family, "person_name"),
                sq(pt.given, "person_name"), sq(fd(pt.dob, "iso"), "date"), sq(pt.addr["street"], "street_address"),
                sq(pt.addr["city"], "street_address"), "'" + D(pt.addr["state"], "state") + "'",
                sq(pt.addr["zip"], "zip_code"), sq(c.phone(pt.phone, "plain"), "phone"), "NULL" if c.chance(0.3) else sq(pt.email, "email")]
        rows.append("(" + ",".join(vals) + ")")
    return J(f"-- MySQL dump 10.13  Distrib 8.0.{c.ri(28, 39)}, for Linux (x86_64)",
             "--",
             f"-- Host: {c.priv_ip()}    Database: {c.c(['ehr_stage', 'portal', 'scheduling'])}",
             "-- ------------------------------------------------------",
             f"-- Server version\t8.0.{c.ri(28, 39)}", "",
             "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
             "/*!40101 SET NAMES utf8mb4 */;", "",
             "--", "-- Dumping data for table `patient`", "--", "",
             "LOCK TABLES `patient` WRITE;",
             "/*!40000 ALTER TABLE `patient` DISABLE KEYS */;",
             "INSERT INTO `patient` VALUES " + ",".join(rows) + ";",
             "/*!40000 ALTER TABLE `patient` ENABLE KEYS */;",
             "UNLOCK TABLES;")


@tpl("sql_seed", crlf=1.0)
def sql_seed_tsql_identity_insert(c):
    lines = []
    for k in range(c.ri(2, 4)):
        pt = c.patient()
        adm = c.recent()
        lines.append(f"INSERT INTO dbo.Encounter (EncounterID, PatientMRN, PatientName, BirthDate, AdmitDate, VisitNumber, AttendingNPI, PrimaryDx)")
        lines.append(f"VALUES ({D(c.ri(100000, 999999), 'internal_id')}, N{sq(pt.mrn, 'mrn')}, N{sq(pt.lf(), 'person_name')}, "
                     f"{sq(fd(pt.dob, 'iso'), 'date')}, {sq(fd(adm, 'iso') + ' ' + f'{c.ri(0, 23):02d}:{c.ri(0, 59):02d}', 'date')}, "
                     f"{sq(pt.visit, 'account_number')}, '{D(c.npi(), 'other_id')}', '{D(c.dx()[0], 'diagnosis_code')}');")
    return J(f"/* {c.ticket_key('DATA')} – reproduce the duplicate-visit bug on DEV */",
             f"USE [{c.c(['ClinicalDW', 'EDW_Stage', 'RevCycle'])}]", "GO",
             "SET IDENTITY_INSERT dbo.Encounter ON;", "GO", *lines, "GO",
             "SET IDENTITY_INSERT dbo.Encounter OFF;", "GO",
             f"-- ({len(lines) // 2} rows affected)")


@tpl("sql_seed", crlf=0.3)
def sql_seed_jira_datafix(c):
    pt = c.patient()
    rep, asg, dba = c.staff(), c.staff(), c.staff()
    wrong = c.person(sex=pt.sex, culture=pt.culture)
    wrong_dob = pt.dob + dt.timedelta(days=c.c([-365, 31, -1, 10, 3650]))
    return J(
        f"{c.ticket_key('DATA')} – Data fix: wrong patient name/DOB on portal account",
        jira_people(c, rep, asg),
        "",
        f"The portal account for MRN {P(pt.mrn, 'mrn')} shows “{P(wrong.full(), 'person_name')}” with DOB "
        f"{P(fd(wrong_dob, 'us'), 'date')}. Registration already fixed the EHR side, but the portal DB was not updated "
        f"because the sync job skips locked accounts.",
        "",
        "Proposed script (run in PROD after CAB approval):",
        "{code:sql}",
        "BEGIN TRANSACTION;",
        "",
        "UPDATE portal.account",
        f"   SET first_name = {sq(pt.given, 'person_name')},",
        f"       last_name  = {sq(pt.family, 'person_name')},",
        f"       birth_date = {sq(fd(pt.dob, 'iso'), 'date')},",
        "       updated_by = 'DATAFIX'",
        f" WHERE mrn = {sq(pt.mrn, 'mrn')}",
        f"   AND account_id = {D(c.ri(10000, 999999), 'internal_id')};",
        "",
        "-- expect 1 row",
        "COMMIT;",
        "{code}",
        "",
        f"{D(dba.full(), 'person_name')}: reviewed, row count check is there. Scheduled for tonight’s window.",
    )


@tpl("sql_seed")
def sql_seed_psql_result_grid(c):
    rows = []
    pts = [c.patient() for _ in range(c.ri(3, 5))]
    w_name = max(len(p.lf()) for p in pts) + 1
    for p in pts:
        nm = p.lf()
        rows.append(f" {P(p.mrn, 'mrn')}{' ' * (11 - len(p.mrn))}| {P(nm, 'person_name')}{' ' * (w_name - len(nm))}| "
                    f"{P(fd(p.dob, 'iso'), 'date')} | {P(p.addr['zip'][:5], 'zip_code')} | {c.c(['t', 'f'])}")
    db = c.c(["ehr_replica", "analytics", "mpi"])
    return J(f"Ran this on the replica to find the affected patients – output below ({c.ticket_key('DATA')}):", "",
             "```",
             f"{db}=> SELECT mrn, last_name || ', ' || first_name AS name, dob, left(zip, 5) AS zip, portal_active",
             f"{db}->   FROM mpi.patient WHERE merged_into IS NULL AND dob_source = 'legacy' LIMIT 20;",
             f" mrn        | name{' ' * (w_name - 4)}| dob        | zip   | portal_active",
             f"------------+{'-' * (w_name + 1)}+------------+-------+---------------",
             *rows,
             f"({len(rows)} rows)", "",
             f"Time: {c.ri(3, 900)}.{c.digits(3)} ms",
             "```", "",
             "All of them came from the legacy load in 2019; the DOB was stored as local midnight and shifted by a day.")


@tpl("sql_seed", crlf=0.6)
def sql_seed_ssms_grid_paste(c):
    rows = ["PatientKey\tMRN\tLastName\tFirstName\tBirthDate\tPhone\tPrimaryPayer\tMemberID"]
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append("\t".join([D(c.ri(1000, 999999), "internal_id"), P(pt.mrn, "mrn"), P(pt.family, "person_name"),
                               P(pt.given, "person_name"), P(fd(pt.dob, "iso") + " 00:00:00.000", "date"),
                               P(c.phone(pt.phone, "plain"), "phone"), c.c(PAYERS)[0], P(pt.member, "health_plan_id")]))
    return J("Results from SSMS (Copy with Headers):", "",
             "SELECT TOP 50 p.PatientKey, p.MRN, p.LastName, p.FirstName, p.BirthDate, p.Phone, c.PrimaryPayer, c.MemberID",
             "FROM dbo.DimPatient p JOIN dbo.DimCoverage c ON c.PatientKey = p.PatientKey",
             "WHERE c.MemberID LIKE '% %' -- trailing spaces break the 270 lookup", "",
             *rows, "",
             f"({len(rows) - 1} rows affected)", "",
             "Completion time: " + c.log_ts()[:19].replace(" ", "T") + f".{c.digits(7)}-05:00")


@tpl("sql_seed")
def sql_seed_flyway_demo(c):
    v = c.ri(12, 140)
    lines = []
    for k in range(c.ri(2, 4)):
        pt = c.patient()
        kin = c.relative(pt)
        pid_ = c.ri(1, 900)
        lines += [f"INSERT INTO patient (id, mrn, given_name, family_name, birth_date, phone) VALUES "
                  f"({D(pid_, 'internal_id')}, {sq(pt.mrn, 'mrn')}, {sq(pt.given, 'person_name')}, {sq(pt.family, 'person_name')}, "
                  f"DATE {sq(fd(pt.dob, 'iso'), 'date')}, {sq(c.phone(pt.phone, 'dash'), 'phone')});",
                  f"INSERT INTO emergency_contact (patient_id, name, relationship, phone) VALUES "
                  f"({D(pid_, 'internal_id')}, {sq(kin.full(), 'person_name')}, '{kin.rel}', {sq(c.phone(kin.phone, 'dash'), 'phone')});"]
    return J(f"-- db/migration/V{v}__seed_demo_patients.sql",
             "-- Demo data for the sales sandbox.",
             f"-- TODO({D(c.staff().handle, 'person_name')}): these were exported from the training env – confirm they are fictional!",
             "", *lines, "")


@tpl("sql_seed")
def sql_seed_oracle_insert_all(c):
    lines = []
    for k in range(c.ri(2, 4)):
        pt = c.patient()
        adm = c.recent()
        dis = adm + dt.timedelta(days=c.ri(1, 7))
        lines.append(f"  INTO pat_enc (pat_enc_csn_id, pat_mrn_id, pat_name, birth_date, hosp_admsn_time, hosp_disch_time) VALUES "
                     f"({D(c.digits(9, True), 'internal_id')}, {sq(pt.mrn, 'mrn')}, {sq(fold(pt.family).upper() + ',' + fold(pt.given).upper(), 'person_name')}, "
                     f"TO_DATE({sq(fd(pt.dob, 'iso'), 'date')}, 'YYYY-MM-DD'), "
                     f"TO_DATE({sq(fd(adm, 'iso') + ' ' + f'{c.ri(0, 23):02d}:{c.ri(0, 59):02d}', 'date')}, 'YYYY-MM-DD HH24:MI'), "
                     f"TO_DATE({sq(fd(dis, 'iso') + ' ' + f'{c.ri(0, 23):02d}:{c.ri(0, 59):02d}', 'date')}, 'YYYY-MM-DD HH24:MI'))")
    return J("-- Clarity extract test data (Oracle) for the LOS report regression",
             f"-- see {c.ticket_key('RPT')}", "INSERT ALL", *lines, "SELECT * FROM dual;", "", "COMMIT;",
             "", f"-- {len(lines)} rows inserted.")


@tpl("sql_seed")
def sql_seed_sqlite_fixture(c):
    lines = []
    for k in range(c.ri(2, 4)):
        pt = c.patient()
        lines.append(f"INSERT INTO appointments VALUES({D(k + 1, 'internal_id')},{sq(pt.full(), 'person_name')},"
                     f"{sq(fd(pt.dob, 'iso'), 'date')},{sq(c.phone(pt.phone, 'paren'), 'phone')},"
                     f"{sq(fd(c.recent(dt.date(2026, 12, 1), dt.date(2027, 2, 1)), 'iso') + ' ' + c.c(['09:00', '10:30', '14:15']), 'date')},"
                     f"'{c.c(['reminder_sent', 'pending', 'confirmed'])}');")
    return J("$ sqlite3 reminders.db .dump", "PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
             "CREATE TABLE appointments(id INTEGER PRIMARY KEY, patient_name TEXT, dob TEXT, phone TEXT, starts_at TEXT, status TEXT);",
             *lines, "COMMIT;", "",
             "^ this is the local DB from the reminder bot repo. It was committed by accident in tests/data/ – "
             "please purge it from history.")


@tpl("sql_seed", crlf=0.3)
def sql_seed_pg_copy_stdin(c):
    rows = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        svc = c.recent()
        rows.append("\t".join([D(c.ri(10000, 99999), "internal_id"), P(pt.mrn, "mrn"), P(pt.full(), "person_name"),
                               P(fd(pt.dob, "iso"), "date"), P(fd(svc, "iso"), "date"), D(c.cpt()[0], "procedure_code"),
                               D(c.dx()[0], "diagnosis_code"), P(c.claim(), "other_id")]))
    return J("--", "-- PostgreSQL database dump (data only) – billing_stage.charge_line", "--", "",
             "SET statement_timeout = 0;", "SET client_encoding = 'UTF8';", "",
             "COPY billing_stage.charge_line (id, mrn, patient_name, dob, service_date, cpt, icd10, claim_no) FROM stdin;",
             *rows, "\\.", "", "--", "-- PostgreSQL database dump complete", "--")


@tpl("sql_seed")
def sql_seed_merge_guarantor(c):
    pt = c.patient(max_age=17)
    g = c.relative(pt, c.c([("mother", "MTH", "F"), ("father", "FTH", "M")]))
    g.dob = NOW - dt.timedelta(days=c.ri(24, 55) * 365 + c.ri(0, 300))
    g.ssn = c.ssn()
    return J(f"-- {c.ticket_key('RCM')}: guarantor for minor patients must be the parent, not self",
             "MERGE INTO billing.guarantor AS tgt",
             "USING (VALUES",
             f"    ({sq(pt.acct, 'account_number')}, {sq(g.family, 'person_name')}, {sq(g.given, 'person_name')}, "
             f"{sq(fd(g.dob, 'iso'), 'date')}, {sq(g.ssn, 'ssn')}, {sq(c.phone(g.phone, 'dash'), 'phone')}, '{g.rel}')",
             ") AS src (account_no, last_name, first_name, dob, ssn, phone, relationship)",
             "ON tgt.account_no = src.account_no",
             "WHEN MATCHED THEN UPDATE SET last_name = src.last_name, first_name = src.first_name, dob = src.dob,",
             "     ssn = src.ssn, phone = src.phone, relationship = src.relationship",
             "WHEN NOT MATCHED THEN INSERT (account_no, last_name, first_name, dob, ssn, phone, relationship)",
             "     VALUES (src.account_no, src.last_name, src.first_name, src.dob, src.ssn, src.phone, src.relationship);",
             "",
             f"-- patient on this account: {P(pt.full(), 'person_name')} (MRN {P(pt.mrn, 'mrn')}, DOB {P(fd(pt.dob, 'us'), 'date')})")


# ---------------------------------------------------------------------------
# clinical_note
# ---------------------------------------------------------------------------
def vitals(c, avoid=()):
    return (f"BP {c.ri(98, 178)}/{c.ri(54, 96)}, HR {c.ri(52, 118)}, RR {c.ri(12, 26)}, "
            f"T {round(c.r.uniform(36.1, 38.9), 1)} °C, SpO2 {c.ri(88, 100)}% {c.c(['RA', 'on 2 L NC', 'room air'])}")


def signed(c, st, when):
    return (f"Electronically signed by {D(st.full(), 'person_name')}, {st.cred} on "
            f"{D(fd(when, 'us') + ' ' + f'{c.ri(6, 22):02d}:{c.ri(0, 59):02d}', 'date')}")


def note_banner(c, pt, dos, style=None):
    style = style or c.c(["lines", "pipes", "tabbed"])
    if style == "lines":
        return J(f"Patient: {P(pt.lf(), 'person_name')}", f"DOB: {P(fd(pt.dob, 'us'), 'date')}",
                 f"MRN: {P(pt.mrn, 'mrn')}", f"Date of service: {P(fd(dos, 'us'), 'date')}")
    if style == "pipes":
        return (f"{P(pt.full().upper(), 'person_name')} | DOB {P(fd(pt.dob, 'us'), 'date')} | MRN {P(pt.mrn, 'mrn')} | "
                f"DOS {P(fd(dos, 'us'), 'date')} | {D(c.org['name'], 'facility')}")
    return J(f"Name:\t{P(pt.full(), 'person_name')}\tMRN:\t{P(pt.mrn, 'mrn')}",
             f"DOB:\t{P(fd(pt.dob, 'us'), 'date')}\tVisit:\t{P(fd(dos, 'us'), 'date')}")


def sex_word(pt, young=False):
    if young:
        return "girl" if pt.sex == "F" else "boy"
    return "woman" if pt.sex == "F" else "man"


@tpl("clinical_note", crlf=0.3)
def clinical_note_soap_smartquotes(c):
    pt = c.patient(min_age=25, max_age=97, old=0.3)
    md = c.staff(c.c(["MD", "DO", "NP"]))
    dos = c.recent()
    dx1, dx2 = c.r.sample(DX, 2)
    m1, m2 = c.r.sample(MEDS, 2)
    return J(
        "PROGRESS NOTE – OUTPATIENT", note_banner(c, pt, dos), "",
        "S:",
        f"{c.age_piece(pt.age)}-year-old {sex_word(pt)} here for follow-up of {D(dx1[1].split(',')[0].lower(), 'condition')}. "
        f"States “I’ve been more tired than usual” and “the new pill makes me dizzy when I stand up.” "
        f"Denies chest pain, fevers. Taking {D(m1, 'medication')} daily; missed a few doses of {D(m2, 'medication')}.",
        "",
        "O:",
        vitals(c),
        "Gen: NAD. CV: RRR, no murmur. Lungs: clear bilaterally. Ext: trace edema.",
        "",
        "A/P:",
        f"1. {D(dx1[1], 'condition')} ({D(dx1[0], 'diagnosis_code')}) – continue current plan, recheck labs in 3 months.",
        f"2. {D(dx2[1], 'condition')} ({D(dx2[0], 'diagnosis_code')}) – reduce {D(m2.split(' ')[0], 'medication')} dose; orthostatic precautions.",
        f"3. RTC {c.c(['4 weeks', '3 months', '6 weeks'])}, sooner if symptoms worsen.",
        "",
        signed(c, md, dos),
    )


@tpl("clinical_note")
def clinical_note_hp_bullets(c):
    pt = c.patient(min_age=40, max_age=98, old=0.3)
    kin = c.relative(pt)
    md = c.staff("MD")
    adm = c.recent()
    cc = c.c(["shortness of breath", "fall at home", "chest pain", "confusion", "abdominal pain", "fever and cough"])
    pmh = c.r.sample(CONDS, 3)
    meds = c.r.sample(MEDS, 3)
    b = c.b
    return J(
        "HISTORY AND PHYSICAL", note_banner(c, pt, adm, "lines"),
        f"Admitting: {D(md.full(), 'person_name')}, {md.cred}", "",
        f"Chief complaint: {cc}", "",
        "HPI:",
        f"{P(pt.first, 'person_name')} is a {c.age_piece(pt.age)} y/o {sex_word(pt)} with {D(pmh[0], 'condition')} and "
        f"{D(pmh[1], 'condition')} who presents with {cc} for {c.ri(1, 6)} days. History obtained from the patient and "
        f"{pt.sex == 'F' and 'her' or 'his'} {kin.rel}, {P(kin.full(), 'person_name')}.",
        "",
        "Past medical history:", *[f"{b}{D(x, 'condition')}" for x in pmh], "",
        "Home medications:", *[f"{b}{D(x, 'medication')} {c.c(['daily', 'BID', 'nightly', 'PRN'])}" for x in meds], "",
        f"Allergies: {c.c(['NKDA', 'penicillin (rash)', 'sulfa (hives)', 'codeine (nausea)'])}",
        "",
        "Social history:",
        f"{b}Lives {c.c(['alone', 'with spouse', 'with ' + kin.rel])} at {P(pt.addr['street'], 'street_address')}, "
        f"{P(pt.addr['city'], 'street_address')}",
        f"{b}{c.c(['Never smoker', 'Former smoker, quit 2009', '1 ppd x 30 years'])}; {c.c(['no alcohol', 'social alcohol', '2–3 beers/day'])}",
        "",
        f"Emergency contact: {P(kin.full(), 'person_name')} ({kin.rel}) {P(c.phone(kin.phone), 'phone')}",
        "",
        f"Exam: {vitals(c)}",
        "",
        f"Assessment/Plan: admit to {c.c(UNITS)}; {c.c(['IV diuresis', 'IV antibiotics', 'telemetry, serial troponins', 'CT head, neuro checks'])}.",
        signed(c, md, adm),
    )


@tpl("clinical_note", crlf=1.0)
def clinical_note_discharge_summary_crlf(c):
    pt = c.patient(min_age=18, max_age=99)
    md, pcp = c.staff("MD"), c.staff("MD")
    adm = c.recent()
    dis = adm + dt.timedelta(days=c.ri(2, 12))
    fu = dis + dt.timedelta(days=c.ri(5, 14))
    dx = c.dx()
    meds = c.r.sample(MEDS, 3)
    return J(
        f"{D(c.org['name'], 'facility')}",
        "DISCHARGE SUMMARY",
        "",
        f"Patient Name:   {P(pt.lfm(), 'person_name')}",
        f"MRN:            {P(pt.mrn, 'mrn')}",
        f"Account #:      {P(pt.acct, 'account_number')}",
        f"DOB:            {P(fd(pt.dob, 'us'), 'date')}",
        f"Admit Date:     {P(fd(adm, 'us'), 'date')}",
        f"Discharge Date: {P(fd(dis, 'us'), 'date')}",
        f"Attending:      {D(md.full(), 'person_name')}, {md.cred}",
        f"PCP:            {D(pcp.full(), 'person_name')}",
        "",
        f"Principal diagnosis: {D(dx[1], 'condition')} ({D(dx[0], 'diagnosis_code')})",
        "",
        "Hospital course:",
        f"Patient admitted with {D(dx[1].split(',')[0].lower(), 'condition')}. Treated with {D(c.c(['IV antibiotics', 'IV furosemide', 'heparin drip', 'fluids and electrolyte repletion']), 'medication')} "
        f"with steady improvement. {c.c(['PT/OT recommended home with services.', 'Ambulating independently at discharge.', 'Case management arranged home oxygen.'])}",
        "",
        "Discharge medications:",
        *[f"  {i + 1}) {D(m, 'medication')} – {c.c(['once daily', 'twice daily', 'at bedtime'])}" for i, m in enumerate(meds)],
        "",
        f"Follow-up: {D(pcp.full(), 'person_name')} on {P(fd(fu, 'us'), 'date')} at {c.ri(8, 15)}:{c.c(['00', '15', '30', '45'])}.",
        f"Disposition: {c.c(['Home', 'Home with home health', 'SNF', 'Acute rehab'])}",
        "",
        signed(c, md, dis),
    )


@tpl("clinical_note")
def clinical_note_ed_triage(c):
    pt = c.patient(min_age=2, max_age=98, old=0.3)
    kin = c.relative(pt)
    rn = c.staff("RN")
    arr = c.recent()
    t = f"{c.ri(0, 23):02d}{c.ri(0, 59):02d}"
    cc = c.c(["fall, hit head", "chest pain x2h", "SOB", "abd pain", "laceration L hand", "fever", "weakness"])
    return J(
        f"ED TRIAGE NOTE – {D(c.org['name'], 'facility')}",
        f"Arrival: {P(fd(arr, 'us') + ' ' + t, 'date')}   Mode: {c.c(['EMS', 'private vehicle', 'walk-in', 'wheelchair'])}",
        f"Pt: {P(pt.full(), 'person_name')}   {c.age_piece(pt.age)}{pt.sex}   DOB {P(fd(pt.dob, 'us1'), 'date')}   MRN {P(pt.mrn, 'mrn')}",
        "",
        f"CC: “{cc}”",
        f"Triage vitals: {vitals(c)}",
        f"Pain {c.ri(0, 10)}/10. ESI {c.ri(2, 4)}.",
        f"Accompanied by {kin.rel} {P(kin.full(), 'person_name')}, cell {P(c.phone(kin.phone), 'phone')}.",
        f"Meds per {kin.rel}: {D(c.med(), 'medication')}, {D(c.med(), 'medication')}.",
        f"Isolation screen neg. Fall risk: {c.c(['high', 'low'])}.",
        "",
        f"– {D(rn.full(), 'person_name')}, {rn.cred}",
    )


@tpl("clinical_note", crlf=0.3)
def clinical_note_jira_noformat(c):
    pt = c.patient(min_age=18)
    rep, asg, md = c.staff(), c.staff(), c.staff("MD")
    dos = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    return J(
        f"{c.ticket_key('EHR')} – Note stuck in “Pending sign” after the SmartText update",
        jira_people(c, rep, asg),
        "",
        f"{D(md.full(), 'person_name')} can’t sign this note; the Sign button is greyed out. Text copied from the note:",
        "{noformat}",
        note_banner(c, pt, dos, "pipes"),
        "",
        "Interval history: " + c.c([
            f"Seen today for post-op check after {D('laparoscopic cholecystectomy', 'procedure_code')}. Incisions healing well.",
            f"Follow-up for {D(c.c(CONDS), 'condition')}. Feeling better; no new complaints.",
            f"Telehealth visit. Reviewed home BP log (averages 130s/80s)."]),
        f"Plan: continue {D(c.med(), 'medication')}. Return in {c.ri(2, 12)} weeks.",
        "@SMARTLINK_PENDING_ORDERS@",
        "{noformat}",
        "",
        f"Note the unresolved SmartLink at the end – looks like the new build broke it. {handle(asg)}",
    )


@tpl("clinical_note")
def clinical_note_sbar_handoff(c):
    pt = c.patient(min_age=30, max_age=99, old=0.35)
    rn1, rn2, md = c.staff("RN"), c.staff("RN"), c.staff("MD")
    adm = c.recent()
    b = c.b
    return J(
        f"SBAR handoff – {c.c(UNITS)} rm {c.ri(1, 40)}{c.c('AB')}",
        f"From {D(rn1.full(), 'person_name')} → {D(rn2.full(), 'person_name')}",
        "",
        f"S – {P(pt.full(), 'person_name')}, {c.age_piece(pt.age)}{pt.sex}, admitted {P(fd(adm, 'us1'), 'date')} for "
        f"{D(c.c(CONDS), 'condition')}. New {c.c(['O2 requirement', 'confusion since 0200', 'drop in UOP', 'fever 38.6'])}.",
        f"B – Hx {D(c.c(CONDS), 'condition')}, {D(c.c(CONDS), 'condition')}. Code status: {c.c(['Full', 'DNR/DNI', 'DNR, OK to intubate'])}.",
        f"A – {vitals(c)}. {c.c(['Lungs with crackles at bases.', 'Alert, oriented x2.', 'Foley draining ~20 mL/h.'])}",
        f"R – Paged {D(md.full(), 'person_name')} ({D(c.c(['pgr ', 'x']) + c.digits(4), 'staff_contact')}); awaiting call back. "
        f"Recheck vitals q1h.",
        "",
        f"{b}Family: {c.c(['daughter at bedside', 'wife calling for updates', 'son is POA'])}",
        f"{b}Lines: {c.c(['PIV x2', 'PICC R arm', 'PIV L forearm'])}",
        f"{b}Pending: {c.c(['BMP, lactate', 'CXR read', 'blood cultures x2'])}",
    )


@tpl("clinical_note", crlf=0.3)
def clinical_note_telephone_encounter(c):
    pt = c.patient(min_age=50, max_age=99)
    kin = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "wife", "husband", "granddaughter")]))
    rn, md = c.staff("RN"), c.staff("MD")
    call = c.recent()
    med = c.med()
    return J(
        "Telephone Encounter",
        f"{P(pt.lf(), 'person_name')} · MRN {P(pt.mrn, 'mrn')} · DOB {P(fd(pt.dob, 'us'), 'date')}",
        f"Call date: {D(fd(call, 'us'), 'date')}   Call taken by: {D(rn.full(), 'person_name')}, {rn.cred}",
        "",
        f"Caller: {P(kin.full(), 'person_name')} ({kin.rel}) – callback {P(c.phone(kin.phone), 'phone')}",
        f"Reason: {kin.rel.capitalize()} reports patient has been {c.c(['more short of breath', 'confused since yesterday', 'not eating', 'having black stools'])} "
        f"since starting {D(med, 'medication')}.",
        "",
        "Triage (per protocol):",
        "– No chest pain, no fainting.",
        f"– Weight up {c.ri(2, 6)} lb in 3 days." if c.chance(0.5) else "– Afebrile per caller.",
        "",
        f"Disposition: appointment made with {D(md.full(), 'person_name')} on {P(fd(call + dt.timedelta(days=c.ri(1, 3)), 'us'), 'date')}. "
        f"Advised ED if worse. {kin.rel.capitalize()} verbalized understanding.",
        f"Pharmacy on file: {c.c(['CVS', 'Walgreens', 'Rite Aid', 'Walmart'])} #{c.ri(1000, 19999)}",
    )


@tpl("clinical_note")
def clinical_note_op_note(c):
    pt = c.patient(min_age=35, max_age=95)
    sur, anes = c.staff("MD"), c.staff("MD")
    dos = c.recent()
    proc = c.c([("27447", "Right total knee arthroplasty", "tibial and femoral components"),
                ("27130", "Left total hip arthroplasty", "acetabular cup and femoral stem"),
                ("33208", "Dual-chamber pacemaker insertion", "pulse generator"),
                ("63030", "L4-L5 laminotomy and discectomy", "none")])
    sn = c.device_serial()
    return J(
        "OPERATIVE REPORT", note_banner(c, pt, dos, c.c(["lines", "tabbed"])), "",
        f"Surgeon: {D(sur.full(), 'person_name')}, {sur.cred}",
        f"Anesthesia: {c.c(['General', 'Spinal', 'MAC'])} – {D(anes.full(), 'person_name')}, {anes.cred}",
        f"Procedure: {D(proc[1], 'procedure_code')} (CPT {D(proc[0], 'procedure_code')})",
        f"Pre-op diagnosis: {D(c.c(CONDS), 'condition')}",
        "",
        "Description:",
        f"The patient was identified in pre-op by name and DOB. Time-out performed. "
        f"{c.c(['Standard approach', 'Medial parapatellar approach', 'Posterior approach', 'Left subclavian access'])} used. "
        f"EBL {c.ri(20, 450)} mL. No complications.",
        "",
        "Implants:",
        (f"{c.b}{proc[2]} – serial {P(sn, 'device_id')}, UDI {P(c.udi(), 'device_id')}" if proc[2] != "none"
         else f"{c.b}None"),
        "",
        f"Disposition: PACU, stable. Post-op check on {P(fd(dos + dt.timedelta(days=1), 'us'), 'date')}.",
        signed(c, sur, dos),
    )


@tpl("clinical_note")
def clinical_note_nursing_fall(c):
    pt = c.patient(min_age=65, max_age=99, old=0.4)
    kin = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "wife", "husband")]))
    rn, md = c.staff("RN"), c.staff("MD")
    when = c.recent()
    t = f"{c.ri(0, 23):02d}:{c.ri(0, 59):02d}"
    return J(
        "Nursing Event Note – Patient Fall",
        f"{P(pt.full(), 'person_name')}  ({c.age_piece(pt.age, '{a} yrs')})  MRN {P(pt.mrn, 'mrn')}  Rm {c.ri(401, 699)}",
        "",
        f"At {t} on {P(fd(when, 'us'), 'date')} patient found sitting on the floor next to the bed. States “I was trying to get "
        f"to the bathroom.” Bed alarm was {c.c(['on but not sounding', 'off', 'on'])}.",
        f"{c.b}Assessment: no visible injury, denies head strike, neuro checks WNL.",
        f"{c.b}{vitals(c)}",
        f"{c.b}Notified {D(md.full(), 'person_name')} at {t[:2]}:{min(59, int(t[3:]) + 5):02d}; no new orders besides q4h neuro checks.",
        f"{c.b}{kin.rel.capitalize()} {P(kin.full(), 'person_name')} notified by phone at {P(c.phone(kin.phone, 'dash'), 'phone')}.",
        f"{c.b}Safety report filed (RL #{c.ri(10000, 99999)}).",
        "",
        f"{D(rn.full(), 'person_name')}, {rn.cred}",
    )


@tpl("clinical_note", crlf=0.4)
def clinical_note_referral_letter(c):
    pt = c.patient(min_age=18)
    pcp, spec = c.staff("MD"), c.staff("MD")
    d = c.recent()
    dx = c.dx()
    title = c.c(["Ms.", "Mrs."]) if pt.sex == "F" else "Mr."
    return J(
        f"{D(c.org['name'], 'facility')}",
        f"{c.ri(100, 9999)} {c.c(['Medical Park Dr', 'Hospital Way', 'Health Center Blvd'])}, Suite {c.ri(100, 450)}",
        f"Tel {D(c.phone(pcp.work_phone, 'paren'), 'staff_contact')} · Fax {D(c.phone(c.phone_parts(), 'paren'), 'staff_contact')}",
        "",
        f"{D(fd(d, 'month'), 'date')}",
        "",
        f"{D('Dr. ' + spec.full(), 'person_name')}",
        f"{c.c(['Cardiology', 'Gastroenterology', 'Neurology', 'Endocrinology', 'Rheumatology'])} Associates",
        "",
        f"RE: {D(title, 'title')} {P(pt.full(), 'person_name')}",
        f"DOB: {P(fd(pt.dob, 'month'), 'date')}",
        f"Address: {c.addr_line(pt.addr)}",
        f"Phone: {P(c.phone(pt.phone), 'phone')}",
        f"Insurance: {c.c(PAYERS)[0]}, ID {P(pt.member, 'health_plan_id')}",
        "",
        f"Dear Dr. {D(spec.family, 'person_name')},",
        "",
        f"Thank you for seeing {D(title, 'title')} {P(pt.family, 'person_name')}, whom I am referring for evaluation of "
        f"{D(dx[1].split(',')[0].lower(), 'condition')} ({D(dx[0], 'diagnosis_code')}). "
        f"{c.c(['Symptoms have progressed over the last three months despite treatment.', 'Recent labs are attached.', 'The patient would prefer an afternoon appointment.'])} "
        f"Current medications include {D(c.med(), 'medication')} and {D(c.med(), 'medication')}.",
        "",
        "Please don’t hesitate to call me with any questions.",
        "",
        "Sincerely,",
        f"{D(pcp.full(), 'person_name')}, {pcp.cred}",
    )


@tpl("clinical_note")
def clinical_note_geriatric_consult(c):
    pt = c.patient(min_age=90, max_age=104)
    kin = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "granddaughter", "niece")]))
    md = c.staff("MD")
    dos = c.recent()
    fmt = c.c(["{a}-year-old", "{a} y/o", "{a}yo", "{a} year old"])
    if fmt.startswith("{a}-") or fmt.startswith("{a} "):
        age_txt = P(str(pt.age), "age_over_89") + fmt[3:]
    else:
        age_txt = P(fmt.format(a=pt.age), "age_over_89")
    return J(
        "GERIATRICS CONSULT", note_banner(c, pt, dos), "",
        f"Requested by: {D(c.staff('MD').full(), 'person_name')} (hospitalist) for {c.c(['delirium', 'falls', 'polypharmacy review', 'goals of care'])}",
        "",
        (lambda cc: f"{age_txt} {sex_word(pt)} with {D('dementia', 'condition')}, {D(cc[0], 'condition')} and "
         f"{D(cc[1], 'condition')}.")(c.r.sample([x for x in CONDS if x != 'dementia'], 2)) + f" Lives with {kin.rel} {P(kin.full(), 'person_name')} at {P(pt.addr['street'], 'street_address')}. "
        f"Baseline: walks with a walker, needs help with bathing.",
        "",
        f"Medications reviewed ({c.ri(9, 17)} total). Recommend stopping {D(c.c(['diphenhydramine', 'oxybutynin', 'zolpidem', 'glyburide']), 'medication')} "
        f"(Beers list) and reducing {D(c.c(MED_NAMES), 'medication')}.",
        "",
        f"Goals of care discussed with {kin.rel} (HCP) by phone {P(c.phone(kin.phone), 'phone')}: "
        f"{c.c(['DNR/DNI, continue current treatment', 'full code for now, family meeting Friday', 'comfort-focused care'])}.",
        "",
        signed(c, md, dos),
    )


# ---------------------------------------------------------------------------
# csv_claims
# ---------------------------------------------------------------------------
def money(c, lo=40, hi=9000):
    return f"{c.ri(lo, hi)}.{c.ri(0, 99):02d}"


def csvq(v, kind, phi=True, always=False):
    """CSV cell, quoted when it holds a comma (or always)."""
    piece = P(v, kind) if phi else D(v, kind)
    return f'"{piece}"' if always or "," in v else piece


@tpl("csv_claims", crlf=0.4)
def csv_claims_837_extract(c):
    hdr = "claim_id,patient_last,patient_first,dob,member_id,dos,cpt,icd10_1,icd10_2,billed,rendering_npi,payer,status"
    rows = []
    for _ in range(c.ri(4, 7)):
        pt = c.patient()
        d1, d2 = c.r.sample(DX, 2)
        rows.append(",".join([P(c.claim(), "other_id"), csvq(pt.family, "person_name"), csvq(pt.given, "person_name"),
                              P(fd(pt.dob, "iso"), "date"), P(pt.member, "health_plan_id"), P(fd(c.recent(), "iso"), "date"),
                              D(c.cpt()[0], "procedure_code"), D(d1[0], "diagnosis_code"), D(d2[0], "diagnosis_code"),
                              money(c), D(c.npi(), "other_id"), c.c(PAYERS)[0].replace(",", ""),
                              c.c(["ACCEPTED", "REJECTED", "PENDED", "PAID", "DENIED"])]))
    return J(hdr, *rows)


@tpl("csv_claims", crlf=0.5)
def csv_claims_excel_denials_paste(c):
    rep, asg = c.staff(), c.staff()
    rows = ["Claim #\tPatient\tDOB\tDOS\tPayer\tMember ID\tCARC\tDenied $\tWork queue"]
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append("\t".join([P(c.claim(), "other_id"), P(pt.lf(), "person_name"), P(fd(pt.dob, "us1"), "date"),
                               P(fd(c.recent(), "us1"), "date"), c.c(PAYERS)[0], P(pt.member, "health_plan_id"),
                               c.c(["CO-16", "CO-197", "CO-50", "PR-204", "CO-29", "CO-11"]), f"${money(c)}",
                               c.c(["Auth", "Coding", "Eligibility", "Timely filing"])]))
    return J(
        f"{c.ticket_key('RCM')}: {c.c(['Spike in CO-197 denials', 'Timely filing denials from one payer', 'Auth denials on imaging'])} – need root cause",
        jira_people(c, rep, asg),
        "",
        "Pasted from the denial workbench export (Excel):",
        *rows,
        "",
        "Most of these are the same clinic and the same week. Could the auth number not be crossing to loop 2300 REF*G1?",
    )


@tpl("csv_claims", crlf=0.6)
def csv_claims_quoted_address(c):
    hdr = '"Account","Patient Name","Birth Date","Address","City","ST","ZIP","Phone","Balance","Last Stmt"'
    rows = []
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        a = pt.addr
        street = a["street"] + (" " + a["unit"] if a["unit"] else "")
        rows.append(",".join([csvq(pt.acct, "account_number", always=True), csvq(pt.lf(), "person_name", always=True),
                              csvq(fd(pt.dob, "us"), "date", always=True), csvq(street, "street_address", always=True),
                              csvq(a["city"], "street_address", always=True), f'"{D(a["state"], "state")}"',
                              csvq(a["zip"], "zip_code", always=True), csvq(c.phone(pt.phone, "paren"), "phone", always=True),
                              f'"{money(c, 10, 4000)}"', f'"{fd(c.recent(dt.date(2026, 9, 1)), "us")}"']))
    return J(f"Self-pay statement file – {c.c(['bad address returns', 'collections placement', 'returned mail'])} batch", "",
             hdr, *rows)


@tpl("csv_claims")
def csv_claims_pipe_remit(c):
    rows = ["CLM_NO|PAT_CTRL_NO|PAT_NAME|MEMBER_ID|SVC_FROM|SVC_TO|BILLED|ALLOWED|PAID|PT_RESP|CARC"]
    for _ in range(c.ri(4, 7)):
        pt = c.patient()
        d = c.recent()
        rows.append("|".join([P(c.claim(), "other_id"), P(pt.acct, "account_number"),
                              P(fold(pt.family).upper() + " " + fold(pt.given).upper(), "person_name"),
                              P(pt.member, "health_plan_id"), P(fd(d, "hl7"), "date"), P(fd(d, "hl7"), "date"),
                              money(c), money(c, 20, 3000), money(c, 0, 2500), money(c, 0, 400),
                              c.c(["", "45", "2", "1", "3", "45;2"])]))
    return J(f"# remit_{c.digits(8)}.txt — pulled from the clearinghouse SFTP, {c.c(PAYERS)[0]} batch", *rows,
             f"TRAILER|{len(rows) - 1}|{money(c, 9000, 90000)}")


@tpl("csv_claims", crlf=0.3)
def csv_claims_jira_code_block(c):
    rep, asg = c.staff(), c.staff()
    rows = ["claim_no,account,last_name,first_name,dob,dos,rejection"]
    for _ in range(c.ri(3, 5)):
        pt = c.patient()
        rows.append(",".join([P(c.claim(), "other_id"), P(pt.acct, "account_number"), csvq(pt.family, "person_name"),
                              csvq(pt.given, "person_name"), P(fd(pt.dob, "us"), "date"), P(fd(c.recent(), "us"), "date"),
                              c.c(["2010BA NM109 invalid", "Subscriber DOB mismatch", "Invalid rendering NPI", "Missing PAN"])]))
    return J(
        f"h3. {c.ticket_key('EDI')} Clearinghouse rejections after the {c.c(['5010 map', 'payer ID', 'taxonomy'])} change",
        jira_people(c, rep, asg, "tabbed"),
        "",
        "The 277CA came back with these (CSV from the clearinghouse portal):",
        "{code:title=rejections.csv}",
        *rows,
        "{code}",
        "",
        f"# Fix the map",
        f"# Resubmit as frequency code 1 (not 7 – these never accepted)",
        f"{handle(asg)} please take the map change.",
    )


@tpl("csv_claims")
def csv_claims_835_lines(c):
    rows = ["payer,check_no,check_date,clp01_patient_ctrl,clp07_payer_claim,patient,member_id,svc_date,cpt,billed,paid,cas"]
    chk = c.digits(9, True)
    ck_date = c.recent(dt.date(2026, 9, 1))
    payer = c.c(PAYERS)[0]
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append(",".join([payer, chk, fd(ck_date, "iso"), P(pt.acct, "account_number"), P(c.claim(), "other_id"),
                              csvq(pt.lf(), "person_name"), P(pt.member, "health_plan_id"), P(fd(c.recent(), "iso"), "date"),
                              D(c.cpt()[0], "procedure_code"), money(c), money(c, 0, 3000),
                              c.c(["CO-45", "PR-1", "PR-2", "CO-45;PR-3", "OA-23"])]))
    return J(*rows)


@tpl("csv_claims", crlf=0.4)
def csv_claims_ub04_extract(c):
    rows = ["FL03_PCN,FL03b_MRN,FL06_FROM,FL06_THRU,FL08_NAME,FL10_DOB,FL12_ADMIT,FL04_TOB,FL42_REV,FL44_HCPCS,FL47_CHG,FL67_PDX,DRG"]
    for _ in range(c.ri(3, 6)):
        pt = c.patient(min_age=18)
        adm = c.recent()
        dis = adm + dt.timedelta(days=c.ri(1, 9))
        rows.append(",".join([P(pt.acct, "account_number"), P(pt.mrn, "mrn"), P(fd(adm, "us"), "date"),
                              P(fd(dis, "us"), "date"), csvq(fold(pt.family).upper() + ", " + fold(pt.given).upper(), "person_name"),
                              P(fd(pt.dob, "us"), "date"), P(fd(adm, "us"), "date"), c.c(["0111", "0121", "0131"]),
                              c.c(["0120", "0250", "0300", "0450", "0636"]), D(c.cpt()[0], "procedure_code"), money(c, 300, 60000),
                              D(c.dx()[0], "diagnosis_code"), str(c.c([291, 292, 193, 194, 470, 871, 690, 392]))]))
    return J(*rows)


@tpl("csv_claims")
def csv_claims_pharmacy_ndc(c):
    rows = ["rx_number,fill_date,member_id,patient_name,dob,ndc,drug,qty,days_supply,ingredient_cost,copay,prescriber_npi"]
    drugs = [("00093-7214-01", "atorvastatin 40 mg tab"), ("00378-1805-01", "metformin 500 mg tab"),
             ("00071-0155-23", "apixaban 5 mg tab"), ("68180-0512-01", "lisinopril 10 mg tab"),
             ("00054-4297-25", "prednisone 20 mg tab"), ("00088-2220-33", "insulin glargine 100 U/mL"),
             ("00173-0682-20", "albuterol HFA 90 mcg"), ("50090-2869-0", "sertraline 50 mg tab")]
    for _ in range(c.ri(4, 7)):
        pt = c.patient()
        ndc, drug = c.c(drugs)
        rows.append(",".join([P("RX" + c.digits(7, True), "other_id"), P(fd(c.recent(), "iso"), "date"),
                              P(pt.member, "health_plan_id"), csvq(pt.full(), "person_name"), P(fd(pt.dob, "iso"), "date"),
                              D(ndc, "drug_code"), D(drug, "medication"), str(c.c([30, 60, 90])), str(c.c([30, 90])),
                              money(c, 3, 600), money(c, 0, 45), D(c.npi(), "other_id")]))
    return J(*rows)


@tpl("csv_claims", crlf=1.0)
def csv_claims_bom_crlf(c):
    rows = ["\ufeffMember ID,Subscriber Name,Patient Name,Relationship,Patient DOB,Claim Number,Service Date,Provider,Billed,Status"]
    for _ in range(c.ri(3, 5)):
        pt = c.patient(max_age=25) if c.chance(0.5) else c.patient()
        if pt.age < 26 and c.chance(0.7):
            sub = c.relative(pt, c.c([("mother", "MTH", "F"), ("father", "FTH", "M")]))
            rel = "Child"
        else:
            sub, rel = pt, "Self"
        rows.append(",".join([P(pt.member, "health_plan_id"), csvq(sub.lf(), "person_name", always=True),
                              csvq(pt.lf(), "person_name", always=True), rel, P(fd(pt.dob, "us"), "date"),
                              P(c.claim(), "other_id"), P(fd(c.recent(), "us"), "date"),
                              f'"{D(c.org["name"], "facility")}"', money(c), c.c(["Processed", "In review", "Denied"])]))
    return J(*rows)


@tpl("csv_claims")
def csv_claims_markdown_appeals(c):
    rows = ["| Appeal | Claim # | Patient | DOB | DOS | Payer | Reason | Due |", "|---|---|---|---|---|---|---|---|"]
    for _ in range(c.ri(3, 6)):
        pt = c.patient()
        rows.append(f"| AP-{c.ri(1000, 9999)} | {P(c.claim(), 'other_id')} | {P(pt.full(), 'person_name')} | "
                    f"{P(fd(pt.dob, 'us'), 'date')} | {P(fd(c.recent(), 'us'), 'date')} | {c.c(PAYERS)[0]} | "
                    f"{c.c(['medical necessity', 'no auth', 'bundling (NCCI)', 'level of care', 'experimental'])} | "
                    f"{fd(c.recent(dt.date(2026, 12, 10), dt.date(2027, 2, 28)), 'us')} |")
    owner = c.staff()
    return J("### Open level-1 appeals (from appeals tracker.xlsx)", "", *rows, "",
             f"Owner: {D(owner.full(), 'person_name')} · refresh weekly from the tracker")


@tpl("csv_claims", crlf=0.3)
def csv_claims_834_roster(c):
    rows = ["subscriber_ssn,member_id,mbi,last,first,dob,gender,addr1,city,state,zip,phone,coverage_start,plan"]
    for _ in range(c.ri(3, 5)):
        pt = c.patient(min_age=65, max_age=98)
        a = pt.addr
        start = dt.date(c.c([2025, 2026]), c.ri(1, 12), 1)
        rows.append(",".join([P(pt.ssn.replace("-", "") if c.chance(0.5) else pt.ssn, "ssn"), P(pt.member, "health_plan_id"),
                              P(pt.mbi, "medicare_mbi"), csvq(pt.family, "person_name"), csvq(pt.given, "person_name"),
                              P(fd(pt.dob, "hl7"), "date"), pt.sex, csvq(a["street"], "street_address"),
                              csvq(a["city"], "street_address"), D(a["state"], "state"), P(a["zip"], "zip_code"),
                              P(c.phone(pt.phone, "plain"), "phone"), D(fd(start, "hl7"), "date"),
                              c.c(["MA-PPO", "MA-HMO", "D-SNP", "PDP"])]))
    return J(*rows)


# ---------------------------------------------------------------------------
# patient_email
# ---------------------------------------------------------------------------
def sent_hdr(c, d, style=None):
    h, m = c.ri(1, 12), c.ri(0, 59)
    style = style or c.c(["outlook", "rfc", "short"])
    if style == "outlook":
        return d.strftime("%A, ") + fd(d, "month") + f" {h}:{m:02d} {c.c(['AM', 'PM'])}"
    if style == "rfc":
        return d.strftime("%a, %d %b %Y ") + f"{h + c.c([0, 12]) % 24:02d}:{m:02d}:{c.ri(0, 59):02d} {c.c(['-0500', '-0400', '-0600', '-0700'])}"
    return f"{fd(d, 'us1')} {h}:{m:02d} {c.c(['AM', 'PM'])}"


def mailbox(c, name):
    return D(f"{name}@{c.org['dom']}", "staff_contact")


@tpl("patient_email", crlf=0.5)
def patient_email_outlook_forward(c):
    pt = c.patient(min_age=20)
    st, st2 = c.staff(), c.staff("RN")
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    appt = d + dt.timedelta(days=c.ri(3, 30))
    return J(
        f"From: {D(st.full(), 'person_name')} <{D(st.email, 'staff_contact')}>",
        f"Sent: {D(sent_hdr(c, d + dt.timedelta(days=1), 'outlook'), 'date')}",
        f"To: {D(st2.full(), 'person_name')} <{D(st2.email, 'staff_contact')}>",
        "Subject: FW: Question about my procedure prep",
        "",
        f"{D(st2.first, 'person_name')} – can you call this patient back? {'She' if pt.sex == 'F' else 'He'} is on your schedule. Thx",
        "",
        "________________________________",
        f"From: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"Sent: {D(sent_hdr(c, d, 'outlook'), 'date')}",
        f"To: {c.org['short']} GI Scheduling <{mailbox(c, 'gi.scheduling')}>",
        "Subject: Question about my procedure prep",
        "",
        "Hi,",
        f"I’m scheduled for a colonoscopy on {P(fd(appt, c.c(['month', 'us1'])), 'date')} and I’m confused about the prep. "
        f"The paper says “clear liquids only the day before” but the portal says two days. Which one is right?",
        f"Also I take {D(c.c(['apixaban', 'warfarin', 'clopidogrel', 'metformin']), 'medication')} – do I stop it?",
        "",
        "Thanks,",
        f"{P(pt.full(), 'person_name')}",
        f"DOB {P(fd(pt.dob, 'us'), 'date')}",
        f"{P(c.phone(pt.phone), 'phone')}",
    )


@tpl("patient_email")
def patient_email_appointment_request_eml(c):
    pt = c.patient(min_age=18)
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    mid = f"<{c.hexs(16)}@{c.c(['mail.gmail.com', 'yahoo.com', 'outlook.com'])}>"
    return J(
        f"Return-Path: <{P(pt.email, 'email')}>",
        f"Date: {D(sent_hdr(c, d, 'rfc'), 'date')}",
        f"From: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"To: {mailbox(c, 'appointments')}",
        f"Subject: Appointment – {c.c(['new patient', 'follow up', 'need to reschedule'])}",
        f"Message-ID: {mid}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=\"UTF-8\"",
        "Content-Transfer-Encoding: 8bit",
        "",
        "Hello,",
        "",
        f"I would like to {c.c(['schedule a follow-up', 'reschedule my appointment', 'book a new patient visit'])} with "
        f"Dr. {D(c.staff('MD').family, 'person_name')}. I’m available {c.c(['Tuesday or Thursday mornings', 'any afternoon next week', 'after 3pm'])}.",
        "",
        f"My info: {P(pt.full(), 'person_name')}, born {P(fd(pt.dob, c.c(['month', 'us', 'dmon'])), 'date')}, "
        f"insurance {c.c(PAYERS)[0]} (member ID {P(pt.member, 'health_plan_id')}).",
        f"Best number: {P(c.phone(pt.phone), 'phone')}",
        "",
        "Thank you!",
        f"{P(pt.first, 'person_name')}",
    )


@tpl("patient_email", crlf=0.3)
def patient_email_records_to_specialist(c):
    pt = c.patient(min_age=18)
    a, b = c.staff(), c.staff("MD")
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    adm = d - dt.timedelta(days=c.ri(3, 30))
    dx = c.dx()
    return J(
        f"From: {D(a.full(), 'person_name')} <{D(a.email, 'staff_contact')}>",
        f"To: {D(b.full(), 'person_name')} <{D(b.email, 'staff_contact')}>",
        f"Date: {D(sent_hdr(c, d), 'date')}",
        f"Subject: [SECURE] Records for Thursday’s clinic – {P(pt.family, 'person_name')}",
        "",
        f"Dr. {D(b.family, 'person_name')},",
        "",
        "Attached are the records you asked for ahead of the visit:",
        f"{c.b}Patient: {P(pt.full(), 'person_name')}",
        f"{c.b}DOB: {P(fd(pt.dob, 'us'), 'date')}",
        f"{c.b}MRN: {P(pt.mrn, 'mrn')}",
        f"{c.b}Recent admission: {P(fd(adm, 'us'), 'date')} for {D(dx[1], 'condition')} ({D(dx[0], 'diagnosis_code')})",
        f"{c.b}Home address on file: {c.addr_line(pt.addr)}",
        "",
        "Imaging is on the PACS share; the CD from the outside hospital is in your box.",
        "",
        f"{D(a.full(), 'person_name')}",
        f"{a.role}, {D(c.org['name'], 'facility')}",
        f"Direct {D(c.phone(a.work_phone, 'dash'), 'staff_contact')}",
        "",
        "CONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you received it in error, "
        "delete it and notify the sender.",
    )


@tpl("patient_email", crlf=0.4)
def patient_email_billing_reply_quoted(c):
    pt = c.patient(min_age=22)
    ag = c.staff()
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 1))
    svc = d - dt.timedelta(days=c.ri(20, 90))
    return J(
        f"From: {c.org['short']} Patient Financial Services <{mailbox(c, 'pfs')}>",
        f"To: {P(pt.email, 'email')}",
        f"Date: {D(sent_hdr(c, d + dt.timedelta(days=2)), 'date')}",
        "Subject: RE: Why was I billed?",
        "",
        f"Dear {P(pt.full(), 'person_name')},",
        "",
        f"Thank you for reaching out. The balance on account {P(pt.acct, 'account_number')} is your plan’s deductible for "
        f"the visit on {P(fd(svc, 'us'), 'date')}. If you’d like a payment plan, reply to this email or call "
        f"{D(c.phone(ag.work_phone, 'one'), 'staff_contact')}.",
        "",
        f"Sincerely,\n{D(ag.full(), 'person_name')}\nPatient Financial Services",
        "",
        f"On {D(sent_hdr(c, d, 'short'), 'date')}, {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}> wrote:",
        f"> I got a bill for ${money(c, 50, 900)} but my insurance should have covered it.",
        f"> My member ID is {P(pt.member, 'health_plan_id')}. Can you resubmit?",
        f"> {P(pt.first, 'person_name')}",
        f"> {P(c.phone(pt.phone), 'phone')}",
    )


@tpl("patient_email")
def patient_email_caregiver_daughter(c):
    pt = c.patient(min_age=90, max_age=102)
    dau = c.relative(pt, c.c([r for r in RELATIONS if r[0] in ("daughter", "son", "granddaughter")]))
    md = c.staff("MD")
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    who = "Mom" if pt.sex == "F" else "Dad"
    if dau.rel == "granddaughter":
        who = "Grandma" if pt.sex == "F" else "Grandpa"
    return J(
        f"From: {P(dau.full(), 'person_name')} <{P(dau.email, 'email')}>",
        f"Sent: {D(sent_hdr(c, d, 'outlook'), 'date')}",
        f"To: {D(md.full(), 'person_name')} <{D(md.email, 'staff_contact')}>",
        f"Subject: {who} – {P(pt.full(), 'person_name')}",
        "",
        f"Dr. {D(md.family, 'person_name')},",
        "",
        f"I’m writing about my {'mother' if who == 'Mom' else 'father' if who == 'Dad' else 'grandmother' if who == 'Grandma' else 'grandfather'}, "
        f"{P(pt.full(), 'person_name')} (DOB {P(fd(pt.dob, 'us'), 'date')}). "
        f"{who} turned {P(str(pt.age), 'age_over_89')} last {c.c(['month', 'spring', 'week'])} and since the new "
        f"{D(c.c(MED_NAMES), 'medication')} she’s been {c.c(['sleeping most of the day', 'very unsteady', 'confused at night', 'eating very little'])}."
        if pt.sex == "F" else
        f"I’m writing about my {'father' if who == 'Dad' else 'grandfather'}, {P(pt.full(), 'person_name')} "
        f"(DOB {P(fd(pt.dob, 'us'), 'date')}). {who} is {P(str(pt.age), 'age_over_89')} and since the new "
        f"{D(c.c(MED_NAMES), 'medication')} he’s been {c.c(['sleeping most of the day', 'very unsteady', 'confused at night', 'eating very little'])}.",
        "",
        f"I’m the healthcare proxy (form is on file). Could someone call me at {P(c.phone(dau.phone), 'phone')}? "
        f"{who} still lives at {P(pt.addr['street'], 'street_address')} but I’m there most days.",
        "",
        "Thank you so much,",
        f"{P(dau.given, 'person_name')}",
        "",
        "Sent from my iPhone",
    )


@tpl("patient_email", crlf=0.4)
def patient_email_fax_cover(c):
    pt = c.patient()
    st, to = c.staff(), c.staff("MD")
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    return J(
        f"From: eFax Service <{mailbox(c, 'efax-noreply')}>",
        f"Date: {D(sent_hdr(c, d, 'rfc'), 'date')}",
        f"Subject: Fax delivery confirmation – {c.ri(2, 18)} pages to {D(c.phone(to.work_phone, 'paren'), 'staff_contact')}",
        "",
        "Your fax was delivered successfully.",
        "",
        "──────── FAX COVER SHEET ────────",
        f"To:\t{D('Dr. ' + to.full(), 'person_name')}",
        f"Fax:\t{D(c.phone(to.work_phone, 'paren'), 'staff_contact')}",
        f"From:\t{D(st.full(), 'person_name')}, {D(c.org['name'], 'facility')}",
        f"Phone:\t{D(c.phone(st.work_phone, 'paren'), 'staff_contact')}",
        f"Re:\t{P(pt.lf(), 'person_name')}  DOB {P(fd(pt.dob, 'us'), 'date')}  MRN {P(pt.mrn, 'mrn')}",
        f"Pages:\t{c.ri(2, 18)} (incl. cover)",
        "",
        f"☐ Urgent  ☒ For review  ☐ Please reply",
        f"Comments: {c.c(['Referral packet + last 2 office notes', 'Pre-op clearance labs', 'Sleep study report as requested', 'Hospital discharge paperwork'])}",
        "",
        "The documents accompanying this fax contain confidential health information.",
        "──────────────────────────────",
    )


@tpl("patient_email")
def patient_email_lab_question(c):
    pt = c.patient(min_age=25)
    rn = c.staff("RN")
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    coll = d - dt.timedelta(days=c.ri(1, 6))
    lab = c.c(LABS)
    val = round(c.r.uniform(*lab[4]), 1)
    return J(
        "MyChart message (copied into the ticket by the nurse):",
        "",
        f"From: {P(pt.full(), 'person_name')}",
        f"To: {c.c(['Internal Medicine', 'Family Medicine', 'Cardiology'])} Clinic Pool",
        f"Sent: {D(sent_hdr(c, d, 'short'), 'date')}",
        f"Subject: question about my {lab[1]}",
        "",
        f"Hi, I saw my {lab[1]} came back at {val} {lab[2]} (flagged). The range says {lab[3]}. Should I be worried? "
        f"Blood was drawn on {P(fd(coll, 'us1'), 'date')}. Thanks – {P(pt.first, 'person_name')}",
        "",
        "—",
        "",
        f"From: {D(rn.full(), 'person_name')}, {rn.cred}",
        f"Sent: {D(sent_hdr(c, d + dt.timedelta(days=1), 'short'), 'date')}",
        "",
        f"Hello {P(pt.first, 'person_name')}, Dr. {D(c.staff('MD').family, 'person_name')} reviewed your result. It is slightly outside the range "
        f"and we’d like to repeat it in {c.c(['2 weeks', '1 month', '3 months'])}. I’ve placed the order. "
        f"No need to fast. Please call {D(c.phone(rn.work_phone, 'dash'), 'staff_contact')} with questions.",
    )


@tpl("patient_email", crlf=0.3)
def patient_email_refill_request(c):
    pt = c.patient(min_age=30)
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    med = c.med()
    return J(
        f"From: {P(pt.email, 'email')}",
        f"To: {mailbox(c, 'refills')}",
        f"Date: {D(sent_hdr(c, d), 'date')}",
        f"Subject: refill please – {D(med.split(' ')[0], 'medication')}",
        "",
        "hi",
        f"can you send a refill of my {D(med, 'medication')} to the new pharmacy, I moved. "
        f"its the {c.c(['CVS', 'Walgreens', 'Walmart'])} on {c.c(['Main St', 'Route 9', 'Broad St', 'Central Ave'])}.",
        f"my new address is {c.addr_line(pt.addr)}",
        f"name {P(pt.full(), 'person_name')} birthday {P(fd(pt.dob, c.c(['us2', 'us1', 'month'])), 'date')}",
        "",
        "thx",
        "",
        "Sent from Yahoo Mail on Android",
    )


@tpl("patient_email")
def patient_email_insurance_change(c):
    pt = c.patient(min_age=21)
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    eff = dt.date(2027, 1, 1) if d.month >= 11 else dt.date(d.year, d.month, 1) + dt.timedelta(days=31)
    eff = eff.replace(day=1)
    new_member = c.member_id()
    img = f"IMG_{c.ri(1000, 9999)}.jpg"
    return J(
        f"From: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"Sent: {D(sent_hdr(c, d, 'outlook'), 'date')}",
        f"To: Registration <{mailbox(c, 'registration')}>",
        "Subject: New insurance starting next month",
        f"Attachments: card_front.jpg; card_back.jpg; {P(img, 'photo')}",
        "",
        "Hello,",
        "",
        f"My employer switched plans. Starting {D(fd(eff, 'month'), 'date')} I’ll have "
        f"{c.c(PAYERS[:8])[0]} instead of my old plan (ID {P(pt.member, 'health_plan_id')}).",
        "",
        f"New member ID: {P(new_member, 'health_plan_id')}",
        f"Group #: {D(c.digits(6, True), 'other_id')}",
        f"Subscriber: me ({P(pt.full(), 'person_name')}, DOB {P(fd(pt.dob, 'us'), 'date')})",
        "",
        f"I attached both sides of the card, and {P(img, 'photo')} is my driver’s license since the front desk asked for ID last time.",
        f"Phone {P(c.phone(pt.phone), 'phone')} if you need anything.",
        "",
        "Thanks,",
        f"{P(pt.first, 'person_name')}",
    )


@tpl("patient_email", crlf=0.3)
def patient_email_spanish(c):
    pt = c.patient(culture=c.c(["mexican", "puerto_rican", "colombian", "spanish"]))
    rec = c.staff()
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    cita = d + dt.timedelta(days=c.ri(2, 20))
    return J(
        f"De: {P(pt.full(), 'person_name')} <{P(pt.email, 'email')}>",
        f"Enviado: {D(fd(d, 'us') + ' ' + f'{c.ri(8, 20)}:{c.ri(0, 59):02d}', 'date')}",
        f"Para: Citas <{mailbox(c, 'citas')}>",
        "Asunto: Cambio de cita / reprogramar",
        "",
        "Buenos días:",
        "",
        f"Tengo una cita el {P(fd(cita, 'us'), 'date')} con la doctora {D(c.staff('MD').family, 'person_name')} "
        f"pero no puedo ir porque trabajo ese día. ¿Me pueden dar otra cita por la tarde?",
        f"Mi fecha de nacimiento es {P(fd(pt.dob, 'dot').replace('.', '/'), 'date')} y mi número de expediente es {P(pt.mrn, 'mrn')}.",
        f"Mi teléfono: {P(c.phone(pt.phone), 'phone')}",
        "",
        "Muchas gracias,",
        f"{P(pt.full(), 'person_name')}",
        "",
        "—",
        f"[Nota interna de {D(rec.full(), 'person_name')}: paciente prefiere español; cita movida, confirmada por teléfono.]",
    )


@tpl("patient_email")
def patient_email_html_remnants(c):
    pt = c.patient(min_age=20)
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    visit = d - dt.timedelta(days=c.ri(1, 20))
    return J(
        f"From: {P(pt.full(), 'person_name')} &lt;{P(pt.email, 'email')}&gt;",
        f"Date: {D(sent_hdr(c, d), 'date')}",
        f"To: {mailbox(c, 'patientrelations')}",
        "Subject: Complaint about my ER visit",
        "",
        '<div dir="ltr">Hello,<br><br>',
        f"I was in the emergency room on {P(fd(visit, 'month'), 'date')} and waited {c.ri(5, 11)} hours.&nbsp; Nobody told me "
        f"what was going on and my {c.c(['wife', 'husband', 'mother', 'son'])} had to ask three times for water.<br><br>",
        f"I’d like someone to call me at {P(c.phone(pt.phone), 'phone')}.&nbsp; My address for any letters is "
        f"{P(pt.addr['street'], 'street_address')}, {P(pt.addr['city'], 'street_address')} {D(pt.addr['state'], 'state')} "
        f"{P(pt.addr['zip'], 'zip_code')}.<br><br>",
        f"{P(pt.full(), 'person_name')}<br>",
        '</div><div class="gmail_signature">Sent from my phone</div>',
    )


# ===========================================================================
# clean families: hard, but no patient anywhere
# ===========================================================================
def svc_host(c):
    return c.c(["ifc-prd-01", "ifc-prd-02", "fhir-gw-7f9c", "claims-api-2", "etl-worker-03", "portal-web-5", "mirth-a"]) \
        + "." + c.c(["corp.local", "prod.internal", "svc.cluster.local"])


def ver(c):
    return f"{c.ri(1, 9)}.{c.ri(0, 24)}.{c.ri(0, 12)}"


# ---------------------------------------------------------------------------
# clean_stack_trace
# ---------------------------------------------------------------------------
@tpl("clean_stack_trace", crlf=0.2)
def clean_stack_trace_java_npe_jira(c):
    rep, asg = c.staff(), c.staff()
    day = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    ts = sorted(c.log_ts(day) for _ in range(3))
    pkg = c.c(["org.lakeshore.adt", "com.mercyvalley.iface", "org.riverbend.hl7", "com.harborpoint.integration"])
    corr = c.uuid()
    return J(
        f"{c.ticket_key('INT')}: NPE in PidMapper when PID-11 repeats are empty",
        jira_people(c, rep, asg),
        f"Created: {c.jira_created()}   Affects version: {ver(c)}   Environment: PRD ({svc_host(c)})",
        "",
        "Happens ~40 times/day. No data is lost – message goes to the error queue and is replayed after the fix.",
        "{code:java}",
        f"{ts[0]} ERROR [pool-{c.ri(1, 9)}-thread-{c.ri(1, 30)}] {pkg}.route.AdtRoute - Failed to transform message corrId={corr}",
        "java.lang.NullPointerException: Cannot invoke \"ca.uhn.hl7v2.model.v251.datatype.XAD.getStreetAddress()\" because \"addr\" is null",
        f"\tat {pkg}.mapping.PidMapper.mapAddress(PidMapper.java:{c.ri(80, 300)})",
        f"\tat {pkg}.mapping.PidMapper.map(PidMapper.java:{c.ri(30, 79)})",
        f"\tat {pkg}.route.AdtRoute.transform(AdtRoute.java:{c.ri(50, 200)})",
        "\tat org.apache.camel.processor.DelegateSyncProcessor.process(DelegateSyncProcessor.java:63)",
        "\tat org.apache.camel.impl.engine.CamelInternalProcessor.process(CamelInternalProcessor.java:398)",
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
        "\tat java.base/java.lang.Thread.run(Thread.java:840)",
        f"{ts[1]} WARN  [pool-{c.ri(1, 9)}-thread-{c.ri(1, 30)}] {pkg}.route.ErrorHandler - moved corrId={corr} to queue ADT.ERR (depth {c.ri(1, 300)})",
        "{code}",
        "",
        "Root cause: `getAddressRepetitions()` returns a null element when the sender emits `~~` (empty repeat). "
        f"Fix: skip null repeats. PR linked. {handle(asg)}",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_python_traceback(c):
    rep = c.staff()
    dag = c.c(["claims_daily_load", "fhir_bulk_ingest", "adt_census_snapshot", "quality_measures_nightly"])
    run = f"scheduled__{c.log_ts()[:10]}T0{c.ri(1, 6)}:00:00+00:00"
    return J(
        f"Airflow task failed – {dag}.{c.c(['transform', 'load_stage', 'validate'])} (try 3 of 3)",
        f"Owner: {D(rep.full(), 'person_name')} · run_id {run}",
        "",
        "```",
        f"[{c.log_ts()}] {{taskinstance.py:2698}} ERROR - Task failed with exception",
        "Traceback (most recent call last):",
        f'  File "/opt/airflow/dags/{dag}/transform.py", line {c.ri(40, 400)}, in normalize_patient',
        '    dob = parse_date(resource["birthDate"])',
        "KeyError: 'birthDate'",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "Traceback (most recent call last):",
        f'  File "/opt/airflow/dags/{dag}/transform.py", line {c.ri(400, 600)}, in run',
        "    rows = [normalize_patient(r) for r in batch]",
        f'  File "/opt/airflow/dags/{dag}/transform.py", line {c.ri(40, 400)}, in normalize_patient',
        '    raise RecordError(f"Patient/{resource[\'id\']} missing birthDate") from None',
        f"etl.errors.RecordError: Patient/{D(c.uuid(), 'internal_id')} missing birthDate",
        "```",
        "",
        f"Python {c.c(['3.11.9', '3.12.4'])}, apache-airflow {c.c(['2.9.3', '2.10.2'])}, fhir.resources 7.1.0.",
        "birthDate is optional in US Core for unknown-DOB patients; the transform should default to NULL instead of failing the batch.",
    )


@tpl("clean_stack_trace", crlf=1.0)
def clean_stack_trace_dotnet_sql_timeout(c):
    rep, asg = c.staff(), c.staff()
    return J(
        f"Bug {c.ri(10000, 99999)}: Eligibility batch times out after 30 s on {c.c(['Mondays', 'month-end', 'the 1st business day'])}",
        f"Assigned To: {D(asg.full(), 'person_name')}   Created By: {D(rep.full(), 'person_name')}",
        "",
        "Unhandled exception. System.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  "
        "The timeout period elapsed prior to completion of the operation or the server is not responding.",
        " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.",
        "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
        "   at System.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream)",
        "   at System.Data.SqlClient.SqlDataReader.TryConsumeMetaData()",
        f"   at RevCycle.Eligibility.BatchRepository.GetPendingAsync(DateTime runDate) in C:\\build\\src\\RevCycle.Eligibility\\BatchRepository.cs:line {c.ri(40, 260)}",
        f"   at RevCycle.Eligibility.Worker.ExecuteAsync(CancellationToken stoppingToken) in C:\\build\\src\\RevCycle.Eligibility\\Worker.cs:line {c.ri(30, 120)}",
        f"ClientConnectionId:{c.uuid()}",
        f"Error Number:-2,State:0,Class:11",
        "",
        f"Server: {c.c(['SQLPRD-AG1', 'RCMDB02', 'EDWSQL01'])}\\{c.c(['RCM', 'ELIG', 'EDW'])} ({c.priv_ip()},1433). "
        f"Query plan shows a scan on dbo.CoverageRequest (~{c.ri(8, 90)}M rows). Adding the filtered index from the PR.",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_node_econnreset(c):
    rep = c.staff()
    ip = c.priv_ip()
    return J(
        f"**{c.ticket_key('PORTAL')} – appointment widget blank; API logs below**",
        f"reported by {D(rep.full(), 'person_name')}", "",
        "```text",
        f"{c.log_ts()} [api] GET /api/v2/appointments?from=today 502 {c.ri(3000, 31000)} ms",
        "(node:1) UnhandledPromiseRejectionWarning: FetchError: request to "
        f"https://{ip}:8443/fhir/r4/Appointment?_count=50&date=ge{c.log_ts()[:10]} failed, reason: socket hang up",
        "    at ClientRequest.<anonymous> (/app/node_modules/node-fetch/lib/index.js:1501:11)",
        "    at ClientRequest.emit (node:events:519:28)",
        "    at TLSSocket.socketOnEnd (node:_http_client:524:9)",
        "    at endReadableNT (node:internal/streams/readable:1696:12) {",
        "  type: 'system',",
        "  errno: 'ECONNRESET',",
        "  code: 'ECONNRESET'",
        "}",
        "```", "",
        f"- node {c.c(['18.20.4', '20.17.0', '22.9.0'])}, node-fetch 2.7.0, behind {c.c(['F5', 'NGINX', 'an AWS ALB'])}",
        f"- The FHIR server’s keep-alive is 5 s, ours is 60 s – classic stale socket reuse",
        "- Fix: set `agent: new https.Agent({ keepAlive: true, maxSockets: 50, timeout: 4000 })`",
    )


@tpl("clean_stack_trace", crlf=0.3)
def clean_stack_trace_hl7_parser(c):
    rep, asg = c.staff(), c.staff()
    when = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    m, ctrl = msh(c, "ADT^A08", when, "2.5.1")
    return J(
        f"{c.ticket_key('HL7')} HAPI parser rejects messages with a trailing segment delimiter",
        f"{jira_people(c, rep, asg)}",
        "",
        "{noformat}",
        f"{c.log_ts(when)} ERROR c.u.h.p.PipeParser - Failed to parse message control id {ctrl}",
        "ca.uhn.hl7v2.HL7Exception: Can't parse message beginning MSH|^~\\&|" + m.split("|")[2] + "|",
        "\tat ca.uhn.hl7v2.parser.PipeParser.doParse(PipeParser.java:273)",
        "\tat ca.uhn.hl7v2.parser.Parser.parse(Parser.java:212)",
        "Caused by: ca.uhn.hl7v2.validation.ValidationException: Segment name '' is not valid (empty segment after \\r\\r)",
        "{noformat}",
        "",
        "Header of one failing message (body omitted on purpose – it has patient data):",
        "{noformat}",
        m,
        "{noformat}",
        "",
        f"The sender ({c.c(SEND_APPS)}) started appending an extra CR after the {c.c(['last OBX', 'PV1', 'last segment'])} "
        f"with their {ver(c)} upgrade. Option: strip trailing empty segments in the pre-processor script.",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_go_panic(c):
    rep = c.staff()
    return J(
        f"#{c.ri(100, 2000)} claims-router panics on empty 835 batch",
        f"Opened by {D('@' + rep.handle, 'person_name')} · label: bug, p2", "",
        "```",
        "panic: runtime error: index out of range [0] with length 0",
        "",
        f"goroutine {c.ri(20, 900)} [running]:",
        "github.com/riverbend-health/claims-router/internal/remit.(*Parser).firstCLP(...)",
        f"\t/src/internal/remit/parser.go:{c.ri(60, 240)}",
        "github.com/riverbend-health/claims-router/internal/remit.(*Parser).Parse(0xc0001a2000, {0xc000412000, 0x3e, 0x200})",
        f"\t/src/internal/remit/parser.go:{c.ri(20, 59)} +0x{c.hexs(3)}",
        "github.com/riverbend-health/claims-router/internal/worker.(*Worker).handle(0xc000118090, {0xc0003a4c00?, 0x1?})",
        f"\t/src/internal/worker/worker.go:{c.ri(80, 200)} +0x{c.hexs(3)}",
        "created by github.com/riverbend-health/claims-router/internal/worker.(*Worker).Start in goroutine 1",
        f"\t/src/internal/worker/worker.go:{c.ri(40, 79)} +0x{c.hexs(2)}",
        "```", "",
        f"Build {c.hexs(7)} (go{c.c(['1.22.6', '1.23.2'])}). The payer sends a zero-claim 835 (BPR with $0, no CLP) when there is nothing to pay. "
        "We should treat that as a no-op and ACK it.",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_kibana_json(c):
    rep = c.staff()
    trace = c.hexs(32)
    lines = []
    for lvl, msg in [("INFO", "request start"), ("WARN", "upstream slow"), ("ERROR", "circuit breaker open"),
                     ("ERROR", "request failed")]:
        lines.append(json.dumps({"@timestamp": c.log_ts().replace(" ", "T") + "Z", "log.level": lvl,
                                 "service.name": c.c(["fhir-gateway", "patient-api"]), "trace.id": trace,
                                 "http.request.method": "GET", "url.path": "/fhir/r4/Patient/$everything",
                                 "host.ip": c.priv_ip(), "message": msg}, ensure_ascii=False))
    return J(
        f"Kibana export (Discover → Share → CSV, reformatted) for trace {trace}:", "",
        *lines, "",
        f"{D(rep.full(), 'person_name')}: `$everything` on large charts takes >30 s and trips the breaker. "
        "Proposal: force `_count` paging and async `$everything`.",
    )


@tpl("clean_stack_trace", crlf=0.4)
def clean_stack_trace_sql_deadlock(c):
    rep, asg = c.staff(), c.staff()
    return J(
        f"{c.ticket_key('DATA')} Deadlocks between the ADT upsert job and the census report",
        jira_people(c, rep, asg),
        "",
        "From the system_health XE session:",
        "{code:xml}",
        "<deadlock>",
        " <victim-list>",
        f'  <victimProcess id="process{c.hexs(12)}" />',
        " </victim-list>",
        " <process-list>",
        f'  <process id="process{c.hexs(12)}" taskpriority="0" waitresource="KEY: 7:{c.digits(17)} ({c.hexs(12)})" '
        f'lockMode="U" spid="{c.ri(50, 400)}" clientapp="AdtUpsert" hostname="{svc_host(c).split(".")[0].upper()}" isolationlevel="read committed (2)">',
        "   <inputbuf>MERGE dbo.Encounter AS t USING #stage AS s ON t.EncounterKey = s.EncounterKey ...</inputbuf>",
        "  </process>",
        f'  <process id="process{c.hexs(12)}" spid="{c.ri(50, 400)}" clientapp="SSRS" isolationlevel="repeatable read (3)">',
        "   <inputbuf>SELECT UnitCode, COUNT(*) FROM dbo.Encounter WITH (REPEATABLEREAD) WHERE DischargeDttm IS NULL GROUP BY UnitCode</inputbuf>",
        "  </process>",
        " </process-list>",
        "</deadlock>",
        "{code}",
        "",
        "Fix: census report doesn’t need REPEATABLEREAD – switch to RCSI snapshot. No data impact.",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_operationoutcome(c):
    rep = c.staff()
    oo = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "invariant", "diagnostics": "us-core-6: Patient.name SHALL have family or given or a data-absent-reason",
         "expression": ["Patient.name[0]"]},
        {"severity": "error", "code": "structure", "diagnostics": "Patient.birthDate: '2026-13-01' is not a valid date",
         "expression": ["Patient.birthDate"]},
        {"severity": "warning", "code": "code-invalid",
         "diagnostics": "None of the codings provided are in the value set 'Race' (urn:oid:2.16.840.1.113883.4.642.40.2.48.1)",
         "expression": ["Patient.extension[0]"]}]}
    return J(
        f"Validator output for the synthetic fixture `patient-missing-name.json` ({c.ticket_key('FHIR')})",
        f"– {D(rep.full(), 'person_name')}", "",
        "```json", json.dumps(oo, indent=2), "```", "",
        f"Validator {c.c(['6.3.24', '6.4.0'])}, IG hl7.fhir.us.core#{c.c(['6.1.0', '7.0.0'])}. The fixture is intentionally invalid "
        "(negative test); the date 2026-13-01 is a deliberately impossible month.",
    )


@tpl("clean_stack_trace")
def clean_stack_trace_k8s_crashloop(c):
    rep = c.staff()
    pod = f"{c.c(['mirth-connect', 'fhir-gateway', 'hl7-listener'])}-{c.hexs(10)}-{c.hexs(5)}"
    return J(
        f"{c.ticket_key('PLAT')} – pod in CrashLoopBackOff after the JVM flag change",
        f"{D(rep.full(), 'person_name')} pasted:", "",
        "```",
        f"$ kubectl -n integration describe pod {pod}",
        "...",
        "    State:          Waiting",
        "      Reason:       CrashLoopBackOff",
        "    Last State:     Terminated",
        "      Reason:       OOMKilled",
        "      Exit Code:    137",
        f"    Limits:  memory: {c.c(['2Gi', '3Gi', '4Gi'])}",
        "Events:",
        "  Type     Reason     Age                  From     Message",
        f"  Warning  BackOff    {c.ri(1, 9)}m{c.ri(0, 59)}s (x{c.ri(10, 80)} over {c.ri(20, 59)}m)  kubelet  Back-off restarting failed container",
        f"  Normal   Pulled     {c.ri(1, 9)}m                  kubelet  Container image \"registry.local/{pod.rsplit('-', 2)[0]}:{ver(c)}\" already present",
        "",
        f"$ kubectl -n integration logs {pod} --previous | tail -3",
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)",
        "\tat com.mirth.connect.server.Mirth.startup(Mirth.java:210)",
        "```", "",
        "-Xmx was raised to the container limit, so the JVM has no headroom for metaspace. Set MaxRAMPercentage=75 instead.",
    )


# ---------------------------------------------------------------------------
# clean_meeting_notes
# ---------------------------------------------------------------------------
def bridge(c):
    return c.c([f"+1 {c.c(['872', '646', '312', '415', '929'])}-{c.ri(200, 899)}-{c.digits(4)},,{c.digits(9)}#",
                f"1-{c.c(['888', '877', '866'])}-{c.ri(200, 899)}-{c.digits(4)}"])


@tpl("clean_meeting_notes", crlf=0.3)
def clean_meeting_notes_confluence_standup(c):
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    ppl = [c.staff() for _ in range(5)]
    return J(
        f"{fd(d, 'iso')} Interfaces stand-up",
        f"Created by {D(ppl[0].full(), 'person_name')}, last modified on {fd(d, 'mon')}",
        "",
        "h2. Attendees",
        *[f"* [~{D(p.handle, 'person_name')}]" for p in ppl],
        "",
        "h2. Discussion",
        "||Time||Item||Who||Notes||",
        f"|5 min|ADT error queue|{D(ppl[1].first, 'person_name')}|{c.ri(3, 60)} msgs, all from the empty PID-11 repeat bug ({c.ticket_key('INT')})|",
        f"|5 min|Lab results latency|{D(ppl[2].first, 'person_name')}|p95 back under 90 s after the thread-pool change|",
        f"|10 min|Cerner cut-over dry run|{D(ppl[3].first, 'person_name')}|dry run #{c.ri(2, 5)} on {fd(d + dt.timedelta(days=c.ri(3, 20)), 'mon')}, 22:00–02:00|",
        "",
        "h2. Action items",
        f"[] {D(ppl[1].full(), 'person_name')} to deploy the null-repeat fix to TST",
        f"[] {D(ppl[4].full(), 'person_name')} to confirm the downtime window with the lab vendor",
    )


@tpl("clean_meeting_notes", crlf=0.6)
def clean_meeting_notes_teams_invite_forward(c):
    org, fw = c.staff(), c.staff()
    d = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 20))
    br = bridge(c)
    conf_id = f"{c.ri(100, 999)} {c.ri(100, 999)} {c.ri(100, 999)}#"
    return J(
        "-----Original Appointment-----",
        f"From: {D(org.full(), 'person_name')} <{D(org.email, 'staff_contact')}>",
        f"Sent: {sent_hdr(c, d - dt.timedelta(days=7), 'outlook')}",
        f"To: {D(fw.full(), 'person_name')}; Interface Team; Lab IS",
        f"Subject: {c.c(['Lab go-live readiness review', 'Downtime procedures walkthrough', 'FHIR API onboarding – vendor kickoff'])}",
        f"When: {d.strftime('%A, ')}{fd(d, 'month')} {(lambda h: f'{h}:00 AM-{h + 1}:00 AM' if h < 11 else '11:00 AM-12:00 PM')(c.ri(8, 11))} (UTC-05:00) Eastern Time (US & Canada).",
        "Where: Microsoft Teams Meeting",
        "",
        "________________________________________________________________________________",
        "Microsoft Teams meeting",
        "Join on your computer, mobile app or room device",
        f"Meeting ID: {c.ri(200, 299)} {c.ri(100, 999)} {c.ri(100, 999)} {c.ri(100, 999)}",
        f"Passcode: {c.letters(2)}{c.digits(1)}{c.letters(3).lower()}",
        "Or call in (audio only)",
        f"{br}   United States, Chicago",
        f"Phone Conference ID: {conf_id}",
        "________________________________________________________________________________",
        "",
        f"Agenda: {c.b}open issues  {c.b}cut-over checklist  {c.b}go/no-go criteria",
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_retro(c):
    ppl = [c.staff() for _ in range(4)]
    spr = c.ri(40, 140)
    return J(
        f"## Sprint {spr} retro – Patient Access squad",
        f"Facilitator: {D(ppl[0].full(), 'person_name')} · Note-taker: {D(ppl[1].full(), 'person_name')}",
        "",
        "### 😀 What went well",
        f"{c.b}Eligibility retries shipped without a rollback",
        f"{c.b}Pairing with the front-desk supervisors on the new registration screen",
        f"{c.b}{D(ppl[2].first, 'person_name')}’s dashboard for 270/271 latency",
        "",
        "### 😕 What didn’t",
        f"{c.b}TST refresh took 3 days – blocked UAT",
        f"{c.b}Too many “quick” asks via Teams DM instead of tickets",
        "",
        "### 🎯 Try next sprint",
        f"1. Refresh TST on Fridays only ({D(ppl[3].first, 'person_name')})",
        "2. WIP limit of 3 per person",
        f"3. Demo on {c.c(['Thursday', 'Wednesday'])} so the managers can attend",
    )


@tpl("clean_meeting_notes", crlf=0.4)
def clean_meeting_notes_cab_minutes(c):
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    ppl = [c.staff() for _ in range(4)]
    rows = []
    for _ in range(c.ri(3, 5)):
        w = d + dt.timedelta(days=c.ri(1, 9))
        rows.append(f"|CHG{c.digits(7, True)}|{c.c(['Mirth 4.5.2 patch', 'Epic SU install', 'F5 cert renewal', 'PACS router firmware', 'SQL AG failover test'])}|"
                    f"{fd(w, 'us')} 22:00–02:00|{D(c.c(ppl).full(), 'person_name')}|{c.c(['Approved', 'Approved w/ conditions', 'Deferred'])}|")
    return J(
        f"h1. CAB minutes – {fd(d, 'month')}",
        f"Chair: {D(ppl[0].full(), 'person_name')}   Scribe: {D(ppl[1].full(), 'person_name')}",
        "",
        "||Change||Description||Window||Implementer||Decision||",
        *rows,
        "",
        "h3. Notes",
        f"* Freeze starts {fd(dt.date(2026, 12, 18), 'mon')} – emergency changes only until {fd(dt.date(2027, 1, 4), 'mon')}.",
        "* All changes touching interfaces need a back-out plan with the replay steps spelled out.",
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_informatics_committee(c):
    ppl = [c.staff(c.c(["MD", "RN", "PharmD"])) for _ in range(5)]
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    return J(
        f"Clinical Informatics Committee – {fd(d, 'month')}",
        "Attendees: " + ", ".join(f"{D(p.full(), 'person_name')} ({p.cred})" for p in ppl),
        "",
        "1. Sepsis BPA – override rate",
        f"   {c.b}Override rate {c.ri(48, 78)}% last quarter (target < 50%). Most overrides cite “chronic lactate elevation” "
        f"in {D('cirrhosis', 'condition')}.",
        f"   {c.b}Decision: add a {D('liver disease', 'condition')} exclusion for the lactate criterion; pilot on 2 units.",
        "2. Anticoagulation order set",
        f"   {c.b}Add {D('apixaban', 'medication')} renal dosing panel; retire the {D('dabigatran', 'medication')} default.",
        f"   {c.b}Pharmacy ({D(ppl[2].family, 'person_name')}) to bring dosing table to next meeting.",
        "3. Alert fatigue",
        f"   {c.b}Duplicate-therapy alerts fire ~{c.ri(200, 900)}/day for {D('acetaminophen', 'medication')} PRN + scheduled. Suppress when routes differ.",
        "",
        f"Next meeting: {fd(d + dt.timedelta(days=28), 'month')}, 7:00 AM, Conf Rm {c.c(['B', '3A', 'Osler'])}.",
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_teams_recap(c):
    ppl = [c.staff() for _ in range(3)]
    return J(
        "Meeting recap (Copilot) – edited",
        f"Speakers: {', '.join(D(p.full(), 'person_name') for p in ppl)}",
        "",
        f"00:01:12  {D(ppl[0].first, 'person_name')}: Goal today is to agree on the retention policy for interface logs.",
        f"00:04:40  {D(ppl[1].first, 'person_name')}: Right now we keep raw HL7 for 400 days in the engine DB – that’s PHI at rest in a place without the same controls.",
        f"00:07:05  {D(ppl[2].first, 'person_name')}: Compliance is fine with 30 days raw, then metadata only (control ID, type, timestamps, status).",
        f"00:12:31  {D(ppl[0].first, 'person_name')}: Agreed. Purge job nightly at 02:00; archive metadata to the log store.",
        "",
        "Action items",
        f"{c.b}{D(ppl[1].full(), 'person_name')}: write the purge script and test on TST",
        f"{c.b}{D(ppl[2].full(), 'person_name')}: update the data retention standard (section 4.2)",
    )


@tpl("clean_meeting_notes", crlf=0.3)
def clean_meeting_notes_vendor_call(c):
    ppl = [c.staff() for _ in range(3)]
    vend = c.staff()
    vendor = c.c(["Rhapsody", "Redox", "Health Gorilla", "Availity", "Change Healthcare", "Surescripts"])
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    return J(
        f"{vendor} weekly call – {fd(d, 'us')}",
        f"Us: {', '.join(D(p.full(), 'person_name') for p in ppl)}",
        f"{vendor}: {D(vend.full(), 'person_name')} (TAM), support line {D(c.phone(vend.work_phone, 'one'), 'staff_contact')}",
        "",
        f"1) Case #{c.digits(8, True)} – intermittent TLS handshake failures. Vendor sees our client offering TLS 1.1; "
        "we confirmed the old Java 8 node is still in the pool. Decommission by month end.",
        f"2) Rate limits – we hit {c.ri(40, 120)} req/s at 08:00. Vendor will raise to 150 req/s for the prod tenant.",
        f"3) Roadmap – FHIR R4 Subscription (topic-based) GA in Q{c.ri(1, 4)} 2027.",
        "4) Next call moved to Thursday because of the holiday.",
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_command_center(c):
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    ppl = [c.staff() for _ in range(4)]
    rows = ["Time\tUnit\tIssue\tTicket\tOwner\tStatus"]
    for _ in range(c.ri(4, 7)):
        rows.append("\t".join([f"{c.ri(6, 23):02d}:{c.ri(0, 59):02d}", c.c(UNITS),
                               c.c(["label printer not mapped", "BCMA scanner won’t pair", "order set missing favorites",
                                    "badge tap-in slow", "MAR not showing PRNs", "printer defaults to wrong tray"]),
                               c.ticket_key("GL"), D(c.c(ppl).full(), "person_name"), c.c(["Open", "Resolved", "Monitoring"])]))
    return J(
        f"Go-live command center – day {c.ri(1, 5)} ({fd(d, 'mon')})",
        f"Command center lead: {D(ppl[0].full(), 'person_name')}   Bridge: {bridge(c)}",
        "",
        *rows,
        "",
        (lambda o: f"Totals: {o} tickets opened, {o - c.ri(5, 30)} resolved. No patient-safety events reported.")(c.ri(40, 200)),
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_quality_council(c):
    ppl = [c.staff(c.c(["MD", "RN", "MSN, RN"])) for _ in range(3)]
    q = c.c(["Q2", "Q3"])
    return J(
        f"Quality & Patient Safety Council – {q} 2026 dashboard review",
        f"Present: {', '.join(D(p.full(), 'person_name') for p in ppl)}",
        "",
        "Metrics (house-wide, aggregate):",
        f"{c.b}Falls with injury: {round(c.r.uniform(0.2, 1.1), 2)} per 1,000 patient days (goal 0.5)",
        f"{c.b}CLABSI: {c.ri(1, 4)} events; SIR {round(c.r.uniform(0.3, 1.2), 2)}",
        f"{c.b}30-day readmission (HF): {round(c.r.uniform(14, 24), 1)}%",
        f"{c.b}Sepsis bundle compliance (SEP-1): {c.ri(55, 82)}%",
        "",
        "Discussion",
        f"– Falls are concentrated in patients aged 90 and older on the medicine units; {D(ppl[1].family, 'person_name')} "
        "proposed hourly rounding for that group.",
        f"– {D('CLABSI', 'condition')} events all involved femoral lines; refresh line-site education.",
        "",
        f"Next review: {c.c(['January', 'February'])} 2027.",
    )


@tpl("clean_meeting_notes")
def clean_meeting_notes_sprint_planning(c):
    ppl = [c.staff() for _ in range(4)]
    rows = []
    for summ in c.r.sample(['US Core 7 profile upgrade', 'Bulk export paging', 'Rate-limit headers', 'Audit log to SIEM',
                            'Dependabot backlog', 'Smart-on-FHIR launch fix', 'Remove TLS 1.1'], c.ri(4, 7)):
        rows.append(f"|{c.ticket_key(c.c(['FHIR', 'API', 'PORTAL']))}|{summ}|"
                    f"{D(c.c(ppl).full(), 'person_name')}|{c.c([1, 2, 3, 5, 8])}|")
    return J(
        f"h2. Sprint {c.ri(40, 160)} planning – capacity {c.ri(28, 45)} pts",
        f"PO: {D(ppl[0].full(), 'person_name')}   SM: {D(ppl[1].full(), 'person_name')}",
        "",
        "||Ticket||Summary||Owner||Pts||",
        *rows,
        "",
        "Stretch: flaky contract tests in the gateway pipeline.",
        f"Sprint review: {fd(c.recent(dt.date(2026, 12, 7), dt.date(2027, 1, 15)), 'mon')} 2 PM.",
    )


# ---------------------------------------------------------------------------
# clean_validator_diff
# ---------------------------------------------------------------------------
def plain_diff(c, path, ops, start=None, new=False, label=""):
    return J(*diff_head(c, path, new), *hunk(c, ops, 0 if new else (start or c.ri(1, 80)), label))


@tpl("clean_validator_diff")
def clean_validator_diff_npi_luhn_py(c):
    head, au, r1, r2 = pr_head(c, "validators: check NPI with the 80840 Luhn prefix")
    ops = [(" ", "import re"), (" ", ""), (" ", 'NPI_RE = re.compile(r"^\\d{10}$")'), (" ", ""),
           ("-", "def is_valid_npi(value: str) -> bool:"), ("-", "    return bool(NPI_RE.match(value))"),
           ("+", "def _luhn_ok(digits: str) -> bool:"),
           ("+", "    total = 0"),
           ("+", "    for i, ch in enumerate(reversed(digits)):"),
           ("+", "        d = int(ch) * (2 if i % 2 else 1)"),
           ("+", "        total += d - 9 if d > 9 else d"),
           ("+", "    return total % 10 == 0"),
           ("+", ""),
           ("+", "def is_valid_npi(value: str) -> bool:"),
           ("+", '    """10 digits, Luhn over the 80840 card-issuer prefix (CMS NPI standard)."""'),
           ("+", '    return bool(NPI_RE.match(value)) and _luhn_ok("80840" + value)')]
    test = [(" ", "def test_npi():"), ("+", '    assert is_valid_npi("1234567893")      # CMS documented example'),
            ("+", '    assert not is_valid_npi("1234567890")'), ("+", '    assert not is_valid_npi("123456789")')]
    return J(*head, "", plain_diff(c, "src/validators/npi.py", ops, 1), "", plain_diff(c, "tests/test_npi.py", test, c.ri(5, 40)))


@tpl("clean_validator_diff")
def clean_validator_diff_ssn_regex_ts(c):
    head, au, r1, r2 = pr_head(c, "ssn: reject 000/666/9xx areas, 00 group, 0000 serial")
    ops = [(" ", "export function isPlausibleSsn(s: string): boolean {"),
           ("-", "  return /^\\d{3}-?\\d{2}-?\\d{4}$/.test(s);"),
           ("+", "  const m = /^(\\d{3})-?(\\d{2})-?(\\d{4})$/.exec(s);"),
           ("+", "  if (!m) return false;"),
           ("+", "  const [, area, group, serial] = m;"),
           ("+", "  if (area === '000' || area === '666' || area[0] === '9') return false;"),
           ("+", "  return group !== '00' && serial !== '0000';"),
           (" ", "}")]
    tests = [(" ", "describe('isPlausibleSsn', () => {"),
             ("+", "  it.each(['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000'])("),
             ("+", "    'rejects %s', (v) => expect(isPlausibleSsn(v)).toBe(false));"),
             ("+", "  it('accepts the SSA documentation example', () => {"),
             ("+", "    expect(isPlausibleSsn('123-45-6789')).toBe(true);"),
             ("+", "  });"), (" ", "});")]
    return J(*head, "", plain_diff(c, "packages/validators/src/ssn.ts", ops, c.ri(1, 30)), "",
             plain_diff(c, "packages/validators/src/ssn.test.ts", tests, 1), "",
             f"{D(r1.full(), 'person_name')}: 👍 – maybe add ITINs (9xx) as a separate validator later.")


@tpl("clean_validator_diff", crlf=0.3)
def clean_validator_diff_mbi_java(c):
    head, au, r1, r2 = pr_head(c, "MbiValidator: enforce CMS character positions")
    ops = [(" ", "public final class MbiValidator {"),
           ("-", '    private static final Pattern MBI = Pattern.compile("[1-9][A-Z][A-Z0-9]\\\\d[A-Z][A-Z0-9]\\\\d[A-Z]{2}\\\\d{2}");'),
           ("+", "    // Letters S, L, O, I, B, Z are never used."),
           ("+", '    private static final String A = "[AC-HJKMNP-RT-Y]";'),
           ("+", '    private static final String AN = "[AC-HJKMNP-RT-Y0-9]";'),
           ("+", "    private static final Pattern MBI = Pattern.compile("),
           ("+", '        "[1-9]" + A + AN + "\\\\d" + A + AN + "\\\\d" + A + A + "\\\\d\\\\d");'),
           (" ", ""),
           (" ", "    public static boolean isValid(String raw) {"),
           (" ", '        return raw != null && MBI.matcher(raw.replace("-", "").toUpperCase()).matches();'),
           (" ", "    }")]
    tests = [(" ", "    @Test void cmsExample() {"), ("+", '        assertTrue(MbiValidator.isValid("1EG4-TE5-MK73"));'),
             ("+", '        assertFalse(MbiValidator.isValid("1SG4-TE5-MK73")); // S not allowed'),
             ("+", '        assertFalse(MbiValidator.isValid("0EG4-TE5-MK73")); // must start 1-9'), (" ", "    }")]
    return J(*head, "", plain_diff(c, "src/main/java/org/payer/elig/MbiValidator.java", ops, c.ri(5, 20)), "",
             plain_diff(c, "src/test/java/org/payer/elig/MbiValidatorTest.java", tests, c.ri(10, 40)))


@tpl("clean_validator_diff")
def clean_validator_diff_phone_go(c):
    head, au, r1, r2 = pr_head(c, "phone: normalise NANP numbers to E.164")
    ops = [(" ", "func NormalizeNANP(in string) (string, error) {"),
           (" ", "\tdigits := nonDigit.ReplaceAllString(in, \"\")"),
           ("+", "\tif len(digits) == 11 && digits[0] == '1' {"),
           ("+", "\t\tdigits = digits[1:]"),
           ("+", "\t}"),
           (" ", "\tif len(digits) != 10 {"),
           (" ", "\t\treturn \"\", ErrLength"),
           (" ", "\t}"),
           ("+", "\tif digits[0] < '2' || digits[3] < '2' {"),
           ("+", "\t\treturn \"\", ErrNANP // area code and exchange cannot start with 0 or 1"),
           ("+", "\t}"),
           (" ", "\treturn \"+1\" + digits, nil"), (" ", "}")]
    tests = [(" ", "var cases = []struct{ in, want string }{"),
             ("+", '\t{"(212) 555-0142", "+12125550142"},'),
             ("+", '\t{"1-312-555-0199", "+13125550199"},'),
             ("+", '\t{"555.0100", ""},'),
             ("+", '\t{"(012) 555-0123", ""},'), (" ", "}")]
    return J(*head, "", plain_diff(c, "internal/phone/normalize.go", ops, c.ri(10, 50)), "",
             plain_diff(c, "internal/phone/normalize_test.go", tests, c.ri(5, 20)), "",
             f"{D(r2.full(), 'person_name')}: test numbers are all in the 555-01xx fictional range 👍")


@tpl("clean_validator_diff")
def clean_validator_diff_zip_kotlin(c):
    head, au, r1, r2 = pr_head(c, "Address: validate ZIP and ZIP+4")
    ops = [(" ", "object ZipCode {"),
           ("-", '    private val RE = Regex("""^\\d{5}$""")'),
           ("+", '    private val RE = Regex("""^(\\d{5})(?:-(\\d{4}))?$""")'),
           (" ", ""),
           ("-", "    fun isValid(s: String) = RE.matches(s)"),
           ("+", "    fun isValid(s: String): Boolean {"),
           ("+", "        val m = RE.matchEntire(s.trim()) ?: return false"),
           ("+", '        return m.groupValues[1] != "00000"'),
           ("+", "    }"), (" ", "}")]
    tests = [("+", '    @Test fun rejectsAllZeros() = assertFalse(ZipCode.isValid("00000"))'),
             ("+", '    @Test fun rejectsLetters() = assertFalse(ZipCode.isValid("ABCDE"))'),
             ("+", '    @Test fun rejectsShortPlusFour() = assertFalse(ZipCode.isValid("00000-12"))')]
    return J(*head, "", plain_diff(c, "core/src/main/kotlin/address/ZipCode.kt", ops, c.ri(1, 15)), "",
             plain_diff(c, "core/src/test/kotlin/address/ZipCodeTest.kt", tests, c.ri(5, 30)))


@tpl("clean_validator_diff", crlf=0.2)
def clean_validator_diff_hl7_ts_parser(c):
    head, au, r1, r2 = pr_head(c, "hl7: parse DTM with optional seconds and offset")
    ops = [(" ", "def parse_dtm(value: str) -> datetime:"),
           (" ", '    """HL7 v2 DTM: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]."""'),
           ("-", '    return datetime.strptime(value[:12], "%Y%m%d%H%M")'),
           ("+", "    m = DTM_RE.fullmatch(value)"),
           ("+", "    if not m:"),
           ("+", '        raise ValueError(f"not an HL7 DTM: {value!r}")'),
           ("+", "    return _build(m)")]
    tests = [("+", "@pytest.mark.parametrize('raw, expected', ["),
             ("+", "    ('2024', datetime(2024, 1, 1)),"),
             ("+", "    ('202402291530', datetime(2024, 2, 29, 15, 30)),      # leap day"),
             ("+", "    ('20240229153045-0500', datetime(2024, 2, 29, 15, 30, 45, tzinfo=EST)),"),
             ("+", "])"),
             ("+", "def test_parse_dtm(raw, expected):"),
             ("+", "    assert parse_dtm(raw) == expected")]
    return J(*head, "", plain_diff(c, "hl7lite/types.py", ops, c.ri(20, 120)), "",
             plain_diff(c, "tests/test_types.py", tests, c.ri(1, 60)), "",
             "No message fixtures touched – the parser tests use literal timestamps only.")


@tpl("clean_validator_diff")
def clean_validator_diff_icd10_format(c):
    head, au, r1, r2 = pr_head(c, "ICD-10-CM format check: allow 7th character placeholder X")
    codes = [("S72.001A", True), ("T81.4XXA", True), ("E11.9", True), ("I10", True), ("E11.", False), ("Z9", False)]
    ops = [(" ", "ICD10CM = re.compile("),
           ("-", '    r"^[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$"'),
           ("+", '    r"^[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,3}[0-9A-TV-Z]?)?$"'),
           (" ", ")")]
    tests = [("+", "CASES = [")] + [("+", f'    ("{D(k, "diagnosis_code") if ok else k}", {ok}),') for k, ok in codes] + [("+", "]")]
    return J(*head, "", plain_diff(c, "coding/icd10.py", ops, c.ri(1, 30)), "",
             plain_diff(c, "coding/tests/test_icd10.py", tests, c.ri(1, 30)), "",
             f"{D(r1.full(), 'person_name')}: {D('T81.4XXA', 'diagnosis_code')} was the one failing in the claim scrubber.")


@tpl("clean_validator_diff")
def clean_validator_diff_us_core_profile(c):
    head, au, r1, r2 = pr_head(c, "Profile: mark Patient.telecom and address mustSupport (US Core 6)")
    ops = [(" ", "    {"), (" ", '      "id": "Patient.telecom",'), (" ", '      "path": "Patient.telecom",'),
           ("+", '      "mustSupport": true,'), (" ", '      "min": 0,'), (" ", '      "max": "*"'), (" ", "    },"),
           (" ", "    {"), (" ", '      "id": "Patient.address",'), (" ", '      "path": "Patient.address",'),
           ("+", '      "mustSupport": true,'), (" ", '      "min": 0'), (" ", "    },"),
           ("+", "    {"), ("+", '      "id": "Patient.address.postalCode",'), ("+", '      "path": "Patient.address.postalCode",'),
           ("+", '      "short": "US Zip Codes",'), ("+", '      "mustSupport": true'), ("+", "    }")]
    return J(*head, "", plain_diff(c, "input/resources/StructureDefinition-org-patient.json", ops, c.ri(40, 300)), "",
             f"IG Publisher run: 0 errors, {c.ri(2, 30)} warnings, {c.ri(10, 90)} info.")


@tpl("clean_validator_diff")
def clean_validator_diff_redaction_yaml(c):
    head, au, r1, r2 = pr_head(c, "log-scrubber: add MRN and member-id patterns")
    ops = [(" ", "redact:"), (" ", "  - name: ssn"), (" ", "    pattern: '\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b'"),
           (" ", "    replace: '***-**-****'"),
           ("+", "  - name: mrn"),
           ("+", "    pattern: '(?i)\\bMRN[:#\\s]*([A-Z]{0,2}\\d{6,10})\\b'"),
           ("+", "    replace: 'MRN:[REDACTED]'"),
           ("+", "  - name: member_id"),
           ("+", "    pattern: '(?i)\\b(member|subscriber)\\s*id[:#\\s]*([A-Z0-9-]{8,15})\\b'"),
           ("+", "    replace: '$1 ID:[REDACTED]'"),
           (" ", "  - name: hl7_pid"),
           (" ", "    segment: PID"),
           (" ", "    fields: [3, 5, 7, 11, 13, 19]")]
    return J(*head, "", plain_diff(c, "deploy/log-scrubber/config.yaml", ops, c.ri(1, 20)), "",
             f"{D(r2.full(), 'person_name')}: add a unit test with the sample line `MRN: TEST0000` so we can see the replacement.")


@tpl("clean_validator_diff")
def clean_validator_diff_email_mask(c):
    head, au, r1, r2 = pr_head(c, "util: maskEmail keeps the domain for support tickets")
    ops = [(" ", "export function maskEmail(email: string): string {"),
           ("-", "  return '***';"),
           ("+", "  const at = email.lastIndexOf('@');"),
           ("+", "  if (at < 1) return '***';"),
           ("+", "  return email[0] + '***' + email.slice(at);"),
           (" ", "}")]
    tests = [("+", "test('masks the local part', () => {"),
             ("+", "  expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');"),
             ("+", "  expect(maskEmail('no-at-sign')).toBe('***');"),
             ("+", "});")]
    return J(*head, "", plain_diff(c, "src/util/mask.ts", ops, c.ri(1, 40)), "",
             plain_diff(c, "src/util/mask.test.ts", tests, c.ri(1, 40)))


# ---------------------------------------------------------------------------
# clean_release_notes
# ---------------------------------------------------------------------------
FEATURES = ["Patient search now matches on preferred name", "Bulk export supports _typeFilter",
            "Added rate-limit headers (X-RateLimit-*)", "Eligibility retries with exponential back-off",
            "New audit event for chart printing", "Order entry: favorites sync across devices",
            "Appointment reminders honour the patient’s language preference", "Dark mode for the nurse dashboard",
            "HL7 outbound: configurable segment terminator", "Claim scrubber: NCCI PTP edits for Q1 2027",
            "SMART launch: support for the fhirUser scope", "Label printing: ZPL templates per unit"]
FIXES = ["Fixed double-posting of charges when the DFT is resent", "Fixed time zone offset in SIU reminders",
         "Fixed crash on empty 835 batches", "Fixed slow load of the census board on units with >60 beds",
         "Fixed PID-11 null repeat handling", "Fixed token refresh after 60 minutes idle",
         "Fixed truncation of long medication names on the MAR", "Fixed CSV export dropping leading zeros from ZIP codes",
         "Fixed duplicate reminders for recurring appointments", "Fixed missing OBX-14 on corrected results"]


@tpl("clean_release_notes", crlf=0.3)
def clean_release_notes_jira_wiki(c):
    v = ver(c)
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 4))
    rm = c.staff()
    return J(
        f"h1. Release {v} – {fd(d, 'month')}",
        f"Release manager: {D(rm.full(), 'person_name')}   Deployed to PRD: {fd(d, 'iso')} 21:30 ET",
        "",
        "h2. New",
        *[f"* {f} ({c.ticket_key('FHIR')})" for f in c.r.sample(FEATURES, c.ri(2, 4))],
        "",
        "h2. Fixed",
        *[f"* {f} ({c.ticket_key('INT')})" for f in c.r.sample(FIXES, c.ri(2, 4))],
        "",
        "h2. Known issues",
        f"* Safari 16 users may need to clear the cache once ({c.ticket_key('PORTAL')})",
        "",
        "{info}Rollback: redeploy " + (f"{v.rsplit('.', 1)[0]}.{int(v.rsplit('.', 1)[1]) - 1}" if not v.endswith(".0") else "the previous release tag")
        + " from the pipeline; no DB migrations in this release.{info}",
    )


@tpl("clean_release_notes")
def clean_release_notes_markdown_changelog(c):
    vs = sorted({ver(c) for _ in range(3)}, key=lambda s: [int(x) for x in s.split(".")], reverse=True)
    out = ["# Changelog", "", "All notable changes to this project are documented here (Keep a Changelog format).", ""]
    d = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 4))
    for v in vs:
        out += [f"## [{v}] - {fd(d, 'iso')}", "### Added", *[f"- {f}" for f in c.r.sample(FEATURES, 2)],
                "### Fixed", *[f"- {f} (#{c.ri(100, 999)})" for f in c.r.sample(FIXES, 2)], ""]
        d -= dt.timedelta(days=c.ri(10, 40))
    out.append(f"[{vs[0]}]: https://bitbucket.org/{c.c(['health-it', 'int'])}/{c.c(['fhir-gateway', 'interop-service'])}/compare/v{vs[0]}..v{vs[-1]}")
    return J(*out)


@tpl("clean_release_notes")
def clean_release_notes_confluence_html(c):
    d = c.recent(dt.date(2026, 8, 1), dt.date(2026, 12, 4))
    rm = c.staff()
    return J(
        f'<h2>Patient Portal {ver(c)} &ndash; released {fd(d, "mon")}</h2>',
        f"<p>Owner: {D(rm.full(), 'person_name')}&nbsp;|&nbsp;Change: CHG{c.digits(7, True)}</p>",
        "<h3>What&rsquo;s new</h3>", "<ul>",
        *[f"<li>{f}</li>" for f in c.r.sample(FEATURES, 3)], "</ul>",
        "<h3>Fixes</h3>", "<ol>", *[f"<li>{f}</li>" for f in c.r.sample(FIXES, 3)], "</ol>",
        '<p><ac:structured-macro ac:name="jira"><ac:parameter ac:name="jqlQuery">fixVersion = "'
        + f"Portal {fd(d, 'iso')}" + '"</ac:parameter></ac:structured-macro></p>',
    )


@tpl("clean_release_notes", crlf=0.6)
def clean_release_notes_outlook_announcement(c):
    d = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 20))
    comms, sd = c.staff(), c.staff()
    what = c.c([("EHR upgrade", "Epic version upgrade"), ("Lab system upgrade", "Lab information system upgrade"),
                ("Network maintenance", "Core switch replacement")])
    return J(
        f"From: IT Communications <{D('itcomms@' + c.org['dom'], 'staff_contact')}>",
        f"Sent: {sent_hdr(c, d - dt.timedelta(days=5), 'outlook')}",
        "To: All Staff",
        f"Subject: PLANNED DOWNTIME – {what[0]} {fd(d, 'mon')}",
        "",
        f"What: {what[1]}",
        f"When: {d.strftime('%A')}, {fd(d, 'month')}, 01:00–05:00",
        "Impact:",
        f"{c.b}EHR read-only; use downtime forms (BCA PCs are on every unit)",
        f"{c.b}Results will queue and post after the upgrade",
        f"{c.b}Badge tap-in unavailable – use manual login",
        "",
        f"Questions: Service Desk {D(c.phone(sd.work_phone, 'dash'), 'staff_contact')} or {D('servicedesk@' + c.org['dom'], 'staff_contact')}",
        f"Command center bridge during the window: {bridge(c)}",
        "",
        "Thank you for your patience,",
        f"{D(comms.full(), 'person_name')}",
        f"IT Communications | {D(c.org['name'], 'facility')}",
    )


@tpl("clean_release_notes")
def clean_release_notes_ehr_upgrade(c):
    d = c.recent(dt.date(2026, 10, 1), dt.date(2026, 12, 20))
    tr = [c.staff() for _ in range(2)]
    return J(
        f"EHR {c.c(['November', 'February', 'May', 'August'])} Upgrade – What clinicians need to know",
        "",
        "Physicians & APPs",
        f"{c.b}Sign orders from the inbasket preview without opening the chart",
        f"{c.b}Note templates: new “Interval history” SmartText for follow-up visits",
        f"{c.b}{D('Heparin', 'medication')} weight-based orders now default to the last documented dosing weight",
        "",
        "Nursing",
        f"{c.b}Flowsheet rows for {D('CIWA-Ar', 'procedure_code')} reordered",
        f"{c.b}Brain-storm: MAR now shows the last administration time for PRNs",
        "",
        "Training",
        f"{c.b}Drop-in sessions {fd(d - dt.timedelta(days=3), 'mon')} and {fd(d - dt.timedelta(days=2), 'mon')}, 7–9 AM and 7–9 PM, Education Center Rm 2",
        f"{c.b}Super-users: {D(tr[0].full(), 'person_name')}, {D(tr[1].full(), 'person_name')}",
        "",
        f"Go-live: {fd(d, 'month')} 02:00. Downtime expected 90 minutes.",
    )


@tpl("clean_release_notes")
def clean_release_notes_mobile_app(c):
    v = ver(c)
    return J(
        f"What’s New – {c.org['short']} Health app, version {v}",
        "",
        "• Check in for your appointment from the parking lot",
        "• Pay your bill with Apple Pay and Google Pay",
        "• Messages now show when your care team has read them",
        "• Bug fixes: the app no longer logs you out when switching to the camera to upload an insurance card",
        "",
        f"Requires iOS 16 or later / Android 10 or later. Build {c.ri(1000, 9999)} ({c.hexs(7)}).",
        f"Problems? Tap Help → Contact us, or call {D(c.phone(c.phone_parts(), 'one'), 'staff_contact')} (7 AM–7 PM).",
    )


@tpl("clean_release_notes", crlf=0.3)
def clean_release_notes_interface_engine(c):
    d = c.recent(dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    eng = c.staff()
    chans = c.r.sample(["ADT_IN_EPIC", "ORU_OUT_LAB", "SIU_OUT_REMIND", "DFT_IN_PB", "MDM_OUT_HIE", "VXU_OUT_STATE", "ORM_OUT_RIS"], 4)
    return J(
        f"Interface engine maintenance release – {fd(d, 'iso')}",
        f"Engineer: {D(eng.full(), 'person_name')}",
        "",
        f"Platform: {c.c(['Mirth Connect', 'Rhapsody', 'Cloverleaf'])} {ver(c)} → {ver(c)} (security patch, CVE-2026-{c.ri(10000, 49999)})",
        "",
        "Channels redeployed:",
        *[f"{i + 1}. {ch} – {c.c(['no logic change', 'updated filter for test patients', 'segment terminator now CR only', 'ACK timeout 30→60 s'])}" for i, ch in enumerate(chans)],
        "",
        f"Verification: sent {c.ri(5, 40)} synthetic messages per channel from the TST harness; all ACK AA.",
        f"Rollback snapshot: /backups/engine/{fd(d, 'hl7')}-pre-patch.tar.gz (sha256 {c.hexs(16)}…)",
    )


@tpl("clean_release_notes")
def clean_release_notes_hotfix_numbered(c):
    v = ver(c)
    rm = c.staff()
    return J(
        f"Hotfix {v}-hf{c.ri(1, 3)}",
        "",
        *[f"{i + 1}. {f} ({c.ticket_key('HF')})" for i, f in enumerate(c.r.sample(FIXES, c.ri(2, 4)))],
        "",
        f"Deployed by {D(rm.full(), 'person_name')} at {c.log_ts()[:16]} ET. Smoke tests green.",
    )


@tpl("clean_release_notes")
def clean_release_notes_payer_edits(c):
    d = dt.date(2027, 1, 1)
    edits = c.r.sample(CPT, 4)
    dxs = c.r.sample(DX, 2)
    return J(
        f"Claim scrubber content update – effective {fd(d, 'month')}",
        "",
        "New / changed edits:",
        *[f"{c.b}{D(code, 'procedure_code')} ({desc}): {c.c(['now requires modifier 25 with same-day E/M', 'frequency limit 1 per 365 days', 'bundles into the global surgical package', 'requires a prior-auth number in REF*G1'])}"
          for code, desc in edits],
        f"{c.b}Diagnosis pointer edit: {D(dxs[0][0], 'diagnosis_code')} may no longer be primary with {D(dxs[1][0], 'diagnosis_code')}",
        "",
        "Source: payer bulletins and the CMS NCCI quarterly file. No action needed from coders – edits are automatic.",
    )


@tpl("clean_release_notes", crlf=0.5)
def clean_release_notes_excel_change_list(c):
    rows = ["Key\tSummary\tComponent\tFix Version\tStatus"]
    v = ver(c)
    for f in c.r.sample(FEATURES + FIXES, c.ri(5, 8)):
        rows.append(f"{c.ticket_key(c.c(['FHIR', 'INT', 'PORTAL', 'RCM']))}\t{f}\t{c.c(['API', 'Interfaces', 'Portal', 'Billing'])}\t{v}\tDone")
    return J(f"Release {v} – issue list exported from Jira (Excel), pasted for the CAB packet:", "", *rows)


# ---------------------------------------------------------------------------
# clean_clinical_rule
# ---------------------------------------------------------------------------
@tpl("clean_clinical_rule", crlf=0.3)
def clean_clinical_rule_sepsis_spec(c):
    own = c.staff("MD")
    return J(
        "h2. Adult sepsis screening alert – logic specification v" + ver(c),
        f"Clinical owner: {D(own.full(), 'person_name')}, {own.cred}",
        "",
        "h3. Population",
        "* Inpatients and ED patients aged 18 years and older",
        "* Excludes comfort-care orders and patients already on the sepsis order set",
        "",
        "h3. Criteria (within a rolling 6-hour window)",
        "# ≥ 2 SIRS criteria: T > 38.3 °C or < 36 °C; HR > 90; RR > 20; WBC > 12 or < 4 ×10³/µL",
        "# Suspected infection: blood culture ordered or antibiotic started",
        f"# Organ dysfunction: lactate > 2 mmol/L, SBP < 90 mmHg, creatinine > 2.0 mg/dL (no {D('ESRD', 'condition')})",
        "",
        "h3. Action",
        f"Fire a BPA to the primary nurse and the attending; suggest the sepsis order set with {D('lactate', 'procedure_code')}, "
        f"blood cultures ×2 and {D('30 mL/kg crystalloid', 'medication')} for hypotension.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_drug_interaction(c):
    pairs = c.r.sample([("warfarin", "ibuprofen", "bleeding risk"), ("clopidogrel", "omeprazole", "reduced antiplatelet effect"),
                        ("simvastatin", "clarithromycin", "myopathy / rhabdomyolysis"), ("lisinopril", "spironolactone", "hyperkalemia"),
                        ("linezolid", "sertraline", "serotonin syndrome"), ("methotrexate", "trimethoprim", "bone marrow suppression")], 4)
    own = c.staff("PharmD")
    return J(
        "Drug–drug interaction alert tiers (P&T approved)",
        f"Pharmacy informatics: {D(own.full(), 'person_name')}, {own.cred}",
        "",
        "| Drug A | Drug B | Risk | Tier |", "|---|---|---|---|",
        *[f"| {D(a, 'medication')} | {D(b, 'medication')} | {D(r, 'condition')} | {c.c(['Hard stop', 'Interruptive', 'Passive'])} |" for a, b, r in pairs],
        "",
        "Passive alerts show in the order composer only; interruptive alerts require an override reason.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_fall_risk(c):
    return J(
        "Morse Fall Scale – EHR scoring rule",
        "",
        "Item\tScore",
        "History of falling (within 3 months)\t0 / 25",
        "Secondary diagnosis\t0 / 15",
        "Ambulatory aid (none/bed rest – crutches/cane/walker – furniture)\t0 / 15 / 30",
        "IV or heparin lock\t0 / 20",
        "Gait (normal – weak – impaired)\t0 / 10 / 20",
        "Mental status (oriented – forgets limitations)\t0 / 15",
        "",
        "Risk level: 0–24 low, 25–44 moderate, ≥ 45 high.",
        f"{c.b}High risk → bed alarm order, yellow socks, hourly rounding task",
        f"{c.b}Patients aged 85 and older get the high-risk interventions regardless of score (committee decision)",
        f"{c.b}Re-score every shift and after any fall",
    )


@tpl("clean_clinical_rule", crlf=0.3)
def clean_clinical_rule_prior_auth(c):
    cp = c.r.sample(IMAGING_CPT[1:], 3)
    return J(
        f"Prior authorization criteria – advanced imaging ({c.c(PAYERS)[0]} policy summary)",
        "",
        *[f"{i + 1}. {D(code, 'procedure_code')} {desc}: requires {c.c(['6 weeks of conservative therapy documented', 'red-flag symptoms', 'abnormal prior imaging', 'specialist order'])}"
          for i, (code, desc) in enumerate(cp)],
        "",
        f"Exceptions (no auth needed): ED orders; inpatient orders; suspected {D('cauda equina syndrome', 'condition')}; "
        f"{D('cancer', 'condition')} staging per NCCN.",
        "Auth valid 60 days. Retro-auth within 2 business days for urgent cases.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_vaccine_schedule(c):
    return J(
        "Immunization forecast rules (summary of CDC schedule as configured)",
        "",
        "||Vaccine||Doses||Ages||",
        f"|{D('Hep B', 'medication')}|3|birth, 1–2 mo, 6–18 mo|",
        f"|{D('DTaP', 'medication')}|5|2, 4, 6, 15–18 mo, 4–6 y|",
        f"|{D('MMR', 'medication')}|2|12–15 mo, 4–6 y|",
        f"|{D('Influenza', 'medication')}|annual|≥ 6 mo|",
        f"|{D('RSV (adult)', 'medication')}|1|≥ 75 y, or 60–74 y with risk factors|",
        f"|{D('Zoster recombinant', 'medication')}|2|≥ 50 y|",
        "",
        "Forecaster flags overdue at 30 days past the maximum age of the recommended window.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_safe_harbor_guidance(c):
    own = c.staff(cred="CHPC")
    return J(
        "De-identification standard for analytics extracts (Safe Harbor)",
        f"Owner: Privacy Office – {D(own.full(), 'person_name')}",
        "",
        "Remove or generalise the 18 identifiers, including:",
        f"{c.b}Names, street address, city; ZIP codes are truncated to the first three digits, and set to 000 when the "
        "three-digit area has 20,000 people or fewer (currently 036, 059, 063, 102, 203, 556, 692, 790, 821, 823, 830, "
        "831, 878, 879, 884, 890 and 893)",
        f"{c.b}All elements of dates (except year) directly related to an individual",
        f"{c.b}Ages over 89 and any date element that would reveal them: aggregate into a single category “90 or older”",
        f"{c.b}Telephone and fax numbers, email addresses, SSNs, MRNs, health plan beneficiary numbers, account numbers",
        f"{c.b}Device identifiers and serial numbers, URLs, IP addresses, biometric identifiers, full-face photographs",
        "",
        "Test data for the pipeline uses the documented examples only (SSN 123-45-6789, phone 555-0100 to 555-0199).",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_hedis_measure(c):
    dxs = c.r.sample(DX, 3)
    return J(
        f"Measure spec: {c.c(['Controlling High Blood Pressure (CBP)', 'Hemoglobin A1c Control for Patients With Diabetes (HBD)', 'Colorectal Cancer Screening (COL-E)'])} – MY2026",
        "",
        "Denominator: members 18–85 years as of December 31 of the measurement year with qualifying diagnoses:",
        *[f"  - {D(code, 'diagnosis_code')} {D(desc, 'condition')}" for code, desc in dxs],
        "Exclusions: hospice, palliative care, members 66 and older in institutional SNP or long-term care.",
        f"Numerator: most recent reading in the year meets the target; CPT II codes {D('3074F', 'procedure_code')}/"
        f"{D('3075F', 'procedure_code')} (systolic) and {D('3078F', 'procedure_code')}/{D('3079F', 'procedure_code')} (diastolic).",
        "",
        "Data sources: claims, EHR flowsheets, HIE CCDs. Run monthly; results at the provider-panel level only.",
    )


@tpl("clean_clinical_rule", crlf=0.3)
def clean_clinical_rule_critical_values(c):
    rows = [("Potassium", "< 2.8", "> 6.2", "mmol/L"), ("Sodium", "< 120", "> 160", "mmol/L"),
            ("Glucose", "< 50", "> 450", "mg/dL"), ("Hemoglobin", "< 6.0", "—", "g/dL"),
            ("Platelets", "< 20", "> 1000", "×10³/µL"), ("Troponin I", "—", "> 0.5", "ng/mL"), ("INR", "—", "> 5.0", "")]
    return J(
        "Laboratory critical values – notification policy LAB-CV-07",
        "",
        "Test\tLow\tHigh\tUnits",
        *["\t".join(r) for r in c.r.sample(rows, 5)],
        "",
        "Call the ordering provider (or covering) within 30 minutes; document read-back in the result comment.",
        "Outpatient after hours: call the on-call provider via the answering service.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_order_set_request(c):
    rep, asg = c.staff("MD"), c.staff()
    return J(
        f"{c.ticket_key('CLIN')} Order set change: {c.c(['Community-acquired pneumonia', 'Diabetic ketoacidosis', 'Alcohol withdrawal (CIWA)', 'Heart failure admission'])}",
        jira_people(c, rep, asg),
        "",
        "*Requested changes*",
        f"# Default antibiotic to {D('ceftriaxone 1 g IV q24h', 'medication')} + {D('azithromycin 500 mg', 'medication')}",
        f"# Remove {D('levofloxacin', 'medication')} from the default section (stewardship)",
        f"# Add {D('procalcitonin', 'procedure_code')} to the admission labs panel",
        "",
        "*Evidence*: IDSA/ATS 2019 guideline; local antibiogram 2026.",
        "*Approval*: P&T on the 2nd Tuesday; build in TST after approval.",
    )


@tpl("clean_clinical_rule")
def clean_clinical_rule_readmission_model(c):
    own = c.staff()
    return J(
        "## 30-day readmission risk model – v" + ver(c),
        f"Model owner: {D(own.full(), 'person_name')}",
        "",
        "| Feature | Weight (log-odds) |", "|---|---|",
        "| Prior admissions, last 12 months (count) | 0.41 |",
        f"| {D('Heart failure', 'condition')} on problem list | 0.37 |",
        "| Length of stay ≥ 5 days | 0.29 |",
        "| Age ≥ 80 | 0.22 |",
        "| Discharged to SNF | 0.18 |",
        "| No PCP on file | 0.15 |",
        "",
        f"Validation cohort: {c.ri(18, 60)},{c.ri(100, 999)} discharges (2024–2025); AUC {round(c.r.uniform(0.68, 0.76), 2)}; calibration slope 0.97.",
        "Scores refresh nightly; shown as Low/Medium/High on the discharge navigator.",
    )


# ---------------------------------------------------------------------------
# clean_oncall_directory
# ---------------------------------------------------------------------------
TEAMS = ["Interfaces", "EHR Inpatient", "Revenue Cycle Apps", "Lab IS", "Radiology IS", "Network", "Service Desk",
         "Database / DBA", "Identity & Access", "Clinical Informatics", "Pharmacy IS", "Cloud Platform"]


def tollfree(c):
    return f"1-{c.c(['800', '888', '877', '866', '855'])}-{c.ri(200, 999)}-{c.digits(4)}"


def contact(c, s, style=None):
    style = style or c.c(["dash", "paren", "dot"])
    return D(c.phone(s.work_phone, style), "staff_contact")


@tpl("clean_oncall_directory", crlf=0.3)
def clean_oncall_directory_confluence_table(c):
    rows = []
    for t in c.r.sample(TEAMS, c.ri(4, 7)):
        a, b = c.staff(), c.staff()
        rows.append(f"|{t}|{D(a.full(), 'person_name')}|{D(b.full(), 'person_name')}|{contact(c, a)}|"
                    f"{D(c.c(['pgr ', 'Vocera: ', '']) + c.digits(4), 'staff_contact')}|")
    return J(f"h1. IT on-call – week of {fd(c.recent(dt.date(2026, 11, 1), dt.date(2026, 12, 20)), 'mon')}",
             "", "||Team||Primary||Backup||Primary cell||Pager||", *rows, "",
             "{note}Page the primary first; escalate to the backup after 15 minutes.{note}")


@tpl("clean_oncall_directory", crlf=0.5)
def clean_oncall_directory_excel_paste(c):
    rows = ["Team\tName\tRole\tMobile\tEmail"]
    for t in c.r.sample(TEAMS, c.ri(4, 7)):
        s = c.staff()
        rows.append(f"{t}\t{D(s.full(), 'person_name')}\t{s.role}\t{contact(c, s, 'dash')}\t{D(s.email, 'staff_contact')}")
    return J("On-call roster (from the shared workbook, tab “Dec”):", "", *rows)


@tpl("clean_oncall_directory")
def clean_oncall_directory_markdown_rotation(c):
    ppl = [c.staff() for _ in range(4)]
    start = dt.date(2026, 11, 30)
    rows = ["| Week of | Primary | Secondary |", "|---|---|---|"]
    for i in range(6):
        w = start + dt.timedelta(days=7 * i)
        rows.append(f"| {fd(w, 'mon')} | {D(ppl[i % 4].full(), 'person_name')} | {D(ppl[(i + 1) % 4].full(), 'person_name')} |")
    return J("## FHIR platform on-call rotation", "", *rows, "",
             "Swaps: post in #fhir-oncall and update this table. PagerDuty schedule `fhir-platform-primary` is the source of truth.")


@tpl("clean_oncall_directory", crlf=0.3)
def clean_oncall_directory_escalation(c):
    ppl = [c.staff() for _ in range(4)]
    return J(
        f"Escalation path – {c.c(['interface outage', 'EHR downtime', 'claims pipeline failure'])}",
        "",
        f"1. Service Desk (24/7): {D(tollfree(c), 'staff_contact')} – opens P1 and starts the bridge",
        f"2. On-call engineer – {D(ppl[0].full(), 'person_name')} {contact(c, ppl[0])}",
        f"3. Team lead – {D(ppl[1].full(), 'person_name')} {contact(c, ppl[1])} (after 30 min)",
        f"4. Director – {D(ppl[2].full(), 'person_name')} {contact(c, ppl[2])} (after 60 min or patient-safety impact)",
        f"5. CMIO – {D(ppl[3].full(), 'person_name')} via the operator",
        "",
        f"Bridge: {bridge(c)} · Slack: #inc-bridge",
    )


@tpl("clean_oncall_directory", crlf=0.6)
def clean_oncall_directory_outlook_coverage(c):
    a, b = c.staff(), c.staff()
    d = c.recent(dt.date(2026, 11, 1), dt.date(2026, 12, 20))
    return J(
        f"From: {D(a.full(), 'person_name')} <{D(a.email, 'staff_contact')}>",
        f"Sent: {sent_hdr(c, d, 'outlook')}",
        "To: Interfaces Team; Service Desk",
        "Subject: Weekend coverage",
        "",
        "Hi all,",
        f"I’m out Friday–Monday. {D(b.full(), 'person_name')} is covering interfaces; cell {contact(c, b)}.",
        "For anything P1 please still page through the operator so it’s logged.",
        "",
        "Thanks,",
        f"{D(a.full(), 'person_name')}",
        f"{a.role} | {D(c.org['name'], 'facility')}",
        f"O: {contact(c, a, 'dot')} | {D(a.ext, 'staff_contact')}",
    )


@tpl("clean_oncall_directory")
def clean_oncall_directory_html_table(c):
    trs = []
    for t in c.r.sample(TEAMS, c.ri(3, 6)):
        s = c.staff()
        trs.append(f"<tr><td>{t}</td><td>{D(s.full(), 'person_name')}</td><td>{contact(c, s, 'paren')}</td>"
                   f"<td>{D(s.email, 'staff_contact')}</td></tr>")
    return J('<table class="wrapped"><colgroup><col /><col /><col /><col /></colgroup><tbody>',
             "<tr><th>Team</th><th>On call</th><th>Phone</th><th>Email</th></tr>", *trs, "</tbody></table>",
             "<p><em>Copied from the old SharePoint page &ndash; may be out of date.</em></p>")


@tpl("clean_oncall_directory")
def clean_oncall_directory_vendor_contacts(c):
    vend = c.r.sample(["Epic TS", "Rhapsody support", "Availity", "Change Healthcare", "Surescripts", "Imprivata",
                       "Philips PACS", "Sectra", "Omnicell", "Vocera"], c.ri(4, 6))
    rows = []
    for v in vend:
        s = c.staff()
        rows.append(f"{c.b}{v}: {D(tollfree(c), 'staff_contact')} (24/7), TAM {D(s.full(), 'person_name')} "
                    f"{D(s.email.split('@')[0] + '@' + v.split()[0].lower() + '.com', 'staff_contact')}; contract #{c.digits(6, True)}")
    return J("Vendor support contacts", "", *rows, "",
             "Open a ticket with the vendor first, then call with the ticket number.")


@tpl("clean_oncall_directory")
def clean_oncall_directory_holiday(c):
    days = [dt.date(2026, 11, 26), dt.date(2026, 11, 27), dt.date(2026, 12, 24), dt.date(2026, 12, 25),
            dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    rows = ["||Date||Interfaces||EHR||Service Desk lead||"]
    for d in days:
        rows.append(f"|{fd(d, 'mon')}|{D(c.staff().full(), 'person_name')}|{D(c.staff().full(), 'person_name')}|{D(c.staff().full(), 'person_name')}|")
    return J("h2. Holiday coverage 2026/27", "", *rows, "",
             "* Holiday pay rules per HR policy 4.12", "* Trade shifts with your manager’s OK")


@tpl("clean_oncall_directory")
def clean_oncall_directory_pager_groups(c):
    rows = []
    for t in c.r.sample(TEAMS, c.ri(4, 6)):
        s = c.staff()
        rows.append(f"{t:<22} group {c.ri(100, 999)}   {D(s.full(), 'person_name'):s}   "
                    f"{D('Vocera “' + t.split()[0] + ' On Call”', 'staff_contact')}")
    return J("Paging groups (AMCOM) – IT", "",
             "Team                   Group  Current holder                 Vocera", *rows, "",
             "Group numbers don’t change; the holder rotates Monday 08:00.")


@tpl("clean_oncall_directory", crlf=0.3)
def clean_oncall_directory_bridge_runbook(c):
    ic = c.staff()
    return J(
        "h2. Major incident bridge – runbook",
        "",
        f"* Standing bridge: {bridge(c)} (host PIN {c.digits(4)})",
        f"* Backup bridge: {bridge(c)}",
        "* Slack: #major-incident (auto-created per incident)",
        f"* Incident commander this month: {D(ic.full(), 'person_name')} {contact(c, ic)}",
        "",
        "h3. First 15 minutes",
        "# IC opens the bridge and posts the link",
        "# Service Desk posts a status-page update (“investigating”)",
        "# Scribe starts the timeline in the incident doc",
        "# Clinical liaison decides on downtime procedures",
    )



if __name__ == "__main__":
    sys.exit(main())
