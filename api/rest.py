"""The REST API: lookups, implementation trees, citation checks, ingest and bulk export.

An `{id}` is an IRI path under the base ("eli/vn/cp/2022/nq/11"), a full IRI, a number-symbol ("11/NQ-CP",
with `?year=` when the number is reused) or a citation ("Nghị quyết số 11/NQ-CP ngày 30/01/2022").
Handlers are plain functions: FastAPI runs them in its thread pool, beside the event loop.
"""

from __future__ import annotations

import io
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, BinaryIO, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from rdflib import URIRef

from api.deps import STATIC, ApiError, Service, bounded, service, version
from api.models import (
    CheckedOut,
    CheckOut,
    CitedOut,
    DocumentIn,
    DocumentOut,
    DocumentPage,
    EdgeOut,
    EdgePageOut,
    ExtractOut,
    HealthOut,
    IngestOut,
    InstrumentOut,
    Problem,
    ResolutionOut,
    SourceOut,
    StatsOut,
    StatusOut,
    TextIn,
    TreeOut,
    TreeRowOut,
)
from api.negotiation import RDF_TYPES, choose, from_format
from graph import queries as Q
from graph.check import check_text, resolve_citation
from graph.export import FORMATS, export
from graph.load import extractor_version, ingest_text
from graph.search import Filters, list_instruments
from graph.store import PREFIXES
from ingest import InputError, extract_text
from ingest.readers import read_data

router = APIRouter()
Svc = Annotated[Service, Depends(service)]
_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
Year = Annotated[int | None, Query(ge=1900, le=2100, description="Year of the instrument, when its number is reused.")]
_LOOKUP_ERRORS = {
    300: {"model": Problem, "description": "The id fits several instruments; `candidates` lists them."},
    404: {"model": Problem, "description": "No instrument with this id."},
}
_BAD_BODY = {400: {"model": Problem, "description": "The body is not JSON."}}
_DOCUMENT_TYPES = ["application/json", *(t for t in RDF_TYPES if t != "text/plain")]
EXPORT_TYPES = {
    "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml", "trig": "application/trig", "nq": "application/n-quads",
    "graphml": "application/graphml+xml", "csv": "text/csv",
}


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}={value} is not a date; write YYYY-MM-DD") from None


def instrument_of(svc: Service, ident: str, year: int | None) -> URIRef:
    """The one instrument `ident` names, or an `ApiError`: 404 when none, 300 with candidates when several."""
    try:
        return Q.lookup_one(svc.store, ident, year)
    except Q.LookupFailed as exc:
        if exc.candidates:
            raise ApiError(300, f"{ident!r} names {len(exc.candidates)} instruments; add ?year= or use an id "
                                "from candidates", [InstrumentOut.of(c, svc.store.iris) for c in exc.candidates]
                           ) from None
        raise ApiError(404, f"no instrument {ident!r}{f' in {year}' if year else ''} in the graph; check the "
                            "number-symbol, or try /resolve?citation=") from None


# What is where, for the landing page's JSON; the HTML page (api/static/index.html) says the same.
_LINKS = {
    "sparql": "/sparql", "documents": "/documents", "implementations": "/documents/{id}/implementations",
    "cites": "/documents/{id}/cites", "cited_by": "/documents/{id}/cited-by", "resolve": "/resolve?citation=",
    "check": "/check", "corpus_view": "/views/corpus.html", "stats": "/stats", "health": "/health",
    "openapi": "/openapi.json", "docs": "/docs",
}


@router.get("/", tags=["service"], responses={200: {"content": {"text/html": {}, "application/json": {}},
                                                   "description": "HTML for a browser, JSON for other clients."}})
def home(request: Request) -> Response:
    """What a person opening the server in a browser finds (a page, no script, offline), or for another
    client, the same as JSON: what this server is and where each part of it is."""
    # JSON first: "*/*" (curl, scripts) gets JSON; a browser asks for text/html by name.
    if choose(request.headers.get("accept"), ["application/json", "text/html"]) == "text/html":
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))
    return JSONResponse({"name": "lexgraph", "version": version(),
                         "description": "A citation graph of Vietnamese legal and administrative documents.",
                         "links": _LINKS})


@router.get("/health", response_model=HealthOut, tags=["service"])
def health(svc: Svc) -> HealthOut:
    """Whether the server is up and writable, and its version (the graph's size is in /stats)."""
    return HealthOut(status="ok", writable=svc.writable, version=version(), stale=svc.stale)


@router.get("/stats", response_model=StatsOut, tags=["service"])
@bounded
def stats(svc: Svc) -> StatsOut:
    """Counts of what the graph holds, edges by relation, the most cited instruments."""
    # Counting scans the whole store: once per state of it (a write clears the answer).
    raw = svc.answers.get("stats") or svc.answers.setdefault("stats", Q.stats(svc.store))
    counts = {k: v for k, v in raw.items() if type(v) is int}
    return StatsOut(counts=counts, edges_by_relation=dict(raw["edges by relation"]),  # type: ignore[arg-type]
                    most_cited=[CitedOut(label=label, count=n) for label, n in raw["most cited"]],  # type: ignore[union-attr]
                    interrupted_ingest=bool(raw["interrupted ingest"]))


@router.get("/documents", response_model=DocumentPage, tags=["documents"],
            responses={400: {"model": Problem, "description": "A date that does not exist."}})
@bounded
def documents(
    request: Request,
    svc: Svc,
    type: Annotated[str | None, Query(max_length=100, description="Type code (kh, nq) or name (Kế hoạch).")] = None,
    year: Year = None,
    date_from: Annotated[str | None, Query(pattern=_ISO_DATE, description="Issued on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(pattern=_ISO_DATE, description="Issued on or before (YYYY-MM-DD).")] = None,
    jurisdiction: Annotated[str | None, Query(max_length=100, description="Province, e.g. Cần Thơ (or can tho).")
                            ] = None,
    issuer: Annotated[str | None, Query(max_length=200, description="Words of the issuer's name.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the title or label.")] = None,
    in_corpus: Annotated[bool | None, Query(description="true: full text in the graph; false: only cited.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DocumentPage:
    """Instruments matching every filter given, newest first. Text filters ignore case and diacritics."""
    filters = Filters(type or None, year, _date(date_from, "date_from"), _date(date_to, "date_to"),
                      jurisdiction or None, issuer or None, q or None, in_corpus)
    total, items = list_instruments(svc.store, filters, limit, offset)
    following = None
    if offset + limit < total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return DocumentPage(total=total, limit=limit, offset=offset, next=following,
                        items=[InstrumentOut.of(i, svc.store.iris) for i in items])


@router.get("/documents/{ident:path}/implementations", response_model=TreeOut, responses=_LOOKUP_ERRORS,
            tags=["documents"])
@bounded
def implementations(
    ident: str, svc: Svc, year: Year = None,
    depth: Annotated[int | None, Query(ge=1, le=50, description="Levels below the instrument (default: all).")] = None,
    sort: Annotated[Q.TreeOrder, Query(description="depth (then date), date, or lag (fastest first).")] = "depth",
) -> TreeOut:
    """The implementation tree below an instrument: each document's jurisdiction, date, relation, its lag after
    the instrument asked about (`lag_days`) and after the one it carries out (`lag_from_parent`)."""
    target = instrument_of(svc, ident, year)
    iris = svc.store.iris
    root = Q.describe(svc.store, [target])[target]
    rows = Q.sort_tree(Q.implementers(svc.store, target, depth), sort)
    return TreeOut(root=InstrumentOut.of(root, iris), rows=[TreeRowOut.of(r, iris) for r in rows])


Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]


@router.get("/documents/{ident:path}/cites", response_model=EdgePageOut, responses=_LOOKUP_ERRORS,
            tags=["documents"])
@bounded
def document_cites(ident: str, request: Request, svc: Svc, year: Year = None, limit: Limit = 100,
                   offset: Offset = 0) -> EdgePageOut:
    """What an instrument cites (or is described as linked to), with the sentence that says so, a page at a
    time in order of the other instrument's label."""
    return _edge_page(request, svc, instrument_of(svc, ident, year), False, limit, offset)


@router.get("/documents/{ident:path}/cited-by", response_model=EdgePageOut, responses=_LOOKUP_ERRORS,
            tags=["documents"])
@bounded
def document_cited_by(ident: str, request: Request, svc: Svc, year: Year = None, limit: Limit = 100,
                      offset: Offset = 0) -> EdgePageOut:
    """Everything that cites an instrument, with the sentence, file and line, a page at a time."""
    return _edge_page(request, svc, instrument_of(svc, ident, year), True, limit, offset)


def _edge_page(request: Request, svc: Service, target: URIRef, cited: bool, limit: int, offset: int) -> EdgePageOut:
    page = Q.edge_page(svc.store, target, cited, limit, offset)
    following = None
    if offset + limit < page.total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return EdgePageOut(total=page.total, limit=limit, offset=offset, next=following,
                       items=[EdgeOut.of(r, svc.store.iris) for r in page.rows])


_DOCUMENT_RESPONSES = {
    **_LOOKUP_ERRORS,
    200: {"content": {t: {} for t in _DOCUMENT_TYPES[1:]},
          "description": "JSON by default; Turtle, N-Triples, JSON-LD or RDF/XML on request."},
    406: {"model": Problem, "description": "No acceptable media type."},
}
FormatParam = Annotated[Literal["json", "ttl", "nt", "jsonld", "rdfxml"] | None,
                        Query(description="Force the format instead of negotiating it.")]


@router.get("/documents/{ident:path}", response_model=DocumentOut, responses=_DOCUMENT_RESPONSES,
            tags=["documents"])
@bounded
def document(ident: str, request: Request, svc: Svc, year: Year = None, format: FormatParam = None) -> Response:
    """An instrument with its sources and every citation in and out. Content negotiation: JSON by default,
    Turtle / N-Triples / JSON-LD / RDF/XML for Linked Data clients."""
    return _document(svc, request, ident, year, format)


@router.get("/eli/{rest:path}", response_model=DocumentOut, responses=_DOCUMENT_RESPONSES, tags=["documents"])
@bounded
def dereference(rest: str, request: Request, svc: Svc, format: FormatParam = None) -> Response:
    """An instrument IRI, dereferenced (when the server runs at the graph's base IRI)."""
    return _document(svc, request, f"eli/{rest}", None, format)


def _document(svc: Service, request: Request, ident: str, year: int | None, format_name: str | None) -> Response:
    if format_name:
        chosen = "application/json" if format_name == "json" else from_format(format_name)
    else:
        chosen = choose(request.headers.get("accept"), _DOCUMENT_TYPES)
        if chosen is None:
            raise ApiError(406, f"none of the media types in Accept fits; accept one of {', '.join(_DOCUMENT_TYPES)}")
    target = instrument_of(svc, ident, year)
    headers = {"Vary": "Accept"}
    if chosen != "application/json":
        fmt = RDF_TYPES[chosen]
        triples = svc.store.query(Q.description_sparql(target))
        body = ox.serialize(triples, None, fmt, prefixes=PREFIXES if fmt != ox.RdfFormat.JSON_LD else None)
        return Response(body, media_type=chosen, headers=headers)
    store, iris = svc.store, svc.store.iris
    head = InstrumentOut.of(Q.describe(store, [target])[target], iris)
    out = DocumentOut(
        **head.model_dump(),
        status=StatusOut.of(Q.status(store, target), iris),
        sources=[SourceOut.of(s) for s in Q.sources(store, target)],
        cites=[EdgeOut.of(r, iris) for r in Q.cites(store, target)],
        cited_by=[EdgeOut.of(r, iris) for r in Q.cited_by(store, target)],
    )
    return JSONResponse(out.model_dump(mode="json"), headers=headers)


@router.get("/resolve", response_model=ResolutionOut, tags=["citations"])
@bounded
def resolve(
    svc: Svc,
    citation: Annotated[str, Query(min_length=1, max_length=2000,
                                   description="A citation: Nghị quyết số 11/NQ-CP ngày 30/01/2022, 11/NQ-CP, "
                                               "Luật Đầu tư công.")],
    year: Year = None,
) -> ResolutionOut:
    """Parse a free-text citation and say which instrument it names, and whether the graph knows it."""
    return ResolutionOut.of(resolve_citation(svc.store, citation, year), svc.store.iris)


@router.post("/check", response_model=CheckOut, tags=["citations"], responses=_BAD_BODY)
@bounded
def check(body: TextIn, svc: Svc) -> CheckOut:
    """Every citation of a draft with a verdict: known, unknown, inconsistent (a date, issuer or type that
    differs from the graph's, or one number with two dates), ambiguous (no date, several candidates), or
    superseded (replaced or repealed by a corpus document before the draft's date, or a repealed article)."""
    checked = [CheckedOut.of(c, svc.store.iris) for c in check_text(svc.store, body.text)]
    counts = Counter(c.verdict for c in checked)
    verdicts = ("known", "unknown", "inconsistent", "ambiguous", "superseded")
    return CheckOut(citations=checked, counts={v: counts.get(v, 0) for v in verdicts})


@router.post("/extract", response_model=ExtractOut, tags=["citations"], responses=_BAD_BODY)
@bounded
def extract(body: TextIn, svc: Svc) -> ExtractOut:
    """The document's identity and every citation in a text, as `lexgraph extract` gives; nothing is stored."""
    record = extract_text(body.text, source="<request>").to_json()
    return ExtractOut(document=record["document"], citations=record["citations"], warnings=record["warnings"])


@router.post("/documents", response_model=IngestOut, status_code=201, tags=["documents"],
             responses={200: {"model": IngestOut, "description": "Unchanged: the same text was already stored."},
                        400: {"model": Problem, "description": "The body is not JSON, or the text could not be "
                                                               "ingested (the detail says why)."},
                        401: {"model": Problem}, 403: {"model": Problem}})
def ingest(body: DocumentIn, request: Request, svc: Svc) -> Response:
    """Ingest a document's text under a source name (needs the write token); the same name replaces it."""
    svc.authorise(request)
    source_id = f"api/{body.source.strip()}"
    try:  # the limits and messages of a file given to `lexgraph ingest`
        text, digest = read_data(body.text.encode("utf-8"), body.source.strip())
    except InputError as exc:
        raise ApiError(400, str(exc)) from None
    with svc.write_lock:
        outcome = ingest_text(svc.store, text, digest, source_id, Path(body.source.strip()), extractor_version())
        if outcome.status == "ingested":
            svc.store.reconcile()
            svc.store.flush()
            svc.written()
    if outcome.status == "failed":
        raise ApiError(400, outcome.message)
    document = None
    headers = {}
    if outcome.document is not None:
        described = Q.describe(svc.store, [outcome.document])
        if outcome.document in described:
            document = InstrumentOut.of(described[outcome.document], svc.store.iris)
            headers["Location"] = f"/documents/{document.id}"
    out = IngestOut(status=outcome.status, source=source_id, document=document)  # type: ignore[arg-type]
    return JSONResponse(out.model_dump(mode="json"), status_code=201 if outcome.status == "ingested" else 200,
                        headers=headers)


@router.get("/export", tags=["service"],
            responses={200: {"content": {t: {} for t in EXPORT_TYPES.values()},
                             "description": "The whole graph, streamed."}})
def export_graph(
    svc: Svc,
    format: Annotated[str, Query(pattern="^(" + "|".join(FORMATS) + ")$",
                                 description=f"One of {', '.join(FORMATS)}.")] = "ttl",
) -> StreamingResponse:
    """The whole graph as one file (triples, quads with their named graphs, GraphML, or CSV of edges)."""
    return StreamingResponse(_stream(lambda out: export(svc.store, format, out)), media_type=EXPORT_TYPES[format],
                             headers={"Content-Disposition": f'attachment; filename="lexgraph.{format}"'})


class _Pipe(io.RawIOBase):
    """A writable file whose writes a consumer thread reads as chunks; stops the writer when told."""

    def __init__(self, chunks: queue.Queue, stopped: threading.Event) -> None:
        self.chunks = chunks
        self.stopped = stopped

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        while not self.stopped.is_set():
            try:
                self.chunks.put(bytes(data), timeout=0.5)
                return len(data)
            except queue.Full:
                continue
        raise BrokenPipeError("the client stopped reading")


def _stream(write: Callable[[BinaryIO], None]) -> Iterator[bytes]:
    """Run `write` in a thread and yield what it writes, so a large export never sits whole in memory."""
    chunks: queue.Queue = queue.Queue(maxsize=32)
    stopped = threading.Event()

    def produce() -> None:
        try:
            with io.BufferedWriter(_Pipe(chunks, stopped), buffer_size=1 << 16) as out:
                write(out)
        except BaseException as exc:  # handed to the consumer, which raises it in the response
            if not stopped.is_set():
                chunks.put(exc)
        finally:
            if not stopped.is_set():
                chunks.put(None)

    threading.Thread(target=produce, daemon=True).start()
    try:
        while (chunk := chunks.get()) is not None:
            if isinstance(chunk, BaseException):
                raise chunk
            yield chunk
    finally:
        stopped.set()
