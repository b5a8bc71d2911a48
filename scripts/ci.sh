#!/usr/bin/env bash
# The whole check, as CI runs it: formatting, lints, docs, every test.
# Developers run the same script before they push.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

echo "== cargo test"
cargo test --workspace --locked

echo "== analysis: JSON Schema, CSV tables, DuckDB and pandas"
scripts/check_analysis.sh
