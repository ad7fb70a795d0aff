"""Regiograph: a knowledge graph of inter-regional economic relations."""

__version__ = "0.1.0"
