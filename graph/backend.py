"""Where the quads are: the small protocol `GraphStore` speaks, and its embedded implementation.

Two backends fulfil it: `Embedded` (a pyoxigraph store on disk or in memory) and `graph.remote.SparqlServer`
(any SPARQL 1.1 server, with its dialects). Each owns what differs between them:

- the default graph: a server whose queries see only the union of its named graphs keeps lexgraph's
  default graph in a stand-in named graph (`default_graph`), which updates name and walks over the
  sources' graphs leave out;
- bulk loading: RocksDB files written directly, or batched requests;
- snapshots (`backup`), which only an embedded store can take.

Terms are pyoxigraph's on both sides; queries and updates are SPARQL 1.1 text, so what a backend runs is
what a user could paste.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

Results = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | Iterator[ox.Triple]


def prologue(prefixes: dict[str, str] | None) -> str:
    """The PREFIX lines declaring `prefixes`, to put before a query's text."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in (prefixes or {}).items())


class Backend(Protocol):
    """What lexgraph needs of a quad store."""

    @property
    def default_graph(self) -> ox.NamedNode | None:
        """The named graph standing for lexgraph's default graph, or None when the store has its own."""

    @property
    def where(self) -> str:
        """Where the quads are, for messages: a directory, a URL or "memory"."""

    def query(self, sparql: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              **options) -> Results:
        """Run a SPARQL query (over the union of all graphs when asked)."""

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        """Run a SPARQL update, in one transaction."""

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads, in one transaction."""

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add very many quads, not in one transaction (a caller marks the store while it does)."""

    def add(self, quad: ox.Quad) -> None: ...

    def remove(self, quad: ox.Quad) -> None: ...

    def __contains__(self, quad: ox.Quad) -> bool: ...

    def __len__(self) -> int: ...

    def contains_named_graph(self, graph: ox.NamedNode) -> bool: ...

    def remove_graph(self, graph: ox.NamedNode) -> None: ...

    def load(self, data: bytes, format: ox.RdfFormat, base_iri: str | None = None,
             to_graph: ox.NamedNode | None = None) -> None:
        """Load an RDF document (the ontology) into a named graph."""

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of lexgraph's graphs, the default graph as `ox.DefaultGraph`."""

    def backup(self, path: Path) -> None:
        """Copy the store as it is now to `path` (a consistent snapshot)."""

    def flush(self) -> None:
        """Make what was written durable."""

    def close(self) -> None:
        """Release the store (its lock, its connections); the object is not used after."""


class BackendError(OSError):
    """An operation this backend cannot do; the message says which and what to use instead."""


class Embedded:
    """A pyoxigraph store on disk (`location`) or in memory, as a `Backend`."""

    default_graph: ox.NamedNode | None = None

    def __init__(self, store: ox.Store, location: Path | None = None) -> None:
        self._store: ox.Store | None = store
        self.location = location

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, for rdflib's `oxrdflib` plugin (`GraphStore.dataset`)."""
        if self._store is None:
            raise BackendError(f"{self.where}: the store was closed; open it again")
        return self._store

    @property
    def where(self) -> str:
        return str(self.location) if self.location is not None else "memory"

    def query(self, sparql: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              **options) -> Results:
        return self.oxigraph.query(sparql, prefixes=prefixes, use_default_graph_as_union=use_default_graph_as_union,
                                   **options)

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        self.oxigraph.update(sparql, prefixes=prefixes)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        self.oxigraph.extend(quads)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        self.oxigraph.bulk_extend(quads)

    def add(self, quad: ox.Quad) -> None:
        self.oxigraph.add(quad)

    def remove(self, quad: ox.Quad) -> None:
        self.oxigraph.remove(quad)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.oxigraph

    def __len__(self) -> int:
        return len(self.oxigraph)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return self.oxigraph.contains_named_graph(graph)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.oxigraph.remove_graph(graph)

    def load(self, data: bytes, format: ox.RdfFormat, base_iri: str | None = None,
             to_graph: ox.NamedNode | None = None) -> None:
        self.oxigraph.load(data, format, base_iri=base_iri, to_graph=to_graph)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.oxigraph.quads_for_pattern(None, None, None, None))

    def backup(self, path: Path) -> None:
        if self.location is None:
            raise BackendError("an in-memory store has no snapshots; open one on disk with --store")
        self.oxigraph.backup(str(path))

    def flush(self) -> None:
        if self.location is not None:
            self.oxigraph.flush()

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the last reference to the store goes.
        self._store = None
