"""The embedded default store (SQLite on disk, an array index in memory); see ``store``."""

from .store import DB_FILE, EmbeddedStore

__all__ = ["EmbeddedStore", "DB_FILE"]
