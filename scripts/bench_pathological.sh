#!/usr/bin/env bash
# Time and memory of `nomina convert` on pathological inputs, each at three sizes.
#
#   scripts/bench_pathological.sh [SCALE]     (default 1; runnable from any directory)
#
# Shapes (size x1 at SCALE 1; the run also takes x2 and x4):
#   long_line       one line of 1 MB: fixture 001's words, its line breaks made spaces
#   empty_lines     250,000 empty lines between two lines of a form
#   repeated_block  fixture 001's basic-info block (its questions 1 to 10) 1,250 times
#   repeated_label  `Member State` alone on 25,000 lines
#   no_breaks_html  one line of HTML, 1 MB of nested <div>s and text
# Builds the release binary, writes the inputs to target/pathological/, runs each once
# with -j 1 (output to /dev/null) and prints a Markdown table: input MB (10^6 bytes),
# wall seconds, seconds per MB, that per-MB time over the shape's x1 per-MB time
# (near 1 at x2 and x4 when time grows linearly; 2 and 4 would mean quadratic), and
# peak RSS. A run that ends with an error line (too large, empty) counts as a run: the
# table shows the outcome. The largest inputs are what tests/pathological.rs converts.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

SCALE=${1:-1}
case $SCALE in '' | *[!0-9]* | 0) echo "usage: scripts/bench_pathological.sh [SCALE]" >&2 && exit 2 ;; esac

cargo build --release --locked -q -p nomina-cli
BIN=$PWD/target/release/nomina
OUT=$PWD/target/pathological
mkdir -p "$OUT"

python3 - "$BIN" "$OUT" "$SCALE" <<'EOF'
import os, subprocess, sys, time

bin_, out, scale = sys.argv[1], sys.argv[2], int(sys.argv[3])
fixture = open("fixtures/001_eeae656d80b09620.txt", "rb").read()
lines = fixture.split(b"\n")
head = b"\n".join(lines[:16]) + b"\n"          # Basic Info .. the institution block
block = b"\n".join(lines[16:69]) + b"\n"      # Question 1 .. Question 10, once
words = fixture.replace(b"\r", b" ").replace(b"\n", b" ")


def long_line(n):
    size = 1_000_000 * n
    return (words * (size // len(words) + 1))[:size]


def empty_lines(n):
    return b"Member State Republic of Korea\n" + b"\n" * (250_000 * n) + b"Institution Name Dangjin City\n"


def repeated_block(n):
    return head + block * (1_250 * n)


def repeated_label(n):
    return b"Member State\n" * (25_000 * n)


def no_breaks_html(n):
    unit = b"<div><p>Member State Republic of Korea</p><span>Institution Name Dangjin City</span></div>"
    reps = 1_000_000 * n // len(unit)
    return b"<!DOCTYPE html><html><body>" + unit * reps + b"</body></html>"


def run(path):
    """Wall seconds, peak RSS in MB and outcome of converting `path`."""
    start = time.perf_counter()
    proc = subprocess.Popen([bin_, "convert", "-j", "1", "-o", "/dev/null", path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code == 0:
        outcome = "record"
    elif '"code":"' in stderr:
        outcome = "error " + stderr.split('"code":"')[1].split('"')[0]
    else:
        outcome = f"exit {code}"
    return seconds, usage.ru_maxrss / 1024, outcome


# What every run pays whatever its input (start-up, the language detector):
# the best of three runs on a one-line form, subtracted before dividing by MB.
tiny = os.path.join(out, "tiny.txt")
with open(tiny, "wb") as f:
    f.write(b"Member State Republic of Korea\nInstitution Name Dangjin City\n")
startup = min(run(tiny)[0] for _ in range(3))
print(f"start-up (one-line form, best of 3): {startup:.3f} s\n")
print("| shape | size | input MB | seconds | net s per MB | per-MB vs x1 | peak RSS MB | outcome |")
print("|---|---|---|---|---|---|---|---|")
for shape in [long_line, empty_lines, repeated_block, repeated_label, no_breaks_html]:
    base = None
    for mult in (1, 2, 4):
        data = shape(scale * mult)
        path = os.path.join(out, f"{shape.__name__}_x{mult}.txt")
        with open(path, "wb") as f:
            f.write(data)
        mb = len(data) / 1e6
        seconds, rss, outcome = run(path)
        per_mb = max(seconds - startup, 0.0) / mb
        base = base or per_mb or 1e-9
        print(f"| {shape.__name__} | x{mult} | {mb:.2f} | {seconds:.3f} | {per_mb:.3f} | {per_mb / base:.2f} "
              f"| {rss:.0f} | {outcome} |", flush=True)
EOF
