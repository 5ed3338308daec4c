"""Check the graph against the SHACL shapes in ``shapes.ttl`` with pySHACL."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph
from rdflib.namespace import SH

from graph.store import GraphStore
from graph.vocab import SHAPES_FILE


@dataclass(frozen=True, slots=True)
class Validation:
    """pySHACL's verdict: whether the graph conforms, how many results, and its report as text."""

    conforms: bool
    violations: int
    report: str


def validate(store: GraphStore) -> Validation:
    """Validate the union of all graphs (ontology included, for the class hierarchy) against the shapes,
    and check what the shapes cannot see: an ingest left unfinished, an undated instrument that the one
    dated instrument of its issuer, type and number should have absorbed."""
    buffer = io.BytesIO()
    ox.serialize(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), buffer, ox.RdfFormat.N_TRIPLES)
    data = Graph()
    data.parse(data=buffer.getvalue(), format="nt")
    shapes = Graph()
    shapes.parse(SHAPES_FILE, format="turtle")
    conforms, results, text = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    count = len(set(results.subjects(RDF.type, SH.ValidationResult)))
    problems = [f"{undated} is undated but {dated} is the one dated instrument of its issuer, type and number: "
                "run lexgraph ingest again to merge them" for undated, dated in store.unreconciled()]
    if store.derivation_pending():
        problems.append("an ingest was stopped before it finished: run lexgraph ingest again to finish it")
    report = "\n".join([str(text), *problems]) if problems else str(text)
    return Validation(bool(conforms) and not problems, count + len(problems), report)
