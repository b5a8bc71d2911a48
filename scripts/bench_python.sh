#!/usr/bin/env bash
# Throughput of the Python package (convert_many) and of the Spark job in local mode
# against `nomina convert`, on the benchmark corpus of scripts/bench.sh:
#
#   scripts/bench_python.sh [MEGABYTES]      (default 200; runnable from any directory)
#
# Builds the release binary, installs the package into target/python-venv
# (scripts/check_python.sh --install-only), generates the corpus with
# scripts/gen_corpus.py into target/bench-corpus-<MB> unless scripts/bench.sh's marker
# says it is current (the two scripts share it), and runs scripts/bench_python.py
# (BENCH_RUNS rounds, default 3; BENCH_ARGS for more of its arguments, e.g. --no-spark).
# Prints a Markdown table.
set -euo pipefail
export LC_ALL=C

MB=${1:-200}
case $MB in
'' | *[!0-9]*)
    echo "usage: scripts/bench_python.sh [MEGABYTES]" >&2
    exit 2
    ;;
esac
SEED=1
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

echo "== cargo build --release -p nomina-cli" >&2
cargo build --release --locked -p nomina-cli >&2
scripts/check_python.sh --install-only >&2

# The corpus, as scripts/bench.sh makes it and marks it.
# shellcheck source=scripts/bench_corpus.sh
. "$ROOT/scripts/bench_corpus.sh"
bench_corpus "$ROOT" "$MB" "$SEED"
dir=$ROOT/target/bench-corpus-$MB

# shellcheck disable=SC2086 # BENCH_ARGS is a list of arguments
target/python-venv/bin/python scripts/bench_python.py "$dir" --nomina target/release/nomina \
    --runs "${BENCH_RUNS:-3}" ${BENCH_ARGS:-}
