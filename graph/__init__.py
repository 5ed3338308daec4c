"""Graph: extraction records as an RDF graph with provenance, in an embedded Oxigraph store."""

from graph.iri import Iris
from graph.load import ingest_paths
from graph.mapping import map_record
from graph.queries import cited_by, cites, implementers, lookup, lookup_one
from graph.store import GraphStore, StoreError

__all__ = [
    "GraphStore",
    "Iris",
    "StoreError",
    "cited_by",
    "cites",
    "implementers",
    "ingest_paths",
    "lookup",
    "lookup_one",
    "map_record",
]
