"""The README's example queries (api/examples) answer the question each asks, over the seeds."""

from __future__ import annotations

from pathlib import Path

from api.sparql import EXAMPLES
from graph import GraphStore


def test_example_1_gives_one_row_per_plan_with_its_lag_and_its_own_sentence(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    rows = store.select((EXAMPLES / "01-implementers.rq").read_text(encoding="utf-8"))
    assert [set(r) for r in rows] == [{"plan", "province", "date", "lag", "relations", "sentence"}] * 2
    assert [(str(r["province"]), int(r["lag"]), str(r["relations"])) for r in rows] == [
        ("Cần Thơ", 19, "implements"), ("Hải Phòng", 40, "based_on")]
    for row in rows:
        # The sentence is the plan's own: it is in the plan's source file.
        (source,) = store.select(f"SELECT ?path WHERE {{ <{row['plan']}> lex:source/lex:path ?path }}")
        text = " ".join(Path(str(source["path"])).read_text(encoding="utf-8").split())
        assert " ".join(str(row["sentence"]).split())[:80] in text
