"""JSON responses serialized straight from plain dicts.

The routes build plain JSON-ready dicts (``to_dict``), so FastAPI's generic
``jsonable_encoder`` walk adds nothing but time (it was 10x the query time on a
500-node neighbourhood); returning a response object skips it.
"""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse


class FastJSON(JSONResponse):
    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
