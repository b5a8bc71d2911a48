#!/usr/bin/env python3
"""Converts documents and archives to nomina records on a Spark cluster, into Parquet.

    scripts/spark_convert.py INPUT... --out DIR [--master URL] [--overwrite]
        [--threads N] [--date-order mdy|dmy] [--no-lang] [--languages en,fr]
        [--lang-mode fast|full] [--max-bytes N]

INPUT is a file, a directory (walked recursively) or an archive (.zip, .tar, .tar.gz,
.tgz, .warc, .warc.gz), on the local file system or at any URI Spark reads (hdfs://,
s3a://, ...). The inputs are read with Spark's binaryFile source and converted on the
executors with the nomina package (which must be installed there: see docs/python.md),
each input file by one task, an archive member by member as `nomina convert` does.
Writes Parquet:

    DIR/records/   path, id, kind, record   (record: the JSON line `nomina convert` writes)
    DIR/errors/    path, code, message      (the command's error lines)

`path` is the record's `source.path`: the path as the command would write it for the same
INPUT arguments (`fixtures/001.txt`, `crawl/c.warc.gz/https://example.org/p/1`), so that
the records are the command's, byte for byte.

How each input is converted once: the executors write every outcome (records and errors
together) once, to DIR/_outcomes, through Spark's output commit, which keeps the output
of exactly one attempt of each task, whether a task was retried after a failure or run
twice speculatively; the two tables are then split from it, without converting again,
and DIR/_outcomes is removed. A bad document or member is an error row and costs no other
row; a task that fails (an executor lost) is run again whole.

What Spark's binaryFile source leaves out: files whose name starts with `_` or `.`
(Hadoop's hidden files) are not listed, where the command converts them; a file of 2 GiB
or more cannot be read by it and gets an error row (`too_large`) instead. Empty files,
which its scan passes over, get the command's error row (`empty`) from the driver.

For tests, NOMINA_SPARK_FAIL_FIRST_ATTEMPT=1 makes the first attempt of every task fail
after its first outcomes are handed to Spark, to show that a retried task's rows are not
written twice (run with a master allowing retries, such as `local[2,4]`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Dict, Iterator, List, Tuple
from urllib.parse import unquote, urlsplit

# Spark's binaryFile source reads a file into one array of bytes: no more than this.
BINARY_FILE_LIMIT = 2**31 - 1

# Input files handed to the Python workers at a time: a batch's bytes are in memory
# at once (the nomina package then holds a bounded window of them).
FILES_PER_BATCH = 64

# Outcome rows per Arrow batch handed back to Spark.
ROWS_PER_BATCH = 1024

OUTCOME_COLUMNS = ("path", "kind", "id", "record", "code", "message")


def parse_args(argv: List[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Convert documents and archives to nomina records on Spark, into Parquet.",
        epilog="Writes DIR/records (path, id, kind, record) and DIR/errors (path, code, message).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory or archive; a local path or a URI")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory (local path or URI)")
    p.add_argument("--master", metavar="URL", help="Spark master (default: as spark-submit or the environment says)")
    p.add_argument("--overwrite", action="store_true", help="replace DIR/records and DIR/errors if they exist")
    p.add_argument(
        "--threads", type=int, default=0, metavar="N", help="nomina threads per task (default: spark.task.cpus)"
    )
    p.add_argument("--date-order", choices=("mdy", "dmy"), default="mdy")
    p.add_argument("--no-lang", action="store_true", help="do not detect languages")
    p.add_argument("--languages", default="", help="languages to detect, as ISO 639-1 codes (en,fr,...)")
    p.add_argument("--lang-mode", choices=("fast", "full"), default="fast")
    p.add_argument("--max-bytes", type=int, default=None, help="largest document accepted, in bytes")
    return p.parse_args(argv)


def nomina_options(args: argparse.Namespace) -> Dict[str, object]:
    options: Dict[str, object] = {
        "date_order": args.date_order,
        "detect_language": not args.no_lang,
        "languages": args.languages,
        "lang_mode": args.lang_mode,
    }
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    return options


def command_path(file_uri: str, roots: List[Tuple[str, str, bool]]) -> str:
    """The path `nomina convert ARG...` gives the file Spark lists as `file_uri`.

    `roots` holds, for each INPUT argument, its fully qualified URI (as Spark writes
    the paths it lists), the argument as given, and whether it is a directory. A file
    under a directory argument `dir/` is `dir/REL`; a file argument is itself.
    """
    for qualified, arg, is_dir in roots:
        if not is_dir:
            if file_uri == qualified:
                return arg
            continue
        prefix = qualified.rstrip("/") + "/"
        if file_uri.startswith(prefix):
            base = arg.rstrip("/")
            return f"{base}/{file_uri[len(prefix):]}" if base else f"/{file_uri[len(prefix):]}"
    # Not under any argument (a scheme Spark rewrites): the URI as Spark gives it.
    return file_uri


def qualify_inputs(spark, inputs: List[str]) -> List[Tuple[str, str, bool]]:
    """Each INPUT's qualified URI and kind, as Hadoop's file system sees it."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    roots = []
    for arg in inputs:
        path = jvm.org.apache.hadoop.fs.Path(arg)
        fs = path.getFileSystem(conf)
        qualified = fs.makeQualified(path)
        if not fs.exists(qualified):
            raise SystemExit(f"spark_convert: {arg}: no such file or directory")
        roots.append((qualified.toString(), arg, bool(fs.getFileStatus(qualified).isDirectory())))
    # Longest first: a file argument inside a directory argument is named as given.
    roots.sort(key=lambda r: (r[2], -len(r[0])))
    return roots


def outcome_batches(roots, options, threads, fail_first_attempt):
    """The function run on the executors: binary files in, outcome rows out."""

    def convert(batches: Iterator) -> Iterator:
        import pyarrow as pa

        import nomina

        schema = pa.schema([(name, pa.string()) for name in OUTCOME_COLUMNS])
        attempt_fails = False
        if fail_first_attempt:
            from pyspark import TaskContext

            context = TaskContext.get()
            attempt_fails = context is not None and context.attemptNumber() == 0

        def pairs():
            for batch in batches:
                uris = batch.column("path").to_pylist()
                contents = batch.column("content").to_pylist()
                for uri, content in zip(uris, contents):
                    yield command_path(uri, roots), content

        columns: Dict[str, list] = {name: [] for name in OUTCOME_COLUMNS}
        rows = 0
        for outcomes in nomina.convert_many(pairs(), threads=threads, output="row", **options):
            for row in outcomes:
                for name, value in zip(OUTCOME_COLUMNS, row):
                    columns[name].append(value)
            rows += len(outcomes)
            if rows >= ROWS_PER_BATCH:
                yield pa.RecordBatch.from_pydict(columns, schema=schema)
                columns = {name: [] for name in OUTCOME_COLUMNS}
                rows = 0
                if attempt_fails:
                    raise RuntimeError("NOMINA_SPARK_FAIL_FIRST_ATTEMPT: this attempt fails on purpose")
        if rows:
            yield pa.RecordBatch.from_pydict(columns, schema=schema)
        if attempt_fails:
            raise RuntimeError("NOMINA_SPARK_FAIL_FIRST_ATTEMPT: this attempt fails on purpose")

    return convert


def main(argv: List[str]) -> int:
    args = parse_args(argv)
    options = nomina_options(args)
    # Checked on the driver before any task runs: an unknown option or language is a
    # usage error, not a failure on every executor.
    import nomina

    nomina.convert_file(b"", "check.txt", **options)
    if args.threads < 0:
        raise SystemExit("spark_convert: --threads must be positive")

    # Local runs use this interpreter (and so this nomina package) on the workers too.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    started = time.perf_counter()
    builder = SparkSession.builder.appName("nomina convert")
    if args.master:
        builder = builder.master(args.master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(FILES_PER_BATCH))
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    # Spark counts each file as 4 MB more when it packs files into tasks: for pages of a
    # few kilobytes that made a task of some thirty files, and the job mostly starting
    # tasks. Counted as 64 KiB, a task takes up to 128 MB of small files.
    builder = builder.config("spark.sql.files.openCostInBytes", str(64 << 10))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    session = time.perf_counter() - started
    try:
        out = args.out.rstrip("/")
        mode = "overwrite" if args.overwrite else "errorifexists"
        threads = args.threads or int(spark.conf.get("spark.task.cpus", "1"))
        roots = qualify_inputs(spark, args.inputs)

        files = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load([r[0] for r in roots])
        )
        # The files the source lists with their sizes (its content column is not read
        # for this). Files too large for it get an error row each, never read; empty
        # files, which its scan passes over, get the command's error row for them.
        listed = files.select("path", "length").collect()
        extra = [
            (command_path(row["path"], roots), row["length"]) for row in listed if row["length"] > BINARY_FILE_LIMIT
        ]
        seen = {row["path"] for row in listed}
        extra += [(command_path(uri, roots), 0) for uri in empty_files(spark, files.inputFiles(), seen)]
        readable = files.filter(F.col("length") <= BINARY_FILE_LIMIT).select("path", "content")
        schema = StructType([StructField(name, StringType(), True) for name in OUTCOME_COLUMNS])
        fail_first = os.environ.get("NOMINA_SPARK_FAIL_FIRST_ATTEMPT") == "1"
        outcomes = readable.mapInArrow(outcome_batches(roots, options, threads, fail_first), schema)
        if extra:
            rows = []
            for path, length in extra:
                if length == 0:
                    rows.extend(tuple(row) for row in nomina.convert_file(b"", path, output="row", **options))
                else:
                    message = f"{path}: {length} bytes, over Spark's binaryFile limit of {BINARY_FILE_LIMIT}"
                    rows.append((path, None, None, None, "too_large", message))
            outcomes = outcomes.unionByName(spark.createDataFrame(rows, schema))

        staging = f"{out}/_outcomes"
        outcomes.write.mode("overwrite").parquet(staging)
        written = spark.read.parquet(staging)
        records = written.filter(F.col("code").isNull()).select("path", "id", "kind", "record")
        errors = written.filter(F.col("code").isNotNull()).select("path", "code", "message")
        records.write.mode(mode).parquet(f"{out}/records")
        errors.write.mode(mode).parquet(f"{out}/errors")
        counts = {
            row["kind"] or "error": row["count"]
            for row in written.groupBy(F.col("kind")).count().collect()
        }
        remove(spark, staging)
        took = time.perf_counter() - started - session
    finally:
        spark.stop()
    total = sum(counts.values())
    print(
        f"converted {total} documents: {counts.get('nomination', 0)} nomination, {counts.get('news', 0)} news, "
        f"{counts.get('unknown', 0)} unknown; {counts.get('error', 0)} errors",
        file=sys.stderr,
    )
    print(f"spark_convert: conversion took {took:.3f} s (after {session:.3f} s starting Spark)", file=sys.stderr)
    return 0


def empty_files(spark, input_files: List[str], seen: set) -> List[str]:
    """The files of `input_files` (the source's file index) that its scan does not give
    (`seen`): the empty ones, in the form of the paths the scan gives."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    empty = []
    for uri in input_files:
        # The index writes URIs (file:///a%20b), the scan Hadoop paths (file:/a b).
        parts = urlsplit(uri)
        path = f"{parts.scheme}:" + (f"//{parts.netloc}" if parts.netloc else "") + unquote(parts.path)
        if path in seen:
            continue
        hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
        if hadoop_path.getFileSystem(conf).getFileStatus(hadoop_path).getLen() == 0:
            empty.append(path)
    return empty


def remove(spark, uri: str) -> None:
    """Deletes a directory through Hadoop's file system (local, HDFS, S3...)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
