"""Real SPARQL clients against a live server: SPARQLWrapper and rdflib's SPARQLStore / SPARQLUpdateStore."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, N3, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.live import TOKEN

PREFIXES = """PREFIX lex: <https://w3id.org/lexgraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
TREE = PREFIXES + """SELECT ?plan WHERE {
  ?r eli:id_local "11/NQ-CP" ; lex:year 2022 . ?plan lex:inImplementationOf ?r } ORDER BY ?plan"""
LEX = Namespace("https://w3id.org/lexgraph/ontology#")
PLANS = ["https://w3id.org/lexgraph/eli/vn/ubnd-can-tho/2022/kh/35",
         "https://w3id.org/lexgraph/eli/vn/ubnd-hai-phong/2022/ctr/1"]


def wrapper(server, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [None, POST])
def test_sparqlwrapper_select_json(server, method):
    result = wrapper(server, TREE, JSON, method).queryAndConvert()
    assert [b["plan"]["value"] for b in result["results"]["bindings"]] == PLANS


def test_sparqlwrapper_select_xml(server):
    document = wrapper(server, TREE, XML).queryAndConvert()
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == PLANS


def test_sparqlwrapper_select_csv(server):
    text = wrapper(server, TREE, CSV).queryAndConvert().decode()
    assert text.split() == ["plan", *PLANS]


def test_sparqlwrapper_ask(server):
    assert wrapper(server, PREFIXES + 'ASK { ?x eli:id_local "43/2022/QH15" }', JSON).queryAndConvert()["boolean"]


@pytest.mark.parametrize("fmt", [TURTLE, N3])
def test_sparqlwrapper_construct(server, fmt):
    query = PREFIXES + 'CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x eli:id_local "59-NQ/TW" ; rdfs:label ?l }'
    g = wrapper(server, query, fmt).queryAndConvert()
    if isinstance(g, bytes):
        g = Graph().parse(data=g, format="turtle")
    assert set(g.objects()) == {Literal("Nghị quyết 59-NQ/TW")}


def test_sparqlwrapper_construct_as_graph(server):
    query = PREFIXES + 'CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x eli:id_local "59-NQ/TW" ; rdfs:label ?l }'
    client = wrapper(server, query, "xml")
    g = client.queryAndConvert()
    assert isinstance(g, Graph) and len(g) == 1


def test_sparqlwrapper_reports_a_malformed_query(server):
    with pytest.raises(QueryBadFormed) as raised:
        wrapper(server, "SELECT ?x WHERE { ?x }", JSON).queryAndConvert()
    assert "does not parse" in str(raised.value)


def test_rdflib_sparqlstore_query(server):
    graph = Graph(store=SPARQLStore(f"{server.url}/sparql"))
    rows = list(graph.query(TREE))
    assert [str(r.plan) for r in rows] == PLANS


def test_rdflib_sparqlstore_triples_and_len(server):
    graph = Graph(store=SPARQLStore(f"{server.url}/sparql", returnFormat="json"))
    instruments = set(graph.subjects(RDF.type, LEX.Instrument))
    assert len(instruments) == 106
    assert URIRef(PLANS[0]) in instruments


def test_rdflib_sparqlstore_construct(server):
    graph = Graph(store=SPARQLStore(f"{server.url}/sparql"))
    result = graph.query(PREFIXES + 'CONSTRUCT WHERE { ?x eli:id_local "11/NQ-CP" ; rdfs:label ?l }')
    assert len(result.graph) == 2


def test_rdflib_sparqlupdatestore_with_the_token(writable_server):
    endpoint = f"{writable_server.url}/sparql"
    subject = URIRef("https://example.org/note/1")
    refused = SPARQLUpdateStore(endpoint, endpoint)
    with pytest.raises(Exception, match="401"):
        refused.add((subject, RDF.type, LEX.Instrument))
    store = SPARQLUpdateStore(endpoint, endpoint, headers={"Authorization": f"Bearer {TOKEN}"}, autocommit=True)
    store.add((subject, URIRef("https://example.org/p"), Literal("một ghi chú")))
    reader = Graph(store=SPARQLStore(endpoint))
    assert list(reader.objects(subject, URIRef("https://example.org/p"))) == [Literal("một ghi chú")]
    store.remove((subject, None, None), None)
    assert list(reader.objects(subject, URIRef("https://example.org/p"))) == []
