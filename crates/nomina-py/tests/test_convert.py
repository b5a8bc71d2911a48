"""The package gives what the command gives: records byte for byte, errors with the
same codes, messages and paths, archives member by member in the command's order."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest
from conftest import ARCHIVES, BAD, FIXTURES, ROOT, Command, fixture_files

import nomina


def by_path(lines: List[str]) -> Dict[str, str]:
    """Record or error lines by the path they name."""
    out = {}
    for line in lines:
        obj = json.loads(line)
        path = obj["path"] if "error" in obj else obj["source"]["path"]
        assert path not in out, path
        out[path] = line
    return out


def split(lines: List[str]) -> Tuple[List[str], List[str]]:
    """Lines of outcomes, split as the command writes them: records, errors."""
    records = [line for line in lines if "error" not in json.loads(line)]
    errors = [line for line in lines if "error" in json.loads(line)]
    return records, errors


def same(got: Any, want: Any, seen: Set[str], where: str = "") -> None:
    """``got == want`` and more: the same types (an int is no float, a bool no
    int) and every dict's keys in the same order. ``seen`` gathers what the
    values held, for tests to check that they met every kind."""
    assert type(got) is type(want), (where, got, want)
    if isinstance(want, dict):
        assert list(got) == list(want), where
        seen.add("dict")
        for key in want:
            same(got[key], want[key], seen, f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), where
        seen.add("list")
        for i, (g, w) in enumerate(zip(got, want)):
            same(g, w, seen, f"{where}[{i}]")
    else:
        assert got == want, where
        seen.add(type(want).__name__)
        if isinstance(want, str) and not want.isascii():
            seen.add("non-ASCII str")


# What the fixtures' records hold between them, all of which the dicts must
# make as json.loads does.
KINDS = {"dict", "list", "str", "non-ASCII str", "int", "bool", "NoneType", "error object", "record"}


def test_every_fixture_is_the_commands_line_byte_for_byte(command: Command) -> None:
    records, errors = command.convert(["fixtures"])
    assert errors == []
    expected = by_path(records)
    files = fixture_files()
    assert len(files) >= 10 and len(expected) == len(files)
    for name, data in files:
        path = f"fixtures/{name}"
        line = nomina.convert_json(data, path)
        assert line == expected[path], path
        assert not line.endswith("\n")
        assert nomina.convert(data, path) == json.loads(expected[path])
        # bytearray is taken as bytes are.
        assert nomina.convert_json(bytearray(data), path) == line
        assert nomina.convert(bytearray(data), path) == json.loads(line)


def test_every_fixtures_dict_is_json_loads_of_the_commands_line(command: Command, inputs: Path) -> None:
    """The dicts are made without JSON; they are what json.loads makes of the
    command's line all the same: values, types, key order, nested objects,
    non-ASCII text, numbers, nulls and booleans, for every fixture, from
    convert, convert_file (records and error objects, archives too) and
    convert_many."""
    records, errors = command.convert(["fixtures"])
    expected = by_path(records)
    seen: Set[str] = set()
    items = []
    for name, data in fixture_files():
        path = f"fixtures/{name}"
        want = json.loads(expected[path])
        same(nomina.convert(data, path), want, seen, path)
        (got,) = nomina.convert_file(data, path)
        same(got, want, seen, path)
        items.append((path, data))
    for archive in ARCHIVES:
        path = str(inputs / archive)
        data = (inputs / archive).read_bytes()
        lines = list(nomina.convert_file(data, path, output="json"))
        dicts = list(nomina.convert_file(data, path))
        same(dicts, [json.loads(line) for line in lines], seen, archive)
        seen.update("error object" if "error" in d else "record" for d in dicts)
        items.append((path, data))
    items += [(name, data) for name, data in BAD]
    for threads in (1, 2):
        want_lists = [[json.loads(x) for x in xs] for xs in nomina.convert_many(items, threads=threads, output="json")]
        same(list(nomina.convert_many(items, threads=threads)), want_lists, seen, f"many {threads}")
    assert seen >= KINDS, KINDS - seen


@pytest.mark.parametrize(
    "flags, options, changes",
    [
        (["--date-order", "dmy", "--no-lang"], {"date_order": "dmy", "detect_language": False}, True),
        (["--languages", "en,fr", "--lang-mode", "full"], {"languages": ["en", "fr"], "lang_mode": "full"}, None),
        (["--languages", "es,ru"], {"languages": "es,ru"}, None),
        (["--max-bytes", "20000"], {"max_bytes": 20000}, True),
    ],
)
def test_options_are_the_commands_flags(
    command: Command, flags: List[str], options: Dict[str, object], changes: object
) -> None:
    records, errors = command.convert([*flags, "fixtures"])
    expected = by_path(records + errors)
    changed = 0
    for name, data in fixture_files():
        path = f"fixtures/{name}"
        want = json.loads(expected[path])
        if "error" in want:
            with pytest.raises(nomina.ConversionError) as e:
                nomina.convert_json(data, path, **options)
            assert (e.value.path, e.value.code, e.value.message) == (
                want["path"],
                want["error"]["code"],
                want["error"]["message"],
            )
            changed += 1
        else:
            line = nomina.convert_json(data, path, **options)
            assert line == expected[path], path
            same(nomina.convert(data, path, **options), want, set(), path)
            changed += line != nomina.convert_json(data, path)
    # Where the options change some fixture's outcome, the package saw them.
    if changes:
        assert changed > 0
    print(flags, changed)


def test_errors_are_the_commands_error_lines(command: Command, inputs: Path) -> None:
    records, errors = command.convert(["bad"], cwd=inputs)
    assert records == []
    expected = by_path(errors)
    assert len(expected) == len(BAD)
    codes = set()
    for name, data in BAD:
        want = json.loads(expected[name])
        with pytest.raises(nomina.ConversionError) as e:
            nomina.convert(data, name)
        assert isinstance(e.value, ValueError)
        assert e.value.path == want["path"] == name
        assert e.value.code == want["error"]["code"]
        assert e.value.message == want["error"]["message"] == str(e.value)
        codes.add(e.value.code)
        # convert_file gives the error object in the document's place.
        same(list(nomina.convert_file(data, name)), [want], set(), name)
        assert list(nomina.convert_file(data, name, output="json")) == [expected[name]]
    assert codes == {"empty", "binary"}


def test_too_large_is_the_commands_error(command: Command, inputs: Path) -> None:
    records, errors = command.convert(["--max-bytes", "100", "bad/binary.bin"], cwd=inputs)
    (want,) = [json.loads(line) for line in errors]
    with pytest.raises(nomina.ConversionError) as e:
        nomina.convert(dict(BAD)["bad/binary.bin"], "bad/binary.bin", max_bytes=100)
    assert (e.value.code, e.value.message) == ("too_large", want["error"]["message"])


def test_a_document_gives_one_outcome(command: Command) -> None:
    name, data = fixture_files()[0]
    (record,) = nomina.convert_file(data, f"fixtures/{name}")
    assert record == nomina.convert(data, f"fixtures/{name}")
    (row,) = nomina.convert_file(data, f"fixtures/{name}", output="row")
    assert row.path == f"fixtures/{name}" and row.code is None and row.message is None
    assert (row.kind, row.id) == (record["kind"], record["id"])
    assert row.record == nomina.convert_json(data, f"fixtures/{name}")


@pytest.mark.parametrize("archive", ARCHIVES)
def test_an_archive_is_the_commands_members_in_its_order(command: Command, inputs: Path, archive: str) -> None:
    path = str(inputs / archive)
    records, errors = command.convert([path])
    data = (inputs / archive).read_bytes()
    lines = list(nomina.convert_file(data, path, output="json"))
    # The command writes records and errors apart, each in its order.
    assert split(lines) == (records, errors)
    # One order over both: by path.
    paths = [json.loads(line).get("path") or json.loads(line)["source"]["path"] for line in lines]
    assert paths == sorted(paths)
    assert all(p.startswith(path + "/") for p in paths)
    assert len(records) == len(fixture_files())
    assert list(nomina.convert_file(data, path)) == [json.loads(line) for line in lines]
    rows = list(nomina.convert_file(data, path, output="row"))
    assert [r.record for r in rows if r.code is None] == records
    assert [(r.path, r.code, r.message) for r in rows if r.code is not None] == [
        (e["path"], e["error"]["code"], e["error"]["message"]) for e in map(json.loads, errors)
    ]


def test_warc_records_carry_url_and_capture_date(inputs: Path) -> None:
    data = (inputs / "crawl.warc.gz").read_bytes()
    records = [r for r in nomina.convert_file(data, "c.warc.gz") if "error" not in r]
    assert records and all(r["source"]["url"].startswith("https://example.org/p/") for r in records)
    assert all(r["source"]["path"] == "c.warc.gz/" + r["source"]["url"] for r in records)
    assert all(r["source"]["fetched"].startswith("2019-05-") for r in records)


def many_inputs(inputs: Path) -> List[Tuple[str, bytes]]:
    files = [(f"fixtures/{name}", data) for name, data in fixture_files()]
    archives = [(str(inputs / a), (inputs / a).read_bytes()) for a in ARCHIVES]
    bad = [(str(inputs / name), data) for name, data in BAD]
    return files[:3] + archives[:2] + bad + files[3:] + archives[2:]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_many_is_convert_file_of_each_in_input_order(inputs: Path, threads: int) -> None:
    items = many_inputs(inputs)
    want = [list(nomina.convert_file(data, path, output="json")) for path, data in items]
    got = list(nomina.convert_many(iter(items), threads=threads, output="json"))
    assert got == want
    assert list(nomina.convert_many(items, threads=threads)) == [[json.loads(x) for x in w] for w in want]


def test_many_is_the_commands_output(command: Command, inputs: Path) -> None:
    items = many_inputs(inputs)
    records, errors = command.convert([path for path, _ in items], cwd=ROOT)
    lines = [line for outcomes in nomina.convert_many(items, output="json") for line in outcomes]
    assert sorted(split(lines)[0]) == sorted(records)
    assert sorted(split(lines)[1]) == sorted(errors)


def test_many_reads_its_inputs_as_it_goes() -> None:
    name, data = fixture_files()[0]
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield f"doc-{i}.txt", data

    many = nomina.convert_many(items(), threads=2, output="row")
    first = next(many)
    assert first[0].path == "doc-0.txt"
    # A window of documents is in flight, not the corpus: convert_many's
    # window (256 documents), the outcomes handed over at once to the
    # Python thread and not yet given to the caller (up to 256: the window
    # has room again for as many), the buffer of up to 64 taken from the
    # caller and waiting for room, and the one the batch holds in hand.
    assert 1 <= pulled <= 256 + 256 + 64 + 1
    rest = list(many)
    assert pulled == 2000 and len(rest) == 1999
    assert [r[0].path for r in rest[:3]] == ["doc-1.txt", "doc-2.txt", "doc-3.txt"]


def test_many_stops_at_a_bad_item_after_the_lists_before_it() -> None:
    name, data = fixture_files()[0]
    items = [("a.txt", data), ("b.txt", data), ("c.txt", "not bytes"), ("d.txt", data)]
    many = nomina.convert_many(items, output="row")
    assert next(many)[0].path == "a.txt"
    assert next(many)[0].path == "b.txt"
    with pytest.raises(TypeError, match="input 2 is not a"):
        next(many)
    assert list(many) == []


def test_many_passes_on_the_callers_exception() -> None:
    def items():
        yield "a.txt", b"A page of plain words."
        raise OSError("disk gone")

    many = nomina.convert_many(items())
    assert next(many)[0]["source"]["path"] == "a.txt"
    with pytest.raises(OSError, match="disk gone"):
        next(many)


def test_many_from_several_python_threads_at_once() -> None:
    files = [(f"fixtures/{name}", data) for name, data in fixture_files()]
    want = [[nomina.convert_json(data, path)] for path, data in files]
    results: Dict[int, list] = {}

    def run(i: int) -> None:
        results[i] = list(nomina.convert_many(files * 3, threads=2, output="json"))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(4)] == [want * 3] * 4


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="date_order"):
        nomina.convert(b"x", "x.txt", date_order="ymd")
    with pytest.raises(ValueError, match="unknown language"):
        nomina.convert(b"x", "x.txt", languages=["en", "xx"])
    with pytest.raises(ValueError, match="lang_mode"):
        nomina.convert(b"x", "x.txt", lang_mode="slow")
    with pytest.raises(ValueError, match="max_bytes"):
        nomina.convert(b"x", "x.txt", max_bytes=-1)
    with pytest.raises(TypeError):
        nomina.convert(b"x", "x.txt", no_such_option=True)
    with pytest.raises(TypeError):
        nomina.convert("text, not bytes", "x.txt")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="output"):
        nomina.convert_file(b"x", "x.txt", output="xml")
    with pytest.raises(ValueError, match="threads"):
        nomina.convert_many([], threads=0)
    assert list(nomina.convert_many([])) == []


def test_schema_and_version_are_the_commands(command: Command) -> None:
    assert nomina.schema() == json.loads(command.run("schema"))
    assert nomina.schema() == json.loads((ROOT / "docs" / "record.schema.json").read_text("utf-8"))
    assert command.run("--version").split() == ["nomina", nomina.__version__]
    assert set(nomina.LANGUAGES) >= {"en", "fr", "zh"}
    assert nomina.DEFAULT_MAX_BYTES == 64 * 1024 * 1024


def test_conversion_error_pickles() -> None:
    import pickle

    e = nomina.ConversionError("a.txt", "empty", "a.txt: the document is empty")
    back = pickle.loads(pickle.dumps(e))
    assert (back.path, back.code, back.message) == (e.path, e.code, e.message)
