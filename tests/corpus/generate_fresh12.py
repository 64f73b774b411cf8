#!/usr/bin/env python3
"""Thirteenth independent corpus generator: minimal PHI, written by people in a hurry.

Standard library only, deterministic (fixed seed). Written from tests/corpus/README.md and
CONTRACTS.md section 1 alone. Everything is synthetic: names come from hand-written lists of
given and family names (mixed at random), numbers are random, no real person is described.

    python3 tests/corpus/generate_fresh12.py           # writes fresh12.jsonl next to this file
    python3 tests/corpus/generate_fresh12.py --check   # re-verifies fresh12.jsonl
    python3 tests/corpus/generate_fresh12.py --stats   # counts per family / variant, PHI share

Half of the PHI documents carry only one or two identifiers of one patient (a name with a
condition, a DOB and an MRN, a member id, a call-back number, a lone PID-7, a FHIR Patient with
only name and birthDate, one SQL row, one CSV line); the other half are ordinary but terse
documents of the family. Clean documents are hard negatives: staff everywhere, dates, versions,
IPs, documented test values, guideline pages with population ages, validator regexes.
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
from collections import Counter, defaultdict

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh12.jsonl")
REF = dt.date(2026, 11, 15)

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff", "release_notes",
                  "clinical_rule_page", "oncall_directory"]
PHI_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email",
             "ssn", "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number",
             "vehicle_id", "device_id", "url", "ip_address", "biometric_id", "photo", "other_id",
             "credit_card"}
CONTRACT_KINDS = PHI_KINDS | {"diagnosis_code", "procedure_code", "drug_code", "medication", "condition"}

# ---------------------------------------------------------------- markup
# A template returns text in which labelled values are wrapped as \x01<p|d>\x02kind\x02value\x03.
_O, _S, _C = "\x01", "\x02", "\x03"


def P(kind, v):
    assert kind in PHI_KINDS, kind
    return f"{_O}p{_S}{kind}{_S}{v}{_C}"


def D(kind, v):
    return f"{_O}d{_S}{kind}{_S}{v}{_C}"


def N(v):  # patient / relative name
    return P("person_name", v)


def DT(v):  # patient date
    return P("date", v)


def S(v):  # staff name
    return D("person_name", v)


def TT(v):  # title
    return D("title", v)


def CO(v):
    return D("condition", v)


def MED(v):
    return D("medication", v)


def FAC(v):
    return D("facility", v)


def IID(v):
    return D("internal_id", v)


def SC(v):
    return D("staff_contact", v)


def EVD(v):  # date of an event about the patient / message time
    return D("date", v)


def ST(v):
    return D("state", v)


def render(markup):
    parts, spans, b, i = [], [], 0, 0
    while True:
        j = markup.find(_O, i)
        if j < 0:
            parts.append(markup[i:])
            break
        pre = markup[i:j]
        parts.append(pre)
        b += len(pre.encode("utf-8"))
        k = markup.find(_C, j)
        lab, kind, val = markup[j + 1:k].split(_S, 2)
        assert val and val == val.strip(), repr(val)
        assert _O not in val and _S not in val, repr(val)
        n = len(val.encode("utf-8"))
        spans.append({"start": b, "end": b + n, "label": "phi" if lab == "p" else "dont_care",
                      "kind": kind, "_v": val})
        parts.append(val)
        b += n
        i = k + 1
    return "".join(parts), spans


# ---------------------------------------------------------------- names (hand-written lists)
class Culture:
    def __init__(self, key, fem, masc, fam, order="w", native=()):
        self.key = key
        self.fem = [x.strip() for x in fem.split(";") if x.strip()]
        self.masc = [x.strip() for x in masc.split(";") if x.strip()]
        self.fam = [x.strip() for x in fam.split(";") if x.strip()]
        self.order = order
        self.native = list(native)


def C(*a, **k):
    return Culture(*a, **k)


CULTURES = [
    C("us_english", "Hope;Rose;Grace;Faith;June;Dawn;Joy;Ivy;Summer;April;Pearl;Ruby;Holly;Iris;Star",
      "Bill;Miles;Chase;Hunter;Grant;Will;Rich;Mark;Frank;Sonny;Earnest;Bob",
      "Young;Brown;Long;King;Little;Price;Banks;Wood;Rivers;Stone;Frost;Hill;Park;White;Green;Short;Love;Strong;Day;Page;Marsh"),
    C("african_american", "Latoya;Keisha;Imani;Aaliyah;Ebony;Shanice", "DeShawn;Tyrone;Jamal;Darnell;Marquis;Terrell",
      "Washington;Jefferson;Jackson;Freeman;Booker;Mayfield;Battle"),
    C("irish", "Siobhán;Niamh;Aoife;Caoimhe;Gráinne", "Eoin;Pádraig;Cian;Tadhg;Ruairí",
      "O'Sullivan;Ó Briain;Fitzgerald;Kavanagh;Mac Carthaigh;Ó Ceallaigh"),
    C("scottish", "Ailsa;Morag;Isla;Catriona", "Hamish;Callum;Ruaridh;Angus", "MacLeod;Buchanan;Fraser;Munro;McAllister"),
    C("welsh", "Rhiannon;Angharad;Eirlys;Ffion", "Gwyn;Dafydd;Ieuan;Rhodri", "Llewellyn;Pritchard;ap Rhys;Bevan;Prosser"),
    C("mexican", "María Guadalupe;Ximena;Itzel;Rocío;Yesenia", "José Luis;Juan Carlos;Efraín;Joaquín;Diego",
      "Hernández;García López;Ramírez;Gómez;Martínez;Ruiz"),
    C("puerto_rican", "Yadira;Marisol;Xiomara;Nilda", "Luis Ángel;Héctor;Wilfredo;Edwin", "Rivera;Colón;Santiago;Rosado;Maldonado"),
    C("brazilian", "Conceição;Luíza;Thaís;Aparecida", "João;Thiago;Sebastião;Caio", "da Silva;Gonçalves;Araújo;Magalhães;dos Santos"),
    C("azorean", "Inês;Leonor;Fátima;Graça", "Gonçalo;Tiago;Manuel;Duarte", "Medeiros;Sousa;Carvalho;Furtado;Pacheco"),
    C("french", "Amélie;Hélène;Océane;Maëlle", "Benoît;François;Jérôme;Loïc", "Lefèvre;Dubois;Mercier;Fontaine;Chevalier"),
    C("quebecois", "Ghislaine;Josée;Réjeanne;Manon", "Réjean;Gaétan;Sylvain;Jean-Guy", "Tremblay;Gagnon;Bérubé;Côté;Pelletier"),
    C("german", "Anneliese;Sigrid;Jutta;Hannelore", "Jürgen;Lukas;Maximilian;Dieter", "Müller;Schröder;Weiß;Großmann;Vogel"),
    C("dutch", "Sanne;Femke;Marijke;Lotte", "Bram;Maarten;Joost;Sjoerd", "van der Berg;de Vries;Jansen;van Dijk;Bakker"),
    C("polish", "Małgorzata;Zofia;Agnieszka;Jadwiga", "Wojciech;Grzegorz;Łukasz;Zbigniew",
      "Wiśniewski/Wiśniewska;Kowalczyk;Dąbrowski/Dąbrowska;Szymański/Szymańska;Wójcik"),
    C("czech", "Zdeňka;Lenka;Jiřina;Božena", "Jiří;Tomáš;Přemysl;Radek",
      "Dvořák/Dvořáková;Novotný/Novotná;Procházka/Procházková;Černý/Černá"),
    C("hungarian", "Zsófia;Erzsébet;Ildikó;Réka", "Gábor;László;Zoltán;Ödön", "Kovács;Szabó;Tóth;Nagy;Fülöp"),
    C("russian", "Svetlana;Natalya;Olga;Lyudmila", "Dmitri;Sergei;Vladimir;Yuri",
      "Volkov/Volkova;Ivanov/Ivanova;Smirnov/Smirnova;Kuznetsov/Kuznetsova",
      native=[("Наталья", "Смирнова", "f", "w"), ("Дмитрий", "Петров", "m", "w"), ("Ольга", "Волкова", "f", "w"),
              ("Иван", "Кузнецов", "m", "w")]),
    C("ukrainian", "Oksana;Olena;Halyna;Iryna", "Taras;Bohdan;Mykola;Andriy", "Melnyk;Bondarenko;Shevchenko;Kovalenko;Tkachuk",
      native=[("Олена", "Шевченко", "f", "w"), ("Тарас", "Бондаренко", "m", "w"), ("Оксана", "Мельник", "f", "w"),
              ("Богдан", "Коваленко", "m", "w")]),
    C("greek", "Eleni;Katerina;Despina;Vasiliki", "Konstantinos;Dimitrios;Spyros;Georgios",
      "Papadakis/Papadaki;Oikonomou;Georgiou;Papadopoulos/Papadopoulou;Karamanlis/Karamanli",
      native=[("Ελένη", "Παπαδάκη", "f", "w"), ("Γιώργος", "Οικονόμου", "m", "w"), ("Κατερίνα", "Γεωργίου", "f", "w"),
              ("Δημήτρης", "Παπαδόπουλος", "m", "w")]),
    C("italian", "Francesca;Chiara;Concetta;Rosaria", "Giuseppe;Salvatore;Nicolò;Carmine", "Esposito;Russo;D'Angelo;Lo Bianco;De Luca"),
    C("spanish", "Begoña;Almudena;Nuria;Pilar", "Íñigo;Jesús;Álvaro;Ignacio", "Echeverría;Núñez;Muñoz;Fernández de Córdoba;Iglesias"),
    C("swedish", "Åsa;Ingrid;Märta;Linnéa", "Björn;Sören;Göran;Åke", "Lindqvist;Sjöberg;Åkesson;Bergström;Nyström"),
    C("icelandic", "Guðrún;Þóra;Sigríður;Björk", "Sigurður;Þórður;Gunnar;Ólafur",
      "Jónsson/Jónsdóttir;Sigurðsson/Sigurðardóttir;Þórsson/Þórsdóttir;Gunnarsson/Gunnarsdóttir"),
    C("finnish", "Päivi;Aino;Sirkka;Tuula", "Jukka;Tuomas;Pekka;Väinö", "Mäkinen;Häkkinen;Virtanen;Järvinen;Heikkilä"),
    C("turkish", "Ayşe;Gülşen;Zeynep;Şükriye", "Mehmet;Çağrı;Oğuz;Hüseyin", "Yılmaz;Öztürk;Çelik;Doğan;Aydın"),
    C("arabic", "Layla;Fatima;Mariam;Huda", "Omar;Khalid;Yousef;Tariq", "Al-Khatib;Haddad;Mansour;Al-Ali;Nasser",
      native=[("ليلى", "حداد", "f", "w"), ("عمر", "الخطيب", "m", "w"), ("فاطمة", "منصور", "f", "w"), ("محمد", "العلي", "m", "w")]),
    C("persian", "Farzaneh;Maryam;Shirin;Zahra", "Dariush;Reza;Kourosh;Mehdi", "Rezaei;Hosseini;Ahmadi;Tehrani;Karimi",
      native=[("زهرا", "احمدی", "f", "w"), ("علی", "رضایی", "m", "w"), ("مریم", "حسینی", "f", "w")]),
    C("hebrew", "Noa;Shira;Tova;Yael", "Yosef;Avi;Moshe;Eitan", "Mizrahi;Levi;Ben-David;Cohen;Friedman",
      native=[("נועה", "כהן", "f", "w"), ("יוסף", "לוי", "m", "w"), ("שרה", "מזרחי", "f", "w")]),
    C("hindi", "Priya;Sunita;Kavita;Anjali", "Rahul;Anil;Sanjay;Vikram", "Sharma;Agarwal;Gupta;Verma;Tiwari",
      native=[("प्रिया", "शर्मा", "f", "w"), ("राहुल", "वर्मा", "m", "w"), ("सुनीता", "गुप्ता", "f", "w")]),
    C("tamil", "Lakshmi;Meenakshi;Kavitha;Revathi", "Murugan;Karthik;Senthil;Arumugam",
      "Subramanian;Venkataraman;Rajendran;Krishnan",
      native=[("முருகன்", "சுப்பிரமணியன்", "m", "w"), ("லட்சுமி", "வெங்கட்ராமன்", "f", "w")]),
    C("bengali", "Nasrin;Fatema;Shirin;Rupa", "Rahim;Tanvir;Shafiqul;Anisur", "Uddin;Akter;Hossain;Chowdhury;Rahman",
      native=[("রহিম", "উদ্দিন", "m", "w"), ("ফাতেমা", "বেগম", "f", "w")]),
    C("punjabi", "Harpreet;Manjit;Simran;Jaspreet", "Gurdeep;Harjinder;Baljit;Kuldeep", "Singh/Kaur;Sandhu;Gill;Dhillon",
      native=[("ਹਰਪ੍ਰੀਤ", "ਕੌਰ", "f", "w"), ("ਗੁਰਦੀਪ", "ਸਿੰਘ", "m", "w")]),
    C("pakistani", "Ayesha;Zainab;Sadia;Rukhsana", "Bilal;Imran;Faisal;Tahir", "Qureshi;Siddiqui;Chaudhry;Malik;Butt"),
    C("nepali", "Sita;Pasang;Sabina;Laxmi", "Bishnu;Pemba;Ram Bahadur;Dawa", "Gurung;Thapa;Sherpa;Shrestha;Tamang"),
    C("chinese", "Xiuying;Fang;Jing;Li Na", "Wei;Jianguo;Hao;Zhiqiang", "Wang;Li;Zhang;Liu;Chen",
      native=[("芳", "王", "f", "cjk"), ("伟", "李", "m", "cjk"), ("秀英", "张", "f", "cjk"), ("建国", "刘", "m", "cjk")]),
    C("cantonese", "Mei Ling;Ka-Wai;Wing Yee;Siu Fong", "Siu Ming;Chi Keung;Ka Lok;Wai Man", "Chan;Leung;Cheung;Wong;Ng"),
    C("taiwanese", "Yu-Ting;Shu-Fen;Hsiu-Ying", "Chih-Hao;Chun-Chieh;Kuan-Yu", "Lin;Hsu;Tsai;Huang;Cheng"),
    C("japanese", "Hanako;Misaki;Yumiko;Keiko", "Kenta;Hiroshi;Takeshi;Shōta", "Sato;Suzuki;Takahashi;Watanabe;Itō",
      native=[("花子", "佐藤", "f", "jp"), ("健太", "鈴木", "m", "jp"), ("美咲", "高橋", "f", "jp"), ("浩", "渡辺", "m", "jp")]),
    C("korean", "Seo-yeon;Ji-woo;Eun-ji;Hye-jin", "Min-jun;Ji-hoon;Sung-ho;Dong-hyun", "Park;Kim;Lee;Choi;Jung",
      native=[("서연", "박", "f", "ko"), ("민준", "김", "m", "ko"), ("지훈", "이", "m", "ko"), ("은지", "최", "f", "ko")]),
    C("vietnamese", "Thị Lan;Thu Thảo;Ngọc Ánh;Thị Hồng", "Văn Minh;Quang Huy;Đức Anh;Văn Hùng", "Nguyễn;Trần;Phạm;Lê;Đặng",
      order="vn"),
    C("thai", "Malee;Siriporn;Nong;Wanida", "Somchai;Prasert;Anan;Chaiwat", "Jaidee;Srisuk;Wongsawat;Thongchai",
      native=[("มาลี", "ศรีสุข", "f", "w"), ("สมชาย", "ใจดี", "m", "w")]),
    C("filipino", "Maricel;Rowena;Ligaya;Jovelyn", "Jericho;Rodel;Bayani;Ronaldo", "Dela Cruz;Bautista;Macapagal;Santos;Villanueva"),
    C("javanese", "Suharti;Sri Wahyuni;Sumiati", "Wagiman;Purnomo;Sutrisno", "", order="single"),
    C("burmese", "Thandar Hlaing;Hnin Wai;Khin Myo Aye", "Aung Kyaw Moe;Zaw Min Htut;Kyaw Soe", "", order="single"),
    C("khmer", "Sokha;Channary;Sreymom", "Dara;Vuthy;Sophal", "Chea;Sok;Chhim;Keo", native=[("សុខា", "ជា", "f", "w")]),
    C("hmong", "Pa Nhia;Mai Yer;Nou;Youa", "Tou;Kou;Nhia;Chue", "Xiong;Vang;Thao;Yang;Lor"),
    C("ethiopian", "Tigist;Selamawit;Meseret;Hirut", "Abebe;Dawit;Getachew;Tesfaye", "Bekele;Haile;Girma;Alemu;Wolde",
      native=[("አበበ", "በቀለ", "m", "w"), ("ትዕግስት", "ኃይሌ", "f", "w")]),
    C("somali", "Hodan;Fadumo;Ayan;Sahra", "Abdirahman;Warsame;Abdullahi;Mahad", "Farah;Abdi;Hassan;Osman;Jama"),
    C("yoruba", "Folasade;Temitope;Oluwaseun;Yetunde", "Adebayo;Oluwatobi;Babatunde;Olumide", "Adeyemi;Ogunleye;Balogun;Adewale"),
    C("igbo", "Ngozi;Adaeze;Chiamaka;Nneka", "Chidi;Chukwuemeka;Obinna;Ikenna", "Okafor;Nwosu;Eze;Okonkwo;Obi"),
    C("akan", "Akosua;Yaa;Abena;Efua", "Kwame;Kofi;Kwabena;Yaw", "Mensah;Asante;Owusu;Boateng;Appiah"),
    C("kenyan", "Wanjiru;Achieng;Wambui;Nyambura", "Otieno;Kamau;Kiprono;Baraka", "Mwangi;Odhiambo;Njoroge;Kiptoo;Onyango"),
    C("zulu", "Thandiwe;Nomvula;Lindiwe;Zanele", "Sipho;Themba;Bongani;Mandla", "Dlamini;Nkosi;Ndlovu;Mthembu;Zulu"),
    C("haitian", "Widlène;Fabiola;Marie-Claude;Nadège", "Wisly;Jean-Baptiste;Frantz;Jocelyn", "Pierre-Louis;Joseph;Désir;Célestin;Saint-Fleur"),
    C("navajo", "Darlene;Winona;Lorraine;Shandiin", "Shaun;Leroy;Delbert;Nakai", "Begay;Yazzie;Tsosie;Benally;Nez"),
    C("samoan", "Losa;Malia;Sefa;Ana", "Sione;Tavita;Faamanu;Iosefa", "Faleolo;Tuilagi;Leota;Aumua;Fuimaono"),
    C("hawaiian", "Leilani;Kalena;Noelani;Maile", "Keoni;Kalani;Makoa;Kaimana", "Kahananui;Kealoha;Akana;Kamakau"),
    C("georgian", "Nino;Tamar;Ketevan;Maia", "Giorgi;Levan;Davit;Zurab", "Beridze;Kapanadze;Gelashvili;Tsiklauri",
      native=[("ნინო", "ბერიძე", "f", "w"), ("გიორგი", "კაპანაძე", "m", "w")]),
    C("armenian", "Ani;Lusine;Anahit;Siranush", "Aram;Hovhannes;Tigran;Vardan", "Petrosyan;Sargsyan;Hakobyan;Grigoryan",
      native=[("Անի", "Սարգսյան", "f", "w"), ("Արամ", "Պետրոսյան", "m", "w")]),
    C("romanian", "Ioana;Mădălina;Ștefania;Viorica", "Ștefan;Răzvan;Mihai;Costel", "Popescu;Țăranu;Ionescu;Munteanu;Dumitrașcu"),
    C("serbo_croatian", "Jelena;Snežana;Dragana;Mirjana", "Dragan;Željko;Goran;Miloš", "Jovanović;Petrović;Kovačević;Đorđević;Babić"),
    C("albanian", "Drita;Lindita;Arta;Mimoza", "Arben;Besnik;Ilir;Fatmir", "Hoxha;Krasniqi;Shehu;Berisha;Gashi"),
    C("afghan", "Nazanin;Mursal;Freshta;Gulalai", "Gul Ahmad;Shafiq;Noorullah;Zabihullah", "", order="single"),
    C("mongolian", "Oyunchimeg;Enkhjargal;Sarangerel", "Bat-Erdene;Gantulga;Munkh-Orgil", "Dorj;Batbayar;Tserendorj"),
    C("lithuanian", "Rūta;Aušra;Birutė;Gintarė", "Mindaugas;Saulius;Vytautas;Rimantas",
      "Kazlauskas/Kazlauskienė;Petrauskas/Petrauskienė;Žukauskas/Žukauskienė;Jankauskas/Jankauskienė"),
    C("tigrinya", "Senait;Saba;Mebrat;Letensae", "Yonas;Tesfay;Habtom;Mehari", "Ghebremedhin;Tesfamariam;Weldemichael;Kidane"),
    C("malay", "Nurul Aisyah;Siti Hajar;Nor Azlina", "Muhammad Hafiz;Ahmad Faizal;Mohd Rizal",
      "bin Ismail/binti Ismail;bin Ahmad/binti Ahmad;bin Yusof/binti Yusof"),
    C("sinhala", "Dilani;Chathurika;Nadeeka", "Chaminda;Ruwan;Lasantha", "Perera;Wijesinghe;Jayasuriya;Fernando"),
    C("jamaican", "Shanice;Marcia;Paulette;Sasha-Kay", "Delroy;Winston;Leroy;Kemar", "Campbell;Thompson;McKenzie;Bailey;Grant"),
    C("cuban", "Yamilé;Odalys;Dayana", "Yoandry;Reinier;Osvaldo", "Pérez Díaz;Valdés;Cárdenas;Castellanos"),
    C("colombian", "Luz Marina;Yuliana;Marleny", "Jhon Fredy;Wilmar;Yeison", "Restrepo;Zapata;Ospina;Gaviria"),
    C("kiche_maya", "Rosalinda;Juana;Santa;Micaela", "Tomás;Sebastián;Baltazar;Domingo", "Tzoc;Ajpop;Xicará;Cux;Tum"),
]

STAFF = [("Priya", "Raman"), ("Marcus", "Webb"), ("Elena", "Sokolova"), ("Tom", "Brennan"), ("Aisha", "Bello"),
         ("Kevin", "Tran"), ("Rachel", "Goldberg"), ("Luis", "Ortega"), ("Grant", "Hunter"), ("Chase", "Whitaker"),
         ("Summer", "Jackson"), ("Noah", "Lindgren"), ("Fatima Zahra", "Idrissi"), ("Ben", "Okoro"), ("Jenna", "Kowalski"),
         ("Hiro", "Tanaka"), ("Sofía", "Mendoza"), ("Derek", "Chau"), ("Mei-Lin", "Ho"), ("Andrea", "Russo"),
         ("Oluwadamilare", "Ajayi"), ("Connor", "Walsh"), ("Divya", "Nair"), ("Sam", "Reyes"), ("Kate", "Morrison"),
         ("Ravi", "Patel"), ("Lena", "Hoffmann"), ("Jorge", "Villalobos"), ("Anna", "Nowak"), ("Tyler", "Brooks"),
         ("Hana", "Kobayashi"), ("Zoë", "Ferreira"), ("Joaquín", "Torres"), ("Megan", "O'Neil"), ("Ahmed", "Saleh"),
         ("Camille", "Laurent"), ("Owen", "Fletcher"), ("Nadia", "Karam"), ("Ivan", "Horvat"), ("Beth", "Carroll"),
         ("Sunil", "Menon"), ("Yasmin", "Farouk"), ("Erik", "Solberg"), ("Dana", "Whitcomb"), ("Marisa", "Chen"),
         ("Victor", "Alves"), ("Jill", "Hartman"), ("Pete", "Sandoval"), ("Ifeoma", "Nwachukwu"), ("Carlos", "Mejía"),
         ("Ingrid", "Dahl"), ("Lucas", "Moreau"), ("Aaron", "Feld"), ("Keith", "Lam"), ("Robin", "Ellery"),
         ("Hunter", "Pruitt"), ("Faith", "Oyelaran"), ("Mark", "Jackson"), ("Rose", "Castellano"), ("Will", "Chase"),
         ("Tamsin", "Grant"), ("Gabriel", "Young"), ("Bao", "Long"), ("Jae-won", "Park"), ("Siddharth", "Rao"),
         ("Bronwyn", "Hale"), ("Mateus", "Brito"), ("Anjali", "Desai"), ("Colleen", "Murphy"), ("Dmitri", "Orlov")]

FOLD = {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "þ": "th", "Þ": "Th", "ð": "d",
        "Ð": "D", "æ": "ae", "Æ": "AE", "ı": "i", "’": "'"}


def fold(s):
    s = "".join(FOLD.get(ch, ch) for ch in s)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def is_latin(s):
    return all(ord(ch) < 0x250 or unicodedata.category(ch).startswith("M") or ch in "’" for ch in s)


class Person:
    def __init__(self, given, family, sex, order, culture, native=False):
        self.given, self.family, self.sex, self.order = given, family, sex, order
        self.culture, self.native = culture, native

    @property
    def single(self):
        return not self.family

    def full(self):
        if self.single:
            return self.given
        if self.order == "cjk" or self.order == "ko":
            return self.family + self.given
        if self.order in ("jp", "vn"):
            return self.family + " " + self.given
        return self.given + " " + self.family

    def lf(self):
        if self.single:
            return self.given
        return f"{self.family}, {self.given}"

    def first(self):
        if self.single or self.order in ("cjk", "ko", "jp"):
            return self.full()
        return self.given.split()[0]

    def short(self):
        """First given name and last initial, 'Maria G.'"""
        if self.single or not is_latin(self.full()):
            return self.full()
        return f"{self.given.split()[0]} {self.family[0]}."

    def low(self):
        return self.full().lower()

    def up(self):
        return self.full().upper()

    def hl7(self, rng=None, folded=False):
        f = (lambda s: fold(s).upper()) if folded else (lambda s: s.upper())
        if self.single:
            return f(self.given) + ("^FNU" if rng is None or rng.random() < 0.5 else "")
        if not is_latin(self.family + self.given):
            return f"{self.family}^{self.given}"
        g = self.given.split(" ", 1)
        if len(g) == 2 and self.order == "w" and rng is not None and rng.random() < 0.5:
            return f"{f(self.family)}^{f(g[0])}^{f(g[1])}"
        return f"{f(self.family)}^{f(self.given)}"

    def he(self):
        return "she" if self.sex == "f" else "he"

    def his(self):
        return "her" if self.sex == "f" else "his"

    def tokens(self):
        return set(self.full().replace(",", " ").split())


class Staff:
    def __init__(self, first, last):
        self.first, self.last = first, last

    def full(self):
        return f"{self.first} {self.last}"

    def handle(self):
        return "@" + fold(self.first.split()[0]).lower().replace("'", "") + "." + fold(self.last).lower().replace("'", "")

    def jira(self):
        return "[~" + fold(self.first[0] + self.last).lower().replace("'", "") + "]"

    def email(self, dom):
        return fold(self.first.split()[0]).lower() + "." + fold(self.last).lower().replace("'", "") + "@" + dom

    def short(self):
        return f"{self.first[0]}. {self.last}"


# ---------------------------------------------------------------- vocabularies
CONDITIONS = ["CHF exacerbation", "COPD exacerbation", "type 2 diabetes", "ESRD", "community-acquired pneumonia",
              "cellulitis", "UTI", "sepsis", "AFib with RVR", "DVT", "hip fracture", "NSTEMI", "CKD stage 3",
              "asthma", "migraine", "major depressive disorder", "opioid use disorder", "alcohol withdrawal",
              "pancreatitis", "appendicitis", "bronchiolitis", "dementia", "Parkinson's disease", "breast cancer",
              "sickle cell crisis", "preeclampsia", "HIV", "lupus", "GI bleed", "DKA"]
OUTPT = [("type 2 diabetes", "metformin"), ("heart failure", "furosemide"), ("atrial fibrillation", "apixaban"),
         ("COPD", "tiotropium"), ("hypertension", "lisinopril"), ("hyperlipidemia", "atorvastatin"),
         ("major depressive disorder", "sertraline"), ("hypothyroidism", "levothyroxine"), ("opioid use disorder", "buprenorphine"),
         ("asthma", "albuterol"), ("rheumatoid arthritis", "methotrexate"), ("BPH", "tamsulosin"),
         ("diabetic neuropathy", "gabapentin"), ("gout", "allopurinol"), ("GERD", "omeprazole")]
INPT = [("community-acquired pneumonia", "ceftriaxone", "amoxicillin-clavulanate"), ("cellulitis", "vancomycin", "cephalexin"),
        ("CHF exacerbation", "IV furosemide", "furosemide"), ("COPD exacerbation", "methylprednisolone", "prednisone"),
        ("pyelonephritis", "ceftriaxone", "cefpodoxime"), ("DVT", "heparin drip", "apixaban"),
        ("AFib with RVR", "diltiazem drip", "metoprolol"), ("DKA", "insulin drip", "insulin glargine"),
        ("GI bleed", "pantoprazole drip", "pantoprazole"), ("alcohol withdrawal", "lorazepam", "thiamine")]
PROCS = ["lap chole", "CABG", "TKA", "hip ORIF", "lap appy", "TAVR", "C-section", "PCI", "TURP", "thyroidectomy"]
MEDS = ["lisinopril", "metformin", "apixaban", "furosemide", "insulin glargine", "sertraline", "buprenorphine",
        "oxycodone", "vancomycin", "ceftriaxone", "amoxicillin", "levothyroxine", "atorvastatin", "albuterol",
        "prednisone", "enoxaparin", "warfarin", "gabapentin", "tamsulosin", "methotrexate", "Eliquis", "Lasix"]
ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I50.9", "Heart failure, unspecified"),
       ("J44.1", "COPD with acute exacerbation"), ("N39.0", "Urinary tract infection, site not specified"),
       ("J18.9", "Pneumonia, unspecified organism"), ("I48.91", "Unspecified atrial fibrillation"),
       ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("F32.9", "Major depressive disorder, single episode"),
       ("J06.9", "Acute upper respiratory infection"), ("S72.001A", "Fracture of unsp part of neck of right femur"),
       ("K35.80", "Unspecified acute appendicitis"), ("N18.30", "Chronic kidney disease, stage 3 unspecified"),
       ("I10", "Essential (primary) hypertension"), ("R07.9", "Chest pain, unspecified")]
CPT = [("99213", "Office visit est, low MDM"), ("99214", "Office visit est, moderate MDM"), ("99284", "ED visit, moderate"),
       ("93000", "ECG complete"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ diff"),
       ("71046", "Chest x-ray 2 views"), ("36415", "Venipuncture"), ("97110", "Therapeutic exercise"),
       ("90686", "Flu vaccine, quadrivalent"), ("27447", "Total knee arthroplasty"), ("45378", "Colonoscopy, diagnostic")]
FACILITIES = ["St. Brigid Medical Center", "North Valley Hospital", "Bayview Medical Center", "Lakeshore Regional",
              "Mercy West Clinic", "Riverside General", "Cedar Hills Family Practice", "Harborview Pediatrics",
              "Pine Ridge Community Health", "St. Agnes Hospital", "Eastgate Dialysis Center", "Summit Orthopedics"]
FAC_CODES = ["SBMC", "NVH", "BVMC", "LSR", "MWC", "RVG", "CHFP", "HVP", "PRCH", "SAH"]
DOMAINS = ["stbrigid-health.org", "northvalleyhealth.org", "bayviewmed.org", "lakeshore-regional.org",
           "riversidegeneral.org", "pineridgechc.org", "medbridge-it.com", "corvalent.io"]
PAYERS = ["Aetna", "UnitedHealthcare", "Cigna", "Humana", "Blue Cross Blue Shield", "Tufts Health Plan", "Molina Healthcare",
          "MassHealth", "Medicare Part B", "Anthem", "Kaiser Permanente", "Ambetter"]
CITIES = [("Boston", "MA", "021"), ("Dorchester", "MA", "02124"), ("Lowell", "MA", "01852"), ("Houston", "TX", "770"),
          ("El Paso", "TX", "799"), ("Minneapolis", "MN", "554"), ("St. Paul", "MN", "551"), ("Phoenix", "AZ", "850"),
          ("Flagstaff", "AZ", "86001"), ("Miami", "FL", "331"), ("Hialeah", "FL", "33012"), ("Chicago", "IL", "606"),
          ("Seattle", "WA", "981"), ("Atlanta", "GA", "303"), ("Cleveland", "OH", "441"), ("Fresno", "CA", "937"),
          ("Dearborn", "MI", "48126"), ("Brooklyn", "NY", "112"), ("Bronx", "NY", "104"), ("Paterson", "NJ", "075"),
          ("Honolulu", "HI", "968"), ("Anchorage", "AK", "995"), ("Gallup", "NM", "87301"), ("Columbus", "OH", "432"),
          ("Sacramento", "CA", "958"), ("Portland", "OR", "972"), ("Providence", "RI", "029"), ("Nashville", "TN", "372")]
STREETS = ["Elm St", "Maple Ave", "Boylston St", "Calle Sol", "Washington St", "Oak Ridge Dr", "W 34th St", "Cedar Ln",
           "Dorchester Ave", "MLK Jr Blvd", "Pleasant St", "River Rd", "Linden Ct", "Highland Ave", "N Central Ave",
           "Kamehameha Hwy", "Juniper Way", "Lake St", "Church St", "Sunset Blvd", "Hillcrest Rd", "Prospect St"]
AREA = ["617", "508", "781", "404", "770", "678", "305", "786", "954", "713", "832", "214", "469", "312", "773", "206",
        "503", "612", "651", "216", "602", "480", "843", "912", "919", "704", "718", "347", "929", "973", "201", "808",
        "907", "915", "505", "559", "313", "401", "615", "916"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PROJ = ["PLAT", "INTG", "HIE", "EHRSUP", "DATA", "RCM", "PORTAL", "FHIR", "CLIN", "OPS"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    m, dd, y = d.month, d.day, d.year
    mon = MONTHS[m - 1]
    return {
        "us": f"{m:02d}/{dd:02d}/{y}",
        "us_nopad": f"{m}/{dd}/{y}",
        "us_short": f"{m}/{dd}/{y % 100:02d}",
        "iso": d.isoformat(),
        "dmy_mon": f"{dd:02d}-{mon[:3]}-{y}",
        "dmy_mon_up": f"{dd:02d}-{mon[:3].upper()}-{y}",
        "long_ord": f"{mon} {ordinal(dd)} {y}",
        "long": f"{mon} {dd}, {y}",
        "dot": f"{dd:02d}.{m:02d}.{y}",
        "hl7": f"{y}{m:02d}{dd:02d}",
        "mon_d_y": f"{mon[:3]} {dd} {y}",
        "d_month_y": f"{dd} {mon} {y}",
        "dash_us": f"{m:02d}-{dd:02d}-{y}",
        "slash_iso": f"{y}/{m:02d}/{dd:02d}",
    }[style]


HUMAN_DATE_STYLES = ["us", "us_nopad", "us_short", "iso", "dmy_mon", "long_ord", "long", "dot", "mon_d_y",
                     "d_month_y", "dash_us"]
CODE = "{code}"
NOFORMAT = "{noformat}"
ENC = "^~\\&"


class Ctx:
    def __init__(self, rng, culture):
        self.rng = rng
        self.culture = culture
        self.used = set()
        self.n_people = 0
        self.cultures_used = []
        self.k = 0  # ordinal of this document among its template's documents

    def r(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def ri(self, a, b):
        return self.rng.randint(a, b)

    # --- people
    def person(self, sex=None, native=None, other=False, culture=None, family=None):
        rng = self.rng
        c = culture or (self.culture if not other and self.n_people == 0 else rng.choice(CULTURES))
        self.n_people += 1
        for _ in range(50):
            use_native = bool(c.native) and (native is True or (native is None and rng.random() < 0.3))
            if use_native:
                g, f, sx, order = rng.choice([x for x in c.native if sex is None or x[2] == sex] or c.native)
                if family is not None and family.native:
                    f = family.family
                p = Person(g, f, sx, order, c, native=True)
            else:
                sx = sex or rng.choice("fm")
                g = rng.choice(c.fem if sx == "f" else c.masc)
                if c.order == "single":
                    f = ""
                elif family is not None and not family.native and family.family:
                    raw = next((x for x in c.fam if family.family in x.split("/")), family.family)
                    f = raw.split("/")[1 if sx == "f" else 0] if "/" in raw else raw
                else:
                    f = rng.choice(c.fam)
                    if "/" in f:
                        f = f.split("/")[1 if sx == "f" else 0]
                p = Person(g, f, sx, c.order, c)
            if p.full() not in self.used:
                break
        self.used |= p.tokens()
        self.used.add(p.full())
        self.cultures_used.append(c.key)
        return p

    def relative(self, p, sex=None):
        return self.person(sex=sex, culture=p.culture, family=p, native=p.native)

    def staff(self):
        for _ in range(100):
            s = Staff(*self.rng.choice(STAFF))
            toks = set(s.full().split())
            if not (toks & self.used):
                self.used |= toks
                return s
        raise RuntimeError("no staff")

    # --- dates
    def dob(self, lo=18, hi=88):
        days = self.rng.randint(lo * 365 + 10, hi * 365 + 300)
        return REF - dt.timedelta(days=days)

    def recent(self, lo=1, hi=40):
        return REF - dt.timedelta(days=self.rng.randint(lo, hi))

    def dstyle(self):
        return self.r(HUMAN_DATE_STYLES)

    def hl7ts(self, d=None, secs=True):
        d = d or self.recent()
        h, m, s = self.ri(0, 23), self.ri(0, 59), self.ri(0, 59)
        return f"{d.year}{d.month:02d}{d.day:02d}{h:02d}{m:02d}" + (f"{s:02d}" if secs else "")

    def logts(self, d=None, sep=" "):
        d = d or self.recent(0, 10)
        return f"{d.isoformat()}{sep}{self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d},{self.ri(0, 999):03d}"

    def jdate(self, d=None):
        d = d or self.recent(0, 30)
        return f"{d.day:02d}/{MONTHS[d.month - 1][:3]}/{d.year % 100:02d} {self.ri(1, 12)}:{self.ri(0, 59):02d} {self.r(['AM', 'PM'])}"

    # --- identifiers
    def digits(self, n, lead_zero_ok=True):
        s = "".join(str(self.ri(0, 9)) for _ in range(n))
        if not lead_zero_ok and s[0] == "0":
            s = str(self.ri(1, 9)) + s[1:]
        return s

    def mrn(self, style=None):
        style = style or self.r(["8", "7", "E7", "00", "9", "M"])
        if style == "8":
            return self.digits(8, False)
        if style == "7":
            return self.digits(7, False)
        if style == "E7":
            return "E" + self.digits(7)
        if style == "00":
            return "00" + self.digits(6, False)
        if style == "9":
            return self.digits(9, False)
        return "M" + self.digits(8)

    def letters(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.r(alphabet) for _ in range(n))

    def member_id(self, style=None):
        style = style or self.r(["L3D9", "W9", "L3D7", "H8", "MCD", "D9L2"])
        if style == "L3D9":
            return self.letters(3) + self.digits(9)
        if style == "W9":
            return "W" + self.digits(9, False)
        if style == "L3D7":
            return self.letters(3) + self.digits(7)
        if style == "H8":
            return "H" + self.digits(8)
        if style == "MCD":
            return self.letters(2) + self.digits(5) + self.letters(1)
        return self.digits(9, False) + self.r(["01", "02", "A", "00"])

    def mbi(self):
        L = "ACDEFGHJKMNPQRTUVWXY"
        A = L + "0123456789"
        s = (str(self.ri(1, 9)) + self.r(L) + self.r(A) + str(self.ri(0, 9)) + self.r(L) + self.r(A) +
             str(self.ri(0, 9)) + self.r(L) + self.r(L) + str(self.ri(0, 9)) + str(self.ri(0, 9)))
        if s.replace("-", "") == "1EG4TE5MK73":
            return self.mbi()
        return s if self.chance(0.6) else f"{s[:4]}-{s[4:7]}-{s[7:]}"

    def ssn(self, dashed=True):
        while True:
            a = self.ri(1, 899)
            if a != 666:
                break
        g, s = self.ri(1, 99), self.ri(1, 9999)
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v == "123-45-6789":
            return self.ssn(dashed)
        return v if dashed else v.replace("-", "")

    def phone_parts(self):
        ac = self.r(AREA)
        while True:
            ex = self.ri(201, 989)
            if ex != 555 and ex % 100 != 11:
                break
        return ac, str(ex), self.digits(4)

    def phone(self, style=None):
        ac, ex, ln = self.phone_parts()
        style = style or self.r(["paren", "dash", "dot", "plain", "intl", "space", "one", "paren_tight"])
        return {"paren": f"({ac}) {ex}-{ln}", "dash": f"{ac}-{ex}-{ln}", "dot": f"{ac}.{ex}.{ln}",
                "plain": f"{ac}{ex}{ln}", "intl": f"+1 {ac} {ex} {ln}", "space": f"{ac} {ex} {ln}",
                "one": f"1-{ac}-{ex}-{ln}", "paren_tight": f"({ac}){ex}-{ln}"}[style]

    def address(self):
        city, state, zp = self.r(CITIES)
        z = zp if len(zp) == 5 else zp + self.digits(5 - len(zp))
        if self.chance(0.2):
            z += "-" + self.digits(4)
        street = f"{self.ri(2, 9899)} {self.r(STREETS)}"
        unit = self.r(["", "", "", f"Apt {self.ri(1, 40)}", f"Unit {self.r('ABCD')}{self.ri(1, 9)}", f"#{self.ri(2, 310)}"])
        return street, unit, city, state, z

    def acct(self):
        return self.r(["", "A", "V", "HAR"]) + self.digits(self.r([8, 9, 10]), False)

    def claim_no(self):
        return self.r([self.digits(13, False), "2026" + self.digits(9), self.letters(1) + self.digits(11),
                       self.digits(4, False) + self.letters(1) + self.digits(6)])

    def npi(self):
        # 10 digits with a valid Luhn check over the 80840 prefix; never the documented test NPI
        while True:
            base = "1" + self.digits(8)
            tot, dbl = 24, True
            for ch in reversed(base):
                d = int(ch)
                if dbl:
                    d *= 2
                    if d > 9:
                        d -= 9
                tot += d
                dbl = not dbl
            v = base + str((10 - tot % 10) % 10)
            if v != "1234567893":
                return v

    def ticket(self, proj=None):
        return f"{proj or self.r(PROJ)}-{self.ri(120, 9800)}"

    def uuid(self):
        h = "".join(self.r("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.r('89ab')}{h[17:20]}-{h[20:32]}"

    def sha(self, n=7):
        return "".join(self.r("0123456789abcdef") for _ in range(n))

    def ip(self):
        return self.r([f"10.{self.ri(0, 60)}.{self.ri(0, 254)}.{self.ri(2, 250)}",
                       f"172.{self.ri(16, 31)}.{self.ri(0, 254)}.{self.ri(2, 250)}",
                       f"192.168.{self.ri(0, 20)}.{self.ri(2, 250)}"])

    def ver(self):
        return f"{self.ri(1, 9)}.{self.ri(0, 24)}.{self.ri(0, 15)}"

    def icd(self):
        return self.r(ICD)

    def cond(self, p=None):
        bad = {"m": ("preeclampsia",), "f": ()}.get(p.sex if p else "", ())
        return self.r([x for x in CONDITIONS if x not in bad])

    def proc(self, p=None):
        bad = {"m": ("C-section",), "f": ("TURP",)}.get(p.sex if p else "", ())
        return self.r([x for x in PROCS if x not in bad])

    def cpt(self):
        return self.r(CPT)


EW = CULTURES[0]  # names that are also English words (Hope, Rose, Young, Brown, Long, Park)

TEMPLATES = []  # (family, variant, fn, count, kind) kind in {"min", "ord", "clean"}


def T(family, variant, count, kind):
    def deco(fn):
        TEMPLATES.append((family, variant, fn, count, kind))
        return fn
    return deco


# ---------------------------------------------------------------- shared pieces
def jira_head(c, key, summary, typ="Bug"):
    rep, asg = c.staff(), c.staff()
    st = c.ri(0, 3)
    pr = c.r(["Major", "Critical", "Minor", "High", "Medium"])
    cr = c.recent(7, 30)
    if st == 0:
        return (f"[{key}] {summary}\nType: {typ}   Priority: {pr}   Status: {c.r(['Open', 'In Progress', 'Triage', 'Reopened'])}\n"
                f"Reporter: {S(rep.full())}   Assignee: {S(asg.full())}\nCreated: {c.jdate(cr)}   Updated: {c.jdate(cr + dt.timedelta(days=c.ri(0, 6)))}\n\n")
    if st == 1:
        return f"{key} · {summary}\nreported by {S(rep.full())}, assigned to {S(asg.full())} · {pr}\n\n"
    if st == 2:
        comp = c.r(["ADT inbound", "Lab results", "Scheduling", "EMPI", "Interfaces"])
        return (f"h3. {summary}\n||Key||Reporter||Assignee||Component||\n"
                f"|{key}|{S(rep.full())}|{S(asg.full())}|{comp}|\n\n")
    return f"{summary}\n{key} | {typ} | {pr} | {S(asg.full())}\n\n"


def msh(c, typ, ver=None, ctl=None):
    return (f"MSH|{ENC}|{c.r(['EPIC', 'CERNER', 'MEDITECH', 'REGADT', 'LABSYS', 'SCHED'])}|{FAC(c.r(FAC_CODES))}|"
            f"{c.r(['RHAPSODY', 'MIRTH', 'CLOVERLEAF', 'HIE'])}|{c.r(['HIE', 'DW', 'EMPI'])}|{EVD(c.hl7ts())}||{typ}|"
            f"{IID(ctl or c.digits(9, False))}|P|{ver or c.r(['2.3', '2.5.1', '2.4'])}")


def seg(name, fields, n=None):
    n = n or max(fields)
    return name + "|" + "|".join(fields.get(i, "") for i in range(1, n + 1))


def hl7_staff(c, s=None):
    s = s or c.staff()
    return f"{D('other_id', c.npi())}^{S(fold(s.last).upper())}^{S(fold(s.first.split()[0]).upper())}^^^{TT('DR')}", s


def pid(c, p=None, mrn=None, dob=None, sex=None, addr=None, phone=None, acct=None, ssn=None, aa=None, folded=None):
    f = {1: "1"}
    if mrn:
        f[3] = f"{P('mrn', mrn)}^^^{aa or c.r(FAC_CODES)}^MR"
    if p is not None:
        f[5] = N(p.hl7(c.rng, folded=c.chance(0.5) if folded is None else folded))
    if dob:
        f[7] = DT(fmt_date(dob, "hl7"))
    if sex:
        f[8] = sex
    if addr:
        st, unit, city, state, z = addr
        f[11] = f"{P('street_address', st)}^{P('street_address', unit) if unit else ''}^{P('street_address', city)}^{ST(state)}^{P('zip_code', z)}"
    if phone:
        ac, ex, ln = phone
        f[13] = c.r([f"^PRN^PH^^1^{P('phone', ac)}^{P('phone', ex + ln)}", f"{P('phone', f'({ac}){ex}-{ln}')}^PRN^PH"])
    if acct:
        f[18] = P("account_number", acct)
    if ssn:
        f[19] = P("ssn", ssn)
    return seg("PID", f)


LABS = [("718-7", "Hemoglobin", "g/dL", "12.0-16.0", (7.1, 15.9)), ("6690-2", "WBC", "10*3/uL", "4.0-11.0", (2.1, 19.8)),
        ("777-3", "Platelets", "10*3/uL", "150-400", (45, 520)), ("2951-2", "Sodium", "mmol/L", "135-145", (121, 149)),
        ("2823-3", "Potassium", "mmol/L", "3.5-5.1", (2.6, 6.8)), ("2160-0", "Creatinine", "mg/dL", "0.6-1.2", (0.5, 6.2)),
        ("2345-7", "Glucose", "mg/dL", "70-99", (48, 412)), ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", (5.1, 12.4)),
        ("33762-6", "NT-proBNP", "pg/mL", "0-125", (40, 9800)), ("6301-6", "INR", "", "0.9-1.1", (0.9, 4.8))]


def lab_val(c, lab):
    lo, hi = lab[4]
    v = c.rng.uniform(lo, hi)
    return f"{v:.1f}" if hi < 100 else f"{int(v)}"


# ================================================================ jira_hl7
@T("jira_hl7", "jira_hl7_pid_dob_only", 2, "min")
def _(c):
    d = c.dob(0, 85)
    key = c.ticket("INTG")
    head = jira_head(c, key, c.r(["PID-7 only field populated -> NPE in PidMapper", "quick-reg PID with just DOB crashes mapper",
                                  "NPE on sparse PID (walk-in registration)"]))
    s = c.staff()
    sex = c.r(["U", "F", "M", ""])
    return (head + f"Quick-reg walk-ins from {FAC(c.r(FACILITIES))} come through with every PID field blank except DOB. "
            f"We throw instead of returning an AE.\n\n{CODE}\n{msh(c, 'ADT^A04^ADT_A01')}\nEVN|A04|{EVD(c.hl7ts())}\n"
            f"PID|1||||||{DT(fmt_date(d, 'hl7'))}|{sex}\nPV1|1|E|ED^^^{c.r(FAC_CODES)}\n{CODE}\n\n"
            "java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"name\" is null\n"
            "\tat org.hie.ingest.PidMapper.mapName(PidMapper.java:88)\n"
            "\tat org.hie.ingest.PidMapper.map(PidMapper.java:41)\n"
            "\tat org.hie.ingest.AdtRouter.route(AdtRouter.java:127)\n\n"
            f"Expected: AE with ERR|^^^101&Required field missing. {D('person_name', s.handle())} fyi\n")


@T("jira_hl7", "jira_hl7_mrn_name_comment", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 1 else None)
    m = c.mrn()
    s = c.staff()
    forms = [
        lambda: f"A08 for {P('mrn', m)} ({N(p.low())}) bounced again, AR on PID-5 length? {D('person_name', s.handle())} pls look",
        lambda: f"{N(p.hl7(c.rng, folded=True))} / MRN {P('mrn', m)} keeps falling out of the A31 feed, same as last wk",
        lambda: f"still seeing dupes for {N(p.lf())} mrn# {P('mrn', m)} after the merge — reopening",
    ]
    return forms[c.k % 3]()


@T("jira_hl7", "jira_hl7_mpi_nomatch_log", 2, "min")
def _(c):
    m = c.mrn()
    d = c.recent(0, 4)
    th = f"mllp-in-{c.ri(1, 8)}"
    aa = c.r(FAC_CODES)
    src = c.ip()
    h = c.ri(0, 22)
    lines = []
    mm, ss = c.ri(0, 40), c.ri(0, 50)
    ctl0 = int(c.digits(7, False))
    for i in range(c.ri(5, 9)):
        ts = f"{d.isoformat()} {h:02d}:{mm + i:02d}:{ss:02d},{c.ri(0, 999):03d}"
        ctl = ctl0 + i
        if i == 2:
            lines.append(f"{ts} INFO  [{th}] MllpReceiver - received 1 msg from {src}:{c.ri(40000, 65000)}")
            lines.append(f"{ts} WARN  [{th}] MpiLookup - no match for PID-3 '{P('mrn', m)}' (assigning authority {aa}), holding msg")
            lines.append(f"{ts} INFO  [{th}] AckBuilder - sending AE, MSA|AE|{IID(str(ctl))}")
        else:
            lines.append(f"{ts} INFO  [{th}] MllpReceiver - received 1 msg from {src}:{c.ri(40000, 65000)}")
            lines.append(f"{ts} INFO  [{th}] AckBuilder - sending AA, MSA|AA|{IID(str(ctl))}")
    intro = c.r(["Seeing this every ~10 min since the cutover:", "from the prod engine log this morning (node 2)",
                 "same pattern again, excerpt:"])
    outro = c.r(["EMPI team says the id exists, so maybe the AA is wrong on our side?",
                 "only that one id fails, everything else ACKs fine",
                 f"{D('person_name', c.staff().handle())} is this the cache thing from {c.ticket('HIE')}?"])
    body = "\n".join(lines)
    return f"{intro}\n{NOFORMAT}\n{body}\n{NOFORMAT}\n{outro}\n"


@T("jira_hl7", "jira_hl7_nk1_mother_phone", 1, "min")
def _(c):
    kid = c.person()
    mom = c.relative(kid, sex="f")
    ac, ex, ln = c.phone_parts()
    s = c.staff()
    return (f"NK1 getting dropped on the peds A04s since the v3 channel deploy. example (rest of msg trimmed):\n{CODE}\n"
            f"NK1|1|{N(mom.hl7(c.rng))}|MTH^Mother^HL70063||^PRN^PH^^1^{P('phone', ac)}^{P('phone', ex + ln)}\n{CODE}\n"
            f"{D('person_name', s.handle())} can you check the repetition handling in NK1Builder? prob same bug as {c.ticket('INTG')}\n")


@T("jira_hl7", "jira_hl7_obx_obsdate_name", 1, "min")
def _(c):
    p = c.person(native=False)
    nm = p.low() if p.single else f"{p.family.lower()} {p.first()[0].lower()}"
    d = c.recent(1, 6)
    return (f"ORU for {N(nm)} — OBX-14 blank, lab says the obs was {DT(c.hl7ts(d, secs=False))}. can we backfill from OBR-7 "
            f"for now? ({c.ticket('INTG')})\n")


@T("jira_hl7", "jira_hl7_adt_a01", 2, "ord")
def _(c):
    p = c.person()
    key = c.ticket(c.r(["INTG", "HIE", "DATA"]))
    dob = c.dob(20, 88)
    m, acct, visit = c.mrn(), c.acct(), c.digits(9, False)
    addr = c.address() if c.chance(0.7) else None
    ph = c.phone_parts() if c.chance(0.7) else None
    ssn = c.ssn() if c.chance(0.35) else None
    admit = c.recent(1, 10)
    att, _s = hl7_staff(c)
    payer = c.r(PAYERS)
    pol = c.member_id()
    grp = c.digits(6, False)
    ppac, ppex, ppln = "800", str(c.ri(200, 999)), c.digits(4)
    summary = c.r(["A01 lands in DW without PV1-19", "admit msgs missing IN1 policy after upgrade", "PV1-44 off by TZ on A01s"])
    pv1 = seg("PV1", {1: "1", 2: "I", 3: f"{c.r(['4E', '5W', 'ICU', '6N'])}^{c.ri(401, 640)}^{c.r('AB')}^{c.r(FAC_CODES)}",
                      4: c.r(["E", "U", "R"]), 7: att, 10: c.r(["MED", "SUR", "CAR"]), 19: P("account_number", visit),
                      44: DT(c.hl7ts(admit, secs=False))})
    in1 = {1: "1", 2: c.r(["PPO1", "HMO", "MCR", "MCD"]), 3: c.digits(5), 4: payer,
           5: f"PO BOX {c.ri(1000, 99999)}^^" + c.r(["ATLANTA^GA", "HARTFORD^CT", "LEXINGTON^KY", "DALLAS^TX", "LOUISVILLE^KY"]),
           7: f"({ppac}){ppex}-{ppln}", 8: D("other_id", grp), 36: P("health_plan_id", pol)}
    msg = "\n".join([msh(c, "ADT^A01^ADT_A01"), f"EVN|A01|{EVD(c.hl7ts())}",
                     pid(c, p, m, dob, p.sex.upper(), addr, ph, acct, ssn), pv1, seg("IN1", in1)])
    s1, s2 = c.staff(), c.staff()
    log = ""
    if c.k == 1:
        d0 = c.recent(0, 3)
        rows = []
        for i, (mi, se) in enumerate(sorted((c.ri(0, 59), c.ri(0, 59)) for _ in range(c.ri(12, 18)))):
            ts = f"{d0.isoformat()} 03:{mi:02d}:{se:02d},{c.ri(0, 999):03d}"
            rows.append(c.r([f"{ts} INFO  [ADT_IN_MAIN] Transformer - A01 -> dw_encounter (xslt v{c.ri(3, 9)}) ok",
                             f"{ts} WARN  [ADT_IN_MAIN] DwWriter - visit_number null, writing placeholder",
                             f"{ts} INFO  [ADT_IN_MAIN] Listener - {c.ip()}:6661 connection accepted",
                             f"{ts} DEBUG [ADT_IN_MAIN] Router - filter PV1-2 in (I,O,E) passed"]))
        log = "\nEngine log around the time:\n" + NOFORMAT + "\n" + "\n".join(rows) + "\n" + NOFORMAT + "\n"
    return (jira_head(c, key, summary) +
            f"Since the {c.ver()} upgrade some A01s from {FAC(c.r(FACILITIES))} reach the warehouse with empty visit/policy columns. "
            f"Sample from the inbound archive:\n\n{CODE}\n{msg}\n{CODE}\n\n"
            f"{log}\n{S(s1.full())}: raw message looks complete, so it's our mapping. PV1-19 is there.\n"
            f"{S(s2.full())}: confirmed, XSLT picks PV1-18. fix in review.\n")


@T("jira_hl7", "jira_hl7_oru_results", 2, "ord")
def _(c):
    p = c.person()
    key = c.ticket(c.r(["INTG", "CLIN", "LAB"]))
    m, dob = c.mrn(), c.dob(1, 88)
    coll = c.recent(1, 5)
    placer, filler = c.digits(8, False), "F" + c.digits(7)
    prov, _s = hl7_staff(c)
    panel = c.r([("CBC", "CBC W AUTO DIFF", [0, 1, 2]), ("BMP", "BASIC METABOLIC PANEL", [3, 4, 5, 6]),
                 ("A1C", "HEMOGLOBIN A1C", [7]), ("BNP", "NT PROBNP", [8]), ("PT", "PROTIME INR", [9])])
    obs = c.hl7ts(coll, secs=False)
    lines = [msh(c, "ORU^R01^ORU_R01"), pid(c, p, m, dob, p.sex.upper()), "PV1|1|O|LAB^^^" + c.r(FAC_CODES),
             f"ORC|RE|{IID(placer)}|{IID(filler)}",
             seg("OBR", {1: "1", 2: IID(placer), 3: IID(filler), 4: f"{panel[0]}^{panel[1]}^L", 7: DT(obs), 16: prov, 25: "F"})]
    for i, li in enumerate(panel[2]):
        lab = LABS[li]
        val = lab_val(c, lab)
        lo, hi = (float(x) for x in lab[3].split("-"))
        flag = "L" if float(val) < lo else ("H" if float(val) > hi else "")
        if flag == "H" and float(val) > hi * 1.8:
            flag = "HH"
        o14 = DT(obs) if c.chance(0.6) else ""
        lines.append(seg("OBX", {1: str(i + 1), 2: "NM", 3: f"{lab[0]}^{lab[1]}^LN", 5: val, 6: lab[2], 7: lab[3],
                                 8: flag, 11: "F", 14: o14}))
    msg = "\n".join(lines)
    return (jira_head(c, key, c.r(["critical flag not firing on HH results", "ORU units dropped in results viewer",
                                   "OBX sequence out of order after resend"])) +
            f"{c.r(['Repro msg:', 'From prod, trimmed:', 'Message as received:'])}\n{NOFORMAT}\n{msg}\n{NOFORMAT}\n"
            f"Viewer shows the panel but {c.r(['no alert for the HH', 'blank units', 'OBX 2 before OBX 1'])}. "
            f"{D('person_name', c.staff().jira())} said lab side is fine.\n")


@T("jira_hl7", "jira_hl7_siu_appt", 2, "ord")
def _(c):
    p = c.person()
    m, dob = c.mrn(), c.dob(2, 85)
    appt = REF + dt.timedelta(days=c.ri(2, 30))
    h = c.r([8, 9, 10, 13, 14, 15])
    start = f"{appt.year}{appt.month:02d}{appt.day:02d}{h:02d}00"
    end = f"{appt.year}{appt.month:02d}{appt.day:02d}{h:02d}30"
    ph = c.phone_parts() if c.chance(0.6) else None
    prov = c.staff()
    aip = f"{D('other_id', c.npi())}^{S(fold(prov.last).upper())}^{S(fold(prov.first.split()[0]).upper())}"
    msg = "\n".join([msh(c, "SIU^S12^SIU_S12"),
                     f"SCH|{IID(c.digits(7, False))}|{IID(c.digits(7, False))}|||||{c.r(['FOLLOWUP', 'NEWPT', 'POSTOP'])}^^|"
                     f"{c.r(['OFFICE', 'TELEHEALTH'])}|30|MIN|^^30^{DT(start)}^{DT(end)}",
                     pid(c, p, m, dob, p.sex.upper(), None, ph), f"AIP|1||{aip}|ATTENDING",
                     f"AIL|1||{c.r(['CARD', 'ORTHO', 'PEDS', 'ENDO'])}^{c.ri(100, 400)}^^{c.r(FAC_CODES)}"])
    key = c.ticket("SCHED")
    return (jira_head(c, key, "appt times shifted +5h on the kiosk") +
            f"Scheduling sends local time, kiosk treats SCH-11 as UTC. Example:\n{CODE}\n{msg}\n{CODE}\n"
            f"Kiosk showed {c.r(['19:00', '18:30', '20:00'])} for this one. Same as the DST bug last spring.\n")


@T("jira_hl7", "jira_hl7_a40_merge", 1, "ord")
def _(c):
    p = c.person()
    new, old = c.mrn("8"), c.mrn("8")
    dob = c.dob(18, 80)
    aa = c.r(FAC_CODES)
    msg = "\n".join([msh(c, "ADT^A40^ADT_A39"), f"EVN|A40|{EVD(c.hl7ts())}", pid(c, p, new, dob, p.sex.upper(), aa=aa),
                     f"MRG|{P('mrn', old)}^^^{aa}^MR"])
    return (jira_head(c, c.ticket("EMPI"), "A40 processed but DW still has both charts") +
            f"ED reg created a dup at the door, HIM merged it this morning. Engine processed the A40 fine:\n{CODE}\n{msg}\n{CODE}\n"
            f"but dim_patient still has a row for {P('mrn', old)} with active_flag=Y. "
            f"{D('person_name', c.staff().handle())} is the merge job reading MRG-1 or PID-3?\n")


# ================================================================ confluence_patient_table
@T("confluence_patient_table", "conf_dq_open_items_one_mrn", 2, "min")
def _(c):
    m = c.mrn()
    rows = [("DQ-112", "ZIP+4 missing on ~3% of A04s", f"{c.r(FAC_CODES)} ADT"),
            ("DQ-115", "OBX-5 numeric with comma decimal", "reference lab feed"),
            ("DQ-118", f"duplicate encounter created after A08 for MRN {P('mrn', m)}", "Registration"),
            ("DQ-121", "race/ethnicity codes not mapped to CDC set", "DW"),
            ("DQ-124", "provider NPI blank on 40 ORMs", "CPOE")]
    c.rng.shuffle(rows)
    owners = [S(c.staff().full()) for _ in rows]
    st = [c.r(["open", "in progress", "blocked", "open"]) for _ in rows]
    if c.k % 2 == 0:
        tab = "||ID||Issue||Source||Owner||Status||\n" + "\n".join(
            f"|{r[0]}|{r[1]}|{r[2]}|{o}|{s}|" for r, o, s in zip(rows, owners, st))
    else:
        tab = "| ID | Issue | Source | Owner | Status |\n|---|---|---|---|---|\n" + "\n".join(
            f"| {r[0]} | {r[1]} | {r[2]} | {o} | {s} |" for r, o, s in zip(rows, owners, st))
    return (f"Data quality — open items\nLast edited by {S(c.staff().full())} on {c.r(MONTHS[9:11])} {c.ri(1, 28)}, 2026\n\n"
            f"Reviewed at the Tuesday DQ sync. Close items only after a clean nightly run.\n\n{tab}\n")


@T("confluence_patient_table", "conf_huddle_bed_surname", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 1 else None)
    sn = p.family if not p.single else p.given
    sn = sn.lower() if c.chance(0.4) else sn
    unit = c.r(["5W", "4 East", "6N Med-Surg", "CVICU step-down", "Ortho 3"])
    bed = c.ri(2, 32)
    who = "guy" if p.sex == "m" else "lady"
    cue = c.r([f"bed {bed} ({N(sn)}) s/p {CO(c.proc(p))}", f"{who} in bed {bed}, {N(sn)}, s/p {CO(c.proc(p))}",
               f"{bed} - {N(sn)} - {CO(c.cond(p))}"])
    hd = c.recent(0, 20)
    return (f"{unit} safety huddle {hd.month}/{hd.day}\n\n"
            f"Staffing: {c.ri(4, 8)} RN / {c.ri(1, 3)} PCT, sitter needed x1\n"
            f"Falls: 0   CLABSI: 0   Restraints: none\n"
            f"- {cue} — f/u AM labs, NPO after MN\n"
            f"- {c.ri(2, 4)} d/c's pending transport\n"
            f"- pharmacy: {MED(c.r(MEDS))} short, use alt per {S(c.staff().full())}\n"
            f"- Pyxis on the north side down again, ticket {c.ticket('OPS')}\n")


@T("confluence_patient_table", "conf_escalations_name_dx", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 0 else None)
    wk = c.recent(0, 20)
    items = [f"Printer in 4E med room still down ({c.ticket('OPS')})",
             f"{N(p.short())} — {CO(c.cond(p))}, readmitted within 30d, CM aware ({D('person_name', c.staff().handle())})",
             f"Vocera badges not syncing after update {c.ver()}",
             f"Bed board shows {c.ri(3, 9)} dirty beds >4h, EVS notified"]
    c.rng.shuffle(items)
    bullet = c.r(["* ", "- ", "• "])
    return f"Escalations — week of {MONTHS[wk.month - 1][:3]} {wk.day}\n\n" + "\n".join(bullet + i for i in items) + "\n"


@T("confluence_patient_table", "conf_rpm_device_serial", 1, "min")
def _(c):
    p = c.person()
    serial = c.r([c.letters(2) + c.digits(8), c.digits(2) + c.letters(1) + c.digits(7) + c.letters(1)])
    return ("RPM pilot — device assignments\n\n"
            "|| Patient || Device || Serial || Status ||\n"
            f"| {N(p.full())} | BP cuff (cellular) | {P('device_id', serial)} | shipped |\n"
            "| (TBD) | scale | — | on hold, vendor backorder |\n\n"
            f"Questions to {S(c.staff().full())} (RPM nurse lead).\n")


@T("confluence_patient_table", "conf_callback_list", 1, "min")
def _(c):
    p = c.person(native=False, sex=c.r("fm"), culture=EW)
    ttl = "Mrs." if p.sex == "f" else "Mr."
    nm = p.family if not p.single else p.given
    doc = c.staff()
    return (f"Coverage clinic — callbacks ({TT('Dr.')} {S(doc.last)} out)\n"
            f"- {TT(ttl)} {N(nm)} — refill {MED(c.r(MEDS))}, cell {P('phone', c.phone())}\n"
            f"- pharmacy re: PA for {MED(c.r(MEDS))} — done\n"
            f"- lab called w/ crit K, handled by {S(c.staff().full())}\n")


def name_form(c, p):
    if not is_latin(p.full()):
        return p.full()
    return c.r([p.lf(), p.up() if p.single else f"{p.family.upper()}, {p.given}", p.full()])


@T("confluence_patient_table", "conf_census_wiki_table", 2, "ord")
def _(c):
    rows = []
    rooms = sorted(c.rng.sample(range(401, 460), 26))
    for i in range(c.ri(4, 6) if c.k == 0 else c.ri(18, 26)):
        p = c.person(other=i > 0)
        rm = f"{rooms[i]}{c.r(['A', 'B', ''])}"
        m = P("mrn", c.mrn()) if c.chance(0.85) else ""
        dob = DT(fmt_date(c.dob(19, 88), c.r(["us", "us_short", "iso"]))) if c.chance(0.7) else ""
        dx = CO(c.cond(p)) if c.chance(0.85) else ""
        att = S(c.staff().last)
        rows.append(f"|{rm}|{N(name_form(c, p))}|{m}|{dob}|{dx}|{TT('Dr.')} {att}|")
    body = "\n".join(rows)
    return (f"h2. {c.r(['4 West', '5 East', 'Step-down'])} census — night shift\n"
            f"{c.r(['Update before 0700 huddle.', 'Keep in sync with bed board.', ''])}\n\n"
            f"||Rm||Pt Name||MRN#||DOB||Dx||Attending||\n{body}\n\n"
            f"{{info}}Do not print. Page restricted to unit leadership.{{info}}\n")


@T("confluence_patient_table", "conf_discharge_tracker_md", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(3, 6)):
        p = c.person(other=i > 0)
        adm = c.recent(2, 15)
        edd = adm + dt.timedelta(days=c.ri(3, 9))
        sty = c.r(["us_nopad", "us_short"])
        dispo = c.r(["home", "SNF", "home w/ VNA", "rehab", "LTACH"])
        bar = c.r(["auth pending", "needs PT eval", "", "family mtg Thu", "O2 qual"])
        rows.append(f"| {N(name_form(c, p))} | {P('mrn', c.mrn())} | {DT(fmt_date(adm, sty))} | {DT(fmt_date(edd, sty))} | {dispo} | {bar} |")
    body = "\n".join(rows)
    return (f"## D/C tracker — CM team\n\nOwner: {S(c.staff().full())}. Update daily by noon.\n\n"
            f"| Pt | MRN | Admit | EDD | Dispo | Barriers |\n|---|---|---|---|---|---|\n{body}\n")


@T("confluence_patient_table", "conf_readmit_html", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(3, 5)):
        p = c.person(other=i > 0)
        dob = c.dob(50, 88)
        idx = c.recent(25, 60)
        re_ = idx + dt.timedelta(days=c.ri(3, 29))
        mid = P("health_plan_id", c.member_id()) if c.chance(0.8) else ""
        rows.append(f"<tr><td>{N(p.full())}</td><td>{DT(fmt_date(dob, 'us'))}</td><td>{DT(fmt_date(idx, 'us'))}</td>"
                    f"<td>{DT(fmt_date(re_, 'us'))}</td><td>{c.r(PAYERS)}</td><td>{mid}</td></tr>")
    body = "\n".join(rows)
    return ("<h2>30-day readmissions — October</h2>\n"
            f"<p>Pulled from the DW by {S(c.staff().full())}. Review at QI on Thursday.</p>\n"
            "<table><tbody>\n<tr><th>Patient</th><th>DOB</th><th>Index d/c</th><th>Readmit</th><th>Payer</th><th>Member ID</th></tr>\n"
            f"{body}\n</tbody></table>\n")


@T("confluence_patient_table", "conf_outreach_excel_paste", 1, "ord")
def _(c):
    rows = []
    for i in range(c.ri(4, 7)):
        p = c.person(other=i > 0, native=False)
        last = p.family if not p.single else p.given
        first = p.given if not p.single else ""
        dob = DT(fmt_date(c.dob(60, 88), "us_nopad"))
        ph = P("phone", c.phone(c.r(["dash", "paren", "plain"]))) if c.chance(0.85) else ""
        lv = DT(fmt_date(c.recent(200, 500), "us_nopad"))
        note = c.r(["LM x2", "declined", "", "scheduled", "wrong #", "spanish speaking"])
        rows.append("\t".join([N(last), N(first) if first else "", dob, ph, lv, note]))
    body = "\n".join(rows)
    return ("Flu/COVID outreach — paste from xlsx (Q4 list)\n\nLast\tFirst\tDOB\tPhone\tLast visit\tNotes\n" + body +
            f"\n\nsheet owner: {S(c.staff().full())}\n")


# ================================================================ support_ticket
MAILS = ["gmail.com", "yahoo.com", "icloud.com", "hotmail.com", "outlook.com", "aol.com", "comcast.net", "att.net"]


def pemail(c, p):
    if is_latin(p.full()):
        g = fold(p.first()).lower().replace(" ", "").replace("'", "")
        f = fold(p.family).lower().replace(" ", "").replace("'", "") if p.family else ""
        if f:
            local = c.r([f"{g}.{f}", f"{g}{f[:1]}{c.ri(10, 99)}", f"{g[:1]}{f}{c.ri(1950, 2005)}", f"{g}_{f}", f"{f}{g[:1]}"])
        else:
            local = f"{g}{c.ri(10, 999)}"
    else:
        local = c.r(["sunflower", "bluesky", "happyday", "lucky", "mama", "grandpa"]) + str(c.ri(10, 9999))
    return local + "@" + c.r(MAILS)


@T("support_ticket", "ticket_member_id_denial", 2, "min")
def _(c):
    mid = P("health_plan_id", c.member_id())
    a = c.staff()
    forms = [
        lambda: f"Claim denied again for mbr id {mid} — caller says it was preauthed, auth on file. Escalating to T2.\n-{S(a.first)}\n",
        lambda: (f"Subject: denial loop\n\nthe member called for the 3rd time this month, id {mid}. CO-197 on every PT visit since Sept. "
                 f"can someone in RCM look? thx\n\n{S(a.full())} | Member Services\n"),
    ]
    return forms[c.k % 2]()


@T("support_ticket", "ticket_callback_phone", 2, "min")
def _(c):
    ph = P("phone", c.phone())
    rn = c.staff()
    forms = [
        lambda: (f"RN {S(rn.full())} from {c.r(['6W', '4E', 'L&D', 'the infusion center'])} asking for someone from the portal team to call back "
                 f"pt's daughter at {ph} re proxy access. She's been waiting since Fri.\n"),
        lambda: (f"pls call back caller at {ph} — pt's husband, he can't see the after-visit summary in the app "
                 f"(iOS, app {c.ver()}). tried reinstall already.\n"),
    ]
    return forms[c.k % 2]()


@T("support_ticket", "ticket_portal_dob_mismatch", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 0 else None)
    d = DT(fmt_date(c.dob(25, 85), c.r(["us_short", "us_nopad", "us", "long"])))
    forms = [
        lambda: (f"member says her dob {d} won't validate on the portal login, tried 3x now locked. first name {N(p.first())}. "
                 "reg may have the wrong year?\n") if p.sex == "f" else
                (f"member says his dob {d} won't validate on the portal login, tried 3x now locked. first name {N(p.first())}. "
                 "reg may have the wrong year?\n"),
        lambda: (f"Caller {N(p.first())} ({d}) can't finish ID verification — app says DOB doesn't match our records. "
                 f"Sent to HIM for a demographics check. {c.ticket('PORTAL')}\n"),
    ]
    return forms[c.k % 2]()


@T("support_ticket", "ticket_locked_email", 1, "min")
def _(c):
    p = c.person()
    return (f"Portal acct locked for {P('email', pemail(c, p))}. pls reset + send link, verified by phone.\n"
            f"— {S(c.staff().full())}, Patient Access\n")


@T("support_ticket", "ticket_chat_transcript_dialysis", 1, "min")
def _(c):
    p = c.person(sex="f")
    a, b = c.staff(), c.staff()
    m0 = c.ri(0, 40)
    return (f"[10:{m0:02d}] {S(a.first)}: got a caller, this lady, {N(p.full())}, {CO('dialysis')} pt, says transport didn't show for MWF\n"
            f"[10:{m0 + 1:02d}] {S(b.first)}: which vendor?\n"
            f"[10:{m0 + c.ri(2, 9):02d}] {S(a.first)}: {c.r(['RideCare', 'MedTrans', 'Veyo'])}. I'll open a ticket w/ them, just fyi in case she calls back\n")


@T("support_ticket", "ticket_zendesk_address_change", 2, "ord")
def _(c):
    p = c.person()
    st, unit, city, state, z = c.address()
    a = c.staff()
    n = c.ri(40000, 99999)
    fields = []
    fields.append(f"Member ID: {P('health_plan_id', c.member_id())}")
    if c.chance(0.8):
        fields.append(f"{c.r(['Date of birth', 'DOB', 'D.O.B'])}: {DT(fmt_date(c.dob(22, 86), c.dstyle()))}")
    if c.chance(0.7):
        fields.append(f"Phone: {P('phone', c.phone())}")
    fl = "\n".join(fields)
    unit_s = f" {P('street_address', unit)}" if unit else ""
    ev = c.recent(0, 5)
    return (f"Ticket #{n}  \"Wrong address on my statement\"\n"
            f"Requester: {N(p.full())} <{P('email', pemail(c, p))}>\n"
            f"Status: Open   Priority: Normal   Group: Patient Billing   Assignee: {S(a.full())}\nChannel: Web form\n\n"
            f"{fl}\n\nDescription:\nhi, statements keep going to my old place. I moved to {P('street_address', st)}{unit_s}, "
            f"{P('street_address', city)} {ST(state)} {P('zip_code', z)} in {c.r(MONTHS[5:9])}. please fix\n\n"
            f"Internal note ({S(a.first)}, {EVD(fmt_date(ev, 'us_nopad'))}): verified 2 identifiers, updated in Facets.\n"
            f"Public reply: Hi {N(p.first())}, your mailing address is updated; the next statement will go to the new address. — {S(a.first)}\n")


@T("support_ticket", "ticket_servicenow_wrong_merge", 2, "ord")
def _(c):
    p1 = c.person(native=False)
    p2 = c.person(culture=p1.culture, family=p1, native=False)
    m1, m2 = c.mrn(), c.mrn()
    d1, d2 = c.dob(20, 85), c.dob(20, 85)
    sty = c.dstyle()
    caller = c.staff()
    ev = c.recent(0, 3)
    return (f"INC00{c.digits(5, False)} | Wrong patient merged\n"
            f"Caller: {S(caller.full())} (HIM)   Category: EHR > Registration   Assignment group: EMPI Support   Priority: 2\n"
            f"Opened: {ev.isoformat()} 0{c.ri(7, 9)}:{c.ri(10, 59)}:{c.ri(10, 59)}\n\n"
            f"Description:\nHIM merged {N(p1.full())} (MRN {P('mrn', m1)}, DOB {DT(fmt_date(d1, sty))}) into {N(p2.full())} "
            f"(MRN {P('mrn', m2)}, DOB {DT(fmt_date(d2, sty))}) by mistake {EVD(fmt_date(ev, 'us_nopad'))}. Different people, same last name + street. "
            f"Need unmerge before the {c.r(['10am', '1pm'])} clinic.\n\n"
            f"Work notes:\n{ev.isoformat()} 09:{c.ri(10, 59)} {S(c.staff().full())}: unmerge requested from vendor, case {c.digits(8, False)}\n")


@T("support_ticket", "ticket_jsm_billing_dispute", 2, "ord")
def _(c):
    p = c.person()
    dos = c.recent(30, 120)
    st, unit, city, state, z = c.address()
    a = c.staff()
    amt = f"{c.ri(40, 900)}.{c.ri(0, 99):02d}"
    unit_s = f" {P('street_address', unit)}" if unit else ""
    dos_s = fmt_date(dos, c.dstyle())
    return (f"{c.ticket('RCM')} Billing question — charged twice\nRequest type: Billing question   Raised by: {N(p.full())} (portal)\n\n"
            f"Acct #: {P('account_number', c.acct())}\nClaim #: {P('other_id', c.claim_no())}\nDate of service: {DT(dos_s)}\nAmount: ${amt}\n\n"
            f"Details:\nI was charged twice for my visit on {DT(dos_s)}. {c.r(PAYERS)} already paid their part. Also my address changed: "
            f"{P('street_address', st)}{unit_s}, {P('street_address', city)}, {ST(state)} {P('zip_code', z)}\n\n"
            f"{S(a.full())}: second line is the facility fee (hospital-based clinic), not a duplicate. Sent explanation + updated address.\n")


@T("support_ticket", "ticket_freshdesk_records_request", 1, "ord")
def _(c):
    mom = c.person(sex="f")
    kid = c.relative(mom, sex=c.r("fm"))
    when = MONTHS[c.ri(3, 9)]
    return (f"#{c.ri(10000, 99999)} Records request\nFrom: {N(kid.full())} <{P('email', pemail(c, kid))}>\n\n"
            f"I'm requesting my mother's records. Her name is {N(mom.full())}, born {DT(fmt_date(c.dob(60, 88), c.dstyle()))}, "
            f"last 4 of SSN {D('ssn', c.digits(4))}. She was at {FAC(c.r(FACILITIES))} in {when}. "
            f"Best number {P('phone', c.phone())}. I have POA, attached.\n\n"
            f"Reply ({S(c.staff().full())}): Thank you, we received the POA. Please allow 10 business days.\n")


# ================================================================ bitbucket_fhir_diff
def diff_head(c, path, new=False):
    a, b = c.sha(7), c.sha(7)
    if new:
        return f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{b}\n--- /dev/null\n+++ b/{path}\n"
    return f"diff --git a/{path} b/{path}\nindex {a}..{b} 100644\n--- a/{path}\n+++ b/{path}\n"


def pr_head(c, title):
    s = c.staff()
    br = c.r(["feature", "fix", "chore"]) + "/" + c.ticket().lower() + "-" + c.r(["fixtures", "mapper", "telecom", "birthdate", "identifiers"])
    return f"Pull request #{c.ri(100, 2400)}: {title}\n{S(s.full())} wants to merge {br} into develop\n\n"


def fhir_name_json(p):
    if p.single:
        return '{ "text": "' + N(p.given) + '" }'
    if p.native:
        return '{ "text": "' + N(p.full()) + '", "family": "' + N(p.family) + '", "given": [ "' + N(p.given) + '" ] }'
    gv = ", ".join('"' + N(g) + '"' for g in p.given.split())
    return '{ "family": "' + N(p.family) + '", "given": [ ' + gv + ' ] }'


@T("bitbucket_fhir_diff", "bb_fixture_name_birthdate_only", 2, "min")
def _(c):
    p = c.person()
    path = c.r(["src/test/resources/fixtures/patient-min.json", "test/fixtures/fhir/patient_minimal.json"])
    nl = c.r([3, 4])
    body = ["{", '  "resourceType": "Patient",', '  "name": [ ' + fhir_name_json(p) + " ],",
            '  "birthDate": "' + DT(fmt_date(c.dob(0, 88), "iso")) + '"', "}"]
    diff = diff_head(c, path, new=True) + f"@@ -0,0 +1,{len(body)} @@\n" + "\n".join("+" + l for l in body)
    rv = c.staff()
    return (pr_head(c, "add minimal patient fixture for birthDate parsing") + diff + "\n\n"
            f"{S(rv.full())} commented on line {nl}: where did this one come from? doesn't look synthetic — pls use the generator\n")


@T("bitbucket_fhir_diff", "bb_identifier_copied_from_prod", 2, "min")
def _(c):
    m = c.mrn()
    oid = f"urn:oid:2.16.840.1.113883.3.{c.ri(100, 9999)}.1"
    key = c.ticket("FHIR")
    path = "src/test/java/org/acme/fhir/IdentifierMatchTest.java"
    lines = [f"@@ -{c.ri(30, 90)},6 +{c.ri(30, 90)},9 @@ class IdentifierMatchTest {{",
             "   @Test",
             "   void matchesOnMrnWithLeadingZeros() {",
             f"+    // repro for {key}, value copied from the prod message",
             f"+    Identifier id = new Identifier().setSystem(\"{oid}\").setValue(\"{P('mrn', m)}\");",
             "+    assertThat(matcher.match(id)).isPresent();",
             "     Patient p = fixtures.load(\"patient-basic.json\");",
             "     assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo(\"" + D("mrn", "T000123") + "\");",
             "   }"]
    return pr_head(c, f"{key} leading-zero MRN match") + diff_head(c, path) + "\n".join(lines) + "\n"


@T("bitbucket_fhir_diff", "bb_telecom_normalize", 2, "min")
def _(c):
    ac, ex, ln = c.phone_parts()
    old = c.r([f"({ac}) {ex}-{ln}", f"{ac}.{ex}.{ln}", f"{ac}{ex}{ln}"])
    new = f"+1-{ac}-{ex}-{ln}" if c.chance(0.5) else f"{ac}-{ex}-{ln}"
    path = c.r(["fixtures/patient-telecom.json", "src/test/resources/bundles/adt-a04-expected.json"])
    lines = ["@@ -18,7 +18,7 @@", '   "telecom": [', "     {", '       "system": "phone",',
             '-      "value": "' + P("phone", old) + '",', '+      "value": "' + P("phone", new) + '",',
             '       "use": "mobile"', "     }"]
    return (f"commit {c.sha(40)}\nAuthor: {S(c.staff().full())}\n\n    normalize phone to E.164-ish in expected output\n\n" +
            diff_head(c, path) + "\n".join(lines) + "\n")


@T("bitbucket_fhir_diff", "bb_review_nit_fixture_name", 1, "min")
def _(c):
    p = c.person(native=False)
    nm = p.short()
    rv = c.staff()
    path = "src/test/resources/fixtures/encounter-ed.json"
    lines = ["@@ -38,8 +38,8 @@", '   "subject": {', '     "reference": "Patient/pt-ed-01",',
             '-    "display": "' + D("person_name", "ZZTEST, ED") + '"', '+    "display": "' + N(nm) + '"', "   },", '   "class": { "code": "EMER" },']
    return (diff_head(c, path) + "\n".join(lines) + "\n\n"
            f"{S(rv.full())}: nit — line 41 has {N(nm)} from the support ticket now, swap back for a synthetic one pls\n")


@T("bitbucket_fhir_diff", "bb_encounter_period_subject", 1, "min")
def _(c):
    p = c.person()
    st = c.recent(2, 20)
    path = "src/test/resources/encounter-inpatient.json"
    lines = ["@@ -1,14 +1,16 @@", " {", '   "resourceType": "Encounter",', f'   "id": "{IID("enc-" + c.digits(6))}",',
             '   "status": "finished",',
             '-  "subject": { "reference": "Patient/example" },',
             '+  "subject": { "reference": "Patient/example", "display": "' + N(p.full()) + '" },',
             '+  "period": {', '+    "start": "' + DT(fmt_date(st, "iso") + "T" + f"{c.ri(0, 23):02d}:{c.ri(0, 59):02d}:00-05:00") + '"',
             "+  },", '   "class": { "code": "IMP" }', " }"]
    return pr_head(c, "encounter mapper: carry subject display + period") + diff_head(c, path) + "\n".join(lines) + "\n"


@T("bitbucket_fhir_diff", "bb_patient_full_json", 2, "ord")
def _(c):
    p = c.person()
    st, unit, city, state, z = c.address()
    lines = ["@@ -1,6 +1,34 @@", " {", '   "resourceType": "Patient",', f'   "id": "{IID(c.uuid())}",',
             '+  "identifier": [', '+    { "system": "urn:oid:2.16.840.1.113883.3.' + str(c.ri(100, 999)) + '", "type": { "text": "MRN" }, "value": "' + P("mrn", c.mrn()) + '" }',
             "+  ],", '+  "name": [ ' + fhir_name_json(p) + " ],"]
    if c.chance(0.7):
        lines.append('+  "telecom": [ { "system": "phone", "value": "' + P("phone", c.phone()) + '", "use": "home" } ],')
    lines.append('+  "gender": "' + ("female" if p.sex == "f" else "male") + '",')
    lines.append('+  "birthDate": "' + DT(fmt_date(c.dob(1, 88), "iso")) + '",')
    al = ['"' + P("street_address", st) + '"'] + (['"' + P("street_address", unit) + '"'] if unit else [])
    lines.append('+  "address": [ { "line": [ ' + ", ".join(al) + ' ], "city": "' + P("street_address", city) +
                 '", "state": "' + ST(state) + '", "postalCode": "' + P("zip_code", z) + '" } ]')
    lines.append(" }")
    return (pr_head(c, "fixtures for address normalization") + diff_head(c, "src/test/resources/fixtures/patient-address.json") +
            "\n".join(lines) + f"\n\n{S(c.staff().full())}: approve once the fixture is swapped for synthetic data\n")


@T("bitbucket_fhir_diff", "bb_bundle_ts_fixture", 2, "ord")
def _(c):
    p = c.person()
    icd = c.icd()
    g = ", ".join("'" + N(x) + "'" for x in p.given.split()) if not p.native else "'" + N(p.given) + "'"
    if p.single:
        nm = "{ text: '" + N(p.given) + "' }"
    else:
        nm = "{ family: '" + N(p.family) + "', given: [" + g + "] }"
    lines = ["@@ -0,0 +1,31 @@", "+import { Bundle } from 'fhir/r4';", "+", "+export const eligibilityBundle: Bundle = {",
             "+  resourceType: 'Bundle',", "+  type: 'collection',", "+  entry: [", "+    { resource: {",
             "+      resourceType: 'Patient', id: '" + IID("p1") + "',", "+      name: [" + nm + "],",
             "+      birthDate: '" + DT(fmt_date(c.dob(1, 88), "iso")) + "',", "+    } },", "+    { resource: {",
             "+      resourceType: 'Coverage', id: '" + IID("cov1") + "', status: 'active',",
             "+      subscriberId: '" + P("health_plan_id", c.member_id()) + "',",
             "+      payor: [{ display: '" + c.r(PAYERS) + "' }],", "+      beneficiary: { reference: 'Patient/p1' },",
             "+    } },", "+    { resource: {", "+      resourceType: 'Condition', id: '" + IID("c1") + "',",
             "+      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: '" + D("diagnosis_code", icd[0]) +
             "', display: '" + CO(icd[1]) + "' }] },", "+      subject: { reference: 'Patient/p1' },", "+    } },", "+  ],", "+};"]
    return (pr_head(c, "eligibility screen e2e fixtures") + diff_head(c, "web/src/__fixtures__/eligibility.ts", new=True) +
            "\n".join(lines) + "\n")


@T("bitbucket_fhir_diff", "bb_patient_xml", 2, "ord")
def _(c):
    p = c.person()
    lines = ["@@ -3,9 +3,21 @@", ' <Patient xmlns="http://hl7.org/fhir">', f'   <id value="{IID(c.digits(6))}"/>',
             "+  <identifier>", '+    <type><text value="MRN"/></type>', '+    <value value="' + P("mrn", c.mrn()) + '"/>', "+  </identifier>",
             "+  <name>"]
    if p.single:
        lines.append('+    <text value="' + N(p.given) + '"/>')
    else:
        lines.append('+    <family value="' + N(p.family) + '"/>')
        for g in ([p.given] if p.native else p.given.split()):
            lines.append('+    <given value="' + N(g) + '"/>')
    lines.append("+  </name>")
    if c.chance(0.6):
        lines += ["+  <telecom>", '+    <system value="phone"/>', '+    <value value="' + P("phone", c.phone()) + '"/>', "+  </telecom>"]
    lines += ['+  <gender value="' + ("female" if p.sex == "f" else "male") + '"/>',
              '+  <birthDate value="' + DT(fmt_date(c.dob(0, 88), "iso")) + '"/>', " </Patient>"]
    return (f"commit {c.sha(40)}\nAuthor: {S(c.staff().full())}\nDate:   {c.recent(0, 9).isoformat()}\n\n"
            "    xml fixture for the v2->FHIR converter regression\n\n" +
            diff_head(c, "converter/src/test/resources/expected/patient-a04.xml") + "\n".join(lines) + "\n")


@T("bitbucket_fhir_diff", "bb_relatedperson_yaml", 1, "ord")
def _(c):
    kid = c.person()
    mom = c.relative(kid, sex="f")
    def yname(p, ind):
        if p.single:
            return [f"{ind}- text: {N(p.given)}"]
        return [f"{ind}- family: {N(p.family)}", f"{ind}  given: [{N(p.given)}]"]
    lines = ["@@ -12,4 +12,24 @@ patients:", "   - id: " + IID("peds-" + c.digits(3)), "+    name:"] + ["+" + x for x in yname(kid, "      ")] + [
        "+    birthDate: " + DT(fmt_date(c.dob(0, 12), "iso")), "+    relatedPersons:", "+      - relationship: MTH", "+        name:"] + [
        "+" + x for x in yname(mom, "          ")] + [
        "+        telecom:", "+          - system: phone", "+            value: \"" + P("phone", c.phone()) + "\""]
    return (pr_head(c, "peds guardian fixtures for consent flow") + diff_head(c, "seed/peds-consent.yaml") + "\n".join(lines) + "\n")


# ================================================================ sql_seed
def uname(s):
    return fold(s.first[0] + s.last).lower().replace("'", "").replace(" ", "")


def sq(v):
    return v.replace("'", "''")


@T("sql_seed", "sql_single_insert_mrn_dob", 2, "min")
def _(c):
    m, d = c.mrn(), c.dob(0, 88)
    pk = IID(str(c.ri(1000, 99999)))
    forms = [
        lambda: (f"-- repro for {c.ticket('DATA')}, remove before merge\n"
                 f"INSERT INTO patient (id, mrn, dob) VALUES ({pk}, '{P('mrn', m)}', '{DT(fmt_date(d, 'iso'))}');\n"),
        lambda: f"insert into pt_demographics(pt_id,mrn,birth_dt) values ({pk},'{P('mrn', m)}',DATE '{DT(fmt_date(d, 'iso'))}');",
    ]
    return forms[c.k % 2]()


@T("sql_seed", "sql_where_name_double_bill", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 1 else None)
    up = lambda s: sq(fold(s).upper())
    if p.single:
        where = f" WHERE last_name = '{N(up(p.given))}'"
    else:
        where = f" WHERE last_name = '{N(up(p.family))}'\n   AND first_name = '{N(up(p.given))}'"
    return (f"ran this for the double-bill complaint, 0 rows back so the name on the claim must differ:\n\n```sql\n"
            f"SELECT enc_id, svc_date, total_chg\n  FROM billing.encounter\n{where};\n```\n(0 rows)\n")


@T("sql_seed", "sql_update_cell_phone", 2, "min")
def _(c):
    s = c.staff()
    ev = c.recent(0, 6)
    pk = IID(str(c.ri(10000, 999999)))
    ph = P("phone", c.phone(c.r(["plain", "dash"])))
    forms = [
        lambda: (f"UPDATE patient_contact\n   SET phone_cell = '{ph}', updated_by = '{S(uname(s))}', updated_at = now()\n"
                 f" WHERE patient_id = {pk};   -- per pt call {EVD(f'{ev.month}/{ev.day}')}\n"),
        lambda: f"update dbo.PatientPhone set Number='{ph}' where PatientPhoneID={pk} -- wrong # on file, {S(s.first.lower())}",
    ]
    return forms[c.k % 2]()


@T("sql_seed", "sql_psql_one_row_admit", 1, "min")
def _(c):
    m = c.mrn("8")
    adm = c.recent(1, 9)
    vid = str(c.ri(10000, 99999))
    ts = f"{adm.isoformat()} {c.ri(0, 23):02d}:{c.ri(0, 59):02d}:00"
    return (f"emr=> select mrn, admit_dt from adt.visit where visit_id = {IID(vid)};\n"
            f"   mrn    |      admit_dt\n----------+---------------------\n {P('mrn', m)} | {DT(ts)}\n(1 row)\n\n"
            "so the visit exists, it's the DW load that drops it\n")


@T("sql_seed", "sql_delete_dup_member_lines", 1, "min")
def _(c):
    mid = c.member_id()
    return (f"-- dup claim lines from the 11/02 reload (see {c.ticket('RCM')})\nBEGIN;\n"
            f"DELETE FROM claims.claim_line\n WHERE member_id = '{P('health_plan_id', mid)}'\n   AND load_batch_id = 20261102\n"
            f"   AND status = 'DUP';\n-- DELETE 3\nCOMMIT;\n")


def sqln(p, part):
    v = {"last": p.family or p.given, "first": p.given if p.family else "FNU"}[part]
    return N(sq(v)) if not (part == "first" and not p.family) else "FNU"


@T("sql_seed", "sql_postgres_seed_rows", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(3, 5) if c.k == 0 else c.ri(9, 13)):
        p = c.person(other=i > 0)
        dob = f"'{DT(fmt_date(c.dob(0, 88), 'iso'))}'" if c.chance(0.9) else "NULL"
        ph = f"'{P('phone', c.phone(c.r(['dash', 'plain'])))}'" if c.chance(0.7) else "NULL"
        z = f"'{P('zip_code', c.address()[4][:5])}'" if c.chance(0.6) else "NULL"
        last = sqln(p, "last")
        first = sqln(p, "first")
        rows.append(f"  ('{P('mrn', c.mrn())}', '{last}', '{first}', {dob}, {ph}, {z})")
    body = ",\n".join(rows)
    return (f"-- demo env seed ({c.ticket('DATA')}); refreshed from last week's extract\n"
            "CREATE TABLE IF NOT EXISTS patient (\n  id serial PRIMARY KEY,\n  mrn varchar(12) NOT NULL,\n"
            "  last_name text, first_name text,\n  dob date, phone text, zip char(5)\n);\n\n"
            f"INSERT INTO patient (mrn, last_name, first_name, dob, phone, zip) VALUES\n{body};\n")


@T("sql_seed", "sql_mysql_dump_patient", 2, "ord")
def _(c):
    vals = []
    for i in range(c.ri(2, 4)):
        p = c.person(other=i > 0)
        em = f"'{P('email', pemail(c, p))}'" if c.chance(0.6) else "NULL"
        vals.append(f"({IID(str(100 + i * c.ri(1, 9)))},'{P('mrn', c.mrn())}','{sqln(p, 'last')}','{sqln(p, 'first')}',"
                    f"'{DT(fmt_date(c.dob(1, 88), 'iso'))}','{'F' if p.sex == 'f' else 'M'}',{em})")
    body = ",".join(vals)
    return ("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n"
            f"-- Host: {c.ip()}    Database: clinic_prod\n-- ------------------------------------------------------\n"
            "-- Server version\t8.0.36\n\nLOCK TABLES `patient` WRITE;\n/*!40000 ALTER TABLE `patient` DISABLE KEYS */;\n"
            f"INSERT INTO `patient` VALUES {body};\n/*!40000 ALTER TABLE `patient` ENABLE KEYS */;\nUNLOCK TABLES;\n")


@T("sql_seed", "sql_tsql_merge_encounters", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(2, 4)):
        p = c.person(other=i > 0)
        adm = c.recent(3, 30)
        dis = adm + dt.timedelta(days=c.ri(1, 8))
        dis_s = f"'{DT(fmt_date(dis, 'iso'))}'" if c.chance(0.8) else "NULL"
        up = lambda s: sq(s.upper()) if is_latin(s) else s
        last = N(up(p.family or p.given))
        first = N(up(p.given)) if p.family else "FNU"
        rows.append(f"    ('{P('mrn', c.mrn())}', N'{last}', N'{first}', '{DT(fmt_date(adm, 'iso'))}', {dis_s}, "
                    f"'{D('diagnosis_code', c.icd()[0])}')")
    body = ",\n".join(rows)
    return (f"-- {c.ticket('DATA')} backfill of missed encounters\nMERGE dbo.Encounter AS tgt\nUSING (VALUES\n{body}\n"
            ") AS src (MRN, LastName, FirstName, AdmitDate, DischargeDate, PrimaryDx)\n"
            "ON tgt.MRN = src.MRN AND tgt.AdmitDate = src.AdmitDate\n"
            "WHEN NOT MATCHED THEN\n    INSERT (MRN, LastName, FirstName, AdmitDate, DischargeDate, PrimaryDx)\n"
            "    VALUES (src.MRN, src.LastName, src.FirstName, src.AdmitDate, src.DischargeDate, src.PrimaryDx);\n")


@T("sql_seed", "sql_oracle_insert_all", 1, "ord")
def _(c):
    rows = []
    for i in range(c.ri(2, 4)):
        p = c.person(other=i > 0, native=False)
        ssn = f"'{P('ssn', c.ssn(dashed=False))}'" if c.chance(0.6) else "NULL"
        rows.append(f"  INTO pat_stage (pat_mrn, pat_lname, pat_fname, pat_dob, pat_ssn) VALUES ('{P('mrn', c.mrn())}', "
                    f"'{N(sq(fold(p.family or p.given).upper()))}', '{N(sq(fold(p.given).upper())) if p.family else 'FNU'}', "
                    f"TO_DATE('{DT(fmt_date(c.dob(18, 88), 'dmy_mon_up'))}','DD-MON-YYYY'), {ssn})")
    body = "\n".join(rows)
    return f"-- stage load, run as ETL_OWNER\nINSERT ALL\n{body}\nSELECT 1 FROM dual;\nCOMMIT;\n"


# ================================================================ clinical_note
@T("clinical_note", "note_one_liner_name_sp", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 1 else None)
    doc = c.staff()
    age = c.ri(34, 86)
    forms = [
        lambda: f"pt {N(p.low())} {age} y/o s/p {CO(c.proc(p))}, f/u {c.ri(1, 6)} wks w/ {TT('Dr.')} {S(doc.last)}",
        lambda: (f"{N(p.short())} {age}yo {p.sex.upper()} s/p {CO(c.proc(p))} POD{c.ri(1, 4)}, doing ok, "
                 "d/c tmrw if H/H stable"),
    ]
    return forms[c.k % 2]() + "\n"


@T("clinical_note", "note_handoff_one_named_bed", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 0 else None)
    ttl = c.r(["mr.", "Mr."]) if p.sex == "m" else c.r(["mrs.", "Ms.", "ms."])
    nm = (p.family or p.given)
    nm = nm.lower() if ttl[0].islower() else nm
    b = c.ri(2, 20)
    ip = c.r(INPT)
    return (f"handoff {c.r(['7p', '7a', '1900', '0700'])}\n"
            f"{b} - {TT(ttl)} {N(nm)}, {CO(ip[0])}, on {MED(ip[1])}, AM BMP\n"
            f"{b + 1} - empty\n{b + 2} - pending admit from ED, {CO(c.r(CONDITIONS))}\n"
            f"{b + 4} - DNR/DNI, comfort care, family at bedside\n")


@T("clinical_note", "note_relative_callback_phone", 2, "min")
def _(c):
    s = c.staff()
    ev = c.recent(0, 10)
    ph = P("phone", c.phone())
    forms = [
        lambda: (f"Pt's wife called {EVD(f'{ev.month}/{ev.day}')} {c.ri(8, 17)}{c.r(['10', '25', '40', '55'])}, wants callback re: d/c meds "
                 f"({MED(c.r(MEDS))}), ph {ph}. — {S(s.full())}, RN\n"),
        lambda: f"TC from pt's son, asking re {MED(c.r(MEDS))} refill, pls call {ph} after 3pm. {S(s.first[0] + s.last[0])}\n",
    ]
    return forms[c.k % 2]()


@T("clinical_note", "note_age_over_89_only", 1, "min")
def _(c):
    age = c.ri(90, 104)
    form = c.r([f"{age} y/o", f"{age}yo", f"{age}-year-old", f"{age} yo"])
    return (f"{P('age_over_89', form)} {c.r(['F', 'M'])} from NH w/ {CO('UTI')}, {CO('AMS')}. baseline A&Ox2 per NH staff. "
            f"started {MED('ceftriaxone')}, UA/UCx sent. full code per POLST (verify w/ family).\n")


@T("clinical_note", "note_mrn_dob_header_only", 1, "min")
def _(c):
    om = c.r(OUTPT)
    return (f"MRN: {P('mrn', c.mrn())}    DOB: {DT(fmt_date(c.dob(20, 85), c.r(['dot', 'us', 'dmy_mon'])))}\n\n"
            f"S: f/u {CO(om[0])}. no new complaints, taking {MED(om[1])} as rx'd.\n"
            f"O: BP {c.ri(110, 160)}/{c.ri(60, 95)}  HR {c.ri(55, 110)}  SpO2 {c.ri(91, 99)}% RA\n"
            "A/P: stable. labs today, RTC 3 mo.\n")


@T("clinical_note", "note_soap_clinic", 2, "ord")
def _(c):
    p = c.person()
    doc = c.staff()
    dos = c.recent(0, 20)
    dob = c.dob(25, 85)
    age = (REF - dob).days // 365
    cond, med = c.r(OUTPT)
    lab_n = c.r(["Pt Name", "Patient", "Name", "PT NM"])
    dob_l = c.r(["D.O.B", "DOB", "dob.", "Birthdate"])
    mrn_l = c.r(["MRN#", "MRN", "Med Rec #"])
    return (f"{lab_n}: {N(name_form(c, p))}    {dob_l}: {DT(fmt_date(dob, c.dstyle()))}    {mrn_l}: {P('mrn', c.mrn())}\n"
            f"DOS: {DT(fmt_date(dos, 'us'))}    Provider: {S(doc.full())}, MD\n\n"
            f"S: {age}yo {'F' if p.sex == 'f' else 'M'} here for f/u {CO(cond)}. reports {c.r(['better energy', 'worse SOB on stairs', 'intermittent HA', 'no new sx'])}. "
            f"adherent to {MED(med)}.\n"
            f"O: BP {c.ri(110, 168)}/{c.ri(62, 98)}, HR {c.ri(58, 104)}, wt {c.ri(52, 130)} kg. lungs clear, no edema.\n"
            f"A/P:\n1. {CO(cond)} — continue {MED(med)}; recheck labs 6 wks\n2. HCM — flu shot today\n"
            f"RTC 3 mo or sooner prn.\n")


@T("clinical_note", "note_discharge_summary", 2, "ord")
def _(c):
    p = c.person()
    adm = c.recent(5, 20)
    dis = adm + dt.timedelta(days=c.ri(2, 7))
    dob = c.dob(40, 88)
    age = (REF - dob).days // 365
    att, pcp = c.staff(), c.staff()
    c1, m1, m2 = c.r(INPT)
    c2, m3 = c.r(OUTPT)
    sty = c.dstyle()
    extra = ""
    if c.k == 1:
        labs = "\n".join(f"  {lab[1]:<16} {lab_val(c, lab):>6} {lab[2]}" for lab in c.rng.sample(LABS, 5))
        extra = ("\nPertinent labs at discharge:\n" + labs + "\n\n"
                 "Procedures: none.\nConsults: " + c.r(["cardiology", "ID", "nephrology", "palliative care"]) + ".\n"
                 "Pending at discharge: blood cultures (no growth at 48h); final read of echo.\n\n"
                 "Patient instructions: return for fever, chest pain, shortness of breath, or bleeding. "
                 "Low sodium diet, daily weights, call if weight up 3 lb in a day.\n\n"
                 f"Electronically signed by {TT('Dr.')} {S(att.full())}\n")
    return ("DISCHARGE SUMMARY\n\n"
            f"Patient: {N(name_form(c, p))}    MRN: {P('mrn', c.mrn())}    DOB: {DT(fmt_date(dob, sty))}\n"
            f"Admit: {DT(fmt_date(adm, sty))}    Discharge: {DT(fmt_date(dis, sty))}\n"
            f"Attending: {TT('Dr.')} {S(att.full())}    PCP: {TT('Dr.')} {S(pcp.last)}\n\n"
            f"Dx: {CO(c1)}; {CO(c2)}\n\n"
            f"Hospital course: {age}yo with hx of {CO(c2)} admitted with {CO(c1)}. Treated with {MED(m1)}, "
            f"transitioned to {MED(m2)} on HD{c.ri(2, 4)}. Ambulating, tolerating diet.\n\n"
            f"D/C meds: {MED(m2)} (new), continue home {MED(m3)}.\n"
            f"F/u: PCP in 1 wk; labs in 3 days.\nCondition at d/c: stable. Dispo: {c.r(['home', 'home w/ VNA', 'SNF'])}.\n" + extra)


@T("clinical_note", "note_ed_triage", 2, "ord")
def _(c):
    p = c.person()
    rel = c.relative(p, sex=c.r("fm"))
    arr = c.recent(0, 5)
    age = c.ri(18, 98)
    age_s = P("age_over_89", str(age)) if age >= 90 else str(age)
    if age < 40:
        relation = {"f": c.r(["mother", "sister", "wife"]), "m": c.r(["father", "brother", "husband"])}[rel.sex]
    else:
        relation = {"f": c.r(["daughter", "wife", "niece", "sister"]), "m": c.r(["son", "husband", "nephew", "brother"])}[rel.sex]
    om = c.r(OUTPT)
    cc = c.r(["CP x2h", "fall at home, R hip pain", "SOB, worse lying flat", "fever/chills", "abd pain RLQ", "syncope"])
    return (f"ED TRIAGE  {DT(fmt_date(arr, 'us') + ' ' + f'{c.ri(0, 23):02d}:{c.ri(0, 59):02d}')}\n"
            f"Name: {N(name_form(c, p))}   Age: {age_s}   Sex: {'F' if p.sex == 'f' else 'M'}\n"
            f"CC: {cc}\nVS: T {c.ri(97, 102)}.{c.ri(0, 9)}  HR {c.ri(60, 130)}  BP {c.ri(90, 180)}/{c.ri(50, 100)}  RR {c.ri(14, 28)}  SpO2 {c.ri(88, 100)}%\n"
            f"ESI: {c.ri(2, 4)}    Allergies: {c.r(['NKDA', 'PCN', 'sulfa', 'latex'])}\n"
            f"Hx: {CO(om[0])}; meds {MED(om[1])}\n"
            f"Emergency contact: {N(rel.full())} ({relation}) {P('phone', c.phone())}\n"
            f"Triage RN: {S(c.staff().full())}\n")


@T("clinical_note", "note_referral_letter", 1, "ord")
def _(c):
    p = c.person(native=False)
    to, frm = c.staff(), c.staff()
    dob = c.dob(30, 85)
    age = (REF - dob).days // 365
    ttl = "Ms." if p.sex == "f" else "Mr."
    cond = c.r(OUTPT)[0]
    nm = p.given if (not p.family or p.family.startswith(("bin ", "binti "))) else p.family
    return (f"{FAC(c.r(FACILITIES))}\n{EVD(fmt_date(c.recent(0, 7), 'long'))}\n\n{TT('Dr.')} {S(to.full())}\n"
            f"{c.r(['Cardiology', 'Nephrology', 'Endocrinology', 'Rheumatology'])} Associates\n\n"
            f"Re: {N(p.full())}, DOB {DT(fmt_date(dob, 'us'))}\n\nDear {TT('Dr.')} {S(to.last)},\n\n"
            f"Thank you for seeing {TT(ttl)} {N(nm)}, a {age}-year-old {'woman' if p.sex == 'f' else 'man'} with {CO(cond)} "
            f"whose control has worsened over the past 6 months despite {MED(c.r(MEDS))}. Recent labs are attached. "
            f"{p.he().capitalize()} can be reached at {P('phone', c.phone())}.\n\nSincerely,\n\n{TT('Dr.')} {S(frm.full())}\n")


# ================================================================ csv_claims
def ndc(c):
    return f"{c.digits(5)}-{c.digits(4)}-{c.digits(2)}"


@T("csv_claims", "csv_one_claim_line", 2, "min")
def _(c):
    cpt, icd = c.cpt(), c.icd()
    dos = c.recent(10, 90)
    pre = c.r(["row that trips the dedupe job:\n", "", "from yesterday's extract, only this one fails:\n"])
    return (pre + "line_no,member_id,dos,cpt,icd10,billed_amt\n"
            f"{c.ri(1, 40)},{P('health_plan_id', c.member_id())},{DT(fmt_date(dos, c.r(['iso', 'us'])))},"
            f"{D('procedure_code', cpt[0])},{D('diagnosis_code', icd[0])},{c.ri(80, 2400)}.00\n")


@T("csv_claims", "csv_validator_fail_member_only", 2, "min")
def _(c):
    cpt, icd = c.cpt(), c.icd()
    return (f"this row fails the 837 validator ({c.r(['SV1 missing?', 'NM1*IL empty', 'loop 2010BA'])}):\n"
            f"\"{P('health_plan_id', c.member_id())}\",\"{D('procedure_code', cpt[0])}\",\"{D('diagnosis_code', icd[0])}\","
            f"\"{c.ri(60, 900)}.00\",\"{D('other_id', c.npi())}\"\n")


@T("csv_claims", "csv_pipe_name_dob_elig", 2, "min")
def _(c):
    p = c.person(native=False)
    last = fold(p.family or p.given).upper()
    first = fold(p.given).upper() if p.family else ""
    eff = dt.date(2026, c.ri(1, 11), 1)
    return ("LNAME|FNAME|DOB|PLAN|EFF_DT\n"
            f"{N(last)}|{N(first) if first else ''}|{DT(fmt_date(c.dob(0, 88), 'hl7'))}|{c.r(['HMO-GOLD', 'PPO500', 'MCD-A'])}|"
            f"{D('date', fmt_date(eff, 'hl7'))}\n")


@T("csv_claims", "csv_mbi_eligibility_row", 1, "min")
def _(c):
    eff = dt.date(2026, c.ri(1, 10), 1)
    return ("mbi,eff_date,term_date,plan_code\n"
            f"{P('medicare_mbi', c.mbi())},{D('date', eff.isoformat())},,{c.r(['H1234-001', 'H5521-013', 'R7444-002'])}\n")


@T("csv_claims", "csv_reject_report_claim_no", 1, "min")
def _(c):
    return (f"Rejected claims {c.r(['11/04', '11/05', '11/06'])} (clearinghouse)\nclaim_no,reason\n"
            f"{P('other_id', c.claim_no())},A7:562 Entity's National Provider Identifier\n")


@T("csv_claims", "csv_837_export", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(4, 7) if c.k == 0 else c.ri(14, 22)):
        p = c.person(other=i > 0, native=False)
        cpt, icd = c.cpt(), c.icd()
        dob = DT(fmt_date(c.dob(0, 88), "us")) if c.chance(0.9) else ""
        rows.append(",".join([P("other_id", c.claim_no()), N(p.family or p.given), N(p.given) if p.family else "",
                              dob, P("health_plan_id", c.member_id()), DT(fmt_date(c.recent(5, 60), "us")),
                              D("procedure_code", cpt[0]), D("diagnosis_code", icd[0]), D("other_id", c.npi()),
                              f"{c.ri(80, 2400)}.00"]))
    body = "\n".join(rows)
    return ("claim_id,patient_last,patient_first,dob,member_id,dos,cpt,icd10_1,rendering_npi,billed\n" + body + "\n")


@T("csv_claims", "csv_835_remit", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(3, 6)):
        p = c.person(other=i > 0, native=False)
        d = c.recent(20, 80)
        billed = c.ri(100, 3000)
        allowed = int(billed * c.rng.uniform(0.3, 0.9))
        paid = int(allowed * c.rng.uniform(0.5, 1.0))
        nm = f"\"{N(p.lf().upper() if is_latin(p.full()) else p.lf())}\""
        rows.append(",".join([P("other_id", c.claim_no()), P("account_number", c.acct()), nm, DT(fmt_date(d, "iso")),
                              DT(fmt_date(d, "iso")), f"{billed}.00", f"{allowed}.00", f"{paid}.00", f"{allowed - paid}.00",
                              c.r(["CO-45", "PR-1", "CO-45;PR-2", "CO-97", "PR-3"])]))
    body = "\n".join(rows)
    return (f"payer: {c.r(PAYERS)}  check/EFT {c.digits(10, False)}\n"
            "payer_claim_ctrl,patient_acct,patient_name,dos_from,dos_to,billed,allowed,paid,pt_resp,carc\n" + body + "\n")


@T("csv_claims", "csv_ub04_semicolon", 2, "ord")
def _(c):
    rows = []
    for i in range(c.ri(3, 5)):
        p = c.person(other=i > 0, native=False)
        adm = c.recent(5, 40)
        dis = adm + dt.timedelta(days=c.ri(1, 9))
        ch = f"{c.ri(1000, 48000)},{c.ri(0, 99):02d}"
        rows.append(";".join([P("mrn", c.mrn()), N(fold(p.lf()).upper()), DT(fmt_date(adm, "dot")), DT(fmt_date(dis, "dot")),
                              c.r(["0111", "0121", "0131"]), c.r(["0120", "0250", "0300", "0450"]), ch]))
    body = "\n".join(rows)
    return "\ufeffMRN;NAME;ADMIT;DISCH;TOB;REV;CHARGES\n" + body + "\n"


@T("csv_claims", "csv_pharmacy_claims", 1, "ord")
def _(c):
    drugs = ["atorvastatin 40mg", "metformin 500mg", "apixaban 5mg", "sertraline 50mg", "insulin glargine 100u/mL",
             "albuterol HFA", "levothyroxine 75mcg"]
    rows = []
    for i in range(c.ri(3, 6)):
        rows.append(",".join([IID(c.digits(10, False)), P("health_plan_id", c.member_id()),
                              DT(fmt_date(c.dob(20, 88), "iso")), DT(fmt_date(c.recent(1, 30), "iso")),
                              D("drug_code", ndc(c)), MED(c.r(drugs)), str(c.r([30, 60, 90])), str(c.r([30, 90])),
                              D("other_id", c.npi())]))
    body = "\n".join(rows)
    return "rx_claim_id,member_id,dob,fill_date,ndc,drug_name,qty,days_supply,pharmacy_npi\n" + body + "\n"


# ================================================================ patient_email
def mail_date(c, d=None):
    d = d or c.recent(0, 10)
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday()]
    return f"{wd}, {d.day} {MONTHS[d.month - 1][:3]} {d.year} {c.ri(6, 22):02d}:{c.ri(0, 59):02d}:{c.ri(0, 59):02d} -0{c.r(['5', '6', '7', '8'])}00"


def clinic_box(c):
    return c.r(["frontdesk", "scheduling", "billing", "patientaccess", "clinic.messages", "pcp.team"]) + "@" + c.r(DOMAINS[:6])


NATIVE_MSG = {
    "russian": lambda n, d: f"Здравствуйте! Моя мама, {n}, {d} г.р., пропустила приём у кардиолога во вторник. Можно перенести? Спасибо.",
    "ukrainian": lambda n, d: f"Добрий день. Мій батько {n}, дата народження {d}, досі не отримав результати аналізів. Дякую.",
    "greek": lambda n, d: f"Καλησπέρα σας, η μητέρα μου {n} (ημ. γέννησης {d}) έχασε το ραντεβού της. Μπορούμε να το αλλάξουμε;",
    "arabic": lambda n, d: f"مرحبا، والدي {n}، تاريخ الميلاد {d}، فاته موعده مع طبيب القلب. هل يمكن تغيير الموعد؟ شكرا",
    "persian": lambda n, d: f"سلام، مادرم {n} متولد {d} نوبت دکترش را از دست داد. لطفا زمان جدید بدهید. ممنون",
    "hebrew": lambda n, d: f"שלום, אמא שלי {n}, תאריך לידה {d}, פספסה את התור ביום שלישי. אפשר לקבוע תור חדש? תודה",
    "hindi": lambda n, d: f"नमस्ते, मेरी माँ {n}, जन्म तिथि {d}, का अपॉइंटमेंट छूट गया। कृपया नया समय बताएं। धन्यवाद",
    "chinese": lambda n, d: f"您好，我母亲错过了周二的复诊，请问能改约吗？\n患者：{n}，出生日期：{d}。\n谢谢！",
    "japanese": lambda n, d: f"お世話になっております。母の予約の件です。\n患者名：{n}\n生年月日：{d}\n火曜日の予約に行けませんでした。変更できますか。",
    "korean": lambda n, d: f"안녕하세요. 어머니 {n} 예약 관련 문의드립니다. 생년월일: {d}. 화요일 진료를 못 갔는데 다시 잡을 수 있을까요?",
    "thai": lambda n, d: f"สวัสดีค่ะ คุณแม่ {n} วันเกิด {d} พลาดนัดหมอเมื่อวันอังคาร ขอเลื่อนนัดได้ไหมคะ",
    "georgian": lambda n, d: f"გამარჯობა, ჩემი დედა {n}, დაბადების თარიღი {d}, ვერ მივიდა ვიზიტზე. შეიძლება გადატანა? მადლობა",
    "armenian": lambda n, d: f"Բարև Ձեզ, մայրս՝ {n}, ծնված {d}, բաց է թողել այցը։ Հնարավո՞ր է տեղափոխել։ Շնորհակալություն",
    "bengali": lambda n, d: f"নমস্কার, আমার বাবা {n}, জন্ম তারিখ {d}, মঙ্গলবারের অ্যাপয়েন্টমেন্ট মিস করেছেন। নতুন সময় দেওয়া যাবে? ধন্যবাদ",
    "ethiopian": lambda n, d: f"ሰላም፣ አባቴ {n}፣ የትውልድ ቀን {d}፣ ቀጠሮውን አምልጦታል። እባክዎ አዲስ ቀጠሮ ይስጡ። አመሰግናለሁ",
    "vietnamese": lambda n, d: f"Chào phòng khám, mẹ tôi là {n}, sinh ngày {d}, bị lỡ hẹn hôm thứ Ba. Xin đặt lại lịch giúp. Cảm ơn.",
}
BN_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def native_date(key, d):
    if key in ("chinese", "japanese"):
        return f"{d.year}年{d.month}月{d.day}日"
    if key == "korean":
        return f"{d.year}년 {d.month}월 {d.day}일"
    if key == "thai":
        return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"
    if key == "bengali":
        return f"{d.day:02d}/{d.month:02d}/{d.year}".translate(BN_DIGITS)
    if key == "arabic":
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if key in ("greek", "hindi", "vietnamese", "ethiopian"):
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


@T("patient_email", "email_missed_appt_child", 2, "min")
def _(c):
    kid = c.person(native=False, sex=c.r("fm"))
    d = DT(fmt_date(c.dob(2, 16), c.r(["us_nopad", "us_short", "us"])))
    rel = "son" if kid.sex == "m" else "daughter"
    forms = [
        lambda: (f"Forwarded from the {c.r(['peds', 'Eastgate', 'main campus'])} front desk inbox:\n\n"
                 f"> hi, my {rel} {N(kid.full())}, born {d}, missed {kid.his()} appointment yesterday because the bus never came. "
                 "can we get a new time? thanks\n"),
        lambda: (f"my {rel} {N(kid.full())} (dob {d}) was supposed to see {TT('Dr.')} {S(c.staff().last)} today and nobody called us "
                 "about the time change. please call back\n"),
    ]
    return forms[c.k % 2]()


@T("patient_email", "email_reschedule_one_line", 2, "min")
def _(c):
    p = c.person(native=False, culture=EW if c.k == 0 else None)
    fn = p.first().lower() if c.chance(0.5) else p.first()
    ph = P("phone", c.phone())
    forms = [
        lambda: f"hi this is {N(fn)}, need to move my thurs appt, call me {ph}\n\nSent from my iPhone\n",
        lambda: f"{N(p.first())} here — can't make it Monday, pls call {ph} to reschedule. thx\n",
    ]
    return forms[c.k % 2]()


@T("patient_email", "email_member_id_denial", 2, "min")
def _(c):
    mid = P("health_plan_id", c.member_id())
    forms = [
        lambda: f"Subject: Re: my bill\n\nmy member ID is {mid}, why was this denied?? I called twice and nobody knows.\n",
        lambda: (f"Subject: EOB question\n\nHello, I got an EOB for member {mid} saying \"not a covered benefit\". "
                 "It was my yearly physical, same as last year. Please advise.\n"),
    ]
    return forms[c.k % 2]()


@T("patient_email", "email_native_script_parent", 1, "min")
def _(c):
    key = c.culture.key if c.culture.key in NATIVE_MSG else c.r(sorted(NATIVE_MSG))
    cul = next(x for x in CULTURES if x.key == key)
    sex = "m" if key in ("ukrainian", "arabic", "bengali", "ethiopian") else "f"
    p = c.person(culture=cul, native=bool(cul.native), sex=sex)
    d = native_date(key, c.dob(60, 88))
    body = NATIVE_MSG[key](N(p.full()), DT(d))
    return f"Subject: {c.r(['appointment', 'Re: appointment', 'reschedule'])}\n\n{body}\n"


@T("patient_email", "email_portal_link", 1, "min")
def _(c):
    pid_ = c.digits(8, False)
    url = f"https://mychart.{c.r(DOMAINS[:6])}/MyChart/Patient/{pid_}/Results?encId={c.digits(9, False)}"
    return (f"this link from the reminder text doesn't open for me:\n{P('url', url)}\n"
            "it just spins. is the site down?\n")


@T("patient_email", "email_full_headers_med_question", 2, "ord")
def _(c):
    p = c.person()
    doc = c.staff()
    om = c.r(OUTPT)
    parts = []
    if c.chance(0.8):
        parts.append(f"DOB {DT(fmt_date(c.dob(25, 85), c.dstyle()))}")
    if c.chance(0.6):
        parts.append(f"MRN {P('mrn', c.mrn())} (from my card)")
    ident = ", ".join(parts)
    ident = f", {ident}" if ident else ""
    return (f"From: {N(p.full())} <{P('email', pemail(c, p))}>\nTo: {SC(clinic_box(c))}\nDate: {EVD(mail_date(c))}\n"
            f"Subject: question about my meds\n\n"
            f"Hello, this is {N(p.full())}{ident}. {TT('Dr.')} {S(doc.last)} started me on {MED(om[1])} for my "
            f"{CO(om[0])} but I've had {c.r(['dizziness', 'a rash', 'stomach upset', 'swelling in my ankles'])} since. "
            f"Should I stop it? You can call me at {P('phone', c.phone())}.\n\nThank you\n")


@T("patient_email", "email_forwarded_chain", 2, "ord")
def _(c):
    p = c.person()
    s1, s2 = c.staff(), c.staff()
    dom = c.r(DOMAINS[:6])
    d1 = c.recent(4, 9)
    d2 = d1 + dt.timedelta(days=c.ri(1, 3))
    dob = DT(fmt_date(c.dob(30, 85), c.dstyle())) if c.chance(0.7) else None
    dob_s = f" My birthday is {dob}." if dob else ""
    return (f"From: {S(s1.full())} <{SC(s1.email(dom))}>\nSent: {EVD(mail_date(c, d2))}\nTo: {S(s2.full())} <{SC(s2.email(dom))}>\n"
            f"Subject: FW: refill not received\n\n{S(s2.first)} — can you handle? pharmacy says no rx on file.\n\n"
            f"---------- Forwarded message ---------\nFrom: {N(p.full())} <{P('email', pemail(c, p))}>\n"
            f"Date: {EVD(mail_date(c, d1))}\nSubject: refill not received\n\n"
            f"Hi, I asked for my {MED(c.r(MEDS))} refill a week ago and the pharmacy still doesn't have it.{dob_s} "
            f"Please send it to the {c.r(['CVS', 'Walgreens', 'Rite Aid'])} on {c.r(STREETS)}.\n\n{N(p.first())}\n")


@T("patient_email", "email_caregiver_father_90s", 2, "ord")
def _(c):
    dad = c.person(sex="m")
    kid = c.relative(dad, sex="f")
    age = c.ri(90, 101)
    st, unit, city, state, z = c.address()
    unit_s = f", {P('street_address', unit)}" if unit else ""
    return (f"From: {N(kid.full())} <{P('email', pemail(c, kid))}>\nTo: {SC(clinic_box(c))}\nSubject: my father — address + phone update\n\n"
            f"Hello,\n\nMy father {N(dad.full())} is {P('age_over_89', str(age))} and moved in with me last month. Please update his "
            f"address to {P('street_address', st)}{unit_s}, {P('street_address', city)}, {ST(state)} {P('zip_code', z)} and the best number is "
            f"my cell {P('phone', c.phone())}. He still sees {TT('Dr.')} {S(c.staff().last)} for his {CO(c.r(['CHF', 'dementia', 'COPD', 'CKD']))}.\n\n"
            f"Thanks,\n{N(kid.first())}\n")


FOREIGN = {
    "es": ("Asunto: cita y tarjeta del seguro",
           lambda n, d, m, ph: (f"Buenas tardes, soy {n}, fecha de nacimiento {d}. Mi número de miembro es {m}. "
                                f"Necesito cambiar mi cita del jueves y no me contestan por teléfono. Mi celular es {ph}. Gracias.")),
    "fr": ("Objet : rendez-vous et carte d'assurance",
           lambda n, d, m, ph: (f"Bonjour, je m'appelle {n}, née le {d}. Mon numéro de membre est {m}. "
                                f"Je dois déplacer mon rendez-vous de jeudi. Vous pouvez me joindre au {ph}. Merci.")),
    "pt": ("Assunto: consulta e cartão do plano",
           lambda n, d, m, ph: (f"Boa tarde, sou {n}, data de nascimento {d}. Meu número de membro é {m}. "
                                f"Preciso remarcar a consulta de quinta. Meu celular é {ph}. Obrigada.")),
}
LOCAL_MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
}
LANG_OF = {"mexican": "es", "puerto_rican": "es", "spanish": "es", "cuban": "es", "colombian": "es", "kiche_maya": "es",
           "french": "fr", "quebecois": "fr", "haitian": "fr", "brazilian": "pt", "azorean": "pt"}


@T("patient_email", "email_foreign_full", 1, "ord")
def _(c):
    key = c.culture.key if c.culture.key in LANG_OF else c.r(sorted(LANG_OF))
    cul = next(x for x in CULTURES if x.key == key)
    lang = LANG_OF[key]
    p = c.person(culture=cul, sex="f", native=False)
    subj, body = FOREIGN[lang]
    b = c.dob(25, 80)
    d = c.r([f"{b.day:02d}/{b.month:02d}/{b.year}", f"{b.day} {LOCAL_MONTHS[lang][b.month - 1]} {b.year}"])
    if lang in ("es", "pt") and "/" not in d:
        d = f"{b.day} de {LOCAL_MONTHS[lang][b.month - 1]} de {b.year}"
    return (f"From: {N(p.full())} <{P('email', pemail(c, p))}>\nTo: {SC(clinic_box(c))}\nDate: {EVD(mail_date(c))}\n{subj}\n\n"
            + body(N(p.full()), DT(d), P("health_plan_id", c.member_id()), P("phone", c.phone())) + "\n")


# ================================================================ clean: java_stacktrace
def frames(fr):
    return "\n".join(f"\tat {cls}.{m}({cls.rsplit('.', 1)[-1].split('$')[0]}.java:{ln})" for cls, m, ln in fr)


def wrap_ctx(c, body, what):
    st = c.ri(0, 2)
    s = c.staff()
    if st == 0:
        return (jira_head(c, c.ticket(), what) + f"{c.r(['Stack from prod:', 'Full trace below.', 'From the pod logs:'])}\n"
                f"{NOFORMAT}\n{body}\n{NOFORMAT}\n")
    if st == 1:
        return (f"{S(s.full())}  {c.ri(8, 11)}:{c.ri(10, 59)} AM\n{what} — anyone seen this? build {c.ri(1200, 9800)}\n"
                f"```\n{body}\n```\n")
    return f"{body}\n\n-- pasted by {S(s.full())} in #{c.r(['integration-eng', 'claims-dev', 'portal-oncall', 'platform'])}\n"


@T("java_stacktrace", "js_jackson_localdate_invalid", 2, "clean")
def _(c):
    ts = c.logts(sep=" ")
    body = (f"{ts} ERROR 1 --- [nio-8443-exec-{c.ri(1, 9)}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() "
            "for servlet [dispatcherServlet] threw exception\n"
            "com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` "
            "from String \"2026-11-31\": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) "
            "Text '2026-11-31' could not be parsed: Invalid date 'NOVEMBER 31'\n"
            " at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: 62] "
            "(through reference chain: org.acme.portal.dto.AppointmentSearchRequest[\"fromDate\"])\n" +
            frames([("com.fasterxml.jackson.databind.exc.InvalidFormatException", "from", 67),
                    ("com.fasterxml.jackson.databind.DeserializationContext", "weirdStringException", 1991),
                    ("com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer", "deserialize", 168),
                    ("com.fasterxml.jackson.databind.deser.impl.MethodProperty", "deserializeAndSet", 129),
                    ("com.fasterxml.jackson.databind.deser.BeanDeserializer", "vanillaDeserialize", 314),
                    ("org.acme.portal.web.AppointmentController", "search", 77)]) +
            "\n\t... 48 common frames omitted")
    return wrap_ctx(c, body, "400s on appointment search after the date picker change")


@T("java_stacktrace", "js_surname_like_classes_npe", 2, "clean")
def _(c):
    ts = c.logts()
    body = (f"{ts} ERROR [batch-{c.ri(1, 4)}] o.s.batch.core.step.AbstractStep - Encountered an error executing step hunterReconcileStep in job claimsNightly\n"
            "java.lang.NullPointerException: Cannot invoke \"java.math.BigDecimal.add(java.math.BigDecimal)\" because \"allowed\" is null\n" +
            frames([("org.acme.claims.recon.HunterReconciler", "sumAllowed", 212),
                    ("org.acme.claims.recon.HunterReconciler", "process", 96),
                    ("org.acme.claims.recon.GrantAllocationProcessor", "process", 54),
                    ("org.acme.claims.retry.ChaseRetryPolicy", "execute", 41),
                    ("org.springframework.batch.core.step.item.SimpleChunkProcessor", "doProcess", 134),
                    ("org.springframework.batch.core.step.item.SimpleChunkProcessor", "transform", 319),
                    ("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3629)]) +
            f"\n{ts} INFO  [batch-1] o.s.b.c.l.support.SimpleJobLauncher - Job: [SimpleJob: [name=claimsNightly]] completed with status FAILED "
            f"in {c.ri(2, 59)}m{c.ri(1, 59)}s")
    return wrap_ctx(c, body, "claimsNightly failing in hunterReconcileStep")


@T("java_stacktrace", "js_spring_datasource_bind", 2, "clean")
def _(c):
    ip = c.ip()
    port = c.r([5432, 1521, 1433, 3306])
    ts = c.logts()
    body = (f"{ts}  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context "
            "initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean "
            "with name 'dataSource' defined in class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class]\n"
            f"Caused by: org.postgresql.util.PSQLException: Connection to {ip}:{port} refused. Check that the hostname and port are correct "
            "and that the postmaster is accepting TCP/IP connections.\n" +
            frames([("org.postgresql.core.v3.ConnectionFactoryImpl", "openConnectionImpl", 346),
                    ("org.postgresql.core.ConnectionFactory", "openConnection", 54),
                    ("com.zaxxer.hikari.pool.HikariPool", "createPoolEntry", 476),
                    ("org.springframework.boot.SpringApplication", "run", 1306)]) +
            f"\n\nAPPLICATION FAILED TO START\nDescription: Web server failed to start. Port {c.r([8080, 8443, 9090])} was already in use.")
    return wrap_ctx(c, body, f"eligibility-svc {c.ver()} won't start in stage")


@T("java_stacktrace", "js_hapi_invalid_birthdate_example", 2, "clean")
def _(c):
    body = ("ca.uhn.fhir.parser.DataFormatException: HAPI-1821: [element=\"birthDate\"] Invalid attribute value \"1980-02-30\": "
            "Invalid date/time format: \"1980-02-30\"\n" +
            frames([("ca.uhn.fhir.parser.LenientErrorHandler", "invalidValue", 78),
                    ("ca.uhn.fhir.parser.ParserState$PrimitiveState", "attributeValue", 1313),
                    ("ca.uhn.fhir.parser.JsonParser", "parseChildren", 1289),
                    ("ca.uhn.fhir.parser.BaseParser", "parseResource", 658),
                    ("org.acme.fhir.ingest.BundleLoader", "load", 63),
                    ("org.acme.fhir.ingest.BundleLoaderTest", "loadsExamplePatient", 31)]) +
            "\n\nresource: Patient/example (from the spec examples zip, hl7.fhir.r4.examples 4.0.1)")
    return wrap_ctx(c, body, "strict parser rejects spec example")


@T("java_stacktrace", "js_oauth_grant_invalid", 2, "clean")
def _(c):
    cid = c.uuid()
    ts = c.logts()
    body = (f"{ts} WARN  [http-nio-8080-exec-{c.ri(1, 20)}] o.a.auth.token.GrantTypeValidator - rejecting client_id={cid} grant=refresh_token\n"
            "org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_grant] Refresh token expired\n" +
            frames([("org.acme.auth.token.GrantTypeValidator", "validate", 88),
                    ("org.acme.auth.token.ChaseTokenRefresher", "refresh", 140),
                    ("org.acme.auth.token.ChaseTokenRefresher$$SpringCGLIB$$0", "refresh", 1),
                    ("org.springframework.security.web.FilterChainProxy$VirtualFilterChain", "doFilter", 374)]) +
            f"\ntrace_id={c.sha(32)} span_id={c.sha(16)}")
    return wrap_ctx(c, body, "SMART app refresh fails after 60 min")


@T("java_stacktrace", "js_junit_masking_fixture", 2, "clean")
def _(c):
    body = ("[ERROR] Tests run: 14, Failures: 2, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! - in org.acme.mask.PidMaskerTest\n"
            "[ERROR] masksPatientName  Time elapsed: 0.031 s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: expected: <" + D("person_name", "ZZTEST^PATIENT^A") + "> but was: <" +
            D("person_name", "ZZTEST^PATIENT") + ">\n" +
            frames([("org.junit.jupiter.api.AssertionUtils", "fail", 55), ("org.acme.mask.PidMaskerTest", "masksPatientName", 47)]) +
            "\n[ERROR] masksSsn  Time elapsed: 0.004 s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: SSN 123-45-6789 should be masked to ***-**-6789 ==> expected: <true> but was: <false>\n" +
            frames([("org.acme.mask.PidMaskerTest", "masksSsn", 63)]) +
            f"\n[INFO] BUILD FAILURE  Total time: {c.ri(20, 90)}.{c.ri(100, 999)} s  Finished at: {c.recent(0, 5).isoformat()}T{c.ri(10, 23)}:{c.ri(10, 59)}:{c.ri(10, 59)}-05:00")
    return wrap_ctx(c, body, "PidMaskerTest red on main")


@T("java_stacktrace", "js_git_blame_authors", 2, "clean")
def _(c):
    a, b = c.staff(), c.staff()
    d1, d2 = c.recent(10, 90), c.recent(1, 9)
    s1, s2 = c.sha(8), c.sha(8)
    trace = ("java.lang.StringIndexOutOfBoundsException: begin 0, end 3, length 0\n" +
             frames([("java.base/java.lang.String", "checkBoundsBeginEnd", 4604),
                     ("org.acme.hl7.PidNameSplitter", "initials", 57),
                     ("org.acme.hl7.PidNameSplitter", "split", 33),
                     ("org.acme.hl7.AdtA08Handler", "handle", 119)]))
    blame = (f"{s1} ({S(a.full())} {d1.isoformat()} 14:02:11 -0400 55)     String given = xpn.getGivenName().getValue();\n"
             f"{s1} ({S(a.full())} {d1.isoformat()} 14:02:11 -0400 56)     // TODO handle single-name patients (FNU)\n"
             f"{s2} ({S(b.full())} {d2.isoformat()} 09:41:37 -0500 57)     return given.substring(0, 3).toUpperCase();")
    return (f"Trace from stage:\n```\n{trace}\n```\n\n`git blame -L 55,57 PidNameSplitter.java`:\n```\n{blame}\n```\n"
            f"{D('person_name', b.handle())} looks like the substring came in with {s2}; empty given name blows it up.\n")


@T("java_stacktrace", "js_hikari_timeout_long_log", 2, "clean")
def _(c):
    ip = c.ip()
    lines = []
    d = c.recent(0, 3)
    h = c.ri(0, 20)
    n = c.ri(14, 28)
    stamps = sorted((c.ri(0, 58), c.ri(0, 59), c.ri(0, 999)) for _ in range(n))
    for mi, se, ms in stamps:
        ts = f"{d.isoformat()} {h:02d}:{mi:02d}:{se:02d}.{ms:03d}"
        lines.append(c.r([f"{ts} DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Pool stats (total=20, active=20, idle=0, waiting={c.ri(3, 80)})",
                          f"{ts} WARN  [http-nio-8080-exec-{c.ri(1, 40)}] o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 08001",
                          f"{ts} INFO  [scheduling-1] org.acme.claims.EraPoller - polled 0 files from sftp://{ip}:22/inbound/835"]))
    lines.append(f"{d.isoformat()} {h:02d}:59:59.001 ERROR [http-nio-8080-exec-12] o.a.c.c.C.[.[.[/].[dispatcherServlet] - "
                 "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.")
    lines.append(frames([("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696),
                         ("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181),
                         ("org.acme.claims.repo.RemitRepository", "findByCheckNumber", 44)]))
    body = "\n".join(lines)
    return wrap_ctx(c, body, f"pool exhaustion on remit-api ({c.r(['jdbc:postgresql://', 'jdbc:sqlserver://'])}{ip})")


@T("java_stacktrace", "js_kotlin_wordlike_classes", 2, "clean")
def _(c):
    body = ("Exception in thread \"DefaultDispatcher-worker-3\" java.lang.IllegalStateException: slot already booked: slotId=" + c.uuid() + "\n" +
            frames([("org.acme.scheduling.alloc.YoungSlotAllocator", "reserve", 72),
                    ("org.acme.scheduling.alloc.YoungSlotAllocator$reserve$1", "invokeSuspend", 12),
                    ("org.acme.scheduling.pricing.PriceCalculator", "quote", 33),
                    ("org.acme.scheduling.guard.BrownoutGuard", "around", 58),
                    ("org.acme.scheduling.client.LongPollingClient", "await", 101),
                    ("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33),
                    ("kotlinx.coroutines.DispatchedTask", "run", 108)]) +
            "\n\tSuppressed: kotlinx.coroutines.internal.DiagnosticCoroutineContextException: [CoroutineId(" + str(c.ri(100, 9999)) +
            "), \"coroutine#" + str(c.ri(100, 9999)) + "\":StandaloneCoroutine{Cancelling}@" + c.sha(7) + ", Dispatchers.Default]")
    return wrap_ctx(c, body, "double booking race in scheduling-svc")


@T("java_stacktrace", "js_oom_heapdump", 2, "clean")
def _(c):
    build = c.ri(2000, 9999)
    body = (f"java.lang.OutOfMemoryError: Java heap space\nDumping heap to /var/dumps/fhir-export-{build}.hprof ...\n"
            f"Heap dump file created [{c.ri(1, 9)}{c.digits(9)} bytes in {c.ri(2, 40)}.{c.ri(100, 999)} secs]\n" +
            frames([("java.base/java.util.Arrays", "copyOf", 3537),
                    ("java.base/java.io.ByteArrayOutputStream", "ensureCapacity", 100),
                    ("com.fasterxml.jackson.dataformat.xml.JacksonXmlModule", "setupModule", 91),
                    ("org.acme.export.NdjsonWriter", "flush", 144),
                    ("org.acme.export.BulkExportJob", "run", 210)]) +
            f"\n[{c.ri(1000, 9999)}.{c.ri(100, 999)}s][info][gc] GC(4412) Pause Full (G1 Compaction Pause) 3996M->3990M(4096M) {c.ri(800, 3000)}.{c.ri(100, 999)}ms\n"
            f"image: registry.internal/fhir-export:{c.ver()}-b{build}  node: ip-{c.ip().replace('.', '-')}")
    return wrap_ctx(c, body, "bulk $export OOM on large groups")


# ================================================================ clean: meeting_notes
def attendees(c, n):
    return ", ".join(S(c.staff().full()) for _ in range(n))


def mdate(c):
    d = c.recent(0, 30)
    return c.r([d.isoformat(), f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.month}/{d.day}/{d.year}"])


@T("meeting_notes", "mn_standup", 2, "clean")
def _(c):
    people = [c.staff() for _ in range(c.ri(4, 6))]
    out = []
    for p in people:
        k = c.ri(0, 3)
        blk = "waiting on " + D("person_name", c.staff().handle()) if k == 1 else ["none", "", "stage DB down", "none"][k]
        out.append(f"- {S(p.first)}: y: {c.r(['closed', 'reviewed', 'paired on'])} {c.ticket()}; "
                   f"t: {c.r(['A08 mapping', 'ACK timeouts', 'FHIR $match', 'release notes', 'flaky e2e'])}; blockers: {blk}")
    return (f"Standup — {mdate(c)}\nPresent: {', '.join(S(p.full()) for p in people)}\n\n" + "\n".join(out) +
            f"\n\nparking lot: retro moved to Thu {c.ri(1, 4)}pm\n")


@T("meeting_notes", "mn_release_planning", 2, "clean")
def _(c):
    v = f"2026.{c.ri(10, 12)}.{c.ri(0, 3)}"
    d1 = REF + dt.timedelta(days=c.ri(3, 20))
    d2 = d1 + dt.timedelta(days=7)
    return (f"Release planning — {v}\nDate: {mdate(c)}\nAttendees: {attendees(c, 5)}\n\n"
            f"* Code freeze {d1.isoformat()} 17:00 ET, go/no-go {d2.isoformat()} 10:00\n"
            f"* Scope: {c.ticket('PORTAL')}, {c.ticket('PORTAL')}, {c.ticket('FHIR')} (bulk export paging)\n"
            f"* Regression on stage-2 ({c.ip()}), build {c.ri(1000, 9999)}; perf baseline from {c.ver()}\n"
            f"* Rollback: helm rollback portal {c.ri(40, 120)}\n"
            f"* {D('person_name', c.staff().handle())} owns comms; {D('person_name', c.staff().handle())} owns the CAB ticket CHG00{c.digits(5)}\n")


@T("meeting_notes", "mn_clinical_informatics_committee", 2, "clean")
def _(c):
    d1, d2, d3 = c.staff(), c.staff(), c.staff()
    return (f"Clinical Informatics Committee — {mdate(c)}\n"
            f"Chair: {TT('Dr.')} {S(d1.full())}   Present: {TT('Dr.')} {S(d2.last)}, {S(d3.full())} RN, {attendees(c, 2)}\n\n"
            "1. Sepsis BPA\n"
            f"   - firing rate {c.ri(8, 30)}% of ED encounters, PPV ~{c.ri(8, 20)}%. Proposal: require lactate > 2 or SBP < 90 in addition to 2 SIRS.\n"
            f"   - exclude patients on comfort care; keep for patients aged 65 and older regardless of WBC.\n"
            f"2. {CO('Hypoglycemia')} alert after {MED('insulin glargine')} dose changes — pharmacy to pilot on 5W.\n"
            f"3. {CO('VTE')} order set: default {MED('enoxaparin')} 40 mg daily, adjust for CrCl < 30.\n"
            f"4. Falls: aggregate rate {c.ri(2, 4)}.{c.ri(0, 9)} per 1000 patient days, no change.\n\n"
            f"Action: {TT('Dr.')} {S(d2.last)} to bring revised BPA spec to next meeting ({c.r(MONTHS[10:12])} {c.ri(1, 28)}).\n")


@T("meeting_notes", "mn_sprint_retro", 2, "clean")
def _(c):
    return (f"Sprint {c.ri(40, 90)} retro  ({mdate(c)})\nfacilitator: {S(c.staff().full())}\n\n"
            "What went well\n"
            f"- interface cutover for {c.r(FAC_CODES)} landed with zero rejects\n- pairing on {c.ticket()} helped\n\n"
            "What didn't\n"
            f"- stage was down 2 days ({c.ip()} disk full)\n- too many hotfixes ({c.ver()}, {c.ver()})\n\n"
            "Actions\n"
            f"- [ ] {D('person_name', c.staff().handle())} add disk alerts\n- [ ] {D('person_name', c.staff().handle())} write the hotfix checklist\n")


@T("meeting_notes", "mn_vendor_call_bridge", 2, "clean")
def _(c):
    vd = c.r(["corvalent.io", "medbridge-it.com"])
    v1, v2 = c.staff(), c.staff()
    return (f"Vendor sync — {c.r(['clearinghouse', 'EMPI vendor', 'fax server'])}\n{mdate(c)}, {c.ri(1, 4)}:00 PM ET\n"
            f"Bridge: 1-888-{c.ri(200, 999)}-{c.digits(4)}  passcode {c.digits(7)}#\n\n"
            f"Vendor: {S(v1.full())} <{SC(v1.email(vd))}>, {S(v2.full())} <{SC(v2.email(vd))}>\nUs: {attendees(c, 3)}\n\n"
            f"- 999 rejects down to {c.ri(0, 9)} / day after the {c.ver()} patch\n"
            f"- SFTP host moving to {c.ip()} on {(REF + dt.timedelta(days=c.ri(5, 40))).isoformat()}, new key fingerprint SHA256:{c.sha(43)}\n"
            "- they will send test files with their usual dummy member (" + D("person_name", "Jane Doe") + ", 555-0142) — no prod data\n"
            f"- next call in 2 wks\n")


@T("meeting_notes", "mn_incident_postmortem", 2, "clean")
def _(c):
    d = c.recent(1, 14)
    ip = c.ip()
    t = [f"{c.ri(0, 3):02d}:{c.ri(10, 59)}" for _ in range(5)]
    t.sort()
    return (f"Postmortem: ADT feed outage {d.isoformat()}\nAuthor: {S(c.staff().full())}   Reviewers: {attendees(c, 2)}\nSeverity: SEV2\n\n"
            "Timeline (ET)\n"
            f"{t[0]}  Rhapsody route ADT_IN_{c.r(FAC_CODES)} stops ACKing; queue depth climbs\n"
            f"{t[1]}  PagerDuty alert INC-{c.ri(1000, 9999)} to interface on-call ({S(c.staff().full())})\n"
            f"{t[2]}  root cause found: cert on {ip}:6661 expired\n"
            f"{t[3]}  cert replaced, route restarted, backlog of {c.ri(2000, 30000)} msgs drains\n"
            f"{t[4]}  all clear\n\n"
            "\nLog excerpt (engine-a)\n" + "\n".join(
                f"{d.isoformat()} {t[2]}:{c.ri(10, 59)},{c.ri(100, 999)} ERROR [ADT_IN] javax.net.ssl.SSLHandshakeException: PKIX path validation failed: "
                f"java.security.cert.CertificateExpiredException: NotAfter: {(d - dt.timedelta(days=1)).isoformat()}T23:59:59Z" for _ in range(c.ri(3, 6))) + "\n\n"
            "Impact: ~2h of delayed ADTs to the bed board and the DW. No data loss.\n"
            "What went well: alert fired within 20 min; vendor not needed.\nWhat didn't: cert expiry not monitored; runbook pointed at the old keystore path.\n"
            f"Follow-ups: cert expiry monitor ({c.ticket('OPS')}), runbook update ({c.ticket('OPS')}).\n")


@T("meeting_notes", "mn_interface_kickoff_test_patients", 2, "clean")
def _(c):
    return (f"Kickoff — {c.r(['Cardiology PACS', 'Lab send-out', 'Urgent care ADT'])} interface\n{mdate(c)}\n"
            f"Attendees: {attendees(c, 4)}\n\n"
            f"- MSH-4 = {c.r(FAC_CODES)}, MLLP to {c.ip()}:{c.ri(6000, 6999)}, v2.5.1\n"
            "- test patients only in TST: " + D("person_name", "ZZTEST^ALPHA") + " (MRN " + D("mrn", "T0000101") + "), " +
            D("person_name", "ZZTEST^BRAVO") + " (MRN " + D("mrn", "T0000102") + "), SSN 123-45-6789 on both\n"
            "- vendor will not send PID-19; we strip it anyway\n"
            f"- go-live target {(REF + dt.timedelta(days=c.ri(30, 90))).isoformat()}\n"
            f"- {D('person_name', c.staff().handle())} to send the spec v{c.ri(1, 4)}.{c.ri(0, 9)}\n")


@T("meeting_notes", "mn_data_governance", 2, "clean")
def _(c):
    return (f"Data Governance Council — {mdate(c)}\nPresent: {attendees(c, 5)}\n\n"
            "1. De-identification standard for analytics extracts\n"
            "   - Safe Harbor: drop names, street address, all dates except year, phone/fax, email, SSN, MRN, member ids, account numbers.\n"
            "   - ZIP: keep first 3 digits unless the 3-digit area has fewer than 20,000 people (then 000).\n"
            "   - ages over 89 collapse into a single \"90+\" bucket.\n"
            "2. Date formats in the DW: store ISO 8601 (YYYY-MM-DD); UI displays MM/DD/YYYY.\n"
            f"3. Access reviews for the {c.r(['claims', 'ADT', 'lab'])} mart due {c.r(MONTHS[11:12])} 15.\n"
            f"Decision: approved v{c.ri(2, 5)}.0 of the standard. Owner: {S(c.staff().full())}.\n")


@T("meeting_notes", "mn_cutover_checklist", 2, "clean")
def _(c):
    d = REF + dt.timedelta(days=c.ri(3, 30))
    return (f"EHR upgrade cutover — dry run notes\nWhen: {d.isoformat()} 22:00 → {(d + dt.timedelta(days=1)).isoformat()} 04:00\n"
            f"Command center: {c.r(['Ops room B', 'Teams bridge'])}, bridge 1-877-{c.ri(200, 999)}-{c.digits(4)} code {c.digits(6)}\n\n"
            f"22:00  downtime banner on (owner {S(c.staff().full())})\n22:15  interfaces queued (owner {S(c.staff().full())})\n"
            f"23:30  upgrade to {c.ver()} applied on app tier {c.ip()}\n01:30  smoke tests w/ test patients (" + D("person_name", "ZZTEST") + ")\n"
            f"03:00  interfaces released, queue drain\n04:00  go/no-go — {TT('Dr.')} {S(c.staff().last)} (CMIO) signs off\n")


@T("meeting_notes", "mn_quality_huddle_aggregate", 2, "clean")
def _(c):
    return (f"Quality huddle — {mdate(c)}\nLead: {S(c.staff().full())}\n\n"
            f"- Falls: {c.ri(0, 5)} this month (unit avg {c.ri(2, 6)})\n- CLABSI: 0, CAUTI: {c.ri(0, 2)}\n"
            f"- ED boarding: {c.ri(2, 9)} patients >24h yesterday, incl. {c.ri(1, 3)} over age 90 waiting on SNF beds\n"
            f"- {CO('Sepsis')} bundle compliance {c.ri(70, 95)}%\n- Readmissions ({CO('CHF')}): {c.ri(12, 24)}% rolling 12 mo\n\n"
            f"Next: {D('person_name', c.staff().handle())} to present falls RCA\n")


# ================================================================ clean: validator_diff
def review_tail(c):
    a, b = c.staff(), c.staff()
    return (f"\n{S(a.full())} approved\n{S(b.full())}: {c.r(['lgtm, one nit inline', 'can we add a negative case?', 'ship it'])}\n")


@T("validator_diff", "vd_ssn_regex_java", 2, "clean")
def _(c):
    lines = ["@@ -12,7 +12,9 @@ public final class SsnValidator {",
             "-    private static final Pattern SSN = Pattern.compile(\"\\\\d{3}-\\\\d{2}-\\\\d{4}\");",
             "+    // area 000, 666 and 900-999, group 00 and serial 0000 are never issued",
             "+    private static final Pattern SSN = Pattern.compile(",
             "+        \"(?!000|666|9\\\\d\\\\d)\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}\");",
             "     public static boolean isValid(String s) {",
             "         return s != null && SSN.matcher(s).matches() && !DOCUMENTED_EXAMPLES.contains(s);",
             "     }",
             "@@ -3,6 +3,12 @@ class SsnValidatorTest {",
             "+    @Test void rejectsNeverIssuedAreas() {",
             "+        assertFalse(SsnValidator.isValid(\"000-12-3456\"));",
             "+        assertFalse(SsnValidator.isValid(\"666-12-3456\"));",
             "+        assertFalse(SsnValidator.isValid(\"912-34-5678\"));",
             "+        assertFalse(SsnValidator.isValid(\"123-45-6789\")); // documented example",
             "+    }"]
    return (pr_head(c, "SSN validator: exclude never-issued ranges") +
            diff_head(c, "core/src/main/java/org/acme/phi/SsnValidator.java") + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_mrn_pattern_rust", 2, "clean")
def _(c):
    lines = ["@@ -40,6 +40,14 @@ pub fn label_rules() -> Vec<Rule> {",
             "+    Rule::new(\"mrn_labelled\", r\"(?i)\\b(?:MRN|Med(?:ical)? Rec(?:ord)? ?(?:No|#))[:#\\s]*([A-Z]?\\d{6,10})\\b\"),",
             "+    Rule::new(\"mrn_hl7_pid3\", r\"^PID\\|[^|]*\\|[^|]*\\|([^^|]+)\\^\\^\\^[^^|]*\\^MR\"),",
             " ]",
             "@@ -210,3 +218,15 @@ mod tests {",
             "+    #[test]",
             "+    fn mrn_with_label() {",
             "+        let hits = scan(\"MRN: " + D("mrn", "T0000001") + " seen in clinic\");",
             "+        assert_eq!(hits[0].kind, Kind::Mrn);",
             "+    }",
             "+    #[test]",
             "+    fn no_mrn_in_version_strings() {",
             "+        assert!(scan(\"release 2026.11.3 build 4821\").is_empty());",
             "+    }"]
    return (pr_head(c, "labelled MRN + PID-3 rules") + diff_head(c, "crates/rules/src/mrn.rs") + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_phone_normalizer_ts", 2, "clean")
def _(c):
    lines = ["@@ -1,9 +1,14 @@", " export function normalizePhone(raw: string): string | null {",
             "-  const d = raw.replace(/\\D/g, '');", "+  const d = raw.replace(/\\D/g, '').replace(/^1(?=\\d{10}$)/, '');",
             "   if (d.length !== 10) return null;", "   return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;", " }",
             "@@ -0,0 +1,12 @@", "+describe('normalizePhone', () => {",
             "+  it.each([", "+    ['(617) 555-0123', '617-555-0123'],", "+    ['+1 212 555 0199', '212-555-0199'],",
             "+    ['555.0100', null],", "+  ])('%s -> %s', (raw, want) => expect(normalizePhone(raw)).toBe(want));", "+});"]
    return (pr_head(c, "strip leading country code in normalizePhone") + diff_head(c, "web/src/lib/phone.ts") +
            "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_npi_luhn_py", 2, "clean")
def _(c):
    lines = ["@@ -0,0 +1,22 @@", "+def npi_is_valid(npi: str) -> bool:",
             "+    \"\"\"Luhn over '80840' + the 10 digits (CMS NPI check digit rule).\"\"\"",
             "+    if len(npi) != 10 or not npi.isdigit() or npi[0] not in '12':", "+        return False",
             "+    total = 24  # contribution of the 80840 prefix", "+    for i, ch in enumerate(reversed(npi[:-1])):",
             "+        d = int(ch) * (2 if i % 2 == 0 else 1)", "+        total += d - 9 if d > 9 else d",
             "+    return (10 - total % 10) % 10 == int(npi[-1])", "+", "+",
             "+def test_documented_example():", "+    assert npi_is_valid('1234567893')", "+",
             "+def test_bad_check_digit():", "+    assert not npi_is_valid('1234567890')"]
    return (pr_head(c, "NPI check digit") + diff_head(c, "validators/npi.py", new=True) + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_mbi_format_go", 2, "clean")
def _(c):
    lines = ["@@ -8,6 +8,18 @@ package mbi", "+// CMS MBI: 11 chars, no S L O I B Z; positions 2,5,8,9 alpha; 1,4,7,10,11 numeric.",
             "+var mbiRe = regexp.MustCompile(`^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}$`)",
             "+", "+func Valid(s string) bool { return mbiRe.MatchString(strings.ToUpper(s)) }",
             "@@ -0,0 +1,9 @@", "+func TestValid(t *testing.T) {", "+\tif !Valid(\"1EG4-TE5-MK73\") { // CMS documentation example",
             "+\t\tt.Fatal(\"example MBI rejected\")", "+\t}", "+\tif Valid(\"1EG4-TE5-MK7S\") {", "+\t\tt.Fatal(\"S is never used\")", "+\t}", "+}"]
    return (pr_head(c, "MBI validator") + diff_head(c, "pkg/mbi/mbi.go") + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_date_parser_py", 2, "clean")
def _(c):
    lines = ["@@ -22,10 +22,16 @@ DATE_FORMATS = [", "     \"%Y-%m-%d\",", "     \"%m/%d/%Y\",", "+    \"%m/%d/%y\",",
             "+    \"%d-%b-%Y\",", "+    \"%Y%m%d\",  # HL7 TS without time", " ]",
             "@@ -80,6 +86,14 @@ def test_formats():", "+@pytest.mark.parametrize('raw', ['02/30/2020', '2026-13-01', '19700132'])",
             "+def test_rejects_impossible_dates(raw):", "+    assert parse_date(raw) is None", "+",
             "+def test_epoch():", "+    assert parse_date('1970-01-01') == date(1970, 1, 1)"]
    return (pr_head(c, "date parser: 2-digit years, DD-Mon-YYYY, HL7 TS") + diff_head(c, "phiscan/dates.py") +
            "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_hl7_pid_validator", 2, "clean")
def _(c):
    msg = ("PID|1||" + D("mrn", "T0000042") + "^^^TEST^MR||" + D("person_name", "ZZTEST^PATIENT") + "||" +
           D("date", "19000101") + "|U")
    lines = ["@@ -15,6 +15,11 @@ def validate_pid(seg):", "+    if not seg.field(7):", "+        errors.append(Err(101, 'PID-7 required'))",
             "+    if seg.field(8) not in {'F', 'M', 'U', 'O', 'A', 'N'}:", "+        errors.append(Err(103, 'PID-8 not in HL70001'))",
             "@@ -0,0 +1,6 @@", "+SAMPLE = (", "+    'MSH|^~\\\\&|TEST|TEST|TEST|TEST|" + D("date", "20260101000000") + "||ADT^A04|1|T|2.5.1\\r'",
             "+    '" + msg + "\\r'", "+)", "+def test_sample_passes():", "+    assert validate_pid(parse(SAMPLE).segment('PID')) == []"]
    return (pr_head(c, "PID-7/PID-8 checks") + diff_head(c, "hl7lint/pid.py") + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_zip_validator_go", 2, "clean")
def _(c):
    lines = ["@@ -3,5 +3,11 @@", "-var zipRe = regexp.MustCompile(`^\\d{5}$`)", "+var zipRe = regexp.MustCompile(`^\\d{5}(-\\d{4})?$`)",
             "+", "+// Safe Harbor: the 17 restricted 3-digit prefixes are rewritten to 000", "+var restricted = map[string]bool{\"036\": true, \"059\": true, \"063\": true, \"102\": true, \"203\": true, \"556\": true, \"692\": true, \"790\": true, \"821\": true, \"823\": true, \"830\": true, \"831\": true, \"878\": true, \"879\": true, \"884\": true, \"890\": true, \"893\": true}",
             "@@ -0,0 +1,8 @@", "+func TestZip(t *testing.T) {", "+\tfor _, z := range []string{\"00000\", \"12345-6789\"} {",
             "+\t\tif !zipRe.MatchString(z) { t.Errorf(\"%s\", z) }", "+\t}", "+}"]
    return (pr_head(c, "ZIP+4 and restricted prefixes") + diff_head(c, "deid/zip.go") + "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_email_mask_kotlin", 2, "clean")
def _(c):
    lines = ["@@ -9,7 +9,10 @@ object EmailMasker {", "-    fun mask(e: String) = e.replace(Regex(\"^[^@]+\"), \"***\")",
             "+    private val LOCAL = Regex(\"^([^@]{1})[^@]*(@.+)$\")", "+    fun mask(e: String): String =",
             "+        LOCAL.replace(e) { m -> m.groupValues[1] + \"***\" + m.groupValues[2] }",
             "@@ -0,0 +1,7 @@", "+class EmailMaskerTest {", "+    @Test fun masksLocalPart() {",
             "+        assertEquals(\"j***@example.com\", EmailMasker.mask(\"" + D("email", "jane.doe@example.com") + "\"))",
             "+        assertEquals(\"j***@example.org\", EmailMasker.mask(\"" + D("email", "john.q.public@example.org") + "\"))",
             "+    }", "+}"]
    return (pr_head(c, "keep first char when masking emails") + diff_head(c, "android/app/src/main/kotlin/org/acme/mask/EmailMasker.kt") +
            "\n".join(lines) + "\n" + review_tail(c))


@T("validator_diff", "vd_detector_rules_yaml", 2, "clean")
def _(c):
    lines = ["@@ -1,14 +1,22 @@", " rules:", "   - kind: ssn", "     min_confidence: 0.8", "   - kind: phone",
             "-    min_confidence: 0.5", "+    min_confidence: 0.6", "+  - kind: age_over_89", "+    min_confidence: 0.7",
             " allowlist:", "   - \"123-45-6789\"", "+  - \"1EG4-TE5-MK73\"", "+  - \"1234567893\"", "+  - regex: \"555-01\\\\d\\\\d\"",
             " ignore_paths:", "   - \"**/test/**\"", "+  - \"**/*.snap\""]
    return (pr_head(c, "tune phone threshold, allowlist documented examples") + diff_head(c, "config/phi-rules.yaml") +
            "\n".join(lines) + "\n" + review_tail(c))


# ================================================================ clean: release_notes
@T("release_notes", "rn_changelog_semver", 2, "clean")
def _(c):
    v = [c.ri(3, 7), c.ri(0, 20), c.ri(0, 9)]
    d = c.recent(0, 30)
    out = [f"# Changelog\n\n## [{v[0]}.{v[1]}.{v[2]}] - {d.isoformat()}\n### Added"]
    for item in c.rng.sample(['FHIR $everything paging', 'NDJSON export resume', 'HL7 ACK timeout metric', 'MBI format check',
                              'dark mode in the portal'], c.ri(2, 4)):
        out.append(f"- {item} ({c.ticket()}, {D('person_name', c.staff().handle())})")
    out.append("### Fixed")
    for item in c.rng.sample(['PID-5 repetition dropped', 'timezone on SCH-11', 'CSV export BOM', 'null birthDate crash',
                              'ACK sent before commit'], c.ri(2, 4)):
        out.append(f"- {item} (#{c.ri(100, 2000)})")
    pd = d
    for j in range(1 if c.k == 0 else 4):
        pd = pd - dt.timedelta(days=c.ri(14, 40))
        out.append(f"\n## [{v[0]}.{max(v[1] - 1 - j, 0)}.0] - {pd.isoformat()}\n### Changed\n- bumped jackson-databind to 2.17.{c.ri(0, 3)}")
        if c.k == 1:
            out.append(f"- {c.r(['MLLP listener', 'bulk export', 'portal login', 'claims API'])} now logs request ids ({c.ticket()}, "
                       f"{D('person_name', c.staff().handle())})\n### Fixed\n- {c.r(['retry storm on 503', 'wrong tz in SIU', 'NPE on empty OBX-5', 'BOM in CSV export'])} (#{c.ri(100, 2000)})")
    return "\n".join(out) + "\n"


@T("release_notes", "rn_ehr_upgrade_notice", 2, "clean")
def _(c):
    d = REF + dt.timedelta(days=c.ri(4, 30))
    return (f"EHR Upgrade — {c.r(['Fall', 'Winter'])} 2026 release\n\nWhen: {MONTHS[d.month - 1]} {d.day}, {d.year}, 01:00–05:00 (downtime)\n"
            "What changes:\n- new In Basket layout\n- sepsis BPA uses the revised criteria approved by CIC\n"
            "- MAR barcode scanning supports the new wristband format\n\n"
            "During downtime use the BCA PCs and paper downtime forms. Test patients in TRN: " + D("person_name", "ZZTRAIN, ONE") + " through " + D("person_name", "ZZTRAIN, TEN") + ".\n\n"
            f"Questions: IS Service Desk {SC('x4-4357')} or {SC('servicedesk@' + c.r(DOMAINS[:6]))}\n"
            f"— {S(c.staff().full())}, Director, Clinical Applications\n")


@T("release_notes", "rn_interface_engine_release", 2, "clean")
def _(c):
    rows = []
    for ch in ["ADT_IN_MAIN", "ORU_OUT_LIS", "SIU_IN_SCHED", "MDM_OUT_DOCS"]:
        rows.append(f"| {ch} | {c.ver()} | {c.ip()}:{c.ri(6600, 6700)} | {c.r(['no change', 'new filter', 'ACK mode AL', 'retry 3x'])} |")
    body = "\n".join(rows)
    return (f"## Interface engine release {c.ver()} ({c.recent(0, 10).isoformat()})\n\nDeployed by {S(c.staff().full())}; "
            f"rollback plan in {c.ticket('OPS')}.\n\n| channel | version | listener | change |\n|---|---|---|---|\n{body}\n\n"
            f"Volumes first 24h: {c.ri(40, 200)}k msgs, 0 NAKs.\n")


@T("release_notes", "rn_mobile_app_store", 2, "clean")
def _(c):
    return (f"Version {c.ri(5, 9)}.{c.ri(0, 20)}.{c.ri(0, 5)} (Build {c.ri(1000, 9999)})\n\n"
            "What's New\n• Check in for appointments from your lock screen\n• Faster test results loading\n"
            "• Fixed: some users saw the wrong time zone for video visits\n\n"
            f"Released {MONTHS[c.recent(0, 20).month - 1]} {c.ri(1, 28)}, 2026 • Size {c.ri(80, 180)}.{c.ri(0, 9)} MB • Requires iOS 16.0 or later\n")


@T("release_notes", "rn_fhir_api_deprecation", 2, "clean")
def _(c):
    d = REF + dt.timedelta(days=c.ri(60, 120))
    return (f"# API notice: R4 endpoints v1 sunset on {d.isoformat()}\n\n"
            "`/fhir/v1/Patient` and `/fhir/v1/Observation` will return 410 after the date above. Move to `/fhir/r4/`.\n\n"
            "```\nGET /fhir/r4/Patient/example\nGET /fhir/r4/Observation?patient=example&category=laboratory&_count=50\n```\n\n"
            "Search by `birthdate` now requires a prefix (`ge`, `le`) when used with `_count` > 100.\n\n"
            f"Contact: {SC('api-support@' + c.r(DOMAINS[6:]))} · owner {S(c.staff().full())}\n")


@T("release_notes", "rn_security_patch", 2, "clean")
def _(c):
    return (f"Security update {c.ver()} — {c.recent(0, 14).isoformat()}\n\n"
            f"- CVE-2026-{c.ri(10000, 49999)} (netty, high): bumped to 4.1.{c.ri(110, 130)}.Final\n"
            f"- CVE-2026-{c.ri(10000, 49999)} (postgresql jdbc, medium): 42.7.{c.ri(4, 9)}\n"
            "- TLS 1.0/1.1 disabled on the MLLP listeners\n\n"
            f"Image digest sha256:{c.sha(64)}\nApproved by {S(c.staff().full())} (ISO)\n")


@T("release_notes", "rn_sprint_demo_summary", 2, "clean")
def _(c):
    items = "\n".join(f"- {c.ticket()} {it} — demoed by {S(c.staff().full())}" for it in c.rng.sample(
        ['prior auth status in portal', 'denial reason lookup', 'A08 dedupe', 'bulk export resume', 'fax OCR confidence'], c.ri(3, 5)))
    return (f"Sprint {c.ri(50, 99)} demo — {mdate(c)}\n\n{items}\n\nNot done: {c.ticket()} (blocked on vendor). "
            f"Next demo in 2 weeks, same bridge.\n")


@T("release_notes", "rn_db_migration_notes", 2, "clean")
def _(c):
    v = f"V2026_{c.ri(10, 11)}_{c.ri(10, 28)}"
    return (f"DB release notes — claims-db\n\nMigrations:\n- {v}_1__add_idx_claim_line_member.sql ({c.ri(20, 90)}s on prod-size copy)\n"
            f"- {v}_2__drop_legacy_pt_ssn_column.sql  (column was already null for all rows)\n"
            f"- {v}_3__create_view_remit_summary.sql\n\nRun by {S(c.staff().full())} against {c.ip()}:5432, "
            f"flyway {c.ri(9, 10)}.{c.ri(0, 22)}.{c.ri(0, 3)}\n")


@T("release_notes", "rn_feature_flag_rollout", 2, "clean")
def _(c):
    d = c.recent(0, 14)
    return (f"Rollout log: flag `portal.proxy_access_v2`\n\n{d.isoformat()}  5%  (internal staff only)\n"
            f"{(d + dt.timedelta(days=2)).isoformat()}  25%\n{(d + dt.timedelta(days=5)).isoformat()}  50%  error rate 0.02%\n"
            f"Next: 100% after the {c.r(['Mon', 'Wed'])} review. Kill switch: {S(c.staff().full())} or {S(c.staff().full())}.\n")


@T("release_notes", "rn_hotfix_email", 2, "clean")
def _(c):
    a, b = c.staff(), c.staff()
    dom = c.r(DOMAINS[:6])
    hv = c.ver()
    return (f"From: {S(a.full())} <{SC(a.email(dom))}>\nSent: {EVD(mail_date(c))}\nTo: IS-Apps-All\n"
            f"Subject: Hotfix {hv} deployed — results viewer\n\nAll,\n\nHotfix {hv} went out at 06:10. It fixes the blank units in the "
            f"results viewer ({c.ticket('LAB')}). No downtime. Thanks {S(b.first)} for the quick turnaround.\n\n{S(a.first)}\n")


# ================================================================ clean: clinical_rule_page
@T("clinical_rule_page", "cr_sepsis_screen", 2, "clean")
def _(c):
    return (f"h1. Adult {CO('sepsis')} screening (ED and inpatient)\nOwner: {TT('Dr.')} {S(c.staff().full())} · reviewed {mdate(c)}\n\n"
            "Applies to: patients aged 18 and older. Excludes comfort care.\n\n"
            "h2. Trigger (any 2 SIRS + suspected infection)\n"
            "* Temp > 38.3 °C or < 36 °C\n* HR > 90\n* RR > 20\n* WBC > 12k or < 4k\n\n"
            "h2. Actions within 1 hour\n"
            f"# lactate; repeat if > 2 mmol/L\n# blood cultures x2 before antibiotics\n"
            f"# broad-spectrum antibiotics (e.g. {MED('piperacillin-tazobactam')} + {MED('vancomycin')})\n"
            "# 30 mL/kg crystalloid for hypotension or lactate ≥ 4\n\n"
            f"Patients over 65, on {MED('beta-blockers')}, or with {CO('cirrhosis')} may not mount tachycardia — lower threshold for lactate.\n"
            + ("" if c.k == 0 else
               "\nh2. Exclusions\n* comfort care / hospice\n* patients under 18 (use the pediatric pathway)\n* transfers already on antibiotics for > 24 h\n\n"
               "h2. Documentation\nUse the sepsis reassessment note within 6 hours of the first hypotension. The BPA re-fires every 8 hours "
               "while criteria persist; acknowledging it without an order requires a reason.\n\n"
               "h2. Metrics\nSEP-1 compliance is reported monthly by Quality. Aggregate data only; no patient lists on this page.\n\n"
               "h2. References\n# Surviving Sepsis Campaign guidelines 2021\n# CMS SEP-1 specifications manual v5.16\n"))


@T("clinical_rule_page", "cr_fall_risk_morse", 2, "clean")
def _(c):
    return ("Fall risk — Morse Fall Scale (inpatient)\n\n| Item | Score |\n|---|---|\n| History of falling | 25 |\n"
            "| Secondary diagnosis | 15 |\n| Ambulatory aid | 0 / 15 / 30 |\n| IV / heparin lock | 20 |\n| Gait | 0 / 10 / 20 |\n"
            "| Mental status | 0 / 15 |\n\n>= 45 high risk: bed alarm, hourly rounding, non-slip socks.\n"
            f"Patients aged 85 and older and those on {MED('opioids')} or {MED('benzodiazepines')} are reassessed every shift.\n"
            f"Page owner: {S(c.staff().full())} (Nursing Practice Council)\n")


@T("clinical_rule_page", "cr_vte_prophylaxis", 2, "clean")
def _(c):
    return (f"{CO('VTE')} prophylaxis — medical inpatients\n\nPadua score ≥ 4 → pharmacologic prophylaxis unless contraindicated.\n\n"
            f"Default: {MED('enoxaparin')} 40 mg SC daily\n- CrCl < 30: 30 mg daily\n- weight > 120 kg: 40 mg BID\n"
            f"- {CO('HIT')} history: {MED('fondaparinux')} 2.5 mg daily\nMechanical (SCDs) if {CO('active bleeding')} or platelets < 50k.\n\n"
            f"Approved P&T {c.r(MONTHS)} 2026. Questions: {S(c.staff().full())}, PharmD ({SC('x' + c.digits(4, False))})\n")


@T("clinical_rule_page", "cr_safe_harbor_guide", 2, "clean")
def _(c):
    return ("De-identification quick guide (Safe Harbor, 45 CFR 164.514(b)(2))\n\n"
            "Remove all of these for the individual and relatives, employers and household members:\n"
            "1. names\n2. geographic subdivisions smaller than a state (street, city, county, ZIP — first 3 digits may stay if the area has more than 20,000 people)\n"
            "3. all elements of dates (except year) directly related to an individual — birth, admission, discharge, death; "
            "and all ages over 89 (aggregate into a single category of age 90 or older)\n"
            "4. telephone and fax numbers\n5. email addresses\n6. SSNs\n7. medical record numbers\n8. health plan beneficiary numbers\n"
            "9. account numbers\n10. certificate/license numbers\n11. vehicle identifiers and serial numbers, including license plates\n"
            "12. device identifiers and serial numbers\n13. URLs\n14. IP addresses\n15. biometric identifiers\n16. full-face photographs\n"
            "17. any other unique identifying number, characteristic, or code\n\n"
            "Examples we use in training: name \"" + D("person_name", "John Q Public") + "\", SSN 123-45-6789, phone (617) 555-0100, DOB MM/DD/YYYY.\n"
            f"Maintained by {S(c.staff().full())}, Privacy Office.\n")


@T("clinical_rule_page", "cr_cql_age_rule", 2, "clean")
def _(c):
    return ("```cql\nlibrary HighRiskElderly version '1.2.0'\nusing FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n"
            "parameter \"Measurement Period\" Interval<DateTime>\n  default Interval[@2026-01-01T00:00:00.0, @2027-01-01T00:00:00.0)\n\n"
            "context Patient\n\ndefine \"Age 90 Or Older\":\n  AgeInYearsAt(start of \"Measurement Period\") >= 90\n\n"
            "define \"Frailty Dx\":\n  exists [Condition: \"Frailty Diagnosis\"]\n\ndefine \"In Population\":\n  \"Age 90 Or Older\" or \"Frailty Dx\"\n```\n\n"
            f"Used by the annual wellness outreach; value sets from VSAC. Author {S(c.staff().full())}.\n")


@T("clinical_rule_page", "cr_immunization_schedule", 2, "clean")
def _(c):
    return ("Adult immunization reminders (clinic standing orders)\n\n"
            f"- {MED('Influenza')}: everyone 6 months and older, yearly\n"
            f"- {MED('RSV')} vaccine: adults 75 and older; 60–74 at increased risk\n"
            f"- {MED('PCV20')}: adults 65 and older if not previously vaccinated\n"
            f"- {MED('Shingrix')}: 50 and older, 2 doses 2–6 months apart\n"
            f"- {MED('Tdap')}: once, then Td/Tdap every 10 years; each pregnancy 27–36 weeks\n\n"
            f"Standing order signed by {TT('Dr.')} {S(c.staff().full())}, Medical Director, {c.r(MONTHS)} 2026.\n")


@T("clinical_rule_page", "cr_diabetes_a1c", 2, "clean")
def _(c):
    return (f"{CO('Diabetes')} management — primary care protocol\n\nCodes in scope: {D('diagnosis_code', 'E11.9')}, {D('diagnosis_code', 'E11.65')}, "
            f"{D('diagnosis_code', 'E11.22')}, {D('diagnosis_code', 'Z79.4')}\n\nA1c targets\n- < 7% most adults\n- < 8% adults 65+ with "
            "multiple comorbidities or limited life expectancy\n\nEscalation\n"
            f"1. {MED('metformin')} unless eGFR < 30\n2. add {MED('GLP-1 RA')} or {MED('SGLT2i')} if {CO('ASCVD')}, {CO('CKD')} or {CO('HF')}\n"
            f"3. basal insulin ({MED('insulin glargine')} 10 units or 0.1–0.2 U/kg)\n\nLast reviewed {mdate(c)} by {S(c.staff().full())}, CDCES\n")


@T("clinical_rule_page", "cr_opioid_mme", 2, "clean")
def _(c):
    return (f"Opioid stewardship — outpatient\n\n- check PDMP before every new {MED('opioid')} prescription\n"
            "- ≥ 50 MME/day: reassess, co-prescribe " + MED("naloxone") + "\n- ≥ 90 MME/day: avoid or justify in the chart\n"
            f"- patients 65 and older: start at 25–50% of the usual dose\n\nConversion: {MED('oxycodone')} 1.5, {MED('hydromorphone')} 4, "
            f"{MED('morphine')} 1 (MME factors)\n\nContact: Pain Stewardship, {S(c.staff().full())} PharmD, pager {SC(c.digits(4, False))}\n")


@T("clinical_rule_page", "cr_pediatric_fever", 2, "clean")
def _(c):
    return (f"Febrile infant pathway (AAP 2021)\n\nIncludes well-appearing infants 8–60 days old with temp ≥ 38.0 °C.\n\n"
            "| age | workup |\n|---|---|\n| 8–21 days | UA, blood culture, CSF, admit, empiric antibiotics |\n"
            "| 22–28 days | UA, blood culture, inflammatory markers; LP if IMs abnormal |\n| 29–60 days | UA, blood culture, IMs; LP usually not needed |\n\n"
            f"Antibiotics: {MED('ampicillin')} + {MED('ceftazidime')} (≤ 28 d), {MED('ceftriaxone')} (29–60 d)\n"
            f"Pathway lead: {TT('Dr.')} {S(c.staff().full())}\n")


@T("clinical_rule_page", "cr_readmission_measure", 2, "clean")
def _(c):
    return ("30-day all-cause readmission — internal measure spec\n\nMeasurement period: January 1, 2026 – December 31, 2026\n"
            "Denominator: inpatient discharges, patients 18 years and older, alive at discharge, not transferred.\n"
            "Exclusions: planned readmissions (CMS algorithm v4.0), discharges against medical advice, "
            f"{CO('psychiatric')} principal diagnosis.\nNumerator: unplanned inpatient admission within 30 days of the index discharge.\n"
            "Stratify: 18–64, 65–89, 90 and older.\n\n"
            f"Data owner: {S(c.staff().full())}; SQL in repo quality-measures tag v{c.ver()}\n")


# ================================================================ clean: oncall_directory
def week_range(c):
    d = REF + dt.timedelta(days=c.ri(-10, 20))
    d -= dt.timedelta(days=d.weekday())
    return d, d + dt.timedelta(days=6)


@T("oncall_directory", "oc_weekly_rotation_wiki", 2, "clean")
def _(c):
    a, b = week_range(c)
    rows = []
    for role in ["Primary", "Secondary", "Manager escalation", "DBA"]:
        s = c.staff()
        rows.append(f"|{role}|{S(s.full())}|{SC(c.phone())}|{SC(c.digits(4, False))}|")
    body = "\n".join(rows)
    if c.k == 1:
        for team in ["Claims / RCM", "Portal", "Database"]:
            tr = []
            for role in ["Primary", "Secondary", "Manager"]:
                st = Staff(*c.r(STAFF))
                tr.append(f"|{role}|{S(st.full())}|{SC(c.phone())}|{SC(c.digits(4, False))}|")
            body += f"\n\nh3. {team}\n||Role||Name||Cell||Pager||\n" + "\n".join(tr)
    return (f"h2. Integration on-call — {a.isoformat()} to {b.isoformat()}\n\n||Role||Name||Cell||Pager||\n{body}\n\n"
            f"Bridge for SEV1: 1-866-{c.ri(200, 999)}-{c.digits(4)}, passcode {c.digits(6)}#\n")


@T("oncall_directory", "oc_pagerduty_yaml", 2, "clean")
def _(c):
    lines = ["schedules:", f"  - name: interfaces-primary", "    time_zone: America/New_York", "    layers:", "      - rotation_virtual_start: \"" +
             (REF - dt.timedelta(days=c.ri(30, 200))).isoformat() + "T09:00:00-05:00\"", "        rotation_turn_length_seconds: 604800", "        users:"]
    dom = c.r(DOMAINS)
    for _ in range(c.ri(3, 5)):
        s = c.staff()
        lines += [f"          - name: {S(s.full())}", f"            email: {SC(s.email(dom))}", f"            phone: \"{SC(c.phone('intl'))}\""]
    lines += ["escalation_policy:", "  repeat: 2", "  rules:", "    - delay_minutes: 15", "      targets: [interfaces-primary, interfaces-mgr]"]
    return "# pagerduty/terraform-ish export, do not edit by hand\n" + "\n".join(lines) + "\n"


@T("oncall_directory", "oc_hospitalist_night_coverage", 2, "clean")
def _(c):
    a, b = week_range(c)
    rows = []
    for i in range(7):
        d = a + dt.timedelta(days=i)
        s1, s2 = c.staff(), c.staff()
        rows.append(f"{d.strftime('%a')} {d.month}/{d.day}   Nocturnist: {TT('Dr.')} {S(s1.last)} ({SC('x' + c.digits(4, False))})   "
                    f"Admitter: {S(s2.full())}, NP ({SC('pgr ' + c.digits(4, False))})")
    return (f"Hospitalist night coverage {a.month}/{a.day}–{b.month}/{b.day}\n\n" + "\n".join(rows) +
            f"\n\nICU consult: call the unit, ext {SC(c.digits(4, False))}. Swaps through {S(c.staff().full())} only.\n")


@T("oncall_directory", "oc_escalation_policy", 2, "clean")
def _(c):
    s1, s2, s3 = c.staff(), c.staff(), c.staff()
    return (f"Escalation policy — EHR Application Support\n\nLevel 1: Service Desk, 24/7, {SC('x4-4357')}\n"
            f"Level 2: on-call analyst (see rotation), 15 min response\n"
            f"Level 3: {S(s1.full())}, Manager, cell {SC(c.phone())}\n"
            f"Level 4: {S(s2.full())}, Director, cell {SC(c.phone())}\n"
            f"Exec: {S(s3.full())}, CIO (SEV1 only)\n\nSEV1 bridge: 1-877-{c.ri(200, 999)}-{c.digits(4)} / {c.digits(7)}#   "
            f"Status page: https://status.{c.r(DOMAINS[:6])}\n")


@T("oncall_directory", "oc_helpdesk_card", 2, "clean")
def _(c):
    s = c.staff()
    dom = c.r(DOMAINS[:6])
    return (f"IT Help Desk — quick card (print for nursing stations)\n\nPhone: {SC('x4-HELP (x4-4357)')}\nOutside line: {SC(c.phone('paren'))}\n"
            f"Email: {SC('helpdesk@' + dom)}\nPortal: https://help.{dom}\n\nPassword resets: self-service at https://reset.{dom}\n"
            f"Printer issues: include the asset tag (e.g. PRN-{c.ri(1000, 9999)})\n\nService desk lead: {S(s.full())}\n")


@T("oncall_directory", "oc_slack_handoff", 2, "clean")
def _(c):
    a, b = c.staff(), c.staff()
    return (f"{S(a.full())}  4:58 PM\n{D('person_name', b.handle())} you're primary from 5pm. open stuff:\n"
            f"• {c.ticket('OPS')} — ACK latency on {c.ip()}:{c.ri(6600, 6699)}, watching\n• {c.ticket('OPS')} — cert renew scheduled tonight 23:00\n"
            f"• nothing patient-facing down. my cell {SC(c.phone())} if you need me before 9\n\n"
            f"{S(b.full())}  5:02 PM\n👍 got it\n")


@T("oncall_directory", "oc_pharmacy_oncall", 2, "clean")
def _(c):
    rows = "\n".join(f"| {sh} | {S(c.staff().full())}, PharmD | {SC('pgr ' + c.digits(4, False))} |"
                     for sh in ["Days (0700-1530)", "Evenings (1500-2330)", "Nights (2300-0730)"])
    return (f"Pharmacy on-call — {c.r(['Main', 'Children', 'Cancer Center'])}\n\n| Shift | Pharmacist | Pager |\n|---|---|---|\n{rows}\n\n"
            f"Antimicrobial stewardship: {TT('Dr.')} {S(c.staff().last)} (ID), weekdays only. "
            f"{MED('Chemo')} verification after hours: call the oncology pharmacist.\n")


@T("oncall_directory", "oc_csv_schedule_export", 2, "clean")
def _(c):
    a, _b = week_range(c)
    rows = []
    dom = c.r(DOMAINS)
    for i in range(c.ri(5, 8) if c.k == 0 else c.ri(20, 26)):
        s = Staff(*c.r(STAFF))
        d = a + dt.timedelta(days=7 * i)
        rows.append(f"{d.isoformat()},{(d + dt.timedelta(days=6)).isoformat()},{S(s.full())},{SC(s.email(dom))},{SC(c.phone('dash'))},primary")
    return "start,end,name,email,phone,role\n" + "\n".join(rows) + "\n"


@T("oncall_directory", "oc_holiday_coverage", 2, "clean")
def _(c):
    hol = [("Thanksgiving", "2026-11-26"), ("Day after", "2026-11-27"), ("Christmas Eve", "2026-12-24"),
           ("Christmas", "2026-12-25"), ("New Year's Day", "2027-01-01")]
    rows = "\n".join(f"- {h} ({d}): {S(c.staff().full())} / backup {S(c.staff().full())}" for h, d in hol)
    return (f"Holiday coverage 2026 — Revenue Cycle IT\n\n{rows}\n\nSwap requests to {S(c.staff().full())} by Nov 15. "
            "Claims batch runs are automated on holidays; watch the 835 poller.\n")


@T("oncall_directory", "oc_interface_team_runbook", 2, "clean")
def _(c):
    s1, s2 = c.staff(), c.staff()
    hosts = "\n".join(f"- {n}: {c.ip()} (listener {c.ri(6600, 6699)})" for n in ["engine-a", "engine-b", "archive-db"])
    return (f"Interface team — who to call\n\nPrimary this month: {S(s1.full())}, cell {SC(c.phone())}\n"
            f"Backup: {S(s2.full())}, cell {SC(c.phone())}\n\nHosts\n{hosts}\n\n"
            "Before paging: check the queue dashboard and the ACK error count. Test messages use " + D("person_name", "ZZTEST") + " patients and phone 555-0100.\n")


# ================================================================ generation
EXTRA_CONDITIONS = ["sepsis", "septic shock", "hypotension", "hypoglycemia", "diabetes", "pneumonia", "heart failure", "CHF",
                    "COPD", "CKD", "ESRD", "UTI", "DVT", "VTE", "AFib", "NSTEMI", "DKA", "HIV", "AMS", "cirrhosis", "dementia",
                    "frailty", "tachycardia", "dialysis", "hip fracture", "GI bleed", "asthma", "hypertension", "cancer",
                    "pyelonephritis", "cellulitis", "CAUTI", "CLABSI", "HIT"]
EXTRA_MEDS = ["insulin", "naloxone", "heparin", "lorazepam", "thiamine", "cephalexin", "opioids", "benzodiazepines",
              "antibiotics", "crystalloid"]


def _vocab():
    cond = set(CONDITIONS) | {x[0] for x in OUTPT} | {x[0] for x in INPT} | set(PROCS) | set(EXTRA_CONDITIONS)
    meds = set(MEDS) | {x[1] for x in OUTPT} | {x[1] for x in INPT} | {x[2] for x in INPT} | set(EXTRA_MEDS)
    out = [(t, "condition") for t in cond] + [(t, "medication") for t in meds]
    out.sort(key=lambda x: -len(x[0]))
    return [(re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)", re.IGNORECASE), k) for t, k in out]


VOCAB = None


def autolabel(text, spans):
    """Conditions and medications are dont_care wherever they occur; label the ones a template left bare."""
    global VOCAB
    VOCAB = VOCAB or _vocab()
    taken = [(s["start"], s["end"]) for s in spans]
    cb = [0]
    for ch in text:
        cb.append(cb[-1] + len(ch.encode("utf-8")))
    new = []
    for rx, kind in VOCAB:
        for m in rx.finditer(text):
            a, b = cb[m.start()], cb[m.end()]
            if any(not (b <= x or a >= y) for x, y in taken):
                continue
            taken.append((a, b))
            new.append({"start": a, "end": b, "label": "dont_care", "kind": kind, "_v": m.group(0)})
    return sorted(spans + new, key=lambda s: s["start"])


def build():
    fams = defaultdict(list)
    for t in TEMPLATES:
        fams[t[0]].append(t)
    order = random.Random(SEED).sample(range(len(CULTURES)), len(CULTURES))
    docs, meta = [], []
    gphi = 0
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        ts = fams[fam]
        seq = []
        for rnd in range(max(t[3] for t in ts)):
            for t in ts:
                if rnd < t[3]:
                    seq.append((t, rnd))
        for i, (t, k) in enumerate(seq):
            did = f"{fam}-{i:04d}"
            rng = random.Random(f"{SEED}:{did}")
            is_phi = fam in PHI_FAMILIES
            cul = CULTURES[order[gphi % len(order)]] if is_phi else rng.choice(CULTURES)
            if is_phi:
                gphi += 1
            c = Ctx(rng, cul)
            c.k = k
            text, spans = render(t[2](c))
            spans = autolabel(text, spans)
            docs.append({"id": did, "family": fam, "phi": is_phi, "variant": t[1], "text": text, "spans": spans})
            meta.append({"kind": t[4], "cultures": c.cultures_used})
    return docs, meta


def strip(doc):
    d = dict(doc)
    d["spans"] = [{k: s[k] for k in ("start", "end", "label", "kind")} for s in doc["spans"]]
    return d


def is_word(ch):
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def check_doc(doc, values=None):
    """Return a list of problems for one record. values: the labelled strings as generated (optional)."""
    errs = []
    text = doc["text"]
    b = text.encode("utf-8")
    prev_end = 0
    has_phi = False
    for i, s in enumerate(doc["spans"]):
        st, en = s["start"], s["end"]
        if not (0 <= st < en <= len(b)):
            errs.append(f"span {i} out of range")
            continue
        if st < prev_end:
            errs.append(f"span {i} overlaps or unsorted")
        prev_end = en
        try:
            v = b[st:en].decode("utf-8")
            before = b[:st].decode("utf-8")
            after = b[en:].decode("utf-8")
        except UnicodeDecodeError:
            errs.append(f"span {i} not on a UTF-8 character boundary")
            continue
        if v != v.strip():
            errs.append(f"span {i} has surrounding whitespace {v!r}")
        if before and is_word(before[-1]) and is_word(v[0]):
            errs.append(f"span {i} starts inside a token: {before[-8:]!r}|{v!r}")
        if after and is_word(after[0]) and is_word(v[-1]):
            errs.append(f"span {i} ends inside a token: {v!r}|{after[:8]!r}")
        if s["label"] not in ("phi", "dont_care"):
            errs.append(f"span {i} bad label")
        if s["label"] == "phi":
            has_phi = True
            if s["kind"] not in PHI_KINDS:
                errs.append(f"span {i} phi kind {s['kind']} not in the contract")
            k = s["kind"]
            nd = sum(ch.isdigit() for ch in v)
            if k in ("date", "phone", "ssn", "zip_code", "age_over_89") and nd < 2:
                errs.append(f"span {i} {k} {v!r} has no digits")
            if k == "phone" and not (nd == 3 or nd == 7 or nd >= 10):
                errs.append(f"span {i} phone {v!r} digit count")
            if k == "ssn" and nd != 9:
                errs.append(f"span {i} ssn {v!r}")
            if k == "person_name" and not any(ch.isalpha() for ch in v):
                errs.append(f"span {i} name {v!r} has no letters")
            if k == "email" and "@" not in v:
                errs.append(f"span {i} email {v!r}")
        if values is not None and values[i] != v:
            errs.append(f"span {i} value {values[i]!r} != text {v!r}")
    if has_phi != doc["phi"]:
        errs.append(f"phi flag {doc['phi']} but phi spans present={has_phi}")
    # every phi value: no unlabelled repeat of the same string elsewhere in the document
    covered = [(s["start"], s["end"]) for s in doc["spans"]]
    for s in doc["spans"]:
        if s["label"] != "phi":
            continue
        v = b[s["start"]:s["end"]]
        pos = b.find(v)
        while pos >= 0:
            e = pos + len(v)
            pre = b[:pos].decode("utf-8", "ignore")
            post = b[e:].decode("utf-8", "ignore")
            bounded = not (pre and is_word(pre[-1]) and is_word(v.decode()[0])) and not (post and is_word(post[0]) and is_word(v.decode()[-1]))
            if bounded and not any(cs <= pos and e <= ce for cs, ce in covered):
                errs.append(f"phi value {v.decode()!r} also occurs unlabelled at byte {pos}")
            pos = b.find(v, pos + 1)
    return errs


def token_warnings(doc):
    """Name tokens (>= 4 letters) of phi person_name spans that also occur uncovered in the text."""
    b = doc["text"].encode("utf-8")
    covered = [(s["start"], s["end"]) for s in doc["spans"]]
    out = []
    for s in doc["spans"]:
        if s["label"] != "phi" or s["kind"] != "person_name":
            continue
        for tok in b[s["start"]:s["end"]].decode().replace("^", " ").replace(",", " ").split():
            if len(tok) < 4 or tok in ("FNU",):
                continue
            tb = tok.encode()
            pos = doc["text"].encode().find(tb)
            while pos >= 0:
                e = pos + len(tb)
                pre = b[:pos].decode("utf-8", "ignore")
                post = b[e:].decode("utf-8", "ignore")
                if not (pre and is_word(pre[-1])) and not (post and is_word(post[0])) and \
                        not any(cs <= pos and e <= ce for cs, ce in covered):
                    out.append(f"{doc['id']}: name token {tok!r} uncovered at {pos}")
                pos = b.find(tb, pos + 1)
    return out


def check_corpus(docs):
    errs = []
    ids = Counter(d["id"] for d in docs)
    errs += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    if len(docs) != 240:
        errs.append(f"{len(docs)} docs, want 240")
    fam = Counter(d["family"] for d in docs)
    for f in PHI_FAMILIES:
        if fam[f] != 15:
            errs.append(f"{f}: {fam[f]} docs, want 15")
    for f in CLEAN_FAMILIES:
        if fam[f] != 20:
            errs.append(f"{f}: {fam[f]} docs, want 20")
    if set(fam) != set(PHI_FAMILIES + CLEAN_FAMILIES):
        errs.append(f"unexpected families {sorted(set(fam) - set(PHI_FAMILIES + CLEAN_FAMILIES))}")
    var = Counter(d["variant"] for d in docs)
    if len(var) < 120:
        errs.append(f"only {len(var)} templates")
    errs += [f"template {v} makes {n} docs" for v, n in var.items() if n > 3]
    for d in docs:
        if not d["id"].startswith(d["family"] + "-"):
            errs.append(f"{d['id']}: id/family mismatch")
        if d["phi"] != (d["family"] in PHI_FAMILIES):
            errs.append(f"{d['id']}: phi flag vs family")
        errs += [f"{d['id']}: {e}" for e in check_doc(d)]
    return errs


def stats(docs, meta=None):
    by_fam = defaultdict(Counter)
    for d in docs:
        by_fam[d["family"]][d["variant"]] += 1
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        print(f"{f}: {sum(by_fam[f].values())} docs, {len(by_fam[f])} templates")
        for v, n in sorted(by_fam[f].items()):
            print(f"    {v}: {n}")
    phi_docs = [d for d in docs if d["phi"]]
    shares = []
    for d in phi_docs:
        tb = len(d["text"].encode("utf-8"))
        pb = sum(s["end"] - s["start"] for s in d["spans"] if s["label"] == "phi")
        shares.append(pb / tb)
    nphi = [sum(1 for s in d["spans"] if s["label"] == "phi") for d in phi_docs]
    lens = sorted(len(d["text"].encode("utf-8")) for d in docs)
    print(f"\ndocs: {len(docs)} ({len(phi_docs)} PHI / {len(docs) - len(phi_docs)} clean), templates: "
          f"{len(set(d['variant'] for d in docs))}")
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f}  "
          f"(min {min(shares):.3f}, max {max(shares):.3f})")
    print(f"phi spans per PHI doc: median {statistics.median(nphi)}, docs with <= 2 phi spans: {sum(1 for n in nphi if n <= 2)}")
    print(f"doc length bytes: min {lens[0]}, median {lens[len(lens) // 2]}, max {lens[-1]}; "
          f"< 200 bytes: {sum(1 for x in lens if x < 200)}, > 1500 bytes: {sum(1 for x in lens if x > 1500)}")
    kinds = Counter(s["kind"] for d in docs for s in d["spans"] if s["label"] == "phi")
    print("phi kinds:", ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    if meta:
        mk = Counter(m["kind"] for m in meta)
        print(f"template kinds: {mk['min']} minimal-PHI docs, {mk['ord']} ordinary-PHI docs, {mk['clean']} clean docs")
        cu = set(x for m in meta for x in m["cultures"])
        print(f"name cultures used: {len(cu)} of {len(CULTURES)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="re-verify fresh12.jsonl")
    ap.add_argument("--stats", action="store_true", help="counts per family / variant, PHI share")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    if a.check:
        with open(a.out, encoding="utf-8") as fh:
            docs = [json.loads(l) for l in fh if l.strip()]
        errs = check_corpus(docs)
        # the file must be what this generator writes, and each labelled value must be the generated one
        gen, _m = build()
        if [json.dumps(strip(g), ensure_ascii=False) for g in gen] != [json.dumps(d, ensure_ascii=False) for d in docs]:
            errs.append("file differs from a fresh generation")
        for g, d in zip(gen, docs):
            errs += [f"{d['id']}: {e}" for e in check_doc(d, [s["_v"] for s in g["spans"]]) if "value" in e]
        warns = [w for d in docs for w in token_warnings(d)]
        for w in warns:
            print("warning:", w)
        for e in errs:
            print("ERROR:", e)
        n_sp = sum(len(d["spans"]) for d in docs)
        print(f"checked {len(docs)} docs, {n_sp} spans: {len(errs)} errors, {len(warns)} warnings")
        sys.exit(1 if errs else 0)
    docs, meta = build()
    if a.stats:
        stats(docs, meta)
        return
    errs = check_corpus(docs)
    for e in errs:
        print("ERROR:", e)
    if errs:
        sys.exit(1)
    with open(a.out, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(strip(d), ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} docs to {a.out}")


if __name__ == "__main__":
    main()
