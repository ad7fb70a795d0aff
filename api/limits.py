"""ASGI middleware that refuses request bodies above a size limit with the JSON error shape."""

from __future__ import annotations

import json


class BodyLimit:
    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def _reject(self, send) -> None:
        body = json.dumps(
            {"error": {"status": 413, "code": "too_large",
                       "message": f"request body is larger than {self.max_bytes} bytes (REGIOGRAPH_MAX_BODY_BYTES); send smaller batches",
                       "details": []}}
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    if int(value) > self.max_bytes:
                        return await self._reject(send)
                except ValueError:
                    return await self._reject(send)
        return await self.app(scope, receive, send)


async def read_limited(request, max_bytes: int) -> bytes:
    """Read a request body (also chunked ones) but stop at ``max_bytes``."""
    from .errors import ApiError

    chunks, seen = [], 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > max_bytes:
            raise ApiError(413, "too_large", f"request body is larger than {max_bytes} bytes (REGIOGRAPH_MAX_BODY_BYTES); send smaller batches")
        chunks.append(chunk)
    return b"".join(chunks)
