#!/usr/bin/env bash
# Accuracy of news extraction on real pages nobody here wrote.
#
#   scripts/eval_news.sh [CHECK_ARGS...]      (runnable from any directory)
#
# Builds the release binary and runs the news-dev checker beside the repository:
# `python3 ../shared/news-dev/check.py target/release/nomina`. The checker converts its
# 120 real pages (seven languages), prints every expected fact that does not hold, then
# the facts that hold per language and per kind of fact, then `news-dev: N/M facts hold`.
# Extra arguments go to the checker (`--only ID` checks one page). The pages are
# third-party text: they stay in ../shared and never enter the repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHECK=${NEWS_DEV:-$ROOT/../shared/news-dev}/check.py
if [ ! -f "$CHECK" ]; then
    echo "eval_news.sh: no checker at $CHECK (set NEWS_DEV to the news-dev folder)" >&2
    exit 2
fi
cd "$ROOT"
cargo build --release --locked -p nomina-cli
python3 "$CHECK" target/release/nomina "$@"
