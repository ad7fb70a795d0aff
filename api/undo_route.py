"""DELETE routes (admin only): a node, an edge, or everything a document stated (provenance-aware, graph.undo)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool

from graph.store.base import GraphStore
from graph.undo import undo

from .access import require_admin
from .deps import get_store
from .responses import FastJSON

router = APIRouter(prefix="/api", default_response_class=FastJSON, dependencies=[Depends(require_admin)],
                   responses={404: {"description": "no such node, edge or document"},
                              503: {"description": "the store is not available; nothing was deleted"}})
Store = Annotated[GraphStore, Depends(get_store)]


async def _undo(request: Request, store, kind: str, ref: str, dry_run: bool):
    principal = getattr(request.state, "principal", None)
    who = f"key {principal.id} '{principal.name}'" if principal else "unknown"
    plan = await run_in_threadpool(lambda: undo(store, kind, ref, dry_run=dry_run, by=who))
    return FastJSON({"dry_run": dry_run, **plan.to_dict()})


@router.delete("/entities/{id}", summary="Delete a node and every edge that touches it (admin; all or nothing; logged)")
async def delete_node(request: Request, store: Store, id: str, dry_run: bool = False):
    return await _undo(request, store, "node", id, dry_run)


@router.delete("/edges/{id:path}", summary="Delete one edge by its id (admin; logged)")
async def delete_edge(request: Request, store: Store, id: str, dry_run: bool = False):
    return await _undo(request, store, "edge", id, dry_run)


@router.delete("/documents/{id}", summary="Take back everything a document stated: facts only it states are deleted, "
               "facts other documents state too lose its source (admin; all or nothing; logged)")
async def delete_document(request: Request, store: Store, id: str, dry_run: bool = False):
    return await _undo(request, store, "document", id, dry_run)
