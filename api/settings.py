"""One settings object for every way in (CLI now, HTTP later): defaults, environment, help text."""

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
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the store is and which base IRI new stores mint under."""

    store: Path
    base: str | None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Settings from the environment, falling back to the defaults in `SETTINGS`."""
        env = dict(os.environ) if env is None else env
        values = {name: env.get(var, default) for name, (var, default, _help) in SETTINGS.items()}
        return cls(store=Path(values["store"]), base=values["base"] or None)
