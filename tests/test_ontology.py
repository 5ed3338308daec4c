"""ontology.ttl and the code agree term for term; doctests of the IRI and identity modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from graph.vocab import ELI, LEVELS, LEX, ONTOLOGY_FILE, SHAPES_FILE, TYPE_CLASSES, TYPE_CODES
from ingest.tables import TYPE_TOKENS, TYPE_WORDS


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _defined(ontology: Graph) -> set[URIRef]:
    return {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(LEX))}


def test_every_namespace_term_is_defined_in_the_ontology_and_back(ontology: Graph):
    in_code = {URIRef(str(LEX) + name) for name in [*LEX.__annotations__, "from"] if not name.startswith("_")}
    assert in_code - _defined(ontology) == set()
    assert _defined(ontology) - in_code == set()


def test_every_type_the_extractor_knows_has_a_class_with_both_labels(ontology: Graph):
    for name in {*TYPE_WORDS.values(), *TYPE_TOKENS.values()}:
        cls = TYPE_CLASSES[name]
        assert (cls, RDFS.subClassOf, LEX.Instrument) in ontology
        assert (cls, RDFS.label, Literal(name, lang="vi")) in ontology, name
        assert any(label.language == "en" for label in ontology.objects(cls, RDFS.label))


def test_type_codes_and_levels_match_the_ontology(ontology: Graph):
    for cls, code in TYPE_CODES.items():
        assert (cls, LEX.typeCode, Literal(code)) in ontology
    assert len(set(TYPE_CODES.values())) == len(TYPE_CODES)
    for name, (individual, rank) in LEVELS.items():
        assert (individual, LEX.levelCode, Literal(name)) in ontology
        assert (individual, LEX.rank, Literal(rank)) in ontology


def test_alignment_with_eli(ontology: Graph):
    assert (LEX.Instrument, RDFS.subClassOf, ELI.LegalResource) in ontology
    assert (LEX.implements, RDFS.subPropertyOf, ELI.ensures_implementation_of) in ontology
    assert (LEX.replaces, RDFS.subPropertyOf, ELI.repeals) in ontology
    assert (URIRef("https://w3id.org/lexgraph/ontology"), RDF.type, OWL.Ontology) in ontology


def test_shapes_parse():
    assert len(Graph().parse(SHAPES_FILE, format="turtle")) > 50


@pytest.mark.parametrize("module", ["graph.iri", "graph.identity", "ingest.tables", "ingest.find", "ingest.issuers",
                                    "graph.search", "api.negotiation", "graph.views"])
def test_doctests(module: str):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
