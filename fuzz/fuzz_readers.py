"""Coverage-guided fuzzing of the readers and the extractor with atheris (libFuzzer for Python).

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=600 fuzz/corpus

Each input is written to a file and read as lexgraph reads documents (format sniffed from the bytes),
then extracted. Anything but text or the documented `InputError` is a crash for libFuzzer to report.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from ingest import InputError, extract_text
    from ingest.readers import read_text

_FOLDER = Path(tempfile.mkdtemp(prefix="lexgraph-fuzz-"))


def test_one_input(data: bytes) -> None:
    path = _FOLDER / "input"
    path.write_bytes(data)
    try:
        text, _ = read_text(path)
    except InputError:
        return
    extract_text(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
