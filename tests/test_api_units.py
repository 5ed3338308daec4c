"""Pieces of the HTTP layer that need no server: examples, settings, negotiation, the query scanner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.negotiation import choose, from_format
from api.runner import _FROM, _SERVICE, Query, cheap, keywords_of
from api.settings import Settings
from api.sparql import examples

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_shows_the_query_page_examples():
    block = re.search(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1).strip()
    assert block == "\n\n".join(e["query"] for e in examples())


def test_settings_from_environment():
    settings = Settings.from_env({"LEXGRAPH_STORE": "/x", "LEXGRAPH_QUERY_TIMEOUT": "2.5", "LEXGRAPH_ROW_LIMIT": "7",
                                  "LEXGRAPH_WRITE_TOKEN": "t"})
    assert (settings.store, settings.query_timeout, settings.row_limit, settings.write_token) == (
        Path("/x"), 2.5, 7, "t")
    assert Settings.from_env({}).write_token is None


@pytest.mark.parametrize("value", ["ten", "-1"])
def test_bad_settings_name_the_variable(value):
    with pytest.raises(ValueError, match="LEXGRAPH_QUERY_TIMEOUT"):
        Settings.from_env({"LEXGRAPH_QUERY_TIMEOUT": value})


def test_negotiation():
    offered = ["application/sparql-results+json", "text/csv"]
    assert choose("text/csv, */*;q=0.1", offered) == "text/csv"
    assert choose("not a media type;;", offered) == "application/sparql-results+json"
    assert from_format("TTL") == "text/turtle" and from_format("n3") == "text/turtle"
    assert from_format("pdf") is None and from_format(None) is None


@pytest.mark.parametrize(("query", "has_from"), [
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("select * from named <http://g> where { graph ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?e lex:from ?x }", False),
    ("SELECT ?from WHERE { ?s ?p ?from }", False),
    ('SELECT * WHERE { ?s ?p "FROM <x>" } # FROM <y>', False),
])
def test_from_clause_detection(query, has_from):
    assert bool(_FROM.search(keywords_of(query))) is has_from


@pytest.mark.parametrize(("query", "has_service"), [
    ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s lex:service ?o . ?s ?p 'SERVICE' }", False),
])
def test_service_detection(query, has_service):
    assert bool(_SERVICE.search(keywords_of(query))) is has_service


def _call(middleware, scope: dict, chunks: list[bytes]) -> int:
    """Run an ASGI middleware on one request (its body in `chunks`); the status it answers."""
    import asyncio

    sent = []
    queue = [{"type": "http.request", "body": c, "more_body": k < len(chunks) - 1} for k, c in enumerate(chunks)]

    async def receive():
        return queue.pop(0)

    async def send(message):
        sent.append(message)

    asyncio.run(middleware({"type": "http", "method": "POST", "path": "/check", "raw_path": b"/check",
                            "query_string": b"", "headers": [], **scope}, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_request_limits_refuse_oversized_bodies_declared_or_streamed():
    from api.limits import RequestLimits

    async def app(scope, receive, send):
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    limits = RequestLimits(app, max_url=100, max_body=1000)
    assert _call(limits, {"headers": [(b"content-length", b"5000")]}, [b"x"]) == 413
    assert _call(limits, {}, [b"x" * 600, b"x" * 600]) == 413
    assert _call(limits, {}, [b"x" * 600]) == 200
    assert _call(limits, {"query_string": b"q=" + b"x" * 200}, [b""]) == 414


def test_rest_work_is_answered_within_the_limit_and_never_piles_up():
    """Work past the limit is answered with Overrun; its thread runs on holding its place, so the next
    work waits for it (within its own limit) rather than adding a thread."""
    import asyncio
    import threading
    import time

    from api.limits import Overrun, WorkLimit

    release = threading.Event()
    limit = WorkLimit(size=1, seconds=0.3)

    async def scenario() -> list[str]:
        seen = []
        started = time.monotonic()
        try:
            await limit.run(lambda: release.wait(5))
        except Overrun as exc:
            seen.append(f"slow: {exc}")
        assert time.monotonic() - started < 1
        try:
            await limit.run(lambda: "fast")  # the slow thread still holds the one place
        except Overrun as exc:
            seen.append(f"queued: {exc}")
        release.set()
        await asyncio.sleep(0.1)
        seen.append(await limit.run(lambda: "fast"))
        return seen

    slow, queued, fast = asyncio.run(scenario())
    assert "ran longer than the 0.3 s limit" in slow
    assert "could not start within the 0.3 s limit" in queued
    assert fast == "fast"


@pytest.mark.parametrize("query, is_cheap", [
    ("SELECT ?label WHERE { <https://x/a> rdfs:label ?label }", True),
    ("PREFIX ex: <http://e/#>\nSELECT * { ex:a ?p ?o . }", True),
    ("SELECT ?x WHERE { ?x a lex:Document } LIMIT 10", True),
    ("SELECT ?x WHERE { ?x a lex:Document } LIMIT 9000 OFFSET 1000", True),
    ('SELECT ?x WHERE { ?x eli:id_local "11/NQ-CP" } LIMIT 1', True),
    ("ASK { ?x lex:implements ?y }", True),
    ("SELECT ?x WHERE { ?x a lex:Document }", False),  # no LIMIT: every document
    ("SELECT ?x WHERE { ?x a lex:Document } LIMIT 9000 OFFSET 1001", False),
    ("ASK { ?x ?p ?x }", False),  # a filter over every quad
    ("SELECT ?x WHERE { ?x lex:cites+ <https://x/a> } LIMIT 10", False),
    ("SELECT ?x WHERE { ?x lex:cites/lex:cites <https://x/a> } LIMIT 10", False),
    ("SELECT ?x WHERE { ?x ^lex:cites <https://x/a> } LIMIT 10", False),
    ("SELECT ?x WHERE { ?x a lex:Document . ?x lex:year 2020 } LIMIT 5", False),
    ("SELECT ?x WHERE { ?x a lex:Document FILTER(?x != ?x) } LIMIT 5", False),
    ("SELECT ?x WHERE { ?x a lex:Document } ORDER BY ?x LIMIT 5", False),
    ("SELECT DISTINCT ?x WHERE { ?x a lex:Document } LIMIT 5", False),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?x a lex:Document } LIMIT 5", False),
    ("SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } } LIMIT 5", False),
    ("SELECT ?x WHERE { GRAPH ?g { ?x ?p ?o } } LIMIT 5", False),
    ("SELECT ?x FROM <https://x/g> WHERE { ?x ?p ?o } LIMIT 5", False),
    ("# a comment\nSELECT ?x WHERE { ?x ?p ?o } LIMIT 5", False),
    ("CONSTRUCT WHERE { <https://x/a> ?p ?o }", False),
])
def test_cheap_by_construction(query, is_cheap):
    assert cheap(Query(query, "text/csv", "text/turtle")) is is_cheap


def test_a_dataset_clause_is_never_cheap():
    query = "SELECT ?label WHERE { <https://x/a> rdfs:label ?label }"
    assert not cheap(Query(query, "text/csv", None, default_graphs=("https://x/g",)))


class _NoWorkers:
    """A pool that fails the test if a query is sent to it."""

    def schedule(self, *args, **kwargs):
        raise AssertionError("a cheap query went to a worker")


def test_a_cheap_query_is_answered_in_the_server_process_and_others_go_to_workers():
    import asyncio

    import pyoxigraph as ox

    from api.runner import QueryRunner
    from graph.backend import Embedded

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://x/a"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                      ox.Literal("A"), ox.NamedNode("https://x/g")))
    runner = QueryRunner(Path("/nonexistent"), local=Embedded(store))
    runner._pool = _NoWorkers()
    answer = asyncio.run(runner.answer(Query("SELECT ?l WHERE { <https://x/a> rdfs:label ?l }", "text/csv", None)))
    assert (answer.body, answer.rows) == (b"l\r\nA\r\n", 1)
    with pytest.raises(AssertionError, match="went to a worker"):
        asyncio.run(runner.answer(Query("SELECT ?l WHERE { ?x rdfs:label ?l }", "text/csv", None)))
