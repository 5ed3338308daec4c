"""The graph as a networkx DiGraph, for analytics and drawing, and PageRank over it.

What the graph answers by itself (implementation trees and their lag, the most cited) is asked of it in
`graph.queries`, with one meaning of "cited by": the number of documents citing an instrument.
"""

from __future__ import annotations

import networkx as nx
from rdflib import URIRef

from graph.queries import Instrument, describe
from graph.store import GraphStore
from graph.vocab import RELATION_NAMES, TREE_EDGE

_TREE = TREE_EDGE.value


def neighbourhood(store: GraphStore, centre: URIRef, depth: int, up: bool, down: bool,
                  limit: int = 2000) -> tuple[nx.DiGraph, bool]:
    """The instruments within `depth` edges of `centre` (following edges out for `up`, in for `down`) as a
    DiGraph like `to_networkx`'s, found level by level with queries; at most `limit` nodes. Returns the
    graph and whether it was cut at the limit."""
    props = " ".join(f"<{p}>" for p in [*RELATION_NAMES, _TREE])
    nodes = {centre}
    frontier = {centre}
    cut = False
    for _ in range(depth):
        found: set[URIRef] = set()
        for chunk in _chunks(sorted(frontier), 500):
            values = " ".join(x.n3() for x in chunk)
            patterns = ([f"{{ VALUES ?x {{ {values} }} ?x ?p ?y }}"] if up else []) + \
                       ([f"{{ VALUES ?x {{ {values} }} ?y ?p ?x }}"] if down else [])
            rows = store.select(f"SELECT DISTINCT ?y WHERE {{ VALUES ?p {{ {props} }} {' UNION '.join(patterns)} }}")
            found |= {r["y"] for r in rows}
        frontier = found - nodes
        if len(nodes) + len(frontier) > limit:
            frontier = set(sorted(frontier)[: max(0, limit - len(nodes))])
            cut = True
        nodes |= frontier
        if not frontier:
            break
    return _graph(store, sorted(nodes)), cut


def _chunks(items: list, size: int):
    for k in range(0, len(items), size):
        yield items[k:k + size]


def _graph(store: GraphStore, among: list[URIRef]) -> nx.DiGraph:
    """The DiGraph of the instruments `among` and the edges between them."""
    g = nx.DiGraph()
    _add_nodes(g, describe(store, among))
    wanted = ", ".join(f"<{p}>" for p in [*RELATION_NAMES, _TREE])
    for chunk in _chunks(among, 500):
        values = " ".join(x.n3() for x in chunk)
        # The predicate as a FILTER, not a second VALUES: Oxigraph joins two VALUES blocks as a product first.
        rows = store.select(f"SELECT ?a ?p ?b WHERE {{ VALUES ?a {{ {values} }} ?a ?p ?b FILTER (?p IN ({wanted})) }}")
        _add_edges(g, rows)
    return g


def node_data(i: Instrument) -> dict:
    """What a drawing knows of an instrument: the attributes of its node."""
    return {"label": i.label, "type": i.type, "number": i.number, "title": i.title, "date": i.date, "year": i.year,
            "issuer": i.issuer, "level": i.level, "jurisdiction": i.jurisdiction, "in_corpus": i.in_corpus,
            "cited_by": i.cited_by, "superseded": i.superseded}


def _add_nodes(g: nx.DiGraph, described: dict) -> None:
    for x, i in described.items():
        g.add_node(str(x), **node_data(i))


def _add_edges(g: nx.DiGraph, rows: list[dict]) -> None:
    for row in rows:
        a, b, p = str(row["a"]), str(row["b"]), str(row["p"])
        if a not in g or b not in g:
            continue
        if not g.has_edge(a, b):
            g.add_edge(a, b, relations=set(), tree=False)
        if p == _TREE:
            g.edges[a, b]["tree"] = True
        else:
            g.edges[a, b]["relations"].add(RELATION_NAMES[p])


def to_networkx(store: GraphStore) -> nx.DiGraph:
    """Instruments as nodes (label, type, number, title, date, year, issuer, level, jurisdiction, in_corpus,
    cited_by, superseded)
    and direct edges as arcs with the set of their `relations` and whether the implementation tree
    follows them (`tree`)."""
    g = nx.DiGraph()
    _add_nodes(g, describe(store, None))
    props = " ".join(f"<{p}>" for p in [*RELATION_NAMES, _TREE])
    _add_edges(g, store.select(f"SELECT ?a ?p ?b WHERE {{ VALUES ?p {{ {props} }} ?a ?p ?b }}"))
    return g


def pagerank(g: nx.DiGraph) -> dict[str, float]:
    """PageRank of every instrument over the citation arcs."""
    return nx.pagerank(g) if g.number_of_nodes() else {}
