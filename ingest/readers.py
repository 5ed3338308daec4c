"""Read a source file into text: plain text and Markdown, HTML, .docx and PDF, chosen by the file's bytes.

Every refusal is an `InputError` naming the file, the reason and what to do; nothing else escapes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.formats import FormatError, decode, docx_to_text, html_to_text, pdf_to_text, sniff

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
# Real documents are far smaller; past these, a file is refused rather than held up the run.
MAX_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 32 * 1024 * 1024
_READERS = {"html": html_to_text, "docx": docx_to_text, "pdf": pdf_to_text, "text": decode}


class InputError(Exception):
    """A file that cannot be read as a document; the message says which file, why, and what to do."""


def read_text(path: Path) -> tuple[str, str]:
    """Return the text of `path` (NFC) and the SHA-256 of its bytes.

    The format comes from the bytes, not the name: a PDF named .txt is read as a PDF.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the path and permissions") from exc
    return read_data(data, path)


def read_data(data: bytes, path: Path | str) -> tuple[str, str]:
    """The text of a document's bytes (NFC) and their SHA-256, held to the limits files are: what
    `read_text` does once it has the file's bytes, and what `POST /documents` does with a body."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit; split the file")
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(f"{path}: empty; nothing to extract")
    try:
        fmt = sniff(data)
        if fmt == "text" and len(data) > MAX_TEXT_CHARS:
            raise FormatError(f"{len(data):,} bytes of text is over the {MAX_TEXT_CHARS:,} limit; split the file")
        text = _READERS[fmt](data)
    except FormatError as exc:
        raise InputError(f"{path}: {exc}") from None
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{path}: {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character limit; split it")
    if not text.strip():
        raise InputError(f"{path}: no text in it; nothing to extract")
    return text, digest


def iter_sources(paths: list[Path]) -> list[Path]:
    """Expand directories into the supported files inside them, sorted; files are kept as given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return out


def source_ids(paths: list[Path]) -> list[tuple[Path, str]]:
    """Each file to read with its source id: its path relative to the folder given, or its name."""
    out: list[tuple[Path, str]] = []
    for path in paths:
        root = path if path.is_dir() else path.parent
        out.extend((f, f.relative_to(root).as_posix()) for f in iter_sources([path]))
    return out
