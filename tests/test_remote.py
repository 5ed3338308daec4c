"""The same code against real SPARQL servers started by fixtures on loopback: `oxigraph serve` (PyPI `oxigraph`)
and OpenLink Virtuoso 7 (Debian `virtuoso-opensource`). The seed corpus ingested through either holds the
same quads and answers the named queries exactly as the embedded store does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from api.cli import app
from benchmarks.synth import generate
from graph import GraphStore, cited_by, cites, implementers, ingest_paths, lookup_one
from graph.queries import stats
from graph.remote import DEFAULT_GRAPH, RemoteError
from graph.search import Filters, list_instruments
from graph.store import StoreError
from tests.changes_corpus import write_corpus
from tests.conftest import RAW
from tests.live import TOKEN, free_port
from tests.servers import START, VIRTUOSO_USER

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "api" / "examples"


@pytest.fixture(params=list(START))
def sparql_server(request, tmp_path):
    """A fresh private SPARQL server of each kind, on a free loopback port, in a temporary directory."""
    server = START[request.param](tmp_path)
    yield server.url
    server.stop()


def public(url: str) -> str:
    """`url` without its credentials, as lexgraph shows it."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{parts.port}", fragment=""))


def every_quad(store: GraphStore) -> set:
    return set(store.quads())


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
        # Text search folds case and diacritics on every backend: "CAN THO" finds "Cần Thơ".
        "search": [(n, [i.label for i in rows]) for n, rows in (
            list_instruments(store, Filters(text=text)) for text in ("CAN THO", "kinh tế", "phuc hoi"))],
    }


def test_seed_corpus_through_a_sparql_server_answers_like_the_embedded_store(sparql_server):
    remote = GraphStore.open(endpoint=sparql_server)
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


def test_bulk_ingest_through_the_server(sparql_server, tmp_path):
    generate(tmp_path / "synth", 80, seed=3, body_kb=1)
    remote = GraphStore.open(endpoint=sparql_server)
    embedded = GraphStore.open(None)
    ingest_paths(remote, [tmp_path / "synth" / "docs"], bulk=True)
    ingest_paths(embedded, [tmp_path / "synth" / "docs"], bulk=True)
    assert every_quad(remote) == every_quad(embedded)


def test_cli_with_endpoint(sparql_server):
    ingested = runner.invoke(app, ["--endpoint", sparql_server, "ingest", str(RAW), "--quiet"])
    assert ingested.exit_code == 0, ingested.output
    assert public(sparql_server) in ingested.output and "dba:dba" not in ingested.output
    tree = runner.invoke(app, ["--endpoint", sparql_server, "implementers", "11/NQ-CP", "--year", "2022"])
    assert tree.exit_code == 0 and "35/KH-UBND" in tree.output and "01/CTr-UBND" in tree.output
    query = runner.invoke(app, ["--endpoint", sparql_server, "query",
                                "SELECT (COUNT(*) AS ?n) WHERE { ?x a lex:Instrument }", "--format", "csv"])
    assert query.stdout.split() == ["n", "106"]


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(Exception, match="cannot reach the SPARQL server") as raised:
        GraphStore.open(endpoint=f"http://127.0.0.1:{free_port()}")
    assert isinstance(raised.value.__cause__, RemoteError) or "cannot reach" in str(raised.value)
    result = runner.invoke(app, ["--endpoint", f"http://127.0.0.1:{free_port()}", "stats"])
    assert result.exit_code == 2 and "cannot reach the SPARQL server" in result.output


def test_the_http_server_over_a_sparql_server(sparql_server):
    """`lexgraph --endpoint URL serve`: REST, views and /sparql answer from the SPARQL server."""
    assert runner.invoke(app, ["--endpoint", sparql_server, "ingest", str(RAW), "--quiet"]).exit_code == 0
    port = free_port()
    env = {**os.environ, "LEXGRAPH_ENDPOINT": sparql_server}
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


def answer_rows(store: GraphStore, text: str) -> list:
    """A query's answer as sorted rows (or triples) of N-Triples terms."""
    result = store.query(text)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return sorted(tuple(str(row[n]) for n in names) for row in result)
    return sorted(str(t) for t in result)


def test_the_example_queries_answer_alike_on_each_server(sparql_server, tmp_path):
    """The README's example queries (api/examples) give the same rows, as many of them, on each store, over
    the seeds and a corpus of replacements and repeals (the seeds change nothing). Where LIMIT cuts through
    ties (the most cited), the counts are compared instead of the labels."""
    remote = GraphStore.open(endpoint=sparql_server)
    embedded = GraphStore.open(None)
    changes = write_corpus(tmp_path / "changes")
    ingest_paths(remote, [RAW.parent, changes])
    ingest_paths(embedded, [RAW.parent, changes])
    for example in sorted(EXAMPLES.glob("*.rq")):
        text = example.read_text(encoding="utf-8")
        expected = answer_rows(embedded, text)
        assert expected, example.name
        got = answer_rows(remote, text)
        if "LIMIT" in text:
            assert sorted(row[-1] for row in got) == sorted(row[-1] for row in expected), example.name
        else:
            assert got == expected, example.name


def test_virtuoso_bulk_loader_takes_lexgraphs_export(tmp_path):
    """The README's path for a large corpus: ingest into the embedded store, `lexgraph export --format nq`,
    and Virtuoso's bulk loader with `urn:x-lexgraph:default` for the default graph. lexgraph then reads
    the same quads and answers through Virtuoso as from the embedded store."""
    server = START["virtuoso"](tmp_path)
    try:
        store = tmp_path / "store"
        assert runner.invoke(app, ["ingest", str(RAW.parent), "--store", str(store), "--quiet"]).exit_code == 0
        load = tmp_path / "virtuoso"
        exported = runner.invoke(app, ["export", "--format", "nq", "--store", str(store)])
        (load / "lexgraph.nq").write_bytes(exported.stdout_bytes)
        user, password = VIRTUOSO_USER
        subprocess.run(["isql-vt", f"127.0.0.1:{server.sql_port}", user, password,
                        f"exec=ld_dir('{load}', 'lexgraph.nq', '{DEFAULT_GRAPH}'); rdf_loader_run(); checkpoint;"],
                       check=True, capture_output=True, timeout=120)
        remote = GraphStore.open(endpoint=server.url)
        embedded = GraphStore.open(store, read_only=True)
        assert every_quad(remote) == every_quad(embedded)
        assert named_answers(remote) == named_answers(embedded)
    finally:
        server.stop()


def test_an_unknown_server_kind_is_a_clear_error():
    with pytest.raises(StoreError, match="unknown server kind #fusecki; use one of #oxigraph, #virtuoso"):
        GraphStore.open(endpoint="http://127.0.0.1:3030/lexgraph#fusecki")
    result = runner.invoke(app, ["--endpoint", "http://127.0.0.1:3030/lexgraph#fusecki", "stats"])
    assert result.exit_code == 2 and "unknown server kind" in result.output
