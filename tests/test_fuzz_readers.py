"""The readers under hypothesis: random bytes, random text in every encoding, and mutated .docx/.pdf/.html
files either read or raise the documented `InputError`, never anything else. For longer runs there is an
atheris harness in fuzz/ (see fuzz/README.md)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import InputError, extract_text
from ingest.readers import read_text
from tests.conftest import RAW
from tests.documents import to_docx, to_html, to_pdf

SEED = sorted(RAW.glob("*.txt"))[2].read_text(encoding="utf-8")[:3000]
SAMPLES = {"docx": to_docx(SEED), "pdf": to_pdf(SEED), "html": to_html(SEED), "txt": SEED.encode("utf-8")}
MAGIC = [b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
         b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b""]


def read_or_refuse(data: bytes, suffix: str = ".txt") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            text, _ = read_text(path)
        except InputError as exc:
            assert str(exc).startswith(str(path)), exc
            return
        assert isinstance(text, str) and text.strip()
        extract_text(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MAGIC), st.binary(max_size=4000))
def test_random_bytes_behind_any_magic(magic, data):
    read_or_refuse(magic + data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1258", "latin-1"]))
def test_random_text_in_any_encoding(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    read_or_refuse(data)


@pytest.mark.parametrize("kind", list(SAMPLES))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_documents(kind, data):
    sample = bytearray(SAMPLES[kind])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(sample) - 1))
        sample[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(sample) // 2, len(sample)))
    read_or_refuse(bytes(sample[:cut]), f".{kind}")
