"""A store and the server that holds it open: the server leaves a note beside the store while it runs, and
a writer that finds it refuses, rather than write under a reader that would not see it.

A server with a write token holds the store read-write, and RocksDB's lock already keeps a second writer
out; a read-only server takes no lock, so without the note `lexgraph ingest` would write to a store that
the server goes on answering from as it was. The note names the server's process and URL; a note whose
process is gone (a killed server) is ignored. A read-only server also says in /health when the store's
files changed after it opened them (`stale`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Serving:
    """The server holding a store open: its process and URL."""

    pid: int
    url: str


def note_of(store: Path) -> Path:
    """Where the note of a server holding `store` is: beside it, not in RocksDB's own directory."""
    return store.parent / f".{store.name}.served"


def announce(store: Path, url: str) -> None:
    """Leave the note that this process serves `store` at `url`."""
    note_of(store).write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")


def withdraw(store: Path) -> None:
    """Take this process's note away (another process's is left alone)."""
    found = served_by(store)
    if found is not None and found.pid == os.getpid():
        note_of(store).unlink(missing_ok=True)


def served_by(store: Path) -> Serving | None:
    """The running server holding `store` open, if any."""
    try:
        data = json.loads(note_of(store).read_text(encoding="utf-8"))
        pid, url = int(data["pid"]), str(data["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # the server is gone without taking its note
    except PermissionError:
        pass  # another user's process: it runs
    return Serving(pid, url)


def changed_since(store: Path, opened: float) -> bool:
    """Whether RocksDB's files in `store` were written after `opened` (a time.time()): a writer changed it."""
    try:
        return any(f.stat().st_mtime > opened for f in store.iterdir()
                   if f.suffix in (".sst", ".log") or f.name.startswith(("MANIFEST-", "CURRENT")))
    except OSError:
        return False
