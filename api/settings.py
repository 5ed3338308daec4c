"""One settings object for every way in (CLI and HTTP): defaults, environment, help text."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph.iri import DEFAULT_BASE

# name -> (environment variable, default, help)
SETTINGS: dict[str, tuple[str, str, str]] = {
    "store": ("LEXGRAPH_STORE", "build/store", "Directory of the on-disk Oxigraph store."),
    "base": ("LEXGRAPH_BASE_IRI", "", f"Base IRI of the IRIs a new store mints (default {DEFAULT_BASE}); "
             "a store keeps the base it was created with."),
    "write_token": ("LEXGRAPH_WRITE_TOKEN", "", "Bearer token that SPARQL updates and POST /documents must carry; "
                    "without one the server is read-only."),
    "query_timeout": ("LEXGRAPH_QUERY_TIMEOUT", "10", "Seconds a SPARQL query may run before it is stopped."),
    "row_limit": ("LEXGRAPH_ROW_LIMIT", "100000", "Most rows (or triples) one SPARQL answer may hold; 0: no limit."),
    "query_workers": ("LEXGRAPH_QUERY_WORKERS", "2", "Worker processes that run SPARQL queries."),
    "max_url": ("LEXGRAPH_MAX_URL", "8192", "Longest request URL in bytes (path and query string); longer: 414."),
    "max_body": ("LEXGRAPH_MAX_BODY", "16777216", "Largest request body in bytes; larger: 413."),
    "allow_load": ("LEXGRAPH_ALLOW_LOAD", "", "URL prefixes, separated by spaces, that a SPARQL LOAD (with the "
                   "write token) may fetch from; without one, LOAD is refused."),
    "endpoint": ("LEXGRAPH_ENDPOINT", "", "A SPARQL server to use instead of the embedded store: its URL, with "
                 "credentials in it if needed and its kind as the fragment (#oxigraph, #virtuoso, #fuseki, #graphdb; "
                 "default: asked of the server), e.g. http://127.0.0.1:7878 for oxigraph serve."),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the store is, which base IRI new stores mint under, and the HTTP server's limits."""

    store: Path
    base: str | None
    write_token: str | None = None
    query_timeout: float = 10.0
    row_limit: int = 100_000
    query_workers: int = 2
    endpoint: str | None = None
    max_url: int = 8192
    max_body: int = 16 * 1024 * 1024
    allow_load: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Settings from the environment, falling back to the defaults in `SETTINGS`.

        Raises ValueError naming the variable when a number does not parse.
        """
        env = dict(os.environ) if env is None else env
        values = {name: env.get(var, default) for name, (var, default, _help) in SETTINGS.items()}

        def number(name: str, kind: type[int] | type[float]) -> int | float:
            try:
                value = kind(values[name])
            except ValueError:
                raise ValueError(f"{SETTINGS[name][0]}={values[name]!r} is not a number; {SETTINGS[name][2]}") from None
            if value < 0:
                raise ValueError(f"{SETTINGS[name][0]}={values[name]!r} is negative; {SETTINGS[name][2]}")
            return value

        return cls(
            store=Path(values["store"]),
            base=values["base"] or None,
            write_token=values["write_token"] or None,
            query_timeout=float(number("query_timeout", float)),
            row_limit=int(number("row_limit", int)),
            query_workers=max(1, int(number("query_workers", int))),
            endpoint=values["endpoint"] or None,
            max_url=int(number("max_url", int)),
            max_body=int(number("max_body", int)),
            allow_load=tuple(values["allow_load"].split()),
        )
