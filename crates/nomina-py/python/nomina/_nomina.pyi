"""Type stubs of nomina's native module (PyO3). Use the functions of the
``nomina`` package; this module is what they are built on."""

from typing import Iterable, Iterator, List, Tuple, Union

__version__: str
DEFAULT_MAX_BYTES: int
LANGUAGES: List[str]

# (is_record, path, kind_or_code, id_or_message, line): a record's kind and
# id, or an error's code and message, with the command's line for it.
Outcome = Tuple[bool, str, str, str, str]

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
    def convert(self, data: Union[bytes, bytearray], path: str) -> Outcome:
        """Converts one document, with the GIL released."""
    def convert_file(self, data: Union[bytes, bytearray], path: str) -> FileOutcomes:
        """What the command makes of one input file, outcome by outcome."""
    def convert_many(self, items: Iterable[Tuple[str, Union[bytes, bytearray]]], threads: int) -> ManyOutcomes:
        """Converts the inputs on `threads` threads (0: one per core); one list per input, in input order."""

class FileOutcomes(Iterator[Outcome]):
    def __iter__(self) -> FileOutcomes: ...
    def __next__(self) -> Outcome: ...

class ManyOutcomes(Iterator[List[Outcome]]):
    def __iter__(self) -> ManyOutcomes: ...
    def __next__(self) -> List[Outcome]: ...

def schema_json() -> str:
    """The record's JSON Schema, as ``nomina schema`` prints it."""
