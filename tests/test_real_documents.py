"""Real documents of late 2025 (../shared, from public crawls; never copied here): the document's own
fields against the publisher's curated metadata, and identities minted from what the header states.
Skipped when ../shared is absent."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graph.identity import instrument_id
from ingest import extract_file

from .conftest import ROOT

SHARED = ROOT.parent / "shared"
META = SHARED / "eval" / "tvpl-meta"
CORPUS = SHARED / "corpus" / "tvpl-2025"
FIELDS = ("type", "number", "date", "jurisdiction", "signer")

_spec = importlib.util.spec_from_file_location("score", Path(__file__).parent / "gold" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


@pytest.fixture(scope="module")
def meta_figures(tmp_path_factory) -> dict:
    if not (META / "gold.jsonl").exists():
        pytest.skip("../shared/eval/tvpl-meta is absent")
    pred = tmp_path_factory.mktemp("meta") / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted((META / "docs").iterdir()):
            out.write(json.dumps(extract_file(path).to_json(), ensure_ascii=False) + "\n")
    figures, _ = score.score(score.load(META / "gold.jsonl"), score.load(pred))
    print("\ntvpl-meta:", {f: round(figures["document_fields"][f], 3) for f in FIELDS})
    return figures


@pytest.mark.parametrize("field", FIELDS)
def test_own_fields_against_the_publishers_metadata(meta_figures, field):
    assert meta_figures["document_fields"][field] >= 0.95


def test_every_identity_carries_type_number_year_and_province():
    """No document's IRI falls back to its file name, an undated segment or a missing province."""
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/tvpl-2025 is absent")
    lacking = []
    for path in sorted(CORPUS.iterdir()):
        d = extract_file(path).document
        ident = instrument_id(d.type, d.number, d.date.year if d.date else None, d.issuer, d.jurisdiction, None,
                              path.name)
        local = (d.issuer_level or "").startswith("provincial")
        if ident.type_code == "vb" or ident.number.startswith("src-") or ident.year is None or (
                local and d.jurisdiction is None):
            lacking.append((path.name, ident))
    assert lacking == []


_force_spec = importlib.util.spec_from_file_location("score_force", Path(__file__).parent / "gold" / "score_force.py")
score_force = importlib.util.module_from_spec(_force_spec)
_force_spec.loader.exec_module(score_force)
FORCE_GOLD = Path(__file__).parent / "gold" / "force-gold.jsonl"


def test_force_changes_and_articles_on_real_documents():
    """Entry into force, changes and article-level citations of 20 real documents of provinces, ministries,
    the Government and the Party, against hand-checked gold (`tests/gold/force-gold.jsonl`)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    gold = score_force.load(FORCE_GOLD)
    pred = {source: extract_file(CORPUS / source).to_json() for source in gold}
    figures, misses = score_force.score(gold, pred)
    print("\nforce gold:", {k: round(v, 3) for k, v in figures.items() if isinstance(v, float)})
    assert figures["effective_accuracy"] >= 0.95, misses
    assert figures["changes_f1"] >= 0.95, misses
    assert figures["subdivision_f1"] >= 0.9, misses
