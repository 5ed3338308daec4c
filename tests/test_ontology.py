"""ontology.ttl and the code agree term for term; doctests of the IRI and identity modules run."""

from __future__ import annotations

import doctest
import importlib

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.vocab import ELI, LEVELS, LEX, ONTOLOGY_FILE, RDF, SHAPES_FILE, TYPE_CLASSES, TYPE_CODES
from ingest.tables import TYPE_TOKENS, TYPE_WORDS

SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
SUBPROPERTY = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture(scope="module")
def ontology() -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=ONTOLOGY_FILE, format=ox.RdfFormat.TURTLE)}


def _defined(ontology: set[ox.Triple]) -> set[ox.NamedNode]:
    return {t.subject for t in ontology if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(LEX._NS)}


def test_every_namespace_term_is_defined_in_the_ontology_and_back(ontology):
    in_code = set(LEX.terms())
    assert in_code - _defined(ontology) == set()
    assert _defined(ontology) - in_code == set()


def test_a_misspelt_term_is_refused():
    with pytest.raises(AttributeError):
        LEX.implement  # noqa: B018
    with pytest.raises(AttributeError):
        LEX["form"]
    assert LEX["from"].value == LEX._NS + "from"


def test_every_type_the_extractor_knows_has_a_class_with_both_labels(ontology):
    for name in {*TYPE_WORDS.values(), *TYPE_TOKENS.values()}:
        cls = TYPE_CLASSES[name]
        assert ox.Triple(cls, SUBCLASS, LEX.Instrument) in ontology
        assert ox.Triple(cls, LABEL, ox.Literal(name, language="vi")) in ontology, name
        assert any(t.object.language == "en" for t in ontology if t.subject == cls and t.predicate == LABEL)


def test_type_codes_and_levels_match_the_ontology(ontology):
    for cls, code in TYPE_CODES.items():
        assert ox.Triple(cls, LEX.typeCode, ox.Literal(code)) in ontology
    assert len(set(TYPE_CODES.values())) == len(TYPE_CODES)
    for name, (individual, rank) in LEVELS.items():
        assert ox.Triple(individual, LEX.levelCode, ox.Literal(name)) in ontology
        assert ox.Triple(individual, LEX.rank, ox.Literal(rank)) in ontology


def test_alignment_with_eli(ontology):
    assert ox.Triple(LEX.Instrument, SUBCLASS, ELI.LegalResource) in ontology
    assert ox.Triple(LEX.implements, SUBPROPERTY, ELI.ensures_implementation_of) in ontology
    assert ox.Triple(LEX.replaces, SUBPROPERTY, ELI.repeals) in ontology
    owl_ontology = ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology")
    assert ox.Triple(ox.NamedNode("https://w3id.org/lexgraph/ontology"), RDF.type, owl_ontology) in ontology


def test_shapes_parse():
    assert len(Graph().parse(SHAPES_FILE, format="turtle")) > 50


@pytest.mark.parametrize("module", ["graph.iri", "graph.identity", "ingest.tables", "ingest.find", "ingest.issuers",
                                    "graph.search", "api.negotiation", "graph.views", "ingest.relations",
                                    "ingest.records"])
def test_doctests(module: str):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
