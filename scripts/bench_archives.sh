#!/usr/bin/env bash
# Time, throughput and peak memory of `nomina convert` on gzipped WARC archives.
#
#   scripts/bench_archives.sh [MEGABYTES...]        (default: 100 500 1000)
#
# For each size, generates target/bench-warc-<MB>.warc.gz with `scripts/gen_corpus.py --warc`
# (reused when present: the generator is deterministic), then converts it with every binary
# of $BINS (default: target/release/nomina; e.g. BINS="/tmp/nomina-before target/release/nomina")
# at -j ${JOBS:-2}, BENCH_RUNS rounds (default 3), under /usr/bin/time -v, to -o a file in
# target/ (so that the sorted runs go to that file system too). Prints one Markdown row a
# binary and size: the fastest wall time (a shared machine only ever slows a run down), MB/s
# of pages (10^6 bytes), the highest peak RSS, and whether the output is the same bytes as the
# first binary's.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 500 1000)
read -r -a BINLIST <<<"${BINS:-target/release/nomina}"
RUNS=${BENCH_RUNS:-3}
JOBS=${JOBS:-2}
OUT=target/bench-warc-out
mkdir -p "$OUT"

echo "| archive | binary | wall s | MB/s | peak RSS MiB | same output |"
echo "| --- | --- | ---: | ---: | ---: | --- |"
for mb in "${SIZES[@]}"; do
    warc=target/bench-warc-$mb.warc.gz
    [ -f "$warc" ] || python3 scripts/gen_corpus.py --warc "$warc" --megabytes "$mb" >&2
    cat "$warc" >/dev/null
    first=""
    for bin in "${BINLIST[@]}"; do
        best="" peak=0
        for _ in $(seq "$RUNS"); do
            start=$(date +%s%N)
            /usr/bin/time -v -o "$OUT/time.txt" "$bin" convert -j "$JOBS" -o "$OUT/records.jsonl" "$warc" 2>/dev/null || true
            end=$(date +%s%N)
            wall=$(( (end - start) / 1000000 ))
            rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.txt")
            if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then best=$wall; fi
            if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
        done
        sum=$(sha256sum "$OUT/records.jsonl" | cut -d' ' -f1)
        [ -n "$first" ] || first=$sum
        same=$([ "$sum" = "$first" ] && echo yes || echo NO)
        awk -v mb="$mb" -v bin="$bin" -v ms="$best" -v rss="$peak" -v same="$same" 'BEGIN {
            printf "| %d MB | %s | %.2f | %.1f | %d | %s |\n", mb, bin, ms / 1000, mb / (ms / 1000), rss / 1024, same }'
    done
done
rm -f "$OUT/records.jsonl" "$OUT/time.txt"
