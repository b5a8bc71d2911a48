#!/usr/bin/env python3
"""Fields right on renderings of seed 001 and on forms of other years.

    scripts/eval_forms.py [--bin NOMINA] [--seed FILE] [--details] [--hold-out GLOB ...] DIR

Converts every `r_LANG_N.txt` and `e_N.txt` of DIR (seed 001 with its labels
reworded), every `s_LANG_N.txt` (seed 003 with its labels reworded, compared
with seed 003's record) and every `y_*.txt` (a form of another year), or the same saved as
`.html`, with the given nomina
binary and counts the facts that come out right:

- renderings: every basic-info field of the nomination (its normalized
  value) and every answer's question, part and word limit, compared with
  seed 001's record converted by the same binary;
- forms of other years: every answer of DIR/expected.json's `years` entry for
  the file, under its own number, part and word limit, its prompt starting
  as expected, and the basic fields the entry gives (named there by seed
  001's English labels).

Prints a line per file and per language (`en` for the English paraphrases,
`years` for the forms of other years, `seed003` for seed 003's renderings). `--details` lists the facts that are
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


def compare_rendering(reference, got, skip=()):
    """Facts right and total, and the wrong ones, against seed 001's record."""
    right, total, wrong = 0, 0, []
    for key, value in reference.items():
        if key in BASIC_SKIP or key in skip:
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


# expected.json names the basic fields by seed 001's English labels; the
# record's key of each, and how its value is compared.
LABEL_KEYS = [
    ("Member State", "member_state"),
    ("Institution Name", "institution_name"),
    ("Public Sector Institution Type", "institution_type"),
    ("Institution Type", "institution_type"),
    ("Sector Type", "department_type"),
    ("Administrative Level", "administrative_level"),
    ("Name of initiative", "initiative_name"),
    ("Projects Operational Years", "operational_years"),
    ("Website of Institution", "website"),
    ("Is this a public sector initiative?", "public_sector"),
    ("Is the initiative relevant to one of the UNPSA categories?", "category"),
    ("Is the initiative relevant to any of the 17 SDG(s)?", "sdg_relevant"),
    ("If you answered yes above", "sdgs"),
    ("Which target(s)", "sdg_targets"),
    ("Has the initiative been implemented", "implemented_two_years_or_more"),
    ("Please provide date of", "implementation_date"),
    ("Has the United Nations", "un_involved"),
    ("Which UN agency", "un_agencies"),
    ("Please provide details", "un_involvement_details"),
    ("Has the initiative submitted", "submitted_previously"),
    ("Has the initiative already won", "won_unpsa"),
    ("Has the initiative won other", "won_other_awards"),
    ("How did you learn", "how_learned"),
    ("I give consent", "validation_consent"),
]


def record_key(label):
    for prefix, key in LABEL_KEYS:
        if label.startswith(prefix):
            return key
    return None


def same_value(key, want, got):
    if key == "member_state":
        return (got or {}).get("name") == want
    if key == "category":
        name = (got or {}).get("name") or ""
        return want is not None and fold(name) != "" and fold(want).endswith(fold(name))
    if key == "un_agencies":
        return (want or []) == (got or [])
    if key in ("administrative_level", "how_learned"):
        return (want or "").lower() == (got or "").lower() if want else got is None
    return want == got


def compare_year(entry, got, skip=()):
    """Facts right and total against an expected.json entry for a form of another year."""
    right, total, wrong = 0, 0, []
    have = got.get("answers", [])
    want = entry.get("questions", [])
    for i, w in enumerate(want):
        h = have[i] if i < len(have) else {}
        for name in ("number", "part", "word_limit"):
            a = w.get(name)
            b = h.get("question" if name == "number" else name)
            total += 1
            if a == b:
                right += 1
            else:
                wrong.append(f"answer {i + 1} {name}: want {a!r}, got {b!r}")
        start = w.get("prompt_starts") or ""
        total += 1
        if fold(h.get("prompt") or "").startswith(fold(start)):
            right += 1
        else:
            wrong.append(f"answer {i + 1} prompt: want {start!r}..., got {(h.get('prompt') or '')[:50]!r}...")
    for i in range(len(want), len(have)):
        total += 3
        wrong.append(f"answer {i + 1}: extra {answer_facts([have[i]])[0]!r}")
    for label, value in (entry.get("basic") or {}).items():
        key = record_key(label)
        if key is None or key in skip:
            continue
        total += 1
        if same_value(key, value, got.get(key)):
            right += 1
        else:
            wrong.append(f"field {key}: want {json.dumps(value, ensure_ascii=False)}, "
                         f"got {json.dumps(got.get(key), ensure_ascii=False)}")
    return right, total, wrong


def group_of(name):
    m = re.match(r"r_([a-z]{2})_\d+", name)
    if m:
        return m.group(1)
    if name.startswith("e_"):
        return "en"
    if name.startswith("y_"):
        return "years"
    if re.match(r"s_[a-z]{2}_\d+", name):
        return "seed003"
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "nomina"))
    ap.add_argument("--seed", default=os.path.join(here, "..", "fixtures", "001_eeae656d80b09620.txt"))
    ap.add_argument("--seed003", default=os.path.join(here, "..", "fixtures", "003_3d6537fba802d833.txt"))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--skip-field", action="append", default=[], metavar="KEY",
                    help="leave this basic field out of the count (e.g. a value kept as written)")
    ap.add_argument("--hold-out", action="append", default=[], metavar="GLOB")
    ap.add_argument("--only", action="append", default=[], metavar="GLOB",
                    help="convert only the files matching one of these")
    args = ap.parse_args()

    reference = nomination(convert(args.bin, args.seed))
    reference003 = None
    expected_path = os.path.join(args.dir, "expected.json")
    expected = {}
    if os.path.exists(expected_path):
        with open(expected_path, encoding="utf-8") as f:
            expected = json.load(f)

    per_group = OrderedDict()
    held = [0, 0]
    seen = [0, 0]
    for name in sorted(os.listdir(args.dir)):
        group = group_of(name)
        if group is None or not name.endswith((".txt", ".html")):
            continue
        if args.only and not any(fnmatch.fnmatch(name, g) for g in args.only):
            continue
        hold_out = any(fnmatch.fnmatch(name, g) for g in args.hold_out)
        got = nomination(convert(args.bin, os.path.join(args.dir, name)))
        if group == "years":
            entry = expected.get(os.path.splitext(name)[0])
            if entry is None:
                print(f"{name}: no entry in expected.json", file=sys.stderr)
                continue
            right, total, wrong = compare_year(entry, got, args.skip_field)
        elif group == "seed003":
            if reference003 is None:
                reference003 = nomination(convert(args.bin, args.seed003))
            right, total, wrong = compare_rendering(reference003, got, args.skip_field)
        else:
            right, total, wrong = compare_rendering(reference, got, args.skip_field)
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
