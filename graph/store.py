"""The graph's store: lexgraph's graphs in a backend (`graph.backend`): an embedded Oxigraph database on
disk (or in memory for tests), or a SPARQL server.

Writes are SPARQL updates and quads in pyoxigraph terms, because only updates are transactions (the rdflib
plugin's `commit` does nothing): replacing one source's named graph and re-deriving the default-graph
triples of every instrument it touches is a single update, so a failure leaves the store as it was.
Reads can go through rdflib (`GraphStore.dataset`, the `oxrdflib` plugin) or SPARQL.
Queries see the union of all graphs: the default graph (derived, shared) and one named graph per
source file; by construction no triple is in two of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from graph.backend import Backend, Embedded, prologue
from graph.derive import Evidence, derive, gather
from graph.identity import InstrumentId, Recorded
from graph.iri import DEFAULT_BASE, Iris
from graph.mapping import MappedDocument, Triple
from graph.vocab import (
    EDGE_NODE_PROPERTIES,
    EDGE_PROPERTIES,
    ELI,
    LEX,
    ONTOLOGY_FILE,
    ONTOLOGY_IRI,
    RDF,
    RDFS,
    SKOS,
    VOID,
    XSD,
    literal,
)

PREFIXES = {
    "lex": LEX._NS,
    "eli": ELI._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "skos": SKOS._NS,
    "xsd": XSD._NS,
    "void": VOID._NS,
}
_ONTOLOGY_GRAPH = ox.NamedNode(ONTOLOGY_IRI)
_EDGE_NODE_PROPERTIES = ", ".join(str(p) for p in sorted(EDGE_NODE_PROPERTIES))
_EDGE_PROPERTIES = ", ".join(str(p) for p in sorted(EDGE_PROPERTIES))
_LINKS = frozenset({LEX.to, LEX["from"], LEX.describes})
# Derived quads written at once by `GraphStore.rederive`.
_DERIVED_PER_WRITE = 200_000


class StoreError(Exception):
    """A store that cannot be opened or used as asked; the message says why and what to do."""


class GraphStore:
    """lexgraph's view of one Oxigraph store: per-source writes, derivation, SPARQL."""

    def __init__(self, backend: Backend, iris: Iris, read_only: bool = False) -> None:
        self.backend = backend
        self.iris = iris
        self.read_only = read_only
        # On a server without a default graph of its own, lexgraph's default graph is a named graph there,
        # which walks over `GRAPH ?g` (the sources' graphs) must leave out.
        standin = backend.default_graph
        self.named_only = f"FILTER (?g != {standin})" if standin is not None else ""
        self._default = f"GRAPH {standin}" if standin is not None else ""

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, location: Path | None = None, base: str | None = None, read_only: bool = False,
             endpoint: str | None = None) -> GraphStore:
        """Open (creating if needed) the store at `location`, or an in-memory one when it is None, or the
        SPARQL server at `endpoint` (see `graph.remote`).

        The base IRI is recorded in a new store; opening it later with another base is an error,
        since every IRI in it was minted under the first.
        """
        if endpoint is not None:
            from graph.remote import connect

            try:
                backend: Backend = connect(endpoint)
            except OSError as exc:  # unreachable, or an unknown kind: the message says which
                raise StoreError(str(exc)) from exc
        else:
            backend = Embedded(_open_embedded(location, read_only), location)
        try:
            recorded = _recorded_base(backend)
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        if recorded is not None and base is not None and recorded != base:
            raise StoreError(
                f"{location}: this store was built with base IRI {recorded!r}, not {base!r}; "
                "use the same --base, or a new --store"
            )
        graph_store = cls(backend, Iris(recorded or base or DEFAULT_BASE), read_only)
        if not read_only:
            graph_store._initialise(recorded is None)
        return graph_store

    def _initialise(self, new: bool) -> None:
        """Record the base IRI and (re)load the ontology when the file changed."""
        data = ONTOLOGY_FILE.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        marker = ox.Quad(_ONTOLOGY_GRAPH, LEX.sha256, ox.Literal(digest), _ONTOLOGY_GRAPH)
        if new:
            dataset = self.iris.dataset()
            self.backend.extend([
                ox.Quad(dataset, RDF.type, VOID.Dataset, ox.DefaultGraph()),
                ox.Quad(dataset, VOID.uriSpace, ox.Literal(self.iris.base), ox.DefaultGraph()),
            ])
        if marker not in self.backend:
            self.backend.remove_graph(_ONTOLOGY_GRAPH)
            self.backend.load(data, ox.RdfFormat.TURTLE, base_iri=ONTOLOGY_IRI, to_graph=_ONTOLOGY_GRAPH)
            self.backend.add(marker)

    @property
    def embedded(self) -> bool:
        """Whether the graph is in an embedded Oxigraph store (else on a SPARQL server)."""
        return isinstance(self.backend, Embedded)

    @property
    def location(self) -> Path | None:
        """The embedded store's directory (None in memory or on a server)."""
        return self.backend.location if isinstance(self.backend, Embedded) else None

    @property
    def where(self) -> str:
        """Where the graph is: the store's directory, the SPARQL server's URL, or "memory"."""
        return self.backend.where

    def flush(self) -> None:
        """Make what was written durable."""
        if not self.read_only:
            self.backend.flush()

    def close(self) -> None:
        """Flush what was written and release the store (its lock, its connections)."""
        self.flush()
        self.backend.close()

    def update(self, sparql: str) -> None:
        """Run a SPARQL update as a user wrote it (the usual prefixes predeclared), in one transaction."""
        self.backend.update(sparql, prefixes=PREFIXES)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the graph, the default graph as `ox.DefaultGraph` (on a server too)."""
        return self.backend.quads()

    def backup(self, path: Path) -> None:
        """A consistent copy of the store as it is now, at `path` (an embedded store only)."""
        try:
            self.backend.backup(path)
        except OSError as exc:
            raise StoreError(str(exc)) from exc

    # -- reading ---------------------------------------------------------------------------------

    def query(self, sparql: str, **kwargs) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """Run a SPARQL query over the union of all graphs, with the usual prefixes predeclared."""
        return self.backend.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES, **kwargs)

    @staticmethod
    def prologue() -> str:
        """The PREFIX lines of the prefixes every query here may use, for a query shown to a user."""
        return prologue(PREFIXES)

    def select(self, sparql: str) -> list[dict[str, Node]]:
        """A SELECT query's rows as dicts of rdflib terms (unbound variables left out)."""
        result = self.query(sparql)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = to_rdflib(value)
            rows.append(row)
        return rows

    def __len__(self) -> int:
        return len(self.backend)

    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset (oxrdflib plugin); its default graph is the union of all graphs."""
        from oxrdflib import OxigraphStore

        if not isinstance(self.backend, Embedded):
            raise StoreError(f"{self.where}: an rdflib Dataset view needs the embedded store; on a server, use "
                             "rdflib's SPARQLStore with its endpoint")
        return Dataset(store=OxigraphStore(store=self.backend.oxigraph), default_union=True)

    def sources(self) -> dict[str, SourceState]:
        """Every source the store holds, by id: its digest, extractor and the path it was read from."""
        rows = self.select(
            f"""SELECT ?name ?sha ?ext ?path WHERE {{ GRAPH ?g {{
                  ?g lex:fileName ?name ; lex:sha256 ?sha .
                  OPTIONAL {{ ?g lex:extractor ?ext }} OPTIONAL {{ ?g lex:path ?path }} }} {self.named_only} }}"""
        )
        return {str(r["name"]): SourceState(str(r["sha"]), str(r.get("ext", "")), str(r.get("path", "")))
                for r in rows}

    def source_state(self, source_id: str) -> tuple[str, str] | None:
        """The (sha256, extractor version) recorded for a source, or None when it was never ingested."""
        g = self.iris.source(source_id)
        for row in self.query(f"SELECT ?sha ?ext WHERE {{ GRAPH {g} {{ {g} lex:sha256 ?sha . "
                              f"OPTIONAL {{ {g} lex:extractor ?ext }} }} }}"):
            return row["sha"].value, row["ext"].value if row["ext"] is not None else ""
        return None

    # -- writing ---------------------------------------------------------------------------------

    def write(self, mapped: MappedDocument) -> None:
        """Replace the named graph of `mapped`'s source and re-derive what it touches, in one transaction."""
        g = mapped.graph
        subjects = self.touched(g) | set(mapped.identities)
        evidence = self._evidence(subjects, exclude=g)
        gather(mapped.triples, evidence)
        for iri, ident in mapped.identities.items():
            evidence.identities[iri] = ident.recorded()
        derived = [t for s in sorted(subjects) for t in derive(s, evidence)]
        update = [
            f"DROP SILENT GRAPH {g}",
            f"INSERT DATA {{ GRAPH {g} {{ {_block(mapped.triples)} }} }}",
            self._clear(subjects),
            self._insert_default([*derived, *mapped.shared]),
        ]
        self._update(update)

    def remove(self, source_id: str) -> bool:
        """Forget one source: drop its named graph and re-derive what it touched. False if unknown."""
        g = self.iris.source(source_id)
        if not self.backend.contains_named_graph(g):
            return False
        old = self.touched(g)
        evidence = self._evidence(old, exclude=g)
        derived = [t for s in sorted(old) for t in derive(s, evidence)]
        self._update([f"DROP SILENT GRAPH {g}", self._clear(old), self._insert_default(derived),
                      *self._drop_unused("lex:IssuingBody"), *self._drop_unused("lex:Jurisdiction"),
                      # A point, then its clause, then its article: each is unused once the one below is gone.
                      *(op for _ in range(3) for op in self._drop_unused("eli:LegalResourceSubdivision"))])
        return True

    def _drop_unused(self, cls: str) -> list[str]:
        """Delete the descriptions of bodies or places that no source and no described thing names any more."""
        def default(pattern: str) -> str:
            return f"{self._default} {{ {pattern} }}" if self._default else pattern

        return [f"""DELETE {{ {default("?x ?p ?o")} }} WHERE {{ {default(f"?x a {cls} ; ?p ?o")}
                      FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?x }} {self.named_only} }}
                      FILTER NOT EXISTS {{ {default("?y ?r ?x FILTER (?r != lex:mergedInto)")} }} }}"""]

    def bulk(self) -> BulkWriter:
        """A writer for many sources at once: named graphs now, the default graph once at the end."""
        return BulkWriter(self)

    def has_sources(self) -> bool:
        """Whether any source's named graph is in the store (a new store has none)."""
        return bool(self.backend.query(f"ASK {{ GRAPH ?g {{ ?g a lex:SourceFile }} {self.named_only} }}",
                                       prefixes=PREFIXES))

    def derivation_pending(self) -> bool:
        """Whether a bulk write stopped before deriving the default graph (the next ingest derives it all)."""
        return self._pending in self.backend

    def mark_pending(self) -> None:
        """Mark the store as being written: until `clear_pending`, its default graph may be incomplete."""
        self.backend.add(self._pending)

    def clear_pending(self) -> None:
        """The write that `mark_pending` announced is complete, derived and reconciled."""
        self.backend.remove(self._pending)

    def derive_all(self) -> None:
        """Derive the default graph of every instrument again, from all named graphs."""
        self.rederive(self._nodes(
            f"""SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{
                 {{ ?e lex:to ?x }} UNION {{ ?e lex:from ?x }} UNION {{ ?s lex:describes ?x }} }}
               {self.named_only} }}"""
        ), {})

    def rederive(self, subjects: set[ox.NamedNode], identities: dict[ox.NamedNode, InstrumentId],
                batch: int = 200) -> None:
        """Replace the default-graph triples of `subjects`, a batch at a time, from all named graphs;
        `identities` are those a write in progress has not derived into the store yet."""
        ordered = sorted(subjects)
        derived: list[ox.Quad] = []
        default = ox.DefaultGraph()
        for k in range(0, len(ordered), batch):
            chunk = set(ordered[k:k + batch])
            evidence = self._evidence(chunk, exclude=None)
            for iri in chunk & identities.keys():
                evidence.identities[iri] = identities[iri].recorded()
            derived += [ox.Quad(s, p, o, default) for x in sorted(chunk) for s, p, o in derive(x, evidence)]
            self._update([self._clear(chunk)])
            # Every derived triple is about its own subject, so a batch's may wait for the next batches': one
            # bulk write of many is far cheaper than one a batch.
            if len(derived) >= _DERIVED_PER_WRITE or k + batch >= len(ordered):
                self.backend.bulk_extend(derived)
                derived = []

    @property
    def _pending(self) -> ox.Quad:
        return ox.Quad(self.iris.dataset(), LEX.derivationPending, ox.Literal(True), ox.DefaultGraph())

    def reconcile(self, batch: int = 50, touched: Iterable[ox.NamedNode] = (),
                  identities: dict[ox.NamedNode, InstrumentId] | None = None,
                  ) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        """Merge each undated instrument into the one dated instrument with its work key, if only one.

        A citation that gave no year was written against an "undated" IRI; once the graph knows a
        single dated instrument with the same issuer, type and number, the citation is pointed at it
        (and marked `lex:yearInferred`). Pairs are merged `batch` at a time, each batch in one update; what
        they touch is derived again once, at the end, with `touched` (what a bulk write changed, and its
        `identities` not derived yet): a resolution cited thousands of times is read once, not once per
        batch nor once more for the write. Returns the (undated, dated) pairs merged.
        """
        pairs = self.unreconciled()
        touched = set(touched)
        for k in range(0, len(pairs), batch):
            touched |= self._merge(pairs[k:k + batch])
            self.backend.flush()  # the updates' write buffers to disk, not held through the derivation
        self.rederive(touched, identities or {})
        return pairs

    def _merge(self, pairs: list[tuple[ox.NamedNode, ox.NamedNode]]) -> set[ox.NamedNode]:
        """Point what the named graphs say of each undated instrument at its dated one; returns the
        instruments whose default-graph triples must be derived again."""
        values = " ".join(f"({u} {d})" for u, d in pairs)
        named = self.named_only
        # What points at an undated instrument is derived again too: its edges now end at the dated one.
        subjects = {x for pair in pairs for x in pair} | self._nodes(
            f"""SELECT DISTINCT ?x WHERE {{ VALUES (?u ?d) {{ {values} }}
                  {{ ?x ?p ?u }} UNION {{ GRAPH ?g {{ ?e lex:to ?u ; lex:from ?x }} }} ?x a lex:Instrument }}""")
        self._update([
            f"""DELETE {{ GRAPH ?g {{ ?e lex:to ?u }} }}
                INSERT {{ GRAPH ?g {{ ?e lex:to ?d ; lex:yearInferred true }} }}
                WHERE {{ VALUES (?u ?d) {{ {values} }} GRAPH ?g {{ ?e lex:to ?u }} {named} }}""",
            f"""DELETE {{ GRAPH ?g {{ ?s ?p ?u }} }} INSERT {{ GRAPH ?g {{ ?s ?p ?d }} }}
                WHERE {{ VALUES (?u ?d) {{ {values} }} GRAPH ?g {{ ?s ?p ?u }} {named} }}""",
            f"""DELETE {{ GRAPH ?g {{ ?u ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?d ?p ?o }} }}
                WHERE {{ VALUES (?u ?d) {{ {values} }} GRAPH ?g {{ ?u ?p ?o }} {named} }}""",
        ])
        return subjects

    def unreconciled(self) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        """(undated, dated) pairs: an undated instrument with no text of its own and the one dated
        instrument of its work key, which should have absorbed it (`reconcile` does)."""
        return [(r["u"], r["d"]) for r in self.query(
            """SELECT ?u (SAMPLE(?dated) AS ?d) WHERE {
                     ?u lex:workKey ?k . FILTER NOT EXISTS { ?u lex:year ?none }
                     FILTER NOT EXISTS { ?u lex:source ?text }
                     ?dated lex:workKey ?k ; lex:year ?y .
                   } GROUP BY ?u HAVING (COUNT(DISTINCT ?dated) = 1) ORDER BY ?u"""
        )]

    def _nodes(self, sparql: str) -> set[ox.NamedNode]:
        """The first column of a SELECT query's rows."""
        return {row[0] for row in self.query(sparql)}

    def touched(self, g: ox.NamedNode) -> set[ox.NamedNode]:
        """The instruments a source's named graph says something about."""
        return self._nodes(
            f"""SELECT DISTINCT ?x WHERE {{ GRAPH {g} {{
                  {{ ?e lex:to ?x }} UNION {{ ?e lex:from ?x }} UNION {{ ?s lex:describes ?x }} }} }}"""
        )

    def _evidence(self, subjects: set[ox.NamedNode], exclude: ox.NamedNode | None) -> Evidence:
        """What the named graphs (but `exclude`) say about `subjects`, with their recorded identities."""
        evidence = Evidence()
        if not subjects:
            return evidence
        values = " ".join(str(s) for s in sorted(subjects))
        skip = f"FILTER (?g != {exclude})" if exclude is not None else ""
        # SELECT DISTINCT, not CONSTRUCT: the same set of triples, as rows that unpack without a Triple object
        # each (a third of the time of a bulk ingest's derivation went to these).
        result = self.backend.query(
            f"""SELECT DISTINCT ?s ?p ?o WHERE {{
                  VALUES ?x {{ {values} }}
                  GRAPH ?g {{
                    {{ ?s lex:to ?x . ?s ?p ?o FILTER (?p IN ({_EDGE_NODE_PROPERTIES})) }}
                    UNION {{ ?s lex:from ?x ; a lex:DescribedLink . ?s ?p ?o FILTER (?p IN ({_EDGE_NODE_PROPERTIES})) }}
                    UNION {{ ?x ?p ?o FILTER (?p IN ({_EDGE_PROPERTIES})) BIND (?x AS ?s) }}
                    UNION {{ ?s lex:describes ?x . BIND (lex:describes AS ?p) BIND (?x AS ?o) }}
                  }}
                  FILTER (?g != <{ONTOLOGY_IRI}>) {skip} {self.named_only}
                }}""",
            prefixes=PREFIXES,
        )
        gather(result, evidence)
        # The class is read as recorded, never parsed back out of the work key.
        for row in self.backend.query(
            f"""SELECT ?x ?c ?k ?sk ?y WHERE {{ VALUES ?x {{ {values} }}
                  ?x lex:workKey ?k ; lex:symbolKey ?sk ; a ?c FILTER (?c != lex:Instrument)
                  OPTIONAL {{ ?x lex:year ?y }} }}""",
            prefixes=PREFIXES,
        ):
            year = row["y"]
            evidence.identities[row["x"]] = Recorded(row["c"], row["k"].value, row["sk"].value,
                                                     int(year.value) if year is not None else None)
        return evidence

    def _insert_default(self, triples: list[Triple]) -> str:
        """INSERT DATA of `triples` into the default graph (its stand-in on a server without one)."""
        block = _block(triples)
        return f"INSERT DATA {{ {self._default} {{ {block} }} }}" if self._default else f"INSERT DATA {{ {block} }}"

    def _clear(self, subjects: set[ox.NamedNode]) -> str:
        """Delete the default-graph triples of `subjects` (derived ones; they are re-derived next)."""
        if not subjects:
            return ""
        values = " ".join(str(s) for s in sorted(subjects))
        if self._default:
            return (f"DELETE {{ {self._default} {{ ?x ?p ?o }} }} "
                    f"WHERE {{ VALUES ?x {{ {values} }} {self._default} {{ ?x ?p ?o }} }}")
        return f"DELETE {{ ?x ?p ?o }} WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?o }}"

    def _update(self, operations: list[str]) -> None:
        self.backend.update(" ;\n".join(op for op in operations if op), prefixes=PREFIXES)


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the store recorded of a source when it was ingested."""

    sha256: str
    extractor: str
    path: str


class BulkWriter:
    """Many sources into the store: each source's named graph is written as it comes (replacing the old
    one), and the default graph of every instrument they touch is derived once, in `finish`.

    The store is marked while a bulk write is under way; an ingest that finds the mark derives the whole
    default graph again, so a run stopped half way leaves nothing wrong for good.
    """

    def __init__(self, store: GraphStore, flush_every: int = 50_000) -> None:
        self.store = store
        self.flush_every = flush_every
        self.touched: set[ox.NamedNode] = set()
        self.identities: dict[ox.NamedNode, InstrumentId] = {}
        self.shared: set[Triple] = set()  # bodies and places, written once with the named graphs
        self.quads: list[ox.Quad] = []
        # Into a store with no sources, no source has an old version to drop: no lookup per document.
        self._replacing = store.has_sources()
        store.mark_pending()

    def add(self, mapped: MappedDocument) -> None:
        """Queue one source's named graph (its old version, if any, is dropped now)."""
        graph = mapped.graph
        if self._replacing and self.store.backend.contains_named_graph(graph):
            self.touched |= self.store.touched(graph)
            self.store.backend.remove_graph(graph)
        touched = self.touched
        quads = self.quads
        for s, p, o in mapped.triples:
            if p in _LINKS:
                touched.add(o)  # type: ignore[arg-type]
            quads.append(ox.Quad(s, p, o, graph))
        touched |= mapped.identities.keys()
        self.identities.update(mapped.identities)
        default = ox.DefaultGraph()
        # Identities go in at once, so that a run stopped before `finish` can still be derived (derive_all).
        for iri, ident in mapped.identities.items():
            recorded = ident.recorded()
            quads += [ox.Quad(iri, RDF.type, recorded.cls, default),
                      ox.Quad(iri, LEX.workKey, literal(recorded.work_key), default),
                      ox.Quad(iri, LEX.symbolKey, literal(recorded.symbol_key), default)]
            if recorded.year is not None:
                quads.append(ox.Quad(iri, LEX.year, literal(recorded.year), default))
        for triple in mapped.shared:
            if triple not in self.shared:
                self.shared.add(triple)
                quads.append(ox.Quad(*triple, default))
        if len(quads) >= self.flush_every:
            self._flush()

    def finish(self) -> None:
        """Write what is queued, reconcile undated citations (`GraphStore.reconcile`), and derive the default
        graph of everything touched, once: deriving before reconciling read the most cited instruments'
        citations twice."""
        self._flush()
        self.store.reconcile(touched=self.touched, identities=self.identities)

    def _flush(self) -> None:
        # Not one transaction: the pending mark stands for the whole bulk write instead.
        self.store.backend.bulk_extend(self.quads)
        self.quads = []


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """A pyoxigraph term as an rdflib one (plain strings stay plain, as rdflib writes them), for rows
    handed to Python callers."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == XSD.string:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _block(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


def _open_embedded(location: Path | None, read_only: bool) -> ox.Store:
    """The Oxigraph store in `location` (in memory when None)."""
    try:
        if location is None:
            return ox.Store()
        if read_only:
            if not location.is_dir():
                raise StoreError(f"{location}: no store here; build one with `lexgraph ingest PATH --store {location}`")
            return ox.Store.read_only(str(location))
        location.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(location))
    except OSError as exc:
        raise StoreError(
            f"{location}: cannot open the store ({exc}); if another lexgraph process (a server, an ingest) "
            "has it open, stop it or use a command that only reads"
        ) from exc


def _recorded_base(store: Backend) -> str | None:
    for solution in store.query(
        "SELECT ?b WHERE { ?d a <http://rdfs.org/ns/void#Dataset> ; <http://rdfs.org/ns/void#uriSpace> ?b }"
    ):
        return solution["b"].value
    return None
