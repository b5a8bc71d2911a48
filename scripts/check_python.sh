#!/usr/bin/env bash
# The Python package and the Spark job, checked against the command:
#
#   scripts/check_python.sh        (runnable from any directory; CI runs it)
#   scripts/check_python.sh --install-only    (the environment and the package alone)
#
# - installs scripts/python-requirements.txt (pytest, pyspark, pyarrow, pandas, pinned)
#   from PyPI into a throwaway virtual environment, target/python-venv, reused while the
#   requirements are unchanged;
# - installs the package there as a user does, `pip install crates/nomina-py` (maturin,
#   from PyPI, builds it with cargo in crates/nomina-py/target, a release build);
# - builds the release binary (NOMINA_BIN=PATH uses that binary instead);
# - runs the package's tests (crates/nomina-py/tests) with pytest: every fixture's line
#   byte for byte, options, errors, archives and convert_many against the command, and
#   scripts/spark_convert.py in Spark's local mode (Java 17 or later on the PATH).
# Exit status 0 when all pass.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=target/python-venv
REQUIREMENTS=scripts/python-requirements.txt

command -v java > /dev/null || { echo "check_python: needs java (17 or later) for Spark" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQUIREMENTS" "$VENV/installed-requirements.txt"; then
    echo "== python: installing $(grep -c '^[A-Za-z]' "$REQUIREMENTS") pinned packages into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$VENV/installed-requirements.txt"
fi

echo "== python: pip install crates/nomina-py"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input --force-reinstall --no-deps \
    crates/nomina-py

if [ "${1:-}" = --install-only ]; then
    exit 0
fi

if [ -n "${NOMINA_BIN:-}" ]; then
    NOMINA=$NOMINA_BIN
else
    echo "== python: cargo build --release"
    cargo build --release --locked --quiet -p nomina-cli
    NOMINA=$PWD/target/release/nomina
fi

echo "== python: pytest crates/nomina-py/tests"
# The package's sources (crates/nomina-py/python) are not on the path: `import nomina`
# is the installed package.
NOMINA_BIN=$(realpath "$NOMINA") "$VENV/bin/python" -m pytest -q -p no:cacheprovider crates/nomina-py/tests
