"""`manage.py export_archive` and archive.build(): a complete, self-describing snapshot of all published data that
checks out (SHA256SUMS, Frictionless), holds no member's personal data, and is written again only when the data
changed."""
import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from frictionless import validate

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.declarations.tests.factories import EndorsementFactory
from localaction.factories import ActionFactory, CampaignFactory, MembershipFactory
from localaction.opendata import archive
from localaction.opendata.exporters import EXPORTERS
from localaction.progress.tests.factories import ProgressUpdateFactory

pytestmark = pytest.mark.django_db

MEMBER_EMAIL = "focal.point@dakar.example"
MEMBER_NAME = "Ousmane Sembène-Diallo"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def published(personas):
    """A little of everything the platform publishes, written by members whose contact details must stay out."""
    member = MembershipFactory(
        government=personas.government_a, user__email=MEMBER_EMAIL, user__full_name=MEMBER_NAME
    ).user
    campaign = CampaignFactory(slug="imrf-2026")
    practice = ActionFactory(published=True, government=personas.government_a, created_by=member,
                             title_en="Language cafés", title_fr="Cafés des langues", gcm_objectives=[16],
                             campaign=campaign)
    pledge = ActionFactory(published=True, government=personas.government_b, kind=Action.Kind.PLEDGE,
                           stage=Action.Stage.PLANNING, created_by=member, title_en="=HYPERLINK(\"x\")")
    ActionFactory(government=personas.government_a, title_en="A draft")
    update = ProgressUpdateFactory(action=pledge, published=True, created_by=member)
    EndorsementFactory(government=personas.government_a, verified=True, submitted_by=member)
    return {"practice": practice, "pledge": pledge, "update": update, "campaign": campaign}


def unpack(built, target):
    with zipfile.ZipFile(built.path) as packed:
        packed.extractall(target)
        names = packed.namelist()
    (folder,) = {name.split("/")[0] for name in names}
    return Path(target) / folder, names


def csv_rows(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_archive_holds_every_resource_as_csv_and_json_with_a_description(published, tmp_path):
    built, created = archive.build()

    assert created and built.path.parent == archive.folder()
    root, names = unpack(built, tmp_path / "out")
    expected = {f"data/{name}.{extension}" for name in EXPORTERS for extension in ("csv", "json")}
    assert {name.split("/", 1)[1] for name in names} == expected | {"datapackage.json", "README.md", "SHA256SUMS"}
    newest_first = [published["pledge"].public_id, published["practice"].public_id]
    assert [row["id"] for row in csv_rows(root / "data/actions.csv")] == newest_first
    assert [row["id"] for row in json.loads((root / "data/actions.json").read_text())["data"]] == newest_first
    campaigns = list(Campaign.objects.values_list("slug", flat=True))
    assert [row["slug"] for row in csv_rows(root / "data/campaigns.csv")] == campaigns
    assert built.resources == {"actions": 2, "governments": 2, "endorsements": 1, "progress-updates": 1, "campaigns": 1}
    readme = (root / "README.md").read_text()
    assert "CC BY 4.0" in readme and "https://creativecommons.org/licenses/by/4.0/" in readme
    assert "sha256sum -c SHA256SUMS" in readme and "- actions: 2 rows" in readme


def test_every_checksum_matches_and_the_archive_checksum_is_recorded(published, tmp_path):
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")

    sums = [line.split("  ") for line in (root / "SHA256SUMS").read_text().splitlines()]
    assert {path for _digest, path in sums} == {
        str(path.relative_to(root)) for path in root.rglob("*") if path.is_file() and path.name != "SHA256SUMS"
    }
    for digest, path in sums:
        assert hashlib.sha256((root / path).read_bytes()).hexdigest() == digest, path
    assert hashlib.sha256(built.path.read_bytes()).hexdigest() == built.sha256
    assert built.size == built.path.stat().st_size


def test_the_data_package_validates_with_relative_paths(published, tmp_path):
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")

    descriptor = json.loads((root / "datapackage.json").read_text())
    assert all(not resource["path"].startswith(("/", "http")) for resource in descriptor["resources"])
    assert {resource["path"] for resource in descriptor["resources"]} == {
        f"data/{name}.{extension}" for name in EXPORTERS for extension in ("csv", "json")
    }
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    report = validate(str(root / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_a_data_set_without_rows_still_validates(personas, tmp_path):
    ActionFactory(published=True, government=personas.government_a)  # no progress update, endorsement or campaign
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")

    assert built.resources["progress-updates"] == 0
    report = validate(str(root / "datapackage.json"))
    assert report.valid, report.flatten(["resourcePath", "type", "note"])


@pytest.mark.parametrize("damaged", ["data/actions.csv", "data/campaigns.json"])
def test_a_damaged_file_fails_validation(published, tmp_path, damaged):
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")
    with open(root / damaged, "ab") as handle:
        handle.write(b" ")

    report = validate(str(root / "datapackage.json"))

    assert not report.valid
    assert "hash-count" in {error for (error,) in report.flatten(["type"])}


def test_no_personal_data_of_members_is_inside(published, tmp_path, personas):
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")
    text = "\n".join(path.read_text(encoding="utf-8") for path in root.rglob("*") if path.is_file())

    for user in (personas.member_a, personas.editor_a, personas.member_b, personas.reviewer,
                 published["update"].created_by):
        assert user.email not in text
        assert not user.full_name or user.full_name not in text
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) == []
    assert "A draft" not in text


def test_cells_that_look_like_formulas_are_neutralised_in_the_csv(published, tmp_path):
    built, _created = archive.build()
    root, _names = unpack(built, tmp_path / "out")

    titles = [row["title_en"] for row in csv_rows(root / "data/actions.csv")]

    assert "'=HYPERLINK(\"x\")" in titles


def test_building_again_without_changes_keeps_the_archive(published):
    first, created = archive.build()
    again, created_again = archive.build(now=datetime.now(UTC) + timedelta(minutes=5))

    assert created and not created_again
    assert again == first
    assert [found.path for found in archive.archives()] == [first.path]
    assert not [path for path in archive.folder().iterdir() if path.name.startswith(".")]


def test_a_change_makes_a_new_archive_and_old_ones_are_pruned(published):
    start = datetime.now(UTC)
    built = [archive.build(now=start)[0]]
    for n in range(1, 4):
        ActionFactory(published=True, title_en=f"New action {n}")
        built.append(archive.build(now=start + timedelta(hours=n), keep=2)[0])

    assert [found.path for found in archive.archives()] == [built[3].path, built[2].path]
    assert archive.latest() == built[3]
    assert built[3].resources["actions"] == 5
    assert not built[0].path.exists() and not built[1].path.exists()
    assert sorted(path.name for path in archive.folder().iterdir()) == sorted(
        [built[2].name, built[2].name + ".json", built[3].name, built[3].name + ".json"]
    )


def test_an_unfinished_archive_is_never_offered(published):
    folder = archive.folder()
    folder.mkdir(parents=True)
    (folder / f"{archive.PREFIX}20990101T000000Z.zip").write_bytes(b"half written")

    assert archive.latest() is None
    built, _created = archive.build()
    assert archive.latest() == built


def test_the_command_writes_into_the_folder_it_is_given(published, tmp_path):
    out = StringIO()
    call_command("export_archive", "--output", str(tmp_path / "elsewhere"), stdout=out)

    (built,) = archive.archives(tmp_path / "elsewhere")
    assert str(built.path) in out.getvalue() and built.sha256 in out.getvalue()
    assert archive.latest() is None  # the default folder is left alone

    call_command("export_archive", "--output", str(tmp_path / "elsewhere"), stdout=out)
    assert "unchanged" in out.getvalue()
    assert len(archive.archives(tmp_path / "elsewhere")) == 1


def test_the_command_refuses_to_keep_no_archive(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_archive", "--output", str(tmp_path), "--keep", "0", stdout=StringIO())
