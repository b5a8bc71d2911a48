"""nomina: scraped UNPSA nomination forms and news pages to canonical records.

The records are those of the ``nomina convert`` command, computed by the same
Rust library inside this process::

    import nomina

    record = nomina.convert(open("page.html", "rb").read(), "pages/page.html")
    record["kind"], record["source"]["sha256"]

    # every document of an archive, in the command's order
    for rec in nomina.convert_file(open("crawl.warc.gz", "rb").read(), "crawl.warc.gz"):
        ...

    # many inputs on every core, one list per input, in input order
    for outcomes in nomina.convert_many(pairs, threads=4):
        ...

- :func:`convert` gives a document's record as a dict (``json.loads`` of the
  line the command writes for the same bytes and path), :func:`convert_json`
  that line itself; a document that cannot be converted raises
  :class:`ConversionError`.
- :func:`convert_file` gives what the command makes of one input file: one
  record for a document, one per member of a zip, tar, tar.gz or WARC
  archive, and the command's error object in place of any that fails.
- :func:`convert_many` converts many inputs in parallel on nomina's own
  threads, with the GIL released.
- :func:`schema` is the record's JSON Schema.

Options are keyword arguments, as the command's flags are:

- ``date_order``: ``"mdy"`` (default) or ``"dmy"``, how numeric dates whose
  day and month could be swapped are read (``--date-order``);
- ``detect_language``: ``False`` leaves every language ``null``
  (``--no-lang``);
- ``languages``: ISO 639-1 codes detection chooses among, a list or a
  comma-separated string (default: all of :data:`LANGUAGES`;
  ``--languages``);
- ``lang_mode``: ``"fast"`` (default) or ``"full"`` (``--lang-mode``);
- ``max_bytes``: the largest document accepted (default
  :data:`DEFAULT_MAX_BYTES`, 64 MiB; ``--max-bytes``).

:func:`convert_file` and :func:`convert_many` also take ``output``: ``"dict"``
(default) gives each record or error object as a dict, ``"json"`` as the
line the command writes (records on its standard output, errors on its error
lines), ``"row"`` as a :class:`Row`.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

from . import _nomina

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LANGUAGES",
    "ConversionError",
    "Row",
    "__version__",
    "convert",
    "convert_file",
    "convert_json",
    "convert_many",
    "schema",
]

__version__: str = _nomina.__version__
"""The version of nomina this package holds."""

DEFAULT_MAX_BYTES: int = _nomina.DEFAULT_MAX_BYTES
"""The largest document accepted unless ``max_bytes`` says otherwise (64 MiB)."""

LANGUAGES: Tuple[str, ...] = tuple(_nomina.LANGUAGES)
"""The languages nomina detects, as ISO 639-1 codes."""

Bytes = Union[bytes, bytearray]
Languages = Union[str, Iterable[str], None]


class ConversionError(ValueError):
    """A document that cannot become a record.

    Its attributes are those of the command's error line
    (``{"path": ..., "error": {"code": ..., "message": ...}}``):

    - ``path``: the document's path;
    - ``code``: a stable code: ``empty``, ``binary``, ``too_large``, ``internal``...;
    - ``message``: what went wrong, as the command says it.
    """

    def __init__(self, path: str, code: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message

    def __reduce__(self) -> Tuple[Any, ...]:
        # Picklable, so that it crosses process pools.
        return (ConversionError, (self.path, self.code, self.message))

    def __repr__(self) -> str:
        return f"ConversionError(path={self.path!r}, code={self.code!r}, message={self.message!r})"


class Row(NamedTuple):
    """One outcome as a flat row (``output="row"``), ready for a data frame.

    A record has ``kind``, ``id`` and ``record`` (its JSON line, as the
    command writes it); an error has ``code`` and ``message``. The fields
    of the other kind are ``None``. ``path`` is the record's ``source.path``
    or the path of the error line.
    """

    path: str
    kind: Optional[str]
    id: Optional[str]
    record: Optional[str]
    code: Optional[str]
    message: Optional[str]


# The native outcome of output="tuple": (is_record, path, kind_or_code,
# id_or_message, line), made into a Row here.
_Outcome = Tuple[bool, str, str, str, str]


def _as_row(o: _Outcome) -> Row:
    if o[0]:
        return Row(o[1], o[2], o[3], o[4], None, None)
    return Row(o[1], None, None, None, o[2], o[3])


# What the native module makes for each output: dicts and lines are made
# there, rows from its tuples.
_NATIVE: Dict[str, str] = {"dict": "dict", "json": "json", "row": "tuple"}


def _native(output: str) -> str:
    try:
        return _NATIVE[output]
    except (KeyError, TypeError):
        raise ValueError(f"output must be 'dict', 'json' or 'row', not {output!r}") from None


@functools.lru_cache(maxsize=16)
def _cached_pipeline(
    date_order: str, detect_language: bool, languages: Tuple[str, ...], lang_mode: str, max_bytes: int
) -> _nomina.Pipeline:
    return _nomina.Pipeline(
        date_order=date_order,
        detect_language=detect_language,
        languages=list(languages),
        lang_mode=lang_mode,
        max_bytes=max_bytes,
    )


def _pipeline(
    date_order: str = "mdy",
    detect_language: bool = True,
    languages: Languages = None,
    lang_mode: str = "fast",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> _nomina.Pipeline:
    if languages is None:
        langs: Tuple[str, ...] = ()
    elif isinstance(languages, str):
        langs = tuple(code for code in languages.split(",") if code.strip())
    else:
        langs = tuple(languages)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 0:
        raise ValueError(f"max_bytes must be a whole number of bytes, not {max_bytes!r}")
    return _cached_pipeline(str(date_order), bool(detect_language), langs, str(lang_mode), max_bytes)


def convert_json(data: Bytes, path: str, **options: Any) -> str:
    """The line ``nomina convert`` writes for the document ``data`` named ``path``.

    Byte for byte the command's line, without its newline. ``path`` becomes
    the record's ``source.path``; it is only a name: nothing is read from
    it, and an archive's name gives no special treatment (see
    :func:`convert_file`). Raises :class:`ConversionError` for a document
    that cannot be converted. Options: see the module's documentation.
    """
    ok, p, code, message, line = _pipeline(**options).convert(data, path, "json")
    if not ok:
        raise ConversionError(p, code, message)
    return line


def convert(data: Bytes, path: str, **options: Any) -> Dict[str, Any]:
    """The record of the document ``data`` named ``path``, as a dict.

    Equal to ``json.loads`` of the line the command writes for the same
    bytes and path (:func:`convert_json`), made without writing and parsing
    that line. Raises :class:`ConversionError` for a document that cannot be
    converted.
    """
    ok, p, code, message, record = _pipeline(**options).convert(data, path, "dict")
    if not ok:
        raise ConversionError(p, code, message)
    return record


def convert_file(data: Bytes, path: str, output: str = "dict", **options: Any) -> Iterator[Any]:
    """What the command makes of one input file, one record (or error) at a time.

    A document gives its record; a zip, tar, tar.gz (``.tgz``) or WARC
    (``.warc``, ``.warc.gz``) archive, told by the name ``path``, gives one
    record per member, sorted by their paths as the command writes them,
    with ``source.path`` = ``ARCHIVE/MEMBER``. A document or member that
    fails gives the command's error object
    (``{"path": ..., "error": {"code": ..., "message": ...}}``) in its place:
    nothing is raised for a bad document.

    Records are converted as they are asked for, so a large archive streams.
    ``output`` is ``"dict"``, ``"json"`` or ``"row"`` (see the module's
    documentation).
    """
    native = _native(output)
    outcomes = _pipeline(**options).convert_file(data, path, native)
    if native == "tuple":
        return (_as_row(o) for o in outcomes)
    return outcomes


def convert_many(
    items: Iterable[Tuple[str, Bytes]],
    threads: Optional[int] = None,
    output: str = "dict",
    **options: Any,
) -> Iterator[List[Any]]:
    """Converts many input files in parallel: one list per input, in input order.

    ``items`` gives ``(path, data)`` pairs; each list holds what
    :func:`convert_file` gives for that input. The inputs are converted on
    ``threads`` threads of nomina's own (default: one per core) with the GIL
    released, a bounded number of them at a time: ``items`` is read as the
    conversion goes, so a generator reading files from disk keeps memory
    small. An item that is not a ``(str, bytes)`` pair raises
    :class:`TypeError` once the lists before it are given.
    """
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be a positive number, not {threads!r}")
    native = _native(output)
    many = _pipeline(**options).convert_many(items, threads or 0, native)
    if native == "tuple":
        return ([_as_row(o) for o in outcomes] for outcomes in many)
    return many


def schema() -> Dict[str, Any]:
    """The record's JSON Schema (draft 2020-12), as ``nomina schema`` prints it."""
    return json.loads(_nomina.schema_json())
