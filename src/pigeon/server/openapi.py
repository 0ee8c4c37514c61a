"""``/openapi.json``: generated from the routes and bodies of :mod:`pigeon.core.http_api`,
so it cannot drift from the code."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from pigeon import __version__
from pigeon.core import http_api as api
from pigeon.core.records import CONV_ID_PATTERN, HANDLE_PATTERN, MAX_SEQ
from pigeon.errors import ErrorCode


def _ref(kind: type) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{kind.__name__}"}


def _path_schema(route: api.Route, name: str) -> dict[str, Any]:
    """The form of a path parameter, as the server checks it. The admin routes take any
    stored handle, so an operator can reach accounts made under older rules (D18)."""
    if name == "conv":
        return {"type": "string", "pattern": CONV_ID_PATTERN}
    if name == "seq":
        return {"type": "integer", "minimum": 1, "maximum": MAX_SEQ}
    if name == "handle" and not route.path.startswith("/v1/admin/"):
        return {"type": "string", "pattern": HANDLE_PATTERN}
    return {"type": "string"}


def openapi_document() -> dict[str, Any]:
    bodies = {kind for route in api.ROUTES for kind in (route.request, route.response) if kind}
    bodies.add(api.ErrorResponse)
    ordered = sorted(bodies, key=lambda k: k.__name__)
    _, components = msgspec.json.schema_components(
        ordered, ref_template="#/components/schemas/{name}"
    )
    error_responses = {
        str(status): {
            "description": ", ".join(c.value for c in ErrorCode if c.status == status),
            "content": {"application/json": {"schema": _ref(api.ErrorResponse)}},
        }
        for status in sorted({c.status for c in ErrorCode})
    }
    paths: dict[str, dict[str, Any]] = {}
    for route in api.ROUTES:
        op: dict[str, Any] = {"summary": route.summary, "responses": {}}
        params = [
            {"name": name, "in": "path", "required": True, "schema": _path_schema(route, name)}
            for name in re.findall(r"{(\w+)}", route.path)
        ] + [
            {"name": name, "in": "query", "required": False, "schema": {"type": "integer"}}
            for name in route.query
        ]
        if params:
            op["parameters"] = params
        if route.request is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(route.request)}},
            }
        ok = "101" if route.path == "/v1/ws" else "204" if route.response is None else "200"
        op["responses"][ok] = {"description": "success"}
        if route.response is not None:
            op["responses"][ok]["content"] = {"application/json": {"schema": _ref(route.response)}}
        op["responses"].update(error_responses)
        if route.auth:
            op["security"] = [{"bearer": []}]
        paths.setdefault(route.path, {})[route.method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pigeon HTTP API",
            "version": __version__,
            "description": "See docs/PROTOCOL.md for the WebSocket frames.",
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
