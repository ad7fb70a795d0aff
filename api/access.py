"""Who may do what: API keys with roles, public or keyed reads, signed embed links, rate limits.

* reads (``/api/*`` GET, views, exports, ``/docs``): open when
  ``REGIOGRAPH_READ_ACCESS=public``; with ``key`` they need a key with the
  ``read`` role or a valid signed embed link (views and their exports only);
* writes (``POST /api/records``, ``/api/texts``) need ``write``; deletions and key
  management need ``admin``; ``POST /api/cypher`` needs ``read`` even when reads are public;
* keys come in ``X-API-Key`` or ``Authorization: Bearer``; ``REGIOGRAPH_API_KEY``
  is accepted as a ``write`` key;
* per client address: at most ``REGIOGRAPH_WRITE_RATE`` writes and
  ``REGIOGRAPH_AUTH_FAILURE_RATE`` failed authentications a minute, then 429
  with ``Retry-After``.

Keys are never logged; a failed authentication is logged with the client address only.
"""

from __future__ import annotations

import hmac
import logging
from typing import Callable

from fastapi import Request

from regiograph import embed
from regiograph.keys import KeyStore, Principal, role_allows
from regiograph.settings import Settings

from .errors import ApiError
from .ratelimit import RateLimiter

log = logging.getLogger("regiograph.access")

ENV_KEY = Principal("env", "REGIOGRAPH_API_KEY", "write")
OPEN_PATHS = ("/static/",)  # view scripts and styles: no data
AUTH_RESPONSES = {
    401: {"description": "missing or wrong key (send it in X-API-Key or Authorization: Bearer)"},
    403: {"description": "the key's role does not allow this, or a signed link does not match"},
    429: {"description": "too many requests or failed authentications from this client; see Retry-After"},
}


class Access:
    """The access state of one app: the keys file, the rate limiters and the embed secret."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.keys = KeyStore(settings.data_dir)
        self.writes = RateLimiter(settings.write_rate)
        self.failures = RateLimiter(settings.auth_failure_rate)
        self._secret: bytes | None = None

    def embed_secret(self) -> bytes:
        if self._secret is None:
            self._secret = embed.load_secret(self.settings)
        return self._secret

    def principal(self, request: Request) -> Principal | None:
        """The key's principal; None without a key; 401 for a wrong key, 429 after too many wrong ones."""
        key = _presented_key(request)
        if key is None:
            return None
        client = client_of(request)
        wait = self.failures.retry_after(client)
        if wait:
            raise _too_many("failed authentications", wait)
        found = None
        if self.settings.api_key and hmac.compare_digest(key.encode("utf-8", "surrogatepass"),
                                                         self.settings.api_key.encode("utf-8", "surrogatepass")):
            found = ENV_KEY
        else:
            found = self.keys.verify(key)
        if found is None:
            self.failures.hit(client)
            log.warning("failed authentication from %s on %s %s", client, request.method, request.url.path)
            raise ApiError(401, "unauthorized", "wrong, revoked or unknown key; send a valid key in X-API-Key")
        request.state.principal = found
        return found

    def any_write_key(self) -> bool:
        return bool(self.settings.api_key) or any(not e.revoked and role_allows(e.role, "write") for e in self.keys.entries())


def get_access(request: Request) -> Access:
    return request.app.state.access


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _presented_key(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    if not key:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            key = auth[7:].strip()
    return key or None


def _too_many(what: str, wait: int) -> ApiError:
    return ApiError(429, "too_many_requests", f"too many {what} from this client; try again in {wait} s",
                    headers={"Retry-After": str(wait)})


def require_read(request: Request) -> None:
    """Reads: public, a read key, or (views and exports) a valid signed embed link."""
    access = get_access(request)
    if request.url.path.startswith(OPEN_PATHS):
        return
    params = list(request.query_params.multi_items())
    if any(k == "sig" for k, _ in params):
        reason = embed.verify(request.url.path, params, access.embed_secret())
        if reason:
            raise ApiError(403, "forbidden", f"signed link refused: {reason}")
        return
    p = access.principal(request)
    if p is None and access.settings.read_access == "key":
        raise ApiError(401, "unauthorized", "reads need a key (REGIOGRAPH_READ_ACCESS=key); send it in X-API-Key, "
                       "or use a signed embed link for a view")


def require(role: str) -> Callable[[Request], None]:
    """A dependency that needs a key of ``role`` (or higher); write and admin requests are rate-limited."""

    def dependency(request: Request) -> None:
        access = get_access(request)
        p = access.principal(request)
        if p is None:
            if role != "read" and not access.any_write_key():
                raise ApiError(403, "forbidden", "writing over HTTP is switched off: create a key with "
                               "'regiograph keys create --role write --name NAME' (or set REGIOGRAPH_API_KEY)")
            raise ApiError(401, "unauthorized", f"this needs a key with the '{role}' role; send it in X-API-Key")
        if not role_allows(p.role, role):
            raise ApiError(403, "forbidden", f"the key '{p.name}' has the role '{p.role}'; this needs '{role}'")
        if role != "read":
            wait = access.writes.hit(client_of(request))
            if wait:
                raise _too_many("write requests", wait)

    dependency.__name__ = f"require_{role}"
    return dependency


require_write = require("write")
require_admin = require("admin")
require_read_key = require("read")
