"""The campaigns' URL names in the permission matrix: the reviewers' campaign pages (reviewers and the admin;
members 403; anonymous visitors sent to sign in) and the public download of a published package."""
from django.core.files.base import ContentFile

from localaction.actions.tests.factories_review import published_action
from localaction.core.tests.matrix import PUBLIC, reviewers
from localaction.reports.models import GeneratedFile

from .. import services
from .factories import campaign


def _ready_file(frozen, is_public):
    generated = GeneratedFile.objects.create(
        kind=GeneratedFile.Kind.HANDOVER, title="Package", campaign=frozen, language="en",
        parameters={"recipient": "unhcr"}, status=GeneratedFile.Status.READY, is_public=is_public, progress=100,
    )
    generated.file.save("handover.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    return generated


ENTRIES = {
    "campaigns_workspace:list": (None, reviewers()),
    "campaigns_workspace:detail": (lambda o: [o["campaign"].slug], reviewers()),
    "campaigns_workspace:freeze": (lambda o: [o["campaign"].slug], reviewers(405)),  # POST only
    "campaigns_workspace:snapshot": (lambda o: [o["frozen_campaign"].slug], reviewers()),
    "campaigns_workspace:request_package": (lambda o: [o["frozen_campaign"].slug], reviewers(405)),  # POST only
    "campaigns_workspace:download": (lambda o: [o["private_package"].pk], reviewers()),
    "campaigns_workspace:publish": (lambda o: [o["private_package"].pk], reviewers(405)),  # POST only
    "campaigns_workspace:announced_at": (lambda o: [o["announced_action"].public_id], reviewers()),
    "campaigns:file": (lambda o: [o["frozen_campaign"].slug, o["public_package"].pk], PUBLIC),
}


def make_objects(personas):
    frozen = campaign()
    action = published_action(personas.government_a, campaign=frozen)
    services.freeze(frozen, by=personas.reviewer)
    return {
        "campaign": campaign(),
        "frozen_campaign": frozen,
        "announced_action": action,
        "private_package": _ready_file(frozen, is_public=False),
        "public_package": _ready_file(frozen, is_public=True),
    }
