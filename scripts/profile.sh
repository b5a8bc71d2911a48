#!/usr/bin/env bash
# Where `nomina convert` spends its instructions, counted by callgrind.
#
#   scripts/profile.sh [MEGABYTES] [-- CONVERT_FLAGS...]   (default 6, flags --no-lang -j 1)
#
# Generates a small corpus with scripts/gen_corpus.py (seed 1) into
# target/profile-corpus-<MB>, runs the release binary over it under
# `valgrind --tool=callgrind`, and prints the total instruction count, the
# instructions per input byte, and the functions of the workspace that cost the
# most, inclusive of what they call. Instruction counts, unlike timings, are the
# same from run to run on a busy machine: compare them before and after a change.
# The callgrind file stays in target/profile.callgrind for callgrind_annotate.
#
# The release profile carries no debug info, so callgrind names functions
# (`???:nomina_parse::form::parse_form`) but not source files; for a profile by
# source line, build with it: CARGO_PROFILE_RELEASE_DEBUG=line-tables-only
# scripts/profile.sh (a full rebuild; the instruction counts are the same).
#
# Under valgrind the sha2 crate falls back to its portable code (valgrind does not
# offer the SHA extensions), so SHA-256 weighs several times more here than in a
# real run.
set -euo pipefail
export LC_ALL=C

MB=6
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    MB=$1
    shift
fi
case $MB in
'' | *[!0-9]* | 0)
    echo "usage: scripts/profile.sh [MEGABYTES] [-- CONVERT_FLAGS...]" >&2
    exit 2
    ;;
esac
FLAGS=(--no-lang -j 1)
if [ $# -gt 0 ]; then
    [ "$1" = "--" ] || {
        echo "usage: scripts/profile.sh [MEGABYTES] [-- CONVERT_FLAGS...]" >&2
        exit 2
    }
    shift
    FLAGS=("$@")
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
command -v valgrind > /dev/null || {
    echo "profile: needs valgrind (apt-get install valgrind)" >&2
    exit 1
}

cargo build --release -p nomina-cli >&2
CORPUS=target/profile-corpus-$MB
if [ ! -d "$CORPUS" ]; then
    python3 scripts/gen_corpus.py "$CORPUS" --megabytes "$MB" --seed 1 >&2
fi
OUT=target/profile.callgrind
valgrind --tool=callgrind --callgrind-out-file="$OUT" target/release/nomina convert "${FLAGS[@]}" "$CORPUS" \
    > /dev/null 2> target/profile.valgrind.log

bytes=$(find "$CORPUS" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }')
total=$(awk '/^summary:/ { print $2 }' "$OUT")
echo "nomina convert ${FLAGS[*]} $CORPUS: $bytes bytes, $total instructions," \
    "$(awk -v t="$total" -v b="$bytes" 'BEGIN { printf "%.0f", t / b }') per byte"
echo
echo "inclusive instructions of the workspace's functions (and chardetng, serde_json, sha2):"
callgrind_annotate --auto=no --inclusive=yes "$OUT" 2> /dev/null | python3 -c '
import re, sys
# "  1,234 (12.34%)  path/file.rs:crate::function [object]": the function of
# each entry once (inlined code shows under several files), largest first.
entry = re.compile(r"^\s*([0-9,]+) \(\s*([0-9.]+)%\)\s+(?:\S*?\.(?:rs|c|S)|\?\?\?):(.+?)(?: \[[^]]*\])?$")
ours = re.compile(r"^(<?nomina[a-z_]*::|chardetng::|serde_json::ser::format|sha2::sha256::compress256|<nomina)")
skip = re.compile(r"\{\{closure\}\}|Pipeline::convert$|convert::convert_(input|window)$|LocalKey")
seen = set()
for line in sys.stdin:
    m = entry.match(line)
    if not m or not ours.match(m.group(3)) or skip.search(m.group(3)) or m.group(3) in seen:
        continue
    seen.add(m.group(3))
    print(f"{m.group(1):>15} {m.group(2):>6}%  {m.group(3)}")
    if len(seen) == 30:
        break
'
