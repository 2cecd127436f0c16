"""Reports' entries in the permission matrix (see core/tests/matrix.py)."""
from datetime import date

from django.core.files.base import ContentFile

from localaction.core.tests.matrix import PUBLIC, members_of_a, only, reviewers
from localaction.reports.models import AnnualReport, Certificate, GeneratedFile

PDF = b"%PDF-1.4\n%%EOF\n"

# POST-only screens: anonymous visitors go to sign in, other people are refused, reviewers get 405 for a GET.
POST_ONLY = only({"reviewer", "admin"}, status=405)


def _ready(kind, **fields):
    generated = GeneratedFile(kind=kind, title="A file", status=GeneratedFile.Status.READY, progress=100, **fields)
    generated.file.save("file.pdf", ContentFile(PDF), save=False)
    generated.size = len(PDF)
    generated.save()
    return generated


def make_objects(personas):
    edition = AnnualReport.objects.create(
        period_start=date(2025, 1, 1), period_end=date(2025, 12, 31), is_published=True, intro_en="Hello",
    )
    report_file = _ready(GeneratedFile.Kind.ANNUAL_REPORT, language="en", is_public=True, parameters={"edition": edition.pk})
    government = personas.government_a
    certificate = Certificate.objects.create(
        government=government, basis=Certificate.Basis.DECLARATION, language="en",
        facts={"government": {"name": government.name, "slug": government.slug, "country": government.country_id},
               "endorsement": {"signed_on": "2019-03-14"}},
        file=_ready(GeneratedFile.Kind.CERTIFICATE, language="en", government=government),
    )
    return {"edition": edition, "report_file": report_file, "certificate": certificate}


ENTRIES = {
    "reports:list": (None, PUBLIC),
    "reports:download": (lambda o: [o["edition"].pk, "en"], PUBLIC),
    "reports:verify_lookup": (None, PUBLIC),
    "reports:verify": (lambda o: [o["certificate"].code], PUBLIC),
    "reports_workspace:index": (None, reviewers()),
    "reports_workspace:edition_create": (None, reviewers()),
    "reports_workspace:edition": (lambda o: [o["edition"].pk], reviewers()),
    "reports_workspace:edition_build": (lambda o: [o["edition"].pk], POST_ONLY),
    "reports_workspace:edition_publish": (lambda o: [o["edition"].pk], POST_ONLY),
    "reports_workspace:file": (lambda o: [o["report_file"].pk], reviewers()),
    "reports_workspace:file_download": (lambda o: [o["report_file"].pk], reviewers()),
    # A government's focal points only: its editors get 403, everyone else 404 (reviewers included).
    "reports_workspace:certificates": (lambda o: [o["certificate"].government.slug], members_of_a(editor=403)),
    "reports_workspace:certificate_download": (
        lambda o: [o["certificate"].government.slug, o["certificate"].code], members_of_a(editor=403),
    ),
}
