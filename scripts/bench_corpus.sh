# Sourced by scripts/bench.sh and scripts/bench_python.sh: the benchmark corpus.
#
#   bench_corpus ROOT MEGABYTES SEED
#
# Generates ROOT/target/bench-corpus-MEGABYTES with scripts/gen_corpus.py unless its marker
# (ROOT/target/bench-corpus-MEGABYTES.marker: the generator's arguments, the generator's and
# the fixtures' SHA-256) says the corpus there is current, so that both benchmarks measure the
# same files and make them once. Progress goes to standard error.
bench_corpus() {
    local root=$1 mb=$2 seed=$3
    local gen=$root/scripts/gen_corpus.py
    local dir=$root/target/bench-corpus-$mb
    local marker=$dir.marker
    local gen_sha fixtures_sha want
    gen_sha=$(sha256sum "$gen" | cut -d' ' -f1)
    fixtures_sha=$(find "$root/fixtures" -maxdepth 1 -type f -name '*.txt' -print0 | sort -z |
        xargs -0 sha256sum | sed 's|  .*/|  |' | sha256sum | cut -d' ' -f1)
    want=$(printf 'gen_corpus.py args: %s --megabytes %s --seed %s\ngen_corpus.py sha256: %s\nfixtures sha256: %s' \
        "target/bench-corpus-$mb" "$mb" "$seed" "$gen_sha" "$fixtures_sha")
    if [ -d "$dir" ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
        printf '== reusing %s\n' "$dir" >&2
    else
        printf '== generating %s\n' "$dir" >&2
        rm -rf "$dir" "$marker"
        python3 "$gen" "$dir" --megabytes "$mb" --seed "$seed" >&2
        printf '%s\n' "$want" > "$marker"
    fi
}
