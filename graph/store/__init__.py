"""Storage backends behind one interface (``base.GraphStore``)."""

from .base import GraphStore

__all__ = ["GraphStore"]
