"""The graph views over HTTP: /views/corpus.html, /views/{id}.html and the lag chart /views/{id}/lag.html
(self-contained pages, no CDN)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from api.deps import Service, bounded, service
from api.models import Problem
from api.rest import Year, instrument_of
from graph.lag_chart import lag_chart
from graph.views import corpus_view, ego_view, tree_view

router = APIRouter(tags=["views"])
Svc = Annotated[Service, Depends(service)]
_HTML = {200: {"content": {"text/html": {}}, "description": "A self-contained interactive page."}}


@router.get("/views/corpus.html", responses=_HTML)
@bounded
def corpus(svc: Svc) -> HTMLResponse:
    """The whole corpus, one row per issuer level, large rows grouped (click to open), with filters by type,
    place and year and citations behind a toggle."""
    return HTMLResponse(corpus_view(svc.store).html)


@router.get("/views/{ident:path}/lag.html",
            responses={**_HTML, 300: {"model": Problem}, 404: {"model": Problem}})
@bounded
def lag(ident: str, svc: Svc, year: Year = None) -> HTMLResponse:
    """How fast an instrument was carried out: days from it to each document of its tree, by province."""
    return HTMLResponse(lag_chart(svc.store, instrument_of(svc, ident, year)).html)


@router.get("/views/{ident:path}.html",
            responses={**_HTML, 300: {"model": Problem}, 404: {"model": Problem}})
@bounded
def ego(
    ident: str,
    svc: Svc,
    year: Year = None,
    depth: Annotated[int, Query(ge=1, le=6, description="Edges away from the instrument.")] = 2,
    direction: Annotated[Literal["up", "down", "both"], Query(
        description="up: what it carries out or cites; down: what carries it out or cites it.")] = "both",
    hierarchical: Annotated[bool, Query(description="Parents above the documents that carry them out.")] = True,
    view: Annotated[Literal["tree", "neighbourhood"], Query(
        description="tree (default): its implementation tree, large levels grouped by province, citations behind "
                    "a toggle; neighbourhood: every instrument within `depth` edges, `direction`.")] = "tree",
) -> HTMLResponse:
    """An instrument's implementation tree (the default), or the instruments around it: what it implements or
    is based on, and what implements or cites it."""
    target = instrument_of(svc, ident, year)
    if view == "tree":
        return HTMLResponse(tree_view(svc.store, target).html)
    return HTMLResponse(ego_view(svc.store, target, depth, direction, hierarchical).html)
