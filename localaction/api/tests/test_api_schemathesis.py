"""Schemathesis against the OpenAPI document, in-process through the WSGI application: every read operation gets
generated requests (valid and invalid parameters, the coverage phase's edge cases, unsupported methods) over
demo-like data, and every answer must conform to the document (status, content type, headers, body) with no
server error. Part of the normal suite, so `make test` runs it on SQLite and `make test-pg` on PostgreSQL."""
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

# Enough cases to reach every parameter's values and edge cases, few enough for the whole run to take well under a
# minute: the coverage phase adds its own deterministic cases to these.
CONFIG = """
# Hypothesis's speed checks would make the run flaky on a busy machine; the outcome does not depend on speed.
suppress-health-check = ["too_slow"]

[generation]
mode = "all"
max-examples = 5
deterministic = true
database = "none"

[phases.stateful]
enabled = false

# The in-process WSGI client does not decompress: ask for plain bodies (GZipMiddleware would compress them).
[headers]
Accept-Encoding = "identity"

# Path parameters name public objects of the data, so that detail answers are checked on real content (unknown
# and hidden objects are the unit tests' business).
[[operations]]
include-path = "/api/v1/actions/{{public_id}}/"
parameters = {{ "path.public_id" = "{action}" }}

[[operations]]
include-path = "/api/v1/governments/{{slug}}/"
parameters = {{ "path.slug" = "{government}" }}

[[operations]]
include-path = "/api/v1/campaigns/{{slug}}/"
parameters = {{ "path.slug" = "{campaign}" }}
"""


@pytest.fixture
def wsgi_app():
    """The project's WSGI application, inside the test's transaction: like Django's test client, the connection
    must not be closed at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(read_data, wsgi_app, request):
    # Schemathesis 4.32 names each operation's subtest through the node's `_nodeid`, which pytest 9 no longer has.
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid
    # The pledge with progress, co-pledgers and indicators; its government; its campaign.
    config = schemathesis.Config.from_str(CONFIG.format(action=read_data.pledge.public_id, government="dakar",
                                                        campaign="grf-2027"))
    return schemathesis.openapi.from_wsgi(reverse("api:schema") + "?format=json", wsgi_app, config=config)


# The read operations; the members' workspace (write) endpoints take a token and are tested in test_write_*.py.
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path_regex=r"^/api/v1/workspace/")


@pytest.mark.django_db
@schema.parametrize()
def test_every_read_operation_conforms_to_the_openapi_document(case):
    case.call_and_validate()
