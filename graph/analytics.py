"""The graph as a networkx DiGraph, for analytics and drawing: rankings, chains, implementation lag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx
from rdflib import URIRef

from graph.queries import RELATION_NAMES, describe
from graph.store import GraphStore

_TREE = "https://w3id.org/lexgraph/ontology#inImplementationOf"


@dataclass(frozen=True, slots=True)
class LagRow:
    """How long after the instrument it carries out a document was issued."""

    node: str
    label: str
    jurisdiction: str | None
    date: date | None
    parent: str
    parent_label: str
    lag_days: int | None


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


def _add_nodes(g: nx.DiGraph, described: dict) -> None:
    for x, i in described.items():
        g.add_node(str(x), label=i.label, type=i.type, number=i.number, title=i.title, date=i.date, year=i.year,
                   issuer=i.issuer, level=i.level, jurisdiction=i.jurisdiction, in_corpus=i.in_corpus,
                   cited_by=i.cited_by)


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
    cited_by)
    and direct edges as arcs with the set of their `relations` and whether the implementation tree
    follows them (`tree`)."""
    g = nx.DiGraph()
    _add_nodes(g, describe(store, None))
    props = " ".join(f"<{p}>" for p in [*RELATION_NAMES, _TREE])
    _add_edges(g, store.select(f"SELECT ?a ?p ?b WHERE {{ VALUES ?p {{ {props} }} ?a ?p ?b }}"))
    return g


def most_cited(g: nx.DiGraph, n: int = 20) -> list[tuple[str, int]]:
    """The `n` instruments with the most citing instruments (in-degree), most cited first."""
    return sorted(((x, d) for x, d in g.in_degree()), key=lambda t: (-t[1], t[0]))[:n]


def pagerank(g: nx.DiGraph) -> dict[str, float]:
    """PageRank of every instrument over the citation arcs."""
    return nx.pagerank(g) if g.number_of_nodes() else {}


def implementation_tree(g: nx.DiGraph, root: str) -> nx.DiGraph:
    """The sub-graph of documents that carry out `root`, directly or transitively."""
    tree = nx.DiGraph((a, b) for a, b, t in g.edges(data="tree") if t)
    if root not in tree:
        return nx.DiGraph()
    return tree.subgraph(nx.ancestors(tree, root) | {root}).copy()


def implementation_chains(g: nx.DiGraph, root: str) -> list[list[str]]:
    """Every chain from a document nothing else carries out up to `root` (leaf first)."""
    tree = implementation_tree(g, root)
    leaves = [x for x in tree if tree.in_degree(x) == 0 and x != root]
    return [path for leaf in sorted(leaves) for path in nx.all_simple_paths(tree, leaf, root)]


def implementation_lag(g: nx.DiGraph, root: str) -> list[LagRow]:
    """For each document in `root`'s implementation tree: days from what it carries out to its own date."""
    tree = implementation_tree(g, root)
    rows = []
    for a, b in sorted(tree.edges()):
        da, db = g.nodes[a].get("date"), g.nodes[b].get("date")
        rows.append(LagRow(a, g.nodes[a]["label"], g.nodes[a].get("jurisdiction"), da, b, g.nodes[b]["label"],
                           (da - db).days if da and db else None))
    return rows
