#!/usr/bin/env bash
# Instructions `nomina convert` spends on a corpus of news pages, counted by callgrind,
# and whether its records are byte-identical to those of another build.
#
#   scripts/profile_news.sh [--reference BIN] [NEWS_DEV_DIR]
#
# The corpus (target/news-corpus): the news documents of a 30 MB corpus from
# `scripts/gen_corpus.py --seed 1` (the files whose record says "kind":"news") and
# the pages of the news-dev set (default ../shared/news-dev/pages; third-party text,
# copied under target/ only, never into the repository). Runs the release binary over
# it under `valgrind --tool=callgrind` with `--no-lang -j 1` and prints the total
# instruction count (the figure of docs/accuracy.md's news "Speed" table); the
# callgrind file stays in target/profile-news.callgrind for callgrind_annotate (for a
# profile by source line, build with CARGO_PROFILE_RELEASE_DEBUG=line-tables-only).
#
# With --reference BIN (another build's binary, e.g. main's), the records of the news
# corpus, of fixtures/ and fixtures-blind/, and of the whole 30 MB corpus are compared
# with `cmp` against BIN's, which are made once and kept in target/news-reference/.
set -euo pipefail
export LC_ALL=C

REF=
if [ "${1:-}" = "--reference" ]; then
    REF=$(realpath "$2")
    shift 2
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DEV=${1:-$ROOT/../shared/news-dev/pages}
command -v valgrind > /dev/null || {
    echo "profile_news: needs valgrind (apt-get install valgrind)" >&2
    exit 1
}

cargo build --release --locked -p nomina-cli >&2
BIN=target/release/nomina
FULL=target/profile-corpus-30
NEWS=target/news-corpus
if [ ! -d "$FULL" ]; then
    python3 scripts/gen_corpus.py "$FULL" --megabytes 30 --seed 1 >&2
fi
if [ ! -d "$NEWS" ]; then
    mkdir -p "$NEWS.tmp"
    "$BIN" convert --no-lang -j 1 "$FULL" 2> /dev/null | python3 -c '
import json, shutil, sys
for line in sys.stdin:
    r = json.loads(line)
    if r.get("kind") == "news":
        p = r["source"]["path"]
        shutil.copyfile(p, sys.argv[1] + "/gen_" + p.split("/", 2)[-1].replace("/", "_"))
' "$NEWS.tmp"
    for f in "$DEV"/*; do
        cp "$f" "$NEWS.tmp/dev_$(basename "$f")"
    done
    mv "$NEWS.tmp" "$NEWS"
fi

OUT=target/profile-news.callgrind
valgrind --tool=callgrind --callgrind-out-file="$OUT" "$BIN" convert --no-lang -j 1 "$NEWS" \
    > /dev/null 2> target/profile-news.valgrind.log
echo "nomina convert --no-lang -j 1 $NEWS ($(find "$NEWS" -type f | wc -l) files):" \
    "$(awk '/^summary:/ { print $2 }' "$OUT") instructions"

if [ -n "$REF" ]; then
    mkdir -p target/news-reference
    status=0
    # The reference records are kept per reference binary (by its SHA-256), and only
    # once written whole: another --reference never meets an older binary's records.
    ref_sha=$(sha256sum "$REF" | cut -c1-12)
    for set in "$NEWS" fixtures fixtures-blind "$FULL"; do
        name=$(basename "$set")
        want=target/news-reference/$ref_sha-$name.jsonl
        if [ ! -f "$want" ]; then
            "$REF" convert --no-lang -j 1 "$set" > "$want.tmp" 2> /dev/null || true
            mv "$want.tmp" "$want"
        fi
        "$BIN" convert --no-lang -j 1 "$set" > "target/news-reference/$name.new.jsonl" 2> /dev/null || true
        if cmp -s "$want" "target/news-reference/$name.new.jsonl"; then
            echo "identical: $set ($(wc -l < "$want") records)"
        else
            echo "DIFFERENT: $set" >&2
            status=1
        fi
    done
    exit $status
fi
