#!/usr/bin/env python3
"""Checks that nomina's outputs load as they are into DuckDB and pandas.

    check_analysis.py --nomina BIN --work DIR NAME=INPUT [NAME=INPUT ...] [--fixtures NAME]

Run by scripts/check_analysis.sh inside a virtual environment that has duckdb, pandas
and jsonschema. For every INPUT directory it:

1. converts INPUT to JSON Lines (`nomina convert -o`) and to CSV tables (`nomina
   convert --format csv --out-dir`) under DIR/NAME, and takes the schema from
   `nomina schema`;
2. validates every record against that schema with Python's jsonschema
   (Draft202012Validator, formats checked), an implementation independent of
   nomina's;
3. computes, in plain Python from the JSON records, the row count of every table,
   the SDG counts per member state, the answers over their word limit, the news
   per year and the answers' texts;
4. loads the JSON Lines and the CSV tables with DuckDB and with pandas, with the
   one-line loads the README shows, runs the same queries, and fails on any result
   that differs from step 3 (so the JSONL path and the CSV path agree, and both
   agree with the records);
5. loads the CSV tables once more with the column names and types that
   docs/tables.md documents, declared to DuckDB, so a value of another type or a
   renamed column fails.

The input named by --fixtures also gets the fixtures' own known values (seed 003's
question 1, 310 words against 300; news in 2013 and 2016; Korea's goals).
Exit status 0 when everything agrees, 1 otherwise, with one line per mismatch.
"""

import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys

import duckdb
import jsonschema
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = ["documents", "nominations", "nomination_sdgs", "answers", "news", "warnings"]
DUCKDB_TYPES = {
    "text": "VARCHAR",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "list": "VARCHAR",
    "lines": "VARCHAR",
}


class Checks:
    """Collects mismatches instead of stopping at the first."""

    def __init__(self):
        self.failures = []
        self.passed = 0

    def equal(self, what, got, want):
        if got == want:
            self.passed += 1
            return
        self.failures.append(what)
        print(f"MISMATCH {what}:\n    got:  {shorten(got)}\n    want: {shorten(want)}", file=sys.stderr)

    def true(self, what, ok, detail=""):
        self.equal(what + (f" ({detail})" if detail and not ok else ""), bool(ok), True)


def shorten(value, limit=600):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def run(cmd, **kw):
    result = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if result.returncode != 0:
        sys.exit(f"check_analysis: {' '.join(cmd)} exited {result.returncode}:\n{result.stderr}")
    return result


def none_if_nan(value):
    return None if value is None or (isinstance(value, float) and value != value) else value


def integer(value):
    value = none_if_nan(value)
    return None if value is None else int(value)


# ---------------------------------------------------------------------------
# What the records say, computed in plain Python.


def expected(records):
    forms = [r for r in records if r["kind"] == "nomination"]
    articles = [r for r in records if r["kind"] == "news"]
    counts = {
        "documents": len(records),
        "nominations": len(forms),
        "nomination_sdgs": sum(len(r["nomination"]["sdgs"]) for r in forms),
        "answers": sum(len(r["nomination"]["answers"]) for r in forms),
        "news": len(articles),
        "warnings": sum(len(r["diagnostics"]["warnings"]) for r in records),
    }
    sdgs = collections.Counter()
    for r in forms:
        iso2 = (r["nomination"]["member_state"] or {}).get("iso2")
        for goal in r["nomination"]["sdgs"]:
            sdgs[(iso2, goal)] += 1
    over = sorted(
        (r["source"]["path"], a["question"], a["part"], a["word_count"], a["word_limit"])
        for r in forms
        for a in r["nomination"]["answers"]
        if a["word_limit"] is not None and a["word_count"] > a["word_limit"]
    )
    years = collections.Counter(int(r["news"]["published"][:4]) for r in articles if r["news"]["published"])
    texts = sorted(
        (r["source"]["path"], i + 1, a["text"]) for r in forms for i, a in enumerate(r["nomination"]["answers"])
    )
    return {
        "counts": counts,
        "sdgs_per_state": dict(sdgs),
        "over_limit": over,
        "news_per_year": dict(years),
        "answer_texts": texts,
    }


# ---------------------------------------------------------------------------
# DuckDB


def sdg_key(rows):
    return {(iso2, int(goal)): int(n) for iso2, goal, n in rows}


def over_key(rows):
    return sorted((p, int(q), part, int(c), int(lim)) for p, q, part, c, lim in rows)


def duckdb_jsonl(jsonl):
    con = duckdb.connect()
    # The README's one-line load.
    con.execute(f"CREATE VIEW records AS SELECT * FROM read_json('{jsonl}', format = 'newline_delimited')")
    q = lambda sql: con.execute(sql).fetchall()
    counts = {
        "documents": q("SELECT count(*) FROM records")[0][0],
        "nominations": q("SELECT count(*) FROM records WHERE kind = 'nomination'")[0][0],
        "nomination_sdgs": q("SELECT coalesce(sum(len(nomination.sdgs)), 0) FROM records")[0][0],
        "answers": q("SELECT coalesce(sum(len(nomination.answers)), 0) FROM records")[0][0],
        "news": q("SELECT count(*) FROM records WHERE kind = 'news'")[0][0],
        "warnings": q("SELECT coalesce(sum(len(diagnostics.warnings)), 0) FROM records")[0][0],
    }
    sdgs = q(
        """SELECT iso2, goal, count(*) FROM (
             SELECT nomination.member_state.iso2 AS iso2, unnest(nomination.sdgs) AS goal
             FROM records WHERE kind = 'nomination')
           GROUP BY ALL"""
    )
    over = q(
        """SELECT path, a.question, a.part, a.word_count, a.word_limit FROM (
             SELECT source.path AS path, unnest(nomination.answers) AS a FROM records WHERE kind = 'nomination')
           WHERE a.word_count > a.word_limit"""
    )
    years = q(
        """SELECT year(CAST(news.published AS DATE)) AS year, count(*) FROM records
           WHERE kind = 'news' AND news.published IS NOT NULL GROUP BY ALL"""
    )
    texts = q(
        """SELECT path, generate_subscripts(answers, 1) AS position, unnest(answers).text FROM (
             SELECT source.path AS path, nomination.answers AS answers FROM records WHERE kind = 'nomination')"""
    )
    return {
        "counts": counts,
        "sdgs_per_state": sdg_key(sdgs),
        "over_limit": over_key(over),
        "news_per_year": {int(y): int(n) for y, n in years},
        "answer_texts": sorted((p, int(i), t) for p, i, t in texts),
    }


def duckdb_csv(out_dir, typed=None):
    con = duckdb.connect()
    for table in TABLES:
        path = os.path.join(out_dir, f"{table}.csv")
        if typed is None:
            # The README's one-line load.
            load = f"read_csv('{path}')"
        else:
            columns = ", ".join(f"'{name}': '{DUCKDB_TYPES[kind]}'" for name, kind in typed[table])
            load = f"read_csv('{path}', header = true, auto_detect = false, columns = {{{columns}}})"
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM {load}")
    q = lambda sql: con.execute(sql).fetchall()
    counts = {table: q(f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}
    sdgs = q(
        """SELECT n.member_state_iso2, s.goal, count(*)
           FROM nomination_sdgs s JOIN nominations n USING (path) GROUP BY ALL"""
    )
    over = q("SELECT path, question, part, word_count, word_limit FROM answers WHERE word_count > word_limit")
    years = q(
        """SELECT year(CAST(published AS DATE)) AS year, count(*) FROM news
           WHERE published IS NOT NULL GROUP BY ALL"""
    )
    texts = q("SELECT path, position, text FROM answers")
    result = {
        "counts": counts,
        "sdgs_per_state": sdg_key(sdgs),
        "over_limit": over_key(over),
        "news_per_year": {int(y): int(n) for y, n in years},
        "answer_texts": sorted((p, int(i), t) for p, i, t in texts),
    }
    if typed is not None:
        result["types"] = {
            table: [(name, kind) for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()] for table in TABLES
        }
    return result


# ---------------------------------------------------------------------------
# pandas


def pandas_jsonl(jsonl):
    # The README's one-line load (dtype=False: ids and paths stay text).
    records = pd.read_json(jsonl, lines=True, dtype=False)
    forms = records[records.kind == "nomination"]
    nominations = pd.json_normalize(forms.to_dict("records"))
    counts = {
        "documents": len(records),
        "nominations": len(forms),
        "nomination_sdgs": int(nominations["nomination.sdgs"].map(len).sum()) if len(forms) else 0,
        "answers": int(nominations["nomination.answers"].map(len).sum()) if len(forms) else 0,
        "news": int((records.kind == "news").sum()),
        "warnings": int(records.diagnostics.map(lambda d: len(d["warnings"])).sum()),
    }
    sdgs = nominations[["nomination.member_state.iso2", "nomination.sdgs"]].explode("nomination.sdgs").dropna(
        subset=["nomination.sdgs"]
    )
    per_state = sdgs.groupby(["nomination.member_state.iso2", "nomination.sdgs"], dropna=False).size()
    answers = pd.json_normalize(forms.to_dict("records"), record_path=["nomination", "answers"], meta=["source"])
    answers["source.path"] = answers.source.str.get("path")
    answers["position"] = answers.groupby("source.path").cumcount() + 1
    news = pd.json_normalize(records[records.kind == "news"].news.tolist())
    years = (
        pd.to_datetime(news.published).dt.year.value_counts() if len(news) else pd.Series(dtype="int64")
    )
    return pandas_results(counts, per_state, answers, years, path="source.path")


def pandas_csv(out_dir):
    # The README's one-line load: only an empty cell is missing (`NA` is Namibia).
    read = lambda table: pd.read_csv(os.path.join(out_dir, f"{table}.csv"), keep_default_na=False, na_values=[""])
    t = {table: read(table) for table in TABLES}
    sdgs = t["nomination_sdgs"].merge(t["nominations"][["path", "member_state_iso2"]], on="path")
    per_state = sdgs.groupby(["member_state_iso2", "goal"], dropna=False).size()
    answers = t["answers"]
    news = t["news"]
    years = (
        pd.to_datetime(news.published).dt.year.value_counts() if news.published.notna().any() else pd.Series()
    )
    return pandas_results({table: len(frame) for table, frame in t.items()}, per_state, answers, years, path="path")


def pandas_results(counts, per_state, answers, years, path):
    """The query results in the form `expected` gives them, from pandas frames
    whose document column is `path`."""
    over = answers[answers.word_count > answers.word_limit]
    return {
        "counts": counts,
        "sdgs_per_state": {(none_if_nan(s), int(g)): int(n) for (s, g), n in per_state.items()},
        "over_limit": sorted(
            (p, int(q), none_if_nan(part), int(c), int(lim))
            for p, q, part, c, lim in over[[path, "question", "part", "word_count", "word_limit"]].itertuples(
                index=False
            )
        ),
        "news_per_year": {int(y): int(n) for y, n in years.items()},
        "answer_texts": sorted(
            (p, int(i), none_if_nan(t)) for p, i, t in answers[[path, "position", "text"]].itertuples(index=False)
        ),
    }


# ---------------------------------------------------------------------------


def documented_columns():
    """Each table's (column, type) pairs, as docs/tables.md documents them."""
    tables, current = {}, None
    with open(os.path.join(ROOT, "docs", "tables.md"), encoding="utf-8") as f:
        for line in f:
            heading = re.match(r"^### `(\w+)\.csv`", line)
            if heading:
                current = tables.setdefault(heading.group(1), [])
                continue
            row = re.match(r"^\| `(\w+)` \| (\w+) \|", line)
            if row and current is not None:
                current.append((row.group(1), row.group(2)))
    return tables


def check_input(checks, nomina, schema, name, input_dir, work, fixtures):
    out = os.path.join(work, name)
    os.makedirs(out, exist_ok=True)
    jsonl = os.path.join(out, "records.jsonl")
    csv_dir = os.path.join(out, "csv")
    run([nomina, "convert", "-o", jsonl, input_dir])
    run([nomina, "convert", "--format", "csv", "--out-dir", csv_dir, input_dir])
    with open(jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    print(f"== {name}: {len(records)} records from {input_dir}")

    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    invalid = 0
    for record in records:
        for error in validator.iter_errors(record):
            invalid += 1
            if invalid <= 5:
                where = "/".join(str(p) for p in error.absolute_path)
                print(f"INVALID {record['source']['path']} at /{where}: {error.message[:300]}", file=sys.stderr)
    checks.equal(f"{name}: records invalid against `nomina schema`", invalid, 0)

    want = expected(records)
    columns = documented_columns()
    checks.equal(f"{name}: documented tables", sorted(columns), sorted(TABLES))
    for table in TABLES:
        with open(os.path.join(csv_dir, f"{table}.csv"), encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        checks.equal(f"{name}: {table}.csv header", header, [c for c, _ in columns[table]])

    results = {
        "duckdb/jsonl": duckdb_jsonl(jsonl),
        "duckdb/csv": duckdb_csv(csv_dir),
        "duckdb/csv typed as documented": duckdb_csv(csv_dir, typed=columns),
        "pandas/jsonl": pandas_jsonl(jsonl),
        "pandas/csv": pandas_csv(csv_dir),
    }
    for engine, got in results.items():
        for key, value in want.items():
            checks.equal(f"{name}: {engine}: {key}", got[key], value)
    typed = results["duckdb/csv typed as documented"]["types"]
    for table in TABLES:
        checks.equal(
            f"{name}: {table} column types in DuckDB",
            typed[table],
            [(c, DUCKDB_TYPES[kind]) for c, kind in columns[table]],
        )

    c = want["counts"]
    print(
        f"   {c['documents']} documents, {c['nominations']} nominations, {c['nomination_sdgs']} form-goal rows, "
        f"{c['answers']} answers ({len(want['over_limit'])} over their limit, "
        f"{sum(1 for *_, t in want['answer_texts'] if t and chr(10) in t)} on several lines), "
        f"{c['news']} news, {c['warnings']} warnings"
    )
    print(f"   news per year: {dict(sorted(want['news_per_year'].items()))}")

    if fixtures:
        # The fixtures' known values, independent of any query above.
        korea = {goal: n for (iso2, goal), n in want["sdgs_per_state"].items() if iso2 == "KR"}
        # Seed 001 and its four renderings name 16 and 17; seed 003 and its HTML
        # rendering name 1, 3, 4 and 10.
        checks.equal(f"{name}: Korea's goals", korea, {16: 5, 17: 5, 1: 2, 3: 2, 4: 2, 10: 2})
        checks.true(
            f"{name}: seed 003 question 1 is over its limit",
            ("fixtures/003_3d6537fba802d833.txt", 1, None, 310, 300) in want["over_limit"],
            str(want["over_limit"]),
        )
        checks.equal(f"{name}: news per year", want["news_per_year"], {2013: 1, 2016: 2})
        checks.equal(
            f"{name}: table sizes",
            c,
            {
                "documents": 10,
                "nominations": 7,
                "nomination_sdgs": 18,
                "answers": 156,
                "news": 3,
                "warnings": 5,
            },
        )
    else:
        # A generated corpus exercises what the fixtures lack.
        multi = sum(1 for *_, t in want["answer_texts"] if t and "\n" in t)
        checks.true(f"{name}: some answers span several lines", multi > 0)
        checks.true(f"{name}: some answers are over their limit", want["over_limit"])
        checks.true(f"{name}: news in more than one year", len(want["news_per_year"]) > 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nomina", required=True, help="the nomina binary")
    parser.add_argument("--work", required=True, help="where the outputs go")
    parser.add_argument("--fixtures", help="the NAME of the input that is fixtures/")
    parser.add_argument("inputs", nargs="+", metavar="NAME=INPUT")
    args = parser.parse_args()

    schema = json.loads(run([args.nomina, "schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    checks = Checks()
    checks.equal("schema $schema", schema.get("$schema"), "https://json-schema.org/draft/2020-12/schema")
    for spec in args.inputs:
        name, _, input_dir = spec.partition("=")
        check_input(checks, args.nomina, schema, name, input_dir, args.work, name == args.fixtures)
    if checks.failures:
        print(f"check_analysis: {checks.passed} passed, {len(checks.failures)} failed", file=sys.stderr)
        sys.exit(1)
    print(f"check_analysis: {checks.passed} passed, 0 failed")


if __name__ == "__main__":
    main()
