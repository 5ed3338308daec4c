"""Public SPARQL queries run in worker processes, so that one over its time limit can be stopped.

Oxigraph evaluates a query in Rust without returning to Python, so a thread cannot be interrupted;
a process can. A pebble process pool kills the worker of a query that runs past the time limit and
starts a new one, while the other workers go on answering. Workers open a store directory read-only:
the store itself when the server only reads, or the latest snapshot of it when the server writes
(`api.snapshots`); each task names the directory, and a worker reopens when it changes.

Admission: a query's time limit counts from its arrival, queue time included, and one that cannot start
in time is answered 503 with Retry-After. The pool has one worker more than the number of queries that may
run long (past `LONG_AFTER` seconds), `RESERVE` more: a query that would be one long query too many is
stopped there, so a simple query finds a worker within about a second, however many runaways are sent. One client (an
address) may run at most `workers - 1` long queries at once (at least one); another is stopped with 429.

A query cheap by construction (`cheap`: one triple pattern with a constant subject, or under a small LIMIT,
or an ASK) is answered in the server process on its own store, without the trip to a worker: Oxigraph
reads at most a bounded number of quads for it, so it cannot run away.

Answers are serialised by Oxigraph itself. The row limit is enforced on the way out: the results are
first written as TSV (SELECT) or N-Triples (CONSTRUCT), one line per row, to a writer that stops
Oxigraph as soon as one row too many arrives; a TSV or N-Triples answer is then converted by
Oxigraph to the format asked for, without building a Python object per row.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import re
import signal
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pebble import ProcessExpired, ProcessPool

from api.negotiation import CANONICAL, RDF_TYPES, RESULT_TYPES
from graph.backend import Backend
from graph.store import PREFIXES

log = logging.getLogger("lexgraph.queries")

# Strings, IRIs and comments, whose words are not keywords.
_OPAQUE = re.compile(r'"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
# The keywords, not ?from, lex:from or a prefix named from:.
_FROM = re.compile(r"(?<![\w?$:.-])FROM\b(?![:.-])", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE\b(?![:.-])", re.IGNORECASE)
_LOAD = re.compile(r"(?<![\w?$:.-])LOAD\b(?![:.-])", re.IGNORECASE)
# A LOAD's source, an IRI written in full (a prefixed name is not checked, so not allowed).
_LOAD_FROM = re.compile(r"(?<![\w?$:.-])LOAD\s+(?:SILENT\s+)?<(?P<url>[^<>\s]*)>", re.IGNORECASE)


# A query cheap by construction: one triple pattern (a path, FILTER, OPTIONAL, UNION, subquery, GRAPH, VALUES,
# BIND, aggregate, DISTINCT or ORDER BY does not parse here), under PREFIX lines, with no dataset clause.
_TERM = (r"(?:<[^<>\"{}|^`\\\s]*>|[A-Za-z][\w.-]*:[\w-]*|:[\w-]*|[?$]\w+|true|false|[+-]?\d+(?:\.\d+)?"
         r"|\"(?:[^\"\\\n]|\\.)*\"(?:@[A-Za-z-]+|\^\^(?:<[^<>\s]*>|[A-Za-z][\w.-]*:[\w-]*))?)")
_ONE_PATTERN = re.compile(
    r"\s*(?:(?:PREFIX\s+[A-Za-z][\w.-]*:|PREFIX\s+:)\s*<[^<>\s]*>\s*)*"
    r"(?:(?P<select>SELECT)\s+(?:\*|(?:[?$]\w+\s*)+)|(?P<ask>ASK))\s*(?:WHERE\s*)?"
    rf"\{{\s*(?P<s>{_TERM})\s+(?P<p>a|<[^<>\s]*>|[A-Za-z][\w.-]*:[\w-]*|:[\w-]*|[?$]\w+)\s+(?P<o>{_TERM})\s*\.?\s*\}}"
    r"\s*(?:LIMIT\s+(?P<limit>\d{1,9})\s*)?(?:OFFSET\s+(?P<offset>\d{1,9})\s*)?",
    re.IGNORECASE,
)
# The most rows a cheap query may read when its subject is a variable.
CHEAP_ROWS = 10_000


def cheap(query: Query) -> bool:
    """Whether `query` is cheap by construction: Oxigraph reads a bounded number of quads to answer it.

    One triple pattern, and either a constant subject (its quads are one index range, as many as the
    subject's statements), or no variable twice and an ASK (the first quad answers it) or LIMIT plus
    OFFSET of at most `CHEAP_ROWS` (a single pattern is evaluated lazily, so it stops there). A comment,
    a dataset clause or anything else makes it not cheap; it then goes to the killable workers.
    """
    if query.default_graphs or query.named_graphs:
        return False
    m = _ONE_PATTERN.fullmatch(query.text)
    if m is None:
        return False
    if m.group("s")[0] not in "?$":
        return True
    variables = [t[1:] for t in m.group("s", "p", "o") if t[0] in "?$"]
    if len(set(variables)) < len(variables):
        return False  # "?x ?p ?x" is a filter over every quad
    if m.group("ask"):
        return True
    return m.group("limit") is not None and int(m.group("limit")) + int(m.group("offset") or 0) <= CHEAP_ROWS


# Seconds after which a running query counts as long.
LONG_AFTER = 0.5
# Workers beyond those long queries may hold: while one starts again after a query too many was stopped
# in it (most of a second), the other is free.
RESERVE = 2


class QueryError(Exception):
    """A query the endpoint refuses or could not answer: an HTTP status, a message saying why, and for a
    busy server the seconds after which to try again."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message
        self.retry_after = retry_after

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Query:
    """A SPARQL query as the protocol delivers it, with the media types negotiated for each query form."""

    text: str
    result_type: str | None
    rdf_type: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    row_limit: int = 0


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised answer: its bytes, media type and number of rows (or triples)."""

    body: bytes
    media_type: str
    rows: int


class QueryRunner:
    """A pool of worker processes that answer `Query`s within a time limit; `workers` of them may run long
    queries at once, and `RESERVE` more are kept for the others."""

    def __init__(self, location: Path, workers: int = 2, timeout: float = 10.0, local: Backend | None = None) -> None:
        self.location = location
        self.local = local  # the server's own store, for cheap queries
        self.workers = workers
        self.size = workers + RESERVE
        self.timeout = timeout
        self._pool: ProcessPool | None = None
        self._slots: asyncio.Semaphore | None = None
        self._long: Counter[str] = Counter()  # long queries running, by client

    def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        # Workers fork from a fork server that has imported this module: a worker stopped with its query
        # is back in milliseconds, not the second a fresh interpreter takes. Not a fork of this process,
        # whose open RocksDB store has threads a fork would copy half-way.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["api.runner"])
        self._pool = ProcessPool(max_workers=self.size, initializer=_initialise, context=context)
        probes = [self._pool.schedule(execute, args=(Query("ASK {}", "text/csv", None), str(self.location)))
                  for _ in range(self.size)]
        for probe in probes:
            probe.result(timeout=60)

    def publish(self, location: Path) -> None:
        """Answer the next queries from the store directory `location` (a newer snapshot)."""
        self.location = location

    async def answer(self, query: Query, client: str = "") -> Answer:
        """Run `query` in a worker for `client` (its address); raises `QueryError` with the HTTP status to
        answer with."""
        if self._pool is None:
            raise QueryError(503, "the query workers are not running; restart the server")
        if self.local is not None and cheap(query):
            # In the event loop itself: a bounded read of one index range takes well under a millisecond,
            # less than a hop to a thread.
            return answer_on(self.local, query)
        arrival = time.monotonic()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        limit = self.timeout or None
        try:
            await asyncio.wait_for(self._slots.acquire(), None if limit is None else limit)
        except TimeoutError:
            log.warning("query not started within the %g s limit (server busy): %.200s", self.timeout,
                        " ".join(query.text.split()))
            raise QueryError(503, f"the server is busy: the query could not start within the {self.timeout:g} s "
                                  "limit; try again shortly", retry_after=2) from None
        try:
            left = None if limit is None else max(0.01, limit - (time.monotonic() - arrival))
            future = self._pool.schedule(execute, args=(query, str(self.location)), timeout=left)
            return await self._watched(future, query, client)
        finally:
            self._slots.release()

    async def _watched(self, future, query: Query, client: str) -> Answer:
        """The answer of a scheduled query; stopped after `LONG_AFTER` s when it would be one long query too
        many, for the server or for its client."""
        waiting = asyncio.wrap_future(future)
        long = False
        try:
            # The clock starts when a worker takes the query: one may be starting again after a kill. Waiting on
            # the answer itself (not sleeping) returns the moment a quick query is done.
            while not future.running() and not future.done():
                await asyncio.wait({waiting}, timeout=0.02)
            done, _ = await asyncio.wait({waiting}, timeout=LONG_AFTER)
            if not done:
                running, mine = sum(self._long.values()), self._long[client]
                if running >= self.workers or mine >= max(1, self.workers - 1):
                    future.cancel()
                    log.warning("query stopped after %g s: %d long queries run (%d of this client's): %.200s",
                                LONG_AFTER, running, mine, " ".join(query.text.split()))
                    if running >= self.workers:
                        raise QueryError(503, f"{running} long queries are running, the most this server runs "
                                              "at once; try again shortly, or narrow the query", retry_after=2)
                    raise QueryError(429, f"you have {mine} long queries running here, the most one client may; "
                                          "wait for their answers", retry_after=2)
                self._long[client] += 1
                long = True
            return await waiting
        except TimeoutError:
            log.warning("query stopped after the %g s limit: %.200s", self.timeout, " ".join(query.text.split()))
            raise QueryError(503, f"the query ran longer than the {self.timeout:g} s limit and was stopped; "
                                  "narrow it (more specific patterns, LIMIT) and try again", retry_after=1) from None
        except ProcessExpired as exc:
            log.warning("query worker died (%s): %.200s", exc, " ".join(query.text.split()))
            raise QueryError(503, f"the worker running the query died ({exc}); the query may need more memory "
                                  "than the server allows: narrow it") from None
        except asyncio.CancelledError:
            future.cancel()  # the client went away: free the worker
            raise
        finally:
            if long:
                self._long[client] -= 1
                if not self._long[client]:
                    del self._long[client]

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None


class RemoteRunner:
    """Queries answered by a SPARQL server (`--endpoint`): forwarded in a thread, its time limit the
    HTTP request's, the answer converted and capped as the workers do it."""

    def __init__(self, endpoint: str, timeout: float = 10.0) -> None:
        from graph.remote import connect

        self.server = connect(endpoint, timeout=timeout or 3600.0)

    def start(self) -> None:
        """Nothing to start: the server runs on its own."""

    def publish(self, location: Path) -> None:
        """Nothing to publish: the server sees its own writes."""

    async def answer(self, query: Query, client: str = "") -> Answer:
        """Run `query` on the server (which has its own limits); raises `QueryError` with the HTTP status
        to answer with."""
        return await asyncio.to_thread(answer_on, self.server, query)

    def close(self) -> None:
        self.server.close()


def keywords_of(text: str) -> str:
    """`text` with its strings, IRIs and comments blanked, so that a search finds only keywords."""
    return _OPAQUE.sub(" ", text)


# A real query is a few KB and nests a handful of groups; these bounds stop a parser being walked to death.
MAX_QUERY = 1_000_000
MAX_DEPTH = 128


_BRACKETS = re.compile(r"[{}()]")


def _nesting(keywords: str) -> int:
    """How deep `{` and `(` nest in a query's keywords."""
    depth = deepest = 0
    for c in _BRACKETS.findall(keywords):  # the brackets alone: a loop over every character costs more
        if c in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})":
            depth -= 1
    return deepest


def check_query(text: str, allow_load: tuple[str, ...] = ()) -> None:
    """Refuse what the endpoint does not run: federated queries (SERVICE), and LOAD but from a URL under
    one of the prefixes the operator allowed: either would let a client make the server fetch any URL."""
    if len(text) > MAX_QUERY:
        raise QueryError(413, f"the query is {len(text)} characters; at most {MAX_QUERY}")
    keywords = keywords_of(text)
    if (depth := _nesting(keywords)) > MAX_DEPTH:
        raise QueryError(400, f"the query nests groups {depth} deep; at most {MAX_DEPTH}")
    if _SERVICE.search(keywords):
        raise QueryError(400, "SERVICE (federated query) is not allowed on this endpoint; query the other "
                              "endpoint yourself")
    loads = len(_LOAD.findall(keywords))
    allowed = [m for m in _LOAD_FROM.finditer(text) if m.group("url").startswith(allow_load)] if allow_load else []
    if loads and len(allowed) < loads:
        where = ("from URLs under " + ", ".join(allow_load)) if allow_load else "on this endpoint"
        raise QueryError(400, f"LOAD is not allowed {where}: it makes the server fetch a URL; send the triples "
                              "with INSERT DATA, or ingest the documents with POST /documents")


# -- in the worker processes ---------------------------------------------------------------------

_opened: tuple[str, ox.Store] | None = None


def _initialise() -> None:
    # pebble's SIGTERM handler is Python and never runs while Oxigraph computes; the default ends the
    # process at once, and a read-only worker has nothing to clean up.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _store(location: str) -> ox.Store:
    global _opened
    if _opened is None or _opened[0] != location:
        _opened = None  # close the old one first
        _opened = (location, ox.Store.read_only(location))
    return _opened[1]


def execute(query: Query, location: str) -> Answer:
    """Answer `query` on the store directory `location` (called in a worker process)."""
    return answer_on(_store(location), query)


def answer_on(store, query: Query) -> Answer:
    """Answer `query` on `store`: a pyoxigraph `Store`, or a `graph.remote.SparqlServer`."""
    check_query(query.text)
    kwargs: dict = {"prefixes": PREFIXES}
    try:
        if query.default_graphs or query.named_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in query.default_graphs]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in query.named_graphs]
        elif not _FROM.search(keywords_of(query.text)):
            kwargs["use_default_graph_as_union"] = True
    except ValueError as exc:
        raise QueryError(400, f"default-graph-uri / named-graph-uri: not an IRI ({exc})") from None
    try:
        result = store.query(query.text, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            return _boolean(result, query)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, query)
        return _triples(result, query)
    except SyntaxError as exc:
        raise QueryError(400, f"the query does not parse: {exc}") from None
    except TimeoutError:
        raise QueryError(503, "the SPARQL server did not answer within the time limit; narrow the query") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(400, f"the query could not be evaluated: {exc}") from None


def _boolean(result: ox.QueryBoolean, query: Query) -> Answer:
    if query.result_type is None:
        raise _not_acceptable("an ASK query", RESULT_TYPES)
    body = result.serialize(format=RESULT_TYPES[query.result_type])
    return Answer(body, CANONICAL.get(query.result_type, query.result_type), 1)


def _solutions(result: ox.QuerySolutions, query: Query) -> Answer:
    if query.result_type is None:
        raise _not_acceptable("a SELECT query", RESULT_TYPES)
    fmt = RESULT_TYPES[query.result_type]
    tsv, rows = _capped(lambda out: result.serialize(out, ox.QueryResultsFormat.TSV), query.row_limit, header=1)
    body = tsv if fmt == ox.QueryResultsFormat.TSV else ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV) \
        .serialize(format=fmt)
    return Answer(body, CANONICAL.get(query.result_type, query.result_type), rows)


def _triples(result: ox.QueryTriples, query: Query) -> Answer:
    if query.rdf_type is None:
        raise _not_acceptable("a CONSTRUCT or DESCRIBE query", RDF_TYPES)
    fmt = RDF_TYPES[query.rdf_type]
    nt, rows = _capped(lambda out: ox.serialize(result, out, ox.RdfFormat.N_TRIPLES), query.row_limit, header=0)
    if fmt == ox.RdfFormat.N_TRIPLES:
        body = nt
    else:
        body = ox.serialize(ox.parse(nt, ox.RdfFormat.N_TRIPLES), None, fmt,
                            prefixes=PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None)
    return Answer(body, CANONICAL.get(query.rdf_type, query.rdf_type), rows)


class _OverLimit(Exception):
    pass


class _LineCap:
    """A binary writer that keeps what it is given and stops the writer after `limit` rows."""

    def __init__(self, limit: int, header: int) -> None:
        self.chunks: list[bytes] = []
        self.lines = 0
        self.limit = limit
        self.header = header
        self.over = False

    def write(self, data: bytes) -> int:
        self.lines += data.count(b"\n")
        self.chunks.append(bytes(data))
        if self.limit and self.lines - self.header > self.limit:
            self.over = True
            raise _OverLimit
        return len(data)

    def flush(self) -> None:
        pass


def _capped(serialize, limit: int, header: int) -> tuple[bytes, int]:
    out = _LineCap(limit, header)
    try:
        serialize(out)
    except Exception:
        if not out.over:
            raise
        raise QueryError(422, f"the answer has more than {limit} rows, the server's limit; add LIMIT, and OFFSET "
                              "to page through it (ORDER BY keeps pages stable)") from None
    return b"".join(out.chunks), max(out.lines - header, 0)


def _not_acceptable(form: str, offered: dict) -> QueryError:
    return QueryError(406, f"none of the media types in Accept can express the answer to {form}; "
                           f"accept one of: {', '.join(offered)}")
