"""A SPARQL 1.1 server as lexgraph's store: the `graph.backend.Backend` protocol, spoken over the SPARQL 1.1
Protocol (query, update) and, for bulk loads, the Graph Store HTTP Protocol.

`connect` picks the dialect from the endpoint URL's fragment or the server's answer:

- `SparqlServer`: the standard protocols, as `oxigraph serve` speaks them (queries at /query, updates at
  /update, the Graph Store Protocol at /store). Its `union-default-graph` parameter gives a query the union
  of all graphs as its default graph, as the embedded store does.
- The same class with a stand-in default graph, for servers whose queries see the union of the named
  graphs and no default graph of their own (Fuseki with `unionDefaultGraph`, GraphDB): lexgraph's default
  graph (the derived triples) is the named graph `DEFAULT_GRAPH` there, GraphStore names it in its
  updates, and its walks over the named graphs leave it out (`GraphStore.named_only`).
- `VirtuosoServer`: OpenLink Virtuoso 7 (its endpoint at /sparql), a stand-in server with quirks of its own.

Answers are parsed by pyoxigraph, so callers get the same result objects as from the embedded store.
Loads go in batches, never a triple per request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from graph.backend import BackendError, prologue

DEFAULT_GRAPH = "urn:x-lexgraph:default"

# The query form, found after the prologue (comments, PREFIX and BASE declarations).
_FORM = re.compile(r"^(?:\s+|#[^\n]*\n|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
                   re.IGNORECASE)
_RESULTS = {"text/tab-separated-values": ox.QueryResultsFormat.TSV,
            "application/sparql-results+json": ox.QueryResultsFormat.JSON,
            "application/json": ox.QueryResultsFormat.JSON,
            "application/sparql-results+xml": ox.QueryResultsFormat.XML}
_TRIPLES = ("application/n-triples", "text/plain")


class RemoteError(BackendError):
    """The server refused a request or could not be reached; the message has its answer."""


class RemoteTimeout(RemoteError, TimeoutError):
    """The server did not answer within the time limit."""


KINDS = ("oxigraph", "virtuoso", "fuseki", "graphdb")


def connect(endpoint: str, timeout: float = 300.0) -> SparqlServer:
    """The server at `endpoint`, spoken to in its own dialect.

    The dialect is the URL's fragment when it names one of `KINDS` (`http://host:3030/lexgraph#fuseki`),
    else Virtuoso when the server says so in its `Server` header, else Oxigraph's (the standard protocols).
    Credentials go in the URL (`http://user:password@host:8890/sparql`): Virtuoso gets them by Digest
    on its authenticated endpoint, other servers by Basic auth.
    """
    parts = urlsplit(endpoint)
    kind = parts.fragment.lower()
    if kind and kind not in KINDS:
        raise RemoteError(f"{endpoint}: unknown server kind #{parts.fragment}; use one of "
                          + ", ".join(f"#{k}" for k in KINDS))
    auth = (parts.username or "", parts.password or "") if parts.username else None
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "") if parts.hostname else parts.netloc
    plain = urlunsplit(parts._replace(netloc=netloc, fragment=""))
    if not kind:
        try:
            answer = httpx.get(plain.rstrip("/"), timeout=min(timeout, 30.0))
        except httpx.HTTPError as exc:
            raise RemoteError(f"{plain}: cannot reach the SPARQL server ({exc}); is it running?") from None
        kind = "virtuoso" if "virtuoso" in answer.headers.get("server", "").lower() else "oxigraph"
    if kind == "virtuoso":
        return VirtuosoServer(plain, timeout=timeout, auth=auth)
    base = plain.rstrip("/")
    if kind == "fuseki":  # a dataset URL; its queries must see the union (tdb2:unionDefaultGraph true)
        return SparqlServer(base, timeout=timeout, auth=auth, union_parameter=None, default_graph=DEFAULT_GRAPH,
                            store_url=None)
    if kind == "graphdb":  # a repository URL (RDF4J protocol); its queries see every graph by default
        return SparqlServer(base, timeout=timeout, auth=auth, union_parameter=None, default_graph=DEFAULT_GRAPH,
                            query_url=base, update_url=f"{base}/statements", store_url=None)
    return SparqlServer(base, timeout=timeout, auth=auth)


class SparqlServer:
    """A remote store speaking the standard protocols: queries at `query_url`, updates at `update_url`, and
    loads through the Graph Store Protocol at `store_url` (Oxigraph's /query, /update, /store), or as
    INSERT DATA when `store_url` is None.

    `default_graph` names the graph standing for lexgraph's default graph on a server whose queries see
    the union of the named graphs instead of a default graph of their own (Fuseki with
    `unionDefaultGraph`, GraphDB, Virtuoso).
    """

    def __init__(self, endpoint: str, batch: int = 50_000, timeout: float = 300.0,
                 auth: tuple[str, str] | httpx.Auth | None = None,
                 union_parameter: str | None = "union-default-graph",
                 default_graph: str | None = None, query_url: str | None = None, update_url: str | None = None,
                 store_url: str | None = "") -> None:
        base = endpoint.rstrip("/")
        self.endpoint = base
        self.union_parameter = union_parameter
        self.query_url = query_url or f"{base}/query"
        self.update_url = update_url or f"{base}/update"
        self.store_url = f"{base}/store" if store_url == "" else store_url
        self.batch = batch
        self.default_graph = ox.NamedNode(default_graph) if default_graph else None
        self.http = httpx.Client(timeout=timeout, auth=auth)
        self._default_pattern = f"GRAPH {self.default_graph} {{ ?s ?p ?o }}" if self.default_graph else "?s ?p ?o"
        self._own_graphs = f"FILTER (?g != {self.default_graph})" if self.default_graph else ""

    # -- SPARQL 1.1 Protocol -------------------------------------------------------------------

    def query(self, sparql: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              default_graph: list[ox.NamedNode] | None = None, named_graphs: list[ox.NamedNode] | None = None,
              **_ignored) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """Run a query; the answer is parsed into pyoxigraph's result objects (triples for CONSTRUCT)."""
        text = _with_prefixes(sparql, prefixes)
        params: list[tuple[str, str]] = []
        if default_graph is not None or named_graphs is not None:
            params += [("default-graph-uri", g.value) for g in default_graph or []]
            params += [("named-graph-uri", g.value) for g in named_graphs or []]
        elif use_default_graph_as_union and self.union_parameter:
            params.append((self.union_parameter, ""))
        response = self._send("POST", self.query_url, content=text.encode("utf-8"), params=params,
                              headers={"Content-Type": "application/sparql-query", "Accept": _accept(text)})
        return self._parse(response)

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        """Run a SPARQL update."""
        self._send("POST", self.update_url, content=_with_prefixes(sparql, prefixes).encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update"})

    # -- the rest of the Backend protocol -------------------------------------------------------

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads, `batch` of them per request."""
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
        self.update(f"INSERT DATA {{ {self._quad(quad)} }}")

    def remove(self, quad: ox.Quad) -> None:
        self.update(f"DELETE DATA {{ {self._quad(quad)} }}")

    def __contains__(self, quad: ox.Quad) -> bool:
        return bool(self.query(f"ASK {{ {self._quad(quad)} }}"))

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH {graph}")

    def load(self, data: bytes, format: ox.RdfFormat, base_iri: str | None = None,
             to_graph: ox.NamedNode | None = None) -> None:
        """Load a document (the ontology) into a named graph."""
        quads = ox.parse(data, format, base_iri=base_iri)
        self.extend(ox.Quad(q.subject, q.predicate, q.object, to_graph or q.graph_name) for q in quads)

    @property
    def where(self) -> str:
        return self.endpoint

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of lexgraph's graphs, the stand-in default graph as `ox.DefaultGraph`."""
        default = self.query(f"SELECT ?s ?p ?o WHERE {{ {self._default_pattern} }}")
        named = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs} }}")
        for row in default:
            yield ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph())
        for row in named:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def __len__(self) -> int:
        rows = list(self.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{
            {{ {self._default_pattern} }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs} }} }}"""))
        return int(rows[0]["n"].value)

    def backup(self, path: Path) -> None:
        raise BackendError(f"{self.endpoint}: snapshots are taken on the server itself (its own backup tools)")

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    def close(self) -> None:
        """Close the connections to the server."""
        self.http.close()

    # -- plumbing ------------------------------------------------------------------------------

    OPERATION_TRIPLES = 2_000

    def _graph_of(self, quad: ox.Quad) -> ox.NamedNode | ox.DefaultGraph:
        if isinstance(quad.graph_name, ox.DefaultGraph) and self.default_graph is not None:
            return self.default_graph
        return quad.graph_name

    def _quad(self, quad: ox.Quad) -> str:
        graph = self._graph_of(quad)
        triple = f"{quad.subject} {quad.predicate} {quad.object} ."
        return triple if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ {triple} }}"

    def _parse(self, response: httpx.Response) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media in _RESULTS:
            return ox.parse_query_results(response.content, _RESULTS[media])
        if media in _TRIPLES:
            return (ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES))
        raise RemoteError(f"{response.url}: answered {media or 'no media type'}, which lexgraph cannot read")

    def _post(self, quads: list[ox.Quad]) -> None:
        """One Graph Store Protocol POST of N-Quads to the whole dataset, or INSERT DATA operations of
        `OPERATION_TRIPLES` each in one update request."""
        if self.store_url is not None:
            if self.default_graph is not None:
                quads = [ox.Quad(q.subject, q.predicate, q.object, self._graph_of(q)) for q in quads]
            body = ox.serialize(quads, None, ox.RdfFormat.N_QUADS)
            self._send("POST", self.store_url, content=body, headers={"Content-Type": "application/n-quads"})
            return
        operations = []
        for graph, group in groupby(sorted(quads, key=lambda q: str(self._graph_of(q))),
                                    key=lambda q: str(self._graph_of(q))):
            triples = [f"{q.subject} {q.predicate} {q.object} ." for q in group]
            for k in range(0, len(triples), self.OPERATION_TRIPLES):
                block = "\n".join(triples[k:k + self.OPERATION_TRIPLES])
                operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{block}\n}} }}" if graph != "DEFAULT"
                                  else f"INSERT DATA {{\n{block}\n}}")
        self.update(" ;\n".join(operations))

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


class VirtuosoServer(SparqlServer):
    """OpenLink Virtuoso 7 at its /sparql endpoint.

    What differs from the standard protocol, each measured against Virtuoso 7.2:
    - a POST of `application/sparql-query` hangs until the time limit, so requests are form-encoded;
    - ASK answers as a SELECT with one row (`__ASK_RETVAL`) for true and none for false;
    - a SELECT gives booleans as "1"/"0";
    - the query form picks the answer's format only when the Accept header allows just one kind;
    - INSERT DATA parses at most ~4,900 triples per operation ("memory exhausted"), so loads send several
      operations of `OPERATION_TRIPLES` each per request;
    - updates need the SPARQL_UPDATE grant on /sparql, or Digest auth on /sparql-auth (credentials in the URL);
    - the system's own graphs (`SYSTEM_GRAPHS`) answer `GRAPH ?g` patterns, and are left out of dumps.
    """

    SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                     "http://localuriqaserver/sparql", "http://www.w3.org/2002/07/owl#")

    def __init__(self, endpoint: str, batch: int = 20_000, timeout: float = 300.0,
                 auth: tuple[str, str] | None = None) -> None:
        base = endpoint.rstrip("/").removesuffix("/sparql-auth").removesuffix("/sparql")
        super().__init__(endpoint, batch=batch, timeout=timeout, auth=httpx.DigestAuth(*auth) if auth else None,
                         union_parameter=None, default_graph=DEFAULT_GRAPH, query_url=f"{base}/sparql",
                         update_url=f"{base}/sparql-auth" if auth else f"{base}/sparql", store_url=None)
        self._own_graphs = "FILTER (?g NOT IN (<{}>))".format(">, <".join((DEFAULT_GRAPH, *self.SYSTEM_GRAPHS)))

    def query(self, sparql: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = False,
              default_graph: list[ox.NamedNode] | None = None, named_graphs: list[ox.NamedNode] | None = None,
              **_ignored) -> ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]:
        """Run a query. Its default graph is every graph, asked for or not: lexgraph's queries of the default
        graph alone ask for what only the derived graph holds, and a default graph given to Virtuoso 7.2
        makes `GRAPH <g>` patterns under ASK or COUNT match graphs that do not exist."""
        text = _with_prefixes(sparql, prefixes)
        form: list[tuple[str, str]] = [("query", text)]
        if default_graph is not None or named_graphs is not None:
            form += [("default-graph-uri", g.value) for g in default_graph or []]
            form += [("named-graph-uri", g.value) for g in named_graphs or []]
        accept = _accept(text, json_only=True)
        response = self._send("POST", self.query_url, data=dict(_multi(form)), headers={"Accept": accept})
        if accept == "application/n-triples":
            return self._parse(response)
        body = _BOOLEAN.sub(lambda m: m[1] + (b"true" if m[2] == b"1" else b"false") + m[3], response.content)
        solutions = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        if [v.value for v in solutions.variables] == ["__ASK_RETVAL"]:
            answer = b"true" if any(True for _ in solutions) else b"false"
            return ox.parse_query_results(b'{"head": {}, "boolean": %s}' % answer, ox.QueryResultsFormat.JSON)
        return solutions

    def update(self, sparql: str, prefixes: dict[str, str] | None = None) -> None:
        """Run a SPARQL update; triples it names no graph for go to `DEFAULT_GRAPH`."""
        text = f"DEFINE input:default-graph-uri <{DEFAULT_GRAPH}>\n{_with_prefixes(sparql, prefixes)}"
        self._send("POST", self.update_url, data={"update": text})


# Virtuoso writes a boolean in SELECT results as "1"/"0"; the same value in N-Triples is "true"/"false".
_BOOLEAN = re.compile(rb'("datatype"\s*:\s*"http://www.w3.org/2001/XMLSchema#boolean"\s*,\s*"value"\s*:\s*")([01])(")')


def _multi(form: list[tuple[str, str]]) -> Iterator[tuple[str, str | list[str]]]:
    """Form fields, a repeated name as a list (as httpx encodes it)."""
    for name, group in groupby(sorted(form, key=lambda f: f[0]), key=lambda f: f[0]):
        values = [v for _, v in group]
        yield name, values if len(values) > 1 else values[0]


def _accept(text: str, json_only: bool = False) -> str:
    """The Accept header for a query: RDF for CONSTRUCT and DESCRIBE, results for SELECT and ASK."""
    match = _FORM.match(text)
    form = match.group(1).upper() if match else "SELECT"
    if form in ("CONSTRUCT", "DESCRIBE"):
        return "application/n-triples"
    if json_only or form == "ASK":
        return "application/sparql-results+json"
    return "text/tab-separated-values, application/sparql-results+json;q=0.5"


def _with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> str:
    return prologue(prefixes) + sparql
