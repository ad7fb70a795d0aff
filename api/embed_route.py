"""POST /api/embed-links (admin): mint a signed link to one view, as `regiograph embed-link` does."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from regiograph import embed

from .access import get_access, require_admin
from .responses import FastJSON

router = APIRouter(prefix="/api", default_response_class=FastJSON, dependencies=[Depends(require_admin)])


class EmbedLinkRequest(BaseModel):
    url: str = Field(..., max_length=4000, description="a view link: /view/entity/ID?..., /view/path?... or /view/subgraph?...")
    expires: str = Field("90d", max_length=20, description="how long the link works: 90d, 12h, 2w, ...")


@router.post("/embed-links", summary="Sign a view link so that it opens while reads are closed (admin)",
             responses={200: {"description": "the signed link"}, 422: {"description": "not a view link, or a bad duration"}})
def embed_link(request: Request, body: EmbedLinkRequest):
    secret = get_access(request).embed_secret()
    signed = embed.sign_url(body.url, secret, embed.parse_duration(body.expires))
    return FastJSON({"url": signed, "expires": body.expires})
