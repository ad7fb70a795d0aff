"""The exceptions Regiograph raises, as one small tree.

RegiographError
├── SchemaError          the schema files are inconsistent (names the file)
├── ValidationError      a record breaks the schema (names file, line/row, field)
│   └── DanglingReferenceError   an edge or source names a node that does not exist
├── LoadError            an input file cannot be read or parsed (names the file)
├── NotFoundError        a node or edge id is not in the graph (names the id)
├── QueryError           a query's arguments are out of range (names the argument)
├── StoreError           the backing store failed (names what to check)
└── ConfigError          a setting has an invalid value (names the setting)

Each exception carries a ``code`` used in the API's JSON error shape.
"""

from __future__ import annotations


class RegiographError(Exception):
    code = "error"
    http_status = 500

    def __init__(self, message: str, *, details: list[dict] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []


class SchemaError(RegiographError):
    code = "schema_error"


class ValidationError(RegiographError):
    """One or more records are invalid. ``details`` holds one entry per problem:
    ``{"file": ..., "line": ..., "field": ..., "message": ...}``."""

    code = "validation_error"
    http_status = 422


class DanglingReferenceError(ValidationError):
    code = "dangling_reference"


class LoadError(RegiographError):
    code = "load_error"
    http_status = 400


class NotFoundError(RegiographError):
    code = "not_found"
    http_status = 404


class QueryError(RegiographError):
    code = "bad_query"
    http_status = 400


class StoreError(RegiographError):
    code = "store_error"
    http_status = 503


class ConfigError(RegiographError):
    code = "config_error"
