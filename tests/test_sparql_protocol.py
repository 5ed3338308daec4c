"""The /sparql endpoint against the SPARQL 1.1 Protocol recommendation, on a live server over the seed store.

Written from https://www.w3.org/TR/sparql11-protocol/ (2.1 query operation: GET, POST form-encoded, POST
direct; 2.1.4 dataset parameters; 2.1.5 responses and error codes; 2.2 update operation) and the result
format recommendations (JSON, XML, CSV/TSV), plus the endpoint's own limits.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import xml.etree.ElementTree as ET

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph

SELECT = "SELECT ?x ?label WHERE { ?x lex:citedByCount ?n ; rdfs:label ?label } ORDER BY DESC(?n) ?x LIMIT 5"
CONSTRUCT = 'CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x eli:id_local "11/NQ-CP" ; rdfs:label ?l }'
SPARQL_RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"
CANTHO_GRAPH = "https://w3id.org/lexgraph/source/raw/000_621a5b53acb9bbf6.txt"


def rows_of(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


# -- 2.1 query operation: the three ways to send a query --------------------------------------------


def test_query_via_get(http):
    assert len(rows_of(http.get("/sparql", params={"query": SELECT}))) == 5


def test_query_via_post_form(http):
    assert len(rows_of(http.post("/sparql", data={"query": SELECT}))) == 5


def test_query_via_post_directly(http):
    response = http.post("/sparql", content=SELECT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert len(rows_of(response)) == 5


def test_the_three_ways_give_the_same_answer(http):
    get = http.get("/sparql", params={"query": SELECT}).content
    form = http.post("/sparql", data={"query": SELECT}).content
    direct = http.post("/sparql", content=SELECT, headers={"Content-Type": "application/sparql-query"}).content
    assert get == form == direct


def test_direct_post_with_charset_utf8(http):
    response = http.post("/sparql", content=SELECT.encode(),
                         headers={"Content-Type": "application/sparql-query; charset=UTF-8"})
    assert response.status_code == 200


def test_vietnamese_literal_in_query(http):
    query = 'SELECT ?x WHERE { ?x eli:jurisdiction/skos:prefLabel "Cần Thơ"@vi ; eli:id_local "35/KH-UBND" }'
    rows = rows_of(http.get("/sparql", params={"query": query}))
    assert [r["x"]["value"] for r in rows] == ["https://w3id.org/lexgraph/eli/vn/ubnd-can-tho/2022/kh/35"]


# -- result formats for SELECT and ASK --------------------------------------------------------------


def test_select_json(http):
    response = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    data = response.json()
    assert data["head"]["vars"] == ["x", "label"]
    assert all(b["x"]["type"] == "uri" and b["label"]["type"] == "literal" for b in data["results"]["bindings"])


def test_select_xml(http):
    response = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(response.content)
    assert [v.get("name") for v in root.iter(f"{SPARQL_RESULTS_NS}variable")] == ["x", "label"]
    assert len(list(root.iter(f"{SPARQL_RESULTS_NS}result"))) == 5


def test_select_csv(http):
    response = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.text)))
    assert table[0] == ["x", "label"] and len(table) == 6


def test_select_tsv(http):
    response = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/tab-separated-values"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    parsed = list(ox.parse_query_results(response.content, ox.QueryResultsFormat.TSV))
    assert len(parsed) == 5 and isinstance(parsed[0]["x"], ox.NamedNode)


def test_all_select_formats_hold_the_same_rows(http):
    def labels(accept: str) -> list[str]:
        body = http.get("/sparql", params={"query": SELECT}, headers={"Accept": accept}).content
        fmt = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
               "application/sparql-results+xml": ox.QueryResultsFormat.XML,
               "text/tab-separated-values": ox.QueryResultsFormat.TSV}[accept]
        return [s["label"].value for s in ox.parse_query_results(body, fmt)]

    json_labels = labels("application/sparql-results+json")
    assert json_labels == labels("application/sparql-results+xml") == labels("text/tab-separated-values")
    csv_labels = [r[1] for r in list(csv.reader(io.StringIO(
        http.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"}).text)))[1:]]
    assert csv_labels == json_labels


@pytest.mark.parametrize(("accept", "check"), [
    ("application/sparql-results+json", lambda r: r.json()["boolean"] is True),
    ("application/sparql-results+xml", lambda r: b"<boolean>true</boolean>" in r.content),
])
def test_ask(http, accept, check):
    response = http.get("/sparql", params={"query": 'ASK { ?x eli:id_local "59-NQ/TW" }'}, headers={"Accept": accept})
    assert response.status_code == 200 and check(response)


def test_ask_false(http):
    response = http.get("/sparql", params={"query": 'ASK { ?x eli:id_local "no such number" }'})
    assert response.json() == {"head": {}, "boolean": False}


# -- result formats for CONSTRUCT and DESCRIBE ------------------------------------------------------


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_formats(http, accept, rdflib_format):
    response = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    g = Graph().parse(data=response.content, format=rdflib_format)
    labels = {str(o) for o in g.objects()}
    assert labels == {"Nghị quyết 11/NQ-CP"}


def test_describe(http):
    query = "DESCRIBE <https://w3id.org/lexgraph/eli/vn/cp/2022/nq/11>"
    response = http.get("/sparql", params={"query": query}, headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.content, format="turtle")
    assert len(g) > 5


def test_construct_with_only_select_formats_acceptable_is_406(http):
    response = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 406
    assert "text/turtle" in response.text


def test_select_with_only_rdf_formats_acceptable_is_406(http):
    response = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/turtle"})
    assert response.status_code == 406


def test_accept_quality_values_are_honoured(http):
    response = http.get("/sparql", params={"query": SELECT},
                        headers={"Accept": "application/sparql-results+json;q=0.2, text/csv;q=0.9"})
    assert response.headers["content-type"].startswith("text/csv")


def test_wildcard_accept_gets_json_results_and_turtle(http):
    select = http.get("/sparql", params={"query": SELECT}, headers={"Accept": "*/*"})
    construct = http.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "*/*"})
    assert select.headers["content-type"].startswith("application/sparql-results+json")
    assert construct.headers["content-type"].startswith("text/turtle")


def test_format_parameter_overrides_accept(http):
    response = http.get("/sparql", params={"query": SELECT, "format": "csv"}, headers={"Accept": "application/json"})
    assert response.headers["content-type"].startswith("text/csv")


# -- 2.1.4 the RDF dataset ---------------------------------------------------------------------------


def test_default_graph_is_the_union(http):
    rows = rows_of(http.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}))
    assert int(rows[0]["n"]["value"]) > 4000


def test_default_graph_uri_narrows_the_default_graph(http):
    query = "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc lex:source ?file }"
    everything = rows_of(http.get("/sparql", params={"query": query}))
    one_file = rows_of(http.get("/sparql", params={"query": query, "default-graph-uri": CANTHO_GRAPH}))
    assert int(everything[0]["n"]["value"]) == 5
    assert int(one_file[0]["n"]["value"]) == 1


def test_named_graph_uri_limits_graph_patterns(http):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = rows_of(http.post("/sparql", data={"query": query, "named-graph-uri": CANTHO_GRAPH}))
    assert [r["g"]["value"] for r in rows] == [CANTHO_GRAPH]


def test_from_in_the_query_is_honoured(http):
    query = f"SELECT (COUNT(DISTINCT ?doc) AS ?n) FROM <{CANTHO_GRAPH}> WHERE {{ ?doc lex:source ?file }}"
    assert int(rows_of(http.get("/sparql", params={"query": query}))[0]["n"]["value"]) == 1


def test_lex_from_is_not_taken_for_a_from_clause(http):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?e lex:from ?x }"
    assert int(rows_of(http.get("/sparql", params={"query": query}))[0]["n"]["value"]) > 100


def test_bad_graph_iri_is_400(http):
    response = http.get("/sparql", params={"query": SELECT, "default-graph-uri": "not an iri"})
    assert response.status_code == 400


# -- 2.1.5 / 2.2 errors --------------------------------------------------------------------------------


def test_malformed_query_is_400_with_the_parser_message(http):
    response = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?p }"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/plain")
    assert "does not parse" in response.text and re.search(r"1:\d+", response.text)


def test_no_query_is_400_for_a_program(http):
    assert http.get("/sparql", headers={"Accept": "application/sparql-results+json"}).status_code == 400
    assert http.post("/sparql", data={"format": "json"}).status_code == 400


def test_two_queries_are_400(http):
    response = http.get("/sparql", params=[("query", SELECT), ("query", SELECT)])
    assert response.status_code == 400


def test_query_and_update_together_are_400(http):
    response = http.post("/sparql", data={"query": SELECT, "update": "CLEAR DEFAULT"})
    assert response.status_code == 400


def test_unknown_content_type_is_415(http):
    response = http.post("/sparql", content=SELECT, headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_body_not_utf8_is_400(http):
    response = http.post("/sparql", content="SELECT * WHERE { ?s ?p 'Thơ' }".encode("utf-16"),
                         headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400


def test_update_via_get_is_refused(http):
    assert http.get("/sparql", params={"update": "CLEAR ALL"}).status_code == 400


def test_update_on_a_read_only_server_is_403(http):
    response = http.post("/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update",
                                                                   "Authorization": "Bearer guess"})
    assert response.status_code == 403
    assert int(rows_of(http.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}))[0]
               ["n"]["value"]) > 4000


def test_service_is_refused(http):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    response = http.get("/sparql", params={"query": query})
    assert response.status_code == 400 and "SERVICE" in response.text


def test_the_word_service_in_a_string_is_fine(http):
    query = 'SELECT ?x WHERE { VALUES ?x { "SERVICE <x> {" } }'
    assert len(rows_of(http.get("/sparql", params={"query": query}))) == 1


# -- limits --------------------------------------------------------------------------------------------


def test_answer_over_the_row_limit_is_refused_with_advice(http):
    response = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 422
    assert "1000 rows" in response.text and "LIMIT" in response.text


def test_answer_at_the_row_limit_is_given(http):
    response = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"},
                        headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.headers["x-lexgraph-rows"] == "1000"
    assert len(list(csv.reader(io.StringIO(response.text)))) == 1001


def test_construct_over_the_row_limit_is_refused(http):
    response = http.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert response.status_code == 422


PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_pathological_query_is_stopped_at_the_time_limit_and_others_are_answered(http, server):
    outcome: dict = {}

    def heavy() -> None:
        started = time.monotonic()
        response = httpx.get(f"{server.url}/sparql", params={"query": PATHOLOGICAL}, timeout=60)
        outcome["status"], outcome["seconds"], outcome["text"] = (
            response.status_code, time.monotonic() - started, response.text)

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.5)
    # While it runs, the server goes on answering.
    started = time.monotonic()
    assert len(rows_of(http.get("/sparql", params={"query": SELECT}))) == 5
    assert time.monotonic() - started < 1.5
    thread.join()
    assert outcome["status"] == 503, outcome
    assert 2 <= outcome["seconds"] < 5, outcome  # the limit is 2 s
    assert "2 s limit" in outcome["text"]
    # And right after, a simple query is answered at once.
    started = time.monotonic()
    assert len(rows_of(http.get("/sparql", params={"query": SELECT}))) == 5
    assert time.monotonic() - started < 1.5
    # The access log has a line for each request: the stopped one with its reason, the others with rows.
    log = server.log.read_text(encoding="utf-8")
    assert re.search(r"lexgraph\.access 503 GET /sparql \d+\.\d\ds \"the query ran longer than the 2 s limit", log), log
    assert re.search(r"lexgraph\.access 200 GET /sparql \d+\.\d\ds rows=5", log), log


def _runaway(url: str, address: str, outcome: list) -> None:
    """A pathological query from `address` (a loopback address of its own: one client each)."""
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport, timeout=60) as client:
        response = client.get(f"{url}/sparql", params={"query": PATHOLOGICAL})
        outcome.append((response.status_code, response.headers.get("retry-after"), response.text))


def test_with_four_runaways_in_flight_a_simple_query_answers_in_under_two_seconds(http, server):
    outcome: list = []
    threads = [threading.Thread(target=_runaway, args=(server.url, f"127.0.0.{k}", outcome)) for k in range(2, 6)]
    for thread in threads:
        thread.start()
    time.sleep(0.8)  # all four running: two as long queries, two stopped as one too many
    for _ in range(3):
        started = time.monotonic()
        answer = http.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["boolean"] is True
        assert time.monotonic() - started < 2
    for thread in threads:
        thread.join()
    # Every runaway was stopped, with a time to retry; two of them at once, as one long query too many.
    assert sorted(status for status, _, _ in outcome) == [503] * 4, outcome
    assert all(retry for _, retry, _ in outcome)
    assert sum("long queries are running" in text for _, _, text in outcome) >= 2


def test_one_client_runs_one_long_query_at_a_time(server):
    outcome: list = []
    threads = [threading.Thread(target=_runaway, args=(server.url, "127.0.0.9", outcome)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _, _ in outcome) == [429, 503], outcome
    assert any("the most one client may" in text for _, _, text in outcome)


# -- the query page and the service description -----------------------------------------------------


def test_browser_gets_the_query_page(http):
    response = http.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    examples = json.loads(re.search(r'<script type="application/json" id="examples">(.*?)</script>', page,
                                    re.S).group(1))
    assert len(examples) >= 5
    assert "Which plans implement 11/NQ-CP" in examples[0]["title"]
    # Nothing is loaded from anywhere but this server.
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        assert http.get(asset).status_code == 200


def test_every_example_query_on_the_page_answers(http):
    page = http.get("/sparql", headers={"Accept": "text/html"}).text
    examples = json.loads(re.search(r'id="examples">(.*?)</script>', page, re.S).group(1))
    for example in examples:
        response = http.post("/sparql", data={"query": example["query"]},
                             headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"})
        assert response.status_code == 200, (example["name"], response.text)
        if "lex:Change" not in example["query"]:  # the seeds change nothing: tests/test_status.py runs those
            assert response.headers["x-lexgraph-rows"] != "0", example["name"]


def test_service_description(http):
    response = http.get("/sparql", headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.content, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    query = f"ASK {{ ?s a <{sd}Service> ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}"
    assert g.query(query).askAnswer


def test_load_is_refused_even_with_the_token(writable_server):
    import httpx

    from .live import TOKEN

    update = "LOAD <http://127.0.0.1:1/data.ttl> INTO GRAPH <urn:x-test>"
    response = httpx.post(f"{writable_server.url}/sparql", data={"update": update},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 400 and "LOAD" in response.text


def test_load_only_from_the_prefixes_the_operator_allowed(seed_store_dir, tmp_path):
    """`serve --allow-load PREFIX`: LOAD from under PREFIX goes through (with the token), from anywhere else
    it is refused."""
    import functools
    import http.server

    from .live import TOKEN, copy_store, start_server

    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "data.ttl").write_text("<urn:x-a> <urn:x-b> <urn:x-c> .\n", encoding="utf-8")
    files = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www")))
    threading.Thread(target=files.serve_forever, daemon=True).start()
    allowed = f"http://127.0.0.1:{files.server_address[1]}/"
    live = start_server(copy_store(seed_store_dir, tmp_path / "store"), tmp_path / "server.log",
                        "--write-token", TOKEN, "--allow-load", allowed)
    try:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        refused = httpx.post(f"{live.url}/sparql", headers=auth,
                             data={"update": "LOAD <http://127.0.0.2:1/data.ttl> INTO GRAPH <urn:x-test>"})
        assert refused.status_code == 400 and allowed in refused.text
        loaded = httpx.post(f"{live.url}/sparql", headers=auth,
                            data={"update": f"LOAD <{allowed}data.ttl> INTO GRAPH <urn:x-test>"})
        assert loaded.status_code in (200, 204), loaded.text
        ask = httpx.get(f"{live.url}/sparql", params={"query": "ASK { GRAPH <urn:x-test> { <urn:x-a> ?p ?o } }"},
                        headers={"Accept": "application/sparql-results+json"})
        assert ask.json()["boolean"] is True
    finally:
        live.stop()
        files.shutdown()


def _raw_status(url: str, request_line: bytes) -> int:
    """The status a server answers a request line with, sent as it is (httpx refuses to build such URLs)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(request_line + b"\r\nHost: " + parts.netloc.encode() + b"\r\nConnection: close\r\n\r\n")
        answer = sock.makefile("rb").readline()
    return int(answer.split()[1]) if answer else 0


def test_request_and_query_limits(http, server):
    long_url = http.get("/sparql", params={"query": "ASK {}" + " " * 10_000})
    assert long_url.status_code == 414 and "POST" in long_url.json()["detail"]
    deep = "ASK " + "{" * 200 + "}" * 200
    nested = http.post("/sparql", content=deep, headers={"Content-Type": "application/sparql-query"})
    assert nested.status_code == 400 and "nests" in nested.text
    huge = http.post("/sparql", content="ASK {} #" + "x" * 1_100_000,
                     headers={"Content-Type": "application/sparql-query"})
    assert huge.status_code == 413
    # A 1 MB URL is answered 414 (not a reset connection), a 20 MB body 413, and REST bodies are held alike.
    assert _raw_status(server.url, b"GET /sparql?query=ASK%7B%7D" + b"%20" * 333_333 + b" HTTP/1.1") == 414
    assert http.post("/sparql", content=b"x" * 20_000_000,
                     headers={"Content-Type": "application/sparql-query"}).status_code == 413
    assert http.post("/check", content=b'{"text": "' + b"x" * 20_000_000 + b'"}',
                     headers={"Content-Type": "application/json"}).status_code == 413


# -- cheap queries: answered in the server process ------------------------------------------------------

LOOKUP = "SELECT ?label WHERE { <https://w3id.org/lexgraph/eli/vn/cp/2022/nq/11> rdfs:label ?label }"


def test_a_cheap_query_answers_while_runaways_hold_every_worker(http, server):
    outcome: list = []
    threads = [threading.Thread(target=_runaway, args=(server.url, f"127.0.0.{k}", outcome)) for k in range(12, 16)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)  # every worker is taken or about to be
    times = []
    for _ in range(5):
        started = time.monotonic()
        answer = http.get("/sparql", params={"query": LOOKUP}, headers={"Accept": "text/csv"})
        times.append(time.monotonic() - started)
        assert answer.status_code == 200, answer.text
        assert answer.text.splitlines()[0] == "label" and len(answer.text.splitlines()) >= 2
    for thread in threads:
        thread.join()
    assert max(times) < 1.0, times


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_a_cheap_query_gives_the_bytes_a_worker_gives(http, accept):
    # A comment makes the same query not cheap by construction: a worker answers it.
    for query in (LOOKUP, "SELECT * WHERE { ?s a eli:LegalResource } LIMIT 7", "ASK { ?s lex:implements ?o }"):
        fast = http.get("/sparql", params={"query": query}, headers={"Accept": accept})
        slow = http.get("/sparql", params={"query": "# via a worker\n" + query}, headers={"Accept": accept})
        assert fast.status_code == slow.status_code == 200
        assert fast.content == slow.content and fast.headers["x-lexgraph-rows"] == slow.headers["x-lexgraph-rows"]


def test_a_cheap_query_keeps_the_row_limit(http):
    response = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5000"})
    assert response.status_code == 422 and "1000 rows" in response.text
