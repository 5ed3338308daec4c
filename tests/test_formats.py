"""The seed documents as .docx, .pdf and .html, and in other encodings, give the citations of the .txt."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import pytest

from ingest import extract_file
from ingest.readers import read_text
from tests.conftest import RAW
from tests.documents import to_docx, to_html, to_pdf

SEEDS = sorted(RAW.glob("*.txt"))
BUILDERS = {".docx": to_docx, ".pdf": to_pdf, ".html": to_html}


def citations(path: Path) -> set[tuple]:
    """What must not change between formats: each cited instrument, its date and its relations."""
    return {(c.type, c.number or c.title, c.date, c.issuer, c.jurisdiction, c.relations)
            for c in extract_file(path).citations}


def to_cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes it: letters with circumflex, breve or horn are precomposed (â, ă, ơ),
    tone marks are combining characters after them."""
    decomposed = unicodedata.normalize("NFD", text)
    shaped = re.sub("([A-Za-z])([\u0300\u0301\u0303\u0309\u0323]*)([\u0302\u0306\u031b])",
                    lambda m: unicodedata.normalize("NFC", m.group(1) + m.group(3)) + m.group(2), decomposed)
    return shaped.encode("cp1258")


def f1(expected: set, got: set) -> float:
    if not expected and not got:
        return 1.0
    hits = len(expected & got)
    return 2 * hits / (len(expected) + len(got))


@pytest.mark.parametrize("suffix", list(BUILDERS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_in_another_format_gives_the_same_citations(seed: Path, suffix: str, tmp_path: Path):
    converted = tmp_path / (seed.stem + suffix)
    converted.write_bytes(BUILDERS[suffix](seed.read_text(encoding="utf-8")))
    expected, got = citations(seed), citations(converted)
    assert f1(expected, got) == 1.0, (sorted(expected - got, key=str), sorted(got - expected, key=str))
    original, other = extract_file(seed).document, extract_file(converted).document
    assert (other.type, other.number, other.date) == (original.type, original.number, original.date)


def test_format_comes_from_the_bytes_not_the_name(tmp_path: Path):
    seed = SEEDS[0]
    disguised = tmp_path / "really-a-pdf.txt"
    disguised.write_bytes(to_pdf(seed.read_text(encoding="utf-8")))
    assert citations(disguised) == citations(seed)
    docx_as_bin = tmp_path / "document.bin"
    docx_as_bin.write_bytes(to_docx(seed.read_text(encoding="utf-8")))
    assert citations(docx_as_bin) == citations(seed)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1258"])
def test_encodings(encoding: str, tmp_path: Path):
    text = SEEDS[1].read_text(encoding="utf-8")
    path = tmp_path / "seed.txt"
    if encoding == "utf-16-be":
        path.write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    elif encoding == "cp1258":
        path.write_bytes(to_cp1258(text))
    else:
        path.write_bytes(text.encode(encoding))
    assert read_text(path)[0] == unicodedata.normalize("NFC", text)
    assert citations(path) == citations(SEEDS[1])


def test_decomposed_text_is_composed_and_offsets_refer_to_it(tmp_path: Path):
    text = SEEDS[0].read_text(encoding="utf-8")
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    normalised = read_text(path)[0]
    assert normalised == unicodedata.normalize("NFC", text)
    record = extract_file(path)
    assert citations(path) == citations(SEEDS[0])
    for c in record.citations:
        for m in c.mentions:
            assert " ".join(normalised[m.start:m.end].split()) == m.text  # mention text has its spaces squashed


def test_html_drops_scripts_and_separates_table_cells(tmp_path: Path):
    page = to_html("Căn cứ Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ;\n"
                   "| Số | Văn bản |\n| --- | --- |\n| 1 | Quyết định số 589/QĐ-TTg ngày 20/5/2022 |",
                   script="var s = 'Nghị quyết số 99/NQ-CP ngày 01/01/2020';")
    path = tmp_path / "page.html"
    path.write_bytes(page)
    text = read_text(path)[0]
    assert "99/NQ-CP" not in text and "var s" not in text
    assert "| 1 | Quyết định số 589/QĐ-TTg ngày 20/5/2022 |" in text
    assert {c.number for c in extract_file(path).citations} == {"11/NQ-CP", "589/QĐ-TTg"}


def test_docx_tables_and_footnotes(tmp_path: Path):
    data = to_docx("Căn cứ Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ;",
                   table=[["TT", "Văn bản"], ["1", "Kế hoạch số 35/KH-UBND ngày 18/02/2022"]],
                   footnote="Xem Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội.")
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    text = read_text(path)[0]
    assert "| 1 | Kế hoạch số 35/KH-UBND ngày 18/02/2022 |" in text
    assert text.rstrip().endswith("Xem Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội.")
    assert {c.number for c in extract_file(path).citations} == {"11/NQ-CP", "35/KH-UBND", "43/2022/QH15"}


def test_pdf_symbol_split_at_a_line_end_is_joined(tmp_path: Path):
    from ingest.formats import pdf_to_text

    narrow = "Căn cứ Nghị quyết số 11/NQ-\nCP ngày 30/01/2022 của Chính phủ"
    assert "11/NQ-CP ngày" in pdf_to_text(to_pdf(narrow))
