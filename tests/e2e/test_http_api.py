"""The HTTP surface: health, the OpenAPI document, and that both match the code's routes."""

from __future__ import annotations

from pigeon.core.http_api import ROUTES
from pigeon.core.records import CONV_ID_PATTERN, HANDLE_PATTERN
from pigeon.errors import ErrorCode
from tests.helpers.raw import Http


async def test_healthz_answers_once_serving(http: Http) -> None:
    """GET /healthz is 200 with the store's epoch, without a token."""
    status, body = await http.call("GET", "/healthz")
    assert status == 200 and body["status"] == "ok" and len(body["epoch"]) == 16


async def test_openapi_lists_every_route_with_its_schemas(http: Http) -> None:
    """/openapi.json has every route of the code, and every schema it references."""
    status, doc = await http.call("GET", "/openapi.json")
    assert status == 200 and doc["openapi"].startswith("3.")
    listed = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    assert listed == {(r.method, r.path) for r in ROUTES}
    schemas = doc["components"]["schemas"]
    for route in ROUTES:
        for kind in (route.request, route.response):
            if kind is not None:
                assert kind.__name__ in schemas
    error_statuses = {str(code.status) for code in ErrorCode}
    for ops in doc["paths"].values():
        for op in ops.values():
            assert error_statuses <= set(op["responses"])
    member = doc["paths"]["/v1/conversations/{conv}/members/{handle}"]["delete"]
    params = {param["name"]: param["schema"] for param in member["parameters"]}
    assert params["handle"]["pattern"] == HANDLE_PATTERN  # the path is checked as the body is
    assert params["conv"]["pattern"] == CONV_ID_PATTERN


async def test_websocket_path_without_upgrade_answers_a_json_error(http: Http) -> None:
    """A plain GET of /v1/ws gets a documented JSON error, like every other route."""
    status, body = await http.call("GET", "/v1/ws")
    assert (status, body["code"]) == (400, "bad_request"), body


async def test_every_documented_route_is_served(http: Http) -> None:
    """Each route of the document reaches a handler: no router 404 or 405 for any of them."""
    for route in ROUTES:
        if route.path == "/v1/ws":
            continue
        path = route.path.replace("{conv}", "c0123456789abcdef")
        path = path.replace("{handle}", "bob").replace("{seq}", "1")
        path = path.replace("{webhook}", "wh_0123456789abcdef")
        status, _ = await http.call(route.method, path, {})
        # Unrouted requests answer 404 not_found; routed ones answer 401 before anything else.
        assert status == 401 if route.auth else status not in (404, 405), route
