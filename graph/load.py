"""Ingest files into the store: extract, map and write each one in its own transaction.

A file that cannot be read, or whose record cannot be mapped or written, is reported and skipped; the
store keeps what it held for that file and the run goes on. A file whose bytes and extractor are
unchanged since it was last ingested is not touched, so re-ingesting a corpus leaves the graph as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from rdflib import URIRef

from graph.mapping import map_record
from graph.store import GraphStore
from ingest import InputError, extract_text, iter_sources
from ingest.readers import read_text

Status = Literal["ingested", "unchanged", "failed"]
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one file."""

    source_id: str
    path: Path
    status: Status
    message: str = ""
    document: URIRef | None = None


def extractor_version() -> str:
    """The package version and a digest of the extraction and mapping code.

    Recorded with every source so that a file extracted by other code is ingested again.
    """
    try:
        version = metadata.version("lexgraph")
    except metadata.PackageNotFoundError:
        version = "0"
    digest = hashlib.sha256()
    for module in sorted([*(_PACKAGE_ROOT / "ingest").glob("*.py"), _PACKAGE_ROOT / "graph" / "mapping.py",
                          _PACKAGE_ROOT / "graph" / "identity.py"]):
        digest.update(module.read_bytes())
    return f"{version}+{digest.hexdigest()[:12]}"


def source_ids(paths: list[Path]) -> list[tuple[Path, str]]:
    """Each file to ingest with its source id: its path relative to the folder given, or its name."""
    out: list[tuple[Path, str]] = []
    for path in paths:
        root = path if path.is_dir() else path.parent
        out.extend((f, f.relative_to(root).as_posix()) for f in iter_sources([path]))
    return out


def ingest_paths(
    store: GraphStore,
    paths: list[Path],
    force: bool = False,
    on_file: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Ingest every file under `paths`; `on_file` hears about each as it is done."""
    version = extractor_version()
    outcomes: list[Outcome] = []
    seen: dict[str, Path] = {}
    for path, source_id in source_ids(paths):
        outcome = _ingest_one(store, path, source_id, version, force, seen)
        outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)
    if any(o.status == "ingested" for o in outcomes):
        store.reconcile()
    store.close()
    return outcomes


def _ingest_one(
    store: GraphStore, path: Path, source_id: str, version: str, force: bool, seen: dict[str, Path]
) -> Outcome:
    if source_id in seen:
        return Outcome(source_id, path, "failed",
                       f"{path}: same source id {source_id!r} as {seen[source_id]}; ingest their folders instead")
    seen[source_id] = path
    try:
        text, digest = read_text(path)
    except InputError as exc:
        return Outcome(source_id, path, "failed", str(exc))
    return ingest_text(store, text, digest, source_id, path, version, force)


def ingest_text(
    store: GraphStore, text: str, digest: str, source_id: str, path: Path, version: str, force: bool = False
) -> Outcome:
    """Extract, map and write one document's text as source `source_id` (without reconciling)."""
    if not force and store.source_state(source_id) == (digest, version):
        return Outcome(source_id, path, "unchanged")
    try:
        record = extract_text(text, source=path.name, path=str(path), sha256=digest)
    except Exception as exc:  # a bug in one file's extraction must not lose the others
        return Outcome(source_id, path, "failed",
                       f"{path}: internal error in extraction ({type(exc).__name__}: {exc}); report it")
    try:
        mapped = map_record(record, source_id, store.iris, store.years_of, version)
        store.write(mapped)
    except Exception as exc:  # the write is one transaction: the store still holds the old version
        return Outcome(source_id, path, "failed",
                       f"{path}: could not be stored ({type(exc).__name__}: {exc}); the store keeps its previous "
                       "version of this file")
    return Outcome(source_id, path, "ingested", document=mapped.document)
