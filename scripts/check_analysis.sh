#!/usr/bin/env bash
# The analysts' path, checked: nomina's JSON Lines and CSV tables load as they are into
# DuckDB and pandas, every record validates against `nomina schema` with Python's
# jsonschema, and the README's queries give the right answers.
#
#   scripts/check_analysis.sh        (runnable from any directory; CI runs it)
#
# - installs scripts/analysis-requirements.txt (duckdb, pandas, jsonschema, pinned)
#   from PyPI into a throwaway virtual environment, target/analysis-venv, reused while
#   the requirements are unchanged;
# - builds the release binary (NOMINA_BIN=PATH uses that binary instead);
# - generates 1000 documents with scripts/gen_corpus.py into target/analysis/;
# - runs scripts/check_analysis.py on fixtures/ and on the generated corpus: each is
#   converted to JSONL and to CSV, and the counts, SDG counts per member state,
#   answers over their word limit, news per year and answer texts must be the same
#   from the records, from DuckDB and pandas on the JSONL, and from DuckDB and pandas
#   on the CSV tables.
# Exit status 0 when all agree; non-zero, with one line per mismatch, otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/analysis-venv
REQUIREMENTS=scripts/analysis-requirements.txt
WORK=target/analysis

if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQUIREMENTS" "$VENV/installed-requirements.txt"; then
    echo "== analysis: installing $(grep -c '^[a-z]' "$REQUIREMENTS") pinned packages into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$VENV/installed-requirements.txt"
fi

if [ -n "${NOMINA_BIN:-}" ]; then
    NOMINA=$NOMINA_BIN
else
    echo "== analysis: cargo build --release"
    cargo build --release --locked --quiet -p nomina-cli
    NOMINA=target/release/nomina
fi

rm -rf "$WORK"
mkdir -p "$WORK"
python3 scripts/gen_corpus.py "$WORK/corpus-1000" --docs 1000 --seed 1 >/dev/null

"$VENV/bin/python" scripts/check_analysis.py --nomina "$NOMINA" --work "$WORK/out" --fixtures fixtures \
    fixtures=fixtures corpus-1000="$WORK/corpus-1000"
