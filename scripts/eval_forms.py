#!/usr/bin/env python3
"""Fields right on renderings of seed 001 and on forms of other years.

    scripts/eval_forms.py [--bin NOMINA] [--seed FILE] [--details] [--hold-out GLOB ...] DIR

Converts every `r_LANG_N.txt` and `e_N.txt` of DIR (seed 001 with its labels
reworded) and every `y_*.txt` (a form of another year) with the given nomina
binary and counts the facts that come out right:

- renderings: every basic-info field of the nomination (its normalized
  value) and every answer's question, part and word limit, compared with
  seed 001's record converted by the same binary;
- forms of other years: every answer of DIR/expected.json's `years` entry for
  the file, under its own number, part and word limit, its prompt starting
  as expected, and the basic fields the entry gives.

Prints a line per file and per language (`en` for the English paraphrases,
`years` for the forms of other years). `--details` lists the facts that are
wrong, except for files matching a `--hold-out` pattern, which are counted
in the totals only: their text and their failures stay unread.
"""

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import OrderedDict

BASIC_SKIP = {"answers"}


def convert(binary, path):
    out = subprocess.run([binary, "convert", path], capture_output=True, check=False)
    lines = [line for line in out.stdout.decode("utf-8").splitlines() if line.strip()]
    if not lines:
        return None
    return json.loads(lines[0])


def nomination(record):
    if record is None:
        return {}
    return record.get("nomination") or {}


def answer_facts(answers):
    """(question, part, word_limit) of every answer, in order."""
    return [(a.get("question"), a.get("part"), a.get("word_limit")) for a in answers]


def fold(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def compare_rendering(reference, got):
    """Facts right and total, and the wrong ones, against seed 001's record."""
    right, total, wrong = 0, 0, []
    for key, value in reference.items():
        if key in BASIC_SKIP:
            continue
        total += 1
        if got.get(key) == value:
            right += 1
        else:
            wrong.append(f"field {key}: want {json.dumps(value, ensure_ascii=False)}, "
                         f"got {json.dumps(got.get(key), ensure_ascii=False)}")
    want = answer_facts(reference.get("answers", []))
    have = answer_facts(got.get("answers", []))
    for i, w in enumerate(want):
        h = have[i] if i < len(have) else (None, None, None)
        for name, a, b in zip(("question", "part", "word_limit"), w, h):
            total += 1
            if a == b:
                right += 1
            else:
                wrong.append(f"answer {i + 1} {name}: want {a!r}, got {b!r}")
    # An answer the seed does not have is a wrong fact of each kind.
    for i in range(len(want), len(have)):
        total += 3
        wrong.append(f"answer {i + 1}: extra {have[i]!r}")
    return right, total, wrong


def expected_answers(entry):
    return entry.get("answers") or entry.get("questions") or []


def compare_year(entry, got):
    """Facts right and total against an expected.json entry for a form of another year."""
    right, total, wrong = 0, 0, []
    have = got.get("answers", [])
    for i, w in enumerate(expected_answers(entry)):
        q = w.get("number", w.get("question"))
        part = w.get("part")
        limit = w.get("word_limit")
        start = w.get("prompt_start") or w.get("prompt") or ""
        h = have[i] if i < len(have) else {}
        for name, a, b in (("question", q, h.get("question")), ("part", part, h.get("part")),
                           ("word_limit", limit, h.get("word_limit"))):
            total += 1
            if a == b:
                right += 1
            else:
                wrong.append(f"answer {i + 1} {name}: want {a!r}, got {b!r}")
        if start:
            total += 1
            if fold(h.get("prompt") or "").startswith(fold(start)):
                right += 1
            else:
                wrong.append(f"answer {i + 1} prompt: want {start[:40]!r}..., got {(h.get('prompt') or '')[:40]!r}...")
    for i in range(len(expected_answers(entry)), len(have)):
        total += 3
        wrong.append(f"answer {i + 1}: extra {answer_facts([have[i]])[0]!r}")
    for key, value in (entry.get("basic") or entry.get("fields") or {}).items():
        total += 1
        if got.get(key) == value:
            right += 1
        else:
            wrong.append(f"field {key}: want {json.dumps(value, ensure_ascii=False)}, "
                         f"got {json.dumps(got.get(key), ensure_ascii=False)}")
    return right, total, wrong


def year_entries(expected):
    """expected.json's entries for the forms of other years, by file name."""
    entries = {}
    years = expected.get("years") or expected.get("y") or {}
    if isinstance(years, list):
        for e in years:
            entries[e.get("file")] = e
    else:
        entries.update(years)
    for key, value in expected.items():
        if key.startswith("y_") and isinstance(value, dict):
            entries[key] = value
    return entries


def group_of(name):
    m = re.match(r"r_([a-z]{2})_\d+", name)
    if m:
        return m.group(1)
    if name.startswith("e_"):
        return "en"
    if name.startswith("y_"):
        return "years"
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "nomina"))
    ap.add_argument("--seed", default=os.path.join(here, "..", "fixtures", "001_eeae656d80b09620.txt"))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--hold-out", action="append", default=[], metavar="GLOB")
    ap.add_argument("--only", action="append", default=[], metavar="GLOB",
                    help="convert only the files matching one of these")
    args = ap.parse_args()

    reference = nomination(convert(args.bin, args.seed))
    expected_path = os.path.join(args.dir, "expected.json")
    expected = {}
    if os.path.exists(expected_path):
        with open(expected_path, encoding="utf-8") as f:
            expected = json.load(f)
    years = year_entries(expected)

    per_group = OrderedDict()
    held = [0, 0]
    seen = [0, 0]
    for name in sorted(os.listdir(args.dir)):
        group = group_of(name)
        if group is None or not name.endswith(".txt"):
            continue
        if args.only and not any(fnmatch.fnmatch(name, g) for g in args.only):
            continue
        hold_out = any(fnmatch.fnmatch(name, g) for g in args.hold_out)
        got = nomination(convert(args.bin, os.path.join(args.dir, name)))
        if group == "years":
            entry = years.get(name) or years.get(name[:-4])
            if entry is None:
                print(f"{name}: no entry in expected.json", file=sys.stderr)
                continue
            right, total, wrong = compare_year(entry, got)
        else:
            right, total, wrong = compare_rendering(reference, got)
        tag = " (held out)" if hold_out else ""
        print(f"{name:<16} {right:>4}/{total:<4}{tag}")
        if args.details and not hold_out:
            for w in wrong:
                print(f"    {w}")
        g = per_group.setdefault(group, [0, 0, 0, 0])
        acc = held if hold_out else seen
        acc[0] += right
        acc[1] += total
        g[2 if hold_out else 0] += right
        g[3 if hold_out else 1] += total
    print()
    print(f"{'group':<8} {'seen':>10} {'held out':>10}")
    for group, (r, t, hr, ht) in per_group.items():
        s = f"{r}/{t}" if t else "-"
        h = f"{hr}/{ht}" if ht else "-"
        print(f"{group:<8} {s:>10} {h:>10}")
    print(f"{'all':<8} {f'{seen[0]}/{seen[1]}':>10} {f'{held[0]}/{held[1]}' if held[1] else '-':>10}")


if __name__ == "__main__":
    main()
