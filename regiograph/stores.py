"""Open the store a Settings object names. The only place a Neo4j driver is created."""

from __future__ import annotations

from graph.errors import ConfigError, StoreError
from graph.store.base import GraphStore

from .settings import Settings


def neo4j_driver(settings: Settings, *, user: str | None = None, password: str | None = None):
    """A Neo4j driver with the connection and pool-acquisition time limits of the settings
    (REGIOGRAPH_NEO4J_CONNECT_TIMEOUT), so that a stopped or frozen server is noticed in seconds."""
    import neo4j

    user = settings.neo4j_user if user is None else user
    password = settings.neo4j_password if password is None else password
    auth = (user, password) if password else None
    t = settings.neo4j_connect_timeout
    return neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=auth, connection_timeout=t,
                                      connection_acquisition_timeout=t, max_transaction_retry_time=t)


def preflight(settings: Settings) -> None:
    """Checks worth doing before a server starts: a damaged embedded store is refused with one clear line."""
    if settings.store == "embedded":
        from graph.store import integrity
        from graph.store.embedded import DB_FILE

        integrity.check_file(settings.data_path / DB_FILE)


def open_store(settings: Settings) -> GraphStore:
    from graph import rates

    rates.configure(settings.data_path / "rates")  # the ECB rate table of this installation (regiograph load ecb)
    if settings.store == "embedded":
        from graph.store import integrity
        from graph.store.embedded import DB_FILE, EmbeddedStore

        path = settings.data_path / DB_FILE
        integrity.check_file(path)  # a damaged file is refused, never replaced
        try:
            return EmbeddedStore(settings.data_path)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            damage = integrity.bad_row_error(path)  # name the row that broke the start
            if damage is None:
                raise
            raise damage from None
    if settings.store == "neo4j":
        from graph.store.neo4j import Neo4jStore

        driver = None
        try:
            driver = neo4j_driver(settings)
            driver.verify_connectivity()
        except Exception as e:  # the driver raises several unrelated types here
            if driver is not None:
                driver.close()
            raise StoreError(
                f"cannot reach Neo4j at {settings.neo4j_uri}: {e}; check REGIOGRAPH_NEO4J_URI, "
                "REGIOGRAPH_NEO4J_USER and REGIOGRAPH_NEO4J_PASSWORD, or use REGIOGRAPH_STORE=embedded"
            ) from None
        try:
            return Neo4jStore(driver, database=settings.neo4j_database or None, owns_driver=True,
                              query_timeout=settings.neo4j_query_timeout)
        except BaseException:
            driver.close()
            raise
    raise ConfigError(f"REGIOGRAPH_STORE='{settings.store}' is not one of: embedded, neo4j")
