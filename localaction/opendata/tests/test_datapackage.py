"""The Frictionless data package: it describes every download from the exporters' columns, and the downloads of
demo data validate against it (CSV as published; XLSX and JSON against the same schemas)."""
import datetime
import io
import json

import frictionless
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from localaction.actions.models import Action
from localaction.opendata.exporters import EXPORTERS
from localaction.progress.models import ProgressUpdate

from .downloads import body

pytestmark = pytest.mark.django_db


def datapackage(client, language="en"):
    with translation.override(language):
        url = reverse("opendata:datapackage")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_it_describes_every_download_with_the_exporters_columns(client):
    package = datapackage(client)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["sources"] and package["homepage"].endswith(reverse("opendata:index"))
    assert [resource["name"] for resource in package["resources"]] == list(EXPORTERS)
    for resource in package["resources"]:
        exporter = EXPORTERS[resource["name"]]
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == exporter.keys()
        assert [field["type"] for field in fields] == [column.type for column in exporter.columns]
        assert all(field["description"] and field["title"] for field in fields)
        assert resource["schema"]["primaryKey"] == list(exporter.primary_key)
        assert resource["licenses"][0]["name"] == "CC-BY-4.0"
        assert resource["path"].startswith(settings.LOCALACTION_BASE_URL)
        path = resource["path"].removeprefix(settings.LOCALACTION_BASE_URL)
        assert path.endswith(f"/{resource['name']}.csv")
        body(client.get(path))  # the path is the download


def test_labels_and_descriptions_are_in_the_readers_language(client):
    fields = {field["name"]: field for field in datapackage(client, "fr")["resources"][0]["schema"]["fields"]}
    assert fields["start_date"]["title"] == "date de début"
    assert fields["title_es"]["title"] == "titre (espagnol)"
    assert fields["gcm_objectives"] == {**fields["gcm_objectives"], "type": "list", "delimiter": ";", "itemType": "integer"}
    assert fields["kind"]["constraints"] == {"enum": ["practice", "pledge"]}


@pytest.fixture
def demo_downloads(client, tmp_path, settings):
    """The demo data (plus published progress updates), each data set downloaded in each format into tmp_path;
    returns the web data package."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", actions=40, stdout=io.StringIO())
    pledges = Action.objects.published().filter(kind=Action.Kind.PLEDGE)[:3]
    for n, pledge in enumerate(pledges):
        ProgressUpdate.objects.create(
            action=pledge, status=ProgressUpdate.Status.PUBLISHED, stage=Action.Stage.IN_PROGRESS,
            reported_on=datetime.date(2025, 1, 1 + n), narrative_en=f"=Step {n}, done", money_spent=-5 * n,
            published_at=timezone.now(),
        )
    package = datapackage(client)
    for resource in package["resources"]:
        path = resource["path"].removeprefix(settings.LOCALACTION_BASE_URL)
        for extension in ("csv", "xlsx", "json"):
            content = body(client.get(path.removesuffix(".csv") + f".{extension}"))
            (tmp_path / f"{resource['name']}.{extension}").write_bytes(content)
    return package


def report_errors(report):
    return report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


def test_frictionless_validates_the_csv_downloads_of_the_demo_data(demo_downloads, tmp_path):
    package = demo_downloads
    for resource in package["resources"]:
        resource["path"] = f"{resource['name']}.csv"  # the files just downloaded, not the site: no network
        assert (tmp_path / resource["path"]).read_text().count("\n") > 1, resource["name"]
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report_errors(report)


@pytest.mark.parametrize("extension", ["xlsx", "json"])
def test_the_xlsx_and_json_downloads_validate_against_the_same_schemas(demo_downloads, tmp_path, extension):
    package = demo_downloads
    for resource in package["resources"]:
        name = resource["name"]
        for key in ("path", "mediatype", "encoding", "dialect"):
            resource.pop(key)
        if extension == "xlsx":
            resource.update(path=f"{name}.xlsx", format="xlsx", dialect={"excel": {"sheet": name}})
        else:
            # Inline: reading a JSON file's "data" property needs an extra of frictionless that is not installed.
            resource.update(format="inline", data=json.loads((tmp_path / f"{name}.json").read_text())["data"])
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report_errors(report)


def test_a_filtered_view_validates_against_the_actions_schema(client, demo_downloads, tmp_path):
    url = reverse("opendata:actions_download", kwargs={"format": "csv"}) + "?kind=pledge&sort=title"
    (tmp_path / "pledges.csv").write_bytes(body(client.get(url)))
    actions = demo_downloads["resources"][0]
    resource = frictionless.Resource(
        path="pledges.csv", basepath=str(tmp_path), schema=frictionless.Schema.from_descriptor(actions["schema"])
    )
    report = frictionless.validate(resource)
    assert report.valid, report_errors(report)
