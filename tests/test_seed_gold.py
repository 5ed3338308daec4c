"""The acceptance figures on the hand-made seed gold, computed with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

from ingest import extract_file

from .conftest import GOLD

_spec = importlib.util.spec_from_file_location("score", Path(__file__).parent / "gold" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


@pytest.fixture(scope="module")
def result(seed_paths, tmp_path_factory):
    pred = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    pred.write_text("".join(json.dumps(extract_file(p).to_json(), ensure_ascii=False) + "\n" for p in seed_paths),
                    encoding="utf-8")
    figures, details = score.score(score.load(GOLD), score.load(pred))
    misses = [(src, score.show(c)) for src, missed, spurious in details for c in (*missed, *spurious)]
    print("\nseed gold:", json.dumps({k: v for k, v in figures.items() if k != "missing_documents"}, indent=1))
    return figures, misses


def test_every_seed_has_a_record(result):
    figures, _ = result
    assert figures["missing_documents"] == []
    assert figures["documents"] == 5


def test_citation_f1(result):
    figures, misses = result
    assert figures["f1"] >= 0.97, misses


def test_relation_f1(result):
    figures, _ = result
    assert figures["relation_f1"] >= 0.90


def test_date_accuracy(result):
    figures, _ = result
    assert figures["date_accuracy"] >= 0.97


def test_jurisdiction_accuracy(result):
    figures, _ = result
    assert figures["jurisdiction_accuracy"] >= 0.97


@pytest.mark.parametrize("field", ["type", "number", "date", "jurisdiction", "signer"])
def test_document_fields_right_where_gold_has_them(result, field):
    figures, _ = result
    value = figures["document_fields"][field]
    assert math.isnan(value) or value == 1.0
