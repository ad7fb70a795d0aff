"""Settings, declared once as data and read from ``REGIOGRAPH_*`` environment variables.

``SETTINGS`` is the single declaration: name, type, default and meaning. The
README's configuration table and ``regiograph settings`` are generated from /
checked against it (a test fails when one is undocumented).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from graph.errors import ConfigError


def _default_data_dir() -> str:
    from platformdirs import user_data_dir

    return user_data_dir("regiograph", appauthor=False)


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str
    secret: bool = False
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return "REGIOGRAPH_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", str, None, "folder of the embedded store (default: the per-user data folder, e.g. ~/.local/share/regiograph)"),
    Setting("store", str, "embedded", "which store to use: 'embedded' (no server) or 'neo4j'", choices=("embedded", "neo4j")),
    Setting("neo4j_uri", str, "bolt://localhost:7687", "Neo4j address: bolt://, neo4j:// (routing, clusters) or neo4j+s:// (Aura)"),
    Setting("neo4j_user", str, "neo4j", "Neo4j user name"),
    Setting("neo4j_password", str, "", "Neo4j password (no default; required when store is neo4j and auth is on)", secret=True),
    Setting("neo4j_database", str, "", "Neo4j database name (empty: the server's default database)"),
    Setting("neo4j_query_timeout", float, 60.0, "time limit of one Neo4j read transaction of the query routes (seconds)"),
    Setting("api_key", str, "", "a key with the write role (kept for existing scripts; prefer 'regiograph keys create --role write')", secret=True),
    Setting("host", str, "127.0.0.1", "address 'regiograph serve' listens on"),
    Setting("port", int, 8000, "port 'regiograph serve' listens on"),
    Setting("load_seed", bool, True, "load the bundled seed dataset when the store is empty at start"),
    Setting("max_body_bytes", int, 10 * 1024 * 1024, "largest request body the API accepts (bytes)"),
    Setting("max_records", int, 50_000, "most records one POST /api/records may carry"),
    Setting("frame_ancestors", str, "'self'", "CSP frame-ancestors allow-list for the embeddable views, e.g. \"'self' https://intranet.example\""),
    Setting("view_max_nodes", int, 300, "most nodes one graph view draws; the rest become an 'N more' node"),
    Setting("cypher_timeout", float, 10.0, "time limit of POST /api/cypher queries (seconds)"),
    Setting("cypher_max_rows", int, 1000, "row cap of POST /api/cypher answers"),
    Setting("read_access", str, "public", "who may read (API, views, exports, /docs): 'public' (anyone who reaches the server) "
            "or 'key' (a key with the read role, or a signed embed link)", choices=("public", "key")),
    Setting("cypher", bool, False, "switch POST /api/cypher on (Neo4j store only; needs a read key): on or off"),
    Setting("cypher_max_bytes", int, 2_000_000, "byte cap of POST /api/cypher answers (JSON size of the rows)"),
    Setting("cypher_user", str, "", "Neo4j user POST /api/cypher logs in as (a user that can only read); empty: the store's user"),
    Setting("cypher_password", str, "", "password of REGIOGRAPH_CYPHER_USER", secret=True),
    Setting("neo4j_connect_timeout", float, 2.0, "time limit to open a Neo4j connection or take one from the pool (seconds); "
            "past it the API answers 503 with Retry-After"),
    Setting("write_rate", int, 60, "most write requests (POST, DELETE) one client may send per minute; more get 429"),
    Setting("auth_failure_rate", int, 10, "most failed authentications one client may have per minute; more get 429"),
    Setting("embed_secret", str, "", "secret that signs embed links (empty: one generated once in the data folder, embed.secret)",
            secret=True),
    Setting("text_min_confidence", float, 0.0, "text loader: relations whose rule's measured confidence (0-1, "
            "loaders/text/rule_confidence.yaml) is below this are not loaded but listed for review; 0 loads all"),
)


@dataclass(frozen=True)
class Settings:
    data_dir: str = field(default_factory=_default_data_dir)
    store: str = "embedded"
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = ""
    neo4j_query_timeout: float = 60.0
    api_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    load_seed: bool = True
    max_body_bytes: int = 10 * 1024 * 1024
    max_records: int = 50_000
    frame_ancestors: str = "'self'"
    view_max_nodes: int = 300
    cypher_timeout: float = 10.0
    cypher_max_rows: int = 1000
    read_access: str = "public"
    cypher: bool = False
    cypher_max_bytes: int = 2_000_000
    cypher_user: str = ""
    cypher_password: str = ""
    neo4j_connect_timeout: float = 2.0
    write_rate: int = 60
    auth_failure_rate: int = 10
    embed_secret: str = ""
    text_min_confidence: float = 0.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = env.get(s.env)
            if raw is None or raw == "":
                continue
            values[s.name] = _parse(s, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        for s in SETTINGS:
            v = getattr(self, s.name)
            if s.choices and v not in s.choices:
                raise ConfigError(f"{s.env}='{v}' is not one of: {', '.join(s.choices)}")
        if self.port < 1 or self.port > 65535:
            raise ConfigError(f"REGIOGRAPH_PORT={self.port} is not a port number (1-65535)")
        if self.neo4j_query_timeout <= 0 or self.cypher_timeout <= 0:
            raise ConfigError("REGIOGRAPH_NEO4J_QUERY_TIMEOUT and REGIOGRAPH_CYPHER_TIMEOUT must be positive")
        if self.neo4j_connect_timeout <= 0:
            raise ConfigError("REGIOGRAPH_NEO4J_CONNECT_TIMEOUT must be positive")
        if not 0 <= self.text_min_confidence <= 1:
            raise ConfigError("REGIOGRAPH_TEXT_MIN_CONFIDENCE must be between 0 and 1")
        for name in ("max_body_bytes", "max_records", "view_max_nodes", "cypher_max_rows", "cypher_max_bytes",
                     "write_rate", "auth_failure_rate"):
            if getattr(self, name) < 1:
                raise ConfigError(f"REGIOGRAPH_{name.upper()} must be at least 1")

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser()

    def public(self) -> dict[str, Any]:
        """Settings with secrets masked (for 'regiograph settings')."""
        return {s.name: ("***" if s.secret and getattr(self, s.name) else getattr(self, s.name)) for s in SETTINGS}


def _parse(s: Setting, raw: str) -> Any:
    try:
        if s.type is bool:
            low = raw.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise ValueError
        return s.type(raw.strip()) if s.type is not str else raw
    except ValueError:
        kind = {bool: "true or false", int: "an integer", float: "a number"}.get(s.type, s.type.__name__)
        raise ConfigError(f"{s.env}='{raw}' is not {kind}") from None


assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS], "SETTINGS and Settings disagree"
