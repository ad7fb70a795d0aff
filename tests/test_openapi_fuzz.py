"""Schemathesis against the OpenAPI document: every operation, a fixed number of generated examples each
(bounded and derandomized), with an admin key; 0 server errors and 0 responses the document does not describe."""

import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from graph.store.embedded import EmbeddedStore
from loaders import load_path
from regiograph.keys import KeyStore
from regiograph.settings import Settings
from tests.conftest import MINI

EXAMPLES = 25  # per operation
# what must hold for every generated request: no 5xx, and every answer is one the document describes
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("st")
    store = EmbeddedStore(tmp / "s")
    store.load(load_path(MINI))
    app = create_app(Settings(data_dir=str(tmp / "d"), write_rate=1_000_000, auth_failure_rate=1_000_000,
                              max_body_bytes=100_000), store=store)
    app.state.store = store  # schemathesis calls the app without running its lifespan
    app.state.key = KeyStore(tmp / "d").create("admin", "schemathesis")[1]
    yield app
    store.close()


def test_api_conforms_to_its_openapi_document(fuzz_app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    headers = {"X-API-Key": fuzz_app.state.key}
    failures, calls, operations = [], {"n": 0}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(operation.as_strategy())
        def run(case):
            calls["n"] += 1
            try:
                case.call_and_validate(headers=headers, checks=CHECKS)
            except Exception as e:  # collect every failing operation, report them together
                failures.append(f"{operation.label}: {str(e)[:600]}")
                raise

        try:
            run()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # noqa: BLE001 - recorded in failures above
            pass
    print(f"schemathesis: {operations} operations, {calls['n']} requests, {len(failures)} failures")
    assert operations >= 15 and calls["n"] >= operations * 5, (operations, calls)
    assert not failures, "\n\n".join(failures[:10])
