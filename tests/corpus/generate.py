#!/usr/bin/env python3
"""Labelled synthetic corpus generator for PHI Guard.

    pip install Faker==40.54.0      # pinned: output depends on Faker's data
    python3 tests/corpus/generate.py  [--check-only]

Writes (all synthetic, no real person):
  tests/corpus/corpus.jsonl          dev corpus    (seed DEV_SEED,  dev template variants, dev phrasings, dev name locales)
  tests/corpus/holdout.jsonl         holdout       (seed HOLD_SEED, disjoint variants / phrasings / name locales)
  tests/corpus/samples/*             ~12 realistic sample documents (plain files, no labels)
  tests/corpus/samples.manifest.json labels of the sample files (outside samples/ so scanners of that folder don't see it)

JSONL line: {"id", "family", "phi", "text", "spans": [{"start","end","label","kind"}]}
start/end are UTF-8 byte offsets, half-open.  label is "phi" or "dont_care".

Run by hand; the output is committed and CI never runs this.  Deterministic given
the seeds and the pinned Faker version.
"""
FAKER_VERSION = "40.54.0"

import argparse
import datetime as dt
import json
import os
import random
import re
import string
import sys

try:
    import faker
    from faker import Faker
    from faker.decode import unidecode
except ImportError:  # pragma: no cover
    sys.exit(f"needs Faker=={FAKER_VERSION}: pip install Faker=={FAKER_VERSION}")

DEV_SEED = 20240314
HOLD_SEED = 97531113
SAMPLE_SEED = 4242

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# Document builder: text pieces + labelled spans, offsets in UTF-8 bytes.
# --------------------------------------------------------------------------


class Lab:
    __slots__ = ("v", "label", "kind")

    def __init__(self, v, label, kind):
        self.v, self.label, self.kind = v, label, kind


def P(v, kind):
    """A PHI span."""
    return Lab(str(v), "phi", kind)


def D(v, kind):
    """A dont_care span."""
    return Lab(str(v), "dont_care", kind)


def vmap(x, fn):
    """Apply fn to the text of every piece (labelled or not) of a structure."""
    if x is None:
        return None
    if isinstance(x, str):
        return fn(x)
    if isinstance(x, Lab):
        return Lab(fn(x.v), x.label, x.kind)
    return [vmap(i, fn) for i in x]


def up(x):
    return vmap(x, str.upper)


def plain(x):
    """The text of a structure."""
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, Lab):
        return x.v
    return "".join(plain(i) for i in x)


_PLACE = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


class Doc:
    def __init__(self):
        self.parts = []
        self.n = 0
        self.spans = []
        self.values = []
        self.items = []

    def add(self, *items):
        for it in items:
            if it is None:
                continue
            if isinstance(it, str):
                if it:
                    self.items.append(it)
                    self.parts.append(it)
                    self.n += len(it.encode("utf-8"))
            elif isinstance(it, Lab):
                if it.v == "":
                    continue
                b = len(it.v.encode("utf-8"))
                self.spans.append({"start": self.n, "end": self.n + b, "label": it.label, "kind": it.kind})
                self.values.append(it.v)
                self.items.append(it)
                self.parts.append(it.v)
                self.n += b
            else:
                self.add(*it)
        return self

    def f(self, tmpl, **kw):
        """Template with {name} placeholders filled from kw (str = clean text, Lab = span, list = pieces).
        Braces that do not name a kw key are left as they are (JSON is safe)."""
        pos = 0
        for m in _PLACE.finditer(tmpl):
            k = m.group(1)
            if k not in kw:
                continue
            self.add(tmpl[pos:m.start()])
            self.add(kw[k])
            pos = m.end()
        self.add(tmpl[pos:])
        return self

    def nl(self, k=1):
        return self.add("\n" * k)

    def text(self):
        return "".join(self.parts)


def F(tmpl, **kw):
    """Like Doc.f but returns a piece list to embed elsewhere."""
    out = []
    pos = 0
    for m in _PLACE.finditer(tmpl):
        k = m.group(1)
        if k not in kw:
            continue
        out.append(tmpl[pos:m.start()])
        out.append(kw[k])
        pos = m.end()
    out.append(tmpl[pos:])
    return out


def join(sep, items):
    out = []
    for i, it in enumerate(items):
        if i:
            out.append(sep)
        out.append(it)
    return out


# --------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------

STATES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
    ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"),
    ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
    ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"),
    ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
    ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
    ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
]
STATE_NAME = dict(STATES)

# (city, state, zip3, area codes)
CITIES = [
    ("Springfield", "IL", "627", ["217"]), ("Chicago", "IL", "606", ["312", "773", "872"]),
    ("Naperville", "IL", "605", ["630", "331"]), ("Houston", "TX", "770", ["713", "281", "832"]),
    ("San Antonio", "TX", "782", ["210", "726"]), ("El Paso", "TX", "799", ["915"]),
    ("Dallas", "TX", "752", ["214", "469", "972"]), ("Austin", "TX", "787", ["512", "737"]),
    ("Los Angeles", "CA", "900", ["213", "323", "310"]), ("San Jose", "CA", "951", ["408", "669"]),
    ("Fresno", "CA", "937", ["559"]), ("Sacramento", "CA", "958", ["916", "279"]),
    ("San Diego", "CA", "921", ["619", "858"]), ("Oakland", "CA", "946", ["510", "341"]),
    ("Phoenix", "AZ", "850", ["602", "480", "623"]), ("Tucson", "AZ", "857", ["520"]),
    ("Miami", "FL", "331", ["305", "786"]), ("Orlando", "FL", "328", ["407", "321"]),
    ("Tampa", "FL", "336", ["813", "656"]), ("Jacksonville", "FL", "322", ["904"]),
    ("Atlanta", "GA", "303", ["404", "470", "678"]), ("Savannah", "GA", "314", ["912"]),
    ("New York", "NY", "100", ["212", "646", "917"]), ("Brooklyn", "NY", "112", ["718", "347", "929"]),
    ("Rochester", "NY", "146", ["585"]), ("Buffalo", "NY", "142", ["716"]),
    ("Boston", "MA", "021", ["617", "857"]), ("Worcester", "MA", "016", ["508", "774"]),
    ("Providence", "RI", "029", ["401"]), ("Hartford", "CT", "061", ["860", "959"]),
    ("Newark", "NJ", "071", ["973", "862"]), ("Trenton", "NJ", "086", ["609"]),
    ("Philadelphia", "PA", "191", ["215", "267"]), ("Pittsburgh", "PA", "152", ["412", "878"]),
    ("Baltimore", "MD", "212", ["410", "443"]), ("Richmond", "VA", "232", ["804"]),
    ("Charlotte", "NC", "282", ["704", "980"]), ("Raleigh", "NC", "276", ["919", "984"]),
    ("Columbia", "SC", "292", ["803"]), ("Nashville", "TN", "372", ["615", "629"]),
    ("Memphis", "TN", "381", ["901"]), ("Louisville", "KY", "402", ["502"]),
    ("Columbus", "OH", "432", ["614", "380"]), ("Cleveland", "OH", "441", ["216"]),
    ("Cincinnati", "OH", "452", ["513"]), ("Detroit", "MI", "482", ["313"]),
    ("Grand Rapids", "MI", "495", ["616"]), ("Indianapolis", "IN", "462", ["317", "463"]),
    ("Milwaukee", "WI", "532", ["414"]), ("Madison", "WI", "537", ["608"]),
    ("Minneapolis", "MN", "554", ["612"]), ("St. Paul", "MN", "551", ["651"]),
    ("Des Moines", "IA", "503", ["515"]), ("Omaha", "NE", "681", ["402", "531"]),
    ("Kansas City", "MO", "641", ["816"]), ("St. Louis", "MO", "631", ["314"]),
    ("Denver", "CO", "802", ["303", "720"]), ("Albuquerque", "NM", "871", ["505"]),
    ("Salt Lake City", "UT", "841", ["801", "385"]), ("Las Vegas", "NV", "891", ["702", "725"]),
    ("Portland", "OR", "972", ["503", "971"]), ("Seattle", "WA", "981", ["206"]),
    ("Spokane", "WA", "992", ["509"]), ("Boise", "ID", "837", ["208"]),
    ("Anchorage", "AK", "995", ["907"]), ("Honolulu", "HI", "968", ["808"]),
    ("New Orleans", "LA", "701", ["504"]), ("Little Rock", "AR", "722", ["501"]),
    ("Oklahoma City", "OK", "731", ["405"]), ("Birmingham", "AL", "352", ["205"]),
    ("Jackson", "MS", "392", ["601", "769"]), ("Burlington", "VT", "054", ["802"]),
    ("Manchester", "NH", "031", ["603"]), ("Portland", "ME", "041", ["207"]),
    ("Wilmington", "DE", "198", ["302"]), ("Charleston", "WV", "253", ["304", "681"]),
    ("Fargo", "ND", "581", ["701"]), ("Sioux Falls", "SD", "571", ["605"]),
    ("Billings", "MT", "591", ["406"]), ("Cheyenne", "WY", "820", ["307"]),
    ("Wichita", "KS", "672", ["316"]), ("Yonkers", "NY", "107", ["914"]),
    ("Hialeah", "FL", "330", ["305", "786"]), ("Laredo", "TX", "780", ["956"]),
]

STREET_NAMES = [
    "Main", "Oak", "Maple", "Cedar", "Elm", "Pine", "Washington", "Lincoln", "Jefferson", "Lake", "Hill",
    "Park", "Sunset", "Highland", "Ridge", "Church", "Spring", "Mill", "River", "Walnut", "Chestnut",
    "Franklin", "Madison", "Jackson", "Willow", "Cherry", "Dogwood", "Magnolia", "Hickory", "Sycamore",
    "Broadway", "Market", "Center", "Union", "Prospect", "Meadow", "Forest", "Valley", "Grove", "Orchard",
    "Martin Luther King Jr", "César Chávez", "Peachtree", "Bayshore", "Wabash", "Halsted", "Colfax",
    "Mission", "Alvarado", "Eastlake", "Sheridan", "Kedzie", "Ashland", "Belmont", "Fulton", "Bedford",
    "Flatbush", "Ocean", "Westheimer", "Bissonnet", "Rainier", "Aurora", "Camelback", "McDowell",
]
STREET_SUFFIX = ["St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln",
                 "Lane", "Ct", "Way", "Pl", "Terrace", "Pkwy", "Cir", "Trail"]
DIRECTIONS = ["N", "S", "E", "W", "North", "South", "NE", "SW"]
UNITS = ["Apt {n}", "Apt. {n}", "Unit {n}", "#{n}", "Apt {n}{l}", "Suite {n}", "Lot {n}", "Apt {l}"]

# ICD-10-CM (code, long description, short term)
ICD10 = [
    ("E11.9", "Type 2 diabetes mellitus without complications", "type 2 diabetes"),
    ("E11.65", "Type 2 diabetes mellitus with hyperglycemia", "uncontrolled diabetes"),
    ("I10", "Essential (primary) hypertension", "hypertension"),
    ("I50.9", "Heart failure, unspecified", "heart failure"),
    ("I50.23", "Acute on chronic systolic (congestive) heart failure", "CHF exacerbation"),
    ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "COPD exacerbation"),
    ("N18.30", "Chronic kidney disease, stage 3 unspecified", "CKD stage 3"),
    ("J18.9", "Pneumonia, unspecified organism", "pneumonia"),
    ("I48.91", "Unspecified atrial fibrillation", "atrial fibrillation"),
    ("E78.5", "Hyperlipidemia, unspecified", "hyperlipidemia"),
    ("F32.9", "Major depressive disorder, single episode, unspecified", "depression"),
    ("M17.11", "Unilateral primary osteoarthritis, right knee", "right knee osteoarthritis"),
    ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter", "right hip fracture"),
    ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction", "NSTEMI"),
    ("A41.9", "Sepsis, unspecified organism", "sepsis"),
    ("N39.0", "Urinary tract infection, site not specified", "urinary tract infection"),
    ("K21.9", "Gastro-esophageal reflux disease without esophagitis", "GERD"),
    ("E03.9", "Hypothyroidism, unspecified", "hypothyroidism"),
    ("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus", "epilepsy"),
    ("C50.911", "Malignant neoplasm of unspecified site of right female breast", "right breast cancer"),
    ("C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung", "lung cancer"),
    ("F10.20", "Alcohol dependence, uncomplicated", "alcohol use disorder"),
    ("I63.9", "Cerebral infarction, unspecified", "ischemic stroke"),
    ("J45.909", "Unspecified asthma, uncomplicated", "asthma"),
    ("R07.9", "Chest pain, unspecified", "chest pain"),
    ("K35.80", "Unspecified acute appendicitis", "appendicitis"),
    ("U07.1", "COVID-19", "COVID-19"),
    ("B20", "Human immunodeficiency virus [HIV] disease", "HIV"),
    ("F20.9", "Schizophrenia, unspecified", "schizophrenia"),
    ("G30.9", "Alzheimer's disease, unspecified", "Alzheimer's dementia"),
    ("E66.01", "Morbid (severe) obesity due to excess calories", "morbid obesity"),
    ("M54.50", "Low back pain, unspecified", "low back pain"),
    ("R55", "Syncope and collapse", "syncope"),
    ("L03.115", "Cellulitis of right lower limb", "cellulitis of the right leg"),
    ("D64.9", "Anemia, unspecified", "anemia"),
    ("O24.419", "Gestational diabetes mellitus in pregnancy, unspecified control", "gestational diabetes"),
    ("F41.1", "Generalized anxiety disorder", "generalized anxiety disorder"),
    ("K57.32", "Diverticulitis of large intestine without perforation or abscess without bleeding", "diverticulitis"),
    ("I26.99", "Other pulmonary embolism without acute cor pulmonale", "pulmonary embolism"),
    ("Z95.0", "Presence of cardiac pacemaker", "pacemaker in place"),
]

MEDS = [
    ("metformin", "500 mg PO BID"), ("lisinopril", "10 mg PO daily"), ("atorvastatin", "40 mg PO nightly"),
    ("apixaban", "5 mg PO BID"), ("furosemide", "40 mg PO daily"), ("insulin glargine", "20 units SC at bedtime"),
    ("metoprolol succinate", "25 mg PO daily"), ("amlodipine", "5 mg PO daily"), ("levothyroxine", "75 mcg PO daily"),
    ("sertraline", "50 mg PO daily"), ("albuterol HFA", "2 puffs q4h PRN"), ("tiotropium", "18 mcg inhaled daily"),
    ("prednisone", "40 mg PO daily x5 days"), ("ceftriaxone", "1 g IV q24h"), ("vancomycin", "1250 mg IV q12h"),
    ("piperacillin-tazobactam", "4.5 g IV q8h"), ("warfarin", "5 mg PO daily"), ("gabapentin", "300 mg PO TID"),
    ("omeprazole", "20 mg PO daily"), ("ondansetron", "4 mg IV q6h PRN"), ("oxycodone", "5 mg PO q6h PRN"),
    ("acetaminophen", "650 mg PO q6h PRN"), ("enoxaparin", "40 mg SC daily"), ("donepezil", "10 mg PO nightly"),
    ("tamsulosin", "0.4 mg PO daily"), ("losartan", "50 mg PO daily"), ("hydrochlorothiazide", "25 mg PO daily"),
    ("clopidogrel", "75 mg PO daily"), ("aspirin", "81 mg PO daily"), ("empagliflozin", "10 mg PO daily"),
    ("semaglutide", "0.5 mg SC weekly"), ("spironolactone", "25 mg PO daily"), ("carvedilol", "6.25 mg PO BID"),
    ("potassium chloride", "20 mEq PO daily"), ("lorazepam", "0.5 mg PO q8h PRN"), ("quetiapine", "25 mg PO nightly"),
    ("levetiracetam", "500 mg PO BID"), ("tramadol", "50 mg PO q6h PRN"), ("Eliquis", "5 mg BID"),
    ("Lasix", "20 mg daily"), ("Januvia", "100 mg daily"), ("Xarelto", "20 mg with evening meal"),
    ("Ozempic", "1 mg weekly"), ("Synthroid", "88 mcg daily"), ("Zoloft", "100 mg daily"),
]

CPT = [
    ("99213", "Office visit, established, low"), ("99214", "Office visit, established, moderate"),
    ("99223", "Initial hospital care, high"), ("99232", "Subsequent hospital care"),
    ("99238", "Hospital discharge day management"), ("93000", "Electrocardiogram, complete"),
    ("71046", "Chest X-ray, 2 views"), ("80053", "Comprehensive metabolic panel"), ("85025", "CBC with differential"),
    ("36415", "Routine venipuncture"), ("83036", "Hemoglobin A1c"), ("97110", "Therapeutic exercise"),
    ("90834", "Psychotherapy, 45 minutes"), ("27447", "Total knee arthroplasty"), ("45378", "Colonoscopy, diagnostic"),
    ("70450", "CT head without contrast"), ("74177", "CT abdomen and pelvis with contrast"),
    ("99284", "ED visit, moderate-high"), ("99285", "ED visit, high"), ("20610", "Arthrocentesis, major joint"),
    ("G0439", "Annual wellness visit, subsequent"), ("J1885", "Ketorolac injection"), ("33208", "Pacemaker insertion, dual chamber"),
]

LABS = [  # loinc, name, unit, low, high, decimals
    ("2345-7", "Glucose", "mg/dL", 70, 99, 0), ("4548-4", "Hemoglobin A1c", "%", 4.0, 5.6, 1),
    ("2160-0", "Creatinine", "mg/dL", 0.6, 1.3, 2), ("718-7", "Hemoglobin", "g/dL", 12.0, 17.5, 1),
    ("6690-2", "WBC", "10*3/uL", 4.0, 11.0, 1), ("2823-3", "Potassium", "mmol/L", 3.5, 5.1, 1),
    ("2951-2", "Sodium", "mmol/L", 135, 145, 0), ("33762-6", "NT-proBNP", "pg/mL", 0, 125, 0),
    ("10839-9", "Troponin I", "ng/mL", 0.0, 0.04, 2), ("1742-6", "ALT", "U/L", 7, 56, 0),
    ("777-3", "Platelets", "10*3/uL", 150, 400, 0), ("3094-0", "BUN", "mg/dL", 7, 20, 0),
]

FACILITIES = [
    "St. Mary's Regional Medical Center", "Mercy General Hospital", "Lakeside Community Hospital",
    "Riverside Medical Center", "Good Samaritan Hospital", "Providence St. Joseph Medical Center",
    "Baptist Health South", "Cedar Ridge Family Clinic", "Northshore University HealthSystem",
    "Valley View Hospital", "Sacred Heart Medical Center", "Memorial Hermann Southwest",
    "UCSF Benioff Children's Hospital", "Methodist Hospital", "Mount Sinai West", "Children's Mercy",
    "Beth Israel Deaconess", "Ochsner Medical Center", "Sutter Roseville", "Kaiser Permanente Oakland",
]
FAC_CODES = ["SMRMC", "MGH", "LCH", "RMC", "GSH", "PSJMC", "BHS", "CRFC", "NSUHS", "VVH", "SHMC", "MHSW"]
PAYERS = [
    "Aetna", "Cigna", "UnitedHealthcare", "Humana", "Anthem Blue Cross", "BlueCross BlueShield of Texas",
    "Blue Cross Blue Shield of Illinois", "Kaiser Permanente", "Molina Healthcare", "Ambetter", "Oscar Health",
    "Highmark", "Tricare West", "Medicare Part B", "Medi-Cal", "Florida Medicaid", "Centene", "WellCare",
]
EHRS = ["Epic", "Cerner", "Meditech", "athenaOne", "eClinicalWorks", "Allscripts"]
ENGINES = ["Mirth Connect", "Rhapsody", "Cloverleaf", "Iguana", "InterSystems HealthShare", "Corepoint"]
COMPANIES = [("acme", "Acme Health"), ("northwind", "Northwind Health IT"), ("contoso", "Contoso Clinical"),
             ("medora", "Medora Systems"), ("carelink", "CareLink Software"), ("halcyon", "Halcyon Health")]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net",
                 "proton.me", "att.net", "live.com", "msn.com", "verizon.net"]
RELATIONS = [("daughter", "F", "DAU", "Daughter"), ("son", "M", "SON", "Son"), ("wife", "F", "SPO", "Spouse"),
             ("husband", "M", "SPO", "Spouse"), ("mother", "F", "MTH", "Mother"), ("father", "M", "FTH", "Father"),
             ("sister", "F", "SIS", "Sister"), ("brother", "M", "BRO", "Brother"), ("granddaughter", "F", "GRD", "Grandchild"),
             ("niece", "F", "NIE", "Niece"), ("partner", "M", "DOM", "Life partner")]

# name locales: disjoint between dev and holdout
DEV_LOCALES = [("en_US", 30), ("es_MX", 9), ("vi_VN", 6), ("de_DE", 4), ("fr_FR", 4), ("pl_PL", 4), ("it_IT", 4),
               ("ja_JP", 4), ("zh_CN", 5), ("en_IN", 4), ("hi_IN", 2), ("ar_AA", 3), ("ru_RU", 4), ("ga_IE", 3),
               ("nl_NL", 3)]
HOLD_LOCALES = [("en_GB", 18), ("en_NG", 5), ("pt_BR", 7), ("es_ES", 5), ("es_CO", 5), ("ko_KR", 5), ("tr_TR", 4),
                ("sv_SE", 4), ("ar_SA", 3), ("en_IE", 4), ("zh_TW", 4), ("uk_UA", 3), ("el_GR", 3), ("fil_PH", 4),
                ("he_IL", 2), ("fa_IR", 2), ("cs_CZ", 3), ("hu_HU", 3)]
STAFF_LOCALES = [("en_US", 10), ("en_IN", 3), ("es_MX", 2), ("en_GB", 2), ("vi_VN", 1), ("pl_PL", 1), ("de_DE", 1)]
NON_LATIN = {"ja_JP", "zh_CN", "zh_TW", "ko_KR", "hi_IN", "ar_AA", "ar_SA", "ru_RU", "uk_UA", "el_GR", "he_IL", "fa_IR"}
ROMANIZABLE = {"ja_JP", "zh_CN", "zh_TW", "ko_KR", "ru_RU", "uk_UA", "el_GR", "hi_IN"}
FAMILY_FIRST = {"ja_JP", "zh_CN", "zh_TW", "ko_KR"}
NO_SPACE = {"zh_CN", "zh_TW", "ko_KR"}

DATE_STYLES_DEV = ["us", "us", "us_short", "iso", "long", "dmy_abbr", "us_nopad"]
DATE_STYLES_HOLD = ["us", "iso", "long", "dmy_abbr", "us_short", "dot", "abbr", "slash_iso", "dmy_long", "us_nopad"]
PHONE_STYLES_DEV = ["paren", "paren", "dash", "dot", "intl", "plain", "paren_tight"]
PHONE_STYLES_HOLD = ["paren", "dash", "dot", "intl", "one_dash", "intl_dash", "spaces", "e164"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fmt_date(d, style):
    y, m, dd = d.year, d.month, d.day
    return {
        "us": f"{m:02d}/{dd:02d}/{y}",
        "us_short": f"{m}/{dd}/{y % 100:02d}",
        "us_nopad": f"{m}/{dd}/{y}",
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "hl7": f"{y}{m:02d}{dd:02d}",
        "long": f"{MONTHS[m - 1]} {dd}, {y}",
        "dmy_abbr": f"{dd:02d}-{MON[m - 1]}-{y}",
        "dot": f"{dd:02d}.{m:02d}.{y}",
        "abbr": f"{MON[m - 1]} {dd}, {y}",
        "slash_iso": f"{y}/{m:02d}/{dd:02d}",
        "dmy_long": f"{dd} {MONTHS[m - 1]} {y}",
        "jira": f"{dd:02d}/{MON[m - 1]}/{y % 100:02d}",
        "oracle": f"{dd:02d}-{MON[m - 1].upper()}-{y}",
    }[style]


def fmt_phone(num, style):
    a, e, l = num[:3], num[3:6], num[6:]
    return {
        "paren": f"({a}) {e}-{l}",
        "paren_tight": f"({a}){e}-{l}",
        "dash": f"{a}-{e}-{l}",
        "dot": f"{a}.{e}.{l}",
        "intl": f"+1 {a} {e} {l}",
        "plain": f"{a}{e}{l}",
        "one_dash": f"1-{a}-{e}-{l}",
        "intl_dash": f"+1-{a}-{e}-{l}",
        "spaces": f"{a} {e} {l}",
        "e164": f"+1{a}{e}{l}",
    }[style]


def luhn_check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


def make_npi(r):
    base = r.choice("12") + "".join(r.choice(string.digits) for _ in range(8))
    return base + luhn_check_digit("80840" + base)


MBI_ALPHA = [ch for ch in string.ascii_uppercase if ch not in "SLOIBZ"]


def make_mbi(r):
    an = MBI_ALPHA + list(string.digits)
    return (r.choice("123456789") + r.choice(MBI_ALPHA) + r.choice(an) + r.choice(string.digits)
            + r.choice(MBI_ALPHA) + r.choice(an) + r.choice(string.digits) + r.choice(MBI_ALPHA)
            + r.choice(MBI_ALPHA) + r.choice(string.digits) + r.choice(string.digits))


def mbi_ok(m):
    m = m.replace("-", "")
    if len(m) != 11:
        return False
    A = set(MBI_ALPHA)
    AN = A | set(string.digits)
    rules = ["19", A, AN, "09", A, AN, "09", A, A, "09", "09"]
    for ch, rule in zip(m, rules):
        if isinstance(rule, str):
            if not (ch.isdigit() and rule[0] <= ch <= rule[1]):
                return False
        elif ch not in rule:
            return False
    return True


def make_ssn(r):
    while True:
        area = r.randint(1, 899)
        if area == 666:
            continue
        group, serial = r.randint(1, 99), r.randint(1, 9999)
        s = f"{area:03d}-{group:02d}-{serial:04d}"
        if s not in ("123-45-6789", "078-05-1120", "219-09-9999"):
            return s


def ssn_ok(s):
    d = s.replace("-", "").replace(" ", "")
    if len(d) != 9 or not d.isdigit():
        return False
    a, g, sr = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g != 0 and sr != 0


VIN_MAP = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
           **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def make_vin(r):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    wmi = r.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JHM", "1G1", "KNA", "WBA", "4T1"])
    v = list(wmi + "".join(r.choice(chars) for _ in range(5)) + "0" + r.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
             + "".join(r.choice(chars) for _ in range(1)) + "".join(r.choice(string.digits) for _ in range(6)))
    s = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W)) % 11
    v[8] = "X" if s == 10 else str(s)
    return "".join(v)


def make_dea(r, last):
    first = r.choice("ABFGM")
    second = (unidecode(last)[:1] or "X").upper()
    if not second.isalpha():
        second = "X"
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)


def make_cc(r):
    prefix = r.choice(["4", "51", "52", "37", "6011"])
    length = 15 if prefix == "37" else 16
    body = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return body + luhn_check_digit(body)


# --------------------------------------------------------------------------
# Phrase pools: (dev, holdout), disjoint where a phrasing is a choice.
# --------------------------------------------------------------------------

PHR = {
    "dob": (["DOB", "DOB", "Date of Birth", "D.O.B.", "Birthdate"], ["Birth date", "Born", "DoB", "Fecha de nacimiento", "Date of birth"]),
    "mrn": (["MRN", "MRN", "Medical Record #", "Med Rec No"], ["Medical record number", "Chart #", "MR#", "Hospital no."]),
    "member": (["Member ID", "Member #", "Subscriber ID"], ["Health plan ID", "Insurance ID", "Policy number", "Beneficiary ID"]),
    "phone": (["Phone", "Tel", "Cell", "Home phone"], ["Mobile", "Contact number", "Ph.", "Best number"]),
    "address": (["Address", "Home address", "Addr"], ["Residence", "Mailing address", "Lives at"]),
    "name": (["Patient", "Patient Name", "Pt name"], ["Name", "Patient name (legal)", "Client"]),
    "ssn": (["SSN", "SSN", "Social Security #"], ["Social", "SS#", "Soc Sec No"]),
    "admit": (["Admission Date", "Admitted", "Admit date"], ["Date of admission", "Adm.", "Arrived"]),
    "disch": (["Discharge Date", "Discharged", "D/C date"], ["Date of discharge", "Left hospital", "Disch."]),
    "mbi": (["MBI", "Medicare ID"], ["Medicare Beneficiary Identifier", "Medicare #"]),
    "greet": (["Hi team,", "Hello,", "Hi all,", "Team -", "Hey folks,"], ["Good morning,", "Hi everyone,", "Dear support,", "Greetings,"]),
    "thanks": (["Thanks,", "Thank you,", "Regards,", "Cheers,"], ["Best,", "Many thanks,", "Sincerely,", "Kind regards,"]),
    "asap": (["Please fix ASAP.", "This is blocking go-live.", "Customer is escalating."],
             ["Need this resolved before the weekend.", "Clinic manager is asking daily.", "Marking as high priority."]),
}


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


class Person:
    pass


def _ascii_slug(s):
    s = unidecode(s).lower()
    return re.sub(r"[^a-z0-9]", "", s)


class Ctx:
    """Everything one document's template needs: randomness, split, fakers, helpers."""

    _fakers = {}

    def __init__(self, split, seed_str):
        self.split = split
        self.hold = split == "hold"
        self.r = random.Random(seed_str)
        self.now = dt.date(2023, 1, 1) + dt.timedelta(days=self.r.randint(0, 1000))
        co = self.r.choice(COMPANIES)
        self.co_slug, self.co_name = co
        self.date_style = self.pick(DATE_STYLES_HOLD if self.hold else DATE_STYLES_DEV)
        self.phone_style = self.pick(PHONE_STYLES_HOLD if self.hold else PHONE_STYLES_DEV)

    # randomness -----------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def ri(self, a, b):
        return self.r.randint(a, b)

    def digits(self, n, first_nonzero=False):
        s = "".join(self.r.choice(string.digits) for _ in range(n))
        if first_nonzero:
            s = self.r.choice("123456789") + s[1:]
        return s

    def letters(self, n, alphabet=string.ascii_uppercase):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def ph(self, key):
        dev, hold = PHR[key]
        return self.pick(hold if self.hold else dev)

    def wpick(self, weighted):
        tot = sum(w for _, w in weighted)
        x = self.r.random() * tot
        for v, w in weighted:
            x -= w
            if x <= 0:
                return v
        return weighted[-1][0]

    def faker(self, locale):
        fk = Ctx._fakers.get(locale)
        if fk is None:
            fk = Ctx._fakers[locale] = Faker(locale)
        fk.seed_instance(self.r.getrandbits(48))
        return fk

    # dates / phones ---------------------------------------------------------
    def fd(self, d, style=None):
        return fmt_date(d, style or self.date_style)

    def fp(self, num, style=None, ext=None):
        s = fmt_phone(num, style or self.phone_style)
        if ext is None and self.chance(0.08):
            ext = True
        if ext:
            s += self.pick([" x", " ext. ", " ext ", " Ext. "]) + self.digits(self.ri(2, 4), True)
        return s

    def date_between(self, a, b):
        return a + dt.timedelta(days=self.r.randint(0, max(0, (b - a).days)))

    def recent(self, days_back=120, days_fwd=0):
        return self.now + dt.timedelta(days=self.r.randint(-days_back, days_fwd))

    def hhmm(self):
        return f"{self.ri(0, 23):02d}:{self.ri(0, 59):02d}"

    def ts(self, d=None, sep="T", frac=True, z="Z"):
        if d is None:
            # log clock: moves forward a little on every call
            if not hasattr(self, "_clock"):
                self._clock = dt.datetime.combine(self.now, dt.time(self.ri(0, 20), self.ri(0, 59), self.ri(0, 59)))
            self._clock += dt.timedelta(milliseconds=self.ri(3, 90000))
            t = self._clock
            s = f"{t.date().isoformat()}{sep}{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
            if frac:
                s += f".{t.microsecond // 1000:03d}"
            return s + z
        s = f"{d.isoformat()}{sep}{self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d}"
        if frac:
            s += f".{self.ri(0, 999):03d}"
        return s + z

    def phone_num(self, area=None):
        a = area or self.pick([c[3][0] for c in CITIES])
        while True:
            e = str(self.ri(2, 9)) + self.digits(2)
            if e[1:] != "11" and e != "555":
                break
        return a + e + self.digits(4)

    def ip(self, private=True):
        if private:
            return self.pick([f"10.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}",
                              f"172.{self.ri(16, 31)}.{self.ri(0, 255)}.{self.ri(1, 254)}",
                              f"192.168.{self.ri(0, 255)}.{self.ri(1, 254)}"])
        return f"{self.pick([24, 50, 68, 71, 73, 76, 98, 99, 108, 174])}.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}"

    # names ----------------------------------------------------------------
    def _name(self, locale, sex, romanize=None):
        fk = self.faker(locale)
        if locale in ("ja_JP", "zh_TW") and romanize:
            first = fk.first_romanized_name_female() if sex == "F" else fk.first_romanized_name_male()
            last = fk.last_romanized_name()
            return first, last, True
        if locale == "zh_CN" and romanize:
            return fk.first_romanized_name(), fk.last_romanized_name(), True
        first = fk.first_name_female() if sex == "F" else fk.first_name_male()
        if sex == "F" and hasattr(fk, "last_name_female"):
            last = fk.last_name_female()
        elif sex == "M" and hasattr(fk, "last_name_male"):
            last = fk.last_name_male()
        else:
            last = fk.last_name()
        if locale in ("es_MX", "es_CO", "es_ES") and self.chance(0.35):
            last = last + " " + fk.last_name()
        if romanize and locale in NON_LATIN:
            first = unidecode(first).strip().title().replace(" ", "")
            last = unidecode(last).strip().title().replace(" ", "")
            return first, last, True
        return first, last, locale not in NON_LATIN

    def person(self, locale=None, sex=None, age_range=(1, 95), old=0.08):
        p = Person()
        p.locale = locale or self.wpick(HOLD_LOCALES if self.hold else DEV_LOCALES)
        p.sex = sex or self.pick("FM")
        romanize = p.locale in ROMANIZABLE and self.chance(0.5)
        p.first, p.last, p.latin = self._name(p.locale, p.sex, romanize)
        p.family_first = p.locale in FAMILY_FIRST and not p.latin
        p.no_space = p.locale in NO_SPACE and not p.latin
        if p.latin and self.chance(0.35):
            mid = self._name(p.locale, p.sex)[0]
            p.middle = mid.split()[0]
        else:
            p.middle = ""
        if self.chance(old):
            age = self.ri(90, 101)
        else:
            age = self.ri(*age_range)
        p.dob = self.now - dt.timedelta(days=age * 365 + self.ri(0, 364))
        p.age = self.now.year - p.dob.year - ((self.now.month, self.now.day) < (p.dob.month, p.dob.day))
        city = self.pick(CITIES)
        p.city, p.state, p.zip3, areas = city
        p.zip = p.zip3 + self.digits(2)
        if self.chance(0.15):
            p.zip += "-" + self.digits(4)
        num = str(self.ri(1, 19999 if self.chance(0.3) else 9999))
        street = num + " "
        if self.chance(0.2):
            street += self.pick(DIRECTIONS) + " "
        street += self.pick(STREET_NAMES) + " " + self.pick(STREET_SUFFIX)
        p.street = street
        p.unit = ""
        if self.chance(0.3):
            p.unit = self.pick(UNITS).format(n=self.ri(1, 40) if self.chance(0.5) else self.ri(100, 2400),
                                             l=self.pick("ABCDEF"))
        p.phone = self.phone_num(self.pick(areas) if self.chance(0.8) else None)
        p.phone2 = self.phone_num(self.pick(areas))
        slug_f, slug_l = _ascii_slug(p.first), _ascii_slug(p.last)
        if p.locale in ("ar_AA", "ar_SA", "fa_IR", "he_IL", "hi_IN") and not p.latin or not slug_f or not slug_l:
            slug_f, slug_l = _ascii_slug(self._name("en_US", p.sex)[0]), self.pick(["jones", "khan", "ali", "sam", "lee"])
        user = self.pick([f"{slug_f}.{slug_l}", f"{slug_f}{slug_l[:1]}", f"{slug_f[:1]}{slug_l}",
                          f"{slug_f}_{slug_l}{self.ri(1, 99)}", f"{slug_l}{slug_f[:1]}{self.ri(10, 1999)}",
                          f"{slug_f}{p.dob.year % 100:02d}"])
        p.email = f"{user}@{self.pick(EMAIL_DOMAINS)}"
        p.ssn = make_ssn(self.r)
        fmt = self.pick(["d8", "d7", "d10", "a7", "e9", "d6"] + (["d9", "x8"] if self.hold else []))
        p.mrn = {"d8": "00" + self.digits(6), "d7": self.digits(7, True), "d10": self.digits(10, True),
                 "a7": self.pick("AEKMR") + self.digits(7), "e9": "E" + self.digits(9), "d6": self.digits(6, True),
                 "d9": self.digits(9, True), "x8": self.letters(2) + self.digits(8)}[fmt]
        mfmt = self.pick(["l3d9", "l3d9", "wd9", "hd8", "d9l", "l3d9s"])
        p.member_id = {"l3d9": self.letters(3) + self.digits(9), "wd9": "W" + self.digits(9),
                       "hd8": "H" + self.digits(8), "d9l": self.digits(9, True) + self.pick("ABCDM"),
                       "l3d9s": self.letters(3) + self.digits(9) + "0" + str(self.ri(1, 4))}[mfmt]
        p.mbi = make_mbi(self.r)
        p.acct = self.pick([self.digits(10, True), "V" + self.digits(9), "HAR" + self.digits(8), self.digits(8, True)])
        st = p.state
        p.dl = {"CA": self.pick("ABCDEFGHJKLMNPRSTUVWYZ") + self.digits(7), "NY": self.digits(9, True),
                "TX": self.digits(8, True),
                "FL": f"{p.last[:1].upper() if p.latin and p.last[:1].isalpha() else 'S'}{self.digits(3)}-{self.digits(3)}-{self.digits(2)}-{self.digits(3)}-{self.digits(1)}",
                "IL": f"{p.last[:1].upper() if p.latin and p.last[:1].isalpha() else 'S'}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}",
                }.get(st, self.letters(1) + self.digits(8))
        p.payer = self.pick(PAYERS)
        p.group = self.pick([self.digits(6, True), self.letters(1) + self.digits(5), "GRP" + self.digits(5)])
        p.relatives = []
        return p

    def relative(self, p, relation=None):
        rel, sex, code, label = relation or self.pick(RELATIONS)
        if rel in ("mother", "father") and p.age >= 55:
            rel, sex, code, label = self.pick([r for r in RELATIONS if r[0] in ("daughter", "son")])
        if p.age < 18 and rel not in ("mother", "father", "sister", "brother"):
            rel, sex, code, label = self.pick([r for r in RELATIONS if r[0] in ("mother", "father")])
        if rel in ("wife", "husband") and self.chance(0.9):
            rel, sex, code, label = ("wife", "F", "SPO", "Spouse") if p.sex == "M" else ("husband", "M", "SPO", "Spouse")
        loc = p.locale if self.chance(0.8) else None
        q = self.person(locale=loc, sex=sex, age_range=(18, 80), old=0)
        if rel in ("daughter", "son", "granddaughter", "sister", "brother", "father", "mother") and self.chance(0.7):
            q.last, q.latin, q.family_first, q.no_space = p.last, p.latin and q.latin, p.family_first, p.no_space
        q.rel, q.rel_code, q.rel_label = rel, code, label
        p.relatives.append(q)
        return q

    def staff(self):
        loc = self.wpick(STAFF_LOCALES)
        first, last, _ = self._name(loc, self.pick("FM"))
        return first.split()[0], last.split()[0]

    def staff_name(self, dr=False):
        f, l = self.staff()
        if dr:
            return self.pick([f"Dr. {f} {l}", f"{f} {l}, MD", f"{f} {l}, DO", f"Dr. {l}", f"{f} {l} MD", f"{f} {l}, NP"])
        return f"{f} {l}"

    def handle(self, full):
        f, _, l = full.partition(" ")
        return self.pick([f"{_ascii_slug(f)[:1]}{_ascii_slug(l)}", f"{_ascii_slug(f)}.{_ascii_slug(l)}",
                          f"{_ascii_slug(f)}{_ascii_slug(l)[:1]}"])

    # labelled renderings ------------------------------------------------------
    def name(self, p, style=None):
        """Labelled name pieces. Titles are dont_care, name text is phi."""
        fn, ln = p.first, p.last
        if not p.latin:
            sep = "" if p.no_space else " "
            if p.family_first:
                styles = ["native", "native", "comma"]
            else:
                styles = ["fl", "fl", "lf"]
            st = style if style in ("first", "last", "upper_lf", "hl7", "lf", "fl") else self.pick(styles)
            if st in ("native",):
                return P(f"{ln}{sep}{fn}", "person_name")
            if st in ("first",):
                return P(fn, "person_name")
            if st == "last":
                return P(ln, "person_name")
            if st == "hl7":
                return P(f"{ln}^{fn}", "person_name")
            if st in ("comma", "lf", "upper_lf"):
                return P(f"{ln}, {fn}", "person_name")
            return P(f"{fn} {ln}", "person_name")
        mid = p.middle
        st = style or self.pick(["fl", "fl", "fl", "fml", "fmil", "lf", "lfm", "upper_lf", "title_last"])
        if st == "fl":
            return P(f"{fn} {ln}", "person_name")
        if st == "fml":
            return P(f"{fn} {mid} {ln}" if mid else f"{fn} {ln}", "person_name")
        if st == "fmil":
            return P(f"{fn} {mid[0]}. {ln}" if mid else f"{fn} {ln}", "person_name")
        if st == "lf":
            return P(f"{ln}, {fn}", "person_name")
        if st == "lfm":
            return P(f"{ln}, {fn} {mid[0]}" if mid else f"{ln}, {fn}", "person_name")
        if st == "upper_lf":
            return P(f"{ln.upper()}, {fn.upper()}", "person_name")
        if st == "upper":
            return P(f"{fn.upper()} {ln.upper()}", "person_name")
        if st == "hl7":
            return P(f"{ln.upper()}^{fn.upper()}" + (f"^{mid[0].upper()}" if mid else ""), "person_name")
        if st == "first":
            return P(fn, "person_name")
        if st == "last":
            return P(ln, "person_name")
        if st == "title_last":
            t = ("Ms." if p.sex == "F" else "Mr.") if self.chance(0.7) else ("Mrs." if p.sex == "F" else "Mr.")
            return [D(t, "title"), " ", P(ln, "person_name")]
        raise ValueError(st)

    def dob(self, p, style=None):
        return P(self.fd(p.dob, style), "date")

    def date(self, d, style=None):
        return P(self.fd(d, style), "date")

    def phone(self, num, style=None, ext=None):
        return P(self.fp(num, style, ext), "phone")

    def street(self, p, with_unit=True):
        s = p.street + ((" " + p.unit) if (p.unit and with_unit) else "")
        return P(s, "street_address")

    def addr(self, p, style=None):
        """One-line address: street, city, ST zip."""
        st = style or self.pick(["comma", "comma", "nocomma", "fullstate", "twoline"])
        street = self.street(p, with_unit=True)
        if st == "twoline":
            return [street, "\n", P(p.city, "street_address"), ", ", D(p.state, "state"), " ", P(p.zip, "zip_code")]
        if st == "nocomma":
            return [street, " ", P(p.city, "street_address"), " ", D(p.state, "state"), " ", P(p.zip, "zip_code")]
        if st == "fullstate":
            return [street, ", ", P(p.city, "street_address"), ", ", D(STATE_NAME[p.state], "state"), " ", P(p.zip, "zip_code")]
        return [street, ", ", P(p.city, "street_address"), ", ", D(p.state, "state"), " ", P(p.zip, "zip_code")]

    def age(self, p, style=None):
        st = style or self.pick(["yo", "year-old", "y/o", "years old", "yo"])
        lab = P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
        sep = "-" if st == "year-old" else " "
        return [lab, sep + st]

    def ssn(self, p, style=None):
        st = style or self.pick(["dash", "dash", "dash", "space", "plain"])
        s = {"dash": p.ssn, "space": p.ssn.replace("-", " "), "plain": p.ssn.replace("-", "")}[st]
        return P(s, "ssn")

    def mbi(self, p, dashed=None):
        m = p.mbi
        if dashed if dashed is not None else self.chance(0.4):
            m = f"{m[:4]}-{m[4:7]}-{m[7:]}"
        return P(m, "medicare_mbi")

    def code(self, n=1):
        return self.r.sample(ICD10, n)

    def meds(self, n):
        return self.r.sample(MEDS, n)

    def med_line(self, m, with_dose=True):
        return [D(m[0], "medication"), (" " + m[1]) if with_dose else ""]

    def icd(self, c, desc=True, short=False):
        if not desc:
            return D(c[0], "diagnosis_code")
        return [D(c[2] if short else c[1], "condition"), " (", D(c[0], "diagnosis_code"), ")"]

    def stay(self, p):
        admit = self.recent(90)
        los = self.ri(1, 12)
        return admit, admit + dt.timedelta(days=los)

    def jira_key(self, projects=("EHR", "INT", "HL7", "IFACE", "LAB", "CLIN", "PLAT", "SUP", "RCM")):
        return f"{self.pick(projects)}-{self.ri(12, 9999)}"

    def jira_date(self, d=None):
        d = d or self.recent(20)
        h = self.ri(1, 12)
        return f"{d.day:02d}/{MON[d.month - 1]}/{d.year % 100:02d} {h}:{self.ri(0, 59):02d} {self.pick(['AM', 'PM'])}"

    def pkg(self):
        return f"com.{self.co_slug}.{self.pick(['ehr', 'integration', 'clinical', 'claims', 'portal', 'interop'])}"

    def device_serial(self):
        return self.pick([self.letters(3) + self.digits(6) + self.letters(1), "SN" + self.digits(9),
                          f"{self.digits(4)}-{self.digits(4)}-{self.digits(2)}", "NG" + self.digits(7) + "H",
                          f"(01)00{self.digits(12)}(17){self.now.year % 100 + 2:02d}1231(21){self.letters(2)}{self.digits(6)}"])

    def patient_url(self, p):
        host = self.pick([f"ehr.{self.co_slug}.org", "mychart.stmarys.org", "portal.mercygeneral.org", f"chart.{self.co_slug}-health.com",
                          "member.aetna.com", "secure.bcbsil.com"])
        return P(self.pick([f"https://{host}/chart/{p.mrn}", f"https://{host}/PatientChart.aspx?mrn={p.mrn}&enc={self.digits(9, True)}",
                            f"https://{host}/MyChart/Patient/{self.uuid()}/summary", f"https://{host}/members/{p.member_id}/claims",
                            f"https://{host}/app/patients/{p.mrn}/results?tab=labs"]), "url")

    def plate(self):
        return self.pick([f"{self.ri(1, 9)}{self.letters(3)}{self.digits(3)}", f"{self.letters(3)}-{self.digits(4)}",
                          f"{self.letters(3)} {self.digits(3)}", f"{self.digits(3)} {self.letters(3)}"])


# --------------------------------------------------------------------------
# Shared building blocks: HL7 v2, logs, stack frames, Jira headers
# --------------------------------------------------------------------------


def hl7_seg(name, fields):
    out = [name]
    n = max(fields) if fields else 0
    for i in range(1, n + 1):
        out.append("|")
        v = fields.get(i)
        if v is not None:
            out.append(v)
    return out


def hl7_ts(c, d, secs=True):
    s = f"{d.year}{d.month:02d}{d.day:02d}{c.ri(0, 23):02d}{c.ri(0, 59):02d}"
    return s + (f"{c.ri(0, 59):02d}" if secs else "")


def hl7_message(c, p, kind=None, sep="\n", upper=None, nk1=None, in1=None, dg1=None, obx=None, as_list=False):
    kind = kind or c.pick(["ADT^A01", "ADT^A04", "ADT^A08", "ADT^A03", "ORU^R01"])
    upper = c.chance(0.75) if upper is None else upper
    U = (lambda x: up(x)) if upper else (lambda x: x)
    fac = c.pick(FAC_CODES)
    app = c.pick(["EPIC", "CERNER", "MEDITECH", "ATHENA", "ECW", "ALLSCRIPTS"])
    rcv = c.pick(["LABSYS", "RIS", "BILLING", "HIE", "PHARM", "MIRTH"])
    ver = c.pick(["2.3", "2.3.1", "2.4", "2.5", "2.5.1"])
    admit, disch = c.stay(p)
    ev = kind.split("^")[1]
    segs = []
    segs.append(["MSH|^~\\&|", app, "|", fac, "|", rcv, "|", fac, "|", D(hl7_ts(c, admit), "date"), "||",
                 kind, ("^" + kind.replace("^", "_")) if ver >= "2.4" else "", "|", f"{c.pick(['MSG', 'Q', ''])}{c.digits(8)}",
                 "|", c.pick(["P", "P", "T"]), "|", ver])
    if kind.startswith("ADT"):
        segs.append(["EVN|", ev, "|", D(hl7_ts(c, admit), "date")])
    # PID
    pid = {1: "1"}
    ids = [P(p.mrn, "mrn"), f"^^^{fac}^MR"]
    if c.chance(0.3):
        ids += ["~", P(p.ssn.replace("-", "") if c.chance(0.5) else p.ssn, "ssn"), "^^^SSA^SS"]
    if c.chance(0.2) and p.age >= 65:
        ids += ["~", P(p.mbi, "medicare_mbi"), "^^^CMS^MC"]
    pid[3] = ids
    nm = f"{p.last}^{p.first}" + (f"^{p.middle}" if p.middle and c.chance(0.6) else "")
    pid[5] = [U(P(nm, "person_name")), "^^^^L" if c.chance(0.5) else ""]
    if c.chance(0.3):
        pid[6] = U(P(c.person(locale=p.locale, sex="F").last, "person_name"))
    pid[7] = P(hl7_ts(c, p.dob)[:8] if c.chance(0.8) else hl7_ts(c, p.dob, secs=False)[:8] + "0000", "date")
    pid[8] = p.sex
    if c.chance(0.5):
        pid[10] = c.pick(["2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC", "2028-9^Asian^CDCREC", "2131-1^Other Race^CDCREC"])
    street = [U(P(p.street, "street_address"))]
    street += ["^", U(P(p.unit, "street_address"))] if p.unit else ["^"]
    pid[11] = street + ["^", U(P(p.city, "street_address")), "^", D(p.state, "state"), "^", P(p.zip, "zip_code"), "^USA^H"]
    a, rest = p.phone[:3], p.phone[3:]
    pstyle = c.pick(["fmt", "xtn", "both", "fmt"])
    if pstyle == "fmt":
        pid[13] = P(c.fp(p.phone, "paren_tight", ext=False), "phone")
    elif pstyle == "xtn":
        pid[13] = ["^PRN^PH^^1^", P(a, "phone"), "^", P(rest, "phone")]
    else:
        pid[13] = [P(c.fp(p.phone, "paren_tight", ext=False), "phone"), "^PRN^PH^^^", P(a, "phone"), "^", P(rest, "phone")]
    if c.chance(0.3):
        pid[13] = [pid[13], "~^NET^Internet^", P(p.email, "email")]
    if c.chance(0.25):
        pid[14] = P(c.fp(p.phone2, "paren_tight", ext=False), "phone")
    pid[15] = c.pick(["ENG^English", "SPA^Spanish", "VIE^Vietnamese", "ENG", None])
    pid[16] = c.pick(["M", "S", "W", "D", None])
    if c.chance(0.6):
        pid[18] = [P(p.acct, "account_number"), f"^^^{fac}^AN" if c.chance(0.5) else ""]
    if c.chance(0.5):
        pid[19] = P(p.ssn if c.chance(0.5) else p.ssn.replace("-", ""), "ssn")
    if c.chance(0.2):
        pid[20] = [P(p.dl, "license_number"), "^", D(p.state, "state")]
    if kind == "ADT^A03" and p.age > 70 and c.chance(0.2):
        pid[29] = P(hl7_ts(c, disch), "date")
        pid[30] = "Y"
    segs.append(hl7_seg("PID", pid))
    if nk1 if nk1 is not None else c.chance(0.6):
        for i in range(c.pick([1, 1, 2])):
            q = c.relative(p)
            nk = {1: str(i + 1), 2: U(P(f"{q.last}^{q.first}", "person_name")), 3: f"{q.rel_code}^{q.rel_label}^HL70063"}
            if c.chance(0.5):
                nk[4] = [U(P(p.street, "street_address")), "^^", U(P(p.city, "street_address")), "^", D(p.state, "state"), "^", P(p.zip, "zip_code")]
            nk[5] = P(c.fp(q.phone, "paren_tight", ext=False), "phone")
            if c.chance(0.5):
                nk[7] = "EC^Emergency Contact^HL70131"
            segs.append(hl7_seg("NK1", nk))
    if kind.startswith("ADT") or c.chance(0.5):
        af, al = c.staff()
        npi = make_npi(c.r)
        pv1 = {1: "1", 2: c.pick(["I", "O", "E"]), 3: f"{c.pick(['4W', '3E', 'ICU', 'MS5', 'ED', 'L&D'])}^{c.ri(100, 599)}^{c.pick('AB')}^{fac}",
               4: c.pick(["E", "U", "R", "EL"]),
               7: [D(npi, "npi"), "^", D(f"{al.upper()}^{af.upper()}", "staff_name"), "^^^MD^^^^NPI"],
               10: c.pick(["MED", "SUR", "CAR", "ONC", "OBS", "PSY", "ORT"]), 18: c.pick(["IP", "OP", "ER"]),
               19: P(c.digits(c.pick([8, 9, 10]), True), "account_number")}
        if c.chance(0.7):
            pv1[44] = P(hl7_ts(c, admit, secs=c.chance(0.5)), "date")
        if kind == "ADT^A03" or c.chance(0.2):
            pv1[36] = c.pick(["01", "03", "06", "20"])
            pv1[45] = P(hl7_ts(c, disch, secs=c.chance(0.5)), "date")
        segs.append(hl7_seg("PV1", pv1))
    if in1 if in1 is not None else c.chance(0.5):
        ins = {1: "1", 2: c.pick(["BCBS001", "AET01", "UHC-PPO", "MCR", "HUM-MA", "CIG"]), 3: c.digits(5, True),
               4: p.payer.upper() if upper else p.payer}
        if c.chance(0.4):
            ins[7] = c.fp(c.phone_num(), "paren_tight", ext=False)
        ins[8] = D(p.group, "group_number")
        if c.chance(0.5):
            ins[12] = D(hl7_ts(c, dt.date(c.now.year, 1, 1))[:8], "date")
        if c.chance(0.6):
            ins[16] = U(P(f"{p.last}^{p.first}", "person_name"))
            ins[17] = c.pick(["SEL", "01", "18"])
            ins[18] = P(hl7_ts(c, p.dob)[:8], "date")
        ins[36] = P(p.mbi if p.payer.startswith("Medicare") else p.member_id, "medicare_mbi" if p.payer.startswith("Medicare") else "health_plan_id")
        segs.append(hl7_seg("IN1", ins))
    codes = c.code(dg1 if dg1 is not None else c.pick([0, 1, 1, 2, 3]))
    for i, cd in enumerate(codes):
        dg = {1: str(i + 1), 2: "I10", 3: [D(cd[0], "diagnosis_code"), "^", U(D(cd[1], "condition")), "^I10"]}
        if c.chance(0.6):
            dg[5] = P(hl7_ts(c, admit), "date")
        dg[6] = c.pick(["A", "W", "F"])
        segs.append(hl7_seg("DG1", dg))
    nobx = obx if obx is not None else (c.ri(2, 6) if kind.startswith("ORU") else c.pick([0, 0, 1, 2]))
    if nobx:
        if kind.startswith("ORU"):
            sf, sl = c.staff()
            obr_dt = hl7_ts(c, c.date_between(admit, disch))
            segs.append(hl7_seg("ORC", {1: "RE", 2: D(c.digits(8, True), "order_number"), 12: [D(make_npi(c.r), "npi"), "^", D(f"{sl.upper()}^{sf.upper()}", "staff_name")]}))
            segs.append(hl7_seg("OBR", {1: "1", 2: D(c.digits(8, True), "order_number"), 3: D(c.letters(2) + c.digits(7), "order_number"),
                                        4: c.pick(["24323-8^Comprehensive metabolic panel^LN", "58410-2^CBC panel^LN", "4548-4^Hemoglobin A1c^LN", "24331-1^Lipid panel^LN"]),
                                        7: P(obr_dt, "date"), 25: "F"}))
        for i, lab in enumerate(c.r.sample(LABS, min(nobx, len(LABS)))):
            code, name, unit, lo, hi, dec = lab
            val = round(c.r.uniform(lo * 0.8, hi * 1.3 + 0.01), dec)
            flag = "H" if val > hi else ("L" if val < lo else "N")
            ob = {1: str(i + 1), 2: "NM", 3: f"{code}^{name}^LN", 5: f"{val:.{dec}f}", 6: unit, 7: f"{lo}-{hi}", 8: flag, 11: "F"}
            if c.chance(0.6):
                ob[14] = P(hl7_ts(c, c.date_between(admit, disch)), "date")
            segs.append(hl7_seg("OBX", ob))
            if c.chance(0.15):
                segs.append(["NTE|1||", c.pick(["Specimen slightly hemolyzed.", "Result called to RN at bedside.", "Repeat confirmed."])])
    return segs if as_list else join(sep, segs)


THREADS = ["hl7-inbound-{n}", "pool-{n}-thread-{m}", "http-nio-8080-exec-{n}", "mllp-listener-{n}", "Camel (camel-1) thread #{n} - mllp://0.0.0.0:6661",
           "main", "scheduling-{n}", "ForkJoinPool.commonPool-worker-{n}", "kafka-consumer-{n}", "reactor-http-epoll-{n}"]
HL7_FRAMES = [
    ("ca.uhn.hl7v2.parser.PipeParser", "doParse", "PipeParser.java"), ("ca.uhn.hl7v2.parser.Parser", "parse", "Parser.java"),
    ("ca.uhn.hl7v2.model.v251.datatype.DT", "setValue", "DT.java"), ("ca.uhn.hl7v2.validation.impl.ValidationContextImpl", "validate", "ValidationContextImpl.java"),
    ("org.apache.camel.component.mllp.MllpTcpServerConsumer", "processMessage", "MllpTcpServerConsumer.java"),
    ("com.mirth.connect.donkey.server.channel.Channel", "dispatchRawMessage", "Channel.java"),
    ("java.base/java.util.concurrent.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java"),
    ("java.base/java.lang.Thread", "run", "Thread.java"),
]
APP_CLASSES = ["AdtInboundHandler", "PidSegmentMapper", "PatientMatchService", "OruResultRouter", "InsuranceUpdater",
               "EncounterSyncJob", "PatientService", "DemographicsTransformer", "MllpAckBuilder", "ChartFilingService"]
EXCEPTIONS = [("ca.uhn.hl7v2.HL7Exception", "Invalid date/time in PID-7"), ("ca.uhn.hl7v2.model.DataTypeException", "Invalid date format"),
              ("java.lang.NullPointerException", "Cannot invoke \"String.trim()\" because \"value\" is null"),
              ("ca.uhn.hl7v2.parser.EncodingNotSupportedException", "Can't parse message beginning MSH|^~\\&"),
              ("org.springframework.dao.DataIntegrityViolationException", "could not execute statement; constraint [uk_patient_mrn]"),
              ("java.lang.IllegalStateException", "Patient match returned 2 candidates"),
              ("java.time.format.DateTimeParseException", "Text '2024-13-01' could not be parsed at index 5"),
              ("javax.xml.bind.UnmarshalException", "unexpected element (uri:\"\", local:\"patient\")")]


def stack_frames(c, n=None, indent="\tat ", app=True):
    """Plausible frame order: library parser frames, then the app's, then the thread pool."""
    n = n or c.ri(3, 8)
    pkg = c.pkg()
    lib = [f for f in HL7_FRAMES if not f[0].startswith("java.base")]
    frames = c.r.sample(lib, min(len(lib), c.ri(1, 3)))
    if app:
        for _ in range(c.ri(1, 3)):
            cls = c.pick(APP_CLASSES)
            frames.append((f"{pkg}.{c.pick(['hl7', 'service', 'mapper', 'jobs', 'api'])}.{cls}", c.pick(["handle", "map", "process", "apply", "lambda$process$3", "execute"]), f"{cls}.java"))
    frames = frames[: max(1, n - 2)]
    frames += [f for f in HL7_FRAMES if f[0].startswith("java.base")]
    return [f"{indent}{cls}.{meth}({fn}:{c.ri(20, 980)})\n" for cls, meth, fn in frames]


def log_line(c, level, msg, style, d=None, thread=None):
    thread = thread or c.pick(THREADS).format(n=c.ri(1, 12), m=c.ri(1, 40))
    cls = f"{c.pkg()}.{c.pick(APP_CLASSES)}"
    short = ".".join(x[0] for x in cls.split(".")[:-1]) + "." + cls.split(".")[-1]
    if style == "logback":
        return [f"{c.ts(d, sep=' ', z='').replace('.', ',')} {level:<5} [{thread}] {short} - ", msg, "\n"]
    if style == "spring":
        return [f"{c.ts(d)} {level:>5} {c.ri(1000, 9999)} --- [{thread[:15]:>15}] {short:<40} : ", msg, "\n"]
    if style == "mirth":
        return [f"[{c.ts(d, sep=' ', z='').replace('.', ',')}]  {level} (com.mirth.connect.connectors.tcp.TcpReceiver:{c.ri(100, 900)}): ", msg, "\n"]
    if style == "json":
        return ['{"@timestamp":"', c.ts(d), f'","level":"{level}","thread":"{thread}","logger":"{cls}","message":"', msg, '"}\n']
    if style == "syslog":
        t = c.ts(d, sep=" ", frac=False, z="")
        dd = dt.date.fromisoformat(t[:10])
        return [f"{MON[dd.month - 1]} {dd.day:2d} {t[11:]} {c.pick(['intg-prod-02', 'hl7-eng-01', 'ehr-app-3'])} java[{c.ri(1000, 65000)}]: {level} ", msg, "\n"]
    raise ValueError(style)


def hl7_log_block(c, p, style=None, leak=True, n=None):
    style = style or c.pick(["logback", "spring", "mirth", "syslog"] + (["json"] if c.hold else []))
    out = []
    srv = c.ip()
    msgs = [
        [f"Received message {c.digits(8)} from {srv}:{c.pick([2575, 6661, 7001, 5000])} ({c.ri(400, 4000)} bytes)"],
        [f"ACK AE sent for control id {c.digits(8)}"],
        [f"Connection from {c.ip()} closed by peer"],
        [f"Retry {c.ri(1, 5)}/5 scheduled in {c.pick([30, 60, 120])}s"],
        [f"Channel '{c.pick(['ADT_IN', 'ORU_TO_EHR', 'LAB_RESULTS', 'REG_FEED'])}' queue depth={c.ri(1, 800)}"],
    ]
    if leak:
        nm = c.name(p, c.pick(["upper_lf", "lf", "fl", "hl7"]) if p.latin else None)
        msgs += [
            ["Patient lookup failed for MRN=", P(p.mrn, "mrn"), f" facility={c.pick(FAC_CODES)}"],
            ["PID-7 value '", P(c.fd(p.dob, "hl7"), "date"), "' rejected by validator"],
            ["Duplicate candidate: name=", nm, " dob=", P(c.fd(p.dob, "iso"), "date"), f" score=0.{c.ri(80, 99)}"],
        ]
    chosen = c.r.sample(msgs, min(len(msgs), n or c.ri(3, 5)))
    if leak and not any(isinstance(x, Lab) for m in chosen for x in m):
        chosen[0] = msgs[-c.ri(1, 3)]
    for m in chosen:
        out.append(log_line(c, c.pick(["INFO", "WARN", "ERROR", "ERROR", "DEBUG"]), m, style))
    exc, emsg = c.pick(EXCEPTIONS)
    if style != "json":
        out.append(log_line(c, "ERROR", [f"Failed to process message"], style))
        out.append(f"{exc}: {emsg}\n")
        out += stack_frames(c)
        if c.chance(0.4):
            e2, m2 = c.pick(EXCEPTIONS)
            out.append(f"Caused by: {e2}: {m2}\n")
            out += stack_frames(c, c.ri(2, 4))
            out.append(f"\t... {c.ri(5, 40)} common frames omitted\n")
    return out


def jira_header(c, d, key, summary, style=None, status=None, kind="Bug"):
    rep, asg = c.staff_name(), c.staff_name()
    style = style or c.pick(["fields", "wiki", "md", "notif"])
    status = status or c.pick(["Open", "In Progress", "To Do", "Triage", "Reopened"])
    prio = c.pick(["Major", "Critical", "High", "Medium", "Blocker"])
    if style == "fields":
        d.add(f"{key} {summary}\n" if c.chance(0.5) else f"[{key}] {summary}\n")
        d.add(f"Type: {kind}    Status: {status}    Priority: {prio}\n")
        d.add("Reporter: ", D(rep, "staff_name"), "\nAssignee: ", D(asg, "staff_name") if c.chance(0.85) else "Unassigned", "\n")
        cr = c.recent(20)
        d.add(f"Created: {c.jira_date(cr)}    Updated: {c.jira_date(cr + dt.timedelta(days=c.ri(0, 6)))}\n")
        if c.chance(0.5):
            d.add(f"Components: {c.pick(['HL7 Interfaces', 'Registration', 'Results', 'Integration Engine', 'Claims'])}\n")
        if c.chance(0.5):
            d.add(f"Affects Version/s: {c.now.year}.{c.ri(1, 4)}.{c.ri(0, 9)}    Fix Version/s: {c.now.year}.{c.ri(1, 4)}.{c.ri(0, 9)}\n")
        d.add("\nDescription\n")
    elif style == "wiki":
        d.add(f"h2. {key}: {summary}\n")
        d.add("*Reporter:* [~", D(c.handle(rep), "staff_name"), "]  *Assignee:* [~", D(c.handle(asg), "staff_name"), f"]  *Priority:* {prio}\n\n")
        d.add("h3. Description\n")
    elif style == "md":
        d.add(f"# {key}: {summary}\n\n")
        d.add("**Reporter:** @", D(c.handle(rep), "staff_name"), " · **Assignee:** @", D(c.handle(asg), "staff_name"), f" · **Status:** {status}\n\n")
    else:
        d.add(f"[JIRA] ({key}) {summary}\n")
        d.add(D(rep, "staff_name"), f" created an issue\n\n{c.pick(['Integrations', 'EHR Platform', 'Revenue Cycle', 'Clinical Apps'])} / {key}\n{summary}\n\n")
        d.add(f"Issue Type: {kind}\nAssignee: ", D(asg, "staff_name"), "\nCreated: ", f"{c.jira_date()}\n", f"Priority: {prio}\nReporter: ", D(rep, "staff_name"), "\n\n")
    return rep, asg


def jesc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


# ==========================================================================
# PHI family: jira_hl7
# ==========================================================================

HL7_SUMMARIES = (
    ["ADT^A08 updates rejected by {eng} - PID-7 parse error", "Lab results (ORU^R01) not filing to chart for some patients",
     "Duplicate patient created from inbound ADT^A04", "NK1 segment dropped when forwarding ADT to billing",
     "HL7 listener throws exception on messages from {app}", "IN1 insurance not updated after A08",
     "Admit messages stuck in error queue after {eng} upgrade", "PID-11 address components shifted by one in outbound feed"],
    ["Registration feed: PV1-44 admit time off by one hour after DST change", "Inbound A03 discharges land in dead-letter queue",
     "OBX-5 numeric results truncated before filing", "Patient merge message fails validation on PID-3 repetition",
     "Outbound ADT to HIE missing NK1 phone", "Downstream RIS rejects A01 with AE ack"],
)


def _hl7_summary(c):
    return c.pick(HL7_SUMMARIES[1] if c.hold else HL7_SUMMARIES[0]).format(eng=c.pick(ENGINES), app=c.pick(EHRS))


def _hl7_intro(c, p, d):
    eng, app = c.pick(ENGINES), c.pick(EHRS)
    if not c.hold:
        d.add(c.pick([
            f"Since the {c.now.year}.{c.ri(1, 4)} deploy the {eng} channel rejects some inbound messages from {app}. ",
            f"Interface team reports intermittent AE acks from the {eng} listener. ",
            f"Messages from {app} are failing in PROD, roughly {c.ri(2, 60)} per hour. ",
        ]))
        if c.chance(0.6):
            d.add(c.pick(["Affected patient: ", "Example patient: ", "Seen for patient "]), c.name(p), " (",
                  c.ph("mrn"), " ", P(p.mrn, "mrn"), ")", c.pick([". ", " - ", ", "]))
            if c.chance(0.25):
                d.add("Chart: ", c.patient_url(p), " . ")
        d.add(c.pick(["Sample message from the error queue below.\n", "Copied the raw message and the log excerpt.\n",
                      "See message + stack trace.\n"]))
    else:
        d.add(c.pick([
            f"Clinicians on {c.pick(['4 West', 'the ED', 'L&D', 'oncology'])} say results are not showing up in {app}. ",
            f"After switching to the new {eng} route, a subset of messages never reaches the EHR. ",
        ]))
        if c.chance(0.6):
            d.add("The chart in question belongs to ", c.name(p), ", born ", c.dob(p), ". ")
        d.add(c.pick(["Raw payload pulled from the archive:\n", "Here's what the engine logged:\n"]))


def jira_hl7_v1(c, d):
    p = c.person()
    key = c.jira_key()
    jira_header(c, d, key, _hl7_summary(c), "fields")
    _hl7_intro(c, p, d)
    d.add("\n{code}\n", hl7_message(c, p), "\n{code}\n\n")
    d.add(c.pick(["Log:\n", "Server log (prod-intg-02):\n", "Stack trace:\n"]), "{noformat}\n", hl7_log_block(c, p), "{noformat}\n")
    if c.chance(0.5):
        d.add("\n", c.ph("asap"), "\n")


def jira_hl7_v2(c, d):
    p = c.person()
    jira_header(c, d, c.jira_key(), _hl7_summary(c), "wiki")
    d.add("h3. Steps to reproduce\n")
    d.add(f"# Resend control id {c.digits(8)} from the {c.pick(ENGINES)} message browser\n# Watch the channel log\n# Check the chart in {c.pick(EHRS)}\n\n")
    kind = c.pick(["ADT^A08", "ADT^A01", "ADT^A04"])
    d.add("h3. Sample message\n", f"{{code:title={kind.replace('^', '_').lower()}.hl7}}\n", hl7_message(c, p, kind=kind), "\n{code}\n\n")
    d.add("h3. Actual\n{noformat}\n", hl7_log_block(c, p, leak=c.chance(0.6)), "{noformat}\n\n")
    d.add("h3. Expected\n", c.pick(["Message is accepted and the demographics update.", "AA ack and the encounter is created.",
                                   "Patient is matched to the existing MRN, no duplicate."]), "\n")
    if c.chance(0.5):
        d.add("\nPatient for reference: ", c.name(p), ", ", c.ph("dob"), " ", c.dob(p), ", ", c.ph("phone").lower(), " ", c.phone(p.phone), "\n")
    if c.chance(0.4):
        d.add("Chart: ", c.patient_url(p), "\n")


def jira_hl7_v3(c, d):
    p = c.person()
    rep, asg = jira_header(c, d, c.jira_key(), _hl7_summary(c), "md")
    d.add("## Problem\n")
    _hl7_intro(c, p, d)
    d.add("\n```hl7\n", hl7_message(c, p, kind=c.pick(["ORU^R01", "ADT^A01", "ADT^A03"])), "\n```\n\n## Logs\n```\n",
          hl7_log_block(c, p), "```\n")
    d.add("\ncc @", D(c.handle(c.staff_name()), "staff_name"), " @", D(c.handle(c.staff_name()), "staff_name"), "\n")


def jira_hl7_v4(c, d):
    p = c.person()
    jira_header(c, d, c.jira_key(), _hl7_summary(c), "fields")
    d.add(c.pick(["Results are not filing, see comments.", "Interface errors since Monday.", "Investigating, details in comments."]), "\n\nComments\n")
    for i in range(c.ri(2, 4)):
        who = c.staff_name()
        d.add("\n", D(who, "staff_name"), f" added a comment - {c.jira_date()}\n")
        if i == 0:
            d.add(c.pick(["Here is one of the failing messages:", "Pulled this from the archive:", "Raw message:"]), "\n{noformat}\n",
                  hl7_message(c, p, kind="ORU^R01"), "\n{noformat}\n")
        elif i == 1:
            d.add("Log from the listener:\n{code}\n", hl7_log_block(c, p, leak=c.chance(0.5)), "{code}\n")
        else:
            d.add(c.pick([
                ["Looks like PID-7 for ", c.name(p), " carries a timezone offset. Fix in review."],
                ["Called the unit; ", c.name(p, "title_last"), " was discharged on ", c.date(c.stay(p)[1]), ", closing the encounter manually."],
                [f"Deployed hotfix {c.now.year}.{c.ri(1, 4)}.{c.ri(1, 9)}-hf{c.ri(1, 5)} to PROD, please retest."],
            ]), "\n")


def jira_hl7_v5(c, d):
    p = c.person()
    jira_header(c, d, c.jira_key(), _hl7_summary(c), c.pick(["notif", "fields"]))
    d.add(c.pick(["Found this in the engine log; the message is logged on one line:", "Error log shows the whole message inline:"]), "\n\n")
    style = c.pick(["logback", "spring", "mirth"])
    for m in hl7_log_block(c, p, style=style, leak=False, n=2)[:2]:
        d.add(m)
    msg = vmap(hl7_message(c, p, sep="\r"), lambda s: s.replace("\\", "\\\\").replace("\r", "\\r"))
    d.add(log_line(c, "ERROR", ["Unparseable message: ", msg], style))
    exc, emsg = c.pick(EXCEPTIONS)
    d.add(f"{exc}: {emsg}\n", stack_frames(c))
    if c.chance(0.5):
        d.add("\nServer: ", c.ip(), f" / {c.pick(['intg-prod-01', 'intg-prod-02', 'mirth-dr'])}, build {c.ri(1000, 9999)}\n")


def jira_hl7_v6(c, d):
    jira_header(c, d, c.jira_key(), _hl7_summary(c), c.pick(["notif", "wiki"]))
    d.add(c.pick(["Failed messages from last night's batch:", "Error queue snapshot:"]), "\n\n||Control ID||Event||Patient||Error||\n")
    pts = [c.person() for _ in range(c.ri(2, 4))]
    for p in pts:
        d.add(f"|{c.digits(10)}|{c.pick(['A01', 'A04', 'A08', 'A03'])}|", c.name(p, c.pick(["lf", "upper_lf"]) if p.latin else None), " (",
              P(p.mrn, "mrn"), f")|{c.pick(['PID-7 invalid', 'PV1-3 unknown location', 'IN1-36 too long', 'NK1-2 missing'])}|\n")
    p = pts[0]
    segs = hl7_message(c, p, as_list=True)
    keep = [s for s in segs if plain(s[0] if isinstance(s, list) else s)[:3] in ("PID", "PV1", "NK1", "IN1")]
    d.add("\nRelevant segments for the first one:\n{noformat}\n", join("\n", keep or segs), "\n{noformat}\n\n")
    exc, emsg = c.pick(EXCEPTIONS)
    d.add("{code:java}\n", f"{exc}: {emsg}\n", stack_frames(c), "{code}\n")


def jira_hl7_h1(c, d):
    """Jira REST/JSON export of the issue; the HL7 sits in the description with escaped CRs."""
    p = c.person()
    key = c.jira_key()
    rep, asg = c.staff_name(), c.staff_name()
    desc = []
    desc.append(c.pick(["Inbound feed failing, message below", "Raw message attached from archive"]) + ":\n\n")
    desc.append(hl7_message(c, p, sep="\r"))
    desc.append("\n\n")
    if c.chance(0.7):
        desc.append(["Patient ", c.name(p), " called the clinic twice about missing results."])
    desc = vmap(desc, jesc)
    ind = c.pick(["  ", "    "])
    d.add("{\n", f'{ind}"key": "{key}",\n{ind}"fields": {{\n')
    d.add(f'{ind}{ind}"summary": "{jesc(_hl7_summary(c))}",\n')
    d.add(f'{ind}{ind}"issuetype": {{"name": "Bug"}},\n')
    d.add(f'{ind}{ind}"reporter": {{"displayName": "', D(rep, "staff_name"), f'", "accountId": "{c.hexs(24)}"}},\n')
    d.add(f'{ind}{ind}"assignee": {{"displayName": "', D(asg, "staff_name"), '"},\n')
    d.add(f'{ind}{ind}"created": "{c.ts(c.recent(10), z="+0000")}",\n')
    d.add(f'{ind}{ind}"description": "', desc, '",\n')
    d.add(f'{ind}{ind}"labels": ["hl7", "{c.pick(["prod", "interface", "p1"])}"]\n{ind}}}\n}}\n')


def jira_hl7_h2(c, d):
    p = c.person()
    jira_header(c, d, c.jira_key(), _hl7_summary(c), c.pick(["md", "fields"]))
    _hl7_intro(c, p, d)
    d.add("\nSteps to reproduce:\n1. Replay the message below through the test harness\n2. Observe structured log output\n\n")
    d.add("Message:\n", hl7_message(c, p, kind=c.pick(["ORU^R01", "ADT^A08"])), "\n\nLog (JSON):\n", hl7_log_block(c, p, style="json"))


def jira_hl7_h3(c, d):
    """HL7 pasted from a browser that collapsed the segment breaks into spaces."""
    p = c.person()
    jira_header(c, d, c.jira_key(), _hl7_summary(c), c.pick(["notif", "wiki"]))
    d.add(c.pick(["Copied from the monitoring dashboard (line breaks lost):", "Message text as shown in the alert email:"]), "\n\n")
    d.add(hl7_message(c, p, sep=" "), "\n\n")
    d.add(hl7_log_block(c, p, leak=c.chance(0.5), style="syslog"))


# ==========================================================================
# PHI family: confluence_patient_table
# ==========================================================================

COLS = {
    "name": (["Patient", "Patient Name", "Name"], ["Pt", "Full name", "Legal name"]),
    "dob": (["DOB", "Date of Birth", "Birthdate"], ["Born", "Birth date", "D.O.B"]),
    "age": (["Age"], ["Age (yrs)"]),
    "sex": (["Sex", "Gender"], ["M/F", "Sex at birth"]),
    "mrn": (["MRN", "Medical Record #"], ["Chart #", "MR Number"]),
    "admit": (["Admit", "Admit Date", "Admitted"], ["Adm. date", "Arrival"]),
    "room": (["Unit/Room", "Room", "Bed"], ["Location", "Rm"]),
    "attending": (["Attending", "Provider"], ["Physician", "Attending MD"]),
    "dx": (["Dx", "Diagnosis"], ["Problem", "Primary dx"]),
    "phone": (["Phone", "Contact #"], ["Mobile", "Tel."]),
    "address": (["Address", "Home Address"], ["Residence", "Street address"]),
    "member": (["Member ID", "Insurance ID"], ["Plan ID", "Subscriber #"]),
    "payer": (["Payer", "Insurance"], ["Plan", "Carrier"]),
    "notes": (["Notes", "Comments"], ["Remarks", "Follow-up"]),
    "ssn": (["SSN"], ["Social"]),
    "email": (["Email"], ["E-mail address"]),
}


def col_head(c, k):
    dev, hold = COLS[k]
    return c.pick(hold if c.hold else dev)


def col_val(c, p, k, esc=lambda s: s, name_style=None):
    if k == "name":
        return vmap(c.name(p, name_style) if p.latin else c.name(p), esc)
    if k == "dob":
        return c.dob(p)
    if k == "age":
        return P(str(p.age), "age_over_89") if p.age >= 90 else str(p.age)
    if k == "sex":
        return c.pick([p.sex, {"F": "Female", "M": "Male"}[p.sex]])
    if k == "mrn":
        return P(p.mrn, "mrn")
    if k == "admit":
        return c.date(c.stay(p)[0])
    if k == "room":
        return f"{c.pick(['4W', '3E', 'ICU', '5N', 'MS2', 'ED'])}-{c.ri(100, 540)}{c.pick(['', 'A', 'B'])}"
    if k == "attending":
        return D(c.staff_name(dr=c.chance(0.5)), "staff_name")
    if k == "dx":
        cd = c.code()[0]
        return c.pick([[D(cd[2], "condition")], [D(cd[0], "diagnosis_code")], [D(cd[2], "condition"), " ", D(cd[0], "diagnosis_code")]])
    if k == "phone":
        return c.phone(p.phone)
    if k == "address":
        return vmap(c.addr(p, c.pick(["comma", "nocomma"])), esc)
    if k == "member":
        return P(p.member_id, "health_plan_id")
    if k == "payer":
        return p.payer
    if k == "notes":
        m = c.pick(MEDS)
        opts = [
            ["on ", D(m[0], "medication"), ", needs renal dosing"],
            ["fall risk; ", c.pick(["daughter", "son", "wife"]), " ", c.name(c.relative(p), "first"), " at bedside"],
            [c.pick(["DNR", "Full code", "NPO after midnight", "Isolation: contact"])],
            ["test scenario ", str(c.ri(1, 30))],
            ["interpreter needed (", c.pick(["Spanish", "Vietnamese", "Mandarin", "Arabic", "Polish"]), ")"],
        ]
        return vmap(c.pick(opts), esc)
    if k == "ssn":
        return c.ssn(p, "dash")
    if k == "email":
        return P(p.email, "email")
    raise KeyError(k)


def _pick_cols(c):
    core = ["name"] + c.r.sample(["dob", "age"], 1) + ["mrn"]
    extra = c.r.sample(["admit", "room", "attending", "dx", "phone", "address", "member", "payer", "notes", "sex", "ssn", "email"], c.ri(2, 5))
    cols = core + extra
    if c.chance(0.4):
        c.r.shuffle(cols)
    return cols


def _conf_chrome(c, d, title=None):
    title = title or c.pick([
        f"Test patients for {c.pick(['4 West', 'Oncology', 'the ED', 'L&D', 'Ambulatory'])} go-live",
        "Patients affected by the ADT outage", "Pilot cohort - remote monitoring", "Readmission review list",
        f"{c.pick(EHRS)} conversion validation - sample charts", "Discharge follow-up tracker",
    ] if not c.hold else [
        "Chart abstraction worklist", "Care management outreach list", "Prior auth escalations", "Data quality sweep - demographics"])
    crumbs = c.pick(["Clinical Informatics", "Integration Team", "Care Management", "Revenue Cycle", "Quality"])
    d.add(f"{crumbs} / {c.pick(['Go-Live', 'Projects', 'Operations', 'Worklists'])}\n{title}\n")
    d.add("Created by ", D(c.staff_name(), "staff_name"))
    if c.chance(0.5):
        d.add(f", last modified on {c.fd(c.recent(60), 'long')}\n\n")
    else:
        d.add(", last modified by ", D(c.staff_name(), "staff_name"), f" on {c.fd(c.recent(60), 'abbr')}\n\n")
    d.add(c.pick([
        "Do not share outside the team. ", "Internal use only. ", "", "Restricted page - PHI. ",
    ]), c.pick([
        "These are the charts we used to validate the conversion.",
        "List of patients still needing a follow-up call.",
        "Patients impacted by the interface issue, for the incident review.",
        "Worklist for this week; update the status column when done.",
    ] if not c.hold else [
        "Outreach targets for the quarter, owner in the last column.",
        "Members whose records failed the demographics check.",
    ]), "\n\n")


def confluence_v1(c, d):
    _conf_chrome(c, d)
    cols = _pick_cols(c)
    d.add("||" + "||".join(col_head(c, k) for k in cols) + "||\n")
    ns = c.pick(["lf", "fl", "upper_lf"])
    for _ in range(c.ri(3, 7)):
        p = c.person()
        d.add("|", join("|", [col_val(c, p, k, name_style=ns) for k in cols]), "|\n")
    if c.chance(0.5):
        d.add("\n{info}Source: ", c.pick(EHRS), f" report run {c.fd(c.recent(5), 'iso')}.{{info}}\n")


def confluence_v2(c, d):
    d.add(f"# {c.pick(['Sample charts', 'Patient list', 'Validation cohort', 'Outreach list'])}\n\n")
    d.add("_Owner:_ ", D(c.staff_name(), "staff_name"), "  \n", f"_Updated:_ {c.fd(c.recent(30), 'iso')}\n\n")
    cols = _pick_cols(c)
    d.add("| " + " | ".join(col_head(c, k) for k in cols) + " |\n")
    d.add("|" + "|".join(c.pick(["---", ":---", "-----"]) for _ in cols) + "|\n")
    ns = c.pick(["fl", "lf", "fml"])
    for _ in range(c.ri(3, 8)):
        p = c.person()
        d.add("| ", join(" | ", [col_val(c, p, k, name_style=ns) for k in cols]), " |\n")
    d.add("\n", c.pick(["Questions -> #clin-informatics", "Next review: Thursday huddle", "Status legend: done / pending / n/a"]), "\n")


def confluence_v3(c, d):
    _conf_chrome(c, d)
    bold = c.chance(0.5)
    for i in range(c.ri(2, 4)):
        p = c.person()
        d.add(f"{'h4. ' if bold else ''}Case {i + 1}\n")
        fields = [("name", c.ph("name")), ("dob", c.ph("dob")), ("mrn", c.ph("mrn"))]
        fields += c.r.sample([("phone", c.ph("phone")), ("address", c.ph("address")), ("member", c.ph("member")),
                              ("dx", "Diagnosis"), ("attending", "Attending"), ("admit", c.ph("admit")), ("ssn", c.ph("ssn"))], c.ri(2, 4))
        for k, lab in fields:
            d.add(f"*{lab}:* " if bold else f"{lab}: ", col_val(c, p, k), "\n")
        if c.chance(0.5):
            q = c.relative(p)
            d.add(f"{'*Emergency contact:* ' if bold else 'Emergency contact: '}", c.name(q), f" ({q.rel}) ", c.phone(q.phone), "\n")
        d.add("\n")


def confluence_v4(c, d):
    """Table copied out of the rendered page: tab separated, header first."""
    d.add(c.pick(["Copied from the Confluence page", "Pasted from the worklist page", "From the cohort page"]), f" ({c.fd(c.recent(9), 'us')}):\n\n")
    cols = _pick_cols(c)
    d.add("\t".join(col_head(c, k) for k in cols) + "\n")
    for _ in range(c.ri(4, 9)):
        p = c.person()
        d.add(join("\t", [col_val(c, p, k, name_style="lf") for k in cols]), "\n")


def confluence_v5(c, d):
    p = c.person()
    _conf_chrome(c, d, c.pick(["Escalation: wrong patient merged", "Chart correction request", "Identity mismatch investigation"]))
    d.add("{panel:title=Patient demographics|borderStyle=solid}\n")
    d.add(f"{c.ph('name')}: ", c.name(p), "\n", f"{c.ph('dob')}: ", c.dob(p), "\n", f"{c.ph('mrn')}: ", P(p.mrn, "mrn"), "\n")
    d.add(f"{c.ph('address')}: ", c.addr(p), "\n", f"{c.ph('phone')}: ", c.phone(p.phone), "\n")
    if c.chance(0.6):
        d.add(f"{c.ph('member')}: ", P(p.member_id, "health_plan_id"), f" ({p.payer})\n")
    d.add("{panel}\n\n")
    q = c.pick(["merged", "linked"])
    other = c.person(locale=p.locale)
    d.add(f"The chart was {q} with ", c.name(other), " (", c.ph("mrn"), " ", P(other.mrn, "mrn"), ") during registration on ",
          c.date(c.recent(40)), ". ", c.pick(["Both are", "Both patients are"]), " ", c.pick(["seen at", "registered at"]), " ",
          D(c.pick(FACILITIES), "facility"), ".\n\n")
    d.add("h3. Timeline\n")
    for _ in range(c.ri(2, 4)):
        d.add("* ", D(c.fd(c.recent(30), 'iso'), "date"), f" {c.hhmm()} - ", c.pick([
            ["Registrar ", D(c.staff_name(), "staff_name"), " selected wrong candidate"],
            ["HIM notified, ticket ", c.jira_key(("HIM", "SUP")), " opened"],
            ["Lab result for ", c.pick(["glucose", "CBC", "troponin"]), " filed to wrong chart"],
            ["Called patient's ", c.pick(["daughter", "son", "husband"]), " at ", c.phone(c.phone_num())],
            ["Chart reviewed: ", c.patient_url(p)],
        ]), "\n")
    d.add("\nRelated: ", c.jira_key(), "\n")


def confluence_v6(c, d):
    _conf_chrome(c, d, c.pick(["Case review - readmissions", "Morbidity & mortality prep", "Sepsis bundle audit"]))
    for i in range(c.ri(2, 3)):
        p = c.person()
        admit, disch = c.stay(p)
        cd = c.code()[0]
        d.add(f"{{expand:title=Case {i + 1}}}\n")
        d.add(c.name(p), ", ", c.age(p), " ", "female" if p.sex == "F" else "male", ", admitted ", c.date(admit), " for ", D(cd[2], "condition"),
              ", discharged ", c.date(disch), ". ", c.pick(["Readmitted within 30 days.", "Bundle elements missed.", "Transferred to ICU on day 2."]), "\n")
        d.add("||Item||Value||\n|", c.ph("mrn"), "|", P(p.mrn, "mrn"), "|\n|Attending|", D(c.staff_name(dr=True), "staff_name"), "|\n")
        d.add("|Meds|", join(", ", [D(m[0], "medication") for m in c.meds(c.ri(1, 3))]), "|\n{expand}\n\n")


def _xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def confluence_h1(c, d):
    """Confluence storage format (XHTML) of a table."""
    cols = _pick_cols(c)
    d.add(f"<h2>{_xml_esc(c.pick(['Outreach list', 'Audit sample', 'Worklist']))}</h2>\n")
    d.add("<p>Maintained by <ac:link><ri:user ri:username=\"", D(c.handle(c.staff_name()), "staff_name"), "\" /></ac:link></p>\n")
    d.add("<table data-layout=\"default\"><colgroup>" + "<col />" * len(cols) + "</colgroup><tbody>\n<tr>")
    d.add("".join(f"<th><p><strong>{col_head(c, k)}</strong></p></th>" for k in cols), "</tr>\n")
    for _ in range(c.ri(3, 6)):
        p = c.person()
        d.add("<tr>")
        for k in cols:
            d.add("<td><p>", col_val(c, p, k, esc=_xml_esc, name_style="fl"), "</p></td>")
        d.add("</tr>\n")
    d.add("</tbody></table>\n")


def confluence_h2(c, d):
    d.add(c.pick(["Outreach - week ", "Callback list - week "]), str(c.ri(1, 52)), "\n\n")
    for _ in range(c.ri(3, 6)):
        p = c.person()
        d.add("* ", c.name(p), " (", c.dob(p), ") — ", c.ph("mrn"), " ", P(p.mrn, "mrn"), "\n")
        d.add("  ** ", c.ph("phone"), ": ", c.phone(p.phone), "\n")
        if c.chance(0.6):
            d.add("  ** ", c.addr(p, "comma"), "\n")
        if c.chance(0.5):
            q = c.relative(p)
            d.add("  ** contact: ", q.rel, " ", c.name(q), ", ", c.phone(q.phone), "\n")
        d.add("  ** status: ", c.pick(["left voicemail", "scheduled", "declined", "wrong number"]), "\n")


# ==========================================================================
# PHI family: support_ticket
# ==========================================================================

PROBLEMS = (
    ["claim was denied as a duplicate", "the portal shows the wrong primary care provider", "the ID card never arrived",
     "prior authorization for an MRI is stuck in pending", "the pharmacy says coverage terminated", "a bill was sent to collections by mistake",
     "the appointment reminder texts go to the wrong person", "lab results are visible under someone else's account"],
    ["the EOB lists a procedure that never happened", "the member portal locks her out after the password reset",
     "the refill was rejected for a non-formulary drug", "the address change did not go through"],
)


def _prob(c):
    return c.pick(PROBLEMS[1] if c.hold else PROBLEMS[0])


def support_v1(c, d):
    p = c.person()
    d.add(f"Ticket #{c.ri(10000, 999999)} | Priority: {c.pick(['High', 'Normal', 'Urgent'])} | Queue: {c.pick(['Member Services', 'Provider Relations', 'Billing', 'Portal Support'])}\n")
    d.add("Opened by: ", D(c.staff_name(), "staff_name"), " on ", D(c.fd(c.recent(5), 'us'), "date"), f" {c.hhmm()}\n\n")
    d.add("Caller: ", c.name(p), c.pick([" (member)", " (self)", ""]), "\n")
    if c.chance(0.4):
        q = c.relative(p)
        d.add("Calling on behalf: ", c.name(q), f" ({q.rel})\n")
    d.add(f"{c.ph('dob')}: ", c.dob(p), "\n", f"{c.ph('member')}: ", P(p.member_id, "health_plan_id"), "\n")
    d.add(f"Callback: ", c.phone(p.phone), "\n")
    if c.chance(0.6):
        d.add(f"{c.ph('address')}: ", c.addr(p), "\n")
    d.add("\nIssue: Member states ", _prob(c), ". ")
    d.add(c.pick(["Verified identity with DOB and address. ", "HIPAA verification passed. ", "Verified last four of SSN ("]))
    if plain(d.parts[-1]).endswith("("):
        d.add(D(p.ssn[-4:], "ssn"), "). ")
    d.add(c.pick(["Escalating to tier 2.", "Need claims team to reprocess.", "Please review and call member back within 48h."]), "\n")


def support_v2(c, d):
    p = c.person()
    d.add(c.ph("greet"), "\n\n")
    d.add(c.pick(["We have a patient, ", "Our patient ", "Patient "]), c.name(p), " (", c.ph("dob"), " ", c.dob(p), ")",
          c.pick([", who ", " "]), c.pick(["called this morning because ", "reports that ", "is upset because "]), _prob(c), ". ")
    if c.chance(0.6):
        d.add(("Her" if p.sex == "F" else "His") if c.chance(0.5) else "The", " ", c.ph("member").lower(), " is ", P(p.member_id, "health_plan_id"), " with ", p.payer, ". ")
    d.add(c.pick(["Best number to reach them is ", "They can be reached at ", "Callback number: "]), c.phone(p.phone), ". ")
    if c.chance(0.5):
        d.add("Mailing address on file is ", c.addr(p, "comma"), ". ")
    if c.chance(0.4):
        q = c.relative(p)
        d.add(f"The {q.rel}, ", c.name(q, "first") if q.latin else c.name(q), ", helps with the account", c.pick([".", " and asked to be added as a proxy."]), " ")
    d.add("\n\n", c.ph("asap"), "\n\n", c.ph("thanks"), "\n", D(c.staff_name(), "staff_name"), "\n", D(c.pick(FACILITIES), "facility"), "\n")


def support_v3(c, d):
    p = c.person()
    d.add(f"Number: INC{c.digits(7)}\nState: {c.pick(['New', 'In Progress', 'On Hold'])}\nAssignment group: {c.pick(['EHR Support', 'Portal L2', 'Claims Ops'])}\n")
    d.add("Assigned to: ", D(c.staff_name(), "staff_name"), "\n")
    d.add(f"Short description: {c.pick(['Portal', 'Claims', 'Scheduling', 'Billing'])} issue for member\n\nDescription:\n")
    d.add(c.pick(["Member ", "Patient "]), c.name(p, "fl" if p.latin else None), " (", c.ph("mrn"), ": ", P(p.mrn, "mrn"), ") ", _prob(c), ".\n")
    d.add(c.ph("dob"), ": ", c.dob(p), "\n")
    d.add("\nWork notes:\n")
    for _ in range(c.ri(2, 3)):
        d.add(D(c.fd(c.recent(4), 'iso'), "date"), f" {c.hhmm()}:{c.ri(10, 59)} - ", D(c.staff_name(), "staff_name"), " (Work notes)\n")
        d.add(c.pick([
            ["Called ", c.phone(p.phone), ", no answer, left VM."],
            ["Confirmed address ", c.addr(p, "comma"), " with member."],
            ["Reprocessed claim ", P(c.digits(12, True), "other_id"), ", waiting on payer."],
            ["Member logged in from ", P(c.ip(private=False), "ip_address"), " at the time of the error."],
            ["Sent secure message to ", P(p.email, "email"), "."],
            ["Member's portal page: ", c.patient_url(p)],
            ["Member read card number ", P(make_cc(c.r), "credit_card"), f" exp {c.ri(1, 12):02d}/{c.now.year % 100 + c.ri(1, 4)} to pay the copay; told them not to share it in chat."],
        ]), "\n\n")


def support_v4(c, d):
    p = c.person()
    prov = c.staff_name(dr=True)
    npi = make_npi(c.r)
    d.add(f"Provider inquiry #{c.ri(100000, 999999)}\n")
    d.add("Provider: ", D(prov, "staff_name"), " (NPI ", D(npi, "npi"), "), ", D(c.pick(FACILITIES), "facility"), "\n")
    d.add("Office contact: ", D(c.staff_name(), "staff_name"), " ", D(c.fp(c.phone_num()), "staff_contact"), "\n\n")
    claim = c.letters(1) + c.digits(11)
    d.add("Claim # ", P(claim, "other_id"), " for member ", c.name(p), " (", P(p.member_id, "health_plan_id"), ", ", c.ph("dob"), " ", c.dob(p), ") ")
    dos = c.recent(60)
    cpt = c.pick(CPT)
    cd = c.code()[0]
    d.add("date of service ", c.date(dos), " was denied (CARC ", c.pick(["CO-16", "CO-97", "CO-18", "PR-204"]), "). Billed ", D(cpt[0], "procedure_code"),
          " with ", D(cd[0], "diagnosis_code"), f" for ${c.ri(80, 4200)}.{c.ri(0, 99):02d}.\n")
    if p.age >= 65 and c.chance(0.7):
        d.add("Medicare secondary, ", c.ph("mbi"), " ", c.mbi(p), ".\n")
    d.add("\nRequested action: ", c.pick(["reprocess", "send to appeals", "correct the member's eligibility", "update COB"]), ".\n")


def support_v5(c, d):
    p = c.person()
    agent = c.staff()
    a = f"{agent[0]}"
    d.add(f"Chat transcript - session {c.uuid()}\n")
    t = c.ri(8, 17) * 60 + c.ri(0, 50)

    def line(who, *rest):
        nonlocal t
        t += c.ri(0, 3)
        d.add(f"[{t // 60:02d}:{t % 60:02d}] ", who, ": ", *rest, "\n")
    line(["Agent ", D(a, "staff_name")], "Thanks for contacting ", c.pick(PAYERS), ". Can I have your full name?")
    line("Visitor", c.name(p, "fl" if p.latin else None))
    line(["Agent ", D(a, "staff_name")], "And your date of birth?")
    line("Visitor", c.dob(p, c.pick(["us", "long", "us_nopad"])))
    line(["Agent ", D(a, "staff_name")], "What is the member ID on your card?")
    line("Visitor", P(p.member_id, "health_plan_id"), c.pick(["", " i think", ""]))
    line("Visitor", c.pick(["my problem is ", "the issue is ", ""]), _prob(c))
    if c.chance(0.5):
        line(["Agent ", D(a, "staff_name")], "Is ", c.phone(p.phone), " still the best number?")
        if c.chance(0.3):
            line("Visitor", "no use my cell ", c.phone(p.phone2))
        else:
            line("Visitor", c.pick(["yes", "yes that works", "yep"]))
    line(["Agent ", D(a, "staff_name")], "I've opened case ", f"{c.ri(1000000, 9999999)}", ". You'll hear back within 2 business days.")


def support_v6(c, d):
    p = c.person()
    d.add(f"ESCALATION - {c.pick(['Member complaint', 'Grievance', 'Exec office referral'])}\n\nSummary:\n")
    d.add("- Member: ", c.name(p), "\n- ", c.ph("dob"), ": ", c.dob(p), "\n- ", c.ph("member"), ": ", P(p.member_id, "health_plan_id"), "\n")
    if c.chance(0.5):
        d.add("- ", c.ph("ssn"), ": ", c.ssn(p), "\n")
    d.add("- ", c.ph("phone"), ": ", c.phone(p.phone), "\n- ", c.ph("address"), ": ", c.addr(p), "\n")
    d.add("- Problem: ", _prob(c), "\n\nTimeline:\n")
    for day in sorted(c.recent(30) for _ in range(c.ri(2, 4))):
        d.add(D(c.fd(day, 'us'), "date"), " ", c.pick([
            "member called, transferred twice", ["complaint logged by ", D(c.staff_name(), "staff_name")], "supervisor callback scheduled",
            "denial letter mailed to member's home", "member's son called asking for status",
        ]), "\n")
    d.add("\nOwner: ", D(c.staff_name(), "staff_name"), "\n")


def support_h1(c, d):
    """Nurse line call log, first person, terse clinical shorthand."""
    p = c.person()
    q = c.relative(p, c.pick([r for r in RELATIONS if r[0] in ("wife", "husband", "daughter", "son")]))
    cd = c.code()[0]
    d.add("Nurse advice line - call log ", D(c.fd(c.recent(3), 'iso'), "date"), "\n\n")
    d.add("Spoke to pt's ", q.rel, " ", c.name(q), " who called from ", c.phone(q.phone), " re: ", c.name(p, "title_last") if p.latin else c.name(p), ", ",
          c.age(p), ", hx of ", D(cd[2], "condition"), ". ")
    d.add("Reports ", c.pick(["fever 101.8 since last night", "increased SOB", "new confusion", "poor PO intake x2 days"]), ". ")
    d.add("Pt lives at ", c.addr(p, "comma"), ". Advised ", c.pick(["ED eval", "urgent care today", "call 911 if worse", "f/u with PCP tomorrow"]), ". ")
    d.add("Chart ", P(p.mrn, "mrn"), " updated.\n-- ", D(c.staff_name() + ", RN", "staff_name"), "\n")


def support_h2(c, d):
    """Form dump with dotted leaders."""
    p = c.person()
    rows = [("Member name", c.name(p, "upper_lf" if p.latin else None)), ("Date of birth", c.dob(p, "iso")),
            ("Plan member no.", P(p.member_id, "health_plan_id")), ("Home phone", c.phone(p.phone)),
            ("Street", c.street(p)), ("City", P(p.city, "street_address")), ("State", D(p.state, "state")), ("Zip", P(p.zip, "zip_code")),
            ("Reason for call", _prob(c))]
    if c.chance(0.5):
        rows.insert(3, ("E-mail", P(p.email, "email")))
    if c.chance(0.4):
        rows.insert(2, ("Driver license", [P(p.dl, "license_number"), " (", D(p.state, "state"), ")"]))
    if c.chance(0.5):
        rows.append(("Client IP", P(c.ip(private=False), "ip_address")))
    if c.chance(0.4):
        rows.append(("Referrer", c.patient_url(p)))
    d.add(f"WEB FORM SUBMISSION {c.uuid()[:8].upper()}\n")
    for k, v in rows:
        d.add(k.ljust(22, "."), " ", v, "\n")
    d.add("Submitted: ", D(c.ts(c.recent(2)), "date"), "\n")


# ==========================================================================
# PHI family: bitbucket_fhir_diff
# ==========================================================================


def fhir_patient_lines(c, p, ind="  ", compact=False, with_contact=None):
    """A FHIR Patient as a list of (indent_level, pieces) lines."""
    L = []
    fac = c.pick(["urn:oid:2.16.840.1.113883.3.7418.2.1", f"http://{c.co_slug}.org/fhir/mrn", "http://hospital.smarthealthit.org"])
    L.append((0, ['"resourceType": "Patient",']))
    L.append((0, ['"id": "', D(c.uuid() if c.chance(0.5) else "pat-" + c.digits(5), "internal_id"), '",']))
    L.append((0, ['"identifier": [']))
    ids = [(fac, [P(p.mrn, "mrn")], "MR")]
    if c.chance(0.5):
        ids.append(("http://hl7.org/fhir/sid/us-ssn", [P(p.ssn, "ssn")], "SS"))
    if c.chance(0.3):
        ids.append(("http://hl7.org/fhir/sid/us-mbi", [P(p.mbi, "medicare_mbi")], "MC"))
    if c.chance(0.3):
        ids.append((f"http://{c.pick(['aetna', 'bcbs', 'uhc', 'cigna'])}.com/member", [P(p.member_id, "health_plan_id")], "MB"))
    for i, (sysurl, val, typ) in enumerate(ids):
        comma = "," if i < len(ids) - 1 else ""
        L.append((1, ['{ "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "' + typ + '" }] }, "system": "' + sysurl + '", "value": "', val, '" }' + comma]))
    L.append((0, ["],"]))
    L.append((0, ['"active": true,']))
    given = [P(p.first, "person_name")] + (['", "', P(p.middle, "person_name")] if p.middle and c.chance(0.5) else [])
    L.append((0, ['"name": [{ "use": "official", "family": "', P(p.last, "person_name"), '", "given": ["', given, '"] }],']))
    L.append((0, ['"telecom": [']))
    tel = [['{ "system": "phone", "value": "', c.phone(p.phone), f'", "use": "{c.pick(["home", "mobile"])}" }}']]
    if c.chance(0.5):
        tel.append(['{ "system": "email", "value": "', P(p.email, "email"), '" }'])
    for i, t in enumerate(tel):
        L.append((1, [t, "," if i < len(tel) - 1 else ""]))
    L.append((0, ["],"]))
    L.append((0, [f'"gender": "{"female" if p.sex == "F" else "male"}",']))
    L.append((0, ['"birthDate": "', P(c.fd(p.dob, "iso"), "date"), '",']))
    if p.age > 85 and c.chance(0.3):
        L.append((0, ['"deceasedDateTime": "', P(c.ts(c.recent(30), z="-05:00", frac=False), "date"), '",']))
    line = ['"line": ["', P(p.street, "street_address"), '"']
    if p.unit:
        line += [', "', P(p.unit, "street_address"), '"']
    line += ["],"]
    L.append((0, ['"address": [{ "use": "home", ', line, ' "city": "', P(p.city, "street_address"), '", "state": "', D(p.state, "state"),
                  '", "postalCode": "', P(p.zip, "zip_code"), '", "country": "US" }]' + ("," if (with_contact if with_contact is not None else True) else "")]))
    if with_contact if with_contact is not None else True:
        q = c.relative(p)
        L.append((0, ['"contact": [{ "relationship": [{ "text": "' + q.rel + '" }], "name": { "family": "', P(q.last, "person_name"),
                      '", "given": ["', P(q.first, "person_name"), '"] }, "telecom": [{ "system": "phone", "value": "', c.phone(q.phone), '" }] }]']))
    else:
        pass
    return L


def render_json_lines(lines, ind, base=1):
    out = []
    for lvl, pieces in lines:
        out.append((ind * (base + lvl), pieces))
    return out


def diff_header(c, path, new=False, old_lines=0, new_lines=0):
    h = [f"diff --git a/{path} b/{path}\n"]
    if new:
        h.append(f"new file mode 100644\nindex 0000000..{c.hexs(7)}\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{new_lines} @@\n")
    else:
        h.append(f"index {c.hexs(7)}..{c.hexs(7)} 100644\n--- a/{path}\n+++ b/{path}\n@@ -{c.ri(1, 40)},{old_lines} +{c.ri(1, 40)},{new_lines} @@\n")
    return h


def _fixture_path(c, ext="json"):
    return c.pick([f"src/test/resources/fixtures/patient-{c.ri(1, 99):03d}.{ext}", f"test/fixtures/fhir/Patient-{c.digits(4)}.{ext}",
                   f"integration-tests/data/{c.pick(['bundle', 'patient', 'transaction'])}-{c.pick(['happy-path', 'merge', 'edge'])}.{ext}",
                   f"services/fhir-gateway/testdata/{c.pick(['patient', 'bundle'])}_{c.ri(1, 20)}.{ext}"])


def fhir_diff_v1(c, d):
    """New fixture file with a Patient resource."""
    p = c.person()
    ind = c.pick(["  ", "    ", "\t"])
    body = [("", ["{"])] + render_json_lines(fhir_patient_lines(c, p), ind, 1) + [("", ["}"])]
    path = _fixture_path(c)
    d.add(diff_header(c, path, new=True, new_lines=len(body)))
    for pre, pieces in body:
        d.add("+", pre, pieces, "\n")


def fhir_diff_v2(c, d):
    """Modified fixture: old and new values both present (both are PHI)."""
    p = c.person()
    p2 = c.person(locale=p.locale, sex=p.sex)
    ind = c.pick(["  ", "    "])
    d.add(diff_header(c, _fixture_path(c), old_lines=9, new_lines=9))
    d.add(f" {ind}\"resourceType\": \"Patient\",\n {ind}\"id\": \"", D(c.uuid(), "internal_id"), "\",\n")
    if c.chance(0.5):
        d.add("-", ind, '"name": [{ "family": "', P(p.last, "person_name"), '", "given": ["', P(p.first, "person_name"), '"] }],\n')
        d.add("+", ind, '"name": [{ "family": "', P(p2.last, "person_name"), '", "given": ["', P(p2.first, "person_name"), '"] }],\n')
    else:
        d.add(" ", ind, '"name": [{ "family": "', P(p.last, "person_name"), '", "given": ["', P(p.first, "person_name"), '"] }],\n')
    d.add("-", ind, '"birthDate": "', P(c.fd(p.dob, "iso"), "date"), '",\n')
    d.add("+", ind, '"birthDate": "', P(c.fd(p2.dob, "iso"), "date"), '",\n')
    d.add(" ", ind, f'"gender": "{"female" if p.sex == "F" else "male"}",\n')
    d.add("-", ind, '"telecom": [{ "system": "phone", "value": "', c.phone(p.phone), '" }],\n')
    d.add("+", ind, '"telecom": [{ "system": "phone", "value": "', c.phone(p2.phone), '", "use": "mobile" }],\n')
    d.add(" ", ind, '"address": [{ "line": ["', P(p.street, "street_address"), '"], "city": "', P(p.city, "street_address"), '", "postalCode": "', P(p.zip, "zip_code"), '" }]\n')
    d.add(" }\n")


def fhir_diff_v3(c, d):
    """Bundle with Patient, Encounter, Condition, Observation."""
    p = c.person()
    ind = "  "
    admit, disch = c.stay(p)
    cd = c.code()[0]
    lab = c.pick(LABS)
    lines = [(0, ["{"]), (1, ['"resourceType": "Bundle",']), (1, ['"type": "transaction",']), (1, ['"entry": [']),
             (2, ["{ \"fullUrl\": \"urn:uuid:" + c.uuid() + "\","]), (3, ['"resource": {'])]
    for lvl, pieces in fhir_patient_lines(c, p, with_contact=c.chance(0.5)):
        lines.append((4 + lvl, pieces))
    lines += [(3, ["},"]), (3, ['"request": { "method": "POST", "url": "Patient" }']), (2, ["},"]),
              (2, ['{ "resource": { "resourceType": "Encounter", "status": "finished", "class": { "code": "IMP" }, "period": { "start": "',
                   P(c.ts(admit, frac=False, z="-05:00"), "date"), '", "end": "', P(c.ts(disch, frac=False, z="-05:00"), "date"),
                   '" }, "participant": [{ "individual": { "display": "', D(c.staff_name(dr=True), "staff_name"), '" } }] } },']),
              (2, ['{ "resource": { "resourceType": "Condition", "code": { "coding": [{ "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "',
                   D(cd[0], "diagnosis_code"), '", "display": "', D(cd[1], "condition"), '" }] }, "onsetDateTime": "', P(c.fd(admit, "iso"), "date"), '" } },']),
              (2, ['{ "resource": { "resourceType": "Observation", "status": "final", "code": { "coding": [{ "system": "http://loinc.org", "code": "'
                   + lab[0] + '", "display": "' + lab[1] + '" }] }, "effectiveDateTime": "', P(c.ts(c.date_between(admit, disch), frac=False, z="Z"), "date"),
                   '", "valueQuantity": { "value": ' + str(round(c.r.uniform(lab[3], lab[4] * 1.5 + 0.1), lab[5])) + ', "unit": "' + lab[2] + '" } } }']),
              (1, ["]"]), (0, ["}"])]
    path = _fixture_path(c)
    d.add(diff_header(c, path, new=True, new_lines=len(lines)))
    for lvl, pieces in lines:
        d.add("+", ind * lvl, pieces, "\n")


def fhir_diff_v4(c, d):
    """Bitbucket PR page: title, reviewers, comments, then the hunk."""
    p = c.person()
    pr = c.ri(40, 2400)
    auth = c.staff_name()
    d.add(f"Pull request #{pr}: {c.pick(['Add realistic fixtures for Patient search', 'Fix birthDate mapping', 'Update FHIR test data', 'Bulk export test cases'])}\n")
    d.add(D(auth, "staff_name"), f" wants to merge {c.pick(['feature', 'bugfix'])}/{c.jira_key()}-{c.pick(['fixtures', 'birthdate', 'search'])} into {c.pick(['develop', 'main', 'release/2024.3'])}\n")
    d.add("Reviewers: ", D(c.staff_name(), "staff_name"), ", ", D(c.staff_name(), "staff_name"), "\n\n")
    d.add(D(c.staff_name(), "staff_name"), f" commented: {c.pick(['Where did this data come from? It looks real.', 'Please use synthetic data here.', 'LGTM once CI is green.'])}\n")
    d.add(D(auth, "staff_name"), f" replied: {c.pick(['Copied from a staging export, will scrub.', 'It is from the test EHR, should be fine?', 'Will fix.'])}\n\n")
    ind = "  "
    body = render_json_lines(fhir_patient_lines(c, p, with_contact=c.chance(0.4)), ind, 4)
    d.add(f"{_fixture_path(c)}\n@@ -{c.ri(3, 30)},4 +{c.ri(3, 30)},{len(body) + 4} @@\n")
    d.add('     "entry": [\n', "+    {\n", '+      "resource": {\n')
    for pre, pieces in body:
        d.add("+", pre, pieces, "\n")
    d.add("+      }\n", "+    },\n", '     {\n')


def fhir_diff_v5(c, d):
    """Java test using the HAPI FHIR model."""
    p = c.person()
    cls = c.pick(["PatientSearchIT", "PatientMapperTest", "DemographicsSyncTest", "MpiMatchTest"])
    path = f"src/test/java/com/{c.co_slug}/fhir/{cls}.java"
    body = []
    body.append(["    @Test"])
    body.append([f"    void {c.pick(['mapsDemographics', 'matchesExistingPatient', 'searchesByIdentifier'])}() {{"])
    body.append(["        Patient patient = new Patient();"])
    body.append(['        patient.addIdentifier().setSystem("', f"http://{c.co_slug}.org/mrn", '").setValue("', P(p.mrn, "mrn"), '");'])
    body.append(['        patient.addName().setFamily("', P(p.last, "person_name"), '").addGiven("', P(p.first, "person_name"), '");'])
    body.append(['        patient.setBirthDateElement(new DateType("', P(c.fd(p.dob, "iso"), "date"), '"));'])
    body.append(['        patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("', c.phone(p.phone), '");'])
    body.append(['        patient.addAddress().addLine("', P(p.street, "street_address"), '").setCity("', P(p.city, "street_address"),
                 '").setState("', D(p.state, "state"), '").setPostalCode("', P(p.zip, "zip_code"), '");'])
    if c.chance(0.5):
        body.append(['        patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("', P(p.ssn, "ssn"), '");'])
    body.append(["        Bundle result = client.search().forResource(Patient.class).returnBundle(Bundle.class).execute();"])
    body.append(["        assertThat(result.getEntry()).hasSize(1);"])
    body.append(["    }"])
    d.add(diff_header(c, path, old_lines=3, new_lines=len(body) + 3))
    d.add("     }\n \n")
    for b in body:
        d.add("+", b, "\n")
    d.add(" }\n")


def fhir_diff_v6(c, d):
    """FHIR XML fixture."""
    p = c.person()
    path = _fixture_path(c, "xml")
    q = c.relative(p) if c.chance(0.5) else None
    lines = ['<Patient xmlns="http://hl7.org/fhir">', ['  <id value="', D(c.digits(6), "internal_id"), '"/>'],
             ['  <identifier><system value="urn:oid:1.2.36.146.595.217.0.1"/><value value="', P(p.mrn, "mrn"), '"/></identifier>'],
             ['  <name><family value="', vmap(P(p.last, "person_name"), _xml_esc), '"/><given value="', vmap(P(p.first, "person_name"), _xml_esc), '"/></name>'],
             ['  <telecom><system value="phone"/><value value="', c.phone(p.phone), '"/><use value="home"/></telecom>'],
             f'  <gender value="{"female" if p.sex == "F" else "male"}"/>',
             ['  <birthDate value="', P(c.fd(p.dob, "iso"), "date"), '"/>'],
             ['  <address><line value="', P(p.street, "street_address"), '"/><city value="', P(p.city, "street_address"), '"/><state value="',
              D(p.state, "state"), '"/><postalCode value="', P(p.zip, "zip_code"), '"/></address>']]
    if q:
        lines.append(['  <contact><name><text value="', vmap(c.name(q, "fl"), _xml_esc), '"/></name><telecom><system value="phone"/><value value="', c.phone(q.phone), '"/></telecom></contact>'])
    lines.append("</Patient>")
    d.add(diff_header(c, path, new=True, new_lines=len(lines)))
    for l in lines:
        d.add("+", l, "\n")


def fhir_diff_h1(c, d):
    """ndjson bulk-export fixture: one compact Patient per line."""
    path = c.pick(["tests/bulk/Patient.ndjson", "fixtures/export/Patient.000.ndjson", "e2e/data/patients.ndjson"])
    pts = [c.person() for _ in range(c.ri(2, 5))]
    d.add(diff_header(c, path, new=True, new_lines=len(pts)))
    for p in pts:
        d.add('+{"resourceType":"Patient","id":"', D(c.uuid(), "internal_id"), '","identifier":[{"system":"urn:mrn","value":"', P(p.mrn, "mrn"),
              '"}],"name":[{"family":"', P(p.last, "person_name"), '","given":["', P(p.first, "person_name"), '"]}],"birthDate":"',
              P(c.fd(p.dob, "iso"), "date"), '","telecom":[{"system":"phone","value":"', c.phone(p.phone, "dash", False), '"}],"address":[{"line":["',
              P(p.street, "street_address"), '"],"city":"', P(p.city, "street_address"), '","postalCode":"', P(p.zip, "zip_code"), '"}]}\n')


def fhir_diff_h2(c, d):
    """YAML seed fixture for a FHIR test server."""
    p = c.person()
    path = c.pick(["deploy/seed/patients.yaml", "test/fixtures/patients.yml", "charts/fhir/values-test.yaml"])
    lines = [["- resourceType: Patient"], ["  identifier:"], ["    - system: urn:mrn"], ["      value: \"", P(p.mrn, "mrn"), "\""],
             ["  name:"], ["    - family: ", P(p.last, "person_name")], ["      given: [", P(p.first, "person_name"), "]"],
             ["  birthDate: ", P(c.fd(p.dob, "iso"), "date")], ["  telecom:"], ["    - system: phone"], ["      value: \"", c.phone(p.phone), "\""],
             ["  address:"], ["    - line: [\"", P(p.street, "street_address"), "\"]"], ["      city: ", P(p.city, "street_address")],
             ["      state: ", D(p.state, "state")], ["      postalCode: \"", P(p.zip, "zip_code"), "\""]]
    d.add(diff_header(c, path, old_lines=2, new_lines=len(lines) + 2))
    d.add(" patients:\n")
    for l in lines:
        d.add("+", l, "\n")
    d.add(" # end\n")


# ==========================================================================
# PHI family: sql_seed
# ==========================================================================


def sq(x):
    return vmap(x, lambda s: s.replace("'", "''"))


def sqlv(x, n=False):
    return [("N'" if n else "'"), sq(x), "'"]


def _sql_patient_cols(c, p, idn):
    cols = [("id", D(idn, "internal_id")), ("mrn", sqlv(P(p.mrn, "mrn"))), ("first_name", sqlv(P(p.first, "person_name"))),
            ("last_name", sqlv(P(p.last, "person_name"))), ("dob", sqlv(P(c.fd(p.dob, "iso"), "date"))), ("sex", f"'{p.sex}'")]
    if c.chance(0.5):
        cols.append(("ssn", sqlv(c.ssn(p, c.pick(["dash", "plain"])))))
    cols.append(("phone", sqlv(c.phone(p.phone, ext=False))))
    cols += [("address_line1", sqlv(c.street(p, with_unit=False)))]
    if p.unit:
        cols.append(("address_line2", sqlv(P(p.unit, "street_address"))))
    cols += [("city", sqlv(P(p.city, "street_address"))), ("state", sqlv(D(p.state, "state"))), ("zip", sqlv(P(p.zip, "zip_code")))]
    if c.chance(0.4):
        cols.append(("email", sqlv(P(p.email, "email"))))
    if c.chance(0.3):
        cols.append(("created_at", "now()"))
    return cols


def _sql_comment(c):
    return c.pick([f"-- seed data for {c.jira_key()}\n", f"-- V{c.ri(2, 80)}__seed_test_patients.sql\n",
                   "-- test patients for local dev (copied from staging)\n", f"/* generated {c.fd(c.recent(30), 'iso')} */\n", ""])


def sql_v1(c, d):
    d.add(_sql_comment(c))
    tbl = c.pick(["patients", "public.patients", "patient", "ehr.patient_demographics"])
    for i in range(c.ri(2, 5)):
        p = c.person()
        cols = _sql_patient_cols(c, p, c.ri(1, 5000))
        d.add(f"INSERT INTO {tbl} ({', '.join(k for k, _ in cols)}) VALUES (", join(", ", [v for _, v in cols]), ");\n")


def sql_v2(c, d):
    d.add(_sql_comment(c))
    d.add("INSERT INTO members (member_id, mbi, first_name, last_name, birth_date, plan_code, effective_date, phone)\nVALUES\n")
    rows = []
    for _ in range(c.ri(3, 6)):
        p = c.person(age_range=(60, 95))
        mbi = sqlv(c.mbi(p)) if c.chance(0.8) else "NULL"
        rows.append(["  (", sqlv(P(p.member_id, "health_plan_id")), ", ", mbi, ", ", sqlv(P(p.first, "person_name")), ", ",
                     sqlv(P(p.last, "person_name")), ", ", sqlv(P(c.fd(p.dob, "iso"), "date")), f", '{c.pick(['MAPD01', 'HMO-GOLD', 'PPO500', 'DSNP'])}', ",
                     sqlv(D(f"{c.now.year}-01-01", "date")), ", ", sqlv(c.phone(p.phone, c.pick(["dash", "plain"]), False)), ")"])
    d.add(join(",\n", rows), ";\n")


def sql_v3(c, d):
    d.add(_sql_comment(c), "BEGIN;\n\n")
    pts = []
    for i in range(c.ri(1, 3)):
        p = c.person()
        pid = c.ri(100, 99999)
        pts.append((p, pid))
        cols = _sql_patient_cols(c, p, pid)
        d.add(f"INSERT INTO patients ({', '.join(k for k, _ in cols)})\n  VALUES (", join(", ", [v for _, v in cols]), ");\n")
    d.add("\n")
    for p, pid in pts:
        for _ in range(c.ri(1, 2)):
            admit, disch = c.stay(p)
            cd = c.code()[0]
            d.add(f"INSERT INTO encounters (encounter_id, patient_id, visit_number, admit_dt, discharge_dt, attending_npi, primary_dx, facility)\n  VALUES (", D(c.ri(1, 999999), "internal_id"), ", ", D(pid, "internal_id"), ", ",
                  sqlv(P(c.digits(9, True), "account_number")), ", ", sqlv(P(f"{admit.isoformat()} {c.hhmm()}:00", "date")), ", ",
                  sqlv(P(f"{disch.isoformat()} {c.hhmm()}:00", "date")), ", ", sqlv(D(make_npi(c.r), "npi")), ", ", sqlv(D(cd[0], "diagnosis_code")),
                  ", ", sqlv(D(c.pick(FACILITIES), "facility")), ");\n")
    d.add("\nCOMMIT;\n")


def sql_v4(c, d):
    d.add(c.pick(["--\n-- Data for Name: patients; Type: TABLE DATA; Schema: public; Owner: ehr\n--\n\n", "-- pg_dump excerpt\n"]))
    d.add("COPY public.patients (id, mrn, last_name, first_name, dob, phone, zip, primary_dx) FROM stdin;\n")
    for _ in range(c.ri(3, 7)):
        p = c.person()
        cd = c.code()[0]
        d.add(D(c.ri(1, 90000), "internal_id"), "\t", P(p.mrn, "mrn"), "\t", P(p.last, "person_name"), "\t", P(p.first, "person_name"), "\t",
              P(c.fd(p.dob, "iso"), "date"), "\t", c.phone(p.phone, "dash", False) if c.chance(0.85) else "\\N", "\t", P(p.zip, "zip_code"), "\t", D(cd[0], "diagnosis_code"), "\n")
    d.add("\\.\n")


def sql_v5(c, d):
    d.add("USE [", c.pick(["EHR_Test", "ClinicalDW_QA", "PortalDev"]), "]\nGO\n\nSET IDENTITY_INSERT [dbo].[Patients] ON\nGO\n")
    for _ in range(c.ri(2, 4)):
        p = c.person()
        d.add("INSERT [dbo].[Patients] ([PatientID], [MRN], [FirstName], [LastName], [BirthDate], [HomePhone], [Street], [City], [State], [PostalCode]) VALUES (",
              D(c.ri(1, 9999), "internal_id"), ", ", sqlv(P(p.mrn, "mrn"), True), ", ", sqlv(P(p.first, "person_name"), True), ", ",
              sqlv(P(p.last, "person_name"), True), ", CAST(", sqlv(P(c.fd(p.dob, "iso") + "T00:00:00.000", "date")), " AS DateTime), ",
              sqlv(c.phone(p.phone, ext=False), True), ", ", sqlv(c.street(p), True), ", ", sqlv(P(p.city, "street_address"), True), ", ",
              sqlv(D(p.state, "state"), True), ", ", sqlv(P(p.zip, "zip_code"), True), ")\n")
    d.add("GO\nSET IDENTITY_INSERT [dbo].[Patients] OFF\nGO\n")


def sql_v6(c, d):
    p = c.person()
    key = c.jira_key()
    d.add(f"-- {key}: correct demographics reported by registration\n-- approved by ", D(c.staff_name(), "staff_name"), "\n\n")
    d.add("UPDATE patients\n   SET dob = ", sqlv(P(c.fd(p.dob, "iso"), "date")), ",\n       phone = ", sqlv(c.phone(p.phone, ext=False)))
    if c.chance(0.5):
        d.add(",\n       address_line1 = ", sqlv(c.street(p)), ",\n       zip = ", sqlv(P(p.zip, "zip_code")))
    d.add("\n WHERE mrn = ", sqlv(P(p.mrn, "mrn")), ";\n\n")
    q = c.relative(p)
    d.add("DELETE FROM patient_contacts\n WHERE patient_id = (SELECT id FROM patients WHERE mrn = ", sqlv(P(p.mrn, "mrn")),
          ")\n   AND contact_name = ", sqlv(c.name(q, "fl")), ";\n\n")
    d.add("INSERT INTO patient_contacts (patient_id, contact_name, relationship, phone) SELECT id, ", sqlv(c.name(q, "fl")),
          f", '{q.rel}', ", sqlv(c.phone(q.phone, ext=False)), " FROM patients WHERE mrn = ", sqlv(P(p.mrn, "mrn")), ";\n")


def sql_h1(c, d):
    """Oracle INSERT ALL with TO_DATE."""
    d.add("INSERT ALL\n")
    for _ in range(c.ri(2, 4)):
        p = c.person()
        d.add("  INTO pat_master (pat_id, mrn_no, surname, given_name, birth_dt, ssn_no, tel_no) VALUES (pat_seq.NEXTVAL, ",
              sqlv(P(p.mrn, "mrn")), ", ", sqlv(up(P(p.last, "person_name"))), ", ", sqlv(up(P(p.first, "person_name"))),
              ", TO_DATE(", sqlv(P(c.fd(p.dob, "oracle"), "date")), ", 'DD-MON-YYYY'), ", sqlv(c.ssn(p, "plain")) if c.chance(0.6) else "NULL",
              ", ", sqlv(c.phone(p.phone, "plain", False)), ")\n")
    d.add("SELECT * FROM dual;\nCOMMIT;\n")


def sql_h2(c, d):
    """Postgres upsert with a JSONB demographics document."""
    d.add("-- refresh profile cache\n")
    for _ in range(c.ri(1, 3)):
        p = c.person()
        doc = ['{"name": "', c.name(p, "fl"), '", "birthDate": "', P(c.fd(p.dob, "iso"), "date"), '", "phone": "', c.phone(p.phone, ext=False),
               '", "email": "', P(p.email, "email"), '", "zip": "', P(p.zip, "zip_code"), '"}']
        d.add("INSERT INTO patient_profile (mrn, demographics, updated_at)\nVALUES (", sqlv(P(p.mrn, "mrn")), ", ", sqlv(doc),
              "::jsonb, now())\nON CONFLICT (mrn) DO UPDATE SET demographics = EXCLUDED.demographics, updated_at = now();\n\n")


# ==========================================================================
# PHI family: clinical_note
# ==========================================================================


def _hosp_course(c, p, cd, meds):
    return [c.pick(["Patient was admitted to ", "Admitted to "]), c.pick(["medicine", "telemetry", "the ICU", "surgery"]), " for ", D(cd[2], "condition"),
            ". ", c.pick(["Treated with ", "Started on ", "Received "]), join(" and ", [D(m[0], "medication") for m in meds[:2]]),
            c.pick([" with clinical improvement. ", ". Symptoms resolved by day 3. ", ", course complicated by AKI that resolved. "])]


def note_v1(c, d):
    """Discharge summary with header block."""
    p = c.person()
    admit, disch = c.stay(p)
    cds = c.code(c.ri(1, 3))
    meds = c.meds(c.ri(3, 6))
    att = c.staff_name(dr=True)
    d.add(D(c.pick(FACILITIES), "facility"), "\nDISCHARGE SUMMARY\n\n")
    d.add("PATIENT NAME: ", c.name(p, c.pick(["upper_lf", "lf", "fl"]) if p.latin else None), "\n")
    d.add(f"{c.ph('mrn').upper()}: ", P(p.mrn, "mrn"), "\n", f"{c.ph('dob').upper()}: ", c.dob(p), "\n")
    if c.chance(0.4):
        d.add("ACCOUNT #: ", P(p.acct, "account_number"), "\n")
    d.add(f"{c.ph('admit').upper()}: ", c.date(admit), "\n", f"{c.ph('disch').upper()}: ", c.date(disch), "\n")
    d.add("ATTENDING: ", D(att, "staff_name"), "\n\n")
    d.add("DIAGNOSES:\n")
    for i, cd in enumerate(cds):
        d.add(f"{i + 1}. ", D(cd[1], "condition"), " (", D(cd[0], "diagnosis_code"), ")\n")
    d.add("\nHISTORY OF PRESENT ILLNESS:\n", c.name(p, "title_last") if p.latin else c.name(p), " is ", "an" if str(p.age)[0] == "8" or p.age in (11, 18) else "a", " ", c.age(p, "year-old"), " ",
          "woman" if p.sex == "F" else "man", " with ", D(cds[0][2], "condition"), " who presented with ",
          c.pick(["shortness of breath", "chest pain", "fever and chills", "confusion", "a fall at home"]), ".\n\n")
    d.add("HOSPITAL COURSE:\n", _hosp_course(c, p, cds[0], meds), "\n\n")
    d.add("DISCHARGE MEDICATIONS:\n")
    for m in meds:
        d.add("- ", c.med_line(m), "\n")
    q = c.relative(p)
    d.add("\nDISPOSITION: ", c.pick(["Home", "Home with home health", "SNF"]), ". ", c.pick(["Lives with ", "Discharged to the care of "]),
          f"{q.rel} ", c.name(q, "first") if q.latin else c.name(q), ", ", c.phone(q.phone), ".\n")
    d.add("FOLLOW-UP: PCP in 7 days; ", D(c.staff_name(dr=True), "staff_name"), " (cardiology) in 2 weeks.\n\n")
    d.add("Electronically signed by ", D(att, "staff_name"), " on ", c.date(disch, "us"), f" {c.hhmm()}\n")


def note_v2(c, d):
    """SOAP progress note."""
    p = c.person()
    cd = c.code()[0]
    meds = c.meds(c.ri(2, 4))
    d.add(f"PROGRESS NOTE - Hospital day {c.ri(2, 9)}\n", c.name(p), " | ", c.ph("mrn"), " ", P(p.mrn, "mrn"), " | ", c.ph("dob"), " ", c.dob(p), "\n\n")
    d.add("S: ", c.age(p, "yo"), " ", p.sex, " with ", D(cd[2], "condition"), ". ", c.pick(["Feels better today.", "Slept poorly, c/o nausea.", "Denies CP/SOB."]),
          c.pick(["", " Daughter at bedside.", " Wife asking about discharge."]), "\n")
    d.add(f"O: T {c.ri(36, 39)}.{c.ri(0, 9)} HR {c.ri(55, 120)} BP {c.ri(95, 170)}/{c.ri(50, 100)} RR {c.ri(12, 26)} SpO2 {c.ri(88, 100)}% RA\n")
    lab = c.pick(LABS)
    d.add(f"   {lab[1]} {round(c.r.uniform(lab[3], lab[4] * 1.4 + 0.1), lab[5])} {lab[2]}\n")
    d.add("A/P: ", D(cd[2], "condition"), " (", D(cd[0], "diagnosis_code"), ") - ", c.pick(["improving", "stable", "worsening"]), ".\n")
    for m in meds:
        d.add(" - continue ", c.med_line(m), "\n")
    d.add(" - dispo: ", c.pick(["home tomorrow if stable", "PT/OT eval, likely SNF", "needs placement"]), "\n")
    d.add("\n", D(c.staff_name(dr=True), "staff_name"), ", ", c.pick(["hospitalist", "PGY-2", "attending"]), "\n")


def note_v3(c, d):
    """History & physical in prose, social history with address and family."""
    p = c.person()
    cds = c.code(2)
    q = c.relative(p)
    d.add("HISTORY AND PHYSICAL\n\n")
    d.add(c.pick(["Chief complaint: ", "CC: "]), c.pick(["shortness of breath", "abdominal pain", "weakness", "palpitations"]), "\n\n")
    d.add("HPI: ", c.name(p, "title_last") if p.latin else c.name(p), f" ({c.ph('dob')} ", c.dob(p), ") is ", "an" if str(p.age)[0] == "8" or p.age in (11, 18) else "a", " ", c.age(p, "year-old"), " with ",
          D(cds[0][2], "condition"), " and ", D(cds[1][2], "condition"), " who ", c.pick(["was brought in by ", "presents with "]),
          c.pick([f"{q.rel} for worsening symptoms", "two days of symptoms", "EMS after a fall"]), ".\n\n")
    d.add("Social history: Lives at ", c.addr(p, "comma"), c.pick([" with ", " near "]), f"{q.rel} ", c.name(q, "fl" if q.latin else None), ". ",
          c.pick(["Former smoker, quit 2010. ", "No tobacco. ", "Drinks socially. "]), f"{q.rel.capitalize()}'s number: ", c.phone(q.phone), ".\n\n")
    d.add("Medications: ", join(", ", [D(m[0], "medication") for m in c.meds(c.ri(2, 5))]), "\n")
    d.add("Allergies: ", c.pick(["NKDA", "penicillin (rash)", "sulfa", "iodinated contrast"]), "\n\n")
    d.add("Assessment/Plan: admit to ", c.pick(["medicine", "telemetry"]), ", ", D(cds[0][0], "diagnosis_code"), ". Contact ", c.ph("phone").lower(), " ",
          c.phone(p.phone), ". Insurance ", p.payer, " ", c.ph("member"), " ", P(p.member_id, "health_plan_id"), ".\n")
    d.add("\n", D(c.staff_name(dr=True), "staff_name"), "\n")


def note_v4(c, d):
    """ED note for a motor vehicle collision, with vehicle and license identifiers."""
    p = c.person(age_range=(17, 85))
    d.add("EMERGENCY DEPARTMENT NOTE   Arrival: ", c.date(c.now, "us"), f" {c.hhmm()}\n")
    d.add("Patient: ", c.name(p), "   ", c.ph("dob"), ": ", c.dob(p), "   ", c.ph("mrn"), ": ", P(p.mrn, "mrn"), "\n")
    d.add("Triage: ESI ", str(c.ri(1, 4)), ", arrived by ", c.pick(["EMS", "private vehicle", "police"]), "\n\n")
    d.add("HPI: Restrained driver in ", c.pick(["a rear-end", "a T-bone", "a single-vehicle"]), " collision. Police report lists vehicle VIN ",
          P(make_vin(c.r), "vehicle_id"), ", plate ", P(c.plate(), "vehicle_id"), " (", D(p.state, "state"), "). ")
    d.add("Driver license ", P(p.dl, "license_number"), " retained by security.\n")
    cd = c.pick([x for x in ICD10 if x[0].startswith(("S", "R"))])
    d.add("Impression: ", D(cd[2], "condition"), " (", D(cd[0], "diagnosis_code"), "). CT head ", c.pick(["negative", "without acute findings"]), ".\n")
    d.add("Given ", c.med_line(c.pick(MEDS)), ". ")
    q = c.relative(p)
    d.add(f"Notified {q.rel} ", c.name(q), " at ", c.phone(q.phone), ".\n")
    d.add("Disposition: ", c.pick(["discharged", "admitted to trauma", "observation"]), ".   ", D(c.staff_name(dr=True), "staff_name"), "\n")


def note_v5(c, d):
    """Procedure note with an implanted device serial."""
    p = c.person(age_range=(45, 95))
    dos = c.recent(40)
    dev = c.pick([("dual-chamber pacemaker", "Medtronic Azure XT DR MRI", "symptomatic bradycardia"), ("ICD", "Boston Scientific Resonate EL", "ischemic cardiomyopathy"),
                  ("insulin pump", "Tandem t:slim X2", "type 1 diabetes"), ("loop recorder", "Medtronic LINQ II", "recurrent syncope"),
                  ("neurostimulator", "Abbott Proclaim XR", "chronic back pain"), ("pacemaker", "Abbott Assurity MRI", "sick sinus syndrome")])
    d.add("PROCEDURE NOTE\n", c.ph("name"), ": ", c.name(p), "\n", c.ph("mrn"), ": ", P(p.mrn, "mrn"), "\nDate of procedure: ", c.date(dos), "\n")
    d.add("Operator: ", D(c.staff_name(dr=True), "staff_name"), "\nIndication: ", D(dev[2], "condition"), "\n\n")
    d.add(f"Procedure: Implantation of {dev[0]} ({dev[1]}), serial number ", P(c.device_serial(), "device_id"), ". ")
    if c.chance(0.5):
        d.add("Lead serial ", P(c.device_serial(), "device_id"), ". ")
    d.add(c.pick(["No complications. ", "EBL minimal. "]), "Device registration sent to manufacturer with patient address ", c.addr(p, "comma"), ".\n")
    d.add("CPT ", D(c.pick(CPT)[0], "procedure_code"), ". Follow-up device clinic in 2 weeks; remote monitoring enrolled, patient phone ", c.phone(p.phone), ".\n")


def note_v6(c, d):
    """Nursing SBAR handoff."""
    p = c.person()
    admit, _ = c.stay(p)
    cd = c.code()[0]
    d.add(f"SBAR handoff {c.pick(['0700', '1900', '1500', '2300'])}  Rm {c.ri(200, 560)}{c.pick('AB')}\n\n")
    d.add("S: ", c.name(p), ", ", c.age(p, c.pick(["yo", "y/o"])), ", admitted ", c.date(admit), " with ", D(cd[2], "condition"), ".\n")
    d.add("B: ", c.pick(["Hx ", "PMH: "]), D(c.pick(ICD10)[2], "condition"), ", ", D(c.pick(ICD10)[2], "condition"), ". ", c.ph("mrn"), " ", P(p.mrn, "mrn"), ". ",
          c.pick(["Full code.", "DNR/DNI.", "Code status not documented."]), "\n")
    d.add("A: ", c.pick(["A&Ox4", "confused at night", "on 2L NC", "pain 4/10"]), ", last ", D(c.pick(MEDS)[0], "medication"), f" at {c.hhmm()}.\n")
    q = c.relative(p)
    d.add("R: ", c.pick(["Monitor I&Os. ", "Recheck K+ in AM. ", "Fall precautions. "]), f"{q.rel.capitalize()} ", c.name(q, "first") if q.latin else c.name(q), " (",
          c.phone(q.phone), ") wants a call after rounds.\n")
    d.add("-- ", D(c.staff_name() + ", RN", "staff_name"), "\n")


def note_h1(c, d):
    """Death / transfer summary with next of kin."""
    p = c.person(age_range=(60, 99), old=0.3)
    admit, disch = c.stay(p)
    q = c.relative(p)
    cd = c.code()[0]
    d.add("EXPIRATION SUMMARY\n\nName / Date of birth / Record no.: ", c.name(p), " / ", c.dob(p), " / ", P(p.mrn, "mrn"), "\n")
    d.add("Date of admission: ", c.date(admit), "    Date of death: ", c.date(disch), f" at {c.hhmm()}\n")
    d.add("Cause of death: ", D(cd[1], "condition"), "\n")
    d.add("Next of kin: ", c.name(q), f" ({q.rel}), ", c.phone(q.phone), ", ", c.addr(q, "comma"), "\n")
    d.add("Pronounced by ", D(c.staff_name(dr=True), "staff_name"), ". Autopsy ", c.pick(["declined", "requested", "not indicated"]), ". Medical examiner case ",
          P(f"{c.now.year}-{c.digits(5)}", "other_id"), ".\n")


def note_h2(c, d):
    """Behavioral health consult, different header layout and prose."""
    p = c.person(age_range=(16, 80))
    q = c.relative(p)
    d.add("BEHAVIORAL HEALTH CONSULTATION\n", "Client: ", c.name(p, "upper_lf" if p.latin else None), "  |  Born: ", c.dob(p), "  |  Chart #: ", P(p.mrn, "mrn"), "\n")
    d.add("Requested by: ", D(c.staff_name(dr=True), "staff_name"), "\n\n")
    d.add("Reason for consult: ", D(c.pick(["depression", "suicidal ideation", "anxiety", "alcohol withdrawal", "psychosis"]), "condition"), ".\n\n")
    d.add("Collateral obtained from ", q.rel, " ", c.name(q), " by phone (", c.phone(q.phone), ") who reports the client moved to ", c.addr(p, "comma"),
          c.pick([" last spring", " after losing a job", " recently"]), ".\n\n")
    d.add("Plan: start ", c.med_line(c.pick([m for m in MEDS if m[0] in ("sertraline", "quetiapine", "lorazepam", "Zoloft", "gabapentin")])), "; safety plan reviewed; ",
          "follow-up at ", D(c.pick(FACILITIES), "facility"), ".\n")


# ==========================================================================
# PHI family: csv_claims
# ==========================================================================


def csvf(x, delim=",", always=False):
    t = plain(x)
    if always or delim in t or '"' in t or "\n" in t:
        return ['"', vmap(x, lambda s: s.replace('"', '""')), '"']
    return x


CLAIM_COLS = {  # key: (dev header names, holdout header names)
    "claim_id": (["claim_id", "ClaimID", "CLAIM_NO"], ["clm_nbr", "ClaimNumber"]),
    "member_id": (["member_id", "MemberID", "SUBSCRIBER_ID"], ["mbr_id", "HealthPlanID"]),
    "first": (["patient_first", "first_name", "PAT_FNAME"], ["given_name", "FirstName"]),
    "last": (["patient_last", "last_name", "PAT_LNAME"], ["family_name", "Surname"]),
    "name": (["patient_name", "PatientName", "MEMBER_NAME"], ["pt_name", "BeneficiaryName"]),
    "dob": (["dob", "DOB", "BIRTH_DT"], ["birth_date", "DateOfBirth"]),
    "dos": (["dos", "service_date", "DOS_FROM"], ["svc_dt", "ServiceDate"]),
    "address": (["address", "addr1", "STREET"], ["street_line", "Address1"]),
    "city": (["city", "CITY"], ["City", "town"]),
    "state": (["state", "ST"], ["State", "state_cd"]),
    "zip": (["zip", "ZIP5", "postal_code"], ["Zip", "zip_code"]),
    "phone": (["phone", "PHONE_NBR"], ["Phone", "contact_phone"]),
    "icd10": (["icd10", "DX1", "primary_dx"], ["diag_cd_1", "ICD10"]),
    "cpt": (["cpt", "PROC_CD", "cpt_code"], ["hcpcs", "ProcCode"]),
    "npi": (["npi", "RENDERING_NPI", "billing_npi"], ["prov_npi", "NPI"]),
    "billed": (["billed_amount", "CHARGE_AMT", "billed"], ["total_charge", "Billed"]),
    "paid": (["paid_amount", "PAID_AMT"], ["allowed", "Paid"]),
    "status": (["status", "CLAIM_STATUS"], ["adj_status", "Status"]),
    "mbi": (["mbi", "MBI"], ["medicare_id", "HICN_MBI"]),
    "email": (["email"], ["email_address"]),
    "ssn": (["ssn", "SSN"], ["subscriber_ssn", "ss_num"]),
    "rel": (["relationship", "REL_CD"], ["rel_to_sub", "Relation"]),
    "sub_name": (["subscriber_name", "SUB_NAME"], ["policyholder", "Subscriber"]),
}


def claim_val(c, p, k, dfmt, name_style="lf", sub=None):
    if k == "claim_id":
        return P(c.pick([c.digits(12, True), "C" + c.digits(10), f"{c.now.year}{c.digits(9)}", c.letters(2) + c.digits(9)]), "other_id")
    if k == "member_id":
        return P(p.member_id, "health_plan_id")
    if k == "first":
        return P(p.first, "person_name")
    if k == "last":
        return P(p.last, "person_name")
    if k == "name":
        return c.name(p, name_style) if p.latin else c.name(p)
    if k == "dob":
        return P(c.fd(p.dob, dfmt), "date")
    if k == "dos":
        return P(c.fd(c.recent(200), dfmt), "date")
    if k == "address":
        return c.street(p)
    if k == "city":
        return P(p.city, "street_address")
    if k == "state":
        return D(p.state, "state")
    if k == "zip":
        return P(p.zip, "zip_code")
    if k == "phone":
        return c.phone(p.phone, c.pick(["dash", "plain", "paren"]), False)
    if k == "icd10":
        cd = c.pick(ICD10)[0]
        return D(cd.replace(".", "") if c.chance(0.3) else cd, "diagnosis_code")
    if k == "cpt":
        return D(c.pick(CPT)[0], "procedure_code")
    if k == "npi":
        return D(make_npi(c.r), "npi")
    if k == "billed":
        return f"{c.ri(40, 9000)}.{c.ri(0, 99):02d}"
    if k == "paid":
        return f"{c.ri(0, 3000)}.{c.ri(0, 99):02d}"
    if k == "status":
        return c.pick(["PAID", "DENIED", "PEND", "ADJ", "P", "D"])
    if k == "mbi":
        return c.mbi(p, dashed=False) if p.age >= 65 else ""
    if k == "email":
        return P(p.email, "email")
    if k == "ssn":
        return c.ssn(p, c.pick(["dash", "plain"]))
    if k == "rel":
        return "18" if sub is None else c.pick(["19", "01", "20"])
    if k == "sub_name":
        return c.name(sub or p, name_style) if (sub or p).latin else c.name(sub or p)
    raise KeyError(k)


def _claim_cols(c, extra=()):
    base = ["claim_id", "member_id"] + c.pick([["first", "last"], ["name"], ["last", "first"]]) + ["dob", "dos"]
    opt = c.r.sample(["address", "city", "state", "zip", "phone", "icd10", "cpt", "npi", "billed", "paid", "status"], c.ri(5, 9))
    cols = base + [k for k in ["address", "city", "state", "zip", "phone", "icd10", "cpt", "npi", "billed", "paid", "status"] if k in opt] + list(extra)
    return cols


def _claims_table(c, d, cols, delim, dfmt, nrows, quote_all=False, name_style="lf", hdr_case=None):
    heads = [col_name(c, k) for k in cols]
    if hdr_case == "upper":
        heads = [h.upper() for h in heads]
    d.add(delim.join(f'"{h}"' if quote_all else h for h in heads), "\n")
    for _ in range(nrows):
        p = c.person()
        sub = c.relative(p) if "sub_name" in cols and c.chance(0.4) else None
        vals = [claim_val(c, p, k, dfmt, name_style, sub) for k in cols]
        d.add(join(delim, [csvf(v, delim, quote_all) for v in vals]), "\n")


def col_name(c, k):
    dev, hold = CLAIM_COLS[k]
    return c.pick(hold if c.hold else dev)


def csv_v1(c, d):
    _claims_table(c, d, _claim_cols(c), ",", c.pick(["iso", "us"]), c.ri(4, 10))


def csv_v2(c, d):
    cols = _claim_cols(c)
    if "first" in cols:
        cols = [k for k in cols if k not in ("first", "last")]
        cols.insert(2, "name")
    _claims_table(c, d, cols, "\t", c.pick(["us", "us_nopad"]), c.ri(4, 9), name_style=c.pick(["lf", "upper_lf"]))


def csv_v3(c, d):
    d.add(c.pick([f"HDR|{c.pick(PAYERS).upper()}|{c.fd(c.now, 'hl7')}|CLAIMS_EXTRACT|v2\n", ""]))
    _claims_table(c, d, _claim_cols(c), "|", "hl7", c.ri(4, 9), hdr_case="upper", name_style="upper_lf")
    d.add(f"TRL|{c.ri(4, 9)}\n" if c.chance(0.5) else "")


def csv_v4(c, d):
    _claims_table(c, d, _claim_cols(c), ";", c.pick(["hl7", "dot", "iso"]), c.ri(4, 8))


def csv_v5(c, d):
    """CSV pasted into a ticket with explanation around it."""
    d.add(c.ph("greet"), " ", c.pick(["these rows failed the 837 build last night", "claims below were rejected by the clearinghouse",
                                      "the export is missing the rendering NPI for these"]), ":\n\n{code}\n")
    _claims_table(c, d, _claim_cols(c), ",", c.pick(["us", "iso"]), c.ri(2, 5))
    d.add("{code}\n\n", f"Total rows in file: {c.ri(5000, 90000)}, rejected: {c.ri(2, 300)}. Ticket ", c.jira_key(("RCM", "CLM", "EDI")), ".\n")


def csv_v6(c, d):
    cols = ["claim_id", "sub_name", "rel", "name", "member_id", "dob", "dos", "mbi", "icd10", "cpt", "billed"]
    _claims_table(c, d, cols, ",", "iso", c.ri(4, 8), quote_all=True, name_style=c.pick(["lf", "fl"]))


def csv_h1(c, d):
    """Fixed-width mainframe report."""
    w = [14, 24, 11, 11, 13, 8, 6, 10]
    d.add(f"RUN DATE {c.fd(c.now, 'us')}   {c.pick(PAYERS).upper():<30} PAGE 1\nCLAIM REGISTER - DENIED\n")
    heads = ["CLAIM NO", "MEMBER NAME", "BIRTH", "SVC DATE", "MEMBER ID", "DX", "PROC", "CHARGE"]
    d.add("".join(h.ljust(x) for h, x in zip(heads, w)).rstrip(), "\n", "-" * sum(w), "\n")
    for _ in range(c.ri(4, 9)):
        p = c.person()
        vals = [P(c.digits(12, True), "other_id"), up(c.name(p, "lf")) if p.latin else c.name(p), P(c.fd(p.dob, "us"), "date"),
                P(c.fd(c.recent(90), "us"), "date"), P(p.member_id, "health_plan_id"), D(c.pick(ICD10)[0], "diagnosis_code"),
                D(c.pick(CPT)[0], "procedure_code"), f"{c.ri(40, 9999)}.{c.ri(0, 99):02d}"]
        for v, x in zip(vals, w):
            t = plain(v)
            if len(t) >= x:
                d.add(v, " ")
            else:
                d.add(v, " " * (x - len(t)))
        d.add("\n")


def csv_h2(c, d):
    """Title row first, header on row 2, ISO timestamps, email column."""
    d.add(f"Claims export,{c.fd(c.now, 'iso')},{c.pick(PAYERS)},,,,\n")
    cols = _claim_cols(c, extra=("email", "mbi") if c.chance(0.5) else ("email",))
    heads = [col_name(c, k) for k in cols]
    d.add(",".join(heads), "\n")
    for _ in range(c.ri(3, 7)):
        p = c.person()
        vals = []
        for k in cols:
            if k == "dos":
                vals.append(P(c.recent(100).isoformat() + f"T{c.hhmm()}:00Z", "date"))
            else:
                vals.append(claim_val(c, p, k, "iso"))
        d.add(join(",", [csvf(v) for v in vals]), "\n")


# ==========================================================================
# PHI family: patient_email
# ==========================================================================


def email_date(c, d=None):
    d = d or c.recent(10)
    wd = WEEKDAYS[d.weekday()][:3]
    return f"{wd}, {d.day} {MON[d.month - 1]} {d.year} {c.ri(6, 22):02d}:{c.ri(0, 59):02d}:{c.ri(0, 59):02d} {c.pick(['-0500', '-0400', '-0700', '-0800', '+0000'])}"


def _clinic_addr(c):
    co = c.pick(["stmarys.org", "mercygeneral.org", "lakesidehealth.com", "riversidemed.org", "goodsam.org", "cedarridgeclinic.com"])
    return D(c.pick(["billing", "frontdesk", "patientaccess", "records", "nurseline", "scheduling"]) + "@" + co, "staff_contact")


def _patient_body(c, d, p, writer=None):
    q = writer
    sub = p if q is None else q
    if q is None:
        d.add(c.pick(["Hello,\n\n", "Hi,\n\n", "To whom it may concern,\n\n", "Good afternoon,\n\n"]))
        d.add(c.pick(["My name is ", "This is ", "I am writing, I'm "]), c.name(p, "fl" if p.latin else None), c.pick([" and ", ", ", ". "]))
        d.add(c.pick(["my date of birth is ", "DOB ", "born "]), c.dob(p, c.pick(["us", "long", "us_nopad"])), ". ")
    else:
        d.add(c.pick(["Hello,\n\n", "Dear Dr. office,\n\n", "Hi there,\n\n"]))
        if q.rel in ("daughter", "son", "granddaughter", "niece"):
            who = "mother" if p.sex == "F" else "father"
        elif q.rel in ("wife", "husband", "partner"):
            who = "wife" if p.sex == "F" else "husband"
        else:
            who = "relative"
        d.add(c.pick(["I'm writing about my ", "This is about my "]), who, " ", c.name(p), " (", c.ph("dob"), " ", c.dob(p), "). ")
    cd = c.pick(ICD10)
    my, My, we = ("my", "My", "I") if q is None else (("her", "Her", "We") if p.sex == "F" else ("his", "His", "We"))
    d.add(c.pick([
        [f"{we} got a bill for ", f"${c.ri(90, 6000)}", " for a visit on ", c.date(c.recent(90)), " that should have been covered. "],
        [f"The pharmacy says {my} ", D(c.pick(MEDS)[0], "medication"), " refill needs prior authorization again. "],
        ["Since the discharge on ", c.date(c.recent(30)), " the ", D(cd[2], "condition"), " has gotten worse and nobody called back. "],
        [f"{we} need a copy of the records from the ", D(cd[2], "condition"), " visit for a new specialist. "],
    ]))
    d.add(c.pick([f"{My} insurance ID is ", "Member number ", "The ID on the card is "]), P(p.member_id, "health_plan_id"), c.pick([". ", " (", ". "]))
    if plain(d.parts[-1]).endswith("("):
        d.add(p.payer, "). ")
    d.add(c.pick(["You can reach me at ", "Please call me at ", "My cell is "]), c.phone(sub.phone), ".")
    if c.chance(0.5):
        d.add(c.pick([" My address is ", " Please mail it to ", " We moved, the new address is "]), c.addr(p, "comma"), ".")
    d.add("\n\n", c.ph("thanks"), "\n", c.name(sub, "fl" if sub.latin else None), "\n")


def email_v1(c, d):
    p = c.person()
    d.add("---------- Forwarded message ---------\n")
    d.add("From: ", c.name(p, "fl" if p.latin else None), " <", P(p.email, "email"), ">\n")
    d.add("Date: ", D(f"{WEEKDAYS[c.now.weekday()][:3]}, {MON[c.now.month - 1]} {c.now.day}, {c.now.year} at {c.ri(1, 12)}:{c.ri(0, 59):02d} {c.pick(['AM', 'PM'])}", "date"), "\n")
    d.add(f"Subject: {c.pick(['Question about my bill', 'Refill problem', 'Records request', 'Please help'])}\n")
    d.add("To: <", _clinic_addr(c), ">\n\n")
    _patient_body(c, d, p)
    d.add("\n", c.pick(["FYI - can someone from billing take this?", "Forwarding for follow-up.", "Please add to the queue."]), "\n")


def email_v2(c, d):
    p = c.person()
    staff = c.staff_name()
    d.add("From: ", D(staff, "staff_name"), "\nSent: ", D(f"{WEEKDAYS[c.now.weekday()]}, {MONTHS[c.now.month - 1]} {c.now.day}, {c.now.year} {c.ri(1, 12)}:{c.ri(0, 59):02d} {c.pick(['AM', 'PM'])}", "date"), "\n")
    d.add("To: ", c.name(p, "fl" if p.latin else None), " <", P(p.email, "email"), ">\n", f"Subject: RE: {c.pick(['Appointment', 'Test results', 'Billing question'])}\n\n")
    d.add(c.pick(["Hi ", "Dear "]), c.name(p, "first") if p.latin else c.name(p), ",\n\n", c.pick(["Thanks for reaching out. ", "I've checked with the team. "]),
          c.pick(["We've scheduled you for ", "Your follow-up is on "]), c.date(c.recent(0, 30)), ". ", c.pick(["Please bring your ID card.", "Call us if you need to reschedule."]), "\n\n")
    d.add(D(staff, "staff_name"), "\n", D(c.pick(FACILITIES), "facility"), "\n\n")
    d.add("-----Original Message-----\n", "From: ", c.name(p, "fl" if p.latin else None), " <", P(p.email, "email"), ">\n")
    d.add("Sent: ", D(c.fd(c.recent(5), "us"), "date"), "\n\n")
    _patient_body(c, d, p)


def email_v3(c, d):
    """Raw .eml with MIME headers, written by a relative."""
    p = c.person(age_range=(60, 98), old=0.15)
    q = c.relative(p, c.pick([r for r in RELATIONS if r[0] in ("daughter", "son", "wife", "husband")]))
    d.add("Return-Path: <", P(q.email, "email"), ">\n")
    d.add(f"Received: from mail-{c.pick(['yw1', 'pl1', 'ej1'])}-f{c.ri(100, 199)}.google.com (209.85.{c.ri(128, 255)}.{c.ri(1, 254)}) by mx.{c.co_slug}.org\n")
    d.add(f"Message-ID: <{c.hexs(16)}@mail.gmail.com>\n", "Date: ", D(email_date(c), "date"), "\n")
    d.add("From: ", c.name(q, "fl" if q.latin else None), " <", P(q.email, "email"), ">\n", "To: ", _clinic_addr(c), "\n")
    parent = q.rel in ("daughter", "son")
    d.add("Subject: ", c.pick([("My mother" if p.sex == "F" else "My father") if parent else f"My {'wife' if p.sex == 'F' else 'husband'}",
                              ("Mom" if p.sex == "F" else "Dad") if parent else "Question about my family member", "Urgent - medication"]), "\n")
    d.add("MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: 8bit\n\n")
    _patient_body(c, d, p, writer=q)


def email_v4(c, d):
    """Patient portal message."""
    p = c.person()
    d.add(f"{c.pick(['MyChart', 'Patient Portal', 'FollowMyHealth'])} message\n")
    d.add("From: ", c.name(p), " (", c.ph("mrn"), " ", P(p.mrn, "mrn"), ")\nTo: ", D(c.staff_name(dr=True), "staff_name"), "'s care team\n")
    d.add("Received: ", D(c.fd(c.recent(3), "us"), "date"), f" {c.hhmm()}\n", f"Subject: {c.pick(['Medication question', 'Side effects', 'Test result question'])}\n\n")
    cd = c.pick(ICD10)
    m = c.pick(MEDS)
    d.add(c.pick(["Since starting ", "After the dose change of "]), D(m[0], "medication"), " I have ", c.pick(["dizziness", "a rash", "trouble sleeping", "swelling in my ankles"]),
          ". ", c.pick(["Is this normal with my ", "Could it be related to my "]), D(cd[2], "condition"), "? ")
    d.add("Call me at ", c.phone(p.phone), " if easier.\n\n", c.name(p, "first") if p.latin else c.name(p), "\n")
    if c.chance(0.5):
        d.add(f"\n[Sent from {c.pick(['iPhone app', 'web', 'Android app'])}, IP ", P(c.ip(private=False), "ip_address"), "]\n")


def email_v5(c, d):
    """Reply quoting with '>' lines."""
    p = c.person()
    staff = c.staff_name()
    d.add("On ", D(f"{MON[c.now.month - 1]} {c.now.day}, {c.now.year}", "date"), ", at ", f"{c.ri(1, 12)}:{c.ri(0, 59):02d} {c.pick(['AM', 'PM'])}", ", ",
          c.name(p, "fl" if p.latin else None), " <", P(p.email, "email"), "> wrote:\n")
    body = Doc()
    _patient_body(c, body, p)
    # re-emit the body with '> ' prefixes, keeping the labels
    quoted = []
    for piece in _pieces(body):
        if isinstance(piece, Lab):
            quoted.append(piece)
        else:
            quoted.append(piece.replace("\n", "\n> "))
    d.add("> ", quoted, "\n")
    d.add(c.pick(["Adding ", "Looping in "]), D(staff, "staff_name"), " from billing. ", D(c.staff_name(), "staff_name"), "\n")


def _pieces(doc):
    """The piece list (str / Lab) of a Doc."""
    return list(doc.items)


def email_v6(c, d):
    """Short email, identifiers in subject and signature."""
    p = c.person()
    d.add("Subject: ", c.pick(["Claim for member ", "Re: ID "]), P(p.member_id, "health_plan_id"), "\n")
    d.add("From: ", P(p.email, "email"), "\nTo: ", _clinic_addr(c), "\n\n")
    d.add(c.pick(["See attached EOB. ", "Still waiting on the refund. ", "Why was this denied?? "]), c.pick(["Please call.", "Thanks.", ""]), "\n\n--\n")
    d.add(c.name(p, "fl" if p.latin else None), "\n", c.street(p), "\n", P(p.city, "street_address"), ", ", D(p.state, "state"), " ", P(p.zip, "zip_code"), "\n")
    d.add(c.pick(["cell ", "m: ", "tel "]), c.phone(p.phone), "\n")


def email_h1(c, d):
    """Spanish-language email from a patient."""
    p = c.person(locale=c.pick(["es_ES", "es_CO"]))
    d.add("De: ", c.name(p, "fl"), " <", P(p.email, "email"), ">\nEnviado: ", D(c.fd(c.recent(5), "dot"), "date"), "\nPara: ", _clinic_addr(c), "\n")
    d.add(f"Asunto: {c.pick(['Consulta sobre mi factura', 'Resultados de laboratorio', 'Cita de seguimiento'])}\n\n")
    d.add("Buenos días,\n\nMe llamo ", c.name(p, "fl"), ", fecha de nacimiento ", c.dob(p, c.pick(["dot", "dmy_long", "us"])), ". ")
    d.add("Mi número de afiliado es ", P(p.member_id, "health_plan_id"), ". ")
    d.add(c.pick(["Recibí una factura por una consulta del ", "No he recibido los resultados de la prueba del "]), c.date(c.recent(60)), ". ")
    d.add("Pueden llamarme al ", c.phone(p.phone), ". Mi dirección es ", c.addr(p, "comma"), ".\n\nGracias,\n", c.name(p, "first"), "\n")


def email_h2(c, d):
    """Voicemail transcription forwarded by the phone system."""
    p = c.person()
    d.add(f"From: voicemail@{c.co_slug}.org\nTo: ", _clinic_addr(c), f"\nSubject: New voicemail from ", c.phone(p.phone, "plain", False), f" ({c.ri(0, 2)}:{c.ri(10, 59)})\n\n")
    d.add("Transcription (may be inaccurate):\n\"Hi, this is ", c.name(p, "fl" if p.latin else None), ", um, my birthday is ", c.dob(p, "long"),
          ". I'm calling about ", c.pick(["my prescription", "the letter I got", "my husband's appointment", "my test results"]), ". ")
    d.add("My number is ", c.phone(p.phone, "dash", False), ", again ", c.phone(p.phone, "dash", False), ". Thanks, bye.\"\n")


# ==========================================================================
# CLEAN family: clean_stack_trace
# ==========================================================================

CLEAN_SUMMARIES = (
    ["NullPointerException in PatientService.findByMrn when MRN is blank", "Timeout calling eligibility API from claims worker",
     "OptimisticLockException saving Encounter after concurrent update", "ClassCastException in FHIR bundle mapper after upgrade",
     "Scheduler job EncounterSyncJob fails with connection reset", "500 on /api/v2/patients/search when page size > 200",
     "Memory leak in HL7 listener after 48h uptime", "Flaky test PatientMatcherIT on CI agents"],
    ["Deadlock between AuditWriter and ConsentService under load", "Retry storm against payer gateway after TLS rotation",
     "JSON mapping fails for Coverage with empty period", "Startup fails: bean 'mpiClient' could not be created"],
)
JAVA_EXC = [("java.lang.NullPointerException", "Cannot invoke \"String.isBlank()\" because \"mrn\" is null"),
            ("java.net.SocketTimeoutException", "Read timed out"), ("jakarta.persistence.OptimisticLockException", "Row was updated or deleted by another transaction"),
            ("java.lang.ClassCastException", "class org.hl7.fhir.r4.model.Reference cannot be cast to class org.hl7.fhir.r4.model.Patient"),
            ("org.springframework.web.client.ResourceAccessException", "I/O error on POST request for \"https://eligibility.internal:8443/v1/check\": Connection reset"),
            ("java.lang.OutOfMemoryError", "Java heap space"), ("java.lang.IllegalArgumentException", "Page size must not be greater than 200"),
            ("org.hibernate.exception.JDBCConnectionException", "Unable to acquire JDBC Connection"),
            ("com.fasterxml.jackson.databind.exc.MismatchedInputException", "Cannot deserialize value of type `java.time.LocalDate` from Array value")]
CLEAN_CLASSES = ["PatientService", "PatientRepository", "EncounterSyncJob", "EligibilityClient", "FhirBundleMapper", "ClaimsWorker",
                 "PatientSearchController", "AuditWriter", "ConsentService", "MpiClient", "CoverageMapper", "ChartLockManager"]


def _clean_summary(c):
    return c.pick(CLEAN_SUMMARIES[1] if c.hold else CLEAN_SUMMARIES[0])


def java_trace(c, depth=None, caused=None):
    exc, msg = c.pick(JAVA_EXC)
    out = [f"{exc}: {msg}\n"]
    pkg = c.pkg()
    for _ in range(depth or c.ri(4, 9)):
        cls = c.pick(CLEAN_CLASSES + ["$$SpringCGLIB$$0", "DirectMethodHandleAccessor", "FrameworkServlet"])
        if cls.startswith("$$"):
            out.append(f"\tat {pkg}.service.PatientService$$SpringCGLIB$$0.{c.pick(['findByMrn', 'search', 'save'])}(<generated>)\n")
        elif cls in ("DirectMethodHandleAccessor", "FrameworkServlet"):
            out.append(c.pick([f"\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:{c.ri(90, 110)})\n",
                               f"\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:{c.ri(800, 900)})\n"]))
        else:
            out.append(f"\tat {pkg}.{c.pick(['service', 'repository', 'jobs', 'api', 'mapper'])}.{cls}.{c.pick(['findByMrn', 'search', 'map', 'run', 'execute', 'lambda$run$2', 'save'])}({cls}.java:{c.ri(12, 640)})\n")
    if caused if caused is not None else c.chance(0.5):
        e2, m2 = c.pick(JAVA_EXC)
        out.append(f"Caused by: {e2}: {m2}\n")
        out.append(f"\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:{c.ri(2600, 2800)})\n")
        out.append(f"\t... {c.ri(10, 90)} more\n")
    return out


def clean_log(c, n=None, style=None):
    style = style or c.pick(["logback", "spring"] + (["json"] if c.hold else []))
    out = []
    for _ in range(n or c.ri(3, 6)):
        msg = c.pick([
            f"Request {c.uuid()} completed status={c.pick([200, 201, 500, 502, 504])} duration={c.ri(3, 30000)}ms",
            f"HikariPool-1 - Connection is not available, request timed out after {c.ri(3000, 30000)}ms (total={c.ri(10, 50)}, active={c.ri(10, 50)}, idle=0, waiting={c.ri(1, 90)})",
            f"Retrying call to {c.ip()}:{c.pick([8443, 443, 5432, 9092])} (attempt {c.ri(1, 5)})",
            f"Processed batch {c.ri(1, 9999)} ({c.ri(10, 5000)} records) in {c.ri(1, 900)}ms",
            f"traceId={c.hexs(32)} spanId={c.hexs(16)} GET /api/v2/patients/search?page={c.ri(0, 40)}&size={c.pick([50, 100, 250, 500])}",
            f"Kafka consumer group encounter-sync lag={c.ri(0, 90000)} partition={c.ri(0, 11)}",
            f"Cache patient-search evicted {c.ri(10, 9000)} entries",
        ])
        out.append(log_line(c, c.pick(["INFO", "WARN", "ERROR", "DEBUG"]), [msg], style))
    return out


def clean_trace_v1(c, d):
    key = c.jira_key()
    jira_header(c, d, key, _clean_summary(c), "fields")
    d.add(c.pick(["Seen in PROD since build ", "Started after deploying build ", "Reproducible on QA with build "]), f"{c.ri(1000, 9999)} ({c.now.year}.{c.ri(1, 4)}.{c.ri(0, 9)}). ")
    d.add(c.pick([f"Roughly {c.ri(2, 400)} occurrences per hour.", "Only on node 2.", "Happens when the search page size is large."]), "\n\n{code:java}\n", java_trace(c), "{code}\n\n")
    d.add("Logs:\n{noformat}\n", clean_log(c), "{noformat}\n")
    if c.chance(0.5):
        d.add("\nRelated: ", c.jira_key(), ", ", c.jira_key(), "\n")


def clean_trace_v2(c, d):
    jira_header(c, d, c.jira_key(), _clean_summary(c), "md")
    d.add("### Environment\n", f"- Service: `{c.pick(['ehr-api', 'claims-worker', 'fhir-gateway', 'portal-bff'])}` {c.ri(1, 9)}.{c.ri(0, 30)}.{c.ri(0, 20)}\n")
    d.add(f"- Commit: `{c.hexs(40)}`\n- JDK: Temurin 17.0.{c.ri(5, 12)}+{c.ri(1, 9)}\n- Host: `{c.pick(['ip-10-2-3-4', 'ehr-api-7d9f8c6b5-x2kqp', 'app02.qa'])}` ({c.ip()})\n\n")
    d.add("### Stack trace\n```\n", java_trace(c), "```\n\n### Notes\n")
    d.add(c.pick(["Happens only when `mrn` query param is empty.", "Started after the Hibernate 6.4 upgrade.", "Correlates with the nightly batch at 02:00 UTC."]), "\n")
    d.add("\n/cc @", D(c.handle(c.staff_name()), "staff_name"), "\n")


def clean_trace_v3(c, d):
    jira_header(c, d, c.jira_key(), _clean_summary(c), c.pick(["fields", "notif"]))
    d.add("SQL from the debug log (parameters masked by the logger):\n{noformat}\n")
    d.add(f"{c.ts(sep=' ', z='')} DEBUG org.hibernate.SQL - select p1_0.id,p1_0.mrn,p1_0.family_name,p1_0.birth_date from patient p1_0 where p1_0.mrn=? fetch first ? rows only\n")
    d.add(f"{c.ts(sep=' ', z='')} TRACE org.hibernate.orm.jdbc.bind - binding parameter (1:VARCHAR) <- [<masked>]\n")
    d.add(f"{c.ts(sep=' ', z='')} WARN  o.h.e.j.s.SqlExceptionHelper - SQL Error: 0, SQLState: 57014\n")
    d.add(f"{c.ts(sep=' ', z='')} ERROR o.h.e.j.s.SqlExceptionHelper - ERROR: canceling statement due to statement timeout\n{{noformat}}\n\n")
    d.add("{code}\n", java_trace(c, caused=True), "{code}\n")
    d.add(f"\nEXPLAIN shows a seq scan on patient ({c.ri(2, 40)}M rows). Index idx_patient_mrn missing after migration V{c.ri(40, 120)}.\n")


def clean_trace_v4(c, d):
    jira_header(c, d, c.jira_key(), _clean_summary(c), "fields")
    d.add(c.pick(["See trace in first comment.", "Intermittent; details below."]), "\n\nComments\n")
    for i in range(c.ri(2, 4)):
        who = c.staff_name()
        d.add("\n", D(who, "staff_name"), f" added a comment - {c.jira_date()}\n")
        if i == 0:
            d.add("{code}\n", java_trace(c), "{code}\n")
        else:
            d.add(c.pick([
                ["[~", D(c.handle(c.staff_name()), "staff_name"), f"] can you check build #{c.ri(1000, 9999)} on agent {c.pick(['ci-linux-04', 'ci-linux-07', 'bamboo-agent-2'])}?"],
                [f"Fixed in commit {c.hexs(12)}, merged via PR #{c.ri(100, 3000)}. Deploying to QA."],
                [f"Could not reproduce on {c.now.year}.{c.ri(1, 4)}.{c.ri(0, 9)}. Heap dump is {c.ri(1, 8)}.{c.ri(0, 9)} GB, uploaded to s3://{c.co_slug}-diag/{c.uuid()}/"],
                ["@", D(c.handle(c.staff_name()), "staff_name"), f" thread pool is capped at {c.pick([8, 16, 32])}; raising to {c.pick([64, 128])} fixed it on QA."],
            ]), "\n")


def clean_trace_v5(c, d):
    pod = f"{c.pick(['ehr-api', 'claims-worker', 'fhir-gateway'])}-{c.hexs(9)}-{c.letters(5, string.ascii_lowercase + string.digits)}"
    jira_header(c, d, c.jira_key(("PLAT", "SRE", "OPS")), f"Pod {pod.rsplit('-', 2)[0]} OOMKilled during nightly batch", c.pick(["md", "fields"]))
    d.add("```\n$ kubectl -n ", c.pick(["ehr-prod", "claims", "integration"]), f" describe pod {pod}\n")
    d.add(f"Node:         ip-{c.ri(10, 10)}-{c.ri(0, 255)}-{c.ri(0, 255)}-{c.ri(1, 254)}.ec2.internal/{c.ip()}\n")
    d.add(f"Start Time:   {WEEKDAYS[c.now.weekday()][:3]}, {c.now.day:02d} {MON[c.now.month - 1]} {c.now.year} {c.hhmm()}:{c.ri(10, 59)} +0000\n")
    d.add(f"Image:        registry.{c.co_slug}.internal/{pod.rsplit('-', 2)[0]}:{c.now.year}.{c.ri(1, 4)}.{c.ri(0, 9)}-{c.hexs(7)}\n")
    d.add(f"    Last State:     Terminated\n      Reason:       OOMKilled\n      Exit Code:    137\n    Restart Count:  {c.ri(1, 40)}\n")
    d.add(f"    Limits:\n      memory:  {c.pick(['1Gi', '2Gi', '4Gi'])}\nEvents:\n  Warning  BackOff  {c.ri(1, 59)}m  kubelet  Back-off restarting failed container\n```\n\n")
    d.add("Last log lines before the kill:\n```\n", clean_log(c, style="spring"), "```\n")


def clean_trace_v6(c, d):
    jira_header(c, d, c.jira_key(), c.pick(["Thread pool starvation in HL7 listener", "Request threads blocked on ChartLockManager"]), "wiki")
    d.add("Thread dump taken with jstack at ", f"{c.ts(sep=' ', z='', frac=False)} UTC", ":\n{noformat}\n")
    for i in range(c.ri(2, 4)):
        tn = c.pick(THREADS).format(n=c.ri(1, 40), m=c.ri(1, 40))
        state = c.pick(["BLOCKED (on object monitor)", "WAITING (parking)", "RUNNABLE", "TIMED_WAITING (sleeping)"])
        d.add(f"\"{tn}\" #{c.ri(20, 400)} daemon prio=5 os_prio=0 cpu={c.ri(1, 90000)}.{c.ri(10, 99)}ms elapsed={c.ri(100, 99999)}.{c.ri(10, 99)}s tid=0x00007f{c.hexs(10)} nid=0x{c.hexs(4)} {state.split()[0].lower()}\n")
        d.add(f"   java.lang.Thread.State: {state}\n")
        d.add(f"\tat {c.pkg()}.locks.ChartLockManager.acquire(ChartLockManager.java:{c.ri(40, 200)})\n")
        d.add(f"\t- waiting to lock <0x00000007{c.hexs(8)}> (a java.lang.Object)\n" if "BLOCKED" in state else f"\t- parking to wait for  <0x00000007{c.hexs(8)}>\n")
        d.add(f"\tat {c.pkg()}.service.PatientService.updateDemographics(PatientService.java:{c.ri(40, 400)})\n\n")
    d.add("{noformat}\n")
    d.add(f"GC log: [{c.ri(1000, 99999)}.{c.ri(100, 999)}s][info][gc] GC({c.ri(100, 9000)}) Pause Full (G1 Compaction Pause) {c.ri(1000, 4000)}M->{c.ri(900, 3900)}M({c.ri(2048, 4096)}M) {c.ri(200, 9000)}.{c.ri(100, 999)}ms\n")


def clean_trace_h1(c, d):
    """.NET exception."""
    jira_header(c, d, c.jira_key(), _clean_summary(c), c.pick(["fields", "md"]))
    ns = f"{c.co_name.split()[0]}.{c.pick(['Ehr', 'Claims', 'Portal'])}"
    d.add("```\n", f"System.InvalidOperationException: Sequence contains no elements\n")
    for _ in range(c.ri(3, 7)):
        cls = c.pick(CLEAN_CLASSES)
        d.add(f"   at {ns}.Services.{cls}.{c.pick(['GetAsync', 'SearchAsync', 'MapAsync', 'Handle'])}(Guid id, CancellationToken ct) in C:\\agent\\_work\\{c.ri(1, 40)}\\s\\src\\{ns}\\Services\\{cls}.cs:line {c.ri(10, 500)}\n")
    d.add("   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(ActionContext actionContext)\n")
    d.add(f"--- End of stack trace from previous location ---\n```\n\nCorrelation id: {c.uuid()}\nApp Service: {c.pick(['app-ehr-prod-eus2', 'app-portal-qa-wus'])}, instance {c.hexs(12)}\n")


def clean_trace_h2(c, d):
    """Python traceback + Sentry-style event."""
    jira_header(c, d, c.jira_key(), _clean_summary(c), c.pick(["notif", "md"]))
    d.add("Traceback (most recent call last):\n")
    for _ in range(c.ri(3, 6)):
        mod = c.pick(["patients/views.py", "claims/tasks.py", "fhir/mapper.py", "celery/app/trace.py", "django/core/handlers/base.py"])
        d.add(f'  File "/srv/app/{mod}", line {c.ri(10, 900)}, in {c.pick(["get", "run", "map_bundle", "handle", "_execute"])}\n')
        d.add(f"    {c.pick(['result = self.client.search(**params)', 'return mapper.to_fhir(obj)', 'raise ValidationError(msg)', 'rows = cursor.fetchall()'])}\n")
    d.add(f"{c.pick(['KeyError', 'ValueError', 'psycopg2.OperationalError', 'requests.exceptions.ReadTimeout'])}: {c.pick(['birth_date', 'invalid literal for int() with base 10', 'server closed the connection unexpectedly', 'HTTPSConnectionPool read timed out'])}\n\n")
    d.add(f"Sentry event {c.hexs(32)}\nrelease: {c.pick(['portal', 'claims'])}@{c.now.year}.{c.ri(1, 12)}.{c.ri(1, 30)}\nenvironment: production\nuser: svc-integration\nserver_name: {c.pick(['web-3', 'worker-12'])}\n")


# ==========================================================================
# CLEAN family: clean_meeting_notes
# ==========================================================================


def _attendees(c, n=None, mention=True):
    names = [c.staff_name() for _ in range(n or c.ri(3, 7))]
    out = []
    for i, nm in enumerate(names):
        if i:
            out.append(", ")
        out.append(["@", D(nm, "staff_name")] if mention and c.chance(0.7) else D(nm, "staff_name"))
    return names, out


def _zoom(c):
    mid = f"{c.ri(800, 999)} {c.ri(1000, 9999)} {c.ri(1000, 9999)}"
    pw = c.digits(6)
    bridge = c.pick(["6465588656", "3126266799", "6699006833", "2532158782", "3017158592"])
    return [f"Join Zoom Meeting\nhttps://{c.co_slug}.zoom.us/j/{mid.replace(' ', '')}?pwd={c.letters(22, string.ascii_letters + string.digits)}\n",
            f"Meeting ID: {mid}\nPasscode: {pw}\n", f"One tap mobile\n+1{bridge},,{mid.replace(' ', '')}#,,,,*{pw}# US\n",
            f"Dial by your location\n+1 {bridge[:3]} {bridge[3:6]} {bridge[6:]} US\n"]


def _teams(c):
    cid = f"{c.ri(100, 999)} {c.ri(100, 999)} {c.ri(100, 999)}#"
    num = c.pick(["+1 323-849-4874", "+1 872-242-8141", "+1 469-214-8432", "(844) 218-8471"])
    return [f"Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nMeeting ID: {c.ri(200, 299)} {c.ri(100, 999)} {c.ri(100, 999)} {c.ri(100, 999)}\nPasscode: {c.letters(6, string.ascii_letters)}\n",
            f"Or call in (audio only)\n{num},,{cid.replace(' ', '')}   United States\nPhone Conference ID: {cid}\n"]


TOPICS = (["HL7 interface cutover plan", "MRN format change (8 to 10 digits)", "Patient search performance", "FHIR R4 migration",
           "Claims backlog", "Consent management rollout", "PHI logging audit findings", "DR failover test results"],
          ["Prior auth automation", "Lab results latency", "Portal MFA rollout", "Data retention policy"])


def meeting_v1(c, d):
    day = c.recent(20, 20)
    d.add(f"{c.fd(day, 'iso')} {c.pick(['Integration sync', 'Weekly EHR team meeting', 'Interop working group'])}\n\nDate\n{c.fd(day, 'long')}\n\nAttendees\n")
    names, att = _attendees(c)
    d.add(att, "\n\nGoals\n", f"- {c.pick(TOPICS[1] if c.hold else TOPICS[0])}\n- Review open incidents\n\n")
    d.add("Discussion items\n||Time||Item||Who||Notes||\n")
    for _ in range(c.ri(2, 4)):
        d.add(f"|{c.ri(5, 20)} min|{c.pick(TOPICS[1] if c.hold else TOPICS[0])}|", D(c.pick(names), "staff_name"), "|",
              c.pick([f"Target date {c.fd(c.recent(0, 60), 'abbr')}", f"{c.ri(2, 40)} tickets open", f"p95 latency {c.ri(90, 900)} ms", "Agreed, no change", f"Budget +${c.ri(5, 90)}k"]), "|\n")
    d.add("\nAction items\n")
    for _ in range(c.ri(2, 4)):
        d.add("[ ] @", D(c.pick(names), "staff_name"), f" {c.pick(['update the runbook', 'file a ticket for the index', 'confirm cutover window with the vendor', 'share the load test results', 'draft the comms'])} by {c.fd(c.recent(0, 14), 'abbr')}\n")


def meeting_v2(c, d):
    d.add(f"{c.pick(['Invite', 'Meeting'])}: {c.pick(TOPICS[1] if c.hold else TOPICS[0])}\n")
    h = c.ri(9, 16)
    d.add(f"When: {WEEKDAYS[c.now.weekday()]}, {c.fd(c.now, 'long')} {h}:00 - {h + 1}:{c.pick(['00', '30'])} (UTC-05:00) Eastern Time\n")
    d.add("Organizer: ", D(c.staff_name(), "staff_name"), "\n\n", _zoom(c), "\n")
    names, att = _attendees(c, mention=False)
    d.add("Notes\nPresent: ", att, "\n")
    for _ in range(c.ri(3, 5)):
        d.add("* ", c.pick([f"Go-live moved to {c.fd(c.recent(0, 90), 'long')}.", f"Vendor quoted {c.ri(3, 40)} weeks for the interface.",
                             f"{c.ri(2, 90)}% of ADT volume now via the new route.", "Need sign-off from compliance before enabling PHI redaction in logs.",
                             f"Test environment refresh scheduled for {c.fd(c.recent(0, 30), 'abbr')}."]), "\n")


def meeting_v3(c, d):
    d.add(f"Sprint {c.now.year % 100}.{c.ri(1, 26)} retrospective\n\nFacilitator: ", D(c.staff_name(), "staff_name"), "\n\n")
    for h, opts in [("What went well", ["Release went out on time", "Pairing on the FHIR mapper", "New on-call runbook helped", f"Zero P1s for {c.ri(2, 8)} weeks"]),
                    ("What didn't", ["Flaky integration tests", "QA environment down for 2 days", "Too many meetings", "Unclear ownership of the HL7 listener"]),
                    ("Actions", None)]:
        d.add(f"{h}\n")
        if opts:
            for o in c.r.sample(opts, c.ri(2, 3)):
                d.add(f"- {o}", c.pick(["", f" (+{c.ri(1, 6)})"]), "\n")
        else:
            for _ in range(c.ri(1, 3)):
                d.add("- ", D(c.staff_name(), "staff_name"), f": {c.pick(['quarantine flaky tests', 'add QA env health check', 'document listener ownership'])} ({c.jira_key()})\n")
        d.add("\n")


def meeting_v4(c, d):
    d.add(f"Design review: {c.pick(['Patient identity service', 'MRN normalisation', 'Audit log pipeline', 'Results routing v2'])}\n")
    d.add("Reviewers: ", _attendees(c, c.ri(2, 4))[1], "\nStatus: ", c.pick(["Approved", "Approved with changes", "Needs another round"]), "\n\n")
    d.add("Decisions\n")
    for o in c.r.sample([f"MRN stored as VARCHAR(10), left-padded; legacy 8-digit values migrated in V{c.ri(50, 90)}",
                         "PID-7 parsed as local date, no timezone", f"Search API page size capped at {c.pick([100, 200])}",
                         f"Retention: {c.pick([6, 7, 10])} years for audit events", "Identifiers hashed with SHA-256 + per-tenant salt before logging",
                         f"Kafka topic encounter-events with {c.pick([12, 24, 48])} partitions"], c.ri(2, 4)):
        d.add(f"1. {o}\n")
    d.add("\nOpen questions\n- ", c.pick(["Do we need to support HL7 2.3 senders?", "Who owns the MPI thresholds?", "Can we drop SOAP endpoints?"]), "\n")
    d.add(f"\nNumbers: peak {c.ri(50, 900)} msg/s, p99 {c.ri(100, 2000)} ms, {c.ri(2, 90)}M patients in the index.\n")


def meeting_v5(c, d):
    d.add(f"Standup {c.fd(c.recent(10, 0), 'us')}\n\n")
    for _ in range(c.ri(3, 6)):
        d.add(D(c.staff_name(), "staff_name"), "\n")
        d.add(f"  Y: {c.pick(['finished', 'worked on', 'reviewed'])} {c.jira_key()}\n  T: {c.pick(['pairing on', 'testing', 'deploying'])} {c.jira_key()}\n")
        d.add(f"  B: {c.pick(['none', 'waiting on DBA', 'QA env down', 'need access to the vendor portal'])}\n")


def meeting_v6(c, d):
    d.add(f"{c.pick(['Steering committee', 'Program governance', 'EHR optimisation board'])} minutes - {c.fd(c.recent(10), 'long')}\n\n")
    d.add("Chair: ", D(c.staff_name(), "staff_name"), "   Scribe: ", D(c.staff_name(), "staff_name"), "\nPresent: ", _attendees(c, c.ri(4, 8), mention=False)[1], "\n\n")
    d.add(_teams(c), "\n")
    d.add(f"1. Budget: spent ${c.ri(100, 900)}k of ${c.ri(900, 2000)}k; forecast on track.\n")
    d.add(f"2. Milestones: interface testing complete {c.fd(c.recent(0, 30), 'us')}; go-live {c.fd(c.recent(0, 120), 'us')}.\n")
    d.add(f"3. Risks: {c.pick(['vendor staffing', 'training completion at 62%', 'data conversion defects (41 open)'])}.\n")
    d.add(f"4. Next meeting {c.fd(c.recent(0, 30), 'long')}, same bridge.\n")


def meeting_h1(c, d):
    """Incident postmortem review."""
    d.add(f"Postmortem review: INC-{c.ri(1000, 9999)} {c.pick(['ADT feed outage', 'Results delayed', 'Portal login failures'])}\nSeverity: SEV{c.ri(1, 3)}   Duration: {c.ri(20, 400)} min\n")
    d.add("Incident commander: ", D(c.staff_name(), "staff_name"), "\n\nTimeline (UTC)\n")
    t = c.ri(0, 20) * 60
    for ev in ["alert fired: queue depth > 5000", "on-call acknowledged", "identified expired TLS cert on the MLLP endpoint", "cert rotated, queue draining", "all clear"]:
        t += c.ri(3, 60)
        d.add(f"{(t // 60) % 24:02d}:{t % 60:02d}  {ev}\n")
    d.add(f"\nImpact: ~{c.ri(200, 20000):,} messages delayed, none lost. No patient-facing impact reported.\n")
    d.add("Follow-ups: ", c.jira_key(), ", ", c.jira_key(), "\n", "Bridge used: ", _zoom(c)[2])


def meeting_h2(c, d):
    """Vendor call notes with a Webex bridge."""
    vendor = c.pick(["Rhapsody", "Redox", "Health Gorilla", "Availity", "Change Healthcare"])
    d.add(f"Vendor call - {vendor}\n{c.fd(c.recent(5), 'dmy_long')}\n\n")
    d.add("Webex: https://", c.co_slug, f".webex.com/meet/{c.letters(8, string.ascii_lowercase)}\nAccess code: {c.ri(2000, 2999)} {c.ri(100, 999)} {c.ri(1000, 9999)}\n")
    d.add(f"Call-in: +1-{c.pick(['408', '415', '650'])}-{c.ri(200, 999)}-{c.ri(1000, 9999)} United States Toll\n\n")
    d.add("Vendor side: ", D(c.staff_name(), "staff_name"), " (", c.pick(["solutions engineer", "account manager"]), "), ", D(c.staff_name(), "staff_name"), "\n")
    d.add("Our side: ", _attendees(c, 3, mention=False)[1], "\n\n")
    d.add(f"- Contract renewal {c.fd(c.recent(0, 200), 'abbr')}, {c.ri(2, 12)}% uplift proposed\n- SLA: {c.pick(['99.9', '99.95'])}% monthly, credits above that\n- They can support TLS 1.3 on MLLP from v{c.ri(6, 9)}.{c.ri(0, 9)}\n")


# ==========================================================================
# CLEAN family: clean_validator_diff
# ==========================================================================

FAKE_SSNS_BAD = ["000-00-0000", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "999-99-9999", "078-05-1120"]
FAKE_SSNS_OK = ["123-45-6789", "219-09-9999"]
FAKE_PHONES = ["555-0100", "555-0199", "(555) 555-0123", "555-555-0142", "+1 555 010 0000", "212-555-0187", "(800) 555-0175"]


def _diff_lines(d, lines, prefix="+"):
    for l in lines:
        d.add(prefix, l, "\n")


def validator_v1(c, d):
    """Java SSN validator + JUnit."""
    pkg = c.pkg()
    path = f"src/main/java/{pkg.replace('.', '/')}/validation/SsnValidator.java"
    d.add(diff_header(c, path, new=True, new_lines=18))
    _diff_lines(d, [f"package {pkg}.validation;", "", "import java.util.regex.Pattern;", "",
                    "public final class SsnValidator {",
                    "    private static final Pattern SSN = Pattern.compile(\"^(?!000|666|9\\\\d{2})\\\\d{3}-(?!00)\\\\d{2}-(?!0000)\\\\d{4}$\");",
                    "", "    public static boolean isValid(String s) {", "        return s != null && SSN.matcher(s).matches();", "    }", "}"])
    tpath = path.replace("src/main", "src/test").replace(".java", "Test.java")
    bad = c.r.sample(FAKE_SSNS_BAD, 4)
    d.add(diff_header(c, tpath, new=True, new_lines=16))
    _diff_lines(d, ["class SsnValidatorTest {", "    @ParameterizedTest", "    @ValueSource(strings = {" + ", ".join(f'"{b}"' for b in bad) + "})",
                    "    void rejectsInvalid(String ssn) {", "        assertFalse(SsnValidator.isValid(ssn));", "    }", "",
                    "    @Test", "    void acceptsWellFormed() {", f'        assertTrue(SsnValidator.isValid("{c.pick(FAKE_SSNS_OK)}")); // documented test value',
                    "    }", "}"])


def validator_v2(c, d):
    """TypeScript phone validator + Jest."""
    path = c.pick(["src/validators/phone.ts", "packages/forms/src/phone.ts"])
    d.add(diff_header(c, path, old_lines=6, new_lines=12))
    d.add(" export const PHONE_RE = /^\\+?1?[-. ]?\\(?([2-9]\\d{2})\\)?[-. ]?(\\d{3})[-. ]?(\\d{4})$/;\n")
    _diff_lines(d, ["export function normalizePhone(input: string): string | null {", "  const m = PHONE_RE.exec(input.trim());",
                    "  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : null;", "}"])
    d.add(" \n")
    d.add(diff_header(c, path.replace(".ts", ".test.ts"), new=True, new_lines=10))
    ph = c.r.sample(FAKE_PHONES, 4)
    _diff_lines(d, ["import { normalizePhone } from './phone';", "", "describe('normalizePhone', () => {",
                    f"  it('formats', () => expect(normalizePhone('{ph[0]}')).toBe('{ph[0]}'));",
                    f"  it.each(['{ph[1]}', '{ph[2]}', 'abc', ''])('handles %s', (v) => expect(() => normalizePhone(v)).not.toThrow());",
                    f"  it('rejects 911', () => expect(normalizePhone('{ph[3]}-911')).toBeNull());", "});"])


def validator_v3(c, d):
    """Python NPI Luhn validator + pytest."""
    path = c.pick(["claims/validation/npi.py", "app/validators/npi.py"])
    d.add(diff_header(c, path, new=True, new_lines=12))
    _diff_lines(d, ['"""NPI check digit (Luhn over the 80840 prefix), see CMS NPI standard."""', "", "def is_valid_npi(npi: str) -> bool:",
                    "    if len(npi) != 10 or not npi.isdigit() or npi[0] not in \"12\":", "        return False",
                    "    digits = \"80840\" + npi", "    total = 0", "    for i, ch in enumerate(reversed(digits)):",
                    "        n = int(ch) * (2 if i % 2 else 1)", "        total += n - 9 if n > 9 else n", "    return total % 10 == 0"])
    d.add(diff_header(c, "tests/test_npi.py", new=True, new_lines=8))
    _diff_lines(d, ["import pytest", "from claims.validation.npi import is_valid_npi", "",
                    "@pytest.mark.parametrize(\"npi,ok\", [(\"1234567893\", True), (\"1234567890\", False), (\"0000000000\", False), (\"12345\", False)])",
                    "def test_npi(npi, ok):", "    assert is_valid_npi(npi) is ok"])


def validator_v4(c, d):
    """Go date parsing tests."""
    path = c.pick(["internal/hl7/datetime_test.go", "pkg/parse/date_test.go"])
    d.add(diff_header(c, path, old_lines=5, new_lines=14))
    d.add(" func TestParseDate(t *testing.T) {\n \tcases := []struct{ in string; ok bool }{\n")
    cases = c.r.sample(['{"19000101", true}', '{"00000000", false}', '{"20240230", false}', '{"1970-01-01", true}', '{"9999-12-31", true}',
                        '{"2024-13-01", false}', '{"", false}', '{"20000229", true}'], 5)
    _diff_lines(d, ["\t\t" + x + "," for x in cases])
    d.add(" \t}\n \tfor _, tc := range cases {\n")
    _diff_lines(d, ["\t\t_, err := ParseDate(tc.in)", "\t\tif (err == nil) != tc.ok {", "\t\t\tt.Errorf(\"ParseDate(%q) err=%v\", tc.in, err)", "\t\t}"])
    d.add(" \t}\n }\n")


def validator_v5(c, d):
    """Rust MRN format validator."""
    path = "src/mrn.rs"
    pre = c.pick(["ACM", "NWH", "MED"])
    d.add(diff_header(c, path, old_lines=4, new_lines=20))
    d.add(" use regex::Regex;\n \n")
    _diff_lines(d, [f"/// MRNs are `{pre}` followed by 8 digits, or 8 digits for legacy charts.", "pub fn is_mrn(s: &str) -> bool {",
                    f"    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();",
                    f"    RE.get_or_init(|| Regex::new(r\"^(?:{pre})?\\d{{8}}$\").unwrap()).is_match(s)", "}", "", "#[cfg(test)]", "mod tests {",
                    "    use super::*;", "    #[test]", "    fn formats() {", f"        assert!(is_mrn(\"{pre}00000000\"));", "        assert!(is_mrn(\"00000000\"));",
                    f"        assert!(!is_mrn(\"{pre}1234\"));", "        assert!(!is_mrn(\"\"));", "    }", "}"])


def validator_v6(c, d):
    """SQL migration adding CHECK constraints, with an obviously fake test row."""
    path = f"db/migration/V{c.ri(40, 140)}__demographics_constraints.sql"
    d.add(diff_header(c, path, new=True, new_lines=12))
    _diff_lines(d, ["ALTER TABLE patients", "  ADD CONSTRAINT chk_zip CHECK (zip ~ '^[0-9]{5}(-[0-9]{4})?$'),",
                    "  ADD CONSTRAINT chk_ssn CHECK (ssn IS NULL OR ssn ~ '^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$'),",
                    "  ADD CONSTRAINT chk_dob CHECK (dob BETWEEN DATE '1900-01-01' AND CURRENT_DATE);", "",
                    "-- smoke test row, rolled back by the test harness",
                    "INSERT INTO patients (mrn, first_name, last_name, dob, zip) VALUES ('00000000', 'Test', 'Patient', '1900-01-01', '00000');"])


def validator_h1(c, d):
    """C# ZIP/state validator with xUnit."""
    path = "src/Demographics/Validation/AddressValidatorTests.cs"
    d.add(diff_header(c, path, old_lines=3, new_lines=14))
    d.add(" public class AddressValidatorTests\n {\n")
    _diff_lines(d, ["    [Theory]", "    [InlineData(\"00000\", false)]", "    [InlineData(\"12345\", true)]", "    [InlineData(\"12345-6789\", true)]",
                    "    [InlineData(\"1234\", false)]", "    [InlineData(\"ABCDE\", false)]", "    public void Zip(string zip, bool ok) =>",
                    "        Assert.Equal(ok, AddressValidator.IsZip(zip));", "", "    [Fact]",
                    "    public void State() => Assert.True(AddressValidator.IsState(\"ZZ\") == false);"])
    d.add(" }\n")


def validator_h2(c, d):
    """Ruby MBI validator using the CMS published example."""
    path = "lib/validators/mbi_validator.rb"
    d.add(diff_header(c, path, new=True, new_lines=10))
    _diff_lines(d, ["class MbiValidator", "  # CMS format: C A AN N A AN N A A N N (no S L O I B Z)",
                    "  PATTERN = /\\A[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d[AC-HJKMNP-RT-Y]{2}\\d{2}\\z/",
                    "  def self.valid?(s) = PATTERN.match?(s.to_s.delete('-').upcase)", "end"])
    d.add(diff_header(c, "spec/validators/mbi_validator_spec.rb", new=True, new_lines=6))
    _diff_lines(d, ["RSpec.describe MbiValidator do", "  it { expect(described_class.valid?('1EG4-TE5-MK73')).to be true } # example from the CMS MBI guide",
                    "  it { expect(described_class.valid?('1EG4-TE5-MK7S')).to be false }", "  it { expect(described_class.valid?('0EG4TE5MK73')).to be false }", "end"])


# ==========================================================================
# CLEAN family: clean_release_notes
# ==========================================================================

CHANGES = (["Fix DOB parsing for HL7 PID-7 with timezone offset", "Mask MRN in application logs", "Add FHIR Patient $match operation",
            "Upgrade HAPI FHIR to 7.2.0", "Patient search: support phonetic name matching", "Reduce claims export memory usage by 40%",
            "New admin policy for PHI redaction in attachments", "Drop support for TLS 1.0 on MLLP listener", "Faster MPI merge for large charts",
            "Fix NPE when Coverage.period is empty", "Add audit event for chart export", "Accessibility fixes on the portal sign-in page"],
           ["Support HL7 2.8 in the inbound router", "New eligibility cache with 15 minute TTL", "Fix double-billing of modifier 25 claims",
            "Portal: remember device for MFA 30 days", "Retire legacy SOAP patient lookup", "Bulk FHIR export now streams NDJSON",
            "Correct rounding of allowed amounts in remittance view", "Lab interface: handle OBX-5 with embedded carets",
            "Speed up chart merge queue by batching", "Harden consent API against replayed tokens"])


def _changes(c, n):
    return c.r.sample(CHANGES[1] if c.hold else CHANGES[0], n)


def _ver(c):
    return f"{c.ri(1, 9)}.{c.ri(0, 40)}.{c.ri(0, 20)}" if c.chance(0.5) else f"{c.now.year}.{c.ri(1, 12)}.{c.ri(0, 9)}"


def release_v1(c, d):
    d.add("# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n")
    day = c.now
    for _ in range(c.ri(2, 4)):
        d.add(f"## [{_ver(c)}] - {day.isoformat()}\n")
        for h in c.r.sample(["Added", "Changed", "Fixed", "Security", "Removed"], c.ri(1, 3)):
            d.add(f"### {h}\n")
            for ch in _changes(c, c.ri(1, 3)):
                d.add(f"- {ch} ({c.jira_key()})\n")
        d.add("\n")
        day -= dt.timedelta(days=c.ri(7, 40))


def release_v2(c, d):
    v = _ver(c)
    d.add(f"Release {v}\nRelease date: {c.fd(c.now, 'long')}\nRelease manager: ", D(c.staff_name(), "staff_name"), "\n\n||Key||Summary||Assignee||Status||\n")
    for ch in _changes(c, c.ri(3, 7)):
        d.add(f"|{c.jira_key()}|{ch}|", D(c.staff_name(), "staff_name"), f"|{c.pick(['Done', 'Closed', 'Resolved'])}|\n")
    d.add(f"\nDeployment window: {c.fd(c.now, 'us')} 22:00-02:00 ET. Rollback plan: redeploy {c.now.year}.{c.ri(1, 9)}.{c.ri(0, 9)}.\n")


def release_v3(c, d):
    d.add(f"Release Notes - {c.pick(['EHR Integration', 'Claims Platform', 'Patient Portal'])} - Version {_ver(c)}\n\n")
    for h in ["Bug", "Story", "Task"]:
        d.add(f"** {h}\n")
        for ch in _changes(c, c.ri(1, 4)):
            d.add(f"    * [{c.jira_key()}] - {ch}\n")
        d.add("\n")


def release_v4(c, d):
    d.add(f"What's new in {c.co_name} {c.pick(['Portal', 'Care', 'Connect'])} {_ver(c)} ({c.fd(c.now, 'abbr')})\n\n")
    for ch in _changes(c, c.ri(3, 6)):
        d.add(f"• {ch}\n")
    d.add(f"\nKnown issues: {c.pick(['Safari 16 may show a blank consent page', 'Exports larger than 2 GB time out', 'none'])}.\nQuestions? Contact your customer success manager or open a ticket at support.{c.co_slug}.com.\n")


def release_v5(c, d):
    a, b = _ver(c), _ver(c)
    d.add(f"$ git log --oneline v{a}..v{b}\n")
    for ch in _changes(c, c.ri(4, 8)):
        d.add(f"{c.hexs(7)} {ch} (#{c.ri(100, 4000)})\n")
    d.add("\nContributors:\n")
    for _ in range(c.ri(2, 5)):
        nm = c.staff_name()
        d.add("  ", D(nm, "staff_name"), f" ({c.ri(1, 30)} commits)\n")


def release_v6(c, d):
    v = _ver(c)
    d.add(f"Build matrix for {v}\n\n| Artifact | Build | SHA-256 |\n|---|---|---|\n")
    for art in c.r.sample(["ehr-api.jar", "claims-worker.jar", "portal-web.tar.gz", "fhir-gateway.jar", "hl7-listener.jar"], c.ri(2, 4)):
        d.add(f"| {art} | #{c.ri(1000, 99999)} | {c.hexs(64)} |\n")
    d.add(f"\nApp store (iOS {c.ri(3, 7)}.{c.ri(0, 20)}, build {c.ri(100, 999)}): \"Bug fixes and performance improvements.\"\n")
    d.add(f"Signed off by QA ", D(c.staff_name(), "staff_name"), f" on {c.fd(c.now, 'iso')}.\n")


def release_h1(c, d):
    """Debian changelog."""
    pkgname = c.pick(["phi-redactor", "hl7-router", "claims-etl"])
    day = c.now
    for _ in range(c.ri(2, 3)):
        v = _ver(c)
        d.add(f"{pkgname} ({v}-1) {c.pick(['stable', 'unstable', 'bookworm'])}; urgency={c.pick(['low', 'medium'])}\n\n")
        for ch in _changes(c, c.ri(1, 3)):
            d.add(f"  * {ch}.\n")
        nm = c.staff_name()
        d.add("\n -- ", D(nm, "staff_name"), " <", D(f"{_ascii_slug(nm.split()[0])}@{c.co_slug}.com", "staff_contact"),
              f">  {WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {MON[day.month - 1]} {day.year} {c.hhmm()}:00 +0000\n\n")
        day -= dt.timedelta(days=c.ri(5, 50))


def release_h2(c, d):
    """GitHub release with @handles and compare link."""
    a, b = _ver(c), _ver(c)
    d.add(f"## What's Changed\n")
    for ch in _changes(c, c.ri(3, 6)):
        d.add(f"* {ch} by @", D(c.handle(c.staff_name()), "staff_name"), f" in https://github.com/{c.co_slug}/{c.pick(['ehr-core', 'portal', 'interop'])}/pull/{c.ri(100, 4000)}\n")
    d.add("\n## New Contributors\n* @", D(c.handle(c.staff_name()), "staff_name"), f" made their first contribution\n\n**Full Changelog**: https://github.com/{c.co_slug}/ehr-core/compare/v{a}...v{b}\n")


# ==========================================================================
# CLEAN family: clean_clinical_rule
# ==========================================================================


def _cond(c, cd, short=True):
    return [D(cd[2] if short else cd[1], "condition"), " (", D(cd[0], "diagnosis_code"), ")"]


def rule_v1(c, d):
    cds = c.code(c.ri(2, 4))
    m = c.pick(MEDS)
    d.add(f"CDS Rule {c.pick(['CDS', 'BPA', 'RULE'])}-{c.ri(100, 999)}: {c.pick(['Statin therapy reminder', 'Anticoagulation check', 'Diabetic eye exam overdue', 'Renal dosing alert'])}\n")
    d.add("Owner: ", D(c.staff_name(dr=True), "staff_name"), f"   Version {c.ri(1, 9)}   Last reviewed {c.fd(c.recent(200), 'abbr')}\n\n")
    d.add("Trigger: ", c.pick(["order entry", "chart open", "discharge navigator"]), "\n\nInclusion criteria\n")
    d.add(f"- Patients aged {c.pick([18, 40, 50, 65])} and older\n")
    for cd in cds:
        d.add("- Active problem: ", _cond(c, cd), "\n")
    d.add("\nExclusions\n- Hospice or comfort care\n- Allergy to ", D(m[0], "medication"), "\n")
    d.add(f"- eGFR < {c.pick([15, 30])} mL/min/1.73m2\n\nAction: suggest ", c.med_line(m), f"; suppress for {c.pick([30, 90, 180])} days if dismissed with reason.\n")
    d.add(f"\nEvidence: {c.pick(['ACC/AHA 2018 cholesterol guideline', 'ADA Standards of Care 2024', 'CHEST 2021 antithrombotic guideline', 'KDIGO 2012'])}\n")


def rule_v2(c, d):
    d.add("Sepsis screening criteria (adult inpatients)\n\nSIRS - two or more of:\n")
    d.add("- Temperature > 38.3 C or < 36.0 C\n- Heart rate > 90/min\n- Respiratory rate > 20/min\n- WBC > 12,000/uL or < 4,000/uL or > 10% bands\n\n")
    d.add("Plus suspected infection, e.g. ", join(", ", [D(x, "condition") for x in c.r.sample(["pneumonia", "urinary tract infection", "cellulitis", "intra-abdominal infection", "bacteremia"], 3)]), ".\n")
    d.add("Organ dysfunction: lactate > 2 mmol/L, SBP < 90 mmHg, creatinine > 2.0 mg/dL, platelets < 100,000/uL.\n\n")
    d.add("Bundle (within 3 hours): lactate, blood cultures before antibiotics, broad-spectrum antibiotics (e.g. ", D("piperacillin-tazobactam", "medication"),
          " or ", D("ceftriaxone", "medication"), "), 30 mL/kg crystalloid for hypotension or lactate >= 4.\n")
    d.add("ICD-10: ", D("A41.9", "diagnosis_code"), ", ", D("R65.20", "diagnosis_code"), ", ", D("R65.21", "diagnosis_code"), "\n")


def rule_v3(c, d):
    d.add("Type 2 diabetes - outpatient management guideline\n\n")
    d.add("Applies to adults with ", _cond(c, ICD10[0]), " or ", _cond(c, ICD10[1]), ".\n\n")
    d.add(f"Targets\n- HbA1c < 7% for most adults; < 8% for patients aged {c.pick([65, 75])} and older with multiple comorbidities\n- HbA1c > 9% triggers a care-management referral\n- BP < 130/80 mmHg\n\n")
    d.add("First line: ", D("metformin", "medication"), " 500 mg daily, titrate to 2000 mg/day. Add ", D("empagliflozin", "medication"), " or ",
          D("semaglutide", "medication"), " if ASCVD, heart failure or CKD.\n")
    d.add("Hold ", D("metformin", "medication"), " if eGFR < 30. Annual: retinal exam, urine albumin-to-creatinine ratio, foot exam (CPT ", D("2028F", "procedure_code"), ").\n")


def rule_v4(c, d):
    m = c.pick([("enoxaparin", ["40 mg SC daily", "30 mg SC daily"]), ("apixaban", ["5 mg BID", "2.5 mg BID"]), ("gabapentin", ["300 mg TID", "300 mg daily"]),
                ("levetiracetam", ["500-1500 mg BID", "250-750 mg BID"]), ("vancomycin", ["per pharmacy protocol", "extend interval to q24-48h"])])
    d.add(f"Renal dose adjustment: ", D(m[0], "medication"), "\n\n| CrCl (mL/min) | Dose |\n|---|---|\n")
    d.add(f"| >= 30 | {m[1][0]} |\n| 15-29 | {m[1][1]} |\n| < 15 or dialysis | avoid / consult pharmacy |\n\n")
    d.add("Use Cockcroft-Gault with actual body weight unless BMI > 30. Applies to patients with ", _cond(c, c.pick([x for x in ICD10 if x[0].startswith("N")] or ICD10)), ".\n")
    d.add("Reviewed by P&T committee, chair ", D(c.staff_name(dr=True), "staff_name"), ".\n")


def rule_v5(c, d):
    d.add("CQL library: ", c.pick(["HighRiskFallScreening", "StatinTherapyCMS347", "DiabetesA1cControl"]), f" version '{c.ri(1, 4)}.{c.ri(0, 9)}.{c.ri(0, 9)}'\n\n```cql\n")
    d.add("using FHIR version '4.0.1'\ninclude FHIRHelpers version '4.0.1'\n\n")
    d.add("valueset \"Diabetes\": 'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001'\n\n")
    d.add("define \"In Population\":\n  AgeInYearsAt(start of \"Measurement Period\") between 18 and 75\n    and exists [Condition: \"Diabetes\"]\n\n")
    d.add("define \"Poor Control\":\n  Last([Observation: \"HbA1c Laboratory Test\"] O sort by effective).value > 9 '%'\n```\n\n")
    d.add("Codes in the value set include ", D("E11.9", "diagnosis_code"), ", ", D("E11.65", "diagnosis_code"), ", ", D("E10.9", "diagnosis_code"), ".\n")


def rule_v6(c, d):
    cd = c.pick(ICD10)
    meds = c.meds(c.ri(3, 5))
    d.add(f"Order set: {c.pick(['Adult CHF admission', 'COPD exacerbation', 'Community-acquired pneumonia', 'Hip fracture pre-op'])}\n")
    d.add("Indication: ", _cond(c, cd, short=False), "\n\nMedications (select)\n")
    for m in meds:
        d.add("[ ] ", c.med_line(m), "\n")
    d.add("\nLabs: BMP daily, CBC, magnesium. Imaging: chest X-ray (CPT ", D("71046", "procedure_code"), ").\n")
    d.add(f"Nursing: daily weights, strict I/O, fluid restriction {c.pick([1.5, 2])} L/day.\nOwner: ", D(c.staff_name(dr=True), "staff_name"), "\n")


def rule_h1(c, d):
    """Morse fall scale."""
    d.add("Morse Fall Scale - scoring\n\n")
    for item, pts in [("History of falling (within 3 months)", "No 0 / Yes 25"), ("Secondary diagnosis", "No 0 / Yes 15"),
                      ("Ambulatory aid", "None/bed rest 0, crutches/cane/walker 15, furniture 30"), ("IV or heparin lock", "No 0 / Yes 20"),
                      ("Gait", "Normal 0, weak 10, impaired 20"), ("Mental status", "Oriented 0, forgets limitations 15")]:
        d.add(f"- {item}: {pts}\n")
    d.add("\nRisk: 0-24 low, 25-44 moderate, >= 45 high. Reassess every shift and after any fall.\n")
    d.add("High-risk medications: ", join(", ", [D(x, "medication") for x in ["lorazepam", "oxycodone", "zolpidem", "quetiapine"]]), ".\n")
    d.add("Patients aged 90 or older are treated as high risk regardless of score.\n")


def rule_h2(c, d):
    """Adult immunization schedule excerpt."""
    d.add("Adult immunization reminders (clinic protocol)\n\n")
    d.add("- Influenza: everyone 6 months and older, annually\n- RSV: adults aged 75 and older; 60-74 with ")
    d.add(D("COPD", "condition"), ", ", D("heart failure", "condition"), " or ", D("diabetes", "condition"), "\n")
    d.add("- Pneumococcal (PCV20): adults 65 years and older\n- Zoster (RZV): 2 doses, adults 50 and older\n- Tdap: once, then Td every 10 years\n")
    d.add(f"\nRoutine reminder suppressed for patients aged 90 and older unless the PCP opts in.\nCPT ", D("90750", "procedure_code"), ", ", D("90677", "procedure_code"), ". Maintained by ", D(c.staff_name(), "staff_name"), ".\n")


# ==========================================================================
# CLEAN family: clean_oncall_directory
# ==========================================================================

ROLES = ["Integration Engineer", "SRE", "DBA", "Interface Analyst", "Epic Analyst", "Network Engineer", "Security Engineer",
         "Application Support", "Nurse Informaticist", "Service Desk Lead", "Clinical Systems Manager", "House Supervisor"]


def _staff_contact(c, nm, kind):
    if kind == "email":
        f, _, l = nm.partition(" ")
        return D(f"{_ascii_slug(f)}.{_ascii_slug(l)}@{c.co_slug}.{c.pick(['org', 'com'])}", "staff_contact")
    if kind == "phone":
        return D(c.fp(c.phone_num(), ext=False), "staff_contact")
    if kind == "pager":
        return D(c.pick([f"{c.ri(1, 9)}-{c.ri(1000, 9999)}", c.fp(c.phone_num(), "dash", ext=False)]), "staff_contact")
    if kind == "ext":
        return D(f"x{c.ri(2000, 8999)}", "staff_contact")


def oncall_v1(c, d):
    d.add(f"{c.pick(['Integration', 'EHR Platform', 'Interfaces'])} on-call rotation\n\n||Week||Primary||Secondary||Primary phone||\n")
    day = c.recent(10)
    for _ in range(c.ri(4, 8)):
        a, b = c.staff_name(), c.staff_name()
        d.add(f"|{c.fd(day, 'abbr')} - {c.fd(day + dt.timedelta(days=6), 'abbr')}|", D(a, "staff_name"), "|", D(b, "staff_name"), "|", _staff_contact(c, a, "phone"), "|\n")
        day += dt.timedelta(days=7)
    d.add(f"\nEscalation: page the manager after 15 min. Bridge: {_zoom(c)[1].strip()}\n")


def oncall_v2(c, d):
    d.add("# Team directory\n\n")
    for team in c.r.sample(["Interfaces", "Database", "Network", "Epic Apps", "Security", "Service Desk"], c.ri(2, 4)):
        d.add(f"## {team}\n")
        for _ in range(c.ri(2, 4)):
            nm = c.staff_name()
            d.add("- **", D(nm, "staff_name"), f"** - {c.pick(ROLES)} - ", _staff_contact(c, nm, "email"), " - ", _staff_contact(c, nm, "phone"), "\n")
        d.add("\n")


def oncall_v3(c, d):
    d.add(f"Escalation Policy: {c.pick(['EHR-Integrations-P1', 'Claims-Platform', 'Portal-Prod'])}\n")
    for lvl in range(1, c.ri(3, 4)):
        nm = c.staff_name()
        d.add(f"Level {lvl} (escalates after {c.pick([10, 15, 30])} minutes)\n  Schedule: {c.pick(['Primary', 'Secondary', 'Managers'])} - currently on call: ", D(nm, "staff_name"), "\n")
        d.add("  Contact methods: SMS ", _staff_contact(c, nm, "phone"), ", email ", _staff_contact(c, nm, "email"), "\n")
    d.add(f"Services: {c.pick(['hl7-listener', 'ehr-api', 'claims-etl'])}, {c.pick(['fhir-gateway', 'portal-web'])}\nRepeat: 3 times\n")


def oncall_v4(c, d):
    d.add("name,role,email,phone,pager,hours\n")
    for _ in range(c.ri(5, 10)):
        nm = c.staff_name()
        d.add(D(nm, "staff_name"), f",{c.pick(ROLES)},", _staff_contact(c, nm, "email"), ",", _staff_contact(c, nm, "phone"), ",", _staff_contact(c, nm, "pager"),
              f",{c.pick(['07:00-19:00', '19:00-07:00', 'M-F 8-5', '24x7 week on'])}\n")


def oncall_v5(c, d):
    d.add("Who to call - clinical systems\n\n")
    d.add(f"Service desk (24x7): {c.pick(['x4357', '(800) 555-0142', 'ext. 4-HELP'])}\n")
    for role in c.r.sample(ROLES, c.ri(3, 6)):
        nm = c.staff_name()
        d.add(f"{role}: ", D(nm, "staff_name"), " ", _staff_contact(c, nm, c.pick(["ext", "phone", "pager"])), f" ({c.pick(['days', 'nights', 'weekends', 'business hours'])})\n")
    d.add(f"\nMajor incident bridge: {_teams(c)[1]}")


def oncall_v6(c, d):
    for _ in range(c.ri(2, 4)):
        nm = c.staff_name()
        f, _, l = nm.partition(" ")
        d.add("BEGIN:VCARD\nVERSION:3.0\nN:", D(f"{l};{f}", "staff_name"), ";;;\nFN:", D(nm, "staff_name"), f"\nORG:{c.co_name};{c.pick(['IT', 'Clinical Informatics', 'Revenue Cycle'])}\n")
        d.add(f"TITLE:{c.pick(ROLES)}\nTEL;TYPE=WORK,VOICE:", _staff_contact(c, nm, "phone"), "\nEMAIL;TYPE=INTERNET:", _staff_contact(c, nm, "email"), "\nEND:VCARD\n")


def oncall_h1(c, d):
    """Weekly rotation calendar."""
    day = c.recent(7)
    d.add(f"On-call week of {c.fd(day, 'dmy_long')}\n\n")
    for i in range(7):
        nm = c.staff_name()
        dd = day + dt.timedelta(days=i)
        d.add(f"{WEEKDAYS[dd.weekday()]:<10} {c.fd(dd, 'us')}  ", D(nm, "staff_name"), "  ", _staff_contact(c, nm, "phone"), "\n")
    d.add("\nSwap requests to the manager; update the schedule in the paging tool.\n")


def oncall_h2(c, d):
    """Alerting config with contacts (YAML)."""
    d.add("# alertmanager receivers (generated)\nreceivers:\n")
    for _ in range(c.ri(2, 4)):
        nm = c.staff_name()
        d.add("  - name: ", D(_ascii_slug(nm.split()[0]), "staff_name"), "-oncall\n    email_configs:\n      - to: ", _staff_contact(c, nm, "email"), "\n")
        d.add("    webhook_configs:\n      - url: https://hooks.", c.co_slug, f".internal/page/{c.hexs(12)}\n    # ", D(nm, "staff_name"), ", ", _staff_contact(c, nm, "phone"), "\n")
    d.add("route:\n  receiver: default\n  group_wait: 30s\n  repeat_interval: 4h\n")


# ==========================================================================
# Registry
# ==========================================================================

FAMILIES = {
    "jira_hl7": (True, [jira_hl7_v1, jira_hl7_v2, jira_hl7_v3, jira_hl7_v4, jira_hl7_v5, jira_hl7_v6], [jira_hl7_h1, jira_hl7_h2, jira_hl7_h3]),
    "confluence_patient_table": (True, [confluence_v1, confluence_v2, confluence_v3, confluence_v4, confluence_v5, confluence_v6], [confluence_h1, confluence_h2]),
    "support_ticket": (True, [support_v1, support_v2, support_v3, support_v4, support_v5, support_v6], [support_h1, support_h2]),
    "bitbucket_fhir_diff": (True, [fhir_diff_v1, fhir_diff_v2, fhir_diff_v3, fhir_diff_v4, fhir_diff_v5, fhir_diff_v6], [fhir_diff_h1, fhir_diff_h2]),
    "sql_seed": (True, [sql_v1, sql_v2, sql_v3, sql_v4, sql_v5, sql_v6], [sql_h1, sql_h2]),
    "clinical_note": (True, [note_v1, note_v2, note_v3, note_v4, note_v5, note_v6], [note_h1, note_h2]),
    "csv_claims": (True, [csv_v1, csv_v2, csv_v3, csv_v4, csv_v5, csv_v6], [csv_h1, csv_h2]),
    "patient_email": (True, [email_v1, email_v2, email_v3, email_v4, email_v5, email_v6], [email_h1, email_h2]),
    "clean_stack_trace": (False, [clean_trace_v1, clean_trace_v2, clean_trace_v3, clean_trace_v4, clean_trace_v5, clean_trace_v6], [clean_trace_h1, clean_trace_h2]),
    "clean_meeting_notes": (False, [meeting_v1, meeting_v2, meeting_v3, meeting_v4, meeting_v5, meeting_v6], [meeting_h1, meeting_h2]),
    "clean_validator_diff": (False, [validator_v1, validator_v2, validator_v3, validator_v4, validator_v5, validator_v6], [validator_h1, validator_h2]),
    "clean_release_notes": (False, [release_v1, release_v2, release_v3, release_v4, release_v5, release_v6], [release_h1, release_h2]),
    "clean_clinical_rule": (False, [rule_v1, rule_v2, rule_v3, rule_v4, rule_v5, rule_v6], [rule_h1, rule_h2]),
    "clean_oncall_directory": (False, [oncall_v1, oncall_v2, oncall_v3, oncall_v4, oncall_v5, oncall_v6], [oncall_h1, oncall_h2]),
}


# ==========================================================================
# Generation, self-check, output
# ==========================================================================

import unicodedata


def _alnum(ch):
    """Close to Rust's char::is_alphanumeric (Alphabetic includes combining marks of scripts)."""
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


class CheckError(Exception):
    pass


def check_doc(doc, strict_values=None):
    """Verify one JSONL record. Raises CheckError. strict_values: the labelled strings in order, if known."""
    text = doc["text"]
    b = text.encode("utf-8")
    prev_end = 0
    kinds_phi = 0
    for i, s in enumerate(doc["spans"]):
        st, en = s["start"], s["end"]
        if not (0 <= st < en <= len(b)):
            raise CheckError(f"{doc['id']}: span {i} out of bounds {st}..{en} (len {len(b)})")
        if st < prev_end:
            raise CheckError(f"{doc['id']}: span {i} overlaps the previous one")
        prev_end = en
        if s["label"] not in ("phi", "dont_care"):
            raise CheckError(f"{doc['id']}: bad label {s['label']}")
        try:
            val = b[st:en].decode("utf-8")
            before = b[:st].decode("utf-8")
        except UnicodeDecodeError:
            raise CheckError(f"{doc['id']}: span {i} cuts a UTF-8 character")
        if strict_values is not None and val != strict_values[i]:
            raise CheckError(f"{doc['id']}: span {i} text mismatch")
        if val != val.strip() or not val:
            raise CheckError(f"{doc['id']}: span {i} has surrounding whitespace")
        ci = len(before)
        if ci > 0 and _alnum(text[ci - 1]) and _alnum(text[ci]):
            print(repr(text[max(0, ci - 40):ci + 40]), file=sys.stderr)
            raise CheckError(f"{doc['id']}: span {i} ({s['kind']}) starts inside a token")
        ce = ci + len(val)
        if ce < len(text) and _alnum(text[ce - 1]) and _alnum(text[ce]):
            print(repr(text[max(0, ce - 40):ce + 40]), file=sys.stderr)
            raise CheckError(f"{doc['id']}: span {i} ({s['kind']}) ends inside a token")
        if s["label"] == "phi":
            kinds_phi += 1
            if s["kind"] == "ssn" and not ssn_ok(val):
                raise CheckError(f"{doc['id']}: invalid SSN labelled phi")
            if s["kind"] == "medicare_mbi" and not mbi_ok(val):
                raise CheckError(f"{doc['id']}: invalid MBI labelled phi")
        if s["kind"] == "npi" and not (len(val) == 10 and luhn_ok("80840" + val)):
            raise CheckError(f"{doc['id']}: bad NPI")
    if doc["phi"] and kinds_phi == 0:
        raise CheckError(f"{doc['id']}: PHI document without phi spans")
    if not doc["phi"] and kinds_phi:
        raise CheckError(f"{doc['id']}: clean document with phi spans")


def unlabelled_repeats(doc):
    """PHI values (>= 5 chars) that also occur somewhere not covered by any span: likely labelling misses."""
    text = doc["text"]
    b = text.encode("utf-8")
    covered = [(s["start"], s["end"]) for s in doc["spans"]]
    misses = []
    for s in doc["spans"]:
        if s["label"] != "phi":
            continue
        v = b[s["start"]:s["end"]]
        if len(v) < 5:
            continue
        pos = b.find(v)
        while pos >= 0:
            if not any(a <= pos < e for a, e in covered):
                # only count it when it is a whole token run
                pre = b[:pos].decode("utf-8", "ignore")
                post = b[pos + len(v):].decode("utf-8", "ignore")
                if not (pre and _alnum(pre[-1])) and not (post and _alnum(post[0])):
                    misses.append((s["kind"], pos))
            pos = b.find(v, pos + 1)
    return misses


def make_doc(split, seed, family, i, fn):
    c = Ctx(split, f"{seed}:{family}:{i}")
    d = Doc()
    fn(c, d)
    text = d.text()
    if not text.endswith("\n"):
        text += "\n"
    phi = FAMILIES[family][0]
    rec = {"id": f"{family}-{i:04d}", "family": family, "phi": phi, "variant": fn.__name__, "text": text, "spans": d.spans}
    check_doc(rec, d.values)
    return rec


def build(split, seed, n_phi, n_clean):
    docs = []
    for family, (phi, dev_v, hold_v) in FAMILIES.items():
        variants = list(hold_v if split == "hold" else dev_v)
        rr = random.Random(f"{seed}:{family}:order")
        n = n_phi if phi else n_clean
        order = []
        while len(order) < n:
            block = variants[:]
            rr.shuffle(block)
            order += block
        for i in range(n):
            docs.append(make_doc(split, seed, family, i, order[i]))
    return docs


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for d in docs:
            rec = {"id": d["id"], "family": d["family"], "phi": d["phi"], "variant": d["variant"], "text": d["text"], "spans": d["spans"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


SAMPLES = [
    ("jira-hl7-bug.txt", "jira_hl7", jira_hl7_v1), ("confluence-patient-table.txt", "confluence_patient_table", confluence_v1),
    ("fhir-fixture.diff", "bitbucket_fhir_diff", fhir_diff_v1), ("seed.sql", "sql_seed", sql_v3), ("claims.csv", "csv_claims", csv_v1),
    ("discharge-summary.txt", "clinical_note", note_v1), ("patient-email.eml", "patient_email", email_v3),
    ("support-ticket.txt", "support_ticket", support_v2), ("stack-trace-bug.txt", "clean_stack_trace", clean_trace_v1),
    ("meeting-notes.txt", "clean_meeting_notes", meeting_v2), ("oncall-directory.txt", "clean_oncall_directory", oncall_v2),
    ("validator-test.diff", "clean_validator_diff", validator_v1), ("release-notes.md", "clean_release_notes", release_v1),
    ("clinical-rule.txt", "clean_clinical_rule", rule_v1),
]


def write_samples(outdir):
    sdir = os.path.join(outdir, "samples")
    os.makedirs(sdir, exist_ok=True)
    manifest = []
    for i, (name, family, fn) in enumerate(SAMPLES):
        rec = make_doc("dev", SAMPLE_SEED, family, i, fn)
        with open(os.path.join(sdir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(rec["text"])
        manifest.append({"path": f"samples/{name}", "family": family, "phi": rec["phi"], "spans": rec["spans"]})
    with open(os.path.join(outdir, "samples.manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"note": "labels for samples/*: UTF-8 byte offsets, same span format as corpus.jsonl", "files": manifest}, f, indent=1)
        f.write("\n")


def summarize(name, docs):
    fams = {}
    for d in docs:
        fams.setdefault(d["family"], 0)
        fams[d["family"]] += 1
    size = sum(len(json.dumps(d, ensure_ascii=False)) for d in docs)
    print(f"{name}: {len(docs)} docs, ~{size / 1e6:.2f} MB; phi={sum(d['phi'] for d in docs)} clean={sum(not d['phi'] for d in docs)}")
    for f, n in fams.items():
        print(f"  {f:<26} {n}")
    rep = 0
    for d in docs:
        m = unlabelled_repeats(d)
        if m:
            rep += 1
    print(f"  docs with unlabelled repeats of a phi value: {rep}")


def check_file(path):
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            check_doc(json.loads(line))
            n += 1
    print(f"{path}: {n} docs OK")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="output folder (default: this script's folder)")
    ap.add_argument("--check", action="store_true", help="only verify the existing JSONL files")
    ap.add_argument("--repeats", action="store_true", help="list unlabelled repeats of phi values (labelling audit)")
    a = ap.parse_args()
    if faker.VERSION != FAKER_VERSION:
        print(f"warning: Faker {faker.VERSION} installed, output was pinned with {FAKER_VERSION}", file=sys.stderr)
    if a.check:
        for n in ("corpus.jsonl", "holdout.jsonl"):
            check_file(os.path.join(a.out, n))
        return
    os.makedirs(a.out, exist_ok=True)
    dev = build("dev", DEV_SEED, 27, 36)
    hold = build("hold", HOLD_SEED, 18, 24)
    write_jsonl(os.path.join(a.out, "corpus.jsonl"), dev)
    write_jsonl(os.path.join(a.out, "holdout.jsonl"), hold)
    write_samples(a.out)
    summarize("corpus.jsonl", dev)
    summarize("holdout.jsonl", hold)
    if a.repeats:
        for d in dev + hold:
            for kind, pos in unlabelled_repeats(d):
                print(f"  repeat: {d['id']} ({d['variant']}) {kind} at byte {pos}")


if __name__ == "__main__":
    main()
