"""scripts/spark_convert.py in Spark's local mode gives the command's records and errors:
the same paths, each record's JSON line byte for byte, each error's code and message;
and a task that fails and is run again writes its rows once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import pytest
from conftest import ROOT, Command

pq = pytest.importorskip("pyarrow.parquet", reason="the Spark test needs pyarrow (scripts/check_python.sh installs it)")

SCRIPT = ROOT / "scripts" / "spark_convert.py"
INPUTS = ["fixtures.zip", "fixtures.tar.gz", "crawl.warc.gz", "bad"]


def spark_convert(inputs: Path, out: Path, master: str, env: Optional[Dict[str, str]] = None) -> None:
    args = ["fixtures", *(str(inputs / name) for name in INPUTS)]
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--out", str(out), "--master", master],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()[-4000:]


def read(table: Path, columns: List[str]) -> List[Tuple[str, ...]]:
    rows = pq.read_table(table, columns=columns).to_pylist()
    return [tuple(row[c] for c in columns) for row in rows]


def expected(command: Command, inputs: Path) -> Tuple[Set[Tuple[str, str]], Set[Tuple[str, str, str]]]:
    records, errors = command.convert(["fixtures", *(str(inputs / name) for name in INPUTS)])
    want_records = {(json.loads(line)["source"]["path"], line) for line in records}
    want_errors = set()
    for line in errors:
        e = json.loads(line)
        want_errors.add((e["path"], e["error"]["code"], e["error"]["message"]))
    assert len(want_records) == len(records) and len(want_errors) == len(errors)
    return want_records, want_errors


def check(out: Path, want_records: Set[Tuple[str, str]], want_errors: Set[Tuple[str, str, str]]) -> None:
    assert sorted(p.name for p in out.iterdir()) == ["errors", "records"]
    records = read(out / "records", ["path", "id", "kind", "record"])
    # Every record once: no row twice, none missing, each line the command's.
    assert len(records) == len(want_records)
    assert {(path, record) for path, _, _, record in records} == want_records
    for path, id_, kind, record in records:
        parsed = json.loads(record)
        assert (parsed["source"]["path"], parsed["id"], parsed["kind"]) == (path, id_, kind)
    errors = read(out / "errors", ["path", "code", "message"])
    assert len(errors) == len(want_errors)
    assert set(errors) == want_errors


def test_spark_gives_the_commands_records(command: Command, inputs: Path, tmp_path: Path) -> None:
    want_records, want_errors = expected(command, inputs)
    # Documents, members of three kinds of archive, and bad documents among them.
    assert len(want_records) >= 40
    assert {code for _, code, _ in want_errors} == {"empty", "binary"}
    out = tmp_path / "out"
    spark_convert(inputs, out, "local[2]")
    check(out, want_records, want_errors)
    # A retried task's rows are written once: every task's first attempt fails
    # after handing Spark some rows, and Spark runs it again.
    retried = tmp_path / "retried"
    spark_convert(inputs, retried, "local[2,4]", env={"NOMINA_SPARK_FAIL_FIRST_ATTEMPT": "1"})
    check(retried, want_records, want_errors)
