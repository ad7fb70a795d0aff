"""Display labels of node and edge types, read from the schema YAML files.

The schema files carry ``label: {en, de}`` for every type; views only need
those labels, so they are read here directly (cached) instead of going
through the full schema loader.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

LANGS = ("en", "de")


@lru_cache(maxsize=None)
def _labels(kind: str) -> dict[str, dict[str, str]]:
    folder = resources.files("graph").joinpath("schema", kind)
    out: dict[str, dict[str, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        name = data.get("name") or entry.name[: -len(".yaml")]
        label = data.get("label") or {}
        out[name] = {lang: str(label.get(lang) or name) for lang in LANGS}
    return out


def node_types() -> list[str]:
    return list(_labels("nodes"))


def edge_types() -> list[str]:
    return list(_labels("edges"))


def node_type_label(type_: str, lang: str = "en") -> str:
    return _labels("nodes").get(type_, {}).get(lang, type_)


def edge_type_label(type_: str, lang: str = "en") -> str:
    return _labels("edges").get(type_, {}).get(lang, type_)
