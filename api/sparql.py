"""The SPARQL 1.1 Protocol endpoint at /sparql: queries for everyone, updates for holders of the write token.

Queries: GET ?query=, POST form-encoded (query=), POST application/sparql-query; `default-graph-uri` and
`named-graph-uri` set the dataset (otherwise the default graph is the union of all graphs). The answer's
format is negotiated from Accept (or forced with `format=json|xml|csv|tsv|ttl|nt|jsonld|rdfxml`).
Updates: POST form-encoded (update=) or application/sparql-update, with `Authorization: Bearer TOKEN`.
A browser that GETs /sparql without a query gets the query page; other clients get the service
description.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from api.deps import STATIC, ApiError, Service, service
from api.negotiation import CANONICAL, FORMAT_NAMES, RDF_TYPES, RESULT_TYPES, choose, from_format
from api.runner import Query, QueryError, check_query

router = APIRouter(tags=["SPARQL"])
EXAMPLES = Path(__file__).resolve().parent / "examples"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
_FORM = "application/x-www-form-urlencoded"
_RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
                   "application/rdf+xml": "xml"}
_ERRORS = {
    400: {"description": "The query or update does not parse, or the request breaks the protocol."},
    401: {"description": "An update without the write token."},
    403: {"description": "An update with a wrong token, or to a read-only server."},
    406: {"description": "No acceptable media type for the answer."},
    415: {"description": "A POST body that is neither form-encoded nor a SPARQL query or update."},
    422: {"description": "The answer has more rows than the server's row limit."},
    503: {"description": "The query ran past the time limit and was stopped."},
}
_RESULTS = {200: {"description": "Query results, in the negotiated format.",
                  "content": {t: {} for t in [*RESULT_TYPES, *RDF_TYPES]}}, **_ERRORS}


@cache
def examples() -> list[dict[str, str]]:
    """The example queries (api/examples/*.rq, the same as in the README): title (first comment) and text."""
    out = []
    for path in sorted(EXAMPLES.glob("*.rq")):
        text = path.read_text(encoding="utf-8").strip()
        title = text.splitlines()[0].lstrip("# ").strip()
        out.append({"name": path.stem, "title": title, "query": text})
    return out


_GRAPHS = {"type": "array", "items": {"type": "string", "format": "uri"}}
_FORMAT = {"type": "string", "enum": sorted(FORMAT_NAMES),
           "description": "Force the answer's format (where it fits the query form) instead of negotiating it."}
# Without `query`, GET /sparql gives browsers the query page and RDF clients the service description.
_GET_PARAMETERS = [
    {"name": "query", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1}},
    {"name": "default-graph-uri", "in": "query", "required": False, "schema": _GRAPHS, "style": "form",
     "explode": True},
    {"name": "named-graph-uri", "in": "query", "required": False, "schema": _GRAPHS, "style": "form",
     "explode": True},
    {"name": "format", "in": "query", "required": False, "schema": _FORMAT},
]
_POST_BODY = {"requestBody": {"required": True, "content": {
    _FORM: {"schema": {"type": "object", "properties": {
        "query": {"type": "string", "minLength": 1}, "update": {"type": "string", "minLength": 1},
        "default-graph-uri": _GRAPHS, "named-graph-uri": _GRAPHS, "format": _FORMAT}}},
    "application/sparql-query": {"schema": {"type": "string", "minLength": 1}},
    "application/sparql-update": {"schema": {"type": "string", "minLength": 1}},
}}}


@router.get("/sparql", responses=_RESULTS, summary="SPARQL query (GET)",
            openapi_extra={"parameters": _GET_PARAMETERS})
async def sparql_get(request: Request, svc: Annotated[Service, Depends(service)]) -> Response:
    """A query in `query`; with no query, the query page (for browsers) or the service description."""
    params = request.query_params
    if params.getlist("update"):
        return _error(400, "an update must be POSTed (form-encoded update=, or application/sparql-update)")
    queries = params.getlist("query")
    if not queries:
        return _no_query(request)
    if len(queries) > 1:
        return _error(400, "more than one query parameter; send exactly one")
    return await _answer(svc, request, queries[0], params.getlist("default-graph-uri"),
                         params.getlist("named-graph-uri"), params.get("format"))


@router.post("/sparql", responses={**_RESULTS, 204: {"description": "The update was applied."}},
             summary="SPARQL query or update (POST)", openapi_extra=_POST_BODY)
async def sparql_post(request: Request, svc: Annotated[Service, Depends(service)]) -> Response:
    """A query or update, form-encoded or as the body (application/sparql-query, application/sparql-update)."""
    media, _, parameters = request.headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    charset = parameters.partition("charset=")[2].strip().strip('"').lower()
    if charset and charset not in ("utf-8", "utf8"):
        return _error(415, f"charset {charset} is not supported; send UTF-8")
    try:
        body = (await request.body()).decode("utf-8")
    except UnicodeDecodeError as exc:
        return _error(400, f"the request body is not UTF-8 (byte {exc.start})")
    url = request.query_params
    if media == _FORM:
        form = parse_qs(body, keep_blank_values=True)
        queries, updates = form.get("query", []), form.get("update", [])
        if queries and updates:
            return _error(400, "a request carries either query= or update=, not both")
        if len(queries) + len(updates) > 1:
            return _error(400, "more than one query or update parameter; send exactly one")
        if updates:
            return await _update(svc, request, updates[0])
        if not queries:
            return _error(400, "no query= or update= in the form")
        return await _answer(svc, request, queries[0], form.get("default-graph-uri", []),
                             form.get("named-graph-uri", []), (form.get("format") or [url.get("format")])[0])
    if media == "application/sparql-query":
        return await _answer(svc, request, body, url.getlist("default-graph-uri"), url.getlist("named-graph-uri"),
                             url.get("format"))
    if media == "application/sparql-update":
        return await _update(svc, request, body)
    return _error(415, f"Content-Type {media or '(none)'} is not a SPARQL request; use {_FORM}, "
                       "application/sparql-query or application/sparql-update")


async def _answer(svc: Service, request: Request, text: str, default_graphs: list[str], named_graphs: list[str],
                  format_name: str | None) -> Response:
    # `format` (sent by SPARQLWrapper and browsers' links) wins where it fits the query form; an unknown
    # value, or one for the other form, leaves the choice to Accept.
    forced = from_format(format_name)
    accept = request.headers.get("accept")
    result_type = forced if forced in RESULT_TYPES else choose(accept, list(RESULT_TYPES))
    rdf_type = forced if forced in RDF_TYPES else choose(accept, list(RDF_TYPES))
    query = Query(text, result_type, rdf_type, tuple(default_graphs), tuple(named_graphs), svc.settings.row_limit)
    try:
        answer = await svc.runner.answer(query, request.client.host if request.client else "")
    except QueryError as exc:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
        return _error(exc.status, exc.message, headers)
    return Response(answer.body, media_type=answer.media_type,
                    headers={"X-Lexgraph-Rows": str(answer.rows), "Vary": "Accept"})


async def _update(svc: Service, request: Request, text: str) -> Response:
    try:
        svc.authorise(request)
    except ApiError as exc:
        return _error(exc.status, exc.detail, exc.headers)
    try:
        check_query(text, svc.settings.allow_load)
    except QueryError as exc:
        return _error(exc.status, exc.message)

    def apply() -> None:
        with svc.write_lock:
            svc.store.update(text)
            svc.written()

    try:
        await run_in_threadpool(apply)
    except SyntaxError as exc:
        return _error(400, f"the update does not parse: {exc}")
    except (OSError, ValueError, RuntimeError) as exc:
        return _error(400, f"the update could not be applied: {exc}")
    return Response(status_code=204)


def _no_query(request: Request) -> Response:
    accept = request.headers.get("accept")
    offered = ["text/html", *_RDFLIB_FORMATS]
    chosen = choose(accept, offered)
    if chosen == "text/html" and "text/html" in (accept or ""):
        return HTMLResponse(_page())
    if chosen in _RDFLIB_FORMATS:
        return Response(_description(str(request.url_for("sparql_get")), chosen), media_type=chosen)
    return _error(400, "no query: send ?query=..., or POST one")


def _page() -> str:
    blob = json.dumps(examples(), ensure_ascii=False).replace("<", "\\u003c")
    return (STATIC / "sparql.html").read_text(encoding="utf-8").replace("{{EXAMPLES}}", blob)


def _description(endpoint: str, media_type: str) -> bytes:
    """The SPARQL 1.1 Service Description of this endpoint."""
    g = Graph()
    g.bind("sd", SD)
    node = URIRef(endpoint)
    g.add((node, RDF.type, SD.Service))
    g.add((node, SD.endpoint, node))
    for language in ("SPARQL11Query", "SPARQL11Update"):
        g.add((node, SD.supportedLanguage, SD[language]))
    g.add((node, SD.feature, SD.UnionDefaultGraph))
    formats = {
        "application/sparql-results+json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
        "application/sparql-results+xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
        "text/csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
        "text/tab-separated-values": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
        "text/turtle": "http://www.w3.org/ns/formats/Turtle",
        "application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
        "application/ld+json": "http://www.w3.org/ns/formats/JSON-LD",
        "application/rdf+xml": "http://www.w3.org/ns/formats/RDF_XML",
    }
    for iri in formats.values():
        g.add((node, SD.resultFormat, URIRef(iri)))
    g.add((node, URIRef("http://purl.org/dc/terms/description"),
           Literal("lexgraph: citations between Vietnamese legal documents")))
    return g.serialize(format=_RDFLIB_FORMATS[CANONICAL.get(media_type, media_type)], encoding="utf-8")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)
