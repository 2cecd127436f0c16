"""Schemathesis over the members' write operations (/api/v1/workspace/), with a focal point's token and real ids.

Generated requests are schema-valid ones only, with one check left out, "positive data acceptance" (a request the
document allows must succeed): the forms behind these endpoints apply rules a schema cannot state (a pledge needs
a stage; an end date not before the start date), so a schema-valid request may rightly get a 400 with the form's
message. Invalid requests are not generated here because the real ids given to the path parameters replace the
invalid values Schemathesis would put there (it would then report valid requests as "invalid data accepted");
test_write_validation.py covers refusals. Every other check applies: no server error, status codes, content types,
headers and bodies conforming to the document, unsupported methods answered 405."""
import pytest
import schemathesis
from django.urls import reverse

from localaction.api import services
from localaction.progress.tests.factories import ProgressUpdateFactory, published_pledge

from .test_api_schemathesis import wsgi_app  # noqa: F401  (the fixture)

CONFIG = """
suppress-health-check = ["too_slow"]

[checks]
positive_data_acceptance.enabled = false

[generation]
mode = "positive"
max-examples = 5
deterministic = true
database = "none"

[phases.stateful]
enabled = false

[headers]
Accept-Encoding = "identity"
Authorization = "Token {secret}"

[[operations]]
include-path-regex = "^/api/v1/workspace/actions/[{{]public_id[}}]/(submit/|withdraw/|revise/)?$"
parameters = {{ "path.public_id" = "{draft}" }}

[[operations]]
include-path = "/api/v1/workspace/actions/{{public_id}}/progress/"
parameters = {{ "path.public_id" = "{pledge}" }}

[[operations]]
include-path-regex = "^/api/v1/workspace/progress/"
parameters = {{ "path.update_id" = "{update}" }}
"""


@pytest.fixture
def write_schema(read_data, wsgi_app, request):  # noqa: F811
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid
    _token, secret = services.create_token(read_data.focal, "Schemathesis")
    pledge = published_pledge(read_data.lyon)
    update = ProgressUpdateFactory(action=pledge)
    config = schemathesis.Config.from_str(CONFIG.format(
        secret=secret, draft=read_data.draft.public_id, pledge=pledge.public_id, update=update.pk,
    ))
    return schemathesis.openapi.from_wsgi(reverse("api:schema") + "?format=json", wsgi_app, config=config)


schema = schemathesis.pytest.from_fixture("write_schema").include(path_regex=r"^/api/v1/workspace/")


@pytest.mark.django_db
@schema.parametrize()
def test_every_write_operation_conforms_to_the_openapi_document(case):
    case.call_and_validate()
