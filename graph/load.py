"""Ingest files into the store: extract, map and write each one in its own transaction.

A file that cannot be read, or whose record cannot be mapped or written, is reported and skipped; the
store keeps what it held for that file and the run goes on. A file whose bytes and extractor are
unchanged since it was last ingested is not touched, so re-ingesting a corpus leaves the graph as it was.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Literal

from rdflib import URIRef

from graph.mapping import map_record
from graph.store import BulkWriter, GraphStore, SourceState
from ingest import InputError, extract_text
from ingest.readers import read_text, source_ids
from ingest.records import Record

Status = Literal["ingested", "unchanged", "failed", "removed"]
# From this many files to ingest, named graphs are written first and the default graph derived once.
BULK_FROM = 50
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


def ingest_paths(
    store: GraphStore,
    paths: list[Path],
    force: bool = False,
    on_file: Callable[[Outcome], None] | None = None,
    workers: int = 1,
    bulk: bool | None = None,
    prune: bool = False,
) -> list[Outcome]:
    """Ingest every file under `paths`; `on_file` hears about each as it is done.

    `workers` > 1 extracts in that many processes while this one writes. `bulk` writes every named
    graph first and derives the default graph once at the end (default: from `BULK_FROM` files on),
    instead of one transaction per file that re-derives what it touches. `prune` removes the sources
    recorded under a folder of `paths` whose files are gone.
    """
    version = extractor_version()
    recover(store)
    sources = Sources.of(store)
    outcomes: list[Outcome] = []
    todo: list[tuple[Path, str]] = []
    for path, candidate in source_ids(paths):
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            early: Outcome | None = Outcome(candidate, path, "failed",
                                            f"{path}: cannot be read ({exc.strerror}); check the path")
        else:
            source_id, early = sources.place(candidate, path, digest, version, force)
            if early is None:
                todo.append((path, source_id))
        if early is not None:
            outcomes.append(early)
            if on_file is not None:
                on_file(early)
    use_bulk = len(todo) >= BULK_FROM if bulk is None else bulk
    outcomes += _write(store, _extracted(todo, workers), use_bulk and bool(todo), version, on_file)
    if prune:
        outcomes += remove_gone(store, [p for p in paths if p.is_dir()], on_file)
    return outcomes


def ingest_jsonl(
    store: GraphStore,
    files: list[Path],
    force: bool = False,
    on_file: Callable[[Outcome], None] | None = None,
    bulk: bool = True,
) -> list[Outcome]:
    """Ingest the records of JSON Lines files, as `lexgraph extract` writes them (or any job running
    the same extraction elsewhere: `ingest.bag` on a Dask cluster). A record is placed among the store's
    sources as its file would be (`Sources.place`); a line {"error": ..., "path": ...} is a file the job
    could not read."""
    version = extractor_version()
    recover(store)
    sources = Sources.of(store)
    early: list[Outcome] = []

    def items() -> Iterator[tuple]:
        for jsonl in files:
            yield from lines_of(jsonl)

    def lines_of(jsonl: Path) -> Iterator[tuple]:
        with jsonl.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                where = Path(f"{jsonl}:{number}")
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    if "error" in data:
                        yield Path(data.get("path", str(where))), data.get("id", str(where)), None, data["error"]
                        continue
                    record = Record.from_json(data)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    yield where, str(where), None, (f"{where}: not an extraction record ({type(exc).__name__}: "
                                                    f"{exc}); write it with `lexgraph extract`")
                    continue
                path = Path(record.path or record.source).resolve()
                record = replace(record, path=str(path))
                source_id, outcome = sources.place(record.source_id or path.name, path, record.sha256, version,
                                                   force)
                if outcome is not None:
                    early.append(outcome)
                    if on_file is not None:
                        on_file(outcome)
                    continue
                yield path, source_id, record, ""

    written = _write(store, items(), bulk, version, on_file)
    return early + written


@dataclass(slots=True)
class Sources:
    """The store's sources, as one ingest run places files among them.

    A source is one file's bytes: the same bytes under another path (the folder typed differently, a
    moved or renamed file, a second copy) are the source already there and unchanged; new bytes at a
    path already recorded are that source edited; a new file takes its path relative to the folder
    named, and when that id belongs to another file (two "plan.txt" in two folders) one made unique by
    its digest.
    """

    by_id: dict[str, SourceState]
    by_digest: dict[str, str]
    by_path: dict[str, str]
    placed: set[str]  # the ids this run has already placed a file under

    @classmethod
    def of(cls, store: GraphStore) -> Sources:
        """The sources `store` holds."""
        known = store.sources()
        return cls(known, {s.sha256: i for i, s in known.items()}, {s.path: i for i, s in known.items() if s.path},
                   set())

    def place(self, candidate: str, path: Path, digest: str, version: str, force: bool
              ) -> tuple[str, Outcome | None]:
        """The id `path` is stored under, and its outcome when it needs no extraction."""
        where = str(path.resolve())
        if digest in self.by_digest:
            source_id = self.by_digest[digest]
            if source_id in self.placed or (self.by_id[source_id].extractor == version and not force):
                return source_id, Outcome(source_id, path, "unchanged")
        elif where in self.by_path:
            source_id = self.by_path[where]
        else:
            source_id = candidate
            if source_id in self.by_id:
                stem, dot, suffix = candidate.rpartition(".")
                source_id = f"{stem}~{digest[:8]}.{suffix}" if dot else f"{candidate}~{digest[:8]}"
        # Later files of this run see this one: a second copy of the same bytes is unchanged.
        self.by_id[source_id] = SourceState(digest, version, where)
        self.by_digest[digest] = source_id
        self.by_path[where] = source_id
        self.placed.add(source_id)
        return source_id, None


def recover(store: GraphStore) -> None:
    """Finish an ingest that was stopped before the default graph was derived: the store then equals
    what a clean run of the same files gives."""
    if store.derivation_pending():
        store.derive_all()
        store.reconcile()
        store.clear_pending()


def remove_sources(store: GraphStore, names: list[str], on_file: Callable[[Outcome], None] | None = None
                   ) -> list[Outcome]:
    """Forget sources named by id, by file path or by a folder (every source recorded under it)."""
    known = store.sources()
    outcomes = []
    for name in names:
        where = str(Path(name).resolve())
        matched = [i for i, s in known.items()
                   if i == name or s.path == where or (s.path or "").startswith(where.rstrip("/") + "/")]
        if not matched:
            outcomes.append(Outcome(name, Path(name), "failed", f"{name}: no such source in the store; "
                                    "`lexgraph query 'SELECT ?f WHERE { ?s lex:fileName ?f }'` lists them"))
        for source_id in matched:
            store.remove(source_id)
            known.pop(source_id)
            outcomes.append(Outcome(source_id, Path(name), "removed"))
    for outcome in outcomes:
        if on_file is not None:
            on_file(outcome)
    if any(o.status == "removed" for o in outcomes):
        store.reconcile()
    return outcomes


def remove_gone(store: GraphStore, folders: list[Path], on_file: Callable[[Outcome], None] | None = None
                ) -> list[Outcome]:
    """Forget the sources recorded under `folders` whose files no longer exist."""
    roots = [str(f.resolve()).rstrip("/") + "/" for f in folders]
    gone = [i for i, s in store.sources().items()
            if s.path and any(s.path.startswith(r) for r in roots) and not Path(s.path).exists()]
    return remove_sources(store, gone, on_file) if gone else []


def _write(store: GraphStore, items: Iterator[tuple], bulk: bool, version: str,
           on_file: Callable[[Outcome], None] | None) -> list[Outcome]:
    """Map and store each (path, source id, record or None, message); then derive, reconcile and flush.

    The store is marked pending until the end: a run stopped anywhere is finished by the next (`recover`)."""
    outcomes: list[Outcome] = []
    writer = None
    marked = False
    for path, source_id, record, message in items:
        if record is None:
            outcome = Outcome(source_id, path, "failed", message)
        else:
            if not marked:
                store.mark_pending()
                marked = True
            if bulk and writer is None:
                writer = store.bulk()
            outcome = _store_record(store, writer, record, source_id, path, version)
        outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)
    if writer is not None:
        writer.finish()  # reconciles too
    elif any(o.status == "ingested" for o in outcomes):
        store.reconcile()
    store.clear_pending()
    store.flush()
    return outcomes


def _extracted(todo: list[tuple[Path, str]], workers: int, chunk: int = 8, window: int = 16) -> Iterator[tuple]:
    """(path, source id, record or None, message) for each file, in order.

    Files go to the workers `chunk` at a time, at most `window` chunks per worker in flight: when
    extraction outruns the writer, records would otherwise pile up in memory for the whole corpus.
    """
    if workers <= 1 or len(todo) < 2 * workers:
        yield from map(_extract, todo)
        return
    chunks = (todo[k:k + chunk] for k in range(0, len(todo), chunk))
    # spawn: the parent holds an open RocksDB store, whose threads a fork would copy half-way.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pending = deque(pool.apply_async(_extract_all, (c,)) for c in islice(chunks, window * workers))
        while pending:
            results = pending.popleft().get()
            pending.extend(pool.apply_async(_extract_all, (c,)) for c in islice(chunks, 1))
            yield from results


def _extract_all(items: list[tuple[Path, str]]) -> list[tuple]:
    return [_extract(item) for item in items]


def _extract(item: tuple[Path, str]) -> tuple:
    path, source_id = item
    try:
        text, digest = read_text(path)
        record = extract_text(text, source=path.name, path=str(path.resolve()), sha256=digest, source_id=source_id)
        return path, source_id, record, ""
    except InputError as exc:
        return path, source_id, None, str(exc)
    except Exception as exc:  # a bug in one file's extraction must not lose the others
        return path, source_id, None, f"{path}: internal error in extraction ({type(exc).__name__}: {exc}); report it"


def _store_record(store: GraphStore, writer: BulkWriter | None, record: Record, source_id: str, path: Path,
                  version: str) -> Outcome:
    try:
        mapped = map_record(record, source_id, store.iris, version)
        if writer is None:
            store.write(mapped)
        else:
            writer.add(mapped)
    except Exception as exc:  # the write is one transaction: the store still holds the old version
        return Outcome(source_id, path, "failed",
                       f"{path}: could not be stored ({type(exc).__name__}: {exc}); the store keeps its previous "
                       "version of this file")
    return Outcome(source_id, path, "ingested", document=URIRef(mapped.document.value))


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
    return _store_record(store, None, record, source_id, path, version)
