"""One JSON error shape for every error the API returns:

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}
"""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import RegiographError

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 415: "unsupported_media_type", 422: "validation_error", 429: "too_many_requests",
          501: "not_implemented", 503: "unavailable"}


RETRY_AFTER = 5  # seconds a client should wait after a 503 (the store is down or busy)


def error_body(status: int, code: str, message: str, details: list | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "details": details or []}}


class _SafeJSON(JSONResponse):
    """Error bodies as ASCII JSON: a message that quotes hostile input (lone surrogates) still renders."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":"), default=str).encode("ascii")


def error_response(status: int, code: str, message: str, details: list | None = None, headers=None) -> JSONResponse:
    return _SafeJSON(error_body(status, code, message, details), status_code=status, headers=headers)


class ApiError(Exception):
    """Raised by routes for errors that are not library errors (auth, size)."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or []
        self.headers = headers


def install(app: FastAPI) -> None:
    @app.exception_handler(RegiographError)
    async def _lib(request: Request, exc: RegiographError):
        headers = {"Retry-After": str(RETRY_AFTER)} if exc.http_status == 503 else None
        return error_response(exc.http_status, exc.code, exc.message, exc.details, headers=headers)

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.details, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        details = []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ())]
            details.append({"field": ".".join(loc[1:]) or ".".join(loc), "message": e.get("msg", "")})
        first = details[0] if details else {"field": "", "message": "invalid request"}
        return error_response(422, "validation_error", f"field '{first['field']}': {first['message']}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route for {request.method} {request.url.path}; see /docs for the API"
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return error_response(500, "internal_error", f"unexpected error ({type(exc).__name__}); see the server log")
