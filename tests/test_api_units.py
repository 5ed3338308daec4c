"""Pieces of the HTTP layer that need no server: examples, settings, negotiation, the query scanner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.negotiation import choose, from_format
from api.runner import _FROM, _SERVICE, keywords_of
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
