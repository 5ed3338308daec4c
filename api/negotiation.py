"""Content negotiation: which media type answers a request, from its Accept header or `format` parameter."""

from __future__ import annotations

import mimeparse
import pyoxigraph as ox

# Preferred first: what a client that accepts anything gets.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
# Short names for the `format` parameter, for links and curl.
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "n3": "text/turtle",
    "json-ld": "application/ld+json",
    "rdf+xml": "application/rdf+xml",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# The media type each format is answered with (aliases answer with the registered type).
CANONICAL = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
}


def choose(accept: str | None, offered: list[str]) -> str | None:
    """The media type of `offered` that `accept` prefers (ties to the earlier one), or None if none fits.

    A missing, empty or unparsable Accept header accepts anything.

    >>> choose("text/csv;q=0.5, application/sparql-results+xml", ["text/csv", "application/sparql-results+xml"])
    'application/sparql-results+xml'
    >>> choose(None, ["text/turtle", "application/n-triples"])
    'text/turtle'
    >>> choose("image/png", ["text/turtle"]) is None
    True
    """
    if not accept or not accept.strip():
        accept = "*/*"
    try:
        # mimeparse breaks ties towards the end of the list.
        best = mimeparse.best_match(list(reversed(offered)), accept)
    except mimeparse.MimeTypeParseException:
        best = mimeparse.best_match(list(reversed(offered)), "*/*")
    return best or None


def from_format(name: str | None) -> str | None:
    """The media type a `format` parameter names ("json", "ttl", or a media type itself), else None."""
    if name is None:
        return None
    name = name.strip().lower()
    return FORMAT_NAMES.get(name, name if name in RESULT_TYPES or name in RDF_TYPES else None)
