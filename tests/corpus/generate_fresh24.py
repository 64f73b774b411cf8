#!/usr/bin/env python3
"""generate_fresh24.py -- composite documents for the PHI Guard corpus.

A twenty-fifth, independent generator (standard library only, deterministic).
Its angle: documents as they accumulate in real life.  A Jira issue is a
description plus a comment thread into which people paste an HL7 message, an
engine log, a forwarded e-mail, a CSV preview, a SQL query and its psql grid,
the OCR text of a screenshot, a stack trace.  A Confluence page has an intro,
a table, a code block and a change log.  A support ticket has the customer's
message, internal notes and a quoted reply.  PHI may sit in one piece only
(the last comment, a quoted reply deep down) or be spread across pieces.

Templates are written with inline markers: P(value, kind) for PHI and
D(value, kind) for dont_care; render() strips them and computes UTF-8 byte
offsets.  Everything is synthetic: hand-written name lists, random numbers.

    python3 generate_fresh24.py            # writes fresh24.jsonl
    python3 generate_fresh24.py --check    # re-reads and verifies it
    python3 generate_fresh24.py --stats    # templates, documents, PHI share
"""
import argparse
import datetime as dt
import html as htmlmod
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

SEED = 24_0241
HERE = Path(__file__).resolve().parent
OUT = HERE / "fresh24.jsonl"

PHI_FAMILIES = ["jira_hl7", "confluence_table", "support_ticket", "fhir_diff",
                "sql_seed", "clinical_note", "claims_csv", "patient_email"]
CLEAN_FAMILIES = ["java_stacktrace", "meeting_notes", "validator_diff",
                  "release_notes", "clinical_rule", "oncall_directory"]
DOCS_PER_FAMILY = {f: 15 for f in PHI_FAMILIES}
DOCS_PER_FAMILY.update({f: 20 for f in CLEAN_FAMILIES})
BUCKETS = {"S": (380, 1499), "M": (1500, 4999), "L": (5000, 15000)}

# ---------------------------------------------------------------- markers
_O, _M, _C = "\x01", "\x02", "\x03"
MARK_RE = re.compile("\x01([PD])\x02([a-z_0-9]+)\x02([^\x01\x02\x03]*)\x03")


def _enc(v, enc):
    if enc == "sql":
        return v.replace("'", "''")
    if enc == "html":
        return htmlmod.escape(v, quote=False)
    if enc == "json":
        return v.replace("\\", "\\\\").replace('"', '\\"')
    if enc == "upper":
        return v.upper()
    return v


def P(v, kind="other_id", enc=None):
    """PHI value."""
    v = _enc(str(v), enc)
    assert v and not set(v) & {_O, _M, _C}, v
    return f"{_O}P{_M}{kind}{_M}{v}{_C}"


def D(v, kind="other", enc=None):
    """dont_care value."""
    v = _enc(str(v), enc)
    assert v and not set(v) & {_O, _M, _C}, v
    return f"{_O}D{_M}{kind}{_M}{v}{_C}"


def plain(s):
    return MARK_RE.sub(lambda m: m.group(3), s)


def blen(s):
    return len(plain(s).encode("utf-8"))


def render(marked):
    out, spans, pos, last = [], [], 0, 0
    for m in MARK_RE.finditer(marked):
        pre = marked[last:m.start()]
        out.append(pre)
        pos += len(pre.encode("utf-8"))
        v = m.group(3)
        b = len(v.encode("utf-8"))
        spans.append({"start": pos, "end": pos + b,
                      "label": "phi" if m.group(1) == "P" else "dont_care",
                      "kind": m.group(2)})
        out.append(v)
        pos += b
        last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    if set(text) & {_O, _M, _C}:
        raise ValueError("stray marker")
    return text, spans


def hesc(s):
    """HTML-escape a marked string (markers are control characters, untouched)."""
    return htmlmod.escape(s, quote=False)


def fold(s):
    """ASCII fold (HL7 feeds that strip diacritics)."""
    t = unicodedata.normalize("NFKD", s)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ʻ", "").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    t = t.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("ı", "i")
    return t.encode("ascii", "ignore").decode()


# ---------------------------------------------------------------- check digits
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


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def npi_ok(npi):
    return len(npi) == 10 and npi.isdigit() and luhn_ok("80840" + npi)


def make_npi(rng):
    while True:
        base = str(rng.choice([1, 1, 1, 2])) + "".join(rng.choice("0123456789") for _ in range(8))
        for c in "0123456789":
            if npi_ok(base + c) and base + c != "1234567893":
                return base + c


def ssn_ok(s):
    d = re.sub(r"[\s-]", "", s)
    if not re.fullmatch(r"\d{9}", d):
        return False
    a, g, n = d[:3], d[3:5], d[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000" and d != "123456789"


MBI_LET = "ACDEFGHJKMNPQRTUVWXY"


def mbi_ok(m):
    m = m.replace("-", "")
    if len(m) != 11:
        return False
    L, N, A = set(MBI_LET), set("0123456789"), set(MBI_LET) | set("0123456789")
    pat = ["1-9", L, A, N, L, A, N, L, L, N, N]
    for i, ch in enumerate(m):
        if i == 0:
            if ch not in "123456789":
                return False
        elif ch not in pat[i]:
            return False
    return True


def make_mbi(rng):
    N = "0123456789"
    A = MBI_LET + N
    m = (rng.choice("123456789") + rng.choice(MBI_LET) + rng.choice(A) + rng.choice(N) +
         rng.choice(MBI_LET) + rng.choice(A) + rng.choice(N) + rng.choice(MBI_LET) +
         rng.choice(MBI_LET) + rng.choice(N) + rng.choice(N))
    assert mbi_ok(m)
    return m


def make_card(rng):
    pre = rng.choice(["4", "4", "51", "52", "55", "37", "6011"])
    ln = 15 if pre == "37" else 16
    while True:
        body = pre + "".join(rng.choice("0123456789") for _ in range(ln - len(pre) - 1))
        c = luhn_complete(body)
        if c not in ("4111111111111111", "5555555555554444", "378282246310005"):
            return c


def make_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        s = f"{a:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if ssn_ok(s):
            return s


def digits(rng, n, first_nonzero=True):
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    return f"{hexs(rng, 8)}-{hexs(rng, 4)}-4{hexs(rng, 3)}-{rng.choice('89ab')}{hexs(rng, 3)}-{hexs(rng, 12)}"


def alnum(rng, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))

# ---------------------------------------------------------------- names
# Hand-written lists, one entry per name culture.  m / f: given names,
# s: family names ("male/female" where the family name is gendered).
# Native-script cultures give (romanized, native) pairs and an order for the
# native form: "fg" family+given without space, "f g", "g f".
def _l(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def _pairs(s):
    return [tuple(x.split("=")) for x in _l(s)]


CULTURES = {
    "anglo_us": dict(m=_l("James|Robert|Michael|David|Thomas|Christopher|Daniel|Gary|Dennis"),
                     f=_l("Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Deborah|Kimberly|Brenda"),
                     s=_l("Whitaker|Pemberton|Thompson|Harrington|Caldwell|Brennan|Pruitt|Gallagher|Ashby|Mercer")),
    "english_words": dict(m=_l("Hunter|Chase|Forrest|Rusty|Cash|Gene|Sterling|Hardy"),
                          f=_l("Hope|Joy|Grace|Faith|Summer|Ivy|Dawn|Autumn|Destiny|Rose"),
                          s=_l("Little|Frost|Hill|Small|Young|Rich|Wood|Lamb|Fox|Stone|Bird|Short|Bell|Sterling|Rivers")),
    "irish": dict(m=_l("Cian|Oisín|Seán|Pádraig|Tadhg|Ruairí"),
                  f=_l("Aoife|Siobhán|Niamh|Órla|Caoimhe|Saoirse"),
                  s=_l("Ó Súilleabháin|Mac Giolla Phádraig|O'Brien|Ó Murchú|McCarthy|Ní Bhriain|Ó Dónaill")),
    "scottish": dict(m=_l("Angus|Hamish|Alasdair|Callum|Murdo"),
                     f=_l("Isla|Morag|Eilidh|Kirsty|Catriona"),
                     s=_l("MacLeod|Fraser|Buchanan|MacDonald|Urquhart|Menzies")),
    "mexican": dict(m=_l("José Luis|Juan Carlos|Alejandro|Jesús|Rodrigo|Maximiliano"),
                    f=_l("María Guadalupe|Ximena|Lucía|Xóchitl|Itzel|Mónica"),
                    s=_l("Peña-Morales|García López|Hernández|Ramírez Ortega|de la Cruz|Zúñiga|Olvera")),
    "puerto_rican": dict(m=_l("Ángel|Luis Ernesto|Yadiel|Edwin|Héctor"),
                         f=_l("Yarelis|Marisol|Nilda|Coral|Wanda Ivette"),
                         s=_l("Rivera Colón|Santiago|Pagán|Vélez Rosario|Maldonado|Figueroa Ortiz")),
    "brazilian": dict(m=_l("João Pedro|Thiago|Luiz Fernando|Caio|Rogério"),
                      f=_l("Ana Clara|Luíza|Thaís|Graça|Conceição"),
                      s=_l("da Silva|dos Santos|Araújo|Magalhães|de Souza|Gonçalves")),
    "french": dict(m=_l("Étienne|Jérôme|Benoît|Loïc|Jean-Baptiste"),
                   f=_l("Céline|Hélène|Noémie|Anaïs|Marie-Claire"),
                   s=_l("Lefèvre|de Villiers|Dubois|Lemaître|Girard|Delacroix")),
    "haitian": dict(m=_l("Jean-Robert|Wesner|Fritzner|Lesly|Jacquelin"),
                    f=_l("Nadège|Mirlande|Guerline|Rose-Andrée|Marie-Ange"),
                    s=_l("Pierre-Louis|Saint-Fleur|Désir|Joseph|Jean-Gilles|Dorvil")),
    "german": dict(m=_l("Jürgen|Lukas|Matthias|Klaus|Wolfgang"),
                   f=_l("Jutta|Käthe|Annelie|Sabine|Gisela"),
                   s=_l("Müller|Schröder|Weiß|von Hagen|Großmann|Dietrich")),
    "dutch": dict(m=_l("Joost|Sjoerd|Maarten|Pieter|Bram"),
                  f=_l("Anouk|Femke|Marieke|Sanne|Willemijn"),
                  s=_l("van 't Hof|de Vries|van der Berg|Bakker|van Dijk|Terpstra")),
    "italian": dict(m=_l("Giuseppe|Salvatore|Matteo|Gianluca|Vincenzo"),
                    f=_l("Giulia|Francesca|Concetta|Rosaria|Annunziata"),
                    s=_l("D'Angelo|Di Stefano|Esposito|Lo Presti|Ferraro|Dell'Orto")),
    "polish": dict(m=_l("Krzysztof|Wojciech|Paweł|Grzegorz|Zbigniew"),
                   f=_l("Małgorzata|Agnieszka|Katarzyna|Jadwiga|Bożena"),
                   s=_l("Kowalski/Kowalska|Wiśniewski/Wiśniewska|Zieliński/Zielińska|Nowak|Wójcik|Grabowski/Grabowska")),
    "czech": dict(m=_l("Jiří|Tomáš|Ondřej|Vojtěch"),
                  f=_l("Zdeňka|Lenka|Markéta|Dagmar"),
                  s=_l("Dvořák/Dvořáková|Novák/Nováková|Černý/Černá|Procházka/Procházková")),
    "hungarian": dict(m=_l("László|Gábor|Zoltán|Ferenc"),
                      f=_l("Erzsébet|Zsófia|Ildikó|Piroska"),
                      s=_l("Szabó|Nagy|Tóth|Kovács|Horváth|Szűcs")),
    "nordic": dict(m=_l("Björn|Øyvind|Anders|Lars|Torbjørn"),
                   f=_l("Åsa|Ingrid|Sigrid|Linnéa|Solveig"),
                   s=_l("Lindqvist|Bjørnstad|Åkesson|Halvorsen|Sjöberg|Ødegaard")),
    "finnish": dict(m=_l("Juha|Matti|Jussi|Pekka"),
                    f=_l("Päivi|Tuulikki|Aino|Sirkka"),
                    s=_l("Virtanen|Mäkinen|Heikkilä|Järvinen|Kärkkäinen")),
    "russian": dict(m=_pairs("Dmitry=Дмитрий|Sergei=Сергей|Alexei=Алексей|Nikolai=Николай"),
                    f=_pairs("Olga=Ольга|Tatiana=Татьяна|Svetlana=Светлана|Yekaterina=Екатерина"),
                    s=_pairs("Ivanov/Ivanova=Иванов/Иванова|Smirnov/Smirnova=Смирнов/Смирнова|"
                             "Kuznetsov/Kuznetsova=Кузнецов/Кузнецова|Volkov/Volkova=Волков/Волкова"),
                    order="g f"),
    "ukrainian": dict(m=_pairs("Oleksandr=Олександр|Taras=Тарас|Bohdan=Богдан"),
                      f=_pairs("Oksana=Оксана|Iryna=Ірина|Halyna=Галина"),
                      s=_pairs("Shevchenko=Шевченко|Kovalenko=Коваленко|Bondarenko=Бондаренко|Tkachuk=Ткачук"),
                      order="g f"),
    "greek": dict(m=_pairs("Georgios=Γεώργιος|Dimitrios=Δημήτριος|Konstantinos=Κωνσταντίνος"),
                  f=_pairs("Eleni=Ελένη|Vasiliki=Βασιλική|Aikaterini=Αικατερίνη"),
                  s=_pairs("Papadopoulos/Papadopoulou=Παπαδόπουλος/Παπαδοπούλου|"
                           "Nikolaidis/Nikolaidou=Νικολαΐδης/Νικολαΐδου|Georgiou=Γεωργίου"),
                  order="g f"),
    "turkish": dict(m=_l("Mehmet|Ömer|Çağlar|Barış|Oğuz"),
                    f=_l("Ayşe|Gülşen|Şükran|Özlem|Müge"),
                    s=_l("Yılmaz|Şahin|Öztürk|Çelik|Doğan|Aydın")),
    "arabic": dict(m=_pairs("Mohammed=محمد|Khaled=خالد|Youssef=يوسف|Omar=عمر"),
                   f=_pairs("Fatima=فاطمة|Layla=ليلى|Noor=نور|Mariam=مريم"),
                   s=_pairs("Al-Sayed=السيد|Haddad=حداد|Al-Masri=المصري|Khoury=خوري"),
                   order="g f"),
    "persian": dict(m=_pairs("Reza=رضا|Dariush=داریوش|Kourosh=کوروش"),
                    f=_pairs("Shirin=شیرین|Parisa=پریسا|Mahnaz=مهناز"),
                    s=_pairs("Hosseini=حسینی|Tehrani=تهرانی|Karimi=کریمی"),
                    order="g f"),
    "hebrew": dict(m=_pairs("Yossi=יוסי|Avraham=אברהם|Eitan=איתן"),
                   f=_pairs("Noa=נועה|Tamar=תמר|Rivka=רבקה"),
                   s=_pairs("Cohen=כהן|Mizrahi=מזרחי|Friedman=פרידמן|Peretz=פרץ"),
                   order="g f"),
    "hindi": dict(m=_pairs("Rajesh=राजेश|Vikram=विक्रम|Arjun=अर्जुन"),
                  f=_pairs("Priya=प्रिया|Sunita=सुनीता|Ananya=अनन्या"),
                  s=_pairs("Sharma=शर्मा|Verma=वर्मा|Agarwal=अग्रवाल|Chaturvedi=चतुर्वेदी"),
                  order="g f"),
    "tamil": dict(m=_pairs("Karthik=கார்த்திக்|Senthil=செந்தில்|Murugan=முருகன்"),
                  f=_pairs("Lakshmi=லட்சுமி|Meenakshi=மீனாட்சி|Kavitha=கவிதா"),
                  s=_pairs("Subramanian=சுப்பிரமணியன்|Ramasamy=ராமசாமி|Krishnan=கிருஷ்ணன்"),
                  order="g f"),
    "bengali": dict(m=_l("Rahim|Tanvir|Sourav|Arnab"),
                    f=_l("Nusrat|Farzana|Mousumi|Tahmina"),
                    s=_l("Chowdhury|Rahman|Bhattacharya|Mukherjee|Hossain")),
    "pakistani": dict(m=_l("Imran|Bilal|Asad|Waqas"),
                      f=_l("Ayesha|Sana|Hina|Rabia"),
                      s=_l("Qureshi|Siddiqui|Malik|Chaudhry|Butt")),
    "chinese": dict(m=_pairs("Wei=伟|Jianguo=建国|Hao=浩|Zhiqiang=志强"),
                    f=_pairs("Xiuying=秀英|Yan=燕|Jing=静|Guilan=桂兰"),
                    s=_pairs("Wang=王|Zhang=张|Liu=刘|Chen=陈|Huang=黄|Zhou=周"),
                    order="fg"),
    "cantonese": dict(m=_l("Ka Wai|Chi Ming|Wing Kei|Kwok Leung"),
                      f=_l("Mei Ling|Siu Fong|Wai Yee|Yuk Lan"),
                      s=_l("Chan|Wong|Leung|Cheung|Lau|Tsang")),
    "korean": dict(m=_pairs("Min-jun=민준|Seung-ho=승호|Ji-hoon=지훈"),
                   f=_pairs("Seo-yeon=서연|Ji-woo=지우|Eun-ji=은지|Young-ja=영자"),
                   s=_pairs("Kim=김|Park=박|Choi=최|Jung=정|Yoon=윤"),
                   order="fg"),
    "japanese": dict(m=_pairs("Hiroshi=浩|Takeshi=健|Kenji=健二|Daisuke=大輔"),
                     f=_pairs("Yuko=裕子|Akiko=明子|Haruka=遥|Keiko=恵子"),
                     s=_pairs("Tanaka=田中|Suzuki=鈴木|Yamamoto=山本|Watanabe=渡辺|Takahashi=高橋"),
                     order="f g"),
    "vietnamese": dict(m=_l("Minh|Quốc Bảo|Đức|Tuấn|Văn Hùng"),
                       f=_l("Thị Hương|Ngọc Ánh|Thu Trang|Phương|Thị Lan"),
                       s=_l("Nguyễn|Trần|Phạm|Đặng|Huỳnh|Võ")),
    "filipino": dict(m=_l("Efren|Rommel|Danilo|Jomar"),
                     f=_l("Maricel|Rowena|Jocelyn|Luzviminda"),
                     s=_l("dela Cruz|Bautista|Macaraeg|de Guzman|Villanueva")),
    "thai": dict(m=_pairs("Somchai=สมชาย|Anan=อนันต์|Prasert=ประเสริฐ"),
                 f=_pairs("Siriporn=ศิริพร|Malee=มาลี|Napat=ณภัทร"),
                 s=_pairs("Srisuk=ศรีสุข|Wongsawat=วงศ์สวัสดิ์|Chaiyaporn=ชัยพร"),
                 order="g f"),
    "yoruba": dict(m=_l("Adébáyọ̀|Olúwaṣẹ́un|Babátúndé|Kọ́lá"),
                   f=_l("Títílayọ̀|Fọláṣadé|Oyèyẹmí|Adérónkẹ́"),
                   s=_l("Ògúnlẹ́yẹ|Adéyẹmí|Oyelaran-Oyeyinka|Ọláníyàn")),
    "igbo": dict(m=_l("Chukwuemeka|Obinna|Ikenna|Nnamdi"),
                 f=_l("Ngozi|Chiamaka|Adaeze|Ifeoma"),
                 s=_l("Okonkwo|Nwachukwu|Eze|Obi-Okafor|Ugwu")),
    "amharic": dict(m=_pairs("Tesfaye=ተስፋዬ|Dawit=ዳዊት|Yonas=ዮናስ"),
                    f=_pairs("Meseret=መሠረት|Tigist=ትግስት|Selamawit=ሰላማዊት"),
                    s=_pairs("Bekele=በቀለ|Tadesse=ታደሰ|Gebremedhin=ገብረመድህን|Haile=ኃይሌ"),
                    order="g f"),
    "somali": dict(m=_l("Abdirahman|Abdullahi|Mahad"),
                   f=_l("Hodan|Fadumo|Sahra|Ubah"),
                   s=_l("Warsame|Farah|Hirsi|Jama")),
    "hawaiian": dict(m=_l("Keoni|Kawika|Makoa"),
                     f=_l("Keʻalohilani|Leilani|Kaʻiulani|Noelani"),
                     s=_l("Kahananui|Kealoha|Nāone|Kamakaʻala")),
    "navajo": dict(m=_l("Darrell|Leroy|Delbert"),
                   f=_l("Shirley|Loretta|Arlene"),
                   s=_l("Begay|Yazzie|Tsosie|Benally|Tohannie")),
    "armenian": dict(m=_pairs("Aram=Արամ|Tigran=Տիգրան|Hakob=Հակոբ"),
                     f=_pairs("Anahit=Անահիտ|Lusine=Լուսինե|Shushan=Շուշան"),
                     s=_pairs("Petrosyan=Պետրոսյան|Hovhannisyan=Հովհաննիսյան|Sargsyan=Սարգսյան"),
                     order="g f"),
}
NATIVE_CULTURES = [c for c, d in CULTURES.items() if "order" in d]
PARTICLES = {"de", "la", "del", "da", "dos", "das", "van", "der", "den", "von", "'t", "di", "lo", "dell'",
             "mac", "ní", "ó", "o", "al", "el", "bin", "le", "mr", "mrs", "ms", "dr", "st", "jr", "sr"}

TEST_FAMILIES = {"TEST", "ZZTEST", "ZZZTEST", "EVERYMAN", "DOE", "PUBLIC", "PATIENT", "TESTPATIENT",
                 "SMART", "CHALMERS", "XXTEST", "DEMO", "SAMPLE", "EXAMPLE", "FAKE"}


def _pick_given(rng, cul, sex):
    g = rng.choice(cul[sex])
    return g if isinstance(g, tuple) else (g, None)


def _pick_family(rng, cul, sex):
    s = rng.choice(cul["s"])
    if isinstance(s, tuple):
        lat, nat = s
    else:
        lat, nat = s, None
    i = 0 if sex == "m" else 1
    if "/" in lat:
        lat = lat.split("/")[i]
    if nat and "/" in nat:
        nat = nat.split("/")[i]
    return lat, nat


def native_join(order, fam, giv):
    if order == "fg":
        return fam + giv
    if order == "f g":
        return fam + " " + giv
    return giv + " " + fam

# ---------------------------------------------------------------- places, orgs
ORGS = [
    dict(name="Northbridge Health", short="NBH", domain="northbridgehealth.org", state="MA",
         cities=[("Worcester", "016"), ("Framingham", "017"), ("Leominster", "014"), ("Fitchburg", "014"), ("Shrewsbury", "015")],
         area=["508", "774", "978"], fac=["Northbridge Medical Center", "Northbridge Children's Pavilion", "Shrewsbury Ambulatory Center"],
         addr="1140 Grafton Street, Worcester, MA 01604", mrn="E7"),
    dict(name="Mercy Valley Health", short="MVH", domain="mercyvalley.org", state="OH",
         cities=[("Dayton", "454"), ("Kettering", "454"), ("Xenia", "453"), ("Springfield", "455"), ("Huber Heights", "454")],
         area=["937", "326"], fac=["Mercy Valley Hospital", "Kettering Heart Institute at Mercy Valley", "Xenia Family Care"],
         addr="3300 Far Hills Avenue, Kettering, OH 45429", mrn="8"),
    dict(name="Cascadia Family Clinics", short="CFC", domain="cascadiaclinics.org", state="WA",
         cities=[("Tacoma", "984"), ("Olympia", "985"), ("Puyallup", "983"), ("Lakewood", "984")],
         area=["253", "360"], fac=["Cascadia Tacoma Clinic", "Cascadia Olympia Urgent Care", "Puyallup Women's Health"],
         addr="2201 South 19th Street, Tacoma, WA 98405", mrn="C9"),
    dict(name="Lone Prairie Medical", short="LPM", domain="loneprairiemed.org", state="TX",
         cities=[("Lubbock", "794"), ("Amarillo", "791"), ("Plainview", "790"), ("Levelland", "793")],
         area=["806"], fac=["Lone Prairie Medical Center", "Amarillo Rehabilitation Hospital", "Plainview Rural Health Clinic"],
         addr="4802 Indiana Avenue, Lubbock, TX 79413", mrn="9"),
    dict(name="Blue Heron Health", short="BHH", domain="blueheronhealth.org", state="FL",
         cities=[("Sarasota", "342"), ("Bradenton", "342"), ("Venice", "342"), ("Palmetto", "342")],
         area=["941"], fac=["Blue Heron Memorial Hospital", "Venice Surgery Center", "Bradenton Cancer Institute"],
         addr="1700 South Tamiami Trail, Sarasota, FL 34239", mrn="H8"),
    dict(name="Sierra Foothills Health", short="SFH", domain="sierrafoothills.org", state="CA",
         cities=[("Auburn", "956"), ("Grass Valley", "959"), ("Roseville", "956"), ("Placerville", "956")],
         area=["530", "916"], fac=["Sierra Foothills Medical Center", "Grass Valley Community Hospital", "Roseville Dialysis Unit"],
         addr="11815 Education Street, Auburn, CA 95602", mrn="7"),
    dict(name="Three Rivers Community Health", short="TRC", domain="threeriversch.org", state="PA",
         cities=[("Pittsburgh", "152"), ("McKeesport", "151"), ("Monroeville", "151"), ("Bethel Park", "151")],
         area=["412", "724"], fac=["Three Rivers General", "Monroeville Ambulatory Pavilion", "McKeesport Behavioral Health"],
         addr="600 Grant Street, Pittsburgh, PA 15219", mrn="T0"),
    dict(name="Great Lakes Pediatric Partners", short="GLP", domain="glpeds.org", state="MI",
         cities=[("Grand Rapids", "495"), ("Holland", "494"), ("Kentwood", "495"), ("Wyoming", "495")],
         area=["616"], fac=["Great Lakes Children's Hospital", "Holland Pediatric Clinic", "Kentwood After-Hours Clinic"],
         addr="35 Michigan Street NE, Grand Rapids, MI 49503", mrn="G8"),
    dict(name="Magnolia Regional", short="MGR", domain="magnoliaregional.org", state="GA",
         cities=[("Macon", "312"), ("Warner Robins", "310"), ("Perry", "310"), ("Milledgeville", "310")],
         area=["478"], fac=["Magnolia Regional Medical Center", "Warner Robins Outpatient Center", "Perry Women's Clinic"],
         addr="777 Hemlock Street, Macon, GA 31201", mrn="8"),
    dict(name="High Desert Health Alliance", short="HDA", domain="highdeserthealth.org", state="NM",
         cities=[("Albuquerque", "871"), ("Rio Rancho", "871"), ("Santa Fe", "875"), ("Gallup", "873")],
         area=["505"], fac=["High Desert Medical Center", "Rio Rancho Family Clinic", "Gallup Indian Health Annex"],
         addr="1100 Central Avenue SE, Albuquerque, NM 87106", mrn="A7"),
]
STREETS = _l("Oak Ridge|Maple|Cedar Hollow|Juniper|Willow Creek|Pleasant|Lincoln|Washington|Chestnut|Sycamore|"
             "Magnolia|Pinecrest|Sunset|Lakeview|Prospect|Harmony|Dogwood|Hickory|Quail Run|Mesa Verde|"
             "Canyon View|Rio Grande|Belmont|Highland|Orchard|Meadowbrook|Birch|Foxglove|Tamarack|Heron Bay")
STREET_TYPES = _l("St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Ct|Court|Blvd|Way|Pl|Terrace|Circle")
UNITS = _l("Apt 2B|Apt 311|Unit 4|# 12|Apt C|Unit 7A|Apt 1F|Lot 44|Apt 502|Suite 3")
EMAIL_DOMAINS = _l("gmail.com|yahoo.com|outlook.com|icloud.com|hotmail.com|aol.com|comcast.net|proton.me|att.net|me.com")
PAYERS = [("Blue Cross Blue Shield", "XEH{9}"), ("Aetna", "W{9}"), ("UnitedHealthcare", "{9}"),
          ("Cigna", "U{8}01"), ("Humana", "H{8}"), ("Tufts Health Plan", "TH{8}"), ("Molina Healthcare", "MOL{9}"),
          ("Ambetter", "U7{9}"), ("Kaiser Permanente", "KP{8}"), ("Medicaid", "{11}"), ("Anthem", "YRK{9}"),
          ("Highmark", "HMK{9}"), ("Wellcare", "WC{8}")]
MONTHS = _l("January|February|March|April|May|June|July|August|September|October|November|December")
MON3 = [m[:3] for m in MONTHS]


def fill_pattern(rng, pat):
    out = ""
    for tok in re.findall(r"\{\d+\}|[^{]+", pat):
        if tok.startswith("{"):
            out += digits(rng, int(tok[1:-1]))
        else:
            out += tok
    return out


def fdate(d, style):
    if isinstance(d, dt.datetime) and style in ("hl7", "iso", "us", "us_short", "mon", "long", "dot", "yy", "dmy", "mdy_dash", "ym"):
        d = d.date()
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "hl7ts":
        return d.strftime("%Y%m%d%H%M")
    if style == "hl7tss":
        return d.strftime("%Y%m%d%H%M%S")
    if style == "iso":
        return d.isoformat()
    if style == "isots":
        return d.strftime("%Y-%m-%dT%H:%M:%S")
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us_short":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "yy":
        return f"{d.month}/{d.day}/{d.strftime('%y')}"
    if style == "mon":
        return f"{d.day:02d}-{MON3[d.month - 1]}-{d.year}"
    if style == "long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "dmy":
        return f"{d.day} {MON3[d.month - 1]} {d.year}"
    if style == "mdy_dash":
        return d.strftime("%m-%d-%Y")
    raise KeyError(style)


def fphone(area, num, style):
    a, b, c = area, num[:3], num[3:]
    return {"paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dot": f"{a}.{b}.{c}",
            "e164": f"+1{a}{b}{c}", "intl": f"+1 {a} {b} {c}", "bare": f"{a}{b}{c}",
            "one": f"1-{a}-{b}-{c}"}[style]


# ---------------------------------------------------------------- people
def name_tokens(v):
    out = set()
    for tok in re.split(r"[\s^,/\-]+", v):
        tok = tok.strip(".()'\"’")
        if len(tok) >= 3 and tok.lower() not in PARTICLES:
            out.add(tok)
            out.add(tok.upper())
            out.add(fold(tok))
            out.add(fold(tok).upper())
    return out


class Person:
    """A synthetic patient or relative; every value is random."""

    def __init__(self, ctx, culture=None, sex=None, age=None, family=None, min_age=1, max_age=88, city=None):
        rng = ctx.rng
        self.ctx = ctx
        self.culture = culture or rng.choice(list(CULTURES))
        cul = CULTURES[self.culture]
        self.sex = sex or rng.choice("mf")
        for _try in range(40):
            self.given, self.gnat = _pick_given(rng, cul, self.sex)
            if family:
                self.family, self.fnat = family
            else:
                self.family, self.fnat = _pick_family(rng, cul, self.sex)
            toks = name_tokens(f"{self.given} {self.family}")
            if not toks & ctx._staff_tokens and (self.given, self.family) not in ctx._patient_names:
                break
        ctx._patient_tokens |= toks
        ctx._patient_names.add((self.given, self.family))
        self.native = native_join(cul["order"], self.fnat, self.gnat) if "order" in cul and self.fnat else None
        self.middle = rng.choice("ABCDEFGHJKLMNPRSTVW") if rng.random() < 0.45 and not self.native else ""
        if age is None:
            age = rng.randint(min_age, max_age)
        self.age = age
        today = ctx.now.date()
        self.dob = today - dt.timedelta(days=int(age * 365.2425) + rng.randint(3, 350))
        self.age = today.year - self.dob.year - ((today.month, today.day) < (self.dob.month, self.dob.day))
        self.mrn = ctx.make_mrn()
        self.ssn = make_ssn(rng)
        org = ctx.org
        self.area = rng.choice(org["area"])
        self.phone_num = str(rng.randint(2, 9)) + digits(rng, 2, False) + digits(rng, 4, False)
        while self.phone_num.startswith("555"):
            self.phone_num = str(rng.randint(2, 9)) + digits(rng, 6, False)
        self.cell_area = rng.choice(org["area"])
        self.cell_num = str(rng.randint(2, 9)) + digits(rng, 6, False)
        while self.cell_num.startswith("555") or self.cell_num == self.phone_num:
            self.cell_num = str(rng.randint(2, 9)) + digits(rng, 6, False)
        g, f = fold(self.given).lower().replace(" ", ""), fold(self.family).lower().replace(" ", "").replace("'", "")
        g = re.sub(r"[^a-z]", "", g) or "pt"
        f = re.sub(r"[^a-z]", "", f) or "x"
        self.email = rng.choice([f"{g}.{f}{rng.randint(1, 99)}", f"{g[0]}{f}{rng.randint(10, 1999)}", f"{g}{f[:4]}{rng.randint(60, 99)}",
                                 f"{f}.{g}", f"{g}_{f}_{rng.randint(1, 9)}"]) + "@" + rng.choice(EMAIL_DOMAINS)
        self.street = f"{rng.randint(3, 9899)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
        self.unit = rng.choice(UNITS) if rng.random() < 0.3 else ""
        c = city or rng.choice(org["cities"])
        self.city, z3 = c
        self.state = org["state"]
        self.zip = z3 + digits(rng, 2, False)
        self.zip4 = digits(rng, 4, False)
        self.payer, pat = rng.choice(PAYERS)
        self.member_id = fill_pattern(rng, pat)
        self.group = "GRP" + digits(rng, 6)
        self.mbi = make_mbi(rng)
        self.acct = digits(rng, rng.choice([9, 10]))
        self.csn = digits(rng, 10)
        self.visit = "V" + digits(rng, 9)
        self.claim = digits(rng, 3) + alnum(rng, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(rng, 8)
        self.card = make_card(rng)
        self.dl = rng.choice(["S", "D", "M", "B"]) + digits(rng, 8)
        self.ip = f"{rng.choice([73, 68, 24, 98, 174, 71, 99, 107, 172])}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(2, 254)}"
        self.serial = rng.choice(["8G", "SM", "PG", "RNB", "NWE"]) + alnum(rng, rng.choice([6, 8]))
        now = ctx.now
        self.admit = (now - dt.timedelta(days=rng.randint(2, 24), hours=rng.randint(0, 12))).replace(second=0, microsecond=0)
        self.discharge = min(self.admit + dt.timedelta(days=rng.randint(1, 9), hours=rng.randint(1, 8)),
                             now - dt.timedelta(days=1))
        if self.discharge <= self.admit:
            self.discharge = self.admit + dt.timedelta(hours=rng.randint(3, 20))
        self.service = (now - dt.timedelta(days=rng.randint(9, 80))).date()

    # -- names
    @property
    def full(self):
        return f"{self.given} {self.middle + '. ' if self.middle else ''}{self.family}"

    def nm(self, style="fl", enc=None):
        g, f, m = self.given, self.family, self.middle
        v = {"fl": f"{g} {f}", "flm": f"{g} {m + '. ' if m else ''}{f}", "lf": f"{f}, {g}",
             "LF": f"{f.upper()}, {g.upper()}", "LFc": f"{f.upper()},{g.upper()}", "g": g, "f": f,
             "F": f.upper(), "lfm": f"{f}, {g}{' ' + m if m else ''}", "gi": f"{g} {f[0]}.",
             "FL": f"{g.upper()} {f.upper()}", "native": self.native or f"{g} {f}",
             "fold": fold(f"{g} {f}"), "lower": f"{g.lower()} {f.lower()}"}[style]
        return P(v, "person_name", enc)

    def hl7(self, folded=False, enc=None):
        f, g, m = self.family.upper(), self.given.upper(), self.middle
        if folded:
            f, g = fold(f), fold(g)
        v = f"{f}^{g}" + (f"^{m}" if m else "")
        return P(v, "person_name", enc)

    def title(self):
        t = {"m": "Mr.", "f": self.ctx.rng.choice(["Mrs.", "Ms."])}[self.sex]
        return D(t, "title")

    # -- identifiers
    def dob_(self, style="us"):
        return P(fdate(self.dob, style), "date")

    def d(self, which, style="us"):
        return P(fdate(getattr(self, which), style), "date")

    def mrn_(self):
        return P(self.mrn, "mrn")

    def ssn_(self, style="dash"):
        s = self.ssn if style == "dash" else self.ssn.replace("-", "")
        return P(s, "ssn")

    def phone_(self, style="paren", cell=False):
        a, n = (self.cell_area, self.cell_num) if cell else (self.area, self.phone_num)
        return P(fphone(a, n, style), "phone")

    def xtn(self, cell=False):
        a, n = (self.cell_area, self.cell_num) if cell else (self.area, self.phone_num)
        use = "PRN^CP" if cell else "PRN^PH"
        return f"^{use}^^1^{P(a, 'phone')}^{P(n, 'phone')}"

    def email_(self, enc=None):
        return P(self.email, "email", enc)

    def street_(self, enc=None):
        v = self.street + (" " + self.unit if self.unit else "")
        return P(v, "street_address", enc)

    def city_(self):
        return P(self.city, "street_address")

    def state_(self):
        return D(self.state, "state")

    def zip_(self, plus4=False):
        return P(self.zip + ("-" + self.zip4 if plus4 else ""), "zip_code")

    def addr1(self, enc=None):
        return f"{self.street_(enc)}, {self.city_()}, {self.state_()} {self.zip_()}"

    def hl7addr(self):
        return f"{self.street_()}^^{self.city_()}^{self.state_()}^{self.zip_()}^USA^H"

    def member_(self):
        return P(self.member_id, "health_plan_id")

    def mbi_(self, dashed=False):
        m = self.mbi
        if dashed:
            m = f"{m[:4]}-{m[4:7]}-{m[7:]}"
        return P(m, "medicare_mbi")

    def acct_(self):
        return P(self.acct, "account_number")

    def csn_(self):
        return P(self.csn, "account_number")

    def visit_(self):
        return P(self.visit, "account_number")

    def claim_(self):
        return P(self.claim, "other_id")

    def card_(self, spaced=False):
        c = self.card
        if spaced:
            c = " ".join(c[i:i + 4] for i in range(0, len(c), 4))
        return P(c, "credit_card")

    def ip_(self):
        return P(self.ip, "ip_address")

    def serial_(self):
        return P(self.serial, "device_id")

    def dl_(self):
        return P(self.dl, "license_number")

    def age_(self, fmt="{} y/o"):
        if self.age >= 90:
            return fmt.format(P(str(self.age), "age_over_89"))
        return fmt.format(self.age)

    @property
    def he(self):
        return "he" if self.sex == "m" else "she"

    @property
    def his(self):
        return "his" if self.sex == "m" else "her"

    @property
    def sexc(self):
        return self.sex.upper()


class Staff:
    def __init__(self, ctx, role=None):
        rng = ctx.rng
        for _ in range(60):
            cul = rng.choice(list(CULTURES))
            sex = rng.choice("mf")
            g, _n = _pick_given(rng, CULTURES[cul], sex)
            f, _n2 = _pick_family(rng, CULTURES[cul], sex)
            if (g, f) not in ctx._staff_names and not name_tokens(f"{g} {f}") & ctx._patient_tokens:
                break
        ctx._staff_names.add((g, f))
        ctx._staff_tokens |= name_tokens(f"{g} {f}")
        self.given, self.family, self.sex = g, f, sex
        self.name = f"{g} {f}"
        fg = re.sub(r"[^a-z]", "", fold(g).lower()) or "x"
        ff = re.sub(r"[^a-z]", "", fold(f).lower()) or "x"
        self.handle = f"{fg[0]}{ff}"[:14]
        self.email = f"{fg}.{ff}@{ctx.org['domain']}"
        self.ext = str(rng.randint(2000, 7999))
        self.phone = fphone(ctx.org["area"][0], str(rng.randint(2, 9)) + digits(rng, 6, False), "dash")
        self.pager = str(rng.randint(100, 999)) + "-" + digits(rng, 4, False)
        self.role = role
        self.npi = make_npi(rng)

    def n(self, style="fl"):
        v = {"fl": self.name, "lf": f"{self.family}, {self.given}", "g": self.given, "F": self.family.upper(),
             "LF": f"{self.family.upper()}^{self.given.upper()}", "dr": f"{self.given} {self.family}"}[style]
        return D(v, "person_name")

    def dr(self, cred="MD"):
        return f"Dr. {D(self.name, 'person_name')}, {cred}"

    def h(self):
        return D(self.handle, "person_name")

    def em(self):
        return D(self.email, "staff_contact")

    def ph(self):
        return D(self.phone, "staff_contact")

    def npi_(self):
        return D(self.npi, "npi")

    def at(self, markup):
        if markup in ("jira", "conf"):
            return f"[~{self.h()}]"
        if markup == "md":
            return f"@{self.n()}"
        return self.n()

    def hl7(self):
        return f"{self.npi_()}^{D(self.family.upper() + '^' + self.given.upper(), 'person_name')}^^^MD"


def ts_fmt(t, style):
    if style == "jira":
        return t.strftime("%d/%b/%y ") + t.strftime("%I:%M %p").lstrip("0")
    if style == "cloud":
        return f"{MON3[t.month - 1]} {t.day}, {t.year}, " + t.strftime("%I:%M %p").lstrip("0")
    if style == "iso":
        return t.strftime("%Y-%m-%d %H:%M")
    if style == "isos":
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if style == "log":
        return t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
    if style == "zd":
        return f"{MONTHS[t.month - 1]} {t.day}, {t.year} {t.strftime('%H:%M')}"
    if style == "mail":
        return t.strftime("%a, %d %b %Y %H:%M:%S -0500")
    if style == "outlook":
        return f"{t.strftime('%A')}, {MONTHS[t.month - 1]} {t.day}, {t.year} " + t.strftime("%I:%M %p").lstrip("0")
    if style == "slack":
        return t.strftime("%I:%M %p").lstrip("0")
    raise KeyError(style)


LAYOUT_MARKUP = {"wiki": "jira", "md": "md", "plain": "plain", "cwiki": "conf", "html": "html", "cmd": "md",
                 "snow": "plain", "zendesk": "plain", "jsm": "plain", "fresh": "plain", "github": "md",
                 "bitbucket": "plain", "git": "plain", "gmail": "mail", "outlook": "plain", "apple": "mail", "eml": "mail"}


class Ctx:
    def __init__(self, rng, size, n, layout, family, crlf=False):
        self.rng, self.size, self.n, self.layout, self.family = rng, size, n, layout, family
        self.crlf = crlf
        self.short = size == "S"
        self.long = size == "L"
        self.org = rng.choice(ORGS)
        self.now = dt.datetime(2026, rng.randint(8, 12), rng.randint(1, 28), rng.randint(7, 17),
                               rng.randint(0, 59), rng.randint(0, 59))
        self.clock = self.now
        self._staff_names = set()
        self._staff_tokens = set()
        self._patient_tokens = set()
        self._patient_names = set()
        self._mrn_style = self.org["mrn"]
        self.markup = LAYOUT_MARKUP.get(layout.split("_")[0], "plain")
        self.flavor = {"support_ticket": "desk", "confluence_table": "page", "clinical_rule": "page", "oncall_directory": "page",
                       "meeting_notes": "page", "patient_email": "desk", "fhir_diff": "review", "claims_csv": "edi",
                       "validator_diff": "review"}.get(family, "eng")
        self.page_comments = 0
        self.proj = rng.choice(["INTG", "EHR", "HL7", "IFACE", "CLIN", "PORTAL", "DATA", "RCM", "HIS", "APPS"])

    def make_mrn(self):
        st = self._mrn_style
        rng = self.rng
        if st[0].isalpha():
            return st[0] + digits(rng, 7 if st[1] == "7" else 8, True)
        return digits(rng, int(st), True)

    def staff(self, k=1, role=None):
        out = [Staff(self, role) for _ in range(k)]
        return out if k > 1 else out[0]

    def patient(self, **kw):
        return Person(self, **kw)

    def tick(self, lo=3, hi=240):
        self.clock += dt.timedelta(minutes=self.rng.randint(lo, hi), seconds=self.rng.randint(0, 59),
                                   microseconds=self.rng.randint(0, 999) * 1000)
        return self.clock

    def fac(self, i=None):
        f = self.org["fac"][i if i is not None else self.rng.randrange(len(self.org["fac"]))]
        return D(f, "facility")

    def orgn(self, upper=False):
        n = self.org["name"]
        return D(n.upper() if upper else n, "facility")

    def key(self):
        return f"{self.proj}-{self.rng.randint(120, 9899)}"

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

# ---------------------------------------------------------------- blocks
def Pg(t):
    return ("p", t)


def H(t):
    return ("h", t)


def Code(t, lang=""):
    return ("code", lang, t)


def Pre(t):
    return ("pre", t)


def Quote(t):
    return ("quote", t)


def Table(h, rows):
    return ("table", h, rows)


def UL(items):
    return ("ul", items)


def OL(items):
    return ("ol", items)


def Raw(t):
    return ("raw", t)


def render_blocks(blocks, markup):
    out = []
    for b in blocks:
        k = b[0]
        if k == "raw":
            out.append(b[1])
        elif markup in ("jira", "conf"):
            if k == "p":
                out.append(b[1])
            elif k == "h":
                out.append("h3. " + b[1])
            elif k == "code":
                out.append(("{code:%s}" % b[1] if b[1] else "{code}") + "\n" + b[2] + "\n{code}")
            elif k == "pre":
                out.append("{noformat}\n" + b[1] + "\n{noformat}")
            elif k == "quote":
                out.append("{quote}\n" + b[1] + "\n{quote}")
            elif k == "table":
                rows = ["||" + "||".join(b[1]) + "||"] + ["|" + "|".join(c if c != "" else " " for c in r) + "|" for r in b[2]]
                out.append("\n".join(rows))
            elif k == "ul":
                out.append("\n".join("* " + i for i in b[1]))
            elif k == "ol":
                out.append("\n".join("# " + i for i in b[1]))
        elif markup == "md":
            if k == "p":
                out.append(b[1])
            elif k == "h":
                out.append("### " + b[1])
            elif k == "code":
                out.append("```" + b[1] + "\n" + b[2] + "\n```")
            elif k == "pre":
                out.append("```\n" + b[1] + "\n```")
            elif k == "quote":
                out.append("\n".join("> " + l if l else ">" for l in b[1].split("\n")))
            elif k == "table":
                rows = ["| " + " | ".join(b[1]) + " |", "|" + "|".join("---" for _ in b[1]) + "|"]
                rows += ["| " + " | ".join(r) + " |" for r in b[2]]
                out.append("\n".join(rows))
            elif k == "ul":
                out.append("\n".join("- " + i for i in b[1]))
            elif k == "ol":
                out.append("\n".join(f"{n}. {i}" for n, i in enumerate(b[1], 1)))
        elif markup == "html":
            if k == "p":
                out.append("<p>" + hesc(b[1]).replace("\n", "<br/>") + "</p>")
            elif k == "h":
                out.append("<h2>" + hesc(b[1]) + "</h2>")
            elif k == "code":
                out.append('<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">%s</ac:parameter>'
                           '<ac:plain-text-body><![CDATA[%s]]></ac:plain-text-body></ac:structured-macro>' % (b[1] or "text", b[2]))
            elif k == "pre":
                out.append("<pre>" + hesc(b[1]) + "</pre>")
            elif k == "quote":
                out.append("<blockquote><p>" + hesc(b[1]).replace("\n", "<br/>") + "</p></blockquote>")
            elif k == "table":
                rows = ["<table><tbody>", "<tr>" + "".join("<th>" + hesc(h) + "</th>" for h in b[1]) + "</tr>"]
                rows += ["<tr>" + "".join("<td>" + hesc(c) + "</td>" for c in r) + "</tr>" for r in b[2]]
                rows.append("</tbody></table>")
                out.append("\n".join(rows))
            elif k in ("ul", "ol"):
                tag = k
                out.append(f"<{tag}>" + "".join("<li>" + hesc(i) + "</li>" for i in b[1]) + f"</{tag}>")
        else:  # plain, snow, mail
            if k in ("p", "h"):
                out.append(b[1])
            elif k == "code":
                out.append(b[2])
            elif k == "pre":
                out.append(b[1])
            elif k == "quote":
                if markup == "mail":
                    out.append("\n".join("> " + l if l else ">" for l in b[1].split("\n")))
                else:
                    out.append(b[1])
            elif k == "table":
                out.append("\n".join("\t".join(r) for r in [b[1]] + list(b[2])))
            elif k == "ul":
                out.append("\n".join("• " + i for i in b[1]))
            elif k == "ol":
                out.append("\n".join(f"{n}. {i}" for n, i in enumerate(b[1], 1)))
    return "\n\n".join(out)


JIRA_MARKUP = {"wiki": "jira", "md": "md", "plain": "plain"}


def jira_issue(ctx, summary, desc, comments, itype="Bug", pri=None, status=None, comp=None,
               labels=None, reporter=None, assignee=None, key=None):
    """Jira issue: description + comment thread.  comments: [(Staff, [blocks])]."""
    lay = ctx.layout.split("_")[0] if ctx.layout.split("_")[0] in JIRA_MARKUP else "wiki"
    mk = JIRA_MARKUP[lay]
    ctx.markup = mk
    rng = ctx.rng
    key = key or ctx.key()
    pri = pri or rng.choice(["Major", "High", "Medium", "Critical", "Minor"])
    status = status or rng.choice(["In Progress", "Open", "In Review", "Waiting for Vendor", "Reopened", "Resolved"])
    comp = comp or rng.choice(["Interfaces", "Integration Engine", "ADT", "Results", "Data Warehouse", "Portal", "Revenue Cycle"])
    labels = labels or rng.sample(["hl7", "prod", "mirth", "tst", "epic", "interface", "sev3", "p2", "regression", "vendor"], 2)
    reporter = reporter or ctx.staff()
    assignee = assignee or ctx.staff()
    created = ctx.clock
    body = render_blocks(desc, mk)
    cm = []
    for who, blocks in comments:
        t = ctx.tick()
        b = render_blocks(blocks, mk)
        if mk == "jira":
            cm.append(f"*{who.n()}* added a comment - {ts_fmt(t, 'jira')}\n{b}")
        elif mk == "md":
            cm.append(f"**{who.n()}** · {ts_fmt(t, 'cloud')}\n\n{b}")
        else:
            cm.append(f"{who.n()} added a comment - {ts_fmt(t, 'zd')}\n{b}")
    updated = ctx.clock
    if ctx.short:
        if mk == "jira":
            head = f"{key}: {summary}\nReporter: [~{reporter.h()}]  Status: {status}\n\n{body}"
            if cm:
                head += "\n\n" + "\n----\n".join(cm)
        elif mk == "md":
            head = f"## {summary} ({key})\n\n{body}"
            if cm:
                head += "\n\n" + "\n\n".join(cm)
        else:
            head = f"{key} {summary}\n{body}"
            if cm:
                head += "\n\n" + "\n\n".join(cm)
        return head
    if mk == "jira":
        head = (f"{key}: {summary}\nType: {itype}    Priority: {pri}    Status: {status}\n"
                f"Reporter: [~{reporter.h()}]    Assignee: [~{assignee.h()}]\n"
                f"Components: {comp}    Labels: {' '.join(labels)}\n"
                f"Created: {ts_fmt(created, 'jira')}    Updated: {ts_fmt(updated, 'jira')}\n\n"
                f"h2. Description\n{body}")
        if cm:
            head += "\n\nh2. Comments\n" + "\n----\n".join(cm)
    elif mk == "md":
        head = (f"## {summary}\n`{key}` · {itype} · {pri} · **{status}**\n"
                f"Reporter: {reporter.n()} · Assignee: {assignee.n()} · Component: {comp}\n\n"
                f"### Description\n\n{body}")
        if cm:
            head += "\n\n### Activity\n\n" + "\n\n".join(cm)
    else:
        head = (f"{ctx.proj} / {key}\n{summary}\n\nDetails\nType: {itype}\nPriority: {pri}\nStatus: {status}\n"
                f"Component/s: {comp}\nLabels: {', '.join(labels)}\n\nPeople\nAssignee: {assignee.n()}\n"
                f"Reporter: {reporter.n()}\n\nDates\nCreated: {ts_fmt(created, 'zd')}\nUpdated: {ts_fmt(updated, 'zd')}\n\n"
                f"Description\n{body}")
        if cm:
            head += "\n\nActivity\n" + "\n\n".join(cm)
    return head


CONF_MARKUP = {"cwiki": "conf", "html": "html", "cmd": "md"}


def conf_page(ctx, title, blocks, changelog=None, space=None, owner=None, comments=None):
    lay = ctx.layout.split("_")[0]
    mk = CONF_MARKUP.get(lay, "conf")
    ctx.markup = mk
    rng = ctx.rng
    owner = owner or ctx.staff()
    spaces = {"clinical_rule": ["Clinical Decision Support", "Clinical Informatics", "CDS Governance"],
              "oncall_directory": ["IT Operations", "Integration Team", "Service Desk"],
              "meeting_notes": ["Integration Team", "IT Change Management", "Data Governance", "EHR Program"],
              "release_notes": ["Integration Team", "Release Management", "Security Office"],
              "clinical_note": ["Nursing Informatics", "Hospital Medicine", "Clinical Informatics"],
              "confluence_table": ["Clinical Informatics", "Nursing Informatics", "Patient Access", "Case Management", "HIM", "Research Office"],
              "sql_seed": ["Data & Analytics", "Integration Team"]}
    space = space or rng.choice(spaces.get(ctx.family, ["Integration Team", "Clinical Informatics", "Revenue Cycle IT", "Data & Analytics"]))
    body = render_blocks(blocks, mk)
    mod = ctx.now + dt.timedelta(days=rng.randint(0, 6))
    mod_s = f"{MON3[mod.month - 1]} {mod.day}, {mod.year}"
    cl = []
    if changelog:
        rows = []
        for i, (who, note) in enumerate(changelog, 1):
            d0 = ctx.now - dt.timedelta(days=(len(changelog) - i) * rng.randint(2, 9))
            rows.append([f"v{i}", f"{MON3[d0.month - 1]} {d0.day}, {d0.year}", who.n(), note])
        cl = [H("Change log"), Table(["Version", "Date", "Author", "Comment"], rows)]
    tail = render_blocks(cl, mk) if cl else ""
    if comments is None:
        comments = filler_comments(ctx, getattr(ctx, "page_comments", 0))
    if comments:
        cb = [H(f"{len(comments)} Comment{'s' if len(comments) > 1 else ''}")]
        for who, bl in comments:
            t = ctx.tick(30, 2000)
            cb.append(Pg(f"{who.n()} · {MON3[t.month - 1]} {t.day}, {t.year}"))
            cb += bl
        tail = (tail + "\n\n" if tail else "") + render_blocks(cb, mk)
    if mk == "html":
        head = (f"<h1>{hesc(title)}</h1>\n<p>Space: {hesc(space)} · Owned by {owner.n()} · Last updated {mod_s}</p>\n")
        return head + body + ("\n" + tail if tail else "")
    if mk == "md":
        head = f"# {title}\n_Space: {space} · Owner: {owner.n()} · Last updated {mod_s}_\n\n"
        return head + body + ("\n\n" + tail if tail else "")
    head = f"{title}\nCreated by {owner.n()}, last modified on {mod_s}\n\n"
    return head + body + ("\n\n" + tail if tail else "")


def ticket(ctx, subject, requester, req_email, entries, number=None, category=None, group=None, agent=None):
    """Service-desk ticket.  entries: [(who_marked, role, [blocks])], role in customer/agent/internal/system."""
    sysname = ctx.layout.split("_")[0]
    ctx.markup = "plain"
    rng = ctx.rng
    agent = agent or ctx.staff()
    group = group or rng.choice(["Patient Access IT", "Service Desk L2", "Portal Support", "HIM Systems", "Billing Systems", "Clinical Apps"])
    category = category or rng.choice(["Application", "Access", "Billing", "Patient Portal", "Interface", "Records"])
    out = []
    if sysname == "snow":
        number = number or f"INC{digits(rng, 7, False)}"
        out.append(f"Number: {number}    State: {rng.choice(['In Progress', 'On Hold', 'New', 'Awaiting Caller'])}\n"
                   f"Caller: {requester}    Category: {category}\nAssignment group: {group}    Assigned to: {agent.n()}\n"
                   f"Short description: {subject}")
        for i, (who, role, blocks) in enumerate(entries):
            t = ctx.tick()
            label = {"customer": "Additional comments", "agent": "Additional comments (Customer visible)",
                     "internal": "Work notes", "system": "System"}[role]
            body = render_blocks(blocks, "snow")
            if i == 0 and role == "customer":
                out.append(f"Description:\n{body}")
            else:
                out.append(f"{D(ts_fmt(t, 'isos'), 'date')} - {who} ({label})\n{body}")
        out.insert(1, "")
        return "\n\n".join(x for x in out if x != "")
    if sysname == "zendesk":
        number = number or f"#{rng.randint(10000, 99999)}"
        out.append(f"{number} {subject}\nRequester: {requester}" + (f" <{req_email}>" if req_email else "") +
                   f"    Assignee: {agent.n()}    Group: {group}\nStatus: {rng.choice(['Open', 'Pending', 'On-hold'])}    "
                   f"Type: {rng.choice(['Question', 'Incident', 'Problem'])}    Priority: {rng.choice(['Normal', 'High', 'Low'])}")
        for who, role, blocks in entries:
            t = ctx.tick()
            tag = {"customer": "", "agent": "", "internal": " (internal note)", "system": " (trigger)"}[role]
            out.append(f"{who}{tag}\n{D(ts_fmt(t, 'zd'), 'date')}\n{render_blocks(blocks, 'plain')}")
        return "\n\n".join(out)
    if sysname == "fresh":
        number = number or f"#{rng.randint(1000, 9999)}"
        out.append(f"Ticket {number} — {subject}\nContact: {requester}" + (f" ({req_email})" if req_email else "") +
                   f"\nAgent: {agent.n()} | Group: {group} | Source: {rng.choice(['Email', 'Portal', 'Phone'])}")
        for who, role, blocks in entries:
            t = ctx.tick()
            tag = {"customer": "reported", "agent": "replied", "internal": "added a private note", "system": "automation"}[role]
            out.append(f"{who} {tag} · {D(ts_fmt(t, 'cloud'), 'date')}\n{render_blocks(blocks, 'plain')}")
        return "\n\n".join(out)
    # jsm
    number = number or f"{rng.choice(['HSD', 'ITSD', 'SUP', 'PAS'])}-{rng.randint(100, 9999)}"
    out.append(f"{number}  {subject}\nRequest type: {rng.choice(['Report a problem', 'Get IT help', 'Patient portal issue', 'Records request'])}\n"
               f"Reporter: {requester}\nStatus: {rng.choice(['Waiting for support', 'In progress', 'Escalated'])}\n"
               f"Assignee: {agent.n()}")
    for i, (who, role, blocks) in enumerate(entries):
        t = ctx.tick()
        if i == 0 and role == "customer":
            out.append(f"Description\n{render_blocks(blocks, 'plain')}")
            continue
        tag = {"customer": "Reply", "agent": "Reply to customer", "internal": "Internal note", "system": "Automation"}[role]
        out.append(f"{who} · {tag} · {D(ts_fmt(t, 'cloud'), 'date')}\n{render_blocks(blocks, 'plain')}")
    return "\n\n".join(out)


def pull_request(ctx, title, desc_blocks, files, comments, ci=None):
    """files: [(path, diff_body)] where diff_body is hunk text with +/-/space prefixes."""
    lay = ctx.layout.split("_")[0]
    rng = ctx.rng
    author = ctx.staff()
    num = rng.randint(80, 2400)
    branch = rng.choice(["feature", "bugfix", "chore", "fix"]) + "/" + ctx.key() + "-" + rng.choice(
        ["fixtures", "seed-data", "patient-mapper", "coverage", "bundle-tests", "observation-map"])
    diffs = []
    for f in files:
        path, hunk = f[0], f[1]
        if len(f) > 2 and f[2] == "new":
            diffs.append(f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{hexs(rng, 7)}\n--- /dev/null\n+++ b/{path}\n{hunk}")
        else:
            idx = f"index {hexs(rng, 7)}..{hexs(rng, 7)} 100644"
            diffs.append(f"diff --git a/{path} b/{path}\n{idx}\n--- a/{path}\n+++ b/{path}\n{hunk}")
    diff = "\n".join(diffs)
    mk = "md" if lay == "github" else "plain"
    ctx.markup = mk
    if lay == "git":
        sha = hexs(rng, 40)
        desc = render_blocks(desc_blocks, "plain")
        head = (f"commit {sha}\nAuthor: {author.n()} <{author.em()}>\nDate:   {ts_fmt(ctx.now, 'mail')}\n\n    {title}\n\n" +
                "\n".join("    " + l if l else "" for l in desc.split("\n")) + "\n\n" + diff)
        if comments:
            head += "\n\n" + "\n\n".join(f"# review ({who.n()}): " + render_blocks(b, "plain").replace("\n", "\n# ") for who, b in comments)
        return head
    cm = []
    for who, b in comments:
        t = ctx.tick()
        cm.append(f"{who.n()} · {ts_fmt(t, 'cloud')}\n{render_blocks(b, mk)}")
    desc = render_blocks(desc_blocks, mk)
    if lay == "github":
        out = (f"# {title} #{num}\n**Open** · {author.n()} wants to merge {rng.randint(1, 7)} commits into `main` from `{branch}`\n\n"
               f"{desc}\n\n```diff\n{diff}\n```")
        if ci:
            out += f"\n\n<details><summary>CI log</summary>\n\n```\n{ci}\n```\n</details>"
        if cm:
            out += "\n\n" + "\n\n".join(cm)
        return out
    out = (f"Pull request #{num}: {title}\n{author.n()} wants to merge {branch} into develop\n"
           f"Reviewers: {', '.join(s.n() for s in ctx.staff(2))}\n\nDescription\n{desc}\n\n"
           f"Files changed ({len(files)})\n{diff}")
    if ci:
        out += f"\n\nBuild #{rng.randint(300, 9000)} — {rng.choice(['FAILED', 'SUCCESSFUL'])}\n{ci}"
    if cm:
        out += "\n\nComments\n" + "\n\n".join(cm)
    return out


def email(ctx, style, frm, to, when, subject, body, cc=None, extra_headers=None):
    """frm / to are marked strings like 'Name <addr>'."""
    if style == "outlook":
        h = f"From: {frm}\nSent: {D(ts_fmt(when, 'outlook'), 'date')}\nTo: {to}\n"
        if cc:
            h += f"Cc: {cc}\n"
        return h + f"Subject: {subject}\n\n{body}"
    if style == "gmail":
        return f"{subject}\n\n{frm}\n{D(ts_fmt(when, 'zd'), 'date')}\nto {to}\n\n{body}"
    if style == "apple":
        ds = fdate(when, "long") + " at " + when.strftime("%I:%M %p").lstrip("0")
        return f"From: {frm}\nSubject: {subject}\nDate: {D(ds, 'date')}\nTo: {to}\n\n{body}"
    # eml
    rng = ctx.rng
    mid = f"<{hexs(rng, 16)}.{rng.randint(1000, 9999)}@{rng.choice(['mail.gmail.com', 'namprd04.prod.outlook.com', 'mx.' + ctx.org['domain']])}>"
    h = (f"Return-Path: <{D('bounce-' + hexs(rng, 8) + '@' + ctx.org['domain'], 'staff_contact')}>\nMessage-ID: {mid}\n"
         f"Date: {D(ts_fmt(when, 'mail'), 'date')}\nFrom: {frm}\nTo: {to}\n")
    if cc:
        h += f"Cc: {cc}\n"
    h += f"Subject: {subject}\n"
    if extra_headers:
        h += extra_headers
    h += "MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n"
    return h + "\n" + body


def quoted(ctx, style, frm, when, body, to=None, subject=None):
    """A quoted earlier message under a reply."""
    if style in ("gmail", "apple", "eml", "mail"):
        lines = body.split("\n")
        return f"On {D(ts_fmt(when, 'outlook'), 'date')}, {frm} wrote:\n" + "\n".join("> " + l if l else ">" for l in lines)
    return (f"________________________________\nFrom: {frm}\nSent: {D(ts_fmt(when, 'outlook'), 'date')}\n"
            + (f"To: {to}\n" if to else "") + (f"Subject: {subject}\n" if subject else "") + "\n" + body)

# ---------------------------------------------------------------- clinical vocabulary (dont_care)
CONDITIONS = [("Type 2 diabetes mellitus without complications", "E11.9"), ("Essential hypertension", "I10"),
              ("Community-acquired pneumonia", "J18.9"), ("Acute kidney injury", "N17.9"),
              ("Heart failure with reduced ejection fraction", "I50.22"), ("COPD with acute exacerbation", "J44.1"),
              ("Sepsis, unspecified organism", "A41.9"), ("Atrial fibrillation", "I48.91"),
              ("Major depressive disorder, recurrent", "F33.1"), ("Acute appendicitis", "K35.80"),
              ("Cellulitis of left lower limb", "L03.116"), ("Fracture of right femoral neck", "S72.001A"),
              ("Urinary tract infection", "N39.0"), ("Iron deficiency anemia", "D50.9"),
              ("Chronic kidney disease stage 3a", "N18.31"), ("Moderate persistent asthma", "J45.40"),
              ("Opioid use disorder", "F11.20"), ("Bronchiolitis due to RSV", "J21.0"), ("Syncope and collapse", "R55"),
              ("Alzheimer's disease", "G30.9"), ("Malignant neoplasm of left breast", "C50.912"), ("Hypothyroidism", "E03.9"),
              ("Chest pain, unspecified", "R07.9"), ("Acute ischemic stroke", "I63.9")]
MEDS = ["metformin 500 mg PO BID", "lisinopril 10 mg PO daily", "apixaban 5 mg PO BID", "furosemide 40 mg IV BID",
        "insulin glargine 20 units SC nightly", "ceftriaxone 1 g IV q24h", "atorvastatin 40 mg PO nightly",
        "sertraline 50 mg PO daily", "albuterol HFA 2 puffs q4h PRN", "levothyroxine 75 mcg PO daily",
        "oxycodone 5 mg PO q6h PRN", "piperacillin-tazobactam 4.5 g IV q6h", "buprenorphine-naloxone 8-2 mg SL daily",
        "amoxicillin 400 mg/5 mL", "warfarin 5 mg PO daily", "enoxaparin 40 mg SC daily", "donepezil 10 mg PO nightly"]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99", (60, 380)), ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", (0.4, 4.2)),
        ("718-7", "Hemoglobin", "g/dL", "12.0-16.0", (6.5, 17.0)), ("2823-3", "Potassium", "mmol/L", "3.5-5.1", (2.8, 6.4)),
        ("4548-4", "Hemoglobin A1c", "%", "4.0-5.6", (4.8, 12.9)), ("6690-2", "WBC", "10*3/uL", "4.5-11.0", (2.1, 24.0)),
        ("2951-2", "Sodium", "mmol/L", "136-145", (124, 151)), ("33762-6", "NT-proBNP", "pg/mL", "0-125", (40, 9000)),
        ("6598-7", "Troponin T", "ng/L", "0-14", (3, 480))]
CPTS = [("99223", "Initial hospital care, high"), ("99214", "Office visit, established, moderate"),
        ("71046", "Chest X-ray, 2 views"), ("93000", "ECG, complete"), ("80053", "Comprehensive metabolic panel"),
        ("36415", "Venipuncture"), ("99285", "ED visit, high complexity"), ("G0439", "Annual wellness visit, subsequent"),
        ("97110", "Therapeutic exercise"), ("90686", "Influenza vaccine, quadrivalent"), ("99232", "Subsequent hospital care"),
        ("74177", "CT abdomen/pelvis with contrast"), ("99396", "Preventive visit, 40-64")]
UNITS_H = ["4W", "5E", "ICU", "MICU", "3N", "L&D", "PEDS", "ED", "TELE", "ONC6", "NICU", "OBS"]


def cond(c):
    return D(c, "condition")


def med(m):
    return D(m, "medication")


def icd(c):
    return D(c, "diagnosis_code")


def cpt(c):
    return D(c, "procedure_code")


def lab_val(rng, lab):
    lo, hi = lab[4]
    v = rng.uniform(lo, hi)
    return f"{v:.1f}" if hi < 50 else str(int(v))


# ---------------------------------------------------------------- HL7
def hl7_ctrl(rng):
    return rng.choice(["", "MSG", "Q"]) + digits(rng, rng.choice([8, 10, 12]))


def seg_msh(ctx, mtype, struct=None, snd=None, rcv=None, t=None):
    rng = ctx.rng
    t = t or ctx.tick(1, 20)
    snd = snd or rng.choice(["EPIC", "CERNER", "MEDITECH", "ATHENA", "SUNQUEST", "CUPID"])
    rcv = rcv or rng.choice(["MIRTH", "RHAPSODY", "CLOVERLEAF", "IGUANA", "LABCORP", "PACS"])
    st = f"^{struct}" if struct else ""
    return (f"MSH|^~\\&|{snd}|{ctx.org['short']}|{rcv}|{ctx.org['short']}|{D(fdate(t, 'hl7tss'), 'date')}||{mtype}{st}|"
            f"{hl7_ctrl(rng)}|P|2.5.1")


def seg_evn(ctx, trig):
    t = ctx.clock
    return f"EVN|{trig}|{D(fdate(t, 'hl7tss'), 'date')}"


def seg_pid(ctx, p, opts=()):
    rng = ctx.rng
    fold_ = "fold" in opts
    ids = f"{p.mrn_()}^^^{ctx.org['short']}^MR"
    if "ssn3" in opts:
        ids += f"~{p.ssn_('bare')}^^^SSA^SS"
    phones = p.xtn()
    if "cell" in opts:
        phones += "~" + p.xtn(cell=True)
    if "email" in opts:
        phones += f"~^NET^Internet^{p.email_()}"
    name = p.hl7(fold_)
    if p.native and p.fnat and p.gnat and rng.random() < 0.6:
        name += f"~{P(p.fnat + '^' + p.gnat, 'person_name')}^^^^^I"
    f = ["PID", "1", "", ids, "", name, "", p.dob_("hl7"), p.sexc, "",
         rng.choice(["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC", "2131-1^Other Race^CDCREC", ""]),
         p.hl7addr() if "noaddr" not in opts else "", "", phones if "nophone" not in opts else "", "",
         rng.choice(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "RUS^Russian", "ZHO^Chinese", ""]),
         rng.choice(["M", "S", "W", "D", ""]), "", p.acct_() if "acct" in opts else "",
         p.ssn_() if "ssn" in opts else ""]
    return "|".join(f)


def seg_nk1(ctx, rel, relcode):
    codes = {"MTH": "Mother", "FTH": "Father", "SPO": "Spouse", "DAU": "Daughter", "SON": "Son", "SIS": "Sister", "GRD": "Guardian"}
    return f"NK1|1|{rel.hl7()}|{relcode}^{codes[relcode]}^HL70063|{rel.hl7addr()}|{rel.xtn()}||EC^Emergency Contact"


def seg_pv1(ctx, p, att, cls="I", discharge=False, visit=True):
    rng = ctx.rng
    f = ["PV1", "1", cls, f"{rng.choice(UNITS_H)}^{rng.randint(100, 699)}^{rng.choice('AB')}^{ctx.org['short']}", rng.choice(["E", "U", "R", "EL"]),
         "", "", att.hl7(), "", "", rng.choice(["MED", "SUR", "CAR", "OBS", "PED", "ONC"]), "", "", "", rng.choice(["1", "7", "2"]),
         "", "", att.hl7(), rng.choice(["IP", "OP", "ER", "OBS"]), p.visit_() if visit else ""]
    f += [""] * (44 - len(f))
    f.append(p.d("admit", "hl7ts"))
    f.append(p.d("discharge", "hl7ts") if discharge else "")
    return "|".join(f)


def seg_in1(ctx, p):
    rng = ctx.rng
    f = ["IN1", "1", rng.choice(["BCBS01", "AET200", "UHC330", "MCR", "MCD", "CIG77"]), digits(rng, 5), p.payer,
         "", "", "", p.group, "", "", "", "", "", "", p.hl7(), "SEL^Self", p.dob_("hl7")]
    f += [""] * (36 - len(f))
    f.append(p.member_())
    return "|".join(f)


def seg_dg1(ctx, p, c=None):
    c = c or ctx.pick(CONDITIONS)
    return f"DG1|1||{icd(c[1])}^{cond(c[0])}^I10||{p.d('admit', 'hl7')}|A"


def seg_obr(ctx, p, panel=("24323-8", "Comprehensive metabolic panel")):
    rng = ctx.rng
    return (f"OBR|1|{digits(rng, 8)}^{ctx.org['short']}|{alnum(rng, 10)}^LAB|{panel[0]}^{panel[1]}^LN|||"
            f"{P(fdate(p.service, 'hl7') + f'{rng.randint(6, 11):02d}{rng.randint(0, 59):02d}', 'date')}||||||||{ctx.staff().hl7()}")


def seg_obx(ctx, p, i, lab, when=True):
    rng = ctx.rng
    v = lab_val(rng, lab)
    dtp = p.d("service", "hl7") if when else ""
    return f"OBX|{i}|NM|{lab[0]}^{lab[1]}^LN||{v}|{lab[2]}|{lab[3]}|{rng.choice(['N', 'H', 'L', ''])}|||F|||{dtp}"


def hl7_adt(ctx, p, trig="A08", opts=(), att=None, extra=()):
    att = att or ctx.staff()
    segs = [seg_msh(ctx, f"ADT^{trig}", "ADT_A01"), seg_evn(ctx, trig), seg_pid(ctx, p, opts), seg_pv1(ctx, p, att, discharge=trig == "A03")]
    segs += list(extra)
    return "\n".join(segs)


def hl7_ack(ctx, code="AA", text=None):
    rng = ctx.rng
    s = f"{seg_msh(ctx, 'ACK', None, snd='MIRTH', rcv='EPIC')}\nMSA|{code}|{hl7_ctrl(rng)}"
    if text:
        s += f"|{text}\nERR|||207^Application internal error^HL70357|E"
    return s


def hl7_test_pid(ctx, fam="ZZTEST", giv="PATIENT"):
    """A documented test patient (dont_care), with documented values."""
    rng = ctx.rng
    return (f"PID|1||T{digits(rng, 6)}^^^{ctx.org['short']}^MR||{D(fam + '^' + giv, 'person_name')}||19000101|U|||"
            f"123 TEST ST^^ANYTOWN^{ctx.org['state']}^00000||^PRN^PH^^1^555^0100")


# ---------------------------------------------------------------- clean pieces
def private_ip(rng):
    return rng.choice([f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                       f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                       f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}"])


def host(rng):
    return rng.choice(["mirth", "rhap", "clvr", "fhir-gw", "adt-rtr", "intg", "etl", "portal-api"]) + \
        rng.choice(["-prd", "-tst", "-p", ""]) + f"{rng.randint(1, 9):02d}"


CHANNELS = ["ADT_IN_EPIC", "ORU_OUT_LAB", "SIU_CADENCE_IN", "DFT_CHG_OUT", "MDM_TRANSCRIPTION", "ADT_TO_PACS",
            "VXU_STATE_REG", "ORM_RAD_OUT", "ADT_A40_MERGE", "RDE_PYXIS"]


def log_lines(ctx, n, inject=(), style=None, channel=None):
    """n engine-log lines; inject: marked strings placed in some lines."""
    rng = ctx.rng
    style = style or rng.choice(["mirth", "json", "rhap", "plain"])
    channel = channel or rng.choice(CHANNELS)
    t = ctx.clock
    lines = []
    inj = list(inject)
    slots = sorted(rng.sample(range(max(n, len(inj))), len(inj))) if inj else []
    total = max(n, len(inj))
    for i in range(total):
        t = t + dt.timedelta(milliseconds=rng.randint(5, 90000))
        cid = digits(rng, 6)
        if i in slots:
            msg = inj[slots.index(i)]
        else:
            msg = rng.choice([
                f"Channel {channel} message {cid} received from {private_ip(rng)}:{rng.choice([6661, 7001, 2575, 6662])}",
                f"Filter passed; routing to destination {rng.randint(1, 4)} ({rng.choice(['HTTP Sender', 'TCP Sender', 'File Writer', 'Database Writer'])})",
                f"ACK AA received for control id {hl7_ctrl(rng)} in {rng.randint(4, 900)} ms",
                f"Response timeout after 30000 ms to {private_ip(rng)}:{rng.choice([6661, 7001, 2575])}; retry {rng.randint(1, 3)}/3",
                f"Queue depth {rng.randint(0, 4000)} on {channel} (threshold 500)",
                f"Transformer step {rng.randint(1, 30)} ({rng.choice(['map PV1', 'normalize PID-3', 'strip Z segments', 'lookup location'])}) took {rng.randint(1, 300)} ms",
                f"Connection established to {host(rng)}.{ctx.org['domain']}:{rng.choice([443, 1433, 5432, 6661])}",
                f"Pruner removed {rng.randint(10, 90000)} messages older than {rng.randint(3, 30)} days",
                f"traceId={uuid(rng)} span={hexs(rng, 16)} status={rng.choice([200, 201, 202, 409, 500])}",
                f"Reprocessing batch {uuid(rng)} ({rng.randint(1, 400)} messages)",
                f"Heap used {rng.randint(300, 3800)} MB / 4096 MB; GC pause {rng.randint(5, 700)} ms",
            ])
        lvl = rng.choice(["INFO", "INFO", "INFO", "DEBUG", "WARN"]) if i not in slots else rng.choice(["ERROR", "WARN", "INFO", "DEBUG"])
        if style == "mirth":
            lines.append(f"[{ts_fmt(t, 'log')}]  {lvl:<5} (com.mirth.connect.donkey.server.channel.Channel:{rng.randint(100, 2400)}): {msg}")
        elif style == "json":
            lines.append('{"ts":"%s","level":"%s","logger":"%s","thread":"%s","msg":"%s"}' % (
                t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z", lvl,
                rng.choice(["adt.router", "hl7.listener", "fhir.client", "etl.loader"]),
                rng.choice(["pool-3-thread-7", "mllp-acceptor-1", "kafka-consumer-2", "main"]), msg.replace('"', "'")))
        elif style == "rhap":
            lines.append(f"{t.strftime('%d/%m/%Y %H:%M:%S')} [{channel}] {lvl}: {msg}")
        else:
            lines.append(f"{ts_fmt(t, 'log')} {lvl} [{rng.choice(['main', 'worker-2', 'mllp-1', 'sched-4'])}] {msg}")
    ctx.clock = max(ctx.clock, t)
    return "\n".join(lines)


EXC = [("ca.uhn.hl7v2.HL7Exception", "Can't parse message beginning MSH|^~\\&|", "ca.uhn.hl7v2.parser"),
       ("java.lang.NullPointerException", "Cannot invoke \"String.trim()\" because \"pv1.getAssignedPatientLocation()\" is null", "com.{org}.adt.mapper"),
       ("org.springframework.dao.QueryTimeoutException", "PreparedStatementCallback; SQL [select * from encounter_stage where batch_id = ?]; query timed out",
        "com.{org}.etl.loader"),
       ("java.net.SocketTimeoutException", "Read timed out", "com.{org}.mllp.client"),
       ("ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException", "HTTP 422 Unprocessable Entity: Profile validation failed",
        "com.{org}.fhir.gateway"),
       ("org.apache.kafka.common.errors.SerializationException", "Error deserializing key/value for partition adt-events-3 at offset 48213377",
        "com.{org}.stream.consumer"),
       ("java.lang.OutOfMemoryError", "Java heap space", "com.{org}.batch.export"),
       ("javax.naming.AuthenticationException", "[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, data 775]", "com.{org}.auth.ldap"),
       ("java.lang.IllegalStateException", "Duplicate key PID-3 in batch (attempted merge of two MR identifiers)", "com.{org}.mpi.merge"),
       ("java.sql.SQLIntegrityConstraintViolationException", "ORA-00001: unique constraint (CLARITY_STG.PK_ENC_STAGE) violated",
        "com.{org}.etl.writer")]


def stack(ctx, exc=None, msg=None, depth=None):
    rng = ctx.rng
    e = exc or rng.choice(EXC)
    org = ctx.org["short"].lower()
    pkg = e[2].replace("{org}", org)
    depth = depth or (rng.randint(4, 7) if ctx.short else rng.randint(8, 16))
    cls = ["Mapper", "Router", "Handler", "Service", "Client", "Processor", "Listener", "Writer", "Validator"]
    meths = ["map", "route", "handle", "process", "send", "onMessage", "write", "validate", "apply", "run"]
    lines = [f"{e[0]}: {msg or e[1]}"]
    outer = [("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "KafkaMessageListenerContainer", "run"),
             ("java.base/java.util.concurrent.ThreadPoolExecutor", "ThreadPoolExecutor", "runWorker"),
             ("java.base/java.util.concurrent.ThreadPoolExecutor$Worker", "ThreadPoolExecutor", "run"),
             ("com.mirth.connect.donkey.server.channel.Channel", "Channel", "dispatchRawMessage"),
             ("org.apache.catalina.core.StandardWrapperValve", "StandardWrapperValve", "invoke"),
             ("java.base/java.lang.Thread", "Thread", "run")]
    for i in range(depth):
        if i < depth // 2 + 1:
            c = rng.choice(cls) + rng.choice(["", "", "Impl"])
            lines.append(f"\tat {pkg}.{c}.{rng.choice(meths)}({c}.java:{rng.randint(30, 900)})")
        else:
            q, f, m = rng.choice(outer)
            lines.append(f"\tat {q}.{m}({f}.java:{rng.randint(100, 3000)})")
    if rng.random() < 0.5:
        e2 = rng.choice(EXC)
        c = rng.choice(cls)
        lines.append(f"Caused by: {e2[0]}: {e2[1]}")
        lines.append(f"\tat {e2[2].replace('{org}', org)}.{c}.{rng.choice(meths)}({c}.java:{rng.randint(30, 900)})")
        lines.append(f"\t... {rng.randint(5, 40)} more")
    return "\n".join(lines)


def psql_grid(headers, rows, footer=True):
    w = [len(plain(h)) for h in headers]
    for r in rows:
        for i, c in enumerate(r):
            w[i] = max(w[i], len(plain(c)))
    pad = lambda s, n: s + " " * (n - len(plain(s)))
    out = [" " + " | ".join(pad(h, w[i]) for i, h in enumerate(headers)),
           "-" + "-+-".join("-" * w[i] for i in range(len(headers))) + "-"]
    for r in rows:
        out.append(" " + " | ".join(pad(c, w[i]) for i, c in enumerate(r)))
    if footer:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def box_grid(headers, rows, rng=None):
    """MySQL / SSMS style +----+ grid."""
    w = [len(plain(h)) for h in headers]
    for r in rows:
        for i, c in enumerate(r):
            w[i] = max(w[i], len(plain(c)))
    pad = lambda s, n: s + " " * (n - len(plain(s)))
    sep = "+" + "+".join("-" * (x + 2) for x in w) + "+"
    out = [sep, "| " + " | ".join(pad(h, w[i]) for i, h in enumerate(headers)) + " |", sep]
    out += ["| " + " | ".join(pad(c, w[i]) for i, c in enumerate(r)) + " |" for r in rows]
    out.append(sep)
    out.append(f"{len(rows)} row{'s' if len(rows) != 1 else ''} in set ({(rng or random.Random(len(rows))).uniform(0.0, 0.9):.2f} sec)")
    return "\n".join(out)


def kube_pods(ctx):
    rng = ctx.rng
    ns = rng.choice(["integration", "fhir", "etl", "portal"])
    lines = [f"$ kubectl -n {ns} get pods", "NAME                                   READY   STATUS             RESTARTS   AGE"]
    for _ in range(rng.randint(3, 6)):
        nm = f"{rng.choice(['adt-router', 'fhir-gw', 'hl7-listener', 'etl-worker', 'portal-api'])}-{hexs(rng, 9)}-{alnum(rng, 5, 'abcdefghijkmnpqrstuvwxyz0123456789')}"
        st = rng.choice(["Running", "Running", "Running", "CrashLoopBackOff", "OOMKilled"])
        lines.append(f"{nm:<38} {rng.choice(['1/1', '0/1', '2/2'])}     {st:<18} {rng.randint(0, 40):<10} {rng.randint(1, 59)}{rng.choice('mhd')}")
    return "\n".join(lines)


def ocr_dashboard(ctx):
    rng = ctx.rng
    ch = rng.sample(CHANNELS, 4)
    lines = [rng.choice(["lnterface Monitor - Production", "Interface Monitor — PR0D", "Engine Dashboard | Last 24 h"])]
    for c in ch:
        lines.append(f"{c}  {rng.choice(['Started', 'STOPPED', 'Started', 'Paused'])}  Rcvd {rng.randint(100, 99999)}  Filt {rng.randint(0, 300)}  "
                     f"Q'd {rng.randint(0, 900)}  Err {rng.randint(0, 40)}")
    lines.append(f"Last refresh {ctx.clock.strftime('%H:%M:%S')}  |  Node {host(rng)}  |  v{rng.randint(3, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}")
    return "\n".join(lines)


def clean_diff_yaml(ctx):
    rng = ctx.rng
    a, b = rng.randint(2, 20), rng.randint(21, 60)
    return (f"@@ -{rng.randint(10, 80)},7 +{rng.randint(10, 80)},7 @@ {rng.choice(['destinations:', 'mllp:', 'retry:', 'kafka:'])}\n"
            f"   host: {host(rng)}.{ctx.org['domain']}\n   port: {rng.choice([6661, 7001, 2575])}\n"
            f"-  timeoutMs: {a * 1000}\n+  timeoutMs: {b * 1000}\n-  maxRetries: {rng.randint(1, 3)}\n+  maxRetries: {rng.randint(4, 8)}\n"
            f"   ackMode: {rng.choice(['ORIGINAL', 'ENHANCED'])}")


def sql_counts(ctx):
    rng = ctx.rng
    kind = rng.randrange(4)
    if kind == 0:
        q = "select msg_type, count(*) from hl7_inbound where received_at >= now() - interval '1 day' group by 1 order by 2 desc;"
        hdr = ["msg_type", "count"]
        keys = rng.sample(["ADT^A08", "ORU^R01", "SIU^S12", "ADT^A04", "MDM^T02", "DFT^P03", "ADT^A03", "ORM^O01"], rng.randint(3, 6))
        rows = sorted(([k, str(rng.randint(10, 60000))] for k in keys), key=lambda r: -int(r[1]))
    elif kind == 1:
        q = "select status, count(*) as n from claim_stage where batch_id = %d group by status;" % rng.randint(1000, 9999)
        hdr = ["status", "n"]
        rows = [[k, str(rng.randint(0, 9000))] for k in rng.sample(["accepted", "rejected", "pending", "held", "resubmitted"], rng.randint(2, 4))]
    elif kind == 2:
        q = "select date_trunc('hour', created_at) as hr, count(*) from fhir_audit group by 1 order by 1 desc limit 4;"
        hdr = ["hr", "count"]
        t = ctx.clock.replace(minute=0, second=0, microsecond=0)
        rows = [[(t - dt.timedelta(hours=i)).strftime("%Y-%m-%d %H:%M:%S+00"), str(rng.randint(100, 90000))] for i in range(4)]
    else:
        q = "select channel, errored, queued from engine_stats where sampled_at = (select max(sampled_at) from engine_stats);"
        hdr = ["channel", "errored", "queued"]
        rows = [[c, str(rng.randint(0, 400)), str(rng.randint(0, 5000))] for c in rng.sample(CHANNELS, rng.randint(3, 5))]
    return f"=> {q}\n" + psql_grid(hdr, rows)


CLEAN_COMMENT_TEXTS = [
    "Deployed build {build} to TST. {m} can you retest with the synthetic messages?",
    "Vendor case {case} opened; they want the channel export and 24h of logs (no message content).",
    "Looks like the filter on {chan} drops anything without PV1-19. Checking prod config now.",
    "CAB approved for Thursday's window ({chg}). Rollback plan is in the runbook.",
    "Can't reproduce in DEV. {m} — please attach a de-identified sample, not a prod message.",
    "Restarted the listener on {host}; queue drained in {k} min.",
    "Linked {key}, probably the same root cause.",
    "Moving to Waiting for Vendor. Will check again after their {ver} hotfix.",
    "Monitoring dashboard shows {k} errors in the last hour, all on the same destination.",
    "I bumped the heap to 6 GB on {host} as a stopgap. Not a fix.",
    "Root cause so far: the upstream sends PID-3 repetitions in a different order since the {ver} upgrade.",
    "PR {pr} merged. Release notes updated.",
    "{m} FYI this also affects the downstream warehouse load (job {job}).",
    "Reprocessed {k} messages from the error queue. Zero failures on the second pass.",
    "Confirmed with the vendor: their {ver} release changes the ACK timeout default.",
    "Added an alert in Grafana for queue depth > 500 for 10 minutes.",
]


def clean_text(ctx, tmpl=None):
    rng = ctx.rng
    t = tmpl or _pick_unused(ctx, CLEAN_COMMENT_TEXTS)
    m = other_member(ctx).at(ctx.markup or "plain")
    return t.format(build=f"{rng.randint(3, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 400)}", m=m,
                    case=f"{rng.randint(1000000, 9999999)}", chan=rng.choice(CHANNELS), chg=f"CHG{digits(rng, 7)}",
                    host=host(rng), k=rng.randint(2, 90), key=ctx.key(), ver=f"{rng.randint(2019, 2026)}.{rng.randint(1, 4)}",
                    pr=f"#{rng.randint(100, 2400)}", job=f"etl_{rng.choice(['enc', 'adt', 'claims', 'lab'])}_{rng.randint(1, 40)}")


DESK_TEXTS = [
    "Reassigned from {grp} to {grp2}.", "SLA paused: awaiting customer response.", "Customer replied by email; added to the ticket.",
    "Escalated to L2 per {kb}.", "Followed {kb} steps 1-4, issue persists.", "Called back, no answer. Left a generic voicemail (no details, per policy).",
    "Linked to problem PRB{num} (portal outage last week).", "Possible duplicate of {tk}; keeping this one open.",
    "Vendor case {case} opened with the portal vendor.", "Per {m}, adjustments over $500 need supervisor approval.",
    "Workaround from {kb} (clear app cache, reinstall) fixed it for two other callers today.", "Priority lowered to P4 after triage.",
    "Auto-reminder sent to requester (day 3).", "Survey suppressed for this category.", "{m} can you take this one? I'm out tomorrow.",
    "Checked the queue: {k} similar tickets this week, all after the app update.", "Moved to the {grp} board for the weekly review.",
]
PAGE_TEXTS = [
    "Thanks, this is useful. Can we add a column for the unit?", "Updated after this morning's huddle.",
    "{m} please keep this page restricted, I removed the export link.", "Should this move to the {grp} space?",
    "Numbers match the dashboard as of this morning.", "Reminder: this page is reviewed weekly by {m}.",
    "I archived last month's version under the parent page.", "Heads-up: the refresh job was late today ({job}).",
    "Can someone confirm the owner for this page? {m} moved teams.", "Added a link to {tk} for the follow-up work.",
    "Formatting fixed, the table was breaking in the mobile app.", "{m} the macro at the bottom needs the new filter id.",
]


REVIEW_TEXTS = [
    "nit: missing newline at end of file.", "Can you add a test for the empty-name case?", "LGTM once CI is green.",
    "Rebased on develop, conflicts in the mapper resolved.", "CI is flaky on the validator step, re-running.",
    "Please run the formatter, the JSON indentation is mixed.", "{m} can you take a look at the mapper part? I only reviewed the fixtures.",
    "Should this live under src/test/resources/fixtures/r4 instead?", "Resolved the thread about the profile URL.",
    "The HAPI version bump should be its own PR.", "Approved the Java part. Not qualified on the TypeScript side.",
    "Sonar flags two code smells, both pre-existing.", "Why is the validator disabled for this test class?",
]


WEB_TEXTS = [
    "Reproduced in Chrome 131 and Safari 18.1 on TST.", "Feature flag portal.notes.v2 is on for 10% of users; turning it off did not help.",
    "CDN cache purged at {m}'s request.", "{m} can you check the iOS app too? Android looks fine.", "Lighthouse score unchanged after the fix.",
    "Deployed web build {build} to TST.", "Frontend error rate in Sentry: {k} events/hour since the release.",
    "Linked {tk}; same template is used by the visit summary page.", "QA sign-off pending for the mobile web view.",
]
EDI_TEXTS = [
    "Clearinghouse batch {num} accepted ({k} claims), 999 clean.", "EDI map change deployed to TST; test file sent to the payer.",
    "SFTP to the clearinghouse timed out twice from {host}; retried OK.", "277CA for yesterday's batch: {k} rejections, all the same edit.",
    "{m} please confirm the companion guide version before we change the map.", "Trading partner testing window opens next Monday.",
    "Loader job rerun finished in {k} min.", "Linked {tk} (same payer, different edit).",
]


def web_log(ctx, n):
    rng = ctx.rng
    t = ctx.clock
    out = []
    for _ in range(n):
        t += dt.timedelta(seconds=rng.randint(1, 120))
        out.append(f'{private_ip(rng)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} -0500] "{rng.choice(["GET", "GET", "POST"])} '
                   f'/api/v2/{rng.choice(["documents", "visits", "messages", "appointments"])}/{uuid(rng)} HTTP/1.1" '
                   f'{rng.choice([200, 200, 200, 304, 500, 502])} {rng.randint(200, 90000)} "-" "{rng.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)", "okhttp/4.12.0"])}"')
    ctx.clock = max(ctx.clock, t)
    return "\n".join(out)


def edi_ack(ctx):
    rng = ctx.rng
    ctl = digits(rng, 9)
    return (f"ISA*00*          *00*          *ZZ*{alnum(rng, 9):<15}*ZZ*{ctx.org['short']:<15}*{ctx.now.strftime('%y%m%d')}*{ctx.now.strftime('%H%M')}*^*00501*{ctl}*0*P*:~\n"
            f"GS*FA*CLEARHOUSE*{ctx.org['short']}*{ctx.now.strftime('%Y%m%d')}*{ctx.now.strftime('%H%M')}*{rng.randint(1, 9999)}*X*005010X231A1~\n"
            f"ST*999*0001*005010X231A1~\nAK1*HC*{rng.randint(1, 9999)}*005010X222A1~\nAK9*A*{rng.randint(1, 50)}*{rng.randint(1, 50)}*{rng.randint(1, 50)}~\nSE*4*0001~")


def _pick_unused(ctx, pool):
    used = ctx.__dict__.setdefault("_used_texts", set())
    for _ in range(8):
        t = ctx.rng.choice(pool)
        if t not in used:
            break
    used.add(t)
    return t


def _fill_text(ctx, pool):
    rng = ctx.rng
    t = _pick_unused(ctx, pool)
    groups = ["Service Desk L2", "Portal Support", "Billing Systems", "Patient Access IT", "HIM Systems", "Clinical Apps", "Integration Team"]
    return t.format(grp=rng.choice(groups), grp2=rng.choice(groups), kb=f"KB{digits(rng, 7, False)}", num=digits(rng, 7, False),
                    tk=rng.choice(["INC", "RITM", "HSD-"]) + digits(rng, 6), case=digits(rng, 8), m=other_member(ctx).at(ctx.markup or "plain"),
                    k=rng.randint(2, 40), host=host(rng), build=f"{rng.randint(1, 9)}.{rng.randint(0, 60)}.{rng.randint(0, 900)}", job=f"etl_{rng.choice(['census', 'registry', 'outreach'])}_{rng.randint(1, 9)}")


def filler_blocks(ctx):
    """One clean comment body (list of blocks)."""
    rng = ctx.rng
    fl = getattr(ctx, "flavor", "eng")
    if fl == "desk" and rng.random() < 0.9:
        return desk_blocks(ctx)
    if fl == "page" and rng.random() < 0.85:
        return [Pg(_fill_text(ctx, PAGE_TEXTS))]
    if fl == "review":
        return [Pg(_fill_text(ctx, REVIEW_TEXTS))]
    if fl == "web":
        r = rng.random()
        if r < 0.6:
            return [Pg(_fill_text(ctx, WEB_TEXTS).replace("{build}", f"{rng.randint(1, 9)}.{rng.randint(0, 60)}.{rng.randint(0, 900)}"))]
        if r < 0.85:
            return [Pg("Access log from the web tier:"), Pre(web_log(ctx, rng.randint(3, 8)))]
        return [Pg("Browser console:"), Pre(f"Uncaught TypeError: Cannot read properties of undefined (reading '{rng.choice(['noteBody', 'sections', 'items', 'author'])}')\n"
                                            f"    at NoteView ({rng.choice(['NoteView', 'VisitSummary', 'Inbox'])}.tsx:{rng.randint(20, 300)}:{rng.randint(2, 40)})\n"
                                            f"    at renderWithHooks (react-dom.production.min.js:{rng.randint(100, 300)}:{rng.randint(1000, 9999)})")]
    if fl == "edi":
        r = rng.random()
        if r < 0.6:
            return [Pg(_fill_text(ctx, EDI_TEXTS))]
        if r < 0.8:
            return [Pg("999 for the resubmission:"), Pre(edi_ack(ctx))]
        return [Pg("Loader volumes:"), Pre(sql_counts(ctx))]
    r = rng.random()
    if r < 0.35:
        return [Pg(clean_text(ctx))]
    if r < 0.55:
        return [Pg(rng.choice(["Logs from the window:", "Relevant part of the engine log:", "From " + host(rng) + ":"])),
                Pre(log_lines(ctx, rng.randint(3, 9)))]
    if r < 0.65:
        return [Pg(rng.choice(["Stack from the listener:", "Same exception again overnight:", "Full trace:"])), Code(stack(ctx), "java")]
    if r < 0.72:
        return [Pg("Pods after the restart:"), Pre(kube_pods(ctx))]
    if r < 0.8:
        return [Pg("Screenshot of the monitor (OCR):"), Pre(ocr_dashboard(ctx))]
    if r < 0.9:
        return [Pg("Config change going in:"), Code(clean_diff_yaml(ctx), "diff")]
    return [Pg("Volumes since the fix:"), Pre(sql_counts(ctx))]


def team(ctx):
    t = ctx.__dict__.get("_team")
    if t is None:
        t = ctx._team = ctx.staff(ctx.rng.randint(3, 5))
    return t


def other_member(ctx):
    t = [s for s in team(ctx) if s is not ctx.__dict__.get("_cur_author")]
    return ctx.rng.choice(t)


def filler_comments(ctx, k):
    out = []
    prev = None
    for _ in range(k):
        t = [s for s in team(ctx) if s is not prev]
        who = ctx.rng.choice(t)
        ctx._cur_author = who
        out.append((who, filler_blocks(ctx)))
        prev = who
    ctx._cur_author = None
    return out


KB_TEXTS = [
    ("KB{kb}: Patient portal activation issues", ["Confirm the activation code has not expired (codes are valid for 30 days).",
     "Ask the user to clear the browser cache or reinstall the mobile app.", "Check that the account is not locked in the identity provider.",
     "If the account shows as merged, route to HIM to review the merge before resending the code."]),
    ("KB{kb}: Statement and billing questions", ["Verify the caller using two identifiers before discussing an account.",
     "Duplicate statements within 10 days of an adjustment are expected; the second statement supersedes the first.",
     "Payment plans are set up by Patient Financial Services, not the service desk.", "Never take card numbers by e-mail or chat; transfer to the payment line."]),
    ("KB{kb}: Device replacement (RMA) workflow", ["Collect the device serial and the failure description.", "Check warranty status in the vendor portal.",
     "Create the RMA and attach the device log export.", "Replacement devices ship next business day; expedited shipping needs supervisor approval."]),
    ("KB{kb}: Records and release of information", ["Requests must include a signed authorization unless the requester is the patient.",
     "Standard turnaround is 10 business days; electronic copies are free of charge.", "Address changes must be verified by phone before release.",
     "Route subpoenas to Legal, not HIM."]),
]


def desk_blocks(ctx):
    rng = ctx.rng
    r = rng.random()
    if r < 0.45:
        return [Pg(_fill_text(ctx, DESK_TEXTS))]
    if r < 0.65:
        title, steps = rng.choice(KB_TEXTS)
        return [Pg("Pasting the relevant KB for reference:"), Pg(title.format(kb=digits(rng, 7, False))), OL(steps)]
    if r < 0.82:
        pct = rng.choice([50, 75, 90])
        return [Pg(f"SLA notification: {pct}% of the resolution target has elapsed for this ticket. Priority {rng.choice(['P3', 'P4'])}, "
                   f"target {rng.choice(['3 business days', '5 business days', '24 hours'])}. This is an automated message from the service desk platform.")]
    return [Pg("Troubleshooting so far:"), UL(rng.sample(["Verified caller identity (2 identifiers)", "Checked the account status in the admin console",
                                                          "Reset MFA enrollment", "Confirmed the e-mail address on file", "Reviewed recent tickets for the same user",
                                                          "Confirmed no outage on the status page", "Tested with a test account: works"], 4))]

# ---------------------------------------------------------------- template helpers
TEMPLATES = []


def template(family, name, layouts):
    def deco(fn):
        assert name not in {t["name"] for t in TEMPLATES}, name
        TEMPLATES.append(dict(family=family, name=name, layouts=layouts, fn=fn))
        return fn
    return deco


def thread(ctx, core, fill=None, pin_last=True, pin_first=False):
    """Merge the core comments with ctx.n clean filler comments."""
    rng = ctx.rng
    k = ctx.n if fill is None else fill
    fl = filler_comments(ctx, k)
    out = list(core)
    last = out.pop() if (pin_last and out) else None
    first = out.pop(0) if (pin_first and out) else None
    for c in fl:
        out.insert(rng.randint(0, len(out)), c)
    if first:
        out.insert(0, first)
    if last:
        out.append(last)
    return out


def csv_cell(v):
    s = plain(v)
    if any(c in s for c in ',"\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_lines(rows, sep=","):
    if sep == ",":
        return "\n".join(",".join(csv_cell(c) for c in r) for r in rows)
    return "\n".join(sep.join(r) for r in rows)


def kv_json(pairs, indent=2, lead=0):
    pad = " " * lead
    inner = (",\n").join(f'{pad}{" " * indent}"{k}": {v}' for k, v in pairs)
    return "{\n" + inner + "\n" + pad + "}"


def mbox(ctx, local):
    """A departmental / clinic mailbox (staff contact, dont_care)."""
    return D(f"{local}@{ctx.org['domain']}", "staff_contact")


def mention(ctx, s):
    return s.at(ctx.markup)


def slack_lines(ctx, msgs):
    """msgs: [(Staff, text)]"""
    out = []
    for who, txt in msgs:
        t = ctx.tick(1, 15)
        out.append(f"{who.n()}  {ts_fmt(t, 'slack')}\n{txt}")
    return "\n".join(out)


def meeting_recap_blocks(ctx, topic=None, k_items=3):
    rng = ctx.rng
    people = ctx.staff(rng.randint(3, 5))
    topic = topic or rng.choice(["interface triage", "sprint review", "go-live readiness", "vendor sync", "incident review"])
    items = [clean_text(ctx) for _ in range(k_items)]
    acts = [f"{mention(ctx, rng.choice(people))} — {rng.choice(['update the runbook', 'open a vendor case', 'schedule the CAB item', 'add an alert', 'close out the duplicate tickets', 'confirm the cutover time'])}"
            for _ in range(rng.randint(1, 3))]
    return [Pg(f"Recap from the {topic} ({ctx.now.strftime('%b')} {ctx.now.day}): attendees " + ", ".join(s.n() for s in people)),
            UL(items), Pg("Action items:"), UL(acts)]


def release_excerpt_blocks(ctx):
    rng = ctx.rng
    v = f"{rng.randint(2, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    items = rng.sample([
        f"Fix: ACK timeout on {rng.choice(CHANNELS)} no longer blocks the queue ({ctx.key()})",
        f"New: retry with backoff for HTTP destinations ({ctx.key()})",
        f"Changed: PID-3 repetitions are matched by assigning authority, not position ({ctx.key()})",
        f"Fix: memory leak in the transformer cache ({ctx.key()})",
        f"Security: TLS 1.0/1.1 disabled on MLLP listeners ({ctx.key()})",
        f"Changed: log level of filter decisions lowered to DEBUG ({ctx.key()})",
        f"New: /health endpoint reports queue depth per channel ({ctx.key()})"], 3)
    return [Pg(f"From the {v} release notes (build {rng.randint(1000, 9999)}):"), UL(items)]


def code_fix_diff(ctx, lang="java"):
    rng = ctx.rng
    org = ctx.org["short"].lower()
    if lang == "java":
        return (f"--- a/src/main/java/com/{org}/adt/PidMapper.java\n+++ b/src/main/java/com/{org}/adt/PidMapper.java\n"
                f"@@ -{rng.randint(40, 200)},6 +{rng.randint(40, 200)},9 @@ public class PidMapper {{\n"
                "-        String loc = pv1.getAssignedPatientLocation().getPointOfCare().getValue().trim();\n"
                "+        PL pl = pv1.getAssignedPatientLocation();\n"
                "+        String loc = (pl == null || pl.getPointOfCare().isEmpty())\n"
                "+                ? UNKNOWN_LOCATION\n"
                "+                : pl.getPointOfCare().getValue().trim();\n"
                "         target.setLocation(loc);")
    return (f"--- a/{org}_router/mapping.py\n+++ b/{org}_router/mapping.py\n@@ -{rng.randint(10, 90)},5 +{rng.randint(10, 90)},6 @@\n"
            "-    mrn = pid[3][0][0]\n+    mrn = next((r[0] for r in pid[3] if r[3] == AUTHORITY), None)\n"
            "+    if mrn is None:\n+        raise MappingError('no MR identifier for authority %s' % AUTHORITY)\n")


def panel(ctx, text, kind="info"):
    mk = ctx.markup
    if mk in ("jira", "conf"):
        return Raw("{%s}%s{%s}" % (kind, text, kind))
    if mk == "html":
        return Raw(f'<ac:structured-macro ac:name="{kind}"><ac:rich-text-body><p>{hesc(text)}</p></ac:rich-text-body></ac:structured-macro>')
    if mk == "md":
        return Raw(f"> **{kind.title()}:** {text}")
    return Raw(text)


def jira_macro_list(ctx, k=3):
    rng = ctx.rng
    rows = [[ctx.key(), rng.choice(["Fix transport vendor feed", "Bed board refresh lag", "Add ride status column", "Census export timeout",
                                     "Wrong unit on handoff list", "Duplicate rows after refresh"]), rng.choice(["Open", "Done", "In Progress"])]
            for _ in range(k)]
    return Table(["Key", "Summary", "Status"], rows)


def conf_growth_rows(ctx, cap=30):
    """Rows to add for ctx.n (tables grow first, then page comments)."""
    ctx.page_comments = max(0, ctx.n - cap)
    return min(ctx.n, cap)


def reply_chain(ctx, st, first_from, _unused, subject, first_body, replies, first_to=None):
    """An e-mail thread as the last reply shows it: each reply quotes everything before it.
    first_from / reply authors are Staff or (marked_name, marked_addr) tuples."""
    def who(x):
        if isinstance(x, tuple):
            return f"{x[0]} <{x[1]}>"
        return f"{x.n()} <{x.em()}>"
    t = ctx.now
    cur_from, cur_body, cur_t = who(first_from), first_body, t
    cur_to = first_to or "undisclosed"
    for frm, to, body in replies:
        t = t + dt.timedelta(minutes=ctx.rng.randint(5, 600))
        q = quoted(ctx, st, cur_from, cur_t, cur_body, to=cur_to, subject=subject)
        cur_body = body + "\n\n" + q
        cur_to = who(to) if to is not None else cur_from
        cur_from, cur_t = who(frm), t
    subj = ("RE: " if replies else "") + subject
    return email(ctx, st, cur_from, cur_to, cur_t, subj, cur_body)


def dial_in(ctx, kind=None):
    rng = ctx.rng
    kind = kind or rng.choice(["zoom", "teams", "webex"])
    a = rng.choice(["646", "312", "669", "346", "253", "301", "929", "720"])
    num = f"+1 {a} {rng.randint(200, 999)} {digits(rng, 4, False)}"
    if kind == "zoom":
        mid = digits(rng, 11)
        return (f"Join Zoom Meeting\nhttps://{ctx.org['short'].lower()}health.zoom.us/j/{mid}?pwd={alnum(rng, 22, 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}\n"
                f"Meeting ID: {mid[:3]} {mid[3:7]} {mid[7:]}\nPasscode: {digits(rng, 6)}\nOne tap mobile: {num.replace(' ', '')},,{mid}# US\n"
                f"Dial by your location: {num} US ({rng.choice(['New York', 'Chicago', 'San Jose', 'Houston', 'Tacoma'])})")
    if kind == "teams":
        cid = digits(rng, 9)
        return (f"Microsoft Teams meeting\nJoin on your computer, mobile app or room device: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{alnum(rng, 24, 'abcdefghijklmnopqrstuvwxyz0123456789')}%40thread.v2/0\n"
                f"Meeting ID: {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}   Passcode: {alnum(rng, 6, 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789')}\n"
                f"Or call in (audio only): {num},,{cid}#   United States, {rng.choice(['Dallas', 'Atlanta', 'Seattle', 'Denver'])}\nPhone Conference ID: {cid[:3]} {cid[3:6]} {cid[6:]}#")
    mn = digits(rng, 10)
    return (f"Webex meeting\nMeeting number (access code): {mn[:4]} {mn[4:7]} {mn[7:]}\nMeeting password: {alnum(rng, 10)}\n"
            f"Join by phone: {num} United States Toll\nAccess code: {mn[:4]} {mn[4:7]} {mn[7:]}")


def facility_line(ctx, i=None):
    i = i if i is not None else ctx.rng.randrange(len(ctx.org["fac"]))
    return f"{ctx.fac(i)}, {ctx.org['addr']}"


def task_list(ctx, items):
    mk = ctx.markup
    if mk == "md":
        return Raw("\n".join(f"- [ ] {i}" for i in items))
    if mk == "html":
        return Raw("<ac:task-list>" + "".join(f"<ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>{hesc(i)}</ac:task-body></ac:task>" for i in items) + "</ac:task-list>")
    return Raw("\n".join(f"[ ] {i}" for i in items))


def lower_out(s):
    """Lower-case the text outside markers only."""
    return "".join(part if part.startswith("\x01") else part.lower() for part in re.split("(\x01[^\x03]*\x03)", s))


MAIL_TEXTS = {
    "care": ["Thanks for looping me in. I checked with the agency coordinator and they have the referral; the delay was on the insurance verification side.",
             "I'll follow up tomorrow morning and update this thread.", "Adding our social worker, who covers that zip code this week.",
             "Per policy we can't share visit details by e-mail unless the patient has a signed authorization on file, so please route clinical questions through the portal.",
             "The coordinator confirmed the first visit window. They will call the family the evening before.",
             "Can someone confirm whether this needs a privacy review? I don't think so, but I'd rather check.",
             "I'm out of the office until Monday with limited access to e-mail. For urgent matters please call the department main line."],
    "billing": ["Adding the billing supervisor. We've seen a few of these since the statement vendor change, so this may not be a one-off.",
                "The request is in the work queue and assigned. Expected turnaround is 5 business days.",
                "Statement runs are on Tuesdays and Fridays, so a corrected statement would go out with the next run.",
                "I checked the vendor portal: the job failed for all accounts with a second guarantor, not only this one.",
                "Please keep account details out of the subject line going forward.", "Refund requests over $500 need the director's sign-off; I've requested it."],
    "it": ["Opened a ticket with the service desk so this gets tracked.", "The interface team says the fix is in TST and scheduled for the next release window.",
           "This looks like the same issue we saw after the upgrade; I've linked the two tickets.", "Can you send a screenshot next time? It helps us find the right screen.",
           "We rolled back the change last night, so it should work now. Please confirm.", "Forwarding to the application team; the service desk can't see that queue."],
    "sched": ["The call center has a backlog this week; we're prioritizing reschedules for imaging and procedures.",
              "Interpreter services are booked for the new appointment time.", "The reminder text will go out 48 hours before the visit.",
              "Transportation requests need 3 business days' notice; I've put the request in.", "Adding the clinic's front desk lead for visibility."],
}
TITLES = ["RN Case Manager", "Patient Relations Specialist", "Billing Supervisor", "Service Desk Analyst", "Practice Manager", "Scheduling Lead",
          "Application Analyst", "Revenue Cycle Analyst", "Interpreter, Language Services", "Clinical Informatics Specialist"]
DISCLAIMER = ("CONFIDENTIALITY NOTICE: This e-mail, including any attachments, is for the sole use of the intended recipient(s) and may contain "
              "confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the "
              "intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message.")


def mail_body(ctx, s, topic="it", k=None):
    rng = ctx.rng
    pool = MAIL_TEXTS[topic] + MAIL_TEXTS["it" if topic != "it" else "care"][:2]
    k = k or rng.randint(1, 3)
    txt = " ".join(rng.sample(pool, min(k, len(pool))))
    sig = f"{s.n()}\n{rng.choice(TITLES)} | {ctx.orgn()}\n{D(s.phone, 'staff_contact')}"
    if rng.random() < 0.5:
        sig += "\n\n" + DISCLAIMER
    return f"{rng.choice(['Hi,', 'Hello all,', 'Thanks,', 'Hi team,', 'Good morning,'])}\n\n{txt}\n\n{sig}"

# ================================================================ PHI: jira_hl7
@template("jira_hl7", "jh_a08_address_thread", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    rep, att, an = ctx.staff(3)
    msg = hl7_adt(ctx, p, "A08", opts=("cell",) if rng.random() < 0.5 else (), att=att,
                  extra=() if ctx.short else (seg_dg1(ctx, p), seg_in1(ctx, p)))
    desc = [Pg(f"Since the address-normalization change went live, A08 updates from {ctx.fac()} reach the engine but PACS keeps "
               f"the old address. Example from prod below (ticket is restricted)."), Code(msg, "none" if ctx.markup == "jira" else "")]
    logs = log_lines(ctx, 2 if ctx.short else rng.randint(5, 12),
                     inject=[f"PID-11 changed for MRN {p.mrn_()}; destination PACS_ADT filtered (reason: no PV1-19)"])
    core = [(an, [Pg("Engine side looks fine, the message is filtered on the PACS destination:"), Pre(logs)]),
            (rep, [Pg(f"{mention(ctx, an)} PACS answered with an AE when I resent it manually:"), Code(hl7_ack(ctx, "AE", "Unknown visit"), "")])]
    return jira_issue(ctx, "A08 address updates not reaching PACS", desc, thread(ctx, core), reporter=rep)


@template("jira_hl7", "jh_oru_psql_grid", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    rep, an, dba = ctx.staff(3)
    labs = rng.sample(LABS, 2 if ctx.short else 4)
    oru = "\n".join([seg_msh(ctx, "ORU^R01", "ORU_R01", snd="SUNQUEST", rcv="EPIC"), seg_pid(ctx, p, ("noaddr", "nophone")),
                     seg_obr(ctx, p)] + [seg_obx(ctx, p, i + 1, l) for i, l in enumerate(labs)])
    grid = psql_grid(["mrn", "pat_name", "birth_date", "result_status", "filed_at"],
                     [[p.mrn_(), p.nm("LFc"), p.dob_("iso"), "PENDING", ""],
                      [p.mrn_(), p.nm("LFc"), p.dob_("iso"), "ERROR", ""]])
    q = f"=> select mrn, pat_name, birth_date, result_status, filed_at from lab_result_stage where mrn = '{p.mrn_()}';\n{grid}"
    desc = [Pg(f"Chemistry results from the reference lab are not filing to the chart. Happens for a handful of patients only. "
               f"{mention(ctx, an)} can you look at the inbound ORU?")]
    core = [(an, [Pg("Here is the message as received:"), Code(oru, "")]),
            (dba, [Pg("Staging table has two rows for the same result, one in ERROR:"), Pre(q)]),
            (an, [Pg("OBR-4 code is not in the result map; added it and reprocessed. Closing once the lab confirms.")])]
    return jira_issue(ctx, f"ORU^R01 from reference lab not filing ({rng.choice(['CMP', 'BMP', 'troponin'])})", desc, thread(ctx, core),
                      reporter=rep)


@template("jira_hl7", "jh_fwd_email_a04_nk1", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    kid = ctx.patient(min_age=0, max_age=11)
    mom = ctx.patient(culture=kid.culture, sex="f", family=(kid.family, kid.fnat), min_age=24, max_age=44)
    mgr, an, rep = ctx.staff(3)
    sent = ctx.now - dt.timedelta(hours=rng.randint(2, 20))
    fwd = (f"---------- Forwarded message ---------\nFrom: {mgr.n()} <{mgr.em()}>\nDate: {D(ts_fmt(sent, 'outlook'), 'date')}\n"
           f"Subject: Guardian phone reverting AGAIN\nTo: {mbox(ctx, 'interfaces')}\n\n"
           f"Hi team, third time this month for {kid.nm('fl')} (DOB {kid.dob_('us')}). Mom, {mom.nm('fl')}, updated her cell to "
           f"{mom.phone_('paren')} at our front desk and the reminder still went to the old number." +
           ("" if ctx.short else f" Can someone look before {kid.his} follow-up?") + f"\n\nThanks,\n{mgr.n()}\nPractice Manager, {ctx.fac(1)}")
    if ctx.short:
        kid_a04 = "\n".join([seg_pid(ctx, kid, ("nophone",)), seg_nk1(ctx, mom, "MTH")])
    else:
        kid_a04 = hl7_adt(ctx, kid, "A04", att=ctx.staff(), extra=[seg_nk1(ctx, mom, "MTH")])
    desc = [Pg(f"Forwarding from the clinic. {mention(ctx, an)} the NK1 update does not seem to win over the old guardian phone."),
            Quote(fwd)]
    core = [(an, [Pg("Found the A04 from registration. NK1-5 has the new number, our mapper reads the first repetition of the old record:"),
                  Code(kid_a04, "")])]
    if not ctx.short:
        core.append((an, [Pre(log_lines(ctx, rng.randint(4, 9), inject=[f"NK1 merge skipped for MRN {kid.mrn_()} (existing contact kept)"]))]))
    core.append((rep, [Pg("Mapper now prefers the latest NK1 with relationship MTH. Deployed to TST, will go with the Thursday release.")]))
    return jira_issue(ctx, "Guardian phone in NK1 not updating downstream (pediatrics)", desc, thread(ctx, core), reporter=rep)


def ocr_noise(s, rng, rate=0.04):
    """OCR-style confusions in label text only (markers are left intact)."""
    out = []
    for part in re.split("(\x01[^\x03]*\x03)", s):
        if part.startswith("\x01"):
            out.append(part)
            continue
        chars = list(part)
        for i, c in enumerate(chars):
            if rng.random() < rate:
                chars[i] = {"l": "1", "I": "l", "O": "0", "o": "0", "e": "c", "m": "rn", "S": "5", ":": ";"}.get(c, c)
        out.append("".join(chars))
    return "".join(out)


@template("jira_hl7", "jh_siu_screenshot_ocr", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    rep, an, prov = ctx.staff(3)
    appt = (ctx.now + dt.timedelta(days=rng.randint(3, 30))).replace(hour=rng.randint(8, 15), minute=rng.choice([0, 15, 20, 30, 40, 45]), second=0)
    dept = rng.choice(["CARDIOLOGY", "ENDOCRINE", "ORTHO", "DERM", "PULM", "GI", "NEURO"])
    ocr = (f"Appointment Desk   {p.nm('LF')}   ({p.sexc}, {p.age_('{} y.o.')})\nMRN: {p.mrn_()}   DOB: {p.dob_('us')}   "
           f"Mobile: {p.phone_('paren', cell=True)}\nDate         Time      Dept          Provider             Status\n"
           f"{P(fdate(appt, 'us'), 'date')}   {appt.strftime('%I:%M %p')}  {dept:<12}  {prov.n('F')}, {prov.n('g')}   Scheduled\n"
           f"Reminder: SMS sent {rng.randint(1, 3)}x   Last: {D(ctx.now.strftime('%m/%d'), 'date')} {ctx.now.strftime('%H:%M')}")
    ocr = ocr_noise(ocr, rng)
    siu = "\n".join([seg_msh(ctx, "SIU^S12", "SIU_S12", rcv="REMINDERS"),
                     f"SCH|{digits(rng, 8)}|{digits(rng, 8)}|||||{rng.choice(['FOLLOWUP', 'NEWPT', 'POSTOP'])}||{rng.choice([20, 30, 40])}|min|"
                     f"^^^{P(fdate(appt, 'hl7ts'), 'date')}",
                     seg_pid(ctx, p, ("cell",)),
                     f"AIS|1||{dept}^{dept.title()}|{P(fdate(appt, 'hl7ts'), 'date')}",
                     f"AIP|1||{prov.hl7()}|ATT"])
    desc = [Pg("Reminder texts show the appointment one hour early for some patients. Screenshot from the clinic (OCR'd, image removed):"),
            Pre(ocr)]
    core = [(an, [Pg("Outbound SIU to the reminder vendor:"), Code(siu, "")])]
    if not ctx.short:
        core.append((an, [Pg("Consumer side:"), Pre(log_lines(ctx, rng.randint(4, 10), style="json", channel="SIU_CADENCE_IN"))]))
    core.append((rep, [Pg("Vendor confirmed they ignore the TZ offset when SCH-11 has no seconds. Their fix ships next week.")]))
    return jira_issue(ctx, "SMS appointment reminders one hour early", desc, thread(ctx, core), reporter=rep)


@template("jira_hl7", "jh_a40_merge_csv", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    old_mrn = ctx.make_mrn()
    other = ctx.patient()
    rep, an, him = ctx.staff(3)
    a40 = "\n".join([seg_msh(ctx, "ADT^A40", "ADT_A39"), seg_evn(ctx, "A40"), seg_pid(ctx, p, ("noaddr",)),
                     f"MRG|{P(old_mrn, 'mrn')}^^^{ctx.org['short']}^MR||||||{p.hl7()}"])
    csv = csv_lines([["score", "mrn_a", "name_a", "dob_a", "mrn_b", "name_b", "dob_b", "status"],
                     ["0.97", p.mrn_(), p.nm("LF"), p.dob_("us"), P(old_mrn, "mrn"), p.nm("LF"), p.dob_("us"), "MERGE_FAILED"],
                     [f"0.{rng.randint(81, 93)}", other.mrn_(), other.nm("LF"), other.dob_("us"), P(ctx.make_mrn(), "mrn"),
                      other.nm("LF"), other.dob_("us"), "REVIEW"]])
    desc = [Pg(f"HIM merged a duplicate in the EHR yesterday; the A40 errors in the MPI service. {mention(ctx, an)} please take a look."),
            Code(stack(ctx, EXC[8]), "java")]
    core = [(him, [Pg("Preview of the duplicate report I was working from (first rows):"), Code(csv, "csv" if ctx.markup == "md" else "")]),
            (an, [Pg("The A40 itself:"), Code(a40, "")]),
            (an, [Pg("MPI already had the old MR identifier linked as an alias, so the merge collided. Unlinked and replayed; merge succeeded.")])]
    return jira_issue(ctx, "A40 merge fails in MPI with duplicate key", desc, thread(ctx, core), reporter=rep)


@template("jira_hl7", "jh_dft_exception_quotes_pid", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=20)
    rep, dev, bill = ctx.staff(3)
    pid = seg_pid(ctx, p, ("acct",))
    c = rng.choice(CPTS)
    ft1 = (f"FT1|1|||{p.d('service', 'hl7')}||CG|{c[0]}^{c[1]}|||1|||||||||||{icd(rng.choice(CONDITIONS)[1])}||||{cpt(c[0])}")
    exc = (f"com.{ctx.org['short'].lower()}.charges.ChargeRejectedException: FT1-7 not in CDM for segment group "
           f"[{pid}] [{ft1}]")
    tr = exc + "\n" + "\n".join(stack(ctx, EXC[3]).split("\n")[1:])
    desc = [Pg(f"DFT^P03 from the ED coding app is rejected by the billing interface since the CDM refresh. "
               f"Trace from {host(rng)} (yes, it prints the segments, separate ticket for that):"), Code(tr, "java")]
    core = [(dev, [Pg("Patch to stop logging segment content:"), Code(code_fix_diff(ctx, "python"), "diff")]),
            (bill, [Pg(f"Reposted the charge manually under HAR {p.acct_()} after the CDM row was added.")])]
    return jira_issue(ctx, "DFT^P03 charges rejected after CDM refresh", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("jira_hl7", "jh_clean_thread_pid_in_last_comment", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    rep, an, nurse = ctx.staff(3)
    chan = rng.choice(CHANNELS)
    desc = [Pg(f"Intermittent AR ACKs on {chan} since the {rng.choice(['weekend', 'Tuesday', 'upgrade'])}. Volumes:"), Pre(sql_counts(ctx))]
    pv1 = seg_pv1(ctx, p, ctx.staff())
    last = (nurse, [Pg(f"{mention(ctx, an)} in case it helps, this is the one that bounced on our unit this morning (copied from the error queue):"),
                    Code(seg_pid(ctx, p, ()) + "\n" + pv1, "")])
    core = [(an, [Pg("Nothing obvious in the engine log:"), Pre(log_lines(ctx, 3 if ctx.short else 8, channel=chan))]), last]
    return jira_issue(ctx, f"Intermittent AR ACKs on {chan}", desc, thread(ctx, core, fill=ctx.n + (0 if ctx.short else 1)), reporter=rep)


@template("jira_hl7", "jh_vxu_json_log_slack", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    old = rng.random() < 0.5
    p = ctx.patient(age=rng.randint(90, 101)) if old else ctx.patient(min_age=60)
    rep, an, mgr = ctx.staff(3)
    vac = rng.choice([("141", "Influenza, seasonal, injectable"), ("213", "SARS-COV-2 (COVID-19) vaccine"), ("187", "Zoster recombinant")])
    given = (ctx.now - dt.timedelta(days=rng.randint(1, 6))).date()
    segs = [seg_msh(ctx, "VXU^V04", "VXU_V04", rcv="IIS"), seg_pid(ctx, p, ()),
            f"RXA|0|1|{P(fdate(given, 'hl7'), 'date')}||{vac[0]}^{vac[1]}^CVX|0.5|mL"]
    raw = "\\r".join(segs)
    jl = ('{"ts":"%s","level":"WARN","logger":"iis.sender","msg":"registry rejected","status":"AE","payload":"%s"}'
          % (ctx.tick().strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z", raw))
    msgs = [(mgr, f"the {p.age_('{}-year-old')} at the {rng.choice(['Perry', 'Xenia', 'Holland', 'Venice'])} clinic whose flu shot didn't show in the state registry, "
                  f"it's {p.nm('fl')}, given {P(fdate(given, 'us_short'), 'date')}"),
            (an, "looking, thanks"), (an, "registry says the address is missing, we send PID-11 empty when the patient has a PO box only")]
    desc = [Pg("Immunization updates rejected by the state registry (AE). Log line:"), Code(jl, "json")]
    core = [(an, [Pg("Slack thread with the clinic for context:"), Pre(slack_lines(ctx, msgs))]),
            (rep, [Pg("Registry accepted the resend after we mapped the mailing address. Closing.")])]
    return jira_issue(ctx, "VXU rejected by state registry (missing address)", desc, thread(ctx, core), reporter=rep)

# ================================================================ PHI: confluence_table
@template("confluence_table", "ct_census_sql_changelog", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    unit = rng.choice(["4 West", "5 East", "MICU", "Telemetry", "Ortho/Neuro", "Oncology 6"])
    n = (2 if ctx.short else 4) + conf_growth_rows(ctx)
    rows = []
    for i in range(n):
        p = ctx.patient(age=rng.randint(90, 99)) if rng.random() < 0.15 else ctx.patient(min_age=19)
        c = rng.choice(CONDITIONS)
        att = ctx.staff()
        rows.append([f"{rng.randint(401, 440)}-{rng.choice('AB')}", p.nm("lf"), p.mrn_(), p.dob_("us"), p.age_("{}"),
                     p.d("admit", "us"), att.n("lf"), cond(c[0])])
    q = (f"select bed, pat_name, mrn, birth_date, age, adm_date, attending, principal_dx\n  from census_v\n"
         f" where unit = '{unit}' and census_date = current_date\n order by bed;")
    blocks = [Pg(f"Downtime copy of the {unit} census, refreshed by the 06:00 job. Use only if the EHR is down."),
              panel(ctx, "Restricted page: clinical staff and the informatics team only."),
              Table(["Bed", "Patient", "MRN", "DOB", "Age", "Admit", "Attending", "Principal problem"], rows)]
    if not ctx.short:
        blocks += [H("How this is produced"), Code(q, "sql"), Pg(f"Job: etl_census_{rng.randint(1, 9)} on {host(rng)}. "
                                                                   "Questions go to the informatics on-call.")]
    cl = [(ctx.staff(), "Created from the downtime template"), (ctx.staff(), "Added age column")] + ([] if ctx.short else [(ctx.staff(), "Refresh moved to 06:00")])
    return conf_page(ctx, f"{unit} census — downtime copy", blocks, cl)


@template("confluence_table", "ct_mrn_crosswalk_script", ["html", "cwiki", "cmd"])
def _t(ctx):
    rng = ctx.rng
    n = (2 if ctx.short else 5) + conf_growth_rows(ctx)
    rows = []
    for i in range(n):
        p = ctx.patient()
        legacy = "M" + digits(rng, 7)
        rows.append([P(legacy, "mrn"), p.mrn_(), p.nm("LFc"), p.dob_("iso"),
                     rng.choice(["matched", "matched", "manual review", "name mismatch", "DOB mismatch"])])
    script = ("import csv\n\nwith open('legacy_mrn_xwalk.csv') as fh:\n    for row in csv.DictReader(fh):\n"
              "        if row['status'] != 'matched':\n            queue.append(row)  # HIM manual review\n"
              f"print(len(queue), 'rows for review')")
    blocks = [Pg(f"Crosswalk of legacy Meditech MRNs to the new enterprise MRNs for the {ctx.orgn()} conversion. Rows not "
                 f"auto-matched are worked by HIM."),
              Table(["Legacy MRN", "Enterprise MRN", "Name", "DOB", "Status"], rows)]
    if not ctx.short:
        blocks += [H("Script"), Code(script, "python"), Pg(f"Run log: {rng.randint(20000, 90000)} rows, "
                                                            f"{rng.randint(50, 900)} for review, {rng.randint(0, 30)} rejected.")]
    cl = [(ctx.staff(), "Initial load"), (ctx.staff(), "Added DOB mismatch status")]
    return conf_page(ctx, "Legacy MRN crosswalk — manual review queue", blocks, cl)


@template("confluence_table", "ct_outreach_cohort", ["cmd", "cwiki", "html"])
def _t(ctx):
    rng = ctx.rng
    c = rng.choice([("Type 2 diabetes mellitus without complications", "E11.9", "A1c overdue"),
                    ("Essential hypertension", "I10", "BP recheck overdue"),
                    ("Moderate persistent asthma", "J45.40", "controller refill gap")])
    n = (2 if ctx.short else 5) + conf_growth_rows(ctx)
    rows = []
    for i in range(n):
        p = ctx.patient(min_age=30)
        last = (ctx.now - dt.timedelta(days=rng.randint(120, 500))).date()
        rows.append([p.nm("fl"), p.phone_(rng.choice(["paren", "dash", "dot"]), cell=rng.random() < 0.5), P(fdate(last, "us"), "date"),
                     c[2], rng.choice(["", "LVM x1", "LVM x2", "scheduled", "declined", "wrong number"])])
    blocks = [Pg(f"Outreach list for {cond(c[0])} ({icd(c[1])}) patients with a gap: {c[2]}. Call in order, log the outcome here until "
                 f"the registry work queue is fixed ({ctx.key()})."),
              Table(["Patient", "Phone", "Last visit", "Gap", "Outcome"], rows)]
    if not ctx.short:
        blocks += [H("Cohort query"), Code("select p.pat_name, p.phone, max(e.contact_date) last_visit\n  from registry_member r\n"
                                           "  join patient p using (pat_id)\n  join pat_enc e using (pat_id)\n"
                                           f" where r.registry_id = {rng.randint(100, 999)} and r.gap_flag = 1\n group by 1, 2;", "sql")]
    cl = [(ctx.staff(), "Cohort pulled"), (ctx.staff(), "Outcomes from Monday calls")]
    return conf_page(ctx, f"Care-gap outreach — {c[2]}", blocks, cl)


@template("confluence_table", "ct_incident_review_affected", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    k = 1 if ctx.short else rng.randint(2, 3)
    pts = [ctx.patient() for _ in range(k)]
    staff = ctx.staff(3)
    t0 = ctx.now - dt.timedelta(days=rng.randint(3, 9))
    tl = []
    for i in range(2 if ctx.short else 5 + conf_growth_rows(ctx, 12)):
        t0 += dt.timedelta(minutes=rng.randint(4, 90))
        tl.append([t0.strftime("%H:%M"), rng.choice(["Alert fired: ORU error rate > 5%", "On-call acknowledged", "Channel paused",
                                                      "Vendor bridge opened", "Mapping rolled back", "Reprocessing started",
                                                      "Chart corrections requested from HIM", "Channel resumed"]), rng.choice(staff).n()])
    aff = [[p.nm("fl"), p.mrn_(), p.dob_("us"), rng.choice(["CBC filed to wrong chart", "result filed twice", "result missing"]),
            rng.choice(["corrected", "HIM correction pending", "provider notified"])] for p in pts]
    p0 = pts[0]
    sample = "\n".join([seg_msh(ctx, "ORU^R01", "ORU_R01"), seg_pid(ctx, p0, ("noaddr", "nophone")), seg_obr(ctx, p0)])
    blocks = [H("Summary"), Pg("Lab results were filed against the wrong encounter for about 40 minutes after a mapping change. "
                                 "No clinical harm identified."),
              H("Timeline"), Table(["Time", "Event", "Who"], tl), H("Affected patients"),
              Table(["Patient", "MRN", "DOB", "Issue", "Status"], aff)]
    if not ctx.short:
        blocks += [H("Sample message"), Code(sample, "text"), H("Follow-ups"),
                   UL([f"{ctx.key()} add a contract test for OBR-3 mapping", f"{ctx.key()} alert on filing to a closed encounter"])]
    return conf_page(ctx, f"PIR — misfiled lab results ({t0.strftime('%Y-%m-%d')})", blocks,
                     [(staff[0], "Draft"), (staff[1], "Added affected patients")])


@template("confluence_table", "ct_discharge_transport_board", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    n = (2 if ctx.short else 4) + conf_growth_rows(ctx)
    rows = []
    for i in range(n):
        p = ctx.patient(min_age=40)
        when = (ctx.now + dt.timedelta(hours=rng.randint(2, 30))).replace(minute=rng.choice([0, 30]))
        rows.append([f"{rng.choice(UNITS_H)} {rng.randint(400, 699)}", p.nm("lf"), P(fdate(when, "us"), "date") + " " + when.strftime("%H:%M"),
                     p.addr1(), p.phone_("dash"), rng.choice(["wheelchair van", "stretcher", "family", "ride share (Medicaid)", "ambulance BLS"])])
    blocks = [Pg("Case management keeps this board current for the transport desk. Vendor pickups need the home address and a call-back number."),
              panel(ctx, "Do not export this page. It is restricted to Case Management and Transport.", "warning"),
              Table(["Room", "Patient", "Discharge", "Destination", "Call-back", "Mode"], rows)]
    if not ctx.short:
        blocks += [H("Related tickets"), jira_macro_list(ctx)]
    return conf_page(ctx, "Discharge transport board", blocks, [(ctx.staff(), "Board created"), (ctx.staff(), "Added Mode column")])


@template("confluence_table", "ct_research_prescreen_json", ["cmd", "html", "cwiki"])
def _t(ctx):
    rng = ctx.rng
    study = rng.choice(["HEART-FAIL-DIURESE", "SENIOR-FALLS", "AFib-ANTICOAG-RWE", "CKD-PROGRESS"])
    n = (2 if ctx.short else 4) + conf_growth_rows(ctx)
    rows, first = [], None
    for i in range(n):
        p = ctx.patient(age=rng.randint(90, 98)) if rng.random() < 0.35 else ctx.patient(min_age=65, max_age=89)
        first = first or p
        rows.append([f"SCR-{i + 1:03d}", p.nm("fl"), p.mrn_(), p.age_("{}"),
                     rng.choice(["eligible", "excluded: eGFR", "excluded: consent", "pending PI review"]), ctx.staff().n()])
    js = kv_json([("record_id", '"SCR-001"'), ("pat_name", f'"{first.nm("fl", "json")}"'), ("mrn", f'"{first.mrn_()}"'),
                  ("dob", f'"{first.dob_("iso")}"'), ("screen_status", '"eligible"')])
    blocks = [Pg(f"Pre-screening log for {study}. Subject ids are assigned at screening; the key to names lives only on this page."),
              Table(["Screen ID", "Name", "MRN", "Age", "Result", "Screener"], rows)]
    if not ctx.short:
        blocks += [H("REDCap API export (first record)"), Code(js, "json")]
    return conf_page(ctx, f"{study} — pre-screening log", blocks, [(ctx.staff(), "Log opened"), (ctx.staff(), "Week 3 screens")])


@template("confluence_table", "ct_duplicates_excel_merge_sql", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    n = (2 if ctx.short else 4) + conf_growth_rows(ctx)
    lines = ["\tA\tB\tC\tD\tE\tF", "1\tSurvivor MRN\tNonsurvivor MRN\tLast, First\tDOB\tSSN last 4\tDecision"]
    merges = []
    for i in range(n):
        p = ctx.patient()
        m2 = ctx.make_mrn()
        lines.append(f"{i + 2}\t{p.mrn_()}\t{P(m2, 'mrn')}\t{p.nm('lf')}\t{p.dob_('us')}\t{D(p.ssn[-4:], 'other')}\t"
                     f"{rng.choice(['merge', 'merge', 'not a dup', 'hold'])}")
        merges.append((p, m2))
    sql = "\n".join(f"exec mpi.merge_patient @survivor = '{p.mrn_()}', @nonsurvivor = '{P(m2, 'mrn')}';" for p, m2 in merges[:3])
    blocks = [Pg("Worklist pasted from HIM's spreadsheet. Rows marked merge are processed by the script below on Friday night."),
              Pre("\n".join(lines))]
    if not ctx.short:
        blocks += [H("Merge script"), Code(sql, "sql")]
    return conf_page(ctx, "Duplicate patient worklist — batch " + str(rng.randint(10, 60)), blocks,
                     [(ctx.staff(), "Batch loaded"), (ctx.staff(), "Decisions from HIM")])

# ================================================================ PHI: support_ticket
TICKET_LAYOUTS = ["snow", "zendesk", "jsm", "fresh"]


def quote_lines(s):
    return "\n".join("> " + l if l else ">" for l in s.split("\n"))


def agent_sig(ctx, a):
    return f"{a.n()}\n{ctx.pick(['Patient Portal Support', 'Patient Access Service Desk', 'Billing Customer Service', 'Health Information Management'])}, {ctx.orgn()}"


@template("support_ticket", "st_portal_lockout_authlog", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=22)
    agent, l2 = ctx.staff(2)
    msg = (f"Hello, I have been locked out of the patient portal since yesterday. I reset my password twice and it still says "
           f"\"account disabled\". My name is {p.nm('fl')}" + (f" ({p.nm('native')})" if p.native else "") + f", date of birth {p.dob_(rng.choice(['us', 'long']))}, and the login email is "
           f"{p.email_()}. I need to see my lab results before my appointment. Phone {p.phone_('dash', cell=True)}.")
    log = []
    t = ctx.tick()
    for i in range(2 if ctx.short else rng.randint(5, 10)):
        t += dt.timedelta(seconds=rng.randint(3, 900))
        ev = rng.choice(["LOGIN_FAILED reason=BAD_PASSWORD", "LOGIN_FAILED reason=BAD_PASSWORD", "PASSWORD_RESET_REQUESTED",
                         "MFA_CHALLENGE_SENT channel=sms", "ACCOUNT_LOCKED threshold=5"])
        log.append(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')} portal-auth {ev} user={p.email_()} src_ip={p.ip_()} ua=\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X)\"")
    reply = (f"Hi {p.nm('g')},\n\nI've unlocked the account and sent a new activation link. The lock came from repeated attempts on an old "
             f"password saved in the app. Please update it there.\n\n{agent_sig(ctx, agent)}")
    if not ctx.short:
        reply += f"\n\nOn {D(ts_fmt(ctx.now, 'zd'), 'date')}, {p.nm('fl')} <{p.email_()}> wrote:\n{quote_lines(msg)}"
    entries = [(p.nm("fl"), "customer", [Pg(msg)]),
               (agent.n(), "internal", [Pg(f"Auth log for this user (from Splunk, {host(rng)}):"), Pre("\n".join(log))])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((agent.n(), "agent", [Pg(reply)]))
    return ticket(ctx, "Locked out of patient portal", p.nm("fl"), p.email_(), entries, agent=agent)


@template("support_ticket", "st_billing_dispute_csv", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=25)
    agent = ctx.staff()
    msg = (f"I was billed twice for the same visit on {p.d('service', 'long')}. Account number {p.acct_()}. My insurance "
           f"({p.payer}, member ID {p.member_()}) already paid their part. Please fix this before it goes to collections.\n\n{p.nm('fl')}\n{p.phone_('paren')}")
    rows = [["svc_date", "cpt", "description", "charge", "ins_paid", "pt_resp", "status"]]
    for i in range(2 if ctx.short else rng.randint(3, 6) + min(ctx.n, 20)):
        c = rng.choice(CPTS)
        amt = rng.randint(40, 900)
        rows.append([p.d("service", "us"), cpt(c[0]), c[1], f"{amt}.00", f"{amt * 0.6:.2f}", f"{amt * 0.4:.2f}", rng.choice(["BILLED", "DUP", "ADJ"])])
    ctx.n = max(0, ctx.n - 20)
    entries = [(p.nm("fl"), "customer", [Pg(msg)]),
               (agent.n(), "internal", [Pg(f"Charge detail export for HAR {p.acct_()} (first rows):"), Pre(csv_lines(rows))])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((agent.n(), "agent", [Pg(f"Hello {p.title()} {p.nm('f')}, the duplicate line was reversed today; a corrected statement will follow. "
                                             f"No action needed on your side.\n\n{agent_sig(ctx, agent)}")]))
    return ticket(ctx, "Billed twice for one visit", p.nm("fl"), p.email_(), entries, agent=agent, category="Billing")


@template("support_ticket", "st_records_request_address", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=20)
    old_street = f"{rng.randint(10, 9000)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
    agent, him = ctx.staff(2)
    msg = (f"Please send a copy of my records from {ctx.fac()} (visits in {P(MONTHS[p.admit.month - 1] + ' ' + str(p.admit.year), 'date')}) to my NEW address: "
           f"{p.street_()}, {p.city_()}, {p.state_()} {p.zip_()}. I moved from {P(old_street, 'street_address')}. "
           f"Name: {p.nm('flm')}  DOB: {p.dob_('us')}  MRN if it helps: {p.mrn_()}")
    upd = (f"update patient_address\n   set line1 = '{p.street_('sql')}', city = '{p.city_()}', zip = '{p.zip_()}', updated_by = '{D(him.handle, 'person_name')}'\n"
           f" where mrn = '{p.mrn_()}' and addr_type = 'HOME';\n-- 1 row updated")
    entries = [(p.nm("fl"), "customer", [Pg(msg)]),
               (him.n(), "internal", [Pg("ID verified by phone. Address updated before the release so the packet goes to the new one:"), Code(upd)])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((agent.n(), "agent", [Pg(f"Your request was logged as ROI-{rng.randint(10000, 99999)}. Records will be mailed within 10 business days.")]))
    return ticket(ctx, "Records request + change of address", p.nm("fl"), p.email_(), entries, agent=agent, category="Records")


@template("support_ticket", "st_misfiled_scan_ocr", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    wrong = ctx.patient()
    clerk, him = ctx.staff(2)
    doc = rng.choice(["Outside records — cardiology consult", "Consent for procedure", "Home health certification", "Outside imaging report"])
    ocr = ocr_noise(f"{ctx.orgn(True)}\n{doc}\nPatient: {p.nm('LF')}    DOB: {p.dob_('us')}\nMRN: {p.mrn_()}    "
                    f"Date of service: {p.d('service', 'us')}\nPage 1 of {rng.randint(2, 9)}", rng)
    msg = (f"A scanned document was indexed to the wrong chart this morning. It belongs to the patient in the header below but it is "
           f"sitting in {wrong.nm('fl')}'s chart (MRN {wrong.mrn_()}). OCR of the first page:")
    entries = [(clerk.n(), "customer", [Pg(msg), Pre(ocr)]),
               (him.n(), "internal", [Pg(f"Moved document {D(str(rng.randint(1000000, 9999999)), 'internal_id')} from MRN {wrong.mrn_()} to MRN {p.mrn_()}. "
                                          f"Privacy review not required (internal misfile, not viewed externally).")])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((him.n(), "agent", [Pg("Corrected. Please re-run the chart print if you printed from the wrong chart.")]))
    return ticket(ctx, "Scanned document indexed to wrong patient", clerk.n(), clerk.em(), entries, agent=him, category="Records")


@template("support_ticket", "st_refill_daughter_calllog", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    mom = ctx.patient(sex="f", age=rng.randint(90, 97)) if rng.random() < 0.4 else ctx.patient(sex="f", min_age=70, max_age=89)
    dau = ctx.patient(culture=mom.culture, sex="f", min_age=40, max_age=65)
    agent, rn = ctx.staff(2)
    m = rng.choice(MEDS)
    msg = (f"My mother {mom.nm('fl')} (DOB {mom.dob_('us')}) has been waiting a week for her {med(m)} refill. The pharmacy says the "
           f"doctor never answered. She is {mom.age_('{}')} and cannot keep calling. Please call me, her daughter, at {dau.phone_('dot')}.\n{dau.nm('fl')}")
    call = (f"Outbound call {D(ts_fmt(ctx.tick(), 'iso'), 'date')} to {dau.phone_('paren')} ({dau.nm('g')}, daughter, on file as proxy). "
            f"Refill request found in the pool, routed to {rn.n()} RN. Pt {mom.nm('lf')} MRN {mom.mrn_()}.")
    entries = [(dau.nm("fl"), "customer", [Pg(msg)]), (agent.n(), "internal", [Pg(call)])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((agent.n(), "agent", [Pg(f"Hi {dau.nm('g')}, the refill was sent to the pharmacy today.\n\n{agent_sig(ctx, agent)}\n\n"
                                             f"-----Original Message-----\nFrom: {dau.nm('fl')} <{dau.email_()}>\n{msg}")]))
    return ticket(ctx, "Refill request — no response", dau.nm("fl"), dau.email_(), entries, agent=agent)


@template("support_ticket", "st_cgm_rma_devicelog", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=8)
    agent = ctx.staff()
    msg = (f"My CGM transmitter keeps losing signal and the app shows \"Transmitter failed\". Serial on the back is {p.serial_()}. "
           f"Ship the replacement to {p.addr1()}. Thanks, {p.nm('fl')} ({p.phone_('paren', cell=True)})")
    lines = []
    t = ctx.tick()
    for i in range(2 if ctx.short else rng.randint(5, 12)):
        t += dt.timedelta(minutes=rng.randint(1, 50))
        lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S')} tx={p.serial_()} rssi=-{rng.randint(70, 99)} "
                     f"{rng.choice(['SIGNAL_LOSS', 'SENSOR_WARMUP', 'SIGNAL_LOSS', 'BATTERY_LOW', 'TX_FAILED'])}")
    entries = [(p.nm("fl"), "customer", [Pg(msg)]),
               (agent.n(), "internal", [Pg("Device log pulled from the cloud portal:"), Pre("\n".join(lines))])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((agent.n(), "agent", [Pg(f"RMA {rng.randint(100000, 999999)} created, replacement ships tomorrow.")]))
    return ticket(ctx, "CGM transmitter failure — replacement", p.nm("fl"), p.email_(), entries, agent=agent, category="Device")


@template("support_ticket", "st_chat_address_change", TICKET_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    agent = ctx.staff()
    t = ctx.tick()
    chat = []

    def say(who, txt):
        nonlocal t
        t += dt.timedelta(seconds=rng.randint(10, 120))
        chat.append(f"({t.strftime('%H:%M:%S')}) {who}: {txt}")
    say(p.nm("g"), "hi i moved and my bills still go to the old place")
    say(agent.n("g"), "I can help with that. Can you confirm your full name and date of birth?")
    say(p.nm("g"), f"{p.nm('lower')} {p.dob_('us_short')}")
    say(agent.n("g"), "Thank you. What's the new address?")
    say(p.nm("g"), f"{p.street_()} {p.city_()} {p.zip_()}")
    if not ctx.short:
        say(agent.n("g"), "And is the phone number still the same?")
        say(p.nm("g"), f"no its {p.phone_('bare', cell=True)} now")
        say(agent.n("g"), "Updated. Anything else?")
        say(p.nm("g"), "thats all thanks")
    entries = [(p.nm("fl"), "customer", [Pg("Chat transcript"), Pre("\n".join(chat))]),
               (agent.n(), "internal", [Pg(f"Updated demographics for MRN {p.mrn_()}; guarantor address on account {p.acct_()} too.")])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    return ticket(ctx, "Chat: address change", p.nm("fl"), p.email_(), entries, agent=agent, category="Patient Access")

# ================================================================ PHI: fhir_diff
PR_LAYOUTS = ["bitbucket", "github", "git"]


def new_hunk(lines, start=1):
    return f"@@ -0,0 +{start},{len(lines)} @@\n" + "\n".join("+" + l for l in lines)


def mod_hunk(ctx, ctx_before, removed, added, ctx_after=()):
    a = ctx.rng.randint(5, 120)
    old_n = len(ctx_before) + len(removed) + len(ctx_after)
    new_n = len(ctx_before) + len(added) + len(ctx_after)
    body = [" " + l for l in ctx_before] + ["-" + l for l in removed] + ["+" + l for l in added] + [" " + l for l in ctx_after]
    return f"@@ -{a},{old_n} +{a},{new_n} @@\n" + "\n".join(body)


def mrn_system(ctx):
    return ctx.pick([f"urn:oid:1.2.840.114350.1.13.{ctx.rng.randint(100, 999)}.2.7.5.737384.14",
                     f"https://{ctx.org['domain']}/fhir/sid/mrn", "http://hospital.smarthealthit.org"])


def fhir_patient_lines(ctx, p, ind=0, rid=None, telecom=True, address=True, ssn=False, enc="json"):
    sp = " " * ind
    rid = rid or ("pat-" + hexs(ctx.rng, 8))
    L = [sp + "{", f'{sp}  "resourceType": "Patient",', f'{sp}  "id": "{D(rid, "internal_id")}",',
         f'{sp}  "identifier": [', f'{sp}    {{ "system": "{mrn_system(ctx)}", "value": "{p.mrn_()}" }}' + ("," if ssn else ""),
         ]
    if ssn:
        L.append(f'{sp}    {{ "system": "http://hl7.org/fhir/sid/us-ssn", "value": "{p.ssn_()}" }}')
    L += [f'{sp}  ],', f'{sp}  "name": [ {{ "use": "official", "family": "{p.nm("f")}", "given": [ "{p.nm("g")}" ] }} ],',
          f'{sp}  "gender": "{"male" if p.sex == "m" else "female"}",', f'{sp}  "birthDate": "{p.dob_("iso")}"' + ("," if (telecom or address) else "")]
    if telecom:
        L.append(f'{sp}  "telecom": [ {{ "system": "phone", "value": "{p.phone_("dash")}", "use": "home" }}, '
                 f'{{ "system": "email", "value": "{p.email_()}" }} ]' + ("," if address else ""))
    if address:
        L.append(f'{sp}  "address": [ {{ "line": [ "{p.street_()}" ], "city": "{p.city_()}", "state": "{p.state_()}", "postalCode": "{p.zip_()}" }} ]')
    L.append(sp + "}")
    return L, rid


def ci_log(ctx, failed=False, extra=()):
    rng = ctx.rng
    n = rng.randint(80, 900)
    lines = [f"+ ./gradlew test --no-daemon", f"> Task :fhir-mapper:test"]
    lines += list(extra)
    lines.append(f"{n} tests completed, {rng.randint(1, 4) if failed else 0} failed, {rng.randint(0, 9)} skipped")
    lines.append(f"BUILD {'FAILED' if failed else 'SUCCESSFUL'} in {rng.randint(1, 9)}m {rng.randint(0, 59)}s")
    return "\n".join(lines)


@template("fhir_diff", "fd_patient_fixture_from_prod", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    rev = ctx.staff()
    lines, rid = fhir_patient_lines(ctx, p, telecom=not ctx.short, address=True)
    files = [(f"src/test/resources/fixtures/patient-{rng.randint(1, 40):02d}.json", new_hunk(lines), "new")]
    if not ctx.short:
        files.append((f"src/test/java/com/{ctx.org['short'].lower()}/fhir/PatientMapperTest.java",
                      mod_hunk(ctx, ["    @Test", "    void mapsOfficialName() {"],
                               [f'        Patient p = load("patient-01.json");'],
                               [f'        Patient p = load("{files[0][0].split("/")[-1]}");'], ["        assertThat(map(p).getFamily()).isNotBlank();"])))
    desc = [Pg("Adds a fixture for the name-mapping tests. Took a real-looking example so the edge cases are covered.")]
    cm = [(rev, [Pg(f"This looks like it came straight from a prod export ({D(rid, 'internal_id')} has the prod id pattern). "
                    f"Please replace it with a synthetic patient and squash so it is not in history.")])]
    cm = cm[:1] + [(s, b) for s, b in filler_comments(ctx, ctx.n)] + cm[1:]
    return pull_request(ctx, "Add Patient fixture for name mapping tests", desc, files, cm, ci=None if ctx.short else ci_log(ctx))


@template("fhir_diff", "fd_bundle_encounter_coverage_curl", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    pl, rid = fhir_patient_lines(ctx, p, ind=8, telecom=False, address=not ctx.short)
    enc_id, cov_id = "enc-" + hexs(rng, 8), "cov-" + hexs(rng, 8)
    bundle = ['{', '  "resourceType": "Bundle",', '  "type": "transaction",', '  "entry": [', '    {', '      "resource":'] + pl + [
        '    },', '    {', '      "resource": {', '        "resourceType": "Encounter",', f'        "id": "{D(enc_id, "internal_id")}",',
        f'        "identifier": [ {{ "system": "urn:{ctx.org["short"].lower()}:csn", "value": "{p.csn_()}" }} ],',
        f'        "subject": {{ "reference": "Patient/{D(rid, "internal_id")}" }},',
        f'        "period": {{ "start": "{p.d("admit", "isots")}", "end": "{p.d("discharge", "isots")}" }}', '      }', '    },', '    {',
        '      "resource": {', '        "resourceType": "Coverage",', f'        "id": "{D(cov_id, "internal_id")}",',
        f'        "subscriberId": "{p.member_()}",', f'        "payor": [ {{ "display": "{p.payer}" }} ]', '      }', '    }', '  ]', '}']
    files = [("src/test/resources/bundles/admission-transaction.json", new_hunk(bundle), "new")]
    curl = (f"$ curl -s -X POST https://fhir-tst.{ctx.org['domain']}/fhir -H 'Content-Type: application/fhir+json' -d @admission-transaction.json | jq .issue\n"
            '[\n  {\n    "severity": "error",\n    "code": "processing",\n    "diagnostics": "Coverage.beneficiary: minimum required = 1, but only found 0"\n  }\n]')
    desc = [Pg("Transaction bundle for the admission flow integration test (Patient + Encounter + Coverage).")]
    cm = [(ctx.staff(), [Pg("Fails validation on TST:"), Code(curl, "")] if ctx.markup == "md" else [Pg("Fails validation on TST:\n" + curl)])]
    cm += filler_comments(ctx, ctx.n)
    cm.append((ctx.staff(), [Pg("Also: are these values synthetic? The CSN and member id formats match production exactly.")]))
    return pull_request(ctx, "Admission transaction bundle test data", desc, files, cm)


@template("fhir_diff", "fd_ts_mock_jest_snapshot", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    ts = ["import { Patient } from 'fhir/r4';", "", "export const mockPatient: Patient = {", "  resourceType: 'Patient',",
          f"  id: '{D('pat-' + hexs(rng, 6), 'internal_id')}',",
          f"  identifier: [{{ system: '{mrn_system(ctx)}', value: '{p.mrn_()}' }}],",
          f'  name: [{{ family: "{p.nm("f")}", given: ["{p.nm("g")}"] }}],', f"  birthDate: '{p.dob_('iso')}',",
          f"  telecom: [{{ system: 'phone', value: '{p.phone_('paren', cell=True)}', use: 'mobile' }}],", "};"]
    files = [("web/src/__mocks__/patient.ts", new_hunk(ts), "new")]
    jest = ("FAIL src/components/PatientBanner.test.tsx\n  ● PatientBanner › renders name and DOB\n\n"
            "    expect(received).toMatchSnapshot()\n\n    Snapshot name: `PatientBanner renders name and DOB 1`\n\n"
            f"    - Snapshot  - 1\n    + Received  + 1\n\n    -   Test Patient · 01/01/1900\n    +   {p.nm('fl')} · {p.dob_('us')}\n\n"
            f"Tests:       1 failed, {rng.randint(20, 200)} passed")
    desc = [Pg("Banner now shows the preferred name. Updated the mock to a realistic patient.")]
    cm = filler_comments(ctx, ctx.n) + [(ctx.staff(), [Pg("Snapshot fails and the new mock is someone real from the clinic list, please revert to the test patient.")])]
    return pull_request(ctx, "PatientBanner: preferred name", desc, files, cm, ci=jest)


@template("fhir_diff", "fd_relatedperson_yaml_seed", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    kid = ctx.patient(min_age=1, max_age=15)
    mom = ctx.patient(culture=kid.culture, sex="f", family=(kid.family, kid.fnat), min_age=25, max_age=50)
    pid = "ped-" + hexs(rng, 6)
    y = ["patients:", f"  - id: {D(pid, 'internal_id')}", f"    mrn: \"{kid.mrn_()}\"", f"    family: \"{kid.nm('f')}\"",
         f"    given: [\"{kid.nm('g')}\"]", f"    birthDate: {kid.dob_('iso')}", "relatedPersons:", f"  - patient: {D(pid, 'internal_id')}",
         "    relationship: MTH", f"    name: \"{mom.nm('fl')}\"", f"    phone: \"{mom.phone_('dash', cell=True)}\"", f"    email: {mom.email_()}"]
    if not ctx.short:
        y += [f"    address: \"{mom.street_()}, {mom.city_()}, {mom.state_()} {mom.zip_()}\""]
    files = [("seed/pediatric-proxy.yaml", mod_hunk(ctx, ["# proxy access seed for the TST portal"], ["patients: []"], y))]
    desc = [Pg("Seed data for the proxy-access feature in the pediatric portal. Needed for the UAT script.")]
    cm = filler_comments(ctx, ctx.n) + [(ctx.staff(), [Pg("UAT should use the synthetic families from the test plan, not a real mom and kid. Blocking.")])]
    return pull_request(ctx, "Seed pediatric proxy access data", desc, files, cm,
                        ci=None if ctx.short else "yamllint seed/pediatric-proxy.yaml\nseed/pediatric-proxy.yaml\n  14:81 warning line too long (92 > 80 characters)")


@template("fhir_diff", "fd_device_observation_curl", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=10)
    dev_id = "dev-" + hexs(rng, 8)
    obs = ['{', '  "resourceType": "Observation",', '  "status": "final",',
           '  "code": { "coding": [ { "system": "http://loinc.org", "code": "2339-0", "display": "Glucose [Mass/volume] in Blood" } ] },',
           f'  "subject": {{ "reference": "Patient/{D("pat-" + hexs(rng, 6), "internal_id")}", "display": "{p.nm("fl")}" }},',
           f'  "effectiveDateTime": "{P(p.service.isoformat() + "T0" + str(rng.randint(6, 9)) + ":" + str(rng.randint(10, 59)) + ":00-05:00", "date")}",',
           f'  "valueQuantity": {{ "value": {rng.randint(60, 320)}, "unit": "mg/dL" }},',
           f'  "device": {{ "reference": "Device/{D(dev_id, "internal_id")}" }}', '}']
    curl = (f"$ curl -s https://fhir-tst.{ctx.org['domain']}/fhir/Device/{D(dev_id, 'internal_id')} | jq '{{serialNumber, patient}}'\n"
            f'{{\n  "serialNumber": "{p.serial_()}",\n  "patient": {{ "display": "{p.nm("fl")}" }}\n}}')
    files = [("src/test/resources/cgm/observation-glucose.json", new_hunk(obs), "new")]
    desc = [Pg("CGM readings come in as Observations with a Device reference; adds a fixture for the mapper.")]
    cm = [(ctx.staff(), [Pg("The device behind that reference on TST:\n" + curl)])] + filler_comments(ctx, ctx.n)
    return pull_request(ctx, "CGM observation fixture", desc, files, cm)


@template("fhir_diff", "fd_ndjson_export_slack", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 25)
    ctx.n = max(0, ctx.n - 25)
    lines = []
    for i in range(k):
        p = ctx.patient()
        lines.append('{"resourceType":"Patient","id":"%s","identifier":[{"value":"%s"}],"name":[{"family":"%s","given":["%s"]}],"birthDate":"%s","address":[{"postalCode":"%s"}]}'
                     % (D(str(rng.randint(100000, 999999)), "internal_id"), p.mrn_(), p.nm("f"), p.nm("g"), p.dob_("iso"), p.zip_()))
    files = [("testdata/bulk/Patient.ndjson", new_hunk(lines), "new")]
    a, b = ctx.staff(2)
    sl = slack_lines(ctx, [(a, "who added testdata/bulk/Patient.ndjson? that's a slice of the prod $export"),
                           (b, "me, sorry, I thought the TST export was synthetic"), (a, "TST is a prod copy. pulling the PR and purging the branch")])
    desc = [Pg("Sample bulk export for the loader tests.")]
    cm = [(a, [Pg("From #integration-dev:\n" + sl)])] + filler_comments(ctx, ctx.n)
    return pull_request(ctx, "Bulk export sample for loader tests", desc, files, cm)


@template("fhir_diff", "fd_patient_xml_replaced", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    removed = [f'  <identifier><system value="{mrn_system(ctx)}"/><value value="{p.mrn_()}"/></identifier>',
               f'  <name><family value="{p.nm("f")}"/><given value="{p.nm("g")}"/></name>',
               f'  <birthDate value="{p.dob_("iso")}"/>']
    if not ctx.short:
        removed += [f'  <address><line value="{p.street_()}"/><city value="{p.city_()}"/><postalCode value="{p.zip_()}"/></address>']
    added = ['  <identifier><system value="urn:test:mrn"/><value value="T000001"/></identifier>',
             f'  <name><family value="{D("Test", "person_name")}"/><given value="{D("Patient", "person_name")}"/></name>',
             '  <birthDate value="1900-01-01"/>']
    hunk = mod_hunk(ctx, ['<Patient xmlns="http://hl7.org/fhir">'], removed, added, ['  <gender value="unknown"/>'])
    files = [("src/test/resources/xml/patient-legacy.xml", hunk)]
    desc = [Pg("Replaces the legacy XML fixture that was copied from production with the standard test patient. "
               "History rewrite tracked separately.")]
    cm = filler_comments(ctx, ctx.n) + [(ctx.staff(), [Pg("Approved. Please also run the purge on the mirror after merge.")])]
    return pull_request(ctx, "Remove production data from XML fixture", desc, files, cm)

# ================================================================ PHI: sql_seed
def sq(v):
    """Quote a marked value as a SQL string literal."""
    return "'" + v + "'"


@template("sql_seed", "ss_flyway_insert_psql_check", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 30)
    ctx.n = max(0, ctx.n - 30)
    pts = [ctx.patient(min_age=18) for _ in range(k)]
    ver = rng.randint(20, 140)
    ins = [f"-- V{ver}__seed_portal_invites.sql", "INSERT INTO portal_invite (mrn, last_name, first_name, birth_date, email, mobile) VALUES"]
    vals = [f"  ({sq(p.mrn_())}, {sq(p.nm('f', 'sql'))}, {sq(p.nm('g', 'sql'))}, {sq(p.dob_('iso'))}, {sq(p.email_())}, {sq(p.phone_('e164', cell=True))})"
            for p in pts]
    ins.append(",\n".join(vals) + ";")
    grid = psql_grid(["mrn", "last_name", "invite_status"], [[p.mrn_(), p.nm("f"), rng.choice(["SENT", "PENDING", "BOUNCED"])] for p in pts[:3]])
    rep, dev = ctx.staff(2)
    desc = [Pg(f"Flyway V{ver} failed on STG with a unique violation; the seed was supposed to be synthetic invites for UAT."),
            Code("\n".join(ins), "sql")]
    fl = (f"Flyway Community Edition 10.{rng.randint(0, 17)}.{rng.randint(0, 3)}\nMigrating schema \"portal\" to version \"{ver} - seed portal invites\"\n"
          f"ERROR: Migration V{ver}__seed_portal_invites.sql failed\nSQL State  : 23505\nMessage    : duplicate key value violates unique constraint \"portal_invite_mrn_key\"")
    core = [(dev, [Pg("Flyway output:"), Pre(fl)]),
            (rep, [Pg("These are not synthetic, they match real invites already on STG:"),
                   Pre(f"portal=> select mrn, last_name, invite_status from portal_invite where mrn in (...);\n{grid}")]),
            (dev, [Pg("Reverted the migration and replaced it with generated test data. Sorry.")])]
    return jira_issue(ctx, f"Flyway V{ver} seed fails on STG (duplicate key)", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("sql_seed", "ss_update_fix_before_after", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    old_area, old_num = rng.choice(ctx.org["area"]), str(rng.randint(2, 9)) + digits(rng, 6, False)
    rep, dba = ctx.staff(2)
    before = psql_grid(["pat_id", "mrn", "pat_name", "home_phone", "updated_at"],
                       [[D(str(rng.randint(100000, 9999999)), "internal_id"), p.mrn_(), p.nm("LFc"), P(fphone(old_area, old_num, "dash"), "phone"),
                         (ctx.now - dt.timedelta(days=rng.randint(200, 900))).strftime("%Y-%m-%d")]])
    upd = (f"BEGIN;\nUPDATE patient SET home_phone = '{p.phone_('dash')}', updated_by = 'DATAFIX_{ctx.key()}'\n WHERE mrn = '{p.mrn_()}';\n"
           "-- UPDATE 1\nCOMMIT;")
    desc = [Pg(f"Registration cannot edit the home phone for one patient (field locked after the conversion). Data fix requested by "
               f"{mention(ctx, rep)}, approved in CAB.")]
    core = [(dba, [Pg("Before:"), Pre(before)]), (dba, [Pg("Fix:"), Code(upd, "sql")])]
    if not ctx.short:
        core.append((dba, [Pg("After:"), Pre(psql_grid(["mrn", "home_phone"], [[p.mrn_(), p.phone_("dash")]]))]))
    core.append((rep, [Pg("Confirmed in the registration screen. Thanks.")]))
    return jira_issue(ctx, "Data fix: locked home phone after conversion", desc, thread(ctx, core), itype="Task", reporter=rep, assignee=dba)


@template("sql_seed", "ss_mysqldump_in_pr", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 30)
    ctx.n = max(0, ctx.n - 30)
    pts = [ctx.patient() for _ in range(k)]
    vals = ",".join(f"({D(str(1000 + i), 'internal_id')},{sq(p.mrn_())},{sq(p.nm('f', 'sql'))},{sq(p.nm('g', 'sql'))},{sq(p.dob_('iso'))},"
                    f"{sq(p.street_('sql'))},{sq(p.city_())},{sq(p.zip_())},{sq(p.ssn_())})" for i, p in enumerate(pts))
    dump = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "--", f"-- Host: {host(rng)}    Database: scheduling", "--",
            "DROP TABLE IF EXISTS `patient`;", "CREATE TABLE `patient` (", "  `id` int NOT NULL AUTO_INCREMENT,", "  `mrn` varchar(16) NOT NULL,",
            "  `last_name` varchar(60),", "  `first_name` varchar(60),", "  `dob` date,", "  `addr1` varchar(120),", "  `city` varchar(60),",
            "  `zip` char(10),", "  `ssn` char(11),", "  PRIMARY KEY (`id`)", ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
            "LOCK TABLES `patient` WRITE;", f"INSERT INTO `patient` VALUES {vals};", "UNLOCK TABLES;"]
    files = [("docker/mysql/init/02-patient.sql", new_hunk(dump), "new")]
    desc = [Pg("Local docker stack: seed the scheduling DB so the appointment screens have data.")]
    err = (f"mysql_1  | {ctx.now.strftime('%Y-%m-%dT%H:%M:%S')}.{rng.randint(100000, 999999)}Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.\n"
           f"mysql_1  | /usr/local/bin/docker-entrypoint.sh: running /docker-entrypoint-initdb.d/02-patient.sql\n"
           f"mysql_1  | ERROR 1406 (22001) at line 20: Data too long for column 'zip' at row {rng.randint(1, k)}")
    p0 = pts[0]
    probe = (f"mysql> select id, mrn, last_name, dob from patient where mrn = '{p0.mrn_()}';\n" +
             box_grid(["id", "mrn", "last_name", "dob"], [[D("1000", "internal_id"), p0.mrn_(), p0.nm("f"), p0.dob_("iso")]], rng))
    cm = [(ctx.staff(), [Pg("Container log:\n" + err)]), (ctx.staff(), [Pg("Rows that did load:\n" + probe)])] + filler_comments(ctx, ctx.n) + \
         [(ctx.staff(), [Pg("Where did these rows come from? SSNs in a docker seed is a hard no. Please use the generator in tools/fake_patients.")])]
    return pull_request(ctx, "Seed scheduling DB for local dev", desc, files, cm)


@template("sql_seed", "ss_copy_block_restore", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 30)
    ctx.n = max(0, ctx.n - 30)
    rows = []
    for i in range(k):
        p = ctx.patient()
        rows.append("\t".join([D(str(rng.randint(10000, 99999)), "internal_id"), p.mrn_(), p.nm("lf"), p.dob_("iso"), p.phone_("dash"),
                               p.member_(), rng.choice(["t", "f"])]))
    copy = ("COPY public.outreach_target (id, mrn, pat_name, birth_date, phone, member_id, consent_sms) FROM stdin;\n" + "\n".join(rows) + "\n\\.")
    restore = (f"$ pg_restore -d outreach_stg -t outreach_target outreach_{ctx.now.strftime('%Y%m%d')}.dump\n"
               f"pg_restore: error: could not execute query: ERROR:  relation \"outreach_target\" already exists\n"
               f"pg_restore: warning: errors ignored on restore: 1")
    blocks = [Pg("How to refresh the outreach staging table from the nightly dump. The COPY excerpt below is from last night's file "
                 "(first rows) so you can see the column order."), Code(copy, "sql")]
    if not ctx.short:
        blocks += [H("Known error"), Code(restore, "bash"), Pg("Drop the table first or use --clean.")]
    return conf_page(ctx, "Outreach staging refresh", blocks, [(ctx.staff(), "Runbook created"), (ctx.staff(), "Added --clean note")])


@template("sql_seed", "ss_tsql_merge_dba_email", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 1 if ctx.short else 2 + min(ctx.n, 20)
    ctx.n = max(0, ctx.n - 20)
    pts = [ctx.patient(min_age=65) for _ in range(k)]
    src = ",\n".join(f"    ({sq(p.mrn_())}, {sq(p.mbi_())}, {sq(p.nm('f', 'sql'))}, {sq(p.dob_('iso'))})" for p in pts)
    merge = (f"MERGE dbo.MedicareEligibility AS t\nUSING (VALUES\n{src}\n) AS s (MRN, MBI, LastName, DOB)\n   ON t.MRN = s.MRN\n"
             "WHEN MATCHED THEN UPDATE SET t.MBI = s.MBI, t.UpdatedAt = SYSUTCDATETIME()\n"
             "WHEN NOT MATCHED THEN INSERT (MRN, MBI, LastName, DOB) VALUES (s.MRN, s.MBI, s.LastName, s.DOB);")
    dba, rep = ctx.staff(2)
    sent = ctx.now - dt.timedelta(hours=rng.randint(1, 30))
    mail = (f"From: {dba.n()} <{dba.em()}>\nSent: {D(ts_fmt(sent, 'outlook'), 'date')}\nSubject: RE: MBI corrections batch\n\n"
            f"Ran it in PRD at {sent.strftime('%H:%M')}. Messages tab:\n\n({k} rows affected)\n\nCompletion time: {sent.strftime('%Y-%m-%dT%H:%M:%S')}.{rng.randint(1000000, 9999999)}-05:00\n\n{dba.n('g')}")
    desc = [Pg("MBI corrections from the eligibility vendor, applied with the script below. Keeping it here for the audit trail."),
            Code(merge, "sql")]
    core = [(rep, [Pg("DBA confirmation (forwarded):"), Quote(mail)]),
            (rep, [Pg("271 responses for these members now match. Closing.")])]
    return jira_issue(ctx, "Apply MBI corrections batch", desc, thread(ctx, core), itype="Task", reporter=rep)


@template("sql_seed", "ss_slow_query_log_explain", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    rep, dba = ctx.staff(2)
    t = ctx.tick()
    lines = []
    for i in range(1 if ctx.short else rng.randint(2, 4)):
        t += dt.timedelta(seconds=rng.randint(5, 300))
        lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S')}.{rng.randint(100, 999)} UTC [{rng.randint(1000, 99999)}] app@ehr_rpt LOG:  duration: "
                     f"{rng.randint(2000, 40000)}.{rng.randint(100, 999)} ms  execute <unnamed>: select * from patient_search_v where "
                     "upper(last_name) = upper($1) and birth_date = $2")
        lines.append(f"{t.strftime('%Y-%m-%d %H:%M:%S')}.{rng.randint(100, 999)} UTC [{rng.randint(1000, 99999)}] app@ehr_rpt DETAIL:  "
                     f"parameters: $1 = '{p.nm('f', 'sql')}', $2 = '{p.dob_('iso')}'")
    plan = ("Seq Scan on patient  (cost=0.00..482113.40 rows=27 width=412) (actual time=0.041..9114.210 rows=1 loops=1)\n"
            "  Filter: ((upper((last_name)::text) = upper($1)) AND (birth_date = $2))\n"
            f"  Rows Removed by Filter: {rng.randint(1000000, 9000000)}\nPlanning Time: 0.{rng.randint(100, 999)} ms\n"
            f"Execution Time: {rng.randint(5000, 12000)}.{rng.randint(100, 999)} ms")
    desc = [Pg(f"Patient search in the reporting app takes 10+ s. Slow-query log from {host(rng)}:"), Pre("\n".join(lines))]
    core = [(dba, [Pg("No functional index on upper(last_name). Plan:"), Code(plan, "")]),
            (dba, [Pg("Created idx_patient_upper_last_dob concurrently; search is ~40 ms now. Also turning off parameter logging, "
                      "it writes patient names into the log.")])]
    return jira_issue(ctx, "Patient search slow in reporting app", desc, thread(ctx, core), reporter=rep, assignee=dba)


@template("sql_seed", "ss_oracle_insert_all_sqlplus", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 25)
    ctx.n = max(0, ctx.n - 25)
    pts = [ctx.patient() for _ in range(k)]
    ins = "INSERT ALL\n" + "\n".join(
        f"  INTO enc_stage (enc_id, mrn, pat_name, adm_dt, dsch_dt) VALUES ({D(str(rng.randint(10 ** 7, 10 ** 8)), 'internal_id')}, "
        f"{sq(p.mrn_())}, {sq(p.nm('LFc', 'sql'))}, DATE {sq(p.d('admit', 'iso'))}, DATE {sq(p.d('discharge', 'iso'))})" for p in pts) + "\nSELECT 1 FROM dual;"
    out = (f"SQL> @reload_enc_stage.sql\nINSERT ALL\n*\nERROR at line 1:\nORA-00001: unique constraint (CLARITY_STG.PK_ENC_STAGE) violated\n\n\nSQL> "
           f"select count(*) from enc_stage;\n\n  COUNT(*)\n----------\n     {rng.randint(1000, 90000)}")
    rep, dev = ctx.staff(2)
    desc = [Pg("Re-running the encounter staging reload after the outage fails. Script excerpt:"), Code(ins, "sql")]
    core = [(dev, [Pg("SQL*Plus output:"), Pre(out)])]
    if not ctx.short:
        core.append((dev, [Code(stack(ctx, EXC[9]), "java")]))
    core.append((rep, [Pg("Need to delete the partial batch first; runbook updated.")]))
    return jira_issue(ctx, "Encounter staging reload fails with ORA-00001", desc, thread(ctx, core), reporter=rep, assignee=dev)

# ================================================================ PHI: clinical_note
def discharge_summary(ctx, p, att):
    rng = ctx.rng
    c1, c2 = rng.sample(CONDITIONS, 2)
    meds = rng.sample(MEDS, 3)
    short = ctx.short
    s = (f"DISCHARGE SUMMARY\nPatient: {p.nm('LF')}    MRN: {p.mrn_()}    DOB: {p.dob_('us')}\n"
         f"Admitted: {p.d('admit', 'us')}    Discharged: {p.d('discharge', 'us')}\nAttending: {att.dr()}\n\n"
         f"Principal diagnosis: {cond(c1[0])} ({icd(c1[1])})\nSecondary: {cond(c2[0])}\n\n")
    if not short:
        s += (f"Hospital course: {p.title()} {p.nm('f')} is a {p.age_('{}-year-old')} {'man' if p.sex == 'm' else 'woman'} admitted with "
              f"{cond(c1[0].lower())}. Treated with {med(meds[0])}; improved over {rng.randint(2, 6)} days. Course complicated by "
              f"{cond(c2[0].lower())}, managed medically.\n\n")
    s += ("Discharge medications:\n" + "\n".join(f"- {med(m)}" for m in (meds if not short else meds[:2])) +
          f"\n\nFollow-up: PCP in 7 days. Call {ctx.orgn()} nurse line with questions.")
    return s


@template("clinical_note", "cn_discharge_render_html", ["wiki", "md", "plain"])
def _t(ctx):
    ctx.flavor = "web"
    rng = ctx.rng
    p = ctx.patient(min_age=30)
    att, rep, dev = ctx.staff(3)
    note = discharge_summary(ctx, p, att)
    first_lines = note.split("\n")[:3]
    html_snip = "<div class=\"note-body\">" + "".join(hesc(l) + " " for l in first_lines) + "</div>"
    desc = [Pg("In the portal the discharge summary renders as one paragraph (line breaks lost). Note text as the patient sees it:"), Pre(note)]
    core = [(dev, [Pg("The API returns the note with \\n, the template drops them. Rendered HTML:"), Code(html_snip, "html")])]
    if not ctx.short:
        core.append((dev, [Pg("Fix: white-space: pre-wrap on .note-body."), Code(".note-body {\n-  white-space: normal;\n+  white-space: pre-wrap;\n}", "diff")]))
    return jira_issue(ctx, "Discharge summary loses line breaks in portal", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("clinical_note", "cn_progress_note_fax_ocr", ["jsm", "snow", "zendesk"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    prov, clerk = ctx.staff(2)
    c = rng.choice(CONDITIONS)
    bp = f"{rng.randint(100, 170)}/{rng.randint(60, 100)}"
    fax_from = fphone(ctx.org["area"][0], str(rng.randint(2, 9)) + digits(rng, 6, False), "dash")
    cover = (f"FAX   To: Health Information Management   From: {prov.dr()}\nFax: {D(fax_from, 'staff_contact')}   Pages: {rng.randint(2, 6)}   "
             f"Date: {D(ctx.now.strftime('%m/%d/%Y'), 'date')}\nCONFIDENTIAL: this fax contains protected health information.")
    note = (f"PROGRESS NOTE   {p.nm('LF')}   DOB {p.dob_('us')}   Visit {p.d('service', 'us')}\n"
            f"S: {'He' if p.sex == 'm' else 'She'} reports improved symptoms of {cond(c[0].lower())}. Taking {med(rng.choice(MEDS))}.\n"
            f"O: BP {bp}  HR {rng.randint(55, 110)}  SpO2 {rng.randint(90, 100)}%\nA/P: {cond(c[0])} ({icd(c[1])}), stable. Continue current plan.")
    if not ctx.short:
        note += f"\nReturn in {rng.choice([4, 6, 8, 12])} weeks. Contact {p.phone_('paren')} confirmed."
    ocr = ocr_noise(cover + "\n\n" + note, rng, 0.03)
    entries = [(clerk.n(), "customer", [Pg("Inbound fax did not auto-index (barcode unreadable). OCR text from the fax server:"), Pre(ocr)]),
               (ctx.staff().n(), "internal", [Pg(f"Indexed manually to MRN {p.mrn_()}.")])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    return ticket(ctx, "Fax not auto-indexed — manual indexing needed", clerk.n(), clerk.em(), entries, category="Records")


@template("clinical_note", "cn_mdm_t02_decoded", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient()
    prov, rep, an = ctx.staff(3)
    c = rng.choice(CONDITIONS)
    txt = [f"Consult note for {p.nm('fl')}, seen {p.d('service', 'long')}.",
           f"Reason for consult: {cond(c[0])}.",
           f"Plan: start {med(rng.choice(MEDS))}; recheck labs in 1 week."]
    if not ctx.short:
        txt += [f"Discussed with patient and {rng.choice(['daughter', 'son', 'wife', 'husband'])} at bedside.", f"Signed: {prov.n()}"]
    obx = "\n".join(f"OBX|{i + 1}|TX|11488-4^Consult note^LN||{t}" for i, t in enumerate(txt))
    mdm = "\n".join([seg_msh(ctx, "MDM^T02", "MDM_T02", snd="DICTATION", rcv="EPIC"), seg_evn(ctx, "T02"), seg_pid(ctx, p, ("noaddr",)),
                     f"TXA|1|CN|TX|{P(fdate(p.service, 'hl7') + '1130', 'date')}|{prov.hl7()}||||||{alnum(rng, 12)}||||||AU", obx])
    desc = [Pg("Transcribed consult notes arrive but each OBX line shows up as a separate paragraph with the LOINC name repeated."),
            Code(mdm, "")]
    core = [(an, [Pg("What the chart displays after decoding:"), Quote("\n".join(f"Consult note: {t}" for t in txt))])]
    if not ctx.short:
        core.append((an, [Pre(log_lines(ctx, rng.randint(3, 8), channel="MDM_TRANSCRIPTION"))]))
    core.append((rep, [Pg("Changed the inbound map to concatenate OBX-5 of consecutive TX rows. Fixed in TST.")]))
    return jira_issue(ctx, "MDM^T02 note text split per OBX", desc, thread(ctx, core), reporter=rep)


@template("clinical_note", "cn_telephone_note_forward", ["outlook", "gmail", "eml"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=2)
    rn, it = ctx.staff(2)
    c = rng.choice(CONDITIONS)
    call = ctx.now - dt.timedelta(hours=rng.randint(2, 40))
    note = (f"TELEPHONE ENCOUNTER\n{p.nm('lf')}  ({p.dob_('us')})  MRN {p.mrn_()}\nCaller: {'self' if p.age > 17 else 'mother'}  "
            f"Call-back: {p.phone_('dash', cell=True)}\nReason: {cond(c[0])}; requesting advice.\n"
            f"Advice given per protocol. Caller verbalized understanding. {rn.n()} RN")
    body = (f"Hi IT,\n\nThe note below was signed but it does not show in the chart for the provider. Can you check? "
            f"It happened twice this week.\n\n{note}\n\nThanks\n{rn.n()}, RN\n{ctx.fac()} triage line")
    st = ctx.layout.split("_")[0]
    replies = []
    if not ctx.short:
        replies.append((it, rn, f"Hello {rn.n('g')},\n\nTicket INC{digits(rng, 7)} created. The note is stuck in the interface error queue; "
                                f"the team is on it.\n\n{it.n()}\nService Desk"))
        for i in range(ctx.n):
            a = ctx.staff()
            replies.append((a, rn, mail_body(ctx, a, "it")))
    msg = reply_chain(ctx, st, rn, None, "Signed telephone note not visible", body, replies,
                      first_to=f"IT Service Desk <{mbox(ctx, 'servicedesk')}>")
    return msg


@template("clinical_note", "cn_ipass_handoff_page", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    n = (2 if ctx.short else 3) + conf_growth_rows(ctx, 20)
    rows = []
    for i in range(n):
        p = ctx.patient(age=rng.randint(90, 100)) if rng.random() < 0.2 else ctx.patient(min_age=20)
        c = rng.choice(CONDITIONS)
        rows.append([f"{rng.randint(401, 440)}", f"{p.nm('lf')} ({p.age_('{}')} {p.sexc})", rng.choice(["Stable", "Watcher", "Unstable"]),
                     f"{cond(c[0])}; on {med(rng.choice(MEDS))}", rng.choice(["AM labs", "f/u cultures", "PT eval", "wean O2", "d/c planning"]),
                     rng.choice(["if SBP < 90 call", "if febrile, cultures", "none", "recheck K at 22:00"])])
    blocks = [Pg(f"Night handoff for the {rng.choice(['hospitalist', 'surgery', 'medicine B'])} team. Copied from the handoff tool while it is down; "
                 f"delete after the shift."), Table(["Rm", "Patient", "Illness severity", "Summary", "Action list", "Contingency"], rows)]
    return conf_page(ctx, f"I-PASS handoff (downtime) {ctx.now.strftime('%m/%d')}", blocks, [(ctx.staff(), "Created during downtime")])


@template("clinical_note", "cn_referral_letter_ticket", ["zendesk", "fresh", "snow"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    ref, coord = ctx.staff(2)
    c = rng.choice(CONDITIONS)
    letter = (f"Dear Colleague,\n\nI am referring {p.title()} {p.nm('fl')} (DOB {p.dob_('long')}) for evaluation of {cond(c[0].lower())}. "
              f"{'He' if p.sex == 'm' else 'She'} lives at {p.addr1()} and prefers calls at {p.phone_('paren')}. "
              f"Insurance: {p.payer}, member {p.member_()}.\n\nSincerely,\n{ref.dr()}")
    if not ctx.short:
        letter += f"\nNPI {ref.npi_()}"
    entries = [(coord.n(), "customer", [Pg("Referral received by e-fax but the referral order did not create. Letter text:"), Pre(letter)]),
               (ctx.staff().n(), "internal", [Pg(f"Referral order created manually; patient matched to MRN {p.mrn_()}.")])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    return ticket(ctx, "Inbound referral did not create an order", coord.n(), coord.em(), entries, category="Referrals")


@template("clinical_note", "cn_op_note_implant_log", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=45)
    surg, rep, an = ctx.staff(3)
    dev = rng.choice([("Total knee arthroplasty, right", "27447", "knee femoral component"), ("Dual-chamber pacemaker implantation", "33208", "pacemaker generator"),
                      ("Lumbar fusion L4-L5", "22612", "pedicle screw system")])
    lot = alnum(rng, 8)
    note = (f"OPERATIVE NOTE\nPatient: {p.nm('fl')}   MRN: {p.mrn_()}   Date of surgery: {p.d('admit', 'us')}\nSurgeon: {surg.dr()}\n"
            f"Procedure: {dev[0]} ({cpt(dev[1])})\nImplant: {dev[2]}, serial {p.serial_()}, lot {lot}\n")
    if not ctx.short:
        note += (f"Findings: as expected. EBL {rng.randint(20, 400)} mL. No complications.\n"
                 f"Disposition: PACU, then {rng.choice(['floor', 'telemetry', 'home same day'])}.")
    row = csv_lines([["case_id", "mrn", "implant", "serial", "lot", "status"],
                     [D(str(rng.randint(100000, 999999)), "internal_id"), p.mrn_(), dev[2], p.serial_(), lot, "NOT_SENT"]])
    desc = [Pg("Implant data from the OR is not reaching the implant registry. Example from yesterday (op note excerpt):"), Pre(note)]
    core = [(an, [Pg("Implant log export row for this case:"), Code(row, "")])]
    core.append((rep, [Pg("Registry feed was filtering on a retired department id. Fixed, backfill running.")]))
    return jira_issue(ctx, "Implant records not sent to registry", desc, thread(ctx, core), reporter=rep)

# ================================================================ PHI: claims_csv
DENIALS = [("CO-16", "Claim lacks information"), ("CO-197", "Precertification absent"), ("CO-50", "Not medically necessary"),
           ("PR-1", "Deductible"), ("CO-29", "Timely filing"), ("CO-109", "Not covered by this payer"), ("CO-22", "Coordination of benefits")]


def claim_rows(ctx, k, with_npi=True):
    rng = ctx.rng
    rows = []
    for i in range(k):
        p = ctx.patient()
        c = rng.choice(CPTS)
        d = rng.choice(CONDITIONS)
        prov = ctx.staff()
        r = [p.claim_(), p.member_(), p.nm("LF"), p.dob_("us"), p.d("service", "us"), cpt(c[0]), icd(d[1]), f"{rng.randint(60, 4200)}.00"]
        if with_npi:
            r.append(prov.npi_())
        rows.append(r)
    return rows


@template("claims_csv", "cc_837_csv_loader_traceback", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 4 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    hdr = ["claim_no", "member_id", "patient_name", "dob", "dos", "cpt", "icd10", "billed", "rendering_npi"]
    rows = claim_rows(ctx, k)
    csv = csv_lines([hdr] + rows)
    tb = ("Traceback (most recent call last):\n  File \"/opt/claims/loader.py\", line 212, in <module>\n    main()\n"
          "  File \"/opt/claims/loader.py\", line 188, in main\n    row['billed'] = Decimal(row['billed'])\n"
          "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]")
    rep, dev = ctx.staff(2)
    desc = [Pg(f"The nightly 837P staging load stopped at row {rng.randint(2, k + 1)}. Preview of the file (first rows):"),
            Code(csv, "csv" if ctx.markup == "md" else "")]
    core = [(dev, [Pg("Loader output:"), Code(tb, "python" if ctx.markup != "plain" else "")])]
    core.append((rep, [Pg("A clearinghouse row had a currency symbol in billed. Loader now strips it; re-ran OK.")]))
    return jira_issue(ctx, "837P staging load fails on billed amount", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("claims_csv", "cc_835_pipe_remit_psql", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    lines = ["CLP_ID|PATIENT_CTRL_NO|PATIENT_NAME|MEMBER_ID|DOS|BILLED|PAID|ADJ_CODE"]
    pts = []
    for i in range(k):
        p = ctx.patient()
        pts.append(p)
        billed = rng.randint(80, 3000)
        lines.append(f"{p.claim_()}|{p.acct_()}|{p.nm('LFc')}|{p.member_()}|{p.d('service', 'hl7')}|{billed}.00|{billed * rng.choice([0, 0.5, 0.8]):.2f}|"
                     f"{rng.choice(DENIALS)[0]}")
    p0 = pts[0]
    grid = psql_grid(["har", "pat_name", "posted_amt", "post_status"], [[p0.acct_(), p0.nm("LFc"), "0.00", "UNMATCHED"]])
    rep, an = ctx.staff(2)
    desc = [Pg(f"Remit batch from {p0.payer} posted with unmatched lines. Pipe extract:"), Pre("\n".join(lines))]
    core = [(an, [Pg("Posting table for the first line:"), Pre(f"=> select har, pat_name, posted_amt, post_status from remit_post where har = '{p0.acct_()}';\n{grid}")]),
            (rep, [Pg("Patient control numbers were truncated to 9 digits by the payer. Matching on claim number instead.")])]
    return jira_issue(ctx, "835 remit lines unmatched after payer change", desc, thread(ctx, core), reporter=rep)


@template("claims_csv", "cc_denials_excel_forward", ["outlook", "gmail", "eml"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 4 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    mgr, it = ctx.staff(2)
    rows = ["Account\tPatient\tDOS\tPayer\tDenial\tAmount"]
    for i in range(k):
        p = ctx.patient()
        d = rng.choice(DENIALS)
        rows.append(f"{p.acct_()}\t{p.nm('lf')}\t{p.d('service', 'us_short')}\t{p.payer}\t{d[0]} {d[1]}\t${rng.randint(90, 5000):,}.00")
    body = (f"Hi all,\n\nSince the clearinghouse switch we are getting a wave of {DENIALS[1][0]} denials. A few from this week, pasted from the "
            f"work queue export:\n\n" + "\n".join(rows) + f"\n\nCan IT check whether the auth number is being dropped from the 837?\n\n{mgr.n()}\nPatient Financial Services")
    st = ctx.layout.split("_")[0]
    replies = []
    if not ctx.short:
        replies.append((it, mgr, f"Forwarding to the EDI team. The auth number goes in REF*G1; checking the map.\n\n{it.n('g')}"))
        for i in range(ctx.n):
            a = ctx.staff()
            replies.append((a, mgr, mail_body(ctx, a, "billing")))
    return reply_chain(ctx, st, mgr, None, "Denials since clearinghouse switch", body, replies, first_to=f"EDI Team <{mbox(ctx, 'edi')}>")


@template("claims_csv", "cc_mbi_rejects_validator", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    rows = [["mbi", "last_name", "first_name", "dob", "dos", "reject_reason"]]
    for i in range(k):
        p = ctx.patient(min_age=65)
        rows.append([p.mbi_(rng.random() < 0.3), p.nm("F"), p.nm("g", "upper"), p.dob_("iso"), p.d("service", "iso"),
                     rng.choice(["MBI not found", "Name mismatch", "DOB mismatch", "Beneficiary not eligible on DOS"])])
    val = ("$ python -m mbi_check rejects.csv\n"
           f"checked {k} rows: format OK {k}, check rules OK {k}\n"
           "note: all rejects are eligibility-side (format is valid); see reason column")
    rep, dev = ctx.staff(2)
    desc = [Pg("Medicare rejects from the MAC for last week's batch. Are we sending bad MBIs?"), Code(csv_lines(rows), "")]
    core = [(dev, [Pg("Ran the format checker over the file:"), Pre(val)]),
            (rep, [Pg("OK, not our formatting. Sending to eligibility for follow-up with the patients.")])]
    return jira_issue(ctx, "Medicare MBI rejects — format or eligibility?", desc, thread(ctx, core), reporter=rep)


@template("claims_csv", "cc_bom_crlf_ticket_preview", ["zendesk_crlf", "snow_crlf", "jsm_crlf"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    rows = [["\ufeffPatient Last", "Patient First", "DOB", "Member ID", "DOS", "CPT", "Charge"]]
    for i in range(k):
        p = ctx.patient()
        c = rng.choice(CPTS)
        rows.append([p.nm("f"), p.nm("g"), p.dob_("us"), p.member_(), p.d("service", "us"), cpt(c[0]), f"{rng.randint(50, 900)}.00"])
    csv = csv_lines(rows)
    req = ctx.staff()
    tb = ("Traceback (most recent call last):\n  File \"upload.py\", line 44, in parse\n    if header[0] != 'Patient Last':\n"
          "ValueError: unexpected header '\\ufeffPatient Last'")
    entries = [(req.n(), "customer", [Pg(f"Our practice's charge upload keeps failing with \"invalid header\". File preview below (opened in Notepad):"), Pre(csv)]),
               (ctx.staff().n(), "internal", [Pg("The file has a UTF-8 BOM. Upload script output:"), Pre(tb)])]
    entries += [(s.n(), "internal", b) for s, b in filler_comments(ctx, ctx.n)]
    entries.append((ctx.staff().n(), "agent", [Pg("Please save as \"CSV (Comma delimited)\" instead of \"CSV UTF-8\". We're also fixing the parser.")]))
    return ticket(ctx, "Charge upload fails: invalid header", req.n(), req.em(), entries, category="Billing")


@template("claims_csv", "cc_pharmacy_claims_slack", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    ndcs = [("00093-7214-01", "metformin 500 mg tab"), ("00378-6150-01", "lisinopril 10 mg tab"), ("00003-0894-21", "apixaban 5 mg tab"),
            ("00071-0155-23", "atorvastatin 40 mg tab"), ("00088-2220-33", "insulin glargine 100 u/mL")]
    rows = [["rx_no", "fill_date", "cardholder_id", "patient", "dob", "ndc", "drug", "qty", "reject"]]
    first = None
    for i in range(k):
        p = ctx.patient(min_age=18)
        first = first or p
        n = rng.choice(ndcs)
        rows.append([str(rng.randint(1000000, 9999999)), p.d("service", "iso"), p.member_(), p.nm("lf"), p.dob_("iso"), D(n[0], "drug_code"),
                     med(n[1]), str(rng.choice([30, 60, 90])), rng.choice(["", "75 PA required", "70 NDC not covered", "79 refill too soon"])])
    a, b = ctx.staff(2)
    sl = slack_lines(ctx, [(a, f"is the PBM feed down? {first.nm('fl')}'s refill rejected 75 but she has an approved PA"),
                           (b, "the PA table didn't load last night, rerunning"), (a, "ty")])
    rep = ctx.staff()
    desc = [Pg("Pharmacy claims rejected with 75 (PA required) although PAs are on file. Extract from the PBM response file:"), Code(csv_lines(rows), "")]
    core = [(rep, [Pg("From #pharmacy-ops:"), Pre(sl)]), (b, [Pg("PA table reloaded; resubmitted the rejects, all paid.")])]
    return jira_issue(ctx, "Pharmacy claims rejecting 75 despite PA on file", desc, thread(ctx, core), reporter=rep)


@template("claims_csv", "cc_ub04_fixed_width_pr", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    k = 2 if ctx.short else 3 + min(ctx.n, 40)
    ctx.n = max(0, ctx.n - 40)
    lines = []
    for i in range(k):
        p = ctx.patient()
        nm = p.nm("LFc")
        lines.append(f"{p.acct_()}{' ' * (12 - len(p.acct))}{nm}{' ' * max(1, 28 - len(plain(nm)))}{p.dob_('hl7')} "
                     f"{p.d('admit', 'hl7')} {p.d('discharge', 'hl7')} {rng.choice(['0111', '0121', '0131'])} {icd(rng.choice(CONDITIONS)[1]):<8} "
                     f"{rng.randint(1000, 90000):>9}00")
    spec = ("| cols | field |\n|---|---|\n| 1-12 | patient account |\n| 13-40 | name (LAST,FIRST) |\n| 41-48 | DOB |\n"
            "| 50-57 | from date |\n| 59-66 | through date |\n| 68-71 | type of bill |\n| 73-80 | principal dx |\n| 82-92 | total charges |")
    files = [("src/test/resources/ub04/extract_sample.txt", new_hunk(lines), "new")]
    desc = [Pg("Golden file for the UB-04 extract parser. Layout:"), Raw(spec)]
    cm = filler_comments(ctx, ctx.n) + [(ctx.staff(), [Pg("These account numbers exist in PRD. Golden files need generated data.")])]
    return pull_request(ctx, "UB-04 extract parser golden file", desc, files, cm)

# ================================================================ PHI: patient_email
MAIL_LAYOUTS = ["gmail", "outlook", "apple", "eml"]


def pt_addr(p):
    return (p.nm("fl"), p.email_())


@template("patient_email", "pe_forward_into_jira", ["wiki", "md", "plain"])
def _t(ctx):
    ctx.flavor = "web"
    rng = ctx.rng
    p = ctx.patient(min_age=20)
    ma, an, rep = ctx.staff(3)
    sent = ctx.now - dt.timedelta(hours=rng.randint(3, 48))
    orig = (f"From: {p.nm('fl')} <{p.email_()}>\nDate: {D(ts_fmt(sent, 'outlook'), 'date')}\nTo: {ma.n()} <{ma.em()}>\n"
            f"Subject: cant see my after visit summary\n\nHi, the app says \"document unavailable\" for my visit on {p.d('service', 'us_short')}. "
            f"Can you resend? My birthday is {p.dob_('long')} in case you need it.\n{p.nm('g')}")
    fwd = (f"From: {ma.n()} <{ma.em()}>\nSent: {D(ts_fmt(ctx.now, 'outlook'), 'date')}\nTo: {mbox(ctx, 'helpdesk')}\n"
           f"Subject: FW: cant see my after visit summary\n\nForwarding, third one this week. MRN {p.mrn_()}.\n\n{orig}")
    desc = [Pg("Created from email:"), Quote(fwd)]
    core = [(an, [Pg("AVS documents for visits after the upgrade have a null document class, so the portal hides them."),
                  Pre(log_lines(ctx, 2 if ctx.short else rng.randint(4, 9), style="json",
                                inject=[f"AVS lookup returned document_class=null for MRN {p.mrn_()}"]))]),
            (rep, [Pg("Backfill script ran; the patient can see it now. Replied to the MA.")])]
    return jira_issue(ctx, "FW: patient cannot see after visit summary", desc, thread(ctx, core), itype="Incident", reporter=rep)


@template("patient_email", "pe_deep_quoted_original", MAIL_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    c = rng.choice(CONDITIONS)
    first = (f"Hello,\n\nI had a procedure on {p.d('admit', 'long')} and I still have not received the itemized bill I asked for. "
             f"Account {p.acct_()}. My address changed to {p.addr1()}. Please send it there.\n\nRegards,\n{p.nm('fl')}\n{p.phone_('paren', cell=True)}")
    staff = ctx.staff(3)
    replies = [(staff[0], pt_addr(p), f"Dear {p.title()} {p.nm('f')},\n\nThank you, I have forwarded your request to the billing office.\n\n{staff[0].n()}\nPatient Relations")]
    replies.append((staff[1], staff[0], f"Adding {staff[2].n('g')} from Billing Systems; the itemized statement job failed for this account type.\n\n{staff[1].n('g')}"))
    for i in range(ctx.n):
        a = ctx.staff()
        replies.append((a, staff[1], mail_body(ctx, a, "billing")))
    replies.append((staff[2], staff[1], f"Job rerun, statement mailed. Closing on our side.\n\n{staff[2].n('g')}"))
    if ctx.short:
        replies = replies[:1]
    return reply_chain(ctx, ctx.layout.split("_")[0], pt_addr(p), None, "Itemized bill request", first, replies,
                       first_to=f"Patient Relations <{mbox(ctx, 'patientrelations')}>")


@template("patient_email", "pe_daughter_about_father", MAIL_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    dad = ctx.patient(sex="m", age=rng.randint(90, 98)) if rng.random() < 0.4 else ctx.patient(sex="m", min_age=68)
    dau = ctx.patient(culture=dad.culture, sex="f", min_age=35, max_age=66)
    cm = ctx.staff()
    body = (f"Dear care team,\n\nI am writing about my father, {dad.nm('flm')}, born {dad.dob_('us')} (MRN {dad.mrn_()}). He was discharged on "
            f"{dad.d('discharge', 'long')} and the home health agency has not called. He lives alone at {dad.street_()}, {dad.city_()}. "
            f"He is {dad.age_('{}')} and I am worried.\n\nMy number is {dau.phone_('dash')}.\n\n{dau.nm('fl')}" +
            (f" ({dau.nm('native')})" if dau.native else ""))
    replies = []
    if not ctx.short:
        replies.append((cm, pt_addr(dau), f"Dear {dau.nm('g')},\n\nI called the agency; the first visit is scheduled for tomorrow morning. "
                                          f"I will call you after it.\n\n{cm.n()}, RN\nCase Management"))
        for i in range(ctx.n):
            a = ctx.staff()
            replies.append((a, cm, mail_body(ctx, a, "care")))
    return reply_chain(ctx, ctx.layout.split("_")[0], pt_addr(dau), None, f"My father {dad.nm('g')}", body, replies,
                       first_to=f"{cm.n()} <{cm.em()}>")


@template("patient_email", "pe_spanish_patient", MAIL_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(culture=rng.choice(["mexican", "puerto_rican"]), min_age=20)
    st = ctx.staff()
    body = (f"Buenas tardes,\n\nMe llamo {p.nm('fl')} y mi fecha de nacimiento es {p.dob_('dot' if rng.random() < 0.3 else 'us')}. "
            f"Necesito cambiar mi cita del {p.d('service', 'dmy')} porque no tengo transporte. Mi número de expediente es {p.mrn_()}. "
            f"Pueden llamarme al {p.phone_('paren', cell=True)} o escribirme a este correo.\n\nVivo en {p.street_()}, {p.city_()}.\n\nGracias,\n{p.nm('g')}")
    replies = []
    if not ctx.short:
        replies.append((st, pt_addr(p), f"Hola {p.nm('g')},\n\nSu cita fue cambiada. Le enviamos los detalles por mensaje de texto.\n\n{st.n()}\nCentro de Citas"))
        for i in range(ctx.n):
            a = ctx.staff()
            replies.append((a, st, mail_body(ctx, a, "sched")))
    return reply_chain(ctx, ctx.layout.split("_")[0], pt_addr(p), None, "Cambio de cita", body, replies,
                       first_to=f"Citas <{mbox(ctx, 'citas')}>")


NATIVE_MAIL = {
    "chinese": ("您好！", "患者姓名：{child}\n出生日期：{dob}\n病历号：{mrn}\n家长：{parent}\n电话：{phone}", "孩子这几天一直发烧，想预约儿科门诊。谢谢！"),
    "korean": ("안녕하세요.", "환자 이름: {child}\n생년월일: {dob}\n등록번호: {mrn}\n보호자: {parent}\n연락처: {phone}", "아이가 계속 기침을 해서 예약을 변경하고 싶습니다. 감사합니다."),
    "japanese": ("お世話になっております。", "患者氏名：{child}\n生年月日：{dob}\n診察券番号：{mrn}\n保護者：{parent}\n電話：{phone}", "予約の変更をお願いいたします。よろしくお願いいたします。"),
    "russian": ("Здравствуйте!", "Пациент: {child}\nДата рождения: {dob}\nНомер карты: {mrn}\nРодитель: {parent}\nТелефон: {phone}", "Прошу перенести приём ребёнка на следующую неделю. Спасибо."),
    "ukrainian": ("Добрий день!", "Пацієнт: {child}\nДата народження: {dob}\nНомер картки: {mrn}\nМати: {parent}\nТелефон: {phone}", "Прошу передзвонити щодо результатів аналізів. Дякую."),
    "arabic": ("السلام عليكم،", "اسم المريض: {child}\nتاريخ الميلاد: {dob}\nرقم الملف: {mrn}\nولي الأمر: {parent}\nالهاتف: {phone}", "أرجو تغيير موعد ابني. شكراً لكم."),
    "hindi": ("नमस्ते,", "मरीज़ का नाम: {child}\nजन्म तिथि: {dob}\nएमआरएन: {mrn}\nअभिभावक: {parent}\nफ़ोन: {phone}", "कृपया मेरे बच्चे की अपॉइंटमेंट बदल दीजिए। धन्यवाद।"),
    "greek": ("Καλησπέρα σας,", "Ασθενής: {child}\nΗμερομηνία γέννησης: {dob}\nΑριθμός φακέλου: {mrn}\nΓονέας: {parent}\nΤηλέφωνο: {phone}", "Παρακαλώ καλέστε με για τα αποτελέσματα. Ευχαριστώ."),
    "hebrew": ("שלום רב,", "שם המטופל: {child}\nתאריך לידה: {dob}\nמספר תיק: {mrn}\nהורה: {parent}\nטלפון: {phone}", "אבקש לשנות את התור של הילד. תודה."),
    "thai": ("สวัสดีค่ะ", "ชื่อผู้ป่วย: {child}\nวันเกิด: {dob}\nเลขที่เวชระเบียน: {mrn}\nผู้ปกครอง: {parent}\nโทร: {phone}", "ขอเลื่อนนัดของลูกค่ะ ขอบคุณค่ะ"),
    "persian": ("سلام،", "نام بیمار: {child}\nتاریخ تولد: {dob}\nشماره پرونده: {mrn}\nوالد: {parent}\nتلفن: {phone}", "لطفاً وقت ویزیت فرزندم را تغییر دهید. ممنون."),
    "armenian": ("Բարև Ձեզ,", "Հիվանդ: {child}\nԾննդյան ամսաթիվ: {dob}\nՔարտի համար: {mrn}\nԾնող: {parent}\nՀեռախոս: {phone}", "Խնդրում եմ փոխել երեխայի այցելության ժամը: Շնորհակալություն:"),
    "amharic": ("ሰላም፣", "የታካሚ ስም: {child}\nየትውልድ ቀን: {dob}\nየካርድ ቁጥር: {mrn}\nወላጅ: {parent}\nስልክ: {phone}", "እባክዎ የልጄን ቀጠሮ ይቀይሩ። እናመሰግናለን።"),
    "tamil": ("வணக்கம்,", "நோயாளி பெயர்: {child}\nபிறந்த தேதி: {dob}\nபதிவு எண்: {mrn}\nபெற்றோர்: {parent}\nதொலைபேசி: {phone}", "என் குழந்தையின் சந்திப்பை மாற்றவும். நன்றி."),
}


@template("patient_email", "pe_native_script_parent", MAIL_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    cul = rng.choice(sorted(NATIVE_MAIL))
    kid = ctx.patient(culture=cul, min_age=1, max_age=14)
    par = ctx.patient(culture=cul, sex=rng.choice("mf"), family=(kid.family, kid.fnat) if cul not in ("russian", "greek") else None, min_age=28, max_age=50)
    hello, labels, ask = NATIVE_MAIL[cul]
    body = hello + "\n\n" + labels.format(child=kid.nm("native"), dob=kid.dob_("iso"), mrn=kid.mrn_(), parent=par.nm("native"),
                                          phone=par.phone_("dash", cell=True)) + "\n\n" + ask + "\n\n" + par.nm("native")
    interp = ctx.staff()
    replies = []
    if not ctx.short:
        replies.append((interp, ctx.staff(),
                        f"Translation for scheduling: parent {par.nm('fl')} asks to reschedule the visit for {kid.nm('fl')} (DOB {kid.dob_('us')}). "
                        f"Call back at the number below.\n\n{interp.n()}\nLanguage Services"))
        for i in range(ctx.n):
            a = ctx.staff()
            replies.append((a, interp, mail_body(ctx, a, "sched")))
    return reply_chain(ctx, ctx.layout.split("_")[0], (par.nm("native"), par.email_()), None, hello.rstrip(",，!！:"), body, replies,
                       first_to=f"Language Services <{mbox(ctx, 'interpreters')}>")


@template("patient_email", "pe_card_number_billing", MAIL_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=25)
    bill = ctx.staff()
    exp = f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}"
    body = (f"Hi,\n\nI want to pay the balance on account {p.acct_()} (${rng.randint(40, 900)}.{rng.randint(10, 99)}). The online payment page keeps timing out "
            f"so please just charge my card: {p.card_(spaced=rng.random() < 0.5)} exp {exp}. Billing zip {p.zip_()}.\n\nThank you,\n{p.nm('fl')}")
    replies = [(bill, pt_addr(p), f"Hello {p.nm('g')},\n\nFor your security please do not send card numbers by email; I have deleted it from our system "
                                  f"after processing. Please use the phone payment line next time.\n\n{bill.n()}\nPatient Financial Services")]
    for i in range(ctx.n):
        a = ctx.staff()
        replies.append((a, bill, mail_body(ctx, a, "billing")))
    if ctx.short:
        replies = []
    return reply_chain(ctx, ctx.layout.split("_")[0], pt_addr(p), None, "Payment", body, replies, first_to=f"Billing <{mbox(ctx, 'billing')}>")


@template("patient_email", "pe_eml_headers_origin_ip", ["eml"])
def _t(ctx):
    rng = ctx.rng
    p = ctx.patient(min_age=18)
    srv = private_ip(rng)
    hdrs = (f"Received: from mx{rng.randint(1, 4)}.{ctx.org['domain']} ({srv}) by exch{rng.randint(1, 9)}.{ctx.org['domain']} with SMTP; "
            f"{ts_fmt(ctx.now, 'mail')}\nX-Originating-IP: [{p.ip_()}]\nX-MS-Exchange-Organization-SCL: 1\n"
            f"Authentication-Results: spf=pass smtp.mailfrom={p.email.split('@')[1]}\n")
    body = (f"To whom it may concern,\n\nPlease cancel my MRI on {P(fdate(ctx.now + dt.timedelta(days=rng.randint(2, 20)), 'us'), 'date')}. "
            f"I will reschedule when I am back from travel.\n\n{p.nm('fl')}\nDOB {p.dob_('us')}\n{p.phone_('paren')}")
    if ctx.n or not ctx.short:
        prep = ["Please arrive 30 minutes before your appointment to complete the safety questionnaire.",
                "Remove all metal objects, including jewelry, hair clips and hearing aids, before entering the scanner room.",
                "Tell the technologist if you have a pacemaker, defibrillator, neurostimulator, cochlear implant or any implanted device.",
                "If your exam uses contrast, you may be asked not to eat for 4 hours before the scan. Drink water as usual.",
                "If you are claustrophobic, talk to your ordering provider about medication to help you relax; you will need a driver.",
                "Bring a list of your current medications and any prior imaging CDs from outside facilities.",
                "Parking is free in Garage B; take the blue elevators to Level 1 and follow signs to Imaging.",
                "The scan usually takes 30 to 60 minutes. You will hear loud knocking sounds; earplugs are provided.",
                "To cancel or reschedule, reply to this message or call the scheduling line at least 24 hours in advance.",
                "Interpreter services are available at no cost. Let us know your preferred language when you confirm."]
        k = 3 + ctx.n
        conf = ("Your MRI appointment is confirmed.\n\nHow to prepare:\n" +
                "\n".join(f"- {prep[i % len(prep)]}" for i in range(min(k, len(prep)))) +
                "".join(f"\n\n{rng.choice(['Visitor policy', 'Billing questions', 'Accessibility', 'Your results', 'Price estimates'])}: " +
                        " ".join(rng.sample(prep, 3)) for _ in range(max(0, k - len(prep)))) +
                f"\n\nThis message was sent from an unmonitored scheduling mailbox of {ctx.orgn()}.")
        body += "\n\n" + quoted(ctx, "eml", f"Radiology Scheduling <{mbox(ctx, 'radsched')}>", ctx.now - dt.timedelta(days=rng.randint(2, 9)), conf)
    return email(ctx, "eml", f"{p.nm('fl')} <{p.email_()}>", f"Radiology Scheduling <{mbox(ctx, 'radsched')}>", ctx.now,
                 "Cancel MRI", body, extra_headers=hdrs)

# ================================================================ clean: java_stacktrace
@template("java_stacktrace", "js_hapi_parse_composite", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev = ctx.staff(2)
    tp = hl7_test_pid(ctx)
    bad = f"MSH|^~\\&|EPIC|{ctx.org['short']}|MIRTH|{ctx.org['short']}|{fdate(ctx.now, 'hl7tss')}||ADT^A08|{hl7_ctrl(rng)}|T|2.5.1\n{tp}\nPV1|1|I|4W^^^"
    desc = [Pg(f"The TST listener rejects messages whose PV1-3 is truncated. Reproduced with the {D('ZZTEST^PATIENT', 'person_name')} "
               f"fixture (documented values only):"), Code(bad, ""),
            Code(stack(ctx, EXC[0], "Can't parse message beginning MSH|^~\\&|EPIC"), "java")]
    core = [(dev, [Pg("Fix is a null guard in the mapper:"), Code(code_fix_diff(ctx), "diff")]),
            (rep, meeting_recap_blocks(ctx, "interface triage", 2 if ctx.short else 3)),
            (dev, release_excerpt_blocks(ctx))]
    if ctx.short:
        desc = desc[:1] + [Code(bad, ""), Code(stack(ctx, EXC[0], "Can't parse message beginning MSH|^~\\&|EPIC", depth=3), "java")][1:]
        core = [(rep, [Pg("Discussed in triage; fix goes in the next release:")] + release_excerpt_blocks(ctx)[1:])]
    return jira_issue(ctx, "HL7Exception on truncated PV1-3 in TST", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_spring_npe_pods", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev, ops = ctx.staff(3)
    desc = [Pg(f"adt-router pods restart every few minutes since build {rng.randint(3, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 300)}."),
            Code(stack(ctx, EXC[1], depth=3 if ctx.short else None), "java"), Pre(kube_pods(ctx))]
    core = [(ops, [Pg("Logs right before the crash:"), Pre(log_lines(ctx, 3 if ctx.short else 10, style="json"))]),
            (dev, [Pg(f"{mention(ctx, ops)} found it, PV1-3 is empty on pre-admits. Patch:"), Code(code_fix_diff(ctx), "diff")])]
    if ctx.short:
        core = [(dev, [Pg(f"{mention(ctx, ops)} PV1-3 is empty on pre-admits; null guard merged, deploying.")])]
    return jira_issue(ctx, "NullPointerException in PidMapper crash-loops adt-router", desc, thread(ctx, core), reporter=rep, assignee=dev)


def jenkins_head(ctx, job):
    rng = ctx.rng
    return (f"Started by GitHub push by {D(ctx.staff().handle, 'person_name')}\nRunning on {host(rng)} in /var/lib/jenkins/workspace/{job}\n"
            f"[Pipeline] stage (Test)\n+ ./gradlew test --no-daemon --console=plain")


@template("java_stacktrace", "js_junit_test_patient_jenkins", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev = ctx.staff(2)
    org = ctx.org["short"].lower()
    fail = (f"com.{org}.adt.PidMapperTest > mapsSsnAndPhone() FAILED\n"
            f"    org.opentest4j.AssertionFailedError: expected: <555-0142> but was: <5550142>\n"
            f"        at app//org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)\n"
            f"        at app//com.{org}.adt.PidMapperTest.mapsSsnAndPhone(PidMapperTest.java:{rng.randint(40, 200)})")
    fixture = (f"PID|1||T0001^^^{ctx.org['short']}^MR||{D('ZZTEST^PATIENT^A', 'person_name')}||19000101|U|||1 MAIN ST^^ANYTOWN^{ctx.org['state']}^00000||"
               f"^PRN^PH^^1^555^0142|||||||123-45-6789")
    desc = [Pg("PidMapperTest started failing after the phone normalizer change. Jenkins:"),
            Pre(jenkins_head(ctx, f"{org}-adt-mapper") + "\n\n" + fail + f"\n\n{rng.randint(100, 400)} tests completed, 1 failed\nBUILD FAILED")]
    core = [(dev, [Pg("Fixture used by the test (documented test values only):"), Code(fixture, "")])]
    if not ctx.short:
        core.append((dev, [Pg("Normalizer now keeps the dash for 7-digit locals:"), Code(code_fix_diff(ctx, "python"), "diff")]))
    core.append((rep, [Pg(f"Green on build #{rng.randint(200, 2000)}. Thanks {mention(ctx, dev)}.")]))
    return jira_issue(ctx, "PidMapperTest.mapsSsnAndPhone fails after normalizer change", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_kafka_deser_consumer_lag", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev, ops = ctx.staff(3)
    lag = ["GROUP           TOPIC        PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG     CONSUMER-ID"]
    for part in range(3 if ctx.short else 6):
        cur = rng.randint(10 ** 7, 5 * 10 ** 7)
        lag.append(f"adt-router      adt-events   {part:<10} {cur:<15} {cur + rng.randint(0, 90000):<15} {rng.randint(0, 90000):<7} "
                   f"consumer-adt-router-{rng.randint(1, 6)}-{uuid(rng)}")
    desc = [Pg("Consumer stops on a poison record and lag grows until someone restarts it."), Code(stack(ctx, EXC[5]), "java")]
    core = [(ops, [Pg("Lag right now:"), Pre("$ kafka-consumer-groups.sh --bootstrap-server kafka01:9092 --describe --group adt-router\n\n" + "\n".join(lag))]),
            (ops, [Pg("Dashboard (OCR of the screenshot):"), Pre(ocr_dashboard(ctx))]),
            (dev, [Pg(f"Adding an ErrorHandlingDeserializer + DLT. {mention(ctx, ops)} please create topic adt-events.DLT with 6 partitions.")])]
    if ctx.short:
        core = core[:1] + core[2:]
    return jira_issue(ctx, "adt-router stuck on poison record (SerializationException)", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_jdbc_timeout_hikari", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev, dba = ctx.staff(3)
    hik = "\n".join(f"{ts_fmt(ctx.tick(0, 2), 'log')} DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - "
                    f"Pool stats (total={rng.randint(10, 20)}, active={rng.randint(8, 20)}, idle=0, waiting={rng.randint(0, 60)})"
                    for _ in range(2 if ctx.short else rng.randint(4, 8)))
    desc = [Pg(f"The encounter ETL times out every night around 02:00 on {host(rng)} ({private_ip(rng)})."), Code(stack(ctx, EXC[2]), "java"), Pre(hik)]
    core = [(dba, [Pg("Blocking session at that time is the index rebuild job. Volumes for context:"), Pre(sql_counts(ctx))]),
            (dev, [Pg(f"Moved the ETL to 03:30 and set statement timeout to 120 s. {mention(ctx, dba)} thanks for the pointer.")])]
    return jira_issue(ctx, "Encounter ETL QueryTimeoutException at 02:00", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_oom_histogram_runbook", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev = ctx.staff(2)
    histo = [" num     #instances         #bytes  class name (module)", "-------------------------------------------------------"]
    for i, cls in enumerate(["[B (java.base@17.0.9)", "java.lang.String (java.base@17.0.9)", "ca.uhn.hl7v2.model.v251.segment.OBX",
                             "java.util.HashMap$Node (java.base@17.0.9)", "ca.uhn.hl7v2.model.GenericComposite"][:3 if ctx.short else 5]):
        histo.append(f"{i + 1:>4}:   {rng.randint(10 ** 5, 10 ** 7):>14}   {rng.randint(10 ** 7, 2 * 10 ** 9):>12}  {cls}")
    desc = [Pg("Batch export JVM dies with OOM when the ORU backlog is replayed."), Code(stack(ctx, EXC[6], depth=4), "java"),
            Pre(f"$ jmap -histo:live {rng.randint(1000, 40000)} | head\n" + "\n".join(histo))]
    core = [(dev, [Pg("Parsed messages are cached without bound. Patch caps the cache at 10k entries.")])]
    if not ctx.short:
        core.insert(0, (rep, meeting_recap_blocks(ctx, "capacity review", 2)))
        core.append((dev, release_excerpt_blocks(ctx)))
    return jira_issue(ctx, "OutOfMemoryError in batch export during ORU replay", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_ldap_lockout_iam_email", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev, iam = ctx.staff(3)
    svc = f"svc_{rng.choice(['mirth', 'etl', 'fhirgw', 'portal'])}_{rng.choice(['prd', 'tst'])}"
    mail = (f"From: {iam.n()} <{iam.em()}>\nSent: {D(ts_fmt(ctx.now, 'outlook'), 'date')}\nSubject: RE: {svc} locked\n\n"
            f"The account was locked by {rng.randint(20, 200)} bad binds from {private_ip(rng)} ({host(rng)}) between "
            f"{ctx.now.strftime('%H:%M')} and {(ctx.now + dt.timedelta(minutes=rng.randint(5, 50))).strftime('%H:%M')}. "
            f"Unlocked. Please update the password in the vault, not in the channel config.\n\n{iam.n()}\nIdentity & Access Management")
    desc = [Pg(f"All LDAP-backed logins to the engine fail; the service account {svc} is locked."), Code(stack(ctx, EXC[7]), "java")]
    core = [(rep, [Pg("IAM's reply:"), Quote(mail)])]
    if not ctx.short:
        core.append((dev, [Pg("Old password was still in a disabled channel that kept retrying. Removed."), Pre(log_lines(ctx, rng.randint(3, 7)))]))
    return jira_issue(ctx, f"LDAP bind failures lock {svc}", desc, thread(ctx, core), reporter=rep, assignee=dev)


@template("java_stacktrace", "js_fhir_422_everyman_curl", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, dev = ctx.staff(2)
    body = ('{\n  "resourceType": "Patient",\n  "identifier": [ { "system": "urn:oid:2.16.840.1.113883.19.5", "value": "12345" } ],\n'
            f'  "name": [ {{ "family": "{D("Everyman", "person_name")}", "given": [ "{D("Adam", "person_name")}" ] }} ],\n'
            '  "birthDate": "1900-01-01",\n  "gender": "male"\n}')
    oo = ('{\n  "resourceType": "OperationOutcome",\n  "issue": [ {\n    "severity": "error",\n    "code": "processing",\n'
          '    "diagnostics": "Patient.identifier[0].system: unknown OID for this tenant"\n  } ]\n}')
    curl = (f"$ curl -s -X POST https://fhir-tst.{ctx.org['domain']}/fhir/Patient -H 'Content-Type: application/fhir+json' -d @everyman.json\n{oo}")
    desc = [Pg("Creating the documented HL7 example patient in TST returns 422 since the profile update:"), Code(body, "json"), Pre(curl)]
    core = [(dev, [Pg("Server-side trace:"), Code(stack(ctx, EXC[4]), "java")]),
            (rep, [Pg("The tenant OID list was not migrated. Added it back; example creates fine.")])]
    return jira_issue(ctx, "FHIR 422 on example patient after profile update", desc, thread(ctx, core), reporter=rep, assignee=dev)

# ================================================================ clean: meeting_notes
MEET_ITEMS = {
    "sprint": ["Demo: ADT A08 filter fix ({key})", "Carry-over: FHIR subscription retries ({key})", "Velocity {k} points vs {k2} planned",
               "Tech debt: upgrade HAPI to 6.x ({key})", "Release {ver} go/no-go next Tuesday", "Test environment refresh from PRD scheduled (masked)"],
    "pir": ["Detection: alert fired {k} min after first failure", "Root cause: expired TLS certificate on {host}", "Customer impact: results delayed up to {k} min",
            "What went well: vendor joined the bridge quickly", "What to improve: no runbook for certificate rotation", "Follow-up {key}: cert expiry alerting"],
    "vendor": ["Vendor roadmap: MLLP over TLS in Q{q}", "Open cases review ({case}, {case2})", "Onsite visit logistics", "Contract renewal timeline",
               "Performance: p95 ACK time {k} ms", "Upgrade path to {ver}"],
    "cab": ["{chg} — engine patch {ver} (low risk)", "{chg} — firewall rule for new lab interface (medium)", "{chg} — DB failover test (high)",
            "{chg} — certificate renewal on {host} (low)", "Emergency change review: {chg}", "Freeze window reminder for year-end"],
    "gov": ["Extract requests pending: {k}", "De-identification: dates shifted, ages over 89 collapsed to 90+", "Minimum cell size for dashboards stays at 11",
            "Research data requests need IRB number before extraction", "Limited data set agreements: {k} active", "Audit log review schedule"],
    "golive": ["Ticket volume since go-live: {k} ({k2} closed)", "Top issue: printer mappings on {unit}", "Order sets missing in {unit}",
               "Downtime procedures rehearsed with {unit}", "Command center staffing through Sunday", "Next huddle at 16:00"],
}


def meet_item(ctx, kind):
    rng = ctx.rng
    return rng.choice(MEET_ITEMS[kind]).format(key=ctx.key(), k=rng.randint(3, 90), k2=rng.randint(3, 90), ver=f"{rng.randint(3, 9)}.{rng.randint(0, 20)}",
                                               host=host(rng), q=rng.randint(1, 4), case=digits(rng, 8), case2=digits(rng, 8),
                                               chg=f"CHG{digits(rng, 7, False)}", unit=rng.choice(UNITS_H))


def meeting_page(ctx, kind, title, extra_blocks=()):
    rng = ctx.rng
    people = ctx.staff(rng.randint(4, 7))
    n_items = (2 if ctx.short else 4) + min(ctx.n, 30)
    ctx.page_comments = max(0, ctx.n - 30)
    rows = []
    t = ctx.now.replace(minute=0)
    for i in range(n_items):
        rows.append([t.strftime("%H:%M"), meet_item(ctx, kind), rng.choice(people).n()])
        t += dt.timedelta(minutes=rng.choice([5, 10, 15]))
    blocks = [Pg(f"Date: {ctx.now.strftime('%Y-%m-%d')}   Attendees: " + ", ".join(mention(ctx, s) for s in people))]
    if not ctx.short:
        blocks.append(Pre(dial_in(ctx)))
    blocks += [H("Discussion"), Table(["Time", "Item", "Who"], rows)]
    blocks += list(extra_blocks)
    acts = ["update the runbook", "open a vendor case", "schedule the CAB item", "add an alert for this failure mode", "close the duplicate tickets",
            "confirm the cutover time with the vendor", "send the summary to the steering group", "book the follow-up session",
            "draft the communication for the clinics", "check the DR node config", "review the test plan", "update the dashboard filters"]
    blocks += [H("Action items"), task_list(ctx, [f"{mention(ctx, rng.choice(people))} {a} (due {(ctx.now + dt.timedelta(days=rng.randint(2, 14))).strftime('%b %d')})"
                                                  for a in rng.sample(acts, 2 if ctx.short else 4)])]
    return conf_page(ctx, title, blocks, [(people[0], "Notes"), (people[1], "Action items added")] if not ctx.short else None)


@template("meeting_notes", "mn_sprint_review_page", ["cwiki", "cmd", "html"])
def _t(ctx):
    extra = [] if ctx.short else [H("Release excerpt")] + release_excerpt_blocks(ctx)
    return meeting_page(ctx, "sprint", f"Sprint {ctx.rng.randint(40, 140)} review — Integration", extra)


@template("meeting_notes", "mn_incident_pir_timeline", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    extra = [H("Evidence")]
    extra.append(Pre(log_lines(ctx, 2 if ctx.short else rng.randint(5, 10), inject=[f"SSL handshake failed with {private_ip(rng)}:6661: certificate expired"])))
    if not ctx.short:
        extra.append(Code(stack(ctx, EXC[3], depth=5), "java"))
    return meeting_page(ctx, "pir", f"PIR — interface outage {ctx.now.strftime('%b %d')}", extra)


@template("meeting_notes", "mn_vendor_sync_minutes_email", ["outlook", "gmail", "eml"])
def _t(ctx):
    rng = ctx.rng
    pm = ctx.staff()
    vend = ctx.staff(2)
    vdom = rng.choice(["corepoint-support.example.com", "interfaceware.example.net", "rhapsody-care.example.org"])
    items = [meet_item(ctx, "vendor") for _ in range(3 if ctx.short else 5 + min(ctx.n, 8))]
    body = (f"Hi all,\n\nMinutes from today's vendor sync.\n\nAttendees: {', '.join(s.n() for s in ctx.staff(3))}; from the vendor "
            f"{vend[0].n()} ({D(fold(vend[0].given).lower() + '@' + vdom, 'staff_contact')}) and {vend[1].n()}.\n\n" +
            "\n".join(f"{i + 1}. {it}" for i, it in enumerate(items)))
    if ctx.n > 8:
        body += "\n\nDiscussion notes:\n" + "\n".join(f"- {clean_text(ctx)}" for _ in range(ctx.n - 8))
    if not ctx.short:
        body += (f"\n\nOnsite visit: {facility_line(ctx, 0)}. Badge pickup at the main lobby security desk.\n\n"
                 f"Next sync (same bridge):\n{dial_in(ctx, 'webex')}")
    body += f"\n\nThanks,\n{pm.n()}\nIntegration Program Manager | {D(pm.phone, 'staff_contact')} (office)"
    return email(ctx, ctx.layout.split("_")[0], f"{pm.n()} <{pm.em()}>", f"{mbox(ctx, 'integration-team')}", ctx.now,
                 "Minutes: interface engine vendor sync", body)


@template("meeting_notes", "mn_cab_minutes", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    rows = []
    for i in range(3 if ctx.short else 6 + min(ctx.n, 40)):
        rows.append([f"CHG{digits(rng, 7, False)}", rng.choice(["Engine patch", "Firewall rule", "DB failover test", "Cert renewal", "OS patching",
                                                              "Kafka broker upgrade", "FHIR gateway config"]) + f" ({host(rng)})",
                     rng.choice(["Low", "Medium", "High"]), ctx.staff().n(), rng.choice(["Approved", "Approved", "Deferred", "Rejected", "Needs info"])])
    ctx.page_comments = max(0, ctx.n - 40)
    blocks = [Pg(f"CAB {ctx.now.strftime('%Y-%m-%d')}. Quorum met. Chair: {ctx.staff().n()}."), Table(["Change", "Summary", "Risk", "Owner", "Decision"], rows)]
    if not ctx.short:
        blocks += [H("Notes"), UL([meet_item(ctx, "cab") for _ in range(3)]), Pre(dial_in(ctx, "teams"))]
    return conf_page(ctx, f"CAB minutes {ctx.now.strftime('%Y-%m-%d')}", blocks, [(ctx.staff(), "Minutes")])


@template("meeting_notes", "mn_data_governance_aggregates", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    rows = [[b, str(rng.randint(200, 90000))] for b in ["0-17", "18-44", "45-64", "65-89", "90+"]]
    blocks = [Pg("Data governance committee. Discussion of the de-identified encounter extract for the analytics vendor."),
              UL([meet_item(ctx, "gov") for _ in range(3 if ctx.short else 5)]),
              Pg("Counts by age band in the proposed extract (patients aged 90 and older are reported only as 90+):"), Table(["Age band", "Patients"], rows)]
    if not ctx.short:
        blocks += [Code("select case when age >= 90 then '90+' when age >= 65 then '65-89' when age >= 45 then '45-64'\n"
                        "            when age >= 18 then '18-44' else '0-17' end as band, count(distinct pat_key)\n  from deid.encounter_extract group by 1;", "sql"),
                   Pg("ZIP codes are truncated to 3 digits; 3-digit areas under 20,000 people become 000.")]
        for i in range(ctx.n):
            blocks.append(Pg(meet_item(ctx, "gov")))
    return conf_page(ctx, f"Data governance — {ctx.now.strftime('%B %Y')}", blocks, [(ctx.staff(), "Minutes"), (ctx.staff(), "Counts added")])


@template("meeting_notes", "mn_golive_command_center", ["cwiki", "cmd", "html"])
def _t(ctx):
    return meeting_page(ctx, "golive", f"Go-live command center huddle {ctx.now.strftime('%m/%d %H:%M')}",
                        [] if ctx.short else [H("Ticket volume by area"), Pre(sql_counts(ctx))])


@template("meeting_notes", "mn_standup_slack_teams", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    team = ctx.staff(rng.randint(3, 5))
    msgs = []
    for s in team:
        msgs.append((s, f"y: {lower_out(clean_text(ctx).split('.')[0])}. t: {lower_out(meet_item(ctx, 'sprint'))}. blockers: {rng.choice(['none', 'TST down', 'waiting on vendor', 'CAB approval'])}"))
    for i in range(ctx.n):
        msgs.append((rng.choice(team), clean_text(ctx)))
    desc = [Pg("Standup notes (copied from #integration-standup):"), Pre(slack_lines(ctx, msgs))]
    core = [] if ctx.short else [(team[0], [Pg("Teams link for Thursday's planning:"), Pre(dial_in(ctx, "teams"))])]
    return jira_issue(ctx, f"Standup notes week {ctx.now.isocalendar()[1]}", desc, core, itype="Task", reporter=team[0])


@template("meeting_notes", "mn_retro_composite", ["cmd", "cwiki", "html"])
def _t(ctx):
    rng = ctx.rng
    people = ctx.staff(rng.randint(4, 6))
    went_well = ["Vendor bridge opened within 10 minutes", "Rollback plan worked as written", "Clinics were informed early",
                 "Synthetic test messages caught the mapping issue in TST", "On-call handoff was clean"]
    improve = ["Alert fired late; threshold too high", "No owner for the certificate inventory", "Release notes missed the config change",
               "Too many people on the bridge", "Downtime forms were out of date on two units"]
    blocks = [Pg(f"Retro for release {rng.randint(3, 9)}.{rng.randint(0, 20)} — attendees: " + ", ".join(mention(ctx, s) for s in people)),
              H("What went well"), UL(rng.sample(went_well, 2 if ctx.short else 4)), H("What to improve"), UL(rng.sample(improve, 2 if ctx.short else 4))]
    if not ctx.short:
        blocks += [H("The exception that started it"), Code(stack(ctx, depth=6), "java"), H("Release excerpt")] + release_excerpt_blocks(ctx)
        blocks += [H("Config fix"), Code(clean_diff_yaml(ctx), "diff"), H("Dashboard at the time (OCR)"), Pre(ocr_dashboard(ctx)),
                   H("Next retro"), Pre(dial_in(ctx)), Pg(f"In person: {facility_line(ctx, 0)}, conference room {rng.randint(100, 499)}{rng.choice('ABC')}.")]
    ctx.page_comments = ctx.n
    return conf_page(ctx, f"Retro — {ctx.now.strftime('%B %d')}", blocks, [(people[0], "Retro notes")])

# ================================================================ clean: validator_diff
def pr_clean(ctx, title, desc, files, comments_core, ci=None):
    cm = list(comments_core)
    for s, b in filler_comments(ctx, ctx.n):
        cm.insert(ctx.rng.randint(0, len(cm)), (s, b))
    return pull_request(ctx, title, desc, files, cm, ci=ci)


def _grow_vectors(ctx, base, maker, cap=40):
    k = min(ctx.n, cap)
    ctx.n = max(0, ctx.n - cap)
    return base + [maker(i) for i in range(k)]


@template("validator_diff", "vd_ssn_validator_java", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    org = ctx.org["short"].lower()
    invalid = ["000-12-3456", "666-45-6789", "900-12-3456", "987-65-4321", "123-00-4567", "123-45-0000", "078-05-112"]
    tests = ['    @ParameterizedTest', '    @ValueSource(strings = {' + ", ".join(f'"{v}"' for v in invalid[:4 if ctx.short else 7]) + '})',
             '    void rejectsInvalidRanges(String ssn) {', '        assertFalse(SsnValidator.isValid(ssn));', '    }', '',
             '    @Test', '    void documentedExampleIsRejectedAsTestValue() {',
             '        // 123-45-6789 is the documented example, never a real number', '        assertFalse(SsnValidator.isValid("123-45-6789"));', '    }']
    tests = _grow_vectors(ctx, tests, lambda i: f'    @Test void rejectsNeverIssuedArea{i}() {{ assertFalse(SsnValidator.isValid("{rng.choice(["000", "666", "9" + digits(rng, 2, False)])}-{digits(rng, 2, False)}-{digits(rng, 4, False)}")); }}')
    impl = ['        return SSN.matcher(s).matches();', '        Matcher m = SSN.matcher(s);', '        if (!m.matches()) return false;',
            '        String area = m.group(1), group = m.group(2), serial = m.group(3);',
            '        if (area.equals("000") || area.equals("666") || area.charAt(0) == \'9\') return false;',
            '        return !group.equals("00") && !serial.equals("0000") && !s.equals("123-45-6789");']
    files = [(f"src/main/java/com/{org}/validation/SsnValidator.java", mod_hunk(ctx, ["    public static boolean isValid(String s) {"], impl[:1], impl[1:], ["    }"])),
             (f"src/test/java/com/{org}/validation/SsnValidatorTest.java", new_hunk(tests, rng.randint(20, 60)))]
    if ctx.short:
        files = files[1:]
        tests[:] = tests[:5]
    desc = [Pg("SSA rules: area 000, 666 and 900-999 never issued; group 00 and serial 0000 invalid. The documented example is rejected as a test value.")]
    cm = [(ctx.staff(), [Pg("Should 987-65-4320 to 4329 (advertising range) be rejected too? They're in the 9xx area anyway, so covered.")])]
    if ctx.short:
        files = [(files[0][0], new_hunk(tests[:5], 20))]
    return pr_clean(ctx, "SsnValidator: SSA range rules", desc, files, cm, ci=None if ctx.short else ci_log(ctx))


@template("validator_diff", "vd_nanp_phone_python_pytest", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    vec = [("(212) 555-0147", "+12125550147"), ("212.555.0100", "+12125550100"), ("1-617-555-0199", "+16175550199"),
           ("555-0123", None), ("(123) 456-7890", None), ("911", None)]
    lines = ["import pytest", "from phone import normalize", "", "@pytest.mark.parametrize('raw,expected', ["]
    lines += [f"    ({r!r}, {e!r})," for r, e in vec[:4 if ctx.short else 6]]
    lines = _grow_vectors(ctx, lines, lambda i: f"    ('{rng.choice(['201', '312', '415', '646', '808'])}-555-01{i % 100:02d}', '+1{rng.choice(['201', '312'])}55501{i % 100:02d}'),")
    lines += ["])", "def test_normalize(raw, expected):", "    assert normalize(raw) == expected"]
    out = (f"$ pytest tests/test_phone.py -q\n{'.' * rng.randint(6, 30)}{'F' if rng.random() < 0.3 else ''}\n"
           f"{rng.randint(6, 40)} passed in 0.{rng.randint(10, 99)}s")
    files = [("tests/test_phone.py", new_hunk(lines), "new")]
    desc = [Pg("NANP normalizer: only fictional 555-01xx numbers in tests (reserved for fiction), area codes starting with 0/1 rejected.")]
    cm = [(ctx.staff(), [Pg("Test run:"), Code(out)])]
    return pr_clean(ctx, "Phone normalizer tests with fictional numbers", desc, files, cm)


@template("validator_diff", "vd_mbi_npi_typescript_jest", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    ts = ["import { isValidMbi, isValidNpi } from '../src/identifiers';", "", "describe('identifiers', () => {",
          "  it('accepts the CMS example MBI', () => expect(isValidMbi('1EG4-TE5-MK73')).toBe(true));",
          "  it('rejects S, L, O, I, B, Z', () => expect(isValidMbi('1SG4-TE5-MK73')).toBe(false));",
          "  it('accepts the documented NPI', () => expect(isValidNpi('1234567893')).toBe(true));",
          "  it('rejects a bad check digit', () => expect(isValidNpi('1234567890')).toBe(false));"]
    ts = _grow_vectors(ctx, ts, lambda i: f"  it('rejects malformed case {i}', () => expect(isValidMbi('{rng.choice(['0', 'A', '1'])}{alnum(rng, 10, 'BILOSZ0123')}')).toBe(false));")
    ts.append("});")
    jest = (f"PASS  test/identifiers.test.ts\n  identifiers\n    ✓ accepts the CMS example MBI (2 ms)\n    ✓ rejects S, L, O, I, B, Z\n"
            f"    ✓ accepts the documented NPI (1 ms)\n    ✓ rejects a bad check digit\n\nTests:       {len(ts) - 4} passed\nTime:        {rng.uniform(0.5, 3):.2f} s")
    files = [("test/identifiers.test.ts", new_hunk(ts), "new")]
    desc = [Pg("MBI per the CMS format (positions 2, 5, 8, 9 letters without S/L/O/I/B/Z) and NPI with the 80840 Luhn prefix.")]
    return pr_clean(ctx, "MBI and NPI validators", desc, files, [(ctx.staff(), [Pg("CI:"), Code(jest)])])


@template("validator_diff", "vd_pid_parser_kotlin", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    pid = (f"PID|1||T{digits(rng, 6)}^^^TEST^MR||{D('ZZTEST^PATIENT^ONE', 'person_name')}||19000101|U|||1 TEST WAY^^ANYTOWN^{ctx.org['state']}^00000||"
           f"^PRN^PH^^1^555^0100|||||||123-45-6789")
    kt = ["class PidParserTest {", "    private val pid = \"\"\"", "        " + pid, "    \"\"\".trimIndent()", "",
          "    @Test fun `parses test patient name`() {", f"        assertEquals(\"ZZTEST\", parse(pid).familyName)", "    }",
          "    @Test fun `keeps documented SSN as test value`() {", "        assertTrue(parse(pid).ssnIsTestValue)", "    }"]
    kt = _grow_vectors(ctx, kt, lambda i: f"    @Test fun `handles empty component {i}`() {{ assertNull(parse(pid.replace(\"^MR\", \"\")).idType{i % 3}) }}")
    kt.append("}")
    out = (f"> Task :hl7-parser:test\n\nPidParserTest > parses test patient name() PASSED\nPidParserTest > keeps documented SSN as test value() PASSED\n\n"
           f"BUILD SUCCESSFUL in {rng.randint(10, 90)}s")
    files = [("src/test/kotlin/PidParserTest.kt", new_hunk(kt), "new")]
    desc = [Pg(f"Parser tests use only the {D('ZZTEST', 'person_name')} patient and documented values (DOB 19000101, ZIP 00000, 555-0100).")]
    return pr_clean(ctx, "PID parser tests", desc, files, [(ctx.staff(), [Pg("Gradle:"), Code(out)])])


@template("validator_diff", "vd_age_bucket_sql_dbt", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    sql = ["select", "    pat_key,", "    case", "        when age_years >= 90 then '90+'  -- Safe Harbor: ages over 89 aggregated",
           "        else cast(age_years as varchar)", "    end as age_display,", "    left(zip, 3) as zip3,", "    extract(year from birth_date) as birth_year",
           "from {{ ref('stg_patient') }}"]
    old = ["    age_years as age_display,", "    zip,", "    birth_date"]
    files = [("models/deid/deid_patient.sql", mod_hunk(ctx, ["select", "    pat_key,"], old, sql[2:8], ["from {{ ref('stg_patient') }}"]))]
    y = ["  - name: deid_patient", "    columns:", "      - name: age_display", "        tests:", "          - accepted_values:",
         "              values: " + "['90+'] + [str(a) for a in range(0, 90)]"]
    y = _grow_vectors(ctx, y, lambda i: f"      - name: derived_col_{i}\n        tests: [not_null]", cap=30)
    files.append(("models/deid/schema.yml", new_hunk(y, rng.randint(10, 40))))
    run = (f"$ dbt test --select deid_patient\n{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}  1 of 3 START test accepted_values_deid_patient_age_display\n"
           f"{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}  1 of 3 PASS accepted_values_deid_patient_age_display ... [PASS in 2.{rng.randint(10, 99)}s]\n"
           f"Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3")
    desc = [Pg("Top-codes ages at 90+, truncates ZIP to 3 digits and keeps only the birth year in the de-identified model.")]
    return pr_clean(ctx, "deid_patient: Safe Harbor age/ZIP/date handling", desc, files, [(ctx.staff(), [Pg("dbt:"), Code(run)])])


@template("validator_diff", "vd_luhn_mask_go_bench", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    go = ["func TestMaskPAN(t *testing.T) {", "\tcases := []struct{ in, want string }{",
          "\t\t{\"4111111111111111\", \"************1111\"},", "\t\t{\"4111 1111 1111 1111\", \"**** **** **** 1111\"},",
          "\t\t{\"4111111111111112\", \"4111111111111112\"}, // fails Luhn, not a PAN", "\t\t{\"1234567893\", \"1234567893\"}, // NPI, 10 digits"]
    go = _grow_vectors(ctx, go, lambda i: f"\t\t{{\"order-{digits(rng, 8)}\", \"order-{'x' * 0}{digits(rng, 8)}\"}}, // not a card", cap=30)
    go += ["\t}", "\tfor _, c := range cases {", "\t\tif got := MaskPAN(c.in); got != c.want {", "\t\t\tt.Errorf(\"MaskPAN(%q) = %q\", c.in, got)", "\t\t}", "\t}", "}"]
    bench = (f"$ go test ./mask/ -bench . -benchmem\ngoos: linux\ngoarch: amd64\nBenchmarkMaskPAN-8   \t{rng.randint(1000000, 9000000)}\t  {rng.randint(100, 900)} ns/op\t  "
             f"{rng.randint(32, 256)} B/op\t  {rng.randint(1, 6)} allocs/op\nPASS\nok  \tgithub.com/{ctx.org['short'].lower()}/logscrub/mask\t{rng.uniform(1, 4):.3f}s")
    files = [("mask/pan_test.go", new_hunk(go), "new")]
    desc = [Pg("Log scrubber masks card numbers only when they pass Luhn; test PAN from the processor docs.")]
    return pr_clean(ctx, "logscrub: mask PANs that pass Luhn", desc, files, [(ctx.staff(), [Pg("Bench:"), Code(bench)])])


@template("validator_diff", "vd_fhir_identifier_systems_yaml", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    y = ["identifierSystems:", "  mrn:", f"    system: https://{ctx.org['domain']}/fhir/sid/mrn", "    pattern: '^[A-Z]?[0-9]{7,9}$'",
         "  ssn:", "    system: http://hl7.org/fhir/sid/us-ssn", "    pattern: '^[0-8][0-9]{2}-?[0-9]{2}-?[0-9]{4}$'", "    example: 123-45-6789",
         "  mbi:", "    system: http://hl7.org/fhir/sid/us-mbi", "    example: 1EG4-TE5-MK73", "  npi:", "    system: http://hl7.org/fhir/sid/us-npi",
         "    example: '1234567893'"]
    y = _grow_vectors(ctx, y, lambda i: f"  local{i}:\n    system: urn:oid:2.16.840.1.113883.3.{rng.randint(1000, 9999)}.{i}\n    pattern: '^[0-9]{{{rng.randint(6, 10)}}}$'", cap=30)
    rep = (f"$ java -jar validator_cli.jar patient-example.json -ig identifiers.yaml\n*FAILURE*: 0 errors, 1 warnings, 0 notes\n"
           "  Warning @ Patient.identifier[1]: value matches the documented test SSN; allowed in examples only")
    files = [("config/identifiers.yaml", mod_hunk(ctx, ["# identifier systems used by the FHIR gateway"], ["identifierSystems: {}"], y))]
    desc = [Pg("Declares identifier systems and patterns for the gateway validator; examples are the documented test values.")]
    return pr_clean(ctx, "Identifier systems config", desc, files, [(ctx.staff(), [Pg("Validator on the example:"), Code(rep)])])

# ================================================================ clean: release_notes
def change_items(ctx, k):
    rng = ctx.rng
    pool = ["Fixed ACK timeout handling on {chan} ({key})", "Added retry with exponential backoff to HTTP destinations ({key})",
            "PID-3 repetitions now matched by assigning authority ({key})", "Upgraded HAPI FHIR to 6.{m}.{p} ({key})",
            "TLS 1.0/1.1 disabled on all MLLP listeners ({key})", "New metric hl7_queue_depth per channel ({key})",
            "Removed deprecated /v1/patients search endpoint ({key})", "Reduced memory use of the message pruner by ~{k}% ({key})",
            "Portal: appointment check-in window extended to 7 days ({key})", "Claims: new edit for modifier 25 with E/M codes ({key})",
            "Warehouse: encounter fact now partitioned by month ({key})", "Security: dependency updates for {cve} ({key})"]
    out = []
    for _ in range(k):
        out.append(rng.choice(pool).format(chan=rng.choice(CHANNELS), key=ctx.key(), m=rng.randint(0, 10), p=rng.randint(0, 9), k=rng.randint(10, 60),
                                           cve=f"CVE-{rng.randint(2023, 2026)}-{rng.randint(1000, 49999)}"))
    return out


@template("release_notes", "rn_engine_page_nodes", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    v = f"{rng.randint(3, 5)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
    nodes = [[host(rng), private_ip(rng), rng.choice(["primary", "secondary", "DR"]), v] for _ in range(2 if ctx.short else 4)]
    blocks = [Pg(f"Release {v} (build {rng.randint(1000, 9999)}) deployed to PRD on {ctx.now.strftime('%Y-%m-%d')} in the CAB window."),
              H("Changes"), UL(change_items(ctx, 3 if ctx.short else 5 + min(ctx.n, 40))), H("Nodes"), Table(["Host", "IP", "Role", "Version"], nodes)]
    ctx.page_comments = max(0, ctx.n - 40)
    if not ctx.short:
        blocks += [H("Known issues"), Pg("A handful of channels log the exception below on first start; harmless, fixed in the next patch."),
                   Code(stack(ctx, rng.choice(EXC[:4]), depth=5), "java")]
    return conf_page(ctx, f"Interface engine release {v}", blocks, [(ctx.staff(), "Release notes"), (ctx.staff(), "Node table")])


@template("release_notes", "rn_portal_changelog_diff", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    v = f"{rng.randint(2, 6)}.{rng.randint(0, 30)}.0"
    md = [f"## [{v}] - {ctx.now.strftime('%Y-%m-%d')}", "### Added"] + [f"- {i}" for i in change_items(ctx, 2)] + ["### Fixed"] + \
         [f"- {i}" for i in change_items(ctx, 2 if ctx.short else 3 + min(ctx.n, 40))]
    ctx.n = max(0, ctx.n - 40)
    files = [("CHANGELOG.md", mod_hunk(ctx, ["# Changelog", ""], [], md + [""], [f"## [{v[:-1]}{rng.randint(0, 9)}] - earlier"]))]
    crash = (f"Crash-free sessions (7 days): iOS {rng.uniform(98, 99.9):.2f}%  Android {rng.uniform(97, 99.9):.2f}%\n"
             f"Top crash: java.lang.IllegalStateException in AppointmentListFragment ({rng.randint(10, 400)} events)")
    return pr_clean(ctx, f"Release {v}", [Pg("Changelog for the portal release. App store text is in the description of the mobile PR.")], files,
                    [(ctx.staff(), [Pg("Crash stats from the last release for comparison:"), Code(crash)])])


@template("release_notes", "rn_claims_edits_email", ["outlook", "gmail", "eml"])
def _t(ctx):
    rng = ctx.rng
    rel = ctx.staff()
    rows = []
    for i in range(3 if ctx.short else 5 + 2 * ctx.n):
        c = rng.choice(CPTS)
        d = rng.choice(CONDITIONS)
        rows.append(f"{rng.randint(100, 999)}\t{cpt(c[0])} {c[1]}\t{icd(d[1])} {cond(d[0])}\t{rng.choice(['new', 'changed', 'retired'])}\t{rng.randint(0, 900)} claims/month")
    body = (f"Hello revenue cycle team,\n\nClaim edit release {ctx.now.strftime('%Y.%m')}-{rng.randint(1, 4)} goes live Monday. Edits affected:\n\n"
            "Edit\tProcedure\tDiagnosis\tChange\tVolume\n" + "\n".join(rows) +
            f"\n\nQuestions: reply here or see {ctx.key()}.\n\n{rel.n()}\nRevenue Integrity | {D(rel.phone, 'staff_contact')}")
    return email(ctx, ctx.layout.split("_")[0], f"{rel.n()} <{rel.em()}>", f"{mbox(ctx, 'rcm-all')}", ctx.now,
                 "Claim edit release notes", body)


@template("release_notes", "rn_fhir_api_changelog_curl", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    v = f"v{rng.randint(2, 4)}.{rng.randint(0, 9)}"
    base = f"https://api.{ctx.org['domain']}/fhir/r4"
    eps = [[f"GET {base}/Patient/{uuid(rng)}/$everything", rng.choice(["new", "changed"]), "paging via _count"],
           [f"POST {base}/Bundle", "changed", "transaction size limit 500"], [f"GET {base}/Observation?category=laboratory", "changed", "default _sort=-date"]]
    for i in range(min(ctx.n, 40)):
        eps.append([f"GET {base}/{rng.choice(['Encounter', 'Condition', 'Coverage', 'Appointment'])}/{uuid(rng)}", "unchanged", "documented"])
    ctx.page_comments = max(0, ctx.n - 40)
    curl = (f"curl -H 'Authorization: Bearer $TOKEN' '{base}/Patient?family=Everyman&given=Adam'\n"
            '# => Bundle with the documented example patient (sandbox only)')
    blocks = [Pg(f"API {v} changelog. Sandbox data only uses documented example patients."), Table(["Endpoint", "Status", "Notes"], eps if not ctx.short else eps[:2])]
    if not ctx.short:
        blocks += [H("Example"), Code(curl, "bash"), H("Deprecations"), UL([f"/v1 endpoints removed on {(ctx.now + dt.timedelta(days=90)).strftime('%Y-%m-%d')}"])]
    return conf_page(ctx, f"FHIR API {v} changelog", blocks, [(ctx.staff(), "Changelog")])


@template("release_notes", "rn_warehouse_etl_rowcounts", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    jobs = [[f"etl_{t}", str(rng.randint(10 ** 4, 10 ** 7)), f"{rng.randint(1, 90)}m", rng.choice(["OK", "OK", "WARN"])]
            for t in rng.sample(["encounter", "adt_event", "claim_line", "lab_result", "med_admin", "appointment", "provider", "location"], 3 if ctx.short else 6)]
    desc = [Pg(f"Warehouse release {ctx.now.strftime('%Y.%m.%d')}: monthly partitioning of the encounter fact. First run after deploy:"),
            Table(["Job", "Rows", "Duration", "Status"], jobs)]
    core = [] if ctx.short else [(ctx.staff(), [Pg("DDL change:"), Code("ALTER TABLE fact_encounter\n  PARTITION BY RANGE (admit_month);\n"
                                                                        "CREATE INDEX CONCURRENTLY ix_fe_pat ON fact_encounter (pat_key);", "sql")]),
                                 (ctx.staff(), [Pre(sql_counts(ctx))])]
    return jira_issue(ctx, "Release: warehouse encounter partitioning", desc, thread(ctx, core, pin_last=False), itype="Release", reporter=ctx.staff())


@template("release_notes", "rn_security_bulletin_hashes", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    rows = []
    for i in range(2 if ctx.short else 4 + min(ctx.n, 40)):
        rows.append([f"CVE-{rng.randint(2023, 2026)}-{rng.randint(1000, 49999)}", rng.choice(["log4j-core", "jackson-databind", "netty-codec-http", "openssl", "spring-web", "xstream"]),
                     rng.choice(["Critical", "High", "Medium"]), f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"])
    ctx.page_comments = max(0, ctx.n - 40)
    blocks = [Pg("Security patch bundle for the integration stack. Apply on all nodes; the firewall change limits MLLP to the listed sources."),
              Table(["CVE", "Component", "Severity", "Fixed in"], rows),
              Pre("\n".join(f"sha256  {hexs(rng, 64)}  {f}" for f in ["engine-patch.tar.gz", "gateway-patch.tar.gz"])),
              Pg("Allowed MLLP sources: " + ", ".join(private_ip(rng) for _ in range(3)))]
    return conf_page(ctx, f"Security bulletin {ctx.now.strftime('%Y-%m')}", blocks, [(ctx.staff(), "Bulletin")])


@template("release_notes", "rn_mobile_app_clinician_email", ["outlook", "gmail", "apple"])
def _t(ctx):
    rng = ctx.rng
    pm = ctx.staff()
    v = f"{rng.randint(4, 9)}.{rng.randint(0, 20)}"
    feats = ["Secure chat now shows read receipts", "Vocera call-back from the patient list", "Barcode scanning for specimen collection is faster",
             "Dark mode", "Offline MAR view during downtime", "Push notifications for critical results (no patient details in the notification)"]
    body = (f"Hi all,\n\nVersion {v} of the clinician app is rolling out today through the MDM. What's new:\n\n" +
            "\n".join(f"• {f}" for f in rng.sample(feats, 3 if ctx.short else 5)) + "\n")
    if not ctx.short:
        body += "\nFixed in this release:\n" + "\n".join(f"• {i}" for i in change_items(ctx, 3 + ctx.n))
    body += f"\n\nSupport: Service Desk (ext. {rng.randint(4000, 4999)}) or {D(pm.email, 'staff_contact')}.\n\n{pm.n()}\nClinical Mobility"
    return email(ctx, ctx.layout.split("_")[0], f"{pm.n()} <{pm.em()}>", f"{mbox(ctx, 'all-clinicians')}", ctx.now, f"Clinician app {v} is rolling out", body)

# ================================================================ clean: clinical_rule
def rule_page(ctx, title, intro, table_h, rows_maker, base_rows, extra=(), cap=2):
    rng = ctx.rng
    k = base_rows if ctx.short else base_rows + min(ctx.n, cap)
    rest = max(0, ctx.n - cap)
    ctx.page_comments = rest // 6
    rows = [rows_maker(i) for i in range(k)]
    blocks = [Pg(intro), Table(table_h, rows)] + ([] if ctx.short else list(extra))
    if rest:
        depts = ["4 West", "5 East", "MICU", "ED", "Telemetry", "Oncology", "Ortho", "Family Medicine", "Cardiology Clinic", "Pediatrics"]
        perf = []
        m = ctx.now.replace(day=1)
        for i in range(rest):
            mm = (m.month - 1 - i // len(depts)) % 12 + 1
            fired = rng.randint(20, 4000)
            acc = rng.randint(0, fired)
            perf.append([f"{m.year if mm <= m.month else m.year - 1}-{mm:02d}", depts[i % len(depts)], str(fired), str(acc), str(fired - acc),
                         f"{100 * acc / fired:.0f}%"])
        blocks += [H("Alert performance (aggregate)"), Table(["Month", "Department", "Fired", "Accepted", "Overridden", "Acceptance"], perf)]
    return conf_page(ctx, title, blocks, [(ctx.staff(), "Rule spec"), (ctx.staff(), "Reviewed by CDS committee")])


@template("clinical_rule", "cr_sepsis_bpa_criteria", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    crit = [("8310-5", "Temperature", "> 38.3 or < 36 °C"), ("8867-4", "Heart rate", "> 90 /min"), ("9279-1", "Respiratory rate", "> 20 /min"),
            ("6690-2", "WBC", "> 12 or < 4 10*3/uL"), ("2524-7", "Lactate", ">= 2 mmol/L"), ("8480-6", "Systolic BP", "< 90 mm Hg")]
    test = (f"TST validation: patient {D('ZZTEST, SEPSIS', 'person_name')} (MRN T{digits(rng, 6)}) with temp 38.9, HR 118, lactate 2.6 fires the "
            f"advisory; {D('ZZTEST, NOSEPSIS', 'person_name')} with HR 118 only does not.")
    return rule_page(ctx, "BPA: sepsis screening (adult inpatient)",
                     f"Fires when two SIRS criteria plus a suspected infection order occur within 6 hours. Suggested order set: blood cultures, lactate, "
                     f"{med('piperacillin-tazobactam 4.5 g IV q6h')}. Excludes comfort care.",
                     ["LOINC", "Criterion", "Threshold"], lambda i: [crit[i][0], crit[i][1], crit[i][2]], 3, cap=3,
                     extra=[H("Test cases"), Pg(test), Code("IF count(sirs_met) >= 2 AND exists(infection_order within 6h)\n  AND NOT comfort_care\nTHEN fire(BPA_SEPSIS_ADULT)", "")])


@template("clinical_rule", "cr_falls_steadi_population_ages", ["cmd", "cwiki", "html"])
def _t(ctx):
    rng = ctx.rng
    rows_def = [("65-74", "STEADI screen yearly", "3 key questions"), ("75-89", "STEADI screen every visit", "TUG test if positive"),
                ("90 and older", "Fall risk assumed high", "PT referral offered"), ("Any age, fall in last year", "Full assessment", "Med review (sedatives)")]
    return rule_page(ctx, "Health maintenance: fall risk (STEADI)",
                     "Applies to ambulatory patients aged 65 and older. Patients aged 90 and older skip the questionnaire and get the high-risk pathway.",
                     ["Population", "Action", "Details"], lambda i: list(rows_def[i]), 3, cap=1,
                     extra=[Pg(f"Medications that raise risk: {med('zolpidem')}, {med('diphenhydramine')}, {med('oxycodone 5 mg PO q6h PRN')}.")])


@template("clinical_rule", "cr_ddi_anticoag_cds_hooks", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    pairs = [("11289", "warfarin", "5640", "ibuprofen", "major"), ("1364430", "apixaban", "704", "amiodarone", "moderate"),
             ("11289", "warfarin", "2551", "ciprofloxacin", "major"), ("1037045", "dabigatran", "8183", "verapamil", "moderate"),
             ("32968", "clopidogrel", "40790", "omeprazole", "moderate")]
    card = ('{\n  "hook": "order-sign",\n  "context": { "patientId": "{{context.patientId}}", "userId": "{{context.userId}}" },\n'
            '  "cards": [ { "summary": "Major interaction: warfarin + ibuprofen", "indicator": "warning", "source": { "label": "DDI service" } } ]\n}')
    return rule_page(ctx, "DDI rules: anticoagulants",
                     "Interaction checks fired at order sign. Severity drives interruptive vs passive display.",
                     ["RxCUI A", "Drug A", "RxCUI B", "Drug B", "Severity"],
                     lambda i: [pairs[i][0], med(pairs[i][1]), pairs[i][2], med(pairs[i][3]), pairs[i][4]], 3,
                     extra=[H("CDS Hooks response (template)"), Code(card, "json")])


@template("clinical_rule", "cr_a1c_cql_measure", ["cmd", "html", "cwiki"])
def _t(ctx):
    rng = ctx.rng
    vs = [("2.16.840.1.113883.3.464.1003.103.12.1001", "Diabetes"), ("2.16.840.1.113883.3.464.1003.198.12.1013", "HbA1c Laboratory Test"),
          ("2.16.840.1.113883.3.464.1003.101.12.1001", "Office Visit"), ("2.16.840.1.113883.3.526.3.1584", "Hospice care ambulatory")]
    cql = ('library DiabetesA1cPoorControl version \'1.0.0\'\nusing FHIR version \'4.0.1\'\n\ndefine "Initial Population":\n'
           '  AgeInYearsAt(date from start of "Measurement Period") in Interval[18, 75]\n    and exists ["Condition": "Diabetes"]\n\n'
           'define "Numerator":\n  "Most Recent HbA1c".value > 9 \'%\'')
    return rule_page(ctx, "Measure: HbA1c poor control (>9%)",
                     f"Population: patients 18-75 with {cond('diabetes')} ({icd('E11.9')} and related codes). Numerator: most recent {D('HbA1c', 'other')} above 9%.",
                     ["Value set OID", "Name"], lambda i: list(vs[i]), 2, extra=[H("CQL"), Code(cql, "")])


@template("clinical_rule", "cr_immunization_forecast_ages", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    sched = [("08", "Hep B", "birth, 1-2 mo, 6-18 mo"), ("20", "DTaP", "2, 4, 6, 15-18 mo, 4-6 y"), ("10", "IPV", "2, 4, 6-18 mo, 4-6 y"),
             ("03", "MMR", "12-15 mo, 4-6 y"), ("21", "Varicella", "12-15 mo, 4-6 y"), ("141", "Influenza", "yearly from 6 mo"),
             ("187", "Zoster recombinant", "2 doses from 50 y"), ("215", "Pneumococcal conjugate", "from 65 y")]
    return rule_page(ctx, "Immunization forecaster rules", "Forecast rules by CVX code. Ages are population ranges; no patient data on this page.",
                     ["CVX", "Vaccine", "Schedule"], lambda i: list(sched[i]), 4, cap=4,
                     extra=[Pg("Test harness uses the CDC test cases with synthetic patients only (see attachment, not reproduced here).")])


@template("clinical_rule", "cr_imaging_prior_auth_payers", ["cmd", "cwiki", "html"])
def _t(ctx):
    rng = ctx.rng
    payers = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Blue Cross Blue Shield", "Molina Healthcare"]
    codes = [("70553", "MRI brain w/o and w/ contrast"), ("72148", "MRI lumbar spine w/o contrast"), ("74177", "CT abdomen/pelvis with contrast"),
             ("78815", "PET/CT skull base to mid-thigh"), ("73721", "MRI knee w/o contrast")]

    def row(i):
        c = codes[i % len(codes)]
        return [cpt(c[0]), c[1], payers[i % len(payers)], rng.choice(["PA required", "PA required", "notification only", "no PA"]),
                f"Payer line 1-800-{rng.randint(200, 999)}-{digits(rng, 4, False)}"]
    return rule_page(ctx, "Imaging prior authorization rules", "Order-entry rule checks payer PA requirements for advanced imaging.",
                     ["CPT", "Study", "Payer", "Requirement", "Contact"], row, 3, cap=12,
                     extra=[Pg(f"Exceptions: ED and inpatient orders; {cond('suspected stroke')} protocol.")])


@template("clinical_rule", "cr_safe_harbor_guide", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    ids = ["Names", "Geographic subdivisions smaller than a state (ZIP3 allowed if population > 20,000)", "All elements of dates except year; ages over 89",
           "Telephone numbers", "Fax numbers", "Email addresses", "Social Security numbers", "Medical record numbers", "Health plan beneficiary numbers",
           "Account numbers", "Certificate/license numbers", "Vehicle identifiers and serial numbers, including license plates",
           "Device identifiers and serial numbers", "Web URLs", "IP addresses", "Biometric identifiers", "Full-face photographs", "Any other unique identifying number"]
    zip3 = ["036", "059", "102", "203", "205", "369", "556", "692", "790", "821", "823", "878", "879", "884", "893"]
    return rule_page(ctx, "De-identification: Safe Harbor checklist",
                     "Before a data set leaves the warehouse, remove the 18 identifiers below. Ages 90 and older are reported as 90+; dates keep the year only.",
                     ["#", "Identifier"], lambda i: [str(i + 1), ids[i]], 6, cap=12,
                     extra=[H("Restricted ZIP3 (report as 000)"), Pg(", ".join(zip3[:8 + rng.randint(0, 7)])),
                            H("Example of a de-identified row"), Code("pat_key,age,zip3,admit_year,dx\n8f1c…,90+,000,2024,I50.22", "")])


@template("clinical_rule", "cr_readmission_lace_sql", ["cmd", "html", "cwiki"])
def _t(ctx):
    rng = ctx.rng
    lace = [("L", "Length of stay", "<1 d: 0; 1: 1; 2: 2; 3: 3; 4-6: 4; 7-13: 5; >=14: 7"), ("A", "Acuity (emergent admission)", "3"),
            ("C", "Charlson index", "0: 0; 1: 1; 2: 2; 3: 3; >=4: 5"), ("E", "ED visits in prior 6 months", "0-4 (capped)")]
    sql = ("select enc_key,\n       los_points + acuity_points + charlson_points + least(ed_visits_6m, 4) as lace\n  from cds.lace_inputs\n"
           " where discharge_date >= current_date - 1;")
    return rule_page(ctx, "Readmission risk: LACE index", "Score >= 10 triggers a transitions-of-care referral at discharge.",
                     ["Letter", "Component", "Points"], lambda i: list(lace[i]), 4, cap=0, extra=[H("Nightly query"), Code(sql, "sql")])


@template("clinical_rule", "cr_rule_build_ticket_composite", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    rep, an, pharm = ctx.staff(3)
    rule = rng.choice([("Hyperkalemia with potassium-sparing diuretic", "2823-3", "Potassium", "> 5.5 mmol/L", "spironolactone"),
                       ("Acute kidney injury with NSAID order", "2160-0", "Creatinine", "rise >= 0.3 mg/dL in 48 h", "ibuprofen"),
                       ("QTc prolongation with interacting drugs", "8636-3", "QTc interval", "> 500 ms", "ondansetron")])
    spec = [Pg(f"Build request for a new interruptive alert: {cond(rule[0])}. Trigger: {rule[2]} (LOINC {rule[1]}) {rule[3]} and an active order for "
               f"{med(rule[4])}. Population: adult inpatients; not for patients on comfort care.")]
    tests = [[D(f"ZZTEST, {w}", "person_name"), f"T{digits(rng, 6)}", v, e] for w, v, e in
             [("ALERT", rule[3].split()[-2] + " hit", "fires"), ("NOALERT", "normal value", "no alert"), ("COMFORT", "hit + comfort care", "suppressed")]]
    core = [(an, [Pg("TST test cases (test patients only):"), Table(["Patient", "MRN", "Scenario", "Expected"], tests)]),
            (an, [Pg("Criteria logic as built:"), Code(f"IF lab({rule[1]}).latest {rule[3].split(' in ')[0]}\n  AND active_order(rxnorm in VS_{rule[4].upper()})\n"
                                                      f"  AND NOT comfort_care\nTHEN fire(BPA_{rng.randint(1000, 9999)})", "")])]
    if not ctx.short:
        core.append((pharm, meeting_recap_blocks(ctx, "CDS committee", 2)))
        core.append((an, release_excerpt_blocks(ctx)))
        core.append((an, [Pg("Alert service error seen once during testing (fixed by the release above):"), Code(stack(ctx, EXC[4], depth=5), "java")]))
    core.append((rep, [Pg(f"Approved for PRD. Go-live with the {rng.choice(['Tuesday', 'Thursday'])} build.")]))
    return jira_issue(ctx, f"CDS build: {rule[0]}", spec, thread(ctx, core), itype="Story", reporter=rep, assignee=an)

# ================================================================ clean: oncall_directory
def cell(s):
    return D(s.phone, "staff_contact")


def pager(s):
    return D(s.pager, "staff_contact")


@template("oncall_directory", "od_wiki_rota_escalation", ["cwiki", "html", "cmd"])
def _t(ctx):
    rng = ctx.rng
    team = ctx.staff(rng.randint(4, 6))
    k = 3 if ctx.short else 5 + min(ctx.n, 40)
    ctx.page_comments = max(0, ctx.n - 40) // 3
    rows = []
    wk = ctx.now - dt.timedelta(days=ctx.now.weekday())
    for i in range(k):
        a, b = rng.sample(team, 2)
        rows.append([(wk + dt.timedelta(days=7 * i)).strftime("%Y-%m-%d"), a.n(), cell(a), b.n(), pager(b)])
    blocks = [Pg("Integration on-call. Primary answers within 15 minutes; escalate to secondary after 30."),
              Table(["Week of", "Primary", "Cell", "Secondary", "Pager"], rows)]
    if not ctx.short:
        blocks += [H("Escalation"), OL([f"Primary on-call (cell above)", f"Secondary on-call (pager above)",
                                       f"Manager: {team[0].n()} {D(team[0].phone, 'staff_contact')}",
                                       f"Major incident bridge: {dial_in(ctx, 'teams').splitlines()[-2]}"]),
                   Pg(f"Service Desk main line 24/7: ext. {rng.randint(4000, 4999)}. Data center: {facility_line(ctx, 0)}.")]
    return conf_page(ctx, "Integration team on-call rotation", blocks, [(team[0], "Q4 rota"), (team[1], "Swapped weeks")])


@template("oncall_directory", "od_pagerduty_yaml_pr", PR_LAYOUTS)
def _t(ctx):
    rng = ctx.rng
    team = ctx.staff(rng.randint(3, 5))
    y = ["escalation_policies:", f"  - name: integration-{ctx.org['short'].lower()}", "    rules:"]
    for lvl, s in enumerate(team[:3]):
        y += [f"      - escalation_delay_in_minutes: {15 * (lvl + 1)}", "        targets:", f"          - type: user", f"            email: {s.em()}"]
    y += ["schedules:", "  - name: integration-primary", "    users:"] + [f"      - {s.em()}  # {s.n()}" for s in team]
    for i in range(min(ctx.n, 40)):
        s = rng.choice(team)
        y.append(f"    override_{i}: {{ user: {s.em()}, start: '{(ctx.now + dt.timedelta(days=i)).strftime('%Y-%m-%d')}T17:00:00', hours: {rng.choice([12, 24, 48])} }}")
    ctx.n = max(0, ctx.n - 40)
    files = [("pagerduty/integration.yaml", new_hunk(y), "new")]
    sl = slack_lines(ctx, [(team[0], "PD policy is in the PR, please check your emails are right"), (team[1], "mine's fine"),
                           (team[2], f"can someone cover {(ctx.now + dt.timedelta(days=3)).strftime('%a')} night? I'm on PTO")])
    return pr_clean(ctx, "PagerDuty escalation policy for integration", [Pg("Moving the rota from the wiki to PagerDuty.")], files,
                    [(team[0], [Pg("From #integration-oncall:\n" + sl)])])


@template("oncall_directory", "od_amion_export_huddle", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    svcs = ["Hospitalist A", "Hospitalist B", "Cardiology", "GI", "Nephrology", "Neurology", "General Surgery", "Ortho", "OB/GYN", "Peds Hospitalist",
            "Anesthesia", "Radiology (IR)", "Psychiatry C/L", "ID", "Pulm/CCM"]
    lines = [f"Amion schedule for {ctx.now.strftime('%a %m/%d/%Y')} (printed {ctx.now.strftime('%H:%M')})", "Service               On call                      Pager     Cell"]
    for i in range(4 if ctx.short else 8 + min(ctx.n, 60)):
        s = ctx.staff()
        svc = svcs[i % len(svcs)] + ("" if i < len(svcs) else f" ({rng.choice(['nights', 'backup', 'weekend', 'fellow'])})")
        lines.append(f"{svc:<21} {s.dr()}   {pager(s)}   {cell(s)}")
    ctx.n = max(0, ctx.n - 60)
    desc = [Pg("Amion export pasted for the switchboard while the paging integration is down (INC in progress)."), Pre("\n".join(lines))]
    core = [] if ctx.short else [(ctx.staff(), [Pg("Paging gateway is back; switchboard can use the normal console again.")])]
    return jira_issue(ctx, "Paging integration down — Amion export for switchboard", desc, thread(ctx, core), itype="Incident")


@template("oncall_directory", "od_vocera_groups_facilities", ["cwiki", "cmd", "html"])
def _t(ctx):
    rng = ctx.rng
    groups = ["Charge Nurse", "Rapid Response", "Pharmacy", "Respiratory Therapy", "Transport", "Environmental Services", "Security",
              "Bed Management", "IT Clinical Support", "Biomed", "Lab Phlebotomy", "Case Management", "Wound Care", "Dietary"]
    rows = []
    for i in range(4 if ctx.short else 7 + min(ctx.n, 50)):
        s = ctx.staff()
        rows.append([f"{rng.choice(UNITS_H)} {groups[i % len(groups)]}", s.n(), D(f"x{rng.randint(30000, 39999)}", "staff_contact"), rng.choice(["Day", "Night", "24/7"])])
    ctx.page_comments = max(0, ctx.n - 50) // 3
    blocks = [Pg("Vocera groups per unit. Say \"Call <group name>\" to the badge."), Table(["Group", "Owner", "Extension", "Coverage"], rows)]
    if not ctx.short:
        blocks += [H("Facilities"), UL([facility_line(ctx, i) for i in range(len(ctx.org["fac"]))]),
                   Pg(f"Main hospital switchboard: {ctx.org['area'][0]}-{rng.randint(200, 999)}-{digits(rng, 4, False)}")]
    return conf_page(ctx, "Vocera group directory", blocks, [(ctx.staff(), "Directory"), (ctx.staff(), "Added night coverage")])


@template("oncall_directory", "od_vendor_escalation_email", ["outlook", "gmail", "eml"])
def _t(ctx):
    rng = ctx.rng
    vendors = [("Interface engine", "engine-support.example.com"), ("EHR", "ehr-vendor.example.com"), ("PACS", "pacs-support.example.net"),
               ("Lab system", "lis-vendor.example.org"), ("Portal", "portal-vendor.example.com"), ("Fax server", "fax-vendor.example.net"),
               ("Paging", "paging-vendor.example.com"), ("Pharmacy cabinets", "cabinets.example.org")]
    rows = []
    for i in range(3 if ctx.short else 5 + min(ctx.n, 40)):
        v = vendors[i % len(vendors)]
        s = ctx.staff()
        rows.append(f"{v[0]:<18} support line 1-800-{rng.randint(200, 999)}-{digits(rng, 4, False)}   portal https://{v[1]}/cases   "
                    f"customer #{digits(rng, 6)}   TAM {s.n()} {D(fold(s.given).lower() + '.' + fold(s.family).lower().replace(' ', '') + '@' + v[1], 'staff_contact')}")
    ctx.n = max(0, ctx.n - 40)
    me = ctx.staff()
    body = ("Team,\n\nUpdated vendor escalation list below. Severity 1 = call the support line, then open the case online.\n\n" + "\n".join(rows) +
            f"\n\n{me.n()}\nIT Vendor Management | {D(me.phone, 'staff_contact')}")
    return email(ctx, ctx.layout.split("_")[0], f"{me.n()} <{me.em()}>", f"{mbox(ctx, 'it-oncall')}", ctx.now, "Vendor escalation contacts (updated)", body)


@template("oncall_directory", "od_markdown_team_page", ["cmd", "cwiki", "html"])
def _t(ctx):
    rng = ctx.rng
    team = ctx.staff(3 if ctx.short else 5 + min(ctx.n, 40))
    if not isinstance(team, list):
        team = [team]
    ctx.page_comments = max(0, ctx.n - 40) // 3
    rows = [[s.n(), rng.choice(["Integration engineer", "Interface analyst", "FHIR developer", "Team lead", "DBA", "QA analyst"]), D("@" + s.handle, "person_name"),
             s.em(), D(f"x{s.ext}", "staff_contact")] for s in team]
    blocks = [Pg("Who we are and how to reach us. Hours 07:00-18:00 Central; after hours use the on-call rota."),
              Table(["Name", "Role", "Slack", "Email", "Desk"], rows)]
    if not ctx.short:
        blocks += [H("Team bridge"), Pre(dial_in(ctx, "zoom")), Pg("Channels: #integration-help (requests), #integration-alerts (bots only)")]
    return conf_page(ctx, "Integration team — contacts", blocks, [(team[0], "Page created")])


@template("oncall_directory", "od_after_hours_card", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    depts = ["Nurse advice line", "Pharmacy (inpatient)", "Radiology reading room", "Lab client services", "HIM release of information fax",
             "Registration / admitting", "Scheduling call center", "Billing office", "Interpreter services", "Security dispatch"]
    lines = []
    for i in range(4 if ctx.short else 7 + min(ctx.n, 30)):
        d = depts[i % len(depts)]
        a = ctx.org["area"][0]
        lines.append(f"{d:<34} {'Fax' if 'fax' in d else 'Main'} {a}-{rng.randint(200, 999)}-{digits(rng, 4, False)}")
    ctx.n = max(0, ctx.n - 30)
    desc = [Pg("After-hours contact card for the service desk (printed and taped to the desk)."), Pre("\n".join(lines)),
            Pg(f"Address for couriers: {facility_line(ctx, 0)}.")]
    core = [(ctx.staff(), [Pg("Card updated with the new pharmacy number.")])]
    return jira_issue(ctx, "After-hours contact card for service desk", desc, thread(ctx, core), itype="Task")


@template("oncall_directory", "od_oncall_handoff_composite", ["wiki", "md", "plain"])
def _t(ctx):
    rng = ctx.rng
    out_, in_ = ctx.staff(2)
    wk = ctx.now - dt.timedelta(days=ctx.now.weekday())
    roster = [[(wk + dt.timedelta(days=7 * i)).strftime("%Y-%m-%d"), s.n(), cell(s)] for i, s in enumerate(ctx.staff(3))]
    incidents = [[f"INC{digits(rng, 7, False)}", rng.choice(["ACK timeouts to lab", "PACS listener down", "Portal SSO errors", "ETL late", "Disk 90% on " + host(rng)]),
                  rng.choice(["resolved", "monitoring", "vendor case open"])] for _ in range(2 if ctx.short else 4)]
    desc = [Pg(f"Weekly on-call handoff from {mention(ctx, out_)} to {mention(ctx, in_)}."), Table(["Incident", "Summary", "State"], incidents),
            Table(["Week of", "Primary", "Cell"], roster)]
    core = []
    if not ctx.short:
        core = [(out_, [Pg("Still noisy, keep an eye on it:"), Pre(log_lines(ctx, rng.randint(4, 8)))]),
                (out_, [Pg("Trace from Saturday's page:"), Code(stack(ctx, depth=5), "java")]),
                (in_, [Pg("Bridge for the Monday vendor call:"), Pre(dial_in(ctx, "zoom"))])]
    core.append((in_, [Pg("Got it, I have the pager.")]))
    return jira_issue(ctx, f"On-call handoff week {ctx.now.isocalendar()[1]}", desc, thread(ctx, core), itype="Task", reporter=out_, assignee=in_)

# ================================================================ generation, check, stats
CONTRACT_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn", "mrn",
                  "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id", "device_id", "url",
                  "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code", "procedure_code", "drug_code",
                  "medication", "condition", "credit_card"}
DONT_CARE_KINDS = CONTRACT_KINDS | {"title", "facility", "state", "staff_contact", "npi", "internal_id", "other"}
DOCUMENTED = {"123-45-6789", "123456789", "1EG4-TE5-MK73", "1EG4TE5MK73", "1234567893", "4111111111111111",
              "4111 1111 1111 1111", "00000"}
TEST_CARDS = {"4111111111111111", "5555555555554444", "378282246310005", "4242424242424242"}
TEST_MARK_RE = re.compile(r"TEST|Test|test|EVERYMAN|Everyman|\bDoe\b|\bDOE\b|example|Example|EXAMPLE|placeholder|fake|dummy|"
                          r"synthetic|Synthetic|invalid|Invalid|\{\{|<dob>|1900-01-01|19000101|01/01/1900|XX|mask|Mask|"
                          r"\bNANCY\b|SMART|sample|Sample|fixture|Fixture|assert|expect|\bnull\b|None|YYYY|yyyy")
PHONE_CUE_RE = re.compile(r"dial|Dial|bridge|Bridge|conference|Conference|Teams|Zoom|Webex|passcode|Passcode|toll|Toll|"
                          r"payer|Payer|help ?desk|Help ?Desk|HELP ?DESK|support|Support|SUPPORT|[Ff]ax|FAX|[Mm]ain|MAIN|switchboard|Switchboard|"
                          r"[Vv]endor|[Hh]otline|IVR|[Pp]ager|[Ee]xt|[Cc]ell|[Oo]ffice|[Dd]esk|[Ww]ork|on-?call|On-?call|ON-?CALL|"
                          r"[Pp]hone|NOC|[Ss]ervice ?[Dd]esk|[Cc]ontact|[Ee]scalat|[Ll]ine|[Nn]urse|[Cc]linic|[Tt]riage|[Pp]harmacy|"
                          r"[Ll]ab\b|[Rr]adiology|[Rr]egistration|[Ss]cheduling|[Bb]illing|United States|US \(|\bUS\b|[Cc]all[ -]in|[Aa]udio")


def is_tok(ch):
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def char_index(text):
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def boundary_ok(text, i, j):
    if i > 0 and is_tok(text[i - 1]) and is_tok(text[i]):
        return False
    if j < len(text) and is_tok(text[j]) and is_tok(text[j - 1]):
        return False
    return True


def find_all(text, v):
    out, k = [], text.find(v)
    while k >= 0:
        out.append((k, k + len(v)))
        k = text.find(v, k + 1)
    return out


def doc_errors(r):
    E = []
    text = r["text"]
    tb = text.encode("utf-8")
    idx = char_index(text)
    spans = r["spans"]
    prev = 0
    phi_ranges, all_ranges = [], []
    for s in spans:
        st, en, lab, kind = s["start"], s["end"], s["label"], s["kind"]
        if not (0 <= st < en <= len(tb)):
            E.append(f"span out of range {s}")
            continue
        if st < prev:
            E.append(f"span order/overlap at {st}")
        prev = en
        if st not in idx or en not in idx:
            E.append(f"span not on char boundary {s}")
            continue
        i, j = idx[st], idx[en]
        v = text[i:j]
        if v != v.strip():
            E.append(f"span with outer whitespace {v!r}")
        if not boundary_ok(text, i, j):
            E.append(f"span inside a token {v!r} ({text[max(0, i - 8):j + 8]!r})")
        if lab == "phi":
            if kind not in CONTRACT_KINDS:
                E.append(f"unknown phi kind {kind}")
            phi_ranges.append((i, j))
            if v in DOCUMENTED:
                E.append(f"documented test value labelled phi {v}")
            if kind == "ssn" and not ssn_ok(v):
                E.append(f"bad ssn {v}")
            if kind == "credit_card":
                dg = re.sub(r"\D", "", v)
                if not (13 <= len(dg) <= 19 and luhn_ok(dg)) or dg in TEST_CARDS:
                    E.append(f"bad card {v}")
            if kind == "medicare_mbi" and not mbi_ok(v):
                E.append(f"bad mbi {v}")
            if kind == "phone":
                dg = re.sub(r"\D", "", v)
                if len(dg) == 11 and dg[0] == "1":
                    dg = dg[1:]
                if len(dg) == 10:
                    if dg[0] in "01" or dg[3] in "01" or (dg[3:6] == "555" and dg[6:8] == "01"):
                        E.append(f"bad/test phone labelled phi {v}")
                elif len(dg) == 7:
                    if dg[:3] == "555":
                        E.append(f"555 phone labelled phi {v}")
                elif len(dg) != 3:
                    E.append(f"odd phone {v}")
            if kind == "age_over_89":
                if not (v.isdigit() and int(v) >= 90):
                    E.append(f"bad age {v}")
        else:
            if kind not in DONT_CARE_KINDS:
                E.append(f"unknown dont_care kind {kind}")
            if kind == "npi" and not npi_ok(v):
                E.append(f"bad npi {v}")
        all_ranges.append((i, j, lab))
    n_phi = len(phi_ranges)
    if r["phi"] and n_phi == 0:
        E.append("phi document without phi span")
    if not r["phi"] and n_phi:
        E.append("clean document with phi span")

    def in_phi(a, b):
        return any(x <= a and b <= y for x, y in phi_ranges)

    def in_any(a, b):
        return any(x <= a and b <= y for x, y, _ in all_ranges)

    # labelled phi values must not also occur unlabelled
    seen = set()
    for s in spans:
        if s["label"] != "phi":
            continue
        v = text[idx[s["start"]]:idx[s["end"]]]
        cands = [v] if len(v) >= 5 else []
        if s["kind"] == "person_name":
            for tok in re.split(r"[\s^,/\-]+", v):
                tok = tok.strip(".()'\"’")
                if len(tok) >= 3 and tok.lower() not in PARTICLES:
                    cands.append(tok)
        for c in cands:
            if c in seen:
                continue
            seen.add(c)
            for a, b in find_all(text, c):
                if boundary_ok(text, a, b) and not in_phi(a, b):
                    E.append(f"phi value {c!r} also unlabelled at {a}: {text[max(0, a - 25):b + 25]!r}")
                    break
    # unlabelled valid-range SSNs / Luhn card numbers anywhere
    for m in re.finditer(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", text):
        if ssn_ok(m.group()) and not in_any(m.start(), m.end()):
            E.append(f"unlabelled valid-range SSN {m.group()}")
    for m in re.finditer(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])", text):
        dg = re.sub(r"\D", "", m.group())
        if 13 <= len(dg) <= 19 and luhn_ok(dg) and dg not in TEST_CARDS and not in_any(m.start(), m.end()):
            if re.fullmatch(r"\d{13,19}", m.group()) or re.fullmatch(r"\d{4}([ -]\d{4}){2,3}\d{0,3}", m.group()):
                E.append(f"unlabelled Luhn-valid number {m.group()}")
    if not r["phi"]:
        E += clean_realism(text, all_ranges)
    return E


def clean_realism(text, ranges):
    E = []

    def covered(a, b):
        return any(x <= a and b <= y for x, y, _ in ranges)

    for line in text.splitlines():
        if line.startswith("PID|") or "\\rPID|" in line or "|PID|" in line:
            seg = line[line.index("PID|"):]
            f = seg.split("|")
            if len(f) > 5 and f[5]:
                fam = f[5].split("^")[0].upper()
                if fam not in TEST_FAMILIES and not fam.startswith("{"):
                    E.append(f"clean doc has a PID with a non-test name {f[5]!r}")
        if re.search(r"\b(DOB|D\.O\.B|Date of Birth|birthDate|birth_date|date_of_birth)\b", line) and \
                re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\b(19|20)\d{6}\b", line) and not TEST_MARK_RE.search(line):
            E.append(f"clean doc line with a DOB and no test marker: {line[:120]!r}")
        m = re.search(r"\bMRN\b[:#]?\s*([A-Z]?\d{6,})", line)
        if m and not m.group(1).startswith("T") and not TEST_MARK_RE.search(line):
            E.append(f"clean doc line with a non-test MRN: {line[:120]!r}")
        m = re.search(r"\b(Patient|Pt|Patient name)\s*:\s*([A-Z][A-Za-z'\-]+,? [A-Z][A-Za-z'\-]+)", line)
        if m and not TEST_MARK_RE.search(m.group(2)) and m.group(2).split(",")[0].upper() not in TEST_FAMILIES:
            E.append(f"clean doc line with a patient name: {line[:120]!r}")
    for m in re.finditer(r'"family"\s*:\s*"([^"]+)"', text):
        if m.group(1).upper() not in TEST_FAMILIES:
            E.append(f"clean doc has FHIR family {m.group(1)!r}")
    for m in re.finditer(r"(?<![\d\w])(?:\+?1[ .-])?\(?[2-9]\d{2}\)?[ .-][2-9]\d{2}[ .-]\d{4}(?!\d)", text):
        dg = re.sub(r"\D", "", m.group())[-10:]
        if dg[3:6] == "555" and dg[6:8] == "01":
            continue
        if covered(m.start(), m.end()):
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        line = text[ls:le if le >= 0 else len(text)]
        if not PHONE_CUE_RE.search(line):
            E.append(f"clean doc has an unexplained phone {m.group()} in {line[:100]!r}")
    return E


TARGETS = {"S": (380, 1250), "M": (1500, 4400), "L": (5000, 13500)}


def build_doc(fam, t, layout, size, idx, doc_id, crlf, log):
    _lo, hi = BUCKETS[size]
    trng = random.Random(f"{SEED}|target|{doc_id}")
    lo = trng.randint(*TARGETS[size])
    last_err = None
    best = None
    why = Counter()
    for attempt in range(60):
        for n in range(0, 90):
            rng = random.Random(f"{SEED}|{doc_id}|{attempt}")
            ctx = Ctx(rng, size, n, layout, fam, crlf)
            marked = t["fn"](ctx)
            if crlf:
                marked = marked.replace("\r\n", "\n").replace("\n", "\r\n")
            text, spans = render(marked)
            L = len(text.encode("utf-8"))
            rec = {"id": doc_id, "family": fam, "phi": fam in PHI_FAMILIES, "variant": f"{t['name']}:{layout}",
                   "text": text, "spans": spans}
            if L < lo and n < 89:
                continue
            errs = doc_errors(rec)
            if errs:
                last_err = errs
                why[errs[0][:60]] += 1
                break
            if lo <= L <= hi:
                if attempt > 8:
                    log.append(f"{doc_id} {t['name']}: {attempt} attempts {dict(why.most_common(3))}")
                return rec
            why[f"size {L}"] += 1
            if _lo <= L <= hi:
                return rec
            if best is None or abs(L - (lo + hi) / 2) < abs(len(best["text"].encode()) - (lo + hi) / 2):
                best = rec
            break
    if best is not None:
        log.append(f"{doc_id} {t['name']}: size {size} missed ({len(best['text'].encode())} bytes)")
        return best
    raise SystemExit(f"{doc_id} ({t['name']}:{layout}) failed: {last_err[:5] if last_err else 'no size'}")


def plan():
    rng = random.Random(SEED)
    docs = []
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tps = [t for t in TEMPLATES if t["family"] == fam]
        need = DOCS_PER_FAMILY[fam]
        if not tps:
            continue
        counts = [0] * len(tps)
        order = list(range(len(tps)))
        rng.shuffle(order)
        k = 0
        while sum(counts) < need and any(c < 3 for c in counts):
            i = order[k % len(order)]
            if counts[i] < 3:
                counts[i] += 1
            k += 1
        seq = []
        for i, t in enumerate(tps):
            off = rng.randrange(len(t["layouts"]))
            for j in range(counts[i]):
                seq.append((t, t["layouts"][(off + j) % len(t["layouts"])]))
        off = rng.randrange(3)
        for n, (t, lay) in enumerate(seq):
            size = "SML"[(n + off) % 3]
            docs.append((fam, t, lay, size))
    return docs


def generate():
    log = []
    out = []
    per = Counter()
    rng = random.Random(SEED + 1)
    for fam, t, lay, size in plan():
        per[fam] += 1
        doc_id = f"{fam}-{per[fam]:04d}"
        crlf = "crlf" in lay or rng.random() < 0.14
        out.append(build_doc(fam, t, lay, size, per[fam], doc_id, crlf, log))
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for l in log:
        print("note:", l, file=sys.stderr)
    print(f"wrote {len(out)} documents to {OUT}")


def load():
    with open(OUT, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def check():
    recs = load()
    errs = []
    fams = Counter(r["family"] for r in recs)
    want_total = sum(DOCS_PER_FAMILY.values())
    if len(recs) != want_total:
        errs.append(f"expected {want_total} documents, found {len(recs)}")
    for f, n in DOCS_PER_FAMILY.items():
        if fams.get(f, 0) != n:
            errs.append(f"family {f}: {fams.get(f, 0)} documents, expected {n}")
    if sum(r["phi"] for r in recs) != 120 or sum(not r["phi"] for r in recs) != 120:
        errs.append("expected 120 PHI and 120 clean documents")
    ids = Counter(r["id"] for r in recs)
    errs += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    tcount = Counter(r["variant"].split(":")[0] for r in recs)
    errs += [f"template {t} has {c} documents (max 3)" for t, c in tcount.items() if c > 3]
    for r in recs:
        if set(r) != {"id", "family", "phi", "variant", "text", "spans"}:
            errs.append(f"{r.get('id')}: bad keys {sorted(r)}")
        if not re.fullmatch(re.escape(r["family"]) + r"-\d{4}", r["id"]):
            errs.append(f"{r['id']}: bad id")
        if r["phi"] != (r["family"] in PHI_FAMILIES):
            errs.append(f"{r['id']}: phi flag does not match family")
        if ":" not in r["variant"]:
            errs.append(f"{r['id']}: variant is not template:layout")
        errs += [f"{r['id']}: {e}" for e in doc_errors(r)]
    for e in errs[:200]:
        print("ERROR", e)
    print(f"check: {len(recs)} documents, {len(errs)} errors")
    return 1 if errs else 0


def stats():
    recs = load()
    by_fam = defaultdict(Counter)
    for r in recs:
        by_fam[r["family"]][r["variant"].split(":")[0]] += 1
    print("templates per family:")
    for f in PHI_FAMILIES + CLEAN_FAMILIES:
        print(f"  {f:<18} {len(by_fam[f]):>3} templates, {sum(by_fam[f].values()):>3} docs  " +
              " ".join(f"{t}={c}" for t, c in sorted(by_fam[f].items())))
    nt = sum(len(v) for v in by_fam.values())
    nphi_t = sum(len(by_fam[f]) for f in PHI_FAMILIES)
    print(f"total templates: {nt} ({nphi_t} PHI, {nt - nphi_t} clean); variants: {len(set(r['variant'] for r in recs))}")
    dpt = Counter(c for v in by_fam.values() for c in v.values())
    print("documents per template:", dict(sorted(dpt.items())))
    shares = []
    for r in recs:
        if r["phi"]:
            tb = len(r["text"].encode("utf-8"))
            shares.append(sum(s["end"] - s["start"] for s in r["spans"] if s["label"] == "phi") / tb)
    print(f"median PHI share of bytes (PHI docs): {statistics.median(shares):.3f} "
          f"(min {min(shares):.3f}, max {max(shares):.3f})")
    sizes = Counter("S" if len(r["text"].encode()) < 1500 else "M" if len(r["text"].encode()) < 5000 else "L" for r in recs)
    print(f"lengths: <1.5 KB {sizes['S']}, 1.5-5 KB {sizes['M']}, 5-15 KB {sizes['L']}; "
          f"max {max(len(r['text'].encode()) for r in recs)} bytes")
    print(f"CRLF documents: {sum(1 for r in recs if chr(13) + chr(10) in r['text'])}")
    kinds = Counter(s["kind"] for r in recs for s in r["spans"] if s["label"] == "phi")
    print("phi spans by kind:", dict(kinds.most_common()))
    lays = Counter(r["variant"].split(":")[1] for r in recs)
    print("layouts:", dict(lays.most_common()))
    print(f"name cultures: {len(CULTURES)} ({len(NATIVE_CULTURES)} with native scripts)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    if a.check:
        sys.exit(check())
    if a.stats:
        stats()
        return
    generate()


if __name__ == "__main__":
    main()
