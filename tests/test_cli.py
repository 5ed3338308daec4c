"""`lexgraph extract`: the schema's shape on stdout, clear errors on stderr, good files never lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

from .conftest import RAW

runner = CliRunner()
SCHEMA_DOCUMENT = {"type", "number", "date", "jurisdiction", "issuer", "signer", "title"}
SCHEMA_CITATION = {"type", "number", "date", "issuer", "jurisdiction", "relations"}


def test_extract_directory_prints_one_schema_object_per_document():
    result = runner.invoke(app, ["extract", str(RAW)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["source"] for r in records) == sorted(p.name for p in RAW.glob("*.txt"))
    for record in records:
        assert set(record["document"]) >= SCHEMA_DOCUMENT
        for citation in record["citations"]:
            assert set(citation) >= SCHEMA_CITATION
            assert set(citation["relations"]) <= {"implements", "based_on"}


def test_unreadable_file_is_named_and_the_others_still_extracted(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Căn cứ Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ;", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Nghị quyết".encode("cp1258", errors="replace") + b"\xe9\xe8")
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "extract", str(good), str(latin), str(missing)],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 1
    assert "latin.txt" in result.stderr and "UTF-8" in result.stderr
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == ["good.txt"]
    assert records[0]["citations"][0]["relations"] == ["based_on"]


def test_unknown_format_is_a_usage_error():
    result = runner.invoke(app, ["extract", "--format", "xml", str(RAW)])
    assert result.exit_code == 2
