"""A hard cap on request bodies, enforced before any handler reads them.

A ``Content-Length`` over the cap is refused at once; a chunked body is counted as it
arrives and refused when it passes the cap. The cap is ``max_upload_bytes`` plus room for
multipart framing and form fields, so a file just under the limit still gets in and the
handler's own size check (which names the file) answers for a file just over it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_body

FRAMING_BYTES = 1_048_576


class BodyTooLargeError(ApiError):
    """The request body is over the cap (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "too-large",
            f"The upload is over the {limit // 1_048_576} MB limit. Send a smaller file, or "
            "paste the text instead.",
            {"limit": limit},
        )


class BodyLimit:
    """ASGI middleware: 413 for a body over ``limit`` (+ framing) bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.cap = limit + FRAMING_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length, then count what actually arrives."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.cap:
            await self._refuse(scope, send)
            return
        seen = 0
        exceeded = started = False

        async def counted() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.cap:
                    exceeded = True
                    raise BodyTooLargeError(self.limit)
            return message

        async def guarded(message: Message) -> None:
            # Whatever the app makes of the cut-off body (a 400 from a form parser, an
            # error page), the answer is our 413, unless it had already begun to answer.
            nonlocal started
            if exceeded and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not exceeded or started:
                raise
        if exceeded and not started:
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        import json

        error = BodyTooLargeError(self.limit)
        body = json.dumps(error_body(error.code, error.message, error.details)).encode()
        api = str(scope.get("path", "")).startswith("/api/")
        if not api:
            body = (
                "<!doctype html><html lang=en><title>Too large · aicareers</title><main>"
                f"<h1>That file is too large</h1><p>{error.message}</p>"
                "<p>Go back and choose a smaller file, or "
                '<a href="/">start again</a>.</p></main></html>'
            ).encode()
        kind = b"application/json" if api else b"text/html; charset=utf-8"
        headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close")]  # fmt: skip
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
