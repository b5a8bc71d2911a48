#!/usr/bin/env bash
# Fuzzes nomina with cargo-fuzz (libFuzzer).
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: pipeline | parse
#   scripts/fuzz.sh all SECONDS        both targets at once, one process each
#
# Targets (fuzz/fuzz_targets/):
#   pipeline  arbitrary bytes through nomina::Pipeline::convert; a record must have
#             uncovered_chars 0 and survive a JSON round trip, an error must be typed
#   parse     arbitrary text through nomina::parse::parse; every span in bounds
#
# The fuzz/ crate is outside the workspace (the root Cargo.toml excludes it), so the
# normal build never needs nightly. cargo-fuzz does: the script installs cargo-fuzz
# (`cargo install cargo-fuzz --locked`) when it is missing, then uses a nightly
# toolchain if rustup has one, and otherwise the default (stable) toolchain with
# RUSTC_BOOTSTRAP=1, which lets stable rustc accept the -Z sanitizer flags cargo-fuzz
# passes. Set FUZZ_TOOLCHAIN=stable to force the latter.
#
# Corpus: fuzz/corpus/TARGET/ (not committed), seeded on every run with a copy of
# each fixture (seed_NAME), so the seeds follow fixtures/ without a second copy. Crashes and timeouts land in
# fuzz/artifacts/TARGET/; logs (with the #N execution counts and final stats) in
# fuzz/logs/TARGET-<time>.log. An input that runs over 10 s is a hang (-timeout=10).
# Reproduce a crash:  (cd fuzz && cargo +nightly fuzz run TARGET artifacts/TARGET/crash-...)
# Minimize it:        (cd fuzz && cargo +nightly fuzz tmin TARGET artifacts/TARGET/crash-...)
# then add the bytes under tests/regressions/ and a test in tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

usage() {
    echo "usage: scripts/fuzz.sh pipeline|parse|all SECONDS" >&2
    exit 2
}
[ $# -eq 2 ] || usage
TARGET=$1
SECONDS_=$2
case $SECONDS_ in '' | *[!0-9]*) usage ;; esac
case $TARGET in pipeline | parse | all) ;; *) usage ;; esac

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

TOOLCHAIN=()
if [ "${FUZZ_TOOLCHAIN:-}" != stable ] && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    TOOLCHAIN=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi

mkdir -p logs

run() {
    local target=$1 log
    log=logs/$target-$(date +%Y%m%dT%H%M%S).log
    mkdir -p "corpus/$target" "artifacts/$target"
    for f in ../fixtures/*; do cp "$f" "corpus/$target/seed_$(basename "$f")"; done
    echo "fuzzing $target for $SECONDS_ s, log in fuzz/$log" >&2
    # -max_len: the fixtures run to 35 kB; 100 kB leaves room for growth.
    # -rss_limit_mb: a document must convert in bounded memory.
    local status=0
    cargo "${TOOLCHAIN[@]}" fuzz run -O "$target" "corpus/$target" -- \
        -max_len=100000 -timeout=10 -rss_limit_mb=2048 -max_total_time="$SECONDS_" \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$log" | sed "s/^/$target: /" >&2 || true
    return $status
}

if [ "$TARGET" = all ]; then
    set +e
    run pipeline &
    a=$!
    run parse &
    b=$!
    wait $a
    sa=$?
    wait $b
    sb=$?
    [ $sa -eq 0 ] && [ $sb -eq 0 ]
else
    run "$TARGET"
fi
