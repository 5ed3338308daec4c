"""Extraction time grows linearly with the input, on the seeds and on shapes that make backtracking regexes
blow up: ten times the text must not take the hundred times a quadratic pass would. Ratios of this
process's CPU time measured in one run, with a bound (25x) far above the linear 10x and far below 100x, so
that other processes on the machine cannot fail the test; speed itself is measured in benchmarks/."""

from __future__ import annotations

import time

import pytest

from ingest import extract_text
from tests.conftest import RAW

SEEDS = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
# Repeated units that patterns with nested or open-ended repetition would struggle with.
PATHOLOGICAL = {
    "seeds": SEEDS,
    "type words": "Nghị quyết số " * 2000,
    "bases": "Căn cứ Luật " * 2000,
    "slashes": "1/" * 6000 + "NQ-CP",
    "numbers and dates": "số 11 ngày 30 tháng 01 năm 2022 " * 1000,
    "issuers": "của Ủy ban nhân dân thành phố " * 1000,
    "lists": "Nghị quyết số 11/NQ-CP, " * 1000,
    "one long line": "a" * 30000 + " Nghị quyết số 11/NQ-CP",
    "table pipes": "| " * 15000,
    "subject phrases": "về việc thực hiện và triển khai " * 1000,
    # One sentence of change verbs and instruments, and runs of subdivisions: clauses and scopes stay bounded.
    "change verbs": "bãi bỏ Quyết định số 12/2020/QĐ-UBND, thay thế " * 500,
    "expiries": "Quyết định số 12/2020/QĐ-UBND hết hiệu lực kể từ ngày 01/01/2026, " * 500,
    "subdivisions": "điểm a, b khoản 1, khoản 2 Điều 3 và " * 1000 + "Nghị định số 15/2020/NĐ-CP",
    "quotes": "“" + "a " * 2000 + "điểm a khoản 1 Điều 3 Nghị định số 15/2020/NĐ-CP " * 200,
    "force clauses": "Quyết định này có hiệu lực thi hành kể từ ngày " * 1000,
}


def best_time(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        extract_text(text)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_ten_times_the_text_is_far_from_a_hundred_times_the_time(name: str):
    unit = PATHOLOGICAL[name]
    once = best_time(unit, 5)
    tenfold = best_time(unit * 10, 3)
    # Below a few milliseconds, fixed costs dominate the ratio; compare against a floor.
    assert tenfold <= 25 * max(once, 0.005), f"{name}: {once:.4f} s once, {tenfold:.4f} s ten times"
