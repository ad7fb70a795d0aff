"""API keys with roles, stored hashed in ``keys.json`` in the data folder.

A key is ``rgk_<id>_<secret>``: the id finds the entry, the secret is checked
against its SHA-256 hash in constant time (keys are 256 random bits, so a fast
hash is enough; nothing that could log in is stored). The file is written
atomically with mode 0600. Roles are ordered: ``read`` < ``write`` < ``admin``;
a key grants its role and every role below it.

The key itself is shown once, when it is created, and never logged.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from graph.errors import ConfigError, NotFoundError, ValidationError

ROLES = ("read", "write", "admin")
PREFIX = "rgk_"
FILE_NAME = "keys.json"
MAX_NAME = 100


def role_allows(have: str, need: str) -> bool:
    return ROLES.index(have) >= ROLES.index(need)


def _hash(secret: str) -> str:
    return "sha256:" + hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class KeyEntry:
    id: str
    name: str
    role: str
    hash: str
    created: str
    revoked: str | None = None

    def public(self) -> dict:
        """Everything but the hash (for 'keys list' and the admin route)."""
        d = asdict(self)
        d.pop("hash")
        return d


@dataclass(frozen=True)
class Principal:
    """Who a request is: a key's id, name and role (or the legacy REGIOGRAPH_API_KEY)."""

    id: str
    name: str
    role: str


class KeyStore:
    """The keys file of one data folder. Re-reads the file when it changes on disk."""

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir).expanduser() / FILE_NAME
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._entries: dict[str, KeyEntry] = {}

    # ------------------------------------------------------------ reading
    def _load(self) -> dict[str, KeyEntry]:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            self._stamp, self._entries = None, {}
            return self._entries
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp == self._stamp:
            return self._entries
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            entries = {d["id"]: KeyEntry(**d) for d in raw.get("keys", [])}
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            raise ConfigError(f"{self.path}: the keys file is damaged ({e}); restore it from a backup or delete it "
                              "and create new keys with 'regiograph keys create'") from None
        self._stamp, self._entries = stamp, entries
        return entries

    def entries(self) -> list[KeyEntry]:
        with self._lock:
            return sorted(self._load().values(), key=lambda e: e.created)

    def verify(self, key: str) -> Principal | None:
        """The principal of a valid, unrevoked key; None otherwise (same work either way)."""
        with self._lock:
            entries = self._load()
        kid, secret = _split(key)
        entry = entries.get(kid) if kid else None
        expected = entry.hash if entry is not None else _hash("no such key")
        ok = hmac.compare_digest(_hash(secret or ""), expected)
        if not ok or entry is None or entry.revoked:
            return None
        return Principal(entry.id, entry.name, entry.role)

    # ------------------------------------------------------------ writing
    def create(self, role: str, name: str) -> tuple[KeyEntry, str]:
        """Create a key; returns the entry and the key (shown once)."""
        if role not in ROLES:
            raise ValidationError(f"role '{role}' is not one of: {', '.join(ROLES)}", details=[{"field": "role", "value": role}])
        name = (name or "").strip()
        if not name or len(name) > MAX_NAME or not name.isprintable():
            raise ValidationError(f"name must be 1-{MAX_NAME} printable characters", details=[{"field": "name"}])
        with self._lock:
            entries = dict(self._load())
            kid = secrets.token_hex(6)
            secret = secrets.token_urlsafe(32)
            entry = KeyEntry(kid, name, role, _hash(secret), _now())
            entries[kid] = entry
            self._save(entries)
        return entry, f"{PREFIX}{kid}_{secret}"

    def revoke(self, ref: str) -> KeyEntry:
        """Revoke the key with this id or (unique) name."""
        with self._lock:
            entries = dict(self._load())
            matches = [e for e in entries.values() if e.id == ref] or [e for e in entries.values() if e.name == ref]
            if not matches:
                raise NotFoundError(f"no key with id or name '{ref}'; 'regiograph keys list' shows them",
                                    details=[{"field": "key", "value": ref}])
            if len(matches) > 1:
                raise ValidationError(f"{len(matches)} keys are named '{ref}'; revoke by id",
                                      details=[{"field": "key", "value": ref}])
            entry = matches[0]
            if not entry.revoked:
                entry.revoked = _now()
                self._save(entries)
            return entry

    def _save(self, entries: dict[str, KeyEntry]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"keys": [asdict(e) for e in sorted(entries.values(), key=lambda e: e.created)]}, indent=2)
        fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._stamp = None
        self._load()


def _split(key: str) -> tuple[str | None, str | None]:
    if not isinstance(key, str) or not key.startswith(PREFIX):
        return None, None
    kid, sep, secret = key[len(PREFIX):].partition("_")
    return (kid, secret) if sep and kid and secret else (None, None)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
