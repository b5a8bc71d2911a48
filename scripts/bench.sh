#!/usr/bin/env bash
# Throughput and peak memory of `nomina convert` on a generated corpus.
#
#   scripts/bench.sh [MEGABYTES]      (default 200; runnable from any directory)
#
# Builds the release binary, generates the corpus with scripts/gen_corpus.py into
# target/bench-corpus-<MB> (and a quarter-size one into target/bench-corpus-<MB/4>),
# reusing a corpus whose marker file (target/bench-corpus-<MB>.marker, beside the
# folder so that nomina never reads it) records the same generator arguments, the same
# generator sha256 and the same fixtures. Warms the page cache once, then runs every
# command once a round, BENCH_RUNS rounds (default 5), under /usr/bin/time -v (for the
# peak RSS) between two readings of a nanosecond clock (for the wall time), and keeps
# each command's fastest wall time (a shared machine only ever slows a run down) and its
# highest peak RSS:
#   (a) cat of every corpus file, the I/O baseline
#   (b) nomina convert -j 1        (c) -j 2        (d) -j 2 --no-lang
#   (e) -j 2 --lang-mode full      (the naive full-text language detection baseline)
#   (f) -j 2 on the quarter-size corpus (peak RSS must not grow with the corpus)
# and prints a Markdown table: MB/s (corpus bytes / wall seconds, 1 MB = 10^6 bytes),
# documents/s, peak RSS, the ratio to cat's MB/s, and error lines on stderr. A run that
# fails with a usage error (exit status 2, e.g. a flag this build lacks) shows n/a.
# nomina exits 0, or 1 when some inputs failed: both count as a run.
# If the lang_agreement example exists, it is built and run on the corpus too.
set -euo pipefail
export LC_ALL=C

usage() {
    echo "usage: scripts/bench.sh [MEGABYTES]" >&2
    exit 2
}

MB=${1:-200}
case $MB in
'' | *[!0-9]*) usage ;;
esac
MB=$((10#$MB))
[ "$MB" -ge 1 ] || usage
[ $# -le 1 ] || usage
SMALL_MB=$((MB / 4))
[ "$SMALL_MB" -ge 1 ] || SMALL_MB=1
SEED=1
JOBS=2

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BIN=$ROOT/target/release/nomina
TIME=/usr/bin/time

log() { printf '%s\n' "$*" >&2; }
die() {
    log "bench: $*"
    exit 1
}

# Runs of each command; the fastest counts (BENCH_RUNS=1 for a quick look).
RUNS=${BENCH_RUNS:-5}
case $RUNS in
'' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive number" ;;
esac

[ -x "$TIME" ] || die "needs GNU time at $TIME (apt-get install time)"
command -v python3 > /dev/null || die "needs python3"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

log "== cargo build --release -p nomina-cli"
cargo build --release -p nomina-cli >&2

# --- corpora -------------------------------------------------------------------------

# shellcheck source=scripts/bench_corpus.sh
. "$ROOT/scripts/bench_corpus.sh"
bench_corpus "$ROOT" "$MB" "$SEED"
[ "$SMALL_MB" -eq "$MB" ] || bench_corpus "$ROOT" "$SMALL_MB" "$SEED"
CORPUS=$ROOT/target/bench-corpus-$MB
SMALL=$ROOT/target/bench-corpus-$SMALL_MB

files_of() { find "$1" -type f | wc -l | tr -d ' '; }
bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }'; }
FILES=$(files_of "$CORPUS")
BYTES=$(bytes_of "$CORPUS")
SMALL_FILES=$(files_of "$SMALL")
SMALL_BYTES=$(bytes_of "$SMALL")

log "== warming the page cache"
find "$CORPUS" "$SMALL" -type f -print0 | xargs -0 cat > /dev/null

# --- runs ----------------------------------------------------------------------------

ROWS=()
NOTES=()
FAILED=0
CAT_MBPS=""
SHORT=0
declare -A WALL

# wall_of RUNFILE: the wall time of a run, in seconds to the millisecond, from the
# clock read around it (/usr/bin/time -v gives 0.01 s only, 1% of a run of a second).
wall_of() {
    awk '{ s = $1 / 1e9; if (s < 0.001) s = 0.001; printf "%.3f\n", s }' "$1"
}

# row ID LABEL FILES BYTES -- COMMAND...: a row of the table, its command kept in
# CMD_<ID> and LABEL the text the table shows for it.
declare -A LABEL ROW_FILES ROW_BYTES STATUS
IDS=()
rel() { printf '%s' "${1#"$ROOT"/}"; }
row() {
    local id=$1
    IDS+=("$id")
    LABEL[$id]=$2
    ROW_FILES[$id]=$3
    ROW_BYTES[$id]=$4
    STATUS[$id]=0
    shift 5
    declare -ga "CMD_$id"
    local -n cmd="CMD_$id"
    cmd=("$@")
}
row a "find $(rel "$CORPUS") -type f -print0 | xargs -0 cat > /dev/null" "$FILES" "$BYTES" -- \
    sh -c 'find "$1" -type f -print0 | xargs -0 cat > /dev/null' sh "$CORPUS"
row b "nomina convert -j 1 $(rel "$CORPUS")" "$FILES" "$BYTES" -- \
    "$BIN" convert -j 1 "$CORPUS"
row c "nomina convert -j $JOBS $(rel "$CORPUS")" "$FILES" "$BYTES" -- \
    "$BIN" convert -j "$JOBS" "$CORPUS"
row d "nomina convert -j $JOBS --no-lang $(rel "$CORPUS")" "$FILES" "$BYTES" -- \
    "$BIN" convert -j "$JOBS" --no-lang "$CORPUS"
row e "nomina convert -j $JOBS --lang-mode full $(rel "$CORPUS")" "$FILES" "$BYTES" -- \
    "$BIN" convert -j "$JOBS" --lang-mode full "$CORPUS"
row f "nomina convert -j $JOBS $(rel "$SMALL")" "$SMALL_FILES" "$SMALL_BYTES" -- \
    "$BIN" convert -j "$JOBS" "$SMALL"

# run_once ID RUN: the command of row ID once under /usr/bin/time -v. A row whose run
# failed (exit status other than 0 or 1) is not run again.
run_once() {
    local id=$1 run=$2 status=0
    local -n cmd="CMD_$id"
    log "== ($id) ${LABEL[$id]}  [run $run of $RUNS]"
    local start end
    start=$(date +%s%N)
    "$TIME" -v -o "$TMP/$id.$run.time" "${cmd[@]}" > /dev/null 2> "$TMP/$id.$run.err" || status=$?
    end=$(date +%s%N)
    echo $((end - start)) > "$TMP/$id.$run.wall"
    cp "$TMP/$id.$run.err" "$TMP/$id.err"
    STATUS[$id]=$status
}

# report ID: the row of ID from its runs: the fastest wall time (the others met a
# busier machine), with the highest peak RSS.
report() {
    local id=$1 label=${LABEL[$1]} files=${ROW_FILES[$1]} bytes=${ROW_BYTES[$1]}
    local status=${STATUS[$1]} efile=$TMP/$1.err run best="" rss_max=0
    for run in $(seq "$RUNS"); do
        [ -f "$TMP/$id.$run.time" ] || continue
        local this r
        this=$(wall_of "$TMP/$id.$run.wall")
        r=$(awk -F': ' '/Maximum resident set size/ { print $NF }' "$TMP/$id.$run.time")
        [ "$r" -gt "$rss_max" ] && rss_max=$r
        if [ -z "$best" ] || awk -v a="$this" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$this
        fi
    done
    label=${label//|/\\|}
    local mb
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    if [ "$status" -eq 2 ]; then
        ROWS+=("| $id | \`$label\` | $mb | $files | n/a | n/a | n/a | n/a | n/a | n/a |")
        NOTES+=("($id) exit status 2 (usage error): $(head -n 1 "$efile")")
        return 0
    fi
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        ROWS+=("| $id | \`$label\` | $mb | $files | failed ($status) | | | | | |")
        NOTES+=("($id) failed with exit status $status: $(tail -n 3 "$efile" | tr '\n' ' ')")
        FAILED=1
        return 0
    fi
    local rss secs errors mbps docs rss_mb ratio
    rss=$rss_max
    secs=$best
    errors=$(grep -c '^{' "$efile" || true)
    mbps=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.1f", b / 1e6 / s }')
    docs=$(awk -v f="$files" -v s="$secs" 'BEGIN { printf "%.0f", f / s }')
    rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
    if [ -z "$CAT_MBPS" ]; then
        CAT_MBPS=$mbps
        ratio="1.00"
    else
        ratio=$(awk -v m="$mbps" -v c="$CAT_MBPS" 'BEGIN { printf "%.3f", m / c }')
    fi
    [ "$id" = a ] && errors="-"
    WALL[$id]=$secs
    if awk -v s="$secs" 'BEGIN { exit !(s < 0.5) }'; then
        SHORT=1
    fi
    ROWS+=("| $id | \`$label\` | $mb | $files | $secs | $mbps | $docs | $rss_mb | $ratio | $errors |")
    if [ "$status" -eq 1 ]; then
        NOTES+=("($id) exit status 1: some inputs failed ($errors error lines)")
    fi
}

# Rounds of every command once, rather than each command's runs back to back: the
# runs of a row are spread over the whole benchmark, so that a spell of a busier
# (shared) machine costs one run of each row, not every run of one row.
for run in $(seq "$RUNS"); do
    for id in "${IDS[@]}"; do
        if [ "${STATUS[$id]}" -le 1 ]; then
            run_once "$id" "$run"
        fi
    done
done
for id in "${IDS[@]}"; do
    report "$id"
done

# --- report --------------------------------------------------------------------------

commit=$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2> /dev/null || true)" ]; then
    commit="$commit (with uncommitted changes)"
fi
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2> /dev/null || true)
echo
echo "nomina $commit; ${cpu:-unknown CPU}, $(nproc) cores; corpus $(rel "$CORPUS"): $FILES files, $BYTES bytes;" \
    "small corpus $(rel "$SMALL"): $SMALL_FILES files, $SMALL_BYTES bytes (MB = 10^6 bytes);" \
    "each row the fastest of $RUNS runs"
echo
echo "| run | command | corpus MB | files | wall s | MB/s | docs/s | peak RSS MB | vs cat | error lines |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
if [ -n "${WALL[c]:-}" ] && [ -n "${WALL[e]:-}" ]; then
    awk -v c="${WALL[c]}" -v e="${WALL[e]}" \
        'BEGIN { printf "speed-up of (c) over (e), the full-text language detection baseline: %.2fx\n", e / c }'
else
    echo "speed-up of (c) over (e), the full-text language detection baseline: n/a"
fi
if [ "$SHORT" -eq 1 ]; then
    echo "note: runs under 0.5 s are timed with the start-up of the process and a millisecond clock; a larger corpus gives steadier MB/s"
fi
if [ ${#NOTES[@]} -gt 0 ]; then
    printf '%s\n' "${NOTES[@]}"
fi

# --- language agreement --------------------------------------------------------------

example=$(find "$ROOT" -path "$ROOT/target" -prune -o \
    \( -path '*/examples/lang_agreement.rs' -o -path '*/examples/lang_agreement/main.rs' \) -print -quit)
if [ -n "$example" ]; then
    pkg_dir=${example%/examples/*}
    pkg=$(awk -F'"' '/^\[package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^name *=/ { print $2; exit }' \
        "$pkg_dir/Cargo.toml")
    log "== cargo build --release -p $pkg --example lang_agreement"
    if ! cargo build --release -p "$pkg" --example lang_agreement >&2; then
        echo "lang_agreement: build failed"
    fi
fi
if [ -x "$ROOT/target/release/examples/lang_agreement" ]; then
    log "== lang_agreement $(rel "$CORPUS")"
    if out=$("$ROOT/target/release/examples/lang_agreement" "$CORPUS" 2> "$TMP/lang.err"); then
        printf 'lang_agreement: %s\n' "$out"
    else
        echo "lang_agreement: failed: $(tail -n 2 "$TMP/lang.err" | tr '\n' ' ')"
    fi
else
    echo "lang_agreement: no example, skipped"
fi

exit "$FAILED"
