#!/usr/bin/env python3
"""generate_fresh18.py - an independent synthetic PHI corpus: PHI inside encoded or escaped text.

Written from tests/corpus/README.md and section 1 of CONTRACTS.md only (no sight of the detector or of
the other generators).  Standard library only, deterministic (fixed seed, one RNG per template and copy).

Theme: PHI as people really paste it inside encodings - JSON string escapes (Jira REST and ADF bodies,
queue messages, CloudWatch / Datadog / Splunk lines with HL7 in `\\r`-separated strings, json.dumps with
`\\u00e9` escapes and surrogate pairs, JSON inside JSON), code string literals (Java, C#, JS, Python, Go,
Kotlin), URL encoding (access logs, HAR, curl, form posts), quoted-printable mail and RFC 2047 headers,
HTML / XML entities, CSV quoting, SQL / MySQL / Postgres escapes, shell quoting, Markdown escapes, YAML,
.properties, .env, RTF, HL7 escape sequences, iCalendar; about a fifth of each half in plain form.
Spans are labelled on the encoded text as it stands.

  python3 tests/corpus/generate_fresh18.py            # writes tests/corpus/fresh18.jsonl
  python3 tests/corpus/generate_fresh18.py --check    # re-verifies the written file
  python3 tests/corpus/generate_fresh18.py --stats    # counts per family, variant and encoding
"""
import argparse
import collections
import datetime as dt
import html
import html.entities
import json
import os
import quopri
import random
import re
import sys
import unicodedata
import urllib.parse

SEED = 18_0712_2026
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'fresh18.jsonl')
TODAY = dt.date(2026, 12, 7)
N_PHI, N_CLEAN = 120, 120


# ----------------------------------------------------------------------------------------------
# Documents as segments.  A labelled segment remembers its original (decoded) value and the chain
# of encodings applied to it, so --check can decode every span back to the value it was made from.
# ----------------------------------------------------------------------------------------------
class Seg:
    __slots__ = ('text', 'label', 'kind', 'orig', 'chain')

    def __init__(self, text, label=None, kind=None, orig=None, chain=()):
        self.text, self.label, self.kind, self.orig, self.chain = text, label, kind, orig, tuple(chain)


class D:
    __slots__ = ('segs',)

    def __init__(self, segs=()):
        self.segs = [s for s in segs if s.text != '']

    def __add__(self, o):
        return D(self.segs + as_d(o).segs)

    def __radd__(self, o):
        return D(as_d(o).segs + self.segs)

    def enc(self, *names):
        d = self
        for n in names:
            f = ENC[n]
            d = D([Seg(f(s.text), s.label, s.kind, s.orig, (s.chain + (n,)) if s.label else ())
                   for s in d.segs])
        return d

    def pmap(self, fn):
        """Layout-only transform (line prefixes, indentation) of the unlabelled text."""
        out = []
        for s in self.segs:
            if s.label:
                if fn(s.text) != s.text:
                    raise ValueError('layout transform would change a labelled value: %r' % s.text)
                out.append(s)
            else:
                out.append(Seg(fn(s.text)))
        return D(out)

    @property
    def text(self):
        return ''.join(s.text for s in self.segs)


def as_d(x):
    if isinstance(x, D):
        return x
    if x is None:
        return D()
    if isinstance(x, (list, tuple)):
        out = D()
        for y in x:
            out = out + as_d(y)
        return out
    return D([Seg(str(x))])


_PH = re.compile('\u27e6(\\w+)\u27e7')  # placeholders look like ⟦name⟧


def F(tpl, **kw):
    segs, pos = [], 0
    for m in _PH.finditer(tpl):
        segs.append(Seg(tpl[pos:m.start()]))
        segs.extend(as_d(kw[m.group(1)]).segs)
        pos = m.end()
    segs.append(Seg(tpl[pos:]))
    return D(segs)


def P(v, kind):
    """A PHI value."""
    v = str(v)
    return D([Seg(v, 'phi', kind, v)])


def C(v, kind):
    """A dont_care value."""
    v = str(v)
    return D([Seg(v, 'dont_care', kind, v)])


def join(sep, items):
    out = D()
    for i, x in enumerate(items):
        if i:
            out = out + sep
        out = out + x
    return out


def prefix_lines(d, pre, first=True):
    body = d.pmap(lambda s: s.replace('\n', '\n' + pre))
    return (pre + body) if first else body


# ----------------------------------------------------------------------------------------------
# Encoders (character-local, so they can be applied segment by segment) and their decoders.
# ----------------------------------------------------------------------------------------------
def e_json(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def e_json_a(s):
    return json.dumps(s, ensure_ascii=True)[1:-1]


def e_html(s):
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&#39;'))


def _nonascii(s, f):
    return ''.join(f(ch) if ord(ch) > 126 else ch for ch in s)


def e_html_named(s):
    def f(ch):
        n = html.entities.codepoint2name.get(ord(ch))
        return '&%s;' % n if n else '&#%d;' % ord(ch)
    return _nonascii(e_html(s), f)


def e_html_dec(s):
    return _nonascii(e_html(s), lambda ch: '&#%d;' % ord(ch))


def e_html_hex(s):
    return _nonascii(e_html(s), lambda ch: '&#x%X;' % ord(ch))


def e_xml(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def e_xml_attr(s):
    return e_xml(s).replace('"', '&quot;')


def e_mysql(s):
    m = {'\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0'}
    return ''.join(m.get(ch, ch) for ch in s)


def d_mysql(s):
    m = {'n': '\n', 'r': '\r', 't': '\t', '0': '\0'}
    return re.sub(r'\\(.)', lambda mo: m.get(mo.group(1), mo.group(1)), s, flags=re.S)


def e_pg_e(s):
    m = {'\\': '\\\\', "'": "''", '\n': '\\n', '\t': '\\t', '\r': '\\r'}
    return ''.join(m.get(ch, ch) for ch in s)


def d_pg_e(s):
    s = s.replace("''", "'")
    m = {'n': '\n', 't': '\t', 'r': '\r'}
    return re.sub(r'\\(.)', lambda mo: m.get(mo.group(1), mo.group(1)), s, flags=re.S)


def e_qpc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '\n\t' or (32 <= o <= 126 and ch != '='):
            out.append(ch)
        else:
            out.extend('=%02X' % b for b in ch.encode('utf-8'))
    return ''.join(out)


def d_qpc(s):
    return quopri.decodestring(s.encode('ascii')).decode('utf-8')


def e_q2047(s):
    out = []
    for ch in s:
        if ch == ' ':
            out.append('_')
        elif ch.isascii() and (ch.isalnum() or ch in '!*+-/'):
            out.append(ch)
        else:
            out.extend('=%02X' % b for b in ch.encode('utf-8'))
    return ''.join(out)


def d_q2047(s):
    return quopri.decodestring(s.encode('ascii'), header=True).decode('utf-8')


_MD = '\\`*_[]#|<>'


def e_md(s):
    return ''.join('\\' + ch if ch in _MD else ch for ch in s)


def d_md(s):
    return re.sub(r'\\([\\`*_\[\]#|<>])', r'\1', s)


def e_shdq(s):
    return re.sub(r'([\\"$`])', r'\\\1', s)


def d_shdq(s):
    return re.sub(r'\\([\\"$`])', r'\1', s)


_HL7E = {'\\': '\\E\\', '|': '\\F\\', '^': '\\S\\', '&': '\\T\\', '~': '\\R\\', '\n': '\\.br\\'}
_HL7D = {'E': '\\', 'F': '|', 'S': '^', 'T': '&', 'R': '~', '.br': '\n'}


def e_hl7(s):
    return ''.join(_HL7E.get(ch, ch) for ch in s)


def d_hl7(s):
    return re.sub(r'\\(E|F|S|T|R|\.br)\\', lambda m: _HL7D[m.group(1)], s)


def e_rtf(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '\\{}':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\par\n')
        elif o < 128:
            out.append(ch)
        else:
            try:
                b = ch.encode('cp1252')
                out.append("\\'%02x" % b[0])
            except UnicodeEncodeError:
                units = [int.from_bytes(ch.encode('utf-16-be')[i:i + 2], 'big')
                         for i in range(0, len(ch.encode('utf-16-be')), 2)]
                for u in units:
                    out.append('\\u%d?' % (u - 65536 if u > 32767 else u))
    return ''.join(out)


def d_rtf(s):
    s = s.replace('\\par\n', '\n')
    units, out, i = [], [], 0

    def flush():
        if units:
            b = b''.join(((u + 65536) if u < 0 else u).to_bytes(2, 'big') for u in units)
            out.append(b.decode('utf-16-be'))
            units.clear()
    while i < len(s):
        m = re.match(r"\\'([0-9a-f]{2})|\\u(-?\d+)\?|\\([\\{}])", s[i:])
        if m and m.group(2) is not None:
            units.append(int(m.group(2)))
            i += m.end()
            continue
        flush()
        if m and m.group(1):
            out.append(bytes([int(m.group(1), 16)]).decode('cp1252'))
            i += m.end()
        elif m:
            out.append(m.group(3))
            i += m.end()
        else:
            out.append(s[i])
            i += 1
    flush()
    return ''.join(out)


def e_ics(s):
    m = {'\\': '\\\\', ';': '\\;', ',': '\\,', '\n': '\\n'}
    return ''.join(m.get(ch, ch) for ch in s)


def d_ics(s):
    m = {'n': '\n', 'N': '\n'}
    return re.sub(r'\\([\\;,nN])', lambda mo: m.get(mo.group(1), mo.group(1)), s)


def e_props(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in '\\:=#!':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif o > 126:
            for i in range(0, len(ch.encode('utf-16-be')), 2):
                out.append('\\u%04x' % int.from_bytes(ch.encode('utf-16-be')[i:i + 2], 'big'))
        else:
            out.append(ch)
    return ''.join(out)


def d_props(s):
    return json.loads('"' + re.sub(r'\\([:=#! ])', r'\1', s).replace('"', '\\"') + '"')


def e_jsq(s):
    m = {'\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r'}
    return ''.join(m.get(ch, ch) for ch in s)


def d_jsq(s):
    m = {'n': '\n', 't': '\t', 'r': '\r'}
    return re.sub(r'\\(.)', lambda mo: m.get(mo.group(1), mo.group(1)), s, flags=re.S)


def e_ldapdn(s):
    out = []
    for ch in s:
        if ch in ',+"\\<>;=':
            out.append('\\' + ch)
        elif ord(ch) > 126:
            out.extend('\\%02X' % b for b in ch.encode('utf-8'))
        else:
            out.append(ch)
    return ''.join(out)


def d_ldapdn(s):
    b = bytearray()
    i = 0
    while i < len(s):
        if s[i] == '\\' and re.match(r'[0-9A-Fa-f]{2}', s[i + 1:i + 3]):
            b.append(int(s[i + 1:i + 3], 16))
            i += 3
        elif s[i] == '\\':
            b.extend(s[i + 1].encode('utf-8'))
            i += 2
        else:
            b.extend(s[i].encode('utf-8'))
            i += 1
    return b.decode('utf-8')


def d_json(s):
    return json.loads('"' + s + '"')


ENC = {
    'json': e_json, 'json_a': e_json_a,
    'url': lambda s: urllib.parse.quote(s, safe=''),
    'url_plus': lambda s: urllib.parse.quote_plus(s, safe=''),
    'url_path': lambda s: urllib.parse.quote(s, safe='/:@'),
    'html': e_html, 'html_named': e_html_named, 'html_dec': e_html_dec, 'html_hex': e_html_hex,
    'xml': e_xml, 'xml_attr': e_xml_attr,
    'sql': lambda s: s.replace("'", "''"), 'mysql': e_mysql, 'pg_e': e_pg_e,
    'csv': lambda s: s.replace('"', '""'),
    'qpc': e_qpc, 'q2047': e_q2047, 'md': e_md,
    'shq': lambda s: s.replace("'", "'\\''"), 'shdq': e_shdq,
    'hl7': e_hl7, 'rtf': e_rtf, 'ics': e_ics, 'props': e_props, 'jsq': e_jsq, 'ldapdn': e_ldapdn,
}
DEC = {
    'json': d_json, 'json_a': d_json,
    'url': urllib.parse.unquote, 'url_plus': urllib.parse.unquote_plus, 'url_path': urllib.parse.unquote,
    'html': html.unescape, 'html_named': html.unescape, 'html_dec': html.unescape,
    'html_hex': html.unescape, 'xml': html.unescape, 'xml_attr': html.unescape,
    'sql': lambda s: s.replace("''", "'"), 'mysql': d_mysql, 'pg_e': d_pg_e,
    'csv': lambda s: s.replace('""', '"'),
    'qpc': d_qpc, 'q2047': d_q2047, 'md': d_md,
    'shq': lambda s: s.replace("'\\''", "'"), 'shdq': d_shdq,
    'hl7': d_hl7, 'rtf': d_rtf, 'ics': d_ics, 'props': d_props, 'jsq': d_jsq, 'ldapdn': d_ldapdn,
    'qpwrap': lambda s: s.replace('=\n', ''),
    'icsfold': lambda s: s.replace('\n ', ''),
}


def decode_chain(text, chain):
    for n in reversed(chain):
        text = DEC[n](text)
    return text


def _softwrap(d, width, brk, tok_re, mark, cont=0):
    """Insert soft line breaks (QP `=\\n`, iCalendar folds) so no line exceeds width."""
    toks = []
    for i, s in enumerate(d.segs):
        for m in re.finditer(tok_re, s.text, re.S):
            toks.append([m.group(), i])
    out, col = [], 0
    for j, (tk, i) in enumerate(toks):
        if tk == '\n':
            out.append((tk, i))
            col = 0
            continue
        eol = j + 1 == len(toks) or toks[j + 1][0] == '\n'
        limit = width if eol else width - (1 if mark == 'qpwrap' else 0)
        if col + len(tk) > limit and col > cont:
            pi = out[-1][1] if out else i
            if pi == i:
                owner = i
            elif not d.segs[pi].label:
                owner = pi
            elif not d.segs[i].label:
                owner = i
            else:
                owner = -1
            out.append((brk, owner))
            col = cont
        out.append((tk, i))
        col += len(tk)
    segs, cur, buf = [], None, []
    for tk, i in out + [(None, None)]:
        if i != cur or tk is None:
            if buf:
                if cur == -1 or not d.segs[cur].label:
                    segs.append(Seg(''.join(buf)))
                else:
                    s = d.segs[cur]
                    segs.append(Seg(''.join(buf), s.label, s.kind, s.orig, s.chain + (mark,)))
            cur, buf = i, []
        if tk is not None:
            buf.append(tk)
    return D(segs)


def qp(d, width=76):
    """Quoted-printable body: =XX for non-ASCII and '=', =20 for trailing blanks, soft breaks."""
    d = d.enc('qpc')
    segs = []
    for s in d.segs:  # trailing blanks before a hard line end
        segs.append(Seg(re.sub(r'[ \t](?=\n)', lambda m: '=20' if m.group() == ' ' else '=09', s.text),
                        s.label, s.kind, s.orig, s.chain))
    d = D(segs)
    return _softwrap(d, width, '=\n', r'=[0-9A-F]{2}|.|\n', 'qpwrap')


def ics_fold(d, width=75):
    return _softwrap(d, width, '\n ', r'\\.|.|\n', 'icsfold', cont=1)


# ----------------------------------------------------------------------------------------------
# JSON writer over D values.
# ----------------------------------------------------------------------------------------------
class Raw:
    """A value written as it is (a labelled number, a pre-built fragment)."""
    def __init__(self, d):
        self.d = as_d(d)


def jstr(x, ascii=False):
    return '"' + as_d(x).enc('json_a' if ascii else 'json') + '"'


def jdump(obj, indent=None, ascii=False, compact=False, _lvl=0):
    item_sep, kv_sep = (',', ':') if compact else ((',' if indent is not None else ', '), ': ')
    if isinstance(obj, Raw):
        return obj.d
    if isinstance(obj, D):
        return jstr(obj, ascii)
    if isinstance(obj, (dict, list)):
        items = list(obj.items()) if isinstance(obj, dict) else list(obj)
        op, cl = ('{', '}') if isinstance(obj, dict) else ('[', ']')
        if not items:
            return D([Seg(op + cl)])
        parts = []
        for it in items:
            if isinstance(obj, dict):
                k, v = it
                parts.append(json.dumps(k, ensure_ascii=ascii) + kv_sep
                             + jdump(v, indent, ascii, compact, _lvl + 1))
            else:
                parts.append(jdump(it, indent, ascii, compact, _lvl + 1))
        if indent is None:
            return op + join(item_sep, parts) + cl
        pad = '\n' + ' ' * (indent * (_lvl + 1))
        return op + pad + join(item_sep + pad, parts) + '\n' + ' ' * (indent * _lvl) + cl
    return D([Seg(json.dumps(obj, ensure_ascii=ascii))])


# ----------------------------------------------------------------------------------------------
# Hand-written name cultures.  native: (romanised given, romanised family, native full name).
# order 'ff' = family name first in everyday writing.
# ----------------------------------------------------------------------------------------------
CULTURES = {
    'mexican': dict(f=['María José', 'Guadalupe', 'Ximena', 'Itzel', 'Rocío', 'Mónica'],
                    m=['José Luis', 'Jesús', 'Andrés', 'Ángel', 'Óscar', 'Efraín'],
                    fam=['González', 'Martínez', 'Hernández', 'Peña', 'Núñez', 'Ibáñez', 'Muñoz', 'Cortés']),
    'brazilian': dict(f=['Conceição', 'Luíza', 'Thaís', 'Débora', 'Lúcia'],
                      m=['João', 'Sebastião', 'Caio', 'Otávio', 'Antônio'],
                      fam=['Gonçalves', 'Araújo', 'Magalhães', 'Simões', 'Brandão', 'Falcão']),
    'quebecois': dict(f=['Hélène', 'Éloïse', 'Bénédicte', 'Maëlle', 'Noémie'],
                      m=['François', 'Jérôme', 'Benoît', 'Loïc', 'Gaëtan'],
                      fam=['Lefèvre', 'Bélanger', 'Côté', 'Gagné', 'Lévesque', 'Thériault']),
    'german': dict(f=['Brigitte', 'Lotte', 'Anneliese', 'Käthe', 'Jördis'],
                   m=['Jürgen', 'Günther', 'Matthias', 'Jörg', 'Ulrich'],
                   fam=['Müller', 'Schröder', 'Weiß', 'Köhler', 'Bäcker', 'Hoß']),
    'vietnamese': dict(f=['Thị Lan', 'Thị Hương', 'Ngọc Ánh', 'Thu Trang'],
                       m=['Văn Đức', 'Minh Tuấn', 'Quốc Bảo', 'Hữu Phước'],
                       fam=['Nguyễn', 'Trần', 'Phạm', 'Lê', 'Võ', 'Đặng'], order='ff'),
    'chinese': dict(native=[('Wei', 'Wang', '王伟'), ('Na', 'Li', '李娜'), ('Xiuying', 'Zhang', '张秀英'),
                            ('Jianhua', 'Chen', '陈建华'), ('Yang', 'Liu', '刘洋'), ('Li', 'Huang', '黄丽')]),
    'japanese': dict(native=[('Hanako', 'Sato', '佐藤花子'), ('Kenichi', 'Suzuki', '鈴木健一'),
                             ('Misaki', 'Takahashi', '高橋美咲'), ('Shota', 'Watanabe', '渡辺翔太')]),
    'korean': dict(native=[('Minjun', 'Kim', '김민준'), ('Seoyeon', 'Lee', '이서연'),
                           ('Jihoon', 'Park', '박지훈'), ('Sua', 'Choi', '최수아')]),
    'russian': dict(native=[('Olga', 'Ivanova', 'Ольга Иванова'), ('Dmitri', 'Smirnov', 'Дмитрий Смирнов'),
                            ('Tatiana', 'Kuznetsova', 'Татьяна Кузнецова'), ('Alexei', 'Volkov', 'Алексей Волков')]),
    'greek': dict(native=[('Eleni', 'Papadopoulou', 'Ελένη Παπαδοπούλου'),
                          ('Nikolaos', 'Georgiou', 'Νικόλαος Γεωργίου'),
                          ('Dimitra', 'Oikonomou', 'Δήμητρα Οικονόμου')]),
    'arabic': dict(native=[('Mohammed', 'Al-Hassan', 'محمد الحسن'), ('Layla', 'Haddad', 'ليلى حداد'),
                           ('Youssef', 'Mansour', 'يوسف منصور'), ('Rania', 'Khoury', 'رانيا خوري')]),
    'indian': dict(native=[('Priya', 'Sharma', 'प्रिया शर्मा'), ('Rahul', 'Patel', 'राहुल पटेल'),
                           ('Anita', 'Verma', 'अनीता वर्मा')],
                   f=['Lakshmi', 'Divya', 'Kavitha'], m=['Venkatesh', 'Arjun', 'Sanjay'],
                   fam=['Venkataraman', 'Subramanian', 'Iyengar', 'Reddy']),
    'irish': dict(f=['Siobhán', 'Aoife', 'Niamh', 'Róisín', 'Máire'],
                  m=['Seán', 'Pádraig', 'Ciarán', 'Eoin', 'Tadhg'],
                  fam=["O'Brien", "O'Sullivan", "O'Connor", 'McNamara', "Ó Súilleabháin", 'Mac Giolla Phádraig']),
    'polish': dict(f=['Małgorzata', 'Agnieszka', 'Józefa', 'Grażyna'],
                   m=['Łukasz', 'Wojciech', 'Paweł', 'Zbigniew'],
                   fam=['Wójcik', 'Kowalczyk', 'Szczęsny', 'Żak', 'Krawczyk', 'Wróbel']),
    'turkish': dict(f=['Gül', 'Şebnem', 'Ayşe', 'Özlem'], m=['Şükrü', 'Çağrı', 'İbrahim', 'Ömer'],
                    fam=['Yılmaz', 'Çelik', 'Öztürk', 'Doğan', 'Güneş']),
    'nordic': dict(f=['Åsa', 'Sølvi', 'Ingrid', 'Märta'], m=['Søren', 'Øyvind', 'Björn', 'Håkan'],
                   fam=['Ødegård', 'Sørensen', 'Åberg', 'Lindqvist', 'Hjørnevik']),
    'nigerian': dict(f=['Chiamaka', 'Oluwaseun', 'Ngozi', 'Adaeze', 'Folúkẹ́'],
                     m=['Chinedu', 'Babatunde', 'Oluwafemi', 'Ìbùkún'],
                     fam=['Okonkwo', 'Adeyemi', 'Okafor', 'Balogun', 'Adébáyọ̀']),
    'english_words': dict(f=['Rose', 'Hope', 'Faith', 'Dawn', 'Summer', 'Amber', 'Joy'],
                          m=['Will', 'Bud', 'Grant', 'Hunter', 'Chase', 'Sky', 'Miles'],
                          fam=['Hill', 'Small', 'Frost', 'Parks', 'Young', 'Field', 'Little', 'Rivers',
                               'Stone', 'Day', 'Strong', 'Bell']),
    'hawaiian': dict(f=['Keʻalohilani', 'Leilani', 'Māhealani', 'Noelani'],
                     m=['Kawika', 'Kekoa', 'Makoa', 'Keoni'],
                     fam=['Kahananui', 'Kealoha', 'Akana', 'Nāone', 'Kamakaʻala']),
    'hebrew': dict(native=[('Yael', 'Cohen', 'יעל כהן'), ('Avi', 'Levi', 'אבי לוי'),
                           ('Noa', 'Mizrahi', 'נועה מזרחי')]),
    'thai': dict(native=[('Somchai', 'Jaidee', 'สมชาย ใจดี'), ('Malee', 'Srisuk', 'มาลี ศรีสุข'),
                         ('Anong', 'Boonmee', 'อนงค์ บุญมี')]),
    'czech': dict(f=['Růžena', 'Věra', 'Zdeňka', 'Jiřina'], m=['Jiří', 'Přemysl', 'Tomáš', 'Bořivoj'],
                  fam=['Dvořák', 'Novák', 'Černý', 'Procházka', 'Šťastný']),
    'hungarian': dict(f=['Erzsébet', 'Ildikó', 'Zsófia'], m=['György', 'Ödön', 'László'],
                      fam=['Szőke', 'Kovács', 'Tóth', 'Fehér', 'Győri']),
    'filipino': dict(f=['Ma. Cristina', 'Maricel', 'Rowena', 'Luzviminda'],
                     m=['Rodrigo', 'Efren', 'Ramil', 'Jun Rey'],
                     fam=['dela Cruz', 'Bautista', 'Villanueva', 'Dimaculangan', 'de los Santos']),
    'somali': dict(f=['Hodan', 'Faadumo', 'Ubax', 'Sahra'], m=['Abdirahman', 'Mahad', 'Cabdullaahi'],
                   fam=['Warsame', 'Cabdi', 'Xasan', 'Jaamac', 'Guuleed']),
    'dutch': dict(f=['Anouk', 'Femke', 'Saskia', 'Marieke'], m=['Joost', 'Bram', 'Pieter-Jan', 'Sjoerd'],
                  fam=['van der Berg', 'de Vries', "van 't Hof", 'Mulder', 'Van Dijk']),
    'icelandic': dict(f=['Þórunn', 'Guðrún', 'Ásdís'], m=['Sigurður', 'Þórður', 'Ólafur'],
                      fam=['Guðmundsdóttir', 'Jónsdóttir', 'Þorsteinsson', 'Ólafsson']),
    'armenian': dict(native=[('Ani', 'Hakobyan', 'Անի Հակոբյան'), ('Armen', 'Petrosyan', 'Արմեն Պետրոսյան')]),
    'hmong': dict(f=['Mai Nou', 'Pa Houa', 'Xee', 'Kia'], m=['Tou', 'Pheng', 'Neng', 'Chue'],
                  fam=['Vang', 'Xiong', 'Thao', 'Lor', 'Yang', 'Moua']),
    'tongan': dict(f=['Sina', 'Malia', 'Losaline', 'Mele'], m=['Sione', 'Tevita', 'Viliami'],
                   fam=['Tuilagi', 'Fifita', 'Taufa', 'Leiataua', 'Havili']),
}
FEMALE_NATIVE = {'Na', 'Xiuying', 'Li', 'Hanako', 'Misaki', 'Seoyeon', 'Sua', 'Olga', 'Tatiana', 'Eleni',
                 'Dimitra', 'Layla', 'Rania', 'Priya', 'Anita', 'Yael', 'Noa', 'Malee', 'Anong', 'Ani'}

_FOLD = {'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'ß': 'ss', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D',
         'æ': 'ae', 'Æ': 'AE', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ʻ': '', "'": '', '.': ''}


def fold(s):
    s = ''.join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize('NFKD', s)
    return ''.join(ch for ch in s if not unicodedata.combining(ch))


STREETS = ['Alder Creek Rd', 'Wisteria Ln', 'N Kedzie Ave', 'Old Mill Pond Rd', 'Calle Ocho', 'Harrow Ct',
           'Marigold Terrace', 'Riverside Dr', 'E 43rd St', 'Beacon Hill Way', 'Quarry Rd', 'Juniper Loop',
           'Pinecrest Blvd', 'Sandpiper Cir', 'W Fullerton Pkwy', 'Kamehameha Hwy', 'Magnolia Bend',
           'Fox Hollow Dr', 'Larkspur St', 'Cedar Knoll Rd', 'S Halsted St', 'Elm Grove Ave']
CITIES = [('Springfield', 'IL', '627'), ('Worcester', 'MA', '016'), ('Tacoma', 'WA', '984'),
          ('Hialeah', 'FL', '330'), ('Dearborn', 'MI', '481'), ('Lowell', 'MA', '018'), ('Fresno', 'CA', '937'),
          ('Aurora', 'CO', '800'), ('Paterson', 'NJ', '075'), ('Minneapolis', 'MN', '554'),
          ('St. Paul', 'MN', '551'), ('Hilo', 'HI', '967'), ('Laredo', 'TX', '780'), ('Yonkers', 'NY', '107'),
          ('Lancaster', 'PA', '176'), ('Elk Grove', 'CA', '957'), ('Cedar Rapids', 'IA', '524'),
          ('Providence', 'RI', '029'), ('Salem', 'OR', '973'), ('Chula Vista', 'CA', '919')]
AREA_CODES = ['617', '508', '312', '773', '217', '206', '253', '305', '786', '313', '559', '720', '973',
              '612', '651', '808', '956', '914', '717', '916', '319', '401', '503', '619', '971', '470']
MAILS = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com', 'proton.me',
         'comcast.net', 'att.net']

STAFF = [('Priya', 'Raman'), ('Derek', 'Osei'), ('Hannah', 'Kowalski'), ('Marcus', 'Feld'), ('Yuki', 'Tanabe'),
         ('Carla', 'Mendes'), ('Tom', 'Brennan'), ('Aisha', 'Rahman'), ('Lukas', 'Brandt'), ('Nora', 'Whitfield'),
         ('Omar', 'Haddad'), ('Grace', 'Liu'), ('Ben', 'Adeyemi'), ('Sofia', 'Reyes'), ('Ethan', 'Moreau'),
         ('Inês', 'Carvalho'), ('Kofi', 'Mensah'), ('Julia', 'Novak'), ('Ravi', 'Iyer'), ('Megan', "O'Toole"),
         ('Daniel', 'Šimek'), ('Chloé', 'Bernard'), ('Sam', 'Whitaker'), ('Lena', 'Vogt'), ('Andre', 'Baptiste')]
DOCTORS = [('Elena', 'Vasquez'), ('Robert', 'Chu'), ('Amara', 'Nwosu'), ('Henrik', 'Dahl'), ('Leah', 'Goldberg'),
           ('Samuel', 'Ortiz'), ('Keiko', 'Mori'), ('Patrick', 'Doyle'), ('Fatima', 'Siddiqui'), ('Victor', 'Lindgren')]
ORGS = [('Lakeview Regional Medical Center', 'lakeviewhealth.org', 'LRMC'),
        ('St. Brigid Hospital', 'stbrigid.org', 'SBH'),
        ('Mercyvale Health', 'mercyvale.org', 'MVH'),
        ('North Bay Community Health', 'northbay-health.org', 'NBCH'),
        ('Cedar Ridge Medical Group', 'cedarridgemg.com', 'CRMG'),
        ('Harbor Point Children\u2019s', 'harborpointkids.org', 'HPC')]
PAYERS = ['Aetna Better Health', 'Blue Cross Blue Shield of Illinois', 'Humana Gold Plus HMO',
          'UnitedHealthcare Community Plan', 'Molina Healthcare', 'Cigna Open Access Plus', 'Tufts Health Plan',
          'Medicare Part B', 'MassHealth Standard', 'Anthem Blue Cross']
CONDITIONS = [('type 2 diabetes mellitus', 'E11.9'), ('acute on chronic systolic heart failure', 'I50.23'),
              ('COPD with acute exacerbation', 'J44.1'), ('atrial fibrillation', 'I48.91'),
              ('community-acquired pneumonia', 'J18.9'), ('closed fracture of right femoral neck', 'S72.001A'),
              ('sepsis', 'A41.9'), ('urinary tract infection', 'N39.0'), ('CKD stage 3b', 'N18.32'),
              ('major depressive disorder, recurrent', 'F33.1'), ('asthma', 'J45.909'),
              ('cellulitis of left lower limb', 'L03.116'), ('NSTEMI', 'I21.4'), ('essential hypertension', 'I10'),
              ('acute kidney injury', 'N17.9'),               ('opioid use disorder', 'F11.20'), ('HIV disease', 'B20'), ('iron deficiency anemia', 'D50.9')]
MEDS = ['metformin 500 mg', 'apixaban 5 mg', 'furosemide 40 mg', 'lisinopril 10 mg', 'sertraline 50 mg',
        'insulin glargine', 'amoxicillin-clavulanate 875 mg', 'atorvastatin 40 mg', 'levothyroxine 75 mcg',
        'albuterol', 'buprenorphine-naloxone 8 mg', 'warfarin', 'ceftriaxone 1 g', 'tamsulosin 0.4 mg']
CPTS = [('99223', 'initial hospital care'), ('99214', 'office visit, established'), ('71046', 'chest x-ray 2 views'),
        ('93000', 'ECG'), ('80053', 'comprehensive metabolic panel'), ('99284', 'ED visit'),
        ('27236', 'ORIF femoral neck'), ('85025', 'CBC with diff'), ('97110', 'therapeutic exercise')]
RELS = [('MTH', 'Mother'), ('FTH', 'Father'), ('SPO', 'Spouse'), ('DAU', 'Daughter'), ('SON', 'Son'),
        ('SIS', 'Sister'), ('BRO', 'Brother'), ('GRD', 'Guardian')]


# ----------------------------------------------------------------------------------------------
# Value generators
# ----------------------------------------------------------------------------------------------
def luhn_ok(num):
    digits = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, dgt in enumerate(reversed(digits)):
        if i % 2 == 1:
            dgt *= 2
            if dgt > 9:
                dgt -= 9
        tot += dgt
    return tot % 10 == 0


def card_number(rng):
    pre = rng.choice(['4', '51', '53', '37', '6011'])
    n = 15 if pre == '37' else 16
    body = pre + ''.join(rng.choice('0123456789') for _ in range(n - len(pre) - 1))
    for c in '0123456789':
        if luhn_ok(body + c):
            return body + c


MBI_A = 'ACDEFGHJKMNPQRTUVWXY'


def mbi(rng):
    an = MBI_A + '0123456789'
    d9 = '0123456789'
    pat = [('123456789',), (MBI_A,), (an,), (d9,), (MBI_A,), (an,), (d9,), (MBI_A,), (MBI_A,), (d9,), (d9,)]
    while True:
        v = ''.join(rng.choice(p[0]) for p in pat)
        if v != '1EG4TE5MK73':
            return v


def mbi_ok(v):
    v = v.replace('-', '')
    pat = ['123456789', MBI_A, MBI_A + '0123456789', '0123456789', MBI_A, MBI_A + '0123456789', '0123456789',
           MBI_A, MBI_A, '0123456789', '0123456789']
    return len(v) == 11 and all(c in p for c, p in zip(v, pat))


def ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        g, s = rng.randint(1, 99), rng.randint(1, 9999)
        v = '%03d-%02d-%04d' % (a, g, s)
        if v not in ('123-45-6789', '078-05-1120', '219-09-9999'):
            return v


def ssn_ok(v):
    d = re.sub(r'\D', '', v)
    if len(d) != 9:
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g > 0 and s > 0 and d != '123456789'


class Phone:
    def __init__(self, a, x, n):
        self.a, self.x, self.n = a, x, n

    def fmt(self, style):
        a, x, n = self.a, self.x, self.n
        return {'paren': '(%s) %s-%s', 'dash': '%s-%s-%s', 'dot': '%s.%s.%s', 'plus': '+1 %s %s %s',
                'e164': '+1%s%s%s', 'one': '1-%s-%s-%s', 'space': '%s %s %s', 'bare': '%s%s%s',
                'tight': '(%s)%s-%s', 'plusdash': '+1-%s-%s-%s', 'plusparen': '+1 (%s) %s-%s'}[style] % (a, x, n)

    @property
    def seven(self):
        return self.x + self.n


PHONE_STYLES = ['paren', 'dash', 'dot', 'plus', 'e164', 'one', 'space', 'bare', 'tight', 'plusdash', 'plusparen']


def phone(rng):
    while True:
        x = '%d%d%d' % (rng.randint(2, 9), rng.randint(0, 9), rng.randint(0, 9))
        if x[1:] != '11' and x != '555':
            return Phone(rng.choice(AREA_CODES), x, '%04d' % rng.randint(0, 9999))


def digits(rng, n):
    return ''.join(rng.choice('0123456789') for _ in range(n))


def letters(rng, n, pool='ABCDEFGHJKLMNPRSTUVWXYZ'):
    return ''.join(rng.choice(pool) for _ in range(n))


def mrn(rng, style=None):
    style = style or rng.choice(['d8', 'e7', 'dash', 'd10', 'a2', 'd7'])
    return {'d8': lambda: '00' + digits(rng, 6), 'e7': lambda: 'E' + digits(rng, 7),
            'dash': lambda: 'M-%s-%s' % (digits(rng, 3), digits(rng, 3)),
            'd10': lambda: str(rng.randint(1, 9)) + digits(rng, 9),
            'a2': lambda: letters(rng, 2) + digits(rng, 6), 'd7': lambda: str(rng.randint(1, 9)) + digits(rng, 6)}[style]()


def member_id(rng):
    return rng.choice([lambda: 'W' + digits(rng, 9), lambda: letters(rng, 3) + digits(rng, 9),
                       lambda: 'ZG' + letters(rng, 1) + digits(rng, 8) + '01', lambda: digits(rng, 9) + 'A',
                       lambda: 'MOL' + digits(rng, 8), lambda: 'H' + digits(rng, 8) + '-02'])()


def uuid(rng):
    h = '%032x' % rng.getrandbits(128)
    return '%s-%s-4%s-%s%s-%s' % (h[:8], h[8:12], h[13:16], rng.choice('89ab'), h[17:20], h[20:32])


def hexid(rng, n):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def public_ip(rng):
    while True:
        a = rng.choice([24, 47, 50, 67, 68, 71, 73, 76, 98, 99, 108, 174, 184, 208])
        return '%d.%d.%d.%d' % (a, rng.randint(1, 254), rng.randint(0, 255), rng.randint(1, 254))


def server_ip(rng):
    return rng.choice(['10.%d.%d.%d' % (rng.randint(0, 40), rng.randint(0, 255), rng.randint(2, 250)),
                       '172.%d.%d.%d' % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(2, 250)),
                       '192.168.%d.%d' % (rng.randint(0, 20), rng.randint(2, 250))])


# ----------------------------------------------------------------------------------------------
# Dates
# ----------------------------------------------------------------------------------------------
MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
MONTH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
         'November', 'December']
DATE_STYLES = ['iso', 'us', 'us_short', 'us_nopad', 'dmy_dot', 'd_mon_y', 'd_mon_y_sp', 'long', 'mon_d_y',
               'ymd_slash', 'dmy_slash', 'd_month_y', 'mon_dd_yyyy_up', 'us_dash']


def fdate(d, style):
    return {
        'iso': lambda: d.strftime('%Y-%m-%d'), 'us': lambda: d.strftime('%m/%d/%Y'),
        'us_short': lambda: '%d/%d/%02d' % (d.month, d.day, d.year % 100),
        'us_nopad': lambda: '%d/%d/%d' % (d.month, d.day, d.year),
        'dmy_dot': lambda: d.strftime('%d.%m.%Y'), 'd_mon_y': lambda: '%02d-%s-%d' % (d.day, MON[d.month - 1], d.year),
        'd_mon_y_sp': lambda: '%d %s %d' % (d.day, MON[d.month - 1], d.year),
        'long': lambda: '%s %d, %d' % (MONTH[d.month - 1], d.day, d.year),
        'mon_d_y': lambda: '%s %d %d' % (MON[d.month - 1], d.day, d.year),
        'ymd_slash': lambda: d.strftime('%Y/%m/%d'), 'dmy_slash': lambda: d.strftime('%d/%m/%Y'),
        'd_month_y': lambda: '%d %s %d' % (d.day, MONTH[d.month - 1], d.year),
        'mon_dd_yyyy_up': lambda: '%s-%02d-%d' % (MON[d.month - 1].upper(), d.day, d.year),
        'us_dash': lambda: d.strftime('%m-%d-%Y'), 'hl7': lambda: d.strftime('%Y%m%d'),
    }[style]()


def rdate(rng, d, styles=None):
    return fdate(d, rng.choice(styles or DATE_STYLES))


def hl7ts(t, secs=False):
    return t.strftime('%Y%m%d%H%M%S' if secs else '%Y%m%d%H%M')


def rand_day(rng, y0=2025, y1=2026):
    start = dt.date(y0, 1, 1).toordinal()
    end = min(dt.date(y1, 12, 31).toordinal(), TODAY.toordinal())
    return dt.date.fromordinal(rng.randint(start, end))


def rand_dt(rng, day=None):
    day = day or rand_day(rng, 2026, 2026)
    return dt.datetime(day.year, day.month, day.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


def iso_ms(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (t.microsecond // 1000)


def age_on(dob, on):
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


# ----------------------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------------------
class Person:
    pass


def person(rng, cult=None, sex=None, age=None, old=False, native_ok=True):
    cult = cult or rng.choice(sorted(CULTURES))
    c = CULTURES[cult]
    p = Person()
    p.cult, p.native, p.famfirst = cult, None, c.get('order') == 'ff'
    use_native = 'native' in c and (native_ok or 'fam' not in c) and ('fam' not in c or rng.random() < 0.6)
    if use_native:
        pool = [x for x in c['native'] if sex is None or (x[0] in FEMALE_NATIVE) == (sex == 'F')] or c['native']
        g, f, nat = rng.choice(pool)
        p.given, p.family, p.native = g, f, nat
        p.sex = sex or ('F' if g in FEMALE_NATIVE else 'M')
    else:
        p.sex = sex or rng.choice('FM')
        p.given = rng.choice(c['f'] if p.sex == 'F' else c['m'])
        p.family = rng.choice(c['fam'])
    p.mid = rng.choice(['', '', rng.choice('ABCDEFGHJKLMNPRSTW')])
    if age is None:
        age = rng.randint(90, 103) if old else rng.choice([rng.randint(1, 17), rng.randint(18, 64), rng.randint(65, 88)])
    p.dob = dt.date(TODAY.year - age - 1, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    p.ph = phone(rng)
    p.ph2 = phone(rng)
    p.mrn = mrn(rng)
    gf = fold(p.given).split()[0].lower()
    ff = fold(p.family).replace(' ', '').replace('-', '').lower()
    p.email = rng.choice(['%s.%s%s', '%s%s%s', '%s_%s%s', '%s.%s.%s']) % (
        gf, ff, rng.choice(['', digits(rng, 2), str(p.dob.year)]))
    p.email = p.email.rstrip('.') + '@' + rng.choice(MAILS)
    city, st, z3 = rng.choice(CITIES)
    p.street = '%d %s' % (rng.randint(12, 9899), rng.choice(STREETS))
    p.unit = rng.choice(['', '', 'Apt %d%s' % (rng.randint(1, 42), rng.choice(['', 'B', 'C'])),
                         'Unit %d' % rng.randint(1, 300), '#%d' % rng.randint(100, 999)])
    p.city, p.state, p.zip = city, st, z3 + digits(rng, 2)
    p.zip4 = p.zip + '-' + digits(rng, 4)
    p.ssn = ssn(rng)
    p.member = member_id(rng)
    p.mbi = mbi(rng)
    p.acct = rng.choice(['8%s' % digits(rng, 9), 'HAR%s' % digits(rng, 8), '40%s' % digits(rng, 8)])
    p.visit = 'V%s' % digits(rng, 9)
    p.claim = rng.choice(['2026%s' % digits(rng, 9), 'CLM%s' % digits(rng, 8), '%sX%s' % (digits(rng, 6), digits(rng, 5))])
    p.card = card_number(rng)
    p.ip = public_ip(rng)
    p.dl = rng.choice(['S%s-%s-%s' % (digits(rng, 3), digits(rng, 4), digits(rng, 4)), 'D%s' % digits(rng, 7),
                       'S%s' % digits(rng, 8), '%s %s %s' % (digits(rng, 3), digits(rng, 3), digits(rng, 3))])
    return p


def full(p, native=False):
    if native and p.native:
        return p.native
    return '%s %s' % ((p.family, p.given) if p.famfirst else (p.given, p.family))


def lastfirst(p, upper=False):
    f = p.family.upper() if upper else p.family
    return '%s, %s' % (f, p.given)


def hl7name(p, upper=True, foldit=False):
    f, g = p.family, p.given
    if foldit:
        f, g = fold(f), fold(g)
    if upper:
        f, g = f.upper(), g.upper()
    return '%s^%s%s' % (f, g, ('^' + p.mid) if p.mid else '')


REL_SEX = {'MTH': 'F', 'DAU': 'F', 'SIS': 'F', 'FTH': 'M', 'SON': 'M', 'BRO': 'M'}


def relative(rng, p, rel=None):
    if rel is None:
        a = age_on(p.dob, TODAY)
        pool = (['MTH', 'FTH', 'MTH', 'GRD'] if a < 18 else ['DAU', 'SON', 'SPO', 'SIS', 'BRO', 'GRD'] if a >= 60
                else [x[0] for x in RELS])
        code = rng.choice(pool)
        rel = next(x for x in RELS if x[0] == code)
    for _ in range(30):
        r = person(rng, p.cult, sex=REL_SEX.get(rel[0], ('M' if p.sex == 'F' else 'F') if rel[0] == 'SPO' else None))
        if r.given != p.given:
            break
    else:
        r = person(rng, sex=r.sex)
    if rng.random() < 0.7:
        r.family, r.famfirst = p.family, p.famfirst
        if p.native and r.native:
            r.native = None
    r.rel = rel
    return r


def staff(rng):
    g, f = rng.choice(STAFF)
    s = Person()
    s.given, s.family = g, f
    s.name = '%s %s' % (g, f)
    s.handle = (fold(g)[0] + fold(f)).lower().replace("'", '')
    s.org = rng.choice(ORGS)
    s.email = '%s@%s' % (s.handle, s.org[1])
    s.ph = phone(rng)
    s.ext = str(rng.randint(2000, 7999))
    return s


def doctor(rng):
    g, f = rng.choice(DOCTORS)
    s = Person()
    s.given, s.family = g, f
    s.name = 'Dr. %s %s' % (g, f)
    s.short = 'Dr. %s' % f
    s.npi = npi(rng)
    s.hl7 = '%s^%s^%s^^^MD' % (s.npi, f.upper(), g.upper())
    return s


def npi(rng):
    while True:
        base = '1' + digits(rng, 8)
        s = '80840' + base
        for c in '0123456789':
            if luhn_ok(s + c):
                v = base + c
                if v != '1234567893':
                    return v


def cond(rng):
    return rng.choice(CONDITIONS)


def st_names(rng, k):
    pool = STAFF[:]
    rng.shuffle(pool)
    return ['%s %s' % x for x in pool[:k]]


def agefmt(p, on=None, fmt='%d'):
    a = age_on(p.dob, on or TODAY)
    return P(fmt % a, 'age_over_89') if a >= 90 else D([Seg(fmt % a)])


def adult(rng, cult=None, **kw):
    return person(rng, cult, age=rng.randint(19, 88), **kw)


# ----------------------------------------------------------------------------------------------
# HL7 v2 builders (return D; segments joined by the caller's separator)
# ----------------------------------------------------------------------------------------------
def seg(name, fields):
    n = max(fields)
    return join('|', [name] + [fields.get(i, '') for i in range(1, n + 1)])


def hl7msg(segs, sep='\r'):
    return join(sep, segs)


def msh(rng, typ, t, org=None, ver=None):
    org = org or rng.choice(ORGS)
    return seg('MSH', {1: '^~\\&', 2: rng.choice(['EPIC', 'CERNER', 'MEDITECH', 'REGADT', 'SOARIAN', 'LABSYS']),
                       3: org[2], 4: rng.choice(['MIRTH', 'RHAPSODY', 'CLOVERLEAF', 'HL7LISTENER', 'ENSEMBLE']),
                       5: rng.choice(['MPI', 'DWH', 'PACS', 'BILLING', 'PORTAL']),
                       6: C(hl7ts(t, True), 'message_time'), 8: typ,
                       9: rng.choice(['MSG%s' % digits(rng, 8), digits(rng, 12), '%s%s' % (org[2], digits(rng, 7))]),
                       10: 'P', 11: ver or rng.choice(['2.3', '2.4', '2.5.1'])})


def evn(rng, code, t):
    return seg('EVN', {1: code, 2: C(hl7ts(t, True), 'message_time')})


def xad(p, nounit=False):
    return F('⟦s⟧^⟦u⟧^⟦c⟧^⟦st⟧^⟦z⟧^USA^H', s=P(p.street.upper(), 'street_address'),
             u=(P(p.unit.upper(), 'street_address') if p.unit and not nounit else ''),
             c=P(p.city.upper(), 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'))


def xtn(rng, ph, use='PRN', style=None):
    style = style or rng.choice(['split', 'fmt', 'both'])
    if style == 'split':
        return F('^⟦u⟧^PH^^1^⟦a⟧^⟦n⟧', u=use, a=P(ph.a, 'phone'), n=P(ph.seven, 'phone'))
    if style == 'fmt':
        return F('⟦v⟧^⟦u⟧^PH', v=P(ph.fmt('tight'), 'phone'), u=use)
    return F('⟦v⟧^⟦u⟧^PH^^1^⟦a⟧^⟦n⟧', v=P(ph.fmt('tight'), 'phone'), u=use, a=P(ph.a, 'phone'), n=P(ph.seven, 'phone'))


def pid(rng, p, org=None, upper=True, foldit=None, addr=True, ph=True, acct=True, ssn_=None, alias=None):
    org = org or rng.choice(ORGS)
    foldit = rng.random() < 0.5 if foldit is None else foldit
    f = {1: '1', 3: F('⟦m⟧^^^⟦aa⟧^MR', m=P(p.mrn, 'mrn'), aa=org[2]),
         5: P(hl7name(p, upper, foldit), 'person_name'), 7: P(p.dob.strftime('%Y%m%d'), 'date'), 8: p.sex}
    if addr:
        f[11] = xad(p)
    if ph:
        f[13] = xtn(rng, p.ph)
    if acct:
        f[18] = P(p.acct, 'account_number')
    if ssn_ if ssn_ is not None else rng.random() < 0.4:
        f[19] = P(p.ssn, 'ssn')
    return seg('PID', f)


def pv1(rng, adm, doc=None, disch=None, cls='I', visit=None, org=None):
    org = org or rng.choice(ORGS)
    doc = doc or doctor(rng)
    f = {1: '1', 2: cls, 3: '%s^%d^%s^%s' % (rng.choice(['4W', '5E', 'ICU', 'ED', 'L&D', '3N']), rng.randint(100, 540),
                                           rng.choice('ABCD'), org[2]),
         7: F('⟦n⟧^⟦f⟧^⟦g⟧^^^MD', n=C(doc.npi, 'npi'), f=C(doc.family.upper(), 'person_name'),
              g=C(doc.given.upper(), 'person_name')),
         10: rng.choice(['MED', 'SUR', 'CAR', 'OBS', 'ORT'])}
    if visit:
        f[19] = P(visit, 'account_number')
    f[44] = P(hl7ts(adm), 'date')
    if disch:
        f[45] = P(hl7ts(disch), 'date')
    return seg('PV1', f)


def nk1(rng, r, addr=False):
    f = {1: '1', 2: P(hl7name(r, True, True), 'person_name'), 3: '%s^%s' % r.rel}
    if addr:
        f[4] = xad(r, nounit=True)
    f[5] = xtn(rng, r.ph, 'PRN', 'split' if rng.random() < 0.5 else 'fmt')
    return seg('NK1', f)


def dg1(rng, when, c=None):
    c = c or cond(rng)
    return seg('DG1', {1: '1', 3: F('⟦c⟧^⟦t⟧^I10', c=C(c[1], 'diagnosis_code'), t=C(c[0].upper(), 'condition')),
                       5: P(hl7ts(when), 'date'), 6: rng.choice(['A', 'W', 'F'])})


def in1(rng, p, payer=None):
    payer = payer or rng.choice(PAYERS)
    eff = dt.date(rng.choice([2024, 2025, 2026]), 1, 1)
    return seg('IN1', {1: '1', 2: rng.choice(['MCD01', 'COM22', 'MCR-B', 'HMO7']), 3: digits(rng, 5), 4: payer,
                       7: '^WPN^PH^^1^800^%s' % rng.choice(['6240756', '3311020', '4478115']),
                       8: C('GRP%s' % digits(rng, 6), 'group_number'), 12: C(eff.strftime('%Y%m%d'), 'coverage_date'),
                       16: P(hl7name(p, True, True), 'person_name'), 17: 'SEL',
                       18: P(p.dob.strftime('%Y%m%d'), 'date'), 36: P(p.member, 'health_plan_id')})


def obr(rng, when, test=('58410-2', 'CBC panel')):
    return seg('OBR', {1: '1', 2: C('ORD%s' % digits(rng, 7), 'order_number'), 3: C('F%s' % digits(rng, 8), 'order_number'),
                       4: '%s^%s^LN' % test, 7: P(hl7ts(when), 'date')})


LABS = [('2345-7', 'Glucose', 'mg/dL', '70-99', lambda r: str(r.randint(60, 340))),
        ('2160-0', 'Creatinine', 'mg/dL', '0.6-1.3', lambda r: '%.2f' % r.uniform(0.5, 4.2)),
        ('718-7', 'Hemoglobin', 'g/dL', '12.0-16.0', lambda r: '%.1f' % r.uniform(6.5, 16.9)),
        ('6690-2', 'WBC', '10*3/uL', '4.0-11.0', lambda r: '%.1f' % r.uniform(2.0, 22.0)),
        ('2823-3', 'Potassium', 'mmol/L', '3.5-5.1', lambda r: '%.1f' % r.uniform(2.9, 6.4)),
        ('4548-4', 'Hemoglobin A1c', '%', '4.0-5.6', lambda r: '%.1f' % r.uniform(5.0, 12.5))]


def obx(rng, i, when, lab=None):
    lab = lab or rng.choice(LABS)
    return seg('OBX', {1: str(i), 2: 'NM', 3: '%s^%s^LN' % (lab[0], lab[1]), 5: lab[4](rng), 6: lab[2], 7: lab[3],
                       8: rng.choice(['', 'H', 'L', 'N']), 11: 'F', 14: P(hl7ts(when), 'date')})


def adt(rng, p, event=None, t=None, org=None, nk=None, ins=None, diag=None, visit=True, ver=None, **kw):
    event = event or rng.choice(['A01', 'A04', 'A08', 'A03'])
    t = t or rand_dt(rng)
    org = org or rng.choice(ORGS)
    adm = t - dt.timedelta(hours=rng.randint(0, 70), minutes=rng.randint(0, 59))
    segs = [msh(rng, 'ADT^%s' % event, t, org, ver), evn(rng, event, t), pid(rng, p, org, **kw),
            pv1(rng, adm, org=org, cls=rng.choice('IOE'), visit=p.visit if visit else None,
                disch=(t if event == 'A03' else None))]
    if nk if nk is not None else rng.random() < 0.5:
        segs.insert(3, nk1(rng, relative(rng, p), addr=rng.random() < 0.3))
    if diag if diag is not None else rng.random() < 0.5:
        segs.append(dg1(rng, adm))
    if ins if ins is not None else rng.random() < 0.4:
        segs.append(in1(rng, p))
    return segs


def oru(rng, p, t=None, org=None, nobs=None, **kw):
    t = t or rand_dt(rng)
    org = org or rng.choice(ORGS)
    coll = t - dt.timedelta(hours=rng.randint(1, 9), minutes=rng.randint(0, 59))
    segs = [msh(rng, 'ORU^R01', t, org), pid(rng, p, org, **kw), obr(rng, coll)]
    labs = rng.sample(LABS, nobs or rng.randint(2, 4))
    for i, lab in enumerate(labs, 1):
        segs.append(obx(rng, i, coll, lab))
    return segs


def ack(rng, t, code='AA', err=None):
    s = [seg('MSH', {1: '^~\\&', 2: 'MPI', 3: 'LRMC', 4: 'EPIC', 5: 'LRMC', 6: hl7ts(t, True), 8: 'ACK',
                     9: digits(rng, 10), 10: 'P', 11: '2.5.1'}),
         seg('MSA', {1: code, 2: 'MSG%s' % digits(rng, 8)})]
    if err:
        s.append(seg('ERR', {1: '', 2: 'PID^1^7', 3: '102^Data type error^HL70357', 4: 'E', 8: err}))
    return s


# ----------------------------------------------------------------------------------------------
# FHIR resources as Python objects with D leaves
# ----------------------------------------------------------------------------------------------
def fhir_patient(rng, p, org=None, rid=None, native=False, addr=True, tel=True, ssn_=False, extra=None):
    org = org or rng.choice(ORGS)
    res = collections.OrderedDict()
    res['resourceType'] = 'Patient'
    res['id'] = C(rid or ('pat-' + hexid(rng, 8)), 'internal_id')
    ids = [{'use': 'usual', 'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'MR'}]},
            'system': 'urn:oid:2.16.840.1.113883.3.%d.1' % rng.randint(100, 9999), 'value': P(p.mrn, 'mrn')}]
    if ssn_:
        ids.append({'system': 'http://hl7.org/fhir/sid/us-ssn', 'value': P(p.ssn, 'ssn')})
    res['identifier'] = ids
    giv = p.given.split(' ') if rng.random() < 0.5 else [p.given]
    name = collections.OrderedDict([('use', 'official'), ('family', P(p.family, 'person_name')),
                                    ('given', [P(g, 'person_name') for g in giv])])
    names = [name]
    if native and p.native:
        names.append({'use': 'usual', 'text': P(p.native, 'person_name')})
    res['name'] = names
    if tel:
        res['telecom'] = [{'system': 'phone', 'value': P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'), 'use': 'home'},
                          {'system': 'email', 'value': P(p.email, 'email')}][:rng.randint(1, 2)]
    res['gender'] = 'female' if p.sex == 'F' else 'male'
    res['birthDate'] = P(p.dob.isoformat(), 'date')
    if addr:
        a = collections.OrderedDict([('use', 'home'), ('line', [P(p.street, 'street_address')] +
                                                       ([P(p.unit, 'street_address')] if p.unit else [])),
                                     ('city', P(p.city, 'street_address')), ('state', C(p.state, 'state')),
                                     ('postalCode', P(p.zip, 'zip_code'))])
        res['address'] = [a]
    if extra:
        res.update(extra)
    res['managingOrganization'] = {'display': C(org[0], 'facility')}
    return res


# ----------------------------------------------------------------------------------------------
# Wrappers: Jira headers, log lines, mail headers
# ----------------------------------------------------------------------------------------------
PROJ = ['INTEG', 'HL7', 'EHRINT', 'IFACE', 'DATA', 'PORTAL', 'REV', 'CLIN', 'OPS', 'SUP', 'PLAT', 'FHIR']


def tkey(rng, proj=None):
    return '%s-%d' % (proj or rng.choice(PROJ), rng.randint(120, 9800))


def jira_ts(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S.000+0000')


def jira_wiki_head(rng, key, summary, rep=None, asg=None, t=None):
    rep, asg = rep or staff(rng), asg or staff(rng)
    t = t or rand_dt(rng)
    return F('⟦k⟧: ⟦s⟧\nType: Bug   Priority: ⟦pr⟧   Status: ⟦st⟧\nReporter: ⟦r⟧   Assignee: ⟦a⟧\n'
             'Created: ⟦c⟧   Updated: ⟦u⟧\n\n', k=key, s=summary,
             pr=rng.choice(['Major', 'High', 'Critical', 'Medium']), st=rng.choice(['Open', 'In Progress', 'Triage']),
             r=C(rep.name, 'person_name'), a=C(asg.name, 'person_name'),
             c=t.strftime('%d/%b/%y %I:%M %p'), u=(t + dt.timedelta(hours=rng.randint(1, 50))).strftime('%d/%b/%y %I:%M %p'))


def md_issue_head(rng, title, who=None):
    who = who or staff(rng)
    return F('## ⟦t⟧\n\n_opened by @⟦h⟧ \u00b7 ⟦n⟧ comments_\n\n', t=title, h=C(who.handle, 'person_name'),
             n=rng.randint(1, 9))


def mail_head(rng, frm, to, subj, when, extra=''):
    return F('From: ⟦f⟧\nTo: ⟦t⟧\nSubject: ⟦s⟧\nDate: ⟦d⟧\n⟦x⟧', f=frm, t=to, s=subj,
             d=C(when.strftime('%a, %d %b %Y %H:%M:%S -0500'), 'email_date'), x=extra)


def log_ts(t, style):
    return {'iso': iso_ms(t), 'space': t.strftime('%Y-%m-%d %H:%M:%S,') + '%03d' % rng_ms(t),
            'syslog': t.strftime('%b %d %H:%M:%S'), 'clf': t.strftime('%d/%b/%Y:%H:%M:%S +0000')}[style]


def rng_ms(t):
    return (t.second * 37 + t.minute * 11) % 1000


def ms_epoch(t):
    return int(t.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)


def staff_sig(s, title=None):
    return F('⟦n⟧\n⟦t⟧\n⟦e⟧ | ext. ⟦x⟧', n=C(s.name, 'person_name'), t=title or 'Interface Analyst',
             e=C(s.email, 'staff_contact'), x=C(s.ext, 'staff_contact'))


def dlines(d):
    """Split a D into one D per line (labelled values never hold a line break)."""
    lines, cur = [], []
    for s in d.segs:
        if s.label:
            if '\n' in s.text:
                raise ValueError('labelled value spans lines: %r' % s.text)
            cur.append(s)
            continue
        parts = s.text.split('\n')
        for i, part in enumerate(parts):
            if i:
                lines.append(D(cur))
                cur = []
            if part:
                cur.append(Seg(part))
    lines.append(D(cur))
    return lines


def udiff(old, new, path, ctx=3, git=True, rng=None):
    import difflib
    a = dlines(old) if old is not None else []
    b = dlines(new)
    for x in (a, b):
        if x and not x[-1].text:
            x.pop()
    at, bt = [x.text for x in a], [x.text for x in b]
    head = ''
    if git:
        idx = '%s..%s' % (hexid(rng, 7), hexid(rng, 7)) if rng else '0000000..1111111'
        head = 'diff --git a/%s b/%s\n' % (path, path)
        if old is None:
            head += 'new file mode 100644\nindex 0000000..%s\n--- /dev/null\n+++ b/%s\n' % (idx.split('..')[1], path)
        else:
            head += 'index %s 100644\n--- a/%s\n+++ b/%s\n' % (idx, path, path)
    else:
        head = '--- a/%s\n+++ b/%s\n' % (path, path)
    out = D([Seg(head)])
    for grp in difflib.SequenceMatcher(None, at, bt, autojunk=False).get_grouped_opcodes(ctx):
        i1, i2, j1, j2 = grp[0][1], grp[-1][2], grp[0][3], grp[-1][4]
        out = out + '@@ -%d,%d +%d,%d @@\n' % (i1 + 1 if i2 > i1 else i1, i2 - i1, j1 + 1, j2 - j1)
        for op, x1, x2, y1, y2 in grp:
            if op == 'equal':
                for ln in a[x1:x2]:
                    out = out + ' ' + ln + '\n'
            else:
                for ln in a[x1:x2]:
                    out = out + '-' + ln + '\n'
                for ln in b[y1:y2]:
                    out = out + '+' + ln + '\n'
    return out


def indent_block(d, pre):
    """Indent every non-empty line of d (YAML block scalars, quoted replies)."""
    return join('\n', [(pre + ln) if ln.text else ln for ln in dlines(d)])


# ----------------------------------------------------------------------------------------------
# Templates.  Each returns a D; registered with family, variant (encoding prefix + name), copies.
# ----------------------------------------------------------------------------------------------
TEMPLATES = []


def tpl(family, variant, n, phi=None):
    phi = family in PHI_FAMILIES_ if phi is None else phi

    def deco(fn):
        TEMPLATES.append((family, variant, n, phi, fn))
        return fn
    return deco


PHI_FAMILIES_ = {'jira_hl7', 'confluence_table', 'support_ticket', 'fhir_diff', 'sql_seed', 'clinical_note',
                 'claims_csv', 'patient_email'}


def O(*kv):
    return collections.OrderedDict(kv)


# ============================== jira_hl7 ==============================
@tpl('jira_hl7', 'json_jira_rest_description', 1)
def t_jira_rest(rng):
    p, org = person(rng), rng.choice(ORGS)
    rep, asg = staff(rng), staff(rng)
    key = tkey(rng, rng.choice(['INTEG', 'HL7', 'EHRINT']))
    t = rand_dt(rng)
    ev = rng.choice(['A04', 'A08', 'A01'])
    msg = hl7msg(adt(rng, p, ev, t, org), '\n')
    desc = F('h3. Problem\nThe MPI created a second chart for "⟦n⟧" (MRN ⟦m⟧) when the ⟦ev⟧ below arrived. '
             'Registration confirmed the DOB on the wristband is ⟦dob⟧ and the home phone is ⟦ph⟧.\n\n'
             'h3. Message\n{code}\n⟦msg⟧\n{code}\n\nh3. Notes\n* "Match on MRN + DOB" is enabled in TEST, not in PROD\n'
             '* cc [~⟦h⟧] for the EMPI side\n',
             n=P(full(p), 'person_name'), m=P(p.mrn, 'mrn'), ev=ev, dob=P(rdate(rng, p.dob), 'date'),
             ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'), msg=msg, h=C(staff(rng).handle, 'person_name'))
    created = jira_ts(t)
    fields = O(('summary', F('ADT ⟦e⟧ duplicate chart for ⟦f⟧', e=ev, f=P(p.family.upper(), 'person_name'))),
               ('issuetype', {'name': 'Bug'}), ('priority', {'name': rng.choice(['High', 'Highest', 'Medium'])}),
               ('status', {'name': 'In Progress'}),
               ('reporter', O(('displayName', C(rep.name, 'person_name')), ('emailAddress', C(rep.email, 'staff_contact')))),
               ('assignee', O(('displayName', C(asg.name, 'person_name')), ('emailAddress', C(asg.email, 'staff_contact')))),
               ('created', created), ('updated', jira_ts(t + dt.timedelta(hours=3))),
               ('labels', ['hl7', 'empi', ev.lower()]), ('description', desc))
    iid = digits(rng, 5)
    obj = O(('expand', 'renderedFields,names,schema'), ('id', iid),
            ('self', 'https://jira.%s/rest/api/2/issue/%s' % (org[1], iid)), ('key', key), ('fields', fields))
    head = F('$ curl -s -H "Authorization: Bearer $JIRA_TOKEN" https://jira.⟦d⟧/rest/api/2/issue/⟦k⟧ | jq .\n',
             d=org[1], k=key) if rng.random() < 0.5 else F('Response body of GET /rest/api/2/issue/⟦k⟧ (status 200):\n', k=key)
    return head + jdump(obj, indent=2 if rng.random() < 0.6 else None)


@tpl('jira_hl7', 'json_cloudwatch_lambda_hl7', 2)
def t_cloudwatch(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    rid = uuid(rng)
    msg = hl7msg(adt(rng, p, rng.choice(['A08', 'A04', 'A03']), t, org, nk=True), '\r')
    stream = '%s/[$LATEST]%s' % (t.strftime('%Y/%m/%d'), hexid(rng, 32))
    evs = []
    for i, m in enumerate([
            F('START RequestId: ⟦r⟧ Version: $LATEST\n', r=rid),
            F('⟦ts⟧\tINFO\t⟦r⟧\tinbound frame bytes=⟦b⟧ source=⟦ip⟧:6661\n', ts=iso_ms(t), r=rid,
              b=rng.randint(900, 2400), ip=server_ip(rng)),
            F('⟦ts⟧\tDEBUG\t⟦r⟧\tparsed message: ⟦m⟧\n', ts=iso_ms(t), r=rid, m=msg),
            F('⟦ts⟧\tERROR\t⟦r⟧\tEMPI lookup returned 2 candidates for MRN ⟦m⟧; routing to manual review\n',
              ts=iso_ms(t), r=rid, m=P(p.mrn, 'mrn')),
            F('END RequestId: ⟦r⟧\n', r=rid)]):
        evs.append(O(('logStreamName', stream), ('timestamp', ms_epoch(t) + i * 7), ('message', m),
                     ('ingestionTime', ms_epoch(t) + i * 7 + 180), ('eventId', digits(rng, 56))))
    out = jdump(O(('events', evs), ('searchedLogStreams', [])), indent=4)
    rep = staff(rng)
    head = jira_wiki_head(rng, tkey(rng), 'hl7-ingest lambda routes ADT updates to manual review', rep=rep, t=t)
    body = F('Seeing this for a handful of updates since the EMPI upgrade. One example from prod (aws logs filter-log-events '
             '--log-group-name /aws/lambda/hl7-ingest --filter-pattern ⟦q⟧):\n{noformat}\n', q='"\\"ERROR\\""')
    return head + body + out + '\n{noformat}\nThe message looks fine to me, the second candidate is a merged chart.\n'


@tpl('jira_hl7', 'json_kcat_oru_payload', 2)
def t_kcat(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    msg = hl7msg(oru(rng, p, t, org), '\r')
    off = rng.randint(100000, 9000000)
    recs = []
    for i in range(rng.randint(0, 1)):
        recs.append(jdump(O(('topic', 'hl7.oru.inbound'), ('partition', 3), ('offset', off - 1 - i), ('tstype', 'create'),
                            ('ts', ms_epoch(t) - 4000), ('broker', 2), ('headers', ['source', 'LAB', 'msgType', 'ACK']),
                            ('key', None), ('payload', 'heartbeat')), compact=True))
    recs.append(jdump(O(('topic', 'hl7.oru.inbound'), ('partition', 3), ('offset', off), ('tstype', 'create'),
                        ('ts', ms_epoch(t)), ('broker', 2), ('headers', ['source', 'LAB', 'msgType', 'ORU^R01']),
                        ('key', P(p.mrn, 'mrn')), ('payload', msg)), compact=True))
    who = staff(rng)
    return (md_issue_head(rng, 'lab-results consumer: NumberFormatException on OBX-5', who)
            + 'The consumer dies on one record and the partition lags behind. Dumped it with kcat:\n\n```\n'
            + '$ kcat -C -b kafka-02.int:9092 -t hl7.oru.inbound -p 3 -o %d -c %d -J\n' % (off - len(recs) + 1, len(recs))
            + join('\n', recs) + '\n% Reached end of topic hl7.oru.inbound [3] at offset ' + str(off + 1) + '\n```\n\n'
            + F('```\njava.lang.NumberFormatException: For input string: "<5"\n\tat com.lakeview.lab.ObxMapper.value(ObxMapper.java:88)\n```\n'
                '@⟦h⟧ can we skip-and-park instead of crash-looping?\n', h=C(staff(rng).handle, 'person_name')))


@tpl('jira_hl7', 'json2_datadog_message_json', 2)
def t_datadog(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    msg = hl7msg(adt(rng, p, rng.choice(['A01', 'A08']), t, org), '\r')
    inner = jdump(O(('level', 'error'), ('logger', 'router.mpi'), ('event', 'mpi.match.failed'),
                    ('mrn', P(p.mrn, 'mrn')), ('dob', P(p.dob.isoformat(), 'date')), ('candidates', 2), ('raw', msg)),
                  compact=True)
    host = 'hl7-router-%s' % hexid(rng, 5)
    outer = O(('id', 'AQAAAY' + hexid(rng, 20)), ('content', O(
        ('timestamp', iso_ms(t)), ('tags', ['env:prod', 'service:hl7-router', 'version:4.%d.%d' % (rng.randint(0, 9), rng.randint(0, 30))]),
        ('host', host), ('service', 'hl7-router'), ('message', inner),
        ('attributes', O(('status', 'error'), ('dd', {'trace_id': digits(rng, 19)}), ('pod_name', host))))))
    d = jdump(outer, indent=2 if rng.random() < 0.5 else None)
    return (F('*Comment by ⟦a⟧:* copied from Datadog (Log Explorer > Copy as JSON). The router logs the whole raw '
              'message as a string inside the JSON message, so it is escaped twice:\n{code:json}\n', a=C(staff(rng).name, 'person_name'))
            + d + '\n{code}\nWe should not be logging raw at ERROR at all - ticket for that is OPS-' + str(rng.randint(100, 999)) + '.\n')


@tpl('jira_hl7', 'code_string_literal_hl7_fixture', 2)
def t_code_fixture(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    segs = adt(rng, p, 'A08', t, org, nk=rng.random() < 0.5)
    lang = rng.choice(['java', 'csharp', 'python', 'go', 'kotlin', 'textblock'])
    lits = [F('"⟦s⟧\\r"', s=s.enc('json')) for s in segs]
    if lang == 'java':
        code = ('    @Test\n    void a08UpdatesDemographics() {\n        String msg =\n            '
                + join(' +\n            ', lits) + ';\n        assertThat(parser.parse(msg).pid().dob()).isNotNull();\n    }')
    elif lang == 'csharp':
        code = ('    [Fact]\n    public void A08_Updates_Demographics()\n    {\n        var msg = '
                + join('\n            + ', lits) + ';\n        Assert.NotNull(_parser.Parse(msg).Pid.DateOfBirth);\n    }')
    elif lang == 'python':
        code = ('A08_FIXTURE = (\n    ' + join('\n    ', lits) + '\n)\n\n\ndef test_a08_updates_demographics(parser):\n'
                '    assert parser.parse(A08_FIXTURE).pid.dob is not None')
    elif lang == 'go':
        code = ('const a08Fixture = ' + join(' +\n\t', lits) + '\n\nfunc TestA08UpdatesDemographics(t *testing.T) {\n'
                '\tmsg, err := hl7.Parse(a08Fixture)\n\trequire.NoError(t, err)\n}')
    elif lang == 'textblock':
        code = ('    // Java 17 text block; HL7 wants \\r between segments\n    private static final String A08 = \"\"\"\n        '
                + join('\n        ', [s.enc('json') for s in segs]) + '\n        \"\"\".replace("\\n", "\\r");')
    else:
        code = ('    private val a08 = listOf(\n        ' + join(',\n        ', [F('"⟦s⟧"', s=s.enc('json')) for s in segs])
                + '\n    ).joinToString("\\r")')
    ext = {'java': 'java', 'csharp': 'cs', 'python': 'py', 'go': 'go', 'kotlin': 'kt', 'textblock': 'java'}[lang]
    return (jira_wiki_head(rng, tkey(rng, 'HL7'), 'Prod message committed as a unit-test fixture', t=t)
            + F('PR #⟦n⟧ adds a regression test for the A08 demographics bug, but the fixture was copied straight from the '
                'prod engine - that is ⟦f⟧\'s real chart. Please replace with ZZTEST data before merge.\n\n'
                '{code:title=AdtA08Test.⟦x⟧}\n', n=rng.randint(200, 3000), f=P(full(p), 'person_name'), x=ext)
            + code + '\n{code}\n')


@tpl('jira_hl7', 'xml_mirth_message_export', 1)
def t_mirth_xml(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    msg = hl7msg(adt(rng, p, rng.choice(['A04', 'A08']), t, org), '\r').enc('xml').pmap(lambda s: s.replace('\r', '&#xd;'))
    ch, sid = uuid(rng), uuid(rng)
    mid = rng.randint(1000, 99999)
    x = F('<message>\n  <messageId>⟦mid⟧</messageId>\n  <serverId>⟦sid⟧</serverId>\n  <channelId>⟦ch⟧</channelId>\n'
          '  <receivedDate>\n    <time>⟦ms⟧</time>\n    <timezone>America/Chicago</timezone>\n  </receivedDate>\n'
          '  <processed>true</processed>\n  <connectorMessages class="linked-hash-map">\n    <entry>\n      <int>0</int>\n'
          '      <connectorMessage>\n        <messageId>⟦mid⟧</messageId>\n        <metaDataId>0</metaDataId>\n'
          '        <channelName>ADT_IN_⟦o⟧</channelName>\n        <connectorName>Source</connectorName>\n'
          '        <status>ERROR</status>\n        <raw>\n          <contentType>RAW</contentType>\n'
          '          <content>⟦msg⟧</content>\n          <dataType>HL7V2</dataType>\n          <encrypted>false</encrypted>\n'
          '        </raw>\n        <processingError>com.mirth.connect.server.MirthJavascriptTransformerException: '
          'TypeError: Cannot read property &quot;toString&quot; of undefined (ADT_IN_⟦o⟧#Transformer#3)</processingError>\n'
          '      </connectorMessage>\n    </entry>\n  </connectorMessages>\n</message>',
          mid=mid, sid=sid, ch=ch, ms=ms_epoch(t), o=org[2], msg=msg)
    return (F('Attaching the message export from the Mirth Administrator (Messages > Export Results, XML). Step 3 of the '
              'transformer dies when PV1-7 is empty.\n\n{code:xml}\n') + x + '\n{code}\nassigning to ' +
            C(staff(rng).name, 'person_name') + '\n')


@tpl('jira_hl7', 'json_adf_codeblock', 1)
def t_adf(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    msg = hl7msg(oru(rng, p, t, org) if rng.random() < 0.5 else adt(rng, p, None, t, org), '\n')
    s1, s2 = staff(rng), staff(rng)

    def txt(x, marks=None):
        o = O(('type', 'text'), ('text', x))
        if marks:
            o['marks'] = [{'type': m} for m in marks]
        return o
    doc = O(('type', 'doc'), ('version', 1), ('content', [
        O(('type', 'paragraph'), ('content', [
            O(('type', 'mention'), ('attrs', O(('id', '5b10' + hexid(rng, 20)), ('text', F('@⟦n⟧', n=C(s1.name, 'person_name'))),
                                             ('accessLevel', '')))),
            txt(F(' the feed dropped PV1 again for ⟦n⟧, DOB ⟦d⟧. Message as received:', n=P(full(p), 'person_name'),
                  d=P(rdate(rng, p.dob, ['us', 'iso', 'd_mon_y']), 'date')))])),
        O(('type', 'codeBlock'), ('attrs', {'language': 'text'}), ('content', [txt(msg)])),
        O(('type', 'paragraph'), ('content', [txt('Reported by '), txt(C(s2.name, 'person_name'), ['strong']),
                                              txt(' from the lab; see also INC-%d.' % rng.randint(10000, 99999))]))]))
    return (F('PUT /rest/api/3/issue/⟦k⟧/comment returned 400 (INVALID_INPUT) for this body - the codeBlock is valid ADF '
              'as far as I can tell:\n\n', k=tkey(rng)) + jdump(doc, indent=2 if rng.random() < 0.5 else None) + '\n')


@tpl('jira_hl7', 'json_splunk_export_hl7', 1)
def t_splunk(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    msg = hl7msg(adt(rng, p, rng.choice(['A01', 'A08', 'A03']), t, org), '\r')
    host = 'clv-engine-%02d' % rng.randint(1, 6)
    res = []
    for i, raw in enumerate([F('⟦ts⟧ INFO  [adt_in] thread ⟦th⟧ received ⟦n⟧ bytes from ⟦ip⟧', ts=log_ts(t, 'space'),
                                th=rng.randint(1, 9), n=rng.randint(600, 2400), ip=server_ip(rng)),
                              F('⟦ts⟧ WARN  [adt_in] xlate ADT_IN_⟦o⟧ failed, message follows: ⟦m⟧', ts=log_ts(t, 'space'), o=org[2], m=msg),
                              F('⟦ts⟧ INFO  [adt_in] message moved to error database, id ⟦e⟧', ts=log_ts(t, 'space'), e=digits(rng, 9))]):
        res.append(jdump(O(('preview', False), ('offset', i), ('result', O(
            ('_raw', raw), ('_time', t.strftime('%Y-%m-%dT%H:%M:%S.000-06:00')), ('host', host),
            ('source', '/opt/cloverleaf/cis19.1/integrator/adt/logs/adt_in.log'), ('sourcetype', 'cloverleaf:engine')))), compact=True))
    return (jira_wiki_head(rng, tkey(rng, 'IFACE'), 'Cloverleaf xlate failures after tbl update', t=t)
            + F('Splunk export (search: index=cloverleaf sourcetype=cloverleaf:engine "xlate" | head 3, output_mode=json). '
                'The raw message is in _raw with the segment separators escaped:\n{noformat}\n')
            + join('\n', res) + F('\n{noformat}\n⟦a⟧ updated the gender table on Tuesday.\n', a=C(staff(rng).name, 'person_name')))


@tpl('jira_hl7', 'plain_jira_adt_codeblock', 3)
def t_plain_jira(rng):
    p, org = person(rng), rng.choice(ORGS)
    t = rand_dt(rng)
    ev = rng.choice(['A01', 'A03', 'A08', 'A04'])
    msg = hl7msg(adt(rng, p, ev, t, org), '\n')
    return (jira_wiki_head(rng, tkey(rng), 'ADT %s from %s rejected: PID-11 too long' % (ev, org[2]), t=t)
            + F('h3. Steps\n# Register the patient in Prelude\n# Engine NAKs with AE, see below\n\n{code}\n⟦m⟧\n{code}\n\n'
                'The street line for ⟦n⟧ is longer than the 50-char limit on the receiver. Called the unit to confirm '
                'the address; the number they have is ⟦ph⟧.\n', m=msg, n=P(full(p), 'person_name'),
                ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone')))


# ============================== confluence_table ==============================
def crowd(rng, k, **kw):
    return [person(rng, **kw) for _ in range(k)]


@tpl('confluence_table', 'html_storage_followup_table', 2)
def t_conf_storage(rng):
    enc = rng.choice(['html_named', 'html_dec', 'html_hex'])
    ppl = crowd(rng, rng.randint(4, 7))
    owners = [staff(rng) for _ in range(3)]
    ds = rng.choice(['us', 'iso', 'd_mon_y'])
    rows = []
    for p in ppl:
        o = rng.choice(owners)
        note = rng.choice(['call back re: ', 'med rec after ', 'wound check, ', 'A1c due; ', 'PT referral & '])
        c = cond(rng)
        rows.append(F('<tr><td>⟦n⟧</td><td>⟦m⟧</td><td>⟦d⟧</td><td>⟦ph⟧</td><td>⟦nt⟧⟦c⟧</td>'
                      '<td><ac:link><ri:user ri:username="⟦o⟧" /></ac:link></td></tr>',
                      n=P(lastfirst(p), 'person_name').enc(enc), m=P(p.mrn, 'mrn'), d=P(fdate(p.dob, ds), 'date'),
                      ph=P(p.ph.fmt(rng.choice(['paren', 'dash', 'dot'])), 'phone'), nt=e_html(note),
                      c=C(c[0], 'condition').enc(enc), o=C(o.handle, 'person_name')))
    wk = rng.randint(2, 51)
    return (F('<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Post-discharge follow-up &ndash; week ⟦w⟧. '
              'Owners update the last column; do <strong>not</strong> export this page.</p></ac:rich-text-body>'
              '</ac:structured-macro>\n<table data-layout="wide"><colgroup><col /><col /><col /><col /><col /><col /></colgroup>'
              '<tbody>\n<tr><th>Patient</th><th>MRN</th><th>DOB</th><th>Phone</th><th>Follow-up</th><th>Owner</th></tr>\n', w=wk)
            + join('\n', rows) + '\n</tbody></table>\n<p>Last sync from Epic report 88213 &mdash; questions to '
            + C(owners[0].name, 'person_name').enc(enc) + '.</p>')


@tpl('confluence_table', 'json_confluence_rest_body_storage', 2)
def t_conf_rest(rng):
    ppl = crowd(rng, rng.randint(3, 6))
    rows = []
    for p in ppl:
        rows.append(F('<tr><td><p>⟦n⟧</p></td><td><p>⟦d⟧</p></td><td><p>⟦e⟧</p></td><td><p>⟦z⟧</p></td>'
                      '<td><p>⟦s⟧</p></td></tr>',
                      n=P(full(p), 'person_name').enc('html'), d=P(p.dob.strftime('%m/%d/%Y'), 'date'),
                      e=P(p.email, 'email'), z=P(p.zip, 'zip_code'),
                      s=rng.choice(['invited', 'bounced', 'enrolled', 'declined &ndash; prefers phone'])))
    xhtml = (F('<h2>Portal enrolment outreach</h2>\n<p>Source: registration extract, ⟦o⟧.</p>\n'
               '<table class="relative-table"><tbody>\n<tr><th><p>Name</p></th><th><p>DOB</p></th><th><p>Email</p></th>'
               '<th><p>ZIP</p></th><th><p>Status</p></th></tr>\n', o=C(rng.choice(ORGS)[0], 'facility').enc('html'))
             + join('\n', rows) + '\n</tbody></table>')
    who = staff(rng)
    t = rand_dt(rng)
    pid_ = str(rng.randint(10000000, 99999999))
    obj = O(('id', pid_), ('type', 'page'), ('status', 'current'), ('title', 'Portal outreach %s' % t.strftime('%b %Y')),
            ('space', O(('key', 'PXO'), ('name', 'Patient Experience Ops'))),
            ('version', O(('by', O(('type', 'known'), ('displayName', C(who.name, 'person_name')))),
                          ('when', iso_ms(t)), ('number', rng.randint(2, 40)))),
            ('body', O(('storage', O(('value', xhtml), ('representation', 'storage'))))),
            ('_links', O(('webui', '/spaces/PXO/pages/%s' % pid_), ('base', 'https://wiki.%s' % rng.choice(ORGS)[1]))))
    return (F('Our page-export job failed on this page, dumping the API response for ⟦h⟧ to look at (GET '
              '/rest/api/content/⟦i⟧?expand=body.storage,version,space):\n\n', h=C('@' + staff(rng).handle, 'person_name'), i=pid_)
            + jdump(obj, indent=2 if rng.random() < 0.5 else None) + '\n')


@tpl('confluence_table', 'csv_table_export_multiline', 2)
def t_conf_csv(rng):
    ppl = crowd(rng, rng.randint(3, 6))
    ds = rng.choice(['us', 'iso', 'us_nopad'])
    rows = []
    for p in ppl:
        addr = F('⟦s⟧⟦u⟧\n⟦c⟧, ⟦st⟧ ⟦z⟧', s=P(p.street, 'street_address'),
                 u=(F(', ⟦u⟧', u=P(p.unit, 'street_address')) if p.unit else ''),
                 c=P(p.city, 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'))
        note = rng.choice([
            (lambda r: F('⟦rel⟧ ⟦r⟧ says "call after 5pm"', rel=r.rel[1], r=P(r.given, 'person_name')))(relative(rng, p)),
            F('Needs interpreter; "no voicemail"'), F('Transport booked\nwheelchair van, "side door"'),
            F('Prefers text to ⟦c⟧', c=P(p.ph2.fmt('dash'), 'phone')), F('')])
        rows.append(F('"⟦n⟧","⟦d⟧","⟦m⟧","⟦ph⟧","⟦a⟧","⟦nt⟧"',
                      n=P(lastfirst(p), 'person_name').enc('csv'), d=P(fdate(p.dob, ds), 'date'), m=P(p.mrn, 'mrn'),
                      ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'), a=addr.enc('csv'), nt=note.enc('csv')))
    return (F('h2. Home-visit schedule\nExported with Table Filter > Export CSV so the nurses can load it into the route '
              'planner. The quoting is what the macro produces:\n{noformat}\n')
            + '"Patient","DOB","MRN","Phone","Address","Notes"\n' + join('\n', rows)
            + F('\n{noformat}\nRoute planner owner: ⟦s⟧\n', s=C(staff(rng).name, 'person_name')))


@tpl('confluence_table', 'md_export_escaped_table', 2)
def t_conf_md(rng):
    ppl = crowd(rng, rng.randint(3, 6))
    rows = []
    for p in ppl:
        flag = rng.choice(['', '\\*', ''])
        rows.append(F('| ⟦f⟧⟦n⟧ | ⟦m⟧ | ⟦e⟧ | ⟦ph⟧ | ⟦c⟧ |', f=flag, n=P(full(p), 'person_name').enc('md'),
                      m=P(p.mrn, 'mrn').enc('md'), e=P(p.email, 'email').enc('md'),
                      ph=P(p.ph.fmt(rng.choice(['dash', 'dot', 'paren'])), 'phone'),
                      c=C(cond(rng)[0], 'condition').enc('md')))
    who = staff(rng)
    return (F('# RPM pilot \u2013 enrolled patients\n\n> Exported from Confluence with the Markdown exporter; underscores and '
              'pipes came out escaped.\n\nOwner: @⟦h⟧ \\| Last edited ⟦t⟧\n\n', h=C(who.handle, 'person_name'),
              t=rand_day(rng).isoformat())
            + '| Name | MRN | Email | Phone | Enrolled for |\n|---|---|---|---|---|\n' + join('\n', rows)
            + '\n\n\\* = device not returned\n')


@tpl('confluence_table', 'json_sheets_values_ascii', 2)
def t_conf_sheets(rng):
    ppl = crowd(rng, rng.randint(3, 6))
    vals = [['Patient', 'DOB', 'MRN', 'Cell', 'Vaccine', 'Dose date']]
    for p in ppl:
        vals.append([P(full(p, native=rng.random() < 0.5), 'person_name'), P(fdate(p.dob, 'us_nopad'), 'date'),
                     P(p.mrn, 'mrn'), P(p.ph.fmt('dash'), 'phone'),
                     rng.choice(['Influenza', 'COVID-19 2026-27', 'RSV', 'Tdap', 'Shingrix #2']),
                     P(fdate(rand_day(rng, 2026, 2026), 'us_nopad'), 'date')])
    obj = O(('range', "'Clinic roster'!A1:F%d" % len(vals)), ('majorDimension', 'ROWS'), ('values', vals))
    return (F('The Google Sheets macro on the vaccine-clinic page shows "Unable to render". Network tab has this '
              'response from sheets.googleapis.com (v4 values.get), which looks fine - maybe it chokes on the \\u escapes?\n\n')
            + jdump(obj, indent=2, ascii=True) + F('\n\nRaised by ⟦a⟧ in #confluence-help.\n', a=C(staff(rng).name, 'person_name')))


@tpl('confluence_table', 'yaml_page_properties_export', 1)
def t_conf_yaml(rng):
    p = person(rng)
    r = relative(rng, p)
    c = cond(rng)
    doc = doctor(rng)
    note = F('Patient ⟦n⟧ was moved to the ⟦w⟧ list on ⟦d⟧.\nGuardian ⟦r⟧ (⟦rel⟧) asked that letters go to\n'
             '⟦s⟧, ⟦c⟧ ⟦st⟧ ⟦z⟧.', n=P(full(p), 'person_name'), w=rng.choice(['transplant', 'bariatric', 'home-dialysis']),
             d=C(rand_day(rng).isoformat(), 'event_date'), r=P(full(r), 'person_name'), rel=r.rel[1].lower(),
             s=P(p.street, 'street_address'), c=P(p.city, 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'))
    y = F("---\ntitle: 'Case review \u2013 ⟦t⟧'\nspace: CASEMGMT\nlabels: [case-review, referral]\nproperties:\n"
          "  patient: '⟦pn⟧'\n  mrn: \"⟦m⟧\"\n  dob: ⟦dob⟧\n  age: ⟦age⟧\n  phone: \"⟦ph⟧\"\n  diagnosis: ⟦dx⟧\n"
          "  attending: ⟦att⟧\n  notes: |\n", t=P(lastfirst(p), 'person_name').enc('sql'),
          pn=P(full(p), 'person_name').enc('sql'), m=P(p.mrn, 'mrn'), dob=P(p.dob.isoformat(), 'date'),
          age=agefmt(p), ph=P(p.ph.fmt('paren'), 'phone'), dx=C(c[1], 'diagnosis_code'),
          att=C(doc.name, 'person_name'))
    return (F('Output of confluence-sync for page ⟦i⟧ (front matter is what lands in Git):\n\n```yaml\n', i=rng.randint(10 ** 7, 10 ** 8))
            + y + prefix_lines(note, '    ') + '\n---\n```\n')


@tpl('confluence_table', 'url_portal_and_lookup_links', 1)
def t_conf_urls(rng):
    ppl = crowd(rng, rng.randint(3, 5))
    org = rng.choice(ORGS)
    rows = []
    for p in ppl:
        code = letters(rng, 4) + '-' + letters(rng, 4) + '-' + digits(rng, 4)
        portal = 'https://mychart.%s/MyChart/signup?activationcode=%s&pid=%s' % (org[1], code, urllib.parse.quote(p.mrn))
        look = F('https://ehr.⟦d⟧/lookup?lname=⟦l⟧&fname=⟦f⟧&dob=⟦b⟧', d=org[1],
                 l=P(p.family, 'person_name').enc('url'), f=P(p.given, 'person_name').enc('url'),
                 b=P(p.dob.strftime('%m/%d/%Y'), 'date').enc('url'))
        rows.append(F('| ⟦n⟧ | [activation link|⟦u⟧] | [open chart|⟦l⟧] |', n=P(lastfirst(p), 'person_name'),
                      u=P(portal, 'url'), l=look))
    return (F('h2. Portal invites not yet activated\n{info}Links expire after 30 days. The chart links go through the '
              'EHR lookup page, so they include the URL-encoded name and DOB.{info}\n||Patient||Activation||Chart||\n')
            + join('\n', rows) + F('\n\nMaintained by ⟦s⟧.\n', s=C(staff(rng).name, 'person_name')))


@tpl('confluence_table', 'plain_confluence_wiki_table', 3)
def t_conf_plain(rng):
    ppl = crowd(rng, rng.randint(4, 8))
    ds = rng.choice(DATE_STYLES)
    rows = []
    for p in ppl:
        rows.append(F('| ⟦n⟧ | ⟦m⟧ | ⟦d⟧ | ⟦ph⟧ | ⟦u⟧ |', n=P(full(p) if rng.random() < 0.5 else lastfirst(p), 'person_name'),
                      m=P(p.mrn, 'mrn'), d=P(fdate(p.dob, ds), 'date'), ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'),
                      u=rng.choice(['4W', '5E', 'ICU', 'Obs', 'ED hold'])))
    return (F('h2. Weekend census \u2013 ⟦o⟧\nUpdated by ⟦s⟧ before handoff.\n\n||Name||MRN||DOB||Contact||Unit||\n',
              o=C(rng.choice(ORGS)[0], 'facility'), s=C(staff(rng).name, 'person_name'))
            + join('\n', rows) + '\n')


# ============================== support_ticket ==============================
APOS_CULTS = ['irish', 'dutch', 'irish', 'hawaiian']


@tpl('support_ticket', 'json_zendesk_ticket_ascii', 2)
def t_zendesk(rng):
    p = adult(rng)
    agent = staff(rng)
    t = rand_dt(rng)
    tid = rng.randint(20000, 990000)
    emoji = rng.choice(['\U0001F64F', '\U0001F622', '\U0001F605', ''])
    desc = F('Hi, I can\u2019t log into the patient portal since the update. It says my date of birth doesn\u2019t match '
             'but it\u2019s ⟦d⟧, same as always. My MRN is ⟦m⟧ if that helps. Please call me at ⟦ph⟧, I work nights. ⟦e⟧\n\n'
             '\u2014 ⟦n⟧', d=P(rdate(rng, p.dob, ['us', 'long', 'us_nopad', 'dmy_slash']), 'date'), m=P(p.mrn, 'mrn'),
             ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'), e=emoji, n=P(full(p), 'person_name'))
    obj = O(('ticket', O(
        ('url', 'https://help-desk.zendesk.com/api/v2/tickets/%d.json' % tid), ('id', tid),
        ('via', O(('channel', 'web'), ('source', O(('from', O(('address', P(p.email, 'email')), ('name', P(full(p), 'person_name')))),
                                                    ('to', {}), ('rel', None))))),
        ('created_at', t.strftime('%Y-%m-%dT%H:%M:%SZ')), ('subject', 'Portal says DOB does not match'),
        ('description', desc), ('priority', 'normal'), ('status', 'open'),
        ('requester_id', rng.randint(10 ** 11, 10 ** 12)), ('assignee_id', rng.randint(10 ** 11, 10 ** 12)),
        ('custom_fields', [O(('id', 360001112233), ('value', P(p.mrn, 'mrn'))),
                           O(('id', 360001112234), ('value', P(p.dob.isoformat(), 'date')))]),
        ('tags', ['portal', 'login', 'dob_mismatch']))))
    return (F('Escalating to Tier 2. Raw ticket from the API below (the \\u escapes are how Zendesk returns it). '
              'Assigned to ⟦a⟧.\n\n', a=C(agent.name, 'person_name')) + jdump(obj, indent=2, ascii=True) + '\n')


@tpl('support_ticket', 'url_har_form_post', 2)
def t_har(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    t = rand_dt(rng)
    dob = p.dob.strftime('%m/%d/%Y')
    ph = p.ph.fmt(rng.choice(['paren', 'dash', 'plus']))
    fields = [('firstName', P(p.given, 'person_name')), ('lastName', P(p.family, 'person_name')),
              ('dob', P(dob, 'date')), ('phone', P(ph, 'phone')), ('email', P(p.email, 'email')),
              ('zip', P(p.zip, 'zip_code')), ('idType', 'drivers_license'), ('idNumber', P(p.dl, 'license_number')),
              ('consent', 'true')]
    post = join('&', [F('⟦k⟧=⟦v⟧', k=k, v=(v.enc('url_plus') if isinstance(v, D) else v)) for k, v in fields])
    params = [O(('name', k), ('value', v)) for k, v in fields]
    entry = O(('startedDateTime', iso_ms(t)), ('time', rng.randint(200, 30000)),
              ('request', O(('method', 'POST'), ('url', 'https://mychart.%s/MyChart/Signup/Verify' % org[1]),
                            ('httpVersion', 'HTTP/2'),
                            ('headers', [O(('name', 'content-type'), ('value', 'application/x-www-form-urlencoded'))]),
                            ('postData', O(('mimeType', 'application/x-www-form-urlencoded'), ('text', post),
                                           ('params', params))))),
              ('response', O(('status', 504), ('statusText', 'Gateway Timeout'), ('content', O(('size', 0), ('mimeType', 'text/html'))))))
    return (F('INC⟦n⟧ \u2013 Self sign-up times out (504)\nCaller: ⟦c⟧ (patient access desk)\n\nThe front desk captured a HAR '
              'while registering a patient at the kiosk. Relevant entry:\n\n', n=digits(rng, 7), c=C(staff(rng).name, 'person_name'))
            + jdump(O(('log', O(('version', '1.2'), ('entries', [entry])))), indent=2) + '\n')


@tpl('support_ticket', 'shell_curl_repro_quoted', 2)
def t_curl(rng):
    p = person(rng, rng.choice(['irish', 'dutch']))
    p.family = rng.choice([f for f in CULTURES[p.cult]['fam'] if "'" in f])
    org = rng.choice(ORGS)
    body = jdump(O(('patient', O(('family', P(p.family, 'person_name')), ('given', P(p.given, 'person_name')),
                                 ('birthDate', P(p.dob.isoformat(), 'date')), ('mrn', P(p.mrn, 'mrn')),
                                 ('phone', P(p.ph.fmt('dash'), 'phone')))), ('reason', "can't find patient")))
    cmd = F("curl -sS -X POST 'https://api.⟦d⟧/scheduling/v1/lookup' \\\n  -H 'Content-Type: application/json' \\\n"
            "  -H \"Authorization: Bearer $TOKEN\" \\\n  -d '⟦b⟧'", d=org[1], b=body.enc('shq'))
    cmd2 = F("curl -sS -G 'https://api.⟦d⟧/scheduling/v1/search' --data-urlencode \"name=⟦n⟧\" --data-urlencode 'dob=⟦b⟧'",
             d=org[1], n=P(full(p), 'person_name').enc('shdq'), b=P(p.dob.isoformat(), 'date').enc('shq'))
    return (F('Subject: Scheduling API returns 500 when the surname has an apostrophe\nOpened by ⟦a⟧ \u00b7 Priority P3\n\n'
              'Repro (copied from my terminal, token removed):\n\n```\n$ ', a=C(staff(rng).name, 'person_name'))
            + cmd + '\n{"error":"internal","traceId":"' + hexid(rng, 32) + '"}\n$ ' + cmd2 + '\n[]\n```\n\n'
            + 'The same lookup works in the EHR UI. Looks like the quote is not escaped in the SQL the service builds.\n')


@tpl('support_ticket', 'url_nginx_access_log', 2)
def t_nginx(rng):
    p = person(rng)
    org = rng.choice(ORGS)
    t = rand_dt(rng)
    lb = server_ip(rng)
    ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
    lines = []
    tt = t
    for i in range(rng.randint(5, 8)):
        tt = tt + dt.timedelta(seconds=rng.randint(1, 9))
        kind = i % 4
        if i == 2:
            q = F('/portal/api/lookup?lastName=⟦l⟧&firstName=⟦f⟧&dob=⟦d⟧', l=P(p.family, 'person_name').enc('url'),
                  f=P(p.given, 'person_name').enc('url'), d=P(p.dob.isoformat(), 'date').enc('url'))
            lines.append(F('⟦ip⟧ - - [⟦ts⟧] "GET ⟦q⟧ HTTP/2.0" 500 187 "https://portal.⟦o⟧/find-care" "⟦ua⟧" rt=⟦rt⟧',
                           ip=P(p.ip, 'ip_address'), ts=log_ts(tt, 'clf'), q=q, o=org[1], ua=ua, rt='%.3f' % rng.uniform(0.1, 3)))
        elif i == 4:
            q = F('/portal/api/contact?mrn=⟦m⟧&phone=⟦ph⟧', m=P(p.mrn, 'mrn').enc('url'),
                  ph=P(p.ph.fmt('paren'), 'phone').enc('url'))
            lines.append(F('⟦ip⟧ - - [⟦ts⟧] "GET ⟦q⟧ HTTP/2.0" 200 74 "-" "⟦ua⟧" rt=0.041',
                           ip=P(p.ip, 'ip_address'), ts=log_ts(tt, 'clf'), q=q, ua=ua))
        elif kind == 1:
            lines.append(F('⟦ip⟧ - - [⟦ts⟧] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"', ip=lb, ts=log_ts(tt, 'clf')))
        else:
            lines.append(F('⟦ip⟧ - - [⟦ts⟧] "GET /static/js/main.⟦h⟧.js HTTP/2.0" 304 0 "-" "⟦ua⟧"',
                           ip=P(p.ip, 'ip_address') if i else lb, ts=log_ts(tt, 'clf'), h=hexid(rng, 8), ua=ua))
    return (F('Short description: Find-a-provider lookup 500s for some patients\nAssignment group: Web Platform\n'
              'Assigned to: ⟦a⟧\n\nWork notes:\nFrom nginx on web-⟦n⟧ (client is the patient\u2019s phone; the patient called the help line):\n\n',
              a=C(staff(rng).name, 'person_name'), n=rng.randint(1, 6))
            + join('\n', lines) + '\n\nLooks like any non-ASCII character in lastName breaks the lookup.\n')


@tpl('support_ticket', 'json2_webhook_delivery_log', 1)
def t_webhook(rng):
    p = person(rng)
    t = rand_dt(rng)
    inner = jdump(O(('event', 'appointment.cancelled'), ('patient', O(('name', P(full(p), 'person_name')),
                                                                        ('dob', P(p.dob.isoformat(), 'date')),
                                                                        ('phone', P(p.ph.fmt('e164'), 'phone')))),
                    ('appointment', O(('id', C('APT-%s' % digits(rng, 7), 'internal_id')),
                                      ('start', P(rand_dt(rng).strftime('%Y-%m-%dT%H:%M:00-06:00'), 'date')),
                                      ('reason', 'Patient said: "can\'t get a ride"')))), compact=True)
    obj = O(('delivery_id', uuid(rng)), ('webhook', 'sms-reminders'), ('attempt', 3), ('status', 502),
            ('request', O(('headers', {'content-type': 'application/json'}), ('body', inner))),
            ('response', O(('body', '<html><body><h1>502 Bad Gateway</h1></body></html>'))))
    return (F('Ticket #⟦n⟧ \u2013 SMS reminders stopped after vendor cutover\nRequester: ⟦r⟧\n\nDelivery log from the '
              'admin console (request body is stored as a string, so it is JSON inside JSON):\n\n', n=rng.randint(10000, 99999),
              r=C(staff(rng).name, 'person_name')) + jdump(obj, indent=2) + '\n')


@tpl('support_ticket', 'html_freshdesk_description_json', 1)
def t_freshdesk(rng):
    p = person(rng)
    r = relative(rng, p, rng.choice([('DAU', 'Daughter'), ('SON', 'Son'), ('SPO', 'Spouse')]))
    hd = F('<div>Hello,</div><div><br></div><div>I am writing for my ⟦rw⟧ ⟦n⟧ (DOB ⟦d⟧). The bill for the visit on '
           '⟦v⟧ was sent to the old address. Please use ⟦s⟧, ⟦c⟧ ⟦st⟧ ⟦z⟧.</div><div><br></div><div>Thank you,<br>⟦r⟧<br>⟦ph⟧</div>',
           rw=('mother' if p.sex == 'F' else 'father') if r.rel[0] in ('DAU', 'SON') else ('wife' if p.sex == 'F' else 'husband'),
           n=P(full(p), 'person_name').enc('html_named'), d=P(p.dob.strftime('%m/%d/%Y'), 'date'),
           v=P(fdate(rand_day(rng), 'long'), 'date'), s=P(p.street, 'street_address').enc('html'),
           c=P(p.city, 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'),
           r=P(full(r), 'person_name').enc('html_named'), ph=P(r.ph.fmt('dot'), 'phone'))
    obj = O(('id', rng.randint(1000, 99999)), ('subject', 'Wrong address on statement'), ('description', hd),
            ('requester', O(('name', P(full(r), 'person_name')), ('email', P(r.email, 'email')))),
            ('responder_id', rng.randint(10 ** 10, 10 ** 11)), ('status', 2), ('source', 1))
    return (F('Billing team: Freshdesk ticket via API (description is the HTML body, entities and all):\n\n')
            + jdump(obj, indent=2) + F('\n\nAssigning to ⟦a⟧ in PFS.\n', a=C(staff(rng).name, 'person_name')))


@tpl('support_ticket', 'md_jsm_export_escaped', 2)
def t_jsm_md(rng):
    p = adult(rng)
    acct = p.acct
    t = rand_dt(rng)
    return (F('\\# ⟦k⟧ \u2013 Duplicate charge on portal payment\n\n**Reporter:** ⟦rep⟧  \n**Request type:** Billing \\[Patient\\]  \n'
              '**Created:** ⟦c⟧\n\n---\n\nPatient ⟦n⟧ \\(acct \\#⟦a⟧\\) paid twice on the portal. Email on the account is ⟦e⟧ and the '
              'card ending ⟦l4⟧ shows two charges (the patient also pasted the full number, ⟦cc⟧, into the portal message). DOB on the account: ⟦d⟧.\n\n\\* first payment: confirmation ⟦c1⟧  \n'
              '\\* second payment: confirmation ⟦c2⟧\n\n_exported with jira-to-md; escapes as produced_\n',
              k=tkey(rng, 'PFS'), rep=C(staff(rng).name, 'person_name'), c=t.strftime('%Y-%m-%d %H:%M'),
              n=P(full(p), 'person_name').enc('md'), a=P(acct, 'account_number').enc('md'),
              e=P(p.email, 'email').enc('md'), l4=C(p.card[-4:], 'card_last4'),
              cc=P(' '.join(p.card[i:i + 4] for i in range(0, len(p.card), 4)), 'credit_card'),
              d=P(rdate(rng, p.dob, ['us', 'iso', 'long']), 'date'), c1=hexid(rng, 10).upper(), c2=hexid(rng, 10).upper()))


@tpl('support_ticket', 'plain_servicenow_incident', 3)
def t_snow_plain(rng):
    p = person(rng)
    t = rand_dt(rng)
    return F('Number: INC⟦n⟧\nCaller: ⟦c⟧\nCategory: Clinical Applications / Registration\nShort description: Cannot merge '
             'duplicate chart\nDescription:\nTwo charts for ⟦pn⟧, DOB ⟦d⟧: MRN ⟦m1⟧ and MRN ⟦m2⟧. Phone on the newer '
             'chart is ⟦ph⟧, address ⟦s⟧, ⟦ct⟧. HIM needs them merged before the ⟦v⟧ surgery.\n'
             'Assignment group: HIM Data Integrity\nAssigned to: ⟦a⟧\nOpened: ⟦o⟧\n',
             n=digits(rng, 7), c=C(staff(rng).name, 'person_name'), pn=P(full(p), 'person_name'),
             d=P(rdate(rng, p.dob), 'date'), m1=P(p.mrn, 'mrn'), m2=P(mrn(rng), 'mrn'),
             ph=P(p.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'), s=P(p.street, 'street_address'), ct=P(p.city, 'street_address'),
             v=P(rdate(rng, TODAY + dt.timedelta(days=rng.randint(3, 30)), ['long', 'us', 'd_mon_y_sp']), 'date'),
             a=C(staff(rng).name, 'person_name'), o=t.strftime('%Y-%m-%d %H:%M:%S'))


# ============================== fhir_diff ==============================
def pr_head(rng, title, files=1):
    who = staff(rng)
    return F('PR #⟦n⟧: ⟦t⟧\nAuthor: ⟦a⟧ wants to merge ⟦b⟧ into main \u00b7 ⟦f⟧ file(s) changed\n\n',
             n=rng.randint(100, 4000), t=title, a=C(who.handle, 'person_name'),
             b='%s/%s' % (rng.choice(['fix', 'feat', 'test']), rng.choice(['mpi-fixtures', 'bundle-import', 'coverage-mapper',
                                                                          'patient-merge', 'address-normaliser'])), f=files)


@tpl('fhir_diff', 'json_ascii_fixture_new_file', 2)
def t_fhir_ascii(rng):
    p = person(rng)
    pat = fhir_patient(rng, p, native=True, ssn_=rng.random() < 0.4)
    new = jdump(pat, indent=2, ascii=True)
    path = 'src/test/resources/fixtures/patient-%s.json' % fold(p.family).lower().replace(' ', '-').replace("'", '')
    return (pr_head(rng, 'Add fixture for non-ASCII names in the MPI matcher')
            + F('Exported from the sandbox with `json.dumps(..., indent=2)`, so accents are `\\u` escapes.\n\n')
            + udiff(None, new, path, rng=rng)
            + F('\n**Review comment (⟦r⟧):** this is not sandbox data - the MRN and phone match a real chart. Please '
                'swap in a synthetic patient.\n', r=C(staff(rng).name, 'person_name')))


@tpl('fhir_diff', 'code_java_string_fhir_json', 2)
def t_fhir_java(rng):
    p = person(rng)
    old_ph, new_ph = p.ph, p.ph2
    cls = rng.choice(['PatientMapperTest', 'DemographicsSyncTest', 'TelecomNormaliserTest'])

    def body(ph):
        j = jdump(O(('resourceType', 'Patient'), ('identifier', [O(('system', 'urn:oid:2.16.840.1.113883.3.552'), ('value', P(p.mrn, 'mrn')))]),
                    ('name', [O(('family', P(p.family, 'person_name')), ('given', [P(p.given, 'person_name')]))]),
                    ('telecom', [O(('system', 'phone'), ('value', P(ph.fmt('dash'), 'phone')))]),
                    ('birthDate', P(p.dob.isoformat(), 'date'))), compact=True)
        lit = F('"⟦j⟧"', j=j.enc('json'))
        return F('class ⟦c⟧ {\n\n    private static final String PATIENT_JSON =\n        ⟦l⟧;\n\n    @Test\n'
                 '    void mapsHomePhone() {\n        Patient pt = parser.parseResource(Patient.class, PATIENT_JSON);\n'
                 '        assertEquals("⟦ph⟧", mapper.homePhone(pt));\n    }\n}\n', c=cls, l=lit, ph=P(ph.fmt('dash'), 'phone'))
    return (pr_head(rng, 'TelecomNormaliser: keep dashes')
            + udiff(body(old_ph), body(new_ph), 'src/test/java/org/example/fhir/%s.java' % cls, rng=rng)
            + F('\n⟦r⟧: nit \u2013 fixture still has a real-looking DOB, can we use 1970-01-01?\n', r=C('@' + staff(rng).handle, 'person_name')))


@tpl('fhir_diff', 'code_csharp_verbatim_fhir', 1)
def t_fhir_cs(rng):
    p = person(rng)
    r = relative(rng, p)
    j = jdump(O(('resourceType', 'RelatedPerson'), ('patient', {'reference': 'Patient/%s' % hexid(rng, 8)}),
                ('relationship', [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'code': r.rel[0]}]}]),
                ('name', [O(('text', P(full(r), 'person_name')))]),
                ('telecom', [O(('system', 'phone'), ('value', P(r.ph.fmt('paren'), 'phone')))]),
                ('address', [O(('line', [P(p.street, 'street_address')]), ('city', P(p.city, 'street_address')),
                               ('postalCode', P(p.zip, 'zip_code')))])), indent=2)
    lit = prefix_lines(F('@"⟦j⟧";', j=j.enc('csv')), '            ', first=False)
    new = F('    public class RelatedPersonImportTests\n    {\n        private const string Json =\n            ⟦l⟧\n\n'
            '        [Fact]\n        public void Imports_Emergency_Contact() => Assert.NotNull(Import(Json));\n    }\n', l=lit)
    return (pr_head(rng, 'RelatedPerson import: emergency contacts')
            + udiff(None, new, 'tests/Fhir.Import.Tests/RelatedPersonImportTests.cs', rng=rng)
            + '\nCI: 1 passed. Reviewer note: verbatim string doubles the quotes, which is why it looks odd.\n')


@tpl('fhir_diff', 'xml_fhir_entities_diff', 1)
def t_fhir_xml(rng):
    p = person(rng)
    org = rng.choice(ORGS)
    enc = rng.choice(['html_dec', 'html_hex'])
    moved = person(rng)

    def res(addr_p, ph):
        return F('<Patient xmlns="http://hl7.org/fhir">\n  <id value="⟦id⟧"/>\n  <identifier>\n    <system value="urn:oid:1.2.840.114350.1.13.⟦o⟧"/>\n'
                 '    <value value="⟦m⟧"/>\n  </identifier>\n  <name>\n    <family value="⟦f⟧"/>\n    <given value="⟦g⟧"/>\n'
                 '  </name>\n  <telecom>\n    <system value="phone"/>\n    <value value="⟦ph⟧"/>\n  </telecom>\n'
                 '  <birthDate value="⟦b⟧"/>\n  <address>\n    <line value="⟦s⟧"/>\n    <city value="⟦c⟧"/>\n'
                 '    <state value="⟦st⟧"/>\n    <postalCode value="⟦z⟧"/>\n  </address>\n</Patient>\n',
                 id=C('pt-' + p.mrn.lower().replace('-', ''), 'internal_id'), o=rng.randint(100, 999), m=P(p.mrn, 'mrn'),
                 f=P(p.family, 'person_name').enc(enc), g=P(p.given, 'person_name').enc(enc), ph=P(ph.fmt('paren'), 'phone'),
                 b=P(p.dob.isoformat(), 'date'), s=P(addr_p.street, 'street_address').enc(enc),
                 c=P(addr_p.city, 'street_address').enc(enc), st=C(addr_p.state, 'state'), z=P(addr_p.zip, 'zip_code'))
    return (pr_head(rng, 'Update XML fixture after address change')
            + udiff(res(p, p.ph), res(moved, p.ph2), 'fixtures/xml/patient-%s.xml' % hexid(rng, 6), rng=rng)
            + F('\nThe serializer writes non-ASCII as character references (⟦e⟧), hence the entities.\n',
                e='&#233;' if enc == 'html_dec' else '&#xE9;'))


@tpl('fhir_diff', 'json2_hapi_log_bundle', 2)
def t_fhir_hapi(rng):
    p = person(rng)
    t = rand_dt(rng)
    enc_ = O(('resourceType', 'Encounter'), ('id', C('enc-' + hexid(rng, 6), 'internal_id')), ('status', 'finished'),
             ('subject', O(('reference', 'urn:uuid:' + uuid(rng)), ('display', P(full(p), 'person_name')))),
             ('period', O(('start', P((t - dt.timedelta(days=rng.randint(1, 6))).strftime('%Y-%m-%dT%H:%M:00Z'), 'date')),
                          ('end', P(t.strftime('%Y-%m-%dT%H:%M:00Z'), 'date')))))
    bundle = O(('resourceType', 'Bundle'), ('type', 'transaction'), ('entry', [
        O(('fullUrl', 'urn:uuid:' + uuid(rng)), ('resource', fhir_patient(rng, p, addr=rng.random() < 0.5)),
          ('request', {'method': 'POST', 'url': 'Patient'})),
        O(('resource', enc_), ('request', {'method': 'POST', 'url': 'Encounter'}))]))
    msg = F('HAPI-0450: Failed to parse request body as JSON resource. Body: ⟦b⟧', b=jdump(bundle, compact=True))
    line = jdump(O(('@timestamp', iso_ms(t)), ('level', 'ERROR'), ('thread_name', 'http-nio-8080-exec-%d' % rng.randint(1, 40)),
                   ('logger_name', 'ca.uhn.fhir.rest.server.RestfulServer'), ('message', msg),
                   ('trace_id', hexid(rng, 32))), compact=True)
    return (pr_head(rng, 'Bundle import: tolerate trailing commas', 2)
            + F('The new integration test fails in CI; this is the server log line from the job artifact (logstash JSON '
                'encoder, so the request body is a string inside the log JSON):\n\n```\n')
            + line + F('\n```\n\n⟦r⟧ - where did this bundle come from? It has a real encounter in it.\n',
                       r=C('@' + staff(rng).handle, 'person_name')))


@tpl('fhir_diff', 'url_postman_fhir_search', 1)
def t_fhir_postman(rng):
    p = person(rng)
    org = rng.choice(ORGS)
    fam, dob = P(p.family, 'person_name'), P(p.dob.isoformat(), 'date')
    raw = F('{{fhirBase}}/Patient?family=⟦f⟧&birthdate=⟦b⟧&identifier=urn:oid:2.16.840.1.113883.3.552|⟦m⟧',
            f=fam.enc('url'), b=dob, m=P(p.mrn, 'mrn'))
    item = O(('name', 'Search patient by name + DOB'), ('request', O(
        ('method', 'GET'), ('url', O(('raw', raw), ('host', ['{{fhirBase}}']), ('path', ['Patient']),
                                     ('query', [O(('key', 'family'), ('value', fam.enc('url'))),
                                                O(('key', 'birthdate'), ('value', dob)),
                                                O(('key', 'identifier'), ('value', F('urn:oid:2.16.840.1.113883.3.552|⟦m⟧', m=P(p.mrn, 'mrn'))))]))))))
    old = jdump(O(('name', 'Search patient by name + DOB'), ('request', O(('method', 'GET'), ('url', O(
        ('raw', '{{fhirBase}}/Patient?family={{family}}&birthdate={{dob}}'), ('host', ['{{fhirBase}}']),
        ('path', ['Patient'])))))), indent=2)
    return (pr_head(rng, 'Postman: pin search example')
            + udiff(old, jdump(item, indent=2), 'postman/%s-fhir.postman_collection.json' % org[2].lower(), rng=rng)
            + '\nReviewer: please keep the {{family}} / {{dob}} variables, this pins a real patient.\n')


@tpl('fhir_diff', 'yaml_fixture_block_scalar', 2)
def t_fhir_yaml(rng):
    p = person(rng)
    c = cond(rng)
    div = F('<div xmlns="http://www.w3.org/1999/xhtml">\n  <p>⟦n⟧, born ⟦b⟧, MRN ⟦m⟧</p>\n  <p>Problem: ⟦c⟧</p>\n</div>',
            n=P(full(p), 'person_name').enc('html_named'), b=P(fdate(p.dob, 'long'), 'date'), m=P(p.mrn, 'mrn'),
            c=C(c[0], 'condition'))
    y = F("resourceType: Patient\nid: ⟦id⟧\ntext:\n  status: generated\n  div: |\n⟦div⟧\nname:\n  - family: '⟦f⟧'\n"
          "    given: ['⟦g⟧']\nbirthDate: '⟦b⟧'\ntelecom:\n  - system: phone\n    value: \"⟦ph⟧\"\n",
          id=C('pt-' + hexid(rng, 6), 'internal_id'), div=prefix_lines(div, '    '),
          f=P(p.family, 'person_name').enc('sql'), g=P(p.given, 'person_name').enc('sql'), b=P(p.dob.isoformat(), 'date'),
          ph=P(p.ph.fmt('paren'), 'phone'))
    return (pr_head(rng, 'Seed YAML fixtures for the narrative generator')
            + udiff(None, y, 'seed/patients/%s.yaml' % hexid(rng, 8), rng=rng)
            + '\nNarrative is a YAML block scalar; the XHTML inside uses character references for accents.\n')


@tpl('fhir_diff', 'props_integration_test_patient', 1)
def t_fhir_props(rng):
    p = person(rng, rng.choice(['mexican', 'quebecois', 'german', 'vietnamese', 'czech', 'icelandic', 'turkish']))
    org = rng.choice(ORGS)
    old = ('# patient used by PatientSearchIT\nit.patient.mrn=T0000001\nit.patient.family=ZZTEST\nit.patient.given=PATIENT\n'
           'it.patient.dob=1900-01-01\nit.patient.phone=555-0100\n')
    url = 'https://mychart.%s/MyChart/Visits/VisitDetails?csn=%s&pat=%s' % (org[1], digits(rng, 9), p.mrn)
    new = F('# patient used by PatientSearchIT\n# (copied from the incident in INC⟦i⟧ so the search reproduces)\nit.patient.mrn=⟦m⟧\n'
            'it.patient.family=⟦f⟧\nit.patient.given=⟦g⟧\nit.patient.dob=⟦b⟧\nit.patient.phone=⟦ph⟧\nit.patient.portal.url=⟦u⟧\n',
            i=digits(rng, 7), m=P(p.mrn, 'mrn'), f=P(p.family, 'person_name').enc('props'),
            g=P(p.given, 'person_name').enc('props'), b=P(p.dob.isoformat(), 'date'),
            ph=P(p.ph.fmt('dash'), 'phone'), u=P(url, 'url').enc('props'))
    return (pr_head(rng, 'PatientSearchIT: reproduce INC with accented surname')
            + udiff(D([Seg(old)]), new, 'src/test/resources/it-patient.properties', rng=rng)
            + '\nNote: Properties.store() wrote the accents as \\u escapes and escaped the colons in the URL.\n')


@tpl('fhir_diff', 'plain_json_patient_diff', 3)
def t_fhir_plain(rng):
    p = person(rng)
    a = fhir_patient(rng, p, rid='pt-%s' % hexid(rng, 6))
    p2 = person(rng)
    b = collections.OrderedDict(a)
    b['telecom'] = [{'system': 'phone', 'value': P(p.ph2.fmt('dash'), 'phone'), 'use': 'mobile'}]
    b['address'] = [O(('use', 'home'), ('line', [P(p2.street, 'street_address')]), ('city', P(p2.city, 'street_address')),
                      ('state', C(p2.state, 'state')), ('postalCode', P(p2.zip, 'zip_code')))]
    return (pr_head(rng, 'Refresh patient fixture after demographics sync')
            + udiff(jdump(a, indent=2), jdump(b, indent=2), 'fixtures/patient/%s.json' % hexid(rng, 8), rng=rng))


# ============================== sql_seed ==============================
def e_csv_plain(s):
    return s.replace('"', '""')


def with_apostrophe(rng, p):
    """Sometimes give the person a surname with an apostrophe (so SQL / JS / shell escapes show up)."""
    if rng.random() < 0.6:
        p.family = rng.choice(["O'Brien", "O'Sullivan", "D'Amato", "N'Diaye", "van 't Hof", "O'Connor", "Dell'Aquila"])
    return p


def cli_head(rng, tool):
    return F('Seed script for the ⟦e⟧ environment, pasted for review before we run it with ⟦t⟧. ⟦w⟧ flagged that some '
             'rows look like real patients.\n\n', e=rng.choice(['qa', 'uat', 'demo', 'training']), t=tool,
             w=C(staff(rng).name, 'person_name'))


@tpl('sql_seed', 'sql_pg_insert_estring', 2)
def t_pg_e(rng):
    ppl = [person(rng) for _ in range(rng.randint(2, 4))]
    with_apostrophe(rng, ppl[0])
    rows = []
    for i, p in enumerate(ppl, 1):
        r = relative(rng, p)
        note = F('Called ⟦rn⟧ (⟦rel⟧) at ⟦ph⟧.\nPrefers mornings; "no texts".', rn=P(full(r), 'person_name'),
                 rel=r.rel[1].lower(), ph=P(r.ph.fmt('dash'), 'phone'))
        rows.append(F("  (⟦i⟧, '⟦m⟧', '⟦f⟧', '⟦g⟧', DATE '⟦b⟧', '⟦ph⟧', E'⟦nt⟧')", i=C(str(1000 + i), 'internal_id'),
                      m=P(p.mrn, 'mrn'), f=P(p.family, 'person_name').enc('sql'), g=P(p.given, 'person_name').enc('sql'),
                      b=P(p.dob.isoformat(), 'date'), ph=P(p.ph.fmt('paren'), 'phone'), nt=note.enc('pg_e')))
    return (cli_head(rng, 'psql -v ON_ERROR_STOP=1')
            + 'BEGIN;\n\nINSERT INTO clinic.patient (id, mrn, family_name, given_name, birth_date, home_phone, contact_note)\nVALUES\n'
            + join(',\n', rows) + ';\n\nCOMMIT;\n')


@tpl('sql_seed', 'sql_mysqldump_backslash', 2)
def t_mysqldump(rng):
    ppl = [person(rng) for _ in range(rng.randint(3, 5))]
    with_apostrophe(rng, ppl[0])
    vals = []
    for i, p in enumerate(ppl, 1):
        c = cond(rng)
        note = F('Allergic to "sulfa"\nSee ⟦c⟧ plan', c=C(c[0], 'condition'))
        vals.append(F("(⟦i⟧,'⟦n⟧','⟦b⟧','⟦ph⟧','⟦e⟧','⟦s⟧','⟦ct⟧','⟦st⟧','⟦z⟧','⟦nt⟧')", i=C(str(i), 'internal_id'),
                      n=P(lastfirst(p), 'person_name').enc('mysql'), b=P(p.dob.isoformat(), 'date'),
                      ph=P(p.ph.fmt('dash'), 'phone'), e=P(p.email, 'email'), s=P(p.street, 'street_address').enc('mysql'),
                      ct=P(p.city, 'street_address').enc('mysql'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'),
                      nt=note.enc('mysql')))
    return (F('-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)\n--\n-- Host: 10.20.4.17    Database: intake\n'
              '-- ------------------------------------------------------\n-- Server version\t8.0.40\n\n'
              'LOCK TABLES `patients` WRITE;\n/*!40000 ALTER TABLE `patients` DISABLE KEYS */;\n')
            + 'INSERT INTO `patients` VALUES ' + join(',', vals)
            + ';\n/*!40000 ALTER TABLE `patients` ENABLE KEYS */;\nUNLOCK TABLES;\n\n-- Dump completed on '
            + rand_dt(rng).strftime('%Y-%m-%d %H:%M:%S') + '\n')


@tpl('sql_seed', 'code_python_seed_ascii_escapes', 2)
def t_py_seed(rng):
    ppl = [person(rng) for _ in range(rng.randint(2, 4))]
    items = []
    for p in ppl:
        c = cond(rng)
        items.append(F('    {\n        "mrn": "⟦m⟧",\n        "family": "⟦f⟧",\n        "given": "⟦g⟧",\n'
                       '        "dob": date(⟦dob⟧),\n        "phone": "⟦ph⟧",\n        "problem": "⟦c⟧",\n'
                       '        "note": "⟦nt⟧",\n    },', m=P(p.mrn, 'mrn'), f=P(p.family, 'person_name').enc('json_a'),
                       g=P(p.given, 'person_name').enc('json_a'),
                       dob=P('%d, %d, %d' % (p.dob.year, p.dob.month, p.dob.day), 'date'), ph=P(p.ph.fmt('dot'), 'phone'),
                       c=C(c[0], 'condition').enc('json_a'),
                       nt=F('Lives at ⟦s⟧, ⟦ct⟧.\nInterpreter: ⟦l⟧', s=P(p.street, 'street_address'),
                            ct=P(p.city, 'street_address'), l=rng.choice(['yes', 'no', 'unknown'])).enc('json_a')))
    return (F('Re: the demo-data PR \u2013 here is the seed module. It was generated from an export with ensure_ascii, '
              'so names are \\u escapes. Problem: these are copied from the clinic schedule, not made up:\n\n```python\n')
            + '"""Demo patients for the scheduling sandbox."""\nfrom datetime import date\n\nPATIENTS = [\n'
            + join('\n', items) + '\n]\n```\n')


@tpl('sql_seed', 'json_liquibase_changelog', 2)
def t_liquibase(rng):
    ppl = [person(rng) for _ in range(rng.randint(2, 3))]
    sets = []
    for i, p in enumerate(ppl, 1):
        cols = [O(('column', O(('name', 'mrn'), ('value', P(p.mrn, 'mrn'))))),
                O(('column', O(('name', 'display_name'), ('value', P(full(p, native=True), 'person_name'))))),
                O(('column', O(('name', 'birth_date'), ('valueDate', P(p.dob.isoformat(), 'date'))))),
                O(('column', O(('name', 'ssn'), ('value', P(p.ssn, 'ssn'))))),
                O(('column', O(('name', 'postal_code'), ('value', P(p.zip, 'zip_code')))))]
        sets.append(O(('changeSet', O(('id', 'seed-demo-patient-%02d' % i), ('author', C(staff(rng).handle, 'person_name')),
                                      ('context', 'demo'),
                                      ('changes', [O(('insert', O(('tableName', 'patient'), ('columns', cols))))])))))
    return (F('Liquibase changelog added in the release branch (db/changelog/seed/demo-patients.json). Needs to go '
              '\u2013 the SSNs pass the validator and these are not test ranges:\n\n')
            + jdump(O(('databaseChangeLog', sets)), indent=2, ascii=rng.random() < 0.5) + '\n')


@tpl('sql_seed', 'csv_pg_copy_quoted', 1)
def t_copy(rng):
    ppl = [person(rng) for _ in range(rng.randint(3, 5))]
    with_apostrophe(rng, ppl[0])
    rows = []
    for i, p in enumerate(ppl, 1):
        rows.append(F('⟦i⟧,"⟦n⟧",⟦b⟧,"⟦a⟧",⟦ph⟧,"⟦nt⟧"', i=C(str(5000 + i), 'internal_id'),
                      n=P(lastfirst(p), 'person_name').enc('csv'), b=P(p.dob.isoformat(), 'date'),
                      a=F('⟦s⟧\n⟦c⟧, ⟦st⟧ ⟦z⟧', s=P(p.street, 'street_address'), c=P(p.city, 'street_address'),
                          st=C(p.state, 'state'), z=P(p.zip, 'zip_code')).enc('csv'),
                      ph=P(p.ph.fmt('dash'), 'phone'),
                      nt=e_csv_plain(rng.choice(['', 'says "call first"', 'gate code at front', 'dog on premises']))))
    return ('-- restored from prod snapshot for the route-planning demo\nCOPY public.home_visit_patient (id, name, dob, address, phone, note) '
            'FROM stdin WITH (FORMAT csv);\n' + join('\n', rows) + '\n\\.\n')


@tpl('sql_seed', 'sql_tsql_nvarchar_concat', 1)
def t_tsql(rng):
    ppl = [adult(rng) for _ in range(rng.randint(2, 3))]
    stm = []
    for p in ppl:
        stm.append(F("INSERT INTO dbo.Patient (MRN, FullName, DOB, Phone, Notes)\nVALUES (N'⟦m⟧', N'⟦n⟧', '⟦b⟧', N'⟦ph⟧',\n"
                     "        N'Emergency contact: ⟦r⟧' + CHAR(13) + CHAR(10) + N'Lives alone at ⟦s⟧');",
                     m=P(p.mrn, 'mrn'), n=P(full(p, native=True), 'person_name').enc('sql'),
                     b=P(p.dob.strftime('%Y%m%d'), 'date'), ph=P(p.ph.fmt('paren'), 'phone'),
                     r=P(full(relative(rng, p)), 'person_name').enc('sql'), s=P(p.street, 'street_address').enc('sql')))
    return (F('Found in the shared drive under "training-db-reset.sql" (SSMS, UTF-16 saved as UTF-8):\n\n```sql\n'
              'SET NOCOUNT ON;\nSET IDENTITY_INSERT dbo.Patient OFF;\nGO\n') + join('\nGO\n', stm) + '\nGO\n```\n')


@tpl('sql_seed', 'code_knex_seed_single_quoted', 1)
def t_knex(rng):
    ppl = [person(rng) for _ in range(rng.randint(2, 4))]
    with_apostrophe(rng, ppl[0])
    objs = []
    for p in ppl:
        objs.append(F("    { mrn: '⟦m⟧', family: '⟦f⟧', given: '⟦g⟧', dob: '⟦b⟧', cell: '⟦ph⟧', email: '⟦e⟧', "
                      "memo: '⟦nt⟧' },", m=P(p.mrn, 'mrn'), f=P(p.family, 'person_name').enc('jsq'),
                      g=P(p.given, 'person_name').enc('jsq'), b=P(p.dob.isoformat(), 'date'),
                      ph=P(p.ph.fmt('e164'), 'phone'), e=P(p.email, 'email'),
                      nt=F("can't do Mondays\nride: ⟦r⟧", r=P(full(relative(rng, p)), 'person_name')).enc('jsq')))
    return (F('seeds/02_patients.js from the scheduling-ui repo:\n\n```js\nexports.seed = async function (knex) {\n'
              "  await knex('patients').del();\n  await knex('patients').insert([\n") + join('\n', objs)
            + '\n  ]);\n};\n```\n')


@tpl('sql_seed', 'env_demo_seed_dotenv', 1)
def t_env(rng):
    p = with_apostrophe(rng, adult(rng))
    r = relative(rng, p)
    return (F('Someone committed .env.demo with the seed values for the demo tenant. Contents as of HEAD:\n\n```\n'
              'DATABASE_URL=postgres://demo:${DEMO_DB_PASSWORD}@10.20.4.17:5432/demo\nSEED_TENANT=demo-east\n'
              'DEMO_PATIENT_NAME="⟦n⟧"\nDEMO_PATIENT_DOB=⟦b⟧\nDEMO_PATIENT_MRN=⟦m⟧\nDEMO_PATIENT_EMAIL=⟦e⟧\n'
              'DEMO_PATIENT_NOTE="Contact: ⟦rn⟧ (⟦rel⟧)\\nCell: ⟦ph⟧\\nSays \\"no calls before 10\\""\n```\n\n'
              'Raised by ⟦a⟧; rotating the repo history now.\n',
              n=P(full(p), 'person_name').enc('json'), b=P(p.dob.isoformat(), 'date'), m=P(p.mrn, 'mrn'),
              e=P(p.email, 'email'), rn=P(full(r), 'person_name').enc('json'), rel=r.rel[1].lower(),
              ph=P(r.ph.fmt('paren'), 'phone'), a=C(staff(rng).name, 'person_name')))


@tpl('sql_seed', 'plain_pg_insert', 3)
def t_pg_plain(rng):
    ppl = [person(rng) for _ in range(rng.randint(2, 5))]
    rows = []
    for i, p in enumerate(ppl, 1):
        rows.append(F("  ('⟦m⟧', '⟦n⟧', '⟦b⟧', '⟦s⟧', '⟦c⟧', '⟦st⟧', '⟦z⟧', '⟦ph⟧')", m=P(p.mrn, 'mrn'),
                      n=P(full(p), 'person_name').enc('sql'), b=P(p.dob.isoformat(), 'date'),
                      s=P(p.street, 'street_address'), c=P(p.city, 'street_address').enc('sql'), st=C(p.state, 'state'),
                      z=P(p.zip, 'zip_code'), ph=P(p.ph.fmt('dash'), 'phone')))
    return ('-- V42__seed_outreach_patients.sql\nINSERT INTO outreach.patient (mrn, name, dob, street, city, state, zip, phone) VALUES\n'
            + join(',\n', rows) + ';\n')


# ============================== clinical_note ==============================
def note_body(rng, p, t=None, old=None, doc=None, short=False):
    """A free-text note (D) about p; ages of 90+ are labelled."""
    t = t or rand_dt(rng)
    doc = doc or doctor(rng)
    c1, c2 = rng.sample(CONDITIONS, 2)
    m1, m2 = rng.sample(MEDS, 2)
    adm = t.date() - dt.timedelta(days=rng.randint(1, 9))
    a = age_on(p.dob, t.date())
    age = F('⟦a⟧ y/o', a=P(str(a), 'age_over_89')) if a >= 90 else '%d y/o' % a
    r = relative(rng, p)
    parts = [F('Patient: ⟦n⟧   MRN: ⟦m⟧   DOB: ⟦d⟧\nAdmitted: ⟦ad⟧   Attending: ⟦doc⟧\n\n',
               n=P(lastfirst(p, upper=rng.random() < 0.5), 'person_name'), m=P(p.mrn, 'mrn'),
               d=P(rdate(rng, p.dob), 'date'), ad=P(rdate(rng, adm, ['us', 'iso', 'd_mon_y', 'long']), 'date'),
               doc=C(doc.name, 'person_name')),
             F('HPI: ⟦age⟧ ⟦sx⟧ with ⟦c1⟧ and ⟦c2⟧ presenting with ⟦comp⟧. ',
               age=age, sx=('woman' if p.sex == 'F' else 'man') if a >= 18 else ('girl' if p.sex == 'F' else 'boy'), c1=C(c1[0], 'condition'), c2=C(c2[0], 'condition'),
               comp=rng.choice(['worsening dyspnea', 'a fall at home', 'fever & confusion', 'chest pressure', 'poor PO intake'])),
             F('⟦rr⟧ (⟦rel⟧) reports symptoms for 3 days.\n', rr=P(r.given, 'person_name'), rel=r.rel[1].lower())]
    if not short:
        parts.append(F('Meds: ⟦m1⟧ daily, ⟦m2⟧ as needed.\nPlan: continue ⟦m1b⟧; follow up in clinic on ⟦fu⟧; '
                       'call ⟦rr⟧ at ⟦ph⟧ with results.\n', m1=C(m1, 'medication'), m2=C(m2, 'medication'),
                       m1b=C(m1.split()[0], 'medication'),
                       fu=P(rdate(rng, t.date() + dt.timedelta(days=rng.randint(7, 30)), ['us', 'long', 'd_mon_y_sp']), 'date'),
                       rr=P(r.given, 'person_name'), ph=P(r.ph.fmt(rng.choice(PHONE_STYLES)), 'phone')))
    return join('', parts)


@tpl('clinical_note', 'hl7esc_mdm_obx_note', 2)
def t_mdm(rng):
    p = person(rng, old=rng.random() < 0.5)
    org = rng.choice(ORGS)
    t = rand_dt(rng)
    note = note_body(rng, p, t).enc('hl7')
    segs = [msh(rng, 'MDM^T02', t, org), evn(rng, 'T02', t), pid(rng, p, org, addr=False),
            seg('TXA', {1: '1', 2: 'DS', 3: 'TX', 4: C(hl7ts(t, True), 'message_time'),
                        12: C('DOC%s' % digits(rng, 9), 'internal_id'), 17: 'AU'}),
            seg('OBX', {1: '1', 2: 'TX', 3: 'DISCHSUM^Discharge Summary^L', 5: note, 11: 'F'})]
    return (F('Downstream viewer shows the discharge summary as one long line with literal \\.br\\ in it. Engine log '
              'excerpt (escaped per HL7 2.x: \\.br\\ = line break, \\T\\ = &, \\F\\ = |):\n\n{noformat}\n')
            + hl7msg(segs, '\n') + F('\n{noformat}\n\nAssignee: ⟦a⟧\n', a=C(staff(rng).name, 'person_name')))


@tpl('clinical_note', 'json_note_api_ascii', 2)
def t_note_json(rng):
    p = person(rng, old=rng.random() < 0.4)
    t = rand_dt(rng)
    doc = doctor(rng)
    obj = O(('noteId', C(digits(rng, 10), 'internal_id')), ('type', 'Progress Note'), ('status', 'signed'),
            ('author', O(('name', C(doc.name, 'person_name')), ('npi', C(doc.npi, 'npi')))),
            ('patient', O(('mrn', P(p.mrn, 'mrn')), ('name', P(full(p), 'person_name')))),
            ('serviceDate', P(t.date().isoformat(), 'date')),
            ('noteText', note_body(rng, p, t, doc=doc)))
    return (F('The PDF renderer prints the escapes literally ("\\u2019" and "\\n") for some notes. Response from '
              'GET /api/notes/v2/⟦i⟧ as the renderer receives it:\n\n', i=digits(rng, 8))
            + jdump(obj, indent=2, ascii=True) + '\n')


@tpl('clinical_note', 'code_python_dictation_fixture', 2)
def t_dictation(rng):
    p = person(rng, old=rng.random() < 0.4)
    t = rand_dt(rng)
    lines = dlines(note_body(rng, p, t))
    lits = join('\n    ', [F('"⟦l⟧\\n"', l=l.enc('json')) for l in lines if l.text])
    return (F('tests/test_section_splitter.py \u2013 the dictation below came from the speech-recognition export, '
              'not from the synthetic set:\n\n```python\nDICTATION = (\n    ') + lits
            + F('\n)\n\n\ndef test_splits_hpi_and_plan():\n    sections = split_sections(DICTATION)\n'
                '    assert list(sections) == ["header", "HPI", "Meds", "Plan"]\n```\n'))


@tpl('clinical_note', 'html_ccda_section_text', 2)
def t_ccda(rng):
    p = person(rng, old=rng.random() < 0.4)
    t = rand_dt(rng)
    enc = rng.choice(['html_named', 'html_dec', 'html_hex'])
    body = dlines(note_body(rng, p, t))
    paras = join('\n', [F('        <paragraph>⟦l⟧</paragraph>', l=l.enc(enc)) for l in body if l.text])
    return (F('<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <recordTarget>\n    <patientRole>\n'
              '      <id extension="⟦m⟧" root="2.16.840.1.113883.19.5"/>\n      <addr use="HP"><streetAddressLine>⟦s⟧</streetAddressLine>'
              '<city>⟦c⟧</city><state>⟦st⟧</state><postalCode>⟦z⟧</postalCode></addr>\n'
              '      <telecom use="HP" value="tel:⟦ph⟧"/>\n      <patient>\n        <name><given>⟦g⟧</given><family>⟦f⟧</family></name>\n'
              '        <birthTime value="⟦b⟧"/>\n      </patient>\n    </patientRole>\n  </recordTarget>\n'
              '  <component><structuredBody><component>\n    <section>\n      <title>Hospital Course &amp; Plan</title>\n      <text>\n',
              m=P(p.mrn, 'mrn'), s=P(p.street, 'street_address').enc(enc), c=P(p.city, 'street_address').enc(enc),
              st=C(p.state, 'state'), z=P(p.zip, 'zip_code'), ph=P(p.ph.fmt('plusdash'), 'phone'),
              g=P(p.given, 'person_name').enc(enc), f=P(p.family, 'person_name').enc(enc),
              b=P(p.dob.strftime('%Y%m%d'), 'date'))
            + paras + '\n      </text>\n    </section>\n  </component></structuredBody></component>\n</ClinicalDocument>\n')


@tpl('clinical_note', 'rtf_clinic_letter', 1)
def t_rtf(rng):
    p = person(rng)
    doc = doctor(rng)
    t = rand_dt(rng)
    letter = F('Re: ⟦n⟧, DOB ⟦d⟧, MRN ⟦m⟧\n⟦s⟧, ⟦c⟧, ⟦st⟧ ⟦z⟧\n\nDear Colleague,\nThank you for seeing ⟦g⟧, who was seen in '
               'our clinic on ⟦v⟧ for ⟦cd⟧. Current medication: ⟦med⟧.\nKind regards,\n⟦doc⟧',
               n=P(full(p), 'person_name'), d=P(fdate(p.dob, rng.choice(['us', 'd_month_y', 'long'])), 'date'), m=P(p.mrn, 'mrn'),
               s=P(p.street, 'street_address'), c=P(p.city, 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code'),
               g=P(p.given, 'person_name'), v=P(fdate(t.date(), 'long'), 'date'), cd=C(cond(rng)[0], 'condition'),
               med=C(rng.choice(MEDS), 'medication'), doc=C(doc.name, 'person_name'))
    rtf = ('{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\viewkind4\\uc1\\pard\\f0\\fs20 '
           + letter.enc('rtf') + '\\par\n}')
    return (F('Referral letters exported from the dictation system open as raw RTF in the fax queue. Sample file '
              '(referral_⟦i⟧.rtf) opened in a text editor:\n\n', i=digits(rng, 6)) + rtf + '\n')


@tpl('clinical_note', 'md_gitlab_issue_quoted_note', 1)
def t_md_note(rng):
    p = person(rng, old=True)
    t = rand_dt(rng)
    body = note_body(rng, p, t, short=True).enc('md')
    return (md_issue_head(rng, 'NLP de-id misses names in SOAP headers')
            + F('Example note from the validation set (**real**, sent to me by the unit - do not copy further):\n\n')
            + indent_block(body, '> ') + F('\n/cc @⟦h⟧ @⟦h2⟧\n', h=C(staff(rng).handle, 'person_name'),
                                            h2=C(staff(rng).handle, 'person_name')))


@tpl('clinical_note', 'yaml_nlp_fixture_block', 2)
def t_yaml_note(rng):
    p = person(rng, old=rng.random() < 0.5)
    t = rand_dt(rng)
    body = note_body(rng, p, t, short=rng.random() < 0.5)
    n = len(dlines(body))
    return (F('Adding this case to the de-id regression suite (tests/cases/⟦i⟧.yaml):\n\n```yaml\nid: case-⟦i⟧\nsource: ⟦src⟧\ntext: |\n',
              i=digits(rng, 4), src=rng.choice(['ed-notes', 'discharge', 'progress']))
            + indent_block(body, '  ')
            + F('expect:\n  min_spans: ⟦k⟧\n  kinds: [person_name, mrn, date, phone]\n```\n', k=n + 3))


@tpl('clinical_note', 'plain_discharge_note', 3)
def t_note_plain(rng):
    p = person(rng, old=rng.random() < 0.4)
    t = rand_dt(rng)
    return (F('DISCHARGE SUMMARY \u2013 ⟦o⟧\n\n', o=C(rng.choice(ORGS)[0], 'facility')) + note_body(rng, p, t)
            + F('Discharged: ⟦d⟧ to ⟦w⟧.\n', d=P(rdate(rng, t.date()), 'date'),
                w=rng.choice(['home with services', 'SNF', 'home', 'daughter\u2019s home'])))


# ============================== claims_csv ==============================
DENIALS = ['CO-16 Claim lacks information', 'CO-197 Precert/authorization absent', 'PR-1 Deductible amount',
           'CO-50 Not deemed a "medical necessity"', 'CO-29 Time limit for filing has expired', 'CO-22 Coordination of benefits']


def claim_row(rng, p, mbi_=False):
    dos = rand_day(rng)
    cpt = rng.choice(CPTS)
    c = cond(rng)
    billed = rng.randint(80, 9000) + rng.choice([0, 0.5, 0.25])
    paid = round(billed * rng.choice([0, 0, 0.42, 0.61, 0.8]), 2)
    claim = rng.choice(['2026%s' % digits(rng, 9), 'CLM%s' % digits(rng, 8), '%sX%s' % (digits(rng, 6), digits(rng, 5))])
    return dict(claim=P(claim, 'other_id'), member=P(p.mbi if mbi_ else p.member, 'medicare_mbi' if mbi_ else 'health_plan_id'),
                name=P(lastfirst(p, upper=rng.random() < 0.5), 'person_name'), dob=P(p.dob.strftime('%m/%d/%Y'), 'date'),
                dos=P(dos.strftime('%m/%d/%Y'), 'date'), cpt=C(cpt[0], 'procedure_code'), icd=C(c[1], 'diagnosis_code'),
                billed='%.2f' % billed, paid='%.2f' % paid, status='DENIED' if paid == 0 else 'PAID',
                payer=rng.choice(PAYERS), dosd=dos)


@tpl('claims_csv', 'csv_denials_export_multiline', 2)
def t_claims_csv(rng):
    rows = []
    for _ in range(rng.randint(3, 6)):
        p = person(rng)
        r = claim_row(rng, p)
        remark = F('')
        if r['status'] == 'DENIED':
            remark = F('⟦d⟧\nCalled payer ⟦w⟧; ref #⟦ref⟧', d=rng.choice(DENIALS), w=C(rand_day(rng).strftime('%m/%d'), 'event_date'),
                       ref=digits(rng, 9))
        rows.append(F('"⟦c⟧","⟦m⟧","⟦n⟧","⟦b⟧","⟦s⟧","⟦cpt⟧","⟦icd⟧",⟦bl⟧,⟦pd⟧,"⟦st⟧","⟦rm⟧"', c=r['claim'], m=r['member'],
                      n=r['name'].enc('csv'), b=r['dob'], s=r['dos'], cpt=r['cpt'], icd=r['icd'], bl=r['billed'], pd=r['paid'],
                      st=r['status'], rm=remark.enc('csv')))
    return (F('Denials worklist export (Excel-compatible CSV) attached to the payer escalation. Remarks are multi-line cells:\n\n')
            + '"Claim #","Member ID","Patient","DOB","DOS","CPT","Dx","Billed","Paid","Status","Remark"\n'
            + join('\n', rows) + '\n')


@tpl('claims_csv', 'json_csv_in_api_response', 2)
def t_claims_json_csv(rng):
    rows = []
    for _ in range(rng.randint(3, 5)):
        p = person(rng)
        r = claim_row(rng, p)
        rows.append(F('"⟦c⟧","⟦n⟧","⟦b⟧","⟦m⟧",⟦bl⟧,⟦st⟧', c=r['claim'], n=r['name'].enc('csv'), b=r['dob'], m=r['member'],
                      bl=r['billed'], st=r['status']))
    csv_ = 'claim_id,patient,dob,member_id,billed,status\n' + join('\n', rows) + '\n'
    obj = O(('reportId', uuid(rng)), ('format', 'csv'), ('rowCount', len(rows)), ('generatedAt', iso_ms(rand_dt(rng))),
            ('data', csv_))
    return (F('The export endpoint returns the CSV as a JSON string (so every line break is \\n). Pasting the raw response '
              'because the download button strips the last row:\n\n') + jdump(obj, indent=2) + '\n')


@tpl('claims_csv', 'json_x12_837_in_log', 2)
def t_x12_log(rng):
    p = person(rng)
    t = rand_dt(rng)
    r = claim_row(rng, p, mbi_=rng.random() < 0.5)
    doc = doctor(rng)
    segs = [F('ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *⟦d⟧*⟦tm⟧*^*00501*⟦n⟧*0*P*:',
              d=t.strftime('%y%m%d'), tm=t.strftime('%H%M'), n=digits(rng, 9)),
            F('NM1*IL*1*⟦f⟧*⟦g⟧****MI*⟦m⟧', f=P(fold(p.family).upper(), 'person_name'), g=P(fold(p.given).upper(), 'person_name'),
              m=r['member']),
            F('N3*⟦s⟧', s=P(p.street.upper(), 'street_address')),
            F('N4*⟦c⟧*⟦st⟧*⟦z⟧', c=P(p.city.upper(), 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code')),
            F('DMG*D8*⟦b⟧*⟦sx⟧', b=P(p.dob.strftime('%Y%m%d'), 'date'), sx=p.sex),
            F('CLM*⟦c⟧*⟦bl⟧***11:B:1*Y*A*Y*Y', c=r['claim'], bl=r['billed']),
            F('HI*ABK:⟦icd⟧', icd=C(r['icd'].text.replace('.', ''), 'diagnosis_code')),
            F('NM1*82*1*⟦df⟧*⟦dg⟧****XX*⟦npi⟧', df=C(doc.family.upper(), 'person_name'), dg=C(doc.given.upper(), 'person_name'),
              npi=C(doc.npi, 'npi')),
            F('SV1*HC:⟦cpt⟧*⟦bl⟧*UN*1***1', cpt=r['cpt'], bl=r['billed']),
            F('DTP*472*D8*⟦dos⟧', dos=P(r['dosd'].strftime('%Y%m%d'), 'date'))]
    x12 = join('~\n', segs) + '~'
    line = jdump(O(('ts', iso_ms(t)), ('level', 'WARN'), ('svc', 'claims-outbound'), ('msg', '277CA rejection, resubmitting'),
                   ('batch', hexid(rng, 12)), ('payload', x12)), compact=True)
    return (F('Clearinghouse keeps rejecting with A7:453. Our outbound logger writes the 837 as one JSON string. One '
              'line from claims-outbound (kubectl logs, prod):\n\n```\n') + line + '\n```\n')


@tpl('claims_csv', 'url_gateway_claim_status_log', 1)
def t_claim_status(rng):
    p = person(rng)
    t = rand_dt(rng)
    r = claim_row(rng, p)
    qs = F('memberId=⟦m⟧&patientLastName=⟦l⟧&patientFirstName=⟦f⟧&dob=⟦b⟧&claimNumber=⟦c⟧&dos=⟦d⟧',
           m=r['member'], l=P(p.family, 'person_name').enc('url'), f=P(p.given, 'person_name').enc('url'),
           b=P(p.dob.isoformat(), 'date'), c=r['claim'], d=P(r['dosd'].isoformat(), 'date'))
    entry = O(('started_at', ms_epoch(t)), ('client_ip', server_ip(rng)), ('request', O(
        ('method', 'GET'), ('uri', F('/v1/claims/status?⟦q⟧', q=qs)), ('size', rng.randint(300, 900)),
        ('querystring', O(('memberId', r['member']), ('patientLastName', P(p.family, 'person_name')),
                          ('patientFirstName', P(p.given, 'person_name')), ('dob', P(p.dob.isoformat(), 'date')),
                          ('claimNumber', r['claim']), ('dos', P(r['dosd'].isoformat(), 'date')))))),
        ('response', O(('status', 422), ('size', 131))), ('latencies', O(('kong', 2), ('proxy', rng.randint(40, 900)))),
        ('service', O(('name', 'claims-status-v1'),)))
    return (F('Kong access log (http-log plugin) for the 422s on claim status \u2013 the uri keeps the URL-encoded '
              'query and the querystring object has it decoded:\n\n') + jdump(entry, indent=2) + '\n')


@tpl('claims_csv', 'xml_remit_export_entities', 1)
def t_claim_xml(rng):
    rows = []
    for _ in range(rng.randint(2, 4)):
        p = person(rng)
        r = claim_row(rng, p)
        rows.append(F('  <Claim id="⟦c⟧">\n    <Patient>⟦n⟧</Patient>\n    <BirthDate>⟦b⟧</BirthDate>\n    <MemberId>⟦m⟧</MemberId>\n'
                      '    <ServiceDate>⟦s⟧</ServiceDate>\n    <Payer>⟦py⟧</Payer>\n    <Billed>⟦bl⟧</Billed>\n    <Paid>⟦pd⟧</Paid>\n'
                      '    <Remark>⟦rm⟧</Remark>\n  </Claim>', c=r['claim'], n=P(full(p), 'person_name').enc('html_dec'),
                      b=P(p.dob.isoformat(), 'date'), m=r['member'], s=P(r['dosd'].isoformat(), 'date'),
                      py=e_xml(r['payer']), bl=r['billed'], pd=r['paid'], rm=e_xml(rng.choice(DENIALS + ['Paid & closed']))))
    return ('<?xml version="1.0" encoding="us-ascii"?>\n<!-- remit export, ASCII only: non-ASCII written as character references -->\n'
            '<RemitBatch date="' + rand_day(rng).isoformat() + '">\n' + join('\n', rows) + '\n</RemitBatch>\n')


@tpl('claims_csv', 'sql_claims_query_grid', 2)
def t_claim_sql(rng):
    p = with_apostrophe(rng, person(rng))
    rows = [claim_row(rng, p) for _ in range(rng.randint(2, 4))]
    q = F("SELECT claim_no, member_id, patient_name, dob, dos, billed, status\n  FROM rcm.claim\n WHERE patient_last = '⟦l⟧'\n"
          "   AND patient_first = '⟦f⟧'\n   AND dob = DATE '⟦b⟧';", l=P(p.family, 'person_name').enc('sql'),
          f=P(p.given, 'person_name').enc('sql'), b=P(p.dob.isoformat(), 'date'))
    grid = [' claim_no      | member_id     | patient_name           | dob        | dos        | billed  | status',
            '---------------+---------------+------------------------+------------+------------+---------+--------']
    out = D([Seg('\n'.join(grid) + '\n')])
    for r in rows:
        out = out + F(' ⟦c⟧ | ⟦m⟧ | ⟦n⟧ | ⟦b⟧ | ⟦s⟧ | ⟦bl⟧ | ⟦st⟧\n', c=r['claim'], m=r['member'],
                      n=P(full(p), 'person_name'), b=P(p.dob.isoformat(), 'date'), s=P(r['dosd'].isoformat(), 'date'),
                      bl=r['billed'], st=r['status'])
    return (F('PFS asked why the 835 did not post for this patient. What I ran:\n\n```\nrcm=> ') + q + '\n' + out
            + '(%d rows)\n```\n' % len(rows))


@tpl('claims_csv', 'json2_stepfunctions_pipe_preview', 2)
def t_sfn(rng):
    rows = []
    for _ in range(rng.randint(3, 5)):
        p = person(rng)
        r = claim_row(rng, p, mbi_=rng.random() < 0.4)
        rows.append(F('D|⟦c⟧|⟦m⟧|⟦n⟧|⟦b⟧|⟦s⟧|⟦bl⟧|⟦pd⟧', c=r['claim'], m=r['member'], n=r['name'], b=r['dob'], s=r['dos'],
                      bl=r['billed'], pd=r['paid']))
    inner = jdump(O(('bucket', 'rcm-inbound-prod'), ('key', 'remits/%s/era_%s.txt' % (rand_day(rng).isoformat(), digits(rng, 6))),
                    ('rows', len(rows)), ('preview', 'H|ERA|5010\n' + join('\n', rows) + '\nT|%d' % len(rows))), compact=True)
    obj = O(('executionArn', 'arn:aws:states:us-east-1:%s:execution:era-ingest:%s' % (digits(rng, 12), uuid(rng))),
            ('status', 'FAILED'), ('input', inner), ('error', 'States.TaskFailed'),
            ('cause', 'Row 3: unparseable paid amount'))
    return (F('Step Functions execution that failed overnight (aws stepfunctions describe-execution). The input is a '
              'JSON string, so the preview rows are escaped twice:\n\n') + jdump(obj, indent=2) + '\n')


@tpl('claims_csv', 'plain_claims_csv', 3)
def t_claims_plain(rng):
    rows = []
    for _ in range(rng.randint(3, 7)):
        p = person(rng)
        r = claim_row(rng, p, mbi_=rng.random() < 0.3)
        rows.append(F('⟦c⟧,⟦m⟧,"⟦n⟧",⟦b⟧,⟦s⟧,⟦cpt⟧,⟦icd⟧,⟦bl⟧,⟦pd⟧', c=r['claim'], m=r['member'], n=r['name'], b=r['dob'],
                      s=r['dos'], cpt=r['cpt'], icd=r['icd'], bl=r['billed'], pd=r['paid']))
    return 'claim_no,member_id,patient,dob,dos,cpt,icd10,billed,paid\n' + join('\n', rows) + '\n'


# ============================== patient_email ==============================
CLINICS = ['Cardiology Clinic', 'Patient Access', 'Billing Office', 'Family Medicine', 'Oncology Nurse Line',
           'Medical Records', 'Orthopedics Front Desk']


def clinic_addr(rng, org=None):
    org = org or rng.choice(ORGS)
    c = rng.choice(CLINICS)
    box = c.lower().split()[0] + rng.choice(['', '-team', '.desk'])
    return F('⟦c⟧ <⟦e⟧>', c=c, e=C('%s@%s' % (box, org[1]), 'staff_contact')), c


def addr_hdr(p, name=None):
    n = name or full(p)
    if n.isascii():
        return F('"⟦n⟧" <⟦e⟧>', n=P(n, 'person_name'), e=P(p.email, 'email'))
    return F('=?UTF-8?Q?⟦n⟧?= <⟦e⟧>', n=P(n, 'person_name').enc('q2047'), e=P(p.email, 'email'))


def subj_hdr(d):
    if d.text.isascii():
        return d
    return F('=?UTF-8?Q?⟦s⟧?=', s=d.enc('q2047'))


def rel_word(p, who):
    """What the writer `who` calls patient p."""
    f = p.sex == 'F'
    return {'DAU': 'mother' if f else 'father', 'SON': 'mother' if f else 'father', 'SPO': 'wife' if f else 'husband',
            'MTH': 'daughter' if f else 'son', 'FTH': 'daughter' if f else 'son', 'SIS': 'sister' if f else 'brother',
            'BRO': 'sister' if f else 'brother'}.get(who.rel[0], 'family member')


def patient_letter(rng, p, clinic, who=None):
    """Body of a patient's e-mail (long paragraphs, so quoted-printable wraps them)."""
    t = rand_dt(rng)
    doc = doctor(rng)
    c = cond(rng)
    who = who or p
    opener = rng.choice(['Hello,', 'Good morning,', 'Hi there,', 'Dear %s team,' % clinic])
    lines = [F('⟦o⟧\n\n', o=opener)]
    if who is p:
        lines.append(F('This is ⟦n⟧ (date of birth ⟦d⟧, MRN ⟦m⟧). ', n=P(full(p), 'person_name'),
                       d=P(rdate(rng, p.dob, ['us', 'long', 'us_nopad', 'd_month_y', 'dmy_slash']), 'date'), m=P(p.mrn, 'mrn')))
    else:
        lines.append(F('I am writing for my ⟦rw⟧ ⟦n⟧, born ⟦d⟧ (chart number ⟦m⟧). ', rw=rel_word(p, who),
                       n=P(full(p), 'person_name'), d=P(rdate(rng, p.dob, ['us', 'long', 'd_month_y']), 'date'), m=P(p.mrn, 'mrn')))
    lines.append(F('⟦dr⟧ saw us on ⟦v⟧ about the ⟦c⟧ and said someone would call with the results, but nobody has called '
                   'yet and the portal still shows \u201cpending\u201d. Could you please call ⟦ph⟧ after 4 pm? My cell changed '
                   'last month, so the number in the system may be the old one. Also the statement went to our old address; '
                   'the new one is ⟦s⟧⟦u⟧, ⟦ct⟧, ⟦st⟧ ⟦z⟧.\n\n',
                   dr=C(doc.short, 'person_name'), v=P(rdate(rng, t.date(), ['long', 'us', 'd_mon_y_sp', 'mon_d_y']), 'date'),
                   c=C(c[0], 'condition'), ph=P(who.ph.fmt(rng.choice(PHONE_STYLES)), 'phone'),
                   s=P(p.street, 'street_address'), u=(F(' ⟦u⟧', u=P(p.unit, 'street_address')) if p.unit else ''),
                   ct=P(p.city, 'street_address'), st=C(p.state, 'state'), z=P(p.zip, 'zip_code')))
    lines.append(F('Thank you so much \u2013 ⟦sig⟧\n', sig=P(full(who), 'person_name')))
    return join('', lines), t


@tpl('patient_email', 'qp_text_plain_source', 2)
def t_qp_plain(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    head = F('Return-Path: <⟦e⟧>\nReceived: from mail-ej1-f54.google.com (mail-ej1-f54.google.com [209.85.218.54])\n'
             '\tby mx1.⟦d⟧ (Postfix) with ESMTPS id 4Xk2Lq1t9Wz3\nFrom: ⟦fr⟧\nTo: ⟦to⟧\nSubject: ⟦s⟧\nDate: ⟦dt⟧\n'
             'Message-ID: <CAF⟦mid⟧@mail.gmail.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset="UTF-8"\n'
             'Content-Transfer-Encoding: quoted-printable\n\n', e=P(p.email, 'email'), d=org[1], fr=addr_hdr(p), to=to,
             s=F('Results for ⟦n⟧?', n=P(full(p), 'person_name')) if full(p).isascii() else F('=?UTF-8?Q?Results_for_?=\n =?UTF-8?Q?⟦n⟧=3F?=', n=P(full(p), 'person_name').enc('q2047')),
             dt=C(t.strftime('%a, %d %b %Y %H:%M:%S -0600'), 'email_date'), mid=hexid(rng, 24))
    return (F('Forwarded to the help desk as "Show original" because the clinic\u2019s mail client shows =E2=80=93 '
              'junk. Source:\n\n') + head + qp(body))


@tpl('patient_email', 'qp_html_part', 2)
def t_qp_html(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    paras = [x for x in dlines(body) if x.text]
    h = F('<div dir="ltr"><p style="margin:0;font-family:Arial">') + join('</p><p style="margin:0;font-family:Arial">',
                                                                         [x.enc('html') for x in paras]) + '</p></div>\n'
    bnd = '000000000000%s' % hexid(rng, 16)
    plain_alt = join('\n\n', paras) + '\n'
    return (F('From: ⟦fr⟧\nTo: ⟦to⟧\nSubject: Question about my visit\nDate: ⟦dt⟧\nMIME-Version: 1.0\n'
              'Content-Type: multipart/alternative; boundary="⟦b⟧"\n\n--⟦b⟧\nContent-Type: text/plain; charset="UTF-8"\n'
              'Content-Transfer-Encoding: quoted-printable\n\n', fr=addr_hdr(p), to=to,
              dt=C(t.strftime('%a, %d %b %Y %H:%M:%S +0000'), 'email_date'), b=bnd)
            + qp(plain_alt) + F('\n--⟦b⟧\nContent-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n', b=bnd)
            + qp(h) + '\n--' + bnd + '--\n')


@tpl('patient_email', 'mime_rfc2047_headers_8bit', 2)
def t_2047(rng):
    p = adult(rng, rng.choice(['mexican', 'quebecois', 'vietnamese', 'polish', 'turkish', 'czech', 'nordic',
                                'russian', 'greek', 'korean', 'hungarian']))
    p_name = full(p, native=p.native is not None and rng.random() < 0.85)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    return (F('Bounce report from the ticketing gateway \u2013 it could not decode the headers of this message (the body '
              'is 8bit UTF-8):\n\n')
            + F('From: ⟦fr⟧\nTo: ⟦to⟧\nSubject: ⟦s⟧\nDate: ⟦dt⟧\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n'
                'Content-Transfer-Encoding: 8bit\nX-Gateway-Error: header-decode-failed\n\n', fr=addr_hdr(p, p_name), to=to,
                s=F('=?UTF-8?Q?Cita_de_?=\n =?UTF-8?Q?⟦n⟧?=\n =?UTF-8?Q?_/_appointment_for_?= =?UTF-8?Q?⟦n2⟧?=', n=P(p_name, 'person_name').enc('q2047'),
                    n2=P(p.given, 'person_name').enc('q2047')),
                dt=C(t.strftime('%a, %d %b %Y %H:%M:%S -0500'), 'email_date'))
            + body)


@tpl('patient_email', 'url_mailgun_inbound_form', 1)
def t_mailgun(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    form = F('recipient=⟦r⟧&sender=⟦s⟧&subject=⟦sub⟧&body-plain=⟦b⟧&timestamp=⟦ts⟧&token=⟦tk⟧&signature=⟦sg⟧',
             r=C('%s@%s' % (clinic.lower().split()[0], org[1]), 'staff_contact').enc('url_plus'),
             s=P(p.email, 'email').enc('url_plus'),
             sub=F('Message+from+⟦n⟧', n=P(full(p), 'person_name').enc('url_plus')),
             b=body.pmap(lambda s: s.replace('\n', '\r\n')).enc('url_plus'), ts=int(ms_epoch(t) / 1000), tk=hexid(rng, 50),
             sg=hexid(rng, 64))
    return (F('Inbound route stopped creating tickets. Captured the webhook POST with a request bin (application/'
              'x-www-form-urlencoded, body as received):\n\n```\nPOST /hooks/mailgun/inbound HTTP/1.1\nHost: ⟦h⟧\n'
              'Content-Type: application/x-www-form-urlencoded\n\n', h='tickets.%s' % org[1]) + form + '\n```\n')


@tpl('patient_email', 'json_helpscout_thread_ascii', 1)
def t_helpscout(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    body, t = patient_letter(rng, p, 'Patient Access')
    agent = staff(rng)
    obj = O(('id', rng.randint(10 ** 8, 10 ** 9)), ('subject', 'New address + callback'), ('status', 'active'),
            ('primaryCustomer', O(('first', P(p.given, 'person_name')), ('last', P(p.family, 'person_name')),
                                  ('email', P(p.email, 'email')))),
            ('_embedded', O(('threads', [
                O(('type', 'customer'), ('body', body + F('\U0001F64F\U0001F3FD'))),
                O(('type', 'reply'), ('createdBy', O(('first', C(agent.given, 'person_name')), ('last', C(agent.family, 'person_name')))),
                  ('body', 'Thanks, we have updated your address. \u2014 Patient Access'))]))))
    return (F('Help Scout conversation from the API (JSON, non-ASCII escaped \u2013 the emoji is a surrogate pair):\n\n')
            + jdump(obj, indent=2, ascii=True) + '\n')


@tpl('patient_email', 'qp_forwarded_quoted_reply', 2)
def t_qp_fwd(rng):
    p = person(rng, age=rng.randint(55, 97))
    r = relative(rng, p, rng.choice([('DAU', 'Daughter'), ('SON', 'Son'), ('SPO', 'Spouse')]))
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic, who=r)
    s = staff(rng)
    quoted = indent_block(body, '> ')
    top = F('Forwarding to ⟦c⟧ \u2013 can someone call the family back? Thanks,\n⟦sn⟧\n\n---------- Forwarded message ---------\n'
            'From: ⟦fr⟧\nDate: ⟦dt⟧\nSubject: Re: my ⟦rw⟧\u2019s appointment\nTo: ⟦to⟧\n\n', c=clinic, sn=C(s.name, 'person_name'),
            fr=F('⟦n⟧ <⟦e⟧>', n=P(full(r), 'person_name'), e=P(r.email, 'email')),
            dt=C(t.strftime('%a, %b %d, %Y at %I:%M %p'), 'email_date'),
            rw=rel_word(p, r), to=to)
    return (F('From: ⟦a⟧\nTo: ⟦b⟧\nSubject: Fwd: Re: appointment\nContent-Type: text/plain; charset=UTF-8\n'
              'Content-Transfer-Encoding: quoted-printable\n\n', a=C('%s <%s>' % (s.name, s.email), 'staff_contact'),
              b=C('nurse-line@%s' % org[1], 'staff_contact'))
            + qp(top + quoted))


@tpl('patient_email', 'html_email_entities_8bit', 2)
def t_html_mail(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    enc = rng.choice(['html_named', 'html_dec'])
    paras = [x for x in dlines(body) if x.text]
    h = join('&nbsp;</div>\n<div>', [x.enc(enc) for x in paras])
    return (F('From: ⟦fr⟧\nTo: ⟦to⟧\nSubject: Follow up\nDate: ⟦dt⟧\nContent-Type: text/html; charset=us-ascii\n'
              'Content-Transfer-Encoding: 7bit\n\n<html><body>\n<div>', fr=addr_hdr(p), to=to,
              dt=C(t.strftime('%a, %d %b %Y %H:%M:%S -0700'), 'email_date'))
            + h + '</div>\n</body></html>\n')


@tpl('patient_email', 'plain_patient_email', 3)
def t_mail_plain(rng):
    p = adult(rng)
    org = rng.choice(ORGS)
    to, clinic = clinic_addr(rng, org)
    body, t = patient_letter(rng, p, clinic)
    return (F('From: ⟦fr⟧\nSent: ⟦dt⟧\nTo: ⟦to⟧\nSubject: Callback please\n\n', fr=F('⟦n⟧ <⟦e⟧>', n=P(full(p), 'person_name'),
                                                                                    e=P(p.email, 'email')),
              dt=C(t.strftime('%A, %B %d, %Y %I:%M %p'), 'email_date'), to=to) + body)


# ============================== clean: java_stacktrace ==============================
JPKG = ['org.example.hl7', 'com.lakeview.integration', 'io.mpi.match', 'org.nbch.fhir.bridge', 'com.mercyvale.claims']


def java_trace(rng, exc=None, depth=None, cause=True):
    pkg = rng.choice(JPKG)
    exc = exc or rng.choice([
        'java.lang.NullPointerException: Cannot invoke "String.trim()" because "value" is null',
        'ca.uhn.hl7v2.model.DataTypeException: Failed to validate date: invalid month',
        'java.lang.IllegalStateException: Connection pool exhausted (max=40)',
        'org.springframework.dao.DataIntegrityViolationException: duplicate key value violates unique constraint "uq_encounter_visit"',
        'java.net.SocketTimeoutException: Read timed out',
        'com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type `java.time.LocalDate`'])
    frames = []
    for _ in range(depth or rng.randint(4, 8)):
        sub, cls_, meth = rng.choice([('route', 'AdtRouter', 'route'), ('mapper', 'PidMapper', 'map'),
                                      ('store', 'EncounterStore', 'save'), ('client', 'FhirClient', 'post'),
                                      ('route', 'MessageHandler', 'handle'), ('parser', 'DateCoercion', 'parse'),
                                      ('mapper', 'TelecomMapper', 'toXtn')])
        frames.append('%s.%s.%s.%s(%s.java:%d)' % (pkg, sub, cls_, meth, cls_, rng.randint(20, 480)))
    frames += ['org.apache.camel.processor.Pipeline.process(Pipeline.java:165)',
               'java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)',
               'java.base/java.lang.Thread.run(Thread.java:1583)']
    out = exc + '\n' + ''.join('\tat %s\n' % f for f in frames)
    if cause:
        out += 'Caused by: java.time.format.DateTimeParseException: Text \'2026-13-01\' could not be parsed at index 5\n\t... %d more\n' % rng.randint(3, 12)
    return out


@tpl('java_stacktrace', 'json_jira_rest_stacktrace', 2)
def c_jira_trace(rng):
    rep, asg = staff(rng), staff(rng)
    t = rand_dt(rng)
    org = rng.choice(ORGS)
    desc = F('Engine throws on every A08 since the 4.12 upgrade (build ⟦b⟧). Host ⟦h⟧, channel ADT_IN.\n\n{code:java}\n⟦tr⟧{code}\n'
             'No patient data involved \u2013 the message is rejected before parsing. [~⟦x⟧] can you look?',
             b=rng.randint(1000, 9999), h=server_ip(rng), tr=java_trace(rng), x=C(asg.handle, 'person_name'))
    obj = O(('key', tkey(rng, 'INTEG')), ('fields', O(
        ('summary', 'DateTimeParseException in AdtRouter after upgrade'),
        ('reporter', O(('displayName', C(rep.name, 'person_name')), ('emailAddress', C(rep.email, 'staff_contact')))),
        ('assignee', O(('displayName', C(asg.name, 'person_name')), ('emailAddress', C(asg.email, 'staff_contact')))),
        ('created', jira_ts(t)), ('labels', ['regression', 'camel']), ('description', desc),
        ('environment', 'prod-%s \u2013 %s' % (rng.choice(['east', 'west']), org[2])))))
    return F('REST response for the issue (for the bot that mirrors bugs to GitHub):\n\n') + jdump(obj, indent=2) + '\n'


@tpl('java_stacktrace', 'json_cloudwatch_stacktrace', 2)
def c_cw_trace(rng):
    t = rand_dt(rng)
    rid = uuid(rng)
    evs = [O(('timestamp', ms_epoch(t) + i), ('message', m), ('ingestionTime', ms_epoch(t) + i + 210)) for i, m in enumerate([
        'START RequestId: %s Version: 37\n' % rid,
        '%s\tERROR\t%s\tUnhandled exception\n%s' % (iso_ms(t), rid, java_trace(rng, cause=False)),
        'END RequestId: %s\nREPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 1024 MB\tMax Memory Used: %d MB\n'
        % (rid, rid, rng.uniform(200, 9000), rng.randint(200, 9000), rng.randint(300, 1000))])]
    return (F('Lambda `fhir-bridge-sync` failing every run since ⟦d⟧. `aws logs get-log-events` output:\n\n```json\n',
              d=t.strftime('%b %d')) + jdump(O(('events', evs), ('nextForwardToken', 'f/' + digits(rng, 56))), indent=4)
            + F('\n```\nOn call: ⟦a⟧\n', a=C(staff(rng).name, 'person_name')))


@tpl('java_stacktrace', 'json_datadog_error_stack', 2)
def c_dd_trace(rng):
    t = rand_dt(rng)
    q = '_count=%d&_lastUpdated=%s&_sort=-_lastUpdated' % (rng.choice([50, 100, 200]), urllib.parse.quote('gt' + rand_day(rng).isoformat()))
    obj = O(('timestamp', iso_ms(t)), ('status', 'error'), ('service', 'fhir-gateway'), ('host', 'ip-%s.ec2.internal' % server_ip(rng).replace('.', '-')),
            ('http', O(('method', 'GET'), ('url', 'https://fhir.internal/R4/Encounter?' + q), ('status_code', 500),
                       ('useragent', 'HAPI-FHIR/7.4.0 (FHIR Client; FHIR 4.0.1/R4; apache)'))),
            ('error', O(('kind', 'java.lang.OutOfMemoryError'), ('message', 'Java heap space'),
                        ('stack', 'java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3541)\n'
                         '\tat ca.uhn.fhir.parser.JsonParser.encodeResourceToWriter(JsonParser.java:244)\n'
                         '\tat ca.uhn.fhir.rest.server.RestfulServer.handleRequest(RestfulServer.java:1203)\n'))),
            ('dd', O(('trace_id', digits(rng, 19)), ('span_id', digits(rng, 19)), ('version', '2.%d.%d' % (rng.randint(0, 9), rng.randint(0, 30))))))
    return (F('Pasting the Datadog event (JSON view). Bulk history query pulls every encounter since the date in the '
              'URL and blows the heap:\n\n') + jdump(obj, indent=2) + '\n')


@tpl('java_stacktrace', 'json_kcat_nak_no_patient', 2)
def c_kcat_nak(rng):
    t = rand_dt(rng)
    nak = hl7msg(ack(rng, t, 'AE', 'PID-7 invalid date'), '\r')
    rec = jdump(O(('topic', 'hl7.ack.outbound'), ('partition', 0), ('offset', rng.randint(10 ** 5, 10 ** 7)), ('ts', ms_epoch(t)),
                  ('key', None), ('payload', nak)), compact=True)
    return (F('Only the ACK topic is affected. Record + consumer error:\n\n```\n') + rec + '\n\n'
            + java_trace(rng, 'org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition hl7.ack.outbound-0', cause=False)
            + '```\n')


@tpl('java_stacktrace', 'json2_sentry_python_event', 2)
def c_sentry(rng):
    t = rand_dt(rng)
    extra = jdump(O(('resourceType', 'Bundle'), ('type', 'searchset'), ('total', 0),
                    ('link', [O(('relation', 'self'), ('url', 'https://fhir.internal/R4/Patient?_id=%s' % uuid(rng)))])), compact=True)
    tb = ('Traceback (most recent call last):\n  File "/app/sync/worker.py", line 88, in run\n    bundle = client.search(q)\n'
          '  File "/app/sync/client.py", line 41, in search\n    return resp.json()["entry"]\nKeyError: \'entry\'\n')
    ev = O(('event_id', hexid(rng, 32)), ('timestamp', iso_ms(t)), ('level', 'error'), ('platform', 'python'),
           ('exception', O(('values', [O(('type', 'KeyError'), ('value', "'entry'"),
                                         ('stacktrace', O(('frames', [O(('filename', 'sync/worker.py'), ('lineno', 88)),
                                                                      O(('filename', 'sync/client.py'), ('lineno', 41))]))))]))),
           ('extra', O(('response_body', extra), ('formatted_traceback', tb))), ('release', 'fhir-sync@3.%d.%d' % (rng.randint(0, 9), rng.randint(0, 40))),
           ('server_name', 'sync-%s' % hexid(rng, 6)))
    return (F('Sentry issue FHIR-SYNC-⟦n⟧, raw event JSON (response body is stored as a string, hence the double escaping):\n\n',
              n=rng.randint(100, 999).__str__()) + jdump(ev, indent=2) + '\n')


@tpl('java_stacktrace', 'code_dotnet_appinsights_exception', 2)
def c_appins(rng):
    t = rand_dt(rng)
    stack = ('System.InvalidOperationException: Sequence contains no elements\r\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\r\n'
             '   at Mercyvale.Claims.Mapping.RemitMapper.Map(Remit835 remit) in C:\\agent\\_work\\12\\s\\src\\Claims\\Mapping\\RemitMapper.cs:line %d\r\n'
             '   at Mercyvale.Claims.Functions.IngestEra.Run(String blob, ILogger log) in C:\\agent\\_work\\12\\s\\src\\Claims\\Functions\\IngestEra.cs:line %d'
             % (rng.randint(20, 300), rng.randint(20, 120)))
    obj = O(('timestamp', iso_ms(t)), ('problemId', 'System.InvalidOperationException at RemitMapper.Map'),
            ('type', 'System.InvalidOperationException'), ('outerMessage', 'Sequence contains no elements'),
            ('details', [O(('parsedStack', []), ('rawStack', stack))]), ('cloud_RoleName', 'func-claims-ingest-prod'),
            ('operation_Id', hexid(rng, 32)), ('client_IP', '0.0.0.0'), ('appVersion', '1.%d.%d' % (rng.randint(0, 9), rng.randint(0, 200))))
    return (F('From Application Insights > Failures > Exceptions > "Copy as JSON". Windows paths come out with doubled backslashes:\n\n')
            + jdump(obj, indent=2) + '\n')


@tpl('java_stacktrace', 'url_access_log_then_trace', 2)
def c_access(rng):
    t = rand_dt(rng)
    lines = []
    for i in range(rng.randint(4, 7)):
        tt = t + dt.timedelta(seconds=i * 3)
        q = rng.choice(['/R4/Observation?code=%s&date=ge%s' % (urllib.parse.quote('http://loinc.org|4548-4', safe=''), rand_day(rng).isoformat()),
                        '/R4/Condition?code=%s&clinical-status=active&_summary=count' % urllib.parse.quote('http://snomed.info/sct|44054006', safe=''),
                        '/R4/Patient?_count=0&_total=accurate', '/R4/metadata',
                        '/R4/ValueSet/$expand?url=%s' % urllib.parse.quote('http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113762.1.4.1222.81', safe='')])
        lines.append('%s - svc-analytics [%s] "GET %s HTTP/1.1" %d %d %.3f' % (server_ip(rng), log_ts(tt, 'clf'), q,
                                                                            rng.choice([200, 200, 500, 502]), rng.randint(90, 90000), rng.uniform(0.01, 9)))
    return ('Analytics job hits these (no patient in any of them, just population queries) and some come back 500:\n\n```\n'
            + '\n'.join(lines) + '\n```\n\nServer side:\n\n```\n' + java_trace(rng) + '```\n')


@tpl('java_stacktrace', 'xml_junit_report_entities', 2)
def c_junit(rng):
    t = rand_dt(rng)
    cases = []
    names = rng.sample(['parsesA08WithEmptyPv1', 'rejectsInvalidDob', 'mapsTelecomUseCodes', 'mergesOnMrnAndDob',
                        'handlesHl7EscapeSequences', 'keepsZztestPatientsOutOfMpi'], rng.randint(3, 5))
    for i, name in enumerate(names):
        if i == 1:
            cases.append('  <testcase classname="org.example.hl7.PidMapperTest" name="%s" time="0.%03d">\n'
                         '    <failure message="expected: &lt;2026-01-01&gt; but was: &lt;null&gt;" type="org.opentest4j.AssertionFailedError">%s</failure>\n  </testcase>'
                         % (name, rng.randint(1, 999), e_xml(java_trace(rng, 'org.opentest4j.AssertionFailedError: expected: <2026-01-01> but was: <null>', 3, False))))
        else:
            cases.append('  <testcase classname="org.example.hl7.PidMapperTest" name="%s" time="0.%03d"/>' % (name, rng.randint(1, 999)))
    return ('surefire report from the failing build (target/surefire-reports/TEST-org.example.hl7.PidMapperTest.xml):\n\n'
            '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="org.example.hl7.PidMapperTest" tests="%d" failures="1" errors="0" '
            'timestamp="%s" hostname="ci-runner-%s">\n' % (len(cases), t.strftime('%Y-%m-%dT%H:%M:%S'), hexid(rng, 4))
            + '\n'.join(cases) + '\n</testsuite>\n')


@tpl('java_stacktrace', 'plain_java_stacktrace', 2)
def c_plain_java(rng):
    t = rand_dt(rng)
    return (F('⟦ts⟧ ERROR [⟦th⟧] o.e.h.route.AdtRouter - Route failed for message control id ⟦c⟧\n',
              ts=log_ts(t, 'space'), th='Camel (hl7) thread #%d - mllp://0.0.0.0:%d' % (rng.randint(1, 30), rng.choice([6661, 2575, 7001])),
              c='MSG%s' % digits(rng, 8)) + java_trace(rng)
            + F('\nReported by ⟦a⟧; rollback to 4.11.2 fixes it.\n', a=C(staff(rng).name, 'person_name')))


@tpl('java_stacktrace', 'plain_go_panic', 2)
def c_plain_go(rng):
    return ('panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x%s]\n\n'
            'goroutine %d [running]:\ngithub.com/northbay/mllp-relay/internal/relay.(*Conn).ack(0xc000%s, {0xc0004%s, 0x%x, 0x%x})\n'
            '\t/src/internal/relay/conn.go:%d +0x%x\ngithub.com/northbay/mllp-relay/internal/relay.(*Server).serve(0xc0000%s)\n'
            '\t/src/internal/relay/server.go:%d +0x%x\ncreated by github.com/northbay/mllp-relay/internal/relay.(*Server).Listen in goroutine 1\n'
            '\t/src/internal/relay/server.go:%d +0x%x\nexit status 2\n\nrelay v%d.%d.%d on %s, happens when the peer closes before the ACK.\n'
            % (hexid(rng, 6), rng.randint(10, 400), hexid(rng, 5), hexid(rng, 5), rng.randint(16, 900), rng.randint(16, 900), rng.randint(40, 300),
               rng.randint(16, 900), hexid(rng, 5), rng.randint(40, 300), rng.randint(16, 900), rng.randint(20, 90), rng.randint(16, 900),
               rng.randint(0, 3), rng.randint(0, 20), rng.randint(0, 9), server_ip(rng)))


# ============================== clean: meeting_notes ==============================
BRIDGES = [('+1 872-240-3311', '493 812 776#'), ('+1 323-849-4874', '219 003 551#'), ('+1 929-205-6099', '836 4410 2931'),
           ('+1 646-931-3860', '812 5567 0043'), ('+1 415-655-0001', '2634 118 9054')]
TOPICS = ['HL7 interface review', 'EMPI match-rule tuning', 'FHIR bulk export go-live', 'Claims 835 posting backlog',
          'Portal SSO cut-over', 'Downtime procedure drill', 'Interface engine upgrade to 4.12', 'Data warehouse refresh cadence']


def attendees(rng, k):
    org = rng.choice(ORGS)
    out = crew(rng, k)
    for s in out:
        s.org, s.email = org, '%s@%s' % (s.handle, org[1])
    return out


@tpl('meeting_notes', 'qp_outlook_teams_invite', 2)
def c_qp_invite(rng):
    org = rng.choice(ORGS)
    ppl = attendees(rng, rng.randint(3, 6))
    br = rng.choice(BRIDGES)
    t = rand_dt(rng)
    topic = rng.choice(TOPICS)
    body = (F('Hi all \u2013 moving the ⟦tp⟧ to ⟦d⟧ so that ⟦a⟧ can join after the CAB. Agenda: (1) open defects, (2) '
              'cut-over checklist, (3) who\u2019s on point for the weekend.\n\n', tp=topic, d=t.strftime('%A %b %d at %I:%M %p'),
              a=C(ppl[1].name, 'person_name'))
            + '________________________________________________________________________________\nMicrosoft Teams meeting\n'
            'Join on your computer, mobile app or room device\nClick here to join the meeting\nMeeting ID: %s %s %s\nPasscode: %s\n'
            'Or call in (audio only)\n%s,,%s   United States, Chicago\nPhone Conference ID: %s\n' % (
                digits(rng, 3), digits(rng, 3), digits(rng, 3), letters(rng, 6, 'abcdefghjkmnpqrstuvwxyz23456789'),
                br[0], br[1].replace(' ', ''), br[1])
            + '________________________________________________________________________________\n\n'
            + F('⟦n⟧\nIntegration Services | ⟦o⟧\n⟦e⟧ | office ⟦ph⟧\n', n=C(ppl[0].name, 'person_name'),
                o=C(org[0], 'facility'), e=C(ppl[0].email, 'staff_contact'), ph=C(ppl[0].ph.fmt('dot'), 'staff_contact')))
    to = join(', ', [C('%s <%s>' % (x.name, x.email), 'staff_contact') for x in ppl[1:]])
    return (F('From: ⟦f⟧\nTo: ⟦to⟧\nSubject: Updated: ⟦tp⟧\nDate: ⟦dt⟧\nContent-Type: text/plain; charset="utf-8"\n'
              'Content-Transfer-Encoding: quoted-printable\n\n', f=C('%s <%s>' % (ppl[0].name, ppl[0].email), 'staff_contact'),
              to=to, tp=topic, dt=C((t - dt.timedelta(days=2)).strftime('%a, %d %b %Y %H:%M:%S +0000'), 'email_date'))
            + qp(body))


@tpl('meeting_notes', 'ics_calendar_invite_folded', 2)
def c_ics(rng):
    ppl = attendees(rng, rng.randint(3, 5))
    br = rng.choice(BRIDGES)
    t = rand_dt(rng)
    topic = rng.choice(TOPICS)
    desc = F('Agenda:\n- status of ⟦tp⟧\n- risks; decisions; owners\nDial-in: ⟦b⟧, conference ID ⟦c⟧\nNotes owner: ⟦n⟧',
             tp=topic, b=br[0], c=br[1], n=C(ppl[2].name, 'person_name')).enc('ics')
    lines = F('BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nVERSION:2.0\nMETHOD:REQUEST\n'
              'BEGIN:VEVENT\nORGANIZER;CN="⟦on⟧":mailto:⟦oe⟧\n', on=C(ppl[0].name, 'person_name'), oe=C(ppl[0].email, 'staff_contact'))
    for x in ppl[1:]:
        lines = lines + F('ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=⟦n⟧:mailto:⟦e⟧\n',
                          n=C(x.name, 'person_name'), e=C(x.email, 'staff_contact'))
    lines = lines + F('DESCRIPTION:⟦d⟧\nDTSTART;TZID=Central Standard Time:⟦s⟧\nDTEND;TZID=Central Standard Time:⟦e⟧\n'
                      'LOCATION:Microsoft Teams Meeting\\; ⟦b⟧\nSUMMARY:⟦tp⟧\nUID:⟦u⟧\nSEQUENCE:1\nEND:VEVENT\nEND:VCALENDAR\n',
                      d=desc, s=t.strftime('%Y%m%dT%H0000'), e=(t + dt.timedelta(hours=1)).strftime('%Y%m%dT%H0000'),
                      b=br[0].replace(',', '\\,'), tp=e_ics(topic), u='040000008200E00074C5B7101A82E008' + hexid(rng, 40).upper())
    return F('The invite renders with literal \\n in Outlook for Mac. Raw invite.ics:\n\n') + ics_fold(lines)


@tpl('meeting_notes', 'html_confluence_storage_notes', 2)
def c_conf_notes(rng):
    ppl = attendees(rng, rng.randint(3, 5))
    t = rand_dt(rng)
    topic = rng.choice(TOPICS)
    att = join('', [F('<li><ac:link><ri:user ri:username="⟦h⟧" /></ac:link></li>', h=C(x.handle, 'person_name')) for x in ppl])
    tasks = join('', [F('<ac:task><ac:task-id>⟦i⟧</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>'
                        '<ac:link><ri:user ri:username="⟦h⟧" /></ac:link> ⟦w⟧</ac:task-body></ac:task>', i=i + 1,
                        h=C(x.handle, 'person_name'), w=e_html(w))
                      for i, (x, w) in enumerate(zip(ppl, ['re-run the ACK soak test & post numbers', 'update the runbook\u2019s '
                                                           'rollback section', 'confirm <24h> freeze window with CAB']))])
    return (F('<h2>⟦d⟧ &ndash; ⟦tp⟧</h2>\n<h3>Attendees</h3>\n<ul>⟦a⟧</ul>\n<h3>Discussion</h3>\n<p>Queue depth peaked at '
              '⟦q⟧ messages during the 02:00 batch; no data loss. We&rsquo;ll keep the &quot;skip &amp; park&quot; rule.</p>\n'
              '<h3>Action items</h3>\n<ac:task-list>⟦tk⟧</ac:task-list>\n', d=t.strftime('%Y-%m-%d'), tp=e_html(topic), a=att,
              q=rng.randint(200, 40000), tk=tasks))


@tpl('meeting_notes', 'json_adf_meeting_notes', 2)
def c_adf_notes(rng):
    ppl = attendees(rng, 3)
    t = rand_dt(rng)

    def mention(x):
        return O(('type', 'mention'), ('attrs', O(('id', '712020:' + uuid(rng)), ('text', F('@⟦n⟧', n=C(x.name, 'person_name'))))))
    doc = O(('version', 1), ('type', 'doc'), ('content', [
        O(('type', 'heading'), ('attrs', {'level': 2}), ('content', [O(('type', 'text'), ('text', rng.choice(TOPICS)))])),
        O(('type', 'paragraph'), ('content', [O(('type', 'text'), ('text', 'Date: ')),
                                              O(('type', 'date'), ('attrs', {'timestamp': str(ms_epoch(t))}))])),
        O(('type', 'paragraph'), ('content', [O(('type', 'text'), ('text', 'Attendees: '))] + [mention(x) for x in ppl])),
        O(('type', 'taskList'), ('attrs', {'localId': uuid(rng)}), ('content', [
            O(('type', 'taskItem'), ('attrs', O(('localId', uuid(rng)), ('state', 'TODO'))),
              ('content', [mention(ppl[0]), O(('type', 'text'), ('text', ' to raise the \u201cmax connections\u201d limit to 60'))]))])),
        O(('type', 'paragraph'), ('content', [O(('type', 'status'), ('attrs', O(('text', 'ON TRACK'), ('color', 'green'))))]))]))
    return F('ADF body of the meeting-notes page (from the v2 pages API, body-format=atlas_doc_format):\n\n') + jdump(doc, indent=2) + '\n'


@tpl('meeting_notes', 'json_slack_export_standup', 2)
def c_slack(rng):
    ppl = attendees(rng, 3)
    t = rand_dt(rng)
    ids = ['U0%s' % letters(rng, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in ppl]
    msgs = []
    texts = ['Standup \U0001F9F5 \u2013 yesterday: finished the ACK timeout fix; today: soak test on <https://jenkins.internal/job/mllp-soak/412/|#412>',
             'blocked on the firewall change for 10.40.2.18:6661, CHG%s is with network' % digits(rng, 7),
             'I\u2019ll take the runbook update :white_check_mark:']
    for i, (x, uid, tx) in enumerate(zip(ppl, ids, texts)):
        msgs.append(O(('type', 'message'), ('user', uid), ('text', tx if i else F('<@⟦u⟧> ', u=ids[1]) + tx),
                      ('ts', '%d.%06d' % (ms_epoch(t) // 1000 + i * 60, rng.randint(0, 999999))),
                      ('user_profile', O(('real_name', C(x.name, 'person_name')), ('display_name', C(x.handle, 'person_name'))))))
    d = jdump(msgs, indent=4, ascii=True).pmap(lambda s: s.replace('/', '\\/'))
    return F('From the workspace export (integration-standup/⟦d⟧.json):\n\n', d=t.strftime('%Y-%m-%d')) + d + '\n'


@tpl('meeting_notes', 'qp_html_newsletter', 2)
def c_newsletter(rng):
    org = rng.choice(ORGS)
    s1, s2 = staff(rng), staff(rng)
    br = rng.choice(BRIDGES)
    h = F('<html><body><table width="600" style="font-family:Segoe UI,Arial"><tr><td>\n<h1 style="color:#005a9c">IT Connect '
          '&ndash; ⟦m⟧ edition</h1>\n<p>Welcome to ⟦n1⟧, our new interface analyst, who joins from the lab systems team. '
          'Reach the service desk at ⟦ph⟧ or <a href="mailto:⟦e⟧">⟦e⟧</a>.</p>\n<p>Town hall: Thursday 3 pm, dial ⟦b⟧, '
          'conference ID ⟦c⟧. Questions for ⟦n2⟧ can go in the form.</p>\n<p>Our new data center is at 4100 Commerce Park Dr, '
          'Building C.</p>\n</td></tr></table></body></html>\n', m=rand_day(rng).strftime('%B %Y'), n1=C(s1.name, 'person_name'),
          ph=C('(%s) %s-%s' % (s2.ph.a, s2.ph.x, s2.ph.n), 'staff_contact'), e=C('servicedesk@' + org[1], 'staff_contact'),
          b=br[0], c=br[1], n2=C(s2.name, 'person_name'))
    return (F('Subject: IT Connect newsletter\nFrom: IT Communications <⟦d⟧>\nMIME-Version: 1.0\n'
              'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n\n',
              d=C('itcomms@' + org[1], 'staff_contact')) + qp(h))


@tpl('meeting_notes', 'url_google_calendar_links', 2)
def c_gcal(rng):
    ppl = attendees(rng, 3)
    rows = []
    for topic in rng.sample(TOPICS, 3):
        t = rand_dt(rng)
        br = rng.choice(BRIDGES)
        details = F('Dial-in: ⟦b⟧ PIN ⟦p⟧\nOwner: ⟦o⟧', b=br[0], p=br[1], o=C(rng.choice(ppl).name, 'person_name'))
        url = F('https://calendar.google.com/calendar/render?action=TEMPLATE&text=⟦t⟧&dates=⟦d⟧&details=⟦de⟧&location=⟦l⟧',
                t=urllib.parse.quote_plus(topic), d=urllib.parse.quote('%s/%s' % (t.strftime('%Y%m%dT%H0000Z'),
                                                                                 (t + dt.timedelta(hours=1)).strftime('%Y%m%dT%H0000Z')), safe=''),
                de=details.enc('url_plus'), l=urllib.parse.quote_plus('Conf Rm 4B / Google Meet'))
        rows.append(F('| ⟦t⟧ | [Add to calendar|⟦u⟧] |', t=topic, u=url))
    return F('h2. Recurring integration meetings\n||Meeting||Link||\n') + join('\n', rows) + '\n'


@tpl('meeting_notes', 'md_retro_escaped', 2)
def c_retro(rng):
    ppl = attendees(rng, 4)
    return (F('\\# Sprint ⟦n⟧ retro\n\n**Facilitator:** @⟦f⟧\n\n\\#\\# Went well\n\\* Zero sev-1s \u2013 thanks @⟦a⟧\n'
              '\\* `mllp\\_relay` p99 under 40 ms\n\n\\#\\# To improve\n\\* test data: stop copying from prod; use ZZTEST\\_\\* patients only\n'
              '\\* flaky `test\\_ack\\_timeout` \\(3/10 runs\\)\n\n\\#\\# Actions\n\\- \\[ \\] @⟦b⟧ add a pre-commit hook that blocks `\\*.hl7` files\n',
              n=rng.randint(40, 120), f=C(ppl[0].handle, 'person_name'), a=C(ppl[1].handle, 'person_name'),
              b=C(ppl[2].handle, 'person_name')))


@tpl('meeting_notes', 'plain_meeting_notes', 2)
def c_plain_notes(rng):
    ppl = attendees(rng, 4)
    br = rng.choice(BRIDGES)
    t = rand_dt(rng)
    return F('⟦tp⟧ \u2013 notes ⟦d⟧\nAttendees: ⟦a⟧\nBridge: ⟦b⟧ / ID ⟦c⟧\n\n- Cut-over moved to Saturday 22:00; freeze from Friday noon\n'
             '- ⟦x⟧ owns the rollback plan; ⟦y⟧ to confirm vendor support line (1-800-624-0756, contract 7781-A)\n'
             '- 1,284 test messages replayed in UAT, 3 NAKs (all ZZTEST patients, expected)\n',
             tp=rng.choice(TOPICS), d=t.strftime('%m/%d'), a=join(', ', [C(x.name, 'person_name') for x in ppl]),
             b=br[0], c=br[1], x=C(ppl[1].given, 'person_name'), y=C(ppl[2].given, 'person_name'))


@tpl('meeting_notes', 'plain_vtt_transcript', 2)
def c_vtt(rng):
    ppl = attendees(rng, 3)
    sec = 0
    said = ['Okay, let\u2019s start, we have thirty minutes.', 'The ACK backlog cleared at about two a.m.',
            'Do we still need the Saturday window?', 'Yes, the vendor wants it for the certificate swap.',
            'I\u2019ll send the calendar hold after this.']
    out = D([Seg('WEBVTT\n\n')])
    for i, s in enumerate(said):
        x = ppl[i % 3]
        a, b = sec, sec + rng.randint(3, 9)
        sec = b + 1
        out = out + F('⟦i⟧\n00:00:⟦a⟧.000 --> 00:00:⟦b⟧.000\n<v ⟦n⟧>⟦s⟧</v>\n\n', i=i + 1, a='%02d' % a, b='%02d' % b,
                      n=C(x.name, 'person_name'), s=s)
    return F('Auto-generated transcript (meeting_recording.vtt):\n\n') + out


# ============================== clean: validator_diff ==============================
TEST_PID = 'PID|1||T0001^^^TEST^MR||ZZTEST^PATIENT^A||19000101|U|||1 TEST ST^^TESTVILLE^ZZ^00000||^PRN^PH^^1^555^0100'


def plain_diff(old, new, path, rng):
    return udiff(D([Seg(old)]) if old else None, D([Seg(new)]), path, rng=rng)


BAD_SSNS = ['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '987-65-4320', '078-05-1120',
            '912-34-5678', '000-00-0000']
FICT_PHONES = ['555-0100', '555-0142', '555-0187', '555-0199', '(555) 555-0123', '555-0111']


@tpl('validator_diff', 'code_java_validator_hl7_literal', 2)
def c_java_val(rng):
    old = ('class PidValidatorTest {\n    private static final String MSG =\n        "MSH|^~\\\\&|TEST|TEST|MPI|TEST|20260101000000||ADT^A04|T1|T|2.5.1\\r"\n'
           '        + "%s\\r";\n\n    @Test void acceptsTestPatient() { assertTrue(v.validate(MSG).ok()); }\n}\n' % TEST_PID)
    bad = ', '.join('"%s"' % x for x in rng.sample(BAD_SSNS, rng.randint(3, 6)))
    new = old.replace('    @Test void acceptsTestPatient()',
                      '    @ParameterizedTest\n    @ValueSource(strings = {%s})\n' % bad
                      + '    void rejectsInvalidSsn(String ssn) { assertFalse(SsnRule.isValid(ssn)); }\n\n'
                      '    @Test void acceptsDocumentedExample() { assertTrue(SsnRule.isWellFormed("123-45-6789")); }\n\n    @Test void acceptsTestPatient()')
    return pr_head(rng, 'PidValidator: reject SSNs outside SSA ranges') + plain_diff(old, new, 'src/test/java/org/example/hl7/PidValidatorTest.java', rng)


@tpl('validator_diff', 'code_pytest_json_dumps_vectors', 2)
def c_pytest(rng):
    new = ('import json\n\nCASES = [\n    ({"name": "Jane Doe", "ssn": "123-45-6789"}, False),   # documented example, never valid\n'
           '    ({"name": "ZZTEST, PATIENT", "phone": "%s"}, False),\n' % rng.choice(FICT_PHONES)
           + '    ({"name": "John Q Public", "dob": "%s"}, False),  # impossible date\n' % rng.choice(['1900-02-30', '2026-13-01', '0000-00-00'])
           + '    ({"name": "caf\\u00e9 \\ud83d\\ude00", "mrn": "T0000000"}, False),\n]\n\n\n'
           '@pytest.mark.parametrize("payload,expected", CASES)\ndef test_detector_ignores_fixtures(payload, expected):\n'
           '    text = json.dumps(payload)  # ensure_ascii=True -> "\\\\u00e9"\n    assert bool(scan(text)) is expected\n')
    return pr_head(rng, 'tests: run the fixture cases through json.dumps too') + plain_diff('', new, 'tests/test_fixture_payloads.py', rng)


@tpl('validator_diff', 'code_jest_url_encoding', 2)
def c_jest(rng):
    old = "describe('encodeQuery', () => {\n  it('encodes spaces', () => {\n    expect(encodeQuery({ q: 'a b' })).toBe('q=a%20b');\n  });\n});\n"
    new = old.replace("  });\n});", "  });\n\n  it('encodes the documented test patient', () => {\n"
                      "    expect(encodeQuery({ family: 'Doe', given: 'Jane', phone: '(555) 010-0199' }))\n"
                      "      .toBe('family=Doe&given=Jane&phone=%28555%29%20010-0199');\n  });\n\n"
                      "  it('keeps + as %2B', () => {\n    expect(encodeQuery({ tel: '+1 555 0100' })).toBe('tel=%2B1%20555%200100');\n  });\n});")
    return pr_head(rng, 'encodeQuery: cover + and parentheses') + plain_diff(old, new, 'web/src/__tests__/encodeQuery.test.ts', rng)


@tpl('validator_diff', 'code_go_table_test_escapes', 2)
def c_go(rng):
    old = ('var mrnCases = []struct {\n\tin   string\n\twant bool\n}{\n\t{"T0000001", true},\n\t{"", false},\n}\n')
    new = old.replace('\t{"", false},\n', '\t{"", false},\n\t{"T0000001\\n", false},\n\t{"\\tT0000001", false},\n'
                      '\t{"ZZTEST\\u00a0T0000001", false},\n\t{"T000000\\x00", false},\n')
    return pr_head(rng, 'mrn: reject control characters') + plain_diff(old, new, 'internal/validate/mrn_test.go', rng)


@tpl('validator_diff', 'code_csharp_verbatim_test', 2)
def c_cs_val(rng):
    new = ('public class MbiRuleTests\n{\n    private const string Payload = @"{ ""mbi"": ""1EG4-TE5-MK73"", ""npi"": ""1234567893"" }";\n\n'
           '    [Theory]\n    [InlineData("1EG4-TE5-MK73", true)]   // CMS documentation example\n    [InlineData("1SG4-TE5-MK73", false)]  // S not allowed\n'
           '    [InlineData("0EG4-TE5-MK73", false)]  // first char 1-9\n    public void Validates(string mbi, bool ok) => Assert.Equal(ok, MbiRule.IsValid(mbi));\n}\n')
    return pr_head(rng, 'MBI rule + verbatim payload test') + plain_diff('', new, 'tests/Rules.Tests/MbiRuleTests.cs', rng)


@tpl('validator_diff', 'sql_check_constraint_fixture', 2)
def c_sql_val(rng):
    old = "-- fixtures for ck_patient_dob\nINSERT INTO test.patient (mrn, family, given, dob) VALUES ('T0000001', 'ZZTEST', 'PATIENT', '1900-01-01');\n"
    new = old + ("INSERT INTO test.patient (mrn, family, given, dob) VALUES ('T0000002', 'ZZTEST', 'O''QUOTE', '1900-01-02');  -- quote escaping\n"
                 "-- must fail: DOB in the future\nINSERT INTO test.patient (mrn, family, given, dob) VALUES ('T0000003', 'ZZTEST', 'FUTURE', '2999-12-31');\n"
                 "SELECT set_config('app.note', 'it''s a fixture', false);\n")
    return pr_head(rng, 'add quote-escaping and future-DOB fixtures') + plain_diff(old, new, 'db/test/fixtures/ck_patient_dob.sql', rng)


@tpl('validator_diff', 'yaml_test_vectors_block', 2)
def c_yaml_vec(rng):
    new = ('# documented, never-real values used by the detector tests\nphones:\n  valid_format_but_fictional: [%s]\n'
           % ', '.join('"%s"' % x for x in rng.sample(FICT_PHONES, 3))
           + 'ssn:\n  documented_example: "123-45-6789"\n  invalid: [%s]\n' % ', '.join("'%s'" % x for x in rng.sample(BAD_SSNS, 3))
           + 'mbi:\n  cms_example: "1EG4-TE5-MK73"\nnpi:\n  cms_example: "1234567893"\nhl7: |\n'
           '  MSH|^~\\&|TEST|TEST|TEST|TEST|20260101||ADT^A08|T2|T|2.5.1\n  ' + TEST_PID + '\n'
           'fhir_example_patient: |\n  {"resourceType": "Patient", "id": "example", "name": [{"family": "Doe", "given": ["Jane"]}]}\n')
    return pr_head(rng, 'centralise test vectors') + plain_diff('', new, 'testdata/vectors.yaml', rng)


@tpl('validator_diff', 'props_regex_messages', 2)
def c_props(rng):
    old = ('# validator messages\nvalidator.ssn.pattern=^\\\\d{3}-\\\\d{2}-\\\\d{4}$\nvalidator.ssn.message=SSN must look like 123-45-6789\n')
    new = old + ('validator.phone.pattern=^\\\\(?\\\\d{3}\\\\)?[ -.]?\\\\d{3}-\\\\d{4}$\nvalidator.phone.example=(555) 010-0100\n'
                 'validator.name.message.fr=Nom invalide \\: caract\\u00e8res non autoris\\u00e9s\nvalidator.url.example=https\\://portal.example.org/p?id\\=TEST\n')
    return pr_head(rng, 'i18n: French messages, phone example') + plain_diff(old, new, 'src/main/resources/ValidationMessages.properties', rng)


@tpl('validator_diff', 'plain_ssn_validator_diff', 2)
def c_plain_ssn(rng):
    old = 'def is_valid_ssn(s):\n    d = re.sub(r"\\D", "", s)\n    return len(d) == 9\n'
    new = ('def is_valid_ssn(s):\n    d = re.sub(r"\\D", "", s)\n    if len(d) != 9 or d == "123456789":  # documented example\n        return False\n'
           '    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])\n    return 0 < area < 900 and area != 666 and group > 0 and serial > 0\n\n\n'
           + ''.join('assert not is_valid_ssn("%s")\n' % x for x in rng.sample(BAD_SSNS, rng.randint(3, 5))))
    return pr_head(rng, 'SSN: area/group/serial rules') + plain_diff(old, new, 'phi_rules/ssn.py', rng)


@tpl('validator_diff', 'plain_phone_validator_diff', 2)
def c_plain_phone(rng):
    old = 'FICTIONAL = re.compile(r"555-01\\d\\d")\n'
    new = ('FICTIONAL = re.compile(r"\\b555-01\\d\\d\\b")\n\n# NANP: area and exchange cannot start with 0/1, exchange cannot be N11\n'
           'EXAMPLES_OK = [%s]\nEXAMPLES_BAD = [%s]\n' % (', '.join('"%s"' % x for x in rng.sample(FICT_PHONES, 3)), ', '.join(
               '"%s"' % x for x in rng.sample(['(123) 456-7890', '(212) 011-4567', '000-000-0000', '(911) 555-1234', '1-800-NOT-REAL'], 3))))
    return pr_head(rng, 'phone: anchor fictional range') + plain_diff(old, new, 'phi_rules/phone.py', rng)


# ============================== clean: release_notes ==============================
def version(rng):
    return '%d.%d.%d' % (rng.randint(1, 9), rng.randint(0, 30), rng.randint(0, 20))


CHANGES = ['MLLP listener: configurable ACK timeout (default 30 s)', 'EMPI: match threshold raised from 0.82 to 0.86',
           'FHIR bridge: Encounter.period now uses the facility time zone', 'Claims: 835 posting retries on HTTP 429',
           'Portal: password reset e-mails throttled to 3/hour', 'Fixed NPE when PV1-7 is empty',
           'Upgraded HAPI FHIR to 7.4.0 and Spring Boot to 3.3.5', 'Removed deprecated /v1/lookup endpoint',
           'Audit log now records the client IP of the calling service', 'CSV export: RFC 4180 quoting of multi-line cells']


@tpl('release_notes', 'qp_release_announcement', 2)
def c_qp_release(rng):
    v = version(rng)
    s = staff(rng)
    org = rng.choice(ORGS)
    body = (F('Hello everyone,\n\nRelease ⟦v⟧ of the integration platform goes to production on ⟦d⟧ between 22:00 and 23:30 '
              '(CAB ref CHG⟦c⟧). Expect short reconnects on the MLLP listeners; downstream systems will re-send any message that '
              'was not acknowledged. What\u2019s new:\n\n', v=v, d=rand_day(rng).strftime('%A, %B %d'), c=digits(rng, 7))
            + ''.join('\u2022 %s\n' % c for c in rng.sample(CHANGES, 4))
            + F('\nBuild ⟦b⟧, commit ⟦h⟧. Questions to ⟦n⟧ (⟦e⟧).\n', b=rng.randint(1000, 9999), h=hexid(rng, 12),
                n=C(s.name, 'person_name'), e=C(s.email, 'staff_contact')))
    return (F('From: Release Management <⟦d⟧>\nSubject: [Release] Integration platform ⟦v⟧\nContent-Type: text/plain; '
              'charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n', d=C('releases@' + org[1], 'staff_contact'), v=v) + qp(body))


@tpl('release_notes', 'json_github_release_api', 2)
def c_gh_release(rng):
    v = version(rng)
    body = ('## What\u2019s Changed\r\n' + join('', [F('* ⟦c⟧ by @⟦h⟧ in #⟦n⟧\r\n', c=c, h=C(staff(rng).handle, 'person_name'),
                                                       n=rng.randint(100, 999)) for c in rng.sample(CHANGES, 4)])
            + '\r\n**Full Changelog**: https://github.com/northbay/mllp-relay/compare/v%s...v%s' % (version(rng), v))
    s = staff(rng)
    obj = O(('url', 'https://api.github.com/repos/northbay/mllp-relay/releases/%d' % rng.randint(10 ** 8, 10 ** 9)),
            ('tag_name', 'v' + v), ('name', 'v' + v), ('draft', False), ('prerelease', False),
            ('author', O(('login', C(s.handle, 'person_name')), ('id', rng.randint(10 ** 6, 10 ** 8)), ('type', 'User'))),
            ('created_at', rand_dt(rng).strftime('%Y-%m-%dT%H:%M:%SZ')), ('body', body))
    return F('gh api repos/northbay/mllp-relay/releases/latest\n\n') + jdump(obj, indent=2) + '\n'


@tpl('release_notes', 'html_storage_release_page', 2)
def c_html_release(rng):
    v = version(rng)
    s = staff(rng)
    items = ''.join('<li>%s</li>' % e_html(c) for c in rng.sample(CHANGES, 5))
    return (F('<h1>Release ⟦v⟧</h1>\n<p>Owner: <ac:link><ri:user ri:username="⟦h⟧" /></ac:link> &middot; Status: '
              '<ac:structured-macro ac:name="status"><ac:parameter ac:name="title">DEPLOYED</ac:parameter></ac:structured-macro></p>\n'
              '<h2>Changes</h2>\n<ul>⟦i⟧</ul>\n<h2>Known issues</h2>\n<p>Messages with PID-7 &gt; today are still NAK&rsquo;d with AE; '
              'fix planned for ⟦n⟧.</p>\n<p>Counts after deploy: 41,882 messages/hour, 0.03&nbsp;% NAK rate.</p>\n',
              v=v, h=C(s.handle, 'person_name'), i=items, n=version(rng)))


@tpl('release_notes', 'yaml_helm_chart_changes', 2)
def c_helm(rng):
    v = version(rng)
    chg = ''.join('    - kind: %s\n      description: "%s"\n' % (rng.choice(['added', 'changed', 'fixed', 'security']), c.replace('"', '\\"'))
                  for c in rng.sample(CHANGES, 3))
    return ('Chart.yaml for the release PR:\n\n```yaml\napiVersion: v2\nname: hl7-router\nversion: %s\nappVersion: "%s"\n'
            'annotations:\n  artifacthub.io/changes: |\n%s  artifacthub.io/images: |\n    - name: hl7-router\n'
            '      image: registry.internal/hl7-router:%s@sha256:%s\n```\n' % (v, version(rng), chg, v, hexid(rng, 64)))


@tpl('release_notes', 'md_changelog_escaped', 2)
def c_md_changelog(rng):
    v = version(rng)
    return ('\\#\\# \\[%s\\] \u2013 %s\n\n\\#\\#\\# Fixed\n\\* `PidMapper` no longer drops PID\\-13 when the XTN has only \\_area code\\_\n'
            '\\* handle `\\r\\n` segment separators from the \\<lab\\> feed\n\n\\#\\#\\# Changed\n\\* %s\n\\* %s\n\n'
            '_Converted from Confluence; the exporter escapes Markdown characters._\n' % ((v, rand_day(rng).isoformat())
                                                                                       + tuple(e_md(c) for c in rng.sample(CHANGES, 2))))


@tpl('release_notes', 'json_jira_fixversion_issues', 2)
def c_jira_version(rng):
    v = version(rng)
    issues = [O(('key', tkey(rng, 'INTEG')), ('fields', O(('summary', c), ('status', {'name': 'Done'}),
                                                         ('assignee', O(('displayName', C(staff(rng).name, 'person_name'))))))) for c in rng.sample(CHANGES, 3)]
    obj = O(('version', O(('name', v), ('released', True), ('releaseDate', rand_day(rng).isoformat()),
                          ('description', 'Q4 platform release\nno schema changes'))), ('issues', issues))
    return F('Release bot payload (GET version + JQL fixVersion = ⟦v⟧):\n\n', v=v) + jdump(obj, indent=2) + '\n'


@tpl('release_notes', 'url_slack_webhook_form', 2)
def c_slack_hook(rng):
    v = version(rng)
    payload = jdump(O(('channel', '#releases'), ('username', 'deploy-bot'),
                      ('text', 'Deployed hl7-router v%s to prod (build %d) \u2013 %s' % (v, rng.randint(1000, 9999), rng.choice(CHANGES)))),
                    compact=True)
    return (F('The deploy job posts to Slack with curl; this is what went over the wire (form-encoded payload= parameter):\n\n'
              'POST /services/T0⟦a⟧/B0⟦b⟧/XXXXXXXXXXXXXXXXXXXXXXXX HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\npayload=',
              a=letters(rng, 8), b=letters(rng, 8)) + payload.enc('url_plus') + '\n')


@tpl('release_notes', 'xml_atom_feed_escaped_html', 2)
def c_atom(rng):
    entries = []
    for _ in range(2):
        v = version(rng)
        content = '<p>%s</p><ul>%s</ul>' % (e_html('Release %s & hotfixes' % v), ''.join('<li>%s</li>' % e_html(c) for c in rng.sample(CHANGES, 2)))
        entries.append('  <entry>\n    <title>v%s</title>\n    <updated>%s</updated>\n    <id>tag:github.com,2008:Repository/%d/v%s</id>\n'
                       '    <content type="html">%s</content>\n  </entry>' % (v, rand_dt(rng).strftime('%Y-%m-%dT%H:%M:%SZ'),
                                                                           rng.randint(10 ** 7, 10 ** 8), v, e_xml(content)))
    return ('releases.atom (HTML inside the feed is escaped once more):\n\n<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>Release notes from mllp-relay</title>\n' + '\n'.join(entries) + '\n</feed>\n')


@tpl('release_notes', 'plain_release_notes', 2)
def c_plain_release(rng):
    v = version(rng)
    return F('Release ⟦v⟧ \u2013 ⟦d⟧\n\n⟦c⟧\nTested by ⟦t⟧ in UAT (2,400 ZZTEST messages, 0 errors). Rollback: redeploy ⟦o⟧.\n',
             v=v, d=rand_day(rng).isoformat(), c=''.join('- %s\n' % c for c in rng.sample(CHANGES, 5)),
             t=C(staff(rng).name, 'person_name'), o=version(rng))


@tpl('release_notes', 'plain_deploy_log', 2)
def c_plain_deploy(rng):
    t = rand_dt(rng)
    v = version(rng)
    lines = []
    for i, step in enumerate(['Pulling registry.internal/hl7-router:%s' % v, 'Draining listener 10.40.2.18:6661',
                              'Applying Flyway migrations V88..V91 (4 migrations)', 'Rolling restart 3/3 pods ready',
                              'Smoke test: 25 ZZTEST messages sent, 25 ACK AA', 'Deployment complete']):
        lines.append('%s INFO  deploy[%d] %s' % ((t + dt.timedelta(seconds=i * 37)).strftime('%Y-%m-%dT%H:%M:%S'), rng.randint(1000, 9999), step))
    return '\n'.join(lines) + '\n'


# ============================== clean: clinical_rule ==============================
def rule_conds(rng, k):
    return rng.sample(CONDITIONS, k)


@tpl('clinical_rule', 'json_cds_hooks_discovery', 2)
def c_cds(rng):
    c = rule_conds(rng, 2)
    svc = O(('services', [O(
        ('hook', 'order-sign'), ('id', 'beers-criteria-%d' % rng.randint(1, 9)), ('title', 'Potentially inappropriate medication in older adults'),
        ('description', F('Fires for patients aged 65 and older; stronger wording for patients aged 90 and older with ⟦c⟧.',
                          c=C(c[0][0], 'condition'))),
        ('prefetch', O(('patient', 'Patient/{{context.patientId}}'),
                       ('conditions', 'Condition?patient={{context.patientId}}&clinical-status=active'),
                       ('meds', 'MedicationRequest?patient={{context.patientId}}&status=active'))),
        ('usageRequirements', F('Card detail is Markdown:\n**Avoid** ⟦m⟧ when eGFR < 30 mL/min/1.73m\u00b2.\n'
                                 '_Source: AGS Beers Criteria\u00ae 2023_', m=C(rng.choice(MEDS), 'medication'))))]))
    return F('GET https://cds.internal/cds-services (discovery response):\n\n') + jdump(svc, indent=2) + '\n'


@tpl('clinical_rule', 'json_cql_translate_request', 2)
def c_cql(rng):
    c = rule_conds(rng, 1)[0]
    cql = F('library HighRiskA1c version \'1.2.0\'\nusing FHIR version \'4.0.1\'\nvalueset "Diabetes": \'http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001\'\n'
            'context Patient\ndefine "In Population":\n  AgeInYears() >= 18 and AgeInYears() < 90\n  and exists [Condition: "Diabetes"]\n'
            'define "Numerator":\n  "Most Recent A1c".value > 9 \'%\'\n// excludes ⟦c⟧ (⟦i⟧)\n', c=C(c[0], 'condition'), i=C(c[1], 'diagnosis_code'))
    obj = O(('cql', cql), ('options', O(('annotations', True), ('locators', True), ('signatures', 'Overloads'))))
    return (F('Translator returns 400 for this request (POST /cql/translator, JSON body with the library as a string):\n\n')
            + jdump(obj, indent=2) + '\n')


@tpl('clinical_rule', 'html_rule_page_entities', 2)
def c_html_rule(rng):
    cs = rule_conds(rng, 3)
    rows = join('\n', [F('<tr><td>⟦c⟧</td><td>⟦i⟧</td><td>⟦a⟧</td><td>⟦m⟧</td></tr>', c=C(c[0], 'condition').enc('html'),
                         i=C(c[1], 'diagnosis_code'), a=rng.choice(['&ge; 18 years', '&ge; 65 years', '&ge; 90 years', '&lt; 18 years']),
                         m=C(rng.choice(MEDS), 'medication')) for c in cs])
    return (F('<h2>Fall-risk &amp; deprescribing alert &ndash; rule logic</h2>\n<p>Population: adults &ge; 65; patients aged '
              '90 and older get the high-risk banner. Exclusions: hospice &amp; comfort care.</p>\n'
              '<table><tbody><tr><th>Condition</th><th>ICD-10</th><th>Age</th><th>Medication</th></tr>\n') + rows
            + '\n</tbody></table>\n<p>Reviewed by the P&amp;T committee, v3.2.</p>\n')


@tpl('clinical_rule', 'url_fhir_valueset_queries', 2)
def c_url_rule(rng):
    qs = ['/R4/ValueSet/$expand?url=' + urllib.parse.quote('http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001', safe='') + '&filter=diabet',
          '/R4/Observation?code=' + urllib.parse.quote('http://loinc.org|4548-4', safe='') + '&value-quantity=gt9' + urllib.parse.quote('|http://unitsofmeasure.org|%', safe='') + '&_summary=count',
          '/R4/Patient?birthdate=le1936-12-31&_summary=count',
          '/R4/Condition?code=' + urllib.parse.quote('http://hl7.org/fhir/sid/icd-10-cm|N18.32', safe='') + '&_summary=count']
    return ('Queries the dashboard uses to size the rule population (counts only, no identifiers returned):\n\n'
            + '\n'.join('GET %s' % q for q in qs) + '\n\n'
            + F('Result: ⟦a⟧ patients aged 90 and older, ⟦b⟧ with ⟦c⟧.\n', a='{:,}'.format(rng.randint(300, 5000)),
                b='{:,}'.format(rng.randint(1000, 40000)), c=C('CKD stage 3b', 'condition')))


@tpl('clinical_rule', 'yaml_rule_block_scalars', 2)
def c_yaml_rule(rng):
    c = rule_conds(rng, 1)[0]
    m = rng.choice(['apixaban 5 mg', 'warfarin', 'rivaroxaban 20 mg', 'dabigatran 150 mg'])
    return (F('rules/anticoag-renal.yaml\n\n```yaml\nid: anticoag-renal-dose\nseverity: high\npopulation:\n  min_age: 18\n  '
              'banner_age: 90   # patients aged 90 and older\ntrigger:\n  medication: "⟦m⟧"\n  lab: eGFR\n  below: 30\nmessage: |\n'
              '  Consider dose reduction of ⟦m2⟧.\n  Patients with ⟦c⟧ (⟦i⟧) need pharmacy review.\n  Ref: FDA label, section 2.4\n```\n',
              m=C(m, 'medication'), m2=C(m.split()[0], 'medication'), c=C(c[0], 'condition'), i=C(c[1], 'diagnosis_code')))


@tpl('clinical_rule', 'sql_rule_seed_escaped', 2)
def c_sql_rule(rng):
    extra = [("Alzheimer's disease", 'G30.9'), ("Crohn's disease", 'K50.90'), ("Parkinson's disease", 'G20.A1')]
    rows = []
    for n, code in rng.sample(extra, 2) + [(c[0], c[1]) for c in rule_conds(rng, 2)]:
        rows.append(F("  ('⟦c⟧', '⟦n⟧', ⟦a⟧)", c=C(code, 'diagnosis_code'), n=C(n, 'condition').enc('sql'), a=rng.choice([18, 65, 90])))
    return ('-- V12__seed_rule_conditions.sql (reference data, no patients)\nINSERT INTO cds.rule_condition (icd10, label, min_age) VALUES\n'
            + join(',\n', rows) + ';\n')


@tpl('clinical_rule', 'code_java_rule_messages', 2)
def c_java_rule(rng):
    c = rule_conds(rng, 1)[0]
    return (F('```java\npublic final class SepsisScreenRule implements Rule {\n    static final String TITLE = "Possible sepsis \\u2013 review within 1 h";\n'
              '    static final String DETAIL = "Criteria: temp > 38.3 \\u00b0C or < 36 \\u00b0C,\\n"\n        + "HR > 90, RR > 20; '
              'lactate \\u2265 2 mmol/L.\\n"\n        + "Not shown for patients aged 90 and older on comfort care.";\n'
              '    static final String CODE = "⟦i⟧"; // ⟦c⟧\n}\n```\n', i=C(c[1], 'diagnosis_code'), c=C(c[0], 'condition')))


@tpl('clinical_rule', 'json2_rules_engine_metrics', 2)
def c_rule_log(rng):
    t = rand_dt(rng)
    inner = jdump(O(('rule', 'fall-risk-v3'), ('evaluated', rng.randint(10000, 90000)), ('fired', rng.randint(100, 3000)),
                    ('by_age_band', O(('18-64', rng.randint(10, 900)), ('65-89', rng.randint(100, 2000)), ('90+', rng.randint(10, 400)))),
                    ('p95_ms', rng.randint(4, 80))), compact=True)
    line = jdump(O(('time', iso_ms(t)), ('level', 'info'), ('msg', inner), ('host', server_ip(rng))), compact=True)
    return F('Nightly summary line from the rules engine (the message field is itself JSON):\n\n') + line + '\n'


@tpl('clinical_rule', 'plain_rule_page', 2)
def c_plain_rule(rng):
    cs = rule_conds(rng, 3)
    return (F('Rule: Hypoglycemia risk in older adults (v2)\nPopulation: patients aged 65 and older on ⟦m⟧; patients aged 90 '
              'and older always get a pharmacist consult.\nInclusion codes:\n', m=C('insulin glargine', 'medication'))
            + join('', [F('  ⟦i⟧  ⟦c⟧\n', i=C(c[1], 'diagnosis_code'), c=C(c[0], 'condition')) for c in cs])
            + 'Threshold: two glucose results < 70 mg/dL within 24 h.\nOwner: Clinical Decision Support committee\n')


@tpl('clinical_rule', 'plain_dose_table', 2)
def c_plain_dose(rng):
    return (F('Renal dose adjustment \u2013 ⟦m⟧\n\nCrCl (mL/min)   Dose\n> 50            5 mg twice daily\n25\u201350           '
              '5 mg twice daily (reduce to 2.5 mg if age \u2265 80 and weight \u2264 60 kg)\n< 25            not recommended\n\n'
              'NDC 0003-0894-21 (5 mg tablets). Last reviewed 2026 by P&T.\n', m=C('apixaban', 'medication')))


# ============================== clean: oncall_directory ==============================
ROLES = ['Interface Engine', 'EMPI / Registration', 'Lab Systems', 'Claims / RCM', 'Portal', 'Network', 'DBA', 'Radiology PACS']


def crew(rng, k, accented=False):
    seen, out = set(), []
    if accented:
        g, f = rng.choice([x for x in STAFF if not (x[0] + x[1]).isascii()])
        s = staff(rng)
        s.given, s.family, s.name = g, f, '%s %s' % (g, f)
        s.handle = (fold(g)[0] + fold(f)).lower().replace("'", '')
        s.email = '%s@%s' % (s.handle, s.org[1])
        seen.add(s.name)
        out.append(s)
    while len(out) < k:
        s = staff(rng)
        if s.name not in seen:
            seen.add(s.name)
            out.append(s)
    return out


@tpl('oncall_directory', 'json_pagerduty_oncalls', 2)
def c_pd(rng):
    t = rand_dt(rng)
    ons = []
    for s, role in zip(crew(rng, 3), rng.sample(ROLES, 3)):
        ons.append(O(('escalation_policy', O(('summary', role + ' escalation'))), ('escalation_level', rng.randint(1, 2)),
                     ('user', O(('id', 'P' + letters(rng, 6)), ('summary', C(s.name, 'person_name')), ('email', C(s.email, 'staff_contact')),
                                ('contact_methods', [O(('type', 'phone_contact_method'), ('country_code', 1),
                                                       ('address', C(s.ph.a + s.ph.x + s.ph.n, 'staff_contact')))]))),
                     ('start', t.strftime('%Y-%m-%dT08:00:00Z')), ('end', (t + dt.timedelta(days=7)).strftime('%Y-%m-%dT08:00:00Z'))))
    return F('GET https://api.pagerduty.com/oncalls?include[]=users&include[]=contact_methods\n\n') + jdump(O(('oncalls', ons)), indent=2) + '\n'


@tpl('oncall_directory', 'qp_vcard_contacts', 2)
def c_vcard(rng):
    cards = D()
    for s in crew(rng, rng.randint(2, 4), accented=True):
        nm = F('⟦f⟧;⟦g⟧', f=C(s.family, 'person_name').enc('qpc'), g=C(s.given, 'person_name').enc('qpc'))
        fn = C(s.name, 'person_name').enc('qpc')
        cards = cards + F('BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:⟦n⟧;;;\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:⟦fn⟧\n'
                          'ORG:⟦o⟧;Integration Services\nTITLE:On-call ⟦r⟧\nTEL;WORK;VOICE:⟦w⟧\nTEL;PAGER:⟦pg⟧\nEMAIL;INTERNET:⟦e⟧\nEND:VCARD\n',
                          n=nm, fn=fn, o=C(s.org[0], 'facility'), r=rng.choice(ROLES), w=C(s.ph.fmt('paren'), 'staff_contact'),
                          pg=C('%s-%s' % (s.ph.a, digits(rng, 4)), 'staff_contact'), e=C(s.email, 'staff_contact'))
    return F('oncall-contacts.vcf exported from the shared Outlook folder (vCard 2.1, quoted-printable names):\n\n') + cards


@tpl('oncall_directory', 'ldif_ldap_export_escaped', 2)
def c_ldif(rng):
    out = D()
    for s in crew(rng, rng.randint(2, 3), accented=True):
        cn_esc = C(s.family + ', ' + s.given, 'person_name').enc('ldapdn')
        out = out + F('dn: cn=⟦cn⟧,ou=OnCall,ou=IT,dc=⟦d⟧,dc=org\nobjectClass: inetOrgPerson\ncn: ⟦cn2⟧\nsn: ⟦sn⟧\n'
                      'telephoneNumber: ⟦ph⟧\npager: ⟦pg⟧\nmail: ⟦e⟧\ndescription: secondary for ⟦r⟧\n\n',
                      cn=cn_esc, d=s.org[1].split('.')[0], cn2=C(s.family + ', ' + s.given, 'person_name'), sn=C(s.family, 'person_name'),
                      ph=C(s.ph.fmt('plus'), 'staff_contact'), pg=C(digits(rng, 3) + '-' + digits(rng, 4), 'staff_contact'),
                      e=C(s.email, 'staff_contact'), r=rng.choice(ROLES))
    return F('ldapsearch -LLL -b "ou=OnCall,ou=IT,..." output (DN commas and non-ASCII are escaped as LDAP requires):\n\n') + out


@tpl('oncall_directory', 'env_oncall_config', 2)
def c_env(rng):
    a, b = crew(rng, 2)
    return (F('.env for the paging bridge (values are staff work contacts; the real file lives in Vault):\n\n'
              'ONCALL_PRIMARY_NAME="⟦an⟧"\nONCALL_PRIMARY_PHONE=⟦ap⟧\nONCALL_PRIMARY_EMAIL=⟦ae⟧\nONCALL_SECONDARY_NAME="⟦bn⟧"\n'
              'ONCALL_SECONDARY_PAGER=⟦bp⟧\nESCALATION_NOTE="After 15 min page the manager, ⟦mn⟧\\n(ext. ⟦x⟧)"\n'
              'TWILIO_FROM=⟦tw⟧\nLISTEN_ADDR=0.0.0.0:8080\n',
              an=C(a.name, 'person_name').enc('shdq'), ap=C(a.ph.fmt('e164'), 'staff_contact'), ae=C(a.email, 'staff_contact'),
              bn=C(b.name, 'person_name').enc('shdq'), bp=C(b.ph.a + digits(rng, 7), 'staff_contact'),
              mn=C(staff(rng).name, 'person_name'), x=C(str(rng.randint(2000, 7999)), 'staff_contact'), tw=C('+18332' + digits(rng, 6), 'staff_contact')))


@tpl('oncall_directory', 'html_confluence_oncall_table', 2)
def c_html_oncall(rng):
    rows = []
    for s, role in zip(crew(rng, 4), rng.sample(ROLES, 4)):
        rows.append(F('<tr><td>⟦r⟧</td><td>⟦n⟧</td><td>⟦c⟧</td><td>ext. ⟦x⟧</td><td>⟦e⟧</td></tr>', r=e_html(role),
                      n=C(s.name, 'person_name').enc('html_named'), c=C(s.ph.fmt('dash'), 'staff_contact'),
                      x=C(s.ext, 'staff_contact'), e=C(s.email, 'staff_contact')))
    return (F('<h2>IT on-call &ndash; week ⟦w⟧</h2>\n<p>Main switchboard (617) 555-0100 &middot; Service desk ext. 4357 (HELP)</p>\n'
              '<table><tbody><tr><th>Area</th><th>Primary</th><th>Work cell</th><th>Desk</th><th>E-mail</th></tr>\n', w=rng.randint(1, 52))
            + join('\n', rows) + '\n</tbody></table>\n')


@tpl('oncall_directory', 'csv_roster_doubled_quotes', 2)
def c_csv_oncall(rng):
    rows = []
    for s, role in zip(crew(rng, 4), rng.sample(ROLES, 4)):
        nick = rng.choice(['', ' ""%s""' % s.given[:3], ''])
        rows.append(F('"⟦r⟧","⟦n⟧⟦k⟧","⟦c⟧","⟦p⟧","⟦e⟧"', r=role, n=C(s.family + ', ' + s.given, 'person_name').enc('csv'), k=nick,
                      c=C(s.ph.fmt('paren'), 'staff_contact'), p=C(digits(rng, 3) + '-' + digits(rng, 4), 'staff_contact'),
                      e=C(s.email, 'staff_contact')))
    return ('"Area","Name","Work cell","Pager","Email"\n' + join('\n', rows) + '\n')


@tpl('oncall_directory', 'url_amion_schedule_links', 2)
def c_amion(rng):
    rows = []
    for s in crew(rng, 3):
        url = F('https://www.amion.com/cgi-bin/ocs?Lo=⟦lo⟧&Rsel=⟦r⟧&Blks=1&Syr=⟦y⟧&Name=⟦n⟧', lo=s.org[2].lower(),
                r=rng.randint(10, 400), y=TODAY.year, n=C(s.family + ', ' + s.given, 'person_name').enc('url_plus'))
        rows.append(F('* ⟦n⟧ \u2013 [schedule|⟦u⟧]', n=C(s.name, 'person_name'), u=url))
    return F('h3. Hospitalist and IT on-call schedules\n') + join('\n', rows) + '\n'


@tpl('oncall_directory', 'json_slack_users_ascii', 2)
def c_slack_users(rng):
    members = []
    for s in crew(rng, 3):
        members.append(O(('id', 'U0' + letters(rng, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')), ('name', C(s.handle, 'person_name')),
                         ('profile', O(('real_name', C(s.name, 'person_name')), ('title', 'On-call, ' + rng.choice(ROLES)),
                                       ('phone', C(s.ph.fmt('plus'), 'staff_contact')), ('email', C(s.email, 'staff_contact'))))))
    return F('users.list (trimmed) for the #oncall bot:\n\n') + jdump(O(('ok', True), ('members', members)), indent=2, ascii=True) + '\n'


@tpl('oncall_directory', 'plain_oncall_directory', 2)
def c_plain_oncall(rng):
    rows = []
    for s, role in zip(crew(rng, 5), rng.sample(ROLES, 5)):
        rows.append(F('⟦r⟧: ⟦n⟧, cell ⟦c⟧, pager ⟦p⟧\n', r=role, n=C(s.name, 'person_name'), c=C(s.ph.fmt('dot'), 'staff_contact'),
                      p=C(digits(rng, 3) + '-' + digits(rng, 4), 'staff_contact')))
    return F('IT ON-CALL \u2013 week of ⟦d⟧\n\n', d=rand_day(rng).strftime('%b %d')) + join('', rows) + 'Bridge for sev-1: +1 872-240-3311,,493812776#\n'


@tpl('oncall_directory', 'plain_facility_directory', 2)
def c_plain_fac(rng):
    out = D([Seg('Facility directory (main lines and mailing addresses)\n\n')])
    for org in rng.sample(ORGS, 3):
        out = out + F('⟦o⟧\n  Main: ⟦m⟧   Fax (HIM): ⟦f⟧\n  ⟦a⟧\n\n', o=C(org[0], 'facility'),
                      m=C(phone(rng).fmt('paren'), 'staff_contact'), f=C(phone(rng).fmt('paren'), 'staff_contact'),
                      a='%d %s, Suite %d' % (rng.randint(100, 9000), rng.choice(['Medical Center Dr', 'Hospital Way', 'Commerce Park Dr']),
                                             rng.randint(100, 500)))
    return out


# ----------------------------------------------------------------------------------------------
# Assembly, verification, statistics
# ----------------------------------------------------------------------------------------------
PHI_KINDS = {'person_name', 'street_address', 'zip_code', 'date', 'age_over_89', 'phone', 'email', 'ssn', 'mrn',
             'health_plan_id', 'medicare_mbi', 'account_number', 'license_number', 'vehicle_id', 'device_id', 'url',
             'ip_address', 'biometric_id', 'photo', 'other_id', 'credit_card'}
PHI_FAMILIES = ['jira_hl7', 'confluence_table', 'support_ticket', 'fhir_diff', 'sql_seed', 'clinical_note',
                'claims_csv', 'patient_email']
CLEAN_FAMILIES = ['java_stacktrace', 'meeting_notes', 'validator_diff', 'release_notes', 'clinical_rule',
                  'oncall_directory']


TEST_CARDS = {'4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '6011111111111117',
              '4000056655665556', '5105105105105100'}


def finalize(d):
    parts, spans, origs, b = [], [], [], 0
    for s in d.segs:
        n = len(s.text.encode('utf-8'))
        if s.label:
            spans.append({'start': b, 'end': b + n, 'label': s.label, 'kind': s.kind})
            origs.append((s.orig, s.chain))
        b += n
        parts.append(s.text)
    return ''.join(parts), spans, origs


def build():
    recs, meta = [], []
    counters = collections.Counter()
    for family, variant, n, phi, fn in TEMPLATES:
        for k in range(n):
            rng = random.Random('%d:%s:%d' % (SEED, variant, k))
            text, spans, origs = finalize(as_d(fn(rng)))
            recs.append({'family': family, 'phi': phi, 'variant': variant, 'text': text, 'spans': spans})
            meta.append(origs)
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    out, out_meta = [], []
    for i in order:
        r = recs[i]
        counters[r['family']] += 1
        out.append({'id': 'f18-%s-%04d' % (r['family'], counters[r['family']]), 'family': r['family'],
                    'phi': r['phi'], 'variant': r['variant'], 'text': r['text'], 'spans': r['spans']})
        out_meta.append(meta[i])
    return out, out_meta


def _tokch(ch):
    return ch.isalnum() or ch == '_'


def _char_at(b, i):
    """The character that starts at byte i (b is the UTF-8 text)."""
    j = i + 1
    while j < len(b) and (b[j] & 0xC0) == 0x80:
        j += 1
    return b[i:j].decode('utf-8')


def _char_before(b, i):
    j = i - 1
    while j > 0 and (b[j] & 0xC0) == 0x80:
        j -= 1
    return b[j:i].decode('utf-8')


def verify(rec, origs=None):
    errs = []
    t = rec['text']
    b = t.encode('utf-8')
    spans = rec['spans']
    if set(rec) != {'id', 'family', 'phi', 'variant', 'text', 'spans'}:
        errs.append('fields %s' % sorted(rec))
    prev = 0
    for sp in spans:
        s, e = sp['start'], sp['end']
        if set(sp) != {'start', 'end', 'label', 'kind'}:
            errs.append('span fields %s' % sp)
        if not (0 <= s < e <= len(b)):
            errs.append('bad offsets %s' % sp)
            continue
        if s < prev:
            errs.append('unsorted or overlapping at %d' % s)
        prev = e
        for i in (s, e):
            if i < len(b) and (b[i] & 0xC0) == 0x80:
                errs.append('offset %d inside a UTF-8 character' % i)
        st = b[s:e].decode('utf-8', 'replace')
        if s > 0 and _tokch(_char_before(b, s)) and _tokch(_char_at(b, s)):
            errs.append('start cuts a token: %r|%r' % (b[max(0, s - 12):s].decode('utf-8', 'replace'), st))
        if e < len(b) and _tokch(_char_before(b, e)) and _tokch(_char_at(b, e)):
            errs.append('end cuts a token: %r|%r' % (st, b[e:e + 12].decode('utf-8', 'replace')))
        if st != st.strip():
            errs.append('span has outer blanks: %r' % st)
        if sp['label'] not in ('phi', 'dont_care'):
            errs.append('label %s' % sp['label'])
        if sp['label'] == 'phi' and sp['kind'] not in PHI_KINDS:
            errs.append('phi kind %s' % sp['kind'])
        if sp['label'] == 'phi':
            errs.extend(value_errors(sp['kind'], st, origs[spans.index(sp)][0] if origs else None))
    has_phi = any(sp['label'] == 'phi' for sp in spans)
    if has_phi != rec['phi']:
        errs.append('phi flag %s but phi spans %s' % (rec['phi'], has_phi))
    if (rec['family'] in PHI_FAMILIES) != rec['phi']:
        errs.append('family %s with phi=%s' % (rec['family'], rec['phi']))
    if origs is not None:
        if len(origs) != len(spans):
            errs.append('span count differs from generation')
        else:
            for sp, (orig, chain) in zip(spans, origs):
                st = b[sp['start']:sp['end']].decode('utf-8')
                try:
                    dec = decode_chain(st, chain)
                except Exception as ex:  # noqa
                    dec = '<%s>' % ex
                if dec != orig:
                    errs.append('span %r decodes (%s) to %r, generated %r' % (st, '>'.join(chain), dec, orig))
    errs.extend(leak_errors(rec))
    if not rec['phi']:
        for m in re.finditer(r'(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w])', t):
            dgs = re.sub(r'\D', '', m.group())
            if len(dgs) in (15, 16) and luhn_ok(dgs) and dgs[0] in '3456' and dgs not in TEST_CARDS:
                errs.append('clean doc holds a Luhn-valid card-like number %s' % m.group())
    return errs


def value_errors(kind, st, orig):
    v = orig if orig is not None else st
    errs = []
    if kind == 'ssn' and not ssn_ok(v):
        errs.append('SSN outside valid ranges %s' % v)
    if kind == 'medicare_mbi' and not mbi_ok(v):
        errs.append('MBI breaks CMS rules %s' % v)
    if kind == 'credit_card' and not luhn_ok(v):
        errs.append('card fails Luhn %s' % v)
    if kind == 'phone':
        dg = re.sub(r'\D', '', v)
        if re.search(r'55501\d\d$', dg) or dg.startswith('555') and len(dg) == 7:
            errs.append('PHI phone in the 555 fiction range %s' % v)
    if kind == 'age_over_89':
        n = re.findall(r'\d+', v)
        if not n or int(n[0]) < 90:
            errs.append('age under 90 labelled %s' % v)
    return errs


def leak_errors(rec):
    """A labelled PHI value that also occurs unlabelled elsewhere in the same document."""
    b = rec['text'].encode('utf-8')
    covered = [(sp['start'], sp['end']) for sp in rec['spans']]
    errs = []
    for sp in rec['spans']:
        if sp['label'] != 'phi':
            continue
        v = b[sp['start']:sp['end']]
        if len(v) < 5 or sp['kind'] in ('date',) and len(v) < 8:
            continue
        i = b.find(v)
        while i >= 0:
            if not any(s <= i and i + len(v) <= e for s, e in covered):
                before = b[i - 1:i].decode('utf-8', 'ignore')
                after = b[i + len(v):i + len(v) + 1].decode('utf-8', 'ignore')
                if not (before and _tokch(before)) and not (after and _tokch(after)):
                    errs.append('PHI value %r also occurs unlabelled at byte %d' % (v.decode('utf-8'), i))
                    break
            i = b.find(v, i + 1)
    return errs


def check(path=OUT):
    recs = [json.loads(line) for line in open(path, encoding='utf-8')]
    gen, meta = build()
    errs = []
    if len(recs) != N_PHI + N_CLEAN:
        errs.append('%d records, expected %d' % (len(recs), N_PHI + N_CLEAN))
    nphi = sum(r['phi'] for r in recs)
    if nphi != N_PHI or len(recs) - nphi != N_CLEAN:
        errs.append('%d PHI / %d clean, expected %d / %d' % (nphi, len(recs) - nphi, N_PHI, N_CLEAN))
    ids = collections.Counter(r['id'] for r in recs)
    errs.extend('duplicate id %s' % i for i, c in ids.items() if c > 1)
    per_var = collections.Counter(r['variant'] for r in recs)
    errs.extend('variant %s has %d documents (max 3)' % (v, c) for v, c in per_var.items() if c > 3)
    if len(per_var) < 100:
        errs.append('only %d templates' % len(per_var))
    for fam in PHI_FAMILIES + CLEAN_FAMILIES:
        if not any(r['family'] == fam for r in recs):
            errs.append('family %s missing' % fam)
    if len(CULTURES) < 20:
        errs.append('only %d name cultures' % len(CULTURES))
    for i, r in enumerate(recs):
        o = meta[i] if i < len(gen) else None
        if i < len(gen) and gen[i] != r:
            errs.append('%s: differs from a fresh generation (span text or offsets do not match)' % r['id'])
            o = None
        for e in verify(r, o):
            errs.append('%s (%s): %s' % (r['id'], r['variant'], e))
    plain = collections.Counter((r['phi'], r['variant'].startswith('plain_')) for r in recs)
    for ph in (True, False):
        share = plain[(ph, True)] / max(1, plain[(ph, True)] + plain[(ph, False)])
        if not 0.12 <= share <= 0.28:
            errs.append('plain share of %s half is %.2f' % ('PHI' if ph else 'clean', share))
    for e in errs:
        print('ERROR', e)
    print('%s: %d records, %d PHI / %d clean, %d templates, %d spans (%d phi) - %s' % (
        os.path.relpath(path), len(recs), nphi, len(recs) - nphi, len(per_var),
        sum(len(r['spans']) for r in recs), sum(sp['label'] == 'phi' for r in recs for sp in r['spans']),
        'OK' if not errs else '%d problems' % len(errs)))
    return not errs


def stats(path=OUT):
    recs = [json.loads(line) for line in open(path, encoding='utf-8')]
    fam = collections.Counter((r['family'], r['phi']) for r in recs)
    print('documents per family:')
    for (f, ph), c in sorted(fam.items(), key=lambda x: (not x[0][1], x[0][0])):
        print('  %-18s %-5s %3d' % (f, 'PHI' if ph else 'clean', c))
    enc = collections.Counter((r['variant'].split('_')[0], r['phi']) for r in recs)
    print('documents per encoding (variant prefix):')
    for (e, ph), c in sorted(enc.items(), key=lambda x: (not x[0][1], -x[1])):
        print('  %-8s %-5s %3d' % (e, 'PHI' if ph else 'clean', c))
    kinds = collections.Counter((sp['label'], sp['kind']) for r in recs for sp in r['spans'])
    print('spans per label/kind:')
    for (lab, k), c in sorted(kinds.items()):
        print('  %-9s %-16s %4d' % (lab, k, c))
    shares = sorted(sum(sp['end'] - sp['start'] for sp in r['spans'] if sp['label'] == 'phi')
                    / max(1, len(r['text'].encode('utf-8'))) for r in recs if r['phi'])
    print('median PHI share of bytes: %.2f' % shares[len(shares) // 2])
    print('documents per variant:')
    for (f, v), c in sorted(collections.Counter((r['family'], r['variant']) for r in recs).items()):
        print('  %-18s %-44s %d' % (f, v, c))
    print('%d templates, %d name cultures' % (len({r['variant'] for r in recs}), len(CULTURES)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--out', default=OUT)
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.out) else 1)
    if a.stats:
        stats(a.out)
        return
    recs, meta = build()
    bad = 0
    for r, o in zip(recs, meta):
        for e in verify(r, o):
            bad += 1
            print('ERROR %s (%s): %s' % (r['id'], r['variant'], e), file=sys.stderr)
    with open(a.out, 'w', encoding='utf-8') as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('wrote %s: %d documents (%d PHI), %d templates%s' % (
        os.path.relpath(a.out), len(recs), sum(r['phi'] for r in recs), len(TEMPLATES),
        '' if not bad else ', %d problems' % bad))


if __name__ == '__main__':
    main()
