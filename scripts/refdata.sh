#!/usr/bin/env bash
# Regenerates nomina's reference tables, crates/nomina-refdata/data/*.tsv and
# its NOTICE.md, from the sources kept in crates/nomina-refdata/sources/, with
# the generator crate nomina-refgen. Needs only a Rust toolchain.
#
#   scripts/refdata.sh                write the tables (runnable from any directory)
#   scripts/refdata.sh --check        exit 1, naming the stale files, if any table
#                                     differs from what the sources generate
#   scripts/refdata.sh --collisions   also list country names shared by several codes
#
# To move to a new version of a source, refresh the sources first:
#   python3 scripts/refresh_refdata_sources.py && scripts/refdata.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec cargo run --quiet --locked -p nomina-refgen -- "$@"
