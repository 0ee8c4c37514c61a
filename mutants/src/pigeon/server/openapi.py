"""``/openapi.json``: generated from the routes and bodies of :mod:`pigeon.core.http_api`,
so it cannot drift from the code."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from pigeon import __version__
from pigeon.core import http_api as api
from pigeon.core.records import CONV_ID_PATTERN, HANDLE_PATTERN
from pigeon.errors import ErrorCode


def _ref(kind: type) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{kind.__name__}"}


def _path_schema(route: api.Route, name: str) -> dict[str, Any]:
    """The form of a path parameter, as the server checks it. The admin routes take any
    stored handle, so an operator can reach accounts made under older rules (D18)."""
    if name == "conv":
        return {"type": "string", "pattern": CONV_ID_PATTERN}
    if name == "handle" and not route.path.startswith("/v1/admin/"):
        return {"type": "string", "pattern": HANDLE_PATTERN}
    return {"type": "string"}


def _param_schema(param: api.Param | None) -> dict[str, Any]:
    if param is None:
        return {"type": "string"}
    if isinstance(param, api.IntParam):
        schema: dict[str, Any] = {"type": "integer", "minimum": param.low, "maximum": param.high}
        if param.default is not None:
            schema["default"] = param.default
        return schema
    schema = {"type": "string", "minLength": 1, "maxLength": param.max_length}
    if param.pattern is not None:
        schema["pattern"] = param.pattern
    return schema


def _success(route: api.Route, status: int) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": "success" if status < 400 else "not ready"}
    if route.response is not None:
        schema: dict[str, Any] = _ref(route.response)
    elif status in (101, 204):
        return {"description": "switching protocols" if status == 101 else "no content"}
    elif route.content_type == "application/json":
        schema = {"type": "object"}
    else:
        schema = {"type": "string"}
    answer["content"] = {route.content_type: {"schema": schema}}
    return answer


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
        op: dict[str, Any] = {"summary": route.summary, "responses": dict(error_responses)}
        bounded = {param.name: param for param in route.params}
        in_path = re.findall(r"{(\w+)}", route.path)
        params = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "schema": (
                    _param_schema(bounded[name]) if name in bounded else _path_schema(route, name)
                ),
            }
            for name in in_path
        ] + [
            {"name": param.name, "in": "query", "required": False, "schema": _param_schema(param)}
            for param in route.params
            if param.name not in in_path
        ]
        if params:
            op["parameters"] = params
        if route.request is not None:
            op["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(route.request)}},
            }
        for status in (route.status, *route.also):
            op["responses"][str(status)] = _success(route, status)
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
