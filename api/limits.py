"""What every request is held to before a handler sees it, the access log, and the bound on REST work.

An ASGI middleware: a URL longer than `max_url` bytes is answered 414, a body over `max_body` bytes 413
(by its Content-Length, or while it is read when it has none). Every request is logged on the
`lexgraph.access` logger, one line: status, method, path, seconds, and the answer's rows (SPARQL) or
bytes, or for a failure the reason the answer gives (a stopped query says why). Answers of 400 or more and
requests slower than `slow` seconds are warnings; the others are info (`lexgraph serve --quiet` hides them).
`LongUrlHttpTools` answers a URL too long for the HTTP parser itself (80 KB) with the same 414.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, TypeVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("lexgraph.access")
T = TypeVar("T")


class BodyTooLarge(Exception):
    """A request body that went past the limit while it was read."""


class RequestLimits:
    """Refuse oversized URLs and bodies; log failures and slow requests."""

    def __init__(self, app: ASGIApp, max_url: int = 8192, max_body: int = 16 * 1024 * 1024, slow: float = 1.0):
        self.app = app
        self.max_url = max_url
        self.max_body = max_body
        self.slow = slow

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status: dict[str, Any] = {"code": 0, "size": "", "body": b""}
        url = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if url > self.max_url:
            detail = f"the URL is {url} bytes; at most {self.max_url}: POST the query instead"
            await _refuse(send, 414, detail)
            status.update(code=414, body=json.dumps({"detail": detail}).encode())
        elif declared is not None and declared.isdigit() and int(declared) > self.max_body:
            detail = f"the body is {int(declared)} bytes; at most {self.max_body}"
            await _refuse(send, 413, detail)
            status.update(code=413, body=json.dumps({"detail": detail}).encode())
        else:
            await self._forward(scope, receive, send, status)
        elapsed = time.monotonic() - started
        code = status["code"]
        level = logging.WARNING if code >= 400 or elapsed > self.slow else logging.INFO
        if log.isEnabledFor(level):
            log.log(level, "%s %s %s %.2fs %s", code, scope.get("method"), scope.get("path"), elapsed,
                    _reason(status["body"]) if code >= 400 else status["size"])

    async def _forward(self, scope: Scope, receive: Receive, send: Send, status: dict[str, Any]) -> None:
        read = {"bytes": 0}

        async def counted() -> Message:
            message = await receive()
            read["bytes"] += len(message.get("body", b""))
            if read["bytes"] > self.max_body:
                raise BodyTooLarge
            return message

        async def noted(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                headers = dict(message.get("headers") or [])
                rows, length = headers.get(b"x-lexgraph-rows"), headers.get(b"content-length")
                status["size"] = (f"rows={rows.decode()}" if rows is not None
                                  else f"bytes={length.decode()}" if length is not None else "")
            elif message["type"] == "http.response.body" and status["code"] >= 400 and len(status["body"]) < 2000:
                status["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, counted, noted)
        except BodyTooLarge:
            if status["code"] == 0:
                await _refuse(send, 413, f"the body is over {self.max_body} bytes")
                status["code"] = 413


def _reason(body: bytes) -> str:
    """Why a request failed, quoted on one line: the `detail` of a JSON problem, or a plain-text answer
    (what the SPARQL endpoint gives)."""
    text = body.decode("utf-8", "replace")
    try:
        detail = json.loads(text)
        text = str(detail.get("detail", "")) if isinstance(detail, dict) else ""
    except ValueError:
        pass
    return json.dumps(" ".join(text.split())[:300], ensure_ascii=False) if text.strip() else ""


async def _refuse(send: Send, code: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Overrun(Exception):
    """REST work that could not start, or finish, within the time limit; the message says which."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class WorkLimit:
    """What the REST handlers may take: their graph work runs in threads, at most `size` at once, and is
    answered within `seconds` of arrival (queue time included), else `Overrun`.

    A thread cannot be stopped in the middle of an Oxigraph query: past the limit the client is answered
    503 and the thread runs on to its end, holding its place, so that such work never piles up beyond `size`.
    """

    def __init__(self, size: int, seconds: float | None) -> None:
        self.size = size
        self.seconds = seconds or None
        self._slots: asyncio.Semaphore | None = None

    async def run(self, work: Callable[[], T]) -> T:
        """The result of `work`, run in a thread within the limits."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        slots, arrival = self._slots, time.monotonic()
        try:
            await asyncio.wait_for(slots.acquire(), self.seconds)
        except TimeoutError:
            raise Overrun(f"the server is busy: the request could not start within the {self.seconds:g} s limit; "
                          "try again shortly", retry_after=2) from None
        task = asyncio.ensure_future(asyncio.to_thread(work))
        task.add_done_callback(lambda _: slots.release())
        left = None if self.seconds is None else max(0.01, self.seconds - (time.monotonic() - arrival))
        try:
            return await asyncio.wait_for(asyncio.shield(task), left)
        except TimeoutError:
            raise Overrun(f"the request ran longer than the {self.seconds:g} s limit; narrow it (a page, a year, "
                          "more words) and try again", retry_after=5) from None


class LongUrlHttpTools(HttpToolsProtocol):
    """uvicorn's protocol on httptools, the C parser that halves what a small request costs. It refuses a
    request head over 80 KB with a bare 400 "Invalid HTTP request received." before the application sees it;
    when the URL is what ran over, this answers 414 and says what to do, as `RequestLimits` does."""

    def send_400_response(self, msg: str) -> None:
        if len(self.url) < _PARSER_URL_LIMIT:
            super().send_400_response(msg)
            return
        body = json.dumps({"detail": f"the URL is over {len(self.url)} bytes: POST the query instead"}).encode()
        log.warning("414 (the URL is over %d bytes)", len(self.url))
        self.transport.write(b"HTTP/1.1 414 URI Too Long\r\ncontent-type: application/json\r\ncontent-length: "
                             + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body)
        self.transport.close()


# About where httptools stops reading a request head; a URL this long when it stops is what ran over.
_PARSER_URL_LIMIT = 60_000
