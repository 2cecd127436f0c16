"""The resource library: reports, guides, courses, recordings and toolkits that reviewers publish for local
governments, each either an uploaded file (served through a view that checks it is published) or an external link.
"""
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import LANGUAGE_CODES, TranslatableMixin
from localaction.search.text import words

TEXT_FIELDS = ("title", "summary")


def resource_file_path(instance, filename):
    # Random names: the sender's file name never reaches the file system, and nobody can guess a stored name.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"resources/{secrets.token_hex(16)}.{extension}"


def search_text(resource):
    """The folded words of a resource's titles, summaries and publisher, space-delimited at both ends so that a
    query word can be matched at the start of a word with a plain (portable) `contains`."""
    parts = [getattr(resource, f"{field}_{code}") for field in TEXT_FIELDS for code in LANGUAGE_CODES]
    parts.append(resource.publisher)
    return " " + " ".join(words(" ".join(parts))) + " "


class ResourceQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: the only queryset public pages read from."""
        return self.filter(is_published=True)


class Resource(TranslatableMixin, models.Model):
    """One item of the library: what it is, in which language, from when, about which objectives, and either a
    stored file or a link to where it lives."""

    class Type(models.TextChoices):
        REPORT = "report", _("Report")
        GUIDE = "guide", _("Guide")
        COURSE = "course", _("Course")
        RECORDING = "recording", _("Recording")
        TOOLKIT = "toolkit", _("Toolkit")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        # The language of the resource itself, which may be one the interface does not speak (Arabic).
        EN = "en", _("English")
        FR = "fr", _("French")
        ES = "es", _("Spanish")
        AR = "ar", _("Arabic")
        OTHER = "other", _("Other language")

    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    language = models.CharField(_("language of the resource"), max_length=10, choices=Language.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        help_text=_("The year it was published or recorded."),
    )
    publisher = models.CharField(
        _("publisher"), max_length=300, blank=True,
        help_text=_("The organisation or governments that produced it."),
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", verbose_name=_("GCM objectives"), blank=True, related_name="resources"
    )
    gcr_objectives = models.ManyToManyField(
        "taxonomy.GCRObjective", verbose_name=_("GCR objectives"), blank=True, related_name="resources"
    )
    sdgs = models.ManyToManyField("taxonomy.SDG", verbose_name=_("SDGs"), blank=True, related_name="resources")
    file = models.FileField(_("file"), upload_to=resource_file_path, blank=True)
    # What the content check found ("pdf", "docx"…): the download's type and extension follow it, not the name.
    file_kind = models.CharField(_("file type"), max_length=10, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)
    url = models.URLField(
        _("link"), max_length=500, blank=True, validators=[URLValidator(schemes=["https"])],
        help_text=_("An https:// address where the resource lives, if it is not uploaded here."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-created_at", "-id"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="resource_file_or_link",
            ),
        ]

    def __str__(self):
        return str(self.t.title) or f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("resources:detail", args=[self.pk])

    def clean(self):
        if not any(getattr(self, f"title_{code}").strip() for code in LANGUAGE_CODES):
            raise ValidationError({"title_en": _("Give a title in at least one language.")})
        # Exactly one of file and link: checked by ResourceForm (which knows about uploads that failed their
        # checks) and guaranteed by the database constraint.

    def save(self, *args, **kwargs):
        self.search_text = search_text(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & {"publisher", *self._text_columns()}:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @staticmethod
    def _text_columns():
        return {f"{field}_{code}" for field in TEXT_FIELDS for code in LANGUAGE_CODES}

    @property
    def is_file(self):
        return bool(self.file)

    @property
    def link_host(self):
        """The host of the external link, to tell readers where it leads."""
        return urlsplit(self.url).hostname or ""

    @property
    def download_name(self):
        """The file name a download gets: the title in the reader's language, with the extension of its content."""
        return f"{slugify(str(self.t.title))[:80] or 'resource'}.{self.file_kind or 'bin'}"
