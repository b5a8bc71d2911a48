"""What the tests compare the package with: the `nomina` command's output.

The command is NOMINA_BIN, or the repository's target/release/nomina or
target/debug/nomina, whichever exists (scripts/check_python.sh builds it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Sequence, Tuple

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
FIXTURES = ROOT / "fixtures"

sys.path.insert(0, str(HERE))

from archives import content_type, write_tar, write_warc, write_zip  # noqa: E402


def nomina_command() -> Path:
    if os.environ.get("NOMINA_BIN"):
        return Path(os.environ["NOMINA_BIN"]).resolve()
    for build in ("release", "debug"):
        candidate = ROOT / "target" / build / "nomina"
        if candidate.exists():
            return candidate
    raise RuntimeError("no nomina command: set NOMINA_BIN or run cargo build -p nomina-cli")


class Command:
    """Runs `nomina convert` and gives its record lines and error lines."""

    def __init__(self, binary: Path, work: Path) -> None:
        self.binary = binary
        self.work = work
        self.runs = 0

    def convert(self, args: Sequence[str], cwd: Path = ROOT) -> Tuple[List[str], List[str]]:
        self.runs += 1
        out = self.work / f"run-{self.runs}.jsonl"
        err = self.work / f"run-{self.runs}.errors"
        done = subprocess.run(
            [str(self.binary), "convert", *args, "-o", str(out), "--errors", str(err)],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert done.returncode in (0, 1), done.stderr.decode()
        return out.read_text("utf-8").splitlines(), err.read_text("utf-8").splitlines()

    def run(self, *args: str) -> str:
        return subprocess.run([str(self.binary), *args], check=True, stdout=subprocess.PIPE).stdout.decode()


@pytest.fixture(scope="session")
def command(tmp_path_factory: pytest.TempPathFactory) -> Command:
    return Command(nomina_command(), tmp_path_factory.mktemp("command"))


def fixture_files() -> List[Tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(FIXTURES.iterdir()) if p.is_file()]


# Documents that cannot be converted, beside the fixtures.
BAD = [
    ("bad/empty.txt", b""),
    ("bad/binary.bin", bytes(range(256)) * 8),
]


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of inputs: bad documents, and a zip, a tar, a tar.gz, a WARC and a
    gzipped WARC of the fixtures (the zip and tar.gz with the bad documents too)."""
    root = tmp_path_factory.mktemp("inputs")
    (root / "bad").mkdir()
    for name, data in BAD:
        (root / name).write_bytes(data)
    files = fixture_files()
    members = [(f"pages/{name}", data) for name, data in files]
    write_zip(root / "fixtures.zip", members + BAD)
    write_tar(root / "fixtures.tar", members, gz=False)
    write_tar(root / "fixtures.tar.gz", members + BAD, gz=True)
    pages = [(f"https://example.org/p/{name}", data, content_type(name)) for name, data in files]
    write_warc(root / "crawl.warc", pages, gz=False)
    write_warc(root / "crawl.warc.gz", pages + [("https://example.org/empty", b"", "text/plain")], gz=True)
    return root


ARCHIVES = ["fixtures.zip", "fixtures.tar", "fixtures.tar.gz", "crawl.warc", "crawl.warc.gz"]
