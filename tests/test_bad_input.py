"""Bad input never crashes a run or loses good data: each bad file gets a message naming it and the reason,
the other files are ingested, and the store keeps what it held."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from ingest import InputError
from ingest.readers import read_text
from tests.conftest import RAW
from tests.documents import to_docx, to_pdf

SEED = sorted(RAW.glob("*.txt"))[0].read_text(encoding="utf-8")
runner = CliRunner()


def _other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "Nghị quyết số 11/NQ-CP")
    return out.getvalue()


# name, bytes, what the message must say (None: the file is read, and simply has no citations)
BAD: list[tuple[str, Callable[[], bytes], str | None]] = [
    ("empty.txt", lambda: b"", "empty"),
    ("blank.md", lambda: b" \n\t\n", "empty"),
    ("binary.txt", lambda: bytes(range(256)) * 64, "binary content"),
    ("image.pdf", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary content"),
    ("scan.pdf", lambda: to_pdf(None), "no text layer"),
    ("truncated.pdf", lambda: to_pdf(SEED)[:1500], "PDF"),
    ("truncated.docx", lambda: to_docx(SEED)[:2000], "not a readable .docx"),
    ("archive.docx", _other_zip, "not a readable .docx"),
    ("old-word.doc.txt", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "Word 97-2003"),
    ("damaged-utf8.txt", lambda: SEED.encode("utf-8")[:3001] + b"\xff" + SEED.encode("utf-8")[3001:], "UTF-8"),
    ("latin1.txt", lambda: "Café crème, Zürich: Übersicht".encode("latin-1"), "neither UTF-8"),
    ("utf16-garbage.txt", lambda: b"\xff\xfe" + b"\x00\xd8" * 10, "utf-16"),
    ("huge.txt", lambda: (SEED.encode("utf-8") + b"\n") * (50 * 1024 * 1024 // len(SEED.encode("utf-8")) + 1),
     "limit"),
    ("fragments.txt", lambda: "Nghị quyết số ".encode() * 1_000_000, None),
]


@pytest.mark.parametrize(("name", "build", "reason"), BAD, ids=[row[0] for row in BAD])
def test_each_bad_file_gets_a_clear_message(name: str, build: Callable[[], bytes], reason: str | None,
                                            tmp_path: Path):
    path = tmp_path / name
    path.write_bytes(build())
    if reason is None:
        text, _ = read_text(path)
        assert text
        return
    with pytest.raises(InputError) as raised:
        read_text(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and reason.lower() in message.lower(), message


def test_a_run_with_bad_files_keeps_the_good_ones(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    store = tmp_path / "store"
    first = runner.invoke(app, ["ingest", str(corpus), "--store", str(store), "--quiet"])
    assert first.exit_code == 0, (first.output, repr(first.exception))
    for name, build, _reason in BAD:
        if name != "huge.txt":  # covered above; 50 MB adds nothing here but time
            (corpus / name.replace(".doc.txt", ".txt")).write_bytes(build())
    second = runner.invoke(app, ["ingest", str(corpus), "--store", str(store), "--quiet"])
    assert second.exit_code == 1, second.output
    assert "Traceback" not in second.output, second.output
    expected_failures = [n for n, _b, r in BAD if r is not None and n != "huge.txt"]
    for name in expected_failures:
        assert name.replace(".doc.txt", ".txt") in second.output, (name, second.output)
    assert "5 unchanged" in second.output, second.output  # the seeds, already in the store, are kept as they were
    assert f"{len(expected_failures)} failed" in second.output, second.output
    tree = runner.invoke(app, ["implementers", "11/NQ-CP", "--year", "2022", "--store", str(store)])
    assert "35/KH-UBND" in tree.output


def test_extract_reports_bad_files_and_goes_on(tmp_path: Path):
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(to_pdf(None))
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "scan.pdf: a PDF with no text layer" in result.output and "OCR" in result.output
    assert result.stdout.count('"source"') == 1
