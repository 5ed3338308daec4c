"""In force, replaced, amended, over the small corpus of `tests.changes_corpus`: the graph, `lexgraph status`,
`GET /documents/A`, `POST /check`, the views and the README's example query must all say what it says, and
the graph must conform to the shapes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from api.cli import app
from api.sparql import EXAMPLES
from graph import GraphStore, ingest_paths
from graph import queries as Q
from graph.check import check_text
from graph.validate import validate
from graph.views import ego_view
from tests.changes_corpus import DRAFT, write_corpus


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("status")
    docs = write_corpus(root / "docs")
    store = GraphStore.open(root / "store")
    outcomes = ingest_paths(store, [docs])
    assert all(o.status == "ingested" for o in outcomes), [o.message for o in outcomes]
    store.close()
    return root / "store"


@pytest.fixture(scope="module")
def store(store_dir) -> GraphStore:
    return GraphStore.open(store_dir, read_only=True)


def iri(store: GraphStore, number: str) -> URIRef:
    return Q.lookup_one(store, number)


def test_status_of_a_replaced_decision(store):
    a = iri(store, "12/2020/QĐ-UBND")
    after = Q.status(store, a, date(2026, 1, 1))
    assert not after.in_force
    assert (after.since, after.until) == (date(2020, 3, 15), date(2025, 11, 30))
    (replaced,) = after.by("replaces")
    assert replaced.document.number == "45/2025/QĐ-UBND" and replaced.effective == date(2025, 12, 1)
    assert replaced.whole and "thay thế Quyết định số 12/2020/QĐ-UBND" in replaced.sentence
    assert replaced.source == "b.txt" and replaced.line == 15
    assert "as far as this corpus knows" in after.reason and "45/2025/QĐ-UBND" in after.reason
    before = Q.status(store, a, date(2025, 6, 1))
    assert before.in_force and "until 2025-11-30" in before.reason


def test_partial_repeal_leaves_the_rest_in_force(store):
    c = iri(store, "30/2021/QĐ-UBND")
    force = Q.status(store, c, date(2026, 1, 1))
    assert force.in_force
    (repeal,) = force.by("repeals")
    assert repeal.articles == ("Điều 7",) and not repeal.whole


def test_graph_holds_the_status_the_change_and_the_subdivision(store):
    a = iri(store, "12/2020/QĐ-UBND").n3()
    rows = store.select(f"""SELECT ?state ?last ?by WHERE {{ {a} eli:in_force ?state ;
                              eli:date_no_longer_in_force ?last ; lex:replacedBy ?by }}""")
    assert [(str(r["state"]).rsplit("#")[-1], str(r["last"])) for r in rows] == [("InForce-notInForce", "2025-11-30")]
    parts = store.select(f"""SELECT ?clause ?article ?label WHERE {{
        ?clause a eli:LegalResourceSubdivision ; rdfs:label ?label ; eli:is_part_of ?article ; lex:subdivisionOf {a} .
        ?article eli:is_part_of {a} . ?edge lex:subdivision ?clause }}""")
    assert [(str(r["label"]), str(r["clause"]).endswith("/dieu/5/khoan/2")) for r in parts] == [
        ("khoản 2 Điều 5", True)]
    touched = store.select("""SELECT ?label WHERE { ?c a lex:Change ; lex:relation eli:repeals ;
                                lex:touches/rdfs:label ?label }""")
    assert [str(r["label"]) for r in touched] == ["Điều 7"]


def test_the_graph_conforms_to_the_shapes(store):
    report = validate(store)
    assert report.conforms, report.text


def test_cli_status(store_dir):
    result = CliRunner().invoke(app, ["status", "12/2020/QĐ-UBND", "--store", str(store_dir), "--on", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "not in force on 2026-01-01" in result.output and "45/2025/QĐ-UBND" in result.output
    assert "last day in force: 2025-11-30" in result.output


def test_check_warns_of_a_replaced_instrument_and_a_repealed_article(store):
    checked = {c.stated.number: c for c in check_text(store, DRAFT)}
    replaced = checked["12/2020/QĐ-UBND"]
    assert replaced.verdict == "superseded"
    assert [i.number for i in replaced.replaced_by] == ["45/2025/QĐ-UBND"]
    assert "no longer in force since 01/12/2025" in replaced.problems[0]
    repealed = checked["30/2021/QĐ-UBND"]
    assert repealed.verdict == "superseded"
    assert repealed.problems == ("khoản 1 Điều 7 of Quyết định 30/2021/QĐ-UBND was repealed by Quyết định "
                                 "46/2025/QĐ-UBND from 01/12/2025, as far as this corpus knows",)
    # Before the replacement took effect, citing A was right.
    earlier = DRAFT.replace("10 tháng 01 năm 2026", "10 tháng 10 năm 2025")
    assert {c.verdict for c in check_text(store, earlier)} == {"known"}


def test_views_draw_the_replaced_instrument_apart(store):
    view = ego_view(store, iri(store, "45/2025/QĐ-UBND"), depth=1)
    assert "\"lexSuperseded\": true" in view.html and "12/2020/QĐ-UBND Gia Lai ✕" in view.html
    assert '"replaces"' in view.html


def test_the_readme_example_on_replacements(store):
    query = (EXAMPLES / "07-replaced.rq").read_text(encoding="utf-8")
    rows = [{k: str(v) for k, v in row.items()} for row in store.select(query)]
    assert [(r["document"], r["relation"], r["target"], r["whole"], r["from"]) for r in rows] == [
        ("Nghị quyết 75/2025/NQ-HĐND", "replaces", "Nghị quyết 61/2021/NQ-HĐND", "true", "2026-01-01")]
    assert rows[0]["sentence"].startswith("Nghị quyết này có hiệu lực")


def test_rest_document_and_check(store_dir, tmp_path):
    from tests.live import copy_store, start_server

    live = start_server(copy_store(store_dir, tmp_path / "store"), tmp_path / "server.log")
    try:
        with httpx.Client(base_url=live.url, timeout=30) as http:
            doc = http.get("/documents/12/2020/QĐ-UBND").json()
            status = doc["status"]
            assert status["in_force"] is False and status["until"] == "2025-11-30"
            assert [c["document"]["number"] for c in status["replaced_by"]] == ["45/2025/QĐ-UBND"]
            assert "as far as this corpus knows" in status["reason"]
            assert status["replaced_by"][0]["sentence"].startswith("Quyết định này có hiệu lực")
            checked = http.post("/check", json={"text": DRAFT}).json()
            assert checked["counts"]["superseded"] == 2
            first = next(c for c in checked["citations"] if c["stated"]["number"] == "12/2020/QĐ-UBND")
            assert [r["number"] for r in first["replaced_by"]] == ["45/2025/QĐ-UBND"]
    finally:
        live.stop()
