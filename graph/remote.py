"""A SPARQL 1.1 server as lexgraph's store: the part of pyoxigraph's `Store` interface `GraphStore` uses,
spoken over the SPARQL 1.1 Protocol (query, update) and the Graph Store HTTP Protocol (bulk loads).

Tested against `oxigraph serve`, whose `union-default-graph` query parameter gives a query the union of
all graphs as its default graph, as the embedded store does. Another server with a real default graph
fits by naming its own switch (`union_parameter`), or none when its queries always see the union.
Answers come back as TSV or N-Triples and are parsed by pyoxigraph, so callers get the same result
objects as from the embedded store. Loads go in batches of N-Quads through the Graph Store Protocol,
never a triple per request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import httpx
import pyoxigraph as ox

_ASK = re.compile(r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*ASK\b", re.IGNORECASE)


class RemoteError(OSError):
    """The server refused a request or could not be reached; the message has its answer."""


class RemoteTimeout(RemoteError, TimeoutError):
    """The server did not answer within the time limit."""


class SparqlServer:
    """A remote store at `query_url` / `update_url` / `store_url` (Oxigraph's /query, /update, /store)."""

    def __init__(self, endpoint: str, batch: int = 50_000, timeout: float = 300.0,
                 auth: tuple[str, str] | None = None, union_parameter: str | None = "union-default-graph") -> None:
        base = endpoint.rstrip("/")
        self.endpoint = base
        self.union_parameter = union_parameter
        self.query_url, self.update_url, self.store_url = f"{base}/query", f"{base}/update", f"{base}/store"
        self.batch = batch
        self.http = httpx.Client(timeout=timeout, auth=auth)

    # -- SPARQL 1.1 Protocol -------------------------------------------------------------------

    def query(self, sparql: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              default_graph: list[ox.NamedNode] | None = None, named_graphs: list[ox.NamedNode] | None = None,
              **_ignored) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """Run a query; the answer is parsed into pyoxigraph's result objects (triples for CONSTRUCT)."""
        text = _with_prefixes(sparql, prefixes)
        ask = bool(_ASK.match(text))
        accept = "application/sparql-results+json" if ask else \
            "text/tab-separated-values, application/n-triples;q=0.9, application/sparql-results+json;q=0.5"
        params: list[tuple[str, str]] = []
        if default_graph is not None or named_graphs is not None:
            params += [("default-graph-uri", g.value) for g in default_graph or []]
            params += [("named-graph-uri", g.value) for g in named_graphs or []]
        elif use_default_graph_as_union and self.union_parameter:
            params.append((self.union_parameter, ""))
        response = self._send("POST", self.query_url, content=text.encode("utf-8"), params=params,
                              headers={"Content-Type": "application/sparql-query", "Accept": accept})
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media == "text/tab-separated-values":
            return ox.parse_query_results(response.content, ox.QueryResultsFormat.TSV)
        if media in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(response.content, ox.QueryResultsFormat.JSON)
        if media in ("application/n-triples", "text/plain"):
            return (ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES))
        raise RemoteError(f"{self.query_url}: answered {media or 'no media type'}, which lexgraph cannot read")

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        """Run a SPARQL update."""
        self._send("POST", self.update_url, content=_with_prefixes(sparql, prefixes).encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update"})

    # -- the Store methods GraphStore uses -----------------------------------------------------

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads, a batch of N-Quads per request (Graph Store Protocol POST to the dataset)."""
        batch: list[ox.Quad] = []
        for quad in quads:
            batch.append(quad)
            if len(batch) >= self.batch:
                self._post(batch)
                batch = []
        if batch:
            self._post(batch)

    bulk_extend = extend

    def add(self, quad: ox.Quad) -> None:
        self.update(f"INSERT DATA {{ {_quad(quad)} }}")

    def remove(self, quad: ox.Quad) -> None:
        self.update(f"DELETE DATA {{ {_quad(quad)} }}")

    def __contains__(self, quad: ox.Quad) -> bool:
        return bool(self.query(f"ASK {{ {_quad(quad)} }}"))

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH {graph}")

    def load(self, data: bytes, format: ox.RdfFormat, base_iri: str | None = None,
             to_graph: ox.NamedNode | None = None) -> None:
        """Load a document (the ontology) into a named graph."""
        quads = ox.parse(data, format, base_iri=base_iri)
        self.extend(ox.Quad(q.subject, q.predicate, q.object, to_graph or q.graph_name) for q in quads)

    def quads_for_pattern(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        """Every quad (patterns other than all-None are not needed by lexgraph)."""
        if (subject, predicate, obj, graph) != (None, None, None, None):
            raise NotImplementedError("only the full dump is supported on a remote store")
        default = self.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        named = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in default:
            yield ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph())
        for row in named:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def dump(self, output, format: ox.RdfFormat) -> None:
        ox.serialize(self.quads_for_pattern(), output, format)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))
        return int(rows[0]["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    # -- plumbing ------------------------------------------------------------------------------

    def _post(self, quads: list[ox.Quad]) -> None:
        body = ox.serialize(quads, None, ox.RdfFormat.N_QUADS)
        self._send("POST", self.store_url, content=body, headers={"Content-Type": "application/n-quads"})

    def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            response = self.http.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise RemoteTimeout(f"{url}: no answer within {self.http.timeout.read} s") from None
        except httpx.HTTPError as exc:
            raise RemoteError(f"{url}: cannot reach the SPARQL server ({exc}); is it running?") from None
        if response.status_code >= 400:
            raise RemoteError(f"{url}: HTTP {response.status_code}: {response.text[:500]}")
        return response


def _with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> str:
    if not prefixes:
        return sparql
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()) + sparql


def _quad(quad: ox.Quad) -> str:
    triple = f"{quad.subject} {quad.predicate} {quad.object} ."
    return triple if isinstance(quad.graph_name, ox.DefaultGraph) else f"GRAPH {quad.graph_name} {{ {triple} }}"
