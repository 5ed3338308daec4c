"""What the HTTP routers share: the service every handler works with, and how a handler refuses.

The routers (`api.sparql`, `api.rest`, `api.views`) and the application (`api.app`) import these from
here, so the application can import its routers at the top.
"""

from __future__ import annotations

import functools
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from fastapi import Request

from api.limits import Overrun, WorkLimit
from api.runner import QueryRunner, RemoteRunner
from api.serving import changed_since
from api.settings import Settings
from api.snapshots import Snapshots
from graph.store import GraphStore

STATIC = Path(__file__).resolve().parent / "static"
T = TypeVar("T")


class ApiError(Exception):
    """An answer other than success: status, what was wrong and what to do, and candidates if ambiguous."""

    def __init__(self, status: int, detail: str, candidates: list | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.candidates = candidates or []
        self.headers = headers


@dataclass(frozen=True)
class Service:
    """What every request handler needs: settings, the store, the query workers, the write lock."""

    settings: Settings
    store: GraphStore
    runner: QueryRunner | RemoteRunner
    snapshots: Snapshots | None
    work: WorkLimit
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    opened: float = field(default_factory=time.time)
    # Answers that depend only on the store's state (the counts of /stats), until the next write.
    answers: dict[str, object] = field(default_factory=dict)

    @property
    def stale(self) -> bool:
        """Whether a read-only server's store was written by another process after the server opened it
        (its answers are of the store as it was then)."""
        location = self.store.location
        return not self.writable and location is not None and changed_since(location, self.opened)

    @property
    def writable(self) -> bool:
        """Whether this server accepts writes (it was given a write token)."""
        return self.settings.write_token is not None

    def written(self) -> None:
        """After a write: let the query workers see it (call with the write lock held)."""
        self.answers.clear()
        if self.snapshots is not None:
            self.runner.publish(self.snapshots.take())

    def authorise(self, request: Request) -> None:
        """Refuse a write unless the request carries the server's write token."""
        if self.settings.write_token is None:
            raise ApiError(403, "this server is read-only; start it with --write-token (or $LEXGRAPH_WRITE_TOKEN) "
                                "to accept writes")
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise ApiError(401, "a write needs the header 'Authorization: Bearer <write token>'",
                           headers={"WWW-Authenticate": 'Bearer realm="lexgraph"'})
        if not secrets.compare_digest(token.strip().encode(), self.settings.write_token.encode()):
            raise ApiError(403, "the write token is wrong")


def bounded(handler: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    """A REST handler whose work (graph queries) runs off the event loop, within the service's `WorkLimit`:
    503 with Retry-After when it cannot start or finish in time. The handler takes the service as `svc`."""

    @functools.wraps(handler)
    async def run(*args, **kwargs) -> T:
        try:
            return await kwargs["svc"].work.run(functools.partial(handler, *args, **kwargs))
        except Overrun as exc:
            raise ApiError(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None

    return run


async def service(request: Request) -> Service:
    """The service of the app handling `request` (a FastAPI dependency; async, so FastAPI calls it in the
    event loop rather than sending it to a thread, which cost a cheap query most of its time)."""
    return request.app.state.service


def version() -> str:
    """The installed lexgraph version."""
    try:
        return metadata.version("lexgraph")
    except metadata.PackageNotFoundError:
        return "0"
