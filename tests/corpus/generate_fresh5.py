#!/usr/bin/env python3
"""Sixth independent labelled corpus for PHI Guard (fresh5).

Written on 2026-12-05 from tests/corpus/README.md and CONTRACTS.md section 1 only,
without sight of the detector, its tests or the other generators.  Python 3 standard
library only, deterministic (seed "fresh5/2026-12-05"), every value made up.

Documents are built by concatenating pieces; a PHI or dont_care piece records its UTF-8
byte span as it is appended, so offsets are exact by construction.

    python3 tests/corpus/generate_fresh5.py            # writes fresh5.jsonl
    python3 tests/corpus/generate_fresh5.py --check    # re-verifies fresh5.jsonl
    python3 tests/corpus/generate_fresh5.py --stats    # templates, name cultures, families
"""
import argparse
import collections
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

SEED = "fresh5/2026-12-05"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fresh5.jsonl")

PHI_FAMILIES = ["jira_hl7", "confluence_patient_table", "support_ticket", "bitbucket_fhir_diff",
                "sql_seed", "clinical_note", "csv_claims", "patient_email"]
CLEAN_FAMILIES = ["clean_stack_trace", "clean_meeting_notes", "clean_validator_diff",
                  "clean_release_notes", "clean_clinical_rule", "clean_oncall_directory"]
N_PHI, N_CLEAN = 15, 20

# ---------------------------------------------------------------------------------------
# pieces and documents
# ---------------------------------------------------------------------------------------


class Piece:
    __slots__ = ("text", "label", "kind")

    def __init__(self, text, label, kind):
        self.text, self.label, self.kind = text, label, kind

    def __repr__(self):
        return "%s(%s:%r)" % (self.label, self.kind, self.text)


def P(kind, text):
    """A PHI piece (contract kind)."""
    return Piece(str(text), "phi", kind)


def X(kind, text):
    """A dont_care piece."""
    return Piece(str(text), "dont_care", kind)


class Doc:
    def __init__(self):
        self.parts, self.nbytes, self.spans = [], 0, []

    def _raw(self, s):
        self.parts.append(s)
        self.nbytes += len(s.encode("utf-8"))

    def add(self, x):
        if x is None:
            return
        if isinstance(x, Piece):
            if x.text == "":
                return
            start = self.nbytes
            self._raw(x.text)
            self.spans.append((start, self.nbytes, x.label, x.kind, x.text))
        elif isinstance(x, str):
            self._raw(x)
        elif isinstance(x, int):
            self._raw(str(x))
        elif isinstance(x, (list, tuple)):
            for y in x:
                self.add(y)
        else:
            raise TypeError("cannot add %r" % (x,))

    def text(self):
        return "".join(self.parts)


FIELD = re.compile(r"⟦(\w+)⟧")


def fill(doc, tpl, kw):
    pos, used = 0, set()
    for m in FIELD.finditer(tpl):
        doc.add(tpl[pos:m.start()])
        key = m.group(1)
        if key not in kw:
            raise KeyError("template field %s not given" % key)
        used.add(key)
        doc.add(kw[key])
        pos = m.end()
    doc.add(tpl[pos:])
    unused = set(kw) - used
    if unused:
        raise KeyError("unused template values: %s" % sorted(unused))


def ptext(x):
    """Plain text of a piece / list of pieces."""
    if x is None:
        return ""
    if isinstance(x, Piece):
        return x.text
    if isinstance(x, str):
        return x
    if isinstance(x, int):
        return str(x)
    return "".join(ptext(y) for y in x)


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


# ---------------------------------------------------------------------------------------
# name cultures (hand-written; "native|latin" where the native script is not Latin)
# ---------------------------------------------------------------------------------------

def _l(s):
    return [unicodedata.normalize("NFC", x.strip()) for x in s.split(",") if x.strip()]


CULTURES = {
    "polish": dict(m=_l("Krzysztof, Paweł, Łukasz, Wojciech, Jędrzej"),
                   f=_l("Agnieszka, Małgorzata, Katarzyna, Żaneta, Jadwiga"),
                   fam_m=_l("Wiśniewski, Kowalczyk, Wójcik, Zieliński, Szymański, Dąbrowski"),
                   fam_f=_l("Wiśniewska, Kowalczyk, Wójcik, Zielińska, Szymańska, Dąbrowska")),
    "dutch": dict(m=_l("Joost, Sander, Bram, Thijs, Gerrit"),
                  f=_l("Sanne, Fenna, Lieke, Marijke, Anouk"),
                  fam=_l("van der Berg, de Vries, Bakker, van Dijk, Mulder, Visser, van den Heuvel")),
    "italian": dict(m=_l("Giuseppe, Niccolò, Salvatore, Gianluca, Raffaele"),
                    f=_l("Chiara, Giulia, Rosaria, Annunziata, Benedetta"),
                    fam=_l("Esposito, D'Angelo, Russo, Caruso, Lombardi, Mancini, Colombo")),
    "greek": dict(m=_l("Δημήτρης|Dimitris, Γιώργος|Giorgos, Κωνσταντίνος|Konstantinos, Νικόλαος|Nikolaos"),
                  f=_l("Ελένη|Eleni, Αικατερίνη|Aikaterini, Βασιλική|Vasiliki, Σοφία|Sofia"),
                  fam_m=_l("Παπαδόπουλος|Papadopoulos, Οικονόμου|Oikonomou, Γεωργίου|Georgiou, Καραγιάννης|Karagiannis"),
                  fam_f=_l("Παπαδοπούλου|Papadopoulou, Οικονόμου|Oikonomou, Γεωργίου|Georgiou, Καραγιάννη|Karagianni")),
    "arabic": dict(m=_l("محمد|Mohammed, يوسف|Youssef, عمر|Omar, خالد|Khaled"),
                   f=_l("فاطمة|Fatima, مريم|Mariam, ليلى|Layla, نور|Nour"),
                   fam=_l("الحسيني|Al-Husseini, العتيبي|Al-Otaibi, حداد|Haddad, منصور|Mansour, الشمري|Al-Shammari")),
    "persian": dict(m=_l("علی|Ali, رضا|Reza, مهدی|Mehdi, داریوش|Dariush"),
                    f=_l("مریم|Maryam, شیرین|Shirin, نسرین|Nasrin, پریسا|Parisa"),
                    fam=_l("رضایی|Rezaei, محمدی|Mohammadi, حسینی|Hosseini, کریمی|Karimi, تهرانی|Tehrani")),
    "hindi": dict(m=_l("राजेश|Rajesh, अमित|Amit, विकास|Vikas, सुरेश|Suresh"),
                  f=_l("प्रिया|Priya, सुनीता|Sunita, अनीता|Anita, कविता|Kavita"),
                  fam=_l("शर्मा|Sharma, वर्मा|Verma, गुप्ता|Gupta, मिश्रा|Mishra, त्रिपाठी|Tripathi")),
    "tamil": dict(m=_l("முருகன்|Murugan, செந்தில்|Senthil, கார்த்திக்|Karthik, அருண்|Arun"),
                  f=_l("லக்ஷ்மி|Lakshmi, மீனாட்சி|Meenakshi, கவிதா|Kavitha, தேவி|Devi"),
                  fam=_l("சுப்பிரமணியம்|Subramaniam, ராமசாமி|Ramasamy, வேலுசாமி|Velusamy, அண்ணாமலை|Annamalai")),
    "telugu": dict(m=_l("వెంకట|Venkata, శ్రీనివాస్|Srinivas, రవి|Ravi, నాగేశ్వర|Nageswara"),
                   f=_l("సరస్వతి|Saraswathi, పద్మ|Padma, శ్రావ్య|Sravya, హారిక|Harika"),
                   fam=_l("రెడ్డి|Reddy, నాయుడు|Naidu, రావు|Rao, చౌదరి|Chowdary")),
    "bengali": dict(m=_l("রহিম|Rahim, সৌরভ|Sourav, আরিফ|Arif, তানভীর|Tanvir"),
                    f=_l("সুমাইয়া|Sumaiya, তাসলিমা|Taslima, রুমানা|Rumana, দীপিকা|Dipika"),
                    fam_m=_l("চৌধুরী|Chowdhury, হোসেন|Hossain, বন্দ্যোপাধ্যায়|Bandyopadhyay, ইসলাম|Islam"),
                    fam_f=_l("আক্তার|Akter, চৌধুরী|Chowdhury, বন্দ্যোপাধ্যায়|Bandyopadhyay, খাতুন|Khatun")),
    "japanese": dict(order="fg", latin_order="gf", sep=" ",
                     m=_l("太郎|Taro, 健一|Kenichi, 翔太|Shota, 誠|Makoto"),
                     f=_l("花子|Hanako, 由美|Yumi, さくら|Sakura, 美咲|Misaki"),
                     fam=_l("山田|Yamada, 佐藤|Sato, 高橋|Takahashi, 渡辺|Watanabe, 中村|Nakamura")),
    "korean": dict(order="fg", latin_order="gf", sep="",
                   m=_l("민준|Min-jun, 지훈|Ji-hoon, 도윤|Do-yoon, 성민|Sung-min"),
                   f=_l("서연|Seo-yeon, 수아|Su-a, 지은|Ji-eun, 하은|Ha-eun"),
                   fam=_l("김|Kim, 이|Lee, 박|Park, 최|Choi, 정|Jung")),
    "chinese_han": dict(order="fg", latin_order="gf", sep="",
                        m=_l("建国|Jianguo, 伟|Wei, 志强|Zhiqiang, 浩然|Haoran"),
                        f=_l("秀英|Xiuying, 丽娟|Lijuan, 婷婷|Tingting, 美玲|Meiling"),
                        fam=_l("王|Wang, 李|Li, 张|Zhang, 刘|Liu, 陈|Chen")),
    "chinese_pinyin": dict(order="fg", latin_order="fg",
                           m=_l("Jiànguó|Jianguo, Zhìqiáng|Zhiqiang, Hàorán|Haoran, Wěi|Wei"),
                           f=_l("Xiùyīng|Xiuying, Lìjuān|Lijuan, Tíngtíng|Tingting, Měilíng|Meiling"),
                           fam=_l("Wáng|Wang, Lǐ|Li, Zhāng|Zhang, Liú|Liu, Chén|Chen")),
    "vietnamese": dict(order="fg", latin_order="fg",
                       m=_l("Văn Đức, Minh Tuấn, Hoàng Long, Quốc Bảo"),
                       f=_l("Thị Thu Hằng, Quỳnh Anh, Thị Mai, Ngọc Lan"),
                       fam=_l("Nguyễn, Trần, Lê, Phạm, Huỳnh, Đặng")),
    "thai": dict(m=_l("สมชาย|Somchai, ณัฐพล|Natthaphon, ธนากร|Thanakorn, วีระ|Weera"),
                 f=_l("สุดารัตน์|Sudarat, กาญจนา|Kanchana, พิมพ์ชนก|Phimchanok, นภา|Napha"),
                 fam=_l("ใจดี|Jaidee, ศรีสุข|Srisuk, วงศ์สวัสดิ์|Wongsawat, บุญมา|Boonma, แก้วมณี|Kaewmanee")),
    "filipino": dict(m=_l("Rodrigo, Danilo, Jericho, Mark Anthony"),
                     f=_l("Maria Cristina, Rosalinda, Jhoanna, Lorna"),
                     fam=_l("dela Cruz, Bautista, Macaraeg, Dimaculangan, Villanueva, Pangilinan")),
    "yoruba": dict(m=_l("Adébáyọ̀, Olúwaṣẹ́gun, Ayọ̀délé, Bámidélé"),
                   f=_l("Olúwadámilọ́lá, Fọláṣadé, Títílayọ̀, Adéọlá"),
                   fam=_l("Ògúnlẹ́sì, Adéyẹmí, Ọládipọ̀, Àjàyí, Babátúndé")),
    "igbo": dict(m=_l("Chukwuemeka, Obinna, Ikechukwu, Nnamdi"),
                 f=_l("Ngozi, Chiamaka, Adaeze, Ifeoma"),
                 fam=_l("Okonkwo, Nwosu, Eze, Nwankwọ, Obiọra, Ụzọchukwu")),
    "amharic": dict(m=_l("አበበ|Abebe, ተስፋዬ|Tesfaye, ዮሐንስ|Yohannes, ኃይሉ|Hailu"),
                    f=_l("ትዕግስት|Tigist, መሰረት|Meseret, ሰላም|Selam, ብርቱካን|Birtukan"),
                    fam=_l("በቀለ|Bekele, ገብረመድህን|Gebremedhin, ታደሰ|Tadesse, ወልደማርያም|Woldemariam, አለሙ|Alemu")),
    "somali": dict(m=_l("Abdirahman, Maxamed, Abdullahi, Guled"),
                   f=_l("Hodan, Faadumo, Sahra, Ubah"),
                   fam=_l("Abdi Warsame, Maxamuud Faarax, Xasan Nuur, Cali Jaamac, Ismaaciil Aadan")),
    "swahili": dict(m=_l("Baraka, Juma, Bakari, Rashidi"),
                    f=_l("Neema, Zawadi, Rehema, Imani"),
                    fam=_l("Mwinyi, Hamisi, Mwakilema, Kombo, Salim")),
    "hawaiian": dict(m=_l("Keoni, Makoa, Kainoa, Ikaika"),
                     f=_l("Leilani, Pualani, Kaʻiulani, Nohea"),
                     fam=_l("Kahananui, Kealoha, Akana, Kamakaʻala, Kanahele")),
    "samoan": dict(m=_l("Sione, Tavita, Faʻamoe, Iosefa"),
                   f=_l("Malia, Losa, Salote, Seini"),
                   fam=_l("Tuiasosopo, Faleolo, Leaupepe, Sapolu, Fuimaono")),
    "navajo": dict(m=_l("Ahiga, Naalnish, Bidzííl, Sani"),
                   f=_l("Nizhoni, Yanaba, Doli, Haseya"),
                   fam=_l("Begay, Yazzie, Tsosie, Benally, Etsitty, Nez")),
    "irish": dict(m=_l("Pádraig, Seán, Cathal, Tadhg"),
                  f=_l("Siobhán, Aoife, Caoimhe, Gráinne"),
                  fam_m=_l("Ó Súilleabháin, Mac Giolla Phádraig, Ó Briain, Mac Cárthaigh"),
                  fam_f=_l("Ní Shúilleabháin, Nic Giolla Phádraig, Ní Bhriain, Nic Cárthaigh")),
    "welsh": dict(m=_l("Dafydd, Iolo, Gruffudd, Rhys"),
                  f=_l("Rhiannon, Gwenllian, Siân, Ffion"),
                  fam=_l("ap Gwilym, Llŷr, Prys, ab Ieuan, Pugh-Llywelyn")),
    "icelandic": dict(m=_l("Sigurður, Ásgeir, Þórður, Einar"),
                      f=_l("Guðrún, Þórdís, Sigríður, Hrafnhildur"),
                      fam_m=_l("Ólafsson, Þorsteinsson, Jónsson, Gunnarsson"),
                      fam_f=_l("Jónsdóttir, Hauksdóttir, Ólafsdóttir, Björnsdóttir")),
    "finnish": dict(m=_l("Jyrki, Tapani, Eero, Väinö"),
                    f=_l("Päivi, Tuulikki, Aino, Sirpa"),
                    fam=_l("Mäkinen, Häkkinen, Virtanen, Kärkkäinen, Nieminen")),
    "hungarian": dict(order="fg", latin_order="fg",
                      m=_l("Gergő, László, Zoltán, Ákos"),
                      f=_l("Zsófia, Erzsébet, Ildikó, Réka"),
                      fam=_l("Nagy, Kovács, Szőke, Tóth, Horváth, Fülöp")),
    "turkish": dict(m=_l("Çağrı, Mehmet, Oğuz, İsmail"),
                    f=_l("Ayşe, Gülşen, Şule, Büşra"),
                    fam=_l("Yılmaz, Öztürk, Şahin, Kılıç, Doğan")),
    "hebrew": dict(m=_l("אברהם|Avraham, יוסי|Yossi, איתן|Eitan, דוד|David"),
                   f=_l("נועה|Noa, רחל|Rachel, מיכל|Michal, שירה|Shira"),
                   fam=_l("כהן|Cohen, לוי|Levi, מזרחי|Mizrahi, פרץ|Peretz, ביטון|Biton")),
    "russian": dict(m=_l("Иван|Ivan, Дмитрий|Dmitry, Сергей|Sergey, Алексей|Aleksey"),
                    f=_l("Ольга|Olga, Татьяна|Tatyana, Наталья|Natalya, Людмила|Lyudmila"),
                    fam_m=_l("Смирнов|Smirnov, Кузнецов|Kuznetsov, Волков|Volkov, Соколов|Sokolov"),
                    fam_f=_l("Смирнова|Smirnova, Кузнецова|Kuznetsova, Волкова|Volkova, Соколова|Sokolova")),
    "ukrainian": dict(m=_l("Ярослав|Yaroslav, Євген|Yevhen, Тарас|Taras, Богдан|Bohdan"),
                      f=_l("Олена|Olena, Ївга|Yivha, Оксана|Oksana, Соломія|Solomiia"),
                      fam=_l("Шевченко|Shevchenko, Коваленко|Kovalenko, Бондаренко|Bondarenko, Ткачук|Tkachuk, Мельник|Melnyk")),
    "georgian": dict(m=_l("გიორგი|Giorgi, ლევან|Levan, დავით|Davit, ზურაბ|Zurab"),
                     f=_l("ნინო|Nino, თამარ|Tamar, მარიამ|Mariami, ეკატერინე|Ekaterine"),
                     fam=_l("ბერიძე|Beridze, კაპანაძე|Kapanadze, გელაშვილი|Gelashvili, მაისურაძე|Maisuradze")),
    "armenian": dict(m=_l("Արամ|Aram, Տիգրան|Tigran, Հայկ|Hayk, Գևորգ|Gevorg"),
                     f=_l("Անի|Ani, Նարինե|Narine, Լուսինե|Lusine, Սոնա|Sona"),
                     fam=_l("Հակոբյան|Hakobyan, Պետրոսյան|Petrosyan, Սարգսյան|Sargsyan, Գրիգորյան|Grigoryan")),
    "brazilian": dict(m=_l("João, Sebastião, Antônio, Luiz Otávio"),
                      f=_l("Maria das Graças, Conceição, Luíza, Thaís"),
                      fam=_l("Sousa, Gonçalves, Araújo, Nascimento, Magalhães")),
    "mexican": dict(m=_l("José Luis, Jesús, Rigoberto, Ángel"),
                    f=_l("María Guadalupe, Ximena, Itzel, Xóchitl"),
                    fam=_l("Hernández Ruiz, Ramírez Ortega, Martínez Peña, Núñez Villaseñor, Gómez Tapia")),
    "haitian": dict(m=_l("Fédner, Mackenson, Wisly, Jean-Robert"),
                    f=_l("Widlyne, Nadège, Roseline, Fabiola"),
                    fam=_l("Saint-Fleur, Exantus, Dorvilus, Pierre-Louis, Jean-Baptiste, Désir")),
    "english_words": dict(m=_l("Hunter, Will, Mark, Forrest, Bishop"),
                          f=_l("Hope, Rose, May, Faith, Joy, Summer, Grace"),
                          fam=_l("Brown, Young, Bishop, Hunter, Rose, Frost, Little, Sharp, Love, Strong, May")),
    "czech": dict(m=_l("Jiří, Tomáš, Přemysl, Vojtěch"),
                  f=_l("Kateřina, Zdeňka, Lucie, Radka"),
                  fam_m=_l("Dvořák, Novák, Černý, Procházka"),
                  fam_f=_l("Dvořáková, Nováková, Černá, Procházková")),
    "swedish": dict(m=_l("Björn, Åke, Göran, Linus"),
                    f=_l("Åsa, Maj-Britt, Linnéa, Ebba"),
                    fam=_l("Lindqvist, Håkansson, Sjöberg, Ekström, Nyström")),
    "romanian": dict(m=_l("Ștefan, Mihai, Răzvan, Ionuț"),
                     f=_l("Ioana, Mădălina, Ancuța, Roxana"),
                     fam=_l("Popescu, Țărean, Dumitrescu, Stănescu, Munteanu")),
    "zulu": dict(m=_l("Sipho, Themba, Mandla, Sibusiso"),
                 f=_l("Thandiwe, Nomvula, Zanele, Lindiwe"),
                 fam=_l("Dlamini, Nkosi, Mthembu, Ndlovu, Zungu")),
    "punjabi": dict(m=_l("ਗੁਰਪ੍ਰੀਤ|Gurpreet, ਹਰਜੀਤ|Harjit, ਜਸਵਿੰਦਰ|Jaswinder, ਅਮਰਜੀਤ|Amarjit"),
                    f=_l("ਮਨਪ੍ਰੀਤ|Manpreet, ਹਰਲੀਨ|Harleen, ਸਿਮਰਨ|Simran, ਨਵਦੀਪ|Navdeep"),
                    fam_m=_l("ਸਿੰਘ|Singh, ਗਿੱਲ|Gill, ਸੰਧੂ|Sandhu, ਢਿੱਲੋਂ|Dhillon"),
                    fam_f=_l("ਕੌਰ|Kaur, ਗਿੱਲ|Gill, ਸੰਧੂ|Sandhu, ਢਿੱਲੋਂ|Dhillon")),
    "urdu": dict(m=_l("عمران|Imran, فیصل|Faisal, بلال|Bilal, کامران|Kamran"),
                 f=_l("عائشہ|Ayesha, ثنا|Sana, ماہ نور|Mahnoor, زینب|Zainab"),
                 fam=_l("صدیقی|Siddiqui, قریشی|Qureshi, چوہدری|Chaudhry, ملک|Malik")),
    "maori": dict(m=_l("Wiremu, Tama, Rāwiri, Hēmi"),
                  f=_l("Aroha, Mere, Ngaio, Kahurangi"),
                  fam=_l("Ngata, Te Rangi, Parata, Tāwhiri, Horomona")),
    "tongan": dict(m=_l("Viliami, Tevita, Siaosi, Sitani"),
                   f=_l("Mele, Losaline, ʻAna, Lesieli"),
                   fam=_l("Havili, Tupou, Fifita, Taumalolo, Vainikolo")),
    "indonesian": dict(m=_l("Budi, Agus, Wahyu, Dimas"),
                       f=_l("Siti, Dewi, Ratna, Putri"),
                       fam=_l("Santoso, Wijaya, Rahmawati, Nugroho, Hidayat")),
    "norwegian": dict(m=_l("Øystein, Håkon, Sindre, Tor"),
                      f=_l("Ingrid, Solveig, Åshild, Kari"),
                      fam=_l("Bjørnstad, Haugen, Løkken, Fjeld, Strømme")),
    "serbian": dict(m=_l("Милош|Miloš, Душан|Dušan, Небојша|Nebojša, Бранко|Branko"),
                    f=_l("Јелена|Jelena, Драгана|Dragana, Милица|Milica, Снежана|Snežana"),
                    fam=_l("Јовановић|Jovanović, Петровић|Petrović, Николић|Nikolić, Ђорђевић|Đorđević")),
}
CULTURE_NAMES = sorted(CULTURES)

CULTURE_LANG = {
    "polish": "Polish", "dutch": "Dutch", "italian": "Italian", "greek": "Greek", "arabic": "Arabic", "persian": "Farsi",
    "hindi": "Hindi", "tamil": "Tamil", "telugu": "Telugu", "bengali": "Bengali", "japanese": "Japanese",
    "korean": "Korean", "chinese_han": "Mandarin", "chinese_pinyin": "Mandarin", "vietnamese": "Vietnamese",
    "thai": "Thai", "filipino": "Tagalog", "yoruba": "Yoruba", "igbo": "Igbo", "amharic": "Amharic", "somali": "Somali",
    "swahili": "Swahili", "hawaiian": "English", "samoan": "Samoan", "navajo": "Navajo (Diné)", "irish": "English",
    "welsh": "English", "icelandic": "Icelandic", "finnish": "Finnish", "hungarian": "Hungarian", "turkish": "Turkish",
    "hebrew": "Hebrew", "russian": "Russian", "ukrainian": "Ukrainian", "georgian": "Georgian", "armenian": "Armenian",
    "brazilian": "Portuguese", "mexican": "Spanish", "haitian": "Haitian Creole", "english_words": "English",
    "czech": "Czech", "swedish": "Swedish", "romanian": "Romanian", "zulu": "Zulu", "punjabi": "Punjabi",
    "urdu": "Urdu", "maori": "English", "tongan": "Tongan", "indonesian": "Indonesian", "norwegian": "Norwegian",
    "serbian": "Serbian"}

_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                       "Þ": "Th", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ı": "i", "ʻ": "",
                       "'": "", "ß": "ss"})


def fold(s):
    """ASCII-fold a Latin-script name (for HL7 feeds and email local parts)."""
    s = s.translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def split_name(entry):
    if "|" in entry:
        a, b = entry.split("|")
        return a, b
    return entry, entry


# ---------------------------------------------------------------------------------------
# shared vocabulary (all made up)
# ---------------------------------------------------------------------------------------

STAFF = [
    "Anna Weiss", "Tomasz Grabowski", "Priyanka Iyer", "Kwame Mensah", "Lucía Ferrer",
    "Daniel Okafor", "Mei-Ling Tsai", "Olivia Brennan", "Rafael Quintero", "Hannah Lindgren",
    "Samir Haddadin", "Erin McAllister", "Kenji Morita", "Fatoumata Diallo", "Jonah Whitfield",
    "Beatriz Almeida", "Chinedu Obi", "Laura Kessler", "Arjun Menon", "Sofía Castaño",
    "Noah Feldman", "Greet Achterberg", "Marcus Oyelaran", "Ingrid Halvorsen", "Yusuf Demir",
    "Camille Laurent", "Tyrone Jefferson", "Naledi Khumalo", "Pieter Claes", "Hyun-woo Bae",
    "Aleksandra Nowicka", "Diego Paredes", "Emily Tran", "Ravi Natarajan", "Siobhan Kearney",
    "Matteo Bellini", "Zara Ahmed", "Lukas Brandt", "Ama Owusu", "Connor Walsh",
    "Renata Vogel", "Kofi Asante", "Dana Whitcomb", "Irene Castellanos", "Mateus Ribeiro",
]

FACILITIES = [
    ("Riverbend Medical Center", "RBMC", "riverbendhealth.org"),
    ("St. Brigid's Hospital", "SBH", "stbrigids.org"),
    ("Cascade Valley Clinic", "CVC", "cascadevalleyclinic.org"),
    ("Lakeshore Regional Health", "LRH", "lakeshoreregional.org"),
    ("Mercy Hollow Community Hospital", "MHCH", "mercyhollow.org"),
    ("Northgate Pediatrics", "NGP", "northgatepeds.com"),
    ("Sunrise Home Health", "SHH", "sunrisehomehealth.com"),
    ("Harbor Point Dialysis", "HPD", "harborpointdialysis.com"),
    ("Pine Ridge Oncology Associates", "PROA", "pineridgeonc.com"),
    ("Saint Columba Hospice", "SCH", "stcolumbahospice.org"),
    ("Desert Sage Family Medicine", "DSFM", "desertsagefm.com"),
    ("Kalani Bay Medical Group", "KBMG", "kalanibaymed.org"),
    ("Tamarack Behavioral Health", "TBH", "tamarackbh.org"),
    ("Granite Falls Orthopedics", "GFO", "granitefallsortho.com"),
]

STREETS = ["Alder", "Maple Ridge", "Kalakaua", "Calle del Sol", "Juniper Hollow", "Old Mill",
           "Bayview", "Quail Run", "Cottonwood", "Kamehameha", "Division", "Ashbury", "Pioneer",
           "Saguaro", "Linden", "Wabash", "Magnolia", "Tamarack", "Orchard", "Chickadee",
           "Willow Bend", "Ironwood", "Harborview", "Mesquite", "Larkspur", "Foxglove"]
SUFFIX = ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Pl", "Terrace", "Loop", "Street",
          "Avenue", "Road"]
DIRS = ["", "", "", "N ", "S ", "NE ", "SW ", "E ", "W "]
UNITS = ["Apt 4B", "Unit 12", "#305", "Apt 2", "Ste 210", "Lot 17", "Apt 11C", "Unit B",
         "#7", "Apt 1407", "Trlr 9", "Bldg 3 Apt 6"]
CITIES = [("Portland", "OR", "972", "503"), ("Gresham", "OR", "970", "971"),
          ("Tacoma", "WA", "984", "253"), ("Spokane", "WA", "992", "509"),
          ("Boise", "ID", "837", "208"), ("Fresno", "CA", "937", "559"),
          ("Oakland", "CA", "946", "510"), ("Tucson", "AZ", "857", "520"),
          ("Gallup", "NM", "873", "505"), ("Window Rock", "AZ", "865", "928"),
          ("Honolulu", "HI", "968", "808"), ("Hilo", "HI", "967", "808"),
          ("Minneapolis", "MN", "554", "612"), ("Dearborn", "MI", "481", "313"),
          ("Paterson", "NJ", "075", "973"), ("Brooklyn", "NY", "112", "718"),
          ("Lowell", "MA", "018", "978"), ("Miami", "FL", "331", "305"),
          ("Houston", "TX", "770", "713"), ("Laredo", "TX", "780", "956"),
          ("Anchorage", "AK", "995", "907"), ("Fargo", "ND", "581", "701"),
          ("Columbus", "OH", "432", "614"), ("Decatur", "GA", "300", "404"),
          ("Richmond", "VA", "232", "804"), ("Salt Lake City", "UT", "841", "801"),
          ("Sacramento", "CA", "958", "916"), ("Kent", "WA", "980", "206")]
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "aol.com",
                "hotmail.com", "comcast.net"]

CONDITIONS = [("Type 2 diabetes mellitus without complications", "E11.9"),
              ("Essential hypertension", "I10"),
              ("Chronic obstructive pulmonary disease with acute exacerbation", "J44.1"),
              ("Heart failure with reduced ejection fraction", "I50.22"),
              ("Community-acquired pneumonia", "J18.9"),
              ("Atrial fibrillation", "I48.91"),
              ("Acute kidney injury", "N17.9"),
              ("Major depressive disorder, recurrent, moderate", "F33.1"),
              ("Cellulitis of left lower limb", "L03.116"),
              ("Urinary tract infection", "N39.0"),
              ("Sepsis, unspecified organism", "A41.9"),
              ("Fracture of neck of right femur", "S72.001A"),
              ("Iron deficiency anemia", "D50.9"),
              ("Obstructive sleep apnea", "G47.33"),
              ("Asthma, moderate persistent", "J45.40"),
              ("Chronic kidney disease, stage 4", "N18.4"),
              ("Opioid use disorder, moderate", "F11.20"),
              ("Alzheimer's disease, late onset", "G30.1"),
              ("Malignant neoplasm of upper-outer quadrant of left breast", "C50.412"),
              ("Syncope and collapse", "R55")]
MEDS = ["metformin 1000 mg PO BID", "lisinopril 20 mg PO daily", "apixaban 5 mg PO BID",
        "furosemide 40 mg IV BID", "insulin glargine 22 units SC at bedtime",
        "ceftriaxone 1 g IV q24h", "sertraline 100 mg PO daily", "albuterol 90 mcg 2 puffs q4h PRN",
        "oxycodone 5 mg PO q6h PRN", "enoxaparin 40 mg SC daily", "vancomycin 1250 mg IV q12h",
        "donepezil 10 mg PO at bedtime", "buprenorphine-naloxone 8-2 mg SL daily",
        "ferrous sulfate 325 mg PO daily", "metoprolol succinate 50 mg PO daily",
        "tamsulosin 0.4 mg PO daily", "levothyroxine 88 mcg PO daily",
        "acetaminophen 650 mg PO q6h PRN", "pantoprazole 40 mg PO daily",
        "ondansetron 4 mg IV q8h PRN"]
CPTS = [("99214", "Office visit, est. patient, moderate"), ("99285", "ED visit, high severity"),
        ("93000", "ECG with interpretation"), ("71046", "Chest X-ray, 2 views"),
        ("80053", "Comprehensive metabolic panel"), ("85025", "CBC with differential"),
        ("97110", "Therapeutic exercise"), ("G0299", "Skilled RN home health visit"),
        ("99457", "Remote physiologic monitoring, first 20 min"), ("J1885", "Ketorolac injection"),
        ("36415", "Venipuncture"), ("99496", "Transitional care management, high")]
LABS = [("2345-7", "Glucose", "mg/dL", 70, 320, "70-99"), ("2160-0", "Creatinine", "mg/dL", 0.5, 4.5, "0.6-1.3"),
        ("718-7", "Hemoglobin", "g/dL", 7.0, 16.5, "12.0-16.0"), ("6690-2", "WBC", "10*3/uL", 2.1, 24.0, "4.0-11.0"),
        ("2951-2", "Sodium", "mmol/L", 124, 149, "135-145"), ("2823-3", "Potassium", "mmol/L", 2.9, 6.1, "3.5-5.1"),
        ("4548-4", "Hemoglobin A1c", "%", 5.1, 12.8, "<5.7"), ("777-3", "Platelets", "10*3/uL", 42, 510, "150-400"),
        ("1920-8", "AST", "U/L", 11, 240, "10-40"), ("33762-6", "NT-proBNP", "pg/mL", 40, 9800, "<125"),
        ("2524-7", "Lactate", "mmol/L", 0.6, 6.8, "0.5-2.0"), ("6301-6", "INR", "", 0.9, 4.8, "0.8-1.2")]
PAYERS = ["Cascadia Health Plan", "Evergreen Mutual", "Pacific Medicare Advantage PPO", "Beacon Community Care (Medicaid)",
          "Summit Employee Health Trust", "Tri-River Advantage", "Keystone Benefit Administrators"]

FILLER = [
    "The interface engine retries three times with exponential backoff before a message lands in the error queue.",
    "This was first noticed after the last maintenance window.",
    "The same behaviour shows up in TST when the feed is replayed from the archive.",
    "Vendor support has been contacted and asked for their logs from the same period.",
    "The nightly reconciliation report flagged this before anyone on the floor noticed.",
    "Other sites on the same build do not seem to be affected.",
    "No configuration changes were made on our side during the last two weeks.",
    "The error queue has been drained manually twice since then.",
    "Monitoring shows normal CPU and memory on both engine nodes at the time.",
    "Please keep the discussion in this ticket so the history stays in one place.",
    "Priority was raised because it affects the go-live checklist for the outpatient clinics.",
    "A fix would ideally go out with the next scheduled release rather than as a hotfix.",
]


# ---------------------------------------------------------------------------------------
# identifiers
# ---------------------------------------------------------------------------------------

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
    return luhn_digit(num[:-1]) == num[-1]


def make_npi(r):
    base = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    npi = base + luhn_digit("80840" + base)
    return npi if npi != "1234567893" else make_npi(r)


def make_card(r):
    prefix = r.choice(["4", "51", "53", "37", "6011"])
    n = 15 if prefix == "37" else 16
    body = prefix + "".join(r.choice("0123456789") for _ in range(n - len(prefix) - 1))
    num = body + luhn_digit(body)
    if num.startswith("4111") or num.startswith("4242"):
        return make_card(r)
    return num


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(r):
    an = MBI_A + "0123456789"
    s = (r.choice("123456789") + r.choice(MBI_A) + r.choice(an) + r.choice("0123456789")
         + r.choice(MBI_A) + r.choice(an) + r.choice("0123456789") + r.choice(MBI_A)
         + r.choice(MBI_A) + r.choice("0123456789") + r.choice("0123456789"))
    return s if s != "1EG4TE5MK73" else make_mbi(r)


def make_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a == 666:
            continue
        g, s = r.randint(1, 99), r.randint(1, 9999)
        v = "%03d-%02d-%04d" % (a, g, s)
        if v not in ("123-45-6789", "078-05-1120", "219-09-9999"):
            return v


VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VAL = dict(zip("ABCDEFGH", range(1, 9)))
VIN_VAL.update(dict(zip("JKLMN", range(1, 6))))
VIN_VAL.update({"P": 7, "R": 9})
VIN_VAL.update(dict(zip("STUVWXYZ", range(2, 10))))
VIN_VAL.update({str(i): i for i in range(10)})
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def make_vin(r):
    v = [r.choice(VIN_CH) for _ in range(17)]
    v[0] = r.choice("12345JKLW")
    s = sum(VIN_VAL[c] * w for c, w in zip(v, VIN_W)) % 11
    v[8] = "X" if s == 10 else str(s)
    return "".join(v)


def digits(r, n, first="123456789"):
    return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))


def alnum(r, n, chars="ABCDEFGHJKLMNPRSTUVWXYZ0123456789"):
    return "".join(r.choice(chars) for _ in range(n))


# ---------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
MONTHS_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre"]
MONTHS_PL = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia"]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def fd(d, st="iso"):
    if st == "iso":
        return d.strftime("%Y-%m-%d")
    if st == "us":
        return d.strftime("%m/%d/%Y")
    if st == "usn":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if st == "us2":
        return d.strftime("%m/%d/%y")
    if st == "hl7":
        return d.strftime("%Y%m%d")
    if st == "eu":
        return d.strftime("%d.%m.%Y")
    if st == "dmy":
        return d.strftime("%d/%m/%Y")
    if st == "long":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if st == "abbr":
        return "%02d-%s-%d" % (d.day, MON[d.month - 1], d.year)
    if st == "dmon":
        return "%d %s %d" % (d.day, MON[d.month - 1], d.year)
    if st == "ABBR":
        return "%02d%s%d" % (d.day, MON[d.month - 1].upper(), d.year)
    if st == "ja":
        return "%d年%d月%d日" % (d.year, d.month, d.day)
    if st == "nl":
        return "%d %s %d" % (d.day, MONTHS_NL[d.month - 1], d.year)
    if st == "it":
        return "%d %s %d" % (d.day, MONTHS_IT[d.month - 1], d.year)
    if st == "pl":
        return "%d %s %d" % (d.day, MONTHS_PL[d.month - 1], d.year)
    if st == "ar":
        return d.strftime("%d/%m/%Y").translate(AR_DIGITS)
    raise ValueError(st)


def hl7ts(d, h, m, s=None):
    out = d.strftime("%Y%m%d") + "%02d%02d" % (h, m)
    if s is not None:
        out += "%02d" % s
    return out


def hhmm(h, m, colon=True):
    return ("%02d:%02d" if colon else "%02d%02d") % (h, m)


# ---------------------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------------------


class Staff:
    def __init__(self, c, full, fac, cred=None):
        self.full = full
        parts = full.split(" ")
        self.first, self.last = parts[0], parts[-1]
        r = c.r
        dom = fac[2]
        self.email = "%s.%s@%s" % (fold(self.first).lower(), fold(self.last).lower().replace("'", ""), dom)
        area = r.choice(["503", "206", "808", "612", "520", "313"])
        self.phone = "(%s) %s-%s" % (area, digits(r, 3, "2346789"), digits(r, 4, "0123456789"))
        self.ext = str(r.randint(2000, 7999))
        self.pager = "%s-%s" % (digits(r, 3, "2346789"), digits(r, 4, "0123456789"))
        self.npi = make_npi(r)
        self.handle = fold(self.first).lower()[0] + fold(self.last).lower().replace("-", "")
        self.cred = cred or r.choice(["MD", "DO", "RN", "NP", "PA-C", "RN, BSN", "PharmD", "MSW", "RT"])

    def name(self, style="full"):
        if style == "full":
            return X("staff_name", self.full)
        if style == "dr":
            return X("staff_name", "Dr. " + self.last)
        if style == "drfull":
            return X("staff_name", "Dr. " + self.full)
        if style == "lf":
            return X("staff_name", "%s, %s" % (self.last, self.first))
        if style == "hl7":
            return X("staff_name", "%s^%s" % (fold(self.last).upper(), fold(self.first).upper()))
        if style == "cred":
            return X("staff_name", "%s, %s" % (self.full, self.cred))
        if style == "handle":
            return X("staff_name", "@" + self.handle)
        if style == "jira":
            return X("staff_name", "[~%s]" % self.handle)
        if style == "first":
            return X("staff_name", self.first)
        raise ValueError(style)

    def mail(self):
        return X("staff_contact", self.email)

    def tel(self):
        return X("staff_contact", self.phone)

    def xt(self):
        return X("staff_contact", "x" + self.ext)

    def pg(self):
        return X("staff_contact", self.pager)

    def npi_x(self):
        return X("npi", self.npi)


class Patient:
    def __init__(self, c, culture, sex=None, age=None, native=None, ref=None):
        r = c.r
        C = CULTURES[culture]
        self.c, self.culture = c, culture
        self.sex = sex or r.choice("FM")
        g = r.choice(C["f"] if self.sex == "F" else C["m"])
        if self.sex == "F":
            fams = C.get("fam_f", C.get("fam"))
        else:
            fams = C.get("fam_m", C.get("fam"))
        fam = r.choice(fams)
        self.fam_entry = fam
        self.g, self.gl = split_name(g)
        self.fam, self.faml = split_name(fam)
        self.has_script = (self.g != self.gl) or (self.fam != self.faml)
        self.order = C.get("order", "gf")
        self.latin_order = C.get("latin_order", self.order)
        self.sep = C.get("sep", " ")
        self.native = native if native is not None else (r.random() < 0.55)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTW") if (r.random() < 0.35 and not self.has_script) else ""
        ref = ref or c.today
        if age is None:
            roll = r.random()
            if roll < 0.16:
                age = r.randint(90, 104)
            elif roll < 0.26:
                age = r.randint(0, 17)
            else:
                age = r.randint(18, 89)
        self.dob = ref - dt.timedelta(days=age * 365 + r.randint(1, 360) + age // 4)
        self.ref = ref
        city, st, zp, area = r.choice(CITIES)
        self.city, self.state, self.area = city, st, area
        self.zip = zp + "%02d" % r.randint(1, 99)
        self.zip4 = "%04d" % r.randint(1, 9999)
        self.street = "%d %s%s %s" % (r.choice([r.randint(2, 99), r.randint(100, 9999), r.randint(10000, 48999)]),
                                      r.choice(DIRS), r.choice(STREETS), r.choice(SUFFIX))
        self.unit = r.choice(UNITS) if r.random() < 0.45 else ""
        self.phone3 = digits(r, 3, "2346789")
        if self.phone3 == "555":
            self.phone3 = "556"
        self.phone4 = digits(r, 4, "0123456789")
        self.cell3 = digits(r, 3, "2346789")
        if self.cell3 == "555":
            self.cell3 = "557"
        self.cell4 = digits(r, 4, "0123456789")
        self.cell_area = r.choice([area, area, "971", "425", "341", "279"])
        self.mrn_v = r.choice([digits(r, 7), digits(r, 8), "00" + digits(r, 6), "E" + digits(r, 7),
                               digits(r, 9), "M" + digits(r, 6)])
        self.ssn_v = make_ssn(r)
        self.member_v = r.choice(["XJH" + digits(r, 9, "0123456789"), "W" + digits(r, 9), "ZGP" + alnum(r, 8),
                                  digits(r, 11), "MBR" + digits(r, 8), "H" + digits(r, 8) + "01"])
        self.mbi_v = make_mbi(r)
        self.acct_v = r.choice([digits(r, 9), "HAR" + digits(r, 8), "A" + digits(r, 10), digits(r, 12)])
        self.visit_v = r.choice(["V" + digits(r, 9), digits(r, 10), "ENC-" + digits(r, 8), "FIN" + digits(r, 9)])
        lp = fold(self.gl).lower().replace(" ", "").replace("-", "")
        lf = fold(self.faml).lower().replace(" ", "").replace("-", "")
        self.email_v = r.choice(["%s.%s%d" % (lp, lf, r.randint(1, 99)), "%s%s" % (lp[0], lf),
                                 "%s_%s%d" % (lf, lp, self.dob.year % 100), "%s%d" % (lp, self.dob.year)]) \
            + "@" + r.choice(MAIL_DOMAINS)
        c.cultures.append(culture)

    # -- names ------------------------------------------------------------------------
    def _nat(self, given, fam, order, sep):
        return (fam + sep + given) if order == "fg" else (given + sep + fam)

    def full_text(self, script=None):
        script = self.native if script is None else script
        if script and self.has_script:
            return self._nat(self.g, self.fam, self.order, self.sep)
        if script:
            return self._nat(self.g, self.fam, self.order, " ")
        return self._nat(self.gl, self.faml, self.latin_order, " ")

    def name(self, style="full", script=None):
        """style: full | latin | native | lf | LF | hl7 | hl7mi | upper | given | family | given_l | family_l | initial"""
        if style == "full":
            return P("person_name", self.full_text(script))
        if style == "latin":
            return P("person_name", self.full_text(False))
        if style == "native":
            return P("person_name", self.full_text(True))
        if style == "lf":
            return P("person_name", "%s, %s" % (self.faml, self.gl) + (" " + self.mi if self.mi else ""))
        if style == "LF":
            return P("person_name", "%s, %s" % (fold(self.faml).upper(), fold(self.gl).upper()))
        if style == "LFd":   # upper case, diacritics kept
            return P("person_name", "%s, %s" % (self.faml.upper(), self.gl.upper()))
        if style == "hl7":
            s = "%s^%s" % (fold(self.faml).upper(), fold(self.gl).upper())
            return P("person_name", s + ("^" + self.mi if self.mi else ""))
        if style == "hl7u":   # UTF-8 feed, native script kept
            return P("person_name", "%s^%s" % (self.fam, self.g))
        if style == "upper":
            return P("person_name", fold(self.full_text(False)).upper())
        if style == "given":
            return P("person_name", self.g if (self.native and self.has_script) else self.gl)
        if style == "family":
            return P("person_name", self.fam if (self.native and self.has_script) else self.faml)
        if style == "given_l":
            return P("person_name", self.gl)
        if style == "family_l":
            return P("person_name", self.faml)
        if style == "given_n":
            return P("person_name", self.g)
        if style == "family_n":
            return P("person_name", self.fam)
        raise ValueError(style)

    def title(self):
        return X("title", "Mrs." if self.sex == "F" else "Mr.")

    # -- demographics -----------------------------------------------------------------
    def age(self, on=None):
        on = on or self.ref
        a = on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))
        return a

    def age_p(self, on=None):
        a = self.age(on)
        return P("age_over_89", str(a)) if a >= 90 else str(a)

    def dob_p(self, st="us"):
        return P("date", fd(self.dob, st))

    def mrn(self):
        return P("mrn", self.mrn_v)

    def ssn(self, st="dash"):
        return P("ssn", self.ssn_v if st == "dash" else self.ssn_v.replace("-", ""))

    def ssn_last4(self):
        return X("ssn_last4", self.ssn_v[-4:])

    def phone(self, st="paren", cell=False):
        a, b, n = (self.cell_area, self.cell3, self.cell4) if cell else (self.area, self.phone3, self.phone4)
        f = {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s", "plain": "%s%s%s",
             "intl": "+1 %s %s %s", "intl2": "+1-%s-%s-%s", "hl7": "(%s)%s-%s"}[st]
        return P("phone", f % (a, b, n))

    def xtn(self, cell=False):
        """HL7 XTN with area code and local number in separate components: two spans."""
        a, b, n = (self.cell_area, self.cell3, self.cell4) if cell else (self.area, self.phone3, self.phone4)
        return [P("phone", a), "^", P("phone", b + n)]

    def email(self):
        return P("email", self.email_v)

    def street_p(self):
        return P("street_address", self.street)

    def unit_p(self):
        return P("street_address", self.unit) if self.unit else None

    def city_p(self):
        return P("street_address", self.city)

    def state_x(self):
        return X("state", self.state)

    def zip_p(self, plus4=False):
        return P("zip_code", self.zip + ("-" + self.zip4 if plus4 else ""))

    def addr_line(self, sep=", "):
        out = [self.street_p()]
        if self.unit:
            out += [" ", self.unit_p()]
        out += [sep, self.city_p(), ", ", self.state_x(), " ", self.zip_p()]
        return out

    def addr_lines(self, nl="\n"):
        out = [self.street_p()]
        if self.unit:
            out += [", ", self.unit_p()]
        out += [nl, self.city_p(), ", ", self.state_x(), " ", self.zip_p()]
        return out

    def member(self):
        return P("health_plan_id", self.member_v)

    def mbi(self, dashed=False):
        v = self.mbi_v
        if dashed:
            v = v[:4] + "-" + v[4:7] + "-" + v[7:]
        return P("medicare_mbi", v)

    def acct(self):
        return P("account_number", self.acct_v)

    def visit(self):
        return P("account_number", self.visit_v)


# ---------------------------------------------------------------------------------------
# per-document context
# ---------------------------------------------------------------------------------------


class Ctx:
    def __init__(self, rng, family, primary):
        self.r = rng
        self.family = family
        self.primary = primary
        self.doc = Doc()
        self.cultures = []
        self.today = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 320))
        self._staff = []
        self.fac_t = rng.choice(FACILITIES)
        self._npat = 0

    # building
    def f(self, tpl, **kw):
        fill(self.doc, tpl, kw)

    def add(self, *xs):
        for x in xs:
            self.doc.add(x)

    # randomness
    def ch(self, seq):
        return self.r.choice(seq)

    def rnd(self):
        return self.r.random()

    def ri(self, a, b):
        return self.r.randint(a, b)

    def digits(self, n, first="123456789"):
        return digits(self.r, n, first)

    def alnum(self, n):
        return alnum(self.r, n)

    def uuid(self):
        h = "".join(self.r.choice("0123456789abcdef") for _ in range(32))
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.r.choice("89ab"), h[17:20], h[20:32])

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    # people and places
    def patient(self, culture=None, **kw):
        if culture is None:
            culture = self.primary if self._npat == 0 else self.r.choice(CULTURE_NAMES)
        self._npat += 1
        return Patient(self, culture, **kw)

    def relative(self, p, sex=None, same_family=True, age=None):
        for _ in range(12):
            q = Patient(self, p.culture, sex=sex, age=age if age is not None else self.r.randint(25, 70),
                        native=p.native)
            self.cultures.pop()
            if q.gl != p.gl:
                break
        self.cultures.append(p.culture)
        C = CULTURES[p.culture]
        if same_family and p.culture not in ("somali", "amharic", "icelandic", "bengali"):
            if C.get("fam"):
                q.fam, q.faml = p.fam, p.faml
            else:
                src = C["fam_f"] if p.sex == "F" else C["fam_m"]
                dst = C["fam_f"] if q.sex == "F" else C["fam_m"]
                q.fam, q.faml = split_name(dst[src.index(p.fam_entry)])
        return q

    def staff(self, cred=None):
        while True:
            s = self.r.choice(STAFF)
            if s not in [x.full for x in self._staff]:
                break
        st = Staff(self, s, self.fac_t, cred)
        self._staff.append(st)
        return st

    def fac(self, which=None):
        f = which or self.fac_t
        return X("facility", f[0])

    def other_fac(self):
        while True:
            f = self.r.choice(FACILITIES)
            if f != self.fac_t:
                return f

    def cond(self):
        name, code = self.r.choice(CONDITIONS)
        return X("condition", name), X("diagnosis_code", code)

    def med(self, iv_ok=False):
        return X("medication", self.r.choice([m for m in MEDS if iv_ok or " IV " not in m]))

    def cpt(self):
        code, desc = self.r.choice(CPTS)
        return X("procedure_code", code), desc

    def day(self, lo=-30, hi=0):
        return self.today + dt.timedelta(days=self.r.randint(lo, hi))

    def tseq(self, n, d=None, sep=" ", ms=False, start_h=None, step=(1, 900)):
        """n increasing timestamps on day d."""
        d = d or self.today
        t = (start_h if start_h is not None else self.ri(0, 12)) * 3600 + self.ri(0, 3599)
        out = []
        for _ in range(n):
            h, m, sec = t // 3600, (t // 60) % 60, t % 60
            s = "%s%s%02d:%02d:%02d" % (d.isoformat(), sep, min(h, 23), m, sec)
            if ms:
                s += ".%03d" % self.ri(0, 999)
            out.append(s)
            t += self.ri(*step)
        return out

    def ts(self, d=None, sep=" ", ms=False):
        d = d or self.today
        s = "%s%s%02d:%02d:%02d" % (d.isoformat(), sep, self.ri(0, 23), self.ri(0, 59), self.ri(0, 59))
        if ms:
            s += ".%03d" % self.ri(0, 999)
        return s

    def jira_key(self):
        return "%s-%d" % (self.ch(["INTEG", "EHR", "HIM", "PHARM", "REV", "LAB", "PORTAL", "DATA", "HD", "CLIN"]),
                          self.ri(120, 9800))

    def filler(self, n=1):
        return " ".join(self.r.sample(FILLER, n))

    def ip_server(self):
        return "10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(2, 254))

    def ip_public(self):
        a = self.ch([24, 50, 67, 73, 76, 98, 99, 107, 174, 184])
        return "%d.%d.%d.%d" % (a, self.ri(0, 255), self.ri(0, 255), self.ri(2, 254))

    def npi_x(self):
        return X("npi", make_npi(self.r))

    def order_no(self, prefix=""):
        return X("order_number", prefix + self.digits(8))


# ---------------------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------------------

TEMPLATES = collections.OrderedDict()   # family -> [(variant, fn)]


def T(family, variant):
    def deco(fn):
        TEMPLATES.setdefault(family, [])
        if variant in [v for v, _ in TEMPLATES[family]]:
            raise ValueError("duplicate variant " + variant)
        TEMPLATES[family].append((variant, fn))
        return fn
    return deco


# ---------------------------------------------------------------------------------------
# HL7 v2 helpers
# ---------------------------------------------------------------------------------------


def seg(name, fields):
    """An HL7 segment from {field index: value}; values may be pieces or lists of pieces."""
    out = [name]
    for i in range(1, max(fields) + 1):
        out.append("|")
        out.append(fields.get(i, ""))
    return out


def msh(c, typ, when=None, app="EPICADT", rapp="RHAPSODY", ver="2.5.1", ctrl=None):
    d = when or c.today
    ts = X("message_time", hl7ts(d, c.ri(0, 23), c.ri(0, 59), c.ri(0, 59)))
    ctrl = ctrl or "%s%s" % (c.ch(["MSG", "Q", "ADT", "LAB", "RX"]), c.digits(9, "0123456789"))
    return ["MSH|^~\\&|", app, "|", c.fac_t[1], "|", rapp, "|", c.ch(["HIE", "LIS", "DW", "PHX"]), "|", ts,
            "||", typ, "|", ctrl, "|P|", ver]


def xad(p, utf8=False):
    st = p.street if not utf8 else p.street
    return [P("street_address", st), "^", p.unit_p() or "", "^", p.city_p(), "^", p.state_x(), "^",
            p.zip_p(), "^USA^H"]


def pid(c, p, repeats=False, ssn=True, acct=True, split_phone=None, utf8=False, mother=None, dl=False,
        cell=False, email=False):
    code = c.fac_t[1]
    f3 = [p.mrn(), "^^^", code, "^MR"]
    if repeats:
        f3 += ["~", p.ssn(), "^^^SSA^SS~", P("mrn", "PI" + c.digits(8, "0123456789")), "^^^EMPI^PI"]
    if split_phone is None:
        split_phone = c.rnd() < 0.5
    if split_phone:
        f13 = ["^PRN^PH^^1^"] + p.xtn()
        if cell:
            f13 += ["~^PRN^CP^^1^"] + p.xtn(cell=True)
    else:
        f13 = [p.phone("hl7")]
        if cell:
            f13 += ["~", p.phone("hl7", cell=True)]
    if email:
        f13 += ["~^NET^Internet^", p.email()]
    fields = {1: "1", 3: f3, 5: p.name("hl7u" if utf8 else "hl7"), 7: p.dob_p("hl7"), 8: p.sex,
              10: c.ch(["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC",
                        "2028-9^Asian^CDCREC", "1002-5^American Indian or Alaska Native^CDCREC",
                        "2076-8^Native Hawaiian or Other Pacific Islander^CDCREC", ""]),
              11: xad(p, utf8), 13: f13, 15: c.ch(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", ""]),
              16: c.ch(["M", "S", "W", "D", ""])}
    if mother is not None:
        fields[6] = mother
    if acct:
        fields[18] = p.acct()
    if ssn and not repeats:
        fields[19] = p.ssn("plain" if c.rnd() < 0.4 else "dash")
    if dl:
        fields[20] = [P("license_number", p.state + c.digits(7)), "^", p.state_x()]
    return seg("PID", fields)


def pv1(c, p, att, admit=None, disch=None, cls="I"):
    fields = {1: "1", 2: cls, 3: "%s^%d^%s^%s" % (c.ch(["4W", "5E", "ICU", "MED2", "ED", "L&D", "ORTHO"]),
                                                c.ri(100, 699), c.ch("ABCD"), c.fac_t[1]),
              7: [att.npi_x(), "^", att.name("hl7"), "^^^^MD"],
              10: c.ch(["MED", "SUR", "CAR", "ONC", "OBS", "EMR"]), 19: p.visit()}
    if admit:
        fields[44] = P("date", admit)
    if disch:
        fields[45] = P("date", disch)
    return seg("PV1", fields)


def obx_rows(c, start_dt, n, observer=None, set_start=1):
    out = []
    labs = c.r.sample(LABS, min(n, len(LABS)))
    for i, (loinc, name, unit, lo, hi, rng) in enumerate(labs):
        v = c.r.uniform(lo, hi)
        val = ("%.1f" % v) if hi < 50 else str(int(v))
        flag = c.ch(["", "H", "L", "", "N", "A"])
        f = {1: str(i + set_start), 2: "NM", 3: "%s^%s^LN" % (loinc, name), 5: val, 6: unit, 7: rng, 8: flag,
             11: "F", 14: P("date", start_dt)}
        if observer is not None:
            f[16] = [observer.npi_x(), "^", observer.name("hl7")]
        out += seg("OBX", f) + ["\n"]
    return out


def hl7_join(segments, sep="\n"):
    out = []
    for s in segments:
        out += s + [sep]
    return out

# ---------------------------------------------------------------------------------------
# family: jira_hl7
# ---------------------------------------------------------------------------------------


def jira_meta(c, summary, comp=None):
    rep, asg = c.staff(), c.staff()
    c.f("⟦key⟧ | ⟦summary⟧\nType: Bug   Priority: ⟦prio⟧   Status: ⟦status⟧   Component: ⟦comp⟧\n"
        "Reporter: ⟦rep⟧   Assignee: ⟦asg⟧\nCreated: ⟦cr⟧   Updated: ⟦up⟧\n\n",
        key=c.jira_key(), summary=summary, prio=c.ch(["Major", "Critical", "Minor", "Blocker"]),
        status=c.ch(["Open", "In Progress", "Triage", "Waiting for vendor"]), comp=comp or "Interfaces",
        rep=rep.name(), asg=asg.name(), cr=c.ts(c.today - dt.timedelta(days=c.ri(1, 20))), up=c.ts(c.today))
    return rep, asg


@T("jira_hl7", "jira_hl7_oru_many_obx")
def _(c):
    p = c.patient()
    att, obs = c.staff(), c.staff()
    rep, asg = jira_meta(c, "ORU^R01 from core lab loses OBX after the 6th repetition", "Results inbound")
    coll = c.day(-6, -1)
    t0 = hl7ts(coll, c.ri(4, 9), c.ri(0, 59))
    n = c.ri(8, 11)
    c.f("h3. Description\nThe chemistry middleware sends panels with up to a dozen OBX segments; the results router only files "
        "the first six and silently drops the rest. Captured from the inbound channel at ⟦ts⟧:\n\n{code:title=oru_r01.hl7}\n",
        ts=c.ts(c.today))
    c.add(msh(c, "ORU^R01^ORU_R01", app="SOFTLAB", rapp="EPIC"), "\n", pid(c, p), "\n", pv1(c, p, att, cls="O"), "\n")
    c.add(seg("ORC", {1: "RE", 2: c.order_no("ORD"), 3: c.order_no("LAB"), 12: [att.npi_x(), "^", att.name("hl7")]}), "\n")
    c.add(seg("OBR", {1: "1", 2: c.order_no("ORD"), 4: "80053^COMPREHENSIVE METABOLIC PANEL^L", 7: P("date", t0),
                      16: [att.npi_x(), "^", att.name("hl7")], 25: "F"}), "\n")
    c.add(obx_rows(c, t0, n, observer=obs if c.rnd() < 0.6 else None))
    c.f("{code}\n\nOBX 7..⟦n⟧ never show up in the chart. The channel log shows `segments_filed=6`. "
        "⟦fill⟧\n\nh3. Comments\n⟦asg⟧: reproduced with the same message in TST, the loop bound in the "
        "filer is hard-coded. Fix in review.\n", n=str(n), fill=c.filler(2), asg=asg.name("jira"))


@T("jira_hl7", "jira_hl7_orm_order")
def _(c):
    p = c.patient()
    att = c.staff()
    cname, icd = c.cond()
    code, desc = c.cpt()
    when = c.day(0, 3)
    c.f("*Summary:* ORM^O01 new orders rejected by RIS with `AE: OBR-4 not in master file`\n"
        "*Environment:* PROD, Cloverleaf site rad_out, thread ⟦thr⟧\n\n{noformat}\n", thr="ris_ob_%02d" % c.ri(1, 9))
    c.add(msh(c, "ORM^O01", app="EPIC", rapp="RIS"), "\n", pid(c, p, mother=None, split_phone=True), "\n")
    c.add(pv1(c, p, att, cls="O"), "\n")
    c.add(seg("ORC", {1: "NW", 2: c.order_no("E"), 5: "SC", 7: ["^^^", P("date", hl7ts(when, c.ri(7, 16), 0)), "^^R"],
                      12: [att.npi_x(), "^", att.name("hl7")]}), "\n")
    c.add(seg("OBR", {1: "1", 2: c.order_no("E"), 4: [code, "^", desc.upper(), "^CPT"],
                      16: [att.npi_x(), "^", att.name("hl7")], 27: "^^^^^R"}), "\n")
    c.add(seg("DG1", {1: "1", 3: [icd, "^", cname, "^I10"], 6: "W"}), "\n")
    c.f("{noformat}\n\nThe procedure code exists in the RIS master file with a trailing space. ⟦fill⟧\n"
        "Linked: ⟦k1⟧, ⟦k2⟧\n", fill=c.filler(1), k1=c.jira_key(), k2=c.jira_key())


@T("jira_hl7", "jira_hl7_adt_a40_merge")
def _(c):
    p = c.patient()
    att = c.staff()
    old_mrn = P("mrn", c.digits(len(p.mrn_v) if p.mrn_v.isdigit() else 8))
    prior_name = c.rnd() < 0.6
    c.f("## Duplicate chart not collapsed after A40 merge\n\n"
        "**Steps**: HIM merged the two charts in the MPI on ⟦d⟧; the downstream lab system kept both.\n\n"
        "```hl7\n", d=X("event_date", fd(c.day(-3, 0), "iso")))
    c.add(msh(c, "ADT^A40^ADT_A39", app="MPI", rapp="LIS"), "\n")
    c.add(seg("EVN", {1: "A40", 2: X("message_time", hl7ts(c.today, c.ri(8, 17), c.ri(0, 59)))}), "\n")
    c.add(pid(c, p, ssn=c.rnd() < 0.5, acct=False), "\n")
    mrg = {1: [old_mrn, "^^^", c.fac_t[1], "^MR"], 3: P("account_number", c.digits(9))}
    if prior_name:
        q = Patient(c, p.culture, sex=p.sex, native=False)
        c.cultures.pop()
        mrg[7] = P("person_name", "%s^%s" % (fold(q.faml).upper(), fold(p.gl).upper()))
    c.add(seg("MRG", mrg), "\n")
    c.f("```\n\nLIS log says `MRG-1 not found, ignoring`. The surviving MRN is ⟦m1⟧ and the retired one is ⟦m2⟧; "
        "both are still searchable at the bench.\n\n- [ ] check LIS merge handler\n- [ ] re-send A40 after fix\n",
        m1=p.mrn(), m2=P("mrn", old_mrn.text))


@T("jira_hl7", "jira_hl7_rde_pharmacy")
def _(c):
    p = c.patient()
    att, ph = c.staff("MD"), c.staff("PharmD")
    med = c.ch(MEDS)
    drug = med.split(" ")[0]
    start = c.day(-2, 0)
    c.f("Pharmacy verify queue shows RDE^O11 with the wrong route. Message from the pharmacy out thread:\n\n")
    msg = [msh(c, "RDE^O11^RDE_O11", app="PHARMACY", rapp="ADC"), pid(c, p, ssn=False), pv1(c, p, att),
           seg("ORC", {1: "NW", 2: c.order_no("RX"), 9: X("event_date", hl7ts(start, c.ri(0, 23), c.ri(0, 59))),
                       12: [att.npi_x(), "^", att.name("hl7")]}),
           seg("RXE", {1: ["^Q12H^^", P("date", hl7ts(start, 9, 0)), "^^R"], 2: ["^", X("medication", drug.upper()), "^"],
                       3: str(c.ri(1, 1000)), 5: "MG", 21: ["^", X("medication", med)]}),
           seg("RXR", {1: c.ch(["PO^ORAL", "IV^INTRAVENOUS", "SC^SUBCUTANEOUS"])})]
    c.add(hl7_join(msg))
    c.f("\nRXR-1 arrives as expected but the cabinet maps it from RXE-6. Verified by ⟦ph⟧ (⟦ext⟧). ⟦fill⟧\n",
        ph=ph.name("cred"), ext=ph.xt(), fill=c.filler(1))


@T("jira_hl7", "jira_hl7_ack_nak_quoted")
def _(c):
    p = c.patient()
    att = c.staff()
    ctrl = "ADT%s" % c.digits(8, "0123456789")
    lines = []
    c.f("The HIE rejects every A08 for one patient. NAK from the partner:\n\n{code}\n")
    c.add(msh(c, "ACK^A08^ACK", app="HIE", rapp="EPICADT"), "\n", "MSA|AE|", ctrl, "|Invalid PID-7: date out of range\n",
          "ERR|^^^207&Application internal error&HL70357|PID^1^7|E\n{code}\n\n")
    c.f("Our side of the exchange (engine log, one line per segment):\n{code}\n")
    admit = c.day(-5, -1)
    msg = [msh(c, "ADT^A08^ADT_A01", ctrl=ctrl), seg("EVN", {1: "A08", 2: X("message_time", hl7ts(c.today, 10, 2))}),
           pid(c, p, repeats=c.rnd() < 0.5), pv1(c, p, att, admit=hl7ts(admit, c.ri(0, 23), c.ri(0, 59)))]
    thr = str(c.ri(1, 4))
    for s, t in zip(msg, c.tseq(len(msg), sep="T", ms=True, step=(0, 1))):
        c.add(t, " INFO  [hie-out-", thr, "] > ", s, "\n")
    c.f("{code}\nPID-7 is ⟦dob⟧ so the partner's age check (>120 years) should not fire. ⟦fill⟧\n",
        dob=p.dob_p("hl7"), fill=c.filler(1))


@T("jira_hl7", "jira_hl7_escaped_delims")
def _(c):
    p = c.patient()
    att = c.staff()
    unit = c.ch(["Apt 3\\F\\B", "Unit 7\\T\\8", "Rm 2\\S\\4"])
    street = p.street
    c.f("h4. Escape sequences in PID-11 break the address parser\n\nWhen the registration clerk types a pipe, caret or "
        "ampersand in the address, the sender escapes it (\\F\\, \\S\\, \\T\\) but our parser splits on the raw character "
        "after unescaping. Example:\n\n{code}\n")
    f3 = [p.mrn(), "^^^", c.fac_t[1], "^MR"]
    addr = [P("street_address", street), "^", P("street_address", unit), "^", p.city_p(), "^", p.state_x(), "^", p.zip_p(), "^USA"]
    c.add(msh(c, "ADT^A04^ADT_A01"), "\n")
    c.add(seg("PID", {1: "1", 3: f3, 5: p.name("hl7"), 7: p.dob_p("hl7"), 8: p.sex, 11: addr, 13: p.phone("hl7"),
                      19: p.ssn("plain")}), "\n")
    rel = c.relative(p)
    c.add(seg("NK1", {1: "1", 2: rel.name("hl7"), 3: "SPO^Spouse", 5: ["^PRN^PH^^1^"] + rel.xtn()}), "\n")
    c.add(seg("NTE", {1: "1", 3: "Pt prefers text \\T\\ email\\E\\no calls after 7pm"}), "\n{code}\n\n")
    c.f("After unescape PID-11.2 becomes ⟦u⟧ and the next component shifts. Unit tests in `AddressParserTest` only "
        "cover \\E\\. Assigning to ⟦asg⟧.\n", u=P("street_address", unit.replace("\\F\\", "|").replace("\\T\\", "&").replace("\\S\\", "^")),
        asg=att.name("jira"))


@T("jira_hl7", "jira_hl7_literal_cr")
def _(c):
    p = c.patient()
    att = c.staff()
    adm = c.day(-9, -3)
    dis = adm + dt.timedelta(days=c.ri(1, 6))
    c.f("Discharge (A03) messages land in the dead-letter queue. The message is logged on one line with the segment "
        "terminators shown as \\r:\n\n{noformat}\n⟦ts⟧ ERROR DeadLetter reason=\"PV1-45 before PV1-44\" raw=\"",
        ts=c.ts(c.today, "T", ms=True))
    msg = [msh(c, "ADT^A03^ADT_A03"), seg("EVN", {1: "A03", 2: X("message_time", hl7ts(dis, 14, 20))}),
           pid(c, p, split_phone=False),
           pv1(c, p, att, admit=hl7ts(adm, c.ri(0, 23), c.ri(0, 59)), disch=hl7ts(dis, c.ri(10, 18), c.ri(0, 59))),
           seg("DG1", {1: "1", 3: [c.cond()[1], "^^I10"], 5: P("date", hl7ts(adm, 12, 0)), 6: "A"})]
    c.add(hl7_join(msg, "\\r"))
    c.f("\"\n{noformat}\n\nThe times compare fine as strings, so the validator must be comparing after a timezone shift. "
        "⟦fill⟧\n", fill=c.filler(c.ri(1, 3)))


@T("jira_hl7", "jira_hl7_python_literal")
def _(c):
    p = c.patient()
    att = c.staff()
    adm = c.day(-2, 0)
    c.f("`hl7apy` fails on a message our TST feed produced. Minimal reproduction (message copied from the feed, "
        "sorry, it is a real one, will redact later):\n\n{code:python}\nfrom hl7apy.parser import parse_message\n\n"
        "RAW = (\n")
    msg = [msh(c, "ADT^A08^ADT_A01"), seg("EVN", {1: "A08"}), pid(c, p, repeats=True, split_phone=True, cell=True),
           pv1(c, p, att, admit=hl7ts(adm, c.ri(0, 23), c.ri(0, 59)))]
    for s in msg:
        c.add('    "', s, '\\r"\n')
    c.f(")\n\nmsg = parse_message(RAW, find_groups=False)\nprint(msg.pid.pid_3.value)\n{code}\n\nTraceback ends with "
        "`ChildNotValid: <Field PID_3 ...> is not a valid child`. ⟦fill⟧\n", fill=c.filler(1))


@T("jira_hl7", "jira_hl7_java_literal")
def _(c):
    p = c.patient()
    att = c.staff()
    rel = c.relative(p, sex=c.ch("FM"))
    c.f("The HAPI parser test below is red on the 2.6 branch. The string was pasted from the prod log to reproduce.\n\n"
        "{code:java}\n@Test\nvoid parsesNextOfKinWithRepeatingPhones() throws Exception {\n    String er7 =\n")
    msg = [msh(c, "ADT^A31^ADT_A05", ver="2.6"), seg("EVN", {1: "A31"}), pid(c, p, split_phone=False, email=True),
           seg("NK1", {1: "1", 2: rel.name("hl7"), 3: c.ch(["DAU^Daughter", "MTH^Mother", "SIS^Sister"] if rel.sex == "F" else ["SON^Son", "FTH^Father", "BRO^Brother"]),
                       4: xad(rel), 5: [rel.phone("hl7"), "~", rel.phone("hl7", cell=True)]})]
    for i, s in enumerate(msg):
        c.add('        "', s, '\\r"', " +\n" if i < len(msg) - 1 else ";\n")
    c.f("    Message m = new PipeParser().parse(er7);\n    assertEquals(2, ((ADT_A05) m).getNK1().getNk15_PhoneNumberReps());\n"
        "}\n{code}\n\nFails with `EncodingNotSupportedException` because of the `\\r` handling in the test harness, not the data. "
        "[~⟦h⟧] can you take this one?\n", h=X("staff_name", att.handle))


@T("jira_hl7", "jira_hl7_v2xml")
def _(c):
    p = c.patient()
    att = c.staff()
    obs = c.day(-4, -1)
    t = hl7ts(obs, c.ri(0, 23), c.ri(0, 59))
    loinc, lname, unit, lo, hi, rng = c.ch(LABS)
    val = "%.1f" % c.r.uniform(lo, hi)
    c.f("The HL7 v2.xml encoder drops XPN.3 (middle name). Encoded output from the integration test harness:\n\n{code:xml}\n"
        "<ORU_R01 xmlns=\"urn:hl7-org:v2xml\">\n  <MSH>\n    <MSH.1>|</MSH.1>\n    <MSH.2>^~\\&amp;</MSH.2>\n"
        "    <MSH.7><TS.1>⟦mt⟧</TS.1></MSH.7>\n    <MSH.9><MSG.1>ORU</MSG.1><MSG.2>R01</MSG.2></MSH.9>\n  </MSH>\n"
        "  <ORU_R01.PATIENT_RESULT>\n   <ORU_R01.PATIENT>\n    <PID>\n"
        "      <PID.3><CX.1>⟦mrn⟧</CX.1><CX.5>MR</CX.5></PID.3>\n"
        "      <PID.5><XPN.1><FN.1>⟦fam⟧</FN.1></XPN.1><XPN.2>⟦giv⟧</XPN.2></PID.5>\n"
        "      <PID.7><TS.1>⟦dob⟧</TS.1></PID.7>\n      <PID.8>⟦sex⟧</PID.8>\n"
        "      <PID.11><XAD.1><SAD.1>⟦st⟧</SAD.1></XAD.1><XAD.3>⟦city⟧</XAD.3><XAD.4>⟦state⟧</XAD.4><XAD.5>⟦zip⟧</XAD.5></PID.11>\n"
        "    </PID>\n   </ORU_R01.PATIENT>\n   <ORU_R01.ORDER_OBSERVATION>\n    <ORU_R01.OBSERVATION>\n     <OBX>\n"
        "      <OBX.3><CE.1>⟦loinc⟧</CE.1><CE.2>⟦lname⟧</CE.2><CE.3>LN</CE.3></OBX.3>\n      <OBX.5>⟦val⟧</OBX.5>\n"
        "      <OBX.14><TS.1>⟦t⟧</TS.1></OBX.14>\n      <OBX.16><XCN.1>⟦npi⟧</XCN.1><XCN.2><FN.1>⟦sl⟧</FN.1></XCN.2></OBX.16>\n"
        "     </OBX>\n    </ORU_R01.OBSERVATION>\n   </ORU_R01.ORDER_OBSERVATION>\n  </ORU_R01.PATIENT_RESULT>\n</ORU_R01>\n{code}\n\n"
        "Expected `<XPN.3>` with the middle initial; see ⟦key⟧.\n",
        mt=X("message_time", hl7ts(c.today, 9, 41, 7)), mrn=p.mrn(), fam=p.name("family_l"), giv=p.name("given_l"),
        dob=p.dob_p("hl7"), sex=p.sex, st=p.street_p(), city=p.city_p(), state=p.state_x(), zip=p.zip_p(),
        loinc=loinc, lname=lname, val=val, t=P("date", t), npi=att.npi_x(), sl=X("staff_name", fold(att.last).upper()),
        key=c.jira_key())


@T("jira_hl7", "jira_hl7_pid3_repeats")
def _(c):
    p = c.patient()
    att = c.staff()
    c.f("h3. PID-3 repetition order differs between A08 and A04\n\nThe MPI matches on the first repetition only. In this A08 "
        "the SSN comes first, so the MRN is never matched:\n\n{code}\n")
    f3 = [p.ssn(), "^^^SSA^SS~", p.mrn(), "^^^", c.fac_t[1], "^MR~", P("mrn", "PI" + c.digits(9, "0123456789")),
          "^^^EMPI^PI~", p.member(), "^^^", c.ch(["CHP", "EVM", "BCC"]), "^MB"]
    c.add(msh(c, "ADT^A08^ADT_A01"), "\n", seg("EVN", {1: "A08", 2: X("message_time", hl7ts(c.today, 7, 55))}), "\n")
    c.add(seg("PID", {1: "1", 3: f3, 5: p.name("hl7"), 7: p.dob_p("hl7"), 8: p.sex, 11: xad(p),
                      13: ["^PRN^PH^^1^"] + p.xtn(), 18: p.acct()}), "\n")
    c.add(seg("PD1", {4: [att.npi_x(), "^", att.name("hl7")]}), "\n")
    c.add(seg("IN1", {1: "1", 2: "GOLD-PPO^Gold PPO", 4: c.ch(PAYERS), 7: "^WPN^PH^^1^800^4417720",
                      8: X("group_number", "GRP" + c.digits(6)), 36: p.member()}), "\n{code}\n\n")
    c.f("||Repetition||Type||Assigning authority||\n|1|SS|SSA|\n|2|MR|⟦fac⟧|\n|3|PI|EMPI|\n|4|MB|payer|\n\n"
        "Proposal: sort by the identifier type before matching. ⟦fill⟧\n", fac=c.fac_t[1], fill=c.filler(1))


@T("jira_hl7", "jira_hl7_field_table")
def _(c):
    p = c.patient()
    att = c.staff()
    adm = c.day(-3, 0)
    c.f("Mapping review for the new A04 registration feed. Values below are from the sample message the vendor sent "
        "with the spec (they used a production registration).\n\n||Field||Name||Sample value||Target column||\n")
    rows = [("PID-3.1", "Patient identifier", p.mrn(), "patient.mrn"),
            ("PID-5", "Patient name", p.name("hl7"), "patient.name_raw"),
            ("PID-7", "Date of birth", p.dob_p("hl7"), "patient.birth_date"),
            ("PID-11.1", "Street", p.street_p(), "address.line1"),
            ("PID-11.3", "City", p.city_p(), "address.city"),
            ("PID-11.4", "State", p.state_x(), "address.state"),
            ("PID-11.5", "ZIP", p.zip_p(), "address.postal_code"),
            ("PID-13", "Home phone", p.phone("hl7"), "contact.phone_home"),
            ("PID-19", "SSN", p.ssn(), "patient.ssn_enc"),
            ("PV1-19", "Visit number", p.visit(), "encounter.visit_no"),
            ("PV1-44", "Admit date/time", P("date", hl7ts(adm, c.ri(0, 23), c.ri(0, 59))), "encounter.admit_ts")]
    if c.rnd() < 0.5:
        rows.insert(4, ("PID-11.2", "Other designation", p.unit_p() or "", "address.line2"))
    for f, n, v, tcol in rows:
        c.add("|", f, "|", n, "|", v if ptext(v) else " ", "|{{", tcol, "}}|\n")
    c.f("\nAttending comes in PV1-7 (⟦att⟧, NPI ⟦npi⟧). Open question for ⟦asg⟧: do we keep PID-19 at all?\n",
        att=att.name("hl7"), npi=att.npi_x(), asg=c.staff().name("jira"))


@T("jira_hl7", "jira_hl7_a08_diff_in_comment")
def _(c):
    p = c.patient()
    att = c.staff()
    old_phone = P("phone", "(%s)%s-%s" % (p.area, digits(c.r, 3, "2346789"), digits(c.r, 4, "0123456789")))
    old_street = P("street_address", "%d %s %s" % (c.ri(100, 9999), c.ch(STREETS), c.ch(SUFFIX)))
    c.f("*Comment by ⟦a⟧:*\nThe A08 update overwrote the address but the portal still shows the old one. "
        "Before/after of PID from the two messages:\n\n{code:diff}\n", a=att.name("jira"))
    c.add("- PID|1||", p.mrn(), "^^^", c.fac_t[1], "^MR||", p.name("hl7"), "||", p.dob_p("hl7"), "|", p.sex, "|||",
          old_street, "^^", p.city_p(), "^", p.state_x(), "^", p.zip_p(), "||", old_phone, "\n")
    c.add("+ PID|1||", p.mrn(), "^^^", c.fac_t[1], "^MR||", p.name("hl7"), "||", p.dob_p("hl7"), "|", p.sex, "|||",
          p.street_p(), "^", p.unit_p() or "", "^", p.city_p(), "^", p.state_x(), "^", p.zip_p(), "||", p.phone("hl7"), "\n")
    c.f("{code}\n\nThe portal reads from the nightly extract, which runs at 02:00. Closing as expected behaviour unless "
        "⟦b⟧ objects.\n", b=c.staff().name("jira"))

# ---------------------------------------------------------------------------------------
# family: confluence_patient_table
# ---------------------------------------------------------------------------------------


def conf_head(c, title, space="CLIN"):
    a = c.staff()
    c.f("⟦title⟧\nSpace: ⟦space⟧ · Created by ⟦a⟧, last modified on ⟦d⟧\n\n", title=title, space=space,
        a=a.name(), d="%s %02d, %d" % (MON[c.today.month - 1], c.today.day, c.today.year))
    return a


KIN = {"child": ("daughter", "son"), "spouse": ("wife", "husband"), "parent": ("mother", "father"),
       "sibling": ("sister", "brother"), "grandchild": ("granddaughter", "grandson"), "nibling": ("niece", "nephew")}


def kin(q, rel, cap=False):
    w = KIN[rel][0 if q.sex == "F" else 1]
    return w.capitalize() if cap else w


HOSPITALS = [f for f in FACILITIES if f[0] in ("Riverbend Medical Center", "St. Brigid's Hospital",
                                                "Lakeshore Regional Health", "Mercy Hollow Community Hospital")]


def hospital(c):
    return c.fac_t if c.fac_t in HOSPITALS else c.ch(HOSPITALS)


def age_tag(c, p, on=None):
    a = p.age(on)
    return P("age_over_89", str(a)) if a >= 90 else str(a)


@T("confluence_patient_table", "conf_banner_bars")
def _(c):
    conf_head(c, "Storyboard banner truncation — examples from Go-Live support", "EHRGL")
    c.f("The patient banner wraps when the allergy list is long, hiding the room. Banners copied from the floor "
        "(Ctrl+A, Ctrl+C) during rounding support:\n\n")
    for i in range(c.ri(2, 4)):
        p = c.patient()
        att = c.staff()
        room = "%s%s-%02d" % (c.ri(2, 9), c.ch("ABCDEW"), c.ri(1, 40))
        allergy = c.ch(["Penicillins", "Sulfa (Sulfonamide Antibiotics)", "No Known Allergies", "Latex, Shellfish",
                        "Codeine, Iodinated contrast"])
        c.add("{code}\n", p.name(c.ch(["LF", "LFd"])), "  |  MRN ", p.mrn(), "  |  DOB ", p.dob_p("usn"), " (",
              age_tag(c, p), " y.o.)  |  ", "M" if p.sex == "M" else "F", "  |  Rm ", room, "  |  Allergies: ",
              allergy, "\nAttending: ", att.name("lf"), ", ", c.ch(["MD", "DO"]), "  |  Code: ",
              c.ch(["Full Code", "DNR/DNI", "Limited"]), "  |  Isolation: ", c.ch(["None", "Contact", "Droplet"]),
              "  |  ", c.fac(), "\n{code}\n\n")
    c.f("Fix candidate: allow the banner to take two rows at widths under 1280px. ⟦fill⟧\n", fill=c.filler(1))


@T("confluence_patient_table", "conf_flowsheet_grid")
def _(c):
    p = c.patient()
    conf_head(c, "Flowsheet column header dates shift after DST — investigation", "NURSINF")
    d0 = c.day(-4, -1)
    times = []
    d, h = d0, c.ch([0, 4, 8])
    for _ in range(5):
        times.append((d, h))
        h += 4
        if h >= 24:
            h -= 24
            d = d + dt.timedelta(days=1)
    c.f("Copied from Flowsheets > Vitals for ⟦n⟧ (MRN ⟦m⟧), unit ⟦u⟧:\n\n", n=p.name("full"), m=p.mrn(),
        u=c.ch(["5 East Med/Surg", "CVICU", "4 West Tele", "Mother-Baby"]))
    c.add("| Row".ljust(16), [["| ", P("date", "%02d/%02d %02d00" % (t.month, t.day, hh)), " "] for t, hh in times], "|\n")
    c.add("|" + "---------------|" * 6, "\n")
    rows = [("BP", lambda: "%d/%d" % (c.ri(96, 178), c.ri(50, 102))), ("Pulse", lambda: str(c.ri(52, 128))),
            ("Resp", lambda: str(c.ri(12, 28))), ("Temp", lambda: "%.1f °C" % c.r.uniform(36.1, 39.2)),
            ("SpO2", lambda: "%d %%" % c.ri(86, 100)), ("Pain (0-10)", lambda: str(c.ri(0, 9))),
            ("O2 Device", lambda: c.ch(["RA", "NC 2L", "NC 4L", "HFNC"]))]
    for name, gen in rows:
        c.add("| " + name.ljust(14))
        for _ in times:
            c.add("| " + gen().ljust(11))
        c.add("|\n")
    c.f("\nAfter the DST change the 0200 column appears twice. ⟦fill⟧\n", fill=c.filler(1))


@T("confluence_patient_table", "conf_mar_table")
def _(c):
    p = c.patient()
    conf_head(c, "MAR — barcode scan override review (week ⟦w⟧)".replace("⟦w⟧", str(c.today.isocalendar()[1])), "PHARM")
    rn1, rn2 = c.staff("RN"), c.staff("RN, BSN")
    c.f("Override events for ⟦n⟧, ⟦dob⟧, ⟦m⟧. Copied from the MAR report:\n\n||Medication||Scheduled||Administered||"
        "By||Override reason||\n", n=p.name("lf"), dob=p.dob_p("us"), m=p.mrn())
    d = c.day(-5, -1)
    for i in range(c.ri(3, 6)):
        h = c.ch([6, 9, 12, 14, 18, 21])
        m2 = c.ri(0, 59)
        nurse = c.ch([rn1, rn2])
        c.add("|", c.med(True), "|", P("date", "%s %02d00" % (fd(d, "us"), h)), "|",
              P("date", "%s %02d:%02d" % (fd(d, "us"), h, m2)), "|", nurse.name("cred"), "|",
              c.ch(["Barcode unreadable", "Wrong-patient warning bypassed", "Med not in profile", "Early dose"]), "|\n")
        if c.rnd() < 0.4:
            d = d + dt.timedelta(days=1)
    ph = c.staff("PharmD")
    c.f("\nPharmacy follow-up owner: ⟦ph⟧ (⟦pm⟧).\n", ph=ph.name("cred"), pm=ph.mail())


@T("confluence_patient_table", "conf_handoff_list")
def _(c):
    conf_head(c, "Night shift handoff list template — feedback from 6W", "NURS")
    c.f("Charge nurses asked to keep the printed list format. Example printout they attached (page 1 of 3):\n\n"
        "| Rm | Patient | Age/Sex | MRN | Dx | To do overnight |\n|----|---------|---------|-----|----|-----------------|\n")
    for i in range(c.ri(3, 6)):
        p = c.patient()
        cn, icd = c.cond()
        c.add("| 6W-", str(c.ri(1, 30)), " | ", p.name(c.ch(["lf", "full", "LF"])), " | ", age_tag(c, p), "/", p.sex,
              " | ", p.mrn(), " | ", cn, " | ", c.ch(["q2h turns, bed alarm", "recheck K at 0400", "NPO after MN for cath",
                                                  "CIWA q4h", "wean O2 as tolerated"]))
        if c.rnd() < 0.3:
            rel = c.relative(p)
            c.add("; ", kin(rel, "child"), " ", rel.name("given"), " ", rel.phone("dash"))
        c.add(" |\n")
    c.f("\nTODO: add code status column. Owner ⟦o⟧.\n", o=c.staff().name("handle"))


@T("confluence_patient_table", "conf_census_wiki")
def _(c):
    conf_head(c, "ICU census export — column order for the new dashboard", "ANALYTICS")
    c.f("h2. Current export\nThis is what the census report produces today (copied ⟦t⟧):\n\n"
        "||Bed||Patient||DOB||Admit||LOS||Attending||Payer||\n", t=c.ts(c.today))
    for i in range(c.ri(3, 5)):
        p = c.patient()
        att = c.staff()
        adm = c.day(-12, -1)
        c.add("|ICU-", "%02d" % c.ri(1, 24), "|", p.name("lf"), "|", p.dob_p("us"), "|", P("date", fd(adm, "us")), "|",
              str((c.today - adm).days), "|", att.name("dr"), "|", c.ch(PAYERS), "|\n")
    c.f("\nh2. Proposed\n* drop DOB, show age only\n* show payer class instead of payer name\n* LOS in days\n\n"
        "{info}Dashboard refresh is every 15 minutes.{info}\n")


@T("confluence_patient_table", "conf_lab_panel_page")
def _(c):
    p = c.patient()
    att = c.staff()
    conf_head(c, "Lab results rendering — reference range column cut off", "LABIT")
    coll = c.day(-3, -1)
    recv = coll
    h = c.ri(5, 10)
    c.f("Report as printed from Results Review:\n\n{noformat}\n⟦fac⟧ — LABORATORY REPORT\nPatient: ⟦n⟧        MRN: ⟦m⟧\n"
        "DOB: ⟦dob⟧   Sex: ⟦sex⟧   Acct: ⟦acct⟧\nOrdering: ⟦att⟧   NPI ⟦npi⟧\nCollected: ⟦col⟧   Received: ⟦rec⟧\n\n"
        "TEST                  RESULT    FLAG   UNITS       REFERENCE\n",
        fac=c.fac(), n=p.name("LF"), m=p.mrn(), dob=p.dob_p("us"), sex=p.sex, acct=p.acct(), att=att.name("lf"),
        npi=att.npi_x(), col=P("date", "%s %02d:%02d" % (fd(coll, "us"), h, c.ri(0, 59))),
        rec=P("date", "%s %02d:%02d" % (fd(recv, "us"), h + 1, c.ri(0, 59))))
    for loinc, name, unit, lo, hi, rng in c.r.sample(LABS, c.ri(5, 9)):
        v = c.r.uniform(lo, hi)
        val = ("%.1f" % v) if hi < 50 else str(int(v))
        c.add(name.ljust(22), val.ljust(10), c.ch(["", "H", "L", ""]).ljust(7), unit.ljust(12), rng, "\n")
    c.f("{noformat}\n\nThe REFERENCE column is truncated at 10 characters in the PDF. ⟦fill⟧\n", fill=c.filler(1))


@T("confluence_patient_table", "conf_uat_sheet_with_real_rows")
def _(c):
    conf_head(c, "UAT test patients — registration scenarios", "QA")
    c.f("Use only the test patients below. *Rows 2 onwards were added by the clinic during UAT and must be replaced* "
        "(they are real registrations copied from PROD).\n\n||#||MRN||Name||DOB||Address||Phone||Member ID||\n"
        "|1|TEST0001|TEST, PATIENT ONE|01/01/1970|1 Test Way, Anytown, ⟦st⟧ 00000|(503) 555-0142|TESTMBR001|\n",
        st=X("state", "OR"))
    for i in range(c.ri(2, 4)):
        p = c.patient()
        c.add("|", str(i + 2), "|", p.mrn(), "|", p.name("LF"), "|", p.dob_p("us"), "|", p.addr_line(), "|",
              p.phone("paren"), "|", p.member(), "|\n")
    c.f("\nTest SSN for all scenarios: 123-45-6789. Scenario owner: ⟦o⟧.\n", o=c.staff().name())


@T("confluence_patient_table", "conf_discharge_tracker")
def _(c):
    conf_head(c, "Discharge before noon — daily tracker (pilot)", "CAREMGMT")
    c.f("Tracker for ⟦d⟧. Columns per the pilot charter.\n\n"
        "| Patient | MRN | Disch date | Disposition | F/U phone | HH agency |\n| --- | --- | --- | --- | --- | --- |\n",
        d=X("event_date", fd(c.today, "long")))
    for i in range(c.ri(3, 5)):
        p = c.patient()
        dd = c.day(0, 2)
        dispo = c.ch(["Home", "Home w/ HH", "SNF", "Hospice", "AMA"])
        agency = {"Home w/ HH": X("facility", "Sunrise Home Health"), "Hospice": X("facility", "Saint Columba Hospice")}.get(dispo, "n/a")
        c.add("| ", p.name("full"), " | ", p.mrn(), " | ", P("date", fd(dd, "us")), " | ",
              dispo, " | ", p.phone(c.ch(["dash", "paren"]), cell=c.rnd() < 0.5), " | ", agency, " |\n")
    cm = c.staff("RN, CCM")
    c.f("\nCase manager on the unit: ⟦cm⟧, ⟦cx⟧.\n", cm=cm.name("cred"), cx=cm.tel())


@T("confluence_patient_table", "conf_markdown_export_br")
def _(c):
    c.f("# Wound care referrals (exported from Confluence to Markdown)\n\n_Last edited ⟦d⟧_\n\n"
        "| Patient | Address | Referral | Visits |\n|:--|:--|:--|--:|\n", d=fd(c.today, "iso"))
    for i in range(c.ri(2, 4)):
        p = c.patient()
        c.add("| ", p.name("full"), "<br/>DOB ", p.dob_p("iso"), "<br/>MRN ", p.mrn(), " | ", p.street_p())
        if p.unit:
            c.add(", ", p.unit_p())
        c.add("<br/>", p.city_p(), ", ", p.state_x(), " ", p.zip_p(), " | ", X("condition", c.ch(
            ["Stage 3 pressure injury, sacrum", "Venous stasis ulcer, R leg", "Diabetic foot ulcer, L heel"])),
            "<br/>from ", c.staff().name("dr"), " | ", str(c.ri(2, 12)), " |\n")
    c.f("\n> The `<br/>` tags come from the export plugin; the table renders fine in Confluence.\n")


@T("confluence_patient_table", "conf_expand_macro_single")
def _(c):
    p = c.patient()
    conf_head(c, "Runbook: ADT downtime recovery", "INTOPS")
    c.f("h2. Overview\nDuring an ADT downtime the registration desks keep paper logs; after recovery the logs are "
        "back-entered and the interface replays queued messages. ⟦f1⟧\n\nh2. Steps\n# Stop the outbound ADT thread.\n"
        "# Confirm queue depth in the engine console.\n# Back-enter paper registrations.\n# Resume the thread and watch "
        "for NAKs.\n\n⟦f2⟧\n\n{expand:title=Example from the last downtime (remove before publishing)}\n"
        "{panel}\n*Patient:* ⟦n⟧\n*Registered during downtime:* ⟦reg⟧\n*Visit #:* ⟦v⟧\n{panel}\n{expand}\n\n"
        "h2. Contacts\nInterface on-call: ⟦oc⟧ ⟦ocp⟧\n", f1=c.filler(2), f2=c.filler(2), n=p.name("full"),
        reg=P("date", fd(c.day(-40, -20), "us") + " " + hhmm(c.ri(0, 23), c.ri(0, 59))), v=p.visit(),
        oc=c.staff().name(), ocp=X("staff_contact", "pager " + c.digits(3) + "-" + c.digits(4, "0123456789")))


@T("confluence_patient_table", "conf_radiology_worklist")
def _(c):
    conf_head(c, "PACS worklist sort order complaint", "IMAGING")
    c.f("Radiologists report the worklist no longer sorts by priority. Screenshot text (copied):\n\n{noformat}\n"
        "Accession    Patient                      DOB         Exam                         Sched             Pri\n")
    for i in range(c.ri(3, 6)):
        p = c.patient()
        d = c.day(0, 1)
        name = p.name("LF")
        c.add(c.order_no("A"), "    ", name, " " * max(1, 29 - len(name.text)), p.dob_p("us"), "  ",
              c.ch(["CT HEAD WO CONTRAST         ", "MRI L-SPINE WO              ", "XR CHEST 2V                 ",
                    "US ABD COMPLETE             ", "CTA CHEST PE PROTOCOL       "]),
              P("date", "%s %s" % (fd(d, "us2"), hhmm(c.ri(6, 22), c.ch([0, 15, 30, 45])))), "    ",
              c.ch(["STAT", "ROUT", "ASAP"]), "\n")
    c.f("{noformat}\nSort key should be Pri then Sched. Vendor case ⟦vc⟧.\n", vc="CS-%d" % c.ri(100000, 999999))

# ---------------------------------------------------------------------------------------
# verification (used while generating and by --check)
# ---------------------------------------------------------------------------------------

CONTRACT_KINDS = {"person_name", "street_address", "zip_code", "date", "age_over_89", "phone", "email", "ssn",
                  "mrn", "health_plan_id", "medicare_mbi", "account_number", "license_number", "vehicle_id",
                  "device_id", "url", "ip_address", "biometric_id", "photo", "other_id", "diagnosis_code",
                  "procedure_code", "drug_code", "medication", "condition", "credit_card"}
NAME_STOP = {"van", "der", "den", "de", "da", "das", "dos", "del", "la", "le", "bin", "binti", "ibn", "al", "ap",
             "ab", "ní", "nic", "mac", "ó", "te", "dela", "thị", "văn", "mr", "mrs"}


def _alnum(ch):
    return ch.isalnum()


def char_index(b, off):
    """Char index of byte offset `off`, or None if it falls inside a UTF-8 sequence."""
    if off < len(b) and (b[off] & 0xC0) == 0x80:
        return None
    return len(b[:off].decode("utf-8"))


def verify(text, spans, phi_doc):
    """spans: [(start, end, label, kind, recorded_text_or_None)]; returns a list of problems."""
    probs = []
    b = text.encode("utf-8")
    prev_end = -1
    cspans = []
    for s, e, label, kind, rec in spans:
        if not (0 <= s < e <= len(b)):
            probs.append("bad offsets %d-%d" % (s, e))
            continue
        if s < prev_end:
            probs.append("overlap/unsorted at %d" % s)
        prev_end = e
        cs, ce = char_index(b, s), char_index(b, e)
        if cs is None or ce is None:
            probs.append("offset inside a UTF-8 sequence at %d-%d" % (s, e))
            continue
        st = text[cs:ce]
        if rec is not None and st != rec:
            probs.append("span text %r != recorded %r" % (st, rec))
        if st != st.strip():
            probs.append("span %r has outer whitespace" % st)
        if cs > 0 and _alnum(text[cs - 1]) and _alnum(text[cs]):
            probs.append("span %r starts inside a token (%r)" % (st, text[max(0, cs - 8):cs + 8]))
        if ce < len(text) and _alnum(text[ce - 1]) and _alnum(text[ce]):
            probs.append("span %r ends inside a token (%r)" % (st, text[max(0, ce - 8):ce + 8]))
        if label not in ("phi", "dont_care"):
            probs.append("bad label %r" % label)
        if label == "phi" and kind not in CONTRACT_KINDS:
            probs.append("phi kind %r not a contract kind" % kind)
        cspans.append((cs, ce, label, kind, st))
    nphi = sum(1 for x in cspans if x[2] == "phi")
    if phi_doc and nphi == 0:
        probs.append("PHI document without phi spans")
    if not phi_doc and nphi:
        probs.append("clean document with phi spans")
    # a PHI value must not also occur unlabelled (token-aligned) elsewhere in the document
    phi_ranges = [(cs, ce) for cs, ce, label, _, _ in cspans if label == "phi"]
    seen = set()
    for cs, ce, label, kind, st in cspans:
        if label != "phi":
            continue
        cands = [st]
        if kind == "person_name":
            cands += [w for w in re.split(r"[\s^,]+", st) if len(w) >= 3 and w.lower() not in NAME_STOP]
        for w in cands:
            if w in seen or len(w) < 3:
                continue
            seen.add(w)
            i = text.find(w)
            while i >= 0:
                j = i + len(w)
                aligned = not ((i > 0 and _alnum(text[i - 1]) and _alnum(text[i]))
                               or (j < len(text) and _alnum(text[j - 1]) and _alnum(text[j])))
                if aligned and not any(a <= i and j <= z for a, z in phi_ranges):
                    probs.append("PHI value %r also occurs unlabelled at char %d" % (w, i))
                    break
                i = text.find(w, i + 1)
    return probs


# ---------------------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------------------


def plan():
    """[(family, index, variant, fn, primary culture)] for all 240 documents."""
    out = []
    cult = list(CULTURE_NAMES)
    random.Random(SEED + "/cultures").shuffle(cult)
    g = 0
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        tpls = list(TEMPLATES.get(fam, []))
        if not tpls:
            continue
        n = N_PHI if fam in PHI_FAMILIES else N_CLEAN
        rr = random.Random(SEED + "/plan/" + fam)
        seq = []
        while len(seq) < n:
            batch = list(tpls)
            rr.shuffle(batch)
            seq += batch
        seq = seq[:n]
        for i, (variant, fn) in enumerate(seq):
            out.append((fam, i, variant, fn, cult[g % len(cult)]))
            g += 1
    return out


def build(fam, i, variant, fn, primary):
    last = None
    for attempt in range(80):
        rng = random.Random("%s/%s/%d/%d" % (SEED, fam, i, attempt))
        c = Ctx(rng, fam, primary)
        fn(c)
        text = c.doc.text()
        probs = verify(text, c.doc.spans, fam in PHI_FAMILIES)
        if not probs:
            rec = {"id": "%s-%04d" % (fam, i), "family": fam, "phi": fam in PHI_FAMILIES, "variant": variant,
                   "text": text,
                   "spans": [{"start": s, "end": e, "label": l, "kind": k} for s, e, l, k, _ in c.doc.spans]}
            return rec, c.doc.spans, c.cultures
        last = probs
    raise RuntimeError("%s-%d (%s) keeps failing: %s" % (fam, i, variant, last[:5]))


def generate_all():
    recs, meta = [], []
    for fam, i, variant, fn, primary in plan():
        rec, spans, cultures = build(fam, i, variant, fn, primary)
        recs.append(rec)
        meta.append((spans, cultures))
    return recs, meta

# ---------------------------------------------------------------------------------------
# family: support_ticket
# ---------------------------------------------------------------------------------------


def portal_host(c):
    return "mychart." + c.fac_t[2]


@T("support_ticket", "ticket_telehealth_connect")
def _(c):
    p = c.patient()
    agent, prov = c.staff(), c.staff()
    appt = c.day(-1, 0)
    ip = c.ip_public()
    pid_ = c.digits(8)
    tt = c.tseq(2, appt, "T", start_h=c.ri(8, 15), step=(5, 90))
    c.f("Ticket #⟦no⟧  ·  Video visit will not connect  ·  Priority: High  ·  Group: Virtual Care Support\n"
        "Requester: ⟦prov⟧ (⟦pm⟧)\nAssignee: ⟦agent⟧\n\n---- ⟦prov2⟧, ⟦t1⟧ ----\nMy ⟦ap⟧ video visit with ⟦n⟧ never connected. "
        "The patient waited in the lobby for 20 min, I saw 'participant reconnecting' the whole time. Had to convert to a phone visit "
        "at ⟦ph⟧.\n\n---- ⟦agent2⟧, ⟦t2⟧ (internal note) ----\nSession log for meeting ⟦sess⟧:\n{code}\n"
        "⟦t3⟧ participant=patient  join  client=ios-webview 17.6  ip=⟦ip⟧  ice=failed\n"
        "⟦t4⟧ participant=provider join  client=chrome 131  ip=⟦sip⟧  ice=connected\n{code}\n"
        "Patient launched from ⟦url⟧ — the iOS webview blocks the TURN fallback. Sending the desktop link instead.\n",
        no=str(c.ri(40000, 99999)), prov=prov.name("drfull"), pm=prov.mail(), agent=agent.name(), prov2=prov.name(),
        t1=c.ts(appt), ap=P("date", "%s %s" % (fd(appt, "usn"), c.ch(["9:40 AM", "1:20 PM", "3:00 PM", "10:15 AM"]))),
        n=p.name("full"), ph=p.phone("dash", cell=True), agent2=agent.name(), t2=c.ts(c.today), sess=c.uuid(),
        t3=tt[0], t4=tt[1], ip=P("ip_address", ip), sip=c.ip_server(),
        url=P("url", "https://%s/MyChart/Visits/VideoVisit?patientId=%s&csn=%s" % (portal_host(c), pid_, c.digits(9))))


@T("support_ticket", "ticket_pharmacy_label_print")
def _(c):
    p = c.patient()
    pharm, prescr = c.staff("PharmD"), c.staff("MD")
    fill_d = c.day(-2, 0)
    med = c.ch(MEDS)
    c.f("INC⟦no⟧ — Label printer in the outpatient pharmacy cuts off the address line\nCaller: ⟦ph⟧   Location: ⟦fac⟧ Outpatient Pharmacy\n"
        "Category: Hardware > Printer   Assignment group: Field Services\n\nWork notes:\nCaller scanned a misprinted label and "
        "pasted the text below. Second line of the address is missing on every label from printer RXLBL-03.\n\n"
        "    ⟦facu⟧ OUTPATIENT PHARMACY   ⟦fph⟧\n    Rx# ⟦rx⟧           Filled: ⟦fd⟧\n    ⟦n⟧\n    ⟦addr⟧\n"
        "    ⟦sig⟧\n    ⟦med⟧      Qty: ⟦qty⟧  Refills: ⟦rf⟧\n    Prescriber: ⟦pr⟧      NDC ⟦ndc⟧\n    Discard after: ⟦disc⟧\n\n"
        "Replaced the label stock, issue persists. Escalating to ⟦esc⟧.\n",
        no=c.digits(7, "0123456789"), ph=pharm.name("cred"), fac=c.fac(), facu=X("facility", c.fac_t[0].upper()),
        fph=X("staff_contact", pharm.phone), rx=c.order_no(), fd=P("date", fd(fill_d, "us")), n=p.name("upper"),
        addr=[P("street_address", p.street.upper()), ", ", P("street_address", p.city.upper()),
              " ", p.state_x(), " ", p.zip_p()],
        sig=c.ch(["TAKE 1 TABLET BY MOUTH TWICE DAILY WITH MEALS", "INJECT 22 UNITS UNDER THE SKIN AT BEDTIME",
                  "TAKE 1 CAPSULE BY MOUTH DAILY", "INHALE 2 PUFFS EVERY 4 HOURS AS NEEDED"]),
        med=X("medication", med.upper()), qty=str(c.ch([30, 60, 90, 1])), rf=str(c.ri(0, 5)), pr=prescr.name("dr"),
        ndc=X("drug_code", "%s-%s-%s" % (c.digits(5, "0123456789"), c.digits(4, "0123456789"), c.digits(2, "0123456789"))),
        disc=X("event_date", fd(fill_d.replace(year=fill_d.year + 1) if not (fill_d.month == 2 and fill_d.day == 29) else fill_d, "us")),
        esc=c.staff().name())


@T("support_ticket", "ticket_portal_login_audit")
def _(c):
    p = c.patient(age=c.ri(22, 84))
    agent = c.staff()
    ip = c.ip_public()
    d = c.day(-1, 0)
    c.f("[PORTAL-⟦n⟧] Patient locked out after password reset\n\nDescription (from the call, ⟦ag⟧):\nPatient ⟦name⟧ called "
        "⟦cd⟧ from ⟦ph⟧. The patient reset the password twice and still gets 'account locked'. Portal username is the email "
        "⟦em⟧.\n\nAudit log excerpt:\n```\n", n=str(c.ri(1000, 9999)), ag=agent.name(), name=p.name("full"),
        cd=X("event_date", fd(d, "long")), ph=p.phone("paren"), em=p.email())
    evs = ["password_reset_requested", "password_reset_completed", "login_failed reason=bad_password",
           "login_failed reason=bad_password", "account_locked threshold=5"]
    for ev, t in zip(evs, c.tseq(len(evs), d, "T", ms=True, step=(20, 400))):
        c.add(t, "Z ", ev.ljust(38), " user=", p.email(), " src=", P("ip_address", ip), " node=",
              "web-%02d" % c.ri(1, 8), "\n")
    c.f("```\nActivation link the patient was given: ⟦url⟧\nThe reset flow does not clear the failed-attempt counter. ⟦fill⟧\n",
        url=P("url", "https://%s/MyChart/Activate?code=%s&mrn=%s" % (portal_host(c), c.alnum(10), p.mrn_v)),
        fill=c.filler(1))


@T("support_ticket", "ticket_prior_auth_fax_ocr")
def _(c):
    p = c.patient()
    req = c.staff()
    code, desc = c.cpt()
    cn, icd = c.cond()
    dos = c.day(7, 30)
    c.f("Case 00⟦no⟧: OCR of inbound prior-auth fax misreads the member ID\n\nThe fax server OCR output for the attached PDF:\n\n"
        "---8<---\nFAX  ⟦ft⟧   FROM: ⟦ff⟧   TO: (800) 310-4471   PAGE 1/3\n\nPRIOR AUTHORIZATION REQUEST — ⟦payer⟧\n"
        "Member name: ⟦n⟧\nMember ID: ⟦mid⟧        Group: ⟦grp⟧\nDate of birth: ⟦dob⟧\nRequesting provider: ⟦rq⟧   NPI: ⟦npi⟧\n"
        "Requested service: ⟦cpt⟧ ⟦desc⟧     Dx: ⟦icd⟧ ⟦cn⟧\nDate of service: ⟦dos⟧\nClinical notes: see attached.\n---8<---\n\n"
        "The OCR reads the 0 in the member ID as O about half the time. Payer phone on the form is (800) 310-4471. ⟦fill⟧\n",
        no=c.digits(6, "0123456789"), ft=c.ts(c.today), ff=X("staff_contact", req.phone), payer=c.ch(PAYERS),
        n=p.name("LF"), mid=p.member(), grp=X("group_number", c.digits(6)), dob=p.dob_p(c.ch(["us", "us2"])),
        rq=req.name("drfull"), npi=req.npi_x(), cpt=code, desc=desc, icd=icd, cn=cn, dos=P("date", fd(dos, "us")),
        fill=c.filler(1))


@T("support_ticket", "ticket_billing_card_pasted")
def _(c):
    p = c.patient()
    g = c.relative(p, age=c.ri(30, 70)) if p.age() < 18 else p
    agent = c.staff()
    card = make_card(c.r)
    d1, d2 = c.day(-60, -30), c.day(-29, -10)
    c.f("Freshdesk #⟦no⟧ | Billing | Status: Pending\n\n⟦agent⟧ wrote:\n> Guarantor ⟦gn⟧ called about a double charge on account "
        "⟦acct⟧ for the visits on ⟦d1⟧ and ⟦d2⟧. They read me the card so I could find the transaction: ⟦card⟧ exp ⟦exp⟧. "
        "Callback ⟦ph⟧.\n\n⟦sup⟧ wrote:\n> Please never put full card numbers in tickets. The processor shows one "
        "authorization and one capture, not two charges. Closing after callback.\n",
        no=str(c.ri(200000, 999999)), agent=agent.name(), gn=g.name("full"), acct=p.acct(), d1=P("date", fd(d1, "usn")),
        d2=P("date", fd(d2, "usn")), card=P("credit_card", " ".join(card[i:i + 4] for i in range(0, len(card), 4))),
        exp="%02d/%02d" % (c.ri(1, 12), c.ri(27, 31)), ph=g.phone("dot"), sup=c.staff().name())


@T("support_ticket", "ticket_home_health_sync")
def _(c):
    p = c.patient()
    rn = c.staff("RN")
    cg = c.relative(p)
    visit = c.day(-3, -1)
    serial = "%s%s" % (c.ch(["HM", "BP", "SC"]), c.digits(9, "0123456789"))
    c.f("Home health tablet app: visit note stuck in outbox\n\nReported by ⟦rn⟧ (⟦agency⟧), tablet asset ⟦asset⟧.\n\n"
        "The note below has been 'pending sync' since ⟦since⟧. Text copied from the app so it is not lost:\n\n"
        "  SKILLED NURSING VISIT — ⟦vd⟧ ⟦tin⟧–⟦tout⟧\n  Patient: ⟦n⟧   DOB ⟦dob⟧\n  Address: ⟦addr⟧\n"
        "  Caregiver present: ⟦cg⟧ (⟦rel⟧), ⟦cgp⟧\n  Vitals: BP ⟦bp⟧, HR ⟦hr⟧, wt ⟦wt⟧ lb (scale serial ⟦ser⟧)\n"
        "  Wound care per plan, pt tolerated well. Next visit in 3 days.\n\nSync log shows HTTP 413 from the gateway at ⟦gw⟧:443. ⟦fill⟧\n",
        rn=rn.name("cred"), agency=X("facility", "Sunrise Home Health"), asset="TAB-%04d" % c.ri(1, 9999),
        since=c.ts(visit), vd=P("date", fd(visit, "us")), tin=hhmm(c.ri(8, 12), c.ri(0, 59)), tout=hhmm(c.ri(13, 16), c.ri(0, 59)),
        n=p.name("full"), dob=p.dob_p("us"), addr=p.addr_line(), cg=cg.name("full"),
        rel=kin(cg, c.ch(["child", "spouse", "grandchild"])), cgp=cg.phone("dash", cell=True),
        bp="%d/%d" % (c.ri(100, 170), c.ri(55, 95)), hr=str(c.ri(55, 110)), wt=str(c.ri(95, 260)),
        ser=P("device_id", serial), gw=c.ip_server(), fill=c.filler(1))


@T("support_ticket", "ticket_ed_duplicate_registration")
def _(c):
    p = c.patient(age=c.ri(18, 88))
    clerk = c.staff()
    arr = c.day(-1, 0)
    dl = "%s%s" % (c.ch(["", "D", "S", "WDL"]), c.digits(8, "0123456789"))
    tmrn = "T" + c.digits(7, "0123456789")
    wrong = p.dob.replace(day=min(28, p.dob.month)) if p.dob.day != min(28, p.dob.month) else p.dob + dt.timedelta(days=1)
    c.f("ServiceNow INC⟦no⟧ — Quick registration created a second chart in the ED\n\nShort description: Duplicate MRN created "
        "during trauma quick-reg\nCaller: ⟦clerk⟧  |  Assignment group: HIM Data Integrity\n\nWork notes (⟦t⟧):\n"
        "Pt arrived by EMS ⟦arr⟧ as 'Trauma, Unknown'. Later identified from driver license ⟦dl⟧ (⟦st⟧) as ⟦n⟧. Existing chart "
        "⟦m1⟧ has DOB ⟦dob⟧; the quick-reg chart ⟦m2⟧ was updated with DOB ⟦wdob⟧ by mistake. Please merge ⟦m2b⟧ into ⟦m1b⟧.\n",
        no=c.digits(7, "0123456789"), clerk=clerk.name(), t=c.ts(c.today),
        arr=P("date", "%s %s" % (fd(arr, "us"), hhmm(c.ri(0, 23), c.ri(0, 59)))), dl=P("license_number", dl),
        st=p.state_x(), n=p.name("full"), m1=p.mrn(), dob=p.dob_p("us"), m2=P("mrn", tmrn),
        wdob=P("date", fd(wrong, "us")), m2b=P("mrn", tmrn), m1b=p.mrn())


@T("support_ticket", "ticket_device_udi_mismatch")
def _(c):
    p = c.patient()
    tech = c.staff(c.ch(["CST", "RN"]))
    gtin = "0" + c.digits(13, "0123456789")
    serial = c.alnum(c.ri(8, 11))
    exp = c.today + dt.timedelta(days=c.ri(200, 700))
    implant = c.day(-20, -2)
    c.f("### Implant log rejects UDI scanned in OR ⟦orn⟧\n\n**Reported by** ⟦tech⟧ · **Team** Perioperative Apps\n\n"
        "Scanning the box for ⟦n⟧ (MRN ⟦m⟧) on ⟦d⟧ produced:\n\n```\n⟦udi⟧\n```\n\nThe implant log splits at `(21)` "
        "and stores serial `⟦ser⟧`, but the GS1 parser drops the `(17)` expiry so validation fails with "
        "`UDI_EXPIRED`. GTIN ⟦gtin⟧ is in the device catalogue. Manufacturer support: 1-800-961-2210 (not PHI).\n",
        orn=str(c.ri(1, 14)), tech=tech.name("cred"), n=p.name("full"), m=p.mrn(), d=P("date", fd(implant, "iso")),
        udi=P("device_id", "(01)%s(17)%s(10)%s(21)%s" % (gtin, exp.strftime("%y%m%d"), "L" + c.digits(5), serial)),
        ser=P("device_id", serial), gtin=X("internal_id", gtin))


@T("support_ticket", "ticket_me_case_transfer")
def _(c):
    p = c.patient(age=c.ri(90, 99) if c.rnd() < 0.6 else c.ri(40, 89))
    inv = c.staff()
    dod = c.day(-4, -1)
    vin = make_vin(c.r)
    plate = "%d%s%d" % (c.ri(1, 9), c.alnum(3).replace("0", "K"), c.ri(100, 999))
    c.f("HIMS-⟦n⟧: ME case file attachment failed to transfer\n\nThe county medical examiner's system rejected our "
        "upload. The case cover sheet (text layer) reads:\n\n  CASE NO: ⟦case⟧\n  DECEDENT: ⟦name⟧   AGE: ⟦age⟧   SEX: ⟦sex⟧\n"
        "  DATE OF DEATH: ⟦dod⟧   PRONOUNCED: ⟦fac⟧ ED\n  CIRCUMSTANCES: single-vehicle collision; vehicle VIN ⟦vin⟧, plate ⟦plate⟧ (⟦st⟧)\n"
        "  INVESTIGATOR: ⟦inv⟧\n\nThe upload API returns 422 because the PDF is 31 MB. Splitting the file is the workaround. ⟦fill⟧\n",
        n=str(c.ri(100, 999)), case=P("other_id", "ME-%d-%05d" % (dod.year, c.ri(1, 9999))), name=p.name("upper"),
        age=age_tag(c, p, dod), sex="F" if p.sex == "F" else "M", dod=P("date", fd(dod, "ABBR")), fac=c.fac(hospital(c)),
        vin=P("vehicle_id", vin), plate=P("vehicle_id", plate), st=p.state_x(), inv=inv.name(), fill=c.filler(1))


@T("support_ticket", "ticket_interpreter_request")
def _(c):
    p = c.patient()
    coord = c.staff()
    appt = c.day(3, 20)
    lang = CULTURE_LANG[p.culture]
    if lang == "English":
        lang = "American Sign Language"
    c.f("Request type: Interpreter — in-home visit\nSubmitted by: ⟦co⟧ ⟦cm⟧\n\nLanguage: ⟦lang⟧\nPatient: ⟦n⟧\n"
        "Appointment: ⟦ap⟧\nLocation: patient home — ⟦addr⟧\nPatient phone: ⟦ph⟧\nNotes: gate code is on the visit "
        "schedule; dog in yard.\n\n--\nStatus changed to 'Vendor assigned' by ⟦v⟧ at ⟦t⟧. The form's address field "
        "loses the unit number when saved; that is the bug this ticket is about.\n",
        co=coord.name(), cm=coord.mail(), lang=lang, n=p.name("full"),
        ap=P("date", "%s %s" % (fd(appt, "long"), c.ch(["09:00", "13:30", "15:00"]))), addr=p.addr_line(),
        ph=p.phone(c.ch(["paren", "dash", "intl"])), v=c.staff().name(), t=c.ts(c.today))


@T("support_ticket", "ticket_roi_request")
def _(c):
    p = c.patient()
    him = c.staff()
    a, b = c.day(-400, -200), c.day(-199, -30)
    c.f("Subject: ROI queue — request cannot be completed, patient search returns nothing\n\nHi team,\n\n"
        "Release-of-information request logged by ⟦him⟧ in HIM:\n\n* Patient: ⟦n⟧\n* DOB: ⟦dob⟧\n* Records requested: "
        "encounters from ⟦a⟧ to ⟦b⟧\n* Send to: patient, ⟦addr⟧\n* Verified via last 4 of SSN (⟦l4⟧)\n\n"
        "Searching by name + DOB in the ROI tool returns no match, although the chart exists (MRN ⟦m⟧). Looks like the ROI "
        "tool searches only the legacy MPI. ⟦fill⟧\n\nThanks,\n⟦him2⟧\nHealth Information Management | ⟦ext⟧\n",
        him=him.name(), n=p.name("full"), dob=p.dob_p("long"), a=P("date", fd(a, "us")), b=P("date", fd(b, "us")),
        addr=p.addr_line(), l4=p.ssn_last4(), m=p.mrn(), fill=c.filler(1), him2=him.name(), ext=him.xt())

# ---------------------------------------------------------------------------------------
# JSON / YAML rendering with pieces as leaves
# ---------------------------------------------------------------------------------------


class S(list):
    """A string value made of several pieces (e.g. "Patient/" + id)."""


def jscalar(v):
    if isinstance(v, Piece):
        assert '"' not in v.text and "\\" not in v.text, v.text
        return ['"', v, '"']
    if isinstance(v, S):
        return ['"'] + list(v) + ['"']
    return [json.dumps(v, ensure_ascii=False)]


def jlines(v, step=2, ind=0, key=None, comma=False):
    pre = " " * ind + (json.dumps(key, ensure_ascii=False) + ": " if key is not None else "")
    end = "," if comma else ""
    if isinstance(v, dict):
        if not v:
            return [[pre + "{}" + end]]
        out = [[pre + "{"]]
        items = list(v.items())
        for i, (k, x) in enumerate(items):
            out += jlines(x, step, ind + step, k, i < len(items) - 1)
        out.append([" " * ind + "}" + end])
        return out
    if isinstance(v, list) and not isinstance(v, S):
        if not v:
            return [[pre + "[]" + end]]
        if all(not isinstance(x, (dict, list)) or isinstance(x, S) for x in v) and len(v) <= 3:
            line = [pre + "["]
            for i, x in enumerate(v):
                if i:
                    line.append(", ")
                line += jscalar(x)
            return [line + ["]" + end]]
        out = [[pre + "["]]
        for i, x in enumerate(v):
            out += jlines(x, step, ind + step, None, i < len(v) - 1)
        out.append([" " * ind + "]" + end])
        return out
    return [[pre] + jscalar(v) + [end]]


def jcompact(v, space=False):
    sep, col = (", ", ": ") if space else (",", ":")
    if isinstance(v, dict):
        out = ["{"]
        for i, (k, x) in enumerate(v.items()):
            if i:
                out.append(sep)
            out += [json.dumps(k, ensure_ascii=False), col] + jcompact(x, space)
        return out + ["}"]
    if isinstance(v, list) and not isinstance(v, S):
        out = ["["]
        for i, x in enumerate(v):
            if i:
                out.append(sep)
            out += jcompact(x, space)
        return out + ["]"]
    return jscalar(v)


def jtext(v, step=2):
    out = []
    for ln in jlines(v, step):
        out += ln + ["\n"]
    return out


def yscalar(v, quote=False):
    if isinstance(v, Piece):
        return ['"', v, '"'] if quote else [v]
    if isinstance(v, S):
        return ['"'] + list(v) + ['"'] if quote else list(v)
    if isinstance(v, bool):
        return ["true" if v else "false"]
    if v is None:
        return ["null"]
    if isinstance(v, (int, float)):
        return [str(v)]
    return [json.dumps(v, ensure_ascii=False)] if (quote or re.search(r"[:#\[\]{}]|^\s|\s$|^$", v)) else [v]


def ylines(v, ind=0, quote=False):
    out = []
    sp = " " * ind
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, dict) or (isinstance(x, list) and not isinstance(x, S)):
                out.append([sp + k + ":"])
                out += ylines(x, ind + 2, quote)
            else:
                out.append([sp + k + ": "] + yscalar(x, quote))
        return out
    if isinstance(v, list) and not isinstance(v, S):
        for x in v:
            if isinstance(x, dict):
                sub = ylines(x, ind + 2, quote)
                first = sub[0]
                first[0] = sp + "- " + first[0][ind + 2:]
                out += sub
            else:
                out.append([sp + "- "] + yscalar(x, quote))
        return out
    return [[sp] + yscalar(v, quote)]


def diff_file(c, path, lines, new=True, old_lines=None):
    """lines: list of piece-lists (added); or, with new=False, list of (prefix, piece-list)."""
    idx = "%s..%s" % (c.hexs(7), c.hexs(7))
    out = ["diff --git a/%s b/%s\n" % (path, path)]
    if new:
        out += ["new file mode 100644\nindex 0000000..%s\n--- /dev/null\n+++ b/%s\n" % (idx.split("..")[1], path),
                "@@ -0,0 +1,%d @@\n" % len(lines)]
        for ln in lines:
            out += ["+"] + ln + ["\n"]
    else:
        n_old = sum(1 for pre, _ in lines if pre in " -")
        n_new = sum(1 for pre, _ in lines if pre in " +")
        start = 1 if ptext(lines[0][1]).startswith("{") else c.ri(3, 80)
        out += ["index %s 100644\n--- a/%s\n+++ b/%s\n@@ -%d,%d +%d,%d @@\n" % (idx, path, path, start, n_old, start, n_new)]
        for pre, ln in lines:
            out += [pre] + ln + ["\n"]
    return out


def pr_head(c, title):
    a, r1, r2 = c.staff(), c.staff(), c.staff()
    c.f("Pull request #⟦n⟧: ⟦title⟧\n⟦src⟧ → ⟦dst⟧ · Author: ⟦a⟧ · Reviewers: ⟦r1⟧, ⟦r2⟧\n\n",
        n=str(c.ri(80, 2400)), title=title, src="feature/%s" % c.jira_key(), dst=c.ch(["develop", "main", "release/2026.11"]),
        a=a.name(), r1=r1.name(), r2=r2.name())
    return a, r1, r2


def fid(c, prefix="pat"):
    return X("internal_id", c.ch([c.digits(6), c.uuid(), prefix + "-" + c.hexs(8)]))


def fhir_patient(c, p, ext=False, multi_addr=False, rank=False, text_only=False, idv=None):
    r = {"resourceType": "Patient", "id": idv or fid(c)}
    if ext:
        race = c.ch([("2028-9", "Asian"), ("2054-5", "Black or African American"), ("2106-3", "White"),
                     ("1002-5", "American Indian or Alaska Native"), ("2076-8", "Native Hawaiian or Other Pacific Islander")])
        r["extension"] = [
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
             "extension": [{"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238",
                                                                   "code": race[0], "display": race[1]}},
                           {"url": "text", "valueString": race[1]}]},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": p.sex}]
    r["identifier"] = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                            "code": "MR"}]},
                        "system": "urn:oid:1.2.840.114350.1.13.%d.2.7.5.737384.14" % c.ri(100, 999), "value": p.mrn()}]
    if c.rnd() < 0.4:
        r["identifier"].append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": p.ssn()})
    if text_only:
        r["name"] = [{"text": p.name("full")}]
    else:
        nm = {"use": "official", "family": p.name("family"), "given": [p.name("given")]}
        if c.rnd() < 0.3:
            nm["text"] = p.name("full")
        r["name"] = [nm]
    tel = [{"system": "phone", "value": p.phone(c.ch(["paren", "dash", "intl2"])), "use": "home"}]
    if rank:
        tel[0]["rank"] = 2
        tel.append({"system": "phone", "value": p.phone("dash", cell=True), "use": "mobile", "rank": 1})
        tel.append({"system": "email", "value": p.email(), "rank": 3})
    elif c.rnd() < 0.5:
        tel.append({"system": "email", "value": p.email()})
    r["telecom"] = tel
    r["gender"] = "female" if p.sex == "F" else "male"
    r["birthDate"] = p.dob_p("iso")
    line = [p.street_p()] + ([p.unit_p()] if p.unit else [])
    addr = {"use": "home", "line": line, "city": p.city_p(), "state": p.state_x(), "postalCode": p.zip_p()}
    if multi_addr:
        moved = c.day(-900, -100)
        addr["period"] = {"start": P("date", fd(moved, "iso"))}
        old = {"use": "old", "line": [P("street_address", "%d %s %s" % (c.ri(10, 9999), c.ch(STREETS), c.ch(SUFFIX)))],
               "city": p.city_p(), "state": p.state_x(), "postalCode": P("zip_code", p.zip[:3] + "%02d" % c.ri(1, 99)),
               "period": {"end": P("date", fd(moved - dt.timedelta(days=1), "iso"))}}
        r["address"] = [addr, old]
    else:
        r["address"] = [addr]
    return r


def ref(kind, idpiece, display=None):
    d = {"reference": S([kind + "/", idpiece])}
    if display is not None:
        d["display"] = display
    return d

# ---------------------------------------------------------------------------------------
# family: bitbucket_fhir_diff
# ---------------------------------------------------------------------------------------


@T("bitbucket_fhir_diff", "bb_fhir_search_bundle")
def _(c):
    pr_head(c, "Add searchset fixtures for the patient lookup service")
    ents = []
    for i in range(c.ri(2, 3)):
        p = c.patient()
        pat = fhir_patient(c, p)
        ents.append({"fullUrl": S(["https://fhir.%s/R4/Patient/" % c.fac_t[2], pat["id"]]),
                     "resource": pat, "search": {"mode": "match", "score": round(c.r.uniform(0.7, 1.0), 2)}})
    bundle = {"resourceType": "Bundle", "id": c.uuid(), "meta": {"lastUpdated": c.ts(c.today, "T") + "Z"},
              "type": "searchset", "total": len(ents),
              "link": [{"relation": "self", "url": "https://fhir.%s/R4/Patient?name=%s&_count=10" % (c.fac_t[2], c.alnum(3).lower())}],
              "entry": ents}
    c.add(diff_file(c, "src/test/resources/fixtures/patient-searchset.json", jlines(bundle)))
    c.f("\nComment (⟦r⟧): these look like real people, can we regenerate them with the synthetic generator?\n",
        r=c.staff().name())


@T("bitbucket_fhir_diff", "bb_bulk_ndjson_diff")
def _(c):
    pr_head(c, "Bulk export: add NDJSON samples for the loader integration test")
    pats, obs = [], []
    for i in range(c.ri(2, 4)):
        p = c.patient()
        pr = fhir_patient(c, p)
        pats.append(jcompact(pr))
        d = c.day(-30, -1)
        loinc, name, unit, lo, hi, rng = c.ch(LABS)
        o = {"resourceType": "Observation", "id": fid(c, "obs"), "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": loinc, "display": name}]},
             "subject": ref("Patient", X("internal_id", pr["id"].text)),
             "effectiveDateTime": P("date", "%sT%02d:%02d:00-07:00" % (fd(d, "iso"), c.ri(0, 23), c.ri(0, 59))),
             "valueQuantity": {"value": round(c.r.uniform(lo, hi), 1), "unit": unit or "1"}}
        obs.append(jcompact(o))
    c.add(diff_file(c, "it/bulk/output/Patient.ndjson", pats))
    c.add(diff_file(c, "it/bulk/output/Observation.ndjson", obs))
    c.f("\nThe loader expects one resource per line; the job manifest lists both files (transactionTime ⟦t⟧).\n",
        t=c.ts(c.today, "T") + "Z")


@T("bitbucket_fhir_diff", "bb_observation_subject_display")
def _(c):
    pr_head(c, "Vitals mapper: keep subject.display for the nursing dashboard")
    p = c.patient()
    nurse = c.staff("RN")
    d = c.day(-5, -1)
    o = {"resourceType": "Observation", "id": fid(c, "obs"),
         "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure"]},
         "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"}]},
         "subject": ref("Patient", fid(c), p.name("full")),
         "encounter": {"identifier": {"value": p.visit()}},
         "effectiveDateTime": P("date", "%sT%02d:%02d:00Z" % (fd(d, "iso"), c.ri(0, 23), c.ri(0, 59))),
         "performer": [ref("Practitioner", fid(c, "prac"), nurse.name("cred"))],
         "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
                        "valueQuantity": {"value": c.ri(95, 180), "unit": "mm[Hg]"}},
                       {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
                        "valueQuantity": {"value": c.ri(50, 105), "unit": "mm[Hg]"}}]}
    c.add(diff_file(c, "mapper/src/test/resources/expected/bp-observation.json", jlines(o)))
    c.f("\n⟦r⟧ commented on line 14: `display` is optional, but the dashboard has no other way to show the name "
        "without a second read. OK for now.\n", r=c.staff().name("handle"))


@T("bitbucket_fhir_diff", "bb_patient_extensions_address_change")
def _(c):
    pr_head(c, "US Core 6.1: birthsex extension and address history")
    p = c.patient()
    pat = fhir_patient(c, p, ext=True, multi_addr=True, rank=True)
    new = jlines(pat)
    # show the address part as modified, the rest as context
    lines = []
    in_addr = False
    for ln in new:
        head = "".join(x if isinstance(x, str) else "" for x in ln)
        if '"address"' in head:
            in_addr = True
        if in_addr:
            lines.append(("+", ln))
        else:
            lines.append((" ", ln))
    # previous version of the address block
    old = [[' "address": [{"line": ["', p.street_p(), '"], "city": "', p.city_p(), '", "postalCode": "', p.zip_p(), '"}]']]
    idx = next(i for i, (pre, ln) in enumerate(lines) if pre == "+")
    lines = lines[:idx] + [("-", ln) for ln in old] + lines[idx:-1] + [(" ", lines[-1][1])]
    c.add(diff_file(c, "fixtures/us-core/patient-example-%s.json" % c.alnum(4).lower(), lines, new=False))
    c.f("\nCI: ✔ validator (hl7.fhir.us.core#6.1.0)  ✔ unit  ✖ snapshot (expected, regenerated in next commit)\n")


@T("bitbucket_fhir_diff", "bb_name_text_coverage")
def _(c):
    pr_head(c, "Eligibility: build Coverage from the 271 response")
    p = c.patient()
    eff = c.day(-300, -30)
    pat = fhir_patient(c, p, text_only=True)
    cov = {"resourceType": "Coverage", "id": fid(c, "cov"), "status": "active",
           "subscriberId": p.member(),
           "beneficiary": ref("Patient", X("internal_id", pat["id"].text), p.name("full")),
           "relationship": {"coding": [{"code": "self"}]},
           "period": {"start": X("coverage_date", fd(eff, "iso")), "end": X("coverage_date", "%d-12-31" % (eff.year + 1))},
           "payor": [{"display": c.ch(PAYERS)}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": X("group_number", c.digits(6)), "name": "Standard PPO"}]}
    c.add(diff_file(c, "eligibility/src/test/resources/271/expected-patient.json", jlines(pat)))
    c.add(diff_file(c, "eligibility/src/test/resources/271/expected-coverage.json", jlines(cov)))


@T("bitbucket_fhir_diff", "bb_yaml_seed_fixture")
def _(c):
    pr_head(c, "Seed data for the FHIR sandbox (YAML)")
    p = c.patient()
    att = c.staff()
    adm = c.day(-10, -3)
    dis = adm + dt.timedelta(days=c.ri(1, 5))
    pid_ = fid(c)
    cn, icd = c.cond()
    data = {"resources": [
        {"resourceType": "Patient", "id": pid_, "name": [{"family": p.name("family"), "given": [p.name("given")]}],
         "birthDate": p.dob_p("iso"), "gender": "female" if p.sex == "F" else "male",
         "telecom": [{"system": "phone", "value": p.phone("dash")}],
         "address": [{"line": [p.street_p()], "city": p.city_p(), "state": p.state_x(), "postalCode": p.zip_p()}]},
        {"resourceType": "Encounter", "id": fid(c, "enc"), "status": "finished", "class": {"code": "IMP"},
         "subject": {"reference": S(["Patient/", X("internal_id", pid_.text)])},
         "identifier": [{"value": p.visit()}],
         "period": {"start": P("date", "%sT%02d:%02d:00Z" % (fd(adm, "iso"), c.ri(0, 23), c.ri(0, 59))),
                    "end": P("date", "%sT%02d:%02d:00Z" % (fd(dis, "iso"), c.ri(9, 18), c.ri(0, 59)))},
         "participant": [{"individual": {"display": att.name("drfull")}}],
         "reasonCode": [{"text": cn}],
         "diagnosis": [{"condition": {"display": icd}}]}]}
    lines = ylines(data, 0, quote=c.rnd() < 0.5)
    c.add(diff_file(c, "sandbox/seed/%s.yaml" % c.ch(["inpatient", "admissions", "demo-encounters"]), lines))


@T("bitbucket_fhir_diff", "bb_typescript_fixture")
def _(c):
    pr_head(c, "patient-header component: snapshot tests")
    p = c.patient()
    lines = [["import type { Patient } from 'fhir/r4';"], [""], ["export const patientFixture: Patient = {"],
             ["  resourceType: 'Patient',"], ["  id: '", fid(c), "',"],
             ["  identifier: [{ system: 'urn:mrn', value: '", p.mrn(), "' }],"],
             ["  name: [{ family: '", p.name("family"), "', given: ['", p.name("given"), "'] }],"],
             ["  birthDate: '", p.dob_p("iso"), "',"],
             ["  telecom: [{ system: 'phone', value: '", p.phone("paren"), "' }, { system: 'email', value: '", p.email(), "' }],"],
             ["  address: [{ line: ['", p.street_p(), "'], city: '", p.city_p(), "', state: '", p.state_x(), "', postalCode: '", p.zip_p(), "' }],"],
             ["};"], [""], ["export const expectedHeader = '", p.name("LF"), " · ", p.dob_p("us"), " · MRN ", p.mrn(), "';"]]
    c.add(diff_file(c, "web/src/components/patient-header/__fixtures__/patient.ts", lines))
    c.f("\n⟦r⟧: please swap these for the synthetic patient from `@org/test-patients`; they were copied from the "
        "network tab in prod.\n", r=c.staff().name("handle"))


@T("bitbucket_fhir_diff", "bb_go_fixture")
def _(c):
    pr_head(c, "matcher: table test for name + DOB matching")
    p, q = c.patient(), c.patient()
    lines = [["func TestMatchDemographics(t *testing.T) {"], ["\ttests := []struct {"], ["\t\tname  string"],
             ["\t\tin    fhir.Patient"], ["\t\twant  bool"], ["\t}{"]]
    for x, want in ((p, "true"), (q, "false")):
        lines += [["\t\t{"], ["\t\t\tname: \"", x.name("latin"), "\","],
                  ["\t\t\tin: fhir.Patient{"],
                  ["\t\t\t\tName:      []fhir.HumanName{{Family: ptr(\"", x.name("family"), "\"), Given: []string{\"", x.name("given"), "\"}}},"],
                  ["\t\t\t\tBirthDate: ptr(\"", x.dob_p("iso"), "\"),"],
                  ["\t\t\t\tIdentifier: []fhir.Identifier{{System: ptr(mrnSystem), Value: ptr(\"", x.mrn(), "\")}},"],
                  ["\t\t\t},"], ["\t\t\twant: " + want + ","], ["\t\t},"]]
    lines += [["\t}"], ["\tfor _, tt := range tests {"], ["\t\tif got := Match(tt.in, reference); got != tt.want {"],
              ["\t\t\tt.Errorf(\"%s: got %v want %v\", tt.name, got, tt.want)"], ["\t\t}"], ["\t}"], ["}"]]
    c.add(diff_file(c, "internal/matcher/match_test.go", lines))


@T("bitbucket_fhir_diff", "bb_kotlin_hapi_builder")
def _(c):
    pr_head(c, "Android: offline cache for the visit summary")
    p = c.patient()
    appt = c.day(1, 30)
    prov = c.staff()
    lines = [["@Test"], ["fun cachesVisitSummary() {"], ["    val patient = Patient().apply {"],
             ["        id = \"", fid(c), "\""],
             ["        addIdentifier().setSystem(MRN_SYSTEM).setValue(\"", p.mrn(), "\")"],
             ["        addName().setFamily(\"", p.name("family"), "\").addGiven(\"", p.name("given"), "\")"],
             ["        birthDateElement = DateType(\"", p.dob_p("iso"), "\")"],
             ["        addTelecom().setSystem(ContactPointSystem.PHONE).setValue(\"", p.phone("dash", cell=True), "\")"],
             ["    }"], ["    val appt = Appointment().apply {"], ["        status = AppointmentStatus.BOOKED"],
             ["        start = Date.from(Instant.parse(\"", P("date", "%sT%02d:%02d:00Z" % (fd(appt, "iso"), c.ri(14, 23), c.ch([0, 30]))), "\"))"],
             ["        addParticipant().actor = Reference(\"Practitioner/", fid(c, "prac"), "\").setDisplay(\"", prov.name("drfull"), "\")"],
             ["    }"], ["    cache.put(patient, appt)"], ["    assertThat(cache.summary()).contains(\"", p.name("given"), "\")"], ["}"]]
    c.add(diff_file(c, "app/src/test/kotlin/org/example/visits/VisitCacheTest.kt", lines))


@T("bitbucket_fhir_diff", "bb_graphql_response_comment")
def _(c):
    p = c.patient()
    c.f("**⟦a⟧** commented on `gateway/schema/patient.graphql`:\n\nThe resolver returns the home address even when the "
        "caller only asked for `name`. Query and response from staging (pointed at the prod read replica):\n\n```graphql\n"
        "query { Patient(id: \"⟦id⟧\") { name { family given } birthDate } }\n```\n\n```json\n", a=c.staff().name(), id=fid(c))
    resp = {"data": {"Patient": {"name": [{"family": p.name("family"), "given": [p.name("given")]}], "birthDate": p.dob_p("iso"),
                                  "address": [{"line": [p.street_p()], "city": p.city_p(), "postalCode": p.zip_p()}]}},
            "extensions": {"tracing": {"duration": c.ri(8000000, 90000000)}}}
    c.add(jtext(resp))
    c.f("```\n\nSuggested fix in the diff below:\n\n")
    c.add(diff_file(c, "gateway/src/resolvers/patient.ts", [(" ", ["  const fields = info.fieldNodes[0].selectionSet;"]),
                                                             ("-", ["  return loader.load(id);"]),
                                                             ("+", ["  return project(await loader.load(id), fields);"])], new=False))


@T("bitbucket_fhir_diff", "bb_postman_collection")
def _(c):
    pr_head(c, "Postman: add create-patient request to the smoke collection")
    p = c.patient()
    body = ("{\\n  \\\"resourceType\\\": \\\"Patient\\\",\\n  \\\"name\\\": [{\\\"family\\\": \\\"", p.name("family"),
            "\\\", \\\"given\\\": [\\\"", p.name("given"), "\\\"]}],\\n  \\\"birthDate\\\": \\\"", p.dob_p("iso"),
            "\\\",\\n  \\\"telecom\\\": [{\\\"system\\\": \\\"phone\\\", \\\"value\\\": \\\"", p.phone("dash"), "\\\"}]\\n}")
    lines = [["{"], ["  \"info\": {\"name\": \"FHIR smoke\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},"],
             ["  \"item\": [{"], ["    \"name\": \"Create patient\","],
             ["    \"request\": {"], ["      \"method\": \"POST\","],
             ["      \"header\": [{\"key\": \"Content-Type\", \"value\": \"application/fhir+json\"}],"],
             ["      \"url\": \"{{baseUrl}}/Patient\","],
             ["      \"body\": {\"mode\": \"raw\", \"raw\": \""] + list(body) + ["\"}"],
             ["    }"], ["  }]"], ["}"]]
    c.add(diff_file(c, "postman/fhir-smoke.postman_collection.json", lines))
    c.f("\nBuild ⟦b⟧ passed. ⟦r⟧: the body was exported from my local history, I'll replace it with a dummy.\n",
        b="#%d" % c.ri(1000, 9000), r=c.staff().name())


@T("bitbucket_fhir_diff", "bb_appointment_medreq")
def _(c):
    pr_head(c, "Pharmacy refill reminders: appointment + MedicationRequest fixtures")
    p = c.patient()
    prov = c.staff()
    appt = c.day(5, 40)
    auth = c.day(-60, -5)
    med = c.ch(MEDS)
    ap = {"resourceType": "Appointment", "id": fid(c, "appt"), "status": "booked",
          "start": P("date", "%sT%02d:%02d:00-05:00" % (fd(appt, "iso"), c.ri(8, 16), c.ch([0, 15, 30, 45]))),
          "minutesDuration": c.ch([15, 20, 30]),
          "participant": [{"actor": ref("Patient", fid(c), p.name("full")), "status": "accepted"},
                          {"actor": ref("Practitioner", fid(c, "prac"), prov.name("drfull")), "status": "accepted"},
                          {"actor": {"display": c.fac()}, "status": "accepted"}]}
    mr = {"resourceType": "MedicationRequest", "id": fid(c, "mr"), "status": "active", "intent": "order",
          "medicationCodeableConcept": {"text": X("medication", med)},
          "subject": ref("Patient", fid(c), p.name("full")),
          "authoredOn": P("date", fd(auth, "iso")),
          "requester": {"display": prov.name("drfull")},
          "dispenseRequest": {"numberOfRepeatsAllowed": c.ri(0, 5)}}
    c.add(diff_file(c, "reminders/fixtures/appointment.json", jlines(ap, 4)))
    c.add(diff_file(c, "reminders/fixtures/medicationrequest.json", jlines(mr, 4)))

# ---------------------------------------------------------------------------------------
# family: sql_seed
# ---------------------------------------------------------------------------------------


def sq(x):
    """SQL string literal around a piece (doubling quotes is never needed for pieces without ')."""
    if isinstance(x, Piece) and "'" in x.text:
        return ["'", Piece(x.text.replace("'", "''"), x.label, x.kind), "'"]
    return ["'", x, "'"]


@T("sql_seed", "sql_sqlite_dump")
def _(c):
    c.f("Attaching the sqlite file from the kiosk that crashed (output of `sqlite3 kiosk.db .dump`):\n\n```sql\n"
        "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE checkin_patient (\n  id INTEGER PRIMARY KEY,\n"
        "  mrn TEXT NOT NULL,\n  family TEXT,\n  given TEXT,\n  dob TEXT,\n  cell TEXT,\n  zip TEXT,\n  created_at TEXT\n);\n")
    pats = []
    for i in range(c.ri(2, 4)):
        p = c.patient()
        pats.append(p)
        c.add("INSERT INTO checkin_patient VALUES(", X("internal_id", str(i + 1)), ",", sq(p.mrn()), ",", sq(p.name("family")),
              ",", sq(p.name("given")), ",", sq(p.dob_p("iso")), ",", sq(p.phone("plain", cell=True)), ",", sq(p.zip_p()),
              ",'", X("event_date", c.ts(c.today)), "');\n")
    c.add("CREATE TABLE checkin_event (id INTEGER PRIMARY KEY, patient_id INTEGER, appt_time TEXT, kiosk TEXT, status TEXT);\n")
    for i, p in enumerate(pats):
        d = c.day(0, 0)
        c.add("INSERT INTO checkin_event VALUES(", X("internal_id", str(100 + i)), ",", X("internal_id", str(i + 1)), ",'",
              P("date", "%s %s" % (fd(d, "iso"), hhmm(c.ri(8, 16), c.ch([0, 15, 30, 45])))), "','KIOSK-%02d','%s');\n"
              % (c.ri(1, 6), c.ch(["ARRIVED", "COPAY_DUE", "ERROR"])))
    c.f("CREATE INDEX idx_mrn ON checkin_patient(mrn);\nCOMMIT;\n```\n\nThe crash happens when `cell` is NULL. ⟦fill⟧\n",
        fill=c.filler(1))


@T("sql_seed", "sql_multirow_reordered_columns")
def _(c):
    c.f("-- enrollment backfill for plan year ⟦y⟧, generated from the broker spreadsheet\n-- reviewed by ⟦r⟧\n"
        "INSERT INTO enrollment.member (zip_code, member_id, birth_dt, last_nm, first_nm, ssn, plan_cd, eff_dt)\nVALUES\n",
        y=str(c.today.year + 1), r=c.staff().name())
    n = c.ri(3, 5)
    for i in range(n):
        p = c.patient()
        eff = dt.date(c.today.year + 1, 1, 1)
        c.add("  (", sq(p.zip_p()), ", ", sq(p.member()), ", DATE ", sq(p.dob_p("iso")), ", ", sq(p.name("family_l")), ", ",
              sq(p.name("given_l")), ", ", sq(p.ssn("plain")) if c.rnd() < 0.8 else "NULL", ", '",
              c.ch(["HMO-GOLD", "PPO-SILVER", "EPO-BRONZE", "MA-PD"]), "', DATE '", X("coverage_date", fd(eff, "iso")), "')",
              ",\n" if i < n - 1 else "\nON CONFLICT (member_id) DO UPDATE SET plan_cd = EXCLUDED.plan_cd;\n")


@T("sql_seed", "sql_update_where_datafix")
def _(c):
    p = c.patient()
    dba = c.staff()
    newp = P("phone", "%s-%s-%s" % (p.area, digits(c.r, 3, "2346789"), digits(c.r, 4, "0123456789")))
    fixno = str(c.ri(100, 999))
    c.f("DATAFIX-⟦n⟧ — correct demographics entered on the wrong chart\nRequested by: ⟦req⟧ (HIM)  ·  Executed by: ⟦dba⟧\n\n"
        "```sql\nBEGIN;\n\n-- verify we have exactly one row\nSELECT patient_id, mrn, last_name, first_name, birth_date\n  FROM ehr.patient\n"
        " WHERE mrn = ⟦m⟧ AND birth_date = DATE ⟦dob⟧;\n\nUPDATE ehr.patient\n   SET home_phone = ⟦ph⟧,\n"
        "       addr_line1 = ⟦st⟧,\n       city = ⟦city⟧,\n       postal_code = ⟦zip⟧,\n       updated_by = 'DATAFIX-⟦n2⟧'\n"
        " WHERE mrn = ⟦m2⟧;\n\nDELETE FROM ehr.patient_alias\n WHERE patient_id = ⟦pid⟧ AND alias_name = ⟦alias⟧;\n\n"
        "-- expect 1 / 1\nCOMMIT;\n```\n\nRow counts matched. Closing.\n",
        n=fixno, req=c.staff().name(), dba=dba.name(), m=sq(p.mrn()), dob=sq(p.dob_p("iso")), ph=sq(newp),
        st=sq(p.street_p()), city=sq(p.city_p()), zip=sq(p.zip_p()), n2=fixno, m2=sq(p.mrn()), pid=X("internal_id", c.digits(7)),
        alias=sq(P("person_name", "%s, %s" % (fold(p.faml).upper(), fold(p.gl).upper()[:1]))))


@T("sql_seed", "sql_psql_output")
def _(c):
    base = c.patient(native=False)
    c.f("Result of the duplicate check query, run on the replica (`psql -h ⟦h⟧ -p 5432 clinical`):\n\n```\n"
        "clinical=> SELECT mrn, family_name, given_name, birth_date, postal_code, last_visit\nclinical->   FROM patient "
        "WHERE soundex(family_name) = soundex('⟦q⟧') ORDER BY birth_date;\n", h=c.ip_server(), q=base.name("family_l"))
    rows = [base]
    for i in range(c.ri(1, 3)):
        rows.append(c.patient(base.culture))
    cols = ["mrn", "family_name", "given_name", "birth_date", "postal_code", "last_visit"]
    vals = []
    for p in rows:
        lv = c.day(-400, -1)
        vals.append([p.mrn(), p.name("family"), p.name("given"), p.dob_p("iso"), p.zip_p(), P("date", fd(lv, "iso"))])
    w = [max(len(cols[j]), *[len(v[j].text) for v in vals]) for j in range(len(cols))]
    c.add(" " + " | ".join(cols[j].center(w[j]) for j in range(len(cols))) + "\n")
    c.add("-" + "-+-".join("-" * w[j] for j in range(len(cols))) + "-\n")
    for v in vals:
        line = []
        for j, x in enumerate(v):
            line += [" " if j == 0 else " | ", x, " " * (w[j] - len(x.text))]
        c.add(line, "\n")
    c.f("(⟦n⟧ rows)\n\nclinical=> \\q\n```\nThe soundex match is too loose for names with diacritics.\n", n=str(len(vals)))


@T("sql_seed", "sql_snowflake_copy_error")
def _(c):
    pats = [c.patient() for _ in range(4)]
    bad = P("date", fd(pats[2].dob, "us"))
    pats[2].dob_us = bad
    c.f("Snowflake load of the claims feed fails since ⟦d⟧. Worksheet output:\n\n```sql\nCOPY INTO RAW.CLAIMS_LINE\n  FROM "
        "@RAW.CLAIMS_STAGE/inbound/⟦d2⟧/\n  FILE_FORMAT = (TYPE = CSV FIELD_OPTIONALLY_ENCLOSED_BY = '\"' SKIP_HEADER = 1)\n"
        "  ON_ERROR = 'ABORT_STATEMENT';\n```\n\n```\n100038 (22018): Numeric value '⟦bad⟧' is not recognized\n"
        "  File 'inbound/⟦d2b⟧/clm_0_0_0.csv.gz', line 4, character 61\n  Row 3 starts at line 4, column \"CLAIMS_LINE\"[\"BIRTH_DT\":6]\n```\n\n"
        "Peeking at the staged file:\n\n```sql\nSELECT $1, $2, $3, $4, $5, $6, $7 FROM @RAW.CLAIMS_STAGE/inbound/⟦d2c⟧/ LIMIT 4;\n```\n\n"
        "| $1 | $2 | $3 | $4 | $5 | $6 | $7 |\n|---|---|---|---|---|---|---|\n",
        d=fd(c.today, "iso"), d2=fd(c.today, "hl7"), d2b=fd(c.today, "hl7"), d2c=fd(c.today, "hl7"), bad=bad)
    for i, p in enumerate(pats):
        svc = c.day(-40, -5)
        dob = P("date", ptext(bad)) if i == 2 else p.dob_p("iso")
        c.add("| ", P("other_id", "CLM" + c.digits(11, "0123456789")), " | ", p.member(), " | ", p.name("LF"), " | ",
              P("date", fd(svc, "iso")), " | ", c.cpt()[0], " | ", dob, " | ", X("npi", make_npi(c.r)), " |\n")
    c.f("\nRow 3 has the DOB as MM/DD/YYYY. Owner: ⟦o⟧.\n", o=c.staff().name("handle"))


@T("sql_seed", "sql_redshift_load_errors")
def _(c):
    c.f("```sql\nSELECT starttime, filename, line_number, colname, err_reason, raw_line\n  FROM stl_load_errors\n"
        " ORDER BY starttime DESC LIMIT 3;\n```\n\n")
    c.add("      starttime       |                filename                 | line_number |  colname  |        err_reason         | raw_line\n")
    c.add("----------------------+-----------------------------------------+-------------+-----------+---------------------------+---------\n")
    for i in range(c.ri(2, 3)):
        p = c.patient()
        col, reason = c.ch([("dob", "Invalid date format - length must be 10 or more"), ("zip", "Invalid digit, Value '-'"),
                            ("phone", "String length exceeds DDL length")])
        c.add(" ", c.ts(c.today, " "), " | s3://dw-landing/eligibility/", fd(c.today, "hl7"), "/part-000", str(i), ".psv | ",
              str(c.ri(2, 9000)).rjust(11), " | ", col.ljust(9), " | ", reason[:25].ljust(25), " | ",
              p.member(), "|", p.name("family_l"), "|", p.name("given_l"), "|", p.dob_p(c.ch(["us", "hl7"])), "|",
              p.street_p(), "|", p.city_p(), "|", p.state_x(), "|", p.zip_p(c.rnd() < 0.5), "|", p.phone("plain"), "\n")
    c.f("(⟦n⟧ rows)\n\nThe vendor switched to MM/DD/YYYY without telling us. ⟦fill⟧\n", n="3", fill=c.filler(1))


@T("sql_seed", "sql_dbt_seed_csv")
def _(c):
    pr_head(c, "dbt: seed for the readmission model tests")
    lines = [["patient_key,mrn,first_name,last_name,birth_date,admit_date,discharge_date,zip"]]
    for i in range(c.ri(3, 5)):
        p = c.patient()
        adm = c.day(-90, -10)
        dis = adm + dt.timedelta(days=c.ri(1, 9))
        lines.append([X("internal_id", str(1000 + i)), ",", p.mrn(), ",", p.name("given_l"), ",", p.name("family_l"), ",",
                      p.dob_p("iso"), ",", P("date", fd(adm, "iso")), ",", P("date", fd(dis, "iso")), ",", p.zip_p()])
    c.add(diff_file(c, "seeds/readmit_test_patients.csv", lines))
    c.add(diff_file(c, "seeds/schema.yml", [["version: 2"], ["seeds:"], ["  - name: readmit_test_patients"],
                                            ["    config:"], ["      column_types:"], ["        birth_date: date"],
                                            ["        admit_date: date"], ["        discharge_date: date"]]))


@T("sql_seed", "sql_liquibase_changeset")
def _(c):
    p = c.patient()
    author = c.staff()
    c.f("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">\n"
        "  <changeSet id=\"2026-⟦n⟧-seed-portal-demo\" author=\"⟦a⟧\" context=\"demo\">\n"
        "    <comment>Demo account for the portal walkthrough (copied from the pilot clinic)</comment>\n"
        "    <insert tableName=\"portal_account\">\n      <column name=\"id\" valueNumeric=\"⟦id⟧\"/>\n"
        "      <column name=\"mrn\" value=\"⟦mrn⟧\"/>\n      <column name=\"display_name\" value=\"⟦n1⟧\"/>\n"
        "      <column name=\"email\" value=\"⟦em⟧\"/>\n      <column name=\"mobile\" value=\"⟦ph⟧\"/>\n"
        "      <column name=\"birth_date\" valueDate=\"⟦dob⟧\"/>\n      <column name=\"last_login_ip\" value=\"⟦ip⟧\"/>\n"
        "    </insert>\n  </changeSet>\n</databaseChangeLog>\n",
        n=c.digits(3, "0123456789"), a=X("staff_name", author.handle), id=X("internal_id", c.digits(5)), mrn=p.mrn(),
        n1=p.name("full"), em=p.email(), ph=p.phone("intl", cell=True), dob=p.dob_p("iso"), ip=P("ip_address", c.ip_public()))


@T("sql_seed", "sql_flyway_migration")
def _(c):
    vno = c.ri(40, 180)
    pr_head(c, "Flyway V%d: seed pharmacy demo data" % vno)
    lines = [["-- V", str(vno), "__seed_rx_demo.sql"], ["-- demo rows for the refill queue UI"],
             ["INSERT INTO rx_patient (rx_patient_id, mrn, full_name, dob, addr1, city, state, zip, phone)"], ["VALUES"]]
    pats = [c.patient() for _ in range(c.ri(2, 3))]
    for i, p in enumerate(pats):
        lines.append(["  (", X("internal_id", str(i + 1)), ", ", sq(p.mrn()), ", ", sq(p.name("full")), ", ", sq(p.dob_p("iso")),
                      ", ", sq(p.street_p()), ", ", sq(p.city_p()), ", ", sq(p.state_x()), ", ", sq(p.zip_p()), ", ",
                      sq(p.phone("dash")), ")", "," if i < len(pats) - 1 else ";"])
    lines.append([""])
    lines.append(["INSERT INTO rx_fill (rx_patient_id, drug, fill_date, days_supply) VALUES"])
    for i, p in enumerate(pats):
        lines.append(["  (", X("internal_id", str(i + 1)), ", ", sq(c.med()), ", ", sq(P("date", fd(c.day(-30, -1), "iso"))),
                      ", ", str(c.ch([30, 90])), ")", "," if i < len(pats) - 1 else ";"])
    c.add(diff_file(c, "db/migration/V%d__seed_rx_demo.sql" % vno, lines))


@T("sql_seed", "sql_sqlcmd_output")
def _(c):
    rows = [c.patient() for _ in range(c.ri(2, 3))]
    c.f("1> SELECT TOP 3 PAT_MRN_ID, PAT_NAME, BIRTH_DATE, SSN, ZIP FROM dbo.PATIENT WHERE PAT_MRN_ID IN (⟦q⟧);\n2> GO\n",
        q=join(", ", [sq(p.mrn()) for p in rows]))
    c.add("PAT_MRN_ID   PAT_NAME                         BIRTH_DATE              SSN          ZIP       \n")
    c.add("------------ -------------------------------- ----------------------- ------------ ----------\n")
    for p in rows:
        nm = p.name("LF")
        c.add(p.mrn(), " " * (13 - len(p.mrn_v)), nm, " " * max(1, 33 - len(nm.text)),
              P("date", fd(p.dob, "iso") + " 00:00:00.000"), " ", p.ssn(), " " * 2, p.zip_p(), "\n")
    c.f("\n(⟦n⟧ rows affected)\n\nRun on the reporting instance because PROD blocks ad-hoc queries. Two of the three have the ZIP stored as an integer upstream.\n",
        n=str(len(rows)))


@T("sql_seed", "sql_knex_seed")
def _(c):
    pr_head(c, "seeds: caregiver proxy access demo")
    p = c.patient(age=c.ri(70, 99))
    g = c.relative(p, age=c.ri(35, 65))
    lines = [["exports.seed = async function (knex) {"], ["  await knex('proxy_access').del();"],
             ["  await knex('patient').insert({"], ["    id: ", X("internal_id", c.digits(4)), ","],
             ["    mrn: '", p.mrn(), "',"], ["    name: '", p.name("full"), "',"], ["    birth_date: '", p.dob_p("iso"), "',"],
             ["  });"], ["  await knex('proxy_access').insert({"], ["    patient_mrn: '", p.mrn(), "',"],
             ["    proxy_name: '", g.name("full"), "',"], ["    proxy_email: '", g.email(), "',"],
             ["    proxy_phone: '", g.phone("dash", cell=True), "',"], ["    relationship: 'child',"],
             ["    granted_at: '", X("event_date", c.ts(c.today, "T") + "Z"), "',"], ["  });"], ["};"]]
    c.add(diff_file(c, "db/seeds/02_proxy_access.js", lines))

# ---------------------------------------------------------------------------------------
# family: clinical_note
# ---------------------------------------------------------------------------------------


def sex_word(p, kind="adult"):
    if p.age() < 18:
        return "girl" if p.sex == "F" else "boy"
    return "female" if p.sex == "F" else "male"


def pron(p):
    return ("she", "her") if p.sex == "F" else ("he", "his")


@T("clinical_note", "note_ed_triage")
def _(c):
    p = c.patient()
    rn = c.staff("RN")
    rel = c.relative(p, sex=c.ch("FM"))
    arr = c.day(-2, 0)
    ah, am = c.ri(0, 23), c.ri(0, 50)
    mode = c.ch(["EMS", "private vehicle", "walk-in", "police"])
    cn, icd = c.cond()
    c.f("ED TRIAGE NOTE\n⟦fac⟧ Emergency Department\n\nArrival: ⟦arr⟧ via ⟦mode⟧      Acuity: ESI ⟦esi⟧\n"
        "Patient: ⟦n⟧   MRN: ⟦m⟧   DOB: ⟦dob⟧\n\nChief complaint: ⟦cc⟧\n\nHPI (triage): ⟦age⟧ y.o. ⟦sex⟧ brought in by ⟦mode2⟧ "
        "from home. ⟦Rel⟧ ⟦rn2⟧ at bedside (⟦rp⟧) reports symptoms started yesterday evening. History of ⟦cond⟧.\n\n"
        "Triage vitals: BP ⟦bp⟧  HR ⟦hr⟧  RR ⟦rr⟧  T ⟦t⟧  SpO2 ⟦sp⟧% RA\nAllergies: ⟦al⟧\nHome meds: ⟦med⟧\n"
        "Fall risk: ⟦fr⟧   Suicide screen: negative\n\nTriage RN: ⟦rn⟧   ⟦time⟧\n",
        fac=c.fac(hospital(c)), arr=P("date", "%s %s" % (fd(arr, "us"), hhmm(ah, am))),
        mode=mode, esi=str(c.ri(1, 4)), n=p.name("full"), m=p.mrn(),
        dob=p.dob_p("us"), cc=c.ch(["shortness of breath", "fall at home", "chest pain", "confusion", "abdominal pain"]),
        age=age_tag(c, p, arr), sex=sex_word(p), mode2={"EMS": "EMS", "private vehicle": "family", "walk-in": "family", "police": "police"}[mode], Rel=kin(rel, c.ch(["child", "spouse", "nibling", "sibling"]), cap=True),
        rn2=rel.name("full"), rp=rel.phone(c.ch(["paren", "dash"]), cell=True), cond=cn,
        bp="%d/%d" % (c.ri(85, 190), c.ri(45, 110)), hr=str(c.ri(48, 140)), rr=str(c.ri(12, 32)),
        t="%.1f" % c.r.uniform(35.8, 39.9), sp=str(c.ri(84, 100)), al=c.ch(["NKDA", "PCN (rash)", "sulfa", "morphine (itching)"]),
        med=c.med(), fr=c.ch(["high", "moderate", "low"]), rn=rn.name("cred"), time=hhmm(ah, min(59, am + c.ri(2, 9))))


@T("clinical_note", "note_discharge_instructions")
def _(c):
    p = c.patient()
    att, pcp = c.staff(), c.staff()
    adm = c.day(-8, -3)
    dis = adm + dt.timedelta(days=c.ri(1, 5))
    fu = dis + dt.timedelta(days=c.ri(5, 14))
    cn, icd = c.cond()
    m1, m2 = c.med(), c.med()
    c.f("DISCHARGE INSTRUCTIONS\n\nName: ⟦n⟧                 Date of birth: ⟦dob⟧\nAdmitted: ⟦adm⟧        Discharged: ⟦dis⟧\n"
        "Attending physician: ⟦att⟧\n\nWhy you were in the hospital\nYou were treated for ⟦cn⟧.\n\nYour medicines\n"
        "  • START ⟦m1⟧\n  • CONTINUE ⟦m2⟧\n\nFollow-up\nSee ⟦pcp⟧ on ⟦fu⟧ at ⟦fac⟧. If you need to change the appointment "
        "call the clinic at ⟦clin⟧.\n\nWhen to get help\nCall 911 for chest pain, trouble breathing, or fainting.\n\n"
        "We will call you at ⟦ph⟧ within 2 days to check on you.\n\nView your results online: ⟦url⟧\n",
        n=p.name("full"), dob=p.dob_p("long"), adm=P("date", fd(adm, "long")), dis=P("date", fd(dis, "long")),
        att=att.name("drfull"), cn=cn, m1=m1, m2=m2, pcp=pcp.name("drfull"),
        fu=P("date", "%s at %s" % (fd(fu, "long"), c.ch(["9:20 AM", "10:40 AM", "2:15 PM"]))), fac=c.fac(),
        clin=X("staff_contact", pcp.phone), ph=p.phone("paren", cell=c.rnd() < 0.5),
        url=P("url", "https://%s/MyChart/Results?pid=%s" % (portal_host(c), c.digits(9))))


@T("clinical_note", "note_home_health_visit")
def _(c):
    p = c.patient(age=c.ri(66, 101))
    rn = c.staff("RN")
    cg = c.relative(p)
    v = c.day(-3, 0)
    c.f("HOME HEALTH — SKILLED NURSING VISIT NOTE\nAgency: ⟦ag⟧     Visit date: ⟦vd⟧   Time in ⟦ti⟧  Time out ⟦to⟧\n"
        "Patient: ⟦n⟧ (⟦age⟧ y/o)   Medicare ID: ⟦mbi⟧\nHome: ⟦addr⟧\n\nHomebound status: requires assist of one and walker "
        "for all ambulation; leaving home requires considerable and taxing effort.\nEnvironment: 2-story home, lives with "
        "⟦rel⟧ ⟦cg⟧ (primary caregiver, ⟦cgp⟧). Throw rugs removed since last visit.\n\nVS: BP ⟦bp⟧, HR ⟦hr⟧, SpO2 ⟦sp⟧%, "
        "wt ⟦wt⟧ lb (+⟦gain⟧ lb since last visit).\nMed reconciliation: ⟦med⟧ — pt taking as prescribed.\n"
        "Teaching: low-sodium diet, daily weights, when to call the agency.\nPlan: MD notified of weight gain; next SN visit in 3 days.\n\n"
        "Electronically signed: ⟦rn⟧\n",
        ag=X("facility", "Sunrise Home Health"), vd=P("date", fd(v, "us")), ti=hhmm(c.ri(8, 11), c.ri(0, 59)),
        to=hhmm(c.ri(12, 15), c.ri(0, 59)), n=p.name("full"), age=age_tag(c, p, v), mbi=p.mbi(c.rnd() < 0.5),
        addr=p.addr_line(), rel=kin(cg, c.ch(["child", "spouse", "grandchild"])), cg=cg.name("full"),
        cgp=cg.phone("dash", cell=True), bp="%d/%d" % (c.ri(100, 170), c.ri(55, 95)), hr=str(c.ri(55, 105)),
        sp=str(c.ri(88, 99)), wt=str(c.ri(110, 240)), gain=str(c.ri(2, 6)), med=c.med(), rn=rn.name("cred"))


@T("clinical_note", "note_referral_letter")
def _(c):
    p = c.patient()
    frm, to = c.staff(), c.staff()
    cn, icd = c.cond()
    seen = c.day(-14, -1)
    c.f("⟦fac⟧\n⟦fst⟧ · Tel ⟦ftel⟧ · Fax ⟦ffax⟧\n\n⟦date⟧\n\n⟦to⟧\n⟦tofac⟧\n\nRe: ⟦n⟧, DOB ⟦dob⟧, MRN ⟦m⟧\n\n"
        "Dear ⟦todr⟧,\n\nThank you for seeing this ⟦age⟧-year-old ⟦sex⟧ whom I saw in clinic on ⟦seen⟧ for ⟦cn⟧ (⟦icd⟧). "
        "⟦Pr⟧ symptoms have progressed despite ⟦med⟧. I would appreciate your assessment regarding further management.\n\n"
        "⟦Pr2⟧ can be reached at ⟦ph⟧; ⟦pr3⟧ preferred language is ⟦lang⟧.\n\nYours sincerely,\n\n⟦frm⟧\n⟦cred⟧\n",
        fac=c.fac(), fst=X("facility", "%d Medical Plaza Dr, Suite %d" % (c.ri(100, 999), c.ri(100, 400))),
        ftel=X("staff_contact", frm.phone), ffax=X("staff_contact", "(%s) %s-%s" % (frm.phone[1:4], c.digits(3, "2346789"), c.digits(4, "0123456789"))),
        date=X("event_date", fd(c.today, "long")), to=to.name("drfull"), tofac=X("facility", c.other_fac()[0]),
        n=p.name("full"), dob=p.dob_p("us"), m=p.mrn(), todr=to.name("dr"), age=age_tag(c, p), sex=sex_word(p),
        seen=P("date", fd(seen, "long")), cn=cn, icd=icd, Pr=pron(p)[1].capitalize(), med=c.med(),
        Pr2=c.ch(["The patient", pron(p)[0].capitalize()]), ph=p.phone("paren"), pr3=pron(p)[1],
        lang=CULTURE_LANG[p.culture], frm=frm.name("drfull"),
        cred=c.ch(["Internal Medicine", "Family Medicine", "Geriatrics"]))


@T("clinical_note", "note_telehealth_visit")
def _(c):
    p = c.patient()
    prov = c.staff(c.ch(["MD", "NP", "DO"]))
    tcond = c.ch(CONDITIONS)[0]
    v = c.day(-3, 0)
    c.f("TELEHEALTH VISIT NOTE\n\nDate of service: ⟦v⟧   Modality: synchronous audio-video (⟦plat⟧)\nPatient: ⟦n⟧   DOB ⟦dob⟧\n"
        "Patient location at time of visit: home, ⟦addr⟧ (state of licensure confirmed)\nProvider location: ⟦fac⟧\n"
        "Verbal consent for telehealth obtained. Identity verified with name and date of birth.\n"
        "Backup number if video drops: ⟦ph⟧\nConnection: patient joined from ⟦ip⟧; video dropped once, resumed within 1 min.\n\n"
        "S: Follow-up of ⟦cn⟧. Reports improved energy, no chest pain.\nO: Appears well on video, speaking full sentences. "
        "Home BP log average ⟦bp⟧.\nA/P: ⟦cn2⟧ — stable. Continue ⟦med⟧. Labs before next visit.\n\nTotal time: ⟦min⟧ minutes.\n"
        "⟦prov⟧\n",
        v=P("date", fd(v, "us")), plat=c.ch(["Zoom for Healthcare", "Doxy.me", "EHR-embedded video"]), n=p.name("full"),
        dob=p.dob_p("us"), addr=p.addr_line(), fac=c.fac(), ph=p.phone("dash", cell=True), ip=P("ip_address", c.ip_public()),
        cn=X("condition", tcond), bp="%d/%d" % (c.ri(110, 150), c.ri(65, 95)),
        cn2=X("condition", tcond), med=c.med(), min=str(c.ri(15, 40)), prov=prov.name("cred"))


@T("clinical_note", "note_pathology_report")
def _(c):
    p = c.patient()
    path, surg = c.staff(), c.staff()
    col = c.day(-10, -3)
    rec = col + dt.timedelta(days=c.ri(0, 1))
    c.f("SURGICAL PATHOLOGY REPORT\n\nAccession: ⟦acc⟧          ⟦fac⟧ Department of Pathology\nPatient: ⟦n⟧\n"
        "DOB/Age/Sex: ⟦dob⟧ / ⟦age⟧ / ⟦sex⟧        MRN: ⟦m⟧\nCollected: ⟦col⟧     Received: ⟦rec⟧\nSubmitting physician: ⟦surg⟧\n\n"
        "SPECIMEN\nA. ⟦spec⟧\n\nFINAL DIAGNOSIS\nA. ⟦dx⟧\n\nGROSS DESCRIPTION\nReceived in formalin labeled with the patient's "
        "name and medical record number is a tan-pink soft tissue fragment measuring ⟦sz⟧ cm. Entirely submitted in cassette A1.\n\n"
        "Electronically signed out by ⟦path⟧ on ⟦so⟧\n",
        acc=X("order_number", "S%02d-%05d" % (c.today.year % 100, c.ri(1, 40000))), fac=c.fac(hospital(c)), n=p.name("LF"),
        dob=p.dob_p("us"), age=age_tag(c, p, col), sex=p.sex, m=p.mrn(), col=P("date", fd(col, "us")),
        rec=P("date", fd(rec, "us")), surg=surg.name("drfull"),
        spec=c.ch(["Colon, sigmoid, polyp, biopsy", "Skin, left forearm, shave biopsy", "Breast, left, core needle biopsy",
                   "Stomach, antrum, biopsy"]),
        dx=X("condition", c.ch(["Tubular adenoma, negative for high-grade dysplasia", "Basal cell carcinoma, nodular type",
                                "Invasive ductal carcinoma, grade 2", "Chronic gastritis, Helicobacter pylori identified"])),
        sz="%.1f x %.1f x %.1f" % (c.r.uniform(0.2, 2), c.r.uniform(0.2, 1.5), c.r.uniform(0.1, 0.8)), path=path.name("drfull"),
        so=X("event_date", c.ts(rec + dt.timedelta(days=2))[:16]))


@T("clinical_note", "note_radiology_report")
def _(c):
    p = c.patient()
    rad, ordp = c.staff(), c.staff()
    ex = c.day(-3, 0)
    prior = ex - dt.timedelta(days=c.ri(60, 800))
    c.f("EXAM: ⟦exam⟧\nDATE OF EXAM: ⟦ex⟧\nPATIENT: ⟦n⟧   MRN ⟦m⟧   DOB ⟦dob⟧\nORDERING: ⟦op⟧\nACCESSION: ⟦acc⟧\n\n"
        "CLINICAL HISTORY: ⟦age⟧ year old ⟦sex⟧ with ⟦cn⟧.\n\nCOMPARISON: ⟦prior⟧.\n\nTECHNIQUE: Axial images were obtained "
        "following IV contrast. Dose reduction technique was used.\n\nFINDINGS: No acute abnormality. Stable ⟦sz⟧ mm nodule in "
        "the right upper lobe (series 3, image 41). Mild emphysematous change.\n\nIMPRESSION:\n1. No acute process.\n"
        "2. Stable pulmonary nodule; no further follow-up required.\n\nDictated by: ⟦rad⟧   Signed: ⟦sig⟧\n",
        exam=c.ch(["CT CHEST WITH CONTRAST", "CT ABDOMEN PELVIS WITH CONTRAST", "CTA CHEST"]),
        ex=P("date", fd(ex, "us") + " " + hhmm(c.ri(0, 23), c.ri(0, 59))), n=p.name("LF"), m=p.mrn(), dob=p.dob_p("us"),
        op=ordp.name("drfull"), acc=c.order_no("RAD"), age=age_tag(c, p, ex), sex=sex_word(p), cn=X("condition", c.ch(CONDITIONS)[0]),
        prior=["CT chest dated ", P("date", fd(prior, "us"))], sz=str(c.ri(3, 9)), rad=rad.name("drfull"),
        sig=X("event_date", c.ts(ex)[:16]))


@T("clinical_note", "note_soap_markdown")
def _(c):
    p = c.patient()
    prov = c.staff(c.ch(["MD", "DO", "NP", "PA-C"]))
    v = c.day(-2, 0)
    cn, icd = c.cond()
    c.f("# Progress note — ⟦n⟧\n\n**Visit:** ⟦v⟧ · **DOB:** ⟦dob⟧ · **MRN:** ⟦m⟧ · **Insurance:** ⟦payer⟧ (member ⟦mem⟧)\n\n"
        "## Subjective\n⟦age⟧ y/o ⟦sex⟧ here for follow-up of ⟦cn⟧. ⟦Pr⟧ reports ⟦sym⟧.\n\n## Objective\n| Vital | Value |\n|---|---|\n"
        "| BP | ⟦bp⟧ |\n| HR | ⟦hr⟧ |\n| BMI | ⟦bmi⟧ |\n\n## Assessment\n- ⟦icd⟧ ⟦cn2⟧\n\n## Plan\n- Continue ⟦med⟧\n"
        "- Return in 3 months\n\n_Signed: ⟦prov⟧_\n",
        n=p.name("full"), v=P("date", fd(v, "iso")), dob=p.dob_p("iso"), m=p.mrn(), payer=c.ch(PAYERS), mem=p.member(),
        age=age_tag(c, p, v), sex=sex_word(p), cn=cn, Pr=pron(p)[0].capitalize(),
        sym=c.ch(["better sleep and fewer headaches", "occasional dizziness on standing", "no new complaints"]),
        bp="%d/%d" % (c.ri(105, 165), c.ri(60, 100)), hr=str(c.ri(55, 100)), bmi="%.1f" % c.r.uniform(18, 41), icd=icd,
        cn2=X("condition", cn.text), med=c.med(), prov=prov.name("cred"))


@T("clinical_note", "note_ipass_handoff")
def _(c):
    p = c.patient()
    res1, res2 = c.staff(), c.staff()
    ec = c.relative(p)
    adm = c.day(-4, -1)
    c.f("I-PASS handoff — ⟦r1⟧ → ⟦r2⟧ (night float)\n\nI — Illness severity: WATCHER\nP — Patient summary: ⟦n⟧, ⟦age⟧ ⟦sexs⟧, "
        "bed ⟦bed⟧, admitted ⟦adm⟧ with ⟦cn⟧. MRN ⟦m⟧. Code status ⟦code⟧. ⟦Pr⟧ lives alone at ⟦street⟧ in ⟦city⟧; "
        "emergency contact ⟦ecn⟧ ⟦ecp⟧.\nA — Action list:\n  [ ] 0200 BMP, replete K if < 3.5\n  [ ] f/u blood cultures\n"
        "  [ ] call ⟦ecn2⟧ if any change\nS — Situation awareness: if SBP < 90 give 500 mL bolus and page me.\n"
        "S — Synthesis by receiver: ⟦r2b⟧ read back, no questions.\n",
        r1=res1.name(), r2=res2.name(), n=p.name("full"), age=age_tag(c, p), sexs=p.sex, bed="%s-%02d" % (c.ch(["7N", "8S", "5W"]), c.ri(1, 32)),
        adm=P("date", fd(adm, "usn")), cn=X("condition", c.ch(CONDITIONS)[0]), m=p.mrn(), code=c.ch(["full", "DNR", "DNR/DNI"]),
        Pr=pron(p)[0].capitalize(), street=p.street_p(), city=p.city_p(), ecn=ec.name("full"), ecp=ec.phone("dash", cell=True), ecn2=ec.name("given"),
        r2b=res2.name("first"))


@T("clinical_note", "note_hospice_admission")
def _(c):
    p = c.patient(age=c.ri(90, 103))
    md, sw = c.staff("MD"), c.staff("MSW")
    poa = c.relative(p, age=c.ri(55, 75))
    adm = c.day(-2, 0)
    c.f("HOSPICE ADMISSION NOTE — ⟦fac⟧\n\nDate of admission to hospice: ⟦adm⟧\nPatient: ⟦n⟧, age ⟦age⟧, DOB ⟦dob⟧\n"
        "Residence: ⟦addr⟧\nMedicare: ⟦mbi⟧   Hospice benefit period 1\nTerminal diagnosis: ⟦cn⟧ (⟦icd⟧)\n"
        "Health care POA: ⟦poa⟧ (⟦rel⟧), phone ⟦pp⟧, email ⟦pe⟧\n\nAssessment: ⟦age2⟧-year-old ⟦sex⟧, bedbound, PPS 30%, "
        "oral intake less than 25% of meals for two weeks. Family at bedside, goals are comfort and remaining at home.\n"
        "Plan: RN visits 3x/week, aide 5x/week, chaplain and MSW (⟦sw⟧) to follow. Comfort kit delivered.\n\n"
        "Hospice physician: ⟦md⟧\n",
        fac=X("facility", "Saint Columba Hospice"), adm=P("date", fd(adm, "long")), n=p.name("full"), age=age_tag(c, p, adm),
        dob=p.dob_p("us"), addr=p.addr_line(), mbi=p.mbi(True), cn=X("condition", c.ch(["Alzheimer's disease, late onset",
                                                                                         "Heart failure with reduced ejection fraction",
                                                                                         "Chronic kidney disease, stage 4"])),
        icd=X("diagnosis_code", c.ch(["G30.1", "I50.22", "N18.4"])), poa=poa.name("full"),
        rel=kin(poa, c.ch(["child", "nibling"])), pp=poa.phone("paren", cell=True), pe=poa.email(),
        age2=age_tag(c, p, adm), sex=sex_word(p), sw=sw.name(), md=md.name("drfull"))


@T("clinical_note", "note_referral_japanese")
def _(c):
    p = c.patient("japanese", native=True)
    to, frm = c.staff(), c.staff()
    seen = c.day(-10, -1)
    age = p.age()
    agep = P("age_over_89", "%d歳" % age) if age >= 90 else "%d歳" % age
    c.f("診療情報提供書\n\n⟦tofac⟧\n⟦to⟧ 先生 御侍史\n\n⟦date⟧\n\n患者氏名： ⟦n⟧ 様（⟦nl⟧）\n生年月日： ⟦dob⟧（⟦age⟧）  性別： ⟦sex⟧\n"
        "住所： ⟦addr⟧\n電話： ⟦ph⟧\nカルテ番号： ⟦m⟧\n\n傷病名： ⟦cn⟧\n\n紹介目的：精査加療のお願い\n\n"
        "経過： ⟦seen⟧ 当院外来受診。内服治療（⟦med⟧）を継続中ですが、症状の改善が乏しいため、貴院での精査をお願い申し上げます。\n\n"
        "⟦fac⟧\n⟦frm⟧\n",
        tofac=X("facility", c.other_fac()[0]), to=to.name(), date=X("event_date", fd(c.today, "ja")),
        n=p.name("native"), nl=p.name("latin"), dob=p.dob_p("ja"), age=agep, sex="女" if p.sex == "F" else "男",
        addr=p.addr_line(), ph=p.phone("dash"), m=p.mrn(), cn=X("condition", c.ch(CONDITIONS)[0]),
        seen=P("date", fd(seen, "ja")), med=c.med(), fac=c.fac(), frm=frm.name())

# ---------------------------------------------------------------------------------------
# family: csv_claims
# ---------------------------------------------------------------------------------------


def claim_no(c):
    return P("other_id", c.ch(["CLM", "", "2026", "C"]) + c.digits(c.ri(9, 12), "0123456789"))


def money(c, lo=40, hi=4200):
    return "%.2f" % c.r.uniform(lo, hi)


@T("csv_claims", "csv_excel_tsv")
def _(c):
    c.f("Copied from the AR aging workbook (tab 'Over 90'), pasting here so ⟦a⟧ can check the payer mapping:\n\n",
        a=c.staff().name("handle"))
    hdr = ["Claim #", "Patient Name", "DOB", "Member ID", "DOS", "CPT", "ICD-10", "Billed", "Paid", "Days"]
    c.add("\t".join(hdr), "\n")
    for i in range(c.ri(3, 6)):
        p = c.patient()
        dos = c.day(-200, -91)
        code, _ = c.cpt()
        cn, icd = c.cond()
        c.add(join("\t", [claim_no(c), p.name(c.ch(["lf", "LF"])), p.dob_p("usn"), p.member(), P("date", fd(dos, "usn")), code,
                          icd, "$" + money(c), "$0.00", str((c.today - dos).days)]), "\n")
    c.f("\nExcel turned two of the member IDs into numbers in scientific notation before I fixed the column type.\n")


@T("csv_claims", "csv_pipe_837_flat")
def _(c):
    bill = c.staff()
    c.f("Vendor flat file (837P-like, pipe delimited) that fails the intake validator at the SUB record:\n\n{noformat}\n"
        "HDR|⟦sender⟧|⟦d⟧|⟦t⟧|00501|P\n", sender=c.fac_t[1], d=fd(c.today, "hl7"), t=hhmm(c.ri(0, 23), c.ri(0, 59), False))
    n = c.ri(2, 3)
    for i in range(n):
        p = c.patient()
        dos = c.day(-40, -3)
        code, _ = c.cpt()
        cn, icd = c.cond()
        c.add("SUB|", p.member(), "|", P("person_name", fold(p.faml).upper()), "|",
              P("person_name", fold(p.gl).upper()), "|", p.dob_p("hl7"), "|", p.sex, "|", p.street_p(), "|", p.city_p(), "|",
              p.state_x(), "|", p.zip_p(True), "\n")
        c.add("CLM|", claim_no(c), "|", money(c), "|11:B:1|Y|A|Y|Y\n")
        c.add("DX|ABK:", icd, "\n")
        c.add("SVC|HC:", code, "|", money(c, 30, 900), "|UN|1|", P("date", fd(dos, "hl7")), "|", bill.npi_x(), "\n")
    c.f("TRL|⟦n⟧\n{noformat}\n\nError: `SUB-11 ZIP+4 must be 10 chars including dash` — looks like the vendor pads with "
        "spaces on some rows. Billing contact: ⟦b⟧, ⟦bm⟧.\n", n=str(n * 4 + 2), b=bill.name(), bm=bill.mail())


@T("csv_claims", "csv_quoted_multiline")
def _(c):
    c.f("Raw export (`claims_manual_review.csv`) — note the quoted address fields that contain line breaks:\n\n```csv\n"
        "claim_id,patient,dob,address,phone,service_date,notes\n")
    for i in range(c.ri(2, 4)):
        p = c.patient()
        dos = c.day(-60, -5)
        nick = c.rnd() < 0.3
        c.add(claim_no(c), ",\"", p.name("lf"), "\",", p.dob_p("iso"), ",\"", p.street_p())
        if p.unit:
            c.add("\n", p.unit_p())
        c.add("\n", p.city_p(), ", ", p.state_x(), " ", p.zip_p(), "\",", p.phone("paren"), ",", P("date", fd(dos, "iso")), ",\"",
              c.ch(["Pt says \"\"never received\"\" the bill, resend", "COB: secondary on file, primary EOB missing",
                    "Auth on file, denial CO-197 appealed", "Self-pay, payment plan, 6 months"]), "\"\n")
    c.f("```\n\nPython's csv module reads these fine; the Go loader splits on newline first. ⟦fill⟧\n", fill=c.filler(1))


@T("csv_claims", "csv_cryptic_columns")
def _(c):
    c.f("Extract from the claims warehouse for the audit sample (columns per the data dictionary v⟦v⟧):\n\n", v="%d.%d" % (c.ri(2, 6), c.ri(0, 9)))
    c.add("clm_id,pt_nm,birth_dt,sbscr_id,pt_zip5,clm_from_dt,clm_thru_dt,rndrg_prvdr_npi,rev_cd,hcpcs_cd,dgns_cd_1,clm_pmt_amt\n")
    for i in range(c.ri(3, 6)):
        p = c.patient()
        f = c.day(-120, -20)
        t = f + dt.timedelta(days=c.ri(0, 6))
        code, _ = c.cpt()
        cn, icd = c.cond()
        c.add(claim_no(c), ",", P("person_name", "%s^%s" % (fold(p.faml).upper(), fold(p.gl).upper())), ",", p.dob_p("hl7"),
              ",", p.member(), ",", p.zip_p(), ",", P("date", fd(f, "hl7")), ",", P("date", fd(t, "hl7")), ",", c.npi_x(), ",",
              c.ch(["0450", "0300", "0636", "0981", "0120"]), ",", code, ",", X("diagnosis_code", icd.text.replace(".", "")), ",",
              money(c), "\n")
    c.f("\nAll rows are from ⟦payer⟧. Sample drawn with seed ⟦s⟧.\n", payer=c.ch(PAYERS), s=str(c.ri(1, 99999)))


@T("csv_claims", "csv_fixed_width")
def _(c):
    c.f("The eligibility extract is fixed width. Ruler and first records (positions per the vendor layout):\n\n```\n"
        "----+----1----+----2----+----3----+----4----+----5----+----6----+----7----+----8\n")
    for i in range(c.ri(3, 5)):
        p = c.patient()
        last = fold(p.faml).upper()[:15]
        first = fold(p.gl).upper()[:12]
        mem = p.member_v[:12]
        c.add(P("health_plan_id", mem), " " * (13 - len(mem)), P("person_name", last), " " * (16 - len(last)),
              P("person_name", first), " " * (13 - len(first)), p.dob_p("hl7"), " ", p.sex, " ", P("zip_code", p.zip), " ",
              c.ch(["A", "T", "C"]), " ", X("coverage_date", fd(c.day(-365, -30), "hl7")), "\n")
    c.f("```\n\nPositions 1-13 member, 14-29 last name, 30-42 first name, 43-50 DOB, 52 sex, 54-58 ZIP, 60 status, 62-69 "
        "effective date. The parser is off by one from position 30.\n")


@T("csv_claims", "csv_markdown_claims_table")
def _(c):
    c.f("## Claims stuck in 'pended' > 30 days\n\nOwner: ⟦o⟧ · refreshed ⟦t⟧\n\n| Claim | Patient | Acct | DOS | Payer | Amount | Pend reason |\n"
        "|---|---|---|---|---|---:|---|\n", o=c.staff().name(), t=c.ts(c.today))
    for i in range(c.ri(3, 5)):
        p = c.patient()
        dos = c.day(-90, -31)
        c.add("| ", claim_no(c), " | ", p.name("full"), " | ", p.acct(), " | ", P("date", fd(dos, "us")), " | ", c.ch(PAYERS), " | ",
              money(c), " | ", c.ch(["Medical records requested", "COB questionnaire", "Invalid subscriber ID", "Pricing"]), " |\n")
    c.f("\n> Several of these are waiting on the same medical-records request batch.\n")


@T("csv_claims", "csv_pandas_repr")
def _(c):
    c.f("Notebook cell output from `denials_analysis.ipynb`:\n\n```\nIn [14]: df[['claim_id', 'pt_name', 'dob', 'dos', 'carc', 'amt']].head()\nOut[14]:\n"
        "         claim_id                 pt_name         dob         dos  carc      amt\n")
    for i in range(5):
        p = c.patient()
        dos = c.day(-100, -5)
        nm = p.name("latin")
        cid = claim_no(c)
        c.add(str(i), " " * (17 - len(cid.text)), cid, " " * max(1, 24 - len(nm.text)), nm, "  ", p.dob_p("iso"), "  ",
              P("date", fd(dos, "iso")), "  ", c.ch(["CO-16", "CO-97", "PR-1 ", "CO-50", "CO-29"]), "  ", money(c).rjust(7), "\n")
    c.f("```\n\nThe full frame has ⟦n⟧ rows; CO-29 (timely filing) is rare but accounts for most of the dollars. ⟦fill⟧\n",
        n="{:,}".format(c.ri(900, 9000)), fill=c.filler(1))


@T("csv_claims", "csv_denials_commented_export")
def _(c):
    c.add("# denials_export generated ", c.ts(c.today, "T"), "Z by report job ", str(c.ri(1000, 9999)), "\n# filter: carc in (16, 50, 197)\n")
    c.add("account_no,visit_no,patient_last,patient_first,svc_date,carc,rarc,denied_amt\n")
    for i in range(c.ri(3, 6)):
        p = c.patient()
        dos = c.day(-80, -10)
        c.add(p.acct(), ",", p.visit(), ",", p.name("family_l"), ",", p.name("given_l"), ",", P("date", fd(dos, "us")), ",",
              c.ch(["16", "50", "197"]), ",", c.ch(["N290", "M127", "N54", ""]), ",", money(c), "\n")
    c.f("# rows: ⟦n⟧\n", n=str(c.ri(40, 900)))


@T("csv_claims", "csv_parquet_tools_head")
def _(c):
    c.f("$ parquet-tools head -n 2 s3://claims-lake/curated/claim_header/dt=⟦d⟧/part-00000.snappy.parquet\n", d=fd(c.today, "iso"))
    for i in range(2):
        p = c.patient()
        f = c.day(-30, -5)
        c.add("claim_key = ", X("internal_id", c.digits(10)), "\nclaim_number = ", claim_no(c), "\nmember_id = ", p.member(),
              "\nmember_name = ", p.name("latin"), "\nmember_dob = ", p.dob_p("iso"), "\nmember_mbi = ", p.mbi(), "\nfrom_date = ",
              P("date", fd(f, "iso")), "\nbilling_npi = ", c.npi_x(), "\ntotal_charge = ", money(c), "\n\n")
    c.f("The schema says member_mbi is nullable but every row has it. ⟦fill⟧\n", fill=c.filler(1))


@T("csv_claims", "csv_mbi_roster")
def _(c):
    c.f("Medicare Advantage roster reconciliation — rows that failed the MBI check (copied from the recon sheet):\n\n")
    c.add("\"Plan\",\"MBI\",\"Last\",\"First\",\"DOB\",\"Part A eff\",\"Part B eff\",\"Phone\",\"Reason\"\n")
    for i in range(c.ri(3, 5)):
        p = c.patient(age=c.ri(66, 99))
        c.add("\"", c.ch(["H1234-001", "H5521-014", "R7333-002"]), "\",\"", p.mbi(c.rnd() < 0.3), "\",\"", p.name("family_l"),
              "\",\"", p.name("given_l"), "\",\"", p.dob_p("us"), "\",\"", X("coverage_date", fd(c.day(-3000, -400), "us")),
              "\",\"", X("coverage_date", fd(c.day(-3000, -400), "us")), "\",\"", p.phone("dash"), "\",\"",
              c.ch(["MBI not found", "DOB mismatch", "Name mismatch", "Deceased flag"]), "\"\n")
    c.f("\nCMS test MBI 1EG4-TE5-MK73 is excluded from the recon.\n")

# ---------------------------------------------------------------------------------------
# family: patient_email
# ---------------------------------------------------------------------------------------


def mail_date(c, d=None, style="rfc"):
    d = d or c.today
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday()]
    h, m = c.ri(6, 22), c.ri(0, 59)
    if style == "rfc":
        return X("email_date", "%s, %d %s %d %02d:%02d:%02d -0%d00" % (wd, d.day, MON[d.month - 1], d.year, h, m, c.ri(0, 59), c.ch([5, 6, 7, 8])))
    if style == "outlook":
        wdl = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][d.weekday()]
        return X("email_date", "%s, %s %d, %d %d:%02d %s" % (wdl, MONTHS[d.month - 1], d.day, d.year, (h - 1) % 12 + 1, m,
                                                             "AM" if h < 12 else "PM"))
    raise ValueError(style)


def clinic_box(c):
    return X("staff_contact", c.ch(["frontdesk", "scheduling", "billing", "nurseline", "records", "patientrelations"]) + "@" + c.fac_t[2])


def signature(c, s):
    title, cred = c.ch([("Patient Access Representative", ""), ("Nurse Care Coordinator", "RN"), ("Billing Specialist", "CPC"),
                        ("Clinic Manager", "MHA"), ("Medical Assistant", "CMA")])
    s.cred = cred
    return [s.name("cred") if cred else s.name(), "\n", title, " | ", c.fac(), "\n", "T ", s.tel(), " ",
            s.xt(), "  |  ", s.mail(), "\n"]


@T("patient_email", "email_reply_quoted")
def _(c):
    p = c.patient(age=c.ri(22, 84))
    st = c.staff()
    d0 = c.day(-3, -1)
    appt = c.day(3, 20)
    c.f("From: ⟦sn⟧ <⟦sm⟧>\nTo: ⟦pn⟧ <⟦pm⟧>\nDate: ⟦d1⟧\nSubject: Re: need to move my appointment\n\n"
        "Hello ⟦pg⟧,\n\nYou are now booked for ⟦ap⟧ with ⟦doc⟧. Please arrive 15 minutes early.\n\n",
        sn=st.name(), sm=st.mail(), pn=p.name("full"), pm=p.email(), d1=mail_date(c), pg=p.name("given"),
        ap=P("date", "%s at %s" % (fd(appt, "long"), c.ch(["8:40 AM", "11:00 AM", "3:20 PM"]))), doc=c.staff().name("drfull"))
    c.add(signature(c, st), "\n")
    c.f("On ⟦d0⟧, ⟦pn⟧ <⟦pm⟧> wrote:\n> Hi, this is ⟦full⟧ (DOB ⟦dob⟧). I can't make my appointment next\n"
        "> Tuesday because of work. Can you move it to the following week? Mornings\n> are best. My cell is ⟦ph⟧.\n>\n"
        "> Thanks,\n> ⟦pg2⟧\n",
        d0=mail_date(c, d0, "outlook"), pn=p.name("full"), pm=p.email(), full=p.name("full"), dob=p.dob_p("usn"),
        ph=p.phone("dash", cell=True), pg2=p.name("given"))


@T("patient_email", "email_forward_chain")
def _(c):
    p = c.patient(age=c.ri(22, 84))
    a, b, cc = c.staff(), c.staff(), c.staff()
    d0 = c.day(-6, -3)
    c.f("From: ⟦an⟧\nSent: ⟦s1⟧\nTo: ⟦bn⟧\nCc: ⟦cn⟧\nSubject: FW: FW: billing question — ⟦pn⟧\n\n⟦bg⟧, can you take this one? "
        "Patient has called twice.\n\n", an=a.mail(), s1=mail_date(c, style="outlook"), bn=b.mail(), cn=cc.mail(), pn=p.name("full"),
        bg=b.name("first"))
    c.add(signature(c, a))
    c.f("\n________________________________\nFrom: ⟦cn2⟧ <⟦cm2⟧>\nSent: ⟦s2⟧\nTo: ⟦box⟧\nSubject: FW: billing question — ⟦pn⟧\n\n"
        "Forwarding from the general inbox.\n\n---------- Forwarded message ---------\nFrom: ⟦pn2⟧ <⟦pm⟧>\nDate: ⟦s3⟧\n"
        "Subject: billing question\nTo: <⟦box2⟧>\n\nHello,\nI received a bill for ⟦amt⟧ for my visit on ⟦dos⟧ but my insurance "
        "(⟦payer⟧, member ID ⟦mid⟧) should have covered it. My account number is ⟦acct⟧. Please call me at ⟦ph⟧ or write back.\n\n"
        "⟦pn3⟧\n⟦addr⟧\n",
        cn2=cc.name(), cm2=cc.mail(), s2=mail_date(c, d0, "outlook"), box=clinic_box(c), pn=p.name("full"), pn2=p.name("full"),
        pm=p.email(), s3=mail_date(c, d0), box2=clinic_box(c), amt="$%s" % money(c, 80, 2400),
        dos=P("date", fd(c.day(-70, -20), "usn")), payer=c.ch(PAYERS), mid=p.member(), acct=p.acct(), ph=p.phone("paren"),
        pn3=p.name("full"), addr=p.addr_lines())


@T("patient_email", "email_self_address_change")
def _(c):
    p = c.patient(age=c.ri(22, 84))
    old_st = P("street_address", "%d %s %s" % (c.ri(10, 9999), c.ch(STREETS), c.ch(SUFFIX)))
    c.f("From: ⟦pm⟧\nTo: ⟦box⟧\nDate: ⟦d⟧\nSubject: change of address and phone\n\nTo whom it may concern,\n\n"
        "I moved last month. Please update my records:\n\nName: ⟦n⟧\nDate of birth: ⟦dob⟧\nMRN (from my card): ⟦m⟧\n"
        "Old address: ⟦old⟧\nNew address: ⟦addr⟧\nNew phone: ⟦ph⟧\n\nAlso my Medicare card was replaced, the new number is ⟦mbi⟧.\n\n"
        "Thank you,\n⟦n2⟧\n\nSent from my iPhone\n",
        pm=p.email(), box=clinic_box(c), d=mail_date(c), n=p.name("full"), dob=p.dob_p(c.ch(["us", "long", "iso"])), m=p.mrn(),
        old=[old_st, ", ", p.city_p()], addr=p.addr_line(), ph=p.phone(c.ch(["paren", "dot", "dash"])), mbi=p.mbi(c.rnd() < 0.5),
        n2=p.name("given"))


@T("patient_email", "email_daughter_for_parent")
def _(c):
    p = c.patient(age=c.ri(84, 99))
    kid = c.relative(p, sex=c.ch("FM"), age=c.ri(45, 70))
    c.f("From: \"⟦kn⟧\" <⟦km⟧>\nTo: ⟦box⟧\nDate: ⟦d⟧\nSubject: My ⟦relw⟧ ⟦pn⟧ — medication question\n\nHello,\n\n"
        "I am writing on behalf of my ⟦relw2⟧, ⟦pn2⟧ (born ⟦dob⟧), who is ⟦age⟧ and a patient of ⟦doc⟧. I am listed as "
        "⟦pr⟧ health care proxy. Since the hospital stay (discharged ⟦dis⟧) ⟦pr2⟧ has been very sleepy in the afternoons. "
        "⟦Pr3⟧ takes ⟦med⟧ and ⟦med2⟧. Could the doctor review the doses?\n\n⟦Pr3b⟧ lives with me now: ⟦addr⟧. "
        "Best number to reach me is ⟦kp⟧.\n\nKind regards,\n⟦kn2⟧\n",
        kn=kid.name("full"), km=kid.email(), box=clinic_box(c), d=mail_date(c), relw="mother" if p.sex == "F" else "father",
        pn=p.name("full"), relw2="mother" if p.sex == "F" else "father", pn2=p.name("full"), dob=p.dob_p("long"),
        age=age_tag(c, p), doc=c.staff().name("drfull"), pr=pron(p)[1], dis=P("date", fd(c.day(-20, -5), "usn")),
        pr2=pron(p)[0], Pr3=pron(p)[0].capitalize(), med=c.med(), med2=c.med(), Pr3b=pron(p)[0].capitalize(),
        addr=kid.addr_line(), kp=kid.phone("paren", cell=True), kn2=kid.name("given"))


@T("patient_email", "email_dutch")
def _(c):
    p = c.patient("dutch", age=c.ri(22, 84))
    st = c.staff()
    appt = c.day(2, 15)
    c.f("Van: ⟦pn⟧ <⟦pm⟧>\nAan: ⟦box⟧\nDatum: ⟦d⟧\nOnderwerp: afspraak verzetten en nieuw telefoonnummer\n\nGeachte heer/mevrouw,\n\n"
        "Mijn naam is ⟦pn2⟧, geboren op ⟦dob⟧. Ik woon sinds kort in de VS en ben patiënt bij ⟦fac⟧ (patiëntnummer ⟦m⟧).\n"
        "Mijn afspraak op ⟦ap⟧ kan ik helaas niet nakomen. Kunt u een nieuwe afspraak inplannen?\n\n"
        "Mijn nieuwe telefoonnummer is ⟦ph⟧; mijn Nederlandse nummer ⟦nl⟧ gebruik ik niet meer.\nAdres: ⟦addr⟧\n\n"
        "Met vriendelijke groet,\n⟦pn3⟧\n\n-----Oorspronkelijk bericht-----\nVan: ⟦sn⟧\nVerzonden: ⟦d0⟧\nOnderwerp: Herinnering afspraak\n\n"
        "Dit is een herinnering aan uw afspraak. Bel ⟦sp⟧ om te annuleren.\n",
        pn=p.name("full"), pm=p.email(), box=clinic_box(c), d=mail_date(c), pn2=p.name("full"), dob=P("date", fd(p.dob, "nl")),
        fac=c.fac(), m=p.mrn(), ap=P("date", "%s om %s" % (fd(appt, "nl"), c.ch(["09:15", "10:30", "14:45"]))),
        ph=p.phone("paren"), nl=P("phone", "+31 6 %s %s" % (c.digits(4, "0123456789"), c.digits(4, "0123456789"))),
        addr=p.addr_line(), pn3=p.name("full"), sn=st.mail(), d0=mail_date(c, c.day(-10, -3), "outlook"), sp=st.tel())


@T("patient_email", "email_italian")
def _(c):
    p = c.patient("italian", age=c.ri(22, 84))
    doc = c.staff()
    v = c.day(-20, -5)
    c.f("Da: ⟦pn⟧ <⟦pm⟧>\nA: ⟦dm⟧\nData: ⟦d⟧\nOggetto: referti esami del sangue\n\nGentile ⟦dd⟧,\n\n"
        "sono ⟦pn2⟧, ⟦nato⟧ il ⟦dob⟧, codice paziente ⟦m⟧. Dopo la visita del ⟦v⟧ non ho ancora ricevuto i referti "
        "degli esami del sangue. Nel portale vedo solo \"in attesa\".\n\nPotrebbe inviarmeli per email o chiamarmi al ⟦ph⟧? "
        "In alternativa posso passare in ambulatorio.\n\nLa ringrazio,\n⟦pn3⟧\n⟦addr⟧\n",
        pn=p.name("full"), pm=p.email(), dm=doc.mail(), d=mail_date(c), dd=doc.name("drfull"), pn2=p.name("full"),
        nato="nata" if p.sex == "F" else "nato", dob=P("date", fd(p.dob, "it")), m=p.mrn(), v=P("date", fd(v, "it")),
        ph=p.phone("intl", cell=True), pn3=p.name("full"), addr=p.addr_line())


@T("patient_email", "email_polish_for_mother")
def _(c):
    mom = c.patient("polish", sex="F", age=c.ri(78, 98))
    kid = c.relative(mom, sex=c.ch("FM"), age=c.ri(45, 65))
    c.f("Od: ⟦kn⟧ <⟦km⟧>\nDo: ⟦box⟧\nData: ⟦d⟧\nTemat: wyniki badań mamy\n\nDzień dobry,\n\n"
        "piszę w sprawie mojej mamy. Dane pacjentki:\n  imię i nazwisko: ⟦mn⟧\n  data urodzenia: ⟦dob⟧\n  numer karty: ⟦m⟧\n"
        "  Medicare: ⟦mbi⟧\n\nMama była w szpitalu od ⟦a⟧ do ⟦b⟧. Lekarz prosił o kontrolę morfologii po wypisie, ale nikt "
        "nie zadzwonił. Mama mieszka ze mną pod adresem ⟦addr⟧. Mój telefon: ⟦kp⟧.\n\nZ poważaniem,\n⟦kn2⟧\n",
        kn=kid.name("full"), km=kid.email(), box=clinic_box(c), d=mail_date(c), mn=mom.name("full"), dob=P("date", fd(mom.dob, "pl")),
        m=mom.mrn(), mbi=mom.mbi(), a=P("date", fd(c.day(-30, -20), "eu")), b=P("date", fd(c.day(-19, -10), "eu")),
        addr=kid.addr_line(), kp=kid.phone("dash", cell=True), kn2=kid.name("full"))


@T("patient_email", "email_arabic")
def _(c):
    p = c.patient("arabic", native=True, age=c.ri(22, 84))
    appt = c.day(2, 20)
    c.f("من: ⟦pl⟧ <⟦pm⟧>\nإلى: ⟦box⟧\nالتاريخ: ⟦d⟧\nالموضوع: طلب تغيير موعد\n\nالسلام عليكم،\n\nأنا ⟦pn⟧، تاريخ الميلاد ⟦dob⟧، "
        "رقم الملف الطبي ⟦m⟧.\nلدي موعد يوم ⟦ap⟧ ولا أستطيع الحضور. أرجو تغيير الموعد إلى الأسبوع القادم.\n"
        "رقم هاتفي: ⟦ph⟧\nالعنوان: ⟦addr⟧\n\nشكراً لكم،\n⟦pn2⟧\n",
        pl=p.name("latin"), pm=p.email(), box=clinic_box(c), d=mail_date(c), pn=p.name("native"), dob=P("date", fd(p.dob, "ar")),
        m=p.mrn(), ap=P("date", fd(appt, "dmy")), ph=p.phone("dash"), addr=p.addr_line(), pn2=p.name("native"))


@T("patient_email", "email_hindi")
def _(c):
    p = c.patient("hindi", native=True, age=c.ri(50, 68))
    father = c.relative(p, sex="M", age=c.ri(88, 97))
    c.f("From: ⟦pl⟧ <⟦pm⟧>\nTo: ⟦box⟧\nDate: ⟦d⟧\nSubject: पिताजी की रिपोर्ट के बारे में\n\nनमस्ते,\n\nमेरा नाम ⟦pn⟧ है। मैं अपने "
        "पिताजी ⟦fn⟧ (जन्म तिथि ⟦dob⟧, उम्र ⟦age⟧ वर्ष) के बारे में लिख रहा/रही हूँ। उनका MRN ⟦m⟧ है। ⟦v⟧ को उनकी जाँच हुई थी, "
        "लेकिन रिपोर्ट अभी तक नहीं मिली।\n\nकृपया मुझे ⟦ph⟧ पर फ़ोन करें।\n\nधन्यवाद,\n⟦pn2⟧\n",
        pl=p.name("latin"), pm=p.email(), box=clinic_box(c), d=mail_date(c), pn=p.name("native"), fn=father.name("native"),
        dob=father.dob_p("dmy"), age=age_tag(c, father), m=father.mrn(), v=P("date", fd(c.day(-20, -4), "dmy")),
        ph=p.phone("intl", cell=True), pn2=p.name("native"))


@T("patient_email", "email_japanese")
def _(c):
    p = c.patient("japanese", native=True, age=c.ri(22, 84))
    appt = c.day(3, 25)
    c.f("差出人: ⟦pl⟧ <⟦pm⟧>\n宛先: ⟦box⟧\n日付: ⟦d⟧\n件名: 予約変更のお願い\n\nご担当者様\n\nいつもお世話になっております。\n"
        "下記の予約の変更をお願いいたします。\n\n【氏名】⟦pn⟧\n【生年月日】⟦dob⟧\n【診察券番号】⟦m⟧\n【現在の予約】⟦ap⟧\n"
        "【連絡先】⟦ph⟧\n\n平日の午前中であれば都合がつきます。よろしくお願いいたします。\n\n⟦pn2⟧\n",
        pl=p.name("latin"), pm=p.email(), box=clinic_box(c), d=mail_date(c), pn=p.name("native"), dob=P("date", fd(p.dob, "ja")),
        m=p.mrn(), ap=P("date", "%s %s" % (fd(appt, "ja"), c.ch(["10:30", "14:00", "9:15"]))), ph=p.phone("dash", cell=True),
        pn2=p.name("native"))


@T("patient_email", "email_portal_message_child")
def _(c):
    par = c.patient(age=c.ri(25, 50))
    kid = c.relative(par, age=c.ri(1, 15))
    st = c.staff("RN")
    tms = c.tseq(2, start_h=c.ri(6, 9), step=(600, 3000))
    c.f("Secure message · Inbox › Pediatrics\nFrom: ⟦pn⟧ (proxy for ⟦kn⟧)\nPatient: ⟦kn2⟧ · DOB ⟦kdob⟧ · MRN ⟦m⟧\n"
        "Sent: ⟦sent⟧\n\nHi, ⟦kg⟧ has had a fever of 102 since last night and is pulling at ⟦kp⟧ ear. Can we get a same-day "
        "appointment? We are at ⟦addr⟧, about 20 minutes away. My cell is ⟦ph⟧.\n\n— Reply from ⟦sn⟧, ⟦t⟧ —\nI have "
        "booked ⟦kg2⟧ for ⟦ap⟧ with ⟦doc⟧. Please bring the insurance card (member ⟦mem⟧).\n",
        pn=par.name("full"), kn=kid.name("full"), kn2=kid.name("full"), kdob=kid.dob_p("us"), m=kid.mrn(),
        sent=X("email_date", tms[0][:16]), kg=kid.name("given"), kp="her" if kid.sex == "F" else "his",
        addr=par.addr_line(), ph=par.phone("dash", cell=True), sn=st.name("cred"), t=X("email_date", tms[1][:16]),
        kg2=kid.name("given"), ap=["today, ", P("date", "%s 3:40 PM" % fd(c.today, "usn"))], doc=c.staff().name("drfull"),
        mem=kid.member())

# ---------------------------------------------------------------------------------------
# family: clean_stack_trace
# ---------------------------------------------------------------------------------------


def ver(c):
    return "%d.%d.%d" % (c.ri(1, 9), c.ri(0, 30), c.ri(0, 40))


@T("clean_stack_trace", "clean_py_traceback")
def _(c):
    rid = c.uuid()
    t = c.ts(c.today, "T", ms=True)
    c.f("Worker crashed while normalising an Observation bundle (request ⟦rid⟧):\n\n```\n⟦t⟧Z ERROR [celery.worker.job] Task "
        "ingest.normalize_bundle[⟦tid⟧] raised unexpected: KeyError('subject')\nTraceback (most recent call last):\n"
        "  File \"/opt/app/.venv/lib/python3.11/site-packages/celery/app/trace.py\", line 477, in trace_task\n"
        "    R = retval = fun(*args, **kwargs)\n  File \"/opt/app/ingest/tasks.py\", line ⟦l1⟧, in normalize_bundle\n"
        "    for entry in bundle[\"entry\"]:\n  File \"/opt/app/ingest/tasks.py\", line ⟦l2⟧, in normalize_bundle\n"
        "    ref = entry[\"resource\"][\"subject\"][\"reference\"]\nKeyError: 'subject'\n\n"
        "During handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n"
        "  File \"/opt/app/ingest/retry.py\", line 58, in on_failure\n    self.redis.lpush(DLQ, payload)\n"
        "redis.exceptions.ConnectionError: Error 111 connecting to ⟦ip⟧:6379. Connection refused.\n```\n\n"
        "Host: ingest-worker-⟦n⟧ (⟦ip2⟧), image ingest:⟦v⟧, commit ⟦sha⟧. The bundle was a Group resource export "
        "where Observations use `focus` instead of `subject`; no patient data in the payload that failed (it was the "
        "synthetic load-test bundle `lt-⟦lt⟧.json`).\n",
        rid=rid, t=t, tid=c.uuid(), l1=str(c.ri(40, 300)), l2=str(c.ri(301, 400)), ip=c.ip_server(), n=str(c.ri(1, 12)),
        ip2=c.ip_server(), v=ver(c), sha=c.hexs(12), lt=str(c.ri(1, 999)).zfill(4))


@T("clean_stack_trace", "clean_node_trace")
def _(c):
    pid_ = c.ri(1000, 60000)
    c.f("Gateway pods restarting; pino logs from the last crash:\n\n```json\n")
    t0 = 1767225600000 + (c.today - dt.date(2026, 1, 1)).days * 86400000 + c.ri(0, 80000000)
    host = c.hexs(5)
    for lvl, msg in [(30, "server listening"), (40, "pool exhausted, waiting"), (50, "unhandled rejection")]:
        t0 += c.ri(2000, 900000)
        c.add('{"level":', str(lvl), ',"time":', str(t0), ',"pid":', str(pid_),
              ',"hostname":"fhir-gw-', host, '","reqId":"', c.uuid(), '","msg":"', msg, '"}\n')
    c.f("```\n\n```\nError: connect ECONNREFUSED ⟦ip⟧:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n"
        "    at Pool._acquire (/usr/src/app/node_modules/pg-pool/index.js:45:11)\n    at async PatientRepository.findById "
        "(/usr/src/app/dist/repositories/patient.js:88:19)\n    at async /usr/src/app/dist/routes/fhir.js:142:24 {\n"
        "  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '⟦ip2⟧',\n  port: 5432\n}\n"
        "Node.js v⟦nv⟧\n```\n\nPgBouncer on ⟦ip3⟧:6432 was being restarted by the node drain at ⟦t⟧.\n",
        ip=c.ip_server(), ip2=c.ip_server(), nv="%d.%d.%d" % (c.ch([18, 20, 22]), c.ri(0, 19), c.ri(0, 9)), ip3=c.ip_server(),
        t=c.ts(c.today, "T") + "Z")


@T("clean_stack_trace", "clean_go_panic")
def _(c):
    c.f("```\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation "
        "code=0x1 addr=0x18 pc=0x⟦pc⟧]\n\ngoroutine ⟦g⟧ [running]:\ngithub.com/example/hl7router/internal/route.(*Router).Dispatch(0xc000⟦a1⟧, "
        "{0xc000⟦a2⟧, 0x1f4})\n\t/src/internal/route/router.go:⟦l1⟧ +0x1a4\ngithub.com/example/hl7router/internal/mllp.(*Conn).serve(0xc000⟦a3⟧)\n"
        "\t/src/internal/mllp/conn.go:⟦l2⟧ +0x2e8\ncreated by github.com/example/hl7router/internal/mllp.(*Server).Serve in goroutine 1\n"
        "\t/src/internal/mllp/server.go:61 +0x3c5\nexit status 2\n```\n\nTriggered when a message arrives with an MSH-9 that has no "
        "route (ADT^A60). Router version ⟦v⟧, listener 0.0.0.0:⟦port⟧, peer ⟦ip⟧:⟦pp⟧. Added a nil check in ⟦key⟧.\n",
        pc=c.hexs(6), g=str(c.ri(10, 9999)), a1=c.hexs(6), a2=c.hexs(6), a3=c.hexs(6), l1=str(c.ri(50, 400)),
        l2=str(c.ri(50, 400)), v=ver(c), port=str(c.ch([2575, 6661, 7001])), ip=c.ip_server(), pp=str(c.ri(30000, 65000)),
        key=c.jira_key())


@T("clean_stack_trace", "clean_dotnet_exception")
def _(c):
    c.f("⟦t⟧ fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]\n      An unhandled exception has occurred "
        "while executing the request.\n      TraceId: ⟦tr⟧ SpanId: ⟦sp⟧ CorrelationId: ⟦cid⟧\n"
        "System.InvalidOperationException: Sequence contains no matching element\n"
        "   at System.Linq.ThrowHelper.ThrowNoMatchException()\n   at Claims.Api.Services.EligibilityService.ResolvePlan(String payerId) "
        "in /src/Claims.Api/Services/EligibilityService.cs:line ⟦l⟧\n   at Claims.Api.Controllers.EligibilityController.Check(EligibilityRequest req) "
        "in /src/Claims.Api/Controllers/EligibilityController.cs:line ⟦l2⟧\n   at lambda_method42(Closure, Object)\n"
        " ---> Inner exception: Npgsql.NpgsqlException (0x80004005): Exception while reading from stream\n"
        "   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode)\n\n"
        "Request: POST /api/v2/eligibility  payerId=⟦payer⟧  host=⟦ip⟧:443  elapsed=⟦ms⟧ms  build ⟦b⟧\n",
        t=c.ts(c.today, " ", ms=True), tr=c.hexs(32), sp=c.hexs(16), cid=c.uuid(), l=str(c.ri(40, 300)), l2=str(c.ri(20, 120)),
        payer="PAYER-%04d" % c.ri(1, 9999), ip=c.ip_server(), ms=str(c.ri(30, 30000)), b="%d.%d.%d.%d" % (c.ri(1, 9), c.ri(0, 9), c.ri(0, 999), c.ri(1000, 9999)))


@T("clean_stack_trace", "clean_java_hapi_trace")
def _(c):
    c.f("{code}\n⟦t⟧ ERROR 1 --- [nio-8080-exec-⟦n⟧] c.u.f.j.r.s.RestfulServer : HAPI-0389: Failed to parse request body as JSON resource. "
        "Error was: HAPI-1821: [element=\"effectiveDateTime\"] Invalid attribute value \"${effectiveDate}\": Invalid date/time format: "
        "\"${effectiveDate}\"\nca.uhn.fhir.parser.DataFormatException: HAPI-1821: [element=\"effectiveDateTime\"] Invalid attribute value "
        "\"${effectiveDate}\"\n\tat ca.uhn.fhir.parser.LenientErrorHandler.invalidValue(LenientErrorHandler.java:79)\n"
        "\tat ca.uhn.fhir.parser.ParserState$PrimitiveState.attributeValue(ParserState.java:1308)\n"
        "\tat ca.uhn.fhir.parser.JsonParser.parseChildren(JsonParser.java:1176)\n\tat org.example.loadtest.TemplateSender.send(TemplateSender.java:⟦l⟧)\n"
        "\t... 47 common frames omitted\n{code}\n\nThe load-test template was sent without substitution, so the literal "
        "`${effectiveDate}` and `${patientId}` went to the server. Resource Observation/⟦rid⟧ was never created. JVM ⟦jv⟧, HAPI ⟦hv⟧.\n",
        t=c.ts(c.today, " ", ms=True), n=str(c.ri(1, 40)), l=str(c.ri(30, 200)), rid=c.uuid(), jv="21.0.%d" % c.ri(1, 6),
        hv="7.%d.%d" % (c.ri(0, 6), c.ri(0, 9)))


@T("clean_stack_trace", "clean_k8s_describe")
def _(c):
    ns = c.ch(["interfaces", "fhir", "claims", "portal"])
    h1, h2 = c.hexs(10), c.hexs(5)
    kt = c.tseq(3, sep="T", step=(0, 3))
    c.f("$ kubectl -n ⟦ns⟧ get pods -o wide | grep -v Running\nNAME                              READY   STATUS             RESTARTS        AGE   IP            NODE\n"
        "mllp-listener-⟦h1⟧-⟦h2⟧   0/1     CrashLoopBackOff   ⟦r⟧ (⟦m⟧s ago)   ⟦age⟧h   ⟦ip⟧   aks-pool2-⟦node⟧-vmss00000⟦k⟧\n\n"
        "$ kubectl -n ⟦ns2⟧ describe pod mllp-listener-⟦h1b⟧-⟦h2b⟧ | tail -n 12\nEvents:\n  Type     Reason     Age                  From     Message\n"
        "  ----     ------     ----                 ----     -------\n  Normal   Pulled     ⟦m2⟧m (x⟦r2⟧ over ⟦age2⟧h)   kubelet  Container image "
        "\"registry.example.internal/mllp-listener@sha256:⟦dig⟧\" already present on machine\n  Warning  BackOff    ⟦m3⟧s (x⟦r3⟧ over ⟦age3⟧h)  "
        "kubelet  Back-off restarting failed container listener in pod mllp-listener-⟦h1c⟧-⟦h2c⟧_⟦ns3⟧(⟦uid⟧)\n\n"
        "$ kubectl -n ⟦ns4⟧ logs mllp-listener-⟦h1d⟧-⟦h2d⟧ --previous | tail -n 3\n⟦t⟧ INFO  binding 0.0.0.0:2575\n"
        "⟦t2⟧ ERROR keystore /etc/tls/keystore.p12: password incorrect\n⟦t3⟧ INFO  shutdown complete (exit 1)\n",
        ns=ns, ns2=ns, ns3=ns, ns4=ns, h1=h1, h2=h2, h1b=h1, h2b=h2, h1c=h1, h2c=h2, h1d=h1, h2d=h2,
        r=str(c.ri(5, 90)), m=str(c.ri(5, 59)), age=str(c.ri(1, 40)), ip=c.ip_server().ljust(13), node=str(c.ri(10000000, 99999999)),
        k=str(c.ri(0, 9)), m2=str(c.ri(2, 50)), r2=str(c.ri(5, 90)), age2=str(c.ri(1, 40)), dig=c.hexs(64), m3=str(c.ri(2, 50)),
        r3=str(c.ri(50, 900)), age3=str(c.ri(1, 40)), uid=c.uuid(), t=kt[0] + "Z", t2=kt[1] + "Z", t3=kt[2] + "Z")


@T("clean_stack_trace", "clean_terraform_apply_error")
def _(c):
    c.f("`terraform apply` for the interface VPC failed in the pipeline (run #⟦run⟧):\n\n```\nazurerm_private_endpoint.fhir: Modifying... "
        "[id=/subscriptions/⟦sub⟧/resourceGroups/rg-fhir-prod/providers/Microsoft.Network/privateEndpoints/pe-fhir]\n"
        "╷\n│ Error: updating Private Endpoint \"pe-fhir\": network.PrivateEndpointsClient#CreateOrUpdate: Failure sending request: "
        "StatusCode=400 -- Original Error: Code=\"PrivateIPAddressNotInSubnet\" Message=\"Private static IP address ⟦ip⟧ does not "
        "belong to the range of subnet snet-endpoints (⟦cidr⟧).\"\n│\n│   with azurerm_private_endpoint.fhir,\n│   on network.tf line ⟦l⟧, "
        "in resource \"azurerm_private_endpoint\" \"fhir\":\n│  ⟦l2⟧: resource \"azurerm_private_endpoint\" \"fhir\" {\n╵\n"
        "Releasing state lock. This may take a few moments...\n```\n\nPlan: 0 to add, 1 to change, 0 to destroy. Provider "
        "hashicorp/azurerm v⟦pv⟧, Terraform v⟦tv⟧.\n",
        run=str(c.ri(1000, 99999)), sub=c.uuid(), ip=c.ip_server(), cidr="10.%d.%d.0/24" % (c.ri(0, 255), c.ri(0, 255)),
        l=str(c.ri(10, 300)), l2=str(c.ri(10, 300)), pv="3.%d.%d" % (c.ri(80, 120), c.ri(0, 9)), tv="1.%d.%d" % (c.ri(5, 9), c.ri(0, 9)))


@T("clean_stack_trace", "clean_rust_backtrace")
def _(c):
    b0 = c.ri(40, 60)
    c.f("```\nthread 'tokio-runtime-worker' panicked at src/segment.rs:⟦l⟧:⟦col⟧:\nbyte index ⟦bi⟧ is not a char boundary; it is "
        "inside 'é' (bytes ⟦b0⟧..⟦b1⟧) of `OBX|1|ST|8251-1^Service comment^LN||Résumé d…`\nstack backtrace:\n"
        "   0: rust_begin_unwind\n   1: core::panicking::panic_fmt\n   2: core::str::slice_error_fail_rt\n"
        "   3: hl7_router::segment::truncate_field\n             at ./src/segment.rs:⟦l2⟧:⟦col2⟧\n   4: hl7_router::pipeline::{{closure}}\n"
        "             at ./src/pipeline.rs:⟦l3⟧:⟦col3⟧\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\n```\n\n"
        "Truncation at a fixed byte length splits multi-byte characters. Fix: use `floor_char_boundary`. Found in v⟦v⟧.\n",
        l=str(c.ri(20, 300)), col=str(c.ri(5, 60)), bi=str(c.ri(40, 120)), b0=str(b0), b1=str(b0 + 2),
        l2=str(c.ri(20, 300)), col2=str(c.ri(5, 60)), l3=str(c.ri(20, 300)), col3=str(c.ri(5, 60)), v=ver(c))


@T("clean_stack_trace", "clean_nginx_upstream_errors")
def _(c):
    c.f("Ingress error log around the outage window:\n\n```\n")
    for t in c.tseq(c.ri(4, 7), step=(0, 40)):
        c.add(t.replace("-", "/"), " [error] ", str(c.ri(20, 40)), "#", str(c.ri(20, 40)), ": *", str(c.ri(100000, 9999999)),
              " ", c.ch(["upstream timed out (110: Connection timed out) while reading response header from upstream",
                         "connect() failed (111: Connection refused) while connecting to upstream",
                         "no live upstreams while connecting to upstream"]),
              ", client: ", c.ip_server(), ", server: fhir.internal, request: \"", c.ch(["GET", "POST"]), " /R4/",
              c.ch(["Observation?_lastUpdated=gt", "Patient/$everything", "metadata", "Encounter?_count=50"]),
              " HTTP/1.1\", upstream: \"http://", c.ip_server(), ":8080/R4/\", host: \"fhir.internal\", request_id: \"", c.hexs(32), "\"\n")
    c.f("```\n\nAll clients are the internal load balancers. p99 latency went from ⟦a⟧ ms to ⟦b⟧ ms between ⟦t1⟧ and ⟦t2⟧ UTC.\n",
        a=str(c.ri(80, 300)), b=str(c.ri(3000, 30000)), t1=hhmm(c.ri(0, 11), c.ri(0, 59)), t2=hhmm(c.ri(12, 23), c.ri(0, 59)))


@T("clean_stack_trace", "clean_sentry_event")
def _(c):
    asg = c.staff()
    ev = {"event_id": c.hexs(32), "timestamp": c.ts(c.today, "T") + "Z", "platform": "python", "level": "error",
          "release": "portal-api@" + ver(c), "environment": "production", "server_name": "portal-api-%s" % c.hexs(6),
          "tags": {"route": "/api/appointments/{appointment_id}", "http.status_code": "500", "region": "westus2"},
          "exception": {"values": [{"type": "IntegrityError", "value": "duplicate key value violates unique constraint \"appt_slot_uniq\"",
                                    "stacktrace": {"frames": [{"filename": "app/routes/appointments.py", "lineno": c.ri(20, 300),
                                                               "function": "book_slot"}]}}]},
          "user": {"id": "service:scheduler"},
          "contexts": {"trace": {"trace_id": c.hexs(32), "span_id": c.hexs(16)}}}
    c.f("Sentry issue PORTAL-API-⟦n⟧ (⟦cnt⟧ events, first seen ⟦fs⟧). Assigned to ⟦a⟧.\n\n```json\n",
        n=c.alnum(3), cnt=str(c.ri(2, 4000)), fs=fd(c.day(-20, -1), "iso"), a=asg.name())
    c.add(jtext(ev))
    c.f("```\n\nRace between two booking requests for the same slot; the second one should return 409.\n")

# ---------------------------------------------------------------------------------------
# family: clean_meeting_notes
# ---------------------------------------------------------------------------------------


def people(c, n):
    return [c.staff() for _ in range(n)]


@T("clean_meeting_notes", "clean_postmortem_timeline")
def _(c):
    ic, cl, eng, mgr = people(c, 4)
    d = c.day(-10, -2)
    h = c.ri(0, 18)
    c.f("# Postmortem: delayed lab results to the ED (⟦d⟧)\n\n**Severity:** SEV-2 · **Incident commander:** ⟦ic⟧ · "
        "**Scribe:** ⟦cl⟧ · **Status:** action items open\n\n## Summary\nFor ⟦dur⟧ minutes the results interface queued ORU "
        "messages instead of delivering them. ⟦n⟧ results (about ⟦pct⟧% of the hour's volume) reached the ED track board late; "
        "no results were lost. Clinical leadership was informed and confirmed no patient harm was reported.\n\n## Timeline (local time)\n"
        "| Time | Event |\n|---|---|\n| ⟦t1⟧ | Certificate on the LIS endpoint rotated by the vendor |\n"
        "| ⟦t2⟧ | Queue depth alert fires (threshold 500) — paged ⟦eng⟧ |\n| ⟦t3⟧ | ⟦eng2⟧ confirms TLS handshake failures in the engine log |\n"
        "| ⟦t4⟧ | ⟦ic2⟧ declares incident, opens bridge |\n| ⟦t5⟧ | New CA chain imported, channel restarted |\n"
        "| ⟦t6⟧ | Queue drained, monitoring |\n\n## What went well\n- Alerting worked; the ED charge nurse knew within 10 minutes.\n\n"
        "## What went wrong\n- The vendor's change notice went to a shared mailbox nobody reads.\n\n## Action items\n"
        "- ⟦k1⟧ Subscribe the integration team DL to vendor notices — ⟦mgr⟧\n- ⟦k2⟧ Alert on TLS handshake failures — ⟦eng3⟧\n"
        "- ⟦k3⟧ Runbook: importing a CA chain — ⟦cl2⟧\n",
        d=fd(d, "iso"), ic=ic.name(), cl=cl.name(), dur=str(c.ri(25, 140)), n=str(c.ri(120, 2400)), pct=str(c.ri(5, 60)),
        t1=hhmm(h, c.ri(0, 9)), t2=hhmm(h, c.ri(10, 19)), t3=hhmm(h, c.ri(20, 29)), t4=hhmm(h, c.ri(30, 39)),
        t5=hhmm(h + 1, c.ri(0, 29)), t6=hhmm(h + 1, c.ri(30, 59)), eng=eng.name("handle"), eng2=eng.name(), ic2=ic.name(),
        k1=c.jira_key(), k2=c.jira_key(), k3=c.jira_key(), mgr=mgr.name(), eng3=eng.name(), cl2=cl.name())


@T("clean_meeting_notes", "clean_sprint_retro")
def _(c):
    ppl = people(c, 5)
    c.f("h2. Sprint ⟦n⟧ retro — Team Interop (⟦d⟧)\n\n*Attendees:* ⟦att⟧\n\nh3. :) Went well\n* Shipped the NDJSON bulk loader "
        "(⟦k1⟧) two days early\n* Pairing on the X12 parser paid off — 0 escaped defects\n* ⟦p0⟧ ran a great demo for the revenue-cycle team\n\n"
        "h3. :( Didn't go well\n* Test environment down for ⟦h⟧ hours on day 3\n* Scope creep on ⟦k2⟧ (we added the 999 ack handling mid-sprint)\n"
        "* Velocity ⟦v1⟧ vs planned ⟦v2⟧\n\nh3. Actions\n|| Action || Owner || Due ||\n| Book the TST env with infra before sprint start | ⟦p1⟧ | ⟦d1⟧ |\n"
        "| Write down the definition of done for interface work | ⟦p2⟧ | ⟦d2⟧ |\n| Limit WIP to 3 per person | ⟦p3⟧ | ongoing |\n",
        n=str(c.ri(40, 120)), d=fd(c.today, "long"), att=join(", ", [p.name("jira") for p in ppl]), k1=c.jira_key(), p0=ppl[0].name(),
        h=str(c.ri(3, 30)), k2=c.jira_key(), v1=str(c.ri(20, 40)), v2=str(c.ri(30, 50)), p1=ppl[1].name("jira"),
        d1=fd(c.day(5, 14), "iso"), p2=ppl[2].name("jira"), d2=fd(c.day(5, 14), "iso"), p3=ppl[3].name("jira"))


@T("clean_meeting_notes", "clean_standup_notes")
def _(c):
    ppl = people(c, c.ri(4, 6))
    c.f("Standup ⟦d⟧ (async, #interop-standup)\n\n", d=fd(c.today, "dmon"))
    tasks = ["finished the A08 field mapping review, PR up", "blocked on firewall rule for the new HIE endpoint (ticket ⟦k⟧)",
             "pairing with the vendor on the 277CA parser", "on-call: 2 pages overnight, both disk alerts on ⟦ip⟧",
             "writing tests for the MBI validator", "reviewing the US Core 6.1 upgrade plan", "out tomorrow afternoon",
             "benchmarking the new queue: ⟦n⟧ msg/s sustained"]
    for p in ppl:
        t = c.ch(tasks)
        c.add("• ", p.name("handle"), ": ")
        c.f(t.split("⟦")[0] + ("⟦" + t.split("⟦", 1)[1] if "⟦" in t else ""),
            **({"k": c.jira_key()} if "⟦k⟧" in t else {}), **({"ip": c.ip_server()} if "⟦ip⟧" in t else {}),
            **({"n": str(c.ri(800, 9000))} if "⟦n⟧" in t else {}))
        c.add("\n")
    c.f("\nReminder: demo day moved to ⟦d2⟧, room ⟦r⟧.\n", d2=fd(c.day(2, 9), "long"), r="%s-%d" % (c.ch("ABC"), c.ri(100, 499)))


@T("clean_meeting_notes", "clean_architecture_review")
def _(c):
    ppl = people(c, 4)
    c.f("# Architecture review: FHIR facade for the legacy ADT feed\n\nDate: ⟦d⟧  \nPresent: ⟦att⟧  \nDecision owner: ⟦o⟧\n\n"
        "## Context\nThe legacy ADT feed produces ~⟦n⟧ messages/day. Consumers want FHIR Encounter and Patient resources instead "
        "of HL7 v2.\n\n## Options\n1. Translate in the interface engine (low effort, hard to test)\n2. Separate translator service "
        "with golden-file tests (medium effort)\n3. Buy the vendor's FHIR module (license cost ~$⟦cost⟧/yr)\n\n## Decision\nOption 2. "
        "Golden files will be generated by the synthetic data generator only; no production messages in the repo.\n\n"
        "## Consequences\n- New service, deployed in namespace `interfaces`, port 8443\n- Latency budget 200 ms p95\n"
        "- Review again at ⟦d2⟧\n",
        d=fd(c.today, "iso"), att=join(", ", [p.name() for p in ppl]), o=ppl[0].name(), n="{:,}".format(c.ri(20000, 400000)),
        cost="{:,}".format(c.ri(40, 400) * 1000), d2=fd(c.day(60, 120), "iso"))


@T("clean_meeting_notes", "clean_cab_minutes")
def _(c):
    chair = c.staff()
    c.f("CHANGE ADVISORY BOARD — minutes ⟦d⟧\nChair: ⟦ch⟧\n\n", d=fd(c.today, "us"), ch=chair.name())
    for i in range(c.ri(3, 5)):
        own = c.staff()
        w = c.day(1, 10)
        c.add("CHG", c.digits(7, "0123456789"), "  ", c.ch(["Upgrade interface engine to " + ver(c), "Patch FHIR server to " + ver(c),
                                                               "Rotate TLS certs on the LIS endpoints", "Deploy claims scrubber " + ver(c),
                                                               "Resize the prod AKS node pool", "Enable TLS 1.3 on the HIE listener"]),
              "\n   Owner: ", own.name(), "   Window: ", fd(w, "us"), " ",
              hhmm(c.ri(0, 4), 0), "–", hhmm(c.ri(5, 6), 0), "   Risk: ", c.ch(["Low", "Medium", "High"]), "   Decision: ",
              c.ch(["Approved", "Approved with conditions", "Deferred"]), "\n")
    c.f("\nFreeze for the EHR upgrade runs ⟦a⟧ through ⟦b⟧. Emergency changes need two approvers.\n",
        a=fd(c.day(20, 30), "us"), b=fd(c.day(31, 40), "us"))


@T("clean_meeting_notes", "clean_vendor_call")
def _(c):
    ours, theirs, pm = c.staff(), c.staff(), c.staff()
    c.f("Vendor sync — LIS interface upgrade\n⟦d⟧, 10:00–10:45 PT\nBridge: +1 (646) 558-8656, meeting ID ⟦mid⟧, passcode ⟦pc⟧\n\n"
        "Attendees: ⟦a⟧ (us), ⟦pm⟧ (PM), ⟦b⟧ (vendor)\n\nNotes\n- Vendor confirmed v⟦v⟧ supports OML^O21; cutover planned for ⟦cut⟧.\n"
        "- Test messages will use their synthetic patient set only. We confirmed our TST feed is scrubbed.\n- Throughput target "
        "⟦tp⟧ msg/min; their soak test reached ⟦tp2⟧.\n- Open question on OBX-5 length limits (currently 64k).\n\nNext call ⟦nx⟧, same bridge.\n"
        "Vendor support line for escalations: ⟦sup⟧ (24/7).\n",
        d=fd(c.today, "long"), mid="%d %d %d" % (c.ri(100, 999), c.ri(100, 999), c.ri(1000, 9999)), pc=str(c.ri(100000, 999999)),
        a=ours.name(), pm=pm.name(), b=theirs.name(), v=ver(c), cut=fd(c.day(20, 60), "long"), tp=str(c.ri(300, 900)),
        tp2=str(c.ri(900, 3000)), nx=fd(c.day(7, 14), "long"), sup=X("staff_contact", "1-800-%s-%s" % (c.digits(3, "2346789"), c.digits(4, "0123456789"))))


@T("clean_meeting_notes", "clean_privacy_committee")
def _(c):
    ppl = people(c, 4)
    c.f("Privacy & Security Committee — minutes, ⟦q⟧ review\n\nPresent: ⟦att⟧\n\n1. Incident summary\n   - ⟦n1⟧ privacy incidents "
        "reported this quarter (⟦n2⟧ misdirected faxes, ⟦n3⟧ emails to the wrong recipient, ⟦n4⟧ PHI pasted in tickets).\n"
        "   - No incident met the breach-notification threshold after risk assessment.\n2. Ticket scanning pilot\n"
        "   - The PHI detector flagged ⟦n5⟧ issues in Jira and ⟦n6⟧ Confluence pages in the first month; ⟦n7⟧% were confirmed.\n"
        "   - Population-level statistics are fine to share: e.g. ages are grouped as 90 and older per Safe Harbor, and "
        "counts under 11 are suppressed in dashboards.\n3. Policy updates\n   - Test data must come from the synthetic generator; "
        "documented test values such as SSN 123-45-6789 and phone numbers 555-0100 to 555-0199 are allowed in code.\n\n"
        "Next meeting: ⟦nx⟧. Minutes by ⟦sc⟧.\n",
        q="Q%d %d" % (c.ri(1, 4), c.today.year), att=join(", ", [p.name() for p in ppl]), n1=str(c.ri(15, 40)), n2=str(c.ri(1, 5)),
        n3=str(c.ri(3, 10)), n4=str(c.ri(5, 15)), n5=str(c.ri(30, 200)), n6=str(c.ri(5, 50)), n7=str(c.ri(40, 95)),
        nx=fd(c.day(80, 100), "long"), sc=ppl[-1].name())


@T("clean_meeting_notes", "clean_quarterly_planning")
def _(c):
    lead = c.staff()
    c.f("## Q⟦q⟧ planning — Data Platform\n\nFacilitator: ⟦l⟧\n\n### Objectives and key results\n**O1. Faster claims analytics**\n"
        "- KR1: claims warehouse freshness from 26 h to 4 h\n- KR2: 95% of dbt models with tests (today ⟦p1⟧%)\n\n**O2. Safer data handling**\n"
        "- KR1: zero production extracts in non-prod (today ⟦n⟧ known)\n- KR2: PHI scanner on all Bitbucket repos by ⟦d⟧\n\n"
        "### Capacity\n| Team | Engineers | Available days |\n|---|---:|---:|\n| Ingest | ⟦e1⟧ | ⟦a1⟧ |\n| Warehouse | ⟦e2⟧ | ⟦a2⟧ |\n| BI | ⟦e3⟧ | ⟦a3⟧ |\n",
        q=str(c.ri(1, 4)), l=lead.name(), p1=str(c.ri(40, 80)), n=str(c.ri(2, 9)), d=fd(c.day(40, 90), "long"),
        e1=str(c.ri(2, 6)), a1=str(c.ri(80, 300)), e2=str(c.ri(2, 6)), a2=str(c.ri(80, 300)), e3=str(c.ri(1, 4)), a3=str(c.ri(40, 200)))


@T("clean_meeting_notes", "clean_superuser_training")
def _(c):
    tr = c.staff()
    c.f("EHR super-user training — session notes\n\nTrainer: ⟦t⟧ (⟦tm⟧)\nSessions: ⟦d1⟧ and ⟦d2⟧, ⟦loc⟧, room ⟦r⟧\n\n"
        "Attendance: ⟦n1⟧ nurses, ⟦n2⟧ unit clerks, ⟦n3⟧ pharmacists.\n\nTopics covered:\n  1. Banner and storyboard changes\n"
        "  2. New flowsheet rows for sepsis screening\n  3. Downtime procedures (BCA PCs on each unit)\n\nAll exercises used the "
        "training environment patients (names start with ZZTRAIN). Questions about the training environment: ext ⟦ext⟧.\n",
        t=tr.name(), tm=tr.mail(), d1=fd(c.day(3, 10), "long"), d2=fd(c.day(11, 20), "long"), loc=c.fac(),
        r="%s%d" % (c.ch(["B", "C", "E"]), c.ri(100, 450)), n1=str(c.ri(10, 40)), n2=str(c.ri(2, 10)), n3=str(c.ri(1, 6)), ext=tr.xt())

# ---------------------------------------------------------------------------------------
# family: clean_validator_diff
# ---------------------------------------------------------------------------------------


def L(*lines):
    return [[ln] for ln in lines]


@T("clean_validator_diff", "clean_ssn_validator_rs")
def _(c):
    pr_head(c, "validators: reject SSA-invalid SSN ranges")
    lines = [(" ", ["pub fn is_valid_ssn(s: &str) -> bool {"]),
             ("-", ["    s.len() == 11 && s.chars().filter(|c| c.is_ascii_digit()).count() == 9"]),
             ("+", ["    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();"]),
             ("+", ["    if d.len() != 9 { return false; }"]),
             ("+", ["    let area = d[0] * 100 + d[1] * 10 + d[2];"]),
             ("+", ["    let group = d[3] * 10 + d[4];"]),
             ("+", ["    let serial = d[5..].iter().fold(0, |a, x| a * 10 + x);"]),
             ("+", ["    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0"]),
             (" ", ["}"]), (" ", [""]), (" ", ["#[cfg(test)]"]), (" ", ["mod tests {"]),
             ("+", ["    #[test]"]), ("+", ["    fn documented_example_is_valid() {"]),
             ("+", ["        assert!(is_valid_ssn(\"123-45-6789\")); // SSA's published example number"]),
             ("+", ["    }"]), ("+", ["    #[test]"]), ("+", ["    fn invalid_ranges() {"])]
    for bad in c.r.sample(["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "987-65-4321"], 4):
        lines.append(("+", ["        assert!(!is_valid_ssn(\"", bad, "\"));"]))
    lines += [("+", ["    }"]), (" ", ["}"])]
    c.add(diff_file(c, "crates/validators/src/ssn.rs", lines, new=False))
    c.f("\n⟦r⟧ approved. CI: cargo test — ⟦n⟧ passed.\n", r=c.staff().name(), n=str(c.ri(80, 600)))


@T("clean_validator_diff", "clean_npi_luhn_py")
def _(c):
    pr_head(c, "npi: implement the CMS check digit instead of a length check")
    c.add(diff_file(c, "claims/validation/npi.py", [[x] for x in [
        "\"\"\"NPI check digit per the CMS NPI standard (Luhn over the prefix 80840 + first 9 digits).\"\"\"",
        "",
        "def npi_is_valid(npi: str) -> bool:",
        "    if len(npi) != 10 or not npi.isdigit():",
        "        return False",
        "    total = 24  # constant contribution of the 80840 prefix",
        "    for i, ch in enumerate(reversed(npi[:9])):",
        "        d = int(ch)",
        "        if i % 2 == 0:",
        "            d = d * 2 - 9 if d > 4 else d * 2",
        "        total += d",
        "    return (10 - total % 10) % 10 == int(npi[9])"]]))
    c.add(diff_file(c, "claims/tests/test_npi.py", [[x] for x in [
        "import pytest",
        "from claims.validation.npi import npi_is_valid",
        "",
        "def test_cms_example():",
        "    assert npi_is_valid(\"1234567893\")  # example from the CMS check-digit document",
        "",
        "@pytest.mark.parametrize(\"bad\", [\"1234567890\", \"123456789\", \"12345678931\", \"abcdefghij\", \"\"])",
        "def test_rejects(bad):",
        "    assert not npi_is_valid(bad)"]]))


@T("clean_validator_diff", "clean_mbi_regex_ts")
def _(c):
    pr_head(c, "eligibility form: validate MBI format client-side")
    c.add(diff_file(c, "web/src/validation/mbi.ts", L(
        "// CMS MBI format: C A AN N A AN N A A N N (no S, L, O, I, B, Z)",
        "const A = '[AC-HJKMNP-RT-Y]';",
        "const AN = '[AC-HJKMNP-RT-Y0-9]';",
        "export const MBI_RE = new RegExp(`^[1-9]${A}${AN}[0-9]-?${A}${AN}[0-9]-?${A}${A}[0-9]{2}$`);",
        "export const isMbi = (s: string) => MBI_RE.test(s.toUpperCase());")))
    c.add(diff_file(c, "web/src/validation/mbi.test.ts", L(
        "import { isMbi } from './mbi';",
        "",
        "describe('isMbi', () => {",
        "  it('accepts the CMS specimen MBI with and without dashes', () => {",
        "    expect(isMbi('1EG4-TE5-MK73')).toBe(true);",
        "    expect(isMbi('1EG4TE5MK73')).toBe(true);",
        "  });",
        "  it.each(['0EG4TE5MK73', '1SG4TE5MK73', '1EG4TE5MK7', 'AEG4TE5MK73', ''])('rejects %s', (s) => {",
        "    expect(isMbi(s)).toBe(false);",
        "  });",
        "});")))


@T("clean_validator_diff", "clean_zip_phone_go")
def _(c):
    pr_head(c, "contact: normalise phone numbers and ZIP codes")
    c.add(diff_file(c, "pkg/contact/normalize_test.go", L(
        "package contact",
        "",
        "import \"testing\"",
        "",
        "func TestNormalizePhone(t *testing.T) {",
        "\tcases := map[string]string{",
        "\t\t\"(503) 555-0142\":  \"+15035550142\",",
        "\t\t\"503.555.0199\":    \"+15035550199\",",
        "\t\t\"+1 206 555 0100\": \"+12065550100\",",
        "\t\t\"555-0123\":        \"\", // no area code",
        "\t}",
        "\tfor in, want := range cases {",
        "\t\tif got := NormalizePhone(in); got != want {",
        "\t\t\tt.Errorf(\"NormalizePhone(%q) = %q, want %q\", in, got, want)",
        "\t\t}",
        "\t}",
        "}",
        "",
        "func TestZip(t *testing.T) {",
        "\tfor _, z := range []string{\"00000\", \"00000-0000\"} {",
        "\t\tif !IsZip(z) { t.Errorf(\"%s should parse\", z) }",
        "\t}",
        "\tfor _, z := range []string{\"0000\", \"00000-00\", \"ABCDE\"} {",
        "\t\tif IsZip(z) { t.Errorf(\"%s should not parse\", z) }",
        "\t}",
        "}")))
    c.f("\nAll test numbers are in the 555-0100..0199 range reserved for fiction. ⟦r⟧: LGTM.\n", r=c.staff().name("handle"))


@T("clean_validator_diff", "clean_hl7_template_test_java")
def _(c):
    pr_head(c, "hl7: build test messages from a template instead of pasted samples")
    c.add(diff_file(c, "src/test/java/org/example/hl7/AdtTemplateTest.java", L(
        "class AdtTemplateTest {",
        "    private static final String TEMPLATE =",
        "        \"MSH|^~\\\\&|TEST|TEST|TEST|TEST|${msgTime}||ADT^A04^ADT_A01|${controlId}|T|2.5.1\\r\" +",
        "        \"PID|1||${mrn}^^^TEST^MR||${family}^${given}||${birthDate}|${sex}|||${street}^^${city}^${state}^${zip}\\r\";",
        "",
        "    @Test",
        "    void rendersAllPlaceholders() {",
        "        String msg = Template.render(TEMPLATE, Fixtures.synthetic(42));",
        "        assertFalse(msg.contains(\"${\"), \"unrendered placeholder\");",
        "        assertTrue(msg.startsWith(\"MSH|\"));",
        "    }",
        "}")))
    c.f("\nRemoves the three production-derived samples from `src/test/resources/hl7/` (they were already scrubbed, but the "
        "policy says no copies at all). ⟦r⟧ approved.\n", r=c.staff().name())


@T("clean_validator_diff", "clean_fhir_date_validator_kotlin")
def _(c):
    pr_head(c, "fhir: strict date and dateTime validation")
    c.add(diff_file(c, "core/src/main/kotlin/org/example/fhir/Dates.kt", [(" ", ["object Dates {"]),
        ("-", ["    fun isDate(s: String) = s.length == 10"]),
        ("+", ["    private val DATE = Regex(\"^\\\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\\\d|3[01]))?)?$\")"]),
        ("+", ["    fun isDate(s: String) = DATE.matches(s) && runCatching { parsePartial(s) }.isSuccess"]),
        (" ", ["}"])], new=False))
    c.add(diff_file(c, "core/src/test/kotlin/org/example/fhir/DatesTest.kt", L(
        "class DatesTest {",
        "    @ParameterizedTest",
        "    @ValueSource(strings = [\"2000\", \"2000-02\", \"2000-02-29\", \"1970-01-01\"])",
        "    fun `valid FHIR dates`(s: String) = assertTrue(Dates.isDate(s))",
        "",
        "    @ParameterizedTest",
        "    @ValueSource(strings = [\"1999-02-29\", \"2000-13-01\", \"20000101\", \"2000-1-1\"])",
        "    fun `invalid FHIR dates`(s: String) = assertFalse(Dates.isDate(s))",
        "}")))


@T("clean_validator_diff", "clean_card_luhn_tests")
def _(c):
    pr_head(c, "payments: mask card numbers in logs")
    c.add(diff_file(c, "payments/src/mask.py", [(" ", ["def mask_pan(pan: str) -> str:"]),
        ("-", ["    return pan"]),
        ("+", ["    digits = [ch for ch in pan if ch.isdigit()]"]),
        ("+", ["    if len(digits) < 13 or not luhn_ok(''.join(digits)):"]),
        ("+", ["        return pan"]),
        ("+", ["    return '*' * (len(digits) - 4) + ''.join(digits[-4:])"])], new=False))
    c.add(diff_file(c, "payments/tests/test_mask.py", L(
        "# processor-documented test cards, never valid for real payments",
        "TEST_CARDS = [\"4111 1111 1111 1111\", \"5555555555554444\", \"378282246310005\"]",
        "",
        "def test_masks_test_cards():",
        "    for pan in TEST_CARDS:",
        "        assert mask_pan(pan).endswith(pan.replace(' ', '')[-4:])",
        "        assert '*' in mask_pan(pan)",
        "",
        "def test_leaves_non_luhn_alone():",
        "    assert mask_pan('1234 5678 9012 3456') == '1234 5678 9012 3456'")))


@T("clean_validator_diff", "clean_redaction_rules_yaml")
def _(c):
    pr_head(c, "log-scrubber: add MRN and member id patterns")
    c.add(diff_file(c, "deploy/log-scrubber/rules.yaml", [(" ", ["rules:"]),
        (" ", ["  - name: ssn"]), (" ", ["    pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b'"]), (" ", ["    replace: '[SSN]'"]),
        ("+", ["  - name: mrn_labelled"]), ("+", ["    pattern: '(?i)\\bMRN[:#\\s]*([A-Z]?\\d{6,10})\\b'"]),
        ("+", ["    replace: 'MRN [MRN]'"]), ("+", ["  - name: member_id"]),
        ("+", ["    pattern: '(?i)\\bmember\\s*id[:#\\s]*([A-Z0-9]{8,14})\\b'"]), ("+", ["    replace: 'member id [ID]'"]),
        ("+", ["    examples:"]), ("+", ["      - in: 'Member ID: [REDACTED]'"]), ("+", ["        out: 'member id [ID]'"])], new=False))
    d1 = c.day(1, 5)
    c.f("\nRollout: staging ⟦d1⟧, prod ⟦d2⟧ after a week of shadow mode. Owner ⟦o⟧.\n", d1=fd(d1, "iso"),
        d2=fd(d1 + dt.timedelta(days=c.ri(7, 10)), "iso"), o=c.staff().name())


@T("clean_validator_diff", "clean_age_bucket_sql")
def _(c):
    pr_head(c, "reporting: Safe Harbor age buckets in the de-identified views")
    c.add(diff_file(c, "warehouse/models/deid/patient_deid.sql", [(" ", ["select"]),
        (" ", ["    patient_key,"]),
        ("-", ["    date_part('year', age(birth_date)) as age_years,"]),
        ("+", ["    case when date_part('year', age(birth_date)) >= 90 then '90+'"]),
        ("+", ["         else date_part('year', age(birth_date))::text end as age_group,"]),
        ("+", ["    left(postal_code, 3) as zip3,  -- restricted 3-digit zips are nulled in a later CTE"]),
        (" ", ["    sex"]), (" ", ["from {{ ref('stg_patient') }}"])], new=False))
    c.f("\nTest: `dbt test -s patient_deid` — ⟦n⟧ passed, including `no_age_over_89` and `no_dates_finer_than_year`.\n",
        n=str(c.ri(10, 40)))

# ---------------------------------------------------------------------------------------
# family: clean_release_notes
# ---------------------------------------------------------------------------------------


@T("clean_release_notes", "clean_changelog_md")
def _(c):
    v = [c.ri(2, 6), c.ri(0, 20), c.ri(0, 9)]
    c.add("# Changelog\n\nAll notable changes to this project are documented here. The format follows Keep a Changelog.\n\n")
    d = c.today
    for i in range(c.ri(3, 5)):
        c.add("## [%d.%d.%d] - %s\n" % (v[0], v[1], v[2], fd(d, "iso")))
        c.add("### %s\n" % c.ch(["Added", "Fixed", "Changed"]))
        for _ in range(c.ri(2, 4)):
            c.add("- ", c.ch(["Support for HL7 v2.8 MSH-22", "Retry with jitter on HIE 503 responses", "NDJSON export of Coverage",
                               "Timezone handling for OBX-14 without offset", "Memory leak in the MLLP listener",
                               "Configurable PID-3 repetition order", "US Core 6.1 profiles", "X12 999 acknowledgements"]),
                  " (", c.jira_key(), ")\n")
        c.add("\n")
        d = d - dt.timedelta(days=c.ri(10, 40))
        v[2] = max(0, v[2] - 1) if v[2] else v[2]
        if v[2] == 0:
            v[1] = max(0, v[1] - 1)
    c.add("[Unreleased]: https://bitbucket.example.org/projects/INT/repos/router/compare/diff?targetBranch=refs/tags/v", ".".join(map(str, v)), "\n")


@T("clean_release_notes", "clean_confluence_release_page")
def _(c):
    rm, qa = c.staff(), c.staff()
    c.f("h1. Release ⟦r⟧ — Patient Portal\n\n{panel:title=At a glance}\n*Release date:* ⟦d⟧ 21:00 PT\n*Release manager:* ⟦rm⟧\n"
        "*QA sign-off:* ⟦qa⟧ on ⟦d2⟧\n*Build:* ⟦b⟧ (commit ⟦sha⟧)\n{panel}\n\nh2. Included issues\n||Key||Summary||Type||\n",
        r="%d.%d" % (c.today.year, c.ri(1, 26)), d=fd(c.day(1, 7), "long"), rm=rm.name("jira"), qa=qa.name("jira"),
        d2=fd(c.day(-3, 0), "long"), b=str(c.ri(4000, 9999)), sha=c.hexs(10))
    for _ in range(c.ri(4, 7)):
        c.add("|", c.jira_key(), "|", c.ch(["Proxy access request form", "Appointment reminders in Vietnamese", "Fix double-booking race",
                                             "Upgrade React to 19", "Accessible date picker", "Rate-limit password reset"]), "|",
              c.ch(["Story", "Bug", "Task"]), "|\n")
    c.f("\nh2. Rollback\nRedeploy build ⟦pb⟧. Database migration V⟦m⟧ is backwards compatible.\n", pb=str(c.ri(3000, 3999)), m=str(c.ri(40, 200)))


@T("clean_release_notes", "clean_helm_chart_notes")
def _(c):
    c.f("fhir-server chart ⟦cv⟧ (app ⟦av⟧)\n\n* image: `registry.example.internal/fhir-server@sha256:⟦dig⟧`\n* values: `replicaCount` "
        "default 3 → 4; new `podDisruptionBudget.minAvailable: 2`\n* JVM: `-Xmx6g` (was 4g) after the ⟦d⟧ OOM\n* readiness probe now "
        "`/actuator/health/readiness` on port 8081\n\nUpgrade:\n\n```\nhelm upgrade --install fhir ./charts/fhir-server -n fhir "
        "--version ⟦cv2⟧ -f values-prod.yaml\n```\n\nVerified on staging (⟦ip⟧) at ⟦t⟧.\n",
        cv="%d.%d.%d" % (c.ri(0, 3), c.ri(0, 30), c.ri(0, 9)), av=ver(c), dig=c.hexs(64), d=fd(c.day(-20, -2), "iso"),
        cv2="0.%d.%d" % (c.ri(10, 30), c.ri(0, 9)), ip=c.ip_server(), t=c.ts(c.today))


@T("clean_release_notes", "clean_ehr_upgrade_downtime")
def _(c):
    cmd = c.staff()
    d = c.day(5, 30)
    c.f("EHR UPGRADE — PLANNED DOWNTIME NOTICE\n\nWhen: ⟦d⟧, 01:00 to 05:00 (all sites)\nWhat: upgrade to the ⟦v⟧ release; "
        "read-only access via BCA PCs on every unit\nWho to call: Command center ⟦cc⟧ (⟦ccp⟧), bridge +1 (888) 555-0171 passcode ⟦pc⟧\n\n"
        "During downtime\n• Use paper downtime forms; registration will back-enter after recovery.\n• Lab and radiology results "
        "will print to unit printers.\n• Do not start new orders in the read-only system.\n\nAfter downtime\n• Expect queued "
        "interface messages to catch up within ~⟦m⟧ minutes.\n\n⟦fac⟧ IT · ⟦t⟧\n",
        d=fd(d, "long"), v=c.ch(["November 2026", "2026 Q4", "Spring 2026"]), cc=cmd.name(), ccp=cmd.tel(), pc=str(c.ri(1000000, 9999999)),
        m=str(c.ri(20, 90)), fac=c.fac(), t=fd(c.today, "iso"))


@T("clean_release_notes", "clean_api_deprecation")
def _(c):
    c.f("## Deprecation: `/v1/patients/search`\n\n| | |\n|---|---|\n| Announced | ⟦a⟧ |\n| Sunset | ⟦s⟧ |\n| Replacement | `GET /R4/Patient?...` (FHIR search) |\n\n"
        "From ⟦a2⟧ responses carry `Deprecation: true` and `Sunset: ⟦http⟧`. After the sunset date the endpoint returns 410.\n\n"
        "Migration notes:\n- `dob` → `birthdate` (FHIR search parameter, `eq` prefix supported)\n- `last_name` → `family`\n"
        "- pagination moves from `page`/`size` to `_count` and `link[relation=next]`\n\nQuestions: #api-platform. Current traffic: "
        "⟦rps⟧ req/s from ⟦n⟧ clients.\n",
        a=fd(c.today, "iso"), s=fd(c.day(120, 200), "iso"), a2=fd(c.today, "iso"), http="Sat, 01 Aug %d 00:00:00 GMT" % (c.today.year + 1),
        rps=str(c.ri(2, 400)), n=str(c.ri(3, 40)))


@T("clean_release_notes", "clean_security_advisory")
def _(c):
    c.f("SECURITY ADVISORY ⟦id⟧\nPublished: ⟦d⟧   Severity: ⟦sev⟧ (CVSS ⟦cv⟧)\n\nAffected: hl7-router ⟦a⟧ through ⟦b⟧\n"
        "Fixed in: ⟦f⟧\nCVE: CVE-⟦y⟧-⟦n⟧\n\nA crafted MLLP frame with an oversized length prefix can exhaust memory on the listener. "
        "No data exposure. Mitigation until upgrade: limit `mllp.max_frame_bytes` to 1048576 and restrict the listener to "
        "the engine subnet (⟦cidr⟧).\n\nCredit: reported by ⟦rep⟧ via the coordinated disclosure program.\n",
        id="SA-%d-%03d" % (c.today.year, c.ri(1, 40)), d=fd(c.today, "iso"), sev=c.ch(["High", "Medium"]), cv="%.1f" % c.r.uniform(5, 8.9),
        a=ver(c), b=ver(c), f=ver(c), y=str(c.today.year), n=str(c.ri(10000, 59999)), cidr="10.%d.0.0/16" % c.ri(0, 255), rep=c.staff().name())


@T("clean_release_notes", "clean_github_style_release")
def _(c):
    ppl = people(c, 4)
    c.f("## What's Changed\n")
    for p in ppl:
        c.add("* ", c.ch(["fix: handle empty OBX-5", "feat: FHIR Bulk export resume", "chore: bump tokio to 1.4x",
                          "docs: document PID-3 ordering", "perf: avoid double parse of MSH", "test: golden files for A40"]),
              " by ", p.name("handle"), " in #", str(c.ri(100, 2000)), "\n")
    c.f("\n## New Contributors\n* ⟦p⟧ made their first contribution in #⟦n⟧\n\n**Full Changelog**: v⟦a⟧...v⟦b⟧\n\nAssets: "
        "hl7-router-⟦b2⟧-x86_64-unknown-linux-musl.tar.gz (sha256 ⟦h⟧)\n",
        p=ppl[-1].name("handle"), n=str(c.ri(100, 2000)), a=ver(c), b=ver(c), b2=ver(c), h=c.hexs(64))


@T("clean_release_notes", "clean_app_store_notes")
def _(c):
    c.f("Version ⟦v⟧ (build ⟦b⟧) — submitted ⟦d⟧\n\nWhat's new\n• Check in for appointments from the lock screen\n"
        "• Larger text for lab results\n• Vietnamese, Somali and Tongan translations\n• Fixes a crash when opening a visit summary "
        "on iPadOS 18\n\nInternal notes: phased release 1% → 100% over 7 days; crash-free sessions ⟦cf⟧% in TestFlight (⟦n⟧ testers).\n",
        v=ver(c), b=str(c.ri(1000, 9999)), d=fd(c.today, "long"), cf="%.2f" % c.r.uniform(99.0, 99.99), n=str(c.ri(40, 600)))


@T("clean_release_notes", "clean_interface_release_checklist")
def _(c):
    ana, lead = c.staff(), c.staff()
    c.f("h2. Interface release checklist — ADT outbound v⟦v⟧\n\n||Step||Result||By||\n|Regression replay (⟦n⟧ synthetic messages)|(/) 0 diffs|⟦a⟧|\n"
        "|Ack timing under load (p95)|(/) ⟦ms⟧ ms|⟦a2⟧|\n|Partner connectivity test ⟦ip⟧:⟦port⟧|(/)|⟦l⟧|\n|Rollback rehearsal|(/) ⟦min⟧ min|⟦l2⟧|\n"
        "|Change ticket|CHG⟦chg⟧ approved ⟦d⟧|⟦l3⟧|\n\nGo-live ⟦gl⟧ 02:00. Hypercare through ⟦hc⟧.\n",
        v=ver(c), n="{:,}".format(c.ri(1000, 90000)), a=ana.name(), ms=str(c.ri(40, 400)), a2=ana.name(), ip=c.ip_server(),
        port=str(c.ch([2575, 6661, 5000])), l=lead.name(), min=str(c.ri(5, 40)), l2=lead.name(), chg=c.digits(7, "0123456789"),
        d=fd(c.today, "iso"), l3=lead.name(), gl=fd(c.day(2, 10), "iso"), hc=fd(c.day(11, 20), "iso"))

# ---------------------------------------------------------------------------------------
# family: clean_clinical_rule
# ---------------------------------------------------------------------------------------


@T("clean_clinical_rule", "clean_rule_sepsis_bpa")
def _(c):
    own = c.staff()
    c.f("h1. BPA: Adult sepsis screening (rule ⟦id⟧)\n\n*Owner:* ⟦o⟧ · *Clinical sponsor:* ⟦s⟧ · *Last reviewed:* ⟦d⟧\n\n"
        "h2. Criteria\nFires for inpatients and ED patients aged 18 years or older when, within a rolling 6-hour window:\n"
        "# two or more SIRS criteria (temperature > 38.3 °C or < 36 °C, heart rate > 90, respiratory rate > 20, WBC > 12 or < 4), and\n"
        "# lactate ≥ ⟦lac⟧ mmol/L or SBP < 90 mmHg, and\n# no active comfort-care order.\n\nh2. Exclusions\n* Patients aged 90 and older "
        "with a documented goals-of-care note (advisory becomes informational)\n* Obstetric patients (separate maternal sepsis rule)\n\n"
        "h2. Performance (last 90 days)\n||Metric||Value||\n|Alerts fired|⟦n⟧|\n|Positive predictive value|⟦ppv⟧%|\n|Median time to antibiotics|⟦m⟧ min|\n",
        id=str(c.ri(100000, 999999)), o=own.name(), s=c.staff().name("drfull"), d=fd(c.day(-60, -1), "iso"),
        lac=c.ch(["2", "2.0", "4"]), n="{:,}".format(c.ri(300, 9000)), ppv=str(c.ri(8, 40)), m=str(c.ri(40, 180)))


@T("clean_clinical_rule", "clean_hl7_pid_spec_page")
def _(c):
    c.f("h2. PID segment — field conventions for inbound feeds\n\n||Seq||Name||Type||Usage||Format / example||\n"
        "|PID-3|Patient Identifier List|CX|R|{{<id>^^^<assigning authority>^MR}}; repeat with ~ for SS and PI|\n"
        "|PID-5|Patient Name|XPN|R|{{FAMILY^GIVEN^MIDDLE}}, e.g. {{FAMILY^GIVEN}}|\n|PID-7|Date/Time of Birth|DTM|R|YYYYMMDD, e.g. 19700101|\n"
        "|PID-8|Administrative Sex|IS|R|F, M, O, U|\n|PID-11|Patient Address|XAD|RE|street^other^city^state^zip^country^type, e.g. "
        "{{123 MAIN ST^^ANYTOWN^⟦st⟧^00000^USA^H}}|\n|PID-13|Home Phone|XTN|RE|{{^PRN^PH^^1^503^5550100}} (area code and local number split)|\n"
        "|PID-19|SSN|ST|X|not sent; use PID-3 with type SS only when the partner requires it (test value 123-45-6789)|\n\n"
        "{note}Dates in PV1-44/45 and OBX-14 use the same DTM format with time, e.g. 197001011200.{note}\n\nMaintained by ⟦o⟧.\n",
        st=X("state", "OR"), o=c.staff().name())


@T("clean_clinical_rule", "clean_fhir_profile_page")
def _(c):
    c.f("# Profile: OrgPatient (derived from US Core Patient 6.1.0)\n\nCanonical: `https://fhir.example.org/StructureDefinition/org-patient` · "
        "Version ⟦v⟧ · Status: active\n\n| Element | Card. | Type | Notes |\n|---|---|---|---|\n| Patient.identifier | 1..* | Identifier | "
        "at least one with type MR; system `urn:oid:…` |\n| Patient.name | 1..* | HumanName | `family` and `given` or `text` |\n"
        "| Patient.birthDate | 1..1 | date | `YYYY-MM-DD`; partial dates allowed (`YYYY`, `YYYY-MM`) |\n| Patient.address | 0..* | Address | "
        "`use`, `line`, `city`, `state`, `postalCode`, `period` |\n| Patient.telecom | 0..* | ContactPoint | `rank` 1 = preferred |\n"
        "| extension: us-core-race | 0..1 | complex | OMB categories |\n| extension: us-core-birthsex | 0..1 | code | F, M, UNK |\n\n"
        "## Example (placeholders only)\n\n```json\n{\n  \"resourceType\": \"Patient\",\n  \"identifier\": [{\"system\": \"urn:oid:<facility>\", \"value\": \"<MRN>\"}],\n"
        "  \"name\": [{\"family\": \"<FAMILY>\", \"given\": [\"<GIVEN>\"]}],\n  \"birthDate\": \"YYYY-MM-DD\"\n}\n```\n\n"
        "Published ⟦d⟧ by ⟦o⟧.\n", v=ver(c), d=fd(c.today, "iso"), o=c.staff().name())


@T("clean_clinical_rule", "clean_cms_mbi_guidance")
def _(c):
    c.f("Medicare Beneficiary Identifier (MBI) — format summary for registration staff\n\nThe MBI replaced the SSN-based HICN on "
        "Medicare cards. It is 11 characters: position 1 is a digit 1–9; positions 2, 5, 8 and 9 are letters; positions 4, 7, 10 and 11 "
        "are digits; positions 3 and 6 are letters or digits. The letters S, L, O, I, B and Z are never used. Dashes on the card are "
        "not part of the MBI.\n\nCMS's published specimen is 1EG4-TE5-MK73; never use it in a production claim.\n\nWhere to find it: "
        "the red-white-and-blue card, the eligibility response (271 loop 2100C NM109), or the MAC portal. Do not ask the "
        "beneficiary for their SSN to look it up.\n\nQuestions: ⟦box⟧ or ⟦o⟧, ⟦ox⟧.\n",
        box=clinic_box(c), o=(lambda s: [s.name(), " (", s.xt(), ")"])(c.staff()), ox=c.ch(["Patient Access", "Revenue Cycle"]))


@T("clean_clinical_rule", "clean_quality_measure_population")
def _(c):
    c.f("## Measure: 30-day all-cause readmission (hospital-wide), FY⟦y⟧\n\n**Denominator:** inpatient discharges of patients aged "
        "18 and older, excluding transfers, discharges against medical advice and deaths.\n\n**Stratification:** 18–44, 45–64, 65–89, and "
        "90 and older (Safe Harbor grouping; do not report single years of age above 89).\n\n| Stratum | Discharges | Readmissions | Rate |\n"
        "|---|---:|---:|---:|\n", y=str(c.today.year + 1))
    for s, lo, hi in [("18–44", 2000, 9000), ("45–64", 3000, 9000), ("65–89", 3000, 9000), ("90+", 150, 900)]:
        n = c.ri(lo, hi)
        r = c.ri(int(n * 0.05), int(n * 0.2))
        c.add("| ", s, " | ", "{:,}".format(n), " | ", "{:,}".format(r), " | ", "%.1f%%" % (100.0 * r / n), " |\n")
    c.f("\nCells with fewer than 11 events are suppressed in external reports. Data steward: ⟦o⟧.\n", o=c.staff().name())


@T("clean_clinical_rule", "clean_cds_hooks_service")
def _(c):
    c.f("CDS Hooks service definition for the anticoagulation reminder (discovery endpoint output):\n\n```json\n")
    c.add(jtext({"services": [{"hook": "order-select", "id": "anticoag-renal-dose", "title": "Renal dose check for DOACs",
                                "description": "Suggests a dose adjustment when CrCl < 50 mL/min",
                                "prefetch": {"patient": "Patient/{{context.patientId}}",
                                             "creatinine": "Observation?patient={{context.patientId}}&code=http://loinc.org|2160-0&_sort=-date&_count=1"}},
                               {"hook": "patient-view", "id": "falls-risk-elderly", "title": "Falls risk banner",
                                "description": "Shows a banner for patients aged 65 and older on two or more sedating medications"}]}))
    c.f("```\n\nNo patient data is stored by the service; responses are computed per request. Owner ⟦o⟧.\n", o=c.staff().name())


@T("clean_clinical_rule", "clean_dosing_table")
def _(c):
    c.f("h2. Vancomycin dosing — adult nomogram (pharmacy guideline)\n\n||Actual body weight||Loading dose||Maintenance (CrCl > 60)||\n")
    for lo, hi, ld, md in [(40, 59, 1250, 750), (60, 79, 1750, 1000), (80, 99, 2000, 1250), (100, 119, 2250, 1500), (120, 150, 2500, 1750)]:
        c.add("|", str(lo), "–", str(hi), " kg|", str(ld), " mg|", str(md), " mg q12h|\n")
    c.f("\nTarget AUC 400–600 mg·h/L. Patients aged 90 and older and patients on dialysis: consult pharmacy. Related orders use "
        "⟦m⟧; see also ⟦m2⟧ for renal dosing. Approved by P&T on ⟦d⟧.\n", m=X("medication", "vancomycin 1250 mg IV q12h"),
        m2=X("medication", "enoxaparin 40 mg SC daily"), d=fd(c.day(-200, -30), "long"))


@T("clean_clinical_rule", "clean_safe_harbor_guide")
def _(c):
    c.f("# De-identification quick guide (Safe Harbor)\n\nBefore attaching data to a ticket, remove all 18 identifiers for the "
        "patient and relatives, employers and household members. Replace them with typed placeholders:\n\n| Identifier | Placeholder |\n|---|---|\n"
        "| Names | `[NAME]` |\n| Geographic units smaller than a state (street, city, ZIP — first 3 ZIP digits may stay if the area has more than "
        "20,000 people) | `[ADDRESS]`, `[ZIP3]` |\n| All elements of dates except year; ages over 89 | `[DATE]`, `90+` |\n"
        "| Phone, fax, email | `[PHONE]`, `[EMAIL]` |\n| SSN, MRN, health plan, account, licence numbers | `[ID]` |\n"
        "| Vehicle and device identifiers, URLs, IP addresses, biometrics, photos | `[ID]`, `[URL]`, `[IP]` |\n\n"
        "Example after scrubbing:\n\n```\nPID|1||[ID]^^^FAC^MR||[NAME]||[DATE]|F|||[ADDRESS]||[PHONE]\n```\n\n"
        "Questions go to the privacy office (⟦box⟧).\n", box=X("staff_contact", "privacy@" + c.fac_t[2]))


@T("clean_clinical_rule", "clean_lab_reference_ranges")
def _(c):
    c.f("Reference ranges — chemistry (effective ⟦d⟧, analyzer ⟦an⟧)\n\nLOINC     Test                 Units      Adult range     Critical\n", d=fd(c.day(-90, -1), "iso"),
        an=c.ch(["Atellica CH 930", "cobas c 703", "AU5800"]))
    for loinc, name, unit, lo, hi, rng in LABS:
        crit = {"Glucose": "<50 / >450", "Sodium": "<120 / >160", "Potassium": "<2.5 / >6.5", "Hemoglobin": "<7.0",
                "Platelets": "<20 / >1000", "Lactate": ">4.0", "INR": ">5.0", "WBC": "<1.0 / >50"}.get(name, "-")
        c.add(loinc.ljust(10), name.ljust(21), (unit or "-").ljust(11), rng.ljust(16), crit, "\n")
    c.f("\nPediatric ranges (0–17 years) are on the next page. Ranges for patients aged 90 and older are the adult ranges.\n")


@T("clean_clinical_rule", "clean_cql_library")
def _(c):
    c.f("```cql\nlibrary DiabetesA1cControl version '⟦v⟧'\n\nusing FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n"
        "valueset \"Diabetes\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001'\n"
        "valueset \"HbA1c Laboratory Test\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013'\n\n"
        "parameter \"Measurement Period\" Interval<DateTime>\n  default Interval[@⟦y⟧-01-01T00:00:00.0, @⟦y2⟧-01-01T00:00:00.0)\n\n"
        "context Patient\n\ndefine \"Initial Population\":\n  AgeInYearsAt(date from end of \"Measurement Period\") in Interval[18, 75]\n"
        "    and exists [Condition: \"Diabetes\"]\n\ndefine \"Most Recent HbA1c\":\n  Last([Observation: \"HbA1c Laboratory Test\"] O\n"
        "    where O.effective during \"Measurement Period\" sort by effective)\n\ndefine \"Numerator\":\n"
        "  \"Most Recent HbA1c\".value < 8 '%'\n```\n\nReviewed by ⟦o⟧; ⟦cond⟧ (⟦icd⟧) value set version pinned.\n",
        v=ver(c), y=str(c.today.year), y2=str(c.today.year + 1), o=c.staff().name(),
        cond=X("condition", "Type 2 diabetes mellitus without complications"), icd=X("diagnosis_code", "E11.9"))

# ---------------------------------------------------------------------------------------
# family: clean_oncall_directory
# ---------------------------------------------------------------------------------------


@T("clean_oncall_directory", "clean_oncall_rotation_table")
def _(c):
    c.f("h2. Integration on-call rotation — ⟦q⟧\n\nPrimary carries the pager; secondary is backup after 15 minutes.\n\n"
        "||Week of||Primary||Primary phone||Secondary||Pager||\n", q="Q%d %d" % (c.ri(1, 4), c.today.year))
    d = c.today - dt.timedelta(days=c.today.weekday())
    for i in range(c.ri(5, 8)):
        a, b = c.staff(), c.staff()
        c.add("|", fd(d, "usn"), "|", a.name(), "|", a.tel(), "|", b.name(), "|", a.pg(), "|\n")
        d = d + dt.timedelta(days=7)
    mgr = c.staff()
    c.f("\nEscalation: integration manager ⟦m⟧ (⟦mp⟧). Bridge for SEV-1: +1 (415) 555-0166, passcode ⟦pc⟧#.\n",
        m=mgr.name(), mp=mgr.tel(), pc=str(c.ri(100000, 999999)))


@T("clean_oncall_directory", "clean_pagerduty_export")
def _(c):
    c.f("PagerDuty schedule export — \"Clinical Apps Primary\" (timezone America/Los_Angeles)\n\n```\n")
    d = c.today
    for i in range(c.ri(5, 9)):
        s = c.staff()
        c.add(fd(d, "iso"), "T09:00:00-08:00  ->  ", fd(d + dt.timedelta(days=7), "iso"), "T09:00:00-08:00  ", s.name(), " <", s.mail(),
              ">  ", s.tel(), "\n")
        d = d + dt.timedelta(days=7)
    c.f("```\n\nOverrides are in the PagerDuty UI only; this export is regenerated every Monday by job ⟦j⟧.\n", j=c.uuid())


@T("clean_oncall_directory", "clean_department_directory")
def _(c):
    c.f("# ⟦fac⟧ — department directory (internal)\n\n| Department | Contact | Phone | Fax | Mailbox |\n|---|---|---|---|---|\n", fac=c.fac())
    for dep in c.r.sample(["Cardiology", "Oncology infusion", "Pharmacy", "Health Information Management", "Patient Access",
                           "Radiology scheduling", "Case management", "Lab client services", "IT service desk"], 6):
        s = c.staff()
        c.add("| ", dep, " | ", s.name(), " | ", s.tel(), " ", s.xt(), " | ",
              X("staff_contact", "(%s) %s-%s" % (s.phone[1:4], c.digits(3, "2346789"), c.digits(4, "0123456789"))),
              " | ", X("staff_contact", dep.split()[0].lower() + "@" + c.fac_t[2]), " |\n")
    c.f("\nMain switchboard ⟦sw⟧. After hours, call the house supervisor via the operator.\n",
        sw=X("staff_contact", "(%s) %s-%s" % (c.ch(["503", "808", "206"]), c.digits(3, "2346789"), c.digits(4, "0123456789"))))


@T("clean_oncall_directory", "clean_escalation_policy_yaml")
def _(c):
    pr_head(c, "alerting: escalation policy for the claims pipeline")
    ppl = people(c, 3)
    lines = [["escalation_policy:"], ["  name: claims-pipeline"], ["  repeat: 2"], ["  rules:"]]
    for i, p in enumerate(ppl):
        lines += [["    - delay_minutes: ", str([0, 15, 30][i])], ["      targets:"], ["        - type: user"],
                  ["          name: ", p.name()], ["          email: ", p.mail()], ["          phone: \"", p.tel(), "\""]]
    lines += [["  schedule_ref: claims-primary"], ["  notes: \"SEV-1 bridge +1 (888) 555-0107, passcode in the vault\""]]
    c.add(diff_file(c, "alerting/policies/claims-pipeline.yaml", lines))


@T("clean_oncall_directory", "clean_opsgenie_csv")
def _(c):
    c.add("Team,Rotation,Start (UTC),End (UTC),Participant,Email,Mobile\n")
    d = c.today
    for i in range(c.ri(5, 9)):
        s = c.staff()
        team = c.ch(["EHR-Integrations", "Data-Platform", "Portal"])
        c.add(team, ",weekly,", fd(d, "iso"), " 17:00,", fd(d + dt.timedelta(days=7), "iso"), " 17:00,", s.name(), ",", s.mail(), ",",
              s.tel(), "\n")
        d = d + dt.timedelta(days=7)


@T("clean_oncall_directory", "clean_vcard_staff")
def _(c):
    c.f("Contacts for the ⟦fac⟧ go-live command center (import into Outlook):\n\n", fac=c.fac())
    for i in range(c.ri(2, 4)):
        s = c.staff()
        c.add("BEGIN:VCARD\nVERSION:3.0\nN:", X("staff_name", "%s;%s" % (s.last, s.first)),
              ";;;\nFN:", s.name(), "\nORG:", c.fac(), ";Information Services\nTITLE:", c.ch(["Application Analyst", "Integration Engineer",
                                                                                              "Go-Live Support Lead", "Clinical Informaticist"]),
              "\nTEL;TYPE=WORK,VOICE:", s.tel(), "\nTEL;TYPE=PAGER:", s.pg(), "\nEMAIL;TYPE=INTERNET:", s.mail(), "\nEND:VCARD\n")


@T("clean_oncall_directory", "clean_slack_oncall_handoff")
def _(c):
    a, b = c.staff(), c.staff()
    c.f("#integration-oncall\n\n⟦a⟧  ⟦t1⟧\nHanding off to ⟦bh⟧ :wave: Quiet week overall:\n• ⟦k1⟧ HIE endpoint flapped twice, vendor "
        "ticket open\n• disk on ⟦ip⟧ at 81%, cleanup job scheduled\n• nothing pending in the error queues\nPager is forwarded to your "
        "cell (⟦bp⟧) from 09:00.\n\n⟦b⟧  ⟦t2⟧\nThanks! Got it. I'll be at the ⟦fac⟧ office Tuesday, reachable at ⟦bx⟧.\n",
        a=a.name(), t1=hhmm(c.ri(8, 9), c.ri(0, 59)), bh=b.name("handle"), k1=c.jira_key(), ip=c.ip_server(), bp=b.tel(),
        b=b.name(), t2=hhmm(c.ri(9, 10), c.ri(0, 59)), fac=c.fac(), bx=b.xt())


@T("clean_oncall_directory", "clean_unit_phone_list")
def _(c):
    c.f("⟦fac⟧ — nursing unit phone list (post at each station)\n\nUNIT            CHARGE RN    UNIT CLERK   PYXIS     MANAGER\n", fac=c.fac())
    for u in c.r.sample(["4 West Tele", "5 East Med/Surg", "6 North Ortho", "ICU", "Mother-Baby", "ED", "PACU", "7 South Onc"], 6):
        m = c.staff()
        c.add(u.ljust(16), X("staff_contact", "x" + c.digits(4)), "        ", X("staff_contact", "x" + c.digits(4)), "        ",
              X("staff_contact", "x" + c.digits(4)), "     ", m.name(), " ", m.pg(), "\n")
    c.f("\nRapid response: dial 55 from any hospital phone. Updated ⟦d⟧.\n", d=fd(c.today, "us"))


@T("clean_oncall_directory", "clean_vendor_support_contacts")
def _(c):
    own = c.staff()
    c.f("h2. Vendor support contacts — interfaces\n\n||Vendor / system||Support line||Portal||Contract #||Our owner||\n")
    for v in c.r.sample(["LIS (core lab)", "PACS", "Pharmacy cabinets", "HIE", "Clearinghouse", "Transcription"], 5):
        c.add("|", v, "|", X("staff_contact", "1-8%d%d-%s-%s" % (c.ch([0, 6, 7, 8]), c.ch([0, 6, 7, 8]), c.digits(3, "2346789"), c.digits(4, "0123456789"))),
              "|https://support.", v.split()[0].lower().strip("()"), "-vendor.example.com|", "C-", c.digits(6), "|", c.staff().name(), "|\n")
    c.f("\nPage owner: ⟦o⟧. Clearinghouse status page: https://status.example-clearinghouse.com\n", o=own.name())

# ---------------------------------------------------------------------------------------
# sparse documents: one identifier in a long text
# ---------------------------------------------------------------------------------------


@T("jira_hl7", "jira_hl7_long_thread_single_mrn")
def _(c):
    p = c.patient()
    a, b, d, e = c.staff(), c.staff(), c.staff(), c.staff()
    jira_meta(c, "MLLP ack timeout too short for the HIE during the nightly batch", "Interfaces / MLLP")
    c.f("h3. Description\nBetween 01:00 and 03:00 the HIE answers slowly (batch window on their side) and our outbound ADT "
        "thread times out waiting for the ACK after 10 s. The engine then resends, and the HIE files duplicates because it "
        "already processed the first copy. ⟦f1⟧\n\nCurrent settings on the thread:\n{noformat}\nack_timeout_ms=10000\n"
        "resend_on_timeout=true\nmax_resends=3\nkeepalive=false\n{noformat}\n\nh3. Comments\n*⟦a⟧:* the HIE says their p99 is "
        "about 14 s in the window, so anything below 20 s will keep producing duplicates. ⟦f2⟧\n\n*⟦b⟧:* checked last night's "
        "log. Example: the A08 for MRN ⟦m⟧ went out at 01:42:07, was resent at 01:42:17 and 01:42:27, and the HIE now has three "
        "copies of the visit. Every other case in the log looks the same.\n\n*⟦d⟧:* proposal: raise `ack_timeout_ms` to 30000 for "
        "this thread only, and turn on `keepalive`. Change request to follow. ⟦f3⟧\n\n*⟦e⟧:* +1. Also ask the HIE to de-duplicate on "
        "MSH-10, which they say is on their roadmap for Q⟦q⟧.\n",
        f1=c.filler(2), a=a.name(), f2=c.filler(1), b=b.name(), m=p.mrn(), d=d.name(), f3=c.filler(2), e=e.name(),
        q=str(c.ri(1, 4)))


@T("support_ticket", "ticket_reminder_bounce_log")
def _(c):
    p = c.patient()
    agent = c.staff()
    c.f("HD-⟦n⟧ · Appointment reminder emails bouncing for one domain\nAssignee: ⟦ag⟧ · Queue: Messaging platform\n\n"
        "Since the relay change, reminders to one consumer mail provider are deferred and finally bounce. Postfix log for one "
        "reminder batch (queue ids trimmed):\n\n```\n", n=str(c.ri(1000, 99999)), ag=agent.name())
    relay = c.ip_server()
    idx = c.ri(3, 8)
    for i, t in enumerate(c.tseq(12, step=(1, 120))):
        qid = c.alnum(10)
        if i == idx:
            c.add(t, " mta-out-02 postfix/smtp[", str(c.ri(1000, 60000)), "]: ", qid, ": to=<", p.email(), ">, relay=",
                  "mx.", p.email_v.split("@")[1], "[", c.ip_public(), "]:25, delay=", str(c.ri(100, 90000)),
                  ", dsn=5.7.1, status=bounced (host said: 550 5.7.1 sender rejected: SPF check failed)\n")
        else:
            c.add(t, " mta-out-02 postfix/", c.ch(["qmgr", "smtp", "cleanup"]), "[", str(c.ri(1000, 60000)), "]: ", qid, ": ",
                  c.ch(["from=<noreply-reminders@" + c.fac_t[2] + ">, size=" + str(c.ri(4000, 30000)) + ", nrcpt=1 (queue active)",
                        "message-id=<" + c.uuid() + "@reminders>",
                        "to=<redacted>, relay=" + relay + "[" + relay + "]:25, delay=0.4, dsn=2.0.0, status=sent",
                        "removed"]), "\n")
    c.f("```\n\nThe SPF record of the new relay ⟦r⟧ is not in the include list yet. ⟦fill⟧\n", r=relay, fill=c.filler(2))


@T("bitbucket_fhir_diff", "bb_sms_hardcoded_recipient")
def _(c):
    p = c.patient(native=False)
    pr_head(c, "notifications: SMS provider switch (Twilio → in-house gateway)")
    lines = [(" ", ["class SmsSettings(BaseSettings):"]),
             (" ", ["    gateway_url: str = \"https://sms-gw.internal/v1/send\""]),
             ("-", ["    provider: str = \"twilio\""]),
             ("+", ["    provider: str = \"gateway\""]),
             ("+", ["    # TODO remove before merge: pilot clinic asked us to test with ", p.title(), " ", p.name("family"), "'s cell"]),
             ("+", ["    test_recipient: str = \"", p.phone("intl2", cell=True), "\""]),
             (" ", ["    sender_id: str = \"CLINIC\""]),
             (" ", ["    max_per_minute: int = 60"])]
    c.add(diff_file(c, "notifications/app/settings.py", lines, new=False))
    c.f("\n⟦r⟧ commented: please don't commit a real person's number, even commented as TODO. Use +1 503 555 0100.\n",
        r=c.staff().name())


@T("patient_email", "email_complaint_forwarded_long")
def _(c):
    p = c.patient(native=False, age=c.ri(22, 88))
    pr, mgr = c.staff(), c.staff()
    c.f("From: ⟦pr⟧\nSent: ⟦d⟧\nTo: ⟦mgr⟧\nSubject: FW: feedback form — parking and wait times\n\n⟦mg⟧, forwarding for the ops meeting. "
        "No response needed to the patient yet; I have acknowledged it.\n\n-----Original Message-----\n"
        "I want to give feedback about my last two visits to the infusion center. First, the parking garage on the east side has "
        "been closed for weeks and the signs still send everyone there, so I was fifteen minutes late and nearly lost my chair. "
        "Second, the wait after check-in was over an hour both times, and nobody told us why. The nurses were wonderful and "
        "clearly overworked; this is not a complaint about them.\n\nThird, the new kiosk asks for the same insurance information "
        "that the front desk already has, and it times out if you take longer than a minute to find your card. Older patients "
        "were struggling with it and there was no one to help.\n\nI would appreciate it if someone could look into the parking "
        "signs at least, since that seems easy to fix.\n\nThank you,\n⟦n⟧\n",
        pr=pr.mail(), d=mail_date(c, style="outlook"), mgr=mgr.mail(), mg=mgr.name("first"), n=p.name("full"))


# ---------------------------------------------------------------------------------------
# main: generate / --check / --stats
# ---------------------------------------------------------------------------------------


def write(recs):
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def load():
    with open(OUT, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check():
    errors = []
    recs = load()
    fams = collections.Counter(r["family"] for r in recs)
    ids = collections.Counter(r["id"] for r in recs)
    for i, n in ids.items():
        if n > 1:
            errors.append("duplicate id %s" % i)
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        want = N_PHI if fam in PHI_FAMILIES else N_CLEAN
        if fams.get(fam, 0) != want:
            errors.append("family %s has %d docs, want %d" % (fam, fams.get(fam, 0), want))
    for fam in fams:
        if fam not in PHI_FAMILIES + CLEAN_FAMILIES:
            errors.append("unknown family %s" % fam)
    n_phi = sum(1 for r in recs if r["phi"])
    if n_phi != 120 or len(recs) - n_phi != 120:
        errors.append("want 120 PHI / 120 clean docs, have %d / %d" % (n_phi, len(recs) - n_phi))
    # structural checks on the file alone
    for r in recs:
        if set(r) != {"id", "family", "phi", "variant", "text", "spans"}:
            errors.append("%s: unexpected keys %s" % (r["id"], sorted(r)))
        if r["phi"] != (r["family"] in PHI_FAMILIES):
            errors.append("%s: phi flag does not match the family" % r["id"])
        spans = [(s["start"], s["end"], s["label"], s["kind"], None) for s in r["spans"]]
        for p in verify(r["text"], spans, r["phi"]):
            errors.append("%s: %s" % (r["id"], p))
    # regenerate and compare: span text must equal what the generator recorded
    regen, meta = generate_all()
    if len(regen) != len(recs):
        errors.append("regenerated %d docs, file has %d" % (len(regen), len(recs)))
    for r, g, (spans, _) in zip(recs, regen, meta):
        if r != g:
            errors.append("%s differs from a fresh generation (stale file?)" % r["id"])
            continue
        b = r["text"].encode("utf-8")
        for s, (st, en, lab, kind, rec_text) in zip(r["spans"], spans):
            got = b[s["start"]:s["end"]].decode("utf-8")
            if got != rec_text:
                errors.append("%s: span %d-%d is %r, recorded %r" % (r["id"], st, en, got, rec_text))
    variants = {r["variant"] for r in recs}
    nspans = sum(len(r["spans"]) for r in recs)
    nphi = sum(1 for r in recs for s in r["spans"] if s["label"] == "phi")
    print("fresh5.jsonl: %d docs (%d PHI / %d clean), %d families, %d templates, %d spans (%d phi, %d dont_care)"
          % (len(recs), n_phi, len(recs) - n_phi, len(fams), len(variants), nspans, nphi, nspans - nphi))
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        print("  %-26s %3d docs" % (fam, fams.get(fam, 0)))
    if len(variants) < 130:
        errors.append("only %d templates" % len(variants))
    if errors:
        print("%d problem(s):" % len(errors))
        for e in errors[:60]:
            print("  " + e)
        return 1
    print("check: OK (offsets, UTF-8 boundaries, order, overlap, token alignment, kinds, unlabelled repeats, "
          "span text vs recorded, counts per family)")
    return 0


def stats():
    recs, meta = generate_all()
    fams = collections.OrderedDict((f, []) for f in PHI_FAMILIES + CLEAN_FAMILIES)
    for r in recs:
        fams[r["family"]].append(r)
    cult = collections.Counter()
    for _, cultures in meta:
        for cu in set(cultures):
            cult[cu] += 1
    kinds = collections.Counter((s["label"], s["kind"]) for r in recs for s in r["spans"])
    print("documents: %d (%d PHI, %d clean), %d bytes" % (len(recs), sum(r["phi"] for r in recs),
                                                        sum(not r["phi"] for r in recs),
                                                        sum(len(r["text"].encode("utf-8")) for r in recs)))
    print("templates: %d in total, %d used" % (sum(len(v) for v in TEMPLATES.values()), len({r["variant"] for r in recs})))
    print("\nfamilies:")
    for f, rs in fams.items():
        vs = collections.Counter(r["variant"] for r in rs)
        print("  %-26s %3d docs, %2d templates: %s" % (f, len(rs), len(vs), ", ".join(sorted(vs))))
    print("\nname cultures: %d defined, %d used (documents containing a person of that culture)" % (len(CULTURES), len(cult)))
    line = []
    for cu in CULTURE_NAMES:
        line.append("%s %d" % (cu, cult.get(cu, 0)))
    print("  " + ", ".join(line))
    print("\nspan kinds:")
    for (lab, k), n in sorted(kinds.items(), key=lambda x: (x[0][0] != "phi", -x[1])):
        print("  %-9s %-16s %5d" % (lab, k, n))
    per = [sum(1 for s in r["spans"] if s["label"] == "phi") for r in recs if r["phi"]]
    per.sort()
    print("\nphi spans per PHI document: min %d, median %d, max %d" % (per[0], per[len(per) // 2], per[-1]))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-verify fresh5.jsonl")
    ap.add_argument("--stats", action="store_true", help="templates, name cultures, families")
    a = ap.parse_args()
    if a.check:
        return check()
    if a.stats:
        return stats()
    recs, _ = generate_all()
    write(recs)
    print("wrote %s: %d documents" % (OUT, len(recs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
