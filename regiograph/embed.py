"""Signed embed links: an HMAC over one view's defining parameters and an expiry.

A link ``/view/entity/org:wfs?depth=2&exp=1767225600&sig=...`` opens that view
(and its exports, ``/view/export?view=entity&id=org:wfs&depth=2&format=svg&exp=...&sig=...``)
while reads are otherwise closed. The signature covers the view kind and every
query parameter except ``sig``, ``exp`` (signed separately), ``lang`` and
``format`` (presentation), so changing any defining parameter breaks it.

The secret is ``REGIOGRAPH_EMBED_SECRET`` or, when that is empty, a random one
generated once in the data folder (``embed.secret``, mode 0600). Rotating the
secret (deleting the file) revokes every link issued so far.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from graph.errors import ValidationError

SECRET_FILE = "embed.secret"
UNSIGNED = frozenset({"sig", "exp", "lang", "format"})
VIEW_KINDS = ("entity", "path", "subgraph")
_DURATION = re.compile(r"^\s*(\d{1,6})\s*([smhdw]?)\s*$")
_UNITS = {"": 86400, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
MAX_SECONDS = 5 * 365 * 86400


def parse_duration(text: str) -> int:
    """'90d', '12h', '30m', '2w' or a number of days -> seconds."""
    m = _DURATION.match(text or "")
    if not m or int(m.group(1)) == 0:
        raise ValidationError(f"expires '{text}' is not a duration such as 90d, 12h or 2w",
                              details=[{"field": "expires", "value": text}])
    seconds = int(m.group(1)) * _UNITS[m.group(2)]
    if seconds > MAX_SECONDS:
        raise ValidationError("expires: at most 5 years", details=[{"field": "expires", "value": text}])
    return seconds


def load_secret(settings) -> bytes:
    if settings.embed_secret:
        return settings.embed_secret.encode("utf-8")
    path = Path(settings.data_dir).expanduser() / SECRET_FILE
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32).encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as f:
        f.write(value)
    return value


def view_identity(path: str, params: list[tuple[str, str]]) -> str | None:
    """The canonical text a signature covers; None when ``path`` is not a view or export."""
    rest = [(k, v) for k, v in params if k not in UNSIGNED]
    if path.startswith("/view/entity/"):
        kind, rest = "entity", rest + [("id", unquote(path[len("/view/entity/"):]))]
    elif path in ("/view/path", "/view/subgraph"):
        kind = path.rsplit("/", 1)[1]
    elif path == "/view/export":
        kinds = [v for k, v in rest if k == "view"] or ["entity"]
        kind, rest = kinds[0], [(k, v) for k, v in rest if k != "view"]
        if kind not in VIEW_KINDS:
            return None
    else:
        return None
    return kind + "\n" + "&".join(f"{quote(k)}={quote(v)}" for k, v in sorted(rest))


def _mac(secret: bytes, identity: str, exp: int) -> str:
    digest = hmac.new(secret, f"{exp}\n{identity}".encode("utf-8", "surrogatepass"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def sign_url(url: str, secret: bytes, seconds: int, *, now: float | None = None) -> str:
    """Append ``exp`` and ``sig`` to a view URL (absolute or a path)."""
    parts = urlsplit(url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("sig", "exp")]
    identity = view_identity(parts.path, params)
    if identity is None:
        raise ValidationError(f"'{url}' is not a view link (/view/entity/ID, /view/path or /view/subgraph)",
                              details=[{"field": "url", "value": url}])
    exp = int((now or time.time()) + seconds)
    query = urlencode(params + [("exp", str(exp)), ("sig", _mac(secret, identity, exp))])
    head = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{head}{parts.path}?{query}"


def verify(path: str, params: list[tuple[str, str]], secret: bytes, *, now: float | None = None) -> str | None:
    """None when the signature holds; otherwise the reason it does not."""
    sigs = [v for k, v in params if k == "sig"]
    exps = [v for k, v in params if k == "exp"]
    if len(sigs) != 1 or len(exps) != 1 or not exps[0].isdigit():
        return "the link needs exactly one sig and one exp"
    identity = view_identity(path, params)
    if identity is None:
        return "a signed link opens one view and its exports only"
    exp = int(exps[0])
    if not hmac.compare_digest(_mac(secret, identity, exp), sigs[0]):
        return "the signature does not match this view (was the link changed?)"
    if exp < (now or time.time()):
        return "the link has expired; ask for a new one ('regiograph embed-link')"
    return None
