#!/usr/bin/env python3
"""Seventh independent synthetic PHI corpus for PHI Guard ("fresh7").

Standard library only, deterministic (seed string "fresh7/2026-12-06").
Written from tests/corpus/README.md and section 1 of CONTRACTS.md alone,
without sight of the detector, its tests, the other generators or corpora.

Theme: mainstream, everyday content as hospital / payer / health-IT vendor
staff paste it into Jira, Confluence and Bitbucket in 2026.

Documents are built by concatenating pieces (plain text, phi spans,
dont_care spans), so UTF-8 byte offsets are exact by construction.

    python3 tests/corpus/generate_fresh7.py           # write fresh7.jsonl
    python3 tests/corpus/generate_fresh7.py --check   # regenerate + verify
    python3 tests/corpus/generate_fresh7.py --stats   # templates / cultures
"""
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata

SEED = "fresh7/2026-12-06"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh7.jsonl")
TODAY = dt.date(2026, 12, 6)

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
PHI_DOCS, CLEAN_DOCS = 15, 20

PHI_KINDS = ["person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
             "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
             "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
             "procedure_code", "drug_code", "medication", "condition", "credit_card"]
DONT_CARE_KINDS = ["person_name", "title", "staff_contact", "facility", "state", "diagnosis_code",
                   "procedure_code", "drug_code", "condition", "medication", "other_id", "internal_id",
                   "date", "ssn"]

# ---------------------------------------------------------------------------
# document builder
# ---------------------------------------------------------------------------


class S:
    """A labelled piece of text."""
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = text, label, kind


def P(text, kind):
    return S(str(text), "phi", kind)


def D(text, kind):
    return S(str(text), "dont_care", kind)


_PH = re.compile(r"«(\w+)»")


class Doc:
    def __init__(self):
        self.pieces = []

    def add(self, *items):
        for it in items:
            if it is None:
                continue
            if isinstance(it, (list, tuple)):
                self.add(*it)
            elif isinstance(it, S):
                self.pieces.append(it)
            else:
                self.pieces.append(str(it))
        return self

    def f(self, tpl, **kw):
        pos = 0
        for m in _PH.finditer(tpl):
            self.pieces.append(tpl[pos:m.start()])
            self.add(kw[m.group(1)])
            pos = m.end()
        self.pieces.append(tpl[pos:])
        return self

    def build(self):
        parts, spans, off = [], [], 0
        for it in self.pieces:
            s = it if isinstance(it, str) else it.text
            n = len(s.encode("utf-8"))
            if not isinstance(it, str) and s:
                spans.append({"start": off, "end": off + n, "label": it.label, "kind": it.kind})
            parts.append(s)
            off += n
        return "".join(parts), spans


def seq(*items):
    """Flatten into a piece list (for building fragments)."""
    out = []
    for it in items:
        if isinstance(it, (list, tuple)):
            out.extend(seq(*it))
        elif it is not None:
            out.append(it if isinstance(it, S) else str(it))
    return out


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


def ptext(pieces):
    return "".join(p if isinstance(p, str) else p.text for p in seq(pieces))


def relabel(pieces, label=None, kind=None):
    out = []
    for p in seq(pieces):
        if isinstance(p, S):
            out.append(S(p.text, label or p.label, kind or p.kind))
        else:
            out.append(p)
    return out


# ---------------------------------------------------------------------------
# names: hand-written lists, 52 cultures.  Entries are "latin" or ("latin", "native").
# ---------------------------------------------------------------------------

C = {}


def culture(key, f, m, s, sf=None, order="western", script=None):
    C[key] = {"f": f, "m": m, "s": s, "sf": sf or s, "order": order, "script": script}


culture("anglo_american",
        ["Rose", "Summer", "Hope", "Faith", "Joy", "Dawn", "April", "Heather", "Brittany", "Autumn", "Holly", "Crystal"],
        ["Will", "Mark", "Hunter", "Chase", "Wade", "Dusty", "Cody", "Brandon", "Rusty", "Forrest", "Clay"],
        ["Hill", "Wood", "Rivers", "Stone", "Baker", "Marsh", "Fields", "Parks", "King", "Young", "Price",
         "Little", "Bell", "Fox", "Snow", "Cooper", "Sharp", "Lovejoy", "Shepherd", "Winters"])
culture("irish", ["Siobhán", "Aoife", "Niamh", "Caoimhe", "Róisín", "Saoirse", "Gráinne"],
        ["Ciarán", "Oisín", "Seán", "Pádraig", "Cillian", "Darragh", "Tadhg"],
        ["O'Sullivan", "O'Brien", "Ó Súilleabháin", "Kavanagh", "Byrne", "McNamara", "Doyle", "Ní Mhaoláin"])
culture("scottish", ["Isla", "Morag", "Eilidh", "Ailsa", "Catriona"], ["Angus", "Hamish", "Callum", "Ewan", "Lachlan"],
        ["MacLeod", "Fraser", "Buchanan", "Drummond", "Urquhart", "MacKinnon"])
culture("welsh", ["Cerys", "Angharad", "Bethan", "Rhiannon", "Eluned"], ["Rhys", "Gethin", "Dafydd", "Iestyn", "Emyr"],
        ["Pritchard", "Llewellyn", "Vaughan", "Prosser", "Bowen", "Griffiths"])
culture("mexican", ["Guadalupe", "Ximena", "María José", "Itzel", "Yesenia", "Citlali"],
        ["José Luis", "Jesús", "Alejandro", "Ulises", "Rigoberto", "Juan Carlos"],
        ["Hernández", "García Ruiz", "Zúñiga", "Castañeda", "Villaseñor", "Ochoa", "Cárdenas", "Tlapa"])
culture("puerto_rican", ["Yaritza", "Marisol", "Nilda", "Zoraida", "Wanda"],
        ["Edwin", "Wilfredo", "Ángel", "Heriberto", "Luis Ángel"],
        ["Rivera Colón", "Santiago", "Quiñones", "Figueroa", "Maldonado", "Burgos"])
culture("brazilian", ["Thaís", "Luana", "Conceição", "Fernanda", "Gisele"], ["João Pedro", "Thiago", "Leandro", "Rodrigo", "Caio"],
        ["da Silva", "Gonçalves", "Araújo", "Nascimento", "Carvalho", "dos Santos"])
culture("portuguese", ["Inês", "Leonor", "Beatriz", "Filipa"], ["Duarte", "Tomás", "Rui", "Gonçalo"],
        ["Magalhães", "Tavares", "Brandão", "Medeiros", "Sequeira"])
culture("spanish", ["Nuria", "Montserrat", "Itziar", "Begoña", "Pilar"], ["Íñigo", "Jordi", "Álvaro", "Xavier", "Borja"],
        ["Etxeberria", "Llorente", "Puig", "Garrido", "Ibáñez", "Aranguren"])
culture("italian", ["Giuseppina", "Chiara", "Federica", "Graziella", "Ornella"],
        ["Giuseppe", "Salvatore", "Gianluca", "Vittorio", "Carmine"],
        ["Esposito", "Russo", "D'Angelo", "Bianchi", "Lo Presti", "Mancuso", "Ferraro"])
culture("french", ["Élodie", "Geneviève", "Maëlle", "Océane", "Solène"], ["Thibault", "Étienne", "Benoît", "Loïc", "Grégoire"],
        ["Lefèvre", "Dubois", "Girard", "Moreau", "Rousseau", "Chevalier"])
culture("german", ["Gudrun", "Friederike", "Anneliese", "Jutta", "Wiebke"], ["Jürgen", "Torsten", "Klaus", "Maximilian", "Lutz"],
        ["Müller", "Schröder", "Weißmann", "Hoffmann", "Köhler", "Baumgartner"])
culture("dutch", ["Marieke", "Femke", "Anouk", "Sanne", "Willemijn"], ["Joost", "Maarten", "Sjoerd", "Pieter", "Bram"],
        ["van der Berg", "de Vries", "Bakker", "Visser", "Jansen", "van Dijk"])
culture("polish", ["Małgorzata", "Agnieszka", "Katarzyna", "Zofia", "Bożena"], ["Grzegorz", "Wojciech", "Krzysztof", "Łukasz", "Jerzy"],
        ["Wiśniewski", "Kowalczyk", "Zieliński", "Wójcik", "Szymański"],
        ["Wiśniewska", "Kowalczyk", "Zielińska", "Wójcik", "Szymańska"])
culture("czech", ["Markéta", "Zuzana", "Jitka", "Lenka"], ["Jiří", "Tomáš", "Vojtěch", "Ondřej"],
        ["Novák", "Dvořák", "Procházka", "Černý"], ["Nováková", "Dvořáková", "Procházková", "Černá"])
culture("hungarian", ["Erzsébet", "Zsófia", "Ildikó", "Réka"], ["László", "Gábor", "Zoltán", "Bence"],
        ["Nagy", "Kovács", "Szabó", "Tóth", "Horváth", "Fekete"])
culture("russian", [("Svetlana", "Светлана"), ("Yekaterina", "Екатерина"), ("Natalia", "Наталья"), ("Olga", "Ольга")],
        [("Dmitri", "Дмитрий"), ("Sergei", "Сергей"), ("Alexei", "Алексей"), ("Mikhail", "Михаил")],
        [("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Volkov", "Волков"), ("Kuznetsov", "Кузнецов")],
        [("Ivanova", "Иванова"), ("Smirnova", "Смирнова"), ("Volkova", "Волкова"), ("Kuznetsova", "Кузнецова")],
        script="Cyrillic")
culture("ukrainian", ["Oksana", "Halyna", "Iryna", "Tetiana"], ["Taras", "Bohdan", "Mykola", "Yaroslav"],
        ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Melnyk", "Hrytsenko"])
culture("greek", [("Eleni", "Ελένη"), ("Georgia", "Γεωργία"), ("Despina", "Δέσποινα"), ("Vasiliki", "Βασιλική")],
        [("Konstantinos", "Κωνσταντίνος"), ("Dimitrios", "Δημήτριος"), ("Spyridon", "Σπυρίδων"), ("Nikolaos", "Νικόλαος")],
        [("Papadopoulos", "Παπαδόπουλος"), ("Georgiou", "Γεωργίου"), ("Karagiannis", "Καραγιάννης"), ("Oikonomou", "Οικονόμου")],
        [("Papadopoulou", "Παπαδοπούλου"), ("Georgiou", "Γεωργίου"), ("Karagianni", "Καραγιάννη"), ("Oikonomou", "Οικονόμου")],
        script="Greek")
culture("turkish", ["Ayşe", "Gülşen", "Elif", "Şebnem", "Zeynep"], ["Mehmet", "Oğuz", "Çağlar", "Mustafa", "Emre"],
        ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan", "Aydın"])
culture("arabic", [("Fatima", "فاطمة"), ("Layla", "ليلى"), ("Mariam", "مريم"), ("Noor", "نور")],
        [("Mohammed", "محمد"), ("Omar", "عمر"), ("Youssef", "يوسف"), ("Khalid", "خالد")],
        [("Al-Haddad", "الحداد"), ("Mansour", "منصور"), ("Khoury", "خوري"), ("Saleh", "صالح"), ("Nasser", "ناصر")],
        script="Arabic")
culture("persian", ["Shirin", "Parisa", "Nasrin", "Golnaz", "Mahsa"], ["Dariush", "Kourosh", "Behrouz", "Reza", "Arash"],
        ["Tehrani", "Hosseini", "Rahimzadeh", "Moghaddam", "Farahani", "Jafari"])
culture("hebrew", [("Tamar", "תמר"), ("Noa", "נועה"), ("Yael", "יעל"), ("Shira", "שירה")],
        [("Yosef", "יוסף"), ("Avi", "אבי"), ("Eitan", "איתן"), ("Moshe", "משה")],
        [("Cohen", "כהן"), ("Levi", "לוי"), ("Mizrahi", "מזרחי"), ("Friedman", "פרידמן"), ("Ben-David", "בן דוד")],
        script="Hebrew")
culture("hindi", [("Priyanka", "प्रियंका"), ("Sunita", "सुनीता"), ("Kavita", "कविता"), ("Anjali", "अंजलि")],
        [("Rajesh", "राजेश"), ("Amit", "अमित"), ("Vikram", "विक्रम"), ("Sanjay", "संजय")],
        [("Sharma", "शर्मा"), ("Gupta", "गुप्ता"), ("Agarwal", "अग्रवाल"), ("Verma", "वर्मा"), ("Chaudhary", "चौधरी")],
        script="Devanagari")
culture("tamil", ["Lakshmi", "Meenakshi", "Kalaivani", "Revathi"], ["Senthil", "Murugan", "Karthikeyan", "Arul"],
        ["Subramanian", "Ramasamy", "Krishnan", "Palaniappan", "Venkatesan"])
culture("bengali", ["Nusrat", "Shathi", "Tahmina", "Rupa"], ["Anisur", "Shafiqul", "Tanvir", "Debashish"],
        ["Chowdhury", "Rahman", "Hossain", "Bhattacharya", "Mukherjee"])
culture("pakistani", ["Ayesha", "Saima", "Sana", "Rabia"], ["Imran", "Faisal", "Bilal", "Usman"],
        ["Qureshi", "Siddiqui", "Malik", "Butt", "Rana", "Awan"])
culture("punjabi", ["Harpreet", "Manjit", "Gurpreet", "Simran"], ["Jaswinder", "Harjit", "Gurdeep", "Balwinder"],
        ["Sandhu", "Gill", "Dhillon", "Grewal", "Sidhu", "Singh"], ["Kaur", "Sandhu", "Gill", "Dhillon", "Grewal"])
culture("mandarin", [("Xiuying", "秀英"), ("Meiling", "美玲"), ("Jing", "静"), ("Yan", "燕")],
        [("Wei", "伟"), ("Jianguo", "建国"), ("Hao", "浩"), ("Zhiqiang", "志强")],
        [("Wang", "王"), ("Zhang", "张"), ("Chen", "陈"), ("Liu", "刘"), ("Huang", "黄"), ("Zhao", "赵")],
        order="eastern", script="Han")
culture("cantonese", ["Suk Fong", "Wai Man", "Siu Ling", "Mei Kuen"], ["Kwok Wah", "Chi Keung", "Ho Yin", "Ka Lok"],
        ["Chan", "Wong", "Leung", "Cheung", "Lau", "Tsang"])
culture("japanese", [("Yuki", "由紀"), ("Haruka", "遥"), ("Ayaka", "彩花"), ("Keiko", "恵子")],
        [("Hiroshi", "博"), ("Takumi", "拓海"), ("Kenji", "健二"), ("Daisuke", "大輔")],
        [("Takahashi", "高橋"), ("Watanabe", "渡辺"), ("Yamamoto", "山本"), ("Nakamura", "中村"), ("Kobayashi", "小林")],
        order="eastern", script="Kanji")
culture("korean", [("Min-ji", "민지"), ("Seo-yeon", "서연"), ("Ji-woo", "지우"), ("Hye-jin", "혜진")],
        [("Jun-ho", "준호"), ("Min-jun", "민준"), ("Sung-min", "성민"), ("Dong-hyun", "동현")],
        [("Kim", "김"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"), ("Yoon", "윤")],
        order="eastern", script="Hangul")
culture("vietnamese", ["Hương", "Thảo", "Ngọc Anh", "Phương", "Thu Trang"], ["Minh", "Quốc Bảo", "Đức", "Tuấn", "Hùng"],
        ["Nguyễn", "Trần", "Phạm", "Hoàng", "Võ", "Đặng", "Huỳnh"])
culture("filipino", ["Maricel", "Rosalind", "Jocelyn", "Lourdes", "Imelda"], ["Rodel", "Jomar", "Ronaldo", "Efren", "Danilo"],
        ["Dela Cruz", "Bautista", "Macapagal", "Villanueva", "Reyes", "Manalo"])
culture("thai", [("Siriporn", "ศิริพร"), ("Kanokwan", "กนกวรรณ"), ("Pimchanok", "พิมพ์ชนก")],
        [("Somchai", "สมชาย"), ("Anan", "อนันต์"), ("Thanawat", "ธนวัฒน์")],
        [("Srisuk", "ศรีสุข"), ("Wongsawat", "วงศ์สวัสดิ์"), ("Chaiyaporn", "ชัยพร"), ("Rattanakorn", "รัตนากร")],
        script="Thai")
culture("indonesian", ["Sri Wahyuni", "Dewi", "Ratna", "Putri"], ["Agus", "Budi", "Joko", "Hendra"],
        ["Santoso", "Wijaya", "Hidayat", "Saputra", "Kusuma"])
culture("yoruba", ["Adébísí", "Fọlásadé", "Oluwaseun", "Titilayo"], ["Olumide", "Babatunde", "Oluwafemi", "Adéwálé"],
        ["Adeyemi", "Ogunleye", "Olawale", "Adébáyọ̀", "Oyelaran"])
culture("igbo", ["Chiamaka", "Ngozi", "Adaeze", "Obiageli"], ["Chinedu", "Emeka", "Obinna", "Ikechukwu"],
        ["Okafor", "Nwosu", "Okonkwo", "Nwachukwu", "Okeke"])
culture("amharic", [("Tigist", "ትግስት"), ("Meseret", "መሰረት"), ("Hiwot", "ሕይወት"), ("Selamawit", "ሰላማዊት")],
        [("Dawit", "ዳዊት"), ("Tesfaye", "ተስፋዬ"), ("Yohannes", "ዮሐንስ"), ("Abebe", "አበበ")],
        [("Bekele", "በቀለ"), ("Tadesse", "ታደሰ"), ("Haile", "ኃይሌ"), ("Gebremedhin", "ገብረመድህን"), ("Alemu", "አለሙ")],
        script="Ethiopic")
culture("somali", ["Hodan", "Faadumo", "Sahra", "Ifrah", "Nimco"], ["Abdirahman", "Mahad", "Liban", "Abdiweli", "Cabdi"],
        ["Warsame", "Farah", "Jama", "Hirsi", "Mohamud"])
culture("akan", ["Akosua", "Abena", "Adwoa", "Efua"], ["Kwame", "Kofi", "Kwabena", "Yaw"],
        ["Mensah", "Asante", "Owusu", "Boateng", "Agyemang", "Ofori"])
culture("kenyan", ["Wanjiru", "Akinyi", "Njeri", "Wambui", "Atieno"], ["Otieno", "Kamau", "Mwangi", "Kipchoge", "Baraka"],
        ["Odhiambo", "Kariuki", "Wafula", "Mutua", "Kiprono", "Njoroge"])
culture("haitian", ["Mirlande", "Guerline", "Nadège", "Rose-Marie", "Fabienne"],
        ["Jean-Robert", "Wilner", "Fritznel", "Dieudonné", "Frantz"],
        ["Pierre-Louis", "Dorvil", "Jean-Baptiste", "Desrosiers", "Louissaint"])
culture("samoan", ["Sina", "Malia", "Losa", "Fetu"], ["Tavita", "Sione", "Ioane", "Pita"],
        ["Tuiasosopo", "Faleolo", "Leota", "Fa'amausili", "Tupuola", "Sapolu"])
culture("dine", ["Shandiin", "Nizhoni", "Dezbah", "Winona"], ["Ahiga", "Nastas", "Delbert", "Hosteen"],
        ["Begay", "Yazzie", "Tsosie", "Benally", "Redhouse", "Etsitty"])
culture("swedish", ["Åsa", "Ingrid", "Linnéa", "Sigrid"], ["Björn", "Örjan", "Lars-Göran", "Anders"],
        ["Lindqvist", "Bergström", "Åkesson", "Sjöberg", "Nyström", "Öberg"])
culture("finnish", ["Päivi", "Tuulikki", "Aino", "Satu"], ["Jukka", "Matti", "Väinö", "Tapio"],
        ["Järvinen", "Mäkelä", "Virtanen", "Heikkilä", "Korhonen"])
culture("romanian", ["Ioana", "Mihaela", "Ștefania", "Loredana"], ["Ștefan", "Mihai", "Bogdan", "Radu"],
        ["Popescu", "Ionescu", "Țăranu", "Dumitrescu", "Constantinescu"])
culture("armenian", ["Anahit", "Lusine", "Siranush", "Arpi"], ["Aram", "Hovhannes", "Tigran", "Vardan"],
        ["Petrosyan", "Hakobyan", "Sargsyan", "Grigoryan", "Avetisyan"])
culture("khmer", ["Sreymom", "Chanthou", "Sokha", "Bopha"], ["Sophal", "Vuthy", "Rithy", "Samnang"],
        ["Chhim", "Prak", "Heng", "Keo", "Meas"])
culture("hmong", ["Mai Nou", "Pa Houa", "Kia", "Youa"], ["Tou Fue", "Chue", "Pao", "Neng"],
        ["Vang", "Xiong", "Thao", "Yang", "Moua"])
culture("georgian", ["Nino", "Tamuna", "Ketevan", "Mariam"], ["Giorgi", "Levan", "Davit", "Zurab"],
        ["Beridze", "Kapanadze", "Gelashvili", "Tsiklauri", "Lomidze"])
CULTURES = list(C)

FOLD = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae", "œ": "oe"}


def ascii_fold(s):
    s = "".join(FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch) and ord(ch) < 128)


def _lat(x):
    return x[0] if isinstance(x, tuple) else x


def _nat(x):
    return x[1] if isinstance(x, tuple) else None


# ---------------------------------------------------------------------------
# places, organisations, clinical vocabularies
# ---------------------------------------------------------------------------

STREETS = ["Maple", "Juniper", "Sycamore", "Magnolia", "Chestnut", "Linden", "Harbor View", "Prospect", "Union",
           "Franklin", "Jefferson", "Kingsley", "Ridgeview", "Meadowbrook", "Sunset", "Lakeview", "Pinecrest",
           "Orchard", "Cottonwood", "Mesa Verde", "Alameda", "Hawthorne", "Dogwood", "Quarry", "Railroad",
           "Tamarack", "Greenleaf", "Beacon", "Old Farm", "Bluebonnet", "Catalpa", "Woodlawn", "Mill Pond"]
SUFFIX = ["St", "Street", "Ave", "Avenue", "Blvd", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Ct", "Way", "Pl",
          "Terrace", "Pkwy", "Cir"]
CITIES = [("Tacoma", "WA", "984"), ("Dearborn", "MI", "481"), ("Worcester", "MA", "016"), ("Lowell", "MA", "018"),
          ("Paterson", "NJ", "075"), ("Yonkers", "NY", "107"), ("Hialeah", "FL", "330"), ("Kissimmee", "FL", "347"),
          ("El Paso", "TX", "799"), ("Laredo", "TX", "780"), ("Pasadena", "TX", "775"), ("Aurora", "CO", "800"),
          ("Mesa", "AZ", "852"), ("Fresno", "CA", "937"), ("Stockton", "CA", "952"), ("Daly City", "CA", "940"),
          ("Garden Grove", "CA", "928"), ("Minneapolis", "MN", "554"), ("St. Paul", "MN", "551"),
          ("Cicero", "IL", "608"), ("Skokie", "IL", "600"), ("Toledo", "OH", "436"), ("Dayton", "OH", "454"),
          ("Allentown", "PA", "181"), ("Scranton", "PA", "185"), ("Silver Spring", "MD", "209"),
          ("Gaithersburg", "MD", "208"), ("Durham", "NC", "277"), ("Omaha", "NE", "681"), ("Tulsa", "OK", "741"),
          ("Albuquerque", "NM", "871"), ("Providence", "RI", "029"), ("Brockton", "MA", "023"),
          ("Lewiston", "ME", "042"), ("Sioux Falls", "SD", "571"), ("Anchorage", "AK", "995"),
          ("Honolulu", "HI", "968"), ("Flagstaff", "AZ", "860"), ("Gallup", "NM", "873"), ("Fargo", "ND", "581"),
          ("Bridgeport", "CT", "066"), ("Elizabeth", "NJ", "072"), ("Hayward", "CA", "945")]
AREA = ["206", "253", "313", "508", "617", "973", "914", "305", "407", "915", "956", "713", "720", "480", "559",
        "209", "650", "714", "612", "651", "708", "847", "419", "937", "610", "570", "301", "919", "770", "402",
        "918", "505", "401", "774", "207", "605", "907", "808", "928", "701", "347", "929", "267", "412", "503",
        "971", "702", "816", "615", "904", "843", "862", "203", "510"]
MAIL = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "att.net",
        "proton.me", "verizon.net"]

# (name, short code, domain)
FACILITIES = [("Lakeshore Regional Medical Center", "LRMC", "lakeshorehealth.org"),
              ("St. Brendan's Hospital", "SBH", "stbrendans.org"),
              ("Mercy Valley Health", "MVH", "mercyvalley.org"),
              ("Northgate Children's Hospital", "NCH", "northgatekids.org"),
              ("Cedar Ridge Family Clinic", "CRFC", "cedarridgeclinic.com"),
              ("Riverbend Community Health Center", "RCHC", "riverbendchc.org"),
              ("Harborlight Oncology Associates", "HOA", "harborlightonc.com"),
              ("Good Shepherd Rehabilitation Hospital", "GSRH", "goodshepherdrehab.org"),
              ("Pinecrest Orthopedic Institute", "POI", "pinecrestortho.com"),
              ("Bayfront Women's Health", "BWH", "bayfrontwomens.org"),
              ("Summit Behavioral Health", "SUMBH", "summitbh.org"),
              ("Prairie Lutheran Hospital", "PLH", "prairielutheran.org"),
              ("Crescent Dialysis Center", "CDC", "crescentdialysis.com"),
              ("Old Mill Pediatrics", "OMP", "oldmillpeds.com"),
              ("Three Rivers Internal Medicine", "TRIM", "threeriversim.com"),
              ("Saint Adalbert Medical Center", "SAMC", "stadalbert.org")]
VENDORS = [("Corvale Health IT", "corvale.io"), ("Medisync Labs", "medisynclabs.com"),
           ("Brightpath Interop", "brightpath.dev"), ("Tessellate Clinical Systems", "tessellate.health")]
PAYERS = [("Aetna", "60054"), ("UnitedHealthcare", "87726"), ("Cigna", "62308"), ("Humana", "61101"),
          ("Blue Cross Blue Shield of Texas", "84980"), ("Anthem Blue Cross", "47198"), ("Molina Healthcare", "20554"),
          ("Kaiser Permanente", "94320"), ("Highmark BCBS", "54771"), ("CareSource", "31114"),
          ("Medicare Part B", "MCRB"), ("MassHealth", "DMA7384"), ("Ambetter", "68069"), ("Oscar Health", "OSCAR")]

DX = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
      ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
      ("I50.23", "Acute on chronic systolic heart failure"), ("N17.9", "Acute kidney failure, unspecified"),
      ("J18.9", "Pneumonia, unspecified organism"), ("A41.9", "Sepsis, unspecified organism"),
      ("I48.91", "Unspecified atrial fibrillation"), ("F32.A", "Depression, unspecified"),
      ("E78.5", "Hyperlipidemia, unspecified"), ("N39.0", "Urinary tract infection, site not specified"),
      ("K35.80", "Unspecified acute appendicitis"), ("M17.11", "Unilateral primary osteoarthritis, right knee"),
      ("I63.9", "Cerebral infarction, unspecified"), ("R07.9", "Chest pain, unspecified"),
      ("G30.9", "Alzheimer's disease, unspecified"), ("U07.1", "COVID-19"), ("E03.9", "Hypothyroidism, unspecified"),
      ("J45.909", "Unspecified asthma, uncomplicated"), ("N18.4", "Chronic kidney disease, stage 4 (severe)"),
      ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"),
      ("C50.911", "Malignant neoplasm of unspecified site of right female breast"),
      ("O80", "Encounter for full-term uncomplicated delivery"), ("K57.32", "Diverticulitis of large intestine")]
CPT = [("99213", "Office/outpatient visit, established, low MDM"), ("99214", "Office/outpatient visit, established, moderate MDM"),
       ("99223", "Initial hospital inpatient care, high MDM"), ("99285", "Emergency dept visit, high MDM"),
       ("71046", "X-ray chest, 2 views"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC w/ auto diff"),
       ("93000", "Electrocardiogram, complete"), ("27447", "Total knee arthroplasty"), ("36415", "Venipuncture"),
       ("99232", "Subsequent hospital care"), ("G0439", "Annual wellness visit, subsequent"),
       ("74177", "CT abdomen & pelvis w/ contrast"), ("90686", "Influenza vaccine, quadrivalent"),
       ("97110", "Therapeutic exercise, 15 min"), ("90837", "Psychotherapy, 60 min")]
MEDS = ["metformin 1000 mg", "lisinopril 20 mg", "atorvastatin 40 mg", "apixaban 5 mg", "insulin glargine 22 units",
        "furosemide 40 mg", "levothyroxine 75 mcg", "sertraline 50 mg", "amlodipine 10 mg", "pantoprazole 40 mg",
        "albuterol HFA 90 mcg", "gabapentin 300 mg", "warfarin 5 mg", "tamsulosin 0.4 mg", "carvedilol 12.5 mg",
        "prednisone 20 mg", "ceftriaxone 1 g IV", "enoxaparin 40 mg SC", "ondansetron 4 mg", "donepezil 10 mg",
        "empagliflozin 10 mg", "semaglutide 0.5 mg", "losartan 50 mg", "montelukast 10 mg"]
FREQ = ["daily", "BID", "TID", "nightly", "q8h PRN", "every morning", "weekly"]
NDC = ["0002-1433-80", "0078-0357-15", "0093-7146-56", "0169-4132-12", "50090-3469-0", "0003-0894-21",
       "68180-0513-09", "0006-0277-31"]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99", (68, 240)), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", (0.5, 3.9)),
        ("2823-3", "Potassium", "mmol/L", "3.5-5.1", (3.1, 5.9)), ("2951-2", "Sodium", "mmol/L", "136-145", (128, 149)),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", (7.9, 16.8)), ("6690-2", "WBC", "10*3/uL", "4.0-11.0", (2.9, 19.5)),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", (5.1, 11.8)), ("2093-3", "Cholesterol", "mg/dL", "<200", (130, 290)),
        ("33762-6", "NT-proBNP", "pg/mL", "<125", (40, 9800)), ("1742-6", "ALT", "U/L", "7-56", (9, 140)),
        ("3016-3", "TSH", "mIU/L", "0.4-4.0", (0.1, 9.8)), ("2532-0", "LDH", "U/L", "140-280", (120, 510))]
# ---------------------------------------------------------------------------
# identifiers (all synthetic, format-valid)
# ---------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = [m[:3] for m in MONTHS]
DOCUMENTED_TEST = {"123-45-6789", "123456789", "1234567893", "1EG4-TE5-MK73", "1EG4TE5MK73"}


def luhn_check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    digits = re.sub(r"\D", "", num)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def npi(rng):
    while True:
        base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
        n = base + luhn_check_digit("80840" + base)
        if n != "1234567893":
            return n


def npi_ok(n):
    return len(n) == 10 and n[0] in "12" and luhn_ok("80840" + n)


assert npi_ok("1234567893")


def ssn(rng, style="dash"):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v in ("123-45-6789", "078-05-1120", "219-09-9999"):
            continue
        if style == "plain":
            return v.replace("-", "")
        if style == "space":
            return v.replace("-", " ")
        return v


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", v)
    if not m:
        return False
    a, g, s = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi(rng, dashed=None):
    d = "0123456789"
    an = MBI_ALPHA + d
    while True:
        chars = [rng.choice("123456789"), rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(d),
                 rng.choice(MBI_ALPHA), rng.choice(an), rng.choice(d), rng.choice(MBI_ALPHA),
                 rng.choice(MBI_ALPHA), rng.choice(d), rng.choice(d)]
        v = "".join(chars)
        if v != "1EG4TE5MK73":
            break
    if dashed is None:
        dashed = rng.random() < 0.4
    return f"{v[:4]}-{v[4:7]}-{v[7:]}" if dashed else v


def mbi_ok(v):
    v = v.replace("-", "")
    if len(v) != 11:
        return False
    a, n, an = set(MBI_ALPHA), set("0123456789"), set(MBI_ALPHA + "0123456789")
    pat = [set("123456789"), a, an, n, a, an, n, a, a, n, n]
    return all(ch in pat[i] for i, ch in enumerate(v))


def card(rng, brand=None, fmt=None):
    brand = brand or rng.choice(["visa", "visa", "mc", "amex", "disc"])
    if brand == "visa":
        body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif brand == "mc":
        body = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    elif brand == "disc":
        body = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    else:
        body = "3" + rng.choice("47") + "".join(rng.choice("0123456789") for _ in range(12))
    n = body + luhn_check_digit(body)
    fmt = fmt or rng.choice(["space", "dash", "plain"])
    if len(n) == 15:
        groups = [n[:4], n[4:10], n[10:]]
    else:
        groups = [n[i:i + 4] for i in range(0, 16, 4)]
    if fmt == "space":
        return " ".join(groups)
    if fmt == "dash":
        return "-".join(groups)
    return n


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    tot = 0
    for i, ch in enumerate(v):
        val = int(ch) if ch.isdigit() else VIN_VAL[ch]
        tot += val * VIN_W[i]
    r = tot % 11
    return "X" if r == 10 else str(r)


def vin(rng):
    wmi = rng.choice(["1HG", "2T1", "3FA", "5YJ", "JTD", "1FT", "WBA", "KMH", "1C4", "4T1", "5NP", "JN8"])
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    tail = rng.choice("LMNPRS") + rng.choice(VIN_CHARS) + "".join(rng.choice("0123456789") for _ in range(6))
    v = wmi + vds + "0" + tail
    return v[:8] + vin_check(v) + v[9:]


def gtin14(rng):
    body = "0" + "".join(rng.choice("0123456789") for _ in range(12))
    tot = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(body))
    return body + str((10 - tot % 10) % 10)


def udi(rng):
    exp = dt.date(2027 + rng.randint(0, 3), rng.randint(1, 12), 1)
    lot = rng.choice("ABCDKLMX") + str(rng.randint(10000, 99999))
    sn = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))
    return f"(01){gtin14(rng)}(17){exp:%y%m%d}(10){lot}(21){sn}"


def serial(rng, prefix=None):
    prefix = prefix or rng.choice(["SN", "GX", "PX7", "MT", "DX4", "CGM", "RPM"])
    return prefix + "-" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice([8, 9, 10])))


def digits(rng, n, lead="123456789"):
    return rng.choice(lead) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def phone_parts(rng):
    while True:
        area = rng.choice(AREA)
        ex = str(rng.randint(200, 999))
        if ex[1:] == "11" or ex == "555" or ex in ("950", "958", "959", "976"):
            continue
        return area, ex, f"{rng.randint(0, 9999):04d}"


def fmt_phone(parts, style):
    a, e, l = parts
    return {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}", "plus": f"+1 {a} {e} {l}",
            "plusdash": f"+1-{a}-{e}-{l}", "plain": f"{a}{e}{l}", "parennospace": f"({a}){e}-{l}",
            "e164": f"+1{a}{e}{l}", "one": f"1-{a}-{e}-{l}"}[style]


PHONE_STYLES = ["paren", "dash", "dot", "plus", "plusdash", "parennospace", "dash", "paren"]


def fd(d, style):
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "us1":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "us2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "hl7":
        return f"{d.year:04d}{d.month:02d}{d.day:02d}"
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "dmon":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if style == "mon":
        return f"{MON[d.month - 1]} {d.day}, {d.year}"
    if style == "dmonsp":
        return f"{d.day} {MON[d.month - 1]} {d.year}"
    if style == "dmonup":
        return f"{d.day:02d}{MON[d.month - 1].upper()}{d.year}"
    raise ValueError(style)


DATE_STYLES = ["us", "us1", "us2", "iso", "long", "dmon", "mon", "dmonsp"]


def fdt(t, style):
    """datetime formats"""
    if style == "hl7":
        return f"{t:%Y%m%d%H%M}"
    if style == "hl7s":
        return f"{t:%Y%m%d%H%M%S}"
    if style == "iso":
        return f"{t:%Y-%m-%dT%H:%M:%S}"
    if style == "isoz":
        return f"{t:%Y-%m-%dT%H:%M:%S}-05:00"
    if style == "us":
        return f"{t:%m/%d/%Y %H:%M}"
    if style == "sql":
        return f"{t:%Y-%m-%d %H:%M:%S}"
    if style == "usampm":
        h = t.hour % 12 or 12
        return f"{t.month}/{t.day}/{t.year} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"
    raise ValueError(style)


def rdate(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def rtime(rng, day, h0=0, h1=23):
    return dt.datetime(day.year, day.month, day.day, rng.randint(h0, h1), rng.randint(0, 59), rng.randint(0, 59))


def jira_dt(t):
    h = t.hour % 12 or 12
    return f"{t.day:02d}/{MON[t.month - 1]}/{t.year % 100:02d} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def log_ts(t, ms=None):
    return f"{t:%Y-%m-%d %H:%M:%S}," + f"{ms if ms is not None else 0:03d}"


def uuid(rng):
    h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:32]}"


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def server_ip(rng):
    k = rng.random()
    if k < 0.5:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    if k < 0.8:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    return f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}"


def public_ip(rng):
    k = rng.random()
    if k < 0.85:
        first = rng.choice([24, 47, 67, 68, 69, 71, 73, 75, 76, 96, 98, 99, 107, 108, 166, 172, 173, 174, 184])
        second = rng.randint(58, 63) if first == 172 else rng.randint(1, 254)
        return f"{first}.{second}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return f"2600:1700:{hexs(rng, 4)}:{hexs(rng, 4)}::{hexs(rng, 2)}"


def ticket(rng, proj=None):
    proj = proj or rng.choice(["HIE", "INTF", "EHR", "CLIN", "RCM", "PORTAL", "DATA", "OPS", "SEC", "IMG", "LAB", "PHARM"])
    return f"{proj}-{rng.randint(100, 9999)}"


def money(rng, lo=40, hi=9000):
    return f"{rng.uniform(lo, hi):.2f}"


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------


class Person:
    def __init__(self, rng, culture=None, sex=None, age=None, old=None, fac=None):
        self.rng = rng
        self.culture = culture or rng.choice(CULTURES)
        cd = C[self.culture]
        self.sex = sex or rng.choice("FM")
        g = rng.choice(cd["f"] if self.sex == "F" else cd["m"])
        s = rng.choice(cd["sf"] if self.sex == "F" else cd["s"])
        self.given, self.family = _lat(g), _lat(s)
        gn, sn = _nat(g), _nat(s)
        self.native = None
        if gn and sn:
            if cd["order"] == "eastern":
                self.native = sn + gn
            else:
                self.native = gn + " " + sn
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.45 else ""
        if age is None:
            if old is None:
                old = rng.random() < 0.14
            age = rng.randint(90, 101) if old else rng.choice([rng.randint(0, 17), rng.randint(18, 64),
                                                                 rng.randint(18, 64), rng.randint(65, 88)])
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        y = TODAY.year - age - (1 if (m, d) > (TODAY.month, TODAY.day) else 0)
        self.dob = dt.date(y, m, d)
        self.age = TODAY.year - y - ((TODAY.month, TODAY.day) < (m, d))
        assert self.age == age
        self.street = f"{rng.randint(2, 9899)} {rng.choice(STREETS)} {rng.choice(SUFFIX)}"
        self.unit = rng.choice([None, None, f"Apt {rng.randint(1, 30)}{rng.choice('ABCDEF')}", f"Apt. {rng.randint(101, 912)}",
                                f"Unit {rng.randint(1, 400)}", f"#{rng.randint(2, 60)}", f"Apt {rng.randint(1, 9)}{rng.choice('ABCD')}",
                                f"Lot {rng.randint(3, 88)}"])
        self.city, self.state, z3 = rng.choice(CITIES)
        self.zip = z3 + f"{rng.randint(1, 99):02d}"
        self.zip4 = self.zip + f"-{rng.randint(1000, 9999)}"
        self.phone = phone_parts(rng)
        self.cell = phone_parts(rng)
        self.set_email(rng)
        self.ssn = ssn(rng)
        self._rest(rng, age)

    def set_email(self, rng):
        key = ascii_fold(self.given).lower().replace(" ", "").replace("'", "").replace("-", "")
        fam = ascii_fold(self.family).lower().replace(" ", "").replace("'", "").replace("-", "")
        self.email = rng.choice([f"{key}.{fam}", f"{key}{fam}{self.dob.year % 100:02d}", f"{key[0]}{fam}{rng.randint(1, 99)}",
                                 f"{fam}.{key}", f"{key}_{fam}{rng.randint(1, 9)}", f"{key}{rng.randint(70, 2010)}"]) + "@" + rng.choice(MAIL)

    def _rest(self, rng, age):
        self.mrn = rng.choice([digits(rng, 8), "E" + digits(rng, 7, "0123456789"), "00" + digits(rng, 7),
                               "MR" + digits(rng, 6), digits(rng, 9, "0123456789")])
        pool = [x for x in PAYERS if x[0] != "Medicare Part B"]
        self.payer, self.payer_id = rng.choice([x for x in PAYERS if x[0] == "Medicare Part B"] if (age >= 65 and rng.random() < 0.5) else pool)
        self.member = rng.choice(["W" + digits(rng, 9, "0123456789"), rng.choice(["XJH", "ZGP", "JQU", "YPB", "MBK", "H7Q"]) + digits(rng, 9),
                                  "U" + digits(rng, 8) + "01", "MBR" + digits(rng, 8), digits(rng, 9) + rng.choice(["00", "01", "02"]),
                                  "8" + digits(rng, 10)])
        self.group = rng.choice(["GRP-", "", "G"]) + digits(rng, 6)
        self.mbi = mbi(rng)
        self.acct = rng.choice([digits(rng, 10), "HAR" + digits(rng, 9), "A" + digits(rng, 8), digits(rng, 12)])
        self.visit = rng.choice(["V" + digits(rng, 9), digits(rng, 10), "ENC" + digits(rng, 8)])
        self.dl = rng.choice([rng.choice("ABDFGHKMNPRSTW") + digits(rng, 7, "0123456789"),
                              f"{rng.choice('ABDFGHKMNPRSTW')}{digits(rng, 3, '0123456789')}-{digits(rng, 4, '0123456789')}-{digits(rng, 4, '0123456789')}",
                              digits(rng, 9)])
        self.ip = public_ip(rng)
        self.portal_id = digits(rng, 7)

    # --- display strings ---
    def full(self, mi=False):
        return f"{self.given} {self.mi + '. ' if (mi and self.mi) else ''}{self.family}"

    def last_first(self, mi=False):
        return f"{self.family}, {self.given}" + (f" {self.mi}." if mi and self.mi else "")

    def hl7name(self, upper=True):
        f, g = (self.family.upper(), self.given.upper()) if upper else (self.family, self.given)
        return f"{f}^{g}" + (f"^{self.mi}" if self.mi else "")

    def title(self):
        if self.age < 18:
            return None
        return "Mr." if self.sex == "M" else self.rng.choice(["Ms.", "Mrs."])

    # --- labelled pieces ---
    def N(self, mi=False):
        return P(self.full(mi), "person_name")

    def LF(self, mi=False):
        return P(self.last_first(mi), "person_name")

    def G(self):
        return P(self.given, "person_name")

    def F(self):
        return P(self.family, "person_name")

    def TN(self, surname_only=True):
        t = self.title()
        if t is None:
            return self.N()
        return [D(t, "title"), " ", self.F() if surname_only else self.N()]

    def NAT(self):
        return P(self.native, "person_name") if self.native else None

    def DOB(self, style="us"):
        return P(fd(self.dob, style), "date")

    def AGE(self):
        return P(str(self.age), "age_over_89") if self.age >= 90 else str(self.age)

    def PH(self, style="paren", cell=False):
        return P(fmt_phone(self.cell if cell else self.phone, style), "phone")

    def EM(self):
        return P(self.email, "email")

    def SSN(self, style="dash"):
        v = self.ssn if style == "dash" else (self.ssn.replace("-", "") if style == "plain" else self.ssn.replace("-", " "))
        return P(v, "ssn")

    def MRN(self):
        return P(self.mrn, "mrn")

    def MEM(self):
        return P(self.member, "health_plan_id")

    def MBI(self):
        return P(self.mbi, "medicare_mbi")

    def ACCT(self):
        return P(self.acct, "account_number")

    def VISIT(self):
        return P(self.visit, "account_number")

    def ZIP(self, plus4=False):
        return P(self.zip4 if plus4 else self.zip, "zip_code")

    def STREET(self, with_unit=True):
        return P(self.street + (" " + self.unit if (with_unit and self.unit) else ""), "street_address")

    def UNIT(self):
        return P(self.unit, "street_address") if self.unit else None

    def CITY(self):
        return P(self.city, "street_address")

    def ST(self):
        return D(self.state, "state")

    def ADDR1(self, plus4=False, sep=", "):
        """one-line address"""
        return [self.STREET(), sep, self.CITY(), ", ", self.ST(), " ", self.ZIP(plus4)]

    def ADDR2(self, plus4=False):
        """two-line address"""
        return [self.STREET(), "\n", self.CITY(), ", ", self.ST(), " ", self.ZIP(plus4)]

    def hl7addr(self, upper=False):
        tr = (lambda s: s.upper()) if upper else (lambda s: s)
        return [P(tr(self.street), "street_address"), "^", P(tr(self.unit), "street_address") if self.unit else "", "^",
                P(tr(self.city), "street_address"), "^", self.ST(), "^", self.ZIP(), "^USA^H"]

    def xtn(self, use="PRN", cell=False):
        a, e, l = self.cell if cell else self.phone
        return ["^", use, "^", "CP" if cell else "PH", "^^1^", P(a, "phone"), "^", P(e + l, "phone")]


class Staff:
    def __init__(self, rng, org_domain, avoid=(), role=None):
        while True:
            c = rng.choice(CULTURES)
            cd = C[c]
            sex = rng.choice("FM")
            g = _lat(rng.choice(cd["f"] if sex == "F" else cd["m"]))
            s = _lat(rng.choice(cd["sf"] if sex == "F" else cd["s"]))
            if s not in avoid and g not in avoid:
                break
        self.culture, self.given, self.family = c, g, s
        self.role = role or rng.choice(["MD", "RN", "RN", "NP", "PA-C", "DO", "", "", "", "", "MSN, RN", "PharmD"])
        gk = ascii_fold(g).lower().replace(" ", "").replace("'", "").replace("-", "")
        fk = ascii_fold(s).lower().replace(" ", "").replace("'", "").replace("-", "")
        self.handle = gk[0] + fk
        self.email = rng.choice([f"{gk}.{fk}", f"{gk[0]}{fk}", f"{gk}.{fk}{rng.randint(2, 9)}"]) + "@" + org_domain
        self.ext = str(rng.randint(2000, 7999))
        self.phone = phone_parts(rng)
        self.pager = phone_parts(rng)
        self.npi = npi(rng)

    def full(self):
        return f"{self.given} {self.family}"

    def N(self):
        return D(self.full(), "person_name")

    def NC(self):
        """name with credential"""
        return [self.N(), f", {self.role}" if self.role else ""]

    def DR(self, full=False):
        return [D("Dr.", "title"), " ", D(self.full() if full else self.family, "person_name")]

    def H(self):
        return ["[~", D(self.handle, "person_name"), "]"]

    def AT(self):
        return ["@", D(self.full(), "person_name")]

    def EM(self):
        return D(self.email, "staff_contact")

    def PH(self, style="dash"):
        return D(fmt_phone(self.phone, style), "staff_contact")

    def EXT(self):
        return D(self.ext, "staff_contact")

    def PG(self, style="dash"):
        return D(fmt_phone(self.pager, style), "staff_contact")

    def hl7(self):
        return [D(self.npi, "other_id"), "^", D(self.family.upper(), "person_name"), "^", D(self.given.upper(), "person_name"),
                "^^^", "DR" if self.role in ("MD", "DO") else "", "^^^NPI"]


class Ctx:
    """Per-document context: a facility, a vendor, a staff pool that never shares names with patients."""

    def __init__(self, rng):
        self.rng = rng
        self.fac, self.fac_short, self.dom = rng.choice(FACILITIES)
        self.vendor, self.vdom = rng.choice(VENDORS)
        self.people = []
        self.staff_pool = []

    def _taken(self):
        t = set()
        for s in self.staff_pool:
            t.update([s.given, s.family])
        return t

    def patient(self, **kw):
        taken = self._taken()
        for _ in range(30):
            p = Person(self.rng, **kw)
            if p.given not in taken and p.family not in taken:
                break
        self.people.append(p)
        return p

    def relative(self, p, same_family=True, sex=None, age=None):
        taken = self._taken()
        for _ in range(30):
            r = Person(self.rng, culture=p.culture, sex=sex, age=age if age is not None else self.rng.randint(25, 70))
            if r.given not in taken and r.family not in taken and r.given != p.given:
                break
        if same_family and self.rng.random() < 0.7:
            r.family = p.family
            r.set_email(self.rng)
        self.people.append(r)
        return r

    def staff(self, role=None, dom=None):
        avoid = set()
        for p in self.people:
            avoid.update([p.given, p.family])
        for s in self.staff_pool:
            avoid.update([s.given, s.family])
        st = Staff(self.rng, dom or self.dom, avoid, role)
        self.staff_pool.append(st)
        return st

    def FAC(self):
        return D(self.fac, "facility")


def _dx_ok(d, p):
    if p is None:
        return True
    if d[0] in ("C50.911", "O80"):
        return p.sex == "F" and (d[0] != "O80" or 16 <= p.age <= 48)
    return True


def dxs(rng, n, p=None):
    return rng.sample([d for d in DX if _dx_ok(d, p)], n)


def dx1(rng, p=None):
    return rng.choice([d for d in DX if _dx_ok(d, p)])


ORAL_MEDS = [m for m in MEDS if not any(x in m for x in (" IV", " SC", "insulin", "HFA", "semaglutide"))]


def DXC(code):
    return D(code, "diagnosis_code")


def CND(text):
    return D(text, "condition")


def MED(text):
    return D(text, "medication")


def CPTC(code):
    return D(code, "procedure_code")


def med_line(rng, m=None):
    m = m or rng.choice(MEDS)
    return [MED(m), " ", rng.choice(FREQ)]


RELS = [("DAU", "Daughter", "F"), ("SON", "Son", "M"), ("SPO", "Spouse", None), ("MTH", "Mother", "F"),
        ("FTH", "Father", "M"), ("SIS", "Sister", "F"), ("BRO", "Brother", "M"), ("GRD", "Guardian", None)]

# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------
TEMPLATES = {f: [] for f in PHI_FAMILIES + CLEAN_FAMILIES}


def tpl(family, name):
    def deco(fn):
        TEMPLATES[family].append((name, fn))
        return fn
    return deco


# ---------------------------------------------------------------------------
# shared fragments
# ---------------------------------------------------------------------------


def jira_head(doc, ctx, key, summary, reporter, assignee, created, style=None, itype="Bug", comp=None, labels=None):
    rng = ctx.rng
    style = style or rng.choice(["compact", "details", "notify", "export"])
    updated = created + dt.timedelta(hours=rng.randint(2, 70), minutes=rng.randint(0, 59))
    prio = rng.choice(["Highest", "High", "Medium", "Major", "Critical", "P2", "P3"])
    status = rng.choice(["Open", "In Progress", "To Do", "Waiting for Support", "In Review", "Reopened"])
    comp = comp or rng.choice(["Interfaces", "ADT Inbound", "Results Routing", "Rhapsody", "Mirth Connect", "Registration",
                               "Patient Portal", "Revenue Cycle", "Data Warehouse", "Integration Engine"])
    labels = labels or rng.sample(["prod-support", "hl7", "sev2", "interface", "regression", "customer-reported", "go-live"], 2)
    if style == "compact":
        doc.f("«key» — «sum»\nType: «it»    Priority: «pr»    Status: «st»\nReporter: «rep»    Assignee: «asg»\n"
              "Created: «cr»    Updated: «up»\nComponent/s: «comp»    Labels: «lab»\n\n",
              key=key, sum=summary, it=itype, pr=prio, st=status, rep=reporter.N(), asg=assignee.N(),
              cr=jira_dt(created), up=jira_dt(updated), comp=comp, lab=" ".join(labels))
    elif style == "details":
        doc.f("«sum»\n«key»\n\nDetails\n  Type:            «it»\n  Priority:        «pr»\n  Affects Version/s: «ver»\n"
              "  Component/s:     «comp»\n  Labels:          «lab»\n  Status:          «st»\nPeople\n  Assignee:        «asg»\n"
              "  Reporter:        «rep»\n  Watchers:        «w»\nDates\n  Created:         «cr»\n  Updated:         «up»\n\n",
              key=key, sum=summary, it=itype, pr=prio, st=status, rep=reporter.N(), asg=assignee.N(),
              ver=f"{rng.choice(['2026.1', '2026.2', '25.3', '8.4'])}.{rng.randint(0, 12)}", comp=comp, lab=", ".join(labels),
              w=str(rng.randint(2, 9)), cr=f"{created:%Y-%m-%d %H:%M}", up=f"{updated:%Y-%m-%d %H:%M}")
    elif style == "notify":
        doc.f("«rep» created «key»:\n-----------------------------------\n          Summary: «sum»\n              Key: «key»\n"
              "              URL: https://jira.«dom»/browse/«key»\n          Project: «proj»\n       Issue Type: «it»\n"
              "         Priority: «pr»\n         Reporter: «rep»\n         Assignee: «asg»\n          Created: «cr»\n\n",
              key=key, sum=summary, it=itype, pr=prio, rep=reporter.N(), asg=assignee.N(), dom=ctx.dom,
              proj=rng.choice(["Health Information Exchange", "Interface Team", "Clinical Applications", "Revenue Cycle IT"]),
              cr=f"{created:%a %b %d %H:%M:%S} EST {created.year}")
    else:
        doc.f("[«key»] «sum»\nCreated: «cr»  Updated: «up»\nStatus: «st»\nProject: «proj»\nComponent/s: «comp»\n"
              "Type: «it»  Priority: «pr»\nReporter: «rep»\nAssignee: «asg»\nEnvironment: «env»\n\n",
              key=key, sum=summary, it=itype, pr=prio, st=status, rep=reporter.N(), asg=assignee.N(),
              cr=jira_dt(created), up=jira_dt(updated), comp=comp, proj=key.split("-")[0],
              env=f"PROD — {rng.choice(['rhapsody', 'mirth', 'iris', 'cloverleaf', 'ensemble'])}-prd-{rng.randint(1, 4):02d} ({server_ip(rng)})")


def jira_comment(doc, who, when, body_pieces, style=None, rng=None):
    style = style or (rng.choice(["added", "dash", "bracket"]) if rng else "added")
    if style == "added":
        doc.add(who.N(), f" added a comment - {jira_dt(when)}\n")
    elif style == "dash":
        doc.add("-- ", who.N(), f" ({when:%Y-%m-%d %H:%M})\n")
    else:
        doc.add("[", who.N(), f"] {jira_dt(when)}:\n")
    doc.add(body_pieces, "\n\n")


def sig_staff(doc, st, ctx, with_phone=True):
    doc.add(st.N(), f", {st.role}\n" if st.role else "\n")
    doc.add(ctx.FAC(), "\n")
    if with_phone:
        doc.add("Office: ", st.PH(), " | ", st.EM(), "\n")


def hl7_seg(name, fields):
    """fields: {index: pieces}; returns a piece list for segment `name`."""
    top = max(fields) if fields else 0
    out = [name]
    for i in range(1, top + 1):
        out.append("|")
        v = fields.get(i)
        if v is not None:
            out.extend(seq(v))
    return out


def msh(rng, ctx, mtype, t, ctrl=None, ver="2.5.1", sending=None, receiving=None):
    sending = sending or rng.choice(["EPIC", "CERNER", "MEDITECH", "ATHENA", "REGADT", "SOARIAN"])
    receiving = receiving or rng.choice(["RHAPSODY", "LIS", "PACS", "CLOVERLEAF", "HIE", "RCM", "MIRTH"])
    ctrl = ctrl or f"{rng.choice(['MSG', '', 'Q', 'ADT'])}{rng.randint(10 ** 6, 10 ** 9)}"
    return ["MSH|^~\\&|", sending, "|", ctx.fac_short, "|", receiving, "|", ctx.fac_short, "|",
            D(fdt(t, rng.choice(["hl7", "hl7s"])), "date"), "||", mtype, "|", ctrl, "|P|", ver]


def pid_seg(rng, p, full=True, upper=True, mrn_auth=None, dob_style="hl7"):
    mrn_auth = mrn_auth or rng.choice(["MRN", "MR", "PI"])
    f = {1: "1", 3: [p.MRN(), f"^^^{rng.choice(['EPIC', 'HOSP', 'MRN', 'LRMC'])}^{mrn_auth}"],
         5: P(p.hl7name(upper), "person_name"), 7: P(fd(p.dob, dob_style) if dob_style != "hl7" else fd(p.dob, "hl7"), "date"),
         8: p.sex}
    if full:
        f[10] = rng.choice(["2106-3^White^HL70005", "2054-5^Black or African American^HL70005", "2028-9^Asian^HL70005", "2131-1^Other Race^HL70005", ""])
        f[11] = p.hl7addr(upper)
        f[13] = p.xtn("PRN") if rng.random() < 0.6 else [P(fmt_phone(p.phone, "parennospace"), "phone")]
        f[15] = rng.choice(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "ARA^Arabic", "POR^Portuguese", "RUS^Russian", ""])
        f[16] = rng.choice(["M", "S", "W", "D", ""])
        f[18] = [p.ACCT()]
        f[19] = p.SSN("dash" if rng.random() < 0.5 else "plain")
        if rng.random() < 0.3:
            f[20] = [P(p.dl, "license_number"), "^", p.ST()]
    return hl7_seg("PID", f)


def pv1_seg(rng, p, attending, admit, disch=None, cls="I", loc=None):
    loc = loc or f"{rng.choice(['4W', '5E', 'MICU', 'ED', 'L&D', '3N', 'TELE', 'ORTHO'])}^{rng.randint(100, 560)}^{rng.choice('ABCD')}"
    f = {1: "1", 2: cls, 3: loc, 4: rng.choice(["E", "U", "R", "EL"]), 7: attending.hl7(), 10: rng.choice(["MED", "SUR", "CAR", "OBS", "ORT", "NEU"]),
         14: rng.choice(["1", "7", "EMS", ""]), 18: rng.choice(["IP", "OP", "ER", "OBS"]), 19: p.VISIT(),
         20: rng.choice(["C", "M", "S", ""]), 44: P(fdt(admit, "hl7"), "date")}
    if disch:
        f[45] = P(fdt(disch, "hl7"), "date")
    return hl7_seg("PV1", f)


def nk1_seg(rng, rel, code, text):
    return hl7_seg("NK1", {1: "1", 2: P(rel.hl7name(), "person_name"), 3: f"{code}^{text}^HL70063", 5: rel.xtn("PRN", cell=True),
                           7: "EC^Emergency Contact"})


def in1_seg(rng, p, eff):
    payer_phone = f"1-800-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"
    return hl7_seg("IN1", {1: "1", 2: rng.choice(["PPO", "HMO", "MCR", "MCD", "EPO"]), 3: p.payer_id, 4: p.payer,
                           5: "PO BOX " + str(rng.randint(1000, 99999)) + "^^" + rng.choice(["ATLANTA^GA^30348", "DALLAS^TX^75265", "LEXINGTON^KY^40512"]),
                           7: payer_phone, 8: D(p.group, "other_id"), 12: D(fd(eff, "hl7"), "date"),
                           16: P(p.hl7name(), "person_name"), 17: "01^Self", 36: p.MEM()})


def obx_segs(rng, obs_t, n, start=1):
    out = []
    for i, (loinc, nm, unit, ref, (lo, hi)) in enumerate(rng.sample(LABS, n)):
        val = rng.uniform(lo, hi)
        v = f"{val:.1f}" if hi < 20 else str(int(val))
        flag = rng.choice(["N", "H", "L", "", "N"])
        out.append(hl7_seg("OBX", {1: str(start + i), 2: "NM", 3: f"{loinc}^{nm}^LN", 5: v, 6: unit, 7: ref, 8: flag,
                                   11: "F", 14: P(fdt(obs_t, "hl7"), "date")}))
        out.append("\n")
    return out


def stack_java(rng, pkg, cls_names, exc, msg_pieces):
    out = seq(exc, ": ", msg_pieces, "\n")
    for c in cls_names:
        meth = rng.choice(["map", "process", "handle", "apply", "onMessage", "parse", "transform", "route", "validate"])
        out.append(f"\tat {pkg}.{c}.{meth}({c}.java:{rng.randint(20, 900)})\n")
    out.append(f"\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)\n")
    out.append(f"\tat java.base/java.lang.Thread.run(Thread.java:1583)\n")
    return out


# ===========================================================================
# PHI family: jira_hl7
# ===========================================================================

def _hl7_dates(rng):
    admit_day = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    admit = rtime(rng, admit_day)
    disch = admit + dt.timedelta(days=rng.randint(1, 9), hours=rng.randint(1, 12))
    msg_t = admit + dt.timedelta(minutes=rng.randint(1, 40))
    return admit, disch, msg_t


def _adt_message(rng, ctx, p, event, admit, disch, msg_t, attending, nk=True, ins=True, dg=0, sep="\n"):
    out = seq(msh(rng, ctx, f"ADT^{event}^ADT_{'A01' if event in ('A01', 'A04', 'A08') else event}", msg_t), sep,
              hl7_seg("EVN", {1: event, 2: D(fdt(msg_t, "hl7s"), "date")}), sep,
              pid_seg(rng, p), sep)
    if rng.random() < 0.4:
        out += seq(hl7_seg("PD1", {4: attending.hl7()}), sep)
    if nk:
        code, text, sex = rng.choice(RELS)
        rel = ctx.relative(p, sex=sex)
        out += seq(nk1_seg(rng, rel, code, text), sep)
    out += seq(pv1_seg(rng, p, attending, admit, disch if event == "A03" else None, cls=rng.choice(["I", "I", "E", "O"])), sep)
    for i, (code, desc) in enumerate(dxs(rng, dg)):
        out += seq(hl7_seg("DG1", {1: str(i + 1), 3: [DXC(code), "^", CND(desc), "^I10"],
                                   5: P(fdt(admit, "hl7"), "date"), 6: rng.choice(["A", "W", "F"])}), sep)
    if ins:
        out += seq(in1_seg(rng, p, dt.date(2026, 1, 1)), sep)
    return out


def _engine_log(rng, t, lvl, thread, logger, msg):
    return seq(f"{log_ts(t, rng.randint(0, 999))} {lvl:<5} [{thread}] {logger} - ", msg, "\n")


@tpl("jira_hl7", "jira_hl7_a01_noformat_stacktrace")
def t_jh1(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 20))
    key = ticket(rng, "HIE")
    jira_head(doc, ctx, key, "ADT^A01 from Epic rejected by LIS inbound route — DataTypeException on PID", rep, asg, created)
    doc.f("*Description*\nAfter last night's Rhapsody «ver» deploy, a handful of A01s from «fac» are erroring on the LIS route "
          "and landing in the error queue. Pulled one of them from the message store (control id below). The patient "
          "arrived on the floor but the lab can't see them, so orders are being written on paper.\n\n{noformat}\n",
          ver=f"7.{rng.randint(1, 3)}.{rng.randint(0, 9)}", fac=ctx.FAC())
    doc.add(_adt_message(rng, ctx, p, "A01", admit, disch, msg_t, att, dg=rng.randint(0, 1)))
    doc.add("{noformat}\n\nEngine log around the failure:\n{code}\n")
    t = msg_t + dt.timedelta(seconds=rng.randint(1, 5))
    th = f"LIS_OUT-worker-{rng.randint(1, 8)}"
    doc.add(_engine_log(rng, t, "INFO", th, "c.r.engine.route.RouteRunner", f"received message id={uuid(rng)} type=ADT^A01"))
    doc.add(_engine_log(rng, t, "WARN", th, "c.l.hie.adt.PidMapper", "PID-11 repetition count 2 exceeds target model, truncating"))
    doc.add(_engine_log(rng, t, "ERROR", th, "c.l.hie.adt.PidMapper", ["could not map PID-7 value '", p.DOB("hl7"), "' to target TS (precision DAY)"]))
    doc.add(stack_java(rng, "com.lakeshore.hie.adt", ["PidMapper", "AdtTransformer", "RouteStep$Invoker"],
                       "ca.uhn.hl7v2.model.DataTypeException", ["Invalid date/time: '", p.DOB("hl7"), "' cannot be parsed with pattern yyyyMMddHHmm"]))
    doc.add("{code}\n\n*Steps*\n# Resubmit the message from the error queue on TEST\n# Observe same exception\n\n"
            "*Expected*: birth dates with DAY precision are accepted (2.5.1 allows it).\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=2), [rep.H(), " confirmed on TEST. The new date filter assumes minute precision. "
                 "Hotfix is on branch ", f"bugfix/{key}-ts-precision", ", will ask ", ctx.staff().AT(), " for review."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_a08_duplicate_after_update")
def t_jh2(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(days=1, hours=rng.randint(1, 8))
    key = ticket(rng, "INTF")
    jira_head(doc, ctx, key, ["A08 demographic update for ", p.LF(), " created a second person record in RIS"], rep, asg, created)
    doc.add("Registration updated the patient's phone and address. The A08 went out fine but the RIS created a NEW patient "
            "instead of updating the existing one. Both messages below (copied from Cloverleaf smat).\n\n"
            "Original A04 (registration):\n{noformat}\n")
    old = Person(rng, culture=p.culture, sex=p.sex, age=p.age)
    ctx.people.append(old)
    p2 = p
    # the older message carries the previous address / phone of the same patient
    old.given, old.family, old.mi, old.dob, old.mrn, old.ssn, old.acct, old.visit = p.given, p.family, p.mi, p.dob, p.mrn, p.ssn, p.acct, p.visit
    old.payer, old.payer_id, old.member, old.group = p.payer, p.payer_id, p.member, p.group
    doc.add(_adt_message(rng, ctx, old, "A04", admit, disch, msg_t, att, nk=False, ins=False))
    doc.add("{noformat}\n\nA08 (update) 40 minutes later:\n{noformat}\n")
    doc.add(_adt_message(rng, ctx, p2, "A08", admit, disch, msg_t + dt.timedelta(minutes=40), att, nk=False, ins=rng.random() < 0.5))
    doc.add("{noformat}\n\nRIS now shows two charts with the same MRN ", p.MRN(), " but different internal ids (",
            D(str(rng.randint(100000, 999999)), "internal_id"), " and ", D(str(rng.randint(100000, 999999)), "internal_id"), ").\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=3), [rep.H(), " RIS matches on PID-3 + PID-5 + PID-19. "
                 "The A08 has the SSN without dashes, the A04 had dashes, so the match fails. Normalising in the outbound translation."], rng=rng)
    jira_comment(doc, rep, created + dt.timedelta(hours=5), ["Thanks. ", ctx.staff().AT(), " can you merge the two RIS charts once the fix is in?"], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_oru_r01_not_filing")
def t_jh3(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, ordp = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    obs = admit + dt.timedelta(hours=rng.randint(2, 30))
    created = obs + dt.timedelta(hours=rng.randint(2, 12))
    key = ticket(rng, "LAB")
    jira_head(doc, ctx, key, "ORU^R01 chemistry results not filing to chart (OBX-6 units mismatch)", rep, asg, created, comp="Results Routing")
    doc.add("Lab reports results resulted in Sunquest but not visible in the EHR results review. Interface shows the message was ACKed. "
            "Message:\n\n{code:none}\n")
    doc.add(msh(rng, ctx, "ORU^R01^ORU_R01", obs + dt.timedelta(minutes=12), sending="SUNQUEST", receiving="EPIC"), "\n")
    doc.add(pid_seg(rng, p, full=rng.random() < 0.5), "\n")
    doc.add(pv1_seg(rng, p, ordp, admit), "\n")
    plac, fill = f"{rng.randint(10 ** 7, 10 ** 8)}", f"{rng.choice(['CH', 'HM', 'LB'])}{rng.randint(10 ** 6, 10 ** 7)}"
    doc.add(hl7_seg("ORC", {1: "RE", 2: D(plac, "other_id"), 3: D(fill, "other_id"), 12: ordp.hl7()}), "\n")
    doc.add(hl7_seg("OBR", {1: "1", 2: D(plac, "other_id"), 3: D(fill, "other_id"), 4: "80053^COMPREHENSIVE METABOLIC PANEL^C4",
                            7: P(fdt(obs, "hl7"), "date"), 16: ordp.hl7(), 22: D(fdt(obs + dt.timedelta(hours=1), "hl7"), "date"), 25: "F"}), "\n")
    doc.add(obx_segs(rng, obs, rng.randint(3, 5)))
    doc.add("{code}\n\nIn the EHR interface error log:\n{noformat}\n")
    t = obs + dt.timedelta(minutes=13)
    doc.add(f"{t:%m/%d/%Y %H:%M:%S} RESULTS_IN  E2310  Component not built for OBX-3 '{rng.choice(LABS)[0]}' / unit mismatch\n"
            f"{t:%m/%d/%Y %H:%M:%S} RESULTS_IN  W0412  Filed to results holding queue, ", "MRN=", p.MRN(), "\n{noformat}\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=1), ["Lab changed the unit on their side without telling us (CR ", ticket(rng, "LAB"),
                 "). Holding queue has 212 results. ", ordp.DR(), " is asking for this patient's panel specifically; I've released it manually."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_a04_mirth_channel_error")
def t_jh4(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role=rng.choice(["MD", "DO", "NP"]))
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 6))
    key = ticket(rng, "OPS")
    ch = rng.choice(["ADT_Kiosk_In", "Reg_A04_to_Billing", "UrgentCare_ADT", "Clinic_Checkin_Feed"])
    jira_head(doc, ctx, key, f"Mirth channel {ch} stopped — errors on A04 from check-in kiosk", rep, asg, created, comp="Mirth Connect")
    doc.f("Channel «ch» (id «cid») went to ERROR at «t» and stopped polling. Restarted at «t2», queue drained. Attaching the message "
          "that triggered it and the server log.\n\n*Raw message*\n{noformat}\n", ch=ch, cid=uuid(rng),
          t=f"{msg_t:%H:%M}", t2=f"{(msg_t + dt.timedelta(minutes=rng.randint(20, 90))):%H:%M}")
    doc.add(_adt_message(rng, ctx, p, "A04", admit, disch, msg_t, att, nk=rng.random() < 0.5, ins=True))
    doc.add("{noformat}\n\n*mirth.log*\n{noformat}\n")
    t = msg_t + dt.timedelta(seconds=3)
    doc.add(f"[{log_ts(t, rng.randint(0, 999))}]  ERROR (com.mirth.connect.donkey.server.channel.Channel:1254): Error processing message "
            f"in channel {ch} ({uuid(rng)}).\n")
    doc.add("com.mirth.connect.server.MirthJavascriptTransformerException: \nCHANNEL:\t", ch, "\nCONNECTOR:\tsourceConnector\nSCRIPT SOURCE:\tTRANSFORMER\n"
            f"SOURCE CODE:\n{rng.randint(40, 120)}: var phone = msg['PID']['PID.13']['PID.13.1'].toString();\n"
            f"{rng.randint(121, 130)}: channelMap.put('homePhone', phone.replace(/\\D/g,''));\n"
            "DETAILS:\tTypeError: Cannot call method \"replace\" of undefined\n"
            "\tat com.mirth.connect.server.transformers.JavaScriptFilterTransformer$FilterTransformerTask.doCall(JavaScriptFilterTransformer.java:200)\n"
            "\tat com.mirth.connect.server.util.javascript.JavaScriptTask.call(JavaScriptTask.java:114)\n"
            f"[{log_ts(t + dt.timedelta(seconds=1), rng.randint(0, 999))}]  WARN  (com.mirth.connect.donkey.server.channel.Channel:889): "
            f"Channel {ch} halted after 10 consecutive errors\n{{noformat}}\n\n")
    doc.add("Root cause: kiosk sends the phone in the XTN components (PID-13.6/13.7) and leaves 13.1 empty. ")
    doc.add(asg.AT(), " can you make the transformer fall back to 13.6+13.7?\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=4), ["Done in channel rev ", str(rng.randint(40, 90)), ", deployed ",
                 f"{(created + dt.timedelta(hours=4)):%H:%M}", ". Reprocessed the errored message, billing got it."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_ack_ae_err_segment")
def t_jh5(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 6))
    key = ticket(rng, "HIE")
    jira_head(doc, ctx, key, "State HIE returns AE for A08 — ERR says PID-11 invalid", rep, asg, created, itype=rng.choice(["Bug", "Incident"]))
    ctrl = f"{rng.randint(10 ** 8, 10 ** 9)}"
    doc.add("Outbound to the state HIE, every few hours we get an application error ACK. Sent:\n{noformat}\n")
    doc.add(msh(rng, ctx, "ADT^A08^ADT_A01", msg_t, ctrl=ctrl, receiving="STATEHIE"), "\n",
            hl7_seg("EVN", {1: "A08", 2: D(fdt(msg_t, "hl7s"), "date")}), "\n", pid_seg(rng, p), "\n",
            pv1_seg(rng, p, att, admit), "\n")
    doc.add("{noformat}\nReceived:\n{noformat}\n")
    ack_t = msg_t + dt.timedelta(seconds=rng.randint(1, 9))
    doc.add("MSH|^~\\&|STATEHIE|HIE|", ctx.fac_short, "|", ctx.fac_short, "|", D(fdt(ack_t, "hl7s"), "date"), f"||ACK^A08|ACK{ctrl}|P|2.5.1\n",
            f"MSA|AE|{ctrl}|Address validation failed\n",
            "ERR||PID^1^11^1|102^Data type error^HL70357|E||||Street line does not match USPS format: '", P(p.street.upper(), "street_address"), "'\n")
    doc.add("{noformat}\n\nHIE support (ticket #", str(rng.randint(100000, 999999)), ") says they now run CASS on PID-11. ")
    doc.add("Most of these are addresses with a unit in XAD.2. Count of AEs last 7 days: ", str(rng.randint(30, 400)), ".\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=6), ["Talked to ", ctx.staff().N(), " at the HIE. They will relax the rule to a warning on ",
                 f"{(created + dt.timedelta(days=9)):%m/%d}", ". Leaving this open until then."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_a03_discharge_dg1")
def t_jh6(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(old=rng.random() < 0.35)
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    msg_t = disch + dt.timedelta(minutes=rng.randint(1, 30))
    created = msg_t + dt.timedelta(hours=rng.randint(1, 30))
    key = ticket(rng, "RCM")
    jira_head(doc, ctx, key, "A03 discharges missing DG1 in coding worklist", rep, asg, created, comp="Revenue Cycle")
    doc.add("HIM coders say discharged accounts show no working diagnoses. The A03 does carry DG1, see sample (account ", p.ACCT(), "):\n\n")
    doc.add("```\n", _adt_message(rng, ctx, p, "A03", admit, disch, msg_t, att, nk=False, ins=True, dg=rng.randint(2, 3)), "```\n\n")
    doc.add("The coding worklist query filters on DG1-6 = 'F' (final) only; ADT sends 'A'/'W'. ")
    doc.add("Discharge disposition PV1-36 also empty on this one.\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=2), ["Agree, the filter is wrong. Changing to include A and W. ",
                 rep.H(), " please re-run the worklist after 14:00."], rng=rng)
    jira_comment(doc, rep, created + dt.timedelta(hours=7), ["Confirmed, ", ctx.FAC(), " accounts now show DG1 codes. Closing."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_field_compare_table")
def t_jh7(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg = ctx.staff(), ctx.staff()
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 24))
    key = ticket(rng, "INTF")
    jira_head(doc, ctx, key, "Demographics differ between EHR and downstream after A08 (PID-5/11/13)", rep, asg, created)
    doc.add("Compared what Epic sent vs what the ", rng.choice(["RIS", "LIS", "dietary system", "bed board", "document imaging"]),
            " stored for one patient. Message control id ", f"{rng.randint(10 ** 7, 10 ** 8)}", ".\n\n")
    doc.add("|| Field || Sent (Epic) || Stored (downstream) || Note ||\n")
    up = p.hl7name()
    doc.add("| PID-3 | ", p.MRN(), " | ", p.MRN(), " | ok |\n")
    doc.add("| PID-5 | ", P(up, "person_name"), " | ", P(p.family.upper()[:12].rstrip() + "^" + p.given.upper(), "person_name"), " | truncated? |\n")
    doc.add("| PID-7 | ", p.DOB("hl7"), " | ", p.DOB("us"), " | format only |\n")
    doc.add("| PID-11 | ", P(p.street, "street_address"), "^", p.UNIT() or "", "^", p.CITY(), "^", p.ST(), "^", p.ZIP(), " | ",
            P(p.street, "street_address"), " | unit and city dropped |\n")
    doc.add("| PID-13 | ", P(fmt_phone(p.phone, "parennospace"), "phone"), " | ", P(fmt_phone(p.phone, "plain"), "phone"), " | ok |\n")
    doc.add("| PID-14 | ", P(fmt_phone(p.cell, "parennospace"), "phone"), " | (empty) | not mapped |\n\n")
    doc.add("PID-5 family name is cut at 12 chars in the downstream DB (VARCHAR(12)). ")
    doc.add(asg.AT(), " is there a reason the column is that short?\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=1), ["Legacy schema from 2009. ", ctx.staff().N(),
                 " from the vendor says v12 widens it to 60. Upgrade is scheduled; workaround: none."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_single_line_cr_escaped")
def t_jh8(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 24))
    key = ticket(rng, "DATA")
    jira_head(doc, ctx, key, "Message store export shows segments joined with literal \\r — parser in ETL fails", rep, asg, created, comp="Data Warehouse")
    doc.add("ETL job `hl7_raw_to_stage` fails on rows where the message was stored with literal backslash-r. Row from `msgstore.inbound` "
            f"(id {rng.randint(10 ** 6, 10 ** 7)}):\n\n{{code}}\n")
    doc.add(_adt_message(rng, ctx, p, rng.choice(["A01", "A08"]), admit, disch, msg_t, att, nk=rng.random() < 0.5, ins=False, sep="\\r"))
    doc.add("\n{code}\n\nPython error:\n{code:python}\n")
    doc.add("Traceback (most recent call last):\n  File \"/opt/etl/jobs/hl7_raw_to_stage.py\", line ", str(rng.randint(80, 300)), ", in <module>\n"
            "    seg = split_segments(row.raw)\n  File \"/opt/etl/lib/hl7util.py\", line ", str(rng.randint(10, 90)), ", in split_segments\n"
            "    raise ValueError(f\"no segment terminator in message {msg[:40]!r}\")\n"
            "ValueError: no segment terminator in message 'MSH|^~\\\\&|...'\n{code}\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=2), ["Added `raw.replace('\\\\r', '\\r')` before split. Backfill for ",
                 str(rng.randint(2000, 40000)), " rows running tonight."], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_oru_wrong_patient")
def t_jh9(rng):
    ctx, doc = Ctx(rng), Doc()
    a, b = ctx.patient(), ctx.patient()
    rep, asg, ordp = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    obs = admit + dt.timedelta(hours=rng.randint(2, 30))
    created = obs + dt.timedelta(hours=rng.randint(1, 6))
    key = ticket(rng, "CLIN")
    jira_head(doc, ctx, key, "SAFETY: POC glucose result filed to wrong patient", rep, asg, created, itype="Incident",
              labels=["patient-safety", "sev1"])
    doc.add("Reported by nursing on ", rng.choice(["4 West", "MICU", "5 East", "Tele"]), ". Glucometer result for ", a.N(),
            " (MRN ", a.MRN(), ") showed up in the chart of ", b.N(), " (MRN ", b.MRN(), "), same unit, adjacent rooms. ")
    doc.add("Safety event ", f"SE-{rng.randint(10000, 99999)}", " filed. ORU from the POC middleware:\n\n{noformat}\n")
    doc.add(msh(rng, ctx, "ORU^R01", obs + dt.timedelta(minutes=rng.randint(1, 9)), sending="RALS", receiving="EPIC"), "\n", pid_seg(rng, b, full=False), "\n",
            hl7_seg("PV1", {1: "1", 2: "I", 3: f"{rng.choice(['4W', '5E', 'TELE'])}^{rng.randint(401, 460)}^A", 19: b.VISIT()}), "\n",
            hl7_seg("OBR", {1: "1", 4: "2345-7^GLUCOSE POC^LN", 7: P(fdt(obs, "hl7"), "date"), 10: ["operator ", D(f"{rng.randint(10000, 99999)}", "internal_id")]}), "\n",
            hl7_seg("OBX", {1: "1", 2: "NM", 3: "2345-7^GLUCOSE POC^LN", 5: str(rng.randint(40, 380)), 6: "mg/dL", 7: "70-140", 11: "F",
                            14: P(fdt(obs, "hl7"), "date"), 18: P(serial(rng, "GM"), "device_id")}), "\n")
    doc.add("{noformat}\n\nThe meter (serial in OBX-18) had the wrong patient wristband scanned — the operator picked ", b.F(),
            " from the recent list instead of scanning. Not an interface defect, but we should reject POC results when the "
            "ADT location and the meter's docking location disagree.\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=1), ["Result was moved to the correct chart by ", ordp.DR(), " and HIM at ",
                 f"{(created + dt.timedelta(minutes=50)):%H:%M}", ". Opening an enhancement for the location check: ", ticket(rng, "CLIN")], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_a08_insurance_gt1")
def t_jh10(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(4, 16))
    rep, asg, att = ctx.staff(), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    created = msg_t + dt.timedelta(hours=rng.randint(1, 24))
    key = ticket(rng, "RCM")
    parent = ctx.relative(p, sex=rng.choice("FM"), age=rng.randint(28, 52))
    jira_head(doc, ctx, key, "Guarantor (GT1) not updated when insurance changes on pediatric A08", rep, asg, created, comp="Registration")
    doc.add("Child patient, parent is guarantor and subscriber. Registration changed the plan; billing still shows the old guarantor "
            "address so statements bounce.\n\n{noformat}\n")
    doc.add(msh(rng, ctx, "ADT^A08^ADT_A01", msg_t), "\n", hl7_seg("EVN", {1: "A08", 2: D(fdt(msg_t, "hl7s"), "date")}), "\n",
            pid_seg(rng, p), "\n", pv1_seg(rng, p, att, admit, cls="O"), "\n")
    doc.add(hl7_seg("GT1", {1: "1", 2: D(str(rng.randint(10 ** 5, 10 ** 6)), "internal_id"), 3: P(parent.hl7name(), "person_name"),
                            5: parent.hl7addr(), 6: parent.xtn("PRN", cell=True), 8: P(fd(parent.dob, "hl7"), "date"), 9: parent.sex,
                            11: "MTH^Mother" if parent.sex == "F" else "FTH^Father", 12: parent.SSN("plain")}), "\n")
    doc.add(hl7_seg("IN1", {1: "1", 2: "PPO", 3: parent.payer_id, 4: parent.payer, 8: D(parent.group, "other_id"),
                            12: D(fd(dt.date(2026, rng.randint(1, 11), 1), "hl7"), "date"), 16: P(parent.hl7name(), "person_name"),
                            17: "02^Parent", 18: P(fd(parent.dob, "hl7"), "date"), 36: parent.MEM()}), "\n{noformat}\n\n")
    doc.add("Billing system shows guarantor ", parent.N(), " at the old address: ", P(Person(rng).street, "street_address"), ".\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=3), ["GT1 is only processed on A04 by the billing interface spec. Raising with ",
                 ctx.vendor, " (case ", f"{rng.randint(10 ** 7, 10 ** 8)}", "). ", rep.H(), " meanwhile can PFS update manually?"], rng=rng)
    return doc


@tpl("jira_hl7", "jira_hl7_service_desk_result_missing")
def t_jh11(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    req, agent, ordp = ctx.staff(role="MT(ASCP)"), ctx.staff(), ctx.staff(role="MD")
    admit, disch, msg_t = _hl7_dates(rng)
    obs = admit + dt.timedelta(hours=rng.randint(2, 48))
    created = obs + dt.timedelta(hours=rng.randint(1, 4))
    key = ticket(rng, "ITSD")
    doc.f("«key»  Result did not cross to EHR\nRequest type: Interface / result not received\nRaised by: «req» («rem»)\n"
          "Request participants: «rp»\nStatus: Waiting for support\nSLA: Time to first response 1h (remaining 0:«m»)\n\n",
          key=key, req=req.N(), rem=req.EM(), rp=ordp.N(), m=f"{rng.randint(10, 59)}")
    doc.add("Hi team,\n\n", ordp.DR(), " is waiting on a troponin for ", p.TN(), " (", p.N(), ", DOB ", p.DOB(rng.choice(["us", "us1"])),
            ", MRN ", p.MRN(), "). It was verified in the LIS at ", f"{obs:%H:%M}", " but is not in the chart. The outbound "
            "message from the LIS log, trimmed to the relevant segments:\n\n")
    doc.add(pid_seg(rng, p, full=False), "\n",
            hl7_seg("OBR", {1: "1", 2: D(str(rng.randint(10 ** 7, 10 ** 8)), "other_id"), 4: "89579-7^Troponin I HS^LN",
                            7: P(fdt(obs, "hl7"), "date"), 25: "F"}), "\n",
            hl7_seg("OBX", {1: "1", 2: "NM", 3: "89579-7^Troponin I HS^LN", 5: str(rng.randint(3, 900)), 6: "ng/L", 7: "<35",
                            11: "F", 14: P(fdt(obs, "hl7"), "date")}), "\n\n")
    doc.add("Thanks,\n", req.N(), "\nCore Lab, ", ctx.FAC(), "\next. ", req.EXT(), "\n\n")
    jira_comment(doc, agent, created + dt.timedelta(minutes=rng.randint(10, 50)), ["Hi ", D(req.given, "person_name"),
                 ", the message was held because the encounter in PV1-19 was already discharged. Released to the ED encounter, "
                 "should be visible now."], rng=rng)
    return doc

# ===========================================================================
# PHI family: confluence_patient_table
# ===========================================================================

SPACES = ["Interface Team", "Clinical Informatics", "Revenue Cycle IT", "Patient Access", "EHR Go-Live 2026",
          "Data & Analytics", "Digital Front Door", "Care Management", "Lab Systems"]


def conf_head(doc, ctx, title, style=None):
    rng = ctx.rng
    author, editor = ctx.staff(), ctx.staff()
    edited = rdate(rng, dt.date(2026, 6, 1), dt.date(2026, 12, 5))
    space = rng.choice(SPACES)
    style = style or rng.choice(["breadcrumb", "md", "plain"])
    if style == "breadcrumb":
        doc.add(f"Pages / {space} / {rng.choice(['Go-lives', 'Runbooks', 'Working pages', 'Incidents', 'Projects'])}\n\n{title}\n\n"
                "Created by ", author.N(), ", last modified by ", editor.N(), f" on {MON[edited.month - 1]} {edited.day:02d}, {edited.year}\n\n")
    elif style == "md":
        doc.add(f"# {title}\n\n> Owner: ", author.AT(), f" · Space: {space} · Last updated {edited.isoformat()} by ", editor.AT(), "\n\n")
    else:
        doc.add(f"{title}\n{'=' * min(len(title), 60)}\nSpace: {space}    Page owner: ", author.N(), f"    Version {rng.randint(2, 40)}\n\n")
    return author, editor, edited


@tpl("confluence_patient_table", "confluence_wiki_uat_patients")
def t_ct1(rng):
    ctx, doc = Ctx(rng), Doc()
    title = f"{rng.choice(['Cardiology', 'Oncology', 'Ambulatory', 'ED', 'Pharmacy'])} go-live — dress rehearsal patients"
    conf_head(doc, ctx, title, "breadcrumb")
    doc.add("{warning}These rows were pulled from PROD for the dress rehearsal on ",
            f"{rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 1)):%m/%d}", ". Delete this page after cutover.{warning}\n\n")
    doc.add("h2. Scenario patients\n\n|| # || Patient || DOB || MRN || Home phone || Scenario || Tester ||\n")
    for i in range(rng.randint(4, 7)):
        p = ctx.patient()
        tester = ctx.staff()
        sc = rng.choice(["admit via ED, transfer to 4W", "outpatient echo + result routing", "chemo order set", "discharge with Rx to retail pharmacy",
                         "pre-admit testing", "newborn registration", "observation to inpatient"])
        doc.add(f"| {i + 1} | ", p.LF(), " | ", p.DOB(rng.choice(["us", "us1", "iso"])), " | ", p.MRN(), " | ",
                p.PH(rng.choice(["paren", "dash", "dot"])), f" | {sc} | ", tester.H(), " |\n")
    doc.add("\nh2. Notes\n* Use the training printers only.\n* Bridge for the rehearsal: ", f"+1 {rng.randint(201, 989)}-{rng.randint(201, 989)}-{rng.randint(1000, 9999)}",
            f", passcode {rng.randint(100000, 999999)}#\n")
    return doc


@tpl("confluence_patient_table", "confluence_markdown_incident_affected")
def t_ct2(rng):
    ctx, doc = Ctx(rng), Doc()
    inc = f"INC{rng.randint(10 ** 6, 10 ** 7)}"
    conf_head(doc, ctx, f"{inc} — results routed to wrong provider inbox (affected patients)", "md")
    lead = ctx.staff()
    doc.add("## Summary\nBetween ", f"{rng.randint(1, 28)} Nov", " and the fix deploy, results for the patients below went to the previous "
            "PCP's in-basket. Each has been reviewed by ", lead.DR(), ".\n\n## Affected patients\n\n"
            "| MRN | Patient | DOB | Result date | Test | Reviewed by |\n|---|---|---|---|---|---|\n")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient()
        rd = rdate(rng, dt.date(2026, 10, 15), dt.date(2026, 11, 30))
        rv = ctx.staff(role="MD")
        doc.add("| ", p.MRN(), " | ", p.N(), " | ", p.DOB("iso"), " | ", P(fd(rd, "iso"), "date"), " | ",
                rng.choice(["CMP", "CBC", "Lipid panel", "TSH", "HbA1c", "Urinalysis", "CT chest"]), " | ", rv.DR(), " |\n")
    doc.add("\n## Follow-up\n- [ ] Patient outreach letters (", ctx.staff().AT(), ")\n- [x] Routing rule fixed in ", ticket(rng, "CLIN"), "\n")
    return doc


@tpl("confluence_patient_table", "confluence_html_table_paste")
def t_ct3(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Patient Access — addresses failing USPS validation", "plain")
    doc.add("Pasted from the registration QA report (HTML view):\n\n<table class=\"confluenceTable\">\n<tbody>\n"
            "<tr><th class=\"confluenceTh\">Name</th><th class=\"confluenceTh\">MRN</th><th class=\"confluenceTh\">Address on file</th>"
            "<th class=\"confluenceTh\">ZIP</th><th class=\"confluenceTh\">Reason</th></tr>\n")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient()
        doc.add("<tr><td class=\"confluenceTd\">", p.LF(), "</td><td class=\"confluenceTd\">", p.MRN(),
                "</td><td class=\"confluenceTd\">", p.STREET(), "<br/>", p.CITY(), ", ", p.ST(),
                "</td><td class=\"confluenceTd\">", p.ZIP(rng.random() < 0.3), "</td><td class=\"confluenceTd\">",
                rng.choice(["secondary unit missing", "street suffix not recognised", "ZIP/city mismatch", "PO Box in street line"]), "</td></tr>\n")
    doc.add("</tbody>\n</table>\n\nOwner for cleanup: ", ctx.staff().N(), " (Patient Access). Target: end of sprint ", str(rng.randint(20, 26)), ".\n")
    return doc


@tpl("confluence_patient_table", "confluence_mrn_migration_recon")
def t_ct4(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Legacy → Enterprise MRN reconciliation (batch " + str(rng.randint(3, 19)) + ")", "breadcrumb")
    doc.add("Rows where the automated crosswalk did not find a single match. HIM to decide. SSN column shows last 4 only.\n\n"
            "|| Legacy MRN || Enterprise MRN || Name || DOB || SSN (last 4) || Sex || Status ||\n")
    for _ in range(rng.randint(4, 7)):
        p = ctx.patient()
        legacy = P(rng.choice(["L", "M", "OLD"]) + digits(rng, 7), "mrn")
        doc.add("| ", legacy, " | ", p.MRN(), " | ", P(p.last_first(True).upper(), "person_name"), " | ", p.DOB(rng.choice(["us", "dmon"])), " | ",
                D(p.ssn[-4:], "ssn"), f" | {p.sex} | ", rng.choice(["needs review", "confirmed", "split", "merge pending"]), " |\n")
    doc.add("\nCrosswalk job run id ", uuid(rng), ", ", str(rng.randint(100000, 900000)), " rows matched automatically.\n")
    return doc


@tpl("confluence_patient_table", "confluence_portal_lockouts")
def t_ct5(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Patient portal — lockout investigations (Q4)", rng.choice(["md", "plain"]))
    doc.add("Accounts escalated by the help desk after repeated lockouts. IPs from the WAF log at lockout time.\n\n"
            "| Patient | Portal login | Email | Source IP | Locked (UTC) | Ticket |\n|---|---|---|---|---|---|\n")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient(age=rng.randint(19, 86))
        login = ascii_fold(p.given[0] + p.family).lower().replace(" ", "").replace("'", "") + str(rng.randint(1, 999))
        lk = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 4)))
        doc.add("| ", p.N(), " | ", P(login, "other_id"), " | ", p.EM(), " | ", P(p.ip, "ip_address"), f" | {lk:%Y-%m-%d %H:%M} | ",
                ticket(rng, "PORTAL"), " |\n")
    doc.add("\nPattern: most lockouts come from password managers autofilling the old domain. WAF node ",
            server_ip(rng), " logs retained 30 days.\n")
    return doc


@tpl("confluence_patient_table", "confluence_rpm_enrollment")
def t_ct6(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Remote patient monitoring pilot — enrolled patients", "breadcrumb")
    nurse = ctx.staff(role="RN")
    doc.add("Pilot lead: ", nurse.N(), ", ", nurse.EM(), "\nDevices shipped from the vendor warehouse; serials scanned at kit assembly.\n\n"
            "|| Patient || DOB || Age || Device || Serial || Mobile || Shipping address || Enrolled ||\n")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient(age=rng.choice([rng.randint(60, 88), rng.randint(90, 97)]))
        dev = rng.choice(["BP cuff", "Scale", "Pulse ox", "Glucometer"])
        en = rdate(rng, dt.date(2026, 8, 1), dt.date(2026, 11, 30))
        doc.add("| ", p.N(), " | ", p.DOB("us"), " | ", p.AGE(), f" | {dev} | ", P(serial(rng), "device_id"), " | ", p.PH("dash", cell=True), " | ",
                p.ADDR1(), " | ", P(fd(en, "us"), "date"), " |\n")
    doc.add("\nBilling: CPT ", CPTC("99453"), " / ", CPTC("99454"), " monthly; see ", ticket(rng, "RCM"), ".\n")
    return doc


@tpl("confluence_patient_table", "confluence_excel_tab_paste")
def t_ct7(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Self-pay balances — outreach list " + f"{rng.choice(MONTHS)} 2026", "plain")
    doc.add("Copied from the PFS workbook (tab 'Outreach'):\n\n{code}\n")
    doc.add("Acct#\tPatient Name\tDOB\tDOS\tBalance\tPhone\tLast Stmt\n")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient(age=rng.randint(19, 95))
        dos = rdate(rng, dt.date(2026, 3, 1), dt.date(2026, 10, 30))
        doc.add(p.ACCT(), "\t", P(p.last_first().upper(), "person_name"), "\t", p.DOB("us1"), "\t", P(fd(dos, "us1"), "date"),
                f"\t${money(rng, 25, 4800)}\t", p.PH("paren"), "\t", D(fd(rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 30)), 'us1'), "date"), "\n")
    doc.add("{code}\n\nCall script: see [PFS:Self-pay outreach script]. Do not leave balance amounts on voicemail.\n")
    return doc


@tpl("confluence_patient_table", "confluence_care_coordination_meeting")
def t_ct8(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    conf_head(doc, ctx, f"{d.isoformat()} Complex care huddle", "breadcrumb")
    att = [ctx.staff() for _ in range(rng.randint(3, 5))]
    doc.add("h3. Attendees\n", join(", ", [a.AT() for a in att]), "\n\nh3. Patients reviewed\n"
            "|| Patient || Age || Problem || Plan || Owner ||\n")
    for _ in range(rng.randint(3, 5)):
        p = ctx.patient(old=rng.random() < 0.4)
        code, desc = dx1(rng, p)
        o = rng.choice(att)
        doc.add("| ", p.N(), " (", p.MRN(), ") | ", p.AGE(), " | ", CND(desc), " (", DXC(code), ") | ",
                rng.choice(["home health referral", "med rec with pharmacy", "palliative consult", "transport for dialysis",
                            "SNF placement", "caregiver training"]), " | ", o.H(), " |\n")
    doc.add("\nh3. Action items\n* ", att[0].AT(), " to send referral packets by Friday\n* Next huddle ",
            f"{(d + dt.timedelta(days=7)).isoformat()}", ", same bridge\n")
    return doc


@tpl("confluence_patient_table", "confluence_duplicate_merge_candidates")
def t_ct9(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "EMPI duplicate candidates — week " + str(rng.randint(30, 49)), rng.choice(["plain", "md"]))
    doc.add("Scores from the EMPI probabilistic match (threshold 0.87). HIM decision column filled by ", ctx.staff().N(), ".\n\n"
            "| Score | MRN A | MRN B | Name A | Name B | DOB | Address | Decision |\n|---|---|---|---|---|---|---|---|\n")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient()
        alt = p.family if rng.random() < 0.5 else p.family.upper()
        mrn_b = P(digits(rng, len(p.mrn) if p.mrn.isdigit() else 8), "mrn")
        doc.add(f"| {rng.uniform(0.87, 0.99):.2f} | ", p.MRN(), " | ", mrn_b, " | ", p.N(), " | ", P(f"{p.given[0]}. {alt}", "person_name"),
                " | ", p.DOB("iso"), " | ", p.STREET(False), ", ", p.ZIP(), " | ", rng.choice(["merge", "not a dup", "twins — keep", "pending"]), " |\n")
    return doc


@tpl("confluence_patient_table", "confluence_storage_format_xhtml")
def t_ct10(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("<!-- page source: ", rng.choice(SPACES), " / Interpreter services scheduling -->\n",
            "<ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\" ac:macro-id=\"", uuid(rng), "\">\n",
            "<ac:rich-text-body><p>Interpreter requests for next week. Owner: <ac:link><ri:user ri:account-id=\"", hexs(rng, 24),
            "\" /></ac:link></p></ac:rich-text-body>\n</ac:structured-macro>\n<table data-layout=\"default\">\n<colgroup><col /><col /><col /><col /><col /></colgroup>\n"
            "<tbody>\n<tr><th><p>Patient</p></th><th><p>Language</p></th><th><p>Appointment</p></th><th><p>Phone</p></th><th><p>Clinic</p></th></tr>\n")
    langs = {"mexican": "Spanish", "puerto_rican": "Spanish", "vietnamese": "Vietnamese", "arabic": "Arabic", "somali": "Somali",
             "haitian": "Haitian Creole", "russian": "Russian", "ukrainian": "Ukrainian", "mandarin": "Mandarin", "cantonese": "Cantonese",
             "brazilian": "Portuguese", "hmong": "Hmong", "korean": "Korean", "japanese": "Japanese", "amharic": "Amharic",
             "khmer": "Khmer", "persian": "Farsi", "polish": "Polish", "greek": "Greek", "thai": "Thai", "bengali": "Bengali"}
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient(culture=rng.choice(list(langs)))
        lang = langs[p.culture] if rng.random() < 0.9 else "ASL"
        appt = rtime(rng, rdate(rng, dt.date(2026, 12, 7), dt.date(2026, 12, 12)), 8, 16)
        nat = [" <span lang=\"\">", p.NAT(), "</span>"] if p.native else ""
        doc.add("<tr><td><p>", p.N(), nat, "</p></td><td><p>", lang, "</p></td><td><p>", P(fdt(appt, "usampm"), "date"),
                "</p></td><td><p>", p.PH("dash"), "</p></td><td><p>", ctx.FAC(), "</p></td></tr>\n")
    doc.add("</tbody>\n</table>\n")
    return doc


@tpl("confluence_patient_table", "confluence_denial_worklist")
def t_ct11(rng):
    ctx, doc = Ctx(rng), Doc()
    conf_head(doc, ctx, "Denials worklist — " + rng.choice(["CO-16 missing info", "CO-197 no auth", "CO-27 coverage terminated"]), "breadcrumb")
    doc.add("|| Claim # || Patient || Member ID || DOS || Billed || CARC || Owner ||\n")
    for _ in range(rng.randint(4, 7)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 31))
        doc.add("| ", P(f"{rng.choice(['', 'C', 'CLM'])}{digits(rng, 11)}", "other_id"), " | ", p.LF(), " | ", p.MEM(), " | ",
                P(fd(dos, rng.choice(["us", "us1"])), "date"), f" | ${money(rng, 90, 12000)} | ", rng.choice(["CO-16", "CO-197", "CO-27", "PR-1", "CO-50"]),
                " | ", ctx.staff().H(), " |\n")
    doc.add("\nPayers on this list: ", ", ".join(rng.sample([x[0] for x in PAYERS], 3)), ". Appeal templates in [RCM:Appeal letters].\n")
    return doc

# ===========================================================================
# PHI family: support_ticket
# ===========================================================================


def desk_head(doc, ctx, subject, requester, agent, opened, style=None):
    rng = ctx.rng
    style = style or rng.choice(["zendesk", "snow", "jsm", "fresh"])
    if style == "zendesk":
        doc.add(f"Ticket #{rng.randint(10000, 99999)}  {subject}\nRequester: ", requester.N(), " <", requester.EM(), ">\n"
                "Assignee: ", agent.N(), f"   Group: {rng.choice(['Service Desk Tier 1', 'Clinical Apps', 'Patient Portal Support', 'PFS Systems'])}\n"
                f"Priority: {rng.choice(['Normal', 'High', 'Urgent'])}   Channel: {rng.choice(['Web form', 'Email', 'Phone'])}\n"
                f"Created: {fdt(opened, 'usampm')}\n\n")
    elif style == "snow":
        doc.add(f"INC{rng.randint(10 ** 6, 10 ** 7)}\nCaller: ", requester.N(), f"\nCategory: {rng.choice(['Application', 'Clinical Systems', 'Access'])}"
                f" / {rng.choice(['Epic', 'Portal', 'Billing', 'Scheduling'])}\nAssignment group: {rng.choice(['EHR-Access', 'APP-Ambulatory', 'HD-Level1'])}\n"
                "Assigned to: ", agent.N(), f"\nOpened: {opened:%Y-%m-%d %H:%M:%S}\nShort description: {subject}\n\n")
    elif style == "jsm":
        doc.add(f"{ticket(rng, 'ITSD')} · {subject}\nReporter ", requester.N(), " · Assignee ", agent.N(),
                f" · Request type: {rng.choice(['Get IT help', 'Report a system problem', 'Patient portal issue'])}\nCreated {jira_dt(opened)}\n\n")
    else:
        doc.add(f"[#{rng.randint(1000, 99999)}] {subject}\nFrom: ", requester.N(), f" ({ctx.fac})\nTo: Support\nAgent: ", agent.N(),
                f"\nStatus: Open  |  Source: Portal  |  {opened:%a, %d %b %Y at %I:%M %p}\n\n")


@tpl("support_ticket", "support_front_desk_portal_prose")
def t_st1(rng):
    ctx, doc = Ctx(rng), Doc()
    fd_ = ctx.staff(role="")
    ag = ctx.staff()
    p = ctx.patient(age=rng.randint(22, 85), sex="F")
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)), 8, 17)
    desk_head(doc, ctx, "Patient can't get into MyChart after name change", fd_, ag, opened)
    doc.add("Hi, this is ", D(fd_.given, "person_name"), " at the front desk at ", ctx.FAC(), ". I have a patient here, ", p.N(),
            ", DOB ", p.DOB(rng.choice(["us", "us1", "us2"])), ". She recently got married and we updated her last name but now "
            "her portal login doesn't work and the activation code we print says expired. Her email on file is ", p.EM(),
            " and her cell is ", p.PH(rng.choice(PHONE_STYLES), cell=True), ". MRN is ", p.MRN(), ".\n\n"
            "Can you please reset it so she can get her results? She's waiting in the lobby.\n\nThanks!\n", fd_.N(), "\nFront Desk, ext ", fd_.EXT(), "\n\n")
    doc.add("--- Internal note (", ag.N(), f", {jira_dt(opened + dt.timedelta(minutes=rng.randint(5, 40)))}) ---\n"
            "Unlinked old proxy, regenerated activation code, sent to the email above. Username is still the old one; told front desk.\n")
    return doc


@tpl("support_ticket", "support_portal_lockout_form")
def t_st2(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(), ctx.staff()
    p = ctx.patient(age=rng.randint(19, 88))
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "Portal account locked — patient callback requested", req, ag, opened, "zendesk")
    doc.add("--- Web form ---\nPatient name: ", p.N(), "\nDate of birth: ", p.DOB(rng.choice(["us", "iso", "long"])),
            "\nMRN (if known): ", p.MRN(), "\nBest callback number: ", p.PH(rng.choice(PHONE_STYLES)), "\nEmail: ", p.EM(),
            "\nIssue: ", rng.choice(["Locked out after too many attempts", "Password reset email never arrives", "2FA code goes to old phone"]),
            "\n--- end form ---\n\n")
    doc.add("Agent notes:\nAuth log shows ", str(rng.randint(6, 15)), " failed logins from ", P(p.ip, "ip_address"), " between ",
            f"{opened - dt.timedelta(hours=2):%H:%M}", " and ", f"{opened:%H:%M}", ". Account id in the portal admin: ",
            P(f"https://portal.{ctx.dom}/admin/patients/{p.portal_id}/security", "url"), "\n"
            "Unlocked, forced password reset. Called patient at the number above, left voicemail on ",
            D(f"{opened + dt.timedelta(hours=1):%m/%d}", "date"), ".\n")
    return doc


@tpl("support_ticket", "support_billing_card_in_ticket")
def t_st3(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role=""), ctx.staff()
    p = ctx.patient(age=rng.randint(25, 80), sex="F")
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)), 8, 18)
    desk_head(doc, ctx, "Payment didn't post — patient charged twice?", req, ag, opened)
    c = card(rng)
    doc.add("Patient ", p.N(), " called the billing line on ", D(f"{opened:%m/%d/%Y}", "date"), " upset that her card was charged twice for "
            "the same statement. Guarantor account ", p.ACCT(), ". She read me the card so I could look it up in the gateway: ", P(c, "credit_card"),
            ", exp ", f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}", ". Amount $", money(rng, 30, 900), " on ",
            P(fd(rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 30)), "us"), "date"), ".\n\n"
            "Gateway shows one settled and one voided, but our system posted both. Can IT check the payment interface? "
            "She wants a call back at ", p.PH(rng.choice(PHONE_STYLES)), ".\n\n", req.N(), "\nPatient Financial Services\n\n")
    doc.add("[", ag.N(), "] Please don't put full card numbers in tickets — I've asked the admin to redact this field. The duplicate came from "
            "the lockbox retry job (", ticket(rng, "RCM"), ").\n")
    return doc


@tpl("support_ticket", "support_wrong_insurance_medicare")
def t_st4(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(), ctx.staff()
    p = ctx.patient(age=rng.choice([rng.randint(65, 88), rng.randint(90, 99)]))
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)), 7, 18)
    desk_head(doc, ctx, "Eligibility check keeps returning the old Advantage plan", req, ag, opened)
    doc.add("Patient: ", p.LF(), "\nDOB: ", p.DOB("us"), "\nAge: ", p.AGE(), "\nMRN: ", p.MRN(), "\n\n"
            "Patient switched from a Medicare Advantage plan back to Original Medicare on ",
            D("01/01/2026", "date"), ". The new red-white-and-blue card has MBI ", p.MBI(), ". Our 270/271 still comes back with the old plan "
            "member ID ", p.MEM(), " active, so the visit on ", P(fd(rdate(rng, dt.date(2026, 12, 8), dt.date(2026, 12, 30)), "long"), "date"),
            " is flagged as needing a referral.\n\nCould someone check whether the old coverage record needs to be terminated in the "
            "registration system? I can't edit it.\n\n", req.N(), ", Patient Access\n")
    doc.add("\nWork note: coverage ", D(str(rng.randint(10 ** 6, 10 ** 7)), "internal_id"), " termed eff ", D("12/31/2025", "date"),
            "; re-ran eligibility, clean 271 from CMS.\n")
    return doc


@tpl("support_ticket", "support_duplicate_chart")
def t_st5(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role="RN"), ctx.staff()
    p = ctx.patient(sex="F")
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "Two charts for same patient — allergies only on one", req, ag, opened, rng.choice(["snow", "jsm"]))
    other = P(digits(rng, 8), "mrn")
    doc.add("Description:\nPatient ", p.N(), " (", p.DOB("us1"), ") has two charts: ", p.MRN(), " and ", other, ". The second one was made in the ED "
            "when she came in by ambulance without ID (registered as ", P(rng.choice(["TRAUMA", "DOE", "UNKNOWN"]) + ", " + rng.choice(["ZULU", "ALPHA", "JANE", "JOHN"]), "person_name"),
            " then renamed). Her ", CND("penicillin allergy"), " is on the first chart only — this is a safety issue, please merge today.\n\n"
            "Home address on both: ", p.ADDR1(), ".\nPhone: ", p.PH(), "\n\n")
    doc.add("Work notes\n", f"{opened + dt.timedelta(minutes=30):%Y-%m-%d %H:%M:%S}", " - ", ag.N(), "\nRouted to HIM Data Integrity. ",
            ctx.staff().N(), " merging.\n")
    return doc


@tpl("support_ticket", "support_address_change_returned_mail")
def t_st6(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role=""), ctx.staff()
    p = ctx.patient()
    newp = Person(rng, culture=p.culture)
    ctx.people.append(newp)
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)), 8, 17)
    desk_head(doc, ctx, "Statements returned — address update not saving", req, ag, opened)
    doc.add("Mailroom returned three statements for ", p.N(), " (acct ", p.ACCT(), ", MRN ", p.MRN(), ").\n\n"
            "Old address:\n", p.ADDR2(), "\n\nNew address patient gave by phone:\n", newp.STREET(), "\n", newp.CITY(), ", ", newp.ST(), " ", newp.ZIP(True),
            "\n(identity verified with driver's license ", P(p.dl, "license_number"), ")\n\nWhen I save the new address in registration it reverts the next morning. I think the HIE feed is overwriting it?\n\nThanks,\n",
            req.N(), "\n")
    doc.add("\n", ag.N(), " replied:\nYes — the nightly HIE demographic sync has precedence. Added a hold flag on the patient; "
            "change will stick now. Opened ", ticket(rng, "HIE"), " to fix precedence.\n")
    return doc


@tpl("support_ticket", "support_records_request_daughter")
def t_st7(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role=""), ctx.staff()
    p = ctx.patient(old=rng.random() < 0.5)
    dau = ctx.relative(p, sex="F", age=rng.randint(40, 68))
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)), 8, 17)
    desk_head(doc, ctx, "ROI request — send records to daughter (POA)", req, ag, opened, "fresh")
    doc.add(dau.N(), " called on behalf of her ", "father" if p.sex == "M" else "mother", ", ", p.N(), " (", p.AGE(), " years old, DOB ",
            p.DOB("long"), "). She has healthcare power of attorney (scanned ", D(f"{opened - dt.timedelta(days=rng.randint(3, 40)):%m/%d/%Y}", "date"),
            "). She wants the records from the admission ", P(fd(rdate(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 1)), "us"), "date"),
            " emailed to ", dau.EM(), ".\n\nHer phone: ", dau.PH(rng.choice(PHONE_STYLES)), "\nPatient SSN (for the ROI system): ", p.SSN(),
            "\n\nThe ROI tool won't let me add a non-patient email. Can you help?\n", req.N(), ", HIM\n")
    return doc


@tpl("support_ticket", "support_rpm_device_not_syncing")
def t_st8(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role="RN"), ctx.staff()
    p = ctx.patient(age=rng.randint(55, 97), sex="F")
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "RPM blood pressure cuff not sending readings", req, ag, opened)
    sn = serial(rng, rng.choice(["BPM", "A&D", "RPM"]))
    doc.add("Hi team,\nOur RPM patient ", p.TN(), " (", p.N(), ", MRN ", p.MRN(), ") has had no readings since ",
            P(fd(opened.date() - dt.timedelta(days=rng.randint(3, 12)), "mon"), "date"), ". Cuff serial ", P(sn, "device_id"),
            ", cellular hub IMEI ", P(digits(rng, 15), "device_id"), ". Patient says the light is green. ",
            "Called her at ", p.PH("dash"), ", she is at home (", p.ADDR1(), ").\n\nVendor dashboard link: ",
            P(f"https://rpm.{ctx.vdom}/clinic/{ctx.fac_short.lower()}/patients/{p.portal_id}", "url"), "\n\nThanks,\n", req.NC(), "\n\n")
    doc.add(ag.N(), ": Vendor says the hub's SIM was deactivated in a carrier batch. Replacement hub shipped, tracking ",
            f"1Z{hexs(rng, 16).upper()}", ".\n")
    return doc


@tpl("support_ticket", "support_sms_reminders_missing")
def t_st9(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role=""), ctx.staff()
    p = ctx.patient(age=rng.randint(19, 80), sex="F")
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "Patient not getting appointment text reminders", req, ag, opened)
    appt = rtime(rng, opened.date() + dt.timedelta(days=rng.randint(2, 20)), 8, 16)
    doc.add(p.N(), " says she never gets text reminders and missed her last visit. Mobile on file ", p.PH("paren", cell=True),
            " — she confirms it's right. Next appointment ", P(fdt(appt, "usampm"), "date"), " with ", ctx.staff(role="MD").DR(), ".\n\n")
    doc.add("Messaging log (copied from the reminder vendor portal):\n```\n")
    t0 = appt - dt.timedelta(days=2)
    for i in range(3):
        t = t0 + dt.timedelta(hours=i * rng.randint(1, 20), minutes=rng.randint(0, 59))
        doc.add(f"{t:%Y-%m-%dT%H:%M:%SZ}  to=", P(fmt_phone(p.cell, "e164"), "phone"), f"  status={rng.choice(['undelivered', 'failed', 'blocked'])}"
                f"  err={rng.choice(['30007', '30003', '21610'])}  sid=SM{hexs(rng, 32)}\n")
    doc.add("```\nError 21610 = recipient replied STOP. Patient says she didn't. ", ag.AT(), " can we re-opt-in?\n")
    return doc


@tpl("support_ticket", "support_servicenow_incident_worknotes")
def t_st10(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role="RN"), ctx.staff()
    p = ctx.patient()
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "Wristband printer printing wrong patient", req, ag, opened, "snow")
    wrong = ctx.patient()
    doc.add("Description:\nIn ", rng.choice(["L&D triage", "ED registration", "Same-day surgery", "Pediatrics"]), " the wristband for ", p.N(),
            " (MRN ", p.MRN(), ") printed with the name ", wrong.LF(), " and DOB ", wrong.DOB("us"), " — a patient from ",
            rng.choice(["yesterday", "the previous shift", "last week"]), ". Caught before it was put on. Printer ", f"ZD{rng.randint(400, 700)}-",
            f"{rng.randint(1000, 9999)}", " at ", server_ip(rng), ".\n\nWork notes:\n")
    t = opened
    for who, txt in [(ag, "Print spool shows job resubmitted from a stale queue entry. Clearing queue."),
                     (ctx.staff(), "Firmware on this model retains last job on power loss; vendor bulletin applies."),
                     (ag, "Cleared, test print OK. Monitoring 48h.")]:
        t += dt.timedelta(minutes=rng.randint(10, 120))
        doc.add(f"{t:%Y-%m-%d %H:%M:%S} - ", who.N(), " (Work notes)\n", txt, "\n\n")
    return doc


@tpl("support_ticket", "support_pharmacy_refill_eprescribe")
def t_st11(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag, md = ctx.staff(role="CMA"), ctx.staff(), ctx.staff(role="MD")
    p = ctx.patient(age=rng.randint(30, 89))
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "eRx refill rejected by pharmacy — 'patient not found'", req, ag, opened)
    m = rng.choice(MEDS)
    doc.add("Refill for ", MED(m), " for ", p.N(), " (DOB ", p.DOB("us"), ") was sent by ", md.DR(), " and rejected. Pharmacy says the patient "
            "address and ZIP don't match their profile. Ours: ", p.ADDR1(), ". Pharmacy has an older ZIP. Patient phone ",
            p.PH("dot"), ". Rx # at pharmacy: ", P(str(rng.randint(10 ** 6, 10 ** 7)), "other_id"), ", NDC ", D(rng.choice(NDC), "drug_code"), ".\n\n"
            "Surescripts message id ", uuid(rng), " — error code ", rng.choice(["900", "602", "140"]), ".\n\n")
    doc.add("Resolution (", ag.N(), "): pharmacy updated their profile; resent. No interface change needed.\n")
    return doc


@tpl("support_ticket", "support_elderly_patient_caregiver_call")
def t_st12(rng):
    ctx, doc = Ctx(rng), Doc()
    req, ag = ctx.staff(role=""), ctx.staff()
    p = ctx.patient(old=True)
    son = ctx.relative(p, sex="M", age=rng.randint(55, 72))
    opened = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    desk_head(doc, ctx, "Caregiver unable to see proxy access", req, ag, opened)
    doc.add("Call summary: ", son.N(), " (son) called. His ", "father" if p.sex == "M" else "mother", " ", p.N(), " is ", p.AGE(), " and lives with him at ", p.STREET(), ", ",
            p.CITY(), ". He was granted proxy access last month but the portal only shows his own chart. His login email ", son.EM(),
            ", phone ", son.PH("paren", cell=True), ". Patient DOB ", p.DOB(rng.choice(["dmon", "us", "long"])), ", MRN ", p.MRN(), ".\n\n")
    doc.add("Checked proxy table: relationship record exists but status = PENDING_SIGNATURE. The signed form is in media tab dated ",
            D(f"{opened - dt.timedelta(days=rng.randint(10, 30)):%m/%d/%Y}", "date"), ". Activated manually. Called ", son.G(), " back to confirm; written reply sent from ", D(f"portalsupport@{ctx.dom}", "staff_contact"), ".\n")
    return doc

# ===========================================================================
# PHI family: bitbucket_fhir_diff
# ===========================================================================

def _esc(s, style):
    s = s.replace("\\", "\\\\")
    return s.replace("'", "\\'") if style == "ts" else s.replace('"', '\\"')


def _scalar(v, style):
    q = "'" if style == "ts" else '"'
    if isinstance(v, S):
        return [q, S(_esc(v.text, style), v.label, v.kind), q]
    if isinstance(v, bool):
        return ["True" if v else "False"] if style == "py" else ["true" if v else "false"]
    if v is None:
        return ["None" if style == "py" else "null"]
    if isinstance(v, (int, float)):
        return [str(v)]
    if isinstance(v, Raw):
        return [v.s]
    return [q + _esc(str(v), style) + q]


class Raw:
    def __init__(self, s):
        self.s = s


def _key(k, style):
    if style == "ts" and re.fullmatch(r"[A-Za-z_]\w*", k):
        return k
    return '"' + k + '"'


def emit(v, style="json", ind=0, step=2):
    if isinstance(v, dict):
        if not v:
            return ["{}"]
        out = ["{\n"]
        items = list(v.items())
        for i, (k, val) in enumerate(items):
            out.append(" " * (ind + step) + _key(k, style) + ": ")
            out += emit(val, style, ind + step, step)
            out.append(("," if (i < len(items) - 1 or style in ("ts", "py")) else "") + "\n")
        out.append(" " * ind + "}")
        return out
    if isinstance(v, list):
        if not v:
            return ["[]"]
        if all(not isinstance(x, (dict, list)) for x in v) and len(v) <= 3:
            out = ["["]
            for i, x in enumerate(v):
                if i:
                    out.append(", ")
                out += _scalar(x, style)
            out.append("]")
            return out
        out = ["[\n"]
        for i, x in enumerate(v):
            out.append(" " * (ind + step))
            out += emit(x, style, ind + step, step)
            out.append(("," if (i < len(v) - 1 or style in ("ts", "py")) else "") + "\n")
        out.append(" " * ind + "]")
        return out
    return _scalar(v, style)


def split_lines(pieces):
    """piece list -> list of lines (each a piece list, without the newline)"""
    lines, cur = [], []
    for p in seq(pieces):
        if isinstance(p, S):
            assert "\n" not in p.text
            cur.append(p)
            continue
        parts = p.split("\n")
        for j, part in enumerate(parts):
            if j:
                lines.append(cur)
                cur = []
            if part:
                cur.append(part)
    if cur:
        lines.append(cur)
    return lines


def diff_new(rng, path, pieces):
    lines = split_lines(pieces)
    out = [f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{hexs(rng, 7)}\n--- /dev/null\n+++ b/{path}\n"
           f"@@ -0,0 +1,{len(lines)} @@\n"]
    for ln in lines:
        out += ["+"] + ln + ["\n"]
    return out


def diff_mod(rng, path, old_pieces, new_pieces, ctx_name=""):
    import difflib
    a, b = split_lines(old_pieces), split_lines(new_pieces)
    at, bt = [ptext(x) for x in a], [ptext(x) for x in b]
    sm = difflib.SequenceMatcher(a=at, b=bt, autojunk=False)
    start = rng.randint(1, 40)
    body = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for ln in a[i1:i2]:
                body += [" "] + ln + ["\n"]
        else:
            for ln in a[i1:i2]:
                body += ["-"] + ln + ["\n"]
            for ln in b[j1:j2]:
                body += ["+"] + ln + ["\n"]
    return [f"diff --git a/{path} b/{path}\nindex {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n--- a/{path}\n+++ b/{path}\n"
            f"@@ -{start},{len(a)} +{start},{len(b)} @@{(' ' + ctx_name) if ctx_name else ''}\n"] + body


def fhir_patient(rng, p, rid=None, ssn_=True, extra_tel=True):
    ident = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
              "system": f"urn:oid:2.16.840.1.113883.3.{rng.randint(1000, 9999)}.1", "value": p.MRN()}]
    if ssn_:
        ident.append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": p.SSN()})
    name = {"use": "official", "family": p.F(), "given": [p.G()] + ([P(p.mi, "person_name")] if p.mi and rng.random() < 0.5 else [])}
    tel = [{"system": "phone", "value": p.PH(rng.choice(["paren", "dash"])), "use": "home"}]
    if extra_tel:
        tel.append({"system": "email", "value": p.EM()})
    addr = {"use": "home", "line": [P(p.street, "street_address")] + ([P(p.unit, "street_address")] if p.unit else []),
            "city": p.CITY(), "state": p.ST(), "postalCode": p.ZIP(), "country": "US"}
    return {"resourceType": "Patient", "id": D(rid or f"pat-{rng.randint(1000, 99999)}", "internal_id"),
            "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
            "identifier": ident, "active": True, "name": [name], "telecom": tel,
            "gender": "female" if p.sex == "F" else "male", "birthDate": p.DOB("iso"), "address": [addr]}


def pr_head(doc, ctx, title, files_note=None):
    rng = ctx.rng
    author, r1, r2 = ctx.staff(), ctx.staff(), ctx.staff()
    n = rng.randint(40, 1900)
    br = f"feature/{ticket(rng)}-{rng.choice(['fixtures', 'fhir-tests', 'seed-data', 'integration-tests'])}"
    doc.add(f"Pull request #{n}: {title}\n{rng.choice(['OPEN', 'OPEN', 'NEEDS WORK', 'MERGED'])} · ", author.N(), f" wants to merge {br} into "
            f"{rng.choice(['develop', 'main', 'release/2026.12'])}\nReviewers: ", r1.N(), ", ", r2.N(), f"\nBuild #{rng.randint(100, 9999)} passed · "
            f"{rng.randint(1, 6)} files changed\n\n")
    return author, r1, r2


def repo_path(rng, kind, p=None):
    base = rng.choice(["src/test/resources/fhir", "tests/fixtures/fhir", "fhir-server/src/test/resources/data", "test/data/r4"])
    tail = f"{kind}-{rng.randint(1, 40):03d}.json"
    return base + "/" + tail


@tpl("bitbucket_fhir_diff", "bitbucket_patient_fixture_added")
def t_bf1(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Add US Core patient fixtures for demographics sync tests")
    path = repo_path(rng, "patient")
    doc.add(diff_new(rng, path, emit(fhir_patient(rng, p)) + ["\n"]))
    doc.add("\n", r1.N(), f" commented on {path} line {rng.randint(8, 20)}\n  Where does this fixture come from? The MRN format looks like ours.\n",
            author.N(), " replied\n  Copied from a TEST environment export. I'll swap it for a Synthea one before merge.\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_patient_fixture_modified")
def t_bf2(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Update patient fixture after address normalisation change")
    rid = f"{rng.randint(10 ** 5, 10 ** 6)}"
    old = fhir_patient(random.Random(rng.random()), p, rid=rid, ssn_=False)
    moved = Person(random.Random(rng.random()))
    p2_street, p2_unit, p2_city, p2_zip, p2_phone = moved.street, moved.unit, moved.city, moved.zip, moved.phone
    new = dict(old)
    new["telecom"] = [{"system": "phone", "value": P(fmt_phone(p2_phone, "dash"), "phone"), "use": "mobile"}, old["telecom"][1]]
    new["address"] = [{"use": "home", "line": [P(p2_street, "street_address")] + ([P(p2_unit, "street_address")] if p2_unit else []),
                       "city": P(p2_city, "street_address"), "state": D(moved.state, "state"), "postalCode": P(p2_zip, "zip_code"), "country": "US"},
                      dict(old["address"][0], use="old")]
    path = repo_path(rng, "patient")
    doc.add(diff_mod(rng, path, emit(old) + ["\n"], emit(new) + ["\n"]))
    doc.add("\n", r2.N(), " approved\n", r1.N(), ": LGTM, but please also update the expected output in `AddressNormalizerIT`.\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_encounter_fixture")
def t_bf3(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    att = ctx.staff(role="MD")
    author, r1, r2 = pr_head(doc, ctx, "Encounter fixtures for 30-day readmission job")
    for k in range(rng.randint(1, 2)):
        st = rtime(rng, rdate(rng, dt.date(2026, 5, 1), dt.date(2026, 11, 20)))
        en = st + dt.timedelta(days=rng.randint(1, 8), hours=rng.randint(0, 10))
        enc = {"resourceType": "Encounter", "id": D(f"enc-{rng.randint(1000, 99999)}", "internal_id"), "status": "finished",
               "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP", "display": "inpatient encounter"},
               "identifier": [{"system": f"https://{ctx.dom}/fhir/sid/visit", "value": p.VISIT()}],
               "subject": {"reference": D(f"Patient/{rng.randint(1000, 99999)}", "internal_id"), "display": p.N()},
               "participant": [{"individual": {"display": S(f"{att.full()}, MD", "dont_care", "person_name")}}],
               "period": {"start": P(fdt(st, "isoz"), "date"), "end": P(fdt(en, "isoz"), "date")},
               "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": DXC((c := dx1(rng, p))[0]), "display": CND(c[1])}]}],
               "serviceProvider": {"display": ctx.FAC()}}
        doc.add(diff_new(rng, repo_path(rng, "encounter"), emit(enc) + ["\n"]), "\n")
    doc.add(r1.N(), " commented\n  subject.display isn't needed for the job — can we drop names from fixtures entirely?\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_observation_vitals")
def t_bf4(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Vitals observations for the early-warning score tests")
    t = rtime(rng, rdate(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 30)))
    pid = f"{rng.randint(10 ** 4, 10 ** 6)}"
    entries = []
    for code, disp, unit, lo, hi in rng.sample([("8867-4", "Heart rate", "/min", 48, 130), ("9279-1", "Respiratory rate", "/min", 10, 32),
                                                ("8310-5", "Body temperature", "Cel", 35, 40), ("59408-5", "Oxygen saturation", "%", 84, 100),
                                                ("8480-6", "Systolic blood pressure", "mm[Hg]", 88, 190)], 3):
        entries.append({"resource": {"resourceType": "Observation", "id": D(uuid(rng), "internal_id"), "status": "final",
                                     "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                                     "code": {"coding": [{"system": "http://loinc.org", "code": code, "display": disp}]},
                                     "subject": {"reference": D(f"Patient/{pid}", "internal_id"), "display": p.N()},
                                     "effectiveDateTime": P(fdt(t, "isoz"), "date"),
                                     "valueQuantity": {"value": round(rng.uniform(lo, hi), 1), "unit": unit, "system": "http://unitsofmeasure.org"}}})
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
    doc.add(diff_new(rng, repo_path(rng, "vitals-bundle"), emit(bundle) + ["\n"]))
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_coverage_fixture")
def t_bf5(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.choice([rng.randint(30, 64), rng.randint(66, 95)]))
    author, r1, r2 = pr_head(doc, ctx, "Coverage + eligibility fixtures for the 270/271 adapter")
    medicare = p.age >= 65
    cov = {"resourceType": "Coverage", "id": D(f"cov-{rng.randint(100, 9999)}", "internal_id"), "status": "active",
           "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "MCPOL" if medicare else "HIP"}]},
           "subscriberId": p.MBI() if medicare else p.MEM(),
           "beneficiary": {"reference": D(f"Patient/{rng.randint(1000, 99999)}", "internal_id"), "display": p.N()},
           "relationship": {"coding": [{"code": "self"}]},
           "period": {"start": D(f"2026-{rng.randint(1, 6):02d}-01", "date"), "end": D("2026-12-31", "date")},
           "payor": [{"display": "Medicare Part B" if medicare else p.payer}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": D(p.group, "other_id")}]}
    path = repo_path(rng, "coverage")
    doc.add(diff_new(rng, path, emit(cov) + ["\n"]))
    doc.add("\n", r2.N(), " commented on line 7\n  Is that a real ", "MBI" if medicare else "member id",
            "? The validator test should use the CMS example value instead.\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_transaction_bundle")
def t_bf6(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Transaction bundle used by the HIE onboarding smoke test")
    pu = f"urn:uuid:{uuid(rng)}"
    c = dx1(rng, p)
    onset = rdate(rng, dt.date(2019, 1, 1), dt.date(2026, 10, 1))
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [
        {"fullUrl": pu, "resource": fhir_patient(rng, p, ssn_=rng.random() < 0.5, extra_tel=rng.random() < 0.6),
         "request": {"method": "POST", "url": "Patient"}},
        {"fullUrl": f"urn:uuid:{uuid(rng)}", "resource": {"resourceType": "Condition",
                                                             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": DXC(c[0]), "display": CND(c[1])}]},
                                                             "subject": {"reference": pu}, "onsetDateTime": P(fd(onset, "iso"), "date")},
         "request": {"method": "POST", "url": "Condition"}}]}
    doc.add(diff_new(rng, rng.choice(["smoke/bundles/", "onboarding/fixtures/"]) + f"hie-onboarding-{rng.randint(1, 9)}.json", emit(bundle) + ["\n"]))
    doc.add("\nBuild log excerpt:\n", f"[INFO] POST https://fhir-test.{ctx.dom}/r4 -> 200 OK ({rng.randint(120, 900)} ms)\n",
            f"[INFO] Bundle response: 2 entries, 201 Created, Location Patient/{rng.randint(1000, 99999)}/_history/1\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_typescript_mock")
def t_bf7(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Patient banner component: add mock data for Storybook")
    pat = fhir_patient(rng, p, ssn_=False)
    path = f"apps/portal-web/src/components/PatientBanner/__mocks__/patient.{rng.choice(['ts', 'mock.ts'])}"
    body = ["import type { Patient } from 'fhir/r4';\n\n", "export const mockPatient: Patient = "] + emit(pat, "ts") + [";\n\n",
            "export const mockAllergies = ['", CND(rng.choice(["Penicillins", "Sulfa drugs", "Peanut", "Latex"])), "'];\n"]
    doc.add(diff_new(rng, path, body))
    doc.add("\n", r1.N(), " commented\n  Storybook is published to the public design site. Please use a made-up patient (see ",
            ticket(rng, "SEC"), ").\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_pytest_fixture")
def t_bf8(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Tests for the FHIR → HL7 ADT mapper")
    pat = fhir_patient(rng, p, ssn_=rng.random() < 0.5)
    old = ["import pytest\n\nfrom mapper.adt import patient_to_pid\n\n\n"]
    new = old + ["@pytest.fixture\ndef patient():\n    return "] + emit(pat, "py", 4, 4) + ["\n\n\n",
                 "def test_pid5_name(patient):\n    pid = patient_to_pid(patient)\n    assert pid[5] == \"", P(p.hl7name(), "person_name"), "\"\n\n\n",
                 "def test_pid7_birth_date(patient):\n    assert patient_to_pid(patient)[7] == \"", p.DOB("hl7"), "\"\n"]
    doc.add(diff_mod(rng, "tests/test_adt_mapper.py", old, new))
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_pr_review_real_patient")
def t_bf9(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(old=rng.random() < 0.3)
    author, r1, r2 = pr_head(doc, ctx, "Reproduce INC with production payload (Observation parsing)")
    t = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 3)))
    obs = {"resourceType": "Observation", "id": D(f"{rng.randint(10 ** 7, 10 ** 8)}", "internal_id"), "status": "final",
           "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c/Hemoglobin.total in Blood"}]},
           "subject": {"reference": D(f"Patient/{rng.randint(10 ** 6, 10 ** 7)}", "internal_id"), "display": P(p.last_first(), "person_name"),
                       "identifier": {"system": "urn:mrn", "value": p.MRN()}},
           "effectiveDateTime": P(fdt(t, "isoz"), "date"), "issued": D(fdt(t + dt.timedelta(hours=3), "isoz"), "date"),
           "valueQuantity": {"value": round(rng.uniform(5.2, 11.9), 1), "unit": "%"},
           "note": [{"text": "fasting specimen"}]}
    path = "src/test/resources/regression/" + f"inc{rng.randint(10 ** 5, 10 ** 6)}-observation.json"
    doc.add(diff_new(rng, path, emit(obs) + ["\n"]))
    doc.add("\nActivity\n", r1.N(), f" requested changes · {jira_dt(t + dt.timedelta(days=1))}\n"
            "  This is a real patient's result from PROD (name + MRN in subject). We can't commit this, even to a private repo. "
            "Please rebuild the payload with a fake subject — the parsing bug is in valueQuantity anyway.\n",
            author.N(), " · ", jira_dt(t + dt.timedelta(days=1, hours=1)), "\n  Sorry — will force-push a scrubbed version and ask ",
            ctx.staff().AT(), " to purge the branch from the mirror.\n")
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_java_hapi_builder")
def t_bf10(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    author, r1, r2 = pr_head(doc, ctx, "Integration test for PatientMatchService using HAPI builders")
    old = ["package org.example.empi;\n\nimport org.hl7.fhir.r4.model.*;\nimport org.junit.jupiter.api.Test;\n\n",
           "class PatientMatchServiceIT {\n"]
    new = old + ["\n    private static Patient incoming() {\n        Patient p = new Patient();\n",
                 "        p.addIdentifier().setSystem(\"urn:mrn\").setValue(\"", p.MRN(), "\");\n",
                 "        p.addName().setFamily(\"", p.F(), "\").addGiven(\"", p.G(), "\");\n",
                 "        p.setBirthDateElement(new DateType(\"", p.DOB("iso"), "\"));\n",
                 "        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(\"", p.PH("dash"), "\");\n",
                 "        p.addAddress().addLine(\"", P(p.street, "street_address"), "\").setCity(\"", p.CITY(), "\").setPostalCode(\"", p.ZIP(), "\");\n",
                 "        return p;\n    }\n\n    @Test\n    void matchesExistingOnMrnAndDob() {\n",
                 "        var result = service.match(incoming());\n        assertThat(result.getScore()).isGreaterThan(0.9);\n    }\n"]
    doc.add(diff_mod(rng, "empi-service/src/test/java/org/example/empi/PatientMatchServiceIT.java", old, new, "class PatientMatchServiceIT {"))
    return doc


@tpl("bitbucket_fhir_diff", "bitbucket_yaml_seed_loader")
def t_bf11(rng):
    ctx, doc = Ctx(rng), Doc()
    author, r1, r2 = pr_head(doc, ctx, "Seed data for the local FHIR server (docker-compose)")
    body = ["# loaded by tools/seed_fhir.py on `make dev-up`\npatients:\n"]
    for _ in range(rng.randint(2, 3)):
        p = ctx.patient()
        body += ["  - mrn: \"", p.MRN(), "\"\n    family: ", p.F(), "\n    given: [", p.G(), "]\n    birthDate: ", p.DOB("iso"),
                 "\n    gender: ", "female" if p.sex == "F" else "male", "\n    phone: \"", p.PH("dash"), "\"\n    address:\n      line: \"",
                 p.STREET(), "\"\n      city: ", p.CITY(), "\n      state: ", p.ST(), "\n      postalCode: \"", p.ZIP(), "\"\n"]
    doc.add(diff_new(rng, "dev/seed/patients.yaml", body))
    doc.add("\n", r2.N(), " commented\n  These look like real people — where did the list come from? Dev seeds must be Synthea.\n")
    return doc

# ===========================================================================
# PHI family: sql_seed
# ===========================================================================

def sq(piece, n=False):
    """SQL string literal around a piece (span or text), quotes doubled."""
    if isinstance(piece, S):
        return [("N'" if n else "'"), S(piece.text.replace("'", "''"), piece.label, piece.kind), "'"]
    return [("N'" if n else "'") + str(piece).replace("'", "''") + "'"]


def sql_row(vals, n=False, sep=", "):
    out = ["("]
    for i, v in enumerate(vals):
        if i:
            out.append(sep)
        if isinstance(v, Raw):
            out.append(v.s)
        elif isinstance(v, list):
            out += seq(v)
        elif isinstance(v, (int, float)):
            out.append(str(v))
        elif v is None:
            out.append("NULL")
        else:
            out += sq(v, n)
    out.append(")")
    return out


def _sql_header(doc, rng, ctx, fname, dialect):
    author = ctx.staff()
    if dialect == "pg":
        doc.add(f"-- {fname}\n-- Seed data for local / QA environments. Author: ", author.N(), f"  ({ticket(rng, 'DATA')})\n"
                "SET client_encoding = 'UTF8';\nBEGIN;\n\n")
    elif dialect == "mysql":
        doc.add(f"-- MySQL dump 10.13  Distrib 8.0.{rng.randint(30, 40)}, for Linux (x86_64)\n--\n-- Host: {server_ip(rng)}    "
                f"Database: {rng.choice(['ehr_stage', 'clinic_app', 'portal', 'rcm'])}\n-- ------------------------------------------------------\n"
                "-- Server version\t8.0.", str(rng.randint(30, 40)), "\n\n/*!40101 SET NAMES utf8mb4 */;\n\n")
    else:
        doc.add(f"/* {fname}\n   Requested by ", author.N(), f" for UAT refresh, {ticket(rng, 'DATA')} */\nUSE [{rng.choice(['ClinicalStage', 'EDW_Dev', 'RevCycleQA'])}];\nGO\n\n")
    return author


@tpl("sql_seed", "sql_postgres_patients_multirow")
def t_sq1(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "db/seed/010_patients.sql", "pg")
    doc.add("INSERT INTO patient (id, mrn, first_name, last_name, date_of_birth, sex, ssn, phone, email, address_line1, city, state, postal_code)\nVALUES\n")
    n = rng.randint(3, 6)
    for i in range(n):
        p = ctx.patient()
        doc.add("  ", sql_row([Raw(str(1000 + i)), p.MRN(), p.G(), p.F(), p.DOB("iso"), p.sex, p.SSN(), p.PH("dash"), p.EM(),
                               p.STREET(), p.CITY(), p.ST(), p.ZIP()]), ",\n" if i < n - 1 else "\n")
    doc.add("ON CONFLICT (mrn) DO NOTHING;\n\nSELECT setval('patient_id_seq', ", str(1000 + n), ");\nCOMMIT;\n")
    return doc


@tpl("sql_seed", "sql_mysql_dump_patient")
def t_sq2(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "", "mysql")
    doc.add("--\n-- Dumping data for table `patient`\n--\n\nLOCK TABLES `patient` WRITE;\n/*!40000 ALTER TABLE `patient` DISABLE KEYS */;\n"
            "INSERT INTO `patient` VALUES ")
    n = rng.randint(2, 5)
    for i in range(n):
        p = ctx.patient()
        created = rtime(rng, rdate(rng, dt.date(2024, 1, 1), dt.date(2026, 11, 1)))
        doc.add(sql_row([Raw(str(rng.randint(1, 90000))), p.MRN(), p.LF(), p.DOB("iso"), p.PH("plain"), p.EM(), p.STREET(False),
                         p.UNIT() if p.unit else None, p.CITY(), p.ST(), p.ZIP(), f"{created:%Y-%m-%d %H:%M:%S}"], sep=","), "," if i < n - 1 else ";\n")
    doc.add("/*!40000 ALTER TABLE `patient` ENABLE KEYS */;\nUNLOCK TABLES;\n\n-- Dump completed on ", f"{rtime(rng, TODAY):%Y-%m-%d %H:%M:%S}", "\n")
    return doc


@tpl("sql_seed", "sql_tsql_identity_insert")
def t_sq3(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "uat_refresh_patients.sql", "mssql")
    doc.add("SET IDENTITY_INSERT [dbo].[Patient] ON;\nGO\n\n")
    for _ in range(rng.randint(2, 4)):
        p = ctx.patient()
        pk = rng.randint(200000, 999999)
        doc.add("INSERT INTO [dbo].[Patient] ([PatientKey], [MedicalRecordNumber], [LastName], [FirstName], [MiddleInitial], [BirthDate], "
                "[SSN], [HomePhone], [AddressLine1], [City], [StateCode], [Zip])\nVALUES ",
                sql_row([Raw(str(pk)), p.MRN(), p.F(), p.G(), P(p.mi, "person_name") if p.mi else "", p.DOB("iso"),
                         p.SSN("plain"), p.PH("paren"), p.STREET(), p.CITY(), p.ST(), p.ZIP(rng.random() < 0.3)], n=True), ";\n")
    doc.add("GO\nSET IDENTITY_INSERT [dbo].[Patient] OFF;\nGO\n")
    return doc


@tpl("sql_seed", "sql_encounters_fk")
def t_sq4(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "db/seed/030_encounters.sql", "pg")
    doc.add("-- patient ids refer to 010_patients.sql\nINSERT INTO encounter (id, patient_id, visit_number, admit_ts, discharge_ts, unit, attending_npi, primary_dx)\nVALUES\n")
    n = rng.randint(3, 6)
    for i in range(n):
        p = ctx.patient()
        att = ctx.staff(role="MD")
        a = rtime(rng, rdate(rng, dt.date(2026, 1, 1), dt.date(2026, 11, 20)))
        d = a + dt.timedelta(days=rng.randint(0, 9), hours=rng.randint(2, 20))
        code = rng.choice(DX)[0]
        doc.add("  ", sql_row([Raw(str(5000 + i)), D(str(rng.randint(1000, 1100)), "internal_id"), p.VISIT(), P(fdt(a, "sql"), "date"),
                               P(fdt(d, "sql"), "date"), rng.choice(["4W", "5E", "MICU", "OBS", "L&D"]), D(att.npi, "other_id"), DXC(code)]),
                ",\n" if i < n - 1 else ";\n")
    doc.add("COMMIT;\n")
    return doc


@tpl("sql_seed", "sql_claims_and_lines")
def t_sq5(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "seed/claims_sample.sql", rng.choice(["pg", "mysql"]))
    prov = ctx.staff(role="MD")
    for _ in range(rng.randint(2, 3)):
        p = ctx.patient()
        cid = rng.randint(10000, 99999)
        clm = P(f"{rng.choice(['', 'CLM'])}{digits(rng, 12)}", "other_id")
        dos = rdate(rng, dt.date(2026, 2, 1), dt.date(2026, 11, 1))
        doc.add("INSERT INTO claim (claim_id, claim_number, member_id, patient_name, patient_dob, service_date, billing_npi, total_charge) VALUES ",
                sql_row([Raw(str(cid)), clm, p.MEM(), P(p.last_first().upper(), "person_name"), p.DOB("iso"), P(fd(dos, "iso"), "date"),
                         D(prov.npi, "other_id"), Raw(money(rng, 120, 4000))]), ";\n")
        for ln, (c, _) in enumerate(rng.sample(CPT, rng.randint(1, 3)), 1):
            doc.add("INSERT INTO claim_line (claim_id, line_no, cpt, icd10_1, units, charge) VALUES ",
                    sql_row([Raw(str(cid)), Raw(str(ln)), CPTC(c), DXC(rng.choice(DX)[0]), Raw("1"), Raw(money(rng, 20, 900))]), ";\n")
        doc.add("\n")
    return doc


@tpl("sql_seed", "sql_flyway_demo_seed")
def t_sq6(rng):
    ctx, doc = Ctx(rng), Doc()
    v = rng.randint(20, 140)
    author = ctx.staff()
    doc.add(f"-- V{v}__seed_demo_patients.sql\n-- Flyway repeatable seed for the sales demo tenant\n-- Author: ", author.N(), " <", author.EM(),
            f">\n-- NOTE: demo tenant only, see {ticket(rng, 'OPS')}\n\n")
    for _ in range(rng.randint(2, 4)):
        p = ctx.patient(old=rng.random() < 0.25)
        doc.add("INSERT INTO demo.patients (tenant_id, external_id, display_name, birth_date, age_years, mobile, street, city, region, zip)\n"
                "VALUES ", sql_row([Raw("42"), p.MRN(), p.N(), p.DOB("iso"), [p.AGE()],
                                    p.PH("e164" if rng.random() < 0.5 else "dash", cell=True), p.STREET(), p.CITY(), p.ST(), p.ZIP()]), ";\n")
    doc.add("\n-- end of seed\n")
    return doc


@tpl("sql_seed", "sql_coverage_medicare")
def t_sq7(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "seed/coverage.sql", rng.choice(["pg", "mssql"]))
    doc.add("INSERT INTO coverage (patient_id, payer_name, plan_type, subscriber_id, mbi, group_number, effective_date, subscriber_name, relationship)\nVALUES\n")
    n = rng.randint(3, 5)
    for i in range(n):
        p = ctx.patient(age=rng.choice([rng.randint(66, 89), rng.randint(90, 99), rng.randint(30, 64)]))
        mc = p.age >= 65
        doc.add("  ", sql_row([D(str(rng.randint(1000, 9999)), "internal_id"), "Medicare" if mc else p.payer, "MCR" if mc else "COMM",
                               p.MEM() if not mc else None, p.MBI() if mc else None, D(p.group, "other_id") if not mc else None,
                               D(f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-01", "date"), p.N(), "self"]),
                ",\n" if i < n - 1 else ";\n")
    doc.add("COMMIT;\n" if rng.random() < 0.5 else "GO\n")
    return doc


@tpl("sql_seed", "sql_prod_data_fix_update")
def t_sq8(rng):
    ctx, doc = Ctx(rng), Doc()
    author, approver = ctx.staff(), ctx.staff()
    key = ticket(rng, "DATA")
    doc.add(f"-- {key}: correct demographics overwritten by the HIE sync on ", f"{rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 1)):%m/%d}", "\n"
            "-- Prepared by ", author.N(), ", approved by ", approver.N(), " (CAB ", f"CHG{rng.randint(10 ** 6, 10 ** 7)}", ")\n"
            "-- Run in PROD during the Sunday window. Verify row counts = 1 each.\n\nBEGIN TRANSACTION;\n\n")
    nfix = rng.randint(2, 4)
    for _ in range(nfix):
        p = ctx.patient()
        col = rng.choice(["phone", "address", "email"])
        if col == "phone":
            doc.add("UPDATE patient SET home_phone = ", sq(p.PH("dash")), ", updated_by = 'dbfix' WHERE mrn = ", sq(p.MRN()), ";  -- ", p.N(), "\n")
        elif col == "address":
            doc.add("UPDATE patient SET addr1 = ", sq(p.STREET()), ", city = ", sq(p.CITY()), ", zip = ", sq(p.ZIP()), " WHERE mrn = ", sq(p.MRN()),
                    " AND birth_date = ", sq(p.DOB("iso")), ";\n")
        else:
            doc.add("UPDATE portal_account SET email = ", sq(p.EM()), " WHERE patient_mrn = ", sq(p.MRN()), ";\n")
    doc.add("\n-- expected: ", str(nfix), " rows\n-- COMMIT TRANSACTION;\nROLLBACK TRANSACTION; -- dry run first\n")
    return doc


@tpl("sql_seed", "sql_emergency_contacts")
def t_sq9(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "seed/040_contacts.sql", rng.choice(["pg", "mysql"]))
    doc.add("INSERT INTO emergency_contact (patient_mrn, contact_name, relationship, phone_primary, phone_alt, is_guardian)\nVALUES\n")
    n = rng.randint(3, 5)
    for i in range(n):
        p = ctx.patient()
        code, text, sx = rng.choice(RELS)
        r = ctx.relative(p, sex=sx)
        doc.add("  ", sql_row([p.MRN(), r.N(), text.lower(), r.PH("dash", cell=True), r.PH("dash") if rng.random() < 0.5 else None,
                               Raw("true" if text == "Guardian" or p.age < 18 else "false")]), ",\n" if i < n - 1 else ";\n")
    return doc


@tpl("sql_seed", "sql_portal_users")
def t_sq10(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "portal/seed/users.sql", rng.choice(["pg", "mysql"]))
    doc.add("-- copied from staging to reproduce the MFA enrollment bug\nINSERT INTO portal_user (user_id, patient_mrn, username, email, "
            "password_hash, mfa_phone, last_login_ip, last_login_at) VALUES\n")
    n = rng.randint(2, 4)
    for i in range(n):
        p = ctx.patient(age=rng.randint(19, 90))
        t = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 4)))
        uname = ascii_fold(p.given + "." + p.family).lower().replace(" ", "").replace("'", "")
        doc.add("  ", sql_row([D(uuid(rng), "internal_id"), p.MRN(), P(uname, "other_id"), p.EM(), "$2b$12$" + hexs(rng, 22),
                               p.PH("e164", cell=True), P(p.ip, "ip_address"), f"{t:%Y-%m-%d %H:%M:%S}"]), ",\n" if i < n - 1 else ";\n")
    return doc


@tpl("sql_seed", "sql_device_assignments")
def t_sq11(rng):
    ctx, doc = Ctx(rng), Doc()
    _sql_header(doc, rng, ctx, "seed/device_assignment.sql", rng.choice(["pg", "mssql"]))
    doc.add("INSERT INTO device_assignment (patient_mrn, device_type, serial_number, udi, assigned_on, implant_site)\nVALUES\n")
    n = rng.randint(2, 5)
    for i in range(n):
        p = ctx.patient(age=rng.randint(45, 96))
        dtp = rng.choice(["pacemaker", "insulin pump", "CGM", "ICD", "neurostimulator", "cochlear implant"])
        doc.add("  ", sql_row([p.MRN(), dtp, P(serial(rng), "device_id"), P(udi(rng), "device_id"),
                               P(fd(rdate(rng, dt.date(2022, 1, 1), dt.date(2026, 11, 1)), "iso"), "date"),
                               rng.choice(["left chest", "abdomen", "upper arm", "n/a"])]), ",\n" if i < n - 1 else ";\n")
    doc.add("COMMIT;\n")
    return doc

# ===========================================================================
# PHI family: clinical_note
# ===========================================================================

def art(n):
    return "an" if str(n).startswith("8") or n in (11, 18) else "a"


def vitals(rng):
    return (f"BP {rng.randint(98, 178)}/{rng.randint(52, 102)}, HR {rng.randint(54, 124)}, RR {rng.randint(12, 26)}, "
            f"T {rng.uniform(36.1, 38.9):.1f} °C, SpO2 {rng.randint(88, 100)}% on {rng.choice(['RA', '2 L NC', 'room air', '4 L NC'])}")


def pronoun(p):
    return ("he", "his", "him") if p.sex == "M" else ("she", "her", "her")


def sex_word(p):
    if p.age < 18:
        return "boy" if p.sex == "M" else "girl"
    return "man" if p.sex == "M" else "woman"


def note_wrapper(doc, ctx, summary):
    """Some notes arrive inside a Jira ticket."""
    rng = ctx.rng
    if rng.random() < 0.45:
        rep, asg = ctx.staff(), ctx.staff()
        created = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 5)))
        jira_head(doc, ctx, ticket(rng, rng.choice(["EHR", "CLIN"])), summary, rep, asg, created, comp=rng.choice(["Documentation", "Note templates", "Printing", "SmartText"]))
        doc.add("Pasting the note as it renders in the print preview:\n\n{noformat}\n")
        return True
    return False


def note_wrapper_end(doc, ctx, wrapped, remark):
    if wrapped:
        doc.add("{noformat}\n\n", remark, "\n")


@tpl("clinical_note", "note_discharge_summary")
def t_cn1(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(40, 97))
    att, pcp = ctx.staff(role="MD"), ctx.staff(role="MD")
    w = note_wrapper(doc, ctx, "Discharge summary: hospital course section duplicates on print")
    a = rtime(rng, rdate(rng, dt.date(2026, 8, 1), dt.date(2026, 11, 25)))
    d = a + dt.timedelta(days=rng.randint(2, 10))
    dx1, dx2 = dxs(rng, 2, p)
    he, his, him = pronoun(p)
    doc.add("DISCHARGE SUMMARY\n\n", "Patient: ", p.LF(True), "    MRN: ", p.MRN(), "    DOB: ", p.DOB("us"), "\n",
            "Admission date: ", P(fd(a.date(), "us"), "date"), "    Discharge date: ", P(fd(d.date(), "us"), "date"), "\n",
            "Attending: ", att.DR(True), "    PCP: ", pcp.DR(True), "\n", "Facility: ", ctx.FAC(), "\n\n",
            "PRINCIPAL DIAGNOSIS: ", CND(dx1[1]), " (", DXC(dx1[0]), ")\nSECONDARY: ", CND(dx2[1]), " (", DXC(dx2[0]), ")\n\n",
            "HOSPITAL COURSE:\n", p.TN(), " is ", art(p.age), " ", p.AGE(), "-year-old ", sex_word(p), " who presented to the ED with ",
            rng.choice(["3 days of worsening dyspnea", "fever and dysuria", "acute confusion", "chest pressure at rest", "a mechanical fall at home"]),
            ". ", he.capitalize(), " was treated with ", MED(rng.choice(MEDS)), " and ", MED(rng.choice(MEDS)), ", with steady improvement. "
            "Renal function returned to baseline by hospital day ", str(rng.randint(2, 5)), ". PT/OT evaluated ", him, " and recommended ",
            rng.choice(["home with services", "home with no needs", "short-term rehab", "outpatient PT"]), ".\n\n"
            "DISCHARGE MEDICATIONS:\n")
    for _ in range(rng.randint(3, 5)):
        doc.add("- ", med_line(rng), "\n")
    doc.add("\nFOLLOW-UP:\n- ", pcp.DR(), " within 7 days; clinic will call ", him, " at ", p.PH("paren"), "\n- Labs (BMP) on ",
            P(fd((d + dt.timedelta(days=rng.randint(3, 7))).date(), "us"), "date"), "\n\nDischarged to: home, ", p.ADDR1(), "\n\n"
            "Electronically signed by ", att.N(), ", MD on ", D(fdt(d + dt.timedelta(days=rng.randint(1, 3), hours=rng.randint(1, 5)), "us"), "date"), "\n")
    note_wrapper_end(doc, ctx, w, "The HOSPITAL COURSE block prints twice when the note has more than 5 meds.")
    return doc


@tpl("clinical_note", "note_inpatient_progress_soap")
def t_cn2(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient()
    md = ctx.staff(role=rng.choice(["MD", "DO"]))
    w = note_wrapper(doc, ctx, "Progress note SmartLink pulls vitals from wrong day")
    day = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 3))
    dx = dx1(rng, p)
    he, his, him = pronoun(p)
    doc.add(f"Progress Note — Hospital Day {rng.randint(2, 9)}\n", p.N(), " | ", p.MRN(), " | ", p.DOB(rng.choice(["us", "dmon"])), " | Rm ",
            f"{rng.randint(301, 699)}-{rng.choice('AB')}", "\nDate of service: ", P(fd(day, "us"), "date"), "\n\n"
            "S: Slept poorly. Reports ", rng.choice(["less shortness of breath", "ongoing nausea", "pain 4/10", "no new complaints"]),
            ". Tolerating diet.\n\nO: ", vitals(rng), "\nLabs: Na ", str(rng.randint(131, 146)), ", K ", f"{rng.uniform(3.2, 5.4):.1f}",
            ", Cr ", f"{rng.uniform(0.6, 2.8):.2f}", ", WBC ", f"{rng.uniform(4, 18):.1f}", "\nExam: ", rng.choice(["crackles at bases", "lungs clear",
                                                                                                                    "1+ pitting edema bilaterally", "abdomen soft, non-tender"]),
            "\n\nA/P:\n# ", CND(dx[1]), " (", DXC(dx[0]), ") — improving. Continue ", MED(rng.choice(MEDS)), ".\n# ", CND(dx1(rng, p)[1]),
            " — stable.\n# Dispo: anticipate discharge in ", str(rng.randint(1, 3)), " days; daughter ", ctx.relative(p, sex="F").N(),
            " to pick up.\n\n", md.N(), f", {md.role}\n")
    note_wrapper_end(doc, ctx, w, "Vitals above are from the previous calendar day, not the last 24h.")
    return doc


@tpl("clinical_note", "note_history_and_physical")
def t_cn3(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(18, 95))
    md = ctx.staff(role="MD")
    w = note_wrapper(doc, ctx, "H&P template — social history section missing in print")
    adm = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 3)))
    spouse = ctx.relative(p, sex="F" if p.sex == "M" else "M", age=max(19, p.age - rng.randint(-5, 5)))
    he, his, him = pronoun(p)
    dx = dxs(rng, 3, p)
    doc.add("HISTORY AND PHYSICAL\n", ctx.FAC(), "\n\nName: ", p.N(True), "\nDOB: ", p.DOB("long"), "  Age: ", p.AGE(), "\nMRN: ", p.MRN(),
            "\nAdmit: ", P(fdt(adm, "us"), "date"), "\n\nCHIEF COMPLAINT: ", rng.choice(["\"I can't catch my breath\"", "abdominal pain", "fall", "syncope", "fever"]),
            "\n\nHPI: ", p.AGE(), " y/o ", sex_word(p), " with history of ", CND(dx[0][1]), " and ", CND(dx[1][1]), " presenting with ",
            rng.choice(["2 days of", "acute onset", "a week of progressive"]), " symptoms. Denies chest pain.\n\n"
            "PMH: ", CND(dx[0][1]), "; ", CND(dx[1][1]), "; ", CND(dx[2][1]), "\nMEDS: ", MED(rng.choice(MEDS)), ", ", MED(rng.choice(MEDS)),
            "\nALLERGIES: ", CND(rng.choice(["NKDA", "penicillin (rash)", "sulfa (hives)", "codeine (nausea)"])), "\n\n"
            "SOCIAL: Lives with ", his, " ", "wife" if spouse.sex == "F" else "husband", ", ", spouse.N(), ", at ", p.STREET(), " in ", p.CITY(),
            ". Former ", rng.choice(["machinist", "teacher", "nurse", "bus driver", "accountant", "farmer"]), ". ",
            rng.choice(["Never smoker.", "Quit tobacco 1998.", "1 ppd x 30 yrs.", "Social alcohol."]), " Spouse's cell ", spouse.PH("dash", cell=True),
            ".\n\nEXAM: ", vitals(rng), "\nGen: NAD. CV: RRR. Lungs: ", rng.choice(["clear", "diminished at bases", "wheezes diffusely"]), ".\n\n"
            "ASSESSMENT/PLAN: Admit to ", rng.choice(["medicine", "telemetry", "stepdown"]), ". ", CND(dx[0][1]), " — workup as above.\n\n", md.DR(True), "\n")
    note_wrapper_end(doc, ctx, w, "SOCIAL section shows in Chart Review but not in the printed H&P.")
    return doc


@tpl("clinical_note", "note_clinic_soap")
def t_cn4(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(8, 85))
    md = ctx.staff(role=rng.choice(["MD", "NP", "PA-C", "DO"]))
    vd = rdate(rng, dt.date(2026, 8, 1), dt.date(2026, 12, 4))
    dx = dx1(rng, p)
    cpt = rng.choice(["99213", "99214"])
    he, his, him = pronoun(p)
    doc.add(ctx.FAC(), " — Office Visit\n", p.LF(), "   DOB ", p.DOB("us2"), "   MRN ", p.MRN(), "   Visit ", P(fd(vd, "us"), "date"), "\n",
            "Provider: ", md.N(), f", {md.role}\n\nSUBJECTIVE\n", p.G(), " comes in for follow-up of ", CND(dx[1]), ". ", he.capitalize(),
            " reports ", rng.choice(["good adherence", "missing some doses", "side effects from the new medication", "improved symptoms"]), ".\n\n"
            "OBJECTIVE\n", vitals(rng), ". Wt ", str(rng.randint(48, 130)), " kg.\n\nASSESSMENT\n", CND(dx[1]), " (", DXC(dx[0]), ")\n\n"
            "PLAN\n- Continue ", med_line(rng), "\n- Recheck in ", str(rng.randint(4, 12)), " weeks\n- Portal message sent to ", p.EM(), "\n\n"
            "Level of service: ", CPTC(cpt), "\n")
    return doc


@tpl("clinical_note", "note_ed_provider_mvc")
def t_cn5(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(17, 80))
    md = ctx.staff(role="MD")
    w = note_wrapper(doc, ctx, "ED note — trauma flowsheet values not pulling into MDM")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    he, his, him = pronoun(p)
    plate = rng.choice(["", ""]) + f"{rng.randint(1, 9)}{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{rng.randint(100, 999)}"
    doc.add("EMERGENCY DEPARTMENT PROVIDER NOTE\nArrival: ", P(fdt(t, "us"), "date"), "  Mode: EMS\nPatient: ", p.N(), "  DOB: ", p.DOB("us"),
            "  MRN: ", p.MRN(), "\n\nHPI: Restrained driver in a ", rng.choice(["T-bone", "rear-end", "rollover", "head-on"]), " MVC at ~",
            str(rng.randint(25, 60)), " mph. +airbag deployment. Police report lists the patient's vehicle as plate ", P(plate, "vehicle_id"),
            " (", p.state, "), VIN ", P(vin(rng), "vehicle_id"), " — noted for the insurance/records request. GCS 15 on arrival. "
            "Complains of ", rng.choice(["left chest wall pain", "neck pain", "right wrist pain", "abdominal pain"]), ".\n\n"
            "EXAM: ", vitals(rng), "\nSeatbelt sign: ", rng.choice(["absent", "present across lower abdomen"]), "\n\n"
            "MDM: CT head/C-spine negative. ", CND(rng.choice(["rib fracture", "cervical strain", "distal radius fracture", "chest wall contusion"])), ".\n"
            "Dispo: ", rng.choice(["discharged home", "admitted to trauma service", "observation"]), ". Spouse ", ctx.relative(p).N(), " at bedside, phone ",
            p.PH("dash", cell=True), ".\n\n", md.DR(True), f", ED attending  {fdt(t + dt.timedelta(hours=4), 'us')}\n")
    note_wrapper_end(doc, ctx, w, "Also the arrival time in the header is the registration time, not the triage time.")
    return doc


@tpl("clinical_note", "note_consult_letter")
def t_cn6(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(30, 94))
    cons, ref = ctx.staff(role="MD"), ctx.staff(role="MD")
    vd = rdate(rng, dt.date(2026, 8, 1), dt.date(2026, 12, 3))
    dx = dx1(rng, p)
    he, his, him = pronoun(p)
    doc.add(ctx.FAC(), "\n", rng.choice(["Cardiology", "Nephrology", "Endocrinology", "Pulmonology", "Rheumatology"]), " Clinic\n\n",
            D(fd(vd + dt.timedelta(days=rng.randint(1, 6)), "long"), "date"), "\n\n", ref.DR(True), "\n", D(rng.choice(["Three Rivers Internal Medicine", "Riverbend Community Health Center"]), "facility"), "\n\n"
            "RE: ", p.N(), "\nDOB: ", p.DOB("long"), "\nMRN: ", p.MRN(), "\n\nDear ", ref.DR(), ",\n\n"
            "Thank you for referring ", p.TN(), ", whom I saw in consultation on ", P(fd(vd, "long"), "date"), " for evaluation of ",
            CND(dx[1]), ". As you know, ", he, " is ", art(p.age), " ", p.AGE(), "-year-old ", sex_word(p), " with ", CND(dx1(rng, p)[1]), ". ",
            "Current medications include ", MED(rng.choice(MEDS)), " and ", MED(rng.choice(MEDS)), ".\n\n"
            "Impression: ", CND(dx[1]), " (", DXC(dx[0]), "). I have recommended ", rng.choice(["an echocardiogram", "a sleep study", "repeat labs in 6 weeks",
                                                                                             "titration of current therapy"]), ". "
            "I will see ", him, " again in ", str(rng.randint(2, 6)), " months.\n\nSincerely,\n\n", cons.N(), ", MD\ncc: ", p.N(), ", ", p.ADDR1(), "\n")
    return doc


@tpl("clinical_note", "note_telehealth_visit")
def t_cn7(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(19, 80))
    md = ctx.staff(role=rng.choice(["MD", "NP", "LCSW", "PsyD"]))
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)), 8, 18)
    he, his, him = pronoun(p)
    dx = rng.choice([("F32.A", "Depression, unspecified"), ("F41.1", "Generalized anxiety disorder"), ("E11.9", "Type 2 diabetes mellitus without complications"),
                     ("I10", "Essential (primary) hypertension")])
    doc.add("TELEHEALTH VISIT NOTE\nPatient: ", p.N(), " (", p.MRN(), ")  DOB ", p.DOB("iso"), "\nVisit date/time: ", P(fdt(t, "usampm"), "date"),
            "\nModality: video (", rng.choice(["Zoom for Healthcare", "Epic Video Visit", "Doxy.me"]), "); patient located at home, ", p.CITY(), ", ", p.ST(),
            ".\nJoin link sent to patient: ", P(f"https://video.{ctx.dom}/visit/{hexs(rng, 10)}?patient={p.portal_id}", "url"),
            "\nConnection: session ", uuid(rng), ", patient client IP ", P(p.ip, "ip_address"), ", dropped once; completed by phone at ",
            p.PH(rng.choice(PHONE_STYLES)), ".\nConsent: verbal consent for telehealth obtained.\n\n"
            "Subjective: ", rng.choice(["Mood improved since dose change.", "Home BP log reviewed, mostly 130s/80s.", "Glucose readings 140-190 fasting."]),
            "\nAssessment: ", CND(dx[1]), " (", DXC(dx[0]), ")\nPlan: continue ", med_line(rng), "; follow up in ", str(rng.randint(2, 8)), " weeks.\n\n"
            "Total time: ", str(rng.randint(15, 45)), " minutes.  ", md.N(), f", {md.role}\n")
    return doc


@tpl("clinical_note", "note_nursing_shift")
def t_cn8(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(50, 99))
    rn, rn2 = ctx.staff(role="RN"), ctx.staff(role="RN")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)), 18, 19)
    he, his, him = pronoun(p)
    fam = ctx.relative(p)
    doc.add("Nursing Shift Note — ", rng.choice(["Night", "Day"]), " shift\n", p.LF(), ", ", p.AGE(), " y/o ", p.sex, ", MRN ", p.MRN(), ", Bed ",
            f"{rng.randint(401, 560)}", "\nNoted: ", P(fdt(t, "us"), "date"), "\n\n"
            "Neuro: A&O x", str(rng.randint(1, 4)), ". ", rng.choice(["Sundowning after 2100, reoriented.", "Calm, cooperative."]), "\n"
            "Cardiac: tele ", rng.choice(["NSR", "AF rate controlled", "sinus tach 100s"]), ".\nResp: ", rng.choice(["RA, sats 94-96%", "2 L NC"]), "\n"
            "GI/GU: ", rng.choice(["voiding via purewick", "foley draining clear yellow", "BM x1"]), "\nSkin: ", rng.choice(["stage 2 sacral, dressing changed", "intact"]), "\n"
            "Safety: bed alarm on, fall risk high.\nMeds: ", MED(rng.choice(MEDS)), " given at 2100; ", MED(rng.choice(MEDS)), " held for ",
            rng.choice(["SBP < 100", "HR < 55", "NPO"]), ".\nFamily: ", fam.N(), " called at ", f"{rng.randint(20, 23)}{rng.randint(10, 59)}",
            ", updated. Call-back number ", fam.PH("paren", cell=True), ".\n\nHandoff to ", rn2.N(), " at 0700.  — ", rn.N(), ", RN\n")
    return doc


@tpl("clinical_note", "note_brief_op_implant")
def t_cn9(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(45, 92))
    surg, asst, anes = ctx.staff(role="MD"), ctx.staff(role="PA-C"), ctx.staff(role="MD")
    w = note_wrapper(doc, ctx, "Brief op note — implant log UDI not parsed into the note")
    d = rdate(rng, dt.date(2026, 8, 1), dt.date(2026, 12, 4))
    proc = rng.choice([("27447", "Right total knee arthroplasty", "knee system"), ("33208", "Dual-chamber pacemaker insertion", "pacemaker"),
                       ("27130", "Left total hip arthroplasty", "hip system"), ("63650", "Spinal cord stimulator lead placement", "stimulator")])
    doc.add("BRIEF OPERATIVE NOTE\nPatient: ", p.N(), "   MRN: ", p.MRN(), "   DOB: ", p.DOB("us"), "\nDate of surgery: ", P(fd(d, "us"), "date"),
            "\nSurgeon: ", surg.DR(True), "\nAssistant: ", asst.N(), ", PA-C\nAnesthesia: general (", anes.DR(), ")\n"
            "Procedure: ", D(proc[1], "condition"), " (CPT ", CPTC(proc[0]), ")\nFindings: as expected.\nEBL: ",
            str(rng.randint(25, 400)), " mL\nImplants:\n")
    for _ in range(rng.randint(1, 3)):
        doc.add("  - ", rng.choice(["Zimmer", "Medtronic", "Stryker", "Abbott", "Boston Scientific"]), " ", proc[2], " component, UDI ", P(udi(rng), "device_id"),
                ", SN ", P(serial(rng, rng.choice(["SN", "PJN", "RNA"])), "device_id"), "\n")
    doc.add("Specimens: none\nComplications: none\nDisposition: PACU, stable.\n")
    note_wrapper_end(doc, ctx, w, "The implant log has the GS1 string; note shows only the first AI.")
    return doc


@tpl("clinical_note", "note_snf_transfer_elderly")
def t_cn10(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(old=True)
    md, sw = ctx.staff(role="MD"), ctx.staff(role="LCSW")
    poa = ctx.relative(p, age=rng.randint(55, 75))
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4))
    he, his, him = pronoun(p)
    doc.add("INTERFACILITY TRANSFER / SNF ADMISSION ORDERS\nFrom: ", ctx.FAC(), "   To: ", D(rng.choice(["Maple Grove Skilled Nursing", "Willow Bend Care Center",
                                                                                                      "Sunrise of Lakeview", "Elmhurst Rehabilitation & Nursing"]), "facility"),
            "\nPatient: ", p.LF(True), "   Age: ", p.AGE(), "   DOB: ", p.DOB("dmon"), "\nMRN: ", p.MRN(), "   Medicare MBI: ", p.MBI(),
            "\nTransfer date: ", P(fd(d, "us"), "date"), "\nCode status: ", rng.choice(["DNR/DNI", "Full code", "DNR, OK to intubate"]),
            "\nHealth care proxy: ", poa.N(), " (", rng.choice(["son", "daughter", "niece", "nephew"]), "), ", poa.PH("dash"), "\n\n"
            "Diagnoses: ", CND("Dementia with behavioral disturbance"), " (", DXC("F03.911"), "); ", CND(dx1(rng, p)[1]), "\n"
            "Diet: mechanical soft, thin liquids.  Activity: OOB to chair with assist x2.\nMedications: see attached MAR (", MED(rng.choice(MEDS)), ", ",
            MED(rng.choice(MEDS)), ", ", MED(rng.choice(MEDS)), ").\n\nPrior residence: ", p.ADDR1(), " (lived alone until this admission).\n\n"
            "Orders signed: ", md.DR(True), "\nDischarge planning: ", sw.N(), ", LCSW, ext ", sw.EXT(), "\n")
    return doc


@tpl("clinical_note", "note_death_pronouncement")
def t_cn11(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.choice([rng.randint(55, 89), rng.randint(90, 102)]))
    md, rn = ctx.staff(role="MD"), ctx.staff(role="RN")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    nok = ctx.relative(p, age=rng.randint(40, 75))
    w = note_wrapper(doc, ctx, "Death note template: ME case # field not carried to the death certificate worksheet")
    doc.add("DEATH PRONOUNCEMENT NOTE\n\nCalled by ", rn.N(), ", RN to evaluate ", p.N(), " (MRN ", p.MRN(), ", DOB ", p.DOB("us"), ").\n"
            "On exam: no spontaneous respirations, no heart sounds for 1 minute, pupils fixed and dilated, no response to stimuli.\n"
            "Time of death: ", P(fdt(t, "us"), "date"), "\nCause: ", CND(rng.choice(["metastatic pancreatic cancer", "end-stage heart failure", "septic shock",
                                                                                       "hypoxic respiratory failure"])), "\n"
            "Next of kin ", nok.N(), " notified by phone (", nok.PH("paren"), ") at ", f"{(t + dt.timedelta(minutes=rng.randint(10, 50))):%H:%M}", ".\n"
            "Medical examiner: case ", rng.choice(["accepted", "declined jurisdiction"]), ", ME case number ", P(f"ME-{t.year}-{rng.randint(1000, 99999):05d}", "other_id"),
            ".\nAutopsy: ", rng.choice(["declined by family", "requested"]), ". Organ procurement organization notified, ref ", P(f"OPO{rng.randint(10 ** 5, 10 ** 6)}", "other_id"), ".\n\n",
            md.DR(True), "\n")
    note_wrapper_end(doc, ctx, w, "Worksheet pulls ME case from an older field; see mapping in the SmartForm.")
    return doc

# ===========================================================================
# PHI family: csv_claims
# ===========================================================================

def csv_cell(v, sep=",", always=False):
    if v is None:
        return [""]
    if isinstance(v, list):
        txt = ptext(v)
        if always or sep in txt or '"' in txt:
            return ['"'] + seq(v) + ['"']
        return seq(v)
    txt = v.text if isinstance(v, S) else str(v)
    need = always or sep in txt or '"' in txt or "\n" in txt
    if isinstance(v, S):
        body = S(txt.replace('"', '""'), v.label, v.kind)
    else:
        body = txt.replace('"', '""')
    return (['"', body, '"'] if need else [body])


def csv_row(vals, sep=",", always=False):
    out = []
    for i, v in enumerate(vals):
        if i:
            out.append(sep)
        out += csv_cell(v, sep, always)
    out.append("\n")
    return out


def claim_no(rng):
    return P(rng.choice(["", "CLM", "26"]) + digits(rng, rng.choice([10, 11, 12])), "other_id")


@tpl("csv_claims", "claims_837p_professional_export")
def t_cc1(rng):
    ctx, doc = Ctx(rng), Doc()
    prov = ctx.staff(role="MD")
    doc.add("claim_id,member_id,patient_last,patient_first,patient_dob,sex,dos_from,dos_to,pos,cpt,mod,icd10_1,icd10_2,units,billed_amt,rendering_npi,payer\n")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 3, 1), dt.date(2026, 11, 15))
        c, _ = rng.choice(CPT)
        d1, d2 = dxs(rng, 2, p)
        doc.add(csv_row([claim_no(rng), p.MEM(), p.F(), p.G(), p.DOB("iso"), p.sex, P(fd(dos, "iso"), "date"), P(fd(dos, "iso"), "date"),
                         rng.choice(["11", "21", "22", "23", "02"]), CPTC(c), rng.choice(["", "25", "59", "GT", ""]), DXC(d1[0]),
                         DXC(d2[0]) if rng.random() < 0.6 else "", "1", money(rng, 60, 2500), D(prov.npi, "other_id"), p.payer]))
    return doc


@tpl("csv_claims", "claims_quoted_addresses")
def t_cc2(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add('"Claim Number","Subscriber ID","Patient Name","DOB","Address","City","State","ZIP","Phone","Service Date","Total Charges"\n')
    for _ in range(rng.randint(3, 7)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 1, 1), dt.date(2026, 11, 20))
        doc.add(csv_row([claim_no(rng), p.MEM(), P(p.last_first(True), "person_name"), p.DOB("us"), p.STREET(), p.CITY(), p.ST(), p.ZIP(rng.random() < 0.4),
                         p.PH("paren"), P(fd(dos, "us"), "date"), "$" + money(rng, 80, 30000)], always=True))
    return doc


@tpl("csv_claims", "claims_jira_failed_rows")
def t_cc3(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "RCM"), "Clearinghouse rejects batch — 999 says invalid subscriber DOB", rep, asg, created, comp="Revenue Cycle")
    doc.add("Batch ", f"B{rng.randint(10 ** 5, 10 ** 6)}", " rejected at the clearinghouse (999 IK5*R). Exported the failing rows from the claim scrubber:\n\n{code:title=failed_rows.csv}\n"
            "row,claim_no,subscriber_id,last,first,dob,dos,cpt,dx,charge,error\n")
    for i in range(rng.randint(3, 6)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 20))
        bad = rng.random() < 0.6
        dob_piece = P(fd(p.dob, "us2") if bad else fd(p.dob, "hl7"), "date")
        doc.add(csv_row([str(rng.randint(2, 900)), claim_no(rng), p.MEM(), p.F(), p.G(), dob_piece, P(fd(dos, "hl7"), "date"),
                         CPTC(rng.choice(CPT)[0]), DXC(dx1(rng, p)[0]), money(rng, 50, 3000),
                         "DMG02 invalid date format" if bad else "NM109 length"]))
    doc.add("{code}\n\nThe scrubber passes through the 2-digit-year DOB from the old registration conversion. ", asg.AT(),
            " can we force CCYYMMDD in the 837 writer?\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=3), ["Yes, patched ", f"X12Writer.formatDate", "; resubmitting the batch tonight."], rng=rng)
    return doc


@tpl("csv_claims", "claims_835_denials_report")
def t_cc4(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("# Denials from 835 remits, check date ", f"{rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 4)):%Y-%m-%d}", ", payer ",
            rng.choice([x[0] for x in PAYERS]), "\n")
    doc.add("payer_claim_control_no,patient_acct,patient_name,member_id,svc_date,proc,billed,allowed,paid,carc,rarc,group_code\n")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 4, 1), dt.date(2026, 11, 1))
        b = float(money(rng, 90, 5000))
        doc.add(csv_row([P(digits(rng, 14), "other_id"), p.ACCT(), P(p.last_first().upper(), "person_name"), p.MEM(), P(fd(dos, "hl7"), "date"),
                         CPTC(rng.choice(CPT)[0]), f"{b:.2f}", "0.00", "0.00", rng.choice(["16", "197", "27", "50", "96", "18"]),
                         rng.choice(["N290", "M127", "N30", "MA130", ""]), rng.choice(["CO", "PR", "OA"])]))
    return doc


@tpl("csv_claims", "claims_medicare_mbi")
def t_cc5(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("MBI,Beneficiary Last Name,Beneficiary First Name,Birth Date,Gender,Claim From Date,Claim Thru Date,HCPCS,Dx Code,Rendering NPI,Submitted Charge\n")
    prov = ctx.staff(role="MD")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient(age=rng.choice([rng.randint(66, 89), rng.randint(90, 100)]))
        dos = rdate(rng, dt.date(2026, 1, 1), dt.date(2026, 11, 1))
        doc.add(csv_row([p.MBI(), p.F(), p.G(), p.DOB("us"), "1" if p.sex == "M" else "2", P(fd(dos, "us"), "date"),
                         P(fd(dos + dt.timedelta(days=rng.randint(0, 3)), "us"), "date"), CPTC(rng.choice(["G0439", "99214", "93000", "36415", "99397"])),
                         DXC(dx1(rng, p)[0]), D(prov.npi, "other_id"), money(rng, 30, 800)]))
    return doc


@tpl("csv_claims", "claims_eligibility_roster")
def t_cc6(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("member_id,subscriber_id,rel_code,last_name,first_name,middle,dob,gender,address1,address2,city,state,zip,home_phone,email,eff_date,term_date,group_no\n")
    for _ in range(rng.randint(2, 4)):
        sub = ctx.patient(age=rng.randint(28, 60))
        fam = [(sub, "18")]
        for _ in range(rng.randint(0, 2)):
            dep = ctx.relative(sub, age=rng.randint(1, 24))
            dep.family = sub.family
            dep.street, dep.unit, dep.city, dep.state, dep.zip, dep.phone = sub.street, sub.unit, sub.city, sub.state, sub.zip, sub.phone
            fam.append((dep, rng.choice(["01", "19"])))
        base = sub.member[:-2] if sub.member[-2:].isdigit() else sub.member
        for k, (m, rel) in enumerate(fam):
            mid = P(base + f"{k:02d}", "health_plan_id")
            doc.add(csv_row([mid, P(base + "00", "health_plan_id"), rel, m.F(), m.G(), P(m.mi, "person_name") if m.mi else "", m.DOB("hl7"), m.sex,
                             P(m.street, "street_address"), m.UNIT(), m.CITY(), m.ST(), m.ZIP(), m.PH("plain"), m.EM() if m is sub else "",
                             D(f"2026{rng.randint(1, 9):02d}01", "date"), "", D(sub.group, "other_id")]))
    return doc


@tpl("csv_claims", "claims_pharmacy_ndc")
def t_cc7(rng):
    ctx, doc = Ctx(rng), Doc()
    pres = ctx.staff(role="MD")
    doc.add("rx_number,fill_date,cardholder_id,patient_name,patient_dob,ndc11,drug_name,qty,days_supply,prescriber_npi,ingredient_cost,copay\n")
    for _ in range(rng.randint(4, 8)):
        p = ctx.patient()
        fdte = rdate(rng, dt.date(2026, 5, 1), dt.date(2026, 11, 30))
        ndc = rng.choice(NDC)
        doc.add(csv_row([P(str(rng.randint(10 ** 6, 10 ** 7)), "other_id"), P(fd(fdte, "us"), "date"), p.MEM(), P(p.last_first(), "person_name"),
                         p.DOB("us"), D(ndc, "drug_code"), MED(rng.choice(MEDS)), str(rng.choice([30, 60, 90, 28])), str(rng.choice([30, 90, 28])),
                         D(pres.npi, "other_id"), money(rng, 4, 900), money(rng, 0, 60)]))
    return doc


@tpl("csv_claims", "claims_ub04_institutional")
def t_cc8(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("FL3a_PatCntlNo,FL3b_MedRecNo,FL4_TOB,FL6_From,FL6_Thru,FL8_PatName,FL9_PatAddr,FL10_DOB,FL11_Sex,FL12_AdmDate,FL42_Rev,FL44_HCPCS,"
            "FL47_Charges,FL60_InsuredID,FL67_PrinDx,FL76_AttNPI\n")
    att = ctx.staff(role="MD")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient()
        a = rdate(rng, dt.date(2026, 3, 1), dt.date(2026, 11, 1))
        d = a + dt.timedelta(days=rng.randint(1, 8))
        addr = [p.STREET(), " ", p.CITY(), " ", p.ST(), " ", p.ZIP()]
        doc.add(csv_row([p.ACCT(), p.MRN(), rng.choice(["0111", "0131", "0121"]), P(fd(a, "us"), "date"), P(fd(d, "us"), "date"),
                         P(p.last_first().upper(), "person_name"), addr, p.DOB("us"), p.sex, P(fd(a, "us"), "date"),
                         rng.choice(["0120", "0250", "0300", "0450", "0710"]), CPTC(rng.choice(CPT)[0]), money(rng, 500, 90000),
                         p.MEM(), DXC(dx1(rng, p)[0]), D(att.npi, "other_id")]))
    return doc


@tpl("csv_claims", "claims_tab_delimited_workqueue")
def t_cc9(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Export from work queue 'Registration errors — claims on hold' (tab-delimited)\n\n")
    doc.add("HAR\tPatient\tDOB\tSSN\tPrimary Payer\tMember #\tHold Reason\tDays on Hold\n")
    for _ in range(rng.randint(4, 7)):
        p = ctx.patient()
        doc.add(p.ACCT(), "\t", p.LF(), "\t", p.DOB("us1"), "\t", p.SSN() if rng.random() < 0.7 else "", "\t", p.payer, "\t", p.MEM(), "\t",
                rng.choice(["Subscriber DOB mismatch", "Missing auth", "COB not verified", "Invalid member #"]), "\t", str(rng.randint(1, 60)), "\n")
    return doc


@tpl("csv_claims", "claims_bitbucket_fixture_diff")
def t_cc10(rng):
    ctx, doc = Ctx(rng), Doc()
    author, r1, r2 = pr_head(doc, ctx, "Add sample claims for the 837 parser regression suite")
    body = ["claim_id,member_id,patient_name,dob,dos,cpt,icd10,charge\n"]
    for _ in range(rng.randint(3, 5)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 4, 1), dt.date(2026, 11, 1))
        body += csv_row([claim_no(rng), p.MEM(), p.N(), p.DOB("iso"), P(fd(dos, "iso"), "date"), CPTC(rng.choice(CPT)[0]), DXC(dx1(rng, p)[0]), money(rng, 40, 900)])
    doc.add(diff_new(rng, "parser/src/test/resources/claims/sample_" + f"{rng.randint(1, 30):02d}.csv", body))
    doc.add("\n", r1.N(), " commented\n  Were these exported from the clearinghouse portal? Member IDs look real.\n")
    return doc


@tpl("csv_claims", "claims_python_reconcile_script")
def t_cc11(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("# reconcile_claims.py — quick check of unpaid claims vs remits\nimport csv, io\n\nSAMPLE = \"\"\"\\\n"
            "claim_no,account,patient,dob,dos,billed,paid\n")
    for _ in range(rng.randint(3, 6)):
        p = ctx.patient()
        dos = rdate(rng, dt.date(2026, 2, 1), dt.date(2026, 10, 1))
        b = money(rng, 50, 4000)
        doc.add(csv_row([claim_no(rng), p.ACCT(), p.N(), p.DOB("us"), P(fd(dos, "us"), "date"), b, rng.choice(["0.00", b])]))
    doc.add("\"\"\"\n\nfor row in csv.DictReader(io.StringIO(SAMPLE)):\n    if float(row['paid']) == 0:\n        print(row['claim_no'], row['account'], 'UNPAID')\n\n"
            "$ python3 reconcile_claims.py\n")
    return doc

# ===========================================================================
# PHI family: patient_email
# ===========================================================================

def email_date(t):
    h = t.hour % 12 or 12
    return f"{t:%a}, {t:%b} {t.day}, {t.year} at {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def outlook_sent(t):
    h = t.hour % 12 or 12
    return f"{t:%A}, {MONTHS[t.month - 1]} {t.day}, {t.year} {h}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def rfc_date(t):
    return f"{t:%a, %d %b %Y %H:%M:%S} -0500"


def clinic_box(ctx, kind=None):
    kind = kind or ctx.rng.choice(["frontdesk", "billing", "referrals", "scheduling", "medicalrecords", "pharmacy.refills", "patientrelations"])
    return D(f"{kind}@{ctx.dom}", "staff_contact")


def patient_sig(doc, p, rng, full=True):
    doc.add(p.N(), "\n")
    if full and rng.random() < 0.7:
        doc.add(p.STREET(), "\n", p.CITY(), ", ", p.ST(), " ", p.ZIP(), "\n")
    doc.add(p.PH(rng.choice(PHONE_STYLES), cell=rng.random() < 0.5), "\n")


def staff_sig(doc, st, ctx):
    doc.add(st.N(), f"{', ' + st.role if st.role else ''}\n", rng_choice_dept(ctx), " | ", ctx.FAC(), "\nP: ", st.PH(), "  F: ",
            D(fmt_phone(phone_parts(ctx.rng), "dash"), "staff_contact"), "\n", st.EM(), "\n")
    doc.add("CONFIDENTIALITY NOTICE: This e-mail may contain protected health information. If you are not the intended recipient, "
            "please notify the sender and delete it.\n")


def rng_choice_dept(ctx):
    return ctx.rng.choice(["Patient Financial Services", "Internal Medicine", "Health Information Management", "Scheduling Center",
                           "Patient Access", "Cardiology Clinic", "Care Coordination"])


@tpl("patient_email", "email_forwarded_to_it")
def t_pe1(rng):
    ctx, doc = Ctx(rng), Doc()
    fwd, it = ctx.staff(), ctx.staff()
    p = ctx.patient(age=rng.randint(20, 85))
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)), 6, 22)
    t2 = t + dt.timedelta(hours=rng.randint(1, 30))
    doc.add("From: ", fwd.N(), " <", fwd.EM(), ">\nSent: ", D(outlook_sent(t2), "date"), "\nTo: ", it.N(), " <", it.EM(), ">\n"
            "Subject: FW: Can't see my test results\n\nHi ", D(it.given, "person_name"), ", see below — can you check why ", pronoun(p)[1], " results aren't "
            "released in the portal? Thanks.\n\n", fwd.N(), "\n\n---------- Forwarded message ---------\nFrom: ", p.N(), " <", p.EM(), ">\n"
            "Date: ", D(email_date(t), "date"), "\nSubject: Can't see my test results\nTo: ", clinic_box(ctx, "frontdesk"), "\n\n"
            "Hello,\n\nI had blood work done on ", P(fd(t.date() - dt.timedelta(days=rng.randint(2, 9)), "mon"), "date"), " at your ", rng.choice(["Main St", "north", "downtown"]),
            " lab and the app still says \"pending\". My date of birth is ", p.DOB(rng.choice(["us", "long", "us1"])), " in case you need it. "
            "Could someone call me at ", p.PH(rng.choice(PHONE_STYLES), cell=True), "?\n\nThank you,\n")
    patient_sig(doc, p, rng)
    return doc


@tpl("patient_email", "email_outlook_reply_chain")
def t_pe2(rng):
    ctx, doc = Ctx(rng), Doc()
    st = ctx.staff()
    p = ctx.patient()
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)), 7, 21)
    t2 = t + dt.timedelta(hours=rng.randint(1, 20))
    t3 = t2 + dt.timedelta(hours=rng.randint(1, 20))
    appt = rtime(rng, t3.date() + dt.timedelta(days=rng.randint(3, 20)), 8, 16)
    doc.add("From: ", p.N(), " <", p.EM(), ">\nSent: ", D(outlook_sent(t3), "date"), "\nTo: ", st.N(), " <", st.EM(), ">\n"
            "Subject: RE: Your referral to ", rng.choice(["Cardiology", "Dermatology", "GI", "Orthopedics"]), "\n\n"
            "That works, thank you! I'll bring my new insurance card. My member ID is ", p.MEM(), " if you want to check it before.\n\n", p.G(), "\n\n"
            "From: ", st.N(), " <", st.EM(), ">\nSent: ", D(outlook_sent(t2), "date"), "\nTo: ", p.N(), " <", p.EM(), ">\n"
            "Subject: RE: Your referral\n\nHi ", p.G(), ",\n\nWe have you scheduled on ", P(fdt(appt, "usampm"), "date"), ". Please arrive 15 minutes early.\n\n")
    staff_sig(doc, st, ctx)
    doc.add("\nFrom: ", p.N(), " <", p.EM(), ">\nSent: ", D(outlook_sent(t), "date"), "\nTo: ", clinic_box(ctx, "referrals"), "\n"
            "Subject: Your referral\n\nHi, I got a letter saying I was referred but nobody called. My number is ", p.PH(rng.choice(PHONE_STYLES)),
            ". DOB ", p.DOB("us"), ".\n")
    return doc


@tpl("patient_email", "email_daughter_caregiver")
def t_pe3(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(old=True)
    dau = ctx.relative(p, sex="F", age=rng.randint(50, 70))
    st = ctx.staff(role="RN")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)), 6, 23)
    doc.add("From: ", dau.N(), " <", dau.EM(), ">\nTo: ", clinic_box(ctx, "carecoordination"), "\nCc: ", st.EM(), "\nDate: ", D(rfc_date(t), "date"),
            "\nSubject: My ", "father" if p.sex == "M" else "mother", " ", p.N(), " - medication question\n\n"
            "Dear ", st.N(), ",\n\nI'm writing about my ", "father" if p.sex == "M" else "mother", ", ", p.N(), " (born ", p.DOB("long"), "). ",
            "He" if p.sex == "M" else "She", " is ", p.AGE(), " now and since the hospital stay the pharmacy filled both ", MED(rng.choice(MEDS)), " and ", MED(rng.choice(MEDS)),
            " and I'm not sure which one to stop. ", "He" if p.sex == "M" else "She", " lives with me at ", p.ADDR1(), ". "
            "Can the nurse call me at ", dau.PH(rng.choice(PHONE_STYLES)), "? I am on the HIPAA release form.\n\n"
            "Thanks so much,\n", dau.N(), "\n\nSent from my iPhone\n")
    return doc


@tpl("patient_email", "email_billing_question")
def t_pe4(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(22, 80))
    st = ctx.staff(role="")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    dos = rdate(rng, dt.date(2026, 5, 1), dt.date(2026, 10, 1))
    doc.add("From: ", p.EM(), "\nTo: ", clinic_box(ctx, "billing"), "\nDate: ", D(rfc_date(t), "date"), "\nSubject: Statement question acct ", p.ACCT(), "\n\n"
            "Hi,\n\nI received a bill for $", money(rng, 80, 2400), " for my visit on ", P(fd(dos, "us"), "date"), ". My insurance (", p.payer, ", member ",
            p.MEM(), ", group ", D(p.group, "other_id"), ") should have covered it — it was a preventive visit. Can you resubmit?\n\n"
            "Account number: ", p.ACCT(), "\nPatient: ", p.N(), "\nDOB: ", p.DOB("us"), "\n\n"
            "I also tried to pay the copay online and the page errored after I entered my card (", P(card(rng), "credit_card"),
            "), so please check I wasn't charged twice.\n\n", p.N(), "\n", p.PH("dash"), "\n\n")
    doc.add("---\nReply from ", st.N(), " (PFS), ", D(outlook_sent(t + dt.timedelta(days=1)), "date"), ":\nThanks, I've sent the claim back with modifier 33. "
            "Please allow 30 days. ", st.EM(), "\n")
    return doc


@tpl("patient_email", "email_portal_message_in_jira")
def t_pe5(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    p = ctx.patient(age=rng.randint(19, 88))
    created = rtime(rng, rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "PORTAL"), "Patient message with attachment shows as blank in In Basket", rep, asg, created, comp="Patient Portal")
    mt = created - dt.timedelta(hours=rng.randint(2, 48))
    doc.add("Message export (from the portal admin, message id ", D(str(rng.randint(10 ** 8, 10 ** 9)), "internal_id"), "):\n\n{quote}\n"
            "From: ", p.N(), " (MRN ", p.MRN(), ")\nTo: ", ctx.staff(role="MD").DR(True), "\nSent: ", D(fdt(mt, "usampm"), "date"),
            "\nSubject: Rash pictures\n\nHi doctor, attaching photos of the rash on my arm like you asked (", P(f"IMG_{rng.randint(1000, 9999)}.HEIC", "photo"),
            ", ", P(f"IMG_{rng.randint(1000, 9999)}.HEIC", "photo"), "). It started after the new ", MED(rng.choice(MEDS)),
            ". I'm free to talk after 3 at ", p.PH(rng.choice(PHONE_STYLES)), ".\n", p.G(), "\n{quote}\n\n"
            "Portal link the provider clicked: ", P(f"https://mychart.{ctx.dom}/MyChart/app/communication-center/conversation?id={hexs(rng, 12)}&pat={p.portal_id}", "url"),
            "\n\nHEIC attachments aren't converted; the In Basket viewer shows an empty frame.\n")
    return doc


@tpl("patient_email", "email_records_request")
def t_pe6(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(25, 85))
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    doc.add("From: ", p.N(), " <", p.EM(), ">\nTo: ", clinic_box(ctx, "medicalrecords"), "\nDate: ", D(email_date(t), "date"),
            "\nSubject: Request for my records\n\nTo whom it may concern,\n\nI am requesting a copy of my complete medical records from ",
            ctx.FAC(), " for the period ", P(fd(rdate(rng, dt.date(2019, 1, 1), dt.date(2022, 1, 1)), "us"), "date"), " to present, to be sent to my new doctor. "
            "My information:\n\nName: ", p.N(True), "\nDate of birth: ", p.DOB(rng.choice(["us", "long"])), "\nSSN: ", p.SSN(), "\nAddress: ", p.ADDR1(),
            "\nPhone: ", p.PH(rng.choice(PHONE_STYLES)), "\nDriver's license: ", P(p.dl, "license_number"), " (", p.state, ")\n\n"
            "I've attached the signed authorization form and a photo of my license.\n\nRegards,\n", p.N(), "\n")
    return doc


@tpl("patient_email", "email_reschedule")
def t_pe7(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(5, 80))
    parent = ctx.relative(p, age=rng.randint(28, 50)) if p.age < 18 else None
    sender = parent or p
    st = ctx.staff(role="")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    old = rtime(rng, t.date() + dt.timedelta(days=rng.randint(1, 5)), 8, 16)
    doc.add("From: ", sender.N(), " <", sender.EM(), ">\nTo: ", clinic_box(ctx, "scheduling"), "\nSubject: need to reschedule ", rng.choice(["appt", "appointment", "visit"]),
            "\nDate: ", D(rfc_date(t), "date"), "\n\n")
    if parent:
        doc.add("Hi, my ", "son" if p.sex == "M" else "daughter", " ", p.N(), " has an appointment on ", P(fdt(old, "usampm"), "date"))
    else:
        doc.add("Hi, ", p.N(), " here — I have an appointment on ", P(fdt(old, "usampm"), "date"))
    doc.add(" with ", ctx.staff(role="MD").DR(), " and I can't make it because of work. "
            "Anything the following week? Mornings are best. DOB ", p.DOB("us2"), ".\n\nThanks\n", sender.G(), "\n", sender.PH(rng.choice(PHONE_STYLES), cell=True), "\n\n")
    doc.add("> On ", D(email_date(t + dt.timedelta(hours=3)), "date"), ", ", st.N(), " <", clinic_box(ctx, "scheduling"), "> wrote:\n"
            "> We can offer ", P(fdt(old + dt.timedelta(days=7, hours=-1), "usampm"), "date"), ". Reply YES to confirm or use\n> ", P(f"https://mychart.{ctx.dom}/MyChart/Scheduling/Confirm?appt={hexs(rng, 16)}&pid={p.portal_id}", "url"), "\n")
    return doc


@tpl("patient_email", "email_insurance_card_update")
def t_pe8(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(19, 64))
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    doc.add("From: ", p.N(), " <", p.EM(), ">\nTo: ", clinic_box(ctx, "patientaccess"), "\nDate: ", D(rfc_date(t), "date"), "\nSubject: New insurance starting ",
            D(fd(dt.date(2027, 1, 1), "us"), "date"), "\n\nHello,\n\nMy employer changed plans. Starting January my coverage is:\n\n"
            "  Plan: ", p.payer, "\n  Member ID: ", p.MEM(), "\n  Group #: ", D(p.group, "other_id"), "\n  Subscriber: ", p.N(), " (self)\n  Subscriber DOB: ",
            p.DOB("us"), "\n  RxBIN ", str(rng.randint(10 ** 5, 10 ** 6)), "  RxPCN ", rng.choice(["ADV", "CN", "WG", "9999"]), "\n\n"
            "Please update my chart (MRN ", p.MRN(), ") before my visit on ", P(fd(rdate(rng, dt.date(2027, 1, 5), dt.date(2027, 2, 20)), "long"), "date"), ".\n\n"
            "Thanks,\n")
    patient_sig(doc, p, rng, full=False)
    return doc


@tpl("patient_email", "email_spanish_patient")
def t_pe9(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(culture=rng.choice(["mexican", "puerto_rican", "spanish"]), age=rng.randint(20, 88))
    st = ctx.staff()
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    doc.add("De: ", p.N(), " <", p.EM(), ">\nPara: ", clinic_box(ctx, "frontdesk"), "\nFecha: ", D(rfc_date(t), "date"), "\nAsunto: Cita y resultados\n\n"
            "Buenas tardes,\n\nMi nombre es ", p.N(), ", fecha de nacimiento ", P(f"{p.dob.day:02d}/{p.dob.month:02d}/{p.dob.year}", "date"),
            ". Tuve una cita el ", P(fd(rdate(rng, dt.date(2026, 8, 1), t.date() - dt.timedelta(days=3)), "us"), "date"), " con ", ctx.staff(role="MD").DR(),
            " y todavía no tengo los resultados del laboratorio. Mi número de teléfono es ", p.PH(rng.choice(PHONE_STYLES), cell=True),
            " y vivo en ", p.ADDR1(), ".\n\nGracias,\n", p.N(), "\n\n")
    doc.add("----- Nota interna -----\nForwarded to ", st.N(), " for Spanish callback; interpreter line ext. ", st.EXT(), ".\n")
    return doc


@tpl("patient_email", "email_gmail_quoted_thread")
def t_pe10(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(25, 80))
    st = ctx.staff(role="RN")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    t2 = t + dt.timedelta(hours=rng.randint(2, 30))
    doc.add("Subject: Re: After your procedure\nFrom: ", p.N(), " <", p.EM(), ">\nTo: ", st.N(), " <", st.EM(), ">\nDate: ", D(rfc_date(t2), "date"), "\n\n"
            "Thanks. The swelling is a bit better today. I'm taking the ", MED(rng.choice(MEDS)), " as prescribed. I'll send a picture tomorrow.\n\n",
            p.G(), "\n\nOn ", D(email_date(t), "date"), " ", st.N(), " <", st.EM(), "> wrote:\n"
            "> Hi ", p.G(), ", checking in after your ", rng.choice(["colonoscopy", "knee scope", "cardiac cath", "biopsy"]), " on ",
            P(fd(t.date() - dt.timedelta(days=rng.randint(1, 4)), "mon"), "date"), ".\n> Any fever, bleeding or increased pain?\n> Call ",
            st.PH(), " with questions.\n>\n> ", st.N(), ", RN\n")
    return doc


@tpl("patient_email", "email_refill_request")
def t_pe11(rng):
    ctx, doc = Ctx(rng), Doc()
    p = ctx.patient(age=rng.randint(30, 95))
    md = ctx.staff(role="MD")
    t = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 4)))
    m = rng.choice(ORAL_MEDS)
    doc.add("From: ", p.N(), " <", p.EM(), ">\nTo: ", clinic_box(ctx, "pharmacy.refills"), "\nDate: ", D(rfc_date(t), "date"), "\nSubject: Refill ",
            MED(m.split()[0]), "\n\nPlease send a refill of my ", MED(m), " to the ", rng.choice(["CVS", "Walgreens", "Rite Aid", "Walmart"]),
            " on ", rng.choice(["Main", "Broadway", "5th", "Route 9"]), ". I have 3 pills left. ", md.DR(), " is my doctor.\n\n"
            "Name: ", p.N(), "\nBirthday: ", p.DOB(rng.choice(["us2", "us1", "mon"])), "\nPhone: ", p.PH(rng.choice(PHONE_STYLES)), "\n",
            "Pharmacy Rx number on the bottle: ", P(str(rng.randint(10 ** 6, 10 ** 7)), "other_id"), "\n\n", p.G(), "\n")
    if p.native:
        doc.add(p.NAT(), "\n")
    return doc

# ===========================================================================
# CLEAN family: clean_stack_trace
# ===========================================================================

def pod(rng, svc):
    return f"{svc}-{hexs(rng, 10)[:9]}-{''.join(rng.choice('abcdefghjkmnpqrstvwxz2456789') for _ in range(5))}"


@tpl("clean_stack_trace", "clean_java_npe_fhir_facade")
def t_cs1(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "EHR"), "NullPointerException in FhirPatientFacade when _include=Patient:general-practitioner", rep, asg, created)
    t = created - dt.timedelta(minutes=rng.randint(5, 90))
    rid = uuid(rng)
    p1 = pod(rng, "fhir-facade")
    doc.add("Seen in PROD since the ", f"2026.{rng.randint(1, 12)}.{rng.randint(0, 9)}", " deploy. Roughly ", str(rng.randint(20, 400)), " errors/hour, all from the "
            "same partner app (client_id ", f"app-{hexs(rng, 8)}", ").\n\n{code}\n")
    for i in range(3):
        doc.add(f"{log_ts(t + dt.timedelta(milliseconds=i * 37), rng.randint(0, 999))} {['INFO ', 'WARN ', 'ERROR'][i]} [http-nio-8443-exec-{rng.randint(1, 200)}] "
                f"o.e.fhir.rest.PatientResourceProvider - requestId={rid} pod={p1} "
                + ["GET /r4/Patient?_id=" + str(rng.randint(10 ** 6, 10 ** 7)) + "&_include=Patient:general-practitioner",
                   "practitioner reference unresolved: Practitioner/" + str(rng.randint(1000, 99999)),
                   "Unhandled exception"][i] + "\n")
    doc.add("java.lang.NullPointerException: Cannot invoke \"org.hl7.fhir.r4.model.Reference.getReferenceElement()\" because the return value of "
            "\"org.hl7.fhir.r4.model.Patient.getGeneralPractitionerFirstRep()\" is null\n")
    for c in ["PatientIncludeResolver.resolve(PatientIncludeResolver.java:88)", "PatientResourceProvider.search(PatientResourceProvider.java:212)",
              "RestfulServer.handleRequest(RestfulServer.java:1158)"]:
        doc.add(f"\tat org.example.fhir.rest.{c}\n")
    doc.add("\t... 47 common frames omitted\n{code}\n\nUpstream DB ", server_ip(rng), ":5432 healthy. Heap fine (", str(rng.randint(40, 70)), "%).\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=2), ["Guard added in ", f"PR #{rng.randint(100, 3000)}", ". ", rep.H(),
                 " please verify in stage with trace id ", hexs(rng, 32), "."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_python_airflow_traceback")
def t_cs2(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "DATA"), "Airflow DAG claims_daily_load failing at load_to_warehouse", rep, asg, created, comp="Data Warehouse")
    run = f"scheduled__{created.date().isoformat()}T06:00:00+00:00"
    t = created - dt.timedelta(hours=rng.randint(1, 5))
    db = server_ip(rng)
    doc.add("Task log:\n```\n")
    doc.add(f"[{t:%Y-%m-%d, %H:%M:%S} UTC] {{taskinstance.py:1159}} INFO - Dependencies all met for dep_context=non-requeueable deps "
            f"ti=<TaskInstance: claims_daily_load.load_to_warehouse {run} [queued]>\n"
            f"[{t:%Y-%m-%d, %H:%M:%S} UTC] {{taskinstance.py:1361}} INFO - Starting attempt {rng.randint(1, 3)} of 3\n"
            f"[{(t + dt.timedelta(seconds=41)):%Y-%m-%d, %H:%M:%S} UTC] {{taskinstance.py:1703}} ERROR - Task failed with exception\n"
            "Traceback (most recent call last):\n  File \"/opt/airflow/dags/claims/load.py\", line ", str(rng.randint(40, 200)), ", in load_to_warehouse\n"
            "    cur.copy_expert(COPY_SQL, fh)\n  File \"/usr/local/lib/python3.11/site-packages/psycopg2/extras.py\", line 1178, in copy_expert\n"
            f"psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"claim_line_pkey\"\n"
            f"DETAIL:  Key (claim_id, line_no)=({rng.randint(10 ** 6, 10 ** 7)}, {rng.randint(1, 9)}) already exists.\n"
            f"CONTEXT:  COPY claim_line, line {rng.randint(100, 90000)}\n\n"
            f"[{(t + dt.timedelta(seconds=42)):%Y-%m-%d, %H:%M:%S} UTC] {{taskinstance.py:1398}} INFO - Marking task as UP_FOR_RETRY. "
            f"dag_id=claims_daily_load, task_id=load_to_warehouse, execution_date={created:%Y%m%dT060000}\n```\n\n"
            f"Warehouse host {db}, schema stage_rcm. The extract re-sent yesterday's file (same SHA-256 ", hexs(rng, 64), ").\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=1), ["Added an idempotency check on file hash. Cleared and re-ran; green. ",
                 ctx.staff().AT(), " FYI for the morning report."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_dotnet_sql_timeout")
def t_cs3(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "RCM"), "Charge router service: SqlException timeout during nightly batch", rep, asg, created)
    srv = f"SQLPRD{rng.randint(1, 9):02d}\\RCM"
    doc.add("Event Viewer (Application), source ChargeRouter:\n{noformat}\n",
            f"Log Name: Application\nSource: ChargeRouter\nDate: {created - dt.timedelta(hours=6):%m/%d/%Y %I:%M:%S %p}\nEvent ID: {rng.choice([1000, 1026, 5011])}\n"
            f"Level: Error\nComputer: APP{rng.randint(10, 99)}.corp.{ctx.dom}\nDescription:\n"
            "Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation "
            "or the server is not responding.\n ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.\n"
            "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n"
            "   at Microsoft.Data.SqlClient.SqlCommand.ExecuteReader()\n"
            "   at ChargeRouter.Data.ChargeRepository.GetPendingCharges(Int32 batchSize) in D:\\a\\1\\s\\src\\ChargeRouter.Data\\ChargeRepository.cs:line ",
            str(rng.randint(40, 300)), "\n   at ChargeRouter.Worker.ExecuteAsync(CancellationToken stoppingToken)\n"
            f"ClientConnectionId:{uuid(rng)}\nError Number:-2,State:0,Class:11\n{{noformat}}\n\n"
            f"Server {srv} ({server_ip(rng)}), blocking SPID {rng.randint(50, 900)} held a lock on dbo.ChargeQueue for {rng.randint(3, 40)} minutes "
            "(index rebuild job).\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=3), ["Moved the index maintenance window to 02:30. ", rep.H(), " closing after two clean nights."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_node_unhandled_rejection")
def t_cs4(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "PORTAL"), "portal-bff crashes with UnhandledPromiseRejection on appointment search", rep, asg, created, comp="Patient Portal")
    t = created - dt.timedelta(minutes=rng.randint(10, 300))
    podn = pod(rng, "portal-bff")
    doc.add("kubectl logs ", podn, " -n portal --previous\n```\n")
    for i in range(2):
        doc.add(json.dumps({"level": 30 if i == 0 else 50, "time": int((t - dt.datetime(1970, 1, 1)).total_seconds() * 1000) + i * 12, "pid": 1, "hostname": podn,
                            "reqId": f"req-{rng.randint(1, 9999)}", "msg": "GET /api/v2/appointments/search 502" if i else "upstream call scheduling-svc"}), "\n")
    doc.add("node:internal/process/promises:391\n      triggerUncaughtException(err, true /* fromPromise */);\n      ^\n\n"
            "AxiosError: Request failed with status code 502\n    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)\n"
            "    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)\n"
            "    at async SchedulingClient.search (/app/dist/clients/scheduling.js:58:17)\n"
            "    at async /app/dist/routes/appointments.js:31:20 {\n  code: 'ERR_BAD_RESPONSE',\n"
            f"  config: {{ baseURL: 'http://scheduling-svc.scheduling.svc.cluster.local:8080', timeout: 5000 }}\n}}\n\nNode.js v20.{rng.randint(10, 18)}.{rng.randint(0, 3)}\n```\n\n"
            f"Restarts: {rng.randint(3, 40)} in the last hour. Ingress {server_ip(rng)}.\n\n")
    jira_comment(doc, asg, created + dt.timedelta(minutes=45), ["Missing await + catch in appointments.js; hotfix ", f"v{rng.randint(3, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}", " rolling out."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_hl7_msh_parse_error")
def t_cs5(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "HIE"), "Inbound ORM: 'Unsupported encoding characters' from new lab vendor", rep, asg, created)
    t = created - dt.timedelta(hours=rng.randint(1, 6))
    ctrl = f"{rng.randint(10 ** 8, 10 ** 9)}"
    doc.add("New vendor connection on port ", str(rng.randint(6600, 6700)), " from ", server_ip(rng), ". Only the header is relevant (rest of the message "
            "is not logged by design):\n{noformat}\n", f"MSH|^~\\&#|NEWLAB|REFLAB|EPIC|{ctx.fac_short}|", f"{fdt(t, 'hl7s')}", f"||ORM^O01|{ctrl}|P|2.3\n",
            "{noformat}\nParser log:\n{noformat}\n",
            f"{log_ts(t, rng.randint(0, 999))} ERROR [MLLP-{rng.randint(1, 8)}] ca.uhn.hl7v2.parser.PipeParser - control id {ctrl}\n"
            "ca.uhn.hl7v2.parser.EncodingNotSupportedException: Can't parse message beginning MSH|^~\\&#|NEWLAB|\n"
            "\tat ca.uhn.hl7v2.parser.Parser.parse(Parser.java:211)\n\tat ca.uhn.hl7v2.llp.MinLowerLayerProtocol...\n"
            f"{log_ts(t + dt.timedelta(seconds=1), rng.randint(0, 999))} INFO  [MLLP-{rng.randint(1, 8)}] AckGenerator - sent ACK AR for {ctrl}\n"
            "{noformat}\n\nMSH-2 has five encoding characters (2.7 truncation char '#') while the version is 2.3. Vendor contact ",
            ctx.staff(dom=ctx.vdom).N(), " says they will drop the '#'.\n")
    return doc


@tpl("clean_stack_trace", "clean_go_panic_goroutine")
def t_cs6(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "OPS"), "dicom-router panics on C-STORE with empty transfer syntax", rep, asg, created, comp="Imaging")
    doc.add("```\npanic: runtime error: index out of range [0] with length 0\n\ngoroutine ", str(rng.randint(100, 9000)), " [running]:\n"
            "github.com/example/dicom-router/internal/scp.(*Association).negotiate(0xc000", hexs(rng, 6), ", {0x0, 0x0, 0x0})\n"
            "\t/src/internal/scp/assoc.go:", str(rng.randint(100, 400)), " +0x", hexs(rng, 3), "\n"
            "github.com/example/dicom-router/internal/scp.(*Server).handle(0xc000", hexs(rng, 6), ", {0x1a2b3c0, 0xc000", hexs(rng, 6), "})\n"
            "\t/src/internal/scp/server.go:", str(rng.randint(50, 200)), " +0x", hexs(rng, 3), "\ncreated by github.com/example/dicom-router/internal/scp.(*Server).Serve in goroutine 1\n"
            "\t/src/internal/scp/server.go:88 +0x2f1\n```\n\nCalling AE ", rng.choice(["MODALITY_CT2", "US_ROOM4", "MR_3T_A"]), " from ", server_ip(rng),
            ", router version ", f"v1.{rng.randint(4, 9)}.{rng.randint(0, 12)}", " (commit ", hexs(rng, 7), ").\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=5), ["Reproduced with dcmsend --propose-lossless. Fix: reject the association with reason 0x02 "
                 "instead of indexing. Released ", f"v1.{rng.randint(4, 9)}.{rng.randint(13, 20)}", "."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_kafka_consumer_rebalance")
def t_cs7(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "INTF"), "ADT event consumer stuck in rebalance loop; lag growing on adt.events.v2", rep, asg, created)
    t = created - dt.timedelta(minutes=rng.randint(20, 200))
    grp = f"adt-consumer-{rng.choice(['bedboard', 'dietary', 'analytics'])}"
    doc.add("{code}\n")
    for i in range(5):
        tt = t + dt.timedelta(seconds=i * rng.randint(3, 40))
        msg = rng.choice([f"[Consumer clientId=consumer-{grp}-1, groupId={grp}] Request joining group due to: need to re-join with the given member-id: consumer-{grp}-1-{uuid(rng)}",
                          f"[Consumer clientId=consumer-{grp}-1, groupId={grp}] Revoke previously assigned partitions adt.events.v2-{rng.randint(0, 11)}, adt.events.v2-{rng.randint(0, 11)}",
                          f"[Consumer clientId=consumer-{grp}-1, groupId={grp}] Member consumer-{grp}-1 sending LeaveGroup request to coordinator b-{rng.randint(1, 3)}.kafka.internal:9092 (id: {rng.randint(1, 3)}) due to consumer poll timeout has expired."])
        doc.add(f"{log_ts(tt, rng.randint(0, 999))} INFO  [{grp}-thread-0] o.a.k.c.c.i.ConsumerCoordinator - {msg}\n")
    doc.add("{code}\n\nLag: ", str(rng.randint(20000, 900000)), " messages across 12 partitions. max.poll.interval.ms=300000 but a single batch "
            "takes ~7 minutes when the downstream API is slow.\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=1), ["Reduced max.poll.records to 100 and moved the HTTP call off the poll thread. Lag draining."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_postgres_deadlock")
def t_cs8(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "DATA"), "Deadlocks between scheduling sync and slot cleanup job", rep, asg, created)
    t = created - dt.timedelta(hours=rng.randint(1, 9))
    p1, p2 = rng.randint(10000, 99999), rng.randint(10000, 99999)
    doc.add("postgresql-", f"{t:%Y-%m-%d}", ".log:\n{noformat}\n",
            f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(100, 999)} UTC [{p1}] sched_app@scheduling ERROR:  deadlock detected\n"
            f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(100, 999)} UTC [{p1}] sched_app@scheduling DETAIL:  Process {p1} waits for ShareLock on transaction "
            f"{rng.randint(10 ** 7, 10 ** 8)}; blocked by process {p2}.\n\tProcess {p2} waits for ShareLock on transaction {rng.randint(10 ** 7, 10 ** 8)}; blocked by process {p1}.\n"
            f"\tProcess {p1}: UPDATE appointment_slot SET status = $1, updated_at = now() WHERE slot_id = ANY($2)\n"
            f"\tProcess {p2}: DELETE FROM appointment_slot WHERE provider_id = $1 AND slot_start < $2\n"
            f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(100, 999)} UTC [{p1}] sched_app@scheduling HINT:  See server log for query details.\n"
            f"{t:%Y-%m-%d %H:%M:%S}.{rng.randint(100, 999)} UTC [{p1}] sched_app@scheduling CONTEXT:  while updating tuple ({rng.randint(1, 9000)},{rng.randint(1, 60)}) in relation \"appointment_slot\"\n"
            "{noformat}\n\nHost pg-sched-01 (", server_ip(rng), "), PostgreSQL 16.", str(rng.randint(2, 6)), ".\n\n")
    jira_comment(doc, asg, created + dt.timedelta(hours=4), ["Both now lock rows ORDER BY slot_id. No deadlocks since ", f"{(created + dt.timedelta(hours=4)):%H:%M}", "."], rng=rng)
    return doc


@tpl("clean_stack_trace", "clean_unit_test_documented_values")
def t_cs9(rng):
    ctx, doc = Ctx(rng), Doc()
    rep, asg = ctx.staff(), ctx.staff()
    created = rtime(rng, rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)))
    jira_head(doc, ctx, ticket(rng, "EHR"), "CI: IdentifierValidatorTest failing after commons-validator upgrade", rep, asg, created, comp="Build")
    doc.add("Build ", f"#{rng.randint(1000, 9999)}", " on agent ", f"build-agent-{rng.randint(1, 12):02d}", " (", server_ip(rng), "):\n\n{code}\n"
            "[ERROR] Tests run: 14, Failures: 3, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! - in org.example.ids.IdentifierValidatorTest\n"
            "[ERROR] ssnAcceptsDocumentedExample  Time elapsed: 0.004 s  <<< FAILURE!\n"
            "org.opentest4j.AssertionFailedError: expected: <true> but was: <false> (input \"123-45-6789\")\n"
            "[ERROR] npiLuhnWithPrefix  Time elapsed: 0.002 s  <<< FAILURE!\norg.opentest4j.AssertionFailedError: NPI 1234567893 should pass 80840-prefixed Luhn\n"
            "[ERROR] mbiFormat  Time elapsed: 0.001 s  <<< FAILURE!\norg.opentest4j.AssertionFailedError: MBI 1EG4-TE5-MK73 rejected: position 3 alphabet changed\n"
            "[INFO] phoneFormatting: 3125550142 -> (312) 555-0142 ... ok\n{code}\n\n"
            "These are the documented test values; the new library version treats 123-45-6789 as 'advertised' and rejects it. ",
            asg.AT(), " suggest we pin ", f"commons-validator 1.{rng.randint(8, 9)}.0", " until we rewrite the check.\n")
    return doc


# ===========================================================================
# CLEAN family: clean_meeting_notes
# ===========================================================================

def bridge(rng):
    return (f"+1 {rng.choice(['312', '646', '669', '929', '253', '346', '301'])} {rng.randint(201, 899)} {rng.randint(1000, 9999)}",
            f"{rng.randint(100, 999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}", f"{rng.randint(100000, 999999)}")


@tpl("clean_meeting_notes", "clean_daily_standup")
def t_cm1(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    team = [ctx.staff() for _ in range(rng.randint(4, 6))]
    doc.add(f"Interface team stand-up — {d:%a %d %b %Y}\nAttendees: ", join(", ", [m.N() for m in team]), "\n\n")
    for m in team:
        doc.add("* ", m.N(), ": ", rng.choice([f"finished {ticket(rng)}; starting Cerner→Epic ORU mapping review",
                                                  f"blocked on firewall request FW-{rng.randint(1000, 9999)} for {server_ip(rng)}:{rng.randint(6000, 7000)}",
                                                  f"testing Rhapsody 7.{rng.randint(1, 3)} upgrade in TST; {rng.randint(2, 9)} routes left",
                                                  f"on call last night — 2 pages, both queue alerts, no action",
                                                  f"pairing with {team[0].given} on {ticket(rng)}",
                                                  f"PTO {d + dt.timedelta(days=rng.randint(2, 9)):%m/%d}-{d + dt.timedelta(days=rng.randint(10, 14)):%m/%d}"]), "\n")
    doc.add("\nParking lot: cert renewal for mllp-gw (expires ", f"{d + dt.timedelta(days=rng.randint(10, 40)):%Y-%m-%d}", ") — ", team[-1].AT(), "\n")
    return doc


@tpl("clean_meeting_notes", "clean_sprint_retro")
def t_cm2(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    team = [ctx.staff() for _ in range(rng.randint(4, 7))]
    doc.add(f"# Sprint {rng.randint(30, 60)} retro ({d.isoformat()})\n\nFacilitator: ", team[0].AT(), "\nParticipants: ", join(", ", [m.AT() for m in team[1:]]), "\n\n"
            "## What went well\n- Portal release ", f"5.{rng.randint(0, 9)}.{rng.randint(0, 9)}", " shipped with zero rollbacks\n- Velocity ", str(rng.randint(30, 60)),
            " pts (avg ", str(rng.randint(30, 60)), ")\n\n## What didn't\n- ", f"{rng.randint(3, 9)} tickets carried over ({ticket(rng)}, {ticket(rng)})", "\n"
            "- Stage env down for ", str(rng.randint(3, 30)), " hours on ", f"{d - dt.timedelta(days=rng.randint(2, 9)):%m/%d}", " (disk full on ", server_ip(rng), ")\n\n"
            "## Actions\n- [ ] ", team[1].AT(), " add disk alerts at 80%\n- [ ] ", team[2].AT(), " split ", ticket(rng), " before refinement\n")
    return doc


@tpl("clean_meeting_notes", "clean_golive_cutover_planning")
def t_cm3(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2027, 1, 10), dt.date(2027, 3, 20))
    team = [ctx.staff() for _ in range(rng.randint(5, 7))]
    ph, mid, pc = bridge(rng)
    doc.add(f"Cutover planning — {rng.choice(['Lab', 'Radiology', 'Pharmacy', 'Ambulatory'])} go-live\nMeeting date: {rdate(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 5)):%B %d, %Y}\n"
            "Attendees: ", join("; ", [m.N() for m in team]), "\n\nBridge: ", ph, "  Meeting ID ", mid, "  Passcode ", pc, "\n\n"
            "Timeline (all times Central):\n", f"  {d - dt.timedelta(days=1):%a %m/%d} 18:00  Freeze on build changes\n",
            f"  {d:%a %m/%d} 00:30  Downtime begins; BCA PCs switch to read-only\n",
            f"  {d:%a %m/%d} 01:15  Interface queues paused (owner ")
    doc.add(team[1].N(), ")\n", f"  {d:%a %m/%d} 03:00  Conversion validation (", team[2].N(), ")\n",
            f"  {d:%a %m/%d} 05:30  Go/No-go call — ", team[0].DR(), " (CMIO) decides\n\n"
            "Open risks:\n1. Legacy LIS vendor support ends ", f"{d + dt.timedelta(days=30):%m/%d/%Y}", "\n2. Label printer firmware on ", str(rng.randint(20, 80)),
            " devices not updated\n\nCommand center: Room ", str(rng.randint(100, 400)), ", ", ctx.FAC(), ". Support line for staff: ext. ", D(str(rng.randint(2000, 7999)), "staff_contact"), "\n")
    return doc


@tpl("clean_meeting_notes", "clean_vendor_sync")
def t_cm4(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    ours = [ctx.staff() for _ in range(2)]
    theirs = [ctx.staff(dom=ctx.vdom) for _ in range(2)]
    doc.add(f"Weekly sync — {ctx.vendor} / ", ctx.FAC(), f"\n{d:%m/%d/%Y}, 10:00–10:30 ET\n\nFrom us: ", join(", ", [m.N() for m in ours]),
            f"\nFrom {ctx.vendor}: ", join(", ", [m.N() for m in theirs]), "\n\n1. SOW change request CR-", str(rng.randint(10, 99)),
            " for FHIR Bulk export — vendor to quote by ", f"{d + dt.timedelta(days=7):%m/%d}", "\n2. Case ", str(rng.randint(10 ** 6, 10 ** 7)),
            " (TLS 1.0 still offered on ", server_ip(rng), ":443) — patched in ", f"{rng.randint(10, 14)}.{rng.randint(0, 9)}.{rng.randint(0, 30)}", "\n"
            "3. Escalation contact changed to ", theirs[0].N(), " (", theirs[0].EM(), ", ", theirs[0].PH(), ")\n\nNext meeting ", f"{d + dt.timedelta(days=7):%m/%d/%Y}", "\n")
    return doc


@tpl("clean_meeting_notes", "clean_incident_postmortem")
def t_cm5(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    ic, scribe, eng = ctx.staff(), ctx.staff(), ctx.staff()
    t = rtime(rng, d, 1, 20)
    inc = f"INC{rng.randint(10 ** 6, 10 ** 7)}"
    doc.add(f"Post-incident review: {inc} — results interface outage\nDate of incident: {d:%Y-%m-%d}   Severity: 2   Duration: {rng.randint(40, 200)} min\n"
            "Incident commander: ", ic.N(), "   Scribe: ", scribe.N(), "\n\nTimeline (UTC)\n")
    steps = ["Alert: results queue depth > 500 on rhapsody-prd-02", "On-call (", "Identified expired client cert on LIS side", "Vendor renewed cert",
             "Queue drained; 4,812 messages delivered", "All clear sent to clinical ops"]
    for i, s in enumerate(steps):
        t += dt.timedelta(minutes=rng.randint(4, 40))
        if s == "On-call (":
            doc.add(f"  {t:%H:%M}  On-call (", eng.N(), ") acknowledged page, joined bridge\n")
        else:
            doc.add(f"  {t:%H:%M}  {s}\n")
    doc.add("\nImpact: no results lost; clinicians saw delays up to ", str(rng.randint(40, 180)), " minutes. No patient harm reported to the safety team.\n"
            "Root cause: certificate expiry not monitored for partner endpoints.\n\nActions\n- ", eng.AT(), f" add cert expiry checks for all {rng.randint(20, 80)} MLLP/TLS partners ({ticket(rng, 'OPS')})\n"
            "- ", ic.AT(), " update runbook\n")
    return doc


@tpl("clean_meeting_notes", "clean_pharmacy_therapeutics_committee")
def t_cm6(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    chair, ph1, ph2, md = ctx.staff(role="MD"), ctx.staff(role="PharmD"), ctx.staff(role="PharmD"), ctx.staff(role="MD")
    doc.add(f"Pharmacy & Therapeutics Committee — minutes\n{d:%B %d, %Y}\nChair: ", chair.DR(True), "\nPresent: ", ph1.N(), ", PharmD; ", ph2.N(), ", PharmD; ",
            md.DR(True), "\n\n1. Formulary additions approved: ", MED("tirzepatide"), " (restricted to endocrinology), ", MED("nirmatrelvir/ritonavir"), ".\n"
            "2. ", MED("Enoxaparin"), " dosing in ", CND("obesity"), " (BMI ≥ 40): adopt 0.5 mg/kg q12h protocol; anti-Xa monitoring per guideline.\n"
            "3. Shortage update: ", MED("amoxicillin suspension"), " — substitute ", MED("cefdinir"), " per ID guidance until further notice.\n"
            "4. ", MED("Vancomycin"), " AUC dosing go-live ", f"{d + dt.timedelta(days=30):%m/%d/%Y}", "; education by ", ph2.N(), ".\n\n"
            "Next meeting: ", f"{d + dt.timedelta(days=28):%B %d, %Y}", ", ", ctx.FAC(), " board room B.\n")
    return doc


@tpl("clean_meeting_notes", "clean_architecture_review")
def t_cm7(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    arch, sec, dev, dev2 = ctx.staff(), ctx.staff(), ctx.staff(), ctx.staff()
    doc.add(f"ARB review — FHIR gateway v3 ({d.isoformat()})\n\nPresenter: ", dev.N(), "\nBoard: ", arch.N(), " (chair), ", sec.N(), " (security), ", dev2.N(), "\n\n"
            "Proposal: replace the Tomcat facade with an API gateway + HAPI JPA server on Postgres 16. Subnets ", f"10.{rng.randint(10, 90)}.0.0/16", " (app) and ",
            f"10.{rng.randint(91, 200)}.0.0/16", " (db). Throughput target ", str(rng.randint(300, 900)), " req/s, p99 < 400 ms.\n\n"
            "Decisions:\n- Approved with conditions (ADR-", str(rng.randint(20, 90)), ")\n- SMART backend services auth only; no client secrets in config\n"
            "- Audit events to the SIEM within 60 s\n\nFollow-ups: ", sec.AT(), " threat model by ", f"{d + dt.timedelta(days=14):%m/%d}", "; ", dev.AT(),
            " load test results.\n")
    return doc


@tpl("clean_meeting_notes", "clean_clinical_informatics_council")
def t_cm8(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    cmio, cnio, an = ctx.staff(role="MD"), ctx.staff(role="DNP, RN"), ctx.staff()
    ph, mid, pc = bridge(rng)
    doc.add(f"Clinical Informatics Council — {d:%m/%d/%Y}\nAttendees: ", cmio.DR(True), " (CMIO), ", cnio.N(), " (CNIO), ", an.N(), " (analyst)\n"
            "Teams dial-in: ", ph, ",,", pc, "#  Conference ID: ", pc, "#\n\n"
            "Agenda\n1. Sepsis BPA — alert rate down ", str(rng.randint(10, 40)), "% after adding lactate ≥ 2 criterion. Keep.\n"
            "2. Order set: ", CND("community-acquired pneumonia"), " (", DXC("J18.9"), ") — add ", MED("azithromycin"), " default; remove ", MED("levofloxacin"), " from defaults.\n"
            "3. Problem list cleanup: retire free-text '", CND("DM2"), "' entries → map to ", DXC("E11.9"), ".\n"
            "4. Nursing documentation burden: flowsheet rows cut from ", str(rng.randint(600, 900)), " to ", str(rng.randint(300, 599)), ".\n\n"
            "Decisions recorded in ", ticket(rng, "CLIN"), ". Next council ", f"{d + dt.timedelta(days=14):%m/%d/%Y}", ".\n")
    return doc


# ===========================================================================
# CLEAN family: clean_validator_diff
# ===========================================================================

def clean_pr(doc, ctx, title):
    rng = ctx.rng
    a, r = ctx.staff(), ctx.staff()
    doc.add(f"Pull request #{rng.randint(50, 3000)}: {title}\n", a.N(), f" → {rng.choice(['main', 'develop'])}   Reviewer: ", r.N(),
            f"   Build #{rng.randint(100, 9999)} ✓\n\n")
    return a, r


def diff_text(rng, path, lines, new=False):
    """lines: list of (op, pieces)"""
    old_n = sum(1 for op, _ in lines if op in " -")
    new_n = sum(1 for op, _ in lines if op in " +")
    s = rng.randint(1, 80)
    if new:
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{hexs(rng, 7)}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{new_n} @@\n"
    else:
        head = f"diff --git a/{path} b/{path}\nindex {hexs(rng, 7)}..{hexs(rng, 7)} 100644\n--- a/{path}\n+++ b/{path}\n@@ -{s},{old_n} +{s},{new_n} @@\n"
    out = [head]
    for op, pcs in lines:
        out += [op] + seq(pcs) + ["\n"]
    return out


def L(op, text):
    return [(op, x) for x in text.split("\n")]


@tpl("clean_validator_diff", "clean_python_ssn_validator")
def t_cv1(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "Tighten SSN validation (reject 9xx areas and 00 groups)")
    lines = L(" ", "import re\n\nSSN_RE = re.compile(r\"^(\\d{3})-?(\\d{2})-?(\\d{4})$\")\n") + \
        L("-", "def is_valid_ssn(value: str) -> bool:\n    return bool(SSN_RE.match(value))") + \
        L("+", "ADVERTISED = load_blocklist(\"config/ssn_advertised.txt\")\n\n\ndef is_valid_ssn(value: str) -> bool:\n    m = SSN_RE.match(value)\n    if not m:\n        return False\n"
               "    area, group, serial = m.groups()\n    if area in (\"000\", \"666\") or area.startswith(\"9\"):\n        return False\n"
               "    if group == \"00\" or serial == \"0000\":\n        return False\n    return value not in ADVERTISED")
    doc.add(diff_text(rng, "src/ids/ssn.py", lines))
    tl = L("+", "import pytest\nfrom ids.ssn import is_valid_ssn\n\n\n@pytest.mark.parametrize(\"value,ok\", [\n    (\"123-45-6789\", True),   # documented test value\n"
                "    (\"000-12-3456\", False),\n    (\"666-12-3456\", False),\n    (\"912-34-5678\", False),\n    (\"123-00-4567\", False),\n    (\"123-45-0000\", False),\n])\n"
                "def test_ssn(value, ok):\n    assert is_valid_ssn(value) is ok")
    doc.add(diff_text(rng, "tests/test_ssn.py", tl, new=True))
    return doc


@tpl("clean_validator_diff", "clean_java_npi_luhn")
def t_cv2(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "NpiValidator: apply 80840 prefix before Luhn")
    lines = L(" ", "public final class NpiValidator {\n    private NpiValidator() {}\n") + \
        L("-", "    public static boolean isValid(String npi) {\n        return npi != null && npi.matches(\"\\\\d{10}\") && Luhn.check(npi);\n    }") + \
        L("+", "    /** CMS: prefix 80840 then Luhn over 15 digits. */\n    public static boolean isValid(String npi) {\n"
               "        if (npi == null || !npi.matches(\"[12]\\\\d{9}\")) return false;\n        return Luhn.check(\"80840\" + npi);\n    }") + L(" ", "}")
    doc.add(diff_text(rng, "core/src/main/java/org/example/ids/NpiValidator.java", lines))
    tl = L(" ", "class NpiValidatorTest {") + L("+", "    @Test void documentedExample() { assertTrue(NpiValidator.isValid(\"1234567893\")); }\n"
                                                        "    @Test void wrongCheckDigit() { assertFalse(NpiValidator.isValid(\"1234567890\")); }\n"
                                                        "    @Test void mustStartWith1or2() { assertFalse(NpiValidator.isValid(\"3234567893\")); }") + L(" ", "}")
    doc.add(diff_text(rng, "core/src/test/java/org/example/ids/NpiValidatorTest.java", tl))
    return doc


@tpl("clean_validator_diff", "clean_ts_phone_formatter")
def t_cv3(rng):
    ctx, doc = Ctx(rng), Doc()
    a, r = clean_pr(doc, ctx, "Phone input: format NANP numbers as you type")
    lines = L("+", "const NANP = /^\\+?1?\\D*([2-9]\\d{2})\\D*([2-9]\\d{2})\\D*(\\d{4})$/;\n\nexport function formatPhone(raw: string): string | null {\n"
                   "  const m = NANP.exec(raw.trim());\n  if (!m) return null;\n  return `(${m[1]}) ${m[2]}-${m[3]}`;\n}\n\n"
                   "// test fixtures use the reserved fictional range 555-0100..555-0199\n"
                   "export const EXAMPLES = ['(312) 555-0142', '212-555-0199', '+1 415 555 0100'];")
    doc.add(diff_text(rng, "packages/ui/src/phone/formatPhone.ts", lines, new=True))
    doc.add("\n", r.N(), " commented: nice. Can we reject N11 exchanges too (e.g. 411)?\n")
    return doc


@tpl("clean_validator_diff", "clean_kotlin_hl7_pid_rules")
def t_cv4(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "Add PID field presence rules to inbound validator")
    lines = L(" ", "object PidRules {") + \
        L("+", "    val required = listOf(3, 5, 7, 8)           // identifier, name, birth date, sex\n"
               "    val maxLen = mapOf(5 to 250, 11 to 250, 13 to 250, 19 to 16)\n\n"
               "    fun check(pid: Segment): List<Issue> = buildList {\n"
               "        required.filter { pid.field(it).isBlank() }.forEach { add(Issue(\"PID-$it\", \"required field empty\")) }\n"
               "        maxLen.forEach { (f, n) -> if (pid.field(f).length > n) add(Issue(\"PID-$f\", \"exceeds $n\")) }\n"
               "        if (!Regex(\"\\\\d{8}(\\\\d{4,6})?\").matches(pid.field(7))) add(Issue(\"PID-7\", \"not TS\"))\n    }") + L(" ", "}")
    doc.add(diff_text(rng, "validator/src/main/kotlin/rules/PidRules.kt", lines))
    tl = L("+", "@Test fun `blank birth date is flagged`() {\n    val seg = Segment.parse(\"PID|1||${MRN_PLACEHOLDER}^^^TEST^MR||${NAME_PLACEHOLDER}||\")\n"
                "    assertEquals(listOf(\"PID-7\", \"PID-8\"), PidRules.check(seg).map { it.field })\n}")
    doc.add(diff_text(rng, "validator/src/test/kotlin/rules/PidRulesTest.kt", tl, new=True))
    return doc


@tpl("clean_validator_diff", "clean_sql_check_constraints")
def t_cv5(rng):
    ctx, doc = Ctx(rng), Doc()
    a, r = clean_pr(doc, ctx, "Migration: CHECK constraints on identifier columns")
    v = rng.randint(40, 200)
    lines = L("+", f"-- V{v}__identifier_checks.sql\nALTER TABLE patient\n  ADD CONSTRAINT ck_patient_zip CHECK (postal_code ~ '^[0-9]{{5}}(-[0-9]{{4}})?$' AND postal_code <> '00000'),\n"
                   "  ADD CONSTRAINT ck_patient_ssn CHECK (ssn IS NULL OR ssn ~ '^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$');\n\n"
                   "ALTER TABLE coverage\n  ADD CONSTRAINT ck_cov_mbi CHECK (mbi IS NULL OR mbi ~ '^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$');\n\n"
                   "-- smoke test with the CMS example value\nSELECT '1EG4TE5MK73' ~ '^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$';")
    doc.add(diff_text(rng, f"db/migration/V{v}__identifier_checks.sql", lines, new=True))
    doc.add("\n", r.N(), ": Postgres regex has no lookahead — ck_patient_ssn will fail to create. Use separate substring checks.\n")
    return doc


@tpl("clean_validator_diff", "clean_fhir_profile_constraint")
def t_cv6(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "Profile: require Patient.identifier with MR type")
    lines = L(" ", "    \"element\": [\n      {\n        \"id\": \"Patient.identifier\",\n        \"path\": \"Patient.identifier\",") + \
        L("-", "        \"min\": 0,") + L("+", "        \"min\": 1,\n        \"constraint\": [\n          {\n            \"key\": \"org-pat-1\",\n"
                                             "            \"severity\": \"error\",\n            \"human\": \"At least one identifier with type MR\",\n"
                                             "            \"expression\": \"identifier.where(type.coding.code = 'MR').exists()\"\n          }\n        ],") + \
        L(" ", "        \"max\": \"*\"\n      },")
    doc.add(diff_text(rng, "ig/input/resources/StructureDefinition-org-patient.json", lines))
    doc.add("\nIG publisher: 0 errors, ", str(rng.randint(2, 30)), " warnings (build ", hexs(rng, 7), ").\n")
    return doc


@tpl("clean_validator_diff", "clean_go_mbi_validator")
def t_cv7(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "eligibility: validate MBI format before 270 request")
    lines = L("+", "package eligibility\n\nimport \"regexp\"\n\n// CMS MBI: C A AN N A AN N A A N N, letters exclude S L O I B Z\n"
                   "var mbiRe = regexp.MustCompile(`^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\\d]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\\d]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}$`)\n\n"
                   "func ValidMBI(s string) bool {\n\treturn mbiRe.MatchString(strings.ReplaceAll(s, \"-\", \"\"))\n}")
    doc.add(diff_text(rng, "eligibility/mbi.go", lines, new=True))
    tl = L("+", "func TestValidMBI(t *testing.T) {\n\tfor _, tc := range []struct{ in string; ok bool }{\n\t\t{\"1EG4-TE5-MK73\", true}, // CMS example\n"
                "\t\t{\"1EG4TE5MK73\", true},\n\t\t{\"0EG4TE5MK73\", false},\n\t\t{\"1SG4TE5MK73\", false},\n\t} {\n"
                "\t\tif ValidMBI(tc.in) != tc.ok {\n\t\t\tt.Errorf(\"%s\", tc.in)\n\t\t}\n\t}\n}")
    doc.add(diff_text(rng, "eligibility/mbi_test.go", tl, new=True))
    return doc


@tpl("clean_validator_diff", "clean_yaml_detection_rules")
def t_cv8(rng):
    ctx, doc = Ctx(rng), Doc()
    a, r = clean_pr(doc, ctx, "DLP rules: add MRN and member-id patterns for the Confluence connector")
    lines = L(" ", "rules:") + L("+", "  - id: mrn-labelled\n    pattern: '(?i)\\bMRN[:#\\s]*([A-Z]?\\d{6,10})\\b'\n    severity: high\n"
                                        "    examples:\n      match: ['MRN: 0000000']        # placeholder only\n"
                                        "  - id: member-id\n    pattern: '(?i)member\\s*(id|#)[:\\s]*([A-Z0-9]{8,14})'\n    severity: medium\n"
                                        "  - id: ssn\n    pattern: '\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b'\n    allow: ['123-45-6789']") + \
        L(" ", "  - id: email\n    severity: low")
    doc.add(diff_text(rng, "dlp/rules/confluence.yaml", lines))
    doc.add("\n", r.N(), " approved. Rollout to the ", rng.choice(["CLIN", "HIE", "RCM"]), " space first on ",
            f"{rdate(rng, dt.date(2026, 12, 8), dt.date(2026, 12, 20)):%m/%d}", ".\n")
    return doc


@tpl("clean_validator_diff", "clean_csharp_zip_validator")
def t_cv9(rng):
    ctx, doc = Ctx(rng), Doc()
    clean_pr(doc, ctx, "AddressValidator: ZIP+4 and placeholder handling")
    lines = L(" ", "public static class AddressValidator\n{") + \
        L("-", "    public static bool IsZip(string s) => Regex.IsMatch(s, @\"^\\d{5}$\");") + \
        L("+", "    private static readonly Regex Zip = new(@\"^\\d{5}(-\\d{4})?$\", RegexOptions.Compiled);\n"
               "    public static bool IsZip(string s) => Zip.IsMatch(s) && s[..5] != \"00000\";") + L(" ", "}")
    doc.add(diff_text(rng, "src/Registration.Core/AddressValidator.cs", lines))
    tl = L("+", "[Theory]\n[InlineData(\"00000\", false)]\n[InlineData(\"00000-0000\", false)]\n[InlineData(\"1234\", false)]\n"
                "public void Zip(string input, bool expected) => Assert.Equal(expected, AddressValidator.IsZip(input));")
    doc.add(diff_text(rng, "tests/Registration.Core.Tests/AddressValidatorTests.cs", tl, new=True))
    return doc

# ===========================================================================
# CLEAN family: clean_release_notes
# ===========================================================================

def ver(rng):
    return f"{rng.randint(1, 26)}.{rng.randint(0, 12)}.{rng.randint(0, 30)}"


@tpl("clean_release_notes", "clean_product_release_notes")
def t_cr1(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 20))
    pm = ctx.staff(dom=ctx.vdom)
    v = ver(rng)
    doc.add(f"{ctx.vendor} Clinical Gateway {v} — Release Notes\nRelease date: {fd(d, 'long')}\nBuild: {v}+{rng.randint(1000, 9999)}.{hexs(rng, 7)}\n\n"
            "New\n", f"  * {ticket(rng, 'CG')}  FHIR R4 Subscription (topic-based) support for Encounter events\n",
            f"  * {ticket(rng, 'CG')}  Configurable MLLP keep-alive (default 30 s)\n\nFixed\n",
            f"  * {ticket(rng, 'CG')}  ORU OBX-5 with escaped \\T\\ sequences truncated\n", f"  * {ticket(rng, 'CG')}  Memory leak in the A08 merge cache under sustained load\n",
            f"  * {ticket(rng, 'CG')}  Admin UI timezone shown as UTC for Central sites\n\nUpgrade notes\n  Requires Java 21. Database migration runs automatically ({rng.randint(2, 9)} min on a 40 GB schema).\n"
            "  SHA-256 of the installer: ", hexs(rng, 64), "\n\nQuestions: ", pm.N(), ", Product Manager (", pm.EM(), ")\n")
    return doc


@tpl("clean_release_notes", "clean_keepachangelog_interface")
def t_cr2(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("# Changelog\nAll notable changes to `adt-router` are documented here. Format: Keep a Changelog; versioning: SemVer.\n\n")
    d = rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 12, 5))
    major, minor = rng.randint(2, 5), rng.randint(0, 9)
    for k in range(3):
        doc.add(f"## [{major}.{minor}.{3 - k}] - {(d - dt.timedelta(days=k * rng.randint(8, 20))).isoformat()}\n")
        doc.add("### Fixed\n", f"- Reconnect backoff capped at 60 s ({ticket(rng, 'INTF')})\n" if k != 1 else f"- PV1-44 parse when seconds omitted ({ticket(rng, 'INTF')})\n")
        doc.add("### Changed\n", f"- Bumped hapi-structures-v25 to 2.{rng.randint(3, 6)}.{rng.randint(0, 3)}\n" if k else f"- Route metrics exported on :{rng.randint(9000, 9999)}/metrics\n", "\n")
    doc.add("[", f"{major}.{minor}.3", f"]: https://bitbucket.{ctx.dom}/projects/INT/repos/adt-router/compare/diff?targetBranch=refs/tags/v{major}.{minor}.2\n")
    return doc


@tpl("clean_release_notes", "clean_ehr_upgrade_downtime")
def t_cr3(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2027, 1, 5), dt.date(2027, 3, 30))
    cmio, lead = ctx.staff(role="MD"), ctx.staff()
    ph, mid, pc = bridge(rng)
    doc.add(f"EHR upgrade to {rng.choice(['Feb 2027', 'Nov 2026', 'May 2027'])} — what's changing\nAudience: all clinical staff, ", ctx.FAC(), "\n\n"
            f"Downtime: {d:%A, %B %d} 01:00 to 05:00. Use downtime reports on the BCA PCs.\n\nHighlights for physicians\n"
            "- Note templates: new 'Interval history' SmartBlock\n- Orders: ", MED("heparin"), " weight-based protocol now defaults to actual body weight\n"
            "- In Basket: result notes grouped by encounter\n\nHighlights for nursing\n- Fall risk (Morse) now scores automatically from flowsheet rows\n"
            "- ", CND("Pressure injury"), " staging uses NPIAP 2019 terms\n\nCommand center bridge: ", ph, " (ID ", mid, ", passcode ", pc, ")\n"
            "At-the-elbow support: ", lead.N(), " (", lead.PG(), " pager)\nPhysician questions: ", cmio.DR(True), "\n")
    return doc


@tpl("clean_release_notes", "clean_mobile_app_release")
def t_cr4(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 20))
    v = f"{rng.randint(5, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    doc.add(f"MyHealth app {v} (iOS build {rng.randint(1000, 9999)}, Android versionCode {rng.randint(100000, 999999)})\nSubmitted {d:%m/%d/%Y}; phased rollout 1% → 100% over 7 days.\n\n"
            "What's new (store text):\n• Check in for appointments up to 7 days ahead\n• Pay bills with Apple Pay / Google Pay\n• Bug fixes and performance improvements\n\n"
            "Internal:\n", f"• Crash-free sessions {rng.uniform(99.1, 99.95):.2f}% in beta (TestFlight group 'Staff')\n",
            f"• Min OS: iOS 16 / Android 9\n• Feature flag `proxy_v2` OFF by default\n• Sentry release {v}+{hexs(rng, 7)}\n\nQA sign-off: ", ctx.staff().N(), ", ", ctx.staff().N(), "\n")
    return doc


@tpl("clean_release_notes", "clean_api_deprecation")
def t_cr5(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2027, 3, 1), dt.date(2027, 9, 30))
    owner = ctx.staff()
    doc.add("Deprecation notice: Patient Access API v1\n\nOn ", fd(d, "long"), " we will retire `/api/v1/*`. v2 has been available since ",
            fd(rdate(rng, dt.date(2025, 6, 1), dt.date(2026, 3, 1)), "long"), ".\n\n| v1 endpoint | v2 replacement | notes |\n|---|---|---|\n"
            "| GET /api/v1/patient/{id} | GET /fhir/r4/Patient/{id} | US Core 6.1 |\n| GET /api/v1/labs | GET /fhir/r4/Observation?category=laboratory | paged, 50/page |\n"
            "| POST /api/v1/appointments | POST /fhir/r4/Appointment/$book | requires scope patient/Appointment.write |\n\n"
            f"Traffic on v1 last 30 days: {rng.randint(1, 40)}k calls from {rng.randint(2, 12)} registered apps. Sandbox: https://sandbox.{ctx.dom}/fhir/r4\n"
            "Contact: ", owner.N(), " <", owner.EM(), ">\n")
    return doc


@tpl("clean_release_notes", "clean_security_patch_advisory")
def t_cr6(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5))
    sec = ctx.staff()
    doc.add(f"Security advisory SA-2026-{rng.randint(10, 99)}  ({d.isoformat()})\nSeverity: High (CVSS {rng.uniform(7.0, 9.8):.1f})\n\n"
            f"Affected: integration engine {rng.randint(6, 7)}.{rng.randint(0, 5)}.x before {rng.randint(6, 7)}.{rng.randint(6, 9)}.2; "
            f"CVE-2026-{rng.randint(10000, 59999)} (XML external entity in the CDA importer), CVE-2026-{rng.randint(10000, 59999)} (log4j-core transitive)\n\n"
            f"Action: patch all nodes by {d + dt.timedelta(days=14):%m/%d/%Y}. Nodes in scope: ", ", ".join(server_ip(rng) for _ in range(rng.randint(3, 5))), "\n"
            f"Package checksum (sha256): {hexs(rng, 64)}\nWorkaround until patched: disable the CDA import route.\n\nCISO office contact: ", sec.N(), ", ", sec.PH("dash"), "\n")
    return doc


@tpl("clean_release_notes", "clean_formulary_update")
def t_cr7(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 12, 1), dt.date(2027, 2, 1))
    ph = ctx.staff(role="PharmD")
    doc.add(f"Formulary update — effective {fd(d, 'long')}\n", ctx.FAC(), " Pharmacy & Therapeutics\n\nAdded\n- ", MED("Tirzepatide"), " (", D("0002-1506-80", "drug_code"),
            ") — endocrinology restriction\n- ", MED("Nirmatrelvir/ritonavir"), " — ID approval not required\n\nRemoved\n- ", MED("Ranitidine"),
            " (all forms)\n- ", MED("Meperidine"), " oral\n\nTherapeutic interchange\n- ", MED("Rosuvastatin"), " 10 mg ↔ ", MED("atorvastatin"), " 40 mg\n- ",
            MED("Pantoprazole"), " IV restricted to GI bleed (", CND("upper GI hemorrhage"), ", ", DXC("K92.2"), ")\n\nQuestions: ", ph.N(), ", PharmD, ", ph.EM(), "\n")
    return doc


@tpl("clean_release_notes", "clean_icd10_fy2027_update")
def t_cr8(rng):
    ctx, doc = Ctx(rng), Doc()
    him = ctx.staff()
    codes = rng.sample([("E11.A", "Type 2 diabetes mellitus without complications in remission"), ("G90.A", "Postural orthostatic tachycardia syndrome"),
                        ("I20.81", "Angina pectoris with coronary microvascular dysfunction"), ("D57.04", "Hb-SS disease with dactylitis"),
                        ("Z59.12", "Inadequate housing utilities"), ("F43.81", "Prolonged grief disorder"), ("R40.2A", "Nontraumatic coma due to underlying condition")], 4)
    doc.add("ICD-10-CM FY2027 code set — effective October 1, 2026\nSystem changes deployed to PROD: ", f"{rdate(rng, dt.date(2026, 9, 20), dt.date(2026, 9, 30)):%m/%d/%Y}", "\n\n"
            "New codes now selectable in the problem list and charge capture:\n")
    for c, desc in codes:
        doc.add("  ", DXC(c), "  ", CND(desc), "\n")
    doc.add("\nDeleted/expanded: ", DXC("E11.9"), " remains valid; ", DXC("R40.20"), " now requires a 7th character.\nEncoder tables version ", ver(rng),
            "; grouper MS-DRG v", str(rng.randint(42, 44)), ".\n\nHIM contact: ", him.N(), ", ", him.EM(), "\n")
    return doc


@tpl("clean_release_notes", "clean_lab_test_menu_change")
def t_cr9(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 12, 1), dt.date(2027, 2, 1))
    dirc = ctx.staff(role="MD")
    doc.add(f"Laboratory test menu changes — go-live {d:%m/%d/%Y}\n\n| Test | LOINC | CPT | Change |\n|---|---|---|---|\n"
            "| Troponin I, high sensitivity | 89579-7 | ", CPTC("84484"), " | replaces conventional TnI; new reference < 35 ng/L |\n"
            "| Hemoglobin A1c | 4548-4 | ", CPTC("83036"), " | method change, no reference change |\n"
            "| Vitamin D, 25-OH | 1989-3 | ", CPTC("82306"), " | send-out → in-house, TAT 24 h |\n\n"
            "Interface impact: new OBX-3 codes for hs-TnI; result components built in EHR build ", ticket(rng, "LAB"), ".\n"
            "Medical director: ", dirc.DR(True), "\n")
    return doc


# ===========================================================================
# CLEAN family: clean_clinical_rule
# ===========================================================================

def rule_footer(doc, ctx, approver_role="MD"):
    rng = ctx.rng
    a, b = ctx.staff(role=approver_role), ctx.staff()
    doc.add("\nOwner: ", a.DR(True), "   Analyst: ", b.N(), "\nLast reviewed: ", f"{rdate(rng, dt.date(2026, 1, 1), dt.date(2026, 11, 30)):%Y-%m-%d}",
            f"   Version {rng.randint(1, 9)}.{rng.randint(0, 9)}\n")


@tpl("clean_clinical_rule", "clean_sepsis_bpa_spec")
def t_cl1(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add(f"BPA spec: Adult sepsis screening (ID {rng.randint(10 ** 5, 10 ** 6)})\n\nPopulation: inpatients and ED patients aged 18 and older, excluding comfort care.\n"
            "Trigger: any 2 SIRS criteria within 6 h AND suspected infection:\n  - Temp > 38.3 °C or < 36 °C\n  - HR > 90\n  - RR > 20 or PaCO2 < 32 mmHg\n"
            "  - WBC > 12 or < 4 (10^3/uL)\nPLUS lactate ≥ 2.0 mmol/L or SBP < 90 mmHg.\n\nSuppress if active diagnosis of ", CND("sepsis"), " (", DXC("A41.9"), ") or ",
            CND("septic shock"), " (", DXC("R65.21"), ") already on the problem list.\n\nAction: open the sepsis order set (", MED("lactated Ringer's"), " 30 mL/kg, blood cultures x2, ",
            MED("piperacillin-tazobactam"), " 4.5 g IV).\n")
    rule_footer(doc, ctx)
    return doc


@tpl("clean_clinical_rule", "clean_fall_risk_protocol")
def t_cl2(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Fall prevention protocol — inpatient units\n\nHigh-risk population:\n  * Morse Fall Scale ≥ 45\n  * Patients aged 90 and older (automatic high risk regardless of score)\n"
            "  * Any of: ", CND("delirium"), ", ", CND("orthostatic hypotension"), " (", DXC("I95.1"), "), recent ", MED("zolpidem"), " or opioid use\n\n"
            "Interventions: bed alarm, non-slip socks, toileting schedule q2h while awake, yellow wristband.\n"
            "Reassess every shift and after any transfer. Post-fall huddle within 15 minutes; document in the safety reporting system.\n\n"
            "Metric: falls with injury per 1,000 patient days (target < 0.5). FY2026 baseline 0.", str(rng.randint(4, 9)), ".\n")
    rule_footer(doc, ctx, "DNP, RN")
    return doc


@tpl("clean_clinical_rule", "clean_anticoag_dosing")
def t_cl3(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Anticoagulation guideline: DOAC dosing in ", CND("atrial fibrillation"), " (", DXC("I48.91"), ")\n\n| Drug | Standard | Reduced dose if |\n|---|---|---|\n"
            "| ", MED("Apixaban"), " | 5 mg BID | 2 of: age ≥ 80, weight ≤ 60 kg, SCr ≥ 1.5 → 2.5 mg BID |\n"
            "| ", MED("Rivaroxaban"), " | 20 mg daily with evening meal | CrCl 15–50 → 15 mg |\n"
            "| ", MED("Dabigatran"), " | 150 mg BID | CrCl 15–30 → 75 mg BID (US labeling) |\n\n"
            "Avoid with strong dual CYP3A4/P-gp inducers (", MED("rifampin"), ", ", MED("carbamazepine"), "). Hold 48 h before high-bleeding-risk procedures if CrCl ≥ 50.\n")
    rule_footer(doc, ctx, "PharmD")
    return doc


@tpl("clean_clinical_rule", "clean_hedis_measure_spec")
def t_cl4(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Quality measure: Glycemic status assessment for patients with diabetes (HEDIS GSD), MY2026\n\nDenominator: members 18–75 years as of December 31 "
            "of the measurement year with ", CND("diabetes"), " (e.g. ", DXC("E10.9"), ", ", DXC("E11.9"), ", ", DXC("E11.65"), ") on 2+ outpatient encounters.\n"
            "Exclusions: hospice, palliative care, members 66 and older in I-SNP or living long-term in an institution, ", CND("ESRD"), " (", DXC("N18.6"), ").\n"
            "Numerator (good control): most recent HbA1c < 8.0% — CPT II ", CPTC("3044F"), " or ", CPTC("3051F"), "; LOINC 4548-4.\n\n"
            "Data sources: claims, lab feed (LIS → EDW nightly), supplemental data file due ", f"{rdate(rng, dt.date(2027, 1, 15), dt.date(2027, 2, 28)):%m/%d/%Y}", ".\n")
    rule_footer(doc, ctx)
    return doc


@tpl("clean_clinical_rule", "clean_readmission_risk_pseudocode")
def t_cl5(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Readmission risk (LACE+) — calculation used by the care-management worklist\n\n{code}\nscore = 0\n# L: length of stay (days)\nscore += los_points(encounter.los_days)\n"
            "# A: acuity (admitted via ED)\nscore += 3 if encounter.admit_source == 'ED' else 0\n# C: Charlson comorbidity index, capped at 5\n"
            "score += min(charlson(problem_list), 5)\n# E: ED visits in prior 6 months\nscore += min(len(ed_visits(last=183)), 4)\n"
            "if patient.age_years >= 90: score += 2     # population rule, not an identifier\nrisk = 'HIGH' if score >= 10 else 'MEDIUM' if score >= 5 else 'LOW'\n{code}\n\n"
            "Charlson weights: ", CND("CHF"), " 1, ", CND("COPD"), " 1, ", CND("metastatic solid tumor"), " 6, ", CND("moderate/severe liver disease"), " 3.\n"
            "Validated on ", str(rng.randint(20, 90)), ",", str(rng.randint(100, 999)), " discharges (c-statistic 0.", str(rng.randint(68, 79)), ").\n")
    rule_footer(doc, ctx)
    return doc


@tpl("clean_clinical_rule", "clean_drug_interaction_table")
def t_cl6(rng):
    ctx, doc = Ctx(rng), Doc()
    pairs = [("warfarin", "fluconazole", "↑ INR", "major"), ("simvastatin", "clarithromycin", "rhabdomyolysis", "contraindicated"),
             ("sertraline", "linezolid", "serotonin syndrome", "major"), ("lisinopril", "spironolactone", "hyperkalemia", "moderate"),
             ("methotrexate", "trimethoprim-sulfamethoxazole", "myelosuppression", "major"), ("clopidogrel", "omeprazole", "↓ antiplatelet effect", "moderate")]
    doc.add("Interaction alert tiering — changes approved by P&T\n\n|| Drug A || Drug B || Effect || Tier || Alert ||\n")
    for a, b, eff, tier in rng.sample(pairs, 4):
        doc.add("| ", MED(a), " | ", MED(b), " | ", CND(eff) if eff[0].isalpha() else eff, " | ", tier, " | ", "interruptive" if tier != "moderate" else "passive", " |\n")
    doc.add("\nOverride rate before change: ", str(rng.randint(88, 97)), "%. Target after: < 80%.\n")
    rule_footer(doc, ctx, "PharmD")
    return doc


@tpl("clean_clinical_rule", "clean_vaccine_schedule_rule")
def t_cl7(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Health maintenance topic: adult immunizations (2026–27 season)\n\n- Influenza (CVX 150/171): everyone ≥ 6 months, annually from September 1\n"
            "- COVID-19 (CVX 312/313): 2026–27 formula, ≥ 65 years or ", CND("immunocompromised"), " may receive 2 doses 6 months apart\n"
            "- RSV (CVX 303/305/307): adults 75 and older; 60–74 with risk conditions (", CND("COPD"), ", ", CND("heart failure"), ", ", CND("diabetes"), ")\n"
            "- Pneumococcal PCV21 (CVX 327): adults 50 and older, once\n- Shingles RZV (CVX 187): 50 and older, 2 doses 2–6 months apart\n\n"
            "Satisfied by: CPT ", CPTC("90686"), ", ", CPTC("90480"), ", ", CPTC("90677"), " or immunization history from the state registry (IIS query nightly).\n")
    rule_footer(doc, ctx)
    return doc


@tpl("clean_clinical_rule", "clean_prior_auth_criteria")
def t_cl8(rng):
    ctx, doc = Ctx(rng), Doc()
    payer = rng.choice([x[0] for x in PAYERS])
    doc.add(f"Prior authorization rules — advanced imaging ({payer}, commercial)\n\nRequires PA: MRI lumbar spine (CPT ", CPTC("72148"), "), CT abdomen/pelvis with contrast (",
            CPTC("74177"), "), PET/CT (", CPTC("78815"), ").\nAuto-approve when the order carries: ", CND("cauda equina syndrome"), " (", DXC("G83.4"), "), ",
            CND("suspected malignancy"), ", or 6 weeks of failed conservative therapy documented.\n\nPayer portal: submission via 278 or the web portal; ",
            "decision SLA 72 h (urgent 24 h). Payer PA line: ", f"1-800-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}", ".\n")
    rule_footer(doc, ctx)
    return doc


@tpl("clean_clinical_rule", "clean_aki_lab_alert")
def t_cl9(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Lab alert: ", CND("acute kidney injury"), " (KDIGO)\n\nFire when:\n  creatinine rise ≥ 0.3 mg/dL within 48 h, OR\n  creatinine ≥ 1.5 × lowest value in prior 7 days\n"
            "Stage 2: ≥ 2.0 ×; Stage 3: ≥ 3.0 × or ≥ 4.0 mg/dL or RRT started.\n\nRecommendations shown: hold ", MED("NSAIDs"), ", ", MED("ACE inhibitors"), "/", MED("ARBs"),
            ", ", MED("metformin"), "; renally dose ", MED("vancomycin"), " and ", MED("enoxaparin"), "; consider nephrology consult at stage 3 (", DXC("N17.9"), ").\n"
            "Excluded: patients with ", CND("ESRD on dialysis"), " (", DXC("N18.6"), ", ", DXC("Z99.2"), ").\n")
    rule_footer(doc, ctx)
    return doc


# ===========================================================================
# CLEAN family: clean_oncall_directory
# ===========================================================================

@tpl("clean_oncall_directory", "clean_oncall_wiki_table")
def t_co1(rng):
    ctx, doc = Ctx(rng), Doc()
    start = rdate(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 20))
    start -= dt.timedelta(days=start.weekday())
    doc.add("h2. Integration team on-call — ", f"{start:%B %Y}", "\n\n|| Week of || Primary || Mobile || Secondary || Mobile ||\n")
    for k in range(rng.randint(4, 6)):
        a, b = ctx.staff(), ctx.staff()
        doc.add(f"| {start + dt.timedelta(weeks=k):%m/%d} | ", a.N(), " | ", a.PH("dash"), " | ", b.N(), " | ", b.PH("dash"), " |\n")
    ph, mid, pc = bridge(rng)
    doc.add("\nEscalation after 15 min: manager ", ctx.staff().N(), ". Standing incident bridge: ", ph, ", passcode ", pc, "#.\n")
    return doc


@tpl("clean_oncall_directory", "clean_oncall_markdown_rotation")
def t_co2(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("## Clinical Apps after-hours rotation\n\nHandoff every Monday 09:00 CT in #clin-apps-oncall.\n\n| Application | Primary | Pager | Backup | Email |\n|---|---|---|---|---|\n")
    for app in rng.sample(["Inpatient (ClinDoc)", "Ambulatory", "Orders/CPOE", "Pharmacy (Willow)", "Lab (Beaker)", "Radiology (Radiant)", "Anesthesia", "Cadence/Prelude"], rng.randint(4, 6)):
        a, b = ctx.staff(), ctx.staff()
        doc.add(f"| {app} | ", a.AT(), " | ", a.PG("dash"), " | ", b.AT(), " | ", a.EM(), " |\n")
    doc.add("\nIf nobody answers in 10 minutes, call the service desk: ", D(fmt_phone(phone_parts(rng), "dash"), "staff_contact"), " (option 3).\n")
    return doc


@tpl("clean_oncall_directory", "clean_escalation_policy")
def t_co3(rng):
    ctx, doc = Ctx(rng), Doc()
    l1, l2, l3 = ctx.staff(), ctx.staff(), ctx.staff()
    doc.add(f"Escalation policy: HIE-Interfaces-P1 (id P{hexs(rng, 6).upper()})\nService: rhapsody-prod, mirth-prod, mllp-gateway\n\n"
            "Level 1 — immediately: on-call schedule 'Interfaces Primary' (currently ", l1.N(), ")\nLevel 2 — after 15 min: ", l2.N(), " (", l2.PH("plus"), ")\n"
            "Level 3 — after 30 min: ", l3.N(), ", Director (", l3.PH("plus"), ", ", l3.EM(), ")\n\nRepeat twice, then notify #incident-commanders.\n"
            f"Integrations: Datadog monitors {rng.randint(10000, 99999)}, {rng.randint(10000, 99999)}; webhook https://events.pagerduty.com/integration/{hexs(rng, 32)}/enqueue\n")
    return doc


@tpl("clean_oncall_directory", "clean_department_directory")
def t_co4(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add(ctx.FAC(), " — departmental phone list (internal)\nUpdated ", f"{rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 12, 5)):%m/%d/%Y}", "\n\n")
    for dep in rng.sample(["Admitting", "Bed Management", "Case Management", "Central Scheduling", "HIM / Release of Information", "Interpreter Services",
                           "Lab — Core", "Pharmacy — Inpatient", "Radiology Reading Room", "Security", "Transport", "Wound Care"], rng.randint(6, 9)):
        lead = ctx.staff()
        doc.add(f"{dep:<32}", D(fmt_phone(phone_parts(rng), "paren"), "staff_contact"), "   fax ", D(fmt_phone(phone_parts(rng), "paren"), "staff_contact"),
                "   lead: ", lead.N(), " ext. ", lead.EXT(), "\n")
    doc.add("\nOperator: dial 0. Overhead codes: dial 5-5555.\n")
    return doc


@tpl("clean_oncall_directory", "clean_holiday_coverage")
def t_co5(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Holiday coverage — Revenue Cycle IT\n\n")
    for hol, d in [("Thanksgiving", dt.date(2026, 11, 26)), ("Day after", dt.date(2026, 11, 27)), ("Christmas Eve", dt.date(2026, 12, 24)),
                   ("Christmas", dt.date(2026, 12, 25)), ("New Year's Day", dt.date(2027, 1, 1))]:
        a = ctx.staff()
        doc.add(f"{d:%a %m/%d} {hol}: ", a.N(), " — cell ", a.PH(rng.choice(["dash", "dot", "paren"])), "\n")
    doc.add("\nClaims scrubber batch still runs at 02:00; 837 submission window closes 18:00 on ", "12/31", ". Clearinghouse status page: status.",
            ctx.vdom, "\n")
    return doc


@tpl("clean_oncall_directory", "clean_interface_vendor_contacts")
def t_co6(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Interface partner contacts\n\n| Partner | Connection | Endpoint | Contact | Phone | Email |\n|---|---|---|---|---|---|\n")
    for partner, conn in rng.sample([("Reference lab", "MLLP/TLS"), ("State immunization registry", "SOAP"), ("HIE", "MLLP VPN"), ("PACS", "DICOM + HL7"),
                                     ("Clearinghouse", "SFTP"), ("Retail pharmacy network", "NCPDP SCRIPT"), ("Dialysis provider", "FHIR R4")], rng.randint(4, 6)):
        c = ctx.staff(dom=rng.choice([ctx.vdom, "partner-support.net", "labcorpus.com", "state-iis.gov"]))
        doc.add(f"| {partner} | {conn} | {server_ip(rng)}:{rng.randint(2000, 9999)} | ", c.N(), " | ", c.PH("dash"), " | ", c.EM(), " |\n")
    doc.add("\nVPN tunnels monitored by NOC (", D(f"noc@{ctx.dom}", "staff_contact"), ").\n")
    return doc


@tpl("clean_oncall_directory", "clean_bridge_lines")
def t_co7(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("Standing conference bridges\n\n")
    for name in rng.sample(["Major incident bridge", "Change advisory board", "Downtime command center", "Epic upgrade war room", "Security incident bridge"], 4):
        ph, mid, pc = bridge(rng)
        host = ctx.staff()
        doc.add(f"{name}\n  Dial-in: {ph}   Meeting ID: {mid}   Passcode: {pc}\n  Toll-free: 1-{rng.choice(['800', '833', '844', '855', '866', '877', '888'])}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}\n"
                f"  Host: ", host.N(), f"   Link: https://{rng.choice(['zoom.us/j', 'teams.microsoft.com/l/meetup-join'])}/{rng.randint(10 ** 9, 10 ** 10)}\n\n")
    return doc


@tpl("clean_oncall_directory", "clean_pager_text_list")
def t_co8(rng):
    ctx, doc = Ctx(rng), Doc()
    d = rdate(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 20))
    doc.add(f"HOSPITALIST / CONSULT ON-CALL — {d:%m/%d/%Y} (07:00 to 07:00)\n\n")
    for svc in rng.sample(["Hospitalist A", "Hospitalist B (nocturnist)", "Cardiology", "GI", "Nephrology", "Neurology/stroke", "General surgery", "Ortho", "Psychiatry",
                           "ID", "Pulm/CC"], rng.randint(6, 9)):
        m = ctx.staff(role=rng.choice(["MD", "DO"]))
        doc.add(f"{svc:<28}", m.DR(True), " ", "  pgr ", m.PG("dash"), "  cell ", m.PH("dash") if rng.random() < 0.5 else "—", "\n")
    doc.add("\nStroke alert: overhead + page ", D(fmt_phone(phone_parts(rng), "dash"), "staff_contact"), ". Transfer center: ", D(fmt_phone(phone_parts(rng), "dash"), "staff_contact"), "\n")
    return doc


@tpl("clean_oncall_directory", "clean_ehr_support_tiers")
def t_co9(rng):
    ctx, doc = Ctx(rng), Doc()
    doc.add("EHR support — who to call\n\nTier 1 (24/7 service desk): ", D(fmt_phone(phone_parts(rng), "paren"), "staff_contact"), ", ", D(f"servicedesk@{ctx.dom}", "staff_contact"),
            "\nTier 2 application analysts (business hours):\n")
    for area in rng.sample(["ADT/Prelude", "Orders", "ClinDoc", "Beacon", "Resolute PB", "Resolute HB", "MyChart", "Interfaces"], 5):
        a = ctx.staff()
        doc.add("  - ", area, ": ", a.N(), " (", a.EM(), ", ext. ", a.EXT(), ")\n")
    doc.add("Tier 3: vendor TS via Sherlock, log severity per SLA. Typical response 4 business hours.\n"
            f"Do not send screenshots containing patient information to vendor mailboxes. Reference: policy IS-{rng.randint(100, 400)}.\n")
    return doc

# ===========================================================================
# generation, verification, stats
# ===========================================================================


def _isalnum(ch):
    return ch.isalnum()


def _char_offsets(text):
    """byte offset -> char offset map (only at char starts)"""
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def _nanp_ok(span_text):
    d = re.sub(r"\D", "", span_text)
    if len(d) == 11 and d[0] == "1":
        d = d[1:]
    if len(d) == 10:
        return d[0] not in "01" and d[3] not in "01" and not (d[3:6] == "555" and d[6:8] == "01")
    if len(d) == 7:
        return d[0] not in "01"
    if len(d) == 3:
        return d[0] not in "01"
    return False


def verify(text, spans, phi_doc):
    errs = []
    raw = text.encode("utf-8")
    cmap = _char_offsets(text)
    prev = 0
    for sp in spans:
        s, e, lab, kind = sp["start"], sp["end"], sp["label"], sp["kind"]
        if not (0 <= s < e <= len(raw)):
            errs.append(f"bad range {sp}")
            continue
        if s < prev:
            errs.append(f"unsorted/overlap at {s}")
        prev = e
        if s not in cmap or e not in cmap:
            errs.append(f"not on a char boundary {sp}")
            continue
        cs, ce = cmap[s], cmap[e]
        val = text[cs:ce]
        if val != val.strip() or "\n" in val:
            errs.append(f"whitespace in span {val!r}")
        if _isalnum(val[0]) and cs > 0 and _isalnum(text[cs - 1]):
            errs.append(f"span starts inside a token: {text[max(0, cs - 8):ce]!r}")
        if _isalnum(val[-1]) and ce < len(text) and _isalnum(text[ce]):
            errs.append(f"span ends inside a token: {text[cs:ce + 8]!r}")
        if lab == "phi":
            if kind not in PHI_KINDS:
                errs.append(f"bad phi kind {kind}")
            if val in DOCUMENTED_TEST:
                errs.append(f"documented test value labelled phi: {val}")
            if kind == "ssn" and not ssn_ok(val):
                errs.append(f"invalid SSN {val}")
            if kind == "credit_card" and not luhn_ok(val):
                errs.append(f"card fails Luhn {val}")
            if kind == "medicare_mbi" and not mbi_ok(val):
                errs.append(f"invalid MBI {val}")
            if kind == "phone" and not _nanp_ok(val):
                errs.append(f"implausible phone {val}")
            if kind == "vehicle_id" and len(val) == 17 and vin_check(val[:8] + "0" + val[9:]) != val[8]:
                errs.append(f"VIN check digit {val}")
        elif lab == "dont_care":
            if kind not in DONT_CARE_KINDS:
                errs.append(f"bad dont_care kind {kind}")
            if kind == "other_id" and re.fullmatch(r"[12]\d{9}", val) and not npi_ok(val):
                errs.append(f"NPI fails Luhn {val}")
            if kind == "ssn" and not re.fullmatch(r"\d{4}", val):
                errs.append(f"dont_care ssn must be last four: {val}")
        else:
            errs.append(f"bad label {lab}")
    nphi = sum(1 for sp in spans if sp["label"] == "phi")
    if phi_doc and nphi == 0:
        errs.append("PHI doc without phi span")
    if not phi_doc and nphi:
        errs.append("clean doc with phi span")
    return errs


def repeats(text, spans):
    """PHI values that also occur outside every phi span (at token boundaries)."""
    cmap = _char_offsets(text)
    ranges = [(cmap[sp["start"]], cmap[sp["end"]]) for sp in spans if sp["label"] == "phi"]
    out = []
    for cs, ce in ranges:
        val = text[cs:ce]
        if len(val) < 3:
            continue
        start = 0
        while True:
            i = text.find(val, start)
            if i < 0:
                break
            j = i + len(val)
            start = i + 1
            if (i > 0 and _isalnum(text[i - 1]) and _isalnum(val[0])) or (j < len(text) and _isalnum(text[j]) and _isalnum(val[-1])):
                continue
            if not any(a <= i and j <= b for a, b in ranges):
                out.append(val)
    return out


def generate():
    records = []
    for family in PHI_FAMILIES + CLEAN_FAMILIES:
        phi_doc = family in PHI_FAMILIES
        n = PHI_DOCS if phi_doc else CLEAN_DOCS
        tpls = TEMPLATES[family]
        names = [t[0] for t in tpls]
        frng = random.Random(f"{SEED}/{family}/order")
        order = names[:]
        while len(order) < n:
            order += frng.sample(names, min(len(names), n - len(order)))
        order = order[:n]
        frng.shuffle(order)
        fns = dict(tpls)
        for i, vname in enumerate(order):
            last = None
            for attempt in range(80):
                rng = random.Random(f"{SEED}/{family}/{i + 1}/{attempt}")
                text, spans = fns[vname](rng).build()
                problems = verify(text, spans, phi_doc)
                if problems:
                    raise RuntimeError(f"{family} {vname}: {problems[:5]}")
                rep = repeats(text, spans) if phi_doc else []
                if not rep:
                    break
                last = rep
            else:
                raise RuntimeError(f"{family} {vname}: repeated PHI never resolved: {last}")
            records.append({"id": f"{family}-{i + 1:04d}", "family": family, "phi": phi_doc, "variant": vname,
                            "text": text, "spans": spans})
    return records


def dumps(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def check():
    ok = True
    records = generate()
    fresh = dumps(records)
    try:
        with open(OUT, encoding="utf-8") as fh:
            on_disk = fh.read()
    except FileNotFoundError:
        print(f"missing {OUT}")
        return 1
    if on_disk != fresh:
        print("fresh7.jsonl differs from a regeneration (not deterministic or stale)")
        ok = False
    ids, fams = set(), {}
    valid_variants = {f: {t[0] for t in TEMPLATES[f]} for f in TEMPLATES}
    for ln, line in enumerate(on_disk.splitlines(), 1):
        r = json.loads(line)
        if list(r) != ["id", "family", "phi", "variant", "text", "spans"]:
            print(f"line {ln}: keys {list(r)}")
            ok = False
        if r["id"] in ids or not re.fullmatch(re.escape(r["family"]) + r"-\d{4}", r["id"]):
            print(f"line {ln}: bad/duplicate id {r['id']}")
            ok = False
        ids.add(r["id"])
        if r["family"] not in valid_variants or r["variant"] not in valid_variants[r["family"]]:
            print(f"line {ln}: unknown family/variant")
            ok = False
        if r["phi"] != (r["family"] in PHI_FAMILIES):
            print(f"line {ln}: phi flag does not match family")
            ok = False
        fams[r["family"]] = fams.get(r["family"], 0) + 1
        errs = verify(r["text"], r["spans"], r["phi"])
        if r["phi"]:
            errs += [f"unlabelled repeat of PHI {v!r}" for v in repeats(r["text"], r["spans"])]
        for e in errs:
            print(f"{r['id']}: {e}")
            ok = False
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        want = PHI_DOCS if f in PHI_FAMILIES else CLEAN_DOCS
        if fams.get(f) != want:
            print(f"family {f}: {fams.get(f)} docs, want {want}")
            ok = False
        k = len(TEMPLATES[f])
        if k < (10 if f in PHI_FAMILIES else 8):
            print(f"family {f}: only {k} templates")
            ok = False
    if len(CULTURES) < 40:
        print(f"only {len(CULTURES)} cultures")
        ok = False
    nphi = sum(1 for line in on_disk.splitlines() if json.loads(line)["phi"])
    print(f"{len(ids)} records ({nphi} PHI / {len(ids) - nphi} clean): {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


def stats():
    records = generate()
    print(f"name cultures: {len(CULTURES)}")
    print("  " + ", ".join(CULTURES))
    scripts = sorted({C[c]['script'] for c in CULTURES if C[c]['script']})
    print(f"native scripts: {', '.join(scripts)}")
    total = 0
    print("templates per family (docs):")
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        used = {r["variant"] for r in records if r["family"] == f}
        total += len(TEMPLATES[f])
        print(f"  {f:28s} {len(TEMPLATES[f]):3d} templates, {len(used):3d} used, "
              f"{sum(1 for r in records if r['family'] == f)} docs")
    print(f"  total templates: {total}")
    kinds = {}
    for r in records:
        for sp in r["spans"]:
            kinds[(sp["label"], sp["kind"])] = kinds.get((sp["label"], sp["kind"]), 0) + 1
    print("spans by label/kind:")
    for (lab, k), n in sorted(kinds.items()):
        print(f"  {lab:9s} {k:16s} {n:5d}")
    return 0


def main(argv):
    if "--check" in argv:
        return check()
    if "--stats" in argv:
        return stats()
    records = generate()
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(dumps(records))
    print(f"wrote {len(records)} records to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
