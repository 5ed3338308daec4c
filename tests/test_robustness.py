"""No exception on any input: arbitrary Unicode, and fragments and mutations of the seeds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import extract_text

from .conftest import RAW

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
FRAGMENTS = ["Nghị quyết số ", "11/NQ-CP", " ngày ", "30 tháng 01 năm 2022", "/", "-", " của ", "Căn cứ ",
             "Luật ", "Thực hiện ", "Số: ", "KẾ HOẠCH\n", "\n", "|", "**", ", ", "; ", "và ", "số 19-NQ/TW",
             "CHỦ TỊCH\n", "TM. ", "năm 2020", "Hiến pháp", "(khóa XII)", "“", "”"]


def check(text: str) -> None:
    record = extract_text(text).to_json()
    for citation in record["citations"]:
        for mention in citation["mentions"]:
            assert 0 <= mention["start"] <= mention["end"] <= len(text) + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_citation_fragments(parts):
    check("".join(parts))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(0, 60000), st.integers(0, 4000), st.text(max_size=20))
def test_seed_slices_with_noise(seed, start, length, noise):
    start %= max(1, len(seed))
    check(seed[start : start + length] + noise + seed[:length // 4])
