"""What every request is held to before a handler sees it, and the access log of what went wrong.

An ASGI middleware: a URL longer than `max_url` bytes is answered 414, a body over `max_body` bytes 413
(by its Content-Length, or while it is read when it has none); every answer of 400 or more, and every
request slower than `slow` seconds, is logged on the `lexgraph.access` logger with its status and time.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("lexgraph.access")


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
        status = {"code": 0}
        url = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if url > self.max_url:
            await _refuse(send, 414, f"the URL is {url} bytes; at most {self.max_url}: POST the query instead")
            status["code"] = 414
        elif declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _refuse(send, 413, f"the body is {int(declared)} bytes; at most {self.max_body}")
            status["code"] = 413
        else:
            await self._forward(scope, receive, send, status)
        elapsed = time.monotonic() - started
        if status["code"] >= 400 or elapsed > self.slow:
            log.warning("%s %s %s %.2fs", status["code"], scope.get("method"), scope.get("path"), elapsed)

    async def _forward(self, scope: Scope, receive: Receive, send: Send, status: dict[str, int]) -> None:
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
            await send(message)

        try:
            await self.app(scope, counted, noted)
        except BodyTooLarge:
            if status["code"] == 0:
                await _refuse(send, 413, f"the body is over {self.max_body} bytes")
                status["code"] = 413


async def _refuse(send: Send, code: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
