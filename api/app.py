"""The HTTP application: the SPARQL 1.1 endpoint, the REST API and the query page, over one store.

Run it with `lexgraph serve`. Without a write token the store is opened read-only: nothing may write to it
while it is served (Oxigraph's read-only mode does not survive a concurrent writer), so stop the server
to run `lexgraph ingest`. With a token, the server holds the store (an ingest is refused with a clear
message) and accepts SPARQL updates and POST /documents from requests carrying it
(`Authorization: Bearer TOKEN`); its query workers read snapshots taken after each write.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api import rest, sparql, views
from api.deps import STATIC, ApiError, Service, version
from api.limits import RequestLimits, WorkLimit
from api.runner import QueryRunner, RemoteRunner
from api.serving import announce, withdraw
from api.settings import Settings
from api.snapshots import Snapshots
from graph.store import GraphStore


def _api_routes(routes: list) -> list[APIRoute]:
    """Every endpoint route, including those of included routers."""
    out: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route)
        elif hasattr(route, "original_router"):
            out.extend(_api_routes(route.original_router.routes))
    return out


def create_app(settings: Settings, url: str = "") -> FastAPI:
    """The application over the store `settings` names, to be served at `url`; raises `StoreError` if the
    store cannot be opened."""
    writable = settings.write_token is not None
    store = GraphStore.open(settings.store, base=settings.base, read_only=not writable, endpoint=settings.endpoint)
    snapshots = None
    if settings.endpoint is not None:
        runner: QueryRunner | RemoteRunner = RemoteRunner(settings.endpoint, settings.query_timeout)
    else:
        # A query that started on a snapshot may run for the whole time limit after the next write.
        snapshots = Snapshots(store, keep_seconds=(settings.query_timeout or 600) + 5) if writable else None
        runner = QueryRunner(snapshots.take() if snapshots else settings.store, settings.query_workers,
                             settings.query_timeout, local=store.backend)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        # Read-only, the store is not locked: a note beside it keeps `lexgraph ingest` from writing under us.
        noted = not writable and settings.endpoint is None
        if noted:
            announce(settings.store, url)
        try:
            yield
        finally:
            if noted:
                withdraw(settings.store)
            runner.close()
            store.close()
            if snapshots is not None:
                snapshots.close()

    app = FastAPI(
        title="lexgraph",
        version=version(),
        description="A citation knowledge graph of Vietnamese legal documents: a SPARQL 1.1 endpoint at /sparql "
                    "and lookups for other tools.",
        lifespan=lifespan,
        # FastAPI's Swagger UI and ReDoc load their scripts from a CDN; pages here must work offline
        # (/docs is served below from a local copy).
        docs_url=None,
        redoc_url=None,
    )
    # REST work: as many at once as query workers and their reserve, within the query time limit.
    work = WorkLimit(settings.query_workers + 2, settings.query_timeout)
    app.state.service = Service(settings, store, runner, snapshots, work)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code != 405:
            return await http_exception_handler(request, exc)
        # Starlette names only the first route's methods; the path may have several routes.
        allowed = sorted({m for r in _api_routes(app.routes) if r.matches(request.scope)[0] != Match.NONE
                          for m in r.methods})
        return JSONResponse({"detail": f"{request.method} is not allowed here; use {', '.join(allowed)}"},
                            status_code=405, headers={"Allow": ", ".join(allowed)})

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        body = {"detail": exc.detail}
        if exc.candidates:
            body["candidates"] = [c.model_dump(mode="json") for c in exc.candidates]
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    # Browser-based SPARQL clients (YASGUI and the like) live on other origins; nothing here uses cookies.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Accept", "Content-Type", "Authorization"],
                       expose_headers=["X-Lexgraph-Rows"])
    # Outermost: sizes are checked, and failures logged, before anything else runs.
    app.add_middleware(RequestLimits, max_url=settings.max_url, max_body=settings.max_body)
    app.include_router(sparql.router)
    app.include_router(views.router)
    app.include_router(rest.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Swagger UI from the swagger-ui-bundle package's own copy: no CDN, so /docs works offline.
    app.mount("/docs/assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="lexgraph API",
                                   swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/docs/assets/favicon-32x32.png")

    return app
