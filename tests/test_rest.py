"""The REST API on a live server over the seed store: lookups, trees, resolution, checks, ingest, export."""

from __future__ import annotations

import csv
import io
import json
import re

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from api.cli import app
from tests.conftest import RAW
from tests.live import TOKEN

NQ11 = "https://w3id.org/lexgraph/eli/vn/cp/2022/nq/11"
KH35 = "https://w3id.org/lexgraph/eli/vn/ubnd-can-tho/2022/kh/35"
CTR1 = "https://w3id.org/lexgraph/eli/vn/ubnd-hai-phong/2022/ctr/1"
runner = CliRunner()


def ok(response: httpx.Response):
    assert response.status_code == 200, response.text
    return response.json()


def test_health_and_stats(http):
    health = ok(http.get("/health"))
    assert health["status"] == "ok" and health["writable"] is False and "quads" not in health
    assert ok(http.get("/stats"))["counts"]["quads"] > 4000
    stats = ok(http.get("/stats"))
    assert stats["counts"]["instruments with full text"] == 5
    assert stats["edges_by_relation"]["implements"] >= 1
    assert stats["most_cited"][0]["count"] == 3


def test_openapi_lists_every_route(http):
    paths = ok(http.get("/openapi.json"))["paths"]
    for route in ["/sparql", "/documents", "/documents/{ident}", "/documents/{ident}/implementations",
                  "/documents/{ident}/cites", "/documents/{ident}/cited-by", "/resolve", "/check", "/extract",
                  "/export", "/stats", "/health"]:
        assert route in paths, route


# -- /documents ----------------------------------------------------------------------------------------


def test_documents_filters(http):
    plans = ok(http.get("/documents", params={"type": "Kế hoạch", "jurisdiction": "Cần Thơ", "in_corpus": True}))
    assert {i["label"] for i in plans["items"]} == {"Kế hoạch 35/KH-UBND", "Kế hoạch 22/KH-UBND",
                                                    "Kế hoạch (raw/002_fef4242a5e16bd21.txt)"}
    assert plans["total"] == 3
    assert all(i["jurisdiction"] == "Cần Thơ" and i["type"] == "Kế hoạch" for i in plans["items"])
    by_code = ok(http.get("/documents", params={"type": "kh", "jurisdiction": "can tho", "in_corpus": "true"}))
    assert by_code["total"] == plans["total"]


def test_documents_date_range_and_year(http):
    page = ok(http.get("/documents", params={"date_from": "2022-01-01", "date_to": "2022-03-31", "limit": 100}))
    assert page["total"] == len(page["items"]) > 0
    assert all("2022-01-01" <= i["date"] <= "2022-03-31" for i in page["items"])
    labels = {i["label"] for i in page["items"]}
    assert {"Nghị quyết 11/NQ-CP", "Kế hoạch 35/KH-UBND", "Chương trình 01/CTr-UBND"} <= labels
    year = ok(http.get("/documents", params={"year": 2022, "type": "nq", "limit": 100}))
    assert all(i["year"] == 2022 for i in year["items"])


def test_documents_free_text_ignores_case_and_diacritics(http):
    with_marks = ok(http.get("/documents", params={"q": "phục hồi và phát triển"}))
    without = ok(http.get("/documents", params={"q": "PHUC HOI VA PHAT TRIEN"}))
    assert with_marks["total"] == without["total"] > 0
    assert NQ11 in {i["iri"] for i in with_marks["items"]}


def test_documents_issuer_filter(http):
    page = ok(http.get("/documents", params={"issuer": "Chính phủ", "limit": 200}))
    assert page["total"] > 5 and all("Chính phủ" in i["issuer"] for i in page["items"])


def test_documents_pagination_is_stable_and_complete(http):
    total = ok(http.get("/documents", params={"limit": 1}))["total"]
    seen, url = [], "/documents?limit=7"
    while url:
        page = ok(http.get(url))
        seen += [i["iri"] for i in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == total == 106


def test_documents_bad_parameters_are_422(http):
    assert http.get("/documents", params={"limit": 0}).status_code == 422
    assert http.get("/documents", params={"date_from": "30/01/2022"}).status_code == 422


def test_filter_values_are_not_sparql(http):
    for value in ['"} } ; DROP ALL ; #', "\\", "'\n", "?x", "<http://x>"]:
        assert ok(http.get("/documents", params={"q": value, "issuer": value, "type": value}))["total"] == 0
    assert ok(http.get("/stats"))["counts"]["quads"] > 4000


# -- /documents/{id} ----------------------------------------------------------------------------------


@pytest.mark.parametrize("ident", ["eli/vn/cp/2022/nq/11", "11/NQ-CP?year=2022", NQ11,
                                   "Nghị quyết số 11/NQ-CP ngày 30/01/2022"])
def test_document_by_any_id(http, ident):
    doc = ok(http.get(f"/documents/{ident}"))
    assert doc["iri"] == NQ11 and doc["id"] == "eli/vn/cp/2022/nq/11"
    assert doc["date"] == "2022-01-30" and doc["issuer"] == "Chính phủ"
    assert {e["other"]["iri"] for e in doc["cited_by"]} >= {KH35, CTR1}


def test_document_with_full_text(http):
    doc = ok(http.get("/documents/eli/vn/ubnd-can-tho/2022/kh/35"))
    assert doc["in_corpus"] and doc["sources"][0]["file"].startswith("raw/000_")
    implements = [e for e in doc["cites"] if "implements" in e["relations"]]
    assert implements[0]["other"]["iri"] == NQ11
    assert "11/NQ-CP" in implements[0]["sentence"] and implements[0]["line"] > 0


def test_document_unknown_is_404_ambiguous_is_300(http):
    missing = http.get("/documents/999/NQ-CP")
    assert missing.status_code == 404 and "999/NQ-CP" in missing.json()["detail"]
    ambiguous = http.get("/documents/128/NQ-CP")
    assert ambiguous.status_code == 300
    assert {c["year"] for c in ambiguous.json()["candidates"]} == {2020, 2021}
    assert ok(http.get("/documents/128/NQ-CP", params={"year": 2021}))["year"] == 2021


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                             ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
def test_document_as_linked_data(http, accept, fmt):
    response = http.get("/documents/eli/vn/cp/2022/nq/11", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    g = Graph().parse(data=response.content, format=fmt)
    assert (URIRef(NQ11), URIRef("http://data.europa.eu/eli/ontology#date_document"), None) in g
    # The edges that cite it come with their evidence.
    assert len(list(g.subjects(URIRef("https://w3id.org/lexgraph/ontology#to"), URIRef(NQ11)))) >= 3
    assert any(g.objects(None, URIRef("https://w3id.org/lexgraph/ontology#sentence")))


def test_instrument_iri_path_dereferences(http):
    response = http.get("/eli/vn/cp/2022/nq/11", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and "eli:date_document" in response.text
    assert ok(http.get("/eli/vn/cp/2022/nq/11"))["iri"] == NQ11
    assert http.get("/documents/eli/vn/cp/2022/nq/11", headers={"Accept": "image/png"}).status_code == 406


# -- trees and edges ---------------------------------------------------------------------------------


def test_implementations_of_11_nq_cp(http):
    tree = ok(http.get("/documents/11/NQ-CP/implementations", params={"year": 2022}))
    assert tree["root"]["iri"] == NQ11
    rows = {r["document"]["iri"]: r for r in tree["rows"]}
    assert set(rows) == {KH35, CTR1}
    assert rows[KH35]["relations"] == ["implements"] and rows[KH35]["lag_days"] == 19
    assert rows[KH35]["document"]["jurisdiction"] == "Cần Thơ" and rows[KH35]["document"]["date"] == "2022-02-18"
    assert rows[CTR1]["relations"] == ["based_on"] and rows[CTR1]["lag_days"] == 40
    assert rows[CTR1]["document"]["jurisdiction"] == "Hải Phòng"
    assert all(r["evidence"] and "11/NQ-CP" in r["evidence"] for r in tree["rows"])


def test_implementations_depth(http):
    deep = ok(http.get("/documents/59-NQ/TW/implementations"))
    shallow = ok(http.get("/documents/59-NQ/TW/implementations", params={"depth": 1}))
    assert max(r["depth"] for r in deep["rows"]) >= 2
    assert {r["depth"] for r in shallow["rows"]} == {1}


def test_implementations_sorted_by_lag(http):
    tree = ok(http.get("/documents/59-NQ/TW/implementations", params={"sort": "lag"}))
    lags = [r["lag_days"] for r in tree["rows"] if r["lag_days"] is not None]
    assert lags == sorted(lags) and all("lag_from_parent" in r for r in tree["rows"])
    assert http.get("/documents/59-NQ/TW/implementations", params={"sort": "size"}).status_code == 422


def test_cites_and_cited_by(http):
    cites = ok(http.get("/documents/eli/vn/ubnd-hai-phong/2022/ctr/1/cites"))
    assert NQ11 in {e["other"]["iri"] for e in cites["items"]}
    cited_by = ok(http.get("/documents/43/2022/QH15/cited-by"))
    assert {e["stated_in"] for e in cited_by["items"]} >= {KH35, CTR1}
    assert all(e["sentence"] and e["source"] for e in cited_by["items"])
    assert cited_by["total"] == len(cited_by["items"]) and cited_by["next"] is None


def test_cited_by_pages(http):
    """A page at a time, with a next link, the pages together the whole list in order."""
    whole = ok(http.get("/documents/eli/vn/ubnd-hai-phong/2022/ctr/1/cites"))
    assert whole["total"] >= 5
    pages, url = [], "/documents/eli/vn/ubnd-hai-phong/2022/ctr/1/cites?limit=2"
    while url:
        page = ok(http.get(url))
        assert len(page["items"]) <= 2 and page["total"] == whole["total"]
        pages += page["items"]
        url = page["next"]
    assert pages == whole["items"]
    assert http.get("/documents/43/2022/QH15/cited-by", params={"limit": 0}).status_code == 422


# -- /resolve, /check, /extract ---------------------------------------------------------------------------


def test_resolve_known(http):
    found = ok(http.get("/resolve", params={"citation": "Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ"}))
    assert found["known"] and found["iri"] == NQ11 and found["id"] == "eli/vn/cp/2022/nq/11"
    assert found["parsed"]["number"] == "11/NQ-CP" and found["parsed"]["date"] == "2022-01-30"


def test_resolve_unknown_gives_the_iri_it_would_have(http):
    found = ok(http.get("/resolve", params={"citation": "Nghị quyết số 999/NQ-CP ngày 01/02/2023 của Chính phủ"}))
    assert not found["known"] and found["iri"] == "https://w3id.org/lexgraph/eli/vn/cp/2023/nq/999"


def test_resolve_ambiguous_lists_candidates(http):
    found = ok(http.get("/resolve", params={"citation": "Nghị quyết 128/NQ-CP"}))
    assert found["known"] and found["iri"] is None and len(found["candidates"]) == 2


def test_resolve_nonsense(http):
    found = ok(http.get("/resolve", params={"citation": "xin chào"}))
    assert found == {"citation": "xin chào", "parsed": None, "id": None, "iri": None, "known": False,
                     "candidates": []}


DRAFT = """Căn cứ Nghị quyết số 11/NQ-CP ngày 31/01/2022 của Chính phủ về Chương trình phục hồi và phát triển kinh tế - xã hội;
Căn cứ Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội về chính sách tài khóa, tiền tệ hỗ trợ Chương trình phục hồi và phát triển kinh tế - xã hội;
Căn cứ Nghị quyết số 59-NQ/TW ngày 05/8/2022 của Bộ Chính trị;
Căn cứ Nghị quyết số 128/NQ-CP của Chính phủ;
Căn cứ Nghị quyết số 999/NQ-CP ngày 01/02/2023 của Chính phủ;"""


def test_check_a_draft(http):
    result = ok(http.post("/check", json={"text": DRAFT}))
    verdicts = {c["stated"]["number"]: c for c in result["citations"]}
    assert verdicts["11/NQ-CP"]["verdict"] == "inconsistent"
    assert "30/01/2022" in verdicts["11/NQ-CP"]["problems"][0]
    assert verdicts["43/2022/QH15"]["verdict"] == "known"
    assert verdicts["59-NQ/TW"]["verdict"] == "inconsistent"  # the year is wrong: 05/08/2020
    assert verdicts["128/NQ-CP"]["verdict"] == "ambiguous" and len(verdicts["128/NQ-CP"]["suggestions"]) == 2
    assert verdicts["999/NQ-CP"]["verdict"] == "unknown"
    assert result["counts"] == {"known": 1, "unknown": 1, "inconsistent": 2, "ambiguous": 1, "superseded": 0}
    assert verdicts["11/NQ-CP"]["line"] == 1 and verdicts["999/NQ-CP"]["line"] == 5


def test_check_same_number_two_dates(http):
    text = ("Thực hiện Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ; "
            "căn cứ Nghị quyết số 11/NQ-CP ngày 31/01/2022 của Chính phủ.")
    result = ok(http.post("/check", json={"text": text}))
    assert all(c["verdict"] == "inconsistent" for c in result["citations"])
    assert any("2 dates" in p for c in result["citations"] for p in c["problems"])


def test_extract_matches_the_cli(http):
    path = sorted(RAW.glob("*.txt"))[0]
    from ingest import extract_file

    expected = extract_file(path).to_json()
    got = ok(http.post("/extract", json={"text": path.read_text(encoding="utf-8")}))
    assert got["document"] == expected["document"]
    assert got["citations"] == expected["citations"]


def test_post_bodies_are_validated(http):
    assert http.post("/check", json={}).status_code == 422
    assert http.post("/extract", content=b"not json", headers={"Content-Type": "application/json"}).status_code == 422


# -- /export --------------------------------------------------------------------------------------------


def test_export_nquads_has_every_quad(http):
    response = http.get("/export", params={"format": "nq"})
    assert response.status_code == 200
    quads = list(ox.parse(response.content, ox.RdfFormat.N_QUADS))
    assert len(quads) == ok(http.get("/stats"))["counts"]["quads"]


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_triples(http, fmt, rdflib_format):
    with http.stream("GET", "/export", params={"format": fmt}) as response:
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        body = b"".join(response.iter_bytes())
    assert len(Graph().parse(data=body, format=rdflib_format)) > 4000


def test_export_csv_edges(http):
    rows = list(csv.DictReader(io.StringIO(http.get("/export", params={"format": "csv"}).text)))
    assert rows and all(r["sentence"] for r in rows)
    assert any(r["from"] == KH35 and r["to"] == NQ11 and "implements" in r["relations"] for r in rows)


def test_export_unknown_format_is_422(http):
    assert http.get("/export", params={"format": "xls"}).status_code == 422


# -- writes ---------------------------------------------------------------------------------------------

NEW_PLAN = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 77/KH-UBND
An Giang, ngày 01 tháng 3 năm 2022

KẾ HOẠCH
Thực hiện Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ về Chương trình phục hồi và phát triển kinh tế - xã hội

Căn cứ Nghị quyết số 43/2022/QH15 ngày 11/01/2022 của Quốc hội về chính sách tài khóa, tiền tệ hỗ trợ Chương trình phục hồi và phát triển kinh tế - xã hội;
"""


def test_ingest_needs_the_token(writable_server, server):
    url = writable_server.url
    assert httpx.post(f"{url}/documents", json={"source": "x.txt", "text": NEW_PLAN}).status_code == 401
    wrong = httpx.post(f"{url}/documents", json={"source": "x.txt", "text": NEW_PLAN},
                       headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    read_only = httpx.post(f"{server.url}/documents", json={"source": "x.txt", "text": NEW_PLAN},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert read_only.status_code == 403 and "read-only" in read_only.json()["detail"]


def test_ingested_document_joins_the_tree_and_sparql(writable_server):
    url, auth = writable_server.url, {"Authorization": f"Bearer {TOKEN}"}
    created = httpx.post(f"{url}/documents", json={"source": "an-giang-77.txt", "text": NEW_PLAN}, headers=auth)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "ingested" and body["document"]["jurisdiction"] == "An Giang"
    assert created.headers["location"] == f"/documents/{body['document']['id']}"
    again = httpx.post(f"{url}/documents", json={"source": "an-giang-77.txt", "text": NEW_PLAN}, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    tree = httpx.get(f"{url}/documents/11/NQ-CP/implementations", params={"year": 2022}).json()
    row = next(r for r in tree["rows"] if r["document"]["jurisdiction"] == "An Giang")
    assert row["relations"] == ["implements"] and row["lag_days"] == 30
    # The SPARQL workers see the write too.
    query = 'SELECT ?d WHERE { ?d eli:jurisdiction/skos:prefLabel "An Giang"@vi ; lex:implements ?r }'
    rows = httpx.get(f"{url}/sparql", params={"query": query}).json()["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == [body["document"]["iri"]]


def test_ingest_rejects_a_bad_source_name(writable_server):
    response = httpx.post(f"{writable_server.url}/documents", json={"source": "../../etc/passwd", "text": "x"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422


def test_sparql_update_with_the_token(writable_server):
    url = writable_server.url
    update = 'INSERT DATA { <https://example.org/x> <https://example.org/p> "ghi chú" }'
    headers = {"Content-Type": "application/sparql-update"}
    assert httpx.post(f"{url}/sparql", content=update, headers=headers).status_code == 401
    done = httpx.post(f"{url}/sparql", content=update, headers={**headers, "Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 204
    rows = httpx.get(f"{url}/sparql", params={"query": "SELECT ?o { <https://example.org/x> ?p ?o }"}).json()
    assert rows["results"]["bindings"][0]["o"]["value"] == "ghi chú"
    bad = httpx.post(f"{url}/sparql", data={"update": "INSERT DATA { oops }"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 400 and "does not parse" in bad.text


def test_problem_bodies_are_json(http):
    body = http.get("/documents/999/NQ-CP").json()
    assert set(body) == {"detail"}
    json.dumps(body)


def test_an_empty_or_binary_document_is_refused_as_the_cli_refuses_it(writable_server, tmp_path):
    for text, reason in (("", "empty; nothing to extract"), ("  \n\t ", "empty; nothing to extract"),
                         ("PK\x00\x03\x04\x00\x00binary", "binary content")):
        response = httpx.post(f"{writable_server.url}/documents", json={"source": "bad.txt", "text": text},
                              headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 400 and reason in response.json()["detail"], response.text
        (tmp_path / "bad.txt").write_bytes(text.encode("utf-8"))
        cli = runner.invoke(app, ["extract", str(tmp_path / "bad.txt")])
        assert reason in cli.output


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_person_opening_the_server_finds_a_page(http):
    page = http.get("/", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'href="/sparql"' in page.text and "/openapi.json" in page.text and "<script" not in page.text
    assert 'href="/docs"' in page.text


def test_another_client_finds_json_at_the_root(http):
    for accept in ("*/*", "application/json"):
        answer = http.get("/", headers={"Accept": accept})
        assert answer.headers["content-type"].startswith("application/json"), accept
        links = answer.json()["links"]
        assert links["sparql"] == "/sparql" and links["docs"] == "/docs" and links["openapi"] == "/openapi.json"


def test_the_api_docs_are_served_offline(http):
    page = http.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in page.text
    # Every script and stylesheet is the server's own.
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/docs/assets/") for u in urls), urls
    for url in urls:
        assert http.get(url).status_code == 200, url


def test_ingest_while_served_read_only_is_refused_and_a_write_shows_in_health(seed_store_dir, tmp_path):
    """A read-only server takes no lock: `lexgraph ingest` refuses to write under it, naming the server;
    a store changed all the same (through the Python API) makes /health say the answers are stale."""
    from graph import GraphStore, ingest_paths
    from tests.live import copy_store, start_server

    store = copy_store(seed_store_dir, tmp_path / "store")
    live = start_server(store, tmp_path / "server.log")
    try:
        assert httpx.get(f"{live.url}/health").json()["stale"] is False
        refused = runner.invoke(app, ["ingest", str(RAW), "--store", str(store)])
        assert refused.exit_code == 2 and "being served read-only" in refused.output and live.url in refused.output
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "plan.txt").write_text((RAW / "004_7b5221423f9702f2.txt").read_text(encoding="utf-8")
                                                   + "\nThêm một dòng.\n", encoding="utf-8")
        graph = GraphStore.open(store)
        ingest_paths(graph, [tmp_path / "new"])
        graph.close()
        assert httpx.get(f"{live.url}/health").json()["stale"] is True
    finally:
        live.stop()
    # Once the server is gone, the store is the writer's again.
    assert runner.invoke(app, ["ingest", str(RAW), "--store", str(store)]).exit_code == 0
