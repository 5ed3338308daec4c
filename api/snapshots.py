"""Read-only copies of a store the server writes to, for the query workers.

Opening an Oxigraph store read-only while another process writes it is undefined behaviour, so a
writable server never lets its workers open the live store. After every write it takes a snapshot
(a RocksDB checkpoint: hard links, milliseconds) and the workers move to it at their next query.
A superseded snapshot is removed once no query can still be running on it.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from graph.store import GraphStore


class Snapshots:
    """The snapshots of one store, in a directory beside it that is removed on close."""

    def __init__(self, store: GraphStore, keep_seconds: float) -> None:
        if store.location is None:
            raise ValueError("snapshots need an on-disk store")
        self.store = store
        self.keep_seconds = keep_seconds
        prefix = f".{store.location.name}-snapshots-"
        # A server that died left its snapshots behind; the store's lock says no other server runs now.
        for stale in store.location.parent.glob(prefix + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.root = Path(tempfile.mkdtemp(prefix=prefix, dir=store.location.parent))
        self.count = 0
        self.current: Path | None = None
        self.superseded: list[tuple[float, Path]] = []

    def take(self) -> Path:
        """A new snapshot of the store as it is now; older ones go once no query can be using them."""
        self.count += 1
        path = self.root / f"{self.count:06d}"
        self.store.backup(path)
        now = time.monotonic()
        if self.current is not None:
            self.superseded.append((now, self.current))
        self.current = path
        expired = [p for t, p in self.superseded if now - t > self.keep_seconds]
        self.superseded = [(t, p) for t, p in self.superseded if now - t <= self.keep_seconds]
        for old in expired:
            shutil.rmtree(old, ignore_errors=True)
        return path

    def close(self) -> None:
        """Remove every snapshot."""
        shutil.rmtree(self.root, ignore_errors=True)
