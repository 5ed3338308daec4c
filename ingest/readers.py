"""Read a source file into text. Plain text and Markdown now; other formats plug in here."""

from __future__ import annotations

import hashlib
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a document; the message says which file, why, and what to do."""


def read_text(path: Path) -> tuple[str, str]:
    """Return the decoded text of `path` and the SHA-256 of its bytes.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded; anything else is refused with an
    `InputError` rather than guessed at.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check the path and permissions") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: {len(data)} bytes is over the {MAX_BYTES}-byte limit; split the file")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), digest
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary content (NUL bytes), not a text document; convert it to text first")
    try:
        return data.decode("utf-8-sig"), digest
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); re-save it as UTF-8"
        ) from exc


def iter_sources(paths: list[Path]) -> list[Path]:
    """Expand directories into the supported files inside them, sorted; files are kept as given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(path)
    return out
