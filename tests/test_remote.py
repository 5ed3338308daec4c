"""The same code against a SPARQL server: `oxigraph serve` (PyPI `oxigraph`) started by a fixture on loopback.
The seed corpus ingested through it answers the named queries exactly as the embedded store does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from api.cli import app
from benchmarks.synth import generate
from graph import GraphStore, cited_by, cites, implementers, ingest_paths, lookup_one
from graph.queries import stats
from graph.remote import RemoteError
from tests.conftest import RAW
from tests.live import TOKEN, free_port

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
runner = CliRunner()


@pytest.fixture
def oxigraph_server(tmp_path):
    """A fresh `oxigraph serve` on a free loopback port, in a temporary directory."""
    port = free_port()
    process = subprocess.Popen([str(shutil.which("oxigraph") or OXIGRAPH), "serve", "--location",
                                str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


def every_quad(store: GraphStore) -> set:
    return set(store.store.quads_for_pattern(None, None, None, None))


def named_answers(store: GraphStore) -> dict:
    nq11 = lookup_one(store, "11/NQ-CP", 2022)
    law = lookup_one(store, "43/2022/QH15")
    plan = lookup_one(store, "eli/vn/ubnd-can-tho/2022/kh/35")
    return {
        "tree": [(r.depth, r.instrument.label, r.instrument.jurisdiction, r.relations, r.lag_days, r.sentence)
                 for r in implementers(store, nq11)],
        "above": [r.instrument.label for r in implementers(store, lookup_one(store, "59-NQ/TW"))],
        "cites": [(e.other.label, e.relations, e.sentence, e.line) for e in cites(store, plan)],
        "cited_by": [(str(e.stated_in), e.relations) for e in cited_by(store, law)],
        "stats": stats(store),
    }


def test_seed_corpus_through_oxigraph_server_answers_like_the_embedded_store(oxigraph_server):
    remote = GraphStore.open(endpoint=oxigraph_server)
    embedded = GraphStore.open(None)
    assert [o.status for o in ingest_paths(remote, [RAW.parent])] == ["ingested"] * 5
    ingest_paths(embedded, [RAW.parent])
    assert every_quad(remote) == every_quad(embedded)
    answers = named_answers(remote)
    assert answers == named_answers(embedded)
    assert [row[1:3] for row in answers["tree"]] == [("Kế hoạch 35/KH-UBND", "Cần Thơ"),
                                                     ("Chương trình 01/CTr-UBND", "Hải Phòng")]
    again = ingest_paths(remote, [RAW.parent])
    assert [o.status for o in again] == ["unchanged"] * 5


def test_bulk_ingest_through_the_server(oxigraph_server, tmp_path):
    generate(tmp_path / "synth", 80, seed=3, body_kb=1)
    remote = GraphStore.open(endpoint=oxigraph_server)
    embedded = GraphStore.open(None)
    ingest_paths(remote, [tmp_path / "synth" / "docs"], bulk=True)
    ingest_paths(embedded, [tmp_path / "synth" / "docs"], bulk=True)
    assert every_quad(remote) == every_quad(embedded)


def test_cli_with_endpoint(oxigraph_server):
    ingested = runner.invoke(app, ["--endpoint", oxigraph_server, "ingest", str(RAW), "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    assert oxigraph_server in ingested.output
    tree = runner.invoke(app, ["--endpoint", oxigraph_server, "implementers", "11/NQ-CP", "--year", "2022"])
    assert tree.exit_code == 0 and "35/KH-UBND" in tree.output and "01/CTr-UBND" in tree.output
    query = runner.invoke(app, ["--endpoint", oxigraph_server, "query",
                                "SELECT (COUNT(*) AS ?n) WHERE { ?x a lex:Instrument }", "--format", "csv"])
    assert query.stdout.split() == ["n", "106"]


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(Exception, match="cannot reach the SPARQL server") as raised:
        GraphStore.open(endpoint=f"http://127.0.0.1:{free_port()}")
    assert isinstance(raised.value.__cause__, RemoteError) or "cannot reach" in str(raised.value)
    result = runner.invoke(app, ["--endpoint", f"http://127.0.0.1:{free_port()}", "stats"])
    assert result.exit_code == 2 and "cannot reach the SPARQL server" in result.output


def test_the_http_server_over_a_sparql_server(oxigraph_server):
    """`lexgraph --endpoint URL serve`: REST, views and /sparql answer from the SPARQL server."""
    assert runner.invoke(app, ["--endpoint", oxigraph_server, "ingest", str(RAW), "--quiet"]).exit_code == 0
    port = free_port()
    env = {**os.environ, "LEXGRAPH_ENDPOINT": oxigraph_server}
    process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--write-token", TOKEN],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        tree = httpx.get(f"{url}/documents/11/NQ-CP/implementations", params={"year": 2022}).json()
        assert {r["document"]["jurisdiction"] for r in tree["rows"]} == {"Cần Thơ", "Hải Phòng"}
        rows = httpx.get(f"{url}/sparql", params={"query": "SELECT ?x WHERE { ?x eli:id_local \"59-NQ/TW\" }"},
                         headers={"Accept": "text/csv"}).text.split()
        assert rows == ["x", "https://w3id.org/lexgraph/eli/vn/tw/2020/nq/59"]
        bad = httpx.get(f"{url}/sparql", params={"query": "SELECT ?x WHERE { ?x }"})
        assert bad.status_code == 400
        assert httpx.get(f"{url}/views/11/NQ-CP.html", params={"year": 2022}).status_code == 200
        listed = httpx.get(f"{url}/documents", params={"q": "phục hồi", "jurisdiction": "can tho"}).json()
        assert listed["total"] >= 1
        update = httpx.post(f"{url}/sparql", content='INSERT DATA { <https://example.org/x> <https://example.org/p> 1 }',
                            headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
        assert update.status_code == 204
        asked = httpx.get(f"{url}/sparql", params={"query": "ASK { <https://example.org/x> ?p 1 }"}).json()
        assert asked["boolean"] is True
    finally:
        process.terminate()
        process.wait(timeout=10)
