"""Dependencies injected into routes: the store and the settings, both set up in the app's lifespan."""

from __future__ import annotations

from fastapi import Request

from graph.store.base import GraphStore
from regiograph.settings import Settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def split_list(values: list[str] | str | None) -> list[str] | None:
    """Query lists may repeat (?types=A&types=B) or be comma-separated (?types=A,B):
    'a,b' or ['a', 'b,c'] -> ['a', 'b', 'c'], first occurrence kept; nothing -> None (meaning: all)."""
    if not values:
        return None
    if isinstance(values, str):
        values = [values]
    out = [v.strip() for item in values for v in item.split(",") if v.strip()]
    return list(dict.fromkeys(out)) or None
