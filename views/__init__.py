"""Embeddable graph views and the server-rendered explorer.

``views.routes.router`` is the FastAPI router: entity, path and subgraph views
as self-contained HTML, exports, the vendored vis-network files and the
explorer page at ``/``.
"""
