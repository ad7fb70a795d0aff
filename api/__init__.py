"""The HTTP API (FastAPI). Build it with ``api.app.create_app``."""
