"""Archives of documents for the tests: zip, tar, tar.gz and WARC, written with the
standard library the way archivers and crawlers write them."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Iterable, Tuple

Files = Iterable[Tuple[str, bytes]]


def write_zip(dest: Path, files: Files) -> Path:
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
    return dest


def write_tar(dest: Path, files: Files, gz: bool) -> Path:
    with tarfile.open(dest, "w:gz" if gz else "w") as t:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_600_000_000
            t.addfile(info, io.BytesIO(data))
    return dest


def warc_record(uri: str, body: bytes, content_type: str, date: str, number: int) -> bytes:
    """A WARC `response` record holding an HTTP response with `body`."""
    http = (
        b"HTTP/1.1 200 OK\r\n"
        + f"Content-Type: {content_type}\r\n".encode()
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"WARC-Date: {date}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def write_warc(dest: Path, pages: Iterable[Tuple[str, bytes, str]], gz: bool) -> Path:
    """A WARC of `(uri, body, content_type)` pages; gzipped as crawlers do it (one
    gzip member per record) when `gz`."""
    with open(dest, "wb") as out:
        for n, (uri, body, content_type) in enumerate(pages):
            record = warc_record(uri, body, content_type, f"2019-05-{1 + n % 28:02d}T10:00:00Z", n)
            out.write(gzip.compress(record, mtime=0) if gz else record)
    return dest


def content_type(name: str) -> str:
    return "text/html; charset=utf-8" if name.endswith(".html") else "text/plain"
