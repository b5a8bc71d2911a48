"""Type stubs of nomina's native module (PyO3). Use the functions of the
``nomina`` package; this module is what they are built on."""

from typing import Any, Iterable, Iterator, List, Optional, Tuple, Union

__version__: str
DEFAULT_MAX_BYTES: int
LANGUAGES: List[str]

# output="tuple": (is_record, path, kind_or_code, id_or_message, line): a
# record's kind and id, or an error's code and message, with the command's
# line for it.
OutcomeTuple = Tuple[bool, str, str, str, str]

# What `output` makes of each outcome: "dict", the record or error object as
# json.loads makes it of the command's line (a Dict[str, Any]); "json", that
# line (a str); "tuple", an OutcomeTuple.
Outcome = Any

class Pipeline:
    """The pipeline with its options (``nomina::Options`` of the Rust library)."""

    def __init__(
        self,
        *,
        date_order: str,
        detect_language: bool,
        languages: List[str],
        lang_mode: str,
        max_bytes: int,
    ) -> None: ...
    def convert(
        self, data: Union[bytes, bytearray], path: str, output: str
    ) -> Tuple[bool, str, str, Optional[str], Any]:
        """Converts one document, with the GIL released: ``(True, path, kind, None, record)``,
        the record as ``output`` ("dict" or "json") says, or ``(False, path, code, message, None)``."""
    def convert_file(self, data: Union[bytes, bytearray], path: str, output: str) -> FileOutcomes:
        """What the command makes of one input file, outcome by outcome, as ``output`` says
        ("dict", "json" or "tuple")."""
    def convert_many(
        self, items: Iterable[Tuple[str, Union[bytes, bytearray]]], threads: int, output: str
    ) -> ManyOutcomes:
        """Converts the inputs on `threads` threads (0: one per core); one list per input, in
        input order, each outcome as ``output`` says ("dict", "json" or "tuple")."""

class FileOutcomes(Iterator[Outcome]):
    def __iter__(self) -> FileOutcomes: ...
    def __next__(self) -> Outcome: ...

class ManyOutcomes(Iterator[List[Outcome]]):
    def __iter__(self) -> ManyOutcomes: ...
    def __next__(self) -> List[Outcome]: ...

def schema_json() -> str:
    """The record's JSON Schema, as ``nomina schema`` prints it."""
