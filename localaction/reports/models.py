"""Files the platform generates (handover packages, annual reports, certificates): who asked for them, when, how
far the build is, and where the result is stored. A file is `ready` only once it is completely written."""
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy as _

from localaction.core.translation import TranslatableMixin


class GeneratedFile(models.Model):
    """One build of one generated file. The job that builds it moves it from `queued` to `building` (with a
    progress percentage) to `ready` or `failed`; `file` is set only with `ready`, so a failed build never leaves a
    half-written file that looks usable."""

    class Kind(models.TextChoices):
        HANDOVER = "handover", _("Handover package")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        CERTIFICATE = "certificate", _("Certificate of recognition")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Building")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=5, choices=settings.CONTENT_LANGUAGES, blank=True)
    # What it is about (each optional, by kind): a campaign and a recipient for a handover package, a government
    # for a certificate, a period for an annual report; `parameters` keeps the rest of what the build needs.
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="generated_files",
    )
    government = models.ForeignKey(
        "governments.Government", verbose_name=_("government"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="generated_files",
    )
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    file = models.FileField(_("file"), upload_to="generated/%Y/%m/", blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    is_public = models.BooleanField(_("public"), default=False, help_text=_("Linked from public pages once ready."))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self):
        return self.title


# ---------------------------------------------------------------- annual report and certificates (helper I, #8)

class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        """Editions listed on the public reports page."""
        return self.filter(is_published=True)


class AnnualReport(TranslatableMixin, models.Model):
    """One edition of the "Report on Local Action for Migrants and Refugees": the period it covers, an
    introduction per language written by reviewers, and the actions they chose to highlight. Its PDFs (one per
    language, rebuilt on request) are GeneratedFiles of kind annual_report whose parameters name the edition."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_es = models.TextField(_("introduction (Spanish)"), blank=True)
    highlighted_actions = models.ManyToManyField(
        "actions.Action", verbose_name=_("highlighted actions"), blank=True, related_name="+",
        help_text=_("Published actions printed in full in the report."),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Listed on the public reports page, with its PDFs."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")), name="annual_report_period_order"
            ),
        ]

    def __str__(self):
        return f"{gettext('Report on Local Action for Migrants and Refugees')} {self.period_label}"

    @property
    def period_label(self):
        """"2025" for a calendar year, else "1 Jan 2025 – 30 Jun 2026" in the active language."""
        start, end = self.period_start, self.period_end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return str(start.year)
        return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"

    def files(self):
        """This edition's generated PDFs, newest first."""
        return GeneratedFile.objects.filter(kind=GeneratedFile.Kind.ANNUAL_REPORT, parameters__edition=self.pk)


VERIFICATION_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_verification_code():
    """12 characters of Crockford's base32 in groups of four (e.g. "7K2M-9QXD-4HTA"): easy to read from paper and
    type, and far too many to guess (60 bits)."""
    raw = "".join(secrets.choice(VERIFICATION_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    """A certificate of recognition issued to a government for endorsing the Marrakech Mayors Declaration or for
    the actions it announced in a campaign. `facts` freezes what it certifies at issue (names in every language,
    dates, counts — never a person's name), so the public verification page can always show it; the PDF is a
    GeneratedFile of kind certificate."""

    class Basis(models.TextChoices):
        DECLARATION = "declaration", _("Endorsement of the Marrakech Mayors Declaration")
        CAMPAIGN = "campaign", _("Actions announced in a campaign")

    code = models.CharField(
        _("verification code"), max_length=14, unique=True, default=new_verification_code, editable=False
    )
    government = models.ForeignKey(
        "governments.Government", verbose_name=_("government"), on_delete=models.CASCADE, related_name="certificates"
    )
    basis = models.CharField(_("recognises"), max_length=20, choices=Basis.choices)
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="certificates",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.CONTENT_LANGUAGES)
    facts = models.JSONField(_("what it certifies"), default=dict)
    file = models.OneToOneField(
        GeneratedFile, verbose_name=_("file"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="certificate",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued to"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate of recognition")
        verbose_name_plural = _("certificates of recognition")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(basis="campaign", campaign__isnull=False)
                    | models.Q(basis="declaration", campaign__isnull=True)
                ),
                name="certificate_campaign_matches_basis",
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.government}"

    def get_absolute_url(self):
        return reverse("reports:verify", args=[self.code])

    @property
    def is_valid(self):
        """Issued and built: a certificate whose PDF failed was never handed out."""
        return self.file_id is not None and self.file.status == GeneratedFile.Status.READY
