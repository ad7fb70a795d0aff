"""Request bodies of the write routes, as models for the OpenAPI document.

The routes read these bodies themselves (size limit while reading, parsing off
the event loop, errors that name the field), so the models describe the shape;
``install`` puts them into the OpenAPI document as the routes' request bodies.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | float | bool


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: str = Field(description="id of the Document node, e.g. doc:wfs-2022-05", examples=["doc:mini-2"])
    locator: str | None = Field(None, description="where in the document: page, paragraph, row")
    evidence: str | None = Field(None, description="the sentence that states the fact")
    span: list[int] | None = Field(None, min_length=2, max_length=2, description="character offsets [start, end]")
    rule: str | None = Field(None, description="the extraction rule that read the fact (text loader), e.g. roles.apply")
    confidence: float | None = Field(None, ge=0, le=1, description="that rule's measured precision, 0-1 (text loader)")


class NodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, description="'<prefix>:<slug>'; without it the node is resolved by name")
    type: str = Field(description="a node type of the schema (GET /api/schema)")
    name: dict[str, str] = Field(description="names by language code, e.g. {\"de\": \"Bayern\", \"en\": \"Bavaria\"}")
    aliases: dict[str, list[str]] | None = None
    properties: dict[str, Scalar | None] | None = Field(None, description="the type's declared properties")
    valid_from: str | int | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    valid_to: str | int | None = None
    sources: list[SourceIn] = Field(description="every fact needs a source")


class EdgeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str = Field(description="an edge type of the schema (GET /api/schema)")
    source: str = Field(description="node id")
    target: str = Field(description="node id")
    properties: dict[str, Scalar | None] | None = None
    valid_from: str | int | None = None
    valid_to: str | int | None = None
    sources: list[SourceIn]


class RecordsIn(BaseModel):
    """A batch in the record format (as in the YAML files): written all or nothing."""

    model_config = ConfigDict(extra="forbid")
    format: str | None = Field(None, examples=["regiograph/1"])
    nodes: list[NodeIn] | None = None
    edges: list[EdgeIn] | None = None


class TextIn(BaseModel):
    """One press release to extract records from."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="plain text, Markdown or HTML")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    source_url: str | None = None
    doc_id: str | None = Field(None, description="doc:... (default: from the title)")
    format: str | None = Field(None, description="text, markdown or html")
    language: str | None = Field(None, description="de or en")


BODIES: dict[tuple[str, str], type[BaseModel]] = {
    ("/api/records", "post"): RecordsIn,
    ("/api/texts", "post"): TextIn,
}


def install(app: FastAPI) -> None:
    """Document the request bodies the write routes read themselves."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema and app.openapi_schema.get("x-bodies"):
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for (path, method), model in BODIES.items():
            js = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(js.pop("$defs", {}))
            components[model.__name__] = js
            op = schema["paths"].get(path, {}).get(method)
            if op is not None:
                op["requestBody"] = {"required": True, "content": {"application/json": {
                    "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}
        schema["x-bodies"] = True
        app.openapi_schema = schema
        return schema

    app.openapi = openapi
