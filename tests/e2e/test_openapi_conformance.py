"""The live server against its own ``/openapi.json``: schemathesis generates requests for
every documented operation, valid and invalid, and checks each answer's status code,
content type, headers and body against the document. An answer the document does not
describe is a bug in one of the two. A few examples per operation keep it under a minute.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.config import SchemathesisConfig

from pigeon.server.openapi import openapi_document
from pigeon.transport.admin_http import read_admin_token
from tests.helpers.cluster import ClusterEngines
from tests.helpers.server import Backends, ServerProcess
from tests.helpers.timing import TIMEOUT_S

# Rates high enough that most answers are real work, not rate_limited (which conforms too).
ENV = {
    "PIGEON_SEND_RATE_PER_S": "10000",
    "PIGEON_SEND_BURST": "10000",
    "PIGEON_LOGIN_RATE_PER_MIN": "100000",
}
PASSWORD = "correct horse battery"
# Every test here asks the module's one node, whose users live for the module: the cluster's
# store is not emptied between them (tests/e2e/conftest.py).
STORE_PER_MODULE = True
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


@dataclass(frozen=True)
class Tokens:
    user: str
    admin: str
    url: str

    def fresh(self) -> str:
        """A token of its own, for an operation that revokes the token it is called with."""
        return str(post(self.url, "/v1/login", {"handle": "alice", "password": PASSWORD})["token"])

    def for_path(self, path: str) -> str:
        return self.admin if path.startswith("/v1/admin/") else self.user


def post(
    url: str, path: str, body: dict[str, object], token: str | None = None
) -> dict[str, object]:
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
        decoded: dict[str, object] = json.loads(answer.read())
    return decoded


@pytest.fixture(scope="module")
def node(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest, backends: Backends
) -> Iterator[ServerProcess]:
    # Module-scoped: started before any test's environment is set, so it is given its own;
    # on the cluster, one store for the module (STORE_PER_MODULE), emptied here.
    env = {**backends.env(request.node.nodeid), **ENV}
    if backends.gateways > 1:
        engines: ClusterEngines = request.getfixturevalue("cluster_engines")
        engines.reset()
        env.update(engines.env())
    proc = ServerProcess(tmp_path_factory.mktemp("openapi") / "data", env=env).start()
    try:
        yield proc
    finally:
        proc.kill()


@pytest.fixture(scope="module")
def tokens(node: ServerProcess) -> Tokens:
    for handle in ("alice", "bob"):
        post(node.url, "/v1/register", {"handle": handle, "password": PASSWORD})
    user = post(node.url, "/v1/login", {"handle": "alice", "password": PASSWORD})["token"]
    assert isinstance(user, str)
    post(node.url, "/v1/conversations/direct", {"peer": "bob"}, user)
    admin = read_admin_token(Path(node.data_dir))
    assert admin is not None
    return Tokens(user=user, admin=admin, url=node.url)


# A body over max_http_body_bytes is refused with 413 too_large before it is parsed (a group
# of 10,001 members, say): a rejection of invalid data too, which schemathesis' default list
# of rejecting statuses leaves out. (A 5xx is no rejection: not_a_server_error fails it.)
REJECTING_STATUSES = [
    "400",
    "401",
    "403",
    "404",
    "405",
    "406",
    "409",
    "413",
    "415",
    "422",
    "428",
    "429",
]

# The document the server serves, built by the same function: loaded at collection, so each
# operation is a test of its own (schemathesis' lazy fixture loader needs pytest < 9).
schema = schemathesis.openapi.from_dict(
    openapi_document(),
    config=SchemathesisConfig.from_dict(
        {"checks": {"negative_data_rejection": {"expected-statuses": REJECTING_STATUSES}}}
    ),
)


def test_the_served_document_is_the_generated_one(node: ServerProcess) -> None:
    """What the tests below check against is what the server serves."""
    with urllib.request.urlopen(node.url + "/openapi.json", timeout=TIMEOUT_S) as answer:
        assert json.loads(answer.read()) == json.loads(json.dumps(openapi_document()))


@schema.parametrize()
# derandomize: the same examples on every run, so the test command is repeatable; a new
# disagreement is found by changing the code or the document, not by the luck of a run.
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_live_answers_conform_to_the_document(case: schemathesis.Case[Any], tokens: Tokens) -> None:
    """Every answer to a generated request, valid or not, is one the document describes,
    and no request, however malformed, gets a 5xx."""
    path = case.operation.path
    token = tokens.fresh() if path == "/v1/logout" else tokens.for_path(path)
    case.call_and_validate(
        base_url=tokens.url,
        headers={"Authorization": f"Bearer {token}"},
        checks=CHECKS,
        timeout=TIMEOUT_S,
    )
