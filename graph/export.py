"""The whole graph as a file: RDF (every triple, or every quad with its named graph), GraphML, CSV."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from graph.analytics import to_networkx
from graph.store import PREFIXES, GraphStore

TRIPLE_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
FORMATS = (*TRIPLE_FORMATS, *QUAD_FORMATS, "graphml", "csv")
CSV_COLUMNS = ("from", "from_label", "relations", "to", "to_label", "stated_in", "source", "line", "start", "end",
               "sentence")


def export(store: GraphStore, fmt: str, out: BinaryIO) -> None:
    """Write the graph to `out` in `fmt` (one of `FORMATS`)."""
    if fmt in TRIPLE_FORMATS:
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        # Turtle and RDF/XML read far better with the vocabulary's prefixes; N-Triples ignores them.
        ox.serialize(triples, out, TRIPLE_FORMATS[fmt], prefixes=PREFIXES)
    elif fmt in QUAD_FORMATS:
        ox.serialize(store.quads(), out, QUAD_FORMATS[fmt], prefixes=PREFIXES)
    elif fmt == "graphml":
        g = to_networkx(store)
        for _, data in g.nodes(data=True):
            for key in [k for k, v in data.items() if v is None]:
                del data[key]
            if "date" in data:
                data["date"] = data["date"].isoformat()
        for _, _, data in g.edges(data=True):
            data["relations"] = " ".join(sorted(data["relations"]))
        nx.write_graphml(g, out)
    elif fmt == "csv":
        _edges_csv(store, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _edges_csv(store: GraphStore, out: BinaryIO) -> None:
    """One row per edge node and mention: the edge, who states it, and the sentence that supports it."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    rows = store.select(
        """SELECT ?from ?fl ?to ?tl ?doc ?file ?line ?start ?end ?sentence
                  (GROUP_CONCAT(DISTINCT STR(?rel); separator=" ") AS ?relations)
           WHERE { ?e lex:from ?from ; lex:to ?to ; lex:statedIn ?doc ; lex:relation ?rel ; lex:hasMention ?m .
                   ?m lex:line ?line ; lex:start ?start ; lex:end ?end ; lex:sentence ?sentence ;
                      lex:inSource/lex:fileName ?file .
                   OPTIONAL { ?from rdfs:label ?fl } OPTIONAL { ?to rdfs:label ?tl } }
           GROUP BY ?e ?from ?fl ?to ?tl ?doc ?file ?line ?start ?end ?sentence
           ORDER BY ?file ?start ?e"""
    )
    for r in rows:
        rels = " ".join(sorted(x.rsplit("#", 1)[-1] for x in str(r["relations"]).split()))
        writer.writerow([str(r["from"]), str(r.get("fl", "")), rels, str(r["to"]), str(r.get("tl", "")),
                         str(r["doc"]), str(r["file"]), int(r["line"]), int(r["start"]), int(r["end"]),
                         str(r["sentence"])])
    text.flush()
    text.detach()
