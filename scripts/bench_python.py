#!/usr/bin/env python3
"""Throughput of the Python package and of the Spark job against `nomina convert`.

    python scripts/bench_python.py CORPUS --nomina BIN [--runs 3] [--threads 1,2]
        [--spark-cores 1,2] [--no-spark]

(scripts/bench_python.sh builds what it needs and runs it on the 200 MB corpus.) Run with
the Python that has the nomina package (and pyspark, for the Spark rows). Each
measurement runs in a process of its own, RUNS rounds of every measurement in turn (a
busier spell of a shared machine costs one run of each, not every run of one), and keeps
its fastest wall time and its highest peak RSS:

- `nomina convert -j T CORPUS > /dev/null`, the command;
- `nomina.convert_many(pairs, threads=T, output=...)` over a generator reading the
  corpus's files (in the command's order), each list taken and dropped: with
  output="json" (the command's lines as str, what the command makes), "row" and
  "dict" (each record as the dict json.loads would make of its line);
- scripts/spark_convert.py CORPUS --out DIR --master local[C]: the whole job (the JVM's
  start, listing, converting, the Parquet tables), and the part it reports as its own.

Prints a Markdown table: MB/s (corpus bytes / wall seconds, 1 MB = 10^6 bytes),
documents/s, peak RSS, and the ratio to the command with as many threads.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(corpus: Path) -> List[Path]:
    files = [Path(d) / f for d, _, names in os.walk(corpus) for f in names]
    # The command's order: by the path its records show.
    return sorted(files, key=lambda p: str(p))


def run_many(corpus: Path, threads: int, output: str) -> Dict[str, float]:
    """One measurement of convert_many, in this process."""
    import nomina

    files = corpus_files(corpus)

    def pairs() -> Iterator[Tuple[str, bytes]]:
        for path in files:
            with open(path, "rb") as f:
                yield str(path), f.read()

    outcomes = 0
    start = time.perf_counter()
    for outs in nomina.convert_many(pairs(), threads=threads, output=output):
        outcomes += len(outs)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"wall": wall, "rss": rss, "outcomes": outcomes}


def measure(cmd: List[str], env: Dict[str, str] | None = None) -> Tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and standard error of a command run once, in a
    process of its own (the peak RSS read by a child that waits for it)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - start\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stderr.buffer.write(p.stderr)\n"
        "print(f'{p.returncode} {wall} {rss}')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        check=True,
    )
    code, wall, rss = done.stdout.decode().split()
    if int(code) not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({code}): {done.stderr.decode()[-2000:]}")
    return float(wall), float(rss), done.stderr.decode()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--nomina", required=True, type=Path, help="the command's binary")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--spark-cores", default="1,2")
    p.add_argument("--no-spark", action="store_true")
    args = p.parse_args()

    files = corpus_files(args.corpus)
    total = sum(f.stat().st_size for f in files)
    threads = [int(t) for t in args.threads.split(",")]
    cores = [] if args.no_spark else [int(c) for c in args.spark_cores.split(",")]

    # Rows: (label, threads, command)
    rows: List[Tuple[str, int, List[str]]] = []
    for t in threads:
        rows.append((f"`nomina convert -j {t}`", t, [str(args.nomina), "convert", "-j", str(t), str(args.corpus)]))
        for output in ("json", "row", "dict"):
            rows.append(
                (
                    f'`convert_many(threads={t}, output="{output}")`',
                    t,
                    [sys.executable, __file__, "--one-run", str(args.corpus), str(t), output],
                )
            )
    work = Path(tempfile.mkdtemp(prefix="nomina-bench-spark-"))
    for c in cores:
        out = work / f"out-{c}"
        rows.append(
            (
                f"`spark_convert.py --master local[{c}]`",
                c,
                [
                    sys.executable,
                    str(ROOT / "scripts" / "spark_convert.py"),
                    str(args.corpus),
                    "--out",
                    str(out),
                    "--master",
                    f"local[{c}]",
                    "--overwrite",
                ],
            )
        )

    print("== warming the page cache", file=sys.stderr)
    for f in files:
        f.read_bytes()

    best: Dict[str, float] = {}
    rss: Dict[str, float] = {}
    inner: Dict[str, float] = {}
    for run in range(args.runs):
        for label, _, cmd in rows:
            print(f"== {label} [run {run + 1} of {args.runs}]", file=sys.stderr)
            wall, peak, err = measure(cmd)
            print(f"   {wall:.3f} s, {total / 1e6 / wall:.1f} MB/s, peak RSS {peak:.0f} MB", file=sys.stderr)
            best[label] = min(best.get(label, wall), wall)
            rss[label] = max(rss.get(label, 0.0), peak)
            for line in err.splitlines():
                if line.startswith("spark_convert: conversion took "):
                    seconds = float(line.split()[3])
                    inner[label] = min(inner.get(label, seconds), seconds)
                    print(f"   {line}", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)

    command_wall = {t: best[f"`nomina convert -j {t}`"] for t in threads}
    command_wall.update({c: best.get(f"`nomina convert -j {c}`", 0.0) for c in cores})
    print()
    print(f"corpus {args.corpus}: {len(files)} files, {total} bytes; each row the fastest of {args.runs} runs")
    print()
    print("| run | threads or cores | wall s | MB/s | docs/s | peak RSS MB | vs the command |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, t, _ in rows:
        wall = best[label]
        ratio = command_wall.get(t) / wall if command_wall.get(t) else float("nan")
        print(
            f"| {label} | {t} | {wall:.2f} | {total / 1e6 / wall:.1f} | {len(files) / wall:.0f} | "
            f"{rss[label]:.0f} | {ratio:.2f} |"
        )
        if label in inner:
            w = inner[label]
            ratio = command_wall.get(t) / w if command_wall.get(t) else float("nan")
            print(
                f"| {label[:-1]}, its conversion stage` | {t} | {w:.2f} | {total / 1e6 / w:.1f} | "
                f"{len(files) / w:.0f} | | {ratio:.2f} |"
            )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one-run":
        result = run_many(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        print(json.dumps(result), file=sys.stderr)
        sys.exit(0)
    sys.exit(main())
